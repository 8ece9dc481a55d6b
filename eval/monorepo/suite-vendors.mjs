// Red-team suite "vendors": provider tokens in their current published formats (issue 10,
// classes 2, 3, 4 and 8), placed where real projects keep them: .env files, settings modules,
// CI jobs, READMEs, shell history, fixtures, Terraform and Kubernetes, often under a name that
// never says the vendor (TOKEN=, UPSTREAM_KEY, a constant named for the service's role). Two-part
// credentials keep their second half under a neutral name. Decoys are what such files also hold:
// public keys and ids by design, truncated or placeholder tokens in docs, tokens whose checksum
// does not verify, vendors' documented examples, UUIDs and hashes. Written from the vendors'
// formats (/work/shared/research), not from the scanner's rules. Every token is built at run time
// from the seeded PRNG; checksummed formats carry a valid checksum unless labelled a decoy.
import { createHash } from 'node:crypto';
import { crc32Base62Suffix, grafanaSaSuffix, gitlabRoutableSuffix } from '../../dist/providers/formats/checksums.js';
import { ALNUM, B64, BASE32, DIGIT, LOWER, UPPER, URLSAFE, Repo, makeTokens, mulberry32 } from './generate.mjs';

const BECH32 = 'QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L';

const b64 = (s) => Buffer.from(s).toString('base64');
const b64url = (s) => Buffer.from(s).toString('base64url');

function base32(bytes) {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

// Breaks a checksum by changing its last character: the shape stays, the token cannot be live.
const breakLast = (token) => {
  const c = token.at(-1);
  const set = /[0-9]/.test(c) ? DIGIT : /[a-z]/.test(c) ? LOWER : UPPER;
  return token.slice(0, -1) + set[(set.indexOf(c) + 1) % set.length];
};

function vendorTokens(rand, t) {
  const { pick, mixed, hex } = t;
  const bytes = (n) => Buffer.from(Array.from({ length: n }, () => Math.floor(rand() * 256)));
  const crcToken = (prefix, n) => {
    const body = mixed(ALNUM, n);
    return `${prefix}${body}${crc32Base62Suffix(body)}`;
  };
  const gitlabRoutable = (prefix) => {
    const kv = `c:1\no:${pick(LOWER + DIGIT, 3)}\nu:${pick(LOWER + DIGIT, 4)}`;
    const payload = Buffer.concat([bytes(16), Buffer.from(kv), Buffer.from([kv.length])]).toString('base64url');
    const stem = `${prefix}${payload}.01.${payload.length.toString(36).padStart(2, '0')}`;
    return `${stem}${gitlabRoutableSuffix(stem)}`;
  };
  const fineGrained = () => {
    const head = `github_pat_11${mixed(UPPER + DIGIT, 20)}_${mixed(ALNUM, 43)}`;
    const sum = base32(createHash('sha256').update(head).digest()).slice(0, 8);
    return `${head}${sum}${mixed(ALNUM, 8)}`;
  };
  const jwtOf = (header, payload, sigLen = 43) =>
    `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}.${mixed(URLSAFE, sigLen)}`;
  const pemBody = (n) =>
    bytes(n)
      .toString('base64')
      .match(/.{1,64}/g);
  return {
    bytes,
    // ---- source hosting and package registries
    ghp: () => crcToken('ghp_', 30),
    gho: () => crcToken('gho_', 30),
    ghu: () => crcToken('ghu_', 30),
    ghs: () => crcToken('ghs_', 30),
    ghr: () => crcToken('ghr_', 70),
    fineGrained,
    glpat: () => gitlabRoutable('glpat-'),
    glrt: () => gitlabRoutable('glrt-t1_'),
    glwt: () => gitlabRoutable('glwt-'),
    gldt: () => `gldt-${mixed(URLSAFE, 20)}`,
    glptt: () => `glptt-${hex(40)}`,
    npm: () => crcToken('npm_', 30),
    pypi: () =>
      `pypi-AgEIcHlwaS5vcmc${mixed(URLSAFE, 4)}${b64url(`\u0002\u0002${t.uuid()}`).slice(0, 40)}${mixed(URLSAFE, 120)}`,
    rubygems: () => `rubygems_${hex(48)}`,
    nuget: () => `oy2${pick(LOWER + DIGIT, 43)}`,
    dockerPat: () => `dckr_pat_${mixed(URLSAFE, 27)}`,
    artifactoryRef: () =>
      `cmVmdGtuOjAxOjE3${b64(`${t.digits(8)}:${mixed(ALNUM, 32)}`).replace(/=+$/, '')}`.slice(0, 64),
    artifactoryKey: () => `AKCp${pick(DIGIT, 1)}${mixed(ALNUM, 68)}`,
    // ---- cloud
    awsId: () => `AKIA${mixed(BASE32, 16)}`,
    awsTempId: () => `ASIA${mixed(BASE32, 16)}`,
    awsSecret: () => mixed(B64, 40),
    awsSession: () => `IQoJb3JpZ2luX2VjE${mixed(B64, 16)}${mixed(B64, 560)}`,
    bedrock: () => `ABSK${b64(`BedrockAPIKey-${pick(LOWER + DIGIT, 4)}-at-${t.digits(12)}:${mixed(B64, 40)}`)}`,
    gcpRefresh: () => `1//0${pick('cdefg', 1)}${mixed(URLSAFE, 98)}`,
    gcpClientSecret: () => `GOCSPX-${mixed(URLSAFE, 28)}`,
    gcpApiKey: () => `AIza${mixed(URLSAFE, 35)}`,
    azureStorageKey: () => `${mixed(B64, 86)}==`,
    azureSasSig: () => encodeURIComponent(`${mixed(B64, 43)}=`),
    azureClientSecret: () => `${mixed(ALNUM, 3)}${pick(DIGIT, 1)}Q~${mixed(ALNUM + '_~.-', 34)}`,
    azdoPat: () => `${mixed(ALNUM, 52)}JQQJ99${mixed(ALNUM, 18)}AZDO${mixed(ALNUM, 4)}`,
    azdoLegacy: () => pick(LOWER + '234567', 52),
    serviceBusKey: () => `${mixed(B64, 43)}=`,
    doPat: () => `dop_v1_${hex(64)}`,
    heroku: () => `HRKU-AA${mixed(URLSAFE, 58)}`,
    fly: () => `FlyV1 fm2_${b64(bytes(220))}`,
    flyUser: () => `fo1_${mixed(URLSAFE, 43)}`,
    vercel: () => crcToken('vcp_', 50),
    netlify: () => `nfp_${mixed(ALNUM, 36)}`,
    cfToken: (p = 'cfut_') => `${p}${mixed(ALNUM, 40)}${hex(8)}`,
    cfLegacy: () => mixed(URLSAFE, 40),
    cfGlobal: () => hex(37),
    supabaseSecret: () => `sb_secret_${mixed(URLSAFE, 31)}`,
    supabasePublishable: () => `sb_publishable_${mixed(URLSAFE, 31)}`,
    supabaseMgmt: () => `sbp_${hex(40)}`,
    fcmServerKey: () => `AAAA${mixed(URLSAFE, 7)}:APA91b${mixed(URLSAFE, 134)}`,
    databricks: () => `dapi${hex(32)}`,
    vault: () => `hvs.CAESI${mixed(URLSAFE, 86)}`,
    vaultShort: () => `hvs.${mixed(ALNUM, 24)}`,
    tfc: () => `${mixed(ALNUM, 14)}.atlasv1.${mixed(ALNUM, 67)}`,
    doppler: (env = 'prd') => `dp.st.${env}.${mixed(ALNUM, 43)}`,
    dopplerPersonal: () => `dp.pt.${mixed(ALNUM, 43)}`,
    onepassword: () =>
      `ops_${b64url(
        JSON.stringify({
          signInAddress: 'acme-corp.1password.com',
          userAuth: { method: 'SRPg-4096', alg: 'PBES2g-HS256', iterations: 650000, salt: mixed(URLSAFE, 22) },
          email: `${pick(LOWER, 14)}@1passwordserviceaccounts.com`,
          srpX: hex(64),
          muk: {
            alg: 'A256GCM',
            ext: true,
            k: mixed(URLSAFE, 43),
            key_ops: ['encrypt', 'decrypt'],
            kty: 'oct',
            kid: 'mp',
          },
          secretKey: `A3-${mixed(UPPER + DIGIT, 6)}-${mixed(UPPER + DIGIT, 6)}-${mixed(UPPER + DIGIT, 5)}-${mixed(UPPER + DIGIT, 5)}-${mixed(UPPER + DIGIT, 5)}-${mixed(UPPER + DIGIT, 5)}`,
          throttleSecret: { seed: hex(64), uuid: mixed(UPPER + DIGIT, 26) },
          deviceUuid: pick(LOWER + DIGIT, 26),
        }),
      )}`,
    // ---- messaging, payments, commerce
    slackBot: () => `xoxb-${t.digits(12)}-${t.digits(13)}-${mixed(ALNUM, 24)}`,
    slackUser: () => `xoxp-${t.digits(12)}-${t.digits(12)}-${t.digits(13)}-${hex(32)}`,
    slackApp: () => `xapp-1-A${mixed(UPPER + DIGIT, 10)}-${t.digits(13)}-${hex(64)}`,
    slackConfig: () => `xoxe.xoxp-1-${mixed(ALNUM, 164)}`,
    slackRefresh: () => `xoxe-1-${mixed(ALNUM, 146)}`,
    slackWebhook: () =>
      `https://hooks.slack.com/services/T${mixed(UPPER + DIGIT, 10)}/B${mixed(UPPER + DIGIT, 10)}/${mixed(ALNUM, 24)}`,
    stripeLive: () => `sk_live_51${mixed(ALNUM, 97)}`,
    stripeRestricted: () => `rk_live_51${mixed(ALNUM, 97)}`,
    stripePublishable: () => `pk_live_51${mixed(ALNUM, 97)}`,
    stripeWebhook: () => `whsec_${mixed(ALNUM, 32)}`,
    twilioSid: () => `AC${hex(32)}`,
    twilioApiKey: () => `SK${hex(32)}`,
    sendgrid: () => `SG.${mixed(URLSAFE, 22)}.${mixed(URLSAFE, 43)}`,
    mailgun: () => `key-${hex(32)}`,
    mailgunNew: () => `${hex(32)}-${hex(8)}-${hex(8)}`,
    shopify: (p = 'shpat_') => `${p}${hex(32)}`,
    squareProd: () => `EAAA${mixed(URLSAFE, 60)}`,
    squareSecret: () => `sq0csp-${mixed(URLSAFE, 43)}`,
    braintree: () => `access_token$production$${pick(LOWER + DIGIT, 16)}$${hex(32)}`,
    paypalSecret: () => `E${mixed(URLSAFE, 79)}`,
    // The first part is the bot's user id (a snowflake: 19 digits beginning 1 for ids issued
    // since 2022) in base64.
    discordBot: () =>
      `${b64(`1${pick('0123', 1)}${pick(DIGIT, 17)}`).replace(/=+$/, '')}.${mixed(URLSAFE, 6)}.${mixed(URLSAFE, 38)}`,
    discordWebhook: () => `https://discord.com/api/webhooks/${t.digits(19)}/${mixed(URLSAFE, 68)}`,
    telegram: () => `${t.digits(10)}:AA${mixed(URLSAFE, 33)}`,
    meta: () => `EAAG${mixed(ALNUM, 180)}`,
    instagram: () => `IGAA${mixed(URLSAFE, 150)}`,
    mapboxSecret: (user) =>
      `sk.${b64url(JSON.stringify({ u: user, a: pick(LOWER + DIGIT, 25) }))}.${mixed(URLSAFE, 22)}`,
    mapboxPublic: (user) =>
      `pk.${b64url(JSON.stringify({ u: user, a: pick(LOWER + DIGIT, 25) }))}.${mixed(URLSAFE, 22)}`,
    algoliaAppId: () => mixed(UPPER + DIGIT, 10),
    // ---- observability and ops
    ddApi: () => hex(32),
    ddApp: () => hex(40),
    nrUser: () => `NRAK-${mixed(UPPER + DIGIT, 27)}`,
    nrInsert: () => `NRII-${mixed(URLSAFE, 32)}`,
    nrLicense: () => `${hex(36)}NRAL`,
    nrBrowser: () => `NRBR-${hex(19)}`,
    sentryOrg: () =>
      `sntrys_${b64(
        JSON.stringify({
          iat: 1764000000 + Math.floor(rand() * 1e6),
          url: 'https://sentry.io',
          region_url: 'https://us.sentry.io',
          org: 'acme-corp',
        }),
      )}_${mixed(B64, 43)}`,
    sentryUser: () => `sntryu_${hex(64)}`,
    grafanaSa: () => {
      const stem = `glsa_${mixed(ALNUM, 32)}`;
      return `${stem}_${grafanaSaSuffix(stem)}`;
    },
    grafanaCloud: () =>
      `glc_${b64(JSON.stringify({ o: t.digits(6), n: `stack-${t.digits(6)}-hm-read-write`, k: mixed(ALNUM, 24), m: { r: 'prod-eu-west-2' } }))}`,
    posthogPersonal: () => `phx_${mixed(ALNUM, 43)}`,
    posthogProject: () => `phc_${mixed(ALNUM, 43)}`,
    dynatrace: () => `dt0c01.${mixed(UPPER + DIGIT, 24)}.${mixed(UPPER + DIGIT, 64)}`,
    akamaiHost: () => `akab-${pick(LOWER + DIGIT, 16)}-${pick(LOWER + DIGIT, 16)}`,
    akamaiSecret: () => `${mixed(B64, 43)}=`,
    sonar: (p = 'squ_') => `${p}${hex(40)}`,
    snyk: () => t.uuid(),
    linear: () => `lin_api_${mixed(ALNUM, 40)}`,
    notion: () => `ntn_${t.digits(11)}${mixed(ALNUM, 35)}`,
    notionLegacy: () => `secret_${mixed(ALNUM, 43)}`,
    atlassian: () => `ATATT3xFfGF0${mixed(URLSAFE, 170)}=${pick('0123456789ABCDEF', 8)}`,
    okta: () => `00${mixed(URLSAFE, 40)}`,
    auth0Secret: () => mixed(URLSAFE, 64),
    confluentKey: () => mixed(UPPER + DIGIT, 16),
    confluentSecret: () => mixed(B64, 64),
    salesforce: () => `00D${mixed(ALNUM, 12)}!AQ${pick('0123456789', 1)}AQ${mixed(ALNUM + '._', 91)}`,
    // ---- AI and data
    openaiProj: () => `sk-proj-${mixed(URLSAFE, 58)}T3BlbkFJ${mixed(URLSAFE, 58)}`,
    openaiSvc: () => `sk-svcacct-${mixed(URLSAFE, 58)}T3BlbkFJ${mixed(URLSAFE, 58)}`,
    openaiAdmin: () => `sk-admin-${mixed(URLSAFE, 58)}T3BlbkFJ${mixed(URLSAFE, 58)}`,
    anthropic: () => `sk-ant-api03-${mixed(URLSAFE, 93)}AA`,
    anthropicAdmin: () => `sk-ant-admin01-${mixed(URLSAFE, 93)}AA`,
    groq: () => `gsk_${mixed(ALNUM, 52)}`,
    perplexity: () => `pplx-${mixed(ALNUM, 48)}`,
    together: () => `tgp_v1_${mixed(URLSAFE, 43)}`,
    tavily: () => `tvly-${pick(['', 'dev-', 'prod-'], 1)}${mixed(ALNUM, 32)}`,
    llama: () => `llx-${mixed(ALNUM, 48)}`,
    langsmith: (kind = 'pt') => `lsv2_${kind}_${hex(32)}_${hex(10)}`,
    elevenlabs: () => `sk_${hex(48)}`,
    cohere: () => mixed(ALNUM, 40),
    mistral: () => mixed(ALNUM, 32),
    xai: () => `xai-${mixed(ALNUM, 80)}`,
    deepseek: () => `sk-${hex(32)}`,
    replicate: () => `r8_${mixed(ALNUM, 37)}`,
    pinecone: () => `pcsk_${mixed(ALNUM, 6)}_${mixed(ALNUM, 63)}`,
    wandb: () => hex(40),
    // Hugging Face tokens are 34 letters after the prefix, no digits.
    hf: () => `hf_${pick(UPPER + LOWER, 34)}`,
    openrouter: () => `sk-or-v1-${hex(64)}`,
    // ---- keys and join tokens
    natsSeed: () => `SUA${pick(BASE32, 55)}`,
    natsPublic: () => `UA${pick(BASE32, 54)}`,
    natsJwt: () =>
      jwtOf(
        { typ: 'JWT', alg: 'ed25519-nkey' },
        {
          jti: pick(BASE32, 52),
          iat: 1764547200,
          iss: `A${pick(BASE32, 55)}`,
          name: 'ingest',
          sub: `U${pick(BASE32, 55)}`,
          nats: { pub: {}, sub: {}, type: 'user', version: 2 },
        },
        86,
      ),
    swarm: () => `SWMTKN-1-${pick(LOWER + DIGIT, 50)}-${pick(LOWER + DIGIT, 25)}`,
    age: () => `AGE-SECRET-KEY-1${pick(BECH32, 58)}`,
    agePublic: () => `age1${pick(BECH32.toLowerCase(), 58)}`,
    jwtOf,
    pemBody,
  };
}

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed ^ 0x7e4d0a3);
  const t = makeTokens(rand);
  const v = vendorTokens(rand, t);
  const repo = new Repo();
  envFiles(repo, t, v);
  configModules(repo, t, v);
  ciFiles(repo, t, v);
  docs(repo, t, v);
  shellAndHistory(repo, t, v);
  fixtures(repo, t, v);
  terraformAndK8s(repo, t, v);
  aiAndData(repo, t, v);
  keysAndJoinTokens(repo, t, v);
  frontend(repo, t, v);
  withoutVendorNames(repo, t, v);
  inUrlsAndStrings(repo, t, v);
  lookAlikes(repo, t, v);
  return repo;
}

