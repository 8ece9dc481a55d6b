// Digital marketing and web agency monorepo (Brightline Digital): client WordPress and
// WooCommerce sites, Shopify themes and a Shopify app, Craft CMS and Statamic (PHP), a Next.js and
// a Gatsby starter, Netlify / Vercel configs, Contentful / Sanity / Strapi, Google / Meta / TikTok /
// LinkedIn Ads reporting in Python and Google Apps Script, a Looker Studio connector, HubSpot /
// Mailchimp / Klaviyo automations, Zapier and Make exports, SFTP / FTP deploy configs (FileZilla,
// WinSCP, lftp, .ftpconfig), cPanel / WHM / Plesk scripts, Cloudflare DNS, Lando / DDEV local dev,
// GitLab CI and Bitbucket Pipelines, Deployer / Envoy deploys, per-client .env files, logs, client
// handover docs, Basecamp / ClickUp / Slack exports and docs.
import { ALNUM, B64, DIGIT, HEX, LOWER, UPPER, URLSAFE, Repo, makeTokens, mulberry32 } from './generate.mjs';

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 6841 + 277);
  const t = makeTokens(rand);
  const repo = new Repo();
  const g = gens(t);
  wordpress(repo, t, g);
  woocommerce(repo, t, g);
  shopify(repo, t, g);
  craftStatamic(repo, t, g);
  headless(repo, t, g);
  adsReporting(repo, t, g);
  automation(repo, t, g);
  transfer(repo, t, g);
  deployTools(repo, t, g);
  hosting(repo, t, g);
  localDev(repo, t, g);
  ci(repo, t, g);
  logs(repo, t, g);
  collab(repo, t, g);
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
    'Harbour',
    'Summit',
    'Copper',
    'Meadow',
    'Lantern',
    'Saffron',
    'Bramble',
    'Kestrel',
    'Marigold',
    'Driftwood',
  ];
  const word = () => WORDS[Number(t.pick(DIGIT, 1))];
  // What people pick for client logins and shared agency accounts.
  const human = () => {
    const sym = t.pick('!#@*.', 1);
    switch (t.pick('0123', 1)) {
      case '0':
        return `${word()}20${t.pick('12', 1)}${t.pick(DIGIT, 1)}${sym}`;
      case '1':
        return `${word()}${sym}${t.pick(DIGIT, 2)}${word().toLowerCase()}`;
      case '2':
        return `Brightline${t.pick(DIGIT, 2)}${sym}${word()}`;
      default:
        return `${word().toLowerCase()}-${word()}-${t.pick(DIGIT, 4)}`;
    }
  };
  // Password-manager output; safe in XML, JSON, PHP single quotes, YAML and connection strings.
  const gen = (n = 20) => `${t.pick(UPPER + LOWER, 1)}${t.mixed(ALNUM + '!#*-_.^', n - 1)}`;
  const plain = (n = 18) => t.alnum(n);
  const hex32 = () => t.hex(32);
  const phpSer = (v) => {
    if (typeof v === 'string') return `s:${Buffer.byteLength(v)}:"${v}";`;
    if (typeof v === 'boolean') return `b:${v ? 1 : 0};`;
    if (typeof v === 'number') return `i:${v};`;
    const e = Object.entries(v);
    return `a:${e.length}:{${e.map(([k, x]) => phpSer(k) + phpSer(x)).join('')}}`;
  };
  const sqlEsc = (s) => s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/'/g, "\\'");
  return {
    b64,
    enc,
    b64url,
    human,
    gen,
    plain,
    phpSer,
    sqlEsc,
    pw: () => t.password(),
    wpSalt: () => t.mixed(ALNUM + '!@#%^&*()-_[]{}<>~+=,.;:/?|', 64),
    wpAppPassword: () => t.alnum(24).match(/.{4}/g).join(' '),
    phpass: () => `$P$B${t.mixed(ALNUM + './', 31)}`,
    bcrypt: () => `$2y$10$${t.mixed(ALNUM + './', 53)}`,
    acfKey: () =>
      enc(
        `order_id=${t.digits(5)}|type=developer|date=202${t.pick('1234', 1)}-0${t.pick('123456789', 1)}-1${t.pick(DIGIT, 1)} 1${t.pick(DIGIT, 1)}:${t.pick('012345', 1)}${t.pick(DIGIT, 1)}:0${t.pick(DIGIT, 1)}`,
      ),
    gfKey: hex32,
    // Shopify: every access token and shared secret is a prefix plus 32 hex.
    shpat: () => `shpat_${hex32()}`,
    shpca: () => `shpca_${hex32()}`,
    shppa: () => `shppa_${hex32()}`,
    shpss: () => `shpss_${hex32()}`,
    shptka: () => `shptka_${hex32()}`,
    prtapi: () => `prtapi_${hex32()}`,
    shopifyClientId: hex32,
    wooCk: () => `ck_${t.hex(40)}`,
    wooCs: () => `cs_${t.hex(40)}`,
    whsec: () => `whsec_${t.alnum(32)}`,
    pkLive: () => `pk_live_${t.alnum(24)}`,
    paypalClientId: () => `A${t.mixed(URLSAFE, 79)}`,
    paypalSecret: () => `E${t.mixed(URLSAFE, 79)}`,
    braintree: () => `access_token$production$${t.lower(16)}$${t.hex(32)}`,
    craftKey: () => t.mixed(URLSAFE, 32),
    craftLicense: () => t.mixed(UPPER + DIGIT, 24),
    laravelKey: () => `base64:${b64(43)}=`,
    pusherSecret: () => t.hex(20),
    eventbrite: () => t.mixed(UPPER + DIGIT, 20),
    contentfulCda: () => t.mixed(URLSAFE, 43),
    contentfulCma: () => `CFPAT-${t.mixed(URLSAFE, 43)}`,
    sanity: () => `sk${t.alnum(180)}`,
    strapiToken: () => t.hex(256),
    strapiKey: () => `${b64(22)}==`,
    netlify: () => `nfp_${t.alnum(40)}`,
    resend: () => `re_${t.alnum(8)}_${t.alnum(24)}`,
    cloudinarySecret: () => t.mixed(URLSAFE, 27),
    mapboxSk: () => `sk.${b64url(JSON.stringify({ u: 'brightline', a: t.lower(25) }))}.${t.mixed(URLSAFE, 22)}`,
    mapboxPk: () => `pk.${b64url(JSON.stringify({ u: 'brightline', a: t.lower(25) }))}.${t.mixed(URLSAFE, 22)}`,
    algoliaAppId: () => t.mixed(UPPER + DIGIT, 10),
    recaptcha: () => `6L${t.mixed(URLSAFE, 38)}`,
    // Google Ads / Google OAuth
    adsDevToken: () => t.mixed(URLSAFE, 22),
    gClientId: () => `${t.digits(12)}-${t.pick(LOWER + DIGIT, 32)}.apps.googleusercontent.com`,
    gClientSecret: () => `GOCSPX-${t.mixed(URLSAFE, 28)}`,
    gRefresh: () => `1//0${t.pick('3459cg', 1)}${t.mixed(URLSAFE, 98)}`,
    gAccess: () => `ya29.a0${t.mixed(URLSAFE, 160)}`,
    adsCustomer: () => `${t.digits(3)}-${t.pick(DIGIT, 3)}-${t.pick(DIGIT, 4)}`,
    ga4: () => `G-${t.mixed(UPPER + DIGIT, 10)}`,
    gtm: () => `GTM-${t.mixed(UPPER + DIGIT, 7)}`,
    mpSecret: () => t.mixed(URLSAFE, 22),
    metaToken: () => `EAA${t.pick('BGIJ', 1)}${t.alnum(186)}`,
    metaAppSecret: hex32,
    metaAppId: () => t.digits(16),
    tiktokToken: () => t.hex(40),
    linkedinToken: () => `AQ${t.pick('UVWX', 1)}${t.mixed(URLSAFE, 340)}`,
    linkedinSecret: () => t.alnum(16),
    msAdsDevToken: () => t.mixed(UPPER + DIGIT, 16),
    // marketing automation
    hubspot: (region = 'eu1') => `pat-${region}-${t.uuid()}`,
    mailchimp: () => `${t.hex(32)}-us${t.pick('12', 1)}${t.pick('0123456789', 1)}`,
    mandrill: () => `md-${t.mixed(URLSAFE, 22)}`,
    klaviyo: () => `pk_${t.hex(34)}`,
    klaviyoPublic: () => t.mixed(ALNUM, 6),
    mailgun: () => `key-${t.hex(32)}`,
    postmark: () => t.uuid(),
    zapierHook: () => `https://hooks.zapier.com/hooks/catch/${t.digits(8)}/${t.mixed(LOWER + DIGIT, 7)}/`,
    makeHook: () => `https://hook.eu1.make.com/${t.mixed(LOWER + DIGIT, 32)}`,
    typeform: () => `tfp_${t.mixed(URLSAFE, 44)}_${t.alnum(14)}`,
    airtable: () => `pat${t.alnum(14)}.${t.hex(64)}`,
    clickup: () => `pk_${t.digits(8)}_${t.mixed(UPPER + DIGIT, 32)}`,
    asana: () => `2/${t.digits(16)}/${t.digits(16)}:${t.hex(32)}`,
    basecamp: () => `BAhbB0kiAbB7${t.mixed(ALNUM, 180)}--${t.hex(40)}`,
    notion: () => `secret_${t.alnum(43)}`,
    figma: () => `figd_${t.mixed(URLSAFE, 40)}`,
    slackUser: () => `xoxp-${t.digits(12)}-${t.digits(12)}-${t.digits(13)}-${t.hex(32)}`,
    sentryOrg: () =>
      `sntrys_${enc(JSON.stringify({ iat: 1733011200, url: 'https://sentry.io', region_url: 'https://de.sentry.io', org: 'brightline-digital' })).replace(/=+$/, '')}_${t.alnum(43)}`,
    sentryDsn: () => `https://${t.hex(32)}@o${t.digits(6)}.ingest.de.sentry.io/${t.digits(7)}`,
    // hosting
    cfGlobal: () => t.hex(37),
    cfId: hex32,
    cpanel: () => t.mixed(UPPER + DIGIT, 32),
    plesk: () => t.uuid(),
    winscp: () => `A35C${t.pick('0123456789ABCDEF', 76)}`,
    b2KeyId: () => `005${t.pick(HEX, 12)}00000000${t.pick(DIGIT, 2)}`,
    b2Key: () => `K005${t.mixed(ALNUM + '/+', 27)}`,
    rcloneObscured: () => t.mixed(URLSAFE, 44),
    bitbucketAppPw: () => t.alnum(20),
    glrt: () => `glrt-${t.mixed(URLSAFE, 20)}`,
    gldt: () => `gldt-${t.mixed(URLSAFE, 20)}`,
    semrush: hex32,
    pubPem: () => [
      '-----BEGIN PUBLIC KEY-----',
      `MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA${b64(20)}`,
      b64(64),
      b64(64),
      `${b64(56)}IDAQAB`,
      '-----END PUBLIC KEY-----',
    ],
    cert: () => [
      '-----BEGIN CERTIFICATE-----',
      `MIIFazCCBFOgAwIBAgISA${b64(43)}`,
      ...Array.from({ length: 6 }, () => b64(64)),
      '-----END CERTIFICATE-----',
    ],
  };
}

// ---- WordPress: Harbour Coffee Roasters and Meadowbank Dental ----------------------------

