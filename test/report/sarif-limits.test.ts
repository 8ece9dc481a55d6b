// GitHub code scanning's limits: repeated occurrences of one secret in one file are one SARIF
// result with several locations (at most maxLocations), and a run keeps at most maxResults
// results, the most severe, saying so. Small limits are injected; the real ones are 1,000 and 25,000.
import { beforeAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/pipeline/scan.js';
import { formatSarif, groupOccurrences, planSarifResults } from '../../src/report/sarif.js';
import { formatJson, planJsonFindings } from '../../src/report/json.js';
import { compareSeverity, keepMostSevere } from '../../src/report/common.js';
import type { Finding, ScanResult } from '../../src/model/types.js';
import { sarifErrors } from '../helpers/sarif.js';
import { tempDir, trackTempDirs, writeFiles } from '../helpers/tmp.js';
import { githubPat } from '../helpers/tokens.js';

const track = trackTempDirs();
const reused = githubPat();
const other = githubPat();
let result: ScanResult;

beforeAll(async () => {
  const dir = track(tempDir());
  writeFiles(dir, {
    'a.env':
      [1, 2, 3, 4, 5]
        .map((n) => `GITHUB_TOKEN_${n}=${reused}`)
        .concat(`OTHER_TOKEN=${other}`)
        .join('\n') + '\n',
    'b.env': `GITHUB_TOKEN=${reused}\n`,
  });
  result = await scan({ paths: [dir], cwd: dir, workers: 0, config: {} });
});

type SarifRun = {
  results: Array<{
    locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }>;
    properties: Record<string, unknown>;
    level: string;
  }>;
  invocations: Array<{ toolExecutionNotifications?: Array<{ level: string; message: { text: string } }> }>;
  properties: Record<string, unknown>;
};
const runOf = (text: string): SarifRun => (JSON.parse(text) as { runs: SarifRun[] }).runs[0]!;

/** The same result with one finding made less severe, to see which the cap keeps. */
function withLevel(source: ScanResult, path: string, level: Finding['level'], securitySeverity: number): ScanResult {
  return { ...source, findings: source.findings.map((f) => (f.path === path ? { ...f, level, securitySeverity } : f)) };
}

describe('grouping occurrences', () => {
  it('one result per secret per file, its locations in line order', () => {
    expect(result.findings).toHaveLength(7);
    const groups = groupOccurrences(result.findings);
    expect(groups.map((g) => [g.representative.path, g.occurrences.length])).toEqual([
      ['a.env', 5],
      ['a.env', 1],
      ['b.env', 1],
    ]);
    const run = runOf(formatSarif(result));
    expect(sarifErrors(JSON.parse(formatSarif(result)))).toEqual([]);
    expect(run.results[0]!.locations.map((l) => l.physicalLocation.region.startLine)).toEqual([1, 2, 3, 4, 5]);
    expect(run.results[0]!.properties['occurrences']).toBe(5);
    expect(run.results[1]!.properties['occurrences']).toBeUndefined();
    expect(run.properties['truncated']).toBeUndefined();
  });

  it('a result that reaches maxLocations is closed and the next copy starts another', () => {
    const groups = groupOccurrences(result.findings, 2);
    expect(groups.map((g) => g.occurrences.map((f) => f.line))).toEqual([[1, 2], [3, 4], [5], [6], [1]]);
    const run = runOf(formatSarif(result, { maxLocations: 2 }));
    expect(run.results.map((r) => r.locations.length)).toEqual([2, 2, 1, 1, 1]);
  });

  it('the most severe occurrence speaks for the result', () => {
    const lowered = {
      ...result,
      findings: result.findings.map((f) => (f.line === 1 ? { ...f, level: 'note' as const, securitySeverity: 1 } : f)),
    };
    const [first] = groupOccurrences(lowered.findings);
    expect(first!.occurrences[0]!.level).toBe('note');
    expect(first!.representative.level).not.toBe('note');
  });

  it('JSON stays one finding per occurrence', () => {
    expect((JSON.parse(formatJson(result)) as { findings: unknown[] }).findings).toHaveLength(7);
  });
});

describe('the result cap', () => {
  it('keeps the most severe results, in report order, and says so in the run and its notifications', () => {
    const mixed = withLevel(result, 'b.env', 'note', 0.5);
    const plan = planSarifResults(mixed, { maxResults: 2 });
    expect(plan.truncated).toEqual({ limit: 2, total: 3, listed: 2, omittedFindings: 1 });
    expect(plan.groups.map((g) => g.representative.path)).toEqual(['a.env', 'a.env']);
    const text = formatSarif(mixed, { maxResults: 2 });
    expect(sarifErrors(JSON.parse(text))).toEqual([]);
    const run = runOf(text);
    expect(run.results).toHaveLength(2);
    expect(run.properties['truncated']).toEqual(plan.truncated);
    const notes = run.invocations[0]!.toolExecutionNotifications ?? [];
    expect(notes.some((n) => n.level === 'warning' && /3 results exceed the limit of 2/.test(n.message.text))).toBe(
      true,
    );
  });

  it('counts the locations a dropped result carried as omitted findings', () => {
    const mixed = withLevel(result, 'a.env', 'note', 0.5);
    // a.env's two results are notes now; the cap of 1 keeps b.env's and drops 6 occurrences.
    expect(planSarifResults(mixed, { maxResults: 1 }).truncated).toEqual({
      limit: 1,
      total: 3,
      listed: 1,
      omittedFindings: 6,
    });
  });

  it('JSON caps findings the same way, with a truncated field, when asked', () => {
    const mixed = withLevel(result, 'b.env', 'note', 0.5);
    expect(planJsonFindings(mixed).truncated).toBeUndefined();
    const json = JSON.parse(formatJson(mixed, { maxFindings: 6 })) as {
      findings: Finding[];
      truncated: unknown;
      stats: { findings: number };
    };
    expect(json.findings.map((f) => f.path)).toEqual(Array(6).fill('a.env'));
    expect(json.truncated).toEqual({ limit: 6, total: 7, listed: 6, omittedFindings: 1 });
    // The stats still count every finding: they decide the exit code.
    expect(json.stats.findings).toBe(7);
  });

  it('keepMostSevere: unsuppressed, then level, then security-severity; ties keep the earlier', () => {
    const f = (level: Finding['level'], securitySeverity: number, suppressed = false) =>
      ({
        level,
        securitySeverity,
        ...(suppressed ? { suppressed: { kind: 'baseline', by: 'baseline.json' } } : {}),
      }) as Finding;
    const items = [f('note', 9), f('error', 5, true), f('warning', 2), f('error', 5), f('error', 8), f('error', 5)];
    expect(keepMostSevere(items, 3, compareSeverity)).toEqual([items[3], items[4], items[5]]);
    expect(keepMostSevere(items, 10, compareSeverity)).toEqual(items);
  });
});
