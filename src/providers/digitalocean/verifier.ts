// DigitalOcean: GET /v2/account names the account or team; no endpoint reveals a token's own
// scopes. Refresh tokens (dor_v1_) are never sent: the only way to use one consumes it.
// https://docs.digitalocean.com/reference/api/digitalocean/#tag/Account

import { field, accepted, maskEmail, rejected, str, unexpected } from '../interpret.js';
import type { Outcome, Verifier, VerifyResponse } from '../verifier-types.js';

const PROVIDER = 'DigitalOcean';

function interpretAccount(response: VerifyResponse): Outcome {
  if (response.status === 200) {
    const uuid = str(field(response.json, 'account', 'uuid'));
    if (!uuid) return unexpected(response, PROVIDER);
    const team = str(field(response.json, 'account', 'team', 'name'));
    const email = str(field(response.json, 'account', 'email'));
    return {
      status: 'active',
      detail: `${accepted(PROVIDER, response)}; DigitalOcean does not report a token’s scopes`,
      identity: team ? `team ${team}` : email ? maskEmail(email) : uuid,
    };
  }
  if (response.status === 401 && field(response.json, 'id') === 'unauthorized')
    return rejected(PROVIDER, response, 'unauthorized');
  return unexpected(response, PROVIDER);
}

export const digitalocean = {
  id: 'digitalocean',
  providerName: PROVIDER,
  hosts: ['api.digitalocean.com'],
  references: ['https://docs.digitalocean.com/reference/api/scopes/'],
  refuse: [
    {
      prefix: 'dor_v1_',
      why: 'a refresh token: the OAuth token endpoint consumes it (the unsafe check some scanners use)',
    },
  ],
  endpoints: [
    {
      id: 'account',
      prefixes: ['dop_v1_', 'doo_v1_'],
      method: 'GET',
      host: 'api.digitalocean.com',
      path: '/v2/account',
      auth: { kind: 'bearer' },
      readOnly: 'reads the account the token belongs to',
      interpret: interpretAccount,
    },
  ],
} satisfies Verifier;
