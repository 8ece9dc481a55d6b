// The second round of configuration through the built binary: `extends` (a shared organisation
// file, an installed package, never a URL), per-detector levels, running only some detectors
// (`detectors.only`, `--detectors`), allowlists by path regex and by stop word with the entry
// that matched in the JSON, and a hostile config in the scanned tree (no hang, one line, nothing
// of a secret printed).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli } from '../helpers/run-cli.js';
import { tempDir, tempRepo, trackTempDirs, writeFiles } from '../helpers/tmp.js';
import { githubPat, randomAlnum } from '../helpers/tokens.js';

beforeAll(assertBuilt);
const track = trackTempDirs();

interface JsonFinding {
  ruleId: string;
  path: string;
  level: string;
  suppressed?: { kind: string; by: string; reason?: string };
}
interface Report {
  settings: { configFile?: string };
  findings: JsonFinding[];
  suppressed: JsonFinding[];
}

function scanJson(cwd: string, ...args: string[]): { status: number; report: Report } {
  const run = runCli(['scan', ...args, '--format', 'json', '--show-suppressed'], { cwd });
  if (run.status === 2) throw new Error(`scan failed: ${run.stderr}`);
  return { status: run.status, report: JSON.parse(run.stdout) as Report };
}

const stripeTest = (): string => `sk_test_${randomAlnum(24)}`;

