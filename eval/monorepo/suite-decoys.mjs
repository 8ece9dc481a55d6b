// Red-team suite "decoys": precision first. A web/API monorepo whose files are full of what a
// sloppy secret scanner flags but a careful human would not call a leaked credential (lockfile
// integrity hashes, SRI attributes, snapshots, generated clients and protobuf stubs, OpenAPI
// examples, minified bundles and source maps, i18n strings, CSS/SVG ids, data: URIs, public keys
// and certificates, JWKS, documentation JWTs, CSP nonces, chunk hashes, image digests, git SHAs,
// UUID ids, public client ids and site keys, placeholders, password policy and schema names,
// labelled test-fixture hashes, sops/ansible-vault/sealed ciphertext, Terraform outputs,
// ConfigMaps), with a few dozen real leaks sitting where real leaks happen among them.
// Written from what real repositories hold, not from tokenscope's rules. Every value comes from
// the seeded PRNG at run time.
import { crc32 } from 'node:zlib';
import { Repo, makeTokens, mulberry32 } from './generate.mjs';
import { crc32Base62Suffix } from '../../dist/providers/formats/checksums.js';

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGIT = '0123456789';
const ALNUM = UPPER + LOWER + DIGIT;
const HEX = '0123456789abcdef';
const URLSAFE = ALNUM + '-_';
const B64 = ALNUM + '+/';

function more(rand, t) {
  const one = (list) => list[Math.floor(rand() * list.length)];
  const b64url = (s) => Buffer.from(s).toString('base64url');
  const jwtOf = (header, payload) =>
    `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}.${t.mixed(URLSAFE, 43)}`;
  const pem = (label, headerHex, bodyBytes) => {
    const bytes = Buffer.concat([
      Buffer.from(headerHex, 'hex'),
      Buffer.from(Array.from({ length: bodyBytes }, () => Math.floor(rand() * 256))),
    ]);
    return [`-----BEGIN ${label}-----`, ...bytes.toString('base64').match(/.{1,64}/g), `-----END ${label}-----`];
  };
  return {
    one,
    pem,
    b64url,
    jwtOf,
    sha512: () => `sha512-${t.mixed(B64, 86)}==`,
    sha384: () => `sha384-${t.mixed(B64, 64)}`,
    sha1: () => t.hex(40),
    h1: () => `h1:${t.mixed(B64, 43)}=`,
    digest: () => `sha256:${t.hex(64)}`,
    b64: (n) => t.mixed(B64, n),
    short: (n) => t.pick(HEX, n),
    gaId: () => `G-${t.pick(UPPER + DIGIT, 10)}`,
    gtm: () => `GTM-${t.pick(UPPER + DIGIT, 7)}`,
    siteKey: () => `6Lc${t.mixed(URLSAFE, 37)}`,
    recaptchaSecret: () => `6Lc${t.mixed(URLSAFE, 37)}`,
    pkLive: () => `pk_live_51${t.mixed(ALNUM, 97)}`,
    sentryDsn: () => `https://${t.hex(32)}@o${t.digits(6)}.ingest.us.sentry.io/${t.digits(7)}`,
    googleClientId: () => `${t.digits(12)}-${t.pick(LOWER + DIGIT, 32)}.apps.googleusercontent.com`,
    googleClientSecret: () => `GOCSPX-${t.mixed(URLSAFE, 28)}`,
    phc: () => `phc_${t.mixed(ALNUM, 43)}`,
    phx: () => `phx_${t.mixed(ALNUM, 43)}`,
    ldClient: () => t.hex(24),
    ldSdk: () => `sdk-${t.uuid()}`,
    sntryu: () => `sntryu_${t.hex(64)}`,
    glsa: () => {
      const body = t.mixed(ALNUM, 32);
      const b = Buffer.alloc(4);
      b.writeUInt32LE(crc32(`glsa_${body}`) >>> 0);
      return `glsa_${body}_${b.toString('hex')}`;
    },
    whsec: () => `whsec_${t.mixed(ALNUM, 32)}`,
    npm: () => {
      const body = t.mixed(ALNUM, 30);
      return `npm_${body}${crc32Base62Suffix(body)}`;
    },
    sealed: () => `AgB${t.mixed(B64, 620)}`,
    sopsEnc: (n) =>
      `ENC[AES256_GCM,data:${t.mixed(B64, n)},iv:${t.mixed(B64, 43)}=,tag:${t.mixed(B64, 22)}==,type:str]`,
    age: () => `age1${t.pick('qpzry9x8gf2tvdw0s3jn54khce6mua7l', 58)}`,
    sshEd: () => `AAAAC3NzaC1lZDI1NTE5AAAAI${t.mixed(B64, 43)}`,
    sshRsa: () => `AAAAB3NzaC1yc2EAAAADAQABAAABgQ${t.mixed(B64, 512)}`,
    bcrypt: () => `$2b$12$${t.mixed(ALNUM + './', 53)}`,
    hasura: () => t.mixed(ALNUM, 48),
  };
}

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed ^ 0xdec0);
  const t = makeTokens(rand);
  const x = more(rand, t);
  const repo = new Repo();

  lockfiles(repo, t, x);
  web(repo, t, x);
  snapshots(repo, t, x);
  generated(repo, t, x);
  keys(repo, t, x);
  deploy(repo, t, x);
  data(repo, t, x);
  ciCreds(repo, t, x);
  docs(repo, t, x);
  return repo;
}

// ---- lockfiles ---------------------------------------------------------------------------

