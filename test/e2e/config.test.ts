// The configuration file through the built binary: where it is found (scan root upward to the
// repository root, never above), --config, every schema error in one exit-2 run, each key's
// effect, custom detectors and their backtracking check, and `tokenscope init`.

import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { schemaValidator } from '../../src/util/ajv.js';
import { parseConfig } from '../../src/config/load.js';
import { assertBuilt, runCli } from '../helpers/run-cli.js';
import { git, tempDir, tempRepo, writeFiles, trackTempDirs } from '../helpers/tmp.js';
import { acmeDetectorYaml } from '../helpers/custom-detector.js';
import { githubPat, randomAlnum } from '../helpers/tokens.js';

beforeAll(assertBuilt);
const track = trackTempDirs();

interface Report {
  settings: { failOn: string; configFile?: string; baseline?: string };
  findings: Array<{ ruleId: string; path: string; fingerprint: string }>;
  suppressed: Array<{ path: string; suppressed: { kind: string; by: string; reason?: string } }>;
  skipped: Array<{ path: string; reason: string }>;
  stats: { suppressed: number; filesScanned: number };
}

function scanJson(cwd: string, ...args: string[]): { status: number; report: Report; stderr: string } {
  const run = runCli(['scan', ...args, '--format', 'json', '--show-suppressed'], { cwd });
  if (run.status === 2) throw new Error(`scan failed: ${run.stderr}`);
  return { status: run.status, report: JSON.parse(run.stdout) as Report, stderr: run.stderr };
}

describe('finding the config file', () => {
  for (const name of ['.tokenscope.yaml', '.tokenscope.yml', '.tokenscope.json']) {
    it(`reads ${name} at the repository root`, () => {
      const body = name.endsWith('.json') ? '{ "failOn": "none" }\n' : 'failOn: none\n';
      const dir = track(tempRepo({ [name]: body, 'app.env': `T=${githubPat()}\n` }));
      const { status, report } = scanJson(dir, '.');
      expect(status).toBe(0);
      expect(report.settings).toMatchObject({ failOn: 'none', configFile: join(dir, name) });
    });
  }

  it('searches from the scan root upward: the nearest file wins, .yaml before .yml before .json', () => {
    const dir = track(
      tempRepo({
        '.tokenscope.yaml': 'failOn: none\n',
        'svc/.tokenscope.json': '{ "failOn": "error" }\n',
        'svc/.tokenscope.yml': 'failOn: note\n',
        'svc/deep/app.env': `T=${githubPat()}\n`,
      }),
    );
    expect(scanJson(dir, 'svc/deep').report.settings.configFile).toBe(join(dir, 'svc', '.tokenscope.yml'));
    expect(scanJson(join(dir, 'svc'), 'deep').report.settings.configFile).toBe(join(dir, 'svc', '.tokenscope.yml'));
    expect(scanJson(dir, '.').report.settings.configFile).toBe(join(dir, '.tokenscope.yaml'));
  });

  it('stops at the repository root: a config above it is not used', () => {
    const outer = track(tempDir('tokenscope-outer-'));
    writeFiles(outer, { '.tokenscope.yaml': 'failOn: none\n' });
    const repo = join(outer, 'repo');
    mkdirSync(repo);
    git(repo, 'init', '-q');
    writeFiles(repo, { 'app.env': `T=${githubPat()}\n` });
    const { status, report } = scanJson(repo, '.');
    expect(report.settings.configFile).toBeUndefined();
    expect(status).toBe(1);
  });

  it('--config overrides the file that would be found, and a missing one is an error naming it', () => {
    const dir = track(
      tempRepo({
        '.tokenscope.yaml': 'failOn: none\n',
        'ci/strict.yaml': 'failOn: note\n',
        'app.env': `T=${githubPat()}\n`,
      }),
    );
    const { status, report } = scanJson(dir, '.', '--config', 'ci/strict.yaml');
    expect(report.settings.configFile).toBe(join(dir, 'ci', 'strict.yaml'));
    expect(status).toBe(1);
    const missing = runCli(['scan', '.', '--config', 'nope.yaml'], { cwd: dir });
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim()).toBe(`tokenscope: ${join(dir, 'nope.yaml')}: cannot read config file (ENOENT)`);
  });
});

