// Shared vocabulary and data shapes of the pipeline (sources → detect → scope → policy →
// suppress → report). No logic lives here. The string unions are a contract: other tools
// parse them from SARIF and JSON output (see README "JSON output").

import type { ResolvedConfig } from './config.js';

/** The most damaging thing a credential can do, weakest first; `unknown` when nothing here reveals it. */
export const PRIVILEGES = ['public', 'read', 'write', 'destructive', 'admin'] as const;
export type Privilege = (typeof PRIVILEGES)[number] | 'unknown';

/** How far a credential reaches, narrowest first; `unknown` when nothing here reveals it. */
export const BREADTHS = ['resource', 'project', 'org', 'account'] as const;
export type Breadth = (typeof BREADTHS)[number] | 'unknown';

/** Which source decided privilege and breadth. */
export type ScopeSource = 'metadata' | 'offline' | 'online';

export type Confidence = 'high' | 'medium' | 'low';
export type Level = 'error' | 'warning' | 'note';
export type PolicyTag = 'overbroad' | 'misplaced' | 'agent-exposed';

/** Where the scanned bytes came from. */
export type Origin = 'worktree' | 'staged' | 'history';

/** Why a file was not scanned. Every skip is counted under one of these. */
export type SkipReason =
  | 'binary'
  | 'too-large'
  | 'symlink'
  | 'special-file'
  | 'unreadable'
  | 'vanished'
  | 'missing-blob'
  | 'excluded-detector-path'
  | 'empty';

/**
 * Why a scan did not examine everything it was asked to (docs/incomplete-scans.md). Any of them
 * makes `ScanResult.incomplete` true; files left out by choice (ignore rules, size cap, binaries)
 * do not.
 */
export type IncompleteKind =
  /** A file or folder could not be read (permission, I/O error, a name the OS refuses). */
  | 'unreadable'
  /** A git object is not in the local repository (partial clone); it was not fetched. */
  | 'missing-blob'
  /** Detection threw on a file: whatever it held past that point is unknown. */
  | 'detection-failed'
  /** A decoder failed on a file's text; it was scanned as decoded so far. */
  | 'decode-failed'
  /** A file held more distinct findings than one scan reports; the rest are not listed. */
  | 'finding-limit'
  /** Detection on a file ran past the per-file time budget; the rest of it was not searched. */
  | 'time-budget';

export interface IncompleteReason {
  kind: IncompleteKind;
  /** How many files (or folders) this reason covers. */
  count: number;
  /** One line for people: what happened and what it means. */
  message: string;
  /** The first few paths affected (repository-relative), for finding them. */
  paths: string[];
}

/** One file's bytes to scan, as produced by a source. */
export interface SourceFile {
  /** Repository-relative POSIX path (what reports show). */
  path: string;
  /** Absolute path on disk, when the bytes come from the working tree. */
  absPath?: string;
  /**
   * The same path as raw bytes, when a name on it is not valid UTF-8 (`absPath` then names no
   * file: the OS wants the bytes). A Uint8Array, not a Buffer: it crosses to worker threads.
   */
  rawPath?: Uint8Array;
  /** The bytes, when the source already has them (git index, history). */
  content?: Uint8Array;
  origin: Origin;
  /** Size in bytes, when known before reading. */
  size?: number;
  /** Git blob/commit facts for history and staged scans. */
  commit?: CommitInfo;
  /** Restrict findings to these 1-based line ranges (staged diff: only added/changed lines). */
  lineFilter?: Array<[number, number]>;
}

export interface CommitInfo {
  sha: string;
  date?: string;
  author?: string;
  /** Blob id, for history scans. */
  blob?: string;
}

/** A file the scan could not (or chose not to) read. */
export interface SkippedFile {
  path: string;
  reason: SkipReason;
  detail?: string;
}

/** A problem worth telling the user about, one line, naming the file when there is one. */
export interface Notice {
  path?: string;
  message: string;
  level: 'error' | 'warning' | 'info';
}

/** Facts decoded from the token itself or its context; values are never the secret. */
export type Facts = Record<string, string | number | boolean | string[]>;

/** What the scope stage concluded about one match. */
export interface ScopeInfo {
  privilege: Privilege;
  breadth: Breadth;
  scopeSource: ScopeSource;
  scopes: string[];
  narrowerAlternative?: string;
  /** Human-readable evidence for the privilege/breadth verdict. */
  evidence: string[];
  facts: Facts;
  /** ISO time the credential expires, when decodable. */
  expiresAt?: string;
  expired?: boolean;
  /** `production` for live/production credentials, `test` for test-mode ones. */
  environment?: 'production' | 'test';
  /** The value is meant to ship to browsers or the public (publishable keys, NEXT_PUBLIC_ names). */
  public?: boolean;
  /** Token type after offline refinement (e.g. a JWT found to be a Supabase service_role key). */
  tokenType?: string;
  /** The offline decoder threw: metadata stands, and the scan is marked incomplete. */
  decodeFailed?: boolean;
}

/** Outcome of an opt-in online lookup (`--verify`). */
export interface Verification {
  status: 'active' | 'inactive' | 'unknown';
  /** Why: the HTTP status, the provider's message, or the network error (never the secret). */
  detail: string;
  /** Provider endpoint asked, METHOD host path. */
  endpoint?: string;
  /** The identity the provider reported (login, account name), when active. */
  identity?: string;
}

/** Why a finding is not counted. */
export interface Suppression {
  kind: 'inline' | 'baseline' | 'allowlist';
  /** The comment, baseline file or config key that suppressed it. */
  by: string;
  reason?: string;
}

