// Per-file work, run in worker threads for large scans: read → detect → scope (offline) →
// locate → redact. What leaves this module carries no plaintext secret unless the caller asked
// to keep it for `--verify`, and then only in the `secret` field, which reporters never see.

import type { DetectorSet } from '../detect/compile.js';
import type { ExtraPass } from '../detect/ast-pass.js';
import { detectInText, knownPrefix, type RawMatch } from '../detect/engine.js';
import { pairSiblings } from '../detect/pairing.js';
import { decodeBytes, readFileForScan, tooLargeDetail } from '../sources/read.js';
import { describeScope } from '../scope/resolve.js';
import { fingerprintSecret, maskSecret } from '../redact.js';
import { findInlineIgnore, listIgnoreComments, type InlineIgnore } from '../suppress/inline.js';
import { lineIndex, locate } from './location.js';
import type { CommitInfo, Confidence, Notice, Origin, ScopeInfo, SecretOccurrence, SkippedFile, SourceFile } from '../types.js';

/** A scoped match on its way to policy: everything a Finding needs except the verdict. */
export interface Candidate extends SecretOccurrence {
  checksum?: 'valid' | 'invalid';
  scope: ScopeInfo;
  inlineIgnore?: InlineIgnore;
  /** Set when a config allowlist value pattern matched (evaluated here, where the secret is). */
  allowlistedBy?: string;
  /** Plaintext, only when `keepSecrets` (for --verify); dropped before reporting. */
  secret?: string;
  /** The match's other named groups (an Account SID, a shop), kept with `secret` for --verify; dropped before reporting. */
  verifyContext?: Record<string, string>;
}

export interface FileAnalysis {
  path: string;
  bytes: number;
  skipped?: SkippedFile;
  notices: Notice[];
  candidates: Candidate[];
  /** Every inline ignore comment in the file (for --report-unused-ignores). */
  ignoreComments: Array<{ line: number; text: string }>;
}

export interface AnalyzeOptions {
  maxFileSize: number;
  fingerprintKey: string;
  keepSecrets: boolean;
  /** List every inline ignore comment (only --report-unused-ignores needs them). */
  collectIgnoreComments?: boolean;
  now: Date;
  /** Allowlist value patterns from the config: [compiled regex, reason]. */
  valueAllowlist: Array<[RegExp, string]>;
  /** Optional extra pass for JS/TS (the AST pass); returns additional raw matches. */
  extraPass?: ExtraPass;
}

/** Whether a 1-based line falls in one of the inclusive ranges (none given: no). */
export function inRanges(line: number, ranges: ReadonlyArray<readonly [number, number]> | undefined): boolean {
  return ranges !== undefined && ranges.some(([from, to]) => line >= from && line <= to);
}

/** Scans one file. Never throws: a problem becomes a skip or a notice naming the file. */
export function analyzeFile(file: SourceFile, set: DetectorSet, options: AnalyzeOptions): FileAnalysis {
  const result: FileAnalysis = { path: file.path, bytes: 0, notices: [], candidates: [], ignoreComments: [] };
  let outcome;
  if (file.content) {
    outcome =
      file.content.length > options.maxFileSize
        ? ({ kind: 'skip', reason: 'too-large', detail: tooLargeDetail(file.content.length, options.maxFileSize) } as const)
        : decodeBytes(file.content);
  } else if (file.absPath) {
    outcome = readFileForScan(file.absPath, options.maxFileSize);
  } else {
    outcome = { kind: 'skip', reason: 'unreadable', detail: 'no content' } as const;
  }
  if (outcome.kind === 'skip') {
    result.skipped = { path: file.path, reason: outcome.reason, detail: outcome.detail };
    return result;
  }
  const { text } = outcome;
  result.bytes = outcome.bytes;
  if (outcome.invalidUtf8) {
    result.notices.push({ path: file.path, level: 'info', message: 'invalid UTF-8: decoded with replacement characters' });
  }

  let matches: RawMatch[];
  try {
    matches = detectInText(text, file.path, set);
    if (options.extraPass) {
      const extra = options.extraPass(text, file.path, matches);
      if (extra.matches.length > 0) matches = matches.concat(extra.matches).sort((a, b) => a.start - b.start);
      if (extra.notice) result.notices.push({ path: file.path, level: 'warning', message: extra.notice });
    }
    // Two-part credentials: a generic secret beside its provider's id is that provider's secret.
    matches = pairSiblings(text, file.path, matches, set);
  } catch (error) {
    result.notices.push({ path: file.path, level: 'error', message: `detection failed: ${(error as Error).name}` });
    return result;
  }
  if (options.collectIgnoreComments) result.ignoreComments = listIgnoreComments(text);
  if (matches.length === 0) return result;

  const lines = lineIndex(text);
  for (const match of matches) {
    const start = locate(lines, match.start);
    const end = locate(lines, match.end);
    if (file.lineFilter && !inRanges(start.line, file.lineFilter)) continue;
    const detector = match.detector;
    const scope = describeScope(match, { path: file.path, now: options.now });
    const prefix = knownPrefix(detector, match.secret);
    const candidate: Candidate = {
      ruleId: detector.id,
      ruleName: detector.def.name,
      provider: detector.provider,
      tokenType: scope.tokenType ?? detector.def.tokenType,
      path: file.path,
      origin: file.origin,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      redacted: maskSecret(match.secret, prefix.length),
      secretLength: match.secret.length,
      fingerprint: fingerprintSecret(detector.id, match.secret, options.fingerprintKey),
      confidence: match.confidence,
      ...(match.checksum ? { checksum: match.checksum } : {}),
      ...(match.keyName ? { keyName: match.keyName.slice(0, 120) } : {}),
      scope,
      ...(file.commit ? { commit: file.commit } : {}),
    };
    const ignore = findInlineIgnore(text, lines, start.line);
    if (ignore) candidate.inlineIgnore = ignore;
    for (const [pattern, reason] of options.valueAllowlist) {
      pattern.lastIndex = 0;
      if (pattern.test(match.secret)) {
        candidate.allowlistedBy = reason;
        break;
      }
    }
    if (options.keepSecrets) {
      candidate.secret = match.secret;
      if (Object.keys(match.groups).length > 0) candidate.verifyContext = { ...match.groups };
    }
    result.candidates.push(candidate);
  }
  return result;
}
