// Vercel: GET /v5/user/tokens/current returns the token's own record with its scopes (the
// user account, or teams). https://vercel.com/docs/rest-api/reference/endpoints/authentication/get-auth-token-metadata

import type { Breadth } from '../../model/types.js';
import { accepted, field, isRecord, rejected, str, unexpected } from '../interpret.js';
import type { Outcome, Verifier, VerifyResponse } from '../verifier-types.js';

const PROVIDER = 'Vercel';

function interpretCurrent(response: VerifyResponse): Outcome {
  if (response.status === 200) {
    const token = field(response.json, 'token');
    const rawScopes = field(token, 'scopes');
    if (!str(field(token, 'id')) || !Array.isArray(rawScopes)) return unexpected(response, PROVIDER);
    const scopes: string[] = [];
    let userScope = false;
    for (const s of rawScopes) {
      if (!isRecord(s)) continue;
      const type = str(s['type']);
      if (type === 'user') userScope = true;
      if (type) scopes.push(type === 'team' && str(s['teamId']) ? `team:${str(s['teamId'])}` : type);
    }
    const breadth: Breadth = userScope ? 'account' : scopes.length > 0 ? 'org' : 'unknown';
    const expires = field(token, 'expiresAt');
    return {
      status: 'active',
      detail: accepted(PROVIDER, response),
      scopes,
      breadth,
      capabilities: [
        userScope
          ? 'manage every project and deployment of the user, including deleting them'
          : `manage the projects of ${scopes.length} team${scopes.length === 1 ? '' : 's'}, including deleting them`,
      ],
      facts: typeof expires === 'number' ? { tokenExpires: new Date(expires).toISOString() } : {},
    };
  }
  // Vercel answers an invalid token with 403 {"error": {"code": "forbidden", "invalidToken": true}}.
  if ((response.status === 401 || response.status === 403) && field(response.json, 'error', 'invalidToken') === true) {
    return rejected(PROVIDER, response);
  }
  return unexpected(response, PROVIDER);
}

export const vercel = {
  id: 'vercel',
  providerName: PROVIDER,
  hosts: ['api.vercel.com'],
  references: ['https://vercel.com/docs/rest-api/reference/endpoints/authentication/get-auth-token-metadata'],
  refuse: [{ prefix: 'vcr_', why: 'an app refresh token: its only use (the token endpoint) rotates it' }],
  endpoints: [
    {
      id: 'token-current',
      prefixes: ['vcp_', 'vci_', 'vca_'],
      method: 'GET',
      host: 'api.vercel.com',
      path: '/v5/user/tokens/current',
      auth: { kind: 'bearer' },
      readOnly: 'reads the token’s own record (scopes, expiry)',
      interpret: interpretCurrent,
    },
  ],
} satisfies Verifier;
