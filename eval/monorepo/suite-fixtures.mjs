// Red-team suite "fixtures": test code and recorded HTTP traffic. VCR / vcrpy / betamax cassettes,
// nock.back and Polly HAR recordings, WireMock and MockServer mappings, Pact files, Postman
// collections and environments, Go golden files, Spring test properties, Jest / Vitest mocks and
// snapshots, pytest conftest, Rails fixtures and factories, Laravel factories and phpunit.xml,
// testcontainers, docker-compose.test.yml, Cypress / Playwright / BrowserStack / Sauce configs,
// Storybook mocks and seed data. Real leaks (a live token the cassette filter missed, a staging
// password in an integration test) hide among the fakes test code is full of. Written from what
// real repositories hold, not from tokenscope's rules. Every value comes from the seeded PRNG.
import { ALNUM, B64, DIGIT, HEX, LOWER, UPPER, URLSAFE, Repo, makeTokens, mulberry32 } from './generate.mjs';
import { crc32Base62Suffix } from '../../dist/providers/formats/checksums.js';

function more(rand, t) {
  const one = (list) => list[Math.floor(rand() * list.length)];
  const crc = (prefix, n) => {
    const body = t.alnum(n);
    return `${prefix}${body}${crc32Base62Suffix(body)}`;
  };
  const human = () =>
    one([
      () => `${one(['Acme', 'Globex', 'Initech'])}@${one(['2023', '2024', '2025'])}!`,
      () => `${one(['Summer', 'Winter', 'Spring'])}${one(['2024', '2025'])}${one(['!', '#', '$'])}`,
      () => `${one(['qa', 'e2e', 'stg'])}_${one(['Falcon', 'Ember', 'Orbit'])}_${t.digits(4)}`,
    ])();
  return {
    one,
    human,
    pw: () => (rand() < 0.5 ? human() : t.password()),
    gen: (n = 20) => t.mixed(ALNUM, n),
    gho: () => crc('gho_', 30),
    slackUser: () => `xoxp-${t.digits(11)}-${t.digits(12)}-${t.digits(13)}-${t.hex(32)}`,
    stripeRestricted: () => `rk_live_51${t.mixed(ALNUM, 97)}`,
    stripeWebhook: () => `whsec_${t.mixed(ALNUM, 32)}`,
    shopify: () => `shpat_${t.hex(32)}`,
    mailgun: () => `key-${t.hex(32)}`,
    googleSecret: () => `GOCSPX-${t.mixed(URLSAFE, 28)}`,
    googleRefresh: () => `1//0g${t.mixed(URLSAFE, 98)}`,
    auth0Secret: () => t.mixed(URLSAFE, 64),
    browserstack: () => t.mixed(ALNUM, 20),
    hf: () => `hf_${t.pick(UPPER + LOWER, 34)}`,
    postman: () => `PMAK-${t.hex(24)}-${t.hex(34)}`,
    sentryUser: () => `sntryu_${t.hex(64)}`,
    djangoSession: () => t.pick(LOWER + DIGIT, 32),
    bcrypt: () => `$2a$12$${t.pick(ALNUM + './', 53)}`,
    b64: (n) => t.mixed(B64, n),
    lowerHex: (n) => t.pick(HEX, n),
  };
}

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed ^ 0xf1c7);
  const t = makeTokens(rand);
  const x = more(rand, t);
  const repo = new Repo();
  vcrRuby(repo, t, x);
  vcrPython(repo, t, x);
  nockPolly(repo, t, x);
  mocks(repo, t, x);
  contracts(repo, t, x);
  goGolden(repo, t, x);
  jvm(repo, t, x);
  jsTests(repo, t, x);
  pytest(repo, t, x);
  railsLaravel(repo, t, x);
  containers(repo, t, x);
  browsers(repo, t, x);
  seeds(repo, t, x);
  extra(repo, t, x);
  return repo;
}

// ---- Ruby VCR ----------------------------------------------------------------------------

