// Heroku: GET /account names the account the API key or OAuth token acts as. Authorizations
// default to the `global` scope; the account call does not say otherwise.
// https://devcenter.heroku.com/articles/platform-api-reference#account-info

import { accepted, field, maskEmail, rejected, safeCode, str, unexpected } from '../interpret.js';
import type { Outcome, Verifier, VerifyResponse } from '../verifier-types.js';

const PROVIDER = 'Heroku';

function interpretAccount(response: VerifyResponse): Outcome {
  if (response.status === 200) {
    const id = str(field(response.json, 'id'));
    const email = str(field(response.json, 'email'));
    if (!id || !email) return unexpected(response, PROVIDER);
    return { status: 'active', detail: accepted(PROVIDER, response), identity: maskEmail(email) };
  }
  // {"id": "unauthorized", "message": "Invalid credentials provided."}: only the id, and only when it reads as a code.
  const errorId = str(field(response.json, 'id'));
  if (response.status === 401 && errorId) return rejected(PROVIDER, response, safeCode(errorId));
  return unexpected(response, PROVIDER);
}

export const heroku = {
  id: 'heroku',
  providerName: PROVIDER,
  hosts: ['api.heroku.com'],
  references: ['https://devcenter.heroku.com/articles/platform-api-reference#account-info'],
  endpoints: [
    {
      id: 'account',
      prefixes: ['HRKU-'],
      method: 'GET',
      host: 'api.heroku.com',
      path: '/account',
      auth: { kind: 'bearer' },
      headers: { accept: 'application/vnd.heroku+json; version=3' },
      readOnly: 'reads the account the key acts as',
      interpret: interpretAccount,
    },
  ],
} satisfies Verifier;
