// Azure shared access signatures: the query string is the whole grant. Parses account SAS
// (`ss` + `srt`), service SAS (`sr`, or a queue/table URL), user delegation SAS (`skoid`…) and
// Service Bus / Event Hubs tokens (`SharedAccessSignature sr=<uri>&sig=…&se=<epoch>&skn=<rule>`).
// References: learn.microsoft.com/rest/api/storageservices/create-account-sas,
// …/create-service-sas, …/create-user-delegation-sas, azure/service-bus-messaging/service-bus-sas.
// The signature (`sig`) is never read into facts.

import { clip, epochSecondsToIso } from '../formats/encoding.js';
import { yearsUntil } from '../formats/expiry.js';
import type { DecodedScope, DecodeContext } from '../decoder-types.js';
import type { Breadth, Privilege } from '../../model/types.js';

const PERMISSIONS: Record<string, string> = {
  r: 'read',
  a: 'add',
  c: 'create',
  w: 'write',
  d: 'delete',
  x: 'delete-version',
  y: 'permanent-delete',
  l: 'list',
  t: 'tags',
  f: 'find',
  m: 'move',
  e: 'execute',
  o: 'ownership',
  i: 'set-immutability',
  u: 'update',
  // `p` is resolved in context: process (queues, account SAS) or set permissions (Data Lake).
};

const SERVICES: Record<string, string> = { b: 'blob', f: 'file', q: 'queue', t: 'table' };
const RESOURCE_TYPES: Record<string, string> = { s: 'service', c: 'container', o: 'object' };
const SIGNED_RESOURCES: Record<string, string> = {
  b: 'blob',
  c: 'container',
  d: 'directory',
  bv: 'blob version',
  bs: 'blob snapshot',
  f: 'file',
  s: 'share',
  q: 'queue',
  t: 'table',
};

// Delete, delete version and permanent delete are destructive. `w` stays `write` (as the brief
// asks) although on objects it can overwrite data; the evidence says so. `o` (ownership) and
// Data Lake `p` (set ACLs) could grant access to others, but only on hierarchical-namespace
// accounts, which the URL does not reveal: kept at `write` with evidence (uncertain).
const DESTRUCTIVE = new Set(['d', 'x', 'y']);
const WRITE = new Set(['a', 'c', 'w', 'u', 'm', 't', 'i', 'o', 'e', 'p']);
const READ = new Set(['r', 'l', 'f']);

function decodeComponent(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

/** Splits a SAS query (`a=1&b=2`) into lowercase-keyed parameters. */
function parseQuery(text: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const part of text.split('&')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const key = part.slice(0, eq).trim().toLowerCase();
    if (!/^[a-z]{1,8}$/.test(key) || params.has(key)) continue;
    params.set(key, decodeComponent(part.slice(eq + 1)));
  }
  return params;
}

interface Located {
  host?: string;
  /** Storage account name from a connection string or a named group, when the host is unknown. */
  account?: string;
  path?: string;
  query: string;
}

