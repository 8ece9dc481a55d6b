import { describe, expect, it } from 'vitest';
import { decodeJwtScope } from '../../../src/providers/formats/jwt-scope.js';
import { isWellKnownDemoJwt } from '../../../src/providers/formats/jwt.js';
import type { DecodeContext } from '../../../src/providers/decoder-types.js';
import { randomAlnum } from '../../helpers/tokens.js';

const ctx: DecodeContext = {
  groups: {},
  path: 'config/app.env',
  defaults: { privilege: 'unknown', breadth: 'unknown', tokenType: 'jwt' },
  now: new Date('2026-06-01T00:00:00Z'),
};

const b64 = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');

function jwt(claims: Record<string, unknown>): string {
  return `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}.${randomAlnum(43)}`;
}

describe('jwt decoder: expiry in words', () => {
  it('a token without exp is said to work until its signing key is rotated', () => {
    const s = decodeJwtScope(jwt({ sub: 'svc' }), ctx)!;
    expect(s.expiresAt).toBeUndefined();
    expect(s.evidence.join('\n')).toMatch(/no expiry/);
  });

  it('a token that has not expired says until when it works', () => {
    const s = decodeJwtScope(jwt({ sub: 'svc', exp: Date.parse('2026-07-01T00:00:00Z') / 1000 }), ctx)!;
    expect(s.expiresAt).toBe('2026-07-01T00:00:00.000Z');
    expect(s.evidence.join('\n')).toMatch(/valid until 2026-07-01/);
  });

  it('an expired token only carries its expiry (describeScope marks it expired)', () => {
    const s = decodeJwtScope(jwt({ sub: 'svc', exp: Date.parse('2020-01-01T00:00:00Z') / 1000 }), ctx)!;
    expect(s.expiresAt).toBe('2020-01-01T00:00:00.000Z');
    expect(s.evidence.join('\n')).not.toMatch(/valid until|no expiry/);
  });
});

describe('well-known demo JWTs', () => {
  it("jwt.io's sample claims are documentation, whatever the signature or what surrounds them", () => {
    const sample = jwt({ sub: '1234567890', name: 'John Doe', iat: 1516239022 });
    expect(isWellKnownDemoJwt(sample)).toBe(true);
    expect(isWellKnownDemoJwt(`Bearer ${sample}`)).toBe(true);
    expect(isWellKnownDemoJwt(jwt({ sub: '1234567890', name: 'Jane Roe' }))).toBe(false);
    expect(isWellKnownDemoJwt(randomAlnum(40))).toBe(false);
  });
});
