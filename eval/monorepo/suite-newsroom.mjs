// Digital news publisher monorepo (The Meridian Ledger): WordPress VIP and a headless Next.js
// front end, an Arc XP / Brightspot CMS bridge, a Django paywall and subscriptions service
// (Stripe, Piano, Zuora, Recurly), a Go image-resizing service on GCS and Cloudflare R2/Images,
// an Elixir/Phoenix live-blog service, newsletter tooling (Mailchimp, Sailthru, Braze, SendGrid,
// Mandrill), the ad stack (Google Ad Manager, Prebid, Amazon TAM), analytics (Chartbeat, Parse.ly,
// Segment, Amplitude, GA4 Measurement Protocol), video (JW Player, Brightcove, Vimeo), wire feeds
// (AP, Reuters Connect), social publishing (Facebook, X, LinkedIn), Algolia / Elasticsearch,
// Fastly VCL, GKE with Helm, Terraform (GCP + Fastly), Docker, CircleCI and GitHub Actions, cron
// and shell scripts, CDN and app logs, Slack exports, Google Docs exports and docs.
import { ALNUM, B64, BASE32, DIGIT, HEX, LOWER, UPPER, URLSAFE, Repo, makeTokens, mulberry32 } from './generate.mjs';

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 6151 + 733);
  const t = makeTokens(rand);
  const repo = new Repo();
  const g = gens(t);
  wordpress(repo, t, g);
  frontend(repo, t, g);
  cmsBridge(repo, t, g);
  paywall(repo, t, g);
  imagine(repo, t, g);
  liveblog(repo, t, g);
  newsletters(repo, t, g);
  ads(repo, t, g);
  analytics(repo, t, g);
  video(repo, t, g);
  wires(repo, t, g);
  social(repo, t, g);
  search(repo, t, g);
  fastly(repo, t, g);
  kubernetes(repo, t, g);
  terraform(repo, t, g);
  docker(repo, t, g);
  ci(repo, t, g);
  cron(repo, t, g);
  logs(repo, t, g);
  slackExports(repo, t, g);
  gdocs(repo, t, g);
  notebooks(repo, t, g);
  docs(repo, t, g);
  keys(repo, t, g);
  noise(repo, t, g);
  return repo;
}

function gens(t) {
  const b64 = (n) => t.mixed(B64, n);
  const enc = (s) => Buffer.from(s).toString('base64');
  const b64url = (s) => Buffer.from(s).toString('base64url');
  const WORDS = [
    'Byline',
    'Deadline',
    'Masthead',
    'Dateline',
    'Kicker',
    'Sidebar',
    'Broadsheet',
    'Scoop',
    'Gazette',
    'Newsdesk',
  ];
  const word = () => WORDS[Number(t.pick(DIGIT, 1))];
  // What editors and ops people pick for shared accounts.
  const human = () => {
    const sym = t.pick('!@*.', 1);
    switch (t.pick('0123', 1)) {
      case '0':
        return `${word()}${t.pick(DIGIT, 4)}${sym}`;
      case '1':
        return `Ledger${sym}${word()}${t.pick(DIGIT, 2)}`;
      case '2':
        return `${word().toLowerCase()}${sym}${word()}${t.pick(DIGIT, 3)}`;
      default:
        return `Meridian${t.pick(DIGIT, 2)}${word()}${sym}`;
    }
  };
  // Password-manager output, safe inside quotes, YAML, XML and connection strings.
  const gen = (n = 22) => `${t.pick(UPPER + LOWER, 1)}${t.mixed(ALNUM + '!%*-_.+=', n - 1)}`;
  const plain = (n = 20) => t.alnum(n);
  const esKey = () => {
    const id = t.mixed(URLSAFE, 20);
    const key = t.mixed(URLSAFE, 22);
    return { id, key, encoded: enc(`${id}:${key}`) };
  };
  return {
    b64,
    enc,
    b64url,
    human,
    gen,
    plain,
    esKey,
    wpSalt: () => t.mixed(ALNUM + '!@#%^&*()-_[]{}<>~+=,.;:/?|', 64),
    wpAppPassword: () => Array.from({ length: 6 }, () => t.pick(ALNUM, 4)).join(' '),
    djangoKey: () => t.mixed(LOWER + DIGIT + '!@#%^&*(-_=+)', 50),
    // Stripe
    stripeRestricted: () => `rk_live_51${t.mixed(ALNUM, 97)}`,
    stripeWhsec: () => `whsec_${t.alnum(32)}`,
    stripePk: () => `pk_live_51${t.mixed(ALNUM, 97)}`,
    // Piano, Zuora, Recurly
    pianoToken: () => t.alnum(40),
    pianoAid: () => t.alnum(10),
    zuoraSecret: () => t.alnum(40),
    recurlyKey: () => t.hex(32),
    recurlyPublic: () => `ewr1-${t.alnum(22)}`,
    // Arc XP and Brightspot
    arcToken: () => t.alnum(64),
    brightspotSecret: () => t.alnum(40),
    // Cloudflare and GCS
    r2Id: () => t.hex(32),
    r2Secret: () => t.hex(64),
    cfGlobal: () => t.hex(37),
    gcsHmacId: () => `GOOG1E${t.mixed(UPPER + DIGIT, 55)}`,
    gcsHmacSecret: () => t.mixed(B64, 40),
    signKey: () => t.hex(128),
    // Elixir / Phoenix
    secretKeyBase: () => t.mixed(ALNUM + '+/', 64),
    cookie: () => t.mixed(BASE32, 56),
    // newsletters
    mailchimp: () => `${t.hex(32)}-us${t.pick('123456789', 1)}${t.pick(DIGIT, 1)}`,
    mandrill: () => `md-${t.mixed(URLSAFE, 22)}`,
    sailthru: () => t.hex(32),
    braze: () => t.uuid(),
    // analytics
    chartbeat: () => t.hex(32),
    parselySecret: () => t.alnum(43),
    segmentWrite: () => t.alnum(32),
    amplitude: () => t.hex(32),
    ga4Secret: () => t.mixed(URLSAFE, 22),
    gaId: () => `G-${t.mixed(UPPER + DIGIT, 10)}`,
    // video
    jwKey: () => t.alnum(8),
    jwSecret: () => t.alnum(24),
    jwV2: () => t.alnum(48),
    bcSecret: () => t.mixed(URLSAFE, 86),
    bcPolicy: () => `BCpk${t.mixed(URLSAFE, 150)}`,
    vimeo: () => t.hex(32),
    // wires
    ap: () => t.alnum(32),
    reutersSecret: () => t.alnum(64),
    // social
    fbToken: () => `EAAG${t.alnum(180)}`,
    fbSecret: () => t.hex(32),
    twBearer: () => `${'A'.repeat(21)}${t.alnum(4)}${'A'.repeat(7)}${t.alnum(8)}%2B${t.alnum(20)}%3D${t.alnum(50)}`,
    twConsumerKey: () => t.alnum(25),
    twConsumerSecret: () => t.alnum(50),
    twAccess: () => `${t.digits(19)}-${t.alnum(30)}`,
    twAccessSecret: () => t.alnum(45),
    liSecret: () => t.alnum(16),
    liToken: () => `AQV${t.mixed(URLSAFE, 340)}`,
    // search and CDN
    algoliaApp: () => t.mixed(UPPER + DIGIT, 10),
    algoliaKey: () => t.hex(32),
    fastly: () => t.mixed(URLSAFE, 32),
    fastlyService: () => t.alnum(22),
    // CI and registries
    circle: () => `CCIPAT_${t.alnum(22)}_${t.hex(40)}`,
    dockerPat: () => `dckr_pat_${t.mixed(URLSAFE, 27)}`,
    ghFine: () => `github_pat_11${t.mixed(UPPER + DIGIT, 20)}_${t.mixed(ALNUM, 59)}`,
    xoxp: () => `xoxp-${t.digits(11)}-${t.digits(12)}-${t.digits(13)}-${t.hex(32)}`,
    // Google OAuth (installed-app flow)
    gOauthSecret: () => `GOCSPX-${t.mixed(URLSAFE, 28)}`,
    gRefresh: () => `1//0${t.pick('cdefg', 1)}${t.mixed(URLSAFE, 99)}`,
    gClientId: () => `${t.digits(12)}-${t.lower(32)}.apps.googleusercontent.com`,
    k8sToken: () =>
      [
        b64url(JSON.stringify({ alg: 'RS256', kid: t.mixed(URLSAFE, 43) })),
        b64url(
          JSON.stringify({
            iss: 'kubernetes/serviceaccount',
            'kubernetes.io/serviceaccount/namespace': 'ci',
            'kubernetes.io/serviceaccount/secret.name': 'ci-deployer-token',
            'kubernetes.io/serviceaccount/service-account.name': 'ci-deployer',
            sub: 'system:serviceaccount:ci:ci-deployer',
          }),
        ),
        t.mixed(URLSAFE, 342),
      ].join('.'),
    cert: () => `MIIDdzCCAl+gAwIBAgIU${b64(900)}`,
  };
}

// A GCP service-account key file; the private key is the leak, the key id is not.
function serviceAccount(f, t, proj, name) {
  const p8 = t.pkcs8Pem();
  f.l('{', '  "type": "service_account",', `  "project_id": "${proj}",`);
  f.l(`  "private_key_id": "${t.sha1()}",`);
  f.s(`  "private_key": ${JSON.stringify(p8.join('\n') + '\n')},`, 'gcp', p8.join('\n'));
  f.l(
    `  "client_email": "${name}@${proj}.iam.gserviceaccount.com",`,
    `  "client_id": "${t.digits(21)}",`,
    '  "auth_uri": "https://accounts.google.com/o/oauth2/auth",',
    '  "token_uri": "https://oauth2.googleapis.com/token",',
    `  "client_x509_cert_url": "https://www.googleapis.com/robot/v1/metadata/x509/${name}%40${proj}.iam.gserviceaccount.com"`,
    '}',
  );
}

// ---- WordPress VIP and the legacy archive site ---------------------------------------------

