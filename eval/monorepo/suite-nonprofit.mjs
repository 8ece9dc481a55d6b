// International humanitarian charity IT monorepo (Lantern Relief): a Salesforce NPSP org (Apex,
// named credentials, SFDX auth files), Blackbaud Raiser's Edge NXT / SKY API sync, a Drupal
// donation site, a Laravel volunteer portal, a .NET grants-management app (SQL Server, SSRS),
// Python field-data pipelines (KoboToolbox, ODK Central, CommCare, DHIS2) and notebooks, a React
// Native field app, payment gateways (Stripe, PayPal/Braintree, GoCardless, Adyen, M-Pesa Daraja),
// SMS and email (Twilio, Africa's Talking, Infobip, WhatsApp Cloud API, Mailchimp, Mailgun),
// Microsoft 365 / Google Workspace admin scripts (PowerShell, GAM), SharePoint, Power Automate
// exports, Terraform (Azure + AWS backups), Docker, Azure DevOps and GitHub Actions, Ansible,
// Windows batch for office PCs, field-office routers (MikroTik, Ubiquiti), logs, Freshservice
// ticket exports, WhatsApp / Teams chat exports and docs.
import { ALNUM, B64, DIGIT, HEX, LOWER, UPPER, URLSAFE, Repo, makeTokens, mulberry32 } from './generate.mjs';

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 8161 + 613);
  const t = makeTokens(rand);
  const repo = new Repo();
  const g = gens(t);
  salesforce(repo, t, g);
  blackbaud(repo, t, g);
  drupal(repo, t, g);
  laravel(repo, t, g);
  grants(repo, t, g);
  fieldData(repo, t, g);
  notebooks(repo, t, g);
  fieldApp(repo, t, g);
  payments(repo, t, g);
  messaging(repo, t, g);
  workspaceAdmin(repo, t, g);
  powerAutomate(repo, t, g);
  terraform(repo, t, g);
  backups(repo, t, g);
  docker(repo, t, g);
  ci(repo, t, g);
  ansible(repo, t, g);
  officePcs(repo, t, g);
  routers(repo, t, g);
  logs(repo, t, g);
  tickets(repo, t, g);
  chats(repo, t, g);
  docs(repo, t, g);
  noise(repo, t, g);
  return repo;
}

function gens(t) {
  const b64 = (n) => t.mixed(B64, n);
  const enc = (s) => Buffer.from(s).toString('base64');
  const b64url = (s) => Buffer.from(s).toString('base64url');
  const bytes = (n) => Buffer.from(t.pick(HEX, n * 2), 'hex');
  const WORDS = [
    'Lantern',
    'Harvest',
    'Compass',
    'Shelter',
    'Beacon',
    'Meridian',
    'Baobab',
    'Savanna',
    'Monsoon',
    'Caravan',
  ];
  const word = () => WORDS[Number(t.pick(DIGIT, 1))];
  // What field and office staff pick for shared accounts.
  const human = () => {
    const sym = t.pick('!#@*.', 1);
    switch (t.pick('0123', 1)) {
      case '0':
        return `${word()}20${t.pick('12', 1)}${t.pick(DIGIT, 1)}${sym}`;
      case '1':
        return `${word()}${sym}${t.pick(DIGIT, 2)}${word().toLowerCase()}`;
      case '2':
        return `Relief${word()}${t.pick(DIGIT, 2)}${sym}`;
      default:
        return `${word().toLowerCase()}-${word()}-${t.pick(DIGIT, 4)}`;
    }
  };
  // Password-manager output, safe inside XML, connection strings and quoted YAML.
  const gen = (n = 20) => `${t.pick(UPPER + LOWER, 1)}${t.mixed(ALNUM + '!#*-_?@^+', n - 1)}`;
  const plain = (n = 18) => t.alnum(n);
  const sfOrgId = () => `00D${t.pick(DIGIT, 1)}${t.pick(LOWER, 1)}00000${t.mixed(UPPER + DIGIT, 5)}`;
  return {
    b64,
    enc,
    b64url,
    human,
    gen,
    plain,
    pw: () => t.password(),
    // Salesforce: session ids are "<15-char org id>!<opaque>", refresh tokens start 5Aep861.
    sfOrgId,
    sfAccess: () => `${sfOrgId()}!AQ${t.pick('0123456789ABCDEF', 1)}AQ${t.mixed(ALNUM + '._', 92)}`,
    sfRefresh: () => `5Aep861${t.mixed(ALNUM + '._', 80)}`,
    sfConsumerKey: () => `3MVG9${t.mixed(ALNUM + '._', 80)}`,
    sfConsumerSecret: () => t.pick('0123456789ABCDEF', 64),
    sfSecurityToken: () => t.alnum(25),
    sfRecordId: (p) =>
      `${p}${t.pick(DIGIT, 1)}${t.pick(LOWER, 1)}00000${t.mixed(UPPER + DIGIT, 5)}${t.mixed(UPPER + DIGIT, 3)}`,
    // Blackbaud SKY API
    bbSubKey: () => t.hex(32),
    bbSecret: () => `${b64(43)}=`,
    bbRefresh: () => t.hex(32),
    bbEnv: () => `p-${t.mixed(URLSAFE, 22)}`,
    // Drupal / Laravel
    drupalSalt: () => t.mixed(URLSAFE, 74),
    laravelKey: () => `base64:${bytes(32).toString('base64')}`,
    // Field data platforms
    koboToken: () => t.hex(40),
    commcareKey: () => t.hex(40),
    odkAppUser: () => t.mixed(ALNUM + '!$', 64),
    koboAsset: () => `a${t.mixed(ALNUM, 21)}`,
    dhisUid: () => `${t.pick(UPPER + LOWER, 1)}${t.mixed(ALNUM, 10)}`,
    // Payments
    stripeRestricted: () => `rk_live_51${t.mixed(ALNUM, 97)}`,
    stripeWebhook: () => `whsec_${t.alnum(32)}`,
    stripePk: () => `pk_live_51${t.mixed(ALNUM, 97)}`,
    paypalId: () => `A${t.mixed(URLSAFE, 79)}`,
    paypalSecret: () => `E${t.mixed(URLSAFE, 79)}`,
    braintree: () => `access_token$production$${t.lower(16)}$${t.hex(32)}`,
    gocardless: () => `live_${t.mixed(URLSAFE, 40)}`,
    adyenKey: () => `AQE${t.mixed(B64, 77)}=-${t.mixed(B64, 43)}=-${t.mixed(ALNUM + '@~*^', 16)}`,
    adyenHmac: () => t.pick('0123456789ABCDEF', 64),
    adyenClientKey: () => `live_${t.mixed(UPPER + DIGIT, 32)}`,
    mpesaKey: () => t.alnum(48),
    mpesaSecret: () => t.alnum(64),
    mpesaPasskey: () => t.hex(64),
    // Messaging
    twilioKeySid: () => `SK${t.hex(32)}`,
    twilioKeySecret: () => t.alnum(32),
    atKey: () => `atsk_${t.hex(72)}`,
    infobip: () => `${t.hex(32)}-${t.uuid()}`,
    metaToken: () => `EAAG${t.mixed(ALNUM, 186)}`,
    mailchimp: () => `${t.hex(32)}-us${t.pick('123456789', 1)}${t.pick(DIGIT, 1)}`,
    mailgunOld: () => `key-${t.hex(32)}`,
    mailgun: () => `${t.hex(32)}-${t.hex(8)}-${t.hex(8)}`,
    mandrill: () => `md-${t.mixed(URLSAFE, 22)}`,
    // Microsoft / Google
    azSecret: () => t.azureClientSecret(),
    spAcs: () => `${b64(43)}=`,
    adoPat: () => t.mixed('abcdefghijklmnopqrstuvwxyz234567', 52),
    teamsHook: () =>
      `https://lanternrelief.webhook.office.com/webhookb2/${t.uuid()}@${t.uuid()}/IncomingWebhook/${t.hex(32)}/${t.uuid()}`,
    logicSig: () => t.mixed(URLSAFE, 43),
    googleSecret: () => `GOCSPX-${t.mixed(URLSAFE, 28)}`,
    googleRefresh: () => `1//0${t.pick('3456789', 1)}${t.mixed(URLSAFE, 99)}`,
    googleClientId: () => `${t.digits(12)}-${t.lower(32)}.apps.googleusercontent.com`,
    thumbprint: () => t.pick('0123456789ABCDEF', 40),
    // Mobile / tooling
    mapboxSecret: () =>
      `sk.${b64url(JSON.stringify({ u: 'lanternrelief', a: t.mixed(ALNUM, 25) }))}.${t.mixed(URLSAFE, 22)}`,
    mapboxPublic: () =>
      `pk.${b64url(JSON.stringify({ u: 'lanternrelief', a: t.mixed(ALNUM, 25) }))}.${t.mixed(URLSAFE, 22)}`,
    sentryUser: () => `sntryu_${t.hex(64)}`,
    fcmLegacy: () => `AAAA${t.mixed(URLSAFE, 7)}:APA91b${t.mixed(URLSAFE, 134)}`,
    dockerPat: () => `dckr_pat_${t.mixed(URLSAFE, 27)}`,
    freshservice: () => t.alnum(20),
    wgKey: () => bytes(32).toString('base64'),
    ghFine: () => `github_pat_11${t.mixed(UPPER + DIGIT, 20)}_${t.mixed(ALNUM, 59)}`,
    bcrypt: () => `$2y$10$${t.mixed(ALNUM + './', 53)}`,
    sha512crypt: () => `$6$${t.mixed(ALNUM + './', 16)}$${t.mixed(ALNUM + './', 86)}`,
    cert: () => `MIIDazCCAlOgAwIBAgIU${b64(880)}`,
  };
}

// ---- Salesforce NPSP org (SFDX project, Apex, named credentials) --------------------------

