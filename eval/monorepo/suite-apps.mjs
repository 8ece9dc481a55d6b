// Red-team suite "apps": credentials as application repositories hold them — framework settings
// (Django, Flask, Rails, Spring, Laravel, Symfony, ASP.NET, Express, Next.js, Vite), mobile build
// and resource files (Android, iOS, Flutter), desktop (Electron), WordPress, Go/Java/Kotlin
// constants, front-end bundles and test fixtures — with the public keys apps ship on purpose
// (Stripe pk_, Firebase web config, Mapbox pk., Algolia search keys, public Sentry DSNs,
// Braintree tokenization keys, reCAPTCHA site keys) and the placeholders, env lookups,
// encrypted values and hashes the same files really hold as decoys.
// Written from what real repositories contain and from vendors' published token formats, not from
// tokenscope's rules. Every value is drawn from the seeded PRNG at run time.
import { ALNUM, B64, DIGIT, HEX, LOWER, UPPER, URLSAFE, Repo, makeTokens, mulberry32 } from './generate.mjs';
import { crc32Base62Suffix } from '../../dist/providers/formats/checksums.js';

function appTokens(rand, t) {
  const one = (list) => list[Math.floor(rand() * list.length)];
  const crc = (prefix, n) => {
    const body = t.alnum(n);
    return `${prefix}${body}${crc32Base62Suffix(body)}`;
  };
  const b64url = (s) => Buffer.from(s).toString('base64url');
  const human = () =>
    one([
      () => `${one(['Acme', 'Globex', 'Initech', 'Hooli'])}@${one(['2023', '2024', '2025'])}!`,
      () => `${one(['Summer', 'Winter', 'Autumn'])}${one(['2024', '2025'])}${one(['!', '#', '$'])}`,
      () => `${one(['shop', 'app', 'api', 'wp'])}_${one(['prod', 'live', 'main'])}_${t.digits(4)}`,
      () => `${one(['Welcome', 'Dragon', 'Sunshine'])}${t.digits(3)}${one(['!', '@', '#'])}`,
    ])();
  const gen = () => t.mixed(ALNUM, 18 + Math.floor(rand() * 8));
  const pw = () => (rand() < 0.4 ? human() : rand() < 0.5 ? t.password() : gen());
  const wpSalt = () => t.pick(ALNUM + '!#$%&()*+,-./:;<=>?@[]^_`{|}~', 64);
  return {
    one,
    human,
    gen,
    pw,
    wpSalt,
    ghFine: () => `github_pat_${t.mixed(ALNUM, 22)}_${t.mixed(ALNUM, 59)}`,
    gho: () => crc('gho_', 30),
    stripeRestricted: () => `rk_live_51${t.mixed(ALNUM, 97)}`,
    stripeWebhook: () => `whsec_${t.mixed(ALNUM, 32)}`,
    stripePk: () => `pk_live_51${t.mixed(ALNUM, 97)}`,
    twilioApiKey: () => `SK${t.hex(32)}`,
    mailgun: () => `key-${t.hex(32)}`,
    mailgunNew: () => `${t.hex(32)}-${t.hex(8)}-${t.hex(8)}`,
    postmark: () => t.uuid(),
    mapboxSecret: (user) =>
      `sk.${b64url(JSON.stringify({ u: user, a: t.pick(LOWER + DIGIT, 25) }))}.${t.mixed(URLSAFE, 22)}`,
    mapboxPublic: (user) =>
      `pk.${b64url(JSON.stringify({ u: user, a: t.pick(LOWER + DIGIT, 25) }))}.${t.mixed(URLSAFE, 22)}`,
    sentryDsnSecret: () => `https://${t.pick(HEX, 32)}:${t.hex(32)}@o${t.digits(6)}.ingest.sentry.io/${t.digits(7)}`,
    sentryDsnPublic: () => `https://${t.pick(HEX, 32)}@o${t.digits(6)}.ingest.us.sentry.io/${t.digits(7)}`,
    sentryOrg: () => {
      const payload = Buffer.from(
        JSON.stringify({
          iat: 1764547200.123,
          url: 'https://sentry.io',
          region_url: 'https://us.sentry.io',
          org: 'acme-mobile',
        }),
      ).toString('base64');
      return `sntrys_${payload}_${t.mixed(B64, 43)}`;
    },
    okta: () => `00${t.mixed(URLSAFE, 40)}`,
    auth0Secret: () => t.mixed(URLSAFE, 64),
    auth0ClientId: () => t.mixed(ALNUM, 32),
    shopify: (p = 'shpat_') => `${p}${t.hex(32)}`,
    paypalSecret: () => `E${t.mixed(URLSAFE, 79)}`,
    paypalClientId: () => `A${t.mixed(URLSAFE, 79)}`,
    braintreeAccess: () => `access_token$production$${t.pick(LOWER + DIGIT, 16)}$${t.hex(32)}`,
    braintreeTokenization: () => `production_${t.pick(LOWER + DIGIT, 8)}_${t.pick(LOWER + DIGIT, 16)}`,
    squareAccess: () => `EAAA${t.mixed(URLSAFE, 60)}`,
    squareSecret: () => `sq0csp-${t.mixed(URLSAFE, 43)}`,
    squareAppId: () => `sq0idp-${t.mixed(URLSAFE, 22)}`,
    plaidSecret: () => t.hex(30),
    plaidClientId: () => t.pick(HEX, 24),
    cloudinary: () => `cloudinary://${t.digits(15)}:${t.mixed(URLSAFE, 27)}@acme-media`,
    pusherSecret: () => t.hex(20),
    pusherKey: () => t.pick(HEX, 20),
    contentfulCma: () => `CFPAT-${t.mixed(URLSAFE, 43)}`,
    segmentPublicApi: () => `sgp_${t.mixed(ALNUM, 64)}`,
    mixpanelSecret: () => t.hex(32),
    newrelicLicense: () => `${t.hex(36)}NRAL`,
    newrelicUser: () => `NRAK-${t.pick(UPPER + DIGIT, 27)}`,
    newrelicBrowser: () => `NRJS-${t.pick(HEX, 19)}`,
    ddClientToken: () => `pub${t.pick(HEX, 32)}`,
    algoliaKey: () => t.hex(32),
    algoliaAppId: () => t.pick(UPPER + DIGIT, 10),
    recaptcha: () => `6L${t.mixed(URLSAFE, 38)}`,
    googleClientSecret: () => `GOCSPX-${t.mixed(URLSAFE, 28)}`,
    googleClientId: () => `${t.digits(12)}-${t.pick(LOWER + DIGIT, 32)}.apps.googleusercontent.com`,
    railsKeyBase: () => t.pick(HEX, 128),
    laravelKey: () =>
      `base64:${Buffer.from(Array.from({ length: 32 }, () => Math.floor(rand() * 256))).toString('base64')}`,
    nextAuthSecret: () => Buffer.from(Array.from({ length: 32 }, () => Math.floor(rand() * 256))).toString('base64'),
    dotenvKey: () => `dotenv://:key_${t.hex(64)}@dotenv.org/vault/.env.vault?environment=production`,
    b64: (n) => t.mixed(B64, n),
    lowerHex: (n) => t.pick(HEX, n),
  };
}

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed ^ 0xa995);
  const t = makeTokens(rand);
  const x = appTokens(rand, t);
  const repo = new Repo();
  django(repo, t, x);
  flask(repo, t, x);
  rails(repo, t, x);
  spring(repo, t, x);
  laravel(repo, t, x);
  symfony(repo, t, x);
  dotnet(repo, t, x);
  node(repo, t, x);
  nextjs(repo, t, x);
  bundles(repo, t, x);
  android(repo, t, x);
  ios(repo, t, x);
  flutter(repo, t, x);
  electron(repo, t, x);
  wordpress(repo, t, x);
  goJvm(repo, t, x);
  fixtures(repo, t, x);
  hard(repo, t, x);
  return repo;
}

// ---- Django ------------------------------------------------------------------------------

