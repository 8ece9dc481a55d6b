// Linear: a GraphQL *query* for the viewer names the user and whether they are a workspace admin.
// Personal keys go in Authorization without a scheme. Linear exposes no field with the key's own
// permissions. https://linear.app/developers/graphql

import { accepted, field, isRecord, rejected, str, unexpected } from '../interpret.js';
import type { Outcome, Verifier, VerifyResponse } from '../verifier-types.js';

const PROVIDER = 'Linear';

/** The same query for both token kinds: the token's own user. */
const VIEWER_QUERY = 'query { viewer { id name admin } }';

function isAuthError(response: VerifyResponse): boolean {
  const errors = field(response.json, 'errors');
  return (
    Array.isArray(errors) &&
    errors.some(
      (e) =>
        isRecord(e) &&
        (field(e, 'extensions', 'code') === 'AUTHENTICATION_ERROR' ||
          field(e, 'extensions', 'type') === 'authentication error'),
    )
  );
}

function interpretViewer(response: VerifyResponse): Outcome {
  if (response.status === 200 && str(field(response.json, 'data', 'viewer', 'id'))) {
    const name = str(field(response.json, 'data', 'viewer', 'name'));
    const admin = field(response.json, 'data', 'viewer', 'admin') === true;
    return {
      status: 'active',
      detail: `${accepted(PROVIDER, response)}; Linear does not report a key’s own permissions`,
      ...(name ? { identity: name } : {}),
      capabilities: [
        admin
          ? 'act as a workspace admin, unless the key was limited when created'
          : 'act as its user, unless the key was limited when created',
      ],
      facts: { workspaceAdmin: admin },
    };
  }
  if ((response.status === 400 || response.status === 401) && isAuthError(response)) {
    return rejected(PROVIDER, response, 'AUTHENTICATION_ERROR', { what: 'key' });
  }
  return unexpected(response, PROVIDER);
}

export const linear = {
  id: 'linear',
  providerName: PROVIDER,
  hosts: ['api.linear.app'],
  references: ['https://linear.app/developers/graphql'],
  endpoints: [
    {
      id: 'viewer',
      prefixes: ['lin_api_'],
      method: 'POST',
      host: 'api.linear.app',
      path: '/graphql',
      auth: { kind: 'authorization' },
      graphqlQuery: VIEWER_QUERY,
      readOnly: 'a GraphQL query (never a mutation) for the key’s own user',
      interpret: interpretViewer,
    },
    {
      id: 'viewer-oauth',
      prefixes: ['lin_oauth_'],
      method: 'POST',
      host: 'api.linear.app',
      path: '/graphql',
      auth: { kind: 'bearer' },
      graphqlQuery: VIEWER_QUERY,
      readOnly: 'a GraphQL query (never a mutation) for the OAuth token’s own user',
      interpret: interpretViewer,
    },
  ],
} satisfies Verifier;
