// A scoped match on its way to a finding, as the stages after detection see it (policy, suppress,
// verify). It never holds a plaintext secret: those stay in a SecretStore beside it, for --verify.

import type { ResolvedConfig } from './config.js';
import type { DetectorFile } from './detector.js';
import type { ScopeInfo, SecretOccurrence } from './types.js';

export interface InlineIgnore {
  /** 1-based line holding the comment. */
  line: number;
  /** Which marker: `tokenscope:ignore`, `gitleaks:allow`, … */
  directive: string;
  /** Detector id named by the comment, when it names one. */
  ruleId?: string;
  reason?: string;
}

/** A scoped match on its way to policy: everything a Finding needs except the verdict. */
export interface Candidate extends SecretOccurrence {
  checksum?: 'valid' | 'invalid';
  scope: ScopeInfo;
  /** The detector has a read-only online lookup (what `--verify` can tell); not reported. */
  verifiable?: boolean;
  inlineIgnore?: InlineIgnore;
  /** Set when a config allowlist value pattern matched (evaluated here, where the secret is). */
  allowlistedBy?: string;
}

/** A candidate's plaintext, kept only for --verify. */
export interface Plaintext {
  secret: string;
  /** The match's other named groups (an Account SID, a shop), which some lookups need. */
  context?: Record<string, string>;
}

/**
 * The plaintexts of a --verify scan, beside the candidates rather than on them: a finding is built
 * from a candidate, so nothing a candidate carries can be a secret. Only the verify stage reads it.
 */
export type SecretStore = ReadonlyMap<Candidate, Plaintext>;

/** The online stage of a scan (`--verify`): refines candidates in place before policy runs. */
export interface VerifyStage {
  /** `detectors`: the scan's detector files (its plan), so the stage need not load them again. */
  refine: (
    candidates: Candidate[],
    config: ResolvedConfig,
    secrets: SecretStore,
    detectors?: readonly DetectorFile[],
  ) => Promise<void>;
}
