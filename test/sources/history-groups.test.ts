// --history reads blobs in groups of bounded size, so memory does not grow with the history.
import { describe, expect, it } from 'vitest';
import { groupBySize } from '../../src/sources/git-history.js';

describe('groupBySize', () => {
  const sizes: Record<string, number> = { a: 4, b: 4, c: 3, d: 20, e: 1 };
  const sizeOf = (id: string): number => sizes[id]!;

  it('fills each group up to the limit, in order, and puts a larger blob in a group of its own', () => {
    expect(groupBySize(['a', 'b', 'c', 'd', 'e'], sizeOf, 10)).toEqual([['a', 'b'], ['c'], ['d'], ['e']]);
    expect(groupBySize(['a', 'b', 'e'], sizeOf, 10)).toEqual([['a', 'b', 'e']]);
  });

  it('gives no group for no blobs', () => {
    expect(groupBySize([], sizeOf, 10)).toEqual([]);
  });
});
