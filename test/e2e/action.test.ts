// The Action's committed entry point (action/main.js, what action.yml and `npm run action:local`
// run) under a simulated Actions environment: a temporary GITHUB_WORKSPACE repository, summary and
// output files, and a pull_request event. Checks the SARIF, the job summary, the outputs, the
// annotations (changed lines only on a PR) and that no secret reaches any of them.

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { sarifErrors } from '../helpers/sarif.js';
import { assertBuilt } from '../helpers/run-cli.js';
import { git, removeDir, tempDir, tempRepo, writeFiles } from '../helpers/tmp.js';
import { githubPat, randomAlnum } from '../helpers/tokens.js';

const ROOT = join(import.meta.dirname, '..', '..');
const ENTRY = join(ROOT, 'action', 'main.js');
const dirs: string[] = [];

beforeAll(() => {
  assertBuilt();
  if (!existsSync(ENTRY)) throw new Error('action/main.js is missing: run `npm run build:action`');
});
afterAll(() => dirs.forEach(removeDir));

function track(dir: string): string {
  dirs.push(dir);
  return dir;
}

/** The test process's environment without anything a real Actions run would have set. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(GITHUB_|INPUT_|RUNNER_|TOKENSCOPE_)/.test(key)),
  );
}

interface ActionRun {
  status: number;
  stdout: string;
  stderr: string;
  summary: string;
  outputs: Record<string, string>;
  annotations: Array<{ level: string; props: Record<string, string>; message: string }>;
}

/** Parses the multi-line-safe $GITHUB_OUTPUT format (`name<<DELIM` … `DELIM`). */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([A-Za-z_][\w-]*)<<(ghadelimiter_[0-9a-f-]{36})$/.exec(lines[i]!);
    if (!m) continue;
    const end = lines.indexOf(m[2]!, i + 1);
    expect(end, `no closing delimiter for ${m[1]}`).toBeGreaterThan(i);
    outputs[m[1]!] = lines.slice(i + 1, end).join('\n');
    i = end;
  }
  return outputs;
}

function unescapeProperty(value: string): string {
  return value
    .replace(/%2C/g, ',')
    .replace(/%3A/g, ':')
    .replace(/%0A/g, '\n')
    .replace(/%0D/g, '\r')
    .replace(/%25/g, '%');
}

function parseAnnotations(stdout: string): ActionRun['annotations'] {
  return stdout
    .split('\n')
    .map((line) => /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({
      level: m[1]!,
      props: Object.fromEntries(
        (m[2] ?? '')
          .split(',')
          .filter(Boolean)
          .map((p) => [p.slice(0, p.indexOf('=')), unescapeProperty(p.slice(p.indexOf('=') + 1))]),
      ),
      message: m[3]!,
    }));
}

function runAction(workspace: string, inputs: Record<string, string> = {}, event?: unknown): ActionRun {
  const files = track(tempDir('tokenscope-action-'));
  const summaryFile = join(files, 'summary.md');
  const outputFile = join(files, 'output.txt');
  writeFileSync(summaryFile, '');
  writeFileSync(outputFile, '');
  const env: NodeJS.ProcessEnv = {
    ...cleanEnv(),
    NO_COLOR: '1',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_OUTPUT: outputFile,
  };
  if (event !== undefined) {
    env['GITHUB_EVENT_PATH'] = join(files, 'event.json');
    writeFileSync(env['GITHUB_EVENT_PATH'], JSON.stringify(event));
  }
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const run = spawnSync(process.execPath, [ENTRY], { cwd: files, env, encoding: 'utf8', timeout: 60_000 });
  return {
    status: run.status ?? -1,
    stdout: run.stdout,
    stderr: run.stderr,
    summary: readFileSync(summaryFile, 'utf8'),
    outputs: parseOutputs(readFileSync(outputFile, 'utf8')),
    annotations: parseAnnotations(run.stdout),
  };
}

function stripeTestKey(): string {
  return `sk_test_${randomAlnum(24)}`;
}

