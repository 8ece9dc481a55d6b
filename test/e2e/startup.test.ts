// The bin's start-up work, end to end: the V8 code cache of the CLI bundle (written once, reused,
// and never a reason for a different answer: corrupt, unwritable, concurrent or turned off), and
// the staged diff started before the CLI loads (used only when it was started for the scan's
// repository and --full; otherwise the scan reads on its own).

import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, BIN, ESM_BIN, runCli } from '../helpers/run-cli.js';
import { git, removeDir, tempDir, tempRepo, writeFiles } from '../helpers/tmp.js';
import { githubPat } from '../helpers/tokens.js';

const dirs: string[] = [];
beforeAll(assertBuilt);
afterAll(() => dirs.forEach(removeDir));
function dir(): string {
  const d = tempDir('tokenscope-startup-');
  dirs.push(d);
  return d;
}

/** A folder with one finding, scanned as JSON: the answer every variant must give. */
function project(): string {
  const root = dir();
  writeFiles(root, { 'app.env': `A=1\nGITHUB_TOKEN=${githubPat()}\n` });
  return root;
}

const findings = (stdout: string): unknown =>
  (JSON.parse(stdout) as { findings: Array<{ path: string; line: number; ruleId: string }> }).findings.map((f) => [
    f.path,
    f.line,
    f.ruleId,
  ]);

/** Nothing on stderr but the summary line: no warning, no stack. */
const summaryOnly = (stderr: string): boolean => /^\d+ files? scanned [^\n]*\n$/.test(stderr);

const cacheFiles = (home: string): string[] => {
  const folder = join(home, 'tokenscope');
  return existsSync(folder) ? readdirSync(folder) : [];
};

function runAsync(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ status: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env } });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ status: code ?? -1, stdout }));
  });
}

describe('the code cache', () => {
  it('is written by the first run, reused by the next, and the answer is the same', () => {
    const root = project();
    const home = dir();
    const env = { XDG_CACHE_HOME: home };
    const first = runCli(['scan', '--format', 'json', '.'], { cwd: root, env });
    expect(first.status).toBe(1);
    const files = cacheFiles(home);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^cli-[0-9a-f]{16}-scan-node.*\.v8cache$/);
    const written = statSync(join(home, 'tokenscope', files[0]!)).mtimeMs;
    const second = runCli(['scan', '--format', 'json', '.'], { cwd: root, env });
    expect(second.status).toBe(1);
    expect(findings(second.stdout)).toEqual(findings(first.stdout));
    // Accepted as it was: not written again.
    expect(statSync(join(home, 'tokenscope', files[0]!)).mtimeMs).toBe(written);
  });

  it('a corrupt cache file changes nothing but is replaced', () => {
    const root = project();
    const home = dir();
    const env = { XDG_CACHE_HOME: home };
    const first = runCli(['scan', '--format', 'json', '.'], { cwd: root, env });
    const file = join(home, 'tokenscope', cacheFiles(home)[0]!);
    const bytes = readFileSync(file);
    for (let i = 64; i < bytes.length; i += 13) bytes[i] = bytes[i]! ^ 0xa5;
    writeFileSync(file, bytes);
    const corrupt = runCli(['scan', '--format', 'json', '.'], { cwd: root, env });
    expect(corrupt.status).toBe(1);
    expect(summaryOnly(corrupt.stderr)).toBe(true);
    expect(findings(corrupt.stdout)).toEqual(findings(first.stdout));
    expect(readFileSync(file).equals(bytes)).toBe(false);
    writeFileSync(file, 'garbage');
    expect(findings(runCli(['scan', '--format', 'json', '.'], { cwd: root, env }).stdout)).toEqual(
      findings(first.stdout),
    );
  });

  it('an unwritable cache folder, or TOKENSCOPE_NO_CODE_CACHE, only means no cache', () => {
    const root = project();
    const blocker = join(dir(), 'a-file');
    writeFileSync(blocker, 'x');
    const unwritable = runCli(['scan', '--format', 'json', '.'], {
      cwd: root,
      env: { XDG_CACHE_HOME: join(blocker, 'cache') },
    });
    expect(unwritable.status).toBe(1);
    expect(summaryOnly(unwritable.stderr)).toBe(true);
    const home = dir();
    const off = runCli(['scan', '--format', 'json', '.'], {
      cwd: root,
      env: { XDG_CACHE_HOME: home, TOKENSCOPE_NO_CODE_CACHE: '1' },
    });
    expect(findings(off.stdout)).toEqual(findings(unwritable.stdout));
    expect(cacheFiles(home)).toEqual([]);
  });

  it('never writes inside the repository being scanned (HOME in the checkout)', () => {
    const root = tempRepo({ 'a.txt': 'x\n' });
    dirs.push(root);
    const result = runCli(['scan', '.'], { cwd: root, env: { HOME: root, XDG_CACHE_HOME: '' } });
    expect(result.status).toBe(0);
    expect(existsSync(join(root, '.cache'))).toBe(false);
  });

  it('concurrent first runs all answer the same and leave one whole cache file', async () => {
    const root = project();
    const home = dir();
    const runs = await Promise.all(
      Array.from({ length: 4 }, () => runAsync(['scan', '--format', 'json', '.'], root, { XDG_CACHE_HOME: home })),
    );
    expect(runs.map((r) => r.status)).toEqual([1, 1, 1, 1]);
    const answers = runs.map((r) => JSON.stringify(findings(r.stdout)));
    expect(new Set(answers).size).toBe(1);
    // Temporary files were renamed into place: only the cache itself is left.
    expect(cacheFiles(home)).toHaveLength(1);
    const again = runCli(['scan', '--format', 'json', '.'], { cwd: root, env: { XDG_CACHE_HOME: home } });
    expect(JSON.stringify(findings(again.stdout))).toBe(answers[0]);
  });
});

