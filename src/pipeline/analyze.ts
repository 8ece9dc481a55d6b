// Per-file work, run in worker threads for large scans: read → detect → scope (offline) →
// locate → redact. What leaves this module carries no plaintext secret unless the caller asked
// to keep it for `--verify`, and then only in the `secret` field, which reporters never see.

import type { DetectorSet } from '../detect/compile.js';
import type { ExtraPass } from '../detect/ast-pass.js';
import { detectInText, knownPrefix, type Hits, type RawMatch } from '../detect/engine.js';
import { pairSiblings } from '../detect/pairing.js';
import { decodeBytes, readFileForScan, tooLargeDetail } from '../sources/read.js';
import { describeScope } from '../scope/resolve.js';
import { fingerprintSecret, maskSecret, scrubDeep } from '../util/redact.js';
import { findInlineIgnore, listIgnoreComments } from '../suppress/inline.js';
import { lineIndex, locate } from '../util/location.js';
import type { IncompleteKind, Notice, SkippedFile, SourceFile } from '../model/types.js';
import type { InlineIgnore, Candidate, Plaintext } from '../model/candidate.js';

/**
 * Occurrences of one value (same detector, same secret) listed per file. A minified bundle or a
 * generated file can repeat one string hundreds of thousands of times; past this the rest are
 * counted in a notice, not listed: the baseline and the fix are the same for every copy.
 */
export const MAX_REPEATS_PER_VALUE = 100;
/**
 * Findings per file, and matches per detector per file. Past this the file is reported as
 * incomplete (`finding-limit`): each finding costs tens of microseconds to scope, judge and
 * report, so a generated file of half a million matches would take minutes and a report of
 * gigabytes, and nobody triages ten thousand findings in one file one by one.
 */
export const MAX_FINDINGS_PER_FILE = 10_000;
/**
 * Detection time one file may take: 2.5 s plus 1 s per MiB. Real files take milliseconds per MiB; a
 * file built to be slow (10 MB of one line dense with key=value pairs: 6 s here) stops at its
 * budget, is reported incomplete (`time-budget`) with what was found so far, and the scan goes on:
 * never a hang. The per-MiB part keeps a large ordinary file (a 10 MB single-line export, 1.3 s on
 * a quiet machine) searched to its end on a loaded one (four times slower), since wall time is all a
 * worker thread can measure.
 */
export const FILE_TIME_BUDGET_MS = 2_500;
const FILE_TIME_BUDGET_PER_MIB_MS = 1_000;

export function fileTimeBudgetMs(bytes: number): number {
  return FILE_TIME_BUDGET_MS + Math.ceil(bytes / (1024 * 1024)) * FILE_TIME_BUDGET_PER_MIB_MS;
}

export interface FileAnalysis {
  path: string;
  bytes: number;
  skipped?: SkippedFile;
  notices: Notice[];
  candidates: Candidate[];
  /** With keepSecrets (--verify): each candidate's plaintext, by index. Never in a report. */
  plaintexts?: Plaintext[];
  /** Every inline ignore comment in the file (for --report-unused-ignores). */
  ignoreComments: Array<{ line: number; text: string }>;
  /** Set when the file was not examined fully (the scan is then incomplete). */
  incomplete?: { kind: IncompleteKind; detail: string };
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
        ? ({
            kind: 'skip',
            reason: 'too-large',
            detail: tooLargeDetail(file.content.length, options.maxFileSize),
          } as const)
        : decodeBytes(file.content);
  } else if (file.absPath || file.rawPath) {
    outcome = readFileForScan(file.rawPath ? Buffer.from(file.rawPath) : file.absPath!, options.maxFileSize);
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
    result.notices.push({
      path: file.path,
      level: 'info',
      message: 'invalid UTF-8: decoded with replacement characters',
    });
  }

  let matches: RawMatch[];
  const limited: string[] = [];
  let timedOut = false;
  const budgetMs = fileTimeBudgetMs(text.length);
  try {
    let hits: Hits = { positions: [], keywordIds: [] };
    matches = detectInText(text, file.path, set, {
      ...(outcome.utf8 ? { utf8: outcome.utf8 } : {}),
      onHits: (found) => {
        hits = found;
      },
      maxMatchesPerDetector: MAX_FINDINGS_PER_FILE,
      onLimit: (id) => limited.push(id),
      deadline: performance.now() + budgetMs,
      onTimeout: () => {
        timedOut = true;
      },
    });
    if (options.extraPass) {
      const extra = options.extraPass(text, file.path, matches, hits);
      if (extra.matches.length > 0) matches = matches.concat(extra.matches).sort((a, b) => a.start - b.start);
      if (extra.notice) result.notices.push({ path: file.path, level: 'warning', message: extra.notice });
      if (extra.truncated) limited.push('the JavaScript/TypeScript AST pass');
    }
    // Two-part credentials: a generic secret beside its provider's id is that provider's secret.
    matches = pairSiblings(text, file.path, matches, set);
  } catch (error) {
    failDetection(result, error);
    return result;
  }
  if (limited.length > 0) {
    result.notices.push({
      path: file.path,
      level: 'warning',
      message: `${limited.join(', ')}: more than ${MAX_FINDINGS_PER_FILE} matches; the rest of the file was not searched for ${limited.length === 1 ? 'it' : 'them'}`,
    });
    result.incomplete = {
      kind: 'finding-limit',
      detail: `${limited.join(', ')} stopped after ${MAX_FINDINGS_PER_FILE} matches`,
    };
  }
  if (timedOut) {
    result.notices.push({
      path: file.path,
      level: 'warning',
      message: `detection stopped after ${budgetMs / 1000} s (the per-file time budget); the rest of the file was not searched`,
    });
    result.incomplete = { kind: 'time-budget', detail: `stopped after ${budgetMs / 1000} s` };
  }
  if (options.collectIgnoreComments) result.ignoreComments = listIgnoreComments(text);
  if (matches.length === 0) return result;
  try {
    collectCandidates(file, text, matches, options, result);
  } catch (error) {
    failDetection(result, error);
  }
  return result;
}

