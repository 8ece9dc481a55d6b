// Hotel group IT monorepo (Harbourlight Hotels): Oracle OPERA Cloud (OHIP) and Mews PMS
// integrations, channel managers (SiteMinder, Cloudbeds), Sabre SynXis and Booking.com / Expedia
// connectivity, a Java Spring booking engine, a PHP Symfony loyalty site, a Node.js guest-messaging
// service (Twilio, WhatsApp Business, SendGrid), a Python revenue-management model with notebooks,
// a Swift guest app and a Kotlin staff app, keycard / lock servers (VingCard Visionline, Salto),
// POS (Simphony, Lightspeed), Wi-Fi captive portal and RADIUS, payments (Adyen, Stripe, Shift4),
// Snowflake, EKS, Terraform (AWS), Docker, GitHub Actions and Jenkins, Ansible, PowerShell and
// batch for the property PCs, logs, ServiceNow / Zendesk exports, Teams and Confluence exports.
import { ALNUM, B64, DIGIT, HEX, LOWER, UPPER, URLSAFE, Repo, makeTokens, mulberry32 } from './generate.mjs';

const HEXUP = '0123456789ABCDEF';

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 6287 + 733);
  const t = makeTokens(rand);
  const repo = new Repo();
  const g = gens(t);
  bookingEngine(repo, t, g);
  pmsIntegrations(repo, t, g);
  channelManagers(repo, t, g);
  otaConnectivity(repo, t, g);
  loyaltySite(repo, t, g);
  guestMessaging(repo, t, g);
  payments(repo, t, g);
  revenueModel(repo, t, g);
  mobileApps(repo, t, g);
  locksAndPos(repo, t, g);
  network(repo, t, g);
  kubernetes(repo, t, g);
  terraform(repo, t, g);
  docker(repo, t, g);
  ci(repo, t, g);
  ansible(repo, t, g);
  windows(repo, t, g);
  logs(repo, t, g);
  tickets(repo, t, g);
  chat(repo, t, g);
  docs(repo, t, g);
  noise(repo, t, g);
  return repo;
}

function gens(t) {
  const b64 = (n) => t.mixed(B64, n);
  const enc = (s) => Buffer.from(s).toString('base64');
  const b64url = (s) => Buffer.from(s).toString('base64url');
  const WORDS = [
    'Harbour',
    'Beacon',
    'Concierge',
    'Bellhop',
    'Mariner',
    'Lantern',
    'Anchor',
    'Seaview',
    'Keycard',
    'Tidewater',
  ];
  const word = () => WORDS[Number(t.pick(DIGIT, 1))];
  // What front-office and engineering staff pick for shared accounts.
  const human = () => {
    const sym = t.pick('!#@*.', 1);
    switch (t.pick('0123', 1)) {
      case '0':
        return `${word()}20${t.pick('12', 1)}${t.pick(DIGIT, 1)}${sym}`;
      case '1':
        return `${word()}${sym}${t.pick(DIGIT, 2)}${word().toLowerCase()}`;
      case '2':
        return `Hlh${word()}${t.pick(DIGIT, 2)}${sym}`;
      default:
        return `${word().toLowerCase()}-${word()}-${t.pick(DIGIT, 4)}`;
    }
  };
  // Password-manager output that is safe in XML, YAML and connection strings.
  const gen = (n = 20) => `${t.pick(UPPER + LOWER, 1)}${t.mixed(ALNUM + '!*-_?^+', n - 1)}`;
  const plain = (n = 18) => t.alnum(n);
  const guidUp = () => t.uuid().toUpperCase();
  const jwtRs = (payload) =>
    [
      b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: t.mixed(URLSAFE, 16) })),
      b64url(JSON.stringify(payload)),
      t.mixed(URLSAFE, 342),
    ].join('.');
  const mapbox = (p) =>
    `${p}.${b64url(JSON.stringify({ u: 'harbourlight', a: `cl${t.lower(23)}` })).replace(/=+$/, '')}.${t.mixed(URLSAFE, 22)}`;
  return {
    b64,
    enc,
    b64url,
    human,
    gen,
    plain,
    guidUp,
    pw: () => t.password(),
    // Oracle OHIP: client secrets from the OCI IAM identity domain; the app key is a GUID.
    ohipSecret: () => `idcscs-${t.uuid()}`,
    ohipJwt: (clientId) =>
      jwtRs({
        sub: 'HLH_BOOKING_INT',
        iss: 'www.oracle.com',
        client_id: clientId,
        scope: 'urn:opc:hgbu:ws:__myscopes__',
        'oracle.oauth.user_origin_id_type': 'LDAP_UID',
        iat: 1773840000,
        exp: 2089200000,
      }),
    // Mews Connector API tokens: two uppercase hex runs.
    mewsToken: () => `${t.mixed(HEXUP, 32)}-${t.mixed(HEXUP, 31)}`,
    cloudbedsKey: () => `cbat_${t.mixed(ALNUM, 32)}`,
    cloudbedsClientId: () => `live1_${t.digits(6)}_${t.mixed(ALNUM, 24)}`,
    adyenKey: () => `AQE${t.mixed(B64, 93)}==-${t.mixed(B64, 43)}=-${t.mixed(ALNUM + '<>[]~^%;:', 16)}`,
    adyenHmac: () => t.mixed(HEXUP, 64),
    adyenClientKey: () => `live_${t.mixed(UPPER + DIGIT, 32)}`,
    stripeWebhook: () => `whsec_${t.mixed(ALNUM, 32)}`,
    stripeRestricted: () => `rk_live_51${t.mixed(ALNUM, 97)}`,
    stripePk: () => `pk_live_51${t.mixed(ALNUM, 97)}`,
    // Shift4 UTG / i4Go: auth and access tokens and the client GUID are uppercase GUIDs.
    shift4: guidUp,
    metaToken: () => `EAA${t.pick('BGIJKN', 1)}${t.mixed(ALNUM, 188)}`,
    metaSecret: () => t.hex(32),
    twilioKeySid: () => `SK${t.hex(32)}`,
    twilioKeySecret: () => t.alnum(32),
    expediaKey: () => t.mixed(LOWER + DIGIT, 26),
    expediaSecret: () => t.alnum(13),
    teamsWebhook: () =>
      `https://harbourlighthotels.webhook.office.com/webhookb2/${t.uuid()}@${t.uuid()}/IncomingWebhook/${t.hex(32)}/${t.uuid()}`,
    fcmServer: () => `AAAA${t.mixed(URLSAFE, 7)}:APA91b${t.mixed(URLSAFE, 134)}`,
    zendesk: () => t.alnum(40),
    symfonySecret: () => t.hex(32),
    sentryDsn: () => `https://${t.hex(32)}@o${t.digits(6)}.ingest.sentry.io/${t.digits(7)}`,
    bcrypt: () => `$2y$13$${t.mixed(ALNUM + './', 53)}`,
    sonar: () => `sqp_${t.hex(40)}`,
    mapboxSecret: () => mapbox('sk'),
    mapboxPublic: () => mapbox('pk'),
    lightspeed: () => t.alnum(40),
    ghFine: () => `github_pat_11${t.mixed(UPPER + DIGIT, 20)}_${t.mixed(ALNUM, 59)}`,
    snowAccount: () => `${t.lower(2)}${t.digits(5)}.eu-west-1`,
    vaultBlob: () => ['$ANSIBLE_VAULT;1.1;AES256', ...Array.from({ length: 4 }, () => t.pick(HEX, 80))],
    pubPem: () => [
      '-----BEGIN PUBLIC KEY-----',
      `MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA${b64(20)}`,
      b64(64),
      b64(64),
      b64(64),
      `${b64(56)}IDAQAB`,
      '-----END PUBLIC KEY-----',
    ],
    certPem: () => [
      '-----BEGIN CERTIFICATE-----',
      `MIIDdzCCAl+gAwIBAgIQ${b64(44)}`,
      ...Array.from({ length: 12 }, () => b64(64)),
      '-----END CERTIFICATE-----',
    ],
  };
}

// ---- Java Spring booking engine --------------------------------------------------------

function bookingEngine(repo, t, g) {
  const a = repo.file('services/booking-engine/src/main/resources/application-prod.yml', 'java');
  const ksPw = g.plain(16);
  const dbFallback = g.gen(22);
  const _redisPw = g.gen(24);
  const ohipSec = g.ohipSecret();
  const ohipUserPw = g.gen(18);
  const synxisPw = g.human();
  const sk = t.stripeLive();
  const wh = g.stripeWebhook();
  const ad = g.adyenKey();
  const hmac = g.adyenHmac();
  a.l(
    'server:',
    '  port: 8443',
    '  ssl:',
    '    key-store: classpath:keystore/booking.p12',
    '    key-store-type: PKCS12',
  );
  a.s(`    key-store-password: ${ksPw}`, 'generic', ksPw);
  a.l(
    'spring:',
    '  application:',
    '    name: booking-engine',
    '  datasource:',
    '    url: jdbc:postgresql://booking-db.prod.harbourlight.internal:5432/booking',
    '    username: booking_app',
  );
  a.s(`    password: \${BOOKING_DB_PASSWORD:${dbFallback}}`, 'generic', dbFallback);
  a.l('  data:', '    redis:', '      host: redis-booking.prod.harbourlight.internal', '      port: 6379');
  a.l('  mail:', '    host: smtp.sendgrid.net', '    username: apikey');
  a.d('    password: ${MAIL_PASSWORD}', 'spring placeholder');
  a.l('ohip:', '  gateway-url: https://hlh-euw.hospitality-api.eu-frankfurt-1.ocs.oraclecloud.com');
  a.d('  client-id: HARBOURLIGHT_Client', 'ohip oauth client id');
  a.s(`  client-secret: ${ohipSec}`, 'ohip', ohipSec);
  a.l(`  app-key: ${t.uuid()}`, '  enterprise-id: HLHCORP', '  username: HLH_BOOKING_INT');
  a.s(`  password: "${ohipUserPw}"`, 'generic', ohipUserPw);
  a.l(
    'synxis:',
    '  endpoint: https://services-c1.synxis.com/interface/Channel/HTNG/ChannelConnect',
    '  chain-id: 28411',
    '  username: HLH_ibe_prod',
  );
  a.s(`  password: '${synxisPw}'`, 'generic', synxisPw);
  a.l('stripe:');
  a.s(`  secret-key: ${sk}`, 'stripe', sk);
  a.d(`  publishable-key: ${g.stripePk()}`, 'stripe publishable key (public by design)');
  a.s(`  webhook-secret: ${wh}`, 'stripe', wh);
  a.l('adyen:', '  environment: LIVE', '  live-endpoint-url-prefix: 1797a841fbb37ca7-HarbourlightHotels');
  a.s(`  api-key: "${ad}"`, 'adyen', ad);
  a.d(`  client-key: ${g.adyenClientKey()}`, 'adyen client key (public, used in the browser)');
  a.l('  merchant-account: HarbourlightHotelsECOM');
  a.s(`  hmac-key: ${hmac}`, 'adyen', hmac);

  const o = repo.file(
    'services/booking-engine/src/main/java/com/harbourlight/booking/ohip/OhipTokenClient.java',
    'java',
  );
  const oSec = g.ohipSecret();
  const oPw = g.gen(18);
  o.l(
    'package com.harbourlight.booking.ohip;',
    '',
    'import java.net.URI;',
    'import java.net.http.HttpClient;',
    'import java.net.http.HttpRequest;',
    'import java.net.http.HttpResponse;',
    'import java.util.Base64;',
    '',
    'public class OhipTokenClient {',
    '    private static final String GATEWAY = "https://hlh-euw.hospitality-api.eu-frankfurt-1.ocs.oraclecloud.com";',
  );
  o.d('    private static final String CLIENT_ID = "HARBOURLIGHT_Client";', 'ohip oauth client id');
  o.l(`    private static final String APP_KEY = "${t.uuid()}";`);
  o.l('    // TODO(HLH-1432): move to Secrets Manager before the PCI re-assessment');
  o.s(`    private static final String CLIENT_SECRET = "${oSec}";`, 'ohip', oSec);
  o.l('    private final HttpClient http = HttpClient.newHttpClient();', '');
  o.l('    public String token() throws Exception {');
  o.s(`        String body = "grant_type=password&username=HLH_BOOKING_INT&password=${oPw}";`, 'generic', oPw);
  o.l(
    '        HttpRequest req = HttpRequest.newBuilder(URI.create(GATEWAY + "/oauth/v1/tokens"))',
    '            .header("x-app-key", APP_KEY)',
    '            .header("enterpriseId", "HLHCORP")',
    '            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes()))',
    '            .POST(HttpRequest.BodyPublishers.ofString(body))',
    '            .build();',
    '        return http.send(req, HttpResponse.BodyHandlers.ofString()).body();',
    '    }',
    '}',
  );

  const sx = repo.file(
    'services/booking-engine/src/main/java/com/harbourlight/booking/synxis/SynxisSoapClient.java',
    'java',
  );
  const sxPw = g.gen(16);
  sx.l(
    'package com.harbourlight.booking.synxis;',
    '',
    'public final class SynxisSoapClient {',
    '    static final String ENDPOINT = "https://services-c1.synxis.com/interface/Channel/HTNG/ChannelConnect";',
    '',
    '    static String header() {',
    '        return """',
    '            <soap:Header>',
    '              <wsse:Security xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd">',
    '                <wsse:UsernameToken>',
    '                  <wsse:Username>HLH_ibe_prod</wsse:Username>',
  );
  sx.s(
    `                  <wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText">${sxPw}</wsse:Password>`,
    'generic',
    sxPw,
  );
  sx.l(
    '                </wsse:UsernameToken>',
    '              </wsse:Security>',
    '              <HTNGHeader><From><Credential><userName>HLH_ibe_prod</userName></Credential></From></HTNGHeader>',
    '            </soap:Header>',
    '            """;',
    '    }',
  );
  sx.l('    static final String PASSWORD_TYPE = "PasswordText";');
  sx.l('}');

  const ms = repo.file('services/booking-engine/.mvn/settings.xml', 'java');
  const ghp = t.github();
  ms.l(
    '<settings>',
    '  <servers>',
    '    <server>',
    '      <id>github</id>',
    '      <username>harbourlight-ci</username>',
  );
  ms.s(`      <password>${ghp}</password>`, 'github', ghp);
  ms.l('    </server>', '    <server>', '      <id>hlh-nexus</id>', '      <username>deploy</username>');
  ms.d('      <password>${env.NEXUS_PASSWORD}</password>', 'maven env reference');
  ms.l('    </server>', '    <server>', '      <id>hlh-nexus-snapshots</id>', '      <username>deploy</username>');
  ms.d(`      <password>{${g.b64(43)}=}</password>`, 'maven-encrypted password');
  ms.l('    </server>', '  </servers>', '</settings>');

  const ty = repo.file('services/booking-engine/src/test/resources/application-test.yml', 'java');
  ty.l('spring:', '  datasource:', '    url: jdbc:h2:mem:booking', '    username: sa');
  ty.l('    password:');
  ty.l('adyen:', '  environment: TEST');
  ty.d('  api-key: test-api-key-not-real', 'test fixture');
  ty.d(`  hmac-key: ${'0'.repeat(64)}`, 'zeroed key in test config');
  ty.l('ohip:');
  ty.l('  client-secret: ${OHIP_CLIENT_SECRET:dummy}');

  const ht = repo.file(
    'services/booking-engine/src/test/java/com/harbourlight/booking/payments/AdyenHmacValidatorTest.java',
    'java',
  );
  ht.l('package com.harbourlight.booking.payments;', '', 'class AdyenHmacValidatorTest {');
  ht.d('    private static final String KEY = "FAKE-HMAC-KEY-FOR-UNIT-TESTS";', 'test fixture');
  ht.d(`    private static final String EXPECTED_SIG = "${g.b64(43)}=";`, 'expected hmac digest');
  ht.d('    private static final String CARD = "4111111111111111";', 'public test card number');
  ht.l('}');
}