describe('a broken install', () => {
  it('the bin without its CLI bundle says so in one line and exits 2', () => {
    const folder = dir();
    writeFileSync(join(folder, 'package.json'), '{ "type": "module" }\n');
    for (const bin of [BIN, ESM_BIN]) {
      const lonely = join(folder, basename(bin));
      copyFileSync(bin, lonely);
      const result = spawnSync(process.execPath, [lonely, '--version'], { encoding: 'utf8' });
      expect(result.status).toBe(2);
      expect(result.stderr).toBe(
        `tokenscope: cannot load ${join(folder, 'cli-bundle.cjs')} (ENOENT): reinstall tokenscope\n`,
      );
    }
  });
});

describe('the two bins', () => {
  it('dist/cli.js, which earlier hooks name, gives what dist/cli.cjs gives, staged and not', () => {
    const root = tempRepo({ 'README.md': '# x\n' });
    dirs.push(root);
    writeFiles(root, { 'app.env': `A=1\nGITHUB_TOKEN=${githubPat()}\n` });
    git(root, 'add', '-A');
    for (const args of [
      ['scan', '--format', 'json', '.'],
      ['scan', '--staged', '--format', 'json'],
    ]) {
      const cjs = runCli(args, { cwd: root });
      const esm = spawnSync(process.execPath, [ESM_BIN, ...args], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      });
      expect(cjs.status).toBe(1);
      expect(esm.status).toBe(1);
      expect(findings(esm.stdout)).toEqual(findings(cjs.stdout));
    }
    expect(runCli(['--version']).stdout).toBe(
      spawnSync(process.execPath, [ESM_BIN, '--version'], { encoding: 'utf8' }).stdout,
    );
  });
});

describe('the staged read started by the bin', () => {
  function stagedRepo(): { root: string; token: string } {
    const root = tempRepo({ 'README.md': '# x\n', 'src/keep.txt': 'x\n' });
    dirs.push(root);
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '--no-verify', '-m', 'seed');
    const token = githubPat();
    writeFiles(root, { 'src/app.env': `A=1\nGITHUB_TOKEN=${token}\n`, 'README.md': '# x\nmore\n' });
    git(root, 'add', '-A');
    return { root, token };
  }
  const stagedFindings = (stdout: string): unknown =>
    (JSON.parse(stdout) as { findings: Array<{ path: string; line: number }> }).findings.map((f) => [f.path, f.line]);
  const env = { TOKENSCOPE_NO_CODE_CACHE: '1' };

  it('gives the same answer from the top, from a subfolder, with a path, and with --full', () => {
    const { root } = stagedRepo();
    const top = runCli(['scan', '--staged', '--format', 'json'], { cwd: root, env });
    expect(top.status).toBe(1);
    expect(stagedFindings(top.stdout)).toEqual([['src/app.env', 2]]);
    const sub = runCli(['scan', '--staged', '--format', 'json'], { cwd: join(root, 'src'), env });
    expect(stagedFindings(sub.stdout)).toEqual(stagedFindings(top.stdout));
    const path = runCli(['scan', '--staged', '--format', 'json', 'README.md'], { cwd: root, env });
    expect(path.status).toBe(0);
    const full = runCli(['scan', '--staged', '--full', '--format', 'json'], { cwd: root, env });
    expect(stagedFindings(full.stdout)).toEqual([['src/app.env', 2]]);
  });

  it('started for the wrong repository (a path in another one), it is not used', () => {
    const { root } = stagedRepo();
    const other = tempRepo({ 'b.txt': 'x\n' });
    dirs.push(other);
    mkdirSync(join(other, 'sub'));
    // The bin starts its read in `other` (the working folder); the scan is of `root`.
    const result = runCli(['scan', '--staged', '--format', 'json', root], { cwd: join(other, 'sub'), env });
    expect(result.status).toBe(1);
    expect(stagedFindings(result.stdout)).toEqual([['src/app.env', 2]]);
  });

  it('a mistaken guess from the arguments (a usage error) still exits at once with the error', () => {
    const { root } = stagedRepo();
    const result = runCli(['scan', '--staged', '--history'], { cwd: root, env });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--staged and --history cannot be combined/);
  });
});
