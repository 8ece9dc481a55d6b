// Judgements of generic values, per language class: what is a credential and what only looks
// like one's place (references, code, type names, labels, placeholders).

import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  isCredentialStore,
  isDocumentationHost,
  isIdentifierName,
  isPasswordKey,
  isStandInPhrase,
  isRealHost,
  isSecretKey,
  judgeGenericValue,
  judgePasswordValue,
  looksLikeIdentifier,
  readsRandom,
  rejectsOnShape,
} from '../../src/detect/generic-value.js';

describe('judgePasswordValue', () => {
  it.for([
    ['config files', 'DB_PASSWORD', 'Tr0ub4dor-Zq81', undefined, '.env'],
    ['Python', 'passwd', 'Xk9!qLm2Rt', '"', 'app/db.py'],
    ['Go', 'password', 'Wq9-vLm2Rt', '"', 'cmd/main.go'],
    ['Java/Kotlin', 'PASSWORD', 'Hx7q!m2Pz9', '"', 'src/Main.kt'],
    ['C#', 'Password', 'Rk4#pLw9zq', '"', 'App.cs'],
    ['PHP single quotes', '$dbpasswd', 'mUq4p$81zz', "'", 'config.php'],
    ['Rust', 'password', 'Tq7mZ2xLk9', '"', 'src/main.rs'],
    ['YAML keeps $ literally', 'password', 'super$ecret', '"', 'config.yml'],
  ] as const)('accepts a real password in %s', ([, key, value, quote, path]) => {
    expect(judgePasswordValue(value, key, { ...(quote ? { quote } : {}), path })).toBe('ok');
  });

  it.for([
    ['weak words', 'pass123'],
    ['a lone word', 'swordfish'],
    ['admin', 'admin'],
    ['a keyboard walk with a name', 'abuser123456'],
    ['a password spelled out with digits', 'AdminPassword123'],
  ] as const)('calls %s weak, which is still reported as a leak', ([, value]) => {
    expect(judgePasswordValue(value, 'password', { quote: '"' })).toBe('weak');
  });

  it.for([
    ['the name repeated', 'password'],
    ['RFC 7617 example', 'open sesame'],
    ['a stand-in phrase', 'thisismypassword'],
    ['a named stand-in', 'smtp_password'],
    ['EXAMPLE', 'ExamplePass1'],
    ['repeated pairs', 'abababab'],
  ] as const)('calls %s a placeholder (a note)', ([, value]) => {
    expect(judgePasswordValue(value, 'password', { quote: '"' })).toBe('placeholder');
  });

  it('calls "your password" in other languages a placeholder, and a weak one with digits weak', () => {
    for (const value of ['votre_mot_de_passe', 'IhrPasswortHier', 'tu_contraseña_aqui', 'パスワードを入力'])
      expect(judgePasswordValue(value, 'password'), value).toBe('placeholder');
    expect(judgePasswordValue('Passwort2024', 'password')).toBe('weak');
  });

  it('rejects a PowerShell cmdlet that reads or makes the value', () => {
    for (const value of ['Read-Host', 'Get-Secret', 'ConvertTo-SecureString'])
      expect(judgePasswordValue(value, 'pw'), value).toBe('reject');
    expect(judgePasswordValue('Read-Host7!x', 'pw')).not.toBe('reject');
  });

  it('calls a value the shell would interpolate a placeholder: the file does not hold the password used', () => {
    expect(judgePasswordValue('super$ecret', 'password', { quote: '"', path: 'deploy.sh' })).toBe('placeholder');
  });

  it('calls a product default a default: in use only where a host or a credential store says so', () => {
    expect(judgePasswordValue('minioadmin', 'MINIO_SECRET', { quote: '"' })).toBe('reject'); // not a password name
    expect(judgePasswordValue('guest', 'password', { quote: '"' })).toBe('default');
  });

  it.for([
    ['a template', '${DB_PASSWORD}', '"', '.env'],
    ['an environment lookup', 'os.environ["X"]', undefined, 'notes.txt'],
    ['process.env', 'process.env.DB_PASSWORD', undefined, 'notes.txt'],
    ['an angle-bracket placeholder', '<your-password>', '"', 'README.md'],
    ['a bare identifier in code', 'self.password', undefined, 'app.py'],
    ['a function call', 'getPassword(user)', undefined, 'notes.txt'],
    ['null', 'null', undefined, 'config.json'],
    ['None', 'None', undefined, 'notes.txt'],
    ['a file path', '/etc/secrets/db', '"', 'config.yml'],
    ['an i18n label', 'Password', '"', 'en.json'],
    ['a Rust type', '&str', undefined, 'notes.txt'],
    ['changeme', 'changeme', '"', 'config.yml'],
    ['xxxx', 'xxxxxxxx', '"', 'config.yml'],
    ['a Windows variable', '%TestSourcePassword%', '"', 'nuget.config'],
    ['masked', '********', '"', 'config.yml'],
  ] as const)('rejects %s', ([, value, quote, path]) => {
    expect(judgePasswordValue(value, 'password', { ...(quote ? { quote } : {}), path })).toBe('reject');
  });
});

