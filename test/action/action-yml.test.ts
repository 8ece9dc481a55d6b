// action.yml's structure: what GitHub needs to list and run the Action (name, description,
// branding, documented inputs and outputs, a composite run whose steps all name a shell), and
// that every input reaches the entry point as the INPUT_* variable it reads.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '..', '..');

interface Step {
  name?: string;
  id?: string;
  shell?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
  'working-directory'?: string;
}
interface ActionYml {
  name: string;
  description: string;
  branding: { icon: string; color: string };
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as ActionYml;

describe('action.yml', () => {
  it('has a name, a one-paragraph description and branding', () => {
    expect(action.name).toBe('tokenscope');
    expect(action.description.length).toBeGreaterThan(20);
    expect(action.description.length).toBeLessThanOrEqual(200);
    expect(action.branding).toEqual({ icon: expect.any(String), color: expect.stringMatching(/^(white|black|yellow|blue|green|orange|red|purple|gray-dark)$/) });
  });

  it('declares the inputs with descriptions and the documented defaults', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(['baseline', 'config', 'fail-on', 'fingerprint-key', 'history', 'path', 'sarif']);
    for (const [name, input] of Object.entries(action.inputs)) {
      expect(input.description, name).toMatch(/\S{3}/);
      expect(input.required ?? false, name).toBe(false);
    }
    expect(action.inputs['path']!.default).toBe('.');
    expect(action.inputs['fail-on']!.default).toBe('warning');
    expect(action.inputs['sarif']!.default).toBe('tokenscope.sarif');
    for (const name of ['config', 'baseline', 'history', 'fingerprint-key']) expect(action.inputs[name]!.default).toBe('');
  });

  it('declares the outputs with descriptions and values from the scan step', () => {
    expect(Object.keys(action.outputs).sort()).toEqual(['findings', 'sarif']);
    for (const [name, output] of Object.entries(action.outputs)) {
      expect(output.description).toMatch(/\S{3}/);
      expect(output.value).toBe(`\${{ steps.scan.outputs.${name} }}`);
    }
  });

  it('runs as a composite whose steps all name a shell: build from the checkout, then the entry point', () => {
    expect(action.runs.using).toBe('composite');
    expect(action.runs.steps.length).toBeGreaterThanOrEqual(2);
    for (const step of action.runs.steps) {
      expect(step.run, step.name).toBeDefined();
      expect(step.shell, step.name).toBe('bash');
    }
    const build = action.runs.steps[0]!;
    expect(build['working-directory']).toBe('${{ github.action_path }}');
    expect(build.run).toContain('npm ci --no-audit --no-fund');
    expect(build.run).toContain('npm run build');
    const scanStep = action.runs.steps.find((s) => s.id === 'scan')!;
    expect(scanStep.run).toMatch(/^node "\$GITHUB_ACTION_PATH\/dist\/action\/main\.js"$/);
  });

  it('passes every input to the entry point as INPUT_<NAME> (hyphens kept), never into the script text', () => {
    const scanStep = action.runs.steps.find((s) => s.id === 'scan')!;
    const expected = Object.fromEntries(Object.keys(action.inputs).map((name) => [`INPUT_${name.toUpperCase()}`, `\${{ inputs.${name} }}`]));
    expect(scanStep.env).toEqual(expected);
    for (const step of action.runs.steps) expect(step.run).not.toMatch(/\$\{\{\s*inputs\./);
  });

  it('the entry point exists in the sources, and npm run action:local runs its build', () => {
    expect(readFileSync(join(root, 'src', 'action', 'main.ts'), 'utf8')).toContain('runAction(process.env');
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string>; files: string[] };
    expect(pkg.scripts['action:local']).toBe('node dist/action/main.js');
    expect(pkg.files).toContain('action.yml');
  });
});
