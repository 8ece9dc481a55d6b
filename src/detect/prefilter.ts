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
}

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

  const edges: Array<Map<number, number>> = [new Map()];
  const fail: number[] = [0];
  const outputs: number[][] = [[]];
  keywords.forEach((word, index) => {
    let state = 0;
    for (let i = 0; i < word.length; i++) {
      const column = charClass[foldChar(word.charCodeAt(i))]!;
      let next = edges[state]!.get(column);
      if (next === undefined) {
        next = edges.length;
        edges.push(new Map());
        fail.push(0);
        outputs.push([]);
        edges[state]!.set(column, next);
      }
      state = next;
    }
    outputs[state]!.push(index);
  });
  // Breadth-first: failure links, merged outputs, and the dense table, each row built from its
  // failure state's (already complete) row — no inner failure-chain walks.
  const stateCount = edges.length;
  const table = stateCount < 65536 ? new Uint16Array(stateCount * width) : new Uint32Array(stateCount * width);
  for (const [column, next] of edges[0]!) table[column] = next;
  const queue: number[] = [...edges[0]!.values()];
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    const failRow = fail[state]! * width;
    const row = state * width;
    for (let column = 0; column < width; column++) table[row + column] = table[failRow + column]!;
    for (const [column, next] of edges[state]!) {
      queue.push(next);
      const target = table[failRow + column]!;
      fail[next] = target !== next ? target : 0;
      outputs[next] = outputs[next]!.concat(outputs[fail[next]!]!);
      table[row + column] = next;
    }
  }
  // Column 0 (characters no keyword uses) always leads back to the root.
  for (let state = 0; state < stateCount; state++) table[state * width] = 0;
  const hasOutput = new Uint8Array(stateCount);
  for (let s = 0; s < stateCount; s++) hasOutput[s] = outputs[s]!.length > 0 ? 1 : 0;
  return { charClass, shift, table, outputs, hasOutput, keywords };
}

/** Keyword hits in text order: `positions[i]` is the index just past keyword `keywordIds[i]`. */
export interface Hits {
  positions: number[];
  keywordIds: number[];
}

/**
 * Scans `text` once. Non-ASCII characters reset the automaton (keywords are ASCII), as does any
 * character no keyword contains.
 */
export function findKeywords(automaton: Automaton, text: string): Hits {
  const { table, hasOutput, outputs, charClass, shift } = automaton;
  const positions: number[] = [];
  const keywordIds: number[] = [];
  let state = 0;
  for (let i = 0, n = text.length; i < n; i++) {
    state = table[(state << shift) | charClass[text.charCodeAt(i)]!]!;
    if (hasOutput[state] === 1) {
      for (const id of outputs[state]!) {
        positions.push(i + 1);
        keywordIds.push(id);
      }
    }
  }
  return { positions, keywordIds };
}