describe('judgeGenericValue', () => {
  it.for([
    ['an env file', 'API_KEY', 'q8Zr2Lx0Vt6mWc4Ny1Kp9Bs3', 'app.env'],
    ['Go', 'secretKey', 'Vq3x_Lm8Rt2zKp0wYc6hNb4d', 'main.go'],
    ['Swift', 'apiToken', 'Zt81Qm2xLp0Vc7Nb3Kw9Rs4y', 'Config.swift'],
    ['a log line with a bare KEY', 'KEY', 'q8Zr2Lx0Vt6mWc4Ny1Kp9Bs3', 'app.log'],
    ["a vendor's key", 'paymongo_key', 'Vq3xLm8Rt2zKp0wYc6hNb4dQ', 'config.py'],
  ] as const)('accepts a machine secret in %s', ([, key, value, path]) => {
    expect(judgeGenericValue(value, key, { quote: '"', path })).toBe(true);
  });

  it.for([
    ['a hash of nothing', 'token', 'd41d8cd98f00b204e9800998ecf8427e'],
    ['base64 of plain words', 'secret_key', Buffer.from('just some sample words here').toString('base64')],
    ['a placeholder', 'SECRET_KEY', 'your-secret-key-here'],
    ['xxxx', 'api_key', 'xxxxxxxxxxxxxxxxxxxx'],
    ['an EXAMPLE value', 'api_key', 'AKIAIOSFODNN7EXAMPLE'],
    ['an identifier', 'key', 'user-profile-settings'],
    ['a bare KEY with a modest value', 'KEY', 'abc123def456'],
    ['a sort key', 'sort_key', 'Vq3xLm8Rt2zKp0wYc6hNb4dQ'],
    ['a cache key in hex', 'user_cache_key', '7d1c0e9a4b8f2c6e3a5d9b0f1e7c4a2d'],
    ['a type name', 'token_type', 'Bearer'],
    ['a URL without credentials', 'token_url', 'https://auth.example.com/token'],
  ] as const)('rejects %s', ([, key, value]) => {
    expect(judgeGenericValue(value, key, { quote: '"', path: 'config.yml' })).toBe(false);
  });
});

