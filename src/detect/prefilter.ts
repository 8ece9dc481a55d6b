// Keyword prefilter: one Aho–Corasick pass over a file's text finds every occurrence of every
// detector keyword (ASCII, case-insensitive), so a detector's regex only runs near its keywords
// and never over a file that cannot contain its secret. Same idea as gitleaks' prefilter.
//
// The automaton is a dense DFA over character classes: only the ~50 characters that occur in
// keywords get a column, every other character shares one, so the table stays small enough for
// the CPU cache (a 128-column Int32 table did not).

import { utf16Length } from '../util/utf8.js';
import { findKeywordsWasm, wasmWalker } from './prefilter-wasm.js';

export interface Automaton {
  /** Byte → column; 0 is "no keyword uses this character", which includes every byte >= 0x80
   *  (keywords are ASCII). */
  readonly charClass: Uint8Array;
  /** Columns per state (a power of two, so a row starts at `state << shift`). */
  readonly shift: number;
  /** Transition table: (state << shift) | column → next state. */
  readonly table: Uint16Array | Uint32Array;
  /** For each state, the keyword indexes that end there (including via failure links). */
  readonly outputs: ReadonlyArray<readonly number[]>;
  readonly hasOutput: Uint8Array;
  readonly keywords: readonly string[];
  /** Length of the longest keyword: no state is deeper, so a walk this far back is warmed up. */
  readonly maxLength: number;
}

/** Shared by every state without a keyword ending there (most of them); never mutated. */
const NO_OUTPUT: number[] = [];

function foldChar(c: number): number {
  return c >= 65 && c <= 90 ? c | 32 : c;
}

/** Builds the automaton for lower-case ASCII keywords. */
export function buildAutomaton(keywords: readonly string[]): Automaton {
  const charClass = new Uint8Array(256);
  let columns = 1;
  for (const word of keywords) {
    for (let i = 0; i < word.length; i++) {
      const c = foldChar(word.charCodeAt(i));
      if (c < 128 && charClass[c] === 0) {
        charClass[c] = columns++;
        if (c >= 97 && c <= 122) charClass[c - 32] = charClass[c]!; // upper case folds to lower
      }
    }
  }
  const shift = Math.max(1, Math.ceil(Math.log2(columns)));
  const width = 1 << shift;

  // Built on every start-up (each worker's too) while the code is still cold, so it avoids
  // per-state objects and JavaScript loops over whole rows: the trie is a dense typed array
  // (0 = no edge: the root is nobody's child) plus child lists for the breadth-first pass, and
  // each row is copied from its failure state's row natively (copyWithin).
  let capacity = 1;
  for (const word of keywords) capacity += word.length;
  const trie = new Uint32Array(capacity * width);
  const firstChild = new Int32Array(capacity).fill(-1);
  const lastChild = new Int32Array(capacity).fill(-1);
  const nextSibling = new Int32Array(capacity).fill(-1);
  const childColumn = new Uint8Array(capacity);
  const fail = new Uint32Array(capacity);
  // Filled up front so the array stays packed (assigning far past its end makes it a dictionary).
  const own = new Array<number[] | undefined>(capacity).fill(undefined);
  let stateCount = 1;
  for (let index = 0; index < keywords.length; index++) {
    const word = keywords[index]!;
    let state = 0;
    for (let i = 0; i < word.length; i++) {
      const column = charClass[foldChar(word.charCodeAt(i))]!;
      let next = trie[state * width + column]!;
      if (next === 0) {
        next = stateCount++;
        trie[state * width + column] = next;
        childColumn[next] = column;
        if (lastChild[state] === -1) firstChild[state] = next;
        else nextSibling[lastChild[state]!] = next;
        lastChild[state] = next;
      }
      state = next;
    }
    (own[state] ??= []).push(index);
  }
  // Breadth-first: failure links, merged outputs, and the dense table, each row built from its
  // failure state's (already complete) row — no inner failure-chain walks.
  const table = stateCount < 65536 ? new Uint16Array(stateCount * width) : new Uint32Array(stateCount * width);
  const outputs: number[][] = new Array<number[]>(stateCount).fill(NO_OUTPUT);
  if (own[0]) outputs[0] = own[0];
  const queue = new Uint32Array(stateCount);
  let tail = 0;
  for (let child = firstChild[0]!; child !== -1; child = nextSibling[child]!) {
    table[childColumn[child]!] = child;
    queue[tail++] = child;
    outputs[child] = own[child] ?? NO_OUTPUT;
  }
  for (let head = 0; head < tail; head++) {
    const state = queue[head]!;
    const failRow = fail[state]! * width;
    const row = state * width;
    table.copyWithin(row, failRow, failRow + width);
    for (let next = firstChild[state]!; next !== -1; next = nextSibling[next]!) {
      const column = childColumn[next]!;
      queue[tail++] = next;
      const target = table[failRow + column]!;
      fail[next] = target !== next ? target : 0;
      const inherited = outputs[fail[next]!]!;
      const mine = own[next];
      outputs[next] = mine ? (inherited.length > 0 ? mine.concat(inherited) : mine) : inherited;
      table[row + column] = next;
    }
  }
  // Column 0 (characters no keyword uses) always leads back to the root.
  for (let state = 0; state < stateCount; state++) table[state * width] = 0;
  const hasOutput = new Uint8Array(stateCount);
  for (let s = 0; s < stateCount; s++) hasOutput[s] = outputs[s]!.length > 0 ? 1 : 0;
  const maxLength = keywords.reduce((max, word) => Math.max(max, word.length), 0);
  return { charClass, shift, table, outputs, hasOutput, keywords, maxLength };
}

