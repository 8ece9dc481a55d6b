// The configuration file (.tokenscope.yaml / .yml / .json) as validated by
// schemas/config.schema.json, and the resolved form the scan uses.

import type { Breadth, Level, Privilege } from './types.js';

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
  /** Gitignore-style globs, relative to the repository root. */
  paths?: string[];
  /** Regular expressions tested against the root-relative path; one match is enough. */
  pathRegexes?: string[];
  /** Words (any case) whose presence in the secret value covers the finding. */
  stopwords?: string[];
  detectors?: string[];
  /** Regular expressions tested against the secret value (evaluated in the scanner, never printed). */
  values?: string[];
  fingerprints?: string[];
  reason: string;
  /**
   * Set by the loader, not written by users: which file and entry this is
   * (`.tokenscope.yaml allowlist[2]`), shown in a suppressed finding's `by`.
   */
  origin?: string;
}

export type DetectorLevel = Level | 'off';

export interface ConfigFile {
  $schema?: string;
  /** Configurations this one builds on: paths relative to this file or package names. */
  extends?: string | string[];
  exclude?: string[];
  defaultExcludes?: boolean;
  maxFileSize?: number | string;
  failOn?: FailOn;
  baseline?: string;
  detectors?: { disable?: string[]; only?: string[]; levels?: Record<string, DetectorLevel>; custom?: string[] };
  allowlist?: AllowlistEntry[];
  policy?: { limits?: PolicyLimit[] };
  verify?: { gitlabHosts?: string[]; githubHosts?: string[] };
  guard?: GuardConfig;
}

/** `guard:`: what `tokenscope guard` answers a coding agent for each class of action. */
export interface GuardConfig {
  /** Answer allow instead of deny when the guard itself fails (default false: fail closed). */
  failOpen?: boolean;
  /** A destructive call with a credential that can delete or reaches an account/org (default ask). */
  destructive?: 'ask' | 'deny';
  /** A destructive call whose credential's privilege and reach are both unknown (default ask). */
  unknownScope?: 'allow' | 'ask' | 'deny';
  /** Reading a live credential into the agent's context (default deny). */
  reads?: 'allow' | 'ask' | 'deny';
  /** Writing a credential into a file (default ask). */
  writes?: 'allow' | 'ask' | 'deny';
  /** A prompt that contains a credential (default ask; agents can only block a prompt). */
  prompts?: 'allow' | 'ask' | 'deny';
  /** Extra destructive commands: regular expressions tested against each simple command. */
  destructivePatterns?: Array<string | { pattern: string; description?: string }>;
  /** API hosts whose calls are never treated as destructive (`api.example.com`, `*.internal.example.com`). */
  allowedHosts?: string[];
  /** Audit log path (relative to the config file), or false to keep none. */
  log?: string | false;
  /** Give up (and deny, unless failOpen) after this many milliseconds (default 8000). */
  timeoutMs?: number;
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
  /** Ids, providers or globs (resolved against the catalogue in the scan). */
  disabledDetectors: string[];
  /** Run only these (ids, providers or globs), when set. */
  onlyDetectors?: string[];
  detectorLevels: Record<string, DetectorLevel>;
  /** Every file the configuration was read from: the named or found one first, then what it extends. */
  sources?: string[];
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

/** Files larger than this are skipped (and counted) unless the config or --max-file-size says otherwise. */
export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;
