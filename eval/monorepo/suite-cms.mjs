// Red-team suite "cms": web applications built on CMSs and classic frameworks as agencies and
// hosting customers ship them: WordPress (wp-config, Bedrock, WP-CLI, plugin settings as PHP arrays
// and serialized options in dumps), Drupal, Joomla, Magento 1 and 2, TYPO3, PrestaShop, Laravel,
// Symfony, Craft, Ghost, Strapi, Umbraco/ASP.NET, Rails, Django, deploy scripts (Deployer,
// Capistrano, Envoy), SFTP/FTP deploy configs, .htpasswd, SMTP settings, plugin licence keys.
// Decoys are what the same files really hold: placeholders of the products' sample files, env()
// and getenv references, %env()% parameters, nonces, versions, SRI hashes, lock digests, ids,
// public keys, documented default passwords, password hashes and ciphertext.
// Written from the products' own file shapes, not from tokenscope's rules.
import { ALNUM, B64, DIGIT, HEX, LOWER, UPPER, URLSAFE, Repo, makeTokens, mulberry32 } from './generate.mjs';

function extra(rand, t) {
  const one = (list) => list[Math.floor(rand() * list.length)];
  const human = () =>
    one([
      () => `${one(['Bakery', 'Harbor', 'Lantern', 'Meadow'])}${one(['2024', '2025', '2026'])}${one(['!', '#', '$'])}`,
      () => `${one(['Welcome', 'Sunset', 'Pixel', 'Coffee'])}${t.digits(3)}${one(['!', '@', '#'])}`,
      () =>
        `${one(['blue', 'green', 'amber'])}-${one(['otter', 'river', 'piano'])}-${one(['lamp', 'stone', 'cloud'])}-${t.digits(2)}`,
    ])();
  const pw = () => (rand() < 0.4 ? human() : rand() < 0.5 ? t.password() : t.alnum(16 + Math.floor(rand() * 10)));
  // A password as it sits in a URL's userinfo.
  const urlPw = () => t.alnum(14 + Math.floor(rand() * 8));
  // WordPress salts as api.wordpress.org/secret-key/1.1/salt/ makes them, minus ' and \.
  const wpSalt = () => t.mixed(ALNUM + '!@#$%^&*()-_[]{}<>~`+=,.;:/?| ', 64);
  const djangoKey = () => t.mixed(LOWER + DIGIT + '!@#%^&*(-_=+)', 50);
  const bytesB64 = (n) => Buffer.from(Array.from({ length: n }, () => Math.floor(rand() * 256))).toString('base64');
  const sha384 = () => bytesB64(48);
  return { one, human, pw, urlPw, wpSalt, djangoKey, bytesB64, sha384 };
}

const SALT_NAMES = [
  'AUTH_KEY',
  'SECURE_AUTH_KEY',
  'LOGGED_IN_KEY',
  'NONCE_KEY',
  'AUTH_SALT',
  'SECURE_AUTH_SALT',
  'LOGGED_IN_SALT',
  'NONCE_SALT',
];

// PHP serialize() of a flat map of strings.
const ser = (obj) =>
  `a:${Object.keys(obj).length}:{${Object.entries(obj)
    .map(([k, v]) => `s:${k.length}:"${k}";s:${Buffer.byteLength(v)}:"${v}";`)
    .join('')}}`;

