// Property-management / real-estate company monorepo (HearthKey): a PHP Laravel tenant portal, a
// Ruby on Rails back office, a React Native landlord app, a Go listings-ingest service reading
// MLS / RETS / RESO feeds, Python pricing models and Jupyter notebooks, Yardi / AppFolio /
// Rent Manager / Zillow integrations, DocuSign leases, Stripe / Plaid / Dwolla rent payments,
// Twilio SMS, SendGrid, Google Maps, smart-lock and IoT gateway configs, Kubernetes, Terraform
// (AWS), Docker, GitHub Actions and CircleCI, nginx, cron and shell scripts, app logs,
// support-ticket and Slack exports, and docs.
import { ALNUM, B64, DIGIT, HEX, LOWER, UPPER, URLSAFE, Repo, makeTokens, mulberry32 } from './generate.mjs';

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 6151 + 733);
  const t = makeTokens(rand);
  const repo = new Repo();
  const g = gens(t);
  tenantPortal(repo, t, g);
  backOffice(repo, t, g);
  landlordApp(repo, t, g);
  listingsIngest(repo, t, g);
  pricing(repo, t, g);
  integrations(repo, t, g);
  payments(repo, t, g);
  notify(repo, t, g);
  iot(repo, t, g);
  kubernetes(repo, t, g);
  terraform(repo, t, g);
  docker(repo, t, g);
  ci(repo, t, g);
  nginx(repo, t, g);
  cron(repo, t, g);
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
  const bytes = (n) => Buffer.from(t.pick(HEX, n * 2), 'hex');
  const WORDS = ['Hearth', 'Gable', 'Dormer', 'Lintel', 'Cornice', 'Veranda', 'Duplex', 'Parcel', 'Escrow', 'Keystone'];
  const word = () => WORDS[Number(t.pick(DIGIT, 1))];
  // What property managers pick for shared logins.
  const human = () => {
    const sym = t.pick('!#@*.', 1);
    switch (t.pick('0123', 1)) {
      case '0':
        return `${word()}20${t.pick('12', 1)}${t.pick(DIGIT, 1)}${sym}`;
      case '1':
        return `${word()}${sym}${t.pick(DIGIT, 3)}${word().toLowerCase()}`;
      case '2':
        return `Rent${word()}${t.pick(DIGIT, 2)}${sym}`;
      default:
        return `${word().toLowerCase()}-${word()}-${t.pick(DIGIT, 4)}`;
    }
  };
  // Password-manager output, safe inside URLs' neighbours, quoted YAML and env files.
  const gen = (n = 20) => `${t.pick(UPPER + LOWER, 1)}${t.mixed(ALNUM + '!#*-_?@^+', n - 1)}`;
  const plain = (n = 18) => t.alnum(n);
  const mapbox = (kind) =>
    `${kind}.${b64url(JSON.stringify({ u: 'hearthkey', a: `cl${t.lower(23)}` }))}.${t.mixed(URLSAFE, 22)}`;
  const rsJwt = (payload) =>
    [b64url(JSON.stringify({ typ: 'JWT', alg: 'RS256' })), b64url(JSON.stringify(payload)), t.mixed(URLSAFE, 342)].join(
      '.',
    );
  const pemLines = (label, buf) => [
    `-----BEGIN ${label}-----`,
    ...buf.toString('base64').match(/.{1,64}/g),
    `-----END ${label}-----`,
  ];
  return {
    b64,
    enc,
    b64url,
    human,
    gen,
    plain,
    pw: () => t.password(),
    stripeRk: () => `rk_live_${t.alnum(24)}`,
    stripeRkLong: () => `rk_live_51${t.mixed(ALNUM, 97)}`,
    whsec: () => `whsec_${t.alnum(32)}`,
    pkLive: () => `pk_live_51${t.mixed(ALNUM, 97)}`,
    plaidClientId: () => t.hex(24),
    plaidSecret: () => t.hex(30),
    plaidAccess: () => `access-production-${t.uuid()}`,
    plaidPublicSandbox: () => `public-sandbox-${t.uuid()}`,
    dwollaKey: () => t.alnum(50),
    dwollaSecret: () => t.alnum(50),
    dwollaToken: () => t.alnum(50),
    twilioKeySid: () => `SK${t.hex(32)}`,
    twilioKeySecret: () => t.alnum(32),
    mapboxSecret: () => mapbox('sk'),
    mapboxPublic: () => mapbox('pk'),
    zwsid: () => `X1-ZWz1${t.lower(10)}_${t.lower(5)}`,
    bridgeToken: () => t.hex(32),
    mlsGrid: () => t.hex(40),
    attom: () => t.hex(32),
    checkr: () => t.hex(40),
    algoliaKey: () => t.hex(32),
    algoliaApp: () => t.mixed(UPPER + DIGIT, 10),
    gOauthSecret: () => `GOCSPX-${t.mixed(URLSAFE, 28)}`,
    gOauthClientId: () => `${t.digits(12)}-${t.lower(32)}.apps.googleusercontent.com`,
    laravelKey: () => `base64:${bytes(32).toString('base64')}`,
    railsMasterKey: () => t.hex(32),
    secretKeyBase: () => t.hex(128),
    pusherSecret: () => t.hex(20),
    pusherKey: () => t.hex(20),
    fcmKey: () => `AAAA${t.mixed(URLSAFE, 7)}:APA91b${t.mixed(URLSAFE, 134)}`,
    sentryUser: () => `sntryu_${t.hex(64)}`,
    sentryDsn: () => `https://${t.hex(32)}@o${t.digits(6)}.ingest.us.sentry.io/${t.digits(7)}`,
    circlePat: () => `CCIPAT_${t.mixed(ALNUM, 22)}_${t.hex(40)}`,
    expo: () => t.mixed(URLSAFE, 40),
    hubspot: () => `pat-na1-${t.uuid()}`,
    intercom: () => enc(`tok:${t.uuid().replace(/-/g, '_')}:1:0`),
    appleAppPw: () => `${t.pick(LOWER, 4)}-${t.pick(LOWER, 4)}-${t.pick(LOWER, 4)}-${t.pick(LOWER, 4)}`,
    sidekiq: () => `${t.hex(8)}:${t.hex(8)}`,
    gemfury: () => t.mixed(ALNUM + '-_', 20),
    wandb: () => t.hex(40),
    ghFine: () => `github_pat_11${t.mixed(UPPER + DIGIT, 20)}_${t.mixed(ALNUM, 59)}`,
    dsSecret: () => t.uuid(),
    dsHmac: () => `${b64(43)}=`,
    recaptcha: () => `6L${t.mixed(URLSAFE, 38)}`,
    novaLicense: () => t.alnum(40),
    zwaveKey: () => t.pick('0123456789ABCDEF', 32),
    lockApi: () => t.mixed(URLSAFE, 40),
    rmToken: () => t.alnum(48),
    yardiLicense: () => b64(344),
    passportJwt: () =>
      rsJwt({
        aud: '3',
        jti: t.hex(80),
        iat: 1748736000,
        nbf: 1748736000,
        exp: 2064355200,
        sub: t.digits(5),
        scopes: ['*'],
      }),
    staffJwt: () =>
      rsJwt({
        iss: 'https://api.hearthkey.com',
        sub: t.uuid(),
        role: 'landlord_admin',
        iat: 1748736000,
        exp: 2064355200,
      }),
    ecP8: () =>
      pemLines(
        'PRIVATE KEY',
        Buffer.concat([
          Buffer.from('308193020100301306072a8648ce3d020106082a8648ce3d030107047930770201010420', 'hex'),
          bytes(32),
          Buffer.from('a00a06082a8648ce3d030107a14403420004', 'hex'),
          bytes(64),
        ]),
      ),
    cert: () => [
      '-----BEGIN CERTIFICATE-----',
      `MIIDWTCCAkGgAwIBAgIU${t.mixed(B64, 44)}`,
      ...Array.from({ length: 6 }, () => t.mixed(B64, 64)),
      `${t.mixed(B64, 40)}==`,
      '-----END CERTIFICATE-----',
    ],
    pubPem: () => [
      '-----BEGIN PUBLIC KEY-----',
      `MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA${t.mixed(B64, 20)}`,
      ...Array.from({ length: 4 }, () => t.mixed(B64, 64)),
      `${t.mixed(B64, 56)}IDAQAB`,
      '-----END PUBLIC KEY-----',
    ],
    bcrypt: () => `$2y$10$${t.mixed(ALNUM + './', 53)}`,
  };
}

// A line kept in the file but not labelled either way.
function un(f, text) {
  f.l(...(Array.isArray(text) ? text : [text]));
}

// ---- Laravel tenant portal (PHP) -----------------------------------------------------------