// ---- PMS integrations: OHIP, Mews, OPERA 5 on-prem -------------------------------------

function pmsIntegrations(repo, t, g) {
  const s = repo.file('integrations/pms-sync/pms_sync/settings.py', 'python');
  const mc = g.mewsToken();
  const m1 = g.mewsToken();
  const m2 = g.mewsToken();
  const _m3 = g.mewsToken();
  const ohip = g.ohipSecret();
  s.l(
    '"""PMS sync settings. Access tokens are per property (Mews Marketplace connections)."""',
    'import os',
    '',
    'MEWS_API = "https://api.mews.com/api/connector/v1"',
    'MEWS_CLIENT = "HarbourlightPmsSync 2.3.1"',
  );
  s.s(`MEWS_CLIENT_TOKEN = "${mc}"`, 'mews', mc);
  s.l('MEWS_ACCESS_TOKENS = {');
  s.s(`    "HLH-LIS": "${m1}",  # Harbourlight Lisbon Riverside`, 'mews', m1);
  s.s(`    "HLH-POR": "${m2}",  # Harbourlight Porto Ribeira`, 'mews', m2);
  s.l('}', '');
  s.l(`MEWS_ENTERPRISE_IDS = {"HLH-LIS": "${t.uuid()}", "HLH-POR": "${t.uuid()}"}`);
  s.l(`MEWS_ACCOMMODATION_SERVICE_ID = "${t.uuid()}"`);
  s.l('', 'OHIP_GATEWAY = "https://hlh-euw.hospitality-api.eu-frankfurt-1.ocs.oraclecloud.com"');
  s.d('OHIP_CLIENT_ID = "HARBOURLIGHT_Client"', 'ohip oauth client id');
  s.s(`OHIP_CLIENT_SECRET = os.environ.get("OHIP_CLIENT_SECRET", "${ohip}")`, 'ohip', ohip);
  s.l('OHIP_PASSWORD = os.environ["OHIP_INTEGRATION_PASSWORD"]');
  s.l('OHIP_HOTEL_CODES = ["HLHLON", "HLHEDI", "HLHDUB", "HLHAMS"]');

  const c = repo.file('integrations/pms-sync/pms_sync/ohip_client.py', 'python');
  const jwt = g.ohipJwt('HARBOURLIGHT_Client');
  const ohipPw = g.gen(18);
  c.l(
    'import requests',
    '',
    'from .settings import APP_KEY, OHIP_GATEWAY, OHIP_CLIENT_ID, OHIP_CLIENT_SECRET',
    '',
    'def token():',
    '    resp = requests.post(',
    '        f"{OHIP_GATEWAY}/oauth/v1/tokens",',
    '        auth=(OHIP_CLIENT_ID, OHIP_CLIENT_SECRET),',
  );
  c.s(
    `        data={"grant_type": "password", "username": "HLH_PMS_SYNC", "password": "${ohipPw}"},`,
    'generic',
    ohipPw,
  );
  c.l(
    '        headers={"x-app-key": APP_KEY, "enterpriseId": "HLHCORP"},',
    '    )',
    '    return resp.json()["access_token"]',
    '',
  );
  c.l('# pinned token for the overnight batch while the IAM migration is stuck (HLH-1507)');
  c.s(`BATCH_TOKEN = "${jwt}"`, 'generic', jwt);

  const oxi = repo.file('integrations/opera5/oxi/oxi_interface.ini', 'config');
  const oxiPw = g.human();
  const _dbPw = g.plain(14);
  oxi.l(
    '[OXI]',
    'Interface=OXI-HUB',
    'Property=HLHLON',
    'ServerUrl=http://opera-app01.lon.harbourlight.local:8080/Operajserv/OXIServlets/PMSInterface',
    'UserName=OXI_HUB',
  );
  oxi.s(`Password=${oxiPw}`, 'generic', oxiPw);
  oxi.l('', '[Database]', 'TNS=OPERA', 'Schema=OPERA');
  oxi.l('PasswordEncrypted=0');

  const ex = repo.file('integrations/pms-sync/.env.example', 'env');
  ex.d('MEWS_CLIENT_TOKEN=<client-token-from-mews>', 'placeholder');
  ex.l('MEWS_ACCESS_TOKEN=');
  ex.d('OHIP_CLIENT_SECRET=idcscs-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx', 'placeholder');
}

// ---- Channel managers: SiteMinder, Cloudbeds --------------------------------------------

function channelManagers(repo, t, g) {
  const sm = repo.file('integrations/channel-manager/siteminder/pmsxchange.xml', 'xml');
  const smPw = g.gen(20);
  sm.l(
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<pmsXchange>',
    '  <endpoint>https://smtpi.siteminder.com/siteconnect/pmsxchangev2/services/HARBOURLIGHT</endpoint>',
    '  <security>',
    '    <username>harbourlight_pmsx</username>',
  );
  sm.s(`    <password>${smPw}</password>`, 'generic', smPw);
  sm.l('  </security>');
  sm.l(`  <requestorId>${t.digits(6)}</requestorId>`);
  sm.l('  <hotelCode>HLHLIS</hotelCode>');
  sm.l('</pmsXchange>');

  const cb = repo.file('integrations/channel-manager/cloudbeds/config.json', 'json');
  const cbSec = t.alnum(32);
  const cbKey = g.cloudbedsKey();
  const cbRefresh = t.mixed(URLSAFE, 43);
  cb.l('{', '  "api": "https://api.cloudbeds.com/api/v1.2",', '  "oauth": {');
  cb.d(`    "client_id": "${g.cloudbedsClientId()}",`, 'cloudbeds oauth client id');
  cb.s(`    "client_secret": "${cbSec}",`, 'cloudbeds', cbSec);
  cb.s(`    "refresh_token": "${cbRefresh}"`, 'cloudbeds', cbRefresh);
  cb.l('  },');
  cb.s(`  "api_key": "${cbKey}",`, 'cloudbeds', cbKey);
  cb.l(`  "property_ids": [${t.digits(6)}, ${t.digits(6)}]`);
  cb.l('}');

  const wh = repo.file('integrations/channel-manager/src/webhooks.ts', 'js');
  const smHook = t.alnum(40);
  wh.l(
    "import crypto from 'node:crypto';",
    '',
    '// SiteMinder and Cloudbeds push reservations to us; each signs with a shared secret.',
  );
  wh.s(`const SITEMINDER_SHARED_SECRET = '${smHook}';`, 'generic', smHook);
  wh.l("const CLOUDBEDS_SECRET = process.env.CLOUDBEDS_WEBHOOK_SECRET ?? '';");
  wh.l(
    'export function verify(body: string, sig: string, secret = SITEMINDER_SHARED_SECRET) {',
    "  const mac = crypto.createHmac('sha256', secret).update(body).digest('hex');",
    '  return crypto.timingSafeEqual(Buffer.from(mac), Buffer.from(sig));',
    '}',
  );
}

// ---- OTA connectivity (Go): Booking.com, Expedia -----------------------------------------

function otaConnectivity(repo, t, g) {
  const c = repo.file('services/ota-gateway/internal/config/config.go', 'go');
  const bPw = g.gen(20);
  const eqcPw = g.gen(16);
  const rk = g.expediaKey();
  const rs = g.expediaSecret();
  c.l('package config', '', 'import "os"', '', 'const (');
  c.l('\tBookingMachineAccount = "harbourlight-connect"');
  c.s(`\tBookingMachinePassword = "${bPw}"`, 'generic', bPw);
  c.l('\tEQCUsername = "EQC_HarbourlightHotels"');
  c.s(`\tEQCPassword = "${eqcPw}"`, 'generic', eqcPw);
  c.l(')', '', '// Expedia Rapid (packages): signature = sha512(apiKey + sharedSecret + unix seconds)');
  c.s(`var RapidAPIKey = "${rk}"`, 'expedia', rk);
  c.s(`var RapidSharedSecret = "${rs}"`, 'expedia', rs);
  c.l('var SabreToken = os.Getenv("SABRE_SESSION_TOKEN")');
  c.l('var BookingHotelIDs = []int{1843021, 2290417, 2290555}');

  const b = repo.file('services/ota-gateway/internal/booking/client.go', 'go');
  const bbPw = g.gen(18);
  b.l(
    'package booking',
    '',
    'import "net/http"',
    '',
    'func newRequest(url string) (*http.Request, error) {',
    '\treq, err := http.NewRequest(http.MethodGet, url, nil)',
    '\tif err != nil {',
    '\t\treturn nil, err',
    '\t}',
  );
  b.s(`\treq.SetBasicAuth("harbourlight-connect-ro", "${bbPw}")`, 'generic', bbPw);
  b.l('\treturn req, nil', '}');
  b.l('// Content endpoint: https://supply-xml.booking.com/hotels/ota/OTA_HotelDescriptiveInfo');

  const y = repo.file('services/ota-gateway/config/ota.yaml', 'yaml');
  const ek = g.expediaKey();
  const es = g.expediaSecret();
  const sabre = g.gen(16);
  y.l('expedia:', '  rapid:', '    base_url: https://api.ean.com/v3');
  y.s(`    api_key: ${ek}`, 'expedia', ek);
  y.s(`    shared_secret: "${es}"`, 'expedia', es);
  y.l(`    property_ids: ["${t.digits(8)}", "${t.digits(8)}"]`);
  y.l('sabre:', '  pcc: H4LB', '  epr: 7971', '  username: HLHAPI');
  y.s(`  password: "${sabre}"`, 'generic', sabre);
  y.l('  token_cache: /var/cache/ota-gateway/sabre.json');

  const sig = repo.file('services/ota-gateway/internal/expedia/signature_test.go', 'go');
  sig.l('package expedia', '', 'import "testing"', '', 'func TestSignature(t *testing.T) {');
  sig.d('\tkey, secret := "testkey", "testsecret"', 'test fixture');
  sig.d(`\twant := "${t.pick(HEX, 128)}"`, 'expected sha512 digest');
  sig.l('\tif got := Signature(key, secret, 1700000000); got != want {', '\t\tt.Fatal(got)', '\t}', '}');
}