function wordpress(repo, t, g) {
  const v = repo.file('wordpress/vip-config/vip-config.php', 'php');
  const algAdmin = g.algoliaKey();
  const piano = g.pianoToken();
  const cb = g.chartbeat();
  const ps = g.parselySecret();
  const preview = g.plain(32);
  v.l(
    '<?php',
    '/**',
    ' * The Meridian Ledger - VIP config, loaded on every request before wp-config.php.',
    ' * Secrets belong in VIP environment variables (vip config envvar set); see docs/runbooks/vip.md',
    ' */',
    '',
    "if ( defined( 'VIP_GO_APP_ENVIRONMENT' ) && 'production' === VIP_GO_APP_ENVIRONMENT ) {",
  );
  v.d(`\tdefine( 'MERIDIAN_ALGOLIA_APP_ID', '${g.algoliaApp()}' );`, 'algolia application id (public)');
  v.d(
    `\tdefine( 'MERIDIAN_ALGOLIA_SEARCH_KEY', '${g.algoliaKey()}' );`,
    'algolia search-only key (public, sent to browsers)',
  );
  v.s(`\tdefine( 'MERIDIAN_ALGOLIA_ADMIN_KEY', '${algAdmin}' );`, 'algolia', algAdmin);
  v.l(`\tdefine( 'MERIDIAN_PIANO_AID', '${g.pianoAid()}' );`);
  v.s(`\tdefine( 'MERIDIAN_PIANO_API_TOKEN', '${piano}' );`, 'piano', piano);
  v.s(`\tdefine( 'MERIDIAN_CHARTBEAT_API_KEY', '${cb}' );`, 'chartbeat', cb);
  v.d("\tdefine( 'PARSELY_API_KEY', 'meridianledger.com' );", 'parse.ly api key is the public site id');
  v.s(`\tdefine( 'PARSELY_API_SECRET', '${ps}' );`, 'parsely', ps);
  v.d("\tdefine( 'MERIDIAN_ARC_TOKEN', vip_get_env_var( 'MERIDIAN_ARC_TOKEN', '' ) );", 'vip env var lookup');
  v.s(`\tdefine( 'MERIDIAN_PREVIEW_SECRET', '${preview}' );`, 'generic', preview);
  v.l('}', '', "define( 'VIP_JETPACK_IS_PRIVATE', false );");

  const w = repo.file('legacy/archive-wp/wp-config.php', 'php');
  const db = g.gen(20);
  const ak = t.awsId();
  const as = t.awsSecret();
  const redis = g.plain(24);
  w.l(
    '<?php',
    '/** archive.meridianledger.com - self-hosted WordPress 5.9 on the old GCE VM (pre-2019 stories) */',
    "define( 'DB_NAME', 'wp_archive' );",
    "define( 'DB_USER', 'wp_archive' );",
  );
  w.s(`define( 'DB_PASSWORD', '${db}' );`, 'generic', db);
  w.l("define( 'DB_HOST', 'archive-db.internal:3306' );", '');
  for (const k of ['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY']) {
    const salt = g.wpSalt();
    w.s(`define( '${k}',${' '.repeat(17 - k.length)}'${salt}' );`, 'generic', salt);
  }
  w.l('', '// WP Offload Media - the pre-2019 uploads still live in the old S3 bucket');
  w.l("define( 'AS3CF_SETTINGS', serialize( array(", "\t'provider' => 'aws',");
  w.s(`\t'access-key-id' => '${ak}',`, 'aws', ak);
  w.s(`\t'secret-access-key' => '${as}',`, 'aws', as);
  w.l("\t'bucket' => 'meridian-archive-uploads',", ') ) );', '');
  w.l("define( 'WP_REDIS_HOST', '10.40.2.15' );");
  w.s(`define( 'WP_REDIS_PASSWORD', '${redis}' );`, 'generic', redis);
  w.l("define( 'WP_CACHE_KEY_SALT', 'archive.meridianledger.com:' );");
  w.l("$table_prefix = 'wp_';", "require_once ABSPATH . 'wp-settings.php';");

  const p = repo.file('wordpress/themes/meridian/inc/class-piano-client.php', 'php');
  const pt = g.pianoToken();
  p.l(
    '<?php',
    'namespace Meridian\\Paywall;',
    '',
    'class Piano_Client {',
    "\tconst ENDPOINT = 'https://api.piano.io/api/v3';",
  );
  p.d(`\tprivate $aid = '${g.pianoAid()}';`, 'piano application id (public, in the tinypass script)');
  p.s(`\tprivate $api_token = '${pt}';`, 'piano', pt);
  p.l(
    '',
    '\tpublic function access_list( $uid ) {',
    "\t\t$url = add_query_arg( array( 'aid' => $this->aid, 'api_token' => $this->api_token, 'uid' => $uid ), self::ENDPOINT . '/access/list' );",
    "\t\treturn wp_remote_get( $url, array( 'timeout' => 3 ) );",
    '\t}',
    '}',
  );

  const n = repo.file('wordpress/plugins/meridian-newsletter-signup/signup.php', 'php');
  const mc = g.mailchimp();
  n.l(
    '<?php',
    '/* Plugin Name: Meridian newsletter signup */',
    '',
    'function meridian_mc_subscribe( $email, $list ) {',
  );
  n.s(`\t$key = defined( 'MERIDIAN_MC_KEY' ) ? MERIDIAN_MC_KEY : '${mc}';`, 'mailchimp', mc);
  n.l(
    "\t$dc  = substr( $key, strpos( $key, '-' ) + 1 );",
    '\treturn wp_remote_post( "https://{$dc}.api.mailchimp.com/3.0/lists/{$list}/members", array(',
    "\t\t'headers' => array( 'Authorization' => 'Basic ' . base64_encode( 'meridian:' . $key ) ),",
    "\t\t'body'    => wp_json_encode( array( 'email_address' => $email, 'status' => 'pending' ) ),",
    '\t) );',
    '}',
  );
  n.l(`define( 'MERIDIAN_MC_DAILY_LIST', '${t.hex(10)}' );`);

  const b = repo.file('wordpress/bin/sync-authors.sh', 'shell');
  const app = g.wpAppPassword();
  b.l('#!/usr/bin/env bash', '# pulls author profiles from VIP into the Arc XP author service', 'set -euo pipefail');
  b.s(
    `curl -sf -u "desk-bot:${app}" "https://meridianledger.com/wp-json/wp/v2/users?per_page=100&context=edit" > /tmp/authors.json`,
    'generic',
    app,
  );
  b.l('# new app passwords: wp user application-password create desk-bot "author-sync" --porcelain');
  b.l('node services/cms-bridge/dist/authors.js /tmp/authors.json');
}

// ---- Next.js front end -----------------------------------------------------------------------

function frontend(repo, t, g) {
  const e = repo.file('apps/web/.env.production', 'env');
  const arc = g.arcToken();
  const reval = g.plain(32);
  const bs = g.brightspotSecret();
  const ga = g.ga4Secret();
  e.l(
    '# baked into the GKE image at build time; server-only values come from Secret Manager',
    '# TODO(WEB-1290): remove the leftovers below',
    'NEXT_PUBLIC_SITE_URL=https://www.meridianledger.com',
  );
  e.l(`NEXT_PUBLIC_GA_MEASUREMENT_ID=${g.gaId()}`);
  e.d(`NEXT_PUBLIC_ALGOLIA_SEARCH_KEY=${g.algoliaKey()}`, 'algolia search-only key (public)');
  e.l(`NEXT_PUBLIC_PIANO_AID=${g.pianoAid()}`);
  e.d(`NEXT_PUBLIC_AMPLITUDE_API_KEY=${g.amplitude()}`, 'amplitude project api key (public, browser sdk)');
  e.s(`ARC_ACCESS_TOKEN=${arc}`, 'arcxp', arc);
  e.s(`REVALIDATE_SECRET=${reval}`, 'generic', reval);
  e.s(`BRIGHTSPOT_CLIENT_SECRET=${bs}`, 'brightspot', bs);
  e.s(`GA4_API_SECRET=${ga}`, 'ga4', ga);
  e.d(
    `SENTRY_DSN=https://${t.hex(32)}@o${t.digits(6)}.ingest.sentry.io/${t.digits(7)}`,
    'sentry dsn (public ingest key)',
  );

  const nc = repo.file('apps/web/next.config.js', 'js');
  const arc2 = g.arcToken();
  nc.l(
    "/** @type {import('next').NextConfig} */",
    'module.exports = {',
    "  output: 'standalone',",
    "  images: { remotePatterns: [{ protocol: 'https', hostname: 'img.meridianledger.com' }] },",
    '  serverRuntimeConfig: {',
  );
  nc.s(`    arcToken: process.env.ARC_ACCESS_TOKEN || '${arc2}',`, 'arcxp', arc2);
  nc.l('    previewSecret: process.env.PREVIEW_SECRET,');
  nc.l('  },', '};');

  const rv = repo.file('apps/web/src/app/api/revalidate/route.ts', 'js');
  const rs = g.plain(32);
  rv.l("import { revalidateTag } from 'next/cache';", "import { NextRequest, NextResponse } from 'next/server';", '');
  rv.s(`const SECRET = process.env.REVALIDATE_SECRET ?? '${rs}';`, 'generic', rs);
  rv.l(
    '',
    'export async function POST(req: NextRequest) {',
    "  if (req.headers.get('x-revalidate-secret') !== SECRET) {",
    '    return NextResponse.json({ ok: false }, { status: 401 });',
    '  }',
    '  const { tag } = await req.json();',
    '  revalidateTag(tag);',
    '  return NextResponse.json({ ok: true, tag });',
    '}',
  );

  const ga4 = repo.file('apps/web/src/lib/ga4.ts', 'js');
  const mp = g.ga4Secret();
  ga4.l(`const MEASUREMENT_ID = '${g.gaId()}';`);
  ga4.s(`const API_SECRET = '${mp}';`, 'ga4', mp);
  ga4.l(
    '',
    'export async function trackServerEvent(clientId: string, name: string, params: Record<string, unknown>) {',
    '  await fetch(`https://www.google-analytics.com/mp/collect?measurement_id=${MEASUREMENT_ID}&api_secret=${API_SECRET}`, {',
    "    method: 'POST',",
    '    body: JSON.stringify({ client_id: clientId, events: [{ name, params }] }),',
    '  });',
    '}',
  );

  const a = repo.file('apps/web/src/lib/arc.ts', 'js');
  const arc3 = g.arcToken();
  a.l("import 'server-only';", '', "const ARC_HOST = 'https://api.meridianledger.arcpublishing.com';");
  a.s(`const headers = { Authorization: 'Bearer ${arc3}' };`, 'arcxp', arc3);
  a.l(
    '',
    'export async function getStory(id: string) {',
    '  const res = await fetch(`${ARC_HOST}/content/v4/stories?_id=${id}&website=meridian`, { headers, next: { revalidate: 60 } });',
    '  return res.json();',
    '}',
  );

  const d = repo.file('apps/web/src/app/layout.tsx', 'js');
  d.l("import Script from 'next/script';", '', 'export default function RootLayout({ children }) {', '  return (');
  d.l('    <html lang="en">', '      <body>{children}</body>');
  d.d(
    `      <Script src="https://static.chartbeat.com/js/chartbeat.js" integrity="sha384-${g.b64(64)}" crossOrigin="anonymous" />`,
    'subresource integrity hash',
  );
  d.d(
    `      <Script id="cb">{\`window._sf_async_config = { uid: ${t.digits(5)}, domain: 'meridianledger.com' };\`}</Script>`,
    'chartbeat account uid (public)',
  );
  d.l('    </html>', '  );', '}');
}

// ---- CMS bridge (Arc XP <-> Brightspot <-> WordPress) ---------------------------------------

function cmsBridge(repo, t, g) {
  const c = repo.file('services/cms-bridge/config/production.json', 'json');
  const arc = g.arcToken();
  const bs = g.brightspotSecret();
  const app = g.wpAppPassword();
  const sig = g.gen(40);
  const rp = g.plain(24);
  c.l('{', '  "arc": {', '    "host": "https://api.meridianledger.arcpublishing.com",');
  c.s(`    "accessToken": "${arc}",`, 'arcxp', arc);
  c.l('    "website": "meridian"', '  },', '  "brightspot": {');
  c.l('    "endpoint": "https://cms.meridianledger.com/graphql/management/stories",');
  c.d(`    "clientId": "${t.uuid()}",`, 'brightspot api client id (the secret is on the next line)');
  c.s(`    "clientSecret": "${bs}"`, 'brightspot', bs);
  c.l('  },', '  "wordpress": {', '    "baseUrl": "https://meridianledger.com/wp-json",', '    "user": "cms-bridge",');
  c.s(`    "applicationPassword": "${app}"`, 'generic', app);
  c.l('  },', '  "webhooks": {');
  c.s(`    "arcSigningSecret": "${sig}"`, 'generic', sig);
  c.l('  },');
  c.s(`  "redisUrl": "redis://:${rp}@10.40.2.15:6379/3"`, 'database', rp);
  c.l('}');

  const b = repo.file('services/cms-bridge/src/brightspot/client.ts', 'js');
  const bs2 = g.brightspotSecret();
  b.l(
    "import { GraphQLClient } from 'graphql-request';",
    '',
    "export const brightspot = new GraphQLClient('https://cms.meridianledger.com/graphql/management/stories', {",
    '  headers: {',
  );
  b.l(`    'X-Client-Id': '${t.uuid()}',`);
  b.s(`    'X-Client-Secret': '${bs2}',`, 'brightspot', bs2);
  b.l('  },', '});');

  const w = repo.file('services/cms-bridge/src/arc/ans-webhook.ts', 'js');
  w.l("import { createHmac, timingSafeEqual } from 'node:crypto';", '');
  w.d('const secret = process.env.ARC_WEBHOOK_SECRET;', 'process.env');
  w.l('export function verify(body: string, signature: string) {');
  w.l("  const expected = createHmac('sha256', secret!).update(body).digest('hex');");
  w.l('  return timingSafeEqual(Buffer.from(expected), Buffer.from(signature));', '}');

  const fx = repo.file('services/cms-bridge/test/fixtures/arc-story.json', 'json');
  fx.l('{');
  fx.l(`  "_id": "${t.mixed(UPPER + DIGIT, 26)}",`);
  fx.l(
    '  "type": "story",',
    '  "headlines": { "basic": "Council approves transit levy" },',
    '  "canonical_website": "meridian"',
    '}',
  );
}

// ---- Paywall and subscriptions (Django) ------------------------------------------------------