function django(repo, t, x) {
  const secretKey = `django-insecure-${t.pick(LOWER + DIGIT + '!@#$%^&*(-_=+)', 50)}`;
  const prodKey = t.pick(LOWER + DIGIT + '!@#%^&*(-_=+)', 50);
  const dbPw = x.pw();
  const stripe = t.stripeLive();
  const whsec = x.stripeWebhook();
  const sgKey = t.sendgrid();
  const gsecret = x.googleClientSecret();
  repo
    .file('shop/shop/settings/production.py', 'django')
    .l('from .base import *  # noqa', 'import os', '', 'DEBUG = False')
    .d("ALLOWED_HOSTS = ['shop.acme-retail.com', 'www.acme-retail.com']", 'host list')
    .s(`SECRET_KEY = '${prodKey}'`, 'django', prodKey)
    .l('', 'DATABASES = {', "    'default': {", "        'ENGINE': 'django.db.backends.postgresql',")
    .l("        'NAME': 'shop', 'USER': 'shop_web',")
    .s(`        'PASSWORD': '${dbPw}',`, 'generic', dbPw)
    .l("        'HOST': 'shop-prod.c9akciq32.eu-west-1.rds.amazonaws.com',", "        'PORT': 5432,", '    }', '}', '')
    .s(`STRIPE_SECRET_KEY = "${stripe}"`, 'stripe', stripe)
    .s(`DJSTRIPE_WEBHOOK_SECRET = "${whsec}"`, 'stripe', whsec)
    .d('STRIPE_LIVE_MODE = True', 'boolean')
    .l("EMAIL_BACKEND = 'anymail.backends.sendgrid.EmailBackend'")
    .s(`ANYMAIL = {"SENDGRID_API_KEY": "${sgKey}"}`, 'sendgrid', sgKey)
    .l('SOCIALACCOUNT_PROVIDERS = {', "    'google': {", "        'APP': {")
    .d(`            'client_id': '${x.googleClientId()}',`, 'Google OAuth client id (public)')
    .s(`            'secret': '${gsecret}',`, 'gcp', gsecret)
    .l('        },', '    }', '}')
    .d("STATIC_URL = 'https://cdn.acme-retail.com/static/'", 'URL')
    .d(
      "CACHES = {'default': {'BACKEND': 'django_redis.cache.RedisCache', 'LOCATION': os.environ['REDIS_URL']}}",
      'env lookup',
    );

  const localPw = x.pw();
  const awsId = t.awsId();
  const awsSecret = t.awsSecret();
  repo
    .file('shop/shop/settings/local_settings.py', 'django')
    .l('# Copied from local_settings.py.example — do not commit (oops)')
    .s(`SECRET_KEY = "${secretKey}"`, 'django', secretKey)
    .s(`DATABASES['default']['PASSWORD'] = "${localPw}"`, 'generic', localPw)
    .s(`AWS_ACCESS_KEY_ID = "${awsId}"`, 'aws', awsId)
    .s(`AWS_SECRET_ACCESS_KEY = "${awsSecret}"`, 'aws', awsSecret)
    .d("AWS_S3_REGION_NAME = 'eu-west-1'", 'region');

  repo
    .file('shop/shop/settings/local_settings.py.example', 'django')
    .d("SECRET_KEY = 'change-me-to-a-long-random-string'", 'placeholder')
    .d("DATABASES['default']['PASSWORD'] = '<your local db password>'", 'placeholder')
    .d("AWS_ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE'", 'AWS documentation example key')
    .d("AWS_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'", 'AWS documentation example secret');

  repo
    .file('shop/locale/de/LC_MESSAGES/django.po', 'django')
    .l('#: accounts/forms.py:42')
    .d('msgid "password_reset.token_invalid"', 'translation key')
    .d('msgstr "Der Link zum Zurücksetzen des Passworts ist ungültig."', 'translation')
    .l('#: accounts/forms.py:57')
    .d('msgid "Your API key"', 'translation source')
    .d('msgstr "Ihr API-Schlüssel"', 'translation');
}

// ---- Flask -------------------------------------------------------------------------------

function flask(repo, t, x) {
  const secret = t.hex(64);
  const mailPw = x.pw();
  const mgKey = x.mailgunNew();
  const twSid = t.twilioSid();
  const twToken = t.twilioToken();
  const sentry = x.sentryDsnSecret();
  repo
    .file('api/app/config.py', 'flask')
    .l('import os', '', '', 'class Config:')
    .d("    SECRET_KEY = os.environ.get('SECRET_KEY') or 'dev'", 'env lookup with dev fallback')
    .d("    SQLALCHEMY_DATABASE_URI = os.environ.get('DATABASE_URL', 'sqlite:///app.db')", 'env lookup')
    .l('', '', 'class ProductionConfig(Config):')
    .s(`    SECRET_KEY = '${secret}'`, 'generic', secret)
    .s(`    MAIL_PASSWORD = '${mailPw}'`, 'generic', mailPw)
    .s(`    MAILGUN_API_KEY = '${mgKey}'`, 'mailgun', mgKey)
    .d("    MAILGUN_DOMAIN = 'mg.acme-retail.com'", 'domain')
    .l(`    TWILIO_ACCOUNT_SID = '${twSid}'`)
    .s(`    TWILIO_AUTH_TOKEN = '${twToken}'`, 'twilio', twToken)
    .s(`    SENTRY_DSN = '${sentry}'`, 'sentry', sentry)
    .d("    JWT_ALGORITHM = 'HS256'", 'algorithm name');

  const pgPw = encodeURIComponent(x.pw());
  const redisPw = t.alnum(32);
  repo
    .file('api/.flaskenv', 'flask')
    .d('FLASK_APP=app:create_app', 'app factory')
    .d('FLASK_ENV=production', 'env')
    .s(`DATABASE_URL=postgresql+psycopg2://api:${pgPw}@pg-main.acme-retail.internal:5432/api`, 'generic', pgPw)
    .s(
      `CELERY_BROKER_URL=rediss://default:${redisPw}@redis-14221.c92.us-east-1-3.ec2.cloud.redislabs.com:14221/0`,
      'generic',
      redisPw,
    );
}

// ---- Rails -------------------------------------------------------------------------------

function rails(repo, t, x) {
  const dbPw = x.pw();
  repo
    .file('storefront/config/database.yml', 'rails')
    .l(
      'default: &default',
      '  adapter: postgresql',
      '  encoding: unicode',
      '  pool: <%= ENV.fetch("RAILS_MAX_THREADS") { 5 } %>',
      '',
    )
    .l('development:', '  <<: *default', '  database: storefront_development')
    .d('  password: <%= ENV["STOREFRONT_DATABASE_PASSWORD"] %>', 'ERB env lookup')
    .l('', 'production:', '  <<: *default', '  database: storefront_production', '  username: storefront')
    .s(`  password: ${dbPw}`, 'generic', dbPw)
    .l('  host: storefront-prod.cluster-cx8yq1z0abcd.us-east-1.rds.amazonaws.com');

  const stripe = x.stripeRestricted();
  repo
    .file('storefront/config/initializers/stripe.rb', 'rails')
    .l('require "stripe"', '')
    .s(`Stripe.api_key = Rails.env.production? ? "${stripe}" : ENV["STRIPE_TEST_KEY"]`, 'stripe', stripe)
    .d('Stripe.api_version = "2024-06-20"', 'API version');

  const clId = t.digits(15);
  const clSecret = t.mixed(URLSAFE, 27);
  const pusherSecret = x.pusherSecret();
  repo
    .file('storefront/config/initializers/cloudinary_pusher.rb', 'rails')
    .l('Cloudinary.config do |config|', '  config.cloud_name = "acme-media"')
    .l(`  config.api_key = "${clId}"`)
    .s(`  config.api_secret = "${clSecret}"`, 'cloudinary', clSecret)
    .l('  config.secure = true', 'end', '')
    .l(`Pusher.app_id = "${t.digits(7)}"`)
    .d(`Pusher.key = "${x.pusherKey()}"`, 'Pusher app key (public, used by the browser client)')
    .s(`Pusher.secret = "${pusherSecret}"`, 'pusher', pusherSecret)
    .l('Pusher.cluster = "eu"');

  const masterKey = t.hex(32);
  repo.file('storefront/config/master.key', 'rails').s(masterKey, 'generic', masterKey);

  const encBlob = `${x.b64(280)}--${x.b64(16)}--${x.b64(22)}==`;
  repo.file('storefront/config/credentials.yml.enc', 'rails').d(encBlob, 'Rails encrypted credentials');

  const keyBase = x.railsKeyBase();
  repo
    .file('storefront/config/secrets.yml', 'rails')
    .l('production:')
    .s(`  secret_key_base: ${keyBase}`, 'generic', keyBase)
    .d('  secret_token: <%= ENV["SECRET_TOKEN"] %>', 'ERB env lookup');

  repo
    .file('storefront/Gemfile.lock', 'rails')
    .l('GIT', '  remote: https://github.com/acme-retail/spree_acme.git')
    .d(`  revision: ${t.sha1()}`, 'git SHA')
    .l('  branch: main', '  specs:', '    spree_acme (4.8.0)')
    .l('', 'CHECKSUMS')
    .d(`  rails (7.2.1) sha256=${t.sha256()}`, 'sha256 checksum');
}

// ---- Spring ------------------------------------------------------------------------------

