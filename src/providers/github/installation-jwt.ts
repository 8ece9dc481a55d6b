// GitHub App installation tokens in the stateless form `ghs_<APPID>_<JWT>` (rolled out from
// 2026-04-27). The app id is in the prefix; the JWT is signed by GitHub and cannot be verified
// here, and GitHub warns clients not to depend on its contents, so claims are hints only.
// Read: the standard claims (iss, sub, aud, exp, iat). Uncertain (undocumented claim names,
// read only when present): an installation id claim and a `permissions` object.
// The classic opaque 40-character `ghs_` form carries nothing to decode.

import { decodeJwt } from '../formats/jwt.js';
import { clip, epochSecondsToIso, isRecord } from '../formats/encoding.js';
import type { DecodedScope, DecodeContext } from '../decoder-types.js';
import type { Privilege } from '../../model/types.js';
import { privilegeRank } from '../../model/ranks.js';

/** Privilege of one GitHub App permission at one access level (`read`, `write`, `admin`). */
function permissionPrivilege(name: string, level: string): Privilege {
  if (level === 'read') return 'read';
  if (
    level === 'admin' ||
    /^(?:members|organization_administration|organization_user_blocking|organization_secrets)$/.test(name)
  )
    return 'admin';
  // Administration: write can delete repositories.
  if (name === 'administration') return 'destructive';
  return 'write';
}

export function decodeGithubInstallationJwt(secret: string, _ctx: DecodeContext): DecodedScope | undefined {
  const m = /^ghs_(\d{1,12})_([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/.exec(secret.trim());
  if (!m) return undefined;
  const appId = m[1]!;
  const scope: DecodedScope = { facts: { appId }, evidence: [], breadth: 'org' };
  scope.evidence.push(
    `Installation token of GitHub App ${appId}: acts on the repositories of one installation (an organization or user account)`,
  );
  const jwt = decodeJwt(m[2]!);
  if (!jwt) {
    scope.evidence.push('The embedded JWT could not be decoded');
    return scope;
  }
  const claims = jwt.payload;
  if (typeof claims['iss'] === 'string') scope.facts['issuer'] = clip(claims['iss'], 120);
  if (typeof claims['sub'] === 'string' || typeof claims['sub'] === 'number')
    scope.facts['subject'] = clip(String(claims['sub']), 80);
  const expiresAt = epochSecondsToIso(claims['exp']);
  if (expiresAt) {
    scope.expiresAt = expiresAt;
    scope.evidence.push(`JWT exp claim: valid until ${expiresAt}`);
  }
  const issuedAt = epochSecondsToIso(claims['iat']);
  if (issuedAt) scope.facts['issuedAt'] = issuedAt;
  // Uncertain claim names: GitHub does not document the payload.
  for (const key of ['installation_id', 'installationId', 'iid']) {
    const v = claims[key];
    if ((typeof v === 'number' && Number.isInteger(v)) || (typeof v === 'string' && /^\d{1,15}$/.test(v))) {
      scope.facts['installationId'] = String(v);
      break;
    }
  }
  const permissions = claims['permissions'];
  if (isRecord(permissions)) {
    const scopes: string[] = [];
    let best: Privilege | undefined;
    for (const [name, level] of Object.entries(permissions).slice(0, 60)) {
      if (typeof level !== 'string' || !/^[a-z_]{1,60}$/.test(name)) continue;
      scopes.push(`${name}:${clip(level, 10)}`);
      const p = permissionPrivilege(name, level);
      if (best === undefined || privilegeRank(p) > privilegeRank(best)) best = p;
    }
    if (scopes.length) {
      scope.scopes = scopes;
      if (best) scope.privilege = best;
      scope.evidence.push(
        `JWT lists permissions ${scopes.slice(0, 6).join(', ')} (unverified hint; GitHub does not document this claim)`,
      );
    }
  }
  return scope;
}
