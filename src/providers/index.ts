// The provider modules, listed once. Everything keyed by a name a detector YAML uses (validators,
// decoders, verifiers) and the agent guard's API-host table are derived from this list, and the
// detector schema's enums are generated from it (npm run docs:schema; a test checks they are fresh).

import { formats } from './formats/index.js';
import type { ProviderModule, ProviderValidator } from './types.js';
import type { Decoder } from './decoder-types.js';
import type { Verifier } from './verifier-types.js';
import { provider as anthropic } from './anthropic/index.js';
import { provider as aws } from './aws/index.js';
import { provider as azure } from './azure/index.js';
import { provider as cloudflare } from './cloudflare/index.js';
import { provider as datadog } from './datadog/index.js';
import { provider as digitalocean } from './digitalocean/index.js';
import { provider as doppler } from './doppler/index.js';
import { provider as flyio } from './flyio/index.js';
import { provider as gcp } from './gcp/index.js';
import { provider as github } from './github/index.js';
import { provider as gitlab } from './gitlab/index.js';
import { provider as grafana } from './grafana/index.js';
import { provider as heroku } from './heroku/index.js';
import { provider as huggingface } from './huggingface/index.js';
import { provider as linear } from './linear/index.js';
import { provider as neon } from './neon/index.js';
import { provider as netlify } from './netlify/index.js';
import { provider as npm } from './npm/index.js';
import { provider as openai } from './openai/index.js';
import { provider as planetscale } from './planetscale/index.js';
import { provider as pypi } from './pypi/index.js';
import { provider as railway } from './railway/index.js';
import { provider as render } from './render/index.js';
import { provider as sendgrid } from './sendgrid/index.js';
import { provider as sentry } from './sentry/index.js';
import { provider as shopify } from './shopify/index.js';
import { provider as slack } from './slack/index.js';
import { provider as stripe } from './stripe/index.js';
import { provider as supabase } from './supabase/index.js';
import { provider as twilio } from './twilio/index.js';
import { provider as vercel } from './vercel/index.js';

/** Shared formats first, then providers by id. */
export const PROVIDER_MODULES: readonly ProviderModule[] = [
  formats,
  anthropic,
  aws,
  azure,
  cloudflare,
  datadog,
  digitalocean,
  doppler,
  flyio,
  gcp,
  github,
  gitlab,
  grafana,
  heroku,
  huggingface,
  linear,
  neon,
  netlify,
  npm,
  openai,
  planetscale,
  pypi,
  railway,
  render,
  sendgrid,
  sentry,
  shopify,
  slack,
  stripe,
  supabase,
  twilio,
  vercel,
];

function collect<T>(
  pick: (m: ProviderModule) => Readonly<Record<string, T>> | undefined,
  what: string,
): Readonly<Record<string, T>> {
  const out: Record<string, T> = {};
  for (const module of PROVIDER_MODULES) {
    for (const [name, value] of Object.entries(pick(module) ?? {})) {
      if (Object.hasOwn(out, name)) throw new Error(`${what} "${name}" is registered twice (provider ${module.id})`);
      out[name] = value;
    }
  }
  return out;
}

export const providerValidators = collect<ProviderValidator>((m) => m.validators, 'validator');
export const providerDecoders = collect<Decoder>((m) => m.decoders, 'decoder');
export const providerVerifiers = collect<Verifier>(
  (m) => (m.verifier ? { [m.verifier.id]: m.verifier } : undefined),
  'verifier',
);

/** API host patterns and the provider each names, in module order (the first match wins). */
export const PROVIDER_API_HOSTS: ReadonlyArray<readonly [RegExp, string]> = PROVIDER_MODULES.flatMap((m) =>
  (m.apiHosts ?? []).map((re) => [re, m.id] as const),
);

/** Completes a token stem with the checksum a named validator expects (detector examples and tests). */
export function completeWithChecksum(validator: string, stem: string): string {
  const complete = Object.hasOwn(providerValidators, validator) ? providerValidators[validator]!.complete : undefined;
  if (!complete) throw new Error(`no checksum generator named "${validator}"`);
  return complete(stem);
}