function vcrRuby(repo, t, x) {
  const slackFilter = t.slackBot();
  repo
    .file('apps/billing/spec/support/vcr.rb', 'vcr')
    .l(
      "require 'vcr'",
      '',
      'VCR.configure do |c|',
      "  c.cassette_library_dir = 'spec/cassettes'",
      '  c.hook_into :webmock',
    )
    .d(
      "  c.filter_sensitive_data('<STRIPE_KEY>') { ENV.fetch('STRIPE_SECRET_KEY', 'sk_test_dummy') }",
      'filter from env',
    )
    .d("  c.filter_sensitive_data('<GITHUB_TOKEN>') { ENV['GITHUB_TOKEN'] }", 'filter from env')
    .s(`  c.filter_sensitive_data('<SLACK_TOKEN>') { '${slackFilter}' }`, 'slack', slackFilter)
    .d("  c.filter_sensitive_data('<AUTH>') { |i| i.request.headers['Authorization']&.first }", 'filter by header')
    .l(
      '  c.configure_rspec_metadata!',
      '  c.default_cassette_options = { record: :once, match_requests_on: %i[method uri] }',
      'end',
    );

  const live = t.stripeLive();
  const cus = `cus_${t.mixed(ALNUM, 14)}`;
  const ch = `ch_3${t.mixed(ALNUM, 23)}`;
  repo
    .file('apps/billing/spec/cassettes/Stripe_Charges/creates_a_charge.yml', 'vcr')
    .l(
      '---',
      'http_interactions:',
      '- request:',
      '    method: post',
      '    uri: https://api.stripe.com/v1/charges',
      '    body:',
    )
    .l('      encoding: UTF-8')
    .d(`      string: amount=2000&currency=usd&customer=${cus}&description=Test+charge`, 'stripe object id')
    .l('    headers:', '      User-Agent:', '      - Stripe/v1 RubyBindings/10.3.0', '      Authorization:')
    .d('      - Bearer <STRIPE_KEY>', 'filtered placeholder')
    .l('      Idempotency-Key:')
    .d(`      - ${t.uuid()}`, 'idempotency uuid')
    .l('  response:', '    status:', '      code: 200', '      message: OK', '    headers:', '      Request-Id:')
    .d(`      - req_${t.mixed(ALNUM, 14)}`, 'stripe request id')
    .l('      Stripe-Version:', "      - '2024-06-20'", '    body:', '      encoding: UTF-8')
    .d(
      `      string: '{"id":"${ch}","object":"charge","amount":2000,"customer":"${cus}","livemode":false}'`,
      'object ids',
    )
    .l('  recorded_at: Tue, 04 Jun 2024 10:12:44 GMT')
    .l('- request:', '    method: get', `    uri: https://api.stripe.com/v1/charges/${ch}`, '    body:')
    .l('      encoding: US-ASCII', "      string: ''", '    headers:', '      Authorization:')
    // Re-recorded against the live account with STRIPE_SECRET_KEY unset: the filter returned the
    // default, so the live key stayed in the cassette.
    .s(`      - Bearer ${live}`, 'stripe', live)
    .l('  response:', '    status:', '      code: 200', '      message: OK', '    body:', '      encoding: UTF-8')
    .l(`      string: '{"id":"${ch}","object":"charge","livemode":true}'`)
    .d('recorded_with: VCR 6.2.0', 'version');

  const gh = t.github();
  repo
    .file('apps/billing/spec/cassettes/GithubSync/lists_repositories.yml', 'vcr')
    .l(
      '---',
      'http_interactions:',
      '- request:',
      '    method: get',
      '    uri: https://api.github.com/orgs/acme-corp/repos?per_page=100',
    )
    .l(
      '    body:',
      '      encoding: US-ASCII',
      "      string: ''",
      '    headers:',
      '      Accept:',
      '      - application/vnd.github+json',
    )
    .l('      Authorization:')
    .s(`      - token ${gh}`, 'github', gh)
    .l('  response:', '    status:', '      code: 200', '    headers:', '      Etag:')
    .d(`      - W/"${x.lowerHex(64)}"`, 'etag')
    .l('      X-Github-Request-Id:')
    .d(
      `      - ${t.pick(UPPER + DIGIT, 4)}:${t.pick(UPPER + DIGIT, 6)}:${t.pick(UPPER + DIGIT, 7)}:${t.pick(UPPER + DIGIT, 7)}:${t.pick(UPPER + DIGIT, 8)}`,
      'request id',
    )
    .l('      X-Oauth-Scopes:', '      - repo, read:org')
    .l('    body:', '      encoding: UTF-8')
    .d(
      `      string: '[{"id":${t.digits(9)},"node_id":"R_kgDO${t.mixed(ALNUM, 6)}","full_name":"acme-corp/api","default_branch":"main","pushed_at":"2024-06-01T10:00:00Z"}]'`,
      'node id',
    )
    .d('recorded_with: VCR 6.2.0', 'version');

  const mg = x.mailgun();
  const gSecret = x.googleSecret();
  const gRefresh = x.googleRefresh();
  const form = `client_id=${t.digits(12)}-${t.lower(32)}.apps.googleusercontent.com&client_secret=${gSecret}&refresh_token=${gRefresh}&grant_type=refresh_token`;
  const formB64 = Buffer.from(form).toString('base64');
  repo
    .file('apps/notify/spec/cassettes/mailer/delivers_digest.yml', 'vcr')
    .l('---', 'http_interactions:', '- request:', '    method: post')
    .s(`    uri: https://api:${mg}@api.mailgun.net/v3/mg.acme-corp.io/messages`, 'mailgun', mg)
    .l(
      '    body:',
      '      encoding: UTF-8',
      '      string: from=digest%40acme-corp.io&to=qa%40acme-corp.io&subject=Weekly',
    )
    .l('    headers:', '      Content-Type:', '      - application/x-www-form-urlencoded')
    .l('  response:', '    status:', '      code: 200')
    .l('    body:', '      encoding: UTF-8')
    .d(
      `      string: '{"id":"<${t.digits(14)}.1.${t.pick(UPPER + DIGIT, 16)}@mg.acme-corp.io>","message":"Queued. Thank you."}'`,
      'message id',
    )
    .l('- request:', '    method: post', '    uri: https://oauth2.googleapis.com/token', '    body:')
    .l('      encoding: ASCII-8BIT')
    .s(`      base64_string: ${formB64}`, 'google', gRefresh)
    .l('    headers:', '      Authorization:')
    .d('      - "<GOOGLE_AUTH>"', 'filtered placeholder')
    .l('  response:', '    status:', '      code: 200', '    body:', '      encoding: UTF-8')
    .d('      string: \'{"access_token":"FILTERED","expires_in":3599,"token_type":"Bearer"}\'', 'filtered')
    .d('recorded_with: VCR 6.1.0', 'version');
}

// ---- vcrpy / betamax -----------------------------------------------------------------------

function vcrPython(repo, t, x) {
  const oa = t.openai();
  repo
    .file('services/assistant/tests/cassettes/test_chat/test_summarise_ticket.yaml', 'vcrpy')
    .l(
      'interactions:',
      '- request:',
      '    body: \'{"messages": [{"role": "user", "content": "Summarise ticket 4411"}], "model": "gpt-4o-mini"}\'',
    )
    .l('    headers:', '      accept:', '      - application/json', '      authorization:')
    .s(`      - Bearer ${oa}`, 'openai', oa)
    .l('      openai-organization:')
    .d(`      - org-${t.mixed(ALNUM, 24)}`, 'openai org id')
    .l(
      '    method: POST',
      '    uri: https://api.openai.com/v1/chat/completions',
      '  response:',
      '    headers:',
      '      x-request-id:',
    )
    .d(`      - req_${x.lowerHex(32)}`, 'request id')
    .l(
      '      openai-processing-ms:',
      "      - '812'",
      '    status:',
      '      code: 200',
      '      message: OK',
      'version: 1',
    );

  repo
    .file('services/assistant/tests/cassettes/test_chat/test_refuses_empty.yaml', 'vcrpy')
    .l(
      'interactions:',
      '- request:',
      '    body: \'{"messages": [], "model": "gpt-4o-mini"}\'',
      '    headers:',
      '      authorization:',
    )
    .d('      - DUMMY', 'filtered placeholder')
    .l('      cookie:')
    .d('      - REDACTED', 'redacted')
    .l(
      '    method: POST',
      '    uri: https://api.openai.com/v1/chat/completions',
      '  response:',
      '    status:',
      '      code: 400',
      'version: 1',
    );

  const sg = t.sendgrid();
  repo
    .file('services/notify/tests/cassettes/SendgridTest.test_send_welcome.json', 'betamax')
    .l(
      '{',
      '  "http_interactions": [',
      '    {',
      '      "request": {',
      '        "body": {"encoding": "utf-8", "string": "{\\"template_id\\": \\"d-' + x.lowerHex(32) + '\\"}"},',
    )
    .l('        "headers": {')
    .s(`          "Authorization": ["Bearer ${sg}"],`, 'sendgrid', sg)
    .l(
      '          "Content-Type": ["application/json"]',
      '        },',
      '        "method": "POST",',
      '        "uri": "https://api.sendgrid.com/v3/mail/send"',
      '      },',
    )
    .l('      "response": {"status": {"code": 202, "message": "Accepted"},')
    .d(`        "headers": {"X-Message-Id": ["${t.mixed(URLSAFE, 22)}"]}},`, 'message id')
    .l('      "recorded_at": "2024-05-02T09:11:07"', '    },', '    {', '      "request": {', '        "headers": {')
    .d('          "Authorization": ["<AUTH_TOKEN>"]', 'betamax placeholder')
    .l(
      '        },',
      '        "method": "GET",',
      '        "uri": "https://api.sendgrid.com/v3/scopes"',
      '      }',
      '    }',
      '  ],',
      '  "recorded_with": "betamax/0.9.0"',
      '}',
    );
}

// ---- nock.back and Polly -----------------------------------------------------------------

