// Red-team suite "saas": business-system integrations as internal tools teams commit them —
// Salesforce (sfdx auth files, auth URLs, connected-app properties), HubSpot private apps, Zendesk
// (email/token Basic auth), Jira/Confluence API tokens, Atlassian Connect shared secrets, ServiceNow,
// Workday, NetSuite token-based auth, QuickBooks, Xero, Stripe Connect, DocuSign (secret keys and RSA
// keys), Segment, Intercom, Freshdesk, monday.com, Asana, ClickUp, Notion, Airtable, Google Workspace
// service accounts with domain-wide delegation, Microsoft Graph app secrets, Okta, Slack apps, Zoom
// Server-to-Server OAuth, Box JWT configs, Dropbox, SAP BTP service keys and Snowflake / Fivetran /
// Airbyte connector configs — with client ids, app ids, tenant and org ids, webhook URLs, vendor-doc
// example values, placeholders and expiry timestamps as decoys. Every value is drawn from the seeded
// PRNG at run time.
import { ALNUM, DIGIT, HEX, LOWER, UPPER, URLSAFE, Repo, makeTokens, mulberry32 } from './generate.mjs';

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 7919 + 4111);
  const t = makeTokens(rand);
  const repo = new Repo();
  // Several blocks below add to one file; Repo.file would start it afresh.
  const opened = new Map();
  const file = (path, category) => {
    if (!opened.has(path)) opened.set(path, repo.file(path, category));
    return opened.get(path);
  };
  const b64 = (s) => Buffer.from(s).toString('base64');
  const b64url = (s) => Buffer.from(s).toString('base64url');
  const UHEX = '0123456789ABCDEF';

  // ---- vendor formats -------------------------------------------------------------------
  const sfOrgId = () => `00D${t.pick(DIGIT, 1)}${t.pick(LOWER, 1)}00000${t.mixed(ALNUM, 5)}`; // 15 chars
  const sfAccess = (org = sfOrgId()) => `${org}!AQ${t.mixed(ALNUM + '._', 94)}`;
  const sfRefresh = () => `5Aep861${t.mixed(ALNUM + '._', 80)}`;
  const sfConsumerKey = () => `3MVG9${t.mixed(ALNUM + '._', 80)}`;
  const sfConsumerSecret = () => t.mixed(UHEX, 64);
  const hubspot = (region = 'na1') => `pat-${region}-${t.uuid()}`;
  const zendesk = () => t.mixed(ALNUM, 40);
  const atlassian = () => `ATATT3xFfGF0${t.mixed(URLSAFE, 170)}=${t.pick(UHEX, 8)}`;
  const intercom = () => b64(`tok:${t.uuid().replace(/-/g, '_')}:1:0`);
  const freshdesk = () => t.mixed(ALNUM, 20);
  const monday = () =>
    `${b64url(JSON.stringify({ alg: 'HS256' }))}.${b64url(
      JSON.stringify({
        tid: Number(t.digits(9)),
        aai: 11,
        uid: Number(t.digits(8)),
        iad: '2026-01-12T09:14:31.000Z',
        per: 'me:write',
        actid: Number(t.digits(8)),
        rgn: 'use1',
      }),
    )}.${t.mixed(URLSAFE, 43)}`;
  const asana = () => `2/${t.digits(16)}/${t.digits(16)}:${t.hex(32)}`;
  const clickup = () => `pk_${t.digits(8)}_${t.mixed(UPPER + DIGIT, 32)}`;
  const notion = () => `ntn_${t.digits(11)}${t.mixed(ALNUM, 35)}`;
  const notionLegacy = () => `secret_${t.mixed(ALNUM, 43)}`;
  const airtable = () => `pat${t.mixed(ALNUM, 14)}.${t.hex(64)}`;
  const okta = () => `00${t.mixed(URLSAFE, 40)}`;
  const slackApp = () => `xapp-1-A${t.mixed(UPPER + DIGIT, 10)}-${t.digits(13)}-${t.hex(64)}`;
  const googleClientSecret = () => `GOCSPX-${t.mixed(URLSAFE, 28)}`;
  const dropboxLong = () => `${t.mixed(ALNUM, 11)}AAAAAAAAAA${t.mixed(URLSAFE, 43)}`;
  const dropboxShort = () => `sl.${t.mixed(URLSAFE, 135)}`;
  const segmentToken = () => `sgp_${t.mixed(ALNUM, 64)}`;
  const whsec = () => `whsec_${t.mixed(ALNUM, 32)}`;
  const rkLive = () => `rk_live_51${t.mixed(ALNUM, 97)}`;
  const xsuaaSecret = () => `${t.uuid()}$${t.mixed(URLSAFE, 43)}=`;
  const encPkcs8 = () => {
    const head = '3082050c304e06092a864886f70d01050d3041302906092a864886f70d01050c301c0408';
    const bytes = Buffer.concat([
      Buffer.from(head, 'hex'),
      Buffer.from(Array.from({ length: 1260 }, () => Math.floor(rand() * 256))),
    ]);
    return [
      '-----BEGIN ENCRYPTED PRIVATE KEY-----',
      ...bytes.toString('base64').match(/.{1,64}/g),
      '-----END ENCRYPTED PRIVATE KEY-----',
    ];
  };

  // ---- Salesforce -----------------------------------------------------------------------
  {
    const org = sfOrgId();
    const f = file('tools/sfdx/.sfdx/integration@acme-corp.io.json', 'salesforce');
    const at = sfAccess(org);
    const rt = sfRefresh();
    f.l('{');
    f.s(`  "accessToken": "${at}",`, 'salesforce', at);
    f.d(`  "orgId": "${org}${t.pick(UPPER, 3)}",`, 'org id (00D…)');
    f.l('  "loginUrl": "https://login.salesforce.com",', '  "instanceUrl": "https://acme.my.salesforce.com",');
    f.d('  "clientId": "PlatformCLI",', 'public CLI client id');
    f.s(`  "refreshToken": "${rt}",`, 'salesforce', rt);
    f.d('  "instanceApiVersion": "61.0",', 'api version');
    f.d('  "expirationDate": "2027-01-15",', 'expiry date');
    f.l('  "username": "integration@acme-corp.io"', '}');
  }
  {
    const f = file('tools/sfdx/README.md', 'salesforce');
    f.l('# sfdx for the nightly metadata backup', '', 'CI authenticates with the auth URL below:', '');
    const rt = sfRefresh();
    f.s(`    force://PlatformCLI::${rt}@acme.my.salesforce.com`, 'salesforce', rt);
    f.l('', 'Store it as the `SFDX_AUTH_URL` secret and run:', '');
    f.d('    echo "$SFDX_AUTH_URL" > auth.txt && sf org login sfdx-url --sfdx-url-file auth.txt', 'variable');
    f.d(
      '    sf org login jwt --client-id "$SF_CONSUMER_KEY" --jwt-key-file server.key --username ci@acme-corp.io',
      'variables',
    );
  }
  {
    const f = file('integrations/salesforce/src/main/resources/salesforce-prod.properties', 'salesforce');
    f.l('# Connected app "Acme ERP Sync" (prod)');
    f.d(`sf.consumerKey=${sfConsumerKey()}`, 'consumer key (oauth client id)');
    const cs = sfConsumerSecret();
    f.s(`sf.consumerSecret=${cs}`, 'salesforce', cs);
    f.l('sf.username=erp-sync@acme-corp.io');
    const pw = t.password();
    f.s(`sf.password=${pw}`, 'generic', pw);
    const st = t.mixed(ALNUM, 25);
    f.s(`sf.securityToken=${st}`, 'salesforce', st, 'warning');
    f.d('sf.loginUrl=https://login.salesforce.com/services/oauth2/token', 'url');
    f.d(`sf.orgId=${sfOrgId()}`, 'org id');
  }
  {
    const f = file('integrations/salesforce/scripts/refresh_token.py', 'salesforce');
    f.l('import requests', '');
    f.d(`CLIENT_ID = "${sfConsumerKey()}"`, 'consumer key');
    const cs = sfConsumerSecret();
    f.s(`CLIENT_SECRET = "${cs}"`, 'salesforce', cs);
    const rt = sfRefresh();
    f.s(`REFRESH_TOKEN = "${rt}"`, 'salesforce', rt);
    f.l(
      '',
      'resp = requests.post("https://login.salesforce.com/services/oauth2/token", data={',
      '    "grant_type": "refresh_token", "client_id": CLIENT_ID,',
      '    "client_secret": CLIENT_SECRET, "refresh_token": REFRESH_TOKEN})',
    );
    f.d('print(resp.json()["issued_at"])', 'field access');
  }

  // ---- HubSpot, Intercom ----------------------------------------------------------------
  {
    const f = file('services/crm-sync/src/hubspot/client.ts', 'hubspot');
    f.l("import { Client } from '@hubspot/api-client';", '');
    const tok = hubspot('na1');
    f.s(`const HUBSPOT_TOKEN = '${tok}';`, 'hubspot', tok);
    f.d(`export const PORTAL_ID = ${t.digits(8)};`, 'portal id');
    f.d(`export const HUBSPOT_APP_ID = ${t.digits(7)};`, 'app id');
    f.d(
      'export const hubspotClient = new Client({ accessToken: process.env.HUBSPOT_TOKEN ?? HUBSPOT_TOKEN });',
      'reference',
    );
  }
  {
    const f = file('services/crm-sync/.env.production', 'hubspot');
    const hs = hubspot('eu1');
    f.s(`HUBSPOT_PRIVATE_APP_TOKEN=${hs}`, 'hubspot', hs);
    f.d(`HUBSPOT_PORTAL_ID=${t.digits(8)}`, 'portal id');
    f.d('HUBSPOT_WEBHOOK_TARGET=https://crm-sync.acme-corp.io/webhooks/hubspot', 'webhook url without secret');
    const ic = intercom();
    f.s(`INTERCOM_ACCESS_TOKEN=${ic}`, 'intercom', ic);
    f.d(`INTERCOM_APP_ID=${t.pick(LOWER + DIGIT, 8)}`, 'intercom workspace id');
    const hsSecret = t.uuid();
    f.s(`HUBSPOT_CLIENT_SECRET=${hsSecret}`, 'hubspot', hsSecret, 'warning');
    f.d(`HUBSPOT_CLIENT_ID=${t.uuid()}`, 'oauth client id');
  }
  {
    const f = file('apps/web/src/analytics/vendors.ts', 'frontend');
    f.d(
      `window.intercomSettings = { api_base: 'https://api-iam.intercom.io', app_id: '${t.pick(LOWER + DIGIT, 8)}' };`,
      'app id',
    );
    f.d(`export const INTERCOM_HMAC_FIELD = 'user_hash';`, 'field name');
  }

  // ---- Zendesk, Freshdesk ---------------------------------------------------------------
  {
    const f = file('tools/support/zendesk_export.py', 'zendesk');
    f.l('import base64, requests', '', 'SUBDOMAIN = "acme"', 'EMAIL = "support-bot@acme-corp.io"');
    const tok = zendesk();
    f.s(`API_TOKEN = "${tok}"`, 'zendesk', tok);
    f.d('session = requests.Session()', 'code');
    f.d('session.auth = (f"{EMAIL}/token", API_TOKEN)', 'reference');
    const tok2 = zendesk();
    f.s(`HEADERS = {"Authorization": "Basic ${b64(`support-bot@acme-corp.io/token:${tok2}`)}"}`, 'zendesk', tok2);
    f.d(
      'URL = f"https://{SUBDOMAIN}.zendesk.com/api/v2/incremental/tickets/cursor.json?start_time=1767225600"',
      'url with timestamp',
    );
  }
  {
    const f = file('scripts/integrations/smoke-test.sh', 'scripts');
    f.l('#!/usr/bin/env bash', 'set -euo pipefail');
    const tok = zendesk();
    f.s(
      `curl -sf -u "support-bot@acme-corp.io/token:${tok}" https://acme.zendesk.com/api/v2/tickets.json?page[size]=100`,
      'zendesk',
      tok,
    );
    f.d(
      'curl -sf -u "$ZENDESK_EMAIL/token:$ZENDESK_API_TOKEN" https://acme.zendesk.com/api/v2/users/me.json',
      'variables',
    );
    f.d('curl -sf https://acme.zendesk.com/api/v2/help_center/articles.json  # public, no auth', 'public endpoint');
  }
  {
    const f = file('tools/support/freshdesk.rb', 'freshdesk');
    f.l("require 'net/http'", '');
    const key = freshdesk();
    f.s(`FRESHDESK_API_KEY = '${key}'`, 'freshdesk', key);
    f.d("FRESHDESK_DOMAIN = 'acme.freshdesk.com'", 'domain');
    const key2 = freshdesk();
    f.s(
      `# curl -u ${key2}:X -H 'Content-Type: application/json' https://acme.freshdesk.com/api/v2/tickets`,
      'freshdesk',
      key2,
    );
    f.d("req.basic_auth(ENV.fetch('FRESHDESK_API_KEY'), 'X')", 'env reference');
  }

  // ---- Jira / Confluence / Atlassian Connect --------------------------------------------
  {
    const f = file('scripts/jira/release-notes.sh', 'atlassian');
    f.l('#!/usr/bin/env bash', 'JIRA_BASE=https://acme.atlassian.net', 'JIRA_USER=release-bot@acme-corp.io');
    const tok = atlassian();
    f.s(`JIRA_API_TOKEN=${tok}`, 'atlassian', tok);
    f.d('curl -s -u "$JIRA_USER:$JIRA_API_TOKEN" "$JIRA_BASE/rest/api/3/search?jql=fixVersion=$VERSION"', 'variables');
    const tok2 = atlassian();
    f.s(
      `curl -s -H "Authorization: Basic ${b64(`release-bot@acme-corp.io:${tok2}`)}" "$JIRA_BASE/rest/api/3/myself"`,
      'atlassian',
      tok2,
    );
  }
  {
    const f = file('services/confluence-publisher/src/main/resources/application-prod.yml', 'atlassian');
    f.l('confluence:', '  base-url: https://acme.atlassian.net/wiki', '  username: docs-bot@acme-corp.io');
    const tok = atlassian();
    f.s(`  api-token: ${tok}`, 'atlassian', tok);
    f.d('  space-key: ENG', 'space key');
    f.d(`  parent-page-id: "${t.digits(10)}"`, 'page id');
  }
  {
    const f = file('tools/jira/sync_sprints.py', 'atlassian');
    f.l('from atlassian import Confluence, Jira', '');
    const tok = atlassian();
    f.s(
      `jira = Jira(url="https://acme.atlassian.net", username="pm-bot@acme-corp.io", password="${tok}", cloud=True)`,
      'atlassian',
      tok,
    );
    f.d(
      'confluence = Confluence(url="https://acme.atlassian.net/wiki", username=USER, password=os.environ["CONFLUENCE_TOKEN"])',
      'env reference',
    );
  }
  {
    const f = file('ops/home/.netrc', 'atlassian');
    const tok = atlassian();
    f.s(`machine acme.atlassian.net login ci@acme-corp.io password ${tok}`, 'atlassian', tok);
    const pw = t.password();
    f.s(`machine acme.service-now.com login svc_integration password ${pw}`, 'generic', pw);
  }
  {
    const f = file('apps/jira-connect-addon/store/installations.json', 'atlassian');
    f.l('[', '  {');
    f.d(`    "clientKey": "${t.uuid()}",`, 'connect client key (public id)');
    const ss = t.mixed(URLSAFE, 64);
    f.s(`    "sharedSecret": "${ss}",`, 'generic', ss);
    f.l('    "baseUrl": "https://acme.atlassian.net",', '    "productType": "jira",');
    f.d(`    "cloudId": "${t.uuid()}",`, 'cloud id');
    f.d('    "eventType": "installed"', 'event type');
    f.l('  }', ']');
  }

  // ---- ServiceNow, Workday --------------------------------------------------------------
  {
    const f = file('integrations/servicenow/config/instance-prod.yaml', 'servicenow');
    f.l(
      'servicenow:',
      '  instance: https://acme.service-now.com',
      '  auth:',
      '    type: basic',
      '    username: svc_cmdb_sync',
    );
    const pw = t.password();
    f.s(`    password: "${pw}"`, 'generic', pw);
    f.d(`  assignment_group_sys_id: ${t.pick(HEX, 32)}`, 'sys_id');
    f.d(`  oauth_client_id: ${t.pick(HEX, 32)}`, 'oauth client id');
    f.d('  table: cmdb_ci_server', 'table');
  }
  {
    const f = file('integrations/servicenow/scripts/CreateIncident.ps1', 'servicenow');
    const pw = t.password();
    f.s(`$pass = ConvertTo-SecureString '${pw}' -AsPlainText -Force`, 'generic', pw);
    f.l("$cred = New-Object System.Management.Automation.PSCredential('svc_incident', $pass)");
    f.d(
      "Invoke-RestMethod -Uri 'https://acme.service-now.com/api/now/table/incident' -Method Post -Credential $cred",
      'code',
    );
  }
  {
    const f = file('integrations/workday/src/main/resources/workday.properties', 'workday');
    f.d(
      'workday.endpoint=https://wd2-impl-services1.workday.com/ccx/service/acme_preview/Human_Resources/v42.0',
      'endpoint',
    );
    f.d('workday.tenant=acme_preview', 'tenant name');
    f.l('workday.username=ISU_HR_Extract@acme_preview');
    const pw = t.password();
    f.s(`workday.password=${pw}`, 'generic', pw);
    f.d(
      'workday.report.url=https://wd2-impl-services1.workday.com/ccx/service/customreport2/acme_preview/ISU_HR_Extract/Worker_Export?format=json',
      'report url',
    );
  }

  // ---- NetSuite, QuickBooks, Xero --------------------------------------------------------
  {
    const f = file('integrations/netsuite/.env', 'netsuite');
    f.d(`NETSUITE_ACCOUNT_ID=${t.digits(7)}_SB1`, 'account id');
    f.d(`NETSUITE_CONSUMER_KEY=${t.hex(64)}`, 'oauth1 consumer key (sent in clear)');
    const cs = t.hex(64);
    f.s(`NETSUITE_CONSUMER_SECRET=${cs}`, 'generic', cs);
    f.d(`NETSUITE_TOKEN_ID=${t.hex(64)}`, 'oauth1 token id (sent in clear)');
    const ts = t.hex(64);
    f.s(`NETSUITE_TOKEN_SECRET=${ts}`, 'generic', ts);
  }
  {
    const f = file('integrations/netsuite/netsuite_client.py', 'netsuite');
    f.l('from requests_oauthlib import OAuth1', '', 'auth = OAuth1(');
    f.d(`    client_key="${t.hex(64)}",`, 'oauth1 consumer key');
    const cs = t.hex(64);
    f.s(`    client_secret="${cs}",`, 'generic', cs);
    f.d(`    resource_owner_key="${t.hex(64)}",`, 'oauth1 token id');
    const ts = t.hex(64);
    f.s(`    resource_owner_secret="${ts}",`, 'generic', ts);
    f.d(`    realm="${t.digits(7)}_SB1",`, 'realm (account id)');
    f.l('    signature_method="HMAC-SHA256",', ')');
  }
  {
    const f = file('integrations/quickbooks/config/production.json', 'quickbooks');
    f.l('{', '  "intuit": {');
    f.d(`    "clientId": "AB${t.mixed(ALNUM, 48)}",`, 'oauth client id');
    const cs = t.mixed(ALNUM, 40);
    f.s(`    "clientSecret": "${cs}",`, 'generic', cs);
    f.d('    "environment": "production",', 'setting');
    f.d('    "redirectUri": "https://finance-tools.acme-corp.io/callback/intuit",', 'redirect uri');
    f.d(`    "realmId": "${t.digits(19)}",`, 'company id');
    f.d('    "x_refresh_token_expires_in": 8726400,', 'refresh token lifetime');
    f.d('    "refreshTokenExpiresAt": "2026-08-14T09:30:00Z"', 'refresh token expiry timestamp');
    f.l('  }', '}');
  }
  {
    const f = file('integrations/xero/appsettings.json', 'xero');
    f.l('{', '  "XeroConfiguration": {');
    f.d(`    "ClientId": "${t.mixed(UHEX, 32)}",`, 'oauth client id');
    const cs = t.mixed(URLSAFE, 48);
    f.s(`    "ClientSecret": "${cs}",`, 'generic', cs);
    f.d('    "CallbackUri": "https://finance-tools.acme-corp.io/signin-oidc",', 'callback');
    f.d('    "Scope": "openid profile email accounting.transactions offline_access",', 'scopes');
    f.d(`    "TenantId": "${t.uuid()}"`, 'xero tenant id');
    f.l('  }', '}');
  }

  // ---- Stripe Connect -------------------------------------------------------------------
  {
    const f = file('services/marketplace/config/stripe-connect.yml', 'stripe');
    f.l('stripe:');
    const sk = t.stripeLiveLong();
    f.s(`  secret_key: ${sk}`, 'stripe', sk);
    f.d(`  publishable_key: pk_live_51${t.mixed(ALNUM, 97)}`, 'publishable key (public)');
    f.d(`  connect_client_id: ca_${t.mixed(ALNUM, 32)}`, 'connect client id');
    f.d(`  platform_account: acct_1${t.mixed(ALNUM, 15)}`, 'account id');
    const wh = whsec();
    f.s(`  webhook_secret: ${wh}`, 'stripe', wh);
    const rk = rkLive();
    f.s(`  reporting_key: ${rk}`, 'stripe', rk);
    f.d('  webhook_url: https://marketplace.acme-corp.io/webhooks/stripe', 'webhook url without secret');
  }
  {
    const f = file('integrations/.env.example', 'docs');
    f.d('STRIPE_SECRET_KEY=sk_test_4eC39HqLyjWDarjtT1zdp7dc', 'stripe docs example key');
    f.d('STRIPE_WEBHOOK_SECRET=whsec_...', 'placeholder');
    f.d('STRIPE_CONNECTED_ACCOUNT=acct_1032D82eZvKYlo2C', 'docs example account id');
  }

  // ---- DocuSign -------------------------------------------------------------------------
  {
    const f = file('integrations/docusign/config/docusign.prod.json', 'docusign');
    f.l('{');
    f.d(`  "integrationKey": "${t.uuid()}",`, 'integration key (client id)');
    f.d(`  "impersonatedUserGuid": "${t.uuid()}",`, 'user id');
    f.d(`  "apiAccountId": "${t.uuid()}",`, 'account id');
    const sec = t.uuid();
    f.s(`  "secretKey": "${sec}",`, 'docusign', sec);
    f.d('  "oAuthServer": "account.docusign.com",', 'host');
    const rsa = t.rsaPem();
    f.s(`  "privateKey": ${JSON.stringify(rsa.join('\n') + '\n')}`, 'private-key', rsa.join('\n'));
    f.l('}');
  }
  {
    const f = file('integrations/docusign/keys/docusign-jwt-private.key', 'docusign');
    const rsa = t.rsaPem();
    f.s(rsa, 'private-key', rsa.join('\n'));
  }

  // ---- Segment, monday.com, Asana, ClickUp, Notion, Airtable ----------------------------
  {
    const f = file('apps/web/src/analytics/vendors.ts', 'frontend');
    f.l("import { AnalyticsBrowser } from '@segment/analytics-next';");
    f.d(
      `export const analytics = AnalyticsBrowser.load({ writeKey: '${t.mixed(ALNUM, 32)}' });`,
      'browser write key (public)',
    );
  }
  {
    const f = file('infra/saas/terraform.tfvars', 'iac');
    const tok = segmentToken();
    f.s(`segment_public_api_token = "${tok}"`, 'segment', tok);
    f.d(`segment_workspace_id     = "${t.mixed(ALNUM, 22)}"`, 'workspace id');
    f.d('segment_api_url          = "https://api.segmentapis.com"', 'url');
  }
  {
    const f = file('automations/monday/board-sync.js', 'monday');
    const tok = monday();
    f.s(`const MONDAY_API_TOKEN = '${tok}';`, 'monday', tok);
    f.d(`const BOARD_ID = ${t.digits(10)};`, 'board id');
    f.d("const MONDAY_API_URL = 'https://api.monday.com/v2';", 'url');
    f.d("const headers = { Authorization: MONDAY_API_TOKEN, 'API-Version': '2024-10' };", 'reference');
  }
  {
    const f = file('automations/asana/.env', 'asana');
    const pat = asana();
    f.s(`ASANA_PAT=${pat}`, 'asana', pat);
    f.d(`ASANA_WORKSPACE_GID=${t.digits(16)}`, 'workspace gid');
    f.d(`ASANA_PROJECT_GID=${t.digits(16)}`, 'project gid');
  }
  {
    const f = file('automations/asana/triage.py', 'asana');
    f.l('import asana', '', 'configuration = asana.Configuration()');
    const pat = asana();
    f.s(`configuration.access_token = "${pat}"`, 'asana', pat);
    f.d('configuration.access_token = os.environ["ASANA_PAT"]', 'env reference');
  }
  {
    const f = file('automations/clickup/config.toml', 'clickup');
    f.l('[clickup]');
    const tok = clickup();
    f.s(`token = "${tok}"`, 'clickup', tok);
    f.d(`team_id = "${t.digits(8)}"`, 'team id');
    f.d(`list_id = "${t.digits(9)}"`, 'list id');
  }
  {
    const f = file('automations/notion/sync_roadmap.py', 'notion');
    f.l('from notion_client import Client', '');
    const tok = notion();
    f.s(`notion = Client(auth="${tok}")`, 'notion', tok);
    f.d(`ROADMAP_DB = "${t.pick(HEX, 32)}"`, 'database id');
    f.d(`PARENT_PAGE = "${t.uuid()}"`, 'page id');
    const legacy = notionLegacy();
    f.s(`LEGACY_NOTION_TOKEN = "${legacy}"  # old integration, still shared with Eng wiki`, 'notion', legacy);
  }
  {
    const f = file('automations/airtable/airtable.config.json', 'airtable');
    f.l('{');
    const pat = airtable();
    f.s(`  "apiKey": "${pat}",`, 'airtable', pat);
    f.d(`  "baseId": "app${t.mixed(ALNUM, 14)}",`, 'base id');
    f.d(`  "tableId": "tbl${t.mixed(ALNUM, 14)}",`, 'table id');
    f.d(`  "viewId": "viw${t.mixed(ALNUM, 14)}"`, 'view id');
    f.l('}');
  }

  // ---- Google Workspace (domain-wide delegation) ------------------------------------------
  {
    const f = file('infra/google-workspace/dwd-directory-sync.json', 'google');
    const p8 = t.pkcs8Pem();
    const proj = `acme-workspace-${t.lower(6)}`;
    f.l('{', '  "type": "service_account",', `  "project_id": "${proj}",`);
    f.d(`  "private_key_id": "${t.sha1()}",`, 'key id');
    f.s(`  "private_key": ${JSON.stringify(p8.join('\n') + '\n')},`, 'gcp', p8.join('\n'));
    f.l(`  "client_email": "directory-sync@${proj}.iam.gserviceaccount.com",`);
    f.d(`  "client_id": "${t.digits(21)}",`, 'client id (used for the delegation grant)');
    f.l('  "token_uri": "https://oauth2.googleapis.com/token"', '}');
  }
  {
    const f = file('tools/gworkspace/offboard.py', 'google');
    f.l('from google.oauth2 import service_account', '');
    f.d(
      'SCOPES = ["https://www.googleapis.com/auth/admin.directory.user", "https://www.googleapis.com/auth/gmail.settings.basic"]',
      'scopes',
    );
    f.d(
      'creds = service_account.Credentials.from_service_account_file("dwd.json", scopes=SCOPES).with_subject("admin@acme-corp.io")',
      'code',
    );
    f.d(
      `OAUTH_CLIENT_ID = "${t.digits(12)}-${t.pick(LOWER + DIGIT, 32)}.apps.googleusercontent.com"`,
      'oauth client id',
    );
    const gs = googleClientSecret();
    f.s(`OAUTH_CLIENT_SECRET = "${gs}"`, 'gcp', gs);
    const rt = `1//0${t.pick(LOWER, 1)}${t.mixed(URLSAFE, 98)}`;
    f.s(`ADMIN_REFRESH_TOKEN = "${rt}"`, 'gcp', rt);
  }

  // ---- Microsoft Graph, Okta ------------------------------------------------------------
  {
    const f = file('services/directory-sync/appsettings.Production.json', 'msgraph');
    f.l('{', '  "AzureAd": {', '    "Instance": "https://login.microsoftonline.com/",');
    f.d(`    "TenantId": "${t.uuid()}",`, 'tenant id');
    f.d(`    "ClientId": "${t.uuid()}",`, 'client id');
    const cs = t.azureClientSecret();
    f.s(`    "ClientSecret": "${cs}",`, 'azure', cs);
    f.d('    "Scopes": "https://graph.microsoft.com/.default"', 'scope');
    f.l('  }', '}');
  }
  {
    const f = file('services/directory-sync/scripts/Connect-Graph.ps1', 'msgraph');
    f.d(`$tenantId = '${t.uuid()}'`, 'tenant id');
    f.d(`$appId = '${t.uuid()}'`, 'app id');
    const cs = t.azureClientSecret();
    f.s(`$secret = ConvertTo-SecureString '${cs}' -AsPlainText -Force`, 'azure', cs);
    f.l('$cred = New-Object System.Management.Automation.PSCredential($appId, $secret)');
    f.d('Connect-MgGraph -TenantId $tenantId -ClientSecretCredential $cred', 'code');
    f.d(`$thumb = '${t.mixed(UHEX, 40)}'  # cert thumbprint for the fallback app`, 'certificate thumbprint');
  }
  {
    const f = file('infra/saas/terraform.tfvars', 'iac');
    f.d('okta_org_name  = "acme"', 'org name');
    f.d('okta_base_url  = "okta.com"', 'base url');
    const tok = okta();
    f.s(`okta_api_token = "${tok}"`, 'okta', tok);
    f.d(`okta_app_client_id = "0oa${t.mixed(ALNUM, 17)}"`, 'okta app client id');
  }
  {
    const f = file('scripts/okta/deactivate-stale-users.sh', 'okta');
    f.l('#!/bin/sh', 'OKTA=https://acme.okta.com');
    const tok = okta();
    f.s(
      `curl -s -X POST -H "Accept: application/json" -H "Authorization: SSWS ${tok}" "$OKTA/api/v1/users/$ID/lifecycle/deactivate"`,
      'okta',
      tok,
    );
    f.d(
      'curl -s -H "Authorization: SSWS ${OKTA_API_TOKEN}" "$OKTA/api/v1/users?filter=status+eq+%22ACTIVE%22"',
      'variable',
    );
    f.d(`# user ids look like 00u${t.mixed(ALNUM, 17)}`, 'okta user id');
  }

  // ---- Slack app ------------------------------------------------------------------------
  {
    const f = file('apps/slack-bot/.env', 'slack');
    f.d(`SLACK_APP_ID=A${t.mixed(UPPER + DIGIT, 10)}`, 'app id');
    f.d(`SLACK_CLIENT_ID=${t.digits(12)}.${t.digits(13)}`, 'client id');
    const cs = t.hex(32);
    f.s(`SLACK_CLIENT_SECRET=${cs}`, 'slack', cs);
    const ss = t.hex(32);
    f.s(`SLACK_SIGNING_SECRET=${ss}`, 'slack', ss);
    const bot = t.slackBot();
    f.s(`SLACK_BOT_TOKEN=${bot}`, 'slack', bot);
    const app = slackApp();
    f.s(`SLACK_APP_TOKEN=${app}`, 'slack', app);
    f.d('SLACK_REQUEST_URL=https://helpdesk-bot.acme-corp.io/slack/events', 'request url without secret');
    f.d(`SLACK_TEAM_ID=T${t.mixed(UPPER + DIGIT, 10)}`, 'team id');
  }
  {
    const f = file('apps/slack-bot/src/app.py', 'slack');
    f.l('from slack_bolt import App', '');
    const bot = t.slackBot();
    const ss = t.hex(32);
    f.s(`app = App(token="${bot}",`, 'slack', bot);
    f.s(`          signing_secret="${ss}")`, 'slack', ss);
    f.d('# docs example: signing_secret="8f742231b10e8888abcd99yyyzzz85a5"', 'slack docs example');
    f.d('# token="xoxb-your-token"', 'placeholder');
  }

  // ---- Zoom, Box, Dropbox ---------------------------------------------------------------
  {
    const f = file('integrations/zoom/s2s-oauth.json', 'zoom');
    f.l('{');
    f.d(`  "accountId": "${t.mixed(URLSAFE, 22)}",`, 'account id');
    f.d(`  "clientId": "${t.mixed(ALNUM, 22)}",`, 'client id');
    const cs = t.mixed(ALNUM, 32);
    f.s(`  "clientSecret": "${cs}",`, 'zoom', cs);
    f.d('  "tokenUrl": "https://zoom.us/oauth/token?grant_type=account_credentials"', 'url');
    f.l('}');
  }
  {
    const f = file('scripts/integrations/smoke-test.sh', 'scripts');
    const id = t.mixed(ALNUM, 22);
    const cs = t.mixed(ALNUM, 32);
    f.s(
      `curl -s -X POST "https://zoom.us/oauth/token?grant_type=account_credentials&account_id=$ZOOM_ACCOUNT_ID" -H "Authorization: Basic ${b64(`${id}:${cs}`)}"`,
      'zoom',
      cs,
    );
  }
  {
    const f = file('integrations/box/config/box_config.json', 'box');
    f.l('{', '  "boxAppSettings": {');
    f.d(`    "clientID": "${t.pick(LOWER + DIGIT, 32)}",`, 'client id');
    const cs = t.mixed(ALNUM, 32);
    f.s(`    "clientSecret": "${cs}",`, 'box', cs);
    f.l('    "appAuth": {');
    f.d(`      "publicKeyID": "${t.pick(LOWER + DIGIT, 8)}",`, 'public key id');
    const key = encPkcs8();
    f.s(`      "privateKey": ${JSON.stringify(key.join('\n') + '\n')},`, 'private-key', key.join('\n'));
    const pp = t.hex(32);
    f.s(`      "passphrase": "${pp}"`, 'generic', pp);
    f.l('    }', '  },');
    f.d(`  "enterpriseID": "${t.digits(9)}"`, 'enterprise id');
    f.l('}');
  }
  {
    const f = file('tools/backup/dropbox.ini', 'dropbox');
    f.l('[dropbox]');
    f.d(`app_key = ${t.pick(LOWER + DIGIT, 15)}`, 'app key (public)');
    const as = t.pick(LOWER + DIGIT, 15);
    f.s(`app_secret = ${as}`, 'generic', as);
    const ll = dropboxLong();
    f.s(`access_token = ${ll}`, 'dropbox', ll);
    const sl = dropboxShort();
    f.s(`short_lived_token = ${sl}`, 'dropbox', sl);
    f.d('token_expires_at = 2026-05-02T14:00:00Z', 'expiry timestamp');
    f.d('root_path = /Apps/acme-backup', 'path');
  }

  // ---- SAP BTP --------------------------------------------------------------------------
  {
    const f = file('integrations/sap-btp/default-env.json', 'sap');
    f.l(
      '{',
      '  "VCAP_SERVICES": {',
      '    "xsuaa": [',
      '      {',
      '        "name": "acme-orders-uaa",',
      '        "credentials": {',
    );
    f.d(`          "clientid": "sb-acme-orders!t${t.digits(5)}",`, 'xsuaa client id');
    const cs = xsuaaSecret();
    f.s(`          "clientsecret": "${cs}",`, 'generic', cs);
    f.d('          "url": "https://acme-prod.authentication.eu10.hana.ondemand.com",', 'url');
    f.d('          "identityzone": "acme-prod",', 'zone');
    f.d(`          "xsappname": "acme-orders!t${t.digits(5)}"`, 'app name');
    f.l('        }', '      }', '    ]', '  }', '}');
  }
  {
    const f = file('integrations/sap-btp/destination-service-key.json', 'sap');
    f.l('{', '  "uaa": {');
    f.d(`    "clientid": "sb-clone${t.hex(32)}!b${t.digits(5)}|destination-xsappname!b${t.digits(3)}",`, 'client id');
    const cs = xsuaaSecret();
    f.s(`    "clientsecret": "${cs}",`, 'generic', cs);
    f.d(`    "tenantid": "${t.uuid()}",`, 'tenant id');
    f.d('    "uaadomain": "authentication.eu10.hana.ondemand.com"', 'domain');
    f.l('  },', '  "uri": "https://destination-configuration.cfapps.eu10.hana.ondemand.com"', '}');
  }

  // ---- Snowflake, Fivetran, Airbyte -----------------------------------------------------
  {
    const f = file('data/snowflake/config.toml', 'dataplat');
    f.l('[connections.prod]');
    f.d(`account = "${t.pick(LOWER, 2)}${t.digits(5)}.eu-central-1"`, 'account locator');
    f.l('user = "SVC_REVERSE_ETL"');
    const pw = t.password();
    f.s(`password = "${pw}"`, 'snowflake', pw, 'warning');
    f.d('warehouse = "ETL_WH"', 'setting');
    f.d('private_key_file = "~/.snowflake/rsa_key.p8"', 'key path');
  }
  {
    const f = file('data/dbt/profiles.yml', 'dataplat');
    f.l(
      'acme:',
      '  target: prod',
      '  outputs:',
      '    prod:',
      '      type: snowflake',
      '      account: acme-analytics',
      '      user: DBT_CLOUD',
    );
    const pw = t.password();
    f.s(`      password: ${pw}`, 'snowflake', pw, 'warning');
    f.d('      role: TRANSFORMER', 'role');
    f.l(
      '    dev:',
      '      type: snowflake',
      '      account: acme-analytics',
      '      user: "{{ env_var(\'DBT_USER\') }}"',
    );
    f.d('      password: "{{ env_var(\'DBT_PASSWORD\') }}"', 'env reference');
  }
  {
    const f = file('data/connectors/fivetran/main.auto.tfvars', 'dataplat');
    f.d(`fivetran_api_key    = "${t.mixed(ALNUM, 16)}"`, 'api key id (username half of the pair)');
    const sec = t.mixed(ALNUM, 32);
    f.s(`fivetran_api_secret = "${sec}"`, 'generic', sec);
    f.d(`fivetran_group_id   = "${t.pick(LOWER, 2)}_${t.pick(LOWER, 12)}"`, 'group id');
  }
  {
    const f = file('scripts/integrations/smoke-test.sh', 'scripts');
    const key = t.mixed(ALNUM, 16);
    const sec = t.mixed(ALNUM, 32);
    f.s(
      `curl -s -X PATCH https://api.fivetran.com/v1/connectors/$CID -H "Authorization: Basic ${b64(`${key}:${sec}`)}" -d '{"paused": true}'`,
      'generic',
      sec,
    );
  }
  {
    const f = file('data/connectors/airbyte/sources/postgres-crm.yaml', 'dataplat');
    f.l('sourceDefinitionId: decd338e-5647-4c0b-adf4-da0e75f5a750', 'name: crm-postgres', 'connectionConfiguration:');
    f.l('  host: crm-db.internal.acme-corp.io', '  port: 5432', '  database: crm', '  username: airbyte_ro');
    const pw = t.password();
    f.s(`  password: ${pw}`, 'generic', pw);
    f.d('  ssl_mode: { mode: require }', 'setting');
    f.d(`  workspaceId: ${t.uuid()}`, 'workspace id');
  }
  {
    const f = file('data/connectors/airbyte/destinations/snowflake.json', 'dataplat');
    f.l('{', '  "destinationDefinitionId": "424892c4-daac-4491-b35d-c6688ba547ba",', '  "connectionConfiguration": {');
    f.l('    "host": "acme-analytics.snowflakecomputing.com",', '    "username": "AIRBYTE_LOADER",');
    const pw = t.password();
    f.s(
      `    "credentials": { "auth_type": "Username and Password", "password": "${pw}" },`,
      'snowflake',
      pw,
      'warning',
    );
    f.d('    "credentials_placeholder": { "password": "**********" },', 'masked');
    f.l('    "warehouse": "LOADING"', '  }', '}');
  }

  // ---- docs and examples ----------------------------------------------------------------
  {
    const f = file('docs/integrations/credentials.md', 'docs');
    f.l(
      '# Integration credentials',
      '',
      'All live credentials are in 1Password, vault "Integrations". Formats for reference:',
      '',
    );
    f.d('- HubSpot private app: `pat-na1-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`', 'placeholder');
    f.d('- Zendesk: `{email}/token:{api_token}` as Basic auth', 'placeholder');
    f.d('- Okta: `Authorization: SSWS ${OKTA_API_TOKEN}`', 'variable');
    f.d('- Slack bot: `xoxb-your-bot-token`, signing secret from *Basic Information*', 'placeholder');
    f.d('- Asana: `2/<user-gid>/<app-gid>:<secret>`', 'placeholder');
    f.d('- Airtable: `patXXXXXXXXXXXXXX.<64 hex>`', 'placeholder');
    f.d('- Notion: `ntn_<your-integration-secret>`', 'placeholder');
    f.d('- Stripe test key from the docs: `sk_test_4eC39HqLyjWDarjtT1zdp7dc`', 'stripe docs example');
    f.l('', '## Break-glass', '');
    const tok = okta();
    f.s(`Okta super-admin API token (expires with the admin account): \`${tok}\``, 'okta', tok);
    const pw = t.password();
    f.s(`Workday ISU fallback: user \`ISU_Fallback\`, password \`${pw}\``, 'generic', pw);
  }
  {
    const f = file('integrations/.env.example', 'docs');
    f.d('SALESFORCE_CONSUMER_SECRET=', 'empty');
    f.d('HUBSPOT_PRIVATE_APP_TOKEN=pat-na1-00000000-0000-0000-0000-000000000000', 'zero placeholder');
    f.d('ZENDESK_API_TOKEN=<zendesk-api-token>', 'placeholder');
    f.d('JIRA_API_TOKEN=your-atlassian-api-token', 'placeholder');
    f.d('SLACK_SIGNING_SECRET=changeme', 'placeholder');
    f.d('BOX_PASSPHRASE=${BOX_PASSPHRASE}', 'variable');
    f.d('DOCUSIGN_SECRET_KEY=00000000-0000-0000-0000-000000000000', 'zero uuid placeholder');
    f.d('ZOOM_CLIENT_SECRET=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'placeholder');
  }
  {
    const f = file('integrations/oauth-tokens/token-cache.json', 'oauth');
    f.l('{', '  "xero": {');
    const at = t.jwt();
    f.s(`    "access_token": "${at}",`, 'generic', at);
    const rt = t.hex(64);
    f.s(`    "refresh_token": "${rt}",`, 'generic', rt);
    f.d('    "expires_at": 1767229200,', 'expiry timestamp');
    f.d('    "refresh_token_expires_at": 1772409600,', 'refresh token expiry timestamp');
    f.d('    "token_type": "Bearer"', 'token type');
    f.l('  }', '}');
  }
  return repo;
}
