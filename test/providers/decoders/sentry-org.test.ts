import { describe, expect, it } from 'vitest';
import { decodeSentryOrg } from '../../../src/providers/sentry/org-token.js';
import type { DecodeContext } from '../../../src/providers/decoder-types.js';

const ctx: DecodeContext = {
  groups: {},
  path: '.github/workflows/release.yml',
  defaults: { privilege: 'write', breadth: 'org', tokenType: 'org-token' },
  now: new Date('2026-06-01T00:00:00Z'),
};

// An obviously fake 43-character trailing secret.
const FAKE_SECRET = 'FAKE'.repeat(10) + 'FAK';

function token(payload: unknown): string {
  return `sntrys_${Buffer.from(JSON.stringify(payload)).toString('base64')}_${FAKE_SECRET}`;
}

describe('sentry-org decoder', () => {
  it('reads org, url and region', () => {
    const s = decodeSentryOrg(
      token({ iat: 1767225600.5, url: 'https://sentry.io', region_url: 'https://us.sentry.io', org: 'example-org' }),
      ctx,
    )!;
    expect(s.facts).toEqual({
      org: 'example-org',
      url: 'https://sentry.io',
      region: 'https://us.sentry.io',
      issuedAt: '2026-01-01T00:00:00.500Z',
    });
    expect(s.privilege).toBe('write');
    expect(s.breadth).toBe('org');
    expect(s.scopes).toEqual(['org:ci', 'project:releases']);
    expect(s.evidence[0]).toMatch(/"example-org" on https:\/\/sentry.io/);
  });

  it('works for self-hosted instances without a region', () => {
    const s = decodeSentryOrg(
      token({ iat: 1767225600, url: 'https://sentry.example.test', region_url: '', org: 'acme' }),
      ctx,
    )!;
    expect(s.facts['region']).toBeUndefined();
    expect(s.facts['url']).toBe('https://sentry.example.test');
  });

  it('never includes the trailing secret', () => {
    expect(JSON.stringify(decodeSentryOrg(token({ org: 'acme', url: 'https://sentry.io' }), ctx))).not.toContain(
      'FAKEFAKE',
    );
  });

  it('returns undefined for what does not decode', () => {
    expect(decodeSentryOrg('sntrys_notbase64!_x', ctx)).toBeUndefined();
    expect(decodeSentryOrg(token({ something: 'else' }), ctx)).toBeUndefined();
    expect(decodeSentryOrg(`sntrys_${Buffer.from('[1,2]').toString('base64')}_${FAKE_SECRET}`, ctx)).toBeUndefined();
    expect(decodeSentryOrg('sntryu_' + 'a'.repeat(64), ctx)).toBeUndefined();
  });
});