function spring(repo, t, x) {
  const dsPw = x.pw();
  const mailPw = x.pw();
  const jwtSecret = x.b64(64);
  repo
    .file('orders/src/main/resources/application.properties', 'spring')
    .l('spring.application.name=orders', 'server.port=8080')
    .l('spring.datasource.url=jdbc:postgresql://orders-db.prod.acme-retail.internal:5432/orders')
    .l('spring.datasource.username=orders_app')
    .s(`spring.datasource.password=${dsPw}`, 'generic', dsPw)
    .d('spring.datasource.hikari.maximum-pool-size=20', 'setting')
    .l('spring.mail.host=smtp.sendgrid.net', 'spring.mail.username=apikey')
    .s(`spring.mail.password=${mailPw}`, 'generic', mailPw)
    .s(`app.security.jwt.secret=${jwtSecret}`, 'generic', jwtSecret)
    .d('app.security.jwt.expiration-ms=86400000', 'number')
    .d('spring.security.oauth2.client.registration.okta.client-secret=${OKTA_CLIENT_SECRET}', 'property placeholder');

  const yPw = x.pw();
  const okta = x.okta();
  const oktaCs = t.mixed(URLSAFE, 40);
  const ddKey = t.ddApi();
  repo
    .file('orders/src/main/resources/application-prod.yml', 'spring')
    .l(
      'spring:',
      '  datasource:',
      '    url: jdbc:mysql://orders-mysql.prod.acme-retail.internal:3306/orders?useSSL=true',
    )
    .l('    username: orders')
    .s(`    password: \${DB_PASSWORD:${yPw}}`, 'generic', yPw)
    .l('  security:', '    oauth2:', '      client:', '        registration:', '          okta:')
    .d('            client-id: 0oa8f3kd92LmQpXz5d7', 'Okta client id')
    .s(`            client-secret: ${oktaCs}`, 'okta', oktaCs)
    .l('okta:', '  client:', '    orgUrl: https://acme-retail.okta.com')
    .s(`    token: ${okta}`, 'okta', okta)
    .l('management:', '  datadog:', '    metrics:', '      export:')
    .s(`        api-key: ${ddKey}`, 'datadog', ddKey)
    .d('        step: 30s', 'duration')
    .d(`    cipher-pw: '{cipher}${x.lowerHex(96)}'`, 'Spring Cloud Config encrypted value')
    .d(`    legacy-pw: ENC(${x.b64(44)})`, 'Jasypt encrypted value');

  const cfgPw = x.pw();
  repo
    .file('orders/src/main/resources/bootstrap.yml', 'spring')
    .l('spring:', '  cloud:', '    config:', '      uri: https://config.acme-retail.internal', '      username: orders')
    .s(`      password: "${cfgPw}"`, 'generic', cfgPw)
    .l('    vault:', '      authentication: KUBERNETES')
    .d('      token: ${VAULT_TOKEN:}', 'placeholder with empty default');

  repo
    .file('orders/src/main/resources/messages.properties', 'spring')
    .d('login.password.label=Password', 'i18n')
    .d('login.password.invalid=The password you entered is incorrect', 'i18n')
    .d('account.apiKey.regenerate=Generate a new API key', 'i18n');
}

// ---- Laravel -----------------------------------------------------------------------------

function laravel(repo, t, x) {
  const appKey = x.laravelKey();
  const dbPw = x.pw();
  const mailPw = x.pw();
  const awsId = t.awsId();
  const awsSecret = t.awsSecret();
  const pkSecret = x.pusherSecret();
  const postmark = x.postmark();
  repo
    .file('portal/.env', 'laravel')
    .l('APP_NAME="Acme Portal"', 'APP_ENV=production')
    .s(`APP_KEY=${appKey}`, 'generic', appKey)
    .l('APP_DEBUG=false', 'APP_URL=https://portal.acme-retail.com', '')
    .l('DB_CONNECTION=mysql', 'DB_HOST=portal-db.cbq2x7yz1.eu-central-1.rds.amazonaws.com', 'DB_PORT=3306')
    .l('DB_DATABASE=portal', 'DB_USERNAME=portal')
    .s(`DB_PASSWORD="${dbPw}"`, 'generic', dbPw)
    .l('', 'MAIL_MAILER=smtp', 'MAIL_HOST=smtp.mailtrap.io', 'MAIL_USERNAME=portal-mailer')
    .s(`MAIL_PASSWORD=${mailPw}`, 'generic', mailPw)
    .s(`POSTMARK_TOKEN=${postmark}`, 'postmark', postmark)
    .s(`AWS_ACCESS_KEY_ID=${awsId}`, 'aws', awsId)
    .s(`AWS_SECRET_ACCESS_KEY=${awsSecret}`, 'aws', awsSecret)
    .l('AWS_DEFAULT_REGION=eu-central-1', 'PUSHER_APP_ID=1672213')
    .d(`PUSHER_APP_KEY=${x.pusherKey()}`, 'Pusher app key (public)')
    .s(`PUSHER_APP_SECRET=${pkSecret}`, 'pusher', pkSecret)
    .d('VITE_PUSHER_APP_KEY="${PUSHER_APP_KEY}"', 'variable reference')
    .d('REDIS_PASSWORD=null', 'null');

  repo
    .file('portal/.env.example', 'laravel')
    .d('APP_KEY=', 'empty')
    .d('DB_PASSWORD=secret', 'Laravel default placeholder')
    .d('MAIL_PASSWORD=null', 'null')
    .d('STRIPE_SECRET=sk_test_xxxxxxxxxxxxxxxxxxxxxxxx', 'placeholder');

  const stripe = t.stripeLive();
  const mgKey = x.mailgun();
  const shopify = x.shopify('shpss_');
  repo
    .file('portal/config/services.php', 'laravel')
    .l('<?php', '', 'return [', "    'mailgun' => [")
    .d("        'domain' => env('MAILGUN_DOMAIN'),", 'env lookup')
    .s(`        'secret' => env('MAILGUN_SECRET', '${mgKey}'),`, 'mailgun', mgKey)
    .l('    ],', "    'stripe' => [")
    .d("        'key' => env('STRIPE_KEY'),", 'env lookup')
    .s(`        'secret' => env('STRIPE_SECRET', '${stripe}'),`, 'stripe', stripe)
    .l('    ],', "    'shopify' => [")
    .d("        'api_key' => env('SHOPIFY_API_KEY'),", 'env lookup')
    .s(`        'api_secret' => '${shopify}',`, 'shopify', shopify)
    .l('    ],', '];');

  repo
    .file('portal/lang/en/auth.php', 'laravel')
    .l('<?php', '', 'return [')
    .d("    'failed' => 'These credentials do not match our records.',", 'i18n')
    .d("    'password' => 'The provided password is incorrect.',", 'i18n')
    .d("    'token' => 'This password reset token is invalid.',", 'i18n')
    .l('];');

  repo
    .file('portal/composer.lock', 'laravel')
    .l('{', '    "packages": [', '        {', '            "name": "laravel/framework",', '            "source": {')
    .d(`                "reference": "${t.sha1()}"`, 'git SHA')
    .l('            },', '            "dist": {')
    .d(`                "shasum": "${t.sha1()}"`, 'sha1 checksum')
    .l('            }', '        }', '    ],')
    .d(`    "content-hash": "${x.lowerHex(32)}"`, 'content hash')
    .l('}');
}

// ---- Symfony -----------------------------------------------------------------------------

function symfony(repo, t, x) {
  const appSecret = t.hex(32);
  const dbPw = encodeURIComponent(x.pw());
  const mailerPw = x.pw();
  const jwtPass = x.gen();
  repo
    .file('backoffice/.env.local', 'symfony')
    .l('###> symfony/framework-bundle ###', 'APP_ENV=prod')
    .s(`APP_SECRET=${appSecret}`, 'generic', appSecret)
    .l('###< symfony/framework-bundle ###', '', '###> doctrine/doctrine-bundle ###')
    .s(
      `DATABASE_URL="postgresql://backoffice:${dbPw}@bo-db.acme-retail.internal:5432/backoffice?serverVersion=16&charset=utf8"`,
      'generic',
      dbPw,
    )
    .l('###< doctrine/doctrine-bundle ###', '', '###> symfony/mailer ###')
    .s(
      `MAILER_DSN=smtp://bo-mailer:${encodeURIComponent(mailerPw)}@smtp.eu.mailgun.org:587`,
      'generic',
      encodeURIComponent(mailerPw),
    )
    .l('###< symfony/mailer ###', '', '###> lexik/jwt-authentication-bundle ###')
    .d('JWT_SECRET_KEY=%kernel.project_dir%/config/jwt/private.pem', 'path')
    .d('JWT_PUBLIC_KEY=%kernel.project_dir%/config/jwt/public.pem', 'path')
    .s(`JWT_PASSPHRASE=${jwtPass}`, 'generic', jwtPass)
    .l('###< lexik/jwt-authentication-bundle ###');

  repo
    .file('backoffice/.env', 'symfony')
    .d('APP_SECRET=', 'empty')
    .d(
      'DATABASE_URL="postgresql://app:!ChangeMe!@127.0.0.1:5432/app?serverVersion=16&charset=utf8"',
      'Symfony recipe placeholder',
    )
    .d('MAILER_DSN=null://null', 'null transport')
    .d('JWT_PASSPHRASE=', 'empty');

  const pem = t.rsaPem();
  repo.file('backoffice/config/jwt/private.pem', 'symfony').s(pem, 'private-key', pem.join('\n'));

  repo
    .file('backoffice/config/jwt/public.pem', 'symfony')
    .d(['-----BEGIN PUBLIC KEY-----', ...x.b64(392).match(/.{1,64}/g), '-----END PUBLIC KEY-----'], 'public key');
}