/** A repository whose second commit (the PR) adds a file and a line to an old file that already held a token. */
function pullRequestRepo(): { dir: string; base: string; head: string; secrets: string[] } {
  const old = githubPat();
  const [added, appended] = [stripeTestKey(), stripeTestKey()];
  const dir = track(tempRepo({ 'config/old.env': `A=1\nT=${old}\n`, 'README.md': '# app\n' }));
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'base');
  const base = git(dir, 'rev-parse', 'HEAD').trim();
  writeFiles(dir, { 'src/new.py': `x = 1\nKEY = "${added}"\n`, 'config/old.env': `A=1\nT=${old}\nB=${appended}\n` });
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'pr');
  const head = git(dir, 'rev-parse', 'HEAD').trim();
  return { dir, base, head, secrets: [old, added, appended] };
}

function expectNoSecrets(run: ActionRun, secrets: readonly string[], sarif?: string): void {
  for (const secret of secrets) {
    for (const text of [run.stdout, run.stderr, run.summary, JSON.stringify(run.outputs), sarif ?? ''])
      expect(text.includes(secret)).toBe(false);
  }
}

describe('the Action on a pull request', () => {
  it('writes valid SARIF, the summary table, the outputs, and annotations on changed lines only; exits 1', () => {
    const { dir, base, head, secrets } = pullRequestRepo();
    const run = runAction(
      dir,
      { 'fail-on': 'warning', sarif: 'reports/tokenscope.sarif' },
      { pull_request: { number: 7, base: { sha: base }, head: { sha: head } } },
    );
    expect(run.status).toBe(1);

    // SARIF: where the input says, valid against the 2.1.0 schema, one result per secret.
    const sarifPath = join(dir, 'reports', 'tokenscope.sarif');
    const sarifText = readFileSync(sarifPath, 'utf8');
    const sarif = JSON.parse(sarifText);
    expect(sarifErrors(sarif)).toEqual([]);
    expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId).sort()).toEqual([
      'github.classic-pat',
      'stripe.secret-key-test',
      'stripe.secret-key-test',
    ]);

    // Outputs, in the multi-line-safe format.
    expect(run.outputs).toEqual({ findings: '3', sarif: sarifPath });

    // Summary: verdict, the privilege × reach table, the top findings with masked values.
    expect(run.summary).toMatch(/^## tokenscope: 3 findings \(/m);
    expect(run.summary).toMatch(/\*\*failed\*\*: findings at or above warning/);
    expect(run.summary).toContain('| privilege \\ reach | account | org | project | resource | unknown | total |');
    expect(run.summary).toMatch(/^\| destructive \| 1 \| 0 \| 0 \| 0 \| 0 \| 1 \|$/m);
    expect(run.summary).toMatch(/^\| write \| 2 \| 0 \| 0 \| 0 \| 0 \| 2 \|$/m);
    expect(run.summary).toMatch(/^\| \*\*total\*\* \| 3 \| 0 \| 0 \| 0 \| 0 \| 3 \|$/m);
    expect(run.summary).toContain('| location | detector | privilege | reach | policy | value |');
    expect(run.summary).toContain(
      `| \`config/old.env:2\` | \`github.classic-pat\` | destructive | account | overbroad | \`${secrets[0]!.slice(0, 8)}… (40 chars)\` |`,
    );
    expect(run.summary).toMatch(
      /\| `src\/new\.py:2` \| `stripe\.secret-key-test` \| write \| account \| overbroad, misplaced \| `sk_test_\w{4}… \(32 chars\)` \|/,
    );
    expect(run.summary).toMatch(/Annotations: 2 findings annotated on lines this pull request changes/);

    // Annotations: the two secrets the PR adds, not the old one on an unchanged line.
    const placed = run.annotations.filter((a) => a.props['file']);
    expect(placed.map((a) => `${a.level} ${a.props['file']}:${a.props['line']}`).sort()).toEqual([
      'error config/old.env:3',
      'error src/new.py:2',
    ]);
    const first = placed.find((a) => a.props['file'] === 'src/new.py')!;
    expect(first.props).toMatchObject({
      line: '2',
      endLine: '2',
      col: '8',
      title: expect.stringMatching(/^Stripe test-mode secret key \(stripe\.secret-key-test\): write, reaches account$/),
    });
    expect(first.message).toMatch(/sk_test_\w{4}… \(32 chars\)/);

    expect(run.stdout).toMatch(/^::group::tokenscope report$/m);
    expectNoSecrets(run, secrets, sarifText);
  });

  it("uses the merge commit's own diff when the checkout is GitHub's merge of the PR, so lines match the files on disk", () => {
    const token = stripeTestKey();
    const dir = track(tempRepo({ 'app.env': 'A=1\n' }));
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'base');
    git(dir, 'checkout', '-q', '-b', 'feature');
    writeFiles(dir, { 'app.env': `A=1\nKEY=${token}\n` });
    git(dir, 'commit', '-q', '-am', 'pr');
    const head = git(dir, 'rev-parse', 'HEAD').trim();
    git(dir, 'checkout', '-q', 'main');
    writeFiles(dir, { 'README.md': 'x\n', 'other.txt': 'y\n' });
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'main moves on');
    const base = git(dir, 'rev-parse', 'HEAD').trim();
    git(dir, 'checkout', '-q', '--detach');
    git(dir, 'merge', '-q', '--no-ff', '-m', 'merge pr', head);
    const run = runAction(dir, {}, { pull_request: { base: { sha: base }, head: { sha: head } } });
    expect(run.status).toBe(1);
    expect(run.annotations.filter((a) => a.props['file']).map((a) => `${a.props['file']}:${a.props['line']}`)).toEqual([
      'app.env:2',
    ]);
    expect(run.summary).toMatch(
      /annotated on lines this pull request changes \(HEAD\^1\.\.HEAD \(the merge commit\)\)/,
    );
  });

  it('annotates every finding, with a notice saying why, when the PR commits are not in a shallow clone', () => {
    const { dir, secrets } = pullRequestRepo();
    const missing = 'f'.repeat(40);
    const run = runAction(dir, {}, { pull_request: { base: { sha: missing }, head: { sha: 'e'.repeat(40) } } });
    expect(run.status).toBe(1);
    expect(run.annotations.filter((a) => a.props['file'])).toHaveLength(3);
    const notice = run.annotations.find((a) => a.level === 'notice')!;
    expect(notice.message).toMatch(/fetch-depth: 0/);
    expectNoSecrets(run, secrets);
  });
});