function tenantPortal(repo, t, g) {
  const e = repo.file('apps/tenant-portal/.env.production', 'env');
  const appKey = g.laravelKey();
  const db = g.gen(22);
  const redis = g.plain(24);
  const sgMail = t.sendgrid();
  const stripe = t.stripeLiveLong();
  const wh = g.whsec();
  const plaid = g.plaidSecret();
  const pusher = g.pusherSecret();
  const tw = t.twilioToken();
  const maps = t.gcpApiKey();
  const ak = t.awsId();
  const as = t.awsSecret();
  const gsec = g.gOauthSecret();
  e.l('APP_NAME="HearthKey Resident Portal"', 'APP_ENV=production');
  e.s(`APP_KEY=${appKey}`, 'generic', appKey);
  e.l('APP_DEBUG=false', 'APP_URL=https://residents.hearthkey.com', '', 'DB_CONNECTION=mysql');
  e.l('DB_HOST=portal-prod.cluster-c8x1k2.us-east-2.rds.amazonaws.com', 'DB_PORT=3306', 'DB_DATABASE=portal');
  e.l('DB_USERNAME=portal_app');
  e.s(`DB_PASSWORD="${db}"`, 'generic', db);
  e.l('', 'REDIS_HOST=portal-cache.hk7x2a.ng.0001.use2.cache.amazonaws.com');
  e.s(`REDIS_PASSWORD=${redis}`, 'generic', redis);
  e.l('', 'MAIL_MAILER=smtp', 'MAIL_HOST=smtp.sendgrid.net', 'MAIL_PORT=587', 'MAIL_USERNAME=apikey');
  e.s(`MAIL_PASSWORD=${sgMail}`, 'sendgrid', sgMail);
  e.l('MAIL_FROM_ADDRESS=no-reply@hearthkey.com', '');
  e.d(`STRIPE_KEY=${g.pkLive()}`, 'stripe publishable key (public by design)');
  e.s(`STRIPE_SECRET=${stripe}`, 'stripe', stripe);
  e.s(`STRIPE_WEBHOOK_SECRET=${wh}`, 'stripe', wh);
  e.l('', 'PLAID_ENV=production');
  un(e, `PLAID_CLIENT_ID=${g.plaidClientId()}`, 'plaid client id (identifier)');
  e.s(`PLAID_SECRET=${plaid}`, 'plaid', plaid);
  e.l('', 'BROADCAST_DRIVER=pusher', `PUSHER_APP_ID=${t.digits(7)}`, `PUSHER_APP_KEY=${g.pusherKey()}`);
  e.s(`PUSHER_APP_SECRET=${pusher}`, 'pusher', pusher);
  e.l('PUSHER_APP_CLUSTER=us2', '');
  un(e, `TWILIO_SID=${t.twilioSid()}`, 'twilio account sid (identifier)');
  e.s(`TWILIO_AUTH_TOKEN=${tw}`, 'twilio', tw);
  e.l('TWILIO_FROM=+15125550143', '');
  e.s(`GOOGLE_MAPS_SERVER_KEY=${maps}`, 'gcp', maps);
  un(e, `GOOGLE_CLIENT_ID=${g.gOauthClientId()}`, 'oauth client id (public)');
  e.s(`GOOGLE_CLIENT_SECRET=${gsec}`, 'gcp', gsec);
  e.l('', 'AWS_DEFAULT_REGION=us-east-2', 'AWS_BUCKET=hearthkey-portal-uploads');
  e.s(`AWS_ACCESS_KEY_ID=${ak}`, 'aws', ak);
  e.s(`AWS_SECRET_ACCESS_KEY=${as}`, 'aws', as);
  e.d(`SENTRY_LARAVEL_DSN=${g.sentryDsn()}`, 'sentry dsn (write-only ingest id)');

  const ex = repo.file('apps/tenant-portal/.env.example', 'env');
  ex.l('APP_NAME="HearthKey Resident Portal"', 'APP_ENV=local');
  un(ex, 'APP_KEY=', 'empty');
  ex.d('DB_PASSWORD=secret', 'laravel sail default placeholder');
  ex.d('STRIPE_SECRET=sk_test_xxxxxxxxxxxxxxxxxxxxxxxx', 'placeholder');
  un(ex, 'PLAID_SECRET=<your-plaid-sandbox-secret>', 'placeholder');
  ex.d('TWILIO_AUTH_TOKEN=${TWILIO_AUTH_TOKEN}', 'variable');
  ex.l('MAIL_MAILER=log');

  const sv = repo.file('apps/tenant-portal/config/services.php', 'php');
  const dwSec = g.dwollaSecret();
  const dsSec = g.dsSecret();
  const rcp = g.recaptcha();
  sv.l('<?php', '', 'return [', "    'stripe' => [");
  un(sv, "        'key' => env('STRIPE_KEY'),", 'env read');
  un(sv, "        'secret' => env('STRIPE_SECRET'),", 'env read');
  sv.l('    ],', "    'dwolla' => [", "        'env' => env('DWOLLA_ENV', 'production'),");
  sv.l(`        'key' => env('DWOLLA_KEY', '${g.dwollaKey()}'),`);
  sv.s(`        'secret' => env('DWOLLA_SECRET', '${dwSec}'),`, 'dwolla', dwSec);
  sv.l('    ],', "    'docusign' => [");
  sv.d(`        'integration_key' => '${t.uuid()}',`, 'docusign integration key (client id)');
  un(sv, `        'account_id' => '${t.uuid()}',`, 'docusign account guid');
  sv.s(`        'secret_key' => env('DOCUSIGN_SECRET', '${dsSec}'),`, 'docusign', dsSec);
  sv.l("        'base_uri' => 'https://na4.docusign.net/restapi',", '    ],', "    'recaptcha' => [");
  sv.d(`        'site_key' => '${g.recaptcha()}',`, 'recaptcha site key (public)');
  sv.s(`        'secret' => '${rcp}',`, 'recaptcha', rcp);
  sv.l('    ],', '];');

  const dbc = repo.file('apps/tenant-portal/config/database.php', 'php');
  const dbFb = g.gen(18);
  dbc.l('<?php', '', 'return [', "    'connections' => [", "        'mysql' => [", "            'driver' => 'mysql',");
  dbc.l(
    "            'host' => env('DB_HOST', '127.0.0.1'),",
    "            'username' => env('DB_USERNAME', 'portal_app'),",
  );
  dbc.s(`            'password' => env('DB_PASSWORD', '${dbFb}'),`, 'generic', dbFb);
  dbc.l('        ],', "        'yardi_replica' => [", "            'driver' => 'sqlsrv',");
  un(dbc, "            'password' => env('YARDI_REPLICA_PASSWORD', ''),", 'env read, empty default');
  dbc.l('        ],', '    ],', '];');

  const pl = repo.file('apps/tenant-portal/app/Services/Payments/PlaidLinkService.php', 'php');
  const plAcc = g.plaidAccess();
  const plSec = g.plaidSecret();
  pl.l(
    '<?php',
    '',
    'namespace App\\Services\\Payments;',
    '',
    'use Illuminate\\Support\\Facades\\Http;',
    '',
    'class PlaidLinkService',
    '{',
  );
  un(pl, `    private const CLIENT_ID = '${g.plaidClientId()}';`, 'plaid client id (identifier)');
  pl.s(`    private const SECRET = '${plSec}';`, 'plaid', plSec);
  pl.l('    // HK-2214 operating account for Maple Court LLC, used by the nightly balance check');
  pl.s(`    private const OPERATING_ACCESS_TOKEN = '${plAcc}';`, 'plaid', plAcc);
  pl.l(
    '',
    '    public function balance(string $accessToken): array',
    '    {',
    "        return Http::post('https://production.plaid.com/accounts/balance/get', [",
    "            'client_id' => self::CLIENT_ID,",
    "            'secret' => self::SECRET,",
    "            'access_token' => $accessToken,",
    '        ])->json();',
    '    }',
    '}',
  );

  const rm = repo.file('apps/tenant-portal/app/Services/RentManager/RentManagerClient.php', 'php');
  const rmPw = g.human();
  rm.l(
    '<?php',
    '',
    'namespace App\\Services\\RentManager;',
    '',
    'use GuzzleHttp\\Client;',
    '',
    'class RentManagerClient',
    '{',
    '    public function authorize(): string',
    '    {',
    "        $http = new Client(['base_uri' => 'https://hearthkey.api.rentmanager.com/']);",
    "        $res = $http->post('Authentication/AuthorizeUser', ['json' => [",
    "            'Username' => 'hk_portal_api',",
  );
  rm.s(`            'Password' => '${rmPw}',`, 'generic', rmPw);
  rm.l(
    "            'LocationID' => 1,",
    '        ]]);',
    "        return trim((string) $res->getBody(), '\"');",
    '    }',
  );
  un(rm, "    private function token(): string { return config('services.rentmanager.token'); }", 'config lookup');
  rm.l('}');

  const sd = repo.file('apps/tenant-portal/database/seeders/AdminUserSeeder.php', 'php');
  const seedPw = g.human();
  sd.l(
    '<?php',
    '',
    'namespace Database\\Seeders;',
    '',
    'use App\\Models\\User;',
    'use Illuminate\\Support\\Facades\\Hash;',
    '',
    'class AdminUserSeeder extends \\Illuminate\\Database\\Seeder',
    '{',
    '    public function run(): void',
    '    {',
    "        User::updateOrCreate(['email' => 'it@hearthkey.com'], [",
  );
  sd.s(`            'password' => Hash::make('${seedPw}'),`, 'generic', seedPw);
  sd.l("            'role' => 'super_admin',", '        ]);');
  sd.d(`        // legacy hash imported from v1: ${g.bcrypt()}`, 'bcrypt hash');
  sd.l('    }', '}');

  const au = repo.file('apps/tenant-portal/auth.json', 'credstore');
  const nova = g.novaLicense();
  const gho = t.github('gho_');
  au.l('{', '    "http-basic": {', '        "nova.laravel.com": {', '            "username": "it@hearthkey.com",');
  au.s(`            "password": "${nova}"`, 'generic', nova);
  au.l('        }', '    },', '    "github-oauth": {');
  au.s(`        "github.com": "${gho}"`, 'github', gho);
  au.l('    }', '}');

  const pk = repo.file('apps/tenant-portal/storage/oauth-private.key', 'keys');
  const rsa = t.rsaPem();
  pk.s(rsa, 'private-key', rsa.join('\n'));
  const pub = repo.file('apps/tenant-portal/storage/oauth-public.key', 'keys');
  pub.d(g.pubPem(), 'public key');

  const pu = repo.file('apps/tenant-portal/phpunit.xml', 'php');
  pu.l('<?xml version="1.0" encoding="UTF-8"?>', '<phpunit bootstrap="vendor/autoload.php" colors="true">', '  <php>');
  pu.l('    <env name="APP_ENV" value="testing"/>');
  pu.d('    <env name="STRIPE_SECRET" value="sk_test_FAKE_KEY_FOR_UNIT_TESTS"/>', 'marked fake');
  un(pu, '    <env name="PLAID_SECRET" value="plaid-test-secret"/>', 'test fixture');
  un(pu, '    <env name="DB_PASSWORD" value=""/>', 'empty');
  pu.l('  </php>', '</phpunit>');

  const mw = repo.file('apps/tenant-portal/app/Http/Middleware/VerifyYardiWebhook.php', 'php');
  const yh = g.plain(32);
  mw.l('<?php', '', 'namespace App\\Http\\Middleware;', '', 'class VerifyYardiWebhook', '{');
  mw.s(`    private string $sharedSecret = '${yh}';`, 'generic', yh);
  mw.l(
    '',
    '    public function handle($request, \\Closure $next)',
    '    {',
    "        $sig = hash_hmac('sha256', $request->getContent(), $this->sharedSecret);",
  );
  un(mw, "        abort_unless(hash_equals($sig, $request->header('X-Yardi-Signature', '')), 401);", 'comparison');
  mw.l('        return $next($request);', '    }', '}');
}

// ---- Rails back office (Ruby) --------------------------------------------------------------

function backOffice(repo, t, g) {
  const mk = repo.file('apps/backoffice/config/master.key', 'ruby');
  const master = g.railsMasterKey();
  mk.s(master, 'generic', master);

  const ce = repo.file('apps/backoffice/config/credentials.yml.enc', 'encrypted');
  ce.d(`${g.b64(620)}--${g.b64(16)}--${g.b64(22)}==`, 'rails encrypted credentials (ciphertext)');

  const db = repo.file('apps/backoffice/config/database.yml', 'ruby');
  const dbPw = g.gen(20);
  db.l(
    'default: &default',
    '  adapter: postgresql',
    '  encoding: unicode',
    '  pool: <%= ENV.fetch("RAILS_MAX_THREADS") { 5 } %>',
  );
  db.l('', 'development:', '  <<: *default', '  database: backoffice_development');
  db.d('  password: <%= ENV["BACKOFFICE_DB_PASSWORD"] %>', 'erb env');
  db.l('', 'production:', '  <<: *default', '  database: backoffice', '  username: backoffice');
  db.s(`  password: "${dbPw}"`, 'generic', dbPw);
  db.l('  host: backoffice-prod.cluster-c8x1k2.us-east-2.rds.amazonaws.com');

  const sec = repo.file('apps/backoffice/config/secrets.yml', 'ruby');
  const skb = g.secretKeyBase();
  sec.l('# legacy, still read by the Rails 5 engine in lib/owner_statements');
  sec.l('development:');
  un(sec, '  secret_key_base: <%= ENV["SECRET_KEY_BASE"] %>', 'erb env');
  sec.l('production:');
  sec.s(`  secret_key_base: ${skb}`, 'generic', skb);

  const st = repo.file('apps/backoffice/config/initializers/stripe.rb', 'ruby');
  const rk = g.stripeRk();
  st.s(`Stripe.api_key = '${rk}' # restricted key: charges + payouts read`, 'stripe', rk);
  un(st, "Stripe.api_key = ENV.fetch('STRIPE_SECRET_KEY') if ENV.key?('STRIPE_SECRET_KEY')", 'env read');
  st.d(`STRIPE_CONNECT_CLIENT_ID = 'ca_${t.alnum(32)}'`, 'stripe connect client id (public)');

  const yd = repo.file('apps/backoffice/config/initializers/yardi.rb', 'ruby');
  const ydPw = g.human();
  const ydLic = g.yardiLicense();
  yd.l(
    'Yardi.configure do |c|',
    "  c.endpoint    = 'https://www.yardiasp14.com/21253hearthkey/webservices/itfresidentdata.asmx'",
  );
  yd.l("  c.username    = 'hkinterface'");
  yd.s(`  c.password    = '${ydPw}'`, 'generic', ydPw);
  yd.l("  c.server_name = 'afqoml_itf70'", "  c.database    = 'afqoml_itf70'", "  c.platform    = 'SQL Server'");
  un(yd, "  c.interface_entity = 'HearthKey Resident Portal'", 'interface entity name');
  yd.s(`  c.license     = '${ydLic}'`, 'generic', ydLic);
  yd.l('end');

  const af = repo.file('apps/backoffice/app/services/appfolio/report_client.rb', 'ruby');
  const afSec = t.hex(32);
  af.l(
    'module Appfolio',
    '  class ReportClient',
    '    include HTTParty',
    "    base_uri 'https://hearthkey.appfolio.com/api/v2/reports'",
    '',
    '    def initialize',
  );
  af.s(`      @auth = { username: '${t.hex(32)}', password: '${afSec}' }`, 'generic', afSec);
  af.l(
    '    end',
    '',
    '    def rent_roll(property_ids)',
    "      self.class.post('/rent_roll.json', basic_auth: @auth, body: { properties: { properties_ids: property_ids } }.to_json)",
    '    end',
    '  end',
    'end',
  );

  const ck = repo.file('apps/backoffice/app/services/screening/checkr_client.rb', 'ruby');
  const ckKey = g.checkr();
  ck.l("require 'checkr'", '');
  ck.s(`Checkr.api_key = '${ckKey}'`, 'checkr', ckKey);
  un(
    ck,
    'Checkr.api_key = Rails.application.credentials.dig(:checkr, :api_key) if Rails.env.production?',
    'credentials lookup',
  );

  const sms = repo.file('apps/backoffice/app/jobs/rent_reminder_job.rb', 'ruby');
  const twTok = t.twilioToken();
  sms.l('class RentReminderJob < ApplicationJob', '  queue_as :sms', '', '  def client');
  sms.s(`    @client ||= Twilio::REST::Client.new('${t.twilioSid()}', '${twTok}')`, 'twilio', twTok);
  sms.l(
    '  end',
    '',
    '  def perform(lease_id)',
    '    lease = Lease.find(lease_id)',
    "    client.messages.create(from: '+15125550143', to: lease.tenant.phone, body: I18n.t('sms.rent_due', amount: lease.balance))",
    '  end',
    'end',
  );

  const gf = repo.file('apps/backoffice/Gemfile', 'ruby');
  const sq = g.sidekiq();
  gf.l("source 'https://rubygems.org'", "ruby '3.3.4'", '', "gem 'rails', '~> 7.2.1'", "gem 'pg', '~> 1.5'");
  gf.s(`source 'https://${sq}@gems.contribsys.com/' do`, 'generic', sq);
  gf.l("  gem 'sidekiq-pro'", 'end', "gem 'docusign_esign', '~> 3.29'", "gem 'twilio-ruby', '~> 7.2'");

  const bc = repo.file('apps/backoffice/.bundle/config', 'credstore');
  const bcSq = g.sidekiq();
  const bcGh = t.github();
  bc.l('---', 'BUNDLE_PATH: "vendor/bundle"');
  bc.s(`BUNDLE_GEMS__CONTRIBSYS__COM: "${bcSq}"`, 'generic', bcSq);
  bc.s(`BUNDLE_RUBYGEMS__PKG__GITHUB__COM: "hearthkey-bot:${bcGh}"`, 'github', bcGh);

  const sto = repo.file('apps/backoffice/config/storage.yml', 'ruby');
  const sak = t.awsId();
  const sas = t.awsSecret();
  sto.l('local:', '  service: Disk', '  root: <%= Rails.root.join("storage") %>', '', 'amazon:', '  service: S3');
  sto.s(`  access_key_id: ${sak}`, 'aws', sak);
  sto.s(`  secret_access_key: ${sas}`, 'aws', sas);
  sto.l('  region: us-east-2', '  bucket: hearthkey-lease-documents', '', 'amazon_archive:', '  service: S3');
  sto.d('  access_key_id: <%= Rails.application.credentials.dig(:aws, :access_key_id) %>', 'credentials lookup');
  un(
    sto,
    '  secret_access_key: <%= Rails.application.credentials.dig(:aws, :secret_access_key) %>',
    'credentials lookup',
  );

  const seeds = repo.file('apps/backoffice/db/seeds.rb', 'ruby');
  const sPw = g.human();
  seeds.l("Company.find_or_create_by!(name: 'HearthKey Property Management')");
  seeds.s(
    `AdminUser.find_or_create_by!(email: 'ops@hearthkey.com') { |u| u.password = '${sPw}'; u.password_confirmation = '${sPw}' }`,
    'generic',
    sPw,
  );
  un(
    seeds,
    "AdminUser.find_or_create_by!(email: 'demo@example.com') { |u| u.password = 'password' }",
    'demo placeholder',
  );

  const vcr = repo.file('apps/backoffice/spec/fixtures/vcr_cassettes/zillow_bridge_listings.yml', 'ruby');
  const vcrTok = g.bridgeToken();
  vcr.l('---', 'http_interactions:', '- request:', '    method: get');
  vcr.s(
    `    uri: https://api.bridgedataoutput.com/api/v2/OData/hkmls/Property?access_token=${vcrTok}&$top=10`,
    'generic',
    vcrTok,
  );
  vcr.l('    headers:', '      Accept:', '      - application/json', '      Authorization:');
  vcr.d('      - Bearer <BRIDGE_SERVER_TOKEN>', 'vcr filtered placeholder');
  vcr.l('  response:', '    status:', '      code: 200');

  const ds = repo.file('apps/backoffice/app/services/leases/docusign_sender.rb', 'ruby');
  const dsKey = t.rsaPem();
  ds.l('module Leases', '  class DocusignSender');
  un(ds, `    INTEGRATION_KEY = '${t.uuid()}'.freeze`, 'docusign integration key (client id)');
  un(ds, `    IMPERSONATED_USER = '${t.uuid()}'.freeze`, 'docusign user guid');
  ds.s(['    PRIVATE_KEY = <<~PEM', ...dsKey.map((l) => `      ${l}`), '    PEM'], 'private-key', dsKey.join('\n'));
  ds.l(
    '',
    '    def api_client',
    "      c = DocuSign_eSign::ApiClient.new(DocuSign_eSign::Configuration.new.tap { |x| x.host = 'https://na4.docusign.net/restapi' })",
    '      c.request_jwt_user_token(INTEGRATION_KEY, IMPERSONATED_USER, PRIVATE_KEY, 3600, %w[signature impersonation])',
    '      c',
    '    end',
    '  end',
    'end',
  );
}