// ---- ASP.NET -----------------------------------------------------------------------------

function dotnet(repo, t, x) {
  const sqlPw = x.pw();
  const jwtKey = x.b64(48);
  const sbKey = `${x.b64(43)}=`;
  const sgKey = t.sendgrid();
  const instrKey = t.uuid();
  repo
    .file('Acme.Billing/appsettings.Production.json', 'dotnet')
    .l('{', '  "ConnectionStrings": {')
    .s(
      `    "BillingDb": "Server=tcp:acme-billing-prod.database.windows.net,1433;Initial Catalog=billing;User ID=billing_app;Password=${sqlPw};Encrypt=True;",`,
      'generic',
      sqlPw,
    )
    .s(
      `    "ServiceBus": "Endpoint=sb://acme-billing.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${sbKey}"`,
      'azure',
      sbKey,
    )
    .l('  },', '  "Jwt": {', '    "Issuer": "https://billing.acme-retail.com",')
    .s(`    "Key": "${jwtKey}",`, 'generic', jwtKey)
    .l('    "ExpiryMinutes": 60', '  },', '  "SendGrid": {')
    .s(`    "ApiKey": "${sgKey}",`, 'sendgrid', sgKey)
    .l('    "FromEmail": "billing@acme-retail.com"', '  },', '  "ApplicationInsights": {')
    .d(
      `    "ConnectionString": "InstrumentationKey=${instrKey};IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/"`,
      'App Insights connection string (ingestion only, not a credential)',
    )
    .l('  },')
    .d(`  "BuildId": "${t.uuid()}"`, 'UUID id')
    .l('}');

  repo
    .file('Acme.Billing/appsettings.json', 'dotnet')
    .l('{', '  "ConnectionStrings": {')
    .d(
      '    "BillingDb": "Server=(localdb)\\\\mssqllocaldb;Database=Billing;Trusted_Connection=True;MultipleActiveResultSets=true"',
      'integrated auth, no password',
    )
    .l('  },', '  "Jwt": {')
    .d('    "Key": "__REPLACED_AT_DEPLOY__"', 'deploy-time token placeholder')
    .l('  },', '  "Logging": { "LogLevel": { "Default": "Information" } }', '}');

  const wcPw = x.pw();
  const machineKey = t.pick('0123456789ABCDEF', 128);
  repo
    .file('Acme.LegacyPortal/Web.config', 'dotnet')
    .l('<?xml version="1.0" encoding="utf-8"?>', '<configuration>', '  <connectionStrings>')
    .s(
      `    <add name="PortalDb" connectionString="Data Source=sql-prod-03.corp.acme-retail.com;Initial Catalog=Portal;User Id=portal_web;Password=${wcPw};" providerName="System.Data.SqlClient" />`,
      'generic',
      wcPw,
    )
    .l('  </connectionStrings>', '  <system.web>')
    .s(
      `    <machineKey validationKey="${machineKey}" decryptionKey="${t.pick('0123456789ABCDEF', 48)}" validation="HMACSHA256" decryption="AES" />`,
      'generic',
      machineKey,
    )
    .l('  </system.web>', '  <appSettings>')
    .d('    <add key="webpages:Version" value="3.0.0.0" />', 'version')
    .d('    <add key="ClientValidationEnabled" value="true" />', 'boolean')
    .l('  </appSettings>', '</configuration>');

  repo
    .file('Acme.LegacyPortal/Web.Release.config', 'dotnet')
    .l('<configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform">', '  <connectionStrings>')
    .d(
      '    <add name="PortalDb" connectionString="#{PortalDbConnectionString}#" xdt:Transform="SetAttributes" xdt:Locator="Match(name)"/>',
      'release-pipeline token placeholder',
    )
    .l('  </connectionStrings>', '</configuration>');
}

// ---- Node / Express ----------------------------------------------------------------------

function node(repo, t, x) {
  const session = t.alnum(48);
  const mongoPw = encodeURIComponent(x.pw());
  const slack = t.slackWebhook();
  const sqAccess = x.squareAccess();
  const sqSecret = x.squareSecret();
  const plaidSecret = x.plaidSecret();
  repo
    .file('services/checkout/config/index.js', 'node')
    .l("'use strict';", '', 'module.exports = {', '  port: process.env.PORT || 3000,')
    .s(`  sessionSecret: process.env.SESSION_SECRET || '${session}',`, 'generic', session)
    .s(
      `  mongoUri: 'mongodb+srv://checkout:${mongoPw}@cluster0.x7kqz.mongodb.net/checkout?retryWrites=true&w=majority',`,
      'generic',
      mongoPw,
    )
    .s(`  slackWebhook: '${slack}',`, 'slack', slack)
    .l('  square: {', "    environment: 'production',")
    .d(`    applicationId: '${x.squareAppId()}',`, 'Square application id (public)')
    .s(`    accessToken: '${sqAccess}',`, 'square', sqAccess)
    .s(`    applicationSecret: '${sqSecret}',`, 'square', sqSecret)
    .l('  },', '  plaid: {')
    .l(`    clientId: '${x.plaidClientId()}',`)
    .s(`    secret: '${plaidSecret}',`, 'plaid', plaidSecret)
    .l("    env: 'production',", '  },')
    .d('  jwtSecret: process.env.JWT_SECRET,', 'env lookup')
    .d("  corsOrigin: ['https://shop.acme-retail.com'],", 'origin')
    .l('};');

  const bt = x.braintreeAccess();
  const btPriv = t.hex(32);
  const ppSecret = x.paypalSecret();
  repo
    .file('services/checkout/src/payments/gateways.ts', 'node')
    .l("import braintree from 'braintree';", "import paypal from '@paypal/checkout-server-sdk';", '')
    .s(`const gateway = new braintree.BraintreeGateway({ accessToken: '${bt}' });`, 'paypal', bt)
    .l(
      '',
      'export const legacyGateway = new braintree.BraintreeGateway({',
      '  environment: braintree.Environment.Production,',
    )
    .l(`  merchantId: '${t.pick(LOWER + DIGIT, 16)}',`)
    .d(`  publicKey: '${t.pick(LOWER + DIGIT, 16)}',`, 'Braintree public key id')
    .s(`  privateKey: '${btPriv}',`, 'paypal', btPriv)
    .l('});', '')
    .l('const env = new paypal.core.LiveEnvironment(')
    .l(`  '${x.paypalClientId()}',`)
    .s(`  '${ppSecret}',`, 'paypal', ppSecret)
    .l(');');

  const auth = Buffer.from(`svc-checkout:${x.gen()}`).toString('base64');
  const ship = x.gen();
  repo
    .file('services/checkout/src/clients/shipping.js', 'node')
    .l("const axios = require('axios');", '')
    .l('const client = axios.create({', "  baseURL: 'https://api.shipfast-logistics.com/v2',", '  headers: {')
    .s(`    Authorization: 'Basic ${auth}',`, 'generic', Buffer.from(auth, 'base64').toString())
    .d("    'Content-Type': 'application/json',", 'header')
    .l('  },', '});', '')
    .s(`const SHIPFAST_API_KEY = '${ship}'; // TODO move to vault`, 'generic', ship)
    .d(
      "const TRACKING_URL = 'https://track.shipfast-logistics.com/p/3f9a1c0e-5b2d-4e8f-9a7c-1d2e3f4a5b6c';",
      'UUID in URL',
    )
    .l('module.exports = client;');

  repo
    .file('services/checkout/package-lock.json', 'node')
    .l('{', '  "packages": {', '    "node_modules/express": {', '      "version": "4.21.1",')
    .l('      "resolved": "https://registry.npmjs.org/express/-/express-4.21.1.tgz",')
    .d(`      "integrity": "sha512-${x.b64(86)}=="`, 'integrity hash')
    .l('    }', '  }', '}');
}

// ---- Next.js / Vite ----------------------------------------------------------------------

