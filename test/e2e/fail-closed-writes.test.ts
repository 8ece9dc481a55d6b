// Hostile input through the built binary (regexes, leaks, injection, writes), one test per class: a
// config inside the scanned tree cannot hang the scan, no output or log ever carries a planted
// secret, file names cannot inject terminal or workflow commands, writes never follow symlinks,
// and the hook keeps every byte a user wrote.

import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli } from '../helpers/run-cli.js';
import { git, tempDir, tempRepo, trackTempDirs } from '../helpers/tmp.js';
import { githubPat, randomAlnum } from '../helpers/tokens.js';
import { acmeDetectorYaml } from '../helpers/custom-detector.js';
import { judgeGenericValue } from '../../src/detect/generic-value.js';

const ACTION = join(import.meta.dirname, '..', '..', 'dist', 'action', 'main.js');

/** The Action's entry point in a clean Actions-like environment; stdout is the job log. */
function runAction(workspace: string, inputs: Record<string, string> = {}): { status: number; log: string } {
  const files = track(tempDir('tokenscope-action-'));
  const env: NodeJS.ProcessEnv = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(GITHUB_|INPUT_|RUNNER_|TOKENSCOPE_)/.test(key)),
  );
  Object.assign(env, {
    NO_COLOR: '1',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_STEP_SUMMARY: join(files, 'summary.md'),
    GITHUB_OUTPUT: join(files, 'out.txt'),
  });
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const run = spawnSync(process.execPath, [ACTION], { cwd: files, env, encoding: 'utf8', timeout: 60_000 });
  return { status: run.status ?? -1, log: run.stdout + run.stderr };
}

/**
 * The workflow commands the runner would act on: lines whose first non-blank characters are
 * `::`, skipping what lies between `::stop-commands::T` and `::T::`, as the runner does.
 */
function liveCommands(log: string): string[] {
  const commands: string[] = [];
  let stopToken: string | undefined;
  for (const raw of log.split(/\r?\n|\r/)) {
    const line = raw.trimStart();
    if (stopToken !== undefined) {
      if (line === `::${stopToken}::`) stopToken = undefined;
      continue;
    }
    const stop = /^::stop-commands::(.*)$/.exec(line);
    if (stop) {
      stopToken = stop[1];
      commands.push('stop-commands');
      continue;
    }
    const m = /^::([a-z-]+)/.exec(line);
    if (m) commands.push(m[1]!);
    if (line.includes('##[')) commands.push('legacy');
  }
  return commands;
}

beforeAll(assertBuilt);
const track = trackTempDirs();

function acmeDetector(id: string, pattern: string, positive: string, keyword = 'acme'): string {
  return acmeDetectorYaml({ id, pattern, positive, keyword });
}

