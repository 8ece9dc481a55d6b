// Online sports-betting and casino operator monorepo (LuckyHarbor): a Node.js/TypeScript betting
// API, a Kotlin/Java odds engine on Kafka, an Elixir/Erlang wallet, a legacy PHP casino lobby, a
// Rust risk/fraud scorer, Python trading models and notebooks, Unity/C# game clients, payment
// providers (Adyen, Worldpay, Skrill, Neteller/Paysafe, paysafecard, MoonPay, Coinbase Commerce,
// Fireblocks), KYC (Onfido, Jumio, Sumsub), odds feeds (Sportradar, Betradar UOF, Genius Sports),
// GeoComply, Twilio/Vonage OTP, Redis/Postgres/ClickHouse, Kubernetes with Helm and Argo CD,
// Terraform (GCP + Cloudflare), Docker, GitLab CI, nginx/HAProxy, cron and shell, logs, Zendesk,
// Jira and Slack exports, and runbooks.
import { ALNUM, B64, DIGIT, HEX, LOWER, UPPER, URLSAFE, Repo, makeTokens, mulberry32 } from './generate.mjs';

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 6151 + 877);
  const t = makeTokens(rand);
  const repo = new Repo();
  const g = gens(t);
  bettingApi(repo, t, g);
  oddsEngine(repo, t, g);
  wallet(repo, t, g);
  casinoLobby(repo, t, g);
  riskScorer(repo, t, g);
  trading(repo, t, g);
  unity(repo, t, g);
  kubernetes(repo, t, g);
  argocd(repo, t, g);
  terraform(repo, t, g);
  docker(repo, t, g);
  ci(repo, t, g);
  proxies(repo, t, g);
  cronShell(repo, t, g);
  keys(repo, t, g);
  logs(repo, t, g);
  support(repo, t, g);
  chat(repo, t, g);
  docs(repo, t, g);
  noise(repo, t, g);
  return repo;
}

function gens(t) {
  const b64 = (n) => t.mixed(B64, n);
  const enc = (s) => Buffer.from(s).toString('base64');
  const b64url = (s) => Buffer.from(s).toString('base64url');
  const WORDS = [
    'Jackpot',
    'Parlay',
    'Harbor',
    'Anchor',
    'Roulette',
    'Longshot',
    'Trifecta',
    'Boxcar',
    'Dealer',
    'Acca',
  ];
  const word = () => WORDS[Number(t.pick(DIGIT, 1))];
  // What people pick for shared admin and service accounts.
  const human = () => {
    const sym = t.pick('!#@*.', 1);
    switch (t.pick('0123', 1)) {
      case '0':
        return `${word()}20${t.pick('12', 1)}${t.pick(DIGIT, 1)}${sym}`;
      case '1':
        return `${word()}${sym}${t.pick(DIGIT, 2)}${word().toLowerCase()}`;
      case '2':
        return `Lucky${word()}${t.pick(DIGIT, 2)}${sym}`;
      default:
        return `${word().toLowerCase()}-${word()}-${t.pick(DIGIT, 4)}`;
    }
  };
  // Password-manager output that survives YAML, TOML, XML and quoted strings.
  const gen = (n = 20) => `${t.pick(UPPER + LOWER, 1)}${t.mixed(ALNUM + '!*-_?^+', n - 1)}`;
  // Safe inside URLs, .env files, crontabs and shell words.
  const plain = (n = 18) => t.alnum(n);
  const pemBlock = (label, headerHex, bodyBytes) => {
    const bytes = Buffer.concat([Buffer.from(headerHex, 'hex'), Buffer.from(t.pick(HEX, bodyBytes * 2), 'hex')]);
    return [`-----BEGIN ${label}-----`, ...bytes.toString('base64').match(/.{1,64}/g), `-----END ${label}-----`];
  };
  const jwt = (payload, alg = 'HS256') =>
    `${b64url(JSON.stringify({ alg, typ: 'JWT' }))}.${b64url(JSON.stringify(payload))}.${t.mixed(URLSAFE, alg === 'HS256' ? 43 : 342)}`;
  return {
    b64,
    enc,
    b64url,
    human,
    gen,
    plain,
    jwt,
    pw: () => t.password(),
    // Adyen: API key "AQE…==-…=-…", webhook HMAC key 64 upper hex, client key live_/test_ (public).
    adyenKey: () => `AQE${b64(91)}==-${b64(43)}=-${t.mixed(ALNUM + '+;%=<>}{', 16)}`,
    adyenHmac: () => t.mixed('0123456789ABCDEF', 64),
    adyenClientKey: () => `live_${t.mixed(UPPER + DIGIT, 32)}`,
    adyenPspRef: () => t.mixed(UPPER + DIGIT, 16),
    // Worldpay Online: service key L_S_<uuid> (secret), client key L_C_<uuid> (public).
    worldpayService: () => `L_S_${t.uuid()}`,
    worldpayClient: () => `L_C_${t.uuid()}`,
    // Paysafe (Neteller / Skrill parent) API key password part; full key is base64(user:password).
    paysafePw: () => `B-p1-0-${t.hex(8)}-0-302c0214${t.pick(HEX, 40)}0214${t.pick(HEX, 40)}`,
    paysafecard: () => `psc_${t.mixed(ALNUM, 32)}`,
    moonpaySecret: () => `sk_live_${t.mixed(ALNUM, 32)}`,
    moonpayPublishable: () => `pk_live_${t.mixed(ALNUM, 32)}`,
    moonpayWebhook: () => `wk_live_${t.mixed(ALNUM, 32)}`,
    onfido: () => `api_live.${t.mixed(URLSAFE, 11)}.${t.mixed(URLSAFE, 32)}`,
    jumioSecret: () => t.alnum(32),
    sumsub: (env = 'prd') => `${env}:${t.alnum(24)}.${t.alnum(32)}`,
    sumsubSecret: () => t.alnum(32),
    sportradar: () => t.mixed(LOWER + DIGIT, 24),
    sportradarNew: () => t.alnum(40),
    uof: () => t.alnum(18),
    geniusKey: () => t.alnum(40),
    geniusSecret: () => t.mixed(URLSAFE, 64),
    geoSecret: () => t.hex(64),
    vonageKey: () => t.mixed(LOWER + DIGIT, 8),
    vonageSecret: () => t.alnum(16),
    twilioKeySid: () => `SK${t.hex(32)}`,
    twilioKeySecret: () => t.alnum(32),
    confluentKey: () => t.mixed(UPPER + DIGIT, 16),
    confluentSecret: () => t.mixed(ALNUM + '+/', 64),
    cookie: () => t.pick(UPPER, 20),
    secretKeyBase: () => t.mixed(ALNUM + '+/', 64),
    sonar: () => `sqp_${t.hex(40)}`,
    sentryUser: () => `sntryu_${t.hex(64)}`,
    gldt: () => `gldt-${t.mixed(URLSAFE, 20)}`,
    dockerPat: () => `dckr_pat_${t.mixed(URLSAFE, 27)}`,
    telegram: () => `${t.digits(10)}:AA${t.mixed(URLSAFE, 33)}`,
    betfairAppKey: () => t.alnum(16),
    maxmind: () => `${t.alnum(6)}_${t.alnum(29)}_mmk`,
    fcm: () => `AAAA${t.alnum(7)}:APA91b${t.mixed(URLSAFE, 134)}`,
    googleSecret: () => `GOCSPX-${t.mixed(URLSAFE, 28)}`,
    googleClientId: () => `${t.digits(12)}-${t.pick(LOWER + DIGIT, 32)}.apps.googleusercontent.com`,
    vault: () => `hvs.${t.mixed(URLSAFE, 90)}`,
    unitySerial: () => `SC-${[0, 1, 2, 3, 4].map(() => t.pick(UPPER + DIGIT, 4)).join('-')}`,
    slackUser: () => `xoxp-${t.digits(12)}-${t.digits(12)}-${t.digits(13)}-${t.hex(32)}`,
    jira: () => t.alnum(24),
    zendesk: () => t.alnum(40),
    pagerduty: () => t.hex(32),
    hexOrgKey: () => t.hex(32),
    cfGlobal: () => t.hex(37),
    cfAccessSecret: () => t.hex(64),
    cfId: () => t.pick(HEX, 32),
    pragmatic: () => t.alnum(16),
    evolution: () => t.hex(32),
    recaptcha: () => `6L${t.mixed(URLSAFE, 38)}`,
    p8Ec: () =>
      pemBlock('PRIVATE KEY', '308193020100301306072a8648ce3d020106082a8648ce3d030107047930770201010420', 114),
    pubPem: () => [
      '-----BEGIN PUBLIC KEY-----',
      `MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA${b64(20)}`,
      b64(64),
      b64(64),
      b64(64),
      `${b64(56)}IDAQAB`,
      '-----END PUBLIC KEY-----',
    ],
    sshPub: (who) => `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${b64(43)} ${who}`,
    bcrypt: () => `$2a$10$${t.mixed(ALNUM + './', 53)}`,
    apr1: () => `$apr1$${t.alnum(8)}$${t.mixed(ALNUM + './', 22)}`,
    sha512crypt: () => `$6$${t.alnum(16)}$${t.mixed(ALNUM + './', 86)}`,
  };
}

// ---- Node.js / TypeScript betting API ------------------------------------------------------