describe('names, hosts and stores', () => {
  it('knows short and decorated password names', () => {
    for (const name of ['pw', 'pwd', 'pswd', 'passwd', 'X3_PSWD', 'db.pass', 'dbPassword'])
      expect(isPasswordKey(name)).toBe(true);
    for (const name of ['password_length', 'passport', 'bypass', 'forgotPassword'])
      expect(isPasswordKey(name)).toBe(false);
    // A digest of the password, or the setting naming how it is stored (ClickHouse, Postgres).
    for (const name of ['password_sha256_hex', 'password_double_sha1_hex', 'password_encryption'])
      expect(isPasswordKey(name)).toBe(false);
    expect(isSecretKey('auth_token')).toBe(true);
    expect(isSecretKey('Authorization')).toBe(true);
    expect(isSecretKey('token_type')).toBe(false);
    expect(isSecretKey('authorization_url')).toBe(false);
    // A search key is public by design (Algolia, Meilisearch); a search token or secret is not.
    for (const name of ['ALGOLIA_SEARCH_KEY', 'searchKey', 'search_only_api_key'])
      expect(isSecretKey(name), name).toBe(false);
    for (const name of ['DOCS_SEARCH_TOKEN', 'SEARCH_SECRET', 'SEARCH_ADMIN_KEY'])
      expect(isSecretKey(name), name).toBe(true);
  });

  it('reads names written without separators as their words when the first one qualifies a credential', () => {
    for (const name of ['jwtsecret', 'JWTSECRET', 'appsecret', 'apitoken', 'sessionsecret', 'hmackey', 'bottoken'])
      expect(isSecretKey(name), name).toBe(true);
    // A key that is not a credential, a pagination or CSRF token, and a word that merely ends in "key".
    for (const name of ['sortkey', 'primarykey', 'pagetoken', 'csrftoken', 'publickey', 'monkey', 'turkey', 'passkey'])
      expect(isSecretKey(name), name).toBe(false);
  });

  it('tells real hosts from loopback, documentation and compose service names', () => {
    for (const host of ['db.prod.corp.net', 'ds048537.mongolab.com', '10.20.0.5']) expect(isRealHost(host)).toBe(true);
    for (const host of [
      'localhost',
      '127.0.0.1',
      'example.com',
      'api.example.org',
      'db',
      'svc.local',
      '192.0.2.7',
      undefined,
    ])
      expect(isRealHost(host)).toBe(false);
  });

  it('tells documentation hosts (where a guessable password is made up) from localhost', () => {
    for (const host of ['www.example.com', 'db.example', 'svc.test', '203.0.113.9'])
      expect(isDocumentationHost(host)).toBe(true);
    for (const host of ['localhost', 'db.prod.corp.net', undefined]) expect(isDocumentationHost(host)).toBe(false);
  });

  it('knows the credential stores', () => {
    for (const path of [
      '.git-credentials',
      'home/.netrc',
      'db/.pgpass',
      '.npmrc',
      '.docker/config.json',
      'etc/shadow',
      'web/.htpasswd',
    ])
      expect(isCredentialStore(path)).toBe(true);
    for (const path of ['README.md', 'src/netrc.ts', 'config.yml']) expect(isCredentialStore(path)).toBe(false);
    for (const path of [
      'db/dbeaver-data-sources.xml',
      '.dbeaver/data-sources.json',
      'ws/.metadata/.plugins/org.jkiss.dbeaver.core/data-sources.xml',
      'FileZilla/sitemanager.xml',
      'filezilla.xml',
    ])
      expect(isCredentialStore(path)).toBe(true);
    for (const path of ['src/data-sources.xml', 'dbeaver.md']) expect(isCredentialStore(path)).toBe(false);
  });

  it('tells stand-in phrases (made up anywhere) from bare weak words (a leak in a credential store)', () => {
    for (const value of [
      'your_password',
      '<password>',
      'changeme',
      'xxxxxxxx',
      'ExamplePass1',
      'dummy-pass',
      'irc_pass',
      'mysecret',
      'thisismypassword',
      'open sesame',
      '${PGPASS}',
    ])
      expect(isStandInPhrase(value)).toBe(true);
    for (const value of ['password', 'secret', 'testpass', 'hunter22', 'letmein', 'Tr0ub4dor-Zq81'])
      expect(isStandInPhrase(value)).toBe(false);
    // A part of digits after the name is how people make up a password they then use.
    for (const value of ['db_pass_live_42', 'svc_pass_stg_19', 'password_123'])
      expect(isStandInPhrase(value)).toBe(false);
    expect(isStandInPhrase('db_pass_live')).toBe(true);
  });
});

describe('rejectsOnShape', () => {
  it('rejects templates and literal non-values before anything is built, and nothing else', () => {
    for (const value of [
      '${DB_PASSWORD}',
      '{{ vault_pw }}',
      '$(cat /run/secret)',
      '<password>',
      'null',
      'None',
      'undefined',
    ])
      expect(rejectsOnShape(value)).toBe(true);
    for (const value of ['Xk9!qLm2Rt', '$2y$12$abc', 'q8Zr2Lx0Vt6mWc4Ny1Kp9Bs3', 'nonesuch-Zq81'])
      expect(rejectsOnShape(value)).toBe(false);
  });
});

