import { describe, expect, it } from 'vitest';
import { decodeFlyioMacaroon, maskToString } from '../../../src/providers/flyio/macaroon.js';
import type { DecodeContext } from '../../../src/providers/decoder-types.js';

const ctx: DecodeContext = {
  groups: {},
  path: 'fly.env',
  defaults: { privilege: 'destructive', breadth: 'org', tokenType: 'macaroon' },
  now: new Date('2026-06-01T00:00:00Z'),
};

// --- a minimal MessagePack encoder, enough to build test macaroons -----------------------------

type Enc = null | boolean | number | string | Uint8Array | Enc[] | { map: Array<[Enc, Enc]> };

function u(n: number, bytes: number): Buffer {
  const b = Buffer.alloc(bytes);
  if (bytes === 1) b.writeUInt8(n);
  else if (bytes === 2) b.writeUInt16BE(n);
  else b.writeUInt32BE(n);
  return b;
}

function enc(v: Enc): Buffer {
  if (v === null) return Buffer.from([0xc0]);
  if (v === false) return Buffer.from([0xc2]);
  if (v === true) return Buffer.from([0xc3]);
  if (typeof v === 'number') {
    if (v >= 0 && v < 128) return Buffer.from([v]);
    if (v < 0 && v >= -32) return Buffer.from([0x100 + v]);
    if (v >= 0 && v < 256) return Buffer.concat([Buffer.from([0xcc]), u(v, 1)]);
    if (v >= 0 && v < 65536) return Buffer.concat([Buffer.from([0xcd]), u(v, 2)]);
    if (v >= 0 && v < 2 ** 32) return Buffer.concat([Buffer.from([0xce]), u(v, 4)]);
    const b = Buffer.alloc(9);
    b[0] = v < 0 ? 0xd3 : 0xcf;
    b.writeBigInt64BE(BigInt(v), 1);
    return b;
  }
  if (typeof v === 'string') {
    const s = Buffer.from(v, 'utf8');
    if (s.length < 32) return Buffer.concat([Buffer.from([0xa0 | s.length]), s]);
    return Buffer.concat([Buffer.from([0xd9]), u(s.length, 1), s]);
  }
  if (v instanceof Uint8Array) return Buffer.concat([Buffer.from([0xc4]), u(v.length, 1), Buffer.from(v)]);
  if (Array.isArray(v)) {
    const head = v.length < 16 ? Buffer.from([0x90 | v.length]) : Buffer.concat([Buffer.from([0xdc]), u(v.length, 2)]);
    return Buffer.concat([head, ...v.map(enc)]);
  }
  const head =
    v.map.length < 16 ? Buffer.from([0x80 | v.map.length]) : Buffer.concat([Buffer.from([0xde]), u(v.map.length, 2)]);
  return Buffer.concat([head, ...v.map.flatMap(([k, val]) => [enc(k), enc(val)])]);
}

// --- Fly.io shapes (see the layout comment in src/providers/flyio/macaroon.ts) -------------

const ALL = 0xffff;
const r = 1;
const w = 2;
const d = 8;
const FAKE_KID = new Uint8Array(16).fill(0xab);
const FAKE_RND = new Uint8Array(16).fill(0xcd);
const FAKE_TAIL = new Uint8Array(32).fill(0xef);

const org = (id: number, mask: number): Enc[] => [0, [id, mask]];
const apps = (entries: Array<[number, number]>): Enc[] => [3, [{ map: entries }]];
const volumes = (entries: Array<[string, number]>): Enc[] => [2, [{ map: entries }]];
const validity = (nb: number, na: number): Enc[] => [4, [nb, na]];
const mutations = (names: string[]): Enc[] => [6, [names]];
const thirdParty = (location: string): Enc[] => [11, [location, new Uint8Array(24), new Uint8Array(24)]];
const ifPresent = (ifs: Enc[], elseMask: number): Enc[] => [13, [ifs, elseMask]];