function salesforce(repo, t, g) {
  const p = repo.file('salesforce/sfdx-project.json', 'salesforce');
  p.l(
    '{',
    '  "packageDirectories": [{ "path": "force-app", "default": true }],',
    '  "name": "lantern-npsp",',
    '  "namespace": "",',
    '  "sfdcLoginUrl": "https://login.salesforce.com",',
    '  "sourceApiVersion": "61.0",',
    '  "packageAliases": {',
  );
  p.d(`    "npsp@3.230": "04t${t.mixed(ALNUM, 15)}"`, 'managed package version id (public)');
  p.l('  }', '}');

  const a = repo.file('salesforce/.sfdx/orgs/sfops@lanternrelief.org.json', 'salesforce');
  const acc = g.sfAccess();
  const ref = g.sfRefresh();
  a.l('{');
  a.s(`  "accessToken": "${acc}",`, 'salesforce', acc);
  a.l(
    '  "instanceUrl": "https://lanternrelief.my.salesforce.com",',
    `  "orgId": "${g.sfOrgId()}",`,
    '  "username": "sfops@lanternrelief.org",',
    '  "loginUrl": "https://login.salesforce.com",',
  );
  a.s(`  "refreshToken": "${ref}",`, 'salesforce', ref);
  a.l('  "clientId": "PlatformCLI",');
  a.l('  "isDevHub": true,', '  "created": "1717430400000"', '}');

  const nc = repo.file(
    'salesforce/force-app/main/default/namedCredentials/Stripe_API.namedCredential-meta.xml',
    'salesforce',
  );
  const sk = t.stripeLive();
  nc.l(
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<NamedCredential xmlns="http://soap.sforce.com/2006/04/metadata">',
    '    <allowMergeFieldsInBody>false</allowMergeFieldsInBody>',
    '    <allowMergeFieldsInHeader>true</allowMergeFieldsInHeader>',
    '    <endpoint>https://api.stripe.com</endpoint>',
    '    <label>Stripe API</label>',
    '    <principalType>NamedUser</principalType>',
    '    <protocol>Password</protocol>',
    '    <username>lantern-sf</username>',
  );
  nc.s(`    <password>${sk}</password>`, 'stripe', sk);
  nc.l('</NamedCredential>');

  const nb = repo.file(
    'salesforce/force-app/main/default/namedCredentials/DHIS2_Reporting.namedCredential-meta.xml',
    'salesforce',
  );
  const dhPw = g.gen(20);
  nb.l(
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<NamedCredential xmlns="http://soap.sforce.com/2006/04/metadata">',
    '    <endpoint>https://dhis2.lanternrelief.org/api</endpoint>',
    '    <label>DHIS2 Reporting</label>',
    '    <principalType>NamedUser</principalType>',
    '    <protocol>Password</protocol>',
    '    <username>svc_salesforce</username>',
  );
  nb.s(`    <password>${dhPw}</password>`, 'generic', dhPw);
  nb.l('</NamedCredential>');

  const ap = repo.file('salesforce/force-app/main/default/classes/StripeDonationService.cls', 'salesforce');
  const rk = g.stripeRestricted();
  const wh = g.stripeWebhook();
  ap.l(
    'public with sharing class StripeDonationService {',
    '    // Restricted key: charges + customers only (INC-2291 - move to named credential)',
  );
  ap.s(`    private static final String STRIPE_KEY = '${rk}';`, 'stripe', rk);
  ap.s(`    private static final String WEBHOOK_SECRET = '${wh}';`, 'stripe', wh);
  ap.l(
    '',
    '    public static HttpResponse createCharge(Decimal amount, String currencyCode, String customerId) {',
    '        HttpRequest req = new HttpRequest();',
  );
  ap.d("        req.setEndpoint('callout:Stripe_API/v1/payment_intents');", 'named credential reference');
  ap.l(
    "        req.setMethod('POST');",
    "        req.setHeader('Authorization', 'Bearer ' + STRIPE_KEY);",
    "        req.setBody('amount=' + (amount * 100).intValue() + '&currency=' + currencyCode + '&customer=' + customerId);",
    '        return new Http().send(req);',
    '    }',
    '}',
  );

  const sky = repo.file('salesforce/force-app/main/default/classes/SkyApiCallout.cls', 'salesforce');
  const sub = g.bbSubKey();
  const bbSec = g.bbSecret();
  sky.l(
    'public class SkyApiCallout {',
    "    private static final String BASE = 'https://api.sky.blackbaud.com/constituent/v1';",
  );
  sky.s(`    private static final String SUBSCRIPTION_KEY = '${sub}';`, 'blackbaud', sub);
  sky.d(`    private static final String APPLICATION_ID = '${t.uuid()}';`, 'sky application id (client id)');
  sky.s(`    private static final String APPLICATION_SECRET = '${bbSec}';`, 'blackbaud', bbSec);
  sky.l(
    '',
    '    public static HttpResponse getConstituent(String id, String accessToken) {',
    '        HttpRequest req = new HttpRequest();',
    "        req.setEndpoint(BASE + '/constituents/' + id);",
    "        req.setHeader('Bb-Api-Subscription-Key', SUBSCRIPTION_KEY);",
    "        req.setHeader('Authorization', 'Bearer ' + accessToken);",
    "        req.setMethod('GET');",
    '        return new Http().send(req);',
    '    }',
  );
  sky.l('    static String settingsKey() { return SKY_Settings__c.getOrgDefaults().Subscription_Key__c; }');
  sky.l('}');

  const md = repo.file(
    'salesforce/force-app/main/default/customMetadata/Payment_Gateway.GoCardless.md-meta.xml',
    'salesforce',
  );
  const gc = g.gocardless();
  md.l(
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<CustomMetadata xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">',
    '    <label>GoCardless</label>',
    '    <protected>false</protected>',
    '    <values>',
    '        <field>Access_Token__c</field>',
  );
  md.s(`        <value xsi:type="xsd:string">${gc}</value>`, 'gocardless', gc);
  md.l('    </values>', '    <values>', '        <field>Creditor_Id__c</field>');
  md.d(`        <value xsi:type="xsd:string">CR0000${t.mixed(UPPER + DIGIT, 8)}</value>`, 'gocardless creditor id');
  md.l('    </values>', '</CustomMetadata>');

  const tc = repo.file('salesforce/force-app/main/default/classes/StripeDonationServiceTest.cls', 'salesforce');
  tc.l('@isTest', 'private class StripeDonationServiceTest {');
  tc.d("    static final String FAKE_KEY = 'sk_test_FAKE_KEY_FOR_MOCK_CALLOUTS';", 'test fixture marked fake');
  tc.l(`    static final Id DONOR_ID = '${g.sfRecordId('003')}';`);
  tc.l('}');

  const ci = repo.file('salesforce/scripts/ci-auth.sh', 'salesforce');
  const auth = `force://PlatformCLI::${g.sfRefresh()}@lanternrelief.my.salesforce.com`;
  const ck = g.sfConsumerKey();
  ci.l('#!/usr/bin/env bash', 'set -euo pipefail', '# prod org auth for the nightly NPSP data-quality job');
  ci.s(`echo "${auth}" > /tmp/prod.authurl`, 'salesforce', auth);
  ci.l('sf org login sfdx-url --sfdx-url-file /tmp/prod.authurl --alias prod --set-default');
  ci.d(
    `sf org login jwt --client-id ${ck} --jwt-key-file config/server.key --username ci@lanternrelief.org --alias ci`,
    'connected app consumer key (client id) and key file path',
  );
  ci.l('sf org login sfdx-url --sfdx-url-file <(echo "$SFDX_AUTH_URL") --alias uat');

  const key = repo.file('salesforce/config/server.key', 'keys');
  const rsa = t.rsaPem();
  key.s(rsa, 'private-key', rsa.join('\n'));

  const bp = repo.file('salesforce/legacy-ant/build.properties', 'salesforce');
  const antPw = g.gen(16);
  const antTok = g.sfSecurityToken();
  bp.l(
    '# Force.com Migration Tool - used by the 2019 NPSP upgrade scripts',
    'sf.username = integration@lanternrelief.org',
  );
  bp.s(`sf.password = ${antPw}${antTok}`, 'generic', `${antPw}${antTok}`);
  bp.l('sf.serverurl = https://login.salesforce.com', 'sf.maxPoll = 200');

  const py = repo.file('salesforce/tools/dedupe_contacts.py', 'salesforce');
  const spw = g.human();
  const stok = g.sfSecurityToken();
  py.l('from simple_salesforce import Salesforce', '', 'sf = Salesforce(', '    username="dataops@lanternrelief.org",');
  py.s(`    password="${spw}",`, 'generic', spw);
  py.s(`    security_token="${stok}",`, 'salesforce', stok);
  py.l(')');
  py.l('sf_uat = Salesforce(username=os.environ["SF_USER"], password=os.environ["SF_PASS"], security_token="")');
  py.d(`DUPLICATE_RULE_ID = "${g.sfRecordId('0Bm')}"`, 'salesforce record id');
}

// ---- Blackbaud Raiser's Edge NXT / SKY API sync -------------------------------------------

function blackbaud(repo, t, g) {
  const c = repo.file('integrations/re-nxt-sync/config/sky.json', 'blackbaud');
  const sub = g.bbSubKey();
  const sec = g.bbSecret();
  const ref = g.bbRefresh();
  c.l('{', '  "environment": "production",');
  c.l(`  "environment_id": "${g.bbEnv()}",`);
  c.s(`  "subscription_key": "${sub}",`, 'blackbaud', sub);
  c.d(`  "application_id": "${t.uuid()}",`, 'sky application id (client id)');
  c.s(`  "application_secret": "${sec}",`, 'blackbaud', sec);
  c.l('  "redirect_uri": "https://sync.lanternrelief.org/oauth/callback",');
  c.s(`  "refresh_token": "${ref}"`, 'blackbaud', ref);
  c.l('}');

  const py = repo.file('integrations/re-nxt-sync/re_sync/sky_client.py', 'blackbaud');
  const sub2 = g.bbSubKey();
  const sec2 = g.bbSecret();
  py.l(
    'import base64',
    'import os',
    '',
    'import requests',
    '',
    'TOKEN_URL = "https://oauth2.sky.blackbaud.com/token"',
    'API = "https://api.sky.blackbaud.com"',
    '',
    'SESSION = requests.Session()',
  );
  py.s(`SESSION.headers["Bb-Api-Subscription-Key"] = "${sub2}"`, 'blackbaud', sub2);
  py.l('', '', 'def refresh(refresh_token: str) -> dict:');
  py.l('    app_id = os.environ["SKY_APP_ID"]');
  py.s(`    secret = os.environ.get("SKY_APP_SECRET", "${sec2}")`, 'blackbaud', sec2);
  py.l(
    '    basic = base64.b64encode(f"{app_id}:{secret}".encode()).decode()',
    '    r = requests.post(TOKEN_URL, data={"grant_type": "refresh_token", "refresh_token": refresh_token},',
    '                      headers={"Authorization": f"Basic {basic}"})',
    '    r.raise_for_status()',
    '    return r.json()',
    '',
    '',
    'def gifts(since: str):',
    '    return SESSION.get(f"{API}/gift/v1/gifts", params={"date_added": since}).json()',
  );

  const env = repo.file('integrations/re-nxt-sync/.env', 'env');
  const sub3 = g.bbSubKey();
  const pg = g.plain(20);
  env.l('SKY_ENVIRONMENT=production');
  env.s(`SKY_SUBSCRIPTION_KEY=${sub3}`, 'blackbaud', sub3);
  env.l(`SKY_APP_ID=${t.uuid()}`);
  env.s(`SYNC_DB_URL=postgresql://re_sync:${pg}@pg-data.lantern.internal:5432/crm_sync`, 'database', pg);
  env.l('SKY_APP_SECRET=');

  const ex = repo.file('integrations/re-nxt-sync/.env.example', 'env');
  ex.d('SKY_SUBSCRIPTION_KEY=<primary-or-secondary-key-from-developer-portal>', 'placeholder');
  ex.d('SKY_APP_SECRET=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx=', 'placeholder');
}

// ---- Drupal donation site (Commerce, PayPal, Stripe) --------------------------------------

function drupal(repo, t, g) {
  const s = repo.file('web/donate/web/sites/default/settings.php', 'php');
  const dbPw = g.gen(22);
  const salt = g.drupalSalt();
  s.l(
    '<?php',
    '',
    '/**',
    ' * donate.lanternrelief.org - production settings (Pantheon migration pending, see DON-118)',
    ' */',
    "$databases['default']['default'] = [",
    "  'database' => 'donate_prod',",
    "  'username' => 'donate',",
  );
  s.s(`  'password' => '${dbPw}',`, 'generic', dbPw);
  s.l(
    "  'host' => 'mysql-donate.lantern.internal',",
    "  'port' => '3306',",
    "  'driver' => 'mysql',",
    "  'prefix' => '',",
    '];',
    '',
  );
  s.s(`$settings['hash_salt'] = '${salt}';`, 'generic', salt);
  s.l(
    "$settings['config_sync_directory'] = '../config/sync';",
    "$settings['trusted_host_patterns'] = ['^donate\\.lanternrelief\\.org$'];",
    '',
    "if (file_exists($app_root . '/' . $site_path . '/settings.local.php')) {",
    "  include $app_root . '/' . $site_path . '/settings.local.php';",
    '}',
  );

  const l = repo.file('web/donate/web/sites/default/settings.local.php', 'php');
  const sk = t.stripeLive();
  const recap = `6L${t.mixed(URLSAFE, 38)}`;
  l.l('<?php', '// Overrides kept out of config export. DO NOT COMMIT (committed by accident 2024-09, rotate!)');
  l.s(
    `$config['commerce_payment.commerce_payment_gateway.stripe']['configuration']['secret_key'] = '${sk}';`,
    'stripe',
    sk,
  );
  l.d(
    `$config['commerce_payment.commerce_payment_gateway.stripe']['configuration']['publishable_key'] = '${g.stripePk()}';`,
    'stripe publishable key (public by design)',
  );
  l.s(`$config['recaptcha.settings']['secret_key'] = '${recap}';`, 'recaptcha', recap);
  l.d(`$config['recaptcha.settings']['site_key'] = '6L${t.mixed(URLSAFE, 38)}';`, 'recaptcha site key (public)');

  const dd = repo.file('web/donate/web/sites/default/settings.ddev.php', 'php');
  dd.l('<?php', '// Generated by DDEV for local development only');
  dd.d("$databases['default']['default']['password'] = 'db';", 'ddev local default');
  dd.l("$settings['hash_salt'] = file_get_contents('/var/www/private/salt.txt');");

  const pp = repo.file('web/donate/config/sync/commerce_payment.commerce_payment_gateway.paypal.yml', 'php');
  const ppSec = g.paypalSecret();
  pp.l(
    'langcode: en',
    'status: true',
    'id: paypal',
    'label: PayPal',
    'plugin: paypal_checkout',
    'configuration:',
    '  display_label: PayPal',
    '  mode: live',
  );
  pp.d(`  client_id: ${g.paypalId()}`, 'paypal client id (public, sent to the JS SDK)');
  pp.s(`  secret: ${ppSec}`, 'paypal', ppSec);
  pp.l('  intent: capture', '  disable_funding: {  }');

  const cj = repo.file('web/donate/auth.json', 'php');
  const nexus = g.plain(24);
  const gh = t.github();
  cj.l('{', '  "http-basic": {', '    "packages.lanternrelief.org": {', '      "username": "ci-composer",');
  cj.s(`      "password": "${nexus}"`, 'generic', nexus);
  cj.l('    }', '  },', '  "github-oauth": {');
  cj.s(`    "github.com": "${gh}"`, 'github', gh);
  cj.l('  }', '}');

  const dr = repo.file('web/donate/drush/sites/prod.site.yml', 'php');
  dr.l('prod:', '  host: web01.donate.lantern.internal', '  user: deploy', '  root: /var/www/donate/web');
  dr.l("  ssh:\n    options: '-o IdentityFile=~/.ssh/donate_deploy'");
}

// ---- Laravel volunteer portal --------------------------------------------------------------