function wordpress(repo, t, g) {
  const base = 'clients/harbour-coffee/wordpress';
  const w = repo.file(`${base}/wp-config.php`, 'php');
  const dbPw = g.gen(20);
  w.l(
    '<?php',
    '/**',
    ' * Harbour Coffee Roasters - production (cPanel account harbourc on web03.brightline-hosting.net)',
    ' * Managed by Brightline Digital. Do not edit on the server, deploy from GitLab.',
    ' */',
    "define( 'DB_NAME', 'harbourc_wp' );",
    "define( 'DB_USER', 'harbourc_wpuser' );",
  );
  w.s(`define( 'DB_PASSWORD', '${dbPw}' );`, 'generic', dbPw);
  w.l("define( 'DB_HOST', 'localhost' );", "define( 'DB_CHARSET', 'utf8mb4' );", "define( 'DB_COLLATE', '' );", '');
  for (const k of [
    'AUTH_KEY',
    'SECURE_AUTH_KEY',
    'LOGGED_IN_KEY',
    'NONCE_KEY',
    'AUTH_SALT',
    'SECURE_AUTH_SALT',
    'LOGGED_IN_SALT',
    'NONCE_SALT',
  ]) {
    const salt = g.wpSalt();
    w.s(`define( '${k}',${' '.repeat(17 - k.length)}'${salt}' );`, 'generic', salt);
  }
  w.l('', '/* WP Mail SMTP - SendGrid mailer */', "define( 'WPMS_ON', true );", "define( 'WPMS_MAILER', 'sendgrid' );");
  const sg = t.sendgrid();
  w.s(`define( 'WPMS_SENDGRID_API_KEY', '${sg}' );`, 'sendgrid', sg);
  w.l('', '/* premium plugin licences */');
  const acf = g.acfKey();
  w.s(`define( 'ACF_PRO_LICENSE', '${acf}' );`, 'generic', acf);
  const gf = g.gfKey();
  w.s(`define( 'GF_LICENSE_KEY', '${gf}' );`, 'generic', gf);
  w.d("define( 'WP_CACHE_KEY_SALT', 'harbourcoffee.co.uk:' );", 'object cache key prefix (a namespace, not a secret)');
  w.l(
    "$table_prefix = 'hc_';",
    "define( 'WP_DEBUG', false );",
    "define( 'DISALLOW_FILE_EDIT', true );",
    "if ( ! defined( 'ABSPATH' ) ) { define( 'ABSPATH', __DIR__ . '/' ); }",
    "require_once ABSPATH . 'wp-settings.php';",
  );

  const smp = repo.file(`${base}/wp-config-sample.php`, 'php');
  smp.l('<?php', "define( 'DB_NAME', 'database_name_here' );", "define( 'DB_USER', 'username_here' );");
  smp.d("define( 'DB_PASSWORD', 'password_here' );", 'core sample placeholder');
  smp.d("define( 'AUTH_KEY',         'put your unique phrase here' );", 'core sample placeholder');
  smp.l("define( 'NONCE_SALT',       'put your unique phrase here' );");

  const cli = repo.file(`${base}/wp-cli.yml`, 'php');
  const stagingPw = g.plain(16);
  const cliDb = g.gen(18);
  cli.l('path: .', 'url: https://harbourcoffee.co.uk', 'user: brightline-admin', '');
  cli.l('@production:', '  ssh: harbourc@web03.brightline-hosting.net:22/home/harbourc/public_html', '@staging:');
  cli.l('  ssh: brightline@staging.brightline-hosting.net/var/www/harbour-staging');
  cli.s(`  http: https://harbour:${stagingPw}@staging.harbourcoffee.co.uk`, 'generic', stagingPw);
  cli.l('', 'config create:', '  dbname: harbourc_wp', '  dbuser: harbourc_wpuser');
  cli.s(`  dbpass: ${cliDb}`, 'generic', cliDb);
  cli.l('  extra-php: |', "    define( 'WP_ENVIRONMENT_TYPE', 'production' );");

  const auth = repo.file(`${base}/auth.json`, 'php');
  const acf2 = g.acfKey();
  const ghTok = t.github();
  const dbLic = t.uuid();
  auth.l('{', '  "http-basic": {', '    "connect.advancedcustomfields.com": {');
  auth.s(`      "username": "${acf2}",`, 'generic', acf2);
  auth.d('      "password": "https://harbourcoffee.co.uk"', 'site url (acf uses it as the password field)');
  auth.l('    },', '    "composer.deliciousbrains.com": {');
  auth.s(`      "username": "${dbLic}",`, 'generic', dbLic);
  auth.l('      "password": "harbourcoffee.co.uk"');
  auth.l('    }', '  },', '  "github-oauth": {');
  auth.s(`    "github.com": "${ghTok}"`, 'github', ghTok);
  auth.l('  }', '}');

  const fn = repo.file(`${base}/wp-content/themes/harbour/functions.php`, 'php');
  const mc = g.mailchimp();
  const kl = g.klaviyo();
  const rc = g.recaptcha();
  fn.l('<?php', "require_once __DIR__ . '/inc/blocks.php';", '', "add_action( 'wp_enqueue_scripts', function () {");
  fn.d(
    `    wp_enqueue_script( 'klaviyo', 'https://static.klaviyo.com/onsite/js/klaviyo.js?company_id=${g.klaviyoPublic()}', array(), null, true );`,
    'klaviyo public site id',
  );
  fn.d(
    `    wp_enqueue_script( 'recaptcha', 'https://www.google.com/recaptcha/api.js?render=${g.recaptcha()}' );`,
    'recaptcha site key (public)',
  );
  fn.l('} );', '');
  fn.l(`define( 'HC_GA4_ID', '${g.ga4()}' );`);
  fn.l(`define( 'HC_GTM_ID', '${g.gtm()}' );`);
  fn.s(`define( 'HC_MAILCHIMP_KEY', '${mc}' );`, 'mailchimp', mc);
  fn.l(`define( 'HC_MAILCHIMP_AUDIENCE', '${t.hex(10)}' );`);
  fn.l('', 'function hc_klaviyo_subscribe( $email ) {');
  fn.l("    return wp_remote_post( 'https://a.klaviyo.com/api/profile-subscription-bulk-create-jobs/', array(");
  fn.s(
    `        'headers' => array( 'Authorization' => 'Klaviyo-API-Key ${kl}', 'revision' => '2024-10-15' ),`,
    'klaviyo',
    kl,
  );
  fn.l("        'body'    => wp_json_encode( hc_klaviyo_payload( $email ) ),", '    ) );', '}', '');
  fn.l('function hc_verify_recaptcha( $token ) {');
  fn.s(
    `    $r = wp_remote_post( 'https://www.google.com/recaptcha/api/siteverify', array( 'body' => array( 'secret' => '${rc}', 'response' => $token ) ) );`,
    'recaptcha',
    rc,
  );
  fn.l('    return json_decode( wp_remote_retrieve_body( $r ) )->success;', '}');
  fn.l("$hc_shop_key = get_option( 'hc_shop_api_key' );");

  const sql = repo.file('clients/harbour-coffee/backups/harbourc_wp-2025-05-02.sql', 'sql');
  const mcOpt = g.mailchimp();
  const sk = t.stripeLive();
  const mdbLic = t.uuid();
  sql.l(
    '-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)',
    '--',
    '-- Host: localhost    Database: harbourc_wp',
    '-- ------------------------------------------------------',
    '',
    'LOCK TABLES `hc_options` WRITE;',
    'INSERT INTO `hc_options` (`option_id`, `option_name`, `option_value`, `autoload`) VALUES',
    "(1,'siteurl','https://harbourcoffee.co.uk','yes'),",
    "(2,'home','https://harbourcoffee.co.uk','yes'),",
  );
  sql.s(
    `(418,'mc4wp','${g.sqlEsc(g.phpSer({ api_key: mcOpt, allow_usage_tracking: 0 }))}','yes'),`,
    'mailchimp',
    mcOpt,
  );
  sql.s(
    `(502,'woocommerce_stripe_settings','${g.sqlEsc(g.phpSer({ enabled: 'yes', title: 'Credit Card (Stripe)', testmode: 'no', publishable_key: g.pkLive(), secret_key: sk }))}','yes'),`,
    'stripe',
    sk,
  );
  sql.s(
    `(611,'wpmdb_settings','${g.sqlEsc(g.phpSer({ key: t.alnum(40), allow_pull: true, allow_push: false, licence: mdbLic }))}','no'),`,
    'generic',
    mdbLic,
  );
  sql.l(`(702,'_transient_timeout_wc_report_sales_by_date','${1746230400 + Number(t.digits(4))}','no'),`);
  sql.l(`(703,'_site_transient_update_core_hash','${t.sha1()}','no');`);
  sql.l('UNLOCK TABLES;', '', 'LOCK TABLES `hc_users` WRITE;');
  sql.d(
    `INSERT INTO \`hc_users\` VALUES (1,'brightline-admin','${g.phpass()}','brightline-admin','dev@brightline.digital','','2019-03-04 10:12:00','',0,'Brightline');`,
    'phpass password hash',
  );
  sql.d(
    `INSERT INTO \`hc_users\` VALUES (2,'sarah.harbour','$wp${g.bcrypt()}','sarah-harbour','sarah@harbourcoffee.co.uk','','2019-03-05 09:00:00','',0,'Sarah');`,
    'wordpress bcrypt hash',
  );
  sql.l('UNLOCK TABLES;');

  const ht = repo.file('clients/harbour-coffee/wordpress/.htpasswd', 'php');
  ht.d(`harbour:$apr1$${t.alnum(8)}$${t.mixed(ALNUM + './', 22)}`, 'apr1 hash');
  ht.l(`brightline:${g.bcrypt()}`);

  // Meadowbank Dental: Bedrock layout, salts and keys in .env
  const m = repo.file('clients/meadowbank-dental/site/.env', 'env');
  const mDb = g.plain(20);
  const mSmtp = g.human();
  m.l('# Meadowbank Dental - Bedrock, production (Plesk, plesk02.brightline-hosting.net)');
  m.s(`DATABASE_URL='mysql://meadowb_wp:${mDb}@127.0.0.1:3306/meadowb_wp'`, 'database', mDb);
  m.l('WP_ENV=production', 'WP_HOME=https://meadowbankdental.co.uk', 'WP_SITEURL=${WP_HOME}/wp');
  for (const k of ['AUTH_KEY', 'SECURE_AUTH_KEY']) {
    const salt = g.wpSalt();
    m.s(`${k}='${salt}'`, 'generic', salt);
  }
  m.d("AUTH_SALT='generateme'", 'bedrock template placeholder');
  m.l('SMTP_HOST=smtp.office365.com', 'SMTP_USER=reception@meadowbankdental.co.uk');
  m.s(`SMTP_PASS="${mSmtp}"`, 'generic', mSmtp);
  const dentally = t.mixed(URLSAFE, 43);
  m.s(`DENTALLY_API_TOKEN=${dentally}`, 'generic', dentally);

  const me = repo.file('clients/meadowbank-dental/site/.env.example', 'env');
  me.d(
    "DATABASE_URL='mysql://database_user:database_password@database_host:database_port/database_name'",
    'bedrock placeholder',
  );
  me.l("AUTH_KEY='generateme'");
  me.l('SMTP_PASS=');
  me.d('DENTALLY_API_TOKEN=<ask-brightline-for-token>', 'placeholder');

  const smtp = repo.file('clients/meadowbank-dental/site/web/app/mu-plugins/smtp.php', 'php');
  smtp.l('<?php', '/* Plugin Name: Meadowbank SMTP */', "add_action( 'phpmailer_init', function ( $m ) {");
  smtp.l('    $m->isSMTP();', "    $m->Host = env( 'SMTP_HOST' );", '    $m->SMTPAuth = true;');
  smtp.l("    $m->Username = env( 'SMTP_USER' );");
  smtp.l("    $m->Password = env( 'SMTP_PASS' );");
  smtp.l("    $m->SMTPSecure = 'tls';", '    $m->Port = 587;', '} );');
}

// ---- WooCommerce: Northfield Outdoors -----------------------------------------------------

function woocommerce(repo, t, g) {
  const e = repo.file('clients/northfield-outdoors/site/.env', 'env');
  const db = g.plain(22);
  const sk = t.stripeLive();
  const pp = g.paypalSecret();
  const bt = g.braintree();
  e.l('# Northfield Outdoors - WooCommerce (Bedrock) on Cloudways');
  e.l('DB_NAME=northf_wp', 'DB_USER=northf_wp');
  e.s(`DB_PASSWORD=${db}`, 'generic', db);
  e.l('DB_HOST=localhost', 'WP_ENV=production', 'WP_HOME=https://northfieldoutdoors.com');
  e.d(`STRIPE_PUBLISHABLE_KEY=${g.pkLive()}`, 'stripe publishable key (public by design)');
  e.s(`STRIPE_SECRET_KEY=${sk}`, 'stripe', sk);
  e.d(`PAYPAL_CLIENT_ID=${g.paypalClientId()}`, 'paypal client id (used in the public js sdk url)');
  e.s(`PAYPAL_CLIENT_SECRET=${pp}`, 'paypal', pp);
  e.s(`BRAINTREE_ACCESS_TOKEN=${bt}`, 'braintree', bt);

  const sy = repo.file('clients/northfield-outdoors/integrations/erp-sync/sync.py', 'python');
  const ck = g.wooCk();
  const cs = g.wooCs();
  const erp = t.alnum(40);
  sy.l(
    '"""Nightly stock sync between Northfield\'s Unleashed ERP and WooCommerce."""',
    'import hashlib, hmac, base64, os',
    'import requests',
    'from woocommerce import API',
    '',
    'wcapi = API(',
    '    url="https://northfieldoutdoors.com",',
    `    consumer_key="${ck}",`,
  );
  sy.s(`    consumer_secret="${cs}",`, 'woocommerce', cs);
  sy.l('    version="wc/v3",', '    timeout=30,', ')', '');
  sy.d(`UNLEASHED_API_ID = "${t.uuid()}"`, 'unleashed api id (account identifier)');
  sy.s(`UNLEASHED_API_KEY = "${erp}"`, 'generic', erp);
  sy.l(
    '',
    'def unleashed_get(path, query=""):',
    '    sig = base64.b64encode(hmac.new(UNLEASHED_API_KEY.encode(), query.encode(), hashlib.sha256).digest())',
    '    return requests.get(f"https://api.unleashedsoftware.com/{path}?{query}",',
    '                        headers={"api-auth-id": UNLEASHED_API_ID, "api-auth-signature": sig}).json()',
  );
  sy.l('SLACK_WEBHOOK = os.environ.get("NORTHFIELD_SLACK_WEBHOOK", "")');

  const sh = repo.file('clients/northfield-outdoors/site/web/app/themes/northfield/inc/shipping.php', 'php');
  const ssKey = t.hex(32);
  const ssSec = t.hex(32);
  const rm = t.uuid();
  sh.l('<?php', '// ShipStation + Royal Mail Click & Drop for the Northfield warehouse');
  sh.l(`const NF_SHIPSTATION_KEY = '${ssKey}';`);
  sh.s(`const NF_SHIPSTATION_SECRET = '${ssSec}';`, 'generic', ssSec);
  sh.s(`const NF_CLICKDROP_API_KEY = '${rm}';`, 'generic', rm);
  sh.l('', 'function nf_shipstation_request( $path ) {');
  sh.l(
    "    return wp_remote_get( 'https://ssapi.shipstation.com' . $path, array( 'headers' => array( 'Authorization' => 'Basic ' . base64_encode( NF_SHIPSTATION_KEY . ':' . NF_SHIPSTATION_SECRET ) ) ) );",
  );
  sh.l('}');

  const wc = repo.file('clients/northfield-outdoors/integrations/erp-sync/tests/test_sync.py', 'python');
  wc.l('from sync import map_product', '', '# fake credentials for the vcr cassettes; never valid');
  wc.d('FAKE_CK = "ck_0000000000000000000000000000000000000000"', 'zeroed test fixture');
  wc.d('FAKE_CS = "cs_test_not_a_real_secret"', 'test fixture marked fake');
}

// ---- Shopify: Lumen Skincare theme and the Copperline Bikes B2B app -----------------------

