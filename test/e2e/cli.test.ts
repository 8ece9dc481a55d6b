// End to end: the built binary against temporary trees, the way a user runs it. Exit codes,
// SARIF validity, the hostile-tree guarantees and that no secret reaches any output.

import { execFileSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, ftruncateSync, openSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sarifErrors } from '../helpers/sarif.js';
import { assertBuilt, runCli, BIN } from '../helpers/run-cli.js';
import { tempDir, tempRepo, writeFiles, trackTempDirs } from '../helpers/tmp.js';
import { githubPat, githubPatBadChecksum, randomAlnum } from '../helpers/tokens.js';

beforeAll(assertBuilt);
const track = trackTempDirs();

describe('exit codes', () => {
  it('a clean directory exits 0', () => {
    const dir = track(tempRepo({ 'README.md': '# hello\n', 'src/index.ts': 'export const answer = 42;\n' }));
    const run = runCli(['scan', dir]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/2 files scanned/);
    expect(run.stdout).toMatch(/0 findings/);
  });

  it('a planted ghp_ token with a valid checksum exits 1, and its value never reaches the output', () => {
    const token = githubPat();
    const dir = track(tempRepo({ 'config/deploy.env': `GITHUB_TOKEN=${token}\n` }));
    for (const format of ['text', 'json', 'sarif']) {
      const run = runCli(['scan', dir, '--format', format]);
      expect(run.status).toBe(1);
      expect(run.stdout).toContain('github.classic-pat');
      expect(run.stdout.includes(token)).toBe(false);
      expect(run.stderr.includes(token)).toBe(false);
      expect(run.stdout).toContain(token.slice(0, 8)); // prefix + 4 characters
    }
  });

  it('the same token with a wrong checksum exits 0 and is at most a note', () => {
    const dir = track(tempRepo({ '.env': `GITHUB_TOKEN=${githubPatBadChecksum()}\n` }));
    const run = runCli(['scan', dir, '--format', 'json']);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as {
      findings: Array<{ level: string; reasons: string[]; evidence: string[] }>;
    };
    // Reported as a note, not dropped: an empty list would make the level check vacuous.
    expect(report.findings.length).toBeGreaterThan(0);
    expect(report.findings.every((f) => f.level === 'note')).toBe(true);
  });

  it('an unknown flag, an unknown format and a missing path exit 2 with one line', () => {
    const unknown = runCli(['scan', '--no-such-flag']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown option '--no-such-flag'/);
    expect(runCli(['scan', '--format', 'xml']).status).toBe(2);
    const missing = runCli(['scan', '/nonexistent/tokenscope-path']);
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toMatch(/\/nonexistent\/tokenscope-path: no such file or directory/);
  });

  it('--help and --version exit 0; --help shows the exit-code table', () => {
    const help = runCli(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/Exit codes:/);
    expect(runCli(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('-o writes the report and keeps the exit code', () => {
    const dir = track(tempRepo({ 'app.py': `token = "${githubPat()}"\n` }));
    const out = join(track(tempDir()), 'report.sarif');
    const run = runCli(['scan', dir, '--format', 'sarif', '-o', out]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const sarif = JSON.parse(readFileSync(out, 'utf8'));
    expect(sarifErrors(sarif)).toEqual([]);
    expect(sarif.runs[0].results).toHaveLength(1);
  });

  it('--fail-on none exits 0 and --fail-on error ignores warnings', () => {
    const dir = track(tempRepo({ 'app.py': `token = "${githubPat()}"\n` }));
    expect(runCli(['scan', dir, '--fail-on', 'none']).status).toBe(0);
    // A fine-grained PAT's grant is chosen at creation: a warning, not an error.
    const warned = track(tempRepo({ 'deploy.env': `GH=github_pat_${randomAlnum(22)}_${randomAlnum(59)}\n` }));
    const levels = (
      JSON.parse(runCli(['scan', warned, '--format', 'json']).stdout) as { findings: Array<{ level: string }> }
    ).findings.map((f) => f.level);
    expect(levels).toEqual(['warning']);
    expect(runCli(['scan', warned, '--fail-on', 'error']).status).toBe(0);
    expect(runCli(['scan', warned, '--fail-on', 'warning']).status).toBe(1);
  });
});

describe('SARIF contract', () => {
  it('every result has the contract properties, a repo-relative uri and a masked message', () => {
    const tokens = [githubPat(), githubPat('gho_')];
    const dir = track(
      tempRepo({ 'src/client.ts': `const a = "${tokens[0]}";\n`, 'deploy/.env': `OAUTH=${tokens[1]}\n` }),
    );
    const run = runCli(['scan', dir, '--format', 'sarif']);
    const sarif = JSON.parse(run.stdout);
    expect(sarifErrors(sarif)).toEqual([]);
    const results = sarif.runs[0].results as Array<Record<string, any>>;
    expect(results).toHaveLength(2);
    for (const result of results) {
      expect(Object.keys(result.properties)).toEqual(
        expect.arrayContaining([
          'provider',
          'tokenType',
          'privilege',
          'breadth',
          'scopeSource',
          'scopes',
          'policy',
          'confidence',
        ]),
      );
      const location = result.locations[0].physicalLocation;
      expect(location.artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(location.artifactLocation.uri).not.toMatch(/^\//);
      expect(location.region).toMatchObject({ startLine: 1 });
      expect(result.partialFingerprints['tokenscope/v1']).toMatch(/^[0-9a-f]{32}$/);
      for (const token of tokens) expect(JSON.stringify(result).includes(token)).toBe(false);
    }
    for (const rule of sarif.runs[0].tool.driver.rules) {
      expect(rule.properties['security-severity']).toMatch(/^\d+\.\d$/);
      expect(rule.help.markdown.length).toBeGreaterThan(20);
    }
  });
});

describe('hostile tree', () => {
  it('scans to the end within seconds, reports every skip, and finds the UTF-16 token', () => {
    const dir = track(tempDir('tokenscope-hostile-'));
    const utf16Token = githubPat();
    writeFiles(dir, {
      'ok.txt': 'nothing here\n',
      'minified.js': `var a=${JSON.stringify(randomAlnum(64))};`.repeat(80_000).slice(0, 5 * 1024 * 1024),
      'invalid-utf8.txt': Buffer.from([0x6b, 0x65, 0x79, 0x3d, 0xc3, 0x28, 0xff, 0xfe, 0x0a]),
      'utf16.env': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`GITHUB_TOKEN=${utf16Token}\r\n`, 'utf16le')]),
      'broken.ts': 'const x = {{{ "unterminated\n',
      'unreadable.env': `TOKEN=${githubPat()}\n`,
      'binary.bin': Buffer.from([0, 1, 2, 3, 0, 0, 0, 255]),
    });
    const big = openSync(join(dir, 'huge.log'), 'w');
    ftruncateSync(big, 200 * 1024 * 1024);
    closeSync(big);
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    symlinkSync(join(dir, 'loop'), join(dir, 'loop'));
    chmodSync(join(dir, 'unreadable.env'), 0o000);
    chmodSync(dir, 0o755);
    // As root every file is readable: drop to `nobody` so the unreadable file really is.
    const asRoot = process.getuid?.() === 0 && existsSync('/usr/bin/setpriv');
    const args = ['scan', dir, '--format', 'json', '--verbose'];
    const started = Date.now();
    const run = asRoot
      ? (() => {
          try {
            const stdout = execFileSync(
              '/usr/bin/setpriv',
              ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, ...args],
              {
                encoding: 'utf8',
                env: { ...process.env, NO_COLOR: '1' },
                timeout: 60_000,
              },
            );
            return { status: 0, stdout };
          } catch (error) {
            const e = error as { status: number; stdout: string };
            return { status: e.status, stdout: e.stdout };
          }
        })()
      : runCli(args);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(20_000);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as {
      findings: Array<{ path: string; ruleId: string }>;
      skipped: Array<{ path: string; reason: string }>;
      notices: Array<{ path: string; message: string }>;
    };
    const skipped = Object.fromEntries(report.skipped.map((s) => [s.path, s.reason]));
    expect(skipped).toMatchObject({
      'huge.log': 'too-large',
      pipe: 'special-file',
      loop: 'symlink',
      'binary.bin': 'binary',
      'unreadable.env': 'unreadable',
    });
    expect(report.findings.map((f) => `${f.path}:${f.ruleId}`)).toContain('utf16.env:github.classic-pat');
    expect(report.notices.some((n) => n.path === 'invalid-utf8.txt')).toBe(true);
    expect(run.stdout.includes(utf16Token)).toBe(false);
  });
});
