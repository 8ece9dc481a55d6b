// A small parser for the JavaScript regex dialect detectors use (non-unicode mode, as
// compilePattern compiles them), producing just enough structure for the backtracking check:
// sequences, alternations, groups, quantifiers and the character set each atom can match.
// Callers compile the pattern with `new RegExp` first; this parser assumes it is valid.

/** Sorted, non-overlapping inclusive UTF-16 code-unit ranges. */
export type CharSet = ReadonlyArray<readonly [number, number]>;

export type RegexNode =
  | { type: 'chars'; set: CharSet; start: number; end: number }
  | { type: 'seq'; items: RegexNode[]; start: number; end: number }
  | { type: 'alt'; options: RegexNode[]; start: number; end: number }
  | { type: 'group'; body: RegexNode; start: number; end: number }
  /** Lookarounds: `behind` for `(?<=…)`/`(?<!…)`, else a look-ahead. */
  | { type: 'look'; body: RegexNode; behind: boolean; start: number; end: number }
  | { type: 'quant'; body: RegexNode; min: number; max: number; start: number; end: number }
  /** Anchors and word boundaries: match no character. */
  | { type: 'empty'; start: number; end: number }
  /** Back-references: could match anything, or nothing. */
  | { type: 'backref'; start: number; end: number };

const MAX = 0xffff;
export const ANY: CharSet = [[0, MAX]];
const DIGIT: CharSet = [[0x30, 0x39]];
const WORD: CharSet = normalize([
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x61, 0x7a],
]);
const SPACE: CharSet = normalize([
  [0x09, 0x0d],
  [0x20, 0x20],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
]);
const DOT: CharSet = complement([
  [0x0a, 0x0a],
  [0x0d, 0x0d],
  [0x2028, 0x2029],
]);

export function normalize(ranges: ReadonlyArray<readonly [number, number]>): CharSet {
  const sorted = [...ranges].filter(([a, b]) => a <= b).sort((x, y) => x[0] - y[0]);
  const out: Array<[number, number]> = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

export function union(...sets: CharSet[]): CharSet {
  return normalize(sets.flat());
}

export function complement(set: CharSet): CharSet {
  const out: Array<[number, number]> = [];
  let next = 0;
  for (const [a, b] of normalize(set)) {
    if (a > next) out.push([next, a - 1]);
    next = b + 1;
  }
  if (next <= MAX) out.push([next, MAX]);
  return out;
}

export function overlaps(a: CharSet, b: CharSet): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const [a0, a1] = a[i]!;
    const [b0, b1] = b[j]!;
    if (a0 <= b1 && b0 <= a1) return true;
    if (a1 < b1) i++;
    else j++;
  }
  return false;
}

export function contains(set: CharSet, code: number): boolean {
  return set.some(([a, b]) => code >= a && code <= b);
}

/** A character of the set, printable ASCII when there is one (readable probes and messages). */
export function representative(set: CharSet): string | undefined {
  for (const code of [0x61, 0x41, 0x30]) if (contains(set, code)) return String.fromCharCode(code);
  for (let code = 0x21; code <= 0x7e; code++) if (contains(set, code)) return String.fromCharCode(code);
  const first = set[0];
  return first ? String.fromCharCode(first[0]) : undefined;
}

/** Adds the other case of ASCII letters (the `i` flag). */
function foldCase(set: CharSet): CharSet {
  const extra: Array<[number, number]> = [];
  for (const [a, b] of set) {
    const lo = Math.max(a, 0x41);
    const hi = Math.min(b, 0x5a);
    if (lo <= hi) extra.push([lo + 32, hi + 32]);
    const lo2 = Math.max(a, 0x61);
    const hi2 = Math.min(b, 0x7a);
    if (lo2 <= hi2) extra.push([lo2 - 32, hi2 - 32]);
  }
  return extra.length > 0 ? union(set, extra) : set;
}

class Parser {
  private pos = 0;
  constructor(
    private readonly src: string,
    private readonly ignoreCase: boolean,
  ) {}

  parse(): RegexNode {
    const node = this.alternation();
    if (this.pos < this.src.length) throw new SyntaxError(`unexpected "${this.src[this.pos]}" at ${this.pos}`);
    return node;
  }

