// A university / public-sector IT department's repositories merged into one monorepo: Drupal,
// Moodle and WordPress sites, a Django research portal, Flask tools, LDAP and AD automation,
// Shibboleth / CAS / Tomcat, a .NET intranet, a Node student app, a Jekyll site, Perl CGI,
// OpenShift and Helm, Terraform (Azure + vSphere), Ansible, Azure DevOps and GitLab CI, an
// enrolment notebook, LDIF exports, Windows unattend / sysprep files and logs.
import { ALNUM, HEX, B64, URLSAFE, UPPER, DIGIT, Repo, makeTokens, mulberry32 } from './generate.mjs';

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 7927 + 419);
  const t = makeTokens(rand);
  const repo = new Repo();

  // ---- helpers ------------------------------------------------------------------------------
  const pw = () => t.password();
  const pwa = () => t.password().replace(/[^A-Za-z0-9]/g, '');
  const b64 = (n) => t.mixed(B64, n);
  const enc = (s) => Buffer.from(s).toString('base64');
  const b64url = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const uuid = () => t.uuid();
  const canvasTok = () => `${t.digits(4)}~${t.alnum(64)}`;
  const zoomId = () => t.alnum(22);
  const zoomSecret = () => t.alnum(32);
  const zoomAccount = () => t.mixed(URLSAFE, 22);
  const dockerPat = () => `dckr_pat_${t.mixed(URLSAFE, 27)}`;
  const slackUser = () => `xoxp-${t.digits(12)}-${t.digits(12)}-${t.digits(13)}-${t.hex(32)}`;
  const ghFine = () => `github_pat_11${t.mixed(UPPER + DIGIT, 20)}_${t.alnum(59)}`;
  const recaptcha = () => `6L${t.pick('cdef', 1)}${t.mixed(URLSAFE, 5)}AAAAA${t.mixed(URLSAFE, 27)}`;
  const orcidApp = () => `APP-${t.mixed(UPPER + DIGIT, 16)}`;
  const adoPat = () => t.mixed('abcdefghijklmnopqrstuvwxyz234567', 52);
  const hexU = (n) => t.pick('0123456789ABCDEF', n);
  const djangoKey = () => t.mixed('abcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*(-_=+)', 50);
  const wpSalt = () => t.mixed(ALNUM + '!@#$%^&*()-_[]{}<>~+=,.;:/?|', 64);
  const duoSkey = () => t.alnum(40);
  const moodleWsToken = () => t.pick(HEX, 32);
  const glptt = () => `glptt-${t.pick(HEX, 40)}`;
  const crossrefToken = () =>
    `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url({ jti: uuid(), iat: 1735689600, sub: 'westbrook-library', iss: 'crossref' })}.${t.mixed(URLSAFE, 43)}`;
  const studentId = () => `s2${t.pick(DIGIT, 6)}`;
  const COURSES = ['COMP1021', 'MATH2040', 'BIOL1101', 'HIST2210', 'ECON1001', 'PHYS3310', 'NURS2105', 'LAWS1011'];
  const course = () => COURSES[Math.floor(rand() * COURSES.length)];
  const orcidId = () => {
    const d = `0000000${t.pick('123', 1)}${t.pick(DIGIT, 7)}`;
    let total = 0;
    for (const c of d) total = (total + Number(c)) * 2;
    const r = (12 - (total % 11)) % 11;
    return `${d}${r === 10 ? 'X' : String(r)}`.match(/.{4}/g).join('-');
  };
  const doi = () =>
    [
      `10.1038/s41586-0${t.pick(DIGIT, 2)}-0${t.pick(DIGIT, 4)}-${t.pick(DIGIT, 1)}`,
      `10.1016/j.jclepro.2024.1${t.pick(DIGIT, 5)}`,
      `10.1093/mnras/stae${t.pick(DIGIT, 3)}`,
      `10.1103/PhysRevLett.13${t.pick(DIGIT, 1)}.0${t.pick(DIGIT, 5)}`,
    ][Math.floor(rand() * 4)];
  const cert = (lines = 6) => [
    '-----BEGIN CERTIFICATE-----',
    `MIID${b64(60)}`,
    ...Array.from({ length: lines }, () => b64(64)),
    `${b64(40)}==`,
    '-----END CERTIFICATE-----',
  ];
  const sshEd = (who) => `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${b64(43)} ${who}`;
  const ssha = () => `{SSHA}${b64(32)}`;
  const sha512crypt = () => '$6$' + t.mixed(ALNUM + './', 16) + '$' + t.mixed(ALNUM + './', 86);
  const vaultLines = (n) => Array.from({ length: n }, () => t.pick(HEX, 80));
  const AZURITE = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
  const RC_TEST_SITE = '6LeIxAcTAAAAAJcZVRqyHh71UMIEGNQ_MXjiZKhI';
  const RC_TEST_SECRET = '6LeIxAcTAAAAAGG-vFI1TnRWxMZNFuojJ4WifJWe';
  const tenantId = uuid();

  // ---- PHP: Drupal --------------------------------------------------------------------------
  {
    const f = repo.file('web/drupal/web/sites/default/settings.php', 'php');
    const dbPw = pw();
    const salt = t.mixed(URLSAFE, 74);
    const sg = t.sendgrid();
    const rcSec = recaptcha();
    f.l('<?php', '', '// phpcs:ignoreFile', '', "$databases['default']['default'] = [");
    f.l("  'database' => 'drupal_www',", "  'username' => 'drupal_www',");
    f.s(`  'password' => '${dbPw}',`, 'generic', dbPw);
    f.l(
      "  'prefix' => '',",
      "  'host' => 'mysql-web01.westbrook.edu',",
      "  'port' => '3306',",
      "  'namespace' => 'Drupal\\\\mysql\\\\Driver\\\\Database\\\\mysql',",
      "  'driver' => 'mysql',",
      '];',
      '',
      "$databases['migrate']['default'] = [",
      "  'database' => 'd7_www',",
      "  'username' => 'migrate_ro',",
    );
    f.d("  'password' => getenv('D7_MIGRATE_DB_PASSWORD'),", 'env lookup');
    f.l("  'host' => 'mysql-legacy.westbrook.edu',", "  'driver' => 'mysql',", '];', '');
    f.s(`$settings['hash_salt'] = '${salt}';`, 'generic', salt);
    f.l(
      "$settings['update_free_access'] = FALSE;",
      "$settings['file_private_path'] = '/var/www/private';",
      "$settings['config_sync_directory'] = '../config/sync';",
      "$config['smtp.settings']['smtp_host'] = 'smtp.sendgrid.net';",
      "$config['smtp.settings']['smtp_username'] = 'apikey';",
    );
    f.s(`$config['smtp.settings']['smtp_password'] = '${sg}';`, 'sendgrid', sg);
    f.d(`$config['recaptcha.settings']['site_key'] = '${recaptcha()}';`, 'recaptcha site key (public)');
    f.s(`$config['recaptcha.settings']['secret_key'] = '${rcSec}';`, 'recaptcha', rcSec);
    f.l(
      "$settings['trusted_host_patterns'] = ['^www\\.westbrook\\.edu$', '^westbrook\\.edu$'];",
      "if (file_exists($app_root . '/' . $site_path . '/settings.local.php')) {",
      "  include $app_root . '/' . $site_path . '/settings.local.php';",
      '}',
    );

    const r = repo.file('web/drupal/web/sites/research.westbrook.edu/settings.php', 'php');
    const rPw = pw();
    r.l('<?php', '$databases = array (', "  'default' => array (", "    'default' => array (");
    r.l("      'database' => 'drupal_research',", "      'username' => 'drupal_research',");
    r.s(`      'password' => '${rPw}',`, 'generic', rPw);
    r.l("      'host' => 'mysql-web01.westbrook.edu',", "      'driver' => 'mysql',", '    ),', '  ),', ');');
    r.d("$settings['hash_salt'] = file_get_contents('/var/www/private/research-salt.txt');", 'salt read from file');
    r.d("$settings['reverse_proxy_addresses'] = ['10.40.0.10', '10.40.0.11'];", 'proxy ips');

    const ds = repo.file('web/drupal/web/sites/default/default.settings.php', 'php');
    ds.l(' * Sample database configuration:', ' * @code', " * $databases['default']['default'] = [");
    ds.l(" *   'database' => 'databasename',", " *   'username' => 'sqlusername',");
    ds.d(" *   'password' => 'sqlpassword',", 'drupal documented placeholder');
    ds.l(" *   'host' => 'localhost',", ' * ];', ' * @endcode');
    ds.d(" * $settings['hash_salt'] = file_get_contents('/home/example/salt.txt');", 'documented example');
    ds.d("$settings['hash_salt'] = '';", 'empty');

    const sc = repo.file('web/drupal/simplesamlphp/config/config.php', 'php');
    const ssAdmin = pw();
    const ssSalt = t.lower(32);
    const ssDb = pw();
    sc.l('<?php', '$config = [', "    'baseurlpath' => 'https://www.westbrook.edu/simplesaml/',");
    sc.s(`    'auth.adminpassword' => '${ssAdmin}',`, 'generic', ssAdmin);
    sc.s(`    'secretsalt' => '${ssSalt}',`, 'generic', ssSalt);
    sc.l("    'technicalcontact_email' => 'webteam@westbrook.edu',", "    'store.type' => 'sql',");
    sc.l("    'store.sql.dsn' => 'mysql:host=mysql-web01.westbrook.edu;dbname=simplesaml',");
    sc.l("    'store.sql.username' => 'simplesaml',");
    sc.s(`    'store.sql.password' => '${ssDb}',`, 'generic', ssDb);
    sc.l('];');
    const sd = repo.file('web/drupal/simplesamlphp/config/config.php.dist', 'php');
    sd.l('<?php', '$config = [');
    sd.d("    'auth.adminpassword' => '123',", 'simplesamlphp default placeholder');
    sd.d("    'secretsalt' => 'defaultsecretsalt',", 'simplesamlphp default placeholder');
    sd.l('];');
    const sa = repo.file('web/drupal/simplesamlphp/config/authsources.php', 'php');
    sa.l('<?php', '$config = [', "    'default-sp' => [", "        'saml:SP',");
    sa.d("        'privatekey' => 'saml.pem',", 'key file reference');
    sa.d("        'certificate' => 'saml.crt',", 'cert file reference');
    sa.d(
      "        'entityID' => 'https://www.westbrook.edu/simplesaml/module.php/saml/sp/metadata.php/default-sp',",
      'entity id',
    );
    sa.l("        'idp' => 'https://idp.westbrook.edu/idp/shibboleth',", '    ],', '];');
  }

  // ---- PHP: Moodle --------------------------------------------------------------------------
  {
    const f = repo.file('lms/moodle/config.php', 'php');
    const dbPw = pw();
    const saltMain = t.mixed(ALNUM + '#%&*-_+=', 40);
    const redis = pwa();
    const smtp = t.sendgrid();
    const ldapPw = pw();
    const enrolPw = pw();
    const zs = zoomSecret();
    f.l(
      '<?php  // Moodle configuration file',
      '',
      'unset($CFG);',
      'global $CFG;',
      '$CFG = new stdClass();',
      '',
      "$CFG->dbtype    = 'pgsql';",
      "$CFG->dblibrary = 'native';",
      "$CFG->dbhost    = 'pg-moodle.westbrook.edu';",
      "$CFG->dbname    = 'moodle';",
      "$CFG->dbuser    = 'moodleuser';",
    );
    f.s(`$CFG->dbpass    = '${dbPw}';`, 'generic', dbPw);
    f.l(
      "$CFG->prefix    = 'mdl_';",
      "$CFG->dboptions = array('dbpersist' => 0, 'dbport' => 5432, 'dbsocket' => '');",
      '',
      "$CFG->wwwroot   = 'https://moodle.westbrook.edu';",
      "$CFG->dataroot  = '/var/moodledata';",
      "$CFG->admin     = 'admin';",
      '$CFG->directorypermissions = 02777;',
    );
    f.s(`$CFG->passwordsaltmain = '${saltMain}';`, 'generic', saltMain);
    f.l(
      "$CFG->session_handler_class = '\\core\\session\\redis';",
      "$CFG->session_redis_host = 'redis-moodle.westbrook.edu';",
    );
    f.s(`$CFG->session_redis_auth = '${redis}';`, 'generic', redis);
    f.l("$CFG->smtphosts = 'smtp.sendgrid.net:587';", "$CFG->smtpuser = 'apikey';");
    f.s(`$CFG->smtppass = '${smtp}';`, 'sendgrid', smtp);
    f.l(
      '$CFG->forced_plugin_settings = [',
      "    'auth_ldap' => [",
      "        'host_url' => 'ldaps://ldap.westbrook.edu',",
      "        'bind_dn' => 'cn=moodle-bind,ou=services,dc=westbrook,dc=edu',",
    );
    f.s(`        'bind_pw' => '${ldapPw}',`, 'generic', ldapPw);
    f.l(
      '    ],',
      "    'enrol_database' => [",
      "        'dbtype' => 'mssqlnative',",
      "        'dbhost' => 'sis-db.westbrook.edu',",
      "        'dbuser' => 'moodle_enrol',",
    );
    f.s(`        'dbpass' => '${enrolPw}',`, 'generic', enrolPw);
    f.l('    ],', "    'mod_zoom' => [");
    f.l(`        'accountid' => '${zoomAccount()}',`);
    f.d(`        'clientid' => '${zoomId()}',`, 'zoom client id (public)');
    f.s(`        'clientsecret' => '${zs}',`, 'zoom', zs);
    f.l('    ],', '];', '', "require_once(__DIR__ . '/lib/setup.php');");

    const d = repo.file('lms/moodle/config-dist.php', 'php');
    d.l(
      "$CFG->dbhost    = 'localhost';  // eg 'localhost' or 'db.isp.com' or IP",
      "$CFG->dbname    = 'moodle';     // database name, eg moodle",
    );
    d.l("$CFG->dbuser    = 'username';   // your database username");
    d.d("$CFG->dbpass    = 'password';   // your database password", 'moodle documented placeholder');
    d.d("//      $CFG->session_redis_auth = ''; // Optional, default is don't set one.", 'commented empty');
    const lp = repo.file('lms/moodle/local/westbrook/classes/sis_client.php', 'php');
    lp.l('<?php', 'namespace local_westbrook;', '', 'class sis_client {');
    lp.d("    private const TOKEN_SETTING = 'local_westbrook/sis_api_token';", 'setting name');
    lp.d("        $token = get_config('local_westbrook', 'sis_api_token');", 'config lookup');
    const sisKey = t.hex(40);
    lp.s(`    private $fallbacktoken = '${sisKey}'; // TODO remove once the setting is deployed`, 'generic', sisKey);
    lp.d(
      `    // Course shortnames look like ${course()}-2025S1; student ids like ${studentId()}.`,
      'course code and student id',
    );
    lp.l('}');
  }

  // ---- PHP: WordPress -----------------------------------------------------------------------
  {
    const f = repo.file('web/news-wordpress/wp-config.php', 'php');
    const dbPw = pw();
    f.l('<?php', "define( 'DB_NAME', 'wp_news' );", "define( 'DB_USER', 'wp_news' );");
    f.s(`define( 'DB_PASSWORD', '${dbPw}' );`, 'generic', dbPw);
    f.l("define( 'DB_HOST', 'mysql-web02.westbrook.edu' );", "define( 'DB_CHARSET', 'utf8mb4' );", '');
    for (const k of ['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT']) {
      const v = wpSalt();
      f.s(`define( '${k}',${' '.repeat(17 - k.length)}'${v}' );`, 'generic', v);
    }
    const smtpPw = pw();
    f.l(
      "define( 'WPMS_ON', true );",
      "define( 'WPMS_SMTP_HOST', 'smtp.office365.com' );",
      "define( 'WPMS_SMTP_USER', 'news-noreply@westbrook.edu' );",
    );
    f.s(`define( 'WPMS_SMTP_PASS', '${smtpPw}' );`, 'generic', smtpPw);
    f.l("$table_prefix = 'wp_';", "define( 'WP_DEBUG', false );", "require_once ABSPATH . 'wp-settings.php';");
    const s = repo.file('web/news-wordpress/wp-config-sample.php', 'php');
    s.l('<?php', "define( 'DB_NAME', 'database_name_here' );", "define( 'DB_USER', 'username_here' );");
    s.d("define( 'DB_PASSWORD', 'password_here' );", 'wordpress placeholder');
    s.d("define( 'AUTH_KEY',         'put your unique phrase here' );", 'wordpress placeholder');
    s.d("define( 'NONCE_SALT',       'put your unique phrase here' );", 'wordpress placeholder');
    const lf = repo.file('web/news-wordpress/wp-content/themes/westbrook/functions.php', 'php');
    lf.l('<?php', "add_action('wp_enqueue_scripts', function () {");
    lf.d(
      `    wp_enqueue_script('recaptcha', 'https://www.google.com/recaptcha/api.js?render=${recaptcha()}');`,
      'recaptcha site key',
    );
    lf.l('});');
    const yt = t.gcpApiKey();
    lf.s(`define('WB_YOUTUBE_API_KEY', '${yt}'); // lecture playlist widget, server side only`, 'google', yt);
  }

  // ---- Python: Django research portal -------------------------------------------------------
  {
    const b = repo.file('research-portal/portal/settings/base.py', 'python');
    b.l('import os', 'from pathlib import Path', '', 'BASE_DIR = Path(__file__).resolve().parent.parent.parent');
    b.d('SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]', 'env lookup');
    b.l('DATABASES = {', '    "default": {', '        "ENGINE": "django.db.backends.postgresql",');
    b.l(
      '        "NAME": os.environ.get("DB_NAME", "research_portal"),',
      '        "USER": os.environ.get("DB_USER", "portal"),',
    );
    b.d('        "PASSWORD": os.environ.get("DB_PASSWORD", ""),', 'env lookup, empty default');
    b.l('        "HOST": os.environ.get("DB_HOST", "localhost"),', '    }', '}');
    b.d('CROSSREF_MAILTO = "library@westbrook.edu"  # polite pool', 'email');
    b.d(
      'AUTH_PASSWORD_VALIDATORS = [{"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"}]',
      'setting name',
    );
    b.d('PASSWORD_RESET_TIMEOUT = 259200', 'setting');

    const p = repo.file('research-portal/portal/settings/production.py', 'python');
    const sk = djangoKey();
    const dbPw = pw();
    const sg = t.sendgrid();
    const orcSec = uuid();
    const cr = crossrefToken();
    const ldapPw = pw();
    const azk = t.azureStorageKey();
    p.l('from .base import *  # noqa', '', 'DEBUG = False', 'ALLOWED_HOSTS = ["research.westbrook.edu"]');
    p.s(`SECRET_KEY = "${sk}"`, 'generic', sk);
    p.l(
      'DATABASES["default"].update(',
      '    {',
      '        "HOST": "pg-research.westbrook.edu",',
      '        "USER": "portal",',
    );
    p.s(`        "PASSWORD": "${dbPw}",`, 'generic', dbPw);
    p.l('    }', ')', 'EMAIL_HOST = "smtp.sendgrid.net"', 'EMAIL_HOST_USER = "apikey"');
    p.s(`EMAIL_HOST_PASSWORD = "${sg}"`, 'sendgrid', sg);
    p.d(`SOCIAL_AUTH_ORCID_KEY = "${orcidApp()}"`, 'orcid client id (public)');
    p.s(`SOCIAL_AUTH_ORCID_SECRET = "${orcSec}"`, 'orcid', orcSec);
    p.s(`CROSSREF_PLUS_TOKEN = "${cr}"`, 'crossref', cr);
    p.l(
      'AUTH_LDAP_SERVER_URI = "ldaps://ldap.westbrook.edu"',
      'AUTH_LDAP_BIND_DN = "cn=research-portal,ou=services,dc=westbrook,dc=edu"',
    );
    p.s(`AUTH_LDAP_BIND_PASSWORD = "${ldapPw}"`, 'generic', ldapPw);
    p.l(
      'DEFAULT_FILE_STORAGE = "storages.backends.azure_storage.AzureStorage"',
      'AZURE_ACCOUNT_NAME = "wbresearchdata"',
    );
    p.s(`AZURE_ACCOUNT_KEY = "${azk}"`, 'azure', azk);
    p.l('AZURE_CONTAINER = "outputs"');

    const dev = repo.file('research-portal/portal/settings/dev.py', 'python');
    const insecure = `django-insecure-${djangoKey()}`;
    dev.l('from .base import *  # noqa', '', 'DEBUG = True');
    dev.s(`SECRET_KEY = "${insecure}"`, 'generic', insecure);
    dev.d('DATABASES["default"]["PASSWORD"] = os.environ.get("DB_PASSWORD", "postgres")', 'env lookup, local default');
    dev.d('EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"', 'setting');

    const o = repo.file('research-portal/publications/orcid_sync.py', 'python');
    o.l('"""Pull works for researchers who linked their ORCID iD.', '');
    o.d(`Example: https://orcid.org/0000-0002-1825-0097 (the ORCID documentation iD), or ${orcidId()}.`, 'orcid ids');
    o.l('"""', 'import requests', 'from django.conf import settings', '');
    o.l('def token():', '    r = requests.post(', '        "https://orcid.org/oauth/token",', '        data={');
    o.d('            "client_id": settings.SOCIAL_AUTH_ORCID_KEY,', 'setting reference');
    o.d('            "client_secret": settings.SOCIAL_AUTH_ORCID_SECRET,', 'setting reference');
    o.l(
      '            "grant_type": "client_credentials",',
      '            "scope": "/read-public",',
      '        },',
      '    )',
    );
    o.l('    return r.json()["access_token"]', '', 'def crossref_headers():');
    o.d('    return {"Crossref-Plus-API-Token": f"Bearer {settings.CROSSREF_PLUS_TOKEN}"}', 'f-string reference');
    o.d(`KNOWN_DOIS = ["${doi()}", "${doi()}", "${doi()}"]`, 'dois');

    const fx = repo.file('research-portal/publications/fixtures/researchers.json', 'python');
    fx.l('[');
    for (let i = 0; i < 4; i++)
      fx.d(
        `  {"model": "publications.researcher", "pk": ${i + 1}, "fields": {"orcid": "${orcidId()}", "staff_id": "E${t.pick(DIGIT, 6)}", "latest_doi": "${doi()}"}},`,
        'orcid ids, staff ids, dois',
      );
    fx.l(']');
  }

  // ---- Python: Flask tools, LDAP, Canvas, Zoom, Google ----------------------------------------
  {
    const f = repo.file('tools/room-booking/app.py', 'python');
    const sk = t.hex(48);
    const db = pwa();
    const gs = t.azureClientSecret();
    f.l('from flask import Flask', 'from flask_sqlalchemy import SQLAlchemy', '', 'app = Flask(__name__)');
    f.s(`app.config["SECRET_KEY"] = "${sk}"`, 'generic', sk);
    f.s(
      `app.config["SQLALCHEMY_DATABASE_URI"] = "mysql+pymysql://rooms:${db}@mysql-apps.westbrook.edu/rooms"`,
      'database',
      db,
    );
    f.d(`GRAPH_TENANT_ID = "${tenantId}"`, 'tenant id');
    f.d(`GRAPH_CLIENT_ID = "${uuid()}"`, 'client id');
    f.s(`GRAPH_CLIENT_SECRET = "${gs}"  # room mailbox calendar read`, 'azure', gs);
    f.l('db = SQLAlchemy(app)');
    const ce = repo.file('tools/room-booking/config.example.py', 'python');
    ce.d('SECRET_KEY = "change-me"', 'placeholder');
    ce.d('SQLALCHEMY_DATABASE_URI = "mysql+pymysql://rooms:<password>@localhost/rooms"', 'placeholder');
    ce.d('GRAPH_CLIENT_SECRET = "<client secret from Entra app registration>"', 'placeholder');

    const l = repo.file('tools/ldap/sync_groups.py', 'python');
    const bind = pw();
    l.l(
      'import ldap',
      'import os',
      '',
      'conn = ldap.initialize("ldaps://ldap.westbrook.edu")',
      'conn.protocol_version = ldap.VERSION3',
    );
    l.s(`conn.simple_bind_s("cn=idm-sync,ou=services,dc=westbrook,dc=edu", "${bind}")`, 'generic', bind);
    l.d('ad = ldap.initialize("ldaps://dc01.ad.westbrook.edu")', 'plain');
    l.d('ad.simple_bind_s(os.environ["AD_BIND_DN"], os.environ["AD_BIND_PW"])', 'env lookup');
    l.d(`for sid in ("${studentId()}", "${studentId()}"):  # smoke-test accounts`, 'student ids');
    l.l('    pass');
    const rp = repo.file('tools/ldap/reset_password.py', 'python');
    const adm = pw();
    rp.l('import ldap', 'import ldap.modlist', '', 'ADMIN_DN = "cn=Directory Manager"');
    rp.s(`ADMIN_PW = '${adm}'`, 'generic', adm);
    rp.l(
      'def reset(uid, new_hash):',
      '    l = ldap.initialize("ldap://ldap-master.westbrook.edu")',
      '    l.start_tls_s()',
    );
    rp.d('    l.simple_bind_s(ADMIN_DN, ADMIN_PW)', 'variable reference');
    rp.d(`    # new_hash looks like ${ssha()}`, 'ssha hash');
    rp.l(
      '    l.modify_s(f"uid={uid},ou=people,dc=westbrook,dc=edu", [(ldap.MOD_REPLACE, "userPassword", [new_hash])])',
    );

    const c = repo.file('tools/canvas/sync_sections.py', 'python');
    const ct = canvasTok();
    c.l('from canvasapi import Canvas', '', 'API_URL = "https://westbrook.instructure.com"');
    c.s(`API_KEY = "${ct}"`, 'canvas', ct);
    c.l('canvas = Canvas(API_URL, API_KEY)');
    c.d(`ACCOUNT_ID = 1`, 'account id');
    for (let i = 0; i < 3; i++)
      c.d(
        `SECTIONS.append({"course_id": ${t.digits(5)}, "sis_section_id": "${course()}-2025S1-L0${i + 1}"})`,
        'course codes',
      );
    const g = repo.file('tools/canvas/grade_export.py', 'python');
    const ct2 = canvasTok();
    g.l('import requests', '', 'BASE = "https://westbrook.instructure.com/api/v1"');
    g.s(`HEADERS = {"Authorization": "Bearer ${ct2}"}`, 'canvas', ct2);
    g.d('DEV_KEY_ID = "170000000000412"  # Canvas developer key id', 'developer key id');
    g.l(
      'def export(course_id):',
      '    return requests.get(f"{BASE}/courses/{course_id}/enrollments", headers=HEADERS).json()',
    );

    const z = repo.file('tools/zoom/recordings.py', 'python');
    const zs = zoomSecret();
    const zw = t.mixed(URLSAFE, 22);
    z.l('import base64', 'import requests', '');
    z.l(`ZOOM_ACCOUNT_ID = "${zoomAccount()}"`);
    z.d(`ZOOM_CLIENT_ID = "${zoomId()}"`, 'zoom client id (public)');
    z.s(`ZOOM_CLIENT_SECRET = "${zs}"`, 'zoom', zs);
    z.s(`ZOOM_WEBHOOK_SECRET_TOKEN = "${zw}"`, 'zoom', zw);
    z.l('def token():', '    basic = base64.b64encode(f"{ZOOM_CLIENT_ID}:{ZOOM_CLIENT_SECRET}".encode()).decode()');
    z.l(
      '    r = requests.post("https://zoom.us/oauth/token", params={"grant_type": "account_credentials", "account_id": ZOOM_ACCOUNT_ID},',
    );
    z.d('        headers={"Authorization": f"Basic {basic}"})', 'f-string reference');
    z.d(`MEETING_IDS = [${t.digits(11)}, ${t.digits(11)}]  # ${course()} lecture series`, 'meeting ids');

    const gj = repo.file(`tools/google/westbrook-gws-sync-${t.pick(HEX, 12)}.json`, 'python');
    const p8 = t.pkcs8Pem();
    gj.l('{', '  "type": "service_account",', '  "project_id": "westbrook-gws-sync",');
    gj.d(`  "private_key_id": "${t.sha1()}",`, 'key id');
    gj.s(`  "private_key": ${JSON.stringify(p8.join('\n') + '\n')},`, 'gcp', p8.join('\n'));
    gj.l('  "client_email": "directory-sync@westbrook-gws-sync.iam.gserviceaccount.com",');
    gj.d(`  "client_id": "1${t.pick(DIGIT, 20)}",`, 'numeric client id');
    gj.l(
      '  "auth_uri": "https://accounts.google.com/o/oauth2/auth",',
      '  "token_uri": "https://oauth2.googleapis.com/token",',
      '  "client_x509_cert_url": "https://www.googleapis.com/robot/v1/metadata/x509/directory-sync%40westbrook-gws-sync.iam.gserviceaccount.com"',
      '}',
    );

    const sms = repo.file('tools/alerts/send_sms.py', 'python');
    const tok = t.twilioToken();
    const sec = t.alnum(32);
    const sl = t.slackWebhook();
    sms.l('from twilio.rest import Client', '');
    sms.d(`ACCOUNT_SID = "${t.twilioSid()}"`, 'twilio account sid (identifier)');
    sms.s(`AUTH_TOKEN = "${tok}"`, 'twilio', tok);
    sms.d(`API_KEY_SID = "SK${t.hex(32)}"`, 'twilio api key sid (identifier)');
    sms.s(`API_KEY_SECRET = "${sec}"`, 'twilio', sec);
    sms.s(`SLACK_WEBHOOK = "${sl}"  # #campus-alerts`, 'slack', sl);
    sms.l('client = Client(ACCOUNT_SID, AUTH_TOKEN)');

    const mw = repo.file('tools/moodle/bulk_enrol.py', 'python');
    const wst = moodleWsToken();
    mw.l('import requests', '', 'MOODLE = "https://moodle.westbrook.edu/webservice/rest/server.php"');
    mw.s(`WSTOKEN = "${wst}"`, 'generic', wst);
    mw.l(
      'def enrol(userid, courseid):',
      '    return requests.post(MOODLE, data={"wstoken": WSTOKEN, "wsfunction": "enrol_manual_enrol_users",',
    );
    mw.l(
      '        "moodlewsrestformat": "json", "enrolments[0][roleid]": 5, "enrolments[0][userid]": userid, "enrolments[0][courseid]": courseid})',
    );
  }

  // ---- Java: Shibboleth IdP, Tomcat, CAS, Spring -------------------------------------------
  {
    const sp = repo.file('idp/shibboleth-idp/credentials/secrets.properties', 'java');
    const sealer = pw();
    const bind = pw();
    const salt = b64(32);
    sp.l('# This is a reserved spot for most properties containing passwords or other secrets.');
    sp.l('# Created by install at 2024-08-12T10:14:03.231Z', '');
    sp.d('# Access to internal AES encryption key', 'comment');
    sp.s(`idp.sealer.password = ${sealer}`, 'generic', sealer);
    sp.s(`idp.authn.LDAP.bindDNCredential              = ${bind}`, 'generic', bind);
    sp.d(
      'idp.attribute.resolver.LDAP.bindDNCredential  = %{idp.authn.LDAP.bindDNCredential:undefined}',
      'property reference',
    );
    sp.s(`idp.persistentId.salt = ${salt}`, 'generic', salt);
    const ip = repo.file('idp/shibboleth-idp/conf/idp.properties', 'java');
    ip.l('idp.entityID= https://idp.westbrook.edu/idp/shibboleth', 'idp.scope= westbrook.edu');
    ip.d('idp.sealer.storePassword= %{idp.sealer.password}', 'property reference');
    ip.d('idp.sealer.keyPassword= %{idp.sealer.password}', 'property reference');
    ip.d('idp.additionalProperties= /conf/saml-nameid.properties, /credentials/secrets.properties', 'file list');
    const lp = repo.file('idp/shibboleth-idp/conf/idp.properties', 'java');
    lp.l(
      'idp.authn.LDAP.authenticator = bindSearchAuthenticator',
      'idp.authn.LDAP.ldapURL = ldaps://ldap.westbrook.edu:636',
    );
    lp.l(
      'idp.authn.LDAP.baseDN = ou=people,dc=westbrook,dc=edu',
      'idp.authn.LDAP.bindDN = cn=shib-bind,ou=services,dc=westbrook,dc=edu',
    );
    lp.d('#idp.authn.LDAP.bindDNCredential = myServicePassword', 'commented shibboleth placeholder');
    const ar = repo.file('idp/shibboleth-idp/conf/attribute-resolver.xml', 'java');
    const jdbc = pw();
    ar.l(
      '<AttributeResolver xmlns="urn:mace:shibboleth:2.0:resolver">',
      '  <DataConnector id="sisDB" xsi:type="RelationalDatabase">',
    );
    ar.s(
      `    <SimpleManagedConnection jdbcDriver="com.microsoft.sqlserver.jdbc.SQLServerDriver" jdbcURL="jdbc:sqlserver://sis-db.westbrook.edu:1433;databaseName=SIS" jdbcUserName="shib_attr" jdbcPassword="${jdbc}" />`,
      'generic',
      jdbc,
    );
    ar.l(
      "    <QueryTemplate><![CDATA[ SELECT programme_code FROM v_enrolment WHERE student_id = '$resolutionContext.principal' ]]></QueryTemplate>",
    );
    ar.l('  </DataConnector>', '</AttributeResolver>');
    const key = repo.file('idp/shibboleth-idp/credentials/idp-signing.key', 'java');
    const rsa = t.rsaPem();
    key.s(rsa, 'private-key', rsa.join('\n'));
    const crt = repo.file('idp/shibboleth-idp/credentials/idp-signing.crt', 'java');
    crt.d(cert(8), 'public certificate');
    const md = repo.file('idp/shibboleth-idp/metadata/idp-metadata.xml', 'java');
    md.l(
      '<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idp.westbrook.edu/idp/shibboleth">',
      '  <IDPSSODescriptor>',
      '    <KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data>',
    );
    md.d(`      <ds:X509Certificate>MIIDLjCCAhagAwIBAgIU${b64(400)}</ds:X509Certificate>`, 'public certificate');
    md.l('    </ds:X509Data></ds:KeyInfo></KeyDescriptor>', '  </IDPSSODescriptor>', '</EntityDescriptor>');

    const sx = repo.file('idp/tomcat/conf/server.xml', 'java');
    const ks = pw();
    const realm = pw();
    sx.l('<Server port="8005" shutdown="SHUTDOWN">', '  <Service name="Catalina">');
    sx.s(
      `    <Connector port="8443" protocol="org.apache.coyote.http11.Http11NioProtocol" SSLEnabled="true" scheme="https" secure="true" keystoreFile="/opt/shibboleth-idp/credentials/idp-browser.p12" keystorePass="${ks}" keystoreType="PKCS12" />`,
      'generic',
      ks,
    );
    sx.l('    <Engine name="Catalina" defaultHost="localhost">');
    sx.s(
      `      <Realm className="org.apache.catalina.realm.JNDIRealm" connectionURL="ldaps://ldap.westbrook.edu:636" connectionName="cn=tomcat-realm,ou=services,dc=westbrook,dc=edu" connectionPassword="${realm}" userPattern="uid={0},ou=people,dc=westbrook,dc=edu" />`,
      'generic',
      realm,
    );
    sx.l('    </Engine>', '  </Service>', '</Server>');
    const cx = repo.file('cas/tomcat/conf/context.xml', 'java');
    const casDb = pw();
    cx.l('<Context>', '    <WatchedResource>WEB-INF/web.xml</WatchedResource>');
    cx.s(
      `    <Resource name="jdbc/cas" auth="Container" type="javax.sql.DataSource" driverClassName="org.postgresql.Driver" url="jdbc:postgresql://pg-cas.westbrook.edu:5432/cas" username="cas" password="${casDb}" maxTotal="20" />`,
      'generic',
      casDb,
    );
    cx.d(
      '    <Resource name="jdbc/audit" auth="Container" type="javax.sql.DataSource" url="jdbc:postgresql://pg-cas.westbrook.edu:5432/audit" username="cas_audit" password="${audit.db.password}" />',
      'property placeholder',
    );
    cx.l('</Context>');
    const tu = repo.file('cas/tomcat/conf/tomcat-users.xml', 'java');
    const dep = pw();
    tu.l('<tomcat-users xmlns="http://tomcat.apache.org/xml" version="1.0">');
    tu.d(
      '<!--  <user username="admin" password="<must-be-changed>" roles="manager-gui"/> -->',
      'tomcat documented placeholder',
    );
    tu.s(`  <user username="deployer" password="${dep}" roles="manager-script"/>`, 'generic', dep);
    tu.l('</tomcat-users>');

    const cp = repo.file('cas/etc/cas/config/cas.properties', 'java');
    const casBind = pw();
    const tgcEnc = t.mixed(URLSAFE, 43);
    const tgcSig = t.mixed(URLSAFE, 86);
    const wfSig = t.mixed(URLSAFE, 86);
    const wfEnc = `${b64(22)}==`;
    const duo = duoSkey();
    cp.l('cas.server.name=https://login.westbrook.edu', 'cas.server.prefix=${cas.server.name}/cas');
    cp.l('cas.authn.ldap[0].type=AUTHENTICATED', 'cas.authn.ldap[0].ldap-url=ldaps://ldap.westbrook.edu');
    cp.l('cas.authn.ldap[0].bind-dn=cn=cas-bind,ou=services,dc=westbrook,dc=edu');
    cp.s(`cas.authn.ldap[0].bind-credential=${casBind}`, 'generic', casBind);
    cp.s(`cas.tgc.crypto.encryption.key=${tgcEnc}`, 'generic', tgcEnc);
    cp.s(`cas.tgc.crypto.signing.key=${tgcSig}`, 'generic', tgcSig);
    cp.s(`cas.webflow.crypto.signing.key=${wfSig}`, 'generic', wfSig);
    cp.s(`cas.webflow.crypto.encryption.key=${wfEnc}`, 'generic', wfEnc);
    cp.d('cas.ticket.registry.jpa.password=${CAS_DB_PASSWORD}', 'env placeholder');
    cp.d(
      `cas.authn.mfa.duo[0].duo-integration-key=DI${t.mixed(UPPER + DIGIT, 18)}`,
      'duo integration key (identifier)',
    );
    cp.s(`cas.authn.mfa.duo[0].duo-secret-key=${duo}`, 'duo', duo);
    cp.l(`cas.authn.mfa.duo[0].duo-api-host=api-${t.pick(HEX, 8)}.duosecurity.com`);

    const ap = repo.file('services/thesis-repository/src/main/resources/application-prod.properties', 'java');
    const spw = pw();
    const mpw = pw();
    const acs = t.azureClientSecret();
    ap.l(
      'spring.datasource.url=jdbc:postgresql://pg-research.westbrook.edu:5432/theses',
      'spring.datasource.username=theses',
    );
    ap.s(`spring.datasource.password=${spw}`, 'generic', spw);
    ap.l('spring.mail.host=smtp.office365.com', 'spring.mail.username=theses-noreply@westbrook.edu');
    ap.s(`spring.mail.password=${mpw}`, 'generic', mpw);
    ap.d(`spring.security.oauth2.client.registration.azure.client-id=${uuid()}`, 'client id');
    ap.s(`spring.security.oauth2.client.registration.azure.client-secret=${acs}`, 'azure', acs);
    ap.d('spring.security.oauth2.client.registration.azure.scope=openid,profile,email', 'scope');
    ap.d(`crossref.deposit.doi-prefix=10.${t.pick(DIGIT, 5)}`, 'doi prefix');
    const apd = repo.file('services/thesis-repository/src/main/resources/application.properties', 'java');
    apd.d('spring.datasource.password=${DB_PASSWORD:}', 'env placeholder');
    apd.d('crossref.deposit.password=${CROSSREF_DEPOSIT_PASSWORD}', 'env placeholder');
    apd.l('crossref.deposit.login-id=westbrook');
    const cj = repo.file(
      'services/thesis-repository/src/main/java/edu/westbrook/theses/CrossrefDepositClient.java',
      'java',
    );
    const crd = pw();
    cj.l('package edu.westbrook.theses;', '', 'public class CrossrefDepositClient {');
    cj.l('    private static final String DEPOSIT_URL = "https://doi.crossref.org/servlet/deposit";');
    cj.s(`    private static final String LOGIN_PASSWD = "${crd}";`, 'generic', crd);
    cj.d('    private static final String LOGIN_PASSWD_PARAM = "login_passwd";', 'parameter name');
    cj.l('}');
  }

  // ---- .NET intranet ------------------------------------------------------------------------
  {
    const w = repo.file('intranet/Westbrook.Intranet/Web.config', 'dotnet');
    const sqlPw = pw();
    const ldapPw = pw();
    const gs = t.azureClientSecret();
    const azk = t.azureStorageKey();
    const rc = recaptcha();
    const vk = hexU(128);
    w.l('<?xml version="1.0" encoding="utf-8"?>', '<configuration>', '  <connectionStrings>');
    w.s(
      `    <add name="IntranetDb" connectionString="Data Source=sql-intra01.ad.westbrook.edu;Initial Catalog=Intranet;User ID=intranet_app;Password=${sqlPw};" providerName="System.Data.SqlClient" />`,
      'generic',
      sqlPw,
    );
    w.d(
      '    <add name="HRDb" connectionString="Data Source=sql-hr01.ad.westbrook.edu;Initial Catalog=HR;Integrated Security=SSPI;" providerName="System.Data.SqlClient" />',
      'integrated security, no password',
    );
    w.l('  </connectionStrings>', '  <appSettings>', '    <add key="webpages:Version" value="3.0.0.0" />');
    w.l('    <add key="LdapBindDn" value="CN=svc_intranet,OU=Service Accounts,DC=ad,DC=westbrook,DC=edu" />');
    w.s(`    <add key="LdapBindPassword" value="${ldapPw}" />`, 'generic', ldapPw);
    w.d(`    <add key="GraphTenantId" value="${tenantId}" />`, 'tenant id');
    w.d(`    <add key="GraphClientId" value="${uuid()}" />`, 'client id');
    w.s(`    <add key="GraphClientSecret" value="${gs}" />`, 'azure', gs);
    w.s(
      `    <add key="StorageConnection" value="DefaultEndpointsProtocol=https;AccountName=wbintranet;AccountKey=${azk};EndpointSuffix=core.windows.net" />`,
      'azure',
      azk,
    );
    w.d(`    <add key="RecaptchaSiteKey" value="${recaptcha()}" />`, 'recaptcha site key');
    w.s(`    <add key="RecaptchaSecretKey" value="${rc}" />`, 'recaptcha', rc);
    w.d('    <add key="LocalStorage" value="UseDevelopmentStorage=true" />', 'azurite shortcut');
    w.l('  </appSettings>', '  <system.web>', '    <compilation debug="false" targetFramework="4.8" />');
    w.s(
      `    <machineKey validationKey="${vk}" decryptionKey="${hexU(64)}" validation="HMACSHA256" decryption="AES" />`,
      'generic',
      vk,
    );
    w.l('  </system.web>', '</configuration>');
    const wr = repo.file('intranet/Westbrook.Intranet/Web.Release.config', 'dotnet');
    wr.l('<configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform">', '  <connectionStrings>');
    wr.d(
      '    <add name="IntranetDb" connectionString="Data Source=sql-intra01.ad.westbrook.edu;Initial Catalog=Intranet;User ID=intranet_app;Password=__IntranetDbPassword__;" xdt:Transform="SetAttributes" xdt:Locator="Match(name)" />',
      'release token placeholder',
    );
    wr.l('  </connectionStrings>', '  <appSettings>');
    wr.d(
      '    <add key="GraphClientSecret" value="#{GraphClientSecret}#" xdt:Transform="SetAttributes" xdt:Locator="Match(key)" />',
      'replace-tokens placeholder',
    );
    wr.l('  </appSettings>', '</configuration>');
    const wd = repo.file('intranet/Westbrook.StaffDirectory/Web.config', 'dotnet');
    wd.l('<configuration>', '  <connectionStrings configProtectionProvider="RsaProtectedConfigurationProvider">');
    wd.l(
      '    <EncryptedData Type="http://www.w3.org/2001/04/xmlenc#Element" xmlns="http://www.w3.org/2001/04/xmlenc#">',
    );
    wd.d(
      `      <CipherData><CipherValue>${b64(340)}==</CipherValue></CipherData>`,
      'protected configuration ciphertext',
    );
    wd.l('    </EncryptedData>', '  </connectionStrings>', '  <system.web>');
    wd.d(
      '    <machineKey validationKey="AutoGenerate,IsolateApps" decryptionKey="AutoGenerate,IsolateApps" />',
      'autogenerate',
    );
    wd.l('  </system.web>', '</configuration>');
    const gm = repo.file('intranet/Westbrook.Intranet/Services/GraphMailer.cs', 'dotnet');
    const gms = t.azureClientSecret();
    gm.l(
      'using Azure.Identity;',
      'using Microsoft.Graph;',
      '',
      'namespace Westbrook.Intranet.Services',
      '{',
      '    public class GraphMailer',
      '    {',
    );
    gm.s(
      `        private readonly GraphServiceClient _client = new(new ClientSecretCredential("${tenantId}", "${uuid()}", "${gms}"));`,
      'azure',
      gms,
    );
    gm.d('        private string Secret => ConfigurationManager.AppSettings["GraphClientSecret"];', 'config lookup');
    gm.l('    }', '}');
    const hd = repo.file('helpdesk/Westbrook.Helpdesk/appsettings.Production.json', 'dotnet');
    const hpw = pw();
    const hcs = t.azureClientSecret();
    const zt = zoomSecret();
    hd.l('{', '  "ConnectionStrings": {');
    hd.s(
      `    "Helpdesk": "Server=tcp:wb-helpdesk.database.windows.net,1433;Initial Catalog=helpdesk;User ID=helpdesk_app;Password=${hpw};Encrypt=True;"`,
      'generic',
      hpw,
    );
    hd.l('  },', '  "AzureAd": {', '    "Instance": "https://login.microsoftonline.com/",');
    hd.d(`    "TenantId": "${tenantId}",`, 'tenant id');
    hd.d(`    "ClientId": "${uuid()}",`, 'client id');
    hd.s(`    "ClientSecret": "${hcs}"`, 'azure', hcs);
    hd.l('  },', '  "Zoom": {');
    hd.d(`    "ClientId": "${zoomId()}",`, 'zoom client id');
    hd.s(`    "ClientSecret": "${zt}"`, 'zoom', zt);
    hd.l('  }', '}');
    const hdd = repo.file('helpdesk/Westbrook.Helpdesk/appsettings.Development.json', 'dotnet');
    hdd.l('{', '  "ConnectionStrings": {');
    hdd.d(
      `    "Storage": "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${AZURITE};BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;"`,
      'azurite documented key',
    );
    hdd.d('    "Helpdesk": "Server=(localdb)\\\\mssqllocaldb;Database=helpdesk;Trusted_Connection=True;"', 'localdb');
    hdd.l('  }', '}');
  }

  // ---- Node student app ---------------------------------------------------------------------
  {
    const e = repo.file('apps/student-app/.env.production', 'node');
    const db = pwa();
    const sess = t.hex(64);
    const ct = canvasTok();
    const sl = t.slackWebhook();
    const rc = recaptcha();
    e.s(`DATABASE_URL=postgres://student_app:${db}@pg-apps.westbrook.edu:5432/student_app`, 'database', db);
    e.s(`SESSION_SECRET=${sess}`, 'generic', sess);
    e.l('CANVAS_BASE_URL=https://westbrook.instructure.com');
    e.s(`CANVAS_API_TOKEN=${ct}`, 'canvas', ct);
    e.s(`SLACK_WEBHOOK_URL=${sl}`, 'slack', sl);
    e.d(`RECAPTCHA_SITE_KEY=${recaptcha()}`, 'site key');
    e.s(`RECAPTCHA_SECRET_KEY=${rc}`, 'recaptcha', rc);
    e.d(`AZURE_AD_TENANT_ID=${tenantId}`, 'tenant id');
    const ex = repo.file('apps/student-app/.env.example', 'node');
    ex.d('DATABASE_URL=postgres://student_app:password@localhost:5432/student_app', 'local placeholder');
    ex.d('SESSION_SECRET=', 'empty');
    ex.d('CANVAS_API_TOKEN=<generate under Account > Settings > New access token>', 'placeholder');
    ex.d(`RECAPTCHA_SITE_KEY=${RC_TEST_SITE}`, 'google test site key');
    ex.d(`RECAPTCHA_SECRET_KEY=${RC_TEST_SECRET}`, 'google documented test secret');
    const cfg = repo.file('apps/student-app/src/config/index.js', 'node');
    const acs = t.azureClientSecret();
    const rpw = pwa();
    cfg.l('module.exports = {', '  azure: {', '    tenantId: process.env.AZURE_AD_TENANT_ID,');
    cfg.d('    clientId: process.env.AZURE_AD_CLIENT_ID,', 'env lookup');
    cfg.s(`    clientSecret: process.env.AZURE_AD_CLIENT_SECRET || '${acs}',`, 'azure', acs);
    cfg.l('  },', '  redis: {', "    host: 'redis-apps.westbrook.edu',");
    cfg.s(`    password: '${rpw}',`, 'generic', rpw);
    cfg.l('  },', '};');
    const tt = repo.file('apps/student-app/src/lib/timetable.js', 'node');
    const tk = t.hex(40);
    tt.l("const BASE = 'https://timetable-api.westbrook.edu/v2';", 'export async function forStudent(id) {');
    tt.s(
      `  const res = await fetch(\`\${BASE}/students/\${id}/events\`, { headers: { 'x-api-key': '${tk}' } });`,
      'generic',
      tk,
    );
    tt.l('  return res.json();', '}');
    tt.d(
      `// e.g. forStudent('${studentId()}') -> [{ module: '${course()}', room: 'ENG-G.04' }]`,
      'student id and course code',
    );
    const fx = repo.file('apps/student-app/test/fixtures/students.json', 'node');
    fx.l('[');
    for (let i = 0; i < 4; i++)
      fx.d(
        `  { "studentId": "${studentId()}", "email": "student${i}@students.westbrook.edu", "modules": ["${course()}", "${course()}"], "hash": "${t.sha256()}" },`,
        'student ids, course codes, hashes',
      );
    fx.l(']');
    const lock = repo.file('apps/student-app/package-lock.json', 'node');
    lock.l('{', '  "lockfileVersion": 3,', '  "packages": {');
    for (const p of ['express', 'passport-azure-ad', 'pg', 'ioredis']) {
      lock.l(`    "node_modules/${p}": {`, `      "resolved": "https://registry.npmjs.org/${p}/-/${p}-4.2.1.tgz",`);
      lock.d(`      "integrity": "sha512-${b64(86)}=="`, 'integrity');
      lock.l('    },');
    }
    lock.l('  }', '}');
    const nrc = repo.file('apps/student-app/.npmrc', 'node');
    const npmT = t.npm();
    nrc.s(`//registry.npmjs.org/:_authToken=${npmT}`, 'npm', npmT);
    nrc.d('@westbrook:registry=https://gitlab.westbrook.edu/api/v4/packages/npm/', 'registry url');
    nrc.d('//gitlab.westbrook.edu/api/v4/packages/npm/:_authToken=${CI_JOB_TOKEN}', 'env reference');
  }

  // ---- Ruby: Jekyll site deploy -------------------------------------------------------------
  {
    const c = repo.file('web/jekyll-site/_config.yml', 'ruby');
    c.l('title: Westbrook University IT Services', 'url: https://it.westbrook.edu');
    c.d(`google_analytics: G-${t.mixed(UPPER + DIGIT, 10)}`, 'measurement id');
    c.l('recaptcha:');
    c.d(`  site_key: ${recaptcha()}`, 'site key');
    c.d('  secret_key: ENV-RECAPTCHA_SECRET', 'env reference');
    const s3 = repo.file('web/jekyll-site/s3_website.yml', 'ruby');
    const ak = t.awsId();
    const as = t.awsSecret();
    s3.s(`s3_id: ${ak}`, 'aws', ak);
    s3.s(`s3_secret: ${as}`, 'aws', as);
    s3.l('s3_bucket: it.westbrook.edu', 'cloudfront_distribution_id: E2QWRUHAPOMQZL');
    const s3e = repo.file('web/jekyll-site/s3_website.example.yml', 'ruby');
    s3e.d("s3_id: <%= ENV['S3_ID'] %>", 'erb env reference');
    s3e.d("s3_secret: <%= ENV['S3_SECRET'] %>", 'erb env reference');
    const d = repo.file('web/jekyll-site/script/deploy', 'ruby');
    const gh = t.github();
    d.l('#!/usr/bin/env bash', 'set -e');
    d.s(`export JEKYLL_GITHUB_TOKEN=${gh}`, 'github', gh);
    d.l('JEKYLL_ENV=production bundle exec jekyll build', 'bundle exec s3_website push');
    const rk = repo.file('web/jekyll-site/Rakefile', 'ruby');
    const sftp = pw();
    rk.l("require 'net/sftp'", '', 'desc "Upload the built site to the legacy web farm"', 'task :legacy do');
    rk.s(`  Net::SFTP.start('www1.westbrook.edu', 'webdeploy', password: '${sftp}') do |sftp|`, 'generic', sftp);
    rk.l(
      "    Dir['_site/**/*'].each { |f| sftp.upload!(f, \"/var/www/it/#{f.sub('_site/', '')}\") if File.file?(f) }",
      '  end',
      'end',
    );
  }

  // ---- Perl CGI -----------------------------------------------------------------------------
  {
    const r = repo.file('legacy/cgi-bin/roombook.cgi', 'perl');
    const p = pw();
    r.l('#!/usr/bin/perl -w', 'use strict;', 'use CGI;', 'use DBI;', '');
    r.s(
      `my $dbh = DBI->connect("DBI:mysql:database=roombook;host=mysql-legacy.westbrook.edu", "roombook", "${p}", { RaiseError => 1 });`,
      'generic',
      p,
    );
    r.l('my $q = CGI->new;', 'print $q->header;');
    const pb = repo.file('legacy/cgi-bin/phonebook.pl', 'perl');
    const lp = pw();
    pb.l(
      '#!/usr/bin/perl',
      'use Net::LDAP;',
      '',
      'my $ldap = Net::LDAP->new("ldaps://ldap.westbrook.edu") or die "$@";',
    );
    pb.s(`my $mesg = $ldap->bind("cn=phonebook,ou=services,dc=westbrook,dc=edu", password => "${lp}");`, 'generic', lp);
    pb.d('$mesg->code && die $mesg->error;', 'plain');
    const cm = repo.file('legacy/cgi-bin/lib/Westbrook/Config.pm', 'perl');
    const smtp = pw();
    const rc = recaptcha();
    cm.l(
      'package Westbrook::Config;',
      'use strict;',
      '',
      "our $SMTP_HOST = 'smtp-relay.westbrook.edu';",
      "our $SMTP_USER = 'cgi-mailer';",
    );
    cm.s(`our $SMTP_PASS = '${smtp}';`, 'generic', smtp);
    cm.s(`our $RECAPTCHA_SECRET = "${rc}";`, 'recaptcha', rc);
    cm.d("our $ADMIN_EMAIL = 'webmaster@westbrook.edu';", 'email');
    cm.d("our $DB_PASS = $ENV{'ROOMBOOK_DB_PASS'};", 'env lookup');
    cm.l('1;');
    const ht = repo.file('legacy/cgi-bin/.htpasswd', 'perl');
    ht.d(`admin:$apr1$${t.mixed(ALNUM, 8)}$${t.mixed(ALNUM + './', 22)}`, 'apr1 hash');
    ht.d(`reports:{SHA}${b64(27)}=`, 'sha hash');
  }

  // ---- shell --------------------------------------------------------------------------------
  {
    const b = repo.file('scripts/backup/moodle-backup.sh', 'shell');
    const pg = pw();
    const wp = pw();
    const sas = t.azureSasSig();
    b.l('#!/bin/bash', 'set -euo pipefail', 'STAMP=$(date +%F)');
    b.s(
      `PGPASSWORD='${pg}' pg_dump -h pg-moodle.westbrook.edu -U backup -Fc moodle > /backups/moodle-$STAMP.dump`,
      'generic',
      pg,
    );
    b.s(
      `mysqldump --user=wpbackup --password='${wp}' --single-transaction wp_news | gzip > /backups/wp_news-$STAMP.sql.gz`,
      'generic',
      wp,
    );
    b.s(
      `azcopy copy "/backups/*" "https://wbbackups.blob.core.windows.net/nightly?sv=2022-11-02&ss=b&srt=co&sp=rwlac&se=2026-12-31T23:59:59Z&st=2025-01-01T00:00:00Z&spr=https&sig=${sas}"`,
      'azure',
      sas,
    );
    b.d('find /backups -mtime +14 -delete', 'plain');
    const ls = repo.file('scripts/ldap/expired-accounts.sh', 'shell');
    const lpw = pw();
    ls.l('#!/bin/bash');
    ls.s(
      `ldapsearch -x -H ldaps://ldap.westbrook.edu -D "cn=reporting,ou=services,dc=westbrook,dc=edu" -w '${lpw}' -b ou=people,dc=westbrook,dc=edu "(shadowExpire<=20000)" uid`,
      'generic',
      lpw,
    );
    ls.d(
      'ldapsearch -x -H ldaps://ldap.westbrook.edu -D "cn=reporting,ou=services,dc=westbrook,dc=edu" -y /etc/ldap/reporting.pw -b ou=groups,dc=westbrook,dc=edu',
      'password file',
    );
    const sis = repo.file('scripts/sis/fetch-enrolments.sh', 'shell');
    const cu = pwa();
    const smb = pw();
    sis.l('#!/bin/bash', 'TERM_CODE=${1:-2025S1}');
    sis.s(
      `curl -su "sis_export:${cu}" "https://sis.westbrook.edu/api/enrolments?term=$TERM_CODE" -o /data/enrolments.json`,
      'generic',
      cu,
    );
    sis.s(
      `smbclient //fs01.ad.westbrook.edu/registry -U 'WESTBROOK\\svc_registry%${smb}' -c 'get new_students.csv'`,
      'generic',
      smb,
    );
    sis.d('curl -s -H "Authorization: Bearer $SIS_TOKEN" https://sis.westbrook.edu/api/health', 'env reference');
    const rad = repo.file('network/freeradius/clients.conf', 'shell');
    const r1 = pwa();
    const r2 = pwa();
    rad.l('client localhost {', '    ipaddr = 127.0.0.1');
    rad.d('    secret = testing123', 'freeradius documented default');
    rad.l('}', 'client wlc01 {', '    ipaddr = 10.20.0.5');
    rad.s(`    secret = ${r1}`, 'generic', r1);
    rad.l('    shortname = wlc01', '}', 'client eduroam-flr1 {', '    ipaddr = 192.0.2.10');
    rad.s(`    secret = ${r2}`, 'generic', r2);
    rad.l('}');
    const mail = repo.file('scripts/backup/moodle-backup.sh', 'shell');
    const sg = t.sendgrid();
    mail.s(
      `swaks --to it-ops@westbrook.edu --server smtp.sendgrid.net:587 --auth LOGIN --auth-user apikey --auth-password '${sg}' --tls`,
      'sendgrid',
      sg,
    );
  }

  // ---- PowerShell AD automation -------------------------------------------------------------
  {
    const n = repo.file('scripts/ad/New-StudentAccounts.ps1', 'powershell');
    const init = `Westbrook${t.pick(DIGIT, 4)}!`;
    n.l(
      'Import-Module ActiveDirectory',
      '$csv = Import-Csv \\\\fs01.ad.westbrook.edu\\registry\\new_students.csv',
      'foreach ($s in $csv) {',
    );
    n.s(
      `    New-ADUser -Name $s.DisplayName -SamAccountName $s.StudentId -UserPrincipalName "$($s.StudentId)@westbrook.edu" -Path "OU=Students,DC=ad,DC=westbrook,DC=edu" -AccountPassword (ConvertTo-SecureString "${init}" -AsPlainText -Force) -Enabled $true -ChangePasswordAtLogon $true`,
      'generic',
      init,
    );
    n.l('    Add-ADGroupMember -Identity "All Students" -Members $s.StudentId', '}');
    const r = repo.file('scripts/ad/Lab-Maintenance.ps1', 'powershell');
    const lab = pw();
    r.s(`$pw = ConvertTo-SecureString -String '${lab}' -AsPlainText -Force`, 'generic', lab);
    r.l('Get-ADUser -Filter * -SearchBase "OU=Lab Accounts,DC=ad,DC=westbrook,DC=edu" | ForEach-Object {');
    r.l('    Set-ADAccountPassword -Identity $_ -NewPassword $pw -Reset', '}');
    const i = repo.file('scripts/ad/Lab-Maintenance.ps1', 'powershell');
    const svc = pw();
    i.l('$labs = Get-Content .\\lab-machines.txt');
    i.s(
      `$cred = New-Object System.Management.Automation.PSCredential ('WESTBROOK\\svc_labadmin', (ConvertTo-SecureString '${svc}' -AsPlainText -Force))`,
      'generic',
      svc,
    );
    i.l(
      'Invoke-Command -ComputerName $labs -Credential $cred -ScriptBlock { Restart-Service -Name PaperCutClient; gpupdate /force }',
    );
    const sy = repo.file('scripts/ad/Sync-EntraGroups.ps1', 'powershell');
    const cs = t.azureClientSecret();
    sy.d(`$TenantId = "${tenantId}"`, 'tenant id');
    sy.d(`$ClientId = "${uuid()}"`, 'client id');
    sy.s(`$ClientSecret = "${cs}"`, 'azure', cs);
    sy.l(
      '$secure = ConvertTo-SecureString $ClientSecret -AsPlainText -Force',
      '$credential = New-Object System.Management.Automation.PSCredential($ClientId, $secure)',
      'Connect-MgGraph -TenantId $TenantId -ClientSecretCredential $credential -NoWelcome',
    );
    const sf = repo.file('scripts/ad/Set-ServiceAccount.ps1', 'powershell');
    sf.d('$pw = Read-Host -AsSecureString "New password for svc account"', 'interactive prompt');
    sf.d('$cred = Get-Credential -Message "Domain admin"', 'interactive prompt');
    sf.d('$labpw = ConvertTo-SecureString $env:LAB_ADMIN_PW -AsPlainText -Force', 'env reference');
    sf.d(
      `$stored = "01000000d08c9ddf0115d1118c7a00c04fc297eb01000000${t.pick(HEX, 360)}"`,
      'dpapi encrypted standard string',
    );
    sf.l('$fromStore = ConvertTo-SecureString $stored');
    sf.d('$kv = Get-AzKeyVaultSecret -VaultName wb-ops-kv -Name "svc-papercut" -AsPlainText', 'key vault lookup');
    const ex = repo.file('scripts/ad/Sync-EntraGroups.ps1', 'powershell');
    const thumb = hexU(40);
    ex.d(
      `Connect-ExchangeOnline -CertificateThumbprint "${thumb}" -AppId "${uuid()}" -Organization "westbrookedu.onmicrosoft.com"`,
      'cert thumbprint and app id',
    );
    const smtpPw = pw();
    ex.s(
      `$smtpCred = New-Object PSCredential("helpdesk@westbrook.edu", (ConvertTo-SecureString "${smtpPw}" -AsPlainText -Force))`,
      'generic',
      smtpPw,
    );
    ex.l(
      'Send-MailMessage -SmtpServer smtp.office365.com -Port 587 -UseSsl -Credential $smtpCred -From helpdesk@westbrook.edu -To it-ops@westbrook.edu -Subject "Weekly report"',
    );
  }

  // ---- OpenShift / Kubernetes / Helm --------------------------------------------------------
  {
    const s = repo.file('deploy/openshift/research-portal/secret.yaml', 'k8s');
    const dk = djangoKey().replace(/[#&*%!@^=+()]/g, 'x');
    const dp = pwa();
    const os = uuid();
    s.l(
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: research-portal',
      '  namespace: research-prod',
      'type: Opaque',
      'stringData:',
    );
    s.s(`  DJANGO_SECRET_KEY: "${dk}"`, 'generic', dk);
    s.s(`  DB_PASSWORD: ${dp}`, 'generic', dp);
    s.s(`  ORCID_CLIENT_SECRET: ${os}`, 'orcid', os);
    s.d(`  ORCID_CLIENT_ID: ${orcidApp()}`, 'orcid client id');
    const dc = repo.file('deploy/openshift/research-portal/deploymentconfig.yaml', 'k8s');
    const cr = crossrefToken();
    dc.l(
      'apiVersion: apps.openshift.io/v1',
      'kind: DeploymentConfig',
      'metadata:',
      '  name: research-portal',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '        - name: web',
    );
    dc.d(
      `          image: image-registry.openshift-image-registry.svc:5000/research-prod/portal@sha256:${t.sha256()}`,
      'image digest',
    );
    dc.l(
      '          env:',
      '            - name: DJANGO_SECRET_KEY',
      '              valueFrom:',
      '                secretKeyRef:',
    );
    dc.d('                  name: research-portal', 'secret name');
    dc.d('                  key: DJANGO_SECRET_KEY', 'key name');
    dc.l('            - name: CROSSREF_PLUS_TOKEN');
    dc.s(`              value: ${cr}`, 'crossref', cr);
    dc.l('            - name: CROSSREF_MAILTO', '              value: library@westbrook.edu');
    const tpl = repo.file('deploy/openshift/templates/moodle-template.yaml', 'k8s');
    const tplPw = pwa();
    tpl.l('apiVersion: template.openshift.io/v1', 'kind: Template', 'metadata:', '  name: moodle', 'parameters:');
    tpl.l('  - name: MOODLE_DB_PASSWORD', '    description: Database password');
    tpl.d('    generate: expression', 'generator');
    tpl.d('    from: "[a-zA-Z0-9]{24}"', 'generator expression');
    tpl.l('  - name: MOODLE_ADMIN_PASSWORD');
    tpl.s(`    value: ${tplPw}`, 'generic', tplPw);
    tpl.l('objects:', '  - apiVersion: v1', '    kind: Secret', '    metadata: { name: moodle-db }', '    stringData:');
    tpl.d('      password: ${MOODLE_DB_PASSWORD}', 'template parameter');
    const ks = repo.file('deploy/k8s/student-app/manifests.yaml', 'k8s');
    const ct = canvasTok();
    const ss = t.hex(64);
    const tw = t.twilioToken();
    ks.l('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: student-app', 'type: Opaque', 'data:');
    ks.s(`  CANVAS_API_TOKEN: ${enc(ct)}`, 'canvas', ct);
    ks.s(`  SESSION_SECRET: ${enc(ss)}`, 'generic', ss);
    ks.s(`  TWILIO_AUTH_TOKEN: ${enc(tw)}`, 'twilio', tw);
    ks.d(`  NODE_ENV: ${enc('production')}`, 'base64 plain setting');
    ks.d(`  CANVAS_BASE_URL: ${enc('https://westbrook.instructure.com')}`, 'base64 url');
    const dcs = repo.file('deploy/k8s/student-app/manifests.yaml', 'k8s');
    const dpat = dockerPat();
    const dj = JSON.stringify({
      auths: {
        'https://index.docker.io/v1/': { username: 'westbrookit', password: dpat, auth: enc(`westbrookit:${dpat}`) },
      },
    });
    dcs.l(
      '---',
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: regcred',
      'type: kubernetes.io/dockerconfigjson',
      'data:',
    );
    dcs.s(`  .dockerconfigjson: ${enc(dj)}`, 'docker', dpat);
    const cm = repo.file('deploy/k8s/student-app/manifests.yaml', 'k8s');
    cm.l('---', 'apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: student-app', 'data:');
    cm.d(`  RECAPTCHA_SITE_KEY: "${recaptcha()}"`, 'site key');
    cm.d(`  AZURE_AD_TENANT_ID: "${tenantId}"`, 'tenant id');
    cm.d(`  AZURE_AD_CLIENT_ID: "${uuid()}"`, 'client id');
    cm.d('  CURRENT_TERM: "2025S1"', 'term code');
    const hv = repo.file('deploy/helm/moodle/values-prod.yaml', 'k8s');
    const mp = pw();
    const ep = pw();
    const smtp = t.sendgrid();
    hv.l('moodleUsername: admin');
    hv.s(`moodlePassword: "${mp}"`, 'generic', mp);
    hv.l(
      'moodleEmail: moodle-admin@westbrook.edu',
      'moodleSiteName: "Westbrook Moodle"',
      'externalDatabase:',
      '  host: pg-moodle.westbrook.edu',
      '  user: moodleuser',
    );
    hv.s(`  password: "${ep}"`, 'generic', ep);
    hv.d('  existingSecret: ""', 'empty');
    hv.l('moodleSmtpHost: smtp.sendgrid.net', 'moodleSmtpUser: apikey');
    hv.s(`moodleSmtpPassword: ${smtp}`, 'sendgrid', smtp);
    const hvd = repo.file('deploy/helm/moodle/values.yaml', 'k8s');
    hvd.d('moodlePassword: ""', 'empty');
    hvd.d('# moodlePassword: changeme', 'commented placeholder');
    hvd.l('externalDatabase:');
    hvd.d('  existingSecret: moodle-db-credentials', 'secret name');
    hvd.d('  existingSecretPasswordKey: db-password', 'key name');
    const rt = repo.file('deploy/openshift/research-portal/deploymentconfig.yaml', 'k8s');
    rt.l(
      '---',
      'apiVersion: route.openshift.io/v1',
      'kind: Route',
      'metadata:',
      '  name: research-portal',
      'spec:',
      '  host: research.westbrook.edu',
      '  tls:',
      '    termination: edge',
    );
    rt.d(['    certificate: |-', ...cert(5).map((x) => `      ${x}`)], 'public certificate');
    const rk = t.rsaPem();
    rt.s(['    key: |-', ...rk.map((x) => `      ${x}`)], 'private-key', rk.join('\n'));
  }

  // ---- Terraform: Azure + vSphere -----------------------------------------------------------
  {
    const p = repo.file('infra/terraform/azure/providers.tf', 'terraform');
    const cs = t.azureClientSecret();
    p.l('provider "azurerm" {', '  features {}');
    p.d(`  subscription_id = "${uuid()}"`, 'subscription id');
    p.d(`  tenant_id       = "${tenantId}"`, 'tenant id');
    p.d(`  client_id       = "${uuid()}"`, 'client id');
    p.s(`  client_secret   = "${cs}"`, 'azure', cs);
    p.l('}');
    const be = repo.file('infra/terraform/azure/backend.tf', 'terraform');
    const bk = t.azureStorageKey();
    be.l(
      'terraform {',
      '  backend "azurerm" {',
      '    storage_account_name = "wbtfstate"',
      '    container_name       = "tfstate"',
      '    key                  = "prod.terraform.tfstate"',
    );
    be.s(`    access_key           = "${bk}"`, 'azure', bk);
    be.l('  }', '}');
    const sql = repo.file('infra/terraform/azure/sql.tf', 'terraform');
    const sp = pw();
    sql.l(
      'resource "azurerm_mssql_server" "helpdesk" {',
      '  name                         = "wb-helpdesk"',
      '  resource_group_name          = azurerm_resource_group.apps.name',
      '  version                      = "12.0"',
      '  administrator_login          = "wbsqladmin"',
    );
    sql.s(`  administrator_login_password = "${sp}"`, 'generic', sp);
    sql.l('}', '', 'resource "azurerm_mssql_server" "research" {', '  name                         = "wb-research"');
    sql.d('  administrator_login_password = random_password.research_sql.result', 'resource reference');
    sql.l('}');
    const tv = repo.file('infra/terraform/azure/terraform.tfvars', 'terraform');
    const vmPw = pw();
    const gh = t.gitlab();
    tv.l('location = "uksouth"', 'environment = "prod"');
    tv.s(`vm_admin_password = "${vmPw}"`, 'generic', vmPw);
    tv.s(`gitlab_runner_token_bootstrap = "${gh}"`, 'gitlab', gh);
    const var_ = repo.file('infra/terraform/azure/providers.tf', 'terraform');
    var_.l('', 'variable "vm_admin_password" {', '  type      = string');
    var_.d('  sensitive = true', 'flag');
    var_.d('  default   = ""', 'empty default');
    var_.l('}');
    const st = repo.file('infra/terraform/azure/terraform.tfstate.backup', 'terraform');
    const pk = t.azureStorageKey();
    st.l(
      '{',
      '  "version": 4,',
      '  "resources": [',
      '    {',
      '      "type": "azurerm_storage_account",',
      '      "name": "research_data",',
      '      "instances": [',
      '        {',
      '          "attributes": {',
      '            "name": "wbresearchdata",',
    );
    st.s(`            "primary_access_key": "${pk}",`, 'azure', pk);
    st.d(
      `            "id": "/subscriptions/${uuid()}/resourceGroups/rg-research/providers/Microsoft.Storage/storageAccounts/wbresearchdata",`,
      'resource id',
    );
    st.l('          }', '        }', '      ]', '    }', '  ]', '}');
    const vs = repo.file('infra/terraform/vsphere/main.tf', 'terraform');
    const vp = pw();
    const ap = pw();
    const jp = pw();
    vs.l('provider "vsphere" {', '  user                 = "svc-terraform@vsphere.local"');
    vs.s(`  password             = "${vp}"`, 'generic', vp);
    vs.l('  vsphere_server       = "vcsa01.westbrook.edu"', '  allow_unverified_ssl = true', '}', '');
    vs.l(
      'resource "vsphere_virtual_machine" "lab_pc" {',
      '  count = 24',
      '  clone {',
      '    template_uuid = data.vsphere_virtual_machine.win11.id',
      '    customize {',
      '      windows_options {',
      '        computer_name         = "LAB-PC-${count.index}"',
    );
    vs.s(`        admin_password        = "${ap}"`, 'generic', ap);
    vs.l('        join_domain           = "ad.westbrook.edu"', '        domain_admin_user     = "svc_join"');
    vs.s(`        domain_admin_password = "${jp}"`, 'generic', jp);
    vs.l('      }', '    }', '  }', '}');
    vs.d('  # password = var.vsphere_password', 'commented reference');
  }

  // ---- Ansible ------------------------------------------------------------------------------
  {
    const a = repo.file('ansible/inventories/prod/group_vars/all.yml', 'ansible');
    const lp = pw();
    a.l('---', 'ldap_uri: ldaps://ldap.westbrook.edu', 'ldap_bind_dn: cn=ansible,ou=services,dc=westbrook,dc=edu');
    a.s(`ldap_bind_password: "${lp}"`, 'generic', lp);
    a.d('moodle_db_password: "{{ vault_moodle_db_password }}"', 'vault reference');
    a.d(
      "shib_sealer_password: \"{{ lookup('community.hashi_vault.hashi_vault', 'secret=kv/data/idp:sealer') }}\"",
      'vault lookup',
    );
    a.l('smtp_password: !vault |', '  $ANSIBLE_VAULT;1.1;AES256');
    a.d(
      vaultLines(4).map((x) => `  ${x}`),
      'inline vault ciphertext',
    );
    const w = repo.file('ansible/inventories/prod/group_vars/webservers.yml', 'ansible');
    const mr = pw();
    const hs = t.mixed(URLSAFE, 74);
    w.l('---', 'php_version: "8.2"');
    w.s(`mysql_root_password: ${mr}`, 'generic', mr);
    w.s(`drupal_hash_salt: ${hs}`, 'generic', hs);
    const win = repo.file('ansible/inventories/prod/group_vars/windows.yml', 'ansible');
    const wp = pw();
    win.l('---', 'ansible_user: svc_ansible@AD.WESTBROOK.EDU');
    win.s(`ansible_password: ${wp}`, 'generic', wp);
    win.l('ansible_connection: winrm', 'ansible_winrm_transport: kerberos', 'ansible_port: 5986');
    const hv = repo.file('ansible/inventories/prod/host_vars/radius01.westbrook.edu.yml', 'ansible');
    const c1 = pwa();
    const flr = pwa();
    hv.l('---', 'radius_clients:', '  - name: wlc02', '    ipaddr: 10.20.0.6');
    hv.s(`    secret: ${c1}`, 'generic', c1);
    hv.s(`eduroam_flr_secret: ${flr}`, 'generic', flr);
    hv.d('eduroam_realm: westbrook.edu', 'realm');
    const vf = repo.file('ansible/inventories/prod/group_vars/all/vault.yml', 'ansible');
    vf.l('$ANSIBLE_VAULT;1.1;AES256');
    vf.d(vaultLines(6), 'ansible vault ciphertext');
    const dm = repo.file('ansible/roles/shibboleth/defaults/main.yml', 'ansible');
    dm.d('idp_sealer_password: changeme', 'placeholder');
    dm.d('idp_ldap_bind_password: ""', 'empty');
    dm.d('idp_persistent_id_salt: "{{ vault_idp_salt | default(omit) }}"', 'vault reference');
    const pb = repo.file('ansible/playbooks/lab-domain-join.yml', 'ansible');
    const dj = pw();
    pb.l(
      '- hosts: lab_pcs',
      '  tasks:',
      '    - name: Join the AD domain',
      '      microsoft.ad.membership:',
      '        dns_domain_name: ad.westbrook.edu',
      '        domain_admin_user: svc_join@ad.westbrook.edu',
    );
    pb.s(`        domain_admin_password: "${dj}"`, 'generic', dj);
    pb.l('        state: domain', '        reboot: true');
    const key = repo.file('ansible/roles/deploy/files/deploy_ed25519', 'ansible');
    const osk = t.opensshPem();
    key.s(osk, 'private-key', osk.join('\n'));
    const ak = repo.file('ansible/roles/common/files/authorized_keys', 'ansible');
    ak.d(sshEd('jsmith@westbrook.edu'), 'public key');
    ak.d(sshEd('ansible@mgmt01'), 'public key');
    ak.d(`ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABgQ${b64(510)} backup@bk01`, 'public key');
  }

  // ---- CI: Azure DevOps, GitLab, GitHub Actions ---------------------------------------------
  {
    const az = repo.file('intranet/azure-pipelines.yml', 'ci');
    const sqlAdmin = pw();
    const pat = adoPat();
    az.l(
      'trigger:',
      '  - main',
      'pool:',
      '  vmImage: windows-latest',
      'variables:',
      '  - group: intranet-prod',
      '  - name: SqlAdminUser',
      '    value: wbsqladmin',
      '  - name: SqlAdminPassword',
    );
    az.s(`    value: '${sqlAdmin}'`, 'generic', sqlAdmin);
    az.l('steps:', '  - script: |');
    az.s(`      git clone https://build:${pat}@dev.azure.com/westbrook/Intranet/_git/SharedLib`, 'azure-devops', pat);
    az.l(
      '  - task: SqlAzureDacpacDeployment@1',
      '    inputs:',
      "      azureSubscription: 'wb-prod-sc'",
      '      SqlUsername: $(SqlAdminUser)',
    );
    az.d('      SqlPassword: $(SqlAdminPassword)', 'pipeline variable');
    az.d("      DeploymentAction: 'Publish'", 'plain');
    const gl = repo.file('research-portal/.gitlab-ci.yml', 'ci');
    const dpat = dockerPat();
    const trig = glptt();
    gl.l('stages: [build, deploy]', 'variables:', '  DOCKER_HUB_USER: westbrookit');
    gl.s(`  DOCKER_HUB_TOKEN: ${dpat}`, 'docker', dpat);
    gl.l('build:', '  stage: build', '  script:');
    gl.d('    - docker login -u "$DOCKER_HUB_USER" -p "$DOCKER_HUB_TOKEN"', 'env references');
    gl.d('    - docker login -u gitlab-ci-token -p "$CI_JOB_TOKEN" "$CI_REGISTRY"', 'env references');
    gl.l('deploy:', '  stage: deploy', '  script:');
    gl.s(
      `    - curl -X POST --fail -F token=${trig} -F ref=main https://gitlab.westbrook.edu/api/v4/projects/42/trigger/pipeline`,
      'gitlab',
      trig,
    );
    gl.d('    - oc login --token="$OPENSHIFT_TOKEN" --server=https://api.ocp.westbrook.edu:6443', 'env reference');
    const rc = repo.file('ci/gitlab-runner/config.toml', 'ci');
    const glrt = `glrt-${t.mixed(URLSAFE, 20)}`;
    rc.l('concurrent = 4', '[[runners]]', '  name = "ocp-runner-01"', '  url = "https://gitlab.westbrook.edu"');
    rc.s(`  token = "${glrt}"`, 'gitlab', glrt);
    rc.l('  executor = "kubernetes"');
    const gha = repo.file('web/jekyll-site/.github/workflows/deploy.yml', 'ci');
    const sl = t.slackWebhook();
    gha.l(
      'name: deploy',
      'on: { push: { branches: [main] } }',
      'jobs:',
      '  build:',
      '    runs-on: ubuntu-latest',
      '    env:',
    );
    gha.d('      JEKYLL_GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}', 'actions secret reference');
    gha.s(`      SLACK_WEBHOOK: ${sl}`, 'slack', sl);
    gha.l('    steps:');
    gha.d(`      - uses: actions/checkout@${t.sha1()} # v4`, 'pinned sha');
    gha.l('      - run: bundle exec jekyll build');
    const bot = repo.file('ci/notify/slack-notify.sh', 'ci');
    const xo = t.slackBot();
    const xp = slackUser();
    bot.l('#!/bin/bash');
    bot.s(`SLACK_BOT_TOKEN="${xo}"`, 'slack', xo);
    bot.s(`# old: SLACK_USER_TOKEN=${xp}`, 'slack', xp);
    bot.l(
      'curl -s -X POST -H "Authorization: Bearer $SLACK_BOT_TOKEN" -H "Content-type: application/json" --data "{\\"channel\\":\\"#it-deploys\\",\\"text\\":\\"$1\\"}" https://slack.com/api/chat.postMessage',
    );
    const ghs = repo.file('web/jekyll-site/script/deploy', 'ci');
    const fine = ghFine();
    ghs.s(`git push --mirror https://westbrook-it:${fine}@github.com/westbrook-university/it-docs.git`, 'github', fine);
  }

  // ---- Docker -------------------------------------------------------------------------------
  {
    const df = repo.file('apps/student-app/Dockerfile', 'docker');
    const ss = t.hex(64);
    df.d(`FROM node:20-alpine@sha256:${t.sha256()}`, 'image digest');
    df.l('WORKDIR /app', 'ARG NPM_TOKEN');
    df.d(
      'RUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci --omit=dev && rm .npmrc',
      'build arg reference',
    );
    df.l('ENV NODE_ENV=production');
    df.s(`ENV SESSION_SECRET=${ss}`, 'generic', ss);
    df.l('COPY . .', 'CMD ["node", "server.js"]');
    const rd = repo.file('research-portal/Dockerfile', 'docker');
    const azk = t.azureStorageKey();
    rd.l('FROM python:3.12-slim', 'ENV DJANGO_SETTINGS_MODULE=portal.settings.production');
    rd.s(
      `ENV AZURE_STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=https;AccountName=wbresearchdata;AccountKey=${azk};EndpointSuffix=core.windows.net"`,
      'azure',
      azk,
    );
    rd.l('COPY requirements.txt .', 'RUN pip install --no-cache-dir -r requirements.txt');
    rd.d(`# requirements pinned with --require-hashes, e.g. Django==5.0.6 --hash=sha256:${t.sha256()}`, 'hash');
    const dc = repo.file('lms/docker-compose.yml', 'docker');
    const mdb = pw();
    const root = pw();
    dc.l('services:', '  mariadb:', '    image: mariadb:11.4', '    environment:');
    dc.s(`      MARIADB_ROOT_PASSWORD: "${root}"`, 'generic', root);
    dc.l(
      '      MARIADB_USER: bn_moodle',
      '      MARIADB_DATABASE: bitnami_moodle',
      '  moodle:',
      '    image: bitnami/moodle:4.4',
      '    environment:',
    );
    dc.s(`      - MOODLE_DATABASE_PASSWORD=${mdb}`, 'generic', mdb);
    dc.d('      - MOODLE_PASSWORD=${MOODLE_ADMIN_PASSWORD:?set in .env}', 'env reference');
    dc.d('      - ALLOW_EMPTY_PASSWORD=no', 'flag');
    const dce = repo.file('lms/.env.example', 'docker');
    dce.d('MOODLE_ADMIN_PASSWORD=changeme', 'placeholder');
    dce.d('MARIADB_ROOT_PASSWORD=xxxxxxxx', 'placeholder');
  }

  // ---- Jupyter notebook: enrolment analytics ------------------------------------------------
  {
    const nb = repo.file('analytics/enrolment/enrolment_trends.ipynb', 'notebook');
    const q = (s, last = false) => `    ${JSON.stringify(s)}${last ? '' : ','}`;
    const o = (s, last = false) => `      ${JSON.stringify(s)}${last ? '' : ','}`;
    const bi = pwa();
    const ct = canvasTok();
    const azk = t.azureStorageKey();
    const crt = crossrefToken();
    nb.l('{', ' "cells": [', '  {', '   "cell_type": "markdown",', '   "metadata": {},', '   "source": [');
    nb.l(
      q('# Enrolment trends by faculty, 2019-2025\n'),
      q('Source: SIS nightly extract (read replica), Canvas activity.', true),
    );
    nb.l(
      '   ]',
      '  },',
      '  {',
      '   "cell_type": "code",',
      '   "execution_count": 1,',
      '   "metadata": {},',
      '   "outputs": [],',
      '   "source": [',
    );
    nb.l(q('import os\n'), q('import pandas as pd\n'), q('import sqlalchemy as sa\n'));
    nb.s(
      q(
        `engine = sa.create_engine("mssql+pyodbc://bi_reader:${bi}@sis-db.westbrook.edu/SIS?driver=ODBC+Driver+18+for+SQL+Server")\n`,
      ),
      'database',
      bi,
    );
    nb.s(q(`CANVAS_TOKEN = "${ct}"`, true), 'canvas', ct);
    nb.l(
      '   ]',
      '  },',
      '  {',
      '   "cell_type": "code",',
      '   "execution_count": 2,',
      '   "metadata": {},',
      '   "outputs": [',
      '    {',
    );
    nb.l('     "name": "stdout",', '     "output_type": "stream",', '     "text": [');
    nb.d(
      o('mssql+pyodbc://bi_reader:***@sis-db.westbrook.edu/SIS?driver=ODBC+Driver+18+for+SQL+Server\n'),
      'sqlalchemy masked url',
    );
    nb.s(
      o(
        `DefaultEndpointsProtocol=https;AccountName=wbanalytics;AccountKey=${azk};EndpointSuffix=core.windows.net\n`,
        true,
      ),
      'azure',
      azk,
    );
    nb.l('     ]', '    }', '   ],', '   "source": [');
    nb.l(q('print(engine.url)\n'));
    nb.d(q('conn_str = os.environ["AZURE_STORAGE_CONNECTION_STRING"]\n'), 'env lookup');
    nb.l(q('print(conn_str)  # check we are on the analytics account', true));
    nb.l(
      '   ]',
      '  },',
      '  {',
      '   "cell_type": "code",',
      '   "execution_count": 3,',
      '   "metadata": {},',
      '   "outputs": [',
      '    {',
    );
    nb.l('     "data": {', '      "text/plain": [');
    nb.l(o('   student_id  programme   module  term    pseudo_id\n'));
    for (let i = 0; i < 4; i++)
      nb.d(
        o(`${i}  ${studentId()}  BSc-CS  ${course()}  2025S1  ${t.sha256().slice(0, 16)}\n`),
        'student id, course code, pseudonym hash',
      );
    nb.l(
      o('[4 rows x 5 columns]', true),
      '      ]',
      '     },',
      '     "execution_count": 3,',
      '     "metadata": {},',
      '     "output_type": "execute_result"',
      '    }',
      '   ],',
      '   "source": [',
    );
    nb.l(q('df = pd.read_sql("SELECT TOP 4 * FROM v_enrolment_pseudo", engine)\n'), q('df', true));
    nb.l(
      '   ]',
      '  },',
      '  {',
      '   "cell_type": "code",',
      '   "execution_count": 4,',
      '   "metadata": {},',
      '   "outputs": [],',
      '   "source": [',
    );
    nb.l(q('import requests\n'));
    nb.s(q(`CR = {"Crossref-Plus-API-Token": "Bearer ${crt}"}\n`), 'crossref', crt);
    nb.d(q(`works = requests.get("https://api.crossref.org/works/${doi()}", headers=CR).json()`, true), 'doi');
    nb.l(
      '   ]',
      '  }',
      ' ],',
      ' "metadata": {',
      '  "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}',
      ' },',
      ' "nbformat": 4,',
      ' "nbformat_minor": 5',
      '}',
    );
  }

  // ---- LDIF exports -------------------------------------------------------------------------
  {
    const l = repo.file('exports/ldap/people-2025-03.ldif', 'ldif');
    l.l('version: 1', '');
    for (let i = 0; i < 3; i++) {
      const sid = studentId();
      l.l(`dn: uid=${sid},ou=people,dc=westbrook,dc=edu`, 'objectClass: inetOrgPerson', 'objectClass: eduPerson');
      l.d(`uid: ${sid}`, 'student id');
      l.l(`mail: ${sid}@students.westbrook.edu`, 'eduPersonAffiliation: student');
      l.d(`userPassword:: ${enc(ssha())}`, 'base64 of ssha hash');
      l.d(`eduPersonOrcid: https://orcid.org/${orcidId()}`, 'orcid id');
      l.l('');
    }
    const p1 = pw();
    const p2 = pw();
    l.l(
      'dn: cn=svc-printing,ou=services,dc=westbrook,dc=edu',
      'objectClass: simpleSecurityObject',
      'objectClass: organizationalRole',
      'cn: svc-printing',
    );
    l.s(`userPassword: ${p1}`, 'generic', p1);
    l.l(
      '',
      'dn: cn=svc-wifi-portal,ou=services,dc=westbrook,dc=edu',
      'objectClass: simpleSecurityObject',
      'cn: svc-wifi-portal',
    );
    l.s(`userPassword:: ${enc(p2)}`, 'generic', p2);
    l.l('', 'dn: cn=admin,dc=westbrook,dc=edu', 'objectClass: simpleSecurityObject');
    l.d(`userPassword: {CRYPT}${sha512crypt()}`, 'crypt hash');
    const ad = repo.file('exports/ad/service-accounts.ldf', 'ldif');
    const dsc = pw();
    ad.l(
      'dn: CN=svc_papercut,OU=Service Accounts,DC=ad,DC=westbrook,DC=edu',
      'changetype: add',
      'objectClass: user',
      'sAMAccountName: svc_papercut',
    );
    ad.s(`description: PaperCut LDAP sync - pw ${dsc} (ask Dave before changing)`, 'generic', dsc);
    ad.d(`objectGUID:: ${enc(t.pick(HEX, 16))}`, 'guid');
    ad.d(`objectSid:: AQUAAAAAAAUVAAAA${b64(24)}`, 'sid');
    ad.l('', 'dn: CN=svc_backup,OU=Service Accounts,DC=ad,DC=westbrook,DC=edu', 'sAMAccountName: svc_backup');
    ad.d('description: Veeam service account, password in Secret Server #4471', 'reference to a vault entry');
  }

  // ---- Windows unattend / sysprep -----------------------------------------------------------
  {
    const u = repo.file('deploy/windows/lab-image/unattend.xml', 'windows');
    const adm = pw();
    const local = pw();
    const localB64 = Buffer.from(`${local}Password`, 'utf16le').toString('base64');
    const auto = pw();
    const join = pw();
    u.l(
      '<?xml version="1.0" encoding="utf-8"?>',
      '<unattend xmlns="urn:schemas-microsoft-com:unattend">',
      '  <settings pass="specialize">',
    );
    u.l(
      '    <component name="Microsoft-Windows-UnattendedJoin" processorArchitecture="amd64">',
      '      <Identification>',
      '        <Credentials>',
      '          <Domain>ad.westbrook.edu</Domain>',
    );
    u.s(`          <Password>${join}</Password>`, 'generic', join);
    u.l(
      '          <Username>svc_join</Username>',
      '        </Credentials>',
      '        <JoinDomain>ad.westbrook.edu</JoinDomain>',
      '      </Identification>',
      '    </component>',
    );
    u.l('    <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64">');
    u.d('      <ProductKey>W269N-WFGWX-YVC9B-4J6C9-T83GX</ProductKey>', 'microsoft published kms client key');
    u.l(
      '    </component>',
      '  </settings>',
      '  <settings pass="oobeSystem">',
      '    <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64">',
      '      <UserAccounts>',
      '        <AdministratorPassword>',
    );
    u.s(`          <Value>${adm}</Value>`, 'generic', adm);
    u.l(
      '          <PlainText>true</PlainText>',
      '        </AdministratorPassword>',
      '        <LocalAccounts>',
      '          <LocalAccount wcm:action="add">',
      '            <Password>',
    );
    u.s(`              <Value>${localB64}</Value>`, 'generic', localB64);
    u.l(
      '              <PlainText>false</PlainText>',
      '            </Password>',
      '            <Name>labadmin</Name>',
      '            <Group>Administrators</Group>',
      '          </LocalAccount>',
      '        </LocalAccounts>',
      '      </UserAccounts>',
    );
    u.l('      <AutoLogon>', '        <Password>');
    u.s(`          <Value>${auto}</Value>`, 'generic', auto);
    u.l(
      '          <PlainText>true</PlainText>',
      '        </Password>',
      '        <Enabled>true</Enabled>',
      '        <LogonCount>1</LogonCount>',
      '        <Username>labadmin</Username>',
      '      </AutoLogon>',
    );
    u.l('    </component>', '  </settings>', '</unattend>');
    const ut = repo.file('deploy/windows/lab-image/unattend.template.xml', 'windows');
    ut.l('        <AdministratorPassword>');
    ut.d('          <Value>%ADMINPASSWORD%</Value>', 'mdt variable');
    ut.l('          <PlainText>true</PlainText>', '        </AdministratorPassword>');
    ut.d('      <ProductKey>VDYBN-27WPP-V4HQT-9VMD4-VMK7H</ProductKey>', 'microsoft published kms client key');
    const sp = repo.file('deploy/windows/legacy/sysprep.inf', 'windows');
    const sa = pw();
    const sj = pw();
    sp.l('[Unattended]', '    OemSkipEula=Yes', '[GuiUnattended]');
    sp.s(`    AdminPassword="${sa}"`, 'generic', sa);
    sp.l(
      '    EncryptedAdminPassword=No',
      '    TimeZone=85',
      '[Identification]',
      '    JoinDomain=WESTBROOK',
      '    DomainAdmin=svc_join',
    );
    sp.s(`    DomainAdminPassword=${sj}`, 'generic', sj);
    sp.d('[UserData]\n    ProductKey=XXXXX-XXXXX-XXXXX-XXXXX-XXXXX', 'placeholder');
    const spt = repo.file('deploy/windows/legacy/sysprep-template.inf', 'windows');
    spt.l('[GuiUnattended]');
    spt.d('    AdminPassword=*', 'blank password marker');
    spt.d('    DomainAdminPassword=%DOMAINJOINPW%', 'variable');
    const cs = repo.file('deploy/mdt/Control/CustomSettings.ini', 'windows');
    const mdt = pw();
    cs.l(
      '[Settings]',
      'Priority=Default',
      '[Default]',
      'OSInstall=Y',
      'JoinDomain=ad.westbrook.edu',
      'DomainAdmin=svc_mdtjoin',
      'DomainAdminDomain=WESTBROOK',
    );
    cs.s(`DomainAdminPassword=${mdt}`, 'generic', mdt);
    cs.l('SkipAdminPassword=YES');
    const boot = repo.file('deploy/mdt/Control/Bootstrap.ini', 'windows');
    const bp = pw();
    boot.l(
      '[Settings]',
      'Priority=Default',
      '[Default]',
      'DeployRoot=\\\\mdt01.ad.westbrook.edu\\DeploymentShare$',
      'UserID=svc_mdtread',
      'UserDomain=WESTBROOK',
    );
    boot.s(`UserPassword=${bp}`, 'generic', bp);
  }

  // ---- logs ---------------------------------------------------------------------------------
  {
    const a = repo.file('logs/apache/ssl_access_log', 'logs');
    const ws = moodleWsToken();
    const ip = () => `10.${t.digits(2)}.${t.digits(2)}.${t.digits(2)}`;
    a.l(
      `${ip()} - - [14/Mar/2025:08:01:12 +0000] "GET /my/ HTTP/1.1" 200 18231 "-" "Mozilla/5.0 (Windows NT 10.0; Win64; x64)"`,
    );
    a.s(
      `${ip()} - - [14/Mar/2025:08:01:13 +0000] "GET /webservice/rest/server.php?wstoken=${ws}&wsfunction=core_course_get_courses&moodlewsrestformat=json HTTP/1.1" 200 5120 "-" "python-requests/2.31.0"`,
      'generic',
      ws,
    );
    a.d(
      `${ip()} - - [14/Mar/2025:08:01:15 +0000] "GET /login/index.php?username=${studentId()} HTTP/1.1" 200 9120 "-" "Mozilla/5.0"`,
      'student id',
    );
    a.d(
      `${ip()} - - [14/Mar/2025:08:01:19 +0000] "GET /pluginfile.php/48211/mod_resource/content/1/${course()}-week3.pdf HTTP/1.1" 200 2231871 "-" "Mozilla/5.0"`,
      'course code',
    );
    a.d(
      `${ip()} - - [14/Mar/2025:08:01:22 +0000] "GET /theme/styles.php/boost/1710403200_1/all HTTP/1.1" 200 412833 "-" "Mozilla/5.0"`,
      'cache revision',
    );
    a.d(
      `${ip()} - - [14/Mar/2025:08:01:25 +0000] "POST /lib/ajax/service.php?sesskey=${t.alnum(10)}&info=core_fetch_notifications HTTP/1.1" 200 77 "-" "Mozilla/5.0"`,
      'moodle sesskey (csrf token)',
    );
    const pa = repo.file('logs/apache/ssl_access_log', 'logs');
    const ct = canvasTok();
    pa.s(
      `${ip()} - - [14/Mar/2025:09:12:44 +0000] "GET /api/v1/users/self/upcoming_events?access_token=${ct} HTTP/1.1" 200 3301 "-" "node-fetch/1.0"`,
      'canvas',
      ct,
    );
    pa.d(
      `${ip()} - - [14/Mar/2025:09:12:45 +0000] "GET /api/v1/courses/${t.digits(5)}/modules?per_page=50 HTTP/1.1" 200 8811 "-" "node-fetch/1.0"`,
      'course id',
    );
    const el = repo.file('logs/apache/error.log', 'logs');
    el.d(
      "[Fri Mar 14 08:03:01.123456 2025] [php:warn] [pid 2211] [client 10.1.2.3:51234] PHP Warning:  mysqli::real_connect(): (HY000/1045): Access denied for user 'wp_news'@'10.40.1.12' (using password: YES) in /var/www/news/wp-includes/class-wpdb.php on line 1982",
      'error without value',
    );
    const cr = repo.file('logs/moodle/cron-2025-03-14.log', 'logs');
    const ep = pwa();
    cr.l(
      'Execute scheduled task: Synchronise users (auth_ldap\\task\\sync_task)',
      '... started 02:00:01. Current memory use 31.2 MB.',
    );
    cr.d(
      'Connecting to ldaps://ldap.westbrook.edu as cn=moodle-bind,ou=services,dc=westbrook,dc=edu (password: ********)',
      'masked',
    );
    cr.l('User entries to update: 14', 'Scheduled task complete: Synchronise users (auth_ldap\\task\\sync_task)');
    cr.l('Execute scheduled task: Synchronise external database enrolments (enrol_database\\task\\sync_enrolments)');
    cr.s(`(mssqlnative): mssqlnative://moodle_enrol:${ep}@sis-db.westbrook.edu/SIS`, 'database', ep);
    cr.d(`  enrolling ${studentId()} into ${course()}-2025S1 as student`, 'student id, course');
    cr.l('... used 812 dbqueries', 'Scheduled task complete: Synchronise external database enrolments');
    const tr = repo.file(`logs/powershell/PowerShell_transcript.LAB-ADM01.${t.alnum(8)}.20250314083012.txt`, 'logs');
    const t1 = pw();
    const t2 = `Spring20${t.pick(DIGIT, 2)}!`;
    const t3 = pw();
    tr.l(
      '**********************',
      'Windows PowerShell transcript start',
      'Start time: 20250314083012',
      'Username: WESTBROOK\\adm-jsmith',
      'RunAs User: WESTBROOK\\adm-jsmith',
    );
    tr.l(
      'Machine: LAB-ADM01 (Microsoft Windows NT 10.0.20348.0)',
      'Host Application: C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
      'Process ID: 4412',
      '**********************',
    );
    tr.s(
      `PS C:\\Scripts> New-ADUser -Name "PaperCut Service" -SamAccountName svc_papercut -AccountPassword (ConvertTo-SecureString "${t1}" -AsPlainText -Force) -Enabled $true`,
      'generic',
      t1,
    );
    tr.d('PS C:\\Scripts> $cred = Get-Credential', 'interactive prompt');
    tr.s(
      `PS C:\\Scripts> Set-ADAccountPassword -Identity ${studentId()} -Reset -NewPassword (ConvertTo-SecureString -AsPlainText "${t2}" -Force)`,
      'generic',
      t2,
    );
    tr.l('CommandInvocation(ConvertTo-SecureString): "ConvertTo-SecureString"');
    tr.s(`ParameterBinding(ConvertTo-SecureString): name="String"; value="${t3}"`, 'generic', t3);
    tr.l(
      'ParameterBinding(ConvertTo-SecureString): name="AsPlainText"; value="True"',
      'ParameterBinding(ConvertTo-SecureString): name="Force"; value="True"',
    );
    tr.d(
      `PS C:\\Scripts> Connect-MgGraph -TenantId ${tenantId} -CertificateThumbprint ${hexU(40)}`,
      'tenant id and thumbprint',
    );
    tr.l(
      '**********************',
      'Windows PowerShell transcript end',
      'End time: 20250314084155',
      '**********************',
    );
    const al = repo.file('logs/student-app/app.log', 'logs');
    const lt = canvasTok();
    al.s(
      `{"level":30,"time":1741943564000,"msg":"canvas request","req":{"url":"https://westbrook.instructure.com/api/v1/users/self","headers":{"authorization":"Bearer ${lt}"}}}`,
      'canvas',
      lt,
    );
    al.d(
      '{"level":50,"time":1741943565000,"msg":"db error","err":"password authentication failed for user \\"student_app\\""}',
      'error without value',
    );
    al.d(
      `{"level":30,"time":1741943566000,"msg":"login","user":"${studentId()}","session":"${t.sha256()}"}`,
      'student id and session hash',
    );
    al.d(
      '{"level":30,"time":1741943567000,"msg":"request","headers":{"authorization":"[Redacted]","cookie":"[Redacted]"}}',
      'pino redacted',
    );
  }

  // ---- docs and data (decoys) ---------------------------------------------------------------
  {
    const pp = repo.file('docs/runbooks/account-provisioning.md', 'docs');
    pp.l('# Account provisioning', '');
    pp.d(
      'New students get an initial password of the form `<Season><Year>!` and must change it at first logon.',
      'policy prose',
    );
    pp.d(`Student ids are \`s\` + 7 digits, e.g. \`${studentId()}\`; staff ids are \`E\` + 6 digits.`, 'student id');
    pp.d('Service account passwords live in Secret Server; never paste them into tickets.', 'prose');
    pp.d(
      'To reset: `Set-ADAccountPassword -Identity <sAMAccountName> -Reset -NewPassword (Read-Host -AsSecureString)`',
      'placeholder',
    );
    const rc = repo.file('docs/integrations/README.md', 'docs');
    rc.l(
      '# Integrations',
      '',
      '## reCAPTCHA',
      '',
      "For automated tests use Google's published test keys (always pass):",
    );
    rc.d(`- site key: \`${RC_TEST_SITE}\``, 'google test site key');
    rc.d(`- secret key: \`${RC_TEST_SECRET}\``, 'google documented test secret');
    rc.d('Production keys are in Key Vault `wb-web-kv` as `recaptcha-secret`.', 'reference');
    const zm = repo.file('docs/integrations/README.md', 'docs');
    zm.l('', '## Zoom Server-to-Server OAuth', '');
    zm.d('ZOOM_ACCOUNT_ID=<Account ID from the Marketplace app>', 'placeholder');
    zm.d('ZOOM_CLIENT_SECRET=<from the Zoom marketplace app, App Credentials tab>', 'placeholder');
    zm.d('ZOOM_WEBHOOK_SECRET_TOKEN=your-webhook-secret-token', 'placeholder');
    const cv = repo.file('docs/integrations/README.md', 'docs');
    cv.l('', '## Canvas API', '');
    cv.d('Tokens look like `1234~xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx`.', 'placeholder');
    cv.d(
      'curl -H "Authorization: Bearer $CANVAS_TOKEN" https://westbrook.instructure.com/api/v1/courses',
      'env reference',
    );
    cv.d(`SIS course ids: \`${course()}-2025S1\`, \`${course()}-2025S2\`.`, 'course codes');
    const ci = repo.file('docs/research/citations.md', 'docs');
    ci.l('# Citing research outputs', '');
    for (let i = 0; i < 3; i++) ci.d(`- https://doi.org/${doi()} (ORCID ${orcidId()})`, 'doi and orcid');
    ci.d('- Example iD from the ORCID docs: 0000-0002-1825-0097', 'orcid documented id');
    ci.d(`ORCID member API client ids look like \`APP-${'X'.repeat(16)}\`.`, 'placeholder');
    const cat = repo.file('data/registry/course_catalogue.csv', 'data');
    cat.l('code,title,credits,term,coordinator_orcid');
    for (let i = 0; i < 5; i++) cat.d(`${COURSES[i]},Module ${i + 1},15,2025S1,${orcidId()}`, 'course code and orcid');
    const ch = repo.file('CHANGELOG.md', 'docs');
    ch.l('# Changelog', '');
    for (let i = 0; i < 3; i++)
      ch.d(`- ${t.sha1().slice(0, 12)} rotate LDAP bind credentials (no secrets in repo)`, 'commit sha');
    ch.d(`- ${t.sha1()} moved secret_key to Key Vault`, 'commit sha');
    const md = repo.file('idp/shibboleth-idp/metadata/sp-moodle.xml', 'docs');
    md.l(
      '<EntityDescriptor entityID="https://moodle.westbrook.edu/auth/saml2/sp/metadata.php">',
      '  <SPSSODescriptor><KeyDescriptor><ds:KeyInfo><ds:X509Data>',
    );
    md.d(`    <ds:X509Certificate>MIIEBzCCAu+gAwIBAgIU${b64(480)}</ds:X509Certificate>`, 'public certificate');
    md.l('  </ds:X509Data></ds:KeyInfo></KeyDescriptor></SPSSODescriptor>', '</EntityDescriptor>');
  }

  return repo;
}
