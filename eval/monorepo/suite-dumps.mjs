// Red-team suite "dumps": data exports, backups and migrations that end up committed — mysqldump and
// pg_dump / pg_dumpall output (INSERT and COPY rows of users, api_keys, oauth_tokens, integrations
// and settings tables), sqlite .dump, Laravel seeders and factories, Rails seeds.rb, Django JSON and
// YAML fixtures, Flyway migrations and Liquibase changelogs, mongoexport JSON lines and mongodump
// metadata, Redis MONITOR and redis-cli output, LDIF exports, CSV/TSV exports (users, api keys, a
// spreadsheet of credentials, Chrome/Firefox/Bitwarden/1Password exports), KeePass XML, Jira and
// Confluence XML backups, Slack and Teams JSON exports, mbox/eml archives, etcd and Consul KV
// exports, Vault audit logs, Elasticsearch _bulk NDJSON, Firestore and DynamoDB JSON exports,
// Airtable/Notion CSV exports, backup manifests and pgBackRest config. Decoys: password hashes of
// every kind (bcrypt, argon2, Django pbkdf2, Werkzeug, {SSHA}, crypt, MySQL native, SCRAM, md5),
// Vault HMAC'd audit values, Laravel/Rails encrypted attributes, masked and truncated tokens,
// hashed token tables (Sanctum, reset tokens), UUID and ObjectId keys, expired session ids (judged
// not a credential: the server has already invalidated them), checksums and vendor doc examples.
// Written from what real exports look like, not from tokenscope's rules; every value is drawn from
// the seeded PRNG at run time.
import { ALNUM, B64, DIGIT, HEX, LOWER, UPPER, URLSAFE, Repo, makeTokens, mulberry32 } from './generate.mjs';

const BCRYPT = './' + ALNUM;
const CRYPT = './' + ALNUM;

function helpers(rand, t) {
  const one = (list) => list[Math.floor(rand() * list.length)];
  const bytes = (n) => Buffer.from(t.pick(HEX, 2 * n), 'hex');
  const b64 = (s) => Buffer.from(s).toString('base64');
  const human = () =>
    one([
      () => `${one(['Summer', 'Winter', 'Autumn', 'Spring'])}${one(['2023', '2024', '2025'])}${one(['!', '#', '$'])}`,
      () => `${one(['Acme', 'Globex', 'Initech', 'Umbrella'])}@${t.digits(4)}${one(['!', '?', '*'])}`,
      () => `${one(['blue', 'green', 'red', 'amber'])}${one(['Horse', 'Kettle', 'Rocket'])}${t.digits(3)}`,
    ])();
  const pw = () => (rand() < 0.4 ? human() : rand() < 0.5 ? t.password() : t.alnum(16 + Math.floor(rand() * 8)));
  let clock = 0;
  const ts = () => {
    clock += 1 + Math.floor(rand() * 5000);
    return new Date(Date.UTC(2026, 0, 5) + clock * 1000).toISOString().replace('.000', '');
  };
  const sqlTs = () => ts().replace('T', ' ').replace('Z', '');
  const email = () =>
    `${one(['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy'])}.${one(['smith', 'jones', 'ng', 'garcia', 'kim', 'patel'])}${t.digits(2)}@${one(['acme-corp.io', 'example-mail.com', 'globex.net'])}`;
  return {
    one,
    bytes,
    b64,
    human,
    pw,
    ts,
    sqlTs,
    email,
    // ---- credentials, in each vendor's published format
    ghFine: () => `github_pat_${t.mixed(ALNUM, 22)}_${t.mixed(ALNUM, 59)}`,
    slackUser: () => `xoxp-${t.digits(11)}-${t.digits(12)}-${t.digits(13)}-${t.hex(32)}`,
    stripeRestricted: () => `rk_live_51${t.mixed(ALNUM, 97)}`,
    stripeWebhook: () => `whsec_${t.mixed(ALNUM, 32)}`,
    shopify: () => `shpat_${t.hex(32)}`,
    shopifyShared: () => `shpss_${t.hex(32)}`,
    mailgun: () => `key-${t.hex(32)}`,
    mailchimp: () => `${t.hex(32)}-us${1 + Math.floor(rand() * 20)}`,
    googleSecret: () => `GOCSPX-${t.mixed(URLSAFE, 28)}`,
    googleRefresh: () => `1//0g${t.mixed(URLSAFE, 98)}`,
    googleAccess: () => `ya29.a0${t.mixed(URLSAFE, 170)}`,
    hvs: () => `hvs.${t.mixed(URLSAFE, 24)}`,
    linear: () => `lin_api_${t.mixed(ALNUM, 40)}`,
    notion: () => `secret_${t.mixed(ALNUM, 43)}`,
    airtable: () => `pat${t.mixed(ALNUM, 14)}.${t.hex(64)}`,
    okta: () => `00${t.mixed(URLSAFE, 40)}`,
    sentryUser: () => `sntryu_${t.hex(64)}`,
    hf: () => `hf_${t.pick(UPPER + LOWER, 34)}`,
    groq: () => `gsk_${t.mixed(ALNUM, 52)}`,
    postman: () => `PMAK-${t.hex(24)}-${t.hex(34)}`,
    pulumi: () => `pul-${t.hex(40)}`,
    square: () => `EAAA${t.mixed(URLSAFE, 60)}`,
    mapboxSecret: () =>
      `sk.${Buffer.from(JSON.stringify({ u: 'acme-maps', a: t.lower(25) })).toString('base64url')}.${t.mixed(URLSAFE, 22)}`,
    mapboxPublic: () =>
      `pk.${Buffer.from(JSON.stringify({ u: 'acme-maps', a: t.lower(25) })).toString('base64url')}.${t.mixed(URLSAFE, 22)}`,
    plaid: () => `access-production-${t.uuid()}`,
    asana: () => `1/${t.digits(16)}:${t.hex(32)}`,
    dropbox: () => `${t.lower(11)}AAAAAAAAAA${t.mixed(URLSAFE, 43)}`,
    salesforce: () => `00D${t.mixed(ALNUM, 12)}!AQ${t.mixed(ALNUM + '._', 94)}`,
    telegram: () => `${t.digits(10)}:AA${t.mixed(URLSAFE, 33)}`,
    discordHook: () => `https://discord.com/api/webhooks/${t.digits(19)}/${t.mixed(URLSAFE, 68)}`,
    teamsHook: () =>
      `https://acmecorp.webhook.office.com/webhookb2/${t.uuid()}@${t.uuid()}/IncomingWebhook/${t.hex(32)}/${t.uuid()}`,
    fcm: () => `AAAA${t.mixed(URLSAFE, 7)}:APA91b${t.mixed(URLSAFE, 134)}`,
    brevo: () => `xkeysib-${t.hex(64)}-${t.mixed(ALNUM, 16)}`,
    hubspot: () => `pat-na1-${t.uuid()}`,
    esApiKey: () => Buffer.from(`${t.mixed(URLSAFE, 20)}:${t.mixed(URLSAFE, 22)}`).toString('base64'),
    totp: () => t.pick(UPPER + '234567', 32),
    // ---- decoys: hashes, ciphertexts, ids
    bcrypt: () => `$2y$${one(['10', '12'])}$${t.pick(BCRYPT, 53)}`,
    argon2: () =>
      `$argon2id$v=19$m=65536,t=4,p=1$${bytes(16).toString('base64').replace(/=+$/, '')}$${bytes(32).toString('base64').replace(/=+$/, '')}`,
    djangoPbkdf2: () => `pbkdf2_sha256$870000$${t.mixed(ALNUM, 22)}$${bytes(32).toString('base64')}`,
    djangoArgon2: () =>
      `argon2$argon2id$v=19$m=102400,t=2,p=8$${bytes(16).toString('base64').replace(/=+$/, '')}$${bytes(32).toString('base64').replace(/=+$/, '')}`,
    werkzeug: () => `scrypt:32768:8:1$${t.mixed(ALNUM, 16)}$${t.pick(HEX, 128)}`,
    werkzeugPbkdf2: () => `pbkdf2:sha256:600000$${t.mixed(ALNUM, 16)}$${t.pick(HEX, 64)}`,
    md5crypt: () => `$1$${t.pick(CRYPT, 8)}$${t.pick(CRYPT, 22)}`,
    sha512crypt: () => `$6$${t.pick(CRYPT, 16)}$${t.pick(CRYPT, 86)}`,
    ssha: () => `{SSHA}${bytes(24).toString('base64')}`,
    phpass: () => `$P$B${t.pick(CRYPT, 31)}`,
    mysqlNative: () => `*${t.pick(HEX, 40).toUpperCase()}`,
    scram: () =>
      `SCRAM-SHA-256$4096:${bytes(16).toString('base64')}$${bytes(32).toString('base64')}:${bytes(32).toString('base64')}`,
    pgMd5: () => `md5${t.pick(HEX, 32)}`,
    laravelEncrypted: () =>
      b64(
        JSON.stringify({
          iv: bytes(16).toString('base64'),
          value: bytes(48).toString('base64'),
          mac: t.pick(HEX, 64),
          tag: '',
        }),
      ),
    railsEncrypted: () =>
      JSON.stringify({
        p: bytes(40).toString('base64'),
        h: { iv: bytes(12).toString('base64'), at: bytes(16).toString('base64') },
      }),
    hmac: () => `hmac-sha256:${t.pick(HEX, 64)}`,
    oid: () => t.pick(HEX, 24),
    laravelSession: () => t.mixed(ALNUM, 40),
    djangoSession: () => t.pick(LOWER + DIGIT, 32),
  };
}

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 7919 + 4243);
  const t = makeTokens(rand);
  const x = helpers(rand, t);
  const repo = new Repo();
  mysqldump(repo, t, x);
  pgdump(repo, t, x);
  sqlite(repo, t, x);
  frameworks(repo, t, x);
  jvmMigrations(repo, t, x);
  mongo(repo, t, x);
  redis(repo, t, x);
  ldif(repo, t, x);
  csvExports(repo, t, x);
  passwordManagers(repo, t, x);
  atlassian(repo, t, x);
  chat(repo, t, x);
  mail(repo, t, x);
  kvStores(repo, t, x);
  search(repo, t, x);
  nosqlExports(repo, t, x);
  backups(repo, t, x);
  return repo;
}

