// Detection over one file's text: one prefilter pass finds keyword hits; each detector whose
// keyword appeared runs its regex only over the lines holding those hits (or, for multi-line
// formats, a bounded window after them); validators and the placeholder filter judge each
// capture; overlapping matches keep the most specific detector.

import type { CompiledDetector, DetectorSet } from './compile.js';
import { findKeywords, type Hits } from './prefilter.js';
export type { Hits } from './prefilter.js';
import { shannonEntropy } from './entropy.js';
import { placeholderKind } from './placeholder.js';
import { extractKeyName } from './context.js';
import { withLayers } from './layers.js';
import { isWellKnownDemoJwt } from '../providers/formats/jwt.js';
import {
  GENERIC_VALUE_MAX,
  GENERIC_VALUE_MIN,
  HASH_NAME_WORD,
  hasShortSecretShape,
  keyWords,
  looksLikeIdentifier,
  rejectsOnShape,
} from './generic-value.js';
import type { ValidatorContext } from './validators.js';
import type { Confidence } from '../model/types.js';
import type { RawMatch as Match } from '../model/match.js';

/** Longest stretch of one line a single-line detector looks at around a keyword hit. */
const LINE_WINDOW_CAP = 4096;
/** How much of a file a `wholeFile` detector reads (credential files are small). */
const WHOLE_FILE_WINDOW = 65536;

/** A match as detection builds it: the model's RawMatch with the compiled detector. */
export type RawMatch = Match<CompiledDetector>;

interface Window {
  start: number;
  end: number;
}

const CONFIDENCE_RANK: Record<Confidence, number> = { high: 3, medium: 2, low: 1 };

/** Pushes [start, end) onto a list of windows sorted by start, merging overlaps. */
function addWindow(windows: Window[], start: number, end: number): void {
  const last = windows[windows.length - 1];
  if (last && start <= last.end) {
    if (end > last.end) last.end = end;
  } else {
    windows.push({ start, end });
  }
}

function mergeWindows(list: Window[]): Window[] {
  const sorted = [...list].sort((a, b) => a.start - b.start);
  const merged: Window[] = [];
  for (const w of sorted) addWindow(merged, w.start, w.end);
  return merged;
}

/** Characters of a variable or key name: letters, digits, `_ . $ @ -`. */
function isNameChar(c: number): boolean {
  return (
    (c >= 48 && c <= 57) ||
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    c === 95 ||
    c === 46 ||
    c === 36 ||
    c === 64 ||
    c === 45
  );
}

function isTokenChar(c: number): boolean {
  return (
    (c >= 48 && c <= 57) ||
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    c === 95 ||
    c === 45 ||
    c === 43 ||
    c === 47 ||
    c === 61
  );
}

export interface DetectOptions {
  /** Only run these detectors (used by example checks). */
  only?: ReadonlySet<string>;
  /**
   * Stop a detector after this many accepted matches in the file, and say so through
   * `onLimit`: a file of hundreds of thousands of matches would otherwise take minutes.
   */
  maxMatchesPerDetector?: number;
  onLimit?: (detectorId: string) => void;
  /**
   * `performance.now()` past which detection stops for this file (the per-file time budget): a
   * file built to be slow is reported unfinished through `onTimeout`, never a hang.
   */
  deadline?: number;
  onTimeout?: () => void;
  /** `text` as the valid UTF-8 bytes it was decoded from (saves the prefilter encoding it). */
  utf8?: Uint8Array;
  /** Leave out the `wholeFile` detectors (a later piece of a large file: they read its start). */
  skipWholeFile?: boolean;
  /** Receives the prefilter's hits on `text` itself (not on decoded layers), e.g. for the AST pass. */
  onHits?: (hits: Hits) => void;
}

/** How many judgements one file remembers (see MatchBudget.judge). */
const JUDGE_CACHE_MAX = 65536;

/**
 * Per-file work bounds: each detector may accept `limit` distinct values (copies of a value
 * already accepted are free: the report lists only a few of them anyway), and the verdict on a
 * value in the same context is remembered, so a file repeating one line a million times costs
 * one judgement per distinct line, not one per copy.
 */
class MatchBudget {
  private readonly accepted = new Map<CompiledDetector, Set<string>>();
  private readonly full = new Set<CompiledDetector>();
  private readonly verdicts = new Map<string, ReturnType<typeof judgeValue> | null>();

  private timedOut = false;
  private ticks = 0;

