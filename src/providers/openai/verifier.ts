// OpenAI: GET /v1/models is free and read-only; keys cannot read their own permission mode.
// Admin keys are checked with a one-item project listing, which only an admin key may read.
// Completions and other paid calls are never used. https://platform.openai.com/docs/api-reference

import { accepted, field, isRecord, rejected, safeCode, unexpected } from '../interpret.js';
import type { Outcome, Verifier, VerifyResponse } from '../verifier-types.js';

const PROVIDER = 'OpenAI';

function notAccepted(response: VerifyResponse): Outcome {
  const error = field(response.json, 'error');
  if (!isRecord(error)) return unexpected(response, PROVIDER);
  const code = safeCode(error['code']);
  if (response.status === 401) return rejected(PROVIDER, response, code ?? safeCode(error['type']));
  if (response.status === 403) {
    return {
      status: 'unknown',
      detail: `${PROVIDER} refused the read (HTTP 403${code ? `, ${code}` : ''}): a restricted key, or a region or IP block`,
    };
  }
  return unexpected(response, PROVIDER);
}

function isList(response: VerifyResponse): boolean {
  return field(response.json, 'object') === 'list' && Array.isArray(field(response.json, 'data'));
}

function interpretModels(response: VerifyResponse): Outcome {
  if (response.status === 200) {
    if (!isList(response)) return unexpected(response, PROVIDER);
    return {
      status: 'active',
      detail: `${accepted(PROVIDER, response)}; OpenAI does not report a key’s permission mode`,
      capabilities: ['call the models API at the owner’s expense'],
    };
  }
  return notAccepted(response);
}

function interpretProjects(response: VerifyResponse): Outcome {
  if (response.status === 200) {
    if (!isList(response)) return unexpected(response, PROVIDER);
    return {
      status: 'active',
      detail: `${accepted(PROVIDER, response)}; an admin key`,
      privilege: 'admin',
      breadth: 'org',
      capabilities: ['manage the organization’s projects, members and API keys'],
    };
  }
  return notAccepted(response);
}

export const openai = {
  id: 'openai',
  providerName: PROVIDER,
  hosts: ['api.openai.com'],
  references: [
    'https://platform.openai.com/docs/api-reference/models/list',
    'https://platform.openai.com/docs/api-reference/projects/list',
  ],
  endpoints: [
    {
      id: 'models',
      prefixes: ['sk-proj-', 'sk-svcacct-', 'sk-None-', 'sk-'],
      method: 'GET',
      host: 'api.openai.com',
      path: '/v1/models',
      auth: { kind: 'bearer' },
      readOnly: 'lists the models the key may use (free, no generation)',
      interpret: interpretModels,
    },
    {
      id: 'admin-projects',
      prefixes: ['sk-admin-'],
      method: 'GET',
      host: 'api.openai.com',
      path: '/v1/organization/projects?limit=1',
      auth: { kind: 'bearer' },
      readOnly: 'lists at most one project of the organization',
      interpret: interpretProjects,
    },
  ],
} satisfies Verifier;
