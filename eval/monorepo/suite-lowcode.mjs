// Red-team suite "lowcode": automation and low-code platforms' exports and configs as they get
// committed. n8n workflow exports (HTTP Request nodes with headers and query values inlined) and
// decrypted credential exports, Node-RED flows.json, plain flows_cred.json and settings.js,
// Zapier code steps and zap exports, Make / Integromat blueprints, Power Automate and Logic Apps
// definitions and ARM templates (connection keys, trigger URLs with sig=), Retool, Appsmith and
// Budibase exports and self-host env files, Airtable scripts, Google Apps Script (clasp
// .clasprc.json tokens, hard-coded keys), Salesforce (sfdx auth URLs, named credentials,
// connected apps), Pipedream code steps, IFTTT webhook keys, Jenkins Job DSL, config.xml,
// credentials.xml and JCasC, Postman environments and monitors, GitHub Actions workflow_dispatch
// defaults, AWX job template exports, Rundeck job definitions, Prefect, Windmill and Dagster.
// Decoys are what these files really hold: credential ids and names that point at a vault, node
// and webhook ids, encrypted blobs (n8n CryptoJS, Node-RED "$", Jenkins {AQAAAB…}, AWX
// $encrypted$), expressions and placeholders, OAuth client ids, Airtable base ids, bcrypt hashes.
// Every value is drawn from the seeded PRNG at run time.
import { ALNUM, DIGIT, HEX, LOWER, URLSAFE, Repo, makeTokens, mulberry32 } from './generate.mjs';

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 70001 + 41);
  const t = makeTokens(rand);
  const one = (list) => list[Math.floor(rand() * list.length)];
  const repo = new Repo();
  const bytes = (n) => Buffer.from(Array.from({ length: n }, () => Math.floor(rand() * 256)));
  // A password with no quote, colon, at-sign or slash, so it sits in a URL or a shell word as is.
  const plainPw = () => t.password().replace(/[^A-Za-z0-9_-]/g, 'x');

  // ---- vendor formats -------------------------------------------------------------------
  const airtablePat = () => `pat${t.mixed(ALNUM, 14)}.${t.hex(64)}`;
  const airtableBase = () => `app${t.mixed(ALNUM, 14)}`;
  const airtableTable = () => `tbl${t.mixed(ALNUM, 14)}`;
  const googleRefresh = () => `1//0${one(['3', '4', '6', '9', 'e', 'g'])}${t.mixed(URLSAFE, 98)}`;
  const googleAccess = () => `ya29.a0${t.mixed(URLSAFE, 160)}`;
  const googleClientSecret = () => `GOCSPX-${t.mixed(URLSAFE, 28)}`;
  const googleClientId = () => `${t.digits(12)}-${t.pick(LOWER + DIGIT, 32)}.apps.googleusercontent.com`;
  const sfRefresh = () => `5Aep861${t.mixed(ALNUM + '._', 80)}`;
  const sfOrgId = () => `00D${t.mixed(ALNUM, 12)}`;
  const sfAccess = () => `${sfOrgId()}!AQ${t.mixed(ALNUM + '._', 94)}`;
  const sfConsumerKey = () => `3MVG9${t.mixed(ALNUM + '._', 80)}`;
  const sfConsumerSecret = () => t.mixed('0123456789ABCDEF', 64);
  const jenkinsApiToken = () => `11${t.hex(32)}`;
  const jenkinsEncrypted = (len = 32) =>
    `{${Buffer.concat([Buffer.from([1, 0, 0, 0, 16, 0, 0, 0, len]), bytes(16), bytes(len)]).toString('base64')}}`;
  const postmanKey = () => `PMAK-${t.hex(24)}-${t.hex(34)}`;
  const prefectUser = () => `pnu_${t.mixed(ALNUM, 36)}`;
  const prefectBot = () => `pnb_${t.mixed(ALNUM, 36)}`;
  const hubspotPat = () => `pat-${one(['na1', 'eu1'])}-${t.uuid()}`;
  const notionLegacy = () => `secret_${t.mixed(ALNUM, 43)}`;
  const telegram = () => `${t.digits(10)}:AA${t.mixed(URLSAFE, 33)}`;
  const discordHook = () => `https://discord.com/api/webhooks/${t.digits(19)}/${t.mixed(URLSAFE, 68)}`;
  const mailchimp = () => `${t.hex(32)}-us${1 + Math.floor(rand() * 20)}`;
  const teamsHook = () =>
    `https://acmecorp.webhook.office.com/webhookb2/${t.uuid()}@${t.uuid()}/IncomingWebhook/${t.hex(32)}/${t.uuid()}`;
  const zapierHook = () => `https://hooks.zapier.com/hooks/catch/${t.digits(7)}/${t.lower(6)}/`;
  const makeHook = (region = 'eu2') => `https://hook.${region}.make.com/${t.lower(32)}`;
  const integromatHook = () => `https://hook.integromat.com/${t.lower(32)}`;
  const iftttKey = () => t.mixed(URLSAFE, 22);
  const logicSig = () => t.mixed(URLSAFE, 43);
  const logicAppUrl = (sig) =>
    `https://prod-${10 + Math.floor(rand() * 80)}.westeurope.logic.azure.com:443/workflows/${t.hex(32)}/triggers/manual/paths/invoke?api-version=2016-10-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=${sig}`;
  // Decoys: what these platforms store instead of values.
  const n8nEncrypted = () => Buffer.concat([Buffer.from('Salted__'), bytes(8), bytes(64)]).toString('base64');
  const noderedEncrypted = () => `${t.hex(32)}${bytes(96).toString('base64')}`;
  const bcrypt = () => `$2b$08$${t.mixed(ALNUM + './', 53)}`;
  const noderedId = () => t.pick(HEX, 16);

  // ---- n8n ------------------------------------------------------------------------------
  {
    const f = repo.file('automation/n8n/workflows/lead-enrichment.json', 'n8n');
    f.l('{', '  "name": "Lead enrichment",', '  "nodes": [', '    {', '      "parameters": {');
    f.l('        "httpMethod": "POST",');
    f.d(`        "path": "${t.uuid()}",`, 'webhook path uuid');
    f.l('        "options": {}', '      },');
    f.d(`      "id": "${t.uuid()}",`, 'node id');
    f.l('      "name": "Webhook",', '      "type": "n8n-nodes-base.webhook",', '      "typeVersion": 2,');
    f.l('      "position": [0, 0],');
    f.d(`      "webhookId": "${t.uuid()}"`, 'webhook id');
    f.l('    },', '    {', '      "parameters": {', '        "method": "POST",');
    f.l('        "url": "https://api.openai.com/v1/chat/completions",', '        "sendHeaders": true,');
    f.l('        "headerParameters": {', '          "parameters": [', '            {');
    f.l('              "name": "Authorization",');
    const oa = t.openai();
    f.s(`              "value": "Bearer ${oa}"`, 'openai', oa);
    f.l('            }', '          ]', '        },', '        "sendBody": true,');
    f.d(
      '        "jsonBody": "={{ JSON.stringify({ model: \'gpt-4o-mini\', input: $json.body.company }) }}",',
      'n8n expression',
    );
    f.l('        "options": {}', '      },');
    f.d(`      "id": "${t.uuid()}",`, 'node id');
    f.l(
      '      "name": "Summarise company",',
      '      "type": "n8n-nodes-base.httpRequest",',
      '      "typeVersion": 4.2',
    );
    f.l('    },', '    {', '      "parameters": {');
    f.l('        "url": "https://api.partner-enrich.io/v3/company",', '        "sendQuery": true,');
    f.l('        "queryParameters": {', '          "parameters": [', '            {');
    f.l('              "name": "api_key",');
    const q = t.mixed(ALNUM, 32);
    f.s(`              "value": "${q}"`, 'generic', q);
    f.l('            },', '            {', '              "name": "domain",');
    f.d('              "value": "={{ $json.body.domain }}"', 'n8n expression');
    f.l('            }', '          ]', '        },', '        "sendHeaders": true,');
    f.l('        "headerParameters": {', '          "parameters": [', '            {');
    f.l('              "name": "X-Partner-Token",');
    f.d('              "value": "={{ $env.PARTNER_TOKEN }}"', 'n8n env expression');
    f.l('            }', '          ]', '        }', '      },');
    f.d(`      "id": "${t.uuid()}",`, 'node id');
    f.l('      "name": "Enrich",', '      "type": "n8n-nodes-base.httpRequest",', '      "typeVersion": 4.2');
    f.l('    },', '    {', '      "parameters": {');
    f.l('        "select": "channel",');
    f.d(
      `        "channelId": { "__rl": true, "value": "C0${t.mixed('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 8)}", "mode": "id" },`,
      'slack channel id',
    );
    f.d('        "text": "={{ $json.summary }}"', 'n8n expression');
    f.l('      },', '      "credentials": {', '        "slackApi": {');
    f.d(`          "id": "${t.mixed(ALNUM, 16)}",`, 'n8n credential id');
    f.d('          "name": "Slack account"', 'n8n credential name');
    f.l('        }', '      },');
    f.d(`      "id": "${t.uuid()}",`, 'node id');
    f.l('      "name": "Post to Slack",', '      "type": "n8n-nodes-base.slack",', '      "typeVersion": 2.2', '    }');
    f.l('  ],', '  "connections": {},', '  "active": true,', '  "settings": { "executionOrder": "v1" },');
    f.d(`  "versionId": "${t.uuid()}",`, 'version id');
    f.d(`  "meta": { "instanceId": "${t.sha256()}" },`, 'instance id hash');
    f.d(`  "id": "${t.mixed(ALNUM, 16)}"`, 'workflow id');
    f.l('}');
  }
  {
    const f = repo.file('automation/n8n/workflows/stripe-daily-sync.json', 'n8n');
    f.l('{', '  "name": "Stripe daily sync",', '  "nodes": [', '    {', '      "parameters": {');
    f.l('        "url": "https://api.stripe.com/v1/balance_transactions?limit=100",');
    f.l('        "authentication": "genericCredentialType",', '        "genericAuthType": "httpHeaderAuth",');
    f.l('        "sendHeaders": true,', '        "headerParameters": {', '          "parameters": [');
    const sk = t.stripeLive();
    f.s(`            { "name": "Authorization", "value": "Bearer ${sk}" }`, 'stripe', sk);
    f.l('          ]', '        }', '      },', '      "credentials": {', '        "httpHeaderAuth": {');
    f.d(`          "id": "${t.digits(2)}",`, 'credential id');
    f.d('          "name": "Stripe header (unused)"', 'credential name');
    f.l('        }', '      },', '      "name": "Fetch balance",', '      "type": "n8n-nodes-base.httpRequest"');
    f.l('    },', '    {', '      "parameters": {');
    const hs = hubspotPat();
    f.l('        "url": "https://api.hubapi.com/crm/v3/objects/deals/batch/upsert",');
    f.l('        "headerParameters": {', '          "parameters": [');
    f.s(`            { "name": "Authorization", "value": "Bearer ${hs}" }`, 'hubspot', hs);
    f.l(
      '          ]',
      '        }',
      '      },',
      '      "name": "Upsert deals",',
      '      "type": "n8n-nodes-base.httpRequest"',
    );
    f.l('    },', '    {', '      "parameters": {');
    const sw = t.slackWebhook();
    f.s(`        "url": "${sw}",`, 'slack', sw);
    f.d('        "jsonBody": "={ \\"text\\": \\"Synced {{ $json.count }} transactions\\" }"', 'n8n expression');
    f.l('      },', '      "name": "Notify",', '      "type": "n8n-nodes-base.httpRequest"', '    },');
    f.l('    {', '      "parameters": {', '        "operation": "executeQuery",');
    f.d('        "query": "select * from deals where owner = \'{{ $json.owner }}\'"', 'sql with expression');
    f.l('      },', '      "credentials": {');
    f.d(
      `        "postgres": { "id": "${t.mixed(ALNUM, 16)}", "name": "Postgres prod (vault)" }`,
      'credential reference',
    );
    f.l('      },', '      "name": "Deals",', '      "type": "n8n-nodes-base.postgres"', '    }', '  ],');
    f.d(
      '  "pinData": { "Fetch balance": [{ "json": { "token": "{{$credentials.httpHeaderAuth.value}}" } }] },',
      'credentials expression',
    );
    f.l('  "active": false', '}');
  }
  {
    const f = repo.file('automation/n8n/backup/credentials-decrypted.json', 'n8n-credentials');
    f.l('[', '  {');
    f.d(`    "id": "${t.mixed(ALNUM, 16)}",`, 'credential id');
    f.l('    "name": "Postgres prod",', '    "type": "postgres",', '    "data": {');
    f.l('      "host": "pg-primary.prod.acme-corp.io",', '      "database": "crm",', '      "user": "n8n",');
    const pg = t.password();
    f.s(`      "password": "${pg}",`, 'generic', pg);
    f.l('      "port": 5432,', '      "ssl": "require"', '    }', '  },', '  {');
    f.d(`    "id": "${t.mixed(ALNUM, 16)}",`, 'credential id');
    f.l('    "name": "Slack account",', '    "type": "slackApi",', '    "data": {');
    const sb = t.slackBot();
    f.s(`      "accessToken": "${sb}"`, 'slack', sb);
    f.l('    }', '  },', '  {');
    f.d(`    "id": "${t.mixed(ALNUM, 16)}",`, 'credential id');
    f.l('    "name": "AWS archive",', '    "type": "aws",', '    "data": {', '      "region": "eu-central-1",');
    const ak = t.awsId();
    const as = t.awsSecret();
    f.s(`      "accessKeyId": "${ak}",`, 'aws', ak);
    f.s(`      "secretAccessKey": "${as}"`, 'aws', as);
    f.l('    }', '  }', ']');
  }
  {
    const f = repo.file('automation/n8n/backup/credentials.json', 'n8n-credentials');
    f.l('[');
    for (const [name, type] of [
      ['Postgres prod', 'postgres'],
      ['Slack account', 'slackApi'],
      ['Gmail OAuth', 'gmailOAuth2'],
    ]) {
      f.l('  {');
      f.d(`    "id": "${t.mixed(ALNUM, 16)}",`, 'credential id');
      f.l(`    "name": "${name}",`, `    "type": "${type}",`);
      f.d(`    "data": "${n8nEncrypted()}"`, 'n8n encrypted credential (CryptoJS AES)');
      f.l('  },');
    }
    f.l('  {}', ']');
  }
  {
    const f = repo.file('automation/n8n/docker-compose.yml', 'n8n-compose');
    f.l('services:', '  n8n:', '    image: docker.n8n.io/n8nio/n8n:1.64.3', '    environment:');
    f.l('      - DB_TYPE=postgresdb', '      - DB_POSTGRESDB_HOST=postgres', '      - DB_POSTGRESDB_USER=n8n');
    const dbpw = plainPw();
    f.s(`      - DB_POSTGRESDB_PASSWORD=${dbpw}`, 'generic', dbpw);
    const ek = t.mixed(ALNUM, 32);
    f.s(`      - N8N_ENCRYPTION_KEY=${ek}`, 'generic', ek);
    f.d('      - N8N_SMTP_PASS=${N8N_SMTP_PASS}', 'compose variable');
    f.l('      - N8N_HOST=automation.acme-corp.io', '      - WEBHOOK_URL=https://automation.acme-corp.io/');
    f.l('  postgres:', '    image: postgres:16', '    environment:', '      POSTGRES_USER: n8n');
    f.d('      POSTGRES_PASSWORD: ${DB_POSTGRESDB_PASSWORD:?set it in .env}', 'required variable');
  }

  // ---- Node-RED -------------------------------------------------------------------------
  {
    const f = repo.file('automation/node-red/flows.json', 'nodered');
    const tab = noderedId();
    const broker = noderedId();
    f.l('[', '  {');
    f.d(`    "id": "${tab}",`, 'node-red node id');
    f.l('    "type": "tab",', '    "label": "Telemetry"', '  },', '  {');
    f.d(`    "id": "${noderedId()}",`, 'node-red node id');
    f.l('    "type": "http request",', `    "z": "${tab}",`, '    "method": "GET",');
    f.l('    "url": "https://api.openweathermap.org/data/2.5/weather?q=Berlin",', '    "authType": "basic",');
    f.d('    "senderr": false,', 'flag');
    f.l('    "headers": [', '      {', '        "keyType": "other",', '        "keyValue": "X-Api-Key",');
    f.l('        "valueType": "other",');
    const wk = t.hex(32);
    f.s(`        "valueValue": "${wk}"`, 'generic', wk);
    f.l('      }', '    ]', '  },', '  {');
    f.d(`    "id": "${noderedId()}",`, 'node-red node id');
    f.l('    "type": "function",', `    "z": "${tab}",`, '    "name": "set auth",');
    const gh = t.github();
    f.s(
      `    "func": "msg.headers = { Authorization: 'token ${gh}', Accept: 'application/vnd.github+json' };\\nreturn msg;",`,
      'github',
      gh,
    );
    f.l('    "outputs": 1', '  },', '  {');
    f.d(`    "id": "${noderedId()}",`, 'node-red node id');
    f.l('    "type": "function",', '    "name": "from env",');
    f.d('    "func": "msg.headers = { Authorization: `Bearer ${env.get(\'API_TOKEN\')}` };\\nreturn msg;",', 'env.get');
    f.l('    "outputs": 1', '  },', '  {');
    f.d(`    "id": "${broker}",`, 'node-red node id');
    f.l('    "type": "mqtt-broker",', '    "name": "hivemq",', '    "broker": "mqtt.acme-corp.io",');
    f.l('    "port": "8883",', '    "usetls": true,');
    f.d(`    "clientid": "nodered-${t.hex(8)}"`, 'mqtt client id');
    f.l('  },', '  {');
    f.d(`    "id": "${noderedId()}",`, 'node-red node id');
    f.l('    "type": "telegram bot",', '    "botname": "acme_alerts_bot",');
    f.d('    "usernames": "",', 'empty');
    f.d(`    "chatids": "-100${t.digits(10)}"`, 'telegram chat id');
    f.l('  }', ']');
  }
  {
    const f = repo.file('automation/node-red/flows_cred.json', 'nodered-cred');
    f.l('{');
    f.l(`  "${noderedId()}": {`, '    "user": "weather"');
    f.l('  },', `  "${noderedId()}": {`, '    "user": "telemetry",');
    const mq = t.password();
    f.s(`    "password": "${mq}"`, 'generic', mq);
    f.l('  },', `  "${noderedId()}": {`);
    const tg = telegram();
    f.s(`    "token": "${tg}"`, 'telegram', tg);
    f.l('  }', '}');
  }
  {
    const f = repo.file('edge/gateway-01/.node-red/flows_cred.json', 'nodered-cred');
    f.d(`{"$":"${noderedEncrypted()}"}`, 'node-red encrypted credentials');
  }
  {
    const f = repo.file('automation/node-red/settings.js', 'nodered-settings');
    f.l('module.exports = {', '  flowFile: "flows.json",');
    f.l('  // Credentials are committed; keep the key in sync with the server.');
    const cs = t.mixed(ALNUM, 32);
    f.s(`  credentialSecret: "${cs}",`, 'nodered', cs);
    f.l('  adminAuth: {', '    type: "credentials",', '    users: [', '      {', '        username: "admin",');
    f.d(`        password: "${bcrypt()}",`, 'bcrypt hash');
    f.l('        permissions: "*"', '      }', '    ]', '  },');
    f.l('  httpNodeAuth: { user: "hooks",');
    const hn = t.password();
    f.s(`    pass: "${hn}" },`, 'generic', hn);
    f.l('  uiPort: process.env.PORT || 1880,', '};');
  }

  // ---- Zapier ---------------------------------------------------------------------------
  {
    const f = repo.file('automation/zapier/code-steps/enrich_lead.js', 'zapier');
    f.l('// Zapier "Code by Zapier" step (Run Javascript). inputData is mapped in the editor.');
    f.d('const email = inputData.email;', 'input mapping');
    f.d('const apiKey = inputData.apiKey || "{{bundle.authData.api_key}}";', 'zapier template');
    const mc = mailchimp();
    f.s(`const MAILCHIMP_KEY = '${mc}';`, 'mailchimp', mc);
    f.l(
      "const dc = MAILCHIMP_KEY.split('-')[1];",
      'const res = await fetch(`https://${dc}.api.mailchimp.com/3.0/lists/abc/members`, {',
    );
    f.d("  headers: { Authorization: 'apikey ' + MAILCHIMP_KEY },", 'variable');
    f.l('});', 'output = { status: res.status };');
  }
  {
    const f = repo.file('automation/zapier/exports/zap-new-order.json', 'zapier');
    f.l('{', '  "zap": {');
    f.d(`    "id": ${t.digits(9)},`, 'zap id');
    f.l('    "title": "New order -> warehouse",', '    "steps": [', '      {');
    f.l('        "app": "WebHooksCLIAPI",', '        "action": "hook_v2",');
    const zh = zapierHook();
    f.s(`        "webhook_url": "${zh}"`, 'zapier', zh);
    f.l('      },', '      {', '        "app": "WebHooksCLIAPI",', '        "action": "post",', '        "params": {');
    f.l('          "url": "https://wms.acme-corp.io/api/orders",');
    const wms = t.mixed(ALNUM, 40);
    f.s(`          "headers": { "X-API-Key": "${wms}" },`, 'generic', wms);
    f.d(
      '          "data": { "order_id": "{{291837465__id}}", "email": "{{291837465__customer__email}}" }',
      'zapier field mapping',
    );
    f.l('        }', '      },', '      {', '        "app": "SlackCLIAPI",');
    f.d(`        "authentication_id": ${t.digits(8)},`, 'zapier connection id');
    f.l('        "action": "channel_message"', '      }', '    ]', '  }', '}');
  }

  // ---- Make / Integromat ----------------------------------------------------------------
  {
    const f = repo.file('automation/make/blueprints/order-to-slack.blueprint.json', 'make');
    f.l('{', '  "name": "Order to Slack",', '  "flow": [', '    {', '      "id": 1,');
    f.l('      "module": "gateway:CustomWebHook",', '      "version": 1,');
    f.d(`      "parameters": { "hook": ${t.digits(6)}, "maxResults": 1 }`, 'make hook id (number)');
    f.l('    },', '    {', '      "id": 2,', '      "module": "http:ActionSendData",', '      "mapper": {');
    f.l('        "url": "https://api.sendgrid.com/v3/mail/send",', '        "method": "post",', '        "headers": [');
    const sg = t.sendgrid();
    f.s(`          { "name": "Authorization", "value": "Bearer ${sg}" },`, 'sendgrid', sg);
    f.d('          { "name": "X-Order", "value": "{{1.order.id}}" }', 'make mapping');
    f.l('        ]', '      }', '    },', '    {', '      "id": 3,', '      "module": "http:ActionSendData",');
    const mh = makeHook();
    f.s(`      "mapper": { "url": "${mh}", "method": "post" }`, 'make', mh);
    f.l('    },', '    {', '      "id": 4,', '      "module": "slack:CreateMessage",');
    f.d(`      "parameters": { "__IMTCONN__": ${t.digits(7)} },`, 'make connection id');
    f.d('      "mapper": { "text": "{{1.order.id}} paid by {{1.customer.email}}" }', 'make mapping');
    f.l('    },', '    {', '      "id": 5,', '      "module": "http:ActionSendData",', '      "mapper": {');
    f.l('        "url": "https://api.notion.com/v1/pages",', '        "headers": [');
    const nt = notionLegacy();
    f.s(`          { "name": "Authorization", "value": "Bearer ${nt}" },`, 'notion', nt);
    f.l('          { "name": "Notion-Version", "value": "2022-06-28" }', '        ]', '      }', '    }', '  ],');
    f.l('  "metadata": { "version": 1, "scenario": { "roundtrips": 1, "maxErrors": 3 } }', '}');
  }
  {
    const f = repo.file('automation/make/legacy/integromat-scenario.json', 'make');
    f.l('{', '  "name": "Legacy lead intake",', '  "flow": [', '    {', '      "id": 1,');
    f.l('      "module": "http:ActionSendData",');
    const ih = integromatHook();
    f.s(`      "mapper": { "url": "${ih}", "method": "post" }`, 'make', ih);
    f.l('    },', '    {', '      "id": 2,', '      "module": "http:ActionSendData",', '      "mapper": {');
    f.l('        "url": "https://api.telegram.org/bot{{connection.token}}/sendMessage",');
    f.d('        "qs": [{ "name": "chat_id", "value": "{{1.chat}}" }]', 'make mapping');
    f.l('      }', '    },', '    {', '      "id": 3,', '      "module": "http:ActionSendData",', '      "mapper": {');
    const dh = discordHook();
    f.s(`        "url": "${dh}",`, 'discord', dh);
    f.l('        "method": "post"', '      }', '    }', '  ]', '}');
  }

  // ---- Power Automate / Logic Apps ------------------------------------------------------
  {
    const f = repo.file(
      `automation/power-automate/ApprovalFlow/Microsoft.Flow/flows/${t.uuid()}/definition.json`,
      'power-automate',
    );
    f.l('{', '  "name": "approval-flow",', '  "properties": {', '    "definition": {');
    f.l(
      '      "$schema": "https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#",',
    );
    f.l('      "triggers": { "manual": { "type": "Request", "kind": "Http", "inputs": { "schema": {} } } },');
    f.l('      "actions": {', '        "Call_pricing": {', '          "type": "Http",', '          "inputs": {');
    f.l('            "method": "POST",', '            "uri": "https://apim-acme.azure-api.net/pricing/v1/quote",');
    f.l('            "headers": {');
    const apim = t.hex(32);
    f.s(`              "Ocp-Apim-Subscription-Key": "${apim}",`, 'generic', apim);
    f.d('              "X-Correlation": "@{triggerBody()?[\'requestId\']}"', 'flow expression');
    f.l('            }', '          }', '        },', '        "Forward_to_intake": {', '          "type": "Http",');
    const sig = logicSig();
    f.s(`          "inputs": { "method": "POST", "uri": "${logicAppUrl(sig)}" }`, 'azure', sig);
    f.l('        },', '        "Send_mail": {', '          "type": "OpenApiConnection",', '          "inputs": {');
    f.d(
      '            "host": { "connectionName": "shared_office365", "operationId": "SendEmailV2", "apiId": "/providers/Microsoft.PowerApps/apis/shared_office365" },',
      'connection reference',
    );
    f.d('            "authentication": "@parameters(\'$authentication\')"', 'flow parameter');
    f.l('          }', '        }', '      }', '    },', '    "connectionReferences": {');
    f.d(
      `      "shared_office365": { "connectionName": "shared-office365-${t.uuid()}", "source": "Embedded", "id": "/providers/Microsoft.PowerApps/apis/shared_office365" }`,
      'connection name',
    );
    f.l('    }', '  }', '}');
  }
  {
    const f = repo.file('infra/logicapps/order-intake/template.json', 'logicapps');
    f.l('{', '  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",');
    f.l('  "contentVersion": "1.0.0.0",', '  "parameters": {');
    f.d('    "sqlPassword": { "type": "securestring" },', 'securestring without default');
    f.l('    "location": { "type": "string", "defaultValue": "westeurope" }', '  },', '  "resources": [', '    {');
    f.l('      "type": "Microsoft.Web/connections",', '      "name": "azureblob",', '      "properties": {');
    f.l(
      '        "api": { "id": "[subscriptionResourceId(\'Microsoft.Web/locations/managedApis\', parameters(\'location\'), \'azureblob\')]" },',
    );
    f.l('        "parameterValues": {', '          "accountName": "acmeorders",');
    const sk = t.azureStorageKey();
    f.s(`          "accessKey": "${sk}"`, 'azure', sk);
    f.l(
      '        }',
      '      }',
      '    },',
      '    {',
      '      "type": "Microsoft.Web/connections",',
      '      "name": "sendgrid",',
    );
    const sg = t.sendgrid();
    f.s(`      "properties": { "parameterValues": { "apiKey": "${sg}" } }`, 'sendgrid', sg);
    f.l(
      '    },',
      '    {',
      '      "type": "Microsoft.Web/connections",',
      '      "name": "sql",',
      '      "properties": {',
    );
    f.l(
      '        "parameterValues": {',
      '          "server": "acme-sql.database.windows.net",',
      '          "database": "orders",',
    );
    f.l('          "username": "logicapp",');
    f.d('          "password": "[parameters(\'sqlPassword\')]"', 'arm parameter reference');
    f.l(
      '        }',
      '      }',
      '    },',
      '    {',
      '      "type": "Microsoft.Logic/workflows",',
      '      "name": "order-intake",',
    );
    f.l('      "properties": {', '        "definition": {', '          "actions": {', '            "Archive": {');
    f.l('              "type": "Http",', '              "inputs": {', '                "method": "PUT",');
    const sas = t.azureSasSig();
    f.s(
      `                "uri": "https://acmeorders.blob.core.windows.net/archive/@{triggerBody()?['id']}.json?sv=2022-11-02&ss=b&srt=o&sp=rwc&se=2027-06-30T00:00:00Z&spr=https&sig=${sas}"`,
      'azure',
      sas,
    );
    f.l('              }', '            }', '          }', '        }', '      }', '    }', '  ]', '}');
  }
  {
    const f = repo.file('docs/integrations/power-automate.md', 'docs');
    f.l('# Calling the intake flow', '', 'The HTTP trigger of the intake flow (copied from the designer):', '', '```');
    const sig = logicSig();
    f.s(logicAppUrl(sig), 'azure', sig);
    f.l('```', '', 'In tickets, always mask the signature:', '');
    f.d(
      `    https://prod-21.westeurope.logic.azure.com:443/workflows/${t.hex(32)}/triggers/manual/paths/invoke?api-version=2016-10-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=<redacted>`,
      'masked sig',
    );
    const th = teamsHook();
    f.l('', 'Failures are posted to the Teams channel through:', '');
    f.s(`    ${th}`, 'microsoftteams', th);
  }

  // ---- Retool / Appsmith / Budibase -----------------------------------------------------
  {
    const f = repo.file('apps/retool/resources/resources.json', 'retool');
    f.l('[', '  {', '    "name": "prod_postgres",', '    "type": "postgresql",', '    "options": {');
    f.l('      "host": "pg-replica.prod.acme-corp.io",', '      "port": "5432",', '      "databaseName": "app",');
    f.l('      "databaseUsername": "retool_ro",');
    const p1 = t.password();
    f.s(`      "databasePassword": "${p1}",`, 'generic', p1);
    f.l('      "ssl": true', '    }', '  },', '  {', '    "name": "github_api",', '    "type": "restapi",');
    f.l('    "options": {', '      "baseURL": "https://api.github.com",', '      "headers": [');
    const gh = t.github();
    f.s(`        ["Authorization", "Bearer ${gh}"],`, 'github', gh);
    f.d('        ["X-Requested-By", "{{ current_user.email }}"]', 'retool template');
    f.l('      ]', '    }', '  },', '  {', '    "name": "stripe",', '    "type": "restapi",', '    "options": {');
    f.l('      "baseURL": "https://api.stripe.com/v1",', '      "authentication": "bearer",');
    f.d('      "bearerToken": "{{ retoolContext.configVars.STRIPE_KEY }}"', 'retool config var');
    f.l('    }', '  },', '  {', '    "name": "warehouse",', '    "type": "snowflake",', '    "options": {');
    f.l('      "account": "acme-eu1",', '      "username": "RETOOL_SVC",');
    const sf = t.password();
    f.s(`      "password": "${sf}"`, 'generic', sf);
    f.l('    }', '  }', ']');
  }
  {
    const f = repo.file('apps/retool/docker.env', 'retool');
    f.l('NODE_ENV=production', 'DEPLOYMENT_TEMPLATE_TYPE=docker-compose', 'POSTGRES_DB=hammerhead_production');
    f.l('POSTGRES_USER=retool_internal_user', 'POSTGRES_HOST=postgres');
    const pp = plainPw();
    f.s(`POSTGRES_PASSWORD=${pp}`, 'generic', pp);
    const jw = t.mixed(ALNUM, 64);
    f.s(`JWT_SECRET=${jw}`, 'generic', jw);
    f.d('LICENSE_KEY=EXPIRED-LICENSE-KEY-TRIAL', 'documented trial placeholder');
    f.d('COOKIE_INSECURE=true', 'setting');
  }
  {
    const f = repo.file('apps/appsmith/ops-portal/datasources/Orders_DB.json', 'appsmith');
    f.l('{', '  "name": "Orders DB",', '  "pluginId": "postgres-plugin",', '  "datasourceConfiguration": {');
    f.l('    "connection": { "mode": "READ_WRITE", "ssl": { "authType": "DEFAULT" } },');
    f.l('    "endpoints": [{ "host": "orders-db.internal", "port": 5432 }],', '    "authentication": {');
    f.l('      "authenticationType": "dbAuth",', '      "username": "appsmith",');
    const ap = t.password();
    f.s(`      "password": "${ap}",`, 'generic', ap);
    f.l('      "databaseName": "orders"', '    }', '  },');
    f.d(`  "gitSyncId": "${t.hex(24)}_${t.uuid()}"`, 'git sync id');
    f.l('}');
  }
  {
    const f = repo.file('apps/appsmith/ops-portal/pages/Orders/queries/RefundApi/RefundApi.json', 'appsmith');
    f.l('{', '  "name": "RefundApi",', '  "actionConfiguration": {', '    "httpMethod": "POST",');
    f.l('    "path": "/v1/refunds",', '    "headers": [');
    const rk = `rk_live_51${t.mixed(ALNUM, 97)}`;
    f.s(`      { "key": "Authorization", "value": "Bearer ${rk}" },`, 'stripe', rk);
    f.d('      { "key": "Idempotency-Key", "value": "{{OrdersTable.selectedRow.id}}" }', 'appsmith binding');
    f.l('    ],', '    "body": "charge={{OrdersTable.selectedRow.charge_id}}"', '  }', '}');
  }
  {
    const f = repo.file('apps/appsmith/docker.env', 'appsmith');
    const ep = t.mixed(ALNUM, 24);
    f.s(`APPSMITH_ENCRYPTION_PASSWORD=${ep}`, 'generic', ep);
    f.l('APPSMITH_MAIL_ENABLED=true', 'APPSMITH_MAIL_HOST=smtp.sendgrid.net', 'APPSMITH_MAIL_USERNAME=apikey');
    const sg = t.sendgrid();
    f.s(`APPSMITH_MAIL_PASSWORD=${sg}`, 'sendgrid', sg);
    f.d('APPSMITH_OAUTH2_GOOGLE_CLIENT_ID=' + googleClientId(), 'oauth client id');
    const gcs = googleClientSecret();
    f.s(`APPSMITH_OAUTH2_GOOGLE_CLIENT_SECRET=${gcs}`, 'gcp', gcs);
  }
  {
    const f = repo.file('apps/budibase/export/datasources.json', 'budibase');
    f.l('[', '  {');
    f.d(`    "_id": "datasource_${t.hex(32)}",`, 'budibase datasource id');
    f.l('    "name": "Inventory MySQL",', '    "source": "MYSQL",', '    "config": {');
    f.l('      "host": "mysql.internal",', '      "port": 3306,', '      "user": "budibase",');
    const bm = t.password();
    f.s(`      "password": "${bm}",`, 'generic', bm);
    f.l('      "database": "inventory"', '    }', '  },', '  {');
    f.d(`    "_id": "datasource_${t.hex(32)}",`, 'budibase datasource id');
    f.l('    "name": "CRM API",', '    "source": "REST",', '    "config": {');
    f.l('      "url": "https://crm.acme-corp.io/api",', '      "defaultHeaders": {');
    f.d('        "Authorization": "Bearer {{ env.CRM_TOKEN }}"', 'budibase env binding');
    f.l('      }', '    }', '  },', '  {');
    f.d(`    "_id": "datasource_${t.hex(32)}",`, 'budibase datasource id');
    f.l('    "name": "Mongo events",', '    "source": "MONGODB",', '    "config": {');
    const mp = plainPw();
    f.s(
      `      "connectionString": "mongodb+srv://budibase:${mp}@events.${t.lower(5)}.mongodb.net/events"`,
      'mongodb',
      mp,
    );
    f.l('    }', '  }', ']');
  }

  // ---- Airtable scripts -----------------------------------------------------------------
  {
    const f = repo.file('scripts/airtable/sync-inventory.js', 'airtable');
    f.l('// Airtable scripting extension: copy low-stock rows to the purchasing base.');
    f.d(
      'const config = input.config({ title: "Sync", items: [input.config.table("table", { label: "Stock" })] });',
      'input.config',
    );
    const at = airtablePat();
    f.s(`const TOKEN = "${at}";`, 'airtable', at);
    f.d(`const PURCHASING_BASE = "${airtableBase()}";`, 'airtable base id');
    f.d(`const ORDERS_TABLE = "${airtableTable()}";`, 'airtable table id');
    f.l(
      'const res = await remoteFetchAsync(`https://api.airtable.com/v0/${PURCHASING_BASE}/${ORDERS_TABLE}`, {',
      "  method: 'POST',",
    );
    f.d('  headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json" },', 'template variable');
    f.l('  body: JSON.stringify({ records: [] }),', '});');
    const sw = t.slackWebhook();
    f.s(`await remoteFetchAsync("${sw}", { method: "POST", body: JSON.stringify({ text: "synced" }) });`, 'slack', sw);
  }
  {
    const f = repo.file('scripts/airtable/automations/notify-on-approval.js', 'airtable');
    f.l('// Airtable automation "Run a script" action');
    f.d('const { recordId } = input.config();', 'input.config');
    f.d("const apiKey = input.secret('openaiKey');", 'airtable secret reference');
    const oa = t.openai();
    f.s(`const FALLBACK_KEY = '${oa}';`, 'openai', oa);
    f.l('output.set("ok", true);');
  }

  // ---- Google Apps Script ---------------------------------------------------------------
  {
    const f = repo.file('gas/inventory-sync/.clasprc.json', 'gas');
    f.l('{', '  "token": {');
    const acc = googleAccess();
    f.s(`    "access_token": "${acc}",`, 'gcp', acc);
    const rt = googleRefresh();
    f.s(`    "refresh_token": "${rt}",`, 'gcp', rt);
    f.l(
      '    "scope": "https://www.googleapis.com/auth/script.projects https://www.googleapis.com/auth/drive.file",',
      '    "token_type": "Bearer",',
    );
    f.d(`    "expiry_date": ${1764547200000 + Math.floor(rand() * 1e9)}`, 'timestamp');
    f.l('  },', '  "oauth2ClientSettings": {');
    f.d(`    "clientId": "${googleClientId()}",`, 'oauth client id');
    const cs = googleClientSecret();
    f.s(`    "clientSecret": "${cs}",`, 'gcp', cs);
    f.l('    "redirectUri": "http://localhost"', '  },', '  "isLocalCreds": true', '}');
  }
  {
    const f = repo.file('gas/inventory-sync/src/Code.gs', 'gas');
    const mk = t.gcpApiKey();
    f.s(`var MAPS_KEY = '${mk}';`, 'gcp', mk);
    f.d("var OPENAI_KEY = PropertiesService.getScriptProperties().getProperty('OPENAI_KEY');", 'script properties');
    f.l('', 'function syncOrders() {');
    f.d('  var token = ScriptApp.getOAuthToken();', 'runtime oauth token');
    const bu = 'shop-sync';
    const bp = plainPw();
    f.s(`  var auth = 'Basic ' + Utilities.base64Encode('${bu}:${bp}');`, 'generic', bp);
    f.l("  var res = UrlFetchApp.fetch('https://erp.acme-corp.io/api/orders', { headers: { Authorization: auth } });");
    f.l('}');
    const tg = telegram();
    f.s(`var TELEGRAM_URL = 'https://api.telegram.org/bot${tg}/sendMessage';`, 'telegram', tg);
  }

  // ---- Salesforce -----------------------------------------------------------------------
  {
    const f = repo.file('salesforce/config/ci-auth-url.txt', 'salesforce');
    const r = sfRefresh();
    f.s(`force://PlatformCLI::${r}@acme-corp.my.salesforce.com`, 'salesforce', r);
  }
  {
    const f = repo.file('.github/workflows/salesforce-deploy.yml', 'salesforce');
    f.l('name: salesforce-deploy', 'on: [push]', 'jobs:', '  deploy:', '    runs-on: ubuntu-latest', '    steps:');
    f.l('      - uses: actions/checkout@v4', '      - run: npm install -g @salesforce/cli');
    f.d('      - run: echo "${{ secrets.SFDX_AUTH_URL }}" > auth.txt', 'actions secret');
    const r = sfRefresh();
    f.s(
      `      - run: echo "force://PlatformCLI::${r}@acme-corp--uat.sandbox.my.salesforce.com" > uat.txt`,
      'salesforce',
      r,
    );
    f.l('      - run: sf org login sfdx-url --sfdx-url-file auth.txt --alias prod');
  }
  {
    const f = repo.file(
      'salesforce/force-app/main/default/namedCredentials/Billing_API.namedCredential-meta.xml',
      'salesforce-xml',
    );
    f.l('<?xml version="1.0" encoding="UTF-8"?>', '<NamedCredential xmlns="http://soap.sforce.com/2006/04/metadata">');
    f.l('    <endpoint>https://billing.acme-corp.io/api</endpoint>', '    <label>Billing API</label>');
    f.l('    <principalType>NamedUser</principalType>', '    <protocol>Password</protocol>');
    f.l('    <username>sf-integration</username>');
    const np = t.password();
    f.s(`    <password>${np}</password>`, 'generic', np);
    f.l('    <generateAuthorizationHeader>true</generateAuthorizationHeader>', '</NamedCredential>');
  }
  {
    const f = repo.file('salesforce/force-app/main/default/classes/ErpCallout.cls', 'salesforce-apex');
    f.l('public with sharing class ErpCallout {', '    public static HttpResponse send(String body) {');
    f.l('        HttpRequest req = new HttpRequest();', "        req.setEndpoint('callout:Billing_API/orders');");
    f.d("        req.setHeader('X-Auth', '{!$Credential.Password}');", 'named credential merge field');
    const ek = t.mixed(ALNUM, 40);
    f.s(`        req.setHeader('X-Erp-Key', '${ek}');`, 'generic', ek);
    f.l('        req.setBody(body);', '        return new Http().send(req);', '    }', '}');
  }
  {
    const f = repo.file('salesforce/scripts/connected-app.json', 'salesforce');
    f.l('{', '  "loginUrl": "https://login.salesforce.com",');
    f.d(`  "consumerKey": "${sfConsumerKey()}",`, 'connected app consumer key (client id)');
    const sec = sfConsumerSecret();
    f.s(`  "consumerSecret": "${sec}",`, 'salesforce', sec);
    const at = sfAccess();
    f.s(`  "accessToken": "${at}",`, 'salesforce', at);
    f.d(`  "orgId": "${sfOrgId()}",`, 'org id');
    f.d(`  "userId": "005${t.mixed(ALNUM, 15)}"`, 'user record id');
    f.l('}');
  }

  // ---- Pipedream / IFTTT ----------------------------------------------------------------
  {
    const f = repo.file('automation/pipedream/github-to-slack/code.mjs', 'pipedream');
    f.l('import { axios } from "@pipedream/platform";', '', 'export default defineComponent({');
    f.l('  props: { github: { type: "app", app: "github" } },', '  async run({ steps, $ }) {');
    f.d('    const token = this.github.$auth.oauth_access_token;', 'pipedream auth reference');
    f.d('    const pr = steps.trigger.event.body.pull_request;', 'step reference');
    const sb = t.slackBot();
    f.s(`    const SLACK_TOKEN = "${sb}";`, 'slack', sb);
    f.l('    return await axios($, {', '      method: "POST",', '      url: "https://slack.com/api/chat.postMessage",');
    f.d('      headers: { Authorization: `Bearer ${SLACK_TOKEN}` },', 'template variable');
    f.l('      data: { channel: "#deploys", text: pr.title },', '    });', '  },', '});');
  }
  {
    const f = repo.file('scripts/notify-ifttt.sh', 'ifttt');
    f.l('#!/usr/bin/env bash', 'set -euo pipefail');
    const k = iftttKey();
    f.s(
      `curl -fsS -X POST "https://maker.ifttt.com/trigger/backup_failed/with/key/${k}" -d value1="$HOSTNAME"`,
      'ifttt',
      k,
    );
    f.d('curl -fsS -X POST "https://maker.ifttt.com/trigger/backup_ok/with/key/${IFTTT_KEY}"', 'variable');
    f.d('# docs: https://maker.ifttt.com/trigger/{event}/with/key/{your_key}', 'placeholder');
  }

  // ---- Jenkins --------------------------------------------------------------------------
  {
    const f = repo.file('ci/jenkins/jobs/seed.groovy', 'jenkins-dsl');
    f.l("pipelineJob('deploy-api') {", '  parameters {');
    f.d(
      "    credentialsParam('DEPLOY_KEY') { defaultValue('deploy-key'); type('com.cloudbees.jenkins.plugins.sshcredentials.impl.BasicSSHUserPrivateKey') }",
      'credentials id',
    );
    f.d("    nonStoredPasswordParam('DB_PASSWORD', 'asked at build time')", 'non-stored password param');
    const sp = t.password();
    f.s(`    stringParam('SMOKE_PASSWORD', '${sp}', 'password for the smoke user')`, 'generic', sp);
    f.l('  }', '  properties {', '    pipelineTriggers {', '      triggers {', '        genericTrigger {');
    const gt = t.mixed(ALNUM, 32);
    f.s(`          token('${gt}')`, 'jenkins', gt);
    f.l('        }', '      }', '    }', '  }');
    const at = t.mixed(ALNUM, 24);
    f.s(`  authenticationToken('${at}')`, 'jenkins', at);
    f.l('  definition {', '    cpsScm {', '      scm {', '        git {', '          remote {');
    f.l("            url('git@github.com:acme-corp/api.git')");
    f.d("            credentials('github-deploy-key')", 'credentials id');
    f.l('          }', '        }', '      }', '    }', '  }', '}');
  }
  {
    const f = repo.file('ci/jenkins/scripts/trigger-release.sh', 'jenkins-dsl');
    f.l('#!/bin/sh');
    const jt = jenkinsApiToken();
    f.s(
      `curl -X POST -u release-bot:${jt} https://jenkins.acme-corp.io/job/release/buildWithParameters?TAG=$1`,
      'jenkins',
      jt,
    );
    f.d('curl -X POST -u "release-bot:$JENKINS_API_TOKEN" https://jenkins.acme-corp.io/job/release/build', 'variable');
  }
  {
    const f = repo.file('ci/jenkins/jobs/deploy-api/config.xml', 'jenkins-xml');
    f.l("<?xml version='1.1' encoding='UTF-8'?>", '<flow-definition plugin="workflow-job@1400.v7fd111b_ec82f">');
    f.l('  <properties>', '    <hudson.model.ParametersDefinitionProperty>', '      <parameterDefinitions>');
    f.l('        <hudson.model.PasswordParameterDefinition>', '          <name>DB_PASSWORD</name>');
    f.d(`          <defaultValue>${jenkinsEncrypted(32)}</defaultValue>`, 'jenkins encrypted secret');
    f.l('        </hudson.model.PasswordParameterDefinition>', '        <hudson.model.StringParameterDefinition>');
    f.l('          <name>REGISTRY_TOKEN</name>');
    const gl = t.gitlab();
    f.s(`          <defaultValue>${gl}</defaultValue>`, 'gitlab', gl);
    f.l('          <trim>true</trim>', '        </hudson.model.StringParameterDefinition>');
    f.l('      </parameterDefinitions>', '    </hudson.model.ParametersDefinitionProperty>', '  </properties>');
    const tk = t.mixed(ALNUM, 32);
    f.s(`  <authToken>${tk}</authToken>`, 'jenkins', tk);
    f.l(
      '  <definition class="org.jenkinsci.plugins.workflow.cps.CpsScmFlowDefinition">',
      '    <scm class="hudson.plugins.git.GitSCM">',
    );
    f.l('      <userRemoteConfigs>', '        <hudson.plugins.git.UserRemoteConfig>');
    f.l('          <url>https://github.com/acme-corp/api.git</url>');
    f.d('          <credentialsId>github-deploy</credentialsId>', 'credentials id');
    f.l(
      '        </hudson.plugins.git.UserRemoteConfig>',
      '      </userRemoteConfigs>',
      '    </scm>',
      '  </definition>',
    );
    f.l('</flow-definition>');
  }
  {
    const f = repo.file('ci/jenkins/home/credentials.xml', 'jenkins-xml');
    f.l(
      "<?xml version='1.1' encoding='UTF-8'?>",
      '<com.cloudbees.plugins.credentials.SystemCredentialsProvider plugin="credentials@1371.vfee6b_095f0a_3">',
    );
    f.l(
      '  <domainCredentialsMap class="hudson.util.CopyOnWriteMap$Hash">',
      '    <entry>',
      '      <java.util.concurrent.CopyOnWriteArrayList>',
    );
    f.l(
      '        <com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl>',
      '          <scope>GLOBAL</scope>',
    );
    f.d('          <id>nexus-deploy</id>', 'credential id');
    f.l('          <username>deploy</username>');
    f.d(`          <password>${jenkinsEncrypted(32)}</password>`, 'jenkins encrypted secret');
    f.l('        </com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl>');
    f.l(
      '        <org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl>',
      '          <scope>GLOBAL</scope>',
    );
    f.d('          <id>slack-token</id>', 'credential id');
    f.d(`          <secret>${jenkinsEncrypted(64)}</secret>`, 'jenkins encrypted secret');
    f.l('        </org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl>');
    f.l(
      '        <org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl>',
      '          <scope>GLOBAL</scope>',
    );
    f.d('          <id>npm-publish</id>', 'credential id');
    f.l('          <description>restored from backup, Jenkins re-encrypts on save</description>');
    const np = t.npm();
    f.s(`          <secret>${np}</secret>`, 'npm', np);
    f.l('        </org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl>');
    f.l('        <com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl>');
    f.d('          <id>artifactory</id>', 'credential id');
    f.l('          <username>ci</username>');
    const ap = t.password();
    f.s(`          <password>${ap}</password>`, 'generic', ap);
    f.l('        </com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl>');
    f.l('      </java.util.concurrent.CopyOnWriteArrayList>', '    </entry>', '  </domainCredentialsMap>');
    f.l('</com.cloudbees.plugins.credentials.SystemCredentialsProvider>');
  }
  {
    const f = repo.file('ci/jenkins/casc/jenkins.yaml', 'jenkins-casc');
    f.l(
      'jenkins:',
      '  securityRealm:',
      '    local:',
      '      allowsSignup: false',
      '      users:',
      '        - id: admin',
    );
    f.d('          password: "${JENKINS_ADMIN_PASSWORD}"', 'casc variable');
    f.l('        - id: ops');
    const op = t.password();
    f.s(`          password: "${op}"`, 'generic', op);
    f.l('credentials:', '  system:', '    domainCredentials:', '      - credentials:', '          - string:');
    f.l('              scope: GLOBAL', '              id: slack-bot');
    const sb = t.slackBot();
    f.s(`              secret: "${sb}"`, 'slack', sb);
    f.l('          - string:', '              scope: GLOBAL', '              id: sonar');
    f.d(`              secret: "${jenkinsEncrypted(48)}"`, 'jenkins encrypted secret');
    f.l('          - basicSSHUserPrivateKey:', '              id: deploy-key', '              username: deploy');
    f.l('              privateKeySource:', '                directEntry:');
    f.d('                  privateKey: "${readFile:/run/secrets/deploy_key}"', 'casc file reference');
    f.l('unclassified:', '  slackNotifier:', '    teamDomain: acme-corp');
    f.d('    tokenCredentialId: slack-bot', 'credentials id');
  }
  {
    const f = repo.file('ci/jenkins/Jenkinsfile', 'jenkins-pipeline');
    f.l('pipeline {', '  agent any', '  environment {');
    f.d("    NEXUS = credentials('nexus-deploy')", 'credentials binding');
    const dd = t.ddApi();
    f.s(`    DD_API_KEY = '${dd}'`, 'datadog', dd);
    f.l('  }', '  stages {', "    stage('publish') {", '      steps {');
    f.d(
      "        withCredentials([usernamePassword(credentialsId: 'artifactory', usernameVariable: 'U', passwordVariable: 'P')]) {",
      'withCredentials',
    );
    f.d('          sh \'curl -u "$U:$P" -T dist/app.tgz https://artifacts.acme-corp.io/npm/\'', 'shell variables');
    f.l('        }');
    f.l('      }', '    }', '  }', '}');
  }

  // ---- Postman --------------------------------------------------------------------------
  {
    const f = repo.file('postman/environments/staging.postman_environment.json', 'postman');
    f.l('{');
    f.d(`  "id": "${t.uuid()}",`, 'environment id');
    f.l('  "name": "staging",', '  "values": [');
    f.l('    { "key": "baseUrl", "value": "https://staging-api.acme-corp.io", "type": "default", "enabled": true },');
    const sk = t.stripeTest();
    f.s(`    { "key": "stripeKey", "value": "${sk}", "type": "secret", "enabled": true },`, 'stripe', sk);
    const ap = t.password();
    f.s(`    { "key": "adminPassword", "value": "${ap}", "type": "secret", "enabled": true },`, 'generic', ap);
    f.d('    { "key": "accessToken", "value": "", "type": "secret", "enabled": true },', 'empty secret');
    f.d(
      '    { "key": "authHeader", "value": "Bearer {{accessToken}}", "type": "default", "enabled": true }',
      'postman variable',
    );
    f.l('  ],', '  "_postman_variable_scope": "environment"', '}');
  }
  {
    const f = repo.file('postman/monitors/create-monitor.sh', 'postman');
    f.l('#!/usr/bin/env bash', '# Creates the nightly checkout monitor.');
    const pk = postmanKey();
    f.s(`curl -s -X POST https://api.getpostman.com/monitors -H "X-Api-Key: ${pk}" \\`, 'postman', pk);
    f.d(
      `  -d '{"monitor":{"name":"checkout","collection":"${t.digits(8)}-${t.uuid()}","schedule":{"cron":"0 3 * * *"}}}'`,
      'collection uid',
    );
    f.d('newman run checkout.postman_collection.json --env-var "apiKey=$CHECKOUT_API_KEY"', 'variable');
    const ck = t.mixed(ALNUM, 32);
    f.s(`newman run checkout.postman_collection.json --env-var "apiKey=${ck}" --reporters cli`, 'generic', ck);
  }

  // ---- GitHub Actions workflow_dispatch -------------------------------------------------
  {
    const f = repo.file('.github/workflows/manual-deploy.yml', 'gha');
    f.l('name: manual-deploy', 'on:', '  workflow_dispatch:', '    inputs:', '      environment:');
    f.l('        type: choice', '        options: [staging, production]', '        default: staging');
    f.l(
      '      registry_token:',
      "        description: 'Token for ghcr.io (leave as is for the bot)'",
      '        required: false',
    );
    const gh = t.github();
    f.s(`        default: '${gh}'`, 'github', gh);
    f.l('      smoke_password:', '        description: Password of the smoke-test user', '        type: string');
    const sp = t.password();
    f.s(`        default: "${sp}"`, 'generic', sp);
    f.l('      api_token:', '        required: true');
    f.d("        default: ''", 'empty');
    f.l('jobs:', '  deploy:', '    runs-on: ubuntu-latest', '    steps:');
    f.d(
      '      - run: echo "${{ inputs.registry_token }}" | docker login ghcr.io -u acme-bot --password-stdin',
      'inputs expression',
    );
    f.d('        env: { SMOKE_PASSWORD: "${{ secrets.SMOKE_PASSWORD }}" }', 'secrets expression');
  }

  // ---- AWX / Ansible Tower --------------------------------------------------------------
  {
    const f = repo.file('ops/awx/export/job_templates.json', 'awx');
    f.l('{', '  "job_templates": [', '    {', '      "name": "Deploy API",', '      "job_type": "run",');
    f.l('      "playbook": "deploy.yml",');
    const dbp = t.password();
    f.s(`      "extra_vars": "---\\napp_env: prod\\ndb_password: '${dbp}'\\n",`, 'generic', dbp);
    f.l('      "survey_enabled": true,', '      "related": {', '        "credentials": [');
    f.d('          { "name": "prod-ssh", "kind": "ssh", "type": "credential" }', 'credential reference');
    f.l('        ],', '        "survey_spec": {', '          "spec": [');
    f.d('            { "variable": "vault_pass", "type": "password", "default": "$encrypted$" },', 'awx encrypted');
    const sv = t.password();
    f.s(`            { "variable": "smtp_password", "type": "text", "default": "${sv}" }`, 'generic', sv);
    f.l('          ]', '        }', '      }', '    }', '  ],', '  "credentials": [', '    {');
    f.l(
      '      "name": "prod-ssh",',
      '      "credential_type": { "kind": "ssh", "name": "Machine" },',
      '      "inputs": {',
    );
    f.l('        "username": "deploy",');
    f.d('        "ssh_key_data": "$encrypted$",', 'awx encrypted');
    f.d('        "become_password": "$encrypted$"', 'awx encrypted');
    f.l(
      '      }',
      '    },',
      '    {',
      '      "name": "aws-prod",',
      '      "credential_type": { "kind": "cloud", "name": "Amazon Web Services" },',
    );
    f.l('      "inputs": {');
    const ak = t.awsId();
    const as = t.awsSecret();
    f.s(`        "username": "${ak}",`, 'aws', ak);
    f.s(`        "password": "${as}"`, 'aws', as);
    f.l('      }', '    }', '  ]', '}');
  }

  // ---- Rundeck --------------------------------------------------------------------------
  {
    const f = repo.file('ops/rundeck/jobs/db-backup.yaml', 'rundeck');
    f.l('- name: db-backup', '  group: ops/db', '  description: Nightly logical backup');
    f.d(`  uuid: ${t.uuid()}`, 'job uuid');
    f.l('  options:', '    - name: db_password', '      secure: true', '      valueExposed: false');
    f.d('      storagePath: keys/project/ops/db/password', 'key storage path');
    f.l('    - name: s3_secret', '      secure: true', '      valueExposed: true');
    const s3 = t.awsSecret();
    f.s(`      value: ${s3}`, 'generic', s3);
    f.l('  sequence:', '    commands:');
    f.d(
      '      - exec: PGPASSWORD=${option.db_password} pg_dump -h db.internal app > /backup/app.sql',
      'option reference',
    );
    f.l('      - script: |');
    const rt = t.mixed(ALNUM, 32);
    f.s(
      `          curl -s -H "X-Rundeck-Auth-Token: ${rt}" https://rundeck.acme-corp.io/api/41/job/backup-verify/run`,
      'generic',
      rt,
    );
  }

  // ---- Prefect / Windmill / Dagster -----------------------------------------------------
  {
    const f = repo.file('flows/prefect/profiles.toml', 'prefect');
    f.l('active = "cloud"', '', '[profiles.cloud]');
    f.d(
      `PREFECT_API_URL = "https://api.prefect.cloud/api/accounts/${t.uuid()}/workspaces/${t.uuid()}"`,
      'workspace url',
    );
    const pu = prefectUser();
    f.s(`PREFECT_API_KEY = "${pu}"`, 'prefect', pu);
  }
  {
    const f = repo.file('flows/prefect/flows/etl.py', 'prefect');
    f.l('from prefect import flow, task', 'from prefect.blocks.system import Secret', '');
    f.d('openai_key = Secret.load("openai-api-key").get()', 'block reference');
    const oa = t.openai();
    f.s(`Secret(value="${oa}").save("openai-api-key", overwrite=True)`, 'openai', oa);
    f.l('', '@flow', 'def etl():', '    ...');
  }
  {
    const f = repo.file('flows/prefect/prefect.yaml', 'prefect');
    f.l(
      'deployments:',
      '  - name: etl-nightly',
      '    entrypoint: flows/etl.py:etl',
      '    job_variables:',
      '      env:',
    );
    f.d('        OPENAI_API_KEY: "{{ prefect.blocks.secret.openai-api-key }}"', 'prefect template');
    const pb = prefectBot();
    f.s(`        PREFECT_API_KEY: ${pb}`, 'prefect', pb);
  }
  {
    const f = repo.file('flows/windmill/f/data/pg_warehouse.resource.yaml', 'windmill');
    f.l('description: warehouse', 'resource_type: postgresql', 'value:', '  host: warehouse.internal', '  port: 5432');
    f.l('  user: windmill', '  dbname: dw', '  sslmode: require');
    const wp = t.password();
    f.s(`  password: "${wp}"`, 'generic', wp);
  }
  {
    const f = repo.file('flows/dagster/dagster.yaml', 'dagster');
    f.l(
      'storage:',
      '  postgres:',
      '    postgres_db:',
      '      hostname: dagster-pg.internal',
      '      username: dagster',
    );
    f.d('      password:', 'key only');
    f.d('        env: DAGSTER_PG_PASSWORD', 'env reference');
    f.l('      db_name: dagster', 'run_launcher:', '  module: dagster_k8s', '  class: K8sRunLauncher', '  config:');
    f.l('    env_vars:', '      - DBT_TARGET=prod');
  }
  {
    const f = repo.file('flows/dagster/defs/resources.py', 'dagster');
    f.l('from dagster import Definitions, EnvVar', 'from dagster_snowflake import SnowflakeResource', '');
    f.l('snowflake = SnowflakeResource(', '    account="acme-eu1",', '    user="DAGSTER",');
    f.d('    password=EnvVar("SNOWFLAKE_PASSWORD"),', 'EnvVar');
    f.l(')', 'snowflake_dev = SnowflakeResource(', '    account="acme-eu1",', '    user="DAGSTER_DEV",');
    const sp = t.password();
    f.s(`    password="${sp}",`, 'generic', sp);
    f.l(')');
    f.d(`# dagster cloud deployment: ${t.uuid()}`, 'deployment id');
  }

  return repo;
}
