// Stripe: a secret key (sk_) is always full access, so GET /v1/account only proves it live and
// names the account. Restricted keys (rk_) cannot list their own permissions: one read-only
// listing shows the key works and can read customers; writes are never probed.
// https://docs.stripe.com/keys, https://docs.stripe.com/keys/restricted-api-keys

import { accepted, field, rejected, safeCode, str, unexpected } from '../interpret.js';
import type { Outcome, Verifier, VerifyResponse } from '../verifier-types.js';

const PROVIDER = 'Stripe';

function notAccepted(response: VerifyResponse): Outcome {
  // Stripe's error shape: {"error": {"type": "invalid_request_error", ...}}.
  const type = safeCode(field(response.json, 'error', 'type'));
  if (response.status === 401 && type) return rejected(PROVIDER, response, type);
  if (response.status === 403 && type) {
    return {
      status: 'unknown',
      detail: `${PROVIDER} refused the read (HTTP 403, ${type}): the key may lack this permission or be limited to other IP addresses`,
    };
  }
  return unexpected(response, PROVIDER);
}

function interpretAccount(response: VerifyResponse): Outcome {
  if (response.status === 200) {
    const id = str(field(response.json, 'id'));
    if (!id?.startsWith('acct_') || field(response.json, 'object') !== 'account') return unexpected(response, PROVIDER);
    const name =
      str(field(response.json, 'settings', 'dashboard', 'display_name')) ??
      str(field(response.json, 'business_profile', 'name'));
    return {
      status: 'active',
      detail: `${accepted(PROVIDER, response)}; a secret key has every permission on the account`,
      identity: name ? `${name} (${id})` : id,
      capabilities: ['do everything the account can through the API (charges, refunds, payouts, customers)'],
    };
  }
  return notAccepted(response);
}

function interpretCustomerList(response: VerifyResponse): Outcome {
  if (response.status === 200) {
    if (field(response.json, 'object') !== 'list' || !Array.isArray(field(response.json, 'data')))
      return unexpected(response, PROVIDER);
    return {
      status: 'active',
      detail: `${accepted(PROVIDER, response)}; Stripe does not list a restricted key’s permissions`,
      capabilities: ['read customers (other permissions, including writes, are not visible)'],
    };
  }
  return notAccepted(response);
}

export const stripe = {
  id: 'stripe',
  providerName: PROVIDER,
  hosts: ['api.stripe.com'],
  references: ['https://docs.stripe.com/api/accounts/retrieve', 'https://docs.stripe.com/keys/restricted-api-keys'],
  refuse: [
    { prefix: 'pk_', why: 'a publishable key is public by design' },
    { prefix: 'whsec_', why: 'a webhook signing secret has no API use' },
  ],
  endpoints: [
    {
      id: 'account',
      prefixes: ['sk_live_', 'sk_prod_', 'sk_test_'],
      method: 'GET',
      host: 'api.stripe.com',
      path: '/v1/account',
      auth: { kind: 'bearer' },
      readOnly: 'retrieves the key’s own account',
      interpret: interpretAccount,
    },
    {
      id: 'customers',
      prefixes: ['rk_live_', 'rk_prod_', 'rk_test_'],
      method: 'GET',
      host: 'api.stripe.com',
      path: '/v1/customers?limit=1',
      auth: { kind: 'bearer' },
      readOnly: 'lists at most one customer',
      interpret: interpretCustomerList,
    },
  ],
} satisfies Verifier;
