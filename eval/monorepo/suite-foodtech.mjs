// Restaurant-chain and food-delivery company monorepo (Basil & Brine): a Ruby on Rails ordering
// backend, a Python/FastAPI dispatch service, a Go courier-tracking service, a Flutter customer
// app and a Swift iOS courier app, a Next.js storefront, POS integrations (Square, Toast, Clover,
// Lightspeed), delivery marketplaces (DoorDash Drive, Uber Eats, Deliveroo, Just Eat), payments
// (Stripe, Braintree, Adyen), loyalty and marketing (Punchh, Braze, Segment, Klaviyo), maps
// (Google Maps, Mapbox, HERE), kitchen-display and receipt-printer configs (Epson ePOS, Star
// CloudPRNT), Raspberry Pi menu boards, MongoDB / Postgres / Redis, Airflow ETL and notebooks,
// EKS with Kustomize, Terraform (AWS), Docker, Bitbucket Pipelines and GitHub Actions, Ansible,
// nginx, crontabs and shell scripts, app logs, Freshdesk / Intercom / Google Chat exports, docs.
import { ALNUM, B64, DIGIT, HEX, LOWER, UPPER, URLSAFE, Repo, makeTokens, mulberry32 } from './generate.mjs';

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 6151 + 283);
  const t = makeTokens(rand);
  const repo = new Repo();
  const g = gens(t);
  rails(repo, t, g);
  dispatch(repo, t, g);
  courierTracking(repo, t, g);
  flutterApp(repo, t, g);
  iosCourier(repo, t, g);
  storefront(repo, t, g);
  pos(repo, t, g);
  marketplaces(repo, t, g);
  loyalty(repo, t, g);
  devices(repo, t, g);
  data(repo, t, g);
  kubernetes(repo, t, g);
  terraform(repo, t, g);
  docker(repo, t, g);
  ci(repo, t, g);
  ansible(repo, t, g);
  nginx(repo, t, g);
  cronAndShell(repo, t, g);
  logs(repo, t, g);
  support(repo, t, g);
  docs(repo, t, g);
  noise(repo, t, g);
  return repo;
}

function gens(t) {
  const b64 = (n) => t.mixed(B64, n);
  const enc = (s) => Buffer.from(s).toString('base64');
  const b64url = (s) => Buffer.from(s).toString('base64url');
  const WORDS = ['Basil', 'Brine', 'Saffron', 'Paprika', 'Fennel', 'Tahini', 'Oregano', 'Shallot', 'Nutmeg', 'Sorrel'];
  const word = () => WORDS[Number(t.pick(DIGIT, 1))];
  // What store managers and ops people pick for shared accounts.
  const human = () => {
    const sym = t.pick('!#@*.', 1);
    switch (t.pick('0123', 1)) {
      case '0':
        return `${word()}20${t.pick('12', 1)}${t.pick(DIGIT, 1)}${sym}`;
      case '1':
        return `${word()}${sym}${t.pick(DIGIT, 2)}${word().toLowerCase()}`;
      case '2':
        return `Kitchen${word()}${t.pick(DIGIT, 2)}${sym}`;
      default:
        return `${word().toLowerCase()}-${word()}-${t.pick(DIGIT, 4)}`;
    }
  };
  // Password-manager output, safe inside quoted YAML / JSON / code strings.
  const gen = (n = 20) => `${t.pick(UPPER + LOWER, 1)}${t.mixed(ALNUM + '!#*-_?^+', n - 1)}`;
  const plain = (n = 18) => t.alnum(n);
  const mapbox = (p) =>
    `${p}.${b64url(JSON.stringify({ u: 'basilbrine', a: t.pick(LOWER + DIGIT, 25) }))}.${t.mixed(URLSAFE, 22)}`;
  const p8 = () => {
    // PKCS#8-wrapped P-256 key, the shape of Apple's AuthKey_XXXXXXXXXX.p8 files.
    const der = Buffer.concat([
      Buffer.from('308193020100301306072a8648ce3d020106082a8648ce3d030107047930770201010420', 'hex'),
      Buffer.from(t.pick(HEX, 64), 'hex'),
      Buffer.from('a00a06082a8648ce3d030107a144034200', 'hex'),
      Buffer.from(`04${t.pick(HEX, 128)}`, 'hex'),
    ]);
    return ['-----BEGIN PRIVATE KEY-----', ...der.toString('base64').match(/.{1,64}/g), '-----END PRIVATE KEY-----'];
  };
  return {
    b64,
    enc,
    b64url,
    human,
    gen,
    plain,
    pw: () => t.password(),
    // Square: production access tokens start EAAA (64 chars); app secrets sq0csp-; app ids sq0idp- (public).
    squareToken: () => `EAAA${t.mixed(URLSAFE, 60)}`,
    squareSecret: () => `sq0csp-${t.mixed(URLSAFE, 43)}`,
    squareAppId: () => `sq0idp-${t.mixed(URLSAFE, 22)}`,
    squareSigKey: () => t.mixed(URLSAFE, 22),
    squareLocation: () => `L${t.mixed(UPPER + DIGIT, 12)}`,
    toastClientId: () => t.mixed(ALNUM, 32),
    toastSecret: () => t.mixed(URLSAFE, 64),
    cloverMid: () => t.mixed(UPPER + DIGIT, 13),
    cloverToken: () => t.uuid(),
    lightspeedToken: () => `lsxs_pt_${t.mixed(ALNUM, 32)}`,
    lightspeedSecret: () => t.mixed(ALNUM, 40),
    ddSigning: () => t.mixed(URLSAFE, 43),
    uberClientId: () => t.mixed(URLSAFE, 32),
    uberSecret: () => t.mixed(URLSAFE, 40),
    deliverooSecret: () => t.mixed(ALNUM, 48),
    justEatKey: () => t.mixed(ALNUM, 32),
    stripeRestricted: () => `rk_live_51${t.mixed(ALNUM, 97)}`,
    stripeWebhook: () => `whsec_${t.mixed(ALNUM, 32)}`,
    stripePk: () => `pk_live_51${t.mixed(ALNUM, 97)}`,
    btMerchant: () => t.pick(LOWER + DIGIT, 16),
    btPublic: () => t.pick(LOWER + DIGIT, 16),
    btPrivate: () => t.hex(32),
    btAccess: (merchant) => `access_token$production$${merchant}$${t.hex(32)}`,
    adyenKey: () => `AQE${t.mixed(B64, 93)}==-${t.mixed(B64, 43)}=-${t.mixed(ALNUM, 16)}`,
    adyenHmac: () => t.mixed('0123456789ABCDEF', 64),
    adyenClientKey: () => `live_${t.mixed(UPPER + DIGIT, 32)}`,
    punchhSecret: () => t.hex(64),
    punchhClient: () => t.hex(64),
    brazeKey: () => t.uuid(),
    segmentToken: () => `sgp_${t.mixed(ALNUM, 64)}`,
    segmentWriteKey: () => t.mixed(ALNUM, 32),
    klaviyoPrivate: () => `pk_${t.hex(34)}`,
    klaviyoPublic: () => t.mixed(UPPER + DIGIT, 6),
    mapboxSecret: () => mapbox('sk'),
    mapboxPublic: () => mapbox('pk'),
    hereKey: () => t.mixed(URLSAFE, 43),
    intercom: () => enc(`tok:${t.uuid().replace(/-/g, '_')}:1:0`),
    freshdesk: () => t.mixed(ALNUM, 20),
    fcmServerKey: () => `AAAA${t.mixed(URLSAFE, 7)}:APA91b${t.mixed(URLSAFE, 134)}`,
    firebaseCliToken: () => `1//0${t.mixed(URLSAFE, 99)}`,
    dockerPat: () => `dckr_pat_${t.mixed(URLSAFE, 27)}`,
    sentryUser: () => `sntryu_${t.hex(64)}`,
    sentryDsn: () => `https://${t.pick(HEX, 32)}@o${t.digits(6)}.ingest.us.sentry.io/${t.digits(7)}`,
    nrLicense: () => `${t.hex(36)}NRAL`,
    nrUserKey: () => `NRAK-${t.mixed(UPPER + DIGIT, 27)}`,
    googleSecret: () => `GOCSPX-${t.mixed(URLSAFE, 28)}`,
    googleClientId: () => `${t.digits(12)}-${t.pick(LOWER + DIGIT, 32)}.apps.googleusercontent.com`,
    algoliaAppId: () => t.mixed(UPPER + DIGIT, 10),
    algoliaKey: () => t.hex(32),
    railsMaster: () => t.hex(32),
    secretKeyBase: () => t.hex(128),
    fernet: () => `${t.mixed(URLSAFE, 43)}=`,
    sidekiqPro: () => `${t.hex(8)}:${t.hex(8)}`,
    chatToken: () => t.mixed(URLSAFE, 43),
    apnsKeyId: () => t.mixed(UPPER + DIGIT, 10),
    teamId: () => t.mixed(UPPER + DIGIT, 10),
    p8,
    bcrypt: () => `$2a$12$${t.mixed(ALNUM + './', 53)}`,
    sha512crypt: () => `$6$${t.mixed(ALNUM + './', 16)}$${t.mixed(ALNUM + './', 86)}`,
  };
}

const q = (s) => JSON.stringify(s);

// ---- Rails ordering backend ------------------------------------------------------------------