  constructor(
    private readonly limit: number,
    private readonly onLimit?: (detectorId: string) => void,
    private readonly deadline = Number.POSITIVE_INFINITY,
    private readonly onTimeout?: () => void,
  ) {}

  /** Whether the file's time budget is spent; the clock is read every 64 calls, so it stays cheap. */
  overTime(): boolean {
    if (this.timedOut) return true;
    if (this.deadline === Number.POSITIVE_INFINITY || (this.ticks++ & 63) !== 0) return false;
    if (performance.now() <= this.deadline) return false;
    this.timedOut = true;
    this.onTimeout?.();
    return true;
  }

  /** Whether `detector` may report `secret`; the first refusal is reported through onLimit. */
  take(detector: CompiledDetector, secret: string): boolean {
    let values = this.accepted.get(detector);
    if (!values) this.accepted.set(detector, (values = new Set()));
    if (values.has(secret)) return true;
    if (values.size >= this.limit) {
      if (!this.full.has(detector)) {
        this.full.add(detector);
        this.onLimit?.(detector.id);
      }
      return false;
    }
    values.add(secret);
    return true;
  }

  exhausted(detector: CompiledDetector): boolean {
    return this.full.has(detector) || this.overTime();
  }

  judge(detector: CompiledDetector, secret: string, ctx: ValidatorContext): ReturnType<typeof judgeValue> {
    const key = `${detector.order}\0${secret}\0${ctx.keyName ?? ''}\0${ctx.quote ?? ''}\0${Object.entries(ctx.groups).join('\0')}`;
    const cached = this.verdicts.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const verdict = judgeValue(detector, secret, ctx);
    if (this.verdicts.size < JUDGE_CACHE_MAX) this.verdicts.set(key, verdict ?? null);
    return verdict;
  }
}

/**
 * Runs every candidate detector over `text`, and over its encoded layers (src/detect/layers.ts);
 * `path` is repo-relative (path-scoped detectors).
 */
export function detectInText(text: string, path: string, set: DetectorSet, options: DetectOptions = {}): RawMatch[] {
  return detectAtDepth(text, path, set, options, 0);
}

function detectAtDepth(
  text: string,
  path: string,
  set: DetectorSet,
  options: DetectOptions,
  depth: number,
): RawMatch[] {
  const hits = findKeywords(set.automaton, text, depth === 0 ? options.utf8 : undefined);
  if (depth === 0) options.onHits?.(hits);
  const raw = detectRaw(text, path, set, options, hits, depth);
  const detect = (inner: string, innerDepth: number, innerPath: string): RawMatch[] =>
    detectAtDepth(inner, innerPath, set, options, innerDepth);
  const layered = withLayers({ text, path, set, hits, raw, depth, detect });
  return layered === raw ? raw : resolveOverlaps(layered);
}

function detectRaw(
  text: string,
  path: string,
  set: DetectorSet,
  options: DetectOptions,
  hits: Hits,
  depth: number,
): RawMatch[] {
  // Whole-file detectors read a credential file's own layout; a decoded value inside it is not that file.
  const whole =
    depth > 0 || options.skipWholeFile
      ? []
      : set.wholeFile.filter((d) => {
          const detector = set.detectors[d]!;
          return (!options.only || options.only.has(detector.id)) && detector.pathFilter!(path);
        });
  if (hits.positions.length === 0 && whole.length === 0) return [];

  // Per-detector windows, built in one walk over the hits (already in text order). Line bounds
  // are computed once per line, and a hit already inside a detector's current window costs one
  // comparison, so files full of common keywords stay O(n) here.
  const scratch = takeScratch(set);
  const { state, coveredTo, touched } = scratch;
  try {
    return collectWindows(text, path, set, options, hits, whole, state, coveredTo, touched);
  } finally {
    for (const d of touched) {
      state[d] = 0;
      coveredTo[d] = -1;
    }
    touched.length = 0;
    scratch.busy = false;
  }
}

/**
 * Per-detector state of one file's window building, kept per detector set and reset after each
 * file (only the entries the file touched): allocating and filling two arrays of ~1,300 entries
 * per file was most of the set-up cost of a scan of 100,000 small files.
 */
interface Scratch {
  /** 0 unknown, 1 runs on this file, -1 does not. */
  readonly state: Int8Array;
  readonly coveredTo: Int32Array;
  readonly touched: number[];
  busy: boolean;
}

const SCRATCH = new WeakMap<DetectorSet, Scratch>();

