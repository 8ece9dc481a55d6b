// Red-team suite "ops": the artifacts operators and developers leave behind in repositories —
// shell histories, CI job logs, API-client exports (Postman, Insomnia), IDE files, Terraform
// variables and state, SQL dumps, crontabs, systemd units, web-server and proxy configs, HAR
// files, notebook outputs, Dockerfiles and Makefiles, Windows scripts, cloud CLI configs, SSH and
// git configs, kubeconfigs, Ansible inventories, Vagrantfiles, supervisor configs and the
// connection stores of database and file-transfer clients — with the masked values, references,
// ciphertexts, hashes and ids the same files are full of as decoys. Written from what such files
// really hold and from vendors' published token formats, not from tokenscope's rules. Every value
// is drawn from the seeded PRNG at run time.
import { ALNUM, B64, DIGIT, HEX, LOWER, URLSAFE, Repo, makeTokens, mulberry32 } from './generate.mjs';
import { crc32Base62Suffix } from '../../dist/providers/formats/checksums.js';

const CRC_TABLE = (() => {
  const tbl = [];
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    tbl[n] = c >>> 0;
  }
  return tbl;
})();
function crc32(s) {
  let c = 0xffffffff;
  for (const b of Buffer.from(s)) c = CRC_TABLE[(c ^ b) & 255] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function moreTokens(rand, t) {
  const one = (list) => list[Math.floor(rand() * list.length)];
  const crc = (prefix, n) => {
    const body = t.alnum(n);
    return `${prefix}${body}${crc32Base62Suffix(body)}`;
  };
  const human = () =>
    one([
      () => `${one(['Acme', 'Globex', 'Initech'])}@${one(['2023', '2024', '2025'])}!`,
      () => `${one(['Summer', 'Winter', 'Autumn'])}${one(['2024', '2025', '2026'])}${one(['!', '#', '$'])}`,
      () => `${one(['db', 'ops', 'svc', 'etl'])}_${one(['prod', 'live', 'main'])}_${t.digits(4)}`,
      () => `${one(['Welcome', 'Dragon', 'Sunshine'])}${t.digits(3)}${one(['!', '@', '#'])}`,
    ])();
  const gen = () => t.mixed(ALNUM, 18 + Math.floor(rand() * 8));
  const pw = () => (rand() < 0.4 ? human() : rand() < 0.5 ? t.password() : gen());
  return {
    one,
    pw,
    human,
    gen,
    ghFine: () => `github_pat_${t.mixed(ALNUM, 22)}_${t.mixed(ALNUM, 59)}`,
    ghs: () => crc('ghs_', 30),
    dockerPat: () => `dckr_pat_${t.mixed(URLSAFE, 27)}`,
    telegram: () => `${t.digits(10)}:AA${t.mixed(URLSAFE, 33)}`,
    vault: () => `hvs.CAESI${t.mixed(URLSAFE, 86)}`,
    tfc: () => `${t.mixed(ALNUM, 14)}.atlasv1.${t.mixed(ALNUM + '-_', 67)}`,
    pagerduty: () => `u+${t.mixed(URLSAFE, 18)}`,
    newrelicLicense: () => `eu01xx${t.hex(30)}NRAL`,
    netlify: () => `nfp_${t.mixed(ALNUM, 36)}`,
    fly: () => `FlyV1 fm2_${t.mixed(B64, 180)}==`,
    sentryUser: () => `sntryu_${t.hex(64)}`,
    sentryOrg: () =>
      `sntrys_${Buffer.from(
        JSON.stringify({
          iat: 1764500000.123456,
          url: 'https://sentry.io',
          region_url: 'https://us.sentry.io',
          org: 'acme-corp',
        }),
      ).toString('base64')}_${t.mixed(ALNUM + '+/', 43)}`,
    glsa: () => {
      const body = t.alnum(32);
      const b = Buffer.alloc(4);
      b.writeUInt32LE(crc32(`glsa_${body}`));
      return `glsa_${body}_${b.toString('hex')}`;
    },
    cfGlobal: () => t.hex(37),
    hcloud: () => t.mixed(ALNUM, 64),
    linode: () => t.hex(64),
    mailgun: () => `key-${t.hex(32)}`,
    rancher: () => `kubeconfig-u-${t.pick(LOWER + DIGIT, 12)}:${t.pick(LOWER + DIGIT, 54)}`,
    rcloneObscured: () => Buffer.from(Array.from({ length: 30 }, () => Math.floor(rand() * 256))).toString('base64url'),
    winscp: () => t.pick('0123456789ABCDEF', 92),
    mremote: () => Buffer.from(Array.from({ length: 60 }, () => Math.floor(rand() * 256))).toString('base64'),
    b64: (n) => t.mixed(B64, n),
    lowerHex: (n) => t.pick(HEX, n),
    pgp: () => {
      const bytes = Buffer.concat([
        Buffer.from('9503c604', 'hex'),
        Buffer.from(Array.from({ length: 700 }, () => Math.floor(rand() * 256))),
      ]);
      const lines = bytes.toString('base64').match(/.{1,64}/g);
      return [
        '-----BEGIN PGP PRIVATE KEY BLOCK-----',
        '',
        ...lines,
        `=${t.mixed(B64, 4)}`,
        '-----END PGP PRIVATE KEY BLOCK-----',
      ];
    },
  };
}

const basic = (u, p) => Buffer.from(`${u}:${p}`).toString('base64');

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed ^ 0x0b5c0de);
  const t = makeTokens(rand);
  const x = moreTokens(rand, t);
  const repo = new Repo();
  histories(repo, t, x);
  ciLogs(repo, t, x);
  apiClients(repo, t, x);
  ide(repo, t, x);
  terraform(repo, t, x);
  sqlDump(repo, t, x);
  services(repo, t, x);
  webServers(repo, t, x);
  harAndNotebook(repo, t, x);
  build(repo, t, x);
  windows(repo, t, x);
  cloudCli(repo, t, x);
  sshGit(repo, t, x);
  kubeAnsible(repo, t, x);
  clients(repo, t, x);
  return repo;
}

// ---- shell histories -------------------------------------------------------------------------

