// DetectorDefinition (data from detectors/*.yaml) → CompiledDetector (regex, validators,
// prefilter automaton). Compilation assumes the definitions already passed the schema and the
// second-pass checks (src/pipeline/check-detectors.ts); it throws only on programming errors.

import ignore from 'ignore';
import type { DetectorDefinition, DetectorFile } from '../model/detector.js';
import { compileUserRegex } from '../util/user-regex.js';
import { buildAutomaton, deserializeAutomaton, type Automaton } from './prefilter.js';
import { readFileSync } from 'node:fs';
import { prefilterBundlePath } from '../util/paths.js';
import { validators, isValidatorName, type Validator } from './validators.js';
import { LAYER_TRIGGERS, type LayerTrigger } from './layers.js';
import { keywordGate, type KeywordGate } from './keyword-gates.js';
import { BINDING_WORDS } from './binding-words.js';

/** The validators of a detector, compiled: by name, in the definition's order. */
export type CompiledValidators = ReadonlyArray<{ name: string; check: Validator }>;

export interface DetectorSet {
  readonly detectors: readonly CompiledDetector[];
  /** Indexes of `wholeFile` detectors (checked against each file's path). */
  readonly wholeFile: readonly number[];
  readonly automaton: Automaton;
  /** keyword index → indexes of the detectors that use it. */
  readonly detectorsByKeyword: ReadonlyArray<readonly number[]>;
  readonly byId: ReadonlyMap<string, CompiledDetector>;
  /** keyword index → what its hit tells the encoded-layer pass (src/detect/layers.ts). */
  readonly layerTriggers: ReadonlyMap<number, LayerTrigger>;
  /**
   * keyword index → a check on a hit (src/detect/keyword-gates.ts) and the detectors that still
   * run when a hit fails it; undefined when no detector using the keyword has a gate.
   */
  readonly keywordGates: ReadonlyArray<KeywordGating | undefined>;
  /** keyword index → 1 for the AST pass's binding words (src/detect/binding-words.ts). */
  readonly bindingWords: Uint8Array;
}

/**
 * The gates of one keyword's detectors: `lists[mask]` is who runs on a hit, where bit `g` of
 * `mask` says `gates[g]` passed (detectors without a gate are in every list, index order kept).
 */
export interface KeywordGating {
  readonly gates: readonly KeywordGate[];
  readonly lists: ReadonlyArray<readonly number[]>;
}

/**
 * Compiles a detector's pattern with the flags the engine relies on (`g` to iterate, `d` for
 * group offsets). A user-supplied pattern runs in the linear-time engine (or, when it needs what
 * that lacks, on V8 only if provably bounded: src/util/user-regex.ts); built-ins on V8.
 */
export function compilePattern(
  def: Pick<DetectorDefinition, 'pattern' | 'caseInsensitive'>,
  userSupplied = false,
): RegExp {
  const flags = def.caseInsensitive ? 'gdi' : 'gd';
  return userSupplied ? compileUserRegex(def.pattern, flags) : new RegExp(def.pattern, flags);
}