describe('random tokens under credential names', () => {
  // Alphanumerics whose case-split fragments hold vowels, which the identifier test alone reads as names.
  it.for(['J2LhAWCHOt9jIpgv9Udr0xIo', 'GeHTYXZqZPs7vMhZ0nxCLEGc', 'Zo4Kepi9UvaXo2BedaLu7Ri3'])(
    'reads %s as random',
    (value) => {
      expect(readsRandom(value)).toBe(true);
    },
  );

  it.for([
    'base64EncodedKey',
    'oauth2ClientToken',
    'userProfile2Settings',
    'sha256HmacDigest',
    'h264Video1080pStream',
    'AES256GCMKey128Bits',
  ])('reads the name %s as a name', (value) => {
    expect(readsRandom(value)).toBe(false);
  });

  it.for(['Tiger08_NeAyUt1P', 'Raven92N77S4Zoh', 'Ember82Y5gWIm38'])(
    'reads %s, a word and random pieces, as random rather than a name',
    (value) => {
      expect(looksLikeIdentifier(value)).toBe(false);
      expect(judgeGenericValue(value, 'webhook_secret', { quote: '"' })).toBe(true);
    },
  );

  it.for(['userIdByName', 'app_v2_s3_bucket', 'getUserIdByRegion2', 'ec2InstanceKeyName', 'k8sSecretRef'])(
    'still reads %s, made of short words and abbreviations, as a name',
    (value) => {
      expect(looksLikeIdentifier(value)).toBe(true);
    },
  );

  it('accepts a random value under a credential name that the identifier test misreads', () => {
    const value = 'Kepi9UvaXoneBeda7LuriZomaQ3';
    expect(looksLikeIdentifier(value)).toBe(true);
    expect(judgeGenericValue(value, 'api_key', { quote: '"' })).toBe(true);
    expect(judgeGenericValue(value, 'authToken', { quote: '"' })).toBe(true);
  });

  it('keeps the higher bar for a bare value and for a vendor-style `…_key` name', () => {
    const value = 'Kepilo9UvaroXoneBedazu7';
    expect(judgeGenericValue(value, undefined, { quote: '"' })).toBe(false);
    expect(judgeGenericValue('userProfile2Settings', 'api_key', { quote: '"' })).toBe(false);
  });
});

describe('values with a scheme, Azure shared access keys and random hex', () => {
  it('judges the credential after a Bearer or Token scheme', () => {
    expect(judgeGenericValue(`Bearer ${'2b9905386caf3bb3eace0a7253f15b78fd876ce0'}`, 'token', { quote: '"' })).toBe(
      true,
    );
    expect(judgeGenericValue('Bearer ${TOKEN}', 'token', { quote: '"' })).toBe(false);
  });

  it('takes 32 or 64 bytes of base64 under a primary or secondary key name, and nothing else there', () => {
    expect(judgeGenericValue('oxbRMSzlrlEWmKeefytvoJMICkngN1/enaJD/DPs4rs=', 'primary_key', { quote: '"' })).toBe(true);
    expect(
      judgeGenericValue('oxbRMSzlrlEWmKeefytvoJMICkngN1/enaJD/DPs4rs=', 'secondaryAccessKey', { quote: '"' }),
    ).toBe(true);
    expect(judgeGenericValue('customer_id', 'primary_key', { quote: '"' })).toBe(false);
    expect(judgeGenericValue('oxbRMSzlrlEWmKeefytvoJMICkngN1enaJDDPs4rs', 'primary_key', { quote: '"' })).toBe(false);
  });

  it('does not take two letter-digit pairs in random hex for a keyboard walk', () => {
    const hex = '57c1c3f9e9734c59c1181b2c3016dd539d015f4ae50756fc4b1a4bed0166959c';
    expect(judgeGenericValue(hex, 'secret_key_base', { quote: '"' })).toBe(true);
    expect(judgeGenericValue('a1b2c3d4e5f6a1b2c3d4e5f6', 'secret_key_base', { quote: '"' })).toBe(false);
  });
});

describe('unquoted values in source code', () => {
  it('rejects a variable or a member access', () => {
    expect(judgePasswordValue('dbSettings', 'password', { path: 'App.cs' })).toBe('reject');
    expect(judgePasswordValue('config.db.password', 'password', { path: 'app.py' })).toBe('reject');
    expect(judgeGenericValue('Zo4Kepi9UvaXo2BedaLu7Ri3', 'api_key', { path: 'main.go' })).toBe(false);
  });

  it('accepts a value no identifier could be: the tail of a string such as Password=…; in a connection string', () => {
    expect(judgePasswordValue('Blue1996@uA', 'Password', { path: 'App.cs' })).toBe('ok');
    expect(judgePasswordValue('k8#Vw2!qLz', 'pwd', { path: 'src/Db.java' })).toBe('ok');
  });

  it('accepts any value where the pattern places it inside a literal (after `Bearer ` in a header)', () => {
    expect(judgeGenericValue('TNQni1h1fInfgw9mq2U4e275', 'bearer', { path: 'main.go', literal: true })).toBe(true);
    expect(judgeGenericValue('TNQni1h1fInfgw9mq2U4e275', 'bearer', { path: 'main.go' })).toBe(false);
  });
});

