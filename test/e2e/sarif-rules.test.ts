// SARIF results point at their rule by position as well as by id: GitHub code scanning reads
// `ruleIndex` into `run.tool.driver.rules`, so a wrong index files every alert under another
// rule's title and help. A tree with findings from several detectors makes a constant index fail.

import { beforeAll, describe, expect, it } from 'vitest';
import { sarifErrors } from '../helpers/sarif.js';
import { assertBuilt, runCli } from '../helpers/run-cli.js';
import { tempRepo, trackTempDirs } from '../helpers/tmp.js';
import { githubPat, githubPatBadChecksum, randomAlnum } from '../helpers/tokens.js';

beforeAll(assertBuilt);
const track = trackTempDirs();

interface SarifRun {
  tool: { driver: { rules: Array<{ id: string }> } };
  results: Array<{ ruleId: string; ruleIndex: number; suppressions?: unknown[] }>;
}

function sarifOf(dir: string, ...args: string[]): SarifRun {
  const run = runCli(['scan', dir, '--format', 'sarif', ...args]);
  expect(run.status).toBe(1);
  const log = JSON.parse(run.stdout) as { runs: SarifRun[] };
  expect(sarifErrors(log)).toEqual([]);
  expect(log.runs).toHaveLength(1);
  return log.runs[0]!;
}

function expectIndexesMatch(run: SarifRun): void {
  const ids = run.tool.driver.rules.map((r) => r.id);
  expect(run.results.length).toBeGreaterThan(0);
  for (const result of run.results) {
    expect(result.ruleIndex, result.ruleId).toBe(ids.indexOf(result.ruleId));
    expect(run.tool.driver.rules[result.ruleIndex]!.id).toBe(result.ruleId);
  }
  // Each rule once, and only the rules some result references.
  expect(new Set(ids).size).toBe(ids.length);
  expect(new Set(ids)).toEqual(new Set(run.results.map((r) => r.ruleId)));
}

describe('SARIF ruleIndex and the rules list', () => {
  let dir: string;
  beforeAll(() => {
    dir = track(
      tempRepo({
        // Several detectors, some twice, in an order that does not match the rules' order.
        'a.env': `STRIPE_KEY=sk_live_${randomAlnum(24)}\n`,
        'b.env': `GITHUB_TOKEN=${githubPat()}\n`,
        'c.env': `GH=github_pat_${randomAlnum(22)}_${randomAlnum(59)}\n`,
        'd.env': `GITHUB_TOKEN=${githubPatBadChecksum()}\nOTHER_TOKEN=${githubPat()}\n`,
        'e.env': `STRIPE_TEST=sk_test_${randomAlnum(24)}\n`,
      }),
    );
  });

  it('every result’s ruleIndex is the position of its ruleId in run.tool.driver.rules', () => {
    const run = sarifOf(dir);
    expect(run.tool.driver.rules.length).toBeGreaterThanOrEqual(3);
    expect(run.results.length).toBeGreaterThan(run.tool.driver.rules.length);
    expectIndexesMatch(run);
  });

  it('still holds with suppressed findings listed (--show-suppressed)', () => {
    const withIgnores = track(
      tempRepo({
        'a.env': `STRIPE_TEST=sk_test_${randomAlnum(24)} # tokenscope:ignore stripe.secret-key-test -- sandbox\n`,
        'b.env': `GITHUB_TOKEN=${githubPat()}\n`,
        'c.env': `GH=github_pat_${randomAlnum(22)}_${randomAlnum(59)}\n`,
      }),
    );
    const run = sarifOf(withIgnores, '--show-suppressed');
    expect(run.results.filter((r) => r.suppressions !== undefined).length).toBeGreaterThan(0);
    expectIndexesMatch(run);
  });
});