/** Named groups whose name starts with `secret`, in the order they appear in the pattern. */
export function secretGroupNames(pattern: string): string[] {
  return [...pattern.matchAll(/\(\?<(secret\w*)>/g)].map((m) => m[1]!);
}

const NO_VALIDATORS: CompiledValidators = Object.freeze([]);
const NO_KEYWORDS: readonly string[] = Object.freeze([]);

/** Validators that judge a value with judgeGenericValue (src/detect/generic-value.ts). */
const GENERIC_VALUE_VALIDATORS: ReadonlySet<string> = new Set(['generic-value', 'generic-literal']);

/**
 * A compiled detector as one class, so a set of ~1,700 is one allocation each: an object literal
 * with getters made two closures and defined two accessors per detector at every start-up. The
 * regex and its secret groups are made the first time a keyword hit runs the detector: most never
 * run on a small scan, and a scan's start-up (and each worker's) need not pay for them.
 */
export class CompiledDetector {
  readonly id: string;
  readonly provider: string;
  readonly providerName: string;
  readonly revokeUrl?: string;
  /** Lower-case keywords, also used to find the token's fixed prefix for masking. */
  readonly keywords: readonly string[];
  readonly validators: CompiledValidators;
  readonly multiline: boolean;
  readonly maxSpan: number;
  readonly pathFilter?: (path: string) => boolean;
  /** Runs over the first 64 KB of every file its `paths` match, without needing a keyword. */
  readonly wholeFile: boolean;
  readonly generic: boolean;
  readonly placeholderCheck: boolean;
  /**
   * A validator judges values as generic secrets, which refuses any outside GENERIC_VALUE_MIN..MAX (short secrets aside):
   * the engine drops those captures before building anything for them (most of generic.secret's
   * captures are short, `key: "enabled"`, and judging them was most of its cost).
   */
  readonly genericValueLengths: boolean;
  /**
   * A vendor's format just after text naming the vendor (`…-mention`): generic in that it yields to
   * any other reading, but a made-up value in the vendor's exact format is kept as a note, as the
   * vendor's keyed detectors keep it, rather than dropped like a generic capture.
   */
  readonly vendorMention: boolean;
  #regex: RegExp | undefined;
  #secretGroups: string[] | undefined;

  constructor(
    readonly def: DetectorDefinition,
    file: DetectorFile,
    /** Position in the set; ties between overlapping matches go to the earlier detector. */
    readonly order: number,
    private readonly userSupplied: boolean,
  ) {
    this.id = def.id;
    this.provider = file.provider;
    this.providerName = file.providerName;
    if (file.revokeUrl) this.revokeUrl = file.revokeUrl;
    this.keywords = lowerCaseKeywords(def.keywords);
    this.validators = def.validators && def.validators.length > 0 ? compileValidators(def) : NO_VALIDATORS;
    this.multiline = def.multiline === true;
    this.maxSpan = def.maxSpan ?? 16384;
    if (def.paths) this.pathFilter = pathFilterFor(def.paths);
    this.wholeFile = def.wholeFile === true && this.pathFilter !== undefined;
    this.generic = def.generic === true;
    this.placeholderCheck = def.placeholderCheck !== false;
    this.genericValueLengths = this.validators.some((v) => GENERIC_VALUE_VALIDATORS.has(v.name));
    this.vendorMention = this.generic && this.provider !== 'generic' && def.id.endsWith('-mention');
  }

  get regex(): RegExp {
    this.#regex ??= compilePattern(this.def, this.userSupplied);
    return this.#regex;
  }

  /**
   * Names of the capture groups that may hold the secret (`secret`, `secret2`, …), in pattern
   * order. Read only when the regex matched, so found lazily like it (a scan of every pattern at
   * start-up).
   */
  get secretGroups(): readonly string[] {
    this.#secretGroups ??= secretGroupNames(this.def.pattern);
    return this.#secretGroups;
  }
}

/** The keywords in lower case; the definition's own list when it already is (most are). */
function lowerCaseKeywords(keywords: readonly string[] | undefined): readonly string[] {
  if (!keywords) return NO_KEYWORDS;
  return keywords.every((k) => k === k.toLowerCase()) ? keywords : keywords.map((k) => k.toLowerCase());
}

function compileValidators(def: DetectorDefinition): CompiledValidators {
  return (def.validators ?? []).map((name) => {
    if (!isValidatorName(name)) throw new Error(`detector ${def.id}: unknown validator "${name}"`);
    return { name, check: validators[name] as Validator };
  });
}

/**
 * The path last asked about, made repo-relative and cut into segments once: every path-scoped
 * detector asks about the same file in turn (tens of them per file, for every file of a scan).
 */
let askedPath: string | undefined;
let askedRelative = '';
let askedParts: readonly string[] = [];

function pathFilterFor(paths: string[]): (path: string) => boolean {
  // Built on first use, like the regex: a staged scan of five files asks few detectors.
  let matcher: ReturnType<typeof ignore> | undefined;
  // Made on first use too (null until then): a regex per path-scoped detector at every start-up.
  let segment: RegExp | undefined | null = null;
  // Paths are repo-relative; an absolute one (a file named outside the root) is matched by its tail.
  return (path) => {
    if (path !== askedPath) {
      askedPath = path;
      askedRelative = path.replace(/^(?:[A-Za-z]:)?\/+/, '');
      askedParts = askedRelative.split('/');
    }
    const relative = askedRelative;
    if (relative.length === 0 || relative === '..' || relative.startsWith('../')) return false;
    if (segment === null) segment = lastSegments(paths);
    const last = segment;
    // Most files match no pattern's last part in any of their segments: answered without the
    // gitignore matcher, which costs microseconds per call (there are thousands of calls per scan).
    if (last && !askedParts.some((part) => last.test(part))) return false;
    matcher ??= ignore({ allowRelativePaths: true }).add(paths);
    return matcher.ignores(relative);
  };
}

export function compileDetector(def: DetectorDefinition, file: DetectorFile, order: number): CompiledDetector {
  return new CompiledDetector(def, file, order, file.userSupplied === true);
}

/**
 * One regex for the last part of each gitignore-style pattern (`**\/.netrc` → `.netrc`, `*.php`),
 * matched against single path segments, case-insensitively like the matcher. A path the matcher
 * accepts has a segment the last part matches: the file itself, or a folder the pattern names.
 * Undefined when a pattern is one this reading cannot vouch for (a negation, a bracket, a
 * backslash escape, a trailing slash), so the matcher decides alone.
 */
function lastSegments(patterns: readonly string[]): RegExp | undefined {
  const parts: string[] = [];
  for (const pattern of patterns) {
    if (/^!|[[\\]|\/\s*$/.test(pattern)) return undefined;
    const last = pattern.trim().split('/').pop()!;
    if (last === '' || last === '**') return undefined;
    parts.push(
      last
        .split('')
        .map((ch) => (ch === '*' ? '[^/]*' : ch === '?' ? '[^/]' : ch.replace(/[.+^${}()|]/g, '\\$&')))
        .join(''),
    );
  }
  return new RegExp(`^(?:${parts.join('|')})$`, 'i');
}

/**
 * The prefilter automaton for `keywords`: the one the build wrote for the built-in catalogue
 * (dist/prefilter.bin) when the keywords are exactly its, else built here.
 */
function automatonFor(keywords: readonly string[]): Automaton {
  let bytes: Buffer | undefined;
  try {
    bytes = readFileSync(prefilterBundlePath);
  } catch {
    bytes = undefined;
  }
  return (bytes && deserializeAutomaton(bytes, keywords)) ?? buildAutomaton(keywords);
}

/** Builds the runnable set: compiled detectors plus one prefilter automaton over all their keywords. */
export function buildDetectorSet(
  files: readonly DetectorFile[],
  disabled: ReadonlySet<string> = new Set(),
): DetectorSet {
  // Plain indexed loops, each list made once: this runs at every start-up (and in every worker),
  // once, so mostly in V8's interpreter, where iterators, closures and spreads cost per step.
  const detectors: CompiledDetector[] = [];
  const byId = new Map<string, CompiledDetector>();
  const wholeFile: number[] = [];
  for (let f = 0; f < files.length; f++) {
    const file = files[f]!;
    const defs = file.detectors;
    for (let i = 0; i < defs.length; i++) {
      const def = defs[i]!;
      if (disabled.size > 0 && disabled.has(def.id)) continue;
      const detector = compileDetector(def, file, detectors.length);
      if (detector.wholeFile) wholeFile.push(detectors.length);
      detectors.push(detector);
      byId.set(detector.id, detector);
    }
  }
  const keywordIndex = new Map<string, number>();
  const keywords: string[] = [];
  const detectorsByKeyword: number[][] = [];
  /** The automaton's index of `keyword`, added (with no detectors yet) the first time it is asked for. */
  const keywordId = (keyword: string): number => {
    let k = keywordIndex.get(keyword);
    if (k === undefined) {
      k = keywords.length;
      keywordIndex.set(keyword, k);
      keywords.push(keyword);
      detectorsByKeyword.push([]);
    }
    return k;
  };
  for (let index = 0; index < detectors.length; index++) {
    const own = detectors[index]!.keywords;
    for (let j = 0; j < own.length; j++) {
      const list = detectorsByKeyword[keywordId(own[j]!)]!;
      // Detectors come in index order, so a repeat can only be this detector's own (a keyword
      // listed twice); a full search was quadratic for keywords hundreds of detectors share.
      if (list[list.length - 1] !== index) list.push(index);
    }
  }
  // The layer pass's and the AST gate's words ride in the same automaton: one pass over the text
  // finds them all.
  const layerTriggers = new Map<number, LayerTrigger>();
  for (const [keyword, trigger] of Object.entries(LAYER_TRIGGERS)) layerTriggers.set(keywordId(keyword), trigger);
  const bindingIds = BINDING_WORDS.map(keywordId);
  const bindingWords = new Uint8Array(keywords.length);
  for (const k of bindingIds) bindingWords[k] = 1;
  const keywordGates: Array<KeywordGating | undefined> = [];
  for (let k = 0; k < keywords.length; k++) {
    const keyword = keywords[k]!;
    const users = detectorsByKeyword[k]!;
    // Most keywords have no gate: asked without building a list.
    let gated = false;
    for (let i = 0; i < users.length && !gated; i++)
      gated = keywordGate(keyword, detectors[users[i]!]!.id) !== undefined;
    keywordGates.push(gated ? gatingOf(keyword, users, detectors) : undefined);
  }
  return {
    detectors,
    layerTriggers,
    keywordGates,
    bindingWords,
    wholeFile,
    automaton: automatonFor(keywords),
    detectorsByKeyword,
    byId,
  };
}

/** The gates of a keyword some of whose detectors have one, and who runs for each outcome. */
function gatingOf(keyword: string, users: readonly number[], detectors: readonly CompiledDetector[]): KeywordGating {
  const gateOf = users.map((d) => keywordGate(keyword, detectors[d]!.id));
  const gates = [...new Set(gateOf.filter((g) => g !== undefined))];
  const lists = Array.from({ length: 1 << gates.length }, (_, mask) =>
    users.filter((_, i) => {
      const g = gateOf[i];
      return g === undefined || (mask & (1 << gates.indexOf(g))) !== 0;
    }),
  );
  return { gates, lists };
}
