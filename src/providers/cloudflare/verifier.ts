// Cloudflare: GET …/tokens/verify reports whether an API token is active (not its policies).
// Account-owned tokens (cfat_) verify under their account, whose id must be known from the match.
// https://developers.cloudflare.com/api/resources/user/subresources/tokens/methods/verify/

import { accepted, field, isRecord, rejected, str, unexpected } from '../interpret.js';
import type { Outcome, Verifier, VerifyResponse } from '../verifier-types.js';

const PROVIDER = 'Cloudflare';

function interpretVerify(response: VerifyResponse): Outcome {
  if (response.status === 200 && field(response.json, 'success') === true) {
    const status = str(field(response.json, 'result', 'status'));
    if (!str(field(response.json, 'result', 'id')) || !status) return unexpected(response, PROVIDER);
    if (status !== 'active')
      return {
        status: 'inactive',
        detail: `${PROVIDER} lists the token as ${status === 'disabled' || status === 'expired' ? status : 'not active'}`,
      };
    const expires = str(field(response.json, 'result', 'expires_on'));
    return {
      status: 'active',
      detail: `${accepted(PROVIDER, response)}; its policies are not returned by this call`,
      facts: expires ? { tokenExpires: expires } : {},
    };
  }
  // {"success": false, "errors": [{"code": 1000, "message": "Invalid API Token"}]}
  const errors = field(response.json, 'errors');
  if (
    (response.status === 401 || response.status === 400) &&
    field(response.json, 'success') === false &&
    Array.isArray(errors) &&
    errors.some(isRecord)
  ) {
    return rejected(PROVIDER, response);
  }
  return unexpected(response, PROVIDER);
}

export const cloudflare = {
  id: 'cloudflare',
  providerName: PROVIDER,
  hosts: ['api.cloudflare.com'],
  references: ['https://developers.cloudflare.com/fundamentals/api/get-started/token-formats/'],
  endpoints: [
    {
      id: 'user-token-verify',
      prefixes: ['cfut_'],
      method: 'GET',
      host: 'api.cloudflare.com',
      path: '/client/v4/user/tokens/verify',
      auth: { kind: 'bearer' },
      readOnly: 'reports the token’s own status and expiry',
      interpret: interpretVerify,
    },
    {
      id: 'account-token-verify',
      prefixes: ['cfat_'],
      method: 'GET',
      host: 'api.cloudflare.com',
      path: '/client/v4/accounts/{account}/tokens/verify',
      params: {
        account: {
          from: ['account', 'account_id', 'accountId'],
          pattern: /^[a-f0-9]{32}$/,
          describe: 'the Cloudflare account id',
        },
      },
      auth: { kind: 'bearer' },
      readOnly: 'reports the account token’s own status and expiry',
      interpret: interpretVerify,
    },
  ],
} satisfies Verifier;
