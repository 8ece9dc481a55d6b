import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  buildAutomaton,
  findKeywordsInBytes,
  findKeywordsInBytesJs,
  type Automaton,
  type Hits,
} from '../../src/detect/prefilter.js';
import { createWalker, findKeywordsWasm, setWasmWalk, wasmWalker } from '../../src/detect/prefilter-wasm.js';

// mulberry32: a float LCG loses its low bits past 2^53 and repeats far too soon for these sizes.
let seed = 20261202;
const random = (): number => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
};
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

/** Same hits, same order: one string per hit, compared as a whole list (not sorted). */
const listed = (hits: Hits): string[] => hits.positions.map((p, i) => `${p}:${hits.keywordIds[i]}`);

function expectSame(automaton: Automaton, walker: ReturnType<typeof createWalker>, bytes: Uint8Array): number {
  const js = findKeywordsInBytesJs(automaton, bytes);
  const wasm = findKeywordsWasm(automaton, walker, bytes);
  expect(listed(wasm)).toEqual(listed(js));
  return js.positions.length;
}

function randomKeywords(count: number, alphabet: string, maxLength: number): string[] {
  return Array.from({ length: count }, () =>
    Array.from({ length: 1 + Math.floor(random() * maxLength) }, () => pick([...alphabet])).join(''),
  );
}

/** Every byte value, with keywords (some upper-cased) planted often, overlapping runs included. */
function adversarial(length: number, keywords: readonly string[]): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  while (at < length) {
    const roll = random();
    if (roll < 0.35) {
      let word = pick(keywords);
      if (random() < 0.3) word = word.toUpperCase();
      if (random() < 0.2) word = word + word.slice(1);
      for (let i = 0; i < word.length && at < length; i++) out[at++] = word.charCodeAt(i);
    } else {
      out[at++] = Math.floor(random() * 256);
    }
  }
  return out;
}

/** `word` placed so that it ends at each of `ends` (and straddles them), filler elsewhere. */
/** A long input made of one random block repeated, cut off at `length` (cheap to make). */
function repeated(length: number, keywords: readonly string[]): Uint8Array {
  const block = adversarial(65_537, keywords);
  const out = new Uint8Array(length);
  for (let at = 0; at < length; at += block.length) out.set(block.subarray(0, Math.min(block.length, length - at)), at);
  return out;
}

function plantedAt(length: number, word: string, ends: readonly number[]): Uint8Array {
  const out = new Uint8Array(length).fill(0x20);
  for (const end of ends) {
    for (const shift of [-1, 0, 1, Math.floor(word.length / 2)]) {
      const start = end + shift - word.length;
      for (let i = 0; i < word.length; i++)
        if (start + i >= 0 && start + i < length) out[start + i] = word.charCodeAt(i);
    }
  }
  return out;
}

