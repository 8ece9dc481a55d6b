// Doppler: GET /v3/me describes the token itself: its type (personal, CLI, service, service
// account) and workplace. https://docs.doppler.com/reference/auth-me

import type { Breadth } from '../../model/types.js';
import { accepted, field, rejected, safeCode, str, unexpected } from '../interpret.js';
import type { Outcome, Verifier, VerifyResponse } from '../verifier-types.js';

const PROVIDER = 'Doppler';

const BREADTH_BY_TYPE: Record<string, Breadth> = {
  service_token: 'resource',
  service: 'resource',
  service_account: 'org',
  personal: 'org',
  cli: 'org',
};

function interpretMe(response: VerifyResponse): Outcome {
  if (response.status === 200) {
    const type = str(field(response.json, 'type'));
    const workplace = str(field(response.json, 'workplace', 'name'));
    if (!type || !workplace) return unexpected(response, PROVIDER);
    const breadth = BREADTH_BY_TYPE[type];
    // The type is Doppler's own string: shown only when it reads as a code.
    const code = safeCode(type);
    return {
      status: 'active',
      detail: `${accepted(PROVIDER, response)}${code ? `; a ${code.replace(/_/g, ' ')} token` : ''}`,
      identity: `workplace ${workplace}`,
      ...(breadth ? { breadth } : {}),
      facts: code ? { dopplerTokenType: code } : {},
    };
  }
  if (response.status === 401 && field(response.json, 'success') === false) return rejected(PROVIDER, response);
  return unexpected(response, PROVIDER);
}

export const doppler = {
  id: 'doppler',
  providerName: PROVIDER,
  hosts: ['api.doppler.com'],
  references: ['https://docs.doppler.com/reference/auth-me', 'https://docs.doppler.com/reference/auth-token-formats'],
  endpoints: [
    {
      id: 'me',
      prefixes: ['dp.pt.', 'dp.st.', 'dp.sa.', 'dp.ct.'],
      method: 'GET',
      host: 'api.doppler.com',
      path: '/v3/me',
      auth: { kind: 'bearer' },
      readOnly: 'describes the token itself',
      interpret: interpretMe,
    },
  ],
} satisfies Verifier;