function nockPolly(repo, t, x) {
  const sid = t.twilioSid();
  const tok = t.twilioToken();
  const auth0 = x.auth0Secret();
  const basic = Buffer.from(`${sid}:${tok}`).toString('base64');
  const gho = x.gho();
  repo
    .file('packages/notifier/test/fixtures/nock/sms-send.json', 'nock')
    .l('[', '  {', '    "scope": "https://api.twilio.com:443",', '    "method": "POST",')
    .l(`    "path": "/2010-04-01/Accounts/${sid}/Messages.json",`)
    .l('    "body": "To=%2B15005550006&From=%2B15005550001&Body=Your+code+is+481516",', '    "status": 201,')
    .d(`    "response": {"sid": "SM${t.hex(32)}", "status": "queued"},`, 'message sid')
    .l('    "reqheaders": {')
    .s(`      "authorization": "Basic ${basic}"`, 'twilio', tok)
    .l('    },', '    "rawHeaders": [', '      "Twilio-Request-Id",')
    .d(`      "RQ${t.hex(32)}",`, 'request id')
    .l(
      '      "Content-Type",',
      '      "application/json"',
      '    ]',
      '  },',
      '  {',
      '    "scope": "https://acme-corp.eu.auth0.com:443",',
    )
    .l('    "method": "POST",', '    "path": "/oauth/token",')
    .s(
      `    "body": {"grant_type": "client_credentials", "client_id": "${t.mixed(ALNUM, 32)}", "client_secret": "${auth0}", "audience": "https://api.acme-corp.io"},`,
      'generic',
      auth0,
    )
    .l('    "status": 200,')
    .d(
      '    "response": {"access_token": "eyJhbGciOiJub25lIn0.e30.", "token_type": "Bearer", "expires_in": 86400}',
      'unsigned empty jwt',
    )
    .l(
      '  },',
      '  {',
      '    "scope": "https://api.github.com:443",',
      '    "method": "GET",',
      '    "path": "/user",',
      '    "status": 200,',
      '    "rawHeaders": [',
    )
    .l('      "authorization",')
    .s(`      "token ${gho}",`, 'github', gho)
    .l('      "x-github-media-type",', '      "github.v3; format=json"', '    ]', '  }', ']');

  const glpat = t.gitlab();
  const dd = t.ddApi();
  const sess = x.djangoSession();
  repo
    .file('packages/web/test/recordings/gitlab-mr_1842193/list-merge-requests_3377021/recording.har', 'polly')
    .l(
      '{',
      '  "log": {',
      '    "_recordingName": "gitlab-mr/list-merge-requests",',
      '    "creator": {"comment": "persister:fs", "name": "Polly.JS", "version": "6.0.6"},',
    )
    .l('    "entries": [', '      {')
    .d(`        "_id": "${x.lowerHex(32)}",`, 'polly entry hash')
    .l('        "request": {', '          "headers": [')
    .s(`            {"name": "private-token", "value": "${glpat}"},`, 'gitlab', glpat)
    .l('            {"name": "accept", "value": "application/json"}', '          ],', '          "queryString": [')
    .l('            {"name": "state", "value": "opened"},')
    .d(`            {"name": "page_token", "value": "${t.mixed(URLSAFE, 40)}"}`, 'pagination cursor')
    .l(
      '          ],',
      '          "url": "https://gitlab.acme-corp.io/api/v4/projects/118/merge_requests?state=opened"',
      '        },',
      '        "response": {',
    )
    .l('          "cookies": [')
    .d(
      `            {"name": "__cf_bm", "value": "${t.mixed(URLSAFE, 43)}-${t.digits(10)}-1.0.1.1-${x.b64(40)}", "httpOnly": true},`,
      'cloudflare bot-management cookie',
    )
    .l(
      '          ],',
      '          "status": 200',
      '        }',
      '      },',
      '      {',
      '        "request": {',
      '          "queryString": [',
    )
    .s(`            {"name": "api_key", "value": "${dd}"}`, 'datadog', dd)
    .l(
      '          ],',
      `          "url": "https://api.datadoghq.com/api/v1/validate?api_key=${'{'}api_key{'}'}"`,
      '          "cookies": [',
    )
    .s(`            {"name": "sessionid", "value": "${sess}", "domain": "admin.acme-corp.io"}`, 'generic', sess)
    .l('          ]', '        }', '      }', '    ]', '  }', '}');
}

// ---- WireMock and MockServer -----------------------------------------------------------------

function mocks(repo, t, x) {
  const upstream = x.pw();
  const upB64 = Buffer.from(`svc-contract-tests:${upstream}`).toString('base64');
  repo
    .file('services/payments/src/test/resources/wiremock/mappings/charge-created.json', 'wiremock')
    .l('{', '  "request": {', '    "method": "POST",', '    "urlPath": "/v1/charges",', '    "headers": {')
    .d('      "Authorization": {"equalTo": "Bearer sk_test_4eC39HqLyjWDarjtT1zdp7dc"}', 'stripe documented test key')
    .l('    }', '  },', '  "response": {', '    "status": 200,', '    "bodyFileName": "charge-created.json",')
    .d('    "headers": {"Request-Id": "req_wiremock_000001"}', 'mock id')
    .l('  }', '}');
  repo
    .file('services/payments/src/test/resources/wiremock/mappings/proxy-ledger.json', 'wiremock')
    .l('{', '  "priority": 10,', '  "request": {"urlPathPattern": "/ledger/.*"},', '  "response": {')
    .l('    "proxyBaseUrl": "https://ledger.staging.acme-corp.io",', '    "additionalProxyRequestHeaders": {')
    .s(`      "Authorization": "Basic ${upB64}"`, 'generic', upstream)
    .l('    }', '  }', '}');
  repo
    .file('services/payments/src/test/resources/wiremock/__files/oauth-token.json', 'wiremock')
    .l('{')
    .d('  "access_token": "mock-access-token-1234",', 'mock token')
    .d('  "refresh_token": "mock-refresh-token",', 'mock token')
    .d(
      `  "id_token": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yQV_adQssw5c",`,
      'jwt.io sample token',
    )
    .l('  "expires_in": 3600', '}');
  const hf = x.hf();
  repo
    .file('services/search/mockserver/expectations.json', 'mockserver')
    .l(
      '[',
      '  {',
      '    "httpRequest": {',
      '      "method": "POST",',
      '      "path": "/models/sentence-transformers/all-MiniLM-L6-v2",',
    )
    .d('      "headers": {"Authorization": ["Bearer ${HF_TOKEN}"]}', 'template variable')
    .l('    },', '    "httpResponse": {"statusCode": 200, "body": {"embedding": [0.12, -0.03]}}', '  },', '  {')
    .l(
      '    "httpRequest": {"path": "/hub/.*"},',
      '    "httpForward": {"host": "huggingface.co", "port": 443, "scheme": "HTTPS"},',
    )
    .l('    "httpOverrideForwardedRequest": {"requestModifier": {"headers": {"replace": [')
    .s(`      {"name": "Authorization", "values": ["Bearer ${hf}"]}`, 'huggingface', hf)
    .l('    ]}}}', '  }', ']');
}

// ---- Pact and Postman ---------------------------------------------------------------------