describe('the Action outside pull requests', () => {
  it('a push event annotates every finding; fail-on none exits 0 after writing everything', () => {
    const { dir, secrets } = pullRequestRepo();
    const run = runAction(dir, { 'fail-on': 'none' }, { ref: 'refs/heads/main', after: 'abc' });
    expect(run.status).toBe(0);
    expect(run.annotations.map((a) => `${a.props['file']}:${a.props['line']}`).sort()).toEqual([
      'config/old.env:2',
      'config/old.env:3',
      'src/new.py:2',
    ]);
    expect(run.outputs['findings']).toBe('3');
    expect(existsSync(join(dir, 'tokenscope.sarif'))).toBe(true);
    expect(run.summary).toMatch(/not failing \(fail-on: none\)/);
    expectNoSecrets(run, secrets);
  });

  it('a clean workspace exits 0 with findings=0 and says so in the summary', () => {
    const dir = track(tempRepo({ 'README.md': '# nothing to see\n' }));
    const run = runAction(dir);
    expect(run.status).toBe(0);
    expect(run.outputs['findings']).toBe('0');
    expect(run.summary).toMatch(/No credentials found\./);
    expect(run.annotations).toEqual([]);
    expect(sarifErrors(JSON.parse(readFileSync(join(dir, 'tokenscope.sarif'), 'utf8')))).toEqual([]);
  });

  it('path, config and baseline inputs: only the path is scanned, the config applies, baselined findings are hidden', () => {
    const { dir } = pullRequestRepo();
    writeFiles(dir, { 'ci/scan.yaml': 'exclude: ["src/**"]\n' });
    const recorded = spawnSync(
      process.execPath,
      [join(ROOT, 'dist', 'cli.js'), 'baseline', 'config', '-o', 'ci/baseline.json'],
      { cwd: dir, encoding: 'utf8' },
    );
    expect(recorded.status).toBe(0);
    writeFiles(dir, { 'config/new.env': `C=${stripeTestKey()}\n` });
    const run = runAction(dir, { config: 'ci/scan.yaml', baseline: 'ci/baseline.json' });
    expect(run.outputs['findings']).toBe('1');
    expect(run.summary).toMatch(/2 suppressed/);
    expect(run.annotations.map((a) => a.props['file'])).toEqual(['config/new.env']);
    const scoped = runAction(dir, { path: 'src', baseline: 'ci/baseline.json' });
    expect(scoped.annotations.map((a) => a.props['file'])).toEqual(['src/new.py']);
  });

  it('an invalid input is an error annotation and exit 2, with nothing written', () => {
    const dir = track(tempRepo({ 'README.md': 'x\n' }));
    const run = runAction(dir, { 'fail-on': 'sometimes' });
    expect(run.status).toBe(2);
    // The CLI validates the input (one place for fail-on); the annotation names the input.
    expect(run.annotations).toEqual([
      {
        level: 'error',
        props: { title: 'tokenscope' },
        message: "fail-on: argument 'sometimes' is invalid. Allowed choices are error, warning, note, none.",
      },
    ]);
    expect(run.outputs).toEqual({});
    expect(existsSync(join(dir, 'tokenscope.sarif'))).toBe(false);
  });
});

