// AWS access key ids: the AWS account id is encoded in the id itself. Base32-decode (RFC 4648
// alphabet A-Z2-7) the 16 characters after the 4-character prefix, read the first 6 bytes as a
// big-endian 48-bit integer, mask with 0x7FFFFFFFFF80 and shift right by 7: the 12-digit account
// id. Source: trufflesecurity/trufflehog pkg/detectors/aws/utils.go, after Tal Beery's write-up.
// Legacy ids (AKIAI…, AKIAJ…) predate the scheme and are not decoded; the same rule is applied
// to ASIAI…/ASIAJ… (uncertain: the sources only name the AKIA forms). Policies are not encoded:
// privilege stays with the detector's metadata (or --verify).

import type { DecodedScope, DecodeContext } from '../decoder-types.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32Decode(text: string): Uint8Array | undefined {
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const ch of text) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) return undefined;
    buffer = ((buffer << 5) | v) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push((buffer >> bits) & 0xff);
    }
  }
  return Uint8Array.from(out);
}

/** The 12-digit account id encoded in an AKIA/ASIA key id, or undefined (legacy or malformed ids). */
export function awsAccountIdFromKeyId(keyId: string): string | undefined {
  const m = /^(AKIA|ASIA)([A-Z2-7]{16})$/.exec(keyId);
  if (!m) return undefined;
  const body = m[2]!;
  if (body.startsWith('I') || body.startsWith('J')) return undefined;
  const bytes = base32Decode(body);
  if (!bytes || bytes.length < 6) return undefined;
  let n = 0n;
  for (let i = 0; i < 6; i++) n = (n << 8n) | BigInt(bytes[i]!);
  const account = (n & 0x7fffffffff80n) >> 7n;
  return account.toString().padStart(12, '0');
}

export function decodeAwsKeyId(secret: string, ctx: DecodeContext): DecodedScope | undefined {
  // The match may be the key id itself, or a secret access key with the id in a named group.
  const candidates = [
    secret.trim(),
    ctx.groups['keyId'],
    ctx.groups['key_id'],
    ctx.groups['id'],
    ctx.groups['accessKeyId'],
  ];
  const keyId = candidates.find((c): c is string => c !== undefined && /^(?:AKIA|ASIA)[A-Z2-7]{16}$/.test(c));
  if (!keyId) return undefined;
  const temporary = keyId.startsWith('ASIA');
  const scope: DecodedScope = { facts: {}, evidence: [] };
  scope.evidence.push(
    temporary
      ? 'ASIA key id: temporary STS credentials (needs a session token; expire within hours)'
      : 'AKIA key id: long-term IAM user access key (valid until deleted)',
  );
  const account = awsAccountIdFromKeyId(keyId);
  if (account) {
    scope.facts['accountId'] = account;
    scope.evidence.push(`Key id encodes AWS account ${account}`);
  } else {
    scope.evidence.push(`Legacy key id format (${keyId.slice(0, 5)}…): the account id is not encoded`);
  }
  return scope;
}