/** A crash in detection or scope on one file: a notice, and the scan is incomplete. */
function failDetection(result: FileAnalysis, error: unknown): void {
  const name = error instanceof Error ? error.name : 'error';
  // The name only: a message may quote the text being matched.
  result.notices.push({
    path: result.path,
    level: 'error',
    message: `detection failed (${name}): the file was not fully examined`,
  });
  result.incomplete = { kind: 'detection-failed', detail: name };
}

function collectCandidates(
  file: SourceFile,
  text: string,
  matches: readonly RawMatch[],
  options: AnalyzeOptions,
  result: FileAnalysis,
): void {
  const lines = lineIndex(text);
  const ignoreCache = new Map<number, InlineIgnore | null>();
  const repeats = new Map<string, number>();
  let repeated = 0;
  let overLimit = 0;
  for (const match of matches) {
    const start = locate(lines, match.start);
    if (file.lineFilter && !inRanges(start.line, file.lineFilter)) continue;
    const detector = match.detector;
    const ignore = findInlineIgnore(text, lines, start.line, ignoreCache);
    // Copies under different ignore comments are told apart: one ignored copy must not hide
    // the unignored ones.
    const valueKey = `${detector.id}\0${ignore ? ignore.line : 0}\0${match.keyName ?? ''}\0${match.secret}`;
    const seen = repeats.get(valueKey) ?? 0;
    if (seen >= MAX_REPEATS_PER_VALUE) {
      repeated++;
      continue;
    }
    if (result.candidates.length >= MAX_FINDINGS_PER_FILE) {
      overLimit++;
      continue;
    }
    repeats.set(valueKey, seen + 1);
    const end = locate(lines, match.end);
    const scope = describeScope(match, { path: file.path, now: options.now });
    if (scope.decodeFailed) {
      delete scope.decodeFailed;
      result.incomplete ??= {
        kind: 'decode-failed',
        detail: `${detector.id}: the token's decoder failed; its scope is the detector's default`,
      };
    }
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
      // A generic detector's keyword (`password`) is no token format: nothing of it is a prefix.
      redacted: maskSecret(match.secret, detector.generic ? 0 : prefix.length),
      secretLength: match.secret.length,
      fingerprint: fingerprintSecret(detector.id, match.secret, options.fingerprintKey),
      confidence: match.confidence,
      ...(match.checksum ? { checksum: match.checksum } : {}),
      ...(detector.def.verifier ? { verifiable: true } : {}),
      ...(match.keyName ? { keyName: match.keyName.slice(0, 120) } : {}),
      ...(match.encoding ? { encoding: match.encoding } : {}),
      scope,
      ...(file.commit ? { commit: file.commit } : {}),
    };
    if (ignore) candidate.inlineIgnore = ignore;
    for (const [pattern, reason] of options.valueAllowlist) {
      pattern.lastIndex = 0;
      if (pattern.test(match.secret)) {
        candidate.allowlistedBy = reason;
        break;
      }
    }
    result.candidates.push(candidate);
    if (options.keepSecrets) {
      (result.plaintexts ??= []).push({
        secret: match.secret,
        ...(Object.keys(match.groups).length > 0 ? { context: { ...match.groups } } : {}),
      });
    }
  }
  if (repeated > 0) {
    result.notices.push({
      path: file.path,
      level: 'info',
      message: `${repeated} more occurrences of values already reported ${MAX_REPEATS_PER_VALUE} times in this file are not listed`,
    });
  }
  if (overLimit > 0) {
    result.notices.push({
      path: file.path,
      level: 'warning',
      message: `${overLimit} more findings past the first ${MAX_FINDINGS_PER_FILE} in this file are not listed`,
    });
    result.incomplete = {
      kind: 'finding-limit',
      detail: `${overLimit} findings past the first ${MAX_FINDINGS_PER_FILE} not listed`,
    };
  }
  // Any text that leaves this file's analysis (an ignore reason, a key name that is itself a
  // token, a notice, an unused ignore comment) is cleaned of every secret the file holds.
  const secrets = matches.map((m) => m.secret);
  result.candidates = scrubDeep(result.candidates, secrets, SCRUB_EXEMPT);
  result.notices = scrubDeep(result.notices, secrets);
  result.ignoreComments = scrubDeep(result.ignoreComments, secrets);
}

/**
 * Candidate fields the scrub leaves alone: the identity of the finding (where it is, which rule), which a report
 * must keep exact even when a short secret happens to be part of a path.
 */
const SCRUB_EXEMPT: ReadonlySet<string> = new Set([
  'path',
  'ruleId',
  'ruleName',
  'provider',
  'tokenType',
  'redacted',
  'fingerprint',
  'commit',
  'origin',
  // Vocabulary and metadata, never taken from the scanned text: a short secret that happens to be
  // a word ("unknown", "repo") must not rewrite a finding's privilege, reach or scope names.
  'privilege',
  'breadth',
  'scopeSource',
  'scopes',
  'confidence',
  'checksum',
  'environment',
  'narrowerAlternative',
  'encoding',
  'public',
  'expired',
  'expiresAt',
]);