function bettingApi(repo, t, g) {
  const e = repo.file('services/betting-api/.env.production', 'env');
  const pgPw = g.plain(22);
  const rPw = g.plain(24);
  const ady = g.adyenKey();
  const hmac = g.adyenHmac();
  const onf = g.onfido();
  const twTok = t.twilioToken();
  const jwtSecret = t.alnum(64);
  const geo = g.geoSecret();
  e.l('# betting-api production (GKE europe-west1, namespace sportsbook)', 'NODE_ENV=production', 'PORT=8080');
  e.s(`DATABASE_URL=postgres://betting_api:${pgPw}@pg-bets-primary.luckyharbor.internal:5432/bets`, 'database', pgPw);
  e.s(`REDIS_URL=rediss://default:${rPw}@redis-bets.luckyharbor.internal:6380/0`, 'database', rPw);
  e.s(`ADYEN_API_KEY="${ady}"`, 'adyen', ady);
  e.d('ADYEN_MERCHANT_ACCOUNT=LuckyHarborCOM', 'merchant account name');
  e.d(`ADYEN_CLIENT_KEY=${g.adyenClientKey()}`, 'adyen client key (public, loaded by the checkout drop-in)');
  e.s(`ADYEN_HMAC_KEY=${hmac}`, 'adyen', hmac);
  e.s(`ONFIDO_API_TOKEN=${onf}`, 'onfido', onf);
  e.d(`TWILIO_ACCOUNT_SID=${t.twilioSid()}`, 'twilio account sid (identifier; the auth token is the secret)');
  e.s(`TWILIO_AUTH_TOKEN=${twTok}`, 'twilio', twTok);
  e.d(`TWILIO_VERIFY_SERVICE_SID=VA${t.hex(32)}`, 'twilio verify service sid (identifier)');
  e.s(`JWT_SIGNING_SECRET=${jwtSecret}`, 'generic', jwtSecret);
  e.s(`GEOCOMPLY_API_SECRET=${geo}`, 'geocomply', geo);
  e.d(`SENTRY_DSN=https://${t.hex(32)}@o${t.digits(6)}.ingest.sentry.io/${t.digits(7)}`, 'sentry dsn (public key)');
  e.l('FEATURE_CASHOUT=true');

  const ex = repo.file('services/betting-api/.env.example', 'env');
  ex.l('DATABASE_URL=postgres://betting_api:betting_api@localhost:5432/bets');
  ex.d('ADYEN_API_KEY=<adyen-api-key-from-customer-area>', 'placeholder');
  ex.d('ADYEN_HMAC_KEY=', 'empty');
  ex.d('ONFIDO_API_TOKEN=api_sandbox.xxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'placeholder');
  ex.d('TWILIO_AUTH_TOKEN=${TWILIO_AUTH_TOKEN}', 'variable');
  ex.d('JWT_SIGNING_SECRET=change-me', 'placeholder');

  const c = repo.file('services/betting-api/src/config/index.ts', 'js');
  const dbFb = g.gen(20);
  const sr = g.sportradar();
  const mps = g.moonpaySecret();
  c.l("import 'dotenv/config';", '', 'export const config = {', '  port: Number(process.env.PORT ?? 8080),', '  db: {');
  c.l("    host: process.env.PG_HOST ?? 'pg-bets-primary.luckyharbor.internal',", "    user: 'betting_api',");
  c.s(`    password: process.env.PG_PASSWORD ?? '${dbFb}',`, 'generic', dbFb);
  c.l('  },', '  sportradar: {', "    baseUrl: 'https://api.sportradar.com/oddscomparison-prematch/production/v2',");
  c.s(`    apiKey: '${sr}',`, 'sportradar', sr);
  c.l('  },', '  moonpay: {');
  c.d(`    publishableKey: '${g.moonpayPublishable()}',`, 'moonpay publishable key (public by design)');
  c.s(`    secretKey: '${mps}',`, 'moonpay', mps);
  c.l('  },', '  onfido: {');
  c.d('    apiToken: process.env.ONFIDO_API_TOKEN!,', 'process.env');
  c.l("    region: 'EU',", '  },', '};');

  const a = repo.file('services/betting-api/src/integrations/payments/adyen.ts', 'js');
  const ady2 = g.adyenKey();
  const hmac2 = g.adyenHmac();
  a.l(
    "import { Client, CheckoutAPI, hmacValidator } from '@adyen/api-library';",
    '',
    '// TODO(PAY-2214): move to Secret Manager, this is the LIVE key for the UKGC entity',
  );
  a.s(
    `const client = new Client({ apiKey: '${ady2}', environment: 'LIVE', liveEndpointUrlPrefix: '${t.hex(16)}-LuckyHarbor' });`,
    'adyen',
    ady2,
  );
  a.l('export const checkout = new CheckoutAPI(client);', '');
  a.s(`const WEBHOOK_HMAC_KEY = '${hmac2}';`, 'adyen', hmac2);
  a.l('', 'export function verify(item: NotificationRequestItem): boolean {');
  a.l('  return new hmacValidator().validateHMAC(item, WEBHOOK_HMAC_KEY);', '}', '');
  a.d(
    'export const sandboxValidator = () => new hmacValidator().validateHMAC(item, process.env.ADYEN_TEST_HMAC_KEY!);',
    'process.env',
  );
  a.d("export const TEST_CARD = '4111 1111 1111 1111'; // Adyen documented test card", 'documented test card number');

  const k = repo.file('services/betting-api/src/integrations/kyc/onfido.ts', 'js');
  const onf2 = g.onfido();
  const wh = t.alnum(32);
  k.l("import { DefaultApi, Configuration, Region } from '@onfido/api';", '');
  k.s(
    `export const onfido = new DefaultApi(new Configuration({ apiToken: "${onf2}", region: Region.EU }));`,
    'onfido',
    onf2,
  );
  k.s(`const WEBHOOK_TOKEN = "${wh}";`, 'onfido', wh);
  k.l(`export const KYC_WORKFLOW_ID = "${t.uuid()}";`);

  const o = repo.file('services/betting-api/src/integrations/otp/index.ts', 'js');
  const sid = t.twilioSid();
  const tok = t.twilioToken();
  const vk = g.vonageKey();
  const vs = g.vonageSecret();
  const skSid = g.twilioKeySid();
  const skSec = g.twilioKeySecret();
  o.l("import twilio from 'twilio';", "import { Vonage } from '@vonage/server-sdk';", '');
  o.s(`const primary = twilio('${sid}', '${tok}');`, 'twilio', tok);
  o.s(`const apiKeyClient = twilio('${skSid}', '${skSec}', { accountSid: '${sid}' });`, 'twilio', skSec);
  o.l('// fallback for markets where Twilio Verify delivery is poor (BR, PE, CO)', 'const vonage = new Vonage({');
  o.l(`  apiKey: '${vk}',`);
  o.s(`  apiSecret: '${vs}',`, 'vonage', vs);
  o.l('});');
  o.l(`export const VERIFY_SID = 'VA${t.hex(32)}';`);

  const kn = repo.file('services/betting-api/knexfile.js', 'js');
  const knPw = g.human();
  kn.l('module.exports = {', '  production: {', "    client: 'pg',", '    connection: {');
  kn.l("      host: 'pg-bets-primary.luckyharbor.internal',", "      user: 'migrator',");
  kn.s(`      password: '${knPw}',`, 'generic', knPw);
  kn.l("      database: 'bets',", '    },', '  },', '  staging: {', "    client: 'pg',");
  kn.l('    connection: process.env.STAGING_DATABASE_URL,');
  kn.l('  },', '};');

  const mp = repo.file('services/betting-api/src/routes/payments/moonpay.ts', 'js');
  const mps2 = g.moonpaySecret();
  const mpw = g.moonpayWebhook();
  mp.l("import crypto from 'node:crypto';", '');
  mp.l(`const MOONPAY_PUBLISHABLE_KEY = '${g.moonpayPublishable()}';`);
  mp.s(`const MOONPAY_SECRET_KEY = '${mps2}';`, 'moonpay', mps2);
  mp.s(`const MOONPAY_WEBHOOK_KEY = '${mpw}';`, 'moonpay', mpw);
  mp.l(
    '',
    'export function signedWidgetUrl(walletAddress: string, email: string): string {',
    '  const url = new URL(`https://buy.moonpay.com?apiKey=${MOONPAY_PUBLISHABLE_KEY}&walletAddress=${walletAddress}&email=${email}`);',
    "  const signature = crypto.createHmac('sha256', MOONPAY_SECRET_KEY).update(url.search).digest('base64');",
    "  url.searchParams.set('signature', signature);",
    '  return url.toString();',
    '}',
  );

  const n = repo.file('services/betting-api/.npmrc', 'credstore');
  const gl = t.gitlab();
  const npm = t.npm();
  n.l('@luckyharbor:registry=https://gitlab.luckyharbor.com/api/v4/projects/112/packages/npm/');
  n.s(`//gitlab.luckyharbor.com/api/v4/projects/112/packages/npm/:_authToken=${gl}`, 'gitlab', gl);
  n.s(`//registry.npmjs.org/:_authToken=${npm}`, 'npm', npm);
  n.d('//npm.pkg.github.com/:_authToken=${GITHUB_PACKAGES_TOKEN}', 'variable');

  const fx = repo.file('services/betting-api/test/fixtures/psp-sandbox.json', 'decoys');
  fx.l('{', '  "_comment": "FAKE values for unit tests only - none of these are valid anywhere",');
  fx.d('  "adyenApiKey": "AQE_FAKE_KEY_FOR_TESTS",', 'marked fake');
  fx.d('  "adyenHmacKey": "0000000000000000000000000000000000000000000000000000000000000000",', 'zeroed key');
  fx.l('  "onfidoToken": "api_sandbox.fake.not-a-real-token",');
  fx.d('  "twilioAuthToken": "test-auth-token",', 'test fixture');
  fx.l('  "currency": "GBP"', '}');
}

// ---- Kotlin / Java odds engine on Kafka ----------------------------------------------------

function oddsEngine(repo, t, g) {
  const a = repo.file('services/odds-engine/src/main/resources/application.yml', 'kotlin');
  const ck = g.confluentKey();
  const cs = g.confluentSecret();
  const dbPw = g.gen(22);
  const uof = g.uof();
  const gsec = g.geniusSecret();
  const chPw = g.gen(24);
  a.l(
    'spring:',
    '  application:',
    '    name: odds-engine',
    '  kafka:',
    '    bootstrap-servers: pkc-7xq9m.europe-west1.gcp.confluent.cloud:9092',
    '    properties:',
    '      security.protocol: SASL_SSL',
    '      sasl.mechanism: PLAIN',
  );
  a.s(
    `      sasl.jaas.config: org.apache.kafka.common.security.plain.PlainLoginModule required username="${ck}" password="${cs}";`,
    'confluent',
    cs,
  );
  a.l(
    '  datasource:',
    '    url: jdbc:postgresql://pg-odds.luckyharbor.internal:5432/odds',
    '    username: odds_engine',
  );
  a.s(`    password: "${dbPw}"`, 'generic', dbPw);
  a.l('sportradar:', '  uof:', '    environment: production');
  a.s(`    access-token: ${uof}`, 'betradar', uof);
  a.l(`    bookmaker-id: ${t.digits(5)}`, 'genius:', '  token-url: https://auth.api.geniussports.com/oauth/token');
  a.d(`  client-id: ${t.alnum(32)}`, 'oauth client id');
  a.s(`  client-secret: ${gsec}`, 'genius', gsec);
  a.l(
    'clickhouse:',
    '  url: jdbc:clickhouse://clickhouse-odds.luckyharbor.internal:8443/odds?ssl=true',
    '  user: odds_writer',
  );
  a.s(`  password: "${chPw}"`, 'generic', chPw);
  a.l('odds:', '  topics:');
  a.l('    prices: odds.prices.v3');
  a.l('    settlements: odds.settlements.v1');

  const al = repo.file('services/odds-engine/src/main/resources/application-local.yml', 'kotlin');
  al.l('spring:', '  datasource:', '    url: jdbc:postgresql://localhost:5432/odds', '    username: odds');
  al.d('    password: ${ODDS_DB_PASSWORD:odds}', 'spring placeholder with local default');
  al.l('sportradar:', '  uof:', '    environment: integration');
  al.l('    access-token: ${UOF_ACCESS_TOKEN}');

  const kp = repo.file('services/odds-engine/config/kafka/client.properties', 'java');
  const scram = g.gen(24);
  const ts = g.plain(16);
  kp.l(
    'bootstrap.servers=kafka-0.kafka.luckyharbor.internal:9093,kafka-1.kafka.luckyharbor.internal:9093',
    'security.protocol=SASL_SSL',
    'sasl.mechanism=SCRAM-SHA-512',
  );
  kp.s(
    `sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="odds-producer" password="${scram}";`,
    'generic',
    scram,
  );
  kp.l('ssl.truststore.location=/etc/kafka/secrets/truststore.jks');
  kp.s(`ssl.truststore.password=${ts}`, 'generic', ts);
  kp.l('ssl.keystore.location=/etc/kafka/secrets/odds-producer.keystore.jks');
  kp.l('acks=all', 'compression.type=zstd');

  const sr = repo.file('services/odds-engine/src/main/kotlin/com/luckyharbor/odds/feed/SportradarClient.kt', 'kotlin');
  const srKey = g.sportradarNew();
  sr.l(
    'package com.luckyharbor.odds.feed',
    '',
    'import okhttp3.OkHttpClient',
    'import okhttp3.Request',
    '',
    'object SportradarClient {',
  );
  sr.s(`    private const val API_KEY = "${srKey}"`, 'sportradar', srKey);
  sr.l(
    '    private val http = OkHttpClient()',
    '',
    '    fun schedule(date: String) = http.newCall(',
    '        Request.Builder()',
    '            .url("https://api.sportradar.com/soccer/production/v4/en/schedules/$date/summaries.json")',
    '            .header("x-api-key", API_KEY)',
    '            .build(),',
    '    ).execute()',
    '}',
  );

  const uf = repo.file('services/odds-engine/src/main/kotlin/com/luckyharbor/odds/feed/UofFeedFactory.kt', 'kotlin');
  const uof2 = g.uof();
  uf.l(
    'package com.luckyharbor.odds.feed',
    '',
    'import com.sportradar.unifiedodds.sdk.OddsFeed',
    'import com.sportradar.unifiedodds.sdk.cfg.Environment',
    '',
    'fun buildFeed(listener: FeedListener): OddsFeed {',
    '    val cfg = OddsFeed.getOddsFeedConfigurationBuilder()',
  );
  uf.s(`        .setAccessToken("${uof2}")`, 'betradar', uof2);
  uf.l(
    '        .selectEnvironment(Environment.GlobalProduction)',
    '        .setSdkNodeId(7)',
    '        .build()',
    '    return OddsFeed(listener, cfg)',
    '}',
  );
  uf.l('const val REPLAY_EVENT = "sr:match:41872215"');

  const ga = repo.file('services/odds-engine/src/main/kotlin/com/luckyharbor/odds/feed/GeniusAuth.kt', 'kotlin');
  const gsec2 = g.geniusSecret();
  ga.l(
    'package com.luckyharbor.odds.feed',
    '',
    'import okhttp3.FormBody',
    '',
    'internal fun tokenRequestBody() = FormBody.Builder()',
    '    .add("grant_type", "client_credentials")',
  );
  ga.l(`    .add("client_id", "${t.alnum(32)}")`);
  ga.s(`    .add("client_secret", "${gsec2}")`, 'genius', gsec2);
  ga.l('    .add("audience", "https://api.geniussports.com")', '    .build()');
  ga.d('internal val envSecret: String = System.getenv("GENIUS_CLIENT_SECRET") ?: error("missing")', 'env read');

  const j = repo.file('services/odds-engine/src/main/java/com/luckyharbor/odds/legacy/PriceCache.java', 'java');
  const rp = g.gen(20);
  const rp2 = g.gen(20);
  j.l(
    'package com.luckyharbor.odds.legacy;',
    '',
    'import redis.clients.jedis.JedisPool;',
    'import redis.clients.jedis.JedisPoolConfig;',
    '',
    'public final class PriceCache {',
  );
  j.s(`    private static final String REDIS_PASSWORD = "${rp}";`, 'generic', rp);
  j.s(
    `    private final JedisPool replica = new JedisPool(new JedisPoolConfig(), "redis-odds-replica.luckyharbor.internal", 6379, 2000, "${rp2}");`,
    'generic',
    rp2,
  );
  j.l('    private static final String FEED_PASSWORD_PROPERTY = "odds.feed.password";');
  j.d('    @Value("${odds.redis.password}") private String password;', 'property reference');
  j.l('}');

  const gp = repo.file('services/odds-engine/gradle.properties', 'java');
  const gl = t.gitlab();
  const sq = g.sonar();
  gp.l('org.gradle.jvmargs=-Xmx2g -XX:+UseParallelGC', 'kotlin.code.style=official');
  gp.s(`gitlabMavenToken=${gl}`, 'gitlab', gl);
  gp.s(`systemProp.sonar.token=${sq}`, 'sonarqube', sq);
  gp.l('systemProp.sonar.host.url=https://sonar.luckyharbor.com');

  const tf = repo.file(
    'services/odds-engine/src/test/kotlin/com/luckyharbor/odds/feed/SportradarClientTest.kt',
    'kotlin',
  );
  tf.l('package com.luckyharbor.odds.feed', '', 'class SportradarClientTest {');
  tf.d('    private val fakeKey = "test-api-key-not-real"', 'test fixture');
  tf.l('    private val wiremockToken = "dummy-uof-token"');
  tf.l('}');
}

// ---- Elixir wallet and the Erlang ledger ---------------------------------------------------

function wallet(repo, t, g) {
  const r = repo.file('services/wallet/config/runtime.exs', 'elixir');
  const dbPw = g.plain(24);
  const skb = g.secretKeyBase();
  const sw = g.human();
  const mqi = g.gen(18);
  const nsec = t.alnum(40);
  const psUser = 'luckyharbor-live';
  const psPw = g.paysafePw();
  r.l('import Config', '', 'if config_env() == :prod do');
  r.l('  database_url = System.get_env("DATABASE_URL") || raise "DATABASE_URL is missing"');
  r.l('', '  config :wallet, Wallet.Repo,');
  r.s(`    url: "ecto://wallet:${dbPw}@pg-wallet-primary.luckyharbor.internal/wallet_prod",`, 'database', dbPw);
  r.l('    pool_size: 20,', '    ssl: true', '', '  config :wallet, WalletWeb.Endpoint,');
  r.s(`    secret_key_base: "${skb}",`, 'generic', skb);
  r.l(
    '    server: true',
    '',
    '  config :wallet, Wallet.PSP.Skrill,',
    '    merchant_email: "payments@luckyharbor.com",',
  );
  r.s(`    secret_word: "${sw}",`, 'generic', sw);
  r.s(`    mqi_password: "${mqi}"`, 'generic', mqi);
  r.l('', '  config :wallet, Wallet.PSP.Neteller,', '    base_url: "https://api.neteller.com",');
  r.l('    client_id: "luckyharbor-wallet-prod",');
  r.s(`    client_secret: "${nsec}"`, 'neteller', nsec);
  r.l('', '  config :wallet, Wallet.PSP.Paysafe,');
  r.s(`    api_key: "${g.enc(`${psUser}:${psPw}`)}",`, 'paysafe', psPw);
  r.l('    account_id: "1001234567"', 'end');

  const ps = repo.file('services/wallet/config/prod.secret.exs', 'elixir');
  const gk = g.secretKeyBase();
  const sg = t.sendgrid();
  ps.l('# Legacy secrets file from before runtime.exs; still imported by config/prod.exs', 'import Config', '');
  ps.s(`config :wallet, Wallet.Guardian, issuer: "wallet", secret_key: "${gk}"`, 'generic', gk);
  ps.s(`config :wallet, Wallet.Mailer, adapter: Swoosh.Adapters.Sendgrid, api_key: "${sg}"`, 'sendgrid', sg);
  ps.l('config :wallet, :fireblocks_api_key, System.fetch_env!("FIREBLOCKS_API_KEY")');

  const va = repo.file('services/wallet/rel/vm.args.eex', 'elixir');
  const cookie = g.cookie();
  va.l('## Erlang VM args for the wallet release', '-name wallet@${HOSTNAME}.wallet-headless.wallet.svc.cluster.local');
  va.s(`-setcookie ${cookie}`, 'generic', cookie);
  va.l('+K true', '+A 64', '-kernel inet_dist_listen_min 9100 inet_dist_listen_max 9155');
  const rv = repo.file('services/wallet/rel/remote.vm.args.eex', 'elixir');
  rv.l('-name <%= @release.name %>-remote');
  rv.d('-setcookie <%= @release.options[:cookie] %>', 'eex template');

  const cb = repo.file('services/wallet/lib/wallet/crypto/coinbase_commerce.ex', 'elixir');
  const cbKey = t.uuid();
  const cbWh = t.uuid();
  cb.l(
    'defmodule Wallet.Crypto.CoinbaseCommerce do',
    '  @moduledoc "Crypto deposits via Coinbase Commerce charges."',
    '',
  );
  cb.l('  @base "https://api.commerce.coinbase.com"');
  cb.s(`  @api_key "${cbKey}"`, 'coinbase', cbKey);
  cb.s(`  @webhook_shared_secret "${cbWh}"`, 'coinbase', cbWh);
  cb.l(
    '',
    '  def create_charge(amount, currency, player_id) do',
    '    Req.post!(@base <> "/charges",',
    '      headers: [{"X-CC-Api-Key", @api_key}, {"X-CC-Version", "2018-03-22"}],',
    '      json: %{pricing_type: "fixed_price", local_price: %{amount: amount, currency: currency}, metadata: %{player_id: player_id}}',
    '    )',
    '  end',
    'end',
  );

  const wp = repo.file('services/wallet/lib/wallet/psp/worldpay.ex', 'elixir');
  const xmlPw = g.gen(16);
  wp.l(
    'defmodule Wallet.PSP.Worldpay do',
    '  @endpoint "https://secure.worldpay.com/jsp/merchant/xml/paymentService.jsp"',
  );
  wp.l('  @merchant_code "LUCKYHARBORGBP"');
  wp.s(`  @xml_password "${xmlPw}"`, 'generic', xmlPw);
  wp.l('  defp headers, do: [{"authorization", "Basic " <> Base64.encode64("#{@merchant_code}:#{@xml_password}")}]');
  wp.l('end');

  const sk = repo.file('services/wallet/lib/wallet/psp/skrill.ex', 'elixir');
  sk.l('defmodule Wallet.PSP.Skrill do');
  sk.l('  defp secret_word, do: Application.fetch_env!(:wallet, Wallet.PSP.Skrill)[:secret_word]');
  sk.l(
    '  def valid_status?(params) do',
    '    md5 = :crypto.hash(:md5, String.upcase(secret_word())) |> Base.encode16()',
    '    expected = params["merchant_id"] <> params["transaction_id"] <> md5 <> params["mb_amount"] <> params["mb_currency"] <> params["status"]',
    '    Base.encode16(:crypto.hash(:md5, expected)) == params["md5sig"]',
    '  end',
    'end',
  );

  const sc = repo.file('services/wallet/apps/ledger/config/sys.config', 'erlang');
  const lpw = g.gen(20);
  const lscram = g.gen(22);
  const audit = t.hex(64);
  sc.l('[', ' {ledger, [');
  sc.s(
    `   {pg, [{host, "pg-ledger.luckyharbor.internal"}, {username, "ledger"}, {password, "${lpw}"}, {database, "ledger"}]},`,
    'generic',
    lpw,
  );
  sc.l('   {kafka_brokers, [{"kafka-0.kafka.luckyharbor.internal", 9093}]},');
  sc.s(`   {kafka_sasl, {scram_sha_512, <<"ledger">>, <<"${lscram}">>}},`, 'generic', lscram);
  sc.s(`   {audit_hmac_key, <<"${audit}">>}`, 'generic', audit);
  sc.l('  ]},', ' {kernel, [{logger_level, info}]}', '].');

  const ts = repo.file('services/wallet/test/support/fixtures/psp_fixtures.ex', 'decoys');
  ts.l('defmodule Wallet.Fixtures.PSP do', '  # fake values, the PSP sandboxes are mocked with Bypass');
  ts.l('  def skrill_secret_word, do: "not-the-real-secret-word"');
  ts.l('  def neteller_secret, do: "fake-neteller-client-secret"');
  ts.l('end');
}

// ---- PHP legacy casino lobby ---------------------------------------------------------------

function casinoLobby(repo, t, g) {
  const c = repo.file('legacy/casino-lobby/config/config.inc.php', 'php');
  const dbPw = g.human();
  const pp = g.pragmatic();
  const ev = g.evolution();
  const salt = t.alnum(40);
  const rc = g.recaptcha();
  c.l(
    '<?php',
    '// Harbor Casino lobby - production config (do not edit on the box, deploy via GitLab)',
    '$CFG = array();',
  );
  c.l("$CFG['db_host'] = 'mysql-lobby-01.luckyharbor.internal';", "$CFG['db_user'] = 'lobby';");
  c.s(`$CFG['db_pass'] = '${dbPw}';`, 'generic', dbPw);
  c.l("$CFG['memcache'] = 'memcached-lobby.luckyharbor.internal:11211';");
  c.l("$CFG['pragmatic_secure_login'] = 'lckyhrb_luckyharbor';");
  c.s(`$CFG['pragmatic_secret_key'] = '${pp}';`, 'generic', pp);
  c.l("$CFG['evolution_casino_key'] = 'luckyharbor0001';");
  c.s(`$CFG['evolution_api_token'] = '${ev}';`, 'generic', ev);
  c.s(`$CFG['session_salt'] = '${salt}';`, 'generic', salt);
  c.s(`$CFG['recaptcha_secret'] = '${rc}';`, 'recaptcha', rc);
  c.d(`$CFG['recaptcha_site_key'] = '${g.recaptcha()}';`, 'recaptcha site key (public)');
  c.l(`$CFG['ga_measurement_id'] = 'G-${t.mixed(UPPER + DIGIT, 10)}';`);
  c.d(`$CFG['rng_certificate_sha256'] = '${t.sha256()}';`, 'rng build hash (published GLI certificate)');

  const d = repo.file('legacy/casino-lobby/includes/db.php', 'php');
  const ro = g.human();
  const bonus = g.gen(18);
  const redis = g.gen(20);
  d.l('<?php', "require_once __DIR__ . '/../config/config.inc.php';");
  d.s(`$mysqli = new mysqli('mysql-lobby-02.luckyharbor.internal', 'lobby_ro', '${ro}', 'lobby');`, 'generic', ro);
  d.s(
    `$pdo = new PDO('mysql:host=mysql-bonus.luckyharbor.internal;dbname=bonus', 'bonus', '${bonus}');`,
    'generic',
    bonus,
  );
  d.l('$redis = new Redis();', "$redis->connect('redis-lobby.luckyharbor.internal', 6379);");
  d.s(`$redis->auth('${redis}');`, 'generic', redis);
  d.d("$pass = getenv('LOBBY_DB_PASS');", 'getenv');
  d.l("$hash = password_hash($_POST['password'], PASSWORD_BCRYPT);");

  const p = repo.file('legacy/casino-lobby/includes/providers/paysafecard.php', 'php');
  const psc = g.paysafecard();
  p.l('<?php', "require_once 'vendor/autoload.php';", '');
  p.s(`$psc = new PaysafecardPaymentController('${psc}', 'PRODUCTION');`, 'paysafecard', psc);
  p.l('$payment = $psc->createPayment($amount, "EUR", $playerId, $ip, $successUrl, $failureUrl, $notificationUrl);');
  p.l("$psc_test = new PaysafecardPaymentController(getenv('PSC_TEST_KEY'), 'TEST');");

  const m = repo.file('legacy/casino-lobby/includes/mail.php', 'php');
  const smtp = g.human();
  m.l('<?php', '$mail = new PHPMailer\\PHPMailer\\PHPMailer(true);', '$mail->isSMTP();');
  m.l(
    "$mail->Host = 'smtp.eu.mailgun.org';",
    '$mail->SMTPAuth = true;',
    "$mail->Username = 'postmaster@mg.harborcasino.com';",
  );
  m.s(`$mail->Password = '${smtp}';`, 'generic', smtp);
  m.l("$mail->SMTPSecure = 'tls';", '$mail->Port = 587;');

  const au = repo.file('legacy/casino-lobby/auth.json', 'credstore');
  const gh = t.github();
  const gl = t.gitlab();
  au.l('{', '  "github-oauth": {');
  au.s(`    "github.com": "${gh}"`, 'github', gh);
  au.l('  },', '  "gitlab-token": {');
  au.s(`    "gitlab.luckyharbor.com": "${gl}"`, 'gitlab', gl);
  au.l('  }', '}');

  const ht = repo.file('legacy/casino-lobby/admin/.htpasswd', 'decoys');
  ht.d(`backoffice:${g.apr1()}`, 'apr1 hash');
  ht.d(`compliance:${g.bcrypt().replace('$2a$', '$2y$')}`, 'bcrypt hash');

  const l10n = repo.file('legacy/casino-lobby/lang/en.php', 'decoys');
  l10n.l('<?php', 'return [');
  l10n.d("    'login.password' => 'Password',", 'i18n');
  l10n.l("    'wallet.voucher_pin' => 'Enter your 16-digit paysafecard PIN',");
  l10n.l("    'account.reset_password' => 'Forgot your password?',");
  l10n.l('];');
}

// ---- Rust risk / fraud scorer --------------------------------------------------------------

function riskScorer(repo, t, g) {
  const c = repo.file('services/risk-scorer/config/prod.toml', 'rust');
  const chPw = g.gen(22);
  const cs = g.confluentSecret();
  const geo = g.geoSecret();
  const mm = g.maxmind();
  c.l(
    '[server]',
    'bind = "0.0.0.0:7070"',
    '',
    '[clickhouse]',
    'url = "https://clickhouse-risk.luckyharbor.internal:8443"',
  );
  c.l('user = "risk_reader"');
  c.s(`password = "${chPw}"`, 'generic', chPw);
  c.l(
    '',
    '[kafka]',
    'brokers = "pkc-7xq9m.europe-west1.gcp.confluent.cloud:9092"',
    `sasl_username = "${g.confluentKey()}"`,
  );
  c.s(`sasl_password = "${cs}"`, 'confluent', cs);
  c.l('', '[geocomply]', 'endpoint = "https://api.geocomply.com/v2/"', 'api_key = "lh-risk-prod"');
  c.s(`api_secret = "${geo}"`, 'geocomply', geo);
  c.l('', '[maxmind]', `account_id = ${t.digits(6)}`);
  c.s(`license_key = "${mm}"`, 'maxmind', mm);
  c.l(`model_sha256 = "${t.sha256()}"`);

  const ch = repo.file('services/risk-scorer/src/clients.rs', 'rust');
  const wPw = g.gen(20);
  const rPw = g.plain(22);
  ch.l('use clickhouse::Client;', '', 'pub fn clickhouse() -> Client {', '    Client::default()');
  ch.l('        .with_url("https://clickhouse-risk.luckyharbor.internal:8443")', '        .with_user("risk_writer")');
  ch.s(`        .with_password("${wPw}")`, 'generic', wPw);
  ch.l('        .with_database("risk")', '}', '', 'pub fn redis() -> redis::RedisResult<redis::Client> {');
  ch.s(`    redis::Client::open("redis://:${rPw}@redis-risk.luckyharbor.internal:6379/2")`, 'database', rPw);
  ch.l('}');
  ch.l('pub fn sumsub_secret() -> String { std::env::var("SUMSUB_SECRET_KEY").expect("SUMSUB_SECRET_KEY") }');

  const ss = repo.file('services/risk-scorer/src/kyc/sumsub.rs', 'rust');
  const tok2 = g.sumsub();
  const sec2 = g.sumsubSecret();
  ss.l('use hmac::{Hmac, Mac};', 'use sha2::Sha256;', '');
  ss.s(`const SUMSUB_APP_TOKEN: &str = "${tok2}";`, 'sumsub', tok2);
  ss.s(`const SUMSUB_SECRET_KEY: &[u8] = b"${sec2}";`, 'sumsub', sec2);
  ss.l(
    '',
    'pub fn sign(ts: u64, method: &str, path: &str, body: &[u8]) -> String {',
    '    let mut mac = Hmac::<Sha256>::new_from_slice(SUMSUB_SECRET_KEY).unwrap();',
    '    mac.update(format!("{ts}{method}{path}").as_bytes());',
    '    mac.update(body);',
    '    hex::encode(mac.finalize().into_bytes())',
    '}',
    '',
    '#[cfg(test)]',
    'mod tests {',
  );
  ss.l('    const TEST_SECRET: &[u8] = b"not-a-real-secret";');
  ss.l('}');

  const cg = repo.file('services/risk-scorer/.cargo/config.toml', 'rust');
  const gl = t.gitlab();
  cg.l(
    '[registries.luckyharbor]',
    'index = "sparse+https://gitlab.luckyharbor.com/api/v4/projects/231/packages/cargo/"',
  );
  cg.s(`token = "Bearer ${gl}"`, 'gitlab', gl);
  cg.l('', '[net]', 'git-fetch-with-cli = true');

  const lock = repo.file('services/risk-scorer/Cargo.lock', 'decoys');
  lock.l('version = 3', '');
  for (const [n, v] of [
    ['clickhouse', '0.12.2'],
    ['hmac', '0.12.1'],
    ['redis', '0.25.4'],
  ]) {
    lock.l(
      '[[package]]',
      `name = "${n}"`,
      `version = "${v}"`,
      'source = "registry+https://github.com/rust-lang/crates.io-index"',
    );
    if (n === 'clickhouse') lock.d(`checksum = "${t.sha256()}"`, 'crate checksum');
    else lock.l(`checksum = "${t.sha256()}"`);
    lock.l('');
  }
}

// ---- Python trading models and notebooks ---------------------------------------------------

function trading(repo, t, g) {
  const s = repo.file('models/trading/trading/settings.py', 'python');
  const chPw = g.gen(20);
  const gk = g.geniusKey();
  const sr = g.sportradar();
  const tg = g.telegram();
  const bf = g.betfairAppKey();
  const bfPw = g.human();
  s.l('"""Trading desk settings (pricing, hedging, alerts)."""', 'import os', '', 'CLICKHOUSE = {');
  s.l('    "host": "clickhouse-odds.luckyharbor.internal",', '    "port": 8443,', '    "username": "quant",');
  s.s(`    "password": "${chPw}",`, 'generic', chPw);
  s.l('    "secure": True,', '}', '');
  s.s(`GENIUS_API_KEY = "${gk}"`, 'genius', gk);
  s.s(`SPORTRADAR_API_KEY = os.getenv("SPORTRADAR_API_KEY", "${sr}")`, 'sportradar', sr);
  s.s(`TELEGRAM_BOT_TOKEN = "${tg}"  # @lh_liability_bot`, 'telegram', tg);
  s.l('TELEGRAM_CHAT_ID = -1001876543210');
  s.l('', '# Betfair Exchange hedging account');
  s.l('BETFAIR_USERNAME = "lh_hedge"');
  s.s(`BETFAIR_APP_KEY = "${bf}"`, 'betfair', bf);
  s.s(`BETFAIR_PASSWORD = "${bfPw}"`, 'generic', bfPw);
  s.l('BETFAIR_CERTS = "/etc/betfair/certs"');
  s.l('MARGIN_TARGET = 0.055');

  const bfx = repo.file('models/trading/trading/hedging/betfair.py', 'python');
  const bfPw2 = g.human();
  const bf2 = g.betfairAppKey();
  bfx.l('import betfairlightweight', '');
  bfx.s(
    `trading = betfairlightweight.APIClient("lh_hedge_2", "${bfPw2}", app_key="${bf2}", certs="/etc/betfair/certs")`,
    'generic',
    bfPw2,
  );
  bfx.d(
    'trading_ro = betfairlightweight.APIClient(os.environ["BF_USER"], os.environ["BF_PASSWORD"], app_key=os.environ["BF_APP_KEY"])',
    'os.environ',
  );

  const e = repo.file('models/trading/.env', 'env');
  const an = t.anthropic();
  const pg = g.plain(20);
  e.s(`ANTHROPIC_API_KEY=${an}`, 'anthropic', an);
  e.s(`WAREHOUSE_URL=postgresql://quant:${pg}@pg-analytics.luckyharbor.internal:5432/warehouse`, 'database', pg);
  e.l('MLFLOW_TRACKING_URI=https://mlflow.luckyharbor.internal');

  const dag = repo.file('models/trading/airflow/dags/settle_markets.py', 'python');
  const dpw = g.plain(18);
  dag.l('from datetime import datetime', 'from airflow import DAG', 'from airflow.models import Variable', '');
  dag.s(
    `SETTLEMENT_DB = "postgresql+psycopg2://settler:${dpw}@pg-bets-replica.luckyharbor.internal:5432/bets"`,
    'database',
    dpw,
  );
  dag.l('GENIUS_KEY = Variable.get("genius_api_key")');
  dag.l('with DAG("settle_markets", start_date=datetime(2025, 1, 1), schedule="*/10 * * * *", catchup=False) as dag:');
  dag.l('    ...');

  const rq = repo.file('models/trading/requirements.txt', 'python');
  const rqTok = t.gitlab();
  rq.s(
    `--extra-index-url https://pricing-ci:${rqTok}@gitlab.luckyharbor.com/api/v4/projects/88/packages/pypi/simple`,
    'gitlab',
    rqTok,
  );
  for (const p of ['clickhouse-connect==0.7.16', 'betfairlightweight==2.20.1']) {
    rq.l(`${p} \\`);
    if (p.startsWith('clickhouse')) rq.d(`    --hash=sha256:${t.sha256()}`, 'pip hash');
    else rq.l(`    --hash=sha256:${t.sha256()}`);
  }

  // notebook: margin calibration
  const nb = repo.file('models/trading/notebooks/margin-calibration.ipynb', 'notebook');
  const nbCh = g.gen(20);
  const nbSr = g.sportradar();
  const nbGk = g.geniusKey();
  nb.l('{', ' "cells": [', '  {', '   "cell_type": "code",', '   "execution_count": 2,', '   "metadata": {},');
  nb.l('   "outputs": [', '    {', '     "name": "stdout",', '     "output_type": "stream",', '     "text": [');
  nb.s(
    `      ${JSON.stringify(`GET https://api.sportradar.com/oddscomparison-prematch/production/v2/en/sports.json?api_key=${nbSr} -> 200\n`)},`,
    'sportradar',
    nbSr,
  );
  nb.l(`      ${JSON.stringify('loaded 18342 markets\n')}`, '     ]', '    }', '   ],', '   "source": [');
  nb.l(`    ${JSON.stringify('import clickhouse_connect\n')},`);
  nb.s(
    `    ${JSON.stringify(`ch = clickhouse_connect.get_client(host="clickhouse-odds.luckyharbor.internal", port=8443, username="quant", password="${nbCh}", secure=True)\n`)},`,
    'generic',
    nbCh,
  );
  nb.s(`    ${JSON.stringify(`genius = GeniusClient(api_key="${nbGk}")\n`)},`, 'genius', nbGk);
  nb.d(`    ${JSON.stringify('sr_key = os.environ["SPORTRADAR_API_KEY"]\n')},`, 'os.environ');
  nb.l(`    ${JSON.stringify('df = ch.query_df("SELECT * FROM odds.prices WHERE sport = \'soccer\' LIMIT 100000")')}`);
  nb.l(
    '   ]',
    '  },',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 3,',
    '   "metadata": {},',
    '   "outputs": [',
  );
  nb.l('    {', '     "data": {');
  nb.d(`      "image/png": "${t.pngBase64()}",`, 'base64 image');
  nb.l('      "text/plain": ["<Figure size 800x600 with 1 Axes>"]', '     },', '     "metadata": {},');
  nb.l('     "output_type": "display_data"', '    }', '   ],', '   "source": [');
  nb.l(`    ${JSON.stringify(`run_id = "${t.hex(32)}"  # mlflow run\n`)},`);
  nb.l(`    ${JSON.stringify('plot_overround(df)')}`, '   ]', '  }', ' ],');
  nb.l(' "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},');
  nb.l(' "nbformat": 4,', ' "nbformat_minor": 5', '}');

  // notebook: player LTV with an inline service-account key
  const nb2 = repo.file('models/trading/notebooks/player-ltv.ipynb', 'notebook');
  const p8 = t.pkcs8Pem();
  const proj = `lh-analytics-${t.lower(6)}`;
  const nbPg = g.plain(18);
  nb2.l('{', ' "cells": [', '  {', '   "cell_type": "code",', '   "execution_count": 1,', '   "metadata": {},');
  nb2.l('   "outputs": [],', '   "source": [');
  nb2.l(`    ${JSON.stringify('from google.oauth2 import service_account\n')},`);
  nb2.l(`    ${JSON.stringify('info = {\n')},`, `    ${JSON.stringify('    "type": "service_account",\n')},`);
  nb2.l(`    ${JSON.stringify(`    "project_id": "${proj}",\n`)},`);
  nb2.d(`    ${JSON.stringify(`    "private_key_id": "${t.sha1()}",\n`)},`, 'key id');
  nb2.s(
    `    ${JSON.stringify(`    "private_key": ${JSON.stringify(p8.join('\n') + '\n')},\n`)},`,
    'gcp',
    p8.join('\n'),
  );
  nb2.l(`    ${JSON.stringify(`    "client_email": "ltv-notebook@${proj}.iam.gserviceaccount.com",\n`)},`);
  nb2.l(
    `    ${JSON.stringify('}\n')},`,
    `    ${JSON.stringify('creds = service_account.Credentials.from_service_account_info(info)\n')},`,
  );
  nb2.s(
    `    ${JSON.stringify(`conn = psycopg2.connect("host=pg-bets-replica.luckyharbor.internal dbname=bets user=analyst password=${nbPg}")`)}`,
    'generic',
    nbPg,
  );
  nb2.l('   ]', '  }', ' ],', ' "metadata": {},', ' "nbformat": 4,', ' "nbformat_minor": 5', '}');
}

// ---- Unity / C# game clients ---------------------------------------------------------------

function unity(repo, t, g) {
  const root = 'clients/unity/HarborCasino';
  const b = repo.file(`${root}/Assets/Scripts/Config/BackendConfig.cs`, 'csharp');
  const hm = t.alnum(32);
  const ugsSec = t.alnum(32);
  b.l('namespace HarborCasino.Config', '{', '    public static class BackendConfig', '    {');
  b.l('        public const string ApiBaseUrl = "https://api.luckyharbor.com/v2";');
  b.d(`        public const string PhotonAppId = "${t.uuid()}";`, 'photon app id (public, shipped in every build)');
  b.d(`        public const string AdyenClientKey = "${g.adyenClientKey()}";`, 'adyen client key (public)');
  b.s(`        public const string AnalyticsHmacSecret = "${hm}";`, 'generic', hm);
  b.l(`        public const string UgsServiceAccountKeyId = "${t.uuid()}";`);
  b.s(`        public const string UgsServiceAccountSecret = "${ugsSec}";`, 'unity', ugsSec);
  b.l('        public static string BuildSecret => System.Environment.GetEnvironmentVariable("HC_BUILD_SECRET");');
  b.l('    }', '}');

  const ba = repo.file(`${root}/Assets/Editor/BuildAndroid.cs`, 'csharp');
  const ksPass = g.gen(16);
  ba.l(
    'using UnityEditor;',
    '',
    'public static class BuildAndroid',
    '{',
    '    [MenuItem("Build/Android Release")]',
    '    public static void Release()',
    '    {',
  );
  ba.l(
    '        PlayerSettings.Android.useCustomKeystore = true;',
    '        PlayerSettings.Android.keystoreName = "Keystores/harborcasino-release.keystore";',
  );
  ba.s(`        PlayerSettings.Android.keystorePass = "${ksPass}";`, 'generic', ksPass);
  ba.l('        PlayerSettings.Android.keyaliasName = "harborcasino";');
  ba.l(
    '        BuildPipeline.BuildPlayer(EditorBuildSettings.scenes, "Builds/HarborCasino.aab", BuildTarget.Android, BuildOptions.None);',
    '    }',
    '}',
  );

  const pu = repo.file(`${root}/Assets/Scripts/Services/PushService.cs`, 'csharp');
  const fcm = g.fcm();
  pu.l('using System.Net.Http;', '', 'public class PushService', '{');
  pu.l('    // legacy HTTP API used by the QA "send test push" button');
  pu.s(`    private const string ServerKey = "key=${fcm}";`, 'firebase', fcm);
  pu.l('    private static readonly HttpClient Http = new HttpClient();', '}');

  const pr = repo.file(`${root}/ProjectSettings/ProjectSettings.asset`, 'decoys');
  pr.l(
    '%YAML 1.1',
    '%TAG !u! tag:unity3d.com,2011:',
    '--- !u!129 &1',
    'PlayerSettings:',
    '  companyName: LuckyHarbor',
    '  productName: Harbor Casino',
  );
  pr.l(`  productGUID: ${t.pick(HEX, 32)}`);
  pr.d(`  cloudProjectId: ${t.uuid()}`, 'unity cloud project id');
  pr.l('  AndroidKeystoreName: Keystores/harborcasino-release.keystore');
  pr.l('  AndroidKeyaliasName: harborcasino');

  const ci = repo.file('clients/unity/.gitlab-ci.yml', 'ci');
  const serial = g.unitySerial();
  const upw = g.human();
  const match = g.gen(20);
  ci.l('variables:', '  UNITY_VERSION: "2022.3.41f1"', '  UNITY_EMAIL: build-bot@luckyharbor.com');
  ci.s(`  UNITY_PASSWORD: "${upw}"`, 'generic', upw);
  ci.s(`  UNITY_SERIAL: "${serial}"`, 'unity', serial);
  ci.d('  ANDROID_KEYSTORE_BASE64: $ANDROID_KEYSTORE_BASE64', 'ci variable reference');
  ci.l('build-ios:', '  stage: build', '  tags: [macos]', '  script:');
  ci.s(`    - MATCH_PASSWORD='${match}' bundle exec fastlane ios beta`, 'generic', match);
  ci.l('    - echo "$APP_STORE_CONNECT_KEY" > fastlane/AuthKey.p8');
}

// ---- Kubernetes and Helm -------------------------------------------------------------------

function kubernetes(repo, t, g) {
  const w = repo.file('deploy/k8s/wallet/secret.yaml', 'k8s');
  const cookie = g.cookie();
  const dbPw = g.plain(22);
  const sw = g.human();
  const fb = t.uuid();
  w.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: wallet-secrets',
    '  namespace: wallet',
    'type: Opaque',
    'data:',
  );
  w.s(`  RELEASE_COOKIE: ${g.enc(cookie)}`, 'generic', cookie);
  w.s(
    `  DATABASE_URL: ${g.enc(`ecto://wallet:${dbPw}@pg-wallet-primary.luckyharbor.internal/wallet_prod`)}`,
    'database',
    dbPw,
  );
  w.s(`  SKRILL_SECRET_WORD: ${g.enc(sw)}`, 'generic', sw);
  w.l(`  FIREBLOCKS_API_KEY: ${g.enc(fb)}`);
  w.l(`  LOG_LEVEL: ${g.enc('info')}`);

  const rd = repo.file('deploy/k8s/risk-scorer/deployment.yaml', 'k8s');
  const ssSec = g.sumsubSecret();
  const jm = g.jumioSecret();
  rd.l('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: risk-scorer', '  namespace: risk', 'spec:');
  rd.l('  template:', '    spec:', '      containers:', '        - name: risk-scorer');
  rd.d(
    `          image: europe-west1-docker.pkg.dev/lh-prod-core/risk/risk-scorer@sha256:${t.sha256()}`,
    'image digest',
  );
  rd.l('          env:', '            - name: SUMSUB_SECRET_KEY');
  rd.s(`              value: "${ssSec}"`, 'sumsub', ssSec);
  rd.l(
    '            - name: JUMIO_API_TOKEN',
    `              value: "${t.uuid()}"`,
    '            - name: JUMIO_API_SECRET',
  );
  rd.s(`              value: "${jm}"`, 'jumio', jm);
  rd.l('            - name: CLICKHOUSE_PASSWORD', '              valueFrom:', '                secretKeyRef:');
  rd.l('                  name: clickhouse-risk');
  rd.l('                  key: password');

  const ku = repo.file('deploy/k8s/kafka/kafkauser-ledger.yaml', 'k8s');
  const kpw = g.gen(24);
  ku.l('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: ledger', '  namespace: kafka', '  labels:');
  ku.l('    strimzi.io/cluster: lh-kafka', 'type: Opaque', 'data:');
  ku.s(`  password: ${g.enc(kpw)}`, 'generic', kpw);
  ku.l('---', 'apiVersion: kafka.strimzi.io/v1beta2', 'kind: KafkaUser', 'metadata:', '  name: ledger', 'spec:');
  ku.l('  authentication:', '    type: scram-sha-512', '    password:', '      valueFrom:', '        secretKeyRef:');
  ku.l('          name: ledger');
  ku.l('          key: password');

  const am = repo.file('deploy/k8s/monitoring/alertmanager.yaml', 'k8s');
  const pd = g.pagerduty();
  const hook = t.slackWebhook();
  am.l('global:', '  resolve_timeout: 5m');
  am.s(`  slack_api_url: ${hook}`, 'slack', hook);
  am.l('route:', '  receiver: trading-oncall', 'receivers:', '  - name: trading-oncall', '    pagerduty_configs:');
  am.s(`      - routing_key: ${pd}`, 'pagerduty', pd);
  am.l('    slack_configs:', "      - channel: '#trading-alerts'");
  am.d('        api_url_file: /etc/alertmanager/secrets/slack-url', 'file reference');

  const ing = repo.file('deploy/k8s/ingress/backoffice-basic-auth.yaml', 'k8s');
  ing.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: backoffice-basic-auth',
    '  namespace: backoffice',
    'type: Opaque',
    'data:',
  );
  ing.d(`  auth: ${g.enc(`ops:${g.apr1()}\n`)}`, 'base64 of an htpasswd hash line');

  const h = repo.file('deploy/helm/betting-api/values-prod.yaml', 'k8s');
  const hAdy = g.adyenKey();
  const hPg = g.gen(20);
  h.l('replicaCount: 6', 'image:', '  repository: europe-west1-docker.pkg.dev/lh-prod-core/sportsbook/betting-api');
  h.l(`  digest: sha256:${t.sha256()}`);
  h.l('postgresql:', '  auth:', '    username: betting_api');
  h.s(`    password: "${hPg}"`, 'generic', hPg);
  h.l('    existingSecret: ""');
  h.l('secrets:');
  h.s(`  adyenApiKey: "${hAdy}"`, 'adyen', hAdy);
  h.d('  geocomplyApiSecret: "<set-in-argocd-vault-plugin>"', 'placeholder');
  h.d('  twilioAuthToken: <path:secret/data/sportsbook/twilio#authToken>', 'argocd vault plugin reference');

  const tpl = repo.file('deploy/helm/betting-api/templates/secret.yaml', 'k8s');
  tpl.l('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: {{ include "betting-api.fullname" . }}', 'stringData:');
  tpl.d('  ADYEN_API_KEY: {{ .Values.secrets.adyenApiKey | quote }}', 'helm template');
  tpl.l('  PG_PASSWORD: {{ required "postgres password" .Values.postgresql.auth.password | quote }}');

  const ch = repo.file('deploy/helm/clickhouse/values-prod.yaml', 'k8s');
  const chAdmin = g.gen(24);
  ch.l('auth:', '  username: admin');
  ch.s(`  password: "${chAdmin}"`, 'generic', chAdmin);
  ch.l('shards: 2', 'replicaCount: 2', 'zookeeper:', '  enabled: false', 'keeper:', '  enabled: true');

  const sealed = repo.file('deploy/k8s/wallet/sealed-psp.yaml', 'encrypted');
  sealed.l(
    'apiVersion: bitnami.com/v1alpha1',
    'kind: SealedSecret',
    'metadata:',
    '  name: psp-credentials',
    '  namespace: wallet',
    'spec:',
    '  encryptedData:',
  );
  sealed.d(`    NETELLER_CLIENT_SECRET: AgB${g.b64(600)}==`, 'sealed secret ciphertext');
  sealed.l(`    WORLDPAY_XML_PASSWORD: AgA${g.b64(600)}==`);

  const sops = repo.file('deploy/k8s/overlays/prod/kyc-secrets.enc.yaml', 'encrypted');
  sops.l('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: kyc', 'stringData:');
  sops.d(
    `  ONFIDO_API_TOKEN: ENC[AES256_GCM,data:${g.b64(72)},iv:${g.b64(43)}=,tag:${g.b64(22)}==,type:str]`,
    'sops ciphertext',
  );
  sops.l(
    'sops:',
    '  gcp_kms:',
    '    - resource_id: projects/lh-prod-core/locations/europe/keyRings/sops/cryptoKeys/sops',
    '  version: 3.9.0',
  );
}

