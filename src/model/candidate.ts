// A scoped match on its way to a finding, as the stages after detection see it (policy, suppress,
// verify). The plaintext fields are only set for --verify and never reach a report.

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
  /** Plaintext, only when `keepSecrets` (for --verify); dropped before reporting. */
  secret?: string;
  /** The match's other named groups (an Account SID, a shop), kept with `secret` for --verify; dropped before reporting. */
  verifyContext?: Record<string, string>;
}
