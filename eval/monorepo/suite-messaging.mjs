// Red-team suite "messaging": mail and chat servers and clients as configured in repositories and
// dotfiles — Postfix (sasl_passwd, main.cf, SQL maps, transport), Dovecot (passwd-file, SQL
// connect), Exim, OpenDKIM keys, Roundcube, SOGo, SnappyMail, mutt/neomutt, msmtp, fetchmail,
// offlineimap, mbsync, aerc, Thunderbird, Matrix Synapse and bridges, Mattermost, Rocket.Chat,
// Zulip, ZNC, Limnoria, Sopel, irssi, WeeChat, Prosody, ejabberd, Discord/Telegram/Slack/Teams
// bots in several languages, Mailgun/SendGrid/Postmark/SES/Brevo/MailerSend SMTP and API
// credentials in app configs, SMTP URLs and .eml bodies — with password hashes, DKIM public keys,
// DKIM/ARC signatures, Message-IDs, unsubscribe tokens, Matrix room and event ids, chat object
// ids, encrypted stores, placeholders and password commands as decoys. Every value is drawn from
// the seeded PRNG at run time.
import { crc32 } from 'node:zlib';
import { ALNUM, DIGIT, LOWER, UPPER, URLSAFE, Repo, makeTokens, mulberry32 } from './generate.mjs';

