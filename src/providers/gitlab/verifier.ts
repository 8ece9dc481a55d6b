// GitLab: GET /api/v4/personal_access_tokens/self returns the token's own scopes, state and
// expiry for personal, project, group and impersonation tokens. Self-managed instances are
// contacted only when the config names them (verify.gitlabHosts).
// https://docs.gitlab.com/api/personal_access_tokens/#get-single-personal-access-token

import { accepted, field, readScopes, rejected, str, stringArray, unexpected, type ScopeTable } from '../interpret.js';
import type { Outcome, Verifier, VerifyResponse } from '../verifier-types.js';

const PROVIDER = 'GitLab';

export const GITLAB_SCOPES: ScopeTable = {
  exact: {
    sudo: ['admin', 'act as any user (administrator tokens)'],
    admin_mode: ['admin', 'use administrator mode'],
    api: ['destructive', 'use the whole API as the user (delete projects where the user is Maintainer or Owner)'],
    write_repository: ['write', 'push to repositories'],
    write_registry: ['write', 'push container images'],
    write_virtual_registry: ['write', 'push to virtual registries'],
    create_runner: ['write', 'register runners'],
    manage_runner: ['write', 'manage runners'],
    k8s_proxy: ['write', 'call Kubernetes clusters through the agent'],
    self_rotate: ['write', 'rotate itself'],
    read_api: ['read', 'read the API'],
    read_user: ['read', 'read the user’s profile'],
    read_repository: ['read', 'read repositories'],
    read_registry: ['read', 'pull container images'],
    ai_features: ['read', 'use AI features'],
  },
  patterns: [
    [/^read_(.+)$/, 'read', 'read $1'],
    [/^write_(.+)$/, 'write', 'write $1'],
  ],
  unlisted: 'write',
  empty: 'read',
};

function interpretSelf(response: VerifyResponse): Outcome {
  if (response.status === 200) {
    const scopes = stringArray(field(response.json, 'scopes'));
    const active = field(response.json, 'active');
    const revoked = field(response.json, 'revoked');
    if (!scopes || typeof active !== 'boolean' || typeof field(response.json, 'id') !== 'number')
      return unexpected(response, PROVIDER);
    if (revoked === true || active === false) {
      return {
        status: 'inactive',
        detail: `${PROVIDER} lists the token as ${revoked === true ? 'revoked' : 'inactive (expired)'}`,
      };
    }
    const { privilege, capabilities } = readScopes(scopes, GITLAB_SCOPES);
    const userId = field(response.json, 'user_id');
    const expires = str(field(response.json, 'expires_at'));
    return {
      status: 'active',
      detail: accepted(PROVIDER, response),
      ...(typeof userId === 'number' ? { identity: `user id ${userId}` } : {}),
      scopes,
      privilege,
      capabilities,
      facts: expires ? { tokenExpires: expires } : {},
    };
  }
  // GitLab's 401: {"message":"401 Unauthorized"} or an OAuth-style {"error":"invalid_token"}.
  if (response.status === 401 && (str(field(response.json, 'message')) || str(field(response.json, 'error')))) {
    return rejected(PROVIDER, response);
  }
  return unexpected(response, PROVIDER);
}

export const gitlab = {
  id: 'gitlab',
  providerName: PROVIDER,
  hosts: ['gitlab.com'],
  references: ['https://docs.gitlab.com/api/personal_access_tokens/'],
  endpoints: [
    {
      id: 'token-self',
      prefixes: ['glpat-'],
      method: 'GET',
      host: 'gitlab.com',
      selfHosted: 'gitlabHosts',
      path: '/api/v4/personal_access_tokens/self',
      auth: { kind: 'header', name: 'PRIVATE-TOKEN' },
      readOnly: 'reads the token’s own record (scopes, state, expiry)',
      interpret: interpretSelf,
    },
  ],
} satisfies Verifier;
