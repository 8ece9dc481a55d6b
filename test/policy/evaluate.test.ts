// The policy as README "What it reports" states it, through the built CLI on temporary repositories: overbroad
// (a narrower credential exists and this one can destroy or reaches an org/account, or a config
// limit is exceeded), misplaced (a file whose job is not holding configuration, a production
// credential in a staging/test file, a browser-exposed name), the level and security-severity.

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli } from '../helpers/run-cli.js';
import { removeDir, tempRepo } from '../helpers/tmp.js';
import { githubPat, randomAlnum } from '../helpers/tokens.js';
import { jwt, pypiToken } from '../helpers/scope-tokens.js';

interface JsonFinding {
  ruleId: string;
  provider: string;
  tokenType: string;
  path: string;
  privilege: string;
  breadth: string;
  scopeSource: string;
  policy: string[];
  reasons: string[];
  level: string;
  securitySeverity: number;
  message: string;
  facts: Record<string, unknown>;
}

const dirs: string[] = [];
beforeAll(assertBuilt);
afterAll(() => dirs.forEach(removeDir));

/** Scans a fresh repository holding `files`; every planted value is checked to stay out of the output. */
function scan(
  files: Record<string, string>,
  secrets: string[],
  format: 'json' | 'sarif' = 'json',
): { findings: JsonFinding[]; raw: string } {
  const dir = tempRepo(files);
  dirs.push(dir);
  const run = runCli(['scan', '.', '--format', format], { cwd: dir });
  expect(run.status, run.stderr).not.toBe(2);
  for (const secret of secrets)
    expect(run.stdout.includes(secret) || run.stderr.includes(secret), 'a planted secret reached the output').toBe(
      false,
    );
  const report = JSON.parse(run.stdout) as { findings?: JsonFinding[] };
  return { findings: report.findings ?? [], raw: run.stdout };
}

function only(findings: JsonFinding[], ruleId: string, path: string): JsonFinding {
  const hits = findings.filter((f) => f.ruleId === ruleId && f.path === path);
  expect(
    hits.map((f) => `${f.ruleId} ${f.path}`),
    `findings: ${findings.map((f) => `${f.ruleId} ${f.path}`).join(', ')}`,
  ).toEqual([`${ruleId} ${path}`]);
  return hits[0]!;
}

const stripeLive = (): string => `sk_live_${randomAlnum(24)}`;

describe('Railway: the variable name decides the token type', () => {
  it('RAILWAY_API_TOKEN in source code: destructive, account-wide, overbroad and misplaced, an error', () => {
    const token = randomUUID();
    const { findings } = scan(
      {
        'src/deploy.ts': `const RAILWAY_API_TOKEN = "${token}";\nexport const headers = { Authorization: \`Bearer \${RAILWAY_API_TOKEN}\` };\n`,
      },
      [token],
    );
    const f = only(findings, 'railway.account-token', 'src/deploy.ts');
    expect(f).toMatchObject({ provider: 'railway', privilege: 'destructive', breadth: 'account', level: 'error' });
    expect(f.policy).toEqual(expect.arrayContaining(['overbroad', 'misplaced']));
    expect(f.reasons.join('\n')).toMatch(/overbroad: can delete data, reaches the whole account; use a project token/);
    expect(f.reasons.join('\n')).toMatch(/misplaced: source code is not where credentials belong/);
  });

  it('RAILWAY_TOKEN in a .env file: a project token reaching one resource, already the narrowest: neither overbroad nor misplaced', () => {
    const token = randomUUID();
    const f = only(scan({ '.env': `RAILWAY_TOKEN=${token}\n` }, [token]).findings, 'railway.project-token', '.env');
    expect(f).toMatchObject({
      provider: 'railway',
      tokenType: 'project-token',
      privilege: 'destructive',
      breadth: 'resource',
    });
    expect(f.policy).toEqual([]);
    expect(f.level).toBe('warning');
  });
});

describe('PyPI in a packaging config', () => {
  it('a token scoped to one project in .pypirc is neither overbroad nor misplaced', () => {
    const token = pypiToken([[1, ['acme-widgets']]]);
    const f = only(
      scan({ '.pypirc': `[pypi]\nusername = __token__\npassword = ${token}\n` }, [token]).findings,
      'pypi.api-token',
      '.pypirc',
    );
    expect(f).toMatchObject({
      provider: 'pypi',
      privilege: 'write',
      breadth: 'project',
      scopeSource: 'offline',
      policy: [],
    });
    expect(f.facts['projects']).toEqual(['acme-widgets']);
  });

  it('a user-wide token in the same place reaches the whole account: overbroad', () => {
    const token = pypiToken([{ version: 1, permissions: 'user' }]);
    const f = only(
      scan({ '.pypirc': `[pypi]\nusername = __token__\npassword = ${token}\n` }, [token]).findings,
      'pypi.api-token',
      '.pypirc',
    );
    expect(f).toMatchObject({ breadth: 'account', policy: ['overbroad'], level: 'error' });
  });
});