function nextjs(repo, t, x) {
  const pk = x.stripePk();
  const sk = t.stripeLiveLong();
  const anon = t.jwt(); // replaced below with an anon-role JWT
  void anon;
  const ref = t.pick(LOWER, 20);
  const b64url = (s) => Buffer.from(s).toString('base64url');
  const anonJwt = `${b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64url(
    JSON.stringify({ iss: 'supabase', ref, role: 'anon', iat: 1735689600, exp: 2051222400 }),
  )}.${t.mixed(URLSAFE, 43)}`;
  const service = t.supabaseServiceRole();
  const nextAuth = x.nextAuthSecret();
  const openai = t.openai();
  const gsecret = x.googleClientSecret();
  const auth0 = x.auth0Secret();
  repo
    .file('web/.env.local', 'nextjs')
    .d(`NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY=${pk}`, 'Stripe publishable key (public)')
    .s(`STRIPE_SECRET_KEY=${sk}`, 'stripe', sk)
    .d(`NEXT_PUBLIC_SUPABASE_URL=https://${ref}.supabase.co`, 'URL')
    .d(`NEXT_PUBLIC_SUPABASE_ANON_KEY=${anonJwt}`, 'Supabase anon key (public by design)')
    .s(`SUPABASE_SERVICE_ROLE_KEY=${service}`, 'supabase', service)
    .s(`NEXTAUTH_SECRET=${nextAuth}`, 'generic', nextAuth)
    .d('NEXTAUTH_URL=http://localhost:3000', 'URL')
    .d(`GOOGLE_CLIENT_ID=${x.googleClientId()}`, 'Google OAuth client id (public)')
    .s(`GOOGLE_CLIENT_SECRET=${gsecret}`, 'gcp', gsecret)
    .l('AUTH0_ISSUER_BASE_URL=https://acme-retail.eu.auth0.com')
    .d(`AUTH0_CLIENT_ID=${x.auth0ClientId()}`, 'Auth0 client id (public)')
    .s(`AUTH0_CLIENT_SECRET='${auth0}'`, 'auth0', auth0)
    .s(`OPENAI_API_KEY=${openai}`, 'openai', openai);

  const algAdmin = x.algoliaKey();
  const appId = x.algoliaAppId();
  const mapPk = x.mapboxPublic('acme-retail');
  const cfpat = x.contentfulCma();
  repo
    .file('web/next.config.js', 'nextjs')
    .l('/** @type {import("next").NextConfig} */', 'module.exports = {', '  reactStrictMode: true,', '  env: {')
    .d(`    NEXT_PUBLIC_ALGOLIA_APP_ID: '${appId}',`, 'Algolia app id')
    .d(`    NEXT_PUBLIC_ALGOLIA_SEARCH_KEY: '${x.algoliaKey()}',`, 'Algolia search-only key (public)')
    .d(`    NEXT_PUBLIC_MAPBOX_TOKEN: '${mapPk}',`, 'Mapbox public token')
    .l('  },', '  serverRuntimeConfig: {')
    .s(`    algoliaAdminKey: '${algAdmin}',`, 'algolia', algAdmin)
    .s(`    contentfulManagementToken: '${cfpat}',`, 'contentful', cfpat)
    .l('  },', '  images: {')
    .d("    domains: ['images.ctfassets.net', 'res.cloudinary.com'],", 'domains')
    .l('  },', '};');

  const dsnPub = x.sentryDsnPublic();
  const orgTok = x.sentryOrg();
  repo
    .file('web/sentry.client.config.ts', 'nextjs')
    .l("import * as Sentry from '@sentry/nextjs';", '', 'Sentry.init({')
    .d(`  dsn: '${dsnPub}',`, 'Sentry public DSN')
    .l('  tracesSampleRate: 0.1,', '});');
  repo
    .file('web/.sentryclirc', 'nextjs')
    .l('[defaults]', 'org=acme-retail', 'project=web', '', '[auth]')
    .s(`token=${orgTok}`, 'sentry', orgTok);

  const firebaseWebKey = t.gcpApiKey();
  repo
    .file('web/src/lib/firebase.ts', 'nextjs')
    .l("import { initializeApp } from 'firebase/app';", '', 'const firebaseConfig = {')
    .d(`  apiKey: "${firebaseWebKey}",`, 'Firebase web apiKey (public by design)')
    .l('  authDomain: "acme-retail-prod.firebaseapp.com",', '  projectId: "acme-retail-prod",')
    .d(`  appId: "1:${t.digits(12)}:web:${x.lowerHex(22)}",`, 'Firebase app id')
    .d('  measurementId: "G-7QK2M9XH4T"', 'GA measurement id')
    .l('};', '', 'export const app = initializeApp(firebaseConfig);');

  const viteSecret = t.anthropic();
  repo
    .file('admin-ui/.env.production', 'vite')
    .d('VITE_API_BASE=https://api.acme-retail.com', 'URL')
    .d(`VITE_MIXPANEL_TOKEN=${x.lowerHex(32)}`, 'Mixpanel project token (public, browser)')
    .d(`VITE_RECAPTCHA_SITE_KEY=${x.recaptcha()}`, 'reCAPTCHA site key (public)')
    .s(`VITE_ANTHROPIC_API_KEY=${viteSecret}`, 'anthropic', viteSecret)
    .d(`VITE_DD_CLIENT_TOKEN=${x.ddClientToken()}`, 'Datadog RUM client token (public)')
    .d(`VITE_NEW_RELIC_BROWSER_KEY=${x.newrelicBrowser()}`, 'New Relic browser key (public)');

  const rcSecret = x.recaptcha();
  const mpSecret = x.mixpanelSecret();
  const nrLicense = x.newrelicLicense();
  const segTok = x.segmentPublicApi();
  repo
    .file('admin-ui/server/.env', 'vite')
    .s(`RECAPTCHA_SECRET_KEY=${rcSecret}`, 'generic', rcSecret)
    .s(`MIXPANEL_API_SECRET=${mpSecret}`, 'mixpanel', mpSecret)
    .s(`NEW_RELIC_LICENSE_KEY=${nrLicense}`, 'newrelic', nrLicense)
    .s(`SEGMENT_PUBLIC_API_TOKEN=${segTok}`, 'segment', segTok)
    .d('NEW_RELIC_APP_NAME=admin-ui-server', 'name');

  const dk = x.dotenvKey();
  repo
    .file('admin-ui/.env.vault', 'vite')
    .l('#/-------------------.env.vault---------------------/', '#/         cloud-agnostic vaulting standard         /')
    .d(`DOTENV_VAULT_PRODUCTION="${x.b64(212)}"`, 'dotenv-vault encrypted payload');
  repo.file('admin-ui/.env.keys', 'vite').s(`DOTENV_KEY_PRODUCTION="${dk}"`, 'generic', dk);
}

// ---- front-end bundles -------------------------------------------------------------------

function bundles(repo, t, x) {
  const pk = x.stripePk();
  const mapSk = x.mapboxSecret('acme-retail');
  const algAdmin = x.algoliaKey();
  const algId = x.algoliaAppId();
  const gh = t.github('ghp_');
  const chunk = (inner) =>
    `"use strict";(self.webpackChunk_N_E=self.webpackChunk_N_E||[]).push([[${t.digits(3)}],{${t.digits(5)}:function(e,t,n){n.d(t,{Z:function(){return o}});var r=n(${t.digits(4)}),a=n.n(r);${inner};function o(){return a().createElement("div",{className:"p-4"})}}}]);`;
  repo
    .file('web/.next/static/chunks/pages/checkout-7f3a9c1e2b4d6f80.js', 'bundle')
    .d(chunk(`let i=(0,r.loadStripe)("${pk}")`), 'Stripe publishable key in a bundle')
    .s(chunk(`let s=new a.Map({accessToken:"${mapSk}",style:"mapbox://styles/acme/clx1"})`), 'mapbox', mapSk);

  repo
    .file('admin-ui/dist/assets/index-4b8e1f2a.js', 'bundle')
    .s(
      `const Ke=Object.freeze({appId:"${algId}",apiKey:"${algAdmin}",indexName:"products_prod"});function Qe(e){return fetch(\`https://\${Ke.appId}-dsn.algolia.net/1/indexes/\${Ke.indexName}/batch\`,{method:"POST",headers:{"X-Algolia-API-Key":Ke.apiKey,"X-Algolia-Application-Id":Ke.appId},body:JSON.stringify(e)})}`,
      'algolia',
      algAdmin,
    )
    .s(
      `var Xe={VITE_API_BASE:"https://api.acme-retail.com",VITE_GH_RELEASES_TOKEN:"${gh}",BASE_URL:"/",MODE:"production",DEV:!1,PROD:!0};`,
      'github',
      gh,
    )
    .d(
      `function t(e){return e.replace(/[A-Za-z0-9_-]{21}/g,"")}const n="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-",r=\`sha256-${Buffer.from(Array.from({ length: 32 }, (_, i) => (i * 37 + 11) % 256)).toString('base64')}\`;`,
      'alphabet constant and CSP hash',
    )
    .d('//# sourceMappingURL=index-4b8e1f2a.js.map', 'source map comment');

  repo
    .file('web/public/index.html', 'bundle')
    .l('<!doctype html>', '<html>', '<head>')
    .d(
      `  <script src="https://cdn.jsdelivr.net/npm/algoliasearch@4/dist/algoliasearch-lite.umd.js" integrity="sha384-${x.b64(64)}" crossorigin="anonymous"></script>`,
      'SRI hash',
    )
    .d(
      `  <script src="https://www.paypal.com/sdk/js?client-id=${x.paypalClientId()}&currency=EUR"></script>`,
      'PayPal client-id (public)',
    )
    .d(
      `  <script>braintree.dropin.create({ authorization: '${x.braintreeTokenization()}', container: '#dropin' });</script>`,
      'Braintree tokenization key (public)',
    )
    .d(`  <div class="g-recaptcha" data-sitekey="${x.recaptcha()}"></div>`, 'reCAPTCHA site key')
    .d(
      `  <script>!function(){var analytics=window.analytics=window.analytics||[];analytics.load("${t.mixed(ALNUM, 32)}");analytics.page();}();</script>`,
      'Segment write key in analytics.js snippet (public)',
    )
    .d(`  <link rel="icon" href="data:image/png;base64,${t.pngBase64().slice(0, 400)}">`, 'base64 image')
    .d('  <style>:root{--brand:#1a73e8;--accent:#ff6f00;--bg:#fafafa}</style>', 'CSS colours')
    .l('</head>', '</html>');
}

