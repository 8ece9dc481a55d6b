// The history source: every blob reachable from HEAD scanned once, attributed to the first commit
// that introduced it; deleted secrets are still found; --since limits to new commits.

import { afterAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/pipeline/scan.js';
import { historySource } from '../../src/sources/git-history.js';
import { TokenscopeError } from '../../src/util/errors.js';
import { defaultConfig, git, removeDir, tempRepo, writeFiles } from '../helpers/tmp.js';
import { githubPat } from '../helpers/tokens.js';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

function repo(): string {
  const root = tempRepo();
  dirs.push(root);
  return root;
}

function commit(root: string, files: Record<string, string>, message: string, remove: string[] = []): string {
  writeFiles(root, files);
  for (const path of remove) rmSync(join(root, path));
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '--allow-empty', '-m', message);
  return git(root, 'rev-parse', 'HEAD').trim();
}

describe('historySource', () => {
  it('finds a secret deleted in a later commit, with the commit that added it and its date', async () => {
    const root = repo();
    commit(root, { 'README.md': '# hi\n' }, 'start');
    const added = commit(root, { 'deploy/.env': `GITHUB_TOKEN=${githubPat()}\n` }, 'add token');
    commit(root, {}, 'remove token', ['deploy/.env']);
    const tree = await scan({ cwd: root, workers: 0 });
    expect(tree.findings).toEqual([]);
    const history = await scan({ cwd: root, sources: historySource(), workers: 0 });
    expect(history.findings).toHaveLength(1);
    const [finding] = history.findings;
    expect(finding).toMatchObject({ path: 'deploy/.env', line: 1, origin: 'history', commit: { sha: added } });
    expect(finding!.commit!.date).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(finding!.commit!.blob).toMatch(/^[0-9a-f]{40}$/);
    expect(history.stats.commitsScanned).toBe(3);
  });

  it('scans each blob once: the same content in two commits and two paths is one finding, at its first commit', async () => {
    const root = repo();
    const content = `TOKEN=${githubPat()}\n`;
    const first = commit(root, { 'a.env': content }, 'one');
    commit(root, { 'b.env': content, 'other.txt': 'x\n' }, 'two');
    commit(root, { 'other.txt': 'y\n' }, 'three');
    const result = await scan({ cwd: root, sources: historySource(), workers: 0 });
    expect(result.findings.map((f) => [f.path, f.commit?.sha])).toEqual([['a.env', first]]);
    // a.env, other.txt (x), other.txt (y): three distinct blobs read
    expect(result.stats.filesScanned).toBe(3);
  });

  it('--since REV scans only commits after REV', async () => {
    const root = repo();
    const base = commit(root, { 'old.env': `TOKEN=${githubPat()}\n` }, 'old');
    const next = commit(root, { 'new.env': `TOKEN=${githubPat()}\n` }, 'new');
    const result = await scan({ cwd: root, sources: historySource({ since: base }), workers: 0 });
    expect(result.findings.map((f) => [f.path, f.commit?.sha])).toEqual([['new.env', next]]);
    expect(result.stats.commitsScanned).toBe(1);
    const none = await scan({ cwd: root, sources: historySource({ since: 'HEAD' }), workers: 0 });
    expect(none.findings).toEqual([]);
    expect(none.stats.commitsScanned).toBe(0);
  });

  it('sees a blob that only a merge introduced', async () => {
    const root = repo();
    commit(root, { 'a.txt': 'a\n' }, 'base');
    git(root, 'checkout', '-q', '-b', 'side');
    commit(root, { 'side.txt': 'side\n' }, 'side');
    git(root, 'checkout', '-q', 'main');
    commit(root, { 'main.txt': 'main\n' }, 'main');
    git(root, 'merge', '-q', '--no-commit', 'side');
    writeFiles(root, { 'merge.env': `TOKEN=${githubPat()}\n` });
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'merge with an evil resolution');
    const mergeSha = git(root, 'rev-parse', 'HEAD').trim();
    const result = await scan({ cwd: root, sources: historySource(), workers: 0 });
    expect(result.findings.map((f) => [f.path, f.commit?.sha])).toEqual([['merge.env', mergeSha]]);
    expect(result.stats.commitsScanned).toBe(4);
  });

  it('reports progress while reading history', async () => {
    const root = repo();
    for (let i = 0; i < 3; i++) commit(root, { [`f${i}.txt`]: `${i}\n` }, `c${i}`);
    const seen: Array<{ commits: number; blobs: number }> = [];
    await historySource({ onProgress: (p) => seen.push(p) }).collect(root, defaultConfig({ maxFileSize: 1 << 20 }));
    expect(seen.at(-1)).toEqual({ commits: 3, blobs: 3 });
  });

  it('a repository without commits has no history; an unknown --since is a usage error', async () => {
    const root = repo();
    const empty = await scan({ cwd: root, sources: historySource(), workers: 0 });
    expect(empty.stats.commitsScanned).toBe(0);
    commit(root, { 'a.txt': 'a\n' }, 'one');
    const error = await scan({ cwd: root, sources: historySource({ since: 'no-such-rev' }), workers: 0 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TokenscopeError);
    expect((error as TokenscopeError).message).toMatch(/--since: unknown revision "no-such-rev"/);
    expect(() => historySource({ since: '--all' })).toThrow(/not a revision/);
  });
});

describe('scan --history progress', () => {
  async function runWith(tty: boolean): Promise<{ code: number; stderr: string }> {
    const root = repo();
    commit(root, { 'a.txt': 'a\n' }, 'one');
    commit(root, { 'b.txt': 'b\n' }, 'two');
    let stderr = '';
    const { exitCode } = await main(['scan', '--history', '--workers', '0'], {
      stdout: () => undefined,
      stderr: (text) => {
        stderr += text;
      },
      isTTY: { stdout: false, stderr: tty },
      env: { NO_COLOR: '1' },
      cwd: root,
    });
    return { code: exitCode, stderr };
  }

  it('draws one updating line on a terminal and erases it at the end', async () => {
    const { code, stderr } = await runWith(true);
    expect(code).toBe(0);
    expect(stderr).toMatch(/^\r\x1b\[Ktokenscope: reading history… 2 commits, 2 blobs/);
    expect(stderr.endsWith('\r\x1b[K')).toBe(true);
    expect(stderr.includes('\n')).toBe(false);
  });

  it('writes nothing when stderr is not a terminal', async () => {
    expect((await runWith(false)).stderr).toBe('');
  });
});
