// End to end, one test per class of silent drop, hang or crash the hostile-input review found
// (issue 9, part A): the built CLI against temporary trees, reports read back as JSON or SARIF.
// Secrets are compared as booleans; timing is guarded only by vitest's per-test timeout.

import { execFileSync, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli } from '../helpers/run-cli.js';
import { sarifErrors } from '../helpers/sarif.js';
import { git, tempDir, tempRepo, writeFiles } from '../helpers/tmp.js';
import { githubPat, randomAlnum } from '../helpers/tokens.js';

const dirs: string[] = [];
beforeAll(assertBuilt);
afterAll(() => {
  for (const dir of dirs) {
    // GNU rm walks with openat, so it also removes trees deeper than PATH_MAX.
    execFileSync('rm', ['-rf', dir]);
  }
});

function track(dir: string): string {
  dirs.push(dir);
  return dir;
}

interface JsonReport {
  findings: Array<{ ruleId: string; path: string; fingerprint: string }>;
  skipped: Array<{ path: string; reason: string; detail?: string }>;
  notices: Array<{ path?: string; message: string }>;
  incomplete: boolean;
  incompleteReasons: Array<{ kind: string; count: number; message: string; paths: string[] }>;
  stats: {
    filesScanned: number;
    filesSkipped: number;
    ignored?: number;
    gitIgnored?: number;
    excludedByDefault?: Record<string, number>;
  };
}

function scanJson(
  dir: string,
  ...args: string[]
): { status: number; report: JsonReport; stdout: string; stderr: string } {
  const run = runCli(['scan', dir, '--format', 'json', ...args], { timeout: 120_000 });
  return { status: run.status, report: JSON.parse(run.stdout) as JsonReport, stdout: run.stdout, stderr: run.stderr };
}

function pathsOf(report: JsonReport, ruleId = 'github.classic-pat'): string[] {
  return report.findings
    .filter((f) => f.ruleId === ruleId)
    .map((f) => f.path)
    .sort();
}

