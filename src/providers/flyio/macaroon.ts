// Fly.io macaroon tokens: `FlyV1 fm2_<b64>,fm2_<b64>,…` (also fm1r_ permission and fm1a_
// discharge labels). Each part is standard base64 of a MessagePack-encoded macaroon.
//
// Byte layout assumed, from https://github.com/superfly/macaroon (macaroon.go, nonce.go,
// caveat_set.go, caveat.go, caveats.go, flyio/caveats.go, resset/, auth/caveats.go). Structs are
// encoded as MessagePack arrays (msgpack UseArrayEncodedStructs) with compact integers:
//   Macaroon   = [Nonce, Location str, CaveatSet, Tail bin]
//   Nonce      = [KID bin, Rnd bin] or [KID bin, Rnd bin, Proof bool]  (Proof: a finalized discharge)
//   CaveatSet  = flat array [type uint, body, type uint, body, …]
//   Action     = uint16 bitmask r=1 w=2 c=4 d=8 C=16 (0xffff written "*")
//   ResourceSet= map id → Action (id 0 / "" is the wildcard: every resource of that kind)
// Caveat types and bodies (caveat.go iota order):
//   0 Organization [id uint, mask]        2 Volumes [ResourceSet<str>]    3 Apps [ResourceSet<uint>]
//   4 ValidityWindow [not_before, not_after] (unix seconds)              5 FeatureSet [ResourceSet<str>]
//   6 Mutations [[str…]]                  7 Machines [ResourceSet<str>]   8 ConfineUser [id]
//   9 ConfineOrganization [id]            10 IsUser [id]                  11 3P [location, vid, cid]
//   12 BindToParentToken bin              13 IfPresent [CaveatSet, else mask]
//   14 MachineFeatureSet [ResourceSet]    16 Clusters [ResourceSet]       22 NoAdminFeatures []
//   23+ attestations (FlyioUserID …) in finalized discharges.
// Only these are interpreted; anything else is counted as "other caveats" (they can only narrow
// a token). Map-encoded struct bodies are accepted too, by JSON field name, in case an encoder
// writes them that way. Signatures (Tail) and nonces are never read into facts.

import { decodeMsgpack, isMsgMap, msgNumber, msgUint, type MsgValue } from '../formats/msgpack.js';
import { clip, decodeBase64, epochSecondsToIso } from '../formats/encoding.js';
import { earliest, yearsUntil } from '../formats/expiry.js';
import type { DecodedScope, DecodeContext } from '../decoder-types.js';
import type { Breadth, Privilege } from '../../model/types.js';

const R = 1;
const W = 2;
const C = 4;
const D = 8;
const CTRL = 16;
const ALL = R | W | C | D | CTRL;

const CAV_ORGANIZATION = 0;
const CAV_VOLUMES = 2;
const CAV_APPS = 3;
const CAV_VALIDITY_WINDOW = 4;
const CAV_FEATURE_SET = 5;
const CAV_MUTATIONS = 6;
const CAV_MACHINES = 7;
const CAV_CONFINE_USER = 8;
const CAV_CONFINE_ORGANIZATION = 9;
const CAV_IS_USER = 10;
const CAV_3P = 11;
const CAV_BIND_TO_PARENT = 12;
const CAV_IF_PRESENT = 13;
const CAV_MACHINE_FEATURE_SET = 14;
const CAV_CLUSTERS = 16;
const CAV_NO_ADMIN_FEATURES = 22;
const FIRST_ATTESTATION = 23;

/** A ResourceSet caveat body: resource id → action mask. */
type ResourceSet = Array<{ id: string; mask: number }>;
type ResourceKind = 'apps' | 'volumes' | 'machines' | 'clusters' | 'features';

/** Top-level resource-set caveats: caveat type → the kind they restrict (also their field name). */
const RESOURCE_CAVEATS: ReadonlyMap<number, ResourceKind> = new Map([
  [CAV_APPS, 'apps'],
  [CAV_VOLUMES, 'volumes'],
  [CAV_MACHINES, 'machines'],
  [CAV_CLUSTERS, 'clusters'],
  [CAV_FEATURE_SET, 'features'],
]);

/** Inside an IfPresent, a MachineFeatureSet counts as a feature set too. */
const IF_PRESENT_RESOURCE_CAVEATS: ReadonlyMap<number, ResourceKind> = new Map([
  ...RESOURCE_CAVEATS,
  [CAV_MACHINE_FEATURE_SET, 'features'],
]);

