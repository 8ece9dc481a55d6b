// --verify's results flow back through scan()'s refine hook: online scopes, recomputed privilege
// and breadth, policy re-evaluated, inactive credentials downgraded to notes, unknown outcomes
// keeping every offline fact, and the text report saying what an active token can do.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/pipeline/scan.js';
import { createVerifySession } from '../../src/verify/index.js';
import { formatText } from '../../src/report/text.js';
import { formatSarif } from '../../src/report/sarif.js';
import type { Finding, ScanResult } from '../../src/model/types.js';
import { sarifErrors } from '../helpers/sarif.js';
import { assertBuilt, BIN } from '../helpers/run-cli.js';
import { removeDir, tempRepo } from '../helpers/tmp.js';
import { githubPat } from '../helpers/tokens.js';
import { startFakeProvider, type FakeAnswer, type FakeProvider } from './support/fake-provider.js';
import { makeTestPki, opensslAvailable } from './support/tls.js';

const haveOpenssl = opensslAvailable();
if (!haveOpenssl) console.warn('test/verify: openssl CLI not found; skipping the scan --verify integration tests');

describe.skipIf(!haveOpenssl)('scan() with the verify refine hook', () => {
  let server: FakeProvider;
  let dir: string;
  const token = githubPat();
  beforeAll(async () => {
    server = await startFakeProvider(makeTestPki());
    dir = tempRepo({ 'deploy/settings.env': `GITHUB_TOKEN=${token}\n` });
  });
  afterAll(async () => {
    await server?.close();
    if (dir) removeDir(dir);
  });

  async function run(answer?: FakeAnswer): Promise<{ result: ScanResult; finding: Finding }> {
    const options = { paths: [dir], cwd: dir, workers: 0, config: {} };
    if (!answer) {
      const result = await scan(options);
      return { result, finding: result.findings[0]! };
    }
    server.setHandler(() => answer);
    const session = createVerifySession({ transport: server.transport });
    const result = await scan({ ...options, verify: session });
    expect(result.findings).toHaveLength(1);
    return { result, finding: result.findings[0]! };
  }

  const user = { login: 'octocat', id: 583231 };
  const scopes = (list: string): FakeAnswer => ({ status: 200, headers: { 'x-oauth-scopes': list }, body: user });

  it('a classic PAT with delete_repo becomes destructive from online scopes; with admin:org, admin', async () => {
    const { finding } = await run(scopes('repo, delete_repo'));
    expect(finding).toMatchObject({
      privilege: 'destructive',
      breadth: 'account',
      scopeSource: 'online',
      scopes: ['repo', 'delete_repo'],
      level: 'error',
    });
    expect(finding.policy).toContain('overbroad');
    expect(finding.verification).toMatchObject({
      status: 'active',
      identity: 'octocat',
      endpoint: 'GET api.github.com/user',
    });
    const admin = await run(scopes('repo, admin:org'));
    expect(admin.finding).toMatchObject({ privilege: 'admin', scopeSource: 'online' });
  });

  it('one with only read:user is read-only, not destructive or admin', async () => {
    const { finding } = await run(scopes('read:user'));
    expect(finding).toMatchObject({ privilege: 'read', scopeSource: 'online', scopes: ['read:user'] });
    expect(finding.reasons.join(' ')).not.toMatch(/can delete data|admin/);
  });

  it('an inactive credential is downgraded to a note, saying why', async () => {
    const { finding } = await run({
      status: 401,
      body: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' },
    });
    expect(finding.level).toBe('note');
    expect(finding.verification?.status).toBe('inactive');
    expect(finding.reasons.join(' ')).toMatch(/inactive: the provider says it is invalid or revoked/);
  });

  it('an unknown outcome keeps every offline fact', async () => {
    const offline = (await run()).finding;
    for (const answer of [
      { status: 500, body: {} },
      { status: 403, headers: { 'content-type': 'text/html' }, body: '<html>blocked</html>' },
    ] as FakeAnswer[]) {
      const { finding } = await run(answer);
      expect(finding.verification?.status).toBe('unknown');
      const { verification: _v, message: _m, evidence: _e, ...rest } = finding;
      const { verification: _v2, message: _m2, evidence: _e2, ...offlineRest } = offline;
      expect(rest).toEqual(offlineRest);
    }
  });

  it('works when files are scanned in worker threads too (built code: workers load dist/pipeline/worker.js)', async () => {
    assertBuilt();
    const built = (await import(
      pathToFileURL(join(BIN, '..', 'index.js')).href
    )) as typeof import('../../src/index.js');
    server.setHandler(() => scopes('delete_repo'));
    const session = built.createVerifySession({ transport: server.transport });
    const result = await built.scan({ paths: [dir], cwd: dir, workers: 1, config: {}, verify: session });
    expect(result.findings[0]).toMatchObject({
      privilege: 'destructive',
      scopeSource: 'online',
      verification: { status: 'active' },
    });
  });

  it('the text report says what an active token can do, in words; no report holds the secret', async () => {
    const { result } = await run(scopes('repo, delete_repo, admin:org'));
    const text = formatText(result, { color: false });
    expect(text).toMatch(
      /verified: active as octocat: GitHub accepted it \(HTTP 200\); it can administer organizations \(members, teams, settings\); delete repositories;/,
    );
    expect(text).toMatch(/\[GET api\.github\.com\/user\]/);
    const sarif = formatSarif(result, {});
    expect(sarifErrors(JSON.parse(sarif))).toEqual([]);
    expect(JSON.parse(sarif).runs[0].results[0].properties.verification.status).toBe('active');
    for (const out of [text, sarif, JSON.stringify(result)]) expect(out.includes(token)).toBe(false);
  });
});
