// Per-file work, run in worker threads for large scans: read → detect → scope (offline) →
// locate → redact. What leaves this module carries no plaintext secret unless the caller asked
// to keep it for `--verify`, and then only in the `secret` field, which reporters never see.

import type { DetectorSet } from '../detect/compile.js';
import type { ExtraPass } from '../detect/ast-pass.js';
import { detectInText, knownPrefix, type Hits, type RawMatch } from '../detect/engine.js';
import { pairSiblings } from '../detect/pairing.js';
import { isAscii, isUtf8 } from 'node:buffer';
import { decodeBytes, openRanges, readFileForScan, tooLargeDetail } from '../sources/read.js';
import { describeScope } from '../scope/resolve.js';
import { fingerprintSecret, maskSecret, scrubDeep } from '../util/redact.js';
import { findInlineIgnore, listIgnoreComments } from '../suppress/inline.js';
import { lineIndex, locate } from '../util/location.js';
import { utf16Length } from '../util/utf8.js';
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

/**
 * Files larger than this are analyzed in pieces of PIECE_BYTES (see analyzeInPieces): decoded
 * whole, a file costs its bytes plus a string of up to twice that, plus the work on it.
 */
export const PIECE_THRESHOLD = 32 * 1024 * 1024;
const PIECE_BYTES = 8 * 1024 * 1024;
/** Each piece also reads this much past its end, for matches that straddle the cut... */
const PIECE_OVERLAP = 64 * 1024;
/** ...and this much before its start, for key names, look-behinds and an ignore comment above. */
const PIECE_CONTEXT = 4096;

/**
 * Scans one file. Never throws: a problem becomes a skip or a notice naming the file.
 * `pieceThreshold` is for tests (pieces of small files).
 */
export function analyzeFile(
  file: SourceFile,
  set: DetectorSet,
  options: AnalyzeOptions,
  pieceThreshold = PIECE_THRESHOLD,
): FileAnalysis {
  const path = file.rawPath ? Buffer.from(file.rawPath) : file.absPath;
  if (!file.content && path !== undefined && (file.size ?? 0) > pieceThreshold) {
    const done = analyzeInPieces(file, path, set, options, pieceThreshold);
    if (done) return done;
  }
  const result = emptyAnalysis(file);
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
  } else if (path !== undefined) {
    outcome = readFileForScan(path, options.maxFileSize);
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
  const work = startWork(text.length);
  analyzeText(file, set, options, result, work, text, outcome.utf8);
  return finishWork(file, result, work);
}

function emptyAnalysis(file: SourceFile): FileAnalysis {
  return { path: file.path, bytes: 0, notices: [], candidates: [], ignoreComments: [] };
}

/** What one file's analysis shares across its pieces. */
interface FileWork {
  readonly budgetMs: number;
  readonly deadline: number;
  readonly limited: Set<string>;
  timedOut: boolean;
  failed: boolean;
  readonly collect: CollectState;
}

function startWork(size: number): FileWork {
  const budgetMs = fileTimeBudgetMs(size);
  return {
    budgetMs,
    deadline: performance.now() + budgetMs,
    limited: new Set(),
    timedOut: false,
    failed: false,
    collect: { repeats: new Map(), repeated: 0, overLimit: 0, secrets: [] },
  };
}

/** Where a piece of a file sits in it, in the piece's own string offsets. */
interface Piece {
  /** Matches starting in [ownStart, ownEnd) are this piece's; the rest belong to a neighbour. */
  readonly ownStart: number;
  readonly ownEnd: number;
  /** Lines of the file before the piece's first character. */
  readonly lineOffset: number;
  /** UTF-16 units between the last newline before the piece and its first character. */
  readonly columnCarry: number;
  readonly first: boolean;
}

