import { describe, expect, it } from 'vitest';
import { decodePypiMacaroon, parseMacaroonV2 } from '../../../src/providers/pypi/macaroon.js';
import type { DecodeContext } from '../../../src/providers/decoder-types.js';
import { macaroonPacket as packet } from '../../helpers/scope-tokens.js';

const ctx: DecodeContext = {
  groups: {},
  path: 'ci/publish.sh',
  defaults: { privilege: 'write', breadth: 'account', tokenType: 'api-token' },
  now: new Date('2026-06-01T00:00:00Z'),
};

const EOS = Buffer.from([0]);
// A fake, all-0x5a signature: never a real one.
const FAKE_SIGNATURE = Buffer.alloc(32, 0x5a);
const FAKE_IDENTIFIER = 'fake-identifier-0000-test';

interface Caveat {
  id: unknown;
  vid?: Buffer;
  location?: string;
}

function macaroon(caveats: Caveat[], location = 'pypi.org', opts: { signature?: boolean } = {}): Buffer {
  const parts: Buffer[] = [Buffer.from([0x02]), packet(1, location), packet(2, FAKE_IDENTIFIER), EOS];
  for (const c of caveats) {
    if (c.location) parts.push(packet(1, c.location));
    parts.push(packet(2, typeof c.id === 'string' ? c.id : JSON.stringify(c.id)));
    if (c.vid) parts.push(packet(4, c.vid));
    parts.push(EOS);
  }
  parts.push(EOS);
  if (opts.signature !== false) parts.push(packet(6, FAKE_SIGNATURE));
  return Buffer.concat(parts);
}

function token(caveats: Caveat[], location?: string): string {
  return `pypi-${macaroon(caveats, location).toString('base64url')}`;
}

function allText(value: unknown): string {
  return JSON.stringify(value);
}

describe('parseMacaroonV2', () => {
  it('reads location, identifier and caveats', () => {
    const parsed = parseMacaroonV2(macaroon([{ id: [0, 1, 2] }, { id: 'x'.repeat(300) }]));
    expect(parsed?.location).toBe('pypi.org');
    expect(Buffer.from(parsed!.identifier).toString()).toBe(FAKE_IDENTIFIER);
    expect(parsed?.caveats).toHaveLength(2);
    expect(parsed?.caveats[1]?.identifier?.length).toBe(300); // two-byte varint length
    expect(parsed?.hasSignature).toBe(true);
  });
  it('rejects other versions and truncated input', () => {
    const bytes = macaroon([{ id: [3, 'u'] }]);
    expect(parseMacaroonV2(Buffer.concat([Buffer.from([0x01]), bytes.subarray(1)]))).toBeUndefined();
    expect(parseMacaroonV2(bytes.subarray(0, 20))).toBeUndefined();
    expect(parseMacaroonV2(Buffer.from([0x02]))).toBeUndefined();
  });
});

