// The fail-on threshold, end to end: each level blocks exactly the findings at or above it, from
// the flag and from the config's failOn, and the flag wins over the file. A tree whose findings
// sit at one known level tells the levels apart: `error` treated like `warning` exits 1 on the
// warning-only tree, and must not.

import { describe, expect, it, beforeAll } from 'vitest';
import { assertBuilt, runCli } from '../helpers/run-cli.js';
import { git, tempRepo, trackTempDirs, writeFiles } from '../helpers/tmp.js';
import { githubPat, githubPatBadChecksum, randomAlnum } from '../helpers/tokens.js';

beforeAll(assertBuilt);
const track = trackTempDirs();

type Level = 'error' | 'warning' | 'note';
type FailOn = Level | 'none';

/** A fine-grained PAT: its grant is chosen at creation, so it is a leak but not overbroad (a warning). */
const fineGrainedPat = (): string => `github_pat_${randomAlnum(22)}_${randomAlnum(59)}`;

const TREES: Record<Level, () => Record<string, string>> = {
  // A classic PAT is overbroad by metadata: an error.
  error: () => ({ 'deploy.env': `GITHUB_TOKEN=${githubPat()}\n` }),
  warning: () => ({ 'deploy.env': `GITHUB_TOKEN=${fineGrainedPat()}\n` }),
  // A wrong checksum is not a live token: at most a note.
  note: () => ({ 'deploy.env': `GITHUB_TOKEN=${githubPatBadChecksum()}\n` }),
};

// What each threshold does to a tree whose only findings are at the row's level.
const EXPECTED: Record<Level, Record<FailOn, 0 | 1>> = {
  error: { error: 1, warning: 1, note: 1, none: 0 },
  warning: { error: 0, warning: 1, note: 1, none: 0 },
  note: { error: 0, warning: 0, note: 1, none: 0 },
};

const FAIL_ONS: FailOn[] = ['error', 'warning', 'note', 'none'];

function levelsOf(dir: string): string[] {
  const run = runCli(['scan', dir, '--format', 'json', '--fail-on', 'none']);
  expect(run.status).toBe(0);
  return (JSON.parse(run.stdout) as { findings: Array<{ level: string }> }).findings.map((f) => f.level);
}

describe.each(['error', 'warning', 'note'] as const)('a tree whose only findings are at level %s', (level) => {
  let dir: string;
  beforeAll(() => {
    dir = track(tempRepo(TREES[level]()));
  });

  it('has findings, all at that level (else the rows below would prove nothing)', () => {
    const levels = levelsOf(dir);
    expect(levels.length).toBeGreaterThan(0);
    expect(new Set(levels)).toEqual(new Set([level]));
  });

  it.for(FAIL_ONS)('--fail-on %s gives the contract exit code', (failOn) => {
    expect(runCli(['scan', dir, '--fail-on', failOn]).status).toBe(EXPECTED[level][failOn]);
  });

  it.for(FAIL_ONS)('failOn: %s in .tokenscope.yaml gives the same exit code', (failOn) => {
    const configured = track(tempRepo({ ...TREES[level](), '.tokenscope.yaml': `failOn: ${failOn}\n` }));
    expect(runCli(['scan', configured]).status).toBe(EXPECTED[level][failOn]);
  });

  it('without flag or config the threshold is warning', () => {
    expect(runCli(['scan', dir]).status).toBe(EXPECTED[level].warning);
  });
});

describe('the flag and the config together', () => {
  it('--fail-on wins over the config in both directions', () => {
    const lenient = track(tempRepo({ ...TREES.warning(), '.tokenscope.yaml': 'failOn: none\n' }));
    expect(runCli(['scan', lenient]).status).toBe(0);
    expect(runCli(['scan', lenient, '--fail-on', 'warning']).status).toBe(1);
    const strict = track(tempRepo({ ...TREES.warning(), '.tokenscope.yaml': 'failOn: note\n' }));
    expect(runCli(['scan', strict]).status).toBe(1);
    expect(runCli(['scan', strict, '--fail-on', 'error']).status).toBe(0);
  });

  it('a JSON config says the same as YAML', () => {
    const dir = track(tempRepo(TREES.warning()));
    writeFiles(dir, { '.tokenscope.json': JSON.stringify({ failOn: 'error' }) });
    expect(runCli(['scan', dir]).status).toBe(0);
  });

  it('with an error and a warning staged, --fail-on error blocks the commit for the error alone', () => {
    const dir = track(tempRepo({ ...TREES.error(), 'other.env': `GH=${fineGrainedPat()}\n` }));
    expect(levelsOf(dir).sort()).toEqual(['error', 'warning']);
    git(dir, 'add', '-A');
    const atError = runCli(['scan', '--staged', '--fail-on', 'error'], { cwd: dir });
    expect(atError.status).toBe(1);
    expect(atError.stdout + atError.stderr).toContain(
      'Commit blocked: tokenscope found 1 secret in the staged changes.',
    );
    const atWarning = runCli(['scan', '--staged', '--fail-on', 'warning'], { cwd: dir });
    expect(atWarning.stdout + atWarning.stderr).toContain(
      'Commit blocked: tokenscope found 2 secrets in the staged changes.',
    );
  });

  it('an unknown level in the config is a configuration error (exit 2) naming the file', () => {
    const dir = track(tempRepo({ ...TREES.warning(), '.tokenscope.yaml': 'failOn: critical\n' }));
    const run = runCli(['scan', dir]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('.tokenscope.yaml');
    expect(run.stderr).toMatch(/failOn/);
  });
});
