// Builds fake tokens that the offline decoders can read (PyPI and Fly.io macaroons, GitLab
// routable tokens, JWTs, SAS URLs, key files…), at test time, with random filler where the real
// token has key material: the same constructions as test/providers/decoders/*.test.ts.
import { randomBytes } from 'node:crypto';
import { gitlabRoutableSuffix } from '../../src/providers/formats/checksums.js';
import { randomAlnum } from './tokens.js';

const b64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64');

/** Unix seconds, `days` from `now` (negative: in the past). */
export function epochIn(days: number, now: Date): number {
  return Math.floor(now.getTime() / 1000) + Math.round(days * 86_400);
}

// --- PyPI: v2 binary macaroon (see src/providers/pypi/macaroon.ts) --------------------------

function varint(n: number): Buffer {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n = Math.floor(n / 128);
    if (n > 0) b |= 0x80;
    out.push(b);
  } while (n > 0);
  return Buffer.from(out);
}

/** One macaroon v2 field: varint type, varint length, bytes. */
export function macaroonPacket(type: number, data: string | Buffer): Buffer {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  return Buffer.concat([varint(type), varint(bytes.length), bytes]);
}

/** `pypi-…` with the given caveat predicates (JSON values), e.g. `[1, ["acme-widgets"]]`. */
export function pypiToken(caveats: unknown[], location = 'pypi.org'): string {
  const EOS = Buffer.from([0]);
  const parts: Buffer[] = [
    Buffer.from([0x02]),
    macaroonPacket(1, location),
    macaroonPacket(2, randomBytes(24).toString('hex')),
    EOS,
  ];
  for (const caveat of caveats) parts.push(macaroonPacket(2, JSON.stringify(caveat)), EOS);
  parts.push(EOS, macaroonPacket(6, randomBytes(32)));
  return `pypi-${Buffer.concat(parts).toString('base64url')}`;
}

// --- GitLab routable tokens (src/providers/gitlab/routable.ts) ------------------------------