// ---- mysqldump ---------------------------------------------------------------------------

function mysqldump(repo, t, x) {
  const f = repo.file('db/backups/2026-03-01/shop_prod.sql', 'sql-dump');
  f.l(
    '-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)',
    '--',
    '-- Host: db-prod-1.internal    Database: shop_prod',
    '-- ------------------------------------------------------',
    '-- Server version\t8.0.36',
    '',
    '/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;',
    "/*!40103 SET TIME_ZONE='+00:00' */;",
    '',
    '--',
    '-- Table structure for table `users`',
    '--',
    '',
    'DROP TABLE IF EXISTS `users`;',
    'CREATE TABLE `users` (',
    '  `id` bigint unsigned NOT NULL AUTO_INCREMENT,',
    '  `name` varchar(255) NOT NULL,',
    '  `email` varchar(255) NOT NULL,',
    '  `password` varchar(255) NOT NULL,',
    '  `remember_token` varchar(100) DEFAULT NULL,',
    '  `created_at` timestamp NULL DEFAULT NULL,',
    '  PRIMARY KEY (`id`)',
    ') ENGINE=InnoDB AUTO_INCREMENT=1043 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;',
    '',
    'LOCK TABLES `users` WRITE;',
    '/*!40000 ALTER TABLE `users` DISABLE KEYS */;',
  );
  f.d(
    `INSERT INTO \`users\` VALUES (1,'Alice Smith','${x.email()}','${x.bcrypt()}',NULL,'${x.sqlTs()}'),(2,'Bob Jones','${x.email()}','${x.bcrypt()}',NULL,'${x.sqlTs()}'),(3,'Carol Ng','${x.email()}','${x.argon2()}',NULL,'${x.sqlTs()}');`,
    'extended insert of bcrypt/argon2 hashes',
  );
  f.l('/*!40000 ALTER TABLE `users` ENABLE KEYS */;', 'UNLOCK TABLES;', '');
  f.l(
    '--',
    '-- Dumping data for table `legacy_customers` (pre-2019 storefront, passwords never migrated)',
    '--',
    '',
    'LOCK TABLES `legacy_customers` WRITE;',
  );
  for (let i = 0; i < 2; i++) {
    const p = x.pw();
    f.s(
      `INSERT INTO \`legacy_customers\` (\`id\`, \`login\`, \`email\`, \`passwd\`, \`created\`) VALUES (${101 + i},'${x.one(['jsmith', 'mkhan', 'tlee', 'rgarcia'])}${t.digits(2)}','${x.email()}','${p}','2017-0${1 + i}-12 10:22:01');`,
      'generic',
      p,
    );
  }
  f.d(
    `INSERT INTO \`legacy_customers\` (\`id\`, \`login\`, \`email\`, \`passwd\`, \`created\`) VALUES (104,'wp_import','${x.email()}','${x.phpass()}','2018-06-01 09:00:00');`,
    'phpass hash',
  );
  f.d(
    `INSERT INTO \`legacy_customers\` (\`id\`, \`login\`, \`email\`, \`passwd\`, \`created\`) VALUES (105,'old_admin','${x.email()}','${t.pick(HEX, 32)}','2016-02-11 08:00:00');`,
    'unsalted md5 hex digest',
  );
  f.l('UNLOCK TABLES;', '', 'LOCK TABLES `integrations` WRITE;');
  const sk = t.stripeLive();
  f.s(`INSERT INTO \`integrations\` VALUES (1,'stripe','${sk}','active','${x.sqlTs()}');`, 'stripe', sk);
  const sh = x.shopify();
  f.s(
    `INSERT INTO \`integrations\` VALUES (3,'shopify','${sh}','acme-store.myshopify.com','${x.sqlTs()}');`,
    'shopify',
    sh,
  );
  f.d(
    `INSERT INTO \`integrations\` VALUES (5,'stripe_legacy','sk_live_••••••••••••${t.alnum(4)}','revoked','${x.sqlTs()}');`,
    'masked key hint',
  );
  f.l('UNLOCK TABLES;', '', 'LOCK TABLES `settings` WRITE;');
  const sg = t.sendgrid();
  f.s(`INSERT INTO \`settings\` (\`key\`, \`value\`) VALUES ('mail.sendgrid_api_key','${sg}');`, 'sendgrid', sg);
  const smtp = x.pw();
  f.s(`INSERT INTO \`settings\` (\`key\`, \`value\`) VALUES ('mail.smtp_password','${smtp}');`, 'generic', smtp);
  f.d(
    `INSERT INTO \`settings\` (\`key\`, \`value\`) VALUES ('payments.stripe_secret','${x.laravelEncrypted()}');`,
    'laravel encrypted cast',
  );
  f.d(`INSERT INTO \`settings\` (\`key\`, \`value\`) VALUES ('app.instance_id','${t.uuid()}');`, 'uuid');
  f.d(`INSERT INTO \`settings\` (\`key\`, \`value\`) VALUES ('mail.smtp_password','');`, 'empty');
  f.l('UNLOCK TABLES;', '', 'LOCK TABLES `personal_access_tokens` WRITE;');
  f.d(
    `INSERT INTO \`personal_access_tokens\` VALUES (7,'App\\\\Models\\\\User',1,'ci-deploy','${t.sha256()}','["*"]','${x.sqlTs()}',NULL,'${x.sqlTs()}','${x.sqlTs()}');`,
    'sanctum sha256 token hash',
  );
  f.l('UNLOCK TABLES;', '', 'LOCK TABLES `password_reset_tokens` WRITE;');
  f.d(
    `INSERT INTO \`password_reset_tokens\` VALUES ('${x.email()}','${x.bcrypt()}','${x.sqlTs()}');`,
    'bcrypt-hashed reset token',
  );
  f.l('UNLOCK TABLES;', '', 'LOCK TABLES `sessions` WRITE;');
  f.d(
    `INSERT INTO \`sessions\` VALUES ('${x.laravelSession()}',1,'10.2.0.14','Mozilla/5.0 (X11; Linux x86_64)','${x.b64(`a:3:{s:6:"_token";s:40:"${t.alnum(40)}";s:9:"_previous";a:1:{s:3:"url";s:22:"https://shop.acme.test";}}`)}',1704067200);`,
    'expired laravel session (last_activity 2024-01-01)',
  );
  f.l('UNLOCK TABLES;', '', 'LOCK TABLES `oauth_clients` WRITE;');
  const oc = t.alnum(40);
  f.s(
    `INSERT INTO \`oauth_clients\` VALUES (3,NULL,'Mobile App Password Grant Client','${oc}',NULL,'http://localhost','password',0,1,0,'${x.sqlTs()}','${x.sqlTs()}');`,
    'generic',
    oc,
  );
  f.l('UNLOCK TABLES;', '', 'LOCK TABLES `failed_jobs` WRITE;');
  f.d(
    `INSERT INTO \`failed_jobs\` VALUES (12,'${t.uuid()}','redis','default','{"uuid":"${t.uuid()}","displayName":"App\\\\Jobs\\\\SyncOrders"}','Illuminate\\\\Queue\\\\MaxAttemptsExceededException','${x.sqlTs()}');`,
    'job uuids',
  );
  f.l('UNLOCK TABLES;', '-- Dump completed on 2026-03-01  3:00:02');

  const u = repo.file('db/backups/mysql/mysql-grants.sql', 'sql-dump');
  u.l('-- mysqlpump --users --exclude-databases=% output', '');
  u.d(
    `CREATE USER 'shop'@'%' IDENTIFIED WITH 'mysql_native_password' AS '${x.mysqlNative()}' REQUIRE NONE PASSWORD EXPIRE DEFAULT ACCOUNT UNLOCK;`,
    'mysql native password hash',
  );
  u.d(
    `CREATE USER 'replica'@'10.%' IDENTIFIED WITH 'caching_sha2_password' AS 0x${t.pick(HEX, 140).toUpperCase()} REQUIRE SSL;`,
    'caching_sha2 hash (hex)',
  );
  u.l("GRANT SELECT, INSERT, UPDATE, DELETE ON `shop_prod`.* TO 'shop'@'%';");
  const rp = x.pw();
  u.s(`CREATE USER IF NOT EXISTS 'reporting'@'%' IDENTIFIED BY '${rp}';`, 'generic', rp);
}