// ---- .env files: bare names, role names, two-part credentials -----------------------------

function envFiles(repo, t, v) {
  const awsId = v.awsId();
  const awsSecret = v.awsSecret();
  const sk = v.stripeLive();
  const pk = v.stripePublishable();
  const whsec = v.stripeWebhook();
  repo
    .file('services/billing/.env.production', 'env')
    .l('# billing-service production settings (loaded by dotenv-flow)', 'NODE_ENV=production', 'PORT=8080')
    .s(`UPLOADS_KEY_ID=${awsId}`, 'aws', awsId)
    .s(`UPLOADS_KEY=${awsSecret}`, 'aws', awsSecret)
    .d('UPLOADS_BUCKET=arn:aws:s3:::acme-billing-uploads-prod', 'an ARN')
    .l('', '# card processing')
    .s(`PAYMENTS_SECRET=${sk}`, 'stripe', sk)
    .d(`PAYMENTS_PUBLISHABLE=${pk}`, 'a Stripe publishable key: shipped to browsers by design')
    .s(`WEBHOOK_SIGNING_SECRET=${whsec}`, 'stripe', whsec)
    .d('PRICE_PRO_MONTHLY=price_1QfT8cLkdIwHu7ixq0pZ3aBc', 'a Stripe price id')
    .d(`REQUEST_ID_NAMESPACE=${t.uuid()}`, 'a UUID namespace');

  const sid = v.twilioSid();
  const tok = t.twilioToken();
  const sg = v.sendgrid();
  repo
    .file('services/notify/.env', 'env')
    .l('# notify: SMS + e-mail fan-out', 'QUEUE_URL=amqp://localhost:5672/notify')
    // The account SID names the account; the secret is its auth token, under a neutral name.
    .d(`SMS_ACCOUNT=${sid}`, 'a Twilio Account SID: an identifier')
    .s(`SMS_SECRET=${tok}`, 'twilio', tok)
    .d('SMS_FROM=+14155550132', 'a phone number')
    .s(`MAIL_API_KEY=${sg}`, 'sendgrid', sg)
    .d('MAIL_FROM=no-reply@acme-corp.io', 'an address')
    .d('MAIL_TEMPLATE_RESET=d-4b1f9c2e7a6d4e0f9a3b2c1d0e9f8a7b', 'a SendGrid template id');

  const dd = v.ddApi();
  const ddApp = v.ddApp();
  repo
    .file('deploy/agent/datadog.env', 'env')
    .l('DD_SITE=datadoghq.eu', 'DD_ENV=prod', 'DD_LOGS_ENABLED=true')
    .s(`DD_API_KEY=${dd}`, 'datadog', dd)
    .s(`METRICS_QUERY_KEY=${ddApp}`, 'datadog', ddApp)
    .d('DD_TAGS=team:platform,service:edge', 'tags')
    .d(`DD_VERSION=${t.sha1()}`, 'a git SHA');

  const tenant = t.uuid();
  const client = t.uuid();
  const entra = v.azureClientSecret();
  repo
    .file('apps/reports/.env.staging', 'env')
    .l('# reports: reads the data lake through a service principal')
    .d(`AZURE_TENANT_ID=${tenant}`, 'a tenant id')
    .d(`AZURE_CLIENT_ID=${client}`, 'an application (client) id')
    .s(`PRINCIPAL_PASSWORD=${entra}`, 'azure', entra)
    .d(`AZURE_SUBSCRIPTION_ID=${t.uuid()}`, 'a subscription id')
    .l('LAKE_ACCOUNT=acmereportsstg');

  const app = v.algoliaAppId();
  const admin = t.hex(32);
  const search = t.hex(32);
  repo
    .file('apps/storefront/.env.local', 'env')
    .l('NEXT_PUBLIC_SITE_URL=https://shop.acme-corp.io')
    .d(`NEXT_PUBLIC_SEARCH_APP_ID=${app}`, 'an Algolia application id')
    .d(`NEXT_PUBLIC_SEARCH_ONLY_KEY=${search}`, 'an Algolia search-only key: public by design')
    .s(`INDEXER_WRITE_KEY=${admin}`, 'algolia', admin)
    .l('INDEX_NAME=products_prod');

  const gh = v.ghp();
  const npmTok = v.npm();
  repo
    .file('tools/release/.env', 'env')
    .l('# used by scripts/release.sh on the build box')
    .s(`TOKEN=${gh}`, 'github', gh)
    .s(`PUBLISH_TOKEN=${npmTok}`, 'npm', npmTok)
    .d('GIT_AUTHOR_EMAIL=release-bot@acme-corp.io', 'an address')
    .d('TOKEN_PLACEHOLDER=ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', 'a placeholder');

  const shop = v.shopify();
  const shopSecret = v.shopify('shpss_');
  repo
    .file('apps/shopify-sync/.env', 'env')
    .l('SHOP_DOMAIN=acme-outlet.myshopify.com', 'API_VERSION=2025-10')
    .s(`ADMIN_TOKEN=${shop}`, 'shopify', shop)
    .s(`APP_SHARED_SECRET=${shopSecret}`, 'shopify', shopSecret)
    .d(`APP_CLIENT_ID=${t.hex(32)}`, 'a Shopify app client id (public)');

  const sq = v.squareProd();
  const sqs = v.squareSecret();
  const bt = v.braintree();
  repo
    .file('services/pos/.env.prod', 'env')
    .l('POS_ENV=production', 'POS_LOCATION=L8Q3M2KJ5T9XZ')
    .s(`POS_ACCESS_TOKEN=${sq}`, 'square', sq)
    .s(`POS_OAUTH_SECRET=${sqs}`, 'square', sqs)
    .d('POS_APPLICATION_ID=sq0idp-Ab3dE6fG9hJ2kL5mN8pQ1r', 'a Square application id (public)')
    .s(`GATEWAY_TOKEN=${bt}`, 'paypal', bt);

  const sess = v.awsSession();
  const tempId = v.awsTempId();
  const tempSecret = v.awsSecret();
  repo
    .file('ops/assume-role.env', 'env')
    .l('# written by `aws sts assume-role` wrapper; expires after 1h')
    .s(`AWS_ACCESS_KEY_ID=${tempId}`, 'aws', tempId)
    .s(`AWS_SECRET_ACCESS_KEY=${tempSecret}`, 'aws', tempSecret)
    .s(`AWS_SESSION_TOKEN=${sess}`, 'aws', sess)
    .d('AWS_ROLE_ARN=arn:aws:iam::481923775102:role/deploy-prod', 'a role ARN');

  const mg = v.mailgun();
  const pm = t.uuid();
  repo
    .file('services/mailer/.env', 'env')
    .l('MAIL_DRIVER=mailgun', 'MAIL_DOMAIN=mg.acme-corp.io')
    .s(`MAIL_SECRET=${mg}`, 'mailgun', mg)
    .s(`POSTMARK_SERVER_TOKEN=${pm}`, 'postmark', pm)
    .d('POSTMARK_MESSAGE_STREAM=outbound', 'a stream name');

  const cfu = v.cfToken('cfut_');
  const cfa = v.cfToken('cfat_');
  const cfl = v.cfLegacy();
  repo
    .file('infra/dns/.env', 'env')
    .l('ZONE=acme-corp.io', 'ACCOUNT_ID=' + t.hex(32))
    .s(`DNS_TOKEN=${cfu}`, 'cloudflare', cfu)
    .s(`ACCOUNT_TOKEN=${cfa}`, 'cloudflare', cfa)
    .s(`CLOUDFLARE_API_TOKEN=${cfl}`, 'cloudflare', cfl);

  const doTok = v.doPat();
  const her = v.heroku();
  const fly = v.fly();
  const ver = v.vercel();
  const net = v.netlify();
  repo
    .file('.env.deploy', 'env')
    .l('# deploy targets; each CLI reads its own variable')
    .s(`DIGITALOCEAN_ACCESS_TOKEN=${doTok}`, 'digitalocean', doTok)
    .s(`HEROKU_API_KEY=${her}`, 'heroku', her)
    .s(`FLY_API_TOKEN="${fly}"`, 'flyio', fly)
    .s(`VERCEL_TOKEN=${ver}`, 'vercel', ver)
    .s(`NETLIFY_AUTH_TOKEN=${net}`, 'netlify', net)
    .d('VERCEL_ORG_ID=team_q8W3eR5tY7uI9oP1aS2dF4gH', 'a Vercel team id')
    .d(`NETLIFY_SITE_ID=${t.uuid()}`, 'a site id');

  const sbs = v.supabaseSecret();
  const sbp = v.supabasePublishable();
  const sbm = v.supabaseMgmt();
  repo
    .file('apps/web/.env.production', 'env')
    .l('SUPABASE_URL=https://qxwzvtrplmnbkjhgfdsa.supabase.co')
    .d(`NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY=${sbp}`, 'a Supabase publishable key: public by design')
    .s(`SUPABASE_SECRET_KEY=${sbs}`, 'supabase', sbs)
    .s(`SUPABASE_ACCESS_TOKEN=${sbm}`, 'supabase', sbm);
}