describe('password hashes', () => {
  it('are a leak in a credential store or a SQL dump, a note in code, exports and service configuration', async () => {
    const { validators } = await import('../../src/detect/validators.js');
    const judge = (path: string) => validators['password-hash-store']('$6$salt$hash', { groups: {}, path });
    const medium = { ok: true, confidence: 'medium' };
    expect(judge('etc/shadow')).toEqual(medium);
    expect(judge('db/dump.sql')).toEqual(medium);
    // The detector's own confidence (low) stands: a note.
    expect(judge('ops/haproxy/haproxy.cfg')).toBe(true);
    expect(judge('envs/staging/terraform.tfstate')).toBe(true);
    expect(judge('src/seed.ts')).toBe(true);
    // An export, a fixture or a document store's JSON: the hash does not log in anywhere.
    expect(judge('exports/csv/users_2026-02-28.csv')).toBe(true);
    expect(judge('exports/mongo/users.json')).toBe(true);
    expect(judge('etc/proftpd/ftpd.passwd')).toEqual(medium);
    // A test seed's SQL is a fixture, not a dump of a live table.
    expect(judge('db/seeds/test/users.sql')).toBe(true);
    // So are a migration's and a seed file's users.
    expect(judge('db/migrations/V12__seed_admin.sql')).toBe(true);
    expect(judge('src/main/resources/db/migration/V3__backoffice_users.sql')).toBe(true);
    expect(judge('db/seed/dev_operators.sql')).toBe(true);
    expect(judge('backups/2019/booking_settings_dump.sql')).toEqual(medium);
  });

  it('are a note in the configuration files network devices and appliances save', async () => {
    const { validators } = await import('../../src/detect/validators.js');
    const judge = (path: string) => validators['password-hash-store']('$6$salt$hash', { groups: {}, path });
    for (const path of [
      'configs/juniper/srx-branch07.set',
      'configs/vyos/config.boot',
      'backups/pfsense/config.xml',
      'backups/config-fw01.corp-20250301.xml',
      'configs/paloalto/running-config.xml',
    ])
      expect(judge(path), path).toBe(true);
    // So is any other XML export.
    expect(judge('exports/users.xml')).toBe(true);
  });
});

