// judgeGenericValue at the edges of its rules: the length bounds, the entropy threshold of each
// length band (3.2 under 20 characters, 3.5 under 32, 3.8 from 32), the hex rule, the bare-key
// rule, and which names vouch for a value at all. Values near a threshold are built from fixed
// seeds and their entropy is checked first, so each edge case tests the edge it claims to.

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { characterClasses, shannonEntropy } from '../../src/detect/entropy.js';
import { judgeGenericValue } from '../../src/detect/generic-value.js';
import { seededAlnum } from '../helpers/tokens.js';

const ctx = { quote: '"', path: 'config.yml' };

/** Mixed-case letters and digits, no ascending runs among neighbours: nothing here reads as a word. */
const POOL = 'Zq8Xv3Lm9Rt2Kp7Wc4Nb6Hd1Gs5Jf0Yx';

/** A value of `length` over the first `distinct` characters of POOL, chosen by a seeded hash. */
function drawn(seed: string, length: number, distinct: number): string {
  let out = '';
  for (let block = 0; out.length < length; block++) {
    for (const b of createHash('sha256').update(`${seed}/${block}`).digest()) {
      out += POOL[b % distinct];
      if (out.length === length) break;
    }
  }
  return out;
}

/** The first seeded value of `length` whose entropy is in [min, max): fixed, so every run tests the same text. */
function withEntropy(length: number, min: number, max: number): string {
  for (let i = 0; i < 20_000; i++) {
    for (const distinct of [6, 8, 10, 12, 14, 16, 20, 24, 28, 32]) {
      const value = drawn(`edge-${length}-${i}`, length, distinct);
      const e = shannonEntropy(value);
      if (e >= min && e < max && characterClasses(value) >= 2 && !/^[0-9a-f]+$/i.test(value)) return value;
    }
  }
  throw new Error(`no seeded value of length ${length} with entropy in [${min}, ${max})`);
}

describe('length bounds', () => {
  it('12 to 512 characters may be a secret; 11 or 513 never', () => {
    const long = seededAlnum('generic/long', 513);
    expect(judgeGenericValue(long.slice(0, 512), 'api_key', ctx)).toBe(true);
    expect(judgeGenericValue(long, 'api_key', ctx)).toBe(false);
    const twelve = 'Zq8Xv3Lm9Rt2';
    expect(shannonEntropy(twelve)).toBeGreaterThanOrEqual(3.2);
    expect(judgeGenericValue(twelve, 'api_key', ctx)).toBe(true);
    expect(judgeGenericValue(twelve.slice(0, 11), 'api_key', ctx)).toBe(false);
  });
});

describe('the entropy threshold of each length band', () => {
  it.for([
    [12, 3.2],
    [19, 3.2],
    [20, 3.5],
    [31, 3.5],
    [32, 3.8],
    [48, 3.8],
  ] as const)('at %i characters the threshold is %f', ([length, threshold]) => {
    const above = withEntropy(length, threshold, threshold + 0.15);
    const below = withEntropy(length, threshold - 0.15, threshold);
    expect(above).toHaveLength(length);
    expect(below).toHaveLength(length);
    expect(judgeGenericValue(above, 'api_key', ctx)).toBe(true);
    expect(judgeGenericValue(below, 'api_key', ctx)).toBe(false);
  });

  it('the bands are by length: an entropy that passes at 19 characters fails at 20', () => {
    const at19 = withEntropy(19, 3.2, 3.45);
    expect(judgeGenericValue(at19, 'api_key', ctx)).toBe(true);
    const at20 = withEntropy(20, 3.2, 3.45);
    expect(judgeGenericValue(at20, 'api_key', ctx)).toBe(false);
  });
});

describe('hex values', () => {
  const hex = createHash('sha256').update('generic/hex').digest('hex');

  it('from 16 hex digits with entropy from 3.0; 15 are too few', () => {
    expect(shannonEntropy(hex.slice(0, 16))).toBeGreaterThanOrEqual(3.0);
    expect(judgeGenericValue(hex.slice(0, 16), 'api_key', ctx)).toBe(true);
    expect(judgeGenericValue(hex.slice(0, 15), 'api_key', ctx)).toBe(false);
  });

  it('repetitive hex under entropy 3.0 is not a secret', () => {
    const dull = 'ab12ab12ab12ab12ab12';
    expect(shannonEntropy(dull)).toBeLessThan(3.0);
    expect(judgeGenericValue(dull, 'api_key', ctx)).toBe(false);
  });

  it('a hash under a commit or digest name is a hash, not a secret', () => {
    expect(judgeGenericValue(hex.slice(0, 40), 'api_key', ctx)).toBe(true);
    expect(judgeGenericValue(hex.slice(0, 40), 'commit_sha_token', ctx)).toBe(false);
  });

  it("git's signingkey holds a GPG key id, but a signing key elsewhere is a secret", () => {
    const id = hex.slice(0, 16).toUpperCase();
    expect(judgeGenericValue(id, 'signingkey', ctx)).toBe(false);
    expect(judgeGenericValue(id, 'user.signingkey', ctx)).toBe(false);
    expect(judgeGenericValue(hex.slice(0, 40), 'JWT_SIGNING_KEY', ctx)).toBe(true);
  });
});

