// Every verifier against a local HTTPS server that answers like its provider: a success with
// scopes, the provider's own "invalid" answer, a WAF page, a 500 and catch-all 200s. Also checks
// each request's method, host, path and where the credential went.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectEndpoint } from '../../src/verify/guard.js';
import { verifiers } from '../../src/providers/verifiers.js';
import { lookup, type LookupOptions } from '../../src/verify/run.js';
import type { Verifier } from '../../src/providers/verifier-types.js';
import { startFakeProvider, type FakeAnswer, type FakeProvider } from './support/fake-provider.js';
import { CATCH_ALL_PAGE, FIXTURES, WAF_PAGE, type ProviderFixture } from './support/fixtures.js';
import { makeTestPki, opensslAvailable } from './support/tls.js';
import { builtinDetectorSources, loadDetectorFiles } from '../../src/catalog/load.js';

const registry: Record<string, Verifier> = verifiers;
const haveOpenssl = opensslAvailable();
if (!haveOpenssl) console.warn('test/verify: openssl CLI not found; skipping the local-HTTPS provider tests');

let server: FakeProvider;
beforeAll(async () => {
  if (haveOpenssl) server = await startFakeProvider(makeTestPki());
});
afterAll(async () => server?.close());

// The endpoint a detector's YAML names, where its token prefix cannot tell.
const ENDPOINT_BY_DETECTOR = new Map(
  loadDetectorFiles(builtinDetectorSources()).files.flatMap((f) =>
    f.file.detectors.flatMap((d) => (d.verifierEndpoint ? [[d.id, d.verifierEndpoint] as const] : [])),
  ),
);

function options(): LookupOptions {
  return {
    timeoutMs: 3000,
    retryAfterCapMs: 1000,
    backoffMs: 10,
    hosts: { githubHosts: [], gitlabHosts: [] },
    transport: server.transport,
  };
}

async function ask(fixture: ProviderFixture, answer: FakeAnswer, token = fixture.token()) {
  const verifier = registry[fixture.verifier]!;
  const endpoint = selectEndpoint(verifier, ENDPOINT_BY_DETECTOR.get(fixture.ruleId), token)!;
  server.setHandler(() => answer);
  const before = server.requests.length;
  const result = await lookup(verifier, endpoint, token, fixture.context ?? {}, options());
  return { result, token, endpoint, requests: server.requests.slice(before) };
}

describe.skipIf(!haveOpenssl)('each provider, against a local server that answers like it', () => {
  it('covers at least 15 providers', () => {
    expect(new Set(FIXTURES.map((f) => f.verifier)).size).toBeGreaterThanOrEqual(15);
    const verifiers = Object.keys(registry);
    expect(verifiers.length).toBeGreaterThan(0);
    expect(verifiers.filter((id) => !FIXTURES.some((f) => f.verifier === id))).toEqual([]);
  });

  for (const fixture of FIXTURES) {
    describe(fixture.verifier, () => {
      it('active: sends one read-only request to its own host and reads the answer', async () => {
        const { result, token, endpoint, requests } = await ask(fixture, fixture.active);
        expect(result.outcome.status).toBe('active');
        expect(requests).toHaveLength(1);
        const req = requests[0]!;
        expect(req.method).toBe(endpoint.method);
        expect(req.host).toBe(fixture.host);
        expect(req.path.split('?')[0]).toBe(
          endpoint.path.split('?')[0]!.replace(/\{sid\}/, fixture.context?.['sid'] ?? ''),
        );
        // The credential travels only in a header, never in the path or body.
        expect(req.path.includes(token)).toBe(false);
        expect(req.body.includes(token)).toBe(false);
        const headerValues = Object.values(req.headers).join('\n');
        const basic = Buffer.from(`${fixture.context?.['sid'] ?? ''}:${token}`).toString('base64');
        expect(headerValues.includes(token) || headerValues.includes(basic)).toBe(true);
        if (endpoint.method === 'POST' && endpoint.graphqlQuery)
          expect(JSON.parse(req.body)).toEqual({ query: endpoint.graphqlQuery });
        if (fixture.expectActive.privilege) expect(result.outcome.privilege).toBe(fixture.expectActive.privilege);
        if (fixture.expectActive.scopes) expect(result.outcome.scopes).toEqual(fixture.expectActive.scopes);
        if (fixture.expectActive.identity) expect(result.outcome.identity).toMatch(fixture.expectActive.identity);
        expect(result.endpoint).toBe(`${endpoint.method} ${fixture.host}${req.path.split('?')[0]}`);
        expect(JSON.stringify(result).includes(token)).toBe(false);
      });

      it(`invalid credential: ${fixture.invalidStatus ?? 'inactive'}, without quoting the provider's message`, async () => {
        const { result, token } = await ask(fixture, fixture.invalid);
        expect(result.outcome.status).toBe(fixture.invalidStatus ?? 'inactive');
        expect(result.outcome.detail).not.toMatch(/Invalid API Key provided|Incorrect API key|\*\*\*\*/);
        expect(JSON.stringify(result).includes(token)).toBe(false);
      });

      it('a 403 WAF page is unknown, never inactive', async () => {
        const { result } = await ask(fixture, WAF_PAGE);
        expect(result.outcome.status).toBe('unknown');
        expect(result.outcome.detail).toMatch(/HTML page/);
      });

      it('a 500 is unknown', async () => {
        const { result } = await ask(fixture, { status: 500, body: { error: 'internal' } });
        expect(result.outcome).toMatchObject({ status: 'unknown', detail: 'provider error (HTTP 500)' });
      });

      it('catch-all 200s (an HTML page, an empty JSON object) are unknown, never active', async () => {
        expect((await ask(fixture, CATCH_ALL_PAGE)).result.outcome.status).toBe('unknown');
        expect((await ask(fixture, { status: 200, body: {} })).result.outcome.status).toBe('unknown');
        expect((await ask(fixture, { status: 200, body: 'ok' })).result.outcome.status).toBe('unknown');
      });

      it('the invalid shape with a success status, or the success shape with an error status, is not believed', async () => {
        const success = fixture.active.body;
        const flipped = await ask(fixture, { status: 401, body: success });
        expect(flipped.result.outcome.status).not.toBe('active');
        const redirect = await ask(fixture, {
          status: 302,
          headers: { location: 'https://127.0.0.1:1/' },
          body: success,
        });
        expect(redirect.result.outcome).toMatchObject({
          status: 'unknown',
          detail: 'redirected (HTTP 302); redirects are never followed',
        });
      });
    });
  }
});