function paywall(repo, t, g) {
  const p = repo.file('services/paywall/paywall/settings/production.py', 'python');
  const dj = g.djangoKey();
  const dbpw = g.gen(24);
  const redis = g.plain(24);
  const sk = t.stripeLiveLong();
  const wh = g.stripeWhsec();
  const piano = g.pianoToken();
  const pianoPriv = g.pianoToken();
  const zs = g.zuoraSecret();
  const rk = g.recurlyKey();
  const sg = t.sendgrid();
  p.l(
    'from .base import *  # noqa',
    '',
    'DEBUG = False',
    'ALLOWED_HOSTS = ["subscribe.meridianledger.com", "paywall.internal"]',
  );
  p.s(`SECRET_KEY = "${dj}"`, 'generic', dj);
  p.l(
    'DATABASES = {',
    '    "default": {',
    '        "ENGINE": "django.db.backends.postgresql",',
    '        "NAME": "paywall",',
    '        "USER": "paywall_app",',
  );
  p.s(`        "PASSWORD": "${dbpw}",`, 'generic', dbpw);
  p.l('        "HOST": "10.40.0.3",', '        "PORT": "5432",', '    }', '}');
  p.s(`CELERY_BROKER_URL = "redis://:${redis}@10.40.2.15:6379/0"`, 'database', redis);
  p.l('', '# Stripe: digital + print bundles');
  p.d(`STRIPE_PUBLISHABLE_KEY = "${g.stripePk()}"`, 'stripe publishable key (public by design)');
  p.s(`STRIPE_SECRET_KEY = "${sk}"`, 'stripe', sk);
  p.s(`STRIPE_WEBHOOK_SECRET = "${wh}"`, 'stripe', wh);
  p.l('', '# Piano: metering, Piano ID and webhooks');
  p.l(`PIANO_AID = "${g.pianoAid()}"`);
  p.s(`PIANO_API_TOKEN = "${piano}"`, 'piano', piano);
  p.s(`PIANO_PRIVATE_KEY = "${pianoPriv}"  # decrypts webhook payloads`, 'piano', pianoPriv);
  p.l('', '# Zuora: print subscriptions', 'ZUORA_BASE_URL = "https://rest.zuora.com"');
  p.d(`ZUORA_CLIENT_ID = "${t.uuid()}"`, 'zuora oauth client id (the secret is on the next line)');
  p.s(`ZUORA_CLIENT_SECRET = "${zs}"`, 'zuora', zs);
  p.l('', '# Recurly: legacy podcast memberships');
  p.d(`RECURLY_PUBLIC_KEY = "${g.recurlyPublic()}"`, 'recurly.js public key');
  p.s(`RECURLY_API_KEY = "${rk}"`, 'recurly', rk);
  p.l('', 'EMAIL_HOST = "smtp.sendgrid.net"', 'EMAIL_PORT = 587', 'EMAIL_HOST_USER = "apikey"');
  p.s(`EMAIL_HOST_PASSWORD = "${sg}"`, 'sendgrid', sg);

  const b = repo.file('services/paywall/paywall/settings/base.py', 'python');
  b.l('import os', '', 'import environ', '', 'env = environ.Env()', '');
  b.l('SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY")');
  b.l('STRIPE_SECRET_KEY = env("STRIPE_SECRET_KEY", default="")');
  b.l('AUTH_PASSWORD_VALIDATORS = [{"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"}]');

  const s = repo.file('services/paywall/billing/stripe_client.py', 'python');
  const rkl = g.stripeRestricted();
  s.l(
    'import stripe',
    '',
    '# restricted key: read charges, write customers - created for the churn-rescue job (PAY-412)',
  );
  s.s(`stripe.api_key = "${rkl}"`, 'stripe', rkl);
  s.l(
    'stripe.api_version = "2024-06-20"',
    '',
    '',
    'def retention_coupon(customer_id):',
    '    return stripe.Customer.modify(customer_id, coupon="STAY50")',
  );

  const z = repo.file('services/paywall/billing/zuora_client.py', 'python');
  const zs2 = g.zuoraSecret();
  z.l(
    'import requests',
    '',
    '',
    'def get_token():',
    '    resp = requests.post(',
    '        "https://rest.zuora.com/oauth/token",',
    '        data={',
    '            "grant_type": "client_credentials",',
  );
  z.l(`            "client_id": "${t.uuid()}",`);
  z.s(`            "client_secret": "${zs2}",`, 'zuora', zs2);
  z.l(
    '        },',
    '        timeout=10,',
    '    )',
    '    resp.raise_for_status()',
    '    return resp.json()["access_token"]',
  );

  const r = repo.file('services/paywall/billing/recurly_sync.py', 'python');
  const rk2 = g.recurlyKey();
  r.l('import recurly', '');
  r.s(`client = recurly.Client("${rk2}")`, 'recurly', rk2);
  r.l(
    '',
    '',
    'def active_podcast_members():',
    '    return client.list_subscriptions(params={"state": "active", "limit": 200}).items()',
  );

  const bp = repo.file('services/paywall/billing/management/commands/backfill_piano.py', 'python');
  const pt = g.pianoToken();
  bp.l('import os', '', 'from billing.piano import PianoClient', '');
  bp.s(
    `PIANO = PianoClient(aid="${g.pianoAid()}", api_token="${pt}")  # sandbox is useless for this, prod only`,
    'piano',
    pt,
  );
  bp.l('STAGING = PianoClient(aid=os.environ["PIANO_AID"], api_token=os.environ["PIANO_API_TOKEN"])');

  const fx = repo.file('services/paywall/tests/fixtures/stripe_webhook.json', 'json');
  fx.l('{', '  "_comment": "fixture for test_webhooks.py; the signing secret below is fake",');
  fx.d('  "signing_secret": "whsec_test_fixture_not_a_real_secret",', 'test fixture, marked fake');
  fx.l(`  "id": "evt_1${t.alnum(24)}",`);
  fx.l(`  "customer": "cus_${t.alnum(14)}",`);
  fx.l('  "type": "customer.subscription.updated"', '}');

  const ev = repo.file('services/paywall/.env', 'env');
  const st = t.stripeTest();
  const dpw = g.plain(22);
  const sp = g.pianoToken();
  ev.l('# staging values for local runs against the shared staging stack');
  ev.s(`STRIPE_SECRET_KEY=${st}`, 'stripe', st, 'warning');
  ev.s(`DATABASE_URL=postgres://paywall:${dpw}@paywall-db.staging.internal:5432/paywall`, 'database', dpw);
  ev.s(`PIANO_API_TOKEN=${sp}`, 'piano', sp);
  ev.l('RECURLY_API_KEY=');

  const m = repo.file('services/paywall/db/sql/0042_reporting_role.sql', 'sql');
  const rp = g.gen(20);
  m.l('-- read-only role for the circulation dashboards (Looker)');
  m.s(`CREATE ROLE paywall_reporting LOGIN PASSWORD '${rp}';`, 'generic', rp);
  m.l(
    'GRANT USAGE ON SCHEMA billing TO paywall_reporting;',
    'GRANT SELECT ON ALL TABLES IN SCHEMA billing TO paywall_reporting;',
  );
  m.l("ALTER ROLE paywall_looker PASSWORD :'looker_password';");
}

// ---- Image service (Go) ----------------------------------------------------------------------

function imagine(repo, t, g) {
  const c = repo.file('services/imagine/internal/config/config.go', 'go');
  const acct = t.hex(32);
  const r2s = g.r2Secret();
  const key = g.signKey();
  const salt = g.signKey();
  c.l(
    'package config',
    '',
    'import "os"',
    '',
    '// Defaults for when the env is empty. TODO(IMG-88): drop these once Secret Manager is wired in.',
    'const (',
  );
  c.d(`\tdefaultR2AccountID = "${acct}"`, 'cloudflare account id (identifier)');
  c.l(`\tdefaultR2AccessKeyID = "${g.r2Id()}"`);
  c.s(`\tdefaultR2SecretAccessKey = "${r2s}"`, 'cloudflare', r2s);
  c.s(`\tdefaultSigningKey = "${key}"`, 'generic', key);
  c.s(`\tdefaultSigningSalt = "${salt}"`, 'generic', salt);
  c.l(
    ')',
    '',
    'type Config struct {',
    '\tBucket, R2Endpoint, R2AccessKeyID, R2Secret, SigningKey, SigningSalt string',
    '}',
    '',
    'func getenv(k, def string) string {',
    '\tif v := os.Getenv(k); v != "" {',
    '\t\treturn v',
    '\t}',
    '\treturn def',
    '}',
    '',
    'func Load() Config {',
    '\treturn Config{',
    '\t\tBucket:     getenv("IMAGINE_BUCKET", "meridian-images-prod"),',
    '\t\tR2Endpoint: "https://" + defaultR2AccountID + ".r2.cloudflarestorage.com",',
  );
  c.l('\t\tR2Secret:   getenv("R2_SECRET_ACCESS_KEY", defaultR2SecretAccessKey),');
  c.l('\t}', '}');

  const h = repo.file('services/imagine/internal/storage/gcs_interop.go', 'go');
  const hid = g.gcsHmacId();
  const hs = g.gcsHmacSecret();
  h.l(
    'package storage',
    '',
    'import (',
    '\t"github.com/minio/minio-go/v7"',
    '\t"github.com/minio/minio-go/v7/pkg/credentials"',
    ')',
    '',
    '// NewGCSInterop talks to GCS through the S3-compatible XML API with an HMAC key.',
    'func NewGCSInterop() (*minio.Client, error) {',
    '\treturn minio.New("storage.googleapis.com", &minio.Options{',
  );
  h.s(`\t\tCreds:  credentials.NewStaticV4("${hid}", "${hs}", ""),`, 'gcp', hs);
  h.l('\t\tSecure: true,', '\t})', '}');

  const cf = repo.file('services/imagine/internal/cfimages/client.go', 'go');
  const tok = t.cloudflare();
  const glob = g.cfGlobal();
  cf.l('package cfimages', '', 'import "net/http"', '', 'const (');
  cf.d(`\taccountHash = "${t.mixed(URLSAFE, 22)}"`, 'cloudflare images account hash (public, in every delivery url)');
  cf.s(`\tapiToken    = "${tok}"`, 'cloudflare', tok);
  cf.l(
    ')',
    '',
    'func authorize(req *http.Request) {',
    '\treq.Header.Set("Authorization", "Bearer "+apiToken)',
    '}',
    '',
  );
  cf.l('// legacy zone purge still uses the global key (IMG-41)', 'func legacyAuth(req *http.Request) {');
  cf.l('\treq.Header.Set("X-Auth-Email", "platform@meridianledger.com")');
  cf.s(`\treq.Header.Set("X-Auth-Key", "${glob}")`, 'cloudflare', glob);
  cf.l('}');

  const y = repo.file('services/imagine/config/imagine.yaml', 'yaml');
  const ys = g.r2Secret();
  const yk = g.signKey();
  y.l('listen: ":8080"', 'sources:', '  gcs:', '    bucket: meridian-images-prod');
  y.l('    credentials_file: /var/run/secrets/gcp/key.json');
  y.l('  r2:', `    endpoint: https://${acct}.r2.cloudflarestorage.com`, `    access_key_id: ${g.r2Id()}`);
  y.s(`    secret_access_key: ${ys}`, 'cloudflare', ys);
  y.l('signing:');
  y.s(`  key: ${yk}`, 'generic', yk);
  y.l('presets:', '  card: { width: 600, height: 338, fit: cover }', '  hero: { width: 1600, fit: inside }');

  const v = repo.file('services/imagine/internal/crop/vision.go', 'go');
  const gk = t.gcpApiKey();
  v.l(
    'package crop',
    '',
    'import (',
    '\t"context"',
    '\t"os"',
    '',
    '\tvision "cloud.google.com/go/vision/v2/apiv1"',
    '\t"google.golang.org/api/option"',
    ')',
    '',
    'func newClients(ctx context.Context) {',
  );
  v.l('\tstore, _ := storage.NewClient(ctx, option.WithCredentialsFile(os.Getenv("GOOGLE_APPLICATION_CREDENTIALS")))');
  v.s(`\tfaces, _ := vision.NewImageAnnotatorClient(ctx, option.WithAPIKey("${gk}"))`, 'gcp', gk);
  v.l('\t_, _ = store, faces', '}');

  const ts = repo.file('services/imagine/internal/sign/sign_test.go', 'go');
  ts.l('package sign', '', 'import (', '\t"strings"', '\t"testing"', ')', '');
  ts.d('var testKey = strings.Repeat("ab", 64) // deterministic key for the unit tests only', 'repeated test key');
  ts.l(
    '',
    'func TestSign(t *testing.T) {',
    '\tif Sign(testKey, "/rs:fit:300:0/plain/a.jpg") == "" {',
    '\t\tt.Fatal("empty")',
    '\t}',
    '}',
  );
}

// ---- Live blog (Elixir / Phoenix) ------------------------------------------------------------

