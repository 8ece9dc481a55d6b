// npm: GET /-/whoami on the public registry names the account a token belongs to. npm does not
// say whether the token may publish, so privilege stays with the metadata.
// https://docs.npmjs.com/cli/commands/npm-whoami

import { accepted, field, rejected, str, unexpected } from '../interpret.js';
import type { Outcome, Verifier, VerifyResponse } from '../verifier-types.js';

const PROVIDER = 'npm';

function interpretWhoami(response: VerifyResponse): Outcome {
  if (response.status === 200) {
    const username = str(field(response.json, 'username'));
    if (!username) return unexpected(response, PROVIDER);
    return {
      status: 'active',
      detail: `${accepted(PROVIDER, response)}; npm does not report whether it may publish`,
      identity: username,
    };
  }
  if (response.status === 401 && (str(field(response.json, 'error')) || str(field(response.json, 'message')))) {
    return rejected(PROVIDER, response);
  }
  return unexpected(response, PROVIDER);
}

export const npm = {
  id: 'npm',
  providerName: PROVIDER,
  hosts: ['registry.npmjs.org'],
  references: ['https://docs.npmjs.com/cli/commands/npm-whoami'],
  endpoints: [
    {
      id: 'whoami',
      prefixes: ['npm_'],
      method: 'GET',
      host: 'registry.npmjs.org',
      path: '/-/whoami',
      auth: { kind: 'bearer' },
      readOnly: 'returns the user name the token belongs to',
      interpret: interpretWhoami,
    },
  ],
} satisfies Verifier;