describe('values and names that are not credentials', () => {
  it('reads a salt that starts with a slash as a value, and a path as none', () => {
    expect(judgeGenericValue('/+6K#q]Lm2Vx9|Pz-4tR8w!Yb3N@c7sJk1F^hD0gQ5eW&uI*oA', 'AUTH_KEY', { quote: "'" })).toBe(
      true,
    );
    expect(judgeGenericValue('/run/secrets/api_token', 'secret_file', { quote: '"' })).toBe(false);
  });

  it('rejects CloudFormation intrinsics, lower-case paths and BuildKit specs as values', () => {
    for (const value of ['!Ref MasterPassword', 'kv/data/orders', 'database/creds/orders', 'id=npm,env=NPM_TOKEN'])
      expect(judgeGenericValue(value, 'secret', { quote: '"', path: 'deploy.yml' }), value).toBe(false);
    expect(judgePasswordValue('!Ref', 'MasterUserPassword', { path: 'rds.yaml' })).toBe('reject');
  });

  it('rejects Azure Key Vault and App Configuration references and Secret Manager bindings as values', () => {
    for (const value of [
      '@Microsoft.KeyVault(SecretUri=https://orders-kv.vault.azure.net/secrets/stripe/)',
      '@Microsoft.KeyVault(VaultName=orders-kv;SecretName=stripe-key)',
      '@Microsoft.AppConfiguration(Endpoint=https://orders.azconfig.io; Key=payments:stripe)',
      'OPENAI_API_KEY=openai-key:latest',
      'STRIPE_SECRET=stripe-secret:3,DB_PASS=projects/orders-prod/secrets/db-pass:latest',
      '/etc/secrets/api=api-key:latest',
    ])
      expect(judgeGenericValue(value, 'secret', { quote: '"', path: 'deploy.yml' }), value).toBe(false);
    expect(judgePasswordValue('db-pass:latest', 'DB_PASS', { path: 'cloudbuild.yaml' })).toBe('reject');
    // A password that merely ends in a colon and digits is still one.
    expect(judgePasswordValue('Quartz-Fox:2024', 'DB_PASS', { path: 'cloudbuild.yaml' })).not.toBe('reject');
  });

  it('reads a value that says it is for tests as made up, and Maven ciphertext as no value', () => {
    expect(judgePasswordValue('P@ssw0rd-for-unit-tests', 'password', { quote: '"', path: 'Fixtures.cs' })).toBe(
      'placeholder',
    );
    expect(judgePasswordValue('Contest2024!', 'password', { quote: '"', path: 'deploy.yml' })).toBe('ok');
    expect(judgePasswordValue('{COQLCE6DU6GtcS5P=}', 'passphrase', { path: 'settings.xml' })).toBe('reject');
  });

  it('reads a public site key (reCAPTCHA, Turnstile) as no credential name', () => {
    expect(judgeGenericValue('6LedGvgz00sc6tRAl8WlpHyXAmf2TH0gXn8OMpD2', 'RECAPTCHA_SITE_KEY', { quote: "'" })).toBe(
      false,
    );
  });

  it('reads an OpenPGP message (Renovate encrypted values) as no value, by its first packet', () => {
    // A v3 public-key session key packet (tag 1, new format, two-octet length), RSA, then the rest.
    const pkesk = Buffer.concat([
      Buffer.from([0xc1, 0xc1, 0x4c, 0x03]),
      randomBytes(8),
      Buffer.from([0x01]),
      randomBytes(200),
    ]);
    expect(judgeGenericValue(pkesk.toString('base64'), 'token', { quote: '"', path: 'renovate.json' })).toBe(false);
    // The same bytes without a packet header are judged like any other value.
    const plain = Buffer.concat([Buffer.from([0x41, 0x42]), randomBytes(211)]);
    expect(judgeGenericValue(plain.toString('base64'), 'token', { quote: '"', path: 'renovate.json' })).toBe(true);
  });

  it('reads sealed-secrets ciphertext as no value, by its structure', () => {
    const sealed = (keyBytes: number, payload: number): string =>
      Buffer.concat([Buffer.from([keyBytes >> 8, keyBytes & 255]), randomBytes(keyBytes + payload)]).toString('base64');
    // A 2048-bit sealing key (a 4096-bit one makes values longer than any generic secret).
    expect(judgeGenericValue(sealed(256, 40), 'SLACK_TOKEN', { path: 'sealed.yaml' })).toBe(false);
    // The same length of random base64 without the header is judged like any other value.
    // (Fixed bytes: a random draw is occasionally something else, such as a value of a made-up shape.)
    const plain = Buffer.concat(
      [0, 1, 2, 3, 4].map((i) => createHash('sha512').update(`generic/sealed-control/${i}`).digest()),
    ).subarray(0, 300);
    expect(judgeGenericValue(plain.toString('base64'), 'SLACK_TOKEN', { path: 'app.yaml' })).toBe(true);
    // A base64 value may start with `+` or `/`: outside code that is no concatenation.
    expect(judgeGenericValue(`+${plain.toString('base64').slice(1, 40)}`, 'aws_secret', { path: 'k8s.yaml' })).toBe(
      true,
    );
  });

  it('does not read a key-derivation, bucketing or per-user salt or a password manager product as a credential name', () => {
    expect(isPasswordKey('1Password')).toBe(false);
    expect(isSecretKey('Argon2-Salt')).toBe(false);
    expect(isSecretKey('pbkdf2_salt')).toBe(false);
    expect(isSecretKey('AUTH_SALT')).toBe(true);
    expect(isSecretKey('LOGGED_IN_SALT')).toBe(true);
    expect(isSecretKey('hash_salt')).toBe(true); // Drupal's: signs one-time login links
    // An experiment's bucketing salt and a per-user password salt are stored in the clear.
    for (const name of ['bucketingSalt', 'password_salt', 'experiment_salt'])
      expect(isSecretKey(name), name).toBe(false);
    expect(isPasswordKey('community.general.onepassword')).toBe(false);
    expect(isPasswordKey('LASTPASS_USER')).toBe(false);
  });
});