/** A routable token with a valid CRC, e.g. `gitlabRoutable('glpat-', { o: 1, u: 42 })`. */
export function gitlabRoutable(prefix: string, routing: Record<string, number>): string {
  const payload = Object.entries(routing)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}:${v.toString(36)}`)
    .join('\n');
  const raw = Buffer.concat([randomBytes(16), Buffer.from(payload, 'utf8'), Buffer.from([Buffer.byteLength(payload)])]);
  const body = raw.toString('base64url');
  const stem = `${prefix}${body}.01.${body.length.toString(36).padStart(2, '0')}`;
  return stem + gitlabRoutableSuffix(stem);
}

// --- Tokens with embedded base64 JSON ------------------------------------------------------------

export function sentryOrgToken(payload: Record<string, unknown>): string {
  return `sntrys_${b64(payload)}_${randomAlnum(43)}`;
}

export function grafanaCloudToken(payload: Record<string, unknown>): string {
  return `glc_${b64({ ...payload, k: randomAlnum(32) })}`;
}

export function dopplerServiceToken(config: string): string {
  return `dp.st.${config}.${randomAlnum(40)}`;
}

// --- JWTs ----------------------------------------------------------------------------------------

export function jwt(
  claims: Record<string, unknown>,
  header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' },
): string {
  return `${b64url(header)}.${b64url(claims)}.${randomBytes(32).toString('base64url')}`;
}

/** The stateless GitHub App installation token, `ghs_<app id>_<JWT>`. */
export function githubStatelessInstallationToken(appId: string, claims: Record<string, unknown>): string {
  return `ghs_${appId}_${jwt(claims, { alg: 'RS256', typ: 'JWT' })}`;
}

// --- AWS access key ids (src/providers/aws/key-id.ts) ---------------------------------------

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = ((value << 8) | b) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** A key id that encodes `account` the way current AWS ids do (high flag bit set). */
export function awsKeyId(prefix: 'AKIA' | 'ASIA', account: bigint): string {
  const n = (1n << 47n) | (account << 7n) | BigInt(randomBytes(1)[0]! & 0x7f);
  const bytes = new Uint8Array(10);
  for (let i = 0; i < 6; i++) bytes[i] = Number((n >> BigInt(8 * (5 - i))) & 0xffn);
  bytes.set(randomBytes(4), 6);
  return prefix + base32(bytes);
}

/** A 40-character secret access key: base64 alphabet with every character class. */
export function awsSecretAccessKey(): string {
  return `${randomAlnum(36)}aZ9/`;
}

// --- Google Cloud service-account key file -------------------------------------------------------

export function gcpKeyFile(clientEmail: string, projectId: string): string {
  const body = randomBytes(120)
    .toString('base64')
    .replace(/(.{64})/g, '$1\n');
  return JSON.stringify(
    {
      type: 'service_account',
      project_id: projectId,
      private_key_id: randomBytes(20).toString('hex'),
      private_key: `-----BEGIN PRIVATE KEY-----\n${body}\n-----END PRIVATE KEY-----\n`,
      client_email: clientEmail,
      client_id: '100000000000000000001',
      token_uri: 'https://oauth2.googleapis.com/token',
    },
    null,
    2,
  );
}

// --- Azure shared access signatures --------------------------------------------------------------

/** A URL-encoded base64 signature (what `sig=` carries). */
export function sasSignature(): string {
  return encodeURIComponent(randomBytes(32).toString('base64'));
}

// --- Fly.io macaroons: MessagePack arrays (src/providers/flyio/macaroon.ts) -----------------

export type MsgValue =
  null | boolean | number | string | Uint8Array | MsgValue[] | { map: Array<[MsgValue, MsgValue]> };

function uint(n: number, bytes: number): Buffer {
  const b = Buffer.alloc(bytes);
  if (bytes === 1) b.writeUInt8(n);
  else if (bytes === 2) b.writeUInt16BE(n);
  else b.writeUInt32BE(n);
  return b;
}

function msgpack(v: MsgValue): Buffer {
  if (v === null) return Buffer.from([0xc0]);
  if (typeof v === 'boolean') return Buffer.from([v ? 0xc3 : 0xc2]);
  if (typeof v === 'number') {
    if (v >= 0 && v < 128) return Buffer.from([v]);
    if (v >= 0 && v < 256) return Buffer.concat([Buffer.from([0xcc]), uint(v, 1)]);
    if (v >= 0 && v < 65536) return Buffer.concat([Buffer.from([0xcd]), uint(v, 2)]);
    if (v >= 0 && v < 2 ** 32) return Buffer.concat([Buffer.from([0xce]), uint(v, 4)]);
    throw new Error('number out of range for this encoder');
  }
  if (typeof v === 'string') {
    const s = Buffer.from(v, 'utf8');
    return s.length < 32
      ? Buffer.concat([Buffer.from([0xa0 | s.length]), s])
      : Buffer.concat([Buffer.from([0xd9]), uint(s.length, 1), s]);
  }
  if (v instanceof Uint8Array) return Buffer.concat([Buffer.from([0xc4]), uint(v.length, 1), Buffer.from(v)]);
  if (Array.isArray(v)) {
    const head =
      v.length < 16 ? Buffer.from([0x90 | v.length]) : Buffer.concat([Buffer.from([0xdc]), uint(v.length, 2)]);
    return Buffer.concat([head, ...v.map(msgpack)]);
  }
  const head = Buffer.from([0x80 | v.map.length]);
  return Buffer.concat([head, ...v.map.flatMap(([k, val]) => [msgpack(k), msgpack(val)])]);
}

/** Caveats as `[type, body]` pairs; action masks: r=1 w=2 c=4 d=8 C=16, 0xffff for all. */
export const flyCaveat = {
  organization: (id: number, mask: number): MsgValue[] => [0, [id, mask]],
  apps: (entries: Array<[number, number]>): MsgValue[] => [3, [{ map: entries }]],
  validity: (notBefore: number, notAfter: number): MsgValue[] => [4, [notBefore, notAfter]],
};

/** `fm2_…`: one Fly.io macaroon with the given caveats (random nonce and tail). */
export function flyMacaroon(caveats: MsgValue[][]): string {
  const body: MsgValue = [[randomBytes(16), randomBytes(16)], 'https://api.fly.io/v1', caveats.flat(), randomBytes(32)];
  return `fm2_${msgpack(body).toString('base64')}`;
}