function wordpress(repo, t, x) {
  // A classic wp-config.php as the installer writes it.
  const f = repo.file('sites/bakery-wp/wp-config.php', 'wordpress');
  const dbpw = x.pw();
  f.l('<?php', '/**', ' * The base configuration for WordPress', ' *', ' * @package WordPress', ' */', '');
  f.l('// ** Database settings - You can get this info from your web host ** //');
  f.l("define( 'DB_NAME', 'bakery_wp' );", "define( 'DB_USER', 'bakery_wp' );");
  f.s(`define( 'DB_PASSWORD', '${dbpw}' );`, 'generic', dbpw);
  f.l("define( 'DB_HOST', 'localhost' );", "define( 'DB_CHARSET', 'utf8mb4' );", "define( 'DB_COLLATE', '' );", '');
  f.l('/**#@+', ' * Authentication unique keys and salts.', ' */');
  for (const name of SALT_NAMES) {
    const v = x.wpSalt();
    f.s(`define( '${name}',${' '.repeat(18 - name.length)}'${v}' );`, 'generic', v);
  }
  f.l('/**#@-*/', '', "$table_prefix = 'wp_';", '');
  f.d("define( 'WP_DEBUG', false );", 'boolean setting');
  const redis = x.urlPw();
  f.s(`define( 'WP_REDIS_PASSWORD', '${redis}' );`, 'generic', redis);
  f.d(`define( 'WP_CACHE_KEY_SALT', 'bakery-wp-prod:' );`, 'cache key prefix, not a secret');
  f.l("define( 'FS_METHOD', 'ftpext' );", "define( 'FTP_USER', 'bakery' );");
  const ftp = x.pw();
  f.s(`define( 'FTP_PASS', '${ftp}' );`, 'generic', ftp);
  f.l("define( 'FTP_HOST', 'ftp.bakery-shop.co.uk' );", '');
  f.l(
    "if ( ! defined( 'ABSPATH' ) ) {",
    "\tdefine( 'ABSPATH', __DIR__ . '/' );",
    '}',
    "require_once ABSPATH . 'wp-settings.php';",
  );

  // The shipped sample: placeholders only.
  const s = repo.file('sites/bakery-wp/wp-config-sample.php', 'wordpress');
  s.l('<?php', "define( 'DB_NAME', 'database_name_here' );", "define( 'DB_USER', 'username_here' );");
  s.d("define( 'DB_PASSWORD', 'password_here' );", 'sample placeholder');
  s.l("define( 'DB_HOST', 'localhost' );");
  s.d("define( 'AUTH_KEY',         'put your unique phrase here' );", 'sample placeholder');
  s.d("define( 'SECURE_AUTH_KEY',  'put your unique phrase here' );", 'sample placeholder');
  s.d("define( 'NONCE_SALT',       'put your unique phrase here' );", 'sample placeholder');

  // A second install: mail and licence constants, the salts hard-coded on one line each in another style.
  const g = repo.file('clients/harbor-dental/public_html/wp-config.php', 'wordpress');
  g.l('<?php');
  const gpw = x.pw();
  g.s(`define('DB_PASSWORD', "${gpw}");`, 'generic', gpw);
  g.l(
    "define('DB_NAME', 'harbordental_wp');",
    "define('DB_USER', 'harbordental_wp');",
    "define('DB_HOST', 'mysql-22.hosting.example.net');",
  );
  const ak = x.wpSalt();
  g.s(`define('AUTH_KEY', '${ak}');`, 'generic', ak);
  const sk = x.wpSalt();
  g.s(`define('SECURE_AUTH_KEY', '${sk}');`, 'generic', sk);
  g.l('// WP Mail SMTP constants (Settings > WP Mail SMTP > Misc)');
  g.l(
    "define( 'WPMS_ON', true );",
    "define( 'WPMS_SMTP_HOST', 'smtp.office365.com' );",
    "define( 'WPMS_SMTP_USER', 'reception@harbor-dental.co.uk' );",
  );
  const smtp = x.pw();
  g.s(`define( 'WPMS_SMTP_PASS', '${smtp}' );`, 'generic', smtp);
  const sgk = t.sendgrid();
  g.s(`define( 'WPMS_SENDGRID_API_KEY', '${sgk}' );`, 'sendgrid', sgk);
  g.l('// licences');
  const acf = t.mixed(URLSAFE, 72);
  g.s(`define( 'ACF_PRO_LICENSE', '${acf}' );`, 'generic', acf);
  const gf = t.hex(32);
  g.s(`define( 'GF_LICENSE_KEY', '${gf}' );`, 'generic', gf);
  const rocket = t.hex(8);
  g.s(
    `define( 'WP_ROCKET_KEY', '${rocket}' ); define( 'WP_ROCKET_EMAIL', 'it@harbor-dental.co.uk' );`,
    'generic',
    rocket,
  );
  g.d("define( 'WP_ROCKET_VERSION', '3.16.2' );", 'version');
  g.d(`define( 'WP_CACHE_KEY_SALT', '${t.uuid()}' );`, 'object-cache namespace uuid');

  // Bedrock .env: salts and DB credentials as dotenv lines.
  const b = repo.file('sites/meadow-bedrock/.env', 'wordpress');
  b.l("DB_NAME='meadow'", "DB_USER='meadow'");
  const bpw = x.pw().replace(/'/g, '');
  b.s(`DB_PASSWORD='${bpw}'`, 'generic', bpw);
  b.l('WP_ENV=production', 'WP_HOME=https://meadow-farm.org', 'WP_SITEURL=${WP_HOME}/wp', '');
  b.l('# Generate your keys here: https://roots.io/salts.html');
  for (const name of SALT_NAMES.slice(0, 4)) {
    const v = t.mixed(ALNUM + '!#%&()*+,-.:;<=>?@[]^_{|}~', 64);
    b.s(`${name}='${v}'`, 'generic', v);
  }
  const dburl = x.urlPw();
  b.s(`DATABASE_URL='mysql://meadow:${dburl}@db.internal:3306/meadow'`, 'database', dburl);

  const be = repo.file('sites/meadow-bedrock/.env.example', 'wordpress');
  be.d("DB_PASSWORD='database_password'", 'example placeholder');
  be.d("AUTH_KEY='generateme'", 'example placeholder');
  be.d("SECURE_AUTH_KEY='generateme'", 'example placeholder');
  be.d(
    "# DATABASE_URL='mysql://database_user:database_password@database_host:database_port/database_name'",
    'example placeholder url',
  );

  const bc = repo.file('sites/meadow-bedrock/config/application.php', 'wordpress');
  bc.l('<?php', 'use Roots\\WPConfig\\Config;', 'use function Env\\env;');
  bc.d("Config::define('DB_PASSWORD', env('DB_PASSWORD'));", 'env reference');
  bc.d("Config::define('AUTH_KEY', env('AUTH_KEY'));", 'env reference');
  bc.d("Config::define('NONCE_SALT', env('NONCE_SALT'));", 'env reference');
  bc.d("Config::define('WP_REDIS_PASSWORD', getenv('REDIS_PASSWORD') ?: null);", 'getenv reference');

  // WP-CLI config with config-create defaults and aliases.
  const w = repo.file('sites/bakery-wp/wp-cli.yml', 'wordpress');
  w.l(
    'path: web/wp',
    'url: https://bakery-shop.co.uk',
    '',
    '@staging:',
    '  ssh: deploy@staging.bakery-shop.co.uk/var/www/bakery/current',
    '@production:',
    '  ssh: deploy@203.0.113.20:2222/var/www/bakery/current',
    '',
  );
  w.l('config create:', '  dbname: bakery_wp', '  dbuser: bakery_wp');
  const cli = x.pw();
  w.s(`  dbpass: "${cli}"`, 'generic', cli);
  w.l('  extra-php: |', "    define( 'WP_DEBUG', false );");
  const wl = repo.file('sites/meadow-bedrock/wp-cli.local.yml', 'wordpress');
  wl.l('core install:', '  url: http://meadow.test', '  title: Meadow Farm', '  admin_user: admin');
  wl.d('  admin_password: password', 'documented local default (VVV/Lando)');
  wl.l('  admin_email: admin@meadow.test');

  // Plugin settings pushed from a mu-plugin as PHP arrays.
  const mu = repo.file('sites/bakery-wp/wp-content/mu-plugins/site-settings.php', 'wordpress');
  const skl = t.stripeLive();
  const whsec = `whsec_${t.mixed(ALNUM, 32)}`;
  mu.l(
    '<?php',
    '/* Plugin Name: Bakery site settings (pinned by the agency) */',
    "add_filter( 'pre_option_woocommerce_stripe_settings', function () {",
    '  return array(',
  );
  mu.l("    'enabled'              => 'yes',", "    'testmode'             => 'no',");
  mu.d(`    'publishable_key'      => 'pk_live_${t.alnum(24)}',`, 'stripe publishable key');
  mu.s(`    'secret_key'           => '${skl}',`, 'stripe', skl);
  mu.s(`    'webhook_secret'       => '${whsec}',`, 'stripe', whsec);
  mu.l('  );', '} );', '');
  const mc = `${t.hex(32)}-us${Math.floor(rand01(t) * 20) + 1}`;
  mu.l("update_option( 'mc4wp', array(");
  mu.s(`  'api_key' => '${mc}',`, 'mailchimp', mc);
  mu.l("  'allow_usage_tracking' => 0,", ') );');
  const recaptcha = `6L${t.mixed(URLSAFE, 38)}`;
  const recaptchaSite = `6L${t.mixed(URLSAFE, 38)}`;
  mu.d(`define( 'RECAPTCHA_SITE_KEY', '${recaptchaSite}' );`, 'reCAPTCHA site key (public)');
  mu.s(`define( 'RECAPTCHA_SECRET_KEY', '${recaptcha}' );`, 'generic', recaptcha);
  mu.d(
    `wp_enqueue_script( 'bakery-main', get_stylesheet_directory_uri() . '/dist/main.js', array(), '${t.hex(20)}', true );`,
    'asset version hash',
  );

  // Theme template: nonces, SRI, versions.
  const h = repo.file('sites/bakery-wp/wp-content/themes/bakery/header.php', 'wordpress');
  h.l('<!doctype html>', '<html <?php language_attributes(); ?>>', '<head>');
  h.d(
    `<script src="https://cdn.jsdelivr.net/npm/alpinejs@3.14.1/dist/cdn.min.js" integrity="sha384-${x.sha384()}" crossorigin="anonymous" defer></script>`,
    'SRI hash',
  );
  h.d(
    `<link rel="stylesheet" href="https://cdnjs.cloudflare.com/ajax/libs/font-awesome/6.5.2/css/all.min.css" integrity="sha512-${x.bytesB64(64)}" crossorigin="anonymous" />`,
    'SRI hash',
  );
  h.l('<?php wp_head(); ?>', '</head>');
  h.d("<form method=\"post\"><?php wp_nonce_field( 'bakery_newsletter', 'bakery_nonce' ); ?>", 'nonce call');
  h.d(
    `<input type="hidden" id="_wpnonce" name="_wpnonce" value="${t.hex(10)}" /><input type="hidden" name="_wp_http_referer" value="/contact/" />`,
    'rendered nonce in saved markup',
  );

  // SQL dump with serialized options.
  const d = repo.file('sites/bakery-wp/db/bakery_wp-2026-11-28.sql', 'wordpress');
  d.l(
    '-- MySQL dump 10.13  Distrib 8.0.39, for Linux (x86_64)',
    '--',
    '-- Host: localhost    Database: bakery_wp',
    '',
    'LOCK TABLES `wp_options` WRITE;',
  );
  const smtpPass = x.urlPw();
  d.s(
    `INSERT INTO \`wp_options\` VALUES (412,'wp_mail_smtp','a:2:{s:4:\\"mail\\";a:2:{s:10:\\"from_email\\";s:21:\\"orders@bakery-shop.uk\\";s:6:\\"mailer\\";s:4:\\"smtp\\";}s:4:\\"smtp\\";a:4:{s:4:\\"host\\";s:15:\\"smtp.mailgun.org\\";s:4:\\"port\\";i:587;s:4:\\"user\\";s:25:\\"postmaster@mg.bakery.shop\\";s:4:\\"pass\\";s:${smtpPass.length}:\\"${smtpPass}\\";}}','yes');`,
    'generic',
    smtpPass,
  );
  const ppPass = t.mixed(UPPER + DIGIT, 16);
  const ppSig = t.mixed(ALNUM + '-', 56);
  const ppSer = ser({
    enabled: 'yes',
    api_username: 'payments_api1.bakery-shop.co.uk',
    api_password: ppPass,
    api_signature: ppSig,
  });
  d.s(
    `INSERT INTO \`wp_options\` VALUES (518,'woocommerce_ppec_paypal_settings','${ppSer.replace(/"/g, '\\"')}','yes');`,
    'paypal',
    ppPass,
  );
  d.d(
    `INSERT INTO \`wp_options\` VALUES (97,'_transient_timeout_wc_report_orders','1764547200','no'),(98,'_site_transient_update_core','${ser({ version_checked: '6.7.1', download: 'https://downloads.wordpress.org/release/wordpress-6.7.1.zip' }).replace(/"/g, '\\"')}','no');`,
    'versions in transients',
  );
  d.d(`INSERT INTO \`wp_options\` VALUES (130,'auth_key','put your unique phrase here','yes');`, 'placeholder');
  d.d(
    `INSERT INTO \`wp_usermeta\` VALUES (41,1,'session_tokens','${ser({ verifier: t.sha256() }).replace(/"/g, '\\"')}');`,
    'session verifier is a sha256 of the token',
  );
  d.l('UNLOCK TABLES;', 'LOCK TABLES `wp_users` WRITE;');
  d.d(
    `INSERT INTO \`wp_users\` VALUES (2,'demo','$P$B${t.mixed(ALNUM + './', 30)}','demo','demo@bakery.test','',NOW(),'',0,'Demo');`,
    'phpass hash of the theme demo account (documented demo/demo)',
  );
  d.l('UNLOCK TABLES;');

  // Composer auth for premium plugins (ACF uses the licence key as the user name).
  const ca = repo.file('sites/meadow-bedrock/auth.json', 'wordpress');
  const acfKey = t.mixed(URLSAFE, 72);
  const wpmdb = t.uuid();
  ca.l('{', '  "http-basic": {', '    "connect.advancedcustomfields.com": {');
  ca.s(`      "username": "${acfKey}",`, 'generic', acfKey);
  ca.d('      "password": "https://meadow-farm.org"', 'ACF wants the site url as password');
  ca.l('    },', '    "composer.deliciousbrains.com": {');
  ca.s(`      "username": "${wpmdb}",`, 'generic', wpmdb);
  // Delicious Brains, like ACF, takes the licence key as the user name and the site url as password.
  ca.d('      "password": "https://meadow-farm.org"', 'site url as password');
  ca.l('    }', '  }', '}');

  const lock = repo.file('sites/meadow-bedrock/composer.lock', 'wordpress');
  lock.l('{');
  lock.d(`    "content-hash": "${t.hex(32)}",`, 'composer content hash');
  lock.l(
    '    "packages": [',
    '        {',
    '            "name": "roots/wordpress-no-content",',
    '            "version": "6.7.1",',
    '            "dist": {',
    '                "type": "zip",',
    '                "url": "https://downloads.wordpress.org/release/wordpress-6.7.1-no-content.zip",',
  );
  lock.d(`                "shasum": "${t.sha1()}"`, 'dist shasum');
  lock.l(
    '            },',
    '            "source": {',
    '                "type": "git",',
    '                "url": "https://github.com/roots/wordpress-no-content.git",',
  );
  lock.d(`                "reference": "${t.sha1()}"`, 'git reference');
  lock.l('            }', '        }', '    ]', '}');

  // docker-compose for local dev uses the Docker docs' defaults; production does not.
  const dc = repo.file('sites/bakery-wp/docker-compose.yml', 'wordpress');
  dc.l('services:', '  db:', '    image: mysql:8.0', '    environment:');
  dc.d('      MYSQL_ROOT_PASSWORD: somewordpress', 'documented docker-library default');
  dc.l('      MYSQL_DATABASE: wordpress', '      MYSQL_USER: wordpress');
  dc.d('      MYSQL_PASSWORD: wordpress', 'documented docker-library default');
  dc.l(
    '  wordpress:',
    '    image: wordpress:6.7-php8.3-apache',
    '    environment:',
    '      WORDPRESS_DB_HOST: db',
    '      WORDPRESS_DB_USER: wordpress',
  );
  dc.d('      WORDPRESS_DB_PASSWORD: wordpress', 'documented docker-library default');
  const dp = repo.file('sites/bakery-wp/docker-compose.prod.yml', 'wordpress');
  dp.l('services:', '  db:', '    image: mariadb:11.4', '    environment:');
  const root = x.pw();
  dp.s(`      MARIADB_ROOT_PASSWORD: "${root}"`, 'generic', root);
  dp.l('  wordpress:', '    environment:');
  const wpdb = x.pw();
  dp.s(`      - WORDPRESS_DB_PASSWORD=${wpdb}`, 'generic', wpdb);
  dp.d('      - WORDPRESS_AUTH_KEY=${WORDPRESS_AUTH_KEY:?set it in .env}', 'compose variable');

  // debug.log: access-denied lines and a stack trace with constructor arguments.
  const lg = repo.file('sites/bakery-wp/wp-content/debug.log', 'wordpress');
  lg.d(
    "[28-Nov-2026 09:12:44 UTC] PHP Warning:  mysqli_real_connect(): (HY000/1045): Access denied for user 'bakery_wp'@'localhost' (using password: YES) in /var/www/bakery/wp-includes/class-wpdb.php on line 1982",
    'error without a secret',
  );
  const tracePw = x.urlPw();
  lg.s(
    `#1 /var/www/bakery/wp-content/plugins/bakery-erp-sync/src/Db.php(31): PDO->__construct('mysql:host=10.0.4.12;dbname=erp', 'erp_sync', '${tracePw}', Array)`,
    'generic',
    tracePw,
  );
  lg.d(
    `[28-Nov-2026 09:13:02 UTC] PHP Notice:  Function wp_enqueue_script was called incorrectly (ver ${t.hex(8)}).`,
    'hex version',
  );
}

// A tiny helper: a float from the token source without consuming another generator.
function rand01(t) {
  return Number(t.digits(6)) / 1e6;
}

function drupal(repo, t, x) {
  const f = repo.file('sites/library-drupal/web/sites/default/settings.php', 'drupal');
  const pw = x.pw();
  f.l(
    '<?php',
    '',
    "$databases['default']['default'] = [",
    "  'database' => 'library_d10',",
    "  'username' => 'library',",
  );
  f.s(`  'password' => '${pw}',`, 'generic', pw);
  f.l(
    "  'prefix' => '',",
    "  'host' => '127.0.0.1',",
    "  'port' => '3306',",
    "  'namespace' => 'Drupal\\\\mysql\\\\Driver\\\\Database\\\\mysql',",
    "  'driver' => 'mysql',",
    '];',
    '',
  );
  const salt = t.mixed(URLSAFE, 74);
  f.s(`$settings['hash_salt'] = '${salt}';`, 'generic', salt);
  f.d("$settings['config_sync_directory'] = '../config/sync';", 'path');
  f.d(`$settings['deployment_identifier'] = '${t.sha1().slice(0, 12)}';`, 'deploy id');
  const smtp = x.pw();
  f.s(`$config['smtp.settings']['smtp_password'] = '${smtp}';`, 'generic', smtp);
  f.l("$settings['trusted_host_patterns'] = ['^library\\.example-council\\.gov\\.uk$'];");
  f.l(
    "if (file_exists($app_root . '/' . $site_path . '/settings.local.php')) {",
    "  include $app_root . '/' . $site_path . '/settings.local.php';",
    '}',
  );

  const loc = repo.file('sites/library-drupal/web/sites/default/settings.local.php', 'drupal');
  loc.l('<?php');
  loc.d("$settings['hash_salt'] = file_get_contents('/var/www/private/salt.txt');", 'file reference');
  loc.d("$databases['default']['default']['password'] = getenv('DRUPAL_DB_PASSWORD');", 'getenv reference');
  const solr = x.urlPw();
  loc.s(
    `$config['search_api.server.solr']['backend_config']['connector_config']['password'] = '${solr}';`,
    'generic',
    solr,
  );
  loc.d("$config['system.logging']['error_level'] = 'verbose';", 'setting');

  // Drupal 7 array() syntax, one-line style.
  const d7 = repo.file('clients/parish-d7/sites/default/settings.php', 'drupal');
  d7.l('<?php');
  const d7pw = x.pw();
  d7.s(
    `$databases = array ('default' => array ('default' => array ('database' => 'parish', 'username' => 'parish', 'password' => '${d7pw}', 'host' => 'localhost', 'port' => '', 'driver' => 'mysql', 'prefix' => '')));`,
    'generic',
    d7pw,
  );
  d7.d("$drupal_hash_salt = '';", 'empty');
  const d7salt = t.mixed(URLSAFE, 43);
  d7.s(`$conf['drupal_private_key'] = '${d7salt}';`, 'generic', d7salt);
  d7.d('$update_free_access = FALSE;', 'setting');

  const dd = repo.file('sites/library-drupal/.ddev/config.yaml', 'drupal');
  dd.l(
    'name: library',
    'type: drupal10',
    'docroot: web',
    'php_version: "8.3"',
    'database:',
    '  type: mariadb',
    '  version: "10.11"',
  );
  dd.d('# DDEV database credentials are db/db/db (user/password/database)', 'documented default');
  dd.l('web_environment:');
  dd.d('  - DRUPAL_DB_PASSWORD=db', 'ddev documented default');
}

function joomla(repo, t, x) {
  const f = repo.file('clients/rowing-club/configuration.php', 'joomla');
  const pw = x.pw();
  const secret = t.alnum(16);
  const smtp = x.pw();
  f.l(
    '<?php',
    'class JConfig {',
    '\tpublic $offline = false;',
    "\tpublic $sitename = 'Riverside Rowing Club';",
    "\tpublic $dbtype = 'mysqli';",
    "\tpublic $host = 'localhost';",
    "\tpublic $user = 'rowing_j4';",
  );
  f.s(`\tpublic $password = '${pw}';`, 'generic', pw);
  f.l("\tpublic $db = 'rowing_j4';", "\tpublic $dbprefix = 'x7k2d_';");
  f.s(`\tpublic $secret = '${secret}';`, 'generic', secret);
  f.l("\tpublic $mailer = 'smtp';", '\tpublic $smtpauth = true;', "\tpublic $smtpuser = 'club@riverside-rowing.org';");
  f.s(`\tpublic $smtppass = '${smtp}';`, 'generic', smtp);
  f.l("\tpublic $smtphost = 'smtp.ionos.co.uk';", "\tpublic $smtpsecure = 'tls';", '\tpublic $smtpport = 587;');
  f.d("\tpublic $ftp_pass = '';", 'empty');
  f.d("\tpublic $log_path = '/home/rowing/public_html/administrator/logs';", 'path');
  f.d("\tpublic $session_handler = 'database';", 'setting');
  f.l('}');

  // Joomla 1.5 style var properties.
  const o = repo.file('clients/legacy-hotel/configuration.php', 'joomla');
  const opw = x.pw();
  const osec = t.alnum(16);
  o.l(
    '<?php',
    'class JConfig {',
    "\tvar $dbtype = 'mysql';",
    "\tvar $host = 'localhost';",
    "\tvar $user = 'hotel_j15';",
  );
  o.s(`\tvar $password = '${opw}';`, 'generic', opw);
  o.s(`\tvar $secret = '${osec}';`, 'generic', osec);
  o.d("\tvar $ftp_pass = 'ftp_password';", 'placeholder');
  o.l('}', '?>');

  const j = repo.file('clients/rowing-club/installation/configuration.php-dist', 'joomla');
  j.l('<?php', 'class JConfig {');
  j.d("\tpublic $password = '';", 'empty dist');
  j.d("\tpublic $secret = 'FBVtggIk5lAzEU9H';", "Joomla's distributed default secret");
  j.l('}');
}

function magento(repo, t, x) {
  const f = repo.file('shops/outdoor-m2/app/etc/env.php', 'magento');
  const crypt = t.hex(32);
  const db = x.pw();
  const redis = x.urlPw();
  f.l('<?php', 'return [', "    'backend' => [", "        'frontName' => 'admin_q7r2x'", '    ],', "    'crypt' => [");
  f.s(`        'key' => '${crypt}'`, 'generic', crypt);
  f.l(
    '    ],',
    "    'db' => [",
    "        'table_prefix' => '',",
    "        'connection' => [",
    "            'default' => [",
    "                'host' => 'mysql.internal',",
    "                'dbname' => 'outdoor_m2',",
    "                'username' => 'outdoor_m2',",
  );
  f.s(`                'password' => '${db}',`, 'generic', db);
  f.l(
    "                'model' => 'mysql4',",
    "                'engine' => 'innodb',",
    "                'active' => '1'",
    '            ]',
    '        ]',
    '    ],',
  );
  f.l("    'cache' => [", "        'frontend' => [", "            'default' => [");
  f.d("                'id_prefix' => '40d_',", 'cache prefix');
  f.l(
    "                'backend' => 'Magento\\\\Framework\\\\Cache\\\\Backend\\\\Redis',",
    "                'backend_options' => [",
    "                    'server' => 'redis.internal',",
    "                    'port' => '6379',",
  );
  f.s(`                    'password' => '${redis}',`, 'generic', redis);
  f.l('                ]', '            ]', '        ]', '    ],');
  f.d("    'install' => [ 'date' => 'Tue, 14 May 2024 10:21:07 +0000' ],", 'install date');
  f.l("    'system' => [ 'default' => [ 'payment' => [ 'braintree' => [");
  const bt = t.mixed(LOWER + DIGIT, 32);
  f.d(`        'merchant_id' => '${t.mixed(LOWER + DIGIT, 16)}',`, 'braintree merchant id');
  f.s(`        'private_key' => '${bt}',`, 'braintree', bt);
  f.l('    ] ] ] ],', '];');

  // 2.4.7 writes the crypt key with a base64 prefix, and keeps the old key in a list.
  const s = repo.file('shops/outdoor-m2/app/etc/env.staging.php', 'magento');
  const k1 = t.hex(32);
  const k2 = `base64${x.bytesB64(32)}`;
  s.l('<?php', 'return [', "    'crypt' => [");
  s.s(`        'key' => '${k1}`, 'generic', k1);
  s.s(`${k2}'`, 'generic', k2);
  s.l('    ],');
  const spw = x.pw();
  s.s(
    `    'db' => ['connection' => ['default' => ['host' => 'localhost', 'dbname' => 'stg', 'username' => 'stg', 'password' => '${spw}']]],`,
    'generic',
    spw,
  );
  s.d("    'session' => ['save' => 'files'],", 'setting');
  s.l('];');

  const a = repo.file('shops/outdoor-m2/auth.json', 'magento');
  const pub = t.hex(32);
  const priv = t.hex(32);
  a.l('{', '    "http-basic": {', '        "repo.magento.com": {');
  a.d(`            "username": "${pub}",`, 'Marketplace public key (account id half)');
  a.s(`            "password": "${priv}"`, 'generic', priv);
  a.l('        }', '    }', '}');

  const m1 = repo.file('shops/garden-m1/app/etc/local.xml', 'magento');
  const m1key = t.hex(32);
  const m1pw = x.pw();
  m1.l('<?xml version="1.0"?>', '<config>', '    <global>', '        <install>');
  m1.d('            <date><![CDATA[Wed, 09 Mar 2016 14:02:11 +0000]]></date>', 'install date');
  m1.l('        </install>', '        <crypt>');
  m1.s(`            <key><![CDATA[${m1key}]]></key>`, 'generic', m1key);
  m1.l(
    '        </crypt>',
    '        <resources>',
    '            <default_setup>',
    '                <connection>',
    '                    <host><![CDATA[localhost]]></host>',
    '                    <username><![CDATA[garden]]></username>',
  );
  m1.s(`                    <password><![CDATA[${m1pw}]]></password>`, 'generic', m1pw);
  m1.l(
    '                    <dbname><![CDATA[garden_m1]]></dbname>',
    '                </connection>',
    '            </default_setup>',
    '        </resources>',
    '    </global>',
    '</config>',
  );

  const cfg = repo.file('shops/outdoor-m2/app/etc/config.php', 'magento');
  cfg.l(
    '<?php',
    'return [',
    "    'modules' => [",
    "        'Magento_Store' => 1,",
    "        'PayPal_Braintree' => 1,",
    '    ],',
  );
  cfg.d(
    `    'system' => ['default' => ['payment' => ['braintree' => ['private_key' => '0:3:${x.bytesB64(48)}']]]],`,
    'Magento-encrypted value (0:3: ciphertext)',
  );
  cfg.l('];');
}

function typo3(repo, t, x) {
  const f = repo.file('sites/museum-typo3/public/typo3conf/LocalConfiguration.php', 'typo3');
  const enc = t.hex(96);
  const db = x.pw();
  const smtp = x.pw();
  f.l('<?php', 'return [', "    'BE' => [", "        'debug' => false,");
  f.d(
    `        'installToolPassword' => '$argon2i$v=19$m=65536,t=16,p=1$${x.bytesB64(16).replace(/=+$/, '')}$${x.bytesB64(32).replace(/=+$/, '')}',`,
    'argon2 hash of the install tool password',
  );
  f.l(
    "        'passwordHashing' => [ 'className' => 'TYPO3\\\\CMS\\\\Core\\\\Crypto\\\\PasswordHashing\\\\Argon2iPasswordHash' ],",
    '    ],',
    "    'DB' => [",
    "        'Connections' => [",
    "            'Default' => [",
    "                'charset' => 'utf8mb4',",
    "                'dbname' => 'museum',",
    "                'driver' => 'mysqli',",
    "                'host' => '127.0.0.1',",
  );
  f.s(`                'password' => '${db}',`, 'generic', db);
  f.l(
    "                'user' => 'museum',",
    '            ],',
    '        ],',
    '    ],',
    "    'MAIL' => [",
    "        'transport' => 'smtp',",
    "        'transport_smtp_server' => 'smtp.strato.de:465',",
    "        'transport_smtp_username' => 'web@museum-hafen.de',",
  );
  f.s(`        'transport_smtp_password' => '${smtp}',`, 'generic', smtp);
  f.l('    ],', "    'SYS' => [");
  f.s(`        'encryptionKey' => '${enc}',`, 'generic', enc);
  f.d("        'sitename' => 'Hafenmuseum',", 'setting');
  f.l('    ],', '];');

  const v12 = repo.file('sites/museum-typo3/config/system/settings.php', 'typo3');
  const enc2 = t.hex(96);
  v12.l('<?php', 'return [', "    'SYS' => [");
  v12.s(`        'encryptionKey' => '${enc2}',`, 'generic', enc2);
  v12.d(`        'trustedHostsPattern' => '.*\\\\.museum-hafen\\\\.de',`, 'setting');
  v12.l('    ],', '];');
  const add = repo.file('sites/museum-typo3/config/system/additional.php', 'typo3');
  add.l('<?php');
  add.d(
    "$GLOBALS['TYPO3_CONF_VARS']['DB']['Connections']['Default']['password'] = getenv('TYPO3_DB_PASSWORD');",
    'getenv reference',
  );
  add.d(
    "$GLOBALS['TYPO3_CONF_VARS']['MAIL']['transport_smtp_password'] = $_ENV['SMTP_PASSWORD'] ?? '';",
    'env reference',
  );
  const apiPw = x.pw();
  add.s(`$GLOBALS['TYPO3_CONF_VARS']['EXTENSIONS']['solr']['password'] = '${apiPw}';`, 'generic', apiPw);
}

function prestashop(repo, t, x) {
  const f = repo.file('shops/tea-presta/app/config/parameters.php', 'prestashop');
  const db = x.pw();
  const ck = t.alnum(56);
  const sec = t.alnum(56);
  const nck = `def00000${t.hex(264)}`;
  f.l(
    '<?php return array (',
    "  'parameters' => ",
    '  array (',
    "    'database_host' => '127.0.0.1',",
    "    'database_port' => '',",
    "    'database_name' => 'tea_shop',",
    "    'database_user' => 'tea_shop',",
  );
  f.s(`    'database_password' => '${db}',`, 'generic', db);
  f.l(
    "    'database_prefix' => 'ps_',",
    "    'database_engine' => 'InnoDB',",
    "    'mailer_transport' => 'smtp',",
    "    'mailer_host' => '127.0.0.1',",
    "    'mailer_user' => NULL,",
  );
  f.d("    'mailer_password' => NULL,", 'null');
  f.s(`    'secret' => '${sec}',`, 'generic', sec);
  f.d("    'ps_caching' => 'CacheMemcache',", 'setting');
  f.s(`    'cookie_key' => '${ck}',`, 'generic', ck);
  f.s(`    'new_cookie_key' => '${nck}',`, 'generic', nck);
  f.d(`    'ps_creation_date' => '2025-03-14',`, 'date');
  f.d(`    'locale' => 'en-US',`, 'setting');
  f.l('  ),', ');');

  const o = repo.file('shops/tea-presta-16/config/settings.inc.php', 'prestashop');
  const opw = x.pw();
  const ock = t.alnum(56);
  const rij = t.alnum(32);
  o.l('<?php', "define('_DB_SERVER_', 'localhost');", "define('_DB_NAME_', 'tea16');", "define('_DB_USER_', 'tea16');");
  o.s(`define('_DB_PASSWD_', '${opw}');`, 'generic', opw);
  o.d("define('_PS_VERSION_', '1.6.1.24');", 'version');
  o.s(`define('_COOKIE_KEY_', '${ock}');`, 'generic', ock);
  o.s(`define('_RIJNDAEL_KEY_', '${rij}');`, 'generic', rij);
  o.d("define('_PS_CREATION_DATE_', '2017-08-02');", 'date');
}

function laravel(repo, t, x) {
  const e = repo.file('apps/booking-laravel/.env', 'laravel');
  const appKey = `base64:${x.bytesB64(32)}`;
  const db = x.pw().replace(/[#"'\s$]/g, '');
  const mail = x.urlPw();
  const ak = t.awsId();
  const as = t.awsSecret();
  const pusherSecret = t.hex(20);
  const sk = t.stripeLive();
  const mg = `key-${t.hex(32)}`;
  e.l('APP_NAME="Harbor Booking"', 'APP_ENV=production');
  e.s(`APP_KEY=${appKey}`, 'generic', appKey);
  e.l(
    'APP_DEBUG=false',
    'APP_URL=https://book.harbor-dental.co.uk',
    '',
    'DB_CONNECTION=mysql',
    'DB_HOST=127.0.0.1',
    'DB_PORT=3306',
    'DB_DATABASE=booking',
    'DB_USERNAME=forge',
  );
  e.s(`DB_PASSWORD="${db}"`, 'generic', db);
  e.d('REDIS_PASSWORD=null', 'null');
  e.l(
    'MAIL_MAILER=smtp',
    'MAIL_HOST=smtp.mailgun.org',
    'MAIL_PORT=587',
    'MAIL_USERNAME=postmaster@mg.harbor-dental.co.uk',
  );
  e.s(`MAIL_PASSWORD=${mail}`, 'generic', mail);
  e.s(`MAILGUN_SECRET=${mg}`, 'mailgun', mg);
  e.s(`AWS_ACCESS_KEY_ID=${ak}`, 'aws', ak);
  e.s(`AWS_SECRET_ACCESS_KEY=${as}`, 'aws', as);
  e.l('AWS_DEFAULT_REGION=eu-west-2', 'AWS_BUCKET=harbor-booking-uploads', '', 'PUSHER_APP_ID=1789203');
  e.d(`PUSHER_APP_KEY=${t.hex(20)}`, 'pusher public app key');
  e.s(`PUSHER_APP_SECRET=${pusherSecret}`, 'pusher', pusherSecret);
  e.d('VITE_PUSHER_APP_KEY="${PUSHER_APP_KEY}"', 'variable reference');
  e.d(`STRIPE_KEY=pk_live_${t.alnum(24)}`, 'stripe publishable key');
  e.s(`STRIPE_SECRET=${sk}`, 'stripe', sk);

  const ex = repo.file('apps/booking-laravel/.env.example', 'laravel');
  ex.d('APP_KEY=', 'empty');
  ex.d('DB_PASSWORD=', 'empty');
  ex.d('MAIL_PASSWORD=null', 'null');
  ex.d('PUSHER_APP_SECRET=', 'empty');

  const ci = repo.file('apps/booking-laravel/phpunit.xml', 'laravel');
  ci.l('<phpunit colors="true">', '  <php>', '    <env name="APP_ENV" value="testing"/>');
  ci.d(
    '    <env name="APP_KEY" value="base64:2fl+Ktvkfl+Fuz4Qp/A75G2RTiWVA/ZoKZvp6fiiM10="/>',
    "the APP_KEY of Laravel's docs/test skeleton",
  );
  ci.d('    <env name="DB_PASSWORD" value="secret"/>', 'Homestead documented default');
  ci.l('  </php>', '</phpunit>');

  const dbc = repo.file('apps/booking-laravel/config/database.php', 'laravel');
  const fb = x.pw();
  dbc.l(
    '<?php',
    '',
    'return [',
    "    'connections' => [",
    "        'mysql' => [",
    "            'driver' => 'mysql',",
    "            'host' => env('DB_HOST', '127.0.0.1'),",
    "            'username' => env('DB_USERNAME', 'forge'),",
  );
  dbc.s(`            'password' => env('DB_PASSWORD', '${fb}'),`, 'generic', fb);
  dbc.l('        ],', "        'legacy' => [");
  dbc.d("            'password' => env('LEGACY_DB_PASSWORD', ''),", 'env with empty default');
  dbc.l('        ],', '    ],', "    'redis' => [", "        'default' => [");
  dbc.d("            'password' => env('REDIS_PASSWORD'),", 'env reference');
  dbc.l('        ],', '    ],', '];');

  const svc = repo.file('apps/booking-laravel/config/services.php', 'laravel');
  const pm = t.uuid();
  const mg2 = `${t.hex(32)}-${t.hex(8)}-${t.hex(8)}`;
  svc.l('<?php', 'return [', "    'mailgun' => [", "        'domain' => env('MAILGUN_DOMAIN'),");
  svc.d("        'secret' => env('MAILGUN_SECRET'),", 'env reference');
  svc.l('    ],', "    'postmark' => [");
  svc.s(`        'token' => '${pm}', // server token, TODO move to .env`, 'postmark', pm);
  svc.l('    ],', "    'mailgun_eu' => [");
  svc.s(`        'secret' => '${mg2}',`, 'mailgun', mg2);
  svc.l("        'endpoint' => 'api.eu.mailgun.net',", '    ],', "    'stripe' => [");
  svc.d("        'secret' => env('STRIPE_SECRET'),", 'env reference');
  svc.d("        'webhook' => ['secret' => config('cashier.webhook.secret'), 'tolerance' => 300],", 'config reference');
  svc.l('    ],', '];');

  const app = repo.file('apps/booking-laravel/config/app.php', 'laravel');
  app.l('<?php', 'return [');
  app.d("    'key' => env('APP_KEY'),", 'env reference');
  app.d("    'cipher' => 'AES-256-CBC',", 'cipher name');
  app.d("    'previous_keys' => [...array_filter(explode(',', env('APP_PREVIOUS_KEYS', '')))],", 'env reference');
  app.l('];');

  const log = repo.file('apps/booking-laravel/storage/logs/laravel-2026-11-30.log', 'laravel');
  log.d(
    "[2026-11-30 08:01:12] production.ERROR: SQLSTATE[HY000] [1045] Access denied for user 'forge'@'10.0.0.5' (using password: YES) (Connection: mysql, SQL: select * from `bookings`)",
    'error without secret',
  );
  const lpw = x.urlPw();
  log.s(
    `#3 /home/forge/book.harbor-dental.co.uk/vendor/laravel/framework/src/Illuminate/Database/Connectors/Connector.php(65): PDO->__construct('mysql:host=127.0.0.1;port=3306;dbname=booking', 'forge', '${lpw}', Array)`,
    'generic',
    lpw,
  );
  log.d('#4 {main}', 'trace end');

  const envoy = repo.file('apps/booking-laravel/Envoy.blade.php', 'laravel');
  envoy.l("@servers(['web' => ['forge@203.0.113.41']])", '', "@task('backup', ['on' => 'web'])");
  const bk = x.urlPw();
  envoy.s(`    mysqldump -u forge -p'${bk}' booking | gzip > ~/backups/booking-$(date +%F).sql.gz`, 'generic', bk);
  envoy.l(
    '@endtask',
    "@task('deploy', ['on' => 'web'])",
    '    cd /home/forge/book.harbor-dental.co.uk',
    '    git pull origin main',
    '    php artisan migrate --force',
  );
  envoy.d('    curl -fsS -X POST "$FORGE_DEPLOY_HOOK"', 'variable');
  envoy.l('@endtask');
}

function symfony(repo, t, x) {
  const e = repo.file('apps/catalog-symfony/.env', 'symfony');
  e.l('###> symfony/framework-bundle ###', 'APP_ENV=dev');
  e.d('APP_SECRET=', 'empty in the committed .env');
  e.l('###< symfony/framework-bundle ###', '###> doctrine/doctrine-bundle ###');
  e.d(
    'DATABASE_URL="postgresql://app:!ChangeMe!@127.0.0.1:5432/app?serverVersion=16&charset=utf8"',
    'recipe placeholder password',
  );
  e.l('###< doctrine/doctrine-bundle ###');
  e.d('MAILER_DSN=null://null', 'null transport');
  e.d('MESSENGER_TRANSPORT_DSN=doctrine://default?auto_setup=0', 'no credentials');

  const l = repo.file('apps/catalog-symfony/.env.local', 'symfony');
  const sec = t.hex(32);
  const dbpw = x.urlPw();
  const sgpw = t.sendgrid();
  l.l('APP_ENV=prod');
  l.s(`APP_SECRET=${sec}`, 'generic', sec);
  l.s(
    `DATABASE_URL="postgresql://catalog:${dbpw}@10.1.0.7:5432/catalog?serverVersion=16&charset=utf8"`,
    'database',
    dbpw,
  );
  l.s(`MAILER_DSN=sendgrid+api://${sgpw}@default`, 'sendgrid', sgpw);
  const jwtPass = x.pw().replace(/[#"'\s$]/g, '');
  l.s(`JWT_PASSPHRASE=${jwtPass}`, 'generic', jwtPass);
  l.d('JWT_SECRET_KEY=%kernel.project_dir%/config/jwt/private.pem', 'path reference');

  const lp = repo.file('apps/catalog-symfony/.env.prod.local', 'symfony');
  const smtpPw = x.urlPw();
  lp.s(`MAILER_DSN=smtp://noreply%40catalog.example.org:${smtpPw}@smtp.office365.com:587`, 'generic', smtpPw);
  const rmq = x.urlPw();
  lp.s(`MESSENGER_TRANSPORT_DSN=amqp://catalog:${rmq}@rabbitmq.internal:5672/%2f/messages`, 'database', rmq);

  const dy = repo.file('apps/catalog-symfony/config/packages/doctrine.yaml', 'symfony');
  dy.l('doctrine:', '    dbal:');
  dy.d("        url: '%env(resolve:DATABASE_URL)%'", 'env parameter');
  dy.l('    orm:', '        auto_generate_proxy_classes: true');
  const fw = repo.file('apps/catalog-symfony/config/packages/framework.yaml', 'symfony');
  fw.l('framework:');
  fw.d("    secret: '%env(APP_SECRET)%'", 'env parameter');
  fw.l('    session: true');
  const lj = repo.file('apps/catalog-symfony/config/packages/lexik_jwt_authentication.yaml', 'symfony');
  lj.l('lexik_jwt_authentication:');
  lj.d("    secret_key: '%env(resolve:JWT_SECRET_KEY)%'", 'env parameter');
  lj.d("    public_key: '%env(resolve:JWT_PUBLIC_KEY)%'", 'env parameter');
  lj.d("    pass_phrase: '%env(JWT_PASSPHRASE)%'", 'env parameter');

  // Symfony 3 parameters.yml (and its .dist).
  const p = repo.file('apps/legacy-portal/app/config/parameters.yml', 'symfony');
  const ppw = x.pw();
  const psec = t.hex(40);
  const pmail = x.pw();
  p.l(
    '# This file is auto-generated during the composer install',
    'parameters:',
    '    database_host: 127.0.0.1',
    '    database_port: null',
    '    database_name: portal',
    '    database_user: portal',
  );
  p.s(`    database_password: '${ppw}'`, 'generic', ppw);
  p.l('    mailer_transport: smtp', '    mailer_host: mail.portal-intranet.local', '    mailer_user: portal');
  p.s(`    mailer_password: ${pmail.replace(/[#:]/g, '')}`, 'generic', pmail.replace(/[#:]/g, ''));
  p.s(`    secret: ${psec}`, 'generic', psec);
  const pd = repo.file('apps/legacy-portal/app/config/parameters.yml.dist', 'symfony');
  pd.l('parameters:');
  pd.d('    database_password: ~', 'null');
  pd.d('    secret: ThisTokenIsNotSoSecretChangeIt', 'Symfony standard edition placeholder');

  // The secrets vault: the encrypted value and the public key are committed; the private key must not be.
  const pub = repo.file('apps/catalog-symfony/config/secrets/prod/prod.encrypt.public.php', 'symfony');
  pub.d(
    `<?php return "${[...Buffer.from(x.bytesB64(24), 'base64')].map((b) => '\\x' + b.toString(16).padStart(2, '0')).join('')}";`,
    'vault public key',
  );
  const enc = repo.file('apps/catalog-symfony/config/secrets/prod/prod.STRIPE_SECRET.5e4a8f.php', 'symfony');
  enc.d(
    `<?php return "${[...Buffer.from(x.bytesB64(72), 'base64')].map((b) => '\\x' + b.toString(16).padStart(2, '0')).join('')}";`,
    'vault ciphertext',
  );
  const priv = repo.file('apps/catalog-symfony/config/secrets/prod/prod.decrypt.private.php', 'symfony');
  const privKey = [...Buffer.from(x.bytesB64(32), 'base64')]
    .map((b) => '\\x' + b.toString(16).padStart(2, '0'))
    .join('');
  priv.l('<?php // prod.decrypt.private on Mon, 24 Nov 2026 10:02:41 +0000');
  priv.s(`return "${privKey}";`, 'generic', privKey);
}

function craft(repo, t, x) {
  const e = repo.file('sites/gallery-craft/.env', 'craft');
  const key = t.mixed(URLSAFE, 32);
  const db = x.pw().replace(/[#"'\s$]/g, '');
  const smtp = x.pw().replace(/[#"'\s$]/g, '');
  e.l('CRAFT_ENVIRONMENT=production');
  e.d(`CRAFT_APP_ID=CraftCMS--${t.uuid()}`, 'app id');
  e.s(`CRAFT_SECURITY_KEY=${key}`, 'generic', key);
  e.l('CRAFT_DB_DRIVER=mysql', 'CRAFT_DB_SERVER=127.0.0.1', 'CRAFT_DB_DATABASE=gallery', 'CRAFT_DB_USER=gallery');
  e.s(`CRAFT_DB_PASSWORD=${db}`, 'generic', db);
  e.l('SMTP_USERNAME=apikey');
  e.s(`SMTP_PASSWORD="${smtp}"`, 'generic', smtp);
  const g = repo.file('sites/gallery-craft/config/general.php', 'craft');
  g.l('<?php', 'use craft\\config\\GeneralConfig;', 'use craft\\helpers\\App;', 'return GeneralConfig::create()');
  g.d("    ->securityKey(App::env('CRAFT_SECURITY_KEY'))", 'env reference');
  g.l("    ->devMode(App::env('DEV_MODE') ?? false);");
  const dbo = repo.file('clients/old-gallery-craft3/config/db.php', 'craft');
  const opw = x.pw();
  dbo.l('<?php', 'return [', "    'driver' => 'mysql',", "    'server' => 'localhost',", "    'user' => 'craft3',");
  dbo.s(`    'password' => '${opw}',`, 'generic', opw);
  dbo.l("    'database' => 'craft3',", "    'tablePrefix' => 'craft_',", '];');
  const pj = repo.file('sites/gallery-craft/config/project/project.yaml', 'craft');
  pj.l(
    'dateModified: 1764547200',
    'email:',
    '  fromEmail: $SYSTEM_EMAIL',
    '  transportSettings:',
    '    host: smtp.sendgrid.net',
    '    port: 587',
    '    useAuthentication: true',
    '    username: apikey',
  );
  pj.d('    password: $SMTP_PASSWORD', 'env reference');
  pj.l('  transportType: craft\\mail\\transportadapters\\Smtp');
  pj.d(`meta:\n  __names__:\n    ${t.uuid()}: Blog # Section`, 'uuid names');
  pj.d('system:\n  schemaVersion: 5.0.0.20', 'version');
  const lic = repo.file('sites/gallery-craft/config/license.key', 'craft');
  const licBody = t.mixed(B64, 250);
  lic.s(licBody.match(/.{1,50}/g), 'generic', licBody.slice(0, 50));
}

function ghostStrapi(repo, t, x) {
  const g = repo.file('sites/journal-ghost/config.production.json', 'ghost');
  const db = x.pw().replace(/["\\]/g, '');
  const mail = t.hex(32) + '-' + t.hex(8) + '-' + t.hex(8);
  g.l(
    '{',
    '  "url": "https://journal.riverside-rowing.org",',
    '  "server": { "port": 2368, "host": "127.0.0.1" },',
    '  "database": {',
    '    "client": "mysql",',
    '    "connection": {',
    '      "host": "localhost",',
    '      "user": "ghost-412",',
  );
  g.s(`      "password": "${db}",`, 'generic', db);
  g.l(
    '      "database": "ghost_prod"',
    '    }',
    '  },',
    '  "mail": {',
    '    "transport": "SMTP",',
    '    "options": {',
    '      "service": "Mailgun",',
    '      "auth": {',
    '        "user": "postmaster@mg.riverside-rowing.org",',
  );
  g.s(`        "pass": "${mail}"`, 'mailgun', mail);
  g.l(
    '      }',
    '    }',
    '  },',
    '  "process": "systemd",',
    '  "paths": { "contentPath": "/var/www/ghost/content" }',
    '}',
  );

  const pub = repo.file('sites/journal-ghost/scripts/publish-newsletter.js', 'ghost');
  const adminKey = `${t.hex(24)}:${t.hex(64)}`;
  pub.l(
    "const GhostAdminAPI = require('@tryghost/admin-api');",
    '',
    'const api = new GhostAdminAPI({',
    "  url: 'https://journal.riverside-rowing.org',",
  );
  pub.s(`  key: '${adminKey}',`, 'ghost', adminKey);
  pub.l("  version: 'v5.0',", '});');
  pub.d(
    `const content = new GhostContentAPI({ url: 'https://journal.riverside-rowing.org', key: '${t.hex(26)}', version: 'v5.0' });`,
    'content api key (public)',
  );
  const wf = repo.file('sites/journal-ghost/.github/workflows/deploy-theme.yml', 'ghost');
  wf.l(
    'name: Deploy theme',
    'on: { push: { branches: [main] } }',
    'jobs:',
    '  deploy:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v4',
    '      - uses: TryGhost/action-deploy-theme@v1',
    '        with:',
  );
  wf.d('          api-url: ${{ secrets.GHOST_ADMIN_API_URL }}', 'secret reference');
  wf.d('          api-key: ${{ secrets.GHOST_ADMIN_API_KEY }}', 'secret reference');

  const s = repo.file('apps/cms-strapi/.env', 'strapi');
  const keys = [x.bytesB64(16), x.bytesB64(16), x.bytesB64(16), x.bytesB64(16)];
  s.l('HOST=0.0.0.0', 'PORT=1337');
  s.s(`APP_KEYS=${keys.join(',')}`, 'generic', keys[0]);
  for (const name of ['API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET']) {
    const v = x.bytesB64(16);
    s.s(`${name}=${v}`, 'generic', v);
  }
  s.l('DATABASE_CLIENT=postgres', 'DATABASE_HOST=db.internal', 'DATABASE_NAME=strapi', 'DATABASE_USERNAME=strapi');
  const spw = x.urlPw();
  s.s(`DATABASE_PASSWORD=${spw}`, 'generic', spw);
  s.d('DATABASE_SSL=false', 'boolean');
  const sd = repo.file('apps/cms-strapi/config/database.js', 'strapi');
  sd.l(
    'module.exports = ({ env }) => ({',
    '  connection: {',
    "    client: env('DATABASE_CLIENT', 'postgres'),",
    '    connection: {',
    "      host: env('DATABASE_HOST', '127.0.0.1'),",
    "      user: env('DATABASE_USERNAME', 'strapi'),",
  );
  sd.d("      password: env('DATABASE_PASSWORD', 'strapi'),", 'documented default in the generated config');
  sd.l('    },', '  },', '});');
  const sp = repo.file('apps/cms-strapi/config/plugins.js', 'strapi');
  const sg = t.sendgrid();
  sp.l(
    'module.exports = ({ env }) => ({',
    '  email: {',
    '    config: {',
    "      provider: 'sendgrid',",
    '      providerOptions: {',
  );
  sp.s(`        apiKey: env('SENDGRID_API_KEY', '${sg}'),`, 'sendgrid', sg);
  sp.l(
    '      },',
    "      settings: { defaultFrom: 'cms@riverside-rowing.org' },",
    '    },',
    '  },',
    '  upload: {',
    '    config: {',
    "      provider: 'aws-s3',",
    '      providerOptions: {',
    '        s3Options: {',
    '          credentials: {',
  );
  sp.d("            accessKeyId: env('AWS_ACCESS_KEY_ID'),", 'env reference');
  sp.d("            secretAccessKey: env('AWS_ACCESS_SECRET'),", 'env reference');
  sp.l('          },', '        },', '      },', '    },', '  },', '});');
}

function dotnet(repo, t, x) {
  const w = repo.file('sites/council-umbraco8/web.config', 'umbraco');
  const pw = x.pw().replace(/[;'"&<>]/g, '');
  const vk = t.hex(128).toUpperCase();
  const dk = t.hex(64).toUpperCase();
  const smtp = x.pw().replace(/[;'"&<>]/g, '');
  w.l('<?xml version="1.0" encoding="utf-8"?>', '<configuration>', '  <appSettings>');
  w.d('    <add key="Umbraco.Core.ConfigurationStatus" value="8.18.13" />', 'version');
  w.d('    <add key="Umbraco.Core.Path" value="~/umbraco" />', 'path');
  w.l('  </appSettings>', '  <connectionStrings>', '    <remove name="umbracoDbDSN" />');
  w.s(
    `    <add name="umbracoDbDSN" connectionString="server=sql01.council.local;database=umbraco_prod;user id=umbraco_app;password='${pw}'" providerName="System.Data.SqlClient" />`,
    'generic',
    pw,
  );
  w.l('  </connectionStrings>', '  <system.web>');
  w.s(`    <machineKey validationKey="${vk}"`, 'generic', vk);
  w.s(`                decryptionKey="${dk}" validation="HMACSHA256" decryption="AES" />`, 'generic', dk);
  w.l('  </system.web>', '  <system.net>', '    <mailSettings>', '      <smtp from="noreply@council.gov.example">');
  w.s(
    `        <network host="smtp.council.local" port="25" userName="svc-umbraco" password="${smtp}" />`,
    'generic',
    smtp,
  );
  w.l(
    '      </smtp>',
    '    </mailSettings>',
    '  </system.net>',
    '  <runtime>',
    '    <assemblyBinding xmlns="urn:schemas-microsoft-com:asm.v1">',
    '      <dependentAssembly>',
  );
  w.d('        <assemblyIdentity name="System.Web.Mvc" publicKeyToken="31bf3856ad364e35" />', 'public key token');
  w.l('      </dependentAssembly>', '    </assemblyBinding>', '  </runtime>', '</configuration>');

  const a = repo.file('sites/council-umbraco13/appsettings.json', 'umbraco');
  const apw = x.pw().replace(/[;'"\\]/g, '');
  const smtp2 = x.pw().replace(/["\\]/g, '');
  const unatt = x.pw().replace(/["\\]/g, '');
  a.l('{', '  "ConnectionStrings": {');
  a.s(
    `    "umbracoDbDSN": "Server=tcp:council-sql.database.windows.net,1433;Database=umbraco;User ID=umbraco;Password=${apw};Encrypt=True;",`,
    'generic',
    apw,
  );
  a.l(
    '    "umbracoDbDSN_ProviderName": "Microsoft.Data.SqlClient"',
    '  },',
    '  "Umbraco": {',
    '    "CMS": {',
    '      "Global": {',
  );
  a.d(`        "Id": "${t.uuid()}",`, 'install id');
  a.l(
    '        "Smtp": {',
    '          "From": "web@council.gov.example",',
    '          "Host": "smtp.sendgrid.net",',
    '          "Port": 587,',
    '          "Username": "apikey",',
  );
  a.s(`          "Password": "${smtp2}"`, 'generic', smtp2);
  a.l(
    '        }',
    '      },',
    '      "Unattended": {',
    '        "InstallUnattended": true,',
    '        "UnattendedUserName": "Web Team",',
    '        "UnattendedUserEmail": "web@council.gov.example",',
  );
  a.s(`        "UnattendedUserPassword": "${unatt}"`, 'generic', unatt);
  a.l('      },', '      "DeliveryApi": {', '        "Enabled": true,');
  const dapi = t.uuid();
  a.s(`        "ApiKey": "${dapi}"`, 'generic', dapi);
  a.l('      }', '    }', '  }', '}');
  const ad = repo.file('sites/council-umbraco13/appsettings.Development.json', 'umbraco');
  ad.l('{', '  "ConnectionStrings": {');
  ad.d(
    '    "umbracoDbDSN": "Data Source=|DataDirectory|/Umbraco.sqlite.db;Cache=Shared;Foreign Keys=True;Pooling=True",',
    'sqlite, no credentials',
  );
  ad.d(
    '    "legacy": "Server=(localdb)\\\\MSSQLLocalDB;Database=umbraco;Integrated Security=true"',
    'integrated security',
  );
  ad.l('  }', '}');
  const pub = repo.file(
    'sites/council-umbraco13/Properties/PublishProfiles/council-web - Web Deploy.pubxml',
    'umbraco',
  );
  const pubPw = t.alnum(60);
  pub.l(
    '<Project>',
    '  <PropertyGroup>',
    '    <WebPublishMethod>MSDeploy</WebPublishMethod>',
    '    <MSDeployServiceURL>council-web.scm.azurewebsites.net:443</MSDeployServiceURL>',
    '    <UserName>$council-web</UserName>',
  );
  pub.s(`    <Password>${pubPw}</Password>`, 'generic', pubPw);
  pub.l('  </PropertyGroup>', '</Project>');
}

function rails(repo, t, x) {
  const d = repo.file('apps/shop-rails/config/database.yml', 'rails');
  const pw = x.pw().replace(/[#:'"]/g, '');
  d.l(
    'default: &default',
    '  adapter: postgresql',
    '  encoding: unicode',
    '  pool: <%= ENV.fetch("RAILS_MAX_THREADS") { 5 } %>',
    '',
    'development:',
    '  <<: *default',
    '  database: shop_development',
    '',
    'production:',
    '  <<: *default',
    '  database: shop_production',
    '  username: shop',
  );
  d.d('  password: <%= ENV["SHOP_DATABASE_PASSWORD"] %>', 'ERB env reference');
  d.l('', 'staging:', '  <<: *default', '  database: shop_staging', '  username: shop');
  d.s(`  password: ${pw}`, 'generic', pw);
  d.l('  host: staging-db.internal');
  const mk = repo.file('apps/shop-rails/config/master.key', 'rails');
  const master = t.hex(32);
  mk.s(master, 'generic', master);
  const ce = repo.file('apps/shop-rails/config/credentials.yml.enc', 'rails');
  ce.d(`${x.bytesB64(180)}--${x.bytesB64(12)}--${x.bytesB64(16)}`, 'encrypted credentials');
  const sy = repo.file('apps/legacy-rails4/config/secrets.yml', 'rails');
  const skb = t.hex(128);
  sy.l(
    '# Do not keep production secrets in the repository,',
    '# instead read values from the environment.',
    'staging:',
  );
  sy.s(`  secret_key_base: ${skb}`, 'generic', skb);
  sy.l('production:');
  sy.d('  secret_key_base: <%= ENV["SECRET_KEY_BASE"] %>', 'ERB env reference');
  const st = repo.file('apps/shop-rails/config/storage.yml', 'rails');
  const ak = t.awsId();
  const as = t.awsSecret();
  st.l('amazon:', '  service: S3');
  st.d('  access_key_id: <%= Rails.application.credentials.dig(:aws, :access_key_id) %>', 'credentials reference');
  st.d(
    '  secret_access_key: <%= Rails.application.credentials.dig(:aws, :secret_access_key) %>',
    'credentials reference',
  );
  st.l('  region: eu-west-1', '  bucket: shop-prod-uploads', '', 'backup:', '  service: S3');
  st.s(`  access_key_id: ${ak}`, 'aws', ak);
  st.s(`  secret_access_key: ${as}`, 'aws', as);
  st.l('  bucket: shop-backups');
  const sm = repo.file('apps/shop-rails/config/environments/production.rb', 'rails');
  const smtp = x.pw().replace(/['\\]/g, '');
  sm.l(
    'Rails.application.configure do',
    '  config.action_mailer.delivery_method = :smtp',
    '  config.action_mailer.smtp_settings = {',
    "    address:              'smtp.postmarkapp.com',",
    '    port:                 587,',
  );
  sm.l("    user_name:            'apikey',");
  sm.s(`    password:             '${smtp}',`, 'generic', smtp);
  sm.l('    authentication:       :plain', '  }', 'end');

  // Capistrano
  const cap = repo.file('apps/shop-rails/config/deploy.rb', 'rails');
  const gh = t.github();
  cap.l('lock "~> 3.19.1"', 'set :application, "shop"');
  cap.s(`set :repo_url, "https://deploy-bot:${gh}@github.com/acme-agency/shop.git"`, 'github', gh);
  cap.l('set :deploy_to, "/var/www/shop"', 'append :linked_files, "config/master.key"');
  cap.d('set :keep_releases, 5', 'setting');
  const capp = repo.file('apps/shop-rails/config/deploy/production.rb', 'rails');
  const sshpw = x.pw().replace(/['\\]/g, '');
  capp.l("server '203.0.113.55', user: 'deploy', roles: %w{app db web}");
  capp.s(
    `set :ssh_options, { forward_agent: true, auth_methods: %w(password), password: '${sshpw}' }`,
    'generic',
    sshpw,
  );
  capp.d('set :ssh_options, { keys: %w(~/.ssh/id_ed25519), forward_agent: false }', 'key path');
}

function django(repo, t, x) {
  const p = repo.file('apps/parish-django/parish/settings/production.py', 'django');
  const sk = x.djangoKey();
  const db = x.pw().replace(/['\\]/g, '');
  const mail = x.pw().replace(/['\\]/g, '');
  const ak = t.awsId();
  const as = t.awsSecret();
  p.l('from .base import *  # noqa', '', 'DEBUG = False');
  p.s(`SECRET_KEY = '${sk}'`, 'generic', sk);
  p.l(
    "ALLOWED_HOSTS = ['parish.example-diocese.org']",
    '',
    'DATABASES = {',
    "    'default': {",
    "        'ENGINE': 'django.db.backends.postgresql',",
    "        'NAME': 'parish',",
    "        'USER': 'parish',",
  );
  p.s(`        'PASSWORD': '${db}',`, 'generic', db);
  p.l(
    "        'HOST': 'localhost',",
    '    }',
    '}',
    '',
    "EMAIL_HOST = 'smtp.fastmail.com'",
    "EMAIL_HOST_USER = 'office@example-diocese.org'",
  );
  p.s(`EMAIL_HOST_PASSWORD = '${mail}'`, 'generic', mail);
  p.l('', '# django-storages');
  p.s(`AWS_ACCESS_KEY_ID = "${ak}"`, 'aws', ak);
  p.s(`AWS_SECRET_ACCESS_KEY = "${as}"`, 'aws', as);
  p.d(`WAGTAILADMIN_BASE_URL = "https://parish.example-diocese.org"`, 'url');
  const b = repo.file('apps/parish-django/parish/settings/base.py', 'django');
  b.l('import os', 'import environ', '', 'env = environ.Env()');
  b.d("SECRET_KEY = env('DJANGO_SECRET_KEY')", 'env reference');
  b.d("SECRET_KEY_FALLBACKS = [os.environ.get('DJANGO_OLD_SECRET_KEY', '')]", 'env reference');
  b.d("PASSWORD_HASHERS = ['django.contrib.auth.hashers.Argon2PasswordHasher']", 'setting');
  b.d("STATICFILES_STORAGE = 'django.contrib.staticfiles.storage.ManifestStaticFilesStorage'", 'setting');
  const dv = repo.file('apps/parish-django/parish/settings/dev.py', 'django');
  dv.l('from .base import *  # noqa', 'DEBUG = True');
  const insecure = `django-insecure-${x.djangoKey()}`;
  dv.d(`# SECRET_KEY = 'django-insecure-change-me'`, 'comment placeholder');
  dv.s(`SECRET_KEY = '${insecure}'`, 'generic', insecure);
  const de = repo.file('apps/parish-django/.env', 'django');
  const url = x.urlPw();
  de.s(`DATABASE_URL=postgres://parish:${url}@127.0.0.1:5432/parish`, 'database', url);
  de.d(`SENTRY_DSN=https://${t.hex(32)}@o${t.digits(6)}.ingest.sentry.io/${t.digits(7)}`, 'public sentry dsn');
  const mailurl = x.urlPw();
  de.s(`EMAIL_URL=smtp+tls://office%40example-diocese.org:${mailurl}@smtp.fastmail.com:587`, 'generic', mailurl);
  const fx = repo.file('apps/parish-django/parish/fixtures/initial_users.json', 'django');
  fx.l('[', '  {', '    "model": "auth.user",', '    "pk": 1,', '    "fields": {');
  fx.d(`      "password": "pbkdf2_sha256$870000$${t.alnum(22)}$${x.bytesB64(32)}",`, 'pbkdf2 hash in a fixture');
  fx.l('      "username": "admin"', '    }', '  }', ']');
}

function deploy(repo, t, x) {
  const d = repo.file('sites/bakery-wp/deploy.php', 'deploy');
  const dbpw = x.pw().replace(/['\\]/g, '');
  const slack = t.slackWebhook();
  d.l('<?php', 'namespace Deployer;', '', "require 'recipe/wordpress.php';", "require 'contrib/slack.php';", '');
  d.l("set('repository', 'git@github.com:acme-agency/bakery-wp.git');", "set('keep_releases', 5);");
  d.s(`set('slack_webhook', '${slack}');`, 'slack', slack);
  d.l(
    '',
    "host('production')",
    "    ->set('hostname', '203.0.113.20')",
    "    ->set('remote_user', 'deploy')",
    "    ->set('deploy_path', '/var/www/bakery');",
  );
  d.s(`set('db_password', '${dbpw}');`, 'generic', dbpw);
  d.d(
    "task('db:backup', function () { run('mysqldump -u bakery_wp -p{{db_password}} bakery_wp > {{deploy_path}}/shared/backup.sql'); });",
    'deployer template',
  );
  d.d("set('ssh_multiplexing', true);", 'setting');
  const h = repo.file('clients/harbor-dental/hosts.yml', 'deploy');
  const hp = x.pw().replace(/[:#'"]/g, '');
  h.l(
    'hosts:',
    '  staging:',
    '    hostname: staging.harbor-dental.co.uk',
    '    remote_user: harbor',
    '    deploy_path: ~/public_html',
  );
  h.s(`    become_password: '${hp}'`, 'generic', hp);
  h.d('    identity_file: ~/.ssh/harbor_deploy', 'key path');

  // git-ftp and lftp scripts for shared hosting.
  const s = repo.file('clients/rowing-club/bin/deploy.sh', 'deploy');
  const ftp = x.urlPw();
  const lftpPw = x.urlPw();
  s.l('#!/usr/bin/env bash', 'set -euo pipefail', 'cd "$(dirname "$0")/.."');
  s.s(
    `git ftp push --user rowing@riverside-rowing.org --passwd '${ftp}' ftp://ftp.riverside-rowing.org/public_html`,
    'generic',
    ftp,
  );
  s.s(
    `lftp -e "mirror -R --delete dist/ /public_html/; bye" -u rowing,${lftpPw} sftp://ssh.cluster021.hosting.ovh.net`,
    'generic',
    lftpPw,
  );
  s.d('lftp -e "mirror -R dist/ /public_html/; bye" -u "$FTP_USER,$FTP_PASS" "$FTP_HOST"', 'variables');
  const htp = x.urlPw();
  s.s(`htpasswd -bc /home/rowing/.htpasswd staging ${htp}`, 'generic', htp);
  const gw = repo.file('clients/rowing-club/.github/workflows/ftp.yml', 'deploy');
  gw.l(
    'on: push',
    'jobs:',
    '  web-deploy:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: SamKirkland/FTP-Deploy-Action@v4.3.5',
    '        with:',
    '          server: ftp.riverside-rowing.org',
    '          username: rowing@riverside-rowing.org',
  );
  gw.d('          password: ${{ secrets.FTP_PASSWORD }}', 'secret reference');
  const ht = repo.file('clients/rowing-club/.htpasswd', 'deploy');
  ht.d(`staging:$apr1$${t.mixed(ALNUM, 8)}$${t.mixed(ALNUM + './', 22)}`, 'apr1 hash');
  ht.d(`client:$2y$05$${t.mixed(ALNUM + './', 53)}`, 'bcrypt hash');
  const hta = repo.file('clients/rowing-club/public_html/.htaccess', 'deploy');
  hta.l('AuthType Basic', 'AuthName "Staging"');
  hta.d('AuthUserFile /home/rowing/.htpasswd', 'path');
  hta.l('Require valid-user');
}

function sftp(repo, t, x) {
  const s = repo.file('sites/bakery-wp/sftp-config.json', 'sftp');
  const pw = x.pw().replace(/["\\]/g, '');
  s.l(
    '{',
    '    // The tab key will cycle through the settings when first created',
    '    // Visit https://wbond.net/sublime_packages/sftp/settings for help',
    '',
    '    // sftp, ftp or ftps',
    '    "type": "sftp",',
    '',
    '    "save_before_upload": true,',
    '    "upload_on_save": true,',
    '    "host": "203.0.113.20",',
    '    "user": "bakery",',
  );
  s.s(`    "password": "${pw}",`, 'generic', pw);
  s.l('    "port": "22",', '    "remote_path": "/var/www/bakery/",');
  s.d('    //"ssh_key_file": "~/.ssh/id_rsa",', 'commented path');
  s.l('}');
  const s2 = repo.file('clients/legacy-hotel/sftp-config.json', 'sftp');
  s2.l('{', '    "type": "ftp",', '    "host": "ftp.hotel-seaview.example",', '    "user": "seaview",');
  s2.d('    //"password": "password",', "the package's commented default");
  s2.d('    "password": "",', 'empty');
  s2.l('    "remote_path": "/httpdocs/"', '}');

  const v = repo.file('clients/harbor-dental/.vscode/sftp.json', 'sftp');
  const vpw = x.pw().replace(/["\\]/g, '');
  v.l(
    '{',
    '    "name": "Harbor live",',
    '    "host": "harbor-dental.co.uk",',
    '    "protocol": "ftp",',
    '    "port": 21,',
    '    "username": "harbordental",',
  );
  v.s(`    "password": "${vpw}",`, 'generic', vpw);
  v.l('    "remotePath": "/public_html",', '    "uploadOnSave": false', '}');
  const v2 = repo.file('sites/meadow-bedrock/.vscode/sftp.json', 'sftp');
  const pp = x.pw().replace(/["\\]/g, '');
  v2.l(
    '[',
    '  {',
    '    "name": "meadow-prod",',
    '    "host": "meadow-farm.org",',
    '    "protocol": "sftp",',
    '    "username": "meadow",',
  );
  v2.d('    "privateKeyPath": "~/.ssh/meadow_ed25519",', 'key path');
  v2.s(`    "passphrase": "${pp}",`, 'generic', pp);
  v2.l(
    '    "remotePath": "/srv/meadow"',
    '  },',
    '  {',
    '    "name": "meadow-staging",',
    '    "host": "staging.meadow-farm.org",',
    '    "protocol": "sftp",',
    '    "username": "meadow",',
  );
  v2.d('    "password": true,', 'prompt for password');
  v2.l('    "remotePath": "/srv/meadow-staging"', '  }', ']');

  const fz = repo.file('docs/handover/harbor-dental/sitemanager.xml', 'sftp');
  const fzpw = x.pw();
  const fzpw2 = x.pw().replace(/[<&>]/g, '');
  fz.l(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes" ?>',
    '<FileZilla3 version="3.67.1" platform="windows">',
    '    <Servers>',
    '        <Server>',
    '            <Host>ftp.harbor-dental.co.uk</Host>',
    '            <Port>21</Port>',
    '            <Protocol>0</Protocol>',
    '            <User>harbordental</User>',
  );
  fz.s(`            <Pass encoding="base64">${Buffer.from(fzpw).toString('base64')}</Pass>`, 'generic', fzpw);
  fz.l(
    '            <Name>Harbor live</Name>',
    '        </Server>',
    '        <Server>',
    '            <Host>ftp.hotel-seaview.example</Host>',
    '            <User>seaview</User>',
  );
  fz.s(`            <Pass>${fzpw2}</Pass>`, 'generic', fzpw2);
  fz.l(
    '            <Name>Seaview (old)</Name>',
    '        </Server>',
    '        <Server>',
    '            <Host>meadow-farm.org</Host>',
    '            <Protocol>1</Protocol>',
    '            <Logontype>5</Logontype>',
    '            <User>meadow</User>',
  );
  fz.d(
    `            <Pass encoding="crypt" pubkey="${t.mixed(ALNUM, 64)}">${t.mixed(ALNUM + '+/', 44)}</Pass>`,
    'master-password encrypted',
  );
  fz.l('        </Server>', '    </Servers>', '</FileZilla3>');

  const rf = repo.file('clients/legacy-hotel/.ftpconfig', 'sftp');
  const rfpw = x.pw().replace(/["\\]/g, '');
  rf.l(
    '{',
    '    "protocol": "ftp",',
    '    "host": "ftp.hotel-seaview.example",',
    '    "port": 21,',
    '    "user": "seaview",',
  );
  rf.s(`    "pass": "${rfpw}",`, 'generic', rfpw);
  rf.l('    "promptForPass": false,', '    "remote": "/httpdocs",', '    "secure": false', '}');
}

function ops(repo, t, x) {
  // Trellis vault.yml committed before it was encrypted, and one that was.
  const v = repo.file('sites/meadow-trellis/trellis/group_vars/production/vault.yml', 'trellis');
  const root = x.pw().replace(/['"#:]/g, '');
  const user = x.pw().replace(/['"#:]/g, '');
  v.l('# Documentation: https://roots.io/trellis/docs/vault/');
  v.s(`vault_mysql_root_password: "${root}"`, 'generic', root);
  v.l('vault_users:', '  - name: "{{ admin_user }}"');
  v.s(`    password: "${user}"`, 'generic', user);
  v.d(`    salt: "${t.alnum(16)}"`, 'crypt salt (not secret by itself)');
  v.l('vault_wordpress_sites:', '  meadow-farm.org:', '    env:');
  const db = x.pw().replace(/['"#:]/g, '');
  v.s(`      db_password: "${db}"`, 'generic', db);
  for (const name of ['auth_key']) {
    const s = x.wpSalt().replace(/["\\]/g, '');
    v.s(`      ${name}: "${s}"`, 'generic', s);
  }
  const ve = repo.file('sites/meadow-trellis/trellis/group_vars/staging/vault.yml', 'trellis');
  ve.d('$ANSIBLE_VAULT;1.1;AES256', 'vault header');
  for (let i = 0; i < 3; i++) ve.d(t.hex(80), 'vault ciphertext');

  // Agency handover README.
  const r = repo.file('docs/handover/harbor-dental/README.md', 'docs');
  const wpAdmin = x.human();
  const cpanel = x.pw();
  r.l(
    '# Harbor Dental: site handover',
    '',
    '## Hosting',
    '',
    '- Host: Krystal shared hosting, cPanel at https://harbor-dental.co.uk:2083',
  );
  r.s(`- cPanel login: \`harbordental\` / \`${cpanel}\``, 'generic', cpanel);
  r.l('', '## WordPress', '');
  r.s(`WP admin is \`office-admin\`, password ${wpAdmin} (practice manager has it too).`, 'generic', wpAdmin);
  r.d(
    'Plugins: WP Rocket 3.16.2, ACF Pro 6.3.9, Gravity Forms 2.8.17 (licences are in 1Password, vault "Clients").',
    'versions, vault reference',
  );
  r.d('Staging basic auth: ask the PM, the password is in 1Password under "Harbor staging".', 'vault reference');
  r.d(
    `The staging login uses the default \`admin\` / \`password\` from our Local template; change it after import.`,
    'documented default',
  );

  // Server cron with a DB dump and SMTP relay config.
  const c = repo.file('ops/servers/web01/etc/cron.d/site-backups', 'ops');
  const c1 = x.urlPw();
  c.l('SHELL=/bin/bash', 'MAILTO=ops@acme-agency.io');
  c.s(
    `15 2 * * * root mysqldump --single-transaction -umagento -p${c1} outdoor_m2 | gzip > /backups/outdoor-$(date +\\%F).sql.gz`,
    'generic',
    c1,
  );
  c.d('45 2 * * * root /usr/local/bin/backup-wp --config /etc/backup-wp.conf', 'no secret');
  const sasl = repo.file('ops/servers/web01/etc/postfix/sasl_passwd', 'ops');
  const sp = x.urlPw();
  sasl.s(`[smtp.sendgrid.net]:587 apikey:${sp}`, 'generic', sp);
  const my = repo.file('ops/servers/web01/root/.my.cnf', 'ops');
  const mypw = x.pw().replace(/["\\]/g, '');
  my.l('[client]', 'user=root');
  my.s(`password="${mypw}"`, 'generic', mypw);
  const ms = repo.file('ops/servers/web01/etc/msmtprc', 'ops');
  const mspw = x.pw().replace(/\s/g, '');
  ms.l(
    'defaults',
    'auth on',
    'tls on',
    'account default',
    'host smtp.mailgun.org',
    'port 587',
    'user postmaster@mg.acme-agency.io',
  );
  ms.s(`password ${mspw}`, 'generic', mspw);
  ms.d('passwordeval "gpg --quiet --for-your-eyes-only --no-tty --decrypt ~/.msmtp-password.gpg"', 'command reference');

  // Versions and digests that ship in these projects.
  const pk = repo.file('sites/bakery-wp/wp-content/themes/bakery/package-lock.json', 'wordpress');
  pk.l(
    '{',
    '  "name": "bakery-theme",',
    '  "lockfileVersion": 3,',
    '  "packages": {',
    '    "node_modules/alpinejs": {',
    '      "version": "3.14.1",',
    '      "resolved": "https://registry.npmjs.org/alpinejs/-/alpinejs-3.14.1.tgz",',
  );
  pk.d(`      "integrity": "sha512-${x.bytesB64(64)}"`, 'lockfile integrity');
  pk.l('    }', '  }', '}');
  const st = repo.file('sites/bakery-wp/wp-content/themes/bakery/style.css', 'wordpress');
  st.l('/*', 'Theme Name: Bakery', 'Author: Acme Agency');
  st.d('Version: 2.4.1', 'version');
  st.l('*/');
}

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 6007 + 41);
  const t = makeTokens(rand);
  const x = extra(rand, t);
  const repo = new Repo();
  wordpress(repo, t, x);
  drupal(repo, t, x);
  joomla(repo, t, x);
  magento(repo, t, x);
  typo3(repo, t, x);
  prestashop(repo, t, x);
  laravel(repo, t, x);
  symfony(repo, t, x);
  craft(repo, t, x);
  ghostStrapi(repo, t, x);
  dotnet(repo, t, x);
  rails(repo, t, x);
  django(repo, t, x);
  deploy(repo, t, x);
  sftp(repo, t, x);
  ops(repo, t, x);
  // Files written above but left out of the scored repository, to keep it within 40-80 files
  // (they repeat classes other files already hold).
  const drop = new Set([
    'apps/catalog-symfony/config/packages/framework.yaml',
    'apps/catalog-symfony/config/packages/lexik_jwt_authentication.yaml',
    'apps/catalog-symfony/config/packages/doctrine.yaml',
    'apps/catalog-symfony/config/secrets/prod/prod.encrypt.public.php',
    'apps/catalog-symfony/.env.prod.local',
    'apps/legacy-portal/app/config/parameters.yml.dist',
    'sites/bakery-wp/wp-content/themes/bakery/style.css',
    'sites/bakery-wp/wp-content/themes/bakery/package-lock.json',
    'clients/rowing-club/public_html/.htaccess',
    'clients/rowing-club/.github/workflows/ftp.yml',
    'clients/legacy-hotel/.ftpconfig',
    'clients/old-gallery-craft3/config/db.php',
    'sites/gallery-craft/config/general.php',
    'apps/cms-strapi/config/database.js',
    'sites/council-umbraco13/appsettings.Development.json',
    'sites/meadow-bedrock/wp-cli.local.yml',
    'sites/library-drupal/.ddev/config.yaml',
    'sites/museum-typo3/config/system/settings.php',
    'apps/booking-laravel/config/app.php',
    'apps/booking-laravel/.env.example',
    'ops/servers/web01/root/.my.cnf',
  ]);
  for (const path of drop) repo.files.delete(path);
  repo.labels = repo.labels.filter((l) => !drop.has(l.path));
  return repo;
}

// Unused alphabet imports are kept for readers extending the suite.
void HEX;