function rails(repo, t, g) {
  const root = 'services/ordering-api';
  const db = repo.file(`${root}/config/database.yml`, 'ruby');
  const dbPw = g.gen(22);
  const roPw = g.plain(20);
  db.l(
    'default: &default',
    '  adapter: postgresql',
    '  encoding: unicode',
    '  pool: <%= ENV.fetch("RAILS_MAX_THREADS") { 5 } %>',
    '',
    'development:',
    '  <<: *default',
    '  database: ordering_development',
  );
  db.d('  password: <%= ENV["ORDERING_DB_PASSWORD"] %>', 'erb env read');
  db.l('', 'test:', '  <<: *default', '  database: ordering_test', '', 'production:', '  primary:', '    <<: *default');
  db.l(
    '    host: bb-orders-prod.cluster-c7qk2mhd0sxa.us-east-1.rds.amazonaws.com',
    '    database: ordering_production',
    '    username: ordering_app',
  );
  db.s(`    password: "${dbPw}"`, 'generic', dbPw);
  db.l('  primary_replica:', '    <<: *default');
  db.s(
    `    url: postgres://ordering_ro:${roPw}@bb-orders-prod.cluster-ro-c7qk2mhd0sxa.us-east-1.rds.amazonaws.com:5432/ordering_production`,
    'database',
    roPw,
  );
  db.l('    replica: true');

  const mk = repo.file(`${root}/config/master.key`, 'ruby');
  const master = g.railsMaster();
  mk.s(master, 'generic', master);

  const ce = repo.file(`${root}/config/credentials.yml.enc`, 'ruby');
  ce.d(`${g.b64(412)}==--${t.mixed(B64, 16)}--${t.mixed(B64, 22)}==`, 'rails encrypted credentials (ciphertext)');

  const st = repo.file(`${root}/config/initializers/stripe.rb`, 'ruby');
  const sk = t.stripeLive();
  const wh = g.stripeWebhook();
  st.l('Rails.configuration.stripe = {');
  st.d(`  publishable_key: '${g.stripePk()}',`, 'stripe publishable key (public by design)');
  st.s(`  secret_key: ENV.fetch('STRIPE_SECRET_KEY', '${sk}'),`, 'stripe', sk);
  st.l('}', '', 'Stripe.api_key = Rails.configuration.stripe[:secret_key]', "Stripe.api_version = '2024-06-20'");
  st.s(`STRIPE_WEBHOOK_SECRET = '${wh}'.freeze`, 'stripe', wh);
  st.l("STRIPE_CONNECT_CLIENT_ID = ENV['STRIPE_CONNECT_CLIENT_ID']");

  const bt = repo.file(`${root}/config/initializers/braintree.rb`, 'ruby');
  const btm = g.btMerchant();
  const btPriv = g.btPrivate();
  const btAcc = g.btAccess(btm);
  bt.l('Braintree::Configuration.environment = :production');
  bt.l(`Braintree::Configuration.merchant_id = '${btm}'`);
  bt.d(
    `Braintree::Configuration.public_key = '${g.btPublic()}'`,
    'braintree public key (identifier, not the secret half)',
  );
  bt.s(`Braintree::Configuration.private_key = '${btPriv}'`, 'braintree', btPriv);
  bt.l('', '# PayPal via Braintree uses the access-token gateway (set up by finance, 2024-02)');
  bt.s(`PAYPAL_GATEWAY = Braintree::Gateway.new(access_token: "${btAcc}")`, 'braintree', btAcc);

  const ad = repo.file(`${root}/config/initializers/adyen.rb`, 'ruby');
  const ak = g.adyenKey();
  const ah = g.adyenHmac();
  ad.l('ADYEN = Adyen::Client.new');
  ad.s(`ADYEN.api_key = "${ak}"`, 'adyen', ak);
  ad.l('ADYEN.env = :live', `ADYEN.live_url_prefix = "${t.hex(16)}-BasilBrine"`);
  ad.l('ADYEN_MERCHANT_ACCOUNT = "BasilBrineECOM"');
  ad.s(`ADYEN_HMAC_KEY = "${ah}"`, 'adyen', ah);
  ad.d(
    `ADYEN_CLIENT_KEY = "${g.adyenClientKey()}" # Drop-in on the web checkout`,
    'adyen client key (public by design)',
  );

  const sq = repo.file(`${root}/config/initializers/square.rb`, 'ruby');
  const sqTok = g.squareToken();
  const sqSig = g.squareSigKey();
  sq.l("require 'square'", '');
  sq.s(`SQUARE = Square::Client.new(access_token: '${sqTok}', environment: 'production')`, 'square', sqTok);
  sq.d(`SQUARE_APPLICATION_ID = '${g.squareAppId()}'`, 'square application id (public)');
  sq.l(`SQUARE_DEFAULT_LOCATION = '${g.squareLocation()}'`);
  sq.s(`SQUARE_WEBHOOK_SIGNATURE_KEY = '${sqSig}'`, 'square', sqSig);

  const dd = repo.file(`${root}/app/services/delivery/doordash_drive.rb`, 'ruby');
  const ddSec = g.ddSigning();
  dd.l('module Delivery', '  class DoordashDrive', "    BASE = 'https://openapi.doordash.com/drive/v2'.freeze");
  dd.l(`    DEVELOPER_ID = '${t.uuid()}'.freeze`);
  dd.d(`    KEY_ID = '${t.uuid()}'.freeze`, 'doordash key id (identifier)');
  dd.s(`    SIGNING_SECRET = '${ddSec}'.freeze`, 'doordash', ddSec);
  dd.l(
    '',
    '    def token',
    '      now = Time.now.to_i',
    "      payload = { aud: 'doordash', iss: DEVELOPER_ID, kid: KEY_ID, exp: now + 300, iat: now }",
    "      JWT.encode(payload, Base64.urlsafe_decode64(SIGNING_SECRET), 'HS256', { 'dd-ver' => 'DD-JWT-V1' })",
    '    end',
    '',
    '    def create_delivery(order)',
    '      HTTP.auth("Bearer #{token}").post("#{BASE}/deliveries", json: order.to_drive_payload)',
  );
  dd.l('      # Authorization header is built per request from token(); nothing static here');
  dd.l('    end', '  end', 'end');

  const ue = repo.file(`${root}/app/services/delivery/uber_eats_auth.rb`, 'ruby');
  const ueSec = g.uberSecret();
  ue.l('module Delivery', '  module UberEatsAuth', '    def self.client');
  ue.s(
    `      OAuth2::Client.new('${g.uberClientId()}', '${ueSec}', site: 'https://login.uber.com', token_url: '/oauth/v2/token')`,
    'uber',
    ueSec,
  );
  ue.l(
    '    end',
    '',
    '    def self.token',
    "      client.client_credentials.get_token(scope: 'eats.store eats.order eats.store.orders.read')",
  );
  ue.l('    end', '  end', 'end');

  const pr = repo.file(`${root}/config/environments/production.rb`, 'ruby');
  const sg = t.sendgrid();
  pr.l(
    'Rails.application.configure do',
    '  config.cache_classes = true',
    '  config.force_ssl = true',
    '  config.action_mailer.delivery_method = :smtp',
    '  config.action_mailer.smtp_settings = {',
    "    address: 'smtp.sendgrid.net',",
    '    port: 587,',
    "    user_name: 'apikey',",
  );
  pr.s(`    password: '${sg}',`, 'sendgrid', sg);
  pr.l('    authentication: :plain,', '    enable_starttls_auto: true', '  }');
  pr.l('  config.filter_parameters += [:password, :card_number, :cvv, :token]');
  pr.l('end');

  const so = repo.file(`${root}/config/storage.yml`, 'ruby');
  const awsId = t.awsId();
  const awsSec = t.awsSecret();
  so.l('local:', '  service: Disk', '  root: <%= Rails.root.join("storage") %>', '', 'amazon:', '  service: S3');
  so.s(`  access_key_id: ${awsId}`, 'aws', awsId);
  so.s(`  secret_access_key: ${awsSec}`, 'aws', awsSec);
  so.l('  region: us-east-1', '  bucket: bb-menu-images-prod', '', 'amazon_receipts:', '  service: S3');
  so.l('  access_key_id: <%= Rails.application.credentials.dig(:aws, :access_key_id) %>');
  so.l('  secret_access_key: <%= Rails.application.credentials.dig(:aws, :secret_access_key) %>');
  so.l('  bucket: bb-receipts-prod');

  const bc = repo.file(`${root}/.bundle/config`, 'ruby');
  const sp = g.sidekiqPro();
  bc.l('---', 'BUNDLE_PATH: "vendor/bundle"', 'BUNDLE_DEPLOYMENT: "true"');
  bc.s(`BUNDLE_GEMS__CONTRIBSYS__COM: "${sp}"`, 'generic', sp);

  const sk2 = repo.file(`${root}/config/initializers/sidekiq.rb`, 'ruby');
  const rpw = g.plain(24);
  sk2.l('Sidekiq.configure_server do |config|');
  sk2.s(
    `  config.redis = { url: ENV.fetch('REDIS_URL', 'rediss://:${rpw}@bb-orders-redis.x1k9aa.ng.0001.use1.cache.amazonaws.com:6379/0') }`,
    'database',
    rpw,
  );
  sk2.l('end', '', 'Sidekiq.configure_client do |config|');
  sk2.l("  config.redis = { url: ENV.fetch('REDIS_URL') }");
  sk2.l('end');

  const rk = repo.file(`${root}/lib/tasks/loyalty.rake`, 'ruby');
  const pc = g.punchhClient();
  const ps = g.punchhSecret();
  rk.l(
    'namespace :loyalty do',
    "  desc 'Backfill Punchh check-ins for orders placed while the webhook was down'",
    '  task backfill: :environment do',
  );
  rk.l(`    client_id = '${pc}'`);
  rk.s(`    secret = '${ps}'`, 'punchh', ps);
  rk.l(
    '    Order.where(punchh_synced: false).find_each do |order|',
    '      body = order.to_punchh_checkin.to_json',
    '      sig = OpenSSL::HMAC.hexdigest(\'SHA256\', secret, "/api2/pos/checkins#{body}")',
    "      Faraday.post('https://server.punchh.com/api2/pos/checkins', body, 'x-pch-digest' => sig, 'Authorization' => \"Token token=#{client_id}\")",
    '    end',
    '  end',
    'end',
  );

  const sr = repo.file(`${root}/config/secrets_example.yml`, 'ruby');
  sr.l('# copy to config/secrets.yml for local dev');
  sr.d('stripe_secret_key: sk_live_<your-key-here>', 'placeholder');
  sr.d('square_access_token: EAAA...', 'placeholder');
  sr.l('braintree_private_key: <%= ENV["BRAINTREE_PRIVATE_KEY"] %>');

  const fx = repo.file(`${root}/spec/support/payment_fakes.rb`, 'ruby');
  fx.l(
    '# Fakes for request specs. None of these are real and none will work against a live API.',
    'module PaymentFakes',
  );
  fx.d("  STRIPE_KEY = 'sk_test_FAKE0000000000000000000000'", 'marked fake test fixture');
  fx.l("  SQUARE_TOKEN = 'EAAA-fake-token-for-specs'");
  fx.d("  TEST_CARD = '4242424242424242'", 'documented stripe test card number');
  fx.l('end');
}

// ---- FastAPI dispatch service ----------------------------------------------------------------

function dispatch(repo, t, g) {
  const root = 'services/dispatch';
  const c = repo.file(`${root}/app/core/config.py`, 'python');
  const dbpw = g.plain(22);
  const rpw = g.plain(20);
  const here = g.hereKey();
  const twTok = t.twilioToken();
  const gm = t.gcpApiKey();
  c.l(
    'import os',
    '',
    'from pydantic import Field',
    'from pydantic_settings import BaseSettings, SettingsConfigDict',
    '',
    '',
    'class Settings(BaseSettings):',
    '    model_config = SettingsConfigDict(env_file=".env", extra="ignore")',
    '',
  );
  c.s(
    `    database_url: str = "postgresql+asyncpg://dispatch:${dbpw}@dispatch-db.prod.internal:5432/dispatch"`,
    'database',
    dbpw,
  );
  c.s(`    redis_url: str = "redis://default:${rpw}@redis-dispatch.prod.internal:6379/2"`, 'database', rpw);
  c.s(`    here_api_key: str = "${here}"`, 'here', here);
  c.l(`    twilio_account_sid: str = "${t.twilioSid()}"`);
  c.s(`    twilio_auth_token: str = "${twTok}"`, 'twilio', twTok);
  c.l('    twilio_from: str = "+14155550142"');
  c.s(`    google_maps_server_key: str = "${gm}"`, 'gcp', gm);
  c.d('    jwt_secret: str = Field(default_factory=lambda: os.environ["DISPATCH_JWT_SECRET"])', 'os.environ');
  c.d(`    sentry_dsn: str = "${g.sentryDsn()}"`, 'sentry dsn (ingest-only, public)');
  c.l('', '', 'settings = Settings()');

  const dl = repo.file(`${root}/app/integrations/deliveroo.py`, 'python');
  const dlSec = g.deliverooSecret();
  const dlHook = g.deliverooSecret();
  dl.l(
    'import hashlib',
    'import hmac',
    '',
    'import httpx',
    '',
    'DELIVEROO_API = "https://api.developers.deliveroo.com"',
  );
  dl.d(`DELIVEROO_CLIENT_ID = "${t.lower(26)}"`, 'deliveroo client id (identifier)');
  dl.s(`DELIVEROO_CLIENT_SECRET = "${dlSec}"`, 'deliveroo', dlSec);
  dl.s(`WEBHOOK_SECRET = b"${dlHook}"`, 'deliveroo', dlHook);
  dl.l(
    '',
    '',
    'def verify(sequence_guid: str, body: bytes, signature: str) -> bool:',
    '    mac = hmac.new(WEBHOOK_SECRET, f"{sequence_guid} ".encode() + body, hashlib.sha256).hexdigest()',
    '    return hmac.compare_digest(mac, signature)',
    '',
    '',
    'async def token() -> str:',
    '    async with httpx.AsyncClient() as c:',
    '        r = await c.post("https://auth.developers.deliveroo.com/oauth2/token", data={"grant_type": "client_credentials"},',
    '                         auth=(DELIVEROO_CLIENT_ID, DELIVEROO_CLIENT_SECRET))',
    '        return r.json()["access_token"]',
  );

  const je = repo.file(`${root}/app/integrations/justeat.py`, 'python');
  const jeKey = g.justEatKey();
  je.l('import os', '', 'import httpx', '');
  je.s(`JE_API_KEY = os.getenv("JE_API_KEY", "${jeKey}")`, 'justeat', jeKey);
  je.d('HEADERS = {"Authorization": f"JE-API-KEY {JE_API_KEY}", "Accept-Tenant": "uk"}', 'variable interpolation');
  je.l(
    '',
    '',
    'def mark_ready(order_id: str) -> None:',
    '    httpx.put(f"https://uk-partnerapi.just-eat.io/orders/{order_id}/ready-for-collection", headers=HEADERS).raise_for_status()',
  );

  const fcm = repo.file(`${root}/app/notifications/push.py`, 'python');
  const fk = g.fcmServerKey();
  fcm.l(
    'import httpx',
    '',
    '# legacy HTTP API, still used for the courier Android fleet until the v1 migration (DSP-412)',
  );
  fcm.s(`FCM_SERVER_KEY = "${fk}"`, 'firebase', fk);
  fcm.l(
    '',
    '',
    'def notify_courier(device_token: str, title: str, body: str) -> None:',
    '    httpx.post(',
    '        "https://fcm.googleapis.com/fcm/send",',
    '        headers={"Authorization": f"key={FCM_SERVER_KEY}"},',
    '        json={"to": device_token, "notification": {"title": title, "body": body}},',
    '    )',
  );

  const al = repo.file(`${root}/alembic.ini`, 'python');
  const alpw = g.plain(18);
  al.l('[alembic]', 'script_location = migrations', 'prepend_sys_path = .');
  al.s(
    `sqlalchemy.url = postgresql://dispatch_migrator:${alpw}@dispatch-db.prod.internal:5432/dispatch`,
    'database',
    alpw,
  );
  al.l('', '[loggers]', 'keys = root,sqlalchemy,alembic');

  const env = repo.file(`${root}/.env`, 'env');
  const eHere = g.hereKey();
  const eMongo = g.plain(20);
  const eJwt = t.alnum(48);
  const oa = t.openai();
  env.l('ENVIRONMENT=production', 'LOG_LEVEL=info');
  env.s(`HERE_API_KEY=${eHere}`, 'here', eHere);
  env.s(
    `MONGO_URI=mongodb+srv://dispatch:${eMongo}@bb-prod.q3vnx.mongodb.net/dispatch?retryWrites=true&w=majority`,
    'mongodb',
    eMongo,
  );
  env.s(`DISPATCH_JWT_SECRET=${eJwt}`, 'generic', eJwt);
  env.s(`OPENAI_API_KEY=${oa}`, 'openai', oa);
  env.l('SENTRY_ENVIRONMENT=production');
  env.d('TWILIO_AUTH_TOKEN=', 'empty');

  const ct = repo.file(`${root}/tests/conftest.py`, 'python');
  ct.l('import pytest', '', '', '@pytest.fixture', 'def settings_override(monkeypatch):');
  ct.l('    monkeypatch.setenv("HERE_API_KEY", "test-here-key")');
  ct.l('    monkeypatch.setenv("TWILIO_AUTH_TOKEN", "0" * 32)');
  ct.l('    monkeypatch.setenv("DATABASE_URL", "postgresql://postgres:postgres@localhost:5432/dispatch_test")');
}