function shopify(repo, t, g) {
  const th = repo.file('clients/lumen-skincare/theme/shopify.theme.toml', 'toml');
  const prod = g.shptka();
  const stage = g.shptka();
  th.l('[environments.production]', 'store = "lumen-skincare.myshopify.com"');
  th.s(`password = "${prod}"`, 'shopify', prod);
  th.l(`theme = "${t.digits(12)}"`, '', '[environments.staging]', 'store = "lumen-skincare-staging.myshopify.com"');
  th.s(`password = "${stage}"`, 'shopify', stage);
  th.l(`theme = "${t.digits(12)}"`, 'ignore = ["config/settings_data.json"]');

  const ck = repo.file('clients/lumen-skincare/theme/config.yml', 'yaml');
  const legacy = g.shppa();
  ck.l('# Theme Kit (legacy, pre-CLI 3). Kept for the old holiday theme.', 'production:');
  ck.s(`  password: ${legacy}`, 'shopify', legacy);
  ck.l(`  theme_id: "${t.digits(12)}"`, '  store: lumen-skincare.myshopify.com', '  ignore_files:');
  ck.l('    - config/settings_data.json', 'development:');
  ck.d('  password: ${SHOPIFY_THEME_PASSWORD}', 'env interpolation');
  ck.l(`  theme_id: "${t.digits(12)}"`, '  store: lumen-skincare-staging.myshopify.com');

  const lq = repo.file('clients/lumen-skincare/theme/snippets/storefront-config.liquid', 'liquid');
  lq.l('{% comment %} Used by the headless quiz widget (Storefront API, read-only scopes) {% endcomment %}');
  lq.l('<script>', '  window.LumenConfig = {', "    shop: '{{ shop.permanent_domain }}',");
  lq.d(`    storefrontToken: '${t.hex(32)}',`, 'storefront api public access token (client-side by design)');
  lq.l(`    klaviyoCompanyId: '${g.klaviyoPublic()}',`);
  lq.l(`    ga4: '${g.ga4()}'`);
  lq.l('  };', '</script>');

  const rb = repo.file('clients/lumen-skincare/scripts/bulk_metafields.rb', 'ruby');
  const rbSec = g.shpss();
  const rbTok = g.shpat();
  rb.l(
    "require 'shopify_api'",
    '',
    '# one-off: backfill ingredient metafields from the PIM export',
    'ShopifyAPI::Context.setup(',
  );
  rb.d(`  api_key: '${g.shopifyClientId()}',`, 'shopify app api key (public client id)');
  rb.s(`  api_secret_key: '${rbSec}',`, 'shopify', rbSec);
  rb.l("  host: 'https://lumen-tools.brightline.digital',", "  scope: 'write_products',", '  is_embedded: false,');
  rb.l("  api_version: '2025-01',", '  is_private: true,', ')', '');
  rb.s(
    `session = ShopifyAPI::Auth::Session.new(shop: 'lumen-skincare.myshopify.com', access_token: '${rbTok}')`,
    'shopify',
    rbTok,
  );
  rb.l("fallback = ShopifyAPI::Auth::Session.new(shop: ENV['SHOP'], access_token: ENV.fetch('SHOPIFY_TOKEN'))");
  rb.l('client = ShopifyAPI::Clients::Graphql::Admin.new(session: session)');

  const app = 'clients/copperline-bikes/b2b-app';
  const toml = repo.file(`${app}/shopify.app.toml`, 'toml');
  toml.l('# Learn more about configuring your app at https://shopify.dev/docs/apps/tools/cli/configuration');
  toml.d(`client_id = "${g.shopifyClientId()}"`, 'shopify client id (public)');
  toml.l(
    'name = "Copperline Trade Portal"',
    'handle = "copperline-trade-portal"',
    'application_url = "https://trade.copperlinebikes.com"',
    'embedded = true',
    '',
    '[access_scopes]',
    'scopes = "read_customers,write_draft_orders,read_products"',
    '',
    '[webhooks]',
    'api_version = "2025-01"',
  );

  const env = repo.file(`${app}/.env`, 'env');
  const appSec = g.shpss();
  const part = g.prtapi();
  const pg = g.plain(20);
  env.d(`SHOPIFY_API_KEY=${g.shopifyClientId()}`, 'shopify client id (public)');
  env.s(`SHOPIFY_API_SECRET=${appSec}`, 'shopify', appSec);
  env.s(`SHOPIFY_CLI_PARTNERS_TOKEN=${part}`, 'shopify', part);
  env.l('SCOPES=read_customers,write_draft_orders,read_products', 'HOST=https://trade.copperlinebikes.com');
  env.s(`DATABASE_URL=postgresql://copperline:${pg}@db-eu1.brightline-hosting.net:5432/copperline_app`, 'database', pg);

  const inv = repo.file(`${app}/scripts/sync-inventory.mjs`, 'js');
  const custom = g.shpca();
  const sentry = g.sentryDsn();
  inv.l(
    "import { createAdminApiClient } from '@shopify/admin-api-client';",
    '',
    '// Custom app "Copperline ERP bridge" on the main store (not the public app)',
  );
  inv.s(
    `const client = createAdminApiClient({ storeDomain: 'copperline-bikes.myshopify.com', apiVersion: '2025-01', accessToken: '${custom}' });`,
    'shopify',
    custom,
  );
  inv.d(`Sentry.init({ dsn: '${sentry}' });`, 'sentry dsn (public ingest id)');
  inv.l("const token = process.env.SHOPIFY_ADMIN_TOKEN ?? '';");

  const wh = repo.file(`${app}/app/routes/webhooks.orders-create.jsx`, 'js');
  wh.l("import { authenticate } from '../shopify.server';", '', 'export const action = async ({ request }) => {');
  wh.l("  const hmac = request.headers.get('X-Shopify-Hmac-Sha256');");
  wh.l('  const { topic, shop, payload } = await authenticate.webhook(request);', '  return new Response();', '};');

  const fx = repo.file(`${app}/tests/fixtures/orders-create.http`, 'http');
  fx.l('POST http://localhost:3000/webhooks/orders/create', 'X-Shopify-Topic: orders/create');
  fx.d(`X-Shopify-Hmac-Sha256: ${g.b64(43)}=`, 'request signature (hmac digest), not a key');
  fx.l('X-Shopify-Shop-Domain: copperline-bikes-dev.myshopify.com', 'Content-Type: application/json', '');
  fx.l('{"id": 820982911946154508, "email": "jon@example.com", "total_price": "254.98"}');
}

// ---- Craft CMS (Alder Architects) and Statamic (Kestrel Festival) --------------------------

