// The baseline round trip with the built binary in a temporary repository: record, hide, follow
// a moved secret, still catch a different one on the same line, report and prune stale entries.
// Also the file's shape: sorted, no line numbers or timestamps, schema-valid, reasons kept.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaValidator } from '../../src/util/ajv.js';
import { assertBuilt, runCli } from '../helpers/run-cli.js';
import { removeDir, tempRepo } from '../helpers/tmp.js';
import { githubPat } from '../helpers/tokens.js';

const dirs: string[] = [];
beforeAll(assertBuilt);
afterAll(() => dirs.forEach(removeDir));

const BASELINE = '.tokenscope-baseline.json';

function repo(files: Record<string, string>): string {
  const dir = tempRepo(files);
  dirs.push(dir);
  return dir;
}

interface BaselineDoc {
  version: number;
  findings: Array<{ ruleId: string; path: string; fingerprint: string; reason?: string }>;
}

function readDoc(dir: string): BaselineDoc {
  return JSON.parse(readFileSync(join(dir, BASELINE), 'utf8')) as BaselineDoc;
}

function lines(count: number): string {
  return Array.from({ length: count }, (_, i) => `# filler line ${i + 1}`).join('\n');
}

describe('baseline round trip', () => {
  it('hides a recorded secret, follows it when it moves, catches a new one on its line, and reports and prunes it once gone', () => {
    const token = githubPat();
    const dir = repo({ 'deploy/settings.py': `NAME = "app"\nTOKEN = "${token}"\n` });

    expect(runCli(['scan', '.'], { cwd: dir }).status).toBe(1);
    const record = runCli(['baseline', '-o', BASELINE], { cwd: dir });
    expect(record.status).toBe(0);
    expect(record.stderr).toMatch(/1 current finding recorded \(1 new\)/);
    expect(`${record.stdout}${record.stderr}`.includes(token)).toBe(false);

    const hidden = runCli(['scan', '.', '--baseline', BASELINE], { cwd: dir });
    expect(hidden.status).toBe(0);
    expect(hidden.stdout).toMatch(/0 findings/);
    expect(hidden.stdout).toMatch(/1 suppressed/);

    // Move the secret 20 lines down: still hidden (no line numbers in the baseline).
    writeFileSync(join(dir, 'deploy/settings.py'), `NAME = "app"\n${lines(20)}\nTOKEN = "${token}"\n`);
    const moved = runCli(['scan', '.', '--baseline', BASELINE, '--format', 'json'], { cwd: dir });
    expect(moved.status).toBe(0);
    const movedReport = JSON.parse(moved.stdout) as { stats: { suppressed: number }; staleBaseline: unknown[] };
    expect(movedReport.stats.suppressed).toBe(1);
    expect(movedReport.staleBaseline).toEqual([]);

    // A second, different secret on the baselined line is reported.
    const other = githubPat();
    writeFileSync(
      join(dir, 'deploy/settings.py'),
      `NAME = "app"\n${lines(20)}\nTOKEN = "${token}"; OTHER = "${other}"\n`,
    );
    const added = runCli(['scan', '.', '--baseline', BASELINE, '--format', 'json'], { cwd: dir });
    expect(added.status).toBe(1);
    const addedReport = JSON.parse(added.stdout) as {
      findings: Array<{ line: number; redacted: string }>;
      stats: { suppressed: number };
    };
    expect(addedReport.findings).toHaveLength(1);
    expect(addedReport.findings[0]!.line).toBe(22);
    expect(addedReport.findings[0]!.redacted).toBe(`${other.slice(0, 8)}…`);
    expect(addedReport.stats.suppressed).toBe(1);

    // Remove the secret: its entry is stale, in text and JSON.
    writeFileSync(join(dir, 'deploy/settings.py'), `NAME = "app"\n`);
    const text = runCli(['scan', '.', '--baseline', BASELINE], { cwd: dir });
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/Stale baseline entries \(1\)/);
    expect(text.stdout).toMatch(/deploy\/settings\.py\s+github\.classic-pat\s+[0-9a-f]{32}/);
    const json = runCli(['scan', '.', '--baseline', BASELINE, '--format', 'json'], { cwd: dir });
    const stale = (
      JSON.parse(json.stdout) as { staleBaseline: Array<{ ruleId: string; path: string; fingerprint: string }> }
    ).staleBaseline;
    expect(stale).toEqual([
      { ruleId: 'github.classic-pat', path: 'deploy/settings.py', fingerprint: readDoc(dir).findings[0]!.fingerprint },
    ]);

    // --prune-baseline rewrites the file without it; a second scan has nothing stale.
    const prune = runCli(['scan', '.', '--baseline', BASELINE, '--prune-baseline'], { cwd: dir });
    expect(prune.status).toBe(0);
    expect(prune.stderr).toMatch(/1 stale entry removed/);
    expect(readDoc(dir)).toEqual({ version: 1, findings: [] });
    const after = runCli(['scan', '.', '--baseline', BASELINE, '--format', 'json'], { cwd: dir });
    expect((JSON.parse(after.stdout) as { staleBaseline: unknown[] }).staleBaseline).toEqual([]);
  });

  it('an entry for a file skipped this time (too large) is not stale, so --prune-baseline keeps it', () => {
    const dir = repo({ 'big.env': `T=${githubPat()}\n${'#'.repeat(4000)}\n` });
    expect(runCli(['baseline', '-o', BASELINE], { cwd: dir }).status).toBe(0);
    const run = runCli(
      ['scan', '.', '--baseline', BASELINE, '--max-file-size', '1KB', '--format', 'json', '--prune-baseline'],
      { cwd: dir },
    );
    expect(run.status).toBe(0);
    expect((JSON.parse(run.stdout) as { staleBaseline: unknown[] }).staleBaseline).toEqual([]);
    expect(readDoc(dir).findings).toHaveLength(1);
  });

  it('--prune-baseline keeps live entries and their reasons, and needs --baseline', () => {
    const [a, b] = [githubPat(), githubPat()];
    const dir = repo({ 'a.env': `A=${a}\n`, 'b.env': `B=${b}\n` });
    expect(runCli(['baseline', '-o', BASELINE], { cwd: dir }).status).toBe(0);
    const doc = readDoc(dir);
    doc.findings[0]!.reason = 'rotated, kept as a parser fixture';
    writeFileSync(join(dir, BASELINE), JSON.stringify(doc));
    writeFileSync(join(dir, 'b.env'), 'B=\n');
    expect(runCli(['scan', '.', '--baseline', BASELINE, '--prune-baseline'], { cwd: dir }).status).toBe(0);
    expect(readDoc(dir).findings).toEqual([{ ...doc.findings[0]!, path: 'a.env' }]);

    const missing = runCli(['scan', '.', '--prune-baseline'], { cwd: dir });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/--prune-baseline needs --baseline FILE/);
    for (const source of ['--staged', '--history']) {
      const partial = runCli(['scan', source, '--baseline', BASELINE, '--prune-baseline'], { cwd: dir });
      expect(partial.status).toBe(2);
      expect(partial.stderr).toMatch(/--prune-baseline needs a working-tree scan, not --staged or --history/);
    }
  });
});