// ---- PHP Symfony loyalty site -----------------------------------------------------------

function loyaltySite(repo, t, g) {
  const e = repo.file('apps/loyalty/.env', 'env');
  e.l('# Committed defaults; real values live in .env.local / Symfony secrets.', 'APP_ENV=dev');
  e.l('APP_SECRET=');
  e.d(
    'DATABASE_URL="postgresql://app:!ChangeMe!@127.0.0.1:5432/app?serverVersion=16&charset=utf8"',
    'symfony recipe placeholder',
  );
  e.l('MESSENGER_TRANSPORT_DSN=doctrine://default?auto_setup=0');
  e.l('MAILER_DSN=null://null');

  const p = repo.file('apps/loyalty/.env.prod.local', 'env');
  const appSecret = g.symfonySecret();
  const dbPw = g.plain(20);
  const sg = t.sendgrid();
  const amqp = g.plain(18);
  const az = t.azureClientSecret();
  const rc = `6L${t.mixed(URLSAFE, 38)}`;
  const miles = t.alnum(36);
  p.l('APP_ENV=prod');
  p.s(`APP_SECRET=${appSecret}`, 'generic', appSecret);
  p.s(
    `DATABASE_URL="postgresql://loyalty:${dbPw}@loyalty-db.prod.harbourlight.internal:5432/loyalty?serverVersion=16&charset=utf8"`,
    'database',
    dbPw,
  );
  p.s(`MAILER_DSN=sendgrid+api://${sg}@default`, 'sendgrid', sg);
  p.s(
    `MESSENGER_TRANSPORT_DSN=amqp://loyalty:${amqp}@rabbitmq.prod.harbourlight.internal:5672/%2f/messages`,
    'database',
    amqp,
  );
  p.d(`OAUTH_AZURE_CLIENT_ID=${t.uuid()}`, 'azure ad client id');
  p.s(`OAUTH_AZURE_CLIENT_SECRET=${az}`, 'azure', az);
  p.s(`GOOGLE_RECAPTCHA_SECRET=${rc}`, 'recaptcha', rc);
  p.s(`AIRLINE_PARTNER_API_KEY=${miles}`, 'generic', miles);

  const sec = repo.file('apps/loyalty/config/packages/security.yaml', 'yaml');
  sec.l(
    'security:',
    '  password_hashers:',
    "    Symfony\\Component\\Security\\Core\\User\\PasswordAuthenticatedUserInterface: 'auto'",
    '  providers:',
    '    backoffice:',
    '      memory:',
    '        users:',
  );
  sec.d(`          ops: { password: '${g.bcrypt()}', roles: ['ROLE_ADMIN'] }`, 'bcrypt hash');
  sec.l('    members:', '      entity: { class: App\\Entity\\Member, property: email }');

  const hw = repo.file('apps/loyalty/config/packages/hwi_oauth.yaml', 'yaml');
  hw.l('hwi_oauth:', '  resource_owners:', '    azure:', '      type: azure');
  hw.l("      client_id: '%env(OAUTH_AZURE_CLIENT_ID)%'");
  hw.l("      client_secret: '%env(OAUTH_AZURE_CLIENT_SECRET)%'");

  const dk = repo.file('apps/loyalty/config/secrets/prod/prod.decrypt.private.php', 'keys');
  const keyBytes = Array.from({ length: 64 }, () => `\\x${t.pick(HEXUP, 2)}`).join('');
  dk.l('<?php // prod.decrypt.private on Tue, 03 Mar 2026 10:14:22 +0000', '');
  dk.s(`return "${keyBytes}";`, 'generic', keyBytes);
  const ek = repo.file('apps/loyalty/config/secrets/prod/prod.encrypt.public.php', 'keys');
  ek.l('<?php // prod.encrypt.public on Tue, 03 Mar 2026 10:14:22 +0000', '');
  ek.d(`return "${Array.from({ length: 32 }, () => `\\x${t.pick(HEXUP, 2)}`).join('')}";`, 'public encryption key');

  const pc = repo.file('apps/loyalty/src/Service/PartnerMilesClient.php', 'php');
  const pmPw = g.gen(18);
  const _pmKey = t.alnum(32);
  pc.l(
    '<?php',
    '',
    'namespace App\\Service;',
    '',
    'use Symfony\\Contracts\\HttpClient\\HttpClientInterface;',
    '',
    'final class PartnerMilesClient',
    '{',
    '    public function __construct(private HttpClientInterface $http) {}',
    '',
    '    public function credit(string $memberNo, int $miles): array',
    '    {',
    "        return $this->http->request('POST', 'https://partners.skymilesclub.example-airline.com/v2/accruals', [",
  );
  pc.s(`            'auth_basic' => ['harbourlight', '${pmPw}'],`, 'generic', pmPw);
  pc.l("            'json' => ['member' => $memberNo, 'miles' => $miles],", '        ])->toArray();', '    }', '}');

  const ic = repo.file('apps/loyalty/src/Command/ImportStaysCommand.php', 'php');
  const icPw = g.plain(16);
  ic.l(
    '<?php',
    '',
    'namespace App\\Command;',
    '',
    '// nightly: pulls checked-out stays from the OPERA reporting replica',
  );
  ic.s(
    `$pdo = new \\PDO('oci:dbname=//opera-rpt.lon.harbourlight.local:1521/OPERARPT', 'LOYALTY_RO', '${icPw}');`,
    'generic',
    icPw,
  );
  ic.l("$pass = $_ENV['OPERA_RPT_PASSWORD'] ?? null;");
  ic.l('$stmt = $pdo->prepare("SELECT confirmation_no FROM stays WHERE password_reset = :p");');

  const tr = repo.file('apps/loyalty/translations/messages.en.yaml', 'decoys');
  tr.l('login.password: Password');
  tr.l('account.api_token.help: Paste the token from your partner portal');
  tr.l('account.secret_question: Secret question');
}

// ---- Node.js guest messaging --------------------------------------------------------------

function guestMessaging(repo, t, g) {
  const e = repo.file('services/guest-messaging/.env.production', 'env');
  const sid = t.twilioSid();
  const tok = t.twilioToken();
  const ksid = g.twilioKeySid();
  const ksec = g.twilioKeySecret();
  const wa = g.metaToken();
  const was = g.metaSecret();
  const _verify = t.alnum(24);
  const sg = t.sendgrid();
  const zd = g.zendesk();
  const mpw = t.alnum(20);
  const fcm = g.fcmServer();
  e.l('NODE_ENV=production', 'PORT=8080');
  e.d(`TWILIO_ACCOUNT_SID=${sid}`, 'twilio account sid (identifier)');
  e.s(`TWILIO_AUTH_TOKEN=${tok}`, 'twilio', tok);
  e.d(`TWILIO_API_KEY_SID=${ksid}`, 'twilio api key sid (identifier)');
  e.s(`TWILIO_API_KEY_SECRET=${ksec}`, 'twilio', ksec);
  e.l(`TWILIO_MESSAGING_SERVICE_SID=MG${t.hex(32)}`);
  e.s(`WHATSAPP_ACCESS_TOKEN=${wa}`, 'meta', wa);
  e.s(`WHATSAPP_APP_SECRET=${was}`, 'meta', was);
  e.l(`WHATSAPP_PHONE_NUMBER_ID=${t.digits(15)}`);
  e.l(`WHATSAPP_BUSINESS_ACCOUNT_ID=${t.digits(15)}`);
  e.s(`SENDGRID_API_KEY=${sg}`, 'sendgrid', sg);
  e.l('ZENDESK_SUBDOMAIN=harbourlight', 'ZENDESK_EMAIL=guest-bot@harbourlighthotels.com');
  e.s(`ZENDESK_API_TOKEN=${zd}`, 'zendesk', zd);
  e.s(
    `MONGODB_URI=mongodb+srv://messaging:${mpw}@guestmsg.${t.lower(5)}.mongodb.net/messaging?retryWrites=true&w=majority`,
    'mongodb',
    mpw,
  );
  e.s(`FCM_SERVER_KEY=${fcm}`, 'firebase', fcm);

  const c = repo.file('services/guest-messaging/src/config.js', 'js');
  const ctok = t.twilioToken();
  const _csg = t.sendgrid();
  c.l("'use strict';", '', 'module.exports = {', '  twilio: {');
  c.l('    accountSid: process.env.TWILIO_ACCOUNT_SID,');
  c.s(`    authToken: process.env.TWILIO_AUTH_TOKEN || '${ctok}',`, 'twilio', ctok);
  c.l('  },', '  sendgrid: {');
  c.l("    from: 'stay@harbourlighthotels.com',", '  },', '  whatsapp: {');
  c.l("    verifyToken: process.env.WHATSAPP_VERIFY_TOKEN ?? '',");
  c.l('  },', '};');

  const sms = repo.file('services/guest-messaging/src/channels/sms.js', 'js');
  const s2sid = t.twilioSid();
  const s2tok = t.twilioToken();
  sms.l("const twilio = require('twilio');", '', '// HLH-2210 pre-arrival SMS for the Lisbon pilot');
  sms.s(`const client = twilio('${s2sid}', '${s2tok}');`, 'twilio', s2tok);
  sms.l(
    '',
    'async function preArrival(to, name, property) {',
    '  return client.messages.create({',
    '    to,',
    '    messagingServiceSid: process.env.TWILIO_MESSAGING_SERVICE_SID,',
    '    body: `Hi ${name}, your room at ${property} is almost ready. Reply here for anything you need.`,',
    '  });',
    '}',
    'module.exports = { preArrival };',
  );

  const w = repo.file('services/guest-messaging/src/channels/whatsapp.ts', 'js');
  const wtok = g.metaToken();
  w.l(
    "import crypto from 'node:crypto';",
    '',
    `const GRAPH = 'https://graph.facebook.com/v20.0/${t.digits(15)}/messages';`,
    '',
    'export async function sendTemplate(to: string, template: string) {',
    '  return fetch(GRAPH, {',
    "    method: 'POST',",
    '    headers: {',
  );
  w.s(`      Authorization: 'Bearer ${wtok}',`, 'meta', wtok);
  w.l(
    "      'Content-Type': 'application/json',",
    '    },',
    "    body: JSON.stringify({ messaging_product: 'whatsapp', to, type: 'template', template: { name: template, language: { code: 'en' } } }),",
    '  });',
    '}',
    '',
    'export function verifySignature(raw: Buffer, header: string) {',
  );
  w.l(
    "  const expected = 'sha256=' + crypto.createHmac('sha256', process.env.WHATSAPP_APP_SECRET!).update(raw).digest('hex');",
  );
  w.l('  return expected === header;', '}');

  const m = repo.file('services/guest-messaging/src/email/mailer.js', 'js');
  const msg = t.sendgrid();
  m.l("const sgMail = require('@sendgrid/mail');");
  m.s(`sgMail.setApiKey('${msg}');`, 'sendgrid', msg);
  m.l("const TEMPLATE_CONFIRMATION = 'd-" + t.hex(32) + "';");

  const ai = repo.file('services/guest-messaging/src/ai/reply-suggest.ts', 'js');
  const an = t.anthropic();
  ai.l("import Anthropic from '@anthropic-ai/sdk';", '');
  ai.s(`const anthropic = new Anthropic({ apiKey: '${an}' });`, 'anthropic', an);
  ai.l('const fallback = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });');

  const push = repo.file('services/guest-messaging/src/push/fcm.js', 'js');
  const pf = g.fcmServer();
  push.l('// legacy FCM HTTP API for the staff app (migrate to v1 before it is switched off)');
  push.s(`const headers = { Authorization: 'key=${pf}', 'Content-Type': 'application/json' };`, 'firebase', pf);
  push.l("module.exports = (body) => fetch('https://fcm.googleapis.com/fcm/send', { method: 'POST', headers, body });");

  const fx = repo.file('services/guest-messaging/test/fixtures/twilio-inbound.json', 'decoys');
  fx.l('{', '  "_comment": "recorded webhook with identifiers replaced; not real",');
  fx.d('  "AccountSid": "ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",', 'placeholder sid');
  fx.d('  "MessageSid": "SM00000000000000000000000000000000",', 'zeroed sid');
  fx.d('  "authToken": "test-auth-token",', 'test fixture');
  fx.l('  "Body": "Can I get a late checkout?",', '  "From": "+351910000000"', '}');
}

// ---- Payments: Adyen, Stripe, Shift4 tokenisation -----------------------------------------

