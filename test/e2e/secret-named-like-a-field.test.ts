// A secret that happens to be (part of) a report field's name — a password `Length`, `confidence`
// or `fingerprint` — is scrubbed from every value it appears in, but must not rename the fields
// themselves: it once took `secretLength`, `confidence` and `fingerprint` out of the findings
// (and with the fingerprint, baselines and SARIF's partialFingerprints).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { assertBuilt, runCli } from '../helpers/run-cli.js';
import { removeDir, tempRepo } from '../helpers/tmp.js';

const dirs: string[] = [];
beforeAll(assertBuilt);
afterAll(() => dirs.forEach(removeDir));

it('keeps every field of a finding whose secret is a field name', () => {
  const dir = tempRepo({ '.env': 'DB_PASSWORD=Length\nDB_PASS=confidence\nPGPASSWORD=fingerprint\n' });
  dirs.push(dir);
  const run = runCli(['scan', dir, '--format', 'json', '--fail-on', 'none']);
  expect(run.status).toBe(0);
  const findings = (JSON.parse(run.stdout) as { findings: Array<Record<string, unknown>> }).findings;
  expect(findings.map((f) => f['line'])).toEqual([1, 2, 3]);
  for (const f of findings) {
    expect(typeof f['secretLength']).toBe('number');
    expect(typeof f['confidence']).toBe('string');
    expect(f['fingerprint']).toMatch(/^[0-9a-f]{32}$/);
    expect(typeof f['tokenType']).toBe('string');
  }
  const sarif = runCli(['scan', dir, '--format', 'sarif', '--fail-on', 'none']);
  const results = (JSON.parse(sarif.stdout) as { runs: Array<{ results: Array<Record<string, unknown>> }> }).runs[0]!
    .results;
  for (const r of results) expect(Object.keys((r['partialFingerprints'] as object) ?? {})).not.toHaveLength(0);
});