function contracts(repo, t, x) {
  repo
    .file('apps/web/pacts/web-app-orders-api.json', 'pact')
    .l(
      '{',
      '  "consumer": {"name": "web-app"},',
      '  "provider": {"name": "orders-api"},',
      '  "interactions": [',
      '    {',
    )
    .l(
      '      "description": "a request for order 42",',
      '      "providerState": "order 42 exists",',
      '      "request": {',
    )
    .l('        "method": "GET",', '        "path": "/orders/42",')
    .d('        "headers": {"Authorization": "Bearer test-token"}', 'pact fake token')
    .l(
      '      },',
      '      "response": {"status": 200, "body": {"id": 42, "state": "paid"}},',
      '      "matchingRules": {',
    )
    .d('        "$.headers.Authorization": {"match": "regex", "regex": "^Bearer [A-Za-z0-9\\\\-_.]+$"}', 'regex')
    .l('      }', '    }', '  ],')
    .d(
      `  "metadata": {"pactSpecification": {"version": "2.0.0"}, "pact-js": {"version": "12.1.0"}, "sha": "${t.sha1()}"}`,
      'metadata sha',
    )
    .l('}');
  const broker = t.mixed(URLSAFE, 22);
  repo
    .file('apps/web/scripts/publish-pacts.sh', 'pact')
    .l('#!/usr/bin/env bash', 'set -euo pipefail')
    .s(
      `npx pact-broker publish ./pacts --consumer-app-version "$(git rev-parse HEAD)" --broker-base-url https://acme.pactflow.io --broker-token ${broker}`,
      'generic',
      broker,
    )
    .d('npx pact-broker can-i-deploy --pacticipant web-app --broker-token "$PACT_BROKER_TOKEN"', 'env reference');

  const pmKey = x.postman();
  const apiKey = x.gen(32);
  const stgPw = x.human();
  repo
    .file('qa/postman/orders-api.postman_collection.json', 'postman')
    .l('{', '  "info": {', `    "_postman_id": "${t.uuid()}",`, '    "name": "orders-api",')
    .l(
      '    "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"',
      '  },',
      '  "auth": {"type": "bearer", "bearer": [',
    )
    .d('    {"key": "token", "value": "{{access_token}}", "type": "string"}', 'postman variable')
    .l('  ]},', '  "event": [{"listen": "prerequest", "script": {"exec": [')
    .l(
      '    "pm.sendRequest({ url: pm.environment.get(\\"auth_url\\"), method: \\"POST\\", header: { \\"Content-Type\\": \\"application/json\\" },",',
    )
    .s(
      `    "  body: { mode: \\"raw\\", raw: JSON.stringify({ username: \\"qa-bot@acme-corp.io\\", password: \\"${stgPw}\\" }) } },",`,
      'generic',
      stgPw,
    )
    .l('    "  (err, res) => pm.environment.set(\\"access_token\\", res.json().token));"')
    .l('  ]}}],', '  "item": [{"name": "Get order", "event": [{"listen": "test", "script": {"exec": [')
    .d('    "pm.test(\\"status is 200\\", () => pm.response.to.have.status(200));"', 'test script')
    .l('  ]}}]}]', '}');
  repo
    .file('qa/postman/staging.postman_environment.json', 'postman')
    .l('{', `  "id": "${t.uuid()}",`, '  "name": "staging",', '  "values": [')
    .l('    {"key": "base_url", "value": "https://orders.staging.acme-corp.io", "enabled": true},')
    .s(`    {"key": "x_api_key", "value": "${apiKey}", "type": "secret", "enabled": true},`, 'generic', apiKey)
    .d('    {"key": "access_token", "value": "", "type": "secret", "enabled": true},', 'empty value')
    .s(`    {"key": "postman_api_key", "value": "${pmKey}", "type": "default", "enabled": true}`, 'postman', pmKey)
    .l('  ],', '  "_postman_variable_scope": "environment"', '}');
}

// ---- Go golden files -------------------------------------------------------------------------

function goGolden(repo, t, x) {
  const xoxp = x.slackUser();
  repo
    .file('tools/slackbridge/internal/client/testdata/post_message.golden', 'golden')
    .l('POST /api/chat.postMessage HTTP/1.1', 'Host: slack.com', 'User-Agent: slackbridge/1.8.0')
    .s(`Authorization: Bearer ${xoxp}`, 'slack', xoxp)
    .l('Content-Type: application/json; charset=utf-8')
    .d(`X-Request-Id: ${t.uuid()}`, 'request id')
    .l('', '{"channel":"C0123ABCD","text":"deploy finished"}');
  repo
    .file('tools/slackbridge/internal/client/client_test.go', 'golden')
    .l('package client', '', 'import (', '\t"net/http/httptest"', '\t"testing"', ')', '')
    .d('const testToken = "xoxb-test-token"', 'fake token')
    .l('', 'func TestPostMessage(t *testing.T) {', '\tsrv := httptest.NewServer(handler(t))', '\tdefer srv.Close()')
    .d(
      '\tc := New(srv.URL, testToken, WithSigningSecret("8f742231b10e8888abcd99yyyzzz85a5"))',
      'slack docs sample signing secret',
    )
    .d(`\twantDigest := "${t.sha256()}"`, 'sha256 of golden')
    .l('\t_ = c', '\t_ = wantDigest', '}');
  repo
    .file('tools/slackbridge/internal/client/testdata/users.golden.json', 'golden')
    .l('{', '  "ok": true,', '  "members": [')
    .d(
      `    {"id": "U${t.pick(UPPER + DIGIT, 10)}", "team_id": "T${t.pick(UPPER + DIGIT, 10)}", "profile": {"avatar_hash": "${x.lowerHex(12)}"}}`,
      'slack ids',
    )
    .l('  ],')
    .d(
      `  "response_metadata": {"next_cursor": "${Buffer.from(`user:${t.pick(UPPER + DIGIT, 10)}`).toString('base64')}"}`,
      'cursor',
    )
    .l('}');
}

// ---- Java / Kotlin ----------------------------------------------------------------------------

function jvm(repo, t, x) {
  const sk = x.stripeRestricted();
  const dbPw = x.pw();
  repo
    .file('services/payments/src/test/java/io/acme/payments/RefundsIT.java', 'jvm')
    .l(
      'package io.acme.payments;',
      '',
      'import org.springframework.boot.test.context.SpringBootTest;',
      'import org.springframework.test.context.TestPropertySource;',
      '',
    )
    .l('@SpringBootTest', '@TestPropertySource(properties = {')
    .s(`    "stripe.api-key=${sk}",`, 'stripe', sk)
    .l(
      '    "spring.datasource.url=jdbc:postgresql://pg-staging.acme-corp.io:5432/payments",',
      '    "spring.datasource.username=payments_it",',
    )
    .s(`    "spring.datasource.password=${dbPw}",`, 'generic', dbPw)
    .d('    "jwt.signing-secret=secret",', 'unit-test jwt secret')
    .l('})', 'class RefundsIT {', '}');

  const smtp = t.sendgrid();
  const whsec = x.stripeWebhook();
  repo
    .file('services/payments/src/test/resources/application-test.yml', 'jvm')
    .l('spring:', '  datasource:', '    url: jdbc:h2:mem:testdb;MODE=PostgreSQL', '    username: sa')
    .d('    password: ""', 'empty h2 password')
    .l('  mail:', '    host: smtp.sendgrid.net', '    port: 587', '    username: apikey')
    .s(`    password: ${smtp}`, 'sendgrid', smtp)
    .l('stripe:')
    .d('  api-key: sk_test_51Hx000000000000000000000000', 'stripe test key')
    .s(`  webhook-secret: ${whsec}`, 'stripe', whsec)
    .d('  publishable-key: ${STRIPE_PK:pk_test_placeholder}', 'spring placeholder')
    .l('logging:', '  level:', '    io.acme: DEBUG');

  const stg = x.pw();
  repo
    .file('services/orders/src/integrationTest/kotlin/io/acme/orders/OrdersRepositoryTest.kt', 'jvm')
    .l('package io.acme.orders', '', 'import org.testcontainers.containers.PostgreSQLContainer', '')
    .l('object Containers {')
    // A testcontainers password: throwaway, lives only as long as the JVM, on a random local port.
    .d(
      '    val postgres = PostgreSQLContainer("postgres:16-alpine").withUsername("test").withPassword("test")',
      'testcontainers throwaway password',
    )
    .l('}', '', '// Smoke tests run against staging on the nightly job (see ORD-2231)', 'object Staging {')
    .l(
      '    const val JDBC_URL = "jdbc:postgresql://orders-db.staging.acme-corp.io:5432/orders"',
      '    const val USER = "orders_ro"',
    )
    .s(`    const val PASSWORD = "${stg}"`, 'generic', stg)
    .l('}');
}

