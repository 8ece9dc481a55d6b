// The link between detectors and verifiers: every detector id a verifier names exists, every
// `verifier:` field names a registered verifier that has an endpoint for that detector, and
// refresh-type tokens are never routed to an endpoint.
import { describe, expect, it } from 'vitest';
import { loadDetectorFiles, builtinDetectorSources } from '../../src/catalog/load.js';
import { refusal, selectEndpoint } from '../../src/verify/guard.js';
import { isVerifierName, verifiers } from '../../src/providers/verifiers.js';
import type { Verifier } from '../../src/providers/verifier-types.js';

const registry: Record<string, Verifier> = verifiers;
const detectors = loadDetectorFiles(builtinDetectorSources()).files.flatMap((f) => f.file.detectors);
const ids = new Set(detectors.map((d) => d.id));

describe('verifier registry', () => {
  it('has at least 15 providers, each id matching its registry key', () => {
    expect(Object.keys(registry).length).toBeGreaterThanOrEqual(15);
    for (const [key, v] of Object.entries(registry)) expect(v.id).toBe(key);
  });

  it('names only detector ids that exist, each handled by one endpoint', () => {
    const seen = new Map<string, string>();
    for (const v of Object.values(registry)) {
      for (const e of v.endpoints) {
        for (const id of e.detectors) {
          expect(ids.has(id), `${v.id}/${e.id} names unknown detector ${id}`).toBe(true);
          expect(seen.get(id), `${id} is handled twice`).toBeUndefined();
          seen.set(id, `${v.id}/${e.id}`);
        }
      }
    }
  });

  it('every detector with a `verifier:` field reaches an endpoint of that verifier', () => {
    const withVerifier = detectors.filter((d) => d.verifier !== undefined);
    expect(withVerifier.length).toBeGreaterThan(0);
    for (const d of withVerifier) {
      expect(isVerifierName(d.verifier!), `${d.id}: verifier ${d.verifier}`).toBe(true);
      expect(registry[d.verifier!]!.endpoints.some((e) => e.detectors.includes(d.id)), `${d.id} has no endpoint in ${d.verifier}`).toBe(true);
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
    for (const [verifier, secret] of cases) expect(refusal(registry[verifier]!, secret), `${verifier} ${secret}`).toBeDefined();
    // A refused prefix is never also an accepted one.
    for (const v of Object.values(registry)) {
      for (const r of v.refuse ?? []) expect(selectEndpoint(v, 'custom.x', `${r.prefix}abc`)?.prefixes?.some((p) => p.startsWith(r.prefix)) ?? false).toBe(false);
    }
  });
});
