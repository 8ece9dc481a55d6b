// The safety rules of `--verify`, in one place: which endpoint a token goes to, how the request
// is built, and a check every request must pass before a socket is opened — HTTPS to the
// verifier's own allowlisted host (self-managed hosts only when the config names them), GET or
// HEAD, or a POST that is documented read-only (Slack auth.test) or a GraphQL query.

import { VERSION } from '../util/version.js';
import type { Endpoint, Verifier } from '../providers/verifier-types.js';

export interface HostConfig {
  githubHosts: readonly string[];
  gitlabHosts: readonly string[];
}

export interface RequestPlan {
  verifier: string;
  endpoint: string;
  method: Endpoint['method'];
  /** Host name the request is for (TLS name and Host header). */
  host: string;
  port: number;
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** Parameters that fell back to their default (see InterpretContext). */
  defaulted: string[];
}

/** POSTs that are documented read-only and carry no body. */
const READ_ONLY_POSTS = new Set(['slack.com /api/auth.test']);

/** A GraphQL body sending one anonymous or named *query*; anything mentioning a mutation or subscription fails. */
export function isGraphqlQueryBody(body: string | undefined): boolean {
  if (body === undefined) return false;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return false;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return false;
  const keys = Object.keys(parsed);
  const query = (parsed as { query?: unknown }).query;
  if (typeof query !== 'string' || keys.some((k) => k !== 'query')) return false;
  if (/\b(?:mutation|subscription)\b/i.test(query)) return false;
  return /^\s*(?:query\b[^{]*)?\{/.test(query);
}

/** `host` or `host:port` from the config, lower-cased. */
export function parseHostEntry(entry: string): { host: string; port: number } | undefined {
  const m = /^([A-Za-z0-9.-]+)(?::([0-9]{1,5}))?$/.exec(entry.trim());
  if (!m) return undefined;
  const port = m[2] ? Number(m[2]) : 443;
  if (port < 1 || port > 65535) return undefined;
  return { host: m[1]!.toLowerCase().replace(/\.$/, ''), port };
}

function configuredHosts(endpoint: Endpoint, hosts: HostConfig): Array<{ host: string; port: number }> {
  if (!endpoint.selfHosted) return [];
  return hosts[endpoint.selfHosted]
    .map(parseHostEntry)
    .filter((h): h is { host: string; port: number } => h !== undefined);
}

/** The path on a configured self-managed host: the endpoint's path under its declared prefix, if any. */
function selfHostedPath(endpoint: Endpoint, host: string, path: string): string {
  const rule = endpoint.selfHostedPathPrefix;
  return rule && !rule.exceptHosts?.test(host) ? `${rule.prefix}${path}` : path;
}

function hostAllowed(verifier: Verifier, host: string): boolean {
  return verifier.hosts.some((allowed) => (typeof allowed === 'string' ? allowed === host : allowed.test(host)));
}

/**
 * The endpoint a token goes to: the one its detector names (`verifierEndpoint`), else the one with
 * the longest token prefix it starts with, else the verifier's only endpoint.
 */
export function selectEndpoint(
  verifier: Verifier,
  endpointId: string | undefined,
  secret: string,
): Endpoint | undefined {
  if (endpointId !== undefined) return verifier.endpoints.find((e) => e.id === endpointId);
  let best: Endpoint | undefined;
  let bestLength = 0;
  for (const endpoint of verifier.endpoints) {
    for (const prefix of endpoint.prefixes ?? []) {
      if (secret.startsWith(prefix) && prefix.length > bestLength) {
        best = endpoint;
        bestLength = prefix.length;
      }
    }
  }
  return best ?? (verifier.endpoints.length === 1 ? verifier.endpoints[0] : undefined);
}

/** Why a token must never be sent (refresh tokens, app-level tokens), or undefined. */
export function refusal(verifier: Verifier, secret: string): string | undefined {
  return verifier.refuse?.find((r) => secret.startsWith(r.prefix))?.why;
}

function fill(template: string, values: Record<string, string>, encode: boolean): string {
  return template.replace(/\{([a-z_]+)\}/gi, (_, name: string) => {
    const value = values[name] ?? '';
    return encode ? encodeURIComponent(value) : value;
  });
}

function authHeader(endpoint: Endpoint, secret: string, values: Record<string, string>): [string, string] {
  const auth = endpoint.auth;
  switch (auth.kind) {
    case 'bearer':
      return ['authorization', `Bearer ${secret}`];
    case 'authorization':
      return ['authorization', secret];
    case 'header':
      return [auth.name.toLowerCase(), secret];
    case 'basic':
      return ['authorization', `Basic ${Buffer.from(`${values[auth.userParam] ?? ''}:${secret}`).toString('base64')}`];
  }
}

/**
 * Builds the request(s) for one token: one per host, the config's self-managed hosts (tried first)
 * then the provider's own. `missing` names a value the match's context did not supply.
 */
export function planRequests(
  verifier: Verifier,
  endpoint: Endpoint,
  secret: string,
  context: Readonly<Record<string, string>>,
  hosts: HostConfig,
): { plans: RequestPlan[] } | { missing: string } {
  const values: Record<string, string> = {};
  const defaulted: string[] = [];
  for (const [name, param] of Object.entries(endpoint.params ?? {})) {
    let value: string | undefined;
    for (const group of param.from) {
      const raw = context[group];
      if (raw === undefined) continue;
      const candidate = param.normalize ? param.normalize(raw) : raw;
      if (param.pattern.test(candidate)) {
        value = candidate;
        break;
      }
    }
    if (value === undefined && param.default !== undefined) {
      value = param.default;
      defaulted.push(name);
    }
    if (value === undefined) return { missing: param.describe };
    values[name] = value;
  }
  const path = fill(endpoint.path, values, true);
  const [authName, authValue] = authHeader(endpoint, secret, values);
  const headers: Record<string, string> = {
    'user-agent': `tokenscope/${VERSION} (+--verify; read-only)`,
    accept: 'application/json',
    ...Object.fromEntries(Object.entries(endpoint.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
    [authName]: authValue,
  };
  let body: string | undefined;
  if (endpoint.graphqlQuery !== undefined) {
    body = JSON.stringify({ query: endpoint.graphqlQuery });
    headers['content-type'] = 'application/json';
  }
  const base = {
    verifier: verifier.id,
    endpoint: endpoint.id,
    method: endpoint.method,
    headers,
    ...(body !== undefined ? { body } : {}),
    defaulted,
  };
  const targets = [
    ...configuredHosts(endpoint, hosts).map((h) => ({ ...h, path: selfHostedPath(endpoint, h.host, path) })),
    { host: fill(endpoint.host, values, false).toLowerCase(), port: 443, path },
  ];
  return {
    plans: targets.map((t) => ({ ...base, headers: { ...headers }, host: t.host, port: t.port, path: t.path })),
  };
}

/** Every rule a request must satisfy; returns the violation in words, or undefined when it is safe. */
export function checkRequest(
  plan: RequestPlan,
  verifier: Verifier,
  endpoint: Endpoint,
  hosts: HostConfig,
): string | undefined {
  let url: URL;
  try {
    url = new URL(`https://${plan.host}${plan.port === 443 ? '' : `:${plan.port}`}${plan.path}`);
  } catch {
    return `not a valid URL: ${plan.host}${plan.path}`;
  }
  if (url.protocol !== 'https:') return 'only HTTPS is allowed';
  if (url.hostname !== plan.host || url.username !== '' || url.password !== '')
    return `host ${plan.host} is not a plain host name`;
  if (!/^\/(?!\/)[^\s#\\]*$/.test(plan.path) || url.pathname + url.search !== plan.path)
    return `path ${plan.path} is not a plain absolute path`;
  const selfHosted = configuredHosts(endpoint, hosts).some((h) => h.host === plan.host && h.port === plan.port);
  if (!selfHosted && !(hostAllowed(verifier, plan.host) && plan.port === 443)) {
    return `${plan.host}:${plan.port} is not an allowed host for ${verifier.id}`;
  }
  if (plan.method !== endpoint.method) return `method ${plan.method} differs from the declared ${endpoint.method}`;
  if (plan.method === 'GET' || plan.method === 'HEAD') {
    return plan.body === undefined ? undefined : `${plan.method} must not carry a body`;
  }
  if (plan.method === 'POST') {
    if (endpoint.graphqlQuery !== undefined)
      return isGraphqlQueryBody(plan.body) ? undefined : 'a GraphQL POST must be a query, never a mutation';
    if (READ_ONLY_POSTS.has(`${plan.host} ${plan.path}`) && plan.body === undefined) return undefined;
    return `POST ${plan.host}${plan.path} is not a documented read-only call`;
  }
  return `method ${String(plan.method)} is not allowed`;
}