function takeScratch(set: DetectorSet): Scratch {
  const count = set.detectors.length;
  let scratch = SCRATCH.get(set);
  if (!scratch || scratch.busy) {
    // A nested use (none today) gets arrays of its own rather than sharing live ones.
    const fresh: Scratch = {
      state: new Int8Array(count),
      coveredTo: new Int32Array(count).fill(-1),
      touched: [],
      busy: false,
    };
    if (!scratch) SCRATCH.set(set, fresh);
    scratch = fresh;
  }
  scratch.busy = true;
  return scratch;
}

function collectWindows(
  text: string,
  path: string,
  set: DetectorSet,
  options: DetectOptions,
  hits: Hits,
  whole: readonly number[],
  state: Int8Array,
  coveredTo: Int32Array,
  touched: number[],
): RawMatch[] {
  const windows = new Map<number, Window[]>();
  let lineStart = -1;
  let lineEnd = -1;
  const n = text.length;
  const { positions, keywordIds } = hits;
  const { keywordGates } = set;
  const keywords = set.automaton.keywords;
  for (let h = 0; h < positions.length; h++) {
    const pos = positions[h]!;
    const keyword = keywordIds[h]!;
    const gating = keywordGates[keyword];
    let candidates = set.detectorsByKeyword[keyword]!;
    if (gating !== undefined) {
      const { gates } = gating;
      const from = pos - keywords[keyword]!.length;
      let mask = 0;
      for (let g = 0; g < gates.length; g++) if (gates[g]!(text, from, pos)) mask |= 1 << g;
      candidates = gating.lists[mask]!;
    }
    if (candidates.length === 0) continue;
    if (pos > lineEnd || lineStart < 0) {
      // Just past the last newline before the hit's last character, at most LINE_WINDOW_CAP back:
      // a native search over that stretch (a character loop here was the costliest line of
      // window building; an unbounded lastIndexOf would run back over a whole minified line).
      const low = Math.max(0, pos - LINE_WINDOW_CAP);
      const newlineBefore = text.slice(low, pos - 1).lastIndexOf('\n');
      lineStart = newlineBefore < 0 ? low : low + newlineBefore + 1;
      const newline = text.indexOf('\n', pos);
      lineEnd = newline < 0 ? n : newline;
    }
    for (let c = 0; c < candidates.length; c++) {
      const d = candidates[c]!;
      if (pos < coveredTo[d]!) continue;
      let status = state[d]!;
      if (status === 0) {
        const detector = set.detectors[d]!;
        status =
          (options.only && !options.only.has(detector.id)) || (detector.pathFilter && !detector.pathFilter(path))
            ? -1
            : 1;
        state[d] = status;
        touched.push(d);
      }
      if (status < 0) continue;
      const detector = set.detectors[d]!;
      let list = windows.get(d);
      if (!list) windows.set(d, (list = []));
      let start = Math.max(lineStart, pos - LINE_WINDOW_CAP);
      const last = list[list.length - 1];
      // Only a window that will not merge into the previous one needs its start adjusted: on a
      // long line of dense hits this loop ran for every hit and every detector.
      if (start > lineStart && !(last && start <= last.end)) {
        // A capped window must not start inside a token, or `\b` would match mid-token.
        const limit = Math.min(pos, start + 256);
        while (start < limit && isTokenChar(text.charCodeAt(start))) start++;
      }
      const end = detector.multiline
        ? Math.min(n, lineEnd + detector.maxSpan)
        : Math.min(lineEnd, pos + LINE_WINDOW_CAP);
      addWindow(list, start, end);
      // Hits before the window's end add nothing for this detector, except on a capped long
      // line, where the window must keep sliding with the hits, and for a multiline detector,
      // whose window reaches maxSpan past the line: a hit on a later line may start a match that
      // runs past that reach, so it opens its own window (merged with this one).
      coveredTo[d] = detector.multiline ? lineEnd : end === lineEnd ? end : pos + 1;
    }
  }

  for (const d of whole) {
    const list = windows.get(d) ?? [];
    list.unshift({ start: 0, end: Math.min(n, WHOLE_FILE_WINDOW) });
    windows.set(d, mergeWindows(list));
  }

  const matches: RawMatch[] = [];
  const budget = new MatchBudget(
    options.maxMatchesPerDetector ?? Number.POSITIVE_INFINITY,
    options.onLimit,
    options.deadline,
    options.onTimeout,
  );
  for (const [d, list] of windows) {
    const detector = set.detectors[d]!;
    for (const window of list) {
      if (budget.exhausted(detector)) break;
      if (window.end - window.start > 2 * PIECE) collectLongWindow(text, path, detector, window, matches, budget);
      else collectMatches(text, path, detector, window, matches, budget);
    }
  }
  return resolveOverlaps(matches);
}