describe('which names vouch for a value', () => {
  const random = seededAlnum('generic/random', 28);

  it('credential names do; other names do not, however random the value', () => {
    for (const name of ['api_key', 'clientSecret', 'AUTH_TOKEN', 'db_password'])
      expect(judgeGenericValue(random, name, ctx), name).toBe(true);
    for (const name of ['username', 'token_type', 'sort_key', 'color'])
      expect(judgeGenericValue(random, name, ctx), name).toBe(false);
  });

  it('a bare KEY needs 20+ characters, three character classes and entropy 4.2', () => {
    const strong = seededAlnum('generic/bare-key', 40);
    expect(characterClasses(strong)).toBeGreaterThanOrEqual(3);
    expect(shannonEntropy(strong)).toBeGreaterThanOrEqual(4.2);
    expect(judgeGenericValue(strong, 'KEY', ctx)).toBe(true);
    const modest = withEntropy(24, 3.8, 4.1);
    expect(judgeGenericValue(modest, 'api_key', ctx)).toBe(true);
    expect(judgeGenericValue(modest, 'KEY', ctx)).toBe(false);
  });
});

describe('classes of values that are not secrets', () => {
  it.for([
    ['a template reference', '${API_SECRET_VALUE}'],
    ['a mustache reference', '{{ secrets.api_key }}'],
    ['an angle-bracket placeholder', '<insert-api-key-here>'],
    ['a stand-in', 'your-api-key-goes-here'],
    ['filler', 'XXXXXXXXXXXXXXXXXXXXXXXX'],
    ['a path', 'config/credentials/app.settings'],
    ['an absolute path', '/var/run/secrets/api-key'],
    ['a URL', 'https://vault.internal.example/v1/secret'],
    ['an identifier', 'defaultApiKeyProvider'],
    ['a constant name', 'MAX_API_KEY_LENGTH_LIMIT'],
    ['prose', 'please set this value before deploying'],
    ['a non-ASCII label', 'clé secrète du service'],
    ['a keyboard walk', 'abcdefghijklmnop12345678'],
    ['a JetBrains path macro', '$REDIS_API_KEY_VALUE$'],
    ['a Symfony parameter in a path', '%kernel.project_dir%/config/jwt/private.pem'],
    ['Spring Cloud Config ciphertext', '{cipher}8f2c4e6a1b3d5f7092e4c6a8b0d2f4e6a8c0b2d4'],
    [
      'RabbitMQ encrypted: ciphertext',
      'encrypted:cPAymwqmMnbPXXRVqVzpxJdrS8mHEKuo2V+3vt1u/fymexD9oztQ2G/oJ4PAaSb2c5N/hRJ2aqP/X0VAfx8xOQ==',
    ],
    ['a Telegraf secret-store reference', '@{secretstore:rabbitmq_password}'],
    ['a WebLogic {AES} value', '{AES256}q8Zr2Lx0Vt6mWc4Ny1Kp9Bs3TqAbCdEf'],
    ['an unsigned JWT with no claims', 'eyJhbGciOiJub25lIn0.e30.'],
    ["Sentry's redaction marker", '[Filtered]'],
  ] as const)('rejects %s', ([, value]) => {
    expect(judgeGenericValue(value, 'api_key', ctx)).toBe(false);
  });

  it('accepts random values of every common alphabet', () => {
    const bytes = createHash('sha512').update('generic/alphabets').digest();
    for (const value of [
      seededAlnum('generic/alnum-b', 32),
      bytes.toString('base64').slice(0, 40),
      bytes.toString('base64url').slice(0, 40),
    ]) {
      expect(judgeGenericValue(value, 'api_key', ctx)).toBe(true);
    }
  });
});
