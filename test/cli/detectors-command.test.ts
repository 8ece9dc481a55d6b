// `tokenscope detectors`: custom detectors from the configuration join the listing and can be
// shown by id; a mistyped id gets a suggestion.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli } from '../helpers/run-cli.js';
import { tempDir, writeFiles } from '../helpers/tmp.js';
import { closest } from '../../src/catalog/selection.js';

const CUSTOM = `provider: acme
providerName: Acme Corp
revokeUrl: https://acme.example/keys
detectors:
  - id: acme.deploy-key
    name: Acme deploy key
    tokenType: deploy-key
    description: Deploys any Acme service of the organisation.
    keywords: [acmedk_]
    pattern: '(?<![A-Za-z0-9_])(?<secret>acmedk_[A-Za-z0-9]{32})(?![A-Za-z0-9_])'
    minEntropy: 3.0
    confidence: high
    privilege: destructive
    breadth: org
    remediation: Revoke it at https://acme.example/keys and use a per-service key.
    references: [https://acme.example/docs/keys]
    examples:
      positive: ['ACME_KEY=acmedk_Q2x8Lm4Rt7Vb1Nc5Hj9Kp3Ws6Yd0Fg2A']
      negative: ['ACME_KEY=acmedk_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx']
`;

describe('tokenscope detectors', () => {
  const dir = tempDir();
  beforeAll(() => {
    assertBuilt();
    writeFiles(dir, { 'tools/detectors/acme.yaml': CUSTOM });
    writeFileSync(join(dir, '.tokenscope.yaml'), 'detectors:\n  custom: [tools/detectors/]\n');
  });

  it('lists custom detectors from the configuration and shows one by id', () => {
    const list = runCli(['detectors', '--format', 'json'], { cwd: dir });
    expect(list.status, list.stderr).toBe(0);
    const rows = JSON.parse(list.stdout) as Array<{ id: string; custom?: boolean }>;
    expect(rows.find((r) => r.id === 'acme.deploy-key')?.custom).toBe(true);
    expect(rows.find((r) => r.id === 'github.classic-pat')?.custom).toBeUndefined();
    const one = runCli(['detectors', 'acme.deploy-key'], { cwd: dir });
    expect(one.status).toBe(0);
    expect(one.stdout).toContain('Acme deploy key (Acme Corp)');
    expect(one.stdout).toContain('privilege:   destructive');
  });

  it('suggests the nearest id for a typo', () => {
    const r = runCli(['detectors', 'github.clasic-pat'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('did you mean github.classic-pat?');
    expect(closest('stripe.secret-kye', ['stripe.secret-key', 'stripe.restricted-key'])).toBe('stripe.secret-key');
    expect(closest('zzzzzz', ['stripe.secret-key'])).toBeUndefined();
  });
});

describe('tokenscope init', () => {
  it('writes a $schema that points at the project install of tokenscope, never a URL or a machine path', async () => {
    const { mkdirSync, readFileSync, writeFileSync } = await import('node:fs');
    const { resolve } = await import('node:path');
    const schemaOf = (dir: string): string => {
      const first = readFileSync(join(dir, '.tokenscope.yaml'), 'utf8').split('\n')[0]!;
      return /^# yaml-language-server: \$schema=(.+)$/.exec(first)![1]!;
    };
    // Installed in the project: the reference resolves, relative to the config.
    const project = tempDir();
    writeFileSync(join(project, 'package.json'), '{}\n');
    mkdirSync(join(project, 'node_modules', 'tokenscope', 'schemas'), { recursive: true });
    writeFileSync(join(project, 'node_modules', 'tokenscope', 'schemas', 'config.schema.json'), '{}\n');
    mkdirSync(join(project, 'svc'));
    const installed = runCli(['init', 'svc'], { cwd: project });
    expect(installed.status, installed.stderr).toBe(0);
    expect(schemaOf(join(project, 'svc'))).toBe('../node_modules/tokenscope/schemas/config.schema.json');
    expect(installed.stdout).not.toMatch(/npm install/);
    // Not installed (npx): where `npm install --save-dev tokenscope` will put it, and a note saying so.
    const bare = tempDir();
    const r = runCli(['init'], { cwd: bare });
    expect(r.status, r.stderr).toBe(0);
    expect(schemaOf(bare)).toBe('./node_modules/tokenscope/schemas/config.schema.json');
    expect(r.stdout).toContain('npm install --save-dev tokenscope');
    expect(resolve(bare, schemaOf(bare)).startsWith(bare)).toBe(true);
  });
});