// ---- React Native landlord app --------------------------------------------------------------

function landlordApp(repo, t, g) {
  const en = repo.file('apps/landlord-app/src/config/env.ts', 'js');
  const mbSec = g.mapboxSecret();
  const algAdmin = g.algoliaKey();
  const staff = g.staffJwt();
  const inter = g.intercom();
  en.l("export const API_BASE_URL = 'https://api.hearthkey.com/v3';");
  en.d(`export const MAPBOX_PUBLIC_TOKEN = '${g.mapboxPublic()}';`, 'mapbox public token (pk., public by design)');
  en.l('// used by scripts/fetch-offline-tiles.ts to pull vector tiles for offline showings');
  en.s(`export const MAPBOX_DOWNLOAD_TOKEN = '${mbSec}';`, 'mapbox', mbSec);
  un(en, `export const ALGOLIA_APP_ID = '${g.algoliaApp()}';`, 'algolia application id');
  en.d(
    `export const ALGOLIA_SEARCH_KEY = '${g.algoliaKey()}'; // search-only, listings index`,
    'algolia search-only key (public by design)',
  );
  en.s(`export const ALGOLIA_ADMIN_KEY = '${algAdmin}';`, 'algolia', algAdmin);
  un(en, `export const SENTRY_DSN = '${g.sentryDsn()}';`, 'sentry dsn (public in client apps)');
  en.l('// TODO(LA-311) remove before 3.4 ships: lets QA skip login on staging');
  en.s(`export const STAGING_ADMIN_JWT = '${staff}';`, 'generic', staff);
  en.s(`export const INTERCOM_ACCESS_TOKEN = '${inter}';`, 'intercom', inter);
  un(en, `export const EXPO_PROJECT_ID = '${t.uuid()}';`, 'expo project id');

  const gp = repo.file('apps/landlord-app/android/gradle.properties', 'mobile');
  const store = g.plain(16);
  const key = g.plain(16);
  const mb2 = g.mapboxSecret();
  gp.l('org.gradle.jvmargs=-Xmx4096m -XX:MaxMetaspaceSize=1024m', 'android.useAndroidX=true', 'hermesEnabled=true');
  gp.l('HEARTHKEY_UPLOAD_STORE_FILE=hearthkey-upload.keystore', 'HEARTHKEY_UPLOAD_KEY_ALIAS=hearthkey-upload');
  gp.s(`HEARTHKEY_UPLOAD_STORE_PASSWORD=${store}`, 'generic', store);
  gp.s(`HEARTHKEY_UPLOAD_KEY_PASSWORD=${key}`, 'generic', key);
  gp.s(`MAPBOX_DOWNLOADS_TOKEN=${mb2}`, 'mapbox', mb2);

  const ff = repo.file('apps/landlord-app/ios/fastlane/Fastfile', 'mobile');
  const match = g.human();
  const appPw = g.appleAppPw();
  ff.l('default_platform(:ios)', '', 'platform :ios do', '  lane :beta do');
  ff.s(`    ENV['MATCH_PASSWORD'] = '${match}'`, 'generic', match);
  ff.s(`    ENV['FASTLANE_APPLE_APPLICATION_SPECIFIC_PASSWORD'] = '${appPw}'`, 'generic', appPw);
  ff.l('    match(type: "appstore", readonly: true)', '    build_app(scheme: "HearthKeyLandlord")');
  ff.l('    app_store_connect_api_key(');
  un(ff, `      key_id: "${t.mixed(UPPER + DIGIT, 10)}",`, 'app store connect key id');
  un(ff, `      issuer_id: "${t.uuid()}",`, 'app store connect issuer id');
  un(ff, '      key_filepath: "./fastlane/AuthKey.p8"', 'file path');
  ff.l('    )', '    upload_to_testflight(skip_waiting_for_build_processing: true)', '  end', 'end');

  const p8 = repo.file('apps/landlord-app/ios/fastlane/AuthKey.p8', 'keys');
  const ec = g.ecP8();
  p8.s(ec, 'private-key', ec.join('\n'));

  const eas = repo.file('apps/landlord-app/eas.json', 'mobile');
  const sntry = g.sentryUser();
  eas.l('{', '  "cli": { "version": ">= 12.0.0" },', '  "build": {', '    "production": {', '      "env": {');
  eas.l('        "APP_VARIANT": "production",');
  eas.s(`        "SENTRY_AUTH_TOKEN": "${sntry}"`, 'sentry', sntry);
  eas.l('      }', '    },', '    "preview": {', '      "env": {');
  un(eas, '        "SENTRY_AUTH_TOKEN": "$SENTRY_AUTH_TOKEN"', 'variable');
  eas.l('      }', '    }', '  }', '}');

  const nr = repo.file('apps/landlord-app/.npmrc', 'credstore');
  const npm = t.npm();
  const ghp = t.github();
  nr.l('@hearthkey:registry=https://npm.pkg.github.com/');
  nr.s(`//npm.pkg.github.com/:_authToken=${ghp}`, 'github', ghp);
  nr.s(`//registry.npmjs.org/:_authToken=${npm}`, 'npm', npm);

  const fcm = repo.file('apps/landlord-app/scripts/send-test-push.js', 'js');
  const fk = g.fcmKey();
  fcm.l("const fetch = require('node-fetch');", '');
  fcm.s(`const FCM_SERVER_KEY = '${fk}';`, 'gcp', fk);
  fcm.l(
    '',
    'fetch("https://fcm.googleapis.com/fcm/send", {',
    '  method: "POST",',
    '  headers: { Authorization: `key=${FCM_SERVER_KEY}`, "Content-Type": "application/json" },',
    '  body: JSON.stringify({ to: process.argv[2], notification: { title: "Maintenance update" } }),',
    '});',
  );

  const fx = repo.file('apps/landlord-app/__tests__/fixtures/session.ts', 'decoys');
  fx.l('// Fake session used by jest; none of these values are valid anywhere.');
  un(fx, "export const FAKE_ACCESS_TOKEN = 'test-access-token';", 'test fixture');
  un(
    fx,
    "export const FAKE_PLAID_PUBLIC_TOKEN = 'public-sandbox-00000000-0000-0000-0000-000000000000';",
    'zero uuid fixture',
  );
  fx.d("export const FAKE_PASSWORD = 'hunter2-not-real';", 'marked fake');
}

// ---- Go listings-ingest (MLS / RETS / RESO) --------------------------------------------------

