// PyPI API tokens: `pypi-` + base64url of a v2 binary macaroon (libmacaroons format, as written
// by pymacaroons). Layout: version byte 0x02, then packets `(type varint, length varint, bytes)`:
// 1 location, 2 identifier, 4 verification id (third-party caveats only), 6 signature, and a bare
// type 0 ending each section. The header section (location, identifier) is followed by one
// section per caveat, an empty section ending the caveat list, and the signature packet.
// Caveat identifiers are JSON predicates (pypi/warehouse: warehouse/macaroons/caveats/):
//   [0, expires_at, not_before]  Expiration        [1, [normalized names]]  ProjectName
//   [2, [project ids]]           ProjectID         [3, user_id]             RequestUser (whole account)
//   [4, oidc_provider_id]        OIDCProvider (a short-lived trusted-publishing token)
// and the legacy dicts {"version":1,"permissions":"user" | {"projects":[…]}}, {"exp","nbf"},
// {"project_ids":[…]}. The signature is never read into facts, and the header identifier (a
// database key) is not reported either.

import { clip, decodeBase64, epochSecondsToIso, isRecord } from '../formats/encoding.js';
import { earliest } from '../formats/expiry.js';
import type { DecodedScope, DecodeContext } from '../decoder-types.js';

const FIELD_EOS = 0;
const FIELD_LOCATION = 1;
const FIELD_IDENTIFIER = 2;
const FIELD_VID = 4;
const FIELD_SIGNATURE = 6;

interface Section {
  location?: string;
  identifier?: Uint8Array;
  vid?: Uint8Array;
}

export interface ParsedMacaroonV2 {
  location?: string;
  identifier: Uint8Array;
  caveats: Section[];
  hasSignature: boolean;
}

class Cursor {
  offset = 0;
  constructor(private readonly bytes: Uint8Array) {}

  get done(): boolean {
    return this.offset >= this.bytes.length;
  }

  peek(): number | undefined {
    return this.bytes[this.offset];
  }

  varint(): number | undefined {
    let result = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      const b = this.bytes[this.offset++];
      if (b === undefined) return undefined;
      result += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) return result;
    }
    return undefined;
  }

  take(n: number): Uint8Array | undefined {
    if (this.offset + n > this.bytes.length) return undefined;
    const out = this.bytes.subarray(this.offset, this.offset + n);
    this.offset += n;
    return out;
  }
}

function readSection(cur: Cursor): Section | undefined {
  const section: Section = {};
  for (let guard = 0; guard < 16; guard++) {
    const type = cur.varint();
    if (type === undefined) return undefined;
    if (type === FIELD_EOS) return section;
    const length = cur.varint();
    if (length === undefined) return undefined;
    const data = cur.take(length);
    if (!data) return undefined;
    if (type === FIELD_LOCATION) section.location = Buffer.from(data).toString('utf8');
    else if (type === FIELD_IDENTIFIER) section.identifier = data;
    else if (type === FIELD_VID) section.vid = data;
    else return undefined; // a signature inside a section, or an unknown field: not this format
  }
  return undefined;
}

/** Parses a v2 binary macaroon; undefined when the bytes do not follow the layout above. */
export function parseMacaroonV2(bytes: Uint8Array): ParsedMacaroonV2 | undefined {
  if (bytes[0] !== 0x02) return undefined;
  const cur = new Cursor(bytes);
  cur.offset = 1;
  const header = readSection(cur);
  if (!header?.identifier) return undefined;
  const caveats: Section[] = [];
  for (;;) {
    if (cur.done) return undefined;
    if (cur.peek() === FIELD_EOS) {
      cur.offset++;
      break;
    }
    const caveat = readSection(cur);
    if (!caveat?.identifier || caveats.length >= 256) return undefined;
    caveats.push(caveat);
  }
  let hasSignature = false;
  if (!cur.done) {
    const type = cur.varint();
    const length = cur.varint();
    if (type !== FIELD_SIGNATURE || length === undefined || !cur.take(length)) return undefined;
    hasSignature = true;
  }
  return { location: header.location, identifier: header.identifier, caveats, hasSignature };
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').map((v) => clip(v, 100)) : [];
}