// ---- Argo CD -------------------------------------------------------------------------------

function argocd(repo, t, g) {
  const rc = repo.file('deploy/argocd/repo-creds.yaml', 'k8s');
  const gl = t.gitlab();
  const ssh = t.opensshPem();
  rc.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: gitlab-platform-repo',
    '  namespace: argocd',
    '  labels:',
  );
  rc.l('    argocd.argoproj.io/secret-type: repository', 'stringData:', '  type: git');
  rc.l('  url: https://gitlab.luckyharbor.com/platform/deploy.git', '  username: argocd');
  rc.s(`  password: ${gl}`, 'gitlab', gl);
  rc.l(
    '---',
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: gitlab-legacy-repo',
    '  namespace: argocd',
    '  labels:',
  );
  rc.l(
    '    argocd.argoproj.io/secret-type: repository',
    'stringData:',
    '  url: git@gitlab.luckyharbor.com:casino/lobby.git',
    '  sshPrivateKey: |',
  );
  rc.s(
    ssh.map((l) => `    ${l}`),
    'private-key',
    ssh.join('\n'),
  );

  const as = repo.file('deploy/argocd/argocd-secret.yaml', 'k8s');
  const sk = t.alnum(44);
  const whs = t.alnum(32);
  as.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: argocd-secret',
    '  namespace: argocd',
    'type: Opaque',
    'stringData:',
  );
  as.d(`  admin.password: "${g.bcrypt()}"`, 'bcrypt hash');
  as.l('  admin.passwordMtime: "2025-03-02T10:11:12Z"');
  as.s(`  server.secretkey: ${sk}`, 'generic', sk);
  as.s(`  webhook.gitlab.secret: ${whs}`, 'generic', whs);

  const ns = repo.file('deploy/argocd/argocd-notifications-secret.yaml', 'k8s');
  const sb = t.slackBot();
  ns.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: argocd-notifications-secret',
    '  namespace: argocd',
    'stringData:',
  );
  ns.s(`  slack-token: ${sb}`, 'slack', sb);

  const app = repo.file('deploy/argocd/applications/wallet.yaml', 'k8s');
  const hp = g.plain(20);
  app.l(
    'apiVersion: argoproj.io/v1alpha1',
    'kind: Application',
    'metadata:',
    '  name: wallet',
    '  namespace: argocd',
    'spec:',
  );
  app.l(
    '  project: payments',
    '  source:',
    '    repoURL: https://gitlab.luckyharbor.com/platform/deploy.git',
    '    path: charts/wallet',
    '    helm:',
    '      parameters:',
  );
  app.l(
    '        - name: postgresql.auth.username',
    '          value: wallet',
    '        - name: postgresql.auth.password',
  );
  app.s(`          value: ${hp}`, 'generic', hp);
  app.l('        - name: nameOverride');
  app.l('          value: $ARGOCD_APP_NAME');
  app.l('  destination:', '    server: https://kubernetes.default.svc', '    namespace: wallet');

  const cli = repo.file('ops/home/deploy/.config/argocd/config', 'credstore');
  const tok = g.jwt({ iss: 'argocd', sub: 'ci-deployer:apiKey', nbf: 1735689600, iat: 1735689600, jti: t.uuid() });
  cli.l(
    'contexts:',
    '- name: argocd.luckyharbor.internal',
    '  server: argocd.luckyharbor.internal',
    '  user: argocd.luckyharbor.internal',
  );
  cli.l(
    'current-context: argocd.luckyharbor.internal',
    'servers:',
    '- grpc-web-root-path: ""',
    '  server: argocd.luckyharbor.internal',
    'users:',
  );
  cli.s(`- auth-token: ${tok}`, 'generic', tok);
  cli.l('  name: argocd.luckyharbor.internal');
}

