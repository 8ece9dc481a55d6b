// Red-team suite "devtools": developer-tool and client configuration that gets committed by
// accident — a dotfiles repository with a checked-in home folder plus a project with its editor
// and API-client state: VS Code settings/launch/tasks/sftp.json, JetBrains .idea data sources and
// run configurations, DBeaver, FileZilla (base64 passwords), WinSCP (reversible obfuscation),
// PuTTY session exports and .ppk keys, MobaXterm, Postman/Insomnia/Bruno/.http exports, rclone
// (obscured passwords), s3cmd, AWS (static, session and SSO profiles), kubeconfig, Terraform,
// PyPI, RubyGems, Maven, Gradle, Yarn, Cargo, MinIO mc, gh/glab/hub, Docker, .netrc, Netlify,
// Vercel, Firebase, gcloud, Azure CLI, SSH, git-credentials, .pgpass, .my.cnf, Robo 3T, mongosh,
// RedisInsight, shell and tmux histories and direnv. Decoys: encrypted or hashed values that are
// useless alone (Maven {…} passwords, FileZilla/MobaXterm master-password crypt, passphrase-
// protected keys), SSO/profile references, credential helpers, empty fields, placeholders and
// template variables (${env:…}, {{…}}, ${…}), public keys, known_hosts lines, fingerprints,
// UUIDs and ids, and the documented public OAuth client ids of gcloud, gh and Azure CLI.
// Every credential is drawn from the seeded PRNG at run time.
import { createCipheriv } from 'node:crypto';
import { ALNUM, B64, BASE32, DIGIT, LOWER, UPPER, URLSAFE, Repo, makeTokens, mulberry32 } from './generate.mjs';

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 7919 + 401);
  const t = makeTokens(rand);
  const repo = new Repo();
  const b64 = (s) => Buffer.from(s).toString('base64');
  const b64url = (s) => Buffer.from(s).toString('base64url');
  const bytes = (n) => Buffer.from(Array.from({ length: n }, () => Math.floor(rand() * 256)));
  const pw = () => t.password();
  const plainPw = () => t.password().replace(/[^A-Za-z0-9]/g, '');
  const ts = () => 1717000000 + Math.floor(rand() * 20000000);

  // Vendor formats not in makeTokens (each per the vendor's published shape).
  const asiaId = () => `ASIA${t.mixed(BASE32, 16)}`;
  const awsSession = () => `IQoJb3JpZ2luX2Vj${t.mixed(B64, 620)}`;
  const rs256 = (header, payload) =>
    `${b64url(JSON.stringify({ alg: 'RS256', ...header }))}.${b64url(JSON.stringify(payload))}.${t.mixed(URLSAFE, 342)}`;
  const googleRefresh = () =>
    `1//0${t.mixed(URLSAFE, 2)}CgYIARAAGA${t.pick('QsAkMUE', 1)}SNwF-L9Ir${t.mixed(URLSAFE, 79)}`;
  const googleAccess = () => `ya29.a0A${t.mixed(URLSAFE, 210)}`;
  const dockerPat = () => `dckr_pat_${t.mixed(URLSAFE, 27)}`;
  const pmak = () => `PMAK-${t.hex(24)}-${t.hex(34)}`;
  const tfToken = () => `${t.mixed(ALNUM, 14)}.atlasv1.${t.mixed(ALNUM, 67)}`;
  const rubygems = () => `rubygems_${t.hex(48)}`;
  const crates = () => `cio${t.mixed(ALNUM, 32)}`;
  const netlifyPat = () => `nfp_${t.mixed(ALNUM, 36)}`;
  const netlifyLegacy = () => t.mixed(URLSAFE, 43);
  const sonar = () => `squ_${t.hex(40)}`;
  const azdoPat = () => t.mixed(LOWER + '234567', 52);
  const artifactoryKey = () => `AKCp${t.mixed(ALNUM, 69)}`;
  const vaultTok = () => `hvs.${t.mixed(ALNUM, 24)}`;
  const bootstrap = () => `${t.lower(6)}.${t.lower(16)}`;
  const sentry = () =>
    `sntrys_${b64(JSON.stringify({ iat: ts() + 0.5, url: 'https://sentry.io', region_url: 'https://us.sentry.io', org: 'acme-corp' }))}_${t.mixed(B64, 43)}`;
  const pem = (label, headerHex, n) => {
    const body = Buffer.concat([Buffer.from(headerHex, 'hex'), bytes(n)]).toString('base64');
    return [`-----BEGIN ${label}-----`, ...body.match(/.{1,64}/g), `-----END ${label}-----`];
  };
  const certB64 = () =>
    b64(
      ['-----BEGIN CERTIFICATE-----', `MIIC${t.mixed(B64, 60)}`, t.mixed(B64, 64), '-----END CERTIFICATE-----'].join(
        '\n',
      ),
    );
  const ed25519Pub = () => `AAAAC3NzaC1lZDI1NTE5AAAAI${t.mixed(B64, 43)}`;
  const fingerprint = () => `SHA256:${bytes(32).toString('base64').replace(/=+$/, '')}`;
  // WinSCP's stored-password obfuscation (reversible, key = user + host).
  const winscp = (password, user, host) => {
    const enc = (c) => (((~c ^ 0xa3) & 0xff) >>> 0).toString(16).toUpperCase().padStart(2, '0');
    const plain = Buffer.from(user + host + password, 'latin1');
    const shift = Math.floor(rand() * (50 - plain.length));
    let s = enc(0xff) + enc(0x00) + enc(plain.length) + enc(shift);
    for (let i = 0; i < shift; i++) s += enc(Math.floor(rand() * 256));
    for (const c of plain) s += enc(c);
    while (s.length < 100) s += enc(Math.floor(rand() * 256));
    return s;
  };
  // rclone obscure: AES-256-CTR under rclone's published fixed key, base64url(iv + ciphertext).
  const rcloneKey = Buffer.from('9c935b48730a554d6bfd7c63c886a92bd390198eb8128afbf4de162b8b95f638', 'hex');
  const obscure = (password) => {
    const iv = bytes(16);
    const c = createCipheriv('aes-256-ctr', rcloneKey, iv);
    return Buffer.concat([iv, c.update(password, 'utf8'), c.final()]).toString('base64url');
  };
  const mavenEnc = () => `{${bytes(32).toString('base64')}}`;
  const h = (line) => `: ${ts()}:0;${line}`;

  // Documented public OAuth clients of CLI apps (not secrets).
  const GCLOUD_CLIENT_ID = '764086051850-6qr4p6gpi6hn506pt8ejuq83di341hur.apps.googleusercontent.com';
  const GH_CLI_CLIENT_ID = '178c6fc778ccc68e1d6a';
  const AZ_CLI_CLIENT_ID = '04b07795-8ddb-461a-bbee-02f9e1bf7b46';

  // ---- VS Code -------------------------------------------------------------------------------
  {
    const f = repo.file('.vscode/settings.json', 'vscode');
    f.l('{', '  "editor.formatOnSave": true,', '  "files.eol": "\\n",', '  "terminal.integrated.env.linux": {');
    const oa = t.openai();
    f.s(`    "OPENAI_API_KEY": "${oa}",`, 'openai', oa);
    f.d('    "AWS_PROFILE": "acme-dev"', 'profile name');
    f.l('  },', '  "sqltools.connections": [', '    {', '      "name": "staging",', '      "driver": "PostgreSQL",');
    f.l(
      '      "server": "db-staging.acme-corp.io",',
      '      "port": 5432,',
      '      "database": "app",',
      '      "username": "app",',
    );
    const sq = pw();
    f.s(`      "password": "${sq}"`, 'generic', sq);
    f.l(
      '    },',
      '    {',
      '      "name": "prod (read only)",',
      '      "driver": "PostgreSQL",',
      '      "username": "readonly",',
    );
    f.d('      "askForPassword": true', 'prompt flag');
    f.l('    }', '  ],', '  "mssql.connections": [', '    {', '      "server": "sql-reporting.acme-corp.io",');
    f.l('      "authenticationType": "SqlLogin",', '      "user": "report",');
    f.d('      "password": "",', 'empty, kept in keychain');
    f.l(
      '      "savePassword": true',
      '    }',
      '  ],',
      '  "rest-client.environmentVariables": {',
      '    "$shared": { "version": "v1" },',
    );
    f.l('    "prod": {', '      "host": "https://api.acme-corp.io",');
    const rc = t.mixed(URLSAFE, 40);
    f.s(`      "apiToken": "${rc}"`, 'generic', rc);
    f.l('    },', '    "local": {');
    f.d('      "apiToken": "{{$dotenv API_TOKEN}}"', 'dotenv reference');
    f.l('    }', '  },', '  "sonarlint.connectedMode.connections.sonarqube": [', '    {');
    f.l('      "connectionId": "acme",', '      "serverUrl": "https://sonar.acme-corp.io",');
    const sq2 = sonar();
    f.s(`      "token": "${sq2}"`, 'sonarqube', sq2);
    f.l('    }', '  ],');
    f.d('  "github.copilot.advanced": { "authProvider": "github-enterprise" },', 'setting');
    f.d('  "python.envFile": "${workspaceFolder}/.env"', 'file reference');
    f.l('}');
  }
  {
    const f = repo.file('.vscode/launch.json', 'vscode');
    f.l(
      '{',
      '  "version": "0.2.0",',
      '  "configurations": [',
      '    {',
      '      "type": "node",',
      '      "request": "launch",',
    );
    f.l('      "name": "api (prod data)",', '      "program": "${workspaceFolder}/services/api/src/index.ts",');
    f.d('      "envFile": "${workspaceFolder}/.env.local",', 'file reference');
    f.l('      "env": {', '        "NODE_ENV": "development",');
    const dbp = plainPw();
    f.s(`        "DATABASE_URL": "postgres://api:${dbp}@db-prod.acme-corp.io:5432/api",`, 'database', dbp);
    const sk = t.stripeLive();
    f.s(`        "STRIPE_SECRET_KEY": "${sk}",`, 'stripe', sk);
    f.d('        "GITHUB_TOKEN": "${env:GITHUB_TOKEN}",', 'env reference');
    f.d('        "DB_PASSWORD": "${input:dbPassword}"', 'input reference');
    f.l(
      '      }',
      '    },',
      '    {',
      '      "type": "debugpy",',
      '      "request": "launch",',
      '      "name": "ml worker",',
    );
    f.l('      "module": "ml.worker",', '      "env": {');
    const an = t.anthropic();
    f.s(`        "ANTHROPIC_API_KEY": "${an}"`, 'anthropic', an);
    f.l('      },', '      "args": [');
    const hfTok = t.mixed(ALNUM, 40);
    f.s(`        "--webhook-secret", "${hfTok}",`, 'generic', hfTok);
    f.l('        "--verbose"', '      ]', '    }', '  ],', '  "inputs": [', '    {', '      "id": "dbPassword",');
    f.l('      "type": "promptString",', '      "description": "Database password",');
    f.d('      "password": true', 'prompt flag');
    f.l('    }', '  ]', '}');
  }
  {
    const f = repo.file('.vscode/tasks.json', 'vscode');
    f.l('{', '  "version": "2.0.0",', '  "tasks": [', '    {', '      "label": "purge cdn",', '      "type": "shell",');
    const dop = t.digitalocean();
    f.s(
      `      "command": "curl -fsS -X DELETE -H 'Authorization: Bearer ${dop}' https://api.digitalocean.com/v2/cdn/endpoints/main/cache"`,
      'digitalocean',
      dop,
    );
    f.l(
      '    },',
      '    {',
      '      "label": "seed local db",',
      '      "type": "shell",',
      '      "command": "psql",',
      '      "args": [',
    );
    f.l('        "-f",', '        "scripts/seed.sql"', '      ]', '    },', '    {', '      "label": "publish sdk",');
    f.l(
      '      "type": "shell",',
      '      "command": "npm publish --access public",',
      '      "options": {',
      '        "env": {',
    );
    const npm = t.npm();
    f.s(`          "NODE_AUTH_TOKEN": "${npm}"`, 'npm', npm);
    f.l('        }', '      }', '    },', '    {', '      "label": "registry login",', '      "type": "shell",');
    f.d(
      '      "command": "docker login ghcr.io -u acme-bot --password-stdin < ${env:HOME}/.ghcr-token"',
      'stdin login',
    );
    f.l('    }', '  ]', '}');
  }
  {
    const f = repo.file('.vscode/sftp.json', 'vscode');
    f.l('{', '  "name": "web prod",', '  "host": "web1.acme-corp.io",', '  "protocol": "sftp",', '  "port": 22,');
    f.l('  "username": "deploy",');
    const p = pw();
    f.s(`  "password": "${p}",`, 'generic', p);
    f.l('  "remotePath": "/var/www/acme",', '  "uploadOnSave": true,', '  "profiles": {', '    "staging": {');
    f.l('      "host": "web1.staging.acme-corp.io",');
    f.d('      "privateKeyPath": "~/.ssh/id_ed25519",', 'key path');
    f.d('      "passphrase": true', 'prompt flag');
    f.l('    }', '  }', '}');
  }

  // ---- JetBrains -----------------------------------------------------------------------------
  {
    const f = repo.file('.idea/dataSources.xml', 'jetbrains');
    f.l('<?xml version="1.0" encoding="UTF-8"?>', '<project version="4">');
    f.l('  <component name="DataSourceManagerImpl" format="xml" multifile-model="true">');
    f.d(`    <data-source source="LOCAL" name="billing@db-prod" uuid="${t.uuid()}">`, 'uuid');
    f.l('      <driver-ref>postgresql</driver-ref>', '      <synchronize>true</synchronize>');
    f.l('      <jdbc-driver>org.postgresql.Driver</jdbc-driver>');
    f.d('      <jdbc-url>jdbc:postgresql://db-prod.acme-corp.io:5432/billing</jdbc-url>', 'url without credentials');
    f.l('      <working-dir>$ProjectFileDir$</working-dir>', '    </data-source>');
    f.l(
      `    <data-source source="LOCAL" name="shop@mysql" uuid="${t.uuid()}">`,
      '      <driver-ref>mysql.8</driver-ref>',
    );
    const my = plainPw();
    f.s(
      `      <jdbc-url>jdbc:mysql://mysql-01.acme-corp.io:3306/shop?user=shop&amp;password=${my}&amp;useSSL=true</jdbc-url>`,
      'database',
      my,
    );
    f.l('    </data-source>', `    <data-source source="LOCAL" name="reporting" uuid="${t.uuid()}">`);
    f.l('      <driver-ref>sqlserver.ms</driver-ref>');
    const ms = plainPw();
    f.s(
      `      <jdbc-url>jdbc:sqlserver://sql-reporting.acme-corp.io:1433;databaseName=reports;user=sa;password=${ms};encrypt=true</jdbc-url>`,
      'database',
      ms,
    );
    f.l('    </data-source>', '  </component>', '</project>');
  }
  {
    const f = repo.file('.idea/workspace.xml', 'jetbrains');
    f.l('<?xml version="1.0" encoding="UTF-8"?>', '<project version="4">');
    f.l('  <component name="PropertiesComponent"><![CDATA[{', '  "keyToString": {');
    f.l('    "RunOnceActivity.ShowReadmeOnStart": "true",', '    "last_opened_file_path": "/home/dev/src/acme"');
    f.l('  }', '}]]></component>', '  <component name="RunManager" selected="Spring Boot.BillingApplication">');
    f.l(
      '    <configuration name="BillingApplication" type="SpringBootApplicationConfigurationType" factoryName="Spring Boot">',
    );
    f.l('      <option name="ACTIVE_PROFILES" value="local" />', '      <envs>');
    const sp = pw();
    f.s(`        <env name="SPRING_DATASOURCE_PASSWORD" value="${sp}" />`, 'generic', sp);
    const aws = t.awsSecret();
    f.l(`        <env name="AWS_REGION" value="eu-west-1" />`);
    f.s(`        <env name="AWS_SECRET_ACCESS_KEY" value="${aws}" />`, 'aws', aws);
    f.d('        <env name="AWS_PROFILE" value="billing-dev" />', 'profile name');
    f.d('        <env name="STRIPE_API_KEY" value="$STRIPE_API_KEY$" />', 'path macro');
    f.l('      </envs>', '      <module name="billing" />', '    </configuration>');
    f.l('    <configuration name="etl" type="PythonConfigurationType" factoryName="Python">', '      <envs>');
    f.l('        <env name="PYTHONUNBUFFERED" value="1" />');
    f.l('      </envs>', '    </configuration>', '  </component>', '</project>');
  }

  // ---- DBeaver -------------------------------------------------------------------------------
  {
    const f = repo.file('dotfiles/dbeaver/General/.dbeaver/data-sources.json', 'dbeaver');
    f.l('{', '\t"folders": {},', '\t"connections": {', `\t\t"postgres-jdbc-${t.hex(11)}-${t.hex(16)}": {`);
    f.l('\t\t\t"provider": "postgresql",', '\t\t\t"driver": "postgres-jdbc",', '\t\t\t"name": "billing-prod",');
    f.l('\t\t\t"save-password": true,', '\t\t\t"configuration": {', '\t\t\t\t"host": "db-prod.acme-corp.io",');
    f.l(
      '\t\t\t\t"port": "5432",',
      '\t\t\t\t"database": "billing",',
      '\t\t\t\t"url": "jdbc:postgresql://db-prod.acme-corp.io:5432/billing",',
    );
    f.l('\t\t\t\t"configurationType": "MANUAL",', '\t\t\t\t"type": "prod",', '\t\t\t\t"auth-model": "native",');
    f.l('\t\t\t\t"user": "billing",');
    const p = pw();
    f.s(`\t\t\t\t"password": "${p}",`, 'generic', p);
    f.l(
      '\t\t\t\t"handlers": {',
      '\t\t\t\t\t"ssh_tunnel": {',
      '\t\t\t\t\t\t"type": "TUNNEL",',
      '\t\t\t\t\t\t"enabled": true,',
    );
    f.l('\t\t\t\t\t\t"save-password": true,', '\t\t\t\t\t\t"user": "ops",');
    const sshp = pw();
    f.s(`\t\t\t\t\t\t"password": "${sshp}",`, 'generic', sshp);
    f.l('\t\t\t\t\t\t"properties": {', '\t\t\t\t\t\t\t"host": "bastion.acme-corp.io",', '\t\t\t\t\t\t\t"port": 22,');
    f.d('\t\t\t\t\t\t\t"authType": "PUBLIC_KEY",', 'auth type');
    f.d('\t\t\t\t\t\t\t"keyPath": "/home/dev/.ssh/id_ed25519"', 'key path');
    f.l('\t\t\t\t\t\t}', '\t\t\t\t\t}', '\t\t\t\t}', '\t\t\t}', '\t\t},', `\t\t"mysql8-${t.hex(11)}-${t.hex(16)}": {`);
    f.l('\t\t\t"provider": "mysql",', '\t\t\t"driver": "mysql8",', '\t\t\t"name": "shop",');
    f.d('\t\t\t"save-password": false,', 'flag');
    f.l('\t\t\t"configuration": {', '\t\t\t\t"host": "mysql-01.acme-corp.io",', '\t\t\t\t"port": "3306",');
    f.d('\t\t\t\t"auth-model": "native"', 'auth model');
    f.l('\t\t\t}', '\t\t}', '\t}', '}');
  }

  // ---- FileZilla, WinSCP, PuTTY, MobaXterm ---------------------------------------------------
  {
    const f = repo.file('dotfiles/AppData/Roaming/FileZilla/sitemanager.xml', 'filezilla');
    f.l('<?xml version="1.0" encoding="UTF-8" standalone="yes" ?>', '<FileZilla3 version="3.66.4" platform="windows">');
    f.l('\t<Servers>', '\t\t<Server>', '\t\t\t<Host>ftp.acme-corp.io</Host>', '\t\t\t<Port>21</Port>');
    f.l('\t\t\t<Protocol>0</Protocol>', '\t\t\t<Type>0</Type>', '\t\t\t<User>deploy</User>');
    const p1 = pw();
    f.s(`\t\t\t<Pass encoding="base64">${b64(p1)}</Pass>`, 'generic', p1);
    f.l('\t\t\t<Logontype>1</Logontype>', '\t\t\t<Name>acme prod ftp</Name>', '\t\t</Server>', '\t\t<Server>');
    f.l('\t\t\t<Host>sftp.partner-edi.com</Host>', '\t\t\t<Port>22</Port>', '\t\t\t<Protocol>1</Protocol>');
    f.l('\t\t\t<User>acme_edi</User>');
    const p2 = plainPw();
    f.s(`\t\t\t<Pass encoding="base64">${b64(p2)}</Pass>`, 'generic', p2);
    f.l('\t\t\t<Logontype>1</Logontype>', '\t\t\t<Name>partner EDI</Name>', '\t\t</Server>', '\t\t<Server>');
    f.l(
      '\t\t\t<Host>sftp.acme-corp.io</Host>',
      '\t\t\t<Port>22</Port>',
      '\t\t\t<Protocol>1</Protocol>',
      '\t\t\t<User>ops</User>',
    );
    f.l('\t\t\t<Logontype>5</Logontype>');
    f.d('\t\t\t<Keyfile>C:\\Users\\dev\\.ssh\\sftp.ppk</Keyfile>', 'key path');
    f.l('\t\t\t<Name>acme sftp</Name>', '\t\t</Server>', '\t\t<Server>', '\t\t\t<Host>files.acme-corp.io</Host>');
    f.l('\t\t\t<Port>21</Port>', '\t\t\t<User>archive</User>');
    f.d(
      `\t\t\t<Pass encoding="crypt" pubkey="${bytes(64).toString('base64')}">${bytes(48).toString('base64')}</Pass>`,
      'encrypted under the FileZilla master password',
    );
    f.l(
      '\t\t\t<Logontype>1</Logontype>',
      '\t\t\t<Name>archive</Name>',
      '\t\t</Server>',
      '\t</Servers>',
      '</FileZilla3>',
    );
  }
  {
    const f = repo.file('dotfiles/AppData/Roaming/WinSCP.ini', 'winscp');
    f.l('[Configuration\\Security]', 'UseMasterPassword=0', '', '[Sessions\\deploy@sftp.acme-corp.io]');
    f.l('HostName=sftp.acme-corp.io', 'UserName=deploy');
    const enc = winscp(plainPw(), 'deploy', 'sftp.acme-corp.io');
    f.s(`Password=${enc}`, 'generic', enc);
    f.l('FSProtocol=2', '', '[Sessions\\backup@nas.acme-corp.io]', 'HostName=nas.acme-corp.io', 'UserName=backup');
    const plain = pw();
    f.s(`PasswordPlain=${plain}`, 'generic', plain);
    f.l('', '[Sessions\\ops@bastion.acme-corp.io]', 'HostName=bastion.acme-corp.io', 'UserName=ops');
    f.d('PublicKeyFile=C:%5CUsers%5Cdev%5C.ssh%5Cbastion.ppk', 'key path');
    f.l('', '[SshHostKeys]');
    f.d(`ssh-ed25519@22:bastion.acme-corp.io=0x${t.hex(64)},0x${t.hex(64)}`, 'host public key');
  }
  {
    const f = repo.file('dotfiles/windows/putty-sessions.reg', 'putty');
    f.l(
      'Windows Registry Editor Version 5.00',
      '',
      '[HKEY_CURRENT_USER\\Software\\SimonTatham\\PuTTY\\Sessions\\bastion-prod]',
    );
    f.l('"HostName"="bastion.acme-corp.io"', '"PortNumber"=dword:00000016', '"UserName"="ops"');
    f.d('"PublicKeyFile"="C:\\\\Users\\\\dev\\\\.ssh\\\\bastion.ppk"', 'key path');
    f.l('"ProxyMethod"=dword:00000003', '"ProxyHost"="proxy.acme-corp.io"', '"ProxyUsername"="jdoe"');
    const pp = plainPw();
    f.s(`"ProxyPassword"="${pp}"`, 'generic', pp);
    f.l('', '[HKEY_CURRENT_USER\\Software\\SimonTatham\\PuTTY\\SshHostKeys]');
    f.d(`"ssh-ed25519@22:bastion.acme-corp.io"="0x${t.hex(64)},0x${t.hex(64)}"`, 'host public key');
  }
  {
    const f = repo.file('dotfiles/windows/keys/deploy.ppk', 'putty');
    const pubBlob = Buffer.concat([
      Buffer.from('0000000b7373682d65643235353139', 'hex'),
      Buffer.from('00000020', 'hex'),
      bytes(32),
    ]);
    const privBlob = Buffer.concat([Buffer.from('00000020', 'hex'), bytes(32)]).toString('base64');
    f.l('PuTTY-User-Key-File-3: ssh-ed25519', 'Encryption: none', 'Comment: eddsa-key-20250114', 'Public-Lines: 2');
    const pl = pubBlob.toString('base64').match(/.{1,64}/g);
    f.d(pl, 'public half');
    f.l('Private-Lines: 1');
    f.s(privBlob, 'private-key', privBlob);
    f.l(`Private-MAC: ${t.hex(64)}`);
  }
  {
    const f = repo.file('dotfiles/windows/MobaXterm/MobaXterm.ini', 'mobaxterm');
    f.l('[Misc]', 'PasswordsInRegistry=0', 'MasterPasswordHash=1', '', '[Bookmarks]', 'SubRep=', 'ImgNum=42');
    f.l(
      'bastion-prod=#109#0%bastion.acme-corp.io%22%ops%%-1%-1%%%22%%0%0%0%%%-1%0%0%0%%1080%%0%0%1#MobaFont%10%0%0%-1%15%236,236,236%30,30,30%180,180,192%0%-1%0%%xterm%-1%-1%_Std_Colors_0_%80%24%0%1%-1%<none>%%0%1%-1%-1#0# #-1',
    );
    f.l('', '[Passwords]');
    f.d(
      `ssh22:ops@bastion.acme-corp.io=${bytes(40).toString('base64')}`,
      'encrypted under the MobaXterm master password',
    );
  }

  // ---- Postman, Insomnia, Bruno, .http ------------------------------------------------------
  {
    const f = repo.file('api-tests/postman/acme-prod.postman_environment.json', 'postman');
    f.l('{', `\t"id": "${t.uuid()}",`, '\t"name": "acme-prod",', '\t"values": [');
    const entry = (key, type, valueLine) => {
      f.l('\t\t{', `\t\t\t"key": "${key}",`);
      valueLine();
      f.l(`\t\t\t"type": "${type}",`, '\t\t\t"enabled": true', '\t\t},');
    };
    entry('baseUrl', 'default', () => f.l('\t\t\t"value": "https://api.acme-corp.io",'));
    const pm = pmak();
    entry('postmanApiKey', 'secret', () => f.s(`\t\t\t"value": "${pm}",`, 'postman', pm));
    const ap = pw();
    entry('adminPassword', 'secret', () => f.s(`\t\t\t"value": "${ap}",`, 'generic', ap));
    entry('accessToken', 'secret', () => f.d('\t\t\t"value": "",', 'empty, filled by a pre-request script'));
    entry('ledgerToken', 'secret', () => f.d('\t\t\t"value": "{{vault:ledger-token}}",', 'postman vault reference'));
    f.l('\t\t{', '\t\t\t"key": "tenantId",');
    f.d(`\t\t\t"value": "${t.uuid()}",`, 'uuid');
    f.l(
      '\t\t\t"type": "default",',
      '\t\t\t"enabled": true',
      '\t\t}',
      '\t],',
      '\t"_postman_variable_scope": "environment",',
    );
    f.l('\t"_postman_exported_at": "2026-01-14T09:12:44.120Z",', '\t"_postman_exported_using": "Postman/11.24.3"', '}');
  }
  {
    const f = repo.file('api-tests/postman/billing.postman_collection.json', 'postman');
    f.l('{', '\t"info": {', `\t\t"_postman_id": "${t.uuid()}",`, '\t\t"name": "Billing API",');
    f.l('\t\t"schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",');
    f.d(`\t\t"_exporter_id": "${t.digits(8)}"`, 'exporter id');
    f.l('\t},', '\t"item": [', '\t\t{', '\t\t\t"name": "List invoices",', '\t\t\t"request": {', '\t\t\t\t"auth": {');
    f.l('\t\t\t\t\t"type": "bearer",', '\t\t\t\t\t"bearer": [', '\t\t\t\t\t\t{', '\t\t\t\t\t\t\t"key": "token",');
    const gh = t.github();
    f.s(`\t\t\t\t\t\t\t"value": "${gh}",`, 'github', gh);
    f.l('\t\t\t\t\t\t\t"type": "string"', '\t\t\t\t\t\t}', '\t\t\t\t\t]', '\t\t\t\t},', '\t\t\t\t"method": "GET",');
    f.l('\t\t\t\t"header": [');
    const xk = t.mixed(ALNUM, 32);
    f.s(`\t\t\t\t\t{ "key": "X-Api-Key", "value": "${xk}", "type": "text" },`, 'generic', xk);
    f.d('\t\t\t\t\t{ "key": "X-Request-Id", "value": "{{$guid}}", "type": "text" }', 'postman dynamic variable');
    f.l(
      '\t\t\t\t],',
      '\t\t\t\t"url": { "raw": "{{baseUrl}}/v1/invoices", "host": ["{{baseUrl}}"], "path": ["v1", "invoices"] }',
    );
    f.l('\t\t\t}', '\t\t},', '\t\t{', '\t\t\t"name": "Refund",', '\t\t\t"request": {', '\t\t\t\t"auth": {');
    f.l('\t\t\t\t\t"type": "bearer",', '\t\t\t\t\t"bearer": [', '\t\t\t\t\t\t{', '\t\t\t\t\t\t\t"key": "token",');
    f.d('\t\t\t\t\t\t\t"value": "{{accessToken}}",', 'postman variable');
    f.l('\t\t\t\t\t\t\t"type": "string"', '\t\t\t\t\t\t}', '\t\t\t\t\t]', '\t\t\t\t},', '\t\t\t\t"method": "POST"');
    f.l('\t\t\t}', '\t\t}', '\t],', '\t"auth": {', '\t\t"type": "basic",', '\t\t"basic": [', '\t\t\t{');
    f.l('\t\t\t\t"key": "password",');
    const bp = pw();
    f.s(`\t\t\t\t"value": "${bp}",`, 'generic', bp);
    f.l(
      '\t\t\t\t"type": "string"',
      '\t\t\t},',
      '\t\t\t{',
      '\t\t\t\t"key": "username",',
      '\t\t\t\t"value": "svc-billing",',
    );
    f.l('\t\t\t\t"type": "string"', '\t\t\t}', '\t\t]', '\t}', '}');
  }
  {
    const f = repo.file('api-tests/insomnia/billing.insomnia.yaml', 'insomnia');
    f.l('type: collection.insomnia.rest/5.0', 'name: Billing API', 'meta:');
    f.d(`  id: wrk_${t.hex(32)}`, 'workspace id');
    f.l(
      '  created: 1736846400000',
      'collection:',
      '  - url: "{{ _.base_url }}/v1/invoices"',
      '    name: List invoices',
    );
    f.l('    meta:', `      id: req_${t.hex(32)}`, '    method: GET', '    headers:', '      - name: X-Api-Key');
    const xk = t.mixed(ALNUM, 40);
    f.s(`        value: ${xk}`, 'generic', xk);
    f.l('    authentication:', '      type: bearer');
    f.d('      token: "{{ _.api_token }}"', 'insomnia template');
    f.l('environments:', '  name: Base Environment', '  meta:', `    id: env_${t.hex(40)}`, '  data:');
    f.l('    base_url: https://api.acme-corp.io', '  subEnvironments:', '    - name: prod', '      data:');
  }
  {
    const f = repo.file('api-tests/bruno/environments/prod.bru', 'bruno');
    f.l('vars {', '  baseUrl: https://api.acme-corp.io');
    const sg = t.sendgrid();
    f.s(`  sendgridKey: ${sg}`, 'sendgrid', sg);
    f.l('}');
    f.d(['vars:secret [', '  dbPassword,', '  accessToken', ']'], 'secret variable names only');
    const g = repo.file('api-tests/bruno/charges/list-charges.bru', 'bruno');
    g.l('meta {', '  name: List charges', '  type: http', '  seq: 1', '}', '', 'get {');
    g.l('  url: {{baseUrl}}/v1/charges', '  body: none', '  auth: bearer', '}', '', 'auth:bearer {');
    const st = t.stripeLive();
    g.s(`  token: ${st}`, 'stripe', st);
    g.l('}', '', 'auth:basic {', '  username: svc-billing');
    const bp = pw();
    g.s(`  password: ${bp}`, 'generic', bp);
    g.l('}', '', 'headers {');
    g.d('  X-Request-Id: {{$randomUUID}}', 'bruno dynamic variable');
    g.d('  Authorization: Bearer {{accessToken}}', 'bruno variable');
    g.l('}');
  }
  {
    const f = repo.file('api-tests/http/github.http', 'http-client');
    f.l('@host = https://api.github.com');
    const gh = t.github();
    f.s(`@token = ${gh}`, 'github', gh);
    f.l('', '### my repos', 'GET {{host}}/user/repos', 'Accept: application/vnd.github+json');
    f.d('Authorization: Bearer {{token}}', 'variable');
    f.l('', '### send a mail', 'POST https://api.sendgrid.com/v3/mail/send');
    const sg = t.sendgrid();
    f.s(`Authorization: Bearer ${sg}`, 'sendgrid', sg);
    f.l(
      'Content-Type: application/json',
      '',
      '{ "personalizations": [] }',
      '',
      '### admin (REST Client encodes user and password)',
    );
    f.l('GET https://jenkins.acme-corp.io/api/json');
    const ap = plainPw();
    f.s(`Authorization: Basic admin ${ap}`, 'generic', ap);
    f.l('', '### partner');
    f.d('X-Api-Key: {{$dotenv PARTNER_API_KEY}}', 'dotenv reference');
    f.d('X-Client-Secret: {{$processEnv PARTNER_SECRET}}', 'process env reference');
  }
  {
    const f = repo.file('api-tests/http/http-client.private.env.json', 'http-client');
    f.l('{', '  "dev": {', '    "username": "qa-admin",');
    const p = pw();
    f.s(`    "password": "${p}",`, 'generic', p);
    const k = t.mixed(URLSAFE, 40);
    f.s(`    "client_secret": "${k}"`, 'generic', k);
    f.l('  },', '  "prod": {');
    f.d('    "password": "",', 'empty');
    f.d('    "client_secret": "<set me>"', 'placeholder');
    f.l('  }', '}');
  }

  // ---- rclone, s3cmd, MinIO, AWS -------------------------------------------------------------
  {
    const f = repo.file('dotfiles/.config/rclone/rclone.conf', 'rclone');
    f.l('[s3-backups]', 'type = s3', 'provider = AWS', 'region = eu-west-1');
    f.d('env_auth = true', 'credentials from the environment');
    f.l('', '[gdrive]', 'type = drive', 'scope = drive');
    const rt = googleRefresh();
    f.s(
      `token = {"access_token":"${googleAccess()}","token_type":"Bearer","refresh_token":"${rt}","expiry":"2026-01-14T11:02:44.901+01:00"}`,
      'gcp',
      rt,
    );
    f.d('team_drive = ', 'empty');
    f.l('', '[nas]', 'type = sftp', 'host = nas.acme-corp.io', 'user = backup');
    const ob = obscure(plainPw());
    f.s(`pass = ${ob}`, 'generic', ob);
    f.d('key_file = ~/.ssh/id_ed25519', 'key path');
    f.l('', '[blob]', 'type = azureblob', 'account = acmebackups');
    const ak = t.azureStorageKey();
    f.s(`key = ${ak}`, 'azure', ak);
    f.l('', '[vault]', 'type = crypt', 'remote = s3-backups:acme-vault');
    const ob2 = obscure(pw());
    f.s(`password = ${ob2}`, 'generic', ob2);
  }
  {
    const f = repo.file('dotfiles/.s3cfg', 's3cmd');
    f.l('[default]');
    const id = t.awsId();
    f.s(`access_key = ${id}`, 'aws', id);
    const sec = t.awsSecret();
    f.s(`secret_key = ${sec}`, 'aws', sec);
    f.d('access_token = ', 'empty');
    f.l('bucket_location = EU', 'gpg_command = /usr/bin/gpg');
    const gp = pw();
    f.s(`gpg_passphrase = ${gp}`, 'generic', gp);
    f.l('host_base = s3.amazonaws.com', 'host_bucket = %(bucket)s.s3.amazonaws.com', 'signature_v2 = False');
    f.d('proxy_host = ', 'empty');
  }
  {
    const f = repo.file('dotfiles/.mc/config.json', 'minio');
    f.l('{', '\t"version": "10",', '\t"aliases": {', '\t\t"gcs": {', '\t\t\t"url": "https://storage.googleapis.com",');
    f.d('\t\t\t"accessKey": "YOUR-ACCESS-KEY-HERE",', 'mc default placeholder');
    f.d('\t\t\t"secretKey": "YOUR-SECRET-KEY-HERE",', 'mc default placeholder');
    f.l(
      '\t\t\t"api": "S3v2",',
      '\t\t\t"path": "dns"',
      '\t\t},',
      '\t\t"local": {',
      '\t\t\t"url": "http://localhost:9000",',
    );
    f.d('\t\t\t"accessKey": "",', 'empty');
    f.d('\t\t\t"secretKey": "",', 'empty');
    f.l(
      '\t\t\t"api": "S3v4",',
      '\t\t\t"path": "auto"',
      '\t\t},',
      '\t\t"prod": {',
      '\t\t\t"url": "https://minio.acme-corp.io",',
    );
    f.d(
      `\t\t\t"accessKey": "${t.mixed(UPPER + DIGIT, 20)}",`,
      'access key (the id half; its secret is on the next line)',
    );
    const ms = t.mixed(ALNUM + '+/', 40);
    f.s(`\t\t\t"secretKey": "${ms}",`, 'minio', ms);
    f.l(
      '\t\t\t"api": "S3v4",',
      '\t\t\t"path": "auto"',
      '\t\t},',
      '\t\t"backup": {',
      '\t\t\t"url": "https://minio-dr.acme-corp.io",',
    );
    f.l('\t\t\t"accessKey": "backup-operator",');
    const ms2 = pw();
    f.s(`\t\t\t"secretKey": "${ms2}",`, 'minio', ms2);
    f.l('\t\t\t"api": "S3v4",', '\t\t\t"path": "auto"', '\t\t}', '\t}', '}');
  }
  {
    const f = repo.file('dotfiles/.aws/credentials', 'aws');
    f.l('[default]');
    const id = t.awsId();
    f.s(`aws_access_key_id = ${id}`, 'aws', id);
    const sec = t.awsSecret();
    f.s(`aws_secret_access_key = ${sec}`, 'aws', sec);
    f.l('', '[ci-temp]');
    const sid = asiaId();
    f.s(`aws_access_key_id = ${sid}`, 'aws', sid);
    const ssec = t.awsSecret();
    f.s(`aws_secret_access_key = ${ssec}`, 'aws', ssec);
    const stok = awsSession();
    f.s(`aws_session_token = ${stok}`, 'aws', stok);
    f.l('', '[vault]');
    f.d('credential_process = aws-vault export --format=json acme-prod', 'credential helper');
    const c = repo.file('dotfiles/.aws/config', 'aws');
    c.l('[default]', 'region = eu-west-1', 'output = json', '', '[profile prod]');
    c.d('sso_session = acme', 'sso reference');
    c.d(`sso_account_id = ${t.digits(12)}`, 'account id');
    c.l('sso_role_name = AdministratorAccess', 'region = eu-west-1', '', '[sso-session acme]');
    c.d('sso_start_url = https://acme-corp.awsapps.com/start', 'sso portal url');
    c.l('sso_region = eu-west-1', 'sso_registration_scopes = sso:account:access', '', '[profile deploy]');
    const acct = t.digits(12);
    c.d(`role_arn = arn:aws:iam::${acct}:role/deploy`, 'role arn');
    c.l('source_profile = default');
    c.d(`mfa_serial = arn:aws:iam::${acct}:mfa/jdoe`, 'mfa device arn');
  }

  // ---- Kubernetes, Terraform -----------------------------------------------------------------
  {
    const f = repo.file('dotfiles/.kube/config', 'kubeconfig');
    f.l('apiVersion: v1', 'kind: Config', 'clusters:', '- cluster:');
    f.d(`    certificate-authority-data: ${certB64()}`, 'ca certificate');
    f.l(
      '    server: https://k8s.prod.acme-corp.io:6443',
      '  name: prod',
      '- cluster:',
      '    server: https://127.0.0.1:41233',
    );
    f.l('  name: kind-dev', 'contexts:', '- context:', '    cluster: prod', '    user: ci', '  name: prod');
    f.l('current-context: prod', 'users:', '- name: ci', '  user:');
    const sa = rs256(
      { kid: t.mixed(URLSAFE, 43) },
      {
        iss: 'kubernetes/serviceaccount',
        'kubernetes.io/serviceaccount/namespace': 'ci',
        'kubernetes.io/serviceaccount/secret.name': 'ci-deployer-token',
        'kubernetes.io/serviceaccount/service-account.name': 'ci-deployer',
        'kubernetes.io/serviceaccount/service-account.uid': t.uuid(),
        sub: 'system:serviceaccount:ci:ci-deployer',
      },
    );
    f.s(`    token: ${sa}`, 'kubernetes', sa);
    f.l('- name: kind-admin', '  user:');
    f.d(`    client-certificate-data: ${certB64()}`, 'client certificate');
    const key = pem('RSA PRIVATE KEY', '308204a40201000282010100', 1180);
    f.s(`    client-key-data: ${b64(key.join('\n'))}`, 'private-key', key.join('\n'));
    f.l('- name: eks-prod', '  user:', '    exec:', '      apiVersion: client.authentication.k8s.io/v1beta1');
    f.l(
      '      command: aws',
      '      args:',
      '      - eks',
      '      - get-token',
      '      - --cluster-name',
      '      - prod',
      '      env:',
    );
    f.l('      - name: AWS_PROFILE');
    f.d('        value: prod', 'profile name');
    f.l('- name: oidc', '  user:', '    auth-provider:', '      config:', '        client-id: kubernetes');
    const cs = t.mixed(ALNUM, 32);
    f.s(`        client-secret: ${cs}`, 'generic', cs);
    const idt = rs256(
      { kid: t.hex(40) },
      {
        iss: 'https://dex.acme-corp.io',
        sub: b64url(t.uuid()),
        aud: 'kubernetes',
        exp: 1736850000,
        iat: 1736846400,
        email: 'jdoe@acme-corp.io',
      },
    );
    f.s(`        id-token: ${idt}`, 'generic', idt);
    f.l(
      '        idp-issuer-url: https://dex.acme-corp.io',
      '      name: oidc',
      '- name: legacy-basic',
      '  user:',
      '    username: admin',
    );
    const bp = pw();
    f.s(`    password: ${bp}`, 'generic', bp);
  }
  {
    const f = repo.file('dotfiles/.terraform.d/credentials.tfrc.json', 'terraform');
    f.l('{', '  "credentials": {', '    "app.terraform.io": {');
    const a = tfToken();
    f.s(`      "token": "${a}"`, 'terraform-cloud', a);
    f.l('    }', '  }', '}');
  }

  // ---- package managers ----------------------------------------------------------------------
  {
    const f = repo.file('dotfiles/.pypirc', 'pkg');
    f.l('[distutils]', 'index-servers =', '    pypi', '    testpypi', '    acme', '', '[pypi]', 'username = __token__');
    const p = t.pypi();
    f.s(`password = ${p}`, 'pypi', p);
    f.l('', '[testpypi]', 'repository = https://test.pypi.org/legacy/', 'username = __token__');
    const tp = `pypi-AgENdGVzdC5weXBpLm9yZw${t.mixed(URLSAFE, 140)}`;
    f.s(`password = ${tp}`, 'pypi', tp);
    f.l('', '[acme]', 'repository = https://pypi.acme-corp.io/', 'username = deploy');
    f.d('password = ${TWINE_PASSWORD}', 'variable');
  }
  {
    const f = repo.file('dotfiles/.gem/credentials', 'pkg');
    f.l('---');
    const r = rubygems();
    f.s(`:rubygems_api_key: ${r}`, 'rubygems', r);
  }
  {
    const f = repo.file('dotfiles/.m2/settings.xml', 'maven');
    f.l(
      '<settings xmlns="http://maven.apache.org/SETTINGS/1.2.0">',
      '  <servers>',
      '    <server>',
      '      <id>ossrh</id>',
    );
    f.l('      <username>acme-release</username>');
    const p = pw();
    f.s(`      <password>${p}</password>`, 'generic', p);
    f.l('    </server>', '    <server>', '      <id>github</id>', '      <username>acme-bot</username>');
    const gh = t.github();
    f.s(`      <password>${gh}</password>`, 'github', gh);
    f.l('    </server>', '    <server>', '      <id>nexus-releases</id>', '      <username>deploy</username>');
    f.d(`      <password>${mavenEnc()}</password>`, 'maven-encrypted (needs the master password)');
    f.l('    </server>', '    <server>', '      <id>nexus-snapshots</id>', '      <username>deploy</username>');
    f.d('      <password>${env.NEXUS_PASSWORD}</password>', 'property reference');
    f.l('    </server>', '    <server>', '      <id>gpg.passphrase</id>');
    const gp = pw();
    f.s(`      <passphrase>${gp}</passphrase>`, 'generic', gp);
    f.l(
      '    </server>',
      '  </servers>',
      '  <proxies>',
      '    <proxy>',
      '      <id>corp</id>',
      '      <host>proxy.acme-corp.io</host>',
    );
    f.l('      <port>3128</port>', '      <username>jdoe</username>');
    f.d(`      <password>${mavenEnc()}</password>`, 'maven-encrypted (needs the master password)');
    f.l('    </proxy>', '  </proxies>', '</settings>');
    const s = repo.file('dotfiles/.m2/settings-security.xml', 'maven');
    s.l('<settingsSecurity>');
    // Encrypted under the public constant "settings.security", so recoverable by anyone; it
    // unlocks every {…} value in settings.xml beside it.
    const m = mavenEnc();
    s.s(`  <master>${m}</master>`, 'generic', m);
    s.l('</settingsSecurity>');
  }
  {
    const f = repo.file('dotfiles/.gradle/gradle.properties', 'gradle');
    f.l('org.gradle.jvmargs=-Xmx4g -XX:+HeapDumpOnOutOfMemoryError', 'org.gradle.parallel=true');
    f.d(`signing.keyId=${t.hex(8).toUpperCase()}`, 'gpg key id');
    const sp = pw();
    f.s(`signing.password=${sp}`, 'generic', sp);
    f.d('signing.secretKeyRingFile=/home/dev/.gnupg/secring.gpg', 'file path');
    f.l('ossrhUsername=acme-release');
    f.l('gpr.user=acme-bot');
    const gh = t.github();
    f.s(`gpr.key=${gh}`, 'github', gh);
    f.l('artifactory_user=ci');
    const af = artifactoryKey();
    f.s(`artifactory_password=${af}`, 'artifactory', af);
    f.l('systemProp.https.proxyHost=proxy.acme-corp.io', 'systemProp.https.proxyUser=jdoe');
  }
  {
    const f = repo.file('.yarnrc.yml', 'pkg');
    f.l('nodeLinker: node-modules', 'npmScopes:', '  acme:', '    npmRegistryServer: "https://npm.pkg.github.com"');
    const gh = t.github();
    f.s(`    npmAuthToken: ${gh}`, 'github', gh);
    f.l('    npmAlwaysAuth: true', 'npmRegistries:', '  "https://registry.npmjs.org":');
    const n = t.npm();
    f.s(`    npmAuthToken: ${n}`, 'npm', n);
    f.l('  "https://nexus.acme-corp.io/repository/npm-group/":');
    const ip = plainPw();
    f.s(`    npmAuthIdent: "deploy:${ip}"`, 'npm', ip);
    f.l('  "https://npm.internal.acme-corp.io":');
    f.d('    npmAuthToken: "${NPM_INTERNAL_TOKEN}"', 'variable');
    f.l('yarnPath: .yarn/releases/yarn-4.5.3.cjs');
  }
  {
    const f = repo.file('dotfiles/.cargo/credentials.toml', 'pkg');
    f.l('[registry]');
    const c = crates();
    f.s(`token = "${c}"`, 'cratesio', c);
    f.l('', '[registries.acme]');
    const a = t.mixed(ALNUM, 32);
    f.s(`token = "${a}"`, 'generic', a);
  }

  // ---- forges, registries, hosting CLIs ------------------------------------------------------
  {
    const f = repo.file('dotfiles/.config/gh/hosts.yml', 'forge');
    const tok = t.github('gho_');
    f.l('github.com:', '    users:', '        acme-dev:');
    f.s(`            oauth_token: ${tok}`, 'github', tok);
    f.d('    git_protocol: https', 'setting');
    f.s(`    oauth_token: ${tok}`, 'github', tok);
    f.l('    user: acme-dev', 'github.acme-corp.io:', '    users:', '        jdoe:');
    f.d('    git_protocol: ssh', 'setting (token kept in keyring)');
    f.l('    user: jdoe');
    const g = repo.file('dotfiles/.config/glab-cli/config.yml', 'forge');
    g.l(
      'git_protocol: ssh',
      'glamour_style: dark',
      'check_update: false',
      'host: gitlab.com',
      'hosts:',
      '    gitlab.com:',
    );
    const gl = t.gitlab();
    g.s(`        token: ${gl}`, 'gitlab', gl);
    g.l(
      '        api_host: gitlab.com',
      '        git_protocol: ssh',
      '        api_protocol: https',
      '        user: acme-dev',
    );
    g.l('    git.acme-corp.io:');
    const oat = t.hex(64);
    g.s(`        token: ${oat}`, 'gitlab', oat);
    g.l('        api_host: git.acme-corp.io', '        is_oauth2: "true"');
    g.l('        oauth2_expiry_date: 14 Jan 26 11:02 UTC', '        user: jdoe');
    const hub = repo.file('dotfiles/.config/hub', 'forge');
    hub.l('github.com:', '- user: acme-dev');
    const legacy = t.hex(40);
    hub.s(`  oauth_token: ${legacy}`, 'github', legacy);
    hub.l('  protocol: https');
  }
  {
    const f = repo.file('dotfiles/.docker/config.json', 'docker');
    f.l('{', '\t"auths": {', '\t\t"https://index.docker.io/v1/": {');
    const dp = dockerPat();
    f.s(`\t\t\t"auth": "${b64(`acmebot:${dp}`)}"`, 'dockerhub', dp);
    f.l('\t\t},', '\t\t"ghcr.io": {');
    const gh = t.github();
    f.s(`\t\t\t"auth": "${b64(`acme-bot:${gh}`)}"`, 'github', gh);
    f.l('\t\t},', '\t\t"registry.acme-corp.io": {');
    const rp = plainPw();
    f.s(`\t\t\t"auth": "${b64(`deploy:${rp}`)}"`, 'generic', rp);
    f.l('\t\t},', '\t\t"acmeprod.azurecr.io": {');
    f.d(
      `\t\t\t"auth": "${b64('00000000-0000-0000-0000-000000000000:')}",`,
      'ACR token-login user name, empty password',
    );
    const it = rs256(
      { typ: 'JWT', kid: t.mixed(UPPER + DIGIT + ':', 40) },
      {
        jti: t.uuid(),
        sub: 'jdoe@acme-corp.io',
        nbf: 1736846400,
        exp: 1738056000,
        iat: 1736846400,
        iss: 'Azure Container Registry',
        aud: 'acmeprod.azurecr.io',
        version: '1.0',
        rid: t.hex(32),
        grant_type: 'refresh_token',
        tenant: t.uuid(),
      },
    );
    f.s(`\t\t\t"identitytoken": "${it}"`, 'azure', it);
    f.l('\t\t},');
    f.d('\t\t"quay.io": {}', 'empty entry');
    f.l('\t},');
    f.d('\t"credsStore": "desktop",', 'credential helper');
    f.l('\t"credHelpers": {');
    f.d('\t\t"gcr.io": "gcloud"', 'credential helper');
    f.l('\t},', '\t"currentContext": "desktop-linux"', '}');
  }
  {
    const f = repo.file('dotfiles/.netrc', 'netrc');
    f.l('machine api.heroku.com', '  login jdoe@acme-corp.io');
    const hk = t.uuid();
    f.s(`  password ${hk}`, 'heroku', hk);
    f.l('machine git.heroku.com', '  login jdoe@acme-corp.io');
    const hk2 = t.heroku();
    f.s(`  password ${hk2}`, 'heroku', hk2);
    const ep = pw();
    f.s(`machine urs.earthdata.nasa.gov login acmesci password ${ep}`, 'generic', ep);
    f.d('machine ftp.gnu.org login anonymous password jdoe@acme-corp.io', 'anonymous ftp convention');
  }
  {
    const f = repo.file('dotfiles/.config/netlify/config.json', 'hosting');
    const uid = t.hex(24);
    f.l('{', '  "telemetryDisabled": false,');
    f.d(`  "cliId": "${t.uuid()}",`, 'cli install id');
    f.d(`  "userId": "${uid}",`, 'user id');
    f.l(
      '  "users": {',
      `    "${uid}": {`,
      `      "id": "${uid}",`,
      '      "name": "J Doe",',
      '      "email": "jdoe@acme-corp.io",',
    );
    f.l('      "auth": {');
    const nt = netlifyLegacy();
    f.s(`        "token": "${nt}",`, 'netlify', nt);
    f.l('        "github": {', '          "user": "acme-dev",');
    const gt = t.github('gho_');
    f.s(`          "token": "${gt}"`, 'github', gt);
    f.l('        }', '      }', '    }', '  }', '}');
    const v = repo.file('dotfiles/.local/share/com.vercel.cli/auth.json', 'hosting');
    v.l('{', '  "// Note": "This is your Vercel credentials file. DO NOT SHARE!",');
    v.l('  "// Docs": "https://vercel.com/docs/projects/project-configuration/global-configuration#auth.json",');
    const vt = t.vercel();
    v.s(`  "token": "${vt}"`, 'vercel', vt);
    v.l('}');
  }
  {
    const f = repo.file('dotfiles/.config/configstore/firebase-tools.json', 'hosting');
    f.l('{', '  "user": {', '    "iss": "https://accounts.google.com",', '    "email": "jdoe@acme-corp.io",');
    f.d(`    "sub": "${t.digits(21)}",`, 'google account id');
    f.l('    "email_verified": true', '  },', '  "tokens": {', `    "expires_at": ${ts()}000,`);
    const rt = googleRefresh();
    f.s(`    "refresh_token": "${rt}",`, 'gcp', rt);
    f.l(
      '    "scopes": ["email", "openid", "https://www.googleapis.com/auth/cloud-platform"],',
      '    "token_type": "Bearer",',
    );
    const at = googleAccess();
    f.s(`    "access_token": "${at}"`, 'gcp', at);
    f.l('  },', '  "usage": true,');
    f.d(`  "analytics-uuid": "${t.uuid()}"`, 'analytics id');
    f.l('}');
  }

  // ---- gcloud, Azure CLI ---------------------------------------------------------------------
  {
    const adc = (path) => {
      const f = repo.file(path, 'gcloud');
      f.l('{', '  "account": "",');
      f.d(`  "client_id": "${GCLOUD_CLIENT_ID}",`, 'gcloud public OAuth client id');
      f.l(`  "quota_project_id": "acme-prod-${t.lower(5)}",`);
      const rt = googleRefresh();
      f.s(`  "refresh_token": "${rt}",`, 'gcp', rt);
      f.l('  "type": "authorized_user",', '  "universe_domain": "googleapis.com"', '}');
    };
    adc('dotfiles/.config/gcloud/application_default_credentials.json');
    const boto = repo.file('dotfiles/.config/gcloud/legacy_credentials/jdoe@acme-corp.io/.boto', 'gcloud');
    boto.l('[Credentials]');
    const br = googleRefresh();
    boto.s(`gs_oauth2_refresh_token = ${br}`, 'gcp', br);
  }
  {
    const tenant = t.uuid();
    const oid = t.uuid();
    const home = `${oid}.${tenant}`;
    const f = repo.file('dotfiles/.azure/msal_token_cache.json', 'azure-cli');
    f.l(
      '{',
      '  "AccessToken": {',
      `    "${home}-login.microsoftonline.com-accesstoken-${AZ_CLI_CLIENT_ID}-${tenant}-https://management.core.windows.net//user_impersonation https://management.core.windows.net//.default": {`,
    );
    f.l('      "credential_type": "AccessToken",');
    const at = rs256(
      { typ: 'JWT', x5t: t.mixed(URLSAFE, 27), kid: t.mixed(URLSAFE, 27) },
      {
        aud: 'https://management.core.windows.net/',
        iss: `https://sts.windows.net/${tenant}/`,
        iat: 1736846400,
        nbf: 1736846400,
        exp: 1736851200,
        appid: AZ_CLI_CLIENT_ID,
        oid,
        tid: tenant,
        upn: 'jdoe@acme-corp.io',
        scp: 'user_impersonation',
      },
    );
    f.s(`      "secret": "${at}",`, 'azure', at);
    f.l(`      "home_account_id": "${home}",`, '      "environment": "login.microsoftonline.com",');
    f.d(`      "client_id": "${AZ_CLI_CLIENT_ID}",`, 'Azure CLI public client id');
    f.l('      "token_type": "Bearer",', '      "expires_on": "1736851200"', '    }', '  },', '  "RefreshToken": {');
    f.l(
      `    "${home}-login.microsoftonline.com-refreshtoken-${AZ_CLI_CLIENT_ID}--https://management.core.windows.net//user_impersonation": {`,
    );
    f.l('      "credential_type": "RefreshToken",');
    const rt = `0.A${t.mixed(URLSAFE, 5)}${t.mixed(URLSAFE, 700)}`;
    f.s(`      "secret": "${rt}",`, 'azure', rt);
    f.l(`      "home_account_id": "${home}",`, '      "environment": "login.microsoftonline.com",');
    f.d(`      "client_id": "${AZ_CLI_CLIENT_ID}"`, 'Azure CLI public client id');
    f.l('    }', '  }', '}');
    const sp = repo.file('dotfiles/.azure/service_principal_entries.json', 'azure-cli');
    sp.l('[', '  {');
    sp.d(`    "client_id": "${t.uuid()}",`, 'app id');
    sp.d(`    "tenant": "${tenant}",`, 'tenant id');
    const cs = t.azureClientSecret();
    sp.s(`    "client_secret": "${cs}"`, 'azure', cs);
    sp.l('  }', ']');
  }

  // ---- SSH, git --------------------------------------------------------------------------------
  {
    const f = repo.file('dotfiles/.ssh/config', 'ssh');
    f.l('Host bastion', '  HostName bastion.acme-corp.io', '  User ops');
    f.d('  IdentityFile ~/.ssh/id_ed25519', 'key path');
    f.l('  IdentitiesOnly yes', '', 'Host *.internal', '  ProxyJump bastion', '', 'Host github.com');
    f.d('  IdentityFile ~/.ssh/github_ed25519', 'key path');
    const k = repo.file('dotfiles/.ssh/id_ed25519', 'ssh');
    const key = t.opensshPem();
    k.s(key, 'private-key', key.join('\n'));
    const enc = repo.file('dotfiles/.ssh/github_ed25519', 'ssh');
    enc.d(
      pem(
        'OPENSSH PRIVATE KEY',
        '6f70656e7373682d6b65792d7631000000000a6165733235362d6374720000000662637279707400000018000000' + '10',
        380,
      ),
      'passphrase-protected key (aes256-ctr, bcrypt kdf)',
    );
    const kh = repo.file('dotfiles/.ssh/known_hosts', 'ssh');
    kh.d(
      `|1|${bytes(20).toString('base64')}|${bytes(20).toString('base64')} ssh-ed25519 ${ed25519Pub()}`,
      'hashed known_hosts',
    );
    kh.d(`github.com ssh-ed25519 ${ed25519Pub()}`, 'known_hosts');
    kh.d(`bastion.acme-corp.io ssh-ed25519 ${ed25519Pub()} # ${fingerprint()}`, 'known_hosts line and fingerprint');
  }
  {
    const f = repo.file('dotfiles/.git-credentials', 'git');
    const gl = t.gitlab();
    f.s(`https://oauth2:${gl}@gitlab.com`, 'gitlab', gl);
    const ghs = t.github('ghs_');
    f.s(`https://x-access-token:${ghs}@github.com`, 'github', ghs);
    const az = azdoPat();
    f.s(`https://acme:${az}@dev.azure.com`, 'azure', az);
    const bb = plainPw();
    f.s(`https://jdoe:${bb}@bitbucket.acme-corp.io`, 'generic', bb);
    f.d('https://acme-dev@github.com', 'user only');
  }

  // ---- database clients ----------------------------------------------------------------------
  {
    const f = repo.file('dotfiles/.pgpass', 'dbclient');
    f.d('# hostname:port:database:username:password', 'format comment');
    const a = pw().replace(/:/g, '');
    f.s(`db-prod.acme-corp.io:5432:*:billing:${a}`, 'database', a);
    const m = repo.file('dotfiles/.my.cnf', 'dbclient');
    m.l('[client]', 'user=root', 'host=mysql-01.acme-corp.io');
    const mp = pw();
    m.s(`password="${mp}"`, 'database', mp);
    m.l('', '[mysqldump]', 'user=backup');
    m.l('', '[mysql]', 'prompt=\\u@\\h [\\d]>\\_');
    m.d('#password=', 'commented empty');
  }
  {
    const f = repo.file('dotfiles/.3T/robo-3t/1.4.4/robo3t.json', 'dbclient');
    f.l('{', '    "autoExpand": true,', '    "connections": [', '        {', '            "configVersion": 2,');
    f.l('            "connectionName": "prod-rs",', '            "credentials": [', '                {');
    f.l(
      '                    "databaseName": "admin",',
      '                    "enabled": true,',
      '                    "mechanism": "SCRAM-SHA-256",',
    );
    f.l('                    "userName": "admin",');
    const p = pw();
    f.s(`                    "userPassword": "${p}"`, 'generic', p);
    f.l(
      '                }',
      '            ],',
      '            "serverHost": "mongo-prod-0.acme-corp.io",',
      '            "serverPort": 27017,',
    );
    f.l(
      '            "ssh": {',
      '                "enabled": true,',
      '                "host": "bastion.acme-corp.io",',
      '                "method": "publickey",',
    );
    f.d('                "privateKeyFile": "/home/dev/.ssh/id_ed25519",', 'key path');
    f.l('                "user": "ops",');
    f.d('                "userPassword": ""', 'empty');
    f.l('            }', '        }', '    ],', '    "uuidEncoding": 0', '}');
    const h = repo.file('dotfiles/.mongodb/mongosh/mongosh_repl_history', 'dbclient');
    h.l('use billing', 'db.invoices.countDocuments({ status: "open" })');
    const ap = pw();
    h.s(`db.auth("admin", "${ap}")`, 'generic', ap);
    const rp = pw();
    h.s(`db.createUser({ user: "report", pwd: "${rp}", roles: [{ role: "read", db: "billing" }] })`, 'generic', rp);
    h.d('db.createUser({ user: "etl", pwd: passwordPrompt(), roles: ["readWrite"] })', 'password prompt');
  }
  {
    const h = repo.file('dotfiles/.rediscli_history', 'dbclient');
    h.l('INFO memory');
    const a = plainPw();
    h.s(`AUTH default ${a}`, 'generic', a);
    h.d('KEYS session:*', 'command');
    const c = plainPw();
    h.s(`CONFIG SET requirepass ${c}`, 'generic', c);
  }

  // ---- shell and tmux history, direnv --------------------------------------------------------
  {
    const f = repo.file('dotfiles/.zsh_history', 'history');
    f.l(h('cd ~/src/acme'), h('git pull --rebase'));
    const mp = plainPw();
    f.s(h(`mysql -h mysql-01.acme-corp.io -u root -p'${mp}' shop`), 'database', mp);
    const vt = vaultTok();
    f.s(h(`vault login ${vt}`), 'vault', vt);
    const bt = bootstrap();
    f.s(
      h(`kubeadm join 10.20.0.10:6443 --token ${bt} --discovery-token-ca-cert-hash sha256:${t.sha256()}`),
      'kubernetes',
      bt,
    );
    f.d(h('export AWS_PROFILE=prod'), 'profile name');
    f.d(h('aws sso login --profile prod'), 'sso login');
    f.d(h('gh auth login --with-token < ~/Downloads/gh-token.txt'), 'file reference');
    f.d(
      h(`curl -X POST https://github.com/login/device/code -d client_id=${GH_CLI_CLIENT_ID} -d scope=repo`),
      'gh CLI public OAuth client id',
    );
    f.d(h('export OPENAI_API_KEY=$(op read "op://Private/OpenAI/credential")'), 'secret manager reference');
    f.d(h(`ssh-keygen -lf ~/.ssh/id_ed25519.pub # ${fingerprint()}`), 'fingerprint');
    const b = repo.file('dotfiles/.bash_history', 'history');
    b.l('heroku login', 'heroku apps');
    const hk = t.heroku();
    b.s(`export HEROKU_API_KEY=${hk}`, 'heroku', hk);
    const rp = plainPw();
    b.s(`redis-cli -h redis-prod.acme-corp.io -p 6380 --tls -a ${rp} --no-auth-warning`, 'generic', rp);
    const sp = plainPw();
    b.s(`sshpass -p '${sp}' ssh ops@bastion.acme-corp.io`, 'generic', sp);
    b.d('read -rs DB_PASSWORD && export DB_PASSWORD', 'prompt');
    b.d('echo "$GITHUB_TOKEN" | gh auth login --with-token', 'variable');
    b.d('history -c', 'command');
    const tm = repo.file('dotfiles/.tmux/resurrect/tmux_resurrect_20260114T101500.txt', 'history');
    const tp = plainPw();
    tm.s(
      `pane\tdev\t1\t1\t:*\t0\tlaptop\t:/home/dev/src/acme\t1\tpsql\t:psql postgresql://billing:${tp}@db-prod.acme-corp.io:5432/billing`,
      'database',
      tp,
    );
    tm.l(
      'pane\tdev\t2\t0\t:-\t0\tlaptop\t:/home/dev\t1\tzsh\t:',
      'window\tdev\t1\t:psql\t1\t:*\tb5e1,238x58,0,0,1\t:',
      'state\tdev',
    );
  }
  {
    const f = repo.file('.envrc', 'direnv');
    f.l('source_up_if_exists', 'use flake');
    f.d('dotenv_if_exists .env.local', 'file reference');
    const nf = netlifyPat();
    f.s(`export NETLIFY_AUTH_TOKEN=${nf}`, 'netlify', nf);
    const se = sentry();
    f.s(`export SENTRY_AUTH_TOKEN=${se}`, 'sentry', se);
    f.d('export VAULT_TOKEN=$(vault print token)', 'command substitution');
    f.d('export GITHUB_TOKEN=$(gh auth token)', 'command substitution');
    f.d('export KUBECONFIG=$PWD/.kube/config', 'path');
    f.d(`export OTEL_SERVICE_INSTANCE_ID=${t.uuid()}`, 'uuid');
    f.d(`export DEVICE_ID=${t.hex(16)}`, 'device id');
  }
  return repo;
}