function payments(repo, t, g) {
  const a = repo.file('services/payments/src/config/adyen.config.ts', 'js');
  const ak = g.adyenKey();
  const hk = g.adyenHmac();
  a.l("import { Client, Config } from '@adyen/api-library';", '', 'export const adyenConfig = new Config({');
  a.s(`  apiKey: '${ak}',`, 'adyen', ak);
  a.l("  environment: 'LIVE',", "  liveEndpointUrlPrefix: '1797a841fbb37ca7-HarbourlightHotels',", '});');
  a.s(`export const ADYEN_HMAC_KEY = '${hk}';`, 'adyen', hk);
  a.d(
    `export const ADYEN_CLIENT_KEY = '${g.adyenClientKey()}'; // shipped to the browser`,
    'adyen client key (public)',
  );
  a.l('export const adyen = new Client({ config: adyenConfig });');

  const s4 = repo.file('services/payments/src/config/shift4.json', 'json');
  const at = g.shift4();
  const ac = g.shift4();
  s4.l('{', '  "utgUrl": "https://utg.shift4api.net/api/rest/v1",', '  "interfaceName": "Harbourlight-PMS-Bridge",');
  s4.d(`  "clientGuid": "${g.shift4()}",`, 'shift4 interface client guid (identifier)');
  s4.s(`  "authToken": "${at}",`, 'shift4', at);
  s4.s(`  "accessToken": "${ac}",`, 'shift4', ac);
  s4.l('  "i4goUrl": "https://i4m.shift4test.com",');
  s4.l('  "merchantId": "HLH-LON-01"', '}');

  const st = repo.file('services/payments/src/stripe/stripe.service.ts', 'js');
  const rk = g.stripeRestricted();
  const wh = g.stripeWebhook();
  st.l("import Stripe from 'stripe';", '');
  st.s(`const stripe = new Stripe('${rk}', { apiVersion: '2024-06-20' });`, 'stripe', rk);
  st.s(`const WEBHOOK_SECRET = '${wh}';`, 'stripe', wh);
  st.d("const pk = process.env.STRIPE_PUBLISHABLE_KEY ?? 'pk_test_placeholder';", 'placeholder');
  st.l('export { stripe, WEBHOOK_SECRET };');

  const env = repo.file('services/payments/.env.production', 'env');
  const sk = t.stripeLiveLong();
  const ak2 = g.adyenKey();
  const s4tok = g.shift4();
  const dek = Buffer.from(Array.from({ length: 32 }, () => Math.floor(Number(`0x${t.pick(HEX, 2)}`)))).toString(
    'base64',
  );
  const dbpw = t.alnum(22);
  env.s(`STRIPE_SECRET_KEY=${sk}`, 'stripe', sk);
  env.s(`ADYEN_API_KEY="${ak2}"`, 'adyen', ak2);
  env.s(`SHIFT4_ACCESS_TOKEN=${s4tok}`, 'shift4', s4tok);
  env.s(`TOKENISATION_DEK_BASE64=${dek}`, 'generic', dek);
  env.s(`DATABASE_URL=postgres://payments:${dbpw}@payments-db.prod.harbourlight.internal:5432/vault`, 'database', dbpw);
  env.l('VAULT_TRANSIT_KEY=transit/keys/card-tokens');

  const k = repo.file('services/payments/certs/apple-pay/merchant_id.key', 'keys');
  const rsa = t.rsaPem();
  k.s(rsa, 'private-key', rsa.join('\n'));
  const crt = repo.file('services/payments/certs/apple-pay/merchant_id.pem', 'keys');
  crt.d(g.certPem(), 'apple pay merchant identity certificate');

  const fx = repo.file('services/payments/test/fixtures/cards.json', 'decoys');
  fx.l('{');
  fx.d('  "visa": "4111111111111111",', 'public test card number');
  fx.d('  "mastercard": "5555555555554444",', 'public test card number');
  fx.d('  "shift4Token": "FAKE-0000-TOKEN",', 'test fixture');
  fx.l('  "cvc": "737"', '}');
}

// ---- Python revenue-management model, dbt on Snowflake, notebooks --------------------------

function revenueModel(repo, t, g) {
  const c = repo.file('revenue/rms/rms/config.py', 'python');
  const sfPw = g.gen(20);
  const lh = t.hex(40);
  const oa = t.openai();
  c.l('"""Revenue-management model settings (prod defaults for the scheduled runs)."""', 'import os', '');
  c.l(
    'SNOWFLAKE = {',
    `    "account": "${g.snowAccount()}",`,
    '    "user": "RMS_SVC",',
    '    "warehouse": "RMS_WH",',
    '    "database": "REVENUE",',
    '    "role": "RMS_ROLE",',
  );
  c.s(`    "password": "${sfPw}",`, 'snowflake', sfPw);
  c.l('}', '', 'LIGHTHOUSE_API = "https://api.mylighthouse.com/v3"');
  c.s(`LIGHTHOUSE_API_KEY = "${lh}"`, 'generic', lh);
  c.s(`OPENAI_API_KEY = os.getenv("OPENAI_API_KEY", "${oa}")`, 'openai', oa);
  c.l(`MODEL_ARTIFACT_SHA256 = "${t.sha256()}"`);
  c.l('FORECAST_HORIZON_DAYS = 365');

  const pr = repo.file('revenue/dbt/profiles.yml', 'yaml');
  const dbtPw = g.gen(22);
  const pass = g.plain(24);
  pr.l('harbourlight_revenue:', '  target: prod', '  outputs:', '    dev:', '      type: snowflake');
  pr.l(`      account: ${g.snowAccount()}`);
  pr.l('      user: "{{ env_var(\'DBT_USER\') }}"');
  pr.l('      password: "{{ env_var(\'DBT_PASSWORD\') }}"');
  pr.l('    prod:', '      type: snowflake', `      account: ${g.snowAccount()}`, '      user: DBT_PROD');
  pr.s(`      password: "${dbtPw}"`, 'snowflake', dbtPw);
  pr.l('      role: TRANSFORMER', '      warehouse: TRANSFORM_WH', '      database: REVENUE', '      schema: marts');
  pr.l(
    '    prod_keypair:',
    '      type: snowflake',
    '      user: DBT_KEYPAIR',
    '      private_key_path: /secrets/rsa_key.p8',
  );
  pr.s(`      private_key_passphrase: "${pass}"`, 'snowflake', pass);

  const key = repo.file('revenue/rms/keys/rsa_key.p8', 'keys');
  const p8 = t.pkcs8Pem();
  key.s(p8, 'private-key', p8.join('\n'));
  const pub = repo.file('revenue/rms/keys/rsa_key.pub', 'keys');
  pub.d(g.pubPem(), 'public key registered on the snowflake user');

  const nb = repo.file('revenue/notebooks/pickup-forecast.ipynb', 'notebook');
  const nbPw = g.gen(18);
  const nbLh = t.hex(40);
  nb.l(
    '{',
    ' "cells": [',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 2,',
    '   "metadata": {},',
    '   "outputs": [],',
    '   "source": [',
    `    ${JSON.stringify('import snowflake.connector\n')},`,
    `    ${JSON.stringify('conn = snowflake.connector.connect(\n')},`,
    `    ${JSON.stringify(`    account="${g.snowAccount()}", user="ANALYST_MRIBEIRO",\n`)},`,
  );
  nb.s(`    ${JSON.stringify(`    password="${nbPw}",\n`)},`, 'snowflake', nbPw);
  nb.l(
    `    ${JSON.stringify('    warehouse="ANALYST_WH", database="REVENUE")\n')},`,
    `    ${JSON.stringify('df = pd.read_sql("select * from marts.pickup_daily", conn)')}`,
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
  );
  nb.s(
    `      ${JSON.stringify(`GET https://api.mylighthouse.com/v3/rates?hotel_id=4411 headers={'x-api-key': '${nbLh}'}\n`)},`,
    'generic',
    nbLh,
  );
  nb.l(`      ${JSON.stringify('200 OK, 1825 rows\n')}`, '     ]', '    },', '    {', '     "data": {');
  nb.d(`      "image/png": "${t.pngBase64()}",`, 'base64 image');
  nb.l(
    '      "text/plain": ["<Figure size 1200x500 with 1 Axes>"]',
    '     },',
    '     "metadata": {},',
    '     "output_type": "display_data"',
    '    }',
    '   ],',
    '   "source": [',
  );
  nb.l(`    ${JSON.stringify('key = os.environ["LIGHTHOUSE_API_KEY"]\n')},`);
  nb.l(`    ${JSON.stringify('plot_pickup(df, compset=fetch_rates(key))')}`, '   ]', '  }', ' ],');
  nb.l(
    ' "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},',
    ' "nbformat": 4,',
    ' "nbformat_minor": 5',
    '}',
  );

  const nb2 = repo.file('revenue/notebooks/pricing-elasticity.ipynb', 'notebook');
  const ak = t.awsId();
  const as = t.awsSecret();
  const oa2 = t.openai();
  nb2.l(
    '{',
    ' "cells": [',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": null,',
    '   "metadata": {},',
    '   "outputs": [],',
    '   "source": [',
    `    ${JSON.stringify('import boto3, getpass\n')},`,
    `    ${JSON.stringify('s3 = boto3.client("s3",\n')},`,
  );
  nb2.s(`    ${JSON.stringify(`    aws_access_key_id="${ak}",\n`)},`, 'aws', ak);
  nb2.s(`    ${JSON.stringify(`    aws_secret_access_key="${as}")\n`)},`, 'aws', as);
  nb2.d(`    ${JSON.stringify('sf_pw = getpass.getpass("Snowflake password: ")\n')},`, 'getpass prompt');
  nb2.s(`    ${JSON.stringify(`client = OpenAI(api_key="${oa2}")`)}`, 'openai', oa2);
  nb2.l('   ]', '  }', ' ],', ' "metadata": {},', ' "nbformat": 4,', ' "nbformat_minor": 5', '}');

  const rq = repo.file('revenue/rms/requirements.txt', 'python');
  const nx = g.plain(20);
  rq.s(
    `--extra-index-url https://rms-ci:${nx}@nexus.harbourlight.internal/repository/pypi-internal/simple`,
    'generic',
    nx,
  );
  for (const p of ['snowflake-connector-python==3.12.0', 'prophet==1.1.5', 'pandas==2.2.2']) {
    rq.l(`${p} \\`);
    rq.l(`    --hash=sha256:${t.sha256()}`);
  }
}

// ---- Swift guest app and Kotlin staff app --------------------------------------------------

