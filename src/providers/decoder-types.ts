// The contract for offline decoders: pure functions that read what a token (or the name it is
// assigned to) encodes and refine privilege and breadth. They never see the network.

import type { Breadth, Facts, Privilege } from '../model/types.js';

export interface DecodeContext {
  /** Named groups of the detector's match (host, user, account…). */
  groups: Record<string, string>;
  /** The variable, key or property the value is assigned to. */
  keyName?: string;
  /** Repo-relative path of the file. */
  path: string;
  /** The detector's metadata defaults, for decoders that only refine one dimension. */
  defaults: { privilege: Privilege; breadth: Breadth; tokenType: string };
  /** Reference time for expiry checks (injected so tests are deterministic). */
  now: Date;
}

/** What a decoder learned. Omitted fields keep the detector's metadata. */
export interface DecodedScope {
  privilege?: Privilege;
  breadth?: Breadth;
  scopes?: string[];
  /** Facts shown in reports (ids, names, regions); never the secret or a password. */
  facts: Facts;
  /** One line per conclusion, in words: "JWT role claim is service_role (bypasses Row Level Security)". */
  evidence: string[];
  /** ISO 8601 expiry time. */
  expiresAt?: string;
  tokenType?: string;
  environment?: 'production' | 'test';
  public?: boolean;
  /**
   * Sensitive strings besides the matched secret (a password inside a URI): describeScope drops
   * every fact and evidence line that contains one of them, or the secret itself. A function, so
   * the decoder's result never serializes or prints them.
   */
  redact?: () => readonly string[];
}

export type Decoder = (secret: string, ctx: DecodeContext) => DecodedScope | undefined;