function listingsIngest(repo, t, g) {
  const c = repo.file('services/listings-ingest/config/config.prod.yaml', 'go');
  const retsPw = g.gen(16);
  const uaPw = g.plain(12);
  const bridge = g.bridgeToken();
  const trestle = t.hex(32);
  const grid = g.mlsGrid();
  const zws = g.zwsid();
  c.l('feeds:', '  - name: hkmls-rets', '    kind: rets');
  c.l('    login_url: https://rets.hkmls.com/contact/rets/login', '    username: HKINGEST01');
  c.s(`    password: "${retsPw}"`, 'generic', retsPw);
  c.l('    user_agent: HearthKeyIngest/2.4');
  c.s(`    user_agent_password: "${uaPw}"`, 'generic', uaPw);
  c.l('    rets_version: RETS/1.7.2', '  - name: bridge-hkmls', '    kind: reso-webapi');
  c.l('    base_url: https://api.bridgedataoutput.com/api/v2/OData/hkmls');
  c.s(`    server_token: ${bridge}`, 'generic', bridge);
  c.l(
    '  - name: trestle-metro',
    '    kind: reso-webapi',
    '    token_url: https://api-trestle.corelogic.com/trestle/oidc/connect/token',
  );
  c.l(`    client_id: trestle_HearthKey${t.digits(6)}`);
  c.s(`    client_secret: ${trestle}`, 'generic', trestle);
  c.l('  - name: mlsgrid-nwmls', '    kind: mlsgrid', '    base_url: https://api.mlsgrid.com/v2');
  c.s(`    access_token: ${grid}`, 'generic', grid);
  c.d('  - name: sandbox\n    kind: reso-webapi\n    server_token: ${BRIDGE_SANDBOX_TOKEN}', 'env reference');
  c.l('zillow:');
  c.s(`  zws_id: ${zws}`, 'zillow', zws);
  c.l('storage:', '  photos_bucket: hearthkey-listing-photos', '  region: us-east-2');

  const rc = repo.file('services/listings-ingest/internal/rets/client.go', 'go');
  const rcPw = g.plain(14);
  rc.l('package rets', '', 'import (', '\t"crypto/md5"', '\t"fmt"', '\t"os"', ')', '');
  rc.l('// uaAuth computes the RETS-UA-Authorization header (RETS 1.7.2 section 3.10).');
  rc.l('func uaAuth(product, uaPassword, requestID, sessionID, version string) string {');
  rc.l('\ta1 := fmt.Sprintf("%x", md5.Sum([]byte(product+":"+uaPassword)))');
  rc.l('\treturn fmt.Sprintf("Digest %x", md5.Sum([]byte(a1+":"+requestID+":"+sessionID+":"+version)))', '}', '');
  rc.l('func password() string {', '\tif p := os.Getenv("RETS_PASSWORD"); p != "" {', '\t\treturn p', '\t}');
  rc.s(`\treturn "${rcPw}" // fallback for the HKMLS board account`, 'generic', rcPw);
  rc.l('}');
  un(rc, 'var retsUser = os.Getenv("RETS_USERNAME")', 'env read');

  const tr = repo.file('services/listings-ingest/internal/reso/trestle.go', 'go');
  const trSec = t.hex(32);
  tr.l(
    'package reso',
    '',
    'import "golang.org/x/oauth2/clientcredentials"',
    '',
    'var trestleConf = clientcredentials.Config{',
  );
  tr.l(`\tClientID:     "trestle_HearthKey${t.digits(6)}",`);
  tr.s(`\tClientSecret: "${trSec}",`, 'generic', trSec);
  tr.l(
    '\tTokenURL:     "https://api-trestle.corelogic.com/trestle/oidc/connect/token",',
    '\tScopes:       []string{"api"},',
    '}',
  );

  const pg = repo.file('services/listings-ingest/internal/store/postgres.go', 'go');
  const pgPw = g.plain(20);
  pg.l('package store', '', 'import (', '\t"context"', '', '\t"github.com/jackc/pgx/v5/pgxpool"', ')', '');
  pg.s(
    `const defaultDSN = "postgres://ingest:${pgPw}@listings-prod.cluster-c8x1k2.us-east-2.rds.amazonaws.com:5432/listings?sslmode=require"`,
    'database',
    pgPw,
  );
  pg.l(
    '',
    'func Open(ctx context.Context, dsn string) (*pgxpool.Pool, error) {',
    '\tif dsn == "" {',
    '\t\tdsn = defaultDSN',
    '\t}',
  );
  pg.l('\treturn pgxpool.New(ctx, dsn)', '}');

  const mn = repo.file('services/listings-ingest/cmd/backfill/main.go', 'go');
  const flagTok = g.mlsGrid();
  const ak = t.awsId();
  const as = t.awsSecret();
  mn.l(
    'package main',
    '',
    'import (',
    '\t"flag"',
    '\t"os"',
    '',
    '\t"github.com/aws/aws-sdk-go-v2/credentials"',
    ')',
    '',
    'func main() {',
  );
  mn.s(`\ttoken := flag.String("token", "${flagTok}", "MLS Grid access token")`, 'generic', flagTok);
  un(mn, '\tbucket := flag.String("bucket", os.Getenv("PHOTOS_BUCKET"), "photo bucket")', 'env read');
  mn.s(`\tcreds := credentials.NewStaticCredentialsProvider("${ak}", "${as}", "")`, 'aws', as);
  mn.l('\tflag.Parse()', '\trun(*token, *bucket, creds)', '}');

  const ct = repo.file('services/listings-ingest/internal/rets/client_test.go', 'go');
  ct.l('package rets', '', 'import "testing"', '', 'func TestUAAuth(t *testing.T) {');
  ct.d('\tgot := uaAuth("HearthKeyIngest/2.4", "test-ua-password", "", "sess-fixture", "RETS/1.7.2")', 'test fixture');
  un(ct, `\twant := "Digest ${t.hex(32)}"`, 'expected digest');
  ct.l('\tif got != want {', '\t\tt.Fatalf("got %s", got)', '\t}', '}');

  const df = repo.file('services/listings-ingest/Dockerfile', 'docker');
  const ghTok = g.ghFine();
  un(df, `FROM golang:1.23-alpine@sha256:${t.sha256()} AS build`, 'image digest');
  df.l('ENV GOPRIVATE=github.com/hearthkey/*');
  df.s(`ARG GITHUB_TOKEN=${ghTok}`, 'github', ghTok);
  df.d(
    'RUN git config --global url."https://x-access-token:${GITHUB_TOKEN}@github.com/".insteadOf "https://github.com/"',
    'variable',
  );
  df.l(
    'WORKDIR /src',
    'COPY . .',
    'RUN go build -o /out/ingest ./cmd/ingest',
    'FROM gcr.io/distroless/static',
    'COPY --from=build /out/ingest /ingest',
  );
}

// ---- Python pricing models and notebooks -------------------------------------------------------

function pricing(repo, t, g) {
  const s = repo.file('services/pricing/pricing/settings.py', 'python');
  const sf = g.gen(20);
  const attom = g.attom();
  const hcSec = t.alnum(32);
  const maps = t.gcpApiKey();
  s.l('"""Rent pricing model settings (prod defaults for the batch workers)."""', 'import os', '');
  s.l('SNOWFLAKE_ACCOUNT = "hk12345.us-east-2.aws"', 'SNOWFLAKE_USER = "PRICING_SVC"');
  s.s(`SNOWFLAKE_PASSWORD = os.getenv("SNOWFLAKE_PASSWORD", "${sf}")`, 'generic', sf);
  s.s(`ATTOM_API_KEY = "${attom}"`, 'generic', attom);
  s.l(`HOUSECANARY_KEY = "${t.alnum(20)}"`);
  s.s(`HOUSECANARY_SECRET = "${hcSec}"`, 'generic', hcSec);
  s.s(`GOOGLE_GEOCODING_KEY = "${maps}"`, 'gcp', maps);
  un(s, 'OPENAI_API_KEY = os.environ["OPENAI_API_KEY"]', 'os.environ');
  un(s, `MODEL_ARTIFACT_SHA256 = "${t.sha256()}"`, 'sha256');

  const ml = repo.file('services/pricing/pricing/clients/comps.py', 'python');
  const mlPw = g.human();
  const oa = t.openai();
  ml.l('import requests', 'from openai import OpenAI', '');
  ml.l('def fetch_comps(zip_code):');
  ml.s(
    `    return requests.get("https://comps.hkmls.com/api/v1/closed", params={"zip": zip_code}, auth=("hearthkey_pricing", "${mlPw}")).json()`,
    'generic',
    mlPw,
  );
  ml.l('', '# listing description rewrites for the syndication feed');
  ml.s(`llm = OpenAI(api_key="${oa}")`, 'openai', oa);
  un(ml, 'llm_dev = OpenAI(api_key=os.environ.get("OPENAI_API_KEY"))', 'os.environ');

  const tr = repo.file('services/pricing/pricing/train.py', 'python');
  const wb = g.wandb();
  const mfPw = g.plain(16);
  tr.l('import mlflow', 'import wandb', '');
  tr.s(`wandb.login(key="${wb}")`, 'wandb', wb);
  tr.s(`mlflow.set_tracking_uri("https://pricing:${mfPw}@mlflow.internal.hearthkey.com")`, 'generic', mfPw);
  tr.l('', 'def train(df):', '    with mlflow.start_run(run_name="gbm-rent-v7"):', '        ...');

  const rq = repo.file('services/pricing/requirements.txt', 'python');
  const fury = g.gemfury();
  rq.s(`--extra-index-url https://${fury}:@pypi.fury.io/hearthkey/`, 'generic', fury);
  for (const [i, p] of ['lightgbm==4.5.0', 'pandas==2.2.3', 'snowflake-connector-python==3.12.1'].entries()) {
    rq.l(`${p} \\`);
    if (i === 0) rq.d(`    --hash=sha256:${t.sha256()}`, 'pip hash');
    else rq.l(`    --hash=sha256:${t.sha256()}`);
  }

  const nb = repo.file('notebooks/pricing/rent-comps-austin.ipynb', 'notebook');
  const nbAttom = g.attom();
  const nbPw = g.plain(18);
  const nbMaps = t.gcpApiKey();
  nb.l(
    '{',
    ' "cells": [',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 2,',
    '   "metadata": {},',
    '   "outputs": [',
    '    {',
  );
  nb.l('     "name": "stdout",', '     "output_type": "stream",', '     "text": [');
  nb.s(
    `      ${JSON.stringify(`connected: postgresql://analyst:${nbPw}@warehouse.internal.hearthkey.com:5432/dw\n`)},`,
    'database',
    nbPw,
  );
  nb.l(`      ${JSON.stringify('1,284 comps within 1.5 mi\n')}`, '     ]', '    }', '   ],', '   "source": [');
  nb.l(`    ${JSON.stringify('import requests, sqlalchemy\n')},`);
  nb.s(`    ${JSON.stringify(`ATTOM_KEY = "${nbAttom}"\n`)},`, 'generic', nbAttom);
  nb.s(`    ${JSON.stringify(`GMAPS = "${nbMaps}"\n`)},`, 'gcp', nbMaps);
  un(nb, `    ${JSON.stringify('engine = sqlalchemy.create_engine(os.environ["DW_URL"])\n')},`, 'os.environ');
  nb.l(
    `    ${JSON.stringify('print("connected:", engine.url.render_as_string(hide_password=False))')}`,
    '   ]',
    '  },',
  );
  nb.l(
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 3,',
    '   "metadata": {},',
    '   "outputs": [',
    '    {',
    '     "data": {',
  );
  nb.d(`      "image/png": "${t.pngBase64()}",`, 'base64 image');
  nb.l(
    '      "text/plain": ["<Figure size 800x500 with 1 Axes>"]',
    '     },',
    '     "metadata": {},',
    '     "output_type": "display_data"',
    '    }',
    '   ],',
  );
  nb.l('   "source": [');
  un(nb, `    ${JSON.stringify(`parcel_hash = "${t.sha1()}"\n`)},`, 'sha1');
  nb.l(`    ${JSON.stringify('plot_rent_per_sqft(df)')}`, '   ]', '  }', ' ],');
  nb.l(
    ' "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},',
    ' "nbformat": 4,',
    ' "nbformat_minor": 5',
    '}',
  );

  const nb2 = repo.file('notebooks/pricing/occupancy-forecast.ipynb', 'notebook');
  const nbAk = t.awsId();
  const nbAs = t.awsSecret();
  const nbSf = g.gen(18);
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
  nb2.l(
    `    ${JSON.stringify('import boto3, snowflake.connector, getpass\n')},`,
    `    ${JSON.stringify('s3 = boto3.client("s3",\n')},`,
  );
  nb2.s(`    ${JSON.stringify(`    aws_access_key_id="${nbAk}",\n`)},`, 'aws', nbAk);
  nb2.s(`    ${JSON.stringify(`    aws_secret_access_key="${nbAs}")\n`)},`, 'aws', nbAs);
  nb2.s(
    `    ${JSON.stringify(`ctx = snowflake.connector.connect(account="hk12345.us-east-2.aws", user="ANALYST_RO", password="${nbSf}")\n`)},`,
    'generic',
    nbSf,
  );
  nb2.d(`    ${JSON.stringify('token = getpass.getpass("Bridge token: ")')}`, 'getpass prompt');
  nb2.l('   ]', '  }', ' ],', ' "metadata": {},', ' "nbformat": 4,', ' "nbformat_minor": 5', '}');

  const fx = repo.file('services/pricing/tests/fixtures/settings_test.py', 'python');
  un(fx, 'ATTOM_API_KEY = "0" * 32  # fixture, never sent', 'test fixture');
  fx.d('SNOWFLAKE_PASSWORD = "not-a-real-password"', 'marked fake');
}

// ---- Integrations: Zillow syndication, DocuSign, Rent Manager, HubSpot (TypeScript) ----------