// ---- Android -----------------------------------------------------------------------------

function android(repo, t, x) {
  const storePw = x.pw();
  const keyPw = x.pw();
  const mapSk = x.mapboxSecret('acme-mobile');
  repo
    .file('mobile/android/gradle.properties', 'android')
    .d('org.gradle.jvmargs=-Xmx4096m -Dfile.encoding=UTF-8', 'JVM flags')
    .d('android.useAndroidX=true', 'flag')
    .l('RELEASE_STORE_FILE=../keystores/release.jks', 'RELEASE_KEY_ALIAS=acme-upload')
    .s(`RELEASE_STORE_PASSWORD=${storePw}`, 'generic', storePw)
    .s(`RELEASE_KEY_PASSWORD=${keyPw}`, 'generic', keyPw)
    .s(`MAPBOX_DOWNLOADS_TOKEN=${mapSk}`, 'mapbox', mapSk);

  const mapsKey = t.gcpApiKey();
  repo
    .file('mobile/android/local.properties', 'android')
    .d('sdk.dir=/Users/jenkins/Library/Android/sdk', 'path')
    .s(`MAPS_API_KEY=${mapsKey}`, 'gcp', mapsKey);

  const sigPw = x.human();
  repo
    .file('mobile/android/app/build.gradle', 'android')
    .l('android {', '    signingConfigs {', '        release {', "            storeFile file('release.jks')")
    .s(`            storePassword '${sigPw}'`, 'generic', sigPw)
    .l("            keyAlias 'acme-upload'")
    .s(`            keyPassword '${sigPw}'`, 'generic', sigPw)
    .l('        }', '    }', '    defaultConfig {')
    .d(
      '        buildConfigField "String", "API_KEY", "\\"${project.findProperty(\'API_KEY\') ?: \'\'}\\""',
      'property lookup',
    )
    .d('        versionName "5.12.0"', 'version')
    .l('    }', '}');

  const fbKey = t.gcpApiKey();
  repo
    .file('mobile/android/app/google-services.json', 'android')
    .l(
      '{',
      '  "project_info": {',
      `    "project_number": "${t.digits(12)}",`,
      '    "project_id": "acme-mobile-prod"',
      '  },',
    )
    .l('  "client": [', '    {', '      "api_key": [', '        {')
    .d(`          "current_key": "${fbKey}"`, 'Firebase Android API key (public by design)')
    .l('        }', '      ],')
    .d(`      "oauth_client": [ { "client_id": "${x.googleClientId()}", "client_type": 3 } ]`, 'OAuth client id')
    .l('    }', '  ]', '}');

  const stringsSecret = t.stripeLive();
  repo
    .file('mobile/android/app/src/main/res/values/strings.xml', 'android')
    .l('<resources>', '    <string name="app_name">Acme Shop</string>')
    .d('    <string name="password_hint">Password</string>', 'i18n')
    .d('    <string name="api_key_error">Invalid API key. Please try again.</string>', 'i18n')
    .d(
      `    <string name="google_maps_key" translatable="false">${t.gcpApiKey()}</string>`,
      'restricted Maps SDK key shipped in the APK (public by design)',
    )
    .d(`    <string name="facebook_app_id">${t.digits(15)}</string>`, 'app id')
    .s(`    <string name="stripe_backend_key" translatable="false">${stringsSecret}</string>`, 'stripe', stringsSecret)
    .l('</resources>');

  const ksB64 = Buffer.from(
    `storePassword=${x.gen()}\nkeyPassword=${x.gen()}\nkeyAlias=upload\nstoreFile=upload.jks\n`,
  ).toString('base64');
  repo
    .file('mobile/android/fastlane/Fastfile', 'android')
    .l('default_platform(:android)', '', 'platform :android do', '  lane :deploy do')
    .s(
      `    File.write("../key.properties", Base64.decode64("${ksB64}"))`,
      'generic',
      Buffer.from(ksB64, 'base64').toString().split('\n')[0].split('=')[1],
    )
    .d('    upload_to_play_store(json_key: ENV["PLAY_JSON_KEY_PATH"])', 'env lookup')
    .l('  end', 'end');
}

// ---- iOS ---------------------------------------------------------------------------------

function ios(repo, t, x) {
  const fbKey = t.gcpApiKey();
  repo
    .file('mobile/ios/Runner/GoogleService-Info.plist', 'ios')
    .l('<?xml version="1.0" encoding="UTF-8"?>', '<plist version="1.0">', '<dict>', '\t<key>API_KEY</key>')
    .d(`\t<string>${fbKey}</string>`, 'Firebase iOS API key (public by design)')
    .l('\t<key>GCM_SENDER_ID</key>')
    .d(`\t<string>${t.digits(12)}</string>`, 'sender id')
    .l('\t<key>BUNDLE_ID</key>', '\t<string>com.acmeretail.shop</string>', '</dict>', '</plist>');

  const rcKey = `sk_${t.mixed(ALNUM, 28)}`;
  const hook = t.slackWebhook();
  const hookParts = hook.replace('https://', '');
  repo
    .file('mobile/ios/Config/Release.xcconfig', 'ios')
    .d('PRODUCT_BUNDLE_IDENTIFIER = com.acmeretail.shop', 'bundle id')
    .d('API_BASE_URL = https:/$()/api.acme-retail.com', 'URL with xcconfig slash escape')
    .s(`SLACK_RELEASE_WEBHOOK = https:/$()/${hookParts}`, 'slack', hookParts.split('/').pop())
    .s(`REVENUECAT_SECRET_KEY = ${rcKey}`, 'generic', rcKey)
    .d('REVENUECAT_PUBLIC_KEY = appl_' + t.mixed(ALNUM, 27), 'RevenueCat public app key');

  const sentryTok = x.sentryOrg();
  const orgTokInline = x.sentryOrg();
  void orgTokInline;
  repo
    .file('mobile/ios/Runner/Info.plist', 'ios')
    .l('<plist version="1.0">', '<dict>', '\t<key>GADApplicationIdentifier</key>')
    .d(`\t<string>ca-app-pub-${t.digits(16)}~${t.digits(10)}</string>`, 'AdMob app id')
    .l('\t<key>SentryDSN</key>')
    .d(`\t<string>${x.sentryDsnPublic()}</string>`, 'public DSN')
    .l('\t<key>NSCameraUsageDescription</key>', '\t<string>Scan barcodes</string>', '</dict>', '</plist>');

  repo
    .file('mobile/ios/fastlane/.env.default', 'ios')
    .l('FASTLANE_USER=release@acme-retail.com')
    .s(`SENTRY_AUTH_TOKEN=${sentryTok}`, 'sentry', sentryTok)
    .d('MATCH_GIT_URL=git@github.com:acme-retail/certificates.git', 'git URL');

  const p8 = t.ecPem();
  const p8Pkcs8 = [
    '-----BEGIN PRIVATE KEY-----',
    ...Buffer.concat([
      Buffer.from('308193020100301306072a8648ce3d020106082a8648ce3d030107047930770201010420', 'hex'),
      Buffer.from(Array.from({ length: 115 }, () => Math.floor(rand8(t) * 256))),
    ])
      .toString('base64')
      .match(/.{1,64}/g),
    '-----END PRIVATE KEY-----',
  ];
  void p8;
  repo
    .file('mobile/ios/Runner/Push/APNs.swift', 'ios')
    .l(
      'import Foundation',
      '',
      'enum APNsConfig {',
      '    static let keyID = "7QK2M9XH4T"',
      '    static let teamID = "ABCDE12345"',
    )
    .s(
      [`    static let p8 = """`, ...p8Pkcs8.map((l) => `    ${l}`), `    """`],
      'private-key',
      p8Pkcs8[1].slice(0, 40),
    )
    .l('}');
}

function rand8(t) {
  return parseInt(t.pick(HEX, 2), 16) / 256;
}

// ---- Flutter -----------------------------------------------------------------------------

