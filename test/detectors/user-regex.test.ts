// The checker every user-supplied regex passes (custom detector patterns, allowlist values) and
// the linear-time engine they run in: bounded nesting, adjacent repetitions and look-arounds or
// back-references in front of them are rejected; what RE2 lacks runs on V8 only when bounded.

import { describe, expect, it } from 'vitest';
import { adjacentRepetitionRisks, staticBacktrackingRisks, unprovenBound } from '../../src/util/redos.js';
import { checkUserRegex, compileUserRegex, LinearRegExp } from '../../src/util/user-regex.js';

describe('checkUserRegex', () => {
  const rejected = [
    '(?:(?:(?:[a-z]{1,9}){1,9}){1,9}){1,9}',
    '(?:[a-z]{1,9}){1,9}!',
    '(a+)+$',
    // A look-ahead or back-reference in front of a polynomial pattern.
    '(?=x)[a-z]*[a-z]*[a-z]*!',
    '(x)\\1[a-z]*[a-z]*!',
    '\\s*:?\\s*x',
    // Needs V8 (look-ahead) and has no bound.
    '(?=.*Z)[a-z]+!',
    '(a)[a-z]{0,9}\\1',
  ];
  for (const pattern of rejected) {
    it(`rejects ${pattern}`, () => {
      const verdict = checkUserRegex(pattern, 'd');
      expect('problem' in verdict && verdict.problem).toMatch(/^pattern rejected: /);
    });
  }

  it('runs RE2-compatible patterns (look-behinds included) in the linear-time engine', () => {
    expect(checkUserRegex('(?<![a-z])acme_(?<secret>[a-z0-9]{8,})', 'd')).toEqual({ engine: 're2' });
    expect(checkUserRegex('^test-[0-9a-f]+$')).toEqual({ engine: 're2' });
  });

  it('runs a bounded look-ahead or back-reference pattern on V8', () => {
    expect(checkUserRegex('(?<secret>acme_[a-z0-9]{32})(?![a-z0-9])', 'd')).toEqual({ engine: 'v8' });
    expect(checkUserRegex("(['\"])(?<secret>[a-z0-9]{32})\\1", 'd')).toEqual({ engine: 'v8' });
  });

  it('reports a syntax error without quoting the pattern', () => {
    const verdict = checkUserRegex('abc_secret_value[');
    expect('problem' in verdict && verdict.problem).toBe('not a valid regular expression (Unterminated character class)');
  });

  it('names fragments in the static passes', () => {
    expect(staticBacktrackingRisks('(?:(?:[a-z]{1,9}){1,9}){1,9}')[0]!.message).toContain('"(?:[a-z]{1,9}){1,9}"');
    expect(adjacentRepetitionRisks('[a-z]*[a-z]+x')[0]!.kind).toBe('adjacent-repetition');
    expect(adjacentRepetitionRisks('(?:[a-z0-9-]+\\.)+[a-z]{2,}')).toEqual([]);
    expect(unprovenBound('(?=.*Z)[a-z]{1,9}')).toBe('".*" has no upper bound');
    expect(unprovenBound('(?:a(?=b)){1,3}')).toBe('"(?=b)" is repeated by "(?:a(?=b)){1,3}"');
  });
});

describe('LinearRegExp', () => {
  it('iterates like a global regex with d: index, groups, indices, lastIndex (UTF-16 offsets)', () => {
    const regex = compileUserRegex('k=(?<secret>[a-z]+)|(?<other>zz)', 'gd');
    expect(regex).toBeInstanceOf(LinearRegExp);
    const text = 'é😀 k=abc zz';
    const found: Array<[number, string | undefined, [number, number] | undefined, number]> = [];
    let m: RegExpExecArray | null;
    while ((m = regex.exec(text)) !== null) found.push([m.index, m.groups?.['secret'], m.indices?.groups?.['secret'], regex.lastIndex]);
    expect(found).toEqual([
      [4, 'abc', [6, 9], 9],
      [10, undefined, undefined, 12],
    ]);
    expect(regex.lastIndex).toBe(0);
  });

  it('test() goes through the linear engine, with the i flag', () => {
    expect(compileUserRegex('^abc$').test('abc')).toBe(true);
    expect(compileUserRegex('abc', 'i').test('xABC')).toBe(true);
    expect(compileUserRegex('abc').test('xABC')).toBe(false);
  });

  it('matches in linear time what backtracks quadratically on V8', () => {
    // V8 needs tens of seconds for this input; the assertion is on the result, the run is the test.
    const regex = compileUserRegex('(?<secret>[a-z]{8,}_acme)', 'gd');
    const text = `${'a'.repeat(100_000)} _acme`;
    expect(regex.exec(text)).toBeNull();
  });
});