// ---- Terraform: GCP and Cloudflare ---------------------------------------------------------

function terraform(repo, t, g) {
  const m = repo.file('infra/terraform/gcp/main.tf', 'terraform');
  const sqlPw = g.gen(24);
  const onf = g.onfido();
  const redisAuth = g.plain(24);
  m.l('terraform {', '  backend "gcs" {', '    bucket = "lh-tfstate-prod"', '    prefix = "gcp/core"', '  }', '}', '');
  m.l('provider "google" {', '  project = "lh-prod-core"', '  region  = "europe-west1"');
  m.l('  credentials = file("${path.module}/sa-terraform.json")');
  m.l(
    '}',
    '',
    'resource "google_sql_user" "betting_api" {',
    '  name     = "betting_api"',
    '  instance = google_sql_database_instance.bets.name',
  );
  m.s(`  password = "${sqlPw}"`, 'generic', sqlPw);
  m.l(
    '}',
    '',
    'resource "google_sql_user" "wallet" {',
    '  name     = "wallet"',
    '  instance = google_sql_database_instance.wallet.name',
  );
  m.l('  password = random_password.wallet_db.result');
  m.l(
    '}',
    '',
    'resource "google_secret_manager_secret_version" "onfido" {',
    '  secret      = google_secret_manager_secret.onfido.id',
  );
  m.s(`  secret_data = "${onf}"`, 'onfido', onf);
  m.l(
    '}',
    '',
    'resource "google_secret_manager_secret_version" "adyen" {',
    '  secret      = google_secret_manager_secret.adyen.id',
  );
  m.d('  secret_data = var.adyen_api_key', 'variable reference');
  m.l('}', '', 'resource "google_compute_instance" "clickhouse_keeper" {', '  name = "ch-keeper-1"', '  metadata = {');
  m.s(
    `    startup-script = "echo 'requirepass ${redisAuth}' >> /etc/redis/redis.conf && systemctl restart redis"`,
    'generic',
    redisAuth,
  );
  m.l('  }', '}');

  const v = repo.file('infra/terraform/gcp/variables.tf', 'terraform');
  v.l('variable "adyen_api_key" {', '  type      = string', '  sensitive = true');
  v.d('  default   = ""', 'empty default');
  v.l('}', '', 'variable "clickhouse_admin_password" {', '  type = string');
  v.d('  default = "REPLACE_ME"', 'placeholder');
  v.l('}');

  const tv = repo.file('infra/terraform/gcp/terraform.tfvars', 'terraform');
  const tvCh = g.gen(24);
  const tvAdy = g.adyenKey();
  const tvCf = t.cloudflare();
  tv.l('project = "lh-prod-core"', 'region  = "europe-west1"');
  tv.s(`clickhouse_admin_password = "${tvCh}"`, 'generic', tvCh);
  tv.s(`adyen_api_key             = "${tvAdy}"`, 'adyen', tvAdy);
  tv.s(`cloudflare_api_token      = "${tvCf}"`, 'cloudflare', tvCf);
  tv.l(`kms_key = "projects/lh-prod-core/locations/europe/keyRings/app/cryptoKeys/pii"`);

  const sa = repo.file('infra/terraform/gcp/sa-terraform.json', 'keys');
  const p8 = t.pkcs8Pem();
  sa.l('{', '  "type": "service_account",', '  "project_id": "lh-prod-core",');
  sa.l(`  "private_key_id": "${t.sha1()}",`);
  sa.s(`  "private_key": ${JSON.stringify(p8.join('\n') + '\n')},`, 'gcp', p8.join('\n'));
  sa.l('  "client_email": "terraform@lh-prod-core.iam.gserviceaccount.com",', `  "client_id": "${t.digits(21)}",`);
  sa.l(
    '  "auth_uri": "https://accounts.google.com/o/oauth2/auth",',
    '  "token_uri": "https://oauth2.googleapis.com/token"',
    '}',
  );

  const cf = repo.file('infra/terraform/cloudflare/main.tf', 'terraform');
  const cfTok = t.cloudflareNew();
  const cfGlobal = g.cfGlobal();
  const wsec = t.alnum(40);
  cf.l(
    'terraform {',
    '  required_providers {',
    '    cloudflare = { source = "cloudflare/cloudflare", version = "~> 4.40" }',
    '  }',
    '}',
    '',
  );
  cf.l('provider "cloudflare" {');
  cf.s(`  api_token = "${cfTok}"`, 'cloudflare', cfTok);
  cf.l('}', '', 'provider "cloudflare" {', '  alias   = "legacy"', '  email   = "netops@luckyharbor.com"');
  cf.s(`  api_key = "${cfGlobal}"`, 'cloudflare', cfGlobal);
  cf.l('}', '');
  cf.d(`locals { account_id = "${g.cfId()}" }`, 'cloudflare account id');
  cf.l('', 'resource "cloudflare_record" "api" {');
  cf.d(`  zone_id = "${g.cfId()}"`, 'cloudflare zone id');
  cf.l('  name    = "api"', '  type    = "CNAME"', '  value   = "lb.luckyharbor.com"', '  proxied = true', '}', '');
  cf.l(
    'resource "cloudflare_workers_secret" "geo_gate" {',
    '  account_id  = local.account_id',
    '  name        = "GEO_GATE_HMAC"',
    '  script_name = "geo-gate"',
  );
  cf.s(`  secret_text = "${wsec}"`, 'generic', wsec);
  cf.l('}');

  const st = repo.file('infra/terraform/cloudflare/terraform.tfstate', 'terraform');
  const acc = g.cfAccessSecret();
  st.l('{', '  "version": 4,', '  "terraform_version": "1.9.5",', '  "serial": 77,');
  st.l(`  "lineage": "${t.uuid()}",`);
  st.l(
    '  "resources": [',
    '    {',
    '      "mode": "managed",',
    '      "type": "cloudflare_access_service_token",',
    '      "name": "backoffice_ci",',
    '      "instances": [',
    '        {',
    '          "attributes": {',
  );
  st.d(`            "client_id": "${t.pick(HEX, 32)}.access",`, 'access service token client id');
  st.s(`            "client_secret": "${acc}",`, 'cloudflare', acc);
  st.l('            "name": "backoffice-ci"', '          }', '        }', '      ]', '    }', '  ]', '}');

  const lk = repo.file('infra/terraform/gcp/.terraform.lock.hcl', 'decoys');
  lk.l('provider "registry.terraform.io/hashicorp/google" {', '  version = "5.41.0"', '  hashes = [');
  lk.d(`    "h1:${g.enc(Buffer.from(t.pick(HEX, 64), 'hex'))}",`, 'provider hash');
  lk.l(`    "zh:${t.sha256()}",`);
  lk.l('  ]', '}');
}

