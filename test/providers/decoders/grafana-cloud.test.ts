import { describe, expect, it } from 'vitest';
import { decodeGrafanaCloud } from '../../../src/providers/grafana/cloud.js';
import type { DecodeContext } from '../../../src/providers/decoder-types.js';

const ctx: DecodeContext = {
  groups: {},
  path: 'monitoring/agent.yaml',
  defaults: { privilege: 'destructive', breadth: 'org', tokenType: 'cloud-token' },
  now: new Date('2026-06-01T00:00:00Z'),
};

const FAKE_K = 'FAKEKEYFAKEKEYFAKEKEY00';

function token(payload: unknown): string {
  return `glc_${Buffer.from(JSON.stringify(payload)).toString('base64')}`;
}

describe('grafana-cloud decoder', () => {
  it('reads org id, token name and region', () => {
    const s = decodeGrafanaCloud(
      token({ o: '123456', n: 'stack-99-metrics-write', k: FAKE_K, m: { r: 'prod-us-east-0' } }),
      ctx,
    )!;
    expect(s.facts).toEqual({ orgId: '123456', tokenName: 'stack-99-metrics-write', region: 'prod-us-east-0' });
    expect(s.privilege).toBeUndefined();
    expect(s.evidence[0]).toMatch(/"stack-99-metrics-write" \(org 123456, region prod-us-east-0\)/);
    expect(s.evidence[0]).toMatch(/scopes live in the access policy/);
  });

  it('accepts a numeric org id and no metadata', () => {
    const s = decodeGrafanaCloud(token({ o: 42, n: 'ci', k: FAKE_K }), ctx)!;
    expect(s.facts['orgId']).toBe('42');
    expect(s.facts['region']).toBeUndefined();
  });

  it('never includes the k field', () => {
    expect(JSON.stringify(decodeGrafanaCloud(token({ o: '1', n: 'x', k: FAKE_K, m: { r: 'eu' } }), ctx))).not.toContain(
      'FAKEKEY',
    );
  });

  it('returns undefined for what does not decode', () => {
    expect(decodeGrafanaCloud('glc_' + 'A'.repeat(40), ctx)).toBeUndefined();
    expect(decodeGrafanaCloud(token({ k: FAKE_K }), ctx)).toBeUndefined();
    expect(decodeGrafanaCloud('glsa_abc', ctx)).toBeUndefined();
  });
});
