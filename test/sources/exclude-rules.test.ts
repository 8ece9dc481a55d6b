import ignore from 'ignore';
import { describe, expect, it } from 'vitest';
import { ExcludeRules } from '../../src/sources/exclude-rules.js';

const PATTERNS = [
  'secrets.txt',
  'build/',
  '/dist',
  'config/local.yml',
  'a/b/',
  '**/cache',
  'vendor/**',
  '**/tmp/**',
  '*.log',
  '*.tar.gz',
  'docs/*.md',
  '**/x/y',
  '# a comment',
  '',
];
const PATHS = [
  'secrets.txt',
  'src/secrets.txt',
  'build/',
  'build/a.js',
  'src/build/a.js',
  'build',
  'dist',
  'dist/a.js',
  'src/dist/a.js',
  'config/local.yml',
  'src/config/local.yml',
  'a/b/c.txt',
  'a/b',
  'a/b/',
  'x/a/b/c',
  'cache',
  'src/cache/x',
  'vendor/a.js',
  'src/vendor/a.js',
  'tmp/a',
  'q/tmp/a',
  'tmp',
  'app.log',
  'src/.log',
  'logs/app.log.txt',
  'a.tar.gz',
  'b.gz',
  'docs/a.md',
  'docs/sub/a.md',
  'x/y',
  'q/x/y',
  'src/a.ts',
  '..env',
  '..cfg/a.txt',
  'line\nbreak.txt',
];

describe('ExcludeRules', () => {
  it('agrees with the ignore package on plain names, paths and the usual wildcard shapes', () => {
    const rules = new ExcludeRules(PATTERNS);
    const reference = ignore({ allowRelativePaths: true }).add(PATTERNS);
    for (const path of PATHS)
      expect({ path, ignored: rules.ignores(path) }).toEqual({ path, ignored: reference.ignores(path) });
  });

  it('keeps order semantics when a rule negates', () => {
    const patterns = ['*.log', '!keep.log', 'logs/'];
    const rules = new ExcludeRules(patterns);
    const reference = ignore({ allowRelativePaths: true }).add(patterns);
    for (const path of ['a.log', 'keep.log', 'logs/x.txt', 'src/keep.log'])
      expect(rules.ignores(path)).toBe(reference.ignores(path));
  });

  it('matches 200,000 plain entries by lookup, not by testing each rule', () => {
    const patterns = Array.from({ length: 200_000 }, (_, i) => (i % 2 === 0 ? `dir${i}/file${i}.txt` : `*.ext${i}`));
    const rules = new ExcludeRules(patterns);
    expect(rules.ignores('dir10/file10.txt')).toBe(true);
    expect(rules.ignores('src/a.ext11')).toBe(true);
    // 10,000 lookups against 200,000 rules: a per-rule test would be 2·10⁹ regex runs.
    let hits = 0;
    for (let i = 0; i < 10_000; i++) if (rules.ignores(`src/file${i}.ts`)) hits++;
    expect(hits).toBe(0);
  });
});