describe('misplaced: environment mismatch, file roles, browser-exposed names', () => {
  it('sk_live_ in .env.staging: a production credential in a staging file, an error', () => {
    const key = stripeLive();
    const f = only(
      scan({ '.env.staging': `STRIPE_SECRET_KEY=${key}\n` }, [key]).findings,
      'stripe.secret-key-live',
      '.env.staging',
    );
    expect(f.policy).toContain('misplaced');
    expect(f.level).toBe('error');
    expect(f.reasons).toContain('misplaced: a production/live credential in a staging file');
  });

  it('sk_live_ in a test fixture: a test file, and a production credential in a test context, an error', () => {
    const key = stripeLive();
    const f = only(
      scan({ 'test/fixtures/payment.json': `{ "apiKey": "${key}" }\n` }, [key]).findings,
      'stripe.secret-key-live',
      'test/fixtures/payment.json',
    );
    expect(f.policy).toContain('misplaced');
    expect(f.level).toBe('error');
    expect(f.reasons).toEqual(
      expect.arrayContaining([
        'misplaced: a test or fixture file is not where credentials belong',
        'misplaced: a production/live credential in a test file',
      ]),
    );
  });

  it('a hard-coded token in a CI workflow is misplaced: it belongs in the CI secret store', () => {
    const pat = githubPat();
    const key = stripeLive();
    const { findings } = scan(
      {
        '.github/workflows/ci.yml': `jobs:\n  build:\n    runs-on: ubuntu-latest\n    env:\n      GH_TOKEN: ${pat}\n`,
        '.gitlab-ci.yml': `deploy:\n  variables:\n    STRIPE_KEY: ${key}\n`,
      },
      [pat, key],
    );
    const gh = only(findings, 'github.classic-pat', '.github/workflows/ci.yml');
    expect(gh.policy).toContain('misplaced');
    expect(gh.reasons.join('\n')).toMatch(
      /misplaced: a CI workflow \(credentials belong in the CI secret store, referenced by name\)/,
    );
    // The CI system's file name (ci.yml, .gitlab-ci.yml) does not make it a test environment.
    const gl = only(findings, 'stripe.secret-key-live', '.gitlab-ci.yml');
    expect(gl.policy).toContain('misplaced');
    expect(gl.reasons.join('\n')).not.toMatch(/in a test file/);
  });

  it('a secret key in a NEXT_PUBLIC_ variable ships to browsers: misplaced', () => {
    const key = stripeLive();
    const f = only(
      scan({ '.env': `NEXT_PUBLIC_STRIPE_SECRET_KEY=${key}\n` }, [key]).findings,
      'stripe.secret-key-live',
      '.env',
    );
    expect(f.policy).toContain('misplaced');
    expect(f.reasons).toContain('misplaced: NEXT_PUBLIC_STRIPE_SECRET_KEY ships the value to browsers');
    expect(f.level).toBe('error');
  });

  it('a public key in a NEXT_PUBLIC_ variable is where it belongs: a note', () => {
    const anon = jwt({ iss: 'supabase', ref: 'yezyeixqntmddkeamjcv', role: 'anon', iat: 1716000000, exp: 2031576000 });
    const f = only(
      scan({ '.env': `NEXT_PUBLIC_SUPABASE_ANON_KEY=${anon}\n` }, [anon]).findings,
      'supabase.anon-jwt',
      '.env',
    );
    expect(f).toMatchObject({ privilege: 'public', policy: [], level: 'note' });
  });

  it('a Stripe publishable key, even in source code, is a note and not overbroad', () => {
    const key = `pk_live_${randomAlnum(24)}`;
    const f = only(
      scan({ 'src/checkout.ts': `export const stripe = Stripe("${key}");\n` }, [key]).findings,
      'stripe.publishable-key-live',
      'src/checkout.ts',
    );
    expect(f.level).toBe('note');
    expect(f.policy).not.toContain('overbroad');
    expect(f.policy).not.toContain('misplaced');
  });
});