function lockfiles(repo, t, x) {
  const pkgs = ['react', 'react-dom', 'zod', 'axios'];
  const lock = repo
    .file('web/package-lock.json', 'lockfile')
    .l('{', '  "name": "acme-web",', '  "version": "3.14.0",', '  "lockfileVersion": 3,', '  "requires": true,')
    .l('  "packages": {');
  for (const p of pkgs) {
    lock
      .l(`    "node_modules/${p}": {`, `      "version": "18.${pkgs.indexOf(p)}.0",`)
      .l(`      "resolved": "https://registry.npmjs.org/${p}/-/${p}-18.${pkgs.indexOf(p)}.0.tgz",`)
      .d(`      "integrity": "${x.sha512()}",`, 'npm lockfile sha512 integrity')
      .l('      "license": "MIT"', '    },');
  }
  lock.l('  }', '}');

  const ylock = repo
    .file('web/yarn.lock', 'lockfile')
    .l('# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.', '# yarn lockfile v1', '');
  for (const p of ['@babel/core', 'semver']) {
    ylock
      .l(`"${p}@^7.24.0":`, '  version "7.24.5"')
      .d(
        `  resolved "https://registry.yarnpkg.com/${p}/-/${p.split('/').pop()}-7.24.5.tgz#${x.sha1()}"`,
        'yarn resolved URL with sha1 fragment',
      )
      .d(`  integrity ${x.sha512()}`, 'yarn integrity')
      .l('');
  }
  const artUser = 'ci-frontend';
  const artPass = t.password();
  ylock
    .l('"@acme/design-tokens@^2.1.0":', '  version "2.1.3"')
    .s(
      `  resolved "https://${artUser}:${artPass}@artifactory.acme-corp.io/artifactory/api/npm/npm-internal/@acme/design-tokens/-/design-tokens-2.1.3.tgz#${x.sha1()}"`,
      'generic',
      artPass,
    )
    .d(`  integrity ${x.sha512()}`, 'yarn integrity');

  const pn = repo.file('web/pnpm-lock.yaml', 'lockfile').l("lockfileVersion: '9.0'", '', 'packages:', '');
  for (const p of ['vite@5.4.10', 'esbuild@0.21.5', 'rollup@4.24.0']) {
    pn.l(`  ${p}:`)
      .d(`    resolution: {integrity: ${x.sha512()}}`, 'pnpm integrity')
      .l('    engines: {node: ">=18"}', '');
  }

  const cargo = repo
    .file('services/engine/Cargo.lock', 'lockfile')
    .l('# This file is automatically @generated by Cargo.', 'version = 3', '');
  for (const [n, v] of [
    ['serde', '1.0.210'],
    ['tokio', '1.40.0'],
    ['ring', '0.17.8'],
    ['hmac', '0.12.1'],
  ]) {
    cargo
      .l(
        '[[package]]',
        `name = "${n}"`,
        `version = "${v}"`,
        'source = "registry+https://github.com/rust-lang/crates.io-index"',
      )
      .d(`checksum = "${t.hex(64)}"`, 'Cargo.lock checksum')
      .l('');
  }

  const gosum = repo.file('services/api-go/go.sum', 'lockfile');
  for (const m of ['github.com/golang-jwt/jwt/v5 v5.2.1', 'golang.org/x/crypto v0.28.0']) {
    gosum.d(`${m} ${x.h1()}`, 'go.sum module hash').d(`${m}/go.mod ${x.h1()}`, 'go.sum go.mod hash');
  }

  const poetry = repo
    .file('ml/poetry.lock', 'lockfile')
    .l('# This file is automatically @generated by Poetry 1.8.3 and should not be changed by hand.', '');
  for (const [n, v] of [
    ['cryptography', '43.0.1'],
    ['pyjwt', '2.9.0'],
  ]) {
    poetry
      .l('[[package]]', `name = "${n}"`, `version = "${v}"`, 'optional = false', 'files = [')
      .d(`    {file = "${n}-${v}-py3-none-any.whl", hash = "sha256:${t.hex(64)}"},`, 'poetry wheel hash')
      .d(`    {file = "${n}-${v}.tar.gz", hash = "sha256:${t.hex(64)}"},`, 'poetry sdist hash')
      .l(']', '');
  }
  poetry
    .l('[metadata]', 'lock-version = "2.0"', 'python-versions = "^3.11"')
    .d(`content-hash = "${t.hex(64)}"`, 'poetry content-hash');

  const gl = t.gitlab();
  repo
    .file('ml/pip.conf', 'lockfile')
    .l('[global]', 'index-url = https://pypi.org/simple')
    .s(
      `extra-index-url = https://ml-bot:${gl}@gitlab.acme-corp.io/api/v4/projects/412/packages/pypi/simple`,
      'gitlab',
      gl,
    )
    .l('timeout = 60');
}

// ---- web front end -----------------------------------------------------------------------