function mobileApps(repo, t, g) {
  const s = repo.file('apps/guest-ios/HarbourlightGuest/Config/AppSecrets.swift', 'swift');
  const hm = t.alnum(48);
  const _ls = t.alnum(32);
  s.l('import Foundation', '', 'enum AppSecrets {');
  s.s(`    static let loyaltyRequestSigningSecret = "${hm}"`, 'generic', hm);
  s.d(`    static let stripePublishableKey = "${g.stripePk()}"`, 'stripe publishable key (public by design)');
  s.d(`    static let adyenClientKey = "${g.adyenClientKey()}"`, 'adyen client key (public)');
  s.d(`    static let sentryDSN = "${g.sentryDsn()}"`, 'sentry dsn (public ingest key)');
  s.l('}');

  const dk = repo.file('apps/guest-ios/HarbourlightGuest/Services/DigitalKeyService.swift', 'swift');
  const dkPw = g.gen(18);
  dk.l(
    'import Foundation',
    '',
    'final class DigitalKeyService: NSObject, URLSessionDelegate {',
    '    func urlSession(_ session: URLSession, didReceive challenge: URLAuthenticationChallenge,',
    '                    completionHandler: @escaping (URLSession.AuthChallengeDisposition, URLCredential?) -> Void) {',
  );
  dk.s(
    `        completionHandler(.useCredential, URLCredential(user: "guestapp-keys", password: "${dkPw}", persistence: .forSession))`,
    'generic',
    dkPw,
  );
  dk.l('    }', '}');

  const pl = repo.file('apps/guest-ios/HarbourlightGuest/Info.plist', 'swift');
  pl.l('<?xml version="1.0" encoding="UTF-8"?>', '<plist version="1.0">', '<dict>', '  <key>MBXAccessToken</key>');
  pl.d(`  <string>${g.mapboxPublic()}</string>`, 'mapbox public token (pk, ships in the app)');
  pl.l('  <key>CFBundleIdentifier</key>', '  <string>com.harbourlight.guest</string>', '</dict>', '</plist>');

  const nrc = repo.file('apps/guest-ios/.netrc', 'credstore');
  const mb = g.mapboxSecret();
  nrc.l('machine api.mapbox.com', '  login mapbox');
  nrc.s(`  password ${mb}`, 'mapbox', mb);

  const fl = repo.file('apps/guest-ios/fastlane/.env.default', 'env');
  const match = g.human();
  const fpw = g.gen(16);
  fl.l('APP_IDENTIFIER=com.harbourlight.guest', 'FASTLANE_USER=mobile@harbourlighthotels.com');
  fl.s(`FASTLANE_PASSWORD=${fpw}`, 'generic', fpw);
  fl.s(`MATCH_PASSWORD=${match}`, 'generic', match);
  fl.l(`APP_STORE_CONNECT_API_KEY_ID=${t.mixed(UPPER + DIGIT, 10)}`);
  fl.l(`APP_STORE_CONNECT_ISSUER_ID=${t.uuid()}`);
  fl.l(`TEAM_ID=${t.mixed(UPPER + DIGIT, 10)}`);

  const p8 = repo.file('apps/guest-ios/fastlane/keys/AuthKey_asc.p8', 'keys');
  const apns = t.pkcs8Pem();
  p8.s(apns, 'private-key', apns.join('\n'));

  const gr = repo.file('apps/staff-android/app/build.gradle.kts', 'kotlin');
  const store = g.plain(16);
  const _keyPw = g.plain(16);
  const salto = t.alnum(40);
  gr.l(
    'plugins {',
    '    id("com.android.application")',
    '    kotlin("android")',
    '}',
    '',
    'android {',
    '    namespace = "com.harbourlight.staff"',
    '    signingConfigs {',
    '        create("release") {',
    '            storeFile = file("../keystore/staff-release.jks")',
  );
  gr.s(`            storePassword = "${store}"`, 'generic', store);
  gr.l('            keyAlias = "staff"', '            keyPassword = System.getenv("STAFF_KEY_PASSWORD")');
  gr.l('        }', '    }', '    defaultConfig {');
  gr.d('        buildConfigField("String", "SALTO_KS_CLIENT_ID", "\\"harbourlight-staff\\"")', 'client id');
  gr.s(`        buildConfigField("String", "SALTO_KS_CLIENT_SECRET", "\\"${salto}\\"")`, 'generic', salto);
  gr.l('        buildConfigField("String", "API_BASE", "\\"https://staff-api.harbourlighthotels.com\\"")');
  gr.l('    }', '}');

  const gp = repo.file('apps/staff-android/gradle.properties', 'kotlin');
  const gh = t.github();
  gp.l('org.gradle.jvmargs=-Xmx4g', 'android.useAndroidX=true');
  gp.l('gpr.user=harbourlight-ci');
  gp.s(`gpr.key=${gh}`, 'github', gh);

  const gs = repo.file('apps/staff-android/app/google-services.json', 'kotlin');
  gs.l(
    '{',
    `  "project_info": { "project_number": "${t.digits(12)}", "project_id": "harbourlight-staff" },`,
    '  "client": [',
    '    {',
    '      "client_info": { "mobilesdk_app_id": "1:' + t.digits(12) + ':android:' + t.hex(16) + '" },',
  );
  gs.d(
    `      "api_key": [{ "current_key": "${t.gcpApiKey()}" }]`,
    'firebase android client config key (public by design)',
  );
  gs.l('    }', '  ]', '}');

  const hk = repo.file('apps/staff-android/app/src/main/java/com/harbourlight/staff/net/HousekeepingApi.kt', 'kotlin');
  const hkPw = g.human();
  const ops = t.alnum(40);
  hk.l(
    'package com.harbourlight.staff.net',
    '',
    'import okhttp3.Credentials',
    'import okhttp3.OkHttpClient',
    '',
    'object HousekeepingApi {',
  );
  hk.s(`    private const val OPS_API_KEY = "${ops}"`, 'generic', ops);
  hk.s(`    private val basic = Credentials.basic("hk-tablet", "${hkPw}")`, 'generic', hkPw);
  hk.l(
    '    val client: OkHttpClient = OkHttpClient.Builder()',
    '        .addInterceptor { chain ->',
    '            chain.proceed(chain.request().newBuilder()',
    '                .header("Authorization", basic)',
    '                .header("X-Ops-Key", OPS_API_KEY).build())',
    '        }.build()',
  );
  hk.l('    private const val PASSWORD_MIN = 8');
  hk.l('}');
}

// ---- Keycard / lock servers and POS -------------------------------------------------------

function locksAndPos(repo, t, g) {
  const v = repo.file('locks/vingcard/visionline/VisionlineBridge.exe.config', 'xml');
  const vlPw = g.human();
  const sqlPw = g.gen(18);
  v.l('<?xml version="1.0" encoding="utf-8"?>', '<configuration>', '  <appSettings>');
  v.l('    <add key="VisionlineServer" value="https://visionline.lon.harbourlight.local:443" />');
  v.l('    <add key="VisionlineUser" value="sym_opera" />');
  v.s(`    <add key="VisionlinePassword" value="${vlPw}" />`, 'generic', vlPw);
  v.l('    <add key="EncoderId" value="ENC-LOBBY-01" />');
  v.l('  </appSettings>', '  <connectionStrings>');
  v.s(
    `    <add name="Visionline" connectionString="Data Source=VLSQL01\\VISIONLINE;Initial Catalog=Visionline;User ID=vl_bridge;Password=${sqlPw}" />`,
    'database',
    sqlPw,
  );
  v.l('  </connectionStrings>', '</configuration>');

  const vk = repo.file('locks/vingcard/visionline/certs/visionline-server.key', 'keys');
  const rsa = t.rsaPem();
  vk.s(rsa, 'private-key', rsa.join('\n'));
  const vc = repo.file('locks/vingcard/visionline/certs/visionline-server.crt', 'keys');
  vc.d(g.certPem(), 'server certificate');

  const sh = repo.file('locks/salto/ship/salto_ship.ini', 'config');
  const shipPw = g.plain(16);
  sh.l('[SHIP]', 'Host=salto-srv01.por.harbourlight.local', 'Port=8100', 'Protocol=XML', 'User=ship_pms');
  sh.s(`Password=${shipPw}`, 'generic', shipPw);
  sh.l('LogFile=C:\\ProgramData\\Salto\\ship.log');

  const ks = repo.file('locks/salto/ks/salto-ks.json', 'json');
  const ksSec = t.alnum(40);
  const _ksPw = g.gen(18);
  ks.l('{', '  "identityServer": "https://clp-accept-identityserver.saltoks.com/connect/token",');
  ks.d('  "clientId": "harbourlight-integration",', 'oauth client id');
  ks.s(`  "clientSecret": "${ksSec}",`, 'generic', ksSec);
  ks.l('  "username": "integration@harbourlighthotels.com",');
  ks.l(`  "siteId": "${t.uuid()}"`);
  ks.l('}');

  const sm = repo.file('pos/simphony/sts-gen2.json', 'json');
  const smPw = g.gen(20);
  sm.l(
    '{',
    '  "authServer": "https://simphony-home.hlh.oraclemicros.com/oidc-provider/v1",',
    '  "orgShortName": "HLH",',
  );
  sm.d(`  "clientId": "${t.mixed(ALNUM, 24)}",`, 'simphony api client id');
  sm.l('  "username": "hlh-pos-integration",');
  sm.s(`  "password": "${smPw}",`, 'generic', smPw);
  sm.l('  "locRef": "LON01"');
  sm.l('}');

  const le = repo.file('pos/lightspeed/.env', 'env');
  const lsSec = g.lightspeed();
  const lsRef = t.mixed(URLSAFE, 40);
  le.d(`LIGHTSPEED_CLIENT_ID=${t.mixed(ALNUM, 32)}`, 'oauth client id');
  le.s(`LIGHTSPEED_CLIENT_SECRET=${lsSec}`, 'lightspeed', lsSec);
  le.s(`LIGHTSPEED_REFRESH_TOKEN=${lsRef}`, 'lightspeed', lsRef);
  le.l(`LIGHTSPEED_BUSINESS_LOCATION_ID=${t.digits(15)}`);

  const lp = repo.file('pos/lightspeed/sync_sales.py', 'python');
  const lpSec = g.lightspeed();
  lp.l(
    'import requests',
    '',
    'def refresh(refresh_token):',
    '    return requests.post(',
    '        "https://api.ikentoo.com/oauth/token",',
  );
  lp.s(
    `        data={"grant_type": "refresh_token", "client_id": "hlh-pos", "client_secret": "${lpSec}", "refresh_token": refresh_token},`,
    'lightspeed',
    lpSec,
  );
  lp.l('    ).json()');
}

// ---- Wi-Fi captive portal and RADIUS ------------------------------------------------------

function network(repo, t, g) {
  const c = repo.file('network/freeradius/clients.conf', 'config');
  const s1 = g.plain(24);
  const _s2 = g.plain(24);
  c.l('# Access points per property. The stock file ships a localhost client; we removed it.');
  c.l('client aruba-lon {', '    ipaddr = 10.40.0.0/16');
  c.s(`    secret = ${s1}`, 'generic', s1);
  c.l('    shortname = hlh-lon', '}', '', 'client aruba-lis {', '    ipaddr = 10.41.0.0/16');
  c.l('    shortname = hlh-lis', '}', '', 'client core-switches {', '    ipaddr = 10.0.0.0/24');
  c.l('    secret = $ENV{RADIUS_SECRET_CORE}');
  c.l('}');

  const sq = repo.file('network/freeradius/mods-available/sql', 'config');
  const sqPw = g.plain(18);
  sq.l('sql {', '    dialect = "postgresql"', '    server = "radius-db.harbourlight.internal"', '    login = "radius"');
  sq.s(`    password = "${sqPw}"`, 'generic', sqPw);
  sq.l('    radius_db = "radius"', '}');

  const au = repo.file('network/freeradius/mods-config/files/authorize', 'config');
  const a1 = g.human();
  const _a2 = g.human();
  au.s(`hk.tablets    Cleartext-Password := "${a1}"`, 'generic', a1);
  au.l('              Tunnel-Private-Group-Id = 120');
  au.l('              Tunnel-Private-Group-Id = 130');
  au.d(
    `it.admin      Crypt-Password := "$6$${t.mixed(ALNUM + './', 16)}$${t.mixed(ALNUM + './', 86)}"`,
    'sha512-crypt hash',
  );

  const cp = repo.file('network/captive-portal/portal.yaml', 'yaml');
  const unifi = g.gen(18);
  const rad = g.plain(24);
  const _fias = g.plain(12);
  cp.l(
    'portal:',
    '  title: "Harbourlight Guest Wi-Fi"',
    '  auth: pms  # room number + surname, checked against OPERA over FIAS',
    'unifi:',
    '  controller: https://unifi.harbourlight.internal:8443',
    '  username: portal-svc',
  );
  cp.s(`  password: "${unifi}"`, 'generic', unifi);
  cp.l('radius:', '  server: 10.0.0.20', '  port: 1812');
  cp.s(`  shared_secret: ${rad}`, 'generic', rad);
  cp.l(
    'fias:',
    '  host: opera-ifc8.lon.harbourlight.local',
    '  port: 5010',
    '  password_file: /run/secrets/fias_password',
  );
  cp.d('  admin_password_hash: "' + g.bcrypt() + '"', 'bcrypt hash');
  cp.l('  voucher_prefix: HLH-');

  const hp = repo.file('network/hostapd/staff-wifi.conf', 'config');
  const psk = g.human();
  hp.l('interface=wlan0', 'ssid=HLH-Staff', 'wpa=2', 'wpa_key_mgmt=WPA-PSK');
  hp.s(`wpa_passphrase=${psk}`, 'generic', psk);
  hp.l('# guest SSID uses the captive portal, no PSK');
}

// ---- Kubernetes (EKS) and Helm ------------------------------------------------------------