describe('extends', () => {
  it('a repository config extends a shared file outside the repository and an installed package', () => {
    const outer = track(tempDir());
    writeFiles(outer, {
      'org/tokenscope.yaml':
        'failOn: error\nexclude: [generated/]\ndetectors:\n  levels: { github.classic-pat: error }\n',
    });
    const repo = join(outer, 'repo');
    execFileSync('git', ['init', '-q', repo]);
    writeFiles(repo, {
      'node_modules/@acme/tokenscope-config/package.json':
        '{ "name": "@acme/tokenscope-config", "main": "config.yaml" }\n',
      'node_modules/@acme/tokenscope-config/config.yaml': 'exclude: [fixtures/]\n',
      '.tokenscope.yaml': 'extends: [../org/tokenscope.yaml, "@acme/tokenscope-config"]\nexclude: [vendor/]\n',
      'generated/a.env': `T=${githubPat()}\n`,
      'fixtures/b.env': `T=${githubPat()}\n`,
      'vendor/c.env': `T=${githubPat()}\n`,
      'app.env': `T=${githubPat()}\n`,
    });
    const { status, report } = scanJson(repo, '.');
    // All three exclude lists apply; the org's level and failOn hold.
    expect(report.findings.map((f) => `${f.path} ${f.level}`)).toEqual(['app.env error']);
    expect(status).toBe(1);
  });

  it('a URL is refused in one line, without fetching and without its query', () => {
    const dir = track(
      tempRepo({
        '.tokenscope.yaml': 'extends: https://config.example.com/org.yaml?access_token=abc123def\n',
        'a.txt': 'x\n',
      }),
    );
    const run = runCli(['scan', '.'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('extends https://config.example.com/…: URLs are not fetched');
    expect(run.stderr).not.toContain('abc123def');
  });

  it('a cycle names the files in one line', () => {
    const dir = track(
      tempRepo({
        '.tokenscope.yaml': 'extends: ./ci/base.yaml\n',
        'ci/base.yaml': 'extends: ../.tokenscope.yaml\n',
        'a.txt': 'x\n',
      }),
    );
    const run = runCli(['scan', '.'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe(
      `tokenscope: ${join(dir, '.tokenscope.yaml')}: extends cycle: .tokenscope.yaml → ci/base.yaml → .tokenscope.yaml`,
    );
  });
});

describe('a hostile config in the scanned tree', () => {
  it('extending /dev/zero, a FIFO or a file holding a token: one line each, no hang, no stack trace, no secret', () => {
    const token = githubPat();
    const dir = track(tempRepo({ 'a.txt': 'x\n', 'leak.yaml': `${token}: [\n` }));
    execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
    for (const [target, expected] of [
      ['/dev/zero', '/dev/zero: cannot read config file'],
      ['./pipe.yaml', 'pipe.yaml: cannot read config file'],
      ['./leak.yaml', 'leak.yaml: not valid YAML: '],
    ] as const) {
      writeFileSync(join(dir, '.tokenscope.yaml'), `extends: ${target}\n`);
      const run = runCli(['scan', '.'], { cwd: dir, timeout: 20_000 });
      expect(run.status, target).toBe(2);
      const lines = run.stderr.trim().split('\n');
      expect(lines, target).toHaveLength(1);
      expect(lines[0], target).toContain(expected);
      expect(run.stderr.includes(token)).toBe(false);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe('detector selection and levels', () => {
  function repo(config: string): string {
    return track(tempRepo({ '.tokenscope.yaml': config, 'app.env': `T=${githubPat()}\nS=${stripeTest()}\n` }));
  }

  it('levels: a detector reported at another level, or off; the exit code follows the new level', () => {
    const dir = repo('detectors:\n  levels:\n    github.classic-pat: note\n    stripe: off\n');
    const { status, report } = scanJson(dir, '.');
    expect(report.findings.map((f) => `${f.ruleId} ${f.level}`)).toEqual(['github.classic-pat note']);
    expect(status).toBe(0);
    expect(runCli(['scan', '.', '--fail-on', 'note'], { cwd: dir }).status).toBe(1);
  });

  it('only in the config, and --detectors replacing it (in workers too); globs and providers', () => {
    const dir = repo('detectors:\n  only: [stripe]\n');
    expect(scanJson(dir, '.').report.findings.map((f) => f.ruleId)).toEqual(['stripe.secret-key-test']);
    expect(scanJson(dir, '.', '--detectors', 'github.*').report.findings.map((f) => f.ruleId)).toEqual([
      'github.classic-pat',
    ]);
    expect(
      scanJson(dir, '.', '--detectors', 'github.classic-pat,stripe.*', '--workers', '1')
        .report.findings.map((f) => f.ruleId)
        .sort(),
    ).toEqual(['github.classic-pat', 'stripe.secret-key-test']);
  });

  it('disable takes globs; an unknown id anywhere gets the nearest real one', () => {
    const dir = repo('detectors:\n  disable: ["github.*"]\n');
    expect(scanJson(dir, '.').report.findings.map((f) => f.ruleId)).toEqual(['stripe.secret-key-test']);
    const typo = runCli(['scan', '.', '--detectors', 'github.clasic-pat'], { cwd: dir });
    expect(typo.status).toBe(2);
    expect(typo.stderr.trim()).toBe(
      'tokenscope: --detectors: "github.clasic-pat" is not a detector id or provider (did you mean github.classic-pat?); `tokenscope detectors` lists them',
    );
    expect(runCli(['scan', '.', '--detectors', ' , '], { cwd: dir }).stderr).toContain(
      '--detectors: name at least one detector id',
    );
    writeFileSync(join(dir, '.tokenscope.yaml'), 'detectors:\n  levels: { stripe.secret-key-tset: note }\n');
    const config = runCli(['scan', '.'], { cwd: dir });
    expect(config.status).toBe(2);
    expect(config.stderr.trim()).toBe(
      `tokenscope: ${join(dir, '.tokenscope.yaml')}: detectors.levels: "stripe.secret-key-tset" is not a detector id or provider (did you mean stripe.secret-key-test?); \`tokenscope detectors\` lists them`,
    );
  });

  it('tokenscope detectors shows what the configuration turns off or re-levels (text and JSON)', () => {
    const dir = repo('detectors:\n  disable: [generic.password]\n  levels: { github.classic-pat: error }\n');
    const json = runCli(['detectors', '--format', 'json'], { cwd: dir });
    expect(json.status, json.stderr).toBe(0);
    const rows = JSON.parse(json.stdout) as Array<{ id: string; enabled: boolean; level?: string }>;
    expect(rows.find((r) => r.id === 'generic.password')).toMatchObject({ enabled: false });
    expect(rows.find((r) => r.id === 'github.classic-pat')).toMatchObject({ enabled: true, level: 'error' });
    expect(rows.find((r) => r.id === 'stripe.secret-key-test')?.level).toBeUndefined();
    const one = runCli(['detectors', 'generic.password'], { cwd: dir });
    expect(one.stdout).toContain('config:      off (does not run)');
    const list = runCli(['detectors'], { cwd: dir });
    expect(list.stdout).toMatch(/^github\.classic-pat .*\(level error in config\)$/m);
    expect(list.stdout).toMatch(/; 1 off in the configuration\n$/);
  });
});

describe('allowlist by path regex and stop word', () => {
  it('pathRegexes: a regular expression over the root-relative path; the JSON names the entry and its criteria', () => {
    const dir = track(
      tempRepo({
        '.tokenscope.yaml':
          'allowlist:\n  - pathRegexes: ["^services/[^/]+/testdata/"]\n    reason: recorded fixtures\n',
        'services/billing/testdata/a.env': `T=${githubPat()}\n`,
        'services/billing/src/b.env': `T=${githubPat()}\n`,
      }),
    );
    const { report } = scanJson(dir, '.');
    expect(report.findings.map((f) => f.path)).toEqual(['services/billing/src/b.env']);
    expect(report.suppressed.map((f) => [f.path, f.suppressed])).toEqual([
      [
        'services/billing/testdata/a.env',
        { kind: 'allowlist', by: 'config .tokenscope.yaml allowlist[0] (pathRegexes)', reason: 'recorded fixtures' },
      ],
    ]);
  });

  it('stopwords: a value containing one (any case) is covered; others are reported (in workers too)', () => {
    const marked = `sk_test_${randomAlnum(8)}SandBox${randomAlnum(12)}`;
    const dir = track(
      tempRepo({
        '.tokenscope.yaml':
          'allowlist:\n  - paths: ["**/*.md"]\n    reason: docs\n  - stopwords: [sandbox]\n    detectors: [stripe.secret-key-test]\n    reason: sandbox keys are named so\n',
        'app.env': `S=${marked}\nT=${stripeTest()}\n`,
      }),
    );
    for (const workers of ['0', '1']) {
      const { report } = scanJson(dir, '.', '--workers', workers);
      expect(report.findings).toHaveLength(1);
      expect(report.suppressed.map((f) => f.suppressed)).toEqual([
        {
          kind: 'allowlist',
          by: 'config .tokenscope.yaml allowlist[1] (detectors, stopwords)',
          reason: 'sandbox keys are named so',
        },
      ]);
    }
    // Without the entry both are findings: the stop word, not the shape, covered the first.
    writeFileSync(join(dir, '.tokenscope.yaml'), 'failOn: none\n');
    expect(scanJson(dir, '.').report.findings).toHaveLength(2);
  });

  it('an entry from an extended file is named by that file', () => {
    const dir = track(
      tempRepo({
        'ci/org.yaml': 'allowlist:\n  - paths: [docs/**]\n    reason: org-wide docs\n',
        '.tokenscope.yaml': 'extends: ./ci/org.yaml\n',
        'docs/a.md': `token: ${githubPat()}\n`,
      }),
    );
    expect(scanJson(dir, '.').report.suppressed.map((f) => f.suppressed?.by)).toEqual([
      'config ci/org.yaml allowlist[0] (paths)',
    ]);
  });
});

describe('config errors', () => {
  it('YAML errors give the line and column, in one line naming the file', () => {
    const dir = track(
      tempRepo({ '.tokenscope.yaml': 'failOn: none\nexclude:\n  - dist/\n   - x: *nowhere\n', 'a.txt': 'x\n' }),
    );
    const run = runCli(['scan', '.'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toMatch(
      new RegExp(
        `^tokenscope: ${join(dir, '.tokenscope.yaml').replace(/[.]/g, '\\.')}: not valid YAML: .+ at line \\d+ column \\d+$`,
      ),
    );
  });

  it('detector ids and level names are shown as written; a token in their place is masked', () => {
    const token = githubPat();
    const dir = track(
      tempRepo({ '.tokenscope.yaml': `failOn: warnings\ndetectors:\n  only: [Stripe, ${token}]\n`, 'a.txt': 'x\n' }),
    );
    const run = runCli(['scan', '.'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('failOn: must be one of error, warning, note, none (received "warnings")');
    expect(run.stderr).toContain(
      'detectors.only[0]: must be a detector id, provider or glob such as github.classic-pat, stripe or generic.* (lower case) (received "Stripe")',
    );
    expect(run.stderr.includes(token)).toBe(false);
  });
});