/** Keyword hits in text order: `positions[i]` is the index just past keyword `keywordIds[i]`. */
export interface Hits {
  positions: number[];
  keywordIds: number[];
}

/** Inputs shorter than this take one walk: the lanes' set-up and warm-up cost more than they save. */
const INTERLEAVE_MIN = 2048;
/** Inputs at least this long take the WebAssembly walk once it is made and loads. */
const WASM_MIN = 1024;
/**
 * The walker is made (3–5 ms: emit, compile, copy and flag the table) once the JavaScript walk
 * has walked this much, which it does in about as long: a pre-commit scan of a few files never
 * pays for it, a scan of a tree pays for it once per process.
 */
const WASM_AFTER = 2 * 1024 * 1024;
let walkedInJs = 0;
const LANES = 4;

/**
 * Scans `text` once; `utf8` is the same text as UTF-8 bytes when the caller has them (a file as
 * read), else they are encoded here. Keywords are ASCII, so the walk runs over bytes: a typed
 * array load per step instead of a string access, 1.4x faster in V8 on the perf corpus. Every
 * byte of a non-ASCII character is >= 0x80 and resets the automaton, exactly as that character
 * did in a walk over the string, so the hits are the same; their byte offsets are then turned
 * into string offsets (UTF-16 units), which for ASCII text they already are.
 */
export function findKeywords(automaton: Automaton, text: string, utf8?: Uint8Array): Hits {
  const bytes = utf8 ?? Buffer.from(text, 'utf8');
  const hits = findKeywordsInBytes(automaton, bytes);
  if (bytes.length !== text.length) toStringOffsets(bytes, hits.positions);
  return hits;
}

/**
 * Byte offsets (each just past an ASCII keyword, so on a character boundary), ascending, to
 * UTF-16 offsets of the decoded text: every byte that is not a continuation byte starts one
 * unit, a four-byte sequence two. Valid UTF-8 is assumed (the caller decoded it, or encoded it
 * from a string: a lone surrogate becomes EF BF BD, three bytes for one unit, which this counts).
 * Most non-ASCII files are ASCII with a few accents or symbols, so ASCII gaps are skipped whole.
 */
function toStringOffsets(bytes: Uint8Array, positions: number[]): void {
  let units = 0;
  let at = 0;
  for (let h = 0; h < positions.length; h++) {
    const target = positions[h]!;
    units += utf16Length(bytes, at, target);
    at = target;
    positions[h] = units;
  }
}

/**
 * Scans `bytes` once. Any byte no keyword contains (every byte >= 0x80 among them) resets the
 * automaton. Inputs of 1 KiB or more take the WebAssembly walk (prefilter-wasm.ts) once it is
 * made; its hits are the JavaScript walk's, in the same order.
 */