// ---- Docker ---------------------------------------------------------------------------------

function docker(repo, t, g) {
  const c = repo.file('docker-compose.yml', 'docker');
  const pg = g.gen(20);
  const ch = g.gen(20);
  const rp = g.plain(20);
  c.l('services:', '  postgres:', '    image: postgres:16', '    environment:', '      POSTGRES_USER: luckyharbor');
  c.s(`      POSTGRES_PASSWORD: "${pg}"`, 'generic', pg);
  c.l(
    '  clickhouse:',
    '    image: clickhouse/clickhouse-server:24.8',
    '    environment:',
    '      CLICKHOUSE_USER: quant',
  );
  c.s(`      CLICKHOUSE_PASSWORD: "${ch}"`, 'generic', ch);
  c.l('  redis:', '    image: redis:7');
  c.s(`    command: ["redis-server", "--requirepass", "${rp}"]`, 'generic', rp);
  c.l('  wallet:', '    build: ./services/wallet', '    environment:');
  c.d('      - DATABASE_URL=${WALLET_DATABASE_URL}', 'env interpolation');
  c.l('  betting-api:', '    build: ./services/betting-api', '    environment:');
  c.l('      - ADYEN_API_KEY=${ADYEN_API_KEY:?set ADYEN_API_KEY}');
  c.d('      - REDIS_URL=redis://redis:6379/0', 'url without credentials');

  const d = repo.file('services/betting-api/Dockerfile', 'docker');
  const npm = t.npm();
  d.l(`FROM node:20-alpine@sha256:${t.sha256()}`);
  d.l('ARG NPM_TOKEN');
  d.l('WORKDIR /app', 'COPY package*.json ./');
  d.s(`RUN echo "//registry.npmjs.org/:_authToken=${npm}" > .npmrc && npm ci --omit=dev && rm .npmrc`, 'npm', npm);
  d.l('COPY dist ./dist', 'CMD ["node", "dist/server.js"]');

  const wd = repo.file('services/wallet/Dockerfile', 'docker');
  const hex = g.hexOrgKey();
  wd.l('FROM hexpm/elixir:1.17.2-erlang-27.0.1-alpine-3.20.2 AS build', 'WORKDIR /app', 'ENV MIX_ENV=prod');
  wd.s(`RUN mix hex.organization auth luckyharbor --key ${hex}`, 'hex', hex);
  wd.l('COPY . .', 'RUN mix deps.get --only prod && mix release', 'FROM alpine:3.20');
  wd.l('COPY --from=build /app/_build/prod/rel/wallet /app', 'CMD ["/app/bin/wallet", "start"]');

  const ld = repo.file('legacy/casino-lobby/Dockerfile', 'docker');
  ld.l(`FROM php:8.1-fpm@sha256:${t.sha256()}`);
  ld.d(
    'RUN --mount=type=secret,id=composer_auth,target=/root/.composer/auth.json composer install --no-dev',
    'build secret mount',
  );
  ld.l('COPY . /var/www/html');

  const dc = repo.file('ops/home/deploy/.docker/config.json', 'credstore');
  const regPw = g.gen(22);
  const dh = g.dockerPat();
  dc.l('{', '  "auths": {', '    "harbor.luckyharbor.internal": {');
  dc.s(`      "auth": "${g.enc(`robot$ci:${regPw}`)}"`, 'generic', regPw);
  dc.l('    },', '    "https://index.docker.io/v1/": {');
  dc.s(`      "auth": "${g.enc(`luckyharborci:${dh}`)}"`, 'dockerhub', dh);
  dc.l('    }', '  },');
  dc.l('  "credHelpers": { "europe-west1-docker.pkg.dev": "gcloud" }');
  dc.l('}');
}