// ---- Jest / Vitest / Storybook -----------------------------------------------------------------

function jsTests(repo, t, _x) {
  const live = t.stripeLive();
  repo
    .file('apps/web/src/api/__tests__/checkout.test.ts', 'jest')
    .l("import jwt from 'jsonwebtoken';", "import { createCheckout } from '../checkout';", '')
    .d("process.env.STRIPE_SECRET_KEY = 'sk_test_fake_key_for_jest';", 'fake test key')
    .d("process.env.API_KEY = 'fake-key-123';", 'fake key')
    .d(
      "const token = jwt.sign({ sub: 'user-1', role: 'admin' }, 'secret', { expiresIn: '1h' });",
      'unit-test jwt with literal secret',
    )
    .l('', "describe('createCheckout', () => {", "  it.skip('works against the live account', async () => {")
    .s(`    // const stripe = new Stripe('${live}'); // debugging INC-771, remove`, 'stripe', live)
    .l('  });', "  it('signs the session', async () => {", '    const res = await createCheckout({ token });')
    .d('    expect(res.id).toMatch(/^cs_test_[A-Za-z0-9]{58}$/);', 'regex')
    .l('  });', '});');

  const supa = t.supabaseServiceRole();
  const ref = t.lower(20);
  repo
    .file('apps/web/src/__mocks__/supabase.ts', 'jest')
    .l("import { createClient } from '@supabase/supabase-js';", '')
    .d("export const SUPABASE_URL = 'http://localhost:54321';", 'local url')
    .d(
      "export const ANON_KEY = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0';",
      'supabase local demo anon key',
    )
    .l('// seeding helper for the shared staging project')
    .s(`export const admin = createClient('https://${ref}.supabase.co', '${supa}');`, 'supabase', supa)
    .l('export default { createClient };');

  repo
    .file('apps/web/src/components/__snapshots__/PaymentForm.test.tsx.snap', 'jest')
    .l('// Jest Snapshot v1, https://goo.gl/fbAQLp', '', 'exports[`PaymentForm renders 1`] = `', '<form')
    .d(`  class="PaymentForm_root__${t.mixed(URLSAFE, 5)} css-${t.lower(6)}"`, 'css module hash')
    .d(`  data-publishable-key="pk_live_51${t.mixed(ALNUM, 97)}"`, 'stripe publishable key, public by design')
    .l('>')
    .d(`  <img alt="logo" src="data:image/png;base64,${t.pngBase64().slice(0, 400)}" />`, 'base64 image')
    .d(`  <input name="csrf" type="hidden" value="${t.mixed(URLSAFE, 43)}" />`, 'snapshot csrf of a test render')
    .l('</form>', '`;');

  const gmaps = t.gcpApiKey();
  repo
    .file('apps/web/.storybook/preview.tsx', 'storybook')
    .l(
      "import { initialize, mswLoader } from 'msw-storybook-addon';",
      "import { http, HttpResponse } from 'msw';",
      '',
      'initialize();',
      '',
    )
    .s(`window.GOOGLE_MAPS_API_KEY = '${gmaps}';`, 'gcp', gmaps)
    .l('export const handlers = [')
    .d(
      "  http.post('/api/login', () => HttpResponse.json({ token: 'mock-jwt-token', refreshToken: 'mock-refresh' })),",
      'mock tokens',
    )
    .d(
      `  http.get('/api/me', () => HttpResponse.json({ id: '${t.uuid()}', apiKey: 'ak_storybook_placeholder' })),`,
      'placeholder',
    )
    .l('];', 'export const loaders = [mswLoader];');

  repo
    .file('apps/web/vitest.config.ts', 'vitest')
    .l(
      "import { defineConfig } from 'vitest/config';",
      '',
      'export default defineConfig({',
      '  test: {',
      "    environment: 'jsdom',",
      '    env: {',
    )
    .d("      OPENAI_API_KEY: 'sk-test-not-a-real-key',", 'fake key')
    .d("      DATABASE_URL: 'postgres://postgres:postgres@localhost:5432/web_test',", 'local default credentials')
    .d("      NEXTAUTH_SECRET: 'vitest-nextauth-secret',", 'test-named secret')
    .l('    },', '  },', '});');
}

// ---- pytest -------------------------------------------------------------------------------

function pytest(repo, t, x) {
  const pg = x.pw();
  const anth = t.anthropic();
  repo
    .file('services/assistant/tests/conftest.py', 'pytest')
    .l('import os', '', 'import pytest', '', '')
    .l('@pytest.fixture(scope="module")', 'def vcr_config():', '    return {')
    .d('        "filter_headers": [("authorization", "DUMMY"), ("x-api-key", "DUMMY")],', 'vcr filters')
    .l('        "record_mode": "once",', '    }', '', '')
    .l('@pytest.fixture', 'def db_url():')
    .d('    return os.environ.get("TEST_DATABASE_URL", "sqlite:///:memory:")', 'env with sqlite default')
    .l(
      '',
      '',
      '@pytest.fixture(scope="session")',
      'def staging_db():',
      '    # read replica; shared with the analytics team',
    )
    .s(`    return "postgresql://assistant_ro:${pg}@pg-replica.staging.acme-corp.io:5432/assistant"`, 'database', pg)
    .l('', '', '@pytest.fixture(autouse=True)', 'def anthropic_key(monkeypatch):')
    .d('    monkeypatch.setenv("ANTHROPIC_API_KEY", "test-anthropic-key")', 'fake key')
    .l('', '', '@pytest.fixture', 'def live_client():')
    .s(`    return Anthropic(api_key=os.getenv("ANTHROPIC_API_KEY_LIVE", "${anth}"))`, 'anthropic', anth);

  const ak = t.awsId();
  const as = t.awsSecret();
  repo
    .file('services/exports/tests/integration/test_s3_upload.py', 'pytest')
    .l('import boto3', 'from moto import mock_aws', '', '')
    .l('@mock_aws', 'def test_upload_mocked():')
    .d(
      '    s3 = boto3.client("s3", aws_access_key_id="testing", aws_secret_access_key="testing")',
      'moto dummy credentials',
    )
    .l('    s3.create_bucket(Bucket="exports")', '', '')
    .l('def test_upload_real_bucket():', '    s3 = boto3.client(', '        "s3",')
    .s(`        aws_access_key_id="${ak}",`, 'aws', ak)
    .s(`        aws_secret_access_key="${as}",`, 'aws', as)
    .l(
      '        region_name="eu-west-1",',
      '    )',
      '    s3.put_object(Bucket="acme-exports-staging", Key="it/probe.txt", Body=b"ok")',
    )
    .d(
      '    assert s3.head_object(Bucket="acme-exports-staging", Key="it/probe.txt")["ETag"] == \'"444bcb3a3fcf8389296c49467f27e1d6"\'',
      'etag md5',
    );

  const gh = t.github();
  const sentry = x.sentryUser();
  repo
    .file('services/assistant/.env.test', 'pytest')
    .d('DATABASE_URL=postgres://postgres:postgres@localhost:5432/assistant_test', 'local default credentials')
    .d('STRIPE_SECRET_KEY=sk_test_51NzTestTestTestTestTestTest', 'stripe test key')
    .d('SECRET_KEY=test-secret-key-not-for-production', 'test-named secret')
    .d('SENTRY_DSN=', 'empty')
    .s(`GITHUB_TOKEN=${gh}`, 'github', gh)
    .s(`SENTRY_AUTH_TOKEN=${sentry}`, 'sentry', sentry)
    .d('REDIS_URL=redis://localhost:6379/15', 'local url');
}