describe('silent drops', () => {
  it('a Latin-1 file name at the root loses nothing: the token elsewhere and the one inside it are reported', () => {
    const dir = track(tempRepo({ 'config/deploy.env': `GITHUB_TOKEN=${githubPat()}\n` }));
    writeFileSync(
      Buffer.concat([Buffer.from(`${dir}/caf`), Buffer.from([0xe9]), Buffer.from('.txt')]),
      `token: ${githubPat()}\n`,
    );
    const { status, report, stdout } = scanJson(dir);
    expect(status).toBe(1);
    expect(pathsOf(report)).toEqual(['caf\\xE9.txt', 'config/deploy.env']);
    expect(report.stats.filesScanned).toBe(2);
    expect(report.incomplete).toBe(false);
    expect(stdout.includes('\uFFFD')).toBe(false);
  });

  it('names starting with "..", holding CR or LF, are scanned', () => {
    const dir = track(tempRepo({}));
    writeFiles(dir, {
      '..env': `GITHUB_TOKEN=${githubPat()}\n`,
      '..cfg/app.env': `GITHUB_TOKEN=${githubPat()}\n`,
      'line\nbreak.env': `GITHUB_TOKEN=${githubPat()}\n`,
      'carriage\rreturn.env': `GITHUB_TOKEN=${githubPat()}\n`,
    });
    const { status, report } = scanJson(dir);
    expect(status).toBe(1);
    expect(pathsOf(report)).toEqual(['..cfg/app.env', '..env', 'carriage\rreturn.env', 'line\nbreak.env'].sort());
  });

  it('files created and deleted during the walk never make the scan lose the rest of the tree', async () => {
    const dir = track(tempRepo({ 'stable/deploy.env': `GITHUB_TOKEN=${githubPat()}\n` }));
    for (let i = 0; i < 200; i++) writeFiles(dir, { [`churn/f${i}.txt`]: 'x\n' });
    // Another process creates and deletes files for as long as the scans run.
    const churn = spawn(
      process.execPath,
      [
        '-e',
        `const fs = require('fs'); const p = require('path'); const d = ${JSON.stringify(join(dir, 'churn'))};
       for (let n = 0; ; n++) { const f = p.join(d, 'f' + (n % 200) + '.txt'); try { fs.rmSync(f); fs.writeFileSync(f, 'x'); fs.mkdirSync(f + '.d'); fs.rmdirSync(f + '.d'); } catch {} }`,
      ],
      { stdio: 'ignore' },
    );
    try {
      await new Promise((resolve) => setTimeout(resolve, 200));
      for (let run = 0; run < 4; run++) {
        const { status, report } = scanJson(dir);
        expect(status).toBe(1);
        expect(pathsOf(report)).toEqual(['stable/deploy.env']);
        expect(report.stats.filesScanned).toBeGreaterThan(1);
        for (const s of report.skipped) expect(['vanished']).toContain(s.reason);
      }
    } finally {
      churn.kill();
    }
  });

  it('a folder deeper than PATH_MAX is counted, and the scan says it is incomplete in JSON, SARIF and text', () => {
    const dir = track(tempRepo({ 'top.env': `GITHUB_TOKEN=${githubPat()}\n` }));
    const segment = 'd'.repeat(200);
    // mkdir by relative steps: no single path handed to the kernel is too long.
    // The token goes through the environment: a failing command's message quotes its arguments.
    execFileSync(
      'bash',
      [
        '-c',
        `cd "$1" && for i in $(seq 1 24); do mkdir "$2" && cd "$2" || exit 1; done && echo "GITHUB_TOKEN=$DEEP_TOKEN" > deep.env`,
        'bash',
        dir,
        segment,
      ],
      {
        env: { ...process.env, DEEP_TOKEN: githubPat() },
      },
    );
    const { status, report } = scanJson(dir);
    expect(status).toBe(1);
    expect(pathsOf(report)).toEqual(['top.env']);
    expect(report.incomplete).toBe(true);
    expect(report.incompleteReasons.map((r) => r.kind)).toEqual(['unreadable']);
    expect(report.skipped.some((s) => s.reason === 'unreadable' && /PATH_MAX/.test(s.detail ?? ''))).toBe(true);

    const sarif = JSON.parse(runCli(['scan', dir, '--format', 'sarif'], { timeout: 120_000 }).stdout) as {
      runs: Array<{ invocations: Array<{ executionSuccessful: boolean }> }>;
    };
    expect(sarifErrors(sarif)).toEqual([]);
    expect(sarif.runs[0]!.invocations[0]!.executionSuccessful).toBe(false);
    const text = runCli(['scan', dir], { timeout: 120_000 });
    expect(text.stdout).toMatch(/INCOMPLETE scan: 1 file or folder could not be read/);
  });

  it('counts default excludes and git-ignored files, and says --agent-view scans the latter', () => {
    const dir = track(
      tempRepo({
        'src/app.ts': 'export const x = 1;\n',
        'packages/a/node_modules/dep/index.js': `module.exports = "${githubPat()}";\n`,
        '.gitignore': '.env.local\n',
        '.env.local': `GITHUB_TOKEN=${githubPat()}\n`,
      }),
    );
    const { status, report } = scanJson(dir);
    expect(status).toBe(0);
    expect(report.stats.excludedByDefault).toEqual({ 'node_modules/': 1 });
    expect(report.stats.gitIgnored).toBe(1);
    expect(report.incomplete).toBe(false);
    const text = runCli(['scan', dir]);
    expect(text.stdout).toMatch(
      /1 ignored by ignore rules \(1 git-ignored: --agent-view scans them\), 1 folder excluded by default \(node_modules\/ 1\)/,
    );
    expect(pathsOf(scanJson(dir, '--agent-view').report)).toEqual(['.env.local']);
  });

  it('a UTF-16 byte order mark in front of UTF-8 text does not hide the token', () => {
    const dir = track(tempRepo({}));
    writeFiles(dir, {
      'app.env': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`GITHUB_TOKEN=${githubPat()}\nNAME=café\n`)]),
    });
    expect(pathsOf(scanJson(dir).report)).toEqual(['app.env']);
  });

  it('one long line keeps the AST pass for the rest of a TypeScript file', () => {
    const password = `${randomAlnum(10)}!${randomAlnum(5)}`;
    const dir = track(
      tempRepo({
        'src/config.ts': `export const blob = "${'QUJD'.repeat(1600)}";\nexport const config = {\n  dbPassword:\n    "${password}",\n};\n`,
      }),
    );
    const { report, stdout } = scanJson(dir);
    expect(report.findings.map((f) => `${f.ruleId} ${f.path}`)).toEqual(['generic.password src/config.ts']);
    expect(stdout.includes(password)).toBe(false);
  });
});