describe('pypi-macaroon decoder', () => {
  it('starts with the PyPI header bytes the detector keys on', () => {
    expect(token([])).toMatch(/^pypi-AgEIcHlwaS5vcmc/);
  });

  it('legacy "permissions":"user" is an account-wide upload token', () => {
    const s = decodePypiMacaroon(token([{ id: { version: 1, permissions: 'user' } }]), ctx)!;
    expect(s.privilege).toBe('write');
    expect(s.breadth).toBe('account');
    expect(s.scopes).toEqual(['upload']);
    expect(s.facts['location']).toBe('pypi.org');
    expect(s.evidence.join(' ')).toMatch(/whole account/);
  });

  it('legacy project list restricts to projects', () => {
    const s = decodePypiMacaroon(token([{ id: { version: 1, permissions: { projects: ['alpha', 'beta'] } } }]), ctx)!;
    expect(s.breadth).toBe('project');
    expect(s.facts['projects']).toEqual(['alpha', 'beta']);
    expect(s.evidence.join(' ')).toMatch(/alpha, beta/);
  });

  it('tagged RequestUser caveat: account-wide', () => {
    const s = decodePypiMacaroon(token([{ id: [3, '00000000-1111-2222-3333-444444444444'] }]), ctx)!;
    expect(s.breadth).toBe('account');
    expect(s.facts['userId']).toBe('00000000-1111-2222-3333-444444444444');
  });

  it('no caveats at all: account-wide', () => {
    const s = decodePypiMacaroon(token([]), ctx)!;
    expect(s.breadth).toBe('account');
    expect(s.evidence.join(' ')).toMatch(/No project caveat/);
  });

  it('tagged ProjectName and ProjectID caveats: one project', () => {
    const s = decodePypiMacaroon(
      token([{ id: [3, 'user-1'] }, { id: [1, ['sample-project']] }, { id: [2, ['proj-id-1']] }]),
      ctx,
    )!;
    expect(s.breadth).toBe('project');
    expect(s.privilege).toBe('write');
    expect(s.facts['projects']).toEqual(['sample-project']);
    expect(s.facts['projectIds']).toEqual(['proj-id-1']);
  });

  it('expiration caveat sets expiresAt (the earliest one)', () => {
    const exp = Date.UTC(2026, 6, 1) / 1000;
    const s = decodePypiMacaroon(token([{ id: [0, exp, exp - 900] }, { id: [0, exp + 60, exp - 900] }]), ctx)!;
    expect(s.expiresAt).toBe('2026-07-01T00:00:00.000Z');
  });

  it('legacy exp dict sets expiresAt', () => {
    const s = decodePypiMacaroon(token([{ id: { exp: 1780000000, nbf: 1779990000 } }]), ctx)!;
    expect(s.expiresAt).toBe(new Date(1780000000 * 1000).toISOString());
  });

  it('trusted publisher caveat', () => {
    const s = decodePypiMacaroon(token([{ id: [4, 'oidc-publisher-7'] }, { id: [0, 1780000900, 1780000000] }]), ctx)!;
    expect(s.tokenType).toBe('trusted-publishing-token');
    expect(s.breadth).toBe('project');
    expect(s.facts['trustedPublisherId']).toBe('oidc-publisher-7');
  });

  it('test.pypi.org is the test environment', () => {
    const t = token([{ id: [3, 'u'] }], 'test.pypi.org');
    expect(t).toMatch(/^pypi-AgENdGVzdC5weXBpLm9yZw/);
    const s = decodePypiMacaroon(t, ctx)!;
    expect(s.environment).toBe('test');
    expect(s.facts['location']).toBe('test.pypi.org');
  });

  it('counts third-party and unknown caveats without failing', () => {
    const s = decodePypiMacaroon(
      token([
        { id: 'opaque-ticket', vid: Buffer.alloc(40, 1), location: 'https://third.example' },
        { id: [99, 'x'] },
        { id: 'not json' },
      ]),
      ctx,
    )!;
    expect(s.breadth).toBe('account');
    expect(s.evidence.join(' ')).toMatch(/1 third-party caveat/);
    expect(s.evidence.join(' ')).toMatch(/2 caveat\(s\) not recognised/);
  });

  it('never puts the signature or identifier in facts or evidence', () => {
    const s = decodePypiMacaroon(token([{ id: [1, ['p']] }]), ctx)!;
    const text = allText(s);
    expect(text).not.toContain(FAKE_IDENTIFIER);
    expect(text).not.toContain(FAKE_SIGNATURE.toString('base64'));
    expect(text).not.toContain(FAKE_SIGNATURE.toString('hex'));
  });

  it('accepts padded standard base64 too', () => {
    const b64 = macaroon([{ id: [3, 'u'] }]).toString('base64');
    expect(decodePypiMacaroon(`pypi-${b64.replace(/\+/g, '-').replace(/\//g, '_')}`, ctx)?.breadth).toBe('account');
  });

  it('returns undefined for what does not decode', () => {
    expect(decodePypiMacaroon('pypi-', ctx)).toBeUndefined();
    expect(decodePypiMacaroon('pypi-AgEIcHlwaS5vcmcxxxx', ctx)).toBeUndefined();
    expect(decodePypiMacaroon('npm_abcdef', ctx)).toBeUndefined();
    expect(
      decodePypiMacaroon(`pypi-${Buffer.from('hello world, not a macaroon').toString('base64url')}`, ctx),
    ).toBeUndefined();
    const noSig = macaroon([{ id: [3, 'u'] }], 'pypi.org', { signature: false });
    expect(decodePypiMacaroon(`pypi-${noSig.toString('base64url')}`, ctx)?.evidence.join(' ')).toMatch(/no signature/);
  });
});
