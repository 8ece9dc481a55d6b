// Keyword prefilter: one Aho–Corasick pass over a file's text finds every occurrence of every
// detector keyword (ASCII, case-insensitive), so a detector's regex only runs near its keywords
// and never over a file that cannot contain its secret. Same idea as gitleaks' prefilter.

export interface Automaton {
  /** Dense transition table: state * 128 + folded char code → next state. */
  readonly table: Int32Array;
  /** For each state, the keyword indexes that end there (including via failure links). */
  readonly outputs: ReadonlyArray<readonly number[]>;
  readonly hasOutput: Uint8Array;
  readonly keywords: readonly string[];
}

/** Builds the automaton for lower-case ASCII keywords. */
export function buildAutomaton(keywords: readonly string[]): Automaton {
  const edges: Array<Map<number, number>> = [new Map()];
  const fail: number[] = [0];
  const outputs: number[][] = [[]];
  keywords.forEach((word, index) => {
    let state = 0;
    for (let i = 0; i < word.length; i++) {
      const c = foldChar(word.charCodeAt(i));
      let next = edges[state]!.get(c);
      if (next === undefined) {
        next = edges.length;
        edges.push(new Map());
        fail.push(0);
        outputs.push([]);
        edges[state]!.set(c, next);
      }
      state = next;
    }
    outputs[state]!.push(index);
  });
  // Breadth-first: failure links, merged outputs, and the dense DFA table, each row built from
  // its failure state's (already complete) row — no inner failure-chain walks.
  const stateCount = edges.length;
  const table = new Int32Array(stateCount * 128);
  for (const [c, next] of edges[0]!) table[c] = next;
  const queue: number[] = [...edges[0]!.values()];
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    const failRow = fail[state]! * 128;
    const row = state * 128;
    for (let c = 0; c < 128; c++) table[row + c] = table[failRow + c]!;
    for (const [c, next] of edges[state]!) {
      queue.push(next);
      const target = table[failRow + c]!;
      fail[next] = target !== next ? target : 0;
      outputs[next] = outputs[next]!.concat(outputs[fail[next]!]!);
      table[row + c] = next;
    }
  }
  const hasOutput = new Uint8Array(stateCount);
  for (let s = 0; s < stateCount; s++) hasOutput[s] = outputs[s]!.length > 0 ? 1 : 0;
  return { table, outputs, hasOutput, keywords };
}

function foldChar(c: number): number {
  return c >= 65 && c <= 90 ? c | 32 : c;
}

/** Keyword hits in text order: `positions[i]` is the index just past keyword `keywordIds[i]`. */
export interface Hits {
  positions: number[];
  keywordIds: number[];
}

/**
 * Scans `text` once. Non-ASCII characters reset the automaton (keywords are ASCII), which is
 * what lets the table stay 128 wide.
 */
export function findKeywords(automaton: Automaton, text: string): Hits {
  const { table, hasOutput, outputs } = automaton;
  const positions: number[] = [];
  const keywordIds: number[] = [];
  let state = 0;
  for (let i = 0, n = text.length; i < n; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c |= 32;
    else if (c >= 128) {
      state = 0;
      continue;
    }
    state = table[(state << 7) | c]!;
    if (hasOutput[state] === 1) {
      for (const id of outputs[state]!) {
        positions.push(i + 1);
        keywordIds.push(id);
      }
    }
  }
  return { positions, keywordIds };
}
