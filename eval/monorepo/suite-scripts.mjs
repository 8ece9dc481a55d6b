// Red-team suite "scripts": the automation scripts sysadmins and ops teams commit — Bash/sh/zsh
// (functions, here-strings, `${VAR:-literal}` defaults, `read -s` fallbacks), expect and Tcl,
// Windows batch (net use, schtasks /RP, cmdkey /pass, sc config, sqlcmd -P), PowerShell (.ps1 and
// .psm1: ConvertTo-SecureString, splatting, here-strings, Set-AzKeyVaultSecret, $env:), VBScript,
// AutoHotkey, AppleScript, Perl (DBI, Net::FTP, LWP), Ruby/Rake, Python one-offs (ldap3,
// paramiko, requests, smtplib), crontabs, cron.d, systemd units and EnvironmentFiles, fstab and
// CIFS credential files, rsync secrets, sshpass, wget/curl/lftp/ncftp, database CLIs (PGPASSWORD,
// mysql -p, redis-cli -a, mongo -p), openssl -pass*, keytool, gpg, 7z/zip, htpasswd, Makefiles and
// Jenkins wrappers. Decoys are what the same scripts do when they are written well: read the value
// at run time (read -s, Get-Credential, Read-Host, %VAR%, $env:, /run/secrets, op, vault, aws
// secretsmanager), prompts and usage text, empty defaults, changeme-style templates, crypt and
// htpasswd hashes, checksums, GPG fingerprints, UUIDs, host keys and placeholder examples. Written
// from what such scripts really hold and from vendors' published token formats, not from
// tokenscope's rules. Every value is drawn from the seeded PRNG at run time.
import { ALNUM, B64, HEX, URLSAFE, Repo, makeTokens, mulberry32 } from './generate.mjs';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(s) {
  let c = 0xffffffff;
  for (const b of Buffer.from(s)) c = CRC_TABLE[(c ^ b) & 255] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 60013 + 71);
  const t = makeTokens(rand);
  const one = (list) => list[Math.floor(rand() * list.length)];
  const repo = new Repo();

  // Passwords as people and generators make them, and variants safe for a given syntax.
  const human = () =>
    `${one(['Winter', 'Spring', 'Summer', 'Autumn', 'Welcome', 'Acme'])}${t.digits(4)}${one(['!', '#', '*'])}`;
  const words = ['copper', 'lantern', 'orchid', 'glacier', 'pepper', 'violet', 'harbor', 'meadow', 'tundra', 'saffron'];
  const phrase = () => `${one(words)}-${one(words)}-${one(words)}-${t.digits(2)}`;
  const pw = () => (rand() < 0.3 ? human() : rand() < 0.6 ? t.password() : t.alnum(16 + Math.floor(rand() * 8)));
  const alnumOnly = (s) => s.replace(/[^A-Za-z0-9]/g, '');
  const pwA = () => alnumOnly(pw());
  // Batch mangles % and (with delayed expansion) !; crontab and systemd treat % specially.
  const pwNoPct = () => pw().replace(/[%!]/g, '');

  // Vendors' published formats.
  const dockerPat = () => `dckr_pat_${t.mixed(URLSAFE, 27)}`;
  // Grafana service-account tokens end in the little-endian hex CRC32 (IEEE) of "glsa_" + body.
  const grafanaSa = () => {
    const head = `glsa_${t.alnum(32)}`;
    const sum = Buffer.alloc(4);
    sum.writeUInt32LE(crc32(head));
    return `${head}_${sum.toString('hex')}`;
  };
  const telegram = () => `${t.digits(10)}:AA${t.mixed(URLSAFE, 33)}`;
  const jenkinsTok = () => `11${t.hex(32)}`;
  const nrLicense = () => `${t.hex(36)}NRAL`;
  const mailgun = () => `key-${t.hex(32)}`;
  const vaultTok = () => `hvs.CAESI${t.mixed(URLSAFE, 86)}`;
  const sonar = () => `sqp_${t.hex(40)}`;

  // Decoy material.
  const CRYPT = `./${ALNUM}`;
  const sha512crypt = () => `$6$${t.pick(CRYPT, 16)}$${t.pick(CRYPT, 86)}`;
  const apr1 = () => `$apr1$${t.pick(CRYPT, 8)}$${t.pick(CRYPT, 22)}`;
  const bcrypt = () => `$2y$05$${t.pick(CRYPT, 53)}`;
  const fingerprint = () => t.pick(HEX, 40).toUpperCase().match(/.{4}/g).join(' ');

  // ---- bash: database backups ---------------------------------------------------------------
  {
    const f = repo.file('ops/scripts/backup/pg_backup.sh', 'shell');
    f.l('#!/usr/bin/env bash', '# Nightly logical backup of the billing database to the NAS.', 'set -euo pipefail', '');
    f.d(
      'usage() { echo "usage: $0 [-h host] [-U user] [-p PASSWORD] DBNAME" >&2; exit 64; }',
      'usage text with PASSWORD',
    );
    f.l('DB_HOST="${DB_HOST:-pg-primary.corp.acme-corp.io}"', 'DB_USER="${DB_USER:-backup}"');
    const p1 = pw();
    f.s(`export PGPASSWORD='${p1}'`, 'database', p1);
    f.l('pg_dump -h "$DB_HOST" -U "$DB_USER" -Fc billing > "/mnt/nas/pg/billing-$(date +%F).dump"', '');
    f.l('# the verify host has its own restore role');
    const p2 = pwA();
    f.s(
      `PGPASSWORD=${p2} pg_restore -h pg-restore.corp.acme-corp.io -U restore -d billing_verify /mnt/nas/pg/latest.dump`,
      'database',
      p2,
    );
    f.d('if [[ -z "${PGPASSWORD_REPLICA:-}" ]]; then', 'empty default');
    f.d('  read -rs -p "Replica password: " PGPASSWORD_REPLICA; echo', 'read -s prompt');
    f.l('fi');
    const p3 = pwA();
    f.s(
      `psql "postgresql://replicator:${p3}@pg-replica.corp.acme-corp.io:5432/postgres?sslmode=require" -c 'SELECT pg_last_wal_replay_lsn()'`,
      'database',
      p3,
    );
    f.d(
      'PGPASSWORD="$(cat /run/secrets/pg_monitor)" psql -h "$DB_HOST" -U monitor -c "SELECT 1" postgres',
      'read from /run/secrets',
    );
  }
  {
    const f = repo.file('ops/scripts/backup/mysql_dump.sh', 'shell');
    f.l('#!/bin/bash', '# dump all schemas from the legacy CRM box', 'MYSQL_HOST=crm-db01.corp.acme-corp.io');
    const p = pw();
    f.s(
      `mysqldump -h $MYSQL_HOST -u root -p'${p}' --all-databases --single-transaction | gzip > /backup/crm-$(date +%F).sql.gz`,
      'database',
      p,
    );
    const p2 = pwA();
    f.s(`mysql -h $MYSQL_HOST --user=reporting --password=${p2} -e 'FLUSH LOGS'`, 'database', p2);
    f.d(
      "mysql --defaults-extra-file=/etc/mysql/backup.cnf -h $MYSQL_HOST -e 'SHOW SLAVE STATUS\\G'",
      'option file reference',
    );
    f.d("# by hand: mysql -u root -p'<password>' -h $MYSQL_HOST crm", 'placeholder in comment');
    f.d('mysql -u root -p -h $MYSQL_HOST crm', 'bare -p prompts');
  }
  {
    const f = repo.file('ops/etc/mysql/backup.cnf', 'shell');
    f.l('# option file for mysql --defaults-extra-file (mode 0600)', '[client]', 'user=backup');
    const p = pw();
    f.s(`password="${p}"`, 'database', p);
    f.l('host=crm-db01.corp.acme-corp.io');
  }

  // ---- rsync, CIFS, fstab ------------------------------------------------------------------
  {
    const f = repo.file('ops/scripts/sync/rsync_mirror.sh', 'shell');
    f.l('#!/bin/sh', '# pull the package mirror from the upstream rsync daemon');
    const p = pw();
    f.s(`export RSYNC_PASSWORD='${p}'`, 'generic', p);
    f.l('rsync -avz --delete mirror@repo-upstream.acme-corp.io::debian /srv/mirror/debian');
    f.d(
      'rsync -avz --password-file=/etc/rsync/mirror.secret mirror@repo-upstream.acme-corp.io::ubuntu /srv/mirror/ubuntu',
      'password file reference',
    );
    f.d(
      'RSYNC_PASSWORD="$(cat /etc/rsync/mirror.secret)" rsync -a mirror@repo-upstream.acme-corp.io::epel /srv/mirror/epel',
      'read from file',
    );
  }
  {
    const f = repo.file('ops/etc/rsyncd.secrets', 'config');
    f.l('# user:password for rsyncd "secrets file" (chmod 600)');
    const a = pwA();
    f.s(`mirror:${a}`, 'generic', a);
  }
  {
    const f = repo.file('ops/scripts/mount_shares.sh', 'shell');
    f.l('#!/bin/bash', 'set -e', 'mkdir -p /mnt/finance /mnt/public /mnt/scans /mnt/nas');
    const a = pwA();
    f.s(
      `mount -t cifs //fs01.corp.acme-corp.io/finance /mnt/finance -o username=svc_backup,password=${a},domain=CORP,vers=3.0`,
      'generic',
      a,
    );
    f.d(
      'mount -t cifs //fs02.corp.acme-corp.io/public /mnt/public -o credentials=/root/.smbcredentials,vers=3.0',
      'credentials file reference',
    );
    f.d(
      'mount -t cifs //fs02.corp.acme-corp.io/scans /mnt/scans -o username=scanner,password="$SCAN_PASS"',
      'variable',
    );
    const b = pw().replace(/%/g, '');
    f.s(`smbclient //fs01.corp.acme-corp.io/finance -U 'CORP\\svc_backup%${b}' -c 'ls'`, 'generic', b);
    f.d('smbclient -L fs01.corp.acme-corp.io -A /root/.smbclient.conf', 'auth file reference');
    const c = pwA();
    f.s(`mount.cifs //nas01.corp.acme-corp.io/backup /mnt/nas -o user=backup,pass=${c}`, 'generic', c);
  }
  {
    const f = repo.file('ops/etc/fstab', 'config');
    f.d('# <file system> <mount point> <type> <options> <dump> <pass>', 'fstab header');
    f.d(`UUID=${t.uuid()} / ext4 errors=remount-ro 0 1`, 'filesystem uuid');
    f.d(`UUID=${t.uuid()} /boot ext4 defaults 0 2`, 'filesystem uuid');
    const a = pwA();
    f.s(
      `//fs01.corp.acme-corp.io/finance /mnt/finance cifs username=svc_backup,password=${a},domain=CORP,_netdev 0 0`,
      'generic',
      a,
    );
    f.d(
      '//fs02.corp.acme-corp.io/public /mnt/public cifs credentials=/etc/samba/public.cred,_netdev,uid=1000 0 0',
      'credentials file reference',
    );
    f.l('nas01.corp.acme-corp.io:/export/backup /mnt/backup nfs4 defaults,_netdev 0 0');
  }
  {
    const f = repo.file('ops/etc/samba/finance.cred', 'config');
    f.l('username=svc_backup');
    const p = pw();
    f.s(`password=${p}`, 'generic', p);
    f.l('domain=CORP');
  }

  // ---- ssh, scp, sudo ----------------------------------------------------------------------
  {
    const f = repo.file('ops/scripts/deploy/push_release.sh', 'shell');
    f.l('#!/usr/bin/env bash', 'set -eu');
    f.d('RELEASE=${1:?usage: push_release.sh VERSION}', 'required argument');
    const a = pw();
    f.s(
      `sshpass -p '${a}' scp -o StrictHostKeyChecking=no build/app-$RELEASE.tar.gz deploy@app01.dmz.acme-corp.io:/opt/releases/`,
      'generic',
      a,
    );
    f.d(
      'SSHPASS="$(vault kv get -field=password secret/ops/deploy)" sshpass -e ssh deploy@app03.dmz.acme-corp.io uptime',
      'vault at run time',
    );
    f.d('sshpass -f /etc/deploy/sshpass ssh deploy@app04.dmz.acme-corp.io uptime', 'password file reference');
    const c = pw();
    f.s(`echo '${c}' | sudo -S systemctl reload nginx`, 'generic', c);
  }
  {
    const f = repo.file('ops/scripts/users/provision_users.sh', 'shell');
    f.l('#!/bin/bash', '# one-off: accounts for the new build agents', 'useradd -m -s /bin/bash deploy');
    const a = pw();
    f.s(`echo "deploy:${a}" | chpasswd`, 'generic', a);
    const b = pw();
    f.s(`useradd -m -p "$(openssl passwd -6 '${b}')" backup`, 'generic', b);
    f.d(`usermod -p '${sha512crypt()}' svc_old`, 'sha512-crypt hash');
    f.d("echo 'deploy ALL=(ALL) NOPASSWD: /usr/bin/systemctl' > /etc/sudoers.d/deploy", 'sudoers NOPASSWD');
    f.d('echo "$NEW_PW" | passwd --stdin kiosk', 'variable');
    f.l('passwd -l root');
  }
  {
    const f = repo.file('ops/scripts/bootstrap_node.sh', 'shell');
    f.l('#!/usr/bin/env bash', 'set -euo pipefail', 'install -d -m 700 /root/.ssh');
    f.l("cat > /root/.ssh/id_ed25519 <<'EOF'");
    const key = t.opensshPem();
    f.s(key, 'private-key', key.join('\n'));
    f.l('EOF', 'chmod 600 /root/.ssh/id_ed25519');
    f.d("ssh-keygen -t ed25519 -N '' -f /etc/ssh/ssh_host_ed25519_key", 'empty passphrase');
    f.d(
      `echo "github.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${t.mixed(B64, 43)}" >> /root/.ssh/known_hosts`,
      'public host key',
    );
    const v = vaultTok();
    f.s(`export VAULT_TOKEN=${v}`, 'vault', v);
    f.d('vault kv get -field=password secret/ops/bootstrap', 'vault read');
  }

  // ---- wget, curl, ftp ----------------------------------------------------------------------
  {
    const f = repo.file('ops/scripts/fetch_artifacts.sh', 'shell');
    f.l('#!/bin/bash', 'set -euo pipefail', 'cd /opt/tools');
    const a = pw();
    f.s(
      `wget --http-user=ci --http-password='${a}' https://nexus.corp.acme-corp.io/repository/raw/tools/terraform-1.9.5.zip`,
      'generic',
      a,
    );
    const b = pwA();
    f.s(
      `curl -fsSL -u "ci-reader:${b}" -o /tmp/jdk.tar.gz https://artifactory.corp.acme-corp.io/artifactory/ext/jdk-21.tar.gz`,
      'generic',
      b,
    );
    f.d(
      'curl -fsSL --netrc-file /etc/ci/netrc -O https://nexus.corp.acme-corp.io/repository/raw/tools/helm.tgz',
      'netrc reference',
    );
    const gh = t.github();
    f.s(
      `curl -fsSL -H "Authorization: token ${gh}" https://api.github.com/repos/acme-corp/infra/tarball/main -o infra.tgz`,
      'github',
      gh,
    );
    const gl = t.gitlab();
    f.s(
      `curl -fsSL --header "PRIVATE-TOKEN: ${gl}" "https://gitlab.corp.acme-corp.io/api/v4/projects/42/jobs/artifacts/main/download?job=build" -o artifacts.zip`,
      'gitlab',
      gl,
    );
    f.d('curl -fsSL -H "Authorization: Bearer $GITHUB_TOKEN" https://api.github.com/user', 'variable');
    f.d(
      'curl -fsS -u "$NEXUS_USER:$NEXUS_PASS" -O https://nexus.corp.acme-corp.io/repository/raw/tools/jq',
      'variables',
    );
    f.d('grep terraform_1.9.5_linux_amd64.zip SHA256SUMS | sha256sum -c -', 'checksum verification');
  }
  {
    const f = repo.file('ops/scripts/ftp/push_edi.sh', 'shell');
    f.l('#!/bin/bash', '# hand the EDI batch to the logistics partner and the bank');
    const a = pw();
    f.s(`ncftpput -u acme_edi -p '${a}' ftp.partner-logistics.com /inbound /srv/edi/out/*.edi`, 'generic', a);
    f.d(
      'ncftpput -f /etc/ncftp/partner.cfg ftp.partner-logistics.com /inbound /srv/edi/out/*.edi',
      'config file reference',
    );
    const b = pw().replace(/,/g, '');
    f.s(
      `lftp -u edi_acme,'${b}' sftp://sftp.partner-bank.com -e 'mirror -R /srv/edi/bank /inbound; bye'`,
      'generic',
      b,
    );
    f.d('lftp -u edi_acme sftp://sftp.partner-bank.com  # asks for the password', 'prompts');
  }
  {
    const f = repo.file('ops/etc/ncftp/partner.cfg', 'config');
    f.l('host ftp.partner-logistics.com', 'user acme_edi');
    const p = pw();
    f.s(`pass ${p}`, 'generic', p);
  }
  {
    const f = repo.file('ops/scripts/expect/switch_backup.exp', 'expect');
    f.l('#!/usr/bin/expect -f', 'set timeout 30', 'set host [lindex $argv 0]');
    f.d('set enable_pw [lindex $argv 1]', 'argument');
    f.l('spawn ssh admin@$host', 'expect "assword:"');
    const a = pw();
    f.s(`send "${a}\\r"`, 'generic', a);
    f.l('expect ">"');
    f.l('expect "#"', 'send "copy running-config tftp://10.20.0.5/$host.cfg\\r"', 'expect "#"');
    f.l('send "configure terminal\\r"', 'expect "(config)#"');
    f.d('send "$enable_pw\\r"', 'variable');
    f.d('send "$env(SWITCH_RO_PASS)\\r"', 'environment');
    f.l('send "exit\\r"', 'expect eof');
  }
  {
    const f = repo.file('ops/scripts/expect/ftp_upload.tcl', 'expect');
    f.l('#!/usr/bin/env tclsh', 'package require ftp', 'set user "reports"');
    const p = pw();
    f.s(`set password "${p}"`, 'generic', p);
    f.l(
      'set conn [::ftp::Open ftp.partner-logistics.com $user $password -mode passive]',
      '::ftp::Put $conn /var/reports/daily.csv daily.csv',
      '::ftp::Close $conn',
    );
  }

  // ---- shell library, zsh ------------------------------------------------------------------
  {
    const f = repo.file('ops/scripts/lib/common.sh', 'shell');
    f.l('# shellcheck shell=bash', '# shared helpers sourced by the ops scripts', '', 'db_connect() {');
    f.l('  local host="${1:-pg-primary.corp.acme-corp.io}"');
    const a = pw();
    f.s(`  local pass="\${DB_PASS:-${a}}"`, 'generic', a);
    f.d('  PGPASSWORD="$pass" psql -h "$host" -U app app', 'variable');
    f.l('}', '', 'ldap_bind() {');
    const b = pw();
    f.s(`  : "\${LDAP_BIND_PW:=${b}}"`, 'generic', b);
    f.d(
      '  ldapsearch -x -H ldaps://dc01.corp.acme-corp.io -D "cn=svc_ldap,ou=svc,dc=corp,dc=acme-corp,dc=io" -w "$LDAP_BIND_PW" "$@"',
      'variable',
    );
    f.l('}', '', 'api_token() {');
    f.d('  echo "${API_TOKEN:?API_TOKEN must be set}"', 'required variable');
    f.l('}', '');
    f.d('smtp_pass="${SMTP_PASS:-}"', 'empty default');
    f.l('', 'reset_kiosk() {');
    const c = pw().replace(/:/g, '');
    f.s(`  chpasswd <<< "kiosk:${c}"`, 'generic', c);
    f.l('}', '', 'vault_login() {');
    f.d("  read -rs -p 'Vault token: ' VAULT_TOKEN; echo", 'read -s prompt');
    f.l('  export VAULT_TOKEN', '}');
  }
  {
    const f = repo.file('ops/scripts/notify.zsh', 'shell');
    f.l('#!/usr/bin/env zsh', '# sourced from ~/.zshrc on the ops jump host');
    const tg = telegram();
    f.s(`typeset -r TG_BOT_TOKEN='${tg}'`, 'telegram', tg);
    f.d(`typeset -r TG_CHAT_ID='-100${t.digits(10)}'`, 'chat id');
    f.l('notify() {');
    f.d(
      '  curl -fsS "https://api.telegram.org/bot${TG_BOT_TOKEN}/sendMessage" -d chat_id=$TG_CHAT_ID --data-urlencode text="$1" >/dev/null',
      'variable',
    );
    f.l('}');
    const mg = mailgun();
    f.s(
      `mailnote() { curl -s --user 'api:${mg}' https://api.eu.mailgun.net/v3/mg.acme-corp.io/messages -F from=ops@acme-corp.io -F to=oncall@acme-corp.io -F subject="$1" -F text="$2"; }`,
      'mailgun',
      mg,
    );
    f.l("alias ask='noglob llm -m gpt-4o'");
  }
  {
    const f = repo.file('ops/scripts/secrets_from_store.sh', 'shell');
    f.l('#!/usr/bin/env bash', '# Everything here is fetched at run time; nothing is stored in the repository.');
    f.d('export DB_PASSWORD="$(op read \'op://Ops/pg-primary/password\')"', '1Password CLI');
    f.d(
      'export STRIPE_SECRET_KEY=$(aws secretsmanager get-secret-value --secret-id prod/stripe --query SecretString --output text)',
      'secrets manager',
    );
    f.d(
      'export VAULT_TOKEN=$(vault write -field=token auth/approle/login role_id="$ROLE_ID" secret_id="$SECRET_ID")',
      'vault login',
    );
    f.d('GITHUB_TOKEN="$(vault kv get -field=token secret/ci/github)"', 'vault read');
    f.d('SMTP_PASSWORD=$(cat /run/secrets/smtp_password)', 'docker secret file');
    f.d('REDIS_PASSWORD=$(systemd-creds cat redis-password)', 'systemd credential');
    f.d('LDAP_PW="$(pass show corp/ldap/svc_ldap)"', 'pass store');
    f.d('KEYCHAIN_PW=$(security find-generic-password -a ops -s nas -w)', 'macOS keychain');
    f.d(
      'AZ_SECRET=$(az keyvault secret show --vault-name kv-acme-prod --name sp-secret --query value -o tsv)',
      'key vault',
    );
    f.d('GCP_TOKEN=$(gcloud auth print-access-token)', 'gcloud at run time');
    f.d('SESSION_KEY=$(openssl rand -base64 32)', 'generated at run time');
  }

  // ---- crypto tooling, archives, htpasswd --------------------------------------------------
  {
    const f = repo.file('ops/scripts/crypto/make_certs.sh', 'shell');
    f.l('#!/usr/bin/env bash', 'set -euo pipefail', 'cd /etc/pki/intranet');
    const a = pwA();
    f.s(`openssl genrsa -aes256 -passout pass:${a} -out ca.key 4096`, 'generic', a);
    f.d('openssl rsa -in ca.key -passin env:CA_KEY_PASS -noout -check', 'env reference');
    f.d('openssl pkcs12 -in client.p12 -passin file:/run/secrets/p12_pass -nokeys', 'file reference');
    const c = pwA();
    f.s(
      `keytool -genkeypair -alias tomcat -keyalg RSA -keystore /opt/tomcat/conf/keystore.jks -storepass ${c} -dname "CN=intranet.corp.acme-corp.io"`,
      'generic',
      c,
    );
    f.d('keytool -list -keystore truststore.jks -storepass:env TRUSTSTORE_PASS', 'env reference');
    f.d(
      'keytool -list -keystore "$JAVA_HOME/lib/security/cacerts" -storepass changeit',
      'JDK default cacerts password (public)',
    );
    f.l('openssl dgst -sha256 web.p12');
  }
  {
    const f = repo.file('ops/scripts/crypto/sign_release.sh', 'shell');
    f.l('#!/bin/bash', 'set -e');
    const fp = fingerprint();
    f.d(`# release signing key: ${fp}`, 'gpg fingerprint');
    const ph = phrase();
    f.s(
      `gpg --batch --pinentry-mode loopback --passphrase '${ph}' --detach-sign --armor dist/acme-cli.tar.gz`,
      'generic',
      ph,
    );
    f.d(
      'gpg --batch --pinentry-mode loopback --passphrase-file /run/secrets/gpg_pass --clearsign dist/SHA256SUMS',
      'passphrase file',
    );
    f.d(`gpg --keyserver keys.openpgp.org --recv-keys ${fp.replace(/ /g, '')}`, 'gpg fingerprint');
    f.l('gpg --verify dist/SHA256SUMS.asc dist/SHA256SUMS');
    f.d('(cd dist && sha256sum -c SHA256SUMS)', 'checksum verification');
  }
  {
    const f = repo.file('ops/releases/SHA256SUMS', 'decoys');
    for (const name of ['acme-cli_1.8.0_linux_amd64.tar.gz', 'acme-cli_1.8.0_darwin_arm64.tar.gz', 'acme-cli.deb'])
      f.d(`${t.sha256()}  ${name}`, 'sha256 checksum');
  }
  {
    const f = repo.file('ops/scripts/archive.sh', 'shell');
    f.l('#!/bin/bash', '# monthly archive of HR and app logs');
    const a = pw();
    f.s(`7z a -t7z -mhe=on -p'${a}' /backup/hr-$(date +%F).7z /srv/hr`, 'generic', a);
    const b = pwA();
    f.s(`zip -r -P ${b} /tmp/logs.zip /var/log/app`, 'generic', b);
    f.d('zip -r -e /tmp/payroll.zip /srv/payroll  # prompts for the password', 'prompts');
    f.d('7z a -p /backup/manual.7z /srv/manual', 'bare -p prompts');
    const c = pwA();
    f.s(`htpasswd -b -c /etc/nginx/.htpasswd grafana ${c}`, 'generic', c);
    f.d('htpasswd -B /etc/nginx/.htpasswd alice', 'prompts');
  }
  {
    const f = repo.file('ops/etc/nginx/.htpasswd', 'decoys');
    f.d(`grafana:${apr1()}`, 'apr1 hash');
    f.d(`alice:${bcrypt()}`, 'bcrypt hash');
  }

  // ---- database and cache CLIs -------------------------------------------------------------
  {
    const f = repo.file('ops/scripts/db/cache_maint.sh', 'shell');
    f.l('#!/bin/bash', 'set -u');
    const a = pw();
    f.s(`redis-cli -h cache01.corp.acme-corp.io -p 6379 -a '${a}' --no-auth-warning INFO replication`, 'generic', a);
    f.d('redis-cli -h cache02.corp.acme-corp.io --askpass CONFIG GET maxmemory', 'prompts');
    f.d('REDISCLI_AUTH="$(cat /run/secrets/redis)" redis-cli -h cache03.corp.acme-corp.io PING', 'secret file');
    const b = pw();
    f.s(
      `mongo --host mongo01.corp.acme-corp.io -u admin -p '${b}' --authenticationDatabase admin --eval 'db.adminCommand({ listDatabases: 1 })'`,
      'generic',
      b,
    );
    const c = pwA();
    f.s(
      `mongosh "mongodb://ops:${c}@mongo01.corp.acme-corp.io:27017/admin?replicaSet=rs0" --eval 'rs.status()'`,
      'mongodb',
      c,
    );
    f.d('mongo --host mongo02.corp.acme-corp.io -u admin -p --authenticationDatabase admin', 'bare -p prompts');
  }
  {
    const f = repo.file('ops/scripts/ldap/export_users.sh', 'shell');
    f.l('#!/bin/sh', 'BASE="dc=corp,dc=acme-corp,dc=io"');
    const a = pw();
    f.s(
      `ldapsearch -x -H ldaps://dc01.corp.acme-corp.io -D "cn=svc_export,ou=svc,$BASE" -w '${a}' -b "ou=people,$BASE" '(objectClass=person)' mail`,
      'generic',
      a,
    );
    f.d('ldapsearch -x -H ldaps://dc01.corp.acme-corp.io -D "cn=admin,$BASE" -W -b "$BASE" uid=alice', 'prompts');
    f.d(
      'ldapsearch -x -H ldaps://dc01.corp.acme-corp.io -D "cn=admin,$BASE" -y /etc/ldap/admin.secret -b "$BASE"',
      'password file',
    );
  }
  {
    const f = repo.file('ops/scripts/vpn/connect.sh', 'shell');
    f.l('#!/bin/bash', '# headless VPN for the reporting box');
    const a = pw();
    f.s(`echo '${a}' | sudo openconnect --user=svc_vpn --passwd-on-stdin --background vpn.acme-corp.io`, 'generic', a);
    f.d('sudo openconnect --user="$USER" vpn.acme-corp.io', 'interactive');
  }

  // ---- cloud CLIs ----------------------------------------------------------------------------
  {
    const f = repo.file('ops/scripts/cloud/do_snapshot.sh', 'shell');
    f.l('#!/bin/bash', 'set -euo pipefail');
    const d = t.digitalocean();
    f.s(`export DIGITALOCEAN_ACCESS_TOKEN=${d}`, 'digitalocean', d);
    f.l('doctl compute droplet-action snapshot 41234567 --snapshot-name "nightly-$(date +%F)" --wait');
    const cf = t.cloudflare();
    f.s(`export CLOUDFLARE_API_TOKEN=${cf}`, 'cloudflare', cf);
    f.d(
      `curl -fsS -X POST "https://api.cloudflare.com/client/v4/zones/${t.hex(32)}/purge_cache" -H "Authorization: Bearer $CLOUDFLARE_API_TOKEN" --data '{"purge_everything":true}'`,
      'zone id',
    );
  }
  {
    const f = repo.file('ops/scripts/cloud/az_backup.sh', 'shell');
    f.l('#!/bin/bash', 'set -euo pipefail');
    const sec = t.azureClientSecret();
    f.s(`az login --service-principal -u ${t.uuid()} -p '${sec}' --tenant ${t.uuid()}`, 'azure', sec);
    const key = t.azureStorageKey();
    f.s(
      `az storage blob upload-batch --account-name stacmeprodbackup --account-key '${key}' -d nightly -s /backup`,
      'azure',
      key,
    );
    const sig = t.azureSasSig();
    f.s(
      `azcopy copy /backup/erp.bak "https://stacmeprodbackup.blob.core.windows.net/nightly/erp.bak?sv=2022-11-02&ss=b&srt=o&sp=cw&se=2027-06-30T18:00:00Z&st=2026-01-01T00:00:00Z&spr=https&sig=${sig}"`,
      'azure',
      sig,
    );
    f.d('az login --identity', 'managed identity');
  }
  {
    const f = repo.file('ops/scripts/registry/docker_login.sh', 'shell');
    f.l('#!/bin/sh');
    const d = dockerPat();
    f.s(`echo '${d}' | docker login -u acmeci --password-stdin`, 'dockerhub', d);
    f.d('echo "$DOCKERHUB_TOKEN" | docker login -u acmeci --password-stdin', 'variable');
    f.d(`docker pull acmeci/base@sha256:${t.sha256()}`, 'image digest');
  }

  // ---- cron and systemd ------------------------------------------------------------------------
  {
    const f = repo.file('ops/cron/crontab.ops', 'cron');
    f.l('SHELL=/bin/bash', 'MAILTO=ops-alerts@acme-corp.io', '# m h dom mon dow command');
    const a = alnumOnly(pwNoPct());
    f.s(
      `15 2 * * * PGPASSWORD=${a} pg_dump -h pg-primary.corp.acme-corp.io -U backup erp | gzip > /backup/erp.sql.gz`,
      'database',
      a,
    );
    f.d(`*/5 * * * * curl -fsS -m 10 --retry 3 https://hc-ping.com/${t.uuid()} > /dev/null`, 'healthcheck uuid');
    f.d(
      '0 3 * * 0 /usr/local/bin/restic -r s3:s3.amazonaws.com/acme-backup backup /etc --password-file /etc/restic/pass',
      'password file',
    );
  }
  {
    const f = repo.file('ops/cron/cron.d/s3-sync', 'cron');
    const id = t.awsId();
    const sec = t.awsSecret();
    f.s(`AWS_ACCESS_KEY_ID=${id}`, 'aws', id);
    f.s(`AWS_SECRET_ACCESS_KEY=${sec}`, 'aws', sec);
    f.l(
      'AWS_DEFAULT_REGION=eu-central-1',
      '0 1 * * * root aws s3 sync /srv/exports s3://acme-exports/ --only-show-errors',
    );
  }
  {
    const f = repo.file('ops/systemd/metrics-agent.service', 'systemd');
    f.l('[Unit]', 'Description=Acme metrics agent', 'After=network-online.target', '', '[Service]');
    const dd = t.ddApi();
    f.s(`Environment=DD_API_KEY=${dd}`, 'datadog', dd);
    f.l('Environment="DD_SITE=datadoghq.eu"');
    const p = pwA();
    f.s(`Environment="HTTPS_PROXY=http://svc_proxy:${p}@proxy.corp.acme-corp.io:3128"`, 'generic', p);
    f.d('EnvironmentFile=-/etc/default/metrics-agent', 'environment file reference');
    f.l('ExecStart=/opt/datadog-agent/bin/agent/agent run', '', '[Install]', 'WantedBy=multi-user.target');
  }
  {
    const f = repo.file('ops/systemd/restic-backup.service', 'systemd');
    f.l('[Unit]', 'Description=restic backup', '', '[Service]', 'Type=oneshot');
    f.l('Environment=RESTIC_REPOSITORY=s3:https://s3.eu-central-1.amazonaws.com/acme-restic');
    const p = pwNoPct();
    f.s(`Environment=RESTIC_PASSWORD=${p}`, 'generic', p);
    f.d('LoadCredential=restic-key:/etc/restic/key', 'systemd credential');
    f.d('Environment=RESTIC_PASSWORD_FILE=%d/restic-key', 'credential path');
    f.l('ExecStart=/usr/bin/restic backup /srv');
  }
  {
    const f = repo.file('ops/etc/default/metrics-agent', 'systemd');
    f.l('# sourced by metrics-agent.service');
    const nr = nrLicense();
    f.s(`NEW_RELIC_LICENSE_KEY=${nr}`, 'newrelic', nr);
    const g = grafanaSa();
    f.s(`GRAFANA_TOKEN=${g}`, 'grafana', g);
    f.d(`NEW_RELIC_ACCOUNT_ID=${t.digits(7)}`, 'account id');
  }

  // ---- Makefile and Jenkins wrappers ----------------------------------------------------------
  {
    const f = repo.file('ops/Makefile', 'make');
    f.l('REGISTRY := registry.corp.acme-corp.io');
    const n = t.npm();
    f.s(`NPM_TOKEN ?= ${n}`, 'npm', n);
    f.l('', '.PHONY: login publish-py publish-js', '', 'login:');
    const p = pwA();
    f.s(`\tdocker login -u ci-bot -p ${p} $(REGISTRY)`, 'generic', p);
    f.d('\techo "$$DOCKERHUB_TOKEN" | docker login -u acmeci --password-stdin', 'variable');
    f.l('', 'publish-py:');
    const py = t.pypi();
    f.s(`\tTWINE_USERNAME=__token__ TWINE_PASSWORD=${py} twine upload dist/*`, 'pypi', py);
    f.l('', 'publish-js:');
    f.d('\tnpm publish --//registry.npmjs.org/:_authToken=$(NPM_TOKEN)', 'make variable');
  }
  {
    const f = repo.file('ci/jenkins/trigger_deploy.sh', 'jenkins');
    f.l(
      '#!/bin/bash',
      '# called from cron on the build box to kick the deploy jobs',
      'JENKINS_URL=https://jenkins.corp.acme-corp.io',
    );
    const j = jenkinsTok();
    f.s(
      `curl -fsS -X POST -u "deploy-bot:${j}" "$JENKINS_URL/job/deploy-prod/buildWithParameters?TAG=$1"`,
      'jenkins',
      j,
    );
    const trig = t.alnum(32);
    f.s(`curl -fsS "$JENKINS_URL/job/nightly/build?token=${trig}"`, 'generic', trig);
    f.d('curl -fsS -X POST -u "deploy-bot:$JENKINS_API_TOKEN" "$JENKINS_URL/job/rollback/build"', 'variable');
    const j2 = jenkinsTok();
    f.s(`java -jar jenkins-cli.jar -s "$JENKINS_URL" -auth admin:${j2} safe-restart`, 'jenkins', j2);
    const s = sonar();
    f.s(`sonar-scanner -Dsonar.host.url=https://sonar.corp.acme-corp.io -Dsonar.login=${s}`, 'sonarqube', s);
    f.d('docker run --rm -e SONAR_TOKEN="$SONAR_TOKEN" sonarsource/sonar-scanner-cli', 'variable');
  }

  // ---- Windows batch --------------------------------------------------------------------------
  {
    const f = repo.file('ops/windows/map_drives.bat', 'batch');
    f.l('@echo off', 'REM Map department shares at logon (deployed by GPO)');
    const a = pwNoPct();
    f.s(
      String.raw`net use Z: \\fs01.corp.acme-corp.io\finance /user:CORP\svc_finance ${a} /persistent:yes`,
      'generic',
      a,
    );
    f.d(String.raw`net use Y: \\fs02.corp.acme-corp.io\public /user:CORP\%USERNAME% *`, 'prompts');
    f.d(String.raw`net use X: \\fs02.corp.acme-corp.io\scans %SCAN_PASS% /user:CORP\scanner`, 'variable');
    const b = pwNoPct();
    f.s(`set SQLPASS=${b}`, 'generic', b);
    f.d(
      String.raw`sqlcmd -S sql01.corp.acme-corp.io -U sa -P %SQLPASS% -Q "BACKUP DATABASE erp TO DISK='D:\bak\erp.bak'"`,
      'variable',
    );
    const c = pwNoPct();
    f.s(`sqlcmd -S sql02.corp.acme-corp.io -U reporting -P ${c} -i nightly.sql`, 'generic', c);
    f.d('set "DB_PASS=%~1"', 'argument');
    f.d('if "%DB_PASS%"=="" set /p DB_PASS=Enter DB password: ', 'prompt');
  }
  {
    const f = repo.file('ops/windows/register_tasks.cmd', 'batch');
    f.l('@echo off', 'setlocal');
    const a = pwNoPct();
    f.s(
      String.raw`schtasks /Create /TN "Nightly ERP Export" /TR "C:\ops\erp_export.cmd" /SC DAILY /ST 02:00 /RU CORP\svc_erp /RP ${a} /F`,
      'generic',
      a,
    );
    f.l(String.raw`schtasks /Create /TN "Log Cleanup" /TR "C:\ops\cleanup.cmd" /SC WEEKLY /RU SYSTEM /F`);
    const b = pwNoPct();
    f.s(String.raw`cmdkey /add:fs01.corp.acme-corp.io /user:CORP\svc_backup /pass:${b}`, 'generic', b);
    f.d(String.raw`cmdkey /add:TERMSRV/rdp01.corp.acme-corp.io /user:CORP\helpdesk /pass`, 'prompts');
    f.d(String.raw`runas /savecred /user:CORP\adm_ops "mmc compmgmt.msc"`, 'no password');
    const c = pwNoPct();
    f.s(`net user kiosk ${c} /add /passwordchg:no`, 'generic', c);
    f.d('net user tempadmin * /add', 'prompts');
    const d = pwNoPct();
    f.s(String.raw`sc.exe config "AcmeAgent" obj= "CORP\svc_agent" password= "${d}"`, 'generic', d);
    f.l('endlocal');
  }

  // ---- PowerShell -------------------------------------------------------------------------------
  {
    const f = repo.file('ops/windows/Install-Agent.ps1', 'powershell');
    f.l('#Requires -RunAsAdministrator', 'param(', "  [string]$Server = 'mgmt01.corp.acme-corp.io',");
    f.d(
      "  [System.Management.Automation.PSCredential]$Credential = (Get-Credential -Message 'Agent service account')",
      'Get-Credential',
    );
    f.l(')');
    const a = pw().replace(/'/g, '');
    f.s(`$secpass = ConvertTo-SecureString '${a}' -AsPlainText -Force`, 'generic', a);
    f.l(
      "$svcCred = New-Object System.Management.Automation.PSCredential ('CORP\\svc_agent', $secpass)",
      'Invoke-Command -ComputerName $Server -Credential $svcCred -ScriptBlock { Restart-Service AcmeAgent }',
    );
    f.d('$headers = @{ Authorization = "Bearer $env:AGENT_API_TOKEN" }', 'env reference');
    const gl = t.gitlab();
    f.s(
      `Invoke-RestMethod -Uri https://gitlab.corp.acme-corp.io/api/v4/projects/42/pipeline?ref=main -Method Post -Headers @{ 'PRIVATE-TOKEN' = '${gl}' }`,
      'gitlab',
      gl,
    );
    const b = pwA();
    f.s(`$basic = [Convert]::ToBase64String([Text.Encoding]::ASCII.GetBytes('deploy:${b}'))`, 'generic', b);
    f.l(
      'Invoke-RestMethod -Uri https://nexus.corp.acme-corp.io/service/rest/v1/status -Headers @{ Authorization = "Basic $basic" }',
    );
    f.d("$token = Read-Host -Prompt 'Enter API token' -AsSecureString", 'Read-Host');
    f.d('$sec = Get-Content "$PSScriptRoot\\svc.cred" | ConvertTo-SecureString', 'DPAPI file');
    f.d(
      `$dpapi = ConvertTo-SecureString '01000000d08c9ddf0115d1118c7a00c04fc297eb01000000${t.pick(HEX, 280)}'`,
      'DPAPI ciphertext bound to one user and machine',
    );
  }
  {
    const f = repo.file('ops/windows/AcmeAzure.psm1', 'powershell');
    f.l('function Connect-AcmeAzure {');
    f.d(`  $env:AZURE_CLIENT_ID = '${t.uuid()}'`, 'client id uuid');
    const sec = t.azureClientSecret();
    f.s(`  $env:AZURE_CLIENT_SECRET = '${sec}'`, 'azure', sec);
    f.d(`  $env:AZURE_TENANT_ID = '${t.uuid()}'`, 'tenant id uuid');
    f.d(
      '  $sp = New-Object PSCredential($env:AZURE_CLIENT_ID, (ConvertTo-SecureString $env:AZURE_CLIENT_SECRET -AsPlainText -Force))',
      'env reference',
    );
    f.l('  Connect-AzAccount -ServicePrincipal -Credential $sp -Tenant $env:AZURE_TENANT_ID | Out-Null', '}', '');
    f.l('function Publish-AcmeSecret {', '  param([string]$Name)');
    const kv = pw().replace(/'/g, '');
    f.s(
      `  Set-AzKeyVaultSecret -VaultName kv-acme-prod -Name 'sql-admin' -SecretValue (ConvertTo-SecureString '${kv}' -AsPlainText -Force)`,
      'generic',
      kv,
    );
    f.d(
      '  Set-AzKeyVaultSecret -VaultName kv-acme-prod -Name $Name -SecretValue (Read-Host -AsSecureString)',
      'Read-Host',
    );
    f.l('}', '', '$sqlParams = @{');
    f.l("  ServerInstance = 'sql01.corp.acme-corp.io'", "  Username       = 'sa'");
    const sp = pw().replace(/'/g, '');
    f.s(`  Password       = '${sp}'`, 'generic', sp);
    f.l('}', "Invoke-Sqlcmd @sqlParams -Query 'SELECT 1'", '', '$smtp = @"');
    f.l('Server=smtp.office365.com', 'Port=587', 'User=alerts@acme-corp.io');
    const hp = pwA();
    f.s(`Password=${hp}`, 'generic', hp);
    f.l('"@', '$smtp | Set-Content C:\\ops\\smtp.ini');
    f.l('$config = Get-Content C:\\ops\\settings.json | ConvertFrom-Json');
    f.d('$password = $config.Password', 'property reference');
  }
  {
    const f = repo.file('ops/windows/Deploy-Certs.ps1', 'powershell');
    const a = pw().replace(/'/g, '');
    f.s(`$pfxPass = ConvertTo-SecureString -String '${a}' -Force -AsPlainText`, 'generic', a);
    f.l(
      'Import-PfxCertificate -FilePath C:\\certs\\web.pfx -CertStoreLocation Cert:\\LocalMachine\\My -Password $pfxPass',
    );
    f.d('$pfxPass2 = Read-Host "PFX password for the intranet certificate" -AsSecureString', 'Read-Host');
    f.l(`$env:TWILIO_ACCOUNT_SID = '${t.twilioSid()}'`);
    const tw = t.twilioToken();
    f.s(`$env:TWILIO_AUTH_TOKEN = '${tw}'`, 'twilio', tw);
    f.d('$cred = Import-Clixml -Path "$env:USERPROFILE\\.acme\\deploy.xml"', 'exported credential');
  }

  // ---- VBScript, AutoHotkey, AppleScript ------------------------------------------------------
  {
    const f = repo.file('ops/windows/legacy/logon.vbs', 'vbscript');
    f.l(
      "' Legacy logon script for the branch offices",
      'Option Explicit',
      'Dim objNetwork, strUser, strPassword, strPin',
    );
    f.l('Set objNetwork = CreateObject("WScript.Network")', 'strUser = "CORP\\svc_branch"');
    const a = pw().replace(/"/g, '');
    f.s(`strPassword = "${a}"`, 'generic', a);
    f.l('objNetwork.MapNetworkDrive "S:", "\\\\fs01.corp.acme-corp.io\\branch", False, strUser, strPassword');
    const b = pw().replace(/"/g, '');
    f.s(
      `objNetwork.MapNetworkDrive "P:", "\\\\fs03.corp.acme-corp.io\\print", False, "CORP\\svc_print", "${b}"`,
      'generic',
      b,
    );
    f.l('Dim conn: Set conn = CreateObject("ADODB.Connection")');
    const c = pwA();
    f.s(
      `conn.Open "Provider=SQLOLEDB;Data Source=sql01.corp.acme-corp.io;Initial Catalog=Inventory;User ID=inv_app;Password=${c};"`,
      'database',
      c,
    );
    f.d('strPin = InputBox("Enter your badge PIN", "Branch logon")', 'InputBox prompt');
  }
  {
    const f = repo.file('ops/windows/autohotkey/erp_login.ahk', 'autohotkey');
    f.l('; Hotkey that logs the shared kiosk into the ERP client', '#NoEnv', 'ErpUser := "kiosk01"');
    const a = pwA();
    f.s(`ErpPass := "${a}"`, 'generic', a);
    f.l('^!l::', '  WinActivate, ERP Login', '  Send, %ErpUser%{Tab}%ErpPass%{Enter}', 'return', '^!m::');
    f.l('  WinActivate, Mail Login');
    const b = pwA();
    f.s(`  SendRaw, ${b}`, 'generic', b);
    f.l('  Send, {Enter}', 'return', '^!p::');
    f.d('  InputBox, VpnPass, VPN, Enter VPN password, HIDE', 'InputBox prompt');
    f.d('  Run, rasdial "Acme VPN" %A_UserName% %VpnPass%', 'variable');
    f.l('return');
  }
  {
    const f = repo.file('ops/mac/mount_nas.applescript', 'applescript');
    f.l('-- mount the design team NAS at login', 'tell application "Finder"');
    const a = pwA();
    f.s(`  mount volume "smb://design:${a}@nas01.studio.acme-corp.io/projects"`, 'generic', a);
    f.l('end tell');
    const b = pw().replace(/"/g, '');
    f.s(
      `do shell script "/usr/sbin/softwareupdate -ia" user name "itadmin" password "${b}" with administrator privileges`,
      'generic',
      b,
    );
    f.d(
      'set vpnPass to text returned of (display dialog "VPN password" default answer "" with hidden answer)',
      'dialog prompt',
    );
    f.d('set nasPass to do shell script "security find-generic-password -s acme-nas -w"', 'keychain');
    f.l('mount volume "smb://nas01.studio.acme-corp.io/public"');
  }

  // ---- Perl, Ruby, Python -------------------------------------------------------------------------
  {
    const f = repo.file('ops/perl/nightly_report.pl', 'perl');
    f.l('#!/usr/bin/perl', 'use strict;', 'use warnings;', 'use DBI;', 'use Net::FTP;', 'use LWP::UserAgent;', '');
    const a = pw().replace(/"/g, '');
    f.s(
      `my $dbh = DBI->connect("dbi:Pg:dbname=erp;host=pg-erp.corp.acme-corp.io;port=5432", "report", '${a}', { RaiseError => 1 });`,
      'database',
      a,
    );
    f.d(
      'my $crm = DBI->connect("dbi:mysql:database=crm;host=crm-db01.corp.acme-corp.io", "crm_ro", $ENV{CRM_DB_PASS});',
      'environment',
    );
    f.l('my $ftp = Net::FTP->new("ftp.partner-logistics.com", Passive => 1) or die "connect: $@";');
    const b = pw().replace(/'/g, '');
    f.s(`$ftp->login("acme_upload", '${b}') or die "login: ", $ftp->message;`, 'generic', b);
    f.l('my $ua = LWP::UserAgent->new(timeout => 20);');
    const c = pw().replace(/'/g, '');
    f.s(`$ua->credentials("intranet.corp.acme-corp.io:443", "Acme Intranet", "svc_report", '${c}');`, 'generic', c);
    f.d('die "Usage: $0 --user USER --password PASSWORD\\n" unless @ARGV;', 'usage text');
  }
  {
    const f = repo.file('ops/ruby/lib/tasks/backup.rake', 'ruby');
    f.l("require 'net/sftp'", '', 'namespace :backup do', "  desc 'Upload the nightly dump to the offsite SFTP'");
    f.l('  task offsite: :environment do');
    const id = t.awsId();
    const sec = t.awsSecret();
    f.s(`    ENV['AWS_ACCESS_KEY_ID'] ||= '${id}'`, 'aws', id);
    f.s(`    ENV['AWS_SECRET_ACCESS_KEY'] ||= '${sec}'`, 'aws', sec);
    const p = pw().replace(/'/g, '');
    f.s(`    Net::SFTP.start('sftp.offsite-vault.com', 'acme', password: '${p}') do |sftp|`, 'generic', p);
    f.l('      sftp.upload!(\'tmp/dump.tar.gz\', "/incoming/dump-#{Date.today}.tar.gz")', '    end', '  end', '');
    f.l('  task smoke_charge: :environment do');
    const sk = t.stripeLive();
    f.s(`    Stripe.api_key = '${sk}'`, 'stripe', sk);
    f.l('    Stripe::Balance.retrieve', '  end', '', '  task verify: :environment do');
    f.d("    password = ENV.fetch('SFTP_PASSWORD')", 'environment');
    f.d("    sh 'sha256sum -c tmp/dump.tar.gz.sha256'", 'checksum verification');
    f.l('  end', 'end');
  }
  {
    const f = repo.file('ops/python/rotate_service_accounts.py', 'python');
    f.l(
      '#!/usr/bin/env python3',
      '"""One-off: rotate the kiosk accounts in AD and tell the helpdesk."""',
      'import getpass',
      'import os',
      'import smtplib',
      '',
      'import paramiko',
      'import requests',
      'from ldap3 import ALL, Connection, Server',
      '',
      'server = Server("ldaps://dc01.corp.acme-corp.io", get_info=ALL)',
    );
    const a = pw().replace(/"/g, '');
    f.s(
      `conn = Connection(server, "CN=svc_rotate,OU=Service,DC=corp,DC=acme-corp,DC=io", "${a}", auto_bind=True)`,
      'generic',
      a,
    );
    f.l('ssh = paramiko.SSHClient()', 'ssh.set_missing_host_key_policy(paramiko.AutoAddPolicy())');
    const b = pw().replace(/"/g, '');
    f.s(`ssh.connect("jump01.corp.acme-corp.io", username="rotate", password="${b}")`, 'generic', b);
    const c = pw().replace(/"/g, '');
    f.s(
      `r = requests.get("https://itsm.corp.acme-corp.io/api/now/table/incident", auth=("svc_itsm", "${c}"), timeout=10)`,
      'generic',
      c,
    );
    f.l('with smtplib.SMTP("smtp.sendgrid.net", 587) as smtp:', '    smtp.starttls()');
    const sg = t.sendgrid();
    f.s(`    smtp.login("apikey", "${sg}")`, 'sendgrid', sg);
    f.d('admin_pw = getpass.getpass("Domain admin password: ")', 'getpass prompt');
    f.d('token = os.environ["ITSM_TOKEN"]', 'environment');
    f.d(
      'conn2 = Connection(server, user=os.environ["LDAP_USER"], password=os.environ["LDAP_PASSWORD"])',
      'environment',
    );
  }
  {
    const f = repo.file('ops/python/notify_slack.py', 'python');
    f.l('import json', 'import os', 'import urllib.request', '', 'from slack_sdk import WebClient', '');
    const wh = t.slackWebhook();
    f.s(`WEBHOOK = "${wh}"`, 'slack', wh);
    f.d('BOT_TOKEN = os.environ.get("SLACK_BOT_TOKEN", "")', 'environment with empty default');
    const bot = t.slackBot();
    f.s(`client = WebClient(token="${bot}")`, 'slack', bot);
    f.l(
      '',
      'def post(text):',
      '    req = urllib.request.Request(WEBHOOK, json.dumps({"text": text}).encode(), {"Content-Type": "application/json"})',
      '    urllib.request.urlopen(req, timeout=5)',
    );
  }

  // ---- templates and docs (decoys) ------------------------------------------------------------
  {
    const f = repo.file('ops/templates/app.env.tmpl', 'decoys');
    f.l('# copy to /etc/acme/app.env and fill in');
    f.d('DB_PASSWORD=changeme', 'placeholder');
    f.d('API_KEY=<your-api-key>', 'placeholder');
    f.d('SMTP_PASSWORD=', 'empty');
    f.d('ADMIN_PASSWORD=${ADMIN_PASSWORD}', 'variable');
    f.d('LDAP_BIND_PW=xxxxxxxx', 'placeholder');
    f.d('REDIS_PASSWORD=CHANGE_ME', 'placeholder');
    f.d('JWT_SECRET=replace-with-output-of-openssl-rand', 'placeholder');
  }
  {
    const f = repo.file('ops/scripts/README.md', 'decoys');
    f.l('# ops scripts', '', 'Run from the jump host. Examples:', '', '```sh', './deploy/push_release.sh 1.4.2');
    f.d('PGPASSWORD=<password> ./backup/pg_backup.sh billing', 'placeholder');
    f.d("sshpass -p 'YOUR_PASSWORD' ssh deploy@app01.dmz.acme-corp.io", 'placeholder');
    f.d('./fetch_artifacts.sh --token "$GITHUB_TOKEN"', 'variable');
    f.d('# AWS example keys from the docs: AKIAIOSFODNN7EXAMPLE', 'vendor example');
    f.l('```');
  }

  return repo;
}