describe('baseline file', () => {
  it('is sorted, has no line numbers or timestamps, validates against the schema, and keeps existing entries and reasons on re-run', () => {
    const tokens = [githubPat(), githubPat(), githubPat()];
    const dir = repo({
      'z/last.env': `T=${tokens[0]}\n`,
      'a/first.env': `\n\nT=${tokens[1]}\n`,
      'm/middle.py': `t = "${tokens[2]}"\n`,
    });
    expect(runCli(['baseline', '-o', BASELINE], { cwd: dir }).status).toBe(0);
    const raw = readFileSync(join(dir, BASELINE), 'utf8');
    for (const token of tokens) expect(raw.includes(token)).toBe(false);
    const doc = JSON.parse(raw) as BaselineDoc;
    expect(doc.version).toBe(1);
    expect(doc.findings.map((f) => f.path)).toEqual(['a/first.env', 'm/middle.py', 'z/last.env']);
    for (const entry of doc.findings) expect(Object.keys(entry).sort()).toEqual(['fingerprint', 'path', 'ruleId']);
    expect(raw).not.toMatch(/"(?:line|startLine|column|date|time|timestamp|generated\w*)"/i);
    expect(raw).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    const validate = schemaValidator('baseline.schema.json');
    expect(validate(doc)).toBe(true);

    // Re-running is byte-for-byte stable.
    expect(runCli(['baseline', '-o', BASELINE], { cwd: dir }).status).toBe(0);
    expect(readFileSync(join(dir, BASELINE), 'utf8')).toBe(raw);

    // A reason survives a re-run, and an entry whose secret is gone is kept (merge, not replace).
    doc.findings[1]!.reason = 'test fixture, revoked';
    writeFileSync(join(dir, BASELINE), JSON.stringify(doc, null, 2));
    writeFileSync(join(dir, 'z/last.env'), 'T=\n');
    const fourth = githubPat();
    writeFileSync(join(dir, 'b.env'), `T=${fourth}\n`);
    const rerun = runCli(['baseline', '-o', BASELINE], { cwd: dir });
    expect(rerun.status).toBe(0);
    expect(rerun.stderr).toMatch(/3 current findings recorded \(1 new\)/);
    const merged = readDoc(dir);
    expect(merged.findings.map((f) => f.path)).toEqual(['a/first.env', 'b.env', 'm/middle.py', 'z/last.env']);
    expect(merged.findings.find((f) => f.path === 'm/middle.py')!.reason).toBe('test fixture, revoked');
    expect(validate(merged)).toBe(true);

    // baseline --prune drops the gone one and still keeps the reason.
    expect(runCli(['baseline', '-o', BASELINE, '--prune'], { cwd: dir }).status).toBe(0);
    const pruned = readDoc(dir);
    expect(pruned.findings.map((f) => f.path)).toEqual(['a/first.env', 'b.env', 'm/middle.py']);
    expect(pruned.findings.find((f) => f.path === 'm/middle.py')!.reason).toBe('test fixture, revoked');
  });

  it('a baseline named in the config keeps hiding its findings, and `baseline --prune` keeps those entries', () => {
    const token = githubPat();
    const dir = repo({ 'app.env': `T=${token}\n` });
    expect(runCli(['baseline', '-o', BASELINE], { cwd: dir }).status).toBe(0);
    writeFileSync(join(dir, '.tokenscope.yaml'), `baseline: ${BASELINE}\n`);
    expect(runCli(['scan', '.'], { cwd: dir }).status).toBe(0);
    expect(runCli(['baseline', '-o', BASELINE, '--prune'], { cwd: dir }).status).toBe(0);
    expect(readDoc(dir).findings).toHaveLength(1);
  });

  it('an invalid baseline file is a one-line configuration error naming it (exit 2)', () => {
    const dir = repo({ 'a.txt': 'x\n', [BASELINE]: '{"version": 1, "findings": [{"ruleId": "x", "path": ""}]}' });
    const run = runCli(['scan', '.', '--baseline', BASELINE], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')[0]).toMatch(/\.tokenscope-baseline\.json: invalid baseline/);
    expect(run.stderr).toMatch(/findings\[0\]: must have required property 'fingerprint'/);
    expect(run.stderr).toMatch(/findings\[0\]\.path: must NOT have fewer than 1 characters \(received ""\)/);
  });

  it('a token pasted as a fingerprint is never printed back', () => {
    const token = githubPat();
    const doc = { version: 1, findings: [{ ruleId: 'github.classic-pat', path: 'a.env', fingerprint: token }] };
    const dir = repo({ 'a.txt': 'x\n', [BASELINE]: JSON.stringify(doc) });
    const run = runCli(['scan', '.', '--baseline', BASELINE], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).not.toContain(token.slice(4, 12));
    expect(run.stderr).toMatch(
      /findings\[0\]\.fingerprint: must match pattern "\^\[0-9a-f\]\{32\}\$" \(received a string of 40 characters, not shown\)/,
    );
  });
});
