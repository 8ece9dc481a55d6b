// Grafana Cloud access-policy tokens: `glc_<base64 JSON>`, JSON {o: org id, n: token name,
// k: secret, m: {r: region}}. The shape comes from public example tokens (gitleaks, trufflehog),
// not from an official spec. The access policy's scopes are NOT embedded, so privilege is left to
// the detector's metadata; the `k` field is the secret and is never read into facts.

import { clip, decodeBase64Json, isRecord } from '../formats/encoding.js';
import type { DecodedScope, DecodeContext } from '../decoder-types.js';

export function decodeGrafanaCloud(secret: string, _ctx: DecodeContext): DecodedScope | undefined {
  const m = /^glc_([A-Za-z0-9+/_-]+={0,2})$/.exec(secret.trim());
  if (!m) return undefined;
  const payload = decodeBase64Json(m[1]!);
  if (!payload) return undefined;
  const org = payload['o'];
  const name = payload['n'];
  const meta = payload['m'];
  const hasOrg = (typeof org === 'string' && org.length > 0) || (typeof org === 'number' && Number.isFinite(org));
  if (!hasOrg && typeof name !== 'string') return undefined;

  const scope: DecodedScope = { facts: {}, evidence: [] };
  if (hasOrg) scope.facts['orgId'] = clip(String(org), 40);
  if (typeof name === 'string' && name) scope.facts['tokenName'] = clip(name, 80);
  if (isRecord(meta) && typeof meta['r'] === 'string' && meta['r']) scope.facts['region'] = clip(meta['r'], 40);
  const where = [
    hasOrg ? `org ${clip(String(org), 40)}` : '',
    typeof scope.facts['region'] === 'string' ? `region ${scope.facts['region']}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  scope.evidence.push(
    `Grafana Cloud access-policy token${typeof name === 'string' && name ? ` "${clip(name, 60)}"` : ''}${where ? ` (${where})` : ''}; its scopes live in the access policy, not in the token`,
  );
  return scope;
}
