import { describe, expect, it } from 'vitest';
import { buildAutomaton, deserializeAutomaton, findKeywords, serializeAutomaton } from '../../src/detect/prefilter.js';

function naive(keywords: string[], text: string): string[] {
  const lower = text.toLowerCase();
  const out: string[] = [];
  keywords.forEach((k, id) => {
    for (let at = lower.indexOf(k); at >= 0; at = lower.indexOf(k, at + 1)) out.push(`${at + k.length}:${id}`);
  });
  return out.sort();
}

describe('keyword prefilter (Aho–Corasick)', () => {
  it('finds every occurrence of every keyword, overlapping and case-insensitive', () => {
    const keywords = ['ghp_', 'hp_x', 'token', 'oken', 'api_key', 'key', 'xoxb-', 'sk_live_', 'live'];
    const text = 'GHP_x token API_KEY=1 xoxB-1 sk_LIVE_abc tokentoken keykey ghp_';
    const hits = findKeywords(buildAutomaton(keywords), text);
    const found = hits.positions.map((p, i) => `${p}:${hits.keywordIds[i]}`).sort();
    expect(found).toEqual(naive(keywords, text));
  });

  it('agrees with a naive search on random text', () => {
    const alphabet = 'abcAB_-: \n';
    const keywords = ['ab_', 'b_a', 'aab', 'ba-', 'a:a', 'cab', 'abc_ab', 'c-c'];
    const automaton = buildAutomaton(keywords);
    let seed = 7;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let round = 0; round < 50; round++) {
      const text = Array.from({ length: 400 }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      const hits = findKeywords(automaton, text);
      expect(hits.positions.map((p, i) => `${p}:${hits.keywordIds[i]}`).sort()).toEqual(naive(keywords, text));
    }
  });

  it('agrees with a naive search for many random keywords, repeats and shared suffixes included', () => {
    // The automaton is built from typed-array child lists; random sets exercise deep failure
    // chains, a keyword listed twice and keywords ending inside others.
    let seed = 11;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const pick = (alphabet: string, length: number): string =>
      Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    for (let round = 0; round < 20; round++) {
      const keywords = Array.from({ length: 60 }, () => pick('abcd_', 1 + Math.floor(random() * 6)));
      keywords.push(keywords[0]!, `x${keywords[1]!}`);
      const automaton = buildAutomaton(keywords);
      const text = pick('abcdABx_ .', 3000);
      const hits = findKeywords(automaton, text);
      expect(hits.positions.map((p, i) => `${p}:${hits.keywordIds[i]}`).sort()).toEqual(naive(keywords, text));
    }
  });

  it('cuts long texts into lanes without losing, doubling or reordering hits at the lane edges', () => {
    // Long enough for the interleaved walk; keywords of several lengths (the longest sets the
    // warm-up) planted across every position around the four lane boundaries.
    const keywords = ['ab_', 'b_a', 'aab', 'abc_ab', 'c-c', 'a:a:a:a:a:a:a:a', 'b'];
    const automaton = buildAutomaton(keywords);
    let seed = 11;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (const length of [2048, 2049, 2051, 4097, 9001]) {
      const alphabet = 'abcAB_-: \n\u00e9';
      const chars = Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]!);
      const size = Math.ceil(length / 4);
      for (const edge of [size, 2 * size, 3 * size]) {
        const plant = 'a:a:a:a:a:a:a:a';
        for (let k = 0; k < plant.length; k++) chars[edge - 8 + k] = plant[k]!;
      }
      const text = chars.join('');
      const hits = findKeywords(automaton, text);
      const found = hits.positions.map((p, i) => `${p}:${hits.keywordIds[i]}`);
      expect([...found].sort()).toEqual(naive(keywords, text));
      // In text order, as the engine's window builder requires.
      expect(hits.positions.every((p, i) => i === 0 || hits.positions[i - 1]! <= p)).toBe(true);
    }
  });

  it('resets on non-ASCII characters instead of matching across them', () => {
    const hits = findKeywords(buildAutomaton(['token']), 'tok\u00e9n token');
    expect(hits.positions).toEqual([11]);
  });

  it('reports string offsets for text with multi-byte characters, from its bytes or its string', () => {
    const automaton = buildAutomaton(['token', 'key']);
    const pieces = ['é', '中文', '\u{1F511}', '\uD800', 'x'.repeat(70), 'ü'.repeat(40), ' '];
    let text = '';
    for (let i = 0; i < 400; i++) text += pieces[i % pieces.length]! + (i % 3 === 0 ? 'token' : 'key');
    const expected: number[] = [];
    for (const m of text.matchAll(/token|key/g)) expected.push(m.index + m[0].length);
    expect(findKeywords(automaton, text).positions).toEqual(expected);
    const valid = text.replaceAll('\uD800', '?');
    expect(findKeywords(automaton, valid, Buffer.from(valid, 'utf8')).positions).toEqual(expected);
  });

  it('reads back the automaton the build wrote, only for exactly its keywords', () => {
    const keywords = ['token', 'key', 'secret_', 'ghp_', 'xox', 'akia'];
    const built = buildAutomaton(keywords);
    const bytes = serializeAutomaton(built);
    const read = deserializeAutomaton(bytes, keywords)!;
    expect(read).toBeDefined();
    expect([...read.table]).toEqual([...built.table]);
    expect([...read.charClass]).toEqual([...built.charClass]);
    expect(read.outputs).toEqual(built.outputs);
    expect(read.maxLength).toBe(built.maxLength);
    const text = 'x = "ghp_abc" and SECRET_KEY=1 token xoxb AKIA';
    expect(findKeywords(read, text)).toEqual(findKeywords(built, text));
    expect(deserializeAutomaton(bytes, [...keywords].reverse())).toBeUndefined();
    expect(deserializeAutomaton(bytes, keywords.slice(1))).toBeUndefined();
    expect(deserializeAutomaton(bytes.subarray(0, bytes.length - 9), keywords)).toBeUndefined();
    expect(deserializeAutomaton(Buffer.from('garbage'), keywords)).toBeUndefined();
  });
});