// ---- GitLab CI -----------------------------------------------------------------------------

function ci(repo, t, g) {
  const gl = repo.file('.gitlab-ci.yml', 'ci');
  const pgPw = g.gen(18);
  const sentry = g.sentryUser();
  const dd = t.ddApi();
  const gldt = g.gldt();
  gl.l('stages: [test, build, deploy]', '', 'include:', '  - local: ci/templates/deploy.yml', '', 'variables:');
  gl.l('  POSTGRES_DB: bets_test', '  POSTGRES_USER: runner');
  gl.s(`  POSTGRES_PASSWORD: "${pgPw}"`, 'generic', pgPw);
  gl.s(`  SENTRY_AUTH_TOKEN: ${sentry}`, 'sentry', sentry);
  gl.s(`  DD_API_KEY: ${dd}`, 'datadog', dd);
  gl.l('  DOCKER_AUTH_CONFIG: $DOCKER_AUTH_CONFIG');
  gl.l('', 'test:betting-api:', '  stage: test', '  image: node:20', '  services: [postgres:16]', '  script:');
  gl.l('    - npm ci', '    - npm test');
  gl.l('', 'build:images:', '  stage: build', '  script:');
  gl.d('    - docker login -u "$CI_REGISTRY_USER" -p "$CI_REGISTRY_PASSWORD" "$CI_REGISTRY"', 'ci variables');
  gl.s(`    - docker login -u gitlab+deploy-token-41 -p ${gldt} registry.luckyharbor.com`, 'gitlab', gldt);
  gl.l('    - echo "$CI_JOB_TOKEN" | helm registry login registry.luckyharbor.com -u gitlab-ci-token --password-stdin');

  const dp = repo.file('ci/templates/deploy.yml', 'ci');
  const argoPw = g.human();
  const hook = t.slackWebhook();
  const gcpKey = t.gcpApiKey();
  dp.l('.deploy:', '  stage: deploy', '  image: argoproj/argocd:v2.12.3', '  script:');
  dp.s(
    `    - argocd login argocd.luckyharbor.internal --username admin --password '${argoPw}' --grpc-web`,
    'generic',
    argoPw,
  );
  dp.l('    - argocd app sync $APP --prune', '    - argocd app wait $APP --health --timeout 600');
  dp.s(
    `    - 'curl -X POST -H "Content-type: application/json" --data "{\\"text\\":\\"$APP deployed\\"}" ${hook}'`,
    'slack',
    hook,
  );
  dp.l('', '.smoke:', '  script:');
  dp.s(
    `    - curl -fsS "https://maps.googleapis.com/maps/api/geocode/json?address=Gibraltar&key=${gcpKey}"`,
    'gcp',
    gcpKey,
  );
  dp.l('    - argocd login argocd.luckyharbor.internal --auth-token "$ARGOCD_AUTH_TOKEN" --grpc-web');
}

// ---- nginx and HAProxy ---------------------------------------------------------------------

