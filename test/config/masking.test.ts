// Config errors show names as written (detector ids, level names, paths) and mask what could be a
// secret: long token-like runs anywhere, anything under values/fingerprints.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { describeReceived } from '../../src/util/ajv.js';
import { githubPat } from '../helpers/tokens.js';

function problems(text: string): string[] {
  try {
    parseConfig(text, 'c.yaml');
  } catch (error) {
    const details = (error as { details?: string[] }).details ?? [];
    return (details.length > 0 ? details : [(error as Error).message]).map((l) => l.replace(/^c\.yaml: /, ''));
  }
  return [];
}

describe('describeReceived', () => {
  it('a readable value is shown unless it looks like a token', () => {
    expect(describeReceived('github.clasic-pat', false, true)).toBe('"github.clasic-pat"');
    expect(describeReceived('docs/**/*.md', false, true)).toBe('"docs/**/*.md"');
    const token = githubPat();
    const shown = describeReceived(token, false, true);
    expect(shown.includes(token)).toBe(false);
    expect(shown).toMatch(/^"ghp_…", 40 characters$/);
    expect(describeReceived('hunter22', false, false)).toBe('"hu…", 8 characters');
    expect(describeReceived('hunter22', true, true)).toBe('a string of 8 characters, not shown');
  });
});

describe('config problems', () => {
  it('level names, detector selectors and paths are readable; a token in the same keys is not', () => {
    const token = githubPat();
    const lines = problems(
      [
        'failOn: warnings',
        'detectors:',
        '  only: [GitHub]',
        '  levels: { github.classic-pat: loud }',
        `  disable: [${token}]`,
        'exclude: [12]',
        '',
      ].join('\n'),
    );
    expect(lines).toContain('failOn: must be one of error, warning, note, none (received "warnings")');
    expect(lines).toContain(
      'detectors.only[0]: must be a detector id, provider or glob such as github.classic-pat, stripe or generic.* (lower case) (received "GitHub")',
    );
    expect(lines).toContain(
      'detectors.levels.github.classic-pat: must be one of error, warning, note, off (received "loud")',
    );
    expect(lines.some((l) => l.includes(token))).toBe(false);
    expect(lines).toContain(
      'detectors.disable[0]: must be a detector id, provider or glob such as github.classic-pat, stripe or generic.* (lower case) (received "ghp_…", 40 characters)',
    );
  });

  it('allowlist pathRegexes are checked like value patterns (hostile input), stopwords need three characters', () => {
    const lines = problems(
      [
        'allowlist:',
        '  - pathRegexes: ["(a+)+$"]',
        '    reason: nested',
        '  - stopwords: [ab]',
        '    reason: too short',
        '',
      ].join('\n'),
    );
    expect(lines.some((l) => /^allowlist\[0\]\.pathRegexes\[0\]: pattern rejected: nested repetition/.test(l))).toBe(
      true,
    );
    expect(lines).toContain('allowlist[1].stopwords[0]: must NOT have fewer than 3 characters (received "ab")');
  });

  it('YAML errors name the line and column, the alias error included', () => {
    expect(problems('a: 1\nb: *missing\n')).toEqual([
      'not valid YAML: Unresolved alias (the anchor must be set before the alias) at line 2 column 4',
    ]);
    expect(problems('failOn: none\n\tx: 1\n')[0]).toMatch(/^not valid YAML: .* at line 2 column 1$/);
  });
});