/** How a long window is cut (see collectLongWindow), and how far pieces overlap. */
const PIECE = 24 * 1024;
const PIECE_OVERLAP = 8192;
/** How far past a piece's nominal end its successor may start, to line up with a repeat. */
const ALIGN_SLACK = 2048;

/**
 * A window longer than a few pieces (a minified bundle, a generated single-line file, a hostile
 * line of `password=` repeated a million times) is scanned in overlapping pieces. A piece whose
 * text is a copy of one already scanned on the same line is skipped: the regex would find the
 * same matches at shifted offsets, which the per-value repeat cap drops anyway, and the same
 * line shares the same inline ignore. Pieces start where the previous piece's opening text
 * recurs, so a periodic line yields identical pieces and costs one piece, not the whole line.
 */
function collectLongWindow(
  text: string,
  path: string,
  detector: CompiledDetector,
  window: Window,
  out: RawMatch[],
  budget: MatchBudget,
): void {
  // Pieces already scanned, by line and their first and last characters; a piece is compared in
  // full (natively) only with pieces that share that key, so no piece is hashed.
  const seen = new Map<string, string[]>();
  let start = window.start;
  // Where the line holding the current piece ends (-1: not looked up yet), which names the line
  // in `seen`'s keys. Found forward (natively fast) and reused by every piece of a long line;
  // a backward search from each window would run back over the whole line.
  let lineEnd = -1;
  while (start < window.end) {
    const end = Math.min(window.end, start + PIECE + PIECE_OVERLAP);
    const piece = text.slice(start, end);
    let fresh = true;
    // Most long windows are one long line: the forward search says so without a backward pass.
    if (piece.indexOf('\n') < 0) {
      if (lineEnd < end) {
        lineEnd = text.indexOf('\n', end);
        if (lineEnd < 0) lineEnd = text.length;
      }
      const key = `${lineEnd}:${piece.length}:${piece.slice(0, 32)}:${piece.slice(-32)}`;
      const same = seen.get(key);
      if (!same) seen.set(key, [piece]);
      else if (same.includes(piece)) fresh = false;
      else same.push(piece);
    }
    // A match that runs into a cut piece end may be a truncated value: the next piece, which
    // overlaps this one, sees it whole.
    if (fresh) collectMatches(text, path, detector, { start, end }, out, budget, end < window.end);
    if (budget.exhausted(detector)) break;
    if (end >= window.end) break;
    const nominal = start + PIECE;
    const head = text.slice(start, start + 64);
    const near = text.slice(nominal, Math.min(window.end, nominal + ALIGN_SLACK + head.length));
    const again = near.indexOf(head);
    let next = nominal;
    if (again >= 0)
      next += again; // opens like this piece, whose start was already fine
    else {
      // Not inside a token: `\b` and look-behinds at the piece start would see a boundary there.
      const limit = Math.min(window.end, next + 256);
      while (next < limit && isTokenChar(text.charCodeAt(next))) next++;
    }
    start = next;
  }
}