// ---- Go courier-tracking service ---------------------------------------------------------

function courierTracking(repo, t, g) {
  const root = 'services/courier-tracking';
  const c = repo.file(`${root}/internal/config/config.go`, 'go');
  const mbx = g.mapboxSecret();
  const mongo = g.plain(22);
  const rpw = g.gen(20);
  c.l('package config', '', 'import "os"', '', 'const (');
  c.s(`\tmapboxDirectionsToken = "${mbx}"`, 'mapbox', mbx);
  c.d(
    `\tmapboxTilesToken      = "${g.mapboxPublic()}" // public, URL-restricted`,
    'mapbox public token (public by design)',
  );
  c.l(')', '');
  c.s(
    `var defaultMongoURI = "mongodb+srv://courier:${mongo}@bb-prod.q3vnx.mongodb.net/tracking?retryWrites=true&w=majority"`,
    'mongodb',
    mongo,
  );
  c.l(
    '',
    'type Config struct {',
    '\tMongoURI      string',
    '\tRedisAddr     string',
    '\tRedisPassword string',
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
    '\t\tMongoURI:      getenv("MONGO_URI", defaultMongoURI),',
    '\t\tRedisAddr:     getenv("REDIS_ADDR", "courier-redis.prod.internal:6379"),',
  );
  c.s(`\t\tRedisPassword: getenv("REDIS_PASSWORD", "${rpw}"),`, 'generic', rpw);
  c.l('\t}', '}');

  const m = repo.file(`${root}/cmd/tracker/main.go`, 'go');
  const nr = g.nrLicense();
  m.l(
    'package main',
    '',
    'import (',
    '\t"log"',
    '',
    '\t"github.com/newrelic/go-agent/v3/newrelic"',
    ')',
    '',
    'func main() {',
    '\tapp, err := newrelic.NewApplication(',
    '\t\tnewrelic.ConfigAppName("courier-tracking"),',
  );
  m.s(`\t\tnewrelic.ConfigLicense("${nr}"),`, 'newrelic', nr);
  m.l('\t\tnewrelic.ConfigDistributedTracerEnabled(true),', '\t)', '\tif err != nil {', '\t\tlog.Fatal(err)', '\t}');
  m.l('\t_ = app // license comes from NEW_RELIC_LICENSE_KEY in staging');
  m.l('}');

  const ap = repo.file(`${root}/internal/push/apns.go`, 'go');
  ap.l(
    'package push',
    '',
    'import "github.com/sideshow/apns2/token"',
    '',
    'func Token(keyPath string) (*token.Token, error) {',
  );
  ap.l('\tkey, err := token.AuthKeyFromFile(keyPath) // /etc/courier/apns/AuthKey.p8 mounted from a k8s secret');
  ap.l('\tif err != nil {', '\t\treturn nil, err', '\t}');
  ap.d(
    `\treturn &token.Token{AuthKey: key, KeyID: "${g.apnsKeyId()}", TeamID: "${g.teamId()}"}, nil`,
    'apns key id and team id (identifiers)',
  );
  ap.l('}');

  const ue = repo.file(`${root}/internal/webhooks/ubereats.go`, 'go');
  const ueSec = g.uberSecret();
  ue.l(
    'package webhooks',
    '',
    'import (',
    '\t"crypto/hmac"',
    '\t"crypto/sha256"',
    '\t"encoding/hex"',
    ')',
    '',
    '// Uber signs webhook bodies with the app client secret (X-Uber-Signature, HMAC-SHA256).',
  );
  ue.d(`const uberClientID = "${g.uberClientId()}"`, 'uber client id (identifier)');
  ue.s(`const uberClientSecret = "${ueSec}"`, 'uber', ueSec);
  ue.l(
    '',
    'func Valid(body []byte, sig string) bool {',
    '\tm := hmac.New(sha256.New, []byte(uberClientSecret))',
    '\tm.Write(body)',
    '\treturn hmac.Equal([]byte(hex.EncodeToString(m.Sum(nil))), []byte(sig))',
    '}',
  );

  const y = repo.file(`${root}/config/tracking.yaml`, 'go');
  const mq = g.gen(22);
  const here = g.hereKey();
  y.l(
    'http:',
    '  addr: ":8080"',
    'mqtt:',
    '  broker: mqtts://mqtt.basilandbrine.com:8883',
    '  client_id: courier-tracking',
    '  username: tracker',
  );
  y.s(`  password: "${mq}"`, 'generic', mq);
  y.l('geofence:', '  provider: here');
  y.s(`  api_key: ${here}`, 'here', here);
  y.l('  radius_m: 75', 'tiles:');
  y.d('  token: ${MAPBOX_PUBLIC_TOKEN}', 'env reference');
}

// ---- Flutter customer app ----------------------------------------------------------------

function flutterApp(repo, t, g) {
  const root = 'apps/customer_app';
  const e = repo.file(`${root}/lib/config/env.dart`, 'dart');
  const places = t.gcpApiKey();
  e.l('class Env {', "  static const apiBaseUrl = 'https://api.basilandbrine.com/v2';");
  e.l(`  static const stripePublishableKey = '${g.stripePk()}';`);
  e.d(`  static const brazeSdkApiKey = '${t.uuid()}';`, 'braze sdk app identifier (ships in the app)');
  e.l(`  static const brazeEndpoint = 'sdk.iad-05.braze.com';`);
  e.d(`  static const segmentWriteKey = '${g.segmentWriteKey()}';`, 'segment client-side write key (public by design)');
  e.l(`  static const mapboxPublicToken = '${g.mapboxPublic()}';`);
  e.l('  // TODO(APP-881): proxy Places autocomplete through the backend, this is the server key');
  e.s(`  static const googlePlacesServerKey = '${places}';`, 'gcp', places);
  e.l('}');

  const ls = repo.file(`${root}/lib/services/loyalty_service.dart`, 'dart');
  const pk = g.punchhSecret();
  ls.l("import 'package:http/http.dart' as http;", '', 'class LoyaltyService {');
  ls.s(`  static const _punchhAdminKey = '${pk}';`, 'punchh', pk);
  ls.l('', '  Future<http.Response> balance(String userId) => http.get(');
  ls.l("        Uri.parse('https://server.punchh.com/api2/dashboard/users/extensive_timeline?user_id=$userId'),");
  ls.d("        headers: {'Authorization': 'Bearer $_punchhAdminKey'},", 'dart interpolation');
  ls.l('      );', '}');

  const kp = repo.file(`${root}/android/key.properties`, 'dart');
  const sp = g.gen(18);
  const kpw = g.gen(18);
  kp.s(`storePassword=${sp}`, 'generic', sp);
  kp.s(`keyPassword=${kpw}`, 'generic', kpw);
  kp.l('keyAlias=upload', 'storeFile=/Users/ci/keys/basilbrine-upload.jks');

  const gs = repo.file(`${root}/android/app/google-services.json`, 'dart');
  const proj = `basil-brine-${t.lower(5)}`;
  gs.l('{', '  "project_info": {', `    "project_number": "${t.digits(12)}",`, `    "project_id": "${proj}",`);
  gs.l(`    "storage_bucket": "${proj}.appspot.com"`, '  },', '  "client": [', '    {', '      "client_info": {');
  gs.l(`        "mobilesdk_app_id": "1:${t.digits(12)}:android:${t.pick(HEX, 16)}",`);
  gs.l(
    '        "android_client_info": { "package_name": "com.basilandbrine.customer" }',
    '      },',
    '      "api_key": [',
  );
  gs.d(
    `        { "current_key": "${t.gcpApiKey()}" }`,
    'firebase android client api key (public by design, app-restricted)',
  );
  gs.l('      ]', '    }', '  ],', '  "configuration_version": "1"', '}');

  const pl = repo.file(`${root}/pubspec.lock`, 'dart');
  pl.l('packages:');
  for (const [name, ver] of [
    ['braze_plugin', '9.0.0'],
    ['flutter_stripe', '10.1.1'],
    ['mapbox_maps_flutter', '2.1.0'],
  ]) {
    pl.l(`  ${name}:`, '    dependency: "direct main"', '    description:', `      name: ${name}`);
    pl.l(`      sha256: "${t.sha256()}"`);
    pl.l('      url: "https://pub.dev"', '    source: hosted', `    version: "${ver}"`);
  }
}

// ---- Swift iOS courier app -----------------------------------------------------------------

function iosCourier(repo, t, g) {
  const root = 'apps/courier-ios';
  const xc = repo.file(`${root}/Config/Production.xcconfig`, 'swift');
  const sent = g.sentryUser();
  xc.l('API_BASE_URL = https:/$()/courier-api.basilandbrine.com');
  xc.l(`MAPBOX_PUBLIC_TOKEN = ${g.mapboxPublic()}`);
  xc.l('// used by the "Upload dSYMs" run-script phase');
  xc.s(`SENTRY_AUTH_TOKEN = ${sent}`, 'sentry', sent);
  xc.l('PRODUCT_BUNDLE_IDENTIFIER = com.basilandbrine.courier');

  const s = repo.file(`${root}/CourierApp/Core/Secrets.swift`, 'swift');
  const here = g.hereKey();
  const sig = t.hex(64);
  s.l('import Foundation', '', 'enum Secrets {');
  s.s(`    static let hereApiKey = "${here}"`, 'here', here);
  s.l('    // HMAC key for signing location pings so the tracker can reject spoofed GPS');
  s.s(`    static let pingSigningKey = "${sig}"`, 'generic', sig);
  s.l(`    static let apnsTopic = "com.basilandbrine.courier"`);
  s.l('}');

  const tc = repo.file(`${root}/CourierApp/Networking/TrackingClient.swift`, 'swift');
  const bpw = g.plain(20);
  tc.l(
    'import Foundation',
    '',
    'final class TrackingClient {',
    '    private let session = URLSession(configuration: .default)',
    '',
  );
  tc.l('    func authorize(_ request: inout URLRequest, token: String) {');
  tc.d('        request.setValue("Bearer \\(token)", forHTTPHeaderField: "Authorization")', 'swift interpolation');
  tc.l('    }', '', '    // fallback for couriers on the legacy MQTT bridge (pre-3.4 builds)');
  tc.s(
    `    private let legacyBasic = "tracker-legacy:${bpw}".data(using: .utf8)!.base64EncodedString()`,
    'generic',
    bpw,
  );
  tc.l('}');

  const ff = repo.file(`${root}/fastlane/Fastfile`, 'swift');
  ff.l('default_platform(:ios)', '', 'platform :ios do', '  lane :beta do', '    api_key = app_store_connect_api_key(');
  ff.l(`      key_id: "${g.apnsKeyId()}",`);
  ff.l(`      issuer_id: "${t.uuid()}",`);
  ff.l('      key_filepath: "fastlane/AuthKey_ASC.p8"');
  ff.l('    )', '    match(type: "appstore", api_key: api_key, readonly: true)');
  ff.l('    build_app(scheme: "CourierApp")', '    upload_to_testflight(api_key: api_key)', '  end', 'end');

  const fe = repo.file(`${root}/fastlane/.env`, 'swift');
  const mp = g.gen(24);
  const fp = g.human();
  const gh = t.github();
  fe.l('MATCH_GIT_URL=git@bitbucket.org:basilbrine/ios-certificates.git');
  fe.s(`MATCH_PASSWORD=${mp}`, 'generic', mp);
  fe.l('FASTLANE_USER=mobile-release@basilandbrine.com');
  fe.s(`FASTLANE_PASSWORD=${fp}`, 'generic', fp);
  fe.s(`MATCH_GIT_BASIC_AUTHORIZATION=${g.enc(`bb-mobile-ci:${gh}`)}`, 'github', gh);

  const asc = repo.file(`${root}/fastlane/AuthKey_ASC.p8`, 'keys');
  const k1 = g.p8();
  asc.s(k1, 'private-key', k1.join('\n'));

  const apns = repo.file(`${root}/Certificates/AuthKey_APNS.p8`, 'keys');
  const k2 = g.p8();
  apns.s(k2, 'private-key', k2.join('\n'));

  const ip = repo.file(`${root}/CourierApp/Info.plist`, 'swift');
  ip.l('<?xml version="1.0" encoding="UTF-8"?>', '<plist version="1.0">', '<dict>', '  <key>MBXAccessToken</key>');
  ip.d(`  <string>${g.mapboxPublic()}</string>`, 'mapbox public token (public by design)');
  ip.l(
    '  <key>NSLocationAlwaysAndWhenInUseUsageDescription</key>',
    '  <string>We share your location with the kitchen while you are on a delivery.</string>',
  );
  ip.l('</dict>', '</plist>');

  const pod = repo.file(`${root}/Podfile.lock`, 'swift');
  pod.l('SPEC CHECKSUMS:');
  for (const name of ['Alamofire', 'MapboxMaps', 'Sentry', 'SwiftProtobuf']) {
    pod.l(`  ${name}: ${t.sha1()}`);
  }
  pod.l(`PODFILE CHECKSUM: ${t.sha1()}`);
  pod.l('', 'COCOAPODS: 1.15.2');
}

