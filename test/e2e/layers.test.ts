// End to end: secrets inside encoded layers (base64, JSON escapes) through the built binary, and
// the two kinds of JSON that used to be misread — a source map with inlined sources and
// tokenscope's own SARIF report — scanning clean.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli } from '../helpers/run-cli.js';
import { tempDir, tempRepo, writeFiles, trackTempDirs } from '../helpers/tmp.js';
import { githubPat, randomAlnum } from '../helpers/tokens.js';

beforeAll(assertBuilt);
const track = trackTempDirs();

interface JsonFinding {
  ruleId: string;
  provider: string;
  path: string;
  line: number;
  column: number;
  level: string;
  policy: string[];
  encoding?: string[];
}

function scanJson(dir: string): { status: number; stdout: string; findings: JsonFinding[] } {
  const run = runCli(['scan', dir, '--format', 'json']);
  return {
    status: run.status,
    stdout: run.stdout,
    findings: (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings,
  };
}

describe('encoded layers', () => {
  it('a Kubernetes Secret with a base64 Stripe live key: a Stripe finding at the outer line, encoding ["base64"], overbroad', () => {
    const key = ['sk', 'live', randomAlnum(24)].join('_');
    const encoded = Buffer.from(key).toString('base64');
    const manifest = [
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: payments',
      'type: Opaque',
      'data:',
      `  stripe-key: ${encoded}`,
      '',
    ].join('\n');
    const dir = track(tempRepo({ 'deploy/secret.yaml': manifest }));
    const { status, stdout, findings } = scanJson(dir);
    expect(status).toBe(1);
    expect(findings.map((f) => [f.ruleId, f.provider, f.line, f.column, f.encoding])).toEqual([
      ['stripe.secret-key-live', 'stripe', 7, 15, ['base64']],
    ]);
    expect(findings[0]!.policy).toContain('overbroad');
    expect(stdout.includes(key)).toBe(false);
    expect(stdout.includes(encoded)).toBe(false);

    const sarif = runCli(['scan', dir, '--format', 'sarif']);
    const result = (
      JSON.parse(sarif.stdout) as {
        runs: Array<{ results: Array<{ ruleId: string; properties: { encoding?: string[] } }> }>;
      }
    ).runs[0]!.results[0]!;
    expect([result.ruleId, result.properties.encoding]).toEqual(['stripe.secret-key-live', ['base64']]);
    expect(sarif.stdout.includes(key)).toBe(false);
  });

  it('a source map with inlined sources that read credentials from code scans clean', () => {
    const source = [
      'export async function connect(opts) {',
      '  const password = getPassword();',
      '  let secret = options.secret',
      '  const token = req.headers.authorization',
      '  this.password = opts.password',
      '  apiKey = config.apiKey',
      '  return login({ password, token });',
      '}',
      '',
    ].join('\n');
    const map = JSON.stringify({
      version: 3,
      file: 'app.js',
      sources: ['../src/app.ts'],
      sourcesContent: [source],
      mappings: 'AAAA,SAAS',
    });
    const dir = track(tempRepo({ 'dist/app.js.map': map }));
    const { status, findings } = scanJson(dir);
    expect(findings).toEqual([]);
    expect(status).toBe(0);
  });

  it("tokenscope's own SARIF, JSON and text reports from a previous run scan clean", () => {
    const token = githubPat();
    // Findings whose rules' help quotes command lines and syntax with made-up values, and whose
    // messages name a command next to the redacted value (`htpasswd -b Ini… (13 chars)`).
    const planted = track(
      tempRepo({
        'config/deploy.env': `GITHUB_TOKEN=${token}\n`,
        'scripts/setup.sh': 'htpasswd -b /etc/nginx/.htpasswd admin Qz8mx2LkVt7w\n',
        'src/main/resources/db.properties':
          'url=jdbc:mysql://db1.corp.acme.io:3306/shop?user=shop&password=Hx7qKm2Pz9Lw\n',
        'docs/accounts.md':
          '| host | user | password |\n| --- | --- | --- |\n| db1.corp.acme.io | app | Wq9-vLm2RtK4 |\n',
        'README.md': "The password is 'Sq8!mZ2xVt7'.\n",
      }),
    );
    const outDir = track(tempDir());
    const reports: Record<string, string> = {};
    for (const format of ['sarif', 'json', 'text'] as const) {
      const out = join(outDir, `tokenscope.${format}`);
      expect(runCli(['scan', planted, '--format', format, '-o', out]).status).toBe(1);
      reports[`reports/tokenscope.${format}`] = readFileSync(out, 'utf8');
      expect(reports[`reports/tokenscope.${format}`]!.includes(token)).toBe(false);
    }

    const dir = track(tempRepo());
    writeFiles(dir, reports);
    const { status, findings } = scanJson(dir);
    // Rule help quotes made-up examples (`curl -u user:password`); those may show as notes, nothing more.
    expect(findings.filter((f) => f.level !== 'note')).toEqual([]);
    expect(status).toBe(0);
  });
});
