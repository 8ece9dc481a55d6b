// The staged source: reads the index (not the working tree), keeps only added or changed lines
// with index line numbers unless --full, and handles first commits, renames, deletions, binary
// and UTF-16 files, excludes and the size cap.

import { execFileSync } from 'node:child_process';
import { symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/pipeline/scan.js';
import { parseAddedLines, parseStagedDiff, stagedSource } from '../../src/sources/git-staged.js';
import {
  ADDED_LINES_DIFF_FLAGS,
  readStaged,
  stagedDiffArgs,
  type StagedRead,
} from '../../src/sources/git-staged-read.js';
import { TokenscopeError } from '../../src/util/errors.js';
import { walkWorkingTree } from '../../src/sources/walk.js';
import { defaultConfig, git, gitEnv, removeDir, tempDir, tempRepo, writeFiles } from '../helpers/tmp.js';
import { githubPat } from '../helpers/tokens.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

function repo(files: Record<string, string | Uint8Array> = {}): string {
  const root = tempRepo(files);
  dirs.push(root);
  return root;
}

function commitAll(root: string, message = 'commit'): void {
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', message);
}

const config = defaultConfig;

const gitBytes = (root: string, args: string[]): Buffer => execFileSync('git', args, { cwd: root, env: gitEnv(root) });

const lines = (n: number, prefix = 'line'): string =>
  Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}`).join('\n') + '\n';

async function stagedFindings(
  root: string,
  full = false,
): Promise<Array<{ path: string; line: number; origin: string }>> {
  const result = await scan({ cwd: root, sources: stagedSource({ full }), workers: 0 });
  return result.findings.map((f) => ({ path: f.path, line: f.line, origin: f.origin }));
}

describe('stagedSource', () => {
  it('reads the staged version: a token staged and then edited away in the working copy is still found, at its index line', async () => {
    const root = repo({ 'config/app.env': lines(5) });
    commitAll(root);
    writeFiles(root, { 'config/app.env': `${lines(5)}GITHUB_TOKEN=${githubPat()}\n` });
    git(root, 'add', 'config/app.env');
    writeFiles(root, { 'config/app.env': lines(2) });
    expect(await stagedFindings(root)).toEqual([{ path: 'config/app.env', line: 6, origin: 'staged' }]);
  });

  it('by default only added or changed lines count; --full scans whole staged files', async () => {
    const old = githubPat();
    const root = repo({ 'deploy/.env': `OLD_TOKEN=${old}\n${lines(10)}` });
    commitAll(root);
    writeFiles(root, { 'deploy/.env': `OLD_TOKEN=${old}\n${lines(10)}NEW_TOKEN=${githubPat()}\n` });
    git(root, 'add', '-A');
    expect(await stagedFindings(root)).toEqual([{ path: 'deploy/.env', line: 12, origin: 'staged' }]);
    expect((await stagedFindings(root, true)).map((f) => f.line)).toEqual([1, 12]);
  });

  it('works before the first commit: everything staged is added', async () => {
    const root = repo({ 'a.env': `TOKEN=${githubPat()}\n`, 'b.txt': 'clean\n' });
    git(root, 'add', '-A');
    const collected = await stagedSource().collect(root, config());
    expect(collected.files.map((f) => [f.path, f.lineFilter])).toEqual([
      ['a.env', [[1, 1]]],
      ['b.txt', [[1, 1]]],
    ]);
    expect(await stagedFindings(root)).toEqual([{ path: 'a.env', line: 1, origin: 'staged' }]);
  });

  it('leaves out deletions, unstaged files, pure renames and mode changes; a renamed file with an edit yields only the edit', async () => {
    const root = repo({ 'gone.txt': 'x\n', 'moved.txt': lines(20), 'same.txt': lines(3), 'chmod.sh': 'echo\n' });
    commitAll(root);
    git(root, 'rm', '-q', 'gone.txt');
    git(root, 'mv', 'moved.txt', 'renamed.txt');
    writeFiles(root, { 'renamed.txt': `${lines(20)}added\n`, 'unstaged.txt': 'not added\n' });
    git(root, 'add', 'renamed.txt');
    git(root, 'update-index', '--chmod=+x', 'chmod.sh');
    const collected = await stagedSource().collect(root, config());
    expect(collected.files.map((f) => [f.path, f.lineFilter])).toEqual([['renamed.txt', [[21, 21]]]]);
  });

  it('a file git calls binary (UTF-16) is scanned whole; a real binary is skipped by the reader', async () => {
    const token = githubPat();
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`TOKEN=${token}\n`, 'utf16le')]);
    const root = repo({ 'win.env': utf16, 'blob.bin': Buffer.from([0, 1, 2, 3, 0, 0, 7]) });
    git(root, 'add', '-A');
    const collected = await stagedSource().collect(root, config());
    expect(collected.files.map((f) => [f.path, f.lineFilter])).toEqual([
      ['blob.bin', undefined],
      ['win.env', undefined],
    ]);
    const result = await scan({ cwd: root, sources: stagedSource(), workers: 0 });
    expect(result.findings.map((f) => f.path)).toEqual(['win.env']);
    expect(result.skipped).toEqual([expect.objectContaining({ path: 'blob.bin', reason: 'binary' })]);
  });

  it('honours default and config excludes, .tokenscopeignore and PATH arguments', async () => {
    const root = repo({
      'node_modules/x/index.js': 'a\n',
      'vendor/lib.js': 'b\n',
      'gen/out.txt': 'c\n',
      'gen/.tokenscopeignore': '*.txt\n',
      'src/a.ts': 'd\n',
      'docs/b.md': 'e\n',
    });
    git(root, 'add', '-A', '-f');
    const all = await stagedSource().collect(root, config({ exclude: ['vendor/'] }));
    expect(all.files.map((f) => f.path)).toEqual(['docs/b.md', 'gen/.tokenscopeignore', 'src/a.ts']);
    const some = await stagedSource({ targets: [join(root, 'src')] }).collect(root, config());
    expect(some.files.map((f) => f.path)).toEqual(['src/a.ts']);
  });

  it('a nested .tokenscopeignore with a ! rule un-ignores, as it does in a working-tree scan', async () => {
    const root = repo({
      '.tokenscopeignore': '*.env\n',
      'config/.tokenscopeignore': '!keep.env\n',
      'config/keep.env': 'a\n',
      'config/other.env': 'b\n',
      'top.env': 'c\n',
    });
    git(root, 'add', '-A');
    const staged = (await stagedSource().collect(root, config())).files
      .map((f) => f.path)
      .filter((p) => p.endsWith('.env'));
    expect(staged).toEqual(['config/keep.env']);
    const walked = (await walkWorkingTree({ root })).files.map((f) => f.path).filter((p) => p.endsWith('.env'));
    expect(walked).toEqual(staged);
  });

  it('skips a staged blob over the size cap without reading it, and a staged symlink', async () => {
    const root = repo({ 'big.txt': 'x'.repeat(5000), 'small.txt': 'ok\n' });
    symlinkSync('small.txt', join(root, 'link'));
    git(root, 'add', '-A');
    const collected = await stagedSource().collect(root, config({ maxFileSize: 1000 }));
    expect(collected.files.map((f) => f.path)).toEqual(['small.txt']);
    expect(collected.skipped.map((s) => [s.path, s.reason])).toEqual(
      expect.arrayContaining([
        ['big.txt', 'too-large'],
        ['link', 'symlink'],
      ]),
    );
  });

  it('a blob past the read-ahead limit stops it there: the blobs after it are still read, the big one skipped', async () => {
    const root = repo({ 'a-big.txt': 'x'.repeat(5000), 'b.txt': 'bee\n', 'c.txt': 'sea\n' });
    git(root, 'add', '-A');
    const collected = await stagedSource().collect(root, config({ maxFileSize: 1000 }));
    expect(collected.files.map((f) => [f.path, String(f.content)])).toEqual([
      ['b.txt', 'bee\n'],
      ['c.txt', 'sea\n'],
    ]);
    expect(collected.skipped.map((s) => [s.path, s.reason])).toEqual([['a-big.txt', 'too-large']]);
  });

  it('a read started earlier (by the bin) is used for its own root and --full, and ignored otherwise', async () => {
    const root = repo({ 'a.txt': 'real\n' });
    git(root, 'add', '-A');
    const real = await readStaged(root, false);
    const blob = real.entries[0]!.dstBlob;
    // A stand-in read whose blob content differs from the repository's: seen only if it is used.
    const standIn: StagedRead = { ...real, blobs: new Map([[blob, Buffer.from('stand-in\n')]]) };
    const started = (forRoot: string, full: boolean) => ({ root: forRoot, full, result: Promise.resolve(standIn) });
    const content = async (source: ReturnType<typeof stagedSource>): Promise<string[]> =>
      (await source.collect(root, config())).files.map((f) => String(f.content));
    expect(await content(stagedSource({ started: started(root, false) }))).toEqual(['stand-in\n']);
    expect(await content(stagedSource({ started: started(`${root}/other`, false) }))).toEqual(['real\n']);
    expect(await content(stagedSource({ started: started(root, true) }))).toEqual(['real\n']);
  });

  it('outside a repository: one E_GIT line', async () => {
    const dir = tempDir();
    dirs.push(dir);
    writeFileSync(join(dir, 'a.txt'), 'x');
    const error = await stagedSource()
      .collect(dir, config())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenscopeError);
    expect((error as TokenscopeError).message).toBe(`${dir}: not a git repository`);
  });

  it('a staged deletion of the only file leaves nothing to scan', async () => {
    const root = repo({ 'a.txt': 'x\n' });
    commitAll(root);
    unlinkSync(join(root, 'a.txt'));
    git(root, 'add', '-A');
    expect((await stagedSource().collect(root, config())).files).toEqual([]);
  });
});

describe('diff parsing', () => {
  it('reads new-side ranges from -U0 hunks, and an added line that looks like a header is not one', () => {
    const patch = [
      'diff --git a/a.txt b/a.txt',
      'index 1..2 100644',
      '--- a/a.txt',
      '+++ b/a.txt',
      '@@ -1,0 +2,2 @@ context',
      '+++ b/evil.txt',
      '+second',
      '@@ -5 +6 @@',
      '-old',
      '+new',
      '@@ -9,2 +9,0 @@',
      '-gone',
      '-gone too',
      'diff --git a/sp ace.txt b/sp ace.txt',
      'new file mode 100644',
      '--- /dev/null',
      '+++ b/sp ace.txt\t',
      '@@ -0,0 +1 @@',
      '+x',
      '\\ No newline at end of file',
      'diff --git "a/caf\\303\\251" "b/caf\\303\\251"',
      '--- "a/caf\\303\\251"',
      '+++ "b/caf\\303\\251"',
      '@@ -1 +1 @@',
      '-a',
      '+b',
      '',
    ].join('\n');
    expect(Object.fromEntries(parseAddedLines(patch))).toEqual({
      'a.txt': [
        [2, 3],
        [6, 6],
      ],
      'sp ace.txt': [[1, 1]],
      café: [[1, 1]],
    });
  });

  it('reads raw entries and numstat binary markers from one -z stream, renames included', () => {
    const out = Buffer.from(
      [
        ':100644 100644 aaa bbb M',
        'bin.dat',
        ':100644 100644 ccc ddd R097',
        'r.txt',
        'r2.txt',
        '-\t-\tbin.dat',
        '1\t0\t',
        'r.txt',
        'r2.txt',
        '',
      ].join('\0'),
    );
    const parsed = parseStagedDiff(out);
    expect(parsed.entries.map((e) => [e.status, e.path, e.dstBlob])).toEqual([
      ['M', 'bin.dat', 'bbb'],
      ['R', 'r2.txt', 'ddd'],
    ]);
    expect([...parsed.binary]).toEqual(['bin.dat']);
  });

  it('one diff gives what the separate raw/numstat and -U0 runs gave: odd names, renames, binary, NUL in a text patch', () => {
    const root = repo({ 'old name.txt': lines(30), 'f.txt': lines(3) });
    commitAll(root);
    git(root, 'mv', 'old name.txt', 'new name.txt');
    const nulLate = Buffer.concat([Buffer.from('a'.repeat(9000)), Buffer.from([0]), Buffer.from('b\nmore\n')]);
    writeFiles(root, {
      'new name.txt': `${lines(30)}added\n`,
      'f.txt': 'line 1\nchanged\nline 3\nline 4\n',
      'tab\there.txt': 'tab\n',
      'café.txt': 'accent\n',
      'bin.dat': Buffer.from([0, 1, 2, 0, 3]),
      'late-nul.txt': nulLate,
    });
    git(root, 'add', '-A');
    const combined = parseStagedDiff(gitBytes(root, stagedDiffArgs(false)));
    const records = parseStagedDiff(gitBytes(root, stagedDiffArgs(true)));
    const patch = gitBytes(root, ['diff', '--cached', '--ignore-submodules=none', ...ADDED_LINES_DIFF_FLAGS]).toString(
      'utf8',
    );
    expect(combined.entries).toEqual(records.entries);
    expect([...combined.binary]).toEqual([...records.binary]);
    expect(records.patch).toBe('');
    expect(parseAddedLines(combined.patch)).toEqual(parseAddedLines(patch));
    expect([...combined.binary]).toEqual(['bin.dat']);
    expect(combined.entries.map((e) => [e.status, e.path]).sort()).toEqual(
      [
        ['A', 'bin.dat'],
        ['A', 'café.txt'],
        ['A', 'late-nul.txt'],
        ['A', 'tab\there.txt'],
        ['M', 'f.txt'],
        ['R', 'new name.txt'],
      ].sort(),
    );
    expect(parseAddedLines(combined.patch).get('late-nul.txt')).toEqual([[1, 2]]);
  });
});