export function findKeywordsInBytes(automaton: Automaton, bytes: Uint8Array): Hits {
  if (bytes.length >= WASM_MIN) {
    if (walkedInJs >= WASM_AFTER) {
      const walker = wasmWalker(automaton);
      if (walker) return findKeywordsWasm(automaton, walker, bytes);
    }
    walkedInJs += bytes.length;
  }
  return findKeywordsInBytesJs(automaton, bytes);
}

/**
 * The JavaScript walk: the fallback when WebAssembly is unavailable, and the reference for it.
 *
 * A single walk is one long dependency chain (each step needs the previous state), so the CPU
 * mostly waits on table loads. The input is cut into four lanes walked in lock-step, whose steps
 * are independent and overlap in the pipeline. A lane starts `maxLength` bytes before its own
 * range with the root state: no state is deeper than the longest keyword, so by the lane's first
 * position the walk is in exactly the state a walk from the start would be in, and hits come out
 * identical, in order, once the lanes are concatenated.
 */
export function findKeywordsInBytesJs(automaton: Automaton, bytes: Uint8Array): Hits {
  const n = bytes.length;
  if (n < INTERLEAVE_MIN) {
    const hits: Hits = { positions: [], keywordIds: [] };
    walk(automaton, bytes, 0, 0, n, hits);
    return hits;
  }
  const { table, hasOutput, charClass, shift, maxLength } = automaton;
  const size = Math.ceil(n / LANES);
  const b1 = size;
  const b2 = 2 * size;
  const b3 = 3 * size;
  // Warm-up: the bytes before each lane's range, hits not recorded (the previous lane owns them).
  let s0 = 0;
  let s1 = warm(automaton, bytes, b1 - maxLength, b1);
  let s2 = warm(automaton, bytes, b2 - maxLength, b2);
  let s3 = warm(automaton, bytes, b3 - maxLength, b3);
  const lanes: Hits[] = [];
  for (let l = 0; l < LANES; l++) lanes.push({ positions: [], keywordIds: [] });
  const h0 = lanes[0]!;
  const h1 = lanes[1]!;
  const h2 = lanes[2]!;
  const h3 = lanes[3]!;
  // The last lane is the shortest (n - b3 <= size): lock-step over its length, then the others finish.
  const common = n - b3;
  for (let j = 0; j < common; j++) {
    s0 = table[(s0 << shift) | charClass[bytes[j]!]!]!;
    s1 = table[(s1 << shift) | charClass[bytes[b1 + j]!]!]!;
    s2 = table[(s2 << shift) | charClass[bytes[b2 + j]!]!]!;
    s3 = table[(s3 << shift) | charClass[bytes[b3 + j]!]!]!;
    if ((hasOutput[s0]! | hasOutput[s1]! | hasOutput[s2]! | hasOutput[s3]!) !== 0) {
      if (hasOutput[s0] === 1) record(automaton, s0, j + 1, h0);
      if (hasOutput[s1] === 1) record(automaton, s1, b1 + j + 1, h1);
      if (hasOutput[s2] === 1) record(automaton, s2, b2 + j + 1, h2);
      if (hasOutput[s3] === 1) record(automaton, s3, b3 + j + 1, h3);
    }
  }
  walk(automaton, bytes, s0, common, b1, h0);
  walk(automaton, bytes, s1, b1 + common, b2, h1);
  walk(automaton, bytes, s2, b2 + common, b3, h2);
  const positions = h0.positions.concat(h1.positions, h2.positions, h3.positions);
  const keywordIds = h0.keywordIds.concat(h1.keywordIds, h2.keywordIds, h3.keywordIds);
  return { positions, keywordIds };
}

/** The state after walking bytes[from, to) from the root, recording nothing. */
function warm(automaton: Automaton, bytes: Uint8Array, from: number, to: number): number {
  const { table, charClass, shift } = automaton;
  let state = 0;
  for (let i = Math.max(0, from); i < to; i++) state = table[(state << shift) | charClass[bytes[i]!]!]!;
  return state;
}

function record(automaton: Automaton, state: number, position: number, hits: Hits): void {
  for (const id of automaton.outputs[state]!) {
    hits.positions.push(position);
    hits.keywordIds.push(id);
  }
}