/** Detection and candidates for `text`, the whole file or one piece of it. */
function analyzeText(
  file: SourceFile,
  set: DetectorSet,
  options: AnalyzeOptions,
  result: FileAnalysis,
  work: FileWork,
  text: string,
  utf8: Uint8Array | undefined,
  piece?: Piece,
): void {
  let matches: RawMatch[];
  try {
    let hits: Hits = { positions: [], keywordIds: [] };
    matches = detectInText(text, file.path, set, {
      ...(utf8 ? { utf8 } : {}),
      ...(piece && !piece.first ? { skipWholeFile: true } : {}),
      onHits: (found) => {
        hits = found;
      },
      maxMatchesPerDetector: MAX_FINDINGS_PER_FILE,
      onLimit: (id) => work.limited.add(id),
      deadline: work.deadline,
      onTimeout: () => {
        work.timedOut = true;
      },
    });
    // The AST pass reads files of at most 1 MB, never pieces of a larger one.
    if (options.extraPass && !piece) {
      const extra = options.extraPass(text, file.path, matches, hits);
      if (extra.matches.length > 0) matches = matches.concat(extra.matches).sort((a, b) => a.start - b.start);
      if (extra.notice) result.notices.push({ path: file.path, level: 'warning', message: extra.notice });
      if (extra.truncated) work.limited.add('the JavaScript/TypeScript AST pass');
    }
    // Two-part credentials: a generic secret beside its provider's id is that provider's secret.
    matches = pairSiblings(text, file.path, matches, set);
  } catch (error) {
    failDetection(result, error);
    work.failed = true;
    return;
  }
  if (piece) matches = matches.filter((m) => m.start >= piece.ownStart && m.start < piece.ownEnd);
  const lines = options.collectIgnoreComments || matches.length > 0 ? lineIndex(text) : [];
  if (options.collectIgnoreComments) {
    const comments = listIgnoreComments(text);
    if (!piece) result.ignoreComments.push(...comments);
    else {
      const first = locate(lines, piece.ownStart).line;
      const last = locate(lines, Math.max(piece.ownStart, piece.ownEnd - 1)).line;
      for (const c of comments)
        if (c.line >= first && c.line <= last) result.ignoreComments.push({ ...c, line: c.line + piece.lineOffset });
    }
  }
  if (matches.length === 0) return;
  try {
    collectCandidates(file, text, lines, matches, options, result, work.collect, piece);
  } catch (error) {
    failDetection(result, error);
    work.failed = true;
  }
}

/** The notices a file's analysis ends with, and its output cleaned of the secrets it holds. */
function finishWork(file: SourceFile, result: FileAnalysis, work: FileWork): FileAnalysis {
  const limited = [...work.limited];
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
  if (work.timedOut) {
    result.notices.push({
      path: file.path,
      level: 'warning',
      message: `detection stopped after ${work.budgetMs / 1000} s (the per-file time budget); the rest of the file was not searched`,
    });
    result.incomplete = { kind: 'time-budget', detail: `stopped after ${work.budgetMs / 1000} s` };
  }
  const { repeated, overLimit, secrets } = work.collect;
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
  if (secrets.length > 0) {
    // Their keys are field names (candidates, facts, groups, notices), never text of the file.
    result.candidates = scrubDeep(result.candidates, secrets, SCRUB_EXEMPT, { keys: false });
    result.notices = scrubDeep(result.notices, secrets, undefined, { keys: false });
    result.ignoreComments = scrubDeep(result.ignoreComments, secrets, undefined, { keys: false });
  }
  return result;
}

/** `at` moved back to the start of the UTF-8 character it falls in (not below `floor`). */
function charStart(bytes: Uint8Array, at: number, floor: number): number {
  while (at > floor && at < bytes.length && (bytes[at]! & 0xc0) === 0x80) at--;
  return at;
}

/**
 * A large file, piece by piece: each piece is PIECE_BYTES, cut after a newline where one is near,
 * read with PIECE_CONTEXT bytes before it and PIECE_OVERLAP after it, decoded and analyzed on its
 * own; a match belongs to the piece it starts in. Memory stays a few times PIECE_BYTES whatever
 * the file's size. Undefined when the file is not plain UTF-8 (UTF-16, binary, invalid bytes
 * anywhere) or changes while being read: the whole-file path reads those, as it always did.
 */
