// Scope from JWT claims: `role` (Supabase service_role vs anon), `scope`/`scp`, `aud`, `iss`,
// `exp`. Claims are read without verifying the signature: hints, not proof.

import { decodeJwt } from './jwt.js';
import type { DecodedScope, DecodeContext } from '../decoder-types.js';
import type { Privilege } from '../../model/types.js';

function asList(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/** Privilege suggested by OAuth-style scope strings. */
function privilegeFromScopes(scopes: readonly string[]): Privilege | undefined {
  if (scopes.length === 0) return undefined;
  const text = scopes.join(' ').toLowerCase();
  if (/\badmin\b|:admin|admin:|\.admin|owner|superuser|root|iam|manage_(?:users|keys)|full_access/.test(text))
    return 'admin';
  if (/delete|destroy|drop|purge|remove/.test(text)) return 'destructive';
  if (/write|create|update|upload|publish|deploy|modify|post|send|:rw\b|\.rw\b|readwrite/.test(text)) return 'write';
  if (/read|view|list|get|:ro\b|\.ro\b|readonly/.test(text)) return 'read';
  return undefined;
}

export function decodeJwtScope(secret: string, ctx: DecodeContext): DecodedScope | undefined {
  const jwt = decodeJwt(secret);
  if (!jwt) return undefined;
  const claims = jwt.payload;
  const scope: DecodedScope = { facts: {}, evidence: [] };
  const iss = typeof claims['iss'] === 'string' ? claims['iss'] : undefined;
  if (iss) scope.facts['issuer'] = iss.slice(0, 120);
  const aud = asList(claims['aud']);
  if (aud.length) scope.facts['audience'] = aud.slice(0, 5);
  if (typeof claims['sub'] === 'string' && claims['sub'].length <= 80) scope.facts['subject'] = claims['sub'];
  if (typeof claims['exp'] === 'number' && Number.isFinite(claims['exp'])) {
    const when = new Date(claims['exp'] * 1000);
    if (!Number.isNaN(when.getTime())) scope.expiresAt = when.toISOString();
  }

  const role = typeof claims['role'] === 'string' ? claims['role'] : undefined;
  const isSupabase = (iss !== undefined && /supabase/i.test(iss)) || typeof claims['ref'] === 'string';
  if (role) scope.facts['role'] = role.slice(0, 40);
  if (typeof claims['ref'] === 'string') scope.facts['project'] = claims['ref'].slice(0, 40);
  if (isSupabase && role === 'service_role') {
    scope.tokenType = 'service-role-key';
    scope.privilege = 'destructive';
    scope.breadth = 'project';
    scope.evidence.push('JWT role claim is service_role: bypasses Row Level Security on the whole project');
    return scope;
  }
  if (isSupabase && role === 'anon') {
    scope.tokenType = 'anon-key';
    scope.privilege = 'public';
    scope.breadth = 'project';
    scope.public = true;
    scope.evidence.push('JWT role claim is anon: a public key limited by Row Level Security');
    return scope;
  }

  const scopes = [
    ...asList(claims['scope']),
    ...asList(claims['scp']),
    ...asList(claims['roles']),
    ...asList(claims['permissions']),
  ];
  if (role) scopes.push(role);
  if (scopes.length) {
    scope.scopes = [...new Set(scopes)].slice(0, 50);
    const privilege = privilegeFromScopes(scopes);
    if (privilege) {
      scope.privilege = privilege;
      scope.evidence.push(`JWT claims grant ${scope.scopes.slice(0, 6).join(', ')}`);
    }
  }
  // A bearer token works for whoever holds it until `exp` (RFC 7519 §4.1.4); without one it works
  // until the issuer rotates its signing key. Expired tokens are marked by describeScope.
  if (scope.expiresAt === undefined) {
    scope.evidence.push('the JWT has no expiry (exp claim): it is accepted until its signing key is rotated');
  } else if (Date.parse(scope.expiresAt) > ctx.now.getTime()) {
    scope.evidence.push(
      `the JWT is valid until ${scope.expiresAt.slice(0, 10)}: whoever holds it can use it until then`,
    );
  }
  if (ctx.defaults.breadth === 'unknown' && aud.length === 1) {
    scope.breadth = 'resource';
    scope.evidence.push(`JWT audience is limited to ${aud[0]!.slice(0, 80)}`);
  }
  return scope;
}
