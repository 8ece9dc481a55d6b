// Sentry: the API root (GET /api/0/) echoes the caller's auth scopes. An anonymous caller gets
// 200 with `auth: null`, so only a body carrying scopes counts as active.
// https://docs.sentry.io/api/auth/

import { accepted, field, readScopes, rejected, str, stringArray, unexpected, type ScopeTable } from '../interpret.js';
import type { Outcome, Verifier, VerifyResponse } from '../verifier-types.js';

const PROVIDER = 'Sentry';

export const SENTRY_SCOPES: ScopeTable = {
  exact: {
    'org:admin': ['admin', 'administer the organization'],
    'member:admin': ['admin', 'manage members'],
    'member:write': ['admin', 'invite and remove members'],
    'project:admin': ['destructive', 'delete projects'],
    'team:admin': ['destructive', 'delete teams'],
    'event:admin': ['destructive', 'delete issues and events'],
    'project:releases': ['write', 'create releases and upload source maps'],
    'org:ci': ['write', 'create releases and upload source maps (CI)'],
  },
  patterns: [
    [/^([a-z_]+):write$/, 'write', 'change $1 settings'],
    [/^([a-z_]+):read$/, 'read', 'read $1'],
  ],
  unlisted: 'write',
  empty: 'read',
};

function interpretRoot(response: VerifyResponse): Outcome {
  if (response.status === 200) {
    const scopes = stringArray(field(response.json, 'auth', 'scopes'));
    if (!scopes) {
      if (field(response.json, 'auth') === null)
        return { status: 'unknown', detail: `${PROVIDER} answered as for an anonymous caller` };
      return unexpected(response, PROVIDER);
    }
    const { privilege, capabilities } = readScopes(scopes, SENTRY_SCOPES);
    const user = str(field(response.json, 'user', 'username'));
    return {
      status: 'active',
      detail: accepted(PROVIDER, response),
      ...(user ? { identity: user } : {}),
      scopes,
      privilege,
      capabilities,
    };
  }
  if (response.status === 401 && str(field(response.json, 'detail'))) return rejected(PROVIDER, response);
  return unexpected(response, PROVIDER);
}

export const sentry = {
  id: 'sentry',
  providerName: PROVIDER,
  hosts: ['sentry.io'],
  references: ['https://docs.sentry.io/api/auth/', 'https://docs.sentry.io/api/permissions/'],
  endpoints: [
    {
      id: 'api-root',
      prefixes: ['sntrys_', 'sntryu_'],
      method: 'GET',
      host: 'sentry.io',
      path: '/api/0/',
      auth: { kind: 'bearer' },
      readOnly: 'the API index: echoes the caller’s scopes',
      interpret: interpretRoot,
    },
  ],
} satisfies Verifier;