// ---- pg_dump / pg_dumpall ----------------------------------------------------------------

function pgdump(repo, t, x) {
  const f = repo.file('db/backups/pg/app-2026-02-14.sql', 'sql-dump');
  f.l(
    '--',
    '-- PostgreSQL database dump',
    '--',
    '',
    '-- Dumped from database version 16.2',
    '-- Dumped by pg_dump version 16.2',
    '',
    'SET statement_timeout = 0;',
    "SET client_encoding = 'UTF8';",
    "SELECT pg_catalog.set_config('search_path', '', false);",
    '',
    '--',
    '-- Data for Name: accounts; Type: TABLE DATA; Schema: public; Owner: app',
    '--',
    '',
    'COPY public.accounts (id, email, password_digest, otp_secret, created_at) FROM stdin;',
  );
  f.d(`${t.uuid()}\t${x.email()}\t${x.bcrypt()}\t\\N\t${x.sqlTs()}+00`, 'uuid pk, bcrypt digest');
  f.d(`${t.uuid()}\t${x.email()}\t${x.argon2()}\t\\N\t${x.sqlTs()}+00`, 'uuid pk, argon2 digest');
  f.d(`${t.uuid()}\t${x.email()}\t${x.bcrypt()}\t${x.railsEncrypted()}\t${x.sqlTs()}+00`, 'rails encrypted otp secret');
  const otp = x.totp();
  f.s(`${t.uuid()}\t${x.email()}\t${x.bcrypt()}\t${otp}\t${x.sqlTs()}+00`, 'generic', otp);
  f.l(
    '\\.',
    '',
    'COPY public.oauth_tokens (id, account_id, provider, access_token, refresh_token, expires_at) FROM stdin;',
  );
  const gr = x.googleRefresh();
  f.s(`41\t${t.uuid()}\tgoogle\t${x.googleAccess()}\t${gr}\t2026-02-14 11:02:11+00`, 'gcp', gr);
  const gho = t.github('gho_');
  f.s(`42\t${t.uuid()}\tgithub\t${gho}\t\\N\t\\N`, 'github', gho);
  f.d(`44\t${t.uuid()}\tgithub\t[revoked]\t\\N\t2025-12-01 00:00:00+00`, 'revoked marker');
  f.l('\\.', '', 'COPY public.webhooks (id, team_id, kind, url, created_at) FROM stdin;');
  const sw = t.slackWebhook();
  f.s(`7\t3\tslack\t${sw}\t${x.sqlTs()}+00`, 'slack', sw);
  const dh = x.discordHook();
  f.s(`8\t3\tdiscord\t${dh}\t${x.sqlTs()}+00`, 'discord', dh);
  const th = x.teamsHook();
  f.s(`9\t4\tteams\t${th}\t${x.sqlTs()}+00`, 'microsoftteams', th);
  f.d(`10\t4\tgeneric\thttps://hooks.acme-corp.io/ingest/${t.uuid()}\t${x.sqlTs()}+00`, 'own webhook with uuid path');
  f.l('\\.', '', 'COPY public.api_keys (id, name, prefix, key_hash, last_used_at) FROM stdin;');
  f.d(`1\tci\tak_${t.lower(8)}\t${t.sha256()}\t${x.sqlTs()}+00`, 'prefix + sha256 of issued key');
  f.d(`2\tzapier\tak_${t.lower(8)}\t${t.sha256()}\t\\N`, 'prefix + sha256 of issued key');
  f.l('\\.', '', 'COPY public.tenant_secrets (tenant_id, name, value) FROM stdin;');
  const oa = t.openai();
  f.s(`${t.uuid()}\topenai_api_key\t${oa}`, 'openai', oa);
  const pk = t.pkcs8Pem();
  f.s(`${t.uuid()}\tsaml_sp_private_key\t${pk.join('\\n')}\\n`, 'private-key', pk.join('\n'));
  f.d(`${t.uuid()}\tsaml_sp_cert_fingerprint\t${t.sha1().match(/../g).join(':').toUpperCase()}`, 'cert fingerprint');
  f.l('\\.', '', '--', '-- Data for Name: django_session; Type: TABLE DATA; Schema: public; Owner: app', '--', '');
  f.l('COPY public.django_session (session_key, session_data, expire_date) FROM stdin;');
  f.d(
    `${x.djangoSession()}\t.${t.mixed(URLSAFE, 120)}:1rBq${t.mixed(URLSAFE, 2)}:${t.mixed(URLSAFE, 43)}\t2025-06-30 12:00:00+00`,
    'expired django session',
  );
  f.l('\\.', '', '--', '-- PostgreSQL database dump complete', '--');

  const g = repo.file('db/backups/pg/globals.sql', 'sql-dump');
  g.l('--', '-- PostgreSQL database cluster dump', '--', '', 'CREATE ROLE app;');
  g.d(
    `ALTER ROLE app WITH NOSUPERUSER INHERIT NOCREATEROLE NOCREATEDB LOGIN NOREPLICATION NOBYPASSRLS PASSWORD '${x.scram()}';`,
    'SCRAM-SHA-256 verifier',
  );
  g.l('CREATE ROLE legacy_etl;');
  g.d(`ALTER ROLE legacy_etl WITH LOGIN PASSWORD '${x.pgMd5()}';`, 'md5 role hash');
  g.l('CREATE ROLE replicator;');
  g.d(`ALTER ROLE replicator WITH REPLICATION LOGIN PASSWORD '${x.scram()}' VALID UNTIL 'infinity';`, 'SCRAM verifier');

  const m = repo.file('db/migrations/20190412_rehash_passwords.sql', 'migration');
  m.l('-- one-off: reset service accounts after the 2019 incident', 'BEGIN;');
  const p1 = x.pw();
  m.s(`UPDATE users SET password = MD5('${p1}') WHERE email = 'svc-import@acme-corp.io';`, 'generic', p1);
  const p2 = x.pw();
  m.s(
    `UPDATE users SET password = crypt('${p2}', gen_salt('bf', 10)) WHERE email = 'svc-billing@acme-corp.io';`,
    'generic',
    p2,
  );
  const p3 = x.pw();
  m.s(`ALTER ROLE reporting WITH LOGIN PASSWORD '${p3}';`, 'generic', p3);
  m.d("UPDATE users SET password = crypt(:'new_password', gen_salt('bf')) WHERE id = :'uid';", 'psql variable');
  m.l('COMMIT;');
}

// ---- sqlite .dump ------------------------------------------------------------------------

function sqlite(repo, t, x) {
  const f = repo.file('tools/sync-agent/data/agent.db.sql', 'sql-dump');
  f.l(
    'PRAGMA foreign_keys=OFF;',
    'BEGIN TRANSACTION;',
    'CREATE TABLE credentials (id INTEGER PRIMARY KEY, service TEXT NOT NULL, username TEXT, secret TEXT, updated_at TEXT);',
  );
  const gl = t.gitlab();
  f.s(`INSERT INTO credentials VALUES(1,'gitlab','sync-bot','${gl}','${x.ts()}');`, 'gitlab', gl);
  const hf = x.hf();
  f.s(`INSERT INTO credentials VALUES(2,'huggingface','ml-sync','${hf}','${x.ts()}');`, 'huggingface', hf);
  f.d(`INSERT INTO credentials VALUES(4,'s3',NULL,NULL,'${x.ts()}');`, 'null secret');
  f.l('CREATE TABLE sync_state (id INTEGER PRIMARY KEY, cursor TEXT, etag TEXT);');
  f.d(
    `INSERT INTO sync_state VALUES(1,'${x.b64(JSON.stringify({ page: 14, after: t.uuid() }))}','"${t.hex(32)}"');`,
    'cursor and etag',
  );
  f.l('COMMIT;');
}