function kubernetes(repo, t, g) {
  const s = repo.file('deploy/k8s/booking-engine/secret.yaml', 'k8s');
  const ohip = g.ohipSecret();
  const db = g.gen(22);
  const ad = g.adyenKey();
  s.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: booking-engine',
    '  namespace: booking',
    'type: Opaque',
    'data:',
  );
  s.s(`  OHIP_CLIENT_SECRET: ${g.enc(ohip)}`, 'ohip', ohip);
  s.s(`  BOOKING_DB_PASSWORD: ${g.enc(db)}`, 'generic', db);
  s.s(`  ADYEN_API_KEY: ${g.enc(ad)}`, 'adyen', ad);
  s.l(`  SPRING_PROFILES_ACTIVE: ${g.enc('prod')}`);

  const d = repo.file('deploy/k8s/guest-messaging/deployment.yaml', 'k8s');
  const tw = t.twilioToken();
  const wa = g.metaToken();
  d.l(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: guest-messaging',
    '  namespace: messaging',
    'spec:',
    '  replicas: 3',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: api',
  );
  d.d(
    `          image: ${t.digits(12)}.dkr.ecr.eu-west-1.amazonaws.com/guest-messaging@sha256:${t.sha256()}`,
    'image digest',
  );
  d.l(
    '          env:',
    '            - name: SENDGRID_API_KEY',
    '              valueFrom:',
    '                secretKeyRef:',
  );
  d.l('                  name: guest-messaging');
  d.l('                  key: sendgrid-api-key');
  d.l('            - name: TWILIO_AUTH_TOKEN');
  d.s(`              value: "${tw}"`, 'twilio', tw);
  d.l('            - name: WHATSAPP_ACCESS_TOKEN');
  d.s(`              value: ${wa}`, 'meta', wa);
  d.l('            - name: NODE_OPTIONS', '              value: --max-old-space-size=512');

  const es = repo.file('deploy/k8s/payments/external-secret.yaml', 'k8s');
  es.l(
    'apiVersion: external-secrets.io/v1beta1',
    'kind: ExternalSecret',
    'metadata:',
    '  name: payments',
    'spec:',
    '  secretStoreRef: { name: aws-secrets-manager, kind: ClusterSecretStore }',
    '  data:',
    '    - secretKey: ADYEN_API_KEY',
    '      remoteRef:',
  );
  es.l('        key: prod/payments/adyen');
  es.l('        property: api_key');

  const ss = repo.file('deploy/k8s/payments/sealed-shift4.yaml', 'k8s');
  ss.l(
    'apiVersion: bitnami.com/v1alpha1',
    'kind: SealedSecret',
    'metadata:',
    '  name: shift4',
    'spec:',
    '  encryptedData:',
  );
  ss.d(`    SHIFT4_ACCESS_TOKEN: AgB${g.b64(600)}==`, 'sealed (encrypted) value');

  const h = repo.file('deploy/helm/loyalty/values-prod.yaml', 'k8s');
  const as = g.symfonySecret();
  const _hp = g.gen(20);
  h.l('image:', `  repository: ${t.digits(12)}.dkr.ecr.eu-west-1.amazonaws.com/loyalty`);
  h.l(`  tag: "${t.sha1().slice(0, 12)}"`);
  h.l('symfony:');
  h.s(`  appSecret: ${as}`, 'generic', as);
  h.l('postgresql:', '  auth:', '    username: loyalty');
  h.l('    existingSecret: ""');

  const r = repo.file('deploy/k8s/ota-gateway/registry-pull.yaml', 'k8s');
  const harborPw = g.gen(24);
  const cfg = g.enc(
    JSON.stringify({
      auths: {
        'harbor.harbourlight.internal': {
          username: 'robot$ota-gateway',
          password: harborPw,
          auth: g.enc(`robot$ota-gateway:${harborPw}`),
        },
      },
    }),
  );
  r.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: harbor-pull',
    'type: kubernetes.io/dockerconfigjson',
    'data:',
  );
  r.s(`  .dockerconfigjson: ${cfg}`, 'generic', harborPw);

  const dd = repo.file('deploy/k8s/monitoring/datadog-values.yaml', 'k8s');
  const ddApi = t.ddApi();
  const _ddApp = t.ddApp();
  dd.l('datadog:', '  site: datadoghq.eu', '  clusterName: hlh-prod-euw1');
  dd.s(`  apiKey: ${ddApi}`, 'datadog', ddApi);
  dd.l('  apiKeyExistingSecret: ""');

  const au = repo.file('deploy/k8s/kube-system/aws-auth.yaml', 'k8s');
  au.l(
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: aws-auth',
    '  namespace: kube-system',
    'data:',
    '  mapRoles: |',
  );
  au.l(`    - rolearn: arn:aws:iam::${t.digits(12)}:role/hlh-eks-nodes`);
  au.l('      username: system:node:{{EC2PrivateDNSName}}');

  const kc = repo.file('ops/home/.kube/config', 'k8s');
  kc.l('apiVersion: v1', 'kind: Config', 'clusters:', '  - name: hlh-prod', '    cluster:');
  kc.l(`      server: https://${t.pick(HEXUP, 32)}.gr7.eu-west-1.eks.amazonaws.com`);
  kc.d(`      certificate-authority-data: ${g.enc(g.certPem().join('\n'))}`, 'cluster ca certificate');
  kc.l(
    'users:',
    '  - name: hlh-prod',
    '    user:',
    '      exec:',
    '        apiVersion: client.authentication.k8s.io/v1beta1',
    '        command: aws',
  );
  kc.l('        args: ["eks", "get-token", "--cluster-name", "hlh-prod-euw1"]');
}

// ---- Terraform (AWS, Snowflake, Datadog) ------------------------------------------------

function terraform(repo, t, g) {
  const p = repo.file('infra/terraform/providers.tf', 'terraform');
  const sf = g.gen(22);
  const ddApi = t.ddApi();
  const _ddApp = t.ddApp();
  p.l('provider "aws" {', '  region  = "eu-west-1"');
  p.l('  profile = "hlh-prod"');
  p.l('}', '', 'provider "snowflake" {', `  account  = "${g.snowAccount()}"`, '  user     = "TERRAFORM"');
  p.s(`  password = "${sf}"`, 'snowflake', sf);
  p.l('  role     = "ACCOUNTADMIN"', '}', '', 'provider "datadog" {');
  p.s(`  api_key = "${ddApi}"`, 'datadog', ddApi);
  p.l('  api_url = "https://api.datadoghq.eu/"', '}');

  const rds = repo.file('infra/terraform/rds.tf', 'terraform');
  const mp = g.gen(24);
  rds.l(
    'resource "aws_db_instance" "booking" {',
    '  identifier     = "hlh-booking-prod"',
    '  engine         = "postgres"',
    '  engine_version = "16.3"',
    '  username       = "booking_admin"',
  );
  rds.s(`  password       = "${mp}"`, 'generic', mp);
  rds.l('}', '', 'resource "aws_db_instance" "loyalty" {', '  identifier = "hlh-loyalty-prod"');
  rds.l('  password   = random_password.loyalty.result');
  rds.l('}');

  const sm = repo.file('infra/terraform/secrets.tf', 'terraform');
  const ad = g.adyenKey();
  sm.l(
    'resource "aws_secretsmanager_secret" "adyen" {',
    '  name = "prod/payments/adyen"',
    '}',
    '',
    'resource "aws_secretsmanager_secret_version" "adyen" {',
    '  secret_id     = aws_secretsmanager_secret.adyen.id',
    '  secret_string = jsonencode({',
  );
  sm.s(`    api_key = "${ad}"`, 'adyen', ad);
  sm.l('    hmac_key = var.adyen_hmac_key');
  sm.l('  })', '}');

  const ec = repo.file('infra/terraform/eks-nodes.tf', 'terraform');
  const ddk = t.ddApi();
  const ud = [
    '#!/bin/bash',
    '/etc/eks/bootstrap.sh hlh-prod-euw1',
    `DD_API_KEY=${ddk} DD_SITE=datadoghq.eu bash -c "$(curl -L https://install.datadoghq.com/scripts/install_script_agent7.sh)"`,
    '',
  ].join('\n');
  ec.l(
    'resource "aws_launch_template" "nodes" {',
    '  name_prefix   = "hlh-eks-nodes-"',
    '  instance_type = "m6i.xlarge"',
  );
  ec.s(`  user_data     = "${g.enc(ud)}"`, 'datadog', ddk);
  ec.l('}');

  const tv = repo.file('infra/terraform/envs/prod.tfvars', 'terraform');
  const cf = t.cloudflare();
  const s4 = g.shift4();
  tv.l('environment = "prod"');
  tv.s(`cloudflare_api_token = "${cf}"`, 'cloudflare', cf);
  tv.s(`shift4_access_token  = "${s4}"`, 'shift4', s4);
  tv.d('opsgenie_api_key     = "<set-in-terraform-cloud>"', 'placeholder');
  tv.l(`kms_key_arn          = "arn:aws:kms:eu-west-1:${t.digits(12)}:key/${t.uuid()}"`);

  const st = repo.file('infra/terraform/terraform.tfstate', 'terraform');
  const kid = t.awsId();
  const ksec = t.awsSecret();
  const _spw = g.gen(24);
  st.l('{', '  "version": 4,', '  "terraform_version": "1.8.5",', '  "serial": 311,');
  st.l(`  "lineage": "${t.uuid()}",`);
  st.l(
    '  "resources": [',
    '    {',
    '      "mode": "managed",',
    '      "type": "aws_iam_access_key",',
    '      "name": "ci_deployer",',
    '      "instances": [',
    '        {',
    '          "attributes": {',
  );
  st.s(`            "id": "${kid}",`, 'aws', kid);
  st.s(`            "secret": "${ksec}",`, 'aws', ksec);
  st.l('            "ses_smtp_password_v4": null,');
  st.l(
    '            "user": "ci-deployer"',
    '          }',
    '        }',
    '      ]',
    '    },',
    '    {',
    '      "mode": "managed",',
    '      "type": "aws_db_instance",',
    '      "name": "loyalty",',
    '      "instances": [',
    '        {',
    '          "attributes": {',
  );
  st.l('            "username": "loyalty_admin"', '          }', '        }', '      ]', '    }', '  ]', '}');

  const lk = repo.file('infra/terraform/.terraform.lock.hcl', 'decoys');
  lk.l('provider "registry.terraform.io/hashicorp/aws" {', '  version = "5.62.0"', '  hashes = [');
  lk.l(`    "h1:${g.enc(Buffer.from(t.pick(HEX, 64), 'hex'))}",`);
  lk.l(`    "zh:${t.sha256()}",`);
  lk.l('  ]', '}');
}

// ---- Docker -------------------------------------------------------------------------------

function docker(repo, t, g) {
  const c = repo.file('docker-compose.yml', 'docker');
  const pg = g.gen(20);
  const sa = g.gen(20);
  const _rb = g.plain(18);
  const _rd = g.plain(20);
  c.l('services:', '  postgres:', '    image: postgres:16', '    environment:', '      POSTGRES_USER: booking');
  c.s(`      POSTGRES_PASSWORD: "${pg}"`, 'generic', pg);
  c.l(
    '  visionline-sql:',
    '    image: mcr.microsoft.com/mssql/server:2019-latest',
    '    environment:',
    '      ACCEPT_EULA: "Y"',
  );
  c.s(`      MSSQL_SA_PASSWORD: "${sa}"`, 'generic', sa);
  c.l('  rabbitmq:', '    image: rabbitmq:3-management', '    environment:', '      RABBITMQ_DEFAULT_USER: loyalty');
  c.l('  redis:', '    image: redis:7');
  c.l('  guest-messaging:', '    build: ./services/guest-messaging', '    environment:');
  c.d('      - TWILIO_AUTH_TOKEN=${TWILIO_AUTH_TOKEN}', 'env interpolation');
  c.d('      - SENDGRID_API_KEY=${SENDGRID_API_KEY:?set SENDGRID_API_KEY}', 'env interpolation');

  const bd = repo.file('services/booking-engine/Dockerfile', 'docker');
  const gh = t.github();
  bd.d(`FROM eclipse-temurin:21-jre@sha256:${t.sha256()}`, 'image digest');
  bd.s(`ARG GITHUB_PACKAGES_TOKEN=${gh}`, 'github', gh);
  bd.l('RUN --mount=type=secret,id=maven,target=/root/.m2/settings.xml ./mvnw -B -q package -DskipTests');
  bd.l('ENV JAVA_OPTS="-Djavax.net.ssl.trustStorePassword=changeit"');
  bd.l('ENTRYPOINT ["java", "-jar", "/app/booking-engine.jar"]');

  const md = repo.file('services/guest-messaging/Dockerfile', 'docker');
  const npm = t.npm();
  md.l('FROM node:20-alpine', 'WORKDIR /app', 'COPY package*.json ./');
  md.s(`RUN echo "//registry.npmjs.org/:_authToken=${npm}" > .npmrc && npm ci --omit=dev && rm .npmrc`, 'npm', npm);
  md.l('COPY . .', 'CMD ["node", "src/server.js"]');

  const dc = repo.file('ops/home/.docker/config.json', 'docker');
  const hpw = g.gen(24);
  dc.l('{', '  "auths": {', '    "harbor.harbourlight.internal": {');
  dc.s(`      "auth": "${g.enc(`svc-build:${hpw}`)}"`, 'generic', hpw);
  dc.l('    }', '  },');
  dc.l('  "credHelpers": { "' + t.digits(12) + '.dkr.ecr.eu-west-1.amazonaws.com": "ecr-login" }');
  dc.l('}');

  const n = repo.file('.npmrc', 'credstore');
  const ght = t.github();
  n.l('@harbourlight:registry=https://npm.pkg.github.com/');
  n.s(`//npm.pkg.github.com/:_authToken=${ght}`, 'github', ght);
  n.l('//registry.npmjs.org/:_authToken=${NPM_TOKEN}');
}

// ---- CI: GitHub Actions and Jenkins -------------------------------------------------------

