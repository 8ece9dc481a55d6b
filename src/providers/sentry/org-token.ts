// Sentry organization auth tokens: `sntrys_<base64 JSON>_<secret>`. The JSON payload is
// {iat, url, region_url, org} (getsentry/sentry: src/sentry/utils/security/orgauthtoken_token.py).
// Org tokens carry a fixed CI scope set (org:ci, project:releases), so the org slug is the whole
// scope story. The trailing secret is never read.

import { clip, decodeBase64Json, epochSecondsToIso } from '../formats/encoding.js';
import type { DecodedScope, DecodeContext } from '../decoder-types.js';

export function decodeSentryOrg(secret: string, _ctx: DecodeContext): DecodedScope | undefined {
  const m = /^sntrys_([A-Za-z0-9+/]+={0,2})_[A-Za-z0-9+/=]+$/.exec(secret.trim());
  if (!m) return undefined;
  const payload = decodeBase64Json(m[1]!);
  if (!payload) return undefined;
  const org = typeof payload['org'] === 'string' ? payload['org'] : undefined;
  const url = typeof payload['url'] === 'string' ? payload['url'] : undefined;
  if (!org && !url) return undefined;

  const scope: DecodedScope = {
    facts: {},
    evidence: [],
    privilege: 'write',
    breadth: 'org',
    scopes: ['org:ci', 'project:releases'],
  };
  if (org) scope.facts['org'] = clip(org, 80);
  if (url) scope.facts['url'] = clip(url, 120);
  const region = payload['region_url'];
  if (typeof region === 'string' && region) scope.facts['region'] = clip(region, 120);
  const issued = epochSecondsToIso(payload['iat']);
  if (issued) scope.facts['issuedAt'] = issued;
  scope.evidence.push(
    `Organization auth token for ${org ? `"${clip(org, 60)}"` : 'an organization'}${url ? ` on ${clip(url, 60)}` : ''}: fixed CI scope (org:ci, project:releases) across the organization`,
  );
  return scope;
}