function craftStatamic(repo, t, g) {
  const c = repo.file('clients/alder-architects/craft/.env', 'env');
  const key = g.craftKey();
  const db = g.gen(20);
  const mg = g.mailgun();
  c.l('# Read about configuration, here: https://craftcms.com/docs/5.x/configure.html');
  c.d(`CRAFT_APP_ID=CraftCMS--${t.uuid()}`, 'craft app id (cache/session namespace)');
  c.l('CRAFT_ENVIRONMENT=production');
  c.s(`CRAFT_SECURITY_KEY=${key}`, 'generic', key);
  c.l('CRAFT_DB_DRIVER=mysql', 'CRAFT_DB_SERVER=127.0.0.1', 'CRAFT_DB_DATABASE=alder_craft', 'CRAFT_DB_USER=alder');
  c.s(`CRAFT_DB_PASSWORD="${db}"`, 'generic', db);
  c.l('PRIMARY_SITE_URL=https://alderarchitects.com', 'MAILGUN_DOMAIN=mg.alderarchitects.com');
  c.s(`MAILGUN_API_KEY=${mg}`, 'mailgun', mg);

  const ce = repo.file('clients/alder-architects/craft/.env.example.production', 'env');
  ce.l('CRAFT_SECURITY_KEY=');
  ce.l('CRAFT_DB_PASSWORD=');
  ce.d('MAILGUN_API_KEY=key-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'placeholder');

  const py = repo.file('clients/alder-architects/craft/config/project/project.yaml', 'yaml');
  const seo = g.craftLicense();
  const smtpPw = g.human();
  py.l('dateModified: 1745311200', 'email:', '  fromEmail: studio@alderarchitects.com', '  fromName: Alder Architects');
  py.l('  transportType: craft\\mail\\transportadapters\\Smtp', '  transportSettings:', '    host: smtp.office365.com');
  py.l('    port: 587', '    useAuthentication: true', '    username: studio@alderarchitects.com');
  py.s(`    password: '${smtpPw}'`, 'generic', smtpPw);
  py.l('plugins:', '  formie:', '    edition: pro', '    enabled: true');
  py.d('    licenseKey: $FORMIE_LICENSE_KEY', 'env var reference');
  py.l('    schemaVersion: 3.0.6', '  seomatic:', '    edition: standard', '    enabled: true');
  py.s(`    licenseKey: ${seo}`, 'generic', seo);
  py.l(
    '    schemaVersion: 3.0.12',
    'system:',
    '  edition: pro',
    '  name: Alder Architects',
    '  schemaVersion: 5.0.0.20',
  );

  const dbp = repo.file('clients/alder-architects/craft/config/db.php', 'php');
  const fallback = g.gen(18);
  dbp.l(
    '<?php',
    '',
    'use craft\\helpers\\App;',
    '',
    'return [',
    "    'driver' => App::env('CRAFT_DB_DRIVER') ?: 'mysql',",
  );
  dbp.l(
    "    'server' => App::env('CRAFT_DB_SERVER') ?: '127.0.0.1',",
    "    'user' => App::env('CRAFT_DB_USER') ?: 'alder',",
  );
  dbp.s(`    'password' => App::env('CRAFT_DB_PASSWORD') ?: '${fallback}',`, 'generic', fallback);
  dbp.l("    'database' => App::env('CRAFT_DB_DATABASE'),");
  dbp.l('];');

  const gen = repo.file('clients/alder-architects/craft/config/general.php', 'php');
  gen.l(
    '<?php',
    '',
    'use craft\\config\\GeneralConfig;',
    'use craft\\helpers\\App;',
    '',
    'return GeneralConfig::create()',
  );
  gen.l("    ->securityKey(App::env('CRAFT_SECURITY_KEY'))");
  gen.l('    ->devMode(App::devMode())', '    ->omitScriptNameInUrls()', ';');

  const s = repo.file('clients/kestrel-festival/statamic/.env', 'env');
  const appKey = g.laravelKey();
  const sdb = g.plain(20);
  const pusherSec = g.pusherSecret();
  const eb = g.eventbrite();
  s.l('APP_NAME="Kestrel Festival"', 'APP_ENV=production');
  s.s(`APP_KEY=${appKey}`, 'generic', appKey);
  s.l('APP_DEBUG=false', 'APP_URL=https://kestrelfestival.co.uk', '', 'DB_CONNECTION=mysql', 'DB_DATABASE=kestrel');
  s.l('DB_USERNAME=kestrel');
  s.s(`DB_PASSWORD=${sdb}`, 'generic', sdb);
  s.l('STATAMIC_GIT_ENABLED=true', 'BROADCAST_DRIVER=pusher');
  s.l(`PUSHER_APP_ID=${t.digits(7)}`);
  s.d(`PUSHER_APP_KEY=${t.hex(20)}`, 'pusher app key (public, used by the browser client)');
  s.s(`PUSHER_APP_SECRET=${pusherSec}`, 'pusher', pusherSec);
  s.l('PUSHER_APP_CLUSTER=eu', 'MAIL_MAILER=postmark');
  s.s(`EVENTBRITE_PRIVATE_TOKEN=${eb}`, 'eventbrite', eb);
  s.l('VITE_PUSHER_APP_KEY="${PUSHER_APP_KEY}"');

  const tk = repo.file('clients/kestrel-festival/statamic/app/Services/TicketSync.php', 'php');
  const eb2 = g.eventbrite();
  tk.l(
    '<?php',
    '',
    'namespace App\\Services;',
    '',
    'use Illuminate\\Support\\Facades\\Http;',
    '',
    'class TicketSync',
    '{',
  );
  tk.l("    private const ORG = 'kestrel-festival';", '', '    public function events(): array', '    {');
  tk.s(
    `        return Http::withToken('${eb2}')->get('https://www.eventbriteapi.com/v3/organizations/' . self::ORG . '/events/')->json();`,
    'eventbrite',
    eb2,
  );
  tk.l('    }', '');
  tk.l("    private function token(): string { return config('services.eventbrite.token'); }");
  tk.l('}');
}

// ---- Headless: Next.js + Sanity starter, Gatsby + Contentful, Strapi -----------------------

function headless(repo, t, g) {
  const n = repo.file('starters/next-sanity/.env.local', 'env');
  const read = g.sanity();
  const reval = t.alnum(32);
  const rs = g.resend();
  n.d(`NEXT_PUBLIC_SANITY_PROJECT_ID=${t.lower(8)}`, 'sanity project id (public)');
  n.l('NEXT_PUBLIC_SANITY_DATASET=production');
  n.s(`SANITY_API_READ_TOKEN=${read}`, 'sanity', read);
  n.s(`SANITY_REVALIDATE_SECRET=${reval}`, 'generic', reval);
  n.s(`RESEND_API_KEY=${rs}`, 'resend', rs);
  n.l(`NEXT_PUBLIC_GA_ID=${g.ga4()}`);

  const cl = repo.file('starters/next-sanity/sanity/lib/client.ts', 'ts');
  const write = g.sanity();
  cl.l("import { createClient } from 'next-sanity';", '');
  cl.l('export const projectId = process.env.NEXT_PUBLIC_SANITY_PROJECT_ID!;');
  cl.l(
    'export const client = createClient({',
    '  projectId,',
    "  dataset: 'production',",
    "  apiVersion: '2025-02-19',",
  );
  cl.l('  useCdn: false,');
  cl.s(`  token: process.env.SANITY_API_WRITE_TOKEN || '${write}',`, 'sanity', write);
  cl.l('});');

  const sc = repo.file('starters/next-sanity/sanity.cli.ts', 'ts');
  sc.l("import { defineCliConfig } from 'sanity/cli';", '');
  sc.l(`export default defineCliConfig({ api: { projectId: '${t.lower(8)}', dataset: 'production' } });`);

  const v = repo.file('clients/saffron-kitchen/web/vercel.json', 'json');
  const vw = g.sanity();
  const stripeSk = t.stripeLive();
  v.l('{', '  "framework": "nextjs",', '  "regions": ["lhr1"],', '  "env": {');
  v.s(`    "SANITY_API_WRITE_TOKEN": "${vw}",`, 'sanity', vw);
  v.s(`    "STRIPE_SECRET_KEY": "${stripeSk}",`, 'stripe', stripeSk);
  v.l('    "NEXT_PUBLIC_SITE_URL": "https://saffronkitchen.co.uk"');
  v.l('  },', '  "crons": [{ "path": "/api/revalidate-menu", "schedule": "0 6 * * *" }]', '}');

  const pj = repo.file('clients/saffron-kitchen/web/.vercel/project.json', 'json');
  pj.d(`{"projectId":"prj_${t.alnum(28)}","orgId":"team_${t.alnum(24)}"}`, 'vercel project and team ids');

  const gc = repo.file('clients/driftwood-hotels/web/gatsby-config.js', 'js');
  const cda = g.contentfulCda();
  const space = t.lower(12);
  gc.l("require('dotenv').config({ path: `.env.${process.env.NODE_ENV}` });", '', 'module.exports = {');
  gc.l("  siteMetadata: { title: 'Driftwood Hotels', siteUrl: 'https://driftwoodhotels.com' },", '  plugins: [');
  gc.l('    {', "      resolve: 'gatsby-source-contentful',", '      options: {');
  gc.d(`        spaceId: '${space}',`, 'contentful space id');
  gc.s(`        accessToken: process.env.CONTENTFUL_ACCESS_TOKEN || '${cda}',`, 'contentful', cda);
  gc.l('        host: process.env.CONTENTFUL_HOST,', '      },', '    },', '    {');
  gc.l("      resolve: 'gatsby-plugin-google-gtag',");
  gc.l(`      options: { trackingIds: ['${g.ga4()}'] },`);
  gc.l('    },', '  ],', '};');

  const cj = repo.file('clients/driftwood-hotels/web/.contentful.json', 'json');
  const cjTok = g.contentfulCda();
  const cma = g.contentfulCma();
  cj.l('{');
  cj.d(`  "spaceId": "${space}",`, 'contentful space id');
  cj.s(`  "accessToken": "${cjTok}",`, 'contentful', cjTok);
  cj.s(`  "managementToken": "${cma}"`, 'contentful', cma);
  cj.l('}');

  const nt = repo.file('clients/driftwood-hotels/web/netlify.toml', 'toml');
  const ntTok = g.contentfulCda();
  const algAdmin = t.hex(32);
  nt.l(
    '[build]',
    '  command = "gatsby build"',
    '  publish = "public"',
    '',
    '[build.environment]',
    '  NODE_VERSION = "20"',
  );
  nt.s(`  CONTENTFUL_ACCESS_TOKEN = "${ntTok}"`, 'contentful', ntTok);
  nt.d(`  GATSBY_ALGOLIA_APP_ID = "${g.algoliaAppId()}"`, 'algolia application id');
  nt.d(`  GATSBY_ALGOLIA_SEARCH_KEY = "${t.hex(32)}"`, 'algolia search-only key (public by design)');
  nt.s(`  ALGOLIA_ADMIN_KEY = "${algAdmin}"`, 'algolia', algAdmin);
  nt.l('', '[context.deploy-preview.environment]', '  CONTENTFUL_HOST = "preview.contentful.com"');
  nt.l('  CONTENTFUL_ACCESS_TOKEN = "${CONTENTFUL_PREVIEW_TOKEN}"');
  nt.l('', '[[plugins]]', '  package = "@netlify/plugin-gatsby"');

  const hd = repo.file('clients/driftwood-hotels/web/static/_headers', 'netlify');
  const basic = g.plain(14);
  hd.l('/*', '  X-Frame-Options: DENY', '  Referrer-Policy: strict-origin-when-cross-origin', '');
  hd.l('https://staging--driftwood-hotels.netlify.app/*');
  hd.s(`  Basic-Auth: driftwood:${basic} brightline:${basic}`, 'generic', basic);

  const se = repo.file('clients/marigold-charity/cms/.env', 'env');
  const keys = [g.strapiKey(), g.strapiKey(), g.strapiKey(), g.strapiKey()];
  const salt = g.strapiKey();
  const adminJwt = g.strapiKey();
  const sdb = g.gen(20);
  const cldKey = t.digits(15);
  const cldSec = g.cloudinarySecret();
  se.l('HOST=0.0.0.0', 'PORT=1337');
  se.s(`APP_KEYS=${keys.join(',')}`, 'generic', keys[0]);
  se.s(`API_TOKEN_SALT=${salt}`, 'generic', salt);
  se.s(`ADMIN_JWT_SECRET=${adminJwt}`, 'generic', adminJwt);
  se.d('TRANSFER_TOKEN_SALT=tobemodified', 'strapi template placeholder');
  se.l('DATABASE_CLIENT=postgres', 'DATABASE_HOST=marigold-db.brightline-hosting.net', 'DATABASE_USERNAME=strapi');
  se.s(`DATABASE_PASSWORD=${sdb}`, 'generic', sdb);
  se.l('CLOUDINARY_NAME=marigold-charity', `CLOUDINARY_KEY=${cldKey}`);
  se.s(`CLOUDINARY_SECRET=${cldSec}`, 'cloudinary', cldSec);

  const sp = repo.file('clients/marigold-charity/cms/config/plugins.js', 'js');
  sp.l('module.exports = ({ env }) => ({', '  upload: {', '    config: {', "      provider: 'cloudinary',");
  sp.l(
    "      providerOptions: { cloud_name: env('CLOUDINARY_NAME'), api_key: env('CLOUDINARY_KEY'), api_secret: env('CLOUDINARY_SECRET') },",
  );
  sp.l('    },', '  },', '});');

  const mm = repo.file('clients/marigold-charity/cms/scripts/migrate-media.js', 'js');
  const cldSec2 = g.cloudinarySecret();
  mm.l(
    '// one-off: move the old WordPress uploads into Cloudinary (ran 2025-02-11)',
    "const cloudinary = require('cloudinary').v2;",
    '',
  );
  mm.s(
    `process.env.CLOUDINARY_URL = 'cloudinary://${t.digits(15)}:${cldSec2}@marigold-charity';`,
    'cloudinary',
    cldSec2,
  );
  mm.l('cloudinary.config({ secure: true });');

  const fe = repo.file('clients/marigold-charity/web/.env.production', 'env');
  const st = g.strapiToken();
  const mb = g.mapboxSk();
  fe.l('NEXT_PUBLIC_STRAPI_URL=https://cms.marigoldcharity.org.uk');
  fe.s(`STRAPI_API_TOKEN=${st}`, 'strapi', st);
  fe.d(`NEXT_PUBLIC_MAPBOX_TOKEN=${g.mapboxPk()}`, 'mapbox public token (pk.)');
  fe.s(`MAPBOX_UPLOAD_TOKEN=${mb}`, 'mapbox', mb);
  fe.l(`NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY=${g.pkLive()}`);
}

// ---- Ads reporting: Google / Meta / TikTok / LinkedIn / Microsoft, Apps Script, Looker Studio

function adsReporting(repo, t, g) {
  const y = repo.file('reporting/google_ads/google-ads.yaml', 'yaml');
  const dev = g.adsDevToken();
  const cs = g.gClientSecret();
  const rt = g.gRefresh();
  y.l('# Brightline MCC - used by the weekly client reports (cron on reports01)');
  y.s(`developer_token: ${dev}`, 'google-ads', dev);
  y.l('use_proto_plus: True');
  y.d(`client_id: ${g.gClientId()}`, 'google oauth client id (public)');
  y.s(`client_secret: ${cs}`, 'gcp', cs);
  y.s(`refresh_token: ${rt}`, 'gcp', rt);
  y.l(`login_customer_id: ${t.digits(10)}`);

  const tpl = repo.file('reporting/google_ads/google-ads.yaml.template', 'yaml');
  tpl.d('developer_token: INSERT_DEVELOPER_TOKEN_HERE', 'template placeholder');
  tpl.l('client_id: INSERT_OAUTH2_CLIENT_ID_HERE');
  tpl.l('client_secret: INSERT_OAUTH2_CLIENT_SECRET_HERE');
  tpl.l('refresh_token: INSERT_REFRESH_TOKEN_HERE');

  const p = repo.file('reporting/google_ads/pull_campaigns.py', 'python');
  const dev2 = g.adsDevToken();
  const cs2 = g.gClientSecret();
  const rt2 = g.gRefresh();
  p.l('"""Pull last-30-day campaign metrics for every client account under the MCC."""', 'import csv, sys', '');
  p.l('from google.ads.googleads.client import GoogleAdsClient', '', 'CLIENTS = {');
  for (const c of ['harbour-coffee', 'northfield-outdoors', 'meadowbank-dental']) {
    p.l(`    "${c}": "${g.adsCustomer()}",`);
  }
  p.l('}', '', 'def client():', '    return GoogleAdsClient.load_from_dict({');
  p.s(`        "developer_token": "${dev2}",`, 'google-ads', dev2);
  p.d(`        "client_id": "${g.gClientId()}",`, 'google oauth client id (public)');
  p.s(`        "client_secret": "${cs2}",`, 'gcp', cs2);
  p.s(`        "refresh_token": "${rt2}",`, 'gcp', rt2);
  p.l('        "use_proto_plus": True,', '    })');
  p.l('QUERY = "SELECT campaign.id, campaign.name, metrics.clicks, metrics.cost_micros FROM campaign"');

  const m = repo.file('reporting/meta_ads/insights.py', 'python');
  const mSec = g.metaAppSecret();
  const mTok = g.metaToken();
  m.l(
    'import os',
    'from facebook_business.api import FacebookAdsApi',
    'from facebook_business.adobjects.adaccount import AdAccount',
    '',
  );
  m.d(`APP_ID = "${g.metaAppId()}"`, 'meta app id (public)');
  m.s(`APP_SECRET = "${mSec}"`, 'facebook', mSec);
  m.l('# system user "brightline-reporting" on the Brightline business manager, never expires');
  m.s(`ACCESS_TOKEN = "${mTok}"`, 'facebook', mTok);
  m.l('', 'FacebookAdsApi.init(APP_ID, APP_SECRET, ACCESS_TOKEN)', '');
  m.l(`ACCOUNTS = ["act_${t.digits(15)}", "act_${t.digits(15)}"]`);
  m.l(`PIXEL_ID = "${t.digits(16)}"`);
  m.l('fields = ["campaign_name", "spend", "impressions", "actions"]');

  const ca = repo.file('reporting/meta_ads/capi_backfill.py', 'python');
  const capi = g.metaToken();
  ca.l('import requests', '', 'def send(events, pixel_id):');
  ca.s(
    `    return requests.post(f"https://graph.facebook.com/v21.0/{pixel_id}/events", json={"data": events, "access_token": "${capi}"})`,
    'facebook',
    capi,
  );
  ca.l('    # test_event_code = "TEST12345"');

  const tk = repo.file('reporting/tiktok_ads/report.py', 'python');
  const tkTok = g.tiktokToken();
  tk.l('import json, requests', '', 'BASE = "https://business-api.tiktok.com/open_api/v1.3"');
  tk.l(`APP_ID = "${t.digits(19)}"`);
  tk.l(`ADVERTISER_IDS = ["${t.digits(19)}"]`);
  tk.l('', 'def report(advertiser_id, start, end):');
  tk.l('    params = {"advertiser_id": advertiser_id, "report_type": "BASIC", "data_level": "AUCTION_CAMPAIGN",');
  tk.l('              "dimensions": json.dumps(["campaign_id"]), "start_date": start, "end_date": end}');
  tk.s(
    `    r = requests.get(f"{BASE}/report/integrated/get/", params=params, headers={"Access-Token": "${tkTok}"})`,
    'tiktok',
    tkTok,
  );
  tk.l('    return r.json()["data"]["list"]');

  const li = repo.file('reporting/linkedin_ads/linkedinReport.js', 'js');
  const liTok = g.linkedinToken();
  const liSec = g.linkedinSecret();
  li.l("const fetch = require('node-fetch');", '');
  li.d(`const CLIENT_ID = '${t.mixed(LOWER + DIGIT, 14)}';`, 'linkedin client id (public)');
  li.s(`const CLIENT_SECRET = '${liSec}';`, 'linkedin', liSec);
  li.l('// 60-day token from the Brightline ads member, refreshed by hand (see docs/runbooks/ads-tokens.md)');
  li.s(`const ACCESS_TOKEN = '${liTok}';`, 'linkedin', liTok);
  li.l('', 'async function analytics(account) {');
  li.l(
    '  const url = `https://api.linkedin.com/rest/adAnalytics?q=analytics&pivot=CAMPAIGN&accounts=List(urn%3Ali%3AsponsoredAccount%3A${account})`;',
  );
  li.l("  return fetch(url, { headers: { Authorization: `Bearer ${ACCESS_TOKEN}`, 'LinkedIn-Version': '202501' } });");
  li.l('}');

  const ms = repo.file('reporting/microsoft_ads/bing_report.py', 'python');
  const msDev = g.msAdsDevToken();
  ms.l('from bingads.authorization import AuthorizationData, OAuthDesktopMobileAuthCodeGrant', '');
  ms.l('auth = AuthorizationData(', `    account_id=${t.digits(9)},`, `    customer_id=${t.digits(9)},`);
  ms.s(`    developer_token="${msDev}",`, 'generic', msDev);
  ms.l('    authentication=OAuthDesktopMobileAuthCodeGrant(client_id=CLIENT_ID),', ')');

  const gs = repo.file('reporting/apps-script/weekly-spend/Code.gs', 'apps-script');
  const gsTok = g.metaToken();
  const gsHook = t.slackWebhook();
  gs.l('/** Weekly paid-social spend into the "Spend" sheet, then a Slack summary. */');
  gs.s(`const META_TOKEN = '${gsTok}';`, 'facebook', gsTok);
  gs.l("const SHEET_ID = PropertiesService.getScriptProperties().getProperty('SHEET_ID');");
  gs.l(
    '',
    'function weeklySpend() {',
    "  const accounts = SpreadsheetApp.getActive().getSheetByName('Accounts').getDataRange().getValues();",
  );
  gs.l('  accounts.forEach(([client, actId]) => {');
  gs.l(
    "    const url = 'https://graph.facebook.com/v21.0/' + actId + '/insights?date_preset=last_7d&access_token=' + META_TOKEN;",
  );
  gs.l('    const res = JSON.parse(UrlFetchApp.fetch(url).getContentText());', '  });');
  gs.s(
    `  UrlFetchApp.fetch('${gsHook}', { method: 'post', contentType: 'application/json', payload: JSON.stringify({ text: 'Spend sheet updated' }) });`,
    'slack',
    gsHook,
  );
  gs.l('}');

  const cp = repo.file('reporting/apps-script/weekly-spend/.clasp.json', 'json');
  cp.l(`{"scriptId":"1${t.mixed(URLSAFE, 56)}","rootDir":"."}`);

  const lc = repo.file('reporting/looker-connector/src/Code.gs', 'apps-script');
  const semrush = g.semrush();
  lc.l('var cc = DataStudioApp.createCommunityConnector();', '');
  lc.l('function getAuthType() {', '  return cc.newAuthTypeResponse().setAuthType(cc.AuthType.NONE).build();', '}', '');
  lc.l('// shared agency key so clients do not need their own SEMrush seat');
  lc.s(`var SEMRUSH_KEY = '${semrush}';`, 'generic', semrush);
  lc.l('', 'function getData(request) {', '  var domain = request.configParams.domain;');
  lc.l(
    "  var url = 'https://api.semrush.com/?type=domain_ranks&key=' + SEMRUSH_KEY + '&export_columns=Dn,Rk,Or,Ot&domain=' + domain + '&database=uk';",
  );
  lc.l('  var rows = UrlFetchApp.fetch(url).getContentText().split("\\n");', '}');

  const lm = repo.file('reporting/looker-connector/src/appsscript.json', 'json');
  lm.l('{', '  "timeZone": "Europe/London",', '  "dataStudio": {', '    "name": "Brightline SEO Connector",');
  lm.l(`    "company": "Brightline Digital",`);
  lm.l('    "logoUrl": "https://brightline.digital/assets/connector-logo.png"', '  },');
  lm.l('  "oauthScopes": ["https://www.googleapis.com/auth/script.external_request"]', '}');

  const rc = repo.file('reporting/ops/home/.clasprc.json', 'json');
  const rr = g.gRefresh();
  const ocs = g.gClientSecret();
  rc.l('{', '  "tokens": {', '    "default": {');
  rc.d(`      "client_id": "${g.gClientId()}",`, 'google oauth client id (public)');
  rc.s(`      "client_secret": "${ocs}",`, 'gcp', ocs);
  rc.l('      "type": "authorized_user",');
  rc.s(`      "refresh_token": "${rr}"`, 'gcp', rr);
  rc.l('    }', '  }', '}');

  const mp = repo.file('reporting/ga4/mp_offline_conversions.py', 'python');
  const mps = g.mpSecret();
  mp.l('import requests', '');
  mp.d(`MEASUREMENT_ID = "${g.ga4()}"`, 'ga4 measurement id');
  mp.s(`API_SECRET = "${mps}"`, 'generic', mps);
  mp.l('', 'def send(client_id, events):');
  mp.l(
    '    return requests.post(f"https://www.google-analytics.com/mp/collect?measurement_id={MEASUREMENT_ID}&api_secret={API_SECRET}", json={"client_id": client_id, "events": events})',
  );

  const rq = repo.file('reporting/requirements.txt', 'python');
  rq.l('google-ads==25.1.0', 'facebook-business==21.0.5', 'bingads==13.0.22', 'gspread==6.1.4');
}

// ---- Marketing automation: HubSpot, Mailchimp / Mandrill, Klaviyo, Zapier, Make, Typeform --

function automation(repo, t, g) {
  const h = repo.file('automation/hubspot/sync_deals.py', 'python');
  const hs = g.hubspot('eu1');
  h.l(
    '"""Copy closed-won deals from the Brightline HubSpot into the ClickUp delivery space."""',
    'from hubspot import HubSpot',
    '',
  );
  h.s(`api_client = HubSpot(access_token="${hs}")`, 'hubspot', hs);
  h.l(`PORTAL_ID = ${t.digits(8)}`);
  h.l('PIPELINE = "default"');

  const hf = repo.file('clients/driftwood-hotels/web/netlify/functions/enquiry.js', 'js');
  const hs2 = g.hubspot('eu1');
  const portal = t.digits(8);
  hf.l('// Netlify function: hotel enquiry form -> HubSpot contact + ticket');
  hf.l(`const PORTAL_ID = '${portal}';`);
  hf.l(`const FORM_GUID = '${t.uuid()}';`);
  hf.s(`const HUBSPOT_TOKEN = process.env.HUBSPOT_TOKEN || '${hs2}';`, 'hubspot', hs2);
  hf.l('', 'exports.handler = async (event) => {');
  hf.l("  const res = await fetch('https://api.hubapi.com/crm/v3/objects/contacts', {");
  hf.l(
    "    method: 'POST', headers: { Authorization: `Bearer ${HUBSPOT_TOKEN}`, 'Content-Type': 'application/json' },",
  );
  hf.l('    body: event.body,', '  });', '  return { statusCode: res.status };', '};');

  const mc = repo.file('automation/mailchimp/audience-export.js', 'js');
  const mcKey = g.mailchimp();
  const server = mcKey.split('-')[1];
  mc.l("const mailchimp = require('@mailchimp/mailchimp_marketing');", '');
  mc.s(`mailchimp.setConfig({ apiKey: '${mcKey}', server: '${server}' });`, 'mailchimp', mcKey);
  mc.l(`const LIST_ID = '${t.hex(10)}';`);
  mc.l(
    '',
    'async function run() {',
    '  const { members } = await mailchimp.lists.getListMembersInfo(LIST_ID, { count: 1000 });',
    '}',
  );

  const md = repo.file('automation/mailchimp/mandrill-order-mails.php', 'php');
  const mdKey = g.mandrill();
  md.l(
    '<?php',
    "require_once __DIR__ . '/vendor/autoload.php';",
    '',
    '$mailchimp = new MailchimpTransactional\\ApiClient();',
  );
  md.s(`$mailchimp->setApiKey('${mdKey}');`, 'mandrill', mdKey);
  md.l("$template = 'northfield-order-dispatched';");

  const kl = repo.file('automation/klaviyo/flows_report.py', 'python');
  const klKey = g.klaviyo();
  kl.l('from klaviyo_api import KlaviyoAPI', '');
  kl.s(`klaviyo = KlaviyoAPI("${klKey}", max_delay=60, max_retries=3)`, 'klaviyo', klKey);
  kl.l(`PUBLIC_KEY = "${g.klaviyoPublic()}"  # site id, goes in the onsite js`);
  kl.l('flows = klaviyo.Flows.get_flows(fields_flow=["name", "status", "trigger_type"])');

  const z = repo.file('automation/zapier/exports/harbour-coffee-zaps.json', 'json');
  const zh = g.zapierHook();
  const zMc = g.mailchimp();
  const zCs = g.wooCs();
  z.l('{', '  "zaps": [', '    {', `      "id": ${t.digits(9)},`, '      "title": "Woo order -> Mailchimp tag",');
  z.l('      "steps": [', '        {', '          "app": "WebHookCLIAPI", "action": "hook_v2",');
  z.s(`          "params": { "url": "${zh}" }`, 'zapier', zh);
  z.l('        },', '        {', '          "app": "WooCommerceCLIAPI", "action": "order_v3",', '          "auth": {');
  z.l(`            "consumer_key": "${g.wooCk()}",`);
  z.s(`            "consumer_secret": "${zCs}",`, 'woocommerce', zCs);
  z.l('            "store_url": "https://harbourcoffee.co.uk"', '          }', '        },', '        {');
  z.l('          "app": "MailchimpCLIAPI", "action": "add_tag",');
  z.s(`          "auth": { "api_key": "${zMc}" },`, 'mailchimp', zMc);
  z.l(`          "params": { "list_id": "${t.hex(10)}", "tag": "subscriber-beans" }`);
  z.l('        }', '      ]', '    }', '  ]', '}');

  const mk = repo.file('automation/make/scenarios/kestrel-ticketing.blueprint.json', 'json');
  const mh = g.makeHook();
  const eb = g.eventbrite();
  const at = g.airtable();
  mk.l('{', '  "name": "Kestrel - Eventbrite orders to Airtable",', '  "flow": [', '    {', '      "id": 1,');
  mk.l('      "module": "gateway:CustomWebHook",', '      "parameters": { "hook": 418223, "maxResults": 1 },');
  mk.s(
    `      "metadata": { "designer": { "x": 0, "y": 0 }, "restore": { "parameters": { "hook": { "label": "eventbrite-orders", "data": { "url": "${mh}" } } } } }`,
    'make',
    mh,
  );
  mk.l('    },', '    {', '      "id": 2,', '      "module": "http:ActionSendData",', '      "mapper": {');
  mk.l('        "url": "https://www.eventbriteapi.com/v3/orders/{{1.order_id}}/",', '        "method": "get",');
  mk.s(`        "headers": [{ "name": "Authorization", "value": "Bearer ${eb}" }]`, 'eventbrite', eb);
  mk.l('      }', '    },', '    {', '      "id": 3,', '      "module": "http:ActionSendData",', '      "mapper": {');
  mk.l(`        "url": "https://api.airtable.com/v0/app${t.alnum(14)}/Orders",`, '        "method": "post",');
  mk.s(`        "headers": [{ "name": "Authorization", "value": "Bearer ${at}" }]`, 'airtable', at);
  mk.l('      }', '    },', '    {', '      "id": 4,', '      "module": "slack:CreateMessage",');
  mk.l('      "parameters": { "__IMTCONN__": 1823344 },');
  mk.l('      "mapper": { "channel": "C04KESTREL1", "text": "New order {{1.order_id}}" }', '    }', '  ]', '}');

  const tf = repo.file('automation/typeform-to-airtable/index.js', 'js');
  const tfTok = g.typeform();
  const tfAt = g.airtable();
  tf.l("const crypto = require('crypto');", '');
  tf.s(`const TYPEFORM_TOKEN = '${tfTok}';`, 'typeform', tfTok);
  tf.s(`const AIRTABLE_PAT = '${tfAt}';`, 'airtable', tfAt);
  tf.l('const WEBHOOK_SECRET = process.env.TYPEFORM_WEBHOOK_SECRET;');
  tf.l(`const BASE_ID = 'app${t.alnum(14)}';`);
  tf.l('', 'function verify(req) {');
  tf.l("  const sig = 'sha256=' + crypto.createHmac('sha256', WEBHOOK_SECRET).update(req.rawBody).digest('base64');");
  tf.l("  return sig === req.headers['typeform-signature'];", '}');

  const sb = repo.file('tools/status-board/config.json', 'json');
  const no = g.notion();
  const fg = g.figma();
  sb.l('{', '  "refreshMinutes": 10,', '  "notion": {');
  sb.s(`    "token": "${no}",`, 'notion', no);
  sb.d(`    "databaseId": "${t.hex(32)}"`, 'notion database id');
  sb.l('  },', '  "figma": {');
  sb.s(`    "token": "${fg}",`, 'figma', fg);
  sb.l(`    "teamId": "${t.digits(19)}"`);
  sb.l('  }', '}');
}

// ---- File transfer: FileZilla, WinSCP, lftp, .ftpconfig, Sublime / VS Code SFTP ----------

function transfer(repo, t, g) {
  const fz = repo.file('ops/transfer/filezilla/sitemanager.xml', 'xml');
  const p1 = g.human();
  const p2 = g.gen(16);
  fz.l('<?xml version="1.0" encoding="UTF-8"?>', '<FileZilla3 version="3.67.0" platform="windows">', '  <Servers>');
  fz.l('    <Folder expanded="1">Clients', '      <Server>', '        <Host>web03.brightline-hosting.net</Host>');
  fz.l(
    '        <Port>22</Port>',
    '        <Protocol>1</Protocol>',
    '        <Type>0</Type>',
    '        <User>harbourc</User>',
  );
  fz.s(`        <Pass encoding="base64">${g.enc(p1)}</Pass>`, 'generic', p1);
  fz.l(
    '        <Logontype>1</Logontype>',
    '        <Name>Harbour Coffee (prod)</Name>',
    '      </Server>',
    '      <Server>',
  );
  fz.l(
    '        <Host>ftp.meadowbankdental.co.uk</Host>',
    '        <Port>21</Port>',
    '        <Protocol>4</Protocol>',
    '        <User>meadowb</User>',
  );
  fz.s(`        <Pass encoding="base64">${g.enc(p2)}</Pass>`, 'generic', p2);
  fz.l(
    '        <Logontype>1</Logontype>',
    '        <Name>Meadowbank (old host, FTPS)</Name>',
    '      </Server>',
    '      <Server>',
  );
  fz.l(
    '        <Host>lumen-assets.sftp.brightline-hosting.net</Host>',
    '        <Port>22</Port>',
    '        <Protocol>1</Protocol>',
  );
  fz.l('        <User>lumen</User>', '        <Logontype>5</Logontype>');
  fz.d('        <Keyfile>C:\\Users\\jamie\\.ssh\\brightline_deploy.ppk</Keyfile>', 'key file path');
  fz.l('        <Name>Lumen asset bucket</Name>', '      </Server>', '    </Folder>', '  </Servers>', '</FileZilla3>');

  const ws = repo.file('ops/transfer/WinSCP.ini', 'ini');
  const w1 = g.winscp();
  ws.l('[Configuration\\Interface]', 'Theme=Auto', '', '[Sessions\\northf@northfield-cloudways]');
  ws.l('HostName=138.68.171.22', 'UserName=northf', 'FSProtocol=2');
  ws.s(`Password=${w1}`, 'generic', w1);
  ws.l('', '[Sessions\\alder@web05]', 'HostName=web05.brightline-hosting.net', 'UserName=alder', 'PortNumber=22');
  ws.l('PublicKeyFile=%25USERPROFILE%25\\.ssh\\brightline_deploy.ppk');

  const lf = repo.file('ops/transfer/lftp/mirror-kestrel-uploads.lftp', 'lftp');
  const lpw = g.plain(16);
  lf.l(
    '# lftp -f mirror-kestrel-uploads.lftp  (nightly, from backup01)',
    'set ftp:ssl-force true',
    'set ssl:verify-certificate no',
  );
  lf.s(`open -u kestrelftp,${lpw} ftp://ftp.kestrelfestival.co.uk`, 'generic', lpw);
  lf.l('mirror --only-newer --parallel=4 /public_html/assets/uploads /srv/backups/kestrel/uploads', 'bye');

  const fc = repo.file('clients/meadowbank-dental/.ftpconfig', 'json');
  const fpw = g.gen(18);
  fc.l(
    '{',
    '    "protocol": "sftp",',
    '    "host": "plesk02.brightline-hosting.net",',
    '    "port": 22,',
    '    "user": "meadowb",',
  );
  fc.s(`    "pass": "${fpw}",`, 'generic', fpw);
  fc.l('    "promptForPass": false,', '    "remote": "/httpdocs",', '    "local": "",', '    "agent": "",');
  fc.l('    "privatekey": "",');
  fc.l('    "passphrase": "",');
  fc.l('    "watch": [],', '    "watchTimeout": 500', '}');

  const vs = repo.file('clients/meadowbank-dental/.vscode/sftp.json', 'json');
  const vpw = g.human();
  vs.l('{', '  "name": "Meadowbank staging",', '  "host": "staging.brightline-hosting.net",', '  "protocol": "sftp",');
  vs.l('  "port": 22,', '  "username": "meadowbank-stg",');
  vs.s(`  "password": "${vpw}",`, 'generic', vpw);
  vs.l('  "remotePath": "/var/www/meadowbank-staging",', '  "uploadOnSave": true', '}');

  const st = repo.file('clients/kestrel-festival/sftp-config.json', 'json');
  const spw = g.gen(16);
  st.l('{', '    // The tab key will cycle through the settings when first created', '    "type": "sftp",', '');
  st.l('    "save_before_upload": true,', '    "upload_on_save": false,', '    "sync_down_on_open": false,', '');
  st.l('    "host": "web05.brightline-hosting.net",', '    "user": "kestrel",');
  st.s(`    "password": "${spw}",`, 'generic', spw);
  st.d('    //"port": "22",', 'commented template default');
  st.l(
    '',
    '    "remote_path": "/home/kestrel/statamic/",',
    '    "file_permissions": "664",',
    '    "dir_permissions": "775",',
    '',
  );
  st.l('    //"ssh_key_file": "~/.ssh/id_rsa",');
  st.l('    "connect_timeout": 30', '}');

  const rc = repo.file('ops/backup01/.config/rclone/rclone.conf', 'ini');
  const b2Key = g.b2Key();
  rc.l('[b2-client-backups]', 'type = b2', `account = ${g.b2KeyId()}`);
  rc.s(`key = ${b2Key}`, 'backblaze', b2Key);
  rc.l('hard_delete = false', '', '[web03]', 'type = sftp', 'host = web03.brightline-hosting.net', 'user = backup');
  rc.l('key_file = ~/.ssh/backup_ed25519');
  rc.l('shell_type = unix');
}

// ---- Deployer, Envoy and deploy scripts --------------------------------------------------

function deployTools(repo, t, g) {
  const d = repo.file('clients/harbour-coffee/deploy.php', 'php');
  const hook = t.slackWebhook();
  const cf = g.cfGlobal();
  d.l(
    '<?php',
    'namespace Deployer;',
    '',
    "require 'recipe/wordpress.php';",
    "require 'contrib/slack.php';",
    "require 'contrib/cloudflare.php';",
    '',
  );
  d.l(
    "set('application', 'harbour-coffee');",
    "set('repository', 'git@gitlab.brightline.digital:clients/harbour-coffee.git');",
  );
  d.s(`set('slack_webhook', '${hook}');`, 'slack', hook);
  d.l("set('cloudflare', [");
  d.l("    'email'  => 'ops@brightline.digital',");
  d.s(`    'api_key' => '${cf}',`, 'cloudflare', cf);
  d.l("    'domain' => 'harbourcoffee.co.uk',", ']);', '');
  d.l(
    "host('production')",
    "    ->setHostname('web03.brightline-hosting.net')",
    "    ->set('remote_user', 'harbourc')",
  );
  d.l("    ->set('identity_file', '~/.ssh/brightline_deploy')");
  d.l("    ->set('deploy_path', '/home/harbourc/deploy');", '');
  d.l("after('deploy:failed', 'deploy:unlock');", "after('deploy:success', 'slack:notify:success');");

  const e = repo.file('clients/kestrel-festival/statamic/Envoy.blade.php', 'blade');
  const eHook = t.slackWebhook();
  e.l("@servers(['web' => 'forge@web05.brightline-hosting.net'])", '', '@setup');
  e.l(
    "    $repository = 'git@gitlab.brightline.digital:clients/kestrel-festival.git';",
    "    $releases = '/home/forge/kestrelfestival.co.uk/releases';",
  );
  e.s(`    $slack = '${eHook}';`, 'slack', eHook);
  e.l(
    '@endsetup',
    '',
    "@task('deploy', ['on' => 'web'])",
    '    cd {{ $releases }}',
    '    git clone --depth 1 {{ $repository }} {{ $release }}',
  );
  e.l('    php artisan statamic:stache:warm', '    php please static:clear', '@endtask', '', '@finished');
  e.l("    @slack($slack, '#deploys', 'Kestrel deployed')");
  e.l('@endfinished');

  const rs = repo.file('scripts/deploy/rsync-harbour-uploads.sh', 'shell');
  const sp = g.plain(16);
  rs.l(
    '#!/usr/bin/env bash',
    'set -euo pipefail',
    '# pull prod uploads down to staging (run on staging.brightline-hosting.net)',
  );
  rs.s(
    `sshpass -p '${sp}' rsync -az --delete harbourc@web03.brightline-hosting.net:public_html/wp-content/uploads/ /var/www/harbour-staging/wp-content/uploads/`,
    'generic',
    sp,
  );
  rs.d('sshpass -e rsync -az "$SRC" "$DEST"   # SSHPASS comes from the CI variable', 'env password (sshpass -e)');

  const ws = repo.file('scripts/deploy/wp-pull-db.sh', 'shell');
  const sdb = g.plain(18);
  const wpAdmin = g.human();
  ws.l('#!/usr/bin/env bash', 'set -euo pipefail', 'CLIENT="${1:?client}"', '');
  ws.l('wp @production db export - | gzip > "/tmp/${CLIENT}.sql.gz"');
  ws.s(
    `gunzip -c "/tmp/\${CLIENT}.sql.gz" | mysql -h 127.0.0.1 -u staging -p'${sdb}' "staging_\${CLIENT}"`,
    'generic',
    sdb,
  );
  ws.l('wp @staging search-replace "https://$CLIENT_DOMAIN" "https://staging-$CLIENT.brightline.digital" --all-tables');
  ws.s(`wp @staging user update brightline-admin --user_pass='${wpAdmin}' --skip-email`, 'generic', wpAdmin);
  ws.d('wp @staging user update brightline-admin --user_pass="$(openssl rand -base64 18)"', 'generated at run time');
}

// ---- Hosting: cPanel / WHM, Plesk, Cloudflare DNS, DigitalOcean --------------------------

function hosting(repo, t, g) {
  const w = repo.file('ops/hosting/cpanel/create_account.py', 'python');
  const whm = g.cpanel();
  w.l('"""Create a cPanel account for a new client on the WHM box (web03)."""', 'import sys', 'import requests', '');
  w.l('WHM = "https://web03.brightline-hosting.net:2087/json-api"');
  w.s(`WHM_TOKEN = "${whm}"`, 'cpanel', whm);
  w.l('', 'def create(user, domain, plan="brightline_standard"):');
  w.l('    headers = {"Authorization": f"whm root:{WHM_TOKEN}"}');
  w.l('    params = {"api.version": 1, "username": user, "domain": domain, "plan": plan}');
  w.l('    return requests.get(f"{WHM}/createacct", headers=headers, params=params, timeout=60).json()');

  const b = repo.file('ops/hosting/cpanel/backup-all.sh', 'shell');
  const c1 = g.cpanel();
  b.l('#!/bin/sh', '# nightly full backups to home dir, picked up by rclone on backup01');
  b.s(
    `curl -s -H "Authorization: cpanel harbourc:${c1}" "https://web03.brightline-hosting.net:2083/execute/Backup/fullbackup_to_homedir"`,
    'cpanel',
    c1,
  );
  b.l('curl -s -H "Authorization: cpanel $CP_USER:$CP_TOKEN" "$CP_HOST/execute/Backup/fullbackup_to_homedir"');

  const u = repo.file('ops/hosting/cpanel/Mailboxes.php', 'php');
  const upw = g.human();
  u.l('<?php', '// create client mailboxes through UAPI (used by the onboarding form)', '$ch = curl_init();');
  u.l("curl_setopt( $ch, CURLOPT_URL, 'https://web03.brightline-hosting.net:2083/execute/Email/add_pop' );");
  u.s(`curl_setopt( $ch, CURLOPT_USERPWD, 'meadowb:${upw}' );`, 'generic', upw);
  u.l(
    "curl_setopt( $ch, CURLOPT_POSTFIELDS, http_build_query( array( 'email' => $_POST['mailbox'], 'domain' => $_POST['domain'], 'password' => $_POST['password'], 'quota' => 2048 ) ) );",
  );
  u.l('$out = curl_exec( $ch );');

  const pl = repo.file('ops/hosting/plesk/plesk-api.sh', 'shell');
  const pk = g.plesk();
  const padm = g.gen(18);
  pl.l('#!/usr/bin/env bash', 'PLESK=https://plesk02.brightline-hosting.net:8443');
  pl.s(`PLESK_API_KEY=${pk}`, 'plesk', pk);
  pl.l('curl -sk -H "X-API-Key: $PLESK_API_KEY" "$PLESK/api/v2/domains" | jq -r \'.[].name\'');
  pl.s(
    `ssh root@plesk02.brightline-hosting.net "plesk bin admin --set-admin-password -passwd '${padm}'"`,
    'generic',
    padm,
  );
  pl.l('ssh root@plesk02.brightline-hosting.net "plesk bin admin --set-admin-password -passwd \\"$NEW_ADMIN_PW\\""');

  const cf = repo.file('ops/dns/cloudflare/purge_cache.sh', 'shell');
  const cfk = g.cfGlobal();
  cf.l('#!/usr/bin/env bash', '# purge everything for a client zone: ./purge_cache.sh <zone>');
  cf.d(`ZONE_HARBOUR=${g.cfId()}`, 'cloudflare zone id');
  cf.l(`ZONE_LUMEN=${g.cfId()}`);
  cf.s(
    `curl -s -X POST "https://api.cloudflare.com/client/v4/zones/\${ZONE_HARBOUR}/purge_cache" -H "X-Auth-Email: ops@brightline.digital" -H "X-Auth-Key: ${cfk}" -H "Content-Type: application/json" --data '{"purge_everything":true}'`,
    'cloudflare',
    cfk,
  );

  const cp = repo.file('ops/dns/cloudflare/update_records.py', 'python');
  const cft = t.cloudflare();
  cp.l('import CloudFlare', '');
  cp.l(`ACCOUNT_ID = "${g.cfId()}"`);
  cp.s(`cf = CloudFlare.CloudFlare(token="${cft}")`, 'cloudflare', cft);
  cp.l('', 'def point_to(zone_id, name, ip):');
  cp.l('    recs = cf.zones.dns_records.get(zone_id, params={"name": name})');
  cp.l('    cf.zones.dns_records.patch(zone_id, recs[0]["id"], data={"content": ip, "proxied": True})');

  const tf = repo.file('ops/dns/terraform/main.tf', 'terraform');
  const cfn = t.cloudflareNew();
  tf.l(
    'terraform {',
    '  required_providers {',
    '    cloudflare = { source = "cloudflare/cloudflare", version = "~> 4.40" }',
    '  }',
    '}',
    '',
  );
  tf.l('provider "cloudflare" {');
  tf.s(`  api_token = "${cfn}"`, 'cloudflare', cfn);
  tf.l('}', '', 'resource "cloudflare_record" "lumen_www" {');
  tf.l(`  zone_id = "${g.cfId()}"`);
  tf.l('  name    = "www"', '  content = "shops.myshopify.com"', '  type    = "CNAME"', '  proxied = false', '}', '');
  tf.l('resource "cloudflare_record" "harbour_spf" {');
  tf.l('  zone_id = var.zone_harbour');
  tf.l(
    '  name    = "@"',
    '  type    = "TXT"',
    '  content = "v=spf1 include:sendgrid.net include:spf.protection.outlook.com ~all"',
    '}',
  );
  tf.l(
    '',
    'resource "cloudflare_record" "harbour_dkim" {',
    '  zone_id = var.zone_harbour',
    '  name    = "s1._domainkey"',
    '  type    = "TXT"',
  );
  tf.d(`  content = "k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA${g.b64(180)}IDAQAB"`, 'dkim public key');
  tf.l('}');

  const wr = repo.file('ops/dns/redirects-worker/wrangler.toml', 'toml');
  const wrHs = g.hubspot('eu1');
  wr.l('name = "brightline-redirects"', 'main = "src/index.ts"', 'compatibility_date = "2025-01-15"');
  wr.l(`account_id = "${g.cfId()}"`);
  wr.l('', '[[kv_namespaces]]', 'binding = "REDIRECTS"');
  wr.l(`id = "${t.hex(32)}"`);
  wr.l('', '[vars]', 'LOG_LEVEL = "info"');
  wr.s(`HUBSPOT_TOKEN = "${wrHs}"`, 'hubspot', wrHs);

  const dd = repo.file('ops/hosting/do/droplets.sh', 'shell');
  const dop = t.digitalocean();
  dd.l('#!/usr/bin/env bash', '# staging droplets for client previews');
  dd.s(`doctl auth init --access-token ${dop} --context brightline`, 'digitalocean', dop);
  dd.l(
    'doctl compute droplet create "preview-$1" --image ubuntu-24-04-x64 --size s-1vcpu-2gb --region lon1 --ssh-keys "$SSH_KEY_ID"',
  );
  dd.d(
    `doctl compute ssh-key import brightline --public-key-file ~/.ssh/brightline_deploy.pub # fingerprint ${t.pick(HEX, 32).match(/../g).join(':')}`,
    'ssh key fingerprint',
  );
}

// ---- Local dev: Lando, DDEV, Docker ----------------------------------------------------------

function localDev(repo, t, g) {
  const l = repo.file('clients/harbour-coffee/.lando.yml', 'yaml');
  const gh = t.github();
  l.l(
    'name: harbour-coffee',
    'recipe: wordpress',
    'config:',
    '  php: "8.2"',
    '  webroot: wordpress',
    'services:',
    '  database:',
  );
  l.l('    type: mariadb:10.11', '    creds:', '      user: wordpress');
  l.d('      password: wordpress', 'lando local default credentials');
  l.l('      database: wordpress', '  appserver:', '    overrides:', '      environment:');
  l.s(`        COMPOSER_AUTH: '{"github-oauth":{"github.com":"${gh}"}}'`, 'github', gh);
  l.l('tooling:', '  pull-db:', '    service: appserver', '    cmd: wp @production db export - | wp db import -');

  const dv = repo.file('clients/northfield-outdoors/.ddev/config.yaml', 'yaml');
  const st = t.stripeTest();
  dv.l(
    'name: northfield',
    'type: wordpress',
    'docroot: site/web',
    'php_version: "8.2"',
    'database:',
    '  type: mariadb',
    '  version: "10.11"',
  );
  dv.l('web_environment:');
  dv.s(`  - STRIPE_SECRET_KEY=${st}`, 'stripe', st, 'warning');
  dv.l('  - DB_PASSWORD=db');
  dv.l(
    'hooks:',
    '  post-start:',
    '    - exec: wp core is-installed || wp core install --url=https://northfield.ddev.site',
  );

  const dc = repo.file('docker/wordpress-dev/docker-compose.yml', 'docker');
  dc.l(
    '# Brightline local WordPress stack (for sites not on Lando yet)',
    'services:',
    '  db:',
    '    image: mariadb:10.11',
    '    environment:',
  );
  dc.d('      MARIADB_ROOT_PASSWORD: root', 'local dev default');
  dc.l('      MARIADB_PASSWORD: ${DB_PASSWORD:-wordpress}');
  dc.l('  wordpress:', '    build: .', '    ports: ["8080:80"]', '    environment:', '      WORDPRESS_DB_HOST: db');
  dc.l('      WORDPRESS_DB_PASSWORD: ${DB_PASSWORD:-wordpress}');
  dc.l('  mailpit:', '    image: axllent/mailpit:v1.21', '    ports: ["8025:8025"]');

  const df = repo.file('docker/wordpress-dev/Dockerfile', 'docker');
  const gf = g.gfKey();
  df.l(`FROM wordpress:6.7-php8.2-apache@sha256:${t.sha256()}`);
  df.l('ARG ACF_PRO_KEY');
  df.l(
    'RUN composer config --global http-basic.connect.advancedcustomfields.com "$ACF_PRO_KEY" https://brightline.digital',
  );
  df.s(`ENV GF_LICENSE_KEY=${gf}`, 'generic', gf);
  df.l('COPY php.ini /usr/local/etc/php/conf.d/brightline.ini');

  const ph = repo.file('docker/wordpress-dev/phpunit.xml.dist', 'xml');
  ph.l('<?xml version="1.0"?>', '<phpunit bootstrap="tests/bootstrap.php">', '  <php>');
  ph.l('    <env name="WP_TESTS_DB_PASSWORD" value="password"/>');
  ph.d('    <env name="STRIPE_SECRET_KEY" value="sk_test_xxxxxxxxxxxxxxxxxxxxxxxx"/>', 'placeholder');
  ph.l('  </php>', '</phpunit>');
}

// ---- CI: GitLab (self-hosted), Bitbucket Pipelines, GitHub Actions ----------------------

function ci(repo, t, g) {
  const gl = repo.file('.gitlab-ci.yml', 'ci');
  const sshpass = g.plain(16);
  const glpat = t.gitlab();
  const ftp = g.plain(14);
  gl.l('stages: [lint, build, deploy]', '', 'variables:', '  COMPOSER_CACHE_DIR: .composer-cache');
  gl.s(`  SSHPASS: "${sshpass}"`, 'generic', sshpass);
  gl.l('  CLOUDFLARE_API_TOKEN: $CF_TOKEN');
  gl.l('', 'deploy:harbour:', '  stage: deploy', '  only: [main]', '  script:');
  gl.l('    - composer install --no-dev --no-interaction');
  gl.l(
    '    - sshpass -e rsync -az --exclude-from=.rsyncignore wordpress/ harbourc@web03.brightline-hosting.net:public_html/',
  );
  gl.s(
    `    - 'curl --request POST --header "PRIVATE-TOKEN: ${glpat}" "https://gitlab.brightline.digital/api/v4/projects/42/releases" --data "tag_name=$CI_COMMIT_TAG"'`,
    'gitlab',
    glpat,
  );
  gl.l('', 'deploy:meadowbank-legacy:', '  stage: deploy', '  when: manual', '  script:');
  gl.s(
    `    - lftp -u meadowb,${ftp} -e "mirror -R --only-newer site/web/app/themes /httpdocs/wp-content/themes; bye" ftp.meadowbankdental.co.uk`,
    'generic',
    ftp,
  );
  gl.l('    - lftp -u "$FTP_USER,$FTP_PASS" -e "mirror -R dist /httpdocs; bye" "$FTP_HOST"');

  const rn = repo.file('ops/gitlab-runner/config.toml', 'toml');
  const rt = g.glrt();
  rn.l(
    'concurrent = 4',
    'check_interval = 0',
    '',
    '[[runners]]',
    '  name = "runner01.brightline.digital"',
    '  url = "https://gitlab.brightline.digital"',
  );
  rn.l(`  id = ${t.digits(3)}`);
  rn.s(`  token = "${rt}"`, 'gitlab', rt);
  rn.l('  executor = "docker"', '  [runners.docker]', '    image = "php:8.2-cli"', '    privileged = false');

  const bb = repo.file('clients/lumen-skincare/theme/bitbucket-pipelines.yml', 'ci');
  const tkn = g.shptka();
  const sftp = g.gen(16);
  const app = g.bitbucketAppPw();
  bb.l(
    'image: node:20',
    '',
    'pipelines:',
    '  branches:',
    '    main:',
    '      - step:',
    '          name: Deploy theme',
    '          script:',
  );
  bb.l('            - npm ci && npm run build');
  bb.s(`            - export SHOPIFY_CLI_THEME_TOKEN=${tkn}`, 'shopify', tkn);
  bb.l('            - npx shopify theme push --store lumen-skincare.myshopify.com --theme $THEME_ID --allow-live');
  bb.l(
    '      - step:',
    '          name: Upload quiz assets',
    '          script:',
    '            - pipe: atlassian/sftp-deploy:0.10.0',
    '              variables:',
  );
  bb.l(
    "                USER: 'lumen'",
    "                SERVER: 'lumen-assets.sftp.brightline-hosting.net'",
    "                REMOTE_PATH: '/assets/quiz'",
  );
  bb.s(`                PASSWORD: '${sftp}'`, 'generic', sftp);
  bb.l('      - step:', '          name: Tag release', '          script:');
  bb.s(
    `            - curl -s -u brightline-ci:${app} -X POST https://api.bitbucket.org/2.0/repositories/brightline/lumen-theme/refs/tags -H 'Content-Type: application/json' -d "{\\"name\\": \\"v$BITBUCKET_BUILD_NUMBER\\", \\"target\\": {\\"hash\\": \\"$BITBUCKET_COMMIT\\"}}"`,
    'bitbucket',
    app,
  );
  bb.d(
    '            - git ftp push --user "$FTP_USERNAME" --passwd "$FTP_PASSWORD" sftp://lumen-assets.sftp.brightline-hosting.net',
    'pipeline variables',
  );

  const gh = repo.file('starters/.github/workflows/deploy-previews.yml', 'ci');
  const vc = t.vercelNew();
  const nf = g.netlify();
  const sen = g.sentryOrg();
  gh.l(
    'name: starter previews',
    'on: [pull_request]',
    'jobs:',
    '  deploy:',
    '    runs-on: ubuntu-latest',
    '    steps:',
  );
  gh.l(`      - uses: actions/checkout@${t.sha1()} # v4`);
  gh.l('      - name: Next.js starter to Vercel');
  gh.s(`        run: npx vercel deploy --cwd starters/next-sanity --token ${vc}`, 'vercel', vc);
  gh.l('      - name: Gatsby starter to Netlify', '        env:');
  gh.s(`          NETLIFY_AUTH_TOKEN: ${nf}`, 'netlify', nf);
  gh.l('          NETLIFY_SITE_ID: ${{ vars.NETLIFY_SITE_ID }}');
  gh.l(
    '        run: npx netlify deploy --dir starters/gatsby-contentful/public',
    '      - name: Sentry release',
    '        env:',
  );
  gh.s(`          SENTRY_AUTH_TOKEN: ${sen}`, 'sentry', sen);
  gh.l('          SENTRY_ORG: ${{ secrets.SENTRY_ORG }}');
  gh.l('        run: npx @sentry/cli releases new "$GITHUB_SHA"');
}

// ---- Logs --------------------------------------------------------------------------------

function logs(repo, t, g) {
  const d = repo.file('logs/deploy/harbour-coffee-2025-05-02.log', 'logs');
  const dbpw = g.gen(18);
  const bbpw = g.bitbucketAppPw();
  d.l(
    'task deploy:info',
    '[production] info deploying main',
    'task deploy:setup',
    'task deploy:lock',
    'task deploy:release',
    'task deploy:update_code',
  );
  d.s(
    `[production] run git clone --mirror https://brightline-ci:${bbpw}@bitbucket.org/brightline/harbour-coffee.git /home/harbourc/deploy/.dep/repo`,
    'bitbucket',
    bbpw,
  );
  d.l(`[production] run git rev-parse main -> ${t.sha1()}`);
  d.l('task db:backup');
  d.s(
    `[production] run mysqldump -u harbourc_wpuser -p'${dbpw}' harbourc_wp | gzip > ~/backups/pre-deploy-2025-05-02.sql.gz`,
    'generic',
    dbpw,
  );
  d.l('[production] mysqldump: [Warning] Using a password on the command line interface can be insecure.');
  d.l('task deploy:symlink', 'task deploy:unlock', 'task slack:notify:success', 'Successfully deployed!');

  const pe = repo.file('logs/php/northfield-error.log', 'logs');
  const pdo = g.plain(22);
  pe.l(
    '[02-May-2025 03:14:07 UTC] PHP Warning:  Undefined array key "sku" in /home/northf/site/web/app/themes/northfield/inc/feed.php on line 41',
  );
  pe.l(
    '[02-May-2025 03:15:12 UTC] PHP Fatal error:  Uncaught PDOException: SQLSTATE[HY000] [2002] Connection refused in /home/northf/integrations/stock.php:12',
  );
  pe.l('Stack trace:');
  pe.s(
    `#0 /home/northf/integrations/stock.php(12): PDO->__construct('mysql:host=10.0...', 'unleashed_ro', '${pdo}')`,
    'generic',
    pdo,
  );
  pe.l('#1 {main}', '  thrown in /home/northf/integrations/stock.php on line 12');
  pe.d(
    '[02-May-2025 03:16:40 UTC] Stripe\\Exception\\AuthenticationException: Invalid API Key provided: sk_live_********************a1Bc',
    'stripe-masked key in error message',
  );
  pe.l(`[02-May-2025 03:17:02 UTC] WooCommerce webhook delivery ${t.digits(5)} signature ${g.b64(43)}= (sha256)`);

  const ac = repo.file('logs/nginx/kestrel-access.log', 'logs');
  const ck = g.wooCk();
  const cs = g.wooCs();
  const ip = () => `${t.digits(2)}.${Number(t.pick(DIGIT, 2))}.${Number(t.pick(DIGIT, 2))}.${Number(t.pick(DIGIT, 2))}`;
  ac.l(
    `${ip()} - - [02/May/2025:10:11:02 +0000] "GET / HTTP/2.0" 200 18234 "-" "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X)"`,
  );
  ac.s(
    `${ip()} - - [02/May/2025:10:11:09 +0000] "GET /wp-json/wc/v3/orders?per_page=50&consumer_key=${ck}&consumer_secret=${cs} HTTP/1.1" 200 40211 "-" "Zapier"`,
    'woocommerce',
    cs,
  );
  ac.d(
    `${ip()} - - [02/May/2025:10:11:15 +0000] "POST /wp-admin/admin-ajax.php?action=heartbeat&_wpnonce=${t.hex(10)} HTTP/2.0" 200 57 "-" "Mozilla/5.0"`,
    'wordpress nonce (short-lived csrf token)',
  );
  ac.l(
    `${ip()} - - [02/May/2025:10:12:40 +0000] "GET /assets/app.${t.hex(8)}.js HTTP/2.0" 200 91822 "-" "Mozilla/5.0"`,
  );

  const dl = repo.file('clients/meadowbank-dental/site/web/app/debug.log', 'logs');
  const smtp = g.human();
  const ts = '[28-Apr-2025 16:02:11 UTC]';
  dl.l(
    `${ts} SMTP -> get_lines(): $data is "220 smtp.office365.com ESMTP"`,
    `${ts} CLIENT -> SERVER: EHLO meadowbankdental.co.uk`,
  );
  dl.s(`${ts} CLIENT -> SERVER: AUTH PLAIN ${g.enc(`\0reception@meadowbankdental.co.uk\0${smtp}`)}`, 'generic', smtp);
  dl.l(`${ts} SERVER -> CLIENT: 235 2.7.0 Authentication successful`);
  dl.l(
    `${ts} PHP Notice:  Function wpdb::prepare was called incorrectly. Query must have a placeholder. (password reset)`,
  );

  const cj = repo.file('logs/ci/gitlab-job-48213.log', 'logs');
  const stg = g.plain(14);
  cj.l('Running with gitlab-runner 17.6.0 (b8ce2f83)', '  on runner01.brightline.digital, system ID: s_4b1f0c2e9a77');
  cj.l(`Using docker image sha256:${t.sha256()} for php:8.2-cli`);
  cj.l('$ echo "token is $CLOUDFLARE_API_TOKEN"');
  cj.d('token is [MASKED]', 'gitlab masked variable');
  cj.s(
    `$ curl -fsS -u brightline:${stg} https://staging-harbour.brightline.digital/wp-json/brightline/v1/health`,
    'generic',
    stg,
  );
  cj.l('{"ok":true,"wp":"6.7.2"}', 'Job succeeded');

  const rl = repo.file('logs/reporting/cron-2025-05.log', 'logs');
  const meta = g.metaToken();
  rl.l('2025-05-05 06:00:01,002 INFO reporting.run start weekly reports (12 clients)');
  rl.s(
    `2025-05-05 06:00:03,441 DEBUG urllib3.connectionpool https://graph.facebook.com:443 "GET /v21.0/act_${t.digits(15)}/insights?date_preset=last_7d&access_token=${meta} HTTP/1.1" 200 None`,
    'facebook',
    meta,
  );
  rl.l(
    "2025-05-05 06:00:09,118 ERROR google.auth.exceptions.RefreshError: ('invalid_grant: Token has been expired or revoked.', {'error': 'invalid_grant'})",
  );
  rl.l(`2025-05-05 06:00:12,730 INFO reporting.tiktok advertiser ${t.digits(19)} rows=148 request_id=${t.hex(32)}`);
}

// ---- Collaboration exports: Slack, Basecamp, ClickUp -------------------------------------

function collab(repo, t, g) {
  const s = repo.file('exports/slack/brightline/dev-ops/2025-04-14.json', 'chat');
  const wpPw = g.human();
  const shp = g.shpat();
  const cfk = g.cfGlobal();
  const msg = (user, ts) => [
    `    {`,
    '        "type": "message",',
    `        "user": "${user}",`,
    `        "ts": "${ts}.${t.digits(6)}",`,
  ];
  s.l('[');
  s.l(...msg('U04BRL7JAMI', '1713087432'));
  s.s(
    `        "text": "harbour wp admin for the agency account is brightline-admin \\/ ${wpPw} (sarah asked us to keep it)",`,
    'generic',
    wpPw,
  );
  s.l('        "team": "T02BRLDIGI1"', '    },');
  s.l(...msg('U05BRL2PRIY', '1713087590'));
  s.d('        "text": "pls don\'t paste logins here, 1Password vault \\"Clients \\/ Harbour\\" has it",', 'prose');
  s.l('        "team": "T02BRLDIGI1"', '    },');
  s.l(...msg('U04BRL7JAMI', '1713090122'));
  s.s(`        "text": "lumen erp bridge token if anyone needs it today: ${shp}",`, 'shopify', shp);
  s.l('        "team": "T02BRLDIGI1"', '    },');
  s.l(...msg('U03BRL9TOMH', '1713094410'));
  s.s(
    `        "text": "cloudflare global key (ops@ login) for the dns move: \`${cfk}\` - rotating friday",`,
    'cloudflare',
    cfk,
  );
  s.l('        "team": "T02BRLDIGI1"', '    },');
  s.l(...msg('U05BRL2PRIY', '1713094502'));
  s.l(`        "text": "zone id for lumen is ${g.cfId()} fwiw, that one is fine to share",`);
  s.l('        "team": "T02BRLDIGI1"', '    }', ']');

  const su = repo.file('exports/slack/brightline/users.json', 'chat');
  su.l('[', '    {');
  su.l('        "id": "U04BRL7JAMI",');
  su.l('        "name": "jamie",', '        "real_name": "Jamie Okafor",', '        "profile": {');
  su.l(`            "avatar_hash": "${t.hex(12)}",`);
  su.l('            "title": "Senior WordPress Developer"', '        }', '    }', ']');

  const b = repo.file('exports/basecamp/kestrel-festival-2025/messages/hosting-and-logins.html', 'html');
  const hostPw = g.human();
  const eb = g.eventbrite();
  b.l(
    '<!DOCTYPE html>',
    '<html><head><meta charset="utf-8"><title>Hosting and logins - Kestrel Festival 2025</title></head><body>',
  );
  b.l(
    '<article class="message">',
    '  <header><h1>Hosting and logins</h1><p>Posted by Tom H. on 3 Feb 2025</p></header>',
    '  <div class="trix-content">',
  );
  b.l('    <p>Hi Ellie, here is everything for the new site so your team can update line-up pages:</p>', '    <ul>');
  b.l('      <li>Statamic control panel: https://kestrelfestival.co.uk/cp</li>');
  b.s(`      <li>Login: ellie@kestrelfestival.co.uk / <strong>${hostPw}</strong></li>`, 'generic', hostPw);
  b.s(`      <li>Eventbrite private token (for the ticket widget): <code>${eb}</code></li>`, 'eventbrite', eb);
  b.l('      <li>Google Tag Manager container: ' + g.gtm() + '</li>');
  b.l('    </ul>', '  </div>', '</article>');
  b.l('<article class="comment"><p>Ellie: thanks! we will change the password after launch</p></article>');
  b.l('</body></html>');

  const c = repo.file('exports/clickup/brightline-delivery-2025-05.csv', 'csv');
  const app = g.wpAppPassword();
  const kl = g.klaviyo();
  const tf = g.typeform();
  c.l('Task ID,Task Name,Status,Assignees,Due Date,Task Content');
  c.s(
    `86c1f${t.lower(4)},"Northfield: connect order export to ERP",complete,"Jamie Okafor",2025-04-10,"Created WP application password for the ERP user (erp-sync): ${app}"`,
    'generic',
    app,
  );
  c.s(
    `86c1g${t.lower(4)},"Lumen: Klaviyo back-in-stock flow",in review,"Priya Shah",2025-04-18,"Private API key with flows:write - ${kl}"`,
    'klaviyo',
    kl,
  );
  c.s(
    `86c1h${t.lower(4)},"Kestrel: volunteer form",to do,"Tom Hughes",2025-05-02,"Use the Typeform token ${tf} until the client buys their own plan"`,
    'typeform',
    tf,
  );
  c.l(
    `86c1j${t.lower(4)},"Harbour: GA4 audit",complete,"Priya Shah",2025-04-22,"Measurement ID ${g.ga4()} confirmed on all templates"`,
  );
  c.l(
    `86c1k${t.lower(4)},"Driftwood: rotate Contentful token",to do,"Jamie Okafor",2025-05-09,"Old token revoked in Contentful, new one is in 1Password (not here)"`,
  );

  const cr = repo.file('tools/clickup-report/report.py', 'python');
  const cu = g.clickup();
  cr.l('"""Hours-by-client report from ClickUp time entries, emailed to finance on Mondays."""', 'import requests', '');
  cr.s(`HEADERS = {"Authorization": "${cu}"}`, 'clickup', cu);
  cr.l(`TEAM_ID = "${t.digits(8)}"`);
  cr.l('', 'def entries(start, end):');
  cr.l(
    '    return requests.get(f"https://api.clickup.com/api/v2/team/{TEAM_ID}/time_entries", headers=HEADERS, params={"start_date": start, "end_date": end}).json()',
  );

  const bs = repo.file('tools/basecamp-sync/sync.py', 'python');
  const bc = g.basecamp();
  bs.l('"""Mirror Basecamp to-dos for retained clients into the status board."""', 'import requests', '');
  bs.l(`ACCOUNT_ID = ${t.digits(7)}`);
  bs.s(`TOKEN = "${bc}"`, 'basecamp', bc);
  bs.l('UA = {"User-Agent": "Brightline status board (ops@brightline.digital)"}', '');
  bs.l('def projects():');
  bs.l(
    '    return requests.get(f"https://3.basecampapi.com/{ACCOUNT_ID}/projects.json", headers={**UA, "Authorization": f"Bearer {TOKEN}"}).json()',
  );

  const sl = repo.file('tools/slack-standup-bot/.env', 'env');
  const xb = t.slackBot();
  const sig = t.hex(32);
  sl.s(`SLACK_BOT_TOKEN=${xb}`, 'slack', xb);
  sl.s(`SLACK_SIGNING_SECRET=${sig}`, 'slack', sig);
  sl.l('SLACK_APP_ID=A07BRLSTAND');
}

// ---- Docs: client handovers, onboarding, runbooks -----------------------------------------

function docs(repo, t, g) {
  const h = repo.file('docs/handover/harbour-coffee.md', 'docs');
  const wpPw = g.human();
  const cpPw = g.human();
  h.l('# Harbour Coffee Roasters - site handover', '', 'Prepared by Brightline Digital, May 2025.', '', '## Website');
  h.l('- URL: https://harbourcoffee.co.uk', '- Admin: https://harbourcoffee.co.uk/wp-admin');
  h.s(`- Owner account: \`sarah.harbour\` / \`${wpPw}\` (please change on first login)`, 'generic', wpPw);
  h.l('', '## Hosting (cPanel)', '- https://web03.brightline-hosting.net:2083', '- User: `harbourc`');
  h.s(`- Password: ${cpPw}`, 'generic', cpPw);
  h.l('', '## DNS', 'Cloudflare account under sarah@harbourcoffee.co.uk.');
  h.l('', '## Tracking');
  h.l(`- GA4 property measurement ID: \`${g.ga4()}\``);
  h.d(`- Meta Pixel ID: \`${t.digits(16)}\``, 'meta pixel id (public)');
  h.l(`- Google Ads conversion ID: \`AW-${t.digits(10)}\``);

  const l = repo.file('docs/handover/lumen-skincare.md', 'docs');
  const erp = g.shpat();
  l.l('# Lumen Skincare - Shopify handover', '', '## Custom apps', '');
  l.l('| App | Purpose | Admin API token |', '|-----|---------|-----------------|');
  l.s(`| Lumen ERP bridge | stock + orders to Brightpearl | \`${erp}\` |`, 'shopify', erp);
  l.l('| Quiz widget | storefront read | uses the Storefront API public token in the theme |');
  l.l(`| Trade portal | Copperline-style B2B (not installed) | client id \`${g.shopifyClientId()}\` |`);

  const o = repo.file('docs/onboarding/new-developer.md', 'docs');
  const stg = g.human();
  o.l('# Welcome to Brightline', '', '## Local sites', '');
  o.d(
    'Lando sites use `wordpress` / `wordpress` for the database; DDEV uses `db` / `db`. These are local only.',
    'local dev defaults',
  );
  o.l('Run `lando start` then `lando pull-db` (needs `WPE_API_PASSWORD=<ask-ops>` in your shell).');
  o.l('', '## Shared accounts', '');
  o.s(`The shared staging SFTP login is \`staging\` / \`${stg}\` on staging.brightline-hosting.net.`, 'generic', stg);
  o.l('Everything else lives in 1Password (vault "Brightline Ops"). Never paste a password in Slack.');

  const r = repo.file('docs/runbooks/ads-tokens.md', 'docs');
  const li = g.linkedinToken();
  r.l('# Refreshing ads API tokens', '', '## LinkedIn (every 60 days)', '');
  r.l(
    '1. Open the token generator with the Brightline ads member.',
    '2. Paste the new token into `reporting/linkedin_ads/linkedinReport.js`.',
    '',
  );
  r.s(`Current token (issued 2025-04-01): \`${li}\``, 'linkedin', li);
  r.l('', '## Meta', '');
  r.d(
    'The system user token never expires; it is read from `META_ACCESS_TOKEN` (e.g. `EAAB...`).',
    'truncated example',
  );
  r.l('', '## Google Ads', '');
  r.l(
    'Run `python -m google_ads.generate_refresh_token --client-secrets client_secret.json` and paste into `google-ads.yaml`.',
  );

  const m = repo.file('docs/runbooks/site-migration.md', 'docs');
  const tmp = g.human();
  m.l('# Migrating a client site to Brightline hosting', '', '```sh');
  m.l(
    'wp @old db export old.sql',
    'wp @new db import old.sql',
    'wp @new search-replace https://old.example https://new.example --all-tables',
  );
  m.s(
    `wp @new user create brightline-admin dev@brightline.digital --role=administrator --user_pass='${tmp}'`,
    'generic',
    tmp,
  );
  m.d('mysql -u "$DB_USER" -p"${DB_PASSWORD}" "$DB_NAME" < old.sql', 'variables');
  m.l('```');

  const rd = repo.file('README.md', 'docs');
  rd.l(
    '# Brightline Digital - client sites monorepo',
    '',
    '- `clients/` one folder per client',
    '- `starters/` Next.js + Sanity and Gatsby + Contentful',
    '- `reporting/` ads reporting',
    '',
  );
  rd.l('## Getting started', '', '```sh');
  rd.l(
    'cp starters/next-sanity/.env.example starters/next-sanity/.env.local   # then set SANITY_API_READ_TOKEN=<your token>',
  );
  rd.d('export SHOPIFY_CLI_THEME_TOKEN=shptka_your_theme_access_password', 'placeholder');
  rd.l('```');

  const ex = repo.file('starters/next-sanity/.env.example', 'env');
  ex.l('NEXT_PUBLIC_SANITY_PROJECT_ID=your-project-id');
  ex.l('SANITY_API_READ_TOKEN=');
  ex.l('RESEND_API_KEY=re_xxxxxxxx');

  const wc = repo.file('docs/api-examples/woocommerce-rest.md', 'docs');
  wc.l(
    '# WooCommerce REST quick reference',
    '',
    'Generate keys under WooCommerce > Settings > Advanced > REST API.',
    '',
    '```sh',
  );
  wc.d(
    'curl https://example.com/wp-json/wc/v3/orders -u ck_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX:cs_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
    'documented placeholder keys',
  );
  wc.l('curl "https://example.com/wp-json/wc/v3/products?consumer_key=$WC_KEY&consumer_secret=$WC_SECRET"');
  wc.l('```');
}

// ---- Keys and certificates -------------------------------------------------------------------

function keys(repo, t, g) {
  const k = repo.file('ops/ssh/brightline_deploy', 'keys');
  const os = t.opensshPem();
  k.s(os, 'private-key', os.join('\n'));
  const pub = repo.file('ops/ssh/brightline_deploy.pub', 'keys');
  pub.d(`ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${t.mixed(B64, 43)} deploy@brightline.digital`, 'public key');

  const pp = repo.file('ops/ssh/web03-root.ppk', 'keys');
  const priv = Array.from({ length: 14 }, (_, i) => (i === 13 ? t.mixed(B64, 44) : t.mixed(B64, 64)));
  pp.l(
    'PuTTY-User-Key-File-3: ssh-rsa',
    'Encryption: none',
    'Comment: root@web03 (legacy, Windows laptops)',
    'Public-Lines: 6',
  );
  pp.d(
    [
      `AAAAB3NzaC1yc2EAAAADAQABAAABAQ${t.mixed(B64, 34)}`,
      ...Array.from({ length: 4 }, () => t.mixed(B64, 64)),
      t.mixed(B64, 20),
    ],
    'public key lines',
  );
  pp.l('Private-Lines: 14');
  pp.s(priv, 'private-key', priv.join('\n'));
  pp.l(`Private-MAC: ${t.sha256()}`);

  const ssl = repo.file('clients/harbour-coffee/ssl/harbourcoffee.co.uk.key', 'keys');
  const rsa = t.rsaPem();
  ssl.s(rsa, 'private-key', rsa.join('\n'));
  const crt = repo.file('clients/harbour-coffee/ssl/harbourcoffee.co.uk.crt', 'keys');
  crt.d(g.cert(), 'certificate');

  const sa = repo.file('reporting/config/bigquery-exporter.json', 'keys');
  const p8 = t.pkcs8Pem();
  const proj = `brightline-reporting-${t.lower(6)}`;
  sa.l('{', '  "type": "service_account",', `  "project_id": "${proj}",`);
  sa.d(`  "private_key_id": "${t.sha1()}",`, 'key id');
  sa.s(`  "private_key": ${JSON.stringify(p8.join('\n') + '\n')},`, 'gcp', p8.join('\n'));
  sa.l(`  "client_email": "looker-export@${proj}.iam.gserviceaccount.com",`, `  "client_id": "${t.digits(21)}",`);
  sa.l(
    '  "auth_uri": "https://accounts.google.com/o/oauth2/auth",',
    '  "token_uri": "https://oauth2.googleapis.com/token"',
    '}',
  );

  const jw = repo.file('clients/copperline-bikes/b2b-app/keys/jwt-public.pem', 'keys');
  jw.l(...g.pubPem());
}

// ---- Noise: lockfiles, translations, fixtures, hashes -------------------------------------

function noise(repo, t, g) {
  const cl = repo.file('clients/harbour-coffee/composer.lock', 'decoys');
  cl.l('{', '    "_readme": ["This file locks the dependencies of your project to a known state"],');
  cl.l(`    "content-hash": "${t.hex(32)}",`);
  cl.l('    "packages": [');
  for (const [name, v] of [
    ['wpackagist-plugin/wordpress-seo', '24.6'],
    ['wpengine/advanced-custom-fields-pro', '6.3.12'],
  ]) {
    cl.l(
      '        {',
      `            "name": "${name}",`,
      `            "version": "${v}",`,
      '            "dist": {',
      '                "type": "zip",',
    );
    cl.l(`                "reference": "${t.sha1()}",`);
    cl.d(`                "shasum": "${t.sha1()}"`, 'dist shasum');
    cl.l('            }', '        },');
  }
  cl.l('        {}', '    ]', '}');

  const pl = repo.file('starters/next-sanity/package-lock.json', 'decoys');
  pl.l('{', '  "name": "brightline-next-sanity",', '  "lockfileVersion": 3,', '  "packages": {');
  for (const n of ['next', 'next-sanity', 'resend']) {
    pl.l(
      `    "node_modules/${n}": {`,
      '      "version": "15.1.0",',
      `      "resolved": "https://registry.npmjs.org/${n}/-/${n}-15.1.0.tgz",`,
    );
    pl.l(`      "integrity": "sha512-${g.enc(Buffer.from(t.pick(HEX, 128), 'hex'))}"`);
    pl.l('    },');
  }
  pl.l('    "": {}', '  }', '}');

  const po = repo.file('clients/harbour-coffee/wordpress/wp-content/themes/harbour/languages/fr_FR.po', 'decoys');
  po.l('msgid ""', 'msgstr ""', '"Language: fr_FR\\n"', '');
  po.l('#: templates/account.php:42', 'msgid "Password"');
  po.d('msgstr "Mot de passe"', 'translation');
  po.l('', '#: templates/account.php:57', 'msgid "Your API key"');
  po.l('msgstr "Votre clé API"');
  po.l('', '#: inc/woocommerce.php:88', 'msgid "Enter your access token"');
  po.l('msgstr "Saisissez votre jeton d\'accès"');

  const fx = repo.file('clients/copperline-bikes/b2b-app/tests/fixtures/session.json', 'decoys');
  fx.l(
    '{',
    '  "_comment": "fake session for vitest, the token is not real",',
    '  "shop": "copperline-bikes-dev.myshopify.com",',
  );
  fx.d('  "accessToken": "shpat_00000000000000000000000000000000",', 'zeroed test fixture');
  fx.l('  "scope": "read_customers,write_draft_orders"');
  fx.l('}');

  const ids = repo.file('clients/lumen-skincare/theme/config/settings_schema.json', 'decoys');
  ids.l('[', '  {', '    "name": "theme_info",', '    "theme_name": "Lumen",', '    "theme_version": "3.2.0",');
  ids.l(`    "theme_documentation_url": "https://help.brightline.digital/themes/lumen#${t.hex(8)}",`);
  ids.l(
    '    "theme_support_url": "https://brightline.digital/support"',
    '  },',
    '  {',
    '    "name": "Integrations",',
    '    "settings": [',
  );
  ids.l('      { "type": "text", "id": "klaviyo_public_key", "label": "Klaviyo public API key (site ID)" },');
  ids.l('      { "type": "text", "id": "gtm_id", "label": "Google Tag Manager ID", "placeholder": "GTM-XXXXXXX" },');
  ids.l('    ]', '  }', ']');

  const sums = repo.file('clients/alder-architects/craft/composer.json', 'decoys');
  sums.l(
    '{',
    '  "require": {',
    '    "craftcms/cms": "^5.5",',
    '    "nystudio107/craft-seomatic": "^5.1",',
    '    "verbb/formie": "^3.0"',
    '  },',
  );
  sums.l('  "config": {', '    "allow-plugins": { "craftcms/plugin-installer": true },');
  sums.l('    "platform": { "php": "8.2" }');
  sums.l('  }', '}');
}