function ci(repo, t, g) {
  const b = repo.file('.github/workflows/booking-engine.yml', 'ci');
  const sonar = g.sonar();
  const ak = t.awsId();
  const as = t.awsSecret();
  b.l(
    'name: booking-engine',
    'on:',
    '  push:',
    '    branches: [main]',
    "    paths: ['services/booking-engine/**']",
    'env:',
  );
  b.d('  OHIP_CLIENT_SECRET: ${{ secrets.OHIP_CLIENT_SECRET }}', 'actions secret reference');
  b.s(`  SONAR_TOKEN: ${sonar}`, 'sonarqube', sonar);
  b.l('jobs:', '  build:', '    runs-on: ubuntu-latest', '    steps:');
  b.d(`      - uses: actions/checkout@${t.sha1()} # v4`, 'pinned action sha');
  b.l(
    '      - run: ./mvnw -B verify sonar:sonar',
    '        working-directory: services/booking-engine',
    '      - name: push image',
    '        env:',
  );
  b.s(`          AWS_ACCESS_KEY_ID: ${ak}`, 'aws', ak);
  b.s(`          AWS_SECRET_ACCESS_KEY: ${as}`, 'aws', as);
  b.l('          GITHUB_TOKEN: ${{ github.token }}');
  b.l('        run: ./scripts/push-ecr.sh booking-engine');

  const i = repo.file('.github/workflows/guest-ios.yml', 'ci');
  const match = g.human();
  const hook = g.teamsWebhook();
  i.l('name: guest-ios', 'on: [workflow_dispatch]', 'jobs:', '  beta:', '    runs-on: macos-14', '    steps:');
  i.l('      - uses: actions/checkout@v4', '      - run: bundle exec fastlane beta', '        env:');
  i.s(`          MATCH_PASSWORD: "${match}"`, 'generic', match);
  i.d('          APP_STORE_CONNECT_API_KEY_CONTENT: ${{ secrets.ASC_KEY_P8 }}', 'actions secret reference');
  i.l('      - name: notify Teams', '        run: |');
  i.s(
    `          curl -H 'Content-Type: application/json' -d '{"text":"Guest app beta uploaded"}' ${hook}`,
    'teams',
    hook,
  );

  const j = repo.file('Jenkinsfile', 'ci');
  const sp = g.plain(16);
  const slack = t.slackWebhook();
  const jpw = g.gen(18);
  j.l('pipeline {', '  agent { label "property-deploy" }', '  environment {');
  j.d("    WINRM = credentials('property-winrm')", 'jenkins credentials binding');
  j.s(`    VISIONLINE_API_PASSWORD = "${jpw}"`, 'generic', jpw);
  j.l('  }', '  stages {', "    stage('deploy lock bridge') {", '      steps {');
  j.s(
    `        sh "sshpass -p '${sp}' scp build/VisionlineBridge.zip deploy@visionline.lon.harbourlight.local:/opt/bridge/"`,
    'generic',
    sp,
  );
  j.d(
    "        withCredentials([usernamePassword(credentialsId: 'salto-ship', usernameVariable: 'U', passwordVariable: 'P')]) {",
    'credentials binding',
  );
  j.l('          sh \'./deploy-salto.sh "$U" "$P"\'');
  j.l('        }', '      }', '    }', '  }', '  post {', '    failure {');
  j.s(`      sh "curl -X POST -d '{\\"text\\":\\"property deploy failed\\"}' ${slack}"`, 'slack', slack);
  j.l('    }', '  }', '}');

  const cc = repo.file('ops/jenkins/casc/jenkins.yaml', 'ci');
  const cpw = g.gen(20);
  cc.l('jenkins:', '  securityRealm:', '    local:', '      users:', '        - id: admin');
  cc.l('          password: "${JENKINS_ADMIN_PASSWORD}"');
  cc.l(
    'credentials:',
    '  system:',
    '    domainCredentials:',
    '      - credentials:',
    '          - string:',
    '              id: ohip-secret',
  );
  cc.d(`              secret: "{AQAAABAAAAAQ${g.b64(64)}=}"`, 'jenkins-encrypted secret');
  cc.l(
    '          - usernamePassword:',
    '              id: simphony-sts',
    '              username: hlh-pos-integration',
  );
  cc.s(`              password: "${cpw}"`, 'generic', cpw);
}

// ---- Ansible for property servers and lock servers ---------------------------------------

function ansible(repo, t, g) {
  const h = repo.file('ansible/inventories/properties/hosts.ini', 'ansible');
  const winrm = g.gen(20);
  const become = g.human();
  h.l(
    '[property_pcs]',
    'fo-lon-[01:12].lon.harbourlight.local',
    'fo-lis-[01:08].lis.harbourlight.local',
    '',
    '[property_pcs:vars]',
    'ansible_connection=winrm',
    'ansible_winrm_transport=ntlm',
    'ansible_user=HLH\\svc_ansible',
  );
  h.s(`ansible_password=${winrm}`, 'generic', winrm);
  h.l(
    '',
    '[lock_servers]',
    'visionline.lon.harbourlight.local',
    'salto-srv01.por.harbourlight.local',
    '',
    '[lock_servers:vars]',
    'ansible_user=hlhadmin',
  );
  h.s(`ansible_become_pass=${become}`, 'generic', become);

  const gv = repo.file('ansible/group_vars/lock_servers.yml', 'ansible');
  const vl = g.gen(18);
  gv.l('visionline_version: "1.27.4"', 'visionline_admin_user: sym_admin');
  gv.s(`visionline_admin_password: "${vl}"`, 'generic', vl);
  gv.d('salto_db_password: "{{ vault_salto_db_password }}"', 'jinja reference');

  const vy = repo.file('ansible/group_vars/all/vault.yml', 'ansible');
  vy.l('vault_salto_db_password: !vault |');
  vy.d(
    g.vaultBlob().map((l) => `  ${l}`),
    'ansible vault ciphertext',
  );

  const vp = repo.file('ansible/.vault_pass', 'ansible');
  const vpw = g.gen(28);
  vp.s(vpw, 'generic', vpw);

  const tpl = repo.file('ansible/roles/opera-ifc/templates/ifc8.ini.j2', 'ansible');
  tpl.l('[IFC8]', 'Host={{ ifc8_host }}', 'User=IFC8');
  tpl.l('Password={{ ifc8_password }}');

  const tk = repo.file('ansible/roles/pos-terminal/tasks/main.yml', 'ansible');
  const kiosk = g.human();
  tk.l(
    '- name: Create the Simphony workstation service account',
    '  ansible.windows.win_user:',
    '    name: svc_simphony',
  );
  tk.s(`    password: "${kiosk}"`, 'generic', kiosk);
  tk.l('    password_never_expires: true', '    groups: [Users]', '  no_log: true');
  tk.l('- name: Configure kiosk autologon', '  community.windows.win_auto_logon:', '    username: kiosk');
  tk.d('    password: "{{ kiosk_autologon_password }}"', 'jinja reference');
}

// ---- PowerShell and batch for the property PCs -----------------------------------------

function windows(repo, t, g) {
  const a = repo.file('scripts/property-pc/Set-FrontDeskAutologon.ps1', 'windows');
  const al = g.human();
  a.l(
    '# Front-desk PCs log on as the shared FO account so OPERA and the encoder app start unattended.',
    '$wl = "HKLM:\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon"',
    'Set-ItemProperty -Path $wl -Name AutoAdminLogon -Value "1"',
    'Set-ItemProperty -Path $wl -Name DefaultUserName -Value "HLH\\fo-shared"',
  );
  a.s(`Set-ItemProperty -Path $wl -Name DefaultPassword -Value "${al}"`, 'generic', al);

  const j = repo.file('scripts/property-pc/Join-PropertyDomain.ps1', 'windows');
  const jp = g.gen(22);
  j.s(
    `$joinCred = [pscredential]::new('HLH\\svc_domainjoin', (ConvertTo-SecureString -String '${jp}' -AsPlainText -Force))`,
    'generic',
    jp,
  );
  j.l(
    'Add-Computer -DomainName harbourlight.local -Credential $joinCred -OUPath "OU=FrontDesk,OU=LON,DC=harbourlight,DC=local" -Restart',
  );
  j.d('$local = Read-Host -Prompt "Local admin password" -AsSecureString', 'prompt');

  const s = repo.file('scripts/property-pc/Install-SimphonyWorkstation.ps1', 'windows');
  const dbp = g.plain(16);
  s.l('param([string]$Property = "LON")', "$ErrorActionPreference = 'Stop'");
  s.s(
    `Start-Process msiexec.exe -Wait -ArgumentList "/i SimphonyCAPS.msi /qn DBSERVER=caps-$Property.harbourlight.local DBUSER=caps DBPASSWORD=${dbp}"`,
    'generic',
    dbp,
  );
  s.l('$ohip = Get-Secret -Name ohip-client-secret -AsPlainText');

  const o = repo.file('scripts/property-pc/Get-OperaArrivals.ps1', 'windows');
  const osec = g.ohipSecret();
  o.l('$gw = "https://hlh-euw.hospitality-api.eu-frankfurt-1.ocs.oraclecloud.com"');
  o.s(
    `$basic = [Convert]::ToBase64String([Text.Encoding]::ASCII.GetBytes("HARBOURLIGHT_Client:${osec}"))`,
    'ohip',
    osec,
  );
  o.l('$headers = @{ Authorization = "Basic $basic"; "x-app-key" = $env:OHIP_APP_KEY; enterpriseId = "HLHCORP" }');
  o.l(
    'Invoke-RestMethod -Method Post -Uri "$gw/oauth/v1/tokens" -Headers $headers -Body @{ grant_type = "client_credentials" }',
  );

  const m = repo.file('scripts/property-pc/map-drives.bat', 'windows');
  const np = g.plain(14);
  m.l('@echo off', 'REM Front office shares: registration cards and the encoder exports');
  m.s(
    `net use R: \\\\fs01.lon.harbourlight.local\\RegCards /user:HLH\\svc_frontoffice ${np} /persistent:yes`,
    'generic',
    np,
  );
  m.l('net use K: \\\\visionline.lon.harbourlight.local\\Exports /user:HLH\\svc_frontoffice %FO_PW% /persistent:yes');

  const x = repo.file('scripts/property-pc/opera-night-audit-export.bat', 'windows');
  const xp = g.plain(14);
  const _ck = g.plain(16);
  x.l('@echo off', 'setlocal', 'set ORACLE_SID=OPERA');
  x.s(`sqlplus -s OPERA_RPT/${xp}@OPERA @C:\\scripts\\night_audit_export.sql`, 'generic', xp);
  x.d('set /p ADMIN_PW=Enter admin password: ', 'prompt');
}

// ---- Logs -------------------------------------------------------------------------------

function logs(repo, t, g) {
  const b = repo.file('logs/booking-engine/booking-2026-03-18.log', 'logs');
  const jwt = g.ohipJwt('HARBOURLIGHT_Client');
  const ad = g.adyenKey();
  const p = (ts, lvl, th, lg) => `2026-03-18 ${ts} ${lvl.padStart(5)} 1 --- [${th}] ${lg} :`;
  b.l(
    `${p('06:00:01.120', 'INFO', 'main', 'c.h.booking.BookingApplication')} Started BookingApplication in 11.204 seconds`,
  );
  b.d(
    `${p('06:00:01.480', 'DEBUG', 'main', 'com.zaxxer.hikari.HikariConfig')} password........................<masked>`,
    'masked',
  );
  b.s(
    `${p('06:00:04.902', 'DEBUG', 'ohip-1', 'c.h.booking.ohip.OhipTokenClient')} POST /oauth/v1/tokens -> 200 {"access_token":"${jwt}","token_type":"Bearer","expires_in":3600}`,
    'generic',
    jwt,
  );
  b.l(
    `${p('06:00:05.017', 'INFO', 'ohip-1', 'c.h.booking.ohip.ReservationSync')} reservation ${t.digits(9)} synced for HLHLON (request ${t.uuid()})`,
  );
  b.s(
    `${p('07:12:40.331', 'DEBUG', 'nio-8443-exec-7', 'c.h.booking.payments.AdyenGateway')} request headers: {x-api-key=${ad}, content-type=application/json}`,
    'adyen',
    ad,
  );
  b.l(
    `${p('07:12:40.910', 'INFO', 'nio-8443-exec-7', 'c.h.booking.payments.AdyenGateway')} pspReference=${t.mixed(UPPER + DIGIT, 16)} resultCode=Authorised`,
  );

  const gm = repo.file('logs/guest-messaging/app-2026-03-18.jsonl', 'logs');
  const ks = g.twilioKeySid();
  const kk = g.twilioKeySecret();
  const wa = g.metaToken();
  gm.s(
    `{"level":"debug","time":"2026-03-18T08:01:12.004Z","msg":"twilio request","headers":{"Authorization":"Basic ${g.enc(`${ks}:${kk}`)}","User-Agent":"twilio-node/5.2.0"}}`,
    'twilio',
    kk,
  );
  gm.s(
    `{"level":"error","time":"2026-03-18T08:03:40.551Z","msg":"GET https://graph.facebook.com/v20.0/me?access_token=${wa} failed: 190 OAuthException"}`,
    'meta',
    wa,
  );
  gm.d('{"level":"info","time":"2026-03-18T08:03:41.000Z","msg":"sendgrid ok","apiKey":"SG.[REDACTED]"}', 'redacted');
  gm.l(`{"level":"info","time":"2026-03-18T08:04:02.113Z","msg":"inbound whatsapp","wamid":"wamid.${g.b64(40)}"}`);

  const r = repo.file('logs/freeradius/radius.log', 'logs');
  const rp = g.human();
  r.l('Wed Mar 18 06:30:01 2026 : Info: Ready to process requests');
  r.s(
    `Wed Mar 18 06:31:44 2026 : Auth: (1187) Login OK: [pos.terminals/${rp}] (from client aruba-lon port 0 cli 3C-A0-67-11-2B-90)`,
    'generic',
    rp,
  );
  r.l(
    'Wed Mar 18 06:33:02 2026 : Auth: (1190) Login incorrect (pap: Cleartext-Password does not match "known good" password): [hk.tablets/<via Auth-Type = PAP>] (from client aruba-lon port 0)',
  );

  const o = repo.file('logs/ota-gateway/gateway-2026-03-18.log', 'logs');
  const bpw = g.gen(18);
  o.s(
    `2026-03-18T09:00:00Z DEBUG booking: GET https://supply-xml.booking.com/hotels/xml/reservations Authorization: Basic ${g.enc(`harbourlight-connect:${bpw}`)}`,
    'generic',
    bpw,
  );
  o.d(
    `2026-03-18T09:00:02Z DEBUG expedia: Authorization: EAN APIKey=<redacted>,Signature=${t.pick(HEX, 128)},timestamp=1773824402`,
    'request signature (derived, time-bound hash)',
  );
  o.l(`2026-03-18T09:00:03Z INFO  expedia: itinerary ${t.digits(13)} confirmed`);
}