function flutter(repo, t, x) {
  const stripe = t.stripeLive();
  const oneSignal = t.uuid();
  const osRest = `os_v2_app_${t.pick('abcdefghijklmnopqrstuvwxyz234567', 113)}`;
  const pk = x.stripePk();
  const supa = t.supabaseServiceRole();
  repo
    .file('mobile/lib/core/constants.dart', 'flutter')
    .l('// ignore_for_file: constant_identifier_names', '', 'class AppConstants {')
    .d("  static const String baseUrl = 'https://api.acme-retail.com';", 'URL')
    .d(`  static const String stripePublishableKey = '${pk}';`, 'Stripe publishable key')
    .s(`  static const String stripeSecretKey = '${stripe}'; // FIXME server-side only`, 'stripe', stripe)
    .d(`  static const String oneSignalAppId = '${oneSignal}';`, 'OneSignal app id (public)')
    .s(`  static const String oneSignalRestKey = '${osRest}';`, 'generic', osRest)
    .s(`  static const supabaseKey =\n      '${supa}';`, 'supabase', supa)
    .d("  static const String passwordRegex = r'^(?=.*[A-Z])(?=.*\\d)[A-Za-z\\d@$!%*?&]{8,}$';", 'regex')
    .l('}');

  repo
    .file('mobile/lib/l10n/app_en.arb', 'flutter')
    .l('{', '  "@@locale": "en",')
    .d('  "loginPasswordHint": "Enter your password",', 'i18n')
    .d('  "settingsApiToken": "API token",', 'i18n')
    .l('}');

  repo
    .file('mobile/pubspec.lock', 'flutter')
    .l('packages:', '  http:', '    dependency: "direct main"', '    description:', '      name: http')
    .d(`      sha256: "${t.sha256()}"`, 'sha256')
    .l('      url: "https://pub.dev"', '    source: hosted', '    version: "1.2.2"');
}

// ---- Electron ----------------------------------------------------------------------------

function electron(repo, t, x) {
  const gh = x.ghFine();
  const license = t.hex(64);
  const aesKey = t.hex(64);
  repo
    .file('desktop/src/main.js', 'electron')
    .l(
      "const { app, BrowserWindow } = require('electron');",
      "const { autoUpdater } = require('electron-updater');",
      '',
    )
    .s(`process.env.GH_TOKEN = '${gh}'; // private releases repo`, 'github', gh)
    .l(
      "autoUpdater.setFeedURL({ provider: 'github', owner: 'acme-retail', repo: 'desktop-releases', private: true });",
      '',
    )
    .s(`const LICENSE_SIGNING_SECRET = '${license}';`, 'generic', license)
    .s(`const store = new Store({ encryptionKey: '${aesKey}' });`, 'generic', aesKey)
    .d("const iconPath = path.join(__dirname, 'assets', 'icon-512x512.png');", 'path')
    .d("app.setAppUserModelId('com.acmeretail.desktop');", 'app id')
    .l('app.whenReady().then(createWindow);');

  repo
    .file('desktop/electron-builder.yml', 'electron')
    .l('appId: com.acmeretail.desktop', 'mac:', '  notarize:')
    .d('    teamId: ABCDE12345', 'Apple team id')
    .l('win:')
    .d('  certificatePassword: ${env.WIN_CSC_KEY_PASSWORD}', 'env placeholder')
    .d('  publisherName: Acme Retail GmbH', 'name');
}

// ---- WordPress ---------------------------------------------------------------------------

function wordpress(repo, t, x) {
  const dbPw = x.human();
  const salts = ['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY'].map((n) => [n, x.wpSalt()]);
  const smtp = x.pw();
  repo
    .file('blog/wp-config.php', 'wordpress')
    .l('<?php', "define( 'DB_NAME', 'acme_blog' );", "define( 'DB_USER', 'blog_wp' );")
    .s(`define( 'DB_PASSWORD', '${dbPw}' );`, 'generic', dbPw)
    .l("define( 'DB_HOST', 'blog-db.cluster-c1qwe2rty3.eu-west-1.rds.amazonaws.com' );", '');
  const wp = repo.files.get('blog/wp-config.php');
  for (const [n, v] of salts) wp.s(`define( '${n}', ${' '.repeat(16 - n.length)}'${v}' );`, 'generic', v);
  wp.d("define( 'AUTH_SALT',        'put your unique phrase here' );", 'wp-config-sample placeholder')
    .s(`define( 'WPMS_SMTP_PASS', '${smtp}' );`, 'generic', smtp)
    .d("define( 'WP_DEBUG', false );", 'flag')
    .d("$table_prefix = 'wp_';", 'prefix');

  const adminHash = `$P$B${t.pick(ALNUM + './', 30)}`;
  repo
    .file('blog/db/seed-users.sql', 'wordpress')
    .l('INSERT INTO `wp_users` (`ID`, `user_login`, `user_pass`, `user_email`) VALUES')
    .d(`(1, 'admin', '${adminHash}', 'web@acme-retail.com');`, 'phpass password hash');
}

// ---- Go / Java / Kotlin -----------------------------------------------------------------

function goJvm(repo, t, x) {
  const pgPw = encodeURIComponent(x.pw());
  const ddApp = t.ddApp();
  const ddApi = t.ddApi();
  const jwtSecret = x.gen() + x.gen();
  repo
    .file('services/inventory/internal/config/config.go', 'go')
    .l(
      'package config',
      '',
      'type Config struct {',
      '\tDatabaseURL string `env:"DATABASE_URL"`',
      '\tJWTSecret   string `env:"JWT_SECRET"`',
      '}',
      '',
    )
    .l('var Default = Config{')
    .s(
      `\tDatabaseURL: "postgres://inventory:${pgPw}@inventory-db.prod.acme-retail.internal:5432/inventory?sslmode=require",`,
      'generic',
      pgPw,
    )
    .s(`\tJWTSecret:   "${jwtSecret}",`, 'generic', jwtSecret)
    .l('}', '')
    .l('var Datadog = struct{ APIKey, AppKey string }{')
    .s(`\tAPIKey: "${ddApi}",`, 'datadog', ddApi)
    .s(`\tAppKey: "${ddApp}",`, 'datadog', ddApp)
    .l('}')
    .d('\tconst RequestIDHeader = "X-Request-Id"', 'header name');

  const nr = x.newrelicUser();
  const twKey = x.twilioApiKey();
  const twKeySecret = t.alnum(32);
  const kPw = x.pw();
  repo
    .file('android-shared/src/main/kotlin/com/acmeretail/shared/Secrets.kt', 'jvm')
    .l('package com.acmeretail.shared', '', 'object Secrets {')
    .s(`    const val NEW_RELIC_API_KEY = "${nr}"`, 'newrelic', nr)
    .l(`    const val TWILIO_API_KEY_SID = "${twKey}"`)
    .s(`    const val TWILIO_API_KEY_SECRET = "${twKeySecret}"`, 'twilio', twKeySecret)
    .s(`    const val ADMIN_PASSWORD = "${kPw}"`, 'generic', kPw)
    .d('    const val PASSWORD_MIN_LENGTH = 12', 'number')
    .d('    const val KEY_ALIAS = "acme_biometric_key"', 'keystore alias')
    .l('}');

  const shop = x.shopify('shpat_');
  const gho = x.gho();
  const aws = t.awsId();
  const awsS = t.awsSecret();
  repo
    .file('services/sync/src/main/java/com/acmeretail/sync/ShopifyClient.java', 'jvm')
    .l('package com.acmeretail.sync;', '', 'public final class ShopifyClient {')
    .l('    private static final String SHOP = "acme-retail.myshopify.com";')
    .s(`    private static final String ACCESS_TOKEN = "${shop}";`, 'shopify', shop)
    .s(`    private static final String GITHUB_OAUTH = "${gho}";`, 'github', gho)
    .s(
      `    private static final AWSCredentials CREDS = new BasicAWSCredentials("${aws}",\n            "${awsS}");`,
      'aws',
      awsS,
    )
    .d('    @Value("${shopify.webhook-secret}") private String webhookSecret;', 'Spring property injection')
    .d('    private static final String API_VERSION = "2024-10";', 'version')
    .l('}');

  const sa = t.pkcs8Pem();
  repo
    .file('services/notify/src/main/resources/firebase-adminsdk.json', 'jvm')
    .l('{', '  "type": "service_account",', '  "project_id": "acme-mobile-prod",')
    .d(`  "private_key_id": "${t.sha1()}",`, 'key id (not the key)')
    .s(`  "private_key": "${sa.join('\\n')}\\n",`, 'gcp', sa.join('\n'))
    .l('  "client_email": "firebase-adminsdk-x7k2q@acme-mobile-prod.iam.gserviceaccount.com",')
    .d(`  "client_id": "${t.digits(21)}",`, 'numeric client id')
    .l('  "token_uri": "https://oauth2.googleapis.com/token"', '}');
}

// ---- test fixtures -----------------------------------------------------------------------

