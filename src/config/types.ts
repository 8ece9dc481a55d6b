// The configuration file (.tokenscope.yaml / .yml / .json) as validated by
// schemas/config.schema.json, and the resolved form the scan uses.

import type { Breadth, Level, Privilege } from '../types.js';

export type FailOn = Level | 'none';

/** A per-path limit: findings under `paths` may not exceed these. */
export interface PolicyLimit {
  /** Gitignore-style globs, relative to the repository root. Default: everywhere. */
  paths?: string[];
  maxPrivilege?: Exclude<Privilege, 'unknown'>;
  maxBreadth?: Exclude<Breadth, 'unknown'>;
  /** Only these providers may appear under `paths`. */
  providers?: string[];
  /** These providers may not appear under `paths`. */
  denyProviders?: string[];
  /** Shown in the finding's message when the limit is exceeded. */
  reason?: string;
}

export interface AllowlistEntry {
  paths?: string[];
  detectors?: string[];
  /** Regular expressions tested against the secret value (evaluated in the scanner, never printed). */
  values?: string[];
  fingerprints?: string[];
  reason: string;
}

export interface ConfigFile {
  $schema?: string;
  exclude?: string[];
  defaultExcludes?: boolean;
  maxFileSize?: number | string;
  failOn?: FailOn;
  baseline?: string;
  detectors?: { disable?: string[]; custom?: string[] };
  allowlist?: AllowlistEntry[];
  policy?: { limits?: PolicyLimit[] };
  verify?: { gitlabHosts?: string[]; githubHosts?: string[] };
}

/** Config after defaults and flags, with paths resolved. */
export interface ResolvedConfig {
  /** Absolute path of the file it came from, if any. */
  source?: string;
  exclude: string[];
  defaultExcludes: boolean;
  maxFileSize: number;
  failOn: FailOn;
  baseline?: string;
  disabledDetectors: string[];
  /** Absolute paths of custom detector files or folders. */
  customDetectors: string[];
  allowlist: AllowlistEntry[];
  limits: PolicyLimit[];
  /** Self-managed hosts --verify may send tokens to: only from a config the user named. */
  verify: { gitlabHosts: string[]; githubHosts: string[] };
  /**
   * Hosts an automatically found config (the scanned repository's own) named: not honoured, since
   * a repository must not choose where its tokens are sent. `--config FILE` trusts a file.
   */
  untrustedVerifyHosts?: string[];
}
