// What a provider module exports: everything tokenscope knows in code about one provider's tokens
// (the detectors themselves are data, in detectors/<id>.yaml). src/providers/index.ts lists the
// modules once; the validator, decoder, verifier and API-host registries are derived from it.

import type { Confidence } from '../model/types.js';
import type { Decoder } from './decoder-types.js';
import type { Verifier } from './verifier-types.js';

/** What a validator sees besides the secret. */
export interface ValidatorContext {
  /** Named groups of the match (never logged). */
  groups: Record<string, string | undefined>;
  /** The variable, key or property the value is assigned to, if any. */
  keyName?: string;
  path: string;
  /** The quote character right before the secret (', ", `), when it is quoted. */
  quote?: string;
}

/**
 * `false` rejects; `true` accepts; an object may also adjust the match's confidence or record a
 * checksum outcome. A token whose checksum fails is kept, but only as a note: it is not a live
 * credential (a fake, a typo, a test value), yet it is still worth a look.
 */
export type ValidatorVerdict = boolean | { ok: boolean; confidence?: Confidence; checksum?: 'valid' | 'invalid' };

/** A checksum or format check a detector names in its `validators` list. */
export interface ProviderValidator {
  check: (secret: string, ctx: ValidatorContext) => ValidatorVerdict;
  /**
   * Completes a token stem with the checksum this validator expects, so detector examples can be
   * written as `{{checksum:<name>:<stem>}}` instead of committing a live-looking token.
   */
  complete?: (stem: string) => string;
}

export interface ProviderModule {
  /** The provider id: detectors/<id>.yaml and the `provider` of its findings. */
  readonly id: string;
  readonly validators?: Readonly<Record<string, ProviderValidator>>;
  /** Offline decoders a detector names in its `decoder` field. */
  readonly decoders?: Readonly<Record<string, Decoder>>;
  /** The read-only online lookup a detector names in its `verifier` field (`--verify`). */
  readonly verifier?: Verifier;
  /** Hosts of the provider's API: the agent guard names whose API a request reaches by them. */
  readonly apiHosts?: readonly RegExp[];
}

/** A checksum's outcome: a wrong checksum keeps the match, as a low-confidence note. */
export function checksumVerdict(valid: boolean): ValidatorVerdict {
  return valid ? { ok: true, checksum: 'valid' } : { ok: true, confidence: 'low', checksum: 'invalid' };
}
