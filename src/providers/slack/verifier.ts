// Slack: auth.test is a documented read-only method (a POST without a body) that returns who the
// token is and, in the x-oauth-scopes header, what it may do. Refresh and app-level tokens are
// never sent: their only uses rotate them or open a Socket Mode connection.
// https://api.slack.com/methods/auth.test

import { accepted, field, headerList, readScopes, safeCode, str, unexpected, type ScopeTable } from '../interpret.js';
import type { Outcome, Verifier, VerifyResponse } from '../verifier-types.js';

const PROVIDER = 'Slack';

/** Slack's own words for a credential that no longer works. */
const DEAD = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'org_login_required',
]);

export const SLACK_SCOPES: ScopeTable = {
  exact: {
    admin: ['admin', 'administer the workspace'],
    client: ['admin', 'do everything the user can (legacy client scope)'],
    'files:write': ['destructive', 'upload, change and delete files'],
    'chat:write': ['write', 'post messages'],
    'chat:write.public': ['write', 'post in channels it is not a member of'],
    'chat:write.customize': ['write', 'post under another name and icon'],
    'channels:manage': ['write', 'create, archive and manage public channels'],
    'groups:write': ['write', 'manage private channels'],
    'users:write': ['write', 'set presence'],
    'incoming-webhook': ['write', 'post through an incoming webhook'],
    commands: ['write', 'add slash commands'],
    bot: ['write', 'act as a classic bot'],
    identify: ['read', 'identify the user'],
  },
  patterns: [
    [/^admin\.(.+)$/, 'admin', 'administer $1'],
    [/^([a-z_.]+):write/, 'write', 'write $1'],
    [/^([a-z_.]+):history$/, 'read', 'read $1 history'],
    [/^([a-z_.]+):read/, 'read', 'read $1'],
  ],
  unlisted: 'write',
  empty: 'unknown',
};

function interpretAuthTest(response: VerifyResponse): Outcome {
  if (response.status !== 200) return unexpected(response, PROVIDER);
  const ok = field(response.json, 'ok');
  if (ok === true) {
    const team = str(field(response.json, 'team'));
    const user = str(field(response.json, 'user'));
    if (!str(field(response.json, 'team_id')) || !str(field(response.json, 'user_id')))
      return unexpected(response, PROVIDER);
    const identity = [user, team ? `on ${team}` : undefined].filter(Boolean).join(' ');
    const scopes = headerList(response, 'x-oauth-scopes');
    if (scopes === undefined) {
      return {
        status: 'active',
        detail: `${accepted(PROVIDER, response)}; Slack listed no scopes`,
        ...(identity ? { identity } : {}),
      };
    }
    const { privilege, capabilities } = readScopes(scopes, SLACK_SCOPES);
    return {
      status: 'active',
      detail: accepted(PROVIDER, response),
      ...(identity ? { identity } : {}),
      scopes,
      ...(scopes.length > 0 ? { privilege } : {}),
      capabilities,
    };
  }
  if (ok === false) {
    const code = safeCode(field(response.json, 'error'));
    if (code && DEAD.has(code))
      return { status: 'inactive', detail: `${PROVIDER} says the token is invalid or revoked (${code})` };
    return { status: 'unknown', detail: `${PROVIDER} answered with an error${code ? ` (${code})` : ''}` };
  }
  return unexpected(response, PROVIDER);
}

export const slack = {
  id: 'slack',
  providerName: PROVIDER,
  hosts: ['slack.com'],
  references: ['https://api.slack.com/methods/auth.test', 'https://api.slack.com/authentication/token-types'],
  refuse: [
    { prefix: 'xoxe-', why: 'a refresh token: its only use (tooling.tokens.rotate / oauth.v2.access) rotates it' },
    { prefix: 'xoxr-', why: 'a legacy refresh token: it cannot be tested without exchanging it' },
    { prefix: 'xapp-', why: 'an app-level token: apps.connections.open would divert the real app’s events' },
    { prefix: 'https://hooks.slack.com/', why: 'a webhook has no read-only call: anything sent to it may be posted' },
  ],
  endpoints: [
    {
      id: 'auth-test',
      prefixes: ['xoxb-', 'xoxp-', 'xoxa-', 'xoxo-', 'xoxs-', 'xoxe.xoxb-', 'xoxe.xoxp-'],
      method: 'POST',
      host: 'slack.com',
      path: '/api/auth.test',
      auth: { kind: 'bearer' },
      readOnly: 'auth.test only reports who the token is (documented read-only POST, empty body)',
      interpret: interpretAuthTest,
    },
  ],
} satisfies Verifier;