function proxies(repo, t, g) {
  const n = repo.file('ops/nginx/conf.d/odds-feed-proxy.conf', 'nginx');
  const basicPw = g.plain(18);
  const sr = g.sportradarNew();
  n.l(
    'upstream genius_feed {',
    '    server api.geniussports.com:443;',
    '}',
    '',
    'server {',
    '    listen 8443 ssl;',
    '    server_name feeds.luckyharbor.internal;',
  );
  n.l('    auth_basic_user_file /etc/nginx/.htpasswd;');
  n.l('    location /genius/ {', '        proxy_pass https://genius_feed/;');
  n.s(`        proxy_set_header Authorization "Basic ${g.enc(`luckyharbor-feed:${basicPw}`)}";`, 'generic', basicPw);
  n.l('    }', '    location /sportradar/ {', '        proxy_pass https://api.sportradar.com/;');
  n.s(`        proxy_set_header x-api-key "${sr}";`, 'sportradar', sr);
  n.d('        proxy_set_header X-Request-Id $request_id;', 'nginx variable');
  n.l('    }', '}');

  const lb = repo.file('ops/nginx/conf.d/casino-lobby.conf', 'nginx');
  const fpw = g.gen(18);
  lb.l('server {', '    listen 443 ssl http2;', '    server_name www.harborcasino.com;', '    root /var/www/html;');
  lb.l('    location ~ \\.php$ {', '        include fastcgi_params;', '        fastcgi_pass php-fpm:9000;');
  lb.s(`        fastcgi_param LOBBY_DB_PASS "${fpw}";`, 'generic', fpw);
  lb.l('        fastcgi_param GEOCOMPLY_KEY $geocomply_key;');
  lb.l('    }', '}');

  const hp = repo.file('ops/haproxy/haproxy.cfg', 'nginx');
  const stats = g.plain(16);
  const ops = g.human();
  const gk = g.geniusKey();
  hp.l('global', '    log stdout format raw local0', '    maxconn 20000', '', 'userlist backoffice_users');
  hp.s(`    user ops insecure-password ${ops}`, 'generic', ops);
  hp.d(`    user audit password ${g.sha512crypt()}`, 'sha512-crypt hash');
  hp.l('', 'listen stats', '    bind :8404', '    stats enable', '    stats uri /stats');
  hp.s(`    stats auth admin:${stats}`, 'generic', stats);
  hp.l(
    '',
    'frontend fe_api',
    '    bind :443 ssl crt /etc/haproxy/certs/luckyharbor.pem',
    '    default_backend be_betting_api',
    '',
    'backend be_genius',
  );
  hp.s(`    http-request set-header X-Api-Key ${gk}`, 'genius', gk);
  hp.l('    server genius1 api.geniussports.com:443 ssl verify required ca-file /etc/ssl/certs/ca-certificates.crt');
  hp.l('    http-request set-header X-Forwarded-Proto https');

  const ht = repo.file('ops/nginx/.htpasswd', 'decoys');
  ht.l(`feeds:${g.apr1()}`);
}

// ---- cron and shell ------------------------------------------------------------------------

function cronShell(repo, t, g) {
  const c = repo.file('ops/cron/crontab.prod', 'cron');
  const pg = g.plain(18);
  const rep = g.plain(16);
  const ch = g.plain(20);
  c.l('MAILTO=ops-alerts@luckyharbor.com');
  c.l('SHELL=/bin/bash');
  c.s(
    `15 3 * * * PGPASSWORD='${pg}' pg_dump -h pg-bets-replica.luckyharbor.internal -U backup bets | gzip > /backups/bets-$(date +\\%F).sql.gz`,
    'generic',
    pg,
  );
  c.s(
    `*/5 * * * * curl -fsS -u reports:${rep} https://backoffice.luckyharbor.internal/api/ggr/refresh >/dev/null`,
    'generic',
    rep,
  );
  c.s(
    `0 * * * * clickhouse-client --host clickhouse-odds.luckyharbor.internal --user etl --password ${ch} --query "OPTIMIZE TABLE odds.prices FINAL"`,
    'generic',
    ch,
  );
  c.l('30 4 * * * /opt/lh/bin/rotate-logs.sh --keep 14');

  const r = repo.file('ops/scripts/payout-reconcile.sh', 'shell');
  const adyRep = g.gen(20);
  const sftp = g.plain(16);
  const ps = g.paysafePw();
  r.l('#!/usr/bin/env bash', 'set -euo pipefail', 'DAY=${1:-$(date -d yesterday +%F)}');
  r.s(
    `curl -fsS -u "report_${t.digits(6)}@Company.LuckyHarbor:${adyRep}" "https://ca-live.adyen.com/reports/download/MerchantAccount/LuckyHarborCOM/settlement_detail_report_batch_\${BATCH}.csv" -o /tmp/adyen.csv`,
    'generic',
    adyRep,
  );
  r.s(
    `sshpass -p '${sftp}' sftp -oBatchMode=no luckyharbor@sftp.worldpay.com:/outgoing/recon_\${DAY}.csv /tmp/`,
    'generic',
    sftp,
  );
  r.s(
    `curl -fsS -H "Authorization: Basic ${g.enc(`luckyharbor-live:${ps}`)}" https://api.paysafe.com/accountmanagement/v1/accounts/1001234567/balance`,
    'paysafe',
    ps,
  );
  r.d(
    'curl -fsS -H "Authorization: Basic ${PAYSAFE_API_KEY}" https://api.paysafe.com/paymenthub/v1/monitor',
    'variable',
  );

  const k = repo.file('ops/scripts/kyc-backfill.sh', 'shell');
  const onf = g.onfido();
  const jm = g.jumioSecret();
  k.l('#!/usr/bin/env bash', 'set -euo pipefail', 'while read -r applicant; do');
  k.s(
    `  curl -fsS -H "Authorization: Token token=${onf}" "https://api.eu.onfido.com/v3.6/applicants/\${applicant}/checks"`,
    'onfido',
    onf,
  );
  k.l('done < applicants.txt');
  k.s(
    `curl -fsS -u "${t.uuid()}:${jm}" -H "User-Agent: LuckyHarbor KYC/1.0" https://netverify.com/api/netverify/v2/scans/$SCAN`,
    'jumio',
    jm,
  );
  k.l('curl -fsS -H "Authorization: Token token=$ONFIDO_API_TOKEN" https://api.eu.onfido.com/v3.6/ping');

  const rc = repo.file('ops/scripts/flush-odds-cache.sh', 'shell');
  const rpw = g.plain(20);
  rc.l('#!/bin/sh');
  rc.s(
    `redis-cli -h redis-odds.luckyharbor.internal -a '${rpw}' --no-auth-warning KEYS 'prices:*' | xargs -r redis-cli -h redis-odds.luckyharbor.internal -a '${rpw}' DEL`,
    'generic',
    rpw,
  );
  rc.l('redis-cli -h redis-odds.luckyharbor.internal -a "$REDIS_PASSWORD" INFO keyspace');

  const pp = repo.file('ops/home/deploy/.pgpass', 'credstore');
  const p1 = g.plain(18);
  pp.s(`pg-bets-primary.luckyharbor.internal:5432:bets:migrator:${p1}`, 'generic', p1);

  const my = repo.file('ops/home/deploy/.my.cnf', 'credstore');
  const mpw = g.gen(18);
  my.l('[client]', 'host=mysql-lobby-01.luckyharbor.internal', 'user=lobby_admin');
  my.s(`password="${mpw}"`, 'generic', mpw);

  const ec = repo.file('ops/home/deploy/.erlang.cookie', 'credstore');
  const cookie = g.cookie();
  ec.s(cookie, 'generic', cookie);
}

// ---- keys ----------------------------------------------------------------------------------

function keys(repo, t, g) {
  const fb = repo.file('ops/keys/fireblocks_secret.key', 'keys');
  const p8 = t.pkcs8Pem();
  fb.s(p8, 'private-key', p8.join('\n'));

  const wp = repo.file('ops/keys/worldpay-sftp_rsa', 'keys');
  const rsa = t.rsaPem();
  wp.s(rsa, 'private-key', rsa.join('\n'));

  const ap = repo.file('clients/unity/fastlane/AuthKey_7QX4N2L9KD.p8', 'keys');
  const ec = g.p8Ec();
  ap.s(ec, 'private-key', ec.join('\n'));

  const vn = repo.file('services/betting-api/keys/vonage_private.key', 'keys');
  const vk = t.pkcs8Pem();
  vn.s(vk, 'private-key', vk.join('\n'));

  const gp = repo.file('ops/keys/geocomply-license-public.pem', 'keys');
  gp.d(g.pubPem(), 'public key');

  const sp = repo.file('ops/keys/deploy_ed25519.pub', 'keys');
  sp.d(g.sshPub('deploy@luckyharbor'), 'ssh public key');

  const jw = repo.file('services/betting-api/public/.well-known/jwks.json', 'keys');
  jw.l('{', '  "keys": [', '    {', '      "kty": "RSA",', '      "use": "sig",');
  jw.l(`      "kid": "${t.hex(16)}",`);
  jw.d(`      "n": "${t.mixed(URLSAFE, 342)}",`, 'public rsa modulus');
  jw.l('      "e": "AQAB"', '    }', '  ]', '}');
}

// ---- logs ----------------------------------------------------------------------------------

function logs(repo, t, g) {
  const a = repo.file('logs/betting-api/app-2025-06-14.log', 'logs');
  const ady = g.adyenKey();
  const dbPw = g.plain(20);
  const tok = t.alnum(40);
  const line = (lvl, msg, extra = {}) =>
    JSON.stringify({
      level: lvl,
      time: 1749890000000 + Number(t.digits(6)),
      pid: 1,
      hostname: 'betting-api-7d9f-xk2lp',
      ...extra,
      msg,
    });
  a.d(
    line(30, 'request completed', { reqId: t.uuid(), res: { statusCode: 200 }, responseTime: 12 }),
    'uuid request id',
  );
  a.s(
    line(20, 'adyen request', {
      req: { url: 'https://checkout-live.adyenpayments.com/checkout/v71/payments', headers: { 'x-api-key': ady } },
    }),
    'adyen',
    ady,
  );
  a.s(
    line(50, `connect ECONNREFUSED postgres://betting_api:${dbPw}@pg-bets-primary.luckyharbor.internal:5432/bets`),
    'database',
    dbPw,
  );
  a.d(line(20, 'onfido request', { headers: { authorization: 'Token token=[REDACTED]' } }), 'redacted');
  a.s(line(20, 'backoffice export', { url: `/api/admin/export?token=${tok}` }), 'generic', tok);
  a.l(line(30, 'bet placed', { betId: t.uuid(), stake: 10, odds: 2.35, market: 'sr:market:1' }));

  const ng = repo.file('logs/nginx/access.log', 'logs');
  const sr = g.sportradar();
  const tk = t.alnum(32);
  const ip = () => `10.${t.digits(2)}.${t.digits(1)}.${t.digits(2)}`;
  ng.l(`${ip()} - - [14/Jun/2025:09:12:01 +0000] "GET /healthz HTTP/1.1" 200 2 "-" "kube-probe/1.30"`);
  ng.s(
    `${ip()} - - [14/Jun/2025:09:12:03 +0000] "POST /v1/feeds/push?api_key=${sr} HTTP/1.1" 202 0 "-" "Sportradar-Push/3.1"`,
    'sportradar',
    sr,
  );
  ng.d(
    `${ip()} - - [14/Jun/2025:09:12:05 +0000] "GET /wallet/callback/skrill?transaction_id=${t.digits(9)}&status=2&md5sig=${t.pick('0123456789ABCDEF', 32)} HTTP/1.1" 200 2 "-" "Skrill"`,
    'per-transaction md5 signature',
  );
  ng.s(
    `${ip()} - - [14/Jun/2025:09:13:40 +0000] "GET /affiliates/postback?partner=bettips&secret=${tk}&click=8812 HTTP/1.1" 200 2 "-" "curl/8.5.0"`,
    'generic',
    tk,
  );
  ng.d(
    `${ip()} - - [14/Jun/2025:09:13:41 +0000] "GET /affiliates/postback?partner=bettips&secret=***&click=8813 HTTP/1.1" 200 2 "-" "curl/8.5.0"`,
    'masked',
  );

  const hp = repo.file('logs/haproxy/haproxy-2025-06-14.log', 'logs');
  const basic = g.plain(16);
  hp.s(
    `Jun 14 09:20:11 lb-1 haproxy[812]: 10.20.4.17:51544 [14/Jun/2025:09:20:11.402] fe_api be_betting_api/api3 0/0/1/14/15 200 512 - - ---- 812/790/12/4/0 0/0 {Basic ${g.enc(`settlement-bot:${basic}`)}} "POST /internal/settle HTTP/1.1"`,
    'generic',
    basic,
  );
  hp.l(
    'Jun 14 09:20:12 lb-1 haproxy[812]: 10.20.4.17:51546 [14/Jun/2025:09:20:12.002] fe_api be_betting_api/api1 0/0/1/9/10 200 230 - - ---- 812/790/12/4/0 0/0 {-} "GET /v2/markets HTTP/1.1"',
  );

  const w = repo.file('logs/wallet/wallet-2025-06-14.log', 'logs');
  const ns = t.alnum(40);
  w.l('09:00:00.112 [info] Running WalletWeb.Endpoint with Bandit 1.5.7 at :::4000 (http)');
  w.l('09:00:00.318 [info] Ecto connected postgres://wallet:****@pg-wallet-primary.luckyharbor.internal/wallet_prod');
  w.s(
    `09:14:22.901 [error] Neteller token request failed (401): client_id=luckyharbor-wallet-prod client_secret=${ns}`,
    'neteller',
    ns,
  );
  w.l(`09:14:23.004 [info] deposit ${t.uuid()} settled via adyen pspReference=${g.adyenPspRef()}`);

  const o = repo.file('logs/odds-engine/odds-engine.log', 'logs');
  const uof = g.uof();
  o.l('2025-06-14 08:00:02.117  INFO 1 --- [main] c.l.odds.OddsEngineApplicationKt : Started in 7.4 seconds');
  o.l('2025-06-14 08:00:01.903  INFO 1 --- [main] o.a.k.clients.producer.ProducerConfig : sasl.jaas.config = [hidden]');
  o.s(
    `2025-06-14 08:00:03.550 DEBUG 1 --- [uof-http-1] c.s.u.sdk.impl.HttpDataFetcher : GET https://global.api.betradar.com/v1/users/whoami.xml headers={x-access-token=${uof}}`,
    'betradar',
    uof,
  );
  o.l(
    `2025-06-14 08:00:04.101  INFO 1 --- [uof-amqp-1] c.l.odds.feed.OddsHandler : odds_change sr:match:${t.digits(8)} producer=1`,
  );
}