describe('the history input', () => {
  function historyRepo(): { dir: string; token: string; first: string } {
    const token = githubPat();
    const dir = track(tempRepo({ 'deploy.env': `T=${token}\n` }));
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'add token');
    const first = git(dir, 'rev-parse', 'HEAD').trim();
    writeFiles(dir, { 'deploy.env': 'T=\n' });
    git(dir, 'commit', '-q', '-am', 'remove token');
    writeFiles(dir, { 'notes.md': 'clean\n' });
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'notes');
    return { dir, token, first };
  }

  it('"all" reports a secret deleted in a later commit, with its commit, in SARIF and the summary; it is not annotated on a line', () => {
    const { dir, token, first } = historyRepo();
    expect(runAction(dir).outputs['findings']).toBe('0');
    const run = runAction(dir, { history: 'all' });
    expect(run.status).toBe(1);
    expect(run.outputs['findings']).toBe('1');
    expect(run.summary).toContain(`\`deploy.env:1 @ ${first.slice(0, 7)}\``);
    expect(run.summary).toMatch(/from 3 commits/);
    const sarif = JSON.parse(readFileSync(join(dir, 'tokenscope.sarif'), 'utf8'));
    expect(sarifErrors(sarif)).toEqual([]);
    expect(sarif.runs[0].results[0].properties.commit).toBe(first);
    expect(run.annotations.filter((a) => a.props['file'])).toEqual([]);
    expectNoSecrets(run, [token]);
  });

  it('a range ending at HEAD scans only the commits after its start', () => {
    const { dir } = historyRepo();
    const recent = runAction(dir, { history: 'HEAD~1..HEAD' });
    expect(recent.status).toBe(0);
    expect(recent.summary).toMatch(/from 1 commit\b/);
    const missing = runAction(dir, { history: 'HEAD~3..' });
    expect(missing.status, missing.stdout).toBe(2); // HEAD~3 does not exist: a usage error
    expect(runAction(dir, { history: 'HEAD~2..HEAD' }).outputs['findings']).toBe('0');
    // A push that creates a branch: GitHub's "before" is all zeros, so all of HEAD's history is new.
    const created = runAction(dir, { history: `${'0'.repeat(40)}..HEAD` });
    expect(created.outputs['findings']).toBe('1');
    expect(created.summary).toMatch(/from 3 commits/);
    const bad = runAction(dir, { history: 'HEAD~2..HEAD~1' });
    expect(bad.status).toBe(2);
    expect(bad.annotations[0]!.message).toMatch(/history: a range must end at HEAD/);
  });
});