describe('an invalid config', () => {
  it('reports every problem at once, each with its key path and the value received, in one exit-2 run', () => {
    const config = [
      'exlude: [dist/]',
      'maxFileSize: huge',
      'failOn: warn',
      'detectors:',
      '  disable: [NotAnId]',
      '  custom: 5',
      'allowlist:',
      '  - paths: [docs/**]',
      '  - reason: ok',
      '    fingerprints: [xyz]',
      '  - reason: a broken value pattern',
      '    values: ["(unclosed"]',
      '  - reason: an entry that names nothing',
      'policy:',
      '  limits:',
      '    - maxPrivilege: root',
      '',
    ].join('\n');
    const dir = track(tempRepo({ '.tokenscope.yaml': config, 'a.txt': 'x\n' }));
    const run = runCli(['scan', '.'], { cwd: dir });
    expect(run.status).toBe(2);
    const file = join(dir, '.tokenscope.yaml');
    const lines = run.stderr.trim().split('\n');
    expect(lines[0]).toBe(`tokenscope: ${file}: invalid configuration (11 problems)`);
    expect(
      lines
        .slice(1)
        .map((l) => l.trim().replace(`${file}: `, ''))
        .sort(),
    ).toEqual(
      [
        '(top level): unknown key "exlude": did you mean "exclude"?',
        'maxFileSize: must be a size such as 10MB, 512k or a number of bytes (received "huge")',
        'failOn: must be one of error, warning, note, none (received "warn")',
        // A detector selector is a name, not a secret: shown as written.
        'detectors.disable[0]: must be a detector id, provider or glob such as github.classic-pat, stripe or generic.* (lower case) (received "NotAnId")',
        'detectors.custom: must be array (received 5)',
        "allowlist[0]: must have required property 'reason'",
        'allowlist[1].fingerprints[0]: must be a finding fingerprint: 32 lower-case hex characters (from the JSON or SARIF output) (received a string of 3 characters, not shown)',
        'allowlist[1].reason: must NOT have fewer than 3 characters (received "ok")',
        'policy.limits[0].maxPrivilege: must be one of public, read, write, destructive, admin (received "root")',
        'allowlist[2].values[0]: not a valid regular expression (Unterminated group)',
        'allowlist[3]: names no paths, pathRegexes, detectors, values, stopwords or fingerprints, so it would match nothing',
      ].sort(),
    );
  });

  it('never prints a token pasted into the wrong key: nothing of values or fingerprints, other long strings masked', () => {
    const token = githubPat();
    const short = randomAlnum(6);
    const config = [
      'allowlist:',
      '  - reason: pasted the token instead of its fingerprint',
      `    fingerprints: [${token}]`,
      '  - reason: a value pattern that is not a list',
      `    values: ${token}`,
      '  - reason: a short one is hidden too',
      `    fingerprints: [${short}]`,
      `failOn: ${token}`,
      'detectors:',
      `  custom: {a: ${token}}`,
      '',
    ].join('\n');
    const dir = track(tempRepo({ '.tokenscope.yaml': config, 'a.txt': 'x\n' }));
    const run = runCli(['scan', '.'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).not.toContain(token.slice(4, 12));
    expect(run.stderr).not.toContain(short);
    const lines = run.stderr
      .trim()
      .split('\n')
      .map((l) => l.trim().replace(`${join(dir, '.tokenscope.yaml')}: `, ''));
    expect(lines).toContain(
      'allowlist[0].fingerprints[0]: must be a finding fingerprint: 32 lower-case hex characters (from the JSON or SARIF output) (received a string of 40 characters, not shown)',
    );
    expect(lines).toContain('allowlist[1].values: must be array (received a string of 40 characters, not shown)');
    expect(lines).toContain(
      'allowlist[2].fingerprints[0]: must be a finding fingerprint: 32 lower-case hex characters (from the JSON or SARIF output) (received a string of 6 characters, not shown)',
    );
    expect(lines).toContain(`failOn: must be one of error, warning, note, none (received "ghp_…", 40 characters)`);
    expect(lines).toContain('detectors.custom: must be array (received {"a":"ghp_… (40 characters)"})');
  });

  it('a YAML syntax error is one line naming the file', () => {
    const dir = track(tempRepo({ '.tokenscope.yaml': 'failOn: [warning\n', 'a.txt': 'x\n' }));
    const run = runCli(['scan', '.'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/\.tokenscope\.yaml: not valid YAML/);
  });
});

describe('a JSON syntax error never quotes the file', () => {
  // Node 20's JSON.parse message carries a slice of the input: here, the secret.
  it('config, custom detector file and baseline: the problem and its line, not the text', () => {
    const token = githubPat();
    const dir = track(
      tempRepo({
        '.tokenscope.json': `{"failOn": ${token}}`,
        'custom.json': `{"provider": ${token}}`,
        'baseline.json': `{"version": 1, "findings": [${token}]}`,
        'a.txt': 'x\n',
      }),
    );
    const config = runCli(['scan', '.'], { cwd: dir });
    expect(config.status).toBe(2);
    expect(config.stderr.trim()).toBe(
      `tokenscope: ${join(dir, '.tokenscope.json')}: not valid JSON: Unexpected token 'g'`,
    );
    writeFileSync(join(dir, '.tokenscope.json'), '{"detectors": {"custom": ["custom.json"]}}');
    const detectors = runCli(['scan', '.'], { cwd: dir });
    expect(detectors.status).toBe(2);
    expect(detectors.stderr).toMatch(/custom\.json: not valid JSON: Unexpected token 'g'$/m);
    writeFileSync(join(dir, '.tokenscope.json'), '{"baseline": "baseline.json"}');
    const baseline = runCli(['scan', '.'], { cwd: dir });
    expect(baseline.status).toBe(2);
    expect(baseline.stderr.trim()).toBe(
      `tokenscope: ${join(dir, 'baseline.json')}: not valid JSON: Unexpected token 'g'`,
    );
    writeFileSync(join(dir, 'baseline.json'), `{"version": 1,\n "findings": [] "${token}"}`);
    const positioned = runCli(['scan', '.'], { cwd: dir });
    expect(positioned.stderr.trim()).toBe(
      `tokenscope: ${join(dir, 'baseline.json')}: not valid JSON: Expected ',' or '}' after property value in JSON at line 2 column 17`,
    );
    for (const run of [config, detectors, baseline, positioned]) expect(run.stderr).not.toContain(token.slice(4, 12));
  });
});

describe('config keys', () => {
  it('maxFileSize: a larger file is skipped and counted', () => {
    const dir = track(
      tempRepo({
        '.tokenscope.yaml': 'maxFileSize: 1KB\n',
        'big.env': `T=${githubPat()}\n${'#'.repeat(2000)}\n`,
        'small.txt': 'x\n',
      }),
    );
    const { status, report } = scanJson(dir, '.');
    expect(status).toBe(0);
    expect(report.skipped).toContainEqual(expect.objectContaining({ path: 'big.env', reason: 'too-large' }));
  });

  it('exclude: matching paths are not scanned', () => {
    const dir = track(
      tempRepo({
        '.tokenscope.yaml': 'exclude: [fixtures/, "*.snap"]\n',
        'fixtures/a.env': `T=${githubPat()}\n`,
        'x.snap': `T=${githubPat()}\n`,
        'app.env': `T=${githubPat()}\n`,
      }),
    );
    const { report } = scanJson(dir, '.');
    expect(report.findings.map((f) => f.path)).toEqual(['app.env']);
  });

  it('detectors.disable: the detector does not run; an unknown id is an error', () => {
    const dir = track(
      tempRepo({
        '.tokenscope.yaml': 'detectors:\n  disable: [github.classic-pat]\n',
        'app.env': `T=${githubPat()}\n`,
      }),
    );
    const { status, report } = scanJson(dir, '.');
    expect(report.findings).toEqual([]);
    expect(status).toBe(0);
    writeFileSync(join(dir, '.tokenscope.yaml'), 'detectors:\n  disable: [github.no-such-token]\n');
    const run = runCli(['scan', '.'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toMatch(
      /^tokenscope: \S+\.tokenscope\.yaml: detectors\.disable: "github\.no-such-token" is not a detector id or provider( \(did you mean [a-z0-9.-]+\?\))?; `tokenscope detectors` lists them$/,
    );
  });

  it('failOn: sets the exit threshold; --fail-on overrides it', () => {
    const dir = track(tempRepo({ '.tokenscope.yaml': 'failOn: none\n', 'app.env': `T=${githubPat()}\n` }));
    expect(runCli(['scan', '.'], { cwd: dir }).status).toBe(0);
    expect(runCli(['scan', '.', '--fail-on', 'warning'], { cwd: dir }).status).toBe(1);
  });

  it('baseline: a path relative to the config file hides the recorded findings', () => {
    const dir = track(tempRepo({ 'app.env': `T=${githubPat()}\n` }));
    expect(runCli(['baseline', '-o', 'ci/baseline.json'], { cwd: dir }).status).toBe(2); // ci/ does not exist yet
    mkdirSync(join(dir, 'ci'));
    expect(runCli(['baseline', '-o', 'ci/baseline.json'], { cwd: dir }).status).toBe(0);
    writeFiles(dir, { 'ci/.tokenscope.yaml': 'baseline: baseline.json\n' });
    const { status, report } = scanJson(dir, '.', '--config', 'ci/.tokenscope.yaml');
    expect(report.settings.baseline).toBe(join(dir, 'ci', 'baseline.json'));
    expect(report.suppressed.map((s) => s.suppressed.kind)).toEqual(['baseline']);
    expect(status).toBe(0);
  });

  describe('allowlist', () => {
    const tokens = () => ({ docs: githubPat(), app: githubPat(), test: `sk_test_${randomAlnum(24)}` });

    function repoWith(allowlist: string): { dir: string; t: ReturnType<typeof tokens> } {
      const t = tokens();
      const dir = track(
        tempRepo({
          'docs/guide.md': `token: ${t.docs}\n`,
          'app.env': `T=${t.app}\nS=${t.test}\n`,
          '.tokenscope.yaml': `allowlist:\n${allowlist}`,
        }),
      );
      return { dir, t };
    }

    it('paths', () => {
      const { dir } = repoWith('  - paths: ["docs/**"]\n    reason: documentation examples\n');
      const { report } = scanJson(dir, '.');
      expect(report.findings.map((f) => f.path).sort()).toEqual(['app.env', 'app.env']);
      expect(report.suppressed).toEqual([
        expect.objectContaining({
          path: 'docs/guide.md',
          suppressed: {
            kind: 'allowlist',
            by: 'config .tokenscope.yaml allowlist[0] (paths)',
            reason: 'documentation examples',
          },
        }),
      ]);
    });

    it('detectors', () => {
      const { dir } = repoWith('  - detectors: [stripe.secret-key-test]\n    reason: sandbox keys are fine here\n');
      const { report } = scanJson(dir, '.');
      expect(report.findings.map((f) => f.ruleId)).toEqual(['github.classic-pat', 'github.classic-pat']);
    });

    it('values (a regular expression over the secret, never printed)', () => {
      const t = tokens();
      const dir = track(
        tempRepo({
          'app.env': `T=${t.app}\nS=${t.test}\n`,
          '.tokenscope.yaml': 'allowlist:\n  - values: ["^sk_test_"]\n    reason: test-mode keys\n',
        }),
      );
      const { report } = scanJson(dir, '.');
      expect(report.findings.map((f) => f.ruleId)).toEqual(['github.classic-pat']);
      expect(report.suppressed).toEqual([
        expect.objectContaining({
          suppressed: {
            kind: 'allowlist',
            by: 'config .tokenscope.yaml allowlist[0] (values)',
            reason: 'test-mode keys',
          },
        }),
      ]);
    });

    it('values combined with paths apply only under those paths', () => {
      const t = tokens();
      const dir = track(
        tempRepo({
          'app.env': `S=${t.test}\n`,
          'test/fixture.env': `S=sk_test_${randomAlnum(24)}\n`,
          '.tokenscope.yaml': 'allowlist:\n  - values: ["^sk_test_"]\n    paths: ["test/**"]\n    reason: fixtures\n',
        }),
      );
      const { report } = scanJson(dir, '.');
      expect(report.findings.map((f) => f.path)).toEqual(['app.env']);
      expect(report.suppressed.map((s) => s.path)).toEqual(['test/fixture.env']);
    });

    it('fingerprints', () => {
      const { dir } = repoWith('  - paths: [none/]\n    reason: placeholder\n');
      const before = scanJson(dir, '.').report.findings;
      const target = before.find((f) => f.path === 'docs/guide.md')!;
      writeFileSync(
        join(dir, '.tokenscope.yaml'),
        `allowlist:\n  - fingerprints: [${target.fingerprint}]\n    reason: revoked, kept in the guide\n`,
      );
      const { report } = scanJson(dir, '.');
      expect(report.findings).toHaveLength(before.length - 1);
      expect(report.findings.some((f) => f.fingerprint === target.fingerprint)).toBe(false);
    });
  });
});

describe('custom detectors', () => {
  const detectorYaml = (id: string, pattern: string, positive: string): string =>
    acmeDetectorYaml({ id, pattern, positive: `ACME_KEY=${positive}`, negative: 'ACME_KEY=acme_short' });

  it('a custom detector finds its tokens (paths relative to the config file)', () => {
    const key = `acme_${randomAlnum(32).toLowerCase()}`;
    const dir = track(
      tempRepo({
        '.tokenscope.yaml': 'detectors:\n  custom: [.tokenscope/detectors/]\n',
        // tokenscope:ignore generic.secret -- a detector pattern, not a secret
        '.tokenscope/detectors/acme.yaml': detectorYaml(
          'acme.api-key',
          '(?<![a-z0-9_])(?<secret>acme_[a-z0-9]{32})(?![a-z0-9])',
          `acme_${randomAlnum(32).toLowerCase()}`,
        ),
        'app.env': `ACME_KEY=${key}\n`,
      }),
    );
    const { status, report } = scanJson(dir, '.');
    expect(status).toBe(1);
    // The detector file's own positive example is found too: it is a file in the tree.
    expect(report.findings.map((f) => `${f.ruleId} ${f.path}`)).toEqual([
      'acme.api-key .tokenscope/detectors/acme.yaml',
      'acme.api-key app.env',
    ]);
  });

  it('a pattern with nested repetition is a configuration error naming the file, the detector and the reason', () => {
    const dir = track(
      tempRepo({
        '.tokenscope.yaml': 'detectors:\n  custom: [acme.yaml]\n',
        // tokenscope:ignore generic.secret -- a detector pattern, not a secret
        'acme.yaml': detectorYaml(
          'acme.api-key',
          '(?<secret>acme_(?:[a-z0-9]+_?)+)',
          `acme_${randomAlnum(32).toLowerCase()}`,
        ),
        'app.env': 'ACME_KEY=acme_x\n',
      }),
    );
    const run = runCli(['scan', '.'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      `tokenscope: ${join(dir, '.tokenscope.yaml')}: detectors.custom: custom detectors are invalid (1 problem)`,
    );
    expect(run.stderr).toContain(
      `${join(dir, 'acme.yaml')}: acme.api-key: pattern rejected: nested repetition: "[a-z0-9]+" inside "(?:[a-z0-9]+_?)+"`,
    );
  });

  it('a polynomial pattern (adjacent repetitions) is rejected too, before its examples run', () => {
    const dir = track(
      tempRepo({
        '.tokenscope.yaml': 'detectors:\n  custom: [acme.yaml]\n',
        // Its positive example is itself adversarial: running it would hang the example check.
        'acme.yaml': detectorYaml(
          'acme.slow-key',
          '(?<secret>acme_[a-z]*[a-z]*[a-z]*[0-9])',
          `acme_${'a'.repeat(3000)}`,
        ),
        'app.env': 'x\n',
      }),
    );
    const started = Date.now();
    const run = runCli(['scan', '.'], { cwd: dir, timeout: 20_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /acme\.yaml: acme\.slow-key: pattern rejected: adjacent repetitions "\[a-z\]\*" and "\[a-z\]\*"/,
    );
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});

describe('tokenscope init', () => {
  it('writes a commented starter config that validates, with the schema comment, and refuses to overwrite', () => {
    const dir = track(tempRepo({ 'app.env': `T=${githubPat()}\n` }));
    const first = runCli(['init'], { cwd: dir });
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/wrote \.tokenscope\.yaml/);
    const path = join(dir, '.tokenscope.yaml');
    const text = readFileSync(path, 'utf8');
    expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=\S+config\.schema\.json$/);
    expect(text.split('\n').filter((l) => l.trim().startsWith('#')).length).toBeGreaterThan(15);

    const document = parseYaml(text) as unknown;
    const validate = schemaValidator('config.schema.json');
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
    expect(parseConfig(text, path)).toMatchObject({ failOn: 'warning', maxFileSize: '10MB', exclude: [] });

    // Every "e.g." line, put in place of the line above it, still validates.
    const lines = text.split('\n');
    const examples = lines.flatMap((line, i) => {
      const m = /^(\s*)# e\.g\. (.*)$/.exec(line);
      return m ? [{ i, replacement: `${m[1]}${m[2]}` }] : [];
    });
    expect(examples.length).toBeGreaterThanOrEqual(6);
    for (const { i, replacement } of examples) {
      const variant = [...lines.slice(0, i - 1), replacement, ...lines.slice(i + 1)].join('\n');
      expect(validate(parseYaml(variant)), `${replacement}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }

    // Scanning with the starter config gives the same answer as without one.
    expect(runCli(['scan', '.'], { cwd: dir }).status).toBe(1);

    const mtime = statSync(path).mtimeMs;
    const second = runCli(['init'], { cwd: dir });
    expect(second.status).toBe(2);
    expect(second.stderr.trim()).toBe(
      `tokenscope: ${path}: a configuration file already exists; edit it, or delete it to start over`,
    );
    expect(statSync(path).mtimeMs).toBe(mtime);
  });

  it('refuses when a .json or .yml config is already there, and writes into a named folder', () => {
    const dir = track(tempRepo({ 'svc/.tokenscope.json': '{}\n', 'web/index.html': '<p>\n' }));
    expect(runCli(['init', 'svc'], { cwd: dir }).status).toBe(2);
    expect(runCli(['init', 'web'], { cwd: dir }).status).toBe(0);
    expect(readFileSync(join(dir, 'web', '.tokenscope.yaml'), 'utf8')).toMatch(/^# yaml-language-server/);
  });
});