function integrations(repo, t, g) {
  const z = repo.file('services/syndication/src/zillow/feed.ts', 'js');
  const sftpPw = g.gen(18);
  const zws = g.zwsid();
  z.l(
    "import SftpClient from 'ssh2-sftp-client';",
    '',
    'export async function pushFeed(xml: Buffer) {',
    '  const sftp = new SftpClient();',
  );
  z.s(
    `  await sftp.connect({ host: 'sftp.zillowrentals.com', port: 22, username: 'hearthkey_feed', password: '${sftpPw}' });`,
    'generic',
    sftpPw,
  );
  z.l("  await sftp.put(xml, '/incoming/hearthkey_listings.xml');", '  await sftp.end();', '}', '');
  z.s(`const ZWSID = '${zws}';`, 'zillow', zws);
  un(z, `const SAMPLE_ZPID = '${t.digits(8)}';`, 'zillow property id');

  const dj = repo.file('services/syndication/src/docusign/config.json', 'js');
  const dsSec = g.dsSecret();
  const hm = g.dsHmac();
  dj.l('{');
  un(dj, `  "integrationKey": "${t.uuid()}",`, 'docusign integration key (client id)');
  un(dj, `  "userId": "${t.uuid()}",`, 'docusign user guid');
  dj.s(`  "secretKey": "${dsSec}",`, 'docusign', dsSec);
  dj.s(`  "connectHmacKey": "${hm}",`, 'docusign', hm);
  dj.l('  "basePath": "https://na4.docusign.net/restapi"', '}');

  const rm = repo.file('services/syndication/src/rentmanager/client.ts', 'js');
  const rmTok = g.rmToken();
  rm.l("import axios from 'axios';", '');
  rm.s(
    `export const rm = axios.create({ baseURL: 'https://hearthkey.api.rentmanager.com', headers: { 'X-RM12Api-ApiToken': '${rmTok}' } });`,
    'generic',
    rmTok,
  );
  un(
    rm,
    "export const rmDev = axios.create({ headers: { 'X-RM12Api-ApiToken': process.env.RM_API_TOKEN ?? '' } });",
    'process.env',
  );

  const hs = repo.file('services/syndication/src/crm/hubspot.ts', 'js');
  const hsTok = g.hubspot();
  hs.l("import { Client } from '@hubspot/api-client';", '');
  hs.s(`export const hubspot = new Client({ accessToken: '${hsTok}' });`, 'hubspot', hsTok);
  un(hs, `export const LEADS_PIPELINE_ID = '${t.digits(9)}';`, 'pipeline id');

  const sa = repo.file('services/syndication/gcp/maps-sa.json', 'keys');
  const p8 = t.pkcs8Pem();
  const proj = `hearthkey-maps-${t.lower(6)}`;
  sa.l('{', '  "type": "service_account",', `  "project_id": "${proj}",`);
  un(sa, `  "private_key_id": "${t.sha1()}",`, 'key id');
  sa.s(`  "private_key": ${JSON.stringify(p8.join('\n') + '\n')},`, 'gcp', p8.join('\n'));
  sa.l(
    `  "client_email": "geocoder@${proj}.iam.gserviceaccount.com",`,
    `  "client_id": "${t.digits(21)}",`,
    '  "token_uri": "https://oauth2.googleapis.com/token"',
    '}',
  );

  const ap = repo.file('services/syndication/src/appfolio/webhooks.ts', 'js');
  const apSec = g.plain(40);
  ap.l("import crypto from 'node:crypto';", '');
  ap.s(`const APPFOLIO_WEBHOOK_SECRET = '${apSec}';`, 'generic', apSec);
  ap.l(
    'export function verify(body: string, sig: string) {',
    "  return crypto.createHmac('sha256', APPFOLIO_WEBHOOK_SECRET).update(body).digest('hex') === sig;",
    '}',
  );
}

// ---- Payments service: Stripe, Plaid, Dwolla (TypeScript) ------------------------------------

function payments(repo, t, g) {
  const s = repo.file('services/payments/src/stripe.ts', 'js');
  const sk = t.stripeLive();
  const wh = g.whsec();
  s.l("import Stripe from 'stripe';", '');
  s.s(`export const stripe = new Stripe('${sk}', { apiVersion: '2024-06-20' });`, 'stripe', sk);
  s.s(`const WEBHOOK_SECRET = '${wh}';`, 'stripe', wh);
  un(s, "const devStripe = new Stripe(process.env.STRIPE_SECRET_KEY!, { apiVersion: '2024-06-20' });", 'process.env');
  s.d(`export const RENT_PRICE_ID = 'price_${t.alnum(24)}';`, 'stripe price id');

  const p = repo.file('services/payments/src/plaid.ts', 'js');
  const ps = g.plaidSecret();
  p.l("import { Configuration, PlaidApi, PlaidEnvironments } from 'plaid';", '');
  p.l(
    'export const plaid = new PlaidApi(new Configuration({',
    '  basePath: PlaidEnvironments.production,',
    '  baseOptions: { headers: {',
  );
  p.d(`    'PLAID-CLIENT-ID': '${g.plaidClientId()}',`, 'plaid client id (identifier)');
  p.s(`    'PLAID-SECRET': '${ps}',`, 'plaid', ps);
  p.l('  } },', '}));');

  const d = repo.file('services/payments/src/dwolla.ts', 'js');
  const dk = g.dwollaKey();
  const dsec = g.dwollaSecret();
  const dwh = g.plain(32);
  d.l("import { Client } from 'dwolla-v2';", '');
  d.s(
    `export const dwolla = new Client({ environment: 'production', key: '${dk}', secret: '${dsec}' });`,
    'dwolla',
    dsec,
  );
  d.s(`export const DWOLLA_WEBHOOK_SECRET = '${dwh}';`, 'dwolla', dwh);
  un(
    d,
    `export const FUNDING_SOURCE_OPERATING = 'https://api.dwolla.com/funding-sources/${t.uuid()}';`,
    'dwolla funding source url (id)',
  );

  const cfg = repo.file('services/payments/config/production.json', 'js');
  const cfgRk = g.stripeRkLong();
  const cfgDb = g.plain(22);
  cfg.l('{', '  "port": 8080,', '  "stripe": {');
  cfg.s(`    "restrictedKey": "${cfgRk}",`, 'stripe', cfgRk);
  un(cfg, `    "publishableKey": "${g.pkLive()}"`, 'stripe publishable key (public by design)');
  cfg.l('  },');
  cfg.s(
    `  "databaseUrl": "postgres://payments:${cfgDb}@payments-prod.cluster-c8x1k2.us-east-2.rds.amazonaws.com:5432/payments",`,
    'database',
    cfgDb,
  );
  un(cfg, '  "ledgerKmsKey": "alias/payments-ledger"', 'kms alias');
  cfg.l('}');

  const tf = repo.file('services/payments/test/fixtures/webhook-event.json', 'decoys');
  tf.l('{');
  tf.d(`  "id": "evt_${t.alnum(24)}",`, 'stripe event id');
  un(tf, `  "request": { "id": "req_${t.alnum(14)}" },`, 'stripe request id');
  tf.d('  "signing_secret": "whsec_test_fixture_not_real",', 'marked fixture');
  tf.l('  "type": "invoice.paid"', '}');
}

// ---- Notifications service: Twilio, SendGrid, Slack (TypeScript) ------------------------------

function notify(repo, t, g) {
  const f = repo.file('services/notify/src/channels.ts', 'js');
  const keySec = g.twilioKeySecret();
  const sg = t.sendgrid();
  const hook = t.slackWebhook();
  f.l("import twilio from 'twilio';", "import sgMail from '@sendgrid/mail';", '');
  f.d(`const TWILIO_ACCOUNT_SID = '${t.twilioSid()}';`, 'twilio account sid (identifier)');
  un(f, `const TWILIO_API_KEY_SID = '${g.twilioKeySid()}';`, 'twilio api key sid (identifier)');
  f.s(`const TWILIO_API_KEY_SECRET = '${keySec}';`, 'twilio', keySec);
  f.l('export const sms = twilio(TWILIO_API_KEY_SID, TWILIO_API_KEY_SECRET, { accountSid: TWILIO_ACCOUNT_SID });', '');
  f.s(`sgMail.setApiKey('${sg}');`, 'sendgrid', sg);
  f.d(`export const LEASE_RENEWAL_TEMPLATE = 'd-${t.hex(32)}';`, 'sendgrid template id');
  f.s(`export const MAINTENANCE_ALERTS_WEBHOOK = '${hook}';`, 'slack', hook);
  un(f, `export const MESSAGING_SERVICE_SID = 'MG${t.hex(32)}';`, 'twilio messaging service sid');

  const y = repo.file('services/notify/config/default.yaml', 'js');
  const slackBot = t.slackBot();
  y.l('slack:', '  channel: "#maintenance-dispatch"');
  y.s(`  bot_token: ${slackBot}`, 'slack', slackBot);
  un(y, '  signing_secret: ${SLACK_SIGNING_SECRET}', 'env reference');
}

// ---- Smart locks and IoT gateway -----------------------------------------------------------

function iot(repo, t, g) {
  const c = repo.file('iot/gateway/config/gateway.toml', 'iot');
  const mq = g.plain(20);
  const sr = g.lockApi();
  const latch = g.lockApi();
  c.l('[site]', 'property_id = "HK-ATX-0142"', 'name = "Maple Court Apartments"', '', '[mqtt]');
  c.l('broker = "mqtts://iot.hearthkey.com:8883"', 'username = "gw-atx-0142"');
  c.s(`password = "${mq}"`, 'generic', mq);
  c.l(
    'ca_file = "/etc/hearthkey/certs/AmazonRootCA1.pem"',
    '',
    '[smartrent]',
    'base_url = "https://partners.smartrent.com/api/v1"',
  );
  c.s(`api_token = "${sr}"`, 'generic', sr);
  c.l('', '[latch]', 'base_url = "https://rest.latch.com/access/sdk/v1"');
  c.s(`api_key = "${latch}"`, 'generic', latch);
  c.l('', '[lock_defaults]');
  un(c, 'auto_lock_seconds = 30', 'setting');
  un(c, `hub_serial = "${t.mixed(UPPER + DIGIT, 12)}"`, 'device serial');

  const zw = repo.file('iot/gateway/config/zwave-js.json', 'iot');
  const s2ac = g.zwaveKey();
  const s2auth = g.zwaveKey();
  zw.l('{', '  "logConfig": { "level": "info" },', '  "securityKeys": {');
  zw.s(`    "S2_AccessControl": "${s2ac}",`, 'generic', s2ac);
  zw.s(`    "S2_Authenticated": "${s2auth}",`, 'generic', s2auth);
  un(zw, '    "S0_Legacy": "${ZWAVE_S0_KEY}"', 'env reference');
  zw.l('  },');
  un(zw, `  "homeId": "0x${t.hex(8)}"`, 'z-wave home id');
  zw.l('}');

  const k = repo.file('iot/gateway/certs/device-atx-0142.private.pem.key', 'keys');
  const rsa = t.rsaPem();
  k.s(rsa, 'private-key', rsa.join('\n'));
  const cr = repo.file('iot/gateway/certs/device-atx-0142.pem.crt', 'keys');
  cr.d(g.cert(), 'device certificate');
  const ca = repo.file('iot/gateway/certs/AmazonRootCA1.pem', 'keys');
  un(ca, g.cert(), 'ca certificate');

  const w = repo.file('iot/gateway/rootfs/etc/wpa_supplicant/wpa_supplicant.conf', 'iot');
  const psk = g.human();
  const rawPsk = t.hex(64);
  w.l('ctrl_interface=DIR=/var/run/wpa_supplicant GROUP=netdev', 'update_config=1', 'country=US', '', 'network={');
  w.l('    ssid="MapleCourt-Mgmt"');
  w.s(`    psk="${psk}"`, 'generic', psk);
  w.l('}', '', 'network={', '    ssid="HK-IoT-Backhaul"');
  w.s(`    psk=${rawPsk}`, 'generic', rawPsk);
  w.l('}');

  const mp = repo.file('iot/broker/mosquitto/passwd', 'iot');
  mp.d(`gw-atx-0142:$7$101$${t.mixed(B64, 16)}$${t.mixed(B64, 86)}==`, 'mosquitto pbkdf2 hash');
  un(mp, `gw-atx-0157:$7$101$${t.mixed(B64, 16)}$${t.mixed(B64, 86)}==`, 'mosquitto pbkdf2 hash');

  const pr = repo.file('iot/gateway/scripts/provision.sh', 'shell');
  const prTok = g.lockApi();
  const schlage = g.plain(32);
  pr.l('#!/usr/bin/env bash', 'set -euo pipefail', 'PROPERTY_ID="$1"');
  pr.s(
    `curl -fsS -X POST https://partners.smartrent.com/api/v1/hubs/register -H "Authorization: Bearer ${prTok}" -d "property_id=$PROPERTY_ID"`,
    'generic',
    prTok,
  );
  pr.s(`export ALLEGION_SUBSCRIPTION_KEY=${schlage}`, 'generic', schlage);
  un(
    pr,
    'curl -fsS -H "Authorization: Bearer ${SMARTRENT_TOKEN}" https://partners.smartrent.com/api/v1/hubs',
    'variable',
  );
}

// ---- Kubernetes ----------------------------------------------------------------------------