/** Where a secret was found and how it is shown: shared by a scan candidate and a Finding. */
export interface SecretOccurrence {
  /** Detector id, `provider.token-type`; the SARIF ruleId. */
  ruleId: string;
  ruleName: string;
  provider: string;
  tokenType: string;
  path: string;
  origin: Origin;
  /** 1-based line of the secret's first character. */
  line: number;
  /** 1-based column (UTF-16 code units). */
  column: number;
  endLine: number;
  /** 1-based, exclusive. */
  endColumn: number;
  /** Known prefix plus at most 4 characters, then an ellipsis. */
  redacted: string;
  secretLength: number;
  /** Keyed HMAC of detector id and secret: stable when lines move, different per secret. */
  fingerprint: string;
  confidence: Confidence;
  /** The variable, key or property the value is assigned to, when there is one. */
  keyName?: string;
  /** Set when the secret was found in a decoded layer: the encodings undone, outermost first (`["base64"]`). */
  encoding?: string[];
  commit?: CommitInfo;
  verification?: Verification;
}

/**
 * One secret occurrence after scope and policy. Carries no plaintext secret: only a
 * masked form, its length and a keyed fingerprint.
 */
export interface Finding extends SecretOccurrence {
  privilege: Privilege;
  breadth: Breadth;
  scopeSource: ScopeSource;
  scopes: string[];
  narrowerAlternative?: string;
  policy: PolicyTag[];
  /** Why each policy tag (and the level) was given. */
  reasons: string[];
  level: Level;
  /** 0.0–10.0, for GitHub code scanning's `security-severity`. */
  securitySeverity: number;
  message: string;
  facts: Facts;
  evidence: string[];
  expiresAt?: string;
  expired?: boolean;
  environment?: 'production' | 'test';
  suppressed?: Suppression;
  /** Agent ignore rules that cover the file (`--agent-view`). */
  agentIgnoredBy?: string[];
}

/** Counts for the summary line. */
export interface ScanStats {
  filesScanned: number;
  bytesScanned: number;
  filesSkipped: number;
  skippedByReason: Partial<Record<SkipReason, number>>;
  findings: number;
  findingsByLevel: Record<Level, number>;
  suppressed: number;
  durationMs: number;
  commitsScanned?: number;
  /**
   * Files and folders left out by ignore rules (.gitignore, .git/info/exclude, .tokenscopeignore,
   * config `exclude`); an ignored folder counts once. Working-tree scans only.
   */
  ignored?: number;
  /** How many of `ignored` were git-ignored: `--agent-view` scans those too. */
  gitIgnored?: number;
  /** Folders left out by the default excludes (node_modules/, .git/, …), by pattern. */
  excludedByDefault?: Record<string, number>;
}

export interface RuleInfo {
  id: string;
  name: string;
  provider: string;
  providerName: string;
  tokenType: string;
  description: string;
  privilege: Privilege;
  breadth: Breadth;
  narrowerAlternative?: string;
  remediation: string;
  references: string[];
  confidence: Confidence;
}

export interface ScanResult {
  tool: { name: 'tokenscope'; version: string };
  /** Absolute scan root. */
  root: string;
  /** The settings that decided this result. */
  settings: { failOn: Level | 'none'; configFile?: string; baseline?: string };
  findings: Finding[];
  suppressed: Finding[];
  skipped: SkippedFile[];
  notices: Notice[];
  stats: ScanStats;
  /** The rules (detectors) the scan ran, for SARIF `driver.rules`. */
  rules: RuleInfo[];
  /** Baseline entries that matched nothing (a fixed or removed secret). */
  staleBaseline?: Array<{ ruleId: string; path: string; fingerprint: string }>;
  /**
   * True when something could not be examined (see IncompleteKind): a clean result then is no
   * proof of a clean tree. SARIF `invocation.executionSuccessful` is its negation.
   */
  incomplete: boolean;
  /** Why, grouped by kind; empty when the scan is complete. */
  incompleteReasons: IncompleteReason[];
  /** Inline ignore comments that suppressed nothing. */
  unusedIgnores?: Array<{ path: string; line: number; text: string }>;
  /** Set by `--agent-view`: what a coding agent in this checkout can read. */
  agentView?: AgentViewSummary;
}

export interface AgentViewSummary {
  credentials: number;
  highestPrivilege: Privilege;
  broadestReach: Breadth;
  coveredByIgnoreRules: number;
  ignoreFiles: string[];
}

/** Supplies the files to scan instead of the working tree (git index, history). */
export interface CollectedSources {
  files: SourceFile[];
  skipped: SkippedFile[];
  notices?: Notice[];
  commits?: number;
  /**
   * Files read a group at a time after `files` (git history): each group is analysed and let go
   * before the next is held, so memory does not grow with the history. `skipped` may grow while
   * the groups are read; `files` and `bytes` are their totals, known up front.
   */
  later?: { files: number; bytes: number; groups: AsyncIterable<SourceFile[]> };
  /** The working-tree walk: files left out by ignore rules (counted, not scanned). */
  ignored?: { ignored: number; gitIgnored: number };
  /** The working-tree walk: files left out by the default excludes, by rule. */
  excludedByDefault?: Record<string, number>;
}

export interface SourceProvider {
  collect(root: string, config: ResolvedConfig): Promise<CollectedSources>;
  /** A partial view (a diff): baseline entries not seen are not necessarily stale. */
  partial: boolean;
}