const BASE62 = DIGIT + UPPER + LOWER;
const CRYPT64 = './' + DIGIT + UPPER + LOWER;
const BCRYPT64 = './' + UPPER + LOWER + DIGIT;
// Mattermost's model.NewId / NewRandomString alphabet (base32 with a custom alphabet).
const MM32 = 'ybndrfg8ejkmcpqxot1uwisza345h769';
// Synapse's random_string_with_symbols alphabet.
const SYNAPSE_SYM = ALNUM + '.,;:^&*-_+=#~@';

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 7919 + 113);
  const t = makeTokens(rand);
  const repo = new Repo();
  const bytes = (n) => Buffer.from(Array.from({ length: n }, () => Math.floor(rand() * 256)));

  // ---- value shapes -----------------------------------------------------------------------
  const pw = () => t.password();
  // For formats where '#' opens a comment or a URL would need escaping.
  const pwA = () => t.password().replace(/[^A-Za-z0-9]/g, '');
  const gmailApp = () => t.pick(LOWER, 16);
  const spaced = (s) => s.match(/.{4}/g).join(' ');
  const base62 = (n, width) => {
    let s = '';
    while (n > 0) {
      s = BASE62[n % 62] + s;
      n = Math.floor(n / 62);
    }
    return s.padStart(width, '0');
  };
  // Synapse access token: syt_<unpadded urlsafe b64 localpart>_<20 letters>_<base62 crc32 of the rest>.
  const matrixToken = (localpart, prefix = 'syt') => {
    const base = `${prefix}_${Buffer.from(localpart).toString('base64url')}_${t.pick(UPPER + LOWER, 20)}`;
    return `${base}_${base62(crc32(Buffer.from(base, 'ascii')), 6)}`;
  };
  const synapseSecret = () => t.mixed(SYNAPSE_SYM, 50);
  const mmId = () => t.mixed(MM32, 26);
  const mmKey = () => t.mixed(MM32, 32);
  const snowflake = () => `1${t.pick(DIGIT, 17)}`;
  const discordToken = () =>
    `${Buffer.from(snowflake()).toString('base64').replace(/=+$/, '')}.${t.mixed(URLSAFE, 6)}.${t.mixed(URLSAFE, 38)}`;
  const discordHook = () => `https://discord.com/api/webhooks/${snowflake()}/${t.mixed(URLSAFE, 68)}`;
  const telegram = () => `${t.digits(10)}:AA${t.mixed(URLSAFE, 33)}`;
  const xoxp = () => `xoxp-${t.digits(12)}-${t.digits(12)}-${t.digits(13)}-${t.hex(32)}`;
  const xapp = () => `xapp-1-A${t.mixed(UPPER + DIGIT, 10)}-${t.digits(13)}-${t.hex(64)}`;
  const teamsHook = () =>
    `https://acmecorp.webhook.office.com/webhookb2/${t.uuid()}@${t.uuid()}/IncomingWebhook/${t.hex(32)}/${t.uuid()}`;
  const mailgun = () => `key-${t.hex(32)}`;
  const mailgunNew = () => `${t.hex(32)}-${t.hex(8)}-${t.hex(8)}`;
  // SES SMTP password: base64 of version byte 0x04 and a 32-byte HMAC, 44 characters.
  const sesSmtp = () => Buffer.concat([Buffer.from([4]), bytes(32)]).toString('base64');
  const brevo = () => `xkeysib-${t.hex(64)}-${t.mixed(ALNUM, 16)}`;
  const brevoSmtp = () => `xsmtpsib-${t.hex(64)}-${t.mixed(ALNUM, 16)}`;
  const mailersend = () => `mlsn.${t.hex(64)}`;
  const googleSecret = () => `GOCSPX-${t.mixed(URLSAFE, 28)}`;
  const rcSecret = () => t.mixed(URLSAFE, 43);
  const rcUserId = () => t.mixed('23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz', 17);
  // Decoy shapes.
  const sha512crypt = () => `$6$${t.mixed(CRYPT64, 16)}$${t.mixed(CRYPT64, 86)}`;
  const bcrypt = () => `$2y$10$${t.mixed(BCRYPT64, 53)}`;
  const argon2 = () =>
    `$argon2id$v=19$m=65536,t=3,p=1$${bytes(16).toString('base64').replace(/=+$/, '')}$${bytes(32).toString('base64').replace(/=+$/, '')}`;
  const dkimPub = () =>
    `MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA${bytes(256).toString('base64').slice(0, 342)}IDAQAB`;
  const roomId = () => `!${t.pick(UPPER + LOWER, 18)}:matrix.acme-corp.io`;
  const eventId = () => `$${t.mixed(URLSAFE, 43)}`;
  const msgId = () => `<CA+${t.mixed(URLSAFE, 44)}@mail.gmail.com>`;
  const sig = (n) => bytes(n).toString('base64');

  // ---- Postfix ----------------------------------------------------------------------------
  {
    const f = repo.file('infra/mail/postfix/main.cf', 'postfix');
    f.l(
      '# Postfix main.cf — outbound relay through SendGrid, inbound for acme-corp.io',
      'myhostname = mx1.acme-corp.io',
      'mydestination = $myhostname, localhost.$mydomain, localhost',
      'relayhost = [smtp.sendgrid.net]:587',
      'smtp_sasl_auth_enable = yes',
    );
    f.d('smtp_sasl_password_maps = hash:/etc/postfix/sasl_passwd', 'map reference');
    f.d('sender_dependent_relayhost_maps = hash:/etc/postfix/sender_relay', 'map reference');
    f.l('smtp_sasl_security_options = noanonymous', 'smtp_tls_security_level = encrypt');
    f.d(`smtp_tls_fingerprint_cert_match = ${t.hex(64).toUpperCase().match(/.{2}/g).join(':')}`, 'tls fingerprint');
    f.d('virtual_mailbox_maps = proxy:mysql:/etc/postfix/mysql-virtual-mailbox-maps.cf', 'map reference');
    f.d('smtpd_tls_key_file = /etc/letsencrypt/live/mx1.acme-corp.io/privkey.pem', 'key file path');
  }
  {
    const f = repo.file('infra/mail/postfix/sasl_passwd', 'postfix');
    f.l('# postmap /etc/postfix/sasl_passwd after editing');
    const sg = t.sendgrid();
    f.s(`[smtp.sendgrid.net]:587 apikey:${sg}`, 'sendgrid', sg);
    const ga = gmailApp();
    f.s(`[smtp.gmail.com]:587 alerts@acme-corp.io:${ga}`, 'generic', ga);
    const ses = sesSmtp();
    f.s(`[email-smtp.eu-west-1.amazonaws.com]:587 ${t.awsId()}:${ses}`, 'aws', ses);
    const pm = t.uuid();
    f.s(`[smtp.postmarkapp.com]:587 ${pm}:${pm}`, 'postmark', pm);
    f.d('#[smtp.office365.com]:587 relay@acme-corp.io:CHANGE_ME', 'commented placeholder');
  }
  {
    const f = repo.file('infra/mail/postfix/transport', 'postfix');
    f.d('legacy.acme-corp.io smtp:[10.20.0.14]:25', 'transport entry');
    f.d('.partners.example.net relay:[mx.partners.example.net]:587', 'transport entry');
    f.d('lists.acme-corp.io lmtp:unix:private/dovecot-lmtp', 'transport entry');
    f.d('billing.acme-corp.io smtp:[smtp.eu.mailgun.org]:587', 'transport entry');
  }
  {
    const f = repo.file('infra/mail/postfix/mysql-virtual-mailbox-maps.cf', 'postfix');
    f.l('user = mailserver');
    const p = pwA();
    f.s(`password = ${p}`, 'generic', p);
    f.l('hosts = 127.0.0.1', 'dbname = mailserver');
    f.d("query = SELECT 1 FROM virtual_users WHERE email='%s'", 'sql query');
  }

  // ---- Dovecot ----------------------------------------------------------------------------
  {
    const f = repo.file('infra/mail/dovecot/users', 'dovecot');
    const p1 = pwA();
    f.s(`noc@acme-corp.io:{PLAIN}${p1}::::::`, 'generic', p1);
    f.d(`alice@acme-corp.io:{SHA512-CRYPT}${sha512crypt()}::::::`, 'sha512-crypt hash');
    f.d(`bob@acme-corp.io:{BLF-CRYPT}${bcrypt()}::::::`, 'bcrypt hash');
    f.d(`carol@acme-corp.io:{ARGON2ID}${argon2()}::::::`, 'argon2 hash');
    const p2 = pwA();
    f.s(`scanner@acme-corp.io:{PLAIN}${p2}:5000:5000::/var/vmail/scanner::`, 'generic', p2);
  }
  {
    const f = repo.file('infra/mail/dovecot/dovecot-sql.conf.ext', 'dovecot');
    f.l('driver = pgsql');
    const p = pwA();
    f.s(`connect = host=10.20.0.5 dbname=mailserver user=dovecot password=${p}`, 'generic', p);
    f.d('default_pass_scheme = SHA512-CRYPT', 'hash scheme name');
    f.d("password_query = SELECT email AS user, password FROM virtual_users WHERE email = '%u'", 'sql query');
    f.d('# passdb { driver = sql  args = /etc/dovecot/dovecot-sql.conf.ext }', 'passdb reference');
  }

  // ---- Exim -------------------------------------------------------------------------------
  {
    const f = repo.file('infra/mail/exim4/passwd.client', 'exim');
    f.l('# target.mail.server.example:login:password');
    const p = pwA();
    f.s(`smtp.eu.mailgun.org:postmaster@mg.acme-corp.io:${p}`, 'generic', p);
    const b = brevoSmtp();
    f.s(`*.smtp-relay.brevo.com:relay@acme-corp.io:${b}`, 'brevo', b);
    f.d('### mail.example.com:user:password', 'commented template');
  }

  // ---- OpenDKIM and DNS -------------------------------------------------------------------
  {
    const k = t.rsaPem();
    repo.file('infra/mail/opendkim/keys/acme-corp.io/mail2026.private', 'opendkim').s(k, 'private-key', k.join('\n'));
  }
  {
    const f = repo.file('infra/dns/zones/db.acme-corp.io', 'dns');
    f.l('$TTL 3600', '@ IN SOA ns1.acme-corp.io. hostmaster.acme-corp.io. ( 2026040201 7200 3600 1209600 3600 )');
    f.l('@ IN MX 10 mx1.acme-corp.io.');
    f.d('@ IN TXT "v=spf1 include:sendgrid.net include:mailgun.org ~all"', 'spf');
    f.d(`mail2026._domainkey IN TXT ( "v=DKIM1; k=rsa; p=${dkimPub()}" )`, 'dkim public key');
    f.d(`s1._domainkey IN TXT "k=rsa; t=s; p=${dkimPub()}"`, 'dkim public key');
    f.d('_dmarc IN TXT "v=DMARC1; p=quarantine; rua=mailto:dmarc@acme-corp.io"', 'dmarc');
    f.d(`@ IN TXT "google-site-verification=${t.mixed(URLSAFE, 43)}"`, 'site verification');
    f.d(`_mta-sts IN TXT "v=STSv1; id=${t.digits(14)}"`, 'mta-sts id');
  }

  // ---- Webmail ----------------------------------------------------------------------------
  {
    const f = repo.file('infra/webmail/roundcube/config/config.inc.php', 'roundcube');
    f.l('<?php', '$config = [];');
    const db = pwA();
    f.s(`$config['db_dsnw'] = 'mysql://roundcube:${db}@10.20.0.6/roundcubemail';`, 'generic', db);
    f.l(
      "$config['imap_host'] = 'ssl://imap.acme-corp.io:993';",
      "$config['smtp_host'] = 'tls://smtp.acme-corp.io:587';",
    );
    f.d("$config['smtp_user'] = '%u';", 'roundcube macro');
    f.d("$config['smtp_pass'] = '%p';", 'roundcube macro');
    const des = t.mixed(ALNUM, 24);
    f.s(`$config['des_key'] = '${des}';`, 'generic', des);
    const pdb = pwA();
    f.s(`$config['password_db_dsn'] = 'pgsql://rc_password:${pdb}@10.20.0.5/mailserver';`, 'generic', pdb);
    f.d("$config['password_query'] = 'UPDATE virtual_users SET password=%P WHERE email=%u';", 'sql query');
    f.d("$config['managesieve_host'] = 'tls://%h';", 'setting');
  }
  {
    const f = repo.file('infra/webmail/sogo/sogo.conf', 'sogo');
    f.l('{');
    const p = pwA();
    f.s(`  SOGoProfileURL = "postgresql://sogo:${p}@10.20.0.5:5432/sogo/sogo_user_profile";`, 'generic', p);
    f.d('  OCSFolderInfoURL = "postgresql://sogo@10.20.0.5:5432/sogo/sogo_folder_info";', 'url without password');
    f.l(
      '  SOGoUserSources = (',
      '    {',
      '      type = ldap;',
      '      bindDN = "cn=sogo,ou=services,dc=acme-corp,dc=io";',
    );
    const b = pw();
    f.s(`      bindPassword = "${b}";`, 'generic', b);
    f.l('      baseDN = "ou=people,dc=acme-corp,dc=io";', '    }', '  );', '}');
  }
  {
    const f = repo.file('infra/webmail/snappymail/data/_data_/_default_/configs/application.ini', 'snappymail');
    f.l('[security]', 'admin_login = "admin"');
    f.d(`admin_password = "${bcrypt()}"`, 'bcrypt hash');
    f.d('admin_totp = ""', 'empty');
    f.l(
      '[contacts]',
      'enable = On',
      'type = "pgsql"',
      'pdo_dsn = "host=10.20.0.5;port=5432;dbname=snappymail"',
      'pdo_user = "snappymail"',
    );
    const p = pwA();
    f.s(`pdo_password = "${p}"`, 'generic', p);
  }

  // ---- Mail clients (dotfiles) ------------------------------------------------------------
  {
    const f = repo.file('dotfiles/mutt/.muttrc', 'muttrc');
    f.l('set realname = "Dana Ops"', 'set from = "dana@acme-corp.io"', 'set imap_user = "dana@acme-corp.io"');
    const ip = pw();
    f.s(`set imap_pass = "${ip}"`, 'generic', ip);
    const sp = pw();
    f.s(`set smtp_pass = '${sp}'`, 'generic', sp);
    const up = pwA();
    f.s(`set smtp_url = "smtps://dana%40acme-corp.io:${up}@smtp.fastmail.com:465/"`, 'generic', up);
    f.d('set folder = "imaps://imap.fastmail.com:993"', 'url without password');
    f.d(`set pgp_default_key = "0x${t.hex(40).toUpperCase()}"`, 'pgp key fingerprint');
    f.d('source "gpg -dq ~/.mutt/passwords.gpg |"', 'password command');
    f.d(`set header_cache = "~/.cache/mutt/${t.hex(16)}"`, 'cache path');
    f.l('# work account (OAuth2 / keychain)', 'set imap_user = "dana.k@corp.example.com"');
    f.d('set imap_pass = "`pass show mail/work`"', 'password command');
    f.d('set smtp_pass = "`security find-generic-password -s neomutt-work -w`"', 'password command');
    f.d(
      'set imap_oauth_refresh_command = "~/.config/neomutt/mutt_oauth2.py ~/.config/neomutt/work.tokens"',
      'oauth2 token command',
    );
    f.d('set imap_authenticators = "oauthbearer:xoauth2"', 'setting');
  }
  {
    const f = repo.file('dotfiles/.msmtprc', 'msmtprc');
    f.l(
      'defaults',
      'auth on',
      'tls on',
      '',
      'account gmail',
      'host smtp.gmail.com',
      'port 587',
      'user dana.ops@gmail.com',
    );
    const ga = gmailApp();
    f.s(`password "${spaced(ga)}"`, 'generic', spaced(ga));
    f.l('', 'account mailgun', 'host smtp.eu.mailgun.org', 'user postmaster@mg.acme-corp.io');
    const mg = pwA();
    f.s(`password ${mg}`, 'generic', mg);
    f.l('', 'account work', 'host smtp.office365.com', 'user dana.k@corp.example.com');
    f.d('passwordeval "pass show mail/work"', 'password command');
    f.d(`tls_fingerprint ${t.hex(64).toUpperCase().match(/.{2}/g).join(':')}`, 'tls fingerprint');
    f.l('account default : gmail');
  }
  {
    const f = repo.file('dotfiles/.fetchmailrc', 'fetchmailrc');
    f.l('set daemon 300', 'set postmaster "dana"');
    const p1 = pwA();
    f.s(`poll imap.fastmail.com protocol IMAP user "dana@acme-corp.io" password "${p1}" ssl keep`, 'generic', p1);
    const p2 = pwA();
    f.s(
      `poll pop.legacyhost.net with proto POP3\n  user 'dana' there with password '${p2}' is 'dana' here`,
      'generic',
      p2,
    );
    f.d(
      'poll imap.gmail.com protocol IMAP auth oauthbearer user "dana.ops@gmail.com" passwordfile "~/.config/fetchmail/gmail.token"',
      'token file',
    );
  }
  {
    const f = repo.file('dotfiles/.offlineimaprc', 'offlineimaprc');
    f.l(
      '[general]',
      'accounts = Work, Personal',
      'pythonfile = ~/.offlineimap.py',
      '',
      '[Repository WorkRemote]',
      'type = IMAP',
      'remotehost = imap.acme-corp.io',
      'remoteuser = dana@acme-corp.io',
    );
    const p = pw();
    f.s(`remotepass = ${p}`, 'generic', p);
    f.d(`sslcacertfile = /etc/ssl/certs/ca-certificates.crt`, 'path');
    f.l('', '[Repository PersonalRemote]', 'type = Gmail', 'remoteuser = dana.ops@gmail.com');
    f.d('remotepasseval = get_pass("personal")', 'password command');
    f.d(`oauth2_client_id = ${t.digits(12)}-${t.lower(32)}.apps.googleusercontent.com`, 'oauth client id');
    const gs = googleSecret();
    f.s(`oauth2_client_secret = ${gs}`, 'gcp', gs);
    const rt = `1//0${t.mixed(URLSAFE, 99)}`;
    f.s(`oauth2_refresh_token = ${rt}`, 'generic', rt);
  }
  {
    const f = repo.file('dotfiles/.mbsyncrc', 'mbsyncrc');
    f.l('IMAPAccount acme', 'Host imap.acme-corp.io', 'User dana@acme-corp.io');
    const p = pwA();
    f.s(`Pass ${p}`, 'generic', p);
    f.l('SSLType IMAPS', '', 'IMAPAccount gmail', 'Host imap.gmail.com', 'User dana.ops@gmail.com');
    f.d('PassCmd "pass show mail/gmail"', 'password command');
    f.l('', 'IMAPAccount fastmail', 'Host imap.fastmail.com', 'User dana@fastmail.com');
    const fm = t.pick(LOWER + DIGIT, 16);
    f.s(`Pass "${fm}"`, 'generic', fm);
  }
  {
    const f = repo.file('dotfiles/config/aerc/accounts.conf', 'aerc');
    f.l('[Fastmail]');
    const p = pwA();
    f.s(`source   = imaps://dana%40fastmail.com:${p}@imap.fastmail.com`, 'generic', p);
    const o = pwA();
    f.s(`outgoing = smtps+plain://dana%40fastmail.com:${o}@smtp.fastmail.com:465`, 'generic', o);
    f.l('default  = INBOX', 'from     = Dana <dana@fastmail.com>', '', '[Work]');
    f.d('source   = imaps://dana.k%40corp.example.com@outlook.office365.com', 'url without password');
    f.d('source-cred-cmd = pass show mail/work', 'password command');
    f.d('outgoing = smtp+xoauth2://dana.k%40corp.example.com@smtp.office365.com:587', 'url without password');
    f.d('outgoing-cred-cmd = oama access dana.k@corp.example.com', 'oauth2 token command');
  }
  {
    const f = repo.file('dotfiles/thunderbird/dana.default-release/prefs.js', 'thunderbird');
    f.l('// Mozilla User Preferences');
    f.d('user_pref("mail.server.server1.userName", "dana@acme-corp.io");', 'username');
    f.d('user_pref("mail.server.server1.hostname", "imap.acme-corp.io");', 'hostname');
    f.d('user_pref("mail.smtpserver.smtp1.authMethod", 3);', 'setting');
    f.d(`user_pref("mail.account.lastLoadedNewsAccountId", "${t.uuid()}");`, 'id');
    f.d(`user_pref("toolkit.telemetry.cachedClientID", "${t.uuid()}");`, 'telemetry id');
    f.d(`user_pref("mail.openpgp.allow_external_gnupg", false);`, 'setting');
  }
  {
    const f = repo.file('dotfiles/thunderbird/dana.default-release/logins.json', 'thunderbird');
    // NSS-encrypted: SEQUENCE { key id, SEQUENCE { des-ede3-cbc, iv }, ciphertext }.
    const enc = (n) => {
      const keyId = Buffer.from('0410f8000000000000000000000000000001', 'hex');
      const alg = Buffer.concat([
        Buffer.from('3014060a2a864886f70d0307', 'hex').subarray(0, 2),
        Buffer.from('06082a864886f70d03070408', 'hex'),
        bytes(8),
      ]);
      const body = Buffer.concat([keyId, alg, Buffer.from([4, n]), bytes(n)]);
      return Buffer.concat([Buffer.from([0x30, body.length]), body]).toString('base64');
    };
    f.l('{"nextId":3,"logins":[');
    f.d(
      `{"id":1,"hostname":"imap://imap.acme-corp.io","httpRealm":"imap://imap.acme-corp.io","usernameField":"","passwordField":"","encryptedUsername":"${enc(16)}","encryptedPassword":"${enc(24)}","guid":"{${t.uuid()}}","encType":1},`,
      'encrypted login',
    );
    f.d(
      `{"id":2,"hostname":"smtp://smtp.acme-corp.io","httpRealm":"smtp://smtp.acme-corp.io","usernameField":"","passwordField":"","encryptedUsername":"${enc(16)}","encryptedPassword":"${enc(32)}","guid":"{${t.uuid()}}","encType":1}`,
      'encrypted login',
    );
    f.l('],"potentiallyVulnerablePasswords":[],"version":3}');
  }
  {
    const f = repo.file('dotfiles/.zuliprc', 'zulip');
    f.l('[api]', 'email=deploy-bot@acme.zulipchat.com');
    const k = t.mixed(ALNUM, 32);
    f.s(`key=${k}`, 'zulip', k);
    f.l('site=https://acme.zulipchat.com');
  }

  // ---- Matrix -----------------------------------------------------------------------------
  {
    const f = repo.file('infra/matrix/synapse/homeserver.yaml', 'synapse');
    f.l(
      'server_name: "acme-corp.io"',
      'pid_file: /data/homeserver.pid',
      'listeners:',
      '  - port: 8008',
      '    type: http',
    );
    f.l('database:', '  name: psycopg2', '  args:', '    user: synapse');
    const db = pw();
    f.s(`    password: "${db}"`, 'generic', db);
    f.l('    database: synapse', '    host: 10.20.0.5');
    const reg = synapseSecret();
    f.s(`registration_shared_secret: "${reg}"`, 'generic', reg);
    const mac = synapseSecret();
    f.s(`macaroon_secret_key: "${mac}"`, 'generic', mac);
    const form = synapseSecret();
    f.s(`form_secret: "${form}"`, 'generic', form);
    f.d('signing_key_path: "/data/acme-corp.io.signing.key"', 'key file path');
    f.d('trusted_key_servers:\n  - server_name: "matrix.org"', 'setting');
    f.d(`auto_join_rooms:\n  - "${roomId()}"`, 'room id');
    f.d(`server_notices:\n  system_mxid_localpart: notices\n  room_name: "Server Notices"`, 'setting');
    f.l('email:', '  smtp_host: smtp.sendgrid.net', '  smtp_port: 587', '  smtp_user: "apikey"');
    const sg = t.sendgrid();
    f.s(`  smtp_pass: "${sg}"`, 'sendgrid', sg);
    f.d('app_service_config_files:\n  - /data/appservices/telegram-registration.yaml', 'file reference');
  }
  {
    const f = repo.file('infra/matrix/synapse/acme-corp.io.signing.key', 'synapse');
    const key = bytes(32).toString('base64').replace(/=+$/, '');
    f.s(`ed25519 a_${t.pick(UPPER + LOWER, 4)} ${key}`, 'matrix', key);
  }
  {
    const f = repo.file('infra/matrix/bridges/mautrix-telegram/config.yaml', 'mautrix');
    f.l('homeserver:', '  address: http://synapse:8008', '  domain: acme-corp.io', 'appservice:', '  id: telegram');
    const as = t.mixed(ALNUM, 64);
    f.s(`  as_token: "${as}"`, 'generic', as);
    const hs = t.mixed(ALNUM, 64);
    f.s(`  hs_token: "${hs}"`, 'generic', hs);
    f.l('telegram:');
    f.d(`  api_id: ${t.digits(8)}`, 'telegram api id');
    const ah = t.hex(32);
    f.s(`  api_hash: ${ah}`, 'telegram', ah);
    const bt = telegram();
    f.s(`  bot_token: ${bt}`, 'telegram', bt);
    f.d('  bot_token: disabled', 'placeholder');
    f.l('bridge:', '  permissions:');
    f.d('    "@dana:acme-corp.io": admin', 'matrix user id');
    f.d(`  relaybot:\n    management_room: "${roomId()}"`, 'room id');
  }
  {
    const f = repo.file('scripts/notify/matrix-notify.sh', 'shell');
    f.l('#!/usr/bin/env bash', 'set -euo pipefail');
    const room = roomId();
    f.d(`ROOM_ID='${room}'`, 'room id');
    const tok = matrixToken('deploy-bot');
    f.s(
      `curl -sS -X PUT -H "Authorization: Bearer ${tok}" "https://matrix.acme-corp.io/_matrix/client/v3/rooms/$ROOM_ID/send/m.room.message/$(date +%s)" -d "{\\"msgtype\\":\\"m.text\\",\\"body\\":\\"$1\\"}"`,
      'matrix',
      tok,
    );
    f.d(`# last announcement: ${eventId()}`, 'event id');
    f.d(
      `# redact with: /_matrix/client/v3/rooms/${encodeURIComponent(room)}/redact/${encodeURIComponent(eventId())}/txn1`,
      'event id url',
    );
  }
  {
    const f = repo.file('services/ops-bot/config/maubot.yaml', 'maubot');
    f.l('user_id: "@opsbot:acme-corp.io"', 'homeserver: https://matrix.acme-corp.io');
    const tok = matrixToken('opsbot');
    f.s(`access_token: ${tok}`, 'matrix', tok);
    f.d(`device_id: ${t.pick(UPPER, 10)}`, 'device id');
    f.d(`avatar_url: mxc://acme-corp.io/${t.pick(UPPER + LOWER, 24)}`, 'media id');
  }

  // ---- Mattermost -------------------------------------------------------------------------
  {
    const f = repo.file('infra/chat/mattermost/config/config.json', 'mattermost');
    f.l(
      '{',
      '  "ServiceSettings": {',
      '    "SiteURL": "https://chat.acme-corp.io",',
      '    "ListenAddress": ":8065"',
      '  },',
      '  "SqlSettings": {',
      '    "DriverName": "postgres",',
    );
    const db = pwA();
    f.s(
      `    "DataSource": "postgres://mmuser:${db}@10.20.0.5:5432/mattermost?sslmode=require&connect_timeout=10",`,
      'generic',
      db,
    );
    f.d('    "DataSourceReplicas": [],', 'empty');
    const at = mmKey();
    f.s(`    "AtRestEncryptKey": "${at}",`, 'generic', at);
    f.l('  },', '  "EmailSettings": {', '    "SMTPUsername": "postmaster@mg.acme-corp.io",');
    const mg = pwA();
    f.s(`    "SMTPPassword": "${mg}",`, 'generic', mg);
    f.l(
      '    "SMTPServer": "smtp.eu.mailgun.org",',
      '    "SMTPPort": "587"',
      '  },',
      '  "FileSettings": {',
      '    "DriverName": "amazons3",',
    );
    f.d('    "AmazonS3SecretAccessKey": "",', 'empty');
    f.l('  },', '  "GitLabSettings": {', '    "Enable": true,');
    f.d(`    "Id": "${t.hex(64)}",`, 'gitlab application id');
    const gl = `gloas-${t.hex(64)}`;
    f.s(`    "Secret": "${gl}",`, 'gitlab', gl);
    f.l('  },', '  "PluginSettings": {');
    f.d(
      `    "PluginStates": { "com.mattermost.calls": { "Enable": true }, "playbooks": { "Enable": true } },`,
      'setting',
    );
    f.d(`    "SignaturePublicKeyFiles": ["/mattermost/config/plugin-${t.hex(8)}.gpg"]`, 'public key file');
    f.l('  }', '}');
  }
  {
    const f = repo.file('scripts/release/post-to-mattermost.sh', 'shell');
    f.l('#!/usr/bin/env bash', 'set -euo pipefail');
    f.d(`CHANNEL_ID=${mmId()}`, 'mattermost channel id');
    const pat = mmId();
    f.s(`MM_TOKEN=${pat}`, 'mattermost', pat);
    f.l(
      'curl -sS -H "Authorization: Bearer $MM_TOKEN" -d "{\\"channel_id\\":\\"$CHANNEL_ID\\",\\"message\\":\\"Released $1\\"}" https://chat.acme-corp.io/api/v4/posts',
    );
    const hook = mmId();
    f.s(`curl -sS -d 'payload={"text":"deploy done"}' https://chat.acme-corp.io/hooks/${hook}`, 'mattermost', hook);
    f.d(`# thread: https://chat.acme-corp.io/acme/pl/${mmId()}`, 'mattermost post id');
  }

  // ---- Rocket.Chat ------------------------------------------------------------------------
  {
    const f = repo.file('infra/chat/rocketchat/.env', 'rocketchat');
    f.l('RELEASE=6.10.2', 'ROOT_URL=https://rocket.acme-corp.io', 'PORT=3000');
    const m = pwA();
    f.s(`MONGO_URL=mongodb://rocketchat:${m}@mongo:27017/rocketchat?replicaSet=rs0&authSource=admin`, 'mongodb', m);
    f.d('MONGO_OPLOG_URL=mongodb://mongo:27017/local?replicaSet=rs0', 'url without password');
    f.l('ADMIN_USERNAME=rcadmin');
    const ap = pw();
    f.s(`ADMIN_PASS=${ap}`, 'generic', ap);
    f.d('OVERWRITE_SETTING_Accounts_TwoFactorAuthentication_Enabled=true', 'setting');
    f.l('# hubot', 'ROCKETCHAT_USER=hubot');
    f.d(`RC_USER_ID=${rcUserId()}`, 'rocket.chat user id');
    const pat = rcSecret();
    f.s(`RC_AUTH_TOKEN=${pat}`, 'generic', pat);
  }

  // ---- IRC --------------------------------------------------------------------------------
  {
    const f = repo.file('infra/irc/znc/configs/znc.conf', 'znc');
    f.l('Version = 1.9.1', '<Listener l>', '  Port = 6697', '  SSL = true', '</Listener>', '<User dana>');
    f.d(`  Pass = sha256#${t.sha256()}#${t.mixed(ALNUM, 20)}#`, 'znc password hash');
    f.l('  Nick = dana', '  <Network libera>');
    f.d('    LoadModule = sasl', 'module');
    const np = pwA();
    f.s(`    LoadModule = nickserv ${np}`, 'generic', np);
    f.d('    Server = irc.libera.chat +6697', 'server without password');
    f.l('  </Network>', '  <Network bouncer-corp>');
    const sp = pwA();
    f.s(`    Server = irc.corp.example.com +6697 ${sp}`, 'generic', sp);
    f.l('  </Network>', '</User>', '<User ops>', '  <Pass password>', '    Method = sha256');
    f.d(`    Hash = ${t.sha256()}`, 'znc password hash');
    f.d(`    Salt = ${t.mixed(ALNUM + '!?.,:;/*-+_()', 20)}`, 'znc salt');
    f.l('  </Pass>', '</User>');
  }
  {
    const f = repo.file('services/limnoria/bot.conf', 'limnoria');
    f.l(
      'supybot.nick: acmebot',
      'supybot.networks: libera',
      'supybot.networks.libera.servers: irc.libera.chat:6697',
      'supybot.networks.libera.ssl: True',
    );
    f.l('supybot.networks.libera.sasl.username: acmebot');
    const s = pwA();
    f.s(`supybot.networks.libera.sasl.password: ${s}`, 'generic', s);
    f.d('supybot.networks.libera.certfile: /srv/limnoria/acmebot.pem', 'file path');
    f.d(`supybot.networks.libera.sasl.ecdsa_key: `, 'empty');
  }
  {
    const f = repo.file('dotfiles/.irssi/config', 'irssi');
    f.l(
      'servers = (',
      '  {',
      '    address = "irc.libera.chat";',
      '    chatnet = "liberachat";',
      '    port = "6697";',
      '    use_tls = "yes";',
    );
    f.l('    sasl_mechanism = "PLAIN";', '    sasl_username = "dana";');
    const p = pwA();
    f.s(`    sasl_password = "${p}";`, 'generic', p);
    f.l('  }', ');', 'chatnets = {', '  OFTC = {', '    type = "IRC";');
    const id = pwA();
    f.s(`    autosendcmd = "/msg nickserv identify ${id};wait 2000";`, 'generic', id);
    f.d('    autosendcmd = "/msg nickserv identify $PASSWORD;wait 2000";', 'variable');
    f.l('  };', '};');
  }
  {
    const f = repo.file('dotfiles/.weechat/sec.conf', 'weechat');
    f.l(
      '[crypt]',
      'cipher = aes256',
      'hash_algo = sha256',
      'passphrase_command = "pass show weechat"',
      'salt = on',
      '[data]',
    );
    f.d('__passphrase__ = on', 'setting');
    f.d(`libera = "${t.hex(96).toUpperCase()}"`, 'encrypted secured data');
    f.d(`oftc = "${t.hex(96).toUpperCase()}"`, 'encrypted secured data');
  }
  {
    const f = repo.file('dotfiles/.weechat/irc.conf', 'weechat');
    f.l(
      '[server]',
      'libera.addresses = "irc.libera.chat/6697"',
      'libera.sasl_mechanism = plain',
      'libera.sasl_username = "dana"',
    );
    f.d('libera.sasl_password = "${sec.data.libera}"', 'secured data reference');
    f.d('oftc.command = "/msg nickserv identify ${sec.data.oftc}"', 'secured data reference');
  }

  // ---- XMPP -------------------------------------------------------------------------------
  {
    const f = repo.file('infra/xmpp/prosody/prosody.cfg.lua', 'prosody');
    f.l('admins = { "dana@acme-corp.io" }', 'storage = "sql"');
    const p = pwA();
    f.s(
      `sql = { driver = "PostgreSQL", database = "prosody", username = "prosody", password = "${p}", host = "10.20.0.5" }`,
      'generic',
      p,
    );
    f.l('VirtualHost "acme-corp.io"', '', 'Component "irc.acme-corp.io"');
    const c1 = pw();
    f.s(`    component_secret = "${c1}"`, 'generic', c1);
    f.l('Component "conference.acme-corp.io" "muc"');
    f.d('    component_secret = os.getenv("PROSODY_MUC_SECRET")', 'env reference');
    f.d('turn_external_secret = ENV_TURN_SECRET', 'placeholder');
  }
  {
    const f = repo.file('infra/xmpp/ejabberd/ejabberd.yml', 'ejabberd');
    f.l(
      'hosts:',
      '  - acme-corp.io',
      'sql_type: pgsql',
      'sql_server: 10.20.0.5',
      'sql_database: ejabberd',
      'sql_username: ejabberd',
    );
    const p = pw();
    f.s(`sql_password: "${p}"`, 'generic', p);
    f.l(
      'listen:',
      '  -',
      '    port: 5347',
      '    module: ejabberd_service',
      '    hosts:',
      '      "slidge.acme-corp.io":',
    );
    const c = pwA();
    f.s(`        password: ${c}`, 'generic', c);
    f.d('        password: "@SLIDGE_SECRET@"', 'template placeholder');
    f.d(`certfiles:\n  - /etc/ejabberd/certs/acme-corp.io.pem`, 'file path');
  }

  // ---- Chat bots --------------------------------------------------------------------------
  {
    const f = repo.file('bots/discord-py/bot.py', 'python');
    f.l(
      'import discord',
      'from discord.ext import commands',
      '',
      'intents = discord.Intents.default()',
      'bot = commands.Bot(command_prefix="!", intents=intents)',
    );
    f.d(`APPLICATION_ID = ${snowflake()}`, 'discord application id');
    f.d(`PUBLIC_KEY = "${t.hex(64)}"`, 'discord interactions public key');
    f.d(`GUILD_IDS = [${snowflake()}, ${snowflake()}]`, 'discord guild ids');
    const tok = discordToken();
    f.s(`bot.run("${tok}")`, 'discord', tok);
    const cs = t.mixed(URLSAFE, 32);
    f.s(`OAUTH2_CLIENT_SECRET = "${cs}"  # dashboard login`, 'discord', cs);
  }
  {
    const f = repo.file('bots/discord-js/src/index.js', 'javascript');
    f.l(
      "const { Client, GatewayIntentBits, WebhookClient } = require('discord.js');",
      'const client = new Client({ intents: [GatewayIntentBits.Guilds] });',
    );
    const hook = discordHook();
    f.s(`const audit = new WebhookClient({ url: '${hook}' });`, 'discord', hook);
    f.d(`const LOG_CHANNEL = '${snowflake()}';`, 'discord channel id');
    f.d(
      `// avatar: https://cdn.discordapp.com/attachments/${snowflake()}/${snowflake()}/logo.png?ex=${t.hex(8)}&is=${t.hex(8)}&hm=${t.hex(64)}&`,
      'signed cdn url (hmac)',
    );
    const tok = discordToken();
    f.s(`client.login('${tok}');`, 'discord', tok);
  }
  {
    const f = repo.file('bots/telegram-py/bot.py', 'python');
    f.l('from telegram.ext import Application, CommandHandler', '');
    const tok = telegram();
    f.s(`app = Application.builder().token("${tok}").build()`, 'telegram', tok);
    f.d(`OPS_CHAT_ID = -100${t.digits(10)}`, 'telegram chat id');
    f.d(`WELCOME_STICKER = "CAACAgIAAxkBAAE${t.mixed(URLSAFE, 40)}"`, 'telegram file id');
    f.d(`WELCOME_PHOTO = "AgACAgQAAxkDAAI${t.mixed(URLSAFE, 70)}"`, 'telegram file id');
  }
  {
    const f = repo.file('bots/slack-bolt/app.js', 'javascript');
    f.l("const { App } = require('@slack/bolt');", 'const app = new App({');
    const xb = t.slackBot();
    f.s(`  token: '${xb}',`, 'slack', xb);
    const ss = t.hex(32);
    f.s(`  signingSecret: '${ss}',`, 'slack', ss);
    const xa = xapp();
    f.s(`  appToken: '${xa}',`, 'slack', xa);
    f.l('  socketMode: true,', '});');
    f.d(`const ALERTS_CHANNEL = 'C0${t.mixed(UPPER + DIGIT, 9)}';`, 'slack channel id');
    f.d(`const TEAM_ID = 'T0${t.mixed(UPPER + DIGIT, 9)}';`, 'slack team id');
    f.d(`// ts of pinned message: ${t.digits(10)}.${t.digits(6)}`, 'slack message ts');
  }
  {
    const f = repo.file('bots/slack-bolt/.env', 'dotenv');
    const up = xoxp();
    f.s(`SLACK_USER_TOKEN=${up}`, 'slack', up);
    f.d(`SLACK_CLIENT_ID=${t.digits(12)}.${t.digits(13)}`, 'slack client id');
    const cs = t.hex(32);
    f.s(`SLACK_CLIENT_SECRET=${cs}`, 'slack', cs);
    const wh = t.slackWebhook();
    f.s(`SLACK_WEBHOOK_URL=${wh}`, 'slack', wh);
    f.d(
      'SLACK_WEBHOOK_URL_STAGING=https://hooks.slack.com/services/TXXXXXXXX/BXXXXXXXX/XXXXXXXXXXXXXXXXXXXXXXXX',
      'placeholder',
    );
    f.d('SLACK_BOT_TOKEN=xoxb-your-bot-token', 'placeholder');
  }
  {
    const f = repo.file('bots/teams/appsettings.json', 'teams');
    f.l('{', '  "MicrosoftAppType": "SingleTenant",');
    f.d(`  "MicrosoftAppId": "${t.uuid()}",`, 'app id');
    const sec = t.azureClientSecret();
    f.s(`  "MicrosoftAppPassword": "${sec}",`, 'azure', sec);
    f.d(`  "MicrosoftAppTenantId": "${t.uuid()}",`, 'tenant id');
    const hook = teamsHook();
    f.s(`  "IncidentWebhook": "${hook}"`, 'microsoftteams', hook);
    f.l('}');
  }

  // ---- Transactional mail in app configs --------------------------------------------------
  {
    const f = repo.file('services/notifier/config/mailer.js', 'javascript');
    f.l(
      "const nodemailer = require('nodemailer');",
      'module.exports = nodemailer.createTransport({',
      "  host: 'smtp.sendgrid.net',",
      '  port: 587,',
    );
    const sg = t.sendgrid();
    f.s(`  auth: { user: 'apikey', pass: '${sg}' },`, 'sendgrid', sg);
    f.l('});');
    f.d(
      "// dkim: { domainName: 'acme-corp.io', keySelector: 'mail2026', privateKey: process.env.DKIM_KEY }",
      'env reference',
    );
  }
  {
    const f = repo.file('services/shop/.env.production', 'dotenv');
    f.l('APP_ENV=production', 'MAIL_MAILER=mailgun', 'MAILGUN_DOMAIN=mg.acme-corp.io');
    const mg = mailgun();
    f.s(`MAILGUN_SECRET=${mg}`, 'mailgun', mg);
    const mgs = mailgunNew();
    f.s(`MAILGUN_WEBHOOK_SIGNING_KEY=${mgs}`, 'mailgun', mgs);
    const br = brevo();
    f.s(`BREVO_API_KEY=${br}`, 'brevo', br);
    const ms = mailersend();
    f.s(`MAILERSEND_API_KEY=${ms}`, 'mailersend', ms);
    f.d('MAIL_FROM_ADDRESS="noreply@acme-corp.io"', 'address');
    f.d('MAIL_PASSWORD=null', 'placeholder');
  }
  {
    const f = repo.file('services/portal/portal/settings/production.py', 'python');
    f.l(
      'EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"',
      'EMAIL_HOST = "email-smtp.us-east-1.amazonaws.com"',
    );
    const sesId = t.awsId();
    f.s(`EMAIL_HOST_USER = "${sesId}"`, 'aws', sesId);
    const ses = sesSmtp();
    f.s(`EMAIL_HOST_PASSWORD = "${ses}"`, 'aws', ses);
    const mjk = t.hex(32);
    const mjs = t.hex(32);
    f.s(`ANYMAIL = {"MAILJET_API_KEY": "${mjk}",`, 'mailjet', mjk);
    f.s(`           "MAILJET_SECRET_KEY": "${mjs}"}`, 'mailjet', mjs);
    const eu = pwA();
    f.s(`EMAIL_URL = "smtp+tls://reports%40acme-corp.io:${eu}@smtp.office365.com:587"`, 'generic', eu);
    f.d('EMAIL_URL_LOCAL = "smtp://localhost:1025"', 'url without password');
    f.d('DEFAULT_FROM_EMAIL = "Acme Portal <portal@acme-corp.io>"', 'address');
  }
  {
    const f = repo.file('services/storefront/config/environments/production.rb', 'ruby');
    f.l(
      'Rails.application.configure do',
      '  config.action_mailer.delivery_method = :smtp',
      '  config.action_mailer.smtp_settings = {',
      "    address: 'smtp.sparkpostmail.com',",
      '    port: 587,',
      "    user_name: 'SMTP_Injection',",
    );
    const sp = t.hex(40);
    f.s(`    password: '${sp}',`, 'sparkpost', sp);
    f.l("    authentication: 'login'", '  }');
    f.d("  config.action_mailer.default_url_options = { host: 'shop.acme-corp.io' }", 'setting');
    f.l('end');
  }
  {
    const f = repo.file('services/api/config/mailer.yaml', 'symfony');
    const dsn = pwA();
    f.s(`    dsn: 'smtp://apikey:${dsn}@smtp.sendgrid.net:587'`, 'generic', dsn);
    f.d("    dsn_staging: '%env(MAILER_DSN)%'", 'env reference');
    const pm = t.uuid();
    f.s(`    dsn_fallback: 'postmark+api://${pm}@default'`, 'postmark', pm);
    f.d("    dsn_null: 'null://null'", 'null transport');
  }
  {
    const f = repo.file('infra/gitea/app.ini', 'gitea');
    f.l(
      '[mailer]',
      'ENABLED = true',
      'PROTOCOL = smtp+starttls',
      'SMTP_ADDR = smtp.eu.mailgun.org',
      'SMTP_PORT = 587',
      'USER = gitea@mg.acme-corp.io',
    );
    const p = pwA();
    f.s(`PASSWD = \`${p}\``, 'generic', p);
    f.d('FROM = "Gitea" <gitea@acme-corp.io>', 'address');
  }

  // ---- .eml messages ----------------------------------------------------------------------
  {
    const f = repo.file('docs/support/tickets/4471-welcome-mail.eml', 'eml');
    f.l(
      'Return-Path: <bounces+412@em.acme-corp.io>',
      'Received: from o1.em.acme-corp.io (o1.em.acme-corp.io [198.51.100.7])',
    );
    f.d(
      [
        `ARC-Seal: i=1; a=rsa-sha256; t=${t.digits(10)}; cv=none; d=google.com; s=arc-20240605;`,
        `        b=${sig(256)}`,
      ],
      'arc seal',
    );
    f.d(
      [
        'DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=acme-corp.io; s=mail2026;',
        `        h=from:to:subject:date:message-id; bh=${sig(32)};`,
        `        b=${sig(256)}`,
      ],
      'dkim signature',
    );
    f.d(`Message-ID: ${msgId()}`, 'message id');
    f.d(`X-Mailgun-Sid: ${sig(40)}`, 'mailgun sid');
    f.d(
      `List-Unsubscribe: <https://em.acme-corp.io/asm/unsubscribe/?user_id=${t.digits(7)}&data=${t.mixed(URLSAFE, 120)}>`,
      'unsubscribe token',
    );
    f.l(
      'Subject: Welcome to Acme Portal',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Hi Sam,',
      '',
      'your account was created.',
    );
    f.l('Username: sam.lee');
    const tp = pw();
    f.s(`Temporary password: ${tp}`, 'generic', tp);
    f.d('Please change it at first login. Never share your password.', 'prose');
    f.d(`Verification code: ${t.digits(6)}`, 'otp code (expired)');
    f.l('', 'To set your own password, use this link:');
    f.d(
      `https://portal.acme-corp.io/reset?uid=${t.digits(5)}&token=${t.lower(6)}-${t.hex(32)}`,
      'one-time reset link (expired)',
    );
    f.d('If you did not request this, ignore this mail. Your password: ******** (hidden)', 'masked');
  }
  {
    const f = repo.file('docs/support/tickets/4502-fwd-api-access.eml', 'eml');
    f.l(
      'From: Priya <priya@partner.example.net>',
      'To: integrations@acme-corp.io',
      'Subject: Fwd: API access for the webhook relay',
    );
    f.d(`Message-ID: <${t.uuid()}@partner.example.net>`, 'message id');
    f.d(`In-Reply-To: ${msgId()}`, 'message id');
    f.d(`X-SG-EID: ${sig(60)}`, 'sendgrid event id');
    f.l('Content-Type: text/plain; charset=utf-8', '', 'Here are the credentials you asked for:', '');
    const sg = t.sendgrid();
    f.s(`  SendGrid key: ${sg}`, 'sendgrid', sg);
    const tg = telegram();
    f.s(`  Telegram bot: ${tg}`, 'telegram', tg);
    const smtp = pwA();
    f.s(`  SMTP: smtp://relay:${smtp}@smtp.partner.example.net:587`, 'generic', smtp);
    f.l('', '> On Tue, Apr 1, 2026 Dana wrote:', '> can you send the relay creds?');
  }
  return repo;
}
