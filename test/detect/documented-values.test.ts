// Values vendors publish in their own documentation, and signed claims that are not bearer
// credentials: neither is a leak, however real their format looks.

import { describe, expect, it } from 'vitest';
import { placeholderKind } from '../../src/detect/placeholder.js';
import { validators } from '../../src/detect/validators.js';
import { judgePasswordValue } from '../../src/detect/generic-value.js';

const b64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (header: Record<string, unknown>, payload: Record<string, unknown>): string =>
  `${b64url(header)}.${b64url(payload)}.${'s'.repeat(43)}`;

describe('documented example keys', () => {
  it('are templates, never reported', () => {
    for (const value of [
      'AKIAIOSFODNN7EXAMPLE',
      'sk_test_4eC39HqLyjWDarjtT1zdp7dc',
      'xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy',
      // RFC 8032 TEST 1's Ed25519 secret key, with and without a 0x prefix.
      '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60',
      '0x9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60',
      // Orchestra Testbench's APP_KEY and its skeleton's base64 key; Joomla's shipped $secret.
      'AckfSECXIvnK5r28GVIWUAxmbBSjTsmF',
      'base64:2fl+Ktvkfl+Fuz4Qp/A75G2RTiWVA/ZoKZvp6fiiM10=',
      'FBVtggIk5lAzEU9H',
    ])
      expect(placeholderKind(value), value.slice(0, 8)).toBe('template');
  });

  it('leave other keys of the same formats alone', () => {
    expect(placeholderKind('sk_test_9Lm2Qx7Vb3Nc8sKp4Rw1Tz6y')).toBeUndefined();
  });
});

describe('the jwt validator', () => {
  const check = (token: string) => validators.jwt(token);

  it('accepts a bearer JWT and refuses jwt.io’s demo token', () => {
    expect(check(jwt({ alg: 'HS256', typ: 'JWT' }, { sub: 'u-81', exp: 4102444800 }))).toBe(true);
    expect(check(jwt({ alg: 'HS256', typ: 'JWT' }, { sub: '1234567890', name: 'John Doe' }))).toBe(false);
  });

  it('reads a NATS JWT (an nkey-signed claim) as a note: logging in takes its seed', () => {
    expect(check(jwt({ typ: 'JWT', alg: 'ed25519-nkey' }, { sub: 'UABC', nats: { type: 'user' } }))).toEqual({
      ok: true,
      confidence: 'low',
    });
  });
});

describe('what a password key may hold that is not a password', () => {
  it("reads Django's stored hashes and Magento's encrypted config values as such", () => {
    const salt = 'Qx7mVb3Nc8sKp4Rw1Tz6yL';
    const digest = 'k2Wm9Zp4Lx7Vc3Nb8Kw1Pr5Hd6Jf0Gs4Ye2Ua8Ri3=';
    for (const value of [
      `pbkdf2_sha256$870000$${salt}$${digest}`,
      `argon2$argon2id$v=19$m=102400,t=2,p=8$${salt}$${digest}`,
      `0:3:${salt}${digest}`,
    ])
      expect(judgePasswordValue(value, 'password', { quote: '"' }), value.slice(0, 10)).toBe('reject');
  });

  it('still accepts a password that only starts like one', () => {
    expect(judgePasswordValue('pbkdf2-Lx7Vc3Nb!', 'password', { quote: '"' })).toBe('ok');
  });
});