function liveblog(repo, t, g) {
  const c = repo.file('services/liveblog/config/config.exs', 'elixir');
  c.l(
    'import Config',
    '',
    'config :liveblog, LiveblogWeb.Endpoint,',
    '  url: [host: "localhost"],',
    '  render_errors: [formats: [html: LiveblogWeb.ErrorHTML, json: LiveblogWeb.ErrorJSON], layout: false],',
    '  pubsub_server: Liveblog.PubSub,',
  );
  c.d(
    `  live_view: [signing_salt: "${t.alnum(8)}"]`,
    'live view signing salt (committed by the phoenix generator; secret_key_base is the secret)',
  );
  c.l('', 'import_config "#{config_env()}.exs"');

  const s = repo.file('services/liveblog/config/prod.secret.exs', 'elixir');
  const skb = g.secretKeyBase();
  const dbp = g.plain(24);
  const gk = g.secretKeyBase();
  const hook = t.slackWebhook();
  s.l(
    'import Config',
    '',
    '# TODO(LIVE-77): migrate to runtime.exs + Secret Manager',
    'config :liveblog, LiveblogWeb.Endpoint,',
  );
  s.s(`  secret_key_base: "${skb}"`, 'generic', skb);
  s.l('', 'config :liveblog, Liveblog.Repo,');
  s.s(`  url: "ecto://liveblog:${dbp}@10.40.0.9/liveblog_prod",`, 'database', dbp);
  s.l('  pool_size: 20', '', 'config :liveblog, Liveblog.Guardian,', '  issuer: "liveblog",');
  s.s(`  secret_key: "${gk}"`, 'generic', gk);
  s.l('', 'config :liveblog, :desk_alerts,');
  s.s(`  slack_webhook: "${hook}"`, 'slack', hook);

  const r = repo.file('services/liveblog/config/runtime.exs', 'elixir');
  const ap = g.ap();
  r.l('import Config', '', 'if config_env() == :prod do');
  r.l('  secret_key_base = System.fetch_env!("SECRET_KEY_BASE")');
  r.l('  database_url = System.get_env("DATABASE_URL") || raise "DATABASE_URL is missing"', '');
  r.l('  config :liveblog, Liveblog.Wires.AP,');
  r.s(`    api_key: System.get_env("AP_API_KEY", "${ap}"),`, 'ap', ap);
  r.l('    products: [31_989, 42_430]', 'end');

  const x = repo.file('services/liveblog/lib/liveblog/embeds/x_post.ex', 'elixir');
  const bearer = g.twBearer();
  x.l(
    'defmodule Liveblog.Embeds.XPost do',
    '  @moduledoc "Resolves X posts for the live blog when oEmbed is rate limited."',
    '',
  );
  x.s(`  @bearer "${bearer}"`, 'twitter', bearer);
  x.l(
    '',
    '  def fetch(id) do',
    '    Req.get!("https://api.twitter.com/2/tweets/#{id}?expansions=attachments.media_keys", auth: {:bearer, @bearer})',
    '  end',
    'end',
  );

  const e = repo.file('services/liveblog/rel/env.sh.eex', 'shell');
  const ck = g.cookie();
  e.l('#!/bin/sh', '# sourced by the release start script');
  e.s(`export RELEASE_COOKIE="${ck}"`, 'generic', ck);
  e.l('export RELEASE_DISTRIBUTION=name', 'export RELEASE_NODE=<%= @release.name %>@$POD_IP');

  const l = repo.file('services/liveblog/mix.lock', 'decoys');
  l.l('%{');
  for (const [name, ver] of [
    ['phoenix', '1.7.14'],
    ['ecto_sql', '3.12.0'],
  ]) {
    l.l(`  "${name}": {:hex, :${name}, "${ver}", "${t.sha256()}", [:mix], [], "hexpm", "${t.sha256()}"},`);
  }
  l.l('}');
}

// ---- Newsletter tooling ----------------------------------------------------------------------

function newsletters(repo, t, g) {
  const c = repo.file('tools/newsletters/config.yaml', 'yaml');
  const mc = g.mailchimp();
  const sts = g.sailthru();
  const bz = g.braze();
  const sg = t.sendgrid();
  c.l('mailchimp:');
  c.s(`  api_key: ${mc}`, 'mailchimp', mc);
  c.l(`  server: us${mc.slice(-2)}`);
  c.d(`  audience_id: ${t.hex(10)}`, 'mailchimp audience id');
  c.l('sailthru:', `  api_key: ${g.sailthru()}`);
  c.s(`  api_secret: ${sts}`, 'sailthru', sts);
  c.l('braze:', '  rest_endpoint: https://rest.iad-05.braze.com');
  c.s(`  rest_api_key: ${bz}`, 'braze', bz);
  c.d(`  web_sdk_api_key: ${t.uuid()}`, 'braze web sdk key (public, shipped to browsers)');
  c.l('sendgrid:');
  c.s(`  api_key: ${sg}`, 'sendgrid', sg);
  c.d(`  template_breaking: d-${t.hex(32)}`, 'sendgrid dynamic template id');

  const p = repo.file('tools/newsletters/send_breaking.py', 'python');
  const sk = g.sailthru();
  const mc2 = g.mailchimp();
  p.l(
    'import os',
    '',
    'import mailchimp_marketing as MailchimpMarketing',
    'from sailthru.sailthru_client import SailthruClient',
    '',
  );
  p.s(`sailthru = SailthruClient("${g.sailthru()}", "${sk}")`, 'sailthru', sk);
  p.l('client = MailchimpMarketing.Client()');
  p.s(`client.set_config({"api_key": "${mc2}", "server": "us${mc2.slice(-2)}"})`, 'mailchimp', mc2);
  p.l(
    'staging = MailchimpMarketing.Client(); staging.set_config({"api_key": os.environ["MC_STAGING_KEY"], "server": "us6"})',
  );

  const j = repo.file('tools/newsletters/braze/sync_segments.js', 'js');
  const bz2 = g.braze();
  j.l("const BRAZE_URL = 'https://rest.iad-05.braze.com';");
  j.s(`const BRAZE_KEY = '${bz2}';`, 'braze', bz2);
  j.l(
    '',
    'async function track(attributes) {',
    '  return fetch(`${BRAZE_URL}/users/track`, {',
    "    method: 'POST',",
    "    headers: { Authorization: `Bearer ${BRAZE_KEY}`, 'Content-Type': 'application/json' },",
    '    body: JSON.stringify({ attributes }),',
    '  });',
    '}',
    'module.exports = { track };',
  );

  const rb = repo.file('tools/newsletters/legacy/mandrill_resend.rb', 'ruby');
  const md = g.mandrill();
  const md2 = g.mandrill();
  rb.l("require 'mandrill'", "require 'mail'", '');
  rb.s(`mandrill = Mandrill::API.new '${md}'`, 'mandrill', md);
  rb.d("mandrill_staging = Mandrill::API.new ENV.fetch('MANDRILL_STAGING_KEY')", 'env read');
  rb.s(
    `Mail.defaults { delivery_method :smtp, address: 'smtp.mandrillapp.com', port: 587, user_name: 'Meridian Ledger', password: '${md2}' }`,
    'mandrill',
    md2,
  );
  rb.l("mandrill.messages.send_template('password-reset', [], { to: [{ email: ARGV[0] }] })");

  const h = repo.file('tools/newsletters/templates/morning-briefing.html', 'html');
  h.l('<!doctype html>', '<html><body style="margin:0">', '<table width="600" align="center">');
  h.l('<tr><td><h1>The Morning Briefing</h1><p>Good morning, *|FNAME|*.</p></td></tr>');
  h.l('<tr><td><a href="*|UNSUB|*">Unsubscribe</a> | <a href="*|UPDATE_PROFILE|*">Preferences</a></td></tr>');
  h.l(
    '<tr><td><img src="https://www.meridianledger.com/pixel.gif?sub={{ subscriber.token }}" width="1" height="1"></td></tr>',
  );
  h.l('</table>', '</body></html>');
}

// ---- Ad stack --------------------------------------------------------------------------------

function ads(repo, t, g) {
  const y = repo.file('ads/gam/googleads.yaml', 'yaml');
  const cs = g.gOauthSecret();
  const rt = g.gRefresh();
  y.l('ad_manager:', '  application_name: meridian-ad-ops');
  y.d(`  network_code: ${t.digits(8)}`, 'ad manager network code (public, in every ad tag)');
  y.l('  path_to_private_key_file: /secrets/gam-sa.json');
  y.l('  # installed-app flow used on the yield team laptops');
  y.l(`  client_id: ${g.gClientId()}`);
  y.s(`  client_secret: ${cs}`, 'gcp', cs);
  y.s(`  refresh_token: ${rt}`, 'gcp', rt);

  serviceAccount(repo.file('ads/gam/gam-reporting-sa.json', 'keys'), t, 'meridian-ads', 'gam-reporting');

  const pb = repo.file('ads/prebid/prebid-config.js', 'js');
  pb.l(
    "pbjs.setConfig({ priceGranularity: 'dense', userSync: { filterSettings: { iframe: { bidders: '*', filter: 'include' } } } });",
    '',
    'const adUnits = [{',
    "  code: 'div-gpt-ad-top-leaderboard',",
    '  mediaTypes: { banner: { sizes: [[728, 90], [970, 250]] } },',
    '  bids: [',
  );
  pb.d(`    { bidder: 'appnexus', params: { placementId: ${t.digits(8)} } },`, 'bidder placement id (public)');
  pb.l(
    `    { bidder: 'rubicon', params: { accountId: ${t.digits(5)}, siteId: ${t.digits(6)}, zoneId: ${t.digits(7)} } },`,
  );
  pb.l(`    { bidder: 'ix', params: { siteId: '${t.digits(6)}' } },`, '  ],', '}];');

  const tam = repo.file('ads/tam/apstag-init.js', 'js');
  tam.d(
    `apstag.init({ pubID: '${t.uuid()}', adServer: 'googletag', simplerGPT: true });`,
    'amazon tam publisher id (public)',
  );
  tam.l(
    "apstag.fetchBids({ slots: [{ slotID: 'div-gpt-ad-top-leaderboard', sizes: [[728, 90]] }], timeout: 1200 }, () => googletag.cmd.push(() => apstag.setDisplayBids()));",
  );

  const r = repo.file('ads/tam/reports/pull_tam_reports.py', 'python');
  const ak = t.awsId();
  const as = t.awsSecret();
  r.l(
    '"""Copies the daily Amazon Publisher Services reports out of the APS-managed bucket."""',
    'import boto3',
    '',
    's3 = boto3.client(',
    '    "s3",',
  );
  r.s(`    aws_access_key_id="${ak}",`, 'aws', ak);
  r.s(`    aws_secret_access_key="${as}",`, 'aws', as);
  r.l(')', 's3.download_file("aps-publisher-reports", "meridian/daily/latest.csv", "/data/tam/latest.csv")');

  const at = repo.file('ads/ads.txt', 'decoys');
  at.l(`google.com, pub-${t.digits(16)}, DIRECT, ${t.hex(16)}`);
  at.d(`appnexus.com, ${t.digits(4)}, RESELLER, ${t.hex(16)}`, 'ads.txt seller record (public)');
  at.l(`aps.amazon.com, ${t.uuid()}, DIRECT`);
}

// ---- Analytics -------------------------------------------------------------------------------

function analytics(repo, t, g) {
  const c = repo.file('analytics/etl/chartbeat_toppages.py', 'python');
  const cb = g.chartbeat();
  c.l('import requests', '');
  c.s(`CHARTBEAT_KEY = "${cb}"`, 'chartbeat', cb);
  c.l(
    '',
    '',
    'def top_pages(limit=50):',
    '    params = {"apikey": CHARTBEAT_KEY, "host": "meridianledger.com", "limit": limit}',
    '    return requests.get("https://api.chartbeat.com/live/toppages/v4/", params=params, timeout=5).json()',
  );

  const p = repo.file('analytics/etl/parsely_export.py', 'python');
  const ps = g.parselySecret();
  p.l('import requests', '');
  p.d('PARSELY_APIKEY = "meridianledger.com"', 'parse.ly site id (public)');
  p.s(`PARSELY_SECRET = "${ps}"`, 'parsely', ps);
  p.l(
    '',
    'def analytics(period_start):',
    '    return requests.get("https://api.parsely.com/v2/analytics/posts",',
    '                        params={"apikey": PARSELY_APIKEY, "secret": PARSELY_SECRET, "period_start": period_start}).json()',
  );

  const a = repo.file('analytics/etl/amplitude_export.sh', 'shell');
  const ak = g.amplitude();
  const asec = g.amplitude();
  a.l(
    '#!/usr/bin/env bash',
    'set -euo pipefail',
    'START=$(date -u -d yesterday +%Y%m%dT00)',
    'END=$(date -u -d yesterday +%Y%m%dT23)',
  );
  a.s(
    `curl -sf -u "${ak}:${asec}" "https://amplitude.com/api/2/export?start=$START&end=$END" -o "/data/amplitude/$START.zip"`,
    'amplitude',
    asec,
  );

  const s = repo.file('analytics/segment/server-events.js', 'js');
  const wk = g.segmentWrite();
  s.l(
    "const { Analytics } = require('@segment/analytics-node');",
    '',
    '// server source "paywall-backend" (not the browser source)',
  );
  s.s(`const analytics = new Analytics({ writeKey: '${wk}' });`, 'segment', wk);
  s.l(
    '',
    'function subscribed(userId, plan) {',
    "  analytics.track({ userId, event: 'Subscription Started', properties: { plan } });",
    '}',
    'module.exports = { subscribed };',
  );

  const sn = repo.file('apps/web/public/snippets/segment.html', 'html');
  sn.l(
    '<script>',
    '  !function(){var analytics=window.analytics=window.analytics||[];analytics.SNIPPET_VERSION="5.2.0";}();',
  );
  sn.d(`  analytics.load("${g.segmentWrite()}");`, 'segment browser source write key (public, served to every reader)');
  sn.l('  analytics.page();', '</script>');

  const m = repo.file('analytics/ga4/measurement_protocol.py', 'python');
  const mp = g.ga4Secret();
  m.l('import requests', '');
  m.l(`MEASUREMENT_ID = "${g.gaId()}"`);
  m.s(`API_SECRET = "${mp}"`, 'ga4', mp);
  m.l(
    '',
    'def send(client_id, name, **params):',
    '    requests.post("https://www.google-analytics.com/mp/collect",',
    '                  params={"measurement_id": MEASUREMENT_ID, "api_secret": API_SECRET},',
    '                  json={"client_id": client_id, "events": [{"name": name, "params": params}]})',
  );

  const d = repo.file('analytics/dbt/profiles.yml', 'yaml');
  const dp = g.gen(20);
  d.l(
    'meridian:',
    '  target: prod',
    '  outputs:',
    '    prod:',
    '      type: bigquery',
    '      method: service-account',
  );
  d.l('      keyfile: /secrets/dbt-sa.json');
  d.l(
    '      project: meridian-analytics',
    '      dataset: marts',
    '    warehouse_pg:',
    '      type: postgres',
    '      host: 10.40.0.12',
    '      user: dbt',
  );
  d.s(`      password: "${dp}"`, 'generic', dp);
  d.l('      dbname: warehouse', '      schema: circulation');
}

