// action.yml's structure: what GitHub needs to list and run the Action (name, description,
// branding, documented inputs and outputs) and a JavaScript action on node24 whose entry is the
// committed bundle: no install or build step at run time.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '..', '..');

interface ActionYml {
  name: string;
  description: string;
  branding: { icon: string; color: string };
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string; value?: string }>;
  runs: Record<string, unknown>;
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

  it('declares the outputs the entry point writes, with descriptions and no composite `value`', () => {
    expect(Object.keys(action.outputs).sort()).toEqual(['findings', 'sarif']);
    for (const output of Object.values(action.outputs)) {
      expect(output.description).toMatch(/\S{3}/);
      expect(output.value).toBeUndefined();
    }
  });

  it('is a JavaScript action on node24 running the committed bundle, with no steps, pre or post', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'action/main.js' });
    expect(existsSync(join(root, 'action', 'main.js'))).toBe(true);
    expect(readFileSync(join(root, 'src', 'action', 'main.ts'), 'utf8')).toContain('runAction(process.env');
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string>; files: string[] };
    expect(pkg.scripts['action:local']).toBe('node action/main.js');
    expect(pkg.files).toContain('action.yml');
  });
});
