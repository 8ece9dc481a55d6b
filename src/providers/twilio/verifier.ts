// Twilio: GET Accounts/{AccountSid}.json with the auth token reads the account itself. The
// Account SID must come from the match (it sits beside the token); without it nothing is sent.
// https://www.twilio.com/docs/iam/api/account#fetch-an-account-resource

import { accepted, field, rejected, safeCode, str, unexpected } from '../interpret.js';
import type { Outcome, Verifier, VerifyResponse } from '../verifier-types.js';

const PROVIDER = 'Twilio';

function interpretAccount(response: VerifyResponse): Outcome {
  if (response.status === 200) {
    const sid = str(field(response.json, 'sid'));
    const status = str(field(response.json, 'status'));
    if (!sid?.startsWith('AC') || !status) return unexpected(response, PROVIDER);
    if (status === 'closed') return { status: 'inactive', detail: `${PROVIDER} lists the account as closed` };
    const name = str(field(response.json, 'friendly_name'));
    const type = str(field(response.json, 'type'));
    const state = safeCode(status);
    return {
      status: 'active',
      detail: `${accepted(PROVIDER, response)}${state ? `; account ${state}` : ''}`,
      identity: name ?? sid,
      capabilities: [
        'send messages and place calls at the account’s expense, manage numbers, subaccounts and API keys',
      ],
      facts: type ? { accountType: type } : {},
    };
  }
  // {"code": 20003, "message": "Authenticate", "status": 401}
  if (response.status === 401 && field(response.json, 'code') === 20003) return rejected(PROVIDER, response, '20003');
  return unexpected(response, PROVIDER);
}

export const twilio = {
  id: 'twilio',
  providerName: PROVIDER,
  hosts: ['api.twilio.com'],
  references: ['https://www.twilio.com/docs/iam/api/account'],
  endpoints: [
    {
      id: 'account',
      method: 'GET',
      host: 'api.twilio.com',
      path: '/2010-04-01/Accounts/{sid}.json',
      params: {
        sid: {
          from: ['sid', 'account_sid', 'accountSid'],
          normalize: (raw) => (/^ac/i.test(raw) ? `AC${raw.slice(2).toLowerCase()}` : raw),
          pattern: /^AC[0-9a-f]{32}$/,
          describe: 'the Account SID (AC…) next to the token',
        },
      },
      auth: { kind: 'basic', userParam: 'sid' },
      readOnly: 'reads the account resource itself',
      interpret: interpretAccount,
    },
  ],
} satisfies Verifier;