function kubernetes(repo, t, g) {
  const s = repo.file('deploy/k8s/tenant-portal/secret.yaml', 'k8s');
  const ak = g.laravelKey();
  const db = g.gen(20);
  const dsec = g.dsSecret();
  s.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: tenant-portal',
    '  namespace: portal',
    'type: Opaque',
    'stringData:',
  );
  s.s(`  APP_KEY: "${ak}"`, 'generic', ak);
  s.s(`  DB_PASSWORD: "${db}"`, 'generic', db);
  s.s(`  DOCUSIGN_SECRET: ${dsec}`, 'docusign', dsec);
  un(s, '  APP_URL: https://residents.hearthkey.com', 'url');

  const ps = repo.file('deploy/k8s/payments/secret.yaml', 'k8s');
  const sk = t.stripeLive();
  const pl = g.plaidSecret();
  const dw = g.dwollaSecret();
  ps.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: payments',
    '  namespace: payments',
    'type: Opaque',
    'data:',
  );
  ps.s(`  STRIPE_SECRET_KEY: ${g.enc(sk)}`, 'stripe', sk);
  ps.s(`  PLAID_SECRET: ${g.enc(pl)}`, 'plaid', pl);
  ps.s(`  DWOLLA_SECRET: ${g.enc(dw)}`, 'dwolla', dw);
  ps.d(`  PLAID_ENV: ${g.enc('production')}`, 'base64 of a plain setting');

  const d = repo.file('deploy/k8s/listings-ingest/deployment.yaml', 'k8s');
  const rets = g.gen(16);
  d.l(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: listings-ingest',
    '  namespace: listings',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: ingest',
  );
  un(
    d,
    `          image: 418223090155.dkr.ecr.us-east-2.amazonaws.com/listings-ingest@sha256:${t.sha256()}`,
    'image digest',
  );
  d.l(
    '          env:',
    '            - name: RETS_USERNAME',
    '              value: HKINGEST01',
    '            - name: RETS_PASSWORD',
  );
  d.s(`              value: "${rets}"`, 'generic', rets);
  d.l('            - name: BRIDGE_SERVER_TOKEN', '              valueFrom:', '                secretKeyRef:');
  d.d('                  name: listings-feeds', 'secretKeyRef name');
  un(d, '                  key: bridge-token', 'secretKeyRef key');

  const ex = repo.file('deploy/k8s/backoffice/external-secret.yaml', 'k8s');
  ex.l(
    'apiVersion: external-secrets.io/v1beta1',
    'kind: ExternalSecret',
    'metadata:',
    '  name: backoffice',
    'spec:',
    '  secretStoreRef: { name: aws-secrets-manager, kind: ClusterSecretStore }',
    '  data:',
    '    - secretKey: RAILS_MASTER_KEY',
    '      remoteRef:',
  );
  ex.d('        key: prod/backoffice/rails-master-key', 'secrets manager path');

  const ss = repo.file('deploy/k8s/notify/sealed-secret.yaml', 'encrypted');
  ss.l(
    'apiVersion: bitnami.com/v1alpha1',
    'kind: SealedSecret',
    'metadata:',
    '  name: notify',
    '  namespace: notify',
    'spec:',
    '  encryptedData:',
  );
  ss.d(`    TWILIO_API_KEY_SECRET: AgB${g.b64(600)}==`, 'sealed secret ciphertext');

  const h = repo.file('deploy/helm/hearthkey/values-prod.yaml', 'k8s');
  const dd = t.ddApi();
  const sg = t.sendgrid();
  const rpw = g.plain(24);
  h.l('global:', '  env: production', 'datadog:');
  h.s(`  apiKey: ${dd}`, 'datadog', dd);
  h.l('  site: datadoghq.com', 'notify:', '  sendgrid:');
  h.s(`    apiKey: "${sg}"`, 'sendgrid', sg);
  h.l('redis:', '  auth:', '    enabled: true');
  h.s(`    password: ${rpw}`, 'generic', rpw);
  un(h, '    existingSecretPasswordKey: ""', 'empty');
  h.l('image:');
  un(h, `  tag: "${t.sha1().slice(0, 12)}"`, 'short sha tag');

  const rp = repo.file('deploy/k8s/base/ghcr-pull.yaml', 'k8s');
  const ghcr = t.github();
  const cfg = g.enc(
    JSON.stringify({
      auths: { 'ghcr.io': { username: 'hearthkey-bot', password: ghcr, auth: g.enc(`hearthkey-bot:${ghcr}`) } },
    }),
  );
  rp.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: ghcr-pull',
    'type: kubernetes.io/dockerconfigjson',
    'data:',
  );
  rp.s(`  .dockerconfigjson: ${cfg}`, 'github', ghcr);

  const kc = repo.file('ops/kube/hearthkey-prod.kubeconfig', 'k8s');
  const saTok = g.staffJwt();
  kc.l(
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '  - name: eks-prod',
    '    cluster:',
    '      server: https://A1B2C3D4E5F6.gr7.us-east-2.eks.amazonaws.com',
  );
  kc.d(`      certificate-authority-data: ${g.enc(g.cert().join('\n'))}`, 'ca certificate');
  kc.l('users:', '  - name: ci-deployer', '    user:');
  kc.s(`      token: ${saTok}`, 'generic', saTok);
}

// ---- Terraform (AWS) -----------------------------------------------------------------------

function terraform(repo, t, g) {
  const p = repo.file('infra/terraform/providers.tf', 'terraform');
  const ak = t.awsId();
  const as = t.awsSecret();
  const ddA = t.ddApi();
  const ddP = t.ddApp();
  p.l('terraform {', '  required_version = ">= 1.6"', '}', '', 'provider "aws" {', '  region     = "us-east-2"');
  p.s(`  access_key = "${ak}"`, 'aws', ak);
  p.s(`  secret_key = "${as}"`, 'aws', as);
  p.l('}', '', 'provider "datadog" {');
  p.s(`  api_key = "${ddA}"`, 'datadog', ddA);
  p.s(`  app_key = "${ddP}"`, 'datadog', ddP);
  p.l('}', '', 'provider "github" {', '  owner = "hearthkey"');
  p.d('  token = var.github_token', 'variable reference');
  p.l('}');

  const r = repo.file('infra/terraform/rds.tf', 'terraform');
  const mpw = g.gen(24);
  r.l(
    'resource "aws_rds_cluster" "portal" {',
    '  cluster_identifier = "portal-prod"',
    '  engine             = "aurora-mysql"',
    '  master_username    = "hkadmin"',
  );
  r.s(`  master_password    = "${mpw}"`, 'generic', mpw);
  r.l(
    '}',
    '',
    'resource "random_password" "listings" {',
    '  length  = 32',
    '  special = false',
    '}',
    '',
    'resource "aws_rds_cluster" "listings" {',
    '  cluster_identifier = "listings-prod"',
  );
  r.d('  master_password    = random_password.listings.result', 'resource reference');
  r.l('}');

  const sm = repo.file('infra/terraform/secrets.tf', 'terraform');
  const rk = g.stripeRk();
  const ck = g.checkr();
  sm.l(
    'resource "aws_secretsmanager_secret_version" "backoffice" {',
    '  secret_id = aws_secretsmanager_secret.backoffice.id',
    '  secret_string = jsonencode({',
  );
  sm.s(`    stripe_restricted_key = "${rk}"`, 'stripe', rk);
  sm.s(`    checkr_api_key        = "${ck}"`, 'checkr', ck);
  un(sm, '    yardi_password        = var.yardi_password', 'variable reference');
  sm.l('  })', '}', '', 'data "aws_secretsmanager_secret_version" "twilio" {');
  un(sm, '  secret_id = "prod/notify/twilio"', 'secret path');
  sm.l('}');

  const tv = repo.file('infra/terraform/envs/prod.tfvars', 'terraform');
  const pd = t.mixed(ALNUM + '+-_', 20);
  const cf = t.cloudflareNew();
  tv.l('region       = "us-east-2"', 'environment  = "prod"');
  tv.s(`pagerduty_token = "${pd}"`, 'generic', pd);
  tv.s(`cloudflare_api_token = "${cf}"`, 'cloudflare', cf);
  un(tv, 'yardi_password = ""', 'empty');
  un(tv, `acm_certificate_arn = "arn:aws:acm:us-east-2:418223090155:certificate/${t.uuid()}"`, 'arn');

  const st = repo.file('infra/terraform/terraform.tfstate', 'terraform');
  const stPw = g.gen(24);
  const stId = t.awsId();
  const stSec = t.awsSecret();
  st.l('{', '  "version": 4,', '  "terraform_version": "1.9.5",', '  "serial": 311,');
  un(st, `  "lineage": "${t.uuid()}",`, 'uuid lineage');
  st.l(
    '  "resources": [',
    '    {',
    '      "mode": "managed",',
    '      "type": "aws_rds_cluster",',
    '      "name": "portal",',
    '      "instances": [',
    '        {',
    '          "attributes": {',
  );
  st.s(`            "master_password": "${stPw}",`, 'generic', stPw);
  st.l(
    '            "master_username": "hkadmin"',
    '          }',
    '        }',
    '      ]',
    '    },',
    '    {',
    '      "mode": "managed",',
    '      "type": "aws_iam_access_key",',
    '      "name": "photos_uploader",',
    '      "instances": [',
    '        {',
    '          "attributes": {',
  );
  st.s(`            "id": "${stId}",`, 'aws', stId);
  st.s(`            "secret": "${stSec}",`, 'aws', stSec);
  un(st, '            "ses_smtp_password_v4": null,', 'null');
  st.l('            "user": "photos-uploader"', '          }', '        }', '      ]', '    }', '  ]', '}');

  const ud = repo.file('infra/terraform/modules/bastion/main.tf', 'terraform');
  const cloudPw = g.plain(18);
  const init = [
    '#!/bin/bash',
    'cat > /etc/hearthkey/ingest.env <<EOF',
    'RETS_USERNAME=HKINGEST01',
    `RETS_PASSWORD=${cloudPw}`,
    'EOF',
    'systemctl restart listings-ingest',
    '',
  ].join('\n');
  ud.l(
    'resource "aws_instance" "bastion" {',
    '  ami           = data.aws_ami.al2023.id',
    '  instance_type = "t3.micro"',
  );
  ud.s(`  user_data_base64 = "${g.enc(init)}"`, 'generic', cloudPw);
  ud.l('}');

  const lk = repo.file('infra/terraform/.terraform.lock.hcl', 'decoys');
  lk.l('provider "registry.terraform.io/hashicorp/aws" {', '  version = "5.74.0"', '  hashes = [');
  lk.d(`    "h1:${Buffer.from(t.pick(HEX, 64), 'hex').toString('base64')}",`, 'provider hash');
  un(lk, `    "zh:${t.sha256()}",`, 'provider hash');
  lk.l('  ]', '}');
}

// ---- Docker --------------------------------------------------------------------------------

function docker(repo, t, g) {
  const c = repo.file('docker-compose.yml', 'docker');
  const my = g.plain(20);
  const pg = g.gen(18);
  const minio = g.plain(24);
  const redis = g.plain(20);
  c.l('services:', '  mysql:', '    image: mysql:8.0', '    environment:');
  c.s(`      MYSQL_ROOT_PASSWORD: ${my}`, 'generic', my);
  un(c, '      MYSQL_PASSWORD: ${PORTAL_DB_PASSWORD}', 'env interpolation');
  c.l('  postgres:', '    image: postgis/postgis:16-3.4', '    environment:');
  c.s(`      POSTGRES_PASSWORD: "${pg}"`, 'generic', pg);
  c.l(
    '  minio:',
    '    image: minio/minio:RELEASE.2024-10-13T13-34-11Z',
    '    environment:',
    '      MINIO_ROOT_USER: hkadmin',
  );
  c.s(`      MINIO_ROOT_PASSWORD: ${minio}`, 'generic', minio);
  c.l('  redis:', '    image: redis:7-alpine');
  c.s(`    command: redis-server --requirepass ${redis}`, 'generic', redis);
  c.l('  portal:', '    build: ./apps/tenant-portal', '    environment:');
  c.d('      - STRIPE_SECRET=${STRIPE_SECRET:?set STRIPE_SECRET}', 'env interpolation');

  const d = repo.file('apps/tenant-portal/Dockerfile', 'docker');
  const gh = t.github();
  un(d, `FROM php:8.3-fpm-alpine@sha256:${t.sha256()}`, 'image digest');
  d.s(`ENV COMPOSER_AUTH='{"github-oauth":{"github.com":"${gh}"}}'`, 'github', gh);
  d.l('COPY --from=composer:2 /usr/bin/composer /usr/bin/composer', 'WORKDIR /var/www/html', 'COPY . .');
  d.d(
    'RUN --mount=type=secret,id=composer_auth,target=/root/.composer/auth.json composer install --no-dev',
    'build secret mount',
  );

  const bo = repo.file('apps/backoffice/Dockerfile', 'docker');
  const bsq = g.sidekiq();
  bo.l('FROM ruby:3.3-slim', 'WORKDIR /rails');
  bo.s(`ENV BUNDLE_GEMS__CONTRIBSYS__COM=${bsq}`, 'generic', bsq);
  un(bo, 'ENV RAILS_MASTER_KEY=""', 'empty');
  bo.l('COPY Gemfile Gemfile.lock ./', 'RUN bundle install', 'COPY . .');

  const dc = repo.file('ops/home/deploy/.docker/config.json', 'docker');
  const regPw = g.gen(20);
  dc.l('{', '  "auths": {', '    "harbor.hearthkey.com": {');
  dc.s(`      "auth": "${g.enc(`robot$ci:${regPw}`)}"`, 'generic', regPw);
  dc.l('    }', '  },');
  dc.d('  "credHelpers": { "418223090155.dkr.ecr.us-east-2.amazonaws.com": "ecr-login" }', 'credential helper');
  dc.l('}');
}

// ---- CI: GitHub Actions and CircleCI --------------------------------------------------------

