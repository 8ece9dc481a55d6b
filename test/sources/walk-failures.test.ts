// The walk never loses a folder because one entry failed: odd names are listed, a folder that
// cannot be read (or an entry that vanishes) is skipped by reason, and everything else is still
// listed. The suite runs as root, where chmod cannot deny a read: failures are injected.
import { lstatSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { displayName, walkWorkingTree, type WalkFs } from '../../src/sources/walk.js';
import { removeDir, tempRepo } from '../helpers/tmp.js';

const roots: string[] = [];
afterAll(() => roots.forEach(removeDir));

function repo(files: Record<string, string>): string {
  const root = tempRepo(files);
  roots.push(root);
  return root;
}

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(code), { code });
}

/** The real file system, except that `failDir` cannot be listed and `failEntry` cannot be stat'ed. */
function failingFs(root: string, failDir: string | undefined, failEntry: string | undefined, code: string): WalkFs {
  return {
    readdir(path) {
      if (failDir && path.toString() === join(root, failDir)) throw errno(code);
      return readdirSync(path, { withFileTypes: true, encoding: 'buffer' });
    },
    lstat(path) {
      if (failEntry && path.toString() === join(root, failEntry)) throw errno(code);
      return lstatSync(path, { throwIfNoEntry: false });
    },
  };
}

describe('walkWorkingTree failures', () => {
  it('skips a folder it may not read, by reason, and keeps its siblings', async () => {
    const root = repo({ 'locked/secret.env': 'x', 'open/a.txt': 'x', 'b.txt': 'x' });
    const result = await walkWorkingTree({ root, fs: failingFs(root, 'locked', undefined, 'EACCES') });
    expect(result.files.map((f) => f.path)).toEqual(['b.txt', 'open/a.txt']);
    expect(result.skipped).toEqual([{ path: 'locked/', reason: 'unreadable', detail: 'folder: permission denied' }]);
  });

  it('says so when the root itself cannot be read', async () => {
    const root = repo({ 'a.txt': 'x' });
    const fs: WalkFs = {
      readdir: () => {
        throw errno('EACCES');
      },
      lstat: (p) => lstatSync(p),
    };
    const result = await walkWorkingTree({ root, fs });
    expect(result.files).toEqual([]);
    expect(result.skipped).toEqual([{ path: './', reason: 'unreadable', detail: 'folder: permission denied' }]);
  });

  it('counts an entry that vanished between listing and stat, and one whose path is too long', async () => {
    const root = repo({ 'gone.txt': 'x', 'deep/x.txt': 'x', 'kept.txt': 'x' });
    const vanished = await walkWorkingTree({ root, fs: failingFs(root, undefined, 'gone.txt', 'ENOENT') });
    expect(vanished.files.map((f) => f.path)).toEqual(['deep/x.txt', 'kept.txt']);
    expect(vanished.skipped).toEqual([{ path: 'gone.txt', reason: 'vanished', detail: 'disappeared during the scan' }]);
    const long = await walkWorkingTree({ root, fs: failingFs(root, 'deep', undefined, 'ENAMETOOLONG') });
    expect(long.skipped).toEqual([
      { path: 'deep/', reason: 'unreadable', detail: 'folder: path longer than the system allows (PATH_MAX)' },
    ]);
    expect(long.files.map((f) => f.path)).toEqual(['gone.txt', 'kept.txt']);
  });

  it('lists names that are not UTF-8, start with "..", or hold CR or LF, and reads them by their bytes', async () => {
    const root = repo({ '..env': 'x', '..cfg/a.txt': 'x', 'line\nbreak.txt': 'x', 'cr\rname.txt': 'x' });
    const latin1 = Buffer.concat([Buffer.from(`${root}/caf`), Buffer.from([0xe9]), Buffer.from('.txt')]);
    writeFileSync(latin1, 'x');
    const result = await walkWorkingTree({ root });
    expect(result.files.map((f) => f.path).sort()).toEqual(
      ['..cfg/a.txt', '..env', 'caf\\xE9.txt', 'cr\rname.txt', 'line\nbreak.txt'].sort(),
    );
    const odd = result.files.find((f) => f.path === 'caf\\xE9.txt')!;
    expect(Buffer.from(odd.rawPath!).equals(latin1)).toBe(true);
    expect(result.skipped).toEqual([]);
  });

  it('counts default excludes by pattern and ignored entries by source', async () => {
    const root = repo({
      'node_modules/a/index.js': 'x',
      'pkg/node_modules/b/index.js': 'x',
      '.venv/lib/x.py': 'x',
      '.gitignore': '*.log\n',
      'debug.log': 'x',
      '.tokenscopeignore': 'fixtures/\n',
      'fixtures/f.json': 'x',
      'src/a.ts': 'x',
    });
    const result = await walkWorkingTree({ root });
    expect(result.files.map((f) => f.path)).toEqual(['.gitignore', '.tokenscopeignore', 'src/a.ts']);
    expect(result.excludedByDefault).toEqual({ 'node_modules/': 2, '.venv/': 1 });
    expect(result.ignored).toBe(2);
    expect(result.gitIgnored).toBe(1);
  });

  it('a generated .gitignore of 200,000 lines is matched by lookup and still decides', async () => {
    const lines = Array.from({ length: 200_000 }, (_, i) => (i % 2 === 0 ? `gen${i}/out${i}.txt` : `*.tmp${i}`));
    lines.push('build/');
    const files: Record<string, string> = {
      '.gitignore': lines.join('\n'),
      'build/a.js': 'x',
      'gen10/out10.txt': 'x',
      'x.tmp11': 'x',
    };
    for (let i = 0; i < 200; i++) files[`src/f${i}.ts`] = 'x';
    const result = await walkWorkingTree({ root: repo(files) });
    expect(result.files.length).toBe(201);
    expect(result.gitIgnored).toBe(3);
  });

  it('applies a .gitignore above a folder named as the target', async () => {
    const root = repo({ '.gitignore': '*.log\n', 'sub/a.log': 'x', 'sub/b.txt': 'x' });
    const result = await walkWorkingTree({ root, paths: [join(root, 'sub')] });
    expect(result.files.map((f) => f.path)).toEqual(['sub/b.txt']);
    expect(result.gitIgnored).toBe(1);
  });
});

describe('displayName', () => {
  it('keeps valid UTF-8 and shows each other byte as \\xNN', () => {
    expect(displayName(Buffer.from('naïve.txt'))).toEqual({ name: 'naïve.txt', exact: true });
    expect(displayName(Buffer.from([0x61, 0xe9, 0x62]))).toEqual({ name: 'a\\xE9b', exact: false });
    expect(displayName(Buffer.from([0xed, 0xa0, 0x80]))).toEqual({ name: '\\xED\\xA0\\x80', exact: false });
    // A literal U+FFFD in a name is valid UTF-8, not a decoding failure.
    expect(displayName(Buffer.from('a\uFFFDb'))).toEqual({ name: 'a\uFFFDb', exact: true });
  });
});
