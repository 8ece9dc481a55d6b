// GitHub: classic and OAuth tokens reveal their scopes in the X-OAuth-Scopes header of any
// authenticated call (GET /user); fine-grained PATs and App tokens send no such header, so only
// their identity and reach can be read. Installation tokens cannot call /user at all.
// https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps

import type { Breadth, Privilege } from '../../model/types.js';
import {
  accepted,
  field,
  headerList,
  isRecord,
  readScopes,
  rejected,
  str,
  strongest,
  unexpected,
  type ScopeTable,
} from '../interpret.js';
import type { Outcome, Verifier, VerifyResponse } from '../verifier-types.js';

const PROVIDER = 'GitHub';

const HEADERS = { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' } as const;

/** GitHub Enterprise Server serves the API under /api/v3; GHE.com's api.* hosts do not. */
const ENTERPRISE_PATH = { prefix: '/api/v3', exceptHosts: /^api\./ } as const;

/** Classic OAuth scopes, worst first where it matters (the privilege vocabulary of README "What it reports"). */
export const GITHUB_SCOPES: ScopeTable = {
  exact: {
    site_admin: ['admin', 'administer the GitHub Enterprise Server instance'],
    'admin:enterprise': ['admin', 'administer the enterprise'],
    'manage_runners:enterprise': ['admin', 'manage the enterprise’s runners'],
    'admin:org': ['admin', 'administer organizations (members, teams, settings)'],
    'write:org': ['admin', 'manage organization and team membership'],
    delete_repo: ['destructive', 'delete repositories'],
    'delete:packages': ['destructive', 'delete packages'],
    repo: ['write', 'read and write every private repository (push, delete branches)'],
    public_repo: ['write', 'write to public repositories'],
    workflow: ['write', 'change GitHub Actions workflows'],
    'write:packages': ['write', 'publish packages'],
    'admin:repo_hook': ['write', 'manage repository webhooks'],
    'admin:org_hook': ['write', 'manage organization webhooks'],
    'admin:public_key': ['write', 'manage SSH keys'],
    'admin:gpg_key': ['write', 'manage GPG keys'],
    'admin:ssh_signing_key': ['write', 'manage SSH signing keys'],
    gist: ['write', 'create gists'],
    user: ['write', 'change the user’s profile'],
    project: ['write', 'change projects'],
    codespace: ['write', 'create and manage codespaces'],
    security_events: ['write', 'read and change code-scanning alerts'],
    notifications: ['read', 'read notifications'],
    'read:user': ['read', 'read the user’s profile'],
    'user:email': ['read', 'read the user’s email addresses'],
  },
  patterns: [
    [/^read:(.+)$/, 'read', 'read $1'],
    [/^write:(.+)$/, 'write', 'write $1'],
    [/^admin:(.+)$/, 'admin', 'administer $1'],
    [/^delete[_:](.+)$/, 'destructive', 'delete $1'],
  ],
  unlisted: 'write',
  empty: 'read',
};

function expiry(response: VerifyResponse): Record<string, string> {
  const header = response.headers['github-authentication-token-expiration'];
  return header && /^[0-9 :+-]+(?:UTC)?$/.test(header) ? { tokenExpires: header } : {};
}

function interpretUser(response: VerifyResponse): Outcome {
  if (response.status === 200) {
    const login = str(field(response.json, 'login'));
    if (!login || typeof field(response.json, 'id') !== 'number') return unexpected(response, PROVIDER);
    const scopes = headerList(response, 'x-oauth-scopes');
    if (scopes === undefined) {
      return {
        status: 'active',
        detail: `${accepted(PROVIDER, response)}; no X-OAuth-Scopes header: a fine-grained or GitHub App token, whose permissions GitHub does not report`,
        identity: login,
        facts: expiry(response),
      };
    }
    const { privilege, capabilities } = readScopes(scopes, GITHUB_SCOPES);
    return {
      status: 'active',
      detail: accepted(PROVIDER, response),
      identity: login,
      scopes,
      privilege,
      breadth: 'account',
      capabilities: scopes.length > 0 ? capabilities : ['read public information only (no scopes)'],
      facts: expiry(response),
    };
  }
  return notAccepted(response);
}

/** 401 with GitHub's JSON error shape ({message, documentation_url}) is a definite no. */
function notAccepted(response: VerifyResponse): Outcome {
  if (
    response.status === 401 &&
    str(field(response.json, 'message')) &&
    str(field(response.json, 'documentation_url'))
  ) {
    return rejected(PROVIDER, response);
  }
  return unexpected(response, PROVIDER);
}

function interpretInstallationRepos(response: VerifyResponse): Outcome {
  if (response.status === 200) {
    const total = field(response.json, 'total_count');
    const repos = field(response.json, 'repositories');
    if (typeof total !== 'number' || !Array.isArray(repos)) return unexpected(response, PROVIDER);
    const selection = str(field(response.json, 'repository_selection'));
    const owner = str(field(repos[0], 'owner', 'login'));
    const breadth: Breadth = selection === 'all' ? 'org' : total <= 1 ? 'resource' : 'project';
    return {
      status: 'active',
      detail: `${accepted(PROVIDER, response)}; an installation token (GitHub does not return its permissions)`,
      ...(owner ? { identity: owner } : {}),
      breadth,
      capabilities: [
        `reach ${selection === 'all' ? 'every' : String(total)} repositor${total === 1 && selection !== 'all' ? 'y' : 'ies'} of the installation`,
      ],
      facts: { repositorySelection: selection ?? 'unknown', repositories: total },
    };
  }
  return notAccepted(response);
}

const APP_PERMISSION_ADMIN = new Set([
  'organization_administration',
  'members',
  'organization_user_blocking',
  'organization_personal_access_tokens',
]);

function permissionPrivilege(name: string, level: string): Privilege {
  if (level !== 'write' && level !== 'admin') return 'read';
  if (APP_PERMISSION_ADMIN.has(name)) return 'admin';
  if (name === 'administration') return 'destructive';
  return 'write';
}

function interpretUserInstallations(response: VerifyResponse): Outcome {
  if (response.status === 200) {
    const installations = field(response.json, 'installations');
    if (typeof field(response.json, 'total_count') !== 'number' || !Array.isArray(installations))
      return unexpected(response, PROVIDER);
    const scopes = new Set<string>();
    const privileges: Privilege[] = [];
    const owners: string[] = [];
    let allRepos = false;
    for (const inst of installations) {
      const login = str(field(inst, 'account', 'login'));
      if (login) owners.push(login);
      if (field(inst, 'repository_selection') === 'all') allRepos = true;
      const permissions = field(inst, 'permissions');
      if (!isRecord(permissions)) continue;
      for (const [name, level] of Object.entries(permissions)) {
        if (typeof level !== 'string') continue;
        scopes.add(`${name}:${level}`);
        privileges.push(permissionPrivilege(name, level));
      }
    }
    const list = [...scopes].sort();
    const breadth: Breadth = installations.length > 1 ? 'account' : allRepos ? 'org' : 'project';
    return {
      status: 'active',
      detail: `${accepted(PROVIDER, response)}; a GitHub App user token on ${installations.length} installation${installations.length === 1 ? '' : 's'}`,
      ...(owners.length > 0 ? { identity: owners.slice(0, 3).join(', ') } : {}),
      scopes: list,
      privilege: strongest(privileges, 'read'),
      breadth,
      capabilities: list.filter((s) => !s.endsWith(':read')).map((s) => `${s.replace(':', ' ')} (app permission)`),
    };
  }
  return notAccepted(response);
}

export const github = {
  id: 'github',
  providerName: PROVIDER,
  hosts: ['api.github.com'],
  references: [
    'https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps',
    'https://docs.github.com/en/rest/apps/installations',
  ],
  refuse: [{ prefix: 'ghr_', why: 'a refresh token is only usable by exchanging it, which rotates it' }],
  endpoints: [
    {
      id: 'user',
      prefixes: ['ghp_', 'gho_', 'github_pat_'],
      method: 'GET',
      host: 'api.github.com',
      selfHosted: 'githubHosts',
      selfHostedPathPrefix: ENTERPRISE_PATH,
      path: '/user',
      auth: { kind: 'bearer' },
      headers: HEADERS,
      readOnly: 'reads the authenticated user; scopes come back in the X-OAuth-Scopes header',
      interpret: interpretUser,
    },
    {
      id: 'installation-repositories',
      prefixes: ['ghs_'],
      method: 'GET',
      host: 'api.github.com',
      selfHosted: 'githubHosts',
      selfHostedPathPrefix: ENTERPRISE_PATH,
      path: '/installation/repositories?per_page=1',
      auth: { kind: 'bearer' },
      headers: HEADERS,
      readOnly: 'lists (one of) the repositories the installation token can reach',
      interpret: interpretInstallationRepos,
    },
    {
      id: 'user-installations',
      prefixes: ['ghu_'],
      method: 'GET',
      host: 'api.github.com',
      selfHosted: 'githubHosts',
      selfHostedPathPrefix: ENTERPRISE_PATH,
      path: '/user/installations?per_page=100',
      auth: { kind: 'bearer' },
      headers: HEADERS,
      readOnly: 'lists the app installations the user token can use, with their permissions',
      interpret: interpretUserInstallations,
    },
  ],
} satisfies Verifier;
