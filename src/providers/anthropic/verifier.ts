// Anthropic: GET /v1/models proves an API key live at no cost; admin keys read their own
// organization. POST /v1/messages is never used: it costs money.
// https://docs.anthropic.com/en/api/models-list, https://docs.anthropic.com/en/api/administration-api

import { accepted, field, rejected, safeCode, str, unexpected } from '../interpret.js';
import type { Outcome, Verifier, VerifyResponse } from '../verifier-types.js';

const PROVIDER = 'Anthropic';

function notAccepted(response: VerifyResponse): Outcome {
  const type = safeCode(field(response.json, 'error', 'type'));
  if (response.status === 401 && field(response.json, 'type') === 'error' && type === 'authentication_error')
    return rejected(PROVIDER, response, type);
  if (response.status === 403 && type)
    return { status: 'unknown', detail: `${PROVIDER} refused the read (HTTP 403, ${type})` };
  return unexpected(response, PROVIDER);
}

function interpretModels(response: VerifyResponse): Outcome {
  if (response.status === 200) {
    if (!Array.isArray(field(response.json, 'data'))) return unexpected(response, PROVIDER);
    return {
      status: 'active',
      detail: `${accepted(PROVIDER, response)}; a workspace API key`,
      capabilities: ['call the models API at the workspace’s expense'],
    };
  }
  return notAccepted(response);
}

function interpretOrganization(response: VerifyResponse): Outcome {
  if (response.status === 200) {
    const id = str(field(response.json, 'id'));
    if (!id || field(response.json, 'type') !== 'organization') return unexpected(response, PROVIDER);
    const name = str(field(response.json, 'name'));
    return {
      status: 'active',
      detail: `${accepted(PROVIDER, response)}; an admin key`,
      identity: name ?? id,
      privilege: 'admin',
      breadth: 'org',
      capabilities: ['manage the organization’s members, workspaces and API keys'],
    };
  }
  return notAccepted(response);
}

const HEADERS = { 'anthropic-version': '2023-06-01' } as const;

export const anthropic = {
  id: 'anthropic',
  providerName: PROVIDER,
  hosts: ['api.anthropic.com'],
  references: ['https://docs.anthropic.com/en/api/models-list', 'https://docs.anthropic.com/en/api/administration-api'],
  refuse: [
    { prefix: 'sk-ant-ort01-', why: 'an OAuth refresh token: exchanging it rotates it' },
    {
      prefix: 'sk-ant-oat01-',
      why: 'an OAuth access token: no documented read-only check (a Messages call costs money)',
    },
  ],
  endpoints: [
    {
      id: 'models',
      prefixes: ['sk-ant-api03-'],
      method: 'GET',
      host: 'api.anthropic.com',
      path: '/v1/models?limit=1',
      auth: { kind: 'header', name: 'x-api-key' },
      headers: HEADERS,
      readOnly: 'lists at most one model (free; never /v1/messages)',
      interpret: interpretModels,
    },
    {
      id: 'admin-organization',
      prefixes: ['sk-ant-admin01-'],
      method: 'GET',
      host: 'api.anthropic.com',
      path: '/v1/organizations/me',
      auth: { kind: 'header', name: 'x-api-key' },
      headers: HEADERS,
      readOnly: 'reads the admin key’s own organization',
      interpret: interpretOrganization,
    },
  ],
} satisfies Verifier;