function fixtures(repo, t, x) {
  const leaked = t.slackBot();
  const cassettePw = encodeURIComponent(x.pw());
  repo
    .file('services/checkout/test/fixtures/stripe.json', 'fixtures')
    .l('{')
    .d('  "api_key": "sk_test_4eC39HqLyjWDarjtT1zdp7dc",', "Stripe's documented public test key")
    .d('  "publishable_key": "pk_test_TYooMQauvdEDq54NiTphI7jx",', "Stripe's documented public test key")
    .d(`  "customer": "cus_${t.mixed(ALNUM, 14)}",`, 'Stripe object id')
    .d(`  "payment_intent": "pi_${t.mixed(ALNUM, 24)}",`, 'Stripe object id')
    .d(`  "client_secret": "pi_3Ab${t.mixed(ALNUM, 21)}_secret_FAKEFAKEFAKEFAKE",`, 'fake client secret')
    .l('}');

  repo
    .file('services/checkout/test/setup.ts', 'fixtures')
    .d("process.env.STRIPE_SECRET_KEY = 'sk_test_fake_key_for_unit_tests';", 'marked fake')
    .d("process.env.SLACK_BOT_TOKEN = 'xoxb-fake-token';", 'marked fake')
    .d("process.env.JWT_SECRET = 'test-secret';", 'test value')
    .d(
      "process.env.DATABASE_URL = 'postgres://postgres:postgres@localhost:5432/checkout_test';",
      'local default credentials',
    )
    .d("jest.mock('../src/clients/shipping', () => ({ get: jest.fn() }));", 'mock');

  repo
    .file('storefront/spec/cassettes/slack_notify.yml', 'fixtures')
    .l('---', 'http_interactions:', '- request:', '    method: post', '    uri: https://slack.com/api/chat.postMessage')
    .l('    headers:', '      Authorization:')
    .s(`      - Bearer ${leaked}`, 'slack', leaked)
    .l('  response:', '    status:', '      code: 200')
    .d('      - Bearer <SLACK_TOKEN>', 'VCR filtered placeholder');

  repo
    .file('storefront/spec/fixtures/users.yml', 'fixtures')
    .l('alice:', '  email: alice@example.com')
    .d('  encrypted_password: <%= Devise::Encryptor.digest(User, "password123") %>', 'fixture digest of test password')
    .l('bob:', '  email: bob@example.com')
    .d(`  encrypted_password: "$2a$12$${t.pick(ALNUM + './', 53)}"`, 'bcrypt hash')
    .d(`  confirmation_token: "${t.uuid()}"`, 'UUID');

  repo
    .file('api/tests/conftest.py', 'fixtures')
    .l('import pytest', '', '@pytest.fixture')
    .l('def live_db_url():')
    .s(
      `    return "mysql://qa_admin:${cassettePw}@qa-mysql.acme-retail.com:3306/api"  # shared QA box`,
      'generic',
      cassettePw,
    )
    .d("    # return 'mysql://user:password@localhost/api'", 'commented placeholder');
}

// ---- harder shapes real app code uses ----------------------------------------------------

function hard(repo, t, x) {
  // Java: a key split by concatenation (people do this to dodge scanners or line limits).
  const sk = t.stripeLive();
  const cut = 14;
  repo
    .file('services/sync/src/main/java/com/acmeretail/sync/PaymentsConfig.java', 'hard')
    .l('package com.acmeretail.sync;', '', 'final class PaymentsConfig {')
    .s(
      [`    static final String STRIPE_KEY = "${sk.slice(0, cut)}"`, `            + "${sk.slice(cut)}";`],
      'stripe',
      `${sk.slice(0, cut)}\n${sk.slice(cut)}`,
    )
    .l('}');

  // Android buildConfigField with escaped quotes.
  const sg = t.sendgrid();
  repo
    .file('mobile/android/app/build.gradle.kts', 'hard')
    .l('android {', '    defaultConfig {')
    .s(`        buildConfigField("String", "SENDGRID_KEY", "\\"${sg}\\"")`, 'sendgrid', sg)
    .d(
      '        buildConfigField("String", "BUILD_SHA", "\\"${providers.exec { commandLine("git", "rev-parse", "HEAD") }.standardOutput.asText.get().trim()}\\"")',
      'git SHA lookup',
    )
    .l('    }', '}');

  // k8s Secret shipped in the app repo: base64 of a DATABASE_URL.
  const pw = encodeURIComponent(x.pw());
  const url = `postgres://checkout:${pw}@checkout-db.prod.acme-retail.internal:5432/checkout`;
  const stripeB64 = Buffer.from(t.stripeLive()).toString('base64');
  repo
    .file('services/checkout/deploy/secret.yaml', 'hard')
    .l('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: checkout-env', 'type: Opaque', 'data:')
    .s(`  DATABASE_URL: ${Buffer.from(url).toString('base64')}`, 'generic', pw)
    .s(`  STRIPE_SECRET_KEY: ${stripeB64}`, 'stripe', Buffer.from(stripeB64, 'base64').toString())
    .d(`  LOG_LEVEL: ${Buffer.from('info').toString('base64')}`, 'base64 of "info"')
    .d(`  SMTP_PASSWORD: ${Buffer.from('changeme').toString('base64')}`, 'base64 of placeholder');

  // Java properties with a line continuation.
  const jwt = x.b64(64);
  repo
    .file('orders/src/main/resources/application-staging.properties', 'hard')
    .l('spring.profiles.active=staging')
    .s(
      [`app.security.jwt.secret=${jwt.slice(0, 32)}\\`, `    ${jwt.slice(32)}`],
      'generic',
      `${jwt.slice(0, 32)}\n${jwt.slice(32)}`,
    )
    .d('app.security.jwt.issuer=https://orders.stg.acme-retail.com', 'URL');

  // Postman environment: the name and the value in separate fields.
  const tok = x.gen();
  const twTok = t.twilioToken();
  repo
    .file('api/postman/production.postman_environment.json', 'hard')
    .l('{', `  "id": "${t.uuid()}",`, '  "name": "Production",', '  "values": [')
    .s(`    { "key": "api_token", "value": "${tok}", "type": "secret", "enabled": true },`, 'generic', tok)
    .s(`    { "key": "twilio_auth_token", "value": "${twTok}", "type": "secret", "enabled": true },`, 'twilio', twTok)
    .d('    { "key": "base_url", "value": "https://api.acme-retail.com", "type": "default", "enabled": true },', 'URL')
    .d(
      '    { "key": "bearer", "value": "{{access_token}}", "type": "default", "enabled": true }',
      'Postman variable reference',
    )
    .l('  ]', '}');

  // Go raw string literal and a C# verbatim string with Pwd= alias.
  const goPw = x.pw();
  const csPw = x.pw();
  repo
    .file('services/inventory/internal/legacy/erp.go', 'hard')
    .l('package legacy', '', 'var erp = ERPClient{', '\tUser: "INV_SYNC",')
    .s(`\tPassword: \`${goPw}\`,`, 'generic', goPw)
    .l('\tHost: "erp.corp.acme-retail.com",', '}');
  repo
    .file('Acme.Billing/Data/LegacyDb.cs', 'hard')
    .l('namespace Acme.Billing.Data;', '', 'internal static class LegacyDb', '{')
    .s(
      `    internal const string Conn = @"Data Source=erp-sql01.corp.acme-retail.com;Initial Catalog=ERP;Uid=billing;Pwd=${csPw};";`,
      'generic',
      csPw,
    )
    .l('}');

  // Python implicit string concatenation across lines.
  const oa = t.openai();
  repo
    .file('api/app/ai.py', 'hard')
    .l('from openai import OpenAI', '')
    .s(
      ['client = OpenAI(api_key=(', `    "${oa.slice(0, 60)}"`, `    "${oa.slice(60)}"`, '))'],
      'openai',
      `${oa.slice(0, 60)}\n${oa.slice(60)}`,
    )
    .d('MODEL = "gpt-4o-mini-2024-07-18"', 'model name');

  // Firebase service account as one JSON line in .env, and base64 of it (Vercel/Heroku style).
  const pem = t.pkcs8Pem();
  const saJson = JSON.stringify({
    type: 'service_account',
    project_id: 'acme-retail-prod',
    private_key_id: t.sha1(),
    private_key: `${pem.join('\n')}\n`,
    client_email: 'web-admin@acme-retail-prod.iam.gserviceaccount.com',
  });
  const pem2 = t.pkcs8Pem();
  const sa2 = JSON.stringify(
    {
      type: 'service_account',
      project_id: 'acme-retail-prod',
      private_key_id: t.sha1(),
      private_key: `${pem2.join('\n')}\n`,
      client_email: 'worker@acme-retail-prod.iam.gserviceaccount.com',
    },
    null,
    2,
  );
  const sa2b64 = Buffer.from(sa2).toString('base64');
  repo
    .file('web/.env.production.local', 'hard')
    .s(`FIREBASE_SERVICE_ACCOUNT='${saJson}'`, 'gcp', pem[3])
    .s(`GOOGLE_APPLICATION_CREDENTIALS_BASE64=${sa2b64}`, 'gcp', pem2[3])
    .d('GOOGLE_CLOUD_PROJECT=acme-retail-prod', 'project id');

  // WordPress password with an escaped quote.
  const wpPw = `${x.gen().slice(0, 8)}'${x.gen().slice(0, 8)}`;
  repo
    .file('blog/wp-config-staging.php', 'hard')
    .l('<?php', "define( 'DB_NAME', 'acme_blog_stg' );")
    .s(`define( 'DB_PASSWORD', '${wpPw.replace("'", "\\'")}' );`, 'generic', wpPw.split("'")[1])
    .d("define( 'DB_HOST', getenv('WP_DB_HOST') ?: 'localhost' );", 'env lookup');
}