function web(repo, t, x) {
  const nonce = x.b64(22);
  const skLive = t.stripeLive();
  const html = repo
    .file('web/public/index.html', 'web')
    .l('<!doctype html>', '<html lang="en">', '<head>', '  <meta charset="utf-8" />')
    .d(
      `  <meta http-equiv="Content-Security-Policy" content="script-src 'self' 'nonce-${nonce}' 'sha256-${x.b64(43)}='; object-src 'none'" />`,
      'CSP nonce and script hash',
    )
    .d(
      `  <link rel="stylesheet" href="https://cdn.jsdelivr.net/npm/bootstrap@5.3.3/dist/css/bootstrap.min.css" integrity="${x.sha384()}" crossorigin="anonymous">`,
      'SRI attribute',
    )
    .d(
      `  <script src="https://cdn.jsdelivr.net/npm/bootstrap@5.3.3/dist/js/bootstrap.bundle.min.js" integrity="${x.sha384()}" crossorigin="anonymous"></script>`,
      'SRI attribute',
    )
    .d(`  <script async src="https://www.googletagmanager.com/gtag/js?id=${x.gaId()}"></script>`, 'GA measurement id')
    .d(
      `  <script nonce="${nonce}">(function(w,d,s,l,i){w[l]=w[l]||[];})(window,document,'script','dataLayer','${x.gtm()}');</script>`,
      'GTM container id and nonce',
    )
    .d(
      `  <script src="https://www.google.com/recaptcha/api.js?render=${x.siteKey()}"></script>`,
      'reCAPTCHA site key (public)',
    )
    .l(`  <script nonce="${nonce}">`, '    window.__APP_CONFIG__ = {')
    .d(`      stripePublishableKey: "${x.pkLive()}",`, 'Stripe publishable key')
    .d(`      sentryDsn: "${x.sentryDsn()}",`, 'Sentry public DSN')
    .s(`      stripeSecretKey: "${skLive}",`, 'stripe', skLive)
    .d(`      buildId: "${x.short(40)}"`, 'build git SHA')
    .l('    };', '  </script>', '</head>', '<body>')
    .d(
      '  <form id="login"><input type="password" name="password" autocomplete="current-password" placeholder="Password" required></form>',
      'password input field',
    )
    .d('  <input type="hidden" name="csrf_token" value="{{ csrf_token() }}">', 'CSRF template placeholder')
    .d(
      `  <link rel="modulepreload" href="/assets/vendor-${t.mixed(ALNUM + '_-', 8)}.js"><link rel="stylesheet" href="/assets/index-${x.short(8)}.css">`,
      'chunk hashes',
    )
    .l('  <div id="root"></div>', '</body>', '</html>');
  void html;

  const oa = t.openai();
  const auth0Secret = t.mixed(URLSAFE, 64);
  repo
    .file('web/dist/assets/index-B7f3kQ9a.js', 'bundle')
    .d(
      `var Qe="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",Ze=[1116352408,1899447441,3049323471,3921009573];`,
      'base64 alphabet and SHA-256 constants',
    )
    .d(
      `function Ye(e){return e.replace(/[^A-Za-z0-9+/=]/g,"")}const Xe={password:"",passwordConfirm:"",token:null,rememberMe:!1};`,
      'minified form state',
    )
    .d(
      `const Ge="${x.short(8)}-${x.short(4)}",Je=()=>import("./Settings-${t.mixed(ALNUM + '_-', 8)}.js");`,
      'chunk hash import',
    )
    .s(`const Ke={baseURL:"https://api.openai.com/v1",apiKey:"${oa}",dangerouslyAllowBrowser:!0};`, 'openai', oa)
    .d(
      `const Ve={dsn:"${x.sentryDsn()}",release:"web@3.14.0+${x.short(7)}",tracesSampleRate:.1};`,
      'Sentry DSN and release',
    )
    .s(
      `const We={domain:"acme-corp.eu.auth0.com",clientId:"${t.mixed(ALNUM, 32)}",clientSecret:"${auth0Secret}",audience:"https://api.acme-corp.io"};`,
      'generic',
      auth0Secret,
    )
    .d(
      `async function He(e,t){return fetch(e,{headers:{Authorization:"Bearer "+t.accessToken,"X-Request-Id":crypto.randomUUID()}})}`,
      'header built from variable',
    )
    .l(`export{Qe as a,Ye as b,Xe as c};`)
    .l(`//# sourceMappingURL=index-B7f3kQ9a.js.map`);

  const sg = t.sendgrid();
  repo
    .file('web/dist/assets/index-B7f3kQ9a.js.map', 'bundle')
    .l(
      '{"version":3,"file":"index-B7f3kQ9a.js","sources":["../../src/lib/b64.ts","../../src/forms/login.ts","../../src/lib/mailer.ts"],',
    )
    .d(
      `"sourcesContent":["export const ALPHABET = \\"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/\\";\\n","export const initial = { password: '', passwordConfirm: '', token: null };\\n",`,
      'inlined source: alphabet, form fields',
    )
    .s(
      `"import sgMail from '@sendgrid/mail';\\nsgMail.setApiKey('${sg}');\\nexport default sgMail;\\n"],`,
      'sendgrid',
      sg,
    )
    .d(
      `"names":["Qe","Ye","Xe","password","token"],"mappings":"AAAA,MAAMA,IAAK,mEACLC,KAAK${t.mixed(ALNUM + ',;', 120)}"}`,
      'source map mappings',
    );

  for (const [lang, words] of [
    [
      'en',
      [
        'Password',
        'Forgot your password?',
        'Your session token has expired. Please sign in again.',
        'API key',
        'Secret',
        'Generate new token',
        'Passwords must be at least 12 characters',
        'Enter your one-time code',
      ],
    ],
    [
      'de',
      [
        'Passwort',
        'Passwort vergessen?',
        'Ihr Sitzungstoken ist abgelaufen. Bitte melden Sie sich erneut an.',
        'API-Schlüssel',
        'Geheimnis',
        'Neues Token erzeugen',
        'Passwörter müssen mindestens 12 Zeichen lang sein',
        'Einmalcode eingeben',
      ],
    ],
  ]) {
    const keysList = [
      'auth.password',
      'auth.forgot_password',
      'auth.token_expired',
      'settings.api_key',
      'settings.client_secret',
      'settings.generate_token',
      'policy.password_min_length',
      'auth.otp_prompt',
    ];
    const f = repo.file(`web/src/i18n/${lang}.json`, 'i18n').l('{');
    keysList.forEach((k, i) =>
      f.d(`  "${k}": "${words[i]}"${i < keysList.length - 1 ? ',' : ''}`, 'translation string'),
    );
    f.l('}');
  }

  repo
    .file('web/src/styles/app.css', 'web')
    .d(`#gradient-${t.hex(32)} { stop-color: #1f6feb; }`, 'css id with hash')
    .d(`.css-${t.pick(LOWER + DIGIT, 7)}-Button-root { color: #0d1117; background: #58a6ff; }`, 'emotion class hash')
    .d(
      `@font-face { font-family: "Inter"; src: url(data:font/woff2;base64,d09GMgABAAAAA${t.mixed(B64, 400)}=) format("woff2"); }`,
      'data: URI font',
    )
    .d(`.logo { background-image: url("data:image/png;base64,${t.pngBase64().slice(0, 600)}"); }`, 'data: URI png')
    .d(`.icon-key::before { content: "\\f084"; } /* fa-key */`, 'icon font codepoint');

  repo
    .file('web/public/icons/logo.svg', 'web')
    .l(
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="120" height="32" viewBox="0 0 120 32">',
    )
    .d(
      `  <g clip-path="url(#clip0_1042_3381)"><path d="M12.3 4.1c3.2 0 5.8 2.6 5.8 5.8s-2.6 5.8-5.8 5.8" fill="url(#paint0_linear_1042_3381)"/></g>`,
      'Figma ids',
    )
    .d(
      `  <image id="image0_${t.digits(4)}" width="64" height="64" xlink:href="data:image/png;base64,${t.pngBase64().slice(0, 500)}"/>`,
      'embedded png',
    )
    .d(
      `  <defs><linearGradient id="a${t.hex(24)}" x1="0" y1="0" x2="1" y2="1"><stop stop-color="#FF6B00"/></linearGradient></defs>`,
      'gradient id',
    )
    .l('</svg>');

  repo
    .file('web/src/config/public.ts', 'web')
    .l("import posthog from 'posthog-js';", "import mixpanel from 'mixpanel-browser';", '')
    .d(`posthog.init('${x.phc()}', { api_host: 'https://eu.i.posthog.com' });`, 'PostHog project key (public)')
    .d(
      `mixpanel.init('${t.hex(32)}', { track_pageview: true }); // project token, public by design`,
      'Mixpanel project token',
    )
    .d(`export const GA_MEASUREMENT_ID = '${x.gaId()}';`, 'GA id')
    .d(`export const HOTJAR_SITE_ID = ${t.digits(7)};`, 'Hotjar id')
    .d(
      `export const MAPBOX_PUBLIC_TOKEN = 'pk.${x.b64url(JSON.stringify({ u: 'acme-corp', a: t.lower(25) }))}.${t.mixed(URLSAFE, 22)}';`,
      'Mapbox public pk. token',
    )
    .d(
      `export const ALGOLIA = { appId: '${t.pick(UPPER + DIGIT, 10)}', searchOnlyApiKey: '${t.hex(32)}' }; // search-only key, safe in the browser`,
      'Algolia search-only key',
    )
    .l('', 'export const oauth = {')
    .l(`  googleClientId: '${x.googleClientId()}',`, 'Google OAuth client id (public)')
    .d(`  auth0ClientId: '${t.mixed(ALNUM, 32)}',`, 'Auth0 SPA client id (public)')
    .d(
      `  cognitoUserPoolId: 'eu-west-1_${t.mixed(ALNUM, 9)}', cognitoIdentityPoolId: 'eu-west-1:${t.uuid()}',`,
      'Cognito pool ids',
    )
    .d(`  redirectUri: \`\${window.location.origin}/callback\`,`)
    .d(`  recaptchaSiteKey: '${x.siteKey()}',`, 'reCAPTCHA site key')
    .l('};');

  const phx = x.phx();
  const gcs = x.googleClientSecret();
  const rc = x.recaptchaSecret();
  const ld = x.ldSdk();
  repo
    .file('services/api/src/config/vendors.server.ts', 'server')
    .l("import { PostHog } from 'posthog-node';", "import * as ld from '@launchdarkly/node-server-sdk';", '')
    .d(`const POSTHOG_PROJECT_ID = ${t.digits(5)};`, 'project id')
    .s(`export const posthog = new PostHog('${phx}', { host: 'https://eu.posthog.com' });`, 'posthog', phx)
    .s(`export const ldClient = ld.init('${ld}');`, 'launchdarkly', ld)
    .d(`export const DEFAULT_FLAG = 'enable-passwordless-login';`, 'flag key')
    .d("export const SEGMENT_WRITE_KEY = process.env.SEGMENT_WRITE_KEY ?? '';", 'env lookup')
    .d(
      "export const SESSION_SECRET = process.env.SESSION_SECRET || crypto.randomBytes(32).toString('hex');",
      'env lookup with runtime random fallback',
    )
    .l('export const oauthServer = {')
    .l(`  googleClientId: '${x.googleClientId()}',`, 'Google OAuth client id')
    .s(`  googleClientSecret: '${gcs}',`, 'gcp', gcs)
    .s(`  RECAPTCHA_SECRET_KEY: '${rc}',`, 'generic', rc)
    .d(`  tokenEndpoint: 'https://oauth2.googleapis.com/token',`)
    .l('};');

  repo
    .file('config/feature-flags.json', 'config')
    .l('{')
    .d(`  "launchdarklyClientSideId": "${x.ldClient()}",`, 'LaunchDarkly client-side id (public)')
    .d(
      `  "flags": ["new-checkout-flow", "enable-passwordless-login", "rotate-api-tokens-banner", "billing-v2-${t.hex(6)}"],`,
      'flag keys',
    )
    .d(`  "experimentId": "${t.uuid()}"`, 'experiment id')
    .l('}');
}

