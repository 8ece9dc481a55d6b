import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { walkWorkingTree } from '../../src/sources/walk.js';
import { removeDir, tempRepo, writeFiles } from '../helpers/tmp.js';

const roots: string[] = [];
afterAll(() => roots.forEach(removeDir));

async function walk(
  files: Record<string, string>,
  options: { gitignore?: boolean; excludes?: string[]; defaultExcludes?: boolean } = {},
) {
  const root = tempRepo(files);
  roots.push(root);
  const result = await walkWorkingTree({ root, ...options });
  return { root, paths: result.files.map((f) => f.path), result };
}

describe('walkWorkingTree', () => {
  it('reports the running file count as it finds files (the scan starts its workers from it)', async () => {
    const root = tempRepo({
      'a.txt': 'x',
      'b/c.txt': 'x',
      'b/d.txt': 'x',
      '.gitignore': 'ignored.txt\n',
      'ignored.txt': 'x',
    });
    roots.push(root);
    const counts: number[] = [];
    const result = await walkWorkingTree({ root, onFileFound: (count) => counts.push(count) });
    expect(counts).toEqual(result.files.map((_, i) => i + 1));
    expect(result.files.map((f) => f.path)).not.toContain('ignored.txt');
  });

  it('scans dotfiles and honours nested .gitignore files with negation', async () => {
    const { paths } = await walk({
      '.env': 'A=1',
      '.npmrc': 'x',
      '.github/workflows/ci.yml': 'x',
      '.docker/config.json': '{}',
      '.gitignore': 'dist/\n*.log\n',
      'dist/app.js': 'x',
      'app.log': 'x',
      'pkg/.gitignore': 'generated/\n!keep.log\n',
      'pkg/generated/a.txt': 'x',
      'pkg/keep.log': 'x',
      'pkg/src/index.ts': 'x',
    });
    expect(paths).toEqual(
      expect.arrayContaining([
        '.env',
        '.npmrc',
        '.github/workflows/ci.yml',
        '.docker/config.json',
        'pkg/keep.log',
        'pkg/src/index.ts',
      ]),
    );
    expect(paths).not.toContain('dist/app.js');
    expect(paths).not.toContain('app.log');
    expect(paths).not.toContain('pkg/generated/a.txt');
    expect(paths.some((p) => p.startsWith('.git/'))).toBe(false);
  });

  it('honours .git/info/exclude and .tokenscopeignore', async () => {
    const root = tempRepo({
      'notes.txt': 'x',
      'vendor/lib.js': 'x',
      'src/a.ts': 'x',
      'sub/.tokenscopeignore': 'fixtures/\n',
      'sub/fixtures/f.json': 'x',
      'sub/b.ts': 'x',
    });
    roots.push(root);
    writeFileSync(join(root, '.git', 'info', 'exclude'), 'notes.txt\n');
    writeFileSync(join(root, '.tokenscopeignore'), 'vendor/\n');
    const paths = (await walkWorkingTree({ root })).files.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['src/a.ts', 'sub/b.ts']));
    expect(paths).not.toContain('notes.txt');
    expect(paths).not.toContain('vendor/lib.js');
    expect(paths).not.toContain('sub/fixtures/f.json');
  });

  it('skips default excludes unless turned off, and git-ignored files are listed when gitignore is off', async () => {
    const files = {
      'node_modules/x/index.js': 'x',
      'src/a.js': 'x',
      '.gitignore': '.env.local\n',
      '.env.local': 'A=1',
    };
    expect((await walk(files)).paths).toEqual(['.gitignore', 'src/a.js']);
    expect((await walk(files, { defaultExcludes: false })).paths).toContain('node_modules/x/index.js');
    expect((await walk(files, { gitignore: false })).paths).toContain('.env.local');
  });

  it('applies config excludes', async () => {
    const { paths } = await walk({ 'a/b.txt': 'x', 'c.txt': 'x' }, { excludes: ['a/'] });
    expect(paths).toEqual(['c.txt']);
  });

  it('lists symlinks (including a loop) and FIFOs as skipped without following or opening them', async () => {
    const root = tempRepo({ 'real/file.txt': 'x' });
    roots.push(root);
    symlinkSync(join(root, 'loop'), join(root, 'loop'));
    mkdirSync(join(root, 'dir'));
    symlinkSync(join(root, 'dir'), join(root, 'dir', 'self'));
    symlinkSync('/etc/passwd', join(root, 'outside'));
    execFileSync('mkfifo', [join(root, 'pipe')]);
    const result = await walkWorkingTree({ root });
    expect(result.files.map((f) => f.path)).toEqual(['real/file.txt']);
    expect(result.skipped.map((s) => `${s.path}:${s.reason}`).sort()).toEqual([
      'dir/self:symlink',
      'loop:symlink',
      'outside:symlink',
      'pipe:special-file',
    ]);
  });

  it('scans a named file even when it is ignored', async () => {
    const root = tempRepo({ '.gitignore': 'secret.txt\n', 'secret.txt': 'x' });
    roots.push(root);
    writeFiles(root, {});
    const result = await walkWorkingTree({ root, paths: [join(root, 'secret.txt')] });
    expect(result.files.map((f) => f.path)).toEqual(['secret.txt']);
  });
});