// ---- Rails / Laravel -------------------------------------------------------------------------

function railsLaravel(repo, t, x) {
  const shp = x.shopify();
  repo
    .file('apps/billing/test/fixtures/users.yml', 'rails')
    .l('alice:', '  email: alice@example.com')
    .d("  encrypted_password: <%= Devise::Encryptor.digest(User, 'password') %>", 'erb digest of test password')
    .l('bob:', '  email: bob@example.com')
    .d(`  encrypted_password: ${x.bcrypt()}`, 'bcrypt hash')
    .d(`  confirmation_token: ${x.lowerHex(20)}`, 'fixture token of a test user');
  repo
    .file('apps/billing/test/fixtures/shop_integrations.yml', 'rails')
    .l('acme_demo:', '  shop_domain: acme-demo.myshopify.com')
    .d('  access_token: <%= SecureRandom.hex(16) %>', 'generated at load')
    .l('# copied from prod console to reproduce SUP-912', 'acme_main:', '  shop_domain: acme-main.myshopify.com')
    .s(`  access_token: ${shp}`, 'shopify', shp)
    .l('  scopes: read_orders,write_products');

  const hook = t.slackWebhook();
  repo
    .file('apps/billing/spec/factories/integrations.rb', 'rails')
    .l('FactoryBot.define do', '  factory :integration do', '    name { "slack" }')
    .d('    access_token { "fake-#{SecureRandom.hex(8)}" }', 'factory fake')
    .d('    signing_secret { Faker::Crypto.sha256 }', 'faker')
    .s(`    webhook_url { "${hook}" }`, 'slack', hook)
    .l('  end', 'end');

  const mg = x.mailgun();
  const pw = t.password();
  repo
    .file('apps/portal/phpunit.xml', 'laravel')
    .l('<?xml version="1.0" encoding="UTF-8"?>', '<phpunit bootstrap="vendor/autoload.php" colors="true">', '  <php>')
    .l('    <env name="APP_ENV" value="testing"/>')
    .d('    <env name="DB_PASSWORD" value="secret"/>', 'laravel sail default on localhost')
    .d('    <env name="MAIL_MAILER" value="array"/>', 'setting')
    .s(`    <env name="MAILGUN_SECRET" value="${mg}"/>`, 'mailgun', mg)
    .s(`    <server name="STAGING_ADMIN_PASSWORD" value="${pw}"/>`, 'generic', pw)
    .l('  </php>', '</phpunit>');
  repo
    .file('apps/portal/database/factories/MerchantFactory.php', 'laravel')
    .l('<?php', '', 'namespace Database\\Factories;', '', 'use Illuminate\\Support\\Str;', '')
    .l(
      'class MerchantFactory extends Factory',
      '{',
      '    public function definition(): array',
      '    {',
      '        return [',
    )
    .d("            'stripe_secret' => 'sk_test_' . Str::random(24),", 'generated fake')
    .d("            'api_key' => Str::random(40),", 'generated')
    .d("            'password' => Hash::make('password'),", 'laravel default test password')
    .d("            'remember_token' => Str::random(10),", 'generated')
    .l('        ];', '    }', '}');
}

// ---- containers ---------------------------------------------------------------------------

function containers(repo, t, x) {
  const ak = t.awsId();
  const as = t.awsSecret();
  const npm = t.npm();
  repo
    .file('docker-compose.test.yml', 'compose')
    .l('services:', '  db:', '    image: postgres:16', '    environment:')
    .d('      POSTGRES_PASSWORD: postgres', 'throwaway container default')
    .l('    tmpfs: /var/lib/postgresql/data', '  minio:', '    image: minio/minio')
    .d('      MINIO_ROOT_PASSWORD: minioadmin', 'minio default')
    .l('  localstack:', '    image: localstack/localstack:3')
    .d('      AWS_ACCESS_KEY_ID: test', 'localstack dummy')
    .l('  e2e:', '    build:', '      context: .', '      args:')
    .s(`        NPM_TOKEN: ${npm}`, 'npm', npm)
    .l('    environment:', '      S3_BUCKET: acme-e2e-artifacts')
    .s(`      AWS_ACCESS_KEY_ID: ${ak}`, 'aws', ak)
    .s(`      AWS_SECRET_ACCESS_KEY: ${as}`, 'aws', as)
    .d('      DATABASE_URL: postgres://postgres:postgres@db:5432/app_test', 'compose-internal default credentials');

  const rmq = x.pw().replace(/[^A-Za-z0-9]/g, '');
  repo
    .file('services/orders/src/test/resources/testcontainers.properties', 'compose')
    .d('testcontainers.reuse.enable=true', 'setting')
    .l('# RabbitMQ on the shared CI host instead of a container (faster)')
    .s(`orders.amqp.uri=amqps://orders:${rmq}@rabbit.ci.acme-corp.io:5671/orders`, 'database', rmq);

  const jsPw = x.human();
  repo
    .file('packages/api/test/setup/globalSetup.ts', 'compose')
    .l("import { GenericContainer } from 'testcontainers';", '', 'export default async function setup() {')
    .d(
      "  const redis = await new GenericContainer('redis:7').withCommand(['redis-server', '--requirepass', 'redispass']).withExposedPorts(6379).start();",
      'throwaway container password',
    )
    .l('  if (process.env.USE_STAGING_MONGO) {')
    .s(
      `    process.env.MONGO_URL = 'mongodb+srv://api-tests:${encodeURIComponent(jsPw)}@staging.${t.lower(5)}.mongodb.net/api?retryWrites=true';`,
      'mongodb',
      encodeURIComponent(jsPw),
    )
    .l('  }', '}');
}

// ---- browsers --------------------------------------------------------------------------------

