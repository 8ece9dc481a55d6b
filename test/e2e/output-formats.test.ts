// Report formats and where they go: the format follows -o's extension, `-o -` is standard
// output, compact is one line per finding, SARIF lists only the rules its results use, the
// summary goes to stderr the same way for every format, `scan -` reads a pipe and
// --no-gitignore scans ignored files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli } from '../helpers/run-cli.js';
import { git, tempRepo } from '../helpers/tmp.js';
import { githubPat } from '../helpers/tokens.js';
import { sarifErrors } from '../helpers/sarif.js';

const token = githubPat();
let repo = '';

beforeAll(() => {
  assertBuilt();
  repo = tempRepo({
    'deploy.sh': `#!/bin/sh\nexport GITHUB_TOKEN=${token}\n`,
    'notes.md': 'nothing here\n',
    '.gitignore': 'local.env\n',
    'local.env': `GH_TOKEN=${token}\n`,
  });
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'init');
});

describe('report formats and outputs', () => {
  it('-o report.sarif writes SARIF that lists only the rules its results use', () => {
    const r = runCli(['scan', '.', '-o', 'report.sarif'], { cwd: repo });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/1 finding/);
    const sarif = JSON.parse(readFileSync(join(repo, 'report.sarif'), 'utf8')) as {
      runs: Array<{
        tool: { driver: { rules: Array<{ id: string }> } };
        results: Array<{ ruleId: string; ruleIndex: number }>;
      }>;
    };
    expect(sarifErrors(sarif)).toEqual([]);
    const run = sarif.runs[0]!;
    expect(run.tool.driver.rules.map((rule) => rule.id)).toEqual(['github.classic-pat']);
    expect(run.results[0]!.ruleIndex).toBe(0);
    expect(readFileSync(join(repo, 'report.sarif'), 'utf8').includes(token)).toBe(false);
  });

  it('-o report.json writes JSON and -o - writes to standard output', () => {
    const json = runCli(['scan', '.', '-o', 'report.json'], { cwd: repo });
    expect(JSON.parse(readFileSync(join(repo, 'report.json'), 'utf8')).findings).toHaveLength(1);
    expect(json.stderr).toMatch(/1 finding/);
    const dash = runCli(['scan', '.', '--format', 'json', '-o', '-'], { cwd: repo });
    expect(JSON.parse(dash.stdout).findings).toHaveLength(1);
    expect(dash.stderr).toMatch(/1 finding/);
  });

  it('text on standard output carries its own summary; stderr stays empty', () => {
    const r = runCli(['scan', '.'], { cwd: repo });
    expect(r.stdout).toMatch(/1 finding/);
    expect(r.stderr).toBe('');
    expect(runCli(['scan', '.', '--format', 'json', '--quiet'], { cwd: repo }).stderr).toBe('');
  });

  it('--format compact prints one path:line:col line per finding', () => {
    const r = runCli(['scan', '.', '--format', 'compact'], { cwd: repo });
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^deploy\.sh:2:\d+: (error|warning) github\.classic-pat /);
    expect(r.stdout.includes(token)).toBe(false);
  });

  it('scan - reads standard input, named by --stdin-filename', () => {
    const piped = runCli(['scan', '-', '--format', 'json'], {
      cwd: repo,
      input: `apiVersion: v1\nkind: ConfigMap\ndata:\n  token: ${token}\n`,
    });
    const result = JSON.parse(piped.stdout) as { findings: Array<{ path: string; line: number }> };
    expect(result.findings.map((f) => [f.path, f.line])).toEqual([['stdin', 4]]);
    const named = runCli(['scan', '-', '--stdin-filename', 'k8s/config.yaml', '--format', 'compact'], {
      cwd: repo,
      input: `token: ${token}\n`,
    });
    expect(named.stdout).toMatch(/^k8s\/config\.yaml:1:/);
    expect(piped.stdout.includes(token) || named.stdout.includes(token)).toBe(false);
    expect(runCli(['scan', '-', '.'], { cwd: repo, input: '' }).status).toBe(2);
  });

  it('--no-gitignore scans git-ignored files', () => {
    const plain = JSON.parse(runCli(['scan', '.', '--format', 'json'], { cwd: repo }).stdout) as {
      findings: Array<{ path: string }>;
    };
    const all = JSON.parse(runCli(['scan', '.', '--format', 'json', '--no-gitignore'], { cwd: repo }).stdout) as {
      findings: Array<{ path: string }>;
    };
    expect(plain.findings.map((f) => f.path)).toEqual(['deploy.sh']);
    expect(all.findings.map((f) => f.path).sort()).toEqual(['deploy.sh', 'local.env']);
  });

  it('shows no progress line when stderr is not a terminal', () => {
    const r = runCli(['scan', '.', '--format', 'json'], { cwd: repo, env: { CI: '' } });
    expect(r.stderr).not.toContain('scanning…');
  });
});