describe('hangs and crashes', () => {
  const TEN_MB = 10 * 1024 * 1024 - 4096;

  for (const unit of ['password=', 'Server=a;Password=']) {
    it(`a 10 MB single line of ${JSON.stringify(unit)} finishes and still finds the token at its end`, () => {
      const token = githubPat();
      const dir = track(tempRepo({}));
      writeFiles(dir, { 'big.txt': `${unit.repeat(Math.floor(TEN_MB / unit.length))} ${token}\n` });
      const { status, report, stdout } = scanJson(dir);
      expect(status).toBe(1);
      expect(pathsOf(report)).toEqual(['big.txt']);
      expect(report.stats.filesScanned).toBe(1);
      expect(stdout.includes(token)).toBe(false);
    }, 90_000);
  }

  it('a file of more distinct tokens than one file reports is listed up to the limit and marked incomplete', () => {
    const dir = track(tempRepo({}));
    const tokens = Array.from({ length: 10_500 }, () => githubPat());
    writeFiles(dir, { 'dump.txt': `${tokens.join('\n')}\n`, 'other.env': `GITHUB_TOKEN=${githubPat()}\n` });
    const { status, report } = scanJson(dir);
    expect(status).toBe(1);
    expect(report.findings.filter((f) => f.path === 'dump.txt').length).toBe(10_000);
    expect(pathsOf(report).includes('other.env')).toBe(true);
    expect(report.incomplete).toBe(true);
    expect(report.incompleteReasons).toEqual([
      expect.objectContaining({ kind: 'finding-limit', count: 1, paths: ['dump.txt'] }),
    ]);
  }, 90_000);

  it('a config nested 100,000 levels deep is a one-line error naming the file', () => {
    const dir = track(tempRepo({ 'a.txt': 'x\n' }));
    writeFiles(dir, { '.tokenscope.json': `{"exclude": ${'['.repeat(100_000)}${']'.repeat(100_000)}}` });
    const run = runCli(['scan', dir]);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([
      `tokenscope: ${join(dir, '.tokenscope.json')}: nested more than 64 levels deep`,
    ]);
    const baseline = join(dir, 'baseline.json');
    writeFileSync(baseline, `{"findings": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    writeFileSync(join(dir, '.tokenscope.json'), '{}');
    const withBaseline = runCli(['scan', dir, '--baseline', baseline]);
    expect(withBaseline.status).toBe(2);
    expect(withBaseline.stderr).toContain(`${baseline}: nested more than 64 levels deep`);
    expect(withBaseline.stderr).not.toMatch(/internal error|RangeError/);
  });

  it('200,000 exclude entries: the scan finishes and still excludes', () => {
    const dir = track(
      tempRepo({ 'src/app.env': `GITHUB_TOKEN=${githubPat()}\n`, 'gen/out.env': `GITHUB_TOKEN=${githubPat()}\n` }),
    );
    const exclude = Array.from({ length: 200_000 }, (_, i) =>
      i % 3 === 0 ? `gen${i}/file${i}.txt` : i % 3 === 1 ? `**/cache${i}/**` : `*.tmp${i}`,
    );
    exclude.push('gen/');
    writeFiles(dir, { '.tokenscope.json': JSON.stringify({ exclude }) });
    const { status, report } = scanJson(dir);
    expect(status).toBe(1);
    expect(pathsOf(report)).toEqual(['src/app.env']);
  }, 60_000);
});

describe('git without the network', () => {
  it('scan --history in a blobless clone reports missing blobs as skipped and fetches nothing', () => {
    const origin = track(tempRepo({ 'README.md': '# app\n', 'old.env': `GITHUB_TOKEN=${githubPat()}\n` }));
    git(origin, 'add', '.');
    git(origin, 'commit', '-qm', 'one');
    git(origin, 'rm', '-q', 'old.env');
    writeFiles(origin, { 'new.env': `GITHUB_TOKEN=${githubPat()}\n` });
    git(origin, 'add', '.');
    git(origin, 'commit', '-qm', 'two');
    git(origin, 'config', 'uploadpack.allowFilter', 'true');
    const parent = track(tempDir());
    const clone = join(parent, 'clone');
    git(parent, 'clone', '-q', '--filter=blob:none', `file://${origin}`, clone);
    const objects = (): string => git(clone, 'cat-file', '--batch-all-objects', '--batch-check');
    const before = objects();

    const { status, report } = scanJson(clone, '--history');
    expect(objects()).toBe(before);
    expect(status).toBe(1);
    expect(pathsOf(report)).toEqual(['new.env']);
    expect(report.skipped.filter((s) => s.reason === 'missing-blob').map((s) => s.path)).toEqual(['old.env']);
    expect(report.incomplete).toBe(true);
    expect(report.incompleteReasons.map((r) => r.kind)).toEqual(['missing-blob']);
  });
});