describe('config limits (.tokenscope.yaml policy.limits)', () => {
  const config = [
    'policy:',
    '  limits:',
    "    - paths: ['tests/**']",
    '      maxPrivilege: read',
    '      reason: tests get read-only credentials',
    '    - maxPrivilege: write',
    '      reason: no destructive or admin token anywhere',
    '',
  ].join('\n');

  it('names the limit a finding exceeds; findings within every limit are not tagged for it', () => {
    const deployInTests = `gldt-${randomAlnum(20)}`;
    const deployInConfig = `gldt-${randomAlnum(20)}`;
    const sdkKey = `sdk-${randomUUID()}`;
    const railway = randomUUID();
    const { findings } = scan(
      {
        '.tokenscope.yaml': config,
        'tests/integration/registry.env': `DEPLOY_TOKEN=${deployInTests}\n`,
        'tests/integration/flags.env': `LAUNCHDARKLY_SDK_KEY=${sdkKey}\n`,
        'config/registry.env': `DEPLOY_TOKEN=${deployInConfig}\n`,
        '.env': `RAILWAY_TOKEN=${railway}\n`,
      },
      [deployInTests, deployInConfig, sdkKey, railway],
    );

    const inTests = only(findings, 'gitlab.deploy-token', 'tests/integration/registry.env');
    expect(inTests.policy).toContain('overbroad');
    expect(inTests.reasons).toContain(
      'overbroad: exceeds the limit for tests/**: write is above the allowed read (tests get read-only credentials)',
    );
    expect(inTests.level).toBe('error');

    const inConfig = only(findings, 'gitlab.deploy-token', 'config/registry.env');
    expect(inConfig.policy).not.toContain('overbroad');
    expect(inConfig.reasons.join('\n')).not.toMatch(/exceeds the limit/);

    const readOnly = only(findings, 'launchdarkly.sdk-key', 'tests/integration/flags.env');
    expect(readOnly.reasons.join('\n')).not.toMatch(/exceeds the limit/);

    const destructive = only(findings, 'railway.project-token', '.env');
    expect(destructive.policy).toContain('overbroad');
    expect(destructive.reasons).toContain(
      'overbroad: exceeds the limit for every path: destructive is above the allowed write (no destructive or admin token anywhere)',
    );
    expect(destructive.message).toMatch(/exceeds the limit for every path/);
  });
});

describe('security-severity follows privilege × breadth × placement', () => {
  it('a destructive account-wide token in source code ranks above a read-only one in config, in JSON and SARIF', () => {
    const railway = randomUUID();
    const sdkKey = `sdk-${randomUUID()}`;
    const files = {
      'src/deploy.ts': `const RAILWAY_API_TOKEN = "${railway}";\n`,
      'config/flags.yaml': `launchdarkly:\n  sdk_key: ${sdkKey}\n`,
    };
    const { findings } = scan(files, [railway, sdkKey]);
    const heavy = only(findings, 'railway.account-token', 'src/deploy.ts');
    const light = only(findings, 'launchdarkly.sdk-key', 'config/flags.yaml');
    expect(light).toMatchObject({ privilege: 'read', breadth: 'resource', level: 'warning' });
    expect(heavy.securitySeverity).toBeGreaterThan(light.securitySeverity);
    expect(heavy.securitySeverity).toBeGreaterThanOrEqual(9); // GitHub: critical

    const sarif = JSON.parse(scan(files, [railway, sdkKey], 'sarif').raw) as {
      runs: Array<{
        results: Array<{ ruleId: string; level: string; properties: Record<string, unknown> }>;
        tool: { driver: { rules: Array<{ id: string; properties: Record<string, unknown> }> } };
      }>;
    };
    const run = sarif.runs[0]!;
    const score = (ruleId: string): number =>
      Number(run.results.find((r) => r.ruleId === ruleId)!.properties['security-severity']);
    expect(score('railway.account-token')).toBeGreaterThan(score('launchdarkly.sdk-key'));
    expect(run.results.find((r) => r.ruleId === 'railway.account-token')!.level).toBe('error');
    for (const rule of run.tool.driver.rules) expect(Number(rule.properties['security-severity'])).toBeGreaterThan(0);
  });
});

describe('claims come from evidence: a grant chosen at creation is unknown, not overbroad', () => {
  const ids = [
    'stripe.restricted-key-live',
    'github.fine-grained-pat',
    'cloudflare.user-api-token',
    'cloudflare.account-api-token',
    'gitlab.pat',
  ];

  it('their own positive examples: privilege unknown, no overbroad, and the message says what --verify can tell', async () => {
    const { loadDetectorFiles, builtinDetectorSources } = await import('../../src/catalog/load.js');
    const { normalizeExample } = await import('../../src/pipeline/check-detectors.js');
    const defs = loadDetectorFiles(builtinDetectorSources()).files.flatMap((f) => f.file.detectors);
    const files: Record<string, string> = {};
    const secrets: string[] = [];
    for (const id of ids) {
      const example = normalizeExample(defs.find((d) => d.id === id)!.examples.positive[0]!);
      files[`${id}.env`] = `${example.text}\n`;
      if (example.secret) secrets.push(example.secret);
    }
    const { findings } = scan(files, secrets);
    for (const id of ids) {
      const f = only(findings, id, `${id}.env`);
      expect(f.privilege, id).toBe('unknown');
      expect(f.policy, id).not.toContain('overbroad');
      expect(f.reasons.join('\n'), id).toMatch(
        /privilege unknown: what it can do was chosen when it was created and is not visible offline/,
      );
      expect(f.reasons.join('\n'), id).toMatch(/--verify asks the provider/);
      expect(f.message, id).not.toMatch(/use a restricted key/i);
    }
  });

  it('a known privilege or breadth still makes the classic types overbroad', () => {
    const token = githubPat();
    const { findings } = scan({ 'config/app.env': `GH_TOKEN=${token}\n` }, [token]);
    expect(only(findings, 'github.classic-pat', 'config/app.env').policy).toContain('overbroad');
  });
});