export function maskToString(mask: number): string {
  if ((mask & 0xffff) === 0xffff) return '*';
  let out = '';
  if (mask & R) out += 'r';
  if (mask & W) out += 'w';
  if (mask & C) out += 'c';
  if (mask & D) out += 'd';
  if (mask & CTRL) out += 'C';
  return out || 'none';
}

function maskPrivilege(mask: number): Privilege {
  if (mask & D) return 'destructive';
  if (mask & (W | C | CTRL)) return 'write';
  return 'read';
}

/** Field `index` of an array-encoded struct, or `name` of a map-encoded one. */
function field(body: MsgValue | undefined, index: number, name: string): MsgValue | undefined {
  if (Array.isArray(body)) return body[index];
  if (isMsgMap(body)) return body.entries.find(([k]) => k === name)?.[1];
  return undefined;
}

function asMask(value: MsgValue | undefined): number | undefined {
  const n = msgNumber(value);
  return n !== undefined && Number.isInteger(n) && n >= 0 && n <= 0xffff ? n : undefined;
}

/** A ResourceSet (map id → mask); undefined when the value is not one. */
function resourceSet(value: MsgValue | undefined): ResourceSet | undefined {
  if (!isMsgMap(value)) return undefined;
  const out: ResourceSet = [];
  for (const [k, v] of value.entries) {
    const id = typeof k === 'string' ? k : msgUint(k);
    const mask = asMask(v);
    if (id === undefined || mask === undefined) return undefined;
    out.push({ id, mask });
  }
  return out;
}

function isWildcard(set: ResourceSet): boolean {
  return set.length === 1 && (set[0]!.id === '0' || set[0]!.id === '');
}

function unionMask(set: ResourceSet): number {
  return set.reduce((acc, e) => acc | e.mask, 0);
}

interface Summary {
  orgIds: Set<string>;
  /** AND of every top-level Organization mask. */
  orgMask?: number;
  /** Top-level resource restrictions: kind → allowed ids (AND across caveats is approximated by the last seen). */
  apps?: ResourceSet;
  volumes?: ResourceSet;
  machines?: ResourceSet;
  clusters?: ResourceSet;
  features?: ResourceSet;
  /** Masks that cap everything the token can do (resource-set unions, IfPresent ifs|else). */
  caps: number[];
  ifPresent: Array<{ apps?: ResourceSet; elseMask: number; ifsMask: number }>;
  mutations: string[];
  notAfter?: number;
  thirdParty: string[];
  noAdminFeatures: boolean;
  userIds: Set<string>;
  other: number;
  tokens: number;
  discharges: number;
}

function newSummary(): Summary {
  return {
    orgIds: new Set(),
    caps: [],
    ifPresent: [],
    mutations: [],
    thirdParty: [],
    noAdminFeatures: false,
    userIds: new Set(),
    other: 0,
    tokens: 0,
    discharges: 0,
  };
}

/** Resource-set caveats inside an IfPresent: the union of their masks, and the apps among them. */
function readIfs(set: MsgValue | undefined): { mask: number; apps?: ResourceSet } | undefined {
  if (!Array.isArray(set) || set.length % 2 !== 0) return undefined;
  let mask = 0;
  let apps: ResourceSet | undefined;
  for (let i = 0; i < set.length; i += 2) {
    const type = msgNumber(set[i]);
    const body = set[i + 1];
    if (type === CAV_ORGANIZATION) {
      const m = asMask(field(body, 1, 'mask'));
      if (m === undefined) return undefined;
      mask |= m;
      continue;
    }
    const name = type !== undefined ? IF_PRESENT_RESOURCE_CAVEATS.get(type) : undefined;
    if (!name) continue;
    const rs = resourceSet(field(body, 0, name));
    if (!rs) return undefined;
    mask |= unionMask(rs);
    if (type === CAV_APPS) apps = rs;
  }
  return apps ? { mask, apps } : { mask };
}