describe('the committed entry, run the way the runner runs it', () => {
  it("action.yml's runs.main from a copy of the action without node_modules or dist/: annotations, outputs, summary, SARIF, exit", () => {
    const action = parseYaml(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
      inputs: Record<string, { default: string }>;
      runs: { using: string; main: string };
    };
    expect(action.runs.using).toBe('node24');
    // The runner checks the action's repository out under _actions/ and runs `node <main>` there:
    // only what is committed, no install, no build.
    const actionDir = join(track(tempDir('tokenscope-runner-')), '_actions', 'tokenscope', 'v1');
    cpSync(join(ROOT, 'action.yml'), join(actionDir, 'action.yml'));
    cpSync(join(ROOT, dirname(action.runs.main)), join(actionDir, dirname(action.runs.main)), { recursive: true });
    const { dir, secrets } = pullRequestRepo();
    const files = track(tempDir('tokenscope-runner-files-'));
    const [summaryFile, outputFile] = [join(files, 'step_summary'), join(files, 'output')];
    writeFileSync(summaryFile, '');
    writeFileSync(outputFile, '');
    // INPUT_<NAME> for every input: its default, the way the runner fills them in, fail-on overridden.
    const inputs = {
      ...Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, input.default])),
      'fail-on': 'error',
    };
    const env: NodeJS.ProcessEnv = {
      ...cleanEnv(),
      GITHUB_ACTIONS: 'true',
      CI: 'true',
      GITHUB_WORKSPACE: dir,
      GITHUB_ACTION_PATH: actionDir,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_OUTPUT: outputFile,
    };
    for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
    const run = spawnSync(process.execPath, [join(actionDir, action.runs.main)], {
      cwd: dir,
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const annotations = parseAnnotations(run.stdout);
    expect(annotations.map((a) => `${a.level} ${a.props['file']}:${a.props['line']}`).sort()).toEqual([
      'error config/old.env:2',
      'error config/old.env:3',
      'error src/new.py:2',
    ]);
    expect(parseOutputs(readFileSync(outputFile, 'utf8'))).toEqual({
      findings: '3',
      sarif: join(dir, 'tokenscope.sarif'),
    });
    const summary = readFileSync(summaryFile, 'utf8');
    expect(summary).toMatch(/^## tokenscope: 3 findings/m);
    expect(summary).toMatch(/\*\*failed\*\*: findings at or above error/);
    expect(summary).toMatch(/Annotations: 3 findings annotated/);
    const sarifText = readFileSync(join(dir, 'tokenscope.sarif'), 'utf8');
    const sarif = JSON.parse(sarifText);
    expect(sarifErrors(sarif)).toEqual([]);
    expect(sarif.runs[0].results).toHaveLength(3);
    expect(sarif.runs[0].invocations[0].executionSuccessful).toBe(true);
    for (const secret of secrets)
      for (const text of [run.stdout, summary, sarifText]) expect(text.includes(secret)).toBe(false);
  });
});

