// The catastrophic-backtracking check for custom detector patterns: the static pass (nested
// repetition that can trade characters, overlapping alternatives under a repetition), the
// adversarial inputs, and the dynamic pass that terminates a worker stuck in a regex.

import { describe, expect, it } from 'vitest';
import { loadBuiltinDetectors } from '../../src/catalog/load.js';
import { adversarialInputs, checkBacktracking, staticBacktrackingRisks, timeAdversarialRuns } from '../../src/util/redos.js';
import { firstChars, nullable, parseRegex, sampleMatch } from '../../src/util/regex-ast.js';

describe('regex parser', () => {
  it('parses classes, escapes, groups and quantifiers into char sets', () => {
    const node = parseRegex('(?<secret>tok_[A-F0-9\\-]{4,}\\d?)');
    expect(sampleMatch(node)).toBe('tok_AAAA');
    expect(nullable(node)).toBe(false);
    expect(firstChars(parseRegex('(?:x?|y*)[\\s]'))).toEqual([[0x09, 0x0d], [0x20, 0x20], [0x78, 0x79], [0xa0, 0xa0], [0x1680, 0x1680], [0x2000, 0x200a], [0x2028, 0x2029], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000], [0xfeff, 0xfeff]]);
  });

  it('folds case under the i flag and treats a non-quantifier brace as a literal', () => {
    expect(firstChars(parseRegex('k', 'i'))).toEqual([[0x4b, 0x4b], [0x6b, 0x6b]]);
    expect(sampleMatch(parseRegex('a{x}'))).toBe('a{x}');
    expect(sampleMatch(parseRegex('[\\w-]'))).toBe('a');
  });
});

describe('static pass', () => {
  const risky: Array<[string, string]> = [
    ['(a+)+$', 'nested-quantifier'],
    ['(\\w+\\s?)*$', 'nested-quantifier'],
    ['(\\w+-\\w+)*!', 'nested-quantifier'],
    ['(?:x\\w+)*!', 'nested-quantifier'],
    ['key=(?<secret>(?:[a-z0-9]{1,40})+)', 'nested-quantifier'],
    ['(a|aa)*b', 'overlapping-alternation'],
    ['(\\d|\\w)+x', 'overlapping-alternation'],
    // A bounded repetition of overlapping alternatives is still 2^40 ways to fail.
    ['data:\\n(?:[ \\t]+[^\\n]*\\n|[ \\t]*#[^\\n]*\\n){0,40}?[ \\t]+x:', 'overlapping-alternation'],
  ];
  for (const [pattern, kind] of risky) {
    it(`flags ${pattern}`, () => {
      const risks = staticBacktrackingRisks(pattern);
      expect(risks.map((r) => r.kind)).toContain(kind);
      expect(risks[0]!.message).toMatch(/"[^"]+"/); // names the fragment
    });
  }

  const safe = [
    'ghp_[A-Za-z0-9]{36}',
    '(?:[a-z0-9-]+\\.)+[a-z]{2,}',
    '(a+b)*c',
    '(?:-[0-9A-Za-z]{6,64})*',
    '"(?:[^"\\\\]|\\\\.)*"',
    '(ab|ac)*d',
    '(?:\\s*,\\s*\\w+)*;',
    '(?:[A-Za-z]|\\d)+',
  ];
  for (const pattern of safe) {
    it(`passes ${pattern}`, () => {
      expect(staticBacktrackingRisks(pattern)).toEqual([]);
    });
  }

  it('passes every built-in detector', () => {
    const flagged = loadBuiltinDetectors()
      .flatMap((file) => file.detectors)
      .filter((d) => staticBacktrackingRisks(d.pattern, d.caseInsensitive ? 'i' : '').length > 0)
      .map((d) => d.id);
    expect(flagged).toEqual([]);
  });
});

describe('adversarial inputs', () => {
  it('lead each repetition with the text that reaches it, pump its body, and end with a failing character', () => {
    const inputs = adversarialInputs('acme_(?<secret>[a-z]*[0-9])', 'd', 256);
    expect(inputs).toContain(`acme_${'a'.repeat(32)}\u0000`);
    expect(inputs).toContain(`acme_${'a'.repeat(256)}!`);
    expect(inputs).toContain(`acme_${'a'.repeat(256)}`);
  });
});

describe('dynamic pass', () => {
  it('reports a pattern the static pass misses (adjacent overlapping repetitions), terminating its worker on time', async () => {
    const cubic = 'acme_(?<secret>[a-z]*[a-z]*[a-z]*[0-9])';
    expect(staticBacktrackingRisks(cubic)).toEqual([]);
    const started = performance.now();
    const slow = await timeAdversarialRuns(
      [
        { key: 'slow-1', pattern: cubic, flags: 'd' },
        { key: 'fast', pattern: 'acme_[a-z0-9]{32}', flags: 'd' },
        { key: 'slow-2', pattern: '\\w*\\w*\\w*\\w*x', flags: 'd' },
      ],
      300,
    );
    expect([...slow].sort()).toEqual(['slow-1', 'slow-2']);
    // Two terminated workers and one fast run: well under what the patterns would take.
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('checkBacktracking combines both passes and leaves patterns that do not compile to other checks', async () => {
    const failures = await checkBacktracking(
      [
        { key: 'nested', pattern: '(a+)+$', flags: 'd' },
        { key: 'broken', pattern: '(unclosed', flags: 'd' },
        { key: 'fine', pattern: 'acme_[a-z0-9]{32}', flags: 'di' },
        { key: 'cubic', pattern: 'acme_[a-z]*[a-z]*[a-z]*[0-9]', flags: 'd' },
      ],
      300,
    );
    expect([...failures.keys()].sort()).toEqual(['cubic', 'nested']);
    expect(failures.get('nested')!.kind).toBe('nested-quantifier');
    expect(failures.get('cubic')!.message).toMatch(/took over 300 ms: the pattern backtracks catastrophically/);
  });
});