function readCaveats(set: MsgValue[], summary: Summary): boolean {
  if (set.length % 2 !== 0) return false;
  for (let i = 0; i < set.length; i += 2) {
    const type = msgNumber(set[i]);
    const body = set[i + 1];
    if (type === undefined || !Number.isInteger(type) || type < 0) return false;
    switch (type) {
      case CAV_ORGANIZATION: {
        const id = msgUint(field(body, 0, 'id'));
        const mask = asMask(field(body, 1, 'mask'));
        if (id === undefined || mask === undefined) return false;
        summary.orgIds.add(id);
        summary.orgMask = summary.orgMask === undefined ? mask : summary.orgMask & mask;
        break;
      }
      case CAV_APPS:
      case CAV_VOLUMES:
      case CAV_MACHINES:
      case CAV_CLUSTERS:
      case CAV_FEATURE_SET: {
        const key = RESOURCE_CAVEATS.get(type)!;
        const rs = resourceSet(field(body, 0, key));
        if (!rs) return false;
        summary[key] = rs;
        summary.caps.push(unionMask(rs));
        break;
      }
      case CAV_VALIDITY_WINDOW: {
        const notAfter = msgNumber(field(body, 1, 'not_after'));
        if (notAfter !== undefined && notAfter > 0) summary.notAfter = earliest(summary.notAfter, notAfter);
        break;
      }
      case CAV_MUTATIONS: {
        const list = field(body, 0, 'mutations');
        if (Array.isArray(list))
          summary.mutations.push(...list.filter((v): v is string => typeof v === 'string').map((v) => clip(v, 60)));
        break;
      }
      case CAV_3P: {
        const location = field(body, 0, 'Location');
        summary.thirdParty.push(typeof location === 'string' ? clip(location, 80) : 'unknown');
        break;
      }
      case CAV_IF_PRESENT: {
        const ifs = readIfs(field(body, 0, 'ifs'));
        const elseMask = asMask(field(body, 1, 'else'));
        if (!ifs || elseMask === undefined) return false;
        summary.ifPresent.push({ ...(ifs.apps ? { apps: ifs.apps } : {}), ifsMask: ifs.mask, elseMask });
        summary.caps.push(ifs.mask | elseMask);
        break;
      }
      case CAV_CONFINE_USER:
      case CAV_IS_USER: {
        const id = msgUint(field(body, 0, type === CAV_IS_USER ? 'uint64' : 'id'));
        if (id !== undefined) summary.userIds.add(id);
        break;
      }
      case CAV_CONFINE_ORGANIZATION:
      case CAV_BIND_TO_PARENT:
      case CAV_MACHINE_FEATURE_SET:
        break;
      case CAV_NO_ADMIN_FEATURES:
        summary.noAdminFeatures = true;
        break;
      default:
        if (type < FIRST_ATTESTATION || type > FIRST_ATTESTATION + 2) summary.other++;
    }
  }
  return true;
}

/** Decodes one base64 macaroon into the summary; false when it is not a Fly.io macaroon. */
function readMacaroon(b64: string, summary: Summary): boolean {
  const bytes = decodeBase64(b64.replace(/=+$/, ''), 200_000);
  if (!bytes) return false;
  const decoded = decodeMsgpack(bytes);
  if (!decoded || decoded.length !== bytes.length) return false;
  const mac = decoded.value;
  if (!Array.isArray(mac) || mac.length < 3 || mac.length > 6) return false;
  const [nonce, location, caveats] = mac;
  if (!Array.isArray(nonce) || nonce.length < 2 || nonce.length > 3 || !(nonce[0] instanceof Uint8Array)) return false;
  if (typeof location !== 'string' || !Array.isArray(caveats)) return false;
  const proof = nonce[2] === true;
  if (!readCaveats(caveats, summary)) return false;
  summary.tokens++;
  if (proof) summary.discharges++;
  return true;
}

/** Records the apps a token is confined to (the `appIds` fact); returns the first few as `id (mask)`. */
function limitToApps(scope: DecodedScope, apps: ResourceSet): string {
  scope.facts['appIds'] = apps.slice(0, 20).map((a) => a.id);
  return apps
    .slice(0, 5)
    .map((a) => `${a.id} (${maskToString(a.mask)})`)
    .join(', ');
}

