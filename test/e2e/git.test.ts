// End to end with the built binary and real git: the pre-commit hook blocks a commit holding a
// live-format token (and says how to proceed), chains and restores an existing hook byte for
// byte, works with core.hooksPath and husky; --staged reads the index; --history finds deleted
// secrets with their commit.

import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sarifErrors } from '../helpers/sarif.js';
import { assertBuilt, BIN } from '../helpers/run-cli.js';
import { git, removeDir, tempDir, tempRepo, writeFiles } from '../helpers/tmp.js';
import { githubPat } from '../helpers/tokens.js';

const dirs: string[] = [];
beforeAll(assertBuilt);
afterAll(() => dirs.forEach(removeDir));

function repo(files: Record<string, string> = {}): string {
  const root = tempRepo(files);
  dirs.push(root);
  return root;
}

/** Git and the CLI see the same isolated environment: no user or system config, no real HOME. */
function env(root: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NO_COLOR: '1',
    HOME: root,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.invalid',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.invalid',
  };
}

interface Run {
  status: number;
  stdout: string;
  stderr: string;
  output: string;
}

function run(command: string, args: string[], cwd: string): Run {
  const result = spawnSync(command, args, {
    cwd,
    env: env(cwd),
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return {
    status: result.status ?? -1,
    stdout: result.stdout,
    stderr: result.stderr,
    output: result.stdout + result.stderr,
  };
}

const cli = (root: string, ...args: string[]): Run => run(process.execPath, [BIN, ...args], root);
const commit = (root: string, message = 'change'): Run => run('git', ['commit', '-q', '-m', message], root);

/** The JSON report of a run, or a failure that shows what the CLI said instead. */
function report<T>(result: Run): T {
  if (!result.stdout.trim()) throw new Error(`no report (exit ${result.status}): ${result.stderr.trim()}`);
  return JSON.parse(result.stdout) as T;
}
/** A commit that must go through; on failure the message shows what the hook printed. */
function expectCommitted(result: Run): void {
  expect(result.status, result.output).toBe(0);
}

function snapshot(path: string): { bytes: Buffer; mode: number } {
  return { bytes: readFileSync(path), mode: statSync(path).mode & 0o7777 };
}

describe('pre-commit hook', () => {
  it('blocks a commit holding a live-format token with a message that says what, where, how bad and how to proceed; a clean commit passes', () => {
    const root = repo({ 'README.md': '# project\n' });
    git(root, 'add', '-A');
    expectCommitted(commit(root, 'initial'));
    const install = cli(root, 'hook', 'install');
    expect(install.status, install.output).toBe(0);
    expect(install.stdout).toMatch(/pre-commit hook installed: \.git\/hooks\/pre-commit/);

    const token = githubPat();
    writeFiles(root, { 'config/deploy.env': `# deploy settings\nGITHUB_TOKEN=${token}\n` });
    git(root, 'add', '-A');
    const blocked = commit(root, 'add deploy config');
    expect(blocked.status).not.toBe(0);
    expect(blocked.output).toContain('Commit blocked: tokenscope found 1 secret in the staged changes.');
    expect(blocked.output).toContain('config/deploy.env:2');
    expect(blocked.output).toContain('github.classic-pat');
    expect(blocked.output).toMatch(/destructive: can delete data; reaches the whole account/);
    expect(blocked.output).toMatch(/rotate/);
    expect(blocked.output).toContain('tokenscope:ignore github.classic-pat -- ');
    expect(blocked.output).toContain('git commit --no-verify');
    expect(blocked.output.includes(token)).toBe(false);
    expect(git(root, 'log', '--oneline').trim().split('\n')).toHaveLength(1);

    writeFiles(root, { 'config/deploy.env': '# deploy settings\nGITHUB_TOKEN=${GITHUB_TOKEN}\n' });
    git(root, 'add', '-A');
    expectCommitted(commit(root, 'add deploy config'));
    expect(git(root, 'log', '--oneline').trim().split('\n')).toHaveLength(2);
  });

  it('an existing hook still runs first and its failure still blocks; uninstall restores it byte for byte', () => {
    const root = repo({ 'a.txt': 'a\n' });
    const outside = tempDir();
    dirs.push(outside);
    const marker = join(outside, 'marker');
    const failFlag = join(outside, 'fail');
    const hook = join(root, '.git', 'hooks', 'pre-commit');
    writeFileSync(
      hook,
      `#!/bin/sh\n# team hook\necho ran >> '${marker}'\nif [ -f '${failFlag}' ]; then echo "team hook says no" >&2; exit 3; fi\n`,
    );
    chmodSync(hook, 0o755);
    const original = snapshot(hook);

    expect(cli(root, 'hook', 'install').stdout).toMatch(/runs the existing hook first/);
    expect(cli(root, 'hook', 'install').stdout).toMatch(/already installed/);
    git(root, 'add', '-A');
    expectCommitted(commit(root));
    expect(readFileSync(marker, 'utf8')).toBe('ran\n');

    writeFileSync(failFlag, '');
    writeFiles(root, { 'b.txt': 'clean\n' });
    git(root, 'add', '-A');
    const failed = commit(root);
    expect(failed.status).not.toBe(0);
    expect(failed.stderr).toContain('team hook says no');
    expect(readFileSync(marker, 'utf8')).toBe('ran\nran\n');
    rmSync(failFlag);

    // The original hook passes, tokenscope still blocks.
    writeFiles(root, { 'b.txt': `TOKEN=${githubPat()}\n` });
    git(root, 'add', '-A');
    expect(commit(root).status).not.toBe(0);

    const uninstall = cli(root, 'hook', 'uninstall');
    expect(uninstall.status).toBe(0);
    expect(uninstall.stdout).toMatch(/original hook is back/);
    expect(snapshot(hook)).toEqual(original);
    expect(existsSync(`${hook}.tokenscope-backup`)).toBe(false);
  });

  it('honours core.hooksPath (relative to the repository root)', () => {
    const root = repo({ 'a.txt': 'a\n' });
    git(root, 'config', 'core.hooksPath', '.githooks');
    expect(cli(root, 'hook', 'install').stdout).toContain('.githooks/pre-commit');
    writeFiles(root, { '.env': `GITHUB_TOKEN=${githubPat()}\n` });
    git(root, 'add', '-A');
    const blocked = commit(root);
    expect(blocked.status).not.toBe(0);
    expect(blocked.output).toContain('.env:1');
    expect(cli(root, 'hook', 'uninstall').status).toBe(0);
    expect(existsSync(join(root, '.githooks', 'pre-commit'))).toBe(false);
  });

  it("adds itself to husky's .husky/pre-commit, which husky runs, and takes itself out again", () => {
    const root = repo({ 'a.txt': 'a\n' });
    const outside = tempDir();
    dirs.push(outside);
    // Husky 9 points core.hooksPath at .husky/_ whose scripts run .husky/<hook> with `sh -e`.
    mkdirSync(join(root, '.husky', '_'), { recursive: true });
    writeFileSync(
      join(root, '.husky', '_', 'pre-commit'),
      '#!/bin/sh\nexec sh -e "$(dirname "$0")/../pre-commit" "$@"\n',
      { mode: 0o755 },
    );
    writeFileSync(join(root, '.husky', 'pre-commit'), `echo husky >> '${join(outside, 'marker')}'\n`);
    git(root, 'config', 'core.hooksPath', '.husky/_');
    const before = snapshot(join(root, '.husky', 'pre-commit'));
    expect(cli(root, 'hook', 'install').stdout).toContain('added to .husky/pre-commit');
    writeFiles(root, { 'app.py': `token = "${githubPat()}"\n` });
    git(root, 'add', 'app.py');
    const blocked = commit(root);
    expect(blocked.status).not.toBe(0);
    expect(blocked.output).toContain('app.py:1');
    expect(readFileSync(join(outside, 'marker'), 'utf8')).toBe('husky\n');
    expect(cli(root, 'hook', 'uninstall').status).toBe(0);
    expect(snapshot(join(root, '.husky', 'pre-commit'))).toEqual(before);
  });
});

describe('scan --staged', () => {
  it('reports a token that is staged but already deleted from the working copy; a plain scan does not see it', () => {
    const root = repo({ 'settings.env': 'A=1\n' });
    git(root, 'add', '-A');
    expectCommitted(commit(root));
    writeFiles(root, { 'settings.env': `A=1\nGITHUB_TOKEN=${githubPat()}\n` });
    git(root, 'add', '-A');
    writeFiles(root, { 'settings.env': 'A=1\n' });
    const staged = cli(root, 'scan', '--staged', '--format', 'json');
    expect(staged.status).toBe(1);
    const stagedReport = report<{ findings: Array<{ path: string; line: number; origin: string }> }>(staged);
    expect(stagedReport.findings.map((f) => [f.path, f.line, f.origin])).toEqual([['settings.env', 2, 'staged']]);
    expect(cli(root, 'scan').status).toBe(0);
  });

  it('only added or changed lines by default; whole files with --full', () => {
    const old = githubPat();
    const root = repo({ 'app.env': `OLD=${old}\nA=1\n` });
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '--no-verify', '-m', 'seed');
    writeFiles(root, { 'app.env': `OLD=${old}\nA=2\n` });
    git(root, 'add', '-A');
    expect(cli(root, 'scan', '--staged').status).toBe(0);
    const full = cli(root, 'scan', '--staged', '--full', '--format', 'json');
    expect(full.status).toBe(1);
    expect(report<{ findings: Array<{ line: number }> }>(full).findings.map((f) => f.line)).toEqual([1]);
  });

  it('outside a repository exits 2 with one line', () => {
    const dir = tempDir();
    dirs.push(dir);
    const outside = cli(dir, 'scan', '--staged');
    expect(outside.status).toBe(2);
    expect(outside.stderr.trim().split('\n')).toEqual([`tokenscope: ${dir}: not a git repository`]);
  });
});

describe('scan --history', () => {
  it('a token committed then deleted: scan is clean, --history reports it with the commit (text, JSON, SARIF)', () => {
    const root = repo({ 'README.md': '# x\n' });
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'start');
    const token = githubPat();
    writeFiles(root, { 'ci/secrets.env': `GITHUB_TOKEN=${token}\n` });
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'oops');
    const sha = git(root, 'rev-parse', 'HEAD').trim();
    git(root, 'rm', '-q', 'ci/secrets.env');
    git(root, 'commit', '-q', '-m', 'remove');

    expect(cli(root, 'scan').status).toBe(0);
    const text = cli(root, 'scan', '--history');
    expect(text.status).toBe(1);
    expect(text.stdout).toContain(`commit ${sha.slice(0, 12)}`);
    expect(text.stdout).toMatch(/from 3 commits/);
    expect(text.stderr).not.toContain('\r'); // progress only on a terminal

    const json = report<{ findings: Array<{ path: string; commit: { sha: string; date: string } }> }>(
      cli(root, 'scan', '--history', '--format', 'json'),
    );
    expect(json.findings.map((f) => [f.path, f.commit.sha])).toEqual([['ci/secrets.env', sha]]);
    expect(json.findings[0]!.commit.date).toMatch(/^\d{4}-/);

    const sarifRun = cli(root, 'scan', '--history', '--format', 'sarif');
    const sarif = report<any>(sarifRun);
    expect(sarifErrors(sarif)).toEqual([]);
    const result = sarif.runs[0].results[0];
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('ci/secrets.env');
    expect(result.properties.commit).toBe(sha);
    for (const r of [text, sarifRun]) expect(r.stdout.includes(token)).toBe(false);
  });

  it('the same content in two commits is one finding; --since scans only newer commits', () => {
    const root = repo();
    const content = `TOKEN=${githubPat()}\n`;
    writeFiles(root, { 'one.env': content });
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'one');
    const first = git(root, 'rev-parse', 'HEAD').trim();
    writeFiles(root, { 'two.env': content });
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'two');
    const all = report<{ findings: Array<{ path: string }> }>(cli(root, 'scan', '--history', '--format', 'json'));
    expect(all.findings.map((f) => f.path)).toEqual(['one.env']);
    const since = cli(root, 'scan', '--history', '--since', first, '--format', 'json');
    // two.env's blob is new to the range REV..HEAD, so it is reported there.
    expect(report<{ findings: Array<{ path: string }> }>(since).findings.map((f) => f.path)).toEqual(['two.env']);
    const bad = cli(root, 'scan', '--history', '--since', 'nope');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--since: unknown revision "nope"/);
  });
});