// ---- framework seeders and fixtures ------------------------------------------------------

function frameworks(repo, t, x) {
  const a = repo.file('database/seeders/AdminUserSeeder.php', 'seeder');
  a.l(
    '<?php',
    '',
    'namespace Database\\Seeders;',
    '',
    'use App\\Models\\User;',
    'use Illuminate\\Database\\Seeder;',
    'use Illuminate\\Support\\Facades\\Hash;',
    '',
    'class AdminUserSeeder extends Seeder',
    '{',
    '    public function run(): void',
    '    {',
    "        User::updateOrCreate(['email' => 'ops@acme-corp.io'], [",
    "            'name' => 'Ops Admin',",
  );
  const ap = x.pw();
  a.s(`            'password' => Hash::make('${ap}'),`, 'generic', ap);
  a.l('        ]);', '', "        User::updateOrCreate(['email' => 'qa@acme-corp.io'], [");
  a.d("            'password' => Hash::make('password'),", 'laravel factory default');
  a.l('        ]);', '', "        User::updateOrCreate(['email' => 'support@acme-corp.io'], [");
  const sp = x.pw();
  a.s(`            'password' => bcrypt('${sp}'),`, 'generic', sp);
  a.l('        ]);');
  a.d(`        // imported hash from old system: ${x.bcrypt()}`, 'bcrypt hash in comment');
  a.d("        $pw = env('SEED_ADMIN_PASSWORD', Str::random(32));", 'env lookup with random fallback');
  a.l('    }', '}');

  const i = repo.file('database/seeders/IntegrationSeeder.php', 'seeder');
  i.l(
    '<?php',
    '',
    'namespace Database\\Seeders;',
    '',
    'class IntegrationSeeder extends Seeder',
    '{',
    '    public function run(): void',
    '    {',
    "        DB::table('integrations')->insert([",
  );
  const sb = t.slackBot();
  i.s(`            ['provider' => 'slack', 'token' => '${sb}', 'channel' => '#orders'],`, 'slack', sb);
  const mc = x.mailchimp();
  i.s(`            ['provider' => 'mailchimp', 'token' => '${mc}', 'channel' => null],`, 'mailchimp', mc);
  i.d(
    `            ['provider' => 'postmark', 'token' => Crypt::encryptString(config('services.postmark.token')), 'channel' => null],`,
    'encrypted at seed time from config',
  );
  i.l('        ]);', '    }', '}');

  const fa = repo.file('database/factories/UserFactory.php', 'seeder');
  fa.l(
    '<?php',
    '',
    'namespace Database\\Factories;',
    '',
    'class UserFactory extends Factory',
    '{',
    '    protected static ?string $password;',
    '',
    '    public function definition(): array',
    '    {',
    '        return [',
    "            'name' => fake()->name(),",
  );
  fa.d("            'password' => static::$password ??= Hash::make('password'),", 'factory default');
  fa.d("            'remember_token' => Str::random(10),", 'random at run time');
  fa.d("            'two_factor_secret' => encrypt(app(Google2FA::class)->generateSecretKey()),", 'generated');
  fa.l('        ];', '    }', '}');

  const r = repo.file('db/seeds.rb', 'seeder');
  r.l('# frozen_string_literal: true', '', 'puts "Seeding admin accounts"');
  const rp = x.pw();
  r.s(
    `User.find_or_create_by!(email: "admin@acme-corp.io") { |u| u.password = "${rp}"; u.password_confirmation = "${rp}"; u.role = :admin }`,
    'generic',
    rp,
  );
  r.d(
    'User.find_or_create_by!(email: "demo@acme-corp.io") { |u| u.password = ENV.fetch("DEMO_PASSWORD") }',
    'env lookup',
  );
  r.d(
    `User.find_or_create_by!(email: "import@acme-corp.io") { |u| u.encrypted_password = "${x.bcrypt().replace('$2y$', '$2a$')}" }`,
    'devise bcrypt digest',
  );
  const rgh = x.ghFine();
  r.s(`ApiCredential.create!(provider: "github", name: "release-bot", token: "${rgh}")`, 'github', rgh);
  r.d(
    'ApiCredential.create!(provider: "square", name: "pos-sandbox", token: Rails.application.credentials.dig(:square, :token))',
    'credentials lookup',
  );

  const d = repo.file('backend/accounts/fixtures/initial_data.json', 'fixture');
  d.l('[', '  {', '    "model": "auth.user",', '    "pk": 1,', '    "fields": {');
  d.d(`      "password": "${x.djangoPbkdf2()}",`, 'django pbkdf2 hash');
  d.l(
    '      "last_login": null,',
    '      "is_superuser": true,',
    '      "username": "admin",',
    '      "email": "admin@acme-corp.io"',
    '    }',
    '  },',
  );
  d.l('  {', '    "model": "auth.user",', '    "pk": 2,', '    "fields": {');
  d.d('      "password": "!' + t.mixed(ALNUM, 40) + '",', 'django unusable password marker');
  d.l('      "username": "sso-only"', '    }', '  },');
  d.l(
    '  {',
    '    "model": "integrations.slackworkspace",',
    '    "pk": 1,',
    '    "fields": {',
    `      "team_id": "T${t.mixed(UPPER + DIGIT, 10)}",`,
  );
  const dsb = t.slackBot();
  d.s(`      "bot_token": "${dsb}",`, 'slack', dsb);
  d.d(`      "signing_secret_hash": "${t.sha256()}"`, 'sha256');
  d.l('    }', '  }', ']');

  const y = repo.file('backend/billing/fixtures/staging.yaml', 'fixture');
  y.l('- model: auth.user', '  pk: 10', '  fields:', '    username: billing-admin');
  y.d(`    password: ${x.djangoArgon2()}`, 'django argon2 hash');
  y.l('- model: billing.gateway', '  pk: 1', '  fields:', '    name: stripe');
  const yrk = x.stripeRestricted();
  y.s(`    secret_key: ${yrk}`, 'stripe', yrk);
  y.d(`    publishable_key: pk_live_${t.mixed(ALNUM, 24)}`, 'publishable key');
  y.l('- model: billing.gateway', '  pk: 2', '  fields:', '    name: plaid');
  const ypl = x.plaid();
  y.s(`    access_token: ${ypl}`, 'plaid', ypl);
  y.d(`    item_id: ${t.mixed(ALNUM, 37)}`, 'plaid item id');

  const fl = repo.file('services/reports/app/fixtures/users.yaml', 'fixture');
  fl.l('# Flask-SQLAlchemy seed, loaded by `flask seed`');
  fl.l('- username: analyst');
  fl.d(`  password_hash: "${x.werkzeug()}"`, 'werkzeug scrypt hash');
  fl.l('- username: viewer');
  fl.d(`  password_hash: "${x.werkzeugPbkdf2()}"`, 'werkzeug pbkdf2 hash');
  fl.l('- username: grafana-sync');
  const flp = x.pw();
  fl.s(`  password: "${flp}"`, 'generic', flp);
}

// ---- Flyway / Liquibase ------------------------------------------------------------------

