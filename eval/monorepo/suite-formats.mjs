// Red-team suite "formats": the same credentials in the awkward file formats and encodings a
// scanner must still read — Windows CRLF line endings, UTF-8 BOMs, tab-indented YAML/INI, 20 KB
// minified lines and source maps, JSON with escaped slashes and \uXXXX escapes, JSONC, YAML block
// scalars and flow mappings, TOML multi-line strings and inline tables, INI `key : value` and
// `key value` forms, XML CDATA and attributes in odd orders, HCL heredocs, .env files with
// export/quotes/inline comments, shell line continuations, Makefile := ?= +=, Dockerfile ENV with
// several pairs, Java properties escapes, PowerShell here-strings, SQL doubled quotes, CSV quoted
// fields, Markdown tables and fences, HTML attributes and entities, URL/percent-encoded values,
// base64-wrapped env files, JSON Lines, Jupyter outputs, git patches and quoted-printable mail —
// with look-alikes in the same syntaxes as decoys: hashes, UUIDs, data: URIs, placeholders in every
// templating syntax, vendor documentation example keys and redacted values. A removed ("-") line of
// a committed patch is planted as a secret: the patch file publishes the old key in full today, and
// "rotated" in a commit message is a claim the scanner cannot check. Every value is drawn from the
// seeded PRNG at run time.
import { ALNUM, DIGIT, HEX, LOWER, UPPER, URLSAFE, Repo, makeTokens, mulberry32 } from './generate.mjs';

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 70001 + 13);
  const t = makeTokens(rand);
  const repo = new Repo();
  const b64 = (s) => Buffer.from(s).toString('base64');
  const plainPw = () => t.password().replace(/[^A-Za-z0-9]/g, '');
  // A password with characters that must be percent-encoded in a URL.
  const specialPw = () => `${t.mixed(ALNUM, 9)}@${t.pick(DIGIT, 2)}#${t.mixed(ALNUM, 6)}`;
  const withChar = (gen, ch) => {
    for (;;) {
      const v = gen();
      if (v.includes(ch)) return v;
    }
  };
  const crlf = (f) => {
    f.lines = f.lines.map((x) => `${x}\r`);
  };
  const BOM = '\uFEFF';
  const stripeRestricted = () => `rk_live_${t.mixed(ALNUM, 24)}`;
  const stripeWebhook = () => `whsec_${t.mixed(ALNUM, 32)}`;
  const twilioApiKey = () => `SK${t.hex(32)}`;
  const shopify = () => `shpat_${t.hex(32)}`;
  const googleClientSecret = () => `GOCSPX-${t.mixed(URLSAFE, 28)}`;
  const hf = () => `hf_${t.pick(UPPER + LOWER, 34)}`;
  const png = () => t.pngBase64().slice(0, 400);
  const shortSha = () => t.pick(HEX, 7);

  // ---- CRLF line endings ---------------------------------------------------------------
  {
    const f = repo.file('deploy/windows/service.env', 'crlf');
    f.l('# Windows service environment (edited in Notepad)', 'NODE_ENV=production');
    const sk = t.stripeLive();
    f.s(`STRIPE_SECRET_KEY=${sk}`, 'stripe', sk);
    const gh = t.github();
    f.s(`GITHUB_TOKEN=${gh}`, 'github', gh);
    f.d('SENTRY_DSN=', 'empty');
    f.d(`BUILD_ID=${t.uuid()}`, 'uuid');
    crlf(f);
  }
  {
    const f = repo.file('ops/windows/scheduled-task.bat', 'crlf');
    f.l('@echo off', 'setlocal');
    const aws = t.awsId();
    f.s(`set AWS_ACCESS_KEY_ID=${aws}`, 'aws', aws);
    const awsS = t.awsSecret();
    f.s(`set AWS_SECRET_ACCESS_KEY=${awsS}`, 'aws', awsS);
    f.d('set AWS_SESSION_TOKEN=%AWS_SESSION_TOKEN%', 'batch variable');
    f.l('aws s3 sync D:\\exports s3://acme-exports/daily', 'endlocal');
    crlf(f);
  }

  // ---- UTF-8 BOM (+ CRLF) ----------------------------------------------------------------
  {
    const f = repo.file('services/portal/appsettings.Production.json', 'bom');
    f.l(`${BOM}{`, '  "Logging": { "LogLevel": { "Default": "Warning" } },', '  "ConnectionStrings": {');
    const sqlPw = plainPw();
    f.s(
      `    "Default": "Server=tcp:acme-sql.database.windows.net,1433;Database=portal;User ID=portal;Password=${sqlPw};Encrypt=True;"`,
      'generic',
      sqlPw,
    );
    f.l('  },', '  "SendGrid": {');
    const sg = t.sendgrid();
    f.s(`    "ApiKey": "${sg}",`, 'sendgrid', sg);
    f.d('    "FromAddress": "noreply@acme-corp.io"', 'email');
    f.l('  },');
    f.d(`  "InstanceId": "${t.uuid()}",`, 'uuid');
    f.d('  "ApiKey": "#{Portal.ApiKey}"', 'octopus placeholder');
    f.l('}');
    crlf(f);
  }
  {
    const f = repo.file('config/legacy/erp.ini', 'bom');
    f.l(`${BOM}; ERP connector settings`, '[database]', 'host = erp-db01', 'user = erp_sync');
    const p = t.password();
    f.s(`password = ${p}`, 'generic', p);
    f.l('', '[api]');
    f.d('api_secret_file = C:\\ProgramData\\erp\\secret.txt', 'file path');
  }

  // ---- tab-indented YAML / INI -------------------------------------------------------------
  {
    const f = repo.file('deploy/ansible/host_vars/build01.yml', 'tabs');
    f.l('---', 'build_agent:', '\tname: build01', '\tcredentials:');
    const gl = t.gitlab();
    f.s(`\t\tgitlab_token: ${gl}`, 'gitlab', gl);
    const np = t.npm();
    f.s(`\t\tnpm_token:\t"${np}"`, 'npm', np);
    f.d('\t\tregistry_password: "{{ vault_registry_password }}"', 'jinja reference');
    f.d(`\t\tagent_id:\t${t.uuid()}`, 'uuid');
  }
  {
    const f = repo.file('config/odbc/odbc.ini', 'tabs');
    f.l(
      '[ODBC Data Sources]',
      'Warehouse\t= Snowflake',
      '',
      '[Warehouse]',
      '\tDriver\t= /opt/snowflake/lib/libSnowflake.so',
    );
    f.l('\tServer\t= acme.eu-central-1.snowflakecomputing.com', '\tUID\t= etl_loader');
    const p = t.password();
    f.s(`\tPWD\t= ${p}`, 'generic', p);
    f.d('\tPWD_ENV\t= SNOWFLAKE_PASSWORD', 'env var name');
    crlf(f);
  }

  // ---- very long minified lines ----------------------------------------------------------------
  const filler = (n) => {
    let s = '';
    let i = 0;
    while (s.length < n) {
      s += `function ${t.pick(LOWER, 2)}${i}(${t.pick(LOWER, 1)}){return ${t.pick(LOWER, 1)}.${t.pick(LOWER, 5)}(${i},"${t.pick(ALNUM, 10)}")}`;
      i++;
    }
    return s;
  };
  {
    const f = repo.file('apps/admin/dist/assets/index-8c1e2f.min.js', 'minified');
    const sk = t.stripeLive();
    f.s(
      `!function(){"use strict";${filler(10000)};var cfg={apiBase:"/api",STRIPE_SECRET_KEY:"${sk}",mode:"live"};${filler(10000)}}();`,
      'stripe',
      sk,
    );
    const dd = t.ddApi();
    f.s(`(()=>{${filler(9000)};const e={site:"datadoghq.eu",DD_API_KEY:"${dd}"};${filler(11000)}})();`, 'datadog', dd);
  }
  {
    const f = repo.file('apps/admin/dist/assets/vendor-3a9b.min.css', 'minified');
    let css = '';
    for (let i = 0; i < 8; i++) css += `.ico${i}{background:url(data:image/png;base64,${t.pngBase64()}) no-repeat}`;
    f.d(css, '20 KB of data: URIs');
    f.d(`/*! build ${t.sha256()} */.x{--hash:"${t.sha1()}";--id:"${t.uuid()}"}`, 'hashes in css');
  }
  {
    const f = repo.file('apps/admin/dist/assets/index-8c1e2f.min.js.map', 'minified');
    const gh = t.github();
    const src = `import axios from 'axios';\nconst GITHUB_TOKEN = "${gh}";\nexport const gh = axios.create({ headers: { Authorization: \`token \${GITHUB_TOKEN}\` } });\n`;
    f.s(
      JSON.stringify({
        version: 3,
        file: 'index-8c1e2f.min.js',
        sources: ['../../src/vendor.ts', '../../src/github.ts'],
        sourcesContent: [filler(12000), src],
        mappings: t.pick('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz;,', 4000),
      }),
      'github',
      gh,
    );
  }

  // ---- JSON escapes and JSONC --------------------------------------------------------------------
  {
    const f = repo.file('config/php/parameters.json', 'json-escapes');
    f.l('{');
    const as = withChar(t.awsSecret, '/');
    const asEsc = as.replace(/\//g, '\\/');
    f.s(`    "aws_secret_access_key": "${asEsc}",`, 'aws', asEsc);
    const mpw = plainPw();
    f.s(`    "database_url": "mysql:\\/\\/shop:${mpw}@db-shop.internal:3306\\/shop",`, 'database', mpw);
    const hook = t.slackWebhook();
    const hookEsc = hook.replace(/\//g, '\\/');
    f.s(`    "slack_webhook": "${hookEsc}",`, 'slack', hookEsc);
    f.d('    "asset_url": "https:\\/\\/cdn.acme-corp.io\\/shop\\/",', 'escaped url');
    f.d(`    "cache_key": "${t.sha256()}"`, 'sha256');
    f.l('}');
  }
  {
    // System.Text.Json escapes '+' as \u002B; Go's encoding/json escapes '&' as \u0026.
    const f = repo.file('services/portal/obj/appsettings.generated.json', 'json-escapes');
    f.l('{');
    const az = withChar(t.azureStorageKey, '+');
    const azEsc = az.replace(/\+/g, '\\u002B');
    f.s(
      `  "Storage": "DefaultEndpointsProtocol=https;AccountName=acmeportal;AccountKey=${azEsc};EndpointSuffix=core.windows.net",`,
      'azure',
      azEsc,
    );
    const sig = t.azureSasSig();
    f.s(
      `  "BackupUrl": "https://acmebackups.blob.core.windows.net/db?sv=2022-11-02\\u0026ss=b\\u0026srt=co\\u0026sp=rl\\u0026se=2027-06-01T00:00:00Z\\u0026sig=${sig}",`,
      'azure',
      sig,
    );
    const ant = t.anthropic();
    const antEsc = `\\u0073\\u006b${ant.slice(2)}`;
    f.s(`  "AnthropicKey": "${antEsc}",`, 'anthropic', antEsc);
    f.d(
      '  "Greeting": "\\u0048\\u0065\\u006c\\u006c\\u006f \\u003cb\\u003euser\\u003c/b\\u003e",',
      'unicode-escaped text',
    );
    f.d(`  "Thumbprint": "${t.sha1().toUpperCase()}"`, 'cert thumbprint');
    f.l('}');
  }
  {
    const f = repo.file('.vscode/launch.json', 'json-escapes');
    f.l(
      '{',
      '  // Use IntelliSense to learn about possible attributes.',
      '  "version": "0.2.0",',
      '  "configurations": [',
    );
    f.l('    {', '      "type": "node",', '      "name": "api (prod data)",', '      "env": {');
    const oa = t.openai();
    f.s(`        "OPENAI_API_KEY": "${oa}", // TODO remove before commit`, 'openai', oa);
    const hk = t.heroku();
    f.s(`        /* heroku */ "HEROKU_API_KEY": "${hk}",`, 'heroku', hk);
    f.d('        "DB_PASSWORD": "${env:DB_PASSWORD}",', 'vscode variable');
    f.d('        "API_TOKEN": "${input:apiToken}",', 'vscode input');
    f.l('      }', '    }', '  ]', '}');
  }

  // ---- YAML block scalars and flow mappings -----------------------------------------------
  {
    const f = repo.file('deploy/k8s/apps/worker-config.yaml', 'yaml');
    f.l('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: worker', 'stringData:', '  worker.env: |');
    // An API key SID (SK + 32 hex) names a key; its secret is a separate value.
    f.d(`    TWILIO_API_KEY_SID=${twilioApiKey()}`, 'twilio api key sid (identifier)');
    const tw = t.twilioToken();
    f.s(`    TWILIO_AUTH_TOKEN=${tw}`, 'twilio', tw);
    f.d('    LOG_LEVEL=info', 'setting');
    f.l('  notes: >');
    const hft = hf();
    f.s(`    temporary huggingface token ${hft} for the`, 'huggingface', hft);
    f.l('    embedding backfill, revoke afterwards', '  smtp.yaml: |-', '    smtp:');
    f.d('      password_file: /run/secrets/smtp', 'file path');
    f.l('---', 'apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: worker-flags, namespace: jobs}', 'data:');
    const fp = t.password();
    f.s(`  ftp: {host: ftp.partner.example.net, user: acme, password: '${fp}', passive: true}`, 'generic', fp);
    f.d('  db: {host: pg-worker, user: worker, password: "${DB_PASSWORD}"}', 'flow-map variable');
    f.d(`  image: {repository: ghcr.io/acme-corp/worker, digest: "sha256:${t.sha256()}"}`, 'image digest');
    const ghs = t.github('ghs_');
    f.s(`  tokens: [${t.uuid()}, "${ghs}"]`, 'github', ghs);
  }
  {
    const f = repo.file('deploy/helm/gateway/values-prod.yaml', 'yaml');
    f.l('defaults: &defaults', '  region: eu-west-1', 'gateway:', '  <<: *defaults');
    const gcs = googleClientSecret();
    f.s(
      `  oauth: { clientId: "${t.digits(12)}-${t.lower(32)}.apps.googleusercontent.com", clientSecret: ${gcs} }`,
      'gcp',
      gcs,
    );
    f.d('  apiKey: ~', 'yaml null');
    f.d("  apiKey2: ''", 'empty');
    f.d('  signingKey: ${SIGNING_KEY:?must be set}', 'shell-style placeholder');
  }

  // ---- TOML ---------------------------------------------------------------------------------
  {
    const f = repo.file('config/app.toml', 'toml');
    f.l('[server]', 'port = 8080', '', '[database]');
    const pp = t.password();
    f.s(`primary = { host = "pg1.internal", user = "app", password = "${pp}" }`, 'generic', pp);
    f.d('replica = { host = "pg2.internal", user = "app", password = "" }', 'empty');
    f.l('', '[integrations]', 'init_script = """', 'set -e');
    const dop = t.digitalocean();
    f.s(`doctl auth init --access-token ${dop}`, 'digitalocean', dop);
    f.l('"""', "motd = '''");
    f.l("'''");
    const ht = `${t.mixed(ALNUM, 14)}.atlasv1.${t.mixed(ALNUM, 67)}`;
    f.l('[credentials."app.terraform.io"]');
    f.s(`token = "${ht}"`, 'terraform-cloud', ht);
    f.d('api_key = "{{ env `API_KEY` }}"', 'template placeholder');
    f.d(`checksum = "sha256:${t.sha256()}"`, 'checksum');
  }
  {
    const f = repo.file('pyproject.toml', 'toml');
    f.l('[tool.poetry]', 'name = "acme-ml"', 'version = "0.4.1"', '', '[[tool.poetry.source]]', 'name = "internal"');
    const u = t.password().replace(/[^A-Za-z0-9]/g, '');
    f.s(`url = "https://deploy:${u}@pypi.acme-corp.io/simple/"`, 'generic', u);
    f.d('url2 = "https://${PYPI_USER}:${PYPI_PASSWORD}@pypi.acme-corp.io/simple/"', 'variables in url');
    f.l('', '[tool.pypi-publish]');
    const pt = t.pypi();
    f.s(`password = '${pt}'`, 'pypi', pt);
  }

  // ---- INI: sections, key : value, key value ----------------------------------------------------
  {
    const f = repo.file('config/supervisor/api.conf', 'ini');
    f.l('[program:api]', 'command=/srv/api/bin/start', 'autorestart=true');
    const sk = t.stripeLive();
    f.s(`environment=NODE_ENV="production",PORT="8080",STRIPE_SECRET_KEY="${sk}",TZ="UTC"`, 'stripe', sk);
    f.l('', '[inet_http_server]', 'port : 127.0.0.1:9001', 'username : supervisor');
    const p = t.password();
    f.s(`password : ${p}`, 'generic', p);
    f.d('password_hash : {SHA}' + b64(Buffer.from(t.sha1(), 'hex').toString('latin1')), 'sha hash');
  }
  {
    const f = repo.file('config/redis/redis.conf', 'ini');
    f.l('bind 0.0.0.0', 'port 6379', 'protected-mode yes');
    const rp = t.mixed(ALNUM, 32);
    f.s(`requirepass ${rp}`, 'generic', rp);
    f.d('# requirepass foobared', 'commented default example');
    f.d('user default on nopass ~* &* +@all', 'acl without password');
    f.d(`user metrics on #${t.sha256()} ~* +info`, 'acl password hash');
  }
  {
    const f = repo.file('config/postfix/sasl_passwd', 'ini');
    const sg = t.sendgrid();
    f.s(`[smtp.sendgrid.net]:587 apikey:${sg}`, 'sendgrid', sg);
  }

  // ---- XML ----------------------------------------------------------------------------------
  {
    const f = repo.file('services/legacy/Web.config', 'xml');
    f.l(`${BOM}<?xml version="1.0" encoding="utf-8"?>`, '<configuration>', '  <appSettings>');
    const sk = t.stripeLive();
    f.s(`    <add value="${sk}" key="StripeSecretKey" />`, 'stripe', sk);
    const tk = t.twilioToken();
    f.s(`    <add value="${tk}"`, 'twilio', tk);
    f.l('         key="TwilioAuthToken" />');
    f.d('    <add value="__TWILIO_SID__" key="TwilioAccountSid" />', 'token replacement placeholder');
    f.d(`    <add key="CacheBuster" value="${t.sha1()}" />`, 'sha');
    f.l('  </appSettings>', '  <connectionStrings>');
    const cp = t.password().replace(/[;"&<]/g, 'x');
    f.s(
      `    <add providerName="System.Data.SqlClient" connectionString="Data Source=sql02;Initial Catalog=Legacy;User Id=legacy;Password=${cp};" name="LegacyDb" />`,
      'generic',
      cp,
    );
    f.d(
      '    <add name="Local" connectionString="Data Source=(localdb)\\MSSQLLocalDB;Integrated Security=True;" />',
      'integrated security',
    );
    f.l('  </connectionStrings>', '</configuration>');
    crlf(f);
  }
  {
    const f = repo.file('build/maven/settings.xml', 'xml');
    f.l(
      '<settings>',
      '  <servers>',
      '    <server>',
      '      <id>acme-releases</id>',
      '      <username>deploy</username>',
    );
    const p = t.password();
    f.s(`      <password><![CDATA[${p}]]></password>`, 'generic', p);
    f.l('    </server>', '    <server>', '      <id>github</id>', '      <username>acme-bot</username>');
    const gh = t.github();
    f.s(`      <password>${gh}</password>`, 'github', gh);
    f.l('    </server>', '    <server>', '      <id>ci</id>');
    f.d('      <password>${env.MAVEN_PASSWORD}</password>', 'maven property');
    f.d('      <password>{COQLCE6DU6GtcS5P=}</password>', 'maven encrypted password');
    f.l('    </server>', '  </servers>', '</settings>');
  }
  {
    const f = repo.file('config/jobs/nightly-export.xml', 'xml');
    f.l('<job name="nightly-export">', '  <script><![CDATA[');
    const as = t.awsSecret();
    f.s(`    export AWS_SECRET_ACCESS_KEY="${as}"`, 'aws', as);
    f.l('    aws s3 cp /tmp/export.csv s3://acme-exports/', '  ]]></script>');
    f.d(`  <checksum algorithm="sha256" value="${t.sha256()}"/>`, 'checksum');
    f.d(`  <header name="X-Request-Id" value="${t.uuid()}"/>`, 'uuid');
    f.l('</job>');
  }

  // ---- HCL heredocs -------------------------------------------------------------------------
  {
    const f = repo.file('infra/terraform/modules/bastion/main.tf', 'hcl');
    f.l(
      'resource "aws_instance" "bastion" {',
      '  ami           = "ami-0c55b159cbfafe1f0"',
      '  instance_type = "t3.micro"',
    );
    f.l('  user_data = <<-EOF', '    #!/bin/bash');
    const gh = t.github();
    f.s(`    export GITHUB_TOKEN=${gh}`, 'github', gh);
    f.d('    echo "${var.bootstrap_token}" > /etc/bootstrap', 'hcl interpolation');
    f.l('  EOF', '}', '', 'resource "kubernetes_secret" "app" {', '  data = {');
    const sk = t.stripeLive();
    f.l('    "config.json" = <<EOT');
    f.s(`{"stripe":{"secret_key":"${sk}"}}`, 'stripe', sk);
    f.l('EOT', '  }', '}');
    f.d('  password = random_password.db.result', 'resource reference');
  }

  // ---- .env variants ------------------------------------------------------------------------
  {
    const f = repo.file('.env.staging', 'env');
    const a = t.stripeLive();
    f.s(`export STRIPE_SECRET_KEY=${a}`, 'stripe', a);
    const b = t.openai();
    f.s(`OPENAI_API_KEY = "${b}"`, 'openai', b);
    const c = t.password();
    f.s(`SMTP_PASSWORD='${c}' # rotated 2026-03`, 'generic', c);
    const e = t.anthropic();
    f.s(`  export   ANTHROPIC_API_KEY="${e}"`, 'anthropic', e);
    f.d('export AWS_PROFILE=staging # uses ~/.aws/credentials', 'profile name');
    f.d('JWT_SECRET= # set in vault', 'empty with comment');
    f.d('DATABASE_PASSWORD="${DATABASE_PASSWORD:-}"', 'default-empty expansion');
    f.d('STRIPE_PUBLISHABLE_KEY=pk_live_' + '*'.repeat(24), 'redacted');
  }

  // ---- shell line continuations ---------------------------------------------------------------
  {
    const f = repo.file('scripts/release/publish.sh', 'shell');
    f.l(
      '#!/usr/bin/env bash',
      'set -euo pipefail',
      'curl -sS -X POST https://api.github.com/repos/acme-corp/api/releases \\',
    );
    const gh = t.github();
    f.s(`  -H "Authorization: token ${gh}" \\`, 'github', gh);
    f.l('  -H "Accept: application/vnd.github+json" \\', '  -d @release.json');
    f.l('docker login registry.acme-corp.io \\', '  --username deploy \\');
    const dp = t.password();
    f.s(`  --password '${dp}'`, 'generic', dp);
    f.l('curl https://api.stripe.com/v1/charges \\');
    const sk = t.stripeLive();
    f.s(`  -u ${sk}: \\`, 'stripe', sk);
    f.l('  -d amount=2000');
    f.d('curl -H "Authorization: Bearer $GITHUB_TOKEN" \\', 'variable');
    f.d('  -u "$STRIPE_KEY:" https://api.stripe.com/v1/balance', 'variable');
  }

  // ---- Makefile -----------------------------------------------------------------------------
  {
    const f = repo.file('Makefile', 'make');
    f.l('SHELL := /bin/bash', 'VERSION ?= $(shell git describe --tags)');
    const np = t.npm();
    f.s(`NPM_TOKEN := ${np}`, 'npm', np);
    const sh = shopify();
    f.s(`SHOPIFY_ACCESS_TOKEN ?= ${sh}`, 'shopify', sh);
    const sig = t.mixed(ALNUM, 32);
    f.s(`LDFLAGS += -X main.licenseSigningKey=${sig}`, 'generic', sig);
    f.d('DOCKER_PASSWORD ?= $(shell cat ~/.docker-pass)', 'shell substitution');
    f.d('GITHUB_TOKEN ?= $(GH_TOKEN)', 'make variable');
    f.d(`GIT_SHA := ${t.sha1()}`, 'sha');
    f.l('', 'publish:', '\tnpm publish --//registry.npmjs.org/:_authToken=$(NPM_TOKEN)');
  }

  // ---- Dockerfile ---------------------------------------------------------------------------
  {
    const f = repo.file('services/api/Dockerfile', 'docker');
    f.l('FROM node:22-alpine', 'WORKDIR /srv');
    const sk = t.stripeLive();
    f.s(`ENV NODE_ENV=production PORT=8080 STRIPE_SECRET_KEY=${sk} TZ=UTC`, 'stripe', sk);
    const oa = t.openai();
    f.l('ENV LOG_LEVEL="info" \\');
    f.s(`    OPENAI_API_KEY="${oa}" \\`, 'openai', oa);
    f.l('    WORKERS=4');
    const dd = t.ddApi();
    f.s(`ENV DD_API_KEY ${dd}`, 'datadog', dd);
    f.d('ARG GITHUB_TOKEN', 'build arg without default');
    f.d('RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci', 'build secret mount');
    f.d(`FROM node:22-alpine@sha256:${t.sha256()} AS runtime`, 'image digest');
  }

  // ---- Java properties ------------------------------------------------------------------------
  {
    const f = repo.file('services/billing/src/main/resources/application-prod.properties', 'properties');
    f.l('spring.application.name=billing', 'spring.datasource.url=jdbc\\:postgresql\\://pg-billing\\:5432/billing');
    const p = t.password();
    f.s(`spring.datasource.password: ${p}`, 'generic', p);
    const pe = `${t.mixed(ALNUM, 8)}\\=\\:${t.mixed(ALNUM, 8)}`;
    f.s(`billing.sftp.password = ${pe}`, 'generic', pe);
    const sk = t.stripeLive();
    const skEsc = `\\u0073\\u006b\\u005f${sk.slice(3)}`;
    f.s(`stripe.api-key=${skEsc}`, 'stripe', skEsc);
    f.d('spring.mail.password=${MAIL_PASSWORD}', 'spring placeholder');
    f.d('jasypt.secret=ENC(' + b64(t.mixed(ALNUM, 24)) + ')', 'jasypt ciphertext');
    f.d('server.ssl.key-store-password=changeit', 'java default keystore password');
  }

  // ---- PowerShell here-strings ----------------------------------------------------------------
  {
    const f = repo.file('scripts/windows/provision.ps1', 'powershell');
    f.l('$ErrorActionPreference = "Stop"', '$config = @"', '{');
    const sp = t.azureClientSecret();
    f.s(`  "clientSecret": "${sp}",`, 'azure', sp);
    f.l(`  "tenantId": "${t.uuid()}"`, '}', '"@');
    f.l("$script = @'");
    const gl = t.gitlab();
    f.s(`git clone https://oauth2:${gl}@gitlab.acme-corp.io/platform/infra.git`, 'gitlab', gl);
    f.l("'@");
    const ap = t.password().replace(/['"`$]/g, 'x');
    f.s(`$secure = ConvertTo-SecureString "${ap}" -AsPlainText -Force`, 'generic', ap);
    f.d('$pw = Read-Host -AsSecureString "Password"', 'prompt');
    f.d('$token = $env:GITHUB_TOKEN', 'variable');
    crlf(f);
  }

  // ---- SQL ------------------------------------------------------------------------------------
  {
    const f = repo.file('db/migrations/V42__service_users.sql', 'sql');
    f.l('-- service accounts for the reporting stack');
    const p1 = `${t.mixed(ALNUM, 8)}''${t.mixed(ALNUM, 8)}`;
    f.s(`CREATE USER reporting WITH PASSWORD '${p1}';`, 'generic', p1);
    const sk = t.stripeLive();
    f.s(
      `INSERT INTO integrations (name, config) VALUES ('stripe', '{"note": "Ops'' key", "secret_key": "${sk}"}');`,
      'stripe',
      sk,
    );
    f.d(
      `INSERT INTO users (email, password_hash) VALUES ('admin@acme-corp.io', '$2b$12$${t.mixed(ALNUM + './', 53)}');`,
      'bcrypt hash',
    );
    f.d(`INSERT INTO api_clients (id, name) VALUES ('${t.uuid()}', 'O''Reilly feed');`, 'uuid with doubled quote');
    f.d("ALTER USER app WITH PASSWORD :'app_password';", 'psql variable');
  }

  // ---- CSV ------------------------------------------------------------------------------------
  {
    const f = repo.file('ops/inventory/service-accounts.csv', 'csv');
    f.l('service,owner,username,secret,notes');
    const sk = t.stripeLive();
    f.s(`stripe,"Payments, EU",api,${sk},"live, do not share"`, 'stripe', sk);
    const p = `${t.mixed(ALNUM, 7)},${t.digits(3)}"${t.mixed(ALNUM, 5)}`;
    const pCsv = p.replace(/"/g, '""');
    f.s(`vpn,"IT, Berlin",svc-vpn,"${pCsv}","quoted, with a comma"`, 'generic', pCsv);
    f.d(`github,"Platform, DX",acme-bot,"ghp_${'*'.repeat(36)}","redacted, see vault"`, 'redacted');
    f.d(`backup,"SRE",restic,"${t.uuid()}","repo id, not a secret"`, 'uuid');
    f.d('aws,"Cloud, Core",ci,"AKIAIOSFODNN7EXAMPLE","from the AWS docs"', 'vendor example');
  }

  // ---- Markdown --------------------------------------------------------------------------------
  {
    const f = repo.file('docs/handover/credentials.md', 'markdown');
    f.l('# Handover', '', '| Service | User | Secret |', '| --- | --- | --- |');
    const sg = t.sendgrid();
    f.s(`| SendGrid | apikey | \`${sg}\` |`, 'sendgrid', sg);
    const gp = t.password();
    f.s(`| Grafana | admin | ${gp} |`, 'generic', gp);
    f.d('| Stripe | api | `sk_live_...` (in 1Password) |', 'placeholder');
    f.d('| Vault | root | ******** |', 'masked');
    f.l('', '```bash');
    const hk = t.heroku();
    f.s(`heroku config:set HEROKU_API_KEY=${hk} -a acme-api`, 'heroku', hk);
    f.d('export SLACK_BOT_TOKEN=xoxb-not-a-real-token-this-will-not-work', 'slack docs example');
    f.l('```', '', '```yaml');
    f.l('```');
    f.d(`See commit \`${shortSha()}\` and run \`${t.uuid()}\`.`, 'short sha and uuid');
  }

  // ---- HTML attributes and entities ------------------------------------------------------------
  {
    const f = repo.file('apps/marketing/public/contact.html', 'html');
    f.l('<!doctype html>', '<html>', '<head>');
    const gk = t.gcpApiKey();
    f.s(
      `  <script src="https://maps.googleapis.com/maps/api/js?libraries=places&amp;key=${gk}&amp;callback=initMap" async></script>`,
      'gcp',
      gk,
    );
    f.d(`  <meta name="csrf-token" content="${t.mixed(URLSAFE, 43)}">`, 'csrf token');
    f.d(`  <link rel="stylesheet" href="/app.css" integrity="sha384-${b64(t.pick(HEX, 48))}" crossorigin>`, 'sri hash');
    f.l('</head>', '<body>');
    const p = `${t.mixed(ALNUM, 8)}&${t.mixed(ALNUM, 6)}`;
    const pEnt = p.replace('&', '&amp;');
    f.s(`  <form data-smtp-password="${pEnt}" action="/contact" method="post">`, 'generic', pEnt);
    f.d(`  <img alt="logo" src="data:image/png;base64,${png()}">`, 'data uri image');
    f.d('  <input type="password" name="password" value="" placeholder="&#8226;&#8226;&#8226;&#8226;">', 'empty field');
    const sl = t.slackWebhook();
    f.s(`  <!-- form posts to ${sl} -->`, 'slack', sl);
    f.l('</form>', '</body>', '</html>');
  }

  // ---- URL-encoded and percent-encoded values -----------------------------------------------------
  {
    const f = repo.file('config/nginx/conf.d/partner-proxy.conf', 'urlenc');
    f.l('server {', '  listen 443 ssl;', '  location /feed/ {');
    const q = t.mixed(ALNUM, 32);
    f.s(`    proxy_pass https://api.partner-feeds.io/v2/?format=json&api_key=${q}&region=eu;`, 'generic', q);
    const sig = t.azureSasSig();
    f.s(
      `    proxy_pass https://acmeassets.blob.core.windows.net/public?sp=r&st=2026-01-01T00%3A00%3A00Z&se=2027-01-01T00%3A00%3A00Z&spr=https&sv=2022-11-02&sr=c&sig=${sig};`,
      'azure',
      sig,
    );
    f.d('    proxy_set_header Authorization $http_authorization;', 'nginx variable');
    f.d(`    proxy_pass https://cdn.partner-feeds.io/img/?v=${t.sha1()}&utm_source=acme;`, 'cache-busting hash');
    f.l('  }', '}');
  }
  {
    const f = repo.file('deploy/compose/docker-compose.override.yml', 'urlenc');
    f.l('services:', '  api:', '    environment:');
    const p1 = specialPw();
    const e1 = encodeURIComponent(p1);
    f.s(`      DATABASE_URL: postgresql://api:${e1}@postgres:5432/api?sslmode=disable`, 'database', e1);
    const mp = specialPw();
    const me = encodeURIComponent(mp);
    f.s(
      `      MONGO_URL: mongodb+srv://app:${me}@cluster0.${t.lower(5)}.mongodb.net/app?authSource=admin`,
      'mongodb',
      me,
    );
    f.d('      REDIS_URL: redis://redis:6379/0', 'url without credentials');
    f.d('      SMTP_URL: smtp://user:%3Cpassword%3E@smtp.acme-corp.io:587', 'percent-encoded placeholder');
    f.d('      CALLBACK: https://app.acme-corp.io/oauth/callback?next=%2Fsettings%3Ftab%3Dtokens', 'encoded path');
  }

  // ---- base64-wrapped env files -----------------------------------------------------------------
  {
    const f = repo.file('.github/workflows/deploy.yml', 'base64env');
    f.l(
      'name: deploy',
      'on: { push: { branches: [main] } }',
      'jobs:',
      '  deploy:',
      '    runs-on: ubuntu-latest',
      '    env:',
    );
    const sk = t.stripeLive();
    f.s(`      ENV_FILE_B64: ${b64(`NODE_ENV=production\nSTRIPE_SECRET_KEY=${sk}\nPORT=8080\n`)}`, 'stripe', sk);
    f.d('      ENV_FILE_B64_PROD: ${{ secrets.ENV_FILE_B64 }}', 'actions secret reference');
    f.d(`      LOGO_B64: ${png()}`, 'base64 image');
    f.l('    steps:', '      - run: echo "$ENV_FILE_B64" | base64 -d > .env');
  }
  {
    const f = repo.file('deploy/k8s/secrets/api.env.b64', 'base64env');
    const oa = t.openai();
    f.s(b64(`# generated\nOPENAI_API_KEY=${oa}\nLOG_LEVEL=info\n`), 'openai', oa);
  }
  {
    const f = repo.file('deploy/k8s/secrets/settings.b64', 'base64env');
    f.d(
      b64(`# generated\nLOG_LEVEL=info\nFEATURE_X=true\nREGION=eu-west-1\nRELEASE=${t.sha1()}\n`),
      'base64 env without secrets',
    );
  }

  // ---- JSON Lines --------------------------------------------------------------------------
  {
    const f = repo.file('data/exports/audit-2026-05.jsonl', 'jsonl');
    f.d(JSON.stringify({ ts: '2026-05-01T10:00:00Z', actor: 'alice', action: 'login', request_id: t.uuid() }), 'uuid');
    const gh = t.github('gho_');
    f.s(
      JSON.stringify({
        ts: '2026-05-01T10:00:03Z',
        actor: 'ci',
        action: 'clone',
        remote: `https://x-access-token:${gh}@github.com/acme-corp/api.git`,
      }),
      'github',
      gh,
    );
    const sl = t.slackBot();
    f.s(
      JSON.stringify({ ts: '2026-05-01T10:00:09Z', action: 'config.update', changes: { slack: { token: sl } } }),
      'slack',
      sl,
    );
    f.d(
      JSON.stringify({
        ts: '2026-05-01T10:02:00Z',
        action: 'user.create',
        payload: { username: 'bob', password: '[FILTERED]' },
      }),
      'filtered',
    );
    f.d(
      JSON.stringify({
        ts: '2026-05-01T10:03:00Z',
        action: 'key.rotate',
        key_id: `key_${t.hex(24)}`,
        fingerprint: t.sha256(),
      }),
      'key id and fingerprint',
    );
  }

  // ---- Jupyter notebook -----------------------------------------------------------------------
  {
    const f = repo.file('notebooks/churn/01-explore.ipynb', 'notebook');
    f.l(
      '{',
      ' "cells": [',
      '  {',
      '   "cell_type": "code",',
      '   "execution_count": 3,',
      '   "metadata": {},',
      '   "outputs": [',
    );
    f.l('    {', '     "name": "stdout",', '     "output_type": "stream",', '     "text": [');
    const wp = plainPw();
    f.s(`      "connected to postgresql://analyst:${wp}@warehouse.internal:5432/dw\\n",`, 'database', wp);
    f.l('      "rows: 18234\\n"', '     ]', '    },', '    {', '     "data": {');
    f.d(`      "image/png": "${t.pngBase64()}",`, 'notebook image output');
    f.l(
      '      "text/plain": [ "<Figure size 640x480 with 1 Axes>" ]',
      '     },',
      '     "output_type": "display_data"',
      '    }',
      '   ],',
    );
    f.l('   "source": [', '    "import os\\n",');
    const oa = t.openai();
    f.s(`    "os.environ[\\"OPENAI_API_KEY\\"] = \\"${oa}\\"\\n",`, 'openai', oa);
    f.d('    "api_key = os.environ[\\"OPENAI_API_KEY\\"]\\n",', 'env lookup');
    f.d('    "token = getpass.getpass(\\"HF token: \\")"', 'prompt');
    f.l('   ]', '  },', '  {', '   "cell_type": "code",', '   "execution_count": 4,', '   "outputs": [', '    {');
    f.l('     "output_type": "execute_result",', '     "data": {', '      "text/plain": [');
    const ak = t.awsId();
    f.s(`       "{'AccessKeyId': '${ak}',\\n",`, 'aws', ak);
    const as = t.awsSecret();
    f.s(`       " 'SecretAccessKey': '${as}',\\n",`, 'aws', as);
    f.d(`       " 'RequestId': '${t.uuid()}'}"`, 'uuid');
    f.l(
      '      ]',
      '     }',
      '    }',
      '   ],',
      '   "source": [ "boto3.client(\\"sts\\").get_session_token()" ]',
      '  }',
      ' ],',
    );
    f.l(' "metadata": { "kernelspec": { "name": "python3" } },', ' "nbformat": 4,', ' "nbformat_minor": 5', '}');
  }

  // ---- git patch files ----------------------------------------------------------------------
  {
    const f = repo.file('patches/0007-rotate-payment-keys.patch', 'patch');
    f.d(`From ${t.sha1()} Mon Sep 17 00:00:00 2001`, 'commit sha');
    f.l('From: Dana Ops <dana@acme-corp.io>', 'Subject: [PATCH] rotate payment keys (old ones revoked)', '---');
    f.l('diff --git a/config/prod.env b/config/prod.env');
    f.d(`index ${shortSha()}..${shortSha()} 100644`, 'blob shas');
    f.l('--- a/config/prod.env', '+++ b/config/prod.env', '@@ -1,5 +1,5 @@', ' NODE_ENV=production');
    const old = t.stripeLive();
    f.s(`-STRIPE_SECRET_KEY=${old}`, 'stripe', old);
    const nw = t.stripeLive();
    f.s(`+STRIPE_SECRET_KEY=${nw}`, 'stripe', nw);
    const oldWh = stripeWebhook();
    f.s(`-STRIPE_WEBHOOK_SECRET=${oldWh}`, 'stripe', oldWh);
    f.d('+STRIPE_WEBHOOK_SECRET=${STRIPE_WEBHOOK_SECRET}', 'added variable');
    f.l(' PORT=8080');
    f.l(
      'diff --git a/deploy/values.yaml b/deploy/values.yaml',
      '--- a/deploy/values.yaml',
      '+++ b/deploy/values.yaml',
      '@@ -10,3 +10,3 @@',
      ' redis:',
    );
    const rp = t.password();
    f.s(`+  password: "${rp}"`, 'generic', rp);
    f.d('-  password: changeme', 'removed placeholder');
    const rk = stripeRestricted();
    f.s(`+  stripeRestrictedKey: ${rk}`, 'stripe', rk);
    f.l('-- ', '2.45.0');
  }
  {
    const f = repo.file('docs/reviews/pr-311.diff', 'patch');
    f.l(
      'diff --git a/services/ml/settings.py b/services/ml/settings.py',
      '--- a/services/ml/settings.py',
      '+++ b/services/ml/settings.py',
      '@@ -1,3 +1,3 @@',
    );
    const ak = t.awsId();
    f.s(`+AWS_ACCESS_KEY_ID = "${ak}"`, 'aws', ak);
    f.d('-AWS_ACCESS_KEY_ID = os.environ["AWS_ACCESS_KEY_ID"]', 'removed env lookup');
    f.d(`+MODEL_DIGEST = "sha256:${t.sha256()}"`, 'added digest');
  }

  // ---- quoted-printable email ---------------------------------------------------------------
  {
    const f = repo.file('ops/mail/2026-04-incident-followup.eml', 'qp');
    f.l(
      'From: Dana Ops <dana@acme-corp.io>',
      'To: oncall@acme-corp.io',
      'Subject: New keys after the incident',
      'MIME-Version: 1.0',
    );
    f.l('Content-Type: text/plain; charset="utf-8"', 'Content-Transfer-Encoding: quoted-printable', '', 'Hi all,', '');
    const sk = t.stripeLive();
    f.s(`STRIPE_SECRET_KEY=3D${sk}`, 'stripe', sk);
    const sg = t.sendgrid();
    const cut = 30;
    const sgLines = [`and SendGrid moved to key ${sg.slice(0, cut)}=`, sg.slice(cut)];
    f.s(sgLines, 'sendgrid', `${sg.slice(0, cut)}\n${sg.slice(cut)}`);
    const p = `${t.mixed(ALNUM, 8)}=${t.mixed(ALNUM, 6)}`;
    const pQp = p.replace('=', '=3D');
    f.s(`VPN password: ${pQp}`, 'generic', pQp);
    f.d('Passwords are in 1Password as usual: https://acme.1password.com/vaults/ops=', 'soft line break url');
    f.d(`Ticket: INC-${t.digits(5)} / ${t.uuid()}`, 'ticket id');
    f.d('Old key sk_live_=E2=80=A6 (truncated) was revoked.', 'truncated key');
    f.l('', '-- ', 'Dana');
  }

  // ---- systemd and other key=value-in-quotes formats ------------------------------------------
  {
    const f = repo.file('deploy/systemd/api.service', 'unit');
    f.l('[Unit]', 'Description=ACME API', '', '[Service]', 'ExecStart=/srv/api/bin/api');
    const sk = t.stripeLive();
    f.s(`Environment="NODE_ENV=production" "STRIPE_SECRET_KEY=${sk}"`, 'stripe', sk);
    f.d('EnvironmentFile=-/etc/acme/api.env', 'env file reference');
    f.d('LoadCredential=stripe:/etc/credstore/stripe', 'systemd credential');
  }

  // ---- placeholders and vendor examples in many syntaxes ------------------------------------------
  {
    const f = repo.file('deploy/templates/app.env.tmpl', 'placeholders');
    f.d('STRIPE_SECRET_KEY={{ .Values.stripe.secretKey }}', 'go template');
    f.d('GITHUB_TOKEN=${{ secrets.GITHUB_TOKEN }}', 'actions expression');
    f.d('DB_PASSWORD=%(db_password)s', 'python format');
    f.d('API_KEY=@@API_KEY@@', 'token replace');
    f.d('SLACK_TOKEN=#{SlackToken}', 'octopus variable');
    f.d('SENDGRID_API_KEY=__SENDGRID_API_KEY__', 'azure devops token');
    f.d('OPENAI_API_KEY=<%= ENV["OPENAI_API_KEY"] %>', 'erb');
    f.d('AWS_SECRET_ACCESS_KEY={{AWS_SECRET_ACCESS_KEY}}', 'mustache');
    f.d('AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE', 'vendor example');
    f.d('AWS_SECRET_ACCESS_KEY_EXAMPLE=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'vendor example');
    f.d('TWILIO_ACCOUNT_SID=ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', 'placeholder');
    f.d('GITHUB_PAT=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'placeholder');
    f.d('ANTHROPIC_API_KEY=sk-ant-api03-...', 'placeholder');
    f.d('SMTP_PASSWORD=<smtp password here>', 'placeholder');
    f.d('REDIS_PASSWORD=$(cat /run/secrets/redis)', 'command substitution');
  }
  {
    const f = repo.file('docs/api/openapi.yaml', 'placeholders');
    f.l(
      'openapi: 3.1.0',
      'components:',
      '  securitySchemes:',
      '    bearer: { type: http, scheme: bearer }',
      '  examples:',
    );
    f.d('    token: { value: "sk_test_XXXXXXXXXXXXXXXXXXXXXXXX" }', 'placeholder');
    f.d('    apiKey: { value: "YOUR_API_KEY" }', 'placeholder');
    f.d(`    requestId: { value: "${t.uuid()}" }`, 'uuid');
    f.d(`    etag: { value: "W/\\"${t.hex(32)}\\"" }`, 'etag');
    f.d('    password: { value: "********" }', 'masked');
  }

  return repo;
}