// ---- Video -----------------------------------------------------------------------------------

function video(repo, t, g) {
  const j = repo.file('services/video/jwplayer/sync_media.py', 'python');
  const js = g.jwSecret();
  const v2 = g.jwV2();
  j.l('import jwplatform', 'import requests', '');
  j.s(`client_v1 = jwplatform.v1.Client("${g.jwKey()}", "${js}")`, 'jwplayer', js);
  j.s(`JW_V2_SECRET = "${v2}"`, 'jwplayer', v2);
  j.l(`JW_PROPERTY_ID = "${t.alnum(8)}"`);
  j.l(
    '',
    'def list_media():',
    '    return requests.get(f"https://api.jwplayer.com/v2/sites/{JW_PROPERTY_ID}/media/",',
    '                        headers={"Authorization": f"Bearer {JW_V2_SECRET}"}).json()',
  );

  const b = repo.file('services/video/brightcove/oauth.yaml', 'yaml');
  const bc = g.bcSecret();
  b.l('brightcove:');
  b.l(`  account_id: "${t.digits(13)}"`);
  b.d(`  client_id: ${t.uuid()}`, 'oauth client id (the secret is on the next line)');
  b.s(`  client_secret: ${bc}`, 'brightcove', bc);
  b.d(`  player_policy_key: ${g.bcPolicy()}`, 'playback policy key (public, embedded in the player)');

  const v = repo.file('services/video/vimeo/upload.sh', 'shell');
  const vt = g.vimeo();
  v.l('#!/usr/bin/env bash', 'set -euo pipefail', 'SIZE=$(stat -c %s "$1")');
  v.s(
    `curl -sf -X POST https://api.vimeo.com/me/videos -H "Authorization: bearer ${vt}" -H "Content-Type: application/json" -H "Accept: application/vnd.vimeo.*+json;version=3.4" --data '{"upload":{"approach":"tus","size":"'"$SIZE"'"}}'`,
    'vimeo',
    vt,
  );
  v.l('curl -sf -H "Authorization: bearer $VIMEO_TOKEN" https://api.vimeo.com/me');

  const p = repo.file('apps/web/src/components/VideoPlayer.tsx', 'js');
  p.d(`const JW_LIBRARY = 'https://cdn.jwplayer.com/libraries/${t.alnum(8)}.js';`, 'jw player library url (public)');
  p.l(`const BC_ACCOUNT = '${t.digits(13)}';`);
  p.d(`const BC_POLICY_KEY = '${g.bcPolicy()}';`, 'brightcove playback policy key (public)');
  p.l(
    'export function VideoPlayer({ mediaId }: { mediaId: string }) {',
    '  return <div data-media={mediaId} data-account={BC_ACCOUNT} />;',
    '}',
  );
}

// ---- Wire feeds ------------------------------------------------------------------------------

function wires(repo, t, g) {
  const f = repo.file('services/wires/config/feeds.toml', 'toml');
  const ap = g.ap();
  const rs = g.reutersSecret();
  const rp = g.human();
  const ftp = g.plain(16);
  f.l('[ap]', 'base_url = "https://api.ap.org/media/v"');
  f.s(`api_key = "${ap}"`, 'ap', ap);
  f.l('products = [31989, 42430]', '', '[reuters]', 'token_url = "https://auth.thomsonreuters.com/oauth/token"');
  f.d(`client_id = "${t.alnum(32)}"`, 'oauth client id (the secret is on the next line)');
  f.s(`client_secret = "${rs}"`, 'reuters', rs);
  f.l('username = "wires@meridianledger.com"');
  f.s(`password = "${rp}"`, 'generic', rp);
  f.l('', '[legacy_ftp]');
  f.s(`url = "ftp://meridian:${ftp}@ftp.pressfeeds.net/incoming"`, 'generic', ftp);

  const a = repo.file('services/wires/ingest/ap_poll.py', 'python');
  const ap2 = g.ap();
  a.l('import requests', '');
  a.s(`HEADERS = {"x-api-key": "${ap2}", "Accept": "application/json"}`, 'ap', ap2);
  a.l(
    'FEED = "https://api.ap.org/media/v/content/feed?q=productid:31989&include=*"',
    '',
    'def poll(next_page=None):',
    '    return requests.get(next_page or FEED, headers=HEADERS, timeout=15).json()',
  );

  const r = repo.file('services/wires/ingest/reuters.py', 'python');
  const pw = g.human();
  r.l(
    'import os',
    '',
    'import requests',
    '',
    'def token():',
    '    resp = requests.post(TOKEN_URL, data={',
    '        "grant_type": "password",',
  );
  r.l('        "username": "wires@meridianledger.com",');
  r.s(`        "password": "${pw}",`, 'generic', pw);
  r.l('        "client_id": CLIENT_ID,');
  r.d('        "client_secret": os.environ["REUTERS_CLIENT_SECRET"],', 'os.environ');
  r.l(
    `        "audience": "${t.uuid()}",`,
    '        "scope": "https://api.thomsonreuters.com/auth/reutersconnect.contentapi.read",',
    '    })',
    '    return resp.json()["access_token"]',
  );
}

// ---- Social publishing -----------------------------------------------------------------------

function social(repo, t, g) {
  const f = repo.file('services/social/src/facebook.ts', 'js');
  const fs = g.fbSecret();
  const ft = g.fbToken();
  f.d(`export const FB_APP_ID = '${t.digits(15)}';`, 'facebook app id (public)');
  f.s(`const FB_APP_SECRET = '${fs}';`, 'facebook', fs);
  f.l(
    `const PAGE_ID = '${t.digits(15)}';`,
    '// never-expiring page token for "The Meridian Ledger" page, generated 2024-03',
  );
  f.s(`const PAGE_TOKEN = '${ft}';`, 'facebook', ft);
  f.l(
    '',
    'export async function publish(link: string, message: string) {',
    '  const body = new URLSearchParams({ link, message, access_token: PAGE_TOKEN });',
    "  return fetch(`https://graph.facebook.com/v19.0/${PAGE_ID}/feed`, { method: 'POST', body });",
    '}',
  );

  const x = repo.file('services/social/src/x_autopost.py', 'python');
  const xs = g.twConsumerSecret();
  const xa = g.twAccess();
  const xas = g.twAccessSecret();
  x.l('import tweepy', '', 'client = tweepy.Client(');
  x.d(`    consumer_key="${g.twConsumerKey()}",`, 'x api key (consumer key, the id half of the pair)');
  x.s(`    consumer_secret="${xs}",`, 'twitter', xs);
  x.s(`    access_token="${xa}",`, 'twitter', xa);
  x.s(`    access_token_secret="${xas}",`, 'twitter', xas);
  x.l(')', '', 'def post(headline, url):', '    return client.create_tweet(text=f"{headline} {url}")');

  const li = repo.file('services/social/src/linkedin.ts', 'js');
  const lis = g.liSecret();
  const lit = g.liToken();
  li.l(`const LI_CLIENT_ID = '${t.lower(14)}';`);
  li.s(`const LI_CLIENT_SECRET = '${lis}';`, 'linkedin', lis);
  li.s(`const LI_ORG_TOKEN = '${lit}';`, 'linkedin', lit);
  li.l(`const ORG_URN = 'urn:li:organization:${t.digits(8)}';`);
  li.l(
    '',
    'export async function share(url: string, text: string) {',
    "  return fetch('https://api.linkedin.com/rest/posts', {",
    "    method: 'POST',",
    "    headers: { Authorization: `Bearer ${LI_ORG_TOKEN}`, 'LinkedIn-Version': '202405' },",
    "    body: JSON.stringify({ author: ORG_URN, commentary: text, visibility: 'PUBLIC', content: { article: { source: url } } }),",
    '  });',
    '}',
  );

  const ex = repo.file('services/social/.env.example', 'env');
  ex.l('FACEBOOK_PAGE_TOKEN=<page-access-token>');
  ex.d('X_BEARER_TOKEN=', 'empty');
  ex.d('LINKEDIN_CLIENT_SECRET=changeme', 'placeholder');
}

// ---- Search ----------------------------------------------------------------------------------

function search(repo, t, g) {
  const a = repo.file('services/search/indexer/algolia_index.py', 'python');
  const admin = g.algoliaKey();
  a.l('from algoliasearch.search.client import SearchClientSync', '');
  a.s(`client = SearchClientSync("${g.algoliaApp()}", "${admin}")`, 'algolia', admin);
  a.d(
    `SEARCH_ONLY_KEY = "${g.algoliaKey()}"  # safe to expose, used by the Next.js front end`,
    'algolia search-only key (public)',
  );
  a.l(
    '',
    'def push(stories):',
    '    client.save_objects(index_name="stories_prod", objects=[s.to_record() for s in stories])',
  );

  const e = repo.file('services/search/indexer/es_reindex.py', 'python');
  const ep = g.plain(20);
  const k = g.esKey();
  e.l('from elasticsearch import Elasticsearch', '');
  e.s(`es = Elasticsearch("https://indexer:${ep}@es.search.internal:9200", verify_certs=True)`, 'database', ep);
  e.l('archive = Elasticsearch(');
  e.d(
    `    cloud_id="archive:${g.enc(`us-east4.gcp.elastic-cloud.com:443$${t.pick(HEX, 32)}$${t.pick(HEX, 32)}`)}",`,
    'elastic cloud id (deployment locator)',
  );
  e.s(`    api_key="${k.encoded}",`, 'elastic', k.key);
  e.l(')');
}

// ---- Fastly ----------------------------------------------------------------------------------

function fastly(repo, t, g) {
  const v = repo.file('cdn/fastly/vcl/main.vcl', 'vcl');
  const basic = g.plain(16);
  const origin = g.plain(40);
  const hmac = g.plain(32);
  v.l('sub vcl_recv {', '#FASTLY recv', '  if (req.http.host == "staging.meridianledger.com") {');
  v.s(`    if (req.http.Authorization != "Basic ${g.enc(`editors:${basic}`)}") {`, 'generic', basic);
  v.l(
    '      error 401 "Restricted";',
    '    }',
    '  }',
    '  if (req.url.path ~ "^/api/paywall/") {',
    '    set req.backend = F_paywall;',
  );
  v.s(`    set req.http.X-Origin-Token = "${origin}";`, 'generic', origin);
  v.l('  }', '  return(lookup);', '}', '', 'sub vcl_miss {', '#FASTLY miss');
  v.d('  set bereq.http.X-Edge-Secret = table.lookup(edge_secrets, "origin_token");', 'edge dictionary lookup');
  v.l('  return(fetch);', '}', '', 'sub verify_meter_cookie {', '  declare local var.secret STRING;');
  v.s(`  set var.secret = "${hmac}";`, 'generic', hmac);
  v.l(
    '  if (digest.hmac_sha256_base64(var.secret, req.http.X-Meter-Payload) != req.http.X-Meter-Sig) {',
    '    error 403 "bad meter";',
    '  }',
    '}',
  );

  const p = repo.file('cdn/fastly/scripts/purge.sh', 'shell');
  const tok = g.fastly();
  p.l('#!/usr/bin/env bash', 'set -euo pipefail');
  p.d(`SERVICE_ID="${g.fastlyService()}"`, 'fastly service id (identifier)');
  p.s(`curl -sf -X POST -H "Fastly-Key: ${tok}" "https://api.fastly.com/service/$SERVICE_ID/purge/$1"`, 'fastly', tok);
  p.l('curl -sf -X POST -H "Fastly-Key: $FASTLY_API_TOKEN" "https://api.fastly.com/service/$SERVICE_ID/purge_all"');
}