function macaroon(caveats: Enc[][], opts: { location?: string; proof?: boolean } = {}): string {
  const nonce: Enc[] = opts.proof === undefined ? [FAKE_KID, FAKE_RND] : [FAKE_KID, FAKE_RND, opts.proof];
  const body: Enc = [nonce, opts.location ?? 'https://api.fly.io/v1', caveats.flat(), FAKE_TAIL];
  return enc(body).toString('base64');
}

const NA = Date.UTC(2046, 0, 1) / 1000;

describe('flyio-macaroon decoder', () => {
  it('org token: whole organization, destructive, expiry, third-party caveat', () => {
    const token = `FlyV1 fm2_${macaroon([org(1234, ALL), thirdParty('https://api.fly.io/aaa/v1'), validity(1767225600, NA)], { proof: false })}`;
    expect(token).toMatch(/^FlyV1 fm2_lJPE/); // the shape the detector matches
    const s = decodeFlyioMacaroon(token, ctx)!;
    expect(s.breadth).toBe('org');
    expect(s.privilege).toBe('destructive');
    expect(s.facts['orgId']).toBe('1234');
    expect(s.facts['orgMask']).toBe('*');
    expect(s.facts['thirdParty']).toEqual(['https://api.fly.io/aaa/v1']);
    expect(s.expiresAt).toBe('2046-01-01T00:00:00.000Z');
    const text = s.evidence.join('\n');
    expect(text).toMatch(/whole organization 1234/);
    expect(text).toMatch(/can delete/);
    expect(text).toMatch(/year\(s\) away/);
    expect(text).toMatch(/none included/);
  });

  it('deploy token limited to one app: project breadth', () => {
    const s = decodeFlyioMacaroon(`fm2_${macaroon([org(1234, ALL), apps([[5678, ALL]])])}`, ctx)!;
    expect(s.breadth).toBe('project');
    expect(s.facts['appIds']).toEqual(['5678']);
    expect(s.privilege).toBe('destructive');
    expect(s.evidence.join('\n')).toMatch(/Apps caveat limits the token to app\(s\) 5678 \(\*\)/);
  });

  it('an app wildcard (id 0) does not narrow the breadth', () => {
    const s = decodeFlyioMacaroon(`fm2_${macaroon([org(1234, ALL), apps([[0, r | w]])])}`, ctx)!;
    expect(s.breadth).toBe('org');
    expect(s.privilege).toBe('write');
  });

  it('read-only org mask: read', () => {
    const s = decodeFlyioMacaroon(`fm2_${macaroon([org(1234, r)])}`, ctx)!;
    expect(s.privilege).toBe('read');
    expect(s.breadth).toBe('org');
    expect(s.facts['orgMask']).toBe('r');
    expect(s.scopes).toEqual(['r']);
    expect(s.evidence.join('\n')).toMatch(/read-only/);
  });

  it('IfPresent on apps with a read-only fallback: project breadth', () => {
    const s = decodeFlyioMacaroon(
      `fm2_${macaroon([org(1234, ALL), ifPresent([...apps([[5678, r | w | d]])], r)])}`,
      ctx,
    )!;
    expect(s.breadth).toBe('project');
    expect(s.facts['appIds']).toEqual(['5678']);
    expect(s.privilege).toBe('destructive');
    expect(s.evidence.join('\n')).toMatch(/elsewhere in the organization: r/);
  });

  it('IfPresent with a writable fallback stays org-wide', () => {
    const s = decodeFlyioMacaroon(
      `fm2_${macaroon([org(1234, ALL), ifPresent([...apps([[5678, ALL]])], r | w)])}`,
      ctx,
    )!;
    expect(s.breadth).toBe('org');
  });

  it('volumes-only restriction: resource breadth', () => {
    const s = decodeFlyioMacaroon(`fm2_${macaroon([org(1234, r | w), volumes([['vol_fake123', r]])])}`, ctx)!;
    expect(s.breadth).toBe('resource');
    expect(s.privilege).toBe('read');
  });

  it('mutations caveat: privilege from mutation names', () => {
    const s = decodeFlyioMacaroon(`fm2_${macaroon([org(1234, ALL), mutations(['deleteVolume', 'createApp'])])}`, ctx)!;
    expect(s.facts['mutations']).toEqual(['deleteVolume', 'createApp']);
    expect(s.privilege).toBe('destructive');
    expect(decodeFlyioMacaroon(`fm2_${macaroon([org(1234, ALL), mutations(['createApp'])])}`, ctx)?.privilege).toBe(
      'write',
    );
  });

  it('bundle with a discharge: counts tokens, takes the earliest expiry, ignores attestations', () => {
    const perm = macaroon([org(1234, ALL), thirdParty('https://auth.fly.io'), validity(0, NA)], { proof: false });
    const discharge = macaroon([validity(1767225600, 1780000000), [23, 42], [12, new Uint8Array(16)]], {
      location: 'https://auth.fly.io',
      proof: true,
    });
    const s = decodeFlyioMacaroon(`FlyV1 fm2_${perm},fm2_${discharge}`, ctx)!;
    expect(s.facts['macaroons']).toBe(2);
    expect(s.expiresAt).toBe(new Date(1780000000 * 1000).toISOString());
    expect(s.evidence.join('\n')).toMatch(/1 discharge token\(s\) included/);
    expect(s.evidence.join('\n')).not.toMatch(/other caveat/);
  });

  it('accepts fm1r_/fm1a_ labels and map-encoded struct bodies', () => {
    const mapOrg: Enc[] = [
      0,
      {
        map: [
          ['id', 99],
          ['mask', r],
        ],
      },
    ];
    const s = decodeFlyioMacaroon(`fm1r_${macaroon([mapOrg])}, fm1a_${macaroon([], { proof: true })}`, ctx)!;
    expect(s.facts['orgId']).toBe('99');
    expect(s.privilege).toBe('read');
  });

  it('counts unknown caveats and notes NoAdminFeatures', () => {
    const s = decodeFlyioMacaroon(`fm2_${macaroon([org(1, ALL), [999, ['x']], [22, []]])}`, ctx)!;
    expect(s.evidence.join('\n')).toMatch(/1 other caveat/);
    expect(s.evidence.join('\n')).toMatch(/NoAdminFeatures/);
  });

  it('without an Organization caveat, breadth is left to metadata', () => {
    const s = decodeFlyioMacaroon(`fm2_${macaroon([validity(0, NA)])}`, ctx)!;
    expect(s.breadth).toBeUndefined();
    expect(s.privilege).toBeUndefined();
  });

  it('never echoes nonce or signature bytes', () => {
    const s = decodeFlyioMacaroon(`fm2_${macaroon([org(1234, ALL)])}`, ctx);
    const text = JSON.stringify(s);
    for (const bytes of [FAKE_KID, FAKE_RND, FAKE_TAIL]) {
      expect(text).not.toContain(Buffer.from(bytes).toString('hex'));
      expect(text).not.toContain(Buffer.from(bytes).toString('base64').slice(0, 12));
    }
  });

  it('returns undefined for what does not decode', () => {
    expect(decodeFlyioMacaroon('fo1_' + 'a'.repeat(40), ctx)).toBeUndefined();
    expect(decodeFlyioMacaroon('fm2_' + Buffer.from('not msgpack at all').toString('base64'), ctx)).toBeUndefined();
    expect(decodeFlyioMacaroon('fm2_' + enc([1, 2, 3]).toString('base64'), ctx)).toBeUndefined();
    expect(
      decodeFlyioMacaroon('fm2_' + enc([[FAKE_KID, FAKE_RND], 'loc', [0]]).toString('base64'), ctx),
    ).toBeUndefined(); // odd caveat array
    expect(decodeFlyioMacaroon('fm2_!!!', ctx)).toBeUndefined();
  });

  it('maskToString', () => {
    expect(maskToString(0xffff)).toBe('*');
    expect(maskToString(1 | 2 | 4 | 8 | 16)).toBe('rwcdC');
    expect(maskToString(0)).toBe('none');
  });
});