export function decodeFlyioMacaroon(secret: string, ctx: DecodeContext): DecodedScope | undefined {
  const text = secret.trim().replace(/^(?:FlyV1|Bearer)\s+/i, '');
  const summary = newSummary();
  for (const raw of text.split(',')) {
    const part = raw.trim();
    const m = /^(fm2|fm1r|fm1a)_([A-Za-z0-9+/]+={0,3})$/.exec(part);
    if (!m) continue;
    readMacaroon(m[2]!, summary);
  }
  if (summary.tokens === 0) return undefined;

  const scope: DecodedScope = { facts: {}, evidence: [] };
  const orgIds = [...summary.orgIds];
  if (orgIds.length === 1) scope.facts['orgId'] = orgIds[0]!;
  else if (orgIds.length > 1) scope.facts['orgIds'] = orgIds.slice(0, 10);
  if (summary.orgMask !== undefined) scope.facts['orgMask'] = maskToString(summary.orgMask);
  if (summary.userIds.size) scope.facts['userId'] = [...summary.userIds][0]!;
  if (summary.tokens > 1) scope.facts['macaroons'] = summary.tokens;

  // Effective action mask: the org mask capped by every resource-set / IfPresent caveat.
  let effective = summary.orgMask ?? ALL;
  for (const cap of summary.caps) effective &= cap;

  // Breadth: the narrowest top-level restriction; IfPresent on apps with a read-only (or no)
  // fallback confines every write to those apps.
  let breadth: Breadth | undefined;
  const appLimited = summary.apps && !isWildcard(summary.apps) ? summary.apps : undefined;
  const ifApps = summary.ifPresent.find(
    (p) => p.apps && !isWildcard(p.apps) && (p.elseMask & (W | C | D | CTRL)) === 0,
  );
  if (appLimited) {
    breadth = 'project';
    scope.evidence.push(`Apps caveat limits the token to app(s) ${limitToApps(scope, appLimited)}`);
  } else if (ifApps?.apps) {
    breadth = 'project';
    scope.evidence.push(
      `Changes are limited to app(s) ${limitToApps(scope, ifApps.apps)}; elsewhere in the organization: ${maskToString(ifApps.elseMask)}`,
    );
  } else if (summary.volumes || summary.machines || summary.clusters) {
    const kinds = (['volumes', 'machines', 'clusters'] as const).filter((k) => summary[k] && !isWildcard(summary[k]!));
    if (kinds.length) {
      breadth = 'resource';
      scope.evidence.push(`Caveats limit the token to specific ${kinds.join(' and ')}`);
    }
  }
  if (!breadth && orgIds.length) {
    breadth = 'org';
    scope.evidence.push(`Organization caveat: the whole organization ${orgIds[0]!} (no app restriction)`);
  }
  if (breadth) scope.breadth = breadth;
  if (summary.features)
    scope.facts['features'] = summary.features.slice(0, 20).map((f) => `${f.id || '*'}:${maskToString(f.mask)}`);

  // Privilege.
  if (summary.mutations.length) {
    scope.facts['mutations'] = summary.mutations.slice(0, 20);
    const destructive = summary.mutations.some((m) => /delete|destroy|remove|purge/i.test(m));
    scope.privilege = destructive ? 'destructive' : 'write';
    scope.scopes = summary.mutations.slice(0, 20);
    scope.evidence.push(`Mutations caveat: only the GraphQL mutations ${summary.mutations.slice(0, 5).join(', ')}`);
  } else if (summary.orgMask !== undefined || summary.caps.length) {
    scope.privilege = maskPrivilege(effective);
    scope.scopes = [maskToString(effective)];
    const words =
      scope.privilege === 'destructive'
        ? 'can delete'
        : scope.privilege === 'write'
          ? 'can change but not delete'
          : 'read-only';
    scope.evidence.push(`Action mask ${maskToString(effective)}: ${words}`);
  }
  if (summary.noAdminFeatures)
    scope.evidence.push(
      'NoAdminFeatures caveat: admin-only organization features (membership, billing, deletion) are excluded',
    );

  if (summary.notAfter !== undefined) {
    const iso = epochSecondsToIso(summary.notAfter);
    if (iso) {
      scope.expiresAt = iso;
      const years = yearsUntil(summary.notAfter * 1000, ctx.now);
      scope.evidence.push(
        `ValidityWindow caveat: valid until ${iso}${years !== undefined ? ` (${years} year(s) away)` : ''}`,
      );
    }
  }
  if (summary.thirdParty.length) {
    const locations = [...new Set(summary.thirdParty)];
    scope.facts['thirdParty'] = locations.slice(0, 5);
    scope.evidence.push(
      `Needs a discharge from ${locations.slice(0, 3).join(', ')}${summary.discharges ? ` (${summary.discharges} discharge token(s) included)` : ' (none included: may be unusable alone)'}`,
    );
  }
  if (summary.other)
    scope.evidence.push(`${summary.other} other caveat(s) not interpreted; they can only narrow the token`);
  return scope;
}