function jvmMigrations(repo, t, x) {
  const f = repo.file('services/orders/src/main/resources/db/migration/V7__seed_service_accounts.sql', 'migration');
  f.l('-- Flyway migration: service accounts and outbound integrations');
  f.d(
    `INSERT INTO service_account (id, name, password_hash) VALUES ('${t.uuid()}', 'orders-api', '${x.bcrypt().replace('$2y$', '$2a$')}');`,
    'bcrypt',
  );
  f.d(
    "INSERT INTO service_account (id, name, password_hash) VALUES ('${flyway:defaultSchema}', 'ops', '${ops_password_hash}');",
    'flyway placeholders',
  );
  const fk = t.awsSecret();
  f.s(`INSERT INTO app_config (config_key, config_value) VALUES ('aws.s3.secret-key', '${fk}');`, 'aws', fk);
  f.d(`INSERT INTO app_config (config_key, config_value) VALUES ('build.checksum', '${t.sha256()}');`, 'checksum');

  const l = repo.file('services/orders/src/main/resources/db/changelog/db.changelog-2.3.xml', 'migration');
  l.l(
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"',
    '    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '    xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.20.xsd">',
    '  <changeSet id="2.3-seed-connectors" author="mkhan">',
    '    <insert tableName="connector">',
    '      <column name="name" value="salesforce"/>',
  );
  const sf = x.salesforce();
  l.s(`      <column name="access_token" value="${sf}"/>`, 'salesforce', sf);
  l.l('    </insert>', '    <insert tableName="app_user">', '      <column name="login" value="integration"/>');
  const lp = x.pw();
  l.s(`      <column name="password" value="${lp}"/>`, 'generic', lp);
  l.l('    </insert>', '    <insert tableName="app_user">', '      <column name="login" value="auditor"/>');
  l.d(`      <column name="password" value="${x.bcrypt().replace('$2y$', '$2a$')}"/>`, 'bcrypt');
  l.d(`      <column name="id" valueComputed="gen_random_uuid()"/>`, 'computed');
  l.l('    </insert>', '  </changeSet>', '</databaseChangeLog>');

  const ly = repo.file('services/catalog/src/main/resources/db/changelog/changes/004-seed.yaml', 'migration');
  ly.l(
    'databaseChangeLog:',
    '  - changeSet:',
    '      id: 004-seed',
    '      author: tlee',
    '      changes:',
    '        - insert:',
    '            tableName: feed_source',
    '            columns:',
    '              - column:',
    '                  name: name',
    '                  value: algolia',
    '              - column:',
    '                  name: api_key',
  );
  const alg = t.hex(32);
  ly.s(`                  value: ${alg}`, 'generic', alg);
  ly.l('              - column:', '                  name: checksum');
  ly.d(`                  value: ${t.sha256()}`, 'checksum');
}

// ---- MongoDB ----------------------------------------------------------------------------

function mongo(repo, t, x) {
  const f = repo.file('exports/mongo/users.json', 'mongoexport');
  f.d(
    JSON.stringify({
      _id: { $oid: x.oid() },
      email: x.email(),
      password: x.bcrypt().replace('$2y$', '$2b$'),
      roles: ['user'],
    }),
    'objectid, bcrypt',
  );
  const p = x.pw();
  f.s(
    JSON.stringify({ _id: { $oid: x.oid() }, email: x.email(), password: p, roles: ['admin'], legacy: true }),
    'generic',
    p,
  );
  f.d(
    JSON.stringify({ _id: { $oid: x.oid() }, email: x.email(), passwordHash: x.sha512crypt(), roles: ['user'] }),
    'sha512-crypt',
  );
  f.d(
    JSON.stringify({ _id: { $oid: x.oid() }, email: x.email(), resetToken: null, sessionId: t.uuid() }),
    'uuid session id',
  );

  const g = repo.file('exports/mongo/integrations.json', 'mongoexport');
  const lin = x.linear();
  g.s(
    JSON.stringify({ _id: { $oid: x.oid() }, kind: 'linear', config: { apiKey: lin, teamId: t.uuid() } }),
    'linear',
    lin,
  );
  const no = x.notion();
  g.s(
    JSON.stringify({ _id: { $oid: x.oid() }, kind: 'notion', config: { token: no, databaseId: t.hex(32) } }),
    'notion',
    no,
  );
  g.d(
    JSON.stringify({
      _id: { $oid: x.oid() },
      kind: 'notion',
      config: { token: 'secret_…' + t.alnum(4), databaseId: t.hex(32) },
    }),
    'truncated token',
  );

  const m = repo.file('backups/mongodump/2026-02-01/app/users.metadata.json', 'mongodump');
  m.d(
    JSON.stringify({
      indexes: [
        { v: 2, key: { _id: 1 }, name: '_id_' },
        { v: 2, key: { email: 1 }, name: 'email_1', unique: true },
      ],
      uuid: t.pick(HEX, 32),
      collectionName: 'users',
      type: 'collection',
    }),
    'collection uuid',
  );
}

// ---- Redis ------------------------------------------------------------------------------

function redis(repo, t, x) {
  const f = repo.file('ops/incidents/2026-02-redis-latency/monitor.txt', 'redis');
  let s = 1771000000;
  const stamp = () => `${s++}.${t.digits(6)}`;
  f.l('$ redis-cli -h cache-prod-1 MONITOR', 'OK');
  f.d(`${stamp()} [0 10.4.1.17:51822] "AUTH" "(redacted)"`, 'redis-redacted auth');
  f.d(`${stamp()} [0 10.4.1.17:51822] "GET" "session:${t.hex(40)}"`, 'session key name');
  const sb = t.slackBot();
  f.s(`${stamp()} [0 10.4.1.17:51822] "SET" "cfg:slack:bot_token" "${sb}"`, 'slack', sb);
  const gh = t.github('ghs_');
  f.s(`${stamp()} [0 10.4.1.22:40110] "SETEX" "gh:installation:4412:token" "3600" "${gh}"`, 'github', gh);
  const pwd = x.pw();
  f.s(
    `${stamp()} [0 10.4.1.22:40110] "HSET" "smtp:relay" "host" "smtp.mailrelay.io" "password" "${pwd}"`,
    'generic',
    pwd,
  );
  f.d(`${stamp()} [0 10.4.1.22:40110] "INCR" "rate:${t.hex(16)}"`, 'rate limiter key');
  f.d(`${stamp()} [0 lua] "EXPIRE" "lock:${t.uuid()}" "30"`, 'lock key');

  const c = repo.file('ops/incidents/2026-02-redis-latency/hgetall-oauth.txt', 'redis');
  c.l('cache-prod-1:6379> HGETALL oauth:client:dropbox');
  c.l(' 1) "client_id"');
  c.d(` 2) "${t.lower(15)}"`, 'dropbox app key (public client id)');
  c.l(' 3) "access_token"');
  const db = x.dropbox();
  c.s(` 4) "${db}"`, 'dropbox', db);
  c.l(' 5) "expires_at"', ' 6) "0"', 'cache-prod-1:6379> GET cfg:telegram:bot');
  const tg = x.telegram();
  c.s(`"${tg}"`, 'telegram', tg);
  c.l('cache-prod-1:6379> CONFIG GET requirepass', '1) "requirepass"');
  const rq = t.alnum(32);
  c.s(`2) "${rq}"`, 'generic', rq);
  c.l('cache-prod-1:6379> GET cfg:build');
  c.d(`"${t.sha1()}"`, 'git sha');
}

// ---- LDIF -------------------------------------------------------------------------------

function ldif(repo, t, x) {
  const f = repo.file('ops/ldap/export-2026-01-15.ldif', 'ldif');
  f.l(
    '# extended LDIF',
    '# LDAPv3',
    '# base <dc=acme-corp,dc=io> with scope subtree',
    '',
    'dn: uid=jsmith,ou=people,dc=acme-corp,dc=io',
    'objectClass: inetOrgPerson',
    'uid: jsmith',
    'cn: John Smith',
  );
  f.d(`userPassword: ${x.ssha()}`, 'SSHA hash');
  f.l('', 'dn: uid=mkhan,ou=people,dc=acme-corp,dc=io', 'objectClass: inetOrgPerson', 'uid: mkhan');
  f.d(`userPassword:: ${x.b64(x.ssha())}`, 'base64 of SSHA hash');
  f.l('', 'dn: uid=svc-jenkins,ou=services,dc=acme-corp,dc=io', 'objectClass: account', 'uid: svc-jenkins');
  const p1 = x.pw();
  f.s(`userPassword:: ${x.b64(p1)}`, 'generic', p1);
  f.l('', 'dn: uid=svc-nexus,ou=services,dc=acme-corp,dc=io', 'objectClass: account', 'uid: svc-nexus');
  const p2 = x.pw();
  f.s(`userPassword: ${p2}`, 'generic', p2);
  f.l('', 'dn: uid=tlee,ou=people,dc=acme-corp,dc=io', 'uid: tlee');
  f.d(`userPassword:: ${x.b64(`{CRYPT}${x.sha512crypt()}`)}`, 'base64 of crypt hash');
  f.d(`entryUUID: ${t.uuid()}`, 'entry uuid');
  f.d(`entryCSN: 20260115091201.${t.digits(6)}Z#000000#000#000000`, 'csn');

  const c = repo.file('ops/ldap/cn=config.ldif', 'ldif');
  c.l(
    'dn: olcDatabase={1}mdb,cn=config',
    'objectClass: olcMdbConfig',
    'olcSuffix: dc=acme-corp,dc=io',
    'olcRootDN: cn=admin,dc=acme-corp,dc=io',
  );
  c.d(`olcRootPW: ${x.ssha()}`, 'SSHA hash');
  c.l('', 'dn: olcDatabase={0}config,cn=config');
  const rp = x.pw();
  c.s(`olcRootPW:: ${x.b64(rp)}`, 'generic', rp);
  c.l('', 'dn: olcOverlay={0}syncprov,olcDatabase={1}mdb,cn=config');
  const sc = x.pw().replace(/[^A-Za-z0-9]/g, '');
  c.s(
    `olcSyncrepl: rid=001 provider=ldap://ldap-1.acme-corp.io binddn="cn=replicator,dc=acme-corp,dc=io" bindmethod=simple credentials=${sc} searchbase="dc=acme-corp,dc=io"`,
    'generic',
    sc,
  );
}

