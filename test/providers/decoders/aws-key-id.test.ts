import { describe, expect, it } from 'vitest';
import { awsAccountIdFromKeyId, decodeAwsKeyId } from '../../../src/providers/aws/key-id.js';
import type { DecodeContext } from '../../../src/providers/decoder-types.js';

function ctx(groups: Record<string, string> = {}): DecodeContext {
  return {
    groups,
    path: 'config/aws.ini',
    defaults: { privilege: 'unknown', breadth: 'account', tokenType: 'access-key' },
    now: new Date('2026-06-01T00:00:00Z'),
  };
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/** Builds a key id encoding `account`, with the high flag bit set as in current AWS ids. */
function keyId(prefix: 'AKIA' | 'ASIA', account: bigint, lowBits = 0x2an, tail = [0x11, 0x22, 0x33, 0x44]): string {
  const n = (1n << 47n) | (account << 7n) | lowBits;
  const bytes = new Uint8Array(10);
  for (let i = 0; i < 6; i++) bytes[i] = Number((n >> BigInt(8 * (5 - i))) & 0xffn);
  bytes.set(tail, 6);
  return prefix + base32(bytes);
}

describe('aws-key-id decoder', () => {
  it('round-trips constructed ids (BigInt arithmetic beyond 32 bits)', () => {
    for (const account of [123456789012n, 1n, 999999999999n, 4294967297n]) {
      const id = keyId('AKIA', account);
      expect(id).toMatch(/^AKIA[A-Z2-7]{16}$/);
      expect(awsAccountIdFromKeyId(id)).toBe(account.toString().padStart(12, '0'));
    }
  });

  it('AKIA: long-term key with its account id', () => {
    const s = decodeAwsKeyId(keyId('AKIA', 123456789012n), ctx())!;
    expect(s.facts['accountId']).toBe('123456789012');
    expect(s.evidence.join('\n')).toMatch(/long-term IAM user access key/);
    expect(s.evidence.join('\n')).toMatch(/account 123456789012/);
    expect(s.privilege).toBeUndefined();
  });

  it('ASIA: temporary credentials', () => {
    const s = decodeAwsKeyId(keyId('ASIA', 42n), ctx())!;
    expect(s.facts['accountId']).toBe('000000000042');
    expect(s.evidence.join('\n')).toMatch(/temporary STS credentials/);
  });

  it('zero-pads to 12 digits', () => {
    expect(awsAccountIdFromKeyId(keyId('AKIA', 7n))).toBe('000000000007');
  });

  it('legacy AKIAI/AKIAJ ids: no account id', () => {
    const s = decodeAwsKeyId('AKIAIFAKEFAKEFAKE234', ctx())!;
    expect(s.facts['accountId']).toBeUndefined();
    expect(s.evidence.join('\n')).toMatch(/Legacy key id/);
    expect(awsAccountIdFromKeyId('AKIAJFAKEFAKEFAKE234')).toBeUndefined();
  });

  it('reads the key id from a named group when the match is the secret key', () => {
    const s = decodeAwsKeyId('fakeSecretAccessKeyFakeSecretAccessKey00', ctx({ keyId: keyId('AKIA', 555n) }))!;
    expect(s.facts['accountId']).toBe('000000000555');
  });

  it('returns undefined for anything else', () => {
    expect(decodeAwsKeyId('AKIA123', ctx())).toBeUndefined();
    expect(decodeAwsKeyId('ABIAFAKEFAKEFAKEFAKE', ctx())).toBeUndefined();
    expect(decodeAwsKeyId('akiafakefakefakefake', ctx())).toBeUndefined();
  });
});
