// Red-team suite "frontend": web front ends and what their builds leak. Next.js, Vite, Nuxt,
// SvelteKit, Angular and CRA apps with .env/.env.local/.env.production files (public-prefixed
// NEXT_PUBLIC_/VITE_/REACT_APP_/NUXT_PUBLIC_/PUBLIC_ variables: a public client key there is a
// decoy, a server secret given a public prefix is a leak), environment.prod.ts, next.config.js env
// blocks, nuxt.config runtimeConfig, committed build output (dist/assets and .next/static chunks
// minified on one line, DefinePlugin output, required-server-files.json, window.__NUXT__),
// source maps with sourcesContent (plain and inline base64), service workers, Storybook, Cypress
// and Playwright configs and fixtures (cypress.env.json, storageState.json), MSW mocks, GraphQL
// codegen, Apollo/urql clients, Sentry, Algolia, Mapbox, Stripe, Firebase, Supabase, Auth0, Google,
// Segment, PostHog, LaunchDarkly, Contentful, Sanity, Shopify and reCAPTCHA public/secret pairs.
// Decoys: hashed asset names, SRI integrity attributes, CSP nonces and hashes, webpack chunk maps,
// data: URIs, minified identifiers, lockfile integrity fields, public-by-design keys and JWTs,
// i18n strings, and test fixtures with obviously fake values. Every value is drawn from the seeded
// PRNG at run time, following each vendor's published format.
import { ALNUM, B64, DIGIT, HEX, LOWER, UPPER, URLSAFE, Repo, makeTokens, mulberry32 } from './generate.mjs';

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 7919 + 443);
  const t = makeTokens(rand);
  const repo = new Repo();
  const bytes = (n) => Buffer.from(Array.from({ length: n }, () => Math.floor(rand() * 256)));
  const b64 = (s) => Buffer.from(s).toString('base64');
  const b64url = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const sri = (alg = 'sha384', n = 48) => `${alg}-${bytes(n).toString('base64')}`;
  const nonce = () => bytes(16).toString('base64');
  const viteHash = () => t.mixed(URLSAFE.replace('-', ''), 8);
  const chunkHash = () => t.pick(HEX, 16);

  // ---- vendor formats ---------------------------------------------------------------------
  const stripeSk = () => `sk_live_51${t.mixed(ALNUM, 97)}`;
  const stripeRk = () => `rk_live_51${t.mixed(ALNUM, 97)}`;
  const stripePk = () => `pk_live_51${t.mixed(ALNUM, 97)}`;
  const stripePkTest = () => `pk_test_51${t.mixed(ALNUM, 97)}`;
  const whsec = () => `whsec_${t.mixed(ALNUM, 32)}`;
  const supaRef = t.pick(LOWER, 20);
  const supaAnon = () =>
    `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url({ iss: 'supabase', ref: supaRef, role: 'anon', iat: 1735689600, exp: 2051222400 })}.${t.mixed(URLSAFE, 43)}`;
  const supaService = () => t.supabaseServiceRole();
  const phc = () => `phc_${t.mixed(ALNUM, 43)}`;
  const phx = () => `phx_${t.mixed(ALNUM, 43)}`;
  const sentryDsn = () => `https://${t.hex(32)}@o${t.digits(6)}.ingest.us.sentry.io/${t.digits(7)}`;
  const sentryOrg = () =>
    `sntrys_${b64(
      JSON.stringify({
        iat: 1767225600 + Math.floor(rand() * 1e6),
        url: 'https://sentry.io',
        region_url: 'https://us.sentry.io',
        org: 'acme-corp',
      }),
    ).replace(/=+$/, '')}_${t.mixed(B64.replace('/', ''), 43)}`;
  const sentryUser = () => `sntryu_${t.hex(64)}`;
  const algoliaApp = () => t.mixed(UPPER + DIGIT, 10);
  const algoliaKey = () => t.hex(32);
  const mapbox = (p) =>
    `${p}.${b64(JSON.stringify({ u: 'acme-maps', a: `cl${t.lower(23)}` })).replace(/=+$/, '')}.${t.mixed(URLSAFE, 22)}`;
  const auth0Id = () => t.mixed(ALNUM, 32);
  const auth0Secret = () => t.mixed(URLSAFE, 64);
  const googleClientId = () => `${t.digits(12)}-${t.pick(LOWER + DIGIT, 32)}.apps.googleusercontent.com`;
  const gocspx = () => `GOCSPX-${t.mixed(URLSAFE, 28)}`;
  const segment = () => t.mixed(ALNUM, 32);
  const ldClient = () => t.hex(24);
  const ldSdk = () => `sdk-${t.uuid()}`;
  const ldMobile = () => `mob-${t.uuid()}`;
  const cfDelivery = () => t.mixed(URLSAFE, 43);
  const cfpat = () => `CFPAT-${t.mixed(URLSAFE, 43)}`;
  const cfSpace = () => t.pick(LOWER + DIGIT, 12);
  const sanity = () => `sk${t.mixed(ALNUM, 180)}`;
  const shopStorefront = () => t.hex(32);
  const shpat = () => `shpat_${t.hex(32)}`;
  const shpss = () => `shpss_${t.hex(32)}`;
  const recaptcha = () => `6L${t.mixed(URLSAFE, 6)}AAAAA${t.mixed(URLSAFE, 27)}`;
  const fcmServer = () => `AAAA${t.mixed(URLSAFE, 7)}:APA91b${t.mixed(URLSAFE, 134)}`;
  const vapidPublic = () => `B${t.mixed(URLSAFE, 86)}`;
  const vapidPrivate = () => t.mixed(URLSAFE, 43);
  const firebaseAppId = () => `1:${t.digits(12)}:web:${t.hex(22)}`;
  const gaId = () => `G-${t.mixed(UPPER + DIGIT, 10)}`;
  const ddRum = () => `pub${t.hex(32)}`;
  const clerkPk = () => `pk_live_${b64('clerk.acme-corp.io$')}`;
  const nextAuthSecret = () => `${t.mixed(B64, 43)}=`;
  const ghClientId = () => `Iv1.${t.hex(16)}`;
  const ghClientSecret = () => t.hex(40);
  const nanoidBuild = () => t.mixed(URLSAFE, 21);
  const pw = () => (rand() < 0.5 ? t.password() : t.mixed(ALNUM, 20));

  // ==== Next.js storefront ===================================================================
  {
    const f = repo.file('apps/storefront/.env', 'env-public');
    f.l('# Shared defaults for every environment. Secrets go in .env.local (gitignored).');
    f.l(`NEXT_PUBLIC_SITE_URL=https://shop.acme-corp.io`);
    f.d(`NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY=${stripePk()}`, 'stripe publishable key, public');
    const sk = stripeSk();
    f.s(`STRIPE_SECRET_KEY=${sk}`, 'stripe', sk);
    const wh = whsec();
    f.s(`STRIPE_WEBHOOK_SECRET=${wh}`, 'stripe', wh);
    f.l(`NEXT_PUBLIC_SUPABASE_URL=https://${supaRef}.supabase.co`);
    f.d(`NEXT_PUBLIC_SUPABASE_ANON_KEY=${supaAnon()}`, 'supabase anon jwt, public by design');
    const sr = supaService();
    f.s(`SUPABASE_SERVICE_ROLE_KEY=${sr}`, 'supabase', sr);
    f.d(`NEXT_PUBLIC_POSTHOG_KEY=${phc()}`, 'posthog project key, public');
    f.l('NEXT_PUBLIC_POSTHOG_HOST=https://eu.i.posthog.com');
    const px = phx();
    f.s(`POSTHOG_PERSONAL_API_KEY=${px}`, 'posthog', px);
    f.d(`NEXT_PUBLIC_SENTRY_DSN=${sentryDsn()}`, 'sentry dsn, public');
    const so = sentryOrg();
    f.s(`SENTRY_AUTH_TOKEN=${so}`, 'sentry', so);
    f.d(`NEXT_PUBLIC_GA_MEASUREMENT_ID=${gaId()}`, 'ga measurement id');
  }
  {
    const f = repo.file('apps/storefront/.env.local', 'env-public');
    f.l('# local overrides, DO NOT COMMIT');
    const oa = t.openai();
    f.s(`NEXT_PUBLIC_OPENAI_API_KEY=${oa}`, 'openai', oa);
    f.l(`NEXT_PUBLIC_ALGOLIA_APP_ID=${algoliaApp()}`);
    f.d(`NEXT_PUBLIC_ALGOLIA_SEARCH_API_KEY=${algoliaKey()}`, 'algolia search-only key, public');
    const aa = algoliaKey();
    f.s(`ALGOLIA_ADMIN_API_KEY=${aa}`, 'algolia', aa);
    const dbpw = t.password().replace(/[^A-Za-z0-9]/g, '');
    f.s(`DATABASE_URL=postgresql://storefront:${dbpw}@db.${supaRef}.supabase.co:5432/postgres`, 'generic', dbpw);
    const na = nextAuthSecret();
    f.s(`NEXTAUTH_SECRET=${na}`, 'generic', na);
    f.l('NEXTAUTH_URL=http://localhost:3000');
    f.d(`NEXT_PUBLIC_GOOGLE_CLIENT_ID=${googleClientId()}`, 'google oauth client id, public');
    const gs = gocspx();
    f.s(`GOOGLE_CLIENT_SECRET=${gs}`, 'gcp', gs);
    f.d(`GITHUB_ID=${ghClientId()}`, 'github app client id, public');
    const ghs = ghClientSecret();
    f.s(`GITHUB_SECRET=${ghs}`, 'github', ghs);
    const psk = stripeSk();
    f.s(`NEXT_PUBLIC_STRIPE_SECRET_KEY=${psk}`, 'stripe', psk);
  }
  {
    const f = repo.file('apps/storefront/.env.production', 'env-public');
    const space = cfSpace();
    f.l(`NEXT_PUBLIC_CONTENTFUL_SPACE_ID=${space}`);
    f.d(`NEXT_PUBLIC_CONTENTFUL_ACCESS_TOKEN=${cfDelivery()}`, 'contentful delivery token, public content');
    const cm = cfpat();
    f.s(`CONTENTFUL_MANAGEMENT_TOKEN=${cm}`, 'contentful', cm);
    f.l('NEXT_PUBLIC_SHOPIFY_STORE_DOMAIN=acme-goods.myshopify.com');
    f.d(`NEXT_PUBLIC_SHOPIFY_STOREFRONT_ACCESS_TOKEN=${shopStorefront()}`, 'shopify storefront token, public');
    const sa = shpat();
    f.s(`SHOPIFY_ADMIN_ACCESS_TOKEN=${sa}`, 'shopify', sa);
    const ss = shpss();
    f.s(`SHOPIFY_WEBHOOK_SECRET=${ss}`, 'shopify', ss);
    f.d(`NEXT_PUBLIC_RECAPTCHA_SITE_KEY=${recaptcha()}`, 'recaptcha site key, public');
    const rc = recaptcha();
    f.s(`RECAPTCHA_SECRET_KEY=${rc}`, 'recaptcha', rc);
    const rk = stripeRk();
    f.s(`STRIPE_RESTRICTED_KEY=${rk}`, 'stripe', rk);
    f.d(`NEXT_PUBLIC_BUILD_SHA=${t.sha1()}`, 'git sha');
    f.d('NEXT_PUBLIC_FEATURE_PASSWORDLESS_LOGIN=true', 'flag name with password');
  }
  {
    const f = repo.file('apps/storefront/next.config.js', 'next-config');
    f.l("/** @type {import('next').NextConfig} */", 'const nextConfig = {', '  reactStrictMode: true,');
    f.d(`  generateBuildId: async () => '${t.sha1()}',`, 'build id = git sha');
    f.l('  env: {');
    const st = sanity();
    f.s(`    SANITY_API_TOKEN: '${st}',`, 'sanity', st);
    f.d(`    NEXT_PUBLIC_MAPBOX_TOKEN: '${mapbox('pk')}',`, 'mapbox public token');
    f.l(`    NEXT_PUBLIC_SANITY_PROJECT_ID: '${t.lower(8)}',`, "    NEXT_PUBLIC_SANITY_DATASET: 'production',");
    f.d('    ADMIN_PASSWORD: process.env.ADMIN_PASSWORD,', 'env reference');
    f.l('  },', '  images: {', "    remotePatterns: [{ protocol: 'https', hostname: 'cdn.sanity.io' }],", '  },');
    f.l('  async headers() {', '    return [', '      {', "        source: '/(.*)',", '        headers: [');
    f.d(
      `          { key: 'Content-Security-Policy', value: "script-src 'self' 'sha256-${bytes(32).toString('base64')}' https://js.stripe.com" },`,
      'csp hash source',
    );
    f.l('        ],', '      },', '    ];', '  },', '};', '', 'module.exports = nextConfig;');
  }
  {
    const f = repo.file('apps/storefront/.next/required-server-files.json', 'build-output');
    f.l('{', '  "version": 1,', '  "config": {', '    "env": {');
    const st = sanity();
    f.s(`      "SANITY_API_TOKEN": "${st}",`, 'sanity', st);
    f.d(`      "NEXT_PUBLIC_MAPBOX_TOKEN": "${mapbox('pk')}"`, 'mapbox public token');
    f.l('    },', '    "distDir": ".next",', '    "compress": true,');
    f.d(`    "configFileName": "next.config.js", "buildId": "${nanoidBuild()}"`, 'next build id');
    f.l('  },', '  "appDir": "/vercel/path0/apps/storefront",', '  "files": [".next/routes-manifest.json"]', '}');
  }
  {
    const f = repo.file('apps/storefront/.next/BUILD_ID', 'build-output');
    f.d(nanoidBuild(), 'next build id');
  }
  {
    const h = chunkHash();
    const f = repo.file(`apps/storefront/.next/static/chunks/pages/_app-${h}.js`, 'build-output');
    const sk = stripeSk();
    f.s(
      `(self.webpackChunk_N_E=self.webpackChunk_N_E||[]).push([[888],{6840:function(e,t,n){(window.__NEXT_P=window.__NEXT_P||[]).push(["/_app",function(){return n(${t.digits(4)})}])},${t.digits(4)}:function(e,t,n){"use strict";n.r(t),n.d(t,{default:function(){return s}});var r=n(5893),o=n(7294),a=n(${t.digits(4)});let i=(0,a.J)("${sk}");function s(e){let{Component:t,pageProps:n}=e;return(0,r.jsx)(a.Elements,{stripe:i,children:(0,r.jsx)(t,{...n})})}}},function(e){var t=function(t){return e(e.s=t)};e.O(0,[774,179],function(){return t(6840),t(${t.digits(4)})}),_N_E=e.O()}]);`,
      'stripe',
      sk,
    );
  }
  {
    const f = repo.file(`apps/storefront/.next/static/chunks/webpack-${chunkHash()}.js`, 'build-output');
    const map = Array.from({ length: 14 }, () => `${t.digits(3)}:"${chunkHash()}"`).join(',');
    f.d(
      `!function(){"use strict";var e={},t={};function n(r){var o=t[r];if(void 0!==o)return o.exports;var u=t[r]={exports:{}},i=!0;try{e[r](u,u.exports,n),i=!1}finally{i&&delete t[r]}return u.exports}n.u=function(e){return"static/chunks/"+e+"."+{${map}}[e]+".js"},n.miniCssF=function(e){return"static/css/${chunkHash()}.css"},n.p="/_next/"}();`,
      'webpack chunk hash map',
    );
  }
  {
    const f = repo.file(`apps/storefront/.next/static/chunks/framework-${chunkHash()}.js`, 'build-output');
    f.d(
      `"use strict";(self.webpackChunk_N_E=self.webpackChunk_N_E||[]).push([[774],{${t.digits(4)}:function(e,t,n){var r=n(7294),l=n(3840);function a(e){for(var t="https://reactjs.org/docs/error-decoder.html?invariant="+e,n=1;n<arguments.length;n++)t+="&args[]="+encodeURIComponent(arguments[n]);return"Minified React error #"+e+"; visit "+t}var u="${t.mixed(ALNUM, 12)}",o="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_",i=Math.random().toString(36).slice(2),s="__reactFiber$"+i,c="__reactProps$"+i,f="__reactContainer$"+i;t.createRoot=function(e){return e}}}]);`,
      'minified framework code',
    );
  }
  {
    const f = repo.file('apps/storefront/lib/apollo-client.ts', 'graphql-client');
    f.l(
      "import { ApolloClient, InMemoryCache, createHttpLink } from '@apollo/client';",
      "import { setContext } from '@apollo/client/link/context';",
      '',
      "const httpLink = createHttpLink({ uri: 'https://api.acme-corp.io/graphql' });",
      '',
      'const authLink = setContext((_, { headers }) => {',
      "  const token = typeof window !== 'undefined' ? localStorage.getItem('token') : null;",
    );
    f.d("  return { headers: { ...headers, authorization: token ? `Bearer ${token}` : '' } };", 'token variable');
    f.l('});', '', '// TODO(ines): remove before launch, server-to-server token for the preview build');
    const j = t.jwt();
    f.s(`const PREVIEW_TOKEN = '${j}';`, 'generic', j);
    f.l('', 'export const client = new ApolloClient({', '  link: authLink.concat(httpLink),');
    f.l('  cache: new InMemoryCache(),', '});');
  }
  {
    const f = repo.file('apps/storefront/.sentryclirc', 'sentry');
    f.l('[defaults]', 'url=https://sentry.io/', 'org=acme-corp', 'project=storefront', '', '[auth]');
    const su = sentryUser();
    f.s(`token=${su}`, 'sentry', su);
  }
  {
    const f = repo.file('apps/storefront/sentry.client.config.ts', 'sentry');
    f.l("import * as Sentry from '@sentry/nextjs';", '', 'Sentry.init({');
    f.d(`  dsn: '${sentryDsn()}',`, 'sentry dsn, public');
    f.l('  tracesSampleRate: 0.1,', '  replaysOnErrorSampleRate: 1.0,', '});');
  }
  {
    const f = repo.file('apps/storefront/src/lib/algolia.ts', 'search');
    f.l("import algoliasearch from 'algoliasearch/lite';", '');
    f.d(`export const searchClient = algoliasearch('${algoliaApp()}', '${algoliaKey()}');`, 'algolia search-only key');
  }
  {
    const f = repo.file('apps/storefront/scripts/reindex-products.mjs', 'search');
    f.l("import algoliasearch from 'algoliasearch';", '');
    f.l(`const APP_ID = '${algoliaApp()}';`);
    const ak = algoliaKey();
    f.s(`const ADMIN_KEY = '${ak}'; // write access, used by the nightly reindex`, 'algolia', ak);
    f.l("const index = algoliasearch(APP_ID, ADMIN_KEY).initIndex('products');", 'await index.clearObjects();');
  }
  {
    const f = repo.file('apps/storefront/src/components/StoreMap.tsx', 'maps');
    f.l("import mapboxgl from 'mapbox-gl';", '');
    f.d(`mapboxgl.accessToken = '${mapbox('pk')}';`, 'mapbox public token');
    f.l('export function StoreMap() {', "  return <div id='map' className='h-96' />;", '}');
  }
  {
    const f = repo.file('apps/storefront/src/pages/api/flags.ts', 'server-code');
    f.l(
      "import * as LaunchDarkly from '@launchdarkly/node-server-sdk';",
      "import { PostHog } from 'posthog-node';",
      '',
    );
    const ld = ldSdk();
    f.s(`const ld = LaunchDarkly.init('${ld}');`, 'launchdarkly', ld);
    f.d(`const posthog = new PostHog('${phc()}', {`, 'posthog project key');
    f.l("  host: 'https://eu.i.posthog.com',");
    const px = phx();
    f.s(`  personalApiKey: '${px}',`, 'posthog', px);
    f.l('});');
  }
  {
    const f = repo.file('apps/storefront/.vercel/project.json', 'deploy');
    f.d(`{"orgId":"team_${t.mixed(ALNUM, 24)}","projectId":"prj_${t.mixed(ALNUM, 28)}"}`, 'vercel ids');
  }
  {
    const f = repo.file('apps/storefront/package.json', 'package');
    f.l('{', '  "name": "@acme/storefront",', '  "private": true,', '  "scripts": {');
    f.l('    "dev": "next dev",', '    "build": "next build",');
    const vt = t.vercel();
    f.s(`    "deploy": "vercel deploy --prod --token ${vt} --yes",`, 'vercel', vt);
    f.d('    "test": "vitest run --passWithNoTests"', 'script');
    f.l('  }', '}');
  }

  // ==== Vite + React dashboard ===============================================================
  {
    const f = repo.file('apps/dashboard/.env', 'env-public');
    f.l('VITE_API_BASE_URL=https://api.acme-corp.io');
    f.d(`VITE_MAPBOX_TOKEN=${mapbox('pk')}`, 'mapbox public token');
    f.d(`VITE_LAUNCHDARKLY_CLIENT_ID=${ldClient()}`, 'launchdarkly client-side id');
    f.d(`VITE_SEGMENT_WRITE_KEY=${segment()}`, 'segment write key, public');
    f.d(`VITE_COMMIT_SHA=${t.sha1()}`, 'git sha');
  }
  {
    const f = repo.file('apps/dashboard/.env.production', 'env-public');
    const ms = mapbox('sk');
    f.s(`VITE_MAPBOX_SECRET_TOKEN=${ms}`, 'mapbox', ms);
    const gm = t.gcpApiKey();
    f.s(`VITE_GOOGLE_MAPS_API_KEY=${gm}`, 'gcp', gm, 'warning');
    const ld = ldSdk();
    f.s(`LAUNCHDARKLY_SDK_KEY=${ld}`, 'launchdarkly', ld);
    f.d(`VITE_LAUNCHDARKLY_MOBILE_KEY=${ldMobile()}`, 'launchdarkly mobile key, public');
    const ak = t.awsId();
    f.s(`VITE_AWS_ACCESS_KEY_ID=${ak}`, 'aws', ak);
    const as = t.awsSecret();
    f.s(`VITE_AWS_SECRET_ACCESS_KEY=${as}`, 'aws', as);
    f.l('VITE_AWS_REGION=eu-central-1', 'VITE_UPLOAD_BUCKET=acme-dashboard-uploads');
  }
  const dashInternal = t.mixed(ALNUM, 40);
  {
    const f = repo.file('apps/dashboard/vite.config.ts', 'vite-config');
    f.l(
      "import { defineConfig } from 'vite';",
      "import react from '@vitejs/plugin-react';",
      "import { sentryVitePlugin } from '@sentry/vite-plugin';",
      '',
      'export default defineConfig({',
      '  build: { sourcemap: true },',
      '  define: {',
      '    __APP_VERSION__: JSON.stringify(process.env.npm_package_version),',
    );
    f.s(`    'import.meta.env.VITE_INTERNAL_API_TOKEN': JSON.stringify('${dashInternal}'),`, 'generic', dashInternal);
    f.l('  },', '  plugins: [', '    react(),', '    sentryVitePlugin({', "      org: 'acme-corp',");
    f.l("      project: 'dashboard',");
    const so = sentryOrg();
    f.s(`      authToken: '${so}',`, 'sentry', so);
    f.l('    }),', '  ],', '});');
  }
  const idxHash = viteHash();
  const vendorHash = viteHash();
  {
    const f = repo.file('apps/dashboard/index.html', 'html');
    f.l('<!doctype html>', '<html lang="en">', '  <head>', '    <meta charset="UTF-8" />');
    f.d(
      `    <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'nonce-${nonce()}'" />`,
      'csp nonce',
    );
    f.d(`    <meta name="google-site-verification" content="${t.mixed(URLSAFE, 43)}" />`, 'site verification token');
    f.l('  </head>', '  <body>', '    <div id="root"></div>');
    f.l('    <script type="module" src="/src/main.tsx"></script>', '  </body>', '</html>');
  }
  {
    const f = repo.file('apps/dashboard/dist/index.html', 'build-output');
    f.l('<!doctype html>', '<html lang="en">', '  <head>');
    f.d(
      `    <script type="module" crossorigin src="/assets/index-${idxHash}.js" integrity="${sri()}"></script>`,
      'hashed asset + sri',
    );
    f.d(
      `    <link rel="modulepreload" crossorigin href="/assets/vendor-${vendorHash}.js" integrity="${sri()}">`,
      'hashed asset + sri',
    );
    f.d(`    <link rel="stylesheet" crossorigin href="/assets/index-${viteHash()}.css">`, 'hashed css');
    f.d(
      `    <script src="https://cdn.jsdelivr.net/npm/chart.js@4.4.1/dist/chart.umd.min.js" integrity="${sri('sha512', 64)}" crossorigin="anonymous"></script>`,
      'sri sha512',
    );
    f.d(`    <script nonce="${nonce()}">window.__CSP_NONCE__=document.currentScript.nonce</script>`, 'csp nonce');
    f.l('  </head>', '  <body><div id="root"></div></body>', '</html>');
  }
  {
    const f = repo.file(`apps/dashboard/dist/assets/index-${idxHash}.js`, 'build-output');
    const ms = mapbox('sk');
    f.d(
      `import{r as c,j as e,c as Rt}from"./vendor-${vendorHash}.js";const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["assets/Settings-${viteHash()}.js","assets/Billing-${viteHash()}.js"])))=>i.map(i=>d[i]);`,
      'vite mapDeps with hashed names',
    );
    f.s(
      `const Xo={BASE_URL:"/",MODE:"production",DEV:!1,PROD:!0,SSR:!1,VITE_API_BASE_URL:"https://api.acme-corp.io",VITE_MAPBOX_SECRET_TOKEN:"${ms}",VITE_AWS_REGION:"eu-central-1"};function Ko(){const[t,n]=c.useState(null);return c.useEffect(()=>{fetch(Xo.VITE_API_BASE_URL+"/v1/me").then(r=>r.json()).then(n)},[]),e.jsx("div",{className:"p-4",children:t==null?void 0:t.name})}`,
      'mapbox',
      ms,
    );
    f.s(
      `const Qa="${dashInternal}";async function Za(t){return(await fetch("https://internal.acme-corp.io/v2/"+t,{headers:{"X-Internal-Token":Qa}})).json()}Rt(document.getElementById("root")).render(e.jsx(Ko,{}));`,
      'generic',
      dashInternal,
    );
    f.l(`//# sourceMappingURL=index-${idxHash}.js.map`);
  }
  {
    const f = repo.file(`apps/dashboard/dist/assets/vendor-${vendorHash}.js`, 'build-output');
    f.d(
      `var Mc=Object.defineProperty;var Nc=(e,t,n)=>t in e?Mc(e,t,{enumerable:!0,configurable:!0,writable:!0,value:n}):e[t]=n;const Lc="useandom-26T198340PX75pxJACKVERYMINDBUSHWOLF_GQZbfghjklqvwyzrict";let Dc=(e=21)=>{let t="",n=crypto.getRandomValues(new Uint8Array(e));for(;e--;)t+=Lc[n[e]&63];return t};const Fc=/^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;var Bc="${t.mixed(ALNUM, 16)}",Uc={key:"${t.hex(20)}"};`,
      'minified vendor code, nanoid alphabet',
    );
    f.d(
      `const Gd={apiKey:"${t.gcpApiKey()}",authDomain:"acme-dashboard.firebaseapp.com",projectId:"acme-dashboard",storageBucket:"acme-dashboard.appspot.com",messagingSenderId:"${t.digits(12)}",appId:"${firebaseAppId()}"};`,
      'inlined firebase web config',
    );
    f.d(
      `const Hd=window.Stripe("${stripePk()}"),Jd={dsn:"${sentryDsn()}",release:"${t.sha1()}"};`,
      'inlined stripe pk and sentry dsn',
    );
  }
  {
    const f = repo.file(`apps/dashboard/dist/assets/index-${idxHash}.js.map`, 'build-output');
    const ak = algoliaKey();
    const src = [
      "import algoliasearch from 'algoliasearch';",
      '',
      '// admin key so the dashboard can edit synonyms directly',
      `const client = algoliasearch('${algoliaApp()}', '${ak}');`,
      "export const index = client.initIndex('products');",
    ].join('\n');
    f.s(
      JSON.stringify({
        version: 3,
        file: `index-${idxHash}.js`,
        sources: ['../../src/lib/search.ts'],
        sourcesContent: [src],
        names: ['algoliasearch', 'client', 'index'],
        mappings: `AAAA,OAAO,mBAAmB;${t.mixed('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', 120)};AAEA`,
      }),
      'algolia',
      ak,
    );
  }
  {
    const f = repo.file('apps/dashboard/dist/sw.js', 'service-worker');
    f.l("importScripts('https://storage.googleapis.com/workbox-cdn/releases/7.0.0/workbox-sw.js');");
    f.l('workbox.precaching.precacheAndRoute([');
    f.d(`  { url: '/assets/index-${idxHash}.js', revision: null },`, 'precache entry');
    f.d(`  { url: '/index.html', revision: '${t.pick(HEX, 32)}' },`, 'precache revision md5');
    f.d(`  { url: '/manifest.webmanifest', revision: '${t.pick(HEX, 32)}' },`, 'precache revision md5');
    f.l(']);', '');
    f.d(`const APP_SERVER_KEY = '${vapidPublic()}';`, 'vapid public key');
    const vp = vapidPrivate();
    f.s(`const VAPID_PRIVATE_KEY = '${vp}'; // TODO move to push server`, 'generic', vp);
    f.d(`const CACHE_NAME = 'dashboard-v-${t.pick(HEX, 8)}';`, 'cache name');
  }
  {
    const f = repo.file('apps/dashboard/public/firebase-messaging-sw.js', 'service-worker');
    f.l(
      "importScripts('https://www.gstatic.com/firebasejs/10.12.0/firebase-app-compat.js');",
      "importScripts('https://www.gstatic.com/firebasejs/10.12.0/firebase-messaging-compat.js');",
      'firebase.initializeApp({',
    );
    f.d(`  apiKey: '${t.gcpApiKey()}',`, 'firebase web api key, public');
    f.l("  projectId: 'acme-dashboard',");
    f.d(`  messagingSenderId: '${t.digits(12)}',`, 'sender id');
    f.d(`  appId: '${firebaseAppId()}',`, 'firebase app id');
    f.l('});', '', '// legacy HTTP API, used by the "test push" button');
    const fcm = fcmServer();
    f.s(`const FCM_SERVER_KEY = '${fcm}';`, 'firebase', fcm);
  }
  {
    const f = repo.file('apps/dashboard/src/analytics.ts', 'analytics');
    f.l(
      "import posthog from 'posthog-js';",
      "import mixpanel from 'mixpanel-browser';",
      "import { datadogRum } from '@datadog/browser-rum';",
      '',
    );
    f.d(`window.analytics.load('${segment()}');`, 'segment write key, public');
    f.d(`posthog.init('${phc()}', { api_host: 'https://eu.i.posthog.com' });`, 'posthog project key');
    f.d(`mixpanel.init('${t.pick(HEX, 32)}', { track_pageview: true });`, 'mixpanel project token');
    f.l('datadogRum.init({');
    f.d(`  applicationId: '${t.uuid()}',`, 'rum application id');
    f.d(`  clientToken: '${ddRum()}',`, 'datadog client token, public');
    f.l("  site: 'datadoghq.eu',", "  service: 'dashboard',", '});');
  }
  {
    const f = repo.file('apps/dashboard/src/main.tsx', 'app-code');
    f.l("import { asyncWithLDProvider } from 'launchdarkly-react-client-sdk';", '');
    f.d(`const LDProvider = await asyncWithLDProvider({ clientSideID: '${ldClient()}' });`, 'ld client-side id');
    f.d(`const clerkPublishableKey = '${clerkPk()}';`, 'clerk publishable key');
  }
  {
    const f = repo.file('apps/dashboard/codegen.ts', 'graphql-codegen');
    f.l("import type { CodegenConfig } from '@graphql-codegen/cli';", '', 'const config: CodegenConfig = {');
    f.l('  schema: [', '    {', "      'https://api.github.com/graphql': {", '        headers: {');
    const gh = t.github();
    f.s(`          Authorization: 'Bearer ${gh}',`, 'github', gh);
    f.l('        },', '      },', '    },', '  ],', "  documents: ['src/**/*.graphql'],");
    f.l("  generates: { 'src/gql/': { preset: 'client' } },", '};', 'export default config;');
  }
  {
    const f = repo.file('apps/dashboard/src/gql/persisted-documents.json', 'graphql-codegen');
    f.l('{');
    f.d(`  "${t.sha256()}": "query Viewer { viewer { login } }",`, 'persisted query hash');
    f.d(`  "${t.sha256()}": "mutation Login($password: String!) { login(password: $password) { ok } }"`, 'query');
    f.l('}');
  }
  {
    const f = repo.file('apps/dashboard/src/mocks/handlers.ts', 'msw');
    f.l("import { http, HttpResponse, passthrough } from 'msw';", '', 'export const handlers = [');
    f.l("  http.post('/api/login', () =>");
    f.d(
      "    HttpResponse.json({ access_token: 'mock-access-token', token_type: 'Bearer', expires_in: 3600 }),",
      'mock',
    );
    f.l('  ),');
    f.d("  http.get('/api/me', () => HttpResponse.json({ id: 'user_123', password: 'hunter2-not-real' })),", 'mock');
    f.l("  http.get('https://api.github.com/*', async ({ request }) => {");
    const gh = t.github();
    f.s(`    request.headers.set('Authorization', 'token ${gh}');`, 'github', gh);
    f.l('    return passthrough();', '  }),', '];');
  }
  {
    const f = repo.file('apps/dashboard/.storybook/main.ts', 'storybook');
    f.l("import type { StorybookConfig } from '@storybook/react-vite';", '', 'const config: StorybookConfig = {');
    f.l(
      "  stories: ['../src/**/*.stories.@(ts|tsx)'],",
      "  addons: ['@storybook/addon-essentials', 'msw-storybook-addon'],",
    );
    f.l('  env: (config) => ({', '    ...config,');
    f.d(`    STORYBOOK_CONTENTFUL_SPACE: '${cfSpace()}',`, 'space id');
    const pv = cfDelivery();
    f.s(`    STORYBOOK_CONTENTFUL_PREVIEW_TOKEN: '${pv}',`, 'contentful', pv, 'warning');
    f.l('  }),', '};', 'export default config;');
  }
  {
    const f = repo.file('apps/dashboard/cypress.env.json', 'e2e');
    f.l('{');
    f.l('  "username": "qa-admin@acme-corp.io",');
    const p = pw();
    f.s(`  "password": "${p}",`, 'generic', p);
    f.l(`  "auth0_domain": "acme-corp.eu.auth0.com",`);
    f.d(`  "auth0_client_id": "${auth0Id()}",`, 'auth0 client id');
    const as = auth0Secret();
    f.s(`  "auth0_client_secret": "${as}",`, 'auth0', as);
    f.d('  "auth0_audience": "https://api.acme-corp.io"', 'audience url');
    f.l('}');
  }
  {
    const f = repo.file('apps/dashboard/cypress.config.ts', 'e2e');
    f.l("import { defineConfig } from 'cypress';", '', 'export default defineConfig({');
    f.d(`  projectId: '${t.lower(6)}',`, 'cypress project id');
    f.l('  e2e: {', "    baseUrl: 'http://localhost:5173',", '    env: {');
    f.d(`      STRIPE_PK: '${stripePkTest()}',`, 'stripe test publishable key');
    f.d("      TEST_PASSWORD: 'password123',", 'obvious fake password');
    f.l('    },', '  },', '});');
  }
  {
    const f = repo.file('apps/dashboard/cypress/fixtures/user.json', 'e2e');
    f.l('{', '  "email": "jane.doe@example.com",');
    f.d('  "password": "test-password",', 'fixture fake');
    f.d('  "token": "fake-jwt-token",', 'fixture fake');
    f.d('  "card": "4242 4242 4242 4242",', 'stripe test card');
    f.d(`  "id": "${t.uuid()}"`, 'uuid');
    f.l('}');
  }
  {
    const f = repo.file('apps/dashboard/package.json', 'package');
    f.l('{', '  "name": "@acme/dashboard",', '  "private": true,', '  "scripts": {', '    "dev": "vite",');
    f.l('    "build": "tsc -b && vite build",');
    const rk = t.uuid();
    f.s(`    "e2e:ci": "cypress run --record --key ${rk} --parallel",`, 'cypress', rk);
    f.d('    "storybook": "storybook dev -p 6006"', 'script');
    f.l('  }', '}');
  }
  {
    const f = repo.file('apps/dashboard/.npmrc', 'npmrc');
    f.l('@fortawesome:registry=https://npm.fontawesome.com/');
    const fa = t.uuid().toUpperCase();
    f.s(`//npm.fontawesome.com/:_authToken=${fa}`, 'generic', fa);
    f.l('@acme:registry=https://npm.pkg.github.com/');
    f.d('//npm.pkg.github.com/:_authToken=${GITHUB_TOKEN}', 'variable');
  }
  {
    const f = repo.file('apps/dashboard/scripts/upload-tiles.sh', 'maps');
    f.l('#!/usr/bin/env bash', 'set -euo pipefail');
    const ms = mapbox('sk');
    f.s(`export MAPBOX_ACCESS_TOKEN=${ms}`, 'mapbox', ms);
    f.l('tilesets upload-source acme-maps stores ./data/stores.geojson.ld');
  }
  {
    const f = repo.file('apps/dashboard/playwright.config.ts', 'e2e');
    f.l("import { defineConfig } from '@playwright/test';", '', 'export default defineConfig({', '  use: {');
    f.l("    baseURL: 'https://staging.dashboard.acme-corp.io',", "    storageState: 'playwright/.auth/admin.json',");
    const sp = pw();
    f.s(`    httpCredentials: { username: 'staging', password: '${sp}' },`, 'generic', sp);
    const bt = t.mixed(ALNUM, 40);
    f.s(`    extraHTTPHeaders: { Authorization: 'Bearer ${bt}' },`, 'generic', bt);
    f.l('  },', '});');
  }
  {
    const f = repo.file('apps/dashboard/playwright/.auth/admin.json', 'e2e');
    f.l('{', '  "cookies": [', '    {', '      "name": "sessionid",');
    const sid = t.pick(LOWER + DIGIT, 32);
    f.s(`      "value": "${sid}",`, 'generic', sid);
    f.l('      "domain": "staging.dashboard.acme-corp.io",', '      "path": "/",', '      "httpOnly": true', '    },');
    f.l('    {', '      "name": "csrftoken",');
    f.d(`      "value": "${t.mixed(ALNUM, 64)}",`, 'csrf token');
    f.l('      "domain": "staging.dashboard.acme-corp.io"', '    },', '    {', '      "name": "_ga",');
    f.d(`      "value": "GA1.1.${t.digits(10)}.${1767225600 + Math.floor(rand() * 1e6)}",`, 'ga cookie');
    f.l('      "domain": ".acme-corp.io"', '    }', '  ],', '  "origins": [', '    {');
    f.l('      "origin": "https://staging.dashboard.acme-corp.io",', '      "localStorage": [');
    const j = t.jwt();
    f.s(`        { "name": "access_token", "value": "${j}" },`, 'generic', j);
    f.d(`        { "name": "ajs_anonymous_id", "value": "\\"${t.uuid()}\\"" },`, 'segment anonymous id');
    f.d('        { "name": "theme", "value": "dark" }', 'setting');
    f.l('      ]', '    }', '  ]', '}');
  }

  // ==== Angular admin ========================================================================
  {
    const f = repo.file('apps/admin/src/environments/environment.prod.ts', 'angular-env');
    f.l('export const environment = {', '  production: true,', "  apiUrl: 'https://api.acme-corp.io',");
    f.l('  firebase: {');
    f.d(`    apiKey: '${t.gcpApiKey()}',`, 'firebase web api key, public');
    f.l("    authDomain: 'acme-admin.firebaseapp.com',", "    projectId: 'acme-admin',");
    f.d(`    appId: '${firebaseAppId()}',`, 'firebase app id');
    f.d(`    measurementId: '${gaId()}',`, 'ga measurement id');
    f.l('  },', '  auth0: {', "    domain: 'acme-corp.eu.auth0.com',");
    f.d(`    clientId: '${auth0Id()}',`, 'auth0 spa client id');
    const as = auth0Secret();
    f.s(`    clientSecret: '${as}',`, 'auth0', as);
    f.l('  },');
    f.d(`  sentryDsn: '${sentryDsn()}',`, 'sentry dsn');
    f.d(`  stripePublishableKey: '${stripePk()}',`, 'stripe pk');
    const sg = t.sendgrid();
    f.s(`  sendgridApiKey: '${sg}',`, 'sendgrid', sg);
    f.l('};');
  }
  {
    const f = repo.file('apps/admin/src/environments/environment.ts', 'angular-env');
    f.l('export const environment = {', '  production: false,', "  apiUrl: 'http://localhost:3000',");
    f.d("  firebase: { apiKey: 'YOUR_FIREBASE_API_KEY', projectId: 'demo-acme' },", 'placeholder');
    f.d("  auth0: { domain: 'dev-acme.eu.auth0.com', clientId: 'YOUR_CLIENT_ID', clientSecret: '' },", 'placeholder');
    f.l('};');
  }
  {
    const f = repo.file('apps/admin/sentry.properties', 'sentry');
    f.l('defaults.url=https://sentry.io/', 'defaults.org=acme-corp', 'defaults.project=admin');
    const lt = t.hex(64);
    f.s(`auth.token=${lt}`, 'sentry', lt);
  }
  {
    const f = repo.file('apps/admin/src/app/login/login.component.ts', 'app-code');
    f.l("import { Component } from '@angular/core';", "import { FormBuilder, Validators } from '@angular/forms';", '');
    f.l(
      "@Component({ selector: 'app-login', templateUrl: './login.component.html' })",
      'export class LoginComponent {',
    );
    f.d(
      "  form = this.fb.group({ email: [''], password: ['', [Validators.required, Validators.minLength(12)]] });",
      'form',
    );
    f.d("  passwordPattern = '^(?=.*[A-Z])(?=.*\\\\d).{12,}$';", 'password rule regex');
    f.l('  constructor(private fb: FormBuilder) {}', '}');
  }
  {
    const f = repo.file('apps/admin/src/app/login/login.component.html', 'app-code');
    f.l('<form [formGroup]="form">');
    f.d('  <input type="password" formControlName="password" autocomplete="current-password" />', 'html input');
    f.d('  <a routerLink="/forgot-password" i18n>Forgot password?</a>', 'link');
    f.l('</form>');
  }
  {
    const f = repo.file('apps/admin/src/assets/i18n/de.json', 'i18n');
    f.l('{');
    f.d('  "login.password": "Passwort",', 'i18n');
    f.d('  "login.password_hint": "Mindestens 12 Zeichen, ein Großbuchstabe und eine Ziffer",', 'i18n');
    f.d('  "settings.api_token": "API-Token",', 'i18n');
    f.d('  "settings.api_token_help": "Füge dein persönliches Zugriffstoken hier ein",', 'i18n');
    f.d('  "settings.secret_key": "Geheimer Schlüssel (nur Server)",', 'i18n');
    f.l('  "ok": "OK"', '}');
  }
  {
    const f = repo.file(`apps/admin/dist/admin/browser/main-${t.mixed(UPPER + DIGIT, 8)}.js`, 'build-output');
    const sg = t.sendgrid();
    f.s(
      `var Lh={production:!0,apiUrl:"https://api.acme-corp.io",firebase:{projectId:"acme-admin"},sendgridApiKey:"${sg}"};var Vh=(()=>{class e{constructor(n){this.http=n}send(n){return this.http.post("https://api.sendgrid.com/v3/mail/send",n,{headers:{Authorization:"Bearer "+Lh.sendgridApiKey}})}static{this.\u0275fac=function(r){return new(r||e)(Jt(Ui))}}}return e})();`,
      'sendgrid',
      sg,
    );
  }

  // ==== Nuxt blog ============================================================================
  {
    const f = repo.file('apps/blog/nuxt.config.ts', 'nuxt-config');
    f.l(
      'export default defineNuxtConfig({',
      "  modules: ['@nuxtjs/sanity', '@sentry/nuxt/module'],",
      '  runtimeConfig: {',
    );
    f.l('    // private, server only');
    const sw = sanity();
    f.s(`    sanityWriteToken: '${sw}',`, 'sanity', sw);
    f.d('    stripeSecretKey: process.env.NUXT_STRIPE_SECRET_KEY,', 'env reference');
    f.d("    sessionPassword: '',", 'empty');
    f.l('    public: {');
    f.d(`      posthogKey: '${phc()}',`, 'posthog project key');
    f.d(`      algoliaSearchKey: '${algoliaKey()}',`, 'algolia search key');
    f.d(`      sentryDsn: '${sentryDsn()}',`, 'sentry dsn');
    f.l('    },', '  },', '  sourcemap: { client: true },', '});');
  }
  {
    const f = repo.file('apps/blog/.env', 'env-public');
    f.l(`NUXT_PUBLIC_ALGOLIA_APP_ID=${algoliaApp()}`);
    const aa = algoliaKey();
    f.s(`NUXT_PUBLIC_ALGOLIA_ADMIN_KEY=${aa}`, 'algolia', aa);
    const sp = t.mixed(ALNUM, 32);
    f.s(`NUXT_SESSION_PASSWORD=${sp}`, 'generic', sp);
    f.d(`NUXT_PUBLIC_SANITY_PROJECT_ID=${t.lower(8)}`, 'sanity project id');
    f.d('NUXT_UI_PRO_LICENSE=', 'empty');
  }
  {
    const f = repo.file('apps/blog/.output/public/index.html', 'build-output');
    f.l('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">');
    f.d(
      `<link rel="modulepreload" as="script" crossorigin href="/_nuxt/${viteHash()}.js"><link rel="prefetch" as="style" href="/_nuxt/entry.${viteHash()}.css">`,
      'hashed assets',
    );
    f.l('</head><body><div id="__nuxt"></div>');
    const st = sanity();
    f.s(
      `<script>window.__NUXT__={};window.__NUXT__.config={public:{posthogKey:"${phc()}",sanity:{projectId:"${t.lower(8)}",dataset:"production",token:"${st}"}},app:{baseURL:"/",buildId:"${t.uuid()}",buildAssetsDir:"/_nuxt/",cdnURL:""}}</script>`,
      'sanity',
      st,
    );
    f.l('</body></html>');
  }
  {
    const f = repo.file(`apps/blog/.output/public/_nuxt/admin.${viteHash()}.js`, 'build-output');
    f.d(
      `import{d as e,o as t,c as n}from"./entry.${viteHash()}.js";const r=e({__name:"admin",setup(o){return(a,s)=>(t(),n("div",null,"admin"))}});export{r as default};`,
      'minified nuxt chunk',
    );
    const rc = recaptcha();
    const src = [
      "const RECAPTCHA_SECRET = '" + rc + "';",
      'export async function verify(token: string) {',
      "  const r = await $fetch('https://www.google.com/recaptcha/api/siteverify', { method: 'POST', body: { secret: RECAPTCHA_SECRET, response: token } });",
      '  return r.success;',
      '}',
    ].join('\n');
    const map = JSON.stringify({
      version: 3,
      sources: ['../../server/utils/recaptcha.ts'],
      sourcesContent: [src],
      mappings: 'AAAA',
    });
    f.s(`//# sourceMappingURL=data:application/json;base64,${b64(map)}`, 'recaptcha', rc);
  }
  {
    const f = repo.file('apps/blog/server/api/contact.post.ts', 'server-code');
    f.l('export default defineEventHandler(async (event) => {', '  const body = await readBody(event);');
    f.d(
      "  // Google's documented test key, always passes: 6LeIxAcTAAAAAGG-vFI1TnRWxMZNFuojJ4WifJWe",
      'vendor test key',
    );
    f.d('  const secret = useRuntimeConfig(event).recaptchaSecret;', 'config reference');
    f.l('  return { ok: true, secret: !!secret, body };', '});');
  }
  {
    const f = repo.file('apps/blog/plugins/urql.ts', 'graphql-client');
    f.l("import { Client, cacheExchange, fetchExchange } from '@urql/vue';", '');
    f.l('export default defineNuxtPlugin((nuxtApp) => {', '  const client = new Client({');
    f.l(
      "    url: 'https://acme-goods.myshopify.com/api/2024-10/graphql.json',",
      '    exchanges: [cacheExchange, fetchExchange],',
    );
    f.l('    fetchOptions: {', '      headers: {');
    f.d(`        'X-Shopify-Storefront-Access-Token': '${shopStorefront()}',`, 'shopify storefront token, public');
    f.l('      },', '    },', '  });', "  nuxtApp.vueApp.provide('$urql', client);", '});');
  }
  {
    const f = repo.file('apps/blog/server/utils/shopify-admin.ts', 'server-code');
    f.l("const ADMIN_URL = 'https://acme-goods.myshopify.com/admin/api/2024-10/graphql.json';", '');
    f.l('export const adminFetch = (query: string) =>', '  $fetch(ADMIN_URL, {', "    method: 'POST',");
    const sa = shpat();
    f.s(`    headers: { 'X-Shopify-Access-Token': '${sa}' },`, 'shopify', sa);
    f.l('    body: { query },', '  });');
  }

  // ==== SvelteKit docs =======================================================================
  {
    const f = repo.file('apps/docs/.env', 'env-public');
    f.l(`PUBLIC_SUPABASE_URL=https://${supaRef}.supabase.co`);
    f.d(`PUBLIC_SUPABASE_ANON_KEY=${supaAnon()}`, 'supabase anon jwt');
    const sr = supaService();
    f.s(`PUBLIC_SUPABASE_SERVICE_ROLE_KEY=${sr}`, 'supabase', sr);
    const gh = t.github();
    f.s(`GITHUB_TOKEN=${gh}`, 'github', gh);
  }
  {
    const f = repo.file('apps/docs/src/lib/supabaseClient.ts', 'app-code');
    f.l("import { createClient } from '@supabase/supabase-js';", '');
    f.d(
      `export const supabase = createClient('https://${supaRef}.supabase.co', '${supaAnon()}');`,
      'supabase anon jwt in client',
    );
  }
  {
    const f = repo.file('apps/docs/src/lib/server/admin.ts', 'server-code');
    f.l("import { createClient } from '@supabase/supabase-js';", '');
    const sr = supaService();
    f.s(`const SERVICE_ROLE = '${sr}';`, 'supabase', sr);
    f.l(`export const admin = createClient('https://${supaRef}.supabase.co', SERVICE_ROLE);`);
  }
  {
    const f = repo.file('apps/docs/svelte.config.js', 'svelte-config');
    f.l(
      "import adapter from '@sveltejs/adapter-vercel';",
      '',
      'export default {',
      '  kit: {',
      '    adapter: adapter(),',
    );
    f.l('    csp: {', '      directives: {');
    f.d(`        'script-src': ['self', 'sha256-${bytes(32).toString('base64')}'],`, 'csp hash');
    f.l('      },', '    },', '  },', '};');
  }
  {
    const f = repo.file('apps/docs/src/routes/login/+page.svelte', 'app-code');
    f.l('<script lang="ts">', '  let password = "";', '</script>', '');
    f.d('<label for="pw">Password</label>', 'label');
    f.d('<input id="pw" type="password" bind:value={password} autocomplete="new-password" minlength="12" />', 'input');
  }
  {
    const f = repo.file('apps/docs/static/fonts.css', 'assets');
    f.d(
      `@font-face{font-family:Inter;font-display:swap;src:url(data:font/woff2;base64,d09GMgABAAAAA${bytes(900).toString('base64')}) format("woff2")}`,
      'base64 font',
    );
    f.d(
      `.icon-search{background:url("data:image/svg+xml;base64,${b64(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M${t.digits(2)} ${t.digits(2)}l4 4"/></svg>`)}")}`,
      'base64 svg',
    );
  }

  // ==== CRA legacy app =======================================================================
  {
    const f = repo.file('apps/legacy/.env.production', 'env-public');
    f.d(`REACT_APP_FIREBASE_API_KEY=${t.gcpApiKey()}`, 'firebase web api key');
    f.d(`REACT_APP_GA_ID=${gaId()}`, 'ga id');
    const sg = t.sendgrid();
    f.s(`REACT_APP_SENDGRID_API_KEY=${sg}`, 'sendgrid', sg);
    const ak = t.awsId();
    f.s(`REACT_APP_AWS_ACCESS_KEY_ID=${ak}`, 'aws', ak);
    const as = t.awsSecret();
    f.s(`REACT_APP_AWS_SECRET_ACCESS_KEY=${as}`, 'aws', as);
    f.d('GENERATE_SOURCEMAP=false', 'setting');
  }
  {
    const f = repo.file('apps/legacy/src/firebase.js', 'app-code');
    f.l("import { initializeApp } from 'firebase/app';", '', 'const firebaseConfig = {');
    f.d(`  apiKey: "${t.gcpApiKey()}",`, 'firebase web api key');
    f.l('  authDomain: "acme-legacy.firebaseapp.com",', '  projectId: "acme-legacy",');
    f.d(`  messagingSenderId: "${t.digits(12)}",`, 'sender id');
    f.d(`  appId: "${firebaseAppId()}",`, 'app id');
    f.d(`  measurementId: "${gaId()}"`, 'measurement id');
    f.l('};', 'export const app = initializeApp(firebaseConfig);');
  }
  {
    const f = repo.file(`apps/legacy/build/static/js/main.${t.pick(HEX, 8)}.js`, 'build-output');
    f.l('/*! For license information please see main.js.LICENSE.txt */');
    const sg = t.sendgrid();
    f.s(
      `!function(){var e={${t.digits(3)}:function(e,t,n){"use strict";var r=n(${t.digits(3)}),a={NODE_ENV:"production",PUBLIC_URL:"",WDS_SOCKET_HOST:void 0,FAST_REFRESH:!0,REACT_APP_GA_ID:"${gaId()}",REACT_APP_SENDGRID_API_KEY:"${sg}"};t.Z=function(e){return r.post("https://api.sendgrid.com/v3/mail/send",e,{headers:{Authorization:"Bearer ".concat(a.REACT_APP_SENDGRID_API_KEY)}})}}}}();`,
      'sendgrid',
      sg,
    );
  }
  {
    const f = repo.file('apps/legacy/build/asset-manifest.json', 'build-output');
    const mh = t.pick(HEX, 8);
    f.l('{', '  "files": {');
    f.d(`    "main.js": "/static/js/main.${mh}.js",`, 'hashed asset');
    f.d(
      `    "static/js/${t.digits(3)}.${t.pick(HEX, 8)}.chunk.js": "/static/js/${t.digits(3)}.${t.pick(HEX, 8)}.chunk.js",`,
      'chunk',
    );
    f.l('    "index.html": "/index.html"', '  },', '  "entrypoints": [');
    f.d(`    "static/css/main.${t.pick(HEX, 8)}.css",`, 'hashed css');
    f.d(`    "static/js/main.${mh}.js"`, 'hashed js');
    f.l('  ]', '}');
  }
  {
    const f = repo.file('apps/legacy/config/webpack.config.js', 'webpack-config');
    f.l(
      "const webpack = require('webpack');",
      '',
      'module.exports = {',
      '  plugins: [',
      '    new webpack.DefinePlugin({',
    );
    f.d(`      'process.env.REACT_APP_STRIPE_KEY': JSON.stringify('${stripePk()}'),`, 'stripe pk via define');
    const it = t.mixed(URLSAFE, 48);
    f.s(`      'process.env.INTERNAL_ADMIN_TOKEN': JSON.stringify('${it}'),`, 'generic', it);
    f.d("      'process.env.NODE_ENV': JSON.stringify('production'),", 'define');
    f.l('    }),', '  ],', '};');
  }
  {
    const f = repo.file(`apps/legacy/build/static/js/admin.${t.pick(HEX, 8)}.chunk.js`, 'build-output');
    const pk = t.password().replace(/[^A-Za-z0-9]/g, '');
    f.s(
      `"use strict";(self.webpackChunklegacy=self.webpackChunklegacy||[]).push([[${t.digits(3)}],{${t.digits(4)}:function(e,t,n){var r={"process.env":{NODE_ENV:"production"}},a=function(e){return fetch("https://admin:${pk}@reports.internal.acme-corp.io/export?fmt=csv"+e)};t.default=a}}]);`,
      'generic',
      pk,
    );
  }

  // ==== monorepo root: lockfiles and CI ======================================================
  {
    const f = repo.file('pnpm-lock.yaml', 'lockfile');
    f.l("lockfileVersion: '9.0'", '', 'packages:', '');
    for (const [n, v] of [
      ['@sentry/nextjs', '8.42.0'],
      ['algoliasearch', '4.24.0'],
      ['mapbox-gl', '3.8.0'],
      ['posthog-js', '1.194.1'],
    ]) {
      f.l(`  '${n}@${v}':`);
      f.d(`    resolution: {integrity: sha512-${bytes(64).toString('base64')}}`, 'lockfile integrity');
    }
  }
  {
    const f = repo.file('yarn.lock', 'lockfile');
    f.l('# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.', '# yarn lockfile v1', '');
    for (const n of ['@stripe/stripe-js', 'firebase', 'launchdarkly-react-client-sdk']) {
      f.l(
        `"${n}@^1.0.0":`,
        '  version "1.2.0"',
        `  resolved "https://registry.yarnpkg.com/${n}/-/x-1.2.0.tgz#${t.sha1()}"`,
      );
      f.d(`  integrity sha512-${bytes(64).toString('base64')}`, 'lockfile integrity');
      f.l('');
    }
  }
  {
    const f = repo.file('.github/workflows/frontend-deploy.yml', 'ci');
    f.l(
      'name: deploy frontends',
      'on: { push: { branches: [main] } }',
      'jobs:',
      '  deploy:',
      '    runs-on: ubuntu-latest',
    );
    f.l('    env:');
    f.d('      SENTRY_AUTH_TOKEN: ${{ secrets.SENTRY_AUTH_TOKEN }}', 'secrets reference');
    f.d(`      NEXT_PUBLIC_SENTRY_DSN: ${sentryDsn()}`, 'sentry dsn');
    const ct = t.mixed(URLSAFE, 43);
    f.s(`      CONTENTFUL_PREVIEW_ACCESS_TOKEN: ${ct}`, 'contentful', ct, 'warning');
    f.l('    steps:', '      - uses: actions/checkout@v4', '      - run: pnpm install --frozen-lockfile');
    f.l('      - run: pnpm -r build');
  }
  {
    const f = repo.file('apps/storefront/src/lib/stripe.ts', 'server-code');
    f.l("import Stripe from 'stripe';", '');
    const sk = stripeSk();
    f.s(`export const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? '${sk}', {`, 'stripe', sk);
    f.l("  apiVersion: '2024-06-20',", '});');
    f.d("export const STRIPE_TEST_CARD = '4000 0025 0000 3155';", 'stripe test card');
  }
  {
    const f = repo.file('apps/storefront/src/app/layout.tsx', 'app-code');
    f.l("import Script from 'next/script';", '', 'export default function RootLayout({ children }) {', '  return (');
    f.l('    <html lang="en">', '      <head>');
    f.d(
      `        <Script src="https://www.google.com/recaptcha/api.js?render=${recaptcha()}" strategy="afterInteractive" />`,
      'recaptcha site key in url',
    );
    f.d(
      `        <link rel="preload" href="/_next/static/media/inter.${chunkHash()}.woff2" as="font" crossOrigin="" />`,
      'hashed font',
    );
    f.l('      </head>', '      <body>{children}</body>', '    </html>', '  );', '}');
  }
  {
    const f = repo.file('apps/storefront/.next/server/app/index.html', 'build-output');
    f.d(
      `<!DOCTYPE html><html lang="en"><head><link rel="stylesheet" href="/_next/static/css/${chunkHash()}.css" data-precedence="next"/><script src="/_next/static/chunks/webpack-${chunkHash()}.js" async=""></script><script nonce="${nonce()}">self.__next_f=self.__next_f||[]</script></head><body><script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{}},"page":"/","buildId":"${nanoidBuild()}","nextExport":true}</script></body></html>`,
      'next html with build id and nonce',
    );
  }

  // ==== harder shapes: escaped PEMs, escaped source maps, define output, pulled env files ====
  {
    const f = repo.file('apps/storefront/.env.development.local', 'env-public');
    f.l('FIREBASE_ADMIN_PROJECT_ID=acme-storefront');
    f.l('FIREBASE_ADMIN_CLIENT_EMAIL=firebase-adminsdk-x1y2z@acme-storefront.iam.gserviceaccount.com');
    const pk = t.pkcs8Pem();
    f.s(`FIREBASE_ADMIN_PRIVATE_KEY="${pk.join('\\n')}\\n"`, 'private-key', pk.join('\n'));
  }
  {
    const f = repo.file('apps/storefront/.vercel/.env.production.local', 'env-public');
    f.l('# Created by Vercel CLI');
    const bl = `vercel_blob_rw_${t.mixed(ALNUM, 16)}_${t.mixed(ALNUM, 30)}`;
    f.s(`BLOB_READ_WRITE_TOKEN="${bl}"`, 'vercel', bl);
    const pp = t.mixed(ALNUM, 24);
    f.s(`POSTGRES_PASSWORD="${pp}"`, 'generic', pp);
    f.d('VERCEL_ENV="production"', 'setting');
    f.d(`VERCEL_GIT_COMMIT_SHA="${t.sha1()}"`, 'git sha');
  }
  {
    const f = repo.file('apps/dashboard/.env.sentry-build-plugin', 'sentry');
    f.l('# DO NOT commit this file to your repository!');
    const so = sentryOrg();
    f.s(`SENTRY_AUTH_TOKEN=${so}`, 'sentry', so);
  }
  {
    const f = repo.file(`apps/storefront/.next/server/chunks/${t.digits(3)}.js`, 'build-output');
    const hs = t.mixed(ALNUM, 32);
    f.s(
      `"use strict";exports.id=${t.digits(3)},exports.ids=[${t.digits(3)}],exports.modules={${t.digits(4)}:(e,t,r)=>{r.d(t,{Z:()=>n});let o={"process.env.HASURA_GRAPHQL_ENDPOINT":"https://gql.acme-corp.io/v1/graphql","process.env.HASURA_ADMIN_SECRET":"${hs}"},n=async e=>(await fetch(o["process.env.HASURA_GRAPHQL_ENDPOINT"],{method:"POST",headers:{"x-hasura-admin-secret":o["process.env.HASURA_ADMIN_SECRET"]},body:JSON.stringify(e)})).json()}};`,
      'generic',
      hs,
    );
  }
  {
    const f = repo.file(`apps/storefront/.next/static/chunks/pages/checkout-${chunkHash()}.js.map`, 'build-output');
    const dbpw = t.password();
    const src = [
      "import { Pool } from 'pg';",
      '',
      'const pool = new Pool({',
      "  host: 'db.internal.acme-corp.io',",
      "  user: 'checkout',",
      `  password: "${dbpw}",`,
      '});',
      'export default pool;',
    ].join('\n');
    f.s(
      JSON.stringify({
        version: 3,
        sources: ['webpack://_N_E/./lib/db.ts'],
        sourcesContent: [src],
        names: [],
        mappings: `;;AAAA,${t.mixed('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', 80)}`,
      }),
      'generic',
      dbpw,
    );
  }
  {
    const f = repo.file(`apps/dashboard/dist/assets/vendor-${vendorHash}.js.map`, 'build-output');
    const src = [
      'export function validatePassword(password, options) {',
      '  if (password.length < options.minLength) return { ok: false, reason: "password_too_short" };',
      '  const secret = options.secret ?? null;',
      '  return { ok: true, token: crypto.randomUUID() };',
      '}',
    ].join('\n');
    f.d(
      JSON.stringify({
        version: 3,
        sources: ['../../node_modules/@acme/forms/dist/validate.js'],
        sourcesContent: [src],
        names: ['validatePassword', 'password', 'options', 'secret', 'token'],
        mappings: `AAAA,SAAS,${t.mixed('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', 200)}`,
        debugId: t.uuid(),
      }),
      'vendor source map without secrets',
    );
  }
  {
    const f = repo.file(`apps/dashboard/dist/assets/Settings-${viteHash()}.js`, 'build-output');
    f.d(
      `!function(){try{var e="undefined"!=typeof window?window:"undefined"!=typeof global?global:{},n=(new e.Error).stack;n&&(e._sentryDebugIds=e._sentryDebugIds||{},e._sentryDebugIds[n]="${t.uuid()}",e._sentryDebugIdIdentifier="sentry-dbid-${t.uuid()}")}catch(e){}}();`,
      'sentry debug id snippet',
    );
    f.d(
      `import{r as a,j as s}from"./vendor-${vendorHash}.js";const o=()=>{const[e,t]=a.useState("");return s.jsx("input",{type:"password",name:"password",autoComplete:"new-password",value:e,onChange:n=>t(n.target.value),placeholder:"New password"})};export{o as default};`,
      'minified password input',
    );
  }
  {
    const f = repo.file(`apps/storefront/.next/static/${nanoidBuild()}/_buildManifest.js`, 'build-output');
    f.d(
      `self.__BUILD_MANIFEST={__rewrites:{afterFiles:[],beforeFiles:[],fallback:[]},"/":["static/chunks/pages/index-${chunkHash()}.js"],"/checkout":["static/chunks/pages/checkout-${chunkHash()}.js"],sortedPages:["/","/_app","/_error","/checkout"]},self.__BUILD_MANIFEST_CB&&self.__BUILD_MANIFEST_CB();`,
      'next build manifest',
    );
  }
  {
    const f = repo.file('apps/dashboard/codegen.yml', 'graphql-codegen');
    f.l('overwrite: true', 'schema:', '  - https://gql.acme-corp.io/v1/graphql:', '      headers:');
    const hs = t.mixed(ALNUM, 32);
    f.s(`        x-hasura-admin-secret: ${hs}`, 'generic', hs);
    f.d('        x-hasura-role: admin', 'role name');
    f.l("documents: 'src/**/*.graphql'", 'generates:', '  src/generated/graphql.ts:', '    plugins: [typescript]');
  }
  {
    const f = repo.file('apps/admin/proxy.conf.json', 'angular-env');
    f.l('{', '  "/api": {', '    "target": "https://staging-api.acme-corp.io",', '    "secure": true,');
    const ap = t.password().replace(/[^A-Za-z0-9]/g, '');
    f.s(`    "auth": "deploy:${ap}",`, 'generic', ap);
    f.l('    "changeOrigin": true', '  }', '}');
  }
  {
    const f = repo.file('apps/dashboard/cypress/support/commands.ts', 'e2e');
    f.l("Cypress.Commands.add('loginAsAdmin', () => {");
    const j = t.jwt();
    f.s(`  window.localStorage.setItem('auth_token', '${j}');`, 'generic', j);
    const ck = t.mixed(URLSAFE, 48);
    f.s(`  cy.setCookie('__Secure-session', '${ck}');`, 'generic', ck);
    f.d("  cy.setCookie('cookie_consent', 'accepted');", 'cookie setting');
    f.l('});');
  }
  {
    const f = repo.file('apps/dashboard/dist/sw-push.js', 'service-worker');
    f.l("self.addEventListener('push', (event) => {");
    const bt = t.mixed(ALNUM, 48);
    f.s(
      `  event.waitUntil(fetch('https://notify.acme-corp.io/v1/ack', { method: 'POST', headers: { Authorization: 'Bearer ${bt}' } }));`,
      'generic',
      bt,
    );
    f.d(`  const tag = 'push-${t.pick(HEX, 12)}';`, 'tag');
    f.l('});');
  }
  return repo;
}
