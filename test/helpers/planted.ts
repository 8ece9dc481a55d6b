// The shape of an end-to-end recall test: plant one fake secret per file (beside references and
// made-up values that must stay out), scan the repository through the built CLI, and check that
// each is found at warning or error on its line, nothing else is, and no secret is printed.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { assertBuilt, runCli } from './run-cli.js';
import { removeDir, tempRepo } from './tmp.js';

export interface PlantedFinding {
  path: string;
  line: number;
  level: string;
  ruleId: string;
  provider: string;
}

/**
 * Registers the scan and the three checks inside the calling `describe`; `alsoExpected` lists
 * other `path:line` entries that may be reported. Returns the findings, for further checks.
 */
export function checkPlantedSecrets(
  files: Record<string, string>,
  secrets: Record<string, string>,
  alsoExpected: readonly string[] = [],
): () => PlantedFinding[] {
  let dir = '';
  let findings: PlantedFinding[] = [];
  let output = '';
  const lineOf = (path: string): number => files[path]!.split('\n').findIndex((l) => l.includes(secrets[path]!)) + 1;

  beforeAll(() => {
    assertBuilt();
    dir = tempRepo(files);
    const run = runCli(['scan', dir, '--format', 'json']);
    expect(run.status).toBe(1);
    output = run.stdout + run.stderr;
    findings = JSON.parse(run.stdout).findings as PlantedFinding[];
  });
  afterAll(() => removeDir(dir));

  it.for(Object.keys(secrets))('finds the credential in %s at warning or error, on its line', (path) => {
    const hit = findings.filter((f) => f.path === path && f.line === lineOf(path) && f.level !== 'note');
    expect(hit.length).toBeGreaterThan(0);
  });

  it('reports nothing at warning or error for the references and made-up values beside them', () => {
    const expected = new Set([...Object.keys(secrets).map((path) => `${path}:${lineOf(path)}`), ...alsoExpected]);
    const live = findings.filter((f) => f.level !== 'note');
    expect(
      live.filter((f) => !expected.has(`${f.path}:${f.line}`)).map((f) => `${f.path}:${f.line} ${f.ruleId}`),
    ).toEqual([]);
  });

  it('never prints a full secret', () => {
    // Compared as booleans so a failure never prints the (fake) secret.
    expect(Object.values(secrets).some((s) => output.includes(s))).toBe(false);
  });

  return () => findings;
}
