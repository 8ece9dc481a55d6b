// What detection hands to scope: a detector match with its plaintext. Detection fills `detector`
// with its compiled form; later stages read only the catalogue fields below.

import type { DetectorDefinition } from './detector.js';
import type { Confidence } from './types.js';

/** How a value was wrapped when it was found inside an encoded layer (outermost first). */
export type LayerEncoding =
  | 'base64'
  | 'percent'
  | 'json-escape'
  | 'html-entity'
  | 'concatenation'
  | 'hex'
  | 'csv'
  | 'quoted-printable'
  | 'markdown-table'
  | 'html-table'
  | 'html-text'
  | 'sql-columns';

/** The catalogue side of a detector, which is all scope and reporting need of a match. */
export interface MatchedDetector {
  readonly def: DetectorDefinition;
  readonly id: string;
  readonly provider: string;
  readonly providerName: string;
  readonly revokeUrl?: string;
  readonly generic: boolean;
}

/** A detector match with the plaintext secret: lives only between detect and scope. */
export interface RawMatch<D extends MatchedDetector = MatchedDetector> {
  detector: D;
  secret: string;
  /** Offsets of the secret in the file's text. */
  start: number;
  end: number;
  /** Named groups other than `secret` (hosts, users, key names); never logged. */
  groups: Record<string, string>;
  keyName?: string;
  confidence: Confidence;
  /** Outcome of a checksum validator, for checksummed formats. `invalid` means not a live token. */
  checksum?: 'valid' | 'invalid';
  /** The value looks made up (abcdef123456, EXAMPLE): reported as a note, not a live secret. */
  synthetic?: boolean;
  /** Found in a decoded layer: the encodings undone, outermost first; offsets are the encoded run's. */
  encoding?: LayerEncoding[];
}