// ---- CSV / TSV exports ------------------------------------------------------------------

function csvExports(repo, t, x) {
  const u = repo.file('exports/csv/users_2026-02-28.csv', 'csv');
  u.l('id,email,full_name,password_hash,legacy_password,created_at');
  u.d(`1001,${x.email()},Alice Smith,${x.bcrypt()},,${x.ts()}`, 'bcrypt, empty legacy column');
  u.d(`1002,${x.email()},Bob Jones,${x.md5crypt()},,${x.ts()}`, 'md5-crypt');
  const p1 = x.pw();
  u.s(`1003,${x.email()},Carol Ng,,${p1},${x.ts()}`, 'generic', p1);
  const p2 = x.pw();
  u.s(`1004,${x.email()},"Garcia, Dave",,"${p2}",${x.ts()}`, 'generic', p2);
  u.d(`1005,${x.email()},Erin Kim,${x.argon2()},,${x.ts()}`, 'argon2');

  const k = repo.file('exports/csv/api_keys.csv', 'csv');
  k.l('service,environment,key,owner,rotated_at');
  const dd = t.ddApi();
  k.s(`datadog,prod,${dd},sre@acme-corp.io,2026-01-10`, 'datadog', dd);
  const se = x.sentryUser();
  k.s(`sentry,prod,${se},sre@acme-corp.io,2026-01-10`, 'sentry', se);
  const pu = x.pulumi();
  k.s(`pulumi,ci,${pu},platform@acme-corp.io,2025-12-19`, 'pulumi', pu);
  k.d(`openai,prod,sk-proj-...${t.alnum(4)},ml@acme-corp.io,2026-02-01`, 'truncated key');
  k.d(`stripe,prod,****${t.digits(4)},finance@acme-corp.io,2026-02-01`, 'masked key');
  k.d(`aws,docs,AKIAIOSFODNN7EXAMPLE,docs@acme-corp.io,2020-01-01`, 'vendor doc example');

  const s = repo.file('shared/finance/vendor-credentials (1).csv', 'csv');
  s.l('# exported from "credentials.xlsx" sheet Vendors', 'Vendor,Login URL,Username,Password,Notes');
  const v1 = x.pw();
  s.s(`Ramp,https://app.ramp.com/sign-in,finance@acme-corp.io,${v1},shared login - ask Judy for 2FA`, 'generic', v1);
  s.d('Brex,https://dashboard.brex.com,finance@acme-corp.io,(in 1Password),', 'pointer to vault');
  s.d('Gusto,https://app.gusto.com,payroll.admin,SSO,', 'sso');

  const tsv = repo.file('exports/tsv/service_accounts.tsv', 'csv');
  tsv.l('account\tsystem\tpassword\tlast_rotated');
  const t1 = x.pw();
  tsv.s(`svc-backup\tnetapp\t${t1}\t2025-09-30`, 'generic', t1);
  tsv.d(`svc-ldap\topenldap\t${x.ssha()}\t2025-10-12`, 'ssha hash');

  const at = repo.file('exports/airtable/Vendors-Grid view.csv', 'csv');
  at.l('\ufeffName,Category,API Key,Account Owner,Status');
  const ms = x.brevo();
  at.s(`Brevo,Email,${ms},Marketing,Active`, 'brevo', ms);
  const mb = x.mapboxSecret();
  at.s(`Mapbox (server),Maps,${mb},Web,Active`, 'mapbox', mb);
  at.d(`Mapbox (browser),Maps,${x.mapboxPublic()},Web,Active`, 'mapbox public token');
  at.d(`Segment,Analytics,,Data,Pending`, 'empty');

  const no = repo.file(`exports/notion/Engineering Wiki ${t.hex(32)}/Shared Accounts ${t.hex(32)}.csv`, 'csv');
  no.l('Name,Owner,Password,URL,Tags,Created');
  const n1 = x.pw();
  no.s(
    `Grafana admin,SRE,${n1},https://grafana.acme-corp.io,"monitoring, prod","January 4, 2026 3:12 PM"`,
    'generic',
    n1,
  );
  const ok = x.okta();
  no.s(`Okta API (SSWS),IT,${ok},https://acme.okta.com,"okta, api","January 9, 2026 10:01 AM"`, 'okta', ok);
  no.d(`Vault,SRE,see Vault,https://vault.acme-corp.io,secrets,"January 9, 2026 10:05 AM"`, 'pointer');
}

// ---- password manager / browser exports -------------------------------------------------

function passwordManagers(repo, t, x) {
  const c = repo.file('personal/jdoe/Chrome Passwords.csv', 'pwmanager');
  c.l('name,url,username,password,note');
  const c1 = x.pw();
  c.s(`console.aws.amazon.com,https://signin.aws.amazon.com/signin,jdoe,${c1},`, 'generic', c1);

  const ff = repo.file('personal/jdoe/logins.csv', 'pwmanager');
  ff.l(
    '"url","username","password","httpRealm","formActionOrigin","guid","timeCreated","timeLastUsed","timePasswordChanged"',
  );
  const f1 = x.pw();
  ff.s(
    `"https://grafana.acme-corp.io","admin","${f1}",,"https://grafana.acme-corp.io","{${t.uuid()}}","1735689600000","1767225600000","1735689600000"`,
    'generic',
    f1,
  );
  ff.d(
    `"https://intranet.acme-corp.io","jdoe","",,"https://intranet.acme-corp.io","{${t.uuid()}}","1735689600000","1767225600000","1735689600000"`,
    'empty password, guid',
  );

  const bw = repo.file('personal/jdoe/bitwarden_export_20260301093012.csv', 'pwmanager');
  bw.l('folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp');
  const b1 = x.pw();
  bw.s(`Work,1,login,GitHub,,,0,https://github.com/login,jdoe-acme,${b1},`, 'generic', b1);
  const totp = x.totp();
  bw.s(
    `Work,,login,AWS root,,,1,https://signin.aws.amazon.com,root@acme-corp.io,,otpauth://totp/Amazon%20Web%20Services:root@acme-corp.io?secret=${totp}&issuer=Amazon%20Web%20Services`,
    'generic',
    totp,
  );
  const bnote = t.npm();
  bw.s(`Work,,note,npm publish token,${bnote},,0,,,,`, 'npm', bnote);

  const op = repo.file('personal/jdoe/1PasswordExport-AcmeVault.csv', 'pwmanager');
  op.l('Title,Url,Username,Password,OTPAuth,Favorite,Archived,Tags,Notes');
  const o2 = t.pypi();
  op.s(`PyPI upload,https://pypi.org,__token__,${o2},,false,false,release,`, 'pypi', o2);

  const kp = repo.file('personal/jdoe/keepass-export.xml', 'pwmanager');
  kp.l(
    '<?xml version="1.0" encoding="utf-8" standalone="yes"?>',
    '<KeePassFile>',
    '  <Meta><Generator>KeePass</Generator><DatabaseName>ops</DatabaseName></Meta>',
    '  <Root>',
    '    <Group>',
    `      <UUID>${x.bytes(16).toString('base64')}</UUID>`,
    '      <Name>Network</Name>',
    '      <Entry>',
    `        <UUID>${x.bytes(16).toString('base64')}</UUID>`,
    '        <String><Key>Title</Key><Value>core-sw-01 enable</Value></String>',
    '        <String><Key>UserName</Key><Value>admin</Value></String>',
  );
  const k1 = x.pw();
  kp.s(`        <String><Key>Password</Key><Value ProtectInMemory="True">${k1}</Value></String>`, 'generic', k1);
  kp.l('      </Entry>', '      <Entry>', '        <String><Key>Title</Key><Value>Heroku</Value></String>');
  const hk = t.heroku();
  kp.s(`        <String><Key>Password</Key><Value ProtectInMemory="True">${hk}</Value></String>`, 'heroku', hk);
  kp.d(
    `        <Binary><Key>icon.png</Key><Value Ref="0" /></Binary><CustomIconUUID>${x.bytes(16).toString('base64')}</CustomIconUUID>`,
    'icon uuid',
  );
  kp.l('      </Entry>', '    </Group>', '  </Root>', '</KeePassFile>');
}