// ---- config modules in several languages: constants named for the role -------------------

function configModules(repo, t, v) {
  const slack = v.slackBot();
  const hook = v.slackWebhook();
  const sentryDsn = `https://${t.hex(32)}@o${t.digits(6)}.ingest.us.sentry.io/${t.digits(7)}`;
  repo
    .file('services/api/app/settings/production.py', 'python')
    .l('"""Production settings for the orders API."""', 'from .base import *  # noqa: F401,F403', '')
    .l('DEBUG = False', 'ALLOWED_HOSTS = ["api.acme-corp.io"]', '')
    .s(`CHATOPS_BOT_TOKEN = "${slack}"`, 'slack', slack)
    .s(`ALERTS_HOOK = "${hook}"`, 'slack', hook)
    .d(`SENTRY_DSN = "${sentryDsn}"`, 'a Sentry DSN: its key is public by design')
    .d('ALERTS_CHANNEL = "C04QW8E7RTY"', 'a Slack channel id')
    .d('SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]', 'an env reference');

  const ghApp = v.ghs();
  const ghOauth = v.gho();
  repo
    .file('services/ci-bridge/src/config.ts', 'typescript')
    .l("import { z } from 'zod';", '', 'export const config = {')
    .l('  appId: 482913,', '  installationId: 51288734,')
    .s(`  installationToken: '${ghApp}',`, 'github', ghApp)
    .s(`  userToken: '${ghOauth}',`, 'github', ghOauth)
    .d("  webhookPath: '/hooks/github',", 'a path')
    .d(`  commit: '${t.sha1()}',`, 'a git SHA')
    .l('} as const;');

  const glpat = v.glpat();
  const glrt = v.glrt();
  repo
    .file('tools/mirror/config.go', 'go')
    .l('package mirror', '', '// Upstream is the self-managed GitLab the mirror pulls from.', 'const (')
    .l('\tUpstreamURL = "https://git.acme-corp.io"')
    .s(`\tUpstreamToken = "${glpat}"`, 'gitlab', glpat)
    .s(`\tRunnerAuth = "${glrt}"`, 'gitlab', glrt)
    .d('\tUpstreamProject = "platform/infra"', 'a path')
    .l(')');

  const nrak = v.nrUser();
  const nrii = v.nrInsert();
  const lic = v.nrLicense();
  repo
    .file('services/catalog/src/main/resources/application-prod.properties', 'java')
    .l('spring.application.name=catalog', 'server.port=8080', 'management.endpoints.web.exposure.include=health')
    .s(`observability.user-key=${nrak}`, 'newrelic', nrak)
    .s(`observability.ingest-key=${nrii}`, 'newrelic', nrii)
    .s(`observability.license=${lic}`, 'newrelic', lic)
    .d('observability.account-id=3857221', 'an account id')
    .d('spring.datasource.password=${DB_PASSWORD}', 'an env reference');

  const ddApi = v.ddApi();
  const ddApp = v.ddApp();
  repo
    .file('services/catalog/config/monitoring.yml', 'yaml')
    .l('monitoring:', '  site: datadoghq.com', '  service: catalog')
    .s(`  api_key: ${ddApi}`, 'datadog', ddApi)
    .s(`  app_key: ${ddApp}`, 'datadog', ddApp)
    .d(
      `  dashboard_id: ${t.pick('abcdefghijkmnpqrstuvwxyz23456789', 3)}-${t.pick('abcdefghijkmnpqrstuvwxyz23456789', 3)}-${t.pick('abcdefghijkmnpqrstuvwxyz23456789', 3)}`,
      'a dashboard id',
    );

  const sentryOrg = v.sentryOrg();
  const sentryUser = v.sentryUser();
  repo
    .file('apps/web/sentry.properties', 'config')
    .l('defaults.url=https://sentry.io/', 'defaults.org=acme-corp', 'defaults.project=web')
    .s(`auth.token=${sentryOrg}`, 'sentry', sentryOrg);
  repo
    .file('apps/web/.sentryclirc', 'config')
    .l('[defaults]', 'org = acme-corp', 'project = web', '', '[auth]')
    .s(`token = ${sentryUser}`, 'sentry', sentryUser);

  const twSid = v.twilioSid();
  const twTok = t.twilioToken();
  const twKey = v.twilioApiKey();
  const twKeySecret = t.alnum(32);
  repo
    .file('services/voice/config/twilio.yml', 'yaml')
    .l('# Voice IVR: numbers and credentials per environment', 'production:')
    .d(`  account_sid: ${twSid}`, 'a Twilio Account SID: an identifier')
    .s(`  auth_token: ${twTok}`, 'twilio', twTok)
    .d(`  api_key: ${twKey}`, 'a Twilio API key SID: the identifier of the key whose secret follows')
    .s(`  api_secret: ${twKeySecret}`, 'twilio', twKeySecret)
    .d('  caller_id: "+442071838750"', 'a phone number')
    .d(`  twiml_app_sid: AP${t.hex(32)}`, 'a TwiML application SID: an id, not a credential');

  const okta = v.okta();
  const auth0 = v.auth0Secret();
  repo
    .file('services/identity/config/providers.rb', 'ruby')
    .l('# frozen_string_literal: true', '', 'Identity.configure do |c|')
    .l("  c.workforce_domain = 'acme.okta.com'")
    .s(`  c.workforce_api_token = '${okta}'`, 'okta', okta)
    .l("  c.customer_domain = 'login.acme-corp.io'", "  c.customer_client_id = 'q3Yb8XvN2mK5pR7tW9zA1cE4gH6jL0nS'")
    // An Auth0 tenant behind a custom domain: nothing in the file names the vendor, so generic.
    .s(`  c.customer_client_secret = '${auth0}'`, 'generic', auth0)
    .d("  c.audience = 'https://api.acme-corp.io/'", 'an audience')
    .l('end');

  const conKey = v.confluentKey();
  const conSecret = v.confluentSecret();
  repo
    .file('services/events/client.properties', 'java')
    .l(
      'bootstrap.servers=pkc-4r087.europe-west3.gcp.confluent.cloud:9092',
      'security.protocol=SASL_SSL',
      'sasl.mechanism=PLAIN',
    )
    .s(
      `sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username='${conKey}' password='${conSecret}';`,
      'confluent',
      conSecret,
    )
    .l('client.dns.lookup=use_all_dns_ips', 'session.timeout.ms=45000')
    .d('schema.registry.basic.auth.credentials.source=USER_INFO', 'a setting name');

  const edgeSecret = v.akamaiSecret();
  const host = v.akamaiHost();
  const access = v.akamaiHost();
  const client2 = v.akamaiHost();
  repo
    .file('ops/cdn/.edgerc', 'credentials')
    .l('[default]')
    .s(`client_secret = ${edgeSecret}`, 'akamai', edgeSecret)
    .d(`host = ${host}.luna.akamaiapis.net`, 'an API host')
    .s(`access_token = ${access}`, 'akamai', access)
    .s(`client_token = ${client2}`, 'akamai', client2);

  const dt = v.dynatrace();
  repo
    .file('deploy/oneagent/values.yaml', 'helm')
    .l('dynakube:', '  apiUrl: https://abc12345.live.dynatrace.com/api', '  tokens:')
    .s(`    apiToken: ${dt}`, 'dynatrace', dt)
    .d('    dataIngestToken: ""', 'empty')
    .l('  oneAgent:', '    cloudNativeFullStack: {}');

  const sf = v.salesforce();
  repo
    .file('integrations/crm/sfdx-auth.json', 'json')
    .l('{', '  "instanceUrl": "https://acme.my.salesforce.com",')
    .s(`  "accessToken": "${sf}",`, 'salesforce', sf)
    .d(`  "orgId": "00D${t.alnum(12)}",`, 'a Salesforce org id')
    .l('  "username": "integration@acme.com"', '}');

  const dbx = v.databricks();
  repo
    .file('analytics/.databrickscfg', 'credentials')
    .l('[DEFAULT]', 'host = https://adb-5829371104421337.17.azuredatabricks.net')
    .s(`token = ${dbx}`, 'databricks', dbx)
    .d('cluster_id = 0412-083015-abc123de', 'a cluster id');
}

// ---- CI files ---------------------------------------------------------------------------