function collectMatches(
  text: string,
  path: string,
  detector: CompiledDetector,
  window: Window,
  out: RawMatch[],
  budget: MatchBudget,
  cutEnd = false,
): void {
  const slice = text.slice(window.start, window.end);
  const regex = detector.regex;
  regex.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = regex.exec(slice)) !== null) {
    if (budget.overTime()) break;
    if (m[0].length === 0) {
      regex.lastIndex++;
      continue;
    }
    // The secret is the first participating group named `secret…` (a pattern may offer one per
    // quoting style: 'single', "double", bare), since Node 20 has no duplicate group names.
    let span: [number, number] | undefined;
    let secret: string | undefined;
    for (const name of detector.secretGroups) {
      const value = m.groups?.[name];
      if (value !== undefined && value.length > 0) {
        secret = value;
        span = m.indices?.groups?.[name];
        break;
      }
    }
    if (!span || secret === undefined) continue;
    // Generic captures fail most often on their own shape: judge that before building names and groups.
    if (detector.generic && rejectsOnShape(secret)) continue;
    if (
      detector.genericValueLengths &&
      (secret.length > GENERIC_VALUE_MAX || (secret.length < GENERIC_VALUE_MIN && !hasShortSecretShape(secret)))
    )
      continue;
    const start = window.start + span[0];
    const end = window.start + span[1];
    if (cutEnd && window.start + m.index + m[0].length >= window.end) continue;
    const groups: Record<string, string> = {};
    for (const [name, value] of Object.entries(m.groups ?? {})) {
      if (!name.startsWith('secret') && value !== undefined) groups[name] = value;
    }
    // Like `secret…`, a pattern may offer one `key…` group per syntax it accepts. A pattern may
    // also start its key at the credential word (`SECRET` in `DB_SECRET`, cheap to scan for): the
    // name then extends left over identifier characters.
    const keyGroup = Object.keys(groups).find((name) => name.startsWith('key'));
    let keyName = keyGroup ? groups[keyGroup] : undefined;
    if (keyGroup && keyName !== undefined) {
      const keyStart = window.start + m.indices!.groups![keyGroup]![0];
      let from = keyStart;
      while (from > 0 && keyStart - from < 80 && isNameChar(text.charCodeAt(from - 1))) from--;
      if (from < keyStart) keyName = text.slice(from, keyStart) + keyName;
      // `${NAME:?message}`: the shell's error text for an unset NAME, not NAME's value.
      if (detector.generic && secret.startsWith('?') && text.startsWith('${', from - 2)) continue;
      // …except a literal the template falls back to (`| default "…"`), which is a value.
      if (detector.generic && insideTemplateExpression(text, from) && !TEMPLATE_DEFAULT.test(m[0])) continue;
    }
    // The message of a Helm `required`/`fail` (`{{ required "snowflake password" .Values.x }}`).
    if (HELM_MESSAGE.test(text.slice(Math.max(0, start - 24), start))) continue;
    keyName ??= extractKeyName(text, start);
    const before = start > 0 ? text[start - 1] : undefined;
    const quote = before === '"' || before === "'" || before === '`' ? before : undefined;
    const judged = budget.judge(detector, secret, {
      groups,
      ...(keyName ? { keyName } : {}),
      path,
      ...(quote ? { quote } : {}),
    });
    if (judged === undefined) continue;
    if (!budget.take(detector, secret)) return;
    out.push({ detector, secret, start, end, groups, ...(keyName ? { keyName } : {}), ...judged });
  }
}

/**
 * Whether `at` is inside a `{{ … }}` template expression opened earlier on its line (Ansible's
 * `{{ lookup('…', 'secret=db/data/app') }}`, Vault Agent's `{{ with secret "kv/…" }}`): names and
 * arguments there are references the template resolves, not values. Looks back a bounded stretch,
 * so a long minified line costs nothing per match. A default the template falls back to (Helm's
 * `| default "…"`, dbt's `env_var('X', '…')`) is a value.
 */
