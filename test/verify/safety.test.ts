// The safety rules of --verify, enforced in code: allowlisted HTTPS hosts only (self-managed ones
// only when configured), GET/HEAD or a documented read-only POST, GraphQL queries never
// mutations, no redirects, TLS verification, a timeout, one retry after 429, one request per
// distinct secret, bounded concurrency, and token types that are never sent.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkRequest,
  isGraphqlQueryBody,
  planRequests,
  selectEndpoint,
  type HostConfig,
  type RequestPlan,
} from '../../src/verify/guard.js';
import { verifiers } from '../../src/providers/verifiers.js';
import { lookup, parseRetryAfter, type LookupOptions } from '../../src/verify/run.js';
import { createVerifySession } from '../../src/verify/index.js';
import type { Endpoint, Verifier } from '../../src/providers/verifier-types.js';
import type { Candidate, Plaintext } from '../../src/model/candidate.js';
import type { ResolvedConfig } from '../../src/model/config.js';
import { randomAlnum } from '../helpers/tokens.js';
import { startFakeProvider, type FakeProvider } from './support/fake-provider.js';
import { makeTestPki, opensslAvailable } from './support/tls.js';

const registry: Record<string, Verifier> = verifiers;
const NO_HOSTS: HostConfig = { githubHosts: [], gitlabHosts: [] };
const github = registry['github']!;
const userEndpoint = github.endpoints.find((e) => e.id === 'user')!;

function planFor(
  verifier: Verifier,
  endpoint: Endpoint,
  hosts = NO_HOSTS,
  context: Record<string, string> = {},
): RequestPlan[] {
  const planned = planRequests(verifier, endpoint, 'tok_test_value', context, hosts);
  if ('missing' in planned) throw new Error(`missing ${planned.missing}`);
  return planned.plans;
}

/** Context values that satisfy every endpoint parameter. */
const FULL_CONTEXT = { sid: `AC${'0'.repeat(32)}`, shop: 'acme', account: 'a'.repeat(32), site: 'datadoghq.com' };