export function decodePypiMacaroon(secret: string, _ctx: DecodeContext): DecodedScope | undefined {
  const m = /^pypi-([A-Za-z0-9_-]+={0,2})$/.exec(secret.trim());
  if (!m) return undefined;
  const bytes = decodeBase64(m[1]!);
  if (!bytes) return undefined;
  const mac = parseMacaroonV2(bytes);
  if (!mac) return undefined;

  const projectNames: string[] = [];
  const projectIds: string[] = [];
  let userWide = false;
  let userId: string | undefined;
  let oidcProvider: string | undefined;
  let expires: number | undefined;
  let thirdParty = 0;
  let unknown = 0;

  for (const caveat of mac.caveats) {
    if (caveat.vid) {
      thirdParty++;
      continue;
    }
    let predicate: unknown;
    try {
      predicate = JSON.parse(Buffer.from(caveat.identifier!).toString('utf8'));
    } catch {
      unknown++;
      continue;
    }
    if (Array.isArray(predicate) && typeof predicate[0] === 'number') {
      const [tag, a] = predicate as [number, unknown];
      if (tag === 0 && typeof a === 'number') expires = earliest(expires, a);
      else if (tag === 1) projectNames.push(...strings(a));
      else if (tag === 2) projectIds.push(...strings(a));
      else if (tag === 3 && (typeof a === 'string' || typeof a === 'number')) {
        userWide = true;
        userId = clip(String(a), 64);
      } else if (tag === 4 && (typeof a === 'string' || typeof a === 'number')) oidcProvider = clip(String(a), 64);
      else unknown++;
    } else if (isRecord(predicate)) {
      // Legacy caveats (tokens minted before warehouse's tagged caveats).
      const perms = predicate['permissions'];
      if (perms === 'user') userWide = true;
      else if (isRecord(perms)) projectNames.push(...strings(perms['projects']));
      if (Array.isArray(predicate['project_ids'])) projectIds.push(...strings(predicate['project_ids']));
      if (typeof predicate['exp'] === 'number') expires = earliest(expires, predicate['exp']);
      if (perms === undefined && predicate['project_ids'] === undefined && predicate['exp'] === undefined) unknown++;
    } else {
      unknown++;
    }
  }

  const scope: DecodedScope = { facts: {}, evidence: [], privilege: 'write', scopes: ['upload'] };
  const location = mac.location;
  if (location) scope.facts['location'] = clip(location, 80);
  if (location === 'test.pypi.org') {
    scope.environment = 'test';
    scope.evidence.push('Macaroon location is test.pypi.org (the TestPyPI instance)');
  }

  const projectRestricted = projectNames.length > 0 || projectIds.length > 0;
  if (projectNames.length) scope.facts['projects'] = [...new Set(projectNames)].slice(0, 20);
  if (projectIds.length) scope.facts['projectIds'] = [...new Set(projectIds)].slice(0, 20);
  if (userId) scope.facts['userId'] = userId;
  if (oidcProvider) scope.facts['trustedPublisherId'] = oidcProvider;

  if (oidcProvider) {
    scope.breadth = 'project';
    scope.tokenType = 'trusted-publishing-token';
    scope.evidence.push(
      'Caveat binds the token to a trusted publisher (OIDC): upload only to projects registered to that publisher',
    );
  } else if (projectRestricted) {
    // One PyPI project is a project, not a resource: breadth `project` however many are listed.
    scope.breadth = 'project';
    const names = projectNames.length ? projectNames.slice(0, 5).join(', ') : `${projectIds.length} project id(s)`;
    scope.evidence.push(`Caveat restricts uploads to ${names}`);
  } else {
    scope.breadth = 'account';
    scope.evidence.push(
      userWide
        ? 'Caveat scopes the token to the whole account: it can upload to every project the user maintains'
        : 'No project caveat: the token can upload to every project the user maintains',
    );
  }

  if (expires !== undefined) {
    const iso = epochSecondsToIso(expires);
    if (iso) {
      scope.expiresAt = iso;
      scope.evidence.push(`Expiry caveat: valid until ${iso}`);
    }
  }
  if (thirdParty) scope.evidence.push(`${thirdParty} third-party caveat(s) need a discharge from another service`);
  if (unknown) scope.evidence.push(`${unknown} caveat(s) not recognised; they can only narrow the token further`);
  if (!mac.hasSignature) scope.evidence.push('Macaroon has no signature packet (truncated token?)');
  return scope;
}