// ---- Kubernetes (GKE) and Helm ---------------------------------------------------------------

function kubernetes(repo, t, g) {
  const h = repo.file('deploy/helm/paywall/values-prod.yaml', 'k8s');
  const sk = t.stripeLiveLong();
  const pt = g.pianoToken();
  const zs = g.zuoraSecret();
  const pg = g.gen(22);
  h.l('image:', '  repository: us-docker.pkg.dev/meridian-prod/apps/paywall');
  h.l(`  tag: "${t.sha1().slice(0, 12)}"`);
  h.l('serviceAccount:', '  annotations:');
  h.l('    iam.gke.io/gcp-service-account: paywall@meridian-prod.iam.gserviceaccount.com');
  h.l('env:', '  DJANGO_SETTINGS_MODULE: paywall.settings.production', 'secrets:');
  h.s(`  STRIPE_SECRET_KEY: ${sk}`, 'stripe', sk);
  h.s(`  PIANO_API_TOKEN: ${pt}`, 'piano', pt);
  h.s(`  ZUORA_CLIENT_SECRET: ${zs}`, 'zuora', zs);
  h.d('  SENDGRID_API_KEY: ""', 'empty');
  h.l('postgresql:', '  auth:', '    username: paywall_app');
  h.s(`    password: "${pg}"`, 'generic', pg);

  const tp = repo.file('deploy/helm/paywall/templates/secret.yaml', 'k8s');
  tp.l('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: {{ include "paywall.fullname" . }}', 'data:');
  tp.d('  STRIPE_SECRET_KEY: {{ .Values.secrets.STRIPE_SECRET_KEY | b64enc | quote }}', 'helm template');
  tp.l('  PIANO_API_TOKEN: {{ .Values.secrets.PIANO_API_TOKEN | b64enc | quote }}');

  const s = repo.file('deploy/k8s/liveblog/secret.yaml', 'k8s');
  const skb = g.secretKeyBase();
  const dbp = g.plain(24);
  const ck = g.cookie();
  s.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: liveblog',
    '  namespace: newsroom',
    'type: Opaque',
    'data:',
  );
  s.s(`  SECRET_KEY_BASE: ${g.enc(skb)}`, 'generic', skb);
  s.s(`  DATABASE_URL: ${g.enc(`ecto://liveblog:${dbp}@10.40.0.9/liveblog_prod`)}`, 'database', dbp);
  s.s(`  RELEASE_COOKIE: ${g.enc(ck)}`, 'generic', ck);
  s.l(`  PHX_HOST: ${g.enc('live.meridianledger.com')}`);

  const d = repo.file('deploy/k8s/imagine/deployment.yaml', 'k8s');
  const r2 = g.r2Secret();
  const sig = g.signKey();
  d.l(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: imagine',
    '  namespace: media',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: imagine',
  );
  d.d(`          image: us-docker.pkg.dev/meridian-prod/apps/imagine@sha256:${t.sha256()}`, 'image digest');
  d.l('          env:', '            - name: R2_SECRET_ACCESS_KEY');
  d.s(`              value: "${r2}"`, 'cloudflare', r2);
  d.l('            - name: CF_IMAGES_TOKEN', '              valueFrom:', '                secretKeyRef:');
  d.l('                  name: imagine-cloudflare');
  d.l('                  key: token', '            - name: IMAGINE_SIGNING_KEY');
  d.s(`              value: ${sig}`, 'generic', sig);

  const es = repo.file('deploy/k8s/cms-bridge/external-secret.yaml', 'k8s');
  es.l(
    'apiVersion: external-secrets.io/v1beta1',
    'kind: ExternalSecret',
    'metadata:',
    '  name: cms-bridge',
    'spec:',
    '  secretStoreRef:',
    '    name: gcp-secret-manager',
    '    kind: ClusterSecretStore',
    '  data:',
    '    - secretKey: ARC_ACCESS_TOKEN',
    '      remoteRef:',
  );
  es.d('        key: projects/meridian-prod/secrets/arc-access-token/versions/latest', 'secret manager reference');

  const cm = repo.file('deploy/k8s/cms-bridge/configmap.yaml', 'k8s');
  const bs = g.brightspotSecret();
  cm.l(
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: cms-bridge-config',
    'data:',
    '  ARC_WEBSITE: meridian',
  );
  cm.s(`  BRIGHTSPOT_CLIENT_SECRET: "${bs}"`, 'brightspot', bs);
  cm.l('  LOG_LEVEL: info');

  const k = repo.file('ops/kube/gke-prod.kubeconfig', 'k8s');
  const tok = g.k8sToken();
  k.l('apiVersion: v1', 'kind: Config', 'clusters:', '- cluster:');
  k.d(
    `    certificate-authority-data: ${g.enc(['-----BEGIN CERTIFICATE-----', g.cert().slice(0, 64), '-----END CERTIFICATE-----'].join('\n'))}`,
    'ca certificate',
  );
  k.l(
    `    server: https://34.118.${t.digits(2)}.${t.digits(2)}`,
    '  name: gke_meridian-prod_us-east4_newsroom',
    'users:',
  );
  k.l(
    '- name: gke_meridian-prod_us-east4_newsroom',
    '  user:',
    '    exec:',
    '      apiVersion: client.authentication.k8s.io/v1beta1',
  );
  k.l('      command: gke-gcloud-auth-plugin');
  k.l('- name: ci-deployer', '  user:');
  k.s(`    token: ${tok}`, 'generic', tok);
  k.l('current-context: gke_meridian-prod_us-east4_newsroom');
}

// ---- Terraform (GCP + Fastly) ----------------------------------------------------------------

function terraform(repo, t, g) {
  const m = repo.file('infra/terraform/gcp/main.tf', 'terraform');
  const pw = g.gen(24);
  const ap = g.ap();
  m.l('provider "google" {', '  project = "meridian-prod"', '  region  = "us-east4"');
  m.l('  credentials = file("${path.module}/../keys/terraform-sa.json")');
  m.l(
    '}',
    '',
    'resource "google_sql_user" "paywall" {',
    '  name     = "paywall_app"',
    '  instance = google_sql_database_instance.main.name',
  );
  m.s(`  password = "${pw}"`, 'generic', pw);
  m.l(
    '}',
    '',
    'resource "google_sql_user" "liveblog" {',
    '  name     = "liveblog"',
    '  instance = google_sql_database_instance.main.name',
  );
  m.l('  password = random_password.liveblog.result');
  m.l(
    '}',
    '',
    'resource "google_secret_manager_secret_version" "ap_api_key" {',
    '  secret      = google_secret_manager_secret.ap_api_key.id',
  );
  m.s(`  secret_data = "${ap}"`, 'ap', ap);
  m.l('}');

  const f = repo.file('infra/terraform/fastly/main.tf', 'terraform');
  const fk = g.fastly();
  const ot = g.plain(40);
  f.l('provider "fastly" {');
  f.s(`  api_key = "${fk}"`, 'fastly', fk);
  f.l(
    '}',
    '',
    'resource "fastly_service_vcl" "www" {',
    '  name = "www.meridianledger.com"',
    '  domain { name = "www.meridianledger.com" }',
    '  backend {',
    '    address = "origin-lb.meridianledger.com"',
    '    name    = "gke_origin"',
    '    port    = 443',
    '  }',
    '  dictionary { name = "edge_secrets" }',
    '  logging_gcs {',
    '    name        = "gcs-logs"',
    '    bucket_name = "meridian-fastly-logs"',
    '    user        = "fastly-logs@meridian-prod.iam.gserviceaccount.com"',
  );
  f.l('    secret_key  = var.fastly_gcs_secret_key');
  f.l(
    '  }',
    '}',
    '',
    'resource "fastly_service_dictionary_items" "edge_secrets" {',
    '  service_id    = fastly_service_vcl.www.id',
    '  dictionary_id = one([for d in fastly_service_vcl.www.dictionary : d.dictionary_id if d.name == "edge_secrets"])',
    '  items = {',
  );
  f.s(`    origin_token = "${ot}"`, 'generic', ot);
  f.l('    paywall_mode = "metered"', '  }', '}');

  const v = repo.file('infra/terraform/envs/prod.tfvars', 'terraform');
  const cf = t.cloudflare();
  const fk2 = g.fastly();
  v.l('project_id = "meridian-prod"');
  v.s(`cloudflare_api_token = "${cf}"`, 'cloudflare', cf);
  v.s(`fastly_api_key = "${fk2}"`, 'fastly', fk2);
  v.d(`cloudflare_zone_id = "${t.hex(32)}"`, 'cloudflare zone id (identifier)');

  const lk = repo.file('infra/terraform/fastly/.terraform.lock.hcl', 'decoys');
  lk.l('provider "registry.terraform.io/fastly/fastly" {', '  version = "5.13.0"', '  hashes = [');
  lk.l(`    "h1:${Buffer.from(t.pick(HEX, 64), 'hex').toString('base64')}",`);
  lk.d(`    "zh:${t.sha256()}",`, 'provider hash');
  lk.l('  ]', '}');
}

// ---- Docker ----------------------------------------------------------------------------------

function docker(repo, t, g) {
  const d = repo.file('services/paywall/Dockerfile', 'docker');
  const pp = g.plain(20);
  const dj = g.djangoKey();
  d.l(`FROM python:3.12-slim@sha256:${t.sha256()}`);
  d.l('WORKDIR /app');
  d.s(`ENV PIP_EXTRA_INDEX_URL=https://pypi:${pp}@pypi.meridianledger.internal/simple/`, 'generic', pp);
  d.l('COPY requirements.txt .', 'RUN pip install --no-cache-dir -r requirements.txt', 'COPY . .');
  d.s(`ENV DJANGO_SECRET_KEY="${dj}"`, 'generic', dj);
  d.l('CMD ["gunicorn", "paywall.wsgi", "-b", "0.0.0.0:8000", "-w", "4"]');

  const c = repo.file('docker-compose.yml', 'docker');
  const st = t.stripeTest();
  const pt = g.pianoToken();
  const ep = g.plain(18);
  c.l(
    'services:',
    '  wordpress:',
    '    image: wordpress:6.6-php8.2',
    '    environment:',
    '      WORDPRESS_DB_HOST: db',
  );
  c.d('      WORDPRESS_DB_PASSWORD: ${WORDPRESS_DB_PASSWORD:-}', 'env interpolation');
  c.l('  paywall:', '    build: ./services/paywall', '    environment:');
  c.s(`      STRIPE_SECRET_KEY: ${st}`, 'stripe', st, 'warning');
  c.s(`      PIANO_API_TOKEN: ${pt}`, 'piano', pt);
  c.l(
    '  elasticsearch:',
    '    image: docker.elastic.co/elasticsearch/elasticsearch:8.14.3',
    '    environment:',
    '      - discovery.type=single-node',
  );
  c.s(`      - ELASTIC_PASSWORD=${ep}`, 'generic', ep);

  const j = repo.file('.docker/config.json', 'docker');
  const pat = g.dockerPat();
  j.l('{', '  "auths": {', '    "https://index.docker.io/v1/": {');
  j.s(`      "auth": "${g.enc(`meridianci:${pat}`)}"`, 'docker', pat);
  j.l('    }', '  },');
  j.l('  "credHelpers": { "us-docker.pkg.dev": "gcloud" }');
  j.l('}');
}

// ---- CI: CircleCI and GitHub Actions --------------------------------------------------------