afterEach(() => {
  setWasmWalk(true);
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('WebAssembly keyword walk', () => {
  it('gives the JavaScript walk’s hits, in order, for random keyword sets over all byte values', () => {
    for (let round = 0; round < 12; round++) {
      const keywords = randomKeywords(5 + Math.floor(random() * 40), 'abcde_-:/.=0', 1 + Math.floor(random() * 9));
      const automaton = buildAutomaton(keywords);
      // Small lanes and a small output region: many chunks and many drains in each input.
      const lanes = 1 + Math.floor(random() * 9);
      const walker = createWalker(automaton, lanes, 1 + Math.floor(random() * 200), 1 + Math.floor(random() * 40));
      let total = 0;
      for (const length of [0, 1, 2, lanes, automaton.maxLength, 97, 1000, 5000]) {
        total += expectSame(automaton, walker, adversarial(length, keywords));
      }
      expect(total).toBeGreaterThan(0);
    }
  });

  it('finds keywords that end at, straddle or cross lane and chunk edges', () => {
    const keywords = ['token', 'oken', 'ken', 'n', 'to', 'tokentoken', 'secret_key', 'key'];
    const automaton = buildAutomaton(keywords);
    const lanes = 4;
    const laneMax = 16;
    const walker = createWalker(automaton, lanes, laneMax, 8);
    for (const length of [15, 16, 17, 63, 64, 65, 200, 1001]) {
      // Chunk boundaries are at multiples of lanes × lane size; lane boundaries inside them.
      const ends: number[] = [];
      for (let at = 0; at <= length; at += 16) ends.push(at);
      for (const word of ['tokentoken', 'secret_key', 'token']) {
        const bytes = plantedAt(length, word, ends);
        expect(expectSame(automaton, walker, bytes)).toBeGreaterThan(0);
      }
    }
  });

  it('keeps every hit when every byte is one: the output region fills, drains and resumes', () => {
    const automaton = buildAutomaton(['a', 'aa', 'aaa']);
    const walker = createWalker(automaton, 3, 50, 7);
    const bytes = new Uint8Array(1234).fill(0x41);
    const hits = expectSame(automaton, walker, bytes);
    expect(hits).toBe(1234 * 3 - 3);
  });

  it('walks inputs shorter than a lane, empty input and input that is nothing but non-ASCII', () => {
    const automaton = buildAutomaton(['ghp_', 'xoxb-', 'key']);
    const walker = createWalker(automaton, 8, 1024, 64);
    expect(findKeywordsWasm(automaton, walker, new Uint8Array(0))).toEqual({ positions: [], keywordIds: [] });
    expect(expectSame(automaton, walker, Buffer.from('key'))).toBe(1);
    expect(expectSame(automaton, walker, Buffer.from('k€y ghp_ é xoxb-'))).toBe(2);
    expect(expectSame(automaton, walker, new Uint8Array(3000).fill(0xe9))).toBe(0);
  });

  it('walks a very long input in bounded chunks with the default walker', () => {
    const keywords = ['ghp_', 'akia', 'password', 'token', 'key', '://'];
    const automaton = buildAutomaton(keywords);
    const walker = wasmWalker(automaton);
    expect(walker).toBeDefined();
    const bytes = repeated(5 * 1024 * 1024 + 17, keywords);
    expect(expectSame(automaton, walker!, bytes)).toBeGreaterThan(100_000);
  });

  it('works for automata past 32,767 and past 65,535 states (wide entries, Uint32 tables)', () => {
    for (const count of [3600, 7000]) {
      const keywords = randomKeywords(count, 'abcdefghijklmnopqrstuvwxyz0123456789', 14).map((k) => `${k}${count}q`);
      const automaton = buildAutomaton(keywords);
      expect(automaton.hasOutput.length).toBeGreaterThan(count === 3600 ? 32767 : 65535);
      expect(automaton.table instanceof Uint32Array).toBe(count === 7000);
      const walker = createWalker(automaton, 5, 300, 16);
      const bytes = adversarial(20_000, keywords.slice(0, 50));
      expect(expectSame(automaton, walker, bytes)).toBeGreaterThan(0);
    }
  });

  it('is what findKeywordsInBytes uses once enough has been walked, with the same hits', () => {
    const keywords = ['token', 'secret', 'api_key'];
    const automaton = buildAutomaton(keywords);
    const inputs = Array.from({ length: 12 }, () => adversarial(300_000, keywords));
    for (const bytes of inputs)
      expect(listed(findKeywordsInBytes(automaton, bytes))).toEqual(listed(findKeywordsInBytesJs(automaton, bytes)));
    setWasmWalk(false);
    expect(wasmWalker(automaton)).toBeUndefined();
    expect(listed(findKeywordsInBytes(automaton, inputs[0]!))).toEqual(
      listed(findKeywordsInBytesJs(automaton, inputs[0]!)),
    );
  });

  it('falls back to the JavaScript walk without WebAssembly or when the module fails to load', async () => {
    const bytes = repeated(3 * 1024 * 1024, ['token', 'key']);
    for (const broken of [
      undefined,
      {
        Module: class {
          constructor() {
            throw new Error('no');
          }
        },
        Instance: class {},
      },
    ]) {
      vi.resetModules();
      vi.stubGlobal('WebAssembly', broken);
      const prefilter = await import('../../src/detect/prefilter.js');
      const wasm = await import('../../src/detect/prefilter-wasm.js');
      const automaton = prefilter.buildAutomaton(['token', 'key']);
      expect(wasm.wasmWalker(automaton)).toBeUndefined();
      const first = prefilter.findKeywordsInBytes(automaton, bytes);
      const second = prefilter.findKeywordsInBytes(automaton, bytes);
      expect(listed(second)).toEqual(listed(first));
      expect(listed(first)).toEqual(listed(prefilter.findKeywordsInBytesJs(automaton, bytes)));
      expect(first.positions.length).toBeGreaterThan(0);
      vi.unstubAllGlobals();
    }
  });
});
