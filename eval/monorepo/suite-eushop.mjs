// Suite "eushop": the monorepo of a European e-commerce company (Shopware 6, Sylius, Magento 2, a Next.js
// storefront, a Django back office, a Go search indexer, a Spring ERP connector, an Android app and a legacy
// Ruby mailer) that runs on Hetzner, OVH and Scaleway with k3s, Traefik, GitLab CI and Woodpecker.
import { ALNUM, HEX, B64, URLSAFE, UPPER, LOWER, DIGIT, Repo, makeTokens, mulberry32 } from './generate.mjs';

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 7919 + 271);
  const t = makeTokens(rand);
  const repo = new Repo();

  // ---- helpers -----------------------------------------------------------------------------
  const HEXU = '0123456789ABCDEF';
  const b64 = (n) => t.mixed(B64, n);
  const b64s = (s) => Buffer.from(s).toString('base64');
  const pw = () => t.password();
  const pwa = () => t.password().replace(/[^A-Za-z0-9]/g, '');

  // vendor formats
  const adyenKey = () => `AQE${t.mixed(B64, 93)}==-${t.mixed(B64, 43)}=-${t.mixed(ALNUM + '+=;}^', 16)}`;
  const adyenHmac = () => t.mixed(HEXU, 64);
  const adyenClientKey = () => `live_${t.mixed(UPPER + DIGIT, 32)}`;
  const mollieLive = () => `live_${t.mixed(ALNUM, 30)}`;
  const mollieAccess = () => `access_${t.mixed(ALNUM, 40)}`;
  const mollieProfile = () => `pfl_${t.mixed(ALNUM, 10)}`;
  const klarnaRand = () => b64s(t.mixed(ALNUM + '*!$#', 66)).replace(/=+$/, '');
  const klarnaKey = () => `klarna_live_api_${klarnaRand()}`;
  const klarnaClient = () => `klarna_live_client_${klarnaRand()}`;
  const paypalId = () => `A${t.mixed(URLSAFE, 79)}`;
  const paypalSecret = () => `E${t.mixed(URLSAFE, 79)}`;
  const brevo = () => `xkeysib-${t.pick(HEX, 64)}-${t.mixed(ALNUM, 16)}`;
  const brevoSmtp = () => `xsmtpsib-${t.pick(HEX, 64)}-${t.mixed(ALNUM, 16)}`;
  const mj = () => t.hex(32);
  const postmark = () => t.uuid();
  const algoliaKey = () => t.hex(32);
  const algoliaApp = () => t.mixed(UPPER + DIGIT, 10);
  const meiliMaster = () => t.mixed(URLSAFE, 43);
  const meiliKey = () => t.pick(HEX, 64);
  const typesense = () => t.alnum(32);
  const hcloud = () => t.alnum(64);
  const hetznerDns = () => t.alnum(32);
  const ovhAk = () => t.alnum(16);
  const ovhAs = () => t.alnum(32);
  const ovhCk = () => t.alnum(32);
  const scwAccess = () => `SCW${t.mixed(UPPER + DIGIT, 17)}`;
  const scwSecret = () => t.uuid();
  const cfGlobal = () => t.hex(37);
  const bunny = () => `${t.uuid()}${t.uuid()}`;
  const bunnyStorage = () => `${t.hex(8)}-${t.hex(4)}-${t.hex(4)}-${t.hex(12)}-${t.hex(4)}-${t.hex(4)}`;
  const deeplFree = () => `${t.uuid()}:fx`;
  const sentryOrg = () =>
    `sntrys_${b64s(
      JSON.stringify({
        iat: 1759276800,
        url: 'https://eushop.sentry.io',
        region_url: 'https://de.sentry.io',
        org: 'eushop',
      }),
    ).replace(/=+$/, '')}_${t.mixed(B64, 43)}`;
  const sentryUser = () => `sntryu_${t.pick(HEX, 64)}`;
  const sentryDsn = () => `https://${t.pick(HEX, 32)}@o${t.digits(6)}.ingest.de.sentry.io/${t.digits(7)}`;
  const glrt = () => `glrt-${t.mixed(URLSAFE, 20)}`;
  const gldt = () => `gldt-${t.mixed(URLSAFE, 20)}`;
  const gloas = () => `gloas-${t.pick(HEX, 64)}`;
  const dckr = () => `dckr_pat_${t.mixed(URLSAFE, 27)}`;
  const k3s = () => `K10${t.pick(HEX, 64)}::server:${t.pick(HEX, 32)}`;
  const sfSecret = () => t.hex(32);
  const swSecret = () => `def00000${t.pick(HEX, 128)}`;
  const djangoKey = () => t.mixed(LOWER + DIGIT + '!@#%^&*(-_=+)', 50);
  const whsec = () => `whsec_${t.alnum(32)}`;
  const pkLive = () => `pk_live_51${t.alnum(97)}`;

  // decoy helpers
  const ean13 = (prefix = '40') => {
    const d = prefix + t.pick(DIGIT, 12 - prefix.length);
    let s = 0;
    for (let i = 0; i < 12; i++) s += Number(d[i]) * (i % 2 ? 3 : 1);
    return d + ((10 - (s % 10)) % 10);
  };
  const iban = (cc, bban) => {
    const num = (bban + cc + '00').replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
    return cc + String(98n - (BigInt(num) % 97n)).padStart(2, '0') + bban;
  };
  const deIban = () => iban('DE', t.pick(DIGIT, 18));
  const frIban = () => iban('FR', t.pick(DIGIT, 10) + t.pick(UPPER + DIGIT, 11) + t.pick(DIGIT, 2));
  const nlIban = () => iban('NL', 'INGB' + t.pick(DIGIT, 10));
  const vatDe = () => `DE${t.digits(9)}`;
  const vatFr = () => `FR${t.pick(DIGIT, 2)}${t.digits(9)}`;
  const vatNl = () => `NL${t.digits(9)}B01`;
  const vatAt = () => `ATU${t.digits(8)}`;
  const orderNo = () => `1000${t.pick(DIGIT, 4)}`;
  const pspRef = () => t.mixed(UPPER + DIGIT, 16);
  const apr1 = () => `$apr1$${t.mixed(ALNUM + './', 8)}$${t.mixed(ALNUM + './', 22)}`;
  const bcrypt = () => `$2y$05$${t.mixed(ALNUM + './', 53)}`;
  const sri = () => `sha512-${b64(86)}==`;

  // ==== Shopware 6 ============================================================================
  const swEnv = repo.file('apps/shopware/.env', 'php');
  swEnv.l('###> symfony/framework-bundle ###', 'APP_ENV=prod');
  swEnv.d('APP_SECRET=!ChangeMe!', 'symfony placeholder');
  swEnv.l('APP_URL=http://localhost', '###< symfony/framework-bundle ###', '');
  swEnv.d('DATABASE_URL=mysql://root:root@localhost/shopware', 'local dev default');
  swEnv.d('MAILER_DSN=null://null', 'null transport');
  swEnv.d('OPENSEARCH_URL=http://localhost:9200', 'url without credentials');
  swEnv.d('MESSENGER_TRANSPORT_DSN=doctrine://default?auto_setup=false', 'doctrine transport');
  swEnv.l('SHOPWARE_HTTP_CACHE_ENABLED=1', 'SHOPWARE_HTTP_DEFAULT_TTL=7200', 'COMPOSER_HOME=/tmp/composer');

  const swLocal = repo.file('apps/shopware/.env.prod.local', 'php');
  {
    const sec = swSecret();
    const db = pwa();
    const smtp = brevoSmtp();
    const os = pwa();
    const redis = pwa();
    const amqp = pwa();
    swLocal.l('APP_ENV=prod', 'APP_URL=https://www.eushop.de');
    swLocal.s(`APP_SECRET=${sec}`, 'generic', sec);
    swLocal.d(`INSTANCE_ID=${t.alnum(32)}`, 'shopware instance id');
    swLocal.s(`DATABASE_URL=mysql://shopware:${db}@10.0.1.12:3306/shopware_prod`, 'database', db);
    swLocal.s(`MAILER_DSN=smtp://shop%40eushop.de:${smtp}@smtp-relay.brevo.com:587`, 'brevo', smtp);
    swLocal.s(`OPENSEARCH_URL=https://shopware:${os}@opensearch.eushop.internal:9200`, 'generic', os);
    swLocal.s(`REDIS_URL=redis://default:${redis}@10.0.1.20:6379`, 'database', redis);
    swLocal.s(
      `MESSENGER_TRANSPORT_DSN=amqp://shopware:${amqp}@rabbitmq.eushop.internal:5672/%2f/messages`,
      'generic',
      amqp,
    );
    swLocal.l('SHOPWARE_ES_ENABLED=1', 'SHOPWARE_ES_INDEXING_ENABLED=1', 'SHOPWARE_ES_INDEX_PREFIX=sw_prod');
    swLocal.d('LOCK_DSN=flock', 'plain setting');
  }

  const swYaml = repo.file('apps/shopware/config/packages/shopware.yaml', 'php');
  {
    const sk = scwSecret();
    swYaml.l(
      'shopware:',
      '    filesystem:',
      '        public: &public',
      '            type: "amazon-s3"',
      '            url: "https://eushop-media.s3.fr-par.scw.cloud"',
      '            config:',
      '                bucket: "eushop-media"',
      '                region: "fr-par"',
      '                endpoint: "https://s3.fr-par.scw.cloud"',
      '                root: "/public"',
      '                credentials:',
    );
    swYaml.d(`                    key: "${scwAccess()}"`, 'scaleway access key (identifier, not the secret)');
    swYaml.s(`                    secret: "${sk}"`, 'scaleway', sk);
    swYaml.l(
      '        theme: *public',
      '        sitemap: *public',
      '        private:',
      '            type: "amazon-s3"',
      '            config:',
      '                bucket: "eushop-private"',
      '                region: "fr-par"',
      '                endpoint: "https://s3.fr-par.scw.cloud"',
      '                credentials:',
    );
    swYaml.d('                    key: "%env(S3_PRIVATE_KEY)%"', 'symfony env processor');
    swYaml.d('                    secret: "%env(S3_PRIVATE_SECRET)%"', 'symfony env processor');
    swYaml.l('    admin_worker:', '        enable_admin_worker: false', '    cdn:');
    swYaml.d('        url: "https://eushop.b-cdn.net"', 'cdn url');
  }

  const swSentry = repo.file('apps/shopware/config/packages/prod/sentry.yaml', 'php');
  swSentry.l('sentry:');
  swSentry.d(`    dsn: "${sentryDsn()}"`, 'sentry public dsn');
  swSentry.l('    options:', '        environment: "%kernel.environment%"', '        send_default_pii: false');
  swSentry.d(`        release: "${t.sha1()}"`, 'git sha');

  const swFw = repo.file('apps/shopware/config/packages/framework.yaml', 'php');
  swFw.l('framework:');
  swFw.d("    secret: '%env(APP_SECRET)%'", 'symfony env processor');
  swFw.l('    session:', '        handler_id: "%env(REDIS_URL)%"', '    trusted_proxies: "10.0.0.0/8"');

  const swPlug = repo.file('custom/plugins/EushopAdyenBridge/src/Resources/config/config.xml', 'php');
  {
    const ak = adyenKey();
    swPlug.l(
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<config xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
      '        xsi:noNamespaceSchemaLocation="https://raw.githubusercontent.com/shopware/shopware/trunk/src/Core/System/SystemConfig/Schema/config.xsd">',
      '    <card>',
      '        <title>Adyen</title>',
      '        <input-field>',
      '            <name>merchantAccount</name>',
      '            <defaultValue>EushopECOM</defaultValue>',
      '        </input-field>',
      '        <input-field type="password">',
      '            <name>apiKeyLive</name>',
    );
    swPlug.s(`            <defaultValue>${ak}</defaultValue>`, 'adyen', ak);
    swPlug.l('        </input-field>', '        <input-field type="password">', '            <name>apiKeyTest</name>');
    swPlug.d('            <defaultValue></defaultValue>', 'empty');
    swPlug.l('        </input-field>', '        <input-field>', '            <name>clientKeyLive</name>');
    swPlug.d(`            <defaultValue>${adyenClientKey()}</defaultValue>`, 'adyen client key (public)');
    swPlug.l('        </input-field>', '    </card>', '</config>');
  }

  const swErp = repo.file('custom/plugins/EushopErpSync/src/Service/ErpClient.php', 'php');
  {
    const tok = t.alnum(40);
    const bpw = pw();
    swErp.l(
      '<?php declare(strict_types=1);',
      '',
      'namespace Eushop\\ErpSync\\Service;',
      '',
      'use Symfony\\Contracts\\HttpClient\\HttpClientInterface;',
      '',
      'final class ErpClient',
      '{',
    );
    swErp.s(`    private const API_TOKEN = '${tok}';`, 'generic', tok);
    swErp.d("    private const ORDER_NUMBER_PREFIX = 'SW-';", 'plain constant');
    swErp.l(
      '',
      '    public function __construct(private readonly HttpClientInterface $client) {}',
      '',
      '    public function pushOrder(array $order): void',
      '    {',
      "        $this->client->request('POST', 'https://erp.eushop.internal/api/orders', [",
    );
    swErp.s(`            'auth_basic' => ['shopware-sync', '${bpw}'],`, 'generic', bpw);
    swErp.d("            'headers' => ['X-Api-Token' => self::API_TOKEN],", 'constant reference');
    swErp.l("            'json' => $order,", '        ]);', '    }', '}');
  }

  const swLock = repo.file('apps/shopware/composer.lock', 'decoys');
  swLock.l(
    '{',
    '    "_readme": [',
    '        "This file locks the dependencies of your project to a known state"',
    '    ],',
  );
  swLock.d(`    "content-hash": "${t.pick(HEX, 32)}",`, 'composer content hash');
  swLock.l('    "packages": [');
  for (const p of ['shopware/core', 'shopware/storefront', 'adyen/php-api-library', 'mollie/mollie-api-php']) {
    swLock.l('        {', `            "name": "${p}",`, '            "dist": {', '                "type": "zip",');
    swLock.d(`                "reference": "${t.sha1()}",`, 'git reference');
    swLock.d(`                "shasum": "${t.sha1()}"`, 'dist shasum');
    swLock.l('            }', '        },');
  }
  swLock.l('    ]', '}');

  const swDf = repo.file('apps/shopware/Dockerfile', 'docker');
  {
    const gl = t.gitlab();
    swDf.d(`FROM ghcr.io/shopware/docker-base:8.3-nginx@sha256:${t.sha256()}`, 'image digest');
    swDf.l('WORKDIR /var/www/html');
    swDf.s(`ENV COMPOSER_AUTH='{"gitlab-token":{"gitlab.eushop.de":"${gl}"}}'`, 'gitlab', gl);
    swDf.d('RUN --mount=type=secret,id=composer_auth,env=COMPOSER_AUTH composer install --no-dev', 'secret mount');
    swDf.d('ARG SHOPWARE_PACKAGES_TOKEN', 'arg without value');
    swDf.l('COPY --chown=www-data . .', 'RUN bin/console assets:install');
  }

  // ==== Magento 2 =============================================================================
  const mg = repo.file('apps/magento/app/etc/env.php', 'php');
  {
    const crypt = t.hex(32);
    const db = pw();
    const amqp = pw();
    const redis = pwa();
    const notif = pw();
    const mol = mollieLive();
    mg.l(
      '<?php',
      'return [',
      "    'backend' => [",
      "        'frontName' => 'admin_x7k2p'",
      '    ],',
      "    'crypt' => [",
    );
    mg.s(`        'key' => '${crypt}'`, 'generic', crypt);
    mg.l(
      '    ],',
      "    'db' => [",
      "        'table_prefix' => '',",
      "        'connection' => [",
      "            'default' => [",
      "                'host' => 'db-magento.eushop.internal',",
      "                'dbname' => 'magento',",
      "                'username' => 'magento',",
    );
    mg.s(`                'password' => '${db}',`, 'generic', db);
    mg.l(
      "                'model' => 'mysql4',",
      "                'active' => '1'",
      '            ]',
      '        ]',
      '    ],',
      "    'queue' => [",
      "        'amqp' => [",
      "            'host' => 'rabbitmq.eushop.internal',",
      "            'port' => '5672',",
      "            'user' => 'magento',",
    );
    mg.s(`            'password' => '${amqp}',`, 'generic', amqp);
    mg.l(
      "            'virtualhost' => '/'",
      '        ]',
      '    ],',
      "    'session' => [",
      "        'save' => 'redis',",
      "        'redis' => [",
      "            'host' => '10.0.1.21',",
      "            'port' => '6379',",
    );
    mg.s(`            'password' => '${redis}',`, 'generic', redis);
    mg.l(
      "            'database' => '2'",
      '        ]',
      '    ],',
      "    'cache' => [",
      "        'frontend' => [",
      "            'default' => [",
      "                'backend' => 'Magento\\\\Framework\\\\Cache\\\\Backend\\\\Redis',",
      "                'backend_options' => [",
      "                    'server' => '10.0.1.21',",
    );
    mg.d("                    'password' => '',", 'empty');
    mg.l(
      "                    'database' => '0'",
      '                ]',
      '            ]',
      '        ]',
      '    ],',
      "    'system' => [",
      "        'default' => [",
      "            'payment' => [",
      "                'adyen_abstract' => [",
      "                    'merchant_account' => 'EushopECOM',",
    );
    mg.d(`                    'api_key_live' => '0:3:${b64(86)}',`, 'magento encrypted config value');
    mg.d(`                    'client_key_live' => '${adyenClientKey()}',`, 'adyen client key (public)');
    mg.s(`                    'notification_password' => '${notif}',`, 'generic', notif);
    mg.d(`                    'notification_hmac_key_live' => '0:3:${b64(118)}'`, 'magento encrypted config value');
    mg.l('                ],', "                'mollie_general' => [");
    mg.s(`                    'apikey_live' => '${mol}',`, 'mollie', mol);
    mg.d(`                    'profileid' => '${mollieProfile()}'`, 'mollie profile id');
    mg.l('                ]', '            ]', '        ]', '    ],', "    'install' => [");
    mg.d("        'date' => 'Tue, 04 Mar 2025 10:12:44 +0000'", 'date');
    mg.l('    ]', '];');
  }
  const mgAuth = repo.file('apps/magento/auth.json', 'php');
  {
    const priv = t.pick(HEX, 32);
    const gh = t.github();
    mgAuth.l('{', '    "http-basic": {', '        "repo.magento.com": {');
    mgAuth.d(`            "username": "${t.pick(HEX, 32)}",`, 'magento marketplace public key (identifier)');
    mgAuth.s(`            "password": "${priv}"`, 'generic', priv);
    mgAuth.l('        }', '    },', '    "github-oauth": {');
    mgAuth.s(`        "github.com": "${gh}"`, 'github', gh);
    mgAuth.l('    }', '}');
  }

  // ==== Sylius =================================================================================
  const syEnv = repo.file('apps/sylius/.env', 'php');
  syEnv.l('APP_ENV=dev');
  syEnv.d('APP_SECRET=EDITME', 'placeholder');
  syEnv.d('DATABASE_URL=mysql://root@127.0.0.1/sylius_%kernel.environment%', 'no password');
  syEnv.d('JWT_SECRET_KEY=%kernel.project_dir%/config/jwt/private.pem', 'file path');
  syEnv.d('JWT_PUBLIC_KEY=%kernel.project_dir%/config/jwt/public.pem', 'file path');
  syEnv.d('JWT_PASSPHRASE=acme_plugin_development', 'sylius-standard default');
  syEnv.d('MAILER_DSN=null://null', 'null transport');

  const syProd = repo.file('apps/sylius/.env.prod', 'php');
  {
    const sec = sfSecret();
    const db = pwa();
    const jwt = pw();
    const mjk = mj();
    const mjs = mj();
    const mol = mollieLive();
    syProd.l('APP_ENV=prod', 'APP_DEBUG=0');
    syProd.s(`APP_SECRET=${sec}`, 'generic', sec);
    syProd.s(
      `DATABASE_URL="mysql://sylius:${db}@db-sylius.eushop.internal:3306/sylius?serverVersion=8.0"`,
      'database',
      db,
    );
    syProd.s(`JWT_PASSPHRASE=${jwt}`, 'generic', jwt);
    syProd.s(`MAILER_DSN=mailjet+api://${mjk}:${mjs}@default`, 'mailjet', mjs);
    syProd.s(`SYLIUS_MOLLIE_API_KEY=${mol}`, 'mollie', mol);
    syProd.d(`SYLIUS_MOLLIE_PROFILE_ID=${mollieProfile()}`, 'mollie profile id');
  }

  const syJwt = repo.file('apps/sylius/config/jwt/private.pem', 'keys');
  syJwt.d(
    [
      '-----BEGIN ENCRYPTED PRIVATE KEY-----',
      ...Array.from({ length: 6 }, () => b64(64)),
      `${b64(40)}==`,
      '-----END ENCRYPTED PRIVATE KEY-----',
    ],
    'passphrase-encrypted private key',
  );
  const syJwtPub = repo.file('apps/sylius/config/jwt/public.pem', 'keys');
  syJwtPub.d(
    [
      '-----BEGIN PUBLIC KEY-----',
      `MIICIjANBgkqhkiG9w0BAQEFAAOCAg8AMIICCgKCAgEA${b64(20)}`,
      b64(64),
      b64(64),
      '-----END PUBLIC KEY-----',
    ],
    'public key',
  );
  const syLex = repo.file('apps/sylius/config/packages/lexik_jwt_authentication.yaml', 'php');
  syLex.l('lexik_jwt_authentication:');
  syLex.d("    secret_key: '%env(resolve:JWT_SECRET_KEY)%'", 'env processor');
  syLex.d("    pass_phrase: '%env(JWT_PASSPHRASE)%'", 'env processor');

  const sySvc = repo.file('apps/sylius/config/services.yaml', 'php');
  {
    const erp = t.alnum(48);
    const dl = deeplFree();
    const pps = paypalSecret();
    const kpw = t.alnum(16);
    sySvc.l('parameters:', '    locale: de_DE');
    sySvc.d("    app.erp.base_uri: 'https://erp.eushop.internal/api'", 'url');
    sySvc.s(`    app.erp.api_key: '${erp}'`, 'generic', erp);
    sySvc.d(`    app.klarna.username: 'K${t.digits(6)}_${t.pick(HEX, 12)}'`, 'klarna username (merchant id)');
    sySvc.s(`    app.klarna.password: '${kpw}'`, 'klarna', kpw);
    sySvc.s(`    app.deepl.auth_key: '${dl}'`, 'deepl', dl);
    sySvc.d(`    app.company.vat_id: '${vatDe()}'`, 'vat id');
    sySvc.d(`    app.company.iban: '${deIban()}'`, 'iban');
    sySvc.d("    app.sepa.creditor_id: 'DE98ZZZ09999999999'", 'sepa creditor id');
    sySvc.l('', 'services:', '    _defaults:', '        autowire: true', '        autoconfigure: true', '');
    sySvc.l('    App\\Translation\\DeeplTranslator:', '        arguments:');
    sySvc.d("            $authKey: '%app.deepl.auth_key%'", 'parameter reference');
    sySvc.l('', '    App\\Payment\\PayPalClient:', '        arguments:');
    sySvc.d(`            $clientId: '${paypalId()}'`, 'paypal client id (public)');
    sySvc.s(`            $clientSecret: '${pps}'`, 'paypal', pps);
    sySvc.d("            $sandbox: '%env(bool:PAYPAL_SANDBOX)%'", 'env processor');
  }

  const syMsg = repo.file('apps/sylius/config/packages/messenger.yaml', 'php');
  {
    const erp = pwa();
    const rd = pwa();
    syMsg.l('framework:', '    messenger:', '        failure_transport: failed', '        transports:');
    syMsg.d("            main: '%env(MESSENGER_TRANSPORT_DSN)%'", 'env processor');
    syMsg.l('            erp_sync:');
    syMsg.s(`                dsn: 'amqp://erp:${erp}@rabbitmq.eushop.internal:5672/%%2f/erp'`, 'generic', erp);
    syMsg.l('                retry_strategy: { max_retries: 5, multiplier: 2 }');
    syMsg.s(`            catalog_events: 'redis://:${rd}@10.0.1.20:6379/catalog_events'`, 'database', rd);
    syMsg.d("            failed: 'doctrine://default?queue_name=failed'", 'doctrine transport');
    syMsg.l('        routing:', "            'App\\Message\\OrderPlaced': erp_sync");
  }

  const syMail = repo.file('apps/sylius/config/packages/mailer.yaml', 'php');
  {
    const pm = postmark();
    const br = brevo();
    syMail.l('framework:', '    mailer:', '        transports:');
    syMail.d("            main: '%env(MAILER_DSN)%'", 'env processor');
    syMail.s(`            transactional: 'postmark+api://${pm}@default'`, 'postmark', pm);
    syMail.s(`            newsletter: 'brevo+api://${br}@default'`, 'brevo', br);
    syMail.l('        envelope:', "            sender: 'shop@eushop.de'");
  }

  const syFix = repo.file('apps/sylius/src/DataFixtures/customers.yaml', 'decoys');
  syFix.l(
    'sylius_fixtures:',
    '    suites:',
    '        default:',
    '            fixtures:',
    '                shop_user:',
    '                    options:',
    '                        custom:',
  );
  for (let i = 0; i < 3; i++) {
    syFix.l(`                            - email: 'kunde${i}@example.com'`);
    syFix.d(`                              password: 'sylius'`, 'sylius fixture default');
  }
  syFix.d(`                            - { email: 'b2b@example.com', vat_number: '${vatNl()}' }`, 'vat id');

  // ==== Next.js storefront ======================================================================
  const sfEnv = repo.file('apps/storefront/.env.local', 'node');
  {
    const ak = adyenKey();
    const hm = adyenHmac();
    const alg = algoliaKey();
    const sk = t.stripeLiveLong();
    const wh = whsec();
    const pps = paypalSecret();
    const rv = t.alnum(32);
    const na = b64s(Buffer.from(t.pick(HEX, 64), 'hex').toString('latin1')).slice(0, 43) + '=';
    const sen = sentryOrg();
    const kl = klarnaKey();
    sfEnv.d(`NEXT_PUBLIC_ADYEN_CLIENT_KEY=${adyenClientKey()}`, 'adyen client key (public)');
    sfEnv.l('NEXT_PUBLIC_ADYEN_ENVIRONMENT=live');
    sfEnv.s(`ADYEN_API_KEY=${ak}`, 'adyen', ak);
    sfEnv.s(`ADYEN_HMAC_KEY=${hm}`, 'adyen', hm);
    sfEnv.d('ADYEN_MERCHANT_ACCOUNT=EushopECOM', 'merchant account name');
    sfEnv.d(`NEXT_PUBLIC_ALGOLIA_APP_ID=${algoliaApp()}`, 'algolia app id');
    sfEnv.d(`NEXT_PUBLIC_ALGOLIA_SEARCH_KEY=${algoliaKey()}`, 'algolia search-only key');
    sfEnv.s(`ALGOLIA_ADMIN_KEY=${alg}`, 'algolia', alg);
    sfEnv.d(`NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY=${pkLive()}`, 'stripe publishable key');
    sfEnv.s(`STRIPE_SECRET_KEY=${sk}`, 'stripe', sk);
    sfEnv.s(`STRIPE_WEBHOOK_SECRET=${wh}`, 'stripe', wh);
    sfEnv.d(`NEXT_PUBLIC_PAYPAL_CLIENT_ID=${paypalId()}`, 'paypal client id (public)');
    sfEnv.s(`PAYPAL_CLIENT_SECRET=${pps}`, 'paypal', pps);
    sfEnv.s(`REVALIDATE_SECRET=${rv}`, 'generic', rv);
    sfEnv.s(`NEXTAUTH_SECRET=${na}`, 'generic', na);
    sfEnv.d(`NEXT_PUBLIC_SENTRY_DSN=${sentryDsn()}`, 'sentry public dsn');
    sfEnv.s(`SENTRY_AUTH_TOKEN=${sen}`, 'sentry', sen);
    sfEnv.d(`NEXT_PUBLIC_KLARNA_CLIENT_ID=${klarnaClient()}`, 'klarna client identifier (public)');
    sfEnv.s(`KLARNA_API_KEY=${kl}`, 'klarna', kl);
    sfEnv.d('NEXT_PUBLIC_MEILI_HOST=https://search.eushop.de', 'url');
  }

  const sfNext = repo.file('apps/storefront/next.config.mjs', 'node');
  {
    const bk = bunny();
    sfNext.l(
      "/** @type {import('next').NextConfig} */",
      'const nextConfig = {',
      "  output: 'standalone',",
      '  images: {',
    );
    sfNext.d("    remotePatterns: [{ protocol: 'https', hostname: 'eushop.b-cdn.net' }],", 'cdn host');
    sfNext.l('  },', '  serverRuntimeConfig: {');
    sfNext.s(`    bunnyApiKey: '${bk}',`, 'bunny', bk);
    sfNext.d("    bunnyPullZoneId: '1843207',", 'numeric id');
    sfNext.l('  },', '  env: {');
    sfNext.d('    MEILI_SEARCH_KEY: process.env.NEXT_PUBLIC_MEILI_SEARCH_KEY,', 'env reference');
    sfNext.l('  },', '};', '', 'export default nextConfig;');
  }

  const sfAdyen = repo.file('apps/storefront/src/lib/payments/adyen.ts', 'node');
  {
    const ak = adyenKey();
    sfAdyen.l(
      "import { CheckoutAPI, Client, EnvironmentEnum } from '@adyen/api-library';",
      '',
      'const client = new Client({',
    );
    sfAdyen.s(`  apiKey: process.env.ADYEN_API_KEY ?? '${ak}',`, 'adyen', ak);
    sfAdyen.l('  environment: EnvironmentEnum.LIVE,');
    sfAdyen.d(`  liveEndpointUrlPrefix: '${t.pick(HEX, 16)}-EushopGmbH',`, 'adyen live endpoint prefix');
    sfAdyen.l('});', '', 'export const checkout = new CheckoutAPI(client);');
    sfAdyen.d(
      "export const MERCHANT_ACCOUNT = process.env.ADYEN_MERCHANT_ACCOUNT ?? 'EushopECOM';",
      'merchant account',
    );
  }

  const sfMollie = repo.file('apps/storefront/src/lib/payments/mollie.ts', 'node');
  {
    const ml = mollieLive();
    const ma = mollieAccess();
    sfMollie.l("import createMollieClient from '@mollie/api-client';", '');
    sfMollie.s(`export const mollie = createMollieClient({ apiKey: '${ml}' });`, 'mollie', ml);
    sfMollie.s(`export const mollieOrg = createMollieClient({ accessToken: '${ma}' });`, 'mollie', ma);
    sfMollie.d(`export const PROFILE_ID = '${mollieProfile()}';`, 'mollie profile id');
    sfMollie.d(`// e.g. payment tr_${t.mixed(ALNUM, 10)} for order ${orderNo()}`, 'payment id in comment');
  }

  const sfKlarna = repo.file('apps/storefront/src/lib/payments/klarna.ts', 'node');
  {
    const kl = klarnaKey();
    sfKlarna.l("const KLARNA_API = 'https://api.klarna.com';", '');
    sfKlarna.s(`const KLARNA_KEY = process.env.KLARNA_API_KEY || '${kl}';`, 'klarna', kl);
    sfKlarna.l(
      '',
      'export async function createSession(body: unknown) {',
      '  return fetch(`${KLARNA_API}/payments/v1/sessions`, {',
    );
    sfKlarna.d(
      '    headers: { Authorization: `Basic ${KLARNA_KEY}`, "Content-Type": "application/json" },',
      'template reference',
    );
    sfKlarna.l("    method: 'POST',", '    body: JSON.stringify(body),', '  });', '}');
  }

  const sfNews = repo.file('apps/storefront/src/app/api/newsletter/route.ts', 'node');
  {
    const br = brevo();
    sfNews.l(
      "import { NextResponse } from 'next/server';",
      '',
      'export async function POST(req: Request) {',
      '  const { email } = await req.json();',
    );
    sfNews.l("  const res = await fetch('https://api.brevo.com/v3/contacts', {", "    method: 'POST',");
    sfNews.s(`    headers: { 'api-key': '${br}', 'content-type': 'application/json' },`, 'brevo', br);
    sfNews.l(
      '    body: JSON.stringify({ email, listIds: [7], updateEnabled: true }),',
      '  });',
      '  return NextResponse.json({ ok: res.ok });',
      '}',
    );
  }

  const sfSearch = repo.file('apps/storefront/src/lib/search.ts', 'node');
  {
    sfSearch.l(
      "import { liteClient } from 'algoliasearch/lite';",
      "import { MeiliSearch } from 'meilisearch';",
      "import Typesense from 'typesense';",
      '',
    );
    sfSearch.d(
      `export const algolia = liteClient('${algoliaApp()}', '${algoliaKey()}'); // search-only key`,
      'algolia search-only key',
    );
    sfSearch.l('export const meili = new MeiliSearch({', "  host: 'https://search.eushop.de',");
    sfSearch.d('  apiKey: process.env.NEXT_PUBLIC_MEILI_SEARCH_KEY,', 'env reference');
    sfSearch.l(
      '});',
      'export const typesense = new Typesense.SearchClient({',
      "  nodes: [{ host: 'ts.eushop.de', port: 443, protocol: 'https' }],",
    );
    sfSearch.d(
      `  apiKey: '${typesense()}', // search-only key scoped to the products collection`,
      'typesense search-only key',
    );
    sfSearch.l('});');
  }

  const sfMw = repo.file('apps/storefront/src/middleware.ts', 'node');
  {
    const spw = pwa();
    sfMw.l("import { NextRequest, NextResponse } from 'next/server';", '');
    sfMw.s(`const STAGING_AUTH = 'Basic ' + btoa('preview:${spw}');`, 'generic', spw);
    sfMw.l(
      '',
      'export function middleware(req: NextRequest) {',
      "  if (process.env.VERCEL_ENV === 'preview' || req.nextUrl.hostname.startsWith('staging.')) {",
    );
    sfMw.d(
      "    if (req.headers.get('authorization') !== STAGING_AUTH) return new NextResponse('Auth required', { status: 401 });",
      'constant reference',
    );
    sfMw.l('  }', '  return NextResponse.next();', '}');
  }

  const sfNpmrc = repo.file('apps/storefront/.npmrc', 'node');
  {
    const gl = t.gitlab();
    sfNpmrc.l('@eushop:registry=https://gitlab.eushop.de/api/v4/projects/42/packages/npm/');
    sfNpmrc.s(`//gitlab.eushop.de/api/v4/projects/42/packages/npm/:_authToken=${gl}`, 'gitlab', gl);
    sfNpmrc.d('//registry.npmjs.org/:_authToken=${NPM_TOKEN}', 'env reference');
  }

  const sfDf = repo.file('apps/storefront/Dockerfile', 'docker');
  sfDf.d(`FROM node:22-alpine@sha256:${t.sha256()} AS deps`, 'image digest');
  sfDf.d('ARG SENTRY_AUTH_TOKEN', 'arg without value');
  sfDf.d(`ENV NEXT_PUBLIC_ALGOLIA_SEARCH_KEY=${algoliaKey()}`, 'algolia search-only key');
  sfDf.d(`ENV NEXT_PUBLIC_ADYEN_CLIENT_KEY=${adyenClientKey()}`, 'adyen client key (public)');
  sfDf.d('RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci', 'secret mount');
  sfDf.l('COPY . .', 'RUN npm run build', 'CMD ["node", "server.js"]');

  const sfFix = repo.file('apps/storefront/tests/fixtures/checkout.json', 'decoys');
  sfFix.l('{', '  "shopperEmail": "jane.doe@example.com",', '  "paymentMethod": {', '    "type": "scheme",');
  sfFix.d('    "encryptedCardNumber": "test_4111111111111111",', 'adyen test card');
  sfFix.d('    "encryptedSecurityCode": "test_737"', 'adyen test cvc');
  sfFix.l('  },');
  sfFix.d(`  "merchantReference": "${orderNo()}",`, 'order number');
  sfFix.d(`  "pspReference": "${pspRef()}",`, 'adyen psp reference');
  sfFix.d('  "iban": "DE89370400440532013000",', 'documented example iban');
  sfFix.d(`  "billingVatId": "${vatFr()}",`, 'vat id');
  sfFix.d(`  "items": [{ "ean": "${ean13()}", "sku": "SW-${t.digits(5)}", "qty": 2 }]`, 'ean');
  sfFix.l('}');

  const sfLock = repo.file('apps/storefront/package-lock.json', 'decoys');
  sfLock.l('{', '  "name": "@eushop/storefront",', '  "lockfileVersion": 3,', '  "packages": {');
  for (const p of ['next', '@adyen/adyen-web', '@mollie/api-client', 'algoliasearch', 'meilisearch']) {
    sfLock.l(`    "node_modules/${p}": {`, '      "version": "5.2.1",');
    sfLock.d(`      "integrity": "${sri()}"`, 'npm integrity');
    sfLock.l('    },');
  }
  sfLock.l('    "": {}', '  }', '}');

  const apple = repo.file('apps/storefront/public/.well-known/apple-developer-merchantid-domain-association', 'decoys');
  apple.d(`7B2270737044${t.pick(HEXU, 1800)}7D`, 'apple pay domain association (hex blob)');

  // ==== Django back office and pandas exports ==================================================
  const dj = repo.file('services/backoffice/backoffice/settings/production.py', 'python');
  {
    const sk = djangoKey();
    const db = pw();
    const mjs = mj();
    const scw = scwSecret();
    const cel = pwa();
    dj.l('from .base import *  # noqa', 'import os', '', 'DEBUG = False');
    dj.s(`SECRET_KEY = '${sk}'`, 'generic', sk);
    dj.d('ALLOWED_HOSTS = ["backoffice.eushop.de"]', 'hosts');
    dj.l(
      '',
      'DATABASES = {',
      '    "default": {',
      '        "ENGINE": "django.db.backends.postgresql",',
      '        "NAME": "backoffice",',
      '        "USER": "backoffice",',
    );
    dj.s(`        "PASSWORD": "${db}",`, 'generic', db);
    dj.l(
      '        "HOST": "pg-primary.eushop.internal",',
      '    },',
      '    "shop": {',
      '        "ENGINE": "django.db.backends.mysql",',
      '        "USER": "readonly",',
    );
    dj.d('        "PASSWORD": os.environ.get("SHOP_DB_PASSWORD", ""),', 'env reference');
    dj.l('    },', '}', '', 'EMAIL_HOST = "in-v3.mailjet.com"');
    dj.d(`EMAIL_HOST_USER = "${mj()}"`, 'mailjet public api key (identifier)');
    dj.s(`EMAIL_HOST_PASSWORD = "${mjs}"`, 'mailjet', mjs);
    dj.l('', 'STORAGES = {"default": {"BACKEND": "storages.backends.s3.S3Storage"}}');
    dj.d(`AWS_ACCESS_KEY_ID = "${scwAccess()}"`, 'scaleway access key (identifier, not the secret)');
    dj.s(`AWS_SECRET_ACCESS_KEY = "${scw}"`, 'scaleway', scw);
    dj.l('AWS_S3_ENDPOINT_URL = "https://s3.nl-ams.scw.cloud"', 'AWS_STORAGE_BUCKET_NAME = "eushop-backoffice"');
    dj.s(`CELERY_BROKER_URL = "redis://:${cel}@10.0.1.20:6379/4"`, 'database', cel);
    dj.l('', 'import sentry_sdk', '');
    dj.d(`sentry_sdk.init(dsn="${sentryDsn()}", traces_sample_rate=0.1)`, 'sentry public dsn');
  }

  const djBase = repo.file('services/backoffice/backoffice/settings/base.py', 'python');
  djBase.l('from pathlib import Path', '', 'BASE_DIR = Path(__file__).resolve().parent.parent.parent');
  djBase.d('SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]', 'env reference');
  djBase.d(
    'AUTH_PASSWORD_VALIDATORS = [{"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"}]',
    'validator name',
  );
  djBase.d('PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]', 'hasher name');
  djBase.d(`COMPANY_VAT_IDS = {"DE": "${vatDe()}", "FR": "${vatFr()}", "AT": "${vatAt()}"}`, 'vat ids');

  const exp = repo.file('services/backoffice/exports/sales_export.py', 'python');
  {
    const ro = pwa();
    const scw = scwSecret();
    const sftp = pw();
    exp.l('import io', '', 'import pandas as pd', 'import paramiko', 'from sqlalchemy import create_engine', '');
    exp.s(
      `ENGINE = create_engine("postgresql+psycopg2://reporting:${ro}@pg-replica.eushop.internal:5432/shop")`,
      'database',
      ro,
    );
    exp.l(
      '',
      '',
      'def export_month(month: str) -> pd.DataFrame:',
      '    df = pd.read_sql("SELECT * FROM order_export WHERE month = %(m)s", ENGINE, params={"m": month})',
    );
    exp.d('    df["iban"] = df["iban"].str.replace(" ", "")', 'column name');
    exp.l('    df.to_parquet(', '        f"s3://eushop-exports/sales/{month}.parquet",', '        storage_options={');
    exp.d(`            "key": "${scwAccess()}",`, 'scaleway access key (identifier, not the secret)');
    exp.s(`            "secret": "${scw}",`, 'scaleway', scw);
    exp.l(
      '            "client_kwargs": {"endpoint_url": "https://s3.fr-par.scw.cloud"},',
      '        },',
      '    )',
      '    return df',
      '',
      '',
    );
    exp.l(
      'def upload_to_accountant(buf: io.BytesIO, name: str) -> None:',
      '    transport = paramiko.Transport(("sftp.steuerberater-mueller.de", 22))',
    );
    exp.s(`    transport.connect(username="eushop", password="${sftp}")`, 'generic', sftp);
    exp.l('    sftp = paramiko.SFTPClient.from_transport(transport)', '    sftp.putfo(buf, f"/inbox/{name}")');
  }

  const datev = repo.file('services/backoffice/exports/datev.py', 'python');
  {
    const cs = t.alnum(32);
    datev.l('import requests', '', 'DATEV_TOKEN_URL = "https://login.datev.de/openid/token"');
    datev.d('DATEV_CLIENT_ID = "7b3f2c1a9e8d4f60b2a1c3d4e5f60718"', 'client id');
    datev.s(`DATEV_CLIENT_SECRET = "${cs}"`, 'generic', cs);
    datev.d(`DATEV_CONSULTANT_NUMBER = "${t.digits(7)}"`, 'consultant number');
    datev.d(`DATEV_CLIENT_NUMBER = "${t.digits(5)}"`, 'client number');
  }

  const dlp = repo.file('services/backoffice/integrations/deepl.py', 'python');
  {
    const k1 = deeplFree();
    const k2 = t.uuid();
    dlp.l('import os', '', 'import deepl', '');
    dlp.s(`translator = deepl.Translator("${k1}")`, 'deepl', k1);
    dlp.s(
      `pro_translator = deepl.Translator(os.getenv("DEEPL_PRO_KEY", "${k2}"), server_url="https://api.deepl.com")`,
      'deepl',
      k2,
    );
    dlp.d('glossary_id = "def3a26b-3e84-45b3-84ae-0c0aaf3525f7"  # product glossary DE->FR', 'glossary id');
  }

  const pmk = repo.file('services/backoffice/integrations/postmark_client.py', 'python');
  {
    const st = postmark();
    const at = postmark();
    pmk.l('from postmarker.core import PostmarkClient', 'import requests', '');
    pmk.s(`postmark = PostmarkClient(server_token="${st}")`, 'postmark', st);
    pmk.l(
      '',
      '',
      'def bounce_stats():',
      '    return requests.get(',
      '        "https://api.postmarkapp.com/deliverystats",',
    );
    pmk.s(`        headers={"Accept": "application/json", "X-Postmark-Account-Token": "${at}"},`, 'postmark', at);
    pmk.l('    ).json()');
  }

  const djFix = repo.file('services/backoffice/fixtures/customers.json', 'decoys');
  djFix.l('[');
  for (let i = 0; i < 3; i++) {
    djFix.l(
      '  {',
      '    "model": "crm.customer",',
      `    "pk": ${i + 1},`,
      '    "fields": {',
      `      "email": "kunde${i}@example.org",`,
    );
    djFix.d(`      "password": "pbkdf2_sha256$870000$${t.alnum(22)}$${b64(43)}=",`, 'django password hash');
    djFix.d(`      "iban": "${[deIban, frIban, nlIban][i]()}",`, 'iban');
    djFix.d(`      "vat_id": "${[vatDe, vatFr, vatNl][i]()}"`, 'vat id');
    djFix.l('    }', '  },');
  }
  djFix.l('  {}', ']');

  const djTest = repo.file('services/backoffice/tests/test_payments.py', 'python');
  djTest.l('from django.test import override_settings', '');
  djTest.d('MOLLIE_API_KEY = "test_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"', 'placeholder');
  djTest.d('@override_settings(ADYEN_API_KEY="AQE_dummy_key_for_tests", ADYEN_HMAC_KEY="00" * 32)', 'fake fixture');
  djTest.l('def test_refund(client):', `    assert client.post("/refunds/${orderNo()}").status_code == 202`);

  // ==== Go search indexer =======================================================================
  const goCfg = repo.file('services/search-indexer/internal/config/config.go', 'go');
  {
    const mk = meiliMaster();
    const ts = typesense();
    const dbpw = pwa();
    goCfg.l(
      'package config',
      '',
      'import "os"',
      '',
      'type Config struct {',
      '\tMeiliHost      string',
      '\tMeiliMasterKey string',
      '\tTypesenseKey   string',
      '\tDB             DBConfig',
      '}',
      '',
    );
    goCfg.l('type DBConfig struct {', '\tHost     string', '\tUser     string', '\tPassword string', '}', '');
    goCfg.l(
      'func envOr(k, def string) string {',
      '\tif v := os.Getenv(k); v != "" {',
      '\t\treturn v',
      '\t}',
      '\treturn def',
      '}',
      '',
    );
    goCfg.l(
      'func Default() Config {',
      '\treturn Config{',
      '\t\tMeiliHost:      "http://meilisearch.search.svc.cluster.local:7700",',
    );
    goCfg.s(`\t\tMeiliMasterKey: "${mk}",`, 'meilisearch', mk);
    goCfg.s(`\t\tTypesenseKey:   envOr("TYPESENSE_API_KEY", "${ts}"),`, 'typesense', ts);
    goCfg.l('\t\tDB: DBConfig{', '\t\t\tHost: "pg-replica.eushop.internal:5432",', '\t\t\tUser: "indexer",');
    goCfg.s(`\t\t\tPassword: "${dbpw}",`, 'generic', dbpw);
    goCfg.l('\t\t},', '\t}', '}');
  }

  const goMain = repo.file('services/search-indexer/cmd/indexer/main.go', 'go');
  {
    const mk = meiliKey();
    const alg = algoliaKey();
    const tsk = typesense();
    const dsnpw = pwa();
    goMain.l(
      'package main',
      '',
      'import (',
      '\t"database/sql"',
      '\t"net/http"',
      '',
      '\t"github.com/algolia/algoliasearch-client-go/v4/algolia/search"',
      '\t"github.com/meilisearch/meilisearch-go"',
      ')',
      '',
    );
    goMain.l('func main() {');
    goMain.s(
      `\tmeili := meilisearch.New("https://search.eushop.de", meilisearch.WithAPIKey("${mk}"))`,
      'meilisearch',
      mk,
    );
    goMain.s(`\talg, _ := search.NewClient("${algoliaApp()}", "${alg}")`, 'algolia', alg);
    goMain.l('\treq, _ := http.NewRequest("POST", "https://ts.eushop.de/collections/products/documents/import", nil)');
    goMain.s(`\treq.Header.Set("X-TYPESENSE-API-KEY", "${tsk}")`, 'typesense', tsk);
    goMain.s(
      `\tdb, _ := sql.Open("pgx", "postgres://indexer:${dsnpw}@pg-replica.eushop.internal:5432/shop?sslmode=require")`,
      'database',
      dsnpw,
    );
    goMain.d('\t_ = meili.Index("products_de") // index uid', 'index name');
    goMain.l('\t_, _, _ = alg, req, db', '}');
  }

  const goSw = repo.file('services/search-indexer/internal/shopware/client.go', 'go');
  {
    const cs = b64s(t.alnum(50)).replace(/=+$/, '');
    goSw.l(
      'package shopware',
      '',
      'import "golang.org/x/oauth2/clientcredentials"',
      '',
      'var oauth = clientcredentials.Config{',
    );
    goSw.d(`\tClientID:     "SWIA${t.mixed(UPPER + DIGIT, 22)}",`, 'shopware integration access key id');
    goSw.s(`\tClientSecret: "${cs}",`, 'shopware', cs);
    goSw.l('\tTokenURL:     "https://www.eushop.de/api/oauth/token",', '}');
    goSw.d('const productEndpoint = "/api/search/product" // admin api', 'path');
  }

  const goSum = repo.file('services/search-indexer/go.sum', 'decoys');
  for (const m of [
    'github.com/meilisearch/meilisearch-go v0.29.0',
    'github.com/typesense/typesense-go/v2 v2.0.0',
    'golang.org/x/oauth2 v0.23.0',
  ]) {
    goSum.d(`${m} h1:${b64(43)}=`, 'go.sum hash');
    goSum.d(`${m}/go.mod h1:${b64(43)}=`, 'go.sum hash');
  }

  const goTest = repo.file('services/search-indexer/internal/config/config_test.go', 'go');
  goTest.l('package config', '', 'import "testing"', '', 'func TestEnvOr(t *testing.T) {');
  goTest.d('\tt.Setenv("TYPESENSE_API_KEY", "xyz")', 'test fixture');
  goTest.d('\tif got := envOr("TYPESENSE_API_KEY", "fallback-key"); got != "xyz" {', 'test fixture');
  goTest.l('\t\tt.Fatal(got)', '\t}', '}');

  // ==== Spring ERP connector ===================================================================
  const jy = repo.file('services/erp-connector/src/main/resources/application.yml', 'java');
  {
    const db = pw();
    const rb = pw();
    const oc = t.alnum(40);
    const sap = pw();
    const mol = mollieLive();
    jy.l(
      'spring:',
      '  application:',
      '    name: erp-connector',
      '  datasource:',
      '    url: jdbc:postgresql://pg-primary.eushop.internal:5432/erp',
      '    username: erp_connector',
    );
    jy.s(`    password: ${db}`, 'generic', db);
    jy.l('  rabbitmq:', '    host: rabbitmq.eushop.internal', '    username: erp');
    jy.s(`    password: \${RABBITMQ_PASSWORD:${rb}}`, 'generic', rb);
    jy.l(
      '  security:',
      '    oauth2:',
      '      client:',
      '        registration:',
      '          sap:',
      '            client-id: eushop-erp-connector',
    );
    jy.s(`            client-secret: ${oc}`, 'generic', oc);
    jy.l(
      '            authorization-grant-type: client_credentials',
      'erp:',
      '  sap:',
      '    base-url: https://sap-gw.eushop.internal:44300/sap/opu/odata/sap',
      '    user: RFC_EUSHOP',
    );
    jy.s(`    password: "${sap}"`, 'generic', sap);
    jy.l('  datev:');
    jy.d('    api-key: ${DATEV_API_KEY}', 'env reference');
    jy.l('mollie:');
    jy.s(`  api-key: ${mol}`, 'mollie', mol);
    jy.d(`  profile-id: ${mollieProfile()}`, 'mollie profile id');
  }

  const jyDev = repo.file('services/erp-connector/src/main/resources/application-dev.yml', 'java');
  jyDev.l('spring:', '  datasource:', '    url: jdbc:postgresql://localhost:5432/erp');
  jyDev.d('    password: ${DB_PASSWORD:postgres}', 'env with dev default');
  jyDev.l('erp:', '  sap:');
  jyDev.d('    password: ${SAP_PASSWORD:}', 'env with empty default');

  const jSap = repo.file('services/erp-connector/src/main/java/de/eushop/erp/sap/SapClientConfig.java', 'java');
  {
    const p1 = pw();
    const p2 = pw();
    jSap.l(
      'package de.eushop.erp.sap;',
      '',
      'import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;',
      'import org.springframework.beans.factory.annotation.Value;',
      '',
      'public class SapClientConfig {',
    );
    jSap.s(`    private static final String SAP_FALLBACK_PASSWORD = "${p1}";`, 'generic', p1);
    jSap.d('    @Value("${erp.sap.password}")', 'property reference');
    jSap.d('    private String sapPassword;', 'field');
    jSap.l('', '    UsernamePasswordCredentials idocCredentials() {');
    jSap.s(`        return new UsernamePasswordCredentials("IDOC_EUSHOP", "${p2}".toCharArray());`, 'generic', p2);
    jSap.l('    }', '}');
  }

  const jMj = repo.file('services/erp-connector/src/main/java/de/eushop/erp/mail/MailjetConfig.java', 'java');
  {
    const s = mj();
    jMj.l(
      'package de.eushop.erp.mail;',
      '',
      'import com.mailjet.client.ClientOptions;',
      'import com.mailjet.client.MailjetClient;',
      '',
      'class MailjetConfig {',
      '    MailjetClient client() {',
      '        ClientOptions options = ClientOptions.builder()',
    );
    jMj.d(`            .apiKey("${mj()}")`, 'mailjet public api key (identifier)');
    jMj.s(`            .apiSecretKey("${s}")`, 'mailjet', s);
    jMj.l('            .build();', '        return new MailjetClient(options);', '    }', '}');
  }

  const jTest = repo.file('services/erp-connector/src/test/resources/application-test.yml', 'java');
  jTest.l('spring:', '  datasource:', '    url: jdbc:h2:mem:erp');
  jTest.d('    password: test', 'test fixture');
  jTest.l('mollie:');
  jTest.d('  api-key: test_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'placeholder');

  const mvn = repo.file('services/erp-connector/.mvn/settings.xml', 'java');
  {
    const gl = t.gitlab();
    mvn.l(
      '<settings>',
      '  <servers>',
      '    <server>',
      '      <id>gitlab-maven</id>',
      '      <configuration>',
      '        <httpHeaders>',
      '          <property>',
      '            <name>Private-Token</name>',
    );
    mvn.s(`            <value>${gl}</value>`, 'gitlab', gl);
    mvn.l(
      '          </property>',
      '        </httpHeaders>',
      '      </configuration>',
      '    </server>',
      '    <server>',
      '      <id>gitlab-ci</id>',
      '      <configuration>',
      '        <httpHeaders>',
      '          <property>',
      '            <name>Job-Token</name>',
    );
    mvn.d('            <value>${env.CI_JOB_TOKEN}</value>', 'env reference');
    mvn.l(
      '          </property>',
      '        </httpHeaders>',
      '      </configuration>',
      '    </server>',
      '  </servers>',
      '</settings>',
    );
  }

  // ==== Android (Kotlin) =======================================================================
  const gp = repo.file('apps/android/gradle.properties', 'kotlin');
  {
    const sp = pw();
    const kp = pw();
    gp.d('org.gradle.jvmargs=-Xmx4g -Dfile.encoding=UTF-8', 'plain');
    gp.l('android.useAndroidX=true');
    gp.s(`EUSHOP_RELEASE_STORE_PASSWORD=${sp}`, 'generic', sp);
    gp.s(`EUSHOP_RELEASE_KEY_PASSWORD=${kp}`, 'generic', kp);
    gp.l('EUSHOP_RELEASE_KEY_ALIAS=eushop-release');
  }
  const sprop = repo.file('apps/android/sentry.properties', 'kotlin');
  {
    const st = sentryUser();
    sprop.l('defaults.org=eushop', 'defaults.project=android', 'defaults.url=https://de.sentry.io/');
    sprop.s(`auth.token=${st}`, 'sentry', st);
  }
  const bg = repo.file('apps/android/app/build.gradle.kts', 'kotlin');
  {
    const sp = pw();
    const dl = deeplFree();
    bg.l(
      'android {',
      '    namespace = "de.eushop.app"',
      '    signingConfigs {',
      '        create("release") {',
      '            storeFile = file("../keystore/release.jks")',
    );
    bg.s(`            storePassword = "${sp}"`, 'generic', sp);
    bg.l('            keyAlias = "eushop-release"');
    bg.d('            keyPassword = System.getenv("EUSHOP_RELEASE_KEY_PASSWORD")', 'env reference');
    bg.l('        }', '    }', '    defaultConfig {', '        applicationId = "de.eushop.app"');
    bg.d(
      `        buildConfigField("String", "ADYEN_CLIENT_KEY", "\\"${adyenClientKey()}\\"")`,
      'adyen client key (public)',
    );
    bg.d(
      `        buildConfigField("String", "ALGOLIA_SEARCH_KEY", "\\"${algoliaKey()}\\"")`,
      'algolia search-only key',
    );
    bg.s(`        buildConfigField("String", "DEEPL_AUTH_KEY", "\\"${dl}\\"")`, 'deepl', dl);
    bg.d('        buildConfigField("String", "API_BASE_URL", "\\"https://api.eushop.de\\"")', 'url');
    bg.l('    }', '}');
  }
  const gsj = repo.file('apps/android/app/google-services.json', 'kotlin');
  gsj.l(
    '{',
    '  "project_info": {',
    `    "project_number": "${t.digits(12)}",`,
    '    "project_id": "eushop-app"',
    '  },',
    '  "client": [{',
  );
  gsj.d(`    "api_key": [{ "current_key": "${t.gcpApiKey()}" }],`, 'firebase android api key (public)');
  gsj.d(`    "client_info": { "mobilesdk_app_id": "1:${t.digits(12)}:android:${t.pick(HEX, 16)}" }`, 'firebase app id');
  gsj.l('  }]', '}');
  const kt = repo.file('apps/android/app/src/main/kotlin/de/eushop/app/di/NetworkModule.kt', 'kotlin');
  {
    const key = t.alnum(40);
    const mk = meiliKey();
    kt.l(
      'package de.eushop.app.di',
      '',
      'import okhttp3.OkHttpClient',
      '',
      'object NetworkModule {',
      '    private const val API_BASE = "https://api.eushop.de"',
    );
    kt.s(`    private const val MOBILE_API_KEY = "${key}"`, 'generic', key);
    kt.d(`    const val MOLLIE_PROFILE_ID = "${mollieProfile()}"`, 'mollie profile id');
    kt.d(`    const val KLARNA_CLIENT_ID = "${klarnaClient()}"`, 'klarna client identifier (public)');
    kt.l(
      '',
      '    val client: OkHttpClient = OkHttpClient.Builder()',
      '        .addInterceptor { chain ->',
      '            chain.proceed(chain.request().newBuilder()',
    );
    kt.d('                .addHeader("X-Api-Key", MOBILE_API_KEY)', 'constant reference');
    kt.l('                .build())', '        }', '        .build()', '');
    kt.s(`    private val searchAdmin = MeiliClient("https://search.eushop.de", apiKey = "${mk}")`, 'meilisearch', mk);
    kt.l('}');
  }

  // ==== Legacy Ruby mailer =====================================================================
  const rbProd = repo.file('legacy/mailer/config/environments/production.rb', 'ruby');
  {
    const tok = postmark();
    rbProd.l(
      'Rails.application.configure do',
      '  config.action_mailer.delivery_method = :smtp',
      '  config.action_mailer.smtp_settings = {',
      '    address: "smtp.postmarkapp.com",',
      '    port: 587,',
    );
    rbProd.s(`    user_name: "${tok}",`, 'postmark', tok);
    rbProd.s(`    password: "${tok}",`, 'postmark', tok);
    rbProd.l('    authentication: :plain,', '    enable_starttls_auto: true', '  }', 'end');
  }
  const rbMj = repo.file('legacy/mailer/config/initializers/mailjet.rb', 'ruby');
  {
    const s = mj();
    rbMj.l('Mailjet.configure do |config|');
    rbMj.d(`  config.api_key = "${mj()}"`, 'mailjet public api key (identifier)');
    rbMj.s(`  config.secret_key = "${s}"`, 'mailjet', s);
    rbMj.l("  config.default_from = 'newsletter@eushop.de'", "  config.api_version = 'v3.1'", 'end');
  }
  const rbDb = repo.file('legacy/mailer/config/database.yml', 'ruby');
  {
    const p = pw();
    rbDb.l('development:', '  adapter: mysql2', '  database: mailer_dev', '  username: root');
    rbDb.d("  password: <%= ENV['DB_PASSWORD'] %>", 'erb env reference');
    rbDb.l(
      '',
      'production:',
      '  adapter: mysql2',
      '  host: db-legacy.eushop.internal',
      '  database: mailer',
      '  username: mailer',
    );
    rbDb.s(`  password: ${p}`, 'generic', p);
  }
  const rbKey = repo.file('legacy/mailer/config/master.key', 'ruby');
  {
    const k = t.pick(HEX, 32);
    rbKey.s(k, 'generic', k);
  }
  const rbCred = repo.file('legacy/mailer/config/credentials.yml.enc', 'ruby');
  rbCred.d(`${b64(320)}--${b64(16)}--${b64(22)}==`, 'rails encrypted credentials');
  const rbBrevo = repo.file('legacy/mailer/lib/newsletter/brevo_sync.rb', 'ruby');
  {
    const br = brevo();
    rbBrevo.l("require 'sib-api-v3-sdk'", '', 'SibApiV3Sdk.configure do |config|');
    rbBrevo.s(`  config.api_key['api-key'] = '${br}'`, 'brevo', br);
    rbBrevo.l('end', '', 'module Newsletter', '  class BrevoSync');
    rbBrevo.d("    LIST_ID = ENV.fetch('BREVO_LIST_ID', '7')", 'env reference');
    rbBrevo.l('  end', 'end');
  }

  // ==== Kubernetes (k3s) and Helm ==============================================================
  const k3c = repo.file('deploy/k3s/config.yaml', 'k8s');
  {
    const tok = k3s();
    const at = `K10${t.pick(HEX, 64)}::node:${t.pick(HEX, 32)}`;
    k3c.l('# /etc/rancher/k3s/config.yaml on fsn1-cp-1');
    k3c.s(`token: "${tok}"`, 'k3s', tok);
    k3c.s(`agent-token: "${at}"`, 'k3s', at);
    k3c.l(
      'tls-san:',
      '  - k8s.eushop.de',
      '  - 10.0.0.2',
      'disable:',
      '  - traefik',
      'node-label:',
      '  - "topology.kubernetes.io/zone=fsn1"',
    );
    k3c.d('flannel-backend: wireguard-native', 'plain');
  }
  const k3r = repo.file('deploy/k3s/registries.yaml', 'k8s');
  {
    const dt = gldt();
    const scw = scwSecret();
    k3r.l(
      'mirrors:',
      '  docker.io:',
      '    endpoint: ["https://mirror.gcr.io"]',
      'configs:',
      '  "registry.gitlab.com":',
      '    auth:',
      '      username: eushop-deploy',
    );
    k3r.s(`      password: ${dt}`, 'gitlab', dt);
    k3r.l('  "rg.fr-par.scw.cloud":', '    auth:', '      username: nologin');
    k3r.s(`      password: ${scw}`, 'scaleway', scw);
  }
  const k3y = repo.file('deploy/k3s/k3s.yaml', 'k8s');
  {
    const ec = t.ecPem();
    k3y.l('apiVersion: v1', 'clusters:', '- cluster:');
    k3y.d(
      `    certificate-authority-data: ${b64s(['-----BEGIN CERTIFICATE-----', `MIIBdjCCAR2gAwIBAgIBADAKBggqhkjOPQQDAjAjMSEwHwYDVQQDDBhrM3Mtc2Vy${b64(20)}`, '-----END CERTIFICATE-----'].join('\n'))}`,
      'ca certificate',
    );
    k3y.l('    server: https://k8s.eushop.de:6443', '  name: default', 'users:', '- name: default', '  user:');
    k3y.d(
      `    client-certificate-data: ${b64s(['-----BEGIN CERTIFICATE-----', `MIIBkTCCATegAwIBAgIIB${b64(40)}`, '-----END CERTIFICATE-----'].join('\n'))}`,
      'client certificate',
    );
    k3y.s(`    client-key-data: ${b64s(ec.join('\n') + '\n')}`, 'private-key', ec.join('\n'));
  }

  const kSw = repo.file('deploy/k8s/base/shopware-secret.yaml', 'k8s');
  {
    const sec = swSecret();
    const db = pwa();
    const ak = adyenKey();
    const br = brevo();
    const hm = adyenHmac();
    kSw.l(
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: shopware',
      '  namespace: shop',
      'type: Opaque',
      'stringData:',
    );
    kSw.s(`  APP_SECRET: "${sec}"`, 'generic', sec);
    kSw.s(`  DATABASE_URL: "mysql://shopware:${db}@mariadb.shop.svc.cluster.local:3306/shopware"`, 'database', db);
    kSw.s(`  ADYEN_API_KEY: "${ak}"`, 'adyen', ak);
    kSw.s(`  BREVO_API_KEY: ${br}`, 'brevo', br);
    kSw.l('data:');
    kSw.s(`  ADYEN_HMAC_KEY: ${b64s(hm)}`, 'adyen', hm);
    kSw.d(`  SHOPWARE_ES_INDEX_PREFIX: ${b64s('sw_prod')}`, 'base64 plain setting');
  }

  const kMeili = repo.file('deploy/k8s/base/meilisearch.yaml', 'k8s');
  {
    const mk = meiliMaster();
    kMeili.l(
      'apiVersion: apps/v1',
      'kind: StatefulSet',
      'metadata:',
      '  name: meilisearch',
      '  namespace: search',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '        - name: meilisearch',
    );
    kMeili.d(`          image: getmeili/meilisearch:v1.11@sha256:${t.sha256()}`, 'image digest');
    kMeili.l(
      '          env:',
      '            - name: MEILI_ENV',
      '              value: production',
      '            - name: MEILI_MASTER_KEY',
    );
    kMeili.s(`              value: "${mk}"`, 'meilisearch', mk);
    kMeili.l('            - name: MEILI_SEARCH_KEY_UID');
    kMeili.d(`              value: "${t.uuid()}"`, 'key uid');
    kMeili.l(
      '            - name: MEILI_SNAPSHOT_PASSWORD',
      '              valueFrom:',
      '                secretKeyRef:',
    );
    kMeili.d('                  name: meili-snapshots', 'secretKeyRef name');
    kMeili.d('                  key: password', 'secretKeyRef key');
  }

  const kCm = repo.file('deploy/k8s/base/storefront-configmap.yaml', 'k8s');
  {
    const alg = algoliaKey();
    kCm.l('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: storefront', '  namespace: shop', 'data:');
    kCm.d(`  NEXT_PUBLIC_ADYEN_CLIENT_KEY: ${adyenClientKey()}`, 'adyen client key (public)');
    kCm.d(`  NEXT_PUBLIC_ALGOLIA_SEARCH_KEY: "${algoliaKey()}"`, 'algolia search-only key');
    kCm.d(`  NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: ${pkLive()}`, 'stripe publishable key');
    kCm.d(`  NEXT_PUBLIC_MOLLIE_PROFILE_ID: ${mollieProfile()}`, 'mollie profile id');
    kCm.s(`  ALGOLIA_WRITE_KEY: "${alg}"`, 'algolia', alg);
    kCm.d(`  BUILD_SHA: "${t.sha1()}"`, 'git sha');
  }

  const kTm = repo.file('deploy/k8s/base/traefik-middlewares.yaml', 'k8s');
  kTm.l(
    'apiVersion: traefik.io/v1alpha1',
    'kind: Middleware',
    'metadata:',
    '  name: admin-auth',
    '  namespace: shop',
    'spec:',
    '  basicAuth:',
  );
  kTm.d('    secret: admin-basic-auth', 'secret name');
  kTm.l('---', 'apiVersion: v1', 'kind: Secret', 'metadata:', '  name: admin-basic-auth', '  namespace: shop', 'data:');
  kTm.d(`  users: ${b64s(`ops:${apr1()}\nagency:${bcrypt()}\n`)}`, 'base64 htpasswd hashes');

  const kDns = repo.file('deploy/k8s/base/hetzner-dns-secret.yaml', 'k8s');
  {
    const ht = hetznerDns();
    kDns.l(
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: hetzner-dns',
      '  namespace: cert-manager',
      'type: Opaque',
      'stringData:',
    );
    kDns.s(`  api-key: ${ht}`, 'hetzner', ht);
  }

  const kReg = repo.file('deploy/k8s/base/registry-pull.yaml', 'k8s');
  {
    const scw = scwSecret();
    const cfg = b64s(
      JSON.stringify({
        auths: { 'rg.fr-par.scw.cloud': { username: 'nologin', password: scw, auth: b64s(`nologin:${scw}`) } },
      }),
    );
    kReg.l(
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: scw-registry',
      '  namespace: shop',
      'type: kubernetes.io/dockerconfigjson',
      'data:',
    );
    kReg.s(`  .dockerconfigjson: ${cfg}`, 'scaleway', scw);
  }

  const kSeal = repo.file('deploy/k8s/base/sealed-mollie.yaml', 'k8s');
  kSeal.l(
    'apiVersion: bitnami.com/v1alpha1',
    'kind: SealedSecret',
    'metadata:',
    '  name: mollie',
    '  namespace: shop',
    'spec:',
    '  encryptedData:',
  );
  kSeal.d(`    MOLLIE_API_KEY: AgB${b64(560)}==`, 'sealed secret');
  kSeal.d(`    MOLLIE_ACCESS_TOKEN: AgC${b64(560)}==`, 'sealed secret');

  const hv = repo.file('deploy/helm/eushop/values-prod.yaml', 'k8s');
  {
    const sec = swSecret();
    const root = pw();
    const mdb = pw();
    const rd = pw();
    const rmq = pw();
    const cookie = t.pick(UPPER, 20);
    const ak = adyenKey();
    const pm = postmark();
    hv.l('image:', '  repository: registry.gitlab.com/eushop/platform/shopware');
    hv.d(`  tag: "${t.sha1().slice(0, 8)}"`, 'short sha tag');
    hv.d('imagePullSecrets:\n  - name: scw-registry', 'secret name');
    hv.l('shopware:', '  appUrl: https://www.eushop.de');
    hv.s(`  appSecret: "${sec}"`, 'generic', sec);
    hv.l('mariadb:', '  auth:');
    hv.s(`    rootPassword: "${root}"`, 'generic', root);
    hv.l('    username: shopware');
    hv.s(`    password: "${mdb}"`, 'generic', mdb);
    hv.l('redis:', '  auth:', '    enabled: true');
    hv.s(`    password: ${rd}`, 'generic', rd);
    hv.l('rabbitmq:', '  auth:', '    username: shopware');
    hv.s(`    password: "${rmq}"`, 'generic', rmq);
    hv.s(`    erlangCookie: ${cookie}`, 'generic', cookie);
    hv.d('    existingErlangSecret: ""', 'empty');
    hv.l('payments:', '  adyen:', '    merchantAccount: EushopECOM');
    hv.s(`    apiKey: "${ak}"`, 'adyen', ak);
    hv.d(`    clientKey: ${adyenClientKey()}`, 'adyen client key (public)');
    hv.l('  mollie:');
    hv.d(`    profileId: ${mollieProfile()}`, 'mollie profile id');
    hv.d('    existingSecret: mollie', 'secret name');
    hv.l('mail:');
    hv.s(`  postmarkServerToken: ${pm}`, 'postmark', pm);
  }
  const hvd = repo.file('deploy/helm/eushop/values.yaml', 'k8s');
  hvd.l('shopware:', '  appUrl: http://localhost');
  hvd.d('  appSecret: ""', 'empty');
  hvd.l('mariadb:', '  auth:');
  hvd.d('    rootPassword: changeme', 'placeholder');
  hvd.d('    password: ""', 'empty');
  hvd.l('payments:', '  adyen:');
  hvd.d('    apiKey: "<adyen-api-key>"', 'placeholder');
  hvd.d('    clientKey: "live_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"', 'placeholder');
  const htpl = repo.file('deploy/helm/eushop/templates/secret.yaml', 'k8s');
  htpl.l('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: {{ include "eushop.fullname" . }}', 'stringData:');
  htpl.d(
    '  APP_SECRET: {{ required "shopware.appSecret is required" .Values.shopware.appSecret | quote }}',
    'helm template',
  );
  htpl.d('  ADYEN_API_KEY: {{ .Values.payments.adyen.apiKey | quote }}', 'helm template');
  htpl.d(
    '  DATABASE_URL: "mysql://{{ .Values.mariadb.auth.username }}:{{ .Values.mariadb.auth.password }}@mariadb:3306/shopware"',
    'helm template',
  );

  // ==== Terraform ==============================================================================
  const tfp = repo.file('infra/terraform/providers.tf', 'terraform');
  {
    const hc = hcloud();
    const as = ovhAs();
    const ck = ovhCk();
    const scw = scwSecret();
    const hd = hetznerDns();
    const gl = t.gitlab();
    tfp.l(
      'terraform {',
      '  required_providers {',
      '    hcloud   = { source = "hetznercloud/hcloud", version = "~> 1.48" }',
      '    ovh      = { source = "ovh/ovh", version = "~> 1.0" }',
      '    scaleway = { source = "scaleway/scaleway", version = "~> 2.47" }',
      '  }',
      '}',
      '',
    );
    tfp.l('provider "hcloud" {');
    tfp.s(`  token = "${hc}"`, 'hetzner', hc);
    tfp.l('}', '', 'provider "ovh" {', '  endpoint           = "ovh-eu"');
    tfp.d(`  application_key    = "${ovhAk()}"`, 'ovh application key (identifier)');
    tfp.s(`  application_secret = "${as}"`, 'ovh', as);
    tfp.s(`  consumer_key       = "${ck}"`, 'ovh', ck);
    tfp.l('}', '', 'provider "scaleway" {');
    tfp.d(`  access_key      = "${scwAccess()}"`, 'scaleway access key (identifier, not the secret)');
    tfp.s(`  secret_key      = "${scw}"`, 'scaleway', scw);
    tfp.d(`  project_id      = "${t.uuid()}"`, 'scaleway project id');
    tfp.d(`  organization_id = "${t.uuid()}"`, 'scaleway organization id');
    tfp.l('  region          = "fr-par"', '  zone            = "fr-par-1"', '}', '', 'provider "hetznerdns" {');
    tfp.s(`  apitoken = "${hd}"`, 'hetzner', hd);
    tfp.l('}', '', 'provider "cloudflare" {');
    tfp.d('  api_token = var.cloudflare_api_token', 'variable reference');
    tfp.l('}', '', 'provider "gitlab" {', '  base_url = "https://gitlab.eushop.de/api/v4/"');
    tfp.s(`  token    = "${gl}"`, 'gitlab', gl);
    tfp.l('}');
  }
  const tfv = repo.file('infra/terraform/envs/prod/terraform.tfvars', 'terraform');
  {
    const cf = t.cloudflare();
    const bk = bunny();
    const cg = cfGlobal();
    const st = sentryUser();
    tfv.l('environment = "prod"', 'location    = "fsn1"');
    tfv.s(`cloudflare_api_token = "${cf}"`, 'cloudflare', cf);
    tfv.s(`cloudflare_global_api_key = "${cg}"`, 'cloudflare', cg);
    tfv.d('cloudflare_email = "ops@eushop.de"', 'email');
    tfv.d(`cloudflare_zone_id = "${t.pick(HEX, 32)}"`, 'zone id');
    tfv.s(`bunny_api_key = "${bk}"`, 'bunny', bk);
    tfv.s(`sentry_token = "${st}"`, 'sentry', st);
    tfv.d('hcloud_token = ""', 'empty');
  }
  const tfvar = repo.file('infra/terraform/variables.tf', 'terraform');
  tfvar.l(
    'variable "cloudflare_api_token" {',
    '  type      = string',
    '  sensitive = true',
    '}',
    '',
    'variable "ovh_consumer_key" {',
    '  type    = string',
  );
  tfvar.d('  default = "REPLACE_WITH_CONSUMER_KEY"', 'placeholder');
  tfvar.l('}', '', 'variable "scw_secret_key" {', '  type        = string');
  tfvar.d(
    '  description = "Scaleway secret key (a UUID), see https://console.scaleway.com/iam/api-keys"',
    'description',
  );
  tfvar.l('}');

  const tfk = repo.file('infra/terraform/modules/hcloud-k3s/main.tf', 'terraform');
  {
    const tok = k3s();
    tfk.l('resource "hcloud_ssh_key" "deploy" {', '  name       = "deploy"');
    tfk.d(`  public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${b64(43)} deploy@eushop"`, 'ssh public key');
    tfk.l(
      '}',
      '',
      'resource "hcloud_server" "cp" {',
      '  count       = 3',
      '  name        = "fsn1-cp-${count.index + 1}"',
      '  server_type = "cpx31"',
      '  image       = "ubuntu-24.04"',
    );
    tfk.d('  ssh_keys    = [hcloud_ssh_key.deploy.id]', 'resource reference');
    tfk.l('  user_data = templatefile("${path.module}/cloud-init.yaml", {');
    tfk.s(`    k3s_token = "${tok}"`, 'k3s', tok);
    tfk.d('    node_ip   = cidrhost(hcloud_network_subnet.k8s.ip_range, count.index + 2)', 'expression');
    tfk.l('  })', '}');
  }
  const tfdb = repo.file('infra/terraform/modules/scaleway-db/main.tf', 'terraform');
  {
    const p = pw();
    tfdb.l(
      'resource "random_password" "analytics" {',
      '  length  = 32',
      '  special = false',
      '}',
      '',
      'resource "scaleway_rdb_instance" "shop" {',
      '  name      = "shop-prod"',
      '  node_type = "DB-GP-S"',
      '  engine    = "PostgreSQL-16"',
      '  user_name = "shop"',
    );
    tfdb.s(`  password  = "${p}"`, 'generic', p);
    tfdb.l(
      '}',
      '',
      'resource "scaleway_rdb_user" "analytics" {',
      '  instance_id = scaleway_rdb_instance.shop.id',
      '  name        = "analytics"',
    );
    tfdb.d('  password    = random_password.analytics.result', 'resource reference');
    tfdb.l('}');
  }
  const tfbe = repo.file('infra/terraform/backend.tf', 'terraform');
  {
    const scw = scwSecret();
    tfbe.l(
      'terraform {',
      '  backend "s3" {',
      '    bucket                      = "eushop-tfstate"',
      '    key                         = "prod/terraform.tfstate"',
      '    region                      = "fr-par"',
      '    endpoint                    = "https://s3.fr-par.scw.cloud"',
    );
    tfbe.d(`    access_key                  = "${scwAccess()}"`, 'scaleway access key (identifier, not the secret)');
    tfbe.s(`    secret_key                  = "${scw}"`, 'scaleway', scw);
    tfbe.l('    skip_credentials_validation = true', '    skip_region_validation      = true', '  }', '}');
  }
  const tfs = repo.file('infra/terraform/terraform.tfstate', 'terraform');
  {
    const dbpw = pw();
    const scw = scwSecret();
    tfs.l('{', '  "version": 4,', '  "terraform_version": "1.9.8",', '  "serial": 211,');
    tfs.d(`  "lineage": "${t.uuid()}",`, 'uuid lineage');
    tfs.l(
      '  "resources": [',
      '    {',
      '      "mode": "managed",',
      '      "type": "scaleway_rdb_instance",',
      '      "name": "shop",',
      '      "instances": [',
      '        {',
      '          "attributes": {',
    );
    tfs.d(`            "id": "fr-par/${t.uuid()}",`, 'resource id');
    tfs.s(`            "password": "${dbpw}",`, 'generic', dbpw);
    tfs.l(
      '            "user_name": "shop"',
      '          }',
      '        }',
      '      ]',
      '    },',
      '    {',
      '      "mode": "managed",',
      '      "type": "scaleway_iam_api_key",',
      '      "name": "ci",',
      '      "instances": [',
      '        {',
      '          "attributes": {',
    );
    tfs.d(`            "access_key": "${scwAccess()}",`, 'scaleway access key (identifier, not the secret)');
    tfs.s(`            "secret_key": "${scw}",`, 'scaleway', scw);
    tfs.d(`            "application_id": "${t.uuid()}",`, 'uuid id');
    tfs.l('            "description": "gitlab ci"', '          }', '        }', '      ]', '    }', '  ]', '}');
  }
  const tfl = repo.file('infra/terraform/.terraform.lock.hcl', 'decoys');
  tfl.l(
    'provider "registry.terraform.io/hetznercloud/hcloud" {',
    '  version     = "1.48.1"',
    '  constraints = "~> 1.48"',
    '  hashes = [',
  );
  tfl.d(`    "h1:${b64(43)}=",`, 'provider hash');
  tfl.d(`    "zh:${t.sha256()}",`, 'provider hash');
  tfl.l('  ]', '}');

  // ==== Ansible ================================================================================
  const inv = repo.file('infra/ansible/inventory/production.ini', 'ansible');
  {
    const b1 = pw();
    const b2 = pwa();
    inv.l('[web]');
    inv.s(`fsn1-web-1 ansible_host=10.0.1.31 ansible_user=deploy ansible_become_password='${b1}'`, 'generic', b1);
    inv.l('fsn1-web-2 ansible_host=10.0.1.32 ansible_user=deploy', '', '[legacy]');
    inv.s(
      `ovh-legacy-1 ansible_host=51.68.${t.digits(2)}.${t.digits(2)} ansible_user=root ansible_ssh_pass=${b2}`,
      'generic',
      b2,
    );
    inv.l('', '[web:vars]');
    inv.d("ansible_become_password='{{ vault_become_password }}'", 'jinja reference');
  }
  const agv = repo.file('infra/ansible/group_vars/all/vault.yml', 'ansible');
  agv.d(['$ANSIBLE_VAULT;1.1;AES256', ...Array.from({ length: 5 }, () => t.pick(HEX, 80))], 'ansible vault ciphertext');
  const adb = repo.file('infra/ansible/group_vars/db/main.yml', 'ansible');
  {
    const root = pw();
    const repl = pw();
    adb.l('mariadb_bind_address: 10.0.1.12');
    adb.s(`mariadb_root_password: "${root}"`, 'generic', root);
    adb.s(`mariadb_replication_password: ${repl}`, 'generic', repl);
    adb.l('mariadb_users:', '  - name: shopware', '    host: "10.0.1.%"');
    adb.d('    password: "{{ vault_mariadb_shopware_password }}"', 'jinja reference');
    adb.l('  - name: backup', '    host: localhost');
    adb.d("    password: \"{{ lookup('env', 'BACKUP_DB_PASSWORD') }}\"", 'env lookup');
  }
  const atr = repo.file('infra/ansible/roles/traefik/defaults/main.yml', 'ansible');
  {
    const ht = hetznerDns();
    const pilot = t.uuid();
    atr.l('traefik_version: v3.2.0', 'traefik_acme_email: ops@eushop.de', 'traefik_acme_dns_provider: hetzner');
    atr.s(`traefik_hetzner_api_key: "${ht}"`, 'hetzner', ht);
    atr.s(`traefik_pilot_token: ${pilot}`, 'generic', pilot);
    atr.l('traefik_dashboard_users:');
    atr.d(`  - "ops:${apr1()}"`, 'htpasswd hash');
    atr.d(`  - "agency:${bcrypt()}"`, 'htpasswd hash');
  }
  const atj = repo.file('infra/ansible/roles/traefik/templates/traefik.env.j2', 'ansible');
  atj.d('HETZNER_API_KEY={{ traefik_hetzner_api_key }}', 'jinja reference');
  atj.d('OVH_APPLICATION_SECRET={{ vault_ovh_application_secret }}', 'jinja reference');
  atj.d('HETZNER_PROPAGATION_TIMEOUT=300', 'plain');
  const abk = repo.file('infra/ansible/roles/backup/tasks/main.yml', 'ansible');
  {
    const rp = pw();
    const scw = scwSecret();
    const borg = pw();
    abk.l(
      '- name: restic backup to Scaleway object storage',
      '  ansible.builtin.command: restic backup /var/www/shopware/public/media',
      '  environment:',
      '    RESTIC_REPOSITORY: s3:https://s3.fr-par.scw.cloud/eushop-backups',
    );
    abk.s(`    RESTIC_PASSWORD: "${rp}"`, 'generic', rp);
    abk.d(`    AWS_ACCESS_KEY_ID: ${scwAccess()}`, 'scaleway access key (identifier, not the secret)');
    abk.s(`    AWS_SECRET_ACCESS_KEY: ${scw}`, 'scaleway', scw);
    abk.l(
      '',
      '- name: borg to the Hetzner Storage Box',
      '  ansible.builtin.command: borg create ssh://u381204@u381204.your-storagebox.de:23/./borg::{now} /etc',
      '  environment:',
    );
    abk.s(`    BORG_PASSPHRASE: '${borg}'`, 'generic', borg);
    abk.d('    BORG_RSH: "ssh -i /root/.ssh/storagebox_ed25519"', 'key path');
  }
  const arobot = repo.file('infra/ansible/host_vars/hel1-dedi-1.yml', 'ansible');
  {
    const rpw = pw();
    arobot.l('hetzner_robot_user: "#ws+Xk3mQ7pA"');
    arobot.s(`hetzner_robot_password: "${rpw}"`, 'hetzner', rpw);
    arobot.d('hetzner_server_number: 2184533', 'server number');
  }

  // ==== Traefik =================================================================================
  const trs = repo.file('deploy/traefik/traefik.yml', 'traefik');
  {
    const pilot = t.uuid();
    trs.l(
      'entryPoints:',
      '  web:',
      '    address: ":80"',
      '  websecure:',
      '    address: ":443"',
      'api:',
      '  dashboard: true',
      'certificatesResolvers:',
      '  le:',
      '    acme:',
      '      email: ops@eushop.de',
      '      storage: /etc/traefik/acme.json',
      '      dnsChallenge:',
    );
    trs.d('        provider: hetzner', 'provider name');
    trs.l('        resolvers: ["1.1.1.1:53"]', 'pilot:');
    trs.s(`  token: "${pilot}"`, 'generic', pilot);
    trs.l(
      'accessLog:',
      '  format: json',
      '  fields:',
      '    headers:',
      '      defaultMode: drop',
      '      names:',
      '        Authorization: keep',
      '        X-Api-Key: keep',
    );
  }
  const trd = repo.file('deploy/traefik/dynamic/middlewares.yml', 'traefik');
  {
    const basic = pwa();
    const erpKey = t.alnum(40);
    trd.l('http:', '  middlewares:', '    admin-auth:', '      basicAuth:', '        users:');
    trd.d(`          - "ops:${apr1()}"`, 'htpasswd hash');
    trd.d(`          - "support:${bcrypt()}"`, 'htpasswd hash');
    trd.l('    staging-auth:', '      basicAuth:');
    trd.d('        usersFile: /etc/traefik/htpasswd', 'file path');
    trd.l('    erp-upstream:', '      headers:', '        customRequestHeaders:');
    trd.s(`          Authorization: "Basic ${b64s(`shopware-sync:${basic}`)}"`, 'generic', basic);
    trd.s(`          X-Api-Key: "${erpKey}"`, 'generic', erpKey);
    trd.l('    sso:', '      forwardAuth:');
    trd.d('        address: http://oauth2-proxy.auth.svc:4180/oauth2/auth', 'url');
  }
  const tre = repo.file('deploy/traefik/traefik.env', 'traefik');
  {
    const ht = hetznerDns();
    const as = ovhAs();
    const ck = ovhCk();
    const scw = scwSecret();
    const bk = bunny();
    const cf = t.cloudflare();
    tre.s(`HETZNER_API_KEY=${ht}`, 'hetzner', ht);
    tre.l('OVH_ENDPOINT=ovh-eu');
    tre.d(`OVH_APPLICATION_KEY=${ovhAk()}`, 'ovh application key (identifier)');
    tre.s(`OVH_APPLICATION_SECRET=${as}`, 'ovh', as);
    tre.s(`OVH_CONSUMER_KEY=${ck}`, 'ovh', ck);
    tre.s(`SCALEWAY_API_TOKEN=${scw}`, 'scaleway', scw);
    tre.s(`BUNNY_API_KEY=${bk}`, 'bunny', bk);
    tre.s(`CF_DNS_API_TOKEN=${cf}`, 'cloudflare', cf);
    tre.d('CF_ZONE_API_TOKEN_FILE=/run/secrets/cf_zone_token', 'file reference');
  }
  const acme = repo.file('deploy/traefik/acme.json', 'traefik');
  {
    const der = Buffer.concat([
      Buffer.from('308209280201000282020100', 'hex'),
      Buffer.from(Array.from({ length: 1700 }, () => Math.floor(rand() * 256))),
    ]).toString('base64');
    const rsa = t.rsaPem();
    acme.l('{', '  "le": {', '    "Account": {', '      "Email": "ops@eushop.de",');
    acme.d(
      '      "Registration": { "body": { "status": "valid" }, "uri": "https://acme-v02.api.letsencrypt.org/acme/acct/1984211337" },',
      'acme account uri',
    );
    acme.s(`      "PrivateKey": "${der}",`, 'private-key', der);
    acme.l(
      '      "KeyType": "4096"',
      '    },',
      '    "Certificates": [',
      '      {',
      '        "domain": { "main": "eushop.de", "sans": ["*.eushop.de"] },',
    );
    acme.d(
      `        "certificate": "${b64s(['-----BEGIN CERTIFICATE-----', `MIIFNTCCBB2gAwIBAgISA${b64(60)}`, b64(64), '-----END CERTIFICATE-----'].join('\n'))}",`,
      'certificate chain',
    );
    acme.s(`        "key": "${b64s(rsa.join('\n') + '\n')}",`, 'private-key', rsa.join('\n'));
    acme.l('        "Store": "default"', '      }', '    ]', '  }', '}');
  }

  // ==== Docker compose =========================================================================
  const dcDev = repo.file('docker-compose.yml', 'docker');
  dcDev.l('services:', '  database:', '    image: mariadb:11.4', '    environment:');
  dcDev.d('      MARIADB_ROOT_PASSWORD: root', 'local dev default');
  dcDev.l('  meilisearch:', '    image: getmeili/meilisearch:v1.11', '    environment:');
  dcDev.d('      MEILI_MASTER_KEY: masterKey', 'documented dev default');
  dcDev.d('      MEILI_ENV: development', 'plain');
  dcDev.l('  mailpit:', '    image: axllent/mailpit', '  shopware:', '    build: ./apps/shopware', '    environment:');
  dcDev.d('      DATABASE_URL: mysql://root:root@database/shopware', 'local dev default');
  dcDev.d('      APP_SECRET: ${APP_SECRET:-devsecret}', 'env with dev default');

  const dcProd = repo.file('deploy/compose/docker-compose.prod.yml', 'docker');
  {
    const root = pw();
    const mk = meiliMaster();
    const ts = typesense();
    const ht = hetznerDns();
    const as = ovhAs();
    const ck = ovhCk();
    dcProd.l('services:', '  mariadb:', '    image: mariadb:11.4', '    environment:');
    dcProd.s(`      MARIADB_ROOT_PASSWORD: "${root}"`, 'generic', root);
    dcProd.l('  meilisearch:', '    image: getmeili/meilisearch:v1.11', '    environment:');
    dcProd.s(`      - MEILI_MASTER_KEY=${mk}`, 'meilisearch', mk);
    dcProd.l('  typesense:', '    image: typesense/typesense:27.1');
    dcProd.s(`    command: --data-dir /data --api-key=${ts} --enable-cors`, 'typesense', ts);
    dcProd.l('  traefik:', '    image: traefik:v3.2', '    environment:');
    dcProd.s(`      HETZNER_API_KEY: ${ht}`, 'hetzner', ht);
    dcProd.l('      OVH_ENDPOINT: ovh-eu');
    dcProd.d(`      OVH_APPLICATION_KEY: ${ovhAk()}`, 'ovh application key (identifier)');
    dcProd.s(`      OVH_APPLICATION_SECRET: ${as}`, 'ovh', as);
    dcProd.s(`      OVH_CONSUMER_KEY: ${ck}`, 'ovh', ck);
    dcProd.l('    labels:', '      - "traefik.enable=true"');
    dcProd.d(
      `      - "traefik.http.middlewares.auth.basicauth.users=ops:${apr1().replace(/\$/g, '$$$$')}"`,
      'htpasswd hash (compose-escaped)',
    );
    dcProd.l('    secrets:');
    dcProd.d('      - cf_zone_token', 'compose secret reference');
  }

  // ==== CI: GitLab, Woodpecker, Drone ==========================================================
  const gl = repo.file('.gitlab-ci.yml', 'ci');
  {
    const st = sentryUser();
    const dk = dckr();
    const gp = t.gitlab();
    const mpriv = t.pick(HEX, 32);
    const bk = bunny();
    gl.l('stages: [build, test, deploy]', '', 'variables:');
    gl.d('  DOCKER_TLS_CERTDIR: "/certs"', 'plain');
    gl.s(`  SENTRY_AUTH_TOKEN: ${st}`, 'sentry', st);
    gl.d('  SENTRY_ORG: eushop', 'plain');
    gl.l('', 'build:', '  stage: build', '  image: docker:27', '  script:');
    gl.d('    - docker login -u "$CI_REGISTRY_USER" -p "$CI_REGISTRY_PASSWORD" "$CI_REGISTRY"', 'ci variables');
    gl.d('    - echo "$SCW_SECRET_KEY" | docker login rg.fr-par.scw.cloud -u nologin --password-stdin', 'ci variable');
    gl.s(`    - docker login -u eushopci -p ${dk}`, 'docker', dk);
    gl.l('', 'composer:', '  stage: build', '  script:');
    gl.s(
      `    - composer config --global --auth http-basic.repo.magento.com ${t.pick(HEX, 32)} ${mpriv}`,
      'generic',
      mpriv,
    );
    gl.l('', 'release-notes:', '  stage: deploy', '  script:');
    gl.s(
      `    - 'curl --header "PRIVATE-TOKEN: ${gp}" "https://gitlab.eushop.de/api/v4/projects/12/releases"'`,
      'gitlab',
      gp,
    );
    gl.l('', 'purge-cdn:', '  stage: deploy', '  script:');
    gl.s(
      `    - curl -s -X POST "https://api.bunny.net/pullzone/1843207/purgeCache" -H "AccessKey: ${bk}"`,
      'bunny',
      bk,
    );
    gl.d(
      '    - curl -s -X POST "https://api.bunny.net/pullzone/1843207/purgeCache" -H "AccessKey: ${BUNNY_API_KEY}"',
      'variable',
    );
  }
  const wp = repo.file('.woodpecker/deploy.yml', 'ci');
  {
    const hc = hcloud();
    const mdb = pwa();
    const mm = t.pick(LOWER + DIGIT, 26);
    wp.l(
      'when:',
      '  - event: push',
      '    branch: main',
      '',
      'steps:',
      '  - name: deploy',
      '    image: alpine/helm:3.16',
      '    environment:',
      '      KUBECONFIG_B64:',
    );
    wp.d('        from_secret: kubeconfig', 'woodpecker secret reference');
    wp.s(`      HCLOUD_TOKEN: ${hc}`, 'hetzner', hc);
    wp.l('    commands:', '      - echo "$KUBECONFIG_B64" | base64 -d > /tmp/kubeconfig');
    wp.s(
      `      - helm upgrade --install eushop ./deploy/helm/eushop -f deploy/helm/eushop/values-prod.yaml --set mariadb.auth.password=${mdb}`,
      'generic',
      mdb,
    );
    wp.d(
      '      - helm upgrade --install eushop ./deploy/helm/eushop --set image.tag=${CI_COMMIT_SHA:0:8}',
      'ci variable',
    );
    wp.l('  - name: notify', '    image: plugins/webhook', '    settings:');
    wp.s(`      urls: https://chat.eushop.de/hooks/${mm}`, 'mattermost', mm);
  }
  const wpc = repo.file('ops/woodpecker/docker-compose.yml', 'ci');
  {
    const as = t.pick(HEX, 64);
    const gs = gloas();
    wpc.l(
      'services:',
      '  woodpecker-server:',
      '    image: woodpeckerci/woodpecker-server:v2.7',
      '    environment:',
      '      - WOODPECKER_HOST=https://ci.eushop.de',
      '      - WOODPECKER_GITLAB=true',
      '      - WOODPECKER_GITLAB_URL=https://gitlab.eushop.de',
    );
    wpc.d(`      - WOODPECKER_GITLAB_CLIENT=${t.pick(HEX, 64)}`, 'gitlab oauth application id');
    wpc.s(`      - WOODPECKER_GITLAB_SECRET=${gs}`, 'gitlab', gs);
    wpc.s(`      - WOODPECKER_AGENT_SECRET=${as}`, 'generic', as);
    wpc.l(
      '  woodpecker-agent:',
      '    image: woodpeckerci/woodpecker-agent:v2.7',
      '    environment:',
      '      - WOODPECKER_SERVER=woodpecker-server:9000',
    );
    wpc.d('      - WOODPECKER_AGENT_SECRET=${WOODPECKER_AGENT_SECRET}', 'env reference');
  }
  const drone = repo.file('.drone.yml', 'ci');
  {
    const ck = ovhCk();
    drone.l(
      'kind: pipeline',
      'type: docker',
      'name: legacy-mailer',
      '',
      'steps:',
      '  - name: publish',
      '    image: plugins/docker',
      '    settings:',
      '      repo: eushop/legacy-mailer',
      '      username: eushopci',
      '      password:',
    );
    drone.d('        from_secret: docker_password', 'drone secret reference');
    drone.l('  - name: dns', '    image: alpine', '    environment:', '      OVH_ENDPOINT: ovh-eu');
    drone.s(`      OVH_CONSUMER_KEY: ${ck}`, 'ovh', ck);
    drone.l('    commands:', '      - ./scripts/update-dns.sh');
  }
  const drunner = repo.file('ops/drone/runner.env', 'ci');
  {
    const rpc = t.pick(HEX, 32);
    drunner.l('DRONE_RPC_PROTO=https', 'DRONE_RPC_HOST=drone.eushop.de');
    drunner.s(`DRONE_RPC_SECRET=${rpc}`, 'generic', rpc);
    drunner.l('DRONE_RUNNER_CAPACITY=2', 'DRONE_RUNNER_NAME=ovh-runner-1');
  }
  const glRunner = repo.file('ops/gitlab-runner/config.toml', 'ci');
  {
    const rt = glrt();
    const scw = scwSecret();
    glRunner.l(
      'concurrent = 4',
      '',
      '[[runners]]',
      '  name = "hetzner-autoscaler"',
      '  url = "https://gitlab.eushop.de"',
    );
    glRunner.d('  id = 48', 'runner id');
    glRunner.s(`  token = "${rt}"`, 'gitlab', rt);
    glRunner.l(
      '  executor = "docker"',
      '  [runners.cache]',
      '    Type = "s3"',
      '    [runners.cache.s3]',
      '      ServerAddress = "s3.fr-par.scw.cloud"',
    );
    glRunner.d(`      AccessKey = "${scwAccess()}"`, 'scaleway access key (identifier, not the secret)');
    glRunner.s(`      SecretKey = "${scw}"`, 'scaleway', scw);
    glRunner.l('      BucketName = "eushop-runner-cache"');
  }

  // ==== Jupyter notebook =======================================================================
  const nb = repo.file('analytics/notebooks/sales-q3-2025.ipynb', 'notebook');
  {
    const ro = pwa();
    const mol = mollieLive();
    const ak = adyenKey();
    const mk = meiliKey();
    const q = (s) => JSON.stringify(s);
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
    nb.l(`    ${q('import pandas as pd\n')},`, `    ${q('from sqlalchemy import create_engine\n')},`);
    nb.s(
      `    ${q(`engine = create_engine("mysql+pymysql://analytics:${ro}@db-ro.eushop.internal/shopware")\n`)},`,
      'database',
      ro,
    );
    nb.l(`    ${q('orders = pd.read_sql("SELECT order_number, order_date_time, amount_total FROM `order`", engine)')}`);
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
      '      "text/plain": [',
    );
    nb.l(`       ${q('  order_number  amount_total vat_id\n')},`);
    nb.d(`       ${q(`0     ${orderNo()}        129.90 ${vatDe()}\n`)},`, 'order number and vat id in output');
    nb.d(`       ${q(`1     ${orderNo()}         49.00 ${vatFr()}\n`)}`, 'order number and vat id in output');
    nb.l(
      '      ]',
      '     },',
      '     "execution_count": 2,',
      '     "metadata": {},',
      '     "output_type": "execute_result"',
      '    }',
      '   ],',
      '   "source": [',
    );
    nb.l(`    ${q('import requests\n')},`);
    nb.s(`    ${q(`MOLLIE_KEY = "${mol}"\n`)},`, 'mollie', mol);
    nb.d(
      `    ${q('r = requests.get("https://api.mollie.com/v2/settlements", headers={"Authorization": f"Bearer {MOLLIE_KEY}"})\n')},`,
      'variable reference',
    );
    nb.l(`    ${q('orders.merge(pd.DataFrame(r.json()["_embedded"]["settlements"]), how="left").head(2)')}`);
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
    nb.s(`      ${q(`{'host': 'https://search.eushop.de', 'api_key': '${mk}', 'timeout': 5}\n`)}`, 'meilisearch', mk);
    nb.l('     ]', '    }', '   ],', '   "source": [');
    nb.l(
      `    ${q('import meilisearch, os\n')},`,
      `    ${q('client = meilisearch.Client("https://search.eushop.de", os.environ["MEILI_ADMIN_KEY"])\n')},`,
    );
    nb.l(`    ${q('print(client.config.__dict__)')}`);
    nb.l(
      '   ]',
      '  },',
      '  {',
      '   "cell_type": "code",',
      '   "execution_count": 4,',
      '   "metadata": {},',
      '   "outputs": [',
      '    {',
      '     "name": "stderr",',
      '     "output_type": "stream",',
      '     "text": [',
    );
    nb.d(
      `      ${q("OperationalError: (pymysql.err.OperationalError) (1045, \"Access denied for user 'analytics'@'10.0.3.7' (using password: YES)\")\n")}`,
      'error without value',
    );
    nb.l('     ]', '    }', '   ],', '   "source": [');
    nb.l(`    ${q('import Adyen\n')},`, `    ${q('adyen = Adyen.Adyen()\n')},`);
    nb.s(`    ${q(`adyen.client.xapikey = "${ak}"\n`)},`, 'adyen', ak);
    nb.d(
      `    ${q(`adyen.client.merchant_account = "EushopECOM"  # psp ${pspRef()}\n`)}`,
      'merchant account and psp reference',
    );
    nb.l(
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
  }

  // ==== Logs ====================================================================================
  const tlog = repo.file('logs/traefik/access.log', 'logs');
  {
    const basic = pwa();
    const tok = t.alnum(40);
    const swc = b64s(t.alnum(50)).replace(/=+$/, '');
    const ts = '2025-10-12T09:14:';
    tlog.d(
      `{"ClientHost":"203.0.113.7","RequestMethod":"GET","RequestPath":"/checkout/finish?orderId=${t.pick(HEX, 32)}","DownstreamStatus":200,"time":"${ts}01Z"}`,
      'order id in path',
    );
    tlog.s(
      `{"ClientHost":"10.0.1.31","RequestMethod":"POST","RequestPath":"/api/orders","request_Authorization":"Basic ${b64s(`shopware-sync:${basic}`)}","DownstreamStatus":201,"time":"${ts}02Z"}`,
      'generic',
      basic,
    );
    tlog.s(
      `{"ClientHost":"198.51.100.23","RequestMethod":"GET","RequestPath":"/feeds/google-shopping.xml?token=${tok}","DownstreamStatus":200,"time":"${ts}03Z"}`,
      'generic',
      tok,
    );
    tlog.d(
      `{"ClientHost":"198.51.100.23","RequestMethod":"GET","RequestPath":"/detail/${t.pick(HEX, 32)}","request_X-Api-Key":"-","DownstreamStatus":200,"time":"${ts}04Z"}`,
      'product id, empty header',
    );
    tlog.s(
      `{"ClientHost":"10.0.2.14","RequestMethod":"POST","RequestPath":"/api/oauth/token?grant_type=client_credentials&client_id=SWIA${t.mixed(UPPER + DIGIT, 22)}&client_secret=${swc}","DownstreamStatus":200,"time":"${ts}05Z"}`,
      'shopware',
      swc,
    );
    tlog.d(
      `203.0.113.7 - ops [12/Oct/2025:09:14:06 +0000] "GET /admin HTTP/2.0" 200 5123 "-" "Mozilla/5.0" 1843 "admin@file" "http://10.0.1.31:8000" 12ms`,
      'clf line with user name',
    );
    tlog.d(
      `{"ClientHost":"192.0.2.44","RequestMethod":"GET","RequestPath":"/account/order/${orderNo()}","request_Authorization":"Bearer [REDACTED]","DownstreamStatus":200,"time":"${ts}07Z"}`,
      'redacted',
    );
  }
  const slog = repo.file('logs/symfony/prod-2025-10-12.log', 'logs');
  {
    const amqp = pwa();
    const ak = adyenKey();
    const mol = mollieLive();
    slog.d(
      `[2025-10-12T09:14:22.103421+02:00] doctrine.ERROR: An exception occurred in the driver: SQLSTATE[HY000] [1045] Access denied for user 'shopware'@'10.0.1.5' (using password: YES) [] []`,
      'error without value',
    );
    slog.s(
      `[2025-10-12T09:14:23.551002+02:00] messenger.CRITICAL: Error thrown while handling message Shopware\\Core\\Framework\\MessageQueue\\ScheduledTask. {"exception":"[object] (AMQPConnectionException(code: 403): ACCESS_REFUSED)","dsn":"amqp://shopware:${amqp}@rabbitmq.eushop.internal:5672/%2f/messages"} []`,
      'generic',
      amqp,
    );
    slog.s(
      `[2025-10-12T09:15:01.000013+02:00] http_client.INFO: Request: "POST https://${t.pick(HEX, 16)}-EushopGmbH-checkout-live.adyenpayments.com/checkout/v71/payments" {"headers":{"X-API-Key":"${ak}","Content-Type":"application/json"}} []`,
      'adyen',
      ak,
    );
    slog.s(
      `[2025-10-12T09:15:02.412991+02:00] app.DEBUG: Mollie client initialised {"apiKey":"${mol}","profileId":"${mollieProfile()}"} []`,
      'mollie',
      mol,
    );
    slog.d(
      `[2025-10-12T09:15:03.000000+02:00] app.INFO: Order placed {"orderNumber":"${orderNo()}","vatId":"${vatAt()}","pspReference":"${pspRef()}"} []`,
      'order number, vat id, psp reference',
    );
    slog.d(
      `[2025-10-12T09:15:04.000000+02:00] app.INFO: SEPA mandate created {"iban":"${deIban()}","mandateId":"MD-${orderNo()}"} []`,
      'iban',
    );
    slog.d(
      '[2025-10-12T09:15:05.000000+02:00] security.INFO: Authentication failure {"user":"admin","password":"******"} []',
      'masked',
    );
  }
  const cilog = repo.file('logs/ci/job-48211.log', 'logs');
  {
    const dk = dckr();
    const hc = hcloud();
    cilog.l(
      'Running with gitlab-runner 17.4.0 (b92ee590)',
      '  on hetzner-autoscaler glrt-t3_, system ID: s_6b1c43f7e1d2',
    );
    cilog.d(`Using docker image sha256:${t.sha256()} for docker:27 ...`, 'image digest');
    cilog.d('Fetching changes with git depth set to 20...', 'plain');
    cilog.d(
      'Cloning repository for main with git depth 20 from https://gitlab-ci-token:[MASKED]@gitlab.eushop.de/eushop/platform.git',
      'masked',
    );
    cilog.s(`$ docker login -u eushopci -p ${dk}`, 'docker', dk);
    cilog.l('WARNING! Using --password via the CLI is insecure. Use --password-stdin.', 'Login Succeeded');
    cilog.s(`$ export HCLOUD_TOKEN=${hc}`, 'hetzner', hc);
    cilog.d('$ helm upgrade --install eushop ./deploy/helm/eushop --set payments.adyen.apiKey=[MASKED]', 'masked');
    cilog.d(`Job succeeded (commit ${t.sha1()})`, 'git sha');
  }

  // ==== Docs and misc ===========================================================================
  const rb = repo.file('docs/runbooks/payments.md', 'docs');
  {
    const cpw = pw();
    rb.l('# Payments runbook', '', '## Adyen');
    rb.s(`- Customer Area break-glass user \`ws_EushopECOM@Company.Eushop\`, password \`${cpw}\``, 'generic', cpw);
    rb.d(
      '- The web service user API key was rotated on 2025-09-01; the new key lives in 1Password (vault "Payments").',
      'prose',
    );
    rb.d('- Test card: `4111 1111 4555 1142`, expiry `03/30`, CVC `737` (Adyen test card).', 'adyen test card');
    rb.l('', '## Mollie');
    rb.d('- Use a `test_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx` key on staging.', 'placeholder');
    rb.d(
      `- Profile \`${mollieProfile()}\` is the storefront profile; settlements go to \`${deIban()}\`.`,
      'profile id and iban',
    );
    rb.l('', '## Refunds');
    rb.d(
      `- Look up the order (\`${orderNo()}\`), then the PSP reference (\`${pspRef()}\`), then refund in the Customer Area.`,
      'order and psp reference',
    );
  }
  const onb = repo.file('docs/onboarding.md', 'docs');
  {
    const hc = hcloud();
    onb.l('# Onboarding', '', '```sh');
    onb.d('export HCLOUD_TOKEN=<your-token>', 'placeholder');
    onb.d('hcloud context create eushop   # paste your personal token when asked', 'prose');
    onb.l('```', '', 'Read-only token for the staging project (rotate quarterly):', '');
    onb.s(`    HCLOUD_TOKEN=${hc} hcloud server list`, 'hetzner', hc);
    onb.l('');
    onb.d(
      'OVH API keys are created at https://eu.api.ovh.com/createToken/ (application key, application secret, consumer key).',
      'prose',
    );
    onb.d('Scaleway: `scw init` asks for the access key (`SCWXXXXXXXXXXXXXXXXX`) and the secret key.', 'placeholder');
  }
  const readme = repo.file('README.md', 'docs');
  readme.l(
    '# eushop platform',
    '',
    'Shopware 6 storefront, Sylius B2B shop, Magento (legacy DACH store) and the services around them.',
    '',
  );
  readme.d(`Company: Eushop GmbH, USt-IdNr. ${vatDe()}, Amtsgericht Berlin HRB ${t.digits(6)}`, 'vat id');
  readme.d(`Bank: ${deIban()} (BIC COBADEFFXXX)`, 'iban');
  readme.d('Copy `.env.example` to `.env.local` and set `ADYEN_API_KEY=your-api-key`.', 'placeholder');

  const envEx = repo.file('apps/storefront/.env.example', 'node');
  envEx.d('ADYEN_API_KEY=', 'empty');
  envEx.d('ADYEN_HMAC_KEY=<hmac-key-from-customer-area>', 'placeholder');
  envEx.d('STRIPE_SECRET_KEY=sk_live_...', 'placeholder');
  envEx.d('MOLLIE_API_KEY=live_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'placeholder');
  envEx.d('KLARNA_API_KEY=klarna_live_api_...', 'placeholder');
  envEx.d('BREVO_API_KEY=xkeysib-your-api-key', 'placeholder');
  envEx.d('ALGOLIA_ADMIN_KEY=${ALGOLIA_ADMIN_KEY}', 'env reference');

  const prods = repo.file('data/fixtures/products.csv', 'decoys');
  prods.l('sku;ean;name;price_gross;tax_rate');
  for (let i = 0; i < 4; i++) prods.d(`SW-${t.digits(5)};${ean13()};Kaffeebecher ${i};12.90;19`, 'ean');
  const b2b = repo.file('data/fixtures/b2b-customers.csv', 'decoys');
  b2b.l('customer_number;company;vat_id;iban');
  b2b.d(`K-${t.digits(6)};Müller Handels GmbH;${vatDe()};${deIban()}`, 'vat id and iban');
  b2b.d(`K-${t.digits(6)};Dupont SARL;${vatFr()};${frIban()}`, 'vat id and iban');
  b2b.d(`K-${t.digits(6)};Jansen B.V.;${vatNl()};${nlIban()}`, 'vat id and iban');
  b2b.d(`K-${t.digits(6)};Huber KG;${vatAt()};AT${t.digits(18)}`, 'vat id and iban');

  const pay = repo.file('services/backoffice/reconciliation/ids.py', 'decoys');
  pay.d(`STRIPE_PAYMENT_INTENT = "pi_${t.mixed(ALNUM, 24)}"`, 'stripe object id');
  pay.d(`STRIPE_CUSTOMER = "cus_${t.mixed(ALNUM, 14)}"`, 'stripe object id');
  pay.d(`PAYPAL_ORDER_ID = "${t.mixed(UPPER + DIGIT, 17)}"`, 'paypal order id');
  pay.d(`KLARNA_ORDER_ID = "${t.uuid()}"`, 'klarna order id');
  pay.d(`ADYEN_PSP_REFERENCE = "${pspRef()}"`, 'adyen psp reference');
  pay.d(`MOLLIE_PAYMENT_ID = "tr_${t.mixed(ALNUM, 10)}"`, 'mollie payment id');
  pay.d(`WEBHOOK_SIGNATURE_HEADER = "X-Mollie-Signature"`, 'header name');
  pay.d(`EXPORT_SHA256 = "${t.sha256()}"`, 'checksum');

  // ==== CLI configs, compiled env, more leaks ==================================================
  const envPhp = repo.file('apps/sylius/.env.local.php', 'php');
  {
    const sec = sfSecret();
    const ml = mollieLive();
    envPhp.l('<?php', '', '// This file was generated by running "composer dump-env prod"', '', 'return array (');
    envPhp.d("  'APP_ENV' => 'prod',", 'plain');
    envPhp.s(`  'APP_SECRET' => '${sec}',`, 'generic', sec);
    envPhp.s(`  'SYLIUS_MOLLIE_API_KEY' => '${ml}',`, 'mollie', ml);
    envPhp.d("  'JWT_SECRET_KEY' => '%kernel.project_dir%/config/jwt/private.pem',", 'file path');
    envPhp.l(');');
  }
  const envTest = repo.file('apps/sylius/.env.test', 'php');
  {
    const mt = `test_${t.mixed(ALNUM, 30)}`;
    envTest.l('KERNEL_CLASS=App\\Kernel');
    envTest.d("APP_SECRET='$ecretf0rt3st'", 'symfony recipe test default');
    envTest.s(`SYLIUS_MOLLIE_API_KEY=${mt}`, 'mollie', mt, 'warning');
    envTest.d('SYMFONY_DEPRECATIONS_HELPER=999999', 'plain');
  }
  const swPhp = repo.file('custom/plugins/EushopAdyenBridge/src/Service/ClientFactory.php', 'php');
  {
    const ak = adyenKey();
    swPhp.l(
      '<?php declare(strict_types=1);',
      '',
      'namespace Eushop\\AdyenBridge\\Service;',
      '',
      'use Adyen\\Client;',
      '',
      'final class ClientFactory',
      '{',
      '    public function create(): Client',
      '    {',
      '        $client = new Client();',
    );
    swPhp.s(`        $client->setXApiKey($_ENV['ADYEN_API_KEY'] ?? '${ak}');`, 'adyen', ak);
    swPhp.d(
      "        $client->setEnvironment(\\Adyen\\Environment::LIVE, $_ENV['ADYEN_LIVE_PREFIX'] ?? '');",
      'env reference',
    );
    swPhp.l('        return $client;', '    }', '}');
  }
  const hcli = repo.file('ops/home/.config/hcloud/cli.toml', 'credstore');
  {
    const a = hcloud();
    hcli.l('active_context = "eushop-prod"', '', '[[contexts]]', '  name = "eushop-prod"');
    hcli.s(`  token = "${a}"`, 'hetzner', a);
    hcli.l('', '[[contexts]]', '  name = "eushop-staging"');
    hcli.d('  token = ""', 'empty');
  }
  const scwc = repo.file('ops/home/.config/scw/config.yaml', 'credstore');
  {
    const sk = scwSecret();
    scwc.d(`access_key: ${scwAccess()}`, 'scaleway access key (identifier, not the secret)');
    scwc.s(`secret_key: ${sk}`, 'scaleway', sk);
    scwc.d(`default_organization_id: ${t.uuid()}`, 'scaleway organization id');
    scwc.d(`default_project_id: ${t.uuid()}`, 'scaleway project id');
    scwc.l('default_region: fr-par', 'default_zone: fr-par-2');
  }
  const ovhc = repo.file('ops/scripts/ovh.conf', 'credstore');
  {
    const as = ovhAs();
    const ck = ovhCk();
    ovhc.l('[default]', 'endpoint=ovh-eu', '', '[ovh-eu]');
    ovhc.d(`application_key=${ovhAk()}`, 'ovh application key (identifier)');
    ovhc.s(`application_secret=${as}`, 'ovh', as);
    ovhc.s(`consumer_key=${ck}`, 'ovh', ck);
  }
  const ovhPy = repo.file('ops/scripts/update_dns.py', 'python');
  {
    const as = ovhAs();
    const ck = ovhCk();
    ovhPy.l('import ovh', '', 'client = ovh.Client(', '    endpoint="ovh-eu",');
    ovhPy.d(`    application_key="${ovhAk()}",`, 'ovh application key (identifier)');
    ovhPy.s(`    application_secret="${as}",`, 'ovh', as);
    ovhPy.s(`    consumer_key="${ck}",`, 'ovh', ck);
    ovhPy.l(')', 'client.post("/domain/zone/eushop.fr/refresh")');
  }
  const hccm = repo.file('deploy/k8s/kube-system/hcloud-secret.yaml', 'k8s');
  {
    const hc = hcloud();
    hccm.l('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: hcloud', '  namespace: kube-system', 'data:');
    hccm.s(`  token: ${b64s(hc)}`, 'hetzner', hc);
    hccm.d(`  network: ${b64s('eushop-net')}`, 'base64 of a network name');
  }
  const sfProd = repo.file('apps/storefront/.env.production', 'node');
  {
    const alg = algoliaKey();
    const mk = meiliKey();
    sfProd.d(`NEXT_PUBLIC_ALGOLIA_APP_ID=${algoliaApp()}`, 'algolia app id');
    sfProd.s(`NEXT_PUBLIC_ALGOLIA_ADMIN_KEY=${alg}`, 'algolia', alg);
    sfProd.d(`NEXT_PUBLIC_MEILI_SEARCH_KEY=${meiliKey()}`, 'meilisearch search key (public, search action only)');
    sfProd.s(`MEILI_ADMIN_KEY=${mk}`, 'meilisearch', mk);
    sfProd.d(`NEXT_PUBLIC_GTM_ID=GTM-${t.mixed(UPPER + DIGIT, 7)}`, 'tag manager id');
  }
  const ppLog = repo.file('logs/symfony/paypal-2025-10-13.log', 'logs');
  {
    const at = `A21AA${t.mixed(URLSAFE, 92)}`;
    ppLog.s(
      `[2025-10-13T11:02:17.884120+02:00] paypal.DEBUG: POST /v2/checkout/orders {"headers":{"Authorization":"Bearer ${at}","PayPal-Request-Id":"${t.uuid()}"}} []`,
      'paypal',
      at,
    );
    ppLog.d(
      `[2025-10-13T11:02:18.001200+02:00] paypal.INFO: Order created {"id":"${t.mixed(UPPER + DIGIT, 17)}","status":"CREATED"} []`,
      'paypal order id',
    );
  }
  const glHc = repo.file('ops/scripts/snapshot.sh', 'shell');
  glHc.l('#!/usr/bin/env bash', 'set -euo pipefail');
  glHc.d('curl -fsS -H "Authorization: Bearer ${HCLOUD_TOKEN}" https://api.hetzner.cloud/v1/servers', 'variable');
  glHc.d('hcloud server create-image --type snapshot --description "nightly $(date +%F)" fsn1-web-1', 'plain');
  {
    const bs = bunnyStorage();
    glHc.s(
      `curl -fsS -X PUT -H "AccessKey: ${bs}" --data-binary @feed.xml https://storage.bunnycdn.com/eushop-feeds/google.xml`,
      'bunny',
      bs,
    );
  }

  return repo;
}