describe('checkRequest: the rules every request must pass before a socket opens', () => {
  it('accepts every declared endpoint of every verifier, and each is GET/HEAD or an allowed read-only POST', () => {
    for (const verifier of Object.values(registry)) {
      for (const endpoint of verifier.endpoints) {
        for (const plan of planFor(verifier, endpoint, NO_HOSTS, FULL_CONTEXT)) {
          expect(checkRequest(plan, verifier, endpoint, NO_HOSTS), `${verifier.id}/${endpoint.id}`).toBeUndefined();
          expect(['GET', 'HEAD', 'POST']).toContain(plan.method);
          if (plan.method === 'POST')
            expect(
              endpoint.graphqlQuery !== undefined || `${plan.host}${plan.path}` === 'slack.com/api/auth.test',
            ).toBe(true);
          expect(plan.port).toBe(443);
        }
      }
    }
  });

  it('refuses hosts outside the verifier’s allowlist, other ports and odd host names', () => {
    const [plan] = planFor(github, userEndpoint);
    expect(checkRequest({ ...plan!, host: 'evil.example.test' }, github, userEndpoint, NO_HOSTS)).toMatch(
      /not an allowed host/,
    );
    expect(checkRequest({ ...plan!, host: 'slack.com' }, github, userEndpoint, NO_HOSTS)).toMatch(
      /not an allowed host/,
    );
    expect(checkRequest({ ...plan!, port: 8443 }, github, userEndpoint, NO_HOSTS)).toMatch(/not an allowed host/);
    expect(checkRequest({ ...plan!, host: 'api.github.com@evil.test' }, github, userEndpoint, NO_HOSTS)).toBeDefined();
    expect(checkRequest({ ...plan!, path: '//evil.test/user' }, github, userEndpoint, NO_HOSTS)).toBeDefined();
    expect(checkRequest({ ...plan!, path: '/../user' }, github, userEndpoint, NO_HOSTS)).toBeDefined();
  });

  it('refuses a POST that is not a documented read-only call, and a GET with a body', () => {
    const [plan] = planFor(github, userEndpoint);
    expect(checkRequest({ ...plan!, method: 'POST' }, github, { ...userEndpoint, method: 'POST' }, NO_HOSTS)).toMatch(
      /not a documented read-only call/,
    );
    expect(checkRequest({ ...plan!, body: '{}' }, github, userEndpoint, NO_HOSTS)).toMatch(/must not carry a body/);
    expect(
      checkRequest(
        { ...plan!, method: 'DELETE' as never },
        github,
        { ...userEndpoint, method: 'DELETE' as never },
        NO_HOSTS,
      ),
    ).toBeDefined();
    const slack = registry['slack']!;
    const [slackPlan] = planFor(slack, slack.endpoints[0]!);
    expect(checkRequest(slackPlan!, slack, slack.endpoints[0]!, NO_HOSTS)).toBeUndefined();
    expect(
      checkRequest({ ...slackPlan!, path: '/api/chat.postMessage' }, slack, slack.endpoints[0]!, NO_HOSTS),
    ).toMatch(/not a documented read-only call/);
    expect(checkRequest({ ...slackPlan!, body: 'channel=C1&text=hi' }, slack, slack.endpoints[0]!, NO_HOSTS)).toMatch(
      /not a documented read-only call/,
    );
  });

  it('lets a GraphQL POST through only when its body is a query, never a mutation or subscription', () => {
    const railway = registry['railway']!;
    const endpoint = railway.endpoints[0]!;
    const [plan] = planFor(railway, endpoint);
    expect(checkRequest(plan!, railway, endpoint, NO_HOSTS)).toBeUndefined();
    const mutation = JSON.stringify({ query: 'mutation { volumeDelete(volumeId: "v") }' });
    expect(checkRequest({ ...plan!, body: mutation }, railway, endpoint, NO_HOSTS)).toMatch(/never a mutation/);
    expect(isGraphqlQueryBody(JSON.stringify({ query: 'query { me { id } }' }))).toBe(true);
    expect(isGraphqlQueryBody(JSON.stringify({ query: '{ viewer { id } }' }))).toBe(true);
    expect(isGraphqlQueryBody(JSON.stringify({ query: 'query A { me { id } } mutation B { x }' }))).toBe(false);
    expect(isGraphqlQueryBody(JSON.stringify({ query: 'subscription { deploymentLogs { message } }' }))).toBe(false);
    expect(isGraphqlQueryBody(JSON.stringify({ query: 'query { me { id } }', operationName: 'x' }))).toBe(false);
    expect(isGraphqlQueryBody('query { me { id } }')).toBe(false);
    // A verifier declaring a mutation would be stopped too.
    const bad = { ...endpoint, graphqlQuery: 'mutation { projectDelete(id: "p") }' };
    const [badPlan] = planFor(railway, bad);
    expect(checkRequest(badPlan!, railway, bad, NO_HOSTS)).toMatch(/never a mutation/);
  });

  it('contacts a self-managed GitLab or GitHub host only when the config names it', () => {
    const gitlab = registry['gitlab']!;
    const endpoint = gitlab.endpoints[0]!;
    expect(planFor(gitlab, endpoint).map((p) => p.host)).toEqual(['gitlab.com']);
    const configured: HostConfig = { githubHosts: ['github.acme.test'], gitlabHosts: ['gitlab.acme.test:8443'] };
    const plans = planFor(gitlab, endpoint, configured);
    expect(plans.map((p) => `${p.host}:${p.port}`)).toEqual(['gitlab.acme.test:8443', 'gitlab.com:443']);
    expect(checkRequest(plans[0]!, gitlab, endpoint, configured)).toBeUndefined();
    expect(checkRequest(plans[0]!, gitlab, endpoint, NO_HOSTS)).toMatch(/not an allowed host/);
    // GitHub's hosts are not GitLab's.
    expect(checkRequest({ ...plans[0]!, host: 'github.acme.test', port: 443 }, gitlab, endpoint, configured)).toMatch(
      /not an allowed host/,
    );
    // GitHub Enterprise Server serves the API under /api/v3.
    expect(planFor(github, userEndpoint, configured).map((p) => `${p.host}${p.path}`)).toEqual([
      'github.acme.test/api/v3/user',
      'api.github.com/user',
    ]);
    // GHE.com's api.* hosts serve it at the root; GitLab has no such prefix.
    const cloud: HostConfig = { githubHosts: ['api.acme.ghe.com'], gitlabHosts: [] };
    expect(planFor(github, userEndpoint, cloud).map((p) => `${p.host}${p.path}`)).toEqual([
      'api.acme.ghe.com/user',
      'api.github.com/user',
    ]);
    expect(plans[0]!.path).toBe('/api/v4/personal_access_tokens/self');
  });

  it('builds per-tenant hosts only from validated context, and sends nothing without it', () => {
    const shopify = registry['shopify']!;
    const endpoint = shopify.endpoints[0]!;
    expect(planRequests(shopify, endpoint, 'shpat_x', {}, NO_HOSTS)).toEqual({
      missing: 'the shop’s myshopify.com domain',
    });
    expect(planRequests(shopify, endpoint, 'shpat_x', { shop: 'evil.test/#' }, NO_HOSTS)).toHaveProperty('missing');
    expect(planFor(shopify, endpoint, NO_HOSTS, { shop: 'acme.myshopify.com' })[0]!.host).toBe('acme.myshopify.com');
    const twilio = registry['twilio']!;
    expect(planRequests(twilio, twilio.endpoints[0]!, 'x', { sid: '../../Accounts' }, NO_HOSTS)).toHaveProperty(
      'missing',
    );
    const datadog = registry['datadog']!;
    const defaulted = planFor(datadog, datadog.endpoints[0]!, NO_HOSTS, { site: 'evil.test' })[0]!;
    expect(defaulted.host).toBe('api.datadoghq.com');
    expect(defaulted.defaulted).toEqual(['site']);
  });

  it('parses Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4000)).toBe(6000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });
});

const haveOpenssl = opensslAvailable();
if (!haveOpenssl) console.warn('test/verify: openssl CLI not found; skipping the local-HTTPS safety tests');

describe.skipIf(!haveOpenssl)('against local HTTPS servers', () => {
  let server: FakeProvider;
  let elsewhere: FakeProvider;
  beforeAll(async () => {
    server = await startFakeProvider(makeTestPki());
    elsewhere = await startFakeProvider(makeTestPki(), () => ({ status: 200, body: { login: 'stolen', id: 1 } }));
  });
  afterAll(async () => {
    await server?.close();
    await elsewhere?.close();
  });

  const ok = { status: 200, headers: { 'x-oauth-scopes': 'read:user' }, body: { login: 'octocat', id: 1 } };
  const opts = (extra: Partial<LookupOptions> = {}): LookupOptions => ({
    timeoutMs: 2000,
    retryAfterCapMs: 1000,
    backoffMs: 10,
    hosts: NO_HOSTS,
    transport: server.transport,
    ...extra,
  });
  const token = (): string => `ghp_${randomAlnum(36)}`;

  it('does not follow a redirect: a 3xx is unknown and the target is never contacted', async () => {
    server.setHandler(() => ({ status: 302, headers: { location: `https://127.0.0.1:${elsewhere.port}/user` } }));
    const before = elsewhere.requests.length;
    const result = await lookup(github, userEndpoint, token(), {}, opts());
    expect(result.outcome).toMatchObject({
      status: 'unknown',
      detail: 'redirected (HTTP 302); redirects are never followed',
    });
    expect(elsewhere.requests.length).toBe(before);
  });

  it('verifies TLS: a server whose CA is not trusted yields unknown, and nothing is sent', async () => {
    server.setHandler(() => ok);
    const before = server.requests.length;
    const result = await lookup(
      github,
      userEndpoint,
      token(),
      {},
      opts({ transport: { resolveTarget: server.transport.resolveTarget! } }),
    );
    expect(result.outcome.status).toBe('unknown');
    expect(result.outcome.detail).toMatch(/TLS certificate not trusted/);
    expect(server.requests.length).toBe(before);
  });

  it('checks the certificate against the provider’s name even when the socket is redirected', async () => {
    // The test certificate does not cover this name, so the handshake must fail.
    const endpoint = { ...userEndpoint };
    const plan = planFor(github, endpoint)[0]!;
    const { sendRequest } = await import('../../src/verify/http.js');
    const result = await sendRequest({ ...plan, host: 'not-in-the-certificate.test' }, 2000, server.transport);
    expect(result.kind).toBe('error');
  });

  it('times out a slow answer as unknown', async () => {
    server.setHandler(() => ({ ...ok, delayMs: 1500 }));
    const started = Date.now();
    const result = await lookup(github, userEndpoint, token(), {}, opts({ timeoutMs: 200 }));
    expect(result.outcome).toMatchObject({ status: 'unknown', detail: 'timed out: no answer within 0.2 s' });
    expect(Date.now() - started).toBeLessThan(1200);
  });

  it('retries once after a 429, honouring Retry-After, then succeeds', async () => {
    server.setHandler((_req, i) =>
      i % 2 === 0 ? { status: 429, headers: { 'retry-after': '0' }, body: { message: 'slow down' } } : ok,
    );
    server.requests.length = 0;
    const result = await lookup(github, userEndpoint, token(), {}, opts());
    expect(result.outcome.status).toBe('active');
    // Two requests, the first answered 429 and the retry answered 200: the retry happened.
    expect(server.requests.length).toBe(2);
  });

  it('gives up after a second 429, and at once when Retry-After is over the cap', async () => {
    server.setHandler(() => ({ status: 429, headers: { 'retry-after': '0' }, body: {} }));
    server.requests.length = 0;
    expect((await lookup(github, userEndpoint, token(), {}, opts())).outcome).toMatchObject({
      status: 'unknown',
      detail: 'rate limited (HTTP 429) again after one retry',
    });
    expect(server.requests.length).toBe(2);
    server.setHandler(() => ({ status: 429, headers: { 'retry-after': '3600' }, body: {} }));
    server.requests.length = 0;
    const capped = await lookup(github, userEndpoint, token(), {}, opts());
    expect(capped.outcome.status).toBe('unknown');
    expect(capped.outcome.detail).toMatch(/Retry-After 3600 s is over the 1 s cap/);
    expect(server.requests.length).toBe(1);
  });

  it('reports a closed port (no service) as unknown', async () => {
    const result = await lookup(
      github,
      userEndpoint,
      token(),
      {},
      opts({ transport: { resolveTarget: () => ({ host: '127.0.0.1', port: 1 }), ca: makeTestPki().ca } }),
    );
    expect(result.outcome).toMatchObject({ status: 'unknown', detail: 'network error (ECONNREFUSED)' });
  });

  it('tries a configured self-managed host first, with its own path, and stops at the first active answer', async () => {
    const gitlab = registry['gitlab']!;
    server.setHandler(() => ({
      status: 200,
      body: { id: 1, scopes: ['read_api'], active: true, revoked: false, user_id: 3 },
    }));
    server.requests.length = 0;
    const hosts: HostConfig = { githubHosts: [], gitlabHosts: ['gitlab.acme.test'] };
    const result = await lookup(gitlab, gitlab.endpoints[0]!, `glpat-${randomAlnum(20)}`, {}, opts({ hosts }));
    expect(result.outcome.status).toBe('active');
    expect(result.endpoint).toBe('GET gitlab.acme.test/api/v4/personal_access_tokens/self');
    expect(server.requests.map((r) => r.host)).toEqual(['gitlab.acme.test']);
    // Not configured: only gitlab.com is asked.
    server.requests.length = 0;
    await lookup(gitlab, gitlab.endpoints[0]!, `glpat-${randomAlnum(20)}`, {}, opts());
    expect(server.requests.map((r) => r.host)).toEqual(['gitlab.com']);
  });

  describe('a session (the refine hook)', () => {
    const config = { verify: NO_HOSTS, customDetectors: [] } as unknown as ResolvedConfig;
    // The plaintexts beside the candidates, as scan() keeps them for the verify stage.
    const store = new Map<Candidate, Plaintext>();
    function candidate(ruleId: string, secret: string, fingerprint: string, extra: Partial<Candidate> = {}): Candidate {
      const c: Candidate = {
        ruleId,
        ruleName: ruleId,
        provider: ruleId.split('.')[0]!,
        tokenType: 'x',
        path: 'a.env',
        origin: 'worktree',
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 2,
        redacted: 'x…',
        secretLength: secret.length,
        fingerprint,
        confidence: 'high',
        scope: {
          privilege: 'destructive',
          breadth: 'account',
          scopeSource: 'metadata',
          scopes: [],
          evidence: [],
          facts: {},
        },
        ...extra,
      };
      store.set(c, { secret });
      return c;
    }

    it('sends one request per distinct secret (detector + fingerprint)', async () => {
      server.setHandler(() => ok);
      server.requests.length = 0;
      const a = token();
      const b = token();
      const list = [
        candidate('github.classic-pat', a, 'f1'),
        candidate('github.classic-pat', a, 'f1', { path: 'b.env' }),
        candidate('github.classic-pat', b, 'f2'),
      ];
      const session = createVerifySession({ transport: server.transport, backoffMs: 10 });
      await session.refine(list, config, store);
      expect(server.requests.length).toBe(2);
      expect(list).toHaveLength(3);
      expect(list.map((c) => c.verification?.status)).toEqual(['active', 'active', 'active']);
      expect(session.stats()).toMatchObject({ lookups: 2, active: 2, hosts: ['api.github.com'] });
    });

    it('keeps at most 4 lookups in flight', async () => {
      server.setHandler(() => ({ ...ok, delayMs: 80 }));
      const list = Array.from({ length: 12 }, (_, i) => candidate('github.classic-pat', token(), `f${i}`));
      const fresh = await startFakeProvider(makeTestPki(), () => ({ ...ok, delayMs: 80 }));
      try {
        await createVerifySession({ transport: fresh.transport }).refine(list, config, store);
        expect(fresh.requests.length).toBe(12);
        expect(fresh.maxInFlight).toBeLessThanOrEqual(4);
        expect(fresh.maxInFlight).toBeGreaterThan(1);
      } finally {
        await fresh.close();
      }
    });

    it('never sends refresh tokens, app-level tokens, failed checksums or suppressed secrets', async () => {
      server.setHandler(() => ok);
      server.requests.length = 0;
      const list = [
        candidate('digitalocean.personal-access-token', `dor_v1_${'a'.repeat(64)}`, 'r1'),
        candidate('slack.user-token', `xoxe-1-${randomAlnum(140)}`, 'r2'),
        candidate('slack.bot-token', `xapp-1-${randomAlnum(40)}`, 'r3'),
        candidate('github.refresh-token', `ghr_${randomAlnum(76)}`, 'r4'),
        candidate('github.classic-pat', token(), 'r5', { checksum: 'invalid' }),
        candidate('github.classic-pat', token(), 'r6', { inlineIgnore: { line: 1, ids: [] } as never }),
        candidate('aws.access-key', `AKIA${'A'.repeat(16)}`, 'r7'),
      ];
      const session = createVerifySession({ transport: server.transport });
      await session.refine(list, config, store);
      expect(server.requests.length).toBe(0);
      for (const c of list) {
        expect(c.verification?.status).toBe('unknown');
        expect(c.verification?.detail).toMatch(/^not looked up/);
      }
      expect(list[0]!.verification!.detail).toMatch(/never sent: a refresh token/);
      expect(list[1]!.verification!.detail).toMatch(/never sent: a refresh token/);
      expect(list[2]!.verification!.detail).toMatch(/never sent: an app-level token/);
      expect(session.stats()).toMatchObject({ lookups: 0, notLookedUp: 7 });
    });

    it('routes a custom detector by its `verifier:` field, on every refine of the session', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'tokenscope-verify-'));
      try {
        const detector = (id: string, verifier: string): Record<string, unknown> => ({
          id,
          name: 'Acme token',
          tokenType: id.split('.')[1],
          description: 'A test detector.',
          pattern: '(?<secret>acme_[a-z]{8})',
          keywords: ['acme_'],
          confidence: 'high',
          privilege: 'write',
          breadth: 'project',
          remediation: 'Revoke it in the Acme console.',
          references: ['https://example.invalid/acme'],
          verifier,
          examples: { positive: ['acme_abcdefgh'], negative: ['acme_x'] },
        });
        const file = join(dir, 'acme.json');
        writeFileSync(
          file,
          JSON.stringify({
            provider: 'acme',
            providerName: 'Acme',
            detectors: [detector('acme.gh-token', 'github'), detector('acme.other-token', 'nosuch')],
          }),
        );
        const custom = { ...config, customDetectors: [file] } as ResolvedConfig;
        server.setHandler(() => ok);
        const session = createVerifySession({ transport: server.transport });
        for (const round of [1, 2]) {
          server.requests.length = 0;
          const list = [
            candidate('acme.gh-token', token(), `c${round}`),
            candidate('acme.other-token', token(), `d${round}`),
          ];
          await session.refine(list, custom, store);
          expect(server.requests.map((r) => r.host)).toEqual(['api.github.com']);
          expect(list[0]!.verification?.status).toBe('active');
          expect(list[1]!.verification?.detail).toBe('not looked up: unknown verifier "nosuch"');
        }
        // Without the custom file, its ids belong to no verifier.
        const plain = [candidate('acme.gh-token', token(), 'e1')];
        await session.refine(plain, config, store);
        expect(plain[0]!.verification?.detail).toBe(
          'not looked up: tokenscope has no read-only lookup for this credential type',
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('falls back to the token prefix for detectors a verifier does not list', () => {
      expect(selectEndpoint(github, undefined, 'ghu_abc')?.id).toBe('user-installations');
      expect(selectEndpoint(registry['openai']!, undefined, 'sk-admin-abc')?.id).toBe('admin-projects');
      expect(selectEndpoint(registry['openai']!, undefined, 'sk-proj-abc')?.id).toBe('models');
      expect(selectEndpoint(registry['stripe']!, undefined, 'pk_live_abc')).toBeUndefined();
    });
  });
});

describe('lookup: every result leaves scrubbed', () => {
  it('scrubs the secret from an outcome that was never sent (a refused host built from the match)', async () => {
    const secret = `leak${randomAlnum(12).toLowerCase()}`;
    const tenant: Verifier = {
      id: 'tenant-test',
      providerName: 'Tenant',
      hosts: ['api.tenant.test'],
      references: [],
      endpoints: [
        {
          id: 'me',
          method: 'GET',
          host: '{name}.tenant.test',
          path: '/me/{name}',
          params: { name: { from: ['name'], pattern: /^[a-z0-9]+$/, describe: 'the tenant' } },
          auth: { kind: 'bearer' },
          readOnly: 'test only',
          interpret: () => ({ status: 'active', detail: 'never reached' }),
        },
      ],
    };
    const options: LookupOptions = {
      timeoutMs: 200,
      retryAfterCapMs: 0,
      backoffMs: 0,
      hosts: NO_HOSTS,
      transport: { resolveTarget: () => ({ host: '127.0.0.1', port: 1 }) },
    };
    const result = await lookup(tenant, tenant.endpoints[0]!, secret, { name: secret }, options);
    expect(result.outcome.status).toBe('unknown');
    expect(result.outcome.detail).toMatch(/^not sent: \[REDACTED\]\.tenant\.test:443 is not an allowed host/);
    expect(JSON.stringify(result)).not.toContain(secret);
  });
});
