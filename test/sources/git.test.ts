// The git runner and the cat-file batch reader: one process for many blobs, exact bytes across
// chunk boundaries, size checks without reading, and one-line E_GIT errors.

import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  batchCheck,
  isPartialClone,
  nulSplitter,
  RawParser,
  readBlobs,
  runGit,
  streamGit,
  unquoteGitPath,
} from '../../src/sources/git.js';
import { TokenscopeError } from '../../src/util/errors.js';
import { git, removeDir, tempDir, tempRepo } from '../helpers/tmp.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

function repoWith(files: Record<string, string | Uint8Array>): { root: string; ids: Record<string, string> } {
  const root = tempRepo(files);
  dirs.push(root);
  git(root, 'add', '-A');
  const ids: Record<string, string> = {};
  for (const line of git(root, 'ls-files', '-s').trim().split('\n')) {
    const m = /^\d+ ([0-9a-f]+) \d\t(.+)$/.exec(line);
    if (m) ids[m[2]!] = m[1]!;
  }
  return { root, ids };
}

describe('runGit', () => {
  it('returns stdout as bytes', async () => {
    const { root } = repoWith({ 'a.txt': 'x\n' });
    const out = await runGit(['ls-files'], { cwd: root });
    expect(out.toString('utf8')).toBe('a.txt\n');
  });

  it('outside a repository: one E_GIT line naming the folder', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const error = await runGit(['rev-parse', '--show-toplevel'], { cwd: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenscopeError);
    expect((error as TokenscopeError).code).toBe('E_GIT');
    expect((error as TokenscopeError).message).toBe(`${dir}: not a git repository`);
  });

  it("a failing command names the subcommand and git's first message line", async () => {
    const { root } = repoWith({ 'a.txt': 'x\n' });
    const error = (await runGit(['log', 'no-such-revision'], { cwd: root }).catch(
      (e: unknown) => e,
    )) as TokenscopeError;
    expect(error.code).toBe('E_GIT');
    expect(error.message).toMatch(/: git log failed: .*no-such-revision/);
    expect(error.message.includes('\n')).toBe(false);
  });

  it('a missing folder is an E_GIT error, not a crash', async () => {
    const error = (await streamGit(['status'], { cwd: '/nonexistent/tokenscope-dir' }, () => undefined).catch(
      (e: unknown) => e,
    )) as TokenscopeError;
    expect(error).toBeInstanceOf(TokenscopeError);
    expect(error.code).toBe('E_GIT');
  });
});

describe('batchCheck and readBlobs', () => {
  it('reads many blobs through one process, byte for byte, including empty and large ones', async () => {
    const big = Buffer.alloc(300_000);
    for (let i = 0; i < big.length; i++) big[i] = (i * 7) % 256;
    const files: Record<string, string | Uint8Array> = { 'empty.txt': '', 'lines.txt': 'a\nb\n\n', 'big.bin': big };
    for (let i = 0; i < 50; i++) files[`many/${i}.txt`] = `file ${i}\n`.repeat(i + 1);
    const { root, ids } = repoWith(files);
    const wanted = Object.values(ids);
    const got = new Map<string, Buffer>();
    await readBlobs(root, wanted, (id, bytes) => got.set(id, bytes));
    expect(got.size).toBe(new Set(wanted).size);
    expect(got.get(ids['big.bin']!)!.equals(big)).toBe(true);
    expect(got.get(ids['lines.txt']!)!.toString()).toBe('a\nb\n\n');
    expect(got.get(ids['empty.txt']!)!.length).toBe(0);
    expect(got.get(ids['many/49.txt']!)!.toString()).toBe('file 49\n'.repeat(50));
  });

  it('with accept, each header decides: git is stopped before a refused blob, and the count says where', async () => {
    const { root, ids } = repoWith({ 'a.txt': 'small\n', 'b.bin': Buffer.alloc(200_000, 1), 'c.txt': 'after\n' });
    const missing = 'e'.repeat(40);
    const order = [missing, ids['a.txt']!, ids['b.bin']!, ids['c.txt']!];
    const got: string[] = [];
    const absent: string[] = [];
    const settled = await readBlobs(root, order, (id) => got.push(id), {
      accept: (_id, size) => size < 1000,
      onMissing: (id) => absent.push(id),
    });
    expect(settled).toBe(2);
    expect(got).toEqual([ids['a.txt']]);
    expect(absent).toEqual([missing]);
    // Everything accepted: all settled, in order.
    expect(await readBlobs(root, order, () => undefined, { accept: () => true })).toBe(4);
  });

  it('ids given later (a promise): git starts at once and reads them when they come; none ends it', async () => {
    const { root, ids } = repoWith({ 'a.txt': 'one\n', 'b.txt': 'two\n' });
    const got = new Map<string, string>();
    let give: (ids: string[]) => void = () => undefined;
    const later = new Promise<string[]>((resolve) => (give = resolve));
    const reading = readBlobs(root, later, (id, bytes) => got.set(id, bytes.toString()));
    setTimeout(() => give([ids['b.txt']!, ids['a.txt']!]), 20);
    expect(await reading).toBe(2);
    expect([...got.values()]).toEqual(['two\n', 'one\n']);
    expect(await readBlobs(root, Promise.resolve([]), () => undefined)).toBe(0);
  });

  it('batchCheck gives sizes without reading, and marks missing ids', async () => {
    const { root, ids } = repoWith({ 'a.txt': 'hello\n' });
    const missing = 'f'.repeat(40);
    const info = await batchCheck(root, [ids['a.txt']!, missing]);
    expect(info.get(ids['a.txt']!)).toEqual({ id: ids['a.txt'], type: 'blob', size: 6 });
    expect(info.get(missing)).toEqual({ id: missing, missing: true });
  });
});

