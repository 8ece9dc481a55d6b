// The real pre-commit framework (Debian's `pre-commit`, installed by .ci/run) installing this
// checkout as a hook repository and running it the way a user does: a commit that adds a
// live-format token is blocked, a clean commit passes, and `pre-commit run --all-files` finds a
// token that was committed earlier with --no-verify. Skipped where `pre-commit` is not on PATH.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { githubPat } from '../helpers/tokens.js';

const projectRoot = join(import.meta.dirname, '..', '..');
const havePreCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;

const work = mkdtempSync(join(tmpdir(), 'tokenscope-pre-commit-'));
const gitConfig = join(work, 'gitconfig');
const env: NodeJS.ProcessEnv = {
  ...process.env,
  // The real HOME keeps npm's cache, so the hook environment installs without a cold download.
  HOME: process.env.HOME ?? homedir(),
  GIT_CONFIG_GLOBAL: gitConfig,
  GIT_CONFIG_NOSYSTEM: '1',
  PRE_COMMIT_HOME: join(work, 'cache'),
  NO_COLOR: '1',
  CI: '',
};

function run(cmd: string, args: string[], cwd: string): { status: number; output: string } {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout: 600_000, maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status ?? -1, output: `${r.stdout}\n${r.stderr}` };
}

function gitOk(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env, encoding: 'utf8' });
}

/** A hook repository holding exactly this checkout's files as one commit (uncommitted edits included). */
function snapshotCheckout(into: string): string {
  mkdirSync(into);
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], {
    cwd: projectRoot,
    encoding: 'utf8',
  })
    .split('\0')
    .filter(Boolean);
  for (const file of files) {
    const target = join(into, file);
    mkdirSync(dirname(target), { recursive: true });
    try {
      copyFileSync(join(projectRoot, file), target);
    } catch {
      // A file listed by git but deleted in the work tree is simply not part of the snapshot.
    }
  }
  gitOk(into, 'init', '-q', '-b', 'main');
  gitOk(into, 'add', '-A');
  gitOk(into, 'commit', '-q', '-m', 'snapshot');
  return gitOk(into, 'rev-parse', 'HEAD').trim();
}

describe.skipIf(!havePreCommit)('pre-commit framework', () => {
  let repo = '';
  let token = '';

  beforeAll(() => {
    writeFileSync(gitConfig, '[user]\n\tname = Test\n\temail = test@example.invalid\n[init]\n\tdefaultBranch = main\n');
    const hookRepo = join(work, 'hook-repo');
    const rev = snapshotCheckout(hookRepo);
    repo = join(work, 'project');
    mkdirSync(repo);
    gitOk(repo, 'init', '-q');
    writeFileSync(
      join(repo, '.pre-commit-config.yaml'),
      `repos:\n  - repo: ${hookRepo}\n    rev: ${rev}\n    hooks:\n      - id: tokenscope\n`,
    );
    writeFileSync(join(repo, 'README.md'), '# demo\n');
    gitOk(repo, 'add', '-A');
    gitOk(repo, 'commit', '-q', '--no-verify', '-m', 'init');
    const install = run('pre-commit', ['install'], repo);
    expect(install.status, install.output).toBe(0);
    // Build the hook environment once (npm install + the prepare build of the hook repository).
    const warm = run('pre-commit', ['install-hooks'], repo);
    expect(warm.status, warm.output).toBe(0);
    token = githubPat();
  }, 600_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('lets a clean commit through', () => {
    writeFileSync(join(repo, 'app.py'), 'def main():\n    return 42\n');
    gitOk(repo, 'add', 'app.py');
    const commit = run('git', ['commit', '-m', 'clean change'], repo);
    expect(commit.status, commit.output).toBe(0);
  }, 300_000);

  it('blocks a commit that adds a live-format token, without printing it', () => {
    writeFileSync(join(repo, 'deploy.sh'), `export GITHUB_TOKEN=${token}\n`);
    gitOk(repo, 'add', 'deploy.sh');
    const commit = run('git', ['commit', '-m', 'add deploy script'], repo);
    expect(commit.status).not.toBe(0);
    expect(commit.output).toContain('github.classic-pat');
    expect(commit.output).toContain('deploy.sh');
    expect(commit.output.includes(token)).toBe(false);
    // Nothing was committed.
    expect(gitOk(repo, 'log', '--format=%s', '-1').trim()).toBe('clean change');
  }, 300_000);

  it('finds a token committed earlier with --no-verify when run with --all-files', () => {
    gitOk(repo, 'commit', '-q', '--no-verify', '-m', 'sneak it in');
    const all = run('pre-commit', ['run', '--all-files'], repo);
    expect(all.status).not.toBe(0);
    expect(all.output).toContain('deploy.sh');
    expect(all.output).toContain('github.classic-pat');
    expect(all.output.includes(token)).toBe(false);
    expect(all.output).not.toMatch(/\b0 files scanned/);
  }, 300_000);
});
