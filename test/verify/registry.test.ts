// The link between detectors and verifiers: every `verifier:` field names a registered verifier
// that routes the detector's tokens to an endpoint (by its `verifierEndpoint`, a token prefix or
// the verifier's only endpoint), and refresh-type tokens are never routed to an endpoint.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDetectorFiles, builtinDetectorSources } from '../../src/catalog/load.js';
import { normalizeExample } from '../../src/catalog/examples.js';
import { buildDetectorSet } from '../../src/detect/compile.js';
import { detectInText } from '../../src/detect/engine.js';
import { routeDetectors } from '../../src/verify/docs.js';
import { refusal, selectEndpoint } from '../../src/verify/guard.js';
import { isVerifierName, verifiers } from '../../src/providers/verifiers.js';
import type { Verifier } from '../../src/providers/verifier-types.js';

const registry: Record<string, Verifier> = verifiers;
const files = loadDetectorFiles(builtinDetectorSources()).files.map((f) => f.file);
const detectors = files.flatMap((f) => f.detectors);

describe('verifier registry', () => {
  it('has at least 15 providers, each id matching its registry key', () => {
    expect(Object.keys(registry).length).toBeGreaterThanOrEqual(15);
    for (const [key, v] of Object.entries(registry)) expect(v.id).toBe(key);
  });

  it('every detector with a `verifier:` field reaches an endpoint of that verifier, by its YAML alone', () => {
    const withVerifier = detectors.filter((d) => d.verifier !== undefined);
    expect(withVerifier.length).toBeGreaterThan(50);
    const routes = routeDetectors(registry, files);
    const routed = new Set([...routes.values()].flat());
    for (const d of withVerifier) {
      expect(isVerifierName(d.verifier!), `${d.id}: verifier ${d.verifier}`).toBe(true);
      expect(routed.has(d.id), `${d.id} reaches no endpoint of ${d.verifier}`).toBe(true);
      if (d.verifierEndpoint) expect(registry[d.verifier!]!.endpoints.map((e) => e.id)).toContain(d.verifierEndpoint);
    }
  });

  it('routes every detector example to the endpoint it went to when verifiers listed detector ids (fixture from that code)', () => {
    // test/verify/fixtures/routing-before.json was written by the previous selection (an endpoint's
    // own detector list first, then the token prefix) from every positive example: detector id →
    // verifier and the endpoint of each example's token. The YAML now names the verifier (and, where
    // no prefix tells, the endpoint) and nothing lists detector ids back; the routes are the same.
    const before = JSON.parse(
      readFileSync(join(import.meta.dirname, 'fixtures', 'routing-before.json'), 'utf8'),
    ) as Record<string, { verifier: string; endpoints: Array<string | null> }>;
    const set = buildDetectorSet(files);
    const byId = new Map(detectors.map((d) => [d.id, d]));
    expect(Object.keys(before).length).toBeGreaterThan(50);
    for (const [id, was] of Object.entries(before)) {
      const d = byId.get(id)!;
      expect(d.verifier, id).toBe(was.verifier);
      const now: Array<string | null> = [];
      for (const example of d.examples.positive) {
        const { text, path } = normalizeExample(example);
        const m = detectInText(text, path, set).find((x) => x.detector.id === id);
        if (m) now.push(selectEndpoint(registry[d.verifier!]!, d.verifierEndpoint, m.secret)?.id ?? null);
      }
      expect(now, id).toEqual(was.endpoints);
    }
  });

  it('routes refresh and app-level tokens nowhere', () => {
    const cases: Array<[string, string]> = [
      ['digitalocean', 'dor_v1_abc'],
      ['slack', 'xoxe-1-abc'],
      ['slack', 'xoxr-abc'],
      ['slack', 'xapp-1-abc'],
      ['github', 'ghr_abc'],
      ['anthropic', 'sk-ant-ort01-abc'],
      ['vercel', 'vcr_abc'],
      ['stripe', 'pk_live_abc'],
      ['shopify', 'shpss_abc'],
    ];
    for (const [verifier, secret] of cases)
      expect(refusal(registry[verifier]!, secret), `${verifier} ${secret}`).toBeDefined();
    // A refused prefix is never also an accepted one.
    for (const v of Object.values(registry)) {
      for (const r of v.refuse ?? [])
        expect(
          selectEndpoint(v, undefined, `${r.prefix}abc`)?.prefixes?.some((p) => p.startsWith(r.prefix)) ?? false,
        ).toBe(false);
    }
  });
});
