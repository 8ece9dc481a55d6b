// SendGrid: GET /v3/scopes lists the API key's own scopes.
// https://www.twilio.com/docs/sendgrid/api-reference/api-key-permissions/retrieve-a-list-of-scopes-for-which-this-user-has-access

import { accepted, field, rejected, readScopes, stringArray, unexpected, type ScopeTable } from '../interpret.js';
import type { Outcome, Verifier, VerifyResponse } from '../verifier-types.js';

const PROVIDER = 'SendGrid';

export const SENDGRID_SCOPES: ScopeTable = {
  exact: {
    'mail.send': ['write', 'send email as the account'],
  },
  patterns: [
    [/^api_keys\.(?:create|update|delete)$/, 'admin', 'create and change API keys'],
    [/^(teammates|subusers|credentials|sso|access_settings)\.(?:create|update|delete)/, 'admin', 'manage $1'],
    [/^([a-z_.]+)\.delete$/, 'destructive', 'delete $1'],
    [/^([a-z_.]+)\.(?:create|update|send)$/, 'write', 'change $1'],
    [/^([a-z_.]+)\.read$/, 'read', 'read $1'],
  ],
  unlisted: 'write',
  empty: 'unknown',
};

function interpretScopes(response: VerifyResponse): Outcome {
  if (response.status === 200) {
    const scopes = stringArray(field(response.json, 'scopes'));
    if (!scopes) return unexpected(response, PROVIDER);
    const { privilege, capabilities } = readScopes(scopes, SENDGRID_SCOPES);
    return { status: 'active', detail: accepted(PROVIDER, response), scopes, privilege, capabilities };
  }
  if (response.status === 401 && Array.isArray(field(response.json, 'errors'))) return rejected(PROVIDER, response);
  return unexpected(response, PROVIDER);
}

export const sendgrid = {
  id: 'sendgrid',
  providerName: PROVIDER,
  hosts: ['api.sendgrid.com'],
  references: ['https://www.twilio.com/docs/sendgrid/api-reference/api-key-permissions'],
  endpoints: [
    {
      id: 'scopes',
      prefixes: ['SG.'],
      method: 'GET',
      host: 'api.sendgrid.com',
      path: '/v3/scopes',
      auth: { kind: 'bearer' },
      readOnly: 'lists the key’s own scopes',
      interpret: interpretScopes,
    },
  ],
} satisfies Verifier;