function histories(repo, t, x) {
  const ak = t.awsId();
  const as = t.awsSecret();
  const myPw = x.pw().replace(/'/g, '');
  const gh = t.github();
  const dk = x.dockerPat();
  const sk = t.stripeLive();
  const cfKey = x.cfGlobal();
  repo
    .file('ops/home/deploy/.bash_history', 'history')
    .l('cd /srv/api', 'git pull')
    .d(`git checkout ${t.sha1()}`, 'commit sha')
    .d('export AWS_PROFILE=prod', 'profile name')
    .s(`export AWS_ACCESS_KEY_ID=${ak}`, 'aws', ak)
    .s(`export AWS_SECRET_ACCESS_KEY=${as}`, 'aws', as)
    .l('aws s3 ls s3://acme-prod-backups/')
    .s(`mysql -u root -p'${myPw}' -h db-prod-01.acme.internal billing`, 'generic', myPw)
    .s(`curl -sH "Authorization: Bearer ${gh}" https://api.github.com/user/repos`, 'github', gh)
    .s(`echo ${dk} | docker login -u acmebot --password-stdin`, 'dockerhub', dk)
    .s(`heroku config:set STRIPE_SECRET_KEY=${sk} -a acme-billing`, 'stripe', sk)
    .s(
      `curl -X GET "https://api.cloudflare.com/client/v4/zones" -H "X-Auth-Email: ops@acme-corp.io" -H "X-Auth-Key: ${cfKey}"`,
      'cloudflare',
      cfKey,
    )
    .d('export GITHUB_TOKEN=$(gh auth token)', 'command substitution')
    .d('vault kv get -field=password secret/prod/db', 'vault path')
    .d(`sha256sum api-linux-amd64.tar.gz  # ${t.sha256()}`, 'checksum')
    .d('history | grep -i token', 'command')
    .l('sudo systemctl restart api', 'exit');

  const doTok = t.digitalocean();
  const pgPw = x.gen();
  const npmTok = t.npm();
  const jPw = x.pw().replace(/[:@'"]/g, '');
  const ts = (n) => `: ${1764500000 + n * 37}:0;`;
  repo
    .file('ops/home/admin/.zsh_history', 'history')
    .l(`${ts(1)}cd ~/src/infra`)
    .s(`${ts(2)}export DIGITALOCEAN_TOKEN=${doTok}`, 'digitalocean', doTok)
    .l(`${ts(3)}doctl kubernetes cluster list`)
    .s(`${ts(4)}psql "postgresql://admin:${pgPw}@prod-db.acme-corp.io:5432/app?sslmode=require"`, 'database', pgPw)
    .s(`${ts(5)}npm config set //registry.npmjs.org/:_authToken ${npmTok}`, 'npm', npmTok)
    .s(`${ts(6)}curl -u admin:${jPw} https://jenkins.acme-corp.io/job/deploy/build -X POST`, 'generic', jPw)
    .d(`${ts(7)}kubectl get pods -n prod`, 'command')
    .d(`${ts(8)}export TF_VAR_db_password=$(op read op://prod/db/password)`, '1password reference')
    .d(`${ts(9)}git show ${t.sha1().slice(0, 12)}`, 'short sha')
    .d(`${ts(10)}export NPM_TOKEN=<your-npm-token>`, 'placeholder');

  const cf = t.cloudflareNew();
  const flyPg = x.gen();
  const tg = x.telegram();
  const fly = x.fly();
  repo
    .file('ops/home/admin/.local/share/fish/fish_history', 'history')
    .l('- cmd: cd ~/src/edge', '  when: 1764510001')
    .s(`- cmd: set -gx CLOUDFLARE_API_TOKEN ${cf}`, 'cloudflare', cf)
    .l('  when: 1764510044')
    .s(
      `- cmd: fly secrets set DATABASE_URL=postgres://postgres:${flyPg}@acme-db.flycast:5432/acme -a acme-api`,
      'database',
      flyPg,
    )
    .l('  when: 1764510102')
    .s(`- cmd: fly deploy --access-token "${fly}"`, 'flyio', fly.slice(6))
    .l('  when: 1764510190')
    .s(`- cmd: set -x TELEGRAM_BOT_TOKEN ${tg}`, 'telegram', tg)
    .l('  when: 1764510230')
    .d('- cmd: set -x CLOUDFLARE_API_TOKEN (security find-generic-password -s cf -w)', 'keychain lookup')
    .l('  when: 1764510300', '  paths:', '    - ~/src/edge');
}

// ---- CI job logs ----------------------------------------------------------------------------

function ciLogs(repo, t, x) {
  let sec = 1;
  const ts = () => `2026-11-30T10:12:${String(sec++).padStart(2, '0')}.${t.digits(7)}Z`;
  const npmTok = t.npm();
  const sentry = x.sentryUser();
  const dd = t.ddApi();
  const ghs = x.ghs();
  repo
    .file('ci-logs/github-actions/deploy_1841.txt', 'ci-log')
    .d(`${ts()} ##[group]Run actions/checkout@${t.sha1()}`, 'action pinned to sha')
    .l(`${ts()} with:`, `${ts()}   repository: acme-corp/api`)
    .d(`${ts()}   token: ***`, 'masked')
    .l(`${ts()} ##[endgroup]`)
    .d(`${ts()} HEAD is now at ${t.sha1().slice(0, 7)} Merge pull request #912 from acme-corp/fix-retry`, 'short sha')
    .l(`${ts()} ##[group]Run ./scripts/publish.sh`, `${ts()} env:`)
    .d(`${ts()}   AWS_SECRET_ACCESS_KEY: ***`, 'masked')
    .d(`${ts()}   NODE_AUTH_TOKEN: ***`, 'masked')
    .l(`${ts()} ##[endgroup]`)
    .s(`${ts()} + echo //registry.npmjs.org/:_authToken=${npmTok}`, 'npm', npmTok)
    .s(`${ts()} + sentry-cli --auth-token ${sentry} releases new 4.18.2`, 'sentry', sentry)
    .s(`${ts()} + terraform apply -auto-approve -var datadog_api_key=${dd}`, 'datadog', dd)
    .s(`${ts()} remote: Pushing to https://x-access-token:${ghs}@github.com/acme-corp/api.git`, 'github', ghs)
    .d(`${ts()} #12 writing image sha256:${t.sha256()} done`, 'image digest')
    .d(`${ts()} Request ID: ${t.uuid()}`, 'request id')
    .d(`${ts()} integrity sha512-${x.b64(86)}==`, 'integrity hash')
    .d(
      `${ts()} ##[debug]event payload: ${Buffer.from(JSON.stringify({ ref: 'refs/heads/main', repository: 'acme-corp/api', run_attempt: 1 })).toString('base64')}`,
      'base64 of non-secret json',
    )
    .l(`${ts()} Cleaning up orphan processes`);

  const gl = t.gitlab();
  const vault = x.vault();
  const regPw = x.gen();
  repo
    .file('ci-logs/gitlab/job-88123.log', 'ci-log')
    .d(`\u001b[0KRunning with gitlab-runner 17.4.0 (${x.lowerHex(8)})\u001b[0;m`, 'runner revision')
    .d(`\u001b[0KUsing docker image sha256:${t.sha256()} for node:20-alpine\u001b[0;m`, 'image digest')
    .d(
      '\u001b[32;1m$ echo "$CI_REGISTRY_PASSWORD" | docker login -u "$CI_REGISTRY_USER" --password-stdin $CI_REGISTRY\u001b[0;m',
      'variables',
    )
    .l('Login Succeeded')
    .s(
      `\u001b[32;1m$ curl --header "PRIVATE-TOKEN: ${gl}" "https://gitlab.acme-corp.io/api/v4/projects/42/releases"\u001b[0;m`,
      'gitlab',
      gl,
    )
    .s(`\u001b[32;1m$ export VAULT_TOKEN=${vault}\u001b[0;m`, 'vault', vault)
    .d(
      '\u001b[32;1m$ export VAULT_TOKEN=$(vault write -field=token auth/jwt/login role=ci jwt=$CI_JOB_JWT)\u001b[0;m',
      'command substitution',
    )
    .s(`\u001b[32;1m$ docker login registry.acme-corp.io -u deployer -p ${regPw}\u001b[0;m`, 'generic', regPw)
    .l('WARNING! Using --password via the CLI is insecure. Use --password-stdin.')
    .d('DB_PASSWORD=[MASKED]', 'masked')
    .l('Job succeeded');

  const ssPw = x.pw().replace(/'/g, '');
  const hook = t.slackWebhook();
  const jTs = () => `[2026-11-30T10:${String(sec++ % 60).padStart(2, '0')}:01.${t.digits(3)}Z]`;
  repo
    .file('ci-logs/jenkins/deploy-prod-417-console.txt', 'ci-log')
    .l(`${jTs()} Started by user ops-bot`, `${jTs()} [Pipeline] withCredentials`)
    .d(`${jTs()} Masking supported pattern matches of $DOCKER_PASSWORD or $DEPLOY_KEY`, 'masking notice')
    .d(`${jTs()} + docker login -u admin -p ****`, 'masked')
    .s(
      `${jTs()} + sshpass -p '${ssPw}' ssh -o StrictHostKeyChecking=no deploy@10.20.4.12 ./release.sh`,
      'generic',
      ssPw,
    )
    .s(`${jTs()} + curl -s -X POST -d @payload.json ${hook}`, 'slack', hook)
    .d(`${jTs()} Checking out Revision ${t.sha1()} (refs/remotes/origin/main)`, 'commit sha')
    .d(`${jTs()} Fetching upstream changes from https://github.com/acme-corp/api.git`, 'url without credentials')
    .l(`${jTs()} Finished: SUCCESS`);
}

// ---- Postman, Insomnia ------------------------------------------------------------------------

function apiClients(repo, t, x) {
  const sk = t.stripeLive();
  const apiKey = t.alnum(40);
  repo
    .file('tools/postman/Acme Billing API.postman_collection.json', 'api-client')
    .l('{', '  "info": {')
    .d(`    "_postman_id": "${t.uuid()}",`, 'uuid id')
    .l(
      '    "name": "Acme Billing API",',
      '    "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"',
      '  },',
    )
    .l('  "auth": {', '    "type": "bearer",', '    "bearer": [', '      {')
    .s(`        "key": "token", "value": "${sk}",`, 'stripe', sk)
    .l(
      '        "type": "string"',
      '      }',
      '    ]',
      '  },',
      '  "item": [',
      '    {',
      '      "name": "List invoices",',
      '      "request": {',
      '        "header": [',
    )
    .d('          { "key": "Authorization", "value": "Bearer {{access_token}}" },', 'postman variable')
    .d('          { "key": "Content-Type", "value": "application/json" },', 'header')
    .s(`          { "key": "X-Api-Key", "value": "${apiKey}", "type": "text" }`, 'generic', apiKey)
    .l('        ],', '        "url": { "raw": "{{base_url}}/v1/invoices?limit=20" }', '      }', '    }', '  ]', '}');

  const sg = t.sendgrid();
  const oa = t.openai();
  const twTok = t.twilioToken();
  const twSid = t.twilioSid();
  const adminPw = x.pw();
  const env = repo.file('tools/postman/prod.postman_environment.json', 'api-client');
  env.l('{');
  env.d(`  "id": "${t.uuid()}",`, 'uuid id');
  env.l('  "name": "prod",', '  "values": [');
  env.l('    {', '      "key": "base_url",');
  env.d('      "value": "https://api.acme-corp.io",', 'url');
  env.l('      "type": "default",', '      "enabled": true', '    },', '    {', '      "key": "sendgrid_api_key",');
  env.s(`      "value": "${sg}",`, 'sendgrid', sg);
  env.l('      "type": "secret",', '      "enabled": true', '    },', '    {', '      "key": "openai_key",');
  env.s(`      "value": "${oa}",`, 'openai', oa);
  env.l('      "type": "secret",', '      "enabled": true', '    },', '    {', '      "key": "twilio_account_sid",');
  env.l(`      "value": "${twSid}",`);
  env.l('      "enabled": true', '    },', '    {', '      "key": "twilio_auth_token",');
  env.s(`      "value": "${twTok}",`, 'twilio', twTok);
  env.l('      "type": "secret",', '      "enabled": true', '    },', '    {', '      "key": "admin_password",');
  env.s(`      "value": "${adminPw}",`, 'generic', adminPw);
  env.l('      "type": "secret",', '      "enabled": true', '    },', '    {', '      "key": "access_token",');
  env.d('      "value": "",', 'empty');
  env.l('      "type": "secret",', '      "enabled": true', '    },', '    {', '      "key": "db_password",');
  env.d('      "value": "{{vault:prod-db-password}}",', 'vault reference');
  env.l('      "enabled": true', '    }', '  ],', '  "_postman_variable_scope": "environment",');
  env.d('  "_postman_exported_at": "2026-11-28T09:14:51.203Z",', 'timestamp');
  env.l('  "_postman_exported_using": "Postman/11.20.0"', '}');

  const basicPw = x.pw();
  const mg = x.mailgun();
  const xoxb = t.slackBot();
  repo
    .file('tools/insomnia/Insomnia_2026-11-27.json', 'api-client')
    .l('{', '  "_type": "export",', '  "__export_format": 4,', '  "resources": [', '    {')
    .d(`      "_id": "req_${x.lowerHex(32)}",`, 'insomnia id')
    .d(`      "parentId": "wrk_${x.lowerHex(32)}",`, 'insomnia id')
    .l('      "url": "{{ _.base_url }}/admin/users",', '      "method": "GET",')
    .l('      "authentication": { "type": "basic", "username": "ops-admin",')
    .s(`        "password": "${basicPw}" },`, 'generic', basicPw)
    .l('      "_type": "request"', '    },', '    {')
    .l('      "url": "https://slack.com/api/chat.postMessage",')
    .s(`      "authentication": { "type": "bearer", "token": "${xoxb}", "prefix": "Bearer" },`, 'slack', xoxb)
    .l('      "_type": "request"', '    },', '    {')
    .d('      "authentication": { "type": "bearer", "token": "{{ _.api_token }}" },', 'template')
    .l('      "_type": "request"', '    },', '    {', '      "_type": "environment",', '      "data": {')
    .l('        "base_url": "https://api.acme-corp.io",')
    .s(`        "mailgun_key": "${mg}",`, 'mailgun', mg)
    .d('        "api_token": "changeme"', 'placeholder')
    .l('      }', '    }', '  ]', '}');
}

// ---- IDE files ------------------------------------------------------------------------------

function ide(repo, t, x) {
  const jdbcPw = x.gen();
  repo
    .file('.idea/dataSources.xml', 'ide')
    .l(
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<project version="4">',
      '  <component name="DataSourceManagerImpl" format="xml" multifile-model="true">',
    )
    .d(`    <data-source source="LOCAL" name="billing@prod" uuid="${t.uuid()}">`, 'uuid id')
    .l(
      '      <driver-ref>postgresql</driver-ref>',
      '      <synchronize>true</synchronize>',
      '      <jdbc-driver>org.postgresql.Driver</jdbc-driver>',
    )
    .s(
      `      <jdbc-url>jdbc:postgresql://pg-prod-1.acme-corp.io:5432/billing?user=billing&amp;password=${jdbcPw}</jdbc-url>`,
      'generic',
      jdbcPw,
    )
    .l('      <working-dir>$ProjectFileDir$</working-dir>', '    </data-source>', '  </component>', '</project>');

  const sk = t.stripeLive();
  const dbPw = x.pw();
  repo
    .file('.idea/workspace.xml', 'ide')
    .l('<?xml version="1.0" encoding="UTF-8"?>', '<project version="4">', '  <component name="ChangeListManager">')
    .d(`    <list default="true" id="${t.uuid()}" name="Changes" comment="" />`, 'uuid id')
    .l(
      '  </component>',
      '  <component name="RunManager">',
      '    <configuration name="api (prod data)" type="NodeJSConfigurationType" path-to-js-file="src/server.js">',
      '      <envs>',
    )
    .l('        <env name="NODE_ENV" value="development" />')
    .s(`        <env name="STRIPE_SECRET_KEY" value="${sk}" />`, 'stripe', sk)
    .s(`        <env name="DB_PASSWORD" value="${dbPw.replace(/"/g, '')}" />`, 'generic', dbPw.replace(/"/g, ''))
    .d('        <env name="REDIS_PASSWORD" value="$REDIS_PASSWORD$" />', 'ide macro')
    .l('      </envs>', '    </configuration>', '  </component>', '  <component name="PropertiesComponent"><![CDATA[{')
    .d(
      `  "keyToString": { "git-widget-placeholder": "main", "last_opened_file_path": "/Users/dev/src/api", "RunOnceActivity.ShowReadmeOnStart": "true", "vcs.last.commit": "${t.sha1()}" }`,
      'ide state',
    )
    .l('}]]></component>', '</project>');

  const sqlPw = x.pw().replace(/"/g, '');
  const gl = t.gitlab();
  repo
    .file('.vscode/settings.json', 'ide')
    .l('{', '  "editor.formatOnSave": true,')
    .d(
      '  "workbench.colorCustomizations": { "activityBar.background": "#1a2b3c", "titleBar.activeBackground": "#3e1f47" },',
      'colours',
    )
    .l(
      '  "sqltools.connections": [',
      '    {',
      '      "name": "reporting (prod)",',
      '      "driver": "MySQL",',
      '      "server": "mysql-prod.acme-corp.io",',
      '      "username": "reporting",',
    )
    .s(`      "password": "${sqlPw}",`, 'generic', sqlPw)
    .l('      "database": "reporting"', '    }', '  ],', '  "rest-client.environmentVariables": {', '    "prod": {')
    .s(`      "gitlabToken": "${gl}",`, 'gitlab', gl)
    .d('      "baseUrl": "https://gitlab.acme-corp.io/api/v4"', 'url')
    .l('    }', '  },')
    .d('  "files.exclude": { "**/.git": true, "**/node_modules": true }', 'setting')
    .l('}');

  const anth = t.anthropic();
  const azKey = t.azureStorageKey();
  repo
    .file('.vscode/launch.json', 'ide')
    .l(
      '{',
      '  "version": "0.2.0",',
      '  "configurations": [',
      '    {',
      '      "type": "node",',
      '      "request": "launch",',
      '      "name": "worker",',
    )
    .d('      "envFile": "${workspaceFolder}/.env.local",', 'file reference')
    .l('      "env": {')
    .d('        "DEBUG": "worker:*",', 'setting')
    .s(`        "ANTHROPIC_API_KEY": "${anth}",`, 'anthropic', anth)
    .s(
      `        "AZURE_STORAGE_CONNECTION_STRING": "DefaultEndpointsProtocol=https;AccountName=acmeprodassets;AccountKey=${azKey};EndpointSuffix=core.windows.net",`,
      'azure',
      azKey,
    )
    .d('        "OPENAI_API_KEY": "${env:OPENAI_API_KEY}"', 'vscode env reference')
    .l('      }', '    }', '  ]', '}');
}

// ---- Terraform ------------------------------------------------------------------------------

function terraform(repo, t, x) {
  const hc = x.hcloud();
  const ln = x.linode();
  const tfc = x.tfc();
  const pd = x.pagerduty();
  const gf = x.glsa();
  repo
    .file('infra/live/prod/prod.auto.tfvars', 'terraform')
    .l('location = "fsn1"')
    .s(`hcloud_token = "${hc}"`, 'generic', hc)
    .s(`linode_token = "${ln}"`, 'generic', ln)
    .s(`tfe_token = "${tfc}"`, 'terraform-cloud', tfc)
    .s(`pagerduty_token = "${pd}"`, 'pagerduty', pd)
    .s(`grafana_auth = "${gf}"`, 'grafana', gf)
    .d(`ssh_key_fingerprint = "SHA256:${x.b64(43)}"`, 'fingerprint')
    .d(`ami_id = "ami-0${x.lowerHex(16)}"`, 'ami id')
    .d('cloudflare_api_token = ""', 'empty')
    .d(`zone_id = "${x.lowerHex(32)}"`, 'cloudflare zone id');

  const ak = t.awsId();
  const as = t.awsSecret();
  const rp = t.mixed(ALNUM + '!#%&*-_=+', 24);
  repo
    .file('infra/live/prod/terraform.tfstate', 'terraform')
    .l('{', '  "version": 4,', '  "terraform_version": "1.9.8",', '  "serial": 42,')
    .d(`  "lineage": "${t.uuid()}",`, 'tfstate lineage uuid')
    .l(
      '  "outputs": {},',
      '  "resources": [',
      '    {',
      '      "mode": "managed",',
      '      "type": "aws_iam_access_key",',
      '      "name": "ci",',
      '      "instances": [',
      '        {',
      '          "schema_version": 0,',
      '          "attributes": {',
    )
    .d('          "encrypted_secret": null,', 'null')
    .s(`          "id": "${ak}",`, 'aws', ak)
    .s(`          "secret": "${as}",`, 'aws', as)
    .l('          "status": "Active",', '          "user": "ci-deployer"', '          },')
    .d('          "private": "eyJzY2hlbWFfdmVyc2lvbiI6IjEifQ==",', 'base64 of tf schema json')
    .l(
      '        }',
      '      ]',
      '    },',
      '    {',
      '      "type": "random_password",',
      '      "name": "db",',
      '      "instances": [',
      '        {',
      '          "attributes": {',
    )
    .d(`          "bcrypt_hash": "$2a$10$${t.mixed(ALNUM + './', 53)}",`, 'bcrypt hash')
    .s(`          "result": "${rp}",`, 'generic', rp)
    .l(
      '          "length": 24',
      '          }',
      '        }',
      '      ]',
      '    },',
      '    {',
      '      "type": "aws_iam_user",',
      '      "name": "ci",',
      '      "instances": [',
      '        {',
      '          "attributes": {',
    )
    .d('          "arn": "arn:aws:iam::731245568901:user/ci-deployer",', 'arn')
    .d(`          "unique_id": "AIDA${t.pick('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 17)}"`, 'IAM unique id (not a key)')
    .l('          }', '        }', '      ]', '    }', '  ]', '}');
}

// ---- SQL dump -------------------------------------------------------------------------------

function sqlDump(repo, t, x) {
  const sk = t.stripeLive();
  const sg = t.sendgrid();
  const repPw = x.pw().replace(/'/g, '');
  const appPw = x.gen();
  repo
    .file('db/dumps/billing-2026-11-29.sql', 'sql')
    .l('-- MySQL dump 10.13  Distrib 8.0.39, for Linux (x86_64)', '--', '-- Host: db-prod-01    Database: billing', '')
    .l(
      'LOCK TABLES `integrations` WRITE;',
      'INSERT INTO `integrations` (`id`, `tenant_id`, `provider`, `api_key`, `created_at`) VALUES',
    )
    .s(`(1,17,'stripe','${sk}','2025-03-02 10:14:11'),`, 'stripe', sk)
    .s(`(2,17,'sendgrid','${sg}','2025-03-02 10:15:40');`, 'sendgrid', sg)
    .l('UNLOCK TABLES;', '')
    .l('INSERT INTO `users` (`id`, `email`, `password_hash`, `api_token_id`) VALUES')
    .d(`(1,'ana@acme-corp.io','$2b$12$${t.mixed(ALNUM + './', 53)}','${t.uuid()}'),`, 'bcrypt hash and uuid')
    .d(`(2,'li@acme-corp.io','$argon2id$v=19$m=65536,t=3,p=4$${x.b64(22)}$${x.b64(43)}','${t.uuid()}');`, 'argon2 hash')
    .s(`CREATE USER 'reporting'@'%' IDENTIFIED BY '${repPw}';`, 'generic', repPw)
    .d(
      `CREATE USER 'legacy'@'10.%' IDENTIFIED WITH mysql_native_password AS '*${t.pick('0123456789ABCDEF', 40)}';`,
      'mysql password hash',
    )
    .l("GRANT SELECT ON billing.* TO 'reporting'@'%';")
    .s(`ALTER USER app WITH PASSWORD '${appPw}';`, 'generic', appPw)
    .d(`INSERT INTO \`schema_migrations\` VALUES ('20251104121500'),('20251119083000');`, 'migration versions')
    .l('-- Dump completed on 2026-11-29  3:00:04');
}

// ---- crontab, systemd, supervisor, Vagrant --------------------------------------------------

function services(repo, t, x) {
  const pgPw = x.gen();
  const tg = x.telegram();
  repo
    .file('ops/cron/crontab.prod', 'service-config')
    .l('SHELL=/bin/bash', 'MAILTO=ops@acme-corp.io')
    .s(
      `15 3 * * * PGPASSWORD='${pgPw}' pg_dump -h pg-prod-1.acme.internal -U backup billing | gzip > /backup/billing-$(date +\\%F).sql.gz`,
      'generic',
      pgPw,
    )
    .s(
      `*/10 * * * * /usr/bin/curl -s "https://api.telegram.org/bot${tg}/sendMessage?chat_id=-1001234567890&text=disk-check" >/dev/null`,
      'telegram',
      tg,
    )
    .d('@reboot /opt/api/bin/start --config /etc/api/config.yml', 'command')
    .d('0 4 * * 0 PGPASSWORD="$(cat /run/secrets/pg_backup)" pg_dumpall -h localhost > /backup/all.sql', 'file lookup');

  const myPw = x.gen();
  const nr = x.newrelicLicense();
  repo
    .file('ops/systemd/api.service', 'service-config')
    .l('[Unit]', 'Description=Acme API', 'After=network-online.target', '', '[Service]', 'User=api')
    .s(`Environment="DATABASE_URL=mysql://api:${myPw}@db-1.acme.internal:3306/api"`, 'database', myPw)
    .s(`Environment=NEW_RELIC_LICENSE_KEY=${nr}`, 'newrelic', nr)
    .d('EnvironmentFile=/etc/api/secrets.env', 'file reference')
    .d('Environment=VAULT_ADDR=https://vault.acme.internal:8200', 'url')
    .d('LoadCredential=db-password:/etc/credstore/api.db-password', 'systemd credential reference')
    .l('ExecStart=/opt/api/bin/api', 'Restart=always', '', '[Install]', 'WantedBy=multi-user.target');

  const amqpPw = x.gen();
  const xoxb = t.slackBot();
  const supPw = x.pw();
  repo
    .file('ops/supervisor/conf.d/worker.conf', 'service-config')
    .l(
      '[program:celery-worker]',
      'command=/srv/app/venv/bin/celery -A app worker -l info',
      'directory=/srv/app',
      'environment=',
    )
    .s(`    CELERY_BROKER_URL="amqp://worker:${amqpPw}@rabbit.acme.internal:5672//",`, 'database', amqpPw)
    .s(`    SLACK_BOT_TOKEN="${xoxb}"`, 'slack', xoxb)
    .l('', '[inet_http_server]', 'port=127.0.0.1:9001', 'username=admin')
    .s(`password=${supPw}`, 'generic', supPw)
    .l('', '[unix_http_server]', 'file=/var/run/supervisor.sock', 'username=ops')
    .d(`password={SHA}${x.lowerHex(40)}`, 'sha1 hash');

  const doTok = t.digitalocean();
  const rootPw = x.gen();
  repo
    .file('Vagrantfile', 'service-config')
    .l('Vagrant.configure("2") do |config|')
    .d('  config.vm.box = "ubuntu/jammy64"', 'box name')
    .d('  config.vm.box_version = "20241002.0.0"', 'version')
    .l(
      '  config.vm.provider :digital_ocean do |provider, override|',
      '    override.ssh.private_key_path = "~/.ssh/id_ed25519"',
    )
    .s(`    provider.token = '${doTok}'`, 'digitalocean', doTok)
    .l("    provider.region = 'fra1'", '  end')
    .s(`  config.vm.provision "shell", inline: "echo 'root:${rootPw}' | chpasswd"`, 'generic', rootPw)
    .d(
      '  config.vm.provision "shell", inline: "echo \\"DB_PASSWORD=#{ENV[\'DB_PASSWORD\']}\\" >> /etc/environment"',
      'env reference',
    )
    .l('end');
}

// ---- nginx, apache, haproxy ----------------------------------------------------------------

function webServers(repo, t, x) {
  const gPw = x.gen();
  const gf = x.glsa();
  repo
    .file('ops/nginx/sites-enabled/grafana.conf', 'web-server')
    .l('server {', '    listen 443 ssl http2;', '    server_name grafana.acme-corp.io;')
    .d('    ssl_certificate     /etc/letsencrypt/live/grafana.acme-corp.io/fullchain.pem;', 'path')
    .d('    ssl_certificate_key /etc/letsencrypt/live/grafana.acme-corp.io/privkey.pem;', 'path')
    .d('    auth_basic_user_file /etc/nginx/.htpasswd;', 'path')
    .d(`    add_header Content-Security-Policy "script-src 'self' 'sha256-${x.b64(43)}='";`, 'csp hash')
    .l('    location /api/ {', '        proxy_pass http://127.0.0.1:3000;')
    .s(`        proxy_set_header Authorization "Bearer ${gf}";`, 'grafana', gf)
    .l('    }', '    location /legacy/ {', '        proxy_pass http://10.0.3.7:8080;')
    .s(`        proxy_set_header Authorization "Basic ${basic('admin', gPw)}";`, 'generic', gPw)
    .l('    }', '    location /passthrough/ {', '        proxy_pass http://10.0.3.8:8080;')
    .d('        proxy_set_header Authorization $http_authorization;', 'variable')
    .d('        proxy_set_header X-Request-Id $request_id;', 'variable')
    .l('    }', '}');
  repo
    .file('ops/nginx/.htpasswd', 'web-server')
    .d(`admin:$apr1$${t.mixed(ALNUM, 8)}$${t.mixed(ALNUM + './', 22)}`, 'apr1 hash')
    .d(`ops:{SHA}${x.b64(27)}=`, 'sha1 hash');

  const dbPass = x.pw().replace(/"/g, '');
  const sentryOrg = x.sentryOrg();
  repo
    .file('ops/apache/sites-available/reports.conf', 'web-server')
    .l('<VirtualHost *:443>', '    ServerName reports.acme-corp.io', '    DocumentRoot /var/www/reports')
    .s(`    SetEnv DB_PASS "${dbPass}"`, 'generic', dbPass)
    .s(`    RequestHeader set Authorization "Bearer ${sentryOrg}"`, 'sentry', sentryOrg)
    .d('    RequestHeader set X-Forwarded-Proto "https"', 'header')
    .d('    SSLCertificateFile /etc/ssl/certs/reports.pem', 'path')
    .l('    ProxyPass /sentry/ https://sentry.io/api/0/', '</VirtualHost>');

  const stPw = x.gen();
  const upPw = x.gen();
  repo
    .file('ops/haproxy/haproxy.cfg', 'web-server')
    .l('global', '    log /dev/log local0', '', 'userlist ops_users')
    .d(`    user admin password $6$${t.mixed(ALNUM, 16)}$${t.mixed(ALNUM + './', 86)}`, 'sha512-crypt hash')
    .l('', 'listen stats', '    bind *:8404', '    stats enable', '    stats uri /stats')
    .s(`    stats auth admin:${stPw}`, 'generic', stPw)
    .l('', 'backend partner_api', '    mode http')
    .s(`    http-request set-header Authorization "Basic ${basic('acme', upPw)}"`, 'generic', upPw)
    .d('    server api1 10.0.0.11:8080 check cookie s1', 'server line')
    .d(`    stick-table type string len 64 size 100k expire 30m # id ${t.uuid()}`, 'uuid');
}

// ---- HAR, Jupyter ----------------------------------------------------------------------------

function harAndNotebook(repo, t, x) {
  const jwt = t.jwt();
  const sess = t.mixed(URLSAFE, 43);
  const rt = t.mixed(URLSAFE, 64);
  repo
    .file('docs/bug-1942/checkout-flow.har', 'har')
    .l(
      '{',
      '  "log": {',
      '    "version": "1.2",',
      '    "creator": { "name": "WebInspector", "version": "537.36" },',
      '    "entries": [',
      '      {',
      '        "request": {',
      '          "method": "POST",',
      '          "url": "https://api.acme-corp.io/v2/checkout",',
      '          "headers": [',
    )
    .s(`            { "name": "Authorization", "value": "Bearer ${jwt}" },`, 'generic', jwt)
    .s(`            { "name": "Cookie", "value": "acme_session=${sess}; theme=dark" },`, 'generic', sess)
    .d(`            { "name": "x-request-id", "value": "${t.uuid()}" },`, 'request id')
    .d(`            { "name": "If-None-Match", "value": "W/\\"${x.lowerHex(27)}\\"" }`, 'etag')
    .l('          ]', '        },', '        "response": {', '          "status": 200,', '          "headers": [')
    .d(`            { "name": "cf-ray", "value": "${x.lowerHex(16)}-FRA" },`, 'cloudflare ray id')
    .d(`            { "name": "x-amzn-trace-id", "value": "Root=1-${x.lowerHex(8)}-${x.lowerHex(24)}" }`, 'trace id')
    .l('          ],', '          "content": {', '            "mimeType": "application/json",')
    .s(
      `            "text": "{\\"token_type\\":\\"Bearer\\",\\"expires_in\\":3600,\\"refresh_token\\":\\"${rt}\\"}"`,
      'generic',
      rt,
    )
    .l(
      '          }',
      '        }',
      '      },',
      '      {',
      '        "request": { "method": "GET", "url": "https://js.stripe.com/v3/", "headers": [] },',
      '        "response": { "content": {',
    )
    .d(`          "text": "Stripe('pk_live_${t.mixed(ALNUM, 99)}')"`, 'stripe publishable key (public)')
    .l('        } }', '      }', '    ]', '  }', '}');

  const oa = t.openai();
  const ak = t.awsId();
  const as = t.awsSecret();
  repo
    .file('notebooks/ops/cost-report.ipynb', 'notebook')
    .l('{', ' "cells": [', '  {', '   "cell_type": "code",', '   "execution_count": 2,')
    .d(`   "id": "${x.lowerHex(8)}",`, 'cell id')
    .l('   "metadata": {},', '   "outputs": [],', '   "source": [', '    "import os\\n",')
    .s(`    "os.environ[\\"OPENAI_API_KEY\\"] = \\"${oa}\\"\\n",`, 'openai', oa)
    .d('    "os.environ.setdefault(\\"AWS_PROFILE\\", \\"billing-ro\\")\\n"', 'setting')
    .l(
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
    )
    .l('      "[billing]\\n",')
    .s(`      "aws_access_key_id = ${ak}\\n",`, 'aws', ak)
    .s(`      "aws_secret_access_key = ${as}\\n"`, 'aws', as)
    .l('     ]', '    },', '    {', '     "data": {')
    .d(`      "image/png": "${t.pngBase64()}",`, 'base64 image')
    .l(
      '      "text/plain": ["<Figure size 640x480 with 1 Axes>"]',
      '     },',
      '     "output_type": "display_data"',
      '    }',
      '   ],',
      '   "source": ["!cat ~/.aws/credentials"]',
      '  }',
      ' ],',
      ' "nbformat": 4,',
      ' "nbformat_minor": 5',
      '}',
    );
}

// ---- Dockerfile, Makefile, workflows -------------------------------------------------------

function build(repo, t, x) {
  const npmTok = t.npm();
  const sOrg = x.sentryOrg();
  repo
    .file('services/web/Dockerfile', 'build')
    .d(`FROM node:20-alpine@sha256:${t.sha256()} AS build`, 'image digest')
    .d('ARG GITHUB_TOKEN', 'bare build arg')
    .s(`ARG NPM_TOKEN=${npmTok}`, 'npm', npmTok)
    .s(`ENV SENTRY_AUTH_TOKEN=${sOrg}`, 'sentry', sOrg)
    .l('WORKDIR /app', 'COPY package*.json ./')
    .d('RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci', 'build secret mount')
    .l('COPY . .', 'RUN npm run build')
    .d('ENV NODE_OPTIONS="--max-old-space-size=4096"', 'setting');

  const pypi = t.pypi();
  const dPw = x.gen();
  const adminPw = x.gen();
  repo
    .file('Makefile', 'build')
    .d('VERSION := $(shell git describe --tags --always)', 'shell')
    .d('TOKEN ?= $(GITHUB_TOKEN)', 'make variable')
    .s(`TWINE_PASSWORD := ${pypi}`, 'pypi', pypi)
    .s(`DOCKER_PASSWORD ?= ${dPw}`, 'generic', dPw)
    .l('', 'publish:', '\tTWINE_USERNAME=__token__ TWINE_PASSWORD=$(TWINE_PASSWORD) twine upload dist/*', '')
    .l('smoke:')
    .s(`\tcurl -fsS -u admin:${adminPw} https://staging.acme-corp.io/healthz`, 'generic', adminPw)
    .d('\tcurl -fsS -u admin:$(ADMIN_PASSWORD) https://staging.acme-corp.io/healthz', 'make variable');

  const vc = t.vercelNew();
  repo
    .file('.github/workflows/deploy.yml', 'build')
    .l(
      'name: deploy',
      'on:',
      '  push:',
      '    branches: [main]',
      'jobs:',
      '  deploy:',
      '    runs-on: ubuntu-latest',
      '    env:',
    )
    .d('      NPM_TOKEN: ${{ secrets.NPM_TOKEN }}', 'actions secret reference')
    .d('      AWS_ROLE_ARN: arn:aws:iam::731245568901:role/gha-deploy', 'arn')
    .s(`      VERCEL_TOKEN: ${vc}`, 'vercel', vc)
    .l('    steps:')
    .d(`      - uses: actions/checkout@${t.sha1()} # v4.2.2`, 'pinned sha')
    .d('      - run: npx vercel deploy --prod --token "${{ secrets.VERCEL_TOKEN }}"', 'actions secret reference');
  repo
    .file('.vercel/project.json', 'build')
    .d(`{"orgId":"team_${t.mixed(ALNUM, 24)}","projectId":"prj_${t.mixed(ALNUM, 28)}"}`, 'vercel ids');
}

// ---- Windows ---------------------------------------------------------------------------------

function windows(repo, t, x) {
  const az = t.azureClientSecret();
  const dbPw = x.gen();
  const nf = x.netlify();
  repo
    .file('scripts/win/deploy-prod.bat', 'windows')
    .l('@echo off', 'setlocal')
    .d('set PATH=%PATH%;C:\\tools\\az\\bin', 'path')
    .d(`set AZURE_TENANT_ID=${t.uuid()}`, 'tenant id')
    .s(`set AZURE_CLIENT_SECRET=${az}`, 'azure', az)
    .s(`set "DB_PASS=${dbPw}"`, 'generic', dbPw)
    .s(`setx NETLIFY_AUTH_TOKEN ${nf}`, 'netlify', nf)
    .d('set TOKEN=%1', 'argument')
    .d('if "%DB_PASS%"=="" set DB_PASS=changeme', 'placeholder')
    .l('az login --service-principal -u %AZURE_CLIENT_ID% -p %AZURE_CLIENT_SECRET% --tenant %AZURE_TENANT_ID%');

  const psPw = x.pw().replace(/"/g, '');
  const sig = t.azureSasSig();
  const vault = x.vault();
  repo
    .file('scripts/win/Restore-Backup.ps1', 'windows')
    .l('param([string]$Server = "sql-prod-01.acme.local")')
    .s(`$securePw = ConvertTo-SecureString "${psPw}" -AsPlainText -Force`, 'generic', psPw)
    .l('$cred = New-Object System.Management.Automation.PSCredential ("ACME\\svc_backup", $securePw)')
    .s(
      `$env:BACKUP_SAS_URL = "https://acmebackups.blob.core.windows.net/sql?sv=2022-11-02&ss=b&srt=sco&sp=rwdlac&se=2027-06-30T00:00:00Z&st=2026-11-01T00:00:00Z&spr=https&sig=${sig}"`,
      'azure',
      sig,
    )
    .s(`$headers = @{ "X-Vault-Token" = "${vault}" }`, 'vault', vault)
    .d('$cred2 = Get-Credential -UserName "ACME\\svc_backup" -Message "backup account"', 'prompt')
    .d('$pw = Read-Host -AsSecureString "Password"', 'prompt')
    .d(`# Get-FileHash .\\backup.bak -> ${t.sha256().toUpperCase()}`, 'file hash')
    .d('$token = $env:VAULT_TOKEN', 'env lookup');
}

// ---- rclone, s3cfg, netrc, docker, gcp ---------------------------------------------------------

function cloudCli(repo, t, x) {
  const ak = t.awsId();
  const as = t.awsSecret();
  const b2Key = `K005${t.mixed(ALNUM, 27)}`;
  const obsc = x.rcloneObscured();
  repo
    .file('ops/home/deploy/.config/rclone/rclone.conf', 'cloud-cli')
    .l('[s3-prod]', 'type = s3', 'provider = AWS')
    .s(`access_key_id = ${ak}`, 'aws', ak)
    .s(`secret_access_key = ${as}`, 'aws', as)
    .l('region = eu-west-1', '', '[b2-archive]', 'type = b2')
    .d(`account = 005${x.lowerHex(9)}0000000003`, 'b2 key id')
    .s(`key = ${b2Key}`, 'generic', b2Key)
    .l('', '[nas]', 'type = sftp', 'host = nas.acme.internal', 'user = backup')
    .s(`pass = ${obsc}`, 'generic', obsc)
    .l('', '[crypt-archive]', 'type = crypt', 'remote = b2-archive:acme-archive')
    .d('password = ', 'empty');

  const ak2 = t.awsId();
  const as2 = t.awsSecret();
  repo
    .file('ops/home/deploy/.s3cfg', 'cloud-cli')
    .l('[default]')
    .s(`access_key = ${ak2}`, 'aws', ak2)
    .s(`secret_key = ${as2}`, 'aws', as2)
    .d('gpg_passphrase = ', 'empty')
    .d('host_base = s3.amazonaws.com', 'host')
    .d('gpg_command = /usr/bin/gpg', 'path');

  const hk = t.heroku();
  const ghPw = t.github();
  repo
    .file('ops/home/deploy/.netrc', 'cloud-cli')
    .s(`machine api.heroku.com login ops@acme-corp.io password ${hk}`, 'heroku', hk)
    .s(`machine github.com login acme-bot password ${ghPw}`, 'github', ghPw)
    .d('machine ftp.example.com login anonymous password guest', 'placeholder');

  const dk = x.dockerPat();
  repo
    .file('ops/home/deploy/.docker/config.json', 'cloud-cli')
    .l('{', '  "auths": {')
    .s(`    "https://index.docker.io/v1/": { "auth": "${basic('acmebot', dk)}" },`, 'dockerhub', dk)
    .d('    "ghcr.io": {}', 'empty')
    .l('  },')
    .d('  "credsStore": "desktop"', 'helper name')
    .l('}');

  const pk = t.pkcs8Pem().join('\\n');
  repo
    .file('infra/gcp/sa-terraform.json', 'cloud-cli')
    .l('{', '  "type": "service_account",', '  "project_id": "acme-prod-431207",')
    .d(`  "private_key_id": "${x.lowerHex(40)}",`, 'key id')
    .s(`  "private_key": "${pk}\\n",`, 'gcp', pk)
    .l('  "client_email": "terraform@acme-prod-431207.iam.gserviceaccount.com",')
    .d(`  "client_id": "1${t.digits(20)}",`, 'client id')
    .l(
      '  "auth_uri": "https://accounts.google.com/o/oauth2/auth",',
      '  "token_uri": "https://oauth2.googleapis.com/token"',
      '}',
    );
}

// ---- SSH, git --------------------------------------------------------------------------------

function sshGit(repo, t, x) {
  repo
    .file('ops/home/deploy/.ssh/config', 'ssh-git')
    .l('Host bastion', '    HostName bastion.acme-corp.io', '    User deploy')
    .d('    IdentityFile ~/.ssh/deploy_ed25519', 'path')
    .l('Host 10.20.*', '    ProxyJump bastion')
    .d(`    # HostKeyAlias fingerprint SHA256:${x.b64(43)}`, 'fingerprint');
  const key = t.opensshPem();
  repo.file('ops/home/deploy/.ssh/deploy_ed25519', 'ssh-git').s(key, 'private-key', key.join('\n'));
  repo
    .file('ops/home/deploy/.ssh/deploy_ed25519.pub', 'ssh-git')
    .d(`ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${t.mixed(B64, 43)} deploy@acme`, 'public key');
  repo
    .file('ops/home/deploy/.ssh/known_hosts', 'ssh-git')
    .d(`|1|${x.b64(27)}=|${x.b64(27)}= ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${t.mixed(B64, 43)}`, 'hashed known host');

  const gl = t.gitlab();
  const gh = x.ghFine();
  repo
    .file('ops/mirror/infra.git/config', 'ssh-git')
    .l('[core]', '\trepositoryformatversion = 0', '\tbare = true', '[remote "origin"]')
    .s(`\turl = https://oauth2:${gl}@gitlab.acme-corp.io/platform/infra.git`, 'gitlab', gl)
    .l('\tfetch = +refs/heads/*:refs/remotes/origin/*', '[remote "github"]')
    .d('\turl = git@github.com:acme-corp/infra.git', 'ssh remote')
    .s(`[url "https://acme-bot:${gh}@github.com/"]`, 'github', gh)
    .l('\tinsteadOf = https://github.com/');
  repo
    .file('ops/home/deploy/.gitconfig', 'ssh-git')
    .l('[user]', '\tname = Deploy Bot', '\temail = deploy@acme-corp.io')
    .d(`\tsigningkey = ${t.pick('0123456789ABCDEF', 16)}`, 'gpg key id')
    .d('[credential]\n\thelper = store', 'helper')
    .d(`[includeIf "gitdir:~/work/"]\n\tpath = ~/.gitconfig-work`, 'include');
  const bbPw = x.gen();
  repo.file('ops/home/deploy/.git-credentials', 'ssh-git').s(`https://acme-ci:${bbPw}@bitbucket.org`, 'generic', bbPw);

  const pgp = x.pgp();
  repo.file('ops/keys/release-signing.asc', 'ssh-git').s(pgp, 'private-key', pgp.slice(2, -2).join('\n'));
}

// ---- kubeconfig, Ansible ----------------------------------------------------------------------

function kubeAnsible(repo, t, x) {
  const rancher = x.rancher();
  const ak = t.awsId();
  const as = t.awsSecret();
  const oidcSecret = t.mixed(ALNUM, 32);
  const cert = Buffer.from(
    ['-----BEGIN CERTIFICATE-----', `MIIC${t.mixed(B64, 60)}`, '-----END CERTIFICATE-----'].join('\n'),
  ).toString('base64');
  repo
    .file('ops/kube/staging.kubeconfig', 'k8s')
    .l(
      'apiVersion: v1',
      'kind: Config',
      'clusters:',
      '- name: staging',
      '  cluster:',
      '    server: https://rancher.acme-corp.io/k8s/clusters/c-m-7xk2p',
    )
    .d(`    certificate-authority-data: ${cert}`, 'ca certificate')
    .l('users:', '- name: staging', '  user:')
    .s(`    token: ${rancher}`, 'generic', rancher.split(':')[1])
    .l('- name: eks-admin', '  user:', '    exec:', '      apiVersion: client.authentication.k8s.io/v1beta1')
    .d('      command: aws', 'command')
    .d('      args: ["eks", "get-token", "--cluster-name", "prod"]', 'args')
    .l('      env:', '      - name: AWS_ACCESS_KEY_ID')
    .s(`        value: ${ak}`, 'aws', ak)
    .l('      - name: AWS_SECRET_ACCESS_KEY')
    .s(`        value: ${as}`, 'aws', as)
    .l(
      '- name: oidc',
      '  user:',
      '    auth-provider:',
      '      name: oidc',
      '      config:',
      '        client-id: kubernetes',
      '        idp-issuer-url: https://sso.acme-corp.io/realms/ops',
    )
    .s(`        client-secret: ${oidcSecret}`, 'generic', oidcSecret);

  const rootPw = x.gen();
  const becomePw = x.pw().replace(/[ '"]/g, '');
  repo
    .file('ops/ansible/inventory/prod.ini', 'ansible')
    .l('[db]')
    .s(`db01 ansible_host=10.0.1.5 ansible_user=root ansible_password=${rootPw}`, 'generic', rootPw)
    .d('db02 ansible_host=10.0.1.6 ansible_user=root ansible_password="{{ vault_db02_password }}"', 'vault var')
    .l('', '[web:vars]')
    .s(`ansible_become_pass=${becomePw}`, 'generic', becomePw)
    .d('ansible_ssh_private_key_file=~/.ssh/ansible_ed25519', 'path');

  const dd = t.ddApi();
  const mysqlPw = x.gen();
  repo
    .file('ops/ansible/group_vars/all/main.yml', 'ansible')
    .l('---', 'datadog_site: datadoghq.eu')
    .s(`datadog_api_key: "${dd}"`, 'datadog', dd)
    .d('mysql_root_password: "{{ vault_mysql_root_password }}"', 'vault var')
    .s(`mysql_replication_password: ${mysqlPw}`, 'generic', mysqlPw)
    .d("app_secret_key: \"{{ lookup('hashi_vault', 'secret=secret/data/app:key') }}\"", 'vault lookup');
  const vf = repo.file('ops/ansible/group_vars/all/vault.yml', 'ansible');
  vf.d(['$ANSIBLE_VAULT;1.1;AES256', ...Array.from({ length: 6 }, () => x.lowerHex(80))], 'ansible-vault ciphertext');
}

// ---- database and file-transfer clients ----------------------------------------------------------

function clients(repo, t, x) {
  const dbvPw = x.pw().replace(/"/g, '');
  repo
    .file('tools/dbeaver/.dbeaver/data-sources.json', 'db-client')
    .l('{', '  "folders": {},', '  "connections": {')
    .d(`    "postgres-jdbc-${x.lowerHex(11)}-${x.lowerHex(16)}": {`, 'dbeaver connection id')
    .l(
      '      "provider": "postgresql",',
      '      "driver": "postgres-jdbc",',
      '      "name": "analytics prod",',
      '      "save-password": true,',
      '      "configuration": {',
      '        "host": "analytics-db.acme-corp.io",',
      '        "port": "5432",',
      '        "database": "analytics",',
      '        "user": "analyst",',
    )
    .s(`        "password": "${dbvPw}",`, 'generic', dbvPw)
    .d('        "auth-model": "native"', 'setting')
    .l('      }', '    }', '  }', '}');

  repo
    .file('tools/pgadmin/servers.json', 'db-client')
    .l(
      '{',
      '  "Servers": {',
      '    "1": {',
      '      "Name": "billing-prod",',
      '      "Group": "Prod",',
      '      "Host": "pg-prod-1.acme-corp.io",',
      '      "Port": 5432,',
      '      "Username": "billing",',
    )
    .d('      "PassFile": "/pgpass",', 'file reference')
    .d('      "SSLMode": "verify-full"', 'setting')
    .l('    }', '  }', '}');

  const mongoPw = x.gen();
  repo
    .file('tools/robo3t/robo3t.json', 'db-client')
    .l('{', '  "connections": [', '    {')
    .d(`      "uuid": "{${t.uuid()}}",`, 'uuid')
    .l(
      '      "connectionName": "events prod",',
      '      "serverHost": "mongo-prod-0.acme.internal",',
      '      "serverPort": 27017,',
      '      "credentials": [',
      '        {',
      '          "databaseName": "admin",',
      '          "userName": "root",',
    )
    .s(`          "userPassword": "${mongoPw}",`, 'generic', mongoPw)
    .l('          "enabled": true', '        }', '      ],', '      "ssh": {')
    .d('        "privateKeyFile": "/home/dev/.ssh/id_rsa",', 'path')
    .d('        "passphrase": "",', 'empty')
    .l('        "enabled": false', '      }', '    }', '  ]', '}');

  const fzPw = t.password();
  repo
    .file('tools/filezilla/sitemanager.xml', 'file-transfer')
    .l(
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<FileZilla3 version="3.67.0" platform="windows">',
      '  <Servers>',
      '    <Server>',
      '      <Host>ftp.acme-corp.io</Host>',
      '      <Port>21</Port>',
      '      <Protocol>0</Protocol>',
      '      <User>webdeploy</User>',
    )
    .s(`      <Pass encoding="base64">${Buffer.from(fzPw).toString('base64')}</Pass>`, 'generic', fzPw)
    .l(
      '      <Name>web prod</Name>',
      '    </Server>',
      '    <Server>',
      '      <Host>sftp.partner.example.net</Host>',
      '      <User>acme</User>',
    )
    .d(`      <Pass encoding="crypt" pubkey="${x.b64(88)}">${x.b64(64)}</Pass>`, 'master-password encrypted')
    .l('    </Server>', '  </Servers>', '</FileZilla3>');

  const wpw = x.winscp();
  repo
    .file('tools/winscp/WinSCP.ini', 'file-transfer')
    .l('[Sessions\\deploy@web01]', 'HostName=web01.acme-corp.io', 'UserName=deploy')
    .s(`Password=${wpw}`, 'generic', wpw)
    .d('PublicKeyFile=C:%5CUsers%5Cops%5C.ssh%5Cdeploy.ppk', 'path')
    .d(`[SshHostKeys]\nssh-ed25519@22:web01.acme-corp.io=0x${x.lowerHex(64)},0x${x.lowerHex(64)}`, 'host key');

  const mr = x.mremote();
  repo
    .file('tools/mremoteng/confCons.xml', 'file-transfer')
    .l('<?xml version="1.0" encoding="utf-8"?>')
    .d(
      `<mrng:Connections xmlns:mrng="http://mremoteng.org" Name="Connections" Export="false" EncryptionEngine="AES" BlockCipherMode="GCM" KdfIterations="1000" FullFileEncryption="false" Protected="${x.b64(128)}" ConfVersion="2.6">`,
      'mRemoteNG "ThisIsNotProtected" marker',
    )
    .s(
      `    <Node Name="dc01" Type="Connection" Descr="" Username="Administrator" Domain="ACME" Password="${mr}" Hostname="10.0.9.10" Protocol="RDP" Port="3389" />`,
      'generic',
      mr,
    )
    .d(
      `    <Node Name="jump" Type="Connection" Id="${t.uuid()}" Username="ops" Password="" Hostname="10.0.9.2" Protocol="SSH2" Port="22" />`,
      'empty password',
    )
    .l('</mrng:Connections>');
}