function ciFiles(repo, t, v) {
  const dockerPat = v.dockerPat();
  const sonar = v.sonar('squ_');
  const snyk = v.snyk();
  repo
    .file('.github/workflows/build.yml', 'ci')
    .l('name: build', 'on:', '  push:', '    branches: [main]', 'jobs:', '  image:', '    runs-on: ubuntu-latest')
    .l('    env:', '      REGISTRY_USER: acmebuild')
    .s(`      REGISTRY_PASSWORD: ${dockerPat}`, 'dockerhub', dockerPat)
    .s(`      SONAR_TOKEN: ${sonar}`, 'sonarqube', sonar)
    .s(`      SNYK_TOKEN: ${snyk}`, 'snyk', snyk)
    .d('      NPM_TOKEN: ${{ secrets.NPM_TOKEN }}', 'a secrets reference')
    .l('    steps:')
    .d('      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2', 'a pinned action SHA')
    .l('      - run: docker login -u "$REGISTRY_USER" --password-stdin <<< "$REGISTRY_PASSWORD"');

  const glptt = v.glptt();
  const gldt = v.gldt();
  repo
    .file('.gitlab-ci.yml', 'ci')
    .l('stages: [build, deploy]', 'variables:', '  DOCKER_DRIVER: overlay2')
    .s(`  DEPLOY_TOKEN_PASSWORD: ${gldt}`, 'gitlab', gldt)
    .d('  CI_REGISTRY_PASSWORD: $CI_JOB_TOKEN', 'a CI variable reference')
    .l('trigger-docs:', '  stage: deploy', '  script:')
    .s(
      `    - curl -X POST -F token=${glptt} -F ref=main https://git.acme-corp.io/api/v4/projects/118/trigger/pipeline`,
      'gitlab',
      glptt,
    );

  const azdo = v.azdoPat();
  const azdoOld = v.azdoLegacy();
  repo
    .file('pipelines/azure-pipelines.yml', 'ci')
    .l('trigger:', '  - main', 'pool:', '  vmImage: ubuntu-latest', 'variables:')
    .l('  feedUrl: https://pkgs.dev.azure.com/acme/_packaging/internal/npm/registry/')
    .s(`  feedPat: ${azdo}`, 'azure', azdo)
    .s(`  legacyPat: ${azdoOld}`, 'azure', azdoOld)
    .d('  serviceConnection: $(ArmConnection)', 'a variable reference');

  const tfc = v.tfc();
  const vaultTok = v.vault();
  repo
    .file('.circleci/config.yml', 'ci')
    .l('version: 2.1', 'jobs:', '  plan:', '    docker:', '      - image: hashicorp/terraform:1.9', '    environment:')
    .s(`      TF_TOKEN_app_terraform_io: ${tfc}`, 'terraform-cloud', tfc)
    .l('      VAULT_ADDR: https://vault.internal.acme-corp.io:8200')
    .s(`      VAULT_TOKEN: ${vaultTok}`, 'vault', vaultTok)
    .d('      TF_VAR_image_digest: sha256:' + t.sha256(), 'an image digest')
    .l('    steps:', '      - checkout', '      - run: terraform init && terraform plan');

  const nuget = v.nuget();
  const rubygems = v.rubygems();
  const pypi = v.pypi();
  repo
    .file('.github/workflows/publish.yml', 'ci')
    .l(
      'name: publish',
      'on:',
      '  release:',
      '    types: [published]',
      'jobs:',
      '  packages:',
      '    runs-on: ubuntu-latest',
      '    steps:',
    )
    .s(`      - run: dotnet nuget push "**/*.nupkg" -k ${nuget} -s https://api.nuget.org/v3/index.json`, 'nuget', nuget)
    .s(`      - run: gem push pkg/*.gem --key ${rubygems}`, 'rubygems', rubygems)
    .s(`      - run: twine upload -u __token__ -p ${pypi} dist/*`, 'pypi', pypi)
    .d('      - run: echo "sha256 ${{ hashFiles(\'**/*.lock\') }}"', 'an expression');

  const dop = v.doppler();
  const grafana = v.grafanaSa();
  repo
    .file('bitbucket-pipelines.yml', 'ci')
    .l('image: node:20', 'pipelines:', '  default:', '    - step:', '        name: test', '        script:')
    .s(`          - export DOPPLER_TOKEN=${dop}`, 'doppler', dop)
    .l('          - doppler run -- npm test')
    .s(
      `          - curl -s -H "Authorization: Bearer ${grafana}" https://grafana.acme-corp.io/api/annotations -d @annotation.json`,
      'grafana',
      grafana,
    );

  const jfrogRef = v.artifactoryRef();
  repo
    .file('Jenkinsfile', 'ci')
    .l('pipeline {', '  agent any', '  environment {')
    .l("    ARTIFACTORY_URL = 'https://acme.jfrog.io/artifactory'")
    .s(`    ARTIFACTORY_ACCESS_TOKEN = '${jfrogRef}'`, 'artifactory', jfrogRef)
    .d("    REGISTRY_CREDS = credentials('jfrog-deployer')", 'a Jenkins credentials reference')
    .l('  }', '  stages {', "    stage('publish') { steps { sh './gradlew publish' } }", '  }', '}');
}

// ---- READMEs and runbooks: real tokens pasted, truncated ones, vendor examples ------------