function browsers(repo, t, x) {
  const a0 = x.auth0Secret();
  const userPw = x.human();
  repo
    .file('apps/web/cypress.env.json', 'cypress')
    .l('{')
    .d('  "apiUrl": "https://api.staging.acme-corp.io",', 'url')
    .l('  "auth0_domain": "acme-corp.eu.auth0.com",')
    .d(`  "auth0_client_id": "${t.mixed(ALNUM, 32)}",`, 'public client id')
    .s(`  "auth0_client_secret": "${a0}",`, 'generic', a0)
    .l('  "auth_username": "qa-admin@acme-corp.io",')
    .s(`  "auth_password": "${userPw}",`, 'generic', userPw)
    .d('  "mailslurp_api_key": "<set in CI>"', 'placeholder')
    .l('}');

  const rec = t.uuid();
  repo
    .file('apps/web/cypress.config.ts', 'cypress')
    .l("import { defineConfig } from 'cypress';", '', 'export default defineConfig({')
    .d("  projectId: 'k3x9qa',", 'cypress project id')
    .l('  e2e: {', "    baseUrl: 'http://localhost:3000',", '    env: {')
    .s(`      recordKey: process.env.CYPRESS_RECORD_KEY ?? '${rec}',`, 'generic', rec)
    .d("      password: Cypress.env('auth_password'),", 'env lookup')
    .l('    },', '  },', '});');

  const basic = x.pw();
  repo
    .file('apps/web/playwright.config.ts', 'playwright')
    .l("import { defineConfig, devices } from '@playwright/test';", '', 'export default defineConfig({', '  use: {')
    .l("    baseURL: process.env.BASE_URL ?? 'https://preview.staging.acme-corp.io',")
    .s(
      `    httpCredentials: { username: 'preview', password: process.env.PREVIEW_PASSWORD || '${basic}' },`,
      'generic',
      basic,
    )
    .d("    storageState: 'e2e/.auth/user.json',", 'file path')
    .l('  },', "  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],", '});');

  const sess = x.djangoSession();
  const csrf = t.mixed(ALNUM, 32);
  repo
    .file('apps/web/e2e/.auth/user.json', 'playwright')
    .l('{', '  "cookies": [')
    .s(
      `    {"name": "sessionid", "value": "${sess}", "domain": "app.staging.acme-corp.io", "path": "/", "expires": 1767225600, "httpOnly": true, "secure": true, "sameSite": "Lax"},`,
      'generic',
      sess,
    )
    .d(
      `    {"name": "csrftoken", "value": "${csrf}", "domain": "app.staging.acme-corp.io", "path": "/", "expires": 1798761600, "httpOnly": false, "secure": true, "sameSite": "Lax"}`,
      'csrf token',
    )
    .l('  ],', '  "origins": [{"origin": "https://app.staging.acme-corp.io", "localStorage": [')
    .d(`    {"name": "ajs_anonymous_id", "value": "\\"${t.uuid()}\\""}`, 'analytics id')
    .l('  ]}]', '}');

  const bs = x.browserstack();
  repo
    .file('apps/web/browserstack.yml', 'selenium')
    .l('userName: acmeqa_Xk2b9P')
    .s(`accessKey: ${bs}`, 'browserstack', bs)
    .l('buildName: web-e2e', 'platforms:', '  - os: Windows', '    osVersion: 11', '    browserName: Chrome')
    .d('browserstackLocal: true', 'setting');

  const sauce = t.uuid();
  repo
    .file('apps/web/wdio.conf.js', 'selenium')
    .l('exports.config = {')
    .d("  user: process.env.SAUCE_USERNAME || 'acme-qa',", 'username')
    .s(`  key: process.env.SAUCE_ACCESS_KEY || '${sauce}',`, 'saucelabs', sauce)
    .l("  region: 'eu',", "  services: ['sauce'],", '  capabilities: [{', "    browserName: 'chrome',")
    .d(
      `    'sauce:options': { build: 'web-${t.sha1().slice(0, 7)}', tunnelName: 'ci-${t.uuid()}' },`,
      'build and tunnel ids',
    )
    .l('  }],', '};');

  const sauce2 = t.uuid();
  const bs2 = x.browserstack();
  repo
    .file('.github/workflows/e2e.yml', 'selenium')
    .l('name: e2e', 'on: [pull_request]', 'jobs:', '  sauce:', '    runs-on: ubuntu-latest', '    env:')
    .l('      SAUCE_USERNAME: acme-qa')
    .s(`      SAUCE_ACCESS_KEY: ${sauce2}`, 'saucelabs', sauce2)
    .l('    steps:', '      - uses: actions/checkout@v4')
    .d('      - uses: actions/setup-node@60edb5dd545a775178f52524783378180af0d1f8 # v4.0.2', 'pinned action sha')
    .l('      - run: npx wdio run wdio.conf.js', '  browserstack:', '    runs-on: ubuntu-latest', '    steps:')
    .d('      - run: npx browserstack-node-sdk playwright test', 'command')
    .l('        env:', '          BROWSERSTACK_USERNAME: acmeqa_Xk2b9P')
    .s(`          BROWSERSTACK_ACCESS_KEY: ${bs2}`, 'browserstack', bs2)
    .d('          CYPRESS_RECORD_KEY: ${{ secrets.CYPRESS_RECORD_KEY }}', 'actions secret reference');
}

// ---- seed data ---------------------------------------------------------------------------------