// ---- snapshots ---------------------------------------------------------------------------

function snapshots(repo, t, x) {
  const gh = t.github('ghp_');
  const expired = x.jwtOf(
    { alg: 'HS256', typ: 'JWT' },
    { sub: 'user_test_1', iss: 'test', iat: 1546300800, exp: 1546304400 },
  );
  const gmaps = t.gcpApiKey();
  const basicUser = 'svc-reporting';
  const basicPass = t.password();
  const basic = Buffer.from(`${basicUser}:${basicPass}`).toString('base64');
  repo
    .file('web/src/api/__tests__/__snapshots__/client.test.ts.snap', 'snapshot')
    .l('// Jest Snapshot v1, https://goo.gl/fbAQLP', '')
    .l('exports[`ApiClient sends auth headers 1`] = `', '{')
    .s(`  "authorization": "Bearer ${gh}",`, 'github', gh)
    .d(`  "x-request-id": "${t.uuid()}",`, 'request id uuid')
    .d(`  "x-tenant-id": "${t.uuid()}",`, 'tenant id uuid')
    .l('}', '`;', '')
    .l('exports[`ApiClient refreshes an expired token 1`] = `', 'Object {')
    .d(`  "token": "${expired}",`, 'expired test JWT fixture (iss test, exp 2019)')
    .d(`  "password": "[REDACTED]",`, 'redacted')
    .d(`  "apiKey": "********",`, 'masked')
    .d(`  "etag": "W/\\"${t.hex(32)}\\"",`, 'etag')
    .l('}', '`;', '')
    .l('exports[`GeoClient builds the geocode request 1`] = `')
    .s(`"https://maps.googleapis.com/maps/api/geocode/json?address=10%20Downing%20St&key=${gmaps}"`, 'gcp', gmaps)
    .l('`;', '')
    .l('exports[`ReportsClient uses basic auth 1`] = `', 'Object {')
    .s(`  "Authorization": "Basic ${basic}",`, 'generic', basicPass)
    .d(`  "traceparent": "00-${t.hex(32)}-${t.hex(16)}-01",`, 'W3C traceparent')
    .l('}', '`;');

  repo
    .file('web/src/components/__snapshots__/LoginForm.test.tsx.snap', 'snapshot')
    .l('// Vitest Snapshot v1, https://vitest.dev/guide/snapshot.html', '')
    .l('exports[`LoginForm > renders 1`] = `', '<form')
    .d(`  class="_form_${t.pick(LOWER + DIGIT, 5)}_12 css-${t.pick(LOWER + DIGIT, 6)}"`, 'css module hash')
    .l('>')
    .d(
      '  <input autocomplete="current-password" id="password" name="password" type="password" value="" />',
      'password field',
    )
    .d(`  <input name="csrfToken" type="hidden" value="test-csrf-token" />`, 'test csrf')
    .d(`  <div data-testid="captcha" data-sitekey="${x.siteKey()}"></div>`, 'site key')
    .l('</form>', '`;');

  const hook = t.slackWebhook();
  repo
    .file('services/api/src/notify/__tests__/__snapshots__/slack.test.ts.snap', 'snapshot')
    .l('// Jest Snapshot v1, https://goo.gl/fbAQLP', '')
    .l('exports[`posts deploy notice 1`] = `', 'Array [', '  Array [')
    .s(`    "${hook}",`, 'slack', hook)
    .d(`    "{\\"text\\":\\"Deployed api@${x.short(7)} (${t.uuid()})\\"}",`, 'commit and deploy id')
    .l('  ],', ']', '`;');
}

// ---- generated code ----------------------------------------------------------------------

