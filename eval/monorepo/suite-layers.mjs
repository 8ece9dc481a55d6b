// Red-team suite "layers": credentials wrapped in encodings and multi-line constructions, in the
// files where that really happens: base64 of env files / JSON / INI in Kubernetes Secrets, Helm
// values and CI variables; Basic headers in code, curl, HAR and logs; docker `auth` fields;
// percent-encoded passwords in URLs and form bodies; JSON stored as a string inside JSON;
// double-escaped log lines; \u escapes; Java .properties continuations; XML/HTML entities;
// quoted-printable mail; CSV with doubled quotes; YAML block scalars; Python implicit
// concatenation; heredocs (shell, Terraform); jsonencode(); Go raw strings; C literal
// concatenation; join/concat of parts; `+` splits; hex with a decode beside it; PEM keys in all of
// these wrappers. Decoys: base64 of non-secret data, encoded placeholders, hashes, escaped text.
import { ALNUM, B64, URLSAFE, Repo, makeTokens, mulberry32 } from './generate.mjs';

const b64 = (s) => Buffer.from(s).toString('base64');

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 6151 + 29);
  const t = makeTokens(rand);
  const one = (list) => list[Math.floor(rand() * list.length)];
  // A password holding a character that must be escaped in the wrapper at hand.
  const pwWith = (chars) => `${t.password()}${one(chars)}${t.alnum(3)}`;
  const urlPw = () => pwWith(['@', '/', '#', '?', ':', '%', '&']);
  const plainPw = () => t.password().replace(/[^A-Za-z0-9]/g, '') + t.alnum(2);
  const certPem = () => [
    '-----BEGIN CERTIFICATE-----',
    ...`MIID${t.mixed(B64, 600)}`.match(/.{1,64}/g),
    '-----END CERTIFICATE-----',
  ];
  const pubPem = () => [
    '-----BEGIN PUBLIC KEY-----',
    ...`MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA${t.mixed(B64, 320)}IDAQAB`.match(/.{1,64}/g),
    '-----END PUBLIC KEY-----',
  ];
  const splitAt = (s, n) => [s.slice(0, n), s.slice(n)];
  const repo = new Repo();

  // ---- Kubernetes Secrets: base64 of whole files ---------------------------------------------
  {
    const dbPw = t.password();
    const sk = t.stripeLive();
    const iniPw = t.password();
    const jsonTok = t.github();
    const f = repo.file('deploy/k8s/billing/secret-files.yaml', 'k8s');
    f.l(
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: billing-files',
      '  namespace: billing',
      'type: Opaque',
      'data:',
    );
    f.s(
      `  .env: ${b64(`NODE_ENV=production\nDB_HOST=pg.billing.svc\nDB_USER=billing\nDB_PASSWORD=${dbPw}\nLOG_LEVEL=info\n`)}`,
      'generic',
      dbPw,
    );
    f.s(`  stripe.env: ${b64(`STRIPE_SECRET_KEY=${sk}\n`)}`, 'stripe', sk);
    f.s(
      `  odbc.ini: ${b64(`[billing]\nDriver=PostgreSQL Unicode\nServername=pg.billing.svc\nUsername=report\nPassword=${iniPw}\n`)}`,
      'generic',
      iniPw,
    );
    f.s(`  gh.json: ${b64(JSON.stringify({ owner: 'acme-corp', token: jsonTok }))}`, 'github', jsonTok);
    f.d(
      `  settings.json: ${b64(JSON.stringify({ region: 'eu-west-1', retries: 3, timeoutMs: 5000, featureX: true }))}`,
      'base64 of JSON without secrets',
    );
    f.d(`  ADMIN_PASSWORD: ${b64('changeme')}`, 'base64 of changeme');
    f.d(`  API_TOKEN: ${b64('<token>')}`, 'base64 of a placeholder');
    f.d(`  ca.crt: ${b64(certPem().join('\n'))}`, 'base64 of a certificate');

    const tls = repo.file('deploy/k8s/ingress/tls-secret.yaml', 'k8s');
    const key = t.rsaPem();
    tls.l('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: shop-tls', 'type: kubernetes.io/tls', 'data:');
    tls.d(`  tls.crt: ${b64(certPem().join('\n') + '\n')}`, 'base64 of a certificate');
    tls.s(`  tls.key: ${b64(key.join('\n') + '\n')}`, 'private-key', key.join('\n'));

    const jwtPub = repo.file('deploy/k8s/auth/jwt-keys.yaml', 'k8s');
    const ec = t.ecPem();
    jwtPub.l('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: jwt-signing', 'type: Opaque', 'data:');
    jwtPub.d(`  jwt.pub: ${b64(pubPem().join('\n'))}`, 'base64 of a public key');
    jwtPub.s(`  jwt.key: ${b64(ec.join('\n'))}`, 'private-key', ec.join('\n'));
    jwtPub.d(`  kid: ${b64(t.uuid())}`, 'base64 of a key id');
  }

  // ---- docker config auth fields ---------------------------------------------------------------
  {
    const u1 = 'deploy-bot';
    const p1 = t.password();
    const a1 = b64(`${u1}:${p1}`);
    const p2 = t.github();
    const a2 = b64(`acme-ci:${p2}`);
    const f = repo.file('ops/ci-runner/.docker/config.json', 'docker');
    f.l('{', '  "auths": {', '    "registry.acme-corp.io": {');
    f.s(`      "auth": "${a1}"`, 'generic', a1);
    f.l('    },', '    "ghcr.io": {');
    f.s(`      "auth": "${a2}",`, 'github', a2);
    f.l('      "email": "ci@acme-corp.io"', '    },', '    "https://index.docker.io/v1/": {');
    f.d(`      "auth": "${b64('username:password')}"`, 'base64 of username:password');
    f.l('    },', '    "quay.io": {');
    f.d('      "auth": ""', 'empty auth');
    f.l('    }', '  },');
    f.d('  "credsStore": "desktop",', 'credential store reference');
    f.l('  "HttpHeaders": { "User-Agent": "Docker-Client/24.0.7 (linux)" }', '}');

    const p3 = t.password();
    const inner = b64(`robot$acme+ci:${p3}`);
    const dcj = JSON.stringify({
      auths: { 'harbor.acme-corp.io': { username: 'robot$acme+ci', password: p3, auth: inner } },
    });
    const k = repo.file('deploy/k8s/base/regcred.yaml', 'k8s');
    k.l(
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: regcred',
      'type: kubernetes.io/dockerconfigjson',
      'data:',
    );
    k.s(`  .dockerconfigjson: ${b64(dcj)}`, 'generic', p3);
    const k2 = repo.file('deploy/k8s/base/regcred-placeholder.yaml', 'k8s');
    k2.l(
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: regcred-template',
      'type: kubernetes.io/dockerconfigjson',
      'data:',
    );
    k2.d(
      `  .dockerconfigjson: ${b64(JSON.stringify({ auths: { 'registry.example.com': { auth: b64('<user>:<password>') } } }))}`,
      'base64 of a template with placeholders',
    );

    const gl = repo.file('.gitlab-ci.yml', 'ci');
    const p4 = plainPw();
    const auth4 = b64(`gitlab-ci-token:${p4}`);
    gl.l('variables:', '  DOCKER_DRIVER: overlay2');
    gl.s(`  DOCKER_AUTH_CONFIG: '{"auths":{"registry.acme-corp.io:5050":{"auth":"${auth4}"}}}'`, 'generic', auth4);
    const kubeTok = t.jwt();
    gl.s(
      `  KUBE_CONFIG_B64: ${b64(`apiVersion: v1\nkind: Config\nusers:\n- name: deployer\n  user:\n    token: ${kubeTok}\n`)}`,
      'generic',
      kubeTok,
    );
    const envDo = t.digitalocean();
    gl.s(`  DEPLOY_ENV_FILE: ${b64(`DIGITALOCEAN_TOKEN=${envDo}\nREGION=ams3\n`)}`, 'digitalocean', envDo);
    gl.d(
      `  BUILD_META: ${b64(JSON.stringify({ project: 'shop', stage: 'build', cache: true }))}`,
      'base64 of build metadata',
    );
    gl.d('  REGISTRY_PASSWORD: $CI_REGISTRY_PASSWORD', 'CI variable reference');
    gl.l('build:', '  image: docker:24', '  script:');
    gl.d('    - echo "$KUBE_CONFIG_B64" | base64 -d > kubeconfig', 'decoding a variable');
    gl.d(
      '    - echo "$CI_REGISTRY_PASSWORD" | docker login -u "$CI_REGISTRY_USER" --password-stdin $CI_REGISTRY',
      'variable login',
    );
  }

  // ---- Helm values with base64 and block scalars -------------------------------------------------
  {
    const h = repo.file('deploy/helm/shop/values-prod.yaml', 'k8s');
    const mq = t.password();
    const sg = t.sendgrid();
    const redis = plainPw();
    const cfgPw = t.password();
    h.l('replicaCount: 2', 'secrets:', '  # base64, as the chart puts them straight into data:');
    h.s(`  rabbitmqPassword: ${b64(mq)}`, 'generic', mq);
    h.s(`  sendgridApiKey: "${b64(sg)}"`, 'sendgrid', sg);
    h.d(`  sessionSecret: ${b64('REPLACE_ME')}`, 'base64 of REPLACE_ME');
    h.l(
      'config:',
      '  application.yml: |',
      '    spring:',
      '      datasource:',
      '        url: jdbc:postgresql://pg:5432/shop',
      '        username: shop',
    );
    h.s(`        password: ${cfgPw}`, 'generic', cfgPw);
    h.d('        hikari.maximum-pool-size: 10', 'setting');
    h.l('  redis.conf: |', '    bind 0.0.0.0', '    port 6379');
    h.s(`    requirepass ${redis}`, 'generic', redis);
    h.d('    # requirepass foobared', 'documented example value in comment');
    const ddApi = t.ddApi();
    h.l('  agent.env: >', '    DD_SITE=datadoghq.eu');
    h.s(`    DD_API_KEY=${ddApi}`, 'datadog', ddApi);
    h.l('extraInitContainers: |');
    h.l(
      '  - name: wait-db',
      '    image: busybox:1.36',
      '    command: ["sh", "-c", "until nc -z pg 5432; do sleep 1; done"]',
    );
    const pemKey = t.pkcs8Pem();
    h.l('oidc:', '  signingKey: |');
    h.s(
      pemKey.map((x) => `    ${x}`),
      'private-key',
      pemKey.join('\n'),
    );
    h.l('  publicKey: |');
    h.d(
      pubPem().map((x) => `    ${x}`),
      'public key in block scalar',
    );
  }

  // ---- Basic auth headers in code, curl, HAR and logs ------------------------------------------
  {
    const py = repo.file('services/reports/reports/client.py', 'python');
    const pPy = t.password();
    const hdr = b64(`reports:${pPy}`);
    py.l('import base64', 'import requests', '', 'BASE = "https://jira.acme-corp.io/rest/api/2"', '');
    py.s(`HEADERS = {"Authorization": "Basic ${hdr}", "Accept": "application/json"}`, 'generic', hdr);
    const pPy2 = t.password();
    py.s(`_creds = base64.b64encode(b"svc-export:${pPy2}").decode()`, 'generic', pPy2);
    py.l('SESSION = requests.Session()', 'SESSION.headers["Authorization"] = f"Basic {_creds}"');
    py.d(
      `EXAMPLE = "Authorization: Basic ${b64('Aladdin:open sesame')}"  # RFC 7617 example`,
      'RFC example credentials',
    );
    py.d(
      'def basic(user, pw):\n    return "Basic " + base64.b64encode(f"{user}:{pw}".encode()).decode()',
      'function building a header',
    );

    const go = repo.file('services/ingest/internal/es/client.go', 'go');
    const pGo = t.password();
    const hGo = b64(`elastic:${pGo}`);
    go.l('package es', '', 'import "net/http"', '', 'func authorize(req *http.Request) {');
    go.s(`\treq.Header.Set("Authorization", "Basic ${hGo}")`, 'generic', hGo);
    go.l('}', '', 'func authorizeUser(req *http.Request, user, pass string) {');
    go.d('\treq.SetBasicAuth(user, pass)', 'parameters');
    go.l('}');

    const js = repo.file('web/admin/src/api/legacy.js', 'js');
    const pJs = t.password();
    const hJs = b64(`admin:${pJs}`);
    js.l("import axios from 'axios';", '');
    js.s(`const LEGACY_AUTH = 'Basic ${hJs}';`, 'generic', hJs);
    js.l("export const legacy = axios.create({ baseURL: '/legacy', headers: { Authorization: LEGACY_AUTH } });");
    js.d('export const basic = (u, p) => `Basic ${btoa(`${u}:${p}`)}`;', 'template building a header');

    const sh = repo.file('scripts/ops/reindex.sh', 'shell');
    const pSh = t.password().replace(/[!#]/g, '');
    const hSh = b64(`ops:${pSh}`);
    sh.l('#!/usr/bin/env bash', 'set -euo pipefail');
    sh.s(
      [
        `curl -sS -X POST https://search.acme-corp.io/_reindex \\`,
        `  -H 'Authorization: Basic ${hSh}' \\`,
        "  -H 'Content-Type: application/json' -d @reindex.json",
      ],
      'generic',
      hSh,
    );
    sh.d(
      'curl -sS -H "Authorization: Basic $(printf %s "$ES_USER:$ES_PASS" | base64)" https://search.acme-corp.io/_cat/health',
      'computed from variables',
    );
    sh.d(
      `curl -sS -H 'Authorization: Basic ${b64('elastic:changeme')}' http://localhost:9200/  # docker default`,
      'base64 of elastic:changeme',
    );

    const har = repo.file('docs/debug/checkout-failure.har', 'logs');
    const hHar = b64(`merchant_ops:${t.password()}`);
    const bearer = t.jwt();
    har.l(
      '{',
      '  "log": {',
      '    "version": "1.2",',
      '    "creator": { "name": "Firefox", "version": "128.0" },',
      '    "entries": [',
      '      {',
      '        "request": {',
      '          "method": "POST",',
      '          "url": "https://pay.acme-corp.io/v2/capture",',
      '          "headers": [',
    );
    har.s(`            { "name": "Authorization", "value": "Basic ${hHar}" },`, 'generic', hHar);
    har.l('            { "name": "Content-Type", "value": "application/x-www-form-urlencoded" }', '          ],');
    const cs = t.alnum(40);
    har.s(
      [
        '          "postData": {',
        '            "mimeType": "application/x-www-form-urlencoded",',
        `            "text": "grant_type=client_credentials&client_id=shop-web&client_secret=${cs}&scope=payments"`,
      ],
      'generic',
      cs,
    );
    har.l(
      '          }',
      '        },',
      '        "response": {',
      '          "status": 200,',
      '          "content": {',
      '            "mimeType": "application/json",',
    );
    har.s(
      `            "text": "{\\"access_token\\":\\"${bearer}\\",\\"token_type\\":\\"Bearer\\",\\"expires_in\\":3600}"`,
      'generic',
      bearer,
    );
    har.l(
      '          }',
      '        }',
      '      },',
      '      {',
      '        "request": {',
      '          "method": "GET",',
      '          "url": "https://cdn.acme-corp.io/logo.png",',
      '          "headers": []',
      '        },',
      '        "response": {',
      '          "content": {',
      '            "mimeType": "image/png",',
      '            "encoding": "base64",',
    );
    har.d(`            "text": "${t.pngBase64().slice(0, 400)}"`, 'base64 image');
    har.l('          }', '        }', '      }', '    ]', '  }', '}');

    const log = repo.file('logs/gateway/access-2026-11-30.log', 'logs');
    const hLog = b64(`partner-feed:${t.password()}`);
    log.d('2026-11-30T09:00:01Z 10.2.0.4 GET /healthz 200 0.001 "kube-probe/1.29"', 'health check');
    log.s(
      `2026-11-30T09:00:02Z 10.2.0.9 GET /feeds/catalog 200 0.081 hdr.authorization="Basic ${hLog}"`,
      'generic',
      hLog,
    );
    log.d('2026-11-30T09:00:03Z 10.2.0.9 GET /feeds/catalog 401 0.002 hdr.authorization="Basic ***"', 'masked header');
    log.d(`2026-11-30T09:00:04Z 10.2.0.7 GET /static/app.${t.hex(20)}.js 200 0.004 etag="${t.sha1()}"`, 'asset hash');
  }

  // ---- percent-encoded passwords in URLs, form bodies, query strings -----------------------------
  {
    const env = repo.file('services/orders/.env.production', 'env');
    const p1 = encodeURIComponent(urlPw());
    const p2 = encodeURIComponent(urlPw());
    const p3 = encodeURIComponent(urlPw());
    env.l('NODE_ENV=production');
    env.s(`DATABASE_URL=postgresql://orders:${p1}@orders-db.internal:5432/orders?sslmode=require`, 'database', p1);
    env.s(`AMQP_URL=amqps://orders:${p2}@mq.internal:5671/%2Forders`, 'generic', p2);
    env.s(`REDIS_URL="rediss://:${p3}@cache.internal:6380/0"`, 'database', p3);
    env.d('BACKUP_URL=postgresql://orders:%3Cpassword%3E@backup-db.internal/orders', 'percent-encoded <password>');
    env.d('REPORTING_URL=postgresql://reports:%24%7BREPORTS_PASSWORD%7D@reports-db/reports', 'percent-encoded ${VAR}');
    env.d(
      'SENTRY_URL=https://sentry.acme-corp.io/api/7/store/?sentry_version=7&sentry_client=raven%2F2.0',
      'url with encoded text',
    );

    const py = repo.file('services/orders/orders/settings.py', 'python');
    const p4 = encodeURIComponent(urlPw());
    py.l('import os', '');
    py.s(
      `SQLALCHEMY_DATABASE_URI = "mysql+pymysql://orders_rw:${p4}@mysql.internal:3306/orders?charset=utf8mb4"`,
      'database',
      p4,
    );
    const p5 = urlPw();
    py.s(`CELERY_BROKER_URL = "redis://:" + quote_plus("${p5}") + "@cache.internal:6379/1"`, 'generic', p5);
    py.d(
      'DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql://orders:orders@localhost/orders")',
      'local default credentials',
    );

    const flog = repo.file('logs/auth/token-endpoint-debug.log', 'logs');
    const fp1 = encodeURIComponent(urlPw());
    const fcs = encodeURIComponent(`${t.mixed(B64, 38)}+/`);
    flog.l(
      '2026-11-29 14:02:11,201 DEBUG urllib3.connectionpool Starting new HTTPS connection (1): login.acme-corp.io:443',
    );
    flog.s(
      `2026-11-29 14:02:11,310 DEBUG oauth.client body: grant_type=password&username=batch%40acme-corp.io&password=${fp1}&client_id=batch-cli`,
      'generic',
      fp1,
    );
    flog.s(
      `2026-11-29 14:02:12,004 DEBUG oauth.client POST /oauth2/token body='client_id=ledger-sync&client_secret=${fcs}&grant_type=client_credentials'`,
      'generic',
      fcs,
    );
    flog.d(
      '2026-11-29 14:02:12,500 DEBUG oauth.client body: grant_type=password&username=demo&password=%2A%2A%2A%2A%2A%2A&client_id=batch-cli',
      'masked percent-encoded password',
    );
    flog.d(
      `2026-11-29 14:02:13,002 DEBUG oauth.client body: grant_type=authorization_code&code_verifier_sha=${t.sha256()}&redirect_uri=https%3A%2F%2Fapp.acme-corp.io%2Fcb`,
      'digest and encoded redirect uri',
    );

    const nginx = repo.file('logs/nginx/api-access.log', 'logs');
    const q1 = encodeURIComponent(t.alnum(20) + '/' + t.alnum(11) + '=');
    const q2 = t.stripeLive();
    nginx.s(
      `203.0.113.7 - - [29/Nov/2026:10:11:12 +0000] "GET /v1/export?format=csv&api_key=${q1} HTTP/1.1" 200 5120 "-" "python-requests/2.32.3"`,
      'generic',
      q1,
    );
    nginx.s(
      `203.0.113.8 - - [29/Nov/2026:10:11:13 +0000] "GET /hooks/stripe?secret=${encodeURIComponent(q2)}&replay=1 HTTP/1.1" 204 0 "-" "curl/8.5.0"`,
      'stripe',
      q2,
    );
    nginx.d(
      `203.0.113.9 - - [29/Nov/2026:10:11:14 +0000] "GET /v1/search?q=reset%20password%20token&sig=${t.sha256().slice(0, 16)} HTTP/1.1" 200 77 "-" "Mozilla/5.0"`,
      'search text and short digest',
    );
    nginx.d(
      `203.0.113.9 - - [29/Nov/2026:10:11:15 +0000] "GET /login?next=%2Faccount%2Fsecurity%3Ftab%3Dtokens HTTP/1.1" 302 0 "-" "Mozilla/5.0"`,
      'encoded path',
    );

    const jdbc = repo.file('services/ledger/src/main/resources/application-prod.yml', 'java');
    const jp = encodeURIComponent(urlPw());
    jdbc.l('spring:', '  datasource:');
    jdbc.s(
      `    url: "jdbc:postgresql://pg.internal:5432/ledger?user=ledger_app&password=${jp}&ssl=true"`,
      'generic',
      jp,
    );
    jdbc.d('    password: ${LEDGER_DB_PASSWORD}', 'property reference');
  }

  // ---- JSON stored as a string inside JSON; double-escaped log lines ----------------------------------
  {
    const sm = repo.file('infra/aws/secretsmanager-export.json', 'terraform');
    const smPw = t.password();
    const smKey = t.awsSecret();
    const smId = t.awsId();
    sm.l(
      '{',
      '  "SecretList": [',
      '    {',
      '      "ARN": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/orders-db-AbCdEf",',
      '      "Name": "prod/orders-db",',
    );
    sm.s(
      `      "SecretString": "{\\"username\\":\\"orders\\",\\"password\\":\\"${smPw}\\",\\"engine\\":\\"postgres\\",\\"host\\":\\"orders-db.internal\\",\\"port\\":5432}",`,
      'generic',
      smPw,
    );
    sm.l('      "VersionStages": ["AWSCURRENT"]', '    },', '    {', '      "Name": "prod/exporter-iam",');
    sm.s(
      `      "SecretString": "{\\"AccessKeyId\\":\\"${smId}\\",\\"SecretAccessKey\\":\\"${smKey}\\"}"`,
      'aws',
      smKey,
    );
    sm.l('    },', '    {', '      "Name": "prod/feature-config",');
    sm.d(
      '      "SecretString": "{\\"flags\\":{\\"newCheckout\\":true,\\"beta\\":false},\\"rollout\\":25}"',
      'escaped JSON without secrets',
    );
    sm.l('    },', '    {', '      "Name": "prod/placeholder",');
    sm.d('      "SecretString": "{\\"password\\":\\"********\\"}"', 'masked value in escaped JSON');
    sm.l('    }', '  ]', '}');

    const jl = repo.file('logs/worker/worker-2026-11-28.jsonl', 'logs');
    const jlTok = t.slackBot();
    const jlPw = t.password();
    const jlOa = t.openai();
    jl.d('{"ts":"2026-11-28T06:00:00Z","level":"info","msg":"worker started","pid":4121}', 'plain log');
    jl.s(
      `{"ts":"2026-11-28T06:00:01Z","level":"debug","msg":"loaded config","config":"{\\"slack\\":{\\"token\\":\\"${jlTok}\\",\\"channel\\":\\"#ops\\"}}"}`,
      'slack',
      jlTok,
    );
    jl.s(
      `{"ts":"2026-11-28T06:00:02Z","level":"error","msg":"forwarded","raw":"{\\"log\\":\\"{\\\\\\"event\\\\\\":\\\\\\"db.connect\\\\\\",\\\\\\"password\\\\\\":\\\\\\"${jlPw}\\\\\\"}\\"}"}`,
      'generic',
      jlPw,
    );
    jl.s(
      `{"ts":"2026-11-28T06:00:03Z","level":"debug","msg":"request","body":"{\\"model\\":\\"gpt-4o\\",\\"api_key\\":\\"${jlOa}\\"}\\n"}`,
      'openai',
      jlOa,
    );
    jl.d(
      `{"ts":"2026-11-28T06:00:04Z","level":"info","msg":"cache","body":"{\\"etag\\":\\"${t.sha1()}\\",\\"size\\":1024}"}`,
      'escaped JSON with an etag',
    );
    jl.d(
      `{"ts":"2026-11-28T06:00:05Z","level":"info","msg":"auth","body":"{\\"token\\":\\"[REDACTED]\\",\\"user\\":\\"${t.uuid()}\\"}"}`,
      'redacted token',
    );

    const k8sLog = repo.file('logs/k8s/fluentbit-sample.log', 'logs');
    const fbPw = t.password();
    k8sLog.s(
      `2026-11-27T12:00:00.123Z stdout F {"log":"{\\"level\\":\\"warn\\",\\"dsn\\":\\"postgres://app:${fbPw}@pg:5432/app\\"}\\n","stream":"stdout"}`,
      'database',
      fbPw,
    );
    k8sLog.d(
      '2026-11-27T12:00:01.000Z stdout F {"log":"{\\"level\\":\\"info\\",\\"msg\\":\\"listening on :8080\\"}\\n","stream":"stdout"}',
      'escaped plain log',
    );

    const sa = repo.file('infra/gcp/ci-variables.json', 'ci');
    const saKey = t.pkcs8Pem();
    const esc = saKey.join('\\\\n');
    sa.l('[', '  {', '    "key": "GOOGLE_CREDENTIALS",', '    "variable_type": "env_var",');
    sa.s(
      `    "value": "{\\"type\\":\\"service_account\\",\\"project_id\\":\\"acme-prod\\",\\"private_key_id\\":\\"${t.hex(40)}\\",\\"private_key\\":\\"${esc}\\\\n\\",\\"client_email\\":\\"ci@acme-prod.iam.gserviceaccount.com\\"}",`,
      'private-key',
      saKey.join('\n'),
    );
    sa.l('    "protected": true', '  },', '  {', '    "key": "GCP_PUBLIC_CERT",');
    sa.d(`    "value": "${certPem().join('\\n')}"`, 'certificate with escaped newlines');
    sa.l('  }', ']');

    const tfs = repo.file('infra/terraform/envs/prod/terraform.tfstate', 'terraform');
    const tfPw = t.password();
    tfs.l('{', '  "version": 4,', '  "outputs": {', '    "app_config": {');
    tfs.s(`      "value": "{\\"db_user\\":\\"app\\",\\"db_password\\":\\"${tfPw}\\"}",`, 'generic', tfPw);
    tfs.l('      "type": "string",', '      "sensitive": true', '    },', '    "bucket_policy": {');
    tfs.d(
      '      "value": "{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Action\\":\\"s3:GetObject\\",\\"Resource\\":\\"arn:aws:s3:::acme-assets/*\\"}]}",',
      'escaped IAM policy',
    );
    tfs.l('      "type": "string"', '    }', '  }', '}');
  }

  // ---- unicode escapes ----------------------------------------------------------------------------
  {
    const goj = repo.file('services/ingest/testdata/golden/config-dump.json', 'go');
    const raw = `${t.password()}&${t.alnum(4)}<${t.alnum(3)}`;
    const escd = raw.replace(/&/g, '\\u0026').replace(/</g, '\\u003c').replace(/>/g, '\\u003e');
    goj.l('{', '  "service": "ingest",', '  "upstream": "https://partner.example.net/api?x=1\\u0026y=2",');
    goj.s(`  "partnerPassword": "${escd}",`, 'generic', escd);
    goj.d('  "banner": "\\u003cb\\u003eMaintenance\\u003c/b\\u003e tonight \\u0026 tomorrow",', 'escaped HTML text');
    goj.l('  "timeoutMs": 3000', '}');

    const net = repo.file('services/billing-api/appsettings.Production.json', 'csharp');
    const sk = t.azureStorageKey();
    const skE = sk.replace(/\+/g, '\\u002B');
    net.l('{', '  "Logging": { "LogLevel": { "Default": "Warning" } },', '  "Storage": {');
    net.s(
      `    "ConnectionString": "DefaultEndpointsProtocol=https;AccountName=acmebilling;AccountKey=${skE};EndpointSuffix=core.windows.net",`,
      'azure',
      skE,
    );
    net.d('    "Container": "invoices"', 'setting');
    net.l('  },', '  "Ui": {');
    net.d('    "Greeting": "Caf\\u00E9 \\u0026 Cr\\u00E8me \\u2014 don\\u0027t miss it"', 'escaped i18n text');
    net.l('  }', '}');

    const js = repo.file('web/shop/src/vendor/analytics-loader.js', 'js');
    const gk = t.gcpApiKey();
    const esc2 = [...gk].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
    js.l('(function () {');
    js.s(`  var k = "${esc2}";`, 'gcp', esc2);
    const sl = t.slackWebhook();
    const hx = [...sl.slice(0, 30)].map((c) => `\\x${c.charCodeAt(0).toString(16)}`).join('') + sl.slice(30);
    js.s(`  var hook = "${hx}";`, 'slack', sl.slice(30));
    js.d(
      '  var label = "\\u0048\\u0065\\u006c\\u006c\\u006f\\u002c\\u0020\\u0077\\u006f\\u0072\\u006c\\u0064";',
      'escaped greeting',
    );
    js.l('  window.__a = { k: k, hook: hook };', '})();');

    const java = repo.file('services/ledger/src/main/java/io/acme/ledger/Legacy.java', 'java');
    const jv = t.password();
    const jvE =
      jv.slice(0, 3) +
      [...jv.slice(3, 7)].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('') +
      jv.slice(7);
    java.l('package io.acme.ledger;', '', 'final class Legacy {');
    java.s(`    static final String FTP_PASSWORD = "${jvE}";`, 'generic', jv.slice(7));
    java.d('    static final String COPYRIGHT = "\\u00A9 2026 Acme Corp \\u2022 All rights reserved";', 'escaped text');
    java.l('}');
  }

  // ---- Java .properties: continuations and escapes ------------------------------------------------------------
  {
    const p = repo.file('services/ledger/src/main/resources/ledger.properties', 'java');
    const pw1 = t.password();
    const [a1, b1] = splitAt(pw1, 6);
    p.l('# Ledger service', 'ledger.db.url=jdbc:postgresql://pg.internal:5432/ledger', 'ledger.db.user=ledger');
    p.s([`ledger.db.password=${a1}\\`, `    ${b1}`], 'generic', `${a1}\n${b1}`);
    const pw2 = `${t.alnum(6)}=${t.alnum(5)}:${t.alnum(4)}`;
    const pw2e = pw2.replace(/=/g, '\\=').replace(/:/g, '\\:');
    p.s(`ldap.bind.password=${pw2e}`, 'generic', pw2e);
    const tok = t.github();
    const [a3, b3] = splitAt(tok, 20);
    p.s(['git.mirror.token = \\', `  ${a3}\\`, `  ${b3}`], 'github', `${a3}\n${b3}`);
    const pw4 = t.password();
    const pw4e = pw4.slice(0, 4) + '\\u0040' + pw4.slice(4);
    p.s(`smtp.password:${pw4e}`, 'generic', pw4e);
    p.d('ledger.db.password.encrypted=ENC(' + t.mixed(B64, 44) + '==)', 'jasypt ciphertext');
    p.d('keystore.password=${KEYSTORE_PASSWORD}', 'placeholder');
    p.d(['ledger.report.header=Ledger report \\', '    for period \\u2013 generated'], 'continued text');
    p.d(`ledger.checksum.sha256=${t.sha256()}`, 'digest');

    const kp = t.rsaPem();
    const q = repo.file('services/ledger/src/main/resources/saml.properties', 'java');
    q.l('saml.sp.entityid=https://ledger.acme-corp.io/saml');
    q.s(
      [`saml.sp.privatekey=${kp[0]}\\n\\`, ...kp.slice(1, -1).map((x) => `  ${x}\\n\\`), `  ${kp[kp.length - 1]}`],
      'private-key',
      kp.join('\n'),
    );
    const cp = certPem();
    q.d(
      [`saml.idp.x509cert=${cp[0]}\\n\\`, ...cp.slice(1, -1).map((x) => `  ${x}\\n\\`), `  ${cp[cp.length - 1]}`],
      'certificate with continuations',
    );
  }

  // ---- XML and HTML entities ----------------------------------------------------------------------
  {
    const ent = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    const wc = repo.file('services/legacy-portal/Web.config', 'csharp');
    const pw = pwWith(['&', '<', '"']);
    const pwE = ent(pw);
    wc.l('<?xml version="1.0" encoding="utf-8"?>', '<configuration>', '  <connectionStrings>');
    wc.s(
      `    <add name="Portal" connectionString="Server=sql01;Database=Portal;User Id=portal;Password=${pwE};" providerName="System.Data.SqlClient" />`,
      'generic',
      pwE,
    );
    wc.d(
      '    <add name="Local" connectionString="Server=(localdb)\\MSSQLLocalDB;Integrated Security=true" />',
      'integrated security',
    );
    wc.l('  </connectionStrings>', '  <appSettings>');
    const ak = t.stripeLive();
    wc.s(
      `    <add key="StripeConfig" value="{&quot;secretKey&quot;:&quot;${ak}&quot;,&quot;currency&quot;:&quot;eur&quot;}" />`,
      'stripe',
      ak,
    );
    wc.d(
      `    <add key="StripePublic" value="{&quot;publishableKey&quot;:&quot;pk_live_${t.alnum(24)}&quot;}" />`,
      'publishable key in entities',
    );
    wc.d('    <add key="SmtpPassword" value="&lt;set-in-keyvault&gt;" />', 'placeholder in entities');
    wc.l('  </appSettings>', '</configuration>');

    const mv = repo.file('ops/build/settings.xml', 'java');
    const mpw = pwWith(['&', '<']);
    mv.l(
      '<settings>',
      '  <servers>',
      '    <server>',
      '      <id>acme-releases</id>',
      '      <username>deployer</username>',
    );
    mv.s(`      <password>${ent(mpw)}</password>`, 'generic', ent(mpw));
    mv.l('    </server>', '    <server>', '      <id>acme-snapshots</id>', '      <username>deployer</username>');
    mv.d(`      <password>{${t.mixed(B64, 44)}=}</password>`, 'maven encrypted password');
    mv.l('    </server>', '  </servers>', '</settings>');

    const html = repo.file('web/legacy/templates/checkout.html', 'html');
    const gh = t.alnum(32);
    html.l('<!doctype html>', '<html>', '<body>', '<form action="/pay" method="post">');
    html.s(`  <input type="hidden" name="merchant_secret" value="${gh}">`, 'generic', gh);
    html.d(`  <input type="hidden" name="csrf_token" value="${t.mixed(URLSAFE, 43)}">`, 'csrf token');
    const sg = t.sendgrid();
    html.s(
      `  <div id="mailer" data-config="{&quot;provider&quot;:&quot;sendgrid&quot;,&quot;apiKey&quot;:&quot;${sg}&quot;}"></div>`,
      'sendgrid',
      sg,
    );
    html.d(
      `  <div id="maps" data-config="{&quot;mapId&quot;:&quot;${t.hex(16)}&quot;,&quot;zoom&quot;:12}"></div>`,
      'entity-escaped config without secrets',
    );
    html.d('  <p>Use &quot;Forgot password&quot; &amp; check your inbox.</p>', 'escaped prose');
    html.l('</form>', '</body>', '</html>');
  }

  // ---- quoted-printable mail ----------------------------------------------------------------------------
  {
    const m = repo.file('docs/support/mail/onboarding-vendor.eml', 'mail');
    const pw = `${t.alnum(8)}=${t.alnum(6)}`;
    const qp = pw.replace(/=/g, '=3D');
    const key = t.sendgrid();
    const [k1, k2] = splitAt(key, 40);
    m.l(
      'From: it-ops@acme-corp.io',
      'To: vendor@partner.example.net',
      'Subject: Your SFTP and API access',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset="utf-8"',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'Hi Dana,',
      '',
    );
    m.l('your SFTP account is ready. Host: sftp.acme-corp.io, user: partner-dana.');
    m.s(`Initial password: ${qp}`, 'generic', qp);
    m.l('', 'For the mail relay please use this API key (it is long, so it wraps):');
    m.s([`  ${k1}=`, `${k2}`], 'sendgrid', `${k1}\n${k2}`);
    m.d('Please change it on first login =E2=80=94 thanks!', 'quoted-printable prose');
    m.d(`Ticket reference: =23${t.digits(6)} / fingerprint SHA256:${t.mixed(B64, 43)}`, 'ssh host key fingerprint');

    const m2 = repo.file('docs/support/mail/db-handover.eml', 'mail');
    const pw2 = `${t.password()}=${t.alnum(3)}`;
    const qpPw = pw2.replace(/=/g, '=3D');
    m2.l(
      'From: dba@acme-corp.io',
      'To: newdba@acme-corp.io',
      'Subject: CRM database handover',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'Connection string for the old CRM box:',
      '',
    );
    m2.s([`postgres://handover:${qpPw}@pg-legacy.acme-=`, 'corp.io:5432/crm?sslmode=3Drequire'], 'database', qpPw);
    m2.d('The read-only password is in 1Password under =E2=80=9CCRM legacy=E2=80=9D.', 'pointer to a vault');
  }

  // ---- CSV with quoted fields and doubled quotes ----------------------------------------------------------
  {
    const c = repo.file('ops/migration/password-export.csv', 'csv');
    c.l('url,username,password,extra,name,grouping,fav');
    const rows = [];
    for (let i = 0; i < 3; i++) {
      const pw = `${t.password()}"${t.alnum(4)}`;
      rows.push(pw.replace(/"/g, '""'));
    }
    c.s(`https://grafana.acme-corp.io,admin,"${rows[0]}",,Grafana admin,Ops,0`, 'generic', rows[0]);
    c.s(
      `https://jenkins.acme-corp.io,ci-admin,"${rows[1]}","note: ""rotate quarterly""",Jenkins,Ops,1`,
      'generic',
      rows[1],
    );
    c.s(`"https://vpn.acme-corp.io","ops-vpn","${rows[2]}","","VPN","Network",0`, 'generic', rows[2]);
    c.d('https://wiki.acme-corp.io,ops,"********",,Wiki,Docs,0', 'masked value');
    c.d('https://status.acme-corp.io,ops,"",,Status page (SSO),Docs,0', 'empty password');

    const c2 = repo.file('data/integrations/connections.csv', 'csv');
    const cp = t.password();
    const tk = t.gitlab();
    c2.l('id,name,kind,config');
    c2.s(`1,warehouse,postgres,"{""host"":""dwh.internal"",""user"":""etl"",""password"":""${cp}""}"`, 'generic', cp);
    c2.s(`2,gitlab-sync,gitlab,"{""url"":""https://gitlab.acme-corp.io"",""token"":""${tk}""}"`, 'gitlab', tk);
    c2.d('3,public-api,http,"{""url"":""https://api.acme-corp.io"",""timeout"":30}"', 'JSON in CSV without secrets');
    c2.d(`4,hashes,file,"{""sha256"":""${t.sha256()}""}"`, 'digest in CSV');
  }

  // ---- Python implicit concatenation, parenthesised strings ---------------------------------------------
  {
    const py = repo.file('services/notify/notify/config.py', 'python');
    const tw = t.twilioToken();
    const sk = t.stripeLive();
    const [s1, s2] = splitAt(sk, 16);
    py.l('"""Notify settings."""', '');
    py.d(`TWILIO_ACCOUNT_SID = "${t.twilioSid()}"`, 'account sid (identifier)');
    py.s(['STRIPE_KEY = (', `    "${s1}"`, `    "${s2}"`, ')'], 'stripe', `${s1}\n${s2}`);
    const [w1, w2] = splitAt(tw, 16);
    py.s([`TWILIO_AUTH_TOKEN = ("${w1}"`, `                     "${w2}")`], 'twilio', `${w1}\n${w2}`);
    const pw = t.password();
    const [p1, p2] = splitAt(pw, 7);
    py.s(
      [`DB_DSN = ("host=pg.internal dbname=notify user=notify "`, `          "password=${p1}" "${p2}")`],
      'generic',
      `${p1}\n${p2}`,
    );
    py.d(
      ['HELP_TEXT = (', '    "Set NOTIFY_TOKEN in the environment; "', '    "never commit the token itself."', ')'],
      'prose in concatenation',
    );
    py.d(
      ['EXPECTED_SHA = (', `    "${t.sha256().slice(0, 32)}"`, `    "${t.sha256().slice(0, 32)}"`, ')'],
      'digest in concatenation',
    );
    const key = t.opensshPem();
    py.s(['DEPLOY_KEY = (', ...key.map((x) => `    "${x}\\n"`), ')'], 'private-key', key.join('\n'));
    py.l('');
    const oa = t.anthropic();
    py.s(
      [`CLAUDE_KEY = "${oa.slice(0, 20)}" \\`, `    "${oa.slice(20)}"`],
      'anthropic',
      `${oa.slice(0, 20)}\n${oa.slice(20)}`,
    );
  }

  // ---- shell heredocs ---------------------------------------------------------------------------------
  {
    const sh = repo.file('scripts/bootstrap/provision-db.sh', 'shell');
    const pg = t.password();
    const my = t.password().replace(/'/g, '');
    sh.l('#!/usr/bin/env bash', 'set -euo pipefail', '', 'cat > "$HOME/.pgpass" <<EOF');
    sh.s(`pg-primary.internal:5432:*:provisioner:${pg}`, 'generic', pg);
    sh.l('EOF', 'chmod 600 "$HOME/.pgpass"', '', "mysql -uroot <<'SQL'");
    sh.s(`CREATE USER 'shop'@'%' IDENTIFIED BY '${my}';`, 'generic', my);
    sh.l("GRANT ALL ON shop.* TO 'shop'@'%';", 'SQL', '', 'cat > /etc/app/app.env <<EOF');
    sh.d('DB_PASSWORD=${DB_PASSWORD}', 'variable in heredoc');
    sh.d('API_TOKEN=$(vault kv get -field=token secret/app)', 'vault lookup in heredoc');
    sh.l(
      'EOF',
      '',
      'kubectl apply -f - <<EOF',
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: shop-api',
      'stringData:',
    );
    const np = t.npm();
    sh.s(`  NPM_TOKEN: ${np}`, 'npm', np);
    const gh = t.github('gho_');
    sh.s(`  GH_TOKEN: "${gh}"`, 'github', gh);
    sh.d('  RELEASE: "v4.18.1"', 'version');
    sh.l('EOF');

    const ci = repo.file('scripts/ci/write-npmrc.sh', 'shell');
    const np2 = t.npm();
    const nauth = b64(`ci:${t.password()}`);
    ci.l('#!/bin/sh', "cat > .npmrc <<'NPMRC'", 'registry=https://registry.npmjs.org/');
    ci.s(`//registry.npmjs.org/:_authToken=${np2}`, 'npm', np2);
    ci.s(`//npm.acme-corp.io/:_auth=${nauth}`, 'generic', nauth);
    ci.d('//npm.pkg.github.com/:_authToken=${GITHUB_TOKEN}', 'variable');
    ci.l('NPMRC');
  }

  // ---- Terraform heredocs, jsonencode(), base64encode() -------------------------------------------------
  {
    const tf = repo.file('infra/terraform/modules/orders/secrets.tf', 'terraform');
    const pw = t.password();
    const key = t.stripeLive();
    tf.l(
      'resource "aws_secretsmanager_secret_version" "orders_db" {',
      '  secret_id = aws_secretsmanager_secret.orders_db.id',
      '  secret_string = jsonencode({',
      '    username = "orders"',
    );
    tf.s(`    password = "${pw}"`, 'generic', pw);
    tf.l('    host     = aws_db_instance.orders.address', '  })', '}', '');
    tf.l(
      'resource "aws_secretsmanager_secret_version" "stripe" {',
      '  secret_id     = aws_secretsmanager_secret.stripe.id',
      '  secret_string = <<-EOT',
    );
    tf.s(`    {"secret_key": "${key}", "account": "acct_${t.alnum(16)}"}`, 'stripe', key);
    tf.l('  EOT', '}', '');
    tf.l(
      'resource "aws_secretsmanager_secret_version" "generated" {',
      '  secret_id     = aws_secretsmanager_secret.generated.id',
    );
    tf.d('  secret_string = jsonencode({ password = random_password.db.result, user = var.db_user })', 'references');
    tf.l('}', '');
    const kpw = plainPw();
    tf.l('resource "kubernetes_secret" "registry" {', '  metadata { name = "registry" }', '  data = {');
    tf.s(
      `    ".dockerconfigjson" = jsonencode({ auths = { "registry.acme-corp.io" = { auth = base64encode("deploy:${kpw}") } } })`,
      'generic',
      kpw,
    );
    tf.l('  }', '  type = "kubernetes.io/dockerconfigjson"', '}', '');
    tf.l(
      'data "aws_iam_policy_document" "read" {',
      '  statement {',
      '    actions   = ["secretsmanager:GetSecretValue"]',
      '    resources = [aws_secretsmanager_secret.orders_db.arn]',
      '  }',
      '}',
    );

    const tf2 = repo.file('infra/terraform/modules/vm/cloud-init.tf', 'terraform');
    const uid = t.password();
    const ddk = t.ddApi();
    tf2.l(
      'resource "aws_instance" "bastion" {',
      '  ami           = "ami-0a1b2c3d4e5f67890"',
      '  instance_type = "t3.micro"',
      '  user_data     = <<-EOF',
      '    #!/bin/bash',
    );
    tf2.s(`    echo "ops:${uid}" | chpasswd`, 'generic', uid);
    tf2.s(
      `    DD_API_KEY=${ddk} bash -c "$(curl -L https://install.datadoghq.com/scripts/install_script_agent7.sh)"`,
      'datadog',
      ddk,
    );
    tf2.d('    echo "${var.motd}" > /etc/motd', 'terraform interpolation');
    tf2.l('  EOF', '}');
    const pol = repo.file('infra/terraform/modules/vm/policy.tf', 'terraform');
    pol.l(
      'resource "aws_iam_role_policy" "logs" {',
      '  role   = aws_iam_role.bastion.id',
      '  policy = <<EOF',
      '{',
      '  "Version": "2012-10-17",',
    );
    pol.d('  "Statement": [{"Effect": "Allow", "Action": ["logs:PutLogEvents"], "Resource": "*"}]', 'policy document');
    pol.l('}', 'EOF', '}');
    pol.d('  # cert = filebase64("${path.module}/ca.pem")', 'file function');
    const tkey = t.rsaPem();
    const tls = repo.file('infra/terraform/modules/vm/tls.tf', 'terraform');
    tls.l(
      'resource "aws_iam_server_certificate" "legacy" {',
      '  name             = "legacy-lb"',
      '  certificate_body = file("certs/legacy.crt")',
      '  private_key      = <<EOF',
    );
    tls.s(tkey, 'private-key', tkey.join('\n'));
    tls.l('EOF', '}');
  }

  // ---- Go raw strings -----------------------------------------------------------------------------------
  {
    const g = repo.file('services/ingest/internal/config/defaults.go', 'go');
    const tok = t.gitlab();
    const pw = t.password();
    g.l(
      'package config',
      '',
      'const defaultYAML = `',
      'server:',
      '  addr: ":8080"',
      'gitlab:',
      '  url: https://gitlab.acme-corp.io',
    );
    g.s(`  token: ${tok}`, 'gitlab', tok);
    g.l('`', '');
    g.s(`const dsn = \`host=pg.internal user=ingest password='${pw}' dbname=ingest sslmode=require\``, 'generic', pw);
    g.d('const tmpl = `password={{ .Password }} user={{ .User }}`', 'template');
    g.d('const query = `SELECT id FROM users WHERE password_hash = $1`', 'SQL text');
    const pk = t.ecPem();
    g.l('', 'var signingKey = []byte(`');
    g.s(pk, 'private-key', pk.join('\n'));
    g.l('`)', '');
    const pub = pubPem();
    g.l('var verifyKey = []byte(`');
    g.d(pub, 'public key in raw string');
    g.l('`)');
  }

  // ---- C string literal concatenation --------------------------------------------------------------------
  {
    const c = repo.file('firmware/telemetry/src/secrets.h', 'c');
    const ak = t.awsId();
    const as = t.awsSecret();
    const [a1, a2] = splitAt(as, 20);
    c.l('#ifndef SECRETS_H', '#define SECRETS_H', '');
    c.s(`#define AWS_IOT_ACCESS_KEY_ID "${ak}"`, 'aws', ak);
    c.s([`#define AWS_IOT_SECRET_KEY "${a1}" \\`, `                           "${a2}"`], 'aws', `${a1}\n${a2}`);
    const wifi = t.password();
    const [w1, w2] = splitAt(wifi, 5);
    c.s(`static const char WIFI_PSK[] = "${w1}" "${w2}";`, 'generic', `${w1}\n${w2}`);
    const pk = t.ecPem();
    c.s(
      ['static const char DEVICE_KEY[] =', ...pk.map((x, i) => `    "${x}\\n"${i === pk.length - 1 ? ';' : ''}`)],
      'private-key',
      pk.join('\n'),
    );
    const ca = certPem();
    c.d(
      ['static const char ROOT_CA[] =', ...ca.map((x, i) => `    "${x}\\n"${i === ca.length - 1 ? ';' : ''}`)],
      'certificate in C literals',
    );
    c.d('#define FW_BUILD_ID "' + t.sha1() + '"', 'build id');
    c.l('', '#endif');
  }

  // ---- join / concat of parts, `+` splits -------------------------------------------------------------
  {
    const go = repo.file('tools/release/main.go', 'go');
    const gh = t.github();
    const parts = [gh.slice(0, 4), gh.slice(4, 20), gh.slice(20)];
    go.l('package main', '', 'import "strings"', '');
    go.s(
      `var releaseToken = strings.Join([]string{"${parts[0]}", "${parts[1]}", "${parts[2]}"}, "")`,
      'github',
      parts.join('\n'),
    );
    go.d('var userAgent = strings.Join([]string{"acme-release", "v2.3.1", "linux"}, "/")', 'join of harmless parts');

    const cs = repo.file('services/billing-api/Services/MailService.cs', 'csharp');
    const sg = t.sendgrid();
    const sgp = [sg.slice(0, 3), sg.slice(3, 26), sg.slice(26)];
    cs.l('namespace Acme.Billing.Services;', '', 'public sealed class MailService', '{');
    cs.s(
      `    private static readonly string ApiKey = string.Concat("${sgp[0]}", "${sgp[1]}", "${sgp[2]}");`,
      'sendgrid',
      sgp.join('\n'),
    );
    const pw = t.password();
    const [p1, p2] = splitAt(pw, 6);
    cs.s([`    private const string SmtpPassword = "${p1}" +`, `        "${p2}";`], 'generic', `${p1}\n${p2}`);
    cs.d('    private const string Footer = "Acme Billing " +\n        "— do not reply";', 'concatenated prose');
    cs.l('}');

    const js = repo.file('web/admin/src/config/keys.js', 'js');
    const sk = t.stripeLive();
    const sp = [sk.slice(0, 8), sk.slice(8, 20), sk.slice(20)];
    js.s(`export const STRIPE = ['${sp[0]}', '${sp[1]}', '${sp[2]}'].join('');`, 'stripe', sp.join('\n'));
    const oa = t.openai();
    const op = [oa.slice(0, 60), oa.slice(60, 120), oa.slice(120)];
    js.s(['export const OPENAI_KEY =', `  '${op[0]}' +`, `  '${op[1]}' +`, `  '${op[2]}';`], 'openai', op.join('\n'));
    js.d("export const PK = 'pk_live_' + '" + t.alnum(24) + "';", 'publishable key split');
    js.d("export const VERSION = ['4', '18', '1'].join('.');", 'version join');

    const jv = repo.file('services/ledger/src/main/java/io/acme/ledger/Slack.java', 'java');
    const sb = t.slackBot();
    const sbp = [sb.slice(0, 18), sb.slice(18)];
    jv.l('package io.acme.ledger;', '', 'final class Slack {');
    jv.s([`    static final String BOT_TOKEN = "${sbp[0]}"`, `        + "${sbp[1]}";`], 'slack', sbp.join('\n'));
    const jp = t.password();
    const jpp = [jp.slice(0, 5), jp.slice(5)];
    jv.s(
      `    static final String KEYSTORE_PASS = String.join("", "${jpp[0]}", "${jpp[1]}");`,
      'generic',
      jpp.join('\n'),
    );
    const pk = t.pkcs8Pem();
    jv.s(
      [
        '    static final String SIGNING_KEY =',
        ...pk.map((x, i) => `        ${i ? '+ ' : ''}"${x}\\n"${i === pk.length - 1 ? ';' : ''}`),
      ],
      'private-key',
      pk.join('\n'),
    );
    jv.d('    static final String CHANNEL = "#ops-" + "alerts";', 'channel name');
    jv.l('}');
  }

  // ---- hex-encoded secrets with a decode beside them ----------------------------------------------------------
  {
    const py = repo.file('services/reports/reports/vault_fallback.py', 'python');
    const tok = t.github();
    const hx = Buffer.from(tok).toString('hex');
    py.s(`GH_TOKEN = bytes.fromhex("${hx}").decode()`, 'github', hx);
    const pw = t.password();
    py.s(
      `DB_PASSWORD = binascii.unhexlify("${Buffer.from(pw).toString('hex')}").decode("ascii")`,
      'generic',
      Buffer.from(pw).toString('hex'),
    );
    py.d(`EXPECTED = bytes.fromhex("${t.sha256()}")  # sha256 of the release tarball`, 'digest decoded from hex');
    py.d(`SALT = bytes.fromhex("${t.hex(32)}")  # public salt for the cache key`, 'salt for non-secret hashing');

    const go = repo.file('services/ingest/internal/crypto/keys.go', 'go');
    const k = t.hex(64);
    go.l('package crypto', '', 'import "encoding/hex"', '');
    go.s(`var hmacKey, _ = hex.DecodeString("${k}")`, 'generic', k);
    const sl = t.slackWebhook();
    const slx = Buffer.from(sl).toString('hex');
    go.s(`var alertHook, _ = hex.DecodeString("${slx}")`, 'slack', slx);
    go.d(
      `var emptySHA, _ = hex.DecodeString("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")`,
      'sha256 of empty string',
    );

    const js = repo.file('web/shop/server/obf.js', 'js');
    const sk = t.stripeLive();
    const skx = Buffer.from(sk).toString('hex');
    js.s(`const stripeKey = Buffer.from('${skx}', 'hex').toString('utf8');`, 'stripe', skx);
    js.d(`const logoHash = Buffer.from('${t.sha256()}', 'hex');`, 'digest');
    js.d(
      `const greeting = Buffer.from('${Buffer.from('Welcome to Acme!').toString('hex')}', 'hex').toString();`,
      'hex of harmless text',
    );
  }

  // ---- PEM keys in more wrappers: env files, JSON, YAML ----------------------------------------------------
  {
    const env = repo.file('services/notify/.env', 'env');
    const k1 = t.rsaPem();
    env.l('PORT=8080');
    env.s(`APNS_KEY="${k1.join('\\n')}"`, 'private-key', k1.join('\n'));
    env.d(`APNS_CERT="${certPem().join('\\n')}"`, 'certificate in env');
    env.d(`JWT_PUBLIC_KEY="${pubPem().join('\\n')}"`, 'public key in env');
    const k2 = t.ecPem();
    env.s(`JWT_PRIVATE_KEY_B64=${b64(k2.join('\n'))}`, 'private-key', k2.join('\n'));
    env.d(`JWT_PUBLIC_KEY_B64=${b64(pubPem().join('\n'))}`, 'base64 public key');

    const gha = repo.file('.github/workflows/deploy.yml', 'ci');
    const k3 = t.opensshPem();
    gha.l(
      'name: deploy',
      'on: { push: { branches: [main] } }',
      'jobs:',
      '  deploy:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - name: ssh key',
      '        run: |',
      '          mkdir -p ~/.ssh',
      "          cat > ~/.ssh/id_ed25519 <<'KEY'",
    );
    gha.s(
      k3.map((x) => `          ${x}`),
      'private-key',
      k3.join('\n'),
    );
    gha.l('          KEY', '          chmod 600 ~/.ssh/id_ed25519');
    gha.d('      - run: echo "${{ secrets.DEPLOY_KEY_B64 }}" | base64 -d > key', 'secret reference');
    const vtok = t.vercelNew();
    gha.l('      - name: vercel', '        env:');
    gha.s(`          VERCEL_TOKEN_B64: ${b64(vtok)}`, 'vercel', vtok);
    gha.d(`          VERCEL_ORG_ID_B64: ${b64('team_' + t.alnum(24))}`, 'base64 of an org id');

    const j = repo.file('infra/vault/seed/jwt-keys.json', 'terraform');
    const k4 = t.pkcs8Pem();
    j.l('{');
    j.d(`  "public_pem": "${pubPem().join('\\n')}\\n",`, 'public key, JSON-escaped');
    j.s(`  "private_pem": "${k4.join('\\n')}\\n",`, 'private-key', k4.join('\n'));
    j.d(
      `  "private_pem_encrypted": "${['-----BEGIN ENCRYPTED PRIVATE KEY-----', ...`MIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQI${t.mixed(B64, 900)}`.match(/.{1,64}/g), '-----END ENCRYPTED PRIVATE KEY-----'].join('\\n')}",`,
      'encrypted private key',
    );
    j.l(`  "kid": "${t.uuid()}"`, '}');
  }

  // ---- misc decoys in encoded form -------------------------------------------------------------------------
  {
    const css = repo.file('web/shop/src/styles/icons.css', 'css');
    css.d(`.icon-cart { background: url("data:image/png;base64,${t.pngBase64().slice(0, 600)}"); }`, 'base64 image');
    css.d(
      `.icon-font { src: url("data:font/woff2;base64,d09GMgABAAAA${t.mixed(B64, 300)}") format("woff2"); }`,
      'base64 font',
    );

    const lock = repo.file('web/shop/package-lock.json', 'js');
    lock.l(
      '{',
      '  "name": "shop",',
      '  "lockfileVersion": 3,',
      '  "packages": {',
      '    "node_modules/axios": {',
      '      "version": "1.7.7",',
    );
    lock.d(`      "integrity": "sha512-${t.mixed(B64, 86)}=="`, 'SRI hash');
    lock.l('    },', '    "node_modules/ms": {', '      "version": "2.1.3",');
    lock.d(`      "integrity": "sha512-${t.mixed(B64, 86)}=="`, 'SRI hash');
    lock.l('    }', '  }', '}');

    const kh = repo.file('ops/ssh/known_hosts', 'ssh');
    kh.d(`github.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${t.mixed(B64, 43)}`, 'host public key');
    kh.d(
      `|1|${t.mixed(B64, 27)}=|${t.mixed(B64, 27)}= ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBB${t.mixed(B64, 88)}=`,
      'hashed host key',
    );

    const ht = repo.file('ops/nginx/.htpasswd', 'ops');
    ht.d(`admin:$apr1$${t.mixed(ALNUM, 8)}$${t.mixed(ALNUM + './', 22)}`, 'apr1 hash');

    const sealed = repo.file('deploy/k8s/billing/sealed.yaml', 'k8s');
    sealed.l(
      'apiVersion: bitnami.com/v1alpha1',
      'kind: SealedSecret',
      'metadata:',
      '  name: billing',
      'spec:',
      '  encryptedData:',
    );
    sealed.d(`    DB_PASSWORD: AgB${t.mixed(B64, 400)}==`, 'sealed-secrets ciphertext');
    sealed.d(`    STRIPE_KEY: AgC${t.mixed(B64, 380)}=`, 'sealed-secrets ciphertext');

    const sops = repo.file('deploy/k8s/billing/secrets.enc.yaml', 'k8s');
    sops.l('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: billing-sops', 'stringData:');
    sops.d(
      `  DB_PASSWORD: ENC[AES256_GCM,data:${t.mixed(B64, 24)},iv:${t.mixed(B64, 43)}=,tag:${t.mixed(B64, 22)}==,type:str]`,
      'sops ciphertext',
    );
    sops.l('sops:', '  version: 3.9.1');
    sops.d(
      `  mac: ENC[AES256_GCM,data:${t.mixed(B64, 88)},iv:${t.mixed(B64, 43)}=,tag:${t.mixed(B64, 22)}==,type:str]`,
      'sops mac',
    );

    const fixt = repo.file('services/reports/tests/test_basic_auth.py', 'python');
    fixt.l('import base64', '');
    fixt.d(`FAKE = "Basic " + base64.b64encode(b"test:test").decode()  # fixture`, 'fake credentials in test');
    fixt.d(`assert decode("Basic ${b64('user:pass')}") == ("user", "pass")`, 'base64 of user:pass');
    fixt.d(`assert decode("Basic ${b64('alice:<password>')}") == ("alice", "<password>")`, 'base64 of a placeholder');

    const readme = repo.file('docs/encoding-howto.md', 'docs');
    readme.l('# Encoding secrets for Kubernetes', '', 'Encode a value before putting it under `data:`:', '', '```sh');
    readme.d(
      "echo -n 'my-super-secret-password' | base64   # -> bXktc3VwZXItc2VjcmV0LXBhc3N3b3Jk",
      'documentation example',
    );
    readme.d(`echo -n '${b64('changeme')}' | base64 -d`, 'base64 of changeme');
    readme.l('```', '', 'A URL-encoded password looks like this:', '');
    readme.d(
      '`postgres://user:p%40ssw0rd@localhost/db` (here the password is `p@ssw0rd`)',
      'documented example password',
    );
    readme.d('Escaped JSON: `"{\\"password\\":\\"<your-password>\\"}"`', 'escaped placeholder');
  }

  return repo;
}