/** Finds the URL (when there is one) and the query part of the secret. */
function locate(secret: string, groups: Record<string, string>): Located | undefined {
  let text = secret.trim();
  let host: string | undefined;
  let path: string | undefined;
  let account: string | undefined;
  const urlText = [text, groups['url'], groups['uri'], groups['endpoint']].find(
    (t) => t !== undefined && /^[a-z][a-z0-9+.-]*:\/\//i.test(t.trim()),
  );
  if (urlText) {
    // Host and path stop at ';' and '&' too: a SAS glued to a URL without '?' (a connection
    // string, a malformed link) must not put its sig= into the host or path facts.
    const m = /^[a-z][a-z0-9+.-]*:\/\/([^/?#\s;&]+)([^?#\s;&]*)/i.exec(urlText.trim());
    if (m) {
      host = m[1]!.toLowerCase();
      path = m[2] && m[2] !== '/' ? m[2] : undefined;
    }
  }
  // Storage connection string: `BlobEndpoint=https://…;SharedAccessSignature=sv=…&sig=…`.
  const sasAt = text.search(/(?:^|;)\s*SharedAccessSignature=/i);
  if (sasAt > 0) {
    const endpoint = /(?:Blob|Queue|File|Table)Endpoint=[a-z]+:\/\/([^/;&\s]+)/i.exec(text);
    const accountName = /AccountName=([a-z0-9]{3,24})(?:;|$)/i.exec(text);
    if (!host && endpoint) host = endpoint[1]!.toLowerCase();
    if (!host && accountName) account = accountName[1]!.toLowerCase();
    text = text.slice(sasAt).replace(/^;\s*/, '');
  }
  if (!host && groups['host']) host = groups['host'].toLowerCase();
  if (!host && !account && groups['account'] && /^[a-z0-9]{3,24}$/i.test(groups['account']))
    account = groups['account'].toLowerCase();
  text = text.replace(/^SharedAccessSignature[=\s]+/i, '');
  const q = text.indexOf('?');
  if (q >= 0) text = text.slice(q + 1);
  text = text.replace(/^[?&]+/, '').split(/[\s"'<>;#]/)[0] ?? '';
  return text ? { host, account, path, query: text } : undefined;
}

function parseSasTime(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (/^\d{9,11}$/.test(value)) return epochSecondsToIso(value);
  if (!/^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.test(value)) return undefined;
  const normalized = value.includes('T') && !value.endsWith('Z') ? `${value}Z` : value;
  const ms = Date.parse(normalized);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/**
 * Reads a storage host `<account>.<service>.core.<cloud>`. The account is taken whatever follows
 * `.core.`; the service only for a known Azure cloud.
 */
function storageHost(host: string | undefined): { account?: string; service?: string } {
  const m = host ? /^([a-z0-9]{3,24})\.(blob|dfs|file|queue|table)\.core\.([\s\S]*)$/.exec(host) : null;
  if (!m) return {};
  return /^(?:windows\.net|chinacloudapi\.cn|usgovcloudapi\.net)$/.test(m[3]!)
    ? { account: m[1]!, service: m[2]! }
    : { account: m[1]! };
}

function decodeServiceBus(params: Map<string, string>, located: Located, ctx: DecodeContext): DecodedScope {
  const scope: DecodedScope = { facts: {}, evidence: [] };
  const resource = params.get('sr') ?? '';
  const uri = /^[a-z]+:\/\//i.test(resource) ? resource : `sb://${resource}`;
  const m = /^[a-z]+:\/\/([^/?#\s]+)(\/[^?#\s]*)?/i.exec(uri);
  const entityPath = m?.[2]?.replace(/\/+$/, '') ?? '';
  if (m) scope.facts['namespace'] = clip(m[1]!.toLowerCase(), 100);
  if (entityPath) scope.facts['entity'] = clip(entityPath.slice(1), 100);
  const keyName = params.get('skn');
  if (keyName) scope.facts['keyName'] = clip(keyName, 80);
  scope.breadth = entityPath ? 'resource' : 'project';
  scope.evidence.push(
    entityPath
      ? `Service Bus / Event Hubs SAS token for one entity (${clip(entityPath.slice(1), 60)})`
      : 'Service Bus / Event Hubs SAS token for a whole namespace',
  );
  if (keyName && /^RootManageSharedAccessKey$/i.test(keyName)) {
    scope.privilege = 'admin';
    scope.scopes = ['manage', 'send', 'listen'];
    scope.evidence.push(
      'Signed with RootManageSharedAccessKey: the namespace rule with Manage, Send and Listen rights',
    );
  } else if (keyName) {
    scope.evidence.push(
      `Signed with the shared access rule "${clip(keyName, 60)}": its rights (Manage/Send/Listen) are set on the server`,
    );
  }
  readExpiry(scope, params.get('se'), ctx.now);
  if (located.host) scope.facts['host'] = clip(located.host, 100);
  return scope;
}

/** Reads the expiry (`se`) into the scope, noting one years away; false when there is none. */
function readExpiry(scope: DecodedScope, se: string | undefined, now: Date): boolean {
  const expiresAt = parseSasTime(se);
  if (!expiresAt) return false;
  scope.expiresAt = expiresAt;
  const years = yearsUntil(Date.parse(expiresAt), now);
  if (years !== undefined) scope.evidence.push(`Expiry (se) is ${years} year(s) away: effectively long-lived`);
  return true;
}

export function decodeAzureSas(secret: string, ctx: DecodeContext): DecodedScope | undefined {
  // A detector that reports only the signature value (so masking and fingerprints cover just
  // the secret) passes the whole SAS URL, connection string or token in its `uri` group.
  const sasText = /(?:^|[?&;\s])sig=/i.test(secret) ? secret : (ctx.groups['uri'] ?? secret);
  const located = locate(sasText, ctx.groups);
  if (!located) return undefined;
  const params = parseQuery(located.query);
  if (!params.has('sig')) return undefined;

  // Service Bus / Event Hubs: `sr` is a resource URI and `skn` names the signing rule.
  const sr = params.get('sr');
  if (params.has('skn') || (sr !== undefined && /[./:]/.test(sr))) {
    if (!params.has('se')) return undefined;
    return decodeServiceBus(params, located, ctx);
  }
  if (!params.has('sv') && !params.has('se') && !params.has('sp')) return undefined;

  const scope: DecodedScope = { facts: {}, evidence: [] };
  const { account, service } = storageHost(located.host);
  if (located.host) {
    if (account) scope.facts['account'] = account;
    else scope.facts['host'] = clip(located.host, 100);
  } else if (located.account) {
    scope.facts['account'] = located.account;
  }
  if (service) scope.facts['service'] = service;
  if (located.path) scope.facts['path'] = clip(decodeComponent(located.path), 120);
  const sv = params.get('sv');
  if (sv && /^[\d-]{4,12}$/.test(sv)) scope.facts['signedVersion'] = sv;

  // Kind: account SAS (ss + srt), service SAS (sr, tn, or a queue/table URL), user delegation.
  const ss = params.get('ss');
  const srt = params.get('srt');
  const isAccount = ss !== undefined || srt !== undefined;
  let breadth: Breadth | undefined;
  let queueContext = false;
  let lakeContext = false;
  let queueReachable = false;
  if (isAccount) {
    breadth = 'account';
    const services = [...(ss ?? '')].map((c) => SERVICES[c]).filter((v): v is string => !!v);
    const types = [...(srt ?? '')].map((c) => RESOURCE_TYPES[c]).filter((v): v is string => !!v);
    if (services.length) scope.facts['services'] = services;
    if (types.length) scope.facts['resourceTypes'] = types;
    const list = (items: string[]): string =>
      items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}` : (items[0] ?? '');
    scope.evidence.push(
      `Account SAS: every ${types.length ? list(types) : 'resource'} in the ${services.length ? `${list(services)} service${services.length > 1 ? 's' : ''}` : 'services'} of the storage account`,
    );
    queueContext = true; // account SAS: `p` is "process" (queue messages)
    queueReachable = services.includes('queue');
  } else if (sr !== undefined || params.has('tn') || service === 'queue' || service === 'table') {
    breadth = 'resource';
    const what = sr !== undefined ? (SIGNED_RESOURCES[sr] ?? sr) : params.has('tn') ? 'table' : (service ?? 'resource');
    scope.facts['signedResource'] = clip(what, 40);
    if (params.has('tn')) scope.facts['table'] = clip(params.get('tn')!, 63);
    scope.evidence.push(`Service SAS: limited to one ${what}`);
    if (service === 'queue') queueContext = queueReachable = true;
    if (sr !== undefined && ['b', 'c', 'd', 'bv', 'bs'].includes(sr)) lakeContext = true;
    if (service === 'dfs') lakeContext = true;
  }
  if (breadth) scope.breadth = breadth;
  if (params.has('skoid') || params.has('sktid')) {
    scope.facts['userDelegation'] = true;
    scope.evidence.push(
      'User delegation SAS: signed with Microsoft Entra credentials (at most 7 days), revocable by revoking the delegation key',
    );
  }

  // Permissions.
  const sp = params.get('sp');
  const si = params.get('si');
  if (si) scope.facts['storedPolicy'] = clip(si, 64);
  if (sp !== undefined) {
    const letters = [...new Set(sp.split(''))].filter((c) => /[a-z]/.test(c));
    const names: string[] = [];
    for (const c of letters) {
      if (c === 'p') {
        names.push(queueContext ? 'process' : lakeContext ? 'set-permissions' : 'process-or-set-permissions');
      } else {
        const name = PERMISSIONS[c];
        if (name) names.push(name);
      }
    }
    scope.scopes = names;
    scope.facts['permissions'] = sp;
    let privilege: Privilege | undefined;
    if (letters.some((c) => DESTRUCTIVE.has(c))) privilege = 'destructive';
    else if (letters.some((c) => WRITE.has(c))) privilege = 'write';
    else if (letters.some((c) => READ.has(c))) privilege = 'read';
    if (privilege) scope.privilege = privilege;
    const named = names.join(', ');
    if (privilege === 'destructive') {
      const which = letters.filter((c) => DESTRUCTIVE.has(c)).map((c) => PERMISSIONS[c]!.replace(/-/g, ' '));
      scope.evidence.push(`sp=${clip(sp, 30)} grants ${named}: can delete data (${which.join(', ')})`);
    } else if (privilege) {
      scope.evidence.push(`sp=${clip(sp, 30)} grants ${named}`);
    }
    if (letters.includes('w') && privilege !== 'destructive')
      scope.evidence.push('Write permission can overwrite existing blobs or files');
    if (letters.includes('p') && queueReachable)
      scope.evidence.push('Process permission reads and deletes queue messages');
    if ((letters.includes('p') && lakeContext) || letters.includes('o')) {
      // Only meaningful on hierarchical-namespace (Data Lake Gen2) accounts, which the URL does not reveal.
      scope.evidence.push(
        'Permission or ownership changes are allowed (Data Lake Storage Gen2 accounts only): may grant access to others',
      );
    }
  }
  if (si) {
    scope.evidence.push(
      sp === undefined
        ? `References stored access policy "${clip(si, 40)}": the permissions live on the server and are not visible here`
        : `References stored access policy "${clip(si, 40)}": the server-side policy may also constrain this SAS; revocable by deleting the policy`,
    );
  }

  // Time, network and protocol limits.
  if (!readExpiry(scope, params.get('se'), ctx.now) && si) {
    scope.evidence.push('No expiry (se) in the URL: it comes from the stored access policy');
  }
  const start = parseSasTime(params.get('st'));
  if (start) scope.facts['start'] = start;
  const sip = params.get('sip');
  if (sip) scope.facts['ipRange'] = clip(sip, 64);
  else scope.evidence.push('No IP restriction (sip absent): usable from any address');
  const spr = params.get('spr');
  if (spr) {
    scope.facts['protocol'] = clip(spr, 20);
    if (/http(?!s)/.test(spr)) scope.evidence.push('Protocol (spr) allows plain HTTP');
  }
  return scope;
}