describe('validators for values the pattern places inside a literal', () => {
  it('credential-value judges a password name as a password and any other name as a secret', async () => {
    const { validators } = await import('../../src/detect/validators.js');
    const judge = (secret: string, keyName: string, path = 'app.config') =>
      validators['credential-value'](secret, { groups: {}, keyName, path });
    expect(judge('Hx7q!m2Pz9', 'password')).toBe(true);
    expect(judge('thisismypassword', 'password')).toEqual({ ok: true, confidence: 'low' });
    expect(judge('Zo4Kepi9UvaXo2BedaLu7Ri3', 'ApiKey', 'Settings.cs')).toBe(true);
    expect(judge('X-Api-Key', 'ApiKeyHeader')).toBe(false);
    expect(judge('user-profile-settings', 'cache.key')).toBe(false);
  });

  it('a bare weak word is a leak in a credential store and a note elsewhere; a stand-in phrase is a note everywhere', async () => {
    const { validators } = await import('../../src/detect/validators.js');
    const low = { ok: true, confidence: 'low' };
    expect(validators['password-value']('password', { groups: {}, keyName: 'password', path: 'home/.esmtprc' })).toBe(
      true,
    );
    expect(
      validators['password-value']('password', { groups: {}, keyName: 'password', path: 'config/mail.conf' }),
    ).toEqual(low);
    expect(
      validators['password-value']('your_password', { groups: {}, keyName: 'password', path: 'home/.esmtprc' }),
    ).not.toBe(true);
    const uri = (secret: string, user: string, host: string, path = 'config/app.yml') =>
      validators['uri-password'](secret, { groups: { user, host }, keyName: undefined, path });
    expect(uri('secret', 'root', 'localhost', 'db/.pgpass')).toBe(true);
    expect(uri('postgres', 'postgres', 'localhost', 'db/.pgpass')).toEqual(low);
    expect(uri('testpass', 'qa_runner', 'ds061234.mlab-host.net')).toBe(true);
    expect(uri('password', 'qa_runner', 'ds061234.mlab-host.net')).toEqual(low);
    expect(uri('testpass', 'user', 'ds061234.mlab-host.net')).toEqual(low);
    expect(uri('testpass', 'qa_runner', 'localhost')).toEqual(low);
  });

  it('generic-literal and password-value-literal do not read an unquoted value in code as a variable', async () => {
    const { validators } = await import('../../src/detect/validators.js');
    expect(
      validators['generic-literal']('TNQni1h1fInfgw9mq2U4e275', { groups: {}, keyName: 'bearer', path: 'main.go' }),
    ).toBe(true);
    expect(
      validators['generic-value']('TNQni1h1fInfgw9mq2U4e275', { groups: {}, keyName: 'bearer', path: 'main.go' }),
    ).toBe(false);
    expect(
      validators['password-value-literal']('Wq9vLm2Rt', { groups: {}, keyName: 'db.password', path: 'App.java' }),
    ).toBe(true);
    expect(validators['password-value']('Wq9vLm2Rt', { groups: {}, keyName: 'db.password', path: 'App.java' })).toBe(
      false,
    );
  });
});

describe('product defaults', () => {
  it("reads Cisco's factory login (cisco/cisco) as a product default", () => {
    expect(judgePasswordValue('cisco', 'password', { path: 'rancid/.cloginrc' })).toBe('default');
  });

  it("reads FreeRADIUS's shipped client secret (testing123) as a product default", () => {
    expect(judgePasswordValue('testing123', 'password', { path: 'raddb/clients.conf' })).toBe('default');
  });
});