function docs(repo, t, v) {
  const ghFull = v.ghp();
  const ghShort = v.ghp();
  const fg = v.fineGrained();
  repo
    .file('docs/onboarding.md', 'docs')
    .l('# Onboarding', '', '## GitHub access', '')
    .l('Create a fine-grained token with read access to `acme/platform` and export it:', '')
    .d('    export GH_TOKEN=github_pat_11AAAA…', 'a truncated token in prose')
    .d(`The old shared token (\`${ghShort.slice(0, 8)}…\`) was revoked on 2026-03-02.`, 'a truncated revoked token')
    .l('', 'Until the bot account is ready, the team uses this one:', '')
    .s(`    GH_TOKEN=${fg}`, 'github', fg)
    .l('', 'For the mirror job the classic token is still in use:', '')
    .s(`    git clone https://x-access-token:${ghFull}@github.com/acme/platform.git`, 'github', ghFull);

  repo
    .file('docs/aws.md', 'docs')
    .l('# AWS CLI setup', '', 'Configure a profile. The values below are from the AWS docs:', '', '```ini', '[default]')
    .d('aws_access_key_id = AKIAIOSFODNN7EXAMPLE', 'the AWS documentation example key id')
    .d('aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'the AWS documentation example secret')
    .l('```', '', 'Your own key id starts with `AKIA` and is 20 characters long.');

  const hf = v.hf();
  const openai = v.openaiProj();
  repo
    .file('ml/README.md', 'docs')
    .l('# ml', '', 'Notebooks for the ranking models.', '', '## Quick start', '', '```bash')
    .d('export OPENAI_API_KEY="sk-proj-..."', 'a placeholder')
    .d('export HF_TOKEN=hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'a placeholder')
    .l('```', '', 'The shared evaluation account (rotate after the offsite):', '')
    .s(`- HF: \`${hf}\``, 'huggingface', hf)
    .s(`- OpenAI: \`${openai}\``, 'openai', openai);

  const slackUser = v.slackUser();
  const slackApp = v.slackApp();
  repo
    .file('docs/runbooks/slack-bot.md', 'docs')
    .l('# Slack bot runbook', '', '| setting | value |', '|---|---|')
    .d('| Bot token | `xoxb-…` (in 1Password, "chatops bot") |', 'a truncated token')
    .s(`| User token for the export job | \`${slackUser}\` |`, 'slack', slackUser)
    .s(`| Socket-mode app token | \`${slackApp}\` |`, 'slack', slackApp)
    .d('| Workspace | `T01ABCD2EFG` |', 'a workspace id');

  const discordBot = v.discordBot();
  const discordHook = v.discordWebhook();
  repo
    .file('community/bot/NOTES.md', 'docs')
    .l('# community bot', '', 'Invite link uses client id 1187342209914523708 (public).', '')
    .d('Application ID: 1187342209914523708', 'a Discord application id')
    .s(`Token (prod): ${discordBot}`, 'discord', discordBot)
    .s(`Announcements webhook: ${discordHook}`, 'discord', discordHook);

  const tg = v.telegram();
  repo
    .file('community/telegram/README.md', 'docs')
    .l('# Telegram alerts', '', 'Send a test message:', '', '```')
    .s(`curl "https://api.telegram.org/bot${tg}/sendMessage?chat_id=-1001822334455&text=hello"`, 'telegram', tg)
    .l('```')
    .d('Chat id of the on-call group: -1001822334455', 'a chat id');

  const glOk = v.glpat();
  repo
    .file('docs/gitlab-tokens.md', 'docs')
    .l('# GitLab tokens', '', 'Routable tokens carry a CRC-32 of the rest. This one was mistyped in the ticket:', '')
    .d(`    ${breakLast(glOk)}`, 'a routable GitLab token whose checksum does not verify')
    .l('', 'Runner tokens start with `glrt-`; deploy tokens with `gldt-`.');
}

// ---- shell history and scripts ----------------------------------------------------------

function shellAndHistory(repo, t, v) {
  const hist = repo.file('ops/home/deploy/.bash_history', 'shell');
  const az = v.azureStorageKey();
  const sas = v.azureSasSig();
  const sb = v.serviceBusKey();
  const doTok = v.doPat();
  const cf = v.cfGlobal();
  const heroku = t.uuid();
  hist
    .l('cd /srv/app', 'git pull', 'sudo systemctl restart app')
    .s(`az storage blob upload --account-name acmebackups --account-key ${az} -c nightly -f db.tar.gz`, 'azure', az)
    .s(
      `curl -o report.csv "https://acmereports.blob.core.windows.net/exports/report.csv?sv=2024-11-04&ss=b&srt=o&sp=rl&se=2027-06-30T00:00:00Z&spr=https&sig=${sas}"`,
      'azure',
      sas,
    )
    .s(
      `export BUS="Endpoint=sb://acme-orders.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${sb}"`,
      'azure',
      sb,
    )
    .l('ls -la', 'docker ps')
    .s(`doctl auth init -t ${doTok}`, 'digitalocean', doTok)
    .s(
      `curl -H "X-Auth-Email: ops@acme-corp.io" -H "X-Auth-Key: ${cf}" https://api.cloudflare.com/client/v4/zones`,
      'cloudflare',
      cf,
    )
    .s(`heroku config:set -a acme-api HEROKU_API_KEY=${heroku}`, 'heroku', heroku)
    .d('history | grep token', 'a command')
    .d(`git checkout ${t.sha1()}`, 'a git SHA');

  const zsh = repo.file('ops/home/dev/.zsh_history', 'shell');
  const openai = v.openaiSvc();
  const anth = v.anthropic();
  const stripe = v.stripeRestricted();
  const linear = v.linear();
  zsh
    .l(': 1764601122:0;cd ~/src/acme', ': 1764601130:0;pnpm install')
    .s(`: 1764601188:0;export OPENAI_API_KEY=${openai}`, 'openai', openai)
    .s(`: 1764601201:0;ANTHROPIC_API_KEY=${anth} pnpm eval`, 'anthropic', anth)
    .s(`: 1764601455:0;stripe listen --api-key ${stripe} --forward-to localhost:3000/webhooks`, 'stripe', stripe)
    .s(
      `: 1764601502:0;curl -H "Authorization: ${linear}" -d '{"query":"{ viewer { id } }"}' https://api.linear.app/graphql`,
      'linear',
      linear,
    )
    .d(': 1764601600:0;export OPENAI_API_KEY=$(op read op://dev/openai/credential)', 'a 1Password reference');

  const dbxTok = v.databricks();
  const posthog = v.posthogPersonal();
  const sc = repo.file('scripts/nightly-export.sh', 'shell');
  sc.l('#!/usr/bin/env bash', 'set -euo pipefail', '', "# exports yesterday's events to the warehouse")
    .l('WORKSPACE=https://adb-5829371104421337.17.azuredatabricks.net')
    .s(`AUTH="${dbxTok}"`, 'databricks', dbxTok)
    .s(`EVENTS_KEY="${posthog}"`, 'posthog', posthog)
    .d('SINCE=$(date -d yesterday +%F)', 'a command substitution')
    .l(
      'curl -sf -H "Authorization: Bearer $EVENTS_KEY" "https://eu.posthog.com/api/projects/2/events?after=$SINCE" > events.json',
    )
    .l('curl -sf -H "Authorization: Bearer $AUTH" -F file=@events.json "$WORKSPACE/api/2.0/dbfs/put"');

  const ps = repo.file('scripts/windows/setup-agent.ps1', 'powershell');
  const nr = v.nrLicense();
  const atl = v.atlassian();
  ps.l('$ErrorActionPreference = "Stop"', '# installs the monitoring agent on the build VMs')
    .s(`$env:NEW_RELIC_LICENSE_KEY = "${nr}"`, 'newrelic', nr)
    .s(`$JiraToken = "${atl}"`, 'atlassian', atl)
    .l('$pair = "ci-bot@acme-corp.io:$JiraToken"')
    .d(
      '$Headers = @{ Authorization = "Basic $([Convert]::ToBase64String([Text.Encoding]::ASCII.GetBytes($pair)))" }',
      'an expression',
    );

  const mk = repo.file('Makefile', 'shell');
  const nf = v.netlify();
  const notion = v.notion();
  mk.l('.PHONY: docs deploy', '', 'SITE ?= docs.acme-corp.io')
    .s(`DOCS_TOKEN ?= ${nf}`, 'netlify', nf)
    .s(`KB_TOKEN := ${notion}`, 'notion', notion)
    .l('', 'docs:', '\tnpx netlify deploy --prod --auth $(DOCS_TOKEN) --dir site')
    .d('\t@echo "built $(shell git rev-parse --short HEAD)"', 'a command');
}

// ---- test fixtures: real-looking tokens a test author pasted, and clearly fake ones -------

function fixtures(repo, t, v) {
  const real = v.ghu();
  const wrong = breakLast(v.ghp());
  const wrongNpm = breakLast(v.npm());
  const wrongVercel = breakLast(v.vercel());
  repo
    .file('packages/auth/test/fixtures/tokens.ts', 'typescript')
    .l('// Tokens used by the redaction tests. Keep in sync with docs/redaction.md.')
    .d('export const FAKE_GITHUB = "ghp_000000000000000000000000000000000000";', 'a zero-filled fake')
    .d(`export const BAD_CHECKSUM = "${wrong}";`, 'a ghp_ token whose CRC-32 does not verify')
    .d(`export const BAD_NPM = "${wrongNpm}";`, 'an npm token whose CRC-32 does not verify')
    .d(`export const BAD_VERCEL = "${wrongVercel}";`, 'a Vercel token whose CRC-32 does not verify')
    .s(`export const FROM_STAGING = "${real}"; // copied from the staging app, TODO rotate`, 'github', real);

  const gsa = v.grafanaSa();
  const gsaBad = breakLast(v.grafanaSa());
  repo
    .file('packages/observability/src/__tests__/client.test.py', 'python')
    .l('import pytest', 'from observability.client import GrafanaClient', '')
    .d(`INVALID = "${gsaBad}"  # checksum deliberately wrong`, 'a glsa_ token whose checksum does not verify')
    .s(`LIVE = "${gsa}"`, 'grafana', gsa)
    .l('', 'def test_rejects_invalid():', '    with pytest.raises(ValueError):', '        GrafanaClient(INVALID)');

  repo
    .file('packages/scanner-rules/test/examples.json', 'json')
    .l('{', '  "negatives": [')
    .d('    "xoxb-your-bot-token-here",', 'a placeholder')
    .d('    "sk_live_xxxxxxxxxxxxxxxxxxxxxxxx",', 'a placeholder')
    .d('    "AKIAXXXXXXXXXXXXXXXX",', 'a placeholder')
    .d('    "glpat-xxxxxxxxxxxxxxxxxxxx",', 'a placeholder')
    .d('    "dop_v1_<your-token>",', 'a placeholder')
    .d('    "hvs.EXAMPLE_TOKEN_DO_NOT_USE",', 'a placeholder')
    .l('  ]', '}');

  const mg = v.mailgunNew();
  const sgKey = v.sendgrid();
  repo
    .file('services/mailer/spec/fixtures/vcr/send_receipt.yml', 'yaml')
    .l(
      '---',
      'http_interactions:',
      '- request:',
      '    method: post',
      '    uri: https://api.mailgun.net/v3/mg.acme-corp.io/messages',
      '    headers:',
    )
    .s(`      Authorization:\n      - Basic ${b64(`api:${mg}`)}`, 'mailgun', mg)
    .l('  response:', '    status:', '      code: 200')
    .d(`      X-Request-Id: ${t.uuid()}`, 'a request id');
  repo
    .file('services/mailer/spec/fixtures/vcr/sendgrid_bounce.yml', 'yaml')
    .l(
      '---',
      'http_interactions:',
      '- request:',
      '    method: get',
      '    uri: https://api.sendgrid.com/v3/suppression/bounces',
      '    headers:',
    )
    .s(`      Authorization:\n      - Bearer ${sgKey}`, 'sendgrid', sgKey)
    .d('      User-Agent:\n      - sendgrid/6.11.0;ruby', 'a user agent');
}

// ---- Terraform and Kubernetes ------------------------------------------------------------

function terraformAndK8s(repo, t, v) {
  const doTok = v.doPat();
  const cf = v.cfToken('cfut_');
  const dd = v.ddApi();
  const ddApp = v.ddApp();
  repo
    .file('infra/terraform/providers.tf', 'terraform')
    .l(
      'terraform {',
      '  required_providers {',
      '    digitalocean = { source = "digitalocean/digitalocean", version = "~> 2.40" }',
      '  }',
      '}',
      '',
    )
    .l('provider "digitalocean" {')
    .s(`  token = "${doTok}"`, 'digitalocean', doTok)
    .l('}', '', 'provider "cloudflare" {')
    .s(`  api_token = "${cf}"`, 'cloudflare', cf)
    .l('}', '', 'provider "datadog" {')
    .s(`  api_key = "${dd}"`, 'datadog', dd)
    .s(`  app_key = "${ddApp}"`, 'datadog', ddApp)
    .l('}');

  const gId = v.awsId();
  const gSecret = v.awsSecret();
  repo
    .file('infra/terraform/envs/prod/terraform.tfvars', 'terraform')
    .l('region      = "eu-central-1"', 'environment = "prod"')
    .s(`ci_key_id     = "${gId}"`, 'aws', gId)
    .s(`ci_key_secret = "${gSecret}"`, 'aws', gSecret)
    .d(
      'kms_key_arn   = "arn:aws:kms:eu-central-1:481923775102:key/3f9a2c1e-7b4d-4e8f-a1b2-c3d4e5f60718"',
      'a KMS key ARN',
    )
    .d('db_password   = data.aws_ssm_parameter.db.value', 'an SSM reference');

  const gcpKey = t.hex(40);
  const pemLines = ['-----BEGIN PRIVATE KEY-----', ...v.pemBody(1190), '-----END PRIVATE KEY-----'];
  const pemJson = pemLines.join('\\n') + '\\n';
  const saEmail = `deployer@acme-prod-${t.digits(6)}.iam.gserviceaccount.com`;
  repo
    .file('infra/gcp/keys/deployer.json', 'credentials')
    .l('{', '  "type": "service_account",', '  "project_id": "acme-prod-318822",')
    .d(`  "private_key_id": "${gcpKey}",`, 'a key id, not the key')
    .s(`  "private_key": "${pemJson}",`, 'gcp', pemLines[1])
    .l(`  "client_email": "${saEmail}",`)
    .d(`  "client_id": "${t.digits(21)}",`, 'a numeric client id')
    .l(
      '  "auth_uri": "https://accounts.google.com/o/oauth2/auth",',
      '  "token_uri": "https://oauth2.googleapis.com/token"',
      '}',
    );

  const refresh = v.gcpRefresh();
  const cs = v.gcpClientSecret();
  repo
    .file('tools/gdrive-sync/credentials/authorized_user.json', 'credentials')
    .l('{')
    .d(
      '  "client_id": "402918836271-5k2q9v8d7rj3m1n0p6b4c8x2z1a9s7df.apps.googleusercontent.com",',
      'an OAuth client id: public',
    )
    .s(`  "client_secret": "${cs}",`, 'gcp', cs)
    .s(`  "refresh_token": "${refresh}",`, 'gcp', refresh)
    .l('  "type": "authorized_user"', '}');

  const stripe = v.stripeLive();
  const openai = v.openaiProj();
  repo
    .file('deploy/k8s/payments/secret.yaml', 'kubernetes')
    .l(
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: payments',
      '  namespace: prod',
      'type: Opaque',
      'stringData:',
    )
    .s(`  PROCESSOR_KEY: ${stripe}`, 'stripe', stripe)
    .s(`  COMPLETIONS_KEY: ${openai}`, 'openai', openai)
    .d('  PROCESSOR_ACCOUNT: acct_1QfT8cLkdIwHu7ix', 'a Stripe account id');

  const slack = v.slackBot();
  const pd = v.sentryUser();
  repo
    .file('deploy/k8s/alerting/secret.yaml', 'kubernetes')
    .l('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: alerting', 'type: Opaque', 'data:')
    .s(`  SLACK_TOKEN: ${b64(slack)}`, 'slack', slack)
    .s(`  ISSUES_TOKEN: ${b64(pd)}`, 'sentry', pd)
    .d(
      `  ca.crt: ${b64('-----BEGIN CERTIFICATE-----\nMIIC' + t.alnum(60) + '\n-----END CERTIFICATE-----\n')}`,
      'a CA certificate',
    );

  repo
    .file('deploy/k8s/alerting/sealed-secret.yaml', 'kubernetes')
    .l(
      'apiVersion: bitnami.com/v1alpha1',
      'kind: SealedSecret',
      'metadata:',
      '  name: alerting',
      'spec:',
      '  encryptedData:',
    )
    .d(`    SLACK_TOKEN: AgB${t.mixed(B64, 380)}==`, 'a sealed-secrets ciphertext');

  const vaultBatch = `hvb.AAAAAQ${t.mixed(URLSAFE, 150)}`;
  const vs = v.vaultShort();
  repo
    .file('deploy/k8s/vault-agent/config.hcl', 'config')
    .l('pid_file = "/tmp/pidfile"', 'vault {', '  address = "https://vault.internal.acme-corp.io:8200"', '}')
    .l('auto_auth {', '  method "token_file" {', '    config = { token_file_path = "/vault/token" }', '  }', '}')
    .s(`# bootstrap token used once on 2026-11-03: ${vs}`, 'vault', vs)
    .s(`# batch token for the migration job: ${vaultBatch}`, 'vault', vaultBatch);

  const tfc = v.tfc();
  repo
    .file('infra/terraform/.terraformrc', 'credentials')
    .l('credentials "app.terraform.io" {')
    .s(`  token = "${tfc}"`, 'terraform-cloud', tfc)
    .l('}');

  const kc = repo.file('deploy/helm/values-prod.yaml', 'helm');
  const dt = v.dynatrace();
  const hf = v.hf();
  kc.l('replicaCount: 3', 'image:', '  repository: ghcr.io/acme/ranker', '  tag: "1.14.2"', 'env:')
    .s(`  MODEL_HUB_TOKEN: "${hf}"`, 'huggingface', hf)
    .s(`  APM_TOKEN: "${dt}"`, 'dynatrace', dt)
    .d('  MODEL_HUB_REVISION: "' + t.sha1() + '"', 'a model revision SHA')
    .d('  DB_PASSWORD: "{{ .Values.secrets.dbPassword }}"', 'a template expression');
}

// ---- AI and data services ----------------------------------------------------------------

function aiAndData(repo, t, v) {
  const keys = {
    groq: v.groq(),
    perplexity: v.perplexity(),
    together: v.together(),
    tavily: v.tavily(),
    llama: v.llama(),
    langsmith: v.langsmith('pt'),
    eleven: v.elevenlabs(),
    cohere: v.cohere(),
    mistral: v.mistral(),
    xai: v.xai(),
    deepseek: v.deepseek(),
    replicate: v.replicate(),
    pinecone: v.pinecone(),
    wandb: v.wandb(),
    openrouter: v.openrouter(),
    anthAdmin: v.anthropicAdmin(),
    oaAdmin: v.openaiAdmin(),
  };
  repo
    .file('agents/.env', 'env')
    .l('# research agent: model routing and tools', 'DEFAULT_MODEL=llama-3.3-70b-versatile')
    .s(`GROQ_API_KEY=${keys.groq}`, 'groq', keys.groq)
    .s(`SEARCH_KEY=${keys.tavily}`, 'tavily', keys.tavily)
    .s(`PARSER_KEY=${keys.llama}`, 'llamacloud', keys.llama)
    .s(`TRACING_KEY=${keys.langsmith}`, 'langsmith', keys.langsmith)
    .d('LANGSMITH_PROJECT=research-agent-prod', 'a project name')
    .s(`ROUTER_KEY=${keys.openrouter}`, 'openrouter', keys.openrouter)
    .d('OPENROUTER_MODEL=anthropic/claude-sonnet-4.5', 'a model name');

  repo
    .file('agents/src/providers.py', 'python')
    .l('"""LLM provider registry; keys live here until the secrets service lands (ENG-4121)."""', 'import os', '')
    .l('PROVIDERS = {')
    .s(
      `    "perplexity": {"base_url": "https://api.perplexity.ai", "key": "${keys.perplexity}"},`,
      'perplexity',
      keys.perplexity,
    )
    .s(
      `    "together": {"base_url": "https://api.together.xyz/v1", "key": "${keys.together}"},`,
      'together',
      keys.together,
    )
    .s(`    "xai": {"base_url": "https://api.x.ai/v1", "key": "${keys.xai}"},`, 'xai', keys.xai)
    .s(
      `    "deepseek": {"base_url": "https://api.deepseek.com", "key": "${keys.deepseek}"},`,
      'deepseek',
      keys.deepseek,
    )
    .d('    "local": {"base_url": "http://localhost:11434/v1", "key": "ollama"},', "a local server's dummy key")
    .l('}', '')
    .s(`COHERE_API_KEY = os.getenv("COHERE_API_KEY", "${keys.cohere}")`, 'cohere', keys.cohere)
    .s(`MISTRAL_API_KEY = os.environ.get("MISTRAL_API_KEY") or "${keys.mistral}"`, 'mistral', keys.mistral);

  repo
    .file('ml/notebooks/train.ipynb', 'notebook')
    .l('{', ' "cells": [', '  {', '   "cell_type": "code",', '   "source": [')
    .s(`    "import wandb\\n", "wandb.login(key=\\"${keys.wandb}\\")\\n",`, 'wandb', keys.wandb)
    .s(
      `    "import replicate\\n", "client = replicate.Client(api_token=\\"${keys.replicate}\\")\\n",`,
      'replicate',
      keys.replicate,
    )
    .s(
      `    "from pinecone import Pinecone\\n", "pc = Pinecone(api_key=\\"${keys.pinecone}\\")\\n"`,
      'pinecone',
      keys.pinecone,
    )
    .l('   ]', '  }', ' ],', ' "metadata": {"kernelspec": {"name": "python3"}}', '}');

  repo
    .file('services/voice/src/tts.ts', 'typescript')
    .l("import { ElevenLabsClient } from '@elevenlabs/elevenlabs-js';", '')
    .s(`const client = new ElevenLabsClient({ apiKey: '${keys.eleven}' });`, 'elevenlabs', keys.eleven)
    .d("const VOICE_ID = '21m00Tcm4TlvDq8ikWAM';", 'a public voice id')
    .l('export const speak = (text: string) => client.textToSpeech.convert(VOICE_ID, { text });');

  repo
    .file('ops/billing-export/config.toml', 'config')
    .l('[export]', 'schedule = "0 3 * * *"', '', '[sources.models]')
    .s(`admin_key = "${keys.anthAdmin}"`, 'anthropic', keys.anthAdmin)
    .s(`usage_key = "${keys.oaAdmin}"`, 'openai', keys.oaAdmin)
    .d('org = "org-Xq3Lr8vT2mN5pK7w"', 'an OpenAI organisation id');

  const wandbNetrc = v.wandb();
  repo
    .file('ml/.netrc', 'credentials')
    .s(['machine api.wandb.ai', '  login user', `  password ${wandbNetrc}`], 'wandb', wandbNetrc);

  const sfw = v.anthropic();
  repo
    .file('agents/tests/test_client.py', 'python')
    .l('from agents.client import Client', '')
    .d('FAKE_KEY = "sk-ant-api03-" + "x" * 93 + "AA"', 'a made-up key built in code')
    .s(`INTEGRATION_KEY = "${sfw}"  # real key for the nightly suite`, 'anthropic', sfw)
    .l('', 'def test_header():', '    assert Client(FAKE_KEY).headers["x-api-key"].startswith("sk-ant-")');
}

// ---- key material and join tokens ---------------------------------------------------------

function keysAndJoinTokens(repo, t, v) {
  const seed = v.natsSeed();
  const jwt = v.natsJwt();
  repo
    .file('deploy/nats/ingest.creds', 'credentials')
    .l('-----BEGIN NATS USER JWT-----')
    .d(jwt, 'a NATS user JWT: a signed public claim, useless without the seed below')
    .l('------END NATS USER JWT------', '', '************************* IMPORTANT *************************')
    .l(
      'NKEY Seed printed below can be used to sign and prove identity.',
      'NKEYs are sensitive and should be treated as secrets.',
      '',
    )
    .l('-----BEGIN USER NKEY SEED-----')
    .s(seed, 'nats', seed)
    .l('------END USER NKEY SEED------', '', '*************************************************************');

  const seed2 = v.natsSeed();
  const pub = v.natsPublic();
  repo
    .file('services/events/nats.conf', 'config')
    .l('port: 4222', 'authorization {', '  users = [')
    .d(`    { nkey: ${pub} }`, 'a NATS public nkey')
    .l('  ]', '}')
    .s(`# leafnode seed (move to a creds file): ${seed2}`, 'nats', seed2);

  const worker = v.swarm('worker');
  const manager = v.swarm('manager');
  repo
    .file('ops/swarm/bootstrap.sh', 'shell')
    .l('#!/bin/sh', '# join the new nodes to the swarm', 'MANAGER=10.0.3.11:2377')
    .s(`docker swarm join --token ${worker} $MANAGER`, 'docker', worker)
    .s(`MANAGER_TOKEN=${manager}`, 'docker', manager);

  const age = v.age();
  const agePub = v.agePublic();
  repo
    .file('secrets/.sops.yaml', 'config')
    .l('creation_rules:', '  - path_regex: secrets/prod/.*\\.yaml$')
    .d(`    age: ${agePub}`, 'an age recipient (public key)');
  repo
    .file('secrets/keys.txt', 'credentials')
    .l('# created: 2026-10-14T09:12:44Z')
    .d(`# public key: ${agePub}`, 'an age public key')
    .s(age, 'age', age);

  repo
    .file('secrets/prod/app.enc.yaml', 'config')
    .d(
      `db_password: ENC[AES256_GCM,data:${t.mixed(B64, 24)},iv:${t.mixed(B64, 43)}=,tag:${t.mixed(B64, 22)}==,type:str]`,
      'sops ciphertext',
    )
    .l('sops:', '  age:')
    .d(`    - recipient: ${agePub}`, 'an age public key')
    .l('  version: 3.9.1');

  const op = v.onepassword();
  repo
    .file('deploy/k8s/connect/operator.env', 'env')
    .l('# 1Password operator: service account for the prod vault only')
    .s(`OP_SERVICE_ACCOUNT_TOKEN=${op}`, 'onepassword', op)
    .d('OP_VAULT=prod-runtime', 'a vault name');

  const bedrock = v.bedrock();
  repo
    .file('services/summarizer/.env', 'env')
    .l('AWS_REGION=us-east-1', 'MODEL_ID=anthropic.claude-sonnet-4-5-20250929-v1:0')
    .s(`AWS_BEARER_TOKEN_BEDROCK=${bedrock}`, 'aws', bedrock);

  const bedrock2 = v.bedrock();
  repo
    .file('services/summarizer/src/client.ts', 'typescript')
    .l("import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';", '')
    .s(`const LLM_KEY = '${bedrock2}';`, 'aws', bedrock2)
    .l("export const client = new BedrockRuntimeClient({ region: 'us-east-1', token: { token: LLM_KEY } });");
}

// ---- front-end code: public keys by design next to server-side secrets --------------------

function frontend(repo, t, v) {
  const fbKey = v.gcpApiKey();
  repo
    .file('apps/mobile-web/src/firebase.ts', 'typescript')
    .l("import { initializeApp } from 'firebase/app';", '')
    .l('// Firebase web config: Firebase documents these values as public identifiers; access is')
    .l('// enforced by Security Rules and App Check, not by hiding the apiKey.')
    .l('const firebaseConfig = {')
    .d(`  apiKey: '${fbKey}',`, 'a Firebase web apiKey inside firebaseConfig: public by design')
    .l("  authDomain: 'acme-mobile.firebaseapp.com',", "  projectId: 'acme-mobile',")
    .d(`  appId: '1:${t.digits(12)}:web:${t.hex(22)}',`, 'a Firebase app id')
    .d("  measurementId: 'G-8QX2K4M7TZ',", 'an analytics id')
    .l('};', 'export const app = initializeApp(firebaseConfig);');

  const fcm = v.fcmServerKey();
  const mapsServer = v.gcpApiKey();
  repo
    .file('services/push/src/settings.js', 'javascript')
    .l("'use strict';", '', 'module.exports = {')
    .s(`  legacyServerKey: '${fcm}',`, 'firebase', fcm)
    .s(`  geocodingKey: '${mapsServer}', // server-side, unrestricted`, 'gcp', mapsServer)
    .l('};');

  const mbSecret = v.mapboxSecret('acme-maps');
  const mbPublic = v.mapboxPublic('acme-maps');
  repo
    .file('apps/maps/src/config.js', 'javascript')
    .l('export const MAP_STYLE = "mapbox://styles/acme-maps/clx8q2k4m00aa01qs3b5c7d9e";')
    .d(`export const PUBLIC_TOKEN = "${mbPublic}";`, 'a Mapbox public token (pk.)')
    .l('// used only by the tile upload script in CI')
    .s(`export const UPLOAD_TOKEN = "${mbSecret}";`, 'mapbox', mbSecret);

  const ph = v.posthogProject();
  const nrb = v.nrBrowser();
  const dsn = `https://${t.hex(32)}@o${t.digits(6)}.ingest.sentry.io/${t.digits(7)}`;
  const pk = v.stripePublishable();
  repo
    .file('apps/storefront/public/index.html', 'html')
    .l('<!doctype html>', '<html lang="en">', '<head>', '<meta charset="utf-8">')
    .d(
      `<script>posthog.init('${ph}', { api_host: 'https://eu.i.posthog.com' })</script>`,
      'a PostHog project key: public by design',
    )
    .d(
      `<script>window.NREUM||(NREUM={});NREUM.info={"licenseKey":"${nrb}","applicationID":"1589123863"}</script>`,
      'a New Relic browser key: served in every page',
    )
    .d(`<script>Sentry.init({ dsn: "${dsn}" })</script>`, 'a Sentry DSN')
    .d(`<script>const stripe = Stripe("${pk}");</script>`, 'a Stripe publishable key')
    .d(`<link rel="stylesheet" href="/assets/app.css" integrity="sha384-${t.mixed(B64, 64)}">`, 'an SRI hash')
    .l('</head>', '<body><div id="root"></div></body>', '</html>');

  const meta = v.meta();
  const ig = v.instagram();
  repo
    .file('services/social/config/channels.json', 'json')
    .l('{', '  "facebook": {', '    "page_id": "104982736451829",')
    .s(`    "page_access_token": "${meta}"`, 'facebook', meta)
    .l('  },', '  "instagram": {', '    "business_account_id": "17841405822304914",')
    .s(`    "long_lived_token": "${ig}"`, 'facebook', ig)
    .l('  }', '}');

  const jf = v.artifactoryKey();
  const fly = v.flyUser();
  const ghr = v.ghr();
  repo
    .file('.npmrc', 'credentials')
    .l('registry=https://acme.jfrog.io/artifactory/api/npm/npm-virtual/')
    .s(`//acme.jfrog.io/artifactory/api/npm/npm-virtual/:_password=${b64(jf)}`, 'artifactory', jf)
    .l('always-auth=true');
  repo
    .file('ops/fly/README.md', 'docs')
    .l('# fly', '', 'Log in with `fly auth login`; the token it stores looks like `fo1_…`.', '')
    .s(`Emergency deploy token (break glass): ${fly}`, 'flyio', fly);
  repo
    .file('tools/gh-app/refresh.json', 'json')
    .l('{', '  "token_type": "bearer",', '  "expires_in": 28800,')
    .s(`  "refresh_token": "${ghr}",`, 'github', ghr)
    .l('  "refresh_token_expires_in": 15811200', '}');
}

// ---- what sits beside tokens and is none: ids, hashes, references, vendors' own examples ----

function lookAlikes(repo, t, v) {
  const lock = repo.file('package-lock.json', 'json');
  lock.l('{', '  "name": "acme-platform",', '  "lockfileVersion": 3,', '  "packages": {');
  for (const name of ['@slack/web-api', 'stripe', 'twilio', '@sendgrid/mail', 'openai', '@anthropic-ai/sdk']) {
    lock
      .l(`    "node_modules/${name}": {`, '      "version": "4.2.1",')
      .l(`      "resolved": "https://registry.npmjs.org/${name}/-/${name.split('/').pop()}-4.2.1.tgz",`)
      .d(`      "integrity": "sha512-${v.bytes(64).toString('base64')}"`, 'an npm integrity hash')
      .l('    },');
  }
  lock.l('    "": {}', '  }', '}');

  const gosum = repo.file('tools/mirror/go.sum', 'go');
  for (const mod of [
    'github.com/xanzy/go-gitlab v0.115.0',
    'github.com/slack-go/slack v0.15.0',
    'github.com/stripe/stripe-go/v81 v81.4.0',
  ]) {
    gosum.d(`${mod} h1:${v.bytes(32).toString('base64')}`, 'a go.sum hash');
  }

  const docsEx = repo.file('docs/vendors/examples.md', 'docs');
  docsEx
    .l('# Vendor examples we link to', '', "These come from the vendors' own documentation and do not work:", '')
    .d('- Stripe: `sk_test_4eC39HqLyjWDarjtT1zdp7dc`', "Stripe's documented test key")
    .d('- Slack: `xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy`', "Slack's documented example bot token")
    .d('- Twilio: `ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX` / `your_auth_token`', 'placeholders')
    .d('- GitHub: `ghp_16C7e42F292c6912E7710c838347Ae178B4a`', "GitHub's documented example token (bad checksum)")
    .d('- Discord: `https://discord.com/api/webhooks/{webhook.id}/{webhook.token}`', 'a URL template')
    .d('- Telegram: `123456789:ABCdefGhIJKlmNoPQRsTUVwxyZ`', "Telegram's documented example (too short)")
    .d('- Datadog: `DD_API_KEY=<DATADOG_API_KEY>`', 'a placeholder')
    .d('- Mailgun: `key-3ax6xnjp29jd6fds4gc373sgvjxteol0`', "Mailgun's documented example key");

  const redacted = repo.file('ops/incidents/2026-09-14-token-leak.md', 'docs');
  redacted
    .l('# Incident 2026-09-14: token in a build log', '', '## Timeline', '')
    .d('- 09:12 build log prints `STRIPE_SECRET_KEY=sk_live_****************************`', 'a redacted value')
    .d('- 09:20 token `xoxb-****-****-************` revoked', 'a redacted value')
    .d('- 09:31 rotated `AWS_SECRET_ACCESS_KEY` (was `wJal…`; now in Secrets Manager)', 'a truncated value')
    .d(`- 09:40 commit ${t.sha1()} removes the log line`, 'a git SHA')
    .d(`- ticket SEC-${t.digits(4)}, request id ${t.uuid()}`, 'ids');

  const k8s = repo.file('deploy/k8s/payments/deployment.yaml', 'kubernetes');
  k8s
    .l(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: payments',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '        - name: api',
    )
    .d(`          image: ghcr.io/acme/payments@sha256:${t.sha256()}`, 'an image digest')
    .l('          env:', '            - name: PROCESSOR_KEY', '              valueFrom:')
    .d('                secretKeyRef: { name: payments, key: PROCESSOR_KEY }', 'a secret reference')
    .l('            - name: COMPLETIONS_KEY')
    .d('              value: "vault:secret/data/payments#COMPLETIONS_KEY"', 'a Vault reference')
    .d(`            - { name: POD_UID, value: "${t.uuid()}" }`, 'a UUID');

  const tf = repo.file('infra/terraform/secrets.tf', 'terraform');
  tf.l('resource "aws_secretsmanager_secret" "stripe" {', '  name = "prod/payments/stripe"', '}', '')
    .d('data "aws_ssm_parameter" "dd_api_key" { name = "/prod/datadog/api_key" }', 'an SSM parameter name')
    .d('variable "cloudflare_api_token" { type = string, sensitive = true }', 'a variable declaration')
    .d('  api_token = var.cloudflare_api_token', 'a variable reference')
    .d('  token     = data.vault_generic_secret.do.data["token"]', 'a Vault data reference');

  const ssh = repo.file('ops/keys/authorized_keys', 'credentials');
  for (const who of ['deploy@ci', 'alice@laptop', 'bob@workstation']) {
    ssh.d(
      `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${v.bytes(32).toString('base64').slice(0, 43)} ${who}`,
      'an SSH public key',
    );
  }

  const wrong = repo.file('packages/auth/test/fixtures/checksums.json', 'json');
  wrong.l('{', '  "_comment": "every token here has a corrupted checksum; the validator must reject them",');
  wrong.d(`  "gho": "${breakLast(v.gho())}",`, 'a gho_ token whose CRC-32 does not verify');
  wrong.d(`  "ghs": "${breakLast(v.ghs())}",`, 'a ghs_ token whose CRC-32 does not verify');
  wrong.d(`  "npm": "${breakLast(v.npm())}",`, 'an npm token whose CRC-32 does not verify');
  wrong.d(`  "glpat": "${breakLast(v.glpat())}",`, 'a glpat token whose checksum does not verify');
  wrong.d(`  "glrt": "${breakLast(v.glrt())}",`, 'a glrt token whose checksum does not verify');
  wrong.d(`  "glsa": "${breakLast(v.grafanaSa())}"`, 'a glsa token whose checksum does not verify');
  wrong.l('}');

  const ids = repo.file('services/api/app/constants.py', 'python');
  ids
    .l('"""Identifiers that are safe to commit."""', '')
    .d('STRIPE_ACCOUNT = "acct_1QfT8cLkdIwHu7ix"', 'a Stripe account id')
    .d('STRIPE_CUSTOMER_TEST = "cus_R3kq9XvN2mK5pR"', 'a customer id')
    .d(`SLACK_APP_ID = "A${t.mixed(UPPER + DIGIT, 10)}"`, 'a Slack app id')
    .d(`SEGMENT_SOURCE_ID = "${t.mixed(ALNUM, 22)}"`, 'an id')
    .d(`GA_MEASUREMENT_ID = "G-${t.mixed(UPPER + DIGIT, 10)}"`, 'an analytics id')
    .d(`DEFAULT_ORG = "${t.uuid()}"`, 'a UUID')
    .d(`CACHE_BUSTER = "${t.sha256().slice(0, 16)}"`, 'a hash prefix')
    .d('RECAPTCHA_SITE_KEY = "6LcR8x4qAAAAAJ2kL5mN8pQ1rS4tU7vW0xY3zA6b"', 'a reCAPTCHA site key (public)');

  const changelog = repo.file('CHANGELOG.md', 'docs');
  changelog
    .l('# Changelog', '')
    .d('## 4.12.0 (2026-11-20) — build 4.12.0+sha.9f2c1e7', 'a version')
    .d('- Rotate the Sentry DSN (`https://<key>@o0.ingest.sentry.io/0`) handling', 'a DSN template')
    .d('- Accept `glpat-` tokens of the new routable format (`glpat-<payload>.01.<len><crc>`)', 'a format description')
    .d('- Drop support for `xoxp-` legacy user tokens', 'a prefix in prose')
    .d(`- Bump @slack/web-api to 7.8.0 (${t.sha1().slice(0, 7)})`, 'a short SHA');

  const envEx = repo.file('.env.example', 'env');
  envEx
    .l('# copy to .env and fill in')
    .d('GITHUB_TOKEN=', 'empty')
    .d('OPENAI_API_KEY=sk-...', 'a placeholder')
    .d('ANTHROPIC_API_KEY=your-anthropic-key', 'a placeholder')
    .d('STRIPE_SECRET_KEY=sk_live_replace_me', 'a placeholder')
    .d('SLACK_BOT_TOKEN=xoxb-changeme', 'a placeholder')
    .d('AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY}', 'an env reference')
    .d('DD_API_KEY=<your-datadog-api-key>', 'a placeholder')
    .d('TWILIO_AUTH_TOKEN=', 'empty')
    .d('GROQ_API_KEY=gsk_...', 'a placeholder')
    .d(
      'PINECONE_API_KEY=pcsk_XXXXX_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
      'a placeholder',
    );

  const css = repo.file('apps/storefront/src/icons.css', 'css');
  css
    .l('.icon-logo {')
    .d(`  background-image: url("data:image/png;base64,${t.pngBase64().slice(0, 600)}");`, 'an inline image')
    .l('}');
}

// ---- distinctive formats in files that never name their vendor (issue 10, class 2) ---------

function withoutVendorNames(repo, t, v) {
  const upstream = repo.file('config/secrets.local.yaml', 'yaml');
  const vals = {
    glwt: v.glwt(),
    sntrys: v.sentryOrg(),
    cfat: v.cfToken('cfat_'),
    oat: `dckr_oat_${t.mixed(URLSAFE, 32)}`,
    sqp: v.sonar('sqp_'),
    dpt: v.dopplerPersonal(),
    lssk: v.langsmith('sk'),
    apiOrg: `api_org_${t.pick(UPPER + LOWER, 34)}`,
    notionLegacy: v.notionLegacy(),
    xoxe: v.slackRefresh(),
    xoxeConfig: v.slackConfig(),
    glc: v.grafanaCloud(),
  };
  upstream
    .l('# local overrides; not loaded in CI', 'upstream:')
    .s(`  workspace: ${vals.glwt}`, 'gitlab', vals.glwt)
    .s(`  releases: ${vals.sntrys}`, 'sentry', vals.sntrys)
    .s(`  edge: ${vals.cfat}`, 'cloudflare', vals.cfat)
    .s(`  images: ${vals.oat}`, 'dockerhub', vals.oat)
    .s(`  quality: ${vals.sqp}`, 'sonarqube', vals.sqp)
    .s(`  config: ${vals.dpt}`, 'doppler', vals.dpt)
    .s(`  traces: ${vals.lssk}`, 'langsmith', vals.lssk)
    .s(`  models: ${vals.apiOrg}`, 'huggingface', vals.apiOrg)
    .s(`  wiki: ${vals.notionLegacy}`, 'notion', vals.notionLegacy)
    .s(`  chat_refresh: ${vals.xoxe}`, 'slack', vals.xoxe)
    .s(`  chat_config: ${vals.xoxeConfig}`, 'slack', vals.xoxeConfig)
    .s(`  dashboards: ${vals.glc}`, 'grafana', vals.glc)
    .d(`  owner: ${t.uuid()}`, 'a UUID');

  const gmap = repo.file('internal/clients/tokens.go', 'go');
  const ghFg = v.fineGrained();
  const rk = v.stripeRestricted();
  const mg = v.mailgun();
  const disc = v.discordBot();
  gmap
    .l(
      'package clients',
      '',
      '// defaults for the local stack; production reads them from the environment',
      'var defaults = map[string]string{',
    )
    .s(`\t"ci":       "${ghFg}",`, 'github', ghFg)
    .s(`\t"payments": "${rk}",`, 'stripe', rk)
    .s(`\t"mail":     "${mg}",`, 'mailgun', mg)
    .s(`\t"bot":      "${disc}",`, 'discord', disc)
    .d('\t"region":   "eu-west-1",', 'a region')
    .l('}');

  const log = repo.file('logs/worker-2026-11-30.log', 'log');
  const awsId = v.awsId();
  const awsSecret = v.awsSecret();
  const tg = v.telegram();
  const hook = v.discordWebhook();
  log
    .l('2026-11-30T02:00:01Z INFO  worker starting pid=4411')
    .s(`2026-11-30T02:00:01Z DEBUG s3 client key=${awsId}`, 'aws', awsId)
    .s(`2026-11-30T02:00:01Z DEBUG s3 client secret=${awsSecret}`, 'aws', awsSecret)
    .s(`2026-11-30T02:00:04Z WARN  notifier POST https://api.telegram.org/bot${tg}/sendMessage -> 429`, 'telegram', tg)
    .s(`2026-11-30T02:00:05Z ERROR fallback hook ${hook} failed: timeout`, 'discord', hook)
    .d(`2026-11-30T02:00:06Z INFO  job ${t.uuid()} done in 4.2s`, 'a job id')
    .d(`2026-11-30T02:00:06Z INFO  commit=${t.sha1()} image=sha256:${t.sha256()}`, 'hashes');

  const java = repo.file('services/archive/src/main/java/com/acme/archive/StorageConfig.java', 'java');
  const jId = v.awsId();
  const jSecret = v.awsSecret();
  java
    .l(
      'package com.acme.archive;',
      '',
      'import com.amazonaws.auth.BasicAWSCredentials;',
      '',
      'public final class StorageConfig {',
    )
    .s(`    private static final String KEY_ID = "${jId}";`, 'aws', jId)
    .s(`    private static final String KEY = "${jSecret}";`, 'aws', jSecret)
    .l('    static BasicAWSCredentials credentials() { return new BasicAWSCredentials(KEY_ID, KEY); }', '}');

  const py = repo.file('services/metrics/bootstrap.py', 'python');
  const a = v.ddApi();
  const b = v.ddApp();
  py.l('from datadog import initialize, api', '')
    .s(`initialize(api_key="${a}", app_key="${b}")`, 'datadog', a)
    .l('api.Metric.send(metric="jobs.done", points=1)');
  repo.labels.push({ ...repo.labels.at(-1), redacted: `${b.slice(0, 4)}…` });

  const compose = repo.file('docker-compose.override.yml', 'docker');
  const conKey = v.confluentKey();
  const conSecret = v.confluentSecret();
  const appId = v.algoliaAppId();
  const adminKey = t.hex(32);
  compose
    .l('services:', '  indexer:', '    image: acme/indexer:2.3', '    environment:')
    .l(`      STREAM_KEY: ${conKey}`)
    .s(`      STREAM_SECRET: ${conSecret}`, 'confluent', conSecret)
    .l(`      SEARCH_APP: ${appId}`)
    .s(`      SEARCH_ADMIN: ${adminKey}`, 'algolia', adminKey)
    .d('      SEARCH_INDEX: products', 'an index name');

  const tfAz = repo.file('infra/terraform/azure/main.tf', 'terraform');
  const sec = v.azureClientSecret();
  tfAz
    .l('provider "azurerm" {', '  features {}')
    .d(`  tenant_id       = "${t.uuid()}"`, 'a tenant id')
    .d(`  client_id       = "${t.uuid()}"`, 'a client id')
    .s(`  client_secret   = "${sec}"`, 'azure', sec)
    .d(`  subscription_id = "${t.uuid()}"`, 'a subscription id')
    .l('}');

  const ghActions = repo.file('.github/workflows/nightly.yml', 'ci');
  const ppl = v.perplexity();
  const tvl = v.tavily();
  const glrt = v.glrt();
  ghActions
    .l(
      'name: nightly',
      'on:',
      '  schedule:',
      '    - cron: "0 4 * * *"',
      'jobs:',
      '  digest:',
      '    runs-on: ubuntu-latest',
      '    env:',
    )
    .s(`      ANSWERS_KEY: ${ppl}`, 'perplexity', ppl)
    .s(`      WEB_KEY: ${tvl}`, 'tavily', tvl)
    .s(`      RUNNER: ${glrt}`, 'gitlab', glrt)
    .d('      SUMMARY_MODEL: sonar-pro', 'a model name')
    .l('    steps:', '      - run: python digest.py');

  const rb = repo.file('services/shop/config/initializers/payments.rb', 'ruby');
  const sq = v.squareProd();
  const pp = v.paypalSecret();
  rb.l('Rails.application.configure do')
    .s(`  config.x.pos_token = "${sq}"`, 'square', sq)
    .d(
      '  config.x.paypal_client_id = "AeXq3Lr8vT2mN5pK7wYbC9dF1gH4jK6lM8nP0qR2sT4uV6wX8yZ"',
      'a PayPal client id (public)',
    )
    .s(`  config.x.paypal_client_secret = "${pp}"`, 'paypal', pp)
    .l('end');

  const sfRefresh = `5Aep861${t.mixed(ALNUM + '._', 80)}`;
  const atl = v.atlassian();
  const okta = v.okta();
  const env = repo.file('integrations/.env', 'env');
  env
    .l('# integrations worker')
    .s(`CRM_REFRESH=${sfRefresh}`, 'salesforce', sfRefresh)
    .s(`TICKETS_TOKEN=${atl}`, 'atlassian', atl)
    .s(`SSO_ADMIN=SSWS ${okta}`, 'okta', okta)
    .d('CRM_INSTANCE=https://acme.my.salesforce.com', 'a URL');

  const pyx = repo.file('services/search/indexer.py', 'python');
  const pc = v.pinecone();
  const xai = v.xai();
  const repl = v.replicate();
  pyx
    .l('import os', '')
    .s(`VECTOR_KEY = "${pc}"`, 'pinecone', pc)
    .s(`GROK = "${xai}"`, 'xai', xai)
    .s(`IMAGES = "${repl}"`, 'replicate', repl)
    .d('EMBED_DIM = 3072', 'a number');
}

// ---- tokens inside URLs, escaped strings, SQL seeds and connection strings -----------------

function inUrlsAndStrings(repo, t, v) {
  const glpat = v.glpat();
  const ghp = v.ghp();
  repo
    .file('.git-credentials', 'credentials')
    .s(`https://oauth2:${glpat}@git.acme-corp.io`, 'gitlab', glpat)
    .s(`https://release-bot:${ghp}@github.com`, 'github', ghp);

  const npmTok = v.npm();
  const pypi = v.pypi();
  const hf = v.hf();
  const sh = repo.file('scripts/bootstrap-dev.sh', 'shell');
  sh.l('#!/usr/bin/env bash', 'set -e', '# one-time setup for a new laptop')
    .s(`npm config set //registry.npmjs.org/:_authToken=${npmTok}`, 'npm', npmTok)
    .s(`pip config set global.extra-index-url https://__token__:${pypi}@upload.pypi.org/legacy/`, 'pypi', pypi)
    .s(`git clone https://user:${hf}@huggingface.co/acme/ranker-v3 models/ranker`, 'huggingface', hf)
    .d('pip install -r requirements.txt --require-hashes', 'a command');

  const storageKey = v.azureStorageKey();
  const cosmosKey = v.azureStorageKey();
  const busKey = v.serviceBusKey();
  repo
    .file('services/ledger/appsettings.Production.json', 'json')
    .l('{', '  "Logging": { "LogLevel": { "Default": "Warning" } },', '  "ConnectionStrings": {')
    .s(
      `    "Blobs": "DefaultEndpointsProtocol=https;AccountName=acmeledgerprod;AccountKey=${storageKey};EndpointSuffix=core.windows.net",`,
      'azure',
      storageKey,
    )
    .s(
      `    "Documents": "AccountEndpoint=https://acme-ledger.documents.azure.com:443/;AccountKey=${cosmosKey};",`,
      'azure',
      cosmosKey,
    )
    .s(
      `    "Events": "Endpoint=sb://acme-ledger.servicebus.windows.net/;SharedAccessKeyName=send-only;SharedAccessKey=${busKey};EntityPath=postings"`,
      'azure',
      busKey,
    )
    .l('  },', '  "AllowedHosts": "*"', '}');

  const neutralKey = v.azureStorageKey();
  repo
    .file('ops/backup/restic.env', 'env')
    .l('RESTIC_REPOSITORY=azure:nightly:/', 'AZURE_ACCOUNT_NAME=acmebackups')
    .s(`AZURE_ACCOUNT_KEY=${neutralKey}`, 'azure', neutralKey)
    .d('RESTIC_PASSWORD_FILE=/etc/restic/pass', 'a file path');

  const slack = v.slackBot();
  const tw = t.twilioToken();
  const twSid = v.twilioSid();
  repo
    .file('db/seeds/integrations.sql', 'sql')
    .l('-- seed data for the staging integrations table', 'INSERT INTO integrations (name, account, token) VALUES')
    .s(`  ('chat', 'T04QW8E7R', '${slack}'),`, 'slack', slack)
    .s(`  ('sms', '${twSid}', '${tw}');`, 'twilio', tw);

  const dockerPat = v.dockerPat();
  const auth = b64(`acmebuild:${dockerPat}`);
  repo
    .file('deploy/k8s/registry/pull-secret.yaml', 'kubernetes')
    .l(
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: regcred',
      'type: kubernetes.io/dockerconfigjson',
      'data:',
    )
    .s(
      `  .dockerconfigjson: ${b64(JSON.stringify({ auths: { 'https://index.docker.io/v1/': { auth } } }))}`,
      'dockerhub',
      auth, // two layers deep: the label's check reads one, so it names the inner auth value
    );

  const oa = v.openaiProj();
  const anth = v.anthropic();
  repo
    .file('apps/web/.next/server/chunks/412.js.map', 'json')
    .s(
      `{"version":3,"sources":["../src/lib/ai.ts"],"sourcesContent":["import OpenAI from 'openai';\\nexport const ai = new OpenAI({ apiKey: '${oa}' });\\n"],"mappings":"AAAA"}`,
      'openai',
      oa,
    );
  repo
    .file('agents/prompts/config.json', 'json')
    .s(
      `{"provider":"anthropic","headers":{"x-api-key":"${anth}","anthropic-version":"2023-06-01"}}`,
      'anthropic',
      anth,
    );

  const rust = repo.file('services/edge/src/config.rs', 'rust');
  const cf = v.cfToken('cfut_');
  const st = v.stripeLive();
  rust
    .l('//! Static configuration for the edge worker.', '')
    .s(`pub const PURGE_TOKEN: &str = "${cf}";`, 'cloudflare', cf)
    .s(`pub const BILLING: &str = "${st}";`, 'stripe', st)
    .d('pub const ZONE: &str = "acme-corp.io";', 'a zone');

  const cs = repo.file('services/ledger/Settings.cs', 'csharp');
  const sg = v.sendgrid();
  const gh = v.ghp();
  cs.l('namespace Acme.Ledger;', '', 'internal static class Settings', '{')
    .s(`    internal const string Mail = "${sg}";`, 'sendgrid', sg)
    .s(`    internal static readonly string Packages = "${gh}";`, 'github', gh)
    .d('    internal const string Feed = "https://nuget.pkg.github.com/acme/index.json";', 'a URL')
    .l('}');

  const tsx = repo.file('apps/web/src/lib/telemetry.ts', 'typescript');
  const phx = v.posthogPersonal();
  tsx
    .l("import { PostHog } from 'posthog-node';", '')
    .s(`export const ph = new PostHog('${phx}', { host: 'https://eu.i.posthog.com' });`, 'posthog', phx);
}
