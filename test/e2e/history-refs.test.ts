// `scan --history --all` (every ref, not only HEAD) and `--until DATE`, through the built CLI, on a
// repository with two branches: a token committed only on a side branch is history that HEAD's
// log never shows, and a date bound cuts off what was committed after it.

import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli } from '../helpers/run-cli.js';
import { git, gitEnv, tempRepo, trackTempDirs, writeFiles } from '../helpers/tmp.js';
import { githubPat, randomAlnum } from '../helpers/tokens.js';

const track = trackTempDirs();
beforeAll(assertBuilt);

/** A commit with a fixed committer date, so --until has something definite to cut. */
function commitAt(dir: string, date: string, message: string): void {
  git(dir, 'add', '-A');
  execFileSync('git', ['commit', '-q', '-m', message], {
    cwd: dir,
    env: gitEnv(dir, { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }),
  });
}

interface Repo {
  dir: string;
  secrets: string[];
}

/**
 * main: an old token (2024-01-10), then a newer one (2024-03-05). side branch (from the first
 * commit): a token only there (2024-02-01). HEAD stays on main.
 */
function twoBranches(): Repo {
  const [old, side, recent] = [githubPat(), `sk_test_${randomAlnum(24)}`, githubPat()];
  const dir = track(tempRepo({ 'config/old.env': `T=${old}\n` }));
  commitAt(dir, '2024-01-10T10:00:00Z', 'old token');
  git(dir, 'checkout', '-q', '-b', 'side');
  writeFiles(dir, { 'side/app.env': `KEY=${side}\n` });
  commitAt(dir, '2024-02-01T10:00:00Z', 'side token');
  git(dir, 'checkout', '-q', 'main');
  writeFiles(dir, { 'config/new.env': `T=${recent}\n` });
  commitAt(dir, '2024-03-05T10:00:00Z', 'recent token');
  return { dir, secrets: [old, side, recent] };
}

function paths(stdout: string): string[] {
  const report = JSON.parse(stdout) as { findings: Array<{ path: string }> };
  return report.findings.map((f) => f.path).sort();
}

function expectNoSecret(text: string, secrets: readonly string[]): void {
  for (const secret of secrets) expect(text.includes(secret)).toBe(false);
}

describe('scan --history --all', () => {
  it('finds a token that only a side branch holds; plain --history does not see it', () => {
    const { dir, secrets } = twoBranches();
    const head = runCli(['scan', '--history', '--format', 'json'], { cwd: dir });
    expect(head.status).toBe(1);
    expect(paths(head.stdout)).toEqual(['config/new.env', 'config/old.env']);
    const all = runCli(['scan', '--history', '--all', '--format', 'json'], { cwd: dir });
    expect(all.status).toBe(1);
    expect(paths(all.stdout)).toEqual(['config/new.env', 'config/old.env', 'side/app.env']);
    const side = (
      JSON.parse(all.stdout) as { findings: Array<{ path: string; commit?: { sha: string } }> }
    ).findings.find((f) => f.path === 'side/app.env')!;
    expect(side.commit?.sha).toBe(git(dir, 'rev-parse', 'side').trim());
    expectNoSecret(all.stdout + all.stderr, secrets);
  });

  it('with --since: every ref, minus what that revision already had', () => {
    const { dir } = twoBranches();
    const first = git(dir, 'rev-list', '--max-parents=0', 'main').trim();
    const run = runCli(['scan', '--history', '--all', '--since', first, '--format', 'json'], { cwd: dir });
    expect(paths(run.stdout)).toEqual(['config/new.env', 'side/app.env']);
  });
});

describe('scan --history --until', () => {
  it('leaves out commits made after the date; a bare date covers that whole day', () => {
    const { dir } = twoBranches();
    const until = runCli(['scan', '--history', '--all', '--until', '2024-02-15', '--format', 'json'], { cwd: dir });
    expect(paths(until.stdout)).toEqual(['config/old.env', 'side/app.env']);
    const sameDay = runCli(['scan', '--history', '--until', '2024-01-10', '--format', 'json'], { cwd: dir });
    expect(paths(sameDay.stdout)).toEqual(['config/old.env']);
    const before = runCli(['scan', '--history', '--until', '2024-01-09', '--format', 'json'], { cwd: dir });
    expect(before.status).toBe(0);
    expect(paths(before.stdout)).toEqual([]);
  });

  it('with --since: the commits between a revision and a date', () => {
    const { dir } = twoBranches();
    const first = git(dir, 'rev-list', '--max-parents=0', 'main').trim();
    const run = runCli(
      ['scan', '--history', '--all', '--since', first, '--until', '2024-02-15T00:00:00Z', '--format', 'json'],
      { cwd: dir },
    );
    expect(paths(run.stdout)).toEqual(['side/app.env']);
  });
});

describe('usage errors', () => {
  it.each([
    [['--all'], '--all only applies with --history'],
    [['--until', '2024-01-01'], '--until only applies with --history'],
    [['--history', '--until', 'last tuesday'], '--until: expected a date such as 2024-06-30'],
    [['--history', '--until', '2024-02-30'], '--until: expected a date such as 2024-06-30'],
    [['--staged', '--all'], '--all only applies with --history'],
  ])('%j is a one-line usage error, exit 2', (args, message) => {
    const dir = track(tempRepo({ 'a.txt': 'x\n' }));
    const run = runCli(['scan', ...args], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(message);
  });
});