function analyzeInPieces(
  file: SourceFile,
  path: string | Buffer,
  set: DetectorSet,
  options: AnalyzeOptions,
  threshold: number,
): FileAnalysis | undefined {
  // Its own result: when a later piece sends the file to the whole-file path, nothing found in
  // the earlier pieces may remain.
  const result = emptyAnalysis(file);
  const reader = openRanges(path, options.maxFileSize);
  if (reader === undefined) return undefined;
  if (!('read' in reader)) {
    if (reader.kind === 'skip') result.skipped = { path: file.path, reason: reader.reason, detail: reader.detail };
    return result;
  }
  // Tests lower the threshold to cut small files; pieces then shrink with it.
  const pieceBytes = Math.min(PIECE_BYTES, Math.max(1024, threshold >> 2));
  const overlap = Math.min(PIECE_OVERLAP, pieceBytes);
  try {
    const { size } = reader;
    const head = reader.read(0, Math.min(size, 3));
    const contentStart = head.length === 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
    let own = contentStart;
    let lineOffset = 0;
    let columnCarry = 0;
    const work = startWork(size);
    let previous: { bytes: Buffer; from: number } | undefined;
    while (own < size && !work.timedOut && !work.failed) {
      // The context starts at a character boundary: read the few bytes before it too, and back up.
      const at = Math.max(contentStart, own - PIECE_CONTEXT);
      const readFrom = Math.max(contentStart, at - 3);
      const to = Math.min(size, own + pieceBytes + overlap);
      const read = reader.read(readFrom, to - readFrom);
      if (read.length < to - readFrom) return undefined;
      const from = readFrom + charStart(read, at - readFrom, 0);
      const bytes = read.subarray(from - readFrom);
      let cut = to - from;
      if (own + pieceBytes < size) {
        const nominal = own + pieceBytes - from;
        const newline = bytes.lastIndexOf(10, nominal - 1);
        cut = newline >= own - from + (pieceBytes >> 1) ? newline + 1 : charStart(bytes, nominal, own - from + 1);
      }
      // Decoded text ends on a character boundary, and all of it must be valid UTF-8.
      // (the last character read may be cut: it is in the overlap, and dropped).
      const end = to === size ? bytes.length : charStart(bytes, bytes.length - 1, cut);
      const body = bytes.subarray(0, end);
      if (!(isAscii(body) || isUtf8(body))) return undefined;
      const text = body.toString('utf8');
      const ownStart = utf16Length(body, 0, own - from);
      const ownEnd = ownStart + utf16Length(body, own - from, cut);
      if (previous) {
        // Lines and the column carry at `from`, counted on from the previous piece's start.
        const skipped = previous.bytes.subarray(0, from - previous.from);
        let newlines = 0;
        let last = -1;
        for (let i = skipped.indexOf(10); i >= 0; i = skipped.indexOf(10, i + 1)) {
          newlines++;
          last = i;
        }
        lineOffset += newlines;
        columnCarry =
          last >= 0
            ? utf16Length(skipped, last + 1, skipped.length)
            : columnCarry + utf16Length(skipped, 0, skipped.length);
      }
      analyzeText(file, set, options, result, work, text, body, {
        ownStart,
        ownEnd,
        lineOffset,
        columnCarry,
        first: own === contentStart,
      });
      previous = { bytes: body, from };
      own = from + cut;
    }
    result.bytes = size;
    return finishWork(file, result, work);
  } finally {
    reader.close();
  }
}

/** Candidate-collection state of one file, shared across its pieces. */
interface CollectState {
  readonly repeats: Map<string, number>;
  repeated: number;
  overLimit: number;
  /** Every secret matched in the file: scrubbed from whatever leaves it. */
  readonly secrets: string[];
}

/** A position in `text` as the file's 1-based line and column (a piece's offsets shifted). */
function place(lines: readonly number[], offset: number, piece: Piece | undefined): { line: number; column: number } {
  const at = locate(lines, offset);
  if (!piece) return at;
  return { line: at.line + piece.lineOffset, column: at.line === 1 ? at.column + piece.columnCarry : at.column };
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
  lines: readonly number[],
  matches: readonly RawMatch[],
  options: AnalyzeOptions,
  result: FileAnalysis,
  state: CollectState,
  piece: Piece | undefined,
): void {
  const ignoreCache = new Map<number, InlineIgnore | null>();
  const { repeats } = state;
  for (const match of matches) {
    state.secrets.push(match.secret);
    const start = place(lines, match.start, piece);
    if (file.lineFilter && !inRanges(start.line, file.lineFilter)) continue;
    const detector = match.detector;
    const localIgnore = findInlineIgnore(text, lines, start.line - (piece?.lineOffset ?? 0), ignoreCache);
    const ignore = localIgnore && piece ? { ...localIgnore, line: localIgnore.line + piece.lineOffset } : localIgnore;
    // Copies under different ignore comments are told apart: one ignored copy must not hide
    // the unignored ones.
    const valueKey = `${detector.id}\0${ignore ? ignore.line : 0}\0${match.keyName ?? ''}\0${match.secret}`;
    const seen = repeats.get(valueKey) ?? 0;
    if (seen >= MAX_REPEATS_PER_VALUE) {
      state.repeated++;
      continue;
    }
    if (result.candidates.length >= MAX_FINDINGS_PER_FILE) {
      state.overLimit++;
      continue;
    }
    repeats.set(valueKey, seen + 1);
    const end = place(lines, match.end, piece);
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