describe("GitHub's annotation limit", () => {
  it('annotates the 10 most severe errors and says in the summary and the log how many were not annotated', () => {
    const files = Object.fromEntries(
      Array.from({ length: 12 }, (_, i) => [
        `config/app${String(i).padStart(2, '0')}.env`,
        `GITHUB_TOKEN=${githubPat()}\n`,
      ]),
    );
    const dir = track(tempRepo(files));
    const run = runAction(dir);
    expect(run.status).toBe(1);
    expect(run.outputs['findings']).toBe('12');
    expect(run.annotations.filter((a) => a.level === 'error')).toHaveLength(10);
    expect(run.summary).toMatch(/Annotations: 10 findings annotated/);
    expect(run.summary).toMatch(
      /\*\*2 findings are not annotated\*\* \(2 over GitHub's limit of 10 error and 10 warning annotations per step\)/,
    );
    expect(run.stdout).toMatch(/^tokenscope: 2 more findings not annotated/m);
    // Every finding is still in the SARIF report.
    expect(JSON.parse(readFileSync(join(dir, 'tokenscope.sarif'), 'utf8')).runs[0].results).toHaveLength(12);
  });
});

describe('incomplete scans', () => {
  /** A blobless clone (actions/checkout with filter: blob:none) whose first commit's blobs were never fetched. */
  function bloblessClone(first: Record<string, string>, second: Record<string, string>): string {
    const origin = track(tempRepo(first));
    git(origin, 'add', '-A');
    git(origin, 'commit', '-q', '-m', 'one');
    git(origin, 'rm', '-q', '-r', '.');
    writeFiles(origin, second);
    git(origin, 'add', '-A');
    git(origin, 'commit', '-q', '-m', 'two');
    git(origin, 'config', 'uploadpack.allowFilter', 'true');
    const clone = join(track(tempDir('tokenscope-blobless-')), 'clone');
    git(origin, 'clone', '-q', '--filter=blob:none', `file://${origin}`, clone);
    return clone;
  }

  it('says "Scan incomplete" in the summary and the log, SARIF says executionSuccessful: false, and it exits by its findings', () => {
    const clone = bloblessClone(
      { 'old.env': `GITHUB_TOKEN=${githubPat()}\n` },
      { 'new.env': `GITHUB_TOKEN=${githubPat()}\n` },
    );
    const run = runAction(clone, { history: 'all' });
    expect(run.status).toBe(1);
    expect(run.outputs['findings']).toBe('1');
    expect(run.summary).toMatch(/\*\*Scan incomplete\*\*: /);
    expect(run.stdout).toMatch(/INCOMPLETE scan/);
    const sarif = JSON.parse(readFileSync(join(clone, 'tokenscope.sarif'), 'utf8'));
    expect(sarif.runs[0].invocations[0].executionSuccessful).toBe(false);
  });

  it('exits 2 and never says "No credentials found." when nothing could be read', () => {
    const clone = bloblessClone({ 'old.env': `GITHUB_TOKEN=${githubPat()}\n` }, { 'empty.txt': '' });
    const run = runAction(clone, { history: 'all' });
    expect(run.status).toBe(2);
    expect(run.summary).toMatch(/\*\*Scan incomplete\*\*: /);
    expect(run.summary).toMatch(/\*\*failed\*\*: the scan could not give an answer/);
    expect(run.summary).toMatch(/No credentials found in what could be read\./);
    expect(run.summary).not.toMatch(/^No credentials found\.$/m);
  });
});

describe('npm run action:local', () => {
  it('runs the same entry point from the package, reading the same variables', () => {
    const { dir } = pullRequestRepo();
    const files = track(tempDir('tokenscope-action-local-'));
    const outputFile = join(files, 'out.txt');
    writeFileSync(outputFile, '');
    const run = spawnSync('npm', ['run', '--silent', 'action:local'], {
      cwd: ROOT,
      env: {
        ...cleanEnv(),
        GITHUB_WORKSPACE: dir,
        GITHUB_OUTPUT: outputFile,
        'INPUT_FAIL-ON': 'error',
        INPUT_SARIF: join(files, 'r.sarif'),
      },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    // No GITHUB_STEP_SUMMARY outside GitHub: the summary is printed to the log instead.
    expect(run.stdout).toMatch(/^## tokenscope: 3 findings/m);
    expect(parseOutputs(readFileSync(outputFile, 'utf8'))).toEqual({ findings: '3', sarif: join(files, 'r.sarif') });
  });
});