// ---- Jira / Confluence XML --------------------------------------------------------------

function atlassian(repo, t, x) {
  const j = repo.file('exports/jira/JIRA-backup-20260210/entities.xml', 'xml-export');
  j.l('<?xml version="1.0" encoding="UTF-8"?>', '<entity-engine-xml>');
  j.l(
    `    <Issue id="10231" key="OPS-412" project="10000" reporter="mkhan" summary="Partner SFTP down" created="${x.sqlTs()}.0"/>`,
  );
  const jp = x.pw();
  j.s(
    `    <Action id="20511" issue="10231" author="mkhan" type="comment" body="Reset it, new creds are user partner_sftp / password ${jp} - please don't paste elsewhere" created="${x.sqlTs()}.0"/>`,
    'generic',
    jp,
  );
  j.d(
    `    <Action id="20513" issue="10231" author="sre-bot" type="comment" body="Token rotated; fingerprint sha256:${t.sha256().slice(0, 16)}" created="${x.sqlTs()}.0"/>`,
    'fingerprint',
  );
  j.d(`    <OSPropertyString id="10400" value="${t.uuid()}"/>`, 'uuid');
  j.l('</entity-engine-xml>');

  const r = repo.file('exports/jira/OPS-418.xml', 'xml-export');
  r.l('<rss version="0.92"><channel><item>', '<title>[OPS-418] Rotate OpenAI key</title>');
  const ok = t.openai();
  r.s(
    `<description>&lt;p&gt;Current key is &lt;code&gt;${ok}&lt;/code&gt;, please rotate after the demo.&lt;/p&gt;</description>`,
    'openai',
    ok,
  );
  r.l('</item></channel></rss>');

  const c = repo.file('exports/confluence/Confluence-space-export-OPS/entities.xml', 'xml-export');
  c.l(
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<hibernate-generic datetime="2026-02-10 10:00:00">',
    '<object class="BodyContent" package="com.atlassian.confluence.core">',
    '<id name="id">3342341</id>',
  );
  const cp = x.pw();
  c.s(
    `<property name="body"><![CDATA[<h2>Staging DB</h2><p>Host: pg-staging.internal, user <code>app</code>, password <code>${cp}</code></p>]]></property>`,
    'generic',
    cp,
  );
  c.l(
    '</object>',
    '<object class="BodyContent" package="com.atlassian.confluence.core">',
    '<id name="id">3342342</id>',
  );
  const ca = t.awsSecret();
  c.s(
    `<property name="body"><![CDATA[<ac:structured-macro ac:name="code"><ac:plain-text-body><![CDATA[aws_secret_access_key = ${ca}]]]]><![CDATA[></ac:plain-text-body></ac:structured-macro>]]></property>`,
    'aws',
    ca,
  );
  c.d(
    '<property name="body"><![CDATA[<p>Password: <ac:link><ri:page ri:content-title="Vault access" /></ac:link></p>]]></property>',
    'prose pointer',
  );
  c.d(`<property name="contentId">${t.digits(7)}</property><property name="hash">${t.sha1()}</property>`, 'hash');
  c.l('</object>', '</hibernate-generic>');
}

// ---- Slack / Teams exports --------------------------------------------------------------

function chat(repo, t, x) {
  const f = repo.file('exports/slack/acme-export-2026-02/incident-4412/2026-02-11.json', 'chat-export');
  const msg = (text, kind, value, decoyWhat) => {
    f.l('    {', `        "client_msg_id": "${t.uuid()}",`, '        "type": "message",');
    if (decoyWhat) f.d(`        "text": ${JSON.stringify(text)},`, decoyWhat);
    else f.s(`        "text": ${JSON.stringify(text)},`, kind, value);
    f.l(`        "user": "U0${t.mixed(UPPER + DIGIT, 9)}",`, `        "ts": "1770800${t.digits(3)}.${t.digits(6)}",`);
    f.d(`        "user_profile": {"avatar_hash": "${t.pick(HEX, 12)}", "real_name": "Dave Kim"}`, 'avatar hash');
    f.l('    },');
  };
  f.l('[');
  const ddk = t.ddApp();
  msg(`datadog app key if you need the API: ${ddk}`, 'datadog', ddk);
  const xo = t.slackBot();
  msg(`bot token is \`${xo}\` - the one in vault is stale`, 'slack', xo);
  const pw = x.pw();
  msg(`root pw for the bastion: ${pw}`, 'generic', pw);
  msg('key is in 1password under "bastion root", don\'t paste it here', '', '', 'prose, no value');
  f.l('    {"type": "message", "subtype": "channel_join", "text": "<@U0ABCDEF12> has joined the channel"}', ']');

  const tm = repo.file('exports/teams/Incident Bridge/messages.json', 'chat-export');
  tm.l('{', '  "messages": [', '    {', `      "id": "17708${t.digits(8)}",`, '      "messageType": "message",');
  const tsg = t.sendgrid();
  tm.s(
    `      "body": { "contentType": "html", "content": "<p>use this SendGrid key for now: ${tsg}</p>" },`,
    'sendgrid',
    tsg,
  );
  tm.l(
    '      "from": { "user": { "displayName": "Carol Ng" } }',
    '    },',
    '    {',
    `      "id": "17708${t.digits(8)}",`,
  );
  const tfb = x.fcm();
  tm.s(`      "body": { "contentType": "text", "content": "FCM server key (legacy API): ${tfb}" },`, 'firebase', tfb);
  tm.d(`      "etag": "17708${t.digits(8)}", "chatId": "19:${t.hex(32)}@thread.v2"`, 'etag and chat id');
  tm.l('    }', '  ]', '}');
}

// ---- mail archives ----------------------------------------------------------------------

function mail(repo, t, x) {
  const m = repo.file('archive/mail/it-helpdesk.mbox', 'mail');
  m.l(
    'From helpdesk@acme-corp.io Mon Feb  2 09:14:01 2026',
    'Return-Path: <helpdesk@acme-corp.io>',
    'From: IT Helpdesk <helpdesk@acme-corp.io>',
    'To: new.hire@acme-corp.io',
    'Subject: Your account is ready',
  );
  m.d(`Message-ID: <${t.hex(24)}.${t.digits(6)}@mail.acme-corp.io>`, 'message id');
  m.d(
    `DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=acme-corp.io; s=google; bh=${x.bytes(32).toString('base64')}; b=${x.bytes(128).toString('base64')}`,
    'dkim signature',
  );
  m.l('Content-Type: text/plain; charset="UTF-8"', '', 'Hi,', '', 'Your username is new.hire.');
  const p1 = x.pw();
  m.s(`Your temporary password is: ${p1}`, 'generic', p1);
  m.l('You will be asked to change it at first login.', '');
  m.l(
    'From ops@acme-corp.io Tue Feb  3 17:40:12 2026',
    'From: Ops <ops@acme-corp.io>',
    'To: vendor-support@partner-feeds.io',
    'Subject: Re: API access',
    'Content-Type: text/plain; charset="UTF-8"',
    'Content-Transfer-Encoding: base64',
    '',
  );
  const p2 = t.alnum(32);
  m.s(x.b64(`Our key is ${p2}\n`), 'generic', p2);
  m.l('');

  const e = repo.file('archive/mail/2026-01-vpn-access.eml', 'mail');
  e.l(
    'From: Network Team <netops@acme-corp.io>',
    'To: contractor@freelance-dev.io',
    'Subject: VPN access',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset="UTF-8"',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    'Hello,',
    '',
  );
  const psk = t.alnum(24);
  e.s(`The pre-shared key for the site-to-site tunnel is ${psk} and the=`, 'generic', psk);
  e.l('gateway is vpn.acme-corp.io.');
  e.d('Your password will be sent by SMS.', 'prose');
  e.d(`X-Microsoft-Antispam-Message-Info: ${x.bytes(90).toString('base64')}`, 'antispam blob');
}

// ---- etcd / Consul / Vault --------------------------------------------------------------