// ---- Next.js storefront --------------------------------------------------------------------

function storefront(repo, t, g) {
  const root = 'apps/storefront';
  const e = repo.file(`${root}/.env.production`, 'env');
  const sk = t.stripeLive();
  const wh = g.stripeWebhook();
  const alg = g.algoliaKey();
  const kl = g.klaviyoPrivate();
  const gs = g.googleSecret();
  const na = `${t.mixed(B64, 43)}=`;
  const rev = t.alnum(32);
  const appId = g.algoliaAppId();
  e.d(`NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY=${g.stripePk()}`, 'stripe publishable key (public by design)');
  e.s(`STRIPE_SECRET_KEY=${sk}`, 'stripe', sk);
  e.s(`STRIPE_WEBHOOK_SECRET=${wh}`, 'stripe', wh);
  e.l(`NEXT_PUBLIC_ALGOLIA_APP_ID=${appId}`);
  e.d(`NEXT_PUBLIC_ALGOLIA_SEARCH_KEY=${g.algoliaKey()}`, 'algolia search-only key (public by design)');
  e.s(`ALGOLIA_ADMIN_KEY=${alg}`, 'algolia', alg);
  e.l(`NEXT_PUBLIC_SEGMENT_WRITE_KEY=${g.segmentWriteKey()}`);
  e.s(`KLAVIYO_PRIVATE_API_KEY=${kl}`, 'klaviyo', kl);
  e.l(`NEXT_PUBLIC_KLAVIYO_COMPANY_ID=${g.klaviyoPublic()}`);
  e.d(`GOOGLE_CLIENT_ID=${g.googleClientId()}`, 'google oauth client id (public)');
  e.s(`GOOGLE_CLIENT_SECRET=${gs}`, 'google', gs);
  e.s(`NEXTAUTH_SECRET=${na}`, 'generic', na);
  e.l('NEXTAUTH_URL=https://order.basilandbrine.com');
  e.s(`REVALIDATE_TOKEN=${rev}`, 'generic', rev);

  const al = repo.file(`${root}/src/lib/algolia.ts`, 'js');
  const alg2 = g.algoliaKey();
  al.l("import algoliasearch from 'algoliasearch';", '');
  al.d(
    'export const searchClient = algoliasearch(process.env.NEXT_PUBLIC_ALGOLIA_APP_ID!, process.env.NEXT_PUBLIC_ALGOLIA_SEARCH_KEY!);',
    'process.env',
  );
  al.l('', '// server-only: used by scripts/reindex-menu.ts');
  al.s(`export const adminClient = algoliasearch('${appId}', '${alg2}');`, 'algolia', alg2);

  const wr = repo.file(`${root}/src/app/api/webhooks/stripe/route.ts`, 'js');
  const wh2 = g.stripeWebhook();
  wr.l("import Stripe from 'stripe';", "import { NextResponse } from 'next/server';", '');
  wr.l("const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!, { apiVersion: '2024-06-20' });");
  wr.s(`const endpointSecret = process.env.STRIPE_WEBHOOK_SECRET ?? '${wh2}';`, 'stripe', wh2);
  wr.l(
    '',
    'export async function POST(req: Request) {',
    "  const sig = req.headers.get('stripe-signature')!;",
    '  const event = stripe.webhooks.constructEvent(await req.text(), sig, endpointSecret);',
    '  return NextResponse.json({ received: event.id });',
    '}',
  );

  const nc = repo.file(`${root}/next.config.js`, 'js');
  const bz = g.brazeKey();
  nc.l(
    '/** @type {import("next").NextConfig} */',
    'module.exports = {',
    '  reactStrictMode: true,',
    "  images: { domains: ['bb-menu-images-prod.s3.amazonaws.com'] },",
    '  env: {',
  );
  nc.l("    BRAZE_REST_ENDPOINT: 'https://rest.iad-05.braze.com',");
  nc.s(`    BRAZE_REST_API_KEY: '${bz}',`, 'braze', bz);
  nc.l('  },', '};');

  const kl2 = repo.file(`${root}/src/lib/klaviyo.ts`, 'js');
  const kk = g.klaviyoPrivate();
  kl2.l(
    'export async function subscribe(email: string) {',
    "  return fetch('https://a.klaviyo.com/api/profile-subscription-bulk-create-jobs/', {",
    "    method: 'POST',",
    '    headers: {',
  );
  kl2.s(`      Authorization: 'Klaviyo-API-Key ${kk}',`, 'klaviyo', kk);
  kl2.l(
    "      revision: '2024-07-15',",
    "      'content-type': 'application/json',",
    '    },',
    '    body: JSON.stringify(buildJob(email)),',
    '  });',
    '}',
  );

  const ex = repo.file(`${root}/.env.example`, 'env');
  ex.d('STRIPE_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx', 'placeholder');
  ex.l('STRIPE_WEBHOOK_SECRET=whsec_...');
  ex.d('ALGOLIA_ADMIN_KEY=<algolia-admin-key>', 'placeholder');
  ex.l('KLAVIYO_PRIVATE_API_KEY=');
  ex.d('NEXTAUTH_SECRET=generate-with-openssl-rand-base64-32', 'placeholder');
}

// ---- POS integrations ---------------------------------------------------------------------

function pos(repo, t, g) {
  const sq = repo.file('integrations/pos/square/catalog_sync.py', 'python');
  const tok = g.squareToken();
  sq.l(
    'from square.client import Client',
    '',
    '# pushes menu changes from the ordering db into the Square catalog of every franchise',
  );
  sq.s(`client = Client(access_token="${tok}", environment="production")`, 'square', tok);
  sq.l('sandbox = Client(access_token=os.environ["SQUARE_SANDBOX_TOKEN"], environment="sandbox")');
  sq.l(
    '',
    '',
    'def upsert(items):',
    '    return client.catalog.batch_upsert_catalog_objects(body={"idempotency_key": new_key(), "batches": [{"objects": items}]})',
  );

  const so = repo.file('integrations/pos/square/oauth.yml', 'yaml');
  const sec = g.squareSecret();
  const refresh = `EQAA${t.mixed(URLSAFE, 60)}`;
  so.l('# franchise onboarding (Square OAuth, "Basil & Brine POS Connector")');
  so.d(`application_id: ${g.squareAppId()}`, 'square application id (public)');
  so.s(`application_secret: ${sec}`, 'square', sec);
  so.l(
    'redirect_uri: https://partners.basilandbrine.com/oauth/square/callback',
    'merchants:',
    `  - merchant_id: ${t.mixed(UPPER + DIGIT, 13)}`,
    '    name: Basil & Brine Shoreditch',
  );
  so.s(`    refresh_token: ${refresh}`, 'square', refresh);

  const to = repo.file('integrations/pos/toast/toast_client.rb', 'ruby');
  const tsec = g.toastSecret();
  to.l("require 'faraday'", '', 'module Toast', "  HOST = 'https://ws-api.toasttab.com'.freeze");
  to.d(`  CLIENT_ID = '${g.toastClientId()}'.freeze`, 'toast client id (identifier)');
  to.s(`  CLIENT_SECRET = '${tsec}'.freeze`, 'toast', tsec);
  to.l(
    '',
    '  def self.token',
    '    res = Faraday.post("#{HOST}/authentication/v1/authentication/login", {',
    "      clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, userAccessType: 'TOAST_MACHINE_CLIENT'",
    "    }.to_json, 'Content-Type' => 'application/json')",
    "    JSON.parse(res.body).dig('token', 'accessToken')",
    '  end',
    'end',
  );

  const tr = repo.file('integrations/pos/toast/restaurants.yml', 'yaml');
  tr.l('restaurants:');
  for (const name of ['soho', 'brooklyn-heights', 'williamsburg']) {
    tr.l(`  - name: ${name}`);
    tr.l(`    toast_restaurant_guid: ${t.uuid()}`);
  }

  const cl = repo.file('integrations/pos/clover/src/clover.js', 'js');
  const ctok = g.cloverToken();
  const mid = g.cloverMid();
  cl.l("const axios = require('axios');", '');
  cl.d(`const CLOVER_MERCHANT_ID = '${mid}';`, 'clover merchant id (identifier)');
  cl.s(`const CLOVER_API_TOKEN = '${ctok}';`, 'clover', ctok);
  cl.d(
    'const api = axios.create({ baseURL: `https://api.clover.com/v3/merchants/${CLOVER_MERCHANT_ID}`, headers: { Authorization: `Bearer ${CLOVER_API_TOKEN}` } });',
    'template literal',
  );
  cl.l('', "module.exports.orders = (since) => api.get('/orders', { params: { filter: `modifiedTime>=${since}` } });");

  const ce = repo.file('integrations/pos/clover/.env', 'env');
  const csec = g.cloverToken();
  ce.d(`CLOVER_APP_ID=${t.mixed(UPPER + DIGIT, 13)}`, 'clover app id (identifier)');
  ce.s(`CLOVER_APP_SECRET=${csec}`, 'clover', csec);
  ce.l('CLOVER_ENV=production');

  const lc = repo.file('integrations/pos/lightspeed/config.json', 'json');
  const lsec = g.lightspeedSecret();
  const lref = t.mixed(ALNUM, 40);
  const lpt = g.lightspeedToken();
  lc.l('{', '  "kSeries": {', '    "apiBase": "https://api.lsk.lightspeed.app",');
  lc.l(`    "clientId": "basilbrine-${t.lower(8)}",`);
  lc.s(`    "clientSecret": "${lsec}",`, 'lightspeed', lsec);
  lc.s(`    "refreshToken": "${lref}",`, 'lightspeed', lref);
  lc.l(`    "businessLocationId": ${t.digits(15)}`, '  },', '  "xSeries": {', '    "domainPrefix": "basilbrine",');
  lc.s(`    "personalToken": "${lpt}"`, 'lightspeed', lpt);
  lc.l('  }', '}');
}

// ---- Delivery marketplaces ----------------------------------------------------------------

function marketplaces(repo, t, g) {
  const dd = repo.file('integrations/marketplaces/doordash/drive-client.ts', 'js');
  const sec = g.ddSigning();
  dd.l(
    "import jwt from 'jsonwebtoken';",
    '',
    '// DoorDash Drive "Basil & Brine Production" access key, created 2025-03-11',
  );
  dd.l('const accessKey = {');
  dd.l(`  developer_id: '${t.uuid()}',`);
  dd.d(`  key_id: '${t.uuid()}',`, 'doordash key id (identifier)');
  dd.s(`  signing_secret: '${sec}',`, 'doordash', sec);
  dd.l(
    '};',
    '',
    'export function driveToken(): string {',
    '  const data = { aud: "doordash", iss: accessKey.developer_id, kid: accessKey.key_id, exp: Math.floor(Date.now() / 1000 + 300), iat: Math.floor(Date.now() / 1000) };',
    "  return jwt.sign(data, Buffer.from(accessKey.signing_secret, 'base64'), { algorithm: 'HS256', header: { 'dd-ver': 'DD-JWT-V1' } as any });",
    '}',
  );

  const ue = repo.file('integrations/marketplaces/ubereats/config.yaml', 'yaml');
  const us = g.uberSecret();
  ue.l('uber_eats:', '  auth_url: https://auth.uber.com/oauth/v2/token');
  ue.d(`  client_id: ${g.uberClientId()}`, 'uber client id (identifier)');
  ue.s(`  client_secret: ${us}`, 'uber', us);
  ue.l('  scopes: [eats.store, eats.order, eats.report]', '  stores:');
  for (const s of ['soho', 'camden']) {
    ue.l(`    - name: ${s}`);
    ue.l(`      store_id: ${t.uuid()}`);
  }

  const dr = repo.file('integrations/marketplaces/deliveroo/menu_sync.py', 'python');
  const dsec = g.deliverooSecret();
  dr.l('import requests', '', 'SITE_IDS = {"soho": 184223, "camden": 184297}');
  dr.s(`session = requests.Session(); session.auth = ("basilbrine-menu", "${dsec}")`, 'deliveroo', dsec);
  dr.l(
    '',
    '',
    'def push_menu(brand_id, menu):',
    '    return session.put(f"https://api.developers.deliveroo.com/menu/v1/brands/{brand_id}/menus/{menu[\'id\']}", json=menu)',
  );

  const je = repo.file('integrations/marketplaces/justeat/justeat.json', 'json');
  const jk = g.justEatKey();
  const jw = t.alnum(40);
  je.l('{', '  "tenant": "uk",', '  "partnerApi": "https://uk-partnerapi.just-eat.io",');
  je.s(`  "apiKey": "${jk}",`, 'justeat', jk);
  je.s(`  "webhookSharedSecret": "${jw}",`, 'justeat', jw);
  je.l(`  "restaurantIds": [${t.digits(6)}, ${t.digits(6)}]`);
  je.l('}');
}