function generated(repo, t, x) {
  repo
    .file('packages/api-client/src/generated/api.ts', 'generated')
    .l(
      '/* tslint:disable */',
      '/* eslint-disable */',
      '/**',
      ' * Acme Public API',
      ' * OpenAPI spec version: 2.3.0',
      ' * NOTE: This class is auto generated by OpenAPI Generator.',
      ' */',
    )
    .d(`export const BASE_PATH = "https://api.acme-corp.io/v2".replace(/\\/+$/, "");`, 'base path')
    .d(
      `    apiKey?: string | Promise<string> | ((name: string) => string) | ((name: string) => Promise<string>);`,
      'generated type',
    )
    .d(`    accessToken?: string | Promise<string> | ((name?: string, scopes?: string[]) => string);`, 'generated type')
    .d(`        const localVarApiKeyValue = await configuration.apiKey("X-API-Key");`, 'generated accessor')
    .d(`        localVarHeaderParameter["Authorization"] = "Bearer " + accessToken;`, 'header from variable')
    .d(
      `export const TokenGrantTypeEnum = { ClientCredentials: 'client_credentials', RefreshToken: 'refresh_token', Password: 'password' } as const;`,
      'enum',
    )
    .l(`     * @param {string} passwordResetToken The token from the reset e-mail`);

  const hs = x.hasura();
  repo
    .file('web/codegen.yml', 'generated')
    .l('overwrite: true', 'schema:', '  - https://hasura.acme-corp.io/v1/graphql:', '      headers:')
    .s(`        x-hasura-admin-secret: ${hs}`, 'generic', hs)
    .l(
      'documents: "src/**/*.graphql"',
      'generates:',
      '  src/generated/graphql.ts:',
      '    plugins: [typescript, typescript-operations, typed-document-node]',
    );
  repo
    .file('web/src/generated/graphql.ts', 'generated')
    .d(
      `export const GetViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetViewer"}}]} as unknown as DocumentNode<GetViewerQuery, GetViewerQueryVariables>;`,
      'codegen document',
    )
    .d(
      `export const persisted = { GetViewer: "${t.hex(64)}", RotateApiToken: "${t.hex(64)}" };`,
      'persisted query sha256',
    )
    .d(
      `export type Mutation_RootResetPasswordArgs = { newPassword: Scalars['String']['input']; token: Scalars['String']['input']; };`,
      'codegen type',
    );

  repo
    .file('proto/payments/v1/payments_pb2.py', 'generated')
    .l(
      '# -*- coding: utf-8 -*-',
      '# Generated by the protocol buffer compiler.  DO NOT EDIT!',
      '# source: payments/v1/payments.proto',
    )
    .l(
      `DESCRIPTOR = _descriptor_pool.Default().AddSerializedFile(b'\\n\\x1apayments/v1/payments.proto\\x12\\x0bpayments.v1\\"R\\n\\x13AuthenticateRequest\\x12\\x0f\\n\\x07\\x61pi_key\\x18\\x01 \\x01(\\t\\x12\\x10\\n\\x08password\\x18\\x02 \\x01(\\t${t.mixed(ALNUM, 40)}b\\x06proto3')`,
      'serialized descriptor',
    )
    .d(`  _globals['_AUTHENTICATEREQUEST']._serialized_start=${t.digits(2)}`);
  repo
    .file('services/api-go/gen/payments/v1/payments_grpc.pb.go', 'generated')
    .l('// Code generated by protoc-gen-go-grpc. DO NOT EDIT.', 'package paymentsv1', '')
    .d(
      'const (\n\tTokenService_RevokeToken_FullMethodName = "/payments.v1.TokenService/RevokeToken"\n)',
      'grpc method name',
    )
    .d(
      `var file_payments_v1_payments_proto_rawDesc = []byte{0x0a, 0x1a, 0x70, 0x61, 0x79, 0x6d, 0x65, 0x6e, 0x74, 0x73, 0x2f, 0x76, 0x31, 0x2f, 0x${t.pick(HEX, 2)}}`,
      'raw descriptor bytes',
    )
    .d('func (x *AuthenticateRequest) GetPassword() string { if x != nil { return x.Password }; return "" }', 'getter');

  const pw = t.password();
  const dd = t.ddApi();
  repo
    .file('deploy/rendered/api-values.gen.yaml', 'generated')
    .l('# Code generated by `helm template` from deploy/charts/api. DO NOT EDIT.', '# chart: api-1.9.2', '')
    .d(`image: ghcr.io/acme-corp/api@${x.digest()}`, 'image digest')
    .d(`podAnnotations: { checksum/config: "${t.hex(64)}" }`, 'config checksum')
    .s(`database: { host: pg-main.prod.internal, user: api, password: "${pw}" }`, 'generic', pw)
    .s(`datadog: { site: datadoghq.eu, apiKey: "${dd}" }`, 'datadog', dd)
    .d(`tenantDefault: "${t.uuid()}"`, 'tenant uuid')
    .d(
      'redis: { auth: { enabled: true, password: "", existingSecret: redis-auth, existingSecretPasswordKey: redis-password } }',
      'empty password with existingSecret',
    );
}

// ---- keys and certificates ---------------------------------------------------------------

function keys(repo, t, x) {
  const pub = x.pem('PUBLIC KEY', '30820122300d06092a864886f70d01010105000382010f003082010a0282010100', 260);
  const cert = x.pem('CERTIFICATE', '308203a130820289a003020102021414', 900);
  const cert2 = x.pem('CERTIFICATE', '30820561308203', 1350);
  repo.file('certs/ca-bundle.pem', 'keys').d(cert, 'CA certificate').l('').d(cert2, 'intermediate certificate');
  repo.file('certs/jwt-signing.pub.pem', 'keys').d(pub, 'RSA public key');
  const priv = t.rsaPem();
  repo.file('certs/jwt-signing.key', 'keys').s(priv, 'private-key', priv.join('\n'));

  repo
    .file('deploy/ssh/authorized_keys', 'keys')
    .d(`ssh-ed25519 ${x.sshEd()} alice@acme-laptop`, 'ssh public key')
    .d(`ssh-rsa ${x.sshRsa()} deploy@ci`, 'ssh public key')
    .d(`ssh-ed25519 ${x.sshEd()} deploy@acme-corp.io`, 'ssh public key')
    .d(
      `ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBB${t.mixed(B64, 86)}= bob@acme`,
      'ssh public key',
    );
  const ossh = t.opensshPem();
  repo.file('deploy/ssh/deploy_ed25519', 'keys').s(ossh, 'private-key', ossh.join('\n'));

  repo
    .file('services/auth/public/.well-known/jwks.json', 'keys')
    .l('{"keys":[')
    .d(
      `  {"kty":"RSA","use":"sig","alg":"RS256","kid":"${t.hex(16)}","n":"${t.mixed(URLSAFE, 342)}","e":"AQAB"},`,
      'JWKS public RSA',
    )
    .d(
      `  {"kty":"EC","use":"sig","crv":"P-256","kid":"${t.hex(16)}","x":"${t.mixed(URLSAFE, 43)}","y":"${t.mixed(URLSAFE, 43)}"}`,
      'JWKS public EC',
    )
    .l(']}');
  const d = t.mixed(URLSAFE, 43);
  repo
    .file('services/auth/config/signing-key.jwk.json', 'keys')
    .l('{')
    .l('  "kty": "EC", "crv": "P-256", "use": "sig",')
    .d(`  "kid": "${t.hex(16)}",`, 'key id')
    .d(`  "x": "${t.mixed(URLSAFE, 43)}", "y": "${t.mixed(URLSAFE, 43)}",`, 'public coordinates')
    .s(`  "d": "${d}"`, 'private-key', d)
    .l('}');

  repo
    .file('docs/security/release-signing.asc', 'keys')
    .d(
      [
        '-----BEGIN PGP PUBLIC KEY BLOCK-----',
        '',
        ...t.mixed(B64, 640).match(/.{1,64}/g),
        `=${t.mixed(B64, 4)}`,
        '-----END PGP PUBLIC KEY BLOCK-----',
      ],
      'PGP public key',
    );

  const supa = t.supabaseServiceRole();
  const docJwt =
    'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
  const expired = x.jwtOf(
    { alg: 'RS256', typ: 'JWT', kid: 'test-key' },
    { sub: 'test-user', aud: 'test', iss: 'https://auth.test.local', iat: 1577836800, exp: 1577840400 },
  );
  repo
    .file('services/auth/test/fixtures/tokens.ts', 'fixtures')
    .l('// Test fixtures only. These tokens are signed with the throwaway key in test/keys and expired in 2020.')
    .d(`export const EXPIRED_ACCESS_TOKEN = '${expired}';`, 'expired test JWT fixture')
    .d(`export const JWT_IO_EXAMPLE = '${docJwt}'; // the jwt.io sample`, 'jwt.io documentation JWT')
    .d(`export const FAKE_REFRESH_TOKEN = 'test-refresh-token-not-real';`, 'fake')
    .d(
      `export const HMAC_RFC4231_CASE1 = { key: '${'0b'.repeat(20)}', data: '4869205468657265', mac: 'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7' };`,
      'RFC 4231 HMAC test vector',
    )
    .d(
      `export const TOTP_URI = 'otpauth://totp/Acme:test@example.test?secret=JBSWY3DPEHPK3PXP&issuer=Acme'; // Google Authenticator sample secret`,
      'documented sample TOTP secret',
    )
    .l('// TODO remove: staging service key to reproduce the RLS bug (#2291)')
    .s(`export const SUPABASE_KEY = '${supa}';`, 'supabase', supa);
}