function kvStores(repo, t, x) {
  const e = repo.file('ops/etcd/etcdctl-get-prefix-config.json', 'kv-export');
  const kv = (key, value) =>
    `{"key":"${x.b64(key)}","create_revision":${t.digits(5)},"mod_revision":${t.digits(5)},"version":${t.digits(1)},"value":"${x.b64(value)}"}`;
  e.l(`{"header":{"cluster_id":${t.digits(19)},"member_id":${t.digits(19)},"revision":88231,"raft_term":14},"kvs":[`);
  const ep = x.pw();
  e.s(`${kv('/config/payments/db_password', ep)},`, 'generic', ep);
  const eo = t.stripeLive();
  e.s(`${kv('/config/payments/stripe_key', eo)},`, 'stripe', eo);
  e.d(`${kv('/config/payments/feature_flags', '{"3ds":true,"apple_pay":false}')},`, 'base64 of json flags');
  e.d(`${kv('/config/payments/instance', t.uuid())}`, 'base64 of uuid');
  e.l('],"count":4}');

  const c = repo.file('ops/consul/kv-export-2026-02-20.json', 'kv-export');
  c.l('[');
  const cg = x.pw();
  c.s(`\t{"key": "service/grafana/admin_password", "flags": 0, "value": "${x.b64(cg)}"},`, 'generic', cg);
  const ct = t.gcpApiKey();
  c.s(`\t{"key": "service/web/google_maps_key", "flags": 0, "value": "${x.b64(ct)}"},`, 'gcp', ct);
  const cv = x.hvs();
  c.s(`\t{"key": "service/deployer/vault_token", "flags": 0, "value": "${x.b64(cv)}"},`, 'vault', cv);
  c.d(`\t{"key": "service/web/replicas", "flags": 0, "value": "${x.b64('3')}"},`, 'base64 of a number');
  c.d(`\t{"key": "service/web/release", "flags": 0, "value": "${x.b64(t.sha1())}"}`, 'base64 of git sha');
  c.l(']');

  const v = repo.file('ops/vault/audit/vault-audit.log', 'vault-audit');
  const req = (extra) =>
    JSON.stringify({
      time: x.ts(),
      type: 'request',
      auth: {
        client_token: x.hmac(),
        accessor: x.hmac(),
        display_name: 'approle',
        policies: ['default', 'payments'],
        token_type: 'service',
      },
      request: { id: t.uuid(), operation: 'read', path: 'secret/data/payments', remote_address: '10.4.1.17', ...extra },
    });
  v.d(req({}), 'hmac-sha256 audit values');
  v.d(
    JSON.stringify({
      time: x.ts(),
      type: 'response',
      auth: { client_token: x.hmac(), accessor: x.hmac() },
      request: { id: t.uuid(), path: 'secret/data/payments' },
      response: { data: { data: { stripe_key: x.hmac(), db_password: x.hmac() } } },
    }),
    'hmac-sha256 response data',
  );
  // A second audit device was added with log_raw=true while debugging; its lines hold clear values.
  const vr = x.hvs();
  v.s(
    JSON.stringify({
      time: x.ts(),
      type: 'response',
      auth: { client_token: vr, accessor: t.mixed(ALNUM, 24), display_name: 'approle' },
      request: { id: t.uuid(), path: 'auth/approle/login' },
    }),
    'vault',
    vr,
  );
  const vd = x.pw();
  v.s(
    JSON.stringify({
      time: x.ts(),
      type: 'response',
      request: { id: t.uuid(), path: 'database/static-creds/orders' },
      response: { data: { username: 'v-orders-static', password: vd, ttl: 86400 } },
    }),
    'generic',
    vd,
  );
}

// ---- Elasticsearch _bulk ----------------------------------------------------------------

function search(repo, t, x) {
  const f = repo.file('exports/elasticsearch/connectors_bulk.ndjson', 'ndjson');
  f.d(JSON.stringify({ index: { _index: 'connectors', _id: t.uuid() } }), 'bulk action with uuid');
  const es = x.esApiKey();
  f.s(JSON.stringify({ name: 'logs-shipper', service: 'elastic', api_key: es, created: x.ts() }), 'elastic', es);
  f.d(JSON.stringify({ index: { _index: 'connectors', _id: t.uuid() } }), 'bulk action with uuid');
  const asn = x.asana();
  f.s(JSON.stringify({ name: 'pm-sync', service: 'asana', token: asn, created: x.ts() }), 'asana', asn);
  f.d(JSON.stringify({ index: { _index: 'connectors', _id: t.uuid() } }), 'bulk action with uuid');
  f.d(
    JSON.stringify({ name: 'crm-sync', service: 'hubspot', token_last4: t.alnum(4), token_sha256: t.sha256() }),
    'last4 and hash',
  );
}

// ---- Firestore / DynamoDB ---------------------------------------------------------------

function nosqlExports(repo, t, x) {
  const f = repo.file('exports/firestore/tenants-2026-02.json', 'nosql-export');
  f.l('{', '  "tenants": {', `    "${t.mixed(ALNUM, 20)}": {`, '      "name": "Globex",');
  const ft = t.twilioToken();
  f.s(`      "twilio": { "accountSid": "${t.twilioSid()}", "authToken": "${ft}" },`, 'twilio', ft);
  f.d(
    `      "createdAt": { "__datatype__": "timestamp", "value": { "_seconds": 1770000000, "_nanoseconds": 0 } },`,
    'timestamp',
  );
  f.d(`      "webhookSecretHash": "${t.sha256()}"`, 'hash');
  f.l('    }', '  }', '}');

  const d = repo.file(
    'exports/dynamodb/AWSDynamoDB/01770000000000-' + t.hex(8) + '/data/' + t.lower(26) + '.json',
    'nosql-export',
  );
  const gsec = x.googleSecret();
  d.s(
    JSON.stringify({
      Item: {
        pk: { S: `TENANT#${t.uuid()}` },
        sk: { S: 'OAUTH#google' },
        clientId: { S: `${t.digits(12)}-${t.lower(32)}.apps.googleusercontent.com` },
        clientSecret: { S: gsec },
      },
    }),
    'gcp',
    gsec,
  );
  d.d(
    JSON.stringify({
      Item: {
        pk: { S: `USER#${t.uuid()}` },
        sk: { S: 'PROFILE' },
        passwordHash: { S: x.argon2() },
        version: { N: '4' },
      },
    }),
    'argon2 hash',
  );
  d.d(
    JSON.stringify({
      Item: {
        pk: { S: `USER#${t.uuid()}` },
        sk: { S: 'SECRET#kms' },
        ciphertext: { B: x.bytes(180).toString('base64') },
      },
    }),
    'kms ciphertext blob',
  );
  const sr = t.supabaseServiceRole();
  d.s(
    JSON.stringify({ Item: { pk: { S: `TENANT#${t.uuid()}` }, sk: { S: 'DB#supabase' }, serviceRoleKey: { S: sr } } }),
    'supabase',
    sr,
  );
}

// ---- backups ----------------------------------------------------------------------------

function backups(repo, t, x) {
  const m = repo.file('backups/manifest-2026-03-01.json', 'backup');
  m.l('{', '  "tool": "acme-backup 2.4.1",', '  "started": "2026-03-01T03:00:00Z",', '  "destination": {');
  m.l('    "type": "s3",', '    "bucket": "acme-db-backups",');
  const as = t.awsSecret();
  m.s(`    "secret_access_key": "${as}",`, 'aws', as);
  const enc = t.mixed(B64, 43) + '=';
  m.s(`    "encryption_passphrase": "${enc}"`, 'generic', enc);
  m.l('  },', '  "files": [');
  m.d(`    { "path": "shop_prod.sql.gz", "size": 88123456, "sha256": "${t.sha256()}" },`, 'checksum');
  m.d(`    { "path": "app-2026-02-14.sql.gz", "size": 23111011, "md5": "${t.pick(HEX, 32)}" },`, 'checksum');
  m.d(
    `    { "path": "mongodump.tar.zst", "size": 1120112, "blake3": "${t.sha256()}", "id": "${t.uuid()}" }`,
    'checksum',
  );
  m.l('  ]', '}');

  const p = repo.file('ops/pgbackrest/pgbackrest.conf', 'backup');
  p.l(
    '[global]',
    'repo1-type=s3',
    'repo1-s3-bucket=acme-pgbackrest',
    'repo1-s3-endpoint=s3.eu-west-1.amazonaws.com',
    'repo1-s3-region=eu-west-1',
  );
  const ps = t.awsSecret();
  p.s(`repo1-s3-key-secret=${ps}`, 'aws', ps);
  p.l('repo1-cipher-type=aes-256-cbc');
  const pc = t.mixed(B64, 44);
  p.s(`repo1-cipher-pass=${pc}`, 'generic', pc);
  p.l('', '[main]', 'pg1-path=/var/lib/postgresql/16/main');

  const rp = x.pw();
  const rr = repo.file('backups/restic/env.sh', 'backup');
  rr.l('export RESTIC_REPOSITORY=s3:s3.amazonaws.com/acme-restic');
  rr.s(`export RESTIC_PASSWORD='${rp}'`, 'generic', rp);
  rr.d('export RESTIC_PASSWORD_FILE=/etc/restic/password', 'file reference');
}