function ci(repo, t, g) {
  const c = repo.file('.circleci/config.yml', 'ci');
  const pat = g.dockerPat();
  const npm = t.npm();
  const hook = t.slackWebhook();
  const cc = g.circle();
  c.l(
    'version: 2.1',
    'jobs:',
    '  build-web:',
    '    docker:',
    '      - image: cimg/node:20.15',
    '        auth:',
    '          username: meridianci',
  );
  c.s(`          password: ${pat}`, 'docker', pat);
  c.l('    environment:');
  c.s(`      NPM_TOKEN: ${npm}`, 'npm', npm);
  c.d(`      NEXT_PUBLIC_GA_MEASUREMENT_ID: ${g.gaId()}`, 'ga4 measurement id (public)');
  c.l(
    '    steps:',
    '      - checkout',
    '      - run: npm ci && npm run build --workspace apps/web',
    '      - run:',
    '          name: notify',
    '          command: |',
  );
  c.s(
    `            curl -X POST -H 'Content-type: application/json' --data '{"text":"web deployed"}' ${hook}`,
    'slack',
    hook,
  );
  c.l('  trigger-newsletters:', '    docker: [{ image: cimg/base:2024.06 }]', '    steps:', '      - run: |');
  c.s(
    `          curl -sf -X POST https://circleci.com/api/v2/project/gh/meridian-ledger/newsletters/pipeline -H "Circle-Token: ${cc}"`,
    'circleci',
    cc,
  );
  c.d('          curl -sf -H "Circle-Token: $CIRCLE_TOKEN" https://circleci.com/api/v2/me', 'variable');

  const gh = repo.file('.github/workflows/deploy-web.yml', 'ci');
  const alg = g.algoliaKey();
  const fk = g.fastly();
  const gp = g.ghFine();
  gh.l('name: deploy-web', 'on:', '  push:', '    branches: [main]', 'env:');
  gh.l(
    `  GCP_WORKLOAD_IDENTITY_PROVIDER: projects/${t.digits(12)}/locations/global/workloadIdentityPools/github/providers/github`,
  );
  gh.s(`  ALGOLIA_ADMIN_KEY: ${alg}`, 'algolia', alg);
  gh.l(
    'jobs:',
    '  deploy:',
    '    runs-on: ubuntu-latest',
    '    permissions: { id-token: write, contents: read }',
    '    steps:',
  );
  gh.d(`      - uses: actions/checkout@${t.sha1()}`, 'pinned action sha');
  gh.l('      - uses: google-github-actions/auth@v2', '        with:');
  gh.l('          workload_identity_provider: ${{ env.GCP_WORKLOAD_IDENTITY_PROVIDER }}');
  gh.l('      - name: Purge Fastly', '        run: |');
  gh.s(
    `          curl -sf -X POST -H "Fastly-Key: ${fk}" https://api.fastly.com/service/${g.fastlyService()}/purge_all`,
    'fastly',
    fk,
  );
  gh.l('      - name: Sentry release', '        env:');
  gh.d('          SENTRY_AUTH_TOKEN: ${{ secrets.SENTRY_AUTH_TOKEN }}', 'actions secret reference');
  gh.l('        run: npx @sentry/cli releases new "$GITHUB_SHA"', '      - name: Tag release', '        env:');
  gh.s(`          GH_TOKEN: ${gp}`, 'github', gp);
  gh.l('        run: gh release create "web-$(date +%Y%m%d%H%M)" --generate-notes');

  const n = repo.file('.github/workflows/newsletters-cron.yml', 'ci');
  const ss = g.sailthru();
  const bz = g.braze();
  n.l(
    'name: breaking-news-dry-run',
    'on:',
    '  schedule:',
    "    - cron: '30 10 * * *'",
    'jobs:',
    '  send:',
    '    runs-on: ubuntu-latest',
    '    steps:',
  );
  n.l(
    '      - uses: actions/checkout@v4',
    '      - run: python tools/newsletters/send_breaking.py --dry-run',
    '        env:',
  );
  n.s(`          SAILTHRU_API_SECRET: ${ss}`, 'sailthru', ss);
  n.l('          SAILTHRU_API_KEY: ${{ vars.SAILTHRU_API_KEY }}');
  n.s(`          BRAZE_REST_API_KEY: ${bz}`, 'braze', bz);
}

// ---- cron and shell --------------------------------------------------------------------------

function cron(repo, t, g) {
  const c = repo.file('ops/cron/crontab.prod', 'cron');
  const cb = g.chartbeat();
  const pg = g.plain(22);
  const wp = g.human();
  c.l(
    '# m h dom mon dow command',
    'MAILTO=platform-alerts@meridianledger.com',
    '*/5 * * * * /opt/meridian/bin/homepage-warm.sh >/dev/null 2>&1',
  );
  c.s(
    `0 * * * * curl -fsS "https://api.chartbeat.com/historical/traffic/series/?apikey=${cb}&host=meridianledger.com" -o /var/lib/meridian/chartbeat/$(date +\\%H).json`,
    'chartbeat',
    cb,
  );
  c.s(
    `15 4 * * * PGPASSWORD='${pg}' pg_dump -h 10.40.0.3 -U paywall_app paywall | gzip > /backups/paywall-$(date +\\%F).sql.gz`,
    'generic',
    pg,
  );
  c.s(
    `0 6 * * 1 /usr/local/bin/wp-export --user=archive-bot --password='${wp}' --site=archive.meridianledger.com`,
    'generic',
    wp,
  );
  c.l('*/15 * * * * /opt/meridian/bin/sync-x-embeds --token-file /etc/meridian/x.token');

  const h = repo.file('ops/scripts/homepage-warm.sh', 'shell');
  const pt = g.plain(32);
  h.l('#!/usr/bin/env bash', 'set -euo pipefail');
  h.s(`PREVIEW_TOKEN="${pt}"`, 'generic', pt);
  h.l(
    'for path in / /politics /business /sports /opinion; do',
    '  curl -s -o /dev/null -H "x-preview-token: $PREVIEW_TOKEN" "https://www.meridianledger.com$path"',
    'done',
  );

  const r = repo.file('ops/scripts/restore-archive-db.sh', 'shell');
  const mp = g.plain(18);
  r.l('#!/usr/bin/env bash', 'set -euo pipefail', 'DUMP=${1:?usage: restore-archive-db.sh dump.sql}');
  r.s(`mysql -h archive-db.internal -u wp_archive -p'${mp}' wp_archive < "$DUMP"`, 'generic', mp);
  r.d(
    'mysql -h archive-db.internal -u wp_archive -p"$ARCHIVE_DB_PASSWORD" -e "SELECT COUNT(*) FROM wp_posts" wp_archive',
    'variable',
  );
}

// ---- Logs ------------------------------------------------------------------------------------

function logs(repo, t, g) {
  const f = repo.file('logs/fastly/www-2025-11-05.log', 'logs');
  const rv = g.plain(32);
  const ft = t.alnum(40);
  const line = (path, status) =>
    `<134>2025-11-05T23:41:${t.pick(DIGIT, 2)}Z cache-iad-kiad7000${t.digits(3)} www[${t.digits(5)}]: 203.0.113.${t.digits(2)} "GET ${path} HTTP/2" ${status} ${t.digits(5)} HIT`;
  f.l(line('/politics/election-night-2025-live-results', 200));
  f.s(line(`/api/revalidate?secret=${rv}&tag=homepage`, 200), 'generic', rv);
  f.s(line(`/feeds/partner/msn.xml?token=${ft}`, 200), 'generic', ft);
  f.d(line(`/images/2025/11/05/rally.jpg?w=1200&sig=${t.hex(16)}`, 200), 'per-url hmac signature (derived, not a key)');
  f.l(line(`/business/port-expansion?utm_source=newsletter&mc_cid=${t.hex(10)}&mc_eid=${t.hex(10)}`, 200));

  const d = repo.file('logs/paywall/django-2025-11-05.log', 'logs');
  const sk = t.stripeLive();
  const zs = g.zuoraSecret();
  const pt = g.pianoToken();
  const aid = g.pianoAid();
  d.l('2025-11-05 09:01:12,331 INFO gunicorn.error Booting worker with pid: 41');
  d.s(
    `2025-11-05 09:01:14,002 DEBUG stripe message='Request to Stripe api' method=post path=https://api.stripe.com/v1/customers api_key=${sk}`,
    'stripe',
    sk,
  );
  d.s(
    `2025-11-05 09:02:40,518 ERROR billing.zuora token request failed: 401 body=grant_type=client_credentials&client_id=${t.uuid()}&client_secret=${zs}`,
    'zuora',
    zs,
  );
  d.d(
    `2025-11-05 09:03:00,004 INFO piano.webhook verified event=access_granted uid=${t.uuid()} aid=${aid}`,
    'piano user id and public aid',
  );
  d.s(
    `2025-11-05 09:05:22,870 DEBUG urllib3.connectionpool https://api.piano.io:443 "GET /api/v3/publisher/user/get?aid=${aid}&api_token=${pt}&uid=${t.uuid()} HTTP/1.1" 200 812`,
    'piano',
    pt,
  );
  d.l('2025-11-05 09:06:01,112 WARNING django.security.csrf Forbidden (CSRF token missing.): /account/login');

  const p = repo.file('logs/liveblog/phoenix-2025-11-05.log', 'logs');
  const ap = g.ap();
  const dbp = g.plain(24);
  p.l('21:00:00.412 [info] Running LiveblogWeb.Endpoint with Bandit 1.5.7 at :::4000 (http)');
  p.l('21:00:03.118 [info] JOINED liveblog:election-2025 in 24µs Parameters: %{"token" => "[FILTERED]"}');
  p.s(
    `21:02:11.930 [debug] Liveblog.Wires.AP GET https://api.ap.org/media/v/content/feed?apikey=${ap}&q=productid:31989`,
    'ap',
    ap,
  );
  p.s(
    `21:14:42.501 [error] Postgrex.Protocol (#PID<0.2481.0>) failed to connect: ecto://liveblog:${dbp}@10.40.0.9/liveblog_prod: too many connections`,
    'database',
    dbp,
  );
  p.l(`21:15:00.000 [info] Sent 200 in 3ms request_id=F${t.mixed(URLSAFE, 19)}`);

  const i = repo.file('logs/imagine/imagine-2025-11-05.jsonl', 'logs');
  const r2 = g.r2Secret();
  i.s(
    `{"level":"debug","ts":"2025-11-05T20:00:00Z","msg":"r2 client init","endpoint":"https://${t.hex(32)}.r2.cloudflarestorage.com","access_key_id":"${g.r2Id()}","secret_access_key":"${r2}"}`,
    'cloudflare',
    r2,
  );
  i.l(
    `{"level":"info","ts":"2025-11-05T20:00:04Z","msg":"resized","src":"gs://meridian-images-prod/2025/11/05/${t.hex(12)}.jpg","w":1200,"etag":"${t.hex(32)}"}`,
  );
}

// ---- Slack exports ---------------------------------------------------------------------------

function slackExports(repo, t, g) {
  const uid = () => `U0${t.mixed(UPPER + DIGIT, 9)}`;
  const ts = () => `17${t.digits(8)}.${t.digits(6)}`;
  const msg = (f, text, label) => {
    f.l('  {', '    "type": "message",', `    "user": "${uid()}",`, `    "ts": "${ts()}",`);
    if (label && label.secret) f.s(`    "text": ${JSON.stringify(text)}`, label.kind, label.value);
    else if (label) f.d(`    "text": ${JSON.stringify(text)}`, label.decoy);
    else f.l(`    "text": ${JSON.stringify(text)}`);
    f.l('  },');
  };
  const a = repo.file('exports/slack/newsroom-platform/2025-11-05.json', 'chat');
  const ap = g.ap();
  const fk = g.fastly();
  const wp = g.human();
  const bot = t.slackBot();
  a.l('[');
  msg(a, 'live blog AP feed is 401ing, anyone?');
  msg(a, `the key from the AP portal works from my laptop: ${ap}`, { secret: true, kind: 'ap', value: ap });
  msg(a, `here's the Fastly token I use for purges until SSO is fixed ${fk}`, {
    secret: true,
    kind: 'fastly',
    value: fk,
  });
  msg(
    a,
    'please do not paste tokens here - rotate it and put the new one in Secret Manager (projects/meridian-prod/secrets/fastly-purge-token)',
    { decoy: 'prose' },
  );
  msg(a, `staging wp-admin is editor / ${wp} until Friday`, { secret: true, kind: 'generic', value: wp });
  msg(a, `bot token for the #breaking-alerts app: ${bot}`, { secret: true, kind: 'slack', value: bot });
  msg(a, 'fyi the Algolia search key in the front end is public by design, only the admin key matters', {
    decoy: 'prose',
  });
  a.l(
    '  { "type": "message", "subtype": "channel_join", "user": "U0' +
      t.mixed(UPPER + DIGIT, 9) +
      '", "ts": "' +
      ts() +
      '", "text": "joined" }',
    ']',
  );

  const v = repo.file('exports/slack/desk-video/2025-09-22.json', 'chat');
  const jw = g.jwV2();
  const bc = g.bcSecret();
  v.l('[');
  msg(v, `JW Player v2 API secret for the new property: ${jw}`, { secret: true, kind: 'jwplayer', value: jw });
  msg(v, `Brightcove client_secret for the CMS plugin: ${bc}`, { secret: true, kind: 'brightcove', value: bc });
  msg(v, `player embed is https://cdn.jwplayer.com/libraries/${t.alnum(8)}.js, that one is public`, {
    decoy: 'public player library url',
  });
  v.l(
    '  { "type": "message", "user": "U0' + t.mixed(UPPER + DIGIT, 9) + '", "ts": "' + ts() + '", "text": "thanks!" }',
    ']',
  );

  const gr = repo.file('exports/slack/growth/2025-08-01.json', 'chat');
  const mc = g.mailchimp();
  const xp = g.xoxp();
  gr.l('[');
  msg(gr, `Mailchimp key for the election newsletter account ${mc}`, { secret: true, kind: 'mailchimp', value: mc });
  msg(gr, `using my own user token for the digest script for now: ${xp}`, { secret: true, kind: 'slack', value: xp });
  gr.l(
    '  { "type": "message", "user": "U0' + t.mixed(UPPER + DIGIT, 9) + '", "ts": "' + ts() + '", "text": ":eyes:" }',
    ']',
  );
}