function laravel(repo, t, g) {
  const e = repo.file('apps/volunteer-portal/.env', 'env');
  const appKey = g.laravelKey();
  const db = g.plain(22);
  const mg = g.mailgunOld();
  const tw = t.twilioToken();
  const at = g.atKey();
  const pusher = t.hex(20);
  const ak = t.awsId();
  const as = t.awsSecret();
  e.l('APP_NAME="Lantern Volunteers"', 'APP_ENV=production');
  e.s(`APP_KEY=${appKey}`, 'generic', appKey);
  e.l('APP_DEBUG=false', 'APP_URL=https://volunteer.lanternrelief.org', '');
  e.l('DB_CONNECTION=pgsql', 'DB_HOST=pg-volunteer.lantern.internal', 'DB_PORT=5432', 'DB_DATABASE=volunteers');
  e.l('DB_USERNAME=volunteer_app');
  e.s(`DB_PASSWORD=${db}`, 'generic', db);
  e.l('', 'MAIL_MAILER=mailgun', 'MAILGUN_DOMAIN=mg.lanternrelief.org');
  e.s(`MAILGUN_SECRET=${mg}`, 'mailgun', mg);
  e.l('MAILGUN_ENDPOINT=api.eu.mailgun.net', '', 'REDIS_HOST=redis-volunteer.lantern.internal');
  e.l('', `TWILIO_SID=${t.twilioSid()}`);
  e.s(`TWILIO_AUTH_TOKEN=${tw}`, 'twilio', tw);
  e.l('AT_USERNAME=lanternrelief');
  e.s(`AT_API_KEY=${at}`, 'africastalking', at);
  e.l('', `PUSHER_APP_ID=${t.digits(7)}`);
  e.d(`PUSHER_APP_KEY=${t.hex(20)}`, 'pusher app key (public, used by the browser client)');
  e.s(`PUSHER_APP_SECRET=${pusher}`, 'pusher', pusher);
  e.l('PUSHER_APP_CLUSTER=eu', '');
  e.s(`AWS_ACCESS_KEY_ID=${ak}`, 'aws', ak);
  e.s(`AWS_SECRET_ACCESS_KEY=${as}`, 'aws', as);
  e.l('AWS_DEFAULT_REGION=eu-west-1', 'AWS_BUCKET=lantern-volunteer-uploads');
  e.d(
    `SENTRY_LARAVEL_DSN=https://${t.hex(32)}@o${t.digits(6)}.ingest.de.sentry.io/${t.digits(7)}`,
    'sentry dsn (public ingest key)',
  );

  const ex = repo.file('apps/volunteer-portal/.env.example', 'env');
  ex.l('APP_KEY=');
  ex.l('DB_PASSWORD=');
  ex.d('MAILGUN_SECRET=key-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'placeholder');
  ex.l('AT_API_KEY=your_africastalking_api_key');

  const sv = repo.file('apps/volunteer-portal/config/services.php', 'php');
  const ib = g.infobip();
  sv.l('<?php', '', 'return [', "    'mailgun' => [");
  sv.d("        'secret' => env('MAILGUN_SECRET'),", 'env read');
  sv.l("        'domain' => env('MAILGUN_DOMAIN'),", '    ],', "    'infobip' => [");
  sv.l("        'base_url' => env('INFOBIP_BASE_URL', 'https://9rq3xd.api.infobip.com'),");
  sv.s(`        'api_key' => env('INFOBIP_API_KEY', '${ib}'),`, 'infobip', ib);
  sv.l('    ],', '];');

  const sms = repo.file('apps/volunteer-portal/app/Services/AfricasTalkingSms.php', 'php');
  const at2 = g.atKey();
  sms.l(
    '<?php',
    '',
    'namespace App\\Services;',
    '',
    'use AfricasTalking\\SDK\\AfricasTalking;',
    '',
    'class AfricasTalkingSms',
    '{',
    '    public function client(): AfricasTalking',
    '    {',
    '        // shift reminders for the Nairobi and Kampala volunteer pools',
  );
  sms.s(`        return new AfricasTalking('lanternrelief', '${at2}');`, 'africastalking', at2);
  sms.l('    }', '', '    public function sandbox(): AfricasTalking', '    {');
  sms.l("        return new AfricasTalking('sandbox', config('services.africastalking.sandbox_key'));");
  sms.l('    }', '}');

  const sd = repo.file('apps/volunteer-portal/database/seeders/AdminUserSeeder.php', 'php');
  const adm = g.human();
  sd.l(
    '<?php',
    '',
    'namespace Database\\Seeders;',
    '',
    'use App\\Models\\User;',
    'use Illuminate\\Database\\Seeder;',
    'use Illuminate\\Support\\Facades\\Hash;',
    'use Illuminate\\Support\\Str;',
    '',
    'class AdminUserSeeder extends Seeder',
    '{',
    '    public function run(): void',
    '    {',
    "        User::updateOrCreate(['email' => 'volunteer-admin@lanternrelief.org'], [",
    "            'name' => 'Volunteer Coordinator',",
  );
  sd.s(`            'password' => Hash::make('${adm}'),`, 'generic', adm);
  sd.l('        ]);');
  sd.d("        User::factory()->count(20)->create(['password' => bcrypt(Str::random(32))]);", 'random at runtime');
  sd.l('    }', '}');

  const pu = repo.file('apps/volunteer-portal/phpunit.xml', 'php');
  pu.l('<phpunit bootstrap="vendor/autoload.php">', '  <php>', '    <env name="APP_ENV" value="testing"/>');
  pu.l('    <env name="DB_CONNECTION" value="sqlite"/>');
  pu.d('    <env name="MAILGUN_SECRET" value="test-mailgun-secret"/>', 'test fixture');
  pu.l('  </php>', '</phpunit>');
}

// ---- .NET grants-management app (SQL Server, SSRS) ----------------------------------------

function grants(repo, t, g) {
  const a = repo.file('apps/grants/Lantern.Grants.Web/appsettings.json', 'dotnet');
  const sql = g.gen(20);
  const az = g.azSecret();
  const smtp = g.human();
  const sk = t.azureStorageKey();
  a.l('{', '  "ConnectionStrings": {');
  a.s(
    `    "GrantsDb": "Server=tcp:sql-grants-prod.database.windows.net,1433;Initial Catalog=Grants;User ID=grants_app;Password=${sql};Encrypt=True;TrustServerCertificate=False;",`,
    'database',
    sql,
  );
  a.s(
    `    "Documents": "DefaultEndpointsProtocol=https;AccountName=lanterngrantsdocs;AccountKey=${sk};EndpointSuffix=core.windows.net"`,
    'azure',
    sk,
  );
  a.l(
    '  },',
    '  "AzureAd": {',
    '    "Instance": "https://login.microsoftonline.com/",',
    '    "Domain": "lanternrelief.onmicrosoft.com",',
  );
  a.l(`    "TenantId": "${t.uuid()}",`);
  a.d(`    "ClientId": "${t.uuid()}",`, 'client id');
  a.s(`    "ClientSecret": "${az}",`, 'azure', az);
  a.l('    "CallbackPath": "/signin-oidc"', '  },', '  "Smtp": {', '    "Host": "smtp.office365.com",');
  a.l('    "User": "grants-noreply@lanternrelief.org",');
  a.s(`    "Password": "${smtp}"`, 'generic', smtp);
  a.l('  },', '  "Reporting": {', '    "ServerUrl": "https://reports.lantern.internal/ReportServer",');
  a.l('    "ServiceAccount": "LANTERN\\\\svc_ssrs"');
  a.l('  },');
  a.d(
    `  "ApplicationInsights": { "ConnectionString": "InstrumentationKey=${t.uuid()};IngestionEndpoint=https://northeurope-2.in.applicationinsights.azure.com/" }`,
    'app insights instrumentation key (ingest only)',
  );
  a.l('}');

  const dv = repo.file('apps/grants/Lantern.Grants.Web/appsettings.Development.json', 'dotnet');
  dv.l('{', '  "ConnectionStrings": {');
  dv.d(
    '    "GrantsDb": "Server=(localdb)\\\\MSSQLLocalDB;Database=Grants;Trusted_Connection=True;"',
    'integrated auth',
  );
  dv.l('  },', '  "AzureAd": {');
  dv.l('    "ClientSecret": "<set with dotnet user-secrets>"');
  dv.l('  }', '}');

  const w = repo.file('apps/grants/Lantern.Grants.Legacy/Web.config', 'dotnet');
  const lg = g.gen(18);
  const vk = t.pick('0123456789ABCDEF', 128);
  w.l('<?xml version="1.0" encoding="utf-8"?>', '<configuration>', '  <connectionStrings>');
  w.s(
    `    <add name="GrantsLegacy" connectionString="Data Source=SQL01\\GRANTS;Initial Catalog=GrantsArchive;User Id=grants_legacy;Password=${lg};" providerName="System.Data.SqlClient" />`,
    'database',
    lg,
  );
  w.l(
    '    <add name="Audit" connectionString="Data Source=SQL01\\GRANTS;Initial Catalog=Audit;Integrated Security=SSPI" providerName="System.Data.SqlClient" />',
  );
  w.l('  </connectionStrings>', '  <system.web>');
  w.s(
    `    <machineKey validationKey="${vk}" decryptionKey="AutoGenerate,IsolateApps" validation="HMACSHA256" />`,
    'generic',
    vk,
  );
  w.l('  </system.web>', '</configuration>');

  const rs = repo.file('apps/grants/Lantern.Grants.Reports/RSReportServer.config', 'dotnet');
  rs.l('<Configuration>');
  rs.d(`  <Dsn>${g.b64(448)}</Dsn>`, 'ssrs encrypted connection string');
  rs.l('  <ConnectionType>Default</ConnectionType>', '  <LogonUser></LogonUser>');
  rs.l('  <LogonCred></LogonCred>');
  rs.l('</Configuration>');

  const dp = repo.file('apps/grants/Lantern.Grants.Reports/Deploy-Reports.ps1', 'dotnet');
  const rsPw = g.gen(18);
  const dsPw = g.plain(16);
  dp.l(
    '#Requires -Modules ReportingServicesTools',
    'param([string]$ReportServer = "https://reports.lantern.internal/ReportServer")',
  );
  dp.s(
    `$cred = New-Object PSCredential('LANTERN\\svc_ssrs', (ConvertTo-SecureString '${rsPw}' -AsPlainText -Force))`,
    'generic',
    rsPw,
  );
  dp.l('Write-RsFolderContent -ReportServerUri $ReportServer -Credential $cred -Path .\\Reports -Destination /Grants');
  dp.s(
    `Set-RsDataSource -ReportServerUri $ReportServer -Credential $cred -RsItem /Grants/Data/GrantsDW -CredentialRetrieval Store -DatasourceCredentials (New-Object PSCredential('grants_reader', (ConvertTo-SecureString '${dsPw}' -AsPlainText -Force)))`,
    'generic',
    dsPw,
  );

  const sq = repo.file('apps/grants/db/migrations/0042_create_logins.sql', 'sql');
  const login = g.gen(20);
  sq.s(`CREATE LOGIN grants_app WITH PASSWORD = N'${login}', CHECK_POLICY = ON;`, 'generic', login);
  sq.d("ALTER LOGIN grants_reader WITH PASSWORD = N'$(GRANTS_READER_PASSWORD)';", 'sqlcmd variable');
  sq.l(`INSERT INTO dbo.Funders (Id, Name, ExternalRef) VALUES ('${t.uuid()}', N'ECHO', N'ECHO-2025-HIP-0417');`);

  const cs = repo.file('apps/grants/Lantern.Grants.Core/Services/FunderReportExporter.cs', 'dotnet');
  const ro = g.gen(18);
  const sas = t.azureSasSig();
  cs.l(
    'using Azure.Storage.Blobs;',
    'using Microsoft.Data.SqlClient;',
    '',
    'namespace Lantern.Grants.Core.Services;',
    '',
    'public class FunderReportExporter',
    '{',
  );
  cs.s(
    `    private const string Warehouse = "Server=sql-dw.lantern.internal;Database=GrantsDW;User Id=grants_ro;Password=${ro};TrustServerCertificate=True";`,
    'database',
    ro,
  );
  cs.s(
    `    private static readonly Uri ExportContainer = new("https://lanterngrantsdocs.blob.core.windows.net/funder-exports?sv=2022-11-02&ss=b&srt=co&sp=rwl&se=2026-12-31T00:00:00Z&st=2025-01-01T00:00:00Z&spr=https&sig=${sas}");`,
    'azure',
    sas,
  );
  cs.l('    private readonly string _smtpPassword = Environment.GetEnvironmentVariable("SMTP_PASSWORD") ?? "";');
  cs.l('    public SqlConnection Open() => new SqlConnection(Warehouse);', '}');
}

// ---- Python field-data pipelines (KoboToolbox, ODK Central, CommCare, DHIS2) ---------------

function fieldData(repo, t, g) {
  const s = repo.file('pipelines/field-data/config/settings.yaml', 'python');
  const kobo = g.koboToken();
  const odk = g.human();
  const cc = g.commcareKey();
  const dh = g.gen(20);
  s.l('kobo:', '  server: https://kf.kobotoolbox.org');
  s.s(`  token: ${kobo}`, 'kobotoolbox', kobo);
  s.l('  assets:');
  s.d(`    nutrition_smart_2025: ${g.koboAsset()}`, 'kobo asset uid');
  s.l('odk_central:', '  base_url: https://odk.lanternrelief.org', '  email: etl@lanternrelief.org');
  s.s(`  password: "${odk}"`, 'generic', odk);
  s.l('  project_id: 4', 'commcare:', '  domain: lantern-chw-kenya', '  username: etl@lanternrelief.org');
  s.s(`  api_key: ${cc}`, 'commcare', cc);
  s.l('dhis2:', '  url: https://dhis2.lanternrelief.org', '  username: svc_etl');
  s.s(`  password: "${dh}"`, 'generic', dh);
  s.l(`  dataset_uid: ${g.dhisUid()}`);
  s.l('warehouse:');
  s.d('  dsn: ${WAREHOUSE_DSN}', 'env reference');

  const k = repo.file('pipelines/field-data/lantern_field/kobo.py', 'python');
  const kobo2 = g.koboToken();
  k.l('import requests', '', 'KF = "https://kf.kobotoolbox.org/api/v2"');
  k.s(`HEADERS = {"Authorization": "Token ${kobo2}"}`, 'kobotoolbox', kobo2);
  k.l(
    '',
    '',
    'def submissions(asset_uid: str, since: str):',
    '    q = {"query": \'{"_submission_time": {"$gt": "%s"}}\' % since}',
    '    return requests.get(f"{KF}/assets/{asset_uid}/data/", headers=HEADERS, params=q).json()["results"]',
  );
  k.l(`SHELTER_ASSESSMENT = "${g.koboAsset()}"`);

  const o = repo.file('pipelines/field-data/.pyodk_config.toml', 'python');
  const opw = g.gen(18);
  o.l('[central]', 'base_url = "https://odk.lanternrelief.org"', 'username = "etl@lanternrelief.org"');
  o.s(`password = "${opw}"`, 'generic', opw);
  o.l('default_project_id = 4');

  const od = repo.file('pipelines/field-data/lantern_field/odk_forms.py', 'python');
  const au = g.odkAppUser();
  od.l('from pyodk.client import Client', '', 'client = Client(config_path=".pyodk_config.toml")', '');
  od.l('# app user "tablet-pool-juba" - QR code handed to the enumerators');
  od.s(
    `ENUMERATOR_SUBMIT_URL = "https://odk.lanternrelief.org/v1/key/${au}/projects/4/forms/wash_hh_survey/submissions"`,
    'generic',
    au,
  );
  od.l('FORM_ID = "wash_hh_survey"');

  const c = repo.file('pipelines/field-data/lantern_field/commcare.py', 'python');
  const cc2 = g.commcareKey();
  c.l(
    'import requests',
    '',
    'BASE = "https://www.commcarehq.org/a/lantern-chw-kenya/api/v0.5"',
    'USER = "etl@lanternrelief.org"',
  );
  c.s(`AUTH = {"Authorization": "ApiKey etl@lanternrelief.org:${cc2}"}`, 'commcare', cc2);
  c.l('', '', 'def cases(case_type="household"):');
  c.l('    return requests.get(f"{BASE}/case/", headers=AUTH, params={"type": case_type, "limit": 100}).json()');

  const d = repo.file('pipelines/field-data/lantern_field/dhis2.py', 'python');
  const dpw = g.gen(20);
  d.l('from dhis2 import Api', '');
  d.s(`api = Api("https://dhis2.lanternrelief.org", "svc_etl", "${dpw}")`, 'generic', dpw);
  d.d(
    'demo = Api("https://play.im.dhis2.org/stable-2-41-1", "admin", "district")',
    'dhis2 public demo server, documented credentials',
  );
  d.l('', '', 'def push(values):');
  d.l('    return api.post("dataValueSets", json={"dataValues": values}).json()');
  d.l(`ORG_UNIT_JUBA = "${g.dhisUid()}"`);

  const w = repo.file('pipelines/field-data/lantern_field/warehouse.py', 'python');
  const pg = g.plain(22);
  w.l('import boto3', 'from sqlalchemy import create_engine', '');
  w.s(
    `ENGINE = create_engine("postgresql+psycopg2://field_etl:${pg}@pg-data.lantern.internal:5432/fielddw")`,
    'database',
    pg,
  );
  w.l('s3 = boto3.client(', '    "s3",', '    region_name="eu-west-1",');
  w.l(')');
  w.l('ENGINE_UAT = create_engine(os.environ["UAT_DSN"])');

  const rq = repo.file('pipelines/field-data/requirements.txt', 'python');
  const pat = g.adoPat();
  rq.s(
    `--extra-index-url https://etl:${pat}@pkgs.dev.azure.com/lanternrelief/_packaging/field/pypi/simple/`,
    'azure-devops',
    pat,
  );
  rq.l('pyodk==1.0.0', 'dhis2.py==2.3.0', 'pandas==2.2.2');
  rq.d(`requests==2.32.3 --hash=sha256:${t.sha256()}`, 'pip hash');

  const tf = repo.file('pipelines/field-data/tests/fixtures/settings.test.yaml', 'python');
  tf.l('kobo:');
  tf.l('  token: 0000000000000000000000000000000000000000');
  tf.l('odk_central:');
  tf.l('  password: not-a-real-password');
}

// ---- Notebooks ----------------------------------------------------------------------------

function notebooks(repo, t, g) {
  const nb = repo.file('pipelines/field-data/notebooks/nutrition-smart-survey-2025.ipynb', 'notebook');
  const kobo = g.koboToken();
  const pg = g.plain(20);
  const out = g.koboToken();
  nb.l(
    '{',
    ' "cells": [',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 2,',
    '   "metadata": {},',
    '   "outputs": [',
    '    {',
    '     "name": "stdout",',
    '     "output_type": "stream",',
    '     "text": [',
  );
  nb.s(
    `      ${JSON.stringify(`Authenticated to kf.kobotoolbox.org as lantern_mel (token ${out})\n`)},`,
    'kobotoolbox',
    out,
  );
  nb.l(`      ${JSON.stringify('1,284 submissions since 2025-03-01\n')}`, '     ]', '    }', '   ],', '   "source": [');
  nb.l(`    ${JSON.stringify('import pandas as pd, requests\n')},`);
  nb.s(`    ${JSON.stringify(`KOBO_TOKEN = "${kobo}"\n`)},`, 'kobotoolbox', kobo);
  nb.s(
    `    ${JSON.stringify(`engine = create_engine("postgresql://mel_analyst:${pg}@pg-data.lantern.internal:5432/fielddw")\n`)},`,
    'database',
    pg,
  );
  nb.l(`    ${JSON.stringify('df = pd.read_sql("select * from smart_2025", engine)')}`, '   ]', '  },');
  nb.l(
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 3,',
    '   "metadata": {},',
    '   "outputs": [',
    '    {',
    '     "data": {',
  );
  nb.d(`      "image/png": "${t.pngBase64()}",`, 'base64 image');
  nb.l(
    '      "text/plain": ["<Figure size 800x500 with 1 Axes>"]',
    '     },',
    '     "metadata": {},',
    '     "output_type": "display_data"',
    '    }',
    '   ],',
    '   "source": [',
  );
  nb.d(`    ${JSON.stringify('token = getpass.getpass("Kobo token: ")\n')},`, 'getpass prompt');
  nb.l(`    ${JSON.stringify('plot_muac_distribution(df)')}`, '   ]', '  }', ' ],');
  nb.l(
    ' "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},',
    ' "nbformat": 4,',
    ' "nbformat_minor": 5',
    '}',
  );

  const n2 = repo.file('pipelines/field-data/notebooks/dhis2-indicator-qa.ipynb', 'notebook');
  const dpw = g.human();
  const gs = t.gcpApiKey();
  const cc = g.commcareKey();
  n2.l(
    '{',
    ' "cells": [',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": null,',
    '   "metadata": {},',
    '   "outputs": [],',
    '   "source": [',
  );
  n2.l(`    ${JSON.stringify('from dhis2 import Api\n')},`);
  n2.s(
    `    ${JSON.stringify(`api = Api("https://dhis2.lanternrelief.org", "m.achieng", "${dpw}")\n`)},`,
    'generic',
    dpw,
  );
  n2.s(`    ${JSON.stringify(`SHEETS_API_KEY = "${gs}"\n`)},`, 'gcp', gs);
  n2.s(
    `    ${JSON.stringify(`cc_headers = {"Authorization": "ApiKey m.achieng@lanternrelief.org:${cc}"}\n`)},`,
    'commcare',
    cc,
  );
  n2.l(`    ${JSON.stringify('dhis_demo = Api("https://play.im.dhis2.org/stable-2-41-1", "admin", "district")')}`);
  n2.l('   ]', '  }', ' ],', ' "metadata": {},', ' "nbformat": 4,', ' "nbformat_minor": 5', '}');
}

// ---- React Native field app ---------------------------------------------------------------

function fieldApp(repo, t, g) {
  const e = repo.file('apps/field-app/.env', 'js');
  const mbs = g.mapboxSecret();
  const sen = g.sentryUser();
  e.l('API_BASE_URL=https://field-api.lanternrelief.org');
  e.d(`MAPBOX_PUBLIC_TOKEN=${g.mapboxPublic()}`, 'mapbox public token (shipped in the app)');
  e.s(`MAPBOX_DOWNLOADS_TOKEN=${mbs}`, 'mapbox', mbs);
  e.s(`SENTRY_AUTH_TOKEN=${sen}`, 'sentry', sen);
  e.l(`SENTRY_DSN=https://${t.hex(32)}@o${t.digits(6)}.ingest.sentry.io/${t.digits(7)}`);

  const gp = repo.file('apps/field-app/android/gradle.properties', 'mobile');
  const st = g.plain(16);
  gp.l('org.gradle.jvmargs=-Xmx2048m -XX:MaxMetaspaceSize=512m', 'android.useAndroidX=true', 'newArchEnabled=true');
  gp.l('MYAPP_UPLOAD_STORE_FILE=lantern-upload.keystore', 'MYAPP_UPLOAD_KEY_ALIAS=lantern-field');
  gp.s(`MYAPP_UPLOAD_STORE_PASSWORD=${st}`, 'generic', st);

  const sp = repo.file('apps/field-app/ios/sentry.properties', 'mobile');
  const sen2 = g.sentryUser();
  sp.l('defaults.url=https://sentry.io/', 'defaults.org=lantern-relief', 'defaults.project=field-app');
  sp.s(`auth.token=${sen2}`, 'sentry', sen2);

  const cf = repo.file('apps/field-app/src/config.ts', 'js');
  const au = g.odkAppUser();
  cf.l("import Config from 'react-native-config';", '');
  cf.l('export const API_BASE_URL = Config.API_BASE_URL;');
  cf.l(`export const MAPBOX_TOKEN = '${g.mapboxPublic()}';`);
  cf.l('// ODK app user for offline collection when the tablet cannot reach the API');
  cf.s(`export const ODK_FALLBACK_KEY = '${au}';`, 'generic', au);
  cf.l(`export const KOBO_FORM_UID = '${g.koboAsset()}';`);

  const ps = repo.file('apps/field-app/server/push.js', 'js');
  const fcm = g.fcmLegacy();
  ps.l("const fetch = require('node-fetch');", '');
  ps.s(`const FCM_SERVER_KEY = '${fcm}';`, 'firebase', fcm);
  ps.l(
    '',
    'async function notifyEnumerators(tokens, title, body) {',
    "  return fetch('https://fcm.googleapis.com/fcm/send', {",
    "    method: 'POST',",
    "    headers: { Authorization: `key=${FCM_SERVER_KEY}`, 'Content-Type': 'application/json' },",
    '    body: JSON.stringify({ registration_ids: tokens, notification: { title, body } }),',
    '  });',
    '}',
  );

  const kj = repo.file('apps/field-app/android/app/debug.keystore.properties', 'mobile');
  kj.d('storePassword=android', 'android sdk default debug keystore password');
  kj.l('keyPassword=android');
}

// ---- Donations API: Stripe, PayPal / Braintree, GoCardless, Adyen, M-Pesa Daraja ------------

function payments(repo, t, g) {
  const c = repo.file('services/donations-api/src/config/gateways.ts', 'js');
  const sk = t.stripeLive();
  const wh = g.stripeWebhook();
  const pps = g.paypalSecret();
  const bt = g.braintree();
  const gc = g.gocardless();
  const gcw = g.plain(32);
  const ad = g.adyenKey();
  const hm = g.adyenHmac();
  c.l('export const gateways = {', '  stripe: {');
  c.s(`    secretKey: process.env.STRIPE_SECRET_KEY ?? '${sk}',`, 'stripe', sk);
  c.s(`    webhookSecret: '${wh}',`, 'stripe', wh);
  c.l(`    publishableKey: '${g.stripePk()}',`);
  c.l('  },', '  paypal: {', "    mode: 'live',");
  c.l(`    clientId: '${g.paypalId()}',`);
  c.s(`    clientSecret: '${pps}',`, 'paypal', pps);
  c.l('  },', '  braintree: {');
  c.s(`    accessToken: '${bt}',`, 'braintree', bt);
  c.l('  },', '  gocardless: {', "    environment: 'live',");
  c.s(`    accessToken: '${gc}',`, 'gocardless', gc);
  c.s(`    webhookEndpointSecret: '${gcw}',`, 'gocardless', gcw);
  c.l('  },', '  adyen: {', "    merchantAccount: 'LanternReliefECOM',");
  c.s(`    apiKey: '${ad}',`, 'adyen', ad);
  c.d(`    clientKey: '${g.adyenClientKey()}',`, 'adyen client key (public, used in the drop-in)');
  c.s(`    hmacKey: '${hm}',`, 'adyen', hm);
  c.l("    liveEndpointUrlPrefix: '1797a841fbb37ca7-LanternRelief',", '  },', '};');

  const m = repo.file('services/donations-api/src/mpesa/daraja.ts', 'js');
  const ck = g.mpesaKey();
  const cs = g.mpesaSecret();
  const pk = g.mpesaPasskey();
  const ip = g.human();
  m.l(
    "import axios from 'axios';",
    '',
    "const BASE = 'https://api.safaricom.co.ke';",
    '// Lantern Relief Kenya paybill, go-live approved 2024-11',
    "export const SHORTCODE = '4093817';",
  );
  m.d(`const CONSUMER_KEY = '${ck}';`, 'daraja consumer key (oauth client id; the secret is on the next line)');
  m.s(`const CONSUMER_SECRET = '${cs}';`, 'mpesa', cs);
  m.s(`const PASSKEY = '${pk}';`, 'mpesa', pk);
  m.l("const INITIATOR_NAME = 'lanternapi';");
  m.s(`const INITIATOR_PASSWORD = '${ip}';`, 'generic', ip);
  m.l(
    '',
    'export async function token(): Promise<string> {',
    "  const basic = Buffer.from(`${CONSUMER_KEY}:${CONSUMER_SECRET}`).toString('base64');",
    '  const r = await axios.get(`${BASE}/oauth/v1/generate?grant_type=client_credentials`, {',
    '    headers: { Authorization: `Basic ${basic}` },',
    '  });',
    '  return r.data.access_token;',
    '}',
    '',
    'export function stkPassword(timestamp: string): string {',
    "  return Buffer.from(SHORTCODE + PASSKEY + timestamp).toString('base64');",
    '}',
  );

  const sb = repo.file('services/donations-api/src/mpesa/sandbox.ts', 'js');
  sb.l('// Daraja sandbox (test credentials from developer.safaricom.co.ke, no real money)');
  sb.d("export const SANDBOX_SHORTCODE = '174379';", 'documented sandbox shortcode');
  sb.l('export const SANDBOX_PASSKEY = process.env.MPESA_SANDBOX_PASSKEY;');
  sb.l("export const SANDBOX_MSISDN = '254708374149';");

  const e = repo.file('services/donations-api/.env.production', 'env');
  const esk = t.stripeLive();
  const pg = g.plain(22);
  const mcs = g.mpesaSecret();
  const jw = t.alnum(48);
  e.l('NODE_ENV=production', 'PORT=8080');
  e.s(`DATABASE_URL=postgres://donations:${pg}@pg-donations.lantern.internal:5432/donations`, 'database', pg);
  e.s(`STRIPE_SECRET_KEY=${esk}`, 'stripe', esk);
  e.d(`MPESA_CONSUMER_KEY=${g.mpesaKey()}`, 'daraja consumer key (oauth client id; the secret is on the next line)');
  e.s(`MPESA_CONSUMER_SECRET=${mcs}`, 'mpesa', mcs);
  e.s(`JWT_SIGNING_SECRET=${jw}`, 'generic', jw);
  e.l('PAYPAL_CLIENT_SECRET=${PAYPAL_CLIENT_SECRET}');

  const st = repo.file('services/donations-api/.env.staging', 'env');
  const tsk = t.stripeTest();
  const sgc = `sandbox_${t.mixed(URLSAFE, 40)}`;
  st.l('NODE_ENV=staging');
  st.s(`STRIPE_SECRET_KEY=${tsk}`, 'stripe', tsk, 'warning');
  st.s(`GOCARDLESS_ACCESS_TOKEN=${sgc}`, 'gocardless', sgc, 'warning');
  st.l('ADYEN_API_KEY=');

  const fx = repo.file('services/donations-api/test/fixtures/stripe-webhook.json', 'decoys');
  fx.l('{');
  fx.d(`  "id": "evt_${t.mixed(ALNUM, 24)}",`, 'stripe event id');
  fx.l('  "object": "event",', '  "type": "payment_intent.succeeded",', '  "data": { "object": {');
  fx.l(`    "id": "pi_${t.mixed(ALNUM, 24)}",`);
  fx.l(`    "customer": "cus_${t.mixed(ALNUM, 14)}",`);
  fx.l('    "amount": 2500, "currency": "gbp"', '  } },');
  fx.d('  "_signing_secret": "whsec_test_secret_used_only_in_unit_tests"', 'test fixture');
  fx.l('}');

  const wb = repo.file('services/donations-api/src/webhooks/adyen.ts', 'js');
  wb.l("import { hmacValidator } from '@adyen/api-library';", '');
  wb.l('const validator = new hmacValidator();\nconst HMAC_KEY = process.env.ADYEN_HMAC_KEY!;');
  wb.l('export const isValid = (item: any) => validator.validateHMAC(item, HMAC_KEY);');
}

// ---- Messaging: SMS (Twilio, Africa's Talking, Infobip), WhatsApp, Mailchimp, Mailgun -------

function messaging(repo, t, g) {
  const y = repo.file('services/comms/config/sms.yml', 'python');
  const tw = t.twilioToken();
  const ksec = g.twilioKeySecret();
  const at = g.atKey();
  const ib = g.infobip();
  y.l('twilio:');
  y.d(`  account_sid: ${t.twilioSid()}`, 'twilio account sid (identifier)');
  y.s(`  auth_token: ${tw}`, 'twilio', tw);
  y.d(`  api_key_sid: ${g.twilioKeySid()}`, 'twilio api key sid (identifier)');
  y.s(`  api_key_secret: ${ksec}`, 'twilio', ksec);
  y.l('  messaging_service: MG0a1b', 'africas_talking:', '  username: lanternrelief');
  y.s(`  api_key: ${at}`, 'africastalking', at);
  y.l('  sender_id: LANTERN', 'infobip:', '  base_url: https://9rq3xd.api.infobip.com');
  y.s(`  api_key: ${ib}`, 'infobip', ib);
  y.l('  webhook_secret: ${INFOBIP_WEBHOOK_SECRET}');

  const p = repo.file('services/comms/comms/sms.py', 'python');
  const sid = t.twilioSid();
  const tok = t.twilioToken();
  const ib2 = g.infobip();
  p.l('import africastalking', 'import requests', 'from twilio.rest import Client', '');
  p.s(`twilio = Client("${sid}", "${tok}")`, 'twilio', tok);
  p.l('africastalking.initialize("sandbox", os.environ["AT_SANDBOX_KEY"])');
  p.l(
    '',
    '',
    'def infobip_send(to, text):',
    '    return requests.post(',
    '        "https://9rq3xd.api.infobip.com/sms/2/text/advanced",',
  );
  p.s(`        headers={"Authorization": "App ${ib2}"},`, 'infobip', ib2);
  p.l('        json={"messages": [{"destinations": [{"to": to}], "from": "LANTERN", "text": text}]},', '    )');

  const wa = repo.file('services/comms/comms/whatsapp.py', 'python');
  const meta = g.metaToken();
  wa.l('import requests', '', 'GRAPH = "https://graph.facebook.com/v19.0"');
  wa.d(`PHONE_NUMBER_ID = "${t.digits(15)}"`, 'whatsapp phone number id');
  wa.l('# system user "comms-bot", never-expiring token generated in Business Manager');
  wa.s(`ACCESS_TOKEN = "${meta}"`, 'facebook', meta);
  wa.l('', '', 'def send_template(to, name, lang="en"):');
  wa.l(
    '    return requests.post(f"{GRAPH}/{PHONE_NUMBER_ID}/messages", headers={"Authorization": f"Bearer {ACCESS_TOKEN}"},',
  );
  wa.l(
    '                         json={"messaging_product": "whatsapp", "to": to, "type": "template", "template": {"name": name, "language": {"code": lang}}})',
  );

  const mc = repo.file('services/comms/comms/mailchimp_sync.py', 'python');
  const mk = g.mailchimp();
  const md = g.mandrill();
  mc.l('import mailchimp_marketing as MailchimpMarketing', 'import mailchimp_transactional', '');
  mc.l('client = MailchimpMarketing.Client()');
  mc.s(`client.set_config({"api_key": "${mk}", "server": "${mk.split('-')[1]}"})`, 'mailchimp', mk);
  mc.d(`DONOR_AUDIENCE_ID = "${t.hex(10)}"`, 'mailchimp audience id');
  mc.s(`receipts = mailchimp_transactional.Client("${md}")`, 'mandrill', md);

  const mg = repo.file('services/comms/scripts/mailgun-suppressions.sh', 'shell');
  const mgk = g.mailgun();
  const whk = t.hex(32);
  mg.l('#!/usr/bin/env bash', 'set -euo pipefail', 'DOMAIN=mg.lanternrelief.org');
  mg.s(
    `curl -s --user 'api:${mgk}' "https://api.eu.mailgun.net/v3/$DOMAIN/bounces?limit=1000" > bounces.json`,
    'mailgun',
    mgk,
  );
  mg.s(`export MAILGUN_WEBHOOK_SIGNING_KEY=${whk}`, 'mailgun', whk);
  mg.d('curl -s --user "api:${MAILGUN_API_KEY}" "https://api.eu.mailgun.net/v3/$DOMAIN/complaints"', 'variable');
}

// ---- Microsoft 365, SharePoint and Google Workspace admin (PowerShell, GAM) -----------------

function workspaceAdmin(repo, t, g) {
  const n = repo.file('it/m365/New-StaffAccount.ps1', 'windows');
  const az = g.azSecret();
  const tmp = g.human();
  n.l(
    'param(',
    '    [Parameter(Mandatory)][string]$DisplayName,',
    '    [Parameter(Mandatory)][string]$Upn,',
    '    [string]$Office = "Nairobi"',
    ')',
  );
  n.l(`$TenantId = "${t.uuid()}"`);
  n.d(`$AppId = "${t.uuid()}"`, 'app registration client id');
  n.s(`$Secret = ConvertTo-SecureString "${az}" -AsPlainText -Force`, 'azure', az);
  n.l(
    '$cred = New-Object System.Management.Automation.PSCredential($AppId, $Secret)',
    'Connect-MgGraph -TenantId $TenantId -ClientSecretCredential $cred -NoWelcome',
    '',
  );
  n.s(`$PasswordProfile = @{ Password = '${tmp}'; ForceChangePasswordNextSignIn = $true }`, 'generic', tmp);
  n.l(
    'New-MgUser -DisplayName $DisplayName -UserPrincipalName $Upn -PasswordProfile $PasswordProfile -AccountEnabled -MailNickname ($Upn -split "@")[0] -UsageLocation KE',
  );

  const ex = repo.file('it/m365/Connect-Exchange.ps1', 'windows');
  const adm = g.gen(20);
  ex.d(
    `Connect-ExchangeOnline -CertificateThumbprint "${g.thumbprint()}" -AppId "${t.uuid()}" -Organization "lanternrelief.onmicrosoft.com"`,
    'certificate thumbprint and app id (no secret)',
  );
  ex.l('# fallback for the legacy shared mailbox script (basic auth still enabled on the break-glass account)');
  ex.s(
    `$o365 = New-Object PSCredential('breakglass@lanternrelief.onmicrosoft.com', (ConvertTo-SecureString '${adm}' -AsPlainText -Force))`,
    'generic',
    adm,
  );
  ex.d('$pw = Read-Host -AsSecureString "Admin password"', 'prompt');

  const tm = repo.file('it/m365/Send-TeamsAlert.ps1', 'windows');
  const hook = g.teamsHook();
  tm.l('param([string]$Text)');
  tm.s(`$Webhook = "${hook}"`, 'teams', hook);
  tm.l(
    'Invoke-RestMethod -Method Post -Uri $Webhook -ContentType "application/json" -Body (@{ text = $Text } | ConvertTo-Json)',
  );

  const sp = repo.file('it/sharepoint/Sync-FieldReports.ps1', 'windows');
  const acs = g.spAcs();
  sp.l('Import-Module PnP.PowerShell', '$site = "https://lanternrelief.sharepoint.com/sites/FieldReports"');
  sp.l(`$clientId = "${t.uuid()}"`);
  sp.s(`Connect-PnPOnline -Url $site -ClientId $clientId -ClientSecret "${acs}" -WarningAction Ignore`, 'azure', acs);
  sp.l('Get-PnPListItem -List "Situation Reports" -PageSize 500 | Export-Csv .\\sitreps.csv -NoTypeInformation');
  sp.d('$kv = Get-AzKeyVaultSecret -VaultName kv-lantern-it -Name pnp-secret -AsPlainText', 'key vault lookup');

  const cs = repo.file('it/gam/client_secrets.json', 'google');
  const gsec = g.googleSecret();
  cs.l('{', '  "installed": {');
  cs.d(`    "client_id": "${g.googleClientId()}",`, 'google oauth client id');
  cs.l(
    '    "project_id": "lantern-gam-admin",',
    '    "auth_uri": "https://accounts.google.com/o/oauth2/auth",',
    '    "token_uri": "https://oauth2.googleapis.com/token",',
  );
  cs.s(`    "client_secret": "${gsec}",`, 'gcp', gsec);
  cs.l('    "redirect_uris": ["http://localhost"]', '  }', '}');

  const o2 = repo.file('it/gam/oauth2.txt', 'google');
  const rt = g.googleRefresh();
  const gsec2 = g.googleSecret();
  o2.l('{');
  o2.l(`  "client_id": "${g.googleClientId()}",`);
  o2.s(`  "client_secret": "${gsec2}",`, 'gcp', gsec2);
  o2.s(`  "refresh_token": "${rt}",`, 'gcp', rt);
  o2.l(
    '  "token_uri": "https://oauth2.googleapis.com/token",',
    '  "decoded_id_token": {"email": "gam-admin@lanternrelief.org"}',
    '}',
  );

  const sa = repo.file('it/gam/oauth2service.json', 'keys');
  const p8 = t.pkcs8Pem();
  sa.l('{', '  "type": "service_account",', '  "project_id": "lantern-gam-admin",');
  sa.d(`  "private_key_id": "${t.sha1()}",`, 'key id');
  sa.s(`  "private_key": ${JSON.stringify(p8.join('\n') + '\n')},`, 'gcp', p8.join('\n'));
  sa.l(
    '  "client_email": "gam-project@lantern-gam-admin.iam.gserviceaccount.com",',
    `  "client_id": "${t.digits(21)}"`,
    '}',
  );

  const gb = repo.file('it/gam/onboard-field-staff.sh', 'shell');
  const gp = g.human();
  gb.l('#!/usr/bin/env bash', '# usage: ./onboard-field-staff.sh staff.csv', 'GAM=~/bin/gam7/gam');
  gb.s(
    `$GAM csv "$1" gam create user ~email firstname ~first lastname ~last password '${gp}' changepassword on org "/Field/~office"`,
    'generic',
    gp,
  );
  gb.d('$GAM update user "$2" password random changepassword on', 'random password generated by gam');
}

// ---- Power Automate / Logic Apps exports -----------------------------------------------------

function powerAutomate(repo, t, g) {
  const f = repo.file('it/power-automate/DonationReceipt_20250514/Microsoft.Flow/flows/definition.json', 'json');
  const sig = g.logicSig();
  const pw = g.gen(18);
  const wf = t.hex(32);
  f.l(
    '{',
    '  "properties": {',
    '    "displayName": "Donation receipt to Raiser\'s Edge",',
    '    "definition": {',
    '      "triggers": {',
    '        "manual": { "type": "Request", "kind": "Http" }',
    '      },',
    '      "actions": {',
  );
  f.l(
    '        "Post_to_RE_bridge": {',
    '          "type": "Http",',
    '          "inputs": {',
    '            "method": "POST",',
    '            "uri": "https://sync.lanternrelief.org/api/gifts",',
    '            "authentication": {',
    '              "type": "Basic",',
    '              "username": "flow-bridge",',
  );
  f.s(`              "password": "${pw}"`, 'generic', pw);
  f.l(
    '            }',
    '          }',
    '        },',
    '        "Send_receipt": {',
    '          "type": "OpenApiConnection",',
    '          "inputs": {',
  );
  f.d('            "authentication": "@parameters(\'$authentication\')",', 'connection parameter reference');
  f.l(
    '            "host": { "connectionName": "shared_office365", "operationId": "SendEmailV2" }',
    '          }',
    '        }',
    '      }',
    '    }',
    '  },',
  );
  f.s(
    `  "callbackUrl": "https://prod-27.northeurope.logic.azure.com:443/workflows/${wf}/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=${sig}"`,
    'azure',
    sig,
  );
  f.l('}');

  const c = repo.file('it/power-automate/DonationReceipt_20250514/Microsoft.Flow/flows/connectionsMap.json', 'json');
  c.l('{');
  c.l(`  "shared_office365": "shared-office365-${t.uuid()}",`);
  c.l(`  "shared_mailchimp": "shared-mailchimp-${t.uuid()}"`);
  c.l('}');

  const p = repo.file('it/power-automate/README.md', 'docs');
  const sig2 = g.logicSig();
  p.l(
    '# Power Automate exports',
    '',
    'Exported with `pac solution export`. The receipt flow is called from the Drupal site:',
    '',
  );
  p.s(
    `    POST https://prod-11.northeurope.logic.azure.com/workflows/${t.hex(32)}/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=${sig2}`,
    'azure',
    sig2,
  );
  p.l('Store the trigger URL in Key Vault as `flow-receipt-url`; never paste it into tickets.');
}

// ---- Terraform (Azure) -------------------------------------------------------------------

function terraform(repo, t, g) {
  const m = repo.file('infra/terraform/azure/main.tf', 'terraform');
  const be = t.azureStorageKey();
  const cs = g.azSecret();
  const sqlPw = g.gen(24);
  const sk = t.stripeLive();
  m.l(
    'terraform {',
    '  required_providers {',
    '    azurerm = { source = "hashicorp/azurerm", version = "~> 3.110" }',
    '  }',
    '  backend "azurerm" {',
    '    resource_group_name  = "rg-lantern-tfstate"',
    '    storage_account_name = "lanterntfstate"',
    '    container_name       = "tfstate"',
    '    key                  = "prod.terraform.tfstate"',
  );
  m.s(`    access_key           = "${be}"`, 'azure', be);
  m.l('  }', '}', '', 'provider "azurerm" {', '  features {}');
  m.l(`  subscription_id = "${t.uuid()}"`);
  m.l(`  tenant_id       = "${t.uuid()}"`);
  m.l(`  client_id       = "${t.uuid()}"`);
  m.s(`  client_secret   = "${cs}"`, 'azure', cs);
  m.l(
    '}',
    '',
    'resource "azurerm_mssql_server" "grants" {',
    '  name                         = "sql-grants-prod"',
    '  resource_group_name          = azurerm_resource_group.grants.name',
    '  location                     = "northeurope"',
    '  version                      = "12.0"',
    '  administrator_login          = "lanternsqladmin"',
  );
  m.s(`  administrator_login_password = "${sqlPw}"`, 'generic', sqlPw);
  m.l('}', '', 'resource "azurerm_key_vault_secret" "stripe" {', '  name         = "stripe-secret-key"');
  m.s(`  value        = "${sk}"`, 'stripe', sk);
  m.l(
    '  key_vault_id = azurerm_key_vault.it.id',
    '}',
    '',
    'resource "azurerm_key_vault_secret" "paypal" {',
    '  name         = "paypal-client-secret"',
  );
  m.d('  value        = var.paypal_client_secret', 'variable reference');
  m.l(
    '  key_vault_id = azurerm_key_vault.it.id',
    '}',
    '',
    'resource "azurerm_windows_virtual_machine" "ssrs" {',
    '  name           = "vm-ssrs-prod"',
    '  size           = "Standard_D4s_v5"',
    '  admin_username = "lanternadmin"',
  );
  m.l(
    '}',
    '',
    'resource "azurerm_linux_virtual_machine" "odk" {',
    '  name           = "vm-odk-central"',
    '  admin_username = "odkadmin"',
  );
  m.d('  admin_password = random_password.odk.result', 'resource reference');
  m.l('}');

  const tv = repo.file('infra/terraform/azure/terraform.tfvars', 'terraform');
  const tcs = g.azSecret();
  const pps = g.paypalSecret();
  tv.l('location = "northeurope"');
  tv.s(`sp_client_secret     = "${tcs}"`, 'azure', tcs);
  tv.s(`paypal_client_secret = "${pps}"`, 'paypal', pps);
  tv.d('pagerduty_token      = "REPLACE_ME"', 'placeholder');

  const v = repo.file('infra/terraform/azure/variables.tf', 'terraform');
  v.l(
    'variable "paypal_client_secret" {',
    '  type      = string',
    '  sensitive = true',
    '}',
    '',
    'variable "odk_admin_email" {',
    '  type    = string',
  );
  v.l('  default = "odk-admin@lanternrelief.org"');
  v.l('}');

  const lk = repo.file('infra/terraform/azure/.terraform.lock.hcl', 'terraform');
  lk.l('provider "registry.terraform.io/hashicorp/azurerm" {', '  version = "3.110.0"', '  hashes = [');
  lk.l(`    "h1:${Buffer.from(t.pick(HEX, 64), 'hex').toString('base64')}",`);
  lk.l(`    "zh:${t.sha256()}",`);
  lk.l('  ]', '}');
}

// ---- AWS S3 backups ------------------------------------------------------------------------

function backups(repo, t, g) {
  const b = repo.file('infra/terraform/aws-backups/main.tf', 'terraform');
  b.l('provider "aws" {', '  region  = "eu-west-1"', '  profile = "lantern-backups"');
  b.l(
    '}',
    '',
    'resource "aws_s3_bucket" "offsite" {',
    '  bucket = "lantern-offsite-backups"',
    '}',
    '',
    'resource "aws_iam_access_key" "restic" {',
    '  user = aws_iam_user.restic.name',
    '}',
    '',
    'output "restic_secret" {',
  );
  b.l('  value     = aws_iam_access_key.restic.secret');
  b.l('  sensitive = true', '}');

  const r = repo.file('infra/backup/restic-fileserver.env', 'env');
  const rak = t.awsId();
  const ras = t.awsSecret();
  const rpw = g.gen(28);
  r.l('RESTIC_REPOSITORY=s3:s3.eu-west-1.amazonaws.com/lantern-offsite-backups/fs01');
  r.s(`AWS_ACCESS_KEY_ID=${rak}`, 'aws', rak);
  r.s(`AWS_SECRET_ACCESS_KEY=${ras}`, 'aws', ras);
  r.s(`RESTIC_PASSWORD=${rpw}`, 'generic', rpw);

  const sh = repo.file('infra/backup/backup-databases.sh', 'shell');
  const my = g.plain(20);
  sh.l('#!/usr/bin/env bash', 'set -euo pipefail', 'STAMP=$(date +%F)');
  sh.s(
    `mysqldump -h mysql-donate.lantern.internal -u backup -p'${my}' --single-transaction donate_prod | gzip > donate-$STAMP.sql.gz`,
    'generic',
    my,
  );
  sh.l('aws s3 cp donate-$STAMP.sql.gz s3://lantern-offsite-backups/db/ --sse AES256');
  sh.d(`echo "${t.sha256()}  restic_0.16.4_linux_amd64.bz2" | sha256sum -c -`, 'checksum');
}

// ---- Docker --------------------------------------------------------------------------------

function docker(repo, t, g) {
  const c = repo.file('docker-compose.yml', 'docker');
  const my = g.plain(20);
  const odk = g.human();
  c.l('services:', '  donate-db:', '    image: mysql:8.0', '    environment:');
  c.s(`      MYSQL_ROOT_PASSWORD: ${my}`, 'generic', my);
  c.d('      MYSQL_PASSWORD: ${DONATE_DB_PASSWORD}', 'env interpolation');
  c.l('  volunteer-db:', '    image: postgres:16', '    environment:', '      POSTGRES_USER: volunteer_app');
  c.l(
    '  odk-central:',
    '    image: ghcr.io/getodk/central-service:v2024.2.1',
    '    environment:',
    '      - DOMAIN=odk.lanternrelief.org',
  );
  c.s(`      - SYSADMIN_PASSWORD=${odk}`, 'generic', odk);
  c.l('      - SYSADMIN_EMAIL=odk-admin@lanternrelief.org');
  c.l('  redis:', '    image: redis:7');
  c.l('    command: ["redis-server", "--requirepass", "${REDIS_PASSWORD}"]');

  const d = repo.file('apps/volunteer-portal/Dockerfile', 'docker');
  const gh = t.github();
  d.d(`FROM php:8.3-fpm-alpine@sha256:${t.sha256()}`, 'image digest');
  d.s(`ENV COMPOSER_AUTH='{"github-oauth":{"github.com":"${gh}"}}'`, 'github', gh);
  d.d(
    'RUN --mount=type=secret,id=composer_auth,target=/root/.composer/auth.json composer install --no-dev',
    'build secret mount',
  );
  d.l('COPY . /var/www/html', 'CMD ["php-fpm"]');

  const dc = repo.file('ops/home/fieldops/.docker/config.json', 'docker');
  const dp = g.dockerPat();
  dc.l('{', '  "auths": {', '    "https://index.docker.io/v1/": {');
  dc.s(`      "auth": "${g.enc(`lanternrelief:${dp}`)}"`, 'docker', dp);
  dc.l('    }', '  },');
  dc.l('  "credsStore": "desktop"');
  dc.l('}');
}

// ---- CI: Azure DevOps and GitHub Actions ---------------------------------------------------

function ci(repo, t, g) {
  const a = repo.file('apps/grants/azure-pipelines.yml', 'ci');
  const sa = g.gen(20);
  const az = g.azSecret();
  a.l('trigger:', '  branches:', '    include: [main]', 'pool:', '  vmImage: windows-latest', 'variables:');
  a.l('  - group: grants-prod');
  a.l('  - name: SQL_SA_PASSWORD');
  a.s(`    value: '${sa}'`, 'generic', sa);
  a.l('steps:', '  - task: AzureCLI@2', '    inputs:');
  a.l("      azureSubscription: 'sc-lantern-prod'");
  a.l('      scriptType: pscore', '      scriptLocation: inlineScript', '      inlineScript: |');
  a.s(`        az login --service-principal -u ${t.uuid()} -p ${az} --tenant ${t.uuid()}`, 'azure', az);
  a.d('  - script: sqlcmd -S localhost -U sa -P "$(SQL_SA_PASSWORD)" -i db/seed.sql', 'pipeline variable');

  const s = repo.file('.github/workflows/salesforce-deploy.yml', 'ci');
  const url = `force://PlatformCLI::${g.sfRefresh()}@lanternrelief--uat.sandbox.my.salesforce.com`;
  const hook = t.slackWebhook();
  s.l(
    'name: salesforce-deploy',
    'on:',
    '  push:',
    '    branches: [main]',
    "    paths: ['salesforce/**']",
    'jobs:',
    '  deploy:',
    '    runs-on: ubuntu-latest',
    '    env:',
  );
  s.d('      SFDX_AUTH_URL: ${{ secrets.SFDX_AUTH_URL_PROD }}', 'actions secret reference');
  s.s(`      SFDX_AUTH_URL_UAT: ${url}`, 'salesforce', url);
  s.l('    steps:');
  s.d(`      - uses: actions/checkout@${t.sha1()} # v4`, 'pinned action sha');
  s.l(
    '      - run: npm install --global @salesforce/cli',
    '      - run: echo "$SFDX_AUTH_URL" | sf org login sfdx-url --sfdx-url-stdin --alias prod',
  );
  s.l(
    '      - run: sf project deploy start --source-dir salesforce/force-app --target-org prod --test-level RunLocalTests',
    '      - name: notify',
    '        run: |',
  );
  s.s(
    `          curl -X POST -H 'Content-type: application/json' --data '{"text":"NPSP deployed"}' ${hook}`,
    'slack',
    hook,
  );

  const f = repo.file('.github/workflows/field-app-build.yml', 'ci');
  const sen = g.sentryUser();
  const gf = g.ghFine();
  f.l(
    'name: field-app-build',
    'on: [workflow_dispatch]',
    'jobs:',
    '  android:',
    '    runs-on: ubuntu-latest',
    '    env:',
  );
  f.s(`      SENTRY_AUTH_TOKEN: ${sen}`, 'sentry', sen);
  f.l('      MYAPP_UPLOAD_KEY_PASSWORD: ${{ secrets.UPLOAD_KEY_PASSWORD }}');
  f.s(`      GH_PACKAGES_TOKEN: ${gf}`, 'github', gf);
  f.l(
    '    steps:',
    '      - uses: actions/checkout@v4',
    '      - run: cd apps/field-app/android && ./gradlew bundleRelease',
  );

  const d = repo.file('.github/workflows/donate-site.yml', 'ci');
  const ssh = g.human();
  d.l(
    'name: donate-site',
    'on:',
    '  push:',
    '    branches: [main]',
    "    paths: ['web/donate/**']",
    'jobs:',
    '  deploy:',
    '    runs-on: ubuntu-latest',
    '    steps:',
  );
  d.l(
    '      - uses: appleboy/ssh-action@v1.0.3',
    '        with:',
    '          host: web01.donate.lanternrelief.org',
    '          username: deploy',
  );
  d.s(`          password: '${ssh}'`, 'generic', ssh);
  d.l('          script: cd /var/www/donate && git pull && vendor/bin/drush deploy -y');
}

// ---- Ansible (field-office servers) --------------------------------------------------------

function ansible(repo, t, g) {
  const i = repo.file('ops/ansible/inventory/field-offices.ini', 'ansible');
  const p1 = g.human();
  const p2 = g.human();
  const b1 = g.gen(18);
  i.l('[nairobi]');
  i.s(`nbo-fs01 ansible_host=10.41.0.10 ansible_user=lantern ansible_password='${p1}'`, 'generic', p1);
  i.l('', '[juba]');
  i.s(
    `jub-fs01 ansible_host=10.44.0.10 ansible_user=lantern ansible_password='${p2}' ansible_become_password='${b1}'`,
    'generic',
    p2,
  );
  i.l('', '[cox_bazar]');
  i.l('cxb-fs01 ansible_host=10.47.0.10 ansible_user=lantern ansible_ssh_private_key_file=~/.ssh/field_ed25519');

  const v = repo.file('ops/ansible/group_vars/all/vault.yml', 'ansible');
  v.l('vault_kobo_db_password: !vault |');
  v.d(
    ['          $ANSIBLE_VAULT;1.1;AES256', ...Array.from({ length: 5 }, () => `          ${t.pick(HEX, 80)}`)],
    'ansible vault ciphertext',
  );

  const k = repo.file('ops/ansible/roles/kobo-install/defaults/main.yml', 'ansible');
  const su = g.gen(20);
  const dj = t.mixed(ALNUM, 50);
  k.l('kobo_public_domain: lanternrelief.org', 'kobo_subdomain: kf', 'kobo_superuser_username: super_admin');
  k.s(`kobo_superuser_password: "${su}"`, 'generic', su);
  k.s(`kobo_django_secret_key: "${dj}"`, 'generic', dj);
  k.d('kobo_db_password: "{{ vault_kobo_db_password }}"', 'jinja reference');

  const w = repo.file('ops/ansible/roles/wireguard/templates/wg0.conf.j2', 'ansible');
  w.l('[Interface]', 'Address = {{ wg_address }}');
  w.l('PrivateKey = {{ wg_private_key }}');
  w.l('ListenPort = 51820', '', '[Peer]');
  w.d(`PublicKey = ${g.wgKey()}`, 'wireguard public key');
  w.l('AllowedIPs = 10.40.0.0/16');
}

// ---- Windows batch for office PCs ------------------------------------------------------------

function officePcs(repo, t, g) {
  const m = repo.file('it/office-pcs/map-drives.bat', 'windows');
  const pw = g.human();
  m.l('@echo off', 'REM Maps shared drives for the Nairobi and Kampala offices', 'set SHARE_USER=LANTERN\\svc_shares');
  m.s(`net use S: \\\\nbo-fs01\\Shared /user:%SHARE_USER% ${pw} /persistent:yes`, 'generic', pw);
  m.l('net use P: \\\\nbo-fs01\\Programmes /user:%SHARE_USER% %SHARE_PW% /persistent:yes');
  m.l('set /p LOCALADMIN=Enter local admin password: ');

  const b = repo.file('it/office-pcs/backup-to-s3.cmd', 'windows');
  const ak = t.awsId();
  const as = t.awsSecret();
  b.l('@echo off', 'setlocal');
  b.s(`aws configure set aws_access_key_id ${ak} --profile office-backup`, 'aws', ak);
  b.s(`aws configure set aws_secret_access_key ${as} --profile office-backup`, 'aws', as);
  b.l('aws s3 sync "D:\\Finance" s3://lantern-offsite-backups/nbo/finance --profile office-backup --sse AES256');

  const la = repo.file('it/office-pcs/set-local-admin.bat', 'windows');
  const lpw = g.human();
  la.l('@echo off');
  la.s(`net user LanternAdmin ${lpw} /add /expires:never`, 'generic', lpw);
  la.l('net localgroup Administrators LanternAdmin /add');

  const wf = repo.file('it/office-pcs/wifi/Lantern-Staff.xml', 'windows');
  const psk = g.human();
  wf.l(
    '<?xml version="1.0"?>',
    '<WLANProfile xmlns="http://www.microsoft.com/networking/WLAN/profile/v1">',
    '  <name>Lantern-Staff</name>',
    '  <SSIDConfig><SSID><name>Lantern-Staff</name></SSID></SSIDConfig>',
    '  <MSM><security>',
    '    <authEncryption><authentication>WPA2PSK</authentication><encryption>AES</encryption><useOneX>false</useOneX></authEncryption>',
    '    <sharedKey>',
    '      <keyType>passPhrase</keyType>',
    '      <protected>false</protected>',
  );
  wf.s(`      <keyMaterial>${psk}</keyMaterial>`, 'generic', psk);
  wf.l('    </sharedKey>', '  </security></MSM>', '</WLANProfile>');

  const wg = repo.file('it/office-pcs/wifi/Lantern-Guest.xml', 'windows');
  wg.l(
    '<WLANProfile xmlns="http://www.microsoft.com/networking/WLAN/profile/v1">',
    '  <name>Lantern-Guest</name>',
    '  <MSM><security><sharedKey>',
    '      <keyType>passPhrase</keyType>',
    '      <protected>true</protected>',
  );
  wg.d(
    `      <keyMaterial>01000000D08C9DDF0115D1118C7A00C04FC297EB01000000${t.pick('0123456789ABCDEF', 300)}</keyMaterial>`,
    'dpapi-protected key material',
  );
  wg.l('  </sharedKey></security></MSM>', '</WLANProfile>');
}

// ---- Field-office routers (MikroTik, Ubiquiti) ---------------------------------------------

function routers(repo, t, g) {
  const r = repo.file('network/mikrotik/nairobi-office.rsc', 'network');
  const adm = g.plain(16);
  const wpa = g.plain(18);
  const ppp = g.plain(14);
  const ips = g.plain(24);
  const wg = g.wgKey();
  r.l('# 2025-04-02 10:14:07 by RouterOS 7.14.2', '# model = RB4011iGS+', '/system identity set name=nbo-gw01');
  r.s(`/user add name=lantern-it group=full password="${adm}"`, 'generic', adm);
  r.l('/user remove [find name=admin]');
  r.l('/interface wifi security');
  r.s(`add authentication-types=wpa2-psk,wpa3-psk name=staff-sec passphrase="${wpa}"`, 'generic', wpa);
  r.l('/interface wireguard');
  r.s(`add listen-port=13231 mtu=1420 name=wg-hq private-key="${wg}"`, 'wireguard', wg);
  r.l('/interface wireguard peers');
  r.l(
    `add allowed-address=10.40.0.0/16 endpoint-address=vpn.lanternrelief.org endpoint-port=13231 interface=wg-hq public-key="${g.wgKey()}"`,
  );
  r.l('/ppp secret');
  r.s(`add name=kisumu-laptop password="${ppp}" profile=default-encryption service=l2tp`, 'generic', ppp);
  r.l('/ip ipsec identity');
  r.s(`add peer=hq-amman auth-method=pre-shared-key secret="${ips}"`, 'generic', ips);
  r.l('/certificate import file-name=nbo-gw01.crt passphrase=""');

  const u = repo.file('network/ubiquiti/kampala/config.gateway.json', 'network');
  const op = g.human();
  const ps = g.plain(24);
  u.l(
    '{',
    '  "system": {',
    '    "login": {',
    '      "user": {',
    '        "lantern": {',
    '          "authentication": {',
  );
  u.d(`            "encrypted-password": "${g.sha512crypt()}",`, 'sha512-crypt hash');
  u.s(`            "plaintext-password": "${op}"`, 'generic', op);
  u.l(
    '          }',
    '        }',
    '      }',
    '    }',
    '  },',
    '  "vpn": {',
    '    "ipsec": {',
    '      "site-to-site": {',
    '        "peer": {',
    '          "vpn.lanternrelief.org": {',
    '            "authentication": {',
    '              "mode": "pre-shared-secret",',
  );
  u.s(`              "pre-shared-secret": "${ps}"`, 'generic', ps);
  u.l('            }', '          }', '        }', '      }', '    }', '  }', '}');

  const s = repo.file('network/ubiquiti/unifi-sites-export.json', 'network');
  const x1 = g.human();
  s.l('[', '  {', '    "site": "juba",', '    "name": "Lantern-Staff",', '    "security": "wpapsk",');
  s.s(`    "x_passphrase": "${x1}"`, 'generic', x1);
  s.l('  },', '  {', '    "site": "juba",', '    "name": "Lantern-Radius",');
  s.l(`    "_id": "${t.pick(HEX, 24)}"`);
  s.l('  }', ']');
}

// ---- Logs ----------------------------------------------------------------------------------

function logs(repo, t, g) {
  const d = repo.file('logs/donations-api/app-2025-06-02.log', 'logs');
  const sk = t.stripeLive();
  const ck = g.mpesaKey();
  const cs = g.mpesaSecret();
  const gc = g.gocardless();
  d.l('2025-06-02T07:00:01.012Z info  donations-api listening on :8080');
  d.d(`2025-06-02T07:00:04.310Z info  request_id=${t.uuid()} POST /v1/donations 201 212ms`, 'uuid request id');
  d.s(`2025-06-02T07:02:11.551Z error stripe: Invalid API Key provided: ${sk}`, 'stripe', sk);
  d.s(
    `2025-06-02T07:03:40.002Z debug mpesa: GET /oauth/v1/generate headers={"Authorization":"Basic ${g.enc(`${ck}:${cs}`)}"}`,
    'mpesa',
    cs,
  );
  d.s(
    `2025-06-02T07:04:12.900Z debug gocardless client init {"environment":"live","access_token":"${gc}"}`,
    'gocardless',
    gc,
  );
  d.d('2025-06-02T07:05:01.000Z info  Authorization: Bearer [REDACTED]', 'redacted');
  d.l(`2025-06-02T07:06:30.000Z info  mpesa callback CheckoutRequestID=ws_CO_${t.digits(20)} ResultCode=0`);

  const l = repo.file('apps/volunteer-portal/storage/logs/laravel-2025-06-02.log', 'logs');
  const at = g.atKey();
  l.s(
    `[2025-06-02 09:14:02] production.ERROR: Africa's Talking request failed {"url":"https://api.africastalking.com/version1/messaging","headers":{"apiKey":"${at}","Accept":"application/json"},"status":401}`,
    'africastalking',
    at,
  );
  l.d(
    '[2025-06-02 09:21:00] production.ERROR: SQLSTATE[08006] password authentication failed for user "volunteer_app" (Connection: pgsql, SQL: select * from "shifts")',
    'error message',
  );

  const k = repo.file('logs/field-sync/kobo-sync-2025-06-02.log', 'logs');
  const kt = g.koboToken();
  const cc = g.commcareKey();
  k.l('2025-06-02 02:00:00,001 INFO  field_sync starting (assets=14)');
  k.s(
    `2025-06-02 02:00:01,220 DEBUG urllib3 Starting new HTTPS connection: GET https://kf.kobotoolbox.org/api/v2/assets/?format=json headers {'Authorization': 'Token ${kt}'}`,
    'kobotoolbox',
    kt,
  );
  k.l(`2025-06-02 02:00:03,004 INFO  asset ${g.koboAsset()}: 212 new submissions`);
  k.s(`2025-06-02 02:04:10,870 ERROR commcare 401 for ApiKey etl@lanternrelief.org:${cc}`, 'commcare', cc);
  k.l('2025-06-02 02:04:11,002 INFO  dhis2 push ok (importCount imported=830 updated=12 ignored=0)');

  const s = repo.file('logs/grants/ssrs-subscriptions-20250602.log', 'logs');
  const pw = g.gen(16);
  s.l(
    'library!WindowsService_7!1a2c!06/02/2025-06:00:00:: i INFO: Processing subscription for /Grants/Funder Quarterly',
  );
  s.s(
    `library!WindowsService_7!1a2c!06/02/2025-06:00:01:: e ERROR: Delivery to \\\\nbo-fs01\\Reports failed: user=LANTERN\\svc_reports password=${pw}: Access is denied.`,
    'generic',
    pw,
  );
  s.l('library!WindowsService_7!1a2c!06/02/2025-06:00:02:: i INFO: Schedule 3a41 completed, 0 errors');
}

// ---- Freshservice ticket exports -----------------------------------------------------------

function tickets(repo, t, g) {
  const c = repo.file('it/exports/freshservice-tickets-2025-05.csv', 'support');
  const tmp = g.human();
  const psk = g.human();
  const ak = t.awsSecret();
  const pps = g.paypalSecret();
  c.l('Ticket ID,Created Time,Requester,Subject,Description,Status');
  c.s(
    `INC-5512,2025-05-03 08:12,j.okello@lanternrelief.org,"New laptop Gulu","Temp password for the new laptop account is ${tmp} - please change on first login.",Closed`,
    'generic',
    tmp,
  );
  c.s(
    `INC-5530,2025-05-06 11:40,r.haddad@lanternrelief.org,"Wi-Fi Amman office","Guest network PSK reset to ${psk}, printed on the noticeboard",Resolved`,
    'generic',
    psk,
  );
  c.s(
    `INC-5541,2025-05-09 15:03,finance-it@lanternrelief.org,"S3 backup failing","Rotated the office-backup key, new secret is ${ak} (id in the password manager)",Open`,
    'aws',
    ak,
  );
  c.s(
    `INC-5560,2025-05-14 09:27,digital@lanternrelief.org,"PayPal donations down","Live REST app secret pasted here for the contractor: ${pps}",Resolved`,
    'paypal',
    pps,
  );
  c.d(
    'INC-5577,2025-05-20 13:55,a.mwangi@lanternrelief.org,"Locked out","User typed password ******** three times, unlocked in Entra",Closed',
    'masked',
  );
  c.l(
    `INC-5583,2025-05-22 10:01,grants@lanternrelief.org,"SSRS report","Report id ${t.uuid()} times out for ECHO funders",Open`,
  );

  const f = repo.file('it/freshservice/export_tickets.py', 'support');
  const fk = g.freshservice();
  f.l('import requests', '', 'DOMAIN = "lanternrelief.freshservice.com"');
  f.s(`API_KEY = "${fk}"`, 'freshservice', fk);
  f.l('', '', 'def tickets(page=1):');
  f.d(
    '    return requests.get(f"https://{DOMAIN}/api/v2/tickets", auth=(API_KEY, "X"), params={"page": page}).json()',
    'variable; "X" is the documented dummy password',
  );
}

// ---- WhatsApp and Teams chat exports -------------------------------------------------------

function chats(repo, t, g) {
  const w = repo.file('comms/exports/whatsapp/WhatsApp Chat with Juba Logistics.txt', 'chat');
  const vpn = g.human();
  const mk = g.mpesaPasskey();
  w.l(
    '[02/05/2025, 08:14:22] Deng Garang: Morning team, the convoy to Bor leaves at 10',
    '[02/05/2025, 08:15:01] Amira Said: Noted. Can someone share the VPN login for the new Starlink router?',
  );
  w.s(`[02/05/2025, 08:16:40] Peter Lual: user juba-field / password ${vpn}`, 'generic', vpn);
  w.l('[02/05/2025, 08:17:03] Amira Said: thanks 🙏');
  w.l("[02/05/2025, 08:32:10] Deng Garang: Please don't post passwords here, use the Bitwarden share <Media omitted>");
  w.s(`[03/05/2025, 14:02:19] Grace Atim: for the cash transfer pilot the Daraja passkey is ${mk}`, 'mpesa', mk);
  w.l('[03/05/2025, 14:03:00] Grace Atim: This message was deleted');

  const m = repo.file('comms/exports/teams/field-it-channel.json', 'chat');
  const az = g.azSecret();
  const kt = g.koboToken();
  m.l('{', '  "channel": "Field IT",', '  "messages": [');
  m.s(
    `    { "from": "Sam Keller", "createdDateTime": "2025-04-11T09:02:11Z", "body": "New secret for the grants app registration: ${az} (expires 2027-04)" },`,
    'azure',
    az,
  );
  m.s(
    `    { "from": "Lina Farouk", "createdDateTime": "2025-04-11T09:40:00Z", "body": "Kobo token for the Cox's Bazar team account is ${kt}" },`,
    'kobotoolbox',
    kt,
  );
  m.l(
    `    { "from": "Sam Keller", "createdDateTime": "2025-04-11T09:41:30Z", "body": "Tenant id is ${t.uuid()} if you need it for the admin consent link" },`,
  );
  m.l(
    '    { "from": "Lina Farouk", "createdDateTime": "2025-04-11T09:45:02Z", "body": "Password reset link sent, check your inbox" }',
  );
  m.l('  ]', '}');
}

// ---- Docs ----------------------------------------------------------------------------------

function docs(repo, t, g) {
  const r = repo.file('README.md', 'docs');
  r.l(
    '# Lantern Relief IT monorepo',
    '',
    'Salesforce NPSP, donation site, volunteer portal, grants app and field-data pipelines.',
    '',
    '## Local setup',
    '',
    '```sh',
  );
  r.d('export STRIPE_SECRET_KEY=sk_test_<your-test-key>', 'placeholder');
  r.l('export KOBO_TOKEN=${KOBO_TOKEN:?set me}');
  r.l('docker compose up -d donate-db volunteer-db odk-central');
  r.l('```');

  const m = repo.file('docs/runbooks/mpesa-go-live.md', 'docs');
  const cs = g.mpesaSecret();
  const ip = g.human();
  m.l(
    '# M-Pesa Daraja go-live (Kenya paybill)',
    '',
    '1. Create the production app on the Daraja portal and request go-live.',
  );
  m.l('2. Sandbox testing uses shortcode `174379` and the sandbox passkey from the portal test credentials page.');
  m.s(`3. Production consumer secret (app "Lantern Donations"): \`${cs}\``, 'mpesa', cs);
  m.s(`4. B2C initiator \`lanternapi\` password: \`${ip}\` (reset by Safaricom on 2024-11-20)`, 'generic', ip);
  m.l('5. Register the C2B URLs with `POST /mpesa/c2b/v1/registerurl` using the token from step 3.');

  const s = repo.file('docs/runbooks/salesforce-integration-user.md', 'docs');
  const pw = g.gen(18);
  const tok = g.sfSecurityToken();
  s.l(
    '# Salesforce integration user',
    '',
    'Used by Data Loader, the RE NXT bridge and the Drupal donation webhook.',
    '',
  );
  s.s(`- Username: \`integration@lanternrelief.org\`, password: \`${pw}\``, 'generic', pw);
  s.s(`- Security token (reset 2025-02-14): \`${tok}\``, 'salesforce', tok);
  s.l('- Login IP ranges are set on the "Integration" profile; see `force-app/main/default/profiles`.');

  const o = repo.file('docs/onboarding/field-office-it.md', 'docs');
  const psk = g.human();
  o.l('# Field office IT checklist', '');
  o.s(`- Staff Wi-Fi \`Lantern-Staff\` passphrase: \`${psk}\``, 'generic', psk);
  o.l('- Laptop BitLocker recovery keys are escrowed in Entra ID; never write them down.');
  o.l('- Printer admin: see the IT vault entry "printers".');

  const p = repo.file('docs/integrations/payments.md', 'docs');
  p.l('# Payment gateways', '', 'Test mode keys look like this in the Stripe docs:', '');
  p.l('    STRIPE_SECRET_KEY=sk_test_xxxxxxxxxxxxxxxxxxxxxxxx');
  p.l(`The Adyen merchant account is \`LanternReliefECOM\`; the client key \`${g.adyenClientKey()}\` is public.`);
  p.l('GoCardless sandbox tokens start with `sandbox_`; request one in the sandbox dashboard.');
}

// ---- Noise: lockfiles, hashes, ids, i18n -----------------------------------------------------

function noise(repo, t, g) {
  const cl = repo.file('web/donate/composer.lock', 'decoys');
  cl.l('{', '    "content-hash": "' + t.hex(32) + '",', '    "packages": [');
  for (const p of ['drupal/commerce', 'drupal/commerce_stripe', 'drupal/commerce_paypal']) {
    cl.l('        {', `            "name": "${p}",`, '            "dist": {', '                "type": "zip",');
    cl.l(`                "shasum": "${t.sha1()}"`);
    cl.l('            }', '        },');
  }
  cl.l('        {}', '    ]', '}');

  const pl = repo.file('apps/field-app/package-lock.json', 'decoys');
  pl.l('{', '  "name": "lantern-field-app",', '  "lockfileVersion": 3,', '  "packages": {');
  for (const n of ['react-native', '@rnmapbox/maps', '@sentry/react-native']) {
    pl.l(`    "node_modules/${n}": {`, '      "version": "1.0.0",');
    pl.d(`      "integrity": "sha512-${Buffer.from(t.pick(HEX, 128), 'hex').toString('base64')}"`, 'integrity hash');
    pl.l('    },');
  }
  pl.l('    "": {}', '  }', '}');

  const i = repo.file('apps/volunteer-portal/lang/en/auth.php', 'decoys');
  i.l('<?php', '', 'return [');
  i.l("    'password' => 'The provided password is incorrect.',");
  i.l("    'failed' => 'These credentials do not match our records.',");
  i.l('];');

  const c = repo.file('pipelines/field-data/lantern_field/constants.py', 'decoys');
  c.l(`NUTRITION_FORM_SHA256 = "${t.sha256()}"`);
  c.d('KOBO_TOKEN_ENV = "KOBO_TOKEN"', 'env var name');
  c.l('PASSWORD_MIN_LENGTH = 14');
  c.l(`DHIS2_PROGRAM_UID = "${g.dhisUid()}"`);

  const sq = repo.file('apps/grants/db/seed/users.sql', 'sql');
  sq.d(
    `INSERT INTO dbo.Users (Email, PasswordHash) VALUES ('admin@lanternrelief.org', '${g.bcrypt()}');`,
    'bcrypt hash',
  );

  const pub = repo.file('ops/keys/field_ed25519.pub', 'keys');
  pub.d(`ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${t.mixed(B64, 43)} fieldops@lanternrelief`, 'public key');

  const crt = repo.file('apps/grants/Lantern.Grants.Web/certs/saml-idp.cer', 'keys');
  const body = g.cert().match(/.{1,64}/g);
  crt.d(['-----BEGIN CERTIFICATE-----', ...body, '-----END CERTIFICATE-----'], 'certificate');
}
