// The reusable organisation workflow and the caller example in docs/org-scan.md pass a GitHub
// workflow validator (@action-validator/cli, from the registry), and wire the shard contract.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { tempDir } from '../helpers/tmp.js';

const root = join(import.meta.dirname, '..', '..');
const validator = join(root, 'node_modules', '@action-validator', 'cli', 'cli.mjs');
const workflowPath = join(root, '.github', 'workflows', 'org-scan.yml');

function validate(file: string): { status: number; output: string } {
  const r = spawnSync(process.execPath, [validator, file], { encoding: 'utf8' });
  return { status: r.status ?? -1, output: `${r.stdout}${r.stderr}` };
}

describe('org-scan reusable workflow', () => {
  it('passes the workflow validator', () => {
    const r = validate(workflowPath);
    expect(r.status, r.output).toBe(0);
  });

  it('the validator rejects a broken workflow (so the check above can fail)', () => {
    const dir = tempDir();
    const broken = join(dir, 'broken.yml');
    writeFileSync(broken, 'on: workflow_call\njobs:\n  plan:\n    runs-on: ubuntu-latest\n    stepz: []\n');
    expect(validate(broken).status).not.toBe(0);
  });

  it('plans, scans a matrix from the plan, and merges even when a shard failed', () => {
    const wf = parse(readFileSync(workflowPath, 'utf8')) as {
      on: { workflow_call: { inputs: Record<string, unknown>; secrets: Record<string, { required: boolean }> } };
      jobs: Record<
        string,
        {
          needs?: string | string[];
          if?: string;
          strategy?: { matrix: string };
          steps: Array<{ run?: string; uses?: string }>;
        }
      >;
    };
    expect(Object.keys(wf.jobs)).toEqual(['plan', 'scan', 'merge']);
    expect(wf.on.workflow_call.secrets['fingerprint-key']!.required).toBe(true);
    expect(wf.jobs['scan']!.strategy!.matrix).toBe('${{ fromJSON(needs.plan.outputs.matrix) }}');
    expect(wf.jobs['merge']!.if).toContain('always()');
    const runs = (job: string): string => wf.jobs[job]!.steps.map((s) => s.run ?? '').join('\n');
    expect(runs('plan')).toContain('org plan');
    expect(runs('scan')).toContain('org scan --shard manifest.json --index "$SHARD"');
    expect(runs('merge')).toContain('org merge results --shard manifest.json');
    for (const job of Object.values(wf.jobs)) {
      for (const step of job.steps) if (step.uses?.startsWith('actions/')) expect(step.uses).toMatch(/@v\d+$/);
    }
  });

  it('the caller example in docs/org-scan.md is a valid workflow', () => {
    const doc = readFileSync(join(root, 'docs', 'org-scan.md'), 'utf8');
    const example = /```yaml\n(name: organisation secret scan[\s\S]*?)```/.exec(doc)?.[1];
    expect(example).toBeDefined();
    expect(example!.trim().split('\n').length).toBeLessThanOrEqual(10);
    const dir = tempDir();
    const file = join(dir, 'caller.yml');
    writeFileSync(file, example!);
    const r = validate(file);
    expect(r.status, r.output).toBe(0);
  });
});