// ---- Loyalty / marketing ------------------------------------------------------------------

function loyalty(repo, t, g) {
  const p = repo.file('integrations/loyalty/punchh/punchh_client.py', 'python');
  const pc = g.punchhClient();
  const ps = g.punchhSecret();
  const pa = t.mixed(URLSAFE, 40);
  p.l('import hashlib', 'import hmac', '', 'PUNCHH_BASE = "https://server.punchh.com"');
  p.d(`PUNCHH_CLIENT = "${pc}"`, 'punchh client id (identifier, sent in the clear)');
  p.s(`PUNCHH_SECRET = "${ps}"`, 'punchh', ps);
  p.s(`PUNCHH_LOCATION_KEY = "${pa}"  # POS location key for the Soho store`, 'punchh', pa);
  p.l(
    '',
    '',
    'def signature(path: str, body: str) -> str:',
    '    return hmac.new(PUNCHH_SECRET.encode(), (path + body).encode(), hashlib.sha256).hexdigest()',
  );

  const b = repo.file('integrations/loyalty/braze/braze_campaigns.rb', 'ruby');
  const bk = g.brazeKey();
  b.l("require 'braze_ruby'", '');
  b.s(`BRAZE = BrazeRuby::API.new('${bk}', 'https://rest.iad-05.braze.com')`, 'braze', bk);
  b.l(`WEEKLY_DIGEST_CAMPAIGN_ID = '${t.uuid()}'`);
  b.l(
    '',
    'def send_digest(external_ids)',
    '  BRAZE.trigger_campaign_send(campaign_id: WEEKLY_DIGEST_CAMPAIGN_ID, recipients: external_ids.map { |id| { external_user_id: id } })',
    'end',
  );

  const sg = repo.file('integrations/loyalty/segment/tracking_plan.py', 'python');
  const stok = g.segmentToken();
  sg.l('import requests', '', '# Segment Public API (workspace admin), used to sync the tracking plan from YAML');
  sg.s(`SEGMENT_PUBLIC_API_TOKEN = "${stok}"`, 'segment', stok);
  sg.l(`SOURCE_ID = "${t.mixed(ALNUM, 22)}"`);
  sg.l(
    '',
    'def push(plan):',
    '    return requests.put(f"https://api.segmentapis.com/tracking-plans/{plan[\'id\']}/rules",',
    '                        headers={"Authorization": f"Bearer {SEGMENT_PUBLIC_API_TOKEN}"}, json=plan)',
  );
}

// ---- Kitchen display, printers, menu boards -------------------------------------------------

function devices(repo, t, g) {
  const k = repo.file('devices/kds/kds-config.json', 'json');
  const dt = t.alnum(40);
  k.l('{', '  "server": "wss://kds.basilandbrine.com/socket",');
  k.l(`  "storeId": "${t.uuid()}",`);
  k.s(`  "deviceToken": "${dt}",`, 'generic', dt);
  k.l('  "stations": ["grill", "fry", "expo"],', '  "bumpBar": { "vendor": "Logic Controls", "model": "KB1700" }', '}');

  const ep = repo.file('devices/printers/epson/epos-device.xml', 'xml');
  const epw = g.plain(14);
  ep.l(
    '<?xml version="1.0" encoding="utf-8"?>',
    '<PrinterConfig model="TM-m30III">',
    '  <IPAddress>192.168.20.41</IPAddress>',
  );
  ep.l('  <DeviceId>local_printer</DeviceId>');
  ep.l(
    `  <MACAddress>00:26:AB:${t.pick('0123456789ABCDEF', 2)}:${t.pick('0123456789ABCDEF', 2)}:${t.pick('0123456789ABCDEF', 2)}</MACAddress>`,
  );
  ep.l('  <WebConfig>', '    <User>epson</User>');
  ep.s(`    <Password>${epw}</Password>`, 'generic', epw);
  ep.l('  </WebConfig>', '</PrinterConfig>');

  const js = repo.file('devices/printers/epson/print-ticket.js', 'js');
  js.l('const ePosDev = new epson.ePOSDevice();');
  js.l("ePosDev.connect('192.168.20.41', 8043, (result) => { if (result !== 'OK') showError(result); });");
  js.l(
    "ePosDev.createDevice('local_printer', ePosDev.DEVICE_TYPE_PRINTER, { crypto: true, buffer: false }, onPrinter);",
  );

  const st = repo.file('devices/printers/star/cloudprnt.ini', 'ini');
  const spw = g.gen(18);
  st.l(
    '[Server]',
    'Url=https://print.basilandbrine.com/cloudprnt/poll',
    'PollInterval=5',
    '',
    '[Authentication]',
    'Type=basic',
    'User=store-0142',
  );
  st.s(`Password=${spw}`, 'generic', spw);
  st.l('', '[Printer]', 'Model=mC-Print3', 'PaperWidth=80');

  const w = repo.file('devices/menuboard/boot/wpa_supplicant.conf', 'ini');
  const psk = g.human();
  w.l(
    'ctrl_interface=DIR=/var/run/wpa_supplicant GROUP=netdev',
    'update_config=1',
    'country=US',
    '',
    'network={',
    '    ssid="BB-Staff"',
  );
  w.s(`    psk="${psk}"`, 'generic', psk);
  w.l('    key_mgmt=WPA-PSK', '}');

  const u = repo.file('devices/menuboard/boot/userconf.txt', 'ini');
  u.d(`menuboard:${g.sha512crypt()}`, 'sha512-crypt password hash');

  const fr = repo.file('devices/menuboard/firstrun.sh', 'shell');
  const pipw = g.plain(16);
  const mt = t.alnum(32);
  fr.l(
    '#!/bin/bash',
    'set -e',
    'hostnamectl set-hostname "menuboard-$(cat /proc/cpuinfo | awk \'/Serial/ {print substr($3,9)}\')"',
  );
  fr.s(`echo "pi:${pipw}" | chpasswd`, 'generic', pipw);
  fr.l('mkdir -p /etc/menuboard');
  fr.s(`echo "MENU_API_TOKEN=${mt}" > /etc/menuboard/env`, 'generic', mt);
  fr.l('systemctl enable --now menuboard.service');

  const ms = repo.file('devices/menuboard/menuboard.service', 'ini');
  const mt2 = t.alnum(32);
  ms.l(
    '[Unit]',
    'Description=Basil & Brine digital menu board',
    'After=network-online.target',
    '',
    '[Service]',
    'User=pi',
  );
  ms.s(`Environment=MENU_API_TOKEN=${mt2}`, 'generic', mt2);
  ms.l('EnvironmentFile=-/etc/menuboard/env');
  ms.l(
    'ExecStart=/usr/bin/chromium-browser --kiosk --noerrdialogs https://menu.basilandbrine.com/board/%H',
    '',
    '[Install]',
    'WantedBy=graphical.target',
  );

  const ak = repo.file('devices/menuboard/authorized_keys', 'keys');
  ak.d(`ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${t.mixed(B64, 43)} ops@basilandbrine`, 'ssh public key');
}

// ---- Airflow ETL and notebooks ------------------------------------------------------------

function data(repo, t, g) {
  const cfg = repo.file('data/airflow/airflow.cfg', 'ini');
  const fk = g.fernet();
  const apw = g.plain(20);
  const wsk = t.alnum(32);
  cfg.l('[core]', 'dags_folder = /opt/airflow/dags', 'executor = CeleryExecutor');
  cfg.s(`fernet_key = ${fk}`, 'generic', fk);
  cfg.l('', '[database]');
  cfg.s(
    `sql_alchemy_conn = postgresql+psycopg2://airflow:${apw}@airflow-db.data.internal:5432/airflow`,
    'database',
    apw,
  );
  cfg.l('', '[webserver]', 'base_url = https://airflow.data.basilandbrine.com');
  cfg.s(`secret_key = ${wsk}`, 'generic', wsk);
  cfg.l('', '[secrets]');
  cfg.l('backend = airflow.providers.amazon.aws.secrets.secrets_manager.SecretsManagerBackend');

  const d1 = repo.file('data/airflow/dags/pos_sales_etl.py', 'python');
  const ak = t.awsId();
  const as = t.awsSecret();
  const tsec = g.toastSecret();
  d1.l(
    'from datetime import datetime',
    '',
    'import boto3',
    'from airflow import DAG',
    'from airflow.operators.python import PythonOperator',
    'from airflow.providers.postgres.hooks.postgres import PostgresHook',
    '',
  );
  d1.s(`s3 = boto3.client("s3", aws_access_key_id="${ak}",`, 'aws', ak);
  d1.s(`                  aws_secret_access_key="${as}")`, 'aws', as);
  d1.l('warehouse = PostgresHook(postgres_conn_id="warehouse")');
  d1.s(`TOAST_CREDS = {"clientId": "${g.toastClientId()}", "clientSecret": "${tsec}"}`, 'toast', tsec);
  d1.l(
    '',
    '',
    'def extract(**ctx):',
    '    ...',
    '',
    '',
    'with DAG("pos_sales_etl", start_date=datetime(2024, 1, 1), schedule="0 4 * * *", catchup=False) as dag:',
    '    PythonOperator(task_id="extract", python_callable=extract)',
  );

  const d2 = repo.file('data/airflow/dags/loyalty_export.py', 'python');
  const bk = g.brazeKey();
  d2.l('import requests', 'from airflow.models import Variable', '');
  d2.d('KLAVIYO_KEY = Variable.get("klaviyo_private_key")', 'airflow variable lookup');
  d2.s(`BRAZE_HEADERS = {"Authorization": "Bearer ${bk}", "Content-Type": "application/json"}`, 'braze', bk);
  d2.l(
    '',
    '',
    'def export_segments():',
    '    return requests.post("https://rest.iad-05.braze.com/users/export/segment", headers=BRAZE_HEADERS, json={"segment_id": SEGMENT})',
  );

  const ae = repo.file('data/airflow/.env', 'env');
  const wpw = g.plain(20);
  const mpw = g.plain(20);
  ae.l('AIRFLOW_UID=50000');
  ae.s(`AIRFLOW_CONN_WAREHOUSE=postgresql://etl:${wpw}@warehouse.data.internal:5432/analytics`, 'database', wpw);
  ae.s(
    `AIRFLOW_CONN_ORDERS_MONGO=mongodb://etl_reader:${mpw}@mongo-0.data.internal:27017/orders?authSource=admin`,
    'mongodb',
    mpw,
  );
  ae.l('AIRFLOW__SECRETS__BACKEND_KWARGS={"connections_prefix": "airflow/connections"}');

  const nb = repo.file('data/notebooks/menu-pricing-analysis.ipynb', 'notebook');
  const npw = g.plain(18);
  const gm = t.gcpApiKey();
  const sqt = g.squareToken();
  nb.l(
    '{',
    ' "cells": [',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 3,',
    '   "metadata": {},',
    '   "outputs": [],',
    '   "source": [',
  );
  nb.l(`    ${q('import pandas as pd\n')},`, `    ${q('import psycopg2\n')},`);
  nb.s(
    `    ${q(`conn = psycopg2.connect(host="warehouse.data.internal", dbname="analytics", user="analyst", password="${npw}")\n`)},`,
    'generic',
    npw,
  );
  nb.s(`    ${q(`GMAPS_KEY = "${gm}"\n`)},`, 'gcp', gm);
  nb.l(
    `    ${q('sales = pd.read_sql("SELECT * FROM fact_order_lines WHERE order_date >= %s", conn, params=["2025-01-01"])')}`,
  );
  nb.l(
    '   ]',
    '  },',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 4,',
    '   "metadata": {},',
    '   "outputs": [',
    '    {',
    '     "name": "stdout",',
    '     "output_type": "stream",',
    '     "text": [',
  );
  nb.s(`      ${q(`square client ready: environment=production token=${sqt}\n`)}`, 'square', sqt);
  nb.l('     ]', '    }', '   ],', '   "source": [');
  nb.d(`    ${q('sq = Client(access_token=os.environ["SQUARE_TOKEN"], environment="production")\n')},`, 'os.environ');
  nb.l(
    `    ${q('print(f"square client ready: environment=production token={sq._access_token}")')}`,
    '   ]',
    '  }',
    ' ],',
  );
  nb.l(
    ' "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},',
    ' "nbformat": 4,',
    ' "nbformat_minor": 5',
    '}',
  );

  const nb2 = repo.file('data/notebooks/delivery-times.ipynb', 'notebook');
  const mg = g.plain(20);
  const hk = g.hereKey();
  nb2.l(
    '{',
    ' "cells": [',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": null,',
    '   "metadata": {},',
    '   "outputs": [],',
    '   "source": [',
  );
  nb2.s(
    `    ${q(`client = pymongo.MongoClient("mongodb+srv://analyst:${mg}@bb-prod.q3vnx.mongodb.net/tracking")\n`)},`,
    'mongodb',
    mg,
  );
  nb2.s(`    ${q(`here = RoutingClient(api_key="${hk}")\n`)},`, 'here', hk);
  nb2.l(`    ${q(`courier_ids = ["${t.uuid()}", "${t.uuid()}"]`)}`);
  nb2.l('   ]', '  }', ' ],', ' "metadata": {},', ' "nbformat": 4,', ' "nbformat_minor": 5', '}');

  const pr = repo.file('data/dbt/profiles.yml', 'yaml');
  const dpw = g.gen(20);
  pr.l(
    'basilbrine:',
    '  target: prod',
    '  outputs:',
    '    prod:',
    '      type: postgres',
    '      host: warehouse.data.internal',
    '      user: dbt_runner',
  );
  pr.s(`      password: "${dpw}"`, 'generic', dpw);
  pr.l(
    '      port: 5432',
    '      dbname: analytics',
    '      schema: marts',
    '    dev:',
    '      type: postgres',
    '      host: localhost',
    '      user: dbt',
  );
  pr.d('      password: "{{ env_var(\'DBT_PASSWORD\') }}"', 'dbt env_var');
}

