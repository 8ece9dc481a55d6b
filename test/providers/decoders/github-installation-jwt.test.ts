import { describe, expect, it } from 'vitest';
import { decodeGithubInstallationJwt } from '../../../src/providers/github/installation-jwt.js';
import type { DecodeContext } from '../../../src/providers/decoder-types.js';

const ctx: DecodeContext = {
  groups: {},
  path: '.github/workflows/ci.yml',
  defaults: { privilege: 'destructive', breadth: 'org', tokenType: 'installation-token' },
  now: new Date('2026-06-01T00:00:00Z'),
};

const b64 = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');
// Fake signature segment: not a signature at all.
const FAKE_SIG = 'FAKESIGNATURE-FAKESIGNATURE_FAKESIGNATURE';

function token(appId: string, claims: Record<string, unknown>): string {
  return `ghs_${appId}_${b64({ alg: 'RS256', typ: 'JWT' })}.${b64(claims)}.${FAKE_SIG}`;
}

describe('github-installation-jwt decoder', () => {
  it('reads the app id and standard claims', () => {
    const s = decodeGithubInstallationJwt(
      token('123456', { iss: 'https://github.example', exp: 1780000000, iat: 1779996400, sub: 'installation' }),
      ctx,
    )!;
    expect(s.facts).toEqual({
      appId: '123456',
      issuer: 'https://github.example',
      subject: 'installation',
      issuedAt: new Date(1779996400 * 1000).toISOString(),
    });
    expect(s.expiresAt).toBe(new Date(1780000000 * 1000).toISOString());
    expect(s.breadth).toBe('org');
    expect(s.privilege).toBeUndefined();
    expect(s.evidence.join('\n')).toMatch(/GitHub App 123456/);
  });

  it('reads an installation id and a permissions object when present (unverified hints)', () => {
    const s = decodeGithubInstallationJwt(
      token('99', {
        exp: 1780000000,
        installation_id: 4242,
        permissions: { contents: 'write', metadata: 'read', administration: 'write' },
      }),
      ctx,
    )!;
    expect(s.facts['installationId']).toBe('4242');
    expect(s.scopes).toEqual(['contents:write', 'metadata:read', 'administration:write']);
    expect(s.privilege).toBe('destructive');
    expect(s.evidence.join('\n')).toMatch(/unverified hint/);
  });

  it('read-only permissions are read', () => {
    expect(
      decodeGithubInstallationJwt(token('99', { permissions: { contents: 'read', metadata: 'read' } }), ctx)?.privilege,
    ).toBe('read');
  });

  it('members write is admin', () => {
    expect(decodeGithubInstallationJwt(token('99', { permissions: { members: 'write' } }), ctx)?.privilege).toBe(
      'admin',
    );
  });

  it('keeps the app id when the JWT does not decode', () => {
    const s = decodeGithubInstallationJwt('ghs_77_aaaa.bbbb.cccc', ctx)!;
    expect(s.facts['appId']).toBe('77');
    expect(s.evidence.join('\n')).toMatch(/could not be decoded/);
  });

  it('never echoes the signature', () => {
    expect(JSON.stringify(decodeGithubInstallationJwt(token('1', { exp: 1780000000 }), ctx))).not.toContain(
      'FAKESIGNATURE',
    );
  });

  it('returns undefined for classic ghs_ tokens and other shapes', () => {
    expect(decodeGithubInstallationJwt('ghs_' + 'a'.repeat(36), ctx)).toBeUndefined();
    expect(decodeGithubInstallationJwt('ghp_123_a.b.c', ctx)).toBeUndefined();
    expect(decodeGithubInstallationJwt('ghs_abc_a.b.c', ctx)).toBeUndefined();
  });
});