// ---- ServiceNow and Zendesk exports ------------------------------------------------------

function tickets(repo, t, g) {
  const sn = repo.file('exports/servicenow/incident-2026-03.xml', 'tickets');
  const vl = g.human();
  const salto = g.gen(16);
  sn.l(
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<unload unload_date="2026-03-31 23:00:00">',
    '<incident action="INSERT_OR_UPDATE">',
  );
  sn.l(
    '<number>INC0041877</number>',
    '<short_description>LON encoder not cutting keys after Visionline upgrade</short_description>',
  );
  sn.s(
    `<work_notes>Vendor on remote session. Logged into Visionline as sym_admin / ${vl} and re-registered encoder ENC-LOBBY-01.</work_notes>`,
    'generic',
    vl,
  );
  sn.l('</incident>', '<incident action="INSERT_OR_UPDATE">', '<number>INC0041902</number>');
  sn.s(
    `<comments>Salto support needs TeamViewer access to salto-srv01: user hlh-vendor, password ${salto} (disable after 48h)</comments>`,
    'generic',
    salto,
  );
  sn.l('<close_notes>Password reset via self-service; user confirmed login works.</close_notes>');
  sn.l(`<sys_id>${t.hex(32)}</sys_id>`);
  sn.l('</incident>', '</unload>');

  const rq = repo.file('exports/servicenow/sc_req_item-2026-03.csv', 'tickets');
  const tmp = g.human();
  rq.l('number,opened_at,requested_for,short_description,comments');
  rq.s(
    `RITM0019230,2026-03-02 09:14:00,Ana Costa,"New starter - Front Office LIS","AD account created, temporary password ${tmp} (must change at first logon)"`,
    'generic',
    tmp,
  );
  rq.l(
    'RITM0019241,2026-03-04 11:02:10,Tom Hughes,"OPERA access","Password sent via the secure-share link, not in this ticket"',
  );

  const zd = repo.file('exports/zendesk/tickets-2026-03.jsonl', 'tickets');
  const cb = g.cloudbedsKey();
  const mw = g.mewsToken();
  zd.s(
    `{"id":88120,"subject":"Franchise property cannot connect Cloudbeds","description":"Our Cloudbeds API key is ${cb}, the rates are not flowing to Harbourlight central.","status":"open"}`,
    'cloudbeds',
    cb,
  );
  zd.s(
    `{"id":88131,"subject":"Mews connection for HLH-OPO","description":"Access token from the Mews marketplace: ${mw}. Please enable the integration.","status":"solved"}`,
    'mews',
    mw,
  );
  zd.l(
    `{"id":88140,"subject":"Booking question","description":"My confirmation number is ${t.digits(10)}, can I add breakfast?","status":"solved"}`,
  );
}

// ---- Teams chat export --------------------------------------------------------------------

function chat(repo, t, g) {
  const c = repo.file('exports/teams/it-ops/messages.json', 'chat');
  const sf = g.gen(20);
  const ak = t.awsId();
  const as = t.awsSecret();
  const mw = g.mewsToken();
  const msg = (id, who, html) =>
    `    { "id": "${id}", "createdDateTime": "2026-03-1${id.slice(-1)}T10:0${id.slice(-1)}:00Z", "from": { "user": { "displayName": "${who}" } }, "body": { "contentType": "html", "content": ${JSON.stringify(html)} } },`;
  c.l('{', '  "channel": "IT Ops",', '  "messages": [');
  c.s(
    msg('1710000001', 'Rui Almeida', `<p>Snowflake RMS_SVC password after the rotation: <code>${sf}</code></p>`),
    'snowflake',
    sf,
  );
  c.l(msg('1710000002', 'Priya Nair', '<p>Please stop pasting passwords here, put them in 1Password.</p>'));
  c.s(msg('1710000003', 'Rui Almeida', `<p>ok, last one - CI deploy key id <code>${ak}</code></p>`), 'aws', ak);
  c.s(msg('1710000004', 'Rui Almeida', `<p>secret <code>${as}</code></p>`), 'aws', as);
  c.s(msg('1710000005', 'Marta Silva', `<p>Mews token for Porto (new connection): ${mw}</p>`), 'mews', mw);
  c.l(
    msg(
      '1710000006',
      'Priya Nair',
      `<p>Change ticket is CHG00${t.digits(5)}, reservation ${t.digits(9)} for testing.</p>`,
    ),
  );
  c.l('    { "id": "1710000007", "body": { "content": "<p>thanks</p>" } }', '  ]', '}');

  const p = repo.file('exports/teams/property-lon/messages.json', 'chat');
  const fo = g.human();
  p.l('{', '  "channel": "LON Front Office",', '  "messages": [');
  p.s(
    msg('1710000008', 'James Okoro', `<p>New password for the shared FO login is ${fo} from today</p>`),
    'generic',
    fo,
  );
  p.l(msg('1710000009', 'Lucy Brennan', '<p>Wi-Fi voucher printer is fixed, vouchers start HLH-</p>'));
  p.l('    { "id": "1710000010", "body": { "content": "<p>&#128077;</p>" } }', '  ]', '}');
}

// ---- Confluence export and docs -----------------------------------------------------------

function docs(repo, t, g) {
  const c = repo.file('exports/confluence/IT/OPERA-Cloud-OHIP-Integration.html', 'docs');
  const sec = g.ohipSecret();
  const pw = g.gen(18);
  c.l(
    '<h1>OPERA Cloud (OHIP) integration</h1>',
    '<p>Token request used by the booking engine and the PMS sync:</p>',
    '<ac:structured-macro ac:name="code"><ac:parameter ac:name="language">bash</ac:parameter><ac:plain-text-body><![CDATA[',
  );
  c.s(`curl -u 'HARBOURLIGHT_Client:${sec}' \\`, 'ohip', sec);
  c.l('  -H "x-app-key: $OHIP_APP_KEY" -H "enterpriseId: HLHCORP" \\');
  c.s(`  -d 'grant_type=password&username=HLH_BOOKING_INT&password=${pw}' \\`, 'generic', pw);
  c.l(
    '  https://hlh-euw.hospitality-api.eu-frankfurt-1.ocs.oraclecloud.com/oauth/v1/tokens',
    ']]></ac:plain-text-body></ac:structured-macro>',
  );
  c.d('<p>For UAT use <code>&lt;uat-client-secret&gt;</code> from the Oracle partner portal.</p>', 'placeholder');

  const k = repo.file('exports/confluence/IT/Keycard-Systems.html', 'docs');
  const vl = g.gen(16);
  const _sp = g.human();
  k.l(
    '<h1>Keycard systems by property</h1>',
    '<table><tbody>',
    '<tr><th>Property</th><th>System</th><th>Server</th><th>Admin login</th></tr>',
  );
  k.s(
    `<tr><td>LON</td><td>VingCard Visionline</td><td>visionline.lon</td><td>sym_admin / ${vl}</td></tr>`,
    'generic',
    vl,
  );
  k.l('<tr><td>BCN</td><td>Salto KS</td><td>cloud</td><td>SSO (Azure AD)</td></tr>');
  k.l('</tbody></table>');

  const r = repo.file('README.md', 'docs');
  r.l(
    '# Harbourlight Hotels platform',
    '',
    'Booking engine, PMS and channel integrations, guest messaging, loyalty and property tooling.',
    '',
    '## Local setup',
    '',
    '```sh',
  );
  r.d('export OHIP_CLIENT_SECRET=<ohip-client-secret>', 'placeholder');
  r.l('export MEWS_ACCESS_TOKEN=${MEWS_ACCESS_TOKEN:?ask #it-integrations}');
  r.l('docker compose up -d postgres rabbitmq redis');
  r.l('```');

  const m = repo.file('docs/runbooks/mews-onboarding.md', 'docs');
  const tok = g.mewsToken();
  m.l(
    '# Onboarding a Mews property',
    '',
    '1. The property admin approves the Harbourlight integration in Mews Marketplace.',
  );
  m.d(
    '2. Add the token to Secrets Manager as `prod/pms-sync/mews/<property-code>` (value: `<AccessToken>`).',
    'placeholder',
  );
  m.s(`3. Barcelona was added by hand while Secrets Manager was down: \`${tok}\` (move it!).`, 'mews', tok);

  const w = repo.file('docs/runbooks/guest-wifi.md', 'docs');
  const psk = g.human();
  w.l('# Guest and staff Wi-Fi', '');
  w.l('Guests authenticate with room number and surname; the portal checks OPERA over FIAS.');
  w.s(`Staff SSID HLH-Staff PSK (all properties, rotated each quarter): \`${psk}\``, 'generic', psk);
  w.l('The RADIUS shared secrets are in 1Password under "RADIUS - <property>".');

  const pay = repo.file('docs/payments/adyen.md', 'docs');
  pay.l('# Adyen', '');
  pay.d(
    'Test cards: `4111 1111 1111 1111` (Visa), `5555 5555 5555 4444` (Mastercard), CVC `737`.',
    'public test cards',
  );
  pay.d('`ADYEN_API_KEY=AQE...` goes in Secrets Manager, never in `.env`.', 'placeholder');
}

// ---- Noise: lockfiles, hashes, ids ---------------------------------------------------------

function noise(repo, t, g) {
  const lock = repo.file('services/guest-messaging/package-lock.json', 'decoys');
  lock.l('{', '  "name": "guest-messaging",', '  "lockfileVersion": 3,', '  "packages": {');
  for (const name of ['twilio', '@sendgrid/mail', 'express']) {
    lock.l(
      `    "node_modules/${name}": {`,
      '      "version": "5.2.0",',
      `      "resolved": "https://registry.npmjs.org/${name}/-/${name.split('/').pop()}-5.2.0.tgz",`,
    );
    lock.d(`      "integrity": "sha512-${Buffer.from(t.pick(HEX, 128), 'hex').toString('base64')}"`, 'integrity hash');
    lock.l('    },');
  }
  lock.l('    "": {}', '  }', '}');

  const cl = repo.file('apps/loyalty/composer.lock', 'decoys');
  cl.l(
    '{',
    '    "content-hash": "' + t.hex(32) + '",',
    '    "packages": [',
    '        {',
    '            "name": "symfony/http-client",',
    '            "source": {',
  );
  cl.l(`                "reference": "${t.sha1()}"`);
  cl.l('            }', '        }', '    ]', '}');

  const pod = repo.file('apps/guest-ios/Podfile.lock', 'decoys');
  pod.l('SPEC CHECKSUMS:');
  pod.l(`  Adyen: ${t.sha1()}`);
  pod.l(`  MapboxMaps: ${t.sha1()}`);
  pod.l('', `PODFILE CHECKSUM: ${t.sha1()}`, '', 'COCOAPODS: 1.15.2');

  const sum = repo.file('services/ota-gateway/go.sum', 'decoys');
  for (const mod of ['github.com/aws/aws-sdk-go-v2 v1.30.3', 'golang.org/x/crypto v0.25.0']) {
    sum.l(`${mod} h1:${Buffer.from(t.pick(HEX, 64), 'hex').toString('base64')}`);
  }

  const sql = repo.file('apps/loyalty/migrations/Version20260301120000.sql', 'sql');
  const rpw = g.gen(20);
  sql.d(
    `INSERT INTO backoffice_user (email, password) VALUES ('ops@harbourlighthotels.com', '${g.bcrypt()}');`,
    'bcrypt hash',
  );
  sql.s(`CREATE USER loyalty_reporting WITH PASSWORD '${rpw}';`, 'generic', rpw);
  sql.l("ALTER USER loyalty_app WITH PASSWORD :'app_password';");

  const k = repo.file('services/booking-engine/src/main/java/com/harbourlight/booking/Constants.java', 'decoys');
  k.l('package com.harbourlight.booking;', '', 'public final class Constants {');
  k.l(`    public static final String LISBON_HOTEL_ID = "${t.uuid()}";`);
  k.l('    public static final String OHIP_SECRET_ENV = "OHIP_CLIENT_SECRET";');
  k.l(`    public static final String RATE_PLAN_HASH = "${t.sha256()}";`);
  k.l('    public static final String PASSWORD_RESET_PATH = "/account/password/reset";');
  k.l('}');
}