function ci(repo, t, g) {
  const gp = repo.file('.github/workflows/deploy-portal.yml', 'ci');
  const forge = g.passportJwt();
  const hook = t.slackWebhook();
  gp.l('name: deploy-portal', 'on:', '  push:', '    branches: [main]', "    paths: ['apps/tenant-portal/**']", 'env:');
  gp.d('  AWS_ACCESS_KEY_ID: ${{ secrets.AWS_ACCESS_KEY_ID }}', 'actions secret reference');
  gp.s(`  FORGE_API_TOKEN: ${forge}`, 'generic', forge);
  gp.l('jobs:', '  deploy:', '    runs-on: ubuntu-latest', '    steps:');
  un(gp, `      - uses: actions/checkout@${t.sha1()} # v4`, 'pinned action sha');
  gp.l('      - run: composer install --no-dev', '        working-directory: apps/tenant-portal');
  gp.l('      - name: notify', '        run: |');
  gp.s(
    `          curl -X POST -H 'Content-type: application/json' --data '{"text":"portal deployed"}' ${hook}`,
    'slack',
    hook,
  );

  const gm = repo.file('.github/workflows/mobile-release.yml', 'ci');
  const expo = g.expo();
  gm.l(
    'name: mobile-release',
    'on:',
    '  workflow_dispatch: {}',
    'jobs:',
    '  eas:',
    '    runs-on: ubuntu-latest',
    '    env:',
  );
  gm.s(`      EXPO_TOKEN: ${expo}`, 'expo', expo);
  un(gm, '      SENTRY_AUTH_TOKEN: ${{ secrets.SENTRY_AUTH_TOKEN }}', 'actions secret reference');
  gm.l('    steps:', '      - uses: expo/expo-github-action@v8', '        with:', '          eas-version: latest');
  un(gm, '          token: ${{ secrets.EXPO_TOKEN }}', 'actions secret reference');
  gm.l(
    '      - run: eas build --platform all --non-interactive --profile production',
    '        working-directory: apps/landlord-app',
  );

  const gi = repo.file('.github/workflows/ingest-ci.yml', 'ci');
  const cov = t.uuid();
  gi.l(
    'name: ingest-ci',
    'on: [pull_request]',
    'jobs:',
    '  test:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/setup-go@v5',
    "        with: { go-version: '1.23' }",
    '      - run: go test ./...',
    '        working-directory: services/listings-ingest',
    '      - uses: codecov/codecov-action@v4',
    '        with:',
  );
  gi.s(`          token: ${cov}`, 'generic', cov);

  const cc = repo.file('.circleci/config.yml', 'ci');
  const dh = g.human();
  const cak = t.awsId();
  const cas = t.awsSecret();
  const cpat = g.circlePat();
  cc.l(
    'version: 2.1',
    'jobs:',
    '  backoffice-test:',
    '    docker:',
    '      - image: cimg/ruby:3.3-browsers',
    '        auth:',
    '          username: hearthkeyci',
  );
  cc.s(`          password: "${dh}"`, 'generic', dh);
  cc.l('      - image: cimg/postgres:16.4', '        environment:');
  un(cc, '          POSTGRES_PASSWORD: $POSTGRES_PASSWORD', 'variable');
  cc.l(
    '    steps:',
    '      - checkout',
    '      - run: bundle exec rspec',
    '  photos-sync:',
    '    docker:',
    '      - image: cimg/aws:2024.03',
    '    environment:',
  );
  cc.s(`      AWS_ACCESS_KEY_ID: ${cak}`, 'aws', cak);
  cc.s(`      AWS_SECRET_ACCESS_KEY: ${cas}`, 'aws', cas);
  cc.l(
    '    steps:',
    '      - run: aws s3 sync s3://hearthkey-listing-photos s3://hearthkey-listing-photos-dr',
    '  trigger-mobile:',
    '    docker:',
    '      - image: cimg/base:stable',
    '    steps:',
  );
  cc.s(
    `      - run: curl -X POST -H "Circle-Token: ${cpat}" https://circleci.com/api/v2/project/gh/hearthkey/landlord-app/pipeline`,
    'circleci',
    cpat,
  );
  cc.d('      - run: curl -H "Circle-Token: $CIRCLE_TOKEN" https://circleci.com/api/v2/me', 'variable');
  cc.l('workflows:', '  main:', '    jobs:', '      - backoffice-test:');
  un(cc, '          context: hearthkey-prod', 'context name');
}

// ---- nginx ---------------------------------------------------------------------------------

function nginx(repo, t, g) {
  const n = repo.file('ops/nginx/sites-available/residents.hearthkey.com.conf', 'nginx');
  const basicPw = g.plain(18);
  const rmTok = g.rmToken();
  n.l('server {', '    listen 443 ssl http2;', '    server_name residents.hearthkey.com;');
  un(n, '    ssl_certificate_key /etc/letsencrypt/live/residents.hearthkey.com/privkey.pem;', 'file path');
  n.l('', '    location /yardi-bridge/ {', '        proxy_pass https://www.yardiasp14.com/21253hearthkey/;');
  n.s(`        proxy_set_header Authorization "Basic ${g.enc(`hkinterface:${basicPw}`)}";`, 'generic', basicPw);
  n.l('    }', '', '    location /rm/ {', '        proxy_pass https://hearthkey.api.rentmanager.com/;');
  n.s(`        proxy_set_header X-RM12Api-ApiToken "${rmTok}";`, 'generic', rmTok);
  n.l('    }', '', '    location /admin/ {', '        auth_basic "HearthKey staff";');
  un(n, '        auth_basic_user_file /etc/nginx/.htpasswd;', 'file reference');
  n.l('        proxy_pass http://backoffice:3000;', '    }', '}');

  const ht = repo.file('ops/nginx/.htpasswd', 'nginx');
  ht.d(`ops:$apr1$${t.alnum(8)}$${t.mixed(ALNUM + './', 22)}`, 'apr1 hash');
  un(ht, `leasing:$2y$05$${t.mixed(ALNUM + './', 53)}`, 'bcrypt hash');

  const m = repo.file('ops/nginx/conf.d/maps-proxy.conf', 'nginx');
  const mk = t.gcpApiKey();
  m.l('location /geocode {');
  m.s(`    proxy_pass https://maps.googleapis.com/maps/api/geocode/json?key=${mk}&$args;`, 'gcp', mk);
  m.l('}');
}

// ---- cron and shell scripts ----------------------------------------------------------------

