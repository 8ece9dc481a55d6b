// Suite "retail": the monorepo of an e-commerce company (Rails storefront, Magento, WooCommerce,
// Shopify apps, Strapi, Django back office, Scrapy price scrapers, a Go inventory service, Spring
// batch jobs, a Perl order export cron, OpenResty edge scripts) and its CI, IaC, ops and logs.
import { ALNUM, HEX, B64, URLSAFE, UPPER, LOWER, DIGIT, Repo, makeTokens, mulberry32 } from './generate.mjs';

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 7927 + 419);
  const t = makeTokens(rand);
  const repo = new Repo();

  // ---- vendor formats ------------------------------------------------------------------
  const shpat = () => `shpat_${t.hex(32)}`;
  const shpss = () => `shpss_${t.hex(32)}`;
  const shpca = () => `shpca_${t.hex(32)}`;
  const shppa = () => `shppa_${t.hex(32)}`;
  const klaviyo = () => `pk_${t.hex(34)}`;
  const klaviyoSite = () => t.mixed(ALNUM, 6);
  const mailchimp = () => `${t.hex(32)}-us${1 + Math.floor(rand() * 21)}`;
  const postmark = () => t.uuid();
  const nrLicense = () => `${t.hex(36)}NRAL`;
  const nrak = () => `NRAK-${t.mixed(UPPER + DIGIT, 27)}`;
  const nrBrowser = () => `NRJS-${t.hex(19)}`;
  const dckr = () => `dckr_pat_${t.mixed(URLSAFE, 27)}`;
  const ghFine = () => `github_pat_11${t.mixed(UPPER + DIGIT, 20)}_${t.mixed(ALNUM, 59)}`;
  const glRunner = () => `glrt-${t.mixed(URLSAFE, 20)}`;
  const btAccess = () => `access_token$production$${t.lower(16)}$${t.hex(32)}`;
  const btMerchant = () => t.lower(16);
  const btTokenization = () => `production_${t.lower(8)}_${t.lower(16)}`;
  const paypalId = () => `A${t.mixed(URLSAFE, 79)}`;
  const paypalSecret = () => `E${t.mixed(URLSAFE, 79)}`;
  const cfGlobal = () => t.hex(37);
  const cfOriginCa = () => `v1.0-${t.hex(24)}-${t.hex(146)}`;
  const doSpacesKey = () => `DO00${t.mixed(UPPER + DIGIT, 16)}`;
  const doSpacesSecret = () => t.mixed(B64, 43);
  const twApiKey = () => `SK${t.hex(32)}`;
  const wcKey = () => `ck_${t.hex(40)}`;
  const wcSecret = () => `cs_${t.hex(40)}`;
  const sentryOrg = () =>
    `sntrys_${Buffer.from(
      JSON.stringify({
        iat: 1748736000,
        url: 'https://sentry.io',
        region_url: 'https://us.sentry.io',
        org: 'northwind-retail',
      }),
    )
      .toString('base64')
      .replace(/=+$/, '')}_${t.mixed(B64, 43)}`;
  const sentryUser = () => `sntryu_${t.pick(HEX, 64)}`;
  const sentryDsn = () => `https://${t.hex(32)}@o${t.digits(6)}.ingest.us.sentry.io/${t.digits(7)}`;
  const bkua = () => `bkua_${t.hex(40)}`;
  const djangoKey = () => t.mixed('abcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*(-_=+)', 50);
  const wpSalt = () => t.mixed(ALNUM + '!@#$%^&*()-_[]{}<>~`+=,.;:/?|', 64);
  const b64bytes = (n) => Buffer.from(Array.from({ length: n }, () => Math.floor(rand() * 256))).toString('base64');
  const pw = () => t.password();
  const upw = () => t.password().replace(/[^A-Za-z0-9]/g, '');
  const ean13 = () => {
    const d = t.pick(DIGIT, 12);
    const sum = [...d].reduce((a, c, i) => a + Number(c) * (i % 2 ? 3 : 1), 0);
    return d + ((10 - (sum % 10)) % 10);
  };
  const sku = () => `NW-${t.pick(UPPER, 3)}-${t.pick(DIGIT, 4)}-${['XS', 'S', 'M', 'L', 'XL'][Math.floor(rand() * 5)]}`;
  const gidOrder = () => `gid://shopify/Order/${t.digits(13)}`;
  const ip = () => `${[81, 92, 185, 203, 66][Math.floor(rand() * 5)]}.${t.digits(2)}.${t.digits(2)}.${t.digits(2)}`;
  const ansibleVault = () => ['$ANSIBLE_VAULT;1.1;AES256', ...Array.from({ length: 5 }, () => t.pick(HEX, 80))];

  // ==== Ruby on Rails storefront ========================================================
  const R = 'services/storefront-rails';
  const dby = repo.file(`${R}/config/database.yml`, 'rails');
  dby.l(
    'default: &default',
    '  adapter: postgresql',
    '  encoding: unicode',
    '  pool: <%= ENV.fetch("RAILS_MAX_THREADS") { 5 } %>',
    '',
    'development:',
    '  <<: *default',
    '  database: storefront_development',
    '',
    'staging:',
    '  <<: *default',
    '  database: storefront_staging',
    '  username: storefront',
  );
  const dbStg = pw();
  dby.s(`  password: ${dbStg}`, 'generic', dbStg);
  dby.l(
    '  host: pg-staging.nw-retail.internal',
    '',
    'production:',
    '  <<: *default',
    '  database: storefront_production',
  );
  dby.d('  username: <%= ENV["STOREFRONT_DB_USER"] %>', 'erb env reference');
  dby.d('  password: <%= ENV["STOREFRONT_DATABASE_PASSWORD"] %>', 'erb env reference');
  dby.l('  host: pg-prod-01.nw-retail.internal', '', 'reporting:', '  <<: *default');
  const dbRep = upw();
  dby.s(
    `  url: postgres://storefront_ro:${dbRep}@pg-replica-02.nw-retail.internal:5432/storefront_production`,
    'database',
    dbRep,
  );

  const mk = repo.file(`${R}/config/master.key`, 'rails');
  const masterKey = t.hex(32);
  mk.s(masterKey, 'generic', masterKey);
  const cenc = repo.file(`${R}/config/credentials.yml.enc`, 'rails');
  cenc.d(`${t.mixed(B64, 344)}--${t.mixed(B64, 16)}--${t.mixed(B64, 22)}==`, 'rails encrypted credentials');

  const sini = repo.file(`${R}/config/initializers/stripe.rb`, 'rails');
  const sk1 = t.stripeLive();
  sini.l('Rails.configuration.stripe = {');
  sini.d(`  publishable_key: ENV.fetch("STRIPE_PUBLISHABLE_KEY", "pk_live_${t.alnum(24)}"),`, 'stripe publishable');
  sini.s(`  secret_key: ENV.fetch("STRIPE_SECRET_KEY", "${sk1}"),`, 'stripe', sk1);
  sini.d('  webhook_secret: Rails.application.credentials.dig(:stripe, :webhook_secret)', 'credentials reference');
  sini.l('}', '', 'Stripe.api_key = Rails.configuration.stripe[:secret_key]');

  const shi = repo.file(`${R}/config/initializers/shopify_app.rb`, 'rails');
  const shSecret = shpss();
  shi.l('ShopifyApp.configure do |config|', '  config.application_name = "Northwind Sync"');
  shi.d(`  config.api_key = ENV.fetch("SHOPIFY_API_KEY", "${t.hex(32)}")`, 'shopify app client id (public)');
  shi.s(`  config.secret = "${shSecret}"`, 'shopify', shSecret);
  shi.d('  config.old_secret = ""', 'empty');
  shi.l('  config.scope = "read_products,write_orders,read_inventory"', '  config.embedded_app = true', 'end');

  const kli = repo.file(`${R}/config/initializers/klaviyo.rb`, 'rails');
  const kl1 = klaviyo();
  kli.l("require 'klaviyo-api-sdk'", '', 'KlaviyoAPI.configure do |config|');
  kli.s(`  config.api_key['Klaviyo-API-Key'] = '${kl1}'`, 'klaviyo', kl1);
  kli.l('  config.max_retries = 3', 'end');
  kli.d(`KLAVIYO_PUBLIC_KEY = '${klaviyoSite()}' # site id, goes into the onsite JS`, 'klaviyo public site id');

  const bti = repo.file(`${R}/config/initializers/braintree.rb`, 'rails');
  const btPriv = t.hex(32);
  bti.l('Braintree::Configuration.environment = :production');
  bti.d(`Braintree::Configuration.merchant_id = "${btMerchant()}"`, 'braintree merchant id');
  bti.d(`Braintree::Configuration.public_key = "${t.lower(16)}"`, 'braintree public key');
  bti.s(`Braintree::Configuration.private_key = "${btPriv}"`, 'braintree', btPriv);

  const sent = repo.file(`${R}/config/initializers/sentry.rb`, 'rails');
  sent.l('Sentry.init do |config|');
  sent.d(`  config.dsn = '${sentryDsn()}'`, 'sentry dsn (public)');
  sent.l('  config.traces_sample_rate = 0.05', 'end');

  const twi = repo.file(`${R}/config/initializers/twilio.rb`, 'rails');
  const twTok1 = t.twilioToken();
  twi.l('Twilio.configure do |config|');
  twi.d(`  config.account_sid = "${t.twilioSid()}"`, 'twilio account sid');
  twi.s(`  config.auth_token = "${twTok1}"`, 'twilio', twTok1);
  twi.l('end');

  const nry = repo.file(`${R}/config/newrelic.yml`, 'rails');
  const nrl1 = nrLicense();
  nry.l('common: &default_settings', '  app_name: storefront-rails');
  nry.d('  license_key: <%= ENV["NEW_RELIC_LICENSE_KEY"] %>', 'erb env reference');
  nry.l('  log_level: info', '', 'production:', '  <<: *default_settings');
  nry.s(`  license_key: '${nrl1}'`, 'newrelic', nrl1);

  const sto = repo.file(`${R}/config/storage.yml`, 'rails');
  const spKey = doSpacesKey();
  const spSec = doSpacesSecret();
  sto.l('amazon:', '  service: S3');
  sto.d('  access_key_id: <%= Rails.application.credentials.dig(:aws, :access_key_id) %>', 'credentials reference');
  sto.d(
    '  secret_access_key: <%= Rails.application.credentials.dig(:aws, :secret_access_key) %>',
    'credentials reference',
  );
  sto.l('  region: us-east-1', '  bucket: nw-storefront-uploads', '', 'spaces:', '  service: S3');
  sto.s(`  access_key_id: ${spKey}`, 'digitalocean', spKey);
  sto.s(`  secret_access_key: ${spSec}`, 'digitalocean', spSec);
  sto.l('  endpoint: https://nyc3.digitaloceanspaces.com', '  bucket: nw-product-images');

  const prodrb = repo.file(`${R}/config/environments/production.rb`, 'rails');
  const pmk = postmark();
  prodrb.l(
    'Rails.application.configure do',
    '  config.cache_classes = true',
    '  config.action_mailer.delivery_method = :postmark',
  );
  prodrb.s(`  config.action_mailer.postmark_settings = { api_token: "${pmk}" }`, 'postmark', pmk);
  prodrb.d(`  config.assets.prefix = "/assets" # application-${t.sha256()}.css`, 'asset fingerprint');
  prodrb.l('end');

  const fxo = repo.file(`${R}/spec/fixtures/orders.yml`, 'rails');
  for (let i = 0; i < 3; i++) {
    fxo.l(`order_${1001 + i}:`);
    fxo.d(`  shopify_gid: ${gidOrder()}`, 'order gid');
    fxo.d(`  checkout_token: ${t.hex(32)}`, 'checkout token (order id)');
    fxo.d(`  cart_token: c1-${t.hex(32)}`, 'cart token');
    fxo.d(`  sku: ${sku()}`, 'sku');
  }
  const fxw = repo.file(`${R}/spec/fixtures/files/orders_create_webhook.json`, 'rails');
  fxw.l('{', '  "headers": {', '    "X-Shopify-Topic": "orders/create",');
  fxw.d(`    "X-Shopify-Hmac-Sha256": "${t.mixed(B64, 43)}=",`, 'webhook hmac');
  fxw.d(`    "X-Shopify-Webhook-Id": "${t.uuid()}"`, 'webhook id');
  fxw.l('  },', '  "body": {');
  fxw.d(`    "admin_graphql_api_id": "${gidOrder()}",`, 'order gid');
  fxw.d(`    "token": "${t.hex(32)}",`, 'order token');
  fxw.d(`    "line_items": [{ "sku": "${sku()}", "barcode": "${ean13()}" }]`, 'sku and barcode');
  fxw.l('  }', '}');

  // ==== PHP: Magento, Shopify app (Laravel), WooCommerce ================================
  const mg = repo.file('services/magento/app/etc/env.php', 'php');
  const mgCrypt = t.mixed(LOWER + DIGIT, 32);
  const mgDb = pw();
  const mgRedis = upw();
  mg.l(
    '<?php',
    'return [',
    "    'backend' => [",
    "        'frontName' => 'admin_q7x2k9'",
    '    ],',
    "    'crypt' => [",
  );
  mg.s(`        'key' => '${mgCrypt}'`, 'generic', mgCrypt);
  mg.l(
    '    ],',
    "    'db' => [",
    "        'table_prefix' => '',",
    "        'connection' => [",
    "            'default' => [",
    "                'host' => 'mysql-magento.nw-retail.internal',",
    "                'dbname' => 'magento',",
    "                'username' => 'magento',",
  );
  mg.s(`                'password' => '${mgDb}',`, 'generic', mgDb);
  mg.l(
    "                'model' => 'mysql4',",
    "                'active' => '1'",
    '            ]',
    '        ]',
    '    ],',
    "    'session' => [",
    "        'save' => 'redis',",
    "        'redis' => [",
    "            'host' => 'redis-sessions.nw-retail.internal',",
    "            'port' => '6379',",
  );
  mg.s(`            'password' => '${mgRedis}',`, 'generic', mgRedis);
  mg.l(
    "            'database' => '2'",
    '        ]',
    '    ],',
    "    'cache' => [",
    "        'frontend' => [",
    "            'default' => [",
  );
  mg.d("                'backend_options' => ['server' => 'redis-cache', 'port' => '6379', 'password' => '']", 'empty');
  mg.l(
    '            ]',
    '        ]',
    '    ],',
    "    'system' => [",
    "        'default' => [",
    "            'payment' => [",
  );
  mg.d(
    `                'braintree' => ['private_key' => '0:3:${t.mixed(B64, 64)}'],`,
    'magento encrypted config value',
  );
  mg.l(
    '            ]',
    '        ]',
    '    ],',
    "    'install' => [",
    "        'date' => 'Tue, 14 Mar 2023 10:22:11 +0000'",
    '    ]',
    '];',
  );
  const mgl = repo.file('services/magento/app/etc/env.php.dist', 'php');
  mgl.l('<?php', 'return [');
  mgl.d("    'crypt' => ['key' => 'REPLACE_WITH_32_CHAR_KEY'],", 'placeholder');
  mgl.d("    'db' => ['connection' => ['default' => ['password' => getenv('MAGENTO_DB_PASSWORD')]]],", 'getenv');
  mgl.l('];');
  const mgauth = repo.file('services/magento/auth.json', 'php');
  const mgPub = t.hex(32);
  const mgPriv = t.hex(32);
  const glTokC = t.gitlab();
  mgauth.l('{', '    "http-basic": {', '        "repo.magento.com": {');
  mgauth.d(`            "username": "${mgPub}",`, 'magento marketplace public key');
  mgauth.s(`            "password": "${mgPriv}"`, 'generic', mgPriv);
  mgauth.l('        }', '    },', '    "gitlab-token": {');
  mgauth.s(`        "gitlab.com": "${glTokC}"`, 'gitlab', glTokC);
  mgauth.l('    }', '}');

  const sapp = repo.file('apps/shopify-reviews-php/.env', 'php');
  const appKey = b64bytes(32);
  const sappSecret = t.hex(32);
  const sappDb = upw();
  sapp.l('APP_NAME="Northwind Reviews"', 'APP_ENV=production');
  sapp.s(`APP_KEY=base64:${appKey}`, 'generic', appKey);
  sapp.l('APP_URL=https://reviews-app.nw-retail.com');
  sapp.d(`SHOPIFY_API_KEY=${t.hex(32)}`, 'shopify client id (public)');
  sapp.s(`SHOPIFY_API_SECRET=${sappSecret}`, 'shopify', sappSecret);
  sapp.l(
    'SCOPES=read_products,write_products,read_customers',
    'DB_CONNECTION=mysql',
    'DB_HOST=mysql-apps.nw-retail.internal',
    'DB_USERNAME=reviews',
  );
  sapp.s(`DB_PASSWORD=${sappDb}`, 'generic', sappDb);
  sapp.d('MAIL_PASSWORD=null', 'null');
  sapp.d('PUSHER_APP_SECRET=', 'empty');
  const sappEx = repo.file('apps/shopify-reviews-php/.env.example', 'php');
  sappEx.d('APP_KEY=', 'empty');
  sappEx.d('SHOPIFY_API_SECRET=your-shopify-api-secret', 'placeholder');
  sappEx.d('DB_PASSWORD=secret', 'laravel default placeholder');
  const wp = repo.file('services/woocommerce/wp-config.php', 'php');
  const wpDb = pw();
  wp.l('<?php', "define( 'DB_NAME', 'wp_shop' );", "define( 'DB_USER', 'wp_shop' );");
  wp.s(`define( 'DB_PASSWORD', '${wpDb}' );`, 'generic', wpDb);
  wp.l("define( 'DB_HOST', 'mysql-wp.nw-retail.internal' );", "define( 'DB_CHARSET', 'utf8mb4' );", '');
  for (const k of ['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY']) {
    const salt = wpSalt();
    wp.s(`define( '${k}', '${salt}' );`, 'generic', salt);
  }
  wp.l("$table_prefix = 'wp_';", "define( 'WP_DEBUG', false );");
  const wpd = repo.file('services/woocommerce/docker/wp-config-docker.php', 'php');
  wpd.l('<?php');
  wpd.d("define( 'DB_PASSWORD', getenv_docker('WORDPRESS_DB_PASSWORD', 'example password') );", 'getenv default');
  wpd.d("define( 'AUTH_KEY', getenv_docker('WORDPRESS_AUTH_KEY', 'put your unique phrase here') );", 'wp placeholder');
  wpd.d("define( 'SECURE_AUTH_KEY', 'put your unique phrase here' );", 'wp placeholder');
  const wcs = repo.file('services/woocommerce/scripts/sync_stock.php', 'php');
  const ck = wcKey();
  const cs = wcSecret();
  wcs.l(
    '<?php',
    "require __DIR__ . '/vendor/autoload.php';",
    'use Automattic\\WooCommerce\\Client;',
    '',
    '$woocommerce = new Client(',
    "    'https://shop.nw-retail.com',",
  );
  wcs.s(`    '${ck}',`, 'woocommerce', ck);
  wcs.s(`    '${cs}',`, 'woocommerce', cs);
  wcs.l("    ['version' => 'wc/v3', 'timeout' => 30]", ');');
  wcs.d(`$woocommerce->put('products/batch', ['update' => [['sku' => '${sku()}', 'stock_quantity' => 14]]]);`, 'sku');
  const wck = repo.file('services/woocommerce/wp-content/plugins/nw-klaviyo/includes/class-nw-klaviyo.php', 'php');
  const kl2 = klaviyo();
  const mc1 = mailchimp();
  wck.l('<?php', 'class NW_Klaviyo {');
  wck.s(`    private $private_key = '${kl2}';`, 'klaviyo', kl2);
  wck.d(`    private $public_key = '${klaviyoSite()}';`, 'klaviyo site id');
  wck.s(`    const MAILCHIMP_LEGACY_KEY = '${mc1}';`, 'mailchimp', mc1);
  wck.d("    private $list_key = get_option( 'nw_klaviyo_private_key' );", 'option lookup');
  wck.l('}');

  // ==== Node / TypeScript ===============================================================
  const CA = 'services/checkout-api';
  const cfg = repo.file(`${CA}/src/config.ts`, 'node');
  const sk2 = t.stripeLiveLong();
  const ppSec = paypalSecret();
  const btA = btAccess();
  const rdc = upw();
  cfg.l('export const config = {', '  port: Number(process.env.PORT ?? 3000),', '  stripe: {');
  cfg.s(`    secretKey: process.env.STRIPE_SECRET_KEY ?? '${sk2}',`, 'stripe', sk2);
  cfg.d(`    publishableKey: 'pk_live_51${t.alnum(97)}',`, 'stripe publishable');
  cfg.l('  },', '  paypal: {');
  cfg.d(`    clientId: '${paypalId()}',`, 'paypal client id');
  cfg.s(`    clientSecret: '${ppSec}',`, 'paypal', ppSec);
  cfg.l("    mode: 'live',", '  },', '  braintree: {');
  cfg.s(`    accessToken: '${btA}',`, 'braintree', btA);
  cfg.d(`    tokenizationKey: '${btTokenization()}',`, 'braintree tokenization key (client-side)');
  cfg.l('  },');
  cfg.s(
    `  redisUrl: process.env.REDIS_URL || 'redis://:${rdc}@redis-checkout.nw-retail.internal:6379/2',`,
    'database',
    rdc,
  );
  cfg.d('  sessionSecret: process.env.SESSION_SECRET!,', 'env reference');
  cfg.l('};');
  const whk = repo.file(`${CA}/src/routes/webhooks.ts`, 'node');
  const whs = `whsec_${t.alnum(32)}`;
  whk.l("import express from 'express';", "import Stripe from 'stripe';", '');
  whk.s(`const endpointSecret = '${whs}';`, 'stripe', whs);
  whk.d("const sig = req.headers['stripe-signature'] as string;", 'header name');
  whk.d(`// evt_${t.alnum(24)} replayed from the dashboard on 2025-05-02`, 'stripe event id');
  const sev = repo.file(`${CA}/test/fixtures/stripe-payment-intent.json`, 'node');
  sev.l('{');
  sev.d(`  "id": "pi_3${t.alnum(23)}",`, 'payment intent id');
  sev.d(`  "client_secret": "pi_3${t.alnum(23)}_secret_${t.alnum(25)}",`, 'payment intent client secret (browser)');
  sev.d(`  "customer": "cus_${t.alnum(14)}",`, 'customer id');
  sev.d('  "metadata": { "order_id": "NW-100482", "cart_id": "c1-8f2e0d5a9b7c4e1f" },', 'order/cart ids');
  sev.l('  "amount": 5899', '}');
  const capiEnv = repo.file(`${CA}/.env.production`, 'node');
  const sgc = sentryOrg();
  const algAdm = t.hex(32);
  capiEnv.l('NODE_ENV=production');
  capiEnv.s(`SENTRY_AUTH_TOKEN=${sgc}`, 'sentry', sgc);
  capiEnv.d(`SENTRY_DSN=${sentryDsn()}`, 'sentry dsn');
  capiEnv.l('ALGOLIA_APP_ID=H3KQ9ZP2WM');
  capiEnv.s(`ALGOLIA_ADMIN_KEY=${algAdm}`, 'algolia', algAdm);
  capiEnv.d(`ALGOLIA_SEARCH_KEY=${t.hex(32)}`, 'algolia search-only key');
  const twSk = twApiKey();
  const twSs = t.alnum(32);
  capiEnv.d(`TWILIO_API_KEY=${twSk}`, 'twilio api key sid');
  capiEnv.s(`TWILIO_API_SECRET=${twSs}`, 'twilio', twSs);

  const sap = repo.file('apps/shopify-admin-app/shopify.app.toml', 'node');
  sap.l('# Learn more about configuring your app at https://shopify.dev/docs/apps/tools/cli/configuration');
  sap.d(`client_id = "${t.hex(32)}"`, 'shopify app client id');
  sap.l(
    'name = "nw-bundles"',
    'application_url = "https://bundles.nw-retail.com"',
    'embedded = true',
    '',
    '[access_scopes]',
    'scopes = "write_products,read_orders"',
  );
  const sae = repo.file('apps/shopify-admin-app/.env', 'node');
  const saSec = shpss();
  const saCa = shpca();
  sae.d(`SHOPIFY_API_KEY=${t.hex(32)}`, 'shopify client id');
  sae.s(`SHOPIFY_API_SECRET=${saSec}`, 'shopify', saSec);
  sae.s(`SHOPIFY_CUSTOM_APP_TOKEN=${saCa}`, 'shopify', saCa);
  sae.l('SCOPES=write_products,read_orders', 'HOST=https://bundles.nw-retail.com');
  const hyd = repo.file('apps/hydrogen-storefront/.env', 'node');
  const hydAdmin = shpat();
  const hydSess = t.alnum(40);
  hyd.l('PUBLIC_STORE_DOMAIN=northwind-retail.myshopify.com');
  hyd.d(`PUBLIC_STOREFRONT_API_TOKEN=${t.hex(32)}`, 'storefront public token');
  hyd.d(`PUBLIC_STOREFRONT_ID=${t.digits(7)}`, 'storefront id');
  hyd.d(`PUBLIC_CUSTOMER_ACCOUNT_API_CLIENT_ID=shp_${t.uuid()}`, 'customer account client id');
  hyd.s(`PRIVATE_ADMIN_API_TOKEN=${hydAdmin}`, 'shopify', hydAdmin);
  hyd.s(`SESSION_SECRET=${hydSess}`, 'generic', hydSess);
  const hydc = repo.file('apps/hydrogen-storefront/app/lib/context.ts', 'node');
  hydc.l(
    "import { createStorefrontClient } from '@shopify/hydrogen';",
    'const { storefront } = createStorefrontClient({',
  );
  hydc.d('  publicStorefrontToken: env.PUBLIC_STOREFRONT_API_TOKEN,', 'env reference');
  hydc.d(`  storefrontId: '${t.digits(7)}',`, 'storefront id');
  hydc.d(
    `  storeDomain: 'https://northwind-retail.myshopify.com', // cart ${`gid://shopify/Cart/c1-${t.hex(32)}`}`,
    'cart gid',
  );
  hydc.l('});');

  const ST = 'services/cms-strapi';
  const ste = repo.file(`${ST}/.env`, 'node');
  const appKeys = Array.from({ length: 4 }, () => b64bytes(16));
  ste.l('HOST=0.0.0.0', 'PORT=1337');
  ste.s(`APP_KEYS=${appKeys.join(',')}`, 'generic', appKeys[0]);
  for (const k of ['API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET']) {
    const v = b64bytes(16);
    ste.s(`${k}=${v}`, 'generic', v);
  }
  const stDb = upw();
  ste.l('DATABASE_CLIENT=postgres', 'DATABASE_HOST=pg-cms.nw-retail.internal', 'DATABASE_USERNAME=strapi');
  ste.s(`DATABASE_PASSWORD=${stDb}`, 'generic', stDb);
  const stex = repo.file(`${ST}/.env.example`, 'node');
  stex.d('APP_KEYS="toBeModified1,toBeModified2"', 'strapi placeholder');
  stex.d('API_TOKEN_SALT=tobemodified', 'strapi placeholder');
  stex.d('ADMIN_JWT_SECRET=tobemodified', 'strapi placeholder');
  stex.d('JWT_SECRET=tobemodified', 'strapi placeholder');
  const stp = repo.file(`${ST}/config/plugins.js`, 'node');
  const pmk2 = postmark();
  stp.l(
    'module.exports = ({ env }) => ({',
    '  upload: {',
    '    config: {',
    "      provider: 'aws-s3',",
    '      providerOptions: {',
    '        s3Options: {',
    '          credentials: {',
  );
  stp.d("            accessKeyId: env('AWS_ACCESS_KEY_ID'),", 'env reference');
  stp.d("            secretAccessKey: env('AWS_ACCESS_SECRET'),", 'env reference');
  stp.l(
    '          },',
    '        },',
    '      },',
    '    },',
    '  },',
    '  email: {',
    '    config: {',
    "      provider: 'strapi-provider-email-postmark',",
    '      providerOptions: {',
  );
  stp.s(`        apiKey: env('POSTMARK_API_KEY', '${pmk2}'),`, 'postmark', pmk2);
  stp.l('      },', '    },', '  },', '});');
  const sts = repo.file(`${ST}/scripts/seed-content.sh`, 'node');
  const strapiTok = t.pick(HEX, 256);
  sts.l('#!/usr/bin/env bash');
  sts.s(`STRAPI_TOKEN="${strapiTok}"`, 'generic', strapiTok);
  sts.d(
    'curl -s -H "Authorization: Bearer $STRAPI_TOKEN" https://cms.nw-retail.com/api/products?pagination[pageSize]=100',
    'variable',
  );

  const idx = repo.file('services/search-indexer/src/index.js', 'node');
  const algAdm2 = t.hex(32);
  idx.l("const algoliasearch = require('algoliasearch');");
  idx.s(`const client = algoliasearch('H3KQ9ZP2WM', '${algAdm2}');`, 'algolia', algAdm2);
  idx.l("const index = client.initIndex('products_prod');");
  idx.d(`index.partialUpdateObject({ objectID: '${sku()}', barcode: '${ean13()}' });`, 'sku and barcode');
  const srch = repo.file('apps/web-theme/src/search.ts', 'node');
  srch.d(`const searchClient = algoliasearch('H3KQ9ZP2WM', '${t.hex(32)}'); // search-only`, 'algolia search-only key');
  srch.d(`window.klaviyoSiteId = '${klaviyoSite()}';`, 'klaviyo site id');
  srch.d(`const NR_BROWSER_KEY = '${nrBrowser()}';`, 'new relic browser key (public)');
  const kts = repo.file('services/mailer/src/klaviyo.ts', 'node');
  const kl3 = klaviyo();
  kts.l(
    'export async function track(event: string, profile: Profile) {',
    "  return fetch('https://a.klaviyo.com/api/events/', {",
    "    method: 'POST',",
    '    headers: {',
  );
  kts.s(`      Authorization: 'Klaviyo-API-Key ${kl3}',`, 'klaviyo', kl3);
  kts.l("      revision: '2024-10-15',", '    },', '  });', '}');
  const mch = repo.file('services/mailer/src/mailchimp.ts', 'node');
  const mc2 = mailchimp();
  mch.l("import mailchimp from '@mailchimp/mailchimp_marketing';", '');
  mch.s(`mailchimp.setConfig({ apiKey: '${mc2}', server: '${mc2.split('-')[1]}' });`, 'mailchimp', mc2);
  mch.d("mailchimp.setConfig({ apiKey: process.env.MAILCHIMP_API_KEY, server: 'us21' });", 'env reference');
  const npmrc = repo.file('.npmrc', 'node');
  const npmTok = t.npm();
  const ghPkg = t.github();
  npmrc.l('@northwind:registry=https://npm.pkg.github.com');
  npmrc.s(`//npm.pkg.github.com/:_authToken=${ghPkg}`, 'github', ghPkg);
  npmrc.s(`//registry.npmjs.org/:_authToken=${npmTok}`, 'npm', npmTok);
  npmrc.d('//registry.npmjs.org/:_authToken=${NPM_TOKEN}', 'env reference');

  // ==== Python: Django back office, Scrapy, pandas ======================================
  const DJ = 'services/backoffice-django';
  const djp = repo.file(`${DJ}/backoffice/settings/production.py`, 'python');
  const djk = djangoKey();
  const djDb = pw();
  const pmk3 = postmark();
  const awsI1 = t.awsId();
  const awsS1 = t.awsSecret();
  const twTok2 = t.twilioToken();
  djp.l('from .base import *  # noqa', '', 'DEBUG = False');
  djp.s(`SECRET_KEY = "${djk}"`, 'generic', djk);
  djp.l(
    'DATABASES = {',
    '    "default": {',
    '        "ENGINE": "django.db.backends.postgresql",',
    '        "NAME": "backoffice",',
    '        "USER": "backoffice",',
  );
  djp.s(`        "PASSWORD": "${djDb}",`, 'generic', djDb);
  djp.l('        "HOST": "pg-prod-01.nw-retail.internal",', '    }', '}', 'EMAIL_HOST = "smtp.postmarkapp.com"');
  djp.s(`EMAIL_HOST_USER = "${pmk3}"  # postmark: user and password are the same server token`, 'postmark', pmk3);
  djp.s(`EMAIL_HOST_PASSWORD = "${pmk3}"`, 'postmark', pmk3);
  djp.s(`AWS_ACCESS_KEY_ID = "${awsI1}"`, 'aws', awsI1);
  djp.s(`AWS_SECRET_ACCESS_KEY = "${awsS1}"`, 'aws', awsS1);
  djp.l('AWS_STORAGE_BUCKET_NAME = "nw-backoffice-media"');
  djp.d(`TWILIO_ACCOUNT_SID = "${t.twilioSid()}"`, 'twilio account sid');
  djp.s(`TWILIO_AUTH_TOKEN = "${twTok2}"`, 'twilio', twTok2);
  djp.d(`sentry_sdk.init(dsn="${sentryDsn()}", traces_sample_rate=0.1)`, 'sentry dsn');
  const djb = repo.file(`${DJ}/backoffice/settings/base.py`, 'python');
  djb.l('import os', '');
  djb.d('SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]', 'env reference');
  djb.d(
    'AUTH_PASSWORD_VALIDATORS = [{"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"}]',
    'setting name',
  );
  djb.d('PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]', 'setting name');
  djb.d('SHOPIFY_ACCESS_TOKEN = os.getenv("SHOPIFY_ACCESS_TOKEN", "")', 'getenv');
  djb.l('', 'if os.getenv("DJANGO_ENV") == "local":');
  djb.d('    SECRET_KEY = "django-insecure-change-me-local-dev-only"', 'placeholder');
  djb.d('    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": "db.sqlite3"}}', 'sqlite');
  const djfx = repo.file(`${DJ}/orders/fixtures/users.json`, 'python');
  djfx.l('[');
  djfx.d(
    `  {"model": "auth.user", "pk": 1, "fields": {"username": "admin", "password": "pbkdf2_sha256$720000$${t.alnum(22)}$${t.mixed(B64, 43)}="}},`,
    'django password hash',
  );
  djfx.d(
    `  {"model": "orders.order", "pk": 2, "fields": {"number": "NW-100482", "sku": "${sku()}", "ean": "${ean13()}"}}`,
    'order, sku, ean',
  );
  djfx.l(']');
  const djs = repo.file(`${DJ}/orders/services/shopify_client.py`, 'python');
  const shp3 = shpat();
  djs.l('import shopify', '', 'SHOP_URL = "northwind-retail.myshopify.com"', 'API_VERSION = "2024-10"');
  djs.s(`session = shopify.Session(SHOP_URL, API_VERSION, "${shp3}")`, 'shopify', shp3);
  djs.l('shopify.ShopifyResource.activate_session(session)');
  djs.d(`order = shopify.Order.find(${t.digits(13)})`, 'order id');

  const SC = 'services/price-scraper';
  const scs = repo.file(`${SC}/price_scraper/settings.py`, 'python');
  const zyte = t.hex(32);
  const rp1 = t.lower(12);
  const rp2 = t.alnum(16);
  const awsI2 = t.awsId();
  const awsS2 = t.awsSecret();
  scs.l(
    'BOT_NAME = "price_scraper"',
    'ROBOTSTXT_OBEY = True',
    'DOWNLOADER_MIDDLEWARES = {',
    '    "rotating_proxies.middlewares.RotatingProxyMiddleware": 610,',
    '}',
    'ROTATING_PROXY_LIST = [',
  );
  scs.s(`    "http://nwscrape:${rp1}@gate.smartproxy.com:7000",`, 'generic', rp1);
  scs.s(`    "http://nwscrape-us:${rp2}@us.smartproxy.com:10000",`, 'generic', rp2);
  scs.l(']');
  scs.s(`ZYTE_API_KEY = "${zyte}"`, 'generic', zyte);
  scs.l('FEEDS = {"s3://nw-price-feeds/%(name)s/%(time)s.jsonl": {"format": "jsonlines"}}');
  scs.s(`AWS_ACCESS_KEY_ID = "${awsI2}"`, 'aws', awsI2);
  scs.s(`AWS_SECRET_ACCESS_KEY = "${awsS2}"`, 'aws', awsS2);
  scs.d('HTTPPROXY_AUTH_ENCODING = "latin-1"', 'setting');
  const spd = repo.file(`${SC}/price_scraper/spiders/competitor_a.py`, 'python');
  const brd = t.lower(12);
  const bapw = t.alnum(14);
  spd.l(
    'import scrapy',
    'from w3lib.http import basic_auth_header',
    '',
    'class CompetitorASpider(scrapy.Spider):',
    '    name = "competitor_a"',
    '',
    '    def start_requests(self):',
    '        for url in self.start_urls:',
    '            yield scrapy.Request(',
    '                url,',
  );
  spd.s(
    `                meta={"proxy": "http://brd-customer-hl_${t.hex(8)}-zone-residential:${brd}@brd.superproxy.io:22225"},`,
    'generic',
    brd,
  );
  spd.l('            )', '', '    def start_requests_dc(self):', '        yield scrapy.Request(');
  spd.s(
    `            self.start_urls[0], headers={"Proxy-Authorization": basic_auth_header("dc-pool-7", "${bapw}")}`,
    'generic',
    bapw,
  );
  spd.l('        )', '', '    def parse(self, response):');
  spd.d(
    '        yield {"sku": response.css("[itemprop=sku]::text").get(), "gtin": response.css("[itemprop=gtin13]::text").get()}',
    'selectors',
  );
  const spd2 = repo.file(`${SC}/price_scraper/spiders/competitor_b.py`, 'python');
  spd2.l('import os', 'import scrapy', '', 'class CompetitorBSpider(scrapy.Spider):', '    name = "competitor_b"');
  spd2.d('    custom_settings = {"HTTPPROXY_PROXY": os.environ["BRIGHTDATA_PROXY_URL"]}', 'env reference');
  spd2.d('    # proxy = "http://<user>:<password>@brd.superproxy.io:22225"', 'placeholder');
  spd2.d(`    start_urls = ["https://www.competitor-b.example/p/${ean13()}?variant=${t.digits(14)}"]`, 'product url');

  const dsp = repo.file('analytics/scripts/daily_sales.py', 'python');
  const anPw = upw();
  const mc3 = mailchimp();
  dsp.l(
    'import pandas as pd',
    'from sqlalchemy import create_engine',
    'import mailchimp_marketing as MailchimpMarketing',
    '',
  );
  dsp.s(
    `engine = create_engine("postgresql+psycopg2://analyst:${anPw}@warehouse.nw-retail.internal:5432/sales")`,
    'database',
    anPw,
  );
  dsp.l(
    'df = pd.read_sql("SELECT order_id, sku, total FROM orders WHERE created_at >= now() - interval \'1 day\'", engine)',
    'client = MailchimpMarketing.Client()',
  );
  dsp.s(`client.set_config({"api_key": "${mc3}", "server": "${mc3.split('-')[1]}"})`, 'mailchimp', mc3);
  dsp.d('df["sku"] = df["sku"].str.upper()  # e.g. NW-TEE-0042-XL', 'sku');
  const rfm = repo.file('analytics/scripts/rfm_segments.py', 'python');
  const gaSecret = t.mixed(URLSAFE, 22);
  rfm.l('import os', 'import requests', '');
  rfm.d(
    'KLAVIYO_KEY = os.environ.get("KLAVIYO_PRIVATE_KEY", "pk_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")',
    'placeholder fallback',
  );
  rfm.d('MEASUREMENT_ID = "G-7QK2M9XHZL"', 'ga measurement id');
  rfm.s(`GA4_API_SECRET = "${gaSecret}"`, 'generic', gaSecret);

  // ==== Jupyter notebook =================================================================
  const nb = repo.file('analytics/notebooks/sales_forecast_q3.ipynb', 'notebook');
  const nbShp = shpat();
  const nbPw = upw();
  const nbAws = t.awsSecret();
  const cellId = () => t.hex(8);
  nb.l('{', ' "cells": [', '  {', '   "cell_type": "markdown",');
  nb.d(`   "id": "${cellId()}",`, 'cell id');
  nb.l(
    '   "metadata": {},',
    '   "source": [',
    '    "# Q3 sales forecast (Prophet)\\n"',
    '   ]',
    '  },',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 1,',
  );
  nb.d(`   "id": "${cellId()}",`, 'cell id');
  nb.l(
    '   "metadata": {},',
    '   "outputs": [],',
    '   "source": [',
    '    "import pandas as pd\\n",',
    '    "import shopify\\n",',
  );
  nb.s(`    "SHOPIFY_TOKEN = \\"${nbShp}\\"\\n",`, 'shopify', nbShp);
  nb.s(
    `    "WAREHOUSE_URL = \\"postgresql://forecast:${nbPw}@warehouse.nw-retail.internal/sales\\"\\n",`,
    'database',
    nbPw,
  );
  nb.l(
    '    "orders = pd.read_sql(\\"select * from daily_orders\\", WAREHOUSE_URL)"',
    '   ]',
    '  },',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 2,',
  );
  nb.d(`   "id": "${cellId()}",`, 'cell id');
  nb.l(
    '   "metadata": {},',
    '   "outputs": [',
    '    {',
    '     "name": "stdout",',
    '     "output_type": "stream",',
    '     "text": [',
  );
  nb.d('      "Engine(postgresql://forecast:***@warehouse.nw-retail.internal/sales)\\n",', 'masked repr');
  nb.d(
    '      "stripe.error.AuthenticationError: Invalid API Key provided: sk_live_********************3kQz\\n",',
    'masked error',
  );
  nb.s(
    `      "{'aws_access_key_id': '${t.awsId()}', 'aws_secret_access_key': '${nbAws}', 'region': 'us-east-1'}\\n"`,
    'aws',
    nbAws,
  );
  nb.l('     ]', '    },', '    {', '     "data": {');
  nb.d(`      "image/png": "${t.pngBase64()}",`, 'png output');
  nb.l(
    '      "text/plain": [',
    '       "<Figure size 1200x500 with 1 Axes>"',
    '      ]',
    '     },',
    '     "metadata": {},',
    '     "output_type": "display_data"',
    '    }',
    '   ],',
    '   "source": [',
    '    "print(boto3.Session().get_credentials().__dict__)\\n",',
    '    "forecast.plot()"',
    '   ]',
    '  }',
    ' ],',
    ' "metadata": {',
    '  "kernelspec": { "display_name": "Python 3", "language": "python", "name": "python3" }',
    ' },',
    ' "nbformat": 4,',
    ' "nbformat_minor": 5',
    '}',
  );

  // ==== Go inventory service =============================================================
  const GO = 'services/inventory-go';
  const goc = repo.file(`${GO}/internal/config/config.go`, 'go');
  const goDb = upw();
  const goRedis = pw();
  const goShp = shpat();
  goc.l(
    'package config',
    '',
    'import "os"',
    '',
    'type Config struct {',
    '\tDatabaseDSN     string',
    '\tRedisPassword   string',
    '\tShopifyToken    string',
    '\tWarehouseAPIKey string',
    '}',
    '',
    'var Default = Config{',
  );
  goc.s(
    `\tDatabaseDSN:     "inventory:${goDb}@tcp(mysql-inv.nw-retail.internal:3306)/inventory?parseTime=true",`,
    'database',
    goDb,
  );
  goc.s(`\tRedisPassword:   "${goRedis}",`, 'generic', goRedis);
  goc.s(`\tShopifyToken:    "${goShp}",`, 'shopify', goShp);
  goc.d('\tWarehouseAPIKey: os.Getenv("WAREHOUSE_API_KEY"),', 'getenv');
  goc.l('}');
  const gom = repo.file(`${GO}/cmd/sync/main.go`, 'go');
  const goShp2 = shppa();
  const whKey = t.alnum(32);
  gom.l(
    'package main',
    '',
    'import (',
    '\t"net/http"',
    '\t"os"',
    '',
    '\tgoshopify "github.com/bold-commerce/go-shopify/v4"',
    ')',
    '',
    'func main() {',
    '\tapp := goshopify.App{}',
  );
  gom.s(`\tclient, _ := goshopify.NewClient(app, "northwind-outlet", "${goShp2}")`, 'shopify', goShp2);
  gom.d('\treq.Header.Set("X-Shopify-Access-Token", os.Getenv("SHOPIFY_ACCESS_TOKEN"))', 'getenv');
  gom.l('\treq, _ := http.NewRequest("GET", "https://wms.3pl-partner.com/api/v2/stock", nil)');
  gom.s(`\treq.Header.Set("X-Api-Key", "${whKey}")`, 'generic', whKey);
  gom.d(`\treq.Header.Set("If-None-Match", \`W/"${t.hex(32)}"\`)`, 'etag');
  gom.l('\t_ = client', '}');
  const goy = repo.file(`${GO}/config/inventory.prod.yaml`, 'go');
  const nrl2 = nrLicense();
  const goTw = t.twilioToken();
  goy.l('http:', '  addr: ":8080"', 'newrelic:', '  app_name: inventory-go');
  goy.s(`  license_key: ${nrl2}`, 'newrelic', nrl2);
  goy.l('alerts:', '  twilio:');
  goy.d(`    account_sid: ${t.twilioSid()}`, 'twilio account sid');
  goy.s(`    auth_token: ${goTw}`, 'twilio', goTw);
  goy.l('    from: "+15005550006"');
  goy.d('    to: ${OPS_ONCALL_PHONE}', 'env reference');
  const gobc = repo.file(`${GO}/internal/barcode/ean_test.go`, 'go');
  gobc.l('package barcode', '', 'var valid = []string{');
  for (let i = 0; i < 4; i++) gobc.d(`\t"${ean13()}",`, 'ean-13 barcode');
  gobc.l('}');
  gobc.d(`const fixtureETag = "\\"${t.hex(32)}\\""`, 'etag');
  const gosum = repo.file(`${GO}/go.sum`, 'go');
  for (const m of [
    'github.com/bold-commerce/go-shopify/v4 v4.5.0',
    'github.com/go-sql-driver/mysql v1.8.1',
    'github.com/redis/go-redis/v9 v9.6.1',
  ])
    gosum.d(`${m} h1:${t.mixed(B64, 43)}=`, 'go.sum hash');

  // ==== Java: Spring batch, Quartz =======================================================
  const JV = 'services/order-batch';
  const apy = repo.file(`${JV}/src/main/resources/application.yml`, 'java');
  const jDb = pw();
  const jSftp = pw();
  const jFallback = upw();
  apy.l(
    'spring:',
    '  batch:',
    '    job:',
    '      enabled: false',
    '  datasource:',
    '    url: jdbc:postgresql://pg-prod-01.nw-retail.internal:5432/orders',
    '    username: order_batch',
  );
  apy.s(`    password: ${jDb}`, 'generic', jDb);
  apy.l('  rabbitmq:', '    host: rabbit.nw-retail.internal', '    username: batch');
  apy.d('    password: ${RABBITMQ_PASSWORD}', 'placeholder');
  apy.l('warehouse:', '  sftp:', '    host: sftp.3pl-partner.com', '    username: northwind');
  apy.s(`    password: "${jSftp}"`, 'generic', jSftp);
  apy.l('erp:', '  api:', '    base-url: https://erp.nw-retail.internal/api');
  apy.s(`    token: \${ERP_API_TOKEN:${jFallback}}`, 'generic', jFallback);
  const apr = repo.file(`${JV}/src/main/resources/application-prod.properties`, 'java');
  const jPm = postmark();
  const jPp = paypalSecret();
  const jNr = nrak();
  apr.l('spring.mail.host=smtp.postmarkapp.com', 'spring.mail.port=587');
  apr.s(`spring.mail.username=${jPm}`, 'postmark', jPm);
  apr.s(`spring.mail.password=${jPm}`, 'postmark', jPm);
  apr.d(`paypal.client.id=${paypalId()}`, 'paypal client id');
  apr.s(`paypal.client.secret=${jPp}`, 'paypal', jPp);
  apr.s(`newrelic.api.key=${jNr}`, 'newrelic', jNr);
  apr.d('klaviyo.private-key=${KLAVIYO_PRIVATE_KEY}', 'placeholder');
  const qz = repo.file(`${JV}/src/main/resources/quartz.properties`, 'java');
  const qPw = pw();
  qz.l(
    'org.quartz.scheduler.instanceName = OrderBatchScheduler',
    'org.quartz.jobStore.class = org.quartz.impl.jdbcjobstore.JobStoreTX',
    'org.quartz.jobStore.dataSource = quartzDS',
    'org.quartz.dataSource.quartzDS.driver = org.postgresql.Driver',
    'org.quartz.dataSource.quartzDS.URL = jdbc:postgresql://pg-prod-01.nw-retail.internal:5432/quartz',
    'org.quartz.dataSource.quartzDS.user = quartz',
  );
  qz.s(`org.quartz.dataSource.quartzDS.password = ${qPw}`, 'generic', qPw);
  qz.l('org.quartz.dataSource.quartzDS.maxConnections = 5');
  const jcls = repo.file(`${JV}/src/main/java/com/northwind/batch/export/SftpExportConfig.java`, 'java');
  const jHard = pw();
  jcls.l(
    'package com.northwind.batch.export;',
    '',
    'import org.springframework.beans.factory.annotation.Value;',
    '',
    'public class SftpExportConfig {',
  );
  jcls.d('    @Value("${warehouse.sftp.password}")', 'property reference');
  jcls.d('    private String password;', 'field');
  jcls.s(`    private static final String FALLBACK_SFTP_PASSWORD = "${jHard}";`, 'generic', jHard);
  jcls.d('    private static final String PASSWORD_PROPERTY = "warehouse.sftp.password";', 'property name');
  jcls.l('}');
  const jst = repo.file(`${JV}/src/main/java/com/northwind/batch/jobs/StripePayoutJob.java`, 'java');
  const jsk = t.stripeLive();
  const jrk = `rk_live_${t.alnum(24)}`;
  jst.l(
    'package com.northwind.batch.jobs;',
    '',
    'import com.stripe.Stripe;',
    '',
    'public class StripePayoutJob implements Job {',
    '    public void execute(JobExecutionContext ctx) {',
  );
  jst.s(`        Stripe.apiKey = System.getenv().getOrDefault("STRIPE_KEY", "${jsk}");`, 'stripe', jsk);
  jst.s(`        RequestOptions reporting = RequestOptions.builder().setApiKey("${jrk}").build();`, 'stripe', jrk);
  jst.l('    }', '}');
  const jtest = repo.file(`${JV}/src/test/resources/application-test.yml`, 'java');
  jtest.l('spring:', '  datasource:', '    url: jdbc:h2:mem:orders', '    username: sa');
  jtest.d('    password: ""', 'empty');
  jtest.d('paypal.client.secret: test-secret-not-real', 'fake fixture');

  // ==== Perl legacy order export =========================================================
  const PL = 'legacy/order-export';
  const plx = repo.file(`${PL}/bin/export_orders.pl`, 'perl');
  const plDb = pw();
  const plFtp = upw();
  plx.l('#!/usr/bin/perl', 'use strict;', 'use warnings;', 'use DBI;', 'use Net::FTP;', '');
  plx.s(
    `my $dbh = DBI->connect("DBI:mysql:database=shop;host=db-legacy.nw-retail.internal", "export", '${plDb}', { RaiseError => 1 }) or die $DBI::errstr;`,
    'generic',
    plDb,
  );
  plx.l(
    'my $sth = $dbh->prepare("SELECT order_no, sku, qty FROM orders WHERE exported = 0");',
    '',
    'my $ftp = Net::FTP->new("ftp.3pl-partner.com", Passive => 1) or die;',
  );
  plx.s(`$ftp->login("northwind", "${plFtp}") or die $ftp->message;`, 'generic', plFtp);
  plx.d('my $ora_pw = $ENV{ORACLE_PASSWORD} || die "ORACLE_PASSWORD not set";', 'env reference');
  plx.d('my $dbh2 = DBI->connect($dsn, $user, $ora_pw, { AutoCommit => 0 });', 'variables');
  const plc = repo.file(`${PL}/etc/export.conf`, 'perl');
  const plc1 = pw();
  plc.l(
    '# Config::General',
    '<database>',
    '  dsn  DBI:Oracle:host=erp-ora.nw-retail.internal;sid=ERP',
    '  user ORDEXP',
  );
  plc.s(`  pass ${plc1}`, 'generic', plc1);
  plc.l('</database>', '<mail>', '  smtp smtp.postmarkapp.com');
  const plPm = postmark();
  plc.s(`  token ${plPm}`, 'postmark', plPm);
  plc.l('</mail>');
  const plk = repo.file(`${PL}/etc/keys/sftp_ed25519`, 'perl');
  const ossh = t.opensshPem();
  plk.s(ossh, 'private-key', ossh.join('\n'));

  // ==== Lua / OpenResty ==================================================================
  const LU = 'edge/openresty';
  const lrl = repo.file(`${LU}/lua/rate_limit.lua`, 'lua');
  const luRedis = upw();
  lrl.l(
    'local redis = require "resty.redis"',
    'local red = redis:new()',
    'red:set_timeouts(100, 100, 100)',
    'local ok, err = red:connect("10.20.0.15", 6379)',
  );
  lrl.s(`local res, err = red:auth("${luRedis}")`, 'generic', luRedis);
  lrl.d('local res2, err2 = red:auth(os.getenv("REDIS_PASSWORD"))', 'getenv');
  lrl.l('if not res then ngx.log(ngx.ERR, "failed to authenticate: ", err) return end');
  const lac = repo.file(`${LU}/lua/hmac_check.lua`, 'lua');
  const luHmac = t.hex(64);
  lac.l('local hmac = require "resty.hmac"');
  lac.s(`local SHARED_SECRET = "${luHmac}"`, 'generic', luHmac);
  lac.d('local api_key = os.getenv("EDGE_API_KEY")', 'getenv');
  lac.d('local sig = ngx.req.get_headers()["X-Shopify-Hmac-Sha256"]', 'header name');
  const lua3 = repo.file(`${LU}/lua/config.lua`, 'lua');
  const luCf = t.cloudflare();
  const luKl = klaviyo();
  lua3.l('local _M = {}', '_M.origin = "https://origin.nw-retail.com"');
  lua3.s(`_M.cloudflare_token = "${luCf}"`, 'cloudflare', luCf);
  lua3.s(`_M.klaviyo = { private_key = "${luKl}", timeout = 2000 }`, 'klaviyo', luKl);
  lua3.d(`_M.zone_id = "${t.hex(32)}"`, 'cloudflare zone id');
  lua3.l('return _M');
  const ngc = repo.file(`${LU}/conf/nginx.conf`, 'lua');
  const ngBasic = upw();
  const cfAccessSecret = t.hex(64);
  ngc.l(
    'worker_processes auto;',
    'http {',
    '  lua_shared_dict limits 10m;',
    '  server {',
    '    listen 443 ssl;',
    '    location /wms/ {',
    '      proxy_pass https://wms.3pl-partner.com/;',
  );
  ngc.s(
    `      proxy_set_header Authorization "Basic ${Buffer.from(`northwind:${ngBasic}`).toString('base64')}";`,
    'generic',
    ngBasic,
  );
  ngc.l('    }', '    location /internal/ {');
  ngc.d(`      proxy_set_header CF-Access-Client-Id "${t.hex(32)}.access";`, 'cloudflare access client id');
  ngc.s(`      proxy_set_header CF-Access-Client-Secret "${cfAccessSecret}";`, 'cloudflare', cfAccessSecret);
  ngc.l('    }', '    location /api/ {');
  ngc.d('      set $upstream_token $http_x_api_token;', 'nginx variable');
  ngc.d('      access_by_lua_file /etc/nginx/lua/hmac_check.lua;', 'path');
  ngc.l('    }', '  }', '}');
  const htp = repo.file(`${LU}/conf/.htpasswd`, 'lua');
  htp.d(`staff:$apr1$${t.alnum(8)}$${t.mixed(ALNUM + './', 22)}`, 'htpasswd hash');

  // ==== CI: Jenkins, CircleCI, Buildkite =================================================
  const jf = repo.file('Jenkinsfile', 'ci');
  const jDk = dckr();
  const jNrak = nrak();
  jf.l('pipeline {', '  agent { label "docker" }', '  environment {');
  jf.d("    DOCKERHUB = credentials('dockerhub-retailbot')", 'jenkins credentials binding');
  jf.s(`    NEW_RELIC_API_KEY = '${jNrak}'`, 'newrelic', jNrak);
  jf.l('  }', '  stages {', '    stage("push") {', '      steps {');
  jf.s(`        sh "docker login -u nwretailbot -p ${jDk}"`, 'dockerhub', jDk);
  jf.d('        sh \'echo "$DOCKERHUB_PSW" | docker login -u "$DOCKERHUB_USR" --password-stdin\'', 'variable');
  jf.d(
    "        withCredentials([string(credentialsId: 'shopify-admin-token', variable: 'SHOPIFY_TOKEN')]) {",
    'credentials binding',
  );
  jf.l('          sh "./scripts/sync-themes.sh"', '        }', '      }', '    }', '  }', '}');
  const jfl = repo.file('legacy/order-export/Jenkinsfile', 'ci');
  const jflPw = pw();
  jfl.l('node("legacy") {', '  stage("deploy") {');
  jfl.s(
    `    sh "sshpass -p '${jflPw}' scp -r bin etc export@legacy-01.nw-retail.internal:/opt/order-export/"`,
    'generic',
    jflPw,
  );
  jfl.l('  }', '}');

  const cci = repo.file('.circleci/config.yml', 'ci');
  const cAlg = t.hex(32);
  const cSen = sentryUser();
  const cGh = ghFine();
  cci.l(
    'version: 2.1',
    'orbs:',
    '  node: circleci/node@5.2.0',
    'jobs:',
    '  deploy-search:',
    '    docker:',
    '      - image: cimg/node:20.11',
  );
  cci.d('        auth:', 'key');
  cci.d('          username: $DOCKERHUB_USER', 'env reference');
  cci.d('          password: $DOCKERHUB_PASSWORD  # context/org env var', 'env reference');
  cci.l('    environment:', '      ALGOLIA_APP_ID: H3KQ9ZP2WM');
  cci.s(`      ALGOLIA_ADMIN_KEY: ${cAlg}`, 'algolia', cAlg);
  cci.s(`      SENTRY_AUTH_TOKEN: ${cSen}`, 'sentry', cSen);
  cci.l('    steps:', '      - checkout');
  cci.s(
    `      - run: git clone https://x-access-token:${cGh}@github.com/northwind-retail/theme-assets.git`,
    'github',
    cGh,
  );
  cci.d('      - run: npm publish --//registry.npmjs.org/:_authToken=$NPM_TOKEN', 'env reference');
  cci.l('workflows:', '  main:', '    jobs:', '      - deploy-search:');
  cci.d('          context: retail-prod', 'context name');

  const bk = repo.file('.buildkite/pipeline.yml', 'ci');
  const bkCf = t.cloudflare();
  const bkDo = t.digitalocean();
  bk.l('env:', '  DOCKER_BUILDKIT: "1"');
  bk.s(`  CLOUDFLARE_API_TOKEN: "${bkCf}"`, 'cloudflare', bkCf);
  bk.l(
    'steps:',
    '  - label: ":docker: build inventory-go"',
    '    plugins:',
    '      - docker-login#v3.0.0:',
    '          username: nwretailbot',
  );
  bk.d('          password-env: DOCKER_LOGIN_PASSWORD', 'env name');
  bk.l(
    '  - label: ":digitalocean: deploy"',
    '    command: doctl kubernetes cluster kubeconfig save nw-prod && kubectl apply -f deploy/k8s/',
    '    env:',
  );
  bk.s(`      DIGITALOCEAN_ACCESS_TOKEN: ${bkDo}`, 'digitalocean', bkDo);
  bk.d(`  - label: "pin ${t.sha1()}"`, 'git sha');
  const bkh = repo.file('.buildkite/hooks/pre-command', 'ci');
  const bkTok = bkua();
  bkh.l('#!/bin/bash', 'set -euo pipefail');
  bkh.s(`export BUILDKITE_API_TOKEN="${bkTok}"`, 'buildkite', bkTok);
  bkh.d('export NPM_TOKEN="$(buildkite-agent secret get npm_token)"', 'secret lookup');
  bkh.d(
    'export SHOPIFY_CLI_THEME_TOKEN="$(aws ssm get-parameter --name /ci/shopify-theme --with-decryption --query Parameter.Value --output text)"',
    'ssm lookup',
  );
  const bka = repo.file('ops/buildkite/buildkite-agent.cfg', 'ci');
  const bkAgent = t.hex(50);
  bka.s(`token="${bkAgent}"`, 'buildkite', bkAgent);
  bka.l('name="%hostname-%spawn"', 'tags="queue=deploy,os=linux"', 'build-path="/var/lib/buildkite-agent/builds"');
  const glr = repo.file('ops/gitlab-runner/config.toml', 'ci');
  const glrt = glRunner();
  glr.l('concurrent = 4', '', '[[runners]]', '  name = "nw-mirror-runner"', '  url = "https://gitlab.com"');
  glr.d(`  id = ${t.digits(8)}`, 'runner id');
  glr.s(`  token = "${glrt}"`, 'gitlab', glrt);
  glr.l('  executor = "docker"');

  // ==== Pulumi ===========================================================================
  const PU = 'infra/pulumi';
  const pst = repo.file(`${PU}/Pulumi.prod.yaml`, 'pulumi');
  const puCf = t.cloudflare();
  const puWh = `whsec_${t.alnum(32)}`;
  const puDb = pw();
  pst.d(
    `encryptionsalt: v1:${t.mixed(B64, 11)}=:v1:${t.mixed(B64, 16)}:${t.mixed(B64, 22)}==`,
    'pulumi encryption salt',
  );
  pst.l('config:', '  aws:region: us-east-1');
  pst.l('  digitalocean:token:');
  pst.d(`    secure: v1:${t.mixed(B64, 16)}:${t.mixed(B64, 120)}`, 'pulumi secure value');
  pst.l('  retail-infra:dbPassword:');
  pst.d(`    secure: AAABA${t.mixed(B64, 60)}=`, 'pulumi secure value');
  pst.s(`  retail-infra:cloudflareApiToken: ${puCf}`, 'cloudflare', puCf);
  pst.s(`  retail-infra:stripeWebhookSecret: ${puWh}`, 'stripe', puWh);
  pst.s(`  retail-infra:redisPassword: "${puDb}"`, 'generic', puDb);
  pst.d(`  retail-infra:cloudflareZoneId: ${t.hex(32)}`, 'zone id');
  pst.d(`  retail-infra:cloudflareAccountId: ${t.hex(32)}`, 'account id');
  pst.d('  retail-infra:imageTag: sha-4f9c2e1', 'image tag');
  const pts = repo.file(`${PU}/index.ts`, 'pulumi');
  const puAdmin = pw();
  const puDo = t.digitalocean();
  pts.l(
    "import * as pulumi from '@pulumi/pulumi';",
    "import * as digitalocean from '@pulumi/digitalocean';",
    "import * as cloudflare from '@pulumi/cloudflare';",
    '',
    'const config = new pulumi.Config();',
  );
  pts.d("const dbPassword = config.requireSecret('dbPassword');", 'config reference');
  pts.s(`const grafanaAdmin = pulumi.secret('${puAdmin}');`, 'generic', puAdmin);
  pts.s(`const doProvider = new digitalocean.Provider('do', { token: '${puDo}' });`, 'digitalocean', puDo);
  pts.d(
    "new cloudflare.Record('shop', { zoneId: config.require('cloudflareZoneId'), name: 'shop', type: 'CNAME', value: 'shops.myshopify.com' });",
    'config reference',
  );
  const pyml = repo.file(`${PU}/edge/Pulumi.yaml`, 'pulumi');
  const pyDo = doSpacesSecret();
  pyml.l(
    'name: retail-edge',
    'runtime: yaml',
    'config:',
    '  cfToken:',
    '    type: string',
    '    secret: true',
    'variables:',
  );
  pyml.d('  zoneId: ${cloudflareZoneId}', 'interpolation');
  pyml.l('resources:', '  spacesProvider:', '    type: pulumi:providers:digitalocean', '    properties:');
  const pyDoId = doSpacesKey();
  pyml.s(`      spacesAccessId: ${pyDoId}`, 'digitalocean', pyDoId);
  pyml.s(`      spacesSecretKey: ${pyDo}`, 'digitalocean', pyDo);
  pyml.l('  cfProvider:', '    type: pulumi:providers:cloudflare', '    properties:');
  pyml.d('      apiToken: ${cfToken}', 'interpolation');

  // ==== Ansible ==========================================================================
  const AN = 'deploy/ansible';
  const inv = repo.file(`${AN}/inventory/production/hosts.ini`, 'ansible');
  const become = pw();
  const sshp = upw();
  inv.l('[webservers]', 'web-01 ansible_host=10.20.1.11', 'web-02 ansible_host=10.20.1.12', '', '[legacy]');
  inv.s(`legacy-01 ansible_host=10.20.9.4 ansible_user=root ansible_ssh_pass=${sshp}`, 'generic', sshp);
  inv.l('', '[all:vars]', 'ansible_user=deploy');
  inv.s(`ansible_become_pass=${become}`, 'generic', become);
  const gva = repo.file(`${AN}/inventory/production/group_vars/all/vault.yml`, 'ansible');
  gva.d(ansibleVault(), 'ansible vault file');
  const gvm = repo.file(`${AN}/inventory/production/group_vars/all/main.yml`, 'ansible');
  gvm.d('mysql_root_password: "{{ vault_mysql_root_password }}"', 'jinja reference');
  gvm.d('shopify_admin_token: "{{ vault_shopify_admin_token }}"', 'jinja reference');
  gvm.l('magento_admin_user: nwadmin');
  gvm.d('magento_admin_password: !vault |', 'vault tag');
  gvm.d(
    ansibleVault().map((l) => `          ${l}`),
    'inline vault',
  );
  const gvw = repo.file(`${AN}/inventory/production/group_vars/webservers.yml`, 'ansible');
  const aRedis = pw();
  const aCfKey = cfGlobal();
  const aNr = nrLicense();
  const aPp = paypalSecret();
  gvw.l('nginx_worker_processes: 4');
  gvw.s(`redis_password: ${aRedis}`, 'generic', aRedis);
  gvw.l('cloudflare_email: ops@nw-retail.com');
  gvw.s(`cloudflare_api_key: ${aCfKey}`, 'cloudflare', aCfKey);
  gvw.s(`newrelic_license_key: "${aNr}"`, 'newrelic', aNr);
  gvw.s(`paypal_client_secret: '${aPp}'`, 'paypal', aPp);
  gvw.d('php_fpm_pm_max_children: 40', 'number');
  const rdef = repo.file(`${AN}/roles/magento/defaults/main.yml`, 'ansible');
  rdef.d('magento_admin_password: changeme', 'placeholder');
  rdef.d('magento_crypt_key: ""', 'empty');
  rdef.d("magento_db_password: \"{{ lookup('env', 'MAGENTO_DB_PASSWORD') }}\"", 'lookup');
  const rtask = repo.file(`${AN}/roles/order-export/tasks/main.yml`, 'ansible');
  const rtPw = pw();
  rtask.l(
    '- name: write export cron',
    '  ansible.builtin.cron:',
    '    name: order-export',
    '    minute: "30"',
    '    hour: "4"',
  );
  rtask.s(
    `    job: "ORACLE_PASSWORD='${rtPw}' /opt/order-export/bin/export_orders.pl >> /var/log/order-export.log 2>&1"`,
    'generic',
    rtPw,
  );
  rtask.l('- name: mysql user', '  community.mysql.mysql_user:', '    name: export');
  rtask.d('    password: "{{ vault_export_db_password }}"', 'jinja reference');

  // ==== Docker Swarm and compose =========================================================
  const sw = repo.file('deploy/swarm/retail-stack.yml', 'docker');
  const swKl = klaviyo();
  const swMc = mailchimp();
  sw.l(
    'version: "3.8"',
    'services:',
    '  mailer:',
    '    image: registry.nw-retail.com/mailer:2.3.1',
    '    environment:',
  );
  sw.s(`      KLAVIYO_PRIVATE_KEY: ${swKl}`, 'klaviyo', swKl);
  sw.s(`      MAILCHIMP_API_KEY: "${swMc}"`, 'mailchimp', swMc);
  sw.d('      MYSQL_PASSWORD_FILE: /run/secrets/mysql_password', 'file reference');
  sw.l('    secrets:', '      - mysql_password', '    deploy:', '      labels:');
  sw.d(
    `        - "traefik.http.middlewares.auth.basicauth.users=ops:$$apr1$$${t.alnum(8)}$$${t.mixed(ALNUM + './', 22)}"`,
    'htpasswd hash',
  );
  sw.l('secrets:', '  mysql_password:');
  sw.d('    external: true', 'external secret');
  const dcl = repo.file('docker-compose.yml', 'docker');
  dcl.l('services:', '  db:', '    image: postgres:16', '    environment:');
  dcl.d('      POSTGRES_PASSWORD: postgres', 'local dev default');
  dcl.l('  mysql:', '    image: mysql:8.0', '    environment:');
  dcl.d('      MYSQL_ROOT_PASSWORD: ${MYSQL_ROOT_PASSWORD:-root}', 'env with dev default');
  dcl.l('  storefront:', '    build: ./services/storefront-rails', '    environment:');
  dcl.d('      STRIPE_SECRET_KEY: ${STRIPE_SECRET_KEY}', 'env reference');
  dcl.d('      SHOPIFY_ACCESS_TOKEN: shpat_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'placeholder');
  const dcp = repo.file('deploy/compose/docker-compose.prod.yml', 'docker');
  const dcpDb = pw();
  const dcpSh = shpat();
  dcp.l('services:', '  inventory:');
  dcp.d(`    image: nwretail/inventory-go@sha256:${t.sha256()}`, 'image digest');
  dcp.l('    environment:');
  dcp.s(`      - DB_DSN=inventory:${dcpDb}@tcp(mysql-inv:3306)/inventory`, 'database', dcpDb);
  dcp.s(`      - SHOPIFY_ACCESS_TOKEN=${dcpSh}`, 'shopify', dcpSh);
  dcp.d('      - REDIS_PASSWORD', 'pass-through');
  const dkf = repo.file('services/storefront-rails/Dockerfile', 'docker');
  const dkGh = t.github();
  dkf.l('FROM ruby:3.3-slim AS build');
  dkf.s(
    `RUN bundle config set --global https://rubygems.pkg.github.com/northwind-retail nwbot:${dkGh}`,
    'github',
    dkGh,
  );
  dkf.d(
    'RUN --mount=type=secret,id=bundle_token BUNDLE_RUBYGEMS__PKG__GITHUB__COM="$(cat /run/secrets/bundle_token)" bundle install',
    'build secret',
  );
  dkf.d('ENV SECRET_KEY_BASE_DUMMY=1', 'rails dummy flag');
  dkf.l('RUN bundle exec rails assets:precompile');

  // ==== Kubernetes =======================================================================
  const K = 'deploy/k8s/storefront';
  const ksec = repo.file(`${K}/secret.yaml`, 'k8s');
  const kShp = shpat();
  const kAws = t.awsSecret();
  const kSk = t.stripeLive();
  const kBase = t.hex(64) + t.hex(64);
  ksec.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: storefront',
    '  namespace: retail',
    'type: Opaque',
    'data:',
  );
  ksec.s(`  SHOPIFY_ADMIN_TOKEN: ${Buffer.from(kShp).toString('base64')}`, 'shopify', kShp);
  ksec.s(`  AWS_SECRET_ACCESS_KEY: ${Buffer.from(kAws).toString('base64')}`, 'aws', kAws);
  ksec.d(`  RAILS_ENV: ${Buffer.from('production').toString('base64')}`, 'base64 plain setting');
  ksec.l('stringData:');
  ksec.s(`  STRIPE_SECRET_KEY: ${kSk}`, 'stripe', kSk);
  ksec.s(`  SECRET_KEY_BASE: ${kBase}`, 'generic', kBase);
  const kdep = repo.file(`${K}/deployment.yaml`, 'k8s');
  const kNr = nrLicense();
  kdep.l(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: storefront',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: web',
  );
  kdep.d(`          image: registry.digitalocean.com/nw-retail/storefront@sha256:${t.sha256()}`, 'image digest');
  kdep.l('          env:', '            - name: NEW_RELIC_LICENSE_KEY');
  kdep.s(`              value: "${kNr}"`, 'newrelic', kNr);
  kdep.l('            - name: DATABASE_PASSWORD', '              valueFrom:', '                secretKeyRef:');
  kdep.d('                  name: storefront-db', 'secretKeyRef name');
  kdep.d('                  key: password', 'secretKeyRef key');
  kdep.l('            - name: SHOPIFY_WEBHOOK_SECRET');
  const kWh = t.hex(32);
  kdep.s(`              value: ${kWh}`, 'shopify', kWh);
  const kcm = repo.file(`${K}/configmap.yaml`, 'k8s');
  kcm.l('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: storefront-config', 'data:');
  kcm.d(`  SHOPIFY_STOREFRONT_TOKEN: "${t.hex(32)}"`, 'storefront public token');
  kcm.d(`  ALGOLIA_SEARCH_KEY: "${t.hex(32)}"`, 'algolia search key');
  kcm.d(`  SENTRY_DSN: "${sentryDsn()}"`, 'sentry dsn');
  kcm.d(`  STRIPE_PUBLISHABLE_KEY: pk_live_${t.alnum(24)}`, 'stripe publishable');
  kcm.d(`  BRAINTREE_MERCHANT_ID: ${btMerchant()}`, 'merchant id');
  kcm.d(`  ASSET_MANIFEST_SHA: ${t.sha256()}`, 'hash');
  const kreg = repo.file(`${K}/regcred.yaml`, 'k8s');
  const regPat = dckr();
  const regAuth = Buffer.from(`nwretailbot:${regPat}`).toString('base64');
  const dockercfg = Buffer.from(
    JSON.stringify({ auths: { 'https://index.docker.io/v1/': { auth: regAuth } } }),
  ).toString('base64');
  kreg.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: dockerhub-pull',
    'type: kubernetes.io/dockerconfigjson',
    'data:',
  );
  kreg.s(`  .dockerconfigjson: ${dockercfg}`, 'dockerhub', regAuth);
  const kap = repo.file(`${K}/applepay-secret.yaml`, 'k8s');
  const apKey = t.ecPem();
  kap.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: applepay-merchant',
    'stringData:',
    '  merchant_id.key: |',
  );
  kap.s(
    apKey.map((l) => `    ${l}`),
    'private-key',
    apKey.join('\n'),
  );
  kap.l('  merchant_id.pem: |');
  kap.d(
    [
      '    -----BEGIN CERTIFICATE-----',
      `    MIIF${t.mixed(B64, 60)}`,
      `    ${t.mixed(B64, 64)}`,
      '    -----END CERTIFICATE-----',
    ],
    'certificate',
  );

  // ==== Terraform ========================================================================
  const TD = 'infra/terraform/digitalocean';
  const tdo = repo.file(`${TD}/provider.tf`, 'terraform');
  const tDo = t.digitalocean();
  const tSpId = doSpacesKey();
  const tSpSec = doSpacesSecret();
  tdo.l(
    'terraform {',
    '  required_providers {',
    '    digitalocean = { source = "digitalocean/digitalocean", version = "~> 2.40" }',
    '  }',
    '}',
    '',
    'provider "digitalocean" {',
  );
  tdo.s(`  token             = "${tDo}"`, 'digitalocean', tDo);
  tdo.s(`  spaces_access_id  = "${tSpId}"`, 'digitalocean', tSpId);
  tdo.s(`  spaces_secret_key = "${tSpSec}"`, 'digitalocean', tSpSec);
  tdo.l('}');
  const TC = 'infra/terraform/cloudflare';
  const tcm = repo.file(`${TC}/main.tf`, 'terraform');
  tcm.l('provider "cloudflare" {');
  tcm.d('  api_token = var.cloudflare_api_token', 'variable');
  tcm.l('}', '', 'resource "cloudflare_record" "shop" {');
  tcm.d(`  zone_id = "${t.hex(32)}"`, 'zone id');
  tcm.l(
    '  name    = "shop"',
    '  content = "shops.myshopify.com"',
    '  type    = "CNAME"',
    '  proxied = true',
    '}',
    '',
    'resource "cloudflare_workers_kv_namespace" "carts" {',
  );
  tcm.d(`  account_id = "${t.hex(32)}"`, 'account id');
  tcm.l('  title      = "carts"', '}');
  const tct = repo.file(`${TC}/terraform.tfvars`, 'terraform');
  const tCf = t.cloudflare();
  const tCa = cfOriginCa();
  tct.s(`cloudflare_api_token     = "${tCf}"`, 'cloudflare', tCf);
  tct.s(`cloudflare_origin_ca_key = "${tCa}"`, 'cloudflare', tCa);
  tct.d('cloudflare_email         = "ops@nw-retail.com"', 'email');
  const TA = 'infra/terraform/aws';
  const tam = repo.file(`${TA}/main.tf`, 'terraform');
  const taI = t.awsId();
  const taS = t.awsSecret();
  const taDb = pw();
  tam.l('provider "aws" {', '  region     = "us-east-1"');
  tam.s(`  access_key = "${taI}"`, 'aws', taI);
  tam.s(`  secret_key = "${taS}"`, 'aws', taS);
  tam.l(
    '}',
    '',
    'resource "aws_db_instance" "analytics" {',
    '  identifier = "nw-analytics"',
    '  engine     = "postgres"',
    '  username   = "analytics"',
  );
  tam.s(`  password   = "${taDb}"`, 'generic', taDb);
  tam.d(`  kms_key_id = "arn:aws:kms:us-east-1:${t.digits(12)}:key/${t.uuid()}"`, 'arn');
  tam.l('}', '', 'resource "aws_db_instance" "analytics_replica" {');
  tam.d('  password = random_password.analytics.result', 'reference');
  tam.l('}');
  const tav = repo.file(`${TA}/variables.tf`, 'terraform');
  tav.l('variable "db_password" {', '  type      = string');
  tav.d('  sensitive = true', 'flag');
  tav.d('  default   = ""', 'empty');
  tav.l('}', 'variable "sentry_token" {', '  type = string');
  const tavSen = sentryOrg();
  tav.s(`  default = "${tavSen}"`, 'sentry', tavSen);
  tav.l('}');
  const tstate = repo.file(`${TA}/terraform.tfstate`, 'terraform');
  const tsPw = pw();
  tstate.l('{', '  "version": 4,', '  "terraform_version": "1.8.5",');
  tstate.d(`  "lineage": "${t.uuid()}",`, 'lineage uuid');
  tstate.l(
    '  "resources": [',
    '    {',
    '      "type": "aws_db_instance",',
    '      "name": "analytics",',
    '      "instances": [',
    '        {',
    '          "attributes": {',
  );
  tstate.d(`            "arn": "arn:aws:rds:us-east-1:${t.digits(12)}:db:nw-analytics",`, 'arn');
  tstate.s(`            "password": "${tsPw}",`, 'generic', tsPw);
  tstate.l('            "username": "analytics"', '          },');
  tstate.d('          "sensitive_attributes": [[{"type": "get_attr", "value": "password"}]]', 'attribute path');
  tstate.l('        }', '      ]', '    }', '  ]', '}');
  const tlock = repo.file('infra/terraform/aws/.terraform.lock.hcl', 'terraform');
  tlock.l('provider "registry.terraform.io/hashicorp/aws" {', '  version = "5.62.0"', '  hashes = [');
  tlock.d(`    "h1:${t.mixed(B64, 43)}=",`, 'provider hash');
  tlock.d(`    "zh:${t.sha256()}",`, 'provider hash');
  tlock.l('  ]', '}');

  // ==== shell history, crontab ===========================================================
  const bh = repo.file('ops/home/deploy/.bash_history', 'shell');
  const hShp = shpat();
  const hMy = upw();
  const hDk = dckr();
  const hGl = t.gitlab();
  const hCf = cfGlobal();
  const hPp = paypalSecret();
  bh.l('cd /srv/storefront', 'git pull');
  bh.s(
    `curl -s -H "X-Shopify-Access-Token: ${hShp}" https://northwind-retail.myshopify.com/admin/api/2024-10/shop.json`,
    'shopify',
    hShp,
  );
  bh.s(`mysql -h mysql-magento.nw-retail.internal -u magento -p${hMy} magento`, 'generic', hMy);
  bh.s(`echo ${hDk} | docker login -u nwretailbot --password-stdin`, 'dockerhub', hDk);
  bh.s(`git remote set-url origin https://oauth2:${hGl}@gitlab.com/northwind/magento-theme.git`, 'gitlab', hGl);
  bh.s(
    `curl -X GET "https://api.cloudflare.com/client/v4/zones" -H "X-Auth-Email: ops@nw-retail.com" -H "X-Auth-Key: ${hCf}"`,
    'cloudflare',
    hCf,
  );
  bh.s(
    `curl -v https://api-m.paypal.com/v1/oauth2/token -u "${paypalId()}:${hPp}" -d "grant_type=client_credentials"`,
    'paypal',
    hPp,
  );
  bh.d('export SHOPIFY_ACCESS_TOKEN=$(op read "op://Retail/Shopify Admin/credential")', '1password reference');
  bh.d(`git checkout ${t.sha1()}`, 'sha');
  bh.d('sudo systemctl restart php8.2-fpm', 'plain');
  const zh = repo.file('ops/home/admin/.zsh_history', 'shell');
  const zDo = t.digitalocean();
  const zSg = `SG.${t.mixed(URLSAFE, 22)}.${t.mixed(URLSAFE, 43)}`;
  const zKl = klaviyo();
  zh.l(': 1748851200:0;doctl auth list');
  zh.s(`: 1748851214:0;doctl auth init --access-token ${zDo}`, 'digitalocean', zDo);
  zh.s(`: 1748851290:0;export SENDGRID_API_KEY=${zSg}`, 'sendgrid', zSg);
  zh.s(
    `: 1748851320:0;http POST https://a.klaviyo.com/api/lists/ "Authorization:Klaviyo-API-Key ${zKl}" revision:2024-10-15`,
    'klaviyo',
    zKl,
  );
  zh.d(': 1748851400:0;shopify theme push --store northwind-retail --password $SHOPIFY_CLI_THEME_TOKEN', 'variable');
  zh.d(`: 1748851466:0;open "https://admin.shopify.com/store/northwind-retail/orders/${t.digits(13)}"`, 'order url');
  const ct = repo.file('ops/cron/retail.crontab', 'shell');
  const cPg = upw();
  const cCf = t.cloudflare();
  const cTok = t.alnum(32);
  ct.l('SHELL=/bin/bash', 'MAILTO=ops@nw-retail.com', '');
  ct.s(
    `0 2 * * * PGPASSWORD='${cPg}' pg_dump -h pg-prod-01.nw-retail.internal -U backup storefront_production | gzip > /backups/storefront-$(date +\\%F).sql.gz`,
    'generic',
    cPg,
  );
  ct.s(
    `15 6 * * 1 curl -s -X POST "https://api.cloudflare.com/client/v4/zones/${t.hex(32)}/purge_cache" -H "Authorization: Bearer ${cCf}" --data '{"purge_everything":true}'`,
    'cloudflare',
    cCf,
  );
  ct.s(
    `*/30 * * * * curl -fsS "https://feeds.nw-retail.com/google-merchant.xml?token=${cTok}" -o /dev/null`,
    'generic',
    cTok,
  );
  ct.d('30 4 * * * /opt/order-export/bin/export_orders.pl >> /var/log/order-export.log 2>&1', 'plain');
  ct.d(`*/5 * * * * curl -fsS -m 10 --retry 5 https://hc-ping.com/${t.uuid()} > /dev/null`, 'healthcheck ping uuid');
  const rcr = repo.file('legacy/order-export/etc/cron.d/order-export', 'shell');
  const rcrPw = upw();
  rcr.l('# m h dom mon dow user command');
  rcr.s(
    `45 4 * * * export /opt/order-export/bin/export_orders.pl --ftp-user northwind --ftp-pass ${rcrPw}`,
    'generic',
    rcrPw,
  );

  // ==== git/cloud credential stores ======================================================
  const gcfg = repo.file('ops/home/deploy/.gitconfig', 'credstore');
  const gcGh = t.github('ghs_');
  gcfg.l('[user]', '  name = Northwind Deploy', '  email = deploy@nw-retail.com');
  gcfg.s(`[url "https://x-access-token:${gcGh}@github.com/"]`, 'github', gcGh);
  gcfg.l('  insteadOf = https://github.com/');
  const dcj = repo.file('ops/home/deploy/.docker/config.json', 'credstore');
  const dcjPat = dckr();
  const dcjAuth = Buffer.from(`nwretailbot:${dcjPat}`).toString('base64');
  dcj.l('{', '  "auths": {', '    "https://index.docker.io/v1/": {');
  dcj.s(`      "auth": "${dcjAuth}"`, 'dockerhub', dcjPat);
  dcj.l('    },', '    "registry.digitalocean.com": {}', '  },');
  dcj.d('  "credsStore": "desktop"', 'creds helper');
  dcj.l('}');
  const awc = repo.file('ops/home/deploy/.aws/credentials', 'credstore');
  const awcI = t.awsId();
  const awcS = t.awsSecret();
  awc.l('[nw-prod]');
  awc.s(`aws_access_key_id = ${awcI}`, 'aws', awcI);
  awc.s(`aws_secret_access_key = ${awcS}`, 'aws', awcS);
  awc.l('', '[docs]');
  awc.d('aws_access_key_id = AKIAIOSFODNN7EXAMPLE', 'aws doc example');
  awc.d('aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'aws doc example');

  // ==== logs =============================================================================
  const ngl = repo.file('logs/nginx/access.log', 'logs');
  const ts = (m, s) => `[14/Jun/2025:08:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')} +0000]`;
  const lShp = shpat();
  const lKl = klaviyo();
  const lFeed = t.alnum(40);
  const lMc = mailchimp();
  const lGh = t.github('gho_');
  ngl.d(
    `${ip()} - - ${ts(0, 3)} "GET /products/merino-crew-sock?variant=${t.digits(14)}&utm_source=klaviyo&_kx=${t.mixed(URLSAFE, 30)} HTTP/2.0" 200 18234 "-" "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X)"`,
    'utm and klaviyo exchange id',
  );
  ngl.s(
    `${ip()} - - ${ts(0, 9)} "GET /admin/api/2024-10/orders.json?status=any&access_token=${lShp} HTTP/1.1" 200 5123 "-" "python-requests/2.32.3"`,
    'shopify',
    lShp,
  );
  ngl.d(
    `${ip()} - - ${ts(1, 12)} "GET /cart/c1-${t.hex(32)}?key=${t.hex(32)} HTTP/2.0" 200 934 "https://shop.nw-retail.com/" "Mozilla/5.0"`,
    'cart token and cart key',
  );
  ngl.s(
    `${ip()} - - ${ts(1, 40)} "POST /hooks/klaviyo-sync?api_key=${lKl} HTTP/1.1" 204 0 "-" "Go-http-client/1.1"`,
    'klaviyo',
    lKl,
  );
  ngl.d(
    `${ip()} - - ${ts(2, 1)} "GET /apps/reviews?shop=northwind-retail.myshopify.com&logged_in_customer_id=&path_prefix=%2Fapps%2Freviews&timestamp=1749888121&signature=${t.hex(64)} HTTP/1.1" 200 2210 "-" "Shopify-Proxy"`,
    'app proxy hmac signature',
  );
  ngl.s(
    `${ip()} - - ${ts(2, 33)} "GET /feeds/google-merchant.xml?token=${lFeed} HTTP/1.1" 200 981233 "-" "Googlebot/2.1"`,
    'generic',
    lFeed,
  );
  ngl.d(
    `${ip()} - - ${ts(3, 5)} "GET /assets/application-${t.sha256()}.css HTTP/2.0" 304 0 "-" "Mozilla/5.0"`,
    'asset fingerprint',
  );
  ngl.s(
    `${ip()} - - ${ts(3, 44)} "GET /newsletter/export?apikey=${lMc}&list=${t.hex(10)} HTTP/1.1" 200 55121 "-" "curl/8.5.0"`,
    'mailchimp',
    lMc,
  );
  ngl.s(
    `${ip()} - - ${ts(4, 2)} "GET /ci/status?access_token=${lGh} HTTP/1.1" 200 120 "-" "curl/8.5.0"`,
    'github',
    lGh,
  );
  ngl.d(
    `${ip()} - - ${ts(4, 30)} "GET /search?q=${ean13()}&page_info=${Buffer.from(JSON.stringify({ last_id: Number(t.digits(13)), direction: 'next' })).toString('base64url')} HTTP/2.0" 200 4412 "-" "Mozilla/5.0"`,
    'barcode search and cursor',
  );
  ngl.d(
    `${ip()} - - ${ts(5, 0)} "GET /checkouts/cn/${t.mixed(ALNUM, 26)}/thank-you HTTP/2.0" 200 7311 "-" "Mozilla/5.0"`,
    'checkout id',
  );

  const al = repo.file('logs/app/checkout-api-2025-06-14.log', 'logs');
  const alPp = paypalSecret();
  const alTw = t.twilioToken();
  const alBt = btAccess();
  al.d(
    `{"ts":"2025-06-14T08:00:01.120Z","level":"info","msg":"order created","order_id":"NW-100517","cart_id":"c1-${t.hex(32)}","sku":"${sku()}"}`,
    'order ids',
  );
  al.s(
    `{"ts":"2025-06-14T08:00:02.004Z","level":"debug","msg":"paypal oauth","body":"grant_type=client_credentials","auth":"${paypalId()}:${alPp}"}`,
    'paypal',
    alPp,
  );
  al.d(
    `{"ts":"2025-06-14T08:00:02.410Z","level":"info","msg":"stripe charge ok","charge":"ch_3${t.alnum(23)}","idempotency_key":"${t.uuid()}"}`,
    'charge id and idempotency key',
  );
  al.s(
    `{"ts":"2025-06-14T08:00:03.000Z","level":"error","msg":"twilio 401","config":{"accountSid":"${t.twilioSid()}","authToken":"${alTw}"}}`,
    'twilio',
    alTw,
  );
  al.s(
    `{"ts":"2025-06-14T08:00:03.500Z","level":"debug","msg":"braintree gateway init","accessToken":"${alBt}"}`,
    'braintree',
    alBt,
  );
  al.d(
    `{"ts":"2025-06-14T08:00:04.000Z","level":"info","msg":"GET /v1/products 200","etag":"W/\\"${t.hex(40)}\\"","x_request_id":"${t.uuid()}"}`,
    'etag and request id',
  );
  al.d('{"ts":"2025-06-14T08:00:05.000Z","level":"warn","msg":"stripe auth failed","key":"sk_live_...4kQz"}', 'masked');
  al.d(
    '{"ts":"2025-06-14T08:00:06.000Z","level":"info","msg":"login","user":"ops@nw-retail.com","password":"[FILTERED]"}',
    'rails filtered',
  );

  const rl = repo.file('logs/app/storefront-production.log', 'logs');
  const rlPm = postmark();
  rl.d(
    `I, [2025-06-14T08:10:00.123 #1]  INFO -- : [${t.uuid()}] Started POST "/cart/add" for 81.2.69.142`,
    'request id',
  );
  rl.d(
    'I, [2025-06-14T08:10:00.130 #1]  INFO -- : Parameters: {"id"=>"44871234567890", "quantity"=>"1", "authenticity_token"=>"[FILTERED]"}',
    'filtered',
  );
  rl.s(
    `D, [2025-06-14T08:10:01.002 #1] DEBUG -- : Postmark request headers: {"X-Postmark-Server-Token"=>"${rlPm}", "Accept"=>"application/json"}`,
    'postmark',
    rlPm,
  );
  rl.d(`I, [2025-06-14T08:10:02.000 #1]  INFO -- : Completed 200 OK in 41ms (ETag: "${t.hex(32)}")`, 'etag');

  const jl = repo.file('logs/jenkins/storefront-deploy-1423.log', 'logs');
  const jlNpm = t.npm();
  const jlNr = nrak();
  jl.l(
    'Started by GitHub push by nw-deploy-bot',
    'Running in Durability level: MAX_SURVIVABILITY',
    '[Pipeline] withCredentials',
  );
  jl.d('Masking supported pattern matches of $DOCKERHUB or $DOCKERHUB_PSW', 'jenkins notice');
  jl.l('[Pipeline] sh');
  jl.d('+ docker login -u nwretailbot -p ****', 'masked');
  jl.l('WARNING! Using --password via the CLI is insecure. Use --password-stdin.', 'Login Succeeded');
  jl.d(`+ docker push nwretail/storefront:${t.sha1().slice(0, 12)}`, 'short sha');
  jl.d(`latest: digest: sha256:${t.sha256()} size: 2412`, 'image digest');
  jl.s(`+ npm config set //registry.npmjs.org/:_authToken ${jlNpm}`, 'npm', jlNpm);
  jl.s(
    `+ curl -fsS -X POST -H 'Api-Key: ${jlNr}' https://api.newrelic.com/v2/applications/${t.digits(9)}/deployments.json -d @deploy.json`,
    'newrelic',
    jlNr,
  );
  jl.d('+ echo ****', 'masked');
  jl.l('Finished: SUCCESS');

  // ==== docs and runbooks ================================================================
  const rb = repo.file('docs/runbooks/payments.md', 'docs');
  const rbBt = t.hex(32);
  const rbPw = pw();
  rb.l('# Payments on-call', '', '## Braintree', '');
  rb.d('Merchant ID lives in the ConfigMap; the private key is in 1Password ("Braintree prod").', 'prose');
  rb.l('If 1Password is down, the break-glass values are:', '');
  rb.s(`    BRAINTREE_PRIVATE_KEY=${rbBt}`, 'braintree', rbBt);
  rb.l('', '## Shopify admin (staff account for refunds)', '');
  rb.s(`- user \`payments-oncall@nw-retail.com\`, password \`${rbPw}\``, 'generic', rbPw);
  rb.d('- Stripe test mode uses `sk_test_4eC39HqLyjWDarjtT1zdp7dc` from the Stripe docs.', 'stripe doc key');
  rb.d('- Set `SHOPIFY_API_SECRET=<from partner dashboard>` before running `shopify app dev`.', 'placeholder');
  const rdm = repo.file('README.md', 'docs');
  rdm.l(
    '# Northwind Retail monorepo',
    '',
    '| service | lang |',
    '| --- | --- |',
    '| storefront-rails | Ruby |',
    '| inventory-go | Go |',
    '',
  );
  rdm.d(
    'Copy `.env.example` to `.env` and fill in `SHOPIFY_API_KEY=your-api-key` and `STRIPE_SECRET_KEY=sk_live_...`.',
    'placeholder',
  );
  rdm.d('Product SKUs follow `NW-<CAT>-<NNNN>-<SIZE>`, e.g. `NW-TEE-0042-XL`; barcodes are EAN-13.', 'prose');

  // ==== catalog data and other decoys ====================================================
  const pcsv = repo.file('services/catalog/data/products.csv', 'decoys');
  pcsv.l('handle,sku,barcode,variant_id,image_etag,price');
  for (let i = 0; i < 6; i++)
    pcsv.d(`merino-${i},${sku()},${ean13()},${t.digits(14)},${t.hex(32)},${19 + i}.99`, 'catalog row');
  const ship = repo.file('services/catalog/data/shipments.json', 'decoys');
  ship.l('[');
  for (let i = 0; i < 3; i++)
    ship.d(
      `  {"tracking": "1Z${t.mixed(UPPER + DIGIT, 16)}", "order": "${gidOrder()}", "label_sha1": "${t.sha1()}"},`,
      'tracking and hashes',
    );
  ship.l('  {}', ']');
  const tfix = repo.file('services/checkout-api/test/fixtures/credentials.fake.json', 'decoys');
  tfix.l('{', '  "_note": "Fake values for unit tests. Not real credentials."');
  tfix.d('  , "shopify_token": "shpat_fake0000000000000000000000000000"', 'fake fixture');
  tfix.d('  , "klaviyo_key": "pk_test_not_a_real_klaviyo_key_000000"', 'fake fixture');
  tfix.d('  , "paypal_secret": "FAKE-PAYPAL-SECRET"', 'fake fixture');
  tfix.l('}');
  const lockj = repo.file('services/checkout-api/package-lock.json', 'decoys');
  lockj.l('{', '  "packages": {');
  for (const p of ['stripe', '@shopify/shopify-api', 'braintree', 'algoliasearch']) {
    lockj.l(
      `    "node_modules/${p}": {`,
      `      "resolved": "https://registry.npmjs.org/${p}/-/${p.split('/').pop()}-9.0.0.tgz",`,
    );
    lockj.d(`      "integrity": "sha512-${t.mixed(B64, 86)}=="`, 'integrity');
    lockj.l('    },');
  }
  lockj.l('    "": {}', '  }', '}');
  const gl = repo.file('services/storefront-rails/Gemfile.lock', 'decoys');
  gl.l('GEM', '  remote: https://rubygems.org/', '  specs:', '    shopify_api (14.3.0)', '', 'CHECKSUMS');
  for (const g of ['shopify_api (14.3.0)', 'stripe (12.5.0)', 'braintree (4.21.0)'])
    gl.d(`  ${g} sha256=${t.sha256()}`, 'checksum');
  const thm = repo.file('apps/web-theme/config/settings_data.json', 'decoys');
  thm.l('{', '  "current": {');
  thm.d(`    "klaviyo_public_key": "${klaviyoSite()}",`, 'klaviyo site id');
  thm.d(`    "google_maps_api_key": "",`, 'empty');
  thm.d(`    "judgeme_public_token": "${t.mixed(URLSAFE, 27)}",`, 'reviews widget public token');
  thm.l('    "color_scheme": "scheme-1"', '  }', '}');

  return repo;
}
