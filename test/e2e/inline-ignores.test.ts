// Inline ignores through the built binary: what an ignore with and without a detector id may
// hide, other scanners' markers, --show-suppressed (text and JSON), the suppressed count in the
// summary, and --report-unused-ignores.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli } from '../helpers/run-cli.js';
import { removeDir, tempRepo } from '../helpers/tmp.js';
import { githubPat, randomAlnum } from '../helpers/tokens.js';

const dirs: string[] = [];
beforeAll(assertBuilt);
afterAll(() => dirs.forEach(removeDir));

function repo(files: Record<string, string>): string {
  const dir = tempRepo(files);
  dirs.push(dir);
  return dir;
}

interface JsonFinding {
  ruleId: string;
  line: number;
  reasons: string[];
  suppressed?: { kind: string; by: string; reason?: string };
}
interface JsonReport {
  findings: JsonFinding[];
  suppressed: JsonFinding[];
  stats: { suppressed: number; findings: number };
  unusedIgnores: Array<{ path: string; line: number; text: string }>;
}

function json(dir: string, ...flags: string[]): { status: number; report: JsonReport; raw: string } {
  const run = runCli(['scan', '.', '--format', 'json', ...flags], { cwd: dir });
  return { status: run.status, report: JSON.parse(run.stdout) as JsonReport, raw: run.stdout + run.stderr };
}

/** A Stripe test-mode key: privilege write, environment test, so an anonymous ignore may hide it. */
function stripeTestKey(): string {
  return `sk_test_${randomAlnum(24)}`;
}

describe('what an ignore may hide', () => {
  it('an ignore without a detector id does not hide a destructive GitHub PAT; the finding explains why', () => {
    const token = githubPat();
    const dir = repo({ 'app.py': `TOKEN = "${token}"  # tokenscope:ignore -- test value\n` });
    const { status, report, raw } = json(dir);
    expect(status).toBe(1);
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]!.reasons.join('\n')).toMatch(
      /not suppressed: "tokenscope:ignore" without a detector id cannot hide an admin, destructive or production credential \(write "tokenscope:ignore github\.classic-pat -- <reason>"\)/,
    );
    expect(raw.includes(token)).toBe(false);
    const text = runCli(['scan', '.'], { cwd: dir });
    expect(text.stdout).toMatch(/not suppressed: "tokenscope:ignore" without a detector id/);
  });

  it('gitleaks:allow and secretlint-disable-line do not hide it either', () => {
    const dir = repo({
      'a.py': `A = "${githubPat()}"  # gitleaks:allow\n`,
      'b.js': `const b = "${githubPat()}"; // secretlint-disable-line\n`,
    });
    const { status, report } = json(dir);
    expect(status).toBe(1);
    expect(report.findings).toHaveLength(2);
  });

  it('an ignore naming the detector hides it, on the line and on the line above', () => {
    const dir = repo({
      'same.py': `TOKEN = "${githubPat()}"  # tokenscope:ignore github.classic-pat -- revoked fixture\n`,
      'above.ts': `// tokenscope:ignore github.classic-pat -- revoked fixture\nconst token = "${githubPat()}";\n`,
    });
    const { status, report } = json(dir, '--show-suppressed');
    expect(status).toBe(0);
    expect(report.findings).toEqual([]);
    expect(report.stats.suppressed).toBe(2);
    expect(report.suppressed.map((f) => f.suppressed)).toEqual([
      { kind: 'inline', by: 'tokenscope:ignore github.classic-pat (line 1)', reason: 'revoked fixture' },
      { kind: 'inline', by: 'tokenscope:ignore github.classic-pat (line 1)', reason: 'revoked fixture' },
    ]);
  });

  it('an ignore naming another detector hides nothing', () => {
    const dir = repo({
      'app.py': `TOKEN = "${githubPat()}"  # tokenscope:ignore stripe.secret-key-live -- wrong id\n`,
    });
    const { status, report } = json(dir);
    expect(status).toBe(1);
    expect(report.stats.suppressed).toBe(0);
  });

  it('a live production key needs the id too: rk_live_ is hidden only by a named ignore', () => {
    const key = `rk_live_${randomAlnum(24)}`;
    const anonymous = repo({ 'billing.py': `# tokenscope:ignore\nSTRIPE_KEY = "${key}"\n` });
    const a = json(anonymous);
    expect(a.status).toBe(1);
    expect(a.report.findings[0]!.reasons.join('\n')).toMatch(/without a detector id cannot hide/);
    const named = repo({
      'billing.py': `# tokenscope:ignore stripe.restricted-key-live -- read-only reporting key\nSTRIPE_KEY = "${key}"\n`,
    });
    expect(json(named).status).toBe(0);
  });

  it('an ignore without an id hides a test-mode key, in every comment syntax and with the other markers', () => {
    const files: Record<string, string> = {
      'hash.py': `KEY = "${stripeTestKey()}"  # tokenscope:ignore\n`,
      'slash.ts': `const key = "${stripeTestKey()}"; // tokenscope:ignore -- sandbox\n`,
      'block.c': `const char *key = "${stripeTestKey()}"; /* tokenscope:ignore */\n`,
      'page.html': `<!-- tokenscope:ignore -->\n<div data-key="${stripeTestKey()}"></div>\n`,
      'query.sql': `-- tokenscope:ignore\nINSERT INTO keys VALUES ('${stripeTestKey()}');\n`,
      'settings.ini': `; tokenscope:ignore\nkey = ${stripeTestKey()}\n`,
      'gitleaks.rb': `KEY = "${stripeTestKey()}" # gitleaks:allow\n`,
      'secretlint.js': `const key = "${stripeTestKey()}"; // secretlint-disable-line\n`,
    };
    const dir = repo(files);
    const { status, report } = json(dir, '--show-suppressed');
    expect(report.findings).toEqual([]);
    expect(status).toBe(0);
    expect(report.stats.suppressed).toBe(Object.keys(files).length);
    expect(report.suppressed).toHaveLength(Object.keys(files).length);
    expect(report.suppressed.every((f) => f.suppressed?.kind === 'inline')).toBe(true);
  });
});