function cron(repo, t, g) {
  const c = repo.file('ops/cron/backoffice.crontab', 'shell');
  const pg = g.plain(18);
  const af = g.human();
  const my = g.plain(16);
  c.l('SHELL=/bin/bash', 'MAILTO=ops@hearthkey.com');
  c.s(
    `15 2 * * * PGPASSWORD='${pg}' pg_dump -h backoffice-prod.cluster-c8x1k2.us-east-2.rds.amazonaws.com -U backoffice backoffice | gzip > /backups/bo-$(date +\\%F).sql.gz`,
    'generic',
    pg,
  );
  c.s(
    `0 5 * * * curl -fsS -u 'hk_reports:${af}' https://hearthkey.appfolio.com/api/v1/reports/delinquency.csv -o /data/delinquency.csv`,
    'generic',
    af,
  );
  c.s(
    `30 3 * * 0 mysqldump -h portal-prod.cluster-c8x1k2.us-east-2.rds.amazonaws.com -u hkadmin -p${my} portal > /backups/portal.sql`,
    'generic',
    my,
  );
  un(c, '*/10 * * * * /opt/hearthkey/bin/sync-lock-codes --token-file /run/secrets/smartrent', 'file reference');

  const sh = repo.file('scripts/sync-mls-photos.sh', 'shell');
  const ak = t.awsId();
  const as = t.awsSecret();
  const bt = g.bridgeToken();
  sh.l('#!/usr/bin/env bash', 'set -euo pipefail');
  sh.s(`export AWS_ACCESS_KEY_ID=${ak}`, 'aws', ak);
  sh.s(`export AWS_SECRET_ACCESS_KEY=${as}`, 'aws', as);
  sh.s(`BRIDGE_TOKEN="${bt}"`, 'generic', bt);
  sh.l(
    'curl -fsS "https://api.bridgedataoutput.com/api/v2/OData/hkmls/Media?access_token=${BRIDGE_TOKEN}&\\$top=200" | jq -r ".value[].MediaURL" > /tmp/photos.txt',
  );
  un(sh, 'aws s3 sync /tmp/photos s3://hearthkey-listing-photos --profile "${AWS_PROFILE:-photos}"', 'variable');

  const rot = repo.file('scripts/rotate-vacant-unit-codes.sh', 'shell');
  const tok = g.lockApi();
  rot.l('#!/usr/bin/env bash', '# Rotates access codes on vacant units after each self-guided tour.');
  rot.s(`SMARTRENT_TOKEN=${tok}`, 'generic', tok);
  rot.l(
    'for unit in $(cat vacant_units.txt); do',
    '  curl -fsS -X POST -H "Authorization: Bearer $SMARTRENT_TOKEN" "https://partners.smartrent.com/api/v1/units/$unit/access-codes/rotate"',
    'done',
  );

  const pgp = repo.file('ops/home/deploy/.pgpass', 'credstore');
  const p1 = g.plain(20);
  pgp.s(`listings-prod.cluster-c8x1k2.us-east-2.rds.amazonaws.com:5432:listings:ingest:${p1}`, 'generic', p1);

  const aw = repo.file('ops/home/deploy/.aws/credentials', 'credstore');
  const awId = t.awsId();
  const awSec = t.awsSecret();
  aw.l('[hearthkey-prod]');
  aw.s(`aws_access_key_id = ${awId}`, 'aws', awId);
  aw.s(`aws_secret_access_key = ${awSec}`, 'aws', awSec);
  aw.l('', '[docs-example]');
  aw.d('aws_access_key_id = AKIAIOSFODNN7EXAMPLE', 'vendor example');
  aw.d('aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'vendor example');
}

// ---- Logs ----------------------------------------------------------------------------------

function logs(repo, t, g) {
  const l = repo.file('logs/listings-ingest/ingest-2025-06-02.log', 'logs');
  const retsPw = g.plain(14);
  const bt = g.bridgeToken();
  const trTok = t.mixed(URLSAFE, 64);
  l.l('2025-06-02T04:00:00.012Z INFO  feed=hkmls-rets starting incremental pull since=2025-06-01T04:00:00Z');
  l.s(
    `2025-06-02T04:00:00.140Z DEBUG rets: GET https://rets.hkmls.com/contact/rets/login?username=HKINGEST01&password=${retsPw} -> 401, retrying with digest`,
    'generic',
    retsPw,
  );
  un(l, `2025-06-02T04:00:01.002Z INFO  rets: session established session_id=${t.hex(32)}`, 'expired rets session id');
  l.s(
    `2025-06-02T04:02:13.554Z WARN  bridge: GET https://api.bridgedataoutput.com/api/v2/OData/hkmls/Property?access_token=${bt}&$skip=2000 -> 429`,
    'generic',
    bt,
  );
  l.d(
    '2025-06-02T04:02:13.555Z INFO  bridge: GET https://api.bridgedataoutput.com/api/v2/OData/hkmls/Property?access_token=***&$skip=2200 -> 200',
    'masked',
  );
  l.s(
    `2025-06-02T04:05:40.910Z DEBUG trestle: token response {"access_token":"${trTok}","expires_in":28800,"token_type":"Bearer"}`,
    'generic',
    trTok,
  );
  un(
    l,
    `2025-06-02T04:06:00.000Z INFO  upserted 1843 listings (ListingKey range ${t.digits(9)}..${t.digits(9)})`,
    'listing keys',
  );

  const p = repo.file('logs/payments/payments-2025-06-01.jsonl', 'logs');
  const dwTok = g.dwollaToken();
  const plAcc = g.plaidAccess();
  const sk = t.stripeLive();
  un(p, `{"ts":"2025-06-01T13:00:00Z","level":"info","msg":"rent run started","batch":"${t.uuid()}"}`, 'uuid');
  p.s(
    `{"ts":"2025-06-01T13:00:01Z","level":"debug","msg":"dwolla token","response":{"access_token":"${dwTok}","token_type":"bearer","expires_in":3599}}`,
    'dwolla',
    dwTok,
  );
  p.s(
    `{"ts":"2025-06-01T13:00:04Z","level":"debug","msg":"plaid balance check","item_id":"${t.alnum(37)}","access_token":"${plAcc}"}`,
    'plaid',
    plAcc,
  );
  p.s(
    `{"ts":"2025-06-01T13:00:09Z","level":"error","msg":"stripe auth failed","err":"Invalid API Key provided: ${sk}"}`,
    'stripe',
    sk,
  );
  p.d(
    `{"ts":"2025-06-01T13:00:10Z","level":"info","msg":"charge ok","charge":"ch_${t.alnum(24)}","request_id":"req_${t.alnum(14)}"}`,
    'stripe object ids',
  );
  p.d('{"ts":"2025-06-01T13:00:11Z","level":"info","msg":"plaid link","access_token":"[REDACTED]"}', 'redacted');

  const r = repo.file('apps/backoffice/log/production.log', 'logs');
  const yPw = g.human();
  r.l(
    'I, [2025-06-02T09:14:02.118 #4121]  INFO -- : [7f3a] Started POST "/admin/login" for 10.4.2.17 at 2025-06-02 09:14:02 -0500',
  );
  r.d(
    'I, [2025-06-02T09:14:02.120 #4121]  INFO -- : [7f3a]   Parameters: {"admin_user"=>{"email"=>"ops@hearthkey.com", "password"=>"[FILTERED]"}}',
    'rails filtered parameter',
  );
  r.s(
    `D, [2025-06-02T09:20:44.901 #4121] DEBUG -- : [9c1e] Yardi SOAP request: <UserName>hkinterface</UserName><Password>${yPw}</Password><ServerName>afqoml_itf70</ServerName>`,
    'generic',
    yPw,
  );
  un(
    r,
    `I, [2025-06-02T09:20:45.300 #4121]  INFO -- : [9c1e] Completed 200 OK in 402ms (request_id=${t.uuid()})`,
    'uuid',
  );

  const lv = repo.file('apps/tenant-portal/storage/logs/laravel-2025-06-02.log', 'logs');
  const pdoPw = g.gen(20);
  const dwb = g.dwollaToken();
  lv.l(
    '[2025-06-02 11:02:13] production.ERROR: SQLSTATE[HY000] [2002] Connection timed out {"exception":"[object] (PDOException(code: 2002)',
  );
  lv.s(
    `#0 /var/www/html/vendor/laravel/framework/src/Illuminate/Database/Connectors/Connector.php(65): PDO->__construct('mysql:host=portal-prod...', 'portal_app', '${pdoPw}', Array)`,
    'generic',
    pdoPw,
  );
  lv.s(
    `[2025-06-02 11:05:40] production.DEBUG: dwolla request {"method":"POST","url":"https://api.dwolla.com/transfers","headers":{"Authorization":"Bearer ${dwb}"}}`,
    'dwolla',
    dwb,
  );
  lv.d(
    '[2025-06-02 11:06:00] production.INFO: login attempt {"email":"tenant@example.com","password":"********"}',
    'masked',
  );

  const a = repo.file('logs/nginx/access.log', 'logs');
  const attom = g.attom();
  a.l('10.4.2.17 - - [02/Jun/2025:10:00:01 +0000] "GET /healthz HTTP/1.1" 200 2 "-" "kube-probe/1.30"');
  a.s(
    `10.4.3.40 - - [02/Jun/2025:10:00:07 +0000] "GET /v1/property/detail?address1=4101%20Maple%20Ct&apikey=${attom} HTTP/1.1" 200 5120 "-" "python-requests/2.32.3"`,
    'generic',
    attom,
  );
  un(
    a,
    '10.4.3.40 - - [02/Jun/2025:10:00:09 +0000] "GET /v1/property/detail?address1=4103%20Maple%20Ct&apikey=[filtered] HTTP/1.1" 200 5120 "-" "python-requests/2.32.3"',
    'masked',
  );
}

// ---- Support tickets and Slack exports ------------------------------------------------------

function support(repo, t, g) {
  const z = repo.file('support/exports/zendesk-landlord-tickets-2025-05.csv', 'support');
  const afPw = g.human();
  const ydPw = g.human();
  const gate = g.plain(10);
  z.l('id,created_at,requester,subject,description,status');
  z.s(
    `88120,2025-05-03T15:02:11Z,owner@cedarrowhomes.com,"AppFolio import failing","Our AppFolio login for the import is hkimport@cedarrowhomes.com / ${afPw} - can you retry the sync?",solved`,
    'generic',
    afPw,
  );
  z.s(
    `88134,2025-05-06T09:44:20Z,pm@lakeshorerentals.com,"Yardi connection","Interface user hk_lakeshore, password ${ydPw}, entity Lakeshore Rentals LLC",open`,
    'generic',
    ydPw,
  );
  z.s(
    `88141,2025-05-07T18:10:03Z,maint@maplecourt.com,"Gateway offline","The SmartRent hub admin password is ${gate} if you need to log in remotely",closed`,
    'generic',
    gate,
  );
  z.d(
    '88150,2025-05-09T12:00:00Z,tenant@example.com,"Reset","Tenant says their password is ********, locked out",solved',
    'masked',
  );
  un(
    z,
    `88155,2025-05-10T08:30:00Z,ops@oakgrovepm.com,"Plaid","Their Plaid client id is ${g.plaidClientId()} (not secret)",solved`,
    'plaid client id',
  );

  const sl = repo.file('support/slack-export/ops-alerts/2025-05-14.json', 'support');
  const ak = t.awsId();
  const as = t.awsSecret();
  const sg = t.sendgrid();
  const pk = g.pkLive();
  sl.l('[');
  sl.s(
    `  {"type": "message", "user": "U04HK2A1B", "ts": "1715688000.000100", "text": "new photos uploader key since the old one leaked: ${ak} / ${as}"},`,
    'aws',
    as,
  );
  sl.s(
    `  {"type": "message", "user": "U04HK9Z7Q", "ts": "1715688300.000200", "text": "rotated sendgrid, new key is ${sg} - update the portal .env"},`,
    'sendgrid',
    sg,
  );
  sl.d(
    '  {"type": "message", "user": "U04HK2A1B", "ts": "1715688400.000300", "text": "please stop pasting keys here, use 1Password: <redacted>"},',
    'redacted',
  );
  un(
    sl,
    `  {"type": "message", "user": "U04HK9Z7Q", "ts": "1715688500.000400", "text": "fyi the publishable key on the pay page is ${pk}"}`,
    'stripe publishable key (public by design)',
  );
  sl.l(']');

  const sm = repo.file('support/slack-export/eng-mobile/2025-05-20.json', 'support');
  const expo = g.expo();
  const appPw = g.appleAppPw();
  sm.l('[');
  sm.s(
    `  {"type": "message", "user": "U05MB1C2D", "ts": "1716206400.000100", "text": "CI is blocked, using my personal EXPO_TOKEN=${expo} for now"},`,
    'expo',
    expo,
  );
  sm.s(
    `  {"type": "message", "user": "U05MB3E4F", "ts": "1716206500.000200", "text": "app-specific password for the release account: ${appPw}"},`,
    'generic',
    appPw,
  );
  un(
    sm,
    `  {"type": "message", "user": "U05MB1C2D", "ts": "1716206600.000300", "text": "build ${t.uuid()} finished"}`,
    'build id',
  );
  sm.l(']');

  const fr = repo.file('support/exports/freshdesk/ticket-5521.json', 'support');
  const dsSec = g.dsSecret();
  fr.l('{', '  "id": 5521,', '  "subject": "Lease envelopes stuck in draft",');
  fr.s(
    `  "description_text": "Hi, we regenerated our DocuSign secret key: ${dsSec}. Integration key ${t.uuid()}. Please update.",`,
    'docusign',
    dsSec,
  );
  fr.d('  "private_note": "Asked customer to send the key through the secure upload form instead.",', 'prose');
  fr.l('  "status": 4', '}');
}

// ---- Docs ----------------------------------------------------------------------------------

function docs(repo, t, g) {
  const m = repo.file('docs/runbooks/mls-onboarding.md', 'docs');
  const retsPw = g.plain(12);
  m.l(
    '# Onboarding a new MLS feed',
    '',
    '1. Sign the data license and request RETS + RESO Web API access.',
    '2. Put credentials in AWS Secrets Manager under `prod/listings/<board>`.',
    '',
  );
  m.d('```yaml\nusername: <rets-username>\npassword: <rets-password>\n```', 'placeholder');
  m.l('', 'Current HKMLS board login (shared with the vendor support line):', '');
  m.s(`    HKINGEST01 / ${retsPw}`, 'generic', retsPw);
  m.d(
    'Example from the vendor guide: `https://rets.example.com/login` with `demo_user` / `demo_password`.',
    'documented example on example.com',
  );

  const y = repo.file('docs/integrations/yardi.md', 'docs');
  y.l('# Yardi Voyager interface', '');
  y.d('Set `YARDI_PASSWORD=<from 1Password: Yardi ITF>` in the backoffice environment.', 'placeholder');
  un(y, 'The interface license file is stored at `s3://hearthkey-secrets/yardi/license.txt` (KMS encrypted).', 'path');

  const lk = repo.file('docs/runbooks/smart-locks.md', 'docs');
  const lat = g.lockApi();
  lk.l('# Smart locks', '', '## Latch');
  lk.s(`Partner key for the prod portfolio: \`${lat}\` (owner: facilities).`, 'generic', lat);
  lk.d('For local testing use `LATCH_API_KEY=latch_sandbox_xxx`.', 'placeholder');

  const ob = repo.file('docs/onboarding/it-access.md', 'docs');
  const vpn = g.human();
  const wifi = g.human();
  ob.l('# IT access for new staff', '');
  ob.s(`VPN pre-shared key for the leasing offices: \`${vpn}\``, 'generic', vpn);
  ob.s(`Office Wi-Fi (HearthKey-Staff): \`${wifi}\``, 'generic', wifi);
  un(ob, 'Your Yardi and AppFolio logins are created by IT; never share your password in tickets.', 'prose');

  const r = repo.file('README.md', 'docs');
  r.l(
    '# HearthKey platform',
    '',
    'Tenant portal, back office, landlord app, listings ingest and pricing.',
    '',
    '## Local setup',
    '',
    '```sh',
  );
  un(r, 'cp apps/tenant-portal/.env.example apps/tenant-portal/.env && php artisan key:generate', 'command');
  r.d('export STRIPE_SECRET=sk_test_...', 'placeholder');
  r.d('export PLAID_SECRET=<sandbox-secret>', 'placeholder');
  r.l('docker compose up -d mysql postgres redis minio', '```');
}

// ---- Noise: lockfiles, i18n, ids ---------------------------------------------------------------

function noise(repo, t, g) {
  const cl = repo.file('apps/tenant-portal/composer.lock', 'decoys');
  cl.l('{', '    "content-hash": "' + t.hex(32) + '",', '    "packages": [');
  for (const [i, p] of ['laravel/framework', 'stripe/stripe-php', 'docusign/esign-client'].entries()) {
    cl.l('        {', `            "name": "${p}",`, '            "source": {', '                "type": "git",');
    if (i === 0) cl.d(`                "reference": "${t.sha1()}"`, 'git commit sha');
    else cl.l(`                "reference": "${t.sha1()}"`);
    cl.l('            },', '            "dist": {');
    if (i === 0) cl.d(`                "shasum": "${t.sha1()}"`, 'dist checksum');
    else cl.l(`                "shasum": "${t.sha1()}"`);
    cl.l('            }', '        },');
  }
  cl.l('        {}', '    ]', '}');

  const gs = repo.file('services/listings-ingest/go.sum', 'decoys');
  for (const [i, m] of ['github.com/jackc/pgx/v5 v5.7.1', 'golang.org/x/oauth2 v0.23.0'].entries()) {
    const line = `${m} h1:${Buffer.from(t.pick(HEX, 64), 'hex').toString('base64')}`;
    if (i === 0) gs.d(line, 'go.sum hash');
    else gs.l(line);
  }

  const i18n = repo.file('apps/landlord-app/src/i18n/en.json', 'decoys');
  i18n.l('{');
  for (const [i, [k, v]] of [
    ['auth.password', 'Password'],
    ['lock.accessCode', 'Access code'],
    ['payments.plaidLink', 'Connect your bank with Plaid'],
    ['settings.apiKey', 'API key'],
  ].entries()) {
    if (i < 2) i18n.d(`  "${k}": "${v}",`, 'i18n');
    else i18n.l(`  "${k}": "${v}",`);
  }
  i18n.l('  "ok": "OK"', '}');

  const cn = repo.file('services/pricing/pricing/constants.py', 'decoys');
  un(cn, `PORTFOLIO_ID = "${t.uuid()}"`, 'uuid');
  un(cn, 'PASSWORD_MIN_LENGTH = 12', 'number');
  cn.d('BRIDGE_TOKEN_ENV = "BRIDGE_SERVER_TOKEN"', 'env var name');
  cn.d(`APN_SAMPLE = "0${t.digits(9)}"`, 'parcel number');
  un(cn, 'SECRET_NAME = "prod/pricing/snowflake"', 'secret path');

  const sd = repo.file('apps/backoffice/db/migrate/20250110120000_seed_property_managers.rb', 'decoys');
  sd.l('class SeedPropertyManagers < ActiveRecord::Migration[7.2]', '  def up');
  un(
    sd,
    `    execute "INSERT INTO admin_users (email, encrypted_password) VALUES ('pm@hearthkey.com', '${g.bcrypt()}')"`,
    'bcrypt hash',
  );
  sd.l('  end', 'end');
}