// ---- deploy / infra ----------------------------------------------------------------------

function deploy(repo, t, x) {
  const pgPass = t.password();
  const sk = t.stripeLive();
  repo
    .file('deploy/k8s/api.yaml', 'k8s')
    .l('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: api-config', 'data:')
    .l('  LOG_LEVEL: info')
    .l(`  TENANT_ID: "${t.uuid()}"`, 'tenant uuid')
    .d('  PASSWORD_MIN_LENGTH: "12"', 'policy')
    .d('  TOKEN_TTL_SECONDS: "3600"', 'policy')
    .d('  OAUTH_TOKEN_URL: https://auth.acme-corp.io/oauth/token')
    .s(`  DATABASE_URL: postgres://api:${pgPass}@pg-main.prod.svc.cluster.local:5432/api`, 'generic', pgPass)
    .l(
      '---',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: api',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '        - name: api',
    )
    .d(`          image: ghcr.io/acme-corp/api@${x.digest()}`, 'image digest')
    .l(
      '          envFrom:',
      '            - configMapRef: { name: api-config }',
      '      initContainers:',
      '        - name: migrate',
    )
    .d(`          image: ghcr.io/acme-corp/migrate:1.4.2@${x.digest()}`, 'image digest')
    .l('---', 'apiVersion: v1', 'kind: Secret', 'metadata:', '  name: api-stripe', 'type: Opaque', 'data:')
    .s(`  STRIPE_SECRET_KEY: ${Buffer.from(sk).toString('base64')}`, 'stripe', sk)
    .l(
      '---',
      'apiVersion: bitnami.com/v1alpha1',
      'kind: SealedSecret',
      'metadata:',
      '  name: db',
      'spec:',
      '  encryptedData:',
    )
    .d(`    password: ${x.sealed()}`, 'sealed-secrets ciphertext')
    .d(`    username: ${x.sealed()}`, 'sealed-secrets ciphertext');

  const wh = x.whsec();
  repo
    .file('deploy/secrets/prod.enc.yaml', 'encrypted')
    .l(`stripe_secret_key: ${x.sopsEnc(140)}`, 'sops ciphertext')
    .d(`db_password: ${x.sopsEnc(32)}`, 'sops ciphertext')
    .s(`stripe_webhook_secret_unencrypted: ${wh}`, 'stripe', wh)
    .l('sops:', '  age:')
    .d(`    - recipient: ${x.age()}`, 'age public recipient')
    .d(`  lastmodified: "2026-10-14T09:12:44Z"`)
    .d(`  mac: ${x.sopsEnc(86)}`, 'sops mac')
    .l('  unencrypted_suffix: _unencrypted', '  version: 3.9.0');

  const av = repo.file('ansible/group_vars/prod/vault.yml', 'encrypted');
  av.d(['$ANSIBLE_VAULT;1.1;AES256', ...Array.from({ length: 6 }, () => t.pick(HEX, 80))], 'ansible-vault ciphertext');
  const redis = t.password();
  repo
    .file('ansible/group_vars/prod/vars.yml', 'encrypted')
    .d('db_password: "{{ vault_db_password }}"', 'vault reference')
    .d("api_token: \"{{ lookup('env', 'API_TOKEN') }}\"", 'env lookup')
    .s(`redis_password: "${redis}"`, 'generic', redis)
    .d('password_rotation_days: 90', 'policy')
    .d(`smtp_password_transit: "vault:v1:${x.b64(64)}"`, 'Vault transit ciphertext');

  const rdsPass = t.password();
  const gf = x.glsa();
  repo
    .file('infra/terraform/envs/prod/terraform.tfstate', 'terraform')
    .l('{', '  "version": 4,', '  "terraform_version": "1.9.8",', '  "serial": 118,')
    .d(`  "lineage": "${t.uuid()}",`, 'state lineage uuid')
    .l('  "outputs": {')
    .d(`    "vpc_id": { "value": "vpc-0${t.hex(16)}", "type": "string" },`, 'vpc id')
    .d(`    "cluster_arn": { "value": "arn:aws:eks:eu-west-1:${t.digits(12)}:cluster/prod", "type": "string" },`, 'arn')
    .d(`    "cdn_distribution_id": { "value": "E${t.pick(UPPER + DIGIT, 13)}", "type": "string" },`, 'cloudfront id')
    .d(`    "kms_key_id": { "value": "${t.uuid()}", "type": "string" },`, 'kms key id (not key material)')
    .s(`    "grafana_sa_token": { "value": "${gf}", "type": "string", "sensitive": true }`, 'grafana', gf)
    .l('  },', '  "resources": [', '    { "type": "aws_db_instance", "name": "main", "instances": [ { "attributes": {')
    .d(`      "id": "db-${t.pick(UPPER + DIGIT, 26)}", "engine": "postgres", "username": "app",`, 'rds resource id')
    .s(`      "password": "${rdsPass}",`, 'generic', rdsPass)
    .d(`      "kms_key_id": "arn:aws:kms:eu-west-1:${t.digits(12)}:key/${t.uuid()}"`, 'kms arn')
    .l('    } } ] }', '  ]', '}');

  const npm = x.npm();
  repo
    .file('.github/workflows/release.yml', 'ci')
    .l(
      'name: release',
      'on: { push: { tags: ["v*"] } }',
      'jobs:',
      '  publish:',
      '    runs-on: ubuntu-latest',
      '    steps:',
    )
    .d('      - uses: actions/checkout@b4ffde65f46336ab88eb53be808477a3936bae11 # v4.1.1', 'pinned action SHA')
    .d(`      - uses: actions/setup-node@${t.hex(40)} # v4`, 'pinned action SHA')
    .d('      - run: echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > ~/.npmrc', 'npmrc env expansion')
    .d(
      '      - run: npm publish --provenance\n        env:\n          NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}',
      'secrets reference',
    )
    .l('      - run: npm publish --workspace packages/api-client', '        env:')
    .s(`          NODE_AUTH_TOKEN: ${npm}`, 'npm', npm);

  const envPw = t.password();
  const stripeB64Sk = t.stripeLive();
  const envFile = `DB_PASSWORD=${envPw}\nSTRIPE_SECRET_KEY=${stripeB64Sk}\n`;
  repo
    .file('.gitlab-ci.yml', 'ci')
    .l('variables:')
    .l('  DOCKER_DRIVER: overlay2')
    .d(`  BASE_IMAGE: node:20-alpine@${x.digest()}`, 'image digest')
    .d(
      `  SSH_KNOWN_HOSTS: "|1|${x.b64(27)}=|${x.b64(27)}= ssh-ed25519 ${x.sshEd()}"`,
      'hashed known_hosts entry (host public key)',
    )
    .s(`  DOTENV_B64: "${Buffer.from(envFile).toString('base64')}"`, 'stripe', stripeB64Sk)
    .l('test:', '  script:', '    - echo "$DOTENV_B64" | base64 -d > .env', '    - npm test');

  const sentry = x.sntryu();
  repo
    .file('Dockerfile', 'ci')
    .d(`FROM node:20.18.0-bookworm-slim@${x.digest()} AS build`, 'image digest')
    .d('ARG NPM_TOKEN', 'build arg name')
    .d('RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci', 'secret mount')
    .s(`ENV SENTRY_AUTH_TOKEN=${sentry}`, 'sentry', sentry)
    .l('RUN npm run build && npx @sentry/cli sourcemaps upload dist');

  repo
    .file('deploy/nginx/security-headers.conf', 'config')
    .d(
      `add_header Content-Security-Policy "default-src 'self'; script-src 'self' 'sha256-${x.b64(43)}=' 'sha384-${x.b64(64)}'; style-src 'self' 'nonce-$request_id'";`,
      'CSP hashes',
    )
    .d(
      `add_header Report-To '{"group":"csp","endpoints":[{"url":"https://o${t.digits(6)}.ingest.sentry.io/api/${t.digits(7)}/security/?sentry_key=${t.hex(32)}"}]}';`,
      'Sentry public key in report URI',
    )
    .d('set $csp_nonce $request_id;', 'nonce variable');
}

