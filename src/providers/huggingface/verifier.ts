// Hugging Face: GET /api/whoami-v2 returns the account and the token's role (read, write or
// fine-grained, with its permissions per entity).
// https://huggingface.co/docs/hub/security-tokens

import type { Breadth } from '../../model/types.js';
import {
  accepted,
  field,
  isRecord,
  readScopes,
  rejected,
  str,
  stringArray,
  unexpected,
  type ScopeTable,
} from '../interpret.js';
import type { Outcome, Verifier, VerifyResponse } from '../verifier-types.js';

const PROVIDER = 'Hugging Face';

export const HUGGINGFACE_PERMISSIONS: ScopeTable = {
  exact: {
    'repo.write': ['destructive', 'create, overwrite and delete repositories'],
    'org.write': ['admin', 'manage organizations'],
  },
  patterns: [
    [/^(.+)\.(?:write|manage)$/, 'write', 'write $1'],
    [/^(.+)\.read$/, 'read', 'read $1'],
  ],
  unlisted: 'write',
  empty: 'read',
};

const REPO_ENTITIES = new Set(['model', 'dataset', 'space']);

function interpretWhoami(response: VerifyResponse): Outcome {
  if (response.status === 200) {
    const name = str(field(response.json, 'name'));
    const role = str(field(response.json, 'auth', 'accessToken', 'role'));
    if (!name || !role) return unexpected(response, PROVIDER);
    const detail = accepted(PROVIDER, response);
    if (role === 'read')
      return {
        status: 'active',
        detail,
        identity: name,
        scopes: ['read'],
        privilege: 'read',
        breadth: 'account',
        capabilities: ['read the user’s and their organizations’ repositories'],
      };
    if (role === 'write') {
      return {
        status: 'active',
        detail,
        identity: name,
        scopes: ['write'],
        privilege: 'destructive',
        breadth: 'account',
        capabilities: ['create, overwrite and delete the user’s repositories'],
      };
    }
    if (role === 'fineGrained') {
      const global = stringArray(field(response.json, 'auth', 'accessToken', 'fineGrained', 'global')) ?? [];
      const scoped = field(response.json, 'auth', 'accessToken', 'fineGrained', 'scoped');
      const scopes = [...global];
      const entityTypes: string[] = [];
      if (Array.isArray(scoped)) {
        for (const entry of scoped) {
          if (!isRecord(entry)) continue;
          const type = str(field(entry, 'entity', 'type')) ?? 'entity';
          const entityName = str(field(entry, 'entity', 'name')) ?? '?';
          entityTypes.push(type);
          for (const p of stringArray(entry['permissions']) ?? []) scopes.push(`${p} on ${type} ${entityName}`);
        }
      }
      const { privilege, capabilities } = readScopes(
        scopes.map((s) => s.split(' on ')[0]!),
        HUGGINGFACE_PERMISSIONS,
      );
      const breadth: Breadth =
        global.length > 0 || entityTypes.includes('user')
          ? 'account'
          : entityTypes.includes('org')
            ? 'org'
            : entityTypes.length === 1 && REPO_ENTITIES.has(entityTypes[0]!)
              ? 'resource'
              : 'project';
      return {
        status: 'active',
        detail: `${detail}; a fine-grained token`,
        identity: name,
        scopes,
        privilege,
        breadth,
        capabilities,
      };
    }
    return { status: 'active', detail: `${detail}; unrecognised token role`, identity: name };
  }
  if (response.status === 401 && str(field(response.json, 'error'))) return rejected(PROVIDER, response);
  return unexpected(response, PROVIDER);
}

export const huggingface = {
  id: 'huggingface',
  providerName: PROVIDER,
  hosts: ['huggingface.co'],
  references: ['https://huggingface.co/docs/hub/security-tokens'],
  endpoints: [
    {
      id: 'whoami',
      prefixes: ['hf_', 'api_org_'],
      method: 'GET',
      host: 'huggingface.co',
      path: '/api/whoami-v2',
      auth: { kind: 'bearer' },
      readOnly: 'reads the account and the token’s role',
      interpret: interpretWhoami,
    },
  ],
} satisfies Verifier;