// ---- Google Docs exports ---------------------------------------------------------------------

function gdocs(repo, t, g) {
  const h = repo.file('docs/gdocs/Election-Night-2025-Runbook.html', 'docs');
  const ap = g.ap();
  const pw = g.human();
  const fk = g.fastly();
  const sid = t.twilioSid();
  const tok = t.twilioToken();
  h.l(
    '<html><head><meta content="text/html; charset=UTF-8" http-equiv="content-type"><title>Election Night 2025 Runbook</title></head>',
    '<body class="c12 doc-content">',
    '<h1 class="c3"><span class="c5">Election Night 2025 &ndash; Platform Runbook</span></h1>',
    '<p class="c1"><span class="c0">Owner: Platform. Last edited Nov 4. Do not share outside #newsroom-platform.</span></p>',
    '<h2 class="c3"><span class="c5">Accounts</span></h2>',
  );
  h.s(
    `<p class="c1"><span class="c0">AP Elections API key (results feed): </span><span class="c7">${ap}</span></p>`,
    'ap',
    ap,
  );
  h.s(
    `<p class="c1"><span class="c0">Live blog admin: </span><span class="c7">desk-admin / ${pw}</span></p>`,
    'generic',
    pw,
  );
  h.s(
    `<p class="c1"><span class="c0">Fastly emergency purge token: </span><span class="c7">${fk}</span></p>`,
    'fastly',
    fk,
  );
  h.l(
    `<p class="c1"><span class="c0">Cloudflare account ID (not secret): </span><span class="c7">${t.hex(32)}</span></p>`,
  );
  h.s(`<p class="c1"><span class="c0">SMS alerts (Twilio): SID ${sid}, auth token ${tok}</span></p>`, 'twilio', tok);
  h.l('<p class="c1"><span class="c0">Everything else: 1Password vault &ldquo;Newsroom Platform&rdquo;.</span></p>');
  h.l('</body></html>');

  const m = repo.file('docs/gdocs/Vendor-Accounts-Q3.md', 'docs');
  const cb = g.chartbeat();
  const rp = g.human();
  const vt = g.vimeo();
  m.l('# Vendor accounts (Q3)', '', '| Vendor | Login | Notes |', '| --- | --- | --- |');
  m.s(`| Chartbeat | api key \`${cb}\` | read-only, all sites |`, 'chartbeat', cb);
  m.s(`| Reuters Connect | wires@meridianledger.com / \`${rp}\` | MFA off for the ingest account |`, 'generic', rp);
  m.l('| Parse.ly | apikey `meridianledger.com` | that is the site id, public |');
  m.s(`| Vimeo | token \`${vt}\` | upload + edit scopes |`, 'vimeo', vt);
  m.d(`| Google Ad Manager | network \`${t.digits(8)}\` | public, in every ad tag |`, 'ad manager network code');
}

// ---- Notebooks -------------------------------------------------------------------------------

function notebooks(repo, t, g) {
  const nb = repo.file('analytics/notebooks/subscriber-churn.ipynb', 'notebook');
  const ak = g.amplitude();
  const as = g.amplitude();
  const pg = g.plain(20);
  const pt = g.pianoToken();
  const cb = g.chartbeat();
  const src = (s) => `    ${JSON.stringify(s)},`;
  nb.l(
    '{',
    ' "cells": [',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 1,',
    '   "metadata": {},',
    '   "outputs": [',
    '    {',
  );
  nb.l('     "name": "stdout",', '     "output_type": "stream",', '     "text": [');
  nb.s(`      ${JSON.stringify(`Using Chartbeat key ${cb}\n`)}`, 'chartbeat', cb);
  nb.l('     ]', '    }', '   ],', '   "source": [');
  nb.l(src('import pandas as pd\n'), src('import requests\n'), src('from sqlalchemy import create_engine\n'));
  nb.d(src(`amp_key = "${ak}"  # project API key\n`), 'amplitude project api key (public)');
  nb.s(src(`amp_secret = "${as}"\n`), 'amplitude', as);
  nb.s(src(`engine = create_engine("postgresql://analyst:${pg}@10.40.0.12:5432/warehouse")\n`), 'database', pg);
  nb.s(
    src(
      `subs = requests.get("https://api.piano.io/api/v3/publisher/subscription/list", params={"aid": AID, "api_token": "${pt}"}).json()\n`,
    ),
    'piano',
    pt,
  );
  nb.l(`    ${JSON.stringify(`print(f"Using Chartbeat key {CHARTBEAT_KEY}")`)}`);
  nb.l(
    '   ]',
    '  },',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 2,',
    '   "metadata": {},',
    '   "outputs": [',
    '    {',
    '     "data": {',
  );
  nb.d(`      "image/png": "${t.pngBase64()}",`, 'base64 image');
  nb.l(
    '      "text/plain": ["<Figure size 640x480 with 1 Axes>"]',
    '     },',
    '     "metadata": {},',
    '     "output_type": "display_data"',
    '    }',
    '   ],',
    '   "source": [',
  );
  nb.d(`    ${JSON.stringify('stripe.api_key = os.environ["STRIPE_SECRET_KEY"]')}`, 'os.environ');
  nb.l(
    '   ]',
    '  }',
    ' ],',
    ' "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},',
    ' "nbformat": 4,',
    ' "nbformat_minor": 5',
    '}',
  );

  const n2 = repo.file('analytics/notebooks/headline-ab-test.ipynb', 'notebook');
  const oa = t.openai();
  const ps = g.parselySecret();
  n2.l(
    '{',
    ' "cells": [',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": null,',
    '   "metadata": {},',
    '   "outputs": [],',
    '   "source": [',
  );
  n2.l(src('from openai import OpenAI\n'), src('from getpass import getpass\n'));
  n2.s(src(`client = OpenAI(api_key="${oa}")\n`), 'openai', oa);
  n2.d(src('parsely_secret_staging = getpass("Parse.ly secret: ")\n'), 'getpass prompt');
  n2.s(src(`parsely_secret = "${ps}"\n`), 'parsely', ps);
  n2.l(`    ${JSON.stringify('variants = suggest_headlines(client, story_id="ABC123", n=5)')}`);
  n2.l('   ]', '  }', ' ],', ' "metadata": {},', ' "nbformat": 4,', ' "nbformat_minor": 5', '}');
}

// ---- Docs ------------------------------------------------------------------------------------

function docs(repo, t, g) {
  const r = repo.file('README.md', 'docs');
  r.l(
    '# The Meridian Ledger - platform monorepo',
    '',
    'Front end, CMS bridge, paywall, image, live-blog and newsletter services.',
    '',
    '## Local setup',
    '',
    '```sh',
  );
  r.d('export ARC_ACCESS_TOKEN=<your-arc-developer-token>', 'placeholder');
  r.d('export STRIPE_SECRET_KEY=sk_test_...', 'placeholder');
  r.d('export PIANO_API_TOKEN=${PIANO_API_TOKEN:?ask #newsroom-platform}', 'env reference');
  r.l('docker compose up -d', '```');

  const p = repo.file('docs/runbooks/paywall-incident.md', 'docs');
  const rk = g.stripeRestricted();
  const bg = g.gen(20);
  p.l('# Paywall incident runbook', '', '## Is Stripe charging?', '', '```sh');
  p.s(`curl -s https://api.stripe.com/v1/charges?limit=5 -u ${rk}:`, 'stripe', rk);
  p.l('```', '');
  p.l('Live keys are in Secret Manager under `projects/meridian-prod/secrets/stripe-secret-key`.');
  p.s(`Break-glass Django admin: \`ops-breakglass\` / \`${bg}\``, 'generic', bg);

  const i = repo.file('docs/runbooks/image-service.md', 'docs');
  const r2 = g.r2Secret();
  i.l('# imagine (image resizing)', '', 'List the R2 bucket:', '', '```sh');
  i.s(
    `AWS_ACCESS_KEY_ID=${g.r2Id()} AWS_SECRET_ACCESS_KEY=${r2} aws s3 ls s3://meridian-images --endpoint-url https://${t.hex(32)}.r2.cloudflarestorage.com`,
    'cloudflare',
    r2,
  );
  i.l('```', '');
  i.d(
    'URL shape: `https://img.meridianledger.com/<signature>/rs:fit:1200:0/plain/gs://<bucket>/<path>.jpg`',
    'placeholder',
  );
}

// ---- Keys ------------------------------------------------------------------------------------

function keys(repo, t, g) {
  serviceAccount(repo.file('infra/terraform/keys/terraform-sa.json', 'keys'), t, 'meridian-prod', 'terraform');

  const k = repo.file('services/cms-bridge/keys/arc-sftp.pem', 'keys');
  const rsa = t.rsaPem();
  k.s(rsa, 'private-key', rsa.join('\n'));

  const o = repo.file('ops/keys/archive-vm-deploy', 'keys');
  const os = t.opensshPem();
  o.s(os, 'private-key', os.join('\n'));

  const pub = repo.file('ops/keys/archive-vm-deploy.pub', 'keys');
  pub.d(`ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${t.mixed(B64, 43)} deploy@archive-vm`, 'public key');

  const jw = repo.file('services/paywall/keys/piano-id-jwks.pem', 'keys');
  jw.d(
    [
      '-----BEGIN PUBLIC KEY-----',
      `MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA${g.b64(20)}`,
      g.b64(64),
      g.b64(64),
      `${g.b64(56)}IDAQAB`,
      '-----END PUBLIC KEY-----',
    ],
    'public key',
  );
}

// ---- Noise: hashes, ids, lockfiles, i18n -----------------------------------------------------

function noise(repo, t, _g) {
  const lock = repo.file('apps/web/package-lock.json', 'decoys');
  lock.l('{', '  "name": "@meridian/web",', '  "lockfileVersion": 3,', '  "packages": {');
  for (const name of ['next', 'algoliasearch', 'react-dom']) {
    lock.l(
      `    "node_modules/${name}": {`,
      '      "version": "14.2.5",',
      `      "resolved": "https://registry.npmjs.org/${name}/-/${name}-14.2.5.tgz",`,
    );
    lock.d(`      "integrity": "sha512-${Buffer.from(t.pick(HEX, 128), 'hex').toString('base64')}"`, 'integrity hash');
    lock.l('    },');
  }
  lock.l('    "": {}', '  }', '}');

  const sum = repo.file('services/imagine/go.sum', 'decoys');
  for (const m of ['cloud.google.com/go/storage v1.43.0', 'github.com/minio/minio-go/v7 v7.0.74']) {
    sum.d(`${m} h1:${Buffer.from(t.pick(HEX, 64), 'hex').toString('base64')}`, 'go.sum hash');
  }

  const cl = repo.file('wordpress/composer.lock', 'decoys');
  cl.l(
    '{',
    '  "packages": [',
    '    {',
    '      "name": "automattic/vipwpcs",',
    '      "version": "3.0.1",',
    '      "source": {',
    '        "type": "git",',
  );
  cl.l(`        "reference": "${t.sha1()}"`);
  cl.l('      },', '      "dist": {', '        "type": "zip",');
  cl.l(`        "shasum": "${t.sha1()}"`);
  cl.l('      }', '    }', '  ]', '}');

  const c = repo.file('services/paywall/paywall/constants.py', 'decoys');
  c.d(`STRIPE_PRICE_DIGITAL_MONTHLY = "price_1${t.alnum(24)}"`, 'stripe price id');
  c.d(`PIANO_TERM_ALL_ACCESS = "TM${t.mixed(UPPER + DIGIT, 8)}"`, 'piano term id');
  c.l('STRIPE_KEY_ENV = "STRIPE_SECRET_KEY"');
  c.l('PASSWORD_RESET_TIMEOUT = 3600');

  const po = repo.file('wordpress/themes/meridian/languages/meridian.pot', 'decoys');
  po.l('msgid ""', 'msgstr ""', '"Content-Type: text/plain; charset=UTF-8\\n"', '');
  po.l('msgid "Enter your password"');
  po.l('msgstr ""', '');
  po.l('msgid "Your API token for the Meridian data feed"');
  po.l('msgstr ""');
}