function ciCreds(repo, t, x) {
  const ca = x.pem('CERTIFICATE', '308201df30820185a003020102', 420);
  const ck = t.ecPem();
  const ckPem = `${ck.join('\n')}\n`;
  repo
    .file('deploy/kubeconfig/ci.yaml', 'k8s')
    .l('apiVersion: v1', 'kind: Config', 'clusters:', '  - name: prod-eu', '    cluster:')
    .l(`      server: https://${t.hex(32).toUpperCase()}.gr7.eu-west-1.eks.amazonaws.com`)
    .d(
      `      certificate-authority-data: ${Buffer.from(`${ca.join('\n')}\n`).toString('base64')}`,
      'cluster CA certificate (public)',
    )
    .l('users:', '  - name: ci-deployer', '    user:')
    .d(
      `      client-certificate-data: ${Buffer.from(`${x.pem('CERTIFICATE', '308201e230820188a003020102', 420).join('\n')}\n`).toString('base64')}`,
      'client certificate (public)',
    )
    .s(`      client-key-data: ${Buffer.from(ckPem).toString('base64')}`, 'private-key', ck.join('\n'))
    .l('contexts:', '  - name: prod', '    context: { cluster: prod-eu, user: ci-deployer }', 'current-context: prod');

  const ghToken = t.github('ghp_');
  repo
    .file('ci/docker/config.json', 'ci')
    .l('{', '  "auths": {')
    .s(`    "ghcr.io": { "auth": "${Buffer.from(`acme-ci:${ghToken}`).toString('base64')}" },`, 'github', ghToken)
    .l('    "123456789012.dkr.ecr.eu-west-1.amazonaws.com": {}', 'ECR entry resolved by helper')
    .l('  },')
    .d('  "credHelpers": { "123456789012.dkr.ecr.eu-west-1.amazonaws.com": "ecr-login" },', 'credential helper')
    .d('  "credsStore": "desktop"')
    .l('}');

  const e2e = t.password();
  repo
    .file('web/cypress.env.json', 'env')
    .l('{')
    .l('  "baseUrl": "https://staging.acme-corp.io",')
    .l('  "E2E_ADMIN_EMAIL": "qa-admin@acme-corp.io",')
    .s(`  "E2E_ADMIN_PASSWORD": "${e2e}",`, 'generic', e2e)
    .d(`  "E2E_TENANT_ID": "${t.uuid()}"`, 'tenant uuid')
    .l('}');
}

// ---- env, seeds, schemas, policy --------------------------------------------------------