describe('user regexes from a config in the scanned tree', () => {
  it('bounded nested quantifiers: one-line error naming the file, from scan and detectors --check alike', () => {
    const pattern = '(?<secret>acme_(?:(?:(?:[a-z]{1,9}){1,9}){1,9}){1,9})';
    const dir = track(
      tempRepo({
        '.tokenscope.yaml': 'detectors:\n  custom: [acme.yaml]\n',
        'acme.yaml': acmeDetector('acme.nested', pattern, `acme_${'a'.repeat(40)}`),
        'app.txt': `acme_${'a'.repeat(60)}!\n`,
      }),
    );
    const scan = runCli(['scan', '.'], { cwd: dir, timeout: 30_000 });
    expect(scan.status).toBe(2);
    expect(scan.stderr).toContain(`${join(dir, 'acme.yaml')}: acme.nested: pattern rejected: nested repetition`);
    const check = runCli(['detectors', '--check', 'acme.yaml'], { cwd: dir, timeout: 30_000 });
    expect(check.status).toBe(2);
    expect(check.stderr).toContain(`${join(dir, 'acme.yaml')}: acme.nested: pattern rejected: nested repetition`);
  });

  it('a look-ahead in front of a polynomial pattern, and an unchecked allowlist value, are config errors', () => {
    const dir = track(
      tempRepo({
        '.tokenscope.yaml': [
          'detectors:',
          '  custom: [acme.yaml]',
          'allowlist:',
          "  - values: ['^(?:a|a)*$']",
          '    reason: test values',
          '',
        ].join('\n'),
        'acme.yaml': acmeDetector('acme.poly', '(?=acme)(?<secret>acme_[a-z]*[a-z]*[a-z]*[0-9])', 'acme_abc1'),
        'app.txt': `acme_${'a'.repeat(5000)}\n`,
      }),
    );
    const run = runCli(['scan', '.'], { cwd: dir, timeout: 30_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/allowlist\[0\]\.values\[0\]: pattern rejected: overlapping alternatives/);
    const fixed = runCli(['scan', '.', '--config', '/dev/null'], { cwd: dir, timeout: 30_000 });
    expect(fixed.status).not.toBe(2);
  });

  it('a pattern that backtracks quadratically on V8 runs linearly: a long line does not hang the scan', () => {
    const dir = track(
      tempRepo({
        '.tokenscope.yaml': 'detectors:\n  custom: [acme.yaml]\n',
        'acme.yaml': acmeDetector('acme.suffix', '(?<secret>[a-z]{8,40}_acme)', 'qzkwmvbxrtpl_acme', '_acme'),
        // On V8 every start position would scan the whole run of letters: about 40 s.
        'long.txt': `${'a'.repeat(100_000)} _acme\n`,
      }),
    );
    const run = runCli(['scan', '.', '--format', 'json'], { cwd: dir, timeout: 30_000 });
    expect(run.status).toBe(1); // the detector file's own example
    const report = JSON.parse(run.stdout) as { findings: Array<{ path: string }> };
    expect(report.findings.map((f) => f.path)).toEqual(['acme.yaml']);
  });
});

describe('a planted short secret never reaches any output', () => {
  it('ignore reasons and unused ignores in text, JSON and SARIF are scrubbed of every secret in the file', () => {
    // Short and with a dot: what the old character-run mask let through.
    const password = `Tq9.${randomAlnum(10)}`;
    // A random value the generic judgement takes as a secret (a few random strings read as
    // camelCase identifiers and are rightly not reported; this test is about scrubbing, not that).
    let other = `Hx7.${randomAlnum(20)}`;
    while (!judgeGenericValue(other, 'API_TOKEN', { path: 'app.env', quote: '"' })) other = `Hx7.${randomAlnum(20)}`;
    const dir = track(
      tempRepo({
        'app.env': [
          `DB_PASSWORD="${password}"  # tokenscope:ignore -- ${password} was rotated`,
          `API_TOKEN="${other}" # tokenscope:ignore generic.secret -- see ${password} and ${other}`,
          `# tokenscope:ignore github.classic-pat -- nothing here, but ${other} leaked once`,
          '',
        ].join('\n'),
      }),
    );
    const outputs = [
      runCli(['scan', '.', '--show-suppressed', '--report-unused-ignores', '--verbose'], { cwd: dir }),
      runCli(['scan', '.', '--format', 'json', '--show-suppressed', '--report-unused-ignores'], { cwd: dir }),
      runCli(['scan', '.', '--format', 'sarif', '--show-suppressed', '--report-unused-ignores'], { cwd: dir }),
    ];
    const report = JSON.parse(outputs[1]!.stdout) as {
      suppressed: Array<{ suppressed: { reason?: string } }>;
      unusedIgnores: unknown[];
    };
    expect(report.suppressed.map((f) => f.suppressed.reason)).toEqual([
      '[REDACTED] was rotated',
      'see [REDACTED] and [REDACTED]',
    ]);
    expect(report.unusedIgnores).toHaveLength(1);
    for (const run of outputs) {
      const all = run.stdout + run.stderr;
      expect(all.includes(password.slice(4))).toBe(false);
      expect(all.includes(other.slice(4))).toBe(false);
    }
    expect(outputs[2]!.stdout).toContain('justification');
  });

  it('a token used as a config key is masked in the error, and YAML warnings stay quiet', () => {
    const token = githubPat();
    const dir = track(
      tempRepo({ '.tokenscope.yaml': `${token}: 1\nfailOn: !${token.slice(0, 20)} error\n`, 'a.txt': 'x\n' }),
    );
    const run = runCli(['scan', '.'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unknown key "ghp_…" (40 characters)');
    expect(run.stderr.includes(token.slice(4, 12))).toBe(false);
    expect(run.stderr).not.toMatch(/YAMLWarning/);
  });
});

describe('file names cannot inject', () => {
  it("a file named ::stop-commands::x does not switch off the Action's workflow commands", () => {
    const dir = track(tempRepo({ '::stop-commands::x': `TOKEN=${githubPat()}\n`, 'b.env': `TOKEN=${githubPat()}\n` }));
    const run = runAction(dir, { sarif: join(tempDir(), 'r.sarif') });
    expect(run.status).toBe(1);
    const commands = liveCommands(run.log);
    // Exactly the Action's own: group, the stop-commands wrapper around the report, endgroup, annotations.
    expect(commands.filter((c) => c === 'stop-commands')).toHaveLength(1);
    expect(commands.filter((c) => c === 'error' || c === 'warning').length).toBeGreaterThanOrEqual(2);
    expect(commands).not.toContain('legacy');
    expect(run.log.split('\n').some((line) => line.trimStart().startsWith('::stop-commands::x'))).toBe(false);
  });

  it('in history mode a newline in a committed path does not inject a ::warning', () => {
    const dir = track(tempRepo({ 'a\n::warning::injected': `TOKEN=${githubPat()}\n` }));
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'add');
    const run = runAction(dir, { history: 'all', sarif: join(track(tempDir()), 'r.sarif') });
    expect(run.status).toBe(1);
    const commands = liveCommands(run.log);
    expect(commands.filter((c) => c === 'warning')).toHaveLength(0);
    expect(commands.filter((c) => c === 'error')).toHaveLength(1);
  });

  it('control characters and bidi overrides in a name are escaped in the text report; SARIF URIs stay relative', () => {
    const name = 'evil\u202egnp.env\u001b[2J\u0007x';
    const dir = track(tempRepo({ [name]: `TOKEN=${githubPat()}\n`, 'a#b?c.env': `TOKEN=${githubPat()}\n` }));
    const text = runCli(['scan', '.'], { cwd: dir });
    expect(text.stdout).toContain('evil\\u202egnp.env\\x1b[2J\\x07x');
    expect(/[\u0000-\u0008\u000b-\u001f\u202a-\u202e\u2066-\u2069]/.test(text.stdout)).toBe(false);
    const sarif = JSON.parse(runCli(['scan', '.', '--format', 'sarif'], { cwd: dir }).stdout) as {
      runs: Array<{
        results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }>;
      }>;
    };
    const uris = sarif.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri).sort();
    expect(uris).toEqual(['a%23b%3Fc.env', 'evil%E2%80%AEgnp.env%1B%5B2J%07x']);
  });
});