// ---- Kubernetes (EKS + Kustomize) --------------------------------------------------------

function kubernetes(repo, t, g) {
  const d = repo.file('deploy/k8s/base/ordering-api/deployment.yaml', 'k8s');
  const skb = g.secretKeyBase();
  const dds = g.ddSigning();
  d.l(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: ordering-api',
    'spec:',
    '  template:',
    '    spec:',
    '      serviceAccountName: ordering-api',
    '      containers:',
    '        - name: web',
  );
  d.d(
    `          image: ${t.digits(12)}.dkr.ecr.us-east-1.amazonaws.com/ordering-api@sha256:${t.sha256()}`,
    'image digest',
  );
  d.l(
    '          env:',
    '            - name: RAILS_ENV',
    '              value: production',
    '            - name: SECRET_KEY_BASE',
  );
  d.s(`              value: "${skb}"`, 'generic', skb);
  d.l('            - name: DOORDASH_SIGNING_SECRET');
  d.s(`              value: ${dds}`, 'doordash', dds);
  d.l('            - name: ORDERING_DB_PASSWORD', '              valueFrom:', '                secretKeyRef:');
  d.l('                  name: ordering-db');
  d.l('                  key: password');

  const s = repo.file('deploy/k8s/base/dispatch/secret.yaml', 'k8s');
  const tw = t.twilioToken();
  const here = g.hereKey();
  const pg = g.gen(20);
  s.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: dispatch',
    '  namespace: delivery',
    'type: Opaque',
    'data:',
  );
  s.s(`  TWILIO_AUTH_TOKEN: ${g.enc(tw)}`, 'twilio', tw);
  s.s(`  HERE_API_KEY: ${g.enc(here)}`, 'here', here);
  s.s(`  DB_PASSWORD: ${g.enc(pg)}`, 'generic', pg);
  s.d(`  LOG_FORMAT: ${g.enc('json')}`, 'base64 of a plain setting');

  const k = repo.file('deploy/k8s/overlays/prod/kustomization.yaml', 'k8s');
  const sk = t.stripeLive();
  const ad = g.adyenKey();
  k.l(
    'apiVersion: kustomize.config.k8s.io/v1beta1',
    'kind: Kustomization',
    'namespace: ordering',
    'resources:',
    '  - ../../base/ordering-api',
    '  - ../../base/dispatch',
    'images:',
    '  - name: ordering-api',
  );
  k.l(`    digest: sha256:${t.sha256()}`);
  k.l('secretGenerator:', '  - name: payments', '    literals:');
  k.s(`      - STRIPE_SECRET_KEY=${sk}`, 'stripe', sk);
  k.s(`      - ADYEN_API_KEY=${ad}`, 'adyen', ad);
  k.l('      - ADYEN_MERCHANT_ACCOUNT=BasilBrineECOM');
  k.l('  - name: marketplaces', '    envs:');
  k.l('      - marketplaces.env');

  const me = repo.file('deploy/k8s/overlays/prod/marketplaces.env', 'k8s');
  const ue = g.uberSecret();
  const dl = g.deliverooSecret();
  const je = g.justEatKey();
  me.s(`UBER_EATS_CLIENT_SECRET=${ue}`, 'uber', ue);
  me.s(`DELIVEROO_CLIENT_SECRET=${dl}`, 'deliveroo', dl);
  me.s(`JUST_EAT_API_KEY=${je}`, 'justeat', je);
  me.l('DOORDASH_ENV=production');

  const cm = repo.file('deploy/k8s/base/courier-tracking/configmap.yaml', 'k8s');
  const mq = g.gen(20);
  const nr = g.nrLicense();
  cm.l('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: courier-tracking', 'data:');
  cm.l('  MQTT_BROKER: mqtts://mqtt.basilandbrine.com:8883');
  cm.s(`  MQTT_PASSWORD: "${mq}"`, 'generic', mq);
  cm.s(`  NEW_RELIC_LICENSE_KEY: ${nr}`, 'newrelic', nr);
  cm.l(`  MAPBOX_PUBLIC_TOKEN: ${g.mapboxPublic()}`);

  const rp = repo.file('deploy/k8s/base/registry-pull.yaml', 'k8s');
  const dp = g.dockerPat();
  rp.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: dockerhub-pull',
    'type: kubernetes.io/dockerconfigjson',
    'data:',
  );
  rp.s(
    `  .dockerconfigjson: ${g.enc(JSON.stringify({ auths: { 'https://index.docker.io/v1/': { username: 'basilbrine', password: dp, auth: g.enc(`basilbrine:${dp}`) } } }))}`,
    'dockerhub',
    dp,
  );

  const aa = repo.file('deploy/k8s/base/aws-auth.yaml', 'k8s');
  const acct = t.digits(12);
  aa.l(
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: aws-auth',
    '  namespace: kube-system',
    'data:',
    '  mapRoles: |',
  );
  aa.l(`    - rolearn: arn:aws:iam::${acct}:role/bb-prod-eks-nodes`);
  aa.l('      username: system:node:{{EC2PrivateDNSName}}', '      groups: [system:bootstrappers, system:nodes]');
  aa.l(`    - rolearn: arn:aws:iam::${acct}:role/bb-platform-admins`);
  aa.l('      username: platform-admin', '      groups: [system:masters]');

  const es = repo.file('deploy/k8s/base/ordering-api/external-secret.yaml', 'k8s');
  es.l(
    'apiVersion: external-secrets.io/v1beta1',
    'kind: ExternalSecret',
    'metadata:',
    '  name: ordering-db',
    'spec:',
    '  secretStoreRef: { name: aws-secrets-manager, kind: ClusterSecretStore }',
    '  data:',
    '    - secretKey: password',
    '      remoteRef:',
  );
  es.l('        key: prod/ordering/db');
  es.l('        property: password');

  const ss = repo.file('deploy/k8s/overlays/prod/sealed-pos.yaml', 'encrypted');
  ss.l(
    'apiVersion: bitnami.com/v1alpha1',
    'kind: SealedSecret',
    'metadata:',
    '  name: pos-tokens',
    'spec:',
    '  encryptedData:',
  );
  ss.d(`    SQUARE_ACCESS_TOKEN: AgB${g.b64(600)}==`, 'sealed secret ciphertext');
  ss.l(`    TOAST_CLIENT_SECRET: AgA${g.b64(600)}==`);

  const sh = repo.file('deploy/k8s/bootstrap.sh', 'shell');
  const lit = g.plain(20);
  sh.l('#!/usr/bin/env bash', 'set -euo pipefail', 'aws eks update-kubeconfig --name bb-prod --region us-east-1');
  sh.s(
    `kubectl -n ordering create secret generic ordering-db --from-literal=username=ordering_app --from-literal=password=${lit}`,
    'generic',
    lit,
  );
  sh.l(
    'kubectl -n delivery create secret generic dispatch --from-env-file=./dispatch.env --dry-run=client -o yaml | kubeseal > sealed-dispatch.yaml',
  );
}

// ---- Terraform (AWS) -----------------------------------------------------------------------

function terraform(repo, t, g) {
  const p = repo.file('infra/terraform/providers.tf', 'terraform');
  const ak = t.awsId();
  const as = t.awsSecret();
  const nrk = g.nrUserKey();
  p.l(
    'terraform {',
    '  required_providers {',
    '    aws      = { source = "hashicorp/aws", version = "~> 5.60" }',
    '    newrelic = { source = "newrelic/newrelic", version = "~> 3.40" }',
    '  }',
    '}',
    '',
    'provider "aws" {',
    '  region     = "us-east-1"',
  );
  p.s(`  access_key = "${ak}"`, 'aws', ak);
  p.s(`  secret_key = "${as}"`, 'aws', as);
  p.l('}', '', 'provider "newrelic" {');
  p.l(`  account_id = ${t.digits(7)}`);
  p.s(`  api_key    = "${nrk}"`, 'newrelic', nrk);
  p.l('  region     = "US"', '}');

  const r = repo.file('infra/terraform/rds.tf', 'terraform');
  const mpw = g.gen(24);
  r.l(
    'resource "aws_rds_cluster" "orders" {',
    '  cluster_identifier = "bb-orders-prod"',
    '  engine             = "aurora-postgresql"',
    '  master_username    = "bbadmin"',
  );
  r.s(`  master_password    = "${mpw}"`, 'generic', mpw);
  r.l(
    '}',
    '',
    'resource "aws_rds_cluster" "analytics" {',
    '  cluster_identifier = "bb-analytics"',
    '  master_username    = "bbadmin"',
  );
  r.l('  master_password    = random_password.analytics.result');
  r.l('}');

  const ec = repo.file('infra/terraform/elasticache.tf', 'terraform');
  const at = g.plain(32);
  ec.l(
    'resource "aws_elasticache_replication_group" "orders" {',
    '  replication_group_id       = "bb-orders-redis"',
    '  transit_encryption_enabled = true',
  );
  ec.s(`  auth_token                 = "${at}"`, 'generic', at);
  ec.l('}');

  const sm = repo.file('infra/terraform/ssm.tf', 'terraform');
  const sq = g.squareToken();
  sm.l(
    'resource "aws_ssm_parameter" "square_token" {',
    '  name  = "/pos/square/access_token"',
    '  type  = "SecureString"',
  );
  sm.s(`  value = "${sq}"`, 'square', sq);
  sm.l(
    '}',
    '',
    'resource "aws_ssm_parameter" "toast_secret" {',
    '  name  = "/pos/toast/client_secret"',
    '  type  = "SecureString"',
  );
  sm.l('  value = var.toast_client_secret');
  sm.l('}');

  const v = repo.file('infra/terraform/variables.tf', 'terraform');
  v.l('variable "toast_client_secret" {', '  type      = string');
  v.l('  sensitive = true');
  v.l('}', '', 'variable "alert_email" {');
  v.l('  default = "oncall@basilandbrine.com"');
  v.l('}');

  const tv = repo.file('infra/terraform/envs/prod.tfvars', 'terraform');
  const ts = g.toastSecret();
  const dp = g.gen(22);
  tv.l('environment = "prod"');
  tv.s(`toast_client_secret = "${ts}"`, 'toast', ts);
  tv.s(`airflow_db_password = "${dp}"`, 'generic', dp);
  tv.l(`kms_key_arn = "arn:aws:kms:us-east-1:${t.digits(12)}:key/${t.uuid()}"`);
  tv.d('pagerduty_token = "REPLACE_ME"', 'placeholder');

  const st = repo.file('infra/terraform/terraform.tfstate', 'terraform');
  const sk = t.awsId();
  const ss = t.awsSecret();
  const rpw = g.gen(24);
  st.l('{', '  "version": 4,', '  "terraform_version": "1.9.5",', '  "serial": 311,');
  st.l(`  "lineage": "${t.uuid()}",`);
  st.l(
    '  "resources": [',
    '    {',
    '      "mode": "managed",',
    '      "type": "aws_iam_access_key",',
    '      "name": "airflow_s3",',
    '      "instances": [',
    '        {',
    '          "attributes": {',
  );
  st.s(`            "id": "${sk}",`, 'aws', sk);
  st.s(`            "secret": "${ss}",`, 'aws', ss);
  st.l(
    '            "user": "airflow-s3"',
    '          }',
    '        }',
    '      ]',
    '    },',
    '    {',
    '      "mode": "managed",',
    '      "type": "random_password",',
    '      "name": "analytics",',
    '      "instances": [',
    '        {',
    '          "attributes": {',
  );
  st.s(`            "result": "${rpw}",`, 'generic', rpw);
  st.l('            "length": 24', '          }', '        }', '      ]', '    }', '  ]', '}');

  const lk = repo.file('infra/terraform/.terraform.lock.hcl', 'terraform');
  lk.l('provider "registry.terraform.io/hashicorp/aws" {', '  version = "5.61.0"', '  hashes = [');
  lk.l(`    "h1:${g.enc(Buffer.from(t.pick(HEX, 64), 'hex'))}",`);
  lk.d(`    "zh:${t.sha256()}",`, 'provider hash');
  lk.l('  ]', '}');
}