function data(repo, t, x) {
  repo
    .file('.env.example', 'env')
    .d('DATABASE_URL=postgres://app:<password>@localhost:5432/app', 'placeholder')
    .d('STRIPE_SECRET_KEY=sk_live_your_key_here', 'placeholder')
    .d('STRIPE_PUBLISHABLE_KEY=pk_test_replace_me', 'placeholder')
    .d('SLACK_BOT_TOKEN=xoxb-your-bot-token', 'placeholder')
    .d('OPENAI_API_KEY=', 'empty')
    .d('JWT_SECRET=changeme', 'placeholder')
    .d('SESSION_SECRET=${SESSION_SECRET}', 'env expansion')
    .d('AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE', 'AWS documentation example')
    .d('AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'AWS documentation example');

  const localPw = t.password();
  const xoxb = t.slackBot();
  repo
    .file('services/api/.env.local', 'env')
    .l('NODE_ENV=development')
    .s(`DATABASE_URL=postgresql://api:${localPw}@db-staging.acme-corp.io:5432/api`, 'generic', localPw)
    .s(`SLACK_BOT_TOKEN=${xoxb}`, 'slack', xoxb)
    .d(`SENTRY_DSN=${x.sentryDsn()}`, 'Sentry DSN');

  repo
    .file('config/password-policy.yaml', 'config')
    .d('password:\n  min_length: 12\n  max_length: 128', 'policy')
    .d('  require_uppercase: true\n  require_symbol: true', 'policy')
    .d('  history: 5\n  max_age_days: 90', 'policy')
    .d('  hash: { algorithm: argon2id, memory_kib: 65536, iterations: 3 }', 'policy')
    .d(
      `  # stored form, e.g. $argon2id$v=19$m=65536,t=3,p=4$${x.b64(22)}$${x.b64(43)}`,
      'hash format example in comment',
    )
    .d('  blocklist: [password, Password1, qwerty123, letmein, changeme]', 'blocklist of weak passwords')
    .d('token:\n  access_ttl: 15m\n  refresh_ttl: 30d', 'policy');

  repo
    .file('db/schema.sql', 'sql')
    .l('CREATE TABLE users (', '  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),', '  email citext UNIQUE NOT NULL,')
    .l('  password_hash varchar(255) NOT NULL,')
    .l('  password_changed_at timestamptz,')
    .l(');', 'CREATE TABLE api_tokens (')
    .l('  token_sha256 bytea NOT NULL UNIQUE,')
    .l("  token_prefix char(8) NOT NULL CHECK (token_prefix ~ '^acme_'),")
    .l(');')
    .d(
      "COMMENT ON COLUMN api_tokens.token_sha256 IS 'SHA-256 of the token; the token itself is never stored';",
      'comment',
    );

  const seed = repo
    .file('db/seeds/test/users.sql', 'sql')
    .l(
      '-- Test fixtures for the integration suite only (db/test). Every user\'s plaintext password is "password".',
      '-- Never loaded outside NODE_ENV=test.',
    );
  for (const u of ['alice', 'bob', 'carol']) {
    seed.d(
      `INSERT INTO users (id, email, password_hash) VALUES ('${t.uuid()}', '${u}@example.test', '${x.bcrypt()}');`,
      'bcrypt hash in test seed fixture',
    );
  }
  const admin = t.password();
  repo
    .file('db/seeds/prod/001_admin.sql', 'sql')
    .l('-- Bootstrap the first admin on a fresh production database.')
    .s(
      `INSERT INTO users (email, password_hash, role) VALUES ('admin@acme-corp.io', crypt('${admin}', gen_salt('bf', 12)), 'owner');`,
      'generic',
      admin,
    )
    .d(`INSERT INTO tenants (id, name) VALUES ('${t.uuid()}', 'Acme Corp');`, 'tenant uuid');

  repo
    .file('services/api/src/middleware/requestContext.ts', 'server')
    .d(`export const SYSTEM_TENANT_ID = '${t.uuid()}';`, 'tenant uuid')
    .d(`export const ANONYMOUS_USER_ID = '00000000-0000-0000-0000-000000000000';`, 'nil uuid')
    .d(`const correlationId = req.headers['x-correlation-id'] ?? randomUUID();`, 'header lookup')
    .d(`// e.g. x-request-id: ${t.uuid()}`, 'uuid in comment')
    .d(`const token = req.headers.authorization?.replace(/^Bearer /, '');`, 'header parsing');

  const ak = t.awsId();
  const as = t.awsSecret();
  repo
    .file('scripts/backfill_invoices.py', 'server')
    .l('import boto3', '')
    .l(
      '# Do not commit keys: use AWS_PROFILE=billing-ro. Docs example: AKIAIOSFODNN7EXAMPLE',
      'documentation example in comment',
    )
    .s(`s3 = boto3.client("s3", aws_access_key_id="${ak}",`, 'aws', ak)
    .s(`                  aws_secret_access_key="${as}")`, 'aws', as)
    .d(`BUCKET = "acme-invoices-${t.hex(8)}"`);
}

// ---- docs ---------------------------------------------------------------------------------

function docs(repo, t, x) {
  const docJwt =
    'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
  repo
    .file('docs/openapi.yaml', 'docs')
    .l('openapi: 3.1.0', 'info: { title: Acme API, version: 2.3.0 }', 'components:', '  securitySchemes:')
    .l('    bearerAuth: { type: http, scheme: bearer, bearerFormat: JWT }')
    .l('    apiKeyAuth: { type: apiKey, in: header, name: X-API-Key }')
    .l('  schemas:', '    TokenResponse:', '      properties:')
    .l(`        access_token: { type: string, example: "${docJwt}" }`, 'jwt.io example JWT marked example')
    .d('        refresh_token: { type: string, example: "def50200a1b2c3...truncated" }', 'truncated example')
    .d(
      `        id_token: { type: string, description: "Example only (expired).", example: "${x.jwtOf({ alg: 'RS256', typ: 'JWT', kid: 'example' }, { iss: 'https://auth.example.com', sub: '1234567890', aud: 'example-client', iat: 1516239022, exp: 1516242622 })}" }`,
      'expired example id_token in OpenAPI',
    )
    .d(
      '        api_key: { type: string, example: "acme_live_XXXXXXXXXXXXXXXXXXXXXXXX", description: "Example only" }',
      'example placeholder',
    )
    .d('    LoginRequest: { properties: { password: { type: string, format: password, minLength: 12 } } }')
    .d(`      examples: { requestId: { value: "${t.uuid()}" } }`, 'uuid example');

  const glpat = t.gitlab();
  repo
    .file('docs/postman/acme.postman_collection.json', 'docs')
    .l(
      '{',
      '  "info": { "_postman_id": "' +
        t.uuid() +
        '", "name": "Acme internal", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },',
    )
    .d(
      '  "variable": [ { "key": "baseUrl", "value": "https://api.acme-corp.io" }, { "key": "token", "value": "{{ACME_TOKEN}}" } ],',
      'postman variable reference',
    )
    .l('  "item": [ { "name": "GitLab pipelines", "request": {')
    .s(
      `    "auth": { "type": "bearer", "bearer": [ { "key": "token", "value": "${glpat}", "type": "string" } ] },`,
      'gitlab',
      glpat,
    )
    .l('    "url": "https://gitlab.acme-corp.io/api/v4/projects/412/pipelines" } } ]', '}');

  const sid = t.twilioSid();
  const tok = t.twilioToken();
  repo
    .file('docs/runbooks/sms-outage.md', 'docs')
    .l('# SMS outage runbook', '', 'Check the Twilio account is alive:', '', '```bash')
    .s(
      `curl -s -u ${sid}:${tok} https://api.twilio.com/2010-04-01/Accounts/${sid}/Messages.json | jq '.messages[0]'`,
      'twilio',
      tok,
    )
    .l('```', '')
    .d(
      'Use `sk_test_4eC39HqLyjWDarjtT1zdp7dc` from the Stripe docs when reproducing payment failures locally.',
      'Stripe documentation test key',
    )
    .d('Test card: `4242 4242 4242 4242`, any future expiry, CVC `123`.', 'Stripe test card number')
    .d('Send `Authorization: Bearer <YOUR_TOKEN>` or `-H "X-API-Key: $ACME_API_KEY"`.', 'placeholders');

  const cl = repo
    .file('CHANGELOG.md', 'docs')
    .l(
      '# Changelog',
      '',
      '## [3.14.0](https://github.com/acme-corp/platform/compare/v3.13.2...v3.14.0) (2026-11-20)',
      '',
    );
  for (const msg of [
    'rotate API tokens on password change',
    'redact tokens in request logs',
    'add passwordless login behind flag',
    'bump jsonwebtoken to 9.0.2',
  ]) {
    const sha = t.hex(40);
    cl.d(
      `* ${msg} ([${sha.slice(0, 7)}](https://github.com/acme-corp/platform/commit/${sha}))`,
      'git SHA in changelog',
    );
  }
  cl.d(`Docker image: \`ghcr.io/acme-corp/api@${x.digest()}\``, 'image digest');

  repo
    .file('README.md', 'docs')
    .l('# Acme platform', '')
    .d(
      `[![CI](https://github.com/acme-corp/platform/actions/workflows/ci.yml/badge.svg?branch=main)](https://github.com/acme-corp/platform/actions) [![Docker](https://img.shields.io/docker/image-size/acme/api/3.14.0)](https://hub.docker.com/r/acme/api)`,
      'badges',
    )
    .l('', '## Authentication', '')
    .d(`A token looks like this (from jwt.io): \`${docJwt}\``, 'jwt.io sample')
    .d('Signing keys rotate every 90 days; the current `kid` is published at `/.well-known/jwks.json`.', 'prose')
    .l('Example: `curl -H "Authorization: Bearer $TOKEN" https://api.acme-corp.io/v2/me`', 'env var')
    .d('Copy `.env.example` to `.env` and fill in `STRIPE_SECRET_KEY`, `SLACK_BOT_TOKEN` and `DATABASE_URL`.')
    .d(`Staging tenant: \`${t.uuid()}\`.`, 'tenant uuid');
}