describe('writes never follow a symlink', () => {
  it('a committed tokenscope.sarif symlink pointing outside the workspace is not written through', () => {
    const outside = track(tempDir());
    const victim = join(outside, 'victim.txt');
    writeFileSync(victim, 'keep me\n');
    const dir = track(tempRepo({ 'b.env': `TOKEN=${githubPat()}\n` }));
    symlinkSync(victim, join(dir, 'tokenscope.sarif'));
    const run = runAction(dir);
    expect(run.status).toBe(2);
    expect(run.log).toContain('tokenscope.sarif: is a symbolic link; refusing to write through it');
    expect(readFileSync(victim, 'utf8')).toBe('keep me\n');
    expect(lstatSync(join(dir, 'tokenscope.sarif')).isSymbolicLink()).toBe(true);
  });

  it('nor through a committed folder symlink on the way to the SARIF path', () => {
    const outside = track(tempDir());
    const dir = track(tempRepo({ 'b.env': `TOKEN=${githubPat()}\n` }));
    symlinkSync(outside, join(dir, 'reports'));
    const run = runAction(dir, { sarif: 'reports/sub/tokenscope.sarif' });
    expect(run.status).toBe(2);
    expect(run.log).toContain('its folder is a symbolic link out of the workspace; refusing to write there');
    expect(existsSync(join(outside, 'sub'))).toBe(false);
  });

  it("the baseline writer refuses a symlink and keeps an existing file's mode", () => {
    const dir = track(tempRepo({ 'b.env': `TOKEN=${githubPat()}\n` }));
    const outside = track(tempDir());
    writeFileSync(join(outside, 'target.json'), '{"version": 1, "findings": []}\n');
    symlinkSync(join(outside, 'target.json'), join(dir, 'linked.json'));
    const linked = runCli(['baseline', '.', '-o', 'linked.json'], { cwd: dir });
    expect(linked.status).toBe(2);
    expect(linked.stderr).toMatch(/linked\.json: is a symbolic link; refusing to write through it/);
    expect(readFileSync(join(outside, 'target.json'), 'utf8')).toBe('{"version": 1, "findings": []}\n');
    writeFileSync(join(dir, 'base.json'), '{"version": 1, "findings": []}\n');
    chmodSync(join(dir, 'base.json'), 0o600);
    expect(runCli(['baseline', '.', '-o', 'base.json'], { cwd: dir }).status).toBe(0);
    expect(statSync(join(dir, 'base.json')).mode & 0o777).toBe(0o600);
  });
});