// ---- Zendesk and Jira exports --------------------------------------------------------------

function support(repo, t, g) {
  const z = repo.file('support/exports/zendesk/tickets-2025-05.json', 'support');
  const tmp = g.human();
  const aff = t.alnum(32);
  const wpk = g.worldpayService();
  z.l('{', '  "tickets": [');
  z.s(
    `    {"id": 310442, "subject": "Locked out after KYC", "description": ${JSON.stringify(`Hi Daniel, I reset your account. Your temporary password is ${tmp} - you will be asked to change it at first login. Kind regards, LuckyHarbor Support`)}, "status": "solved"},`,
    'generic',
    tmp,
  );
  z.s(
    `    {"id": 310519, "subject": "Postbacks not firing", "description": ${JSON.stringify(`Affiliate BetTips says our S2S postback rejects them. Their shared secret on our side is ${aff}, can someone check the affiliate service?`)}, "status": "open"},`,
    'generic',
    aff,
  );
  z.s(
    `    {"id": 310601, "subject": "Worldpay test", "description": ${JSON.stringify(`Using service key ${wpk} for the live smoke test per the runbook`)}, "status": "closed"},`,
    'worldpay',
    wpk,
  );
  z.d(
    '    {"id": 310644, "subject": "Deposit failed", "description": "Card ending 4242, customer says password is ******** and 3DS keeps timing out", "status": "solved"}',
    'masked',
  );
  z.l('  ]', '}');

  const j = repo.file('support/exports/jira/PAY-2291.json', 'support');
  const ady = g.adyenKey();
  const hmac = g.adyenHmac();
  j.l(
    '{',
    '  "key": "PAY-2291",',
    '  "fields": {',
    '    "summary": "Adyen webhooks returning 401 after key rotation",',
  );
  j.s(
    `    "description": ${JSON.stringify(`After rotating we switched prod to the new API key ${ady} but notifications still fail HMAC validation.`)},`,
    'adyen',
    ady,
  );
  j.l('    "comment": {', '      "comments": [');
  j.s(
    `        { "author": "mkowalski", "body": ${JSON.stringify(`Customer Area shows the HMAC key as ${hmac}, it does not match what is in Vault.`)} },`,
    'adyen',
    hmac,
  );
  j.l(
    '        { "author": "sre-bot", "body": "Reminder: never paste credentials into Jira. Rotate anything posted here." },',
  );
  j.d(
    `        { "author": "mkowalski", "body": "Failing pspReference for the record: ${g.adyenPspRef()}" }`,
    'adyen psp reference (transaction id)',
  );
  j.l('      ]', '    }', '  }', '}');

  const ex = repo.file('support/tools/zendesk_export.py', 'support');
  const zd = g.zendesk();
  ex.l('import requests', '', 'SUBDOMAIN = "luckyharbor"', 'EMAIL = "support-tools@luckyharbor.com"');
  ex.s(`ZENDESK_API_TOKEN = "${zd}"`, 'zendesk', zd);
  ex.l('AUTH = (f"{EMAIL}/token", ZENDESK_API_TOKEN)');

  const jt = repo.file('support/tools/jira_sync.sh', 'support');
  const jira = g.jira();
  jt.l('#!/usr/bin/env bash');
  jt.s(
    `curl -fsS -u "support-bot@luckyharbor.com:${jira}" "https://luckyharbor.atlassian.net/rest/api/3/search?jql=project=PAY"`,
    'atlassian',
    jira,
  );
}

// ---- Slack exports -------------------------------------------------------------------------

function chat(repo, t, g) {
  const msg = (user, text, ts) =>
    `  {"type": "message", "user": "${user}", "text": ${JSON.stringify(text)}, "ts": "${ts}"},`;
  const p = repo.file('support/exports/slack/payments-ops/2025-06-12.json', 'chat');
  const mqi = g.gen(18);
  const xoxp = g.slackUser();
  const hook = t.slackWebhook();
  const ws = g.gen(20);
  p.l('[');
  p.l(msg('U04LH2A7QK1', 'morning, Skrill settlements are delayed again', '1749712000.001200'));
  p.s(
    msg('U04LH2A7QK1', `new Skrill MQI/API password after the rotation: ${mqi}`, '1749712100.001300'),
    'generic',
    mqi,
  );
  p.s(msg('U05K9PQ2ZTR', `use my token for the export script for now: ${xoxp}`, '1749712200.001400'), 'slack', xoxp);
  p.s(msg('U05K9PQ2ZTR', `alerts webhook for #psp-alerts is ${hook}`, '1749712300.001500'), 'slack', hook);
  p.s(
    msg(
      'U04LH2A7QK1',
      `Adyen web service user ws_${t.digits(6)}@Company.LuckyHarbor, password ${ws} (same as in 1Password)`,
      '1749712400.001600',
    ),
    'generic',
    ws,
  );
  p.l(msg('U03QXZ8B1MN', 'please delete those and put them in 1Password, rotating now', '1749712500.001700'));
  p.l(
    `  {"type": "message", "subtype": "channel_join", "user": "U06AB12CD34", "text": "<@U06AB12CD34> has joined the channel", "ts": "1749712600.001800"}`,
    ']',
  );

  const d = repo.file('support/exports/slack/trading-desk/2025-06-13.json', 'chat');
  const tg = g.telegram();
  const bf = g.betfairAppKey();
  d.l('[');
  d.s(
    msg('U02TRD5ER01', `liability bot token if anyone needs to restart it: ${tg}`, '1749800000.000100'),
    'telegram',
    tg,
  );
  d.s(msg('U02TRD5ER02', `Betfair delayed app key was revoked, live one is ${bf}`, '1749800100.000200'), 'betfair', bf);
  d.l(msg('U02TRD5ER02', `event sr:match:${t.digits(8)} suspended, VAR check`, '1749800300.000400'));
  d.d(msg('U02TRD5ER01', `model commit ${t.sha1()} deployed to pricing`, '1749800400.000500'), 'git sha');
  d.l(']');
}

// ---- docs and runbooks ---------------------------------------------------------------------

function docs(repo, t, g) {
  const p = repo.file('docs/runbooks/psp-failover.md', 'docs');
  const wpk = g.worldpayService();
  const adyTest = g.adyenKey();
  p.l('# PSP failover', '', 'If Adyen card auth rate drops below 80% for 10 minutes, route UK cards to Worldpay.', '');
  p.l('1. Flip `psp.routing.uk_cards` to `worldpay` in the backoffice.', '2. Worldpay Online keys (live):', '');
  p.d(`   - client key (browser, public): \`${g.worldpayClient()}\``, 'worldpay client key (public)');
  p.s(`   - service key: \`${wpk}\``, 'worldpay', wpk);
  p.l('', '3. Adyen TEST account for rehearsals:', '');
  p.s(`   X-API-Key: ${adyTest}`, 'adyen', adyTest, 'warning');
  p.l('4. Merchant code is `<merchant-code>`; ask #payments-ops for the XML password.');

  const k = repo.file('docs/runbooks/kyc-providers.md', 'docs');
  const jm = g.jumioSecret();
  const sbx = g.sumsub('sbx');
  k.l('# KYC providers', '', '## Jumio (Netverify, EU datacenter)', '');
  k.l(`- API token: \`${t.uuid()}\``);
  k.s(`- API secret: \`${jm}\``, 'jumio', jm);
  k.l('', '## Sumsub sandbox', '');
  k.s(`- App token: \`${sbx}\``, 'sumsub', sbx, 'warning');
  k.l('', '## Onfido', '');
  k.l('Tokens look like `api_live.<id>.<secret>`; get yours from the Onfido dashboard, never from this page.');

  const w = repo.file('docs/runbooks/wallet-cluster.md', 'docs');
  const cookie = g.cookie();
  w.l('# Wallet cluster', '', 'Attach a remote shell to a wallet node:', '', '```sh');
  w.s(
    `iex --name debug@127.0.0.1 --cookie ${cookie} --remsh wallet@wallet-0.wallet-headless.wallet.svc.cluster.local`,
    'generic',
    cookie,
  );
  w.l('```', '');
  w.l('For staging use `--cookie "$RELEASE_COOKIE"` from the pod env.');

  const o = repo.file('docs/onboarding/dev-setup.md', 'docs');
  const vault = g.vault();
  o.l('# Developer setup', '', '```sh');
  o.l('export VAULT_ADDR=https://vault.luckyharbor.internal');
  o.s(`export VAULT_TOKEN=${vault}   # shared dev token, ask SRE for your own`, 'vault', vault);
  o.l('export ADYEN_API_KEY=<ask-payments-team>');
  o.d('vault kv get -field=token secret/sportsbook/sportradar', 'vault path');
  o.l('```');

  const go = repo.file('docs/integrations/google-sso.md', 'docs');
  const gs = g.googleSecret();
  go.l('# Google SSO for the backoffice', '');
  go.l(`- OAuth client ID: \`${g.googleClientId()}\``);
  go.s(`- OAuth client secret: \`${gs}\``, 'gcp', gs);
  go.l('- Redirect URI: `https://backoffice.luckyharbor.com/auth/google/callback`');

  const r = repo.file('README.md', 'docs');
  r.l(
    '# LuckyHarbor platform',
    '',
    'Sportsbook, casino, wallet and trading services.',
    '',
    '## Local setup',
    '',
    '```sh',
  );
  r.l('cp services/betting-api/.env.example services/betting-api/.env');
  r.l('export SPORTRADAR_API_KEY=<your-trial-key>');
  r.l('export ONFIDO_API_TOKEN=${ONFIDO_API_TOKEN:?set me}');
  r.l('docker compose up -d postgres redis clickhouse', '```');
}

// ---- noise: hashes, ids, lockfiles ---------------------------------------------------------

function noise(repo, t, g) {
  const pl = repo.file('services/betting-api/package-lock.json', 'decoys');
  pl.l('{', '  "name": "betting-api",', '  "lockfileVersion": 3,', '  "packages": {');
  for (const name of ['@adyen/api-library', '@onfido/api', 'twilio']) {
    pl.l(`    "node_modules/${name}": {`, '      "version": "1.0.0",');
    const integrity = `      "integrity": "sha512-${Buffer.from(t.pick(HEX, 128), 'hex').toString('base64')}"`;
    if (name === 'twilio') pl.d(integrity, 'integrity hash');
    else pl.l(integrity);
    pl.l('    },');
  }
  pl.l('    "": {}', '  }', '}');

  const ml = repo.file('services/wallet/mix.lock', 'decoys');
  ml.l('%{');
  ml.d(
    `  "ecto": {:hex, :ecto, "3.12.3", "${t.sha256()}", [:mix], [], "hexpm", "${t.sha256()}"},`,
    'hex package hashes',
  );
  ml.l(`  "req": {:hex, :req, "0.5.6", "${t.sha256()}", [:mix], [], "hexpm", "${t.sha256()}"},`);
  ml.l('}');

  const sq = repo.file('db/migrations/20250301_seed_backoffice.sql', 'sql');
  const lp = g.gen(20);
  sq.l(`INSERT INTO backoffice_users (email, password_hash) VALUES ('ops@luckyharbor.com', '${g.bcrypt()}');`);
  sq.s(`CREATE USER settlement_ro WITH PASSWORD '${lp}';`, 'generic', lp);
  sq.d("ALTER USER settlement_ro WITH PASSWORD :'settlement_password';", 'psql variable');

  const pf = repo.file('services/betting-api/src/provably-fair/rounds.json', 'decoys');
  pf.l('[');
  pf.d(
    `  {"round": 88121, "serverSeedHash": "${t.sha256()}", "clientSeed": "${t.hex(16)}", "nonce": 4},`,
    'published seed commitment hash',
  );
  pf.l(`  {"round": 88122, "serverSeedHash": "${t.sha256()}", "clientSeed": "${t.hex(16)}", "nonce": 5}`);
  pf.l(']');

  const ids = repo.file('services/odds-engine/src/main/kotlin/com/luckyharbor/odds/Constants.kt', 'decoys');
  ids.l('package com.luckyharbor.odds', '');
  ids.l('const val UOF_TOKEN_ENV = "UOF_ACCESS_TOKEN"');
  ids.l(`const val KAFKA_CLUSTER_ID = "lkc-${t.lower(6)}"`);
  ids.l(`const val PRICING_MODEL_SHA = "${t.sha1()}"`);
  ids.l('const val PASSWORD_MIN_LENGTH = 12');
}
