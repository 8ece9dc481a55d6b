// How the guard names a credential and the damage it can do, in the words a person confirming a
// call needs: "Railway account token `ee59…` from `src/deploy.ts` line 3 ($RAILWAY_API_TOKEN):
// can delete every project and volume of the account". Only the redacted preview ever appears.

import type { CredentialFact } from './types.js';

/** What a provider's broad credential holds, for "can delete every … of the account". */
const ASSETS: Record<string, string> = {
  railway: 'every project and volume',
  flyio: 'every app, machine and volume',
  heroku: 'every app and database',
  digitalocean: 'every droplet, database and volume',
  cloudflare: 'every zone, Worker and bucket',
  github: 'every repository',
  gitlab: 'every project and repository',
  vercel: 'every project and deployment',
  netlify: 'every site',
  supabase: 'every project and database',
  aws: 'every resource',
  gcp: 'every resource',
  azure: 'every resource',
  stripe: 'customers, subscriptions and payouts',
  render: 'every service and database',
  neon: 'every project and branch',
  planetscale: 'every database and branch',
  doppler: 'every project and secret',
  sentry: 'every project',
  datadog: 'every monitor, dashboard and log pipeline',
  npm: 'every package',
  slack: 'messages and channels',
  linear: 'every issue and project',
  shopify: 'the store’s products, orders and customers',
};

const OF_BREADTH: Record<CredentialFact['breadth'], string> = {
  account: 'of the account',
  org: 'of the organization or workspace',
  project: 'of one project',
  resource: 'of one resource',
  unknown: 'it reaches',
};

const VERB: Record<CredentialFact['privilege'], string> = {
  admin: 'can delete, and grant access to,',
  destructive: 'can delete',
  write: 'can change',
  read: 'can read',
  public: 'is public and can reach',
  unknown: 'can do what its creator granted on',
};

/** "Railway account token `ee59…` (36 characters) from `src/deploy.ts` line 3 ($RAILWAY_API_TOKEN)". */
export function describeCredential(fact: CredentialFact): string {
  const preview = fact.length > 0 ? ` \`${fact.redacted}\` (${fact.length} characters)` : '';
  const variable = fact.variable && !fact.where.includes(`$${fact.variable}`) ? ` ($${fact.variable})` : '';
  const from = fact.where.startsWith('the ') || fact.where.startsWith('`') ? `from ${fact.where}` : fact.where;
  return `${article(fact.name)} ${fact.name}${preview} ${from}${variable}`;
}

/** "can delete every project and volume of the account (privilege destructive, reach account)". */
export function describeDamage(fact: CredentialFact): string {
  const assets = ASSETS[fact.provider] ?? 'everything';
  const reach = fact.breadth === 'unknown' ? `${assets} it reaches` : `${assets} ${OF_BREADTH[fact.breadth]}`;
  return `${VERB[fact.privilege]} ${reach} (privilege ${fact.privilege}, reach ${fact.breadth})`;
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) && !/^(?:uni|use)/i.test(word) ? 'an' : 'a';
}