function seeds(repo, t, x) {
  const partner = t.mixed(URLSAFE, 48);
  const stgAdmin = x.pw().replace(/'/g, '');
  repo
    .file('db/seeds/integration/001_api_clients.sql', 'seeds')
    .l('-- seed for the integration environment (also loaded into staging by make seed-staging)')
    .d(
      `INSERT INTO users (id, email, password_hash) VALUES ('${t.uuid()}', 'qa@example.com', '${x.bcrypt()}');`,
      'bcrypt hash',
    )
    .s(
      `INSERT INTO api_clients (name, client_id, client_secret) VALUES ('partner-fulfil', 'fulfil-prod', '${partner}');`,
      'generic',
      partner,
    )
    .d(
      `INSERT INTO api_clients (name, client_id, client_secret) VALUES ('local-dev', 'dev', 'dev-secret');`,
      'dev placeholder',
    )
    .s(`ALTER ROLE reporting WITH LOGIN PASSWORD '${stgAdmin}';`, 'generic', stgAdmin)
    .d(`INSERT INTO files (id, sha256) VALUES (${t.digits(5)}, '${t.sha256()}');`, 'fixture hash');

  const hook = t.slackWebhook();
  repo
    .file('db/seeds/integration/notification_channels.json', 'seeds')
    .l('[')
    .d(`  {"id": "${t.uuid()}", "kind": "email", "target": "ops@acme-corp.io"},`, 'uuid id')
    .d(
      '  {"id": "6f1c2a9e-1b7d-4d0e-9c1a-2b3c4d5e6f70", "kind": "slack", "target": "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"},',
      'slack docs placeholder webhook',
    )
    .s(`  {"id": "${t.uuid()}", "kind": "slack", "target": "${hook}"}`, 'slack', hook)
    .l(']');

  const seedEnv = `SEED_ADMIN_EMAIL=admin@acme-corp.io\nSEED_ADMIN_PASSWORD=${x.human()}\n`;
  const pwLine = seedEnv.split('\n')[1].split('=')[1];
  repo
    .file('db/seeds/k8s/seed-job-secret.yaml', 'seeds')
    .l(
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: seed-job-env',
      '  namespace: staging',
      'type: Opaque',
      'data:',
    )
    .s(`  seed.env: ${Buffer.from(seedEnv).toString('base64')}`, 'generic', pwLine)
    .d(`  seed-version: ${Buffer.from('2024.06.1').toString('base64')}`, 'base64 of a version');
}

// ---- harder shapes ---------------------------------------------------------------------------

function extra(repo, t, x) {
  // Psych wraps long single-quoted strings at spaces, so the key name and the value land on
  // different lines of the cassette.
  const admin = `sk-ant-admin01-${t.mixed(URLSAFE, 93)}AA`;
  repo
    .file('apps/billing/spec/cassettes/AnthropicAdmin/creates_a_workspace_key.yml', 'vcr')
    .l(
      '---',
      'http_interactions:',
      '- request:',
      '    method: post',
      '    uri: https://api.anthropic.com/v1/organizations/api_keys',
    )
    .l('    headers:', '      X-Api-Key:')
    .d('      - "<ANTHROPIC_ADMIN_KEY>"', 'filtered placeholder')
    .l('  response:', '    status:', '      code: 201', '    body:', '      encoding: UTF-8')
    .l(
      `      string: '{"id": "apikey_${t.mixed(ALNUM, 24)}", "type": "api_key", "name": "billing-ci", "status": "active",`,
    )
    .s(`        "created_at": "2024-06-04T10:12:44Z", "key": "${admin}"}'`, 'anthropic', admin)
    .d('recorded_with: VCR 6.2.0', 'version');

  // vcrpy keeps non-UTF-8 bodies as !!binary base64.
  const npmTok = t.npm();
  const body = Buffer.from(`{"token":"${npmTok}","readonly":false}`).toString('base64');
  repo
    .file('services/release/tests/cassettes/test_npm_token_create.yaml', 'vcrpy')
    .l('interactions:', '- request:', '    body: null', '    headers:', '      npm-otp:')
    .d("      - '481516'", 'otp code of a past request')
    .l(
      '    method: POST',
      '    uri: https://registry.npmjs.org/-/npm/v1/tokens',
      '  response:',
      '    body:',
      '      string: !!binary |',
    )
    .s(`        ${body}`, 'npm', npmTok)
    .l('    status:', '      code: 200', 'version: 1');

  const do1 = t.digitalocean();
  repo
    .file('tools/infra-provider/internal/provider/droplet_acc_test.go', 'golden')
    .l('package provider', '', 'import (', '\t"os"', '\t"testing"', ')', '', 'func testAccPreCheck(t *testing.T) {')
    .l('\tif os.Getenv("DIGITALOCEAN_TOKEN") == "" {')
    .s(`\t\tos.Setenv("DIGITALOCEAN_TOKEN", "${do1}") // TODO: drop before merging`, 'digitalocean', do1)
    .l('\t}', '}')
    .d('\tconst fingerprint = "3b:16:bf:e4:8b:00:8b:b8:59:8c:a9:d3:f0:19:45:fa"', 'ssh key fingerprint');

  const xoxb = t.slackBot();
  repo
    .file('apps/web/src/lib/__snapshots__/slackClient.test.ts.snap', 'jest')
    .l(
      '// Jest Snapshot v1, https://goo.gl/fbAQLp',
      '',
      'exports[`slackClient surfaces API errors 1`] = `',
      '{',
      '  "config": {',
      '    "headers": {',
    )
    .s(`      "Authorization": "Bearer ${xoxb}",`, 'slack', xoxb)
    .l(
      '      "Content-Type": "application/json",',
      '    },',
      '    "url": "https://slack.com/api/chat.postMessage",',
      '  },',
    )
    .d(`  "message": "Request failed with status code 429",`, 'message')
    .l('}', '`;');

  const sid = t.twilioSid();
  const tok = t.twilioToken();
  repo
    .file('packages/notifier/jest.setup.js', 'jest')
    .d(
      "process.env.TWILIO_ACCOUNT_SID = process.env.TWILIO_ACCOUNT_SID || 'ACxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx';",
      'placeholder sid',
    )
    .d("process.env.TWILIO_AUTH_TOKEN = 'your_auth_token';", 'placeholder')
    .l('// integration: twilio test credentials of the staging subaccount')
    .l(`process.env.TWILIO_IT_SID = '${sid}';`)
    .s(`process.env.TWILIO_IT_TOKEN = '${tok}';`, 'twilio', tok);

  const ghClient = t.hex(40);
  const rabbit = x.pw();
  repo
    .file('services/orders/src/test/resources/application-it.properties', 'jvm')
    .l(`spring.security.oauth2.client.registration.github.client-id=Iv1.${x.lowerHex(16)}`)
    .s(`spring.security.oauth2.client.registration.github.client-secret=${ghClient}`, 'generic', ghClient)
    .d('spring.security.oauth2.client.registration.google.client-secret=${GOOGLE_CLIENT_SECRET}', 'placeholder')
    .l('spring.rabbitmq.host=rabbit.staging.acme-corp.io', 'spring.rabbitmq.username=orders-it')
    .s(`spring.rabbitmq.password=${rabbit}`, 'generic', rabbit);

  const sauceKey = t.uuid();
  repo
    .file('services/orders/src/e2eTest/java/io/acme/orders/e2e/RemoteDriverFactory.java', 'selenium')
    .l(
      'package io.acme.orders.e2e;',
      '',
      'import java.net.URL;',
      'import org.openqa.selenium.remote.RemoteWebDriver;',
      '',
    )
    .l('final class RemoteDriverFactory {')
    .s(
      `    private static final String HUB = "https://acme-qa:${sauceKey}@ondemand.eu-central-1.saucelabs.com:443/wd/hub";`,
      'saucelabs',
      sauceKey,
    )
    .d('    private static final String LOCAL_HUB = "http://localhost:4444/wd/hub";', 'local grid')
    .l(
      '    static RemoteWebDriver create(Capabilities caps) throws Exception {',
      '        return new RemoteWebDriver(new URL(HUB), caps);',
      '    }',
      '}',
    );

  const e2ePw = x.human();
  const mailslurp = t.hex(64);
  repo
    .file('apps/web/.env.e2e', 'playwright')
    .d('E2E_BASE_URL=https://app.staging.acme-corp.io', 'url')
    .l('E2E_USER=qa-admin@acme-corp.io')
    .s(`E2E_USER_PASSWORD=${e2ePw}`, 'generic', e2ePw)
    .s(`MAILSLURP_API_KEY=${mailslurp}`, 'generic', mailslurp)
    .d('PLAYWRIGHT_HTML_REPORT=playwright-report', 'setting');

  const cyPw = x.pw();
  repo
    .file('apps/web/cypress/fixtures/users.json', 'cypress')
    .l('{', '  "admin": {', '    "email": "qa-admin@acme-corp.io",')
    .s(`    "password": "${cyPw}"`, 'generic', cyPw)
    .l('  },', '  "viewer": {', '    "email": "viewer@example.com",')
    .d('    "password": "<from CYPRESS_VIEWER_PASSWORD>"', 'placeholder')
    .l('  }', '}');
}
