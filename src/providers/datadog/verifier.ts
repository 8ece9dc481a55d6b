// Datadog: GET /api/v1/validate checks an API key on one Datadog site. A key from another site
// is refused too, so "invalid" is only believed when the site came from the match.
// https://docs.datadoghq.com/api/latest/authentication/#validate-api-key

import { bareHost, field, rejected, unexpected } from '../interpret.js';
import type { InterpretContext, Outcome, Verifier, VerifyResponse } from '../verifier-types.js';

const PROVIDER = 'Datadog';

/** Datadog's sites: https://docs.datadoghq.com/getting_started/site/ */
const SITES = [
  'datadoghq.com',
  'us3.datadoghq.com',
  'us5.datadoghq.com',
  'datadoghq.eu',
  'ap1.datadoghq.com',
  'ap2.datadoghq.com',
  'ddog-gov.com',
];

function interpretValidate(response: VerifyResponse, context: InterpretContext): Outcome {
  if (response.status === 200) {
    if (field(response.json, 'valid') !== true) return unexpected(response, PROVIDER);
    return {
      status: 'active',
      detail: `${PROVIDER} accepted it on ${context.host} (HTTP 200)`,
      capabilities: ['send metrics, logs and events to the organization (API keys cannot read data)'],
    };
  }
  if (response.status === 403 && Array.isArray(field(response.json, 'errors'))) {
    if (context.defaulted.includes('site')) {
      return {
        status: 'unknown',
        detail: `${PROVIDER} refused it on ${context.host}; it may belong to another Datadog site (none named near the key)`,
      };
    }
    return rejected(PROVIDER, response, undefined, { what: 'key', on: context.host });
  }
  return unexpected(response, PROVIDER);
}

export const datadog = {
  id: 'datadog',
  providerName: PROVIDER,
  hosts: SITES.map((site) => `api.${site}`),
  references: [
    'https://docs.datadoghq.com/api/latest/authentication/#validate-api-key',
    'https://docs.datadoghq.com/getting_started/site/',
  ],
  endpoints: [
    {
      id: 'validate',
      method: 'GET',
      host: 'api.{site}',
      path: '/api/v1/validate',
      params: {
        site: {
          from: ['site', 'dd_site'],
          // "https://app.datadoghq.eu/…" or "api.datadoghq.eu" → "datadoghq.eu"
          normalize: (raw) => bareHost(raw).replace(/^(?:api|app)\./, ''),
          pattern: new RegExp(`^(?:${SITES.map((s) => s.replace(/\./g, '\\.')).join('|')})$`),
          default: 'datadoghq.com',
          describe: 'the Datadog site',
        },
      },
      auth: { kind: 'header', name: 'DD-API-KEY' },
      readOnly: 'checks the API key and returns {"valid": true}',
      interpret: interpretValidate,
    },
  ],
} satisfies Verifier;
