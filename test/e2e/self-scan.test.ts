// The first user of tokenscope is tokenscope: the repository scans clean, with an allowlist that
// covers only the files holding fake secrets on purpose (detector examples, test fixtures).

import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { assertBuilt, runCli } from '../helpers/run-cli.js';

beforeAll(assertBuilt);

it('the repository scans clean apart from its allowlisted fake-secret fixtures', () => {
  const root = join(import.meta.dirname, '..', '..');
  const run = runCli(['scan', root, '--format', 'json'], { timeout: 120_000 });
  const report = JSON.parse(run.stdout) as {
    findings: Array<{ path: string; level: string; ruleId: string }>;
    suppressed: unknown[];
    stats: { suppressed: number };
  };
  const failing = report.findings.filter((f) => f.level !== 'note').map((f) => `${f.path} ${f.ruleId} ${f.level}`);
  expect(failing).toEqual([]);
  expect(run.status).toBe(0);
  expect(report.stats.suppressed).toBeGreaterThan(100);
});