describe('names and values from company monorepos', () => {
  const hex = (n: number): string => randomBytes(n / 2).toString('hex');

  it('reads a hex value as a hash only under a hash word, not a name that contains one', () => {
    expect(
      judgeGenericValue('9f3ac1e7d2b8465f0a9c3e1d7b2f8a46c0e9d3b1a7f2c8e4d6b0a9f3c1e7d2b8', 'SHARED_SECRET', {
        quote: '"',
      }),
    ).toBe(true);
    expect(judgeGenericValue(hex(64), 'commit_sha', { quote: '"' })).toBe(false);
  });

  it('takes 32-64 random hex digits under a vendor `…_key`, not under a bare key, a test key or sentry_key', () => {
    const key = '9f3ac1e7d2b8465f0a9c3e1d7b2f8a46';
    expect(judgeGenericValue(key, 'content_key', { quote: '"' })).toBe(true);
    expect(judgeGenericValue(key, 'key', { quote: '"' })).toBe(false);
    expect(judgeGenericValue(key + key, 'TEST_KEY', { quote: '"' })).toBe(false);
    expect(judgeGenericValue(key, 'sentry_key', { quote: '"' })).toBe(false);
  });

  it('knows the public keys and ids that credential-looking names carry', () => {
    expect(isSecretKey('search-api-key')).toBe(false);
    expect(isSecretKey('SOCIAL_AUTH_OKTA_OPENIDCONNECT_KEY')).toBe(false);
    expect(isSecretKey('SOCIAL_AUTH_OKTA_OPENIDCONNECT_SECRET')).toBe(true);
    expect(isSecretKey('X-Shopify-Hmac-Sha256')).toBe(false);
    expect(isSecretKey('hmac_secret')).toBe(true);
    expect(isSecretKey('mixpanel_project_token')).toBe(false);
    expect(isSecretKey('checkout_token')).toBe(false);
    expect(isPasswordKey('admin.passwordMtime')).toBe(false);
    expect(isIdentifierName('MUX_TOKEN_ID')).toBe(true);
    expect(isIdentifierName('MUX_TOKEN_SECRET')).toBe(false);
  });

  it('drops analytics SDK keys inside a mobile app, and keeps them elsewhere', () => {
    const key = 'ZEFGq7Lm2xVt9RkPz4NcB8wYa3HdJ6sU';
    expect(judgeGenericValue(key, 'SegmentWriteKey', { path: 'ios/App/Info.plist', literal: true })).toBe(false);
    expect(judgeGenericValue(key, 'BRAZE_API_KEY', { path: 'ios/Config/App.xcconfig', literal: true })).toBe(false);
    expect(judgeGenericValue(key, 'BRAZE_API_KEY', { path: 'services/crm/.env', literal: true })).toBe(true);
  });

  it('rejects settings, signatures and calls where a value goes', () => {
    expect(judgeGenericValue('METHOD=SAMPLE-AES', 'EXT-X-SESSION-KEY', {})).toBe(false);
    expect(judgeGenericValue(hex(64), 'hmac', { quote: '"' })).toBe(false);
    expect(judgePasswordValue('warehouse.sftp.password', 'PASSWORD_PROPERTY', { quote: '"' })).toBe('reject');
    expect(judgePasswordValue('rstudioapi::askForPassword(', 'pwd', { literal: true })).toBe('reject');
    expect(judgePasswordValue('forge', 'password', { quote: "'" })).toBe('default');
  });

  it('keeps a base64 literal that starts with a plus in code', () => {
    const value = '+gmEq9xLm2PzR4tW8vB1nC6yTqKq9xLm2PzR4tW8vB1nC6yT';
    expect(judgeGenericValue(value, 'SECRET_KEY_BASE', { path: 'config/runtime.exs', quote: '"' })).toBe(true);
    expect(judgeGenericValue('+suffix+', 'SECRET_KEY_BASE', { path: 'config/runtime.exs', quote: '"' })).toBe(false);
  });
});

describe('short secrets', () => {
  it('accepts an 8- to 11-character random secret under a secret name, and nothing word-like', () => {
    expect(judgeGenericValue('yFNmQpLx3z', 'client-secret')).toBe(true);
    expect(judgeGenericValue('PIl9mZ2q', 'CLIENT_SECRET')).toBe(true);
    expect(judgeGenericValue('Summer2024', 'client_secret')).toBe(false);
    expect(judgeGenericValue('MyPassw0rd', 'app_secret')).toBe(false);
    expect(judgeGenericValue('yFNmQpLx3z', 'api_key')).toBe(false); // only under a secret's name
    expect(judgeGenericValue('yFNmQpLx3z', 'secret_name')).toBe(false);
    expect(judgeGenericValue('release42', 'client_secret')).toBe(false);
  });
});