const HELM_MESSAGE = /\{\{-?\s*(?:required|fail)\s+["'`]$/;
const TEMPLATE_DEFAULT = /\|\s*default\s*\(?\s*["']|\benv_var\(\s*["'][^"']{1,80}["']\s*,\s*["']/;

function insideTemplateExpression(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 200), at);
  const open = before.lastIndexOf('{{');
  return open >= 0 && before.indexOf('}}', open) < 0 && before.indexOf('\n', open) < 0;
}

/** The token's fixed prefix (a keyword it starts with), which masking shows and filters skip. */
export function knownPrefix(detector: CompiledDetector, secret: string): string {
  const lower = secret.toLowerCase();
  let best = '';
  for (const keyword of detector.keywords) {
    if (keyword.length > best.length && lower.startsWith(keyword)) best = keyword;
  }
  return secret.slice(0, best.length);
}

/** A word of a value's own name that makes it something else than the vendor's key named nearby: a hash's, a version's, an id's. */
function mentionNotKey(word: string): boolean {
  return HASH_NAME_WORD.test(word) || word === 'version' || word === 'uuid';
}

/** Validators, entropy floor and placeholder filter; undefined drops the match. */
export function judgeValue(
  detector: CompiledDetector,
  secret: string,
  ctx: ValidatorContext,
): Pick<RawMatch, 'confidence' | 'checksum' | 'synthetic'> | undefined {
  const def = detector.def;
  if (isWellKnownDemoJwt(secret)) return undefined;
  if (detector.generic && !detector.vendorMention) {
    // A generic detector drops stand-ins outright, so each check here is a plain filter and the
    // validators, which reject most captures (on the key name and the value's shape), go first.
    const judged = runValidators(detector, secret, ctx);
    if (judged === undefined) return undefined;
    if (detector.placeholderCheck && placeholderKind(secret, knownPrefix(detector, secret)) !== undefined)
      return undefined;
    if (def.minEntropy !== undefined && shannonEntropy(secret) < def.minEntropy) return undefined;
    return judged;
  }
  // A vendor named nearby vouches for a token's shape, not for a name (`aws_secretsmanager_secret.snowflake.id`,
  // a Terraform reference after a `snowflake` block's `secret_id =`).
  if (detector.vendorMention && /^[a-z][a-z0-9]*(?:[._][a-z0-9]+){2,}$/.test(secret) && looksLikeIdentifier(secret))
    return undefined;
  // …nor for the value of a name that says it is a hash or a version (`TOKENIZER_REVISION = "e360…"` on the
  // line after one that names a vendor's key).
  if (detector.vendorMention && ctx.keyName !== undefined && keyWords(ctx.keyName).some(mentionNotKey))
    return undefined;
  let synthetic = false;
  if (detector.placeholderCheck) {
    const kind = placeholderKind(secret, knownPrefix(detector, secret));
    if (kind === 'template') return undefined;
    synthetic = kind === 'synthetic';
  }
  if (!synthetic && def.minEntropy !== undefined && shannonEntropy(secret) < def.minEntropy) return undefined;
  const judged = runValidators(detector, secret, ctx);
  if (judged && synthetic) {
    judged.synthetic = true;
    judged.confidence = 'low';
  }
  return judged;
}

/** The detector's validators in order: undefined when one rejects, else the confidence and checksum they settle. */
function runValidators(
  detector: CompiledDetector,
  secret: string,
  ctx: ValidatorContext,
): Pick<RawMatch, 'confidence' | 'checksum' | 'synthetic'> | undefined {
  const judged: Pick<RawMatch, 'confidence' | 'checksum' | 'synthetic'> = { confidence: detector.def.confidence };
  for (const { check } of detector.validators) {
    const verdict = check(secret, ctx);
    if (verdict === false) return undefined;
    if (typeof verdict === 'object') {
      if (!verdict.ok) return undefined;
      if (verdict.confidence) judged.confidence = verdict.confidence;
      if (verdict.checksum) judged.checksum = verdict.checksum;
    }
  }
  return judged;
}

/** Better match first: provider-specific over generic, then confidence, then the longer secret. */
function prefer(a: RawMatch, b: RawMatch): number {
  if (a.detector.generic !== b.detector.generic) return a.detector.generic ? 1 : -1;
  const rank = CONFIDENCE_RANK[b.confidence] - CONFIDENCE_RANK[a.confidence];
  if (rank !== 0) return rank;
  // The same reading with fewer layers undone points at the exact text.
  const layers = (a.encoding?.length ?? 0) - (b.encoding?.length ?? 0);
  if (layers !== 0) return layers;
  const length = b.end - b.start - (a.end - a.start);
  if (length !== 0) return length;
  return a.detector.order - b.detector.order;
}

/** Keeps one match per overlapping secret range: the one `prefer` ranks first. */
function resolveOverlaps(matches: RawMatch[]): RawMatch[] {
  if (matches.length < 2) return matches;
  matches.sort((a, b) => a.start - b.start || a.end - b.end);
  const kept: RawMatch[] = [];
  // Sweep clusters of mutually reachable overlaps; only inside a cluster do we rank.
  let cluster: RawMatch[] = [];
  let clusterEnd = -1;
  const flush = (): void => {
    if (cluster.length === 1) kept.push(cluster[0]!);
    else if (cluster.length > 1) {
      const chosen: RawMatch[] = [];
      for (const candidate of cluster.sort(prefer)) {
        if (!chosen.some((k) => candidate.start < k.end && k.start < candidate.end)) chosen.push(candidate);
      }
      for (const k of chosen.sort((a, b) => a.start - b.start)) kept.push(k);
    }
    cluster = [];
  };
  for (const match of matches) {
    if (match.start >= clusterEnd) {
      flush();
      clusterEnd = match.end;
    } else if (match.end > clusterEnd) {
      clusterEnd = match.end;
    }
    cluster.push(match);
  }
  flush();
  return kept;
}
