import { ALNUM, HEX, B64, URLSAFE, UPPER, LOWER, DIGIT, Repo, makeTokens, mulberry32 } from './generate.mjs';

// A B2B SaaS monorepo (turborepo/pnpm) on AWS with some GCP: Next.js web, tRPC api, workers,
// a FastAPI/celery ML service, a Go webhook gateway, a Rust edge proxy, an Elixir realtime
// service, a Spring Boot billing adapter, a legacy Rails admin, Swift and Kotlin apps, Helm and
// Argo CD, Terraform and Terragrunt, CI, a notebook, logs and a HAR file.
export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 7919 + 211);
  const t = makeTokens(rand);
  const repo = new Repo();

  // ---- value shapes ------------------------------------------------------------------------
  const bytes = (n) => Buffer.from(Array.from({ length: n }, () => Math.floor(rand() * 256)));
  const b64 = (n) => t.mixed(B64, n);
  const b64e = (s) => Buffer.from(s).toString('base64');
  const b64url = (s) => Buffer.from(s).toString('base64url');
  const ulid = () => `01${t.pick('0123456789ABCDEFGHJKMNPQRSTVWXYZ', 24)}`;
  const pw = () => t.password();
  const upw = () => t.password().replace(/[^A-Za-z0-9]/g, '');
  const hs256 = (payload) =>
    `${b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64url(JSON.stringify(payload))}.${t.mixed(URLSAFE, 43)}`;
  const rs256 = (kid, payload) =>
    `${b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }))}.${b64url(JSON.stringify(payload))}.${t.mixed(URLSAFE, 342)}`;
  const pemOf = (label, headerHex, body, tailHex = '', tailBytes = 0) => {
    const der = Buffer.concat([
      Buffer.from(headerHex, 'hex'),
      bytes(body),
      Buffer.from(tailHex, 'hex'),
      bytes(tailBytes),
    ]);
    return [`-----BEGIN ${label}-----`, ...der.toString('base64').match(/.{1,64}/g), `-----END ${label}-----`];
  };
  const p8 = () =>
    pemOf(
      'PRIVATE KEY',
      '308187020100301306072a8648ce3d020106082a8648ce3d030107046d306b0201010420',
      32,
      'a14403420004',
      64,
    );
  const words = ['steep', 'field', 'cool', 'dawn', 'quiet', 'bird', 'shy', 'sun', 'late', 'wave'];
  const w = () => words[Math.floor(rand() * words.length)];

  const stripeLive = () => t.stripeLiveLong();
  const stripeRk = () => `rk_live_51${t.alnum(97)}`;
  const stripePk = () => `pk_live_51${t.alnum(97)}`;
  const stripeWh = () => `whsec_${t.alnum(32)}`;
  const svixWh = () => `whsec_${bytes(24).toString('base64')}`;
  const clerkSk = () => `sk_live_${t.alnum(42)}`;
  const clerkSkTest = () => `sk_test_${t.alnum(42)}`;
  const clerkPk = () => `pk_live_${b64e('clerk.acmeflow.io$').replace(/=+$/, '')}`;
  const clerkPkTest = () => `pk_test_${b64e('fond-gecko-12.clerk.accounts.dev$').replace(/=+$/, '')}`;
  const auth0Secret = () => t.mixed(URLSAFE, 64);
  const auth0ClientId = () => t.alnum(32);
  const workos = () => `sk_live_${b64e(`key_${ulid()},${t.alnum(27)}`).replace(/=+$/, '')}`;
  const workosClient = () => `client_${ulid()}`;
  const resend = () => `re_${t.alnum(8)}_${t.alnum(24)}`;
  const postmark = () => t.uuid();
  const pinecone = () => `pcsk_${t.alnum(6)}_${t.alnum(63)}`;
  const sbSecret = () => `sb_secret_${t.mixed(URLSAFE, 22)}_${t.alnum(8)}`;
  const sbRef = t.pick(LOWER, 20);
  const sbAnon = () => hs256({ iss: 'supabase', ref: sbRef, role: 'anon', iat: 1727712000, exp: 2043288000 });
  const sbService = () =>
    hs256({ iss: 'supabase', ref: sbRef, role: 'service_role', iat: 1727712000, exp: 2043288000 });
  const upstash = () => {
    for (;;) {
      const tok = Buffer.concat([
        Buffer.from([0x01]),
        bytes(2),
        Buffer.from([0x01, 0x24, 0x20]),
        Buffer.from(t.uuid() + t.hex(32)),
      ]).toString('base64');
      if (!/[+/]/.test(tok)) return tok;
    }
  };
  const upstashHost = `${w()}-${['lark', 'otter', 'mole', 'finch'][Math.floor(rand() * 4)]}-${t.digits(5)}.upstash.io`;
  const neonPw = () => `npg_${t.alnum(12)}`;
  const neonHost = (pooler = true) =>
    `ep-${w()}-${w()}-${t.lower(8)}${pooler ? '-pooler' : ''}.us-east-2.aws.neon.tech`;
  const neonApi = () => `napi_${t.lower(64)}`;
  const pscalePw = () => `pscale_pw_${t.alnum(43)}`;
  const pscaleTkn = () => `pscale_tkn_${t.alnum(43)}`;
  const pscaleUser = () => t.lower(20);
  const sentryUser = () => `sntryu_${t.hex(64)}`;
  const sentryOrg = () =>
    `sntrys_${b64e(JSON.stringify({ iat: Number(`17352${t.digits(5)}.${t.digits(6)}`), url: 'https://sentry.io', region_url: 'https://us.sentry.io', org: 'acmeflow' }))}_${t.alnum(43)}`;
  const sentryDsn = () => `https://${t.pick(HEX, 32)}@o${t.digits(7)}.ingest.us.sentry.io/${t.digits(16)}`;
  const phx = () => `phx_${t.alnum(43)}`;
  const phc = () => `phc_${t.alnum(43)}`;
  const linear = () => `lin_api_${t.alnum(40)}`;
  const slackApp = () => `xapp-1-A${t.mixed(UPPER + DIGIT, 10)}-${t.digits(13)}-${t.hex(64)}`;
  const doppler = (cfg) => `dp.st.${cfg}.${t.alnum(43)}`;
  const dopplerPt = () => `dp.pt.${t.alnum(43)}`;
  const ldSdk = () => `sdk-${t.uuid()}`;
  const ldApi = () => `api-${t.uuid()}`;
  const ldMob = () => `mob-${t.uuid()}`;
  const ldClientId = () => t.pick(HEX, 24);
  const intercom = () => b64e(`tok:${t.uuid().replace(/-/g, '_')}:1:0`);
  const hubspot = () => `pat-na1-${t.uuid()}`;
  const openaiLegacy = () => `sk-${t.alnum(20)}T3BlbkFJ${t.alnum(20)}`;
  const antAdmin = () => `sk-ant-admin01-${t.mixed(URLSAFE, 93)}AA`;
  const dockerPat = () => `dckr_pat_${t.mixed(URLSAFE, 27)}`;
  const appleAsp = () => Array.from({ length: 4 }, () => t.pick(LOWER, 4)).join('-');
  const ghAppId = '1034521';
  const ghInstall = '58812345';
  const ghClientId = `Iv23li${t.alnum(14)}`;
  const cfAccount = t.pick(HEX, 32);
  const sri = () => `sha512-${b64(86)}==`;
  const bcrypt = () => `$2a$10$${t.mixed(ALNUM + './', 53)}`;
  const neonUrl = (user, db, pooler = true) => {
    const p = neonPw();
    return { p, url: `postgresql://${user}:${p}@${neonHost(pooler)}/${db}?sslmode=require` };
  };
  const upUrl = () => {
    const tok = upstash();
    return { tok, url: `rediss://default:${tok}@${upstashHost}:6379` };
  };

  // ---- TypeScript workspace: root ----------------------------------------------------------
  {
    const f = repo.file('.env', 'env');
    f.l('# Local development defaults. Personal overrides go in .env.local (gitignored).');
    f.d('NODE_ENV=development', 'plain setting');
    f.d('DATABASE_URL="postgresql://postgres:postgres@localhost:5432/acme_dev"', 'local compose default');
    const direct = neonUrl('neondb_owner', 'neondb', false);
    f.s(`DIRECT_URL="${direct.url}"`, 'database', direct.p);
    f.d(`NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=${clerkPkTest()}`, 'clerk publishable key');
    const ck = clerkSkTest();
    f.s(`CLERK_SECRET_KEY=${ck}`, 'clerk', ck, 'warning');
    const st = t.stripeTest();
    f.s(`STRIPE_SECRET_KEY=${st}`, 'stripe', st, 'warning');
    f.d(`NEXT_PUBLIC_POSTHOG_KEY=${phc()}`, 'posthog project key');
    f.d('NEXT_PUBLIC_POSTHOG_HOST=https://us.i.posthog.com', 'url');
    f.d(`UPSTASH_REDIS_REST_URL=https://${upstashHost}`, 'url without credentials');
    f.d('RESEND_API_KEY=', 'empty');

    const ex = repo.file('.env.example', 'env');
    ex.l('# Copy to .env.local and fill in. Ask in #eng-platform for the dev Doppler config.');
    ex.d('DATABASE_URL="postgresql://user:password@host/db?sslmode=require"', 'placeholder url');
    ex.d('CLERK_SECRET_KEY=sk_live_...', 'placeholder');
    ex.d('CLERK_WEBHOOK_SECRET=whsec_...', 'placeholder');
    ex.d('STRIPE_SECRET_KEY=sk_test_xxxxxxxxxxxxxxxxxxxxxxxx', 'placeholder');
    ex.d('OPENAI_API_KEY=sk-proj-your-key-here', 'placeholder');
    ex.d('ANTHROPIC_API_KEY=<anthropic-api-key>', 'placeholder');
    ex.d('PINECONE_API_KEY=pcsk_...', 'placeholder');
    ex.d('RESEND_API_KEY=re_123456789', 'docs placeholder');
    ex.d('UPSTASH_REDIS_REST_TOKEN=', 'empty');
    ex.d('SENTRY_AUTH_TOKEN=sntrys_YOUR_TOKEN_HERE', 'placeholder');
    ex.d('LINEAR_API_KEY=lin_api_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'placeholder');
    ex.d('HUBSPOT_ACCESS_TOKEN=pat-na1-00000000-0000-0000-0000-000000000000', 'zeroed placeholder');
    ex.d('DOPPLER_TOKEN=dp.st.dev.xxxx', 'placeholder');

    const n = repo.file('.npmrc', 'credstore');
    n.d('auto-install-peers=true', 'setting');
    n.l('@acmeflow:registry=https://npm.pkg.github.com');
    const gh = t.github();
    n.s(`//npm.pkg.github.com/:_authToken=${gh}`, 'github', gh);
    n.d('//registry.npmjs.org/:_authToken=${NPM_TOKEN}', 'env reference');

    const tj = repo.file('turbo.json', 'config');
    tj.l('{', '  "$schema": "https://turbo.build/schema.json",');
    tj.d(
      '  "globalEnv": ["DATABASE_URL", "CLERK_SECRET_KEY", "STRIPE_SECRET_KEY", "OPENAI_API_KEY", "SENTRY_AUTH_TOKEN"],',
      'env var names',
    );
    tj.l('  "tasks": {', '    "build": { "dependsOn": ["^build"], "outputs": [".next/**", "!.next/cache/**"] },');
    tj.l('    "test": { "dependsOn": ["^build"], "env": ["CI"] }', '  },');
    tj.d('  "remoteCache": { "signature": true }', 'setting');
    tj.l('}');

    const lock = repo.file('pnpm-lock.yaml', 'lockfile');
    lock.l("lockfileVersion: '9.0'", '', 'packages:', '');
    for (const [p, v] of [
      ['@clerk/nextjs', '6.9.6'],
      ['@trpc/server', '11.0.0-rc.660'],
      ['drizzle-orm', '0.38.3'],
      ['stripe', '17.5.0'],
      ['@upstash/redis', '1.34.3'],
    ]) {
      lock.l(`  '${p}@${v}':`);
      lock.d(`    resolution: {integrity: ${sri()}}`, 'integrity hash');
      lock.l('');
    }

    const dop = repo.file('.doppler.yaml', 'config');
    dop.l('setup:');
    dop.d('  - project: acmeflow', 'doppler project name');
    dop.d('    config: dev', 'doppler config name');
    dop.l('    path: apps/web', '  - project: acmeflow-workers', '    config: dev', '    path: apps/workers');

    const pj = repo.file('package.json', 'config');
    pj.l('{', '  "name": "acmeflow",', '  "private": true,', '  "packageManager": "pnpm@9.15.2",', '  "scripts": {');
    pj.d('    "dev": "doppler run -- turbo dev",', 'doppler run');
    pj.d('    "db:studio": "pnpm --filter @acmeflow/db drizzle-kit studio",', 'script');
    const pjDb = neonUrl('neondb_owner', 'neondb');
    pj.s(
      `    "db:push:prod": "DATABASE_URL='${pjDb.url}' pnpm --filter @acmeflow/db drizzle-kit push",`,
      'database',
      pjDb.p,
    );
    pj.l('    "lint": "turbo lint"', '  }', '}');
  }

  // ---- apps/web (Next.js) ------------------------------------------------------------------
  {
    const f = repo.file('apps/web/.env.production.local', 'env');
    f.l('# Created by Vercel CLI');
    f.d('VERCEL="1"', 'plain');
    f.d('VERCEL_ENV="production"', 'plain');
    const oidc = rs256('mrk-' + t.hex(32), {
      iss: 'https://oidc.vercel.com/acmeflow',
      sub: 'owner:acmeflow:project:web:environment:production',
      scope: 'owner:acmeflow:project:web:environment:production',
      aud: 'https://vercel.com/acmeflow',
      owner: 'acmeflow',
      project: 'web',
      environment: 'production',
      nbf: 1740900000,
      iat: 1740900000,
      exp: 1835637600,
    });
    f.s(`VERCEL_OIDC_TOKEN="${oidc}"`, 'generic', oidc);
    const db = neonUrl('neondb_owner', 'neondb');
    f.s(`DATABASE_URL="${db.url}"`, 'database', db.p);
    const ck = clerkSk();
    f.s(`CLERK_SECRET_KEY="${ck}"`, 'clerk', ck);
    f.d(`NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY="${clerkPk()}"`, 'clerk publishable key');
    const cwh = svixWh();
    f.s(`CLERK_WEBHOOK_SECRET="${cwh}"`, 'clerk', cwh);
    const sk = stripeLive();
    f.s(`STRIPE_SECRET_KEY="${sk}"`, 'stripe', sk);
    f.d(`NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY="${stripePk()}"`, 'stripe publishable key');
    const swh = stripeWh();
    f.s(`STRIPE_WEBHOOK_SECRET="${swh}"`, 'stripe', swh);
    const oa = t.openai();
    f.s(`OPENAI_API_KEY="${oa}"`, 'openai', oa);
    f.d('PINECONE_INDEX="docs-prod"', 'index name');
    const so = sentryOrg();
    f.s(`SENTRY_AUTH_TOKEN="${so}"`, 'sentry', so);
    f.d(`NEXT_PUBLIC_SENTRY_DSN="${sentryDsn()}"`, 'sentry dsn (public)');
    f.d(`NEXT_PUBLIC_POSTHOG_KEY="${phc()}"`, 'posthog project key');
    f.d(`NEXT_PUBLIC_LD_CLIENT_SIDE_ID="${ldClientId()}"`, 'launchdarkly client-side id');
    f.d(`NEXT_PUBLIC_SUPABASE_URL="https://${sbRef}.supabase.co"`, 'url');
    f.d(`NEXT_PUBLIC_SUPABASE_ANON_KEY="${sbAnon()}"`, 'supabase anon key (public)');
    const sr = sbService();
    f.s(`SUPABASE_SERVICE_ROLE_KEY="${sr}"`, 'supabase', sr);
    const ghPem = t.rsaPem();
    f.s(`GITHUB_APP_PRIVATE_KEY="${ghPem.join('\\n')}\\n"`, 'private-key', ghPem.join('\n'));
    f.d(`GITHUB_APP_ID="${ghAppId}"`, 'app id');
    f.d(`GITHUB_APP_CLIENT_ID="${ghClientId}"`, 'oauth client id');
    const ghcs = t.hex(40);
    f.s(`GITHUB_APP_CLIENT_SECRET="${ghcs}"`, 'github', ghcs);
    f.d('TURBO_TEAM="acmeflow"', 'team slug');

    const nc = repo.file('apps/web/next.config.js', 'js');
    nc.l(
      "const { withSentryConfig } = require('@sentry/nextjs');",
      '',
      "/** @type {import('next').NextConfig} */",
      'const nextConfig = {',
      '  reactStrictMode: true,',
      "  images: { remotePatterns: [{ protocol: 'https', hostname: 'img.clerk.com' }] },",
      '  env: {',
    );
    nc.d("    NEXT_PUBLIC_APP_URL: 'https://app.acmeflow.io',", 'url');
    nc.d(`    NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: '${stripePk()}',`, 'stripe publishable key');
    const ncSk = stripeLive();
    nc.s(`    STRIPE_SECRET_KEY: process.env.STRIPE_SECRET_KEY || '${ncSk}',`, 'stripe', ncSk);
    const ncTok = t.alnum(48);
    nc.s(`    INTERNAL_API_TOKEN: '${ncTok}',`, 'generic', ncTok);
    nc.l('  },', '};', '', 'module.exports = withSentryConfig(nextConfig, {');
    nc.d("  org: 'acmeflow',", 'org slug');
    nc.l("  project: 'web',");
    const ncSentry = sentryOrg();
    nc.s(`  authToken: '${ncSentry}',`, 'sentry', ncSentry);
    nc.d('  silent: !process.env.CI,', 'setting');
    nc.l('  widenClientFileUpload: true,', '});');

    const vs = repo.file('apps/web/vitest.setup.ts', 'js');
    vs.l("import '@testing-library/jest-dom/vitest';", "import { vi } from 'vitest';", '');
    vs.d("process.env.CLERK_SECRET_KEY = 'sk_test_mock';", 'obvious mock');
    vs.d("process.env.STRIPE_SECRET_KEY = 'sk_test_4eC39HqLyjWDarjtT1zdp7dc';", 'stripe documentation key');
    vs.d("process.env.DATABASE_URL = 'postgresql://postgres:postgres@localhost:5432/acme_test';", 'local test db');
    const vsOa = t.openai();
    vs.s(`process.env.OPENAI_API_KEY = '${vsOa}'; // integration tests hit the real API`, 'openai', vsOa);
    vs.d("process.env.UPSTASH_REDIS_REST_TOKEN = 'test-token';", 'obvious fixture');
    vs.d("process.env.RESEND_API_KEY = 're_test_123';", 'obvious fixture');
    const vsPc = pinecone();
    vs.s(`process.env.PINECONE_API_KEY ??= '${vsPc}';`, 'pinecone', vsPc);
    vs.l('', "vi.mock('@clerk/nextjs/server', () => ({");
    vs.d("  auth: () => ({ userId: 'user_2abcDEF123', orgId: 'org_2xyz' }),", 'fixture ids');
    vs.l('}));');

    const env = repo.file('apps/web/src/env.mjs', 'js');
    env.l(
      "import { createEnv } from '@t3-oss/env-nextjs';",
      "import { z } from 'zod';",
      '',
      'export const env = createEnv({',
      '  server: {',
    );
    env.d('    DATABASE_URL: z.string().url(),', 'schema');
    env.d("    CLERK_SECRET_KEY: z.string().startsWith('sk_'),", 'schema');
    const envRs = resend();
    env.s(`    RESEND_API_KEY: z.string().default('${envRs}'),`, 'resend', envRs);
    const envLn = linear();
    env.s(`    LINEAR_API_KEY: z.string().min(1).default('${envLn}'),`, 'linear', envLn);
    env.d('    SENTRY_AUTH_TOKEN: z.string().optional(),', 'schema');
    env.l('  },', '  client: {');
    env.d(`    NEXT_PUBLIC_POSTHOG_KEY: z.string().default('${phc()}'),`, 'posthog project key');
    env.l('  },', '  runtimeEnv: {');
    env.d('    DATABASE_URL: process.env.DATABASE_URL,', 'process.env');
    env.d('    CLERK_SECRET_KEY: process.env.CLERK_SECRET_KEY,', 'process.env');
    env.d('    RESEND_API_KEY: process.env.RESEND_API_KEY,', 'process.env');
    env.l('  },', '});');

    const sb = repo.file('apps/web/src/lib/supabase/admin.ts', 'js');
    sb.l("import { createClient } from '@supabase/supabase-js';", '');
    sb.d(`const supabaseUrl = 'https://${sbRef}.supabase.co';`, 'url');
    sb.d(`export const supabase = createClient(supabaseUrl, '${sbAnon()}');`, 'anon key (public)');
    const sbs = sbSecret();
    sb.s(
      `export const supabaseAdmin = createClient(supabaseUrl, '${sbs}', { auth: { persistSession: false } });`,
      'supabase',
      sbs,
    );

    const ck2 = repo.file('apps/web/src/app/api/webhooks/clerk/route.ts', 'js');
    ck2.l(
      "import { Webhook } from 'svix';",
      "import { headers } from 'next/headers';",
      '',
      'export async function POST(req: Request) {',
    );
    const ckwh = svixWh();
    ck2.s(`  const wh = new Webhook(process.env.CLERK_WEBHOOK_SECRET ?? '${ckwh}');`, 'clerk', ckwh);
    ck2.d("  const svixId = (await headers()).get('svix-id');", 'header read');
    ck2.l('  const evt = wh.verify(await req.text(), { /* ... */ });', '  return Response.json({ ok: true });', '}');

    const sw = repo.file('apps/web/src/app/api/webhooks/stripe/route.ts', 'js');
    sw.l("import { stripe } from '@acmeflow/billing';", '');
    const swWh = stripeWh();
    sw.s(`const endpointSecret = '${swWh}';`, 'stripe', swWh);
    sw.l('export async function POST(req: Request) {', "  const sig = req.headers.get('stripe-signature')!;");
    sw.d(
      '  const event = stripe.webhooks.constructEvent(await req.text(), sig, process.env.STRIPE_WEBHOOK_SECRET!);',
      'env reference',
    );
    sw.l('  return Response.json({ received: event.id });', '}');

    const an2 = repo.file('apps/web/src/lib/analytics.ts', 'js');
    an2.l(
      "import posthog from 'posthog-js';",
      "import { AnalyticsBrowser } from '@segment/analytics-next';",
      "import * as LDClient from 'launchdarkly-js-client-sdk';",
      "import Intercom from '@intercom/messenger-js-sdk';",
      '',
    );
    an2.d(
      `posthog.init('${phc()}', { api_host: 'https://us.i.posthog.com', person_profiles: 'identified_only' });`,
      'posthog project key',
    );
    an2.d(`export const segment = AnalyticsBrowser.load({ writeKey: '${t.alnum(32)}' });`, 'segment browser write key');
    an2.d(
      `export const ld = LDClient.initialize('${ldClientId()}', { kind: 'user', anonymous: true });`,
      'launchdarkly client-side id',
    );
    an2.d(`Intercom({ app_id: '${t.lower(8)}' });`, 'intercom app id');

    const ih = repo.file('apps/web/src/server/intercom-hash.ts', 'js');
    ih.l("import { createHmac } from 'node:crypto';", '');
    const ihs = t.mixed(URLSAFE, 40);
    ih.s(`const INTERCOM_IDENTITY_SECRET = '${ihs}';`, 'intercom', ihs);
    ih.d(
      "export const userHash = (userId: string) => createHmac('sha256', INTERCOM_IDENTITY_SECRET).update(userId).digest('hex');",
      'usage',
    );

    const r2 = repo.file('apps/web/src/lib/r2.ts', 'js');
    r2.l("import { S3Client } from '@aws-sdk/client-s3';", '');
    r2.d(`const accountId = '${cfAccount}';`, 'cloudflare account id');
    r2.l(
      'export const r2 = new S3Client({',
      "  region: 'auto',",
      '  endpoint: `https://${accountId}.r2.cloudflarestorage.com`,',
      '  credentials: {',
    );
    const r2id = t.hex(32);
    const r2sec = t.hex(64);
    r2.s(`    accessKeyId: '${r2id}',`, 'cloudflare', r2id);
    r2.s(`    secretAccessKey: '${r2sec}',`, 'cloudflare', r2sec);
    r2.l('  },', '});');

    const sc = repo.file('apps/web/sentry.client.config.ts', 'js');
    sc.l("import * as Sentry from '@sentry/nextjs';", 'Sentry.init({');
    sc.d(`  dsn: '${sentryDsn()}',`, 'sentry dsn (public)');
    sc.l('  tracesSampleRate: 0.1,', '});');
    const scr = repo.file('apps/web/.sentryclirc', 'config');
    scr.l('[defaults]', 'url=https://sentry.io/', 'org=acmeflow', 'project=web', '', '[auth]');
    const scrTok = sentryUser();
    scr.s(`token=${scrTok}`, 'sentry', scrTok);

    const vp = repo.file('apps/web/.vercel/project.json', 'config');
    vp.d(
      `{"projectId":"prj_${t.alnum(28)}","orgId":"team_${t.alnum(24)}","settings":{"framework":"nextjs"}}`,
      'vercel ids',
    );

    const df = repo.file('apps/web/Dockerfile', 'docker');
    df.d(`FROM node:20-alpine@sha256:${t.sha256()} AS base`, 'image digest');
    df.d('ARG NPM_TOKEN', 'arg without value');
    const dfS = sentryOrg();
    df.s(`ARG SENTRY_AUTH_TOKEN=${dfS}`, 'sentry', dfS);
    df.d('RUN --mount=type=secret,id=npmrc,target=/root/.npmrc pnpm install --frozen-lockfile', 'build secret mount');
    const dfCk = clerkSk();
    df.s(`ENV NEXT_PUBLIC_POSTHOG_KEY=${phc()} CLERK_SECRET_KEY=${dfCk}`, 'clerk', dfCk);
    df.d('ENV NEXT_TELEMETRY_DISABLED=1', 'plain env');
    df.l('RUN pnpm turbo build --filter=web', 'CMD ["node", "apps/web/server.js"]');

    const fx = repo.file('apps/web/src/__fixtures__/stripe/checkout.session.completed.json', 'fixture');
    fx.l('{');
    fx.d(`  "id": "evt_1Q${t.alnum(22)}",`, 'stripe event id');
    fx.l('  "object": "event",', '  "data": {', '    "object": {');
    fx.d(`      "id": "cs_live_a1${t.alnum(56)}",`, 'checkout session id');
    fx.d(`      "customer": "cus_${t.alnum(14)}",`, 'customer id');
    fx.d(`      "payment_intent": "pi_3Q${t.alnum(22)}",`, 'payment intent id');
    fx.d(
      `      "client_secret": "pi_3Q${t.alnum(22)}_secret_${t.alnum(25)}",`,
      'payment intent client secret (browser-side by design)',
    );
    fx.l('      "mode": "subscription"', '    }', '  }', '}');

    const jt = repo.file('apps/web/src/lib/__tests__/session.test.ts', 'fixture');
    jt.l("import { decodeJwt } from 'jose';", "import { expect, it } from 'vitest';", '');
    jt.d(
      "const JWT_IO = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';",
      'jwt.io example token',
    );
    jt.d("const secret = new TextEncoder().encode('your-256-bit-secret');", 'jwt.io example secret');
    jt.l("it('decodes', () => expect(decodeJwt(JWT_IO).name).toBe('John Doe'));");
  }

  // ---- apps/api (tRPC) and apps/workers ----------------------------------------------------
  {
    const st = repo.file('apps/api/src/lib/stripe.ts', 'js');
    st.l("import Stripe from 'stripe';", '');
    const rk = stripeRk();
    st.s(`export const stripe = new Stripe('${rk}', { apiVersion: '2024-06-20', typescript: true });`, 'stripe', rk);
    st.d(`export const PRICE_PRO_MONTHLY = 'price_1Q${t.alnum(22)}';`, 'price id');
    st.d(`export const PRODUCT_TEAM = 'prod_${t.alnum(14)}';`, 'product id');

    const rd = repo.file('apps/api/src/lib/redis.ts', 'js');
    rd.l(
      "import { Redis } from '@upstash/redis';",
      "import { Ratelimit } from '@upstash/ratelimit';",
      '',
      'export const redis = new Redis({',
    );
    rd.d(`  url: 'https://${upstashHost}',`, 'url');
    const rdt = upstash();
    rd.s(`  token: '${rdt}',`, 'upstash', rdt);
    rd.l('});');
    rd.d(
      "export const ratelimit = new Ratelimit({ redis, limiter: Ratelimit.slidingWindow(10, '10 s'), prefix: '@upstash/ratelimit' });",
      'code',
    );

    const em = repo.file('apps/api/src/lib/email.ts', 'js');
    em.l("import { Resend } from 'resend';", "import { ServerClient } from 'postmark';", '');
    const emr = resend();
    em.s(`export const resend = new Resend('${emr}');`, 'resend', emr);
    const emp = postmark();
    em.s(`export const postmark = new ServerClient('${emp}');`, 'postmark', emp);
    em.d("export const FROM = 'Acme <notifications@mail.acmeflow.io>';", 'email address');
    em.d("const headers = { 'X-Postmark-Server-Token': process.env.POSTMARK_SERVER_TOKEN! };", 'env reference');

    const ai = repo.file('apps/api/src/lib/ai.ts', 'js');
    ai.l(
      "import OpenAI from 'openai';",
      "import Anthropic from '@anthropic-ai/sdk';",
      "import { Pinecone } from '@pinecone-database/pinecone';",
      '',
    );
    const aio = t.openai();
    ai.s(`export const openai = new OpenAI({ apiKey: '${aio}', organization: 'org-${t.alnum(24)}' });`, 'openai', aio);
    const aia = t.anthropic();
    ai.s(
      `export const anthropic = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY ?? '${aia}' });`,
      'anthropic',
      aia,
    );
    ai.d("export const docsIndex = (orgId: string) => pc.index('docs-prod').namespace(orgId);", 'code');

    const cx = repo.file('apps/api/src/trpc/context.ts', 'js');
    cx.l(
      "import { createClerkClient } from '@clerk/backend';",
      "import type { CreateFastifyContextOptions } from '@trpc/server/adapters/fastify';",
      '',
    );
    const cxk = clerkSk();
    cx.s(
      `export const clerk = createClerkClient({ secretKey: '${cxk}', publishableKey: '${clerkPk()}' });`,
      'clerk',
      cxk,
    );
    cx.l('export async function createContext({ req }: CreateFastifyContextOptions) {');
    cx.d("  const token = req.headers.authorization?.replace('Bearer ', '');", 'code');
    cx.l('  const { sub } = await clerk.verifyToken(token!);', '  return { userId: sub };', '}');

    const ig = repo.file('apps/api/src/routers/integrations.ts', 'js');
    ig.l(
      "import { LinearClient } from '@linear/sdk';",
      "import { Client as HubSpot } from '@hubspot/api-client';",
      "import { WebClient } from '@slack/web-api';",
      '',
    );
    const igl = linear();
    ig.s(`const linear = new LinearClient({ apiKey: '${igl}' });`, 'linear', igl);
    const igh = hubspot();
    ig.s(`const hubspot = new HubSpot({ accessToken: '${igh}' });`, 'hubspot', igh);
    const igs = t.slackBot();
    ig.s(`const slack = new WebClient('${igs}');`, 'slack', igs);
    ig.d(`const HUBSPOT_PORTAL_ID = ${t.digits(8)};`, 'portal id');
    ig.d(`const LINEAR_TEAM_ID = '${t.uuid()}';`, 'team uuid');

    const wc = repo.file('apps/workers/src/config.ts', 'js');
    wc.l('export const config = {');
    wc.d("  queueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/acmeflow-jobs',", 'queue url');
    const wci = intercom();
    wc.s(`  intercomToken: '${wci}',`, 'intercom', wci);
    const wch = hubspot();
    wc.s(`  hubspotAccessToken: process.env.HUBSPOT_ACCESS_TOKEN || '${wch}',`, 'hubspot', wch);
    wc.l('  slack: {');
    const wca = slackApp();
    wc.s(`    appToken: '${wca}',`, 'slack', wca);
    const wcs = t.hex(32);
    wc.s(`    signingSecret: '${wcs}',`, 'slack', wcs);
    wc.d(`    alertsChannel: 'C07${t.mixed(UPPER + DIGIT, 8)}',`, 'channel id');
    wc.l('  },');
    const wcd = doppler('prd_workers');
    wc.s(`  dopplerToken: '${wcd}',`, 'doppler', wcd);
    wc.l('};');

    const us = repo.file('apps/workers/src/jobs/usage-sync.ts', 'js');
    us.l("import { init } from '@launchdarkly/node-server-sdk';", '');
    const usl = ldSdk();
    us.s(`const ld = init('${usl}');`, 'launchdarkly', usl);
    us.l('export async function pushUsage(companyId: string, seats: number) {');
    us.d(
      "  await fetch('https://api.intercom.io/companies', { method: 'POST', headers: { Authorization: `Bearer ${process.env.INTERCOM_ACCESS_TOKEN}`, 'Intercom-Version': '2.11' }, body: JSON.stringify({ company_id: companyId, custom_attributes: { seats } }) });",
      'template literal env reference',
    );
    us.d('  const flags = await ld.allFlagsState({ kind: "organization", key: companyId });', 'code');
    us.l('}');

    const we = repo.file('apps/workers/.env.production', 'env');
    we.l('# doppler secrets download --config prd_workers --format env --no-file');
    const wes = t.slackBot();
    we.s(`SLACK_BOT_TOKEN="${wes}"`, 'slack', wes);
    const wei = intercom();
    we.s(`INTERCOM_ACCESS_TOKEN="${wei}"`, 'intercom', wei);
    we.d(`HUBSPOT_PORTAL_ID="${t.digits(8)}"`, 'portal id');
    we.d('AWS_REGION="us-east-1"', 'region');
    const weu = pscaleUser();
    const wep = pscalePw();
    we.s(
      `BILLING_DATABASE_URL="mysql://${weu}:${wep}@aws.connect.psdb.cloud/acme-billing?ssl={"rejectUnauthorized":true}"`,
      'planetscale',
      wep,
    );
  }

  // ---- packages ----------------------------------------------------------------------------
  {
    const dz = repo.file('packages/db/drizzle.config.ts', 'js');
    dz.l(
      "import { defineConfig } from 'drizzle-kit';",
      '',
      'export default defineConfig({',
      "  schema: './src/schema.ts',",
      "  out: './drizzle',",
      "  dialect: 'postgresql',",
      '  dbCredentials: {',
    );
    const dzu = neonUrl('neondb_owner', 'neondb');
    dz.s(`    url: process.env.DATABASE_URL ?? '${dzu.url}',`, 'database', dzu.p);
    dz.l('  },', '  verbose: true,', '});');

    const ps = repo.file('packages/db/prisma/schema.prisma', 'config');
    ps.l(
      'generator client {',
      '  provider = "prisma-client-js"',
      '}',
      '',
      'datasource db {',
      '  provider     = "mysql"',
    );
    ps.d('  url          = env("BILLING_DATABASE_URL")', 'env reference');
    ps.l('  relationMode = "prisma"', '}', '', 'model Invoice {', '  id        String @id @default(cuid())');
    ps.d('  apiKeyHash String @map("api_key_hash")', 'column name');
    ps.l('}');
    const pe = repo.file('packages/db/prisma/.env', 'env');
    const peu = pscaleUser();
    const pep = pscalePw();
    pe.s(
      `BILLING_DATABASE_URL='mysql://${peu}:${pep}@aws.connect.psdb.cloud/acme-billing?sslaccept=strict'`,
      'planetscale',
      pep,
    );

    const sd = repo.file('packages/db/src/seed.ts', 'js');
    sd.l("import { hash } from '@node-rs/argon2';", "import { db, users } from './index';", '');
    const sdp = pw();
    sd.s(`const adminPassword = '${sdp}';`, 'generic', sdp);
    sd.d(
      "await db.insert(users).values({ email: 'admin@acmeflow.io', passwordHash: await hash(adminPassword) });",
      'code',
    );

    const sq = repo.file('packages/db/drizzle/0004_roles.sql', 'sql');
    const sqp = upw();
    sq.s(`CREATE ROLE metabase_reader WITH LOGIN PASSWORD '${sqp}';`, 'generic', sqp);
    sq.d('GRANT SELECT ON ALL TABLES IN SCHEMA public TO metabase_reader;', 'sql');
    sq.d(
      `INSERT INTO api_keys (id, org_id, prefix, hashed_key) VALUES ('ak_${t.alnum(16)}', 'org_${t.alnum(24)}', 'acme_live_', '${t.sha256()}');`,
      'hashed key row',
    );

    const a0 = repo.file('packages/auth/src/auth0.ts', 'js');
    a0.l("import { initAuth0 } from '@auth0/nextjs-auth0';", '', 'export default initAuth0({');
    const a0s = t.hex(64);
    a0.s(`  secret: '${a0s}',`, 'generic', a0s);
    a0.d("  baseURL: 'https://app.acmeflow.io',", 'url');
    a0.d("  issuerBaseURL: 'https://acmeflow.us.auth0.com',", 'url');
    a0.d(`  clientID: '${auth0ClientId()}',`, 'oauth client id');
    const a0c = auth0Secret();
    a0.s(`  clientSecret: '${a0c}',`, 'auth0', a0c);
    a0.l('});');

    const wo = repo.file('packages/auth/src/workos.ts', 'js');
    wo.l("import { WorkOS } from '@workos-inc/node';", '');
    const wok = workos();
    wo.s(`export const workos = new WorkOS('${wok}');`, 'workos', wok);
    wo.d(`export const WORKOS_CLIENT_ID = '${workosClient()}';`, 'client id');
    const woc = b64(43) + '=';
    wo.s(`export const cookiePassword = '${woc}';`, 'generic', woc);

    const mg = repo.file('packages/auth/src/management.ts', 'js');
    mg.l("import { ManagementClient } from 'auth0';", '');
    const mgt = rs256(t.alnum(22), {
      iss: 'https://acmeflow.us.auth0.com/',
      sub: `${auth0ClientId()}@clients`,
      aud: 'https://acmeflow.us.auth0.com/api/v2/',
      iat: 1741900000,
      exp: 1836680800,
      scope: 'read:users update:users',
      gty: 'client-credentials',
    });
    mg.s(`const MGMT_TOKEN = '${mgt}';`, 'generic', mgt);
    mg.d(
      "export const mgmt = new ManagementClient({ domain: 'acmeflow.us.auth0.com', token: MGMT_TOKEN });",
      'variable',
    );

    const ga = repo.file('packages/github/src/app.ts', 'js');
    ga.l("import { App } from 'octokit';", '', 'export const app = new App({');
    ga.d(`  appId: ${ghAppId},`, 'app id');
    const gap = t.rsaPem();
    ga.s(`  privateKey: '${gap.join('\\n')}\\n',`, 'private-key', gap.join('\n'));
    ga.l('  oauth: {');
    ga.d(`    clientId: '${ghClientId}',`, 'oauth client id');
    const gac = t.hex(40);
    ga.s(`    clientSecret: '${gac}',`, 'github', gac);
    ga.l('  },');
    const gaw = t.hex(40);
    ga.s(`  webhooks: { secret: '${gaw}' },`, 'generic', gaw);
    ga.l('});');

    const gpem = repo.file('ops/github-app/acmeflow-deploybot.2025-01-10.private-key.pem', 'keys');
    const gp = t.rsaPem();
    gpem.s(gp, 'private-key', gp.join('\n'));
  }

  // ---- services/ml (FastAPI, pydantic settings, celery) --------------------------------------
  {
    const c = repo.file('services/ml/app/config.py', 'python');
    c.l(
      'from functools import lru_cache',
      '',
      'from pydantic import Field, PostgresDsn, RedisDsn, SecretStr',
      'from pydantic_settings import BaseSettings, SettingsConfigDict',
      '',
      '',
      'class Settings(BaseSettings):',
    );
    c.d('    model_config = SettingsConfigDict(env_file=".env", env_prefix="ML_", extra="ignore")', 'settings config');
    c.l('', '    environment: str = "production"');
    const co = t.openai();
    c.s(`    openai_api_key: SecretStr = SecretStr("${co}")`, 'openai', co);
    const ca = t.anthropic();
    c.s(`    anthropic_api_key: SecretStr = Field(default="${ca}", alias="ANTHROPIC_API_KEY")`, 'anthropic', ca);
    c.d('    pinecone_index: str = "embeddings-v3"', 'index name');
    const cdb = neonPw();
    c.s(
      `    database_url: PostgresDsn = "postgresql+asyncpg://ml_service:${cdb}@${neonHost()}/ml?ssl=require"`,
      'database',
      cdb,
    );
    const cr = upUrl();
    c.s(`    redis_url: RedisDsn = "${cr.url}"`, 'upstash', cr.tok);
    c.d(`    posthog_project_key: str = "${phc()}"`, 'posthog project key');
    c.d('    sentry_dsn: str | None = None', 'none');
    const cg = t.gcpApiKey();
    c.s(`    google_api_key: str = "${cg}"  # Gemini embeddings fallback`, 'gcp', cg);
    c.d('    hf_home: str = "/models/.cache"', 'path');
    c.l('', '', '@lru_cache', 'def get_settings() -> Settings:', '    return Settings()');

    const ce = repo.file('services/ml/app/celery_app.py', 'python');
    ce.l('import os', '', 'from celery import Celery', '');
    ce.d('BROKER_URL = os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0")', 'local default');
    const cer = upUrl();
    ce.s(`app = Celery("ml", broker="${cer.url}?ssl_cert_reqs=required")`, 'upstash', cer.tok);
    ce.l('app.conf.update(');
    const cep = upw();
    ce.s(
      `    result_backend="db+postgresql://celery:${cep}@pg-celery.internal.acmeflow.io:5432/celery",`,
      'database',
      cep,
    );
    ce.d('    task_serializer="json",', 'setting');
    ce.l('    broker_transport_options={"visibility_timeout": 3600},', ')');
    ce.d(
      'app.conf.beat_schedule = {"refresh-embeddings": {"task": "ml.tasks.refresh", "schedule": 900.0}}',
      'schedule',
    );

    const mn = repo.file('services/ml/app/main.py', 'python');
    mn.l(
      'import secrets',
      '',
      'from fastapi import Depends, FastAPI, HTTPException, Security',
      'from fastapi.security import APIKeyHeader',
      '',
      'from .config import get_settings',
      '',
    );
    mn.d('api_key_header = APIKeyHeader(name="X-Internal-Key", auto_error=False)', 'header name');
    mn.l('', '', 'def verify(key: str | None = Security(api_key_header)) -> None:');
    const mnk = t.mixed(URLSAFE, 43);
    mn.s(`    if not key or not secrets.compare_digest(key, "${mnk}"):`, 'generic', mnk);
    mn.l('        raise HTTPException(status_code=401)', '', '');
    mn.d(
      'app = FastAPI(title="acme-ml", docs_url=None if get_settings().environment == "production" else "/docs")',
      'code',
    );

    const pa = repo.file('services/ml/app/clients/analytics.py', 'python');
    pa.l('import posthog', '');
    pa.d(`posthog.project_api_key = "${phc()}"`, 'posthog project key');
    const pax = phx();
    pa.s(`posthog.personal_api_key = "${pax}"`, 'posthog', pax);
    pa.d('posthog.host = "https://us.i.posthog.com"', 'url');

    const me = repo.file('services/ml/.env', 'env');
    const meo = t.openai();
    me.s(`ML_OPENAI_API_KEY=${meo}`, 'openai', meo);
    const mea = antAdmin();
    me.s(`ANTHROPIC_ADMIN_KEY=${mea}`, 'anthropic', mea);
    me.d('ML_PINECONE_INDEX=embeddings-v3', 'index name');
    me.d(`ML_SENTRY_DSN=${sentryDsn()}`, 'sentry dsn (public)');

    const cf = repo.file('services/ml/tests/conftest.py', 'fixture');
    cf.l('import pytest', '', '', '@pytest.fixture(autouse=True)', 'def _env(monkeypatch):');
    cf.d('    monkeypatch.setenv("ML_OPENAI_API_KEY", "sk-not-a-real-key")', 'obvious fixture');
    cf.d('    monkeypatch.setenv("ANTHROPIC_API_KEY", "sk-ant-xxxxxxxx")', 'placeholder');
    cf.d(
      '    monkeypatch.setenv("ML_DATABASE_URL", "postgresql+asyncpg://postgres:postgres@localhost:5432/ml_test")',
      'local test db',
    );
    cf.d('    monkeypatch.setenv("ML_PINECONE_API_KEY", "pcsk_local_0000")', 'obvious fixture');

    const dk = repo.file('services/ml/Dockerfile', 'docker');
    dk.d(`FROM python:3.12-slim@sha256:${t.sha256()}`, 'image digest');
    const dkp = pw();
    dk.s(`ARG POETRY_HTTP_BASIC_ACMEFLOW_PASSWORD=${dkp}`, 'generic', dkp);
    dk.d(
      'RUN --mount=type=secret,id=pip_conf,target=/etc/pip.conf pip install -r requirements.txt',
      'build secret mount',
    );
    dk.l('COPY app ./app', 'CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"]');
  }

  // ---- services/webhook-gateway (Go) ---------------------------------------------------------
  {
    const c = repo.file('services/webhook-gateway/internal/config/config.go', 'go');
    c.l('package config', '', 'import "github.com/go-sql-driver/mysql"', '', 'type Config struct {');
    c.d('\tPort            string `envconfig:"PORT" default:"8080"`', 'struct tag default');
    const cs = stripeWh();
    c.s(`\tStripeSecret    string \`envconfig:"STRIPE_WEBHOOK_SECRET" default:"${cs}"\``, 'stripe', cs);
    const cc = svixWh();
    c.s(`\tClerkSigningKey string \`envconfig:"CLERK_WEBHOOK_SECRET" default:"${cc}"\``, 'clerk', cc);
    c.d(`\tLinearWebhookID string \`envconfig:"LINEAR_WEBHOOK_ID" default:"${t.uuid()}"\``, 'uuid id');
    const cl = `lin_wh_${t.alnum(40)}`;
    c.s(`\tLinearSecret    string \`envconfig:"LINEAR_WEBHOOK_SECRET" default:"${cl}"\``, 'linear', cl);
    c.d('\tRedisURL        string `envconfig:"REDIS_URL" required:"true"`', 'no default');
    c.l('}', '', 'var Default = Config{', '\tPort:     "8080",');
    const cr = upUrl();
    c.s(`\tRedisURL: "${cr.url}",`, 'upstash', cr.tok);
    c.l('}', '');
    const cpu = pscaleUser();
    const cpp = pscalePw();
    c.s(
      `var DB = &mysql.Config{User: "${cpu}", Passwd: "${cpp}", Net: "tcp", Addr: "aws.connect.psdb.cloud:3306", DBName: "events", TLSConfig: "true"}`,
      'planetscale',
      cpp,
    );

    const m = repo.file('services/webhook-gateway/cmd/gateway/main.go', 'go');
    m.l(
      'package main',
      '',
      'import (',
      '\t"log"',
      '\t"net/http"',
      '\t"os"',
      '',
      '\t"github.com/stripe/stripe-go/v81"',
      '\t"github.com/stripe/stripe-go/v81/webhook"',
      '\tsvix "github.com/svix/svix-webhooks/go"',
      ')',
      '',
      'func main() {',
    );
    const mk = stripeLive();
    m.s(`\tstripe.Key = "${mk}"`, 'stripe', mk);
    m.d('\tif k := os.Getenv("STRIPE_SECRET_KEY"); k != "" {', 'env read');
    m.l('\t\tstripe.Key = k', '\t}');
    const mw = stripeWh();
    m.l('\thttp.HandleFunc("/stripe", func(w http.ResponseWriter, r *http.Request) {');
    m.s(
      `\t\tevent, err := webhook.ConstructEvent(readBody(r), r.Header.Get("Stripe-Signature"), "${mw}")`,
      'stripe',
      mw,
    );
    m.l('\t\thandle(event, err)', '\t})');
    const msu = sentryUser();
    m.s(`\treleaseReq.Header.Set("Authorization", "Bearer ${msu}")`, 'sentry', msu);
    m.d('\tlog.Printf("listening on %s", os.Getenv("PORT"))', 'log');
    m.l('\tlog.Fatal(http.ListenAndServe(":8080", nil))', '}');

    const sl = repo.file('services/webhook-gateway/internal/notify/slack.go', 'go');
    sl.l('package notify', '');
    const slw = t.slackWebhook();
    sl.s(`const alertWebhook = "${slw}"`, 'slack', slw);
    const sls = t.hex(32);
    sl.s(`var signingSecret = []byte("${sls}")`, 'slack', sls);
    sl.d(`const channelID = "C07${t.mixed(UPPER + DIGIT, 8)}"`, 'channel id');

    const vy = repo.file('services/webhook-gateway/config.yaml', 'go');
    vy.l('server:', '  addr: ":8080"', 'stripe:');
    const vys = stripeWh();
    vy.s(`  webhook_secret: ${vys}`, 'stripe', vys);
    vy.d('  tolerance: 300s', 'setting');
    vy.l('resend:');
    const vyr = resend();
    vy.s(`  api_key: "${vyr}"`, 'resend', vyr);

    const gs = repo.file('services/webhook-gateway/go.sum', 'lockfile');
    for (const mod of [
      'github.com/stripe/stripe-go/v81 v81.2.0',
      'github.com/svix/svix-webhooks v1.44.0',
      'github.com/kelseyhightower/envconfig v1.4.0',
    ]) {
      gs.d(`${mod} h1:${b64(43)}=`, 'go.sum hash');
      gs.d(`${mod}/go.mod h1:${b64(43)}=`, 'go.sum hash');
    }
  }

  // ---- services/edge-proxy (Rust) ------------------------------------------------------------
  {
    const c = repo.file('services/edge-proxy/config.toml', 'rust');
    c.l('[server]', 'listen = "0.0.0.0:8443"', '', '[upstream]');
    c.d('url = "https://api.internal.acmeflow.io"', 'url');
    const cu = t.alnum(48);
    c.s(`auth_token = "${cu}"`, 'generic', cu);
    c.l('', '[cloudflare]');
    c.d(`zone_id = "${t.pick(HEX, 32)}"`, 'zone id');
    c.d(`account_id = "${cfAccount}"`, 'account id');
    const cc = t.cloudflare();
    c.s(`api_token = "${cc}"`, 'cloudflare', cc);
    c.l('', '[redis]');
    const cr = upUrl();
    c.s(`url = "${cr.url}"`, 'upstash', cr.tok);
    c.l('', '[sentry]');
    c.d(`dsn = "${sentryDsn()}"`, 'sentry dsn (public)');
    c.l('', '[tls]');
    c.d('cert_path = "/etc/edge/tls.crt"', 'path');
    c.d('key_path = "/etc/edge/tls.key"', 'path');

    const a = repo.file('services/edge-proxy/src/cli.rs', 'rust');
    a.l(
      'use clap::Parser;',
      '',
      '#[derive(Parser, Debug)]',
      '#[command(name = "edge-proxy", version)]',
      'pub struct Args {',
    );
    a.d('    #[arg(long, env = "EDGE_LISTEN", default_value = "0.0.0.0:8443")]', 'clap default (address)');
    a.l('    pub listen: String,');
    const aa = t.mixed(URLSAFE, 40);
    a.s(`    #[arg(long, env = "EDGE_ADMIN_TOKEN", default_value = "${aa}")]`, 'generic', aa);
    a.l('    pub admin_token: String,');
    const ac = t.cloudflareNew();
    a.s(
      `    #[arg(long, env = "CLOUDFLARE_API_TOKEN", default_value = "${ac}", hide_env_values = true)]`,
      'cloudflare',
      ac,
    );
    a.l('    pub cf_token: String,');
    a.d('    #[arg(long, env = "EDGE_UPSTREAM_TOKEN")]', 'clap arg without default');
    a.l('    pub upstream_token: Option<String>,', '}');

    const h = repo.file('services/edge-proxy/src/auth.rs', 'rust');
    h.l('use hmac::{Hmac, Mac};', 'use sha2::Sha256;', '');
    const hk = t.hex(64);
    h.s(`const HMAC_KEY: &[u8] = b"${hk}";`, 'generic', hk);
    const hg = t.hex(37);
    h.s(`static CLOUDFLARE_GLOBAL_KEY: &str = "${hg}";`, 'cloudflare', hg);
    h.d('let sig = hex::encode(mac.finalize().into_bytes());', 'code');
    h.d(`const SCHEMA_SHA256: &str = "${t.sha256()}";`, 'sha256');

    const wr = repo.file('services/edge-proxy/wrangler.toml', 'rust');
    wr.l('name = "edge-cache"', 'main = "src/worker.ts"', 'compatibility_date = "2025-01-15"');
    wr.d(`account_id = "${cfAccount}"`, 'account id');
    wr.l('', '[vars]');
    wr.d(`POSTHOG_KEY = "${phc()}"`, 'posthog project key');
    const wru = upstash();
    wr.s(`UPSTASH_REDIS_REST_TOKEN = "${wru}"`, 'upstash', wru);
    wr.l('', '[[kv_namespaces]]');
    wr.d('binding = "CACHE"', 'binding');
    wr.d(`id = "${t.pick(HEX, 32)}"`, 'kv namespace id');

    const dv = repo.file('services/edge-proxy/.dev.vars', 'env');
    const dvl = linear();
    dv.s(`LINEAR_API_KEY=${dvl}`, 'linear', dvl);

    const cl = repo.file('services/edge-proxy/Cargo.lock', 'lockfile');
    cl.l('# This file is automatically @generated by Cargo.', 'version = 4');
    for (const p of ['clap', 'hmac', 'hyper', 'tokio']) {
      cl.l(
        '',
        '[[package]]',
        `name = "${p}"`,
        'version = "1.0.0"',
        'source = "registry+https://github.com/rust-lang/crates.io-index"',
      );
      cl.d(`checksum = "${t.sha256()}"`, 'cargo checksum');
    }
  }

  // ---- services/realtime (Elixir/Phoenix) ----------------------------------------------------
  {
    const r = repo.file('services/realtime/config/runtime.exs', 'elixir');
    r.l('import Config', '', 'if config_env() == :prod do', '  database_url =');
    r.d('    System.get_env("DATABASE_URL") ||', 'env read');
    r.l('      raise """', '      environment variable DATABASE_URL is missing.', '      """', '');
    const rk = t.mixed(ALNUM + '+/', 64);
    r.s(`  secret_key_base = System.get_env("SECRET_KEY_BASE") || "${rk}"`, 'generic', rk);
    r.l('', '  config :realtime, Realtime.Repo,');
    r.d('    url: database_url,', 'variable');
    r.l(
      '    pool_size: String.to_integer(System.get_env("POOL_SIZE") || "10"),',
      '    ssl: true',
      '',
      '  config :realtime, RealtimeWeb.Endpoint,',
    );
    r.d('    secret_key_base: secret_key_base', 'variable');
    r.l('', '  config :realtime, Realtime.Supabase,');
    const rs = sbService();
    r.s(`    service_role_key: System.get_env("SUPABASE_SERVICE_ROLE_KEY", "${rs}")`, 'supabase', rs);
    r.l('');
    const rj = t.hex(64);
    r.s(`  config :joken, default_signer: "${rj}"`, 'generic', rj);
    r.l('', '  config :realtime, :redis,', `    host: "${upstashHost}",`);
    const rr = upstash();
    r.s(`    password: System.get_env("REDIS_PASSWORD") || "${rr}"`, 'upstash', rr);
    r.l('', '  config :realtime, Realtime.Mailer,', '    adapter: Swoosh.Adapters.Postmark,');
    const rp = postmark();
    r.s(`    api_key: "${rp}"`, 'postmark', rp);
    r.l('', '  config :sentry,');
    r.d('    dsn: System.get_env("SENTRY_DSN"),', 'env read');
    r.l('    environment_name: :prod', 'end');

    const d = repo.file('services/realtime/config/dev.exs', 'elixir');
    d.l('import Config', '', 'config :realtime, Realtime.Repo,');
    d.d('  username: "postgres",', 'local default');
    d.d('  password: "postgres",', 'local default');
    d.l('  hostname: "localhost",', '  database: "realtime_dev"');
  }

  // ---- services/billing-adapter (Spring Boot) ------------------------------------------------
  {
    const y = repo.file('services/billing-adapter/src/main/resources/application.yml', 'java');
    y.l('spring:', '  datasource:');
    y.d(`    url: jdbc:postgresql://${neonHost(false)}/billing?sslmode=require`, 'jdbc url without password');
    y.d('    username: billing_svc', 'username');
    const yp = neonPw();
    y.s(`    password: ${yp}`, 'database', yp);
    y.l('  security:', '    oauth2:', '      client:', '        registration:', '          auth0:');
    y.d(`            client-id: ${auth0ClientId()}`, 'oauth client id');
    const ya = auth0Secret();
    y.s(`            client-secret: ${ya}`, 'auth0', ya);
    y.d('            scope: openid,profile,email', 'scopes');
    y.l('stripe:');
    const ys = stripeLive();
    y.s(`  api-key: \${STRIPE_API_KEY:${ys}}`, 'stripe', ys);
    y.d('  webhook-secret: ${STRIPE_WEBHOOK_SECRET}', 'property placeholder');
    y.d(`  publishable-key: ${stripePk()}`, 'stripe publishable key');
    y.l('hubspot:');
    const yh = hubspot();
    y.s(`  access-token: \${HUBSPOT_TOKEN:${yh}}`, 'hubspot', yh);

    const p = repo.file('services/billing-adapter/src/main/resources/application-prod.properties', 'java');
    p.d('spring.profiles.active=prod', 'setting');
    p.d('spring.mail.host=smtp.postmarkapp.com', 'host');
    p.d('spring.mail.username=${POSTMARK_SERVER_TOKEN}', 'property placeholder');
    const pmt = postmark();
    p.s(`spring.mail.password=${pmt}`, 'postmark', pmt);

    const j = repo.file('services/billing-adapter/src/main/java/io/acmeflow/billing/StripeConfig.java', 'java');
    j.l(
      'package io.acmeflow.billing;',
      '',
      'import com.stripe.Stripe;',
      'import jakarta.annotation.PostConstruct;',
      '',
      '@Configuration',
      'public class StripeConfig {',
    );
    j.d('    @Value("${stripe.api-key}")', 'property reference');
    j.d('    private String apiKey;', 'field');
    j.l('', '    @PostConstruct', '    void init() {');
    const jr = stripeRk();
    j.s(`        Stripe.apiKey = apiKey != null ? apiKey : "${jr}";`, 'stripe', jr);
    j.l('    }', '');
    j.d('    static final String STRIPE_SIGNATURE_HEADER = "Stripe-Signature";', 'header name');
    j.l('}');

    const hc = repo.file('services/billing-adapter/src/main/java/io/acmeflow/billing/crm/CrmClients.java', 'java');
    hc.l('package io.acmeflow.billing.crm;', '', 'final class CrmClients {');
    const hct = hubspot();
    hc.s(`    private static final String HUBSPOT_TOKEN = "${hct}";`, 'hubspot', hct);
    hc.d('    static final String TOKEN_PROPERTY = "crm.hubspot.token";', 'property name');
    hc.l('}');

    const ty = repo.file('services/billing-adapter/src/test/resources/application-test.yml', 'fixture');
    ty.l('stripe:');
    ty.d('  api-key: sk_test_4eC39HqLyjWDarjtT1zdp7dc', 'stripe documentation key');
    ty.d('  webhook-secret: whsec_test_secret', 'obvious fixture');
    ty.l('spring:', '  datasource:', '    url: jdbc:tc:postgresql:16:///billing');
    ty.d('    password: test', 'test container default');
  }

  // ---- services/admin (legacy Rails) ---------------------------------------------------------
  {
    const mk = repo.file('services/admin/config/master.key', 'ruby');
    const mkv = t.pick(HEX, 32);
    mk.s(mkv, 'generic', mkv);
    const ce = repo.file('services/admin/config/credentials.yml.enc', 'ruby');
    ce.d(`${b64(412)}==--${b64(16)}--${b64(22)}==`, 'rails encrypted credentials');

    const db = repo.file('services/admin/config/database.yml', 'ruby');
    db.l('default: &default', '  adapter: postgresql', '  encoding: unicode');
    db.d('  pool: <%= ENV.fetch("RAILS_MAX_THREADS") { 5 } %>', 'erb');
    db.l('', 'development:', '  <<: *default', '  database: admin_development', '', 'production:', '  <<: *default');
    db.d('  url: <%= ENV["DATABASE_URL"] %>', 'erb env');
    const dbp = neonPw();
    db.s(`  password: <%= ENV.fetch("ADMIN_DB_PASSWORD", "${dbp}") %>`, 'database', dbp);

    const si = repo.file('services/admin/config/initializers/stripe.rb', 'ruby');
    si.d('Stripe.api_key = Rails.application.credentials.dig(:stripe, :secret_key)', 'credentials lookup');
    const sik = stripeLive();
    si.s(`Stripe.api_key ||= ENV.fetch("STRIPE_SECRET_KEY", "${sik}")`, 'stripe', sik);
    si.d('Stripe.api_version = "2024-06-20"', 'version');

    const dv = repo.file('services/admin/config/initializers/devise.rb', 'ruby');
    dv.l('Devise.setup do |config|');
    dv.d('  config.mailer_sender = "admin@acmeflow.io"', 'email');
    const dvs = t.hex(128);
    dv.s(`  config.secret_key = "${dvs}"`, 'generic', dvs);
    dv.d('  config.stretches = Rails.env.test? ? 1 : 12', 'setting');
    dv.l('end');

    const ic = repo.file('services/admin/config/initializers/intercom.rb', 'ruby');
    ic.l('IntercomRails.config do |config|');
    ic.d(`  config.app_id = ENV["INTERCOM_APP_ID"] || "${t.lower(8)}"`, 'intercom app id');
    const ics = t.mixed(URLSAFE, 40);
    ic.s(`  config.api_secret = "${ics}"`, 'intercom', ics);
    ic.d('  config.user.current = Proc.new { current_user }', 'code');
    ic.l('end');

    const sy = repo.file('services/admin/config/storage.yml', 'ruby');
    sy.l('amazon:', '  service: S3');
    const syk = t.awsId();
    sy.s(`  access_key_id: ${syk}`, 'aws', syk);
    const sys = t.awsSecret();
    sy.s(`  secret_access_key: <%= ENV.fetch("AWS_SECRET_ACCESS_KEY", "${sys}") %>`, 'aws', sys);
    sy.d('  region: us-east-1', 'region');
    sy.d('  bucket: acmeflow-admin-uploads', 'bucket');
    sy.l('', 'google:', '  service: GCS');
    sy.d('  credentials: <%= Rails.root.join("config/gcs-admin.json") %>', 'file reference');
    sy.d('  project: acme-analytics-prod', 'project id');

    const pr = repo.file('services/admin/config/environments/production.rb', 'ruby');
    pr.l('Rails.application.configure do', '  config.action_mailer.delivery_method = :smtp');
    const prr = resend();
    pr.s(
      `  config.action_mailer.smtp_settings = { address: "smtp.resend.com", port: 465, user_name: "resend", password: "${prr}", tls: true }`,
      'resend',
      prr,
    );
    pr.d('  config.force_ssl = true', 'setting');
    pr.l('end');
  }

  // ---- apps/ios (Swift) ----------------------------------------------------------------------
  {
    const s = repo.file('apps/ios/AcmeFlow/Config/Secrets.swift', 'mobile');
    s.l('import Foundation', '', 'enum Secrets {');
    s.d(`    static let stripePublishableKey = "${stripePk()}"`, 'stripe publishable key');
    s.d(`    static let posthogAPIKey = "${phc()}"`, 'posthog project key');
    s.d(`    static let launchDarklyMobileKey = "${ldMob()}"`, 'launchdarkly mobile key (ships in app)');
    const so = t.openai();
    s.s(`    static let openAIKey = "${so}"`, 'openai', so);
    const si = intercom();
    s.s(`    static let intercomAccessToken = "${si}"`, 'intercom', si);
    s.d(`    static let intercomIOSKey = "ios_sdk-${t.hex(40)}"`, 'intercom ios sdk key (ships in app)');
    s.d(`    static let sentryDSN = "${sentryDsn()}"`, 'sentry dsn (public)');
    s.l('}');

    const ac = repo.file('apps/ios/AcmeFlow/Networking/APIClient.swift', 'mobile');
    ac.l(
      'import Foundation',
      '',
      'final class APIClient {',
      '    func authorize(_ request: inout URLRequest, session: Session) {',
    );
    ac.d('        request.setValue("Bearer \\(session.token)", forHTTPHeaderField: "Authorization")', 'interpolation');
    const ack = `acme_live_${t.alnum(32)}`;
    ac.s(`        request.setValue("${ack}", forHTTPHeaderField: "X-Api-Key")`, 'generic', ack);
    ac.l('    }', '}');

    const gp = repo.file('apps/ios/AcmeFlow/GoogleService-Info.plist', 'mobile');
    gp.l('<?xml version="1.0" encoding="UTF-8"?>', '<plist version="1.0">', '<dict>', '\t<key>API_KEY</key>');
    gp.d(`\t<string>${t.gcpApiKey()}</string>`, 'firebase ios api key (public identifier)');
    gp.l('\t<key>GCM_SENDER_ID</key>');
    gp.d(`\t<string>${t.digits(12)}</string>`, 'sender id');
    gp.l('\t<key>GOOGLE_APP_ID</key>');
    gp.d(`\t<string>1:${t.digits(12)}:ios:${t.pick(HEX, 22)}</string>`, 'app id');
    gp.l('\t<key>PROJECT_ID</key>', '\t<string>acmeflow-mobile</string>', '</dict>', '</plist>');

    const fe = repo.file('apps/ios/fastlane/.env.default', 'mobile');
    fe.d('FASTLANE_USER=mobile@acmeflow.io', 'email');
    const fp = pw();
    fe.s(`FASTLANE_PASSWORD=${fp}`, 'generic', fp);
    const fa = appleAsp();
    fe.s(`FASTLANE_APPLE_APPLICATION_SPECIFIC_PASSWORD=${fa}`, 'generic', fa);
    fe.d('MATCH_GIT_URL=git@github.com:acmeflow/certificates.git', 'git url');
    const keyId = t.mixed(UPPER + DIGIT, 10);
    fe.d(`APP_STORE_CONNECT_API_KEY_ID=${keyId}`, 'key id');
    fe.d(`APP_STORE_CONNECT_API_ISSUER_ID=${t.uuid()}`, 'issuer id');
    const k8 = repo.file(`apps/ios/fastlane/AuthKey_${keyId}.p8`, 'keys');
    const k8v = p8();
    k8.s(k8v, 'private-key', k8v.join('\n'));
  }

  // ---- apps/android (Kotlin) -----------------------------------------------------------------
  {
    const g = repo.file('apps/android/app/build.gradle.kts', 'mobile');
    g.l(
      'plugins {',
      '    id("com.android.application")',
      '    id("io.sentry.android.gradle") version "4.14.1"',
      '}',
      '',
      'android {',
      '    namespace = "io.acmeflow.app"',
      '    defaultConfig {',
    );
    g.d(`        buildConfigField("String", "POSTHOG_KEY", "\\"${phc()}\\"")`, 'posthog project key');
    g.d(`        buildConfigField("String", "LD_MOBILE_KEY", "\\"${ldMob()}\\"")`, 'launchdarkly mobile key');
    const go = t.openai();
    g.s(`        buildConfigField("String", "OPENAI_API_KEY", "\\"${go}\\"")`, 'openai', go);
    g.d('        buildConfigField("String", "API_BASE_URL", "\\"https://api.acmeflow.io\\"")', 'url');
    g.l('    }', '    signingConfigs {', '        create("release") {');
    g.d('            storeFile = file("../keystore/release.jks")', 'path');
    const gsp = pw();
    g.s(`            storePassword = "${gsp}"`, 'generic', gsp);
    g.d('            keyAlias = "acmeflow"', 'alias');
    const gkp = pw();
    g.s(`            keyPassword = "${gkp}"`, 'generic', gkp);
    g.l('        }', '    }', '}', '', 'sentry {');
    g.d('    org.set("acmeflow")', 'org slug');
    g.l('    projectName.set("android")');
    const gst = sentryOrg();
    g.s(`    authToken.set("${gst}")`, 'sentry', gst);
    g.l('}');

    const gpp = repo.file('apps/android/gradle.properties', 'mobile');
    gpp.d('org.gradle.jvmargs=-Xmx4g -Dfile.encoding=UTF-8', 'setting');
    gpp.d('android.useAndroidX=true', 'setting');
    const gmv = pw();
    gpp.s(`acmeMavenPassword=${gmv}`, 'generic', gmv);

    const lp = repo.file('apps/android/local.properties', 'mobile');
    lp.d('sdk.dir=/Users/dana/Library/Android/sdk', 'path');
    const lpm = t.gcpApiKey();
    lp.s(`MAPS_API_KEY=${lpm}`, 'gcp', lpm);

    const gj = repo.file('apps/android/app/google-services.json', 'mobile');
    gj.l('{', '  "project_info": {');
    gj.d(`    "project_number": "${t.digits(12)}",`, 'project number');
    gj.l('    "project_id": "acmeflow-mobile"', '  },', '  "client": [', '    {');
    gj.d(`      "api_key": [{ "current_key": "${t.gcpApiKey()}" }]`, 'firebase android api key (public identifier)');
    gj.l('    }', '  ]', '}');

    const kc = repo.file('apps/android/app/src/main/java/io/acmeflow/app/data/ApiClient.kt', 'mobile');
    kc.l('package io.acmeflow.app.data', '', 'object ApiClient {');
    const kcs = t.hex(64);
    kc.s(`    private const val SIGNING_SECRET = "${kcs}"`, 'generic', kcs);
    kc.d('    private val token get() = BuildConfig.API_TOKEN', 'buildconfig reference');
    kc.d('    fun auth(b: Request.Builder) = b.addHeader("Authorization", "Bearer $token")', 'interpolation');
    kc.l('}');
  }

  // ---- Kubernetes: Helm, Argo CD, External Secrets, Sealed Secrets ---------------------------
  {
    const v = repo.file('deploy/helm/acmeflow/values.yaml', 'k8s');
    v.l('image:', '  repository: 123456789012.dkr.ecr.us-east-1.amazonaws.com/acmeflow/web');
    v.d(`  tag: "sha-${t.sha1().slice(0, 7)}"`, 'short sha tag');
    v.l('secrets:');
    v.d('  existingSecret: acmeflow-env', 'secret name');
    v.d('  clerkSecretKey: ""', 'empty');
    v.d('  stripeSecretKey: "<set in values-prod.yaml or via ESO>"', 'placeholder');
    v.l('externalSecrets:');
    v.d('  enabled: true', 'setting');
    v.d('  secretStoreRef: aws-secretsmanager', 'store name');
    v.l('env:');
    v.d(`  NEXT_PUBLIC_POSTHOG_KEY: ${phc()}`, 'posthog project key');
    v.d(`  NEXT_PUBLIC_SUPABASE_ANON_KEY: ${sbAnon()}`, 'supabase anon key (public)');

    const vp = repo.file('deploy/helm/acmeflow/values-prod.yaml', 'k8s');
    vp.l('secrets:');
    const vps = stripeLive();
    vp.s(`  stripeSecretKey: "${vps}"`, 'stripe', vps);
    const vpd = neonUrl('web_app', 'neondb');
    vp.s(`  databaseUrl: "${vpd.url}"`, 'database', vpd.p);
    vp.l('workers:', '  env:', '    - name: DOPPLER_TOKEN');
    const vpdt = doppler('prd');
    vp.s(`      value: ${vpdt}`, 'doppler', vpdt);
    vp.l('    - name: LOG_LEVEL', '      value: info');

    const st = repo.file('deploy/helm/acmeflow/templates/secret.yaml', 'k8s');
    st.l('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: {{ include "acmeflow.fullname" . }}-env', 'data:');
    st.d('  CLERK_SECRET_KEY: {{ .Values.secrets.clerkSecretKey | b64enc | quote }}', 'helm template');
    st.d(
      '  STRIPE_SECRET_KEY: {{ required "stripe key" .Values.secrets.stripeSecretKey | b64enc | quote }}',
      'helm template',
    );
    st.d('  DATABASE_URL: {{ .Values.secrets.databaseUrl | b64enc | quote }}', 'helm template');

    const ap = repo.file('deploy/argocd/apps/acmeflow-prod.yaml', 'k8s');
    ap.l(
      'apiVersion: argoproj.io/v1alpha1',
      'kind: Application',
      'metadata:',
      '  name: acmeflow-prod',
      '  namespace: argocd',
      'spec:',
      '  project: default',
      '  source:',
    );
    ap.d('    repoURL: https://github.com/acmeflow/platform.git', 'repo url');
    ap.d(`    targetRevision: ${t.sha1()}`, 'git sha');
    ap.l(
      '    path: deploy/helm/acmeflow',
      '    helm:',
      '      valueFiles: [values.yaml, values-prod.yaml]',
      '      parameters:',
      '        - name: secrets.posthogPersonalApiKey',
    );
    const apx = phx();
    ap.s(`          value: ${apx}`, 'posthog', apx);
    ap.l('        - name: image.tag');
    ap.d(`          value: sha-${t.sha1().slice(0, 7)}`, 'short sha');
    ap.l('  destination:', '    server: https://kubernetes.default.svc', '    namespace: acmeflow');

    const rc = repo.file('deploy/argocd/repo-creds.yaml', 'k8s');
    rc.l(
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: acmeflow-repo-creds',
      '  namespace: argocd',
      '  labels:',
    );
    rc.d('    argocd.argoproj.io/secret-type: repo-creds', 'label');
    rc.l('stringData:', '  type: git', '  url: https://github.com/acmeflow');
    rc.d(`  githubAppID: "${ghAppId}"`, 'app id');
    rc.d(`  githubAppInstallationID: "${ghInstall}"`, 'installation id');
    rc.l('  githubAppPrivateKey: |');
    const rcp = t.rsaPem();
    rc.s(
      rcp.map((x) => `    ${x}`),
      'private-key',
      rcp.join('\n'),
    );
    rc.l(
      '---',
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: ghcr-helm-oci',
      '  namespace: argocd',
      '  labels:',
      '    argocd.argoproj.io/secret-type: repository',
      'stringData:',
      '  type: helm',
      '  url: ghcr.io/acmeflow/charts',
      '  enableOCI: "true"',
    );
    rc.d('  username: acmeflow-bot', 'username');
    const rcg = t.github();
    rc.s(`  password: ${rcg}`, 'github', rcg);
    rc.l(
      '---',
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: infra-repo-ssh',
      '  namespace: argocd',
      '  labels:',
      '    argocd.argoproj.io/secret-type: repository',
      'stringData:',
      '  url: git@github.com:acmeflow/infra.git',
      '  sshPrivateKey: |',
    );
    const rcs = t.opensshPem();
    rc.s(
      rcs.map((x) => `    ${x}`),
      'private-key',
      rcs.join('\n'),
    );

    const as = repo.file('deploy/argocd/argocd-secret.yaml', 'k8s');
    as.l(
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: argocd-secret',
      '  namespace: argocd',
      'type: Opaque',
      'stringData:',
    );
    as.d(`  admin.password: "${bcrypt()}"`, 'bcrypt hash');
    as.d('  admin.passwordMtime: "2025-01-14T09:12:44Z"', 'timestamp');
    const ass = bytes(32).toString('base64');
    as.s(`  server.secretkey: ${ass}`, 'generic', ass);
    const asw = t.hex(40);
    as.s(`  webhook.github.secret: ${asw}`, 'generic', asw);
    const asd = t.hex(40);
    as.s(`  dex.github.clientSecret: ${asd}`, 'github', asd);

    const ns = repo.file('deploy/argocd/argocd-notifications-secret.yaml', 'k8s');
    ns.l(
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: argocd-notifications-secret',
      '  namespace: argocd',
      'stringData:',
    );
    const nss = t.slackBot();
    ns.s(`  slack-token: ${nss}`, 'slack', nss);

    const es = repo.file('deploy/k8s/external-secrets/acmeflow-web.yaml', 'k8s');
    es.l(
      'apiVersion: external-secrets.io/v1beta1',
      'kind: ExternalSecret',
      'metadata:',
      '  name: acmeflow-web',
      'spec:',
      '  refreshInterval: 1h',
      '  secretStoreRef:',
      '    kind: ClusterSecretStore',
      '    name: aws-secretsmanager',
      '  target:',
      '    name: acmeflow-env',
      '  data:',
    );
    es.d('    - secretKey: STRIPE_SECRET_KEY', 'key name');
    es.l('      remoteRef:');
    es.d('        key: prod/acmeflow/stripe', 'remote ref');
    es.d('        property: secret_key', 'property name');
    es.l('  dataFrom:', '    - extract:');
    es.d('        key: prod/acmeflow/web', 'remote ref');
    const cs = repo.file('deploy/k8s/external-secrets/doppler-store.yaml', 'k8s');
    cs.l(
      'apiVersion: external-secrets.io/v1beta1',
      'kind: SecretStore',
      'metadata:',
      '  name: doppler-workers',
      'spec:',
      '  provider:',
      '    doppler:',
      '      auth:',
      '        secretRef:',
      '          dopplerToken:',
    );
    cs.d('            name: doppler-token-auth-api', 'secret name');
    cs.d('            key: dopplerToken', 'key name');
    cs.l('---', 'apiVersion: v1', 'kind: Secret', 'metadata:', '  name: doppler-token-auth-api', 'data:');
    const csd = doppler('prd_workers');
    cs.s(`  dopplerToken: ${b64e(csd)}`, 'doppler', csd);
    const ca = repo.file('deploy/k8s/external-secrets/cluster-secret-store.yaml', 'k8s');
    ca.l(
      'apiVersion: external-secrets.io/v1beta1',
      'kind: ClusterSecretStore',
      'metadata:',
      '  name: aws-secretsmanager',
      'spec:',
      '  provider:',
      '    aws:',
      '      service: SecretsManager',
      '      region: us-east-1',
      '      auth:',
      '        jwt:',
      '          serviceAccountRef:',
    );
    ca.d('            name: external-secrets', 'service account name');
    ca.d('            namespace: external-secrets', 'namespace');

    const ss = repo.file('deploy/k8s/sealed/acmeflow-billing.yaml', 'k8s');
    ss.l(
      'apiVersion: bitnami.com/v1alpha1',
      'kind: SealedSecret',
      'metadata:',
      '  name: acmeflow-billing',
      '  namespace: acmeflow',
      'spec:',
      '  encryptedData:',
    );
    ss.d(`    STRIPE_SECRET_KEY: AgB${b64(620)}==`, 'sealed (encrypted) value');
    ss.d(`    HUBSPOT_ACCESS_TOKEN: AgC${b64(560)}==`, 'sealed (encrypted) value');
    ss.l('  template:', '    metadata:', '      name: acmeflow-billing');

    const cm = repo.file('deploy/k8s/base/configmap.yaml', 'k8s');
    cm.l('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: acmeflow-web', 'data:');
    cm.d('  NEXT_PUBLIC_APP_URL: https://app.acmeflow.io', 'url');
    cm.d(`  NEXT_PUBLIC_POSTHOG_KEY: ${phc()}`, 'posthog project key');
    cm.d(`  NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: ${clerkPk()}`, 'clerk publishable key');
    cm.d(`  NEXT_PUBLIC_SENTRY_DSN: ${sentryDsn()}`, 'sentry dsn (public)');
    const cmp = pinecone();
    cm.s(`  PINECONE_API_KEY: ${cmp}`, 'pinecone', cmp);
    cm.d('  OTEL_EXPORTER_OTLP_ENDPOINT: http://otel-collector.observability:4317', 'url');

    const ws = repo.file('deploy/k8s/base/workers-secret.yaml', 'k8s');
    ws.l('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: acmeflow-workers', 'type: Opaque', 'data:');
    const wsh = hubspot();
    ws.s(`  HUBSPOT_ACCESS_TOKEN: ${b64e(wsh)}`, 'hubspot', wsh);
    const wsi = intercom();
    ws.s(`  INTERCOM_ACCESS_TOKEN: ${b64e(wsi)}`, 'intercom', wsi);
    const wsl = linear();
    ws.s(`  LINEAR_API_KEY: ${b64e(wsl)}`, 'linear', wsl);
    ws.d(`  LOG_LEVEL: ${b64e('info')}`, 'base64 of a plain setting');
    const wsd = neonUrl('workers', 'neondb');
    ws.s(`  DATABASE_URL: ${b64e(wsd.url)}`, 'database', wsd.p);
  }

  // ---- Terraform and Terragrunt --------------------------------------------------------------
  {
    const p = repo.file('infra/terraform/providers.tf', 'terraform');
    p.l('provider "aws" {');
    p.d('  region = "us-east-1"', 'region');
    p.l('  assume_role {');
    p.d('    role_arn = "arn:aws:iam::123456789012:role/terraform-deployer"', 'role arn');
    p.l('  }', '}', '', 'provider "google" {');
    p.d('  project     = "acme-analytics-prod"', 'project id');
    p.d('  credentials = file("${path.module}/../gcp/terraform-sa.json")', 'file reference');
    p.l('}', '', 'provider "cloudflare" {');
    const pc = t.cloudflare();
    p.s(`  api_token = "${pc}"`, 'cloudflare', pc);
    p.l('}', '', 'provider "vercel" {');
    const pv = t.vercel();
    p.s(`  api_token = "${pv}"`, 'vercel', pv);
    p.d(`  team      = "team_${t.alnum(24)}"`, 'team id');
    p.l('}', '', 'provider "sentry" {');
    const ps = sentryUser();
    p.s(`  token = "${ps}"`, 'sentry', ps);
    p.l('}', '', 'provider "github" {');
    p.d('  owner = "acmeflow"', 'org');
    p.l('  app_auth {');
    p.d(`    id              = "${ghAppId}"`, 'app id');
    p.d(`    installation_id = "${ghInstall}"`, 'installation id');
    p.d('    pem_file        = file("${path.module}/github-app.pem")', 'file reference');
    p.l('  }', '}', '', 'provider "neon" {');
    const pn = neonApi();
    p.s(`  api_key = "${pn}"`, 'neon', pn);
    p.l('}', '', 'provider "doppler" {');
    const pd = dopplerPt();
    p.s(`  doppler_token = "${pd}"`, 'doppler', pd);
    p.l('}', '', 'provider "launchdarkly" {');
    const pl = ldApi();
    p.s(`  access_token = "${pl}"`, 'launchdarkly', pl);
    p.l('}');

    const tv = repo.file('infra/terraform/envs/prod/terraform.tfvars', 'terraform');
    tv.d('environment    = "prod"', 'plain');
    tv.d('aws_account_id = "123456789012"', 'account id');
    const tvs = stripeRk();
    tv.s(`stripe_api_key = "${tvs}"`, 'stripe', tvs);
    const tvw = t.slackWebhook();
    tv.s(`slack_webhook_url = "${tvw}"`, 'slack', tvw);
    const tvp = postmark();
    tv.s(`postmark_server_token = "${tvp}"`, 'postmark', tvp);
    tv.d('upstash_email = "ops@acmeflow.io"', 'email');
    const tvu = t.uuid();
    tv.s(`upstash_api_key = "${tvu}"`, 'upstash', tvu);
    tv.d(`sentry_dsn = "${sentryDsn()}"`, 'sentry dsn (public)');
    tv.d(`posthog_project_key = "${phc()}"`, 'posthog project key');
    tv.d(`kms_key_arn = "arn:aws:kms:us-east-1:123456789012:key/${t.uuid()}"`, 'arn');

    const tg = repo.file('infra/terragrunt/live/prod/platform/terragrunt.hcl', 'terraform');
    tg.l('include "root" {');
    tg.d('  path = find_in_parent_folders("root.hcl")', 'function');
    tg.l(
      '}',
      '',
      'terraform {',
      '  source = "../../../../modules//platform"',
      '}',
      '',
      'dependency "secrets" {',
      '  config_path = "../secrets"',
      '}',
      '',
      'generate "provider" {',
      '  path      = "provider_override.tf"',
      '  if_exists = "overwrite_terragrunt"',
      '  contents  = <<EOF',
      'provider "cloudflare" {',
    );
    const tgc = t.cloudflareNew();
    tg.s(`  api_token = "${tgc}"`, 'cloudflare', tgc);
    tg.l('}', 'provider "upstash" {');
    tg.d('  email   = "ops@acmeflow.io"', 'email');
    const tgu = t.uuid();
    tg.s(`  api_key = "${tgu}"`, 'upstash', tgu);
    tg.l('}', 'EOF', '}', '', 'inputs = {');
    tg.d('  environment      = "prod"', 'plain');
    const tgo = t.openai();
    tg.s(`  openai_api_key   = "${tgo}"`, 'openai', tgo);
    const tgw = workos();
    tg.s(`  workos_api_key   = "${tgw}"`, 'workos', tgw);
    tg.d(`  workos_client_id = "${workosClient()}"`, 'client id');
    tg.d('  github_token     = get_env("GITHUB_TOKEN")', 'get_env');
    tg.d('  clerk_secret_key = dependency.secrets.outputs.clerk_secret_key', 'dependency output');
    tg.l('}');

    const rh = repo.file('infra/terragrunt/root.hcl', 'terraform');
    rh.l('remote_state {', '  backend = "s3"', '  config = {');
    rh.d('    bucket         = "acmeflow-tfstate-123456789012"', 'bucket');
    rh.d('    key            = "${path_relative_to_include()}/terraform.tfstate"', 'interpolation');
    rh.d('    dynamodb_table = "terraform-locks"', 'table');
    rh.l('    encrypt        = true', '  }', '}');

    const ts = repo.file('infra/terraform/state/prod.tfstate', 'terraform');
    ts.l('{', '  "version": 4,', '  "terraform_version": "1.9.5",', '  "serial": 311,');
    ts.d(`  "lineage": "${t.uuid()}",`, 'uuid lineage');
    ts.l('  "outputs": {', '    "neon_connection_uri": {');
    const tsn = neonUrl('neondb_owner', 'neondb');
    ts.s(`      "value": "${tsn.url}",`, 'database', tsn.p);
    ts.l(
      '      "type": "string",',
      '      "sensitive": true',
      '    }',
      '  },',
      '  "resources": [',
      '    {',
      '      "mode": "managed",',
      '      "type": "random_password",',
      '      "name": "metabase",',
      '      "instances": [',
      '        {',
      '          "schema_version": 3,',
      '          "attributes": {',
    );
    ts.d(`            "bcrypt_hash": "${bcrypt()}",`, 'bcrypt hash');
    ts.d('            "id": "none",', 'plain');
    ts.l('            "length": 32,');
    const tsr = t.mixed(ALNUM + '!#%&*()-_=+[]{}<>:?', 32);
    ts.s(`            "result": "${tsr}",`, 'generic', tsr);
    ts.l('            "special": true', '          },');
    ts.d('          "sensitive_attributes": [[{ "type": "get_attr", "value": "result" }]]', 'attribute path');
    ts.l(
      '        }',
      '      ]',
      '    },',
      '    {',
      '      "mode": "managed",',
      '      "type": "aws_iam_access_key",',
      '      "name": "ci_uploader",',
      '      "instances": [',
      '        {',
      '          "attributes": {',
    );
    const tsk = t.awsId();
    ts.s(`            "id": "${tsk}",`, 'aws', tsk);
    ts.d('            "encrypted_secret": null,', 'null');
    const tss = t.awsSecret();
    ts.s(`            "secret": "${tss}",`, 'aws', tss);
    ts.d('            "ses_smtp_password_v4": null,', 'null');
    ts.l(
      '            "user": "ci-uploader"',
      '          }',
      '        }',
      '      ]',
      '    },',
      '    {',
      '      "mode": "managed",',
      '      "type": "stripe_webhook_endpoint",',
      '      "name": "billing",',
      '      "instances": [',
      '        {',
      '          "attributes": {',
    );
    ts.d(`            "id": "we_1Q${t.alnum(22)}",`, 'webhook endpoint id');
    const tsw = stripeWh();
    ts.s(`            "secret": "${tsw}",`, 'stripe', tsw);
    ts.d('            "url": "https://hooks.acmeflow.io/stripe"', 'url');
    ts.l('          }', '        }', '      ]', '    }', '  ]', '}');

    const sa = repo.file('infra/gcp/terraform-sa.json', 'keys');
    const sak = t.pkcs8Pem();
    sa.l('{', '  "type": "service_account",', '  "project_id": "acme-analytics-prod",');
    sa.d(`  "private_key_id": "${t.sha1()}",`, 'key id');
    sa.s(`  "private_key": ${JSON.stringify(sak.join('\n') + '\n')},`, 'gcp', sak.join('\n'));
    sa.l('  "client_email": "terraform@acme-analytics-prod.iam.gserviceaccount.com",');
    sa.d(`  "client_id": "${t.digits(21)}",`, 'client id');
    sa.l('  "token_uri": "https://oauth2.googleapis.com/token"', '}');

    const tl = repo.file('infra/terraform/.terraform.lock.hcl', 'lockfile');
    tl.l(
      'provider "registry.terraform.io/cloudflare/cloudflare" {',
      '  version     = "4.48.0"',
      '  constraints = "~> 4.0"',
      '  hashes = [',
    );
    tl.d(`    "h1:${b64(43)}=",`, 'provider hash');
    tl.d(`    "zh:${t.sha256()}",`, 'provider hash');
    tl.l('  ]', '}');
  }

  // ---- CI: GitHub Actions, CircleCI -----------------------------------------------------------
  {
    const c = repo.file('.github/workflows/ci.yml', 'ci');
    c.l('name: ci', 'on: [push, pull_request]', 'env:');
    c.d('  TURBO_TEAM: acmeflow', 'team slug');
    const ct = t.vercel();
    c.s(`  TURBO_TOKEN: ${ct}`, 'vercel', ct);
    c.d('  DATABASE_URL: postgresql://postgres:postgres@localhost:5432/acme_test', 'service container default');
    c.d('  CLERK_SECRET_KEY: ${{ secrets.CLERK_SECRET_KEY_TEST }}', 'actions secret reference');
    c.l(
      'jobs:',
      '  test:',
      '    runs-on: ubuntu-latest',
      '    services:',
      '      postgres:',
      '        image: postgres:16',
      '        env:',
    );
    c.d('          POSTGRES_PASSWORD: postgres', 'service container default');
    c.l('    steps:');
    c.d(`      - uses: actions/checkout@${t.sha1()} # v4.2.2`, 'pinned action sha');
    c.d(`      - uses: pnpm/action-setup@${t.sha1()} # v4.0.0`, 'pinned action sha');
    c.l('      - run: pnpm install --frozen-lockfile', '        env:');
    c.l('      - run: pnpm turbo run test --filter=...[origin/main]', '        env:');
    c.d('          STRIPE_SECRET_KEY: sk_test_xxxxxxxxxxxxxxxxxxxxxxxx', 'placeholder');

    const d = repo.file('.github/workflows/deploy.yml', 'ci');
    d.l(
      'name: deploy',
      'on:',
      '  push:',
      '    branches: [main]',
      'jobs:',
      '  deploy:',
      '    runs-on: ubuntu-latest',
      '    permissions: { id-token: write, contents: read }',
      '    steps:',
    );
    d.d('      - uses: aws-actions/configure-aws-credentials@v4', 'action');
    d.l('        with:');
    d.d('          role-to-assume: arn:aws:iam::123456789012:role/gha-deploy', 'role arn');
    d.d('          aws-region: us-east-1', 'region');
    d.l('      - name: Pull env from Doppler');
    const dd = doppler('prd');
    d.s(`        run: doppler secrets download --no-file --format env --token ${dd} > .env.production`, 'doppler', dd);
    d.l('      - name: Deploy web');
    const dv = t.vercelNew();
    d.s(`        run: npx vercel deploy --prebuilt --prod --token=${dv}`, 'vercel', dv);
    d.l('      - name: Upload sourcemaps', '        env:');
    d.d('          SENTRY_ORG: acmeflow', 'org slug');
    d.l('        run: pnpm sentry-cli sourcemaps upload apps/web/.next', '      - name: Notify');
    const dw = t.slackWebhook();
    d.s(
      `        run: curl -sf -X POST -H 'Content-Type: application/json' -d '{"text":"web deployed"}' ${dw}`,
      'slack',
      dw,
    );
    d.l('      - name: Create Linear release');
    d.d(
      '        run: curl -H "Authorization: ${{ secrets.LINEAR_API_KEY }}" https://api.linear.app/graphql -d @release.json',
      'actions secret reference',
    );

    const cc = repo.file('.circleci/config.yml', 'ci');
    cc.l(
      'version: 2.1',
      'orbs:',
      '  node: circleci/node@5.2.0',
      'jobs:',
      '  mobile-android:',
      '    docker:',
      '      - image: cimg/android:2024.04',
      '        auth:',
    );
    cc.d('          username: acmeflowci', 'username');
    const ccp = dockerPat();
    cc.s(`          password: ${ccp}`, 'docker', ccp);
    cc.l('    environment:');
    cc.d('      GRADLE_OPTS: -Xmx4g', 'setting');
    cc.l('    steps:', '      - checkout');
    const ccn = t.npm();
    cc.s(`      - run: echo "//registry.npmjs.org/:_authToken=${ccn}" > ~/.npmrc`, 'npm', ccn);
    cc.d('      - run: echo "$RELEASE_KEYSTORE_B64" | base64 -d > app/release.jks', 'variable');
    cc.l('workflows:', '  build:', '    jobs:', '      - mobile-android:');
    cc.d('          context: [acmeflow-mobile, sentry]', 'context names');
  }

  // ---- devcontainer, compose ------------------------------------------------------------------
  {
    const dc = repo.file('.devcontainer/devcontainer.json', 'docker');
    dc.l(
      '{',
      '  "name": "acmeflow",',
      '  "image": "mcr.microsoft.com/devcontainers/typescript-node:1-20-bookworm",',
      '  "features": { "ghcr.io/devcontainers/features/python:1": {} },',
      '  "containerEnv": {',
    );
    dc.d('    "GITHUB_TOKEN": "${localEnv:GITHUB_TOKEN}",', 'localEnv reference');
    const dcd = doppler('dev');
    dc.s(`    "DOPPLER_TOKEN": "${dcd}",`, 'doppler', dcd);
    dc.d('    "DATABASE_URL": "postgresql://postgres:postgres@db:5432/acme_dev",', 'local default');
    const dcn = t.npm();
    dc.s(`    "NPM_TOKEN": "${dcn}"`, 'npm', dcn);
    dc.l('  },', '  "remoteEnv": {');
    const dco = openaiLegacy();
    dc.s(`    "OPENAI_API_KEY": "${dco}",`, 'openai', dco);
    dc.d('    "PATH": "${containerEnv:PATH}:/workspaces/acmeflow/node_modules/.bin"', 'variable');
    dc.l('  },', '  "postCreateCommand": "pnpm install && doppler setup --no-interactive"', '}');

    const cp = repo.file('docker-compose.yml', 'docker');
    cp.l('services:', '  db:', '    image: postgres:16-alpine', '    environment:');
    cp.d('      POSTGRES_USER: postgres', 'plain');
    cp.d('      POSTGRES_PASSWORD: postgres', 'local default');
    cp.l('  redis:', '    image: redis:7-alpine', '  ml:', '    build: ./services/ml', '    environment:');
    cp.d('      ML_DATABASE_URL: postgresql+asyncpg://postgres:postgres@db:5432/ml', 'local default');
    cp.d('      ANTHROPIC_API_KEY: ${ANTHROPIC_API_KEY:?missing}', 'env interpolation');
    cp.l('  stripe-cli:', '    image: stripe/stripe-cli:latest');
    const cps = t.stripeTest();
    cp.s(
      `    command: listen --api-key ${cps} --forward-to http://web:3000/api/webhooks/stripe`,
      'stripe',
      cps,
      'warning',
    );
    cp.l('  webhook-gateway:', '    build: ./services/webhook-gateway', '    environment:');
    cp.d('      - RESEND_API_KEY', 'name only');
  }

  // ---- notebook: product analytics ------------------------------------------------------------
  {
    const nb = repo.file('notebooks/product-analytics/activation-funnel.ipynb', 'notebook');
    const src = (s) => `    ${JSON.stringify(s)},`;
    nb.l(
      '{',
      ' "cells": [',
      '  {',
      '   "cell_type": "code",',
      '   "execution_count": 1,',
      '   "metadata": {},',
      '   "outputs": [],',
      '   "source": [',
    );
    nb.l(
      src('import os, requests\n'),
      src('import pandas as pd\n'),
      src('import sqlalchemy as sa\n'),
      src('POSTHOG_HOST = "https://us.posthog.com"\n'),
    );
    const nx = phx();
    nb.s(src(`POSTHOG_PERSONAL_API_KEY = "${nx}"  # TODO move to doppler\n`), 'posthog', nx);
    nb.d(src('PROJECT_ID = 48213\n'), 'project id');
    const nbp = neonPw();
    nb.s(
      `    ${JSON.stringify(`engine = sa.create_engine("postgresql://analytics_ro:${nbp}@${neonHost()}/neondb")`)}`,
      'database',
      nbp,
    );
    nb.l(
      '   ]',
      '  },',
      '  {',
      '   "cell_type": "code",',
      '   "execution_count": 2,',
      '   "metadata": {},',
      '   "outputs": [',
      '    {',
      '     "name": "stderr",',
      '     "output_type": "stream",',
      '     "text": [',
    );
    nb.l(`      ${JSON.stringify('ApiException: (401)\n')},`, `      ${JSON.stringify('Reason: Unauthorized\n')},`);
    const nh = hubspot();
    nb.s(
      `      ${JSON.stringify(`HTTP request headers: {'Authorization': 'Bearer ${nh}', 'Content-Type': 'application/json'}\n`)}`,
      'hubspot',
      nh,
    );
    nb.l('     ]', '    }', '   ],', '   "source": [');
    nb.d(
      `    ${JSON.stringify('hs = hubspot.Client.create(access_token=os.environ["HUBSPOT_ACCESS_TOKEN"])')}`,
      'os.environ',
    );
    nb.l(
      '   ]',
      '  },',
      '  {',
      '   "cell_type": "code",',
      '   "execution_count": 3,',
      '   "metadata": {},',
      '   "outputs": [',
      '    {',
      '     "name": "stdout",',
      '     "output_type": "stream",',
      '     "text": [',
    );
    const no = t.openai();
    nb.s(`      ${JSON.stringify(`OPENAI_API_KEY=${no}\n`)},`, 'openai', no);
    nb.d(`      ${JSON.stringify(`NEXT_PUBLIC_POSTHOG_KEY=${phc()}\n`)},`, 'posthog project key');
    const nr = stripeRk();
    nb.s(`      ${JSON.stringify(`STRIPE_RESTRICTED_KEY=${nr}\n`)}`, 'stripe', nr);
    nb.l('     ]', '    },', '    {', '     "data": {');
    nb.d(`      "image/png": "${t.pngBase64()}",`, 'base64 image');
    nb.l(
      '      "text/plain": ["<Figure size 800x400 with 1 Axes>"]',
      '     },',
      '     "metadata": {},',
      '     "output_type": "display_data"',
      '    }',
      '   ],',
      '   "source": [',
    );
    nb.d(`    ${JSON.stringify('!env | grep -iE "key|token"')}`, 'shell command');
    nb.l(
      '   ]',
      '  }',
      ' ],',
      ' "metadata": {',
      '  "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}',
      ' },',
      ' "nbformat": 4,',
      ' "nbformat_minor": 5',
      '}',
    );
  }

  // ---- logs: pino, CI, HAR ---------------------------------------------------------------------
  {
    const p = repo.file('logs/api/pino-2025-03-14.ndjson', 'logs');
    let ts = 1741939200123;
    const base = () => `"level":30,"time":${(ts += 137)},"pid":7,"hostname":"api-7c9f8d-xk2lp"`;
    p.d(
      `{${base()},"reqId":"req-1a","req":{"method":"GET","url":"/trpc/user.me","headers":{"authorization":"[Redacted]"}},"msg":"incoming request"}`,
      'pino redact',
    );
    const ps = stripeLive();
    p.s(
      `{"level":20,"time":${(ts += 91)},"pid":7,"hostname":"api-7c9f8d-xk2lp","msg":"stripe request","method":"POST","path":"/v1/billing_portal/sessions","headers":{"Authorization":"Bearer ${ps}","Stripe-Version":"2024-06-20"}}`,
      'stripe',
      ps,
    );
    const pp = pinecone();
    p.s(
      `{"level":50,"time":${(ts += 412)},"pid":7,"hostname":"api-7c9f8d-xk2lp","err":{"type":"PineconeAuthorizationError","message":"401 Unauthorized","config":{"apiKey":"${pp}","controllerHostUrl":"https://api.pinecone.io"}},"msg":"vector upsert failed"}`,
      'pinecone',
      pp,
    );
    p.d(
      `{"level":40,"time":${(ts += 55)},"pid":7,"hostname":"api-7c9f8d-xk2lp","msg":"Invalid API Key provided: sk_live_********************${t.alnum(4)}"}`,
      'stripe-masked key',
    );
    const pr = resend();
    p.s(
      `{${base()},"msg":"boot","env":{"NODE_ENV":"production","RESEND_API_KEY":"${pr}","PORT":"3001"}}`,
      'resend',
      pr,
    );
    const sess = rs256(`ins_${t.alnum(27)}`, {
      azp: 'https://app.acmeflow.io',
      exp: 1836633662,
      iat: 1741939202,
      iss: 'https://clerk.acmeflow.io',
      nbf: 1741939192,
      sid: `sess_${t.alnum(27)}`,
      sub: `user_${t.alnum(27)}`,
    });
    p.s(
      `{${base()},"req":{"method":"POST","url":"/trpc/org.invite","headers":{"cookie":"__session=${sess}; __client_uat=1741939100"}},"msg":"incoming request"}`,
      'generic',
      sess,
    );
    p.d(
      `{${base()},"res":{"statusCode":200},"responseTime":42,"traceId":"${t.pick(HEX, 32)}","msg":"request completed"}`,
      'trace id',
    );

    const g = repo.file('logs/ci/gha-deploy-9183.log', 'logs');
    const tsl = (s) => `2025-03-14T10:02:${String(10 + Math.floor(rand() * 49)).padStart(2, '0')}.${t.digits(7)}Z ${s}`;
    g.l(tsl('##[group]Run pnpm install --frozen-lockfile'));
    g.d(tsl('  NPM_TOKEN: ***'), 'masked');
    g.d(tsl('  TURBO_TOKEN: ***'), 'masked');
    g.l(tsl('##[endgroup]'));
    const gn = t.npm();
    g.s(tsl(`+ echo //registry.npmjs.org/:_authToken=${gn}`), 'npm', gn);
    const gl = linear();
    g.s(
      tsl(
        `+ curl -sf -H 'Authorization: ${gl}' -H 'Content-Type: application/json' https://api.linear.app/graphql -d @release.json`,
      ),
      'linear',
      gl,
    );
    g.d(tsl('Vercel CLI 39.1.2'), 'plain');
    const gs = sentryUser();
    g.s(tsl(`+ sentry-cli --auth-token ${gs} releases new 2025.03.14-9183`), 'sentry', gs);
    g.d(tsl(`Created release 2025.03.14-9183 (commit ${t.sha1()})`), 'git sha');
    g.d(tsl('##[debug]Evaluating: secrets.SENTRY_AUTH_TOKEN'), 'expression');
    g.d(tsl('Production: https://web-8x2k1m-acmeflow.vercel.app [2m]'), 'url');

    const h = repo.file('debug/har/billing-portal-2025-03-12.har', 'logs');
    h.l(
      '{',
      '  "log": {',
      '    "version": "1.2",',
      '    "creator": { "name": "Charles Proxy", "version": "4.6.7" },',
      '    "entries": [',
      '      {',
      '        "startedDateTime": "2025-03-12T16:41:09.312Z",',
      '        "request": {',
      '          "method": "POST",',
      '          "url": "https://app.acmeflow.io/api/trpc/billing.createPortalSession?batch=1",',
      '          "headers": [',
    );
    h.d('            { "name": ":authority", "value": "app.acmeflow.io" },', 'header');
    h.l('            {', '              "name": "cookie",');
    const hs = rs256(`ins_${t.alnum(27)}`, {
      azp: 'https://app.acmeflow.io',
      exp: 1836492129,
      iat: 1741797669,
      iss: 'https://clerk.acmeflow.io',
      sid: `sess_${t.alnum(27)}`,
      sub: `user_${t.alnum(27)}`,
    });
    h.s(
      `              "value": "__client_uat=1741797600; __session=${hs}; ph_${phc()}_posthog=%7B%22distinct_id%22%3A%22user_2f%22%7D"`,
      'generic',
      hs,
    );
    h.l(
      '            },',
      '            { "name": "content-type", "value": "application/json" }',
      '          ]',
      '        },',
      '        "response": { "status": 200, "content": { "mimeType": "application/json", "size": 118 } }',
      '      },',
      '      {',
      '        "request": {',
      '          "method": "GET",',
    );
    h.d(`          "url": "https://api.stripe.com/v1/customers/cus_${t.alnum(14)}",`, 'customer id url');
    h.l('          "headers": [', '            {', '              "name": "Authorization",');
    const hk = stripeLive();
    h.s(`              "value": "Bearer ${hk}"`, 'stripe', hk);
    h.l(
      '            },',
      '            { "name": "Stripe-Version", "value": "2024-06-20" }',
      '          ]',
      '        }',
      '      },',
      '      {',
      '        "request": {',
      '          "method": "POST",',
      '          "url": "https://us.i.posthog.com/e/?ip=1&ver=1.180.0",',
    );
    h.d(
      `          "postData": { "mimeType": "application/json", "text": "{\\"api_key\\":\\"${phc()}\\",\\"event\\":\\"$pageview\\"}" }`,
      'posthog project key',
    );
    h.l(
      '        }',
      '      },',
      '      {',
      '        "request": {',
      '          "method": "POST",',
      '          "url": "https://api.openai.com/v1/chat/completions",',
    );
    const ho = t.openai();
    h.s(`          "headers": [{ "name": "authorization", "value": "Bearer ${ho}" }]`, 'openai', ho);
    h.l(
      '        }',
      '      },',
      '      {',
      '        "request": {',
      '          "method": "POST",',
      '          "url": "https://acmeflow.us.auth0.com/oauth/token",',
    );
    const hcs = auth0Secret();
    h.s(
      `          "postData": { "mimeType": "application/x-www-form-urlencoded", "text": "grant_type=client_credentials&client_id=${auth0ClientId()}&client_secret=${hcs}&audience=https%3A%2F%2Facmeflow.us.auth0.com%2Fapi%2Fv2%2F" }`,
      'auth0',
      hcs,
    );
    h.l(
      '        },',
      '        "response": {',
      '          "status": 200,',
      '          "content": {',
      '            "mimeType": "application/json",',
    );
    const hat = rs256(t.alnum(22), {
      iss: 'https://acmeflow.us.auth0.com/',
      sub: `${auth0ClientId()}@clients`,
      aud: 'https://acmeflow.us.auth0.com/api/v2/',
      iat: 1741797700,
      exp: 1836578500,
      gty: 'client-credentials',
    });
    h.s(
      `            "text": "{\\"access_token\\":\\"${hat}\\",\\"scope\\":\\"read:users\\",\\"expires_in\\":86400,\\"token_type\\":\\"Bearer\\"}"`,
      'generic',
      hat,
    );
    h.l('          }', '        }', '      }', '    ]', '  }', '}');
  }

  // ---- supabase local, scripts, docs ----------------------------------------------------------
  {
    const sl = repo.file('supabase/.env.local', 'env');
    sl.l('# printed by `supabase start` (local stack only)');
    sl.d('API_URL=http://127.0.0.1:54321', 'url');
    sl.d(
      'ANON_KEY=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0',
      'supabase local demo anon key (published)',
    );
    sl.d(
      'SERVICE_ROLE_KEY=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImV4cCI6MTk4MzgxMjk5Nn0.EGIM96RAZx35lJzdJsyH-qQwv8Hdp7fsn3W0YpN81IU',
      'supabase local demo service key (published)',
    );
    sl.d('SECRET_KEY=sb_secret_N7UND0UgjKTVK-Uodkm0Hg_xSvEMPvz', 'supabase local default secret key (published)');
    sl.d('DB_URL=postgresql://postgres:postgres@127.0.0.1:54322/postgres', 'local default');

    const sc = repo.file('supabase/config.toml', 'config');
    sc.l('project_id = "acmeflow"', '', '[auth.external.github]');
    sc.d('enabled = true', 'setting');
    sc.d(`client_id = "Ov23li${t.alnum(14)}"`, 'oauth client id');
    sc.d('secret = "env(SUPABASE_AUTH_GITHUB_SECRET)"', 'env reference');
    sc.l('', '[auth.email.smtp]', 'enabled = true');
    sc.d('host = "smtp.resend.com"', 'host');
    sc.d('user = "resend"', 'username');
    const scp = resend();
    sc.s(`pass = "${scp}"`, 'resend', scp);

    const s = repo.file('scripts/preview-db.sh', 'shell');
    s.l('#!/usr/bin/env bash', 'set -euo pipefail');
    const sn = neonApi();
    s.s(`export NEON_API_KEY=${sn}`, 'neon', sn);
    s.d(
      'BRANCH=$(neonctl branches create --project-id "${NEON_PROJECT_ID}" --name "preview/${PR}" --output json | jq -r .branch.id)',
      'variables',
    );
    const sp = neonUrl('neondb_owner', 'neondb', false);
    s.s(`psql "${sp.url}" -f packages/db/seed.sql`, 'database', sp.p);
    const sr = resend();
    s.s(
      `curl -s -X POST https://api.resend.com/emails -H 'Authorization: Bearer ${sr}' -H 'Content-Type: application/json' -d @mail.json`,
      'resend',
      sr,
    );
    s.d(
      'curl -s https://api.cloudflare.com/client/v4/user/tokens/verify -H "Authorization: Bearer ${CLOUDFLARE_API_TOKEN}"',
      'variable',
    );
    const sg = t.hex(37);
    s.s(
      `curl -s https://api.cloudflare.com/client/v4/zones -H "X-Auth-Email: ops@acmeflow.io" -H "X-Auth-Key: ${sg}"`,
      'cloudflare',
      sg,
    );
    const spt = pscaleTkn();
    s.s(
      `pscale deploy-request create acme-billing preview --service-token-id ${t.lower(12)} --service-token ${spt}`,
      'planetscale',
      spt,
    );

    const rb = repo.file('docs/runbooks/rotate-credentials.md', 'docs');
    rb.l(
      '# Rotating credentials',
      '',
      'Secrets live in Doppler (`acmeflow/prd`) and sync to Vercel and ESO.',
      '',
      '```sh',
    );
    rb.d('doppler secrets set STRIPE_SECRET_KEY --project acmeflow --config prd', 'command');
    rb.d('vercel env add CLERK_SECRET_KEY production', 'command');
    rb.l('```', '');
    rb.d('Local webhooks: `stripe listen` prints `Ready! Your webhook signing secret is whsec_...`.', 'placeholder');
    const rbl = linear();
    rb.s(
      `The old Linear key from the 2024 offsite was \`${rbl}\` - confirm it is revoked in Linear settings.`,
      'linear',
      rbl,
    );

    const rm = repo.file('README.md', 'docs');
    rm.l(
      '# acmeflow',
      '',
      'Turborepo: `apps/web` (Next.js), `apps/api` (tRPC), `apps/workers`, `services/*`.',
      '',
      '```sh',
    );
    rm.d('cp .env.example .env.local', 'command');
    rm.d('doppler run -- pnpm dev', 'command');
    rm.l('```', '');
    rm.d(
      'Set `NEXT_PUBLIC_SUPABASE_ANON_KEY=eyJ...` and `CLERK_SECRET_KEY=sk_test_...` for local auth.',
      'truncated placeholders',
    );
    rm.d('Stripe test cards: `4242 4242 4242 4242`, any CVC.', 'test card number');
  }

  return repo;
}
