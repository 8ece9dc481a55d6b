import { describe, expect, it } from 'vitest';
import { buildDetectorSet } from '../../src/detect/compile.js';
import { detectInText } from '../../src/detect/engine.js';
import { embeddedFileAt } from '../../src/detect/embedded-files.js';
import { builtinDetectorSources, loadDetectorFiles } from '../../src/catalog/load.js';
import { randomAlnum } from '../helpers/tokens.js';

const set = buildDetectorSet(loadDetectorFiles(builtinDetectorSources()).files.map((f) => f.file));

/** A password generated at run time, with the mix of classes a person's password has. */
function password(): string {
  return `Qz${randomAlnum(10)}-7!`;
}

describe('embeddedFileAt: the file a script writes', () => {
  it('reads a heredoc body under the written name beside the script, indentation taken off', () => {
    const text = [
      'steps:',
      '  - run: |',
      '      cat > "$HOME/.pgpass" <<-EOF',
      '      db:5432:*:app:pw',
      '      EOF',
      '',
    ].join('\n');
    const file = embeddedFileAt(text, text.indexOf('.pgpass') + 7, 'ci/deploy.yml')!;
    expect(file.text).toBe('db:5432:*:app:pw\n');
    expect(file.path).toBe('ci/.pgpass');
    expect(text.slice(file.map[0]!, file.map[0]! + 2)).toBe('db');
    expect(file.end).toBe(text.indexOf('      EOF'));
  });

  it('reads an echo argument, with `\\n` as a line break for printf and echo -e only', () => {
    const plain = `echo "a\\nb" > ~/.netrc`;
    expect(embeddedFileAt(plain, plain.indexOf('.netrc') + 6, 'setup.sh')!.text).toBe('a\\nb');
    const escaped = `printf 'a\\nb' | sudo tee /root/.my.cnf`;
    expect(embeddedFileAt(escaped, escaped.indexOf('.my.cnf') + 7, 'setup.sh')!.text).toBe('a\nb');
  });

  it('needs a write to a file of that name: a mention, a read or a longer name is no such file', () => {
    for (const line of [
      'cp ~/.npmrc backup/',
      'cat ~/.pgpass',
      'echo "see ~/.netrc for the login"',
      'cat > my.npmrc <<EOF',
      'chmod 600 ~/.pgpass',
    ]) {
      const at = line.search(/\.(?:npmrc|pgpass|netrc)/);
      expect(embeddedFileAt(line, at + 6, 'a.sh'), line).toBeUndefined();
    }
  });
});

describe('detection in the files scripts write', () => {
  it('finds a .pgpass line, an .npmrc _auth and a .netrc login written by shell, CI and Dockerfiles', () => {
    const pw = password();
    const auth = Buffer.from(`ci:${password()}`).toString('base64');
    const cases: Array<[string, string, string, string]> = [
      [
        'scripts/provision.sh',
        `cat > "$HOME/.pgpass" <<EOF\npg.internal:5432:*:app:${pw}\nEOF\n`,
        'database.pgpass',
        pw,
      ],
      [
        '.gitlab-ci.yml',
        `build:\n  script:\n    - |\n      cat > .npmrc <<'NPMRC'\n      //npm.acme.io/:_auth=${auth}\n      NPMRC\n`,
        'npm.npmrc-auth',
        auth,
      ],
      [
        'Dockerfile',
        `FROM node:20\nCOPY <<EOF /root/.npmrc\n//npm.acme.io/:_auth=${auth}\nEOF\n`,
        'npm.npmrc-auth',
        auth,
      ],
    ];
    for (const [path, text, id, secret] of cases) {
      const matches = detectInText(text, path, set);
      expect(
        matches.map((m) => m.detector.id),
        path,
      ).toEqual([id]);
      expect(matches[0]!.secret === secret, path).toBe(true);
      // On the script's own line, with no encoding recorded: the text is the script's.
      expect(text.slice(matches[0]!.start, matches[0]!.end) === secret, path).toBe(true);
      expect(matches[0]!.encoding, path).toBeUndefined();
    }
  });

  it('a written file of references and placeholders adds nothing', () => {
    const text = [
      'cat > ~/.npmrc <<EOF',
      '//registry.npmjs.org/:_authToken=${NPM_TOKEN}',
      'EOF',
      'cat > ~/.pgpass <<EOF',
      'db:5432:*:app:changeme',
      'EOF',
      '',
    ].join('\n');
    expect(detectInText(text, 'scripts/setup.sh', set)).toEqual([]);
  });
});