describe('hook install and uninstall keep every byte the user wrote', () => {
  it('through the CLI: an edited hook survives a second install and an uninstall; husky bytes round-trip', () => {
    const dir = track(tempRepo({ 'a.txt': 'x\n' }));
    expect(runCli(['hook', 'install'], { cwd: dir }).status).toBe(0);
    const hook = join(dir, '.git', 'hooks', 'pre-commit');
    const mine = Buffer.from([0x65, 0x63, 0x68, 0x6f, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x0d, 0x0a]); // "echo caf\xe9\r\n"
    writeFileSync(hook, Buffer.concat([readFileSync(hook), mine]));
    const edited = readFileSync(hook);
    expect(runCli(['hook', 'install'], { cwd: dir }).status).toBe(0);
    expect(readFileSync(hook).equals(edited)).toBe(true);
    expect(runCli(['hook', 'uninstall'], { cwd: dir }).status).toBe(0);
    expect(readFileSync(hook).equals(Buffer.concat([Buffer.from('#!/bin/sh\n'), mine]))).toBe(true);

    const husky = track(tempRepo({ 'a.txt': 'x\n' }));
    mkdirSync(join(husky, '.husky'));
    git(husky, 'config', 'core.hooksPath', '.husky/_');
    const file = join(husky, '.husky', 'pre-commit');
    const original = Buffer.concat([Buffer.from('npm test\n# '), Buffer.from([0xff, 0xfe, 0xe9]), Buffer.from('\n')]);
    writeFileSync(file, original, { mode: 0o755 });
    expect(runCli(['hook', 'install'], { cwd: husky }).status).toBe(0);
    expect(readFileSync(file).subarray(0, original.length).equals(original)).toBe(true);
    expect(runCli(['hook', 'uninstall'], { cwd: husky }).status).toBe(0);
    expect(readFileSync(file).equals(original)).toBe(true);
    expect(existsSync(`${file}.tokenscope-backup`)).toBe(false);
  });
});

describe('fingerprint keys', () => {
  it('differ per repository by default; the Action takes a key input and masks it in the log', () => {
    const token = githubPat();
    const fingerprint = (dir: string, env: NodeJS.ProcessEnv = {}): string =>
      (
        JSON.parse(
          runCli(['scan', '.', '--format', 'json'], { cwd: dir, env: { TOKENSCOPE_FINGERPRINT_KEY: '', ...env } })
            .stdout,
        ) as { findings: Array<{ fingerprint: string }> }
      ).findings[0]!.fingerprint;
    const a = track(tempRepo({ 'a.env': `T=${token}\n` }));
    const b = track(tempRepo({ 'a.env': `T=${token}\n` }));
    git(a, 'add', '-A');
    git(a, 'commit', '-qm', 'one');
    git(b, 'add', '-A');
    git(b, 'commit', '-qm', 'two');
    expect(fingerprint(a)).not.toBe(fingerprint(b));
    expect(fingerprint(a, { TOKENSCOPE_FINGERPRINT_KEY: 'k' })).toBe(
      fingerprint(b, { TOKENSCOPE_FINGERPRINT_KEY: 'k' }),
    );

    const sarif = join(track(tempDir()), 'r.sarif');
    const run = runAction(a, { sarif, 'fingerprint-key': 'k' });
    expect(run.log).toContain('::add-mask::k');
    type Sarif = { runs: Array<{ results: Array<{ partialFingerprints: Record<string, string> }> }> };
    const partial = (text: string): Record<string, string> =>
      (JSON.parse(text) as Sarif).runs[0]!.results[0]!.partialFingerprints;
    const cli = (key: string): string =>
      runCli(['scan', '.', '--format', 'sarif'], { cwd: a, env: { TOKENSCOPE_FINGERPRINT_KEY: key } }).stdout;
    expect(partial(readFileSync(sarif, 'utf8'))).toEqual(partial(cli('k')));
    expect(partial(readFileSync(sarif, 'utf8'))).not.toEqual(partial(cli('other')));
  });
});