describe('--show-suppressed and the summary', () => {
  it('text: the summary counts suppressed findings; --show-suppressed lists them with who hid them and why', () => {
    const dir = repo({ 'app.py': `KEY = "${stripeTestKey()}"  # tokenscope:ignore -- sandbox only\n` });
    const plain = runCli(['scan', '.'], { cwd: dir });
    expect(plain.status).toBe(0);
    expect(plain.stdout).toMatch(/0 findings: .*; 1 suppressed/);
    expect(plain.stdout).not.toMatch(/Suppressed/);
    const shown = runCli(['scan', '.', '--show-suppressed'], { cwd: dir });
    expect(shown.stdout).toMatch(/^Suppressed$/m);
    expect(shown.stdout).toMatch(/app\.py/);
    expect(shown.stdout).toMatch(/suppressed by tokenscope:ignore \(line 1\): sandbox only/);
  });

  it('JSON: suppressed findings are counted always and listed only with --show-suppressed', () => {
    const dir = repo({ 'app.py': `KEY = "${stripeTestKey()}"  # tokenscope:ignore\n` });
    const hidden = json(dir);
    expect(hidden.report.stats.suppressed).toBe(1);
    expect(hidden.report.suppressed).toEqual([]);
    const shown = json(dir, '--show-suppressed');
    expect(shown.report.suppressed).toHaveLength(1);
    expect(shown.report.suppressed[0]).toMatchObject({
      ruleId: 'stripe.secret-key-test',
      line: 1,
      suppressed: { kind: 'inline' },
    });
  });
});

describe('--report-unused-ignores', () => {
  it('lists ignores that hid nothing: on a clean line, naming another detector, or refused for a destructive token', () => {
    const dir = repo({
      'used.py': `KEY = "${stripeTestKey()}"  # tokenscope:ignore\n`,
      'clean.py': `x = 1  # tokenscope:ignore -- nothing here any more\n`,
      'wrong.py': `KEY = "${stripeTestKey()}"  # tokenscope:ignore github.classic-pat\n`,
      'refused.py': `TOKEN = "${githubPat()}"  # tokenscope:ignore\n`,
    });
    const text = runCli(['scan', '.', '--report-unused-ignores'], { cwd: dir });
    expect(text.stdout).toMatch(/Unused ignore comments \(3\): they hide nothing/);
    expect(text.stdout).toMatch(/clean\.py:1\s+tokenscope:ignore -- nothing here any more/);
    expect(text.stdout).toMatch(/wrong\.py:1\s+tokenscope:ignore github\.classic-pat/);
    expect(text.stdout).toMatch(/refused\.py:1/);
    expect(text.stdout).not.toMatch(/^ {2}used\.py:1/m);
    const withoutFlag = runCli(['scan', '.'], { cwd: dir });
    expect(withoutFlag.stdout).not.toMatch(/Unused ignore comments/);
    const { report } = json(dir, '--report-unused-ignores');
    expect(report.unusedIgnores.map((u) => `${u.path}:${u.line}`).sort()).toEqual([
      'clean.py:1',
      'refused.py:1',
      'wrong.py:1',
    ]);
  });

  it('an ignore whose finding the baseline already hides is still in use', () => {
    const key = stripeTestKey();
    const dir = repo({ 'app.py': `KEY = "${key}"\n` });
    expect(runCli(['baseline', '-o', 'base.json'], { cwd: dir }).status).toBe(0);
    writeFileSync(join(dir, 'app.py'), `KEY = "${key}"  # tokenscope:ignore\n`);
    const { report } = json(dir, '--baseline', 'base.json', '--report-unused-ignores', '--show-suppressed');
    expect(report.suppressed.map((f) => f.suppressed?.kind)).toEqual(['baseline']);
    expect(report.unusedIgnores).toEqual([]);
  });
});