describe('parsing helpers', () => {
  it("unquotes git's C-style paths, octal UTF-8 included", () => {
    expect(unquoteGitPath('plain name.txt')).toBe('plain name.txt');
    expect(unquoteGitPath('"tab\\there"')).toBe('tab\there');
    expect(unquoteGitPath('"caf\\303\\251.txt"')).toBe('café.txt');
    expect(unquoteGitPath('"q\\"uote\\\\back"')).toBe('q"uote\\back');
  });

  it('splits NUL records across chunk boundaries and parses raw entries with renames', () => {
    const records: string[] = [];
    const split = nulSplitter((r) => records.push(r.toString()));
    const stream = ':100644 100644 aaa bbb R097\0old name\0new name\0:000000 100644 000 ccc A\0added\0';
    for (let i = 0; i < stream.length; i += 5) split.push(Buffer.from(stream.slice(i, i + 5)));
    split.end();
    expect(records).toEqual([
      ':100644 100644 aaa bbb R097',
      'old name',
      'new name',
      ':000000 100644 000 ccc A',
      'added',
    ]);
    const parser = new RawParser();
    const entries = records.map((r) => parser.feed(Buffer.from(r))).filter((e) => e && e !== 'other');
    expect(entries).toEqual([
      {
        srcMode: '100644',
        dstMode: '100644',
        srcBlob: 'aaa',
        dstBlob: 'bbb',
        status: 'R',
        fromPath: 'old name',
        path: 'new name',
      },
      { srcMode: '000000', dstMode: '100644', srcBlob: '000', dstBlob: 'ccc', status: 'A', path: 'added' },
    ]);
  });

  it('a path that starts with ":" is still read as a path', () => {
    const parser = new RawParser();
    expect(parser.feed(Buffer.from(':000000 100644 000 ddd A'))).toBeUndefined();
    expect(parser.feed(Buffer.from(':colon.txt'))).toMatchObject({ path: ':colon.txt', dstBlob: 'ddd' });
  });
});

describe('isPartialClone', () => {
  it("is answered from the repository's config when it plainly names no promisor, and by git otherwise", async () => {
    const { root } = repoWith({ 'a.txt': 'x\n' });
    expect(await isPartialClone(root)).toBe(false);
    // What `git clone --filter` writes: git's own answer is asked for, and it is yes.
    git(root, 'config', 'remote.origin.url', 'https://example.invalid/repo.git');
    git(root, 'config', 'remote.origin.promisor', 'true');
    git(root, 'config', 'extensions.partialClone', 'origin');
    expect(await isPartialClone(root)).toBe(true);
    // An include may hide either key: git is asked, and here it says no.
    const other = repoWith({ 'b.txt': 'y\n' }).root;
    writeFileSync(join(other, 'extra.gitconfig'), '[core]\n\tautocrlf = false\n');
    git(other, 'config', 'include.path', join(other, 'extra.gitconfig'));
    expect(await isPartialClone(other)).toBe(false);
  });
});
