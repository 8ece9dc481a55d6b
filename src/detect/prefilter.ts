// Keyword prefilter: one Aho–Corasick pass over a file's text finds every occurrence of every
// detector keyword (ASCII, case-insensitive), so a detector's regex only runs near its keywords
// and never over a file that cannot contain its secret. Same idea as gitleaks' prefilter.
//
// The automaton is a dense DFA over character classes: only the ~50 characters that occur in
// keywords get a column, every other character shares one, so the table stays small enough for
// the CPU cache (a 128-column Int32 table did not).

export interface Automaton {
  /** Char code (any UTF-16 unit) → column; 0 is "no keyword uses this character", which
   *  includes everything outside ASCII, so the scan loop needs no range check. */
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
  const charClass = new Uint8Array(65536);
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

/** Texts shorter than this take one walk: the lanes' set-up and warm-up cost more than they save. */
const INTERLEAVE_MIN = 2048;
const LANES = 4;

/**
 * Scans `text` once. Non-ASCII characters reset the automaton (keywords are ASCII), as does any
 * character no keyword contains.
 *
 * A single walk is one long dependency chain (each step needs the previous state), so the CPU
 * mostly waits on table loads. The text is cut into four lanes walked in lock-step, whose steps
 * are independent and overlap in the pipeline. A lane starts `maxLength` characters before its
 * own range with the root state: no state is deeper than the longest keyword, so by the lane's
 * first position the walk is in exactly the state a walk from the start would be in, and hits
 * come out identical, in text order, once the lanes are concatenated.
 */
export function findKeywords(automaton: Automaton, text: string): Hits {
  const n = text.length;
  if (n < INTERLEAVE_MIN) {
    const hits: Hits = { positions: [], keywordIds: [] };
    walk(automaton, text, 0, 0, n, hits);
    return hits;
  }
  const { table, hasOutput, charClass, shift, maxLength } = automaton;
  const size = Math.ceil(n / LANES);
  const b1 = size;
  const b2 = 2 * size;
  const b3 = 3 * size;
  // Warm-up: the characters before each lane's range, hits not recorded (the previous lane owns them).
  let s0 = 0;
  let s1 = warm(automaton, text, b1 - maxLength, b1);
  let s2 = warm(automaton, text, b2 - maxLength, b2);
  let s3 = warm(automaton, text, b3 - maxLength, b3);
  const lanes: Hits[] = [];
  for (let l = 0; l < LANES; l++) lanes.push({ positions: [], keywordIds: [] });
  const h0 = lanes[0]!;
  const h1 = lanes[1]!;
  const h2 = lanes[2]!;
  const h3 = lanes[3]!;
  // The last lane is the shortest (n - b3 <= size): lock-step over its length, then the others finish.
  const common = n - b3;
  for (let j = 0; j < common; j++) {
    s0 = table[(s0 << shift) | charClass[text.charCodeAt(j)]!]!;
    s1 = table[(s1 << shift) | charClass[text.charCodeAt(b1 + j)]!]!;
    s2 = table[(s2 << shift) | charClass[text.charCodeAt(b2 + j)]!]!;
    s3 = table[(s3 << shift) | charClass[text.charCodeAt(b3 + j)]!]!;
    if ((hasOutput[s0]! | hasOutput[s1]! | hasOutput[s2]! | hasOutput[s3]!) !== 0) {
      if (hasOutput[s0] === 1) record(automaton, s0, j + 1, h0);
      if (hasOutput[s1] === 1) record(automaton, s1, b1 + j + 1, h1);
      if (hasOutput[s2] === 1) record(automaton, s2, b2 + j + 1, h2);
      if (hasOutput[s3] === 1) record(automaton, s3, b3 + j + 1, h3);
    }
  }
  walk(automaton, text, s0, common, b1, h0);
  walk(automaton, text, s1, b1 + common, b2, h1);
  walk(automaton, text, s2, b2 + common, b3, h2);
  const positions = h0.positions.concat(h1.positions, h2.positions, h3.positions);
  const keywordIds = h0.keywordIds.concat(h1.keywordIds, h2.keywordIds, h3.keywordIds);
  return { positions, keywordIds };
}

/** The state after walking text[from, to) from the root, recording nothing. */
function warm(automaton: Automaton, text: string, from: number, to: number): number {
  const { table, charClass, shift } = automaton;
  let state = 0;
  for (let i = Math.max(0, from); i < to; i++) state = table[(state << shift) | charClass[text.charCodeAt(i)]!]!;
  return state;
}

function record(automaton: Automaton, state: number, position: number, hits: Hits): void {
  for (const id of automaton.outputs[state]!) {
    hits.positions.push(position);
    hits.keywordIds.push(id);
  }
}

/** One walk over text[from, to) starting in `state`, appending its hits. */
function walk(automaton: Automaton, text: string, state: number, from: number, to: number, hits: Hits): void {
  const { table, hasOutput, outputs, charClass, shift } = automaton;
  const { positions, keywordIds } = hits;
  for (let i = from; i < to; i++) {
    state = table[(state << shift) | charClass[text.charCodeAt(i)]!]!;
    if (hasOutput[state] === 1) {
      for (const id of outputs[state]!) {
        positions.push(i + 1);
        keywordIds.push(id);
      }
    }
  }
}
