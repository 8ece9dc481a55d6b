// Helpers for the providers' pure `interpret` functions: reading JSON and headers safely,
// recognising an HTML (WAF) page, turning scope lists into privilege and words. Outcomes never quote a
// provider's free-text message (some echo part of the key); only short error codes pass.

import { privilegeRank } from '../model/ranks.js';
import type { Privilege } from '../model/types.js';
import type { Outcome, VerifyResponse } from './verifier-types.js';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Walks nested objects: `field(json, 'auth', 'scopes')`. */
export function field(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (!isRecord(current)) return undefined;
    current = current[key];
  }
  return current;
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

export function stringArray(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : undefined;
}

/** A provider error code is shown only when it looks like a code, not prose. */
export function safeCode(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  return typeof value === 'string' && /^[A-Za-z0-9_.:-]{1,60}$/.test(value) ? value : undefined;
}

/** A comma-separated header as a list (`X-OAuth-Scopes: repo, gist`); undefined when the header is absent. */
export function headerList(response: VerifyResponse, name: string): string[] | undefined {
  const header = response.headers[name];
  return header === undefined
    ? undefined
    : header
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s.length > 0);
}

/** `https://App.Example.com/path` → `app.example.com`: a host from a match, without scheme or path (for endpoint params). */
export function bareHost(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/\/.*$/, '');
}

export function looksLikeHtml(response: VerifyResponse): boolean {
  const type = response.headers['content-type'] ?? '';
  return type.includes('html') || /^\s*</.test(response.body);
}

/** The catch-all: anything a verifier does not positively recognise. */
export function unexpected(response: VerifyResponse, provider: string): Outcome {
  const what = looksLikeHtml(response)
    ? 'an HTML page (a proxy, WAF or captive portal?)'
    : response.json === undefined
      ? 'a body that is not JSON'
      : `a JSON body without ${provider}'s expected fields`;
  return { status: 'unknown', detail: `unexpected answer: HTTP ${response.status} with ${what}` };
}

/** The provider's own "invalid or revoked"; `what` names the credential (default "credential"), `on` the host asked. */
export function rejected(
  provider: string,
  response: VerifyResponse,
  code?: string,
  wording: { what?: string; on?: string } = {},
): Outcome {
  const where = wording.on ? ` on ${wording.on}` : '';
  return {
    status: 'inactive',
    detail: `${provider} says the ${wording.what ?? 'credential'} is invalid or revoked${where} (HTTP ${response.status}${code ? `, ${code}` : ''})`,
  };
}

export function accepted(provider: string, response: VerifyResponse): string {
  return `${provider} accepted it (HTTP ${response.status})`;
}

/** `j…@example.com`: who the token belongs to without putting an address in every report. */
export function maskEmail(email: string): string {
  const at = email.indexOf('@');
  return at > 0 ? `${email[0]}…${email.slice(at)}` : email;
}

export function strongest(list: readonly Privilege[], empty: Privilege): Privilege {
  let best: Privilege | undefined;
  for (const p of list) if (best === undefined || privilegeRank(p) > privilegeRank(best)) best = p;
  return best ?? empty;
}

export interface ScopeTable {
  /** Exact scope → privilege and words. */
  exact: Readonly<Record<string, readonly [Privilege, string]>>;
  /** Pattern rules tried in order when no exact entry exists; `$1` is replaced by the first group. */
  patterns?: ReadonlyArray<readonly [RegExp, Privilege, string]>;
  /** A scope in neither list counts as this (conservative: a grant we cannot read is not read-only). */
  unlisted: Privilege;
  /** Privilege when the list is empty. */
  empty: Privilege;
}

/** Privilege (the strongest scope) and a phrase per scope. */
export function readScopes(
  scopes: readonly string[],
  table: ScopeTable,
): { privilege: Privilege; capabilities: string[] } {
  const privileges: Privilege[] = [];
  const capabilities: string[] = [];
  for (const scope of scopes) {
    const exact = table.exact[scope];
    if (exact) {
      privileges.push(exact[0]);
      capabilities.push(exact[1]);
      continue;
    }
    const rule = table.patterns?.find(([re]) => re.test(scope));
    if (rule) {
      privileges.push(rule[1]);
      const m = rule[0].exec(scope);
      capabilities.push(rule[2].replace('$1', m?.[1] ?? scope));
    } else {
      privileges.push(table.unlisted);
      capabilities.push(`use the scope ${scope}`);
    }
  }
  // Most dangerous first, so a report line leads with what matters.
  const order = scopes.map((_, i) => i).sort((a, b) => privilegeRank(privileges[b]!) - privilegeRank(privileges[a]!));
  return {
    privilege: strongest(privileges, table.empty),
    capabilities: [...new Set(order.map((i) => capabilities[i]!))],
  };
}
