// Shopify: GET /admin/oauth/access_scopes.json on the shop's own host lists an Admin API token's
// scopes. The shop must be known from the match (a `shop` group); otherwise nothing is sent.
// https://shopify.dev/docs/api/admin-rest/latest/resources/accessscope

import {
  accepted,
  bareHost,
  field,
  isRecord,
  readScopes,
  rejected,
  str,
  unexpected,
  type ScopeTable,
} from '../interpret.js';
import type { Outcome, Verifier, VerifyResponse } from '../verifier-types.js';

const PROVIDER = 'Shopify';

export const SHOPIFY_SCOPES: ScopeTable = {
  exact: {},
  patterns: [
    [/^write_(.+)$/, 'destructive', 'create, change and delete $1'],
    [/^unauthenticated_write_(.+)$/, 'write', 'write $1 as a storefront'],
    [/^(?:unauthenticated_)?read_(.+)$/, 'read', 'read $1'],
  ],
  unlisted: 'write',
  empty: 'read',
};

function interpretScopes(response: VerifyResponse): Outcome {
  if (response.status === 200) {
    const list = field(response.json, 'access_scopes');
    if (!Array.isArray(list)) return unexpected(response, PROVIDER);
    const scopes = list
      .map((s) => (isRecord(s) ? str(s['handle']) : undefined))
      .filter((s): s is string => s !== undefined);
    const { privilege, capabilities } = readScopes(scopes, SHOPIFY_SCOPES);
    return {
      status: 'active',
      detail: accepted(PROVIDER, response),
      scopes,
      privilege,
      breadth: 'resource',
      capabilities,
    };
  }
  if (response.status === 401 && field(response.json, 'errors') !== undefined) return rejected(PROVIDER, response);
  return unexpected(response, PROVIDER);
}

export const shopify = {
  id: 'shopify',
  providerName: PROVIDER,
  hosts: [/^[a-z0-9][a-z0-9-]{0,59}\.myshopify\.com$/],
  references: ['https://shopify.dev/docs/api/admin-rest/latest/resources/accessscope'],
  refuse: [{ prefix: 'shpss_', why: 'an app’s shared secret: checking it needs an OAuth exchange' }],
  endpoints: [
    {
      id: 'access-scopes',
      prefixes: ['shpat_', 'shpca_', 'shppa_'],
      method: 'GET',
      host: '{shop}.myshopify.com',
      path: '/admin/oauth/access_scopes.json',
      params: {
        shop: {
          from: ['shop', 'store', 'domain', 'host'],
          // "https://acme.myshopify.com/…" or "acme.myshopify.com" → "acme"
          normalize: (raw) => bareHost(raw).replace(/\.myshopify\.com$/, ''),
          pattern: /^[a-z0-9][a-z0-9-]{0,59}$/,
          describe: 'the shop’s myshopify.com domain',
        },
      },
      auth: { kind: 'header', name: 'X-Shopify-Access-Token' },
      readOnly: 'lists the token’s own access scopes',
      interpret: interpretScopes,
    },
  ],
} satisfies Verifier;