// ---- Docker -----------------------------------------------------------------------------------

function docker(repo, t, g) {
  const c = repo.file('docker-compose.yml', 'docker');
  const pg = g.gen(20);
  const mg = g.plain(20);
  const rd = g.plain(20);
  c.l('services:', '  postgres:', '    image: postgres:16', '    environment:', '      POSTGRES_USER: ordering');
  c.s(`      POSTGRES_PASSWORD: "${pg}"`, 'generic', pg);
  c.l('  mongo:', '    image: mongo:7', '    environment:', '      MONGO_INITDB_ROOT_USERNAME: root');
  c.s(`      MONGO_INITDB_ROOT_PASSWORD: ${mg}`, 'generic', mg);
  c.l('  redis:', '    image: redis:7-alpine');
  c.s(`    command: ["redis-server", "--requirepass", "${rd}"]`, 'generic', rd);
  c.l('  dispatch:', '    build: ./services/dispatch', '    environment:');
  c.d('      - DATABASE_URL=${DISPATCH_DATABASE_URL}', 'env interpolation');
  c.l('      - HERE_API_KEY=${HERE_API_KEY:?set HERE_API_KEY}');

  const d = repo.file('services/ordering-api/Dockerfile', 'docker');
  const sp = g.sidekiqPro();
  d.l(`FROM ruby:3.3-slim@sha256:${t.sha256()}`);
  d.l('WORKDIR /app', 'COPY Gemfile Gemfile.lock ./');
  d.s(`ARG BUNDLE_GEMS__CONTRIBSYS__COM=${sp}`, 'generic', sp);
  d.l('RUN bundle install --jobs 4');
  d.d(
    'RUN --mount=type=secret,id=master_key,target=/app/config/master.key bundle exec rails assets:precompile',
    'build secret mount',
  );
  d.l('CMD ["bundle", "exec", "puma", "-C", "config/puma.rb"]');

  const d2 = repo.file('services/dispatch/Dockerfile', 'docker');
  const pip = g.plain(20);
  d2.l('FROM python:3.12-slim');
  d2.s(
    `RUN pip install --index-url https://ci:${pip}@pypi.basilandbrine.com/simple/ -r requirements.txt`,
    'generic',
    pip,
  );
  d2.l('ENV PYTHONUNBUFFERED=1 PORT=8000');
  d2.l('CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"]');
}

// ---- CI: Bitbucket Pipelines and GitHub Actions --------------------------------------------

function ci(repo, t, g) {
  const b = repo.file('bitbucket-pipelines.yml', 'ci');
  const dp = g.dockerPat();
  const dd = t.ddApi();
  const sent = g.sentryUser();
  b.l(
    'image: atlassian/default-image:4',
    'pipelines:',
    '  branches:',
    '    main:',
    '      - step:',
    '          name: build ordering-api',
    '          services: [docker]',
    '          script:',
  );
  b.s(`            - docker login -u basilbrine -p ${dp}`, 'dockerhub', dp);
  b.l(
    '            - aws ecr get-login-password --region us-east-1 | docker login --username AWS --password-stdin $ECR_REGISTRY',
  );
  b.l('            - docker build -t $ECR_REGISTRY/ordering-api:$BITBUCKET_COMMIT services/ordering-api');
  b.l('            - pipe: datadog/datadog-ci:2.4.0', '              variables:');
  b.s(`                DD_API_KEY: '${dd}'`, 'datadog', dd);
  b.l('                DD_SITE: datadoghq.com');
  b.l('      - step:', '          name: sentry release', '          script:');
  b.s(
    `            - SENTRY_AUTH_TOKEN=${sent} sentry-cli releases new -p ordering-api $BITBUCKET_COMMIT`,
    'sentry',
    sent,
  );
  b.l('            - curl -sf -H "Authorization: Bearer $SLACK_DEPLOY_TOKEN" https://deploy-notify.internal/notify');

  const m = repo.file('.github/workflows/mobile-release.yml', 'ci');
  const fb = g.firebaseCliToken();
  const mp = g.gen(22);
  m.l(
    'name: mobile-release',
    'on:',
    '  push:',
    '    tags: ["v*"]',
    'jobs:',
    '  android:',
    '    runs-on: ubuntu-latest',
    '    steps:',
  );
  m.l(`      - uses: actions/checkout@${t.sha1()} # v4.1.7`);
  m.l('      - uses: subosito/flutter-action@v2', '      - run: flutter build appbundle --release');
  m.l(`          --dart-define=STRIPE_PK=${g.stripePk()}`);
  m.l('      - name: distribute', '        env:');
  m.s(`          FIREBASE_TOKEN: ${fb}`, 'firebase', fb);
  m.l(
    '        run: firebase appdistribution:distribute build/app/outputs/bundle/release/app-release.aab --groups qa',
    '  ios:',
    '    runs-on: macos-14',
    '    steps:',
    '      - run: bundle exec fastlane beta',
    '        env:',
  );
  m.s(`          MATCH_PASSWORD: "${mp}"`, 'generic', mp);
  m.d('          APP_STORE_CONNECT_API_KEY: ${{ secrets.ASC_KEY_P8 }}', 'actions secret reference');

  const s = repo.file('.github/workflows/storefront.yml', 'ci');
  const ak = g.algoliaKey();
  const gh = t.github();
  s.l('name: storefront', 'on: [push]', 'env:');
  s.l('  NEXT_PUBLIC_ALGOLIA_APP_ID: ${{ vars.ALGOLIA_APP_ID }}');
  s.s(`  ALGOLIA_ADMIN_KEY: ${ak}`, 'algolia', ak);
  s.l(
    'jobs:',
    '  build:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v4',
    '      - run: npm ci && npm run build',
    '        working-directory: apps/storefront',
    '      - run: npm run reindex-menu',
    '        working-directory: apps/storefront',
    '      - uses: actions/github-script@v7',
    '        with:',
  );
  s.s(`          github-token: ${gh}`, 'github', gh);
  s.l('          script: github.rest.issues.createComment({ ...context.repo, issue_number: 1, body: "deployed" })');
  s.l('      - run: echo "${{ secrets.STRIPE_SECRET_KEY }}" | wc -c');
}

// ---- Ansible -------------------------------------------------------------------------------

function ansible(repo, t, g) {
  const h = repo.file('ops/ansible/inventories/stores/hosts.ini', 'ansible');
  const p1 = g.human();
  const p2 = g.human();
  h.l('[kds]', 'store-0142-kds ansible_host=10.42.1.20 ansible_user=pi');
  h.s(`store-0142-kds-2 ansible_host=10.42.1.21 ansible_user=pi ansible_password='${p1}'`, 'generic', p1);
  h.l('', '[menuboards]', 'store-0142-board-[1:3] ansible_user=pi', '', '[menuboards:vars]');
  h.s(`ansible_become_pass='${p2}'`, 'generic', p2);

  const gv = repo.file('ops/ansible/group_vars/menuboards.yml', 'ansible');
  const mt = t.alnum(32);
  gv.s(`menuboard_api_token: "${mt}"`, 'generic', mt);
  gv.l('wifi_psk: "{{ vault_wifi_psk }}"');
  gv.l('menuboard_url: https://menu.basilandbrine.com/board/{{ inventory_hostname }}');

  const v = repo.file('ops/ansible/group_vars/all/vault.yml', 'encrypted');
  v.d(['$ANSIBLE_VAULT;1.1;AES256', ...Array.from({ length: 6 }, () => t.pick(HEX, 80))], 'ansible vault ciphertext');

  const r = repo.file('ops/ansible/roles/printers/tasks/main.yml', 'ansible');
  const spw = g.gen(16);
  r.l(
    '- name: push CloudPRNT config to Star printers',
    '  ansible.builtin.uri:',
    '    url: "http://{{ printer_ip }}/cloudprnt.cgi"',
    '    method: POST',
    '    user: root',
  );
  r.s(`    password: "${spw}"`, 'generic', spw);
  r.l(
    '    force_basic_auth: true',
    '- name: print test ticket',
    '  ansible.builtin.uri:',
    '    url: "http://{{ printer_ip }}/StarWebPRNT/SendMessage"',
  );
  r.d('    password: "{{ star_admin_password }}"', 'jinja reference');
}

// ---- nginx ---------------------------------------------------------------------------------

function nginx(repo, t, g) {
  const n = repo.file('ops/nginx/sites-enabled/storefront.conf', 'nginx');
  const up = g.plain(20);
  n.l(
    'upstream ordering_api { server ordering-api.internal:3000; }',
    '',
    'server {',
    '    listen 443 ssl http2;',
    '    server_name order.basilandbrine.com;',
  );
  n.l('    ssl_certificate     /etc/letsencrypt/live/order.basilandbrine.com/fullchain.pem;');
  n.l('    ssl_certificate_key /etc/letsencrypt/live/order.basilandbrine.com/privkey.pem;');
  n.l('', '    location /legacy-menu/ {', '        proxy_pass https://menu-legacy.internal/;');
  n.s(`        proxy_set_header Authorization "Basic ${g.enc(`storefront:${up}`)}";`, 'generic', up);
  n.l('    }', '', '    location /admin/ {', '        auth_basic "Basil & Brine admin";');
  n.l('        auth_basic_user_file /etc/nginx/.htpasswd;');
  n.l('        proxy_set_header X-Api-Key $http_x_api_key;');
  n.l('        proxy_pass http://ordering_api;', '    }', '}');

  const ht = repo.file('ops/nginx/.htpasswd', 'nginx');
  ht.d(`ops:$apr1$${t.alnum(8)}$${t.mixed(ALNUM + './', 22)}`, 'apr1 hash');
  ht.d(`franchise:${g.bcrypt()}`, 'bcrypt hash');
}

// ---- crontabs and shell scripts ------------------------------------------------------------

function cronAndShell(repo, t, g) {
  const c = repo.file('ops/cron/ordering-api.crontab', 'cron');
  const fd = g.freshdesk();
  const pg = g.plain(18);
  c.l('SHELL=/bin/bash', 'MAILTO=ops@basilandbrine.com');
  c.s(
    `15 2 * * * curl -s -u ${fd}:X "https://basilbrine.freshdesk.com/api/v2/tickets?updated_since=$(date -d yesterday +\\%F)" > /var/exports/freshdesk/$(date +\\%F).json`,
    'freshdesk',
    fd,
  );
  c.s(
    `30 3 * * * PGPASSWORD='${pg}' pg_dump -h bb-orders-prod.cluster-c7qk2mhd0sxa.us-east-1.rds.amazonaws.com -U backup ordering_production | gzip > /backups/orders.sql.gz`,
    'generic',
    pg,
  );
  c.l('*/10 * * * * /opt/bb/bin/sync-menus.sh >> /var/log/sync-menus.log 2>&1');

  const r = repo.file('scripts/rotate-pos-tokens.sh', 'shell');
  const sec = g.squareSecret();
  r.l('#!/usr/bin/env bash', 'set -euo pipefail', '# refreshes every franchise Square token; run weekly');
  r.s(`SQUARE_APP_SECRET='${sec}'`, 'square', sec);
  r.l(
    'for m in $(jq -r ".merchants[].merchant_id" merchants.json); do',
    '  refresh=$(aws ssm get-parameter --with-decryption --name "/pos/square/$m/refresh" --query Parameter.Value --output text)',
  );
  r.d(
    '  curl -s https://connect.squareup.com/oauth2/token -d "client_id=$SQUARE_APP_ID" -d "client_secret=$SQUARE_APP_SECRET" -d "refresh_token=$refresh" -d grant_type=refresh_token',
    'variables',
  );
  r.l('done');

  const s = repo.file('scripts/seed-staging.sh', 'shell');
  const mg = g.plain(20);
  const ws = t.slackWebhook();
  s.l('#!/usr/bin/env bash', 'set -e');
  s.s(`mongorestore --uri "mongodb+srv://seed:${mg}@bb-staging.q3vnx.mongodb.net" --drop dump/`, 'mongodb', mg);
  s.l('psql "$STAGING_DATABASE_URL" -f db/seed.sql');
  s.s(`curl -s -X POST -d '{"text":"staging reseeded"}' ${ws}`, 'slack', ws);

  const p = repo.file('scripts/print-test-ticket.sh', 'shell');
  const spw = g.plain(16);
  p.l('#!/bin/sh', '# usage: print-test-ticket.sh STORE_ID');
  p.s(
    `curl -s -u "store-$1:${spw}" -X POST https://print.basilandbrine.com/cloudprnt/jobs -d @ticket.stm`,
    'generic',
    spw,
  );
  p.d('read -r -s -p "Printer admin password: " PRINTER_PW', 'prompt');
}

// ---- logs ------------------------------------------------------------------------------------

