// Red-team suite "traces": credentials that leak through what programs print and record and get
// committed by accident — access logs, structured logs, stack traces, curl/wget debug output, HAR
// files, API-client collections, shell histories, CI logs, Terraform output, kubectl/helm dumps,
// notebook outputs, crash reports, test snapshots, VCR cassettes, mitmproxy dumps and .eml files —
// with masked values, request/trace/session ids, ETags, digests, CSRF tokens and public keys as
// decoys. Every value is drawn from the seeded PRNG at run time.
import { ALNUM, B64, HEX, URLSAFE, Repo, makeTokens, mulberry32 } from './generate.mjs';

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 48611 + 29);
  const t = makeTokens(rand);
  const one = (list) => list[Math.floor(rand() * list.length)];
  const repo = new Repo();
  const ip = () => `10.${Math.floor(rand() * 250)}.${Math.floor(rand() * 250)}.${Math.floor(rand() * 250)}`;
  const ts = () =>
    `2026-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}T0${Math.floor(rand() * 9)}:1${Math.floor(rand() * 9)}:2${Math.floor(rand() * 9)}Z`;
  const human = () => `${one(['Winter', 'Falcon', 'Acme', 'Orion'])}${t.digits(4)}${one(['!', '#', '$'])}`;
  const pw = () => (rand() < 0.5 ? t.password() : t.mixed(ALNUM, 20));
  const b64 = (s) => Buffer.from(s).toString('base64');
  const reqId = () => t.hex(32);
  const traceparent = () => `00-${t.hex(32)}-${t.hex(16)}-01`;
  const etag = () => `"${t.hex(32)}"`;
  const sessionId = () => t.mixed(HEX, 32);
  const shopifyTok = () => `shpat_${t.hex(32)}`;
  const glrt = () => `glrt-${t.mixed(URLSAFE, 20)}`;
  const hvs = () => `hvs.${t.mixed(URLSAFE, 24)}`;
  const mailgun = () => `key-${t.hex(32)}`;

  // ---- nginx / apache access logs -------------------------------------------------------
  {
    const f = repo.file('ops/incidents/2026-03-outage/nginx-access.log', 'access-log');
    for (let i = 0; i < 3; i++)
      f.l(`${ip()} - - [12/Mar/2026:04:1${i}:0${i} +0000] "GET /healthz HTTP/1.1" 200 2 "-" "kube-probe/1.29"`);
    const k1 = t.stripeLive();
    f.s(
      `${ip()} - - [12/Mar/2026:04:13:51 +0000] "GET /v1/charges?limit=3&api_key=${k1} HTTP/1.1" 200 5121 "-" "curl/8.5.0"`,
      'stripe',
      k1,
    );
    const k2 = t.mixed(ALNUM, 40);
    f.s(
      `${ip()} - - [12/Mar/2026:04:14:02 +0000] "GET /export/report.csv?access_token=${k2}&fmt=csv HTTP/1.1" 200 88212 "-" "python-requests/2.31.0"`,
      'generic',
      k2,
    );
    const k3 = t.gcpApiKey();
    f.s(
      `${ip()} - - [12/Mar/2026:04:14:09 +0000] "GET /maps/api/geocode/json?address=Berlin&key=${k3} HTTP/2.0" 200 1420 "https://app.acme-corp.io/" "Mozilla/5.0"`,
      'gcp',
      k3,
    );
    f.d(
      `${ip()} - - [12/Mar/2026:04:14:10 +0000] "GET /static/app.${t.hex(20)}.js HTTP/2.0" 200 90211 "-" "Mozilla/5.0"`,
      'hashed asset name',
    );
    f.d(
      `${ip()} - - [12/Mar/2026:04:14:11 +0000] "GET /v1/orders?request_id=${reqId()} HTTP/1.1" 200 311 "-" "Go-http-client/1.1"`,
      'request id in query',
    );
    f.d(
      `${ip()} - - [12/Mar/2026:04:14:12 +0000] "GET /oauth/callback?code=[REDACTED]&state=${t.hex(16)} HTTP/1.1" 302 0 "-" "Mozilla/5.0"`,
      'redacted code, state nonce',
    );
  }
  {
    const f = repo.file('ops/incidents/2026-03-outage/apache-access_log', 'access-log');
    const k1 = t.mixed(URLSAFE, 32);
    f.s(
      `${ip()} - admin [12/Mar/2026:05:01:44 +0000] "POST /api/login?user=admin&password=${encodeURIComponent(human())}x${k1} HTTP/1.1" 401 61`,
      'generic',
      k1,
    );
    const u = 'deploy';
    const p2 = pw();
    f.s(
      `${ip()} - - [12/Mar/2026:05:02:10 +0000] "GET https://${u}:${p2}@nexus.internal.acme-corp.io/repository/raw/ HTTP/1.1" 200 0`,
      'generic',
      p2,
    );
    const sig = t.azureSasSig();
    f.s(
      `${ip()} - - [12/Mar/2026:05:02:55 +0000] "GET /backups/db.bak?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2027-01-01T00:00:00Z&sig=${sig} HTTP/1.1" 200 9981221`,
      'azure',
      sig,
    );
    f.d(
      `${ip()} - - [12/Mar/2026:05:03:01 +0000] "GET /api/items?sig=REDACTED&sv=2022-11-02 HTTP/1.1" 403 0`,
      'redacted sas sig',
    );
    f.d(`${ip()} - - [12/Mar/2026:05:03:02 +0000] "GET /s/${t.mixed(ALNUM, 10)} HTTP/1.1" 301 0`, 'short link slug');
    f.d(
      `${ip()} - - [12/Mar/2026:05:03:03 +0000] "GET /api/items?page_token=${b64(JSON.stringify({ offset: 200, limit: 100 }))} HTTP/1.1" 200 1100`,
      'base64 pagination cursor',
    );
  }

  // ---- JSON structured logs -------------------------------------------------------------
  {
    const f = repo.file('services/billing/testdata/logs/billing-2026-04-02.jsonl', 'json-log');
    const j = t.jwt();
    f.s(
      JSON.stringify({
        ts: ts(),
        level: 'debug',
        msg: 'outgoing request',
        method: 'POST',
        url: 'https://ledger.internal/v2/post',
        headers: { Authorization: `Bearer ${j}`, 'Content-Type': 'application/json' },
      }),
      'jwt',
      j,
    );
    const pg = pw();
    f.s(
      JSON.stringify({
        ts: ts(),
        level: 'info',
        msg: 'connecting',
        dsn: `postgres://billing:${pg}@pg-primary.prod.internal:5432/billing?sslmode=require`,
      }),
      'generic',
      pg,
    );
    const sk = t.stripeLive();
    f.s(
      JSON.stringify({ ts: ts(), level: 'error', msg: 'stripe call failed', err: `Invalid API Key provided: ${sk}` }),
      'stripe',
      sk,
    );
    f.d(
      JSON.stringify({
        ts: ts(),
        level: 'debug',
        msg: 'outgoing request',
        headers: { Authorization: 'Bearer ***', 'X-Request-Id': reqId() },
      }),
      'masked bearer, request id',
    );
    f.d(
      JSON.stringify({ ts: ts(), level: 'info', trace_id: t.hex(32), span_id: t.hex(16), msg: 'charge ok' }),
      'trace and span ids',
    );
    f.d(
      JSON.stringify({
        ts: ts(),
        level: 'info',
        msg: 'connecting',
        dsn: 'postgres://billing:[REDACTED]@pg-primary.prod.internal:5432/billing',
      }),
      'redacted dsn',
    );
    f.d(
      JSON.stringify({
        ts: ts(),
        level: 'warn',
        msg: 'stripe key rotated',
        key_fingerprint: `sha256:${t.sha256().slice(0, 16)}`,
        key_hint: 'sk_live_…4f2a',
      }),
      'key fingerprint and hint',
    );
  }
  {
    const f = repo.file('services/gateway/logs/gateway.log', 'json-log');
    const sg = t.sendgrid();
    f.s(
      `{"time":"${ts()}","lvl":"DEBUG","logger":"mailer","event":"request","request":{"headers":{"authorization":"Bearer ${sg}"}}}`,
      'sendgrid',
      sg,
    );
    const xk = t.mixed(ALNUM, 32);
    f.s(
      `{"time":"${ts()}","lvl":"DEBUG","logger":"proxy","upstream":"partner-api","req_headers":{"X-Api-Key":"${xk}","Accept":"*/*"}}`,
      'generic',
      xk,
    );
    const basic = `svc-gateway:${pw()}`;
    f.s(
      `{"time":"${ts()}","lvl":"TRACE","logger":"proxy","req_headers":{"Authorization":"Basic ${b64(basic)}"}}`,
      'generic',
      basic.split(':')[1],
    );
    f.d(
      `{"time":"${ts()}","lvl":"INFO","logger":"proxy","session_id":"${sessionId()}","user":"u_${t.digits(7)}"}`,
      'session id',
    );
    f.d(`{"time":"${ts()}","lvl":"INFO","logger":"proxy","etag":${JSON.stringify(etag())},"cache":"HIT"}`, 'etag');
    f.d(`{"time":"${ts()}","lvl":"INFO","logger":"proxy","traceparent":"${traceparent()}"}`, 'w3c traceparent');
  }
  {
    const f = repo.file('tools/logshipper/fixtures/logfmt.txt', 'logfmt');
    const rd = pw();
    f.s(`time=${ts()} level=debug msg="redis dial" addr=redis://:${rd}@cache.prod.internal:6379/0`, 'generic', rd);
    const ak = t.awsId();
    const as = t.awsSecret();
    f.s(
      `time=${ts()} level=debug msg="aws creds loaded" source=env access_key_id=${ak} secret_access_key=${as}`,
      'aws',
      as,
    );
    f.d(
      `time=${ts()} level=info msg="aws creds loaded" source=imds access_key_id=ASIA**************** expires=${ts()}`,
      'masked aws key',
    );
    f.d(`time=${ts()} level=info msg="request done" req_id=${t.uuid()} dur=12ms status=200`, 'uuid request id');
  }

  // ---- stack traces ---------------------------------------------------------------------
  {
    const f = repo.file('docs/troubleshooting/java-startup-failure.txt', 'stacktrace');
    f.l("org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'dataSource'");
    const p = pw();
    f.s(
      `Caused by: org.postgresql.util.PSQLException: FATAL: password authentication failed for user "orders" (url=jdbc:postgresql://db.prod:5432/orders?user=orders&password=${p})`,
      'generic',
      p,
    );
    f.l(
      '\tat org.postgresql.core.v3.ConnectionFactoryImpl.doAuthentication(ConnectionFactoryImpl.java:693)',
      '\tat com.zaxxer.hikari.pool.HikariPool.checkFailFast(HikariPool.java:560)',
    );
    const p2 = pw();
    f.s(
      `DataSourceProperties{url='jdbc:mysql://mysql-02:3306/app', username='app', password='${p2}', driverClassName='com.mysql.cj.jdbc.Driver'}`,
      'generic',
      p2,
    );
    f.d(
      `HikariConfig{jdbcUrl=jdbc:postgresql://db.prod:5432/orders, username=orders, password=<masked>, poolName=HikariPool-1}`,
      'masked password',
    );
    f.d(`\tat com.acme.orders.OrderService$$EnhancerBySpringCGLIB$$${t.hex(8)}.place(<generated>)`, 'cglib class hash');
  }
  {
    const f = repo.file('services/etl/bugreports/traceback-1123.txt', 'stacktrace');
    f.l(
      'Traceback (most recent call last):',
      '  File "/app/etl/load.py", line 88, in main',
      '    engine = create_engine(settings.DATABASE_URL)',
    );
    const p = pw();
    f.s(
      `sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) connection to server failed [SQL: None] (Background on this error at: https://sqlalche.me/e/20/e3q8) url=postgresql+psycopg2://etl:${p}@warehouse.prod:5432/dwh`,
      'generic',
      p,
    );
    const key = t.openai();
    f.s(
      `openai.AuthenticationError: Error code: 401 - {'error': {'message': 'Incorrect API key provided: ${key}.', 'type': 'invalid_request_error'}}`,
      'openai',
      key,
    );
    const sec = t.mixed(URLSAFE, 40);
    f.s(`  locals: settings=Settings(env='prod', debug=False, secret_key='${sec}', sentry_dsn=None)`, 'generic', sec);
    f.d(
      `openai.AuthenticationError: Error code: 401 - Incorrect API key provided: sk-proj-********************${t.alnum(4)}.`,
      'openai masked in error',
    );
    f.d(`  locals: settings=Settings(env='prod', secret_key=SecretStr('**********'))`, 'pydantic SecretStr');
  }
  {
    const f = repo.file('services/edge/crash/panic-2026-05-01.log', 'stacktrace');
    f.l(
      'panic: runtime error: invalid memory address or nil pointer dereference',
      '[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x6f8a3c]',
      '',
      'goroutine 1 [running]:',
    );
    const p = pw();
    f.s(
      `main.(*Config).Connect(0xc0001a4000, {0xc000128000, 0x3f}) cfg=&{Addr:mongo-0.prod:27017 User:edge Password:${p} TLS:true}`,
      'generic',
      p,
    );
    const gh = t.github();
    f.s(`main.fetchRelease(...) token="${gh}" repo="acme/edge"`, 'github', gh);
    f.l('\t/src/edge/main.go:142 +0x3c');
    f.d(`created by main.main in goroutine 1 build_id=${t.sha1()}`, 'build id');
    f.d('main.(*Config).Connect cfg=&{Addr:mongo-0.prod:27017 User:edge Password:REDACTED TLS:true}', 'redacted');
  }
  {
    const f = repo.file('services/portal/logs/dotnet-exception.txt', 'stacktrace');
    f.l("Unhandled exception. System.Data.SqlClient.SqlException (0x80131904): Login failed for user 'portal'.");
    const p = pw();
    f.s(
      `   ConnectionString: Server=tcp:portal-sql.database.windows.net,1433;Initial Catalog=portal;User ID=portal;Password=${p};Encrypt=True;`,
      'generic',
      p,
    );
    const ak = t.azureStorageKey();
    f.s(
      `   at Portal.Blob.Init(String cs="DefaultEndpointsProtocol=https;AccountName=portalblob;AccountKey=${ak};EndpointSuffix=core.windows.net")`,
      'azure',
      ak,
    );
    f.l('   at System.Data.SqlClient.SqlInternalConnectionTds..ctor(DbConnectionPoolIdentity identity)');
    f.d(`ClientConnectionId:${t.uuid()}`, 'connection id');
    f.d(
      '   ConnectionString: Server=tcp:portal-sql.database.windows.net,1433;User ID=portal;Password=******;',
      'masked',
    );
  }

  // ---- curl -v / wget --debug -----------------------------------------------------------
  {
    const f = repo.file('docs/debugging/curl-verbose-upload.txt', 'curl');
    f.l(
      '$ curl -v https://api.acme-corp.io/v2/upload',
      '*   Trying 203.0.113.10:443...',
      '* Connected to api.acme-corp.io (203.0.113.10) port 443',
      '> POST /v2/upload HTTP/2',
      '> Host: api.acme-corp.io',
      '> User-Agent: curl/8.5.0',
    );
    const tok = t.gitlab();
    f.s(`> PRIVATE-TOKEN: ${tok}`, 'gitlab', tok);
    const bt = t.mixed(URLSAFE, 48);
    f.s(`> authorization: Bearer ${bt}`, 'generic', bt);
    f.l('> accept: */*', '>', '< HTTP/2 201');
    f.d(`< etag: ${etag()}`, 'etag');
    f.d(`< x-request-id: ${reqId()}`, 'request id');
    f.d(
      `< set-cookie: __cf_bm=${t.mixed(URLSAFE, 43)}-${Math.floor(rand() * 1e10)}-1.0.1.1; path=/; HttpOnly`,
      'cloudflare bot cookie',
    );
    f.d(`< strict-transport-security: max-age=31536000`, 'plain header');
  }
  {
    const f = repo.file('scripts/notes/curl-basic-auth.md', 'curl');
    f.l('# Registry debug session', '', '```');
    const up = `ci-bot:${pw()}`;
    f.s(`> Authorization: Basic ${b64(up)}`, 'generic', up.split(':')[1]);
    const np = t.npm();
    f.s(`> Authorization: Bearer ${np}`, 'npm', np);
    f.d('> Authorization: Basic ********', 'masked basic');
    f.d(`< docker-content-digest: sha256:${t.sha256()}`, 'digest');
    f.l('```');
  }
  {
    const f = repo.file('ops/incidents/wget-debug.log', 'wget');
    f.l(
      'Setting --debug (debug) to 1',
      'DEBUG output created by Wget 1.21.4 on linux-gnu.',
      '---request begin---',
      'GET /artifacts/build.tar.gz HTTP/1.1',
      'Host: artifacts.acme-corp.io',
    );
    const up = `jenkins:${human()}`;
    f.s(`Authorization: Basic ${b64(up)}`, 'generic', up.split(':')[1]);
    const k = t.mixed(ALNUM, 36);
    f.s(`X-JFrog-Art-Api: ${k}`, 'generic', k);
    f.l('---request end---', '---response begin---', 'HTTP/1.1 200 OK');
    f.d(`ETag: ${etag()}`, 'etag');
    f.d(`X-Checksum-Sha1: ${t.sha1()}`, 'sha1 checksum');
    f.d(`X-Checksum-Sha256: ${t.sha256()}`, 'sha256 checksum');
  }

  // ---- HAR ------------------------------------------------------------------------------
  {
    const f = repo.file('qa/recordings/checkout-flow.har', 'har');
    f.l(
      '{',
      '  "log": {',
      '    "version": "1.2",',
      '    "creator": { "name": "WebInspector", "version": "537.36" },',
      '    "entries": [',
      '      {',
      '        "request": {',
      '          "method": "POST",',
      '          "url": "https://shop.acme-corp.io/api/cart",',
      '          "headers": [',
    );
    const ck = t.mixed(URLSAFE, 64);
    f.s(`            { "name": "Cookie", "value": "remember_token=${ck}; theme=dark" },`, 'generic', ck);
    const j = t.jwt();
    f.s(`            { "name": "authorization", "value": "Bearer ${j}" },`, 'jwt', j);
    f.d(`            { "name": "x-csrf-token", "value": "${t.mixed(URLSAFE, 43)}" },`, 'csrf token');
    f.d(`            { "name": "x-amzn-trace-id", "value": "Root=1-${t.hex(8)}-${t.hex(24)}" },`, 'aws trace id');
    f.l('            { "name": "accept", "value": "application/json" }', '          ],');
    const pk = t.stripeLive().replace('sk_live_', 'pk_live_');
    f.d(
      `          "postData": { "mimeType": "application/json", "text": "{\\"publishable_key\\":\\"${pk}\\"}" }`,
      'stripe publishable key',
    );
    f.l('        },', '        "response": {', '          "status": 200,', '          "headers": [');
    f.d(`            { "name": "etag", "value": "W/${etag().slice(1, -1)}" }`, 'weak etag');
    f.l('          ],', '          "content": {');
    const rt = t.mixed(URLSAFE, 86);
    f.s(
      `            "text": "{\\"access_token\\":\\"${t.mixed(URLSAFE, 20)}\\",\\"refresh_token\\":\\"${rt}\\",\\"token_type\\":\\"bearer\\"}"`,
      'generic',
      rt,
    );
    f.l('          }', '        }', '      }', '    ]', '  }', '}');
  }
  {
    const f = repo.file('qa/recordings/admin-login.har', 'har');
    f.l('{"log":{"version":"1.2","entries":[{"request":{"method":"POST","url":"https://admin.acme-corp.io/session",');
    const p = human();
    f.s(
      `"postData":{"mimeType":"application/x-www-form-urlencoded","params":[{"name":"email","value":"ops@acme-corp.io"},{"name":"password","value":"${p}"}]},`,
      'generic',
      p,
    );
    f.d(
      `"headers":[{"name":"x-datadog-trace-id","value":"${t.digits(19)}"},{"name":"x-b3-traceid","value":"${t.hex(16)}"}]`,
      'trace ids',
    );
    f.d(
      `"cookies":[{"name":"_ga","value":"GA1.1.${t.digits(10)}.${t.digits(10)}"},{"name":"JSESSIONID","value":"${t.hex(32).toUpperCase()}"}]`,
      'analytics/session cookie',
    );
    f.l('},"response":{"status":302}}]}}');
  }

  // ---- Postman / Insomnia / Bruno / HTTPie ----------------------------------------------
  {
    const f = repo.file('api-clients/postman/Partner.postman_environment.json', 'postman');
    f.l('{', `  "id": "${t.uuid()}",`, '  "name": "Partner PROD",', '  "values": [');
    f.l('    { "key": "baseUrl", "value": "https://partner.acme-corp.io", "enabled": true },');
    const k = t.mixed(ALNUM, 40);
    f.s(`    { "key": "apiKey", "value": "${k}", "type": "secret", "enabled": true },`, 'generic', k);
    const cs = t.mixed(URLSAFE, 48);
    f.s(`    { "key": "client_secret", "value": "${cs}", "type": "default", "enabled": true },`, 'generic', cs);
    f.d(`    { "key": "client_id", "value": "${t.uuid()}", "enabled": true },`, 'client id');
    f.d('    { "key": "token", "value": "{{accessToken}}", "enabled": true },', 'variable ref');
    f.l('  ],', '  "_postman_variable_scope": "environment"', '}');
  }
  {
    const f = repo.file('api-clients/postman/Ops.postman_collection.json', 'postman');
    f.l(
      '{',
      '  "info": { "name": "Ops", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },',
      '  "auth": {',
      '    "type": "bearer",',
      '    "bearer": [',
    );
    const dd = t.ddApi();
    f.s(['      {', `        "key": "token", "value": "${dd}", "type": "string"`, '      }'], 'generic', dd);
    f.l('    ]', '  },', '  "item": [', '    { "name": "list monitors", "request": { "method": "GET", "header": [');
    const sl = t.slackBot();
    f.s(`      { "key": "Authorization", "value": "Bearer ${sl}" }`, 'slack', sl);
    f.d(`      ,{ "key": "X-Correlation-Id", "value": "${t.uuid()}" }`, 'correlation id');
    f.l('    ], "url": "https://api.datadoghq.com/api/v1/monitor" } }', '  ]', '}');
  }
  {
    const f = repo.file('api-clients/insomnia/export.yaml', 'insomnia');
    f.l(
      '_type: export',
      '__export_format: 4',
      'resources:',
      '  - _id: env_base',
      '    _type: environment',
      '    data:',
      '      base_url: https://api.acme-corp.io',
    );
    const k = shopifyTok();
    f.s(`      shopify_token: ${k}`, 'shopify', k);
    const pw2 = pw();
    f.s(`      db_password: "${pw2}"`, 'generic', pw2);
    f.d('      api_key: "{{ _.vault_api_key }}"', 'template ref');
    f.d(`      _id: req_${t.hex(32)}`, 'insomnia id');
  }
  {
    const f = repo.file('api-clients/bruno/environments/prod.bru', 'bruno');
    f.l('vars {', '  host: https://api.acme-corp.io');
    const k = t.mixed(ALNUM, 32);
    f.s(`  apiToken: ${k}`, 'generic', k);
    f.l('  tenant: acme', '}', 'vars:secret [', '  clientSecret', ']');
    const f2 = repo.file('api-clients/bruno/orders/create.bru', 'bruno');
    f2.l(
      'meta {',
      '  name: create order',
      '  type: http',
      '}',
      '',
      'post {',
      '  url: {{host}}/orders',
      '}',
      '',
      'auth:bearer {',
    );
    const bt = t.mixed(URLSAFE, 44);
    f2.s(`  token: ${bt}`, 'generic', bt);
    f2.l('}', '', 'headers {');
    f2.d(`  Idempotency-Key: ${t.uuid()}`, 'idempotency key');
    f2.l('}');
  }
  {
    const f = repo.file('.httpie/sessions/api.acme-corp.io/prod.json', 'httpie');
    f.l(
      '{',
      '  "__meta__": { "about": "HTTPie session file", "httpie": "3.2.2" },',
      '  "auth": {',
      '    "type": "basic",',
    );
    const p = pw();
    f.s(['    "raw_auth": null,', `    "password": "${p}",`, '    "username": "ops"'], 'generic', p);
    f.l('  },', '  "cookies": [');
    const sc = t.mixed(URLSAFE, 40);
    f.s(
      `    { "name": "sessionid", "value": "${sc}", "domain": "api.acme-corp.io", "expires": null, "secure": true },`,
      'generic',
      sc,
    );
    f.d(`    { "name": "csrftoken", "value": "${t.mixed(ALNUM, 32)}", "domain": "api.acme-corp.io" }`, 'csrf cookie');
    f.l('  ],', '  "headers": {');
    const dop = t.digitalocean();
    f.s(`    "Authorization": "Bearer ${dop}"`, 'digitalocean', dop);
    f.l('  }', '}');
  }

  // ---- shell histories ------------------------------------------------------------------
  {
    const f = repo.file('home/ops/.bash_history', 'history');
    f.l('ls -la', 'cd infra/terraform', 'terraform plan');
    const gh = t.github();
    f.s(`export GITHUB_TOKEN=${gh}`, 'github', gh);
    const p = human();
    f.s(`mysql -h db.prod.internal -u root -p'${p}' -e 'show databases'`, 'generic', p);
    const ak = t.awsId(),
      as = t.awsSecret();
    f.s(`AWS_ACCESS_KEY_ID=${ak} AWS_SECRET_ACCESS_KEY=${as} aws s3 ls s3://acme-backups`, 'aws', as);
    const dp = `dckr_pat_${t.mixed(URLSAFE, 27)}`;
    f.s(`echo ${dp} | docker login -u acmeci --password-stdin`, 'docker', dp);
    f.d('export GITHUB_TOKEN=$(gh auth token)', 'command substitution');
    f.d(`git checkout ${t.sha1()}`, 'commit sha');
    f.d('vault kv get -field=password secret/db/prod', 'vault reference');
    f.l('history -c');
  }
  {
    const f = repo.file('home/dev/.zsh_history', 'history');
    const hv = hvs();
    f.s(`: 1764547201:0;export VAULT_TOKEN=${hv}`, 'vault', hv);
    const p = pw();
    f.s(`: 1764547260:0;psql "postgresql://admin:${p}@10.0.4.12:5432/app"`, 'generic', p);
    const tg = t.mixed(URLSAFE, 40);
    f.s(`: 1764547301:0;curl -H "X-Auth-Token: ${tg}" https://registry.internal/v2/_catalog`, 'generic', tg);
    f.d(`: 1764547350:0;docker pull ghcr.io/acme/api@sha256:${t.sha256()}`, 'image digest');
    f.d(': 1764547390:0;export OPENAI_API_KEY=sk-...', 'placeholder');
  }
  {
    const f = repo.file(
      'home/win/AppData/Roaming/Microsoft/Windows/PowerShell/PSReadLine/ConsoleHost_history.txt',
      'history',
    );
    f.l('Get-ChildItem', 'Import-Module Az');
    const p = human();
    f.s(
      `$cred = New-Object PSCredential('ACME\\svc-sql', (ConvertTo-SecureString '${p}' -AsPlainText -Force))`,
      'generic',
      p,
    );
    const cs = t.azureClientSecret();
    f.s(`az login --service-principal -u ${t.uuid()} -p "${cs}" --tenant ${t.uuid()}`, 'azure', cs);
    const k = t.mixed(ALNUM, 32);
    f.s(`$env:NUGET_API_KEY = "oy2${k.toLowerCase().slice(0, 43)}"`, 'generic', `oy2${k.toLowerCase().slice(0, 43)}`);
    f.d('$pw = Read-Host -AsSecureString', 'prompt');
    f.d(`Get-FileHash .\\setup.exe  # ${t.sha256().toUpperCase()}`, 'file hash');
  }

  // ---- CI logs --------------------------------------------------------------------------
  {
    const f = repo.file('ci/logs/build-4411.log', 'ci-log');
    f.l('2026-04-01T10:00:01.1Z ##[group]Run ./scripts/deploy.sh', '2026-04-01T10:00:01.2Z + set -x');
    const np = t.npm();
    f.s(`2026-04-01T10:00:01.3Z + echo //registry.npmjs.org/:_authToken=${np}`, 'npm', np);
    const hk = t.heroku();
    f.s(`2026-04-01T10:00:01.4Z + HEROKU_API_KEY=${hk} heroku container:release web -a acme-prod`, 'heroku', hk);
    f.d('2026-04-01T10:00:01.5Z + docker login -u ci -p *** ghcr.io', 'masked by runner');
    f.d(`2026-04-01T10:00:01.6Z Digest: sha256:${t.sha256()}`, 'digest');
    f.d(`2026-04-01T10:00:01.7Z Job ID: ${t.uuid()}`, 'job id');
  }
  {
    const f = repo.file('ci/logs/gitlab-job-99812.txt', 'ci-log');
    f.l('Running with gitlab-runner 16.9.0 (e3a1b2c4)', '$ env | sort');
    const rt = glrt();
    f.s(`CI_RUNNER_TOKEN=${rt}`, 'gitlab', rt);
    const pp = pw();
    f.s(`DEPLOY_PASSWORD=${pp}`, 'generic', pp);
    f.d('CI_JOB_TOKEN=[MASKED]', 'masked');
    f.d(`CI_COMMIT_SHA=${t.sha1()}`, 'commit sha');
    f.d(`CI_PIPELINE_ID=${t.digits(9)}`, 'pipeline id');
    const tf = `${t.mixed(ALNUM, 14)}.atlasv1.${t.mixed(URLSAFE, 67)}`;
    f.s(`TF_TOKEN_app_terraform_io=${tf}`, 'terraform', tf);
  }

  // ---- Terraform output -----------------------------------------------------------------
  {
    const f = repo.file('infra/plans/prod-plan.txt', 'terraform');
    f.l(
      'Terraform will perform the following actions:',
      '',
      '  # aws_db_instance.main will be updated in-place',
      '  ~ resource "aws_db_instance" "main" {',
    );
    const p = pw();
    f.s(`      ~ password = "${t.mixed(ALNUM, 12)}" -> "${p}"`, 'generic', p);
    f.d('      ~ master_password = (sensitive value)', 'sensitive');
    f.d(`        id       = "db-${t.mixed(ALNUM, 26).toUpperCase()}"`, 'resource id');
    f.l('    }', '', '  # random_password.api will be created', '  + resource "random_password" "api" {');
    f.d('      + result = (sensitive value)', 'sensitive');
    f.l('    }', '', 'Outputs:', '');
    const k = t.mixed(URLSAFE, 40);
    f.s(`api_signing_key = "${k}"`, 'generic', k);
    f.d('db_password = <sensitive>', 'sensitive output');
    f.d(`kms_key_arn = "arn:aws:kms:eu-west-1:${t.digits(12)}:key/${t.uuid()}"`, 'arn');
  }
  {
    const f = repo.file('infra/plans/apply-output.log', 'terraform');
    const sec = t.awsSecret();
    f.s(
      `aws_iam_access_key.ci: Creation complete after 1s [id=${t.awsId()}]\n\nOutputs:\n\nci_secret = "${sec}"`,
      'aws',
      sec,
    );
    f.d(`aws_instance.web: Modifications complete after 2s [id=i-${t.hex(17)}]`, 'instance id');
  }

  // ---- kubectl / helm -------------------------------------------------------------------
  {
    const f = repo.file('docs/issues/ISSUE-231-pods-crashloop.md', 'kubectl');
    f.l(
      '## kubectl describe pod',
      '',
      '```',
      'Name:         api-7d9f8b-x2k4q',
      'Namespace:    prod',
      'Containers:',
      '  api:',
      '    Environment:',
    );
    const p = pw();
    f.s(`      DATABASE_PASSWORD:  ${p}`, 'generic', p);
    f.d("      REDIS_PASSWORD:     <set to the key 'password' in secret 'redis'>  Optional: false", 'secret ref');
    f.d(`    Image ID:       docker.io/acme/api@sha256:${t.sha256()}`, 'image id');
    f.d(`    Container ID:   containerd://${t.sha256()}`, 'container id');
    f.l('```', '', '## kubectl get secret -o yaml', '', '```yaml', 'data:');
    const tok = t.mixed(ALNUM, 32);
    f.s(`  api-token: ${b64(tok)}`, 'generic', tok);
    f.d(`  ca.crt: ${b64('-----BEGIN CERTIFICATE-----\nMIIC' + t.mixed(B64, 40))}`, 'ca cert');
    f.l('```');
  }
  {
    const f = repo.file('docs/issues/ISSUE-244-helm-values.md', 'helm');
    f.l('Output of `helm get values grafana -n monitoring`:', '', '```', 'USER-SUPPLIED VALUES:', 'adminUser: admin');
    const p = human();
    f.s(`adminPassword: ${p}`, 'generic', p);
    f.l('grafana.ini:', '  auth.generic_oauth:');
    const cs = t.mixed(URLSAFE, 40);
    f.s(`    client_secret: ${cs}`, 'generic', cs);
    f.d(`    client_id: ${t.mixed(ALNUM, 20)}.apps.acme-corp.io`, 'client id');
    f.d('  existingSecret: grafana-admin', 'secret ref');
    f.l('```');
  }

  // ---- Jupyter --------------------------------------------------------------------------
  {
    const f = repo.file('notebooks/explore-sales.ipynb', 'notebook');
    f.l(
      '{',
      ' "cells": [',
      '  {',
      '   "cell_type": "code",',
      '   "execution_count": 3,',
      '   "metadata": {},',
      '   "outputs": [',
      '    {',
      '     "name": "stdout",',
      '     "output_type": "stream",',
      '     "text": [',
    );
    const sf = pw();
    f.s(`      "snowflake://analyst:${sf}@acme-xy12345.eu-west-1/SALES/PUBLIC\\n",`, 'generic', sf);
    const hf = `hf_${t.mixed(ALNUM, 34)}`;
    f.s(`      "HF token in use: ${hf}\\n"`, 'huggingface', hf);
    f.l('     ]', '    },', '    {', '     "data": { "text/plain": [');
    const ant = t.anthropic();
    f.s(`      "{'api_key': '${ant}', 'model': 'claude'}"`, 'anthropic', ant);
    f.l('     ] },', '     "output_type": "execute_result"', '    }', '   ],', '   "source": [');
    f.d('    "import os\\n", "key = os.environ[\\"ANTHROPIC_API_KEY\\"]\\n", "print(cfg)"', 'env read');
    f.l('   ]', '  }', ' ],');
    f.d(` "metadata": { "widgets": { "state": { "model_id": "${t.hex(32)}" } } },`, 'widget id');
    f.l(' "nbformat": 4,', ' "nbformat_minor": 5', '}');
  }

  // ---- crash reports / core dump --------------------------------------------------------
  {
    const f = repo.file('bugreports/sentry-event-8812.json', 'crash');
    f.l('{');
    f.d(`  "event_id": "${t.hex(32)}",`, 'event id');
    f.l(
      '  "exception": { "values": [ { "type": "KeyError", "value": "missing tenant" } ] },',
      '  "request": {',
      '    "headers": {',
    );
    const ck = t.mixed(URLSAFE, 40);
    f.s(`      "Cookie": "sessionid=abc; api_session_token=${ck}",`, 'generic', ck);
    f.d('      "Authorization": "[Filtered]",', 'filtered');
    f.l('      "Accept": "text/html"', '    },', '    "env": {');
    const ms = t.mixed(URLSAFE, 50);
    f.s(`      "DJANGO_SECRET_KEY": "${ms}",`, 'generic', ms);
    f.d(`      "SERVER_NAME": "web-${t.hex(8)}"`, 'host');
    f.l('    }', '  }', '}');
  }
  {
    const f = repo.file('bugreports/core-excerpt.txt', 'crash');
    f.l('(gdb) x/8s 0x7ffd3c2a1000');
    const p = pw();
    f.s(`0x7ffd3c2a1000: "AMQP_URL=amqp://worker:${p}@rabbit.prod:5672/%2f"`, 'generic', p);
    const sk = t.stripeLive();
    f.s(`0x7ffd3c2a1040: "STRIPE_SECRET=${sk}"`, 'stripe', sk);
    f.d(`0x7ffd3c2a1080: "HOSTNAME=worker-${t.hex(10)}"`, 'hostname');
    f.d(`0x7ffd3c2a10c0: "BUILD_SHA=${t.sha1()}"`, 'build sha');
  }

  // ---- debug prints in code -------------------------------------------------------------
  {
    const f = repo.file('services/billing/src/debug_dump.txt', 'debug');
    const tw = t.twilioToken();
    f.s(`DEBUG twilio client init sid=${t.twilioSid()} auth_token=${tw}`, 'twilio', tw);
    const mg = mailgun();
    f.s(`DEBUG mailgun: using key ${mg}`, 'mailgun', mg);
    f.d(`DEBUG twilio message sid=SM${t.hex(32)}`, 'message sid');
  }
  {
    const f = repo.file('services/api/tests/test_debug_output.txt', 'debug');
    f.l('=================== captured stdout ===================');
    const cf = t.mixed(URLSAFE, 40);
    f.s(`settings: {'CLOUDFLARE_API_TOKEN': '${cf}', 'ZONE': 'acme-corp.io'}`, 'cloudflare', cf);
    f.d(`settings: {'ZONE_ID': '${t.hex(32)}', 'ACCOUNT_ID': '${t.hex(32)}'}`, 'cloudflare ids');
  }

  // ---- test snapshots -------------------------------------------------------------------
  {
    const f = repo.file('packages/sdk/src/__snapshots__/client.test.ts.snap', 'snapshot');
    f.l(
      '// Jest Snapshot v1, https://goo.gl/fbAQLP',
      '',
      'exports[`client sends auth header 1`] = `',
      'Object {',
      '  "headers": Object {',
    );
    const k = t.mixed(ALNUM, 40);
    f.s(`    "x-api-key": "live_${k}",`, 'generic', `live_${k}`);
    f.l('    "content-type": "application/json",', '  },', '  "method": "POST",', '}', '`;', '');
    f.l('exports[`client signs request 1`] = `', 'Object {');
    f.d(`  "signature": "sha256=${t.sha256()}",`, 'hmac signature of a fixture body');
    f.d(`  "nonce": "${t.hex(24)}",`, 'nonce');
    f.d('  "token": "test-token",', 'test placeholder');
    f.l('}', '`;');
  }
  {
    const f = repo.file('packages/sdk/src/__snapshots__/auth.test.js.snap', 'snapshot');
    f.l('exports[`oauth exchange 1`] = `');
    const at = t.mixed(URLSAFE, 64);
    f.s(`"grant_type=client_credentials&client_id=sdk&client_secret=${at}"`, 'generic', at);
    f.l('`;');
    f.d('exports[`masks secrets 1`] = `"Authorization: Bearer [REDACTED]"`;', 'redacted');
  }

  // ---- VCR cassettes --------------------------------------------------------------------
  {
    const f = repo.file('services/integrations/spec/cassettes/github_create_issue.yml', 'vcr');
    f.l(
      '---',
      'http_interactions:',
      '- request:',
      '    method: post',
      '    uri: https://api.github.com/repos/acme/app/issues',
      '    headers:',
      '      Accept:',
      '      - application/vnd.github+json',
      '      Authorization:',
    );
    const gh = t.github();
    f.s(`      - token ${gh}`, 'github', gh);
    f.l('  response:', '    status:', '      code: 201', '    headers:', '      X-Github-Request-Id:');
    f.d(
      `      - ${t.hex(4).toUpperCase()}:${t.hex(6).toUpperCase()}:${t.hex(7).toUpperCase()}:${t.hex(7).toUpperCase()}:${t.hex(8).toUpperCase()}`,
      'github request id',
    );
    f.l('      Etag:');
    f.d(`      - W/${etag()}`, 'etag');
    f.l('  recorded_at: Tue, 01 Apr 2026 10:00:00 GMT', 'recorded_with: VCR 6.2.0');
  }
  {
    const f = repo.file('tests/cassettes/test_slack_post.yaml', 'vcr');
    f.l('interactions:', '- request:', '    body: \'{"channel": "#ops", "text": "deploy done"}\'', '    headers:');
    const sl = t.slackBot();
    f.s(['      authorization:', `      - Bearer ${sl}`], 'slack', sl);
    f.l('    method: POST', '    uri: https://slack.com/api/chat.postMessage', '  response:', '    headers:');
    f.d(`      x-slack-req-id: [${t.hex(32)}]`, 'slack req id');
    f.l('version: 1');
  }
  {
    const f = repo.file('tests/cassettes/stripe_refund.json', 'vcr');
    const sk = t.stripeLive();
    f.l('{ "http_interactions": [ { "request": {');
    f.s(
      `  "method": "post", "uri": "https://api.stripe.com/v1/refunds", "headers": { "Authorization": ["Bearer ${sk}"] } },`,
      'stripe',
      sk,
    );
    f.d(
      `  "response": { "headers": { "Request-Id": ["req_${t.mixed(ALNUM, 14)}"], "Idempotency-Key": ["${t.uuid()}"] } } } ] }`,
      'stripe request id',
    );
  }
  {
    const f = repo.file('pkg/client/testdata/fixtures/aws_sts.yaml', 'vcr');
    f.l(
      '---',
      'version: 2',
      'interactions:',
      '    - id: 0',
      '      request:',
      '        headers:',
      '            Authorization:',
    );
    const ak = t.awsId();
    f.d(
      `                - AWS4-HMAC-SHA256 Credential=${ak}/20260401/us-east-1/sts/aws4_request, SignedHeaders=host;x-amz-date, Signature=${t.sha256()}`,
      'sigv4 signature (derived, key id only)',
    );
    f.l('      response:', '        body: |');
    const sess = t.awsSecret();
    f.s(
      `            <Credentials><AccessKeyId>ASIA${t.mixed('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}</AccessKeyId><SecretAccessKey>${sess}</SecretAccessKey></Credentials>`,
      'aws',
      sess,
    );
  }

  // ---- mitmproxy / Charles --------------------------------------------------------------
  {
    const f = repo.file('qa/proxy/mitmdump-mobile.txt', 'mitmproxy');
    f.l(
      '192.168.1.20:51234: GET https://mobile-api.acme-corp.io/v3/feed',
      '    Host: mobile-api.acme-corp.io',
      '    User-Agent: AcmeApp/5.1 (iOS 17.4)',
    );
    const tk = t.mixed(URLSAFE, 52);
    f.s(`    X-Auth-Token: ${tk}`, 'generic', tk);
    f.d(`    X-Device-Id: ${t.uuid().toUpperCase()}`, 'device id');
    f.l(' << 200 OK 4.1k');
    const fb = `${t.digits(10)}:AA${t.mixed(URLSAFE, 33)}`;
    f.s(`192.168.1.20:51240: POST https://api.telegram.org/bot${fb}/sendMessage`, 'telegram', fb);
  }
  {
    const f = repo.file('qa/proxy/charles-session.chlsj', 'charles');
    f.l(
      '[{"status":"COMPLETE","method":"POST","protocolVersion":"HTTP/1.1","scheme":"https","host":"auth.acme-corp.io","path":"/oauth/token",',
    );
    const cs = t.mixed(URLSAFE, 40);
    f.s(
      `"request":{"header":{"headers":[{"name":"Authorization","value":"Basic ${b64(`mobile-app:${cs}`)}"}]},`,
      'generic',
      cs,
    );
    f.d(`"body":{"text":"grant_type=password&username=qa%40acme-corp.io&password=%2A%2A%2A%2A"}},`, 'masked password');
    f.d(
      `"response":{"header":{"headers":[{"name":"X-Amz-Cf-Id","value":"${t.mixed(URLSAFE, 56)}=="}]}}}]`,
      'cloudfront id',
    );
  }

  // ---- email dumps ----------------------------------------------------------------------
  {
    const f = repo.file('ops/mail/smtp-debug-session.txt', 'smtp');
    f.l('S: 220 smtp.acme-corp.io ESMTP Postfix', 'C: EHLO build-agent-03', 'S: 250-AUTH PLAIN LOGIN');
    const p = pw();
    f.s(`C: AUTH PLAIN ${b64(`\0alerts@acme-corp.io\0${p}`)}`, 'generic', p);
    f.l('S: 235 2.7.0 Authentication successful', 'C: AUTH LOGIN', 'S: 334 VXNlcm5hbWU6');
    f.d(`C: ${b64('reports@acme-corp.io')}`, 'base64 username');
    f.l('S: 334 UGFzc3dvcmQ6');
    const p2 = human();
    f.s(`C: ${b64(p2)}`, 'generic', p2);
    f.d(`S: 250 2.0.0 Ok: queued as ${t.hex(10).toUpperCase()}`, 'queue id');
  }
  {
    const f = repo.file('ops/mail/bounced-welcome.eml', 'eml');
    f.l('Return-Path: <noreply@acme-corp.io>', 'Received: from mail.acme-corp.io (mail.acme-corp.io [203.0.113.5])');
    f.d(`Message-ID: <${t.hex(24)}@mail.acme-corp.io>`, 'message id');
    f.d(
      `DKIM-Signature: v=1; a=rsa-sha256; d=acme-corp.io; s=s1; bh=${t.mixed(B64, 43)}=; b=${t.mixed(B64, 86)}`,
      'dkim signature',
    );
    f.l('Subject: Your API credentials', 'Content-Type: text/plain; charset=utf-8', '', 'Hello,', '');
    const k = t.mixed(ALNUM, 40);
    f.s(`Your API secret is: ${k}`, 'generic', k);
    f.d(`Your client id is: ${t.uuid()}`, 'client id');
    f.l('Keep it safe.');
  }

  // ---- recorded HTML page ---------------------------------------------------------------
  {
    const f = repo.file('qa/recordings/login-page.html', 'html');
    f.l('<form method="post" action="/login">');
    f.d(`  <input type="hidden" name="authenticity_token" value="${t.mixed(B64, 86)}==">`, 'csrf token');
    f.d(`  <input type="hidden" name="csrfmiddlewaretoken" value="${t.mixed(ALNUM, 64)}">`, 'csrf token');
    f.l('  <input name="email"><input name="password" type="password">', '</form>');
    f.d(`<script src="/assets/app.js" integrity="sha384-${t.mixed(B64, 64)}"></script>`, 'SRI hash');
    f.d(`<meta name="google-site-verification" content="${t.mixed(URLSAFE, 43)}">`, 'site verification');
  }

  // ---- misc logs with public keys and decoys --------------------------------------------
  {
    const f = repo.file('ops/incidents/ssh-debug.log', 'ssh-log');
    f.l('debug1: Connecting to bastion.acme-corp.io [203.0.113.9] port 22.');
    f.d(`debug1: Server host key: ssh-ed25519 SHA256:${t.mixed(B64, 43)}`, 'host key fingerprint');
    f.d(`debug1: Offering public key: /home/ops/.ssh/id_ed25519 ED25519 SHA256:${t.mixed(B64, 43)}`, 'key fingerprint');
    f.d(`ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${t.mixed(B64, 43)} ops@laptop`, 'public key');
    f.l('debug1: Authentication succeeded (publickey).');
    const k = t.opensshPem();
    f.s(k, 'private-key', k[1]);
  }
  {
    const f = repo.file('services/worker/logs/celery.log', 'app-log');
    const rp = pw();
    f.s(
      `[2026-04-02 10:00:00,001: INFO/MainProcess] Connected to redis://:${rp}@redis-master.prod:6379/1`,
      'generic',
      rp,
    );
    f.d('[2026-04-02 10:00:00,002: INFO/MainProcess] Connected to amqp://guest:**@rabbit:5672//', 'celery masked');
    f.d(`[2026-04-02 10:00:01,113: INFO/MainProcess] Task billing.charge[${t.uuid()}] received`, 'task id');
    const sd = `https://${t.hex(32)}@o${t.digits(6)}.ingest.sentry.io/${t.digits(7)}`;
    f.d(`[2026-04-02 10:00:01,200: INFO/MainProcess] sentry initialised dsn=${sd}`, 'sentry public dsn');
    const nr = `eu01xx${t.hex(30)}NRAL`;
    f.s(`[2026-04-02 10:00:01,300: DEBUG/MainProcess] newrelic agent license_key=${nr}`, 'newrelic', nr);
  }
  {
    const f = repo.file('services/web/log/production.log', 'app-log');
    f.l(
      'Started POST "/api/webhooks" for 203.0.113.77 at 2026-04-02 10:00:00 +0000',
      'Processing by WebhooksController#create as JSON',
    );
    const wh = `whsec_${t.mixed(B64, 32)}`;
    f.s(`  Parameters: {"type"=>"invoice.paid", "endpoint_secret"=>"${wh}"}`, 'stripe', wh);
    f.d('  Parameters: {"user"=>{"email"=>"a@b.io", "password"=>"[FILTERED]"}}', 'rails filtered');
    f.d(`  Parameters: {"authenticity_token"=>"${t.mixed(B64, 86)}=="}`, 'csrf token');
    f.l('Completed 200 OK in 12ms');
  }
  {
    const f = repo.file('ops/runbooks/debug-env-dump.txt', 'env-dump');
    f.l('$ printenv | grep -i -e key -e token -e pass');
    const sk = t.mixed(B64, 40);
    f.s(`MINIO_SECRET_KEY=${sk}`, 'generic', sk);
    const pd = `u+${t.mixed(URLSAFE, 18)}`;
    f.s(`PAGERDUTY_TOKEN=${pd}`, 'pagerduty', pd);
    f.d('PASSWORD_MIN_LENGTH=12', 'setting');
    f.d('GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D', 'gpg key id');
    f.d(`TOKEN_TTL=3600`, 'setting');
    const sw = `SG.${t.mixed(URLSAFE, 22)}.${t.mixed(URLSAFE, 43)}`;
    f.s(`SENDGRID_API_KEY=${sw}`, 'sendgrid', sw);
  }
  {
    const f = repo.file('docs/issues/ISSUE-260-docker-inspect.json', 'docker-inspect');
    f.l('[', '  {');
    f.d(`    "Id": "${t.sha256()}",`, 'container id');
    f.l('    "Config": {', '      "Env": [');
    const p = pw();
    f.s(`        "POSTGRES_PASSWORD=${p}",`, 'generic', p);
    const ms = t.mixed(ALNUM, 48);
    f.s(`        "MEILI_MASTER_KEY=${ms}",`, 'generic', ms);
    f.d('        "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",', 'path');
    f.d(`        "PG_SHA256=${t.sha256()}"`, 'source digest');
    f.l('      ]', '    }', '  }', ']');
  }
  {
    const f = repo.file('scripts/smoke/output/smoke-2026-04-02.txt', 'script-output');
    f.l('[smoke] GET /health -> 200', '[smoke] using credentials from env');
    const u = `https://hooks.slack.com/services/T${t.mixed('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 10)}/B${t.mixed('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 10)}/${t.mixed(ALNUM, 24)}`;
    f.s(`[smoke] notifying ${u}`, 'slack', u);
    const gf = t.github('github_pat_');
    f.d(`[smoke] token prefix ${gf.slice(0, 15)}… (len ${gf.length})`, 'token prefix only');
    f.d(`[smoke] run id ${t.uuid()} finished in 4.2s`, 'run id');
  }
  {
    const f = repo.file('bugreports/android-logcat.txt', 'logcat');
    const fk = t.gcpApiKey();
    f.s(`04-02 10:00:00.123  4412  4412 D FirebaseAuth: getToken apiKey=${fk}`, 'gcp', fk);
    const rt = t.mixed(URLSAFE, 120);
    f.s(`04-02 10:00:00.456  4412  4430 D OkHttp: {"refresh_token":"${rt}","expires_in":3600}`, 'generic', rt);
    f.d(`04-02 10:00:00.789  4412  4430 D OkHttp: X-Firebase-Instance-Id: ${t.mixed(URLSAFE, 22)}`, 'instance id');
    f.d(
      `04-02 10:00:00.800  4412  4430 I Ads: Use RequestConfiguration.Builder().setTestDeviceIds(Arrays.asList("${t.hex(32).toUpperCase()}"))`,
      'device hash',
    );
  }
  return repo;
}
