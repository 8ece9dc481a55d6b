// Registry of online verifiers, referenced by name from a detector's `verifier` field. Each
// declares its read-only endpoints as data; docs/verify-endpoints.md is generated from this.

import type { Verifier } from '../types.js';
import { anthropic } from './anthropic.js';
import { cloudflare } from './cloudflare.js';
import { datadog } from './datadog.js';
import { digitalocean } from './digitalocean.js';
import { doppler } from './doppler.js';
import { github } from './github.js';
import { gitlab } from './gitlab.js';
import { heroku } from './heroku.js';
import { huggingface } from './huggingface.js';
import { linear } from './linear.js';
import { npm } from './npm.js';
import { openai } from './openai.js';
import { railway } from './railway.js';
import { sendgrid } from './sendgrid.js';
import { sentry } from './sentry.js';
import { shopify } from './shopify.js';
import { slack } from './slack.js';
import { stripe } from './stripe.js';
import { twilio } from './twilio.js';
import { vercel } from './vercel.js';

export const verifiers = {
  github,
  gitlab,
  slack,
  sendgrid,
  huggingface,
  npm,
  stripe,
  openai,
  anthropic,
  cloudflare,
  digitalocean,
  heroku,
  vercel,
  sentry,
  shopify,
  railway,
  doppler,
  linear,
  datadog,
  twilio,
} satisfies Record<string, Verifier>;

export type VerifierName = keyof typeof verifiers;

export function isVerifierName(name: string): name is VerifierName {
  return Object.hasOwn(verifiers, name);
}