function logs(repo, t, g) {
  const r = repo.file('logs/ordering-api/production.log', 'logs');
  const sq = g.squareToken();
  const rpw = g.plain(20);
  const bt = g.btPrivate();
  r.l('I, [2025-11-02T18:04:11.201 #7]  INFO -- : [req-41b2] Started POST "/api/v2/orders" for 10.0.4.17');
  r.d(
    'I, [2025-11-02T18:04:11.203 #7]  INFO -- : [req-41b2] Parameters: {"order"=>{"store_id"=>"142", "items"=>[...]}, "card_nonce"=>"[FILTERED]", "password"=>"[FILTERED]"}',
    'filtered params',
  );
  r.s(
    `D, [2025-11-02T18:04:11.390 #7] DEBUG -- : [req-41b2] square request: POST https://connect.squareup.com/v2/payments headers={"Authorization"=>"Bearer ${sq}", "Square-Version"=>"2024-10-17"}`,
    'square',
    sq,
  );
  r.s(
    `I, [2025-11-02T18:04:12.002 #9]  INFO -- : Sidekiq 7.2.4 connecting to Redis with options {url: "rediss://:${rpw}@bb-orders-redis.x1k9aa.ng.0001.use1.cache.amazonaws.com:6379/0"}`,
    'database',
    rpw,
  );
  r.s(
    `E, [2025-11-02T18:05:40.118 #7] ERROR -- : Braintree::AuthenticationError with config merchant_id=${g.btMerchant()} private_key=${bt}`,
    'braintree',
    bt,
  );
  r.d(
    `I, [2025-11-02T18:05:41.000 #7]  INFO -- : [req-52aa] Square webhook accepted x-square-hmacsha256-signature=${g.enc(Buffer.from(t.pick(HEX, 64), 'hex'))}`,
    'request signature (hmac of the body, not a key)',
  );
  r.l(`I, [2025-11-02T18:05:42.000 #7]  INFO -- : [req-52aa] Completed 200 OK in 38ms order_id=${t.uuid()}`);

  const d = repo.file('logs/dispatch/uvicorn.log', 'logs');
  const hk = g.hereKey();
  const je = g.justEatKey();
  d.l('2025-11-02 18:06:01,114 INFO  uvicorn.error Application startup complete.');
  d.s(
    `2025-11-02 18:06:02,551 INFO  httpx HTTP Request: GET https://router.hereapi.com/v8/routes?transportMode=scooter&origin=40.7233,-73.9986&destination=40.7306,-73.9866&apiKey=${hk} "HTTP/1.1 200 OK"`,
    'here',
    hk,
  );
  d.s(
    `2025-11-02 18:06:03,010 DEBUG httpx request headers: {'authorization': 'JE-API-KEY ${je}', 'accept-tenant': 'uk'}`,
    'justeat',
    je,
  );
  d.l('2025-11-02 18:06:03,412 INFO  dispatch assigned courier=c_18231 order=BB-0142-88213 eta=14m');
  d.d("2025-11-02 18:06:04,001 DEBUG httpx request headers: {'authorization': '[redacted]'}", 'redacted');

  const c = repo.file('logs/courier-tracking/tracker.jsonl', 'logs');
  const mq = g.plain(20);
  c.l(`{"level":"info","ts":"2025-11-02T18:06:10Z","msg":"ping","courier":"${t.uuid()}","lat":40.7241,"lng":-73.9972}`);
  c.s(
    `{"level":"debug","ts":"2025-11-02T18:06:11Z","msg":"mqtt connect","url":"mqtts://tracker:${mq}@mqtt.basilandbrine.com:8883"}`,
    'generic',
    mq,
  );
  c.l('{"level":"warn","ts":"2025-11-02T18:06:12Z","msg":"mapbox 401","token":"pk.***"}');

  const a = repo.file('logs/nginx/access.log', 'logs');
  const k = t.alnum(32);
  a.s(
    `10.0.3.12 - - [02/Nov/2025:18:07:01 +0000] "GET /api/v1/menu?store=0142&api_key=${k} HTTP/1.1" 200 18231 "-" "MenuBoard/2.3 (Raspberry Pi)"`,
    'generic',
    k,
  );
  a.d(
    '10.0.3.13 - - [02/Nov/2025:18:07:02 +0000] "GET /api/v1/menu?store=0143&api_key=**** HTTP/1.1" 200 18231 "-" "MenuBoard/2.3 (Raspberry Pi)"',
    'masked',
  );
  a.l(
    `10.0.3.14 - - [02/Nov/2025:18:07:03 +0000] "GET /static/app.${t.pick(HEX, 20)}.js HTTP/1.1" 200 88213 "-" "Mozilla/5.0"`,
  );
}

// ---- Freshdesk / Intercom / Google Chat exports ---------------------------------------------

function support(repo, t, g) {
  const f = repo.file('exports/freshdesk/tickets-2025-10.json', 'tickets');
  const ts = g.toastSecret();
  const cpw = g.human();
  f.l(
    '[',
    '  {',
    `    "id": ${t.digits(5)},`,
    '    "subject": "Toast menu sync stopped at the Brooklyn Heights store",',
    '    "requester": "gm.brooklynheights@basilandbrine.com",',
  );
  f.s(
    `    "description_text": "Hi team, Toast support regenerated our API creds. New client secret is ${ts} - can you update the integration? Thanks, Dana",`,
    'toast',
    ts,
  );
  f.l('    "status": 4', '  },', '  {', `    "id": ${t.digits(5)},`, '    "subject": "Courier can\'t log in",');
  f.s(
    `    "description_text": "I reset the courier portal account for Marco, temp password is ${cpw} and he has to change it at first login.",`,
    'generic',
    cpw,
  );
  f.l('    "status": 5', '  },', '  {', `    "id": ${t.digits(5)},`, '    "subject": "Where is my order?",');
  f.d(
    `    "description_text": "Order BB-0142-${t.digits(5)} shows delivered but I never got it. Tracking link https://track.basilandbrine.com/o/${t.uuid()}",`,
    'order number and tracking id',
  );
  f.l('    "status": 2', '  }', ']');

  const i = repo.file('exports/intercom/conversations-2025-11.csv', 'tickets');
  const ue = g.uberSecret();
  const it = g.intercom();
  i.l('conversation_id,created_at,author,body');
  i.s(
    `${t.digits(12)},2025-11-03T10:12:00Z,ops-anna,"Uber Eats onboarding for Camden: client secret ${ue} (sandbox done, this is prod)"`,
    'uber',
    ue,
  );
  i.s(
    `${t.digits(12)},2025-11-03T10:15:00Z,dev-li,"for the export script use the Intercom token ${it}"`,
    'intercom',
    it,
  );
  i.l(`${t.digits(12)},2025-11-03T10:20:00Z,customer,"my password isn't working on the app, can you reset it?"`);
  i.l(`${t.digits(12)},2025-11-03T10:22:00Z,ops-anna,"Reset link sent. We will never ask for your password in chat."`);

  const c = repo.file('exports/google-chat/kitchen-ops-space.json', 'chat');
  const rk = g.stripeRestricted();
  const wifi = g.human();
  const hookKey = t.gcpApiKey();
  const hookTok = g.chatToken();
  const sp = `spaces/AAAA${t.mixed(URLSAFE, 7)}`;
  c.l(
    '{',
    '  "messages": [',
    '    {',
    '      "creator": { "name": "Priya (Platform)" },',
    '      "created_date": "Monday, October 6, 2025 at 9:14:02 AM UTC",',
  );
  c.s(`      "text": "restricted key for the new self-order kiosks, payments write only: ${rk}"`, 'stripe', rk);
  c.l(
    '    },',
    '    {',
    '      "creator": { "name": "Tom (Soho GM)" },',
    '      "created_date": "Monday, October 6, 2025 at 9:20:40 AM UTC",',
  );
  c.s(
    `      "text": "staff wifi for the new KDS tablets: network BB-Staff, password \\"${wifi}\\" (same as the old tablets)"`,
    'generic',
    wifi,
  );
  c.l(
    '    },',
    '    {',
    '      "creator": { "name": "Priya (Platform)" },',
    '      "created_date": "Monday, October 6, 2025 at 9:31:05 AM UTC",',
  );
  c.s(
    `      "text": "wired the fryer temp alerts to this space: https://chat.googleapis.com/v1/${sp}/messages?key=${hookKey}&token=${hookTok}"`,
    'google-chat',
    hookTok,
  );
  c.l(
    '    },',
    '    {',
    '      "creator": { "name": "Sam (Finance)" },',
    '      "created_date": "Monday, October 6, 2025 at 10:02:11 AM UTC",',
  );
  c.d(
    '      "text": "please don\'t paste keys here, the POS admin password is in 1Password under \\"Kitchen Ops / Toast\\""',
    'prose, password manager reference',
  );
  c.l('    }', '  ]', '}');
}

// ---- docs ------------------------------------------------------------------------------------

function docs(repo, t, g) {
  const r = repo.file('README.md', 'docs');
  r.l(
    '# Basil & Brine platform',
    '',
    'Ordering, dispatch, courier tracking, apps and store devices.',
    '',
    '## Local setup',
    '',
    '```sh',
  );
  r.d('export STRIPE_SECRET_KEY=sk_test_<your-test-key>', 'placeholder');
  r.l('export SQUARE_ACCESS_TOKEN=<sandbox token from the Square dashboard>');
  r.l('docker compose up -d', 'bin/setup', '```');

  const sq = repo.file('docs/integrations/square.md', 'docs');
  sq.l(
    '# Square',
    '',
    'Access tokens look like `EAAA` followed by 60 characters. Store them in SSM, never in the repo.',
    '',
    '```ruby',
  );
  sq.l("client = Square::Client.new(access_token: ENV.fetch('SQUARE_ACCESS_TOKEN'), environment: 'production')");
  sq.l('```', '', 'Webhook signature key lives at `/pos/square/webhook_signature_key`.');
  sq.d(
    'Example application id from the Square docs: `sq0idp-XXXXXXXXXXXXXXXXXXXXXX`.',
    'documented example placeholder',
  );

  const o = repo.file('docs/runbooks/pos-outage.md', 'docs');
  const ct = g.cloverToken();
  const kd = g.human();
  o.l(
    '# POS outage runbook',
    '',
    '## Clover stores (Camden, Islington)',
    '',
    'If order injection fails, test the merchant token directly:',
    '',
    '```sh',
  );
  o.s(
    `curl -H "Authorization: Bearer ${ct}" https://api.clover.com/v3/merchants/${g.cloverMid()}/orders?limit=1`,
    'clover',
    ct,
  );
  o.l('```', '', '## KDS', '');
  o.s(`KDS admin screen PIN/password (all stores): \`${kd}\``, 'generic', kd);
  o.l('Toast credentials: see 1Password "Kitchen Ops / Toast". Do not paste them into tickets.');

  const dd = repo.file('docs/integrations/doordash-drive.md', 'docs');
  dd.l(
    '# DoorDash Drive',
    '',
    'JWTs are minted per request from the access key (developer id, key id, signing secret).',
    '',
  );
  dd.d('    DOORDASH_SIGNING_SECRET=<signing secret from developer.doordash.com>', 'placeholder');
  dd.l('    DOORDASH_DEVELOPER_ID=${DOORDASH_DEVELOPER_ID}');
}

// ---- noise -----------------------------------------------------------------------------------

function noise(repo, t, g) {
  const lock = repo.file('apps/storefront/package-lock.json', 'decoys');
  lock.l('{', '  "name": "storefront",', '  "lockfileVersion": 3,', '  "packages": {');
  for (const name of ['next', 'stripe', 'algoliasearch']) {
    lock.l(
      `    "node_modules/${name}": {`,
      '      "version": "14.2.5",',
      `      "resolved": "https://registry.npmjs.org/${name}/-/${name}-14.2.5.tgz",`,
    );
    lock.d(`      "integrity": "sha512-${Buffer.from(t.pick(HEX, 128), 'hex').toString('base64')}"`, 'integrity hash');
    lock.l('    },');
  }
  lock.l('    "": {}', '  }', '}');

  const sum = repo.file('services/courier-tracking/go.sum', 'decoys');
  for (const m of ['github.com/eclipse/paho.mqtt.golang v1.4.3', 'go.mongodb.org/mongo-driver v1.16.0']) {
    sum.d(`${m} h1:${Buffer.from(t.pick(HEX, 64), 'hex').toString('base64')}`, 'go.sum hash');
  }

  const i18n = repo.file('apps/customer_app/lib/l10n/app_en.arb', 'decoys');
  i18n.l('{');
  i18n.d('  "passwordLabel": "Password",', 'i18n');
  i18n.l('  "promoCodeHint": "Enter promo code",');
  i18n.l('  "apiKeyMissing": "Something went wrong, please try again",');
  i18n.l('  "ok": "OK"', '}');

  const cs = repo.file('services/dispatch/app/constants.py', 'decoys');
  cs.l(`KITCHEN_NAMESPACE = "${t.uuid()}"`);
  cs.l(`MENU_SCHEMA_SHA256 = "${t.sha256()}"`);
  cs.l('TOKEN_HEADER = "X-Courier-Token"');
  cs.l('PASSWORD_MIN_LENGTH = 10');

  const pub = repo.file('ops/keys/webhook-signing-public.pem', 'keys');
  pub.d(
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