/** One walk over bytes[from, to) starting in `state`, appending its hits. */
function walk(automaton: Automaton, bytes: Uint8Array, state: number, from: number, to: number, hits: Hits): void {
  const { table, hasOutput, outputs, charClass, shift } = automaton;
  const { positions, keywordIds } = hits;
  for (let i = from; i < to; i++) {
    state = table[(state << shift) | charClass[bytes[i]!]!]!;
    if (hasOutput[state] === 1) {
      for (const id of outputs[state]!) {
        positions.push(i + 1);
        keywordIds.push(id);
      }
    }
  }
}

/**
 * The automaton as bytes, for the build to write beside the detector catalogue
 * (dist/prefilter.bin): a start-up then maps the tables instead of building them (8–14 ms per
 * process, each worker included). Layout: a 4-byte header length, the header (JSON: keywords,
 * shift, state count, table width, output count), then charClass, table, hasOutput, output
 * offsets and output ids, each section starting at a multiple of 8.
 */
export function serializeAutomaton(automaton: Automaton): Buffer {
  const states = automaton.hasOutput.length;
  const offsets = new Int32Array(states + 1);
  const ids: number[] = [];
  for (let s = 0; s < states; s++) {
    offsets[s] = ids.length;
    ids.push(...automaton.outputs[s]!);
  }
  offsets[states] = ids.length;
  const header = Buffer.from(
    JSON.stringify({
      keywords: automaton.keywords,
      shift: automaton.shift,
      states,
      wide: automaton.table instanceof Uint32Array,
      outputs: ids.length,
    }),
  );
  const sections = [
    new Uint8Array(automaton.charClass.buffer, automaton.charClass.byteOffset, automaton.charClass.byteLength),
    new Uint8Array(automaton.table.buffer, automaton.table.byteOffset, automaton.table.byteLength),
    automaton.hasOutput,
    new Uint8Array(offsets.buffer),
    new Uint8Array(Int32Array.from(ids).buffer),
  ];
  const parts: Uint8Array[] = [];
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  let size = 4 + header.length;
  parts.push(length, header);
  for (const section of sections) {
    const pad = (8 - (size % 8)) % 8;
    parts.push(new Uint8Array(pad), section);
    size += pad + section.length;
  }
  return Buffer.concat(parts);
}

/**
 * The automaton serializeAutomaton wrote, if it was built for exactly `keywords` (in order), else
 * undefined (a configuration with custom or disabled detectors, a stale or damaged file): the
 * caller then builds it.
 */
export function deserializeAutomaton(bytes: Uint8Array, keywords: readonly string[]): Automaton | undefined {
  try {
    const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const headerLength = view.readUInt32LE(0);
    const header = JSON.parse(view.toString('utf8', 4, 4 + headerLength)) as {
      keywords: string[];
      shift: number;
      states: number;
      wide: boolean;
      outputs: number;
    };
    if (header.keywords.length !== keywords.length || header.keywords.some((k, i) => k !== keywords[i]))
      return undefined;
    const { shift, states } = header;
    let at = 4 + headerLength;
    // Copies, not views: a view would keep the file's buffer alive and needs aligned offsets.
    const take = (length: number): Uint8Array => {
      at += (8 - (at % 8)) % 8;
      if (at + length > view.length) throw new Error('truncated');
      const out = new Uint8Array(length);
      out.set(view.subarray(at, at + length));
      at += length;
      return out;
    };
    const charClass = take(256);
    const tableBytes = take((states << shift) * (header.wide ? 4 : 2));
    const table = header.wide ? new Uint32Array(tableBytes.buffer) : new Uint16Array(tableBytes.buffer);
    const hasOutput = take(states);
    const offsets = new Int32Array(take((states + 1) * 4).buffer);
    const ids = new Int32Array(take(header.outputs * 4).buffer);
    const outputs: number[][] = new Array<number[]>(states).fill(NO_OUTPUT);
    for (let s = 0; s < states; s++) {
      if (hasOutput[s] === 1) outputs[s] = Array.from(ids.subarray(offsets[s]!, offsets[s + 1]!));
    }
    const maxLength = keywords.reduce((max, word) => Math.max(max, word.length), 0);
    return { charClass, shift, table, outputs, hasOutput, keywords: [...keywords], maxLength };
  } catch {
    return undefined;
  }
}
