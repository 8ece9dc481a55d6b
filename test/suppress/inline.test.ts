// Parsing inline ignore comments: every comment syntax, on the line and on the line above, with
// and without a detector id and a reason; other scanners' markers; and that comment text is
// safe to print (a reason never carries the code after a comment, nor a pasted token).

import { describe, expect, it } from 'vitest';
import { lineIndex } from '../../src/util/location.js';
import { findInlineIgnore, listIgnoreComments } from '../../src/suppress/inline.js';

function ignoreFor(text: string, line: number): ReturnType<typeof findInlineIgnore> {
  return findInlineIgnore(text, lineIndex(text), line);
}

const SECRET = 'SECRET_VALUE';

describe('tokenscope:ignore on the finding line', () => {
  const syntaxes: Array<[string, string]> = [
    ['#', `token = "${SECRET}"  # tokenscope:ignore`],
    ['//', `const token = "${SECRET}"; // tokenscope:ignore`],
    ['/* */', `const token = "${SECRET}"; /* tokenscope:ignore */`],
    ['<!-- -->', `<meta content="${SECRET}"> <!-- tokenscope:ignore -->`],
    ['--', `SELECT '${SECRET}'; -- tokenscope:ignore`],
    [';', `token = ${SECRET} ; tokenscope:ignore`],
  ];
  for (const [syntax, line] of syntaxes) {
    it(`${syntax}: without an id or reason`, () => {
      expect(ignoreFor(`first\n${line}\nlast\n`, 2)).toEqual({ line: 2, directive: 'tokenscope:ignore' });
    });
    it(`${syntax}: with a detector id and a reason`, () => {
      const named = line.replace(
        'tokenscope:ignore',
        'tokenscope:ignore github.classic-pat -- fixture for the parser tests',
      );
      expect(ignoreFor(`${named}\n`, 1)).toEqual({
        line: 1,
        directive: 'tokenscope:ignore',
        ruleId: 'github.classic-pat',
        reason: 'fixture for the parser tests',
      });
    });
  }

  it('accepts the id in brackets and a reason after ":"; a reason alone is not taken for an id', () => {
    expect(ignoreFor(`x = 1 # tokenscope:ignore[aws.access-key-id]: rotated\n`, 1)).toMatchObject({
      ruleId: 'aws.access-key-id',
      reason: 'rotated',
    });
    expect(ignoreFor(`x = 1 # tokenscope:ignore github.classic-pat: revoked in 2024\n`, 1)).toMatchObject({
      ruleId: 'github.classic-pat',
      reason: 'revoked in 2024',
    });
    const plain = ignoreFor(`x = 1 # tokenscope:ignore -- documented example value\n`, 1);
    expect(plain).toEqual({ line: 1, directive: 'tokenscope:ignore', reason: 'documented example value' });
  });

  it('accepts the tokenscope-ignore spelling as the same marker', () => {
    expect(ignoreFor(`x = 1 # tokenscope-ignore github.classic-pat -- fixture\n`, 1)).toEqual({
      line: 1,
      directive: 'tokenscope:ignore',
      ruleId: 'github.classic-pat',
      reason: 'fixture',
    });
  });

  it('does not match a longer word such as tokenscope:ignored', () => {
    expect(ignoreFor(`x = 1 # tokenscope:ignored by nobody\n`, 1)).toBeUndefined();
  });

  it('stops the reason at the comment closer: code after a leading comment never becomes the reason', () => {
    const ignore = ignoreFor(`/* tokenscope:ignore github.classic-pat -- fixture */ const t = "${SECRET}";\n`, 1);
    expect(ignore).toEqual({
      line: 1,
      directive: 'tokenscope:ignore',
      ruleId: 'github.classic-pat',
      reason: 'fixture',
    });
    const html = ignoreFor(`<!-- tokenscope:ignore --> <a href="x?key=${SECRET}">\n`, 1);
    expect(html).toEqual({ line: 1, directive: 'tokenscope:ignore' });
  });

  it('masks a token pasted into the reason', () => {
    const pasted = 'ghp_' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8';
    const ignore = ignoreFor(`x = 1 # tokenscope:ignore -- the old value was ${pasted}\n`, 1);
    expect(ignore?.reason).toBe('the old value was ghp_…');
  });
});

describe('tokenscope:ignore on the line above', () => {
  const comments = [
    '# tokenscope:ignore',
    '// tokenscope:ignore',
    '/* tokenscope:ignore */',
    '<!-- tokenscope:ignore -->',
    '-- tokenscope:ignore',
    '; tokenscope:ignore',
    '  * tokenscope:ignore',
  ];
  for (const comment of comments) {
    it(`"${comment.trim()}" covers the next line`, () => {
      expect(ignoreFor(`${comment}\ntoken = "${SECRET}"\n`, 2)).toEqual({ line: 1, directive: 'tokenscope:ignore' });
    });
  }

  it('names a detector and gives a reason from the line above', () => {
    expect(
      ignoreFor(`  # tokenscope:ignore stripe.secret-key-live -- sandbox mirror, no charges possible\n  key: x\n`, 2),
    ).toEqual({
      line: 1,
      directive: 'tokenscope:ignore',
      ruleId: 'stripe.secret-key-live',
      reason: 'sandbox mirror, no charges possible',
    });
  });

  it('a trailing comment on a code line does not cover the line after it', () => {
    expect(ignoreFor(`a = "${SECRET}"  # tokenscope:ignore\nb = "${SECRET}"\n`, 2)).toBeUndefined();
  });

  it('does not reach two lines down', () => {
    expect(ignoreFor(`# tokenscope:ignore\n\ntoken = "${SECRET}"\n`, 3)).toBeUndefined();
  });
});

describe("other scanners' markers", () => {
  it('gitleaks:allow and secretlint-disable-line on the same line', () => {
    expect(ignoreFor(`t = "${SECRET}" # gitleaks:allow\n`, 1)).toEqual({ line: 1, directive: 'gitleaks:allow' });
    expect(ignoreFor(`t = "${SECRET}" // secretlint-disable-line\n`, 1)).toEqual({
      line: 1,
      directive: 'secretlint-disable-line',
    });
  });

  it('secretlint-disable-next-line on the line above; gitleaks:allow on the line above does not count', () => {
    expect(ignoreFor(`// secretlint-disable-next-line\nt = "${SECRET}"\n`, 2)).toEqual({
      line: 1,
      directive: 'secretlint-disable-next-line',
    });
    expect(ignoreFor(`# gitleaks:allow\nt = "${SECRET}"\n`, 2)).toBeUndefined();
  });
});

describe('listIgnoreComments', () => {
  it('lists each tokenscope:ignore with its line, cut at the comment closer and masked', () => {
    const pasted = 'xoxb' + '9'.repeat(30);
    const text = `a = 1\n/* tokenscope:ignore github.classic-pat -- why */ b = "${SECRET}"\n# tokenscope:ignore -- was ${pasted}\nno marker here\n`;
    expect(listIgnoreComments(text)).toEqual([
      { line: 2, text: 'tokenscope:ignore github.classic-pat -- why' },
      { line: 3, text: 'tokenscope:ignore -- was xoxb…' },
    ]);
  });
});
