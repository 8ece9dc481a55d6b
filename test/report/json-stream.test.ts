// The streamed JSON writer must give exactly JSON.stringify(value, null, 2): reports written in
// pieces stay byte-identical to the ones built as one string.
import { describe, expect, it } from 'vitest';
import { joinChunks, JsonArrayStream, jsonChunks, mapLazily } from '../../src/report/json-stream.js';

const pretty = (value: unknown): string => JSON.stringify(value, null, 2);

describe('jsonChunks', () => {
  it('writes plain values as JSON.stringify does', () => {
    for (const value of [1, 'a\nb "q"', null, true, [], {}, [1, [2, [3]], {}], { a: { b: [1, { c: 'd' }] }, e: [] }]) {
      expect(joinChunks(jsonChunks(value))).toBe(pretty(value));
    }
  });

  it('writes a streamed array where a plain one was, at any depth, empty or not', () => {
    const items = [
      { ruleId: 'x', locations: [{ line: 1 }, { line: 2 }] },
      { ruleId: 'y', nested: { deep: ['z'] } },
    ];
    const streamed = {
      version: '2.1.0',
      runs: [
        { tool: { name: 't' }, results: new JsonArrayStream(items), empty: new JsonArrayStream([]), after: { n: 1 } },
      ],
    };
    const plain = { version: '2.1.0', runs: [{ tool: { name: 't' }, results: items, empty: [], after: { n: 1 } }] };
    expect(joinChunks(jsonChunks(streamed))).toBe(pretty(plain));
    expect(joinChunks(jsonChunks(new JsonArrayStream(items)))).toBe(pretty(items));
  });

  it('drops undefined, functions and symbols from objects and writes null for them in arrays, as JSON.stringify does', () => {
    const value = { a: undefined, b: () => 1, c: 1, list: new JsonArrayStream([undefined, 2]), d: Symbol('s') };
    expect(joinChunks(jsonChunks(value))).toBe(pretty({ c: 1, list: [null, 2] }));
  });

  it('builds streamed items one at a time, as they are written', () => {
    let built = 0;
    const chunks = jsonChunks({ items: new JsonArrayStream(mapLazily([1, 2, 3], (n) => ({ n, at: ++built }))) });
    const head = chunks.next().value as string;
    expect(built).toBe(0);
    const text = head + joinChunks(chunks);
    expect(built).toBe(3);
    expect(JSON.parse(text)).toEqual({
      items: [
        { n: 1, at: 1 },
        { n: 2, at: 2 },
        { n: 3, at: 3 },
      ],
    });
  });
});