  private peek(offset = 0): string | undefined {
    return this.src[this.pos + offset];
  }

  private alternation(): RegexNode {
    const start = this.pos;
    const options = [this.sequence()];
    while (this.peek() === '|') {
      this.pos++;
      options.push(this.sequence());
    }
    return options.length === 1 ? options[0]! : { type: 'alt', options, start, end: this.pos };
  }

  private sequence(): RegexNode {
    const start = this.pos;
    const items: RegexNode[] = [];
    while (this.pos < this.src.length && this.peek() !== '|' && this.peek() !== ')') {
      items.push(this.quantified());
    }
    return items.length === 1 ? items[0]! : { type: 'seq', items, start, end: this.pos };
  }

  private quantified(): RegexNode {
    const start = this.pos;
    const atom = this.atom();
    let min: number;
    let max: number;
    const c = this.peek();
    if (c === '*' || c === '+' || c === '?') {
      this.pos++;
      [min, max] = c === '*' ? [0, Infinity] : c === '+' ? [1, Infinity] : [0, 1];
    } else if (c === '{') {
      const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(this.src.slice(this.pos));
      if (!m) return atom; // Annex B: a `{` that is not a quantifier is a literal (handled by atom next time)
      this.pos += m[0].length;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' || m[3] === undefined ? Infinity : Number(m[3]);
    } else {
      return atom;
    }
    if (this.peek() === '?') this.pos++; // lazy: same backtracking space
    return { type: 'quant', body: atom, min, max, start, end: this.pos };
  }

  private chars(set: CharSet, start: number): RegexNode {
    return { type: 'chars', set: this.ignoreCase ? foldCase(set) : set, start, end: this.pos };
  }

  private atom(): RegexNode {
    const start = this.pos;
    const c = this.src[this.pos++]!;
    switch (c) {
      case '(': {
        let look = false;
        let behind = false;
        if (this.src.startsWith('?:', this.pos)) this.pos += 2;
        else if (this.src.startsWith('?=', this.pos) || this.src.startsWith('?!', this.pos)) {
          this.pos += 2;
          look = true;
        } else if (this.src.startsWith('?<=', this.pos) || this.src.startsWith('?<!', this.pos)) {
          this.pos += 3;
          look = true;
          behind = true;
        } else if (this.src.startsWith('?<', this.pos)) {
          this.pos = this.src.indexOf('>', this.pos) + 1;
        }
        const body = this.alternation();
        if (this.peek() !== ')') throw new SyntaxError(`unclosed group at ${start}`);
        this.pos++;
        return look
          ? { type: 'look', body, behind, start, end: this.pos }
          : { type: 'group', body, start, end: this.pos };
      }
      case '[':
        return this.chars(this.classBody(), start);
      case '.':
        return this.chars(DOT, start);
      case '^':
      case '$':
        return { type: 'empty', start, end: this.pos };
      case '\\':
        return this.escape(start);
      default:
        return this.chars([[c.charCodeAt(0), c.charCodeAt(0)]], start);
    }
  }

  /** After a backslash outside a class. */
  private escape(start: number): RegexNode {
    const c = this.src[this.pos]!;
    if (c === 'b' || c === 'B') {
      this.pos++;
      return { type: 'empty', start, end: this.pos };
    }
    if (/[1-9]/.test(c)) {
      while (/\d/.test(this.peek() ?? '')) this.pos++;
      return { type: 'backref', start, end: this.pos };
    }
    if (c === 'k' && this.peek(1) === '<') {
      this.pos = this.src.indexOf('>', this.pos) + 1;
      return { type: 'backref', start, end: this.pos };
    }
    return this.chars(this.escapeSet(false), start);
  }

  /** The set an escape (after the backslash) stands for; advances past it. */
  private escapeSet(inClass: boolean): CharSet {
    const c = this.src[this.pos++]!;
    const single = (code: number): CharSet => [[code, code]];
    switch (c) {
      case 'd':
        return DIGIT;
      case 'D':
        return complement(DIGIT);
      case 'w':
        return WORD;
      case 'W':
        return complement(WORD);
      case 's':
        return SPACE;
      case 'S':
        return complement(SPACE);
      case 't':
        return single(9);
      case 'n':
        return single(10);
      case 'v':
        return single(11);
      case 'f':
        return single(12);
      case 'r':
        return single(13);
      case 'b':
        return single(inClass ? 8 : 0x62);
      case '0':
        return single(0);
      case 'c': {
        const letter = this.peek();
        if (letter && /[A-Za-z]/.test(letter)) {
          this.pos++;
          return single(letter.charCodeAt(0) % 32);
        }
        return single(0x5c);
      }
      case 'x': {
        const hex = /^[0-9A-Fa-f]{2}/.exec(this.src.slice(this.pos));
        if (!hex) return single(0x78);
        this.pos += 2;
        return single(Number.parseInt(hex[0], 16));
      }
      case 'u': {
        const hex = /^[0-9A-Fa-f]{4}/.exec(this.src.slice(this.pos));
        if (!hex) return single(0x75);
        this.pos += 4;
        return single(Number.parseInt(hex[0], 16));
      }
      default:
        return single(c.charCodeAt(0));
    }
  }

  /** After `[`, up to and including `]`. */
  private classBody(): CharSet {
    let negated = false;
    if (this.peek() === '^') {
      negated = true;
      this.pos++;
    }
    const parts: CharSet[] = [];
    while (this.pos < this.src.length && this.peek() !== ']') {
      const left = this.classAtom();
      if (
        this.peek() === '-' &&
        this.peek(1) !== ']' &&
        this.peek(1) !== undefined &&
        left.length === 1 &&
        left[0]![0] === left[0]![1]
      ) {
        const save = this.pos;
        this.pos++;
        const right = this.classAtom();
        if (right.length === 1 && right[0]![0] === right[0]![1]) {
          parts.push([[left[0]![0], right[0]![0]]]);
          continue;
        }
        this.pos = save; // `[\w-x]`: the dash is a literal
      }
      parts.push(left);
    }
    this.pos++; // ]
    const set = union(...parts);
    return negated ? complement(set) : set;
  }

  private classAtom(): CharSet {
    const c = this.src[this.pos++]!;
    if (c === '\\') return this.escapeSet(true);
    return [[c.charCodeAt(0), c.charCodeAt(0)]];
  }
}

export function parseRegex(pattern: string, flags = ''): RegexNode {
  return new Parser(pattern, flags.includes('i')).parse();
}

/** True when the node can match the empty string. */
export function nullable(node: RegexNode): boolean {
  switch (node.type) {
    case 'chars':
      return false;
    case 'seq':
      return node.items.every(nullable);
    case 'alt':
      return node.options.some(nullable);
    case 'group':
      return nullable(node.body);
    case 'quant':
      return node.min === 0 || nullable(node.body);
    default:
      return true;
  }
}

/** The characters a match of the node can start with. */
export function firstChars(node: RegexNode): CharSet {
  switch (node.type) {
    case 'chars':
      return node.set;
    case 'seq': {
      const sets: CharSet[] = [];
      for (const item of node.items) {
        sets.push(firstChars(item));
        if (!nullable(item)) break;
      }
      return union(...sets);
    }
    case 'alt':
      return union(...node.options.map(firstChars));
    case 'group':
      return firstChars(node.body);
    case 'quant':
      return node.max === 0 ? [] : firstChars(node.body);
    case 'backref':
      return ANY;
    default:
      return [];
  }
}

/** Every character the node can consume, anywhere in a match. */
export function allChars(node: RegexNode): CharSet {
  switch (node.type) {
    case 'chars':
      return node.set;
    case 'seq':
      return union(...node.items.map(allChars));
    case 'alt':
      return union(...node.options.map(allChars));
    case 'group':
    case 'quant':
      return allChars(node.body);
    case 'backref':
      return ANY;
    default:
      return [];
  }
}

/** A shortest string the node matches (ignoring lookarounds and back-references). */
export function sampleMatch(node: RegexNode): string {
  switch (node.type) {
    case 'chars':
      return representative(node.set) ?? '';
    case 'seq':
      return node.items.map(sampleMatch).join('');
    case 'alt': {
      const samples = node.options.map(sampleMatch);
      return samples.reduce((a, b) => (b.length < a.length ? b : a));
    }
    case 'group':
      return sampleMatch(node.body);
    case 'quant':
      return sampleMatch(node.body).repeat(Math.min(node.min, 64));
    default:
      return '';
  }
}
