// Regional airline operations and maintenance (MRO) monorepo (Skylark Air): a Java/Spring
// crew-scheduling service, a C#/.NET MRO work-order system with AMOS and TRAX integrations,
// Python flight-ops analytics and notebooks (weather APIs, ADS-B feeds, FlightAware AeroAPI,
// OAG schedules), a Go ACARS/datalink gateway, a Kotlin EFB Android app, SITA Type-B
// messaging configs, Amadeus / Navitaire / Sabre reservation connectors, Oracle PL/SQL for the
// loyalty programme, SAP for parts, OpenShift manifests, Terraform (AWS), Docker, Jenkins and
// GitHub Actions, Ansible, PowerShell and batch for the hangar PCs, syslog and app logs,
// ServiceNow incident exports, Teams chat exports, Confluence page exports and docs.
import { ALNUM, B64, DIGIT, HEX, LOWER, UPPER, URLSAFE, Repo, makeTokens, mulberry32 } from './generate.mjs';

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 6271 + 887);
  const t = makeTokens(rand);
  const repo = new Repo();
  const g = gens(t);
  crewScheduling(repo, t, g);
  reservations(repo, t, g);
  mroWorkOrders(repo, t, g);
  flightOps(repo, t, g);
  acarsGateway(repo, t, g);
  efbApp(repo, t, g);
  sitaTypeB(repo, t, g);
  loyaltyPlsql(repo, t, g);
  sapParts(repo, t, g);
  openshift(repo, t, g);
  terraform(repo, t, g);
  docker(repo, t, g);
  ci(repo, t, g);
  ansible(repo, t, g);
  hangarWindows(repo, t, g);
  logs(repo, t, g);
  servicenow(repo, t, g);
  teams(repo, t, g);
  confluence(repo, t, g);
  docs(repo, t, g);
  noise(repo, t, g);
  return repo;
}

function gens(t) {
  const b64 = (n) => t.mixed(B64, n);
  const enc = (s) => Buffer.from(s).toString('base64');
  const b64url = (s) => Buffer.from(s).toString('base64url');
  const WORDS = [
    'Runway',
    'Hangar',
    'Aileron',
    'Rudder',
    'Contrail',
    'Jetway',
    'Tailwind',
    'Skylark',
    'Cockpit',
    'Airfoil',
  ];
  const word = () => WORDS[Number(t.pick(DIGIT, 1))];
  // What shared ops / hangar accounts end up with.
  const human = () => {
    const sym = t.pick('!#@*.', 1);
    switch (t.pick('0123', 1)) {
      case '0':
        return `${word()}20${t.pick('12', 1)}${t.pick(DIGIT, 1)}${sym}`;
      case '1':
        return `${word()}${sym}${t.pick(DIGIT, 2)}${word().toLowerCase()}`;
      case '2':
        return `Sky${word()}${t.pick(DIGIT, 3)}${sym}`;
      default:
        return `${word().toLowerCase()}-${word()}-${t.pick(DIGIT, 4)}`;
    }
  };
  // Password-manager output that is safe in XML, connection strings and quoted YAML.
  const gen = (n = 20) => `${t.pick(UPPER + LOWER, 1)}${t.mixed(ALNUM + '!#*-_?@^+', n - 1)}`;
  const plain = (n = 18) => t.alnum(n);
  return {
    b64,
    enc,
    b64url,
    human,
    gen,
    plain,
    // FlightAware AeroAPI x-apikey: 32 alphanumerics.
    aeroapi: () => t.alnum(32),
    // OpenWeatherMap appid: 32 hex.
    owm: () => t.hex(32),
    // RapidAPI key (ADS-B Exchange feed): 10 + "msh" + 15 + "p1" + 6 + "jsn" + 12.
    rapid: () => `${t.hex(10)}msh${t.hex(15)}p1${t.hex(6)}jsn${t.hex(12)}`,
    amadeusKey: () => t.alnum(32),
    amadeusSecret: () => t.alnum(16),
    teamsHook: () =>
      `https://skylarkair.webhook.office.com/webhookb2/${t.uuid()}@${t.uuid()}/IncomingWebhook/${t.hex(32)}/${t.uuid()}`,
    jenkins: () => `11${t.hex(32)}`,
    artifactoryRef: () => enc(`reftkn:01:${t.digits(10)}:${t.alnum(27)}`),
    artifactoryKey: () => `AKCp8${t.alnum(68)}`,
    sonar: () => `squ_${t.hex(40)}`,
    newrelic: () => `NRAK-${t.mixed(UPPER + DIGIT, 27)}`,
    dynatrace: () => `dt0c01.${t.mixed(UPPER + DIGIT, 24)}.${t.mixed(UPPER + DIGIT, 64)}`,
    sentryUser: () => `sntryu_${t.hex(64)}`,
    okta: () => `00${t.mixed(URLSAFE, 40)}`,
    mapboxSecret: () => `sk.${b64url(JSON.stringify({ u: 'skylarkair', a: t.lower(25) }))}.${t.mixed(URLSAFE, 22)}`,
    mapboxPublic: () => `pk.${b64url(JSON.stringify({ u: 'skylarkair', a: t.lower(25) }))}.${t.mixed(URLSAFE, 22)}`,
    fcm: () => `AAAA${t.mixed(URLSAFE, 7)}:APA91b${t.mixed(URLSAFE, 134)}`,
    vault: () => `hvs.CAESI${t.mixed(URLSAFE, 86)}`,
    tfc: () => `${t.alnum(14)}.atlasv1.${t.alnum(67)}`,
    ocp: () => `sha256~${t.mixed(URLSAFE, 43)}`,
    dockerPat: () => `dckr_pat_${t.mixed(URLSAFE, 27)}`,
    ghFine: () => `github_pat_11${t.mixed(UPPER + DIGIT, 20)}_${t.mixed(ALNUM, 59)}`,
    adoPat: () => t.mixed('abcdefghijklmnopqrstuvwxyz234567', 52),
    sbKey: () => `${b64(43)}=`,
    sabreToken: () => `T1RLAQ${b64(190)}`,
    icao24: () => t.pick('0123456789ABCDEF', 6),
    sysId: () => t.pick(HEX, 32),
    pubPem: () => [
      '-----BEGIN PUBLIC KEY-----',
      `MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA${b64(20)}`,
      b64(64),
      b64(64),
      b64(64),
      `${b64(56)}IDAQAB`,
      '-----END PUBLIC KEY-----',
    ],
    cert: () => [
      '-----BEGIN CERTIFICATE-----',
      `MIIDqTCCApGgAwIBAgIU${b64(44)}`,
      ...Array.from({ length: 8 }, () => b64(64)),
      `${b64(40)}`,
      '-----END CERTIFICATE-----',
    ],
  };
}

// ---- Java / Spring: crew-scheduling ----------------------------------------------------------

function crewScheduling(repo, t, g) {
  const a = repo.file('services/crew-scheduling/src/main/resources/application.yml', 'java');
  const dbPw = g.gen(22);
  const ksPw = g.plain(16);
  const mqPw = g.human();
  const okta = g.okta();
  const mail = g.human();
  a.l('server:', '  port: 8443', '  ssl:', '    key-store: classpath:crewsched.p12');
  a.s(`    key-store-password: ${ksPw}`, 'generic', ksPw);
  a.l(
    'spring:',
    '  application:',
    '    name: crew-scheduling',
    '  datasource:',
    '    url: jdbc:oracle:thin:@//crewdb-scan.ops.skylarkair.local:1521/CREWPRD',
    '    username: CREWSCHED_APP',
  );
  a.s(`    password: "${dbPw}"`, 'generic', dbPw);
  a.l('  rabbitmq:', '    host: mq01.ops.skylarkair.local', '    port: 5671', '    username: crewsched');
  a.s(`    password: '${mqPw}'`, 'generic', mqPw);
  a.l('  mail:', '    host: smtp.office365.com', '    username: crew-rostering@skylarkair.com');
  a.s(`    password: "${mail}"`, 'generic', mail);
  a.l('okta:', '  oauth2:', '    issuer: https://skylarkair.okta.com/oauth2/default');
  a.d(`    client-id: 0oa${t.alnum(17)}`, 'okta client id (public)');
  a.d('    client-secret: ${OKTA_CLIENT_SECRET}', 'spring placeholder');
  a.l('  admin:');
  a.s(`    api-token: ${okta}`, 'okta', okta);
  a.l('flight-data:', '  aeroapi:', '    base-url: https://aeroapi.flightaware.com/aeroapi');
  a.d('    api-key: ${AEROAPI_KEY:}', 'spring placeholder, empty default');

  const p = repo.file('services/crew-scheduling/src/main/resources/application-prod.properties', 'java');
  const twTok = t.twilioToken();
  const twSid = t.twilioSid();
  const ldap = g.gen(24);
  const nr = g.newrelic();
  p.l('# prod profile; crew notifications via Twilio (duty changes, standby call-outs)');
  p.d(`twilio.account-sid=${twSid}`, 'twilio account sid (identifier)');
  p.s(`twilio.auth-token=${twTok}`, 'twilio', twTok);
  p.l('twilio.from-number=+353861234567');
  p.l(
    'spring.ldap.urls=ldaps://dc01.ops.skylarkair.local:636',
    'spring.ldap.username=CN=svc_crewsched,OU=Service,DC=ops,DC=skylarkair,DC=local',
  );
  p.s(`spring.ldap.password=${ldap}`, 'generic', ldap);
  p.s(`newrelic.api-key=${nr}`, 'newrelic', nr);
  p.d('spring.datasource.hikari.password=${CREW_DB_PASSWORD}', 'spring placeholder');
  p.d(`crew.encryption.key={cipher}${t.pick(HEX, 96)}`, 'spring cloud config encrypted value');

  const j = repo.file(
    'services/crew-scheduling/src/main/java/com/skylarkair/crew/integration/RosterPublisher.java',
    'java',
  );
  const sg = t.sendgrid();
  const pw = g.gen(20);
  j.l(
    'package com.skylarkair.crew.integration;',
    '',
    'import com.sendgrid.SendGrid;',
    'import java.sql.Connection;',
    'import java.sql.DriverManager;',
    '',
    'public class RosterPublisher {',
  );
  j.s(`    private final SendGrid mailer = new SendGrid("${sg}");`, 'sendgrid', sg);
  j.l('', '    Connection legacyRosterDb() throws Exception {');
  j.s(
    `        return DriverManager.getConnection("jdbc:oracle:thin:@crewdb01:1521:CREWOLD", "ROSTER_RO", "${pw}");`,
    'generic',
    pw,
  );
  j.l('    }');
  j.l('    private static final String PASSWORD_EXPIRY_NOTICE = "Your crew portal password expires in 7 days";');
  j.l('}');

  const ft = repo.file(
    'services/crew-scheduling/src/main/java/com/skylarkair/crew/ftl/FlightTimeLimitsClient.java',
    'java',
  );
  const aero = g.aeroapi();
  ft.l(
    'package com.skylarkair.crew.ftl;',
    '',
    'import org.springframework.web.reactive.function.client.WebClient;',
    '',
    'public class FlightTimeLimitsClient {',
    '    // actual block times for FTL (EASA ORO.FTL) from AeroAPI',
  );
  ft.s(
    `    private final WebClient aero = WebClient.builder().baseUrl("https://aeroapi.flightaware.com/aeroapi").defaultHeader("x-apikey", "${aero}").build();`,
    'generic',
    aero,
  );
  ft.d('    private final String envKey = System.getenv("AEROAPI_KEY");', 'env read');
  ft.l('}');

  const tst = repo.file('services/crew-scheduling/src/test/resources/application-test.yml', 'java');
  tst.l('spring:', '  datasource:', '    url: jdbc:h2:mem:crew', '    username: sa');
  tst.d('    password: test-only-not-a-secret', 'test fixture');
  tst.l('twilio:');
  tst.d(`    auth-token: ${'0'.repeat(32)}`, 'zeroed placeholder');
}

// ---- Reservation connectors: Amadeus, Navitaire, Sabre -----------------------------------

function reservations(repo, t, g) {
  const a = repo.file('services/res-connectors/src/main/resources/amadeus.yml', 'java');
  const ak = g.amadeusKey();
  const as = g.amadeusSecret();
  const wsap = g.gen(18);
  a.l('amadeus:', '  self-service:', '    hostname: production');
  a.d(`    client-id: ${ak}`, 'amadeus api key (client id, paired with the secret on the next line)');
  a.s(`    client-secret: ${as}`, 'generic', as);
  a.l('  altea:', '    endpoint: https://nodeD1.production.webservices.amadeus.com/1ASIWSKYEI');
  a.l('    wsap: 1ASIWSKYEI');
  a.d('    office-id: DUBEI08AA', 'amadeus office id');
  a.l('    originator: WSSKYLRK');
  a.s(`    password: "${wsap}"`, 'generic', wsap);

  const n = repo.file('services/res-connectors/src/main/resources/navitaire/newskies-logon.xml', 'java');
  const nvPw = g.gen(16);
  n.l(
    '<?xml version="1.0" encoding="utf-8"?>',
    '<LogonRequest xmlns="http://schemas.navitaire.com/WebServices/ServiceContracts/SessionService">',
    '  <logonRequestData>',
    '    <DomainCode>EXT</DomainCode>',
    '    <AgentName>SKYAPI_CHECKIN</AgentName>',
  );
  n.s(`    <Password>${nvPw}</Password>`, 'generic', nvPw);
  n.l('    <RoleCode>WWWA</RoleCode>', '  </logonRequestData>', '</LogonRequest>');

  const s = repo.file('services/res-connectors/src/main/java/com/skylarkair/res/sabre/SabreAuth.java', 'java');
  const sabreSec = g.plain(8);
  s.l(
    'package com.skylarkair.res.sabre;',
    '',
    'import java.util.Base64;',
    '',
    'public final class SabreAuth {',
    '    // EPR 7791 / PCC X4SK, REST OAuth v2 (https://api.platform.sabre.com/v2/auth/token)',
    '    private static final String CLIENT_ID = "V1:7791:X4SK:AA";',
  );
  s.s(`    private static final String CLIENT_SECRET = "${sabreSec}";`, 'generic', sabreSec);
  s.l(
    '',
    '    static String basic() {',
    '        String id = Base64.getEncoder().encodeToString(CLIENT_ID.getBytes());',
    '        String sec = Base64.getEncoder().encodeToString(CLIENT_SECRET.getBytes());',
    '        return Base64.getEncoder().encodeToString((id + ":" + sec).getBytes());',
    '    }',
    '}',
  );

  const nd = repo.file('services/res-connectors/src/main/java/com/skylarkair/res/ndc/NdcGateway.java', 'java');
  const oagKey = t.hex(32);
  const pem = t.pkcs8Pem();
  nd.l(
    'package com.skylarkair.res.ndc;',
    '',
    'public class NdcGateway {',
    '    static final String OAG_URL = "https://api.oag.com/flight-instances/";',
  );
  nd.s(`    static final String OAG_SUBSCRIPTION_KEY = "${oagKey}";`, 'generic', oagKey);
  nd.l('    // signing key for NDC OrderCreate callbacks (IATA NDC 21.3)');
  nd.s(
    ['    static final String SIGNING_KEY = """', ...pem.map((l) => `        ${l}`), '        """;'],
    'private-key',
    pem.join('\n'),
  );
  nd.l('}');
}

// ---- C# / .NET: MRO work orders (AMOS, TRAX) -------------------------------------------------

function mroWorkOrders(repo, t, g) {
  const a = repo.file('services/mro-workorders/Skylark.Mro.Api/appsettings.Production.json', 'dotnet');
  const sql = g.gen(22);
  const amos = g.human();
  const trax = g.plain(32);
  const sb = g.sbKey();
  const azSec = t.azureClientSecret();
  const st = t.azureStorageKey();
  a.l('{', '  "ConnectionStrings": {');
  a.s(
    `    "MroDb": "Server=tcp:mro-sql01.ops.skylarkair.local,1433;Database=MRO;User ID=mro_api;Password=${sql};TrustServerCertificate=True",`,
    'database',
    sql,
  );
  a.s(
    `    "Bus": "Endpoint=sb://skylark-mro.servicebus.windows.net/;SharedAccessKeyName=mro-publisher;SharedAccessKey=${sb}",`,
    'azure',
    sb,
  );
  a.s(
    `    "TaskCards": "DefaultEndpointsProtocol=https;AccountName=skylarkmrodocs;AccountKey=${st};EndpointSuffix=core.windows.net"`,
    'azure',
    st,
  );
  a.l(
    '  },',
    '  "Amos": {',
    '    "Endpoint": "https://amos.ops.skylarkair.local/amosws/services",',
    '    "User": "WS_MRO",',
  );
  a.s(`    "Password": "${amos}"`, 'generic', amos);
  a.l('  },', '  "Trax": {', '    "BaseUrl": "https://skylark.traxonline.com/emobility/api",');
  a.s(`    "ApiKey": "${trax}"`, 'generic', trax);
  a.l('  },', '  "AzureAd": {', '    "Instance": "https://login.microsoftonline.com/",');
  a.d(`    "TenantId": "${t.uuid()}",`, 'tenant id');
  a.d(`    "ClientId": "${t.uuid()}",`, 'client id');
  a.s(`    "ClientSecret": "${azSec}"`, 'azure', azSec);
  a.l('  },');
  a.l('  "Logging": { "LogLevel": { "Default": "Information", "Microsoft.AspNetCore": "Warning" } }');
  a.l('}');

  const dev = repo.file('services/mro-workorders/Skylark.Mro.Api/appsettings.Development.json', 'dotnet');
  dev.l('{', '  "ConnectionStrings": {');
  dev.d(
    '    "MroDb": "Server=(localdb)\\\\MSSQLLocalDB;Database=MRO;Trusted_Connection=True"',
    'integrated auth, no password',
  );
  dev.l('  },', '  "Amos": {');
  dev.d('    "Password": "<set with dotnet user-secrets>"', 'placeholder');
  dev.l('  }', '}');

  const c = repo.file('services/mro-workorders/Skylark.Mro.Integrations/Amos/AmosSoapClient.cs', 'dotnet');
  const soapPw = g.gen(18);
  const ftpPw = g.plain(14);
  c.l(
    'using System.Net;',
    'using System.ServiceModel;',
    '',
    'namespace Skylark.Mro.Integrations.Amos;',
    '',
    'public sealed class AmosSoapClient',
    '{',
    '    public WorkOrderServiceClient Create()',
    '    {',
    '        var client = new WorkOrderServiceClient(new BasicHttpsBinding(), new EndpointAddress("https://amos.ops.skylarkair.local/amosws/services/WorkOrder"));',
    '        client.ClientCredentials.UserName.UserName = "WS_MRO";',
  );
  c.s(`        client.ClientCredentials.UserName.Password = "${soapPw}";`, 'generic', soapPw);
  c.l('        return client;', '    }', '');
  c.l('    // component shop drops CRS PDFs on the old FTP until ENG-884 is done');
  c.s(
    `    private readonly NetworkCredential _shopFtp = new NetworkCredential("crs_upload", "${ftpPw}");`,
    'generic',
    ftpPw,
  );
  c.d('    private string Password => _config["Amos:Password"];', 'config lookup');
  c.l('}');

  const tr = repo.file('services/mro-workorders/Skylark.Mro.Integrations/Trax/TraxClient.cs', 'dotnet');
  const traxKey = g.plain(32);
  const sas = t.azureSasSig();
  tr.l('namespace Skylark.Mro.Integrations.Trax;', '', 'public class TraxClient(HttpClient http)', '{');
  tr.s(`    private const string ApiKey = "${traxKey}";`, 'generic', traxKey);
  tr.s(
    `    private const string ManualsSas = "https://skylarkmrodocs.blob.core.windows.net/amm?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2027-03-31T00:00:00Z&spr=https&sig=${sas}";`,
    'azure',
    sas,
  );
  tr.d('    private readonly string _envKey = Environment.GetEnvironmentVariable("TRAX_API_KEY") ?? "";', 'env read');
  tr.l('}');

  const w = repo.file('services/mro-workorders/Skylark.Mro.Legacy/Web.config', 'iis');
  const leg = g.gen(18);
  w.l('<?xml version="1.0" encoding="utf-8"?>', '<configuration>', '  <connectionStrings>');
  w.s(
    `    <add name="TechLog" connectionString="Data Source=mro-sql01;Initial Catalog=TechLog;User ID=techlog_web;Password=${leg}" providerName="System.Data.SqlClient" />`,
    'database',
    leg,
  );
  w.l(
    '    <add name="Audit" connectionString="Data Source=mro-sql01;Initial Catalog=Audit;Integrated Security=SSPI" providerName="System.Data.SqlClient" />',
  );
  w.l('  </connectionStrings>', '</configuration>');

  const ng = repo.file('services/mro-workorders/nuget.config', 'dotnet');
  const pat = g.adoPat();
  ng.l(
    '<?xml version="1.0" encoding="utf-8"?>',
    '<configuration>',
    '  <packageSourceCredentials>',
    '    <skylark>',
    '      <add key="Username" value="build" />',
  );
  ng.s(`      <add key="ClearTextPassword" value="${pat}" />`, 'azure-devops', pat);
  ng.l('    </skylark>', '  </packageSourceCredentials>', '</configuration>');

  const fx = repo.file('services/mro-workorders/Skylark.Mro.Tests/Fixtures/FakeAmos.cs', 'dotnet');
  fx.l('namespace Skylark.Mro.Tests.Fixtures;', '', 'public static class FakeAmos', '{');
  fx.d('    public const string Password = "fake-amos-password-for-tests";', 'test fixture');
  fx.d('    public const string TraxKey = "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX";', 'placeholder');
  fx.l('}');
}

// ---- Python flight-ops analytics and notebooks ---------------------------------------------

function flightOps(repo, t, g) {
  const c = repo.file('analytics/flightops/flightops/settings.py', 'python');
  const aero = g.aeroapi();
  const owm = g.owm();
  const rapid = g.rapid();
  const gm = t.gcpApiKey();
  const ak = t.awsId();
  const as = t.awsSecret();
  const sf = g.gen(20);
  c.l('"""Flight-ops analytics settings (prod defaults for the batch hosts)."""', 'import os', '');
  c.s(`AEROAPI_KEY = os.environ.get("AEROAPI_KEY", "${aero}")`, 'generic', aero);
  c.s(`OPENWEATHER_APPID = "${owm}"`, 'generic', owm);
  c.s(`ADSBX_RAPIDAPI_KEY = "${rapid}"`, 'rapidapi', rapid);
  c.s(`GOOGLE_MAPS_KEY = "${gm}"  # diversion-airport geocoding`, 'gcp', gm);
  c.l('S3_BUCKET = "skylark-fdm-raw"');
  c.s(`AWS_ACCESS_KEY_ID = "${ak}"`, 'aws', ak);
  c.s(`AWS_SECRET_ACCESS_KEY = "${as}"`, 'aws', as);
  c.l('SNOWFLAKE_ACCOUNT = "skylarkair-eu1"', 'SNOWFLAKE_USER = "FLIGHTOPS_ETL"');
  c.s(`SNOWFLAKE_PASSWORD = "${sf}"`, 'generic', sf);
  c.d('OPENSKY_PASSWORD = os.environ["OPENSKY_PASSWORD"]', 'os.environ');
  c.d(`FDM_SCHEMA_SHA256 = "${t.sha256()}"`, 'sha256');

  const cl = repo.file('analytics/flightops/flightops/clients.py', 'python');
  const osky = g.human();
  const checkwx = t.hex(32);
  const oag = t.hex(32);
  const pg = g.plain(20);
  cl.l('import requests', 'from sqlalchemy import create_engine', '');
  cl.s(`opensky = requests.Session(); opensky.auth = ("skylark_ops", "${osky}")`, 'generic', osky);
  cl.s(
    `def metar(icao): return requests.get(f"https://api.checkwx.com/metar/{icao}/decoded", headers={"X-API-Key": "${checkwx}"}).json()`,
    'generic',
    checkwx,
  );
  cl.s(`OAG_HEADERS = {"Subscription-Key": "${oag}", "Cache-Control": "no-cache"}`, 'generic', oag);
  cl.s(
    `fdm = create_engine("postgresql+psycopg2://fdm_reader:${pg}@fdm-pg.ops.skylarkair.local:5432/fdm")`,
    'database',
    pg,
  );
  cl.d('adsb = requests.get(url, headers={"X-RapidAPI-Key": os.environ["ADSBX_RAPIDAPI_KEY"]})', 'os.environ');

  const env = repo.file('analytics/flightops/.env', 'env');
  const oa = t.openai();
  const eaero = g.aeroapi();
  const dd = t.ddApi();
  env.s(`OPENAI_API_KEY=${oa}`, 'openai', oa);
  env.s(`AEROAPI_KEY=${eaero}`, 'generic', eaero);
  env.s(`DD_API_KEY=${dd}`, 'datadog', dd);
  env.l('OPENSKY_PASSWORD=');
  env.l('TZ=UTC');

  const ex = repo.file('analytics/flightops/.env.example', 'env');
  ex.d('AEROAPI_KEY=<your-aeroapi-key>', 'placeholder');
  ex.d('OPENWEATHER_APPID=your_appid_here', 'placeholder');
  ex.l('ADSBX_RAPIDAPI_KEY=');

  const nb = repo.file('analytics/flightops/notebooks/otp-delay-analysis.ipynb', 'notebook');
  const nbAero = g.aeroapi();
  const nbOag = t.hex(32);
  const nbPw = g.plain(18);
  const nbOut = g.owm();
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
    `      ${JSON.stringify(`GET https://api.openweathermap.org/data/2.5/weather?q=Dublin&appid=${nbOut} -> 200\n`)},`,
    'generic',
    nbOut,
  );
  nb.l(`      ${JSON.stringify('1843 EI-SK* sectors loaded\n')}`, '     ]', '    }', '   ],', '   "source": [');
  nb.l(`    ${JSON.stringify('import requests, pandas as pd\n')},`);
  nb.s(`    ${JSON.stringify(`AEROAPI = {"x-apikey": "${nbAero}"}\n`)},`, 'generic', nbAero);
  nb.s(`    ${JSON.stringify(`oag_key = "${nbOag}"\n`)},`, 'generic', nbOag);
  nb.s(
    `    ${JSON.stringify(`dw = create_engine("snowflake://FLIGHTOPS_ETL:${nbPw}@skylarkair-eu1/OPS/PUBLIC")\n`)},`,
    'database',
    nbPw,
  );
  nb.l(`    ${JSON.stringify('tail = "EI-SKF"  # ATR 72-600 MSN 1482\n')},`);
  nb.l(`    ${JSON.stringify('df = load_otp(AEROAPI, "EIDW", "2025-06")')}`, '   ]', '  },');
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
    '      "text/plain": ["<Figure size 640x480 with 1 Axes>"]',
    '     },',
    '     "metadata": {},',
    '     "output_type": "display_data"',
    '    }',
    '   ],',
    '   "source": [',
  );
  nb.d(`    ${JSON.stringify('api_key = getpass.getpass("AeroAPI key: ")\n')},`, 'getpass prompt');
  nb.l(`    ${JSON.stringify('plot_delay_codes(df)')}`, '   ]', '  }', ' ],');
  nb.l(
    ' "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3"}},',
    ' "nbformat": 4,',
    ' "nbformat_minor": 5',
    '}',
  );

  const nb2 = repo.file('analytics/flightops/notebooks/adsb-track-replay.ipynb', 'notebook');
  const r2 = g.rapid();
  const a2 = t.awsId();
  const s2 = t.awsSecret();
  nb2.l(
    '{',
    ' "cells": [',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": null,',
    '   "metadata": {},',
    '   "outputs": [],',
    '   "source": [',
  );
  nb2.s(
    `    ${JSON.stringify(`headers = {"X-RapidAPI-Key": "${r2}", "X-RapidAPI-Host": "adsbexchange-com1.p.rapidapi.com"}\n`)},`,
    'rapidapi',
    r2,
  );
  nb2.d(
    `    ${JSON.stringify(`icao24 = "${g.icao24().toLowerCase()}"  # EI-SKC Mode S hex\n`)},`,
    'icao 24-bit aircraft address',
  );
  nb2.s(`    ${JSON.stringify(`s3 = boto3.client("s3", aws_access_key_id="${a2}",\n`)},`, 'aws', a2);
  nb2.s(`    ${JSON.stringify(`    aws_secret_access_key="${s2}")\n`)},`, 'aws', s2);
  nb2.d(`    ${JSON.stringify('# AWS docs example: AKIAIOSFODNN7EXAMPLE')}`, 'vendor documented example key');
  nb2.l('   ]', '  }', ' ],', ' "metadata": {},', ' "nbformat": 4,', ' "nbformat_minor": 5', '}');

  const af = repo.file('analytics/flightops/airflow/dags/oag_schedule_sync.py', 'python');
  const afPw = g.plain(16);
  af.l('from airflow import DAG', 'from airflow.models import Variable', '');
  af.d('OAG_KEY = Variable.get("oag_subscription_key")', 'airflow variable lookup');
  af.s(
    `SCHED_DB = "oracle+cx_oracle://SCHED_ETL:${afPw}@ora-sched.ops.skylarkair.local:1521/?service_name=SCHEDPRD"`,
    'database',
    afPw,
  );
}

// ---- Go: ACARS / datalink gateway ----------------------------------------------------------

function acarsGateway(repo, t, g) {
  const y = repo.file('services/acars-gateway/config/gateway.yaml', 'go');
  const arinc = g.gen(16);
  const sita = g.human();
  const mqtt = g.plain(20);
  const key = t.ecPem();
  y.l(
    'listen: ":7400"',
    'providers:',
    '  arinc_globalink:',
    '    host: gl-ip.arinc.net',
    '    port: 5010',
    '    user: SKYDLK01',
  );
  y.s(`    password: "${arinc}"`, 'generic', arinc);
  y.l('  sita_aircom:', '    host: aircom-gw.sita.aero', '    user: EISKY');
  y.s(`    password: "${sita}"`, 'generic', sita);
  y.l('mqtt:', '  broker: tls://mqtt.ops.skylarkair.local:8883', '  username: acars-gw');
  y.s(`  password: ${mqtt}`, 'generic', mqtt);
  y.l('tls:', '  cert_file: /etc/acars/gw.crt', '  key_pem: |');
  y.s(
    key.map((l) => `    ${l}`),
    'private-key',
    key.join('\n'),
  );
  y.l('  ca_file: /etc/pki/tls/certs/skylark-root.pem');

  const go = repo.file('services/acars-gateway/internal/uplink/client.go', 'go');
  const tok = g.plain(40);
  const dsnPw = g.plain(18);
  const sl = t.slackWebhook();
  go.l('package uplink', '', 'import (', '\t"net/http"', '\t"os"', ')', '');
  go.s(`const uplinkToken = "${tok}"`, 'generic', tok);
  go.s(
    `var msgStore = "acars:${dsnPw}@tcp(acars-db.ops.skylarkair.local:3306)/acars?parseTime=true"`,
    'generic',
    dsnPw,
  );
  go.s(`var opsAlertHook = "${sl}"`, 'slack', sl);
  go.d('var apiKey = os.Getenv("ACARS_UPLINK_TOKEN")', 'env read');
  go.l('const labelOOOI = "QP" // ACARS label for OUT/OFF/ON/IN');
  go.l('', 'func New() *http.Client { return &http.Client{} }');

  const t2 = repo.file('services/acars-gateway/internal/parse/testdata/messages.txt', 'go');
  t2.d(
    `QU DUBOWEI\n.DDLXCXA 141022\nOOI\nFI EI3321/AN EI-SKB\nDT DDL DUB 141022 M12A\n- OUT 1018 OFF 1026 CRC ${t.pick('0123456789ABCDEF', 4)}`,
    'sample acars / type-b message',
  );
}

// ---- Kotlin EFB Android app -----------------------------------------------------------------

function efbApp(repo, t, g) {
  const gp = repo.file('apps/efb-android/gradle.properties', 'kotlin');
  const mbx = g.mapboxSecret();
  const ksPw = g.plain(16);
  const keyPw = g.plain(16);
  gp.l('org.gradle.jvmargs=-Xmx4g', 'android.useAndroidX=true');
  gp.s(`MAPBOX_DOWNLOADS_TOKEN=${mbx}`, 'mapbox', mbx);
  gp.l('EFB_KEYSTORE=../keystore/efb-release.jks', 'EFB_KEY_ALIAS=efb');
  gp.s(`EFB_KEYSTORE_PASSWORD=${ksPw}`, 'generic', ksPw);
  gp.s(`EFB_KEY_PASSWORD=${keyPw}`, 'generic', keyPw);

  const b = repo.file('apps/efb-android/app/build.gradle.kts', 'kotlin');
  const sp = g.plain(14);
  const jep = g.plain(32);
  const pub = g.mapboxPublic();
  b.l('android {', '    namespace = "com.skylarkair.efb"', '    defaultConfig {');
  b.d(
    `        buildConfigField("String", "MAPBOX_PUBLIC_TOKEN", "\\"${pub}\\"")`,
    'mapbox public token (pk., shipped in app)',
  );
  b.s(`        buildConfigField("String", "JEPPESEN_API_KEY", "\\"${jep}\\"")`, 'generic', jep);
  b.l(
    '    }',
    '    signingConfigs {',
    '        create("release") {',
    '            storeFile = file("../keystore/efb-release.jks")',
  );
  b.s(`            storePassword = "${sp}"`, 'generic', sp);
  b.d('            keyPassword = providers.gradleProperty("EFB_KEY_PASSWORD").get()', 'gradle property lookup');
  b.l('        }', '    }', '}');

  const k = repo.file('apps/efb-android/app/src/main/java/com/skylarkair/efb/sync/DocSync.kt', 'kotlin');
  const fcm = g.fcm();
  const basic = g.gen(16);
  k.l('package com.skylarkair.efb.sync', '', 'import okhttp3.Credentials', 'import okhttp3.OkHttpClient', '');
  k.l('object DocSync {');
  k.s(`    private val basic = Credentials.basic("efb-sync", "${basic}")`, 'generic', basic);
  k.l('    // TODO EFB-219 move to backend; used by the debug push button');
  k.s(`    private const val FCM_SERVER_KEY = "${fcm}"`, 'firebase', fcm);
  k.d('    private val apiKey = BuildConfig.JEPPESEN_API_KEY', 'buildconfig reference');
  k.l('    const val PASSWORD_HINT = "Use your crew portal password"');
  k.l('}');

  const lp = repo.file('apps/efb-android/local.properties', 'kotlin');
  const mb2 = g.mapboxSecret();
  lp.l('sdk.dir=/Users/cmurphy/Library/Android/sdk');
  lp.s(`MAPBOX_DOWNLOADS_TOKEN=${mb2}`, 'mapbox', mb2);

  const gs = repo.file('apps/efb-android/fastlane/play-store-sa.json', 'keys');
  const p8 = t.pkcs8Pem();
  gs.l('{', '  "type": "service_account",', '  "project_id": "skylark-efb",');
  gs.d(`  "private_key_id": "${t.sha1()}",`, 'key id');
  gs.s(`  "private_key": ${JSON.stringify(p8.join('\n') + '\n')},`, 'gcp', p8.join('\n'));
  gs.l(
    '  "client_email": "fastlane@skylark-efb.iam.gserviceaccount.com",',
    '  "token_uri": "https://oauth2.googleapis.com/token"',
    '}',
  );

  const st = repo.file('apps/efb-android/app/src/main/res/values/strings.xml', 'kotlin');
  st.l('<resources>');
  st.l('    <string name="login_password">Password</string>');
  st.d(
    `    <string name="sentry_dsn">https://${t.hex(32)}@o${t.digits(6)}.ingest.sentry.io/${t.digits(7)}</string>`,
    'sentry dsn (public client key)',
  );
  st.l('</resources>');
}

// ---- SITA Type-B messaging ------------------------------------------------------------------

function sitaTypeB(repo, t, g) {
  const c = repo.file('messaging/sita-typeb/typeb-gateway.ini', 'config');
  const mqPw = g.gen(16);
  const hth = g.plain(12);
  c.l('[gateway]', 'originator = DUBOWEI', 'double_signature = SK', '', '[sita_mq]');
  c.l('queue_manager = QM.SITA.EI', 'channel = SKY.SVRCONN', 'conn_name = mq.sita.aero(1414)', 'user = eisky01');
  c.s(`password = ${mqPw}`, 'generic', mqPw);
  c.l('', '[hth_fallback]', 'host = 57.250.12.40', 'port = 102', 'login = SKYHTH');
  c.s(`passwd = ${hth}`, 'generic', hth);
  c.l('', '[routing]');
  c.d('mvt_addresses = DUBKKEI DUBOWEI LHRKLBA', 'sita type-b addresses');
  c.l('ldm_addresses = DUBLLEI');

  const x = repo.file('messaging/sita-typeb/bagmessage/bsm-listener.xml', 'config');
  const tls = g.plain(16);
  x.l('<listener name="bsm" protocol="typeb-over-mq">', '  <connection host="mq.sita.aero" port="1414">');
  x.s(`    <keystore path="/opt/typeb/keystore.jks" password="${tls}" />`, 'generic', tls);
  x.l('  </connection>', '  <filter type="BSM" station="DUB" />', '</listener>');

  const sample = repo.file('messaging/sita-typeb/samples/mvt.txt', 'config');
  sample.d(
    ['QU DUBKKEI DUBOWEI', '.DUBOWEI 141030', 'MVT', 'EI3321/14.EISKB.DUB', 'AD1018/1026 EA1139 LHR', 'PX72'],
    'sample MVT movement message',
  );
}

// ---- Oracle PL/SQL: loyalty programme --------------------------------------------------------

function loyaltyPlsql(repo, t, g) {
  const s = repo.file('db/loyalty/install/01_users.sql', 'sql');
  const u1 = g.plain(16);
  const u2 = g.gen(18);
  const lnk = g.plain(14);
  s.l('-- Skylark Miles schema owners (run as SYSDBA)');
  s.s(`CREATE USER LOYALTY_OWNER IDENTIFIED BY "${u1}" DEFAULT TABLESPACE LOYALTY_DATA;`, 'generic', u1);
  s.s(`CREATE USER LOYALTY_API IDENTIFIED BY "${u2}";`, 'generic', u2);
  s.d(
    `ALTER USER LOYALTY_RO IDENTIFIED BY VALUES 'S:${t.pick('0123456789ABCDEF', 60)}';`,
    'oracle password verifier (hash)',
  );
  s.d('ALTER USER LOYALTY_BATCH IDENTIFIED BY &batch_password;', 'sqlplus substitution variable');
  s.s(`CREATE DATABASE LINK RES_LINK CONNECT TO RES_READ IDENTIFIED BY "${lnk}" USING 'RESPRD';`, 'generic', lnk);

  const p = repo.file('db/loyalty/packages/pkg_partner_accrual.pkb', 'sql');
  const http = g.gen(16);
  const cred = g.gen(20);
  p.l(
    'CREATE OR REPLACE PACKAGE BODY pkg_partner_accrual AS',
    '  PROCEDURE post_hotel_miles(p_member IN VARCHAR2, p_miles IN NUMBER) IS',
    '    req  UTL_HTTP.req;',
    '  BEGIN',
    "    req := UTL_HTTP.begin_request('https://partners.skylarkmiles.com/api/accrual', 'POST');",
  );
  p.s(`    UTL_HTTP.set_authentication(req, 'accrual_batch', '${http}');`, 'generic', http);
  p.l('  END post_hotel_miles;', '', '  PROCEDURE init_credentials IS', '  BEGIN');
  p.s(
    `    DBMS_CREDENTIAL.create_credential(credential_name => 'OCI_BUCKET', username => 'loyalty-export', password => '${cred}');`,
    'generic',
    cred,
  );
  p.l('  END init_credentials;', 'END pkg_partner_accrual;', '/');

  const sh = repo.file('db/loyalty/bin/nightly_extract.sh', 'shell');
  const sp = g.plain(16);
  sh.l('#!/bin/bash', '. /home/oracle/.bash_profile');
  sh.s(`sqlplus -s LOYALTY_OWNER/${sp}@LOYPRD @/opt/loyalty/sql/extract_tiers.sql`, 'generic', sp);
  sh.d('sqlplus -s /@LOYPRD_WALLET @/opt/loyalty/sql/extract_tiers.sql', 'oracle wallet, no password');
}

// ---- SAP parts integration -----------------------------------------------------------------

function sapParts(repo, t, g) {
  const r = repo.file('integrations/sap-parts/sapnwrfc.ini', 'config');
  const pw = g.gen(12);
  r.l('DEST=SKP', 'ASHOST=sap-mm01.ops.skylarkair.local', 'SYSNR=00', 'CLIENT=300', 'USER=RFC_PARTS');
  r.s(`PASSWD=${pw}`, 'generic', pw);
  r.l('LANG=EN');

  const j = repo.file('integrations/sap-parts/src/main/resources/jco-skp.properties', 'java');
  const jp = g.gen(12);
  j.l('jco.client.ashost=sap-mm01.ops.skylarkair.local', 'jco.client.client=300', 'jco.client.user=RFC_PARTS');
  j.s(`jco.client.passwd=${jp}`, 'generic', jp);

  const k = repo.file('integrations/sap-parts/btp-service-key.json', 'config');
  const cs = `${t.uuid()}$${t.mixed(URLSAFE, 43)}=`;
  k.l('{', '  "uaa": {', `    "clientid": "sb-parts-integration!b${t.digits(5)}|it-rt-skylark!b${t.digits(3)}",`);
  k.s(`    "clientsecret": "${cs}",`, 'generic', cs);
  k.l('    "url": "https://skylark.authentication.eu10.hana.ondemand.com"', '  }', '}');

  const py = repo.file('integrations/sap-parts/sync_parts.py', 'python');
  const pyPw = g.gen(12);
  py.l('from pyrfc import Connection', '');
  py.s(
    `conn = Connection(ashost="sap-mm01.ops.skylarkair.local", sysnr="00", client="300", user="RFC_PARTS", passwd="${pyPw}")`,
    'generic',
    pyPw,
  );
  py.l('PART_NUMBER_RE = r"^[0-9A-Z]{3,}-[0-9A-Z]+$"  # e.g. D23189000-5');
}

// ---- OpenShift / Kubernetes ---------------------------------------------------------------

function openshift(repo, t, g) {
  const s = repo.file('deploy/openshift/crew/secret.yaml', 'k8s');
  const db = g.gen(22);
  const tw = t.twilioToken();
  const ok = g.okta();
  s.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: crew-scheduling',
    '  namespace: crew-prod',
    'type: Opaque',
    'data:',
  );
  s.s(`  CREW_DB_PASSWORD: ${g.enc(db)}`, 'generic', db);
  s.s(`  TWILIO_AUTH_TOKEN: ${g.enc(tw)}`, 'twilio', tw);
  s.s(`  OKTA_API_TOKEN: ${g.enc(ok)}`, 'okta', ok);
  s.d(`  SPRING_PROFILES_ACTIVE: ${g.enc('prod')}`, 'base64 of a plain setting');

  const d = repo.file('deploy/openshift/acars/deploymentconfig.yaml', 'k8s');
  const nr = g.newrelic();
  const mq = g.plain(20);
  d.l(
    'apiVersion: apps.openshift.io/v1',
    'kind: DeploymentConfig',
    'metadata:',
    '  name: acars-gateway',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: gateway',
  );
  d.d(
    `          image: image-registry.openshift-image-registry.svc:5000/ops/acars-gateway@sha256:${t.sha256()}`,
    'image digest',
  );
  d.l('          env:', '            - name: MQTT_PASSWORD');
  d.s(`              value: "${mq}"`, 'generic', mq);
  d.l('            - name: NEW_RELIC_API_KEY');
  d.s(`              value: ${nr}`, 'newrelic', nr);
  d.l('            - name: ARINC_PASSWORD', '              valueFrom:', '                secretKeyRef:');
  d.l('                  name: acars-datalink');
  d.l('                  key: arinc-password');

  const cm = repo.file('deploy/openshift/flightops/configmap.yaml', 'k8s');
  const dt = g.dynatrace();
  const owm = g.owm();
  cm.l('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: flightops-config', 'data:');
  cm.l('  AEROAPI_BASE_URL: https://aeroapi.flightaware.com/aeroapi');
  cm.s(`  DT_API_TOKEN: ${dt}`, 'dynatrace', dt);
  cm.s(`  OPENWEATHER_APPID: "${owm}"`, 'generic', owm);
  cm.l('  HOME_BASE_ICAO: EIDW');

  const kc = repo.file('ops/home/svc-deploy/.kube/config', 'k8s');
  const ocp = g.ocp();
  const sa = t.jwt();
  kc.l(
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '  - name: ocp-prod',
    '    cluster:',
    '      server: https://api.ocp-prod.skylarkair.local:6443',
  );
  kc.l('users:', '  - name: svc-deploy/ocp-prod', '    user:');
  kc.s(`      token: ${ocp}`, 'openshift', ocp);
  kc.l('  - name: jenkins-sa', '    user:');
  kc.s(`      token: ${sa}`, 'generic', sa);
  kc.l('current-context: ocp-prod');

  const rt = repo.file('deploy/openshift/portal/route.yaml', 'keys');
  const rsa = t.rsaPem();
  rt.l(
    'apiVersion: route.openshift.io/v1',
    'kind: Route',
    'metadata:',
    '  name: crew-portal',
    'spec:',
    '  host: crew.skylarkair.com',
    '  tls:',
    '    termination: edge',
    '    certificate: |',
  );
  rt.d(
    g.cert().map((l) => `      ${l}`),
    'certificate',
  );
  rt.l('    key: |');
  rt.s(
    rsa.map((l) => `      ${l}`),
    'private-key',
    rsa.join('\n'),
  );

  const ss = repo.file('deploy/openshift/mro/sealed-secret.yaml', 'encrypted');
  ss.l(
    'apiVersion: bitnami.com/v1alpha1',
    'kind: SealedSecret',
    'metadata:',
    '  name: mro-secrets',
    'spec:',
    '  encryptedData:',
  );
  ss.d(`    AMOS_PASSWORD: AgB${g.b64(580)}==`, 'sealed secret ciphertext');
}

// ---- Terraform (AWS) ----------------------------------------------------------------------

function terraform(repo, t, g) {
  const m = repo.file('infra/terraform/aws/main.tf', 'terraform');
  const ak = t.awsId();
  const as = t.awsSecret();
  const rds = g.gen(24);
  const dd = t.ddApi();
  const ddApp = t.ddApp();
  m.l('provider "aws" {', '  region     = "eu-west-1"');
  m.s(`  access_key = "${ak}"`, 'aws', ak);
  m.s(`  secret_key = "${as}"`, 'aws', as);
  m.l('}', '', 'provider "datadog" {');
  m.s(`  api_key = "${dd}"`, 'datadog', dd);
  m.s(`  app_key = "${ddApp}"`, 'datadog', ddApp);
  m.l('}', '', 'resource "aws_db_instance" "fdm" {', '  engine   = "postgres"', '  username = "fdm_admin"');
  m.s(`  password = "${rds}"`, 'generic', rds);
  m.l('}', '', 'resource "aws_db_instance" "fdm_replica" {');
  m.d('  password = random_password.fdm.result', 'resource reference');
  m.l('}', '', 'resource "aws_kms_key" "fdm" {');
  m.l(`  description = "FDM raw data; key arn:aws:kms:eu-west-1:${t.digits(12)}:key/${t.uuid()}"`);
  m.l('}');

  const tv = repo.file('infra/terraform/aws/envs/prod.tfvars', 'terraform');
  const pw = g.gen(20);
  const sl = t.slackBot();
  tv.l('environment = "prod"');
  tv.s(`opensearch_master_password = "${pw}"`, 'generic', pw);
  tv.s(`ops_slack_bot_token = "${sl}"`, 'slack', sl);
  tv.d('pagerduty_token = "REPLACE_ME"', 'placeholder');

  const rc = repo.file('ops/home/svc-deploy/.terraformrc', 'terraform');
  const tfc = g.tfc();
  rc.l('credentials "app.terraform.io" {');
  rc.s(`  token = "${tfc}"`, 'terraform-cloud', tfc);
  rc.l('}');

  const st = repo.file('infra/terraform/aws/terraform.tfstate', 'terraform');
  const sk = t.awsId();
  const ss = t.awsSecret();
  const sesPw = `B${g.b64(43)}`;
  st.l('{', '  "version": 4,', '  "terraform_version": "1.8.2",');
  st.d(`  "lineage": "${t.uuid()}",`, 'uuid lineage');
  st.l(
    '  "resources": [',
    '    {',
    '      "type": "aws_iam_access_key",',
    '      "name": "fdm_uploader",',
    '      "instances": [',
    '        {',
    '          "attributes": {',
  );
  st.s(`            "id": "${sk}",`, 'aws', sk);
  st.s(`            "secret": "${ss}",`, 'aws', ss);
  st.s(`            "ses_smtp_password_v4": "${sesPw}",`, 'aws', sesPw);
  st.l('            "user": "fdm-uploader"', '          }', '        }', '      ]', '    }', '  ]', '}');

  const lk = repo.file('infra/terraform/aws/.terraform.lock.hcl', 'terraform');
  lk.l('provider "registry.terraform.io/hashicorp/aws" {', '  version = "5.61.0"', '  hashes = [');
  lk.d(`    "h1:${g.enc(Buffer.from(t.pick(HEX, 64), 'hex'))}",`, 'provider hash');
  lk.d(`    "zh:${t.sha256()}",`, 'provider hash');
  lk.l('  ]', '}');
}

// ---- Docker --------------------------------------------------------------------------------

function docker(repo, t, g) {
  const c = repo.file('docker-compose.yml', 'docker');
  const ora = g.plain(16);
  const rb = g.human();
  const pg = g.plain(18);
  c.l('services:', '  oracle:', '    image: gvenzl/oracle-free:23-slim', '    environment:');
  c.s(`      ORACLE_PASSWORD: ${ora}`, 'generic', ora);
  c.l(
    '  rabbitmq:',
    '    image: rabbitmq:3.13-management',
    '    environment:',
    '      RABBITMQ_DEFAULT_USER: crewsched',
  );
  c.s(`      RABBITMQ_DEFAULT_PASS: "${rb}"`, 'generic', rb);
  c.l('  fdm-db:', '    image: postgres:16', '    environment:');
  c.s(`      - POSTGRES_PASSWORD=${pg}`, 'generic', pg);
  c.d('      - POSTGRES_USER=${FDM_DB_USER:-fdm}', 'env interpolation');

  const d = repo.file('services/acars-gateway/Dockerfile', 'docker');
  const gh = t.github();
  d.l(`FROM golang:1.22-alpine@sha256:${t.sha256()} AS build`);
  d.s(`ARG GOPRIVATE_TOKEN=${gh}`, 'github', gh);
  d.l(
    'RUN git config --global url."https://${GOPRIVATE_TOKEN}@github.com/skylarkair/".insteadOf "https://github.com/skylarkair/"',
  );
  d.d('RUN --mount=type=secret,id=netrc,target=/root/.netrc go mod download', 'build secret mount');
  d.l('FROM gcr.io/distroless/static', 'COPY --from=build /out/gateway /gateway', 'ENTRYPOINT ["/gateway"]');

  const dj = repo.file('services/crew-scheduling/Dockerfile', 'docker');
  const art = g.artifactoryRef();
  dj.l('FROM eclipse-temurin:21-jdk AS build');
  dj.s(`ENV ARTIFACTORY_TOKEN=${art}`, 'artifactory', art);
  dj.l('RUN ./gradlew bootJar -PartifactoryToken=$ARTIFACTORY_TOKEN');

  const cfg = repo.file('ops/home/svc-deploy/.docker/config.json', 'docker');
  const dpat = g.dockerPat();
  const qpw = g.plain(20);
  cfg.l('{', '  "auths": {', '    "https://index.docker.io/v1/": {');
  cfg.s(`      "auth": "${g.enc(`skylarkci:${dpat}`)}"`, 'docker', dpat);
  cfg.l('    },', '    "quay.skylarkair.local": {');
  cfg.s(`      "auth": "${g.enc(`robot+ops:${qpw}`)}"`, 'generic', qpw);
  cfg.l('    }', '  }', '}');
}

// ---- CI: Jenkins and GitHub Actions ---------------------------------------------------------

function ci(repo, t, g) {
  const j = repo.file('Jenkinsfile', 'ci');
  const sonar = g.sonar();
  const nex = g.gen(18);
  const hook = g.teamsHook();
  j.l('pipeline {', '  agent { label "linux" }', '  environment {');
  j.d("    OC_TOKEN = credentials('ocp-prod-deployer')", 'jenkins credentials binding');
  j.s(`    SONAR_TOKEN = '${sonar}'`, 'sonarqube', sonar);
  j.s(`    NEXUS_PASSWORD = "${nex}"`, 'generic', nex);
  j.l('  }', '  stages {', "    stage('notify') {", '      steps {');
  j.s(
    `        office365ConnectorSend webhookUrl: '${hook}', message: "Build \${env.BUILD_NUMBER} deployed"`,
    'teams',
    hook,
  );
  j.l("        sh 'oc login --token=$OC_TOKEN --server=https://api.ocp-prod.skylarkair.local:6443'");
  j.l('      }', '    }', '  }', '}');

  const jc = repo.file('ops/jenkins/jobs/mro-nightly/config.xml', 'ci');
  const jt = g.jenkins();
  jc.l('<?xml version="1.1" encoding="UTF-8"?>', '<project>', '  <builders>', '    <hudson.tasks.Shell>');
  jc.s(
    `      <command>curl -X POST -u svc-mro:${jt} https://jenkins.ops.skylarkair.local/job/mro-reports/buildWithParameters</command>`,
    'jenkins',
    jt,
  );
  jc.l('    </hudson.tasks.Shell>', '  </builders>', '  <properties>');
  jc.d(`    <password>{AQAAABAAAAAQ${g.b64(42)}=}</password>`, 'jenkins-encrypted secret');
  jc.l('  </properties>', '</project>');

  const gh = repo.file('.github/workflows/efb-release.yml', 'ci');
  const ghf = g.ghFine();
  const ks = g.plain(16);
  const sntry = g.sentryUser();
  gh.l(
    'name: efb-release',
    'on:',
    '  push:',
    "    tags: ['efb-v*']",
    'jobs:',
    '  build:',
    '    runs-on: ubuntu-latest',
    '    env:',
  );
  gh.d('      MAPBOX_DOWNLOADS_TOKEN: ${{ secrets.MAPBOX_DOWNLOADS_TOKEN }}', 'actions secret reference');
  gh.s(`      SENTRY_AUTH_TOKEN: ${sntry}`, 'sentry', sntry);
  gh.l('    steps:');
  gh.d(`      - uses: actions/checkout@${t.sha1()} # v4`, 'pinned action sha');
  gh.l('      - name: assemble', '        run: ./gradlew :app:bundleRelease', '        env:');
  gh.s(`          EFB_KEYSTORE_PASSWORD: ${ks}`, 'generic', ks);
  gh.s(`          GH_PACKAGES_TOKEN: ${ghf}`, 'github', ghf);

  const gd = repo.file('.github/workflows/deploy-openshift.yml', 'ci');
  const ocp = g.ocp();
  const tf = g.tfc();
  gd.l(
    'name: deploy-openshift',
    'on: workflow_dispatch',
    'jobs:',
    '  deploy:',
    '    runs-on: [self-hosted, ocp]',
    '    steps:',
  );
  gd.s(`      - run: oc login --token=${ocp} --server=https://api.ocp-prod.skylarkair.local:6443`, 'openshift', ocp);
  gd.l('      - name: terraform', '        env:');
  gd.s(`          TF_TOKEN_app_terraform_io: ${tf}`, 'terraform-cloud', tf);
  gd.l('          AWS_ROLE_ARN: ${{ vars.AWS_ROLE_ARN }}');
  gd.l('        run: terraform -chdir=infra/terraform/aws apply -auto-approve');
}

// ---- Ansible ------------------------------------------------------------------------------

function ansible(repo, t, g) {
  const inv = repo.file('ops/ansible/inventory/hangar.ini', 'ansible');
  const win = g.human();
  const bec = g.plain(16);
  inv.l(
    '[hangar_pcs]',
    'hgr-dub-pc[01:24].ops.skylarkair.local',
    '',
    '[hangar_pcs:vars]',
    'ansible_connection=winrm',
    'ansible_user=SKYLARK\\svc_ansible',
  );
  inv.s(`ansible_password=${win}`, 'generic', win);
  inv.l('', '[acars_gw]', 'acars-gw[1:2].ops.skylarkair.local ansible_user=ansible');
  inv.s(`acars-gw3.ops.skylarkair.local ansible_user=ansible ansible_become_pass=${bec}`, 'generic', bec);

  const gv = repo.file('ops/ansible/group_vars/sita_gateways.yml', 'ansible');
  const mq = g.gen(16);
  const vt = g.vault();
  gv.l('sita_queue_manager: QM.SITA.EI', 'sita_mq_user: eisky01');
  gv.s(`sita_mq_password: "${mq}"`, 'generic', mq);
  gv.s(`vault_token: ${vt}`, 'vault', vt);
  gv.l('vault_addr: https://vault.ops.skylarkair.local:8200');

  const av = repo.file('ops/ansible/group_vars/all/vault.yml', 'encrypted');
  av.l('splunk_hec_token: !vault |');
  av.d(
    ['          $ANSIBLE_VAULT;1.1;AES256', ...Array.from({ length: 5 }, () => `          ${t.pick(HEX, 80)}`)],
    'ansible vault ciphertext',
  );
  av.l('db_password: "{{ vault_db_password }}"');

  const tk = repo.file('ops/ansible/roles/splunk_forwarder/templates/outputs.conf.j2', 'ansible');
  const hec = t.uuid().toUpperCase();
  tk.l('[httpout]');
  tk.s(`httpEventCollectorToken = ${hec}`, 'generic', hec);
  tk.l('uri = https://splunk-hec.ops.skylarkair.local:8088');
}

// ---- PowerShell and batch for the hangar PCs -------------------------------------------------

function hangarWindows(repo, t, g) {
  const p = repo.file('ops/hangar/Setup-HangarPC.ps1', 'windows');
  const auto = g.human();
  const local = g.gen(16);
  const wifi = g.human();
  const share = g.plain(14);
  p.l(
    '#Requires -RunAsAdministrator',
    '# Builds a hangar floor PC (tech log kiosk, AMOS client, IPC viewer)',
    "$ErrorActionPreference = 'Stop'",
  );
  p.l(
    '$wl = "HKLM:\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon"',
    'Set-ItemProperty $wl AutoAdminLogon "1"',
    'Set-ItemProperty $wl DefaultUserName "hangarkiosk"',
  );
  p.s(`Set-ItemProperty $wl DefaultPassword "${auto}"`, 'generic', auto);
  p.s(
    `New-LocalUser -Name "mxadmin" -Password (ConvertTo-SecureString "${local}" -AsPlainText -Force) -PasswordNeverExpires`,
    'generic',
    local,
  );
  p.s(`netsh wlan add profile filename="HangarWiFi.xml"; # PSK in profile: ${wifi}`, 'generic', wifi);
  p.s(
    `New-PSDrive -Name M -PSProvider FileSystem -Root \\\\fs01\\manuals -Credential (New-Object PSCredential("SKYLARK\\svc_manuals", (ConvertTo-SecureString "${share}" -AsPlainText -Force)))`,
    'generic',
    share,
  );
  p.d('$pw = Read-Host -Prompt "Local admin password" -AsSecureString', 'prompt');
  p.d(
    `$stored = ConvertTo-SecureString "01000000d08c9ddf0115d1118c7a00c04fc297eb01000000${t.pick(HEX, 300)}"`,
    'dpapi-encrypted string',
  );

  const q = repo.file('ops/hangar/Send-TechLogReport.ps1', 'windows');
  const hook = g.teamsHook();
  const smtp = g.human();
  q.s(`$hook = "${hook}"`, 'teams', hook);
  q.s(
    `$cred = New-Object PSCredential("techlog@skylarkair.com", (ConvertTo-SecureString "${smtp}" -AsPlainText -Force))`,
    'generic',
    smtp,
  );
  q.l(
    'Send-MailMessage -SmtpServer smtp.office365.com -Port 587 -UseSsl -Credential $cred -To mcc@skylarkair.com -Subject "Open defects"',
  );

  const b = repo.file('ops/hangar/map-drives.bat', 'windows');
  const np = g.plain(14);
  const ps = g.plain(14);
  b.l('@echo off', 'REM hangar PCs: AMM/IPC share and the label printer');
  b.s(
    `net use M: \\\\fs01.ops.skylarkair.local\\manuals /user:SKYLARK\\svc_manuals ${np} /persistent:yes`,
    'generic',
    np,
  );
  b.s(`psexec \\\\hgr-dub-pc07 -u SKYLARK\\mxadmin -p ${ps} cmd /c gpupdate /force`, 'generic', ps);
  b.l('net use P: \\\\fs01.ops.skylarkair.local\\print /user:%USERDOMAIN%\\%USERNAME% %PRINT_PW%');

  const s = repo.file('ops/hangar/amos-client-install.cmd', 'windows');
  const sv = g.plain(16);
  s.l('@echo off');
  s.s(
    `schtasks /create /tn "AMOS Sync" /tr "C:\\AMOS\\sync.exe" /sc hourly /ru SKYLARK\\svc_amos /rp ${sv}`,
    'generic',
    sv,
  );
}

// ---- Logs ---------------------------------------------------------------------------------

function logs(repo, t, g) {
  const sl = repo.file('logs/syslog/acars-gw1-messages.log', 'logs');
  const mq = g.plain(16);
  const curl = g.plain(14);
  sl.l('Jun 14 10:18:02 acars-gw1 systemd[1]: Started ACARS datalink gateway.');
  sl.s(
    `Jun 14 10:18:03 acars-gw1 acars-gw[2211]: connecting mqtt tls://acars-gw:${mq}@mqtt.ops.skylarkair.local:8883`,
    'database',
    mq,
  );
  sl.d(
    'Jun 14 10:20:44 acars-gw1 sshd[3301]: Failed password for invalid user admin from 185.220.101.7 port 52144 ssh2',
    'auth failure message',
  );
  sl.s(
    `Jun 14 10:21:00 acars-gw1 sudo:   ansible : TTY=pts/0 ; PWD=/home/ansible ; USER=root ; COMMAND=/usr/bin/curl -u ops:${curl} https://vault.ops.skylarkair.local/v1/sys/health`,
    'generic',
    curl,
  );
  sl.l(`Jun 14 10:22:15 acars-gw1 acars-gw[2211]: uplink msg_id=${t.uuid()} label=H1 tail=EI-SKD ok`);

  const j = repo.file('logs/crew-scheduling/crew-2025-06-14.log', 'logs');
  const jdbc = g.plain(18);
  const sab = g.sabreToken();
  const tw = t.twilioToken();
  const p = (ts, lvl, th, lg) => `2025-06-14 ${ts} ${lvl.padStart(5)} 1 --- [${th}] ${lg} :`;
  j.l(`${p('04:00:01.002', 'INFO', 'main', 'c.s.crew.CrewApplication')} Started CrewApplication in 12.4 seconds`);
  j.s(
    `${p('04:00:01.310', 'DEBUG', 'main', 'com.zaxxer.hikari.HikariConfig')} jdbcUrl....jdbc:oracle:thin:CREWSCHED_APP/${jdbc}@//crewdb-scan.ops.skylarkair.local:1521/CREWPRD`,
    'database',
    jdbc,
  );
  j.s(
    `${p('04:02:11.554', 'DEBUG', 'res-1', 'c.s.res.sabre.SabreClient')} > GET /v1/lists/utilities/airlines Authorization: Bearer ${sab}`,
    'generic',
    sab,
  );
  j.s(
    `${p('04:05:40.021', 'ERROR', 'notify-2', 'c.s.crew.notify.SmsSender')} Twilio 401 for AC... with token ${tw}`,
    'twilio',
    tw,
  );
  j.d(
    `${p('04:05:41.000', 'INFO', 'notify-2', 'c.s.crew.notify.SmsSender')} password=******** masked by logback filter`,
    'masked',
  );

  const m = repo.file('logs/mro-workorders/mro-20250614.jsonl', 'logs');
  const sql = g.gen(18);
  const trax = g.plain(32);
  m.l(
    `{"@t":"2025-06-14T06:00:00Z","@l":"Information","@m":"Work order WO-2025-118842 closed for EI-SKA (ATA 32-41)","CorrelationId":"${t.uuid()}"}`,
  );
  m.s(
    `{"@t":"2025-06-14T06:00:02Z","@l":"Error","@m":"SqlException opening Server=tcp:mro-sql01,1433;Database=MRO;User ID=mro_api;Password=${sql}"}`,
    'database',
    sql,
  );
  m.s(
    `{"@t":"2025-06-14T06:00:05Z","@l":"Debug","@m":"TRAX GET /emobility/api/tasks?apikey=${trax} 200"}`,
    'generic',
    trax,
  );
  m.d('{"@t":"2025-06-14T06:00:06Z","@l":"Debug","@m":"AMOS login WS_MRO password=[REDACTED]"}', 'redacted');

  const n = repo.file('logs/flightops/nginx-access.log', 'logs');
  const k = g.owm();
  n.s(
    `10.40.2.15 - - [14/Jun/2025:07:12:40 +0000] "GET /proxy/weather?lat=53.42&lon=-6.27&appid=${k} HTTP/1.1" 200 812 "-" "python-requests/2.32"`,
    'generic',
    k,
  );
  n.l('10.40.2.15 - - [14/Jun/2025:07:12:41 +0000] "GET /healthz HTTP/1.1" 200 2 "-" "kube-probe/1.28"');
}

// ---- ServiceNow incident export -----------------------------------------------------------

function servicenow(repo, t, g) {
  const c = repo.file('support/servicenow/incident-export-2025-06.csv', 'support');
  const pw = g.human();
  const amos = g.gen(16);
  const aero = g.aeroapi();
  c.l('number,sys_id,opened_at,caller_id,short_description,description,state');
  c.s(
    `INC0048211,${g.sysId()},2025-06-02 07:14:10,j.walsh,"Hangar kiosk locked","Reset hangarkiosk account at DUB hangar 6; new password ${pw} given to shift lead",Resolved`,
    'generic',
    pw,
  );
  c.s(
    `INC0048230,${g.sysId()},2025-06-03 11:40:02,mro.integration,"AMOS WS auth failing","WS_MRO password was rotated to ${amos} on the AMOS side, please update the MRO API config",Closed`,
    'generic',
    amos,
  );
  c.s(
    `INC0048244,${g.sysId()},2025-06-05 16:02:55,ops.control,"OTP dashboard empty","AeroAPI key ${aero} hit the monthly quota; vendor raised limit",Resolved`,
    'generic',
    aero,
  );
  c.d(
    `INC0048251,${g.sysId()},2025-06-06 09:10:00,c.byrne,"EFB login","User reports password is ********, account unlocked",Closed`,
    'masked, sys_id record id',
  );

  const sn = repo.file('support/servicenow/scripts/export_incidents.py', 'support');
  const snpw = g.gen(18);
  sn.l('import requests', '', 'INSTANCE = "https://skylarkair.service-now.com"');
  sn.s(`AUTH = ("svc_export", "${snpw}")`, 'generic', snpw);
  sn.l('resp = requests.get(f"{INSTANCE}/api/now/table/incident", auth=AUTH, params={"sysparm_limit": 1000})');
}

// ---- Teams chat export --------------------------------------------------------------------

function teams(repo, t, g) {
  const f = repo.file('support/teams-export/mcc-ops-channel-2025-06.json', 'chat');
  const sita = g.human();
  const vault = g.vault();
  const ghp = t.github();
  f.l('{', '  "channel": "MCC Ops",', '  "messages": [');
  f.l(
    '    {"from": "Aoife Kelly", "createdDateTime": "2025-06-10T05:02:11Z", "body": "EI-SKB AOG at ORK, hydraulic leak ATA 29, ETR 14:00Z"},',
  );
  f.s(
    `    {"from": "Declan Ryan", "createdDateTime": "2025-06-10T05:10:40Z", "body": "SITA MQ pw for the fallback box is ${sita} until they reissue"},`,
    'generic',
    sita,
  );
  f.s(
    `    {"from": "Priya Nair", "createdDateTime": "2025-06-10T05:12:03Z", "body": "use my vault token for now: ${vault}"},`,
    'vault',
    vault,
  );
  f.s(
    `    {"from": "Tom Fitz", "createdDateTime": "2025-06-10T05:20:55Z", "body": "pushed the fix, token if the pipeline needs it ${ghp}"},`,
    'github',
    ghp,
  );
  f.l(
    '    {"from": "Aoife Kelly", "createdDateTime": "2025-06-10T05:21:30Z", "body": "please stop pasting passwords here, use the Keeper share"}',
  );
  f.l('  ]', '}');

  const h = repo.file('support/teams-export/crew-control-2025-06.html', 'chat');
  const cp = g.human();
  const dd = t.ddApp();
  h.l('<html><body>', '<div class="message"><span class="from">Sinead Doyle</span>');
  h.s(`<p>Crew portal test account: crewtest01 / ${cp}</p></div>`, 'generic', cp);
  h.l('<div class="message"><span class="from">Mark Quinn</span>');
  h.s(`<p>Datadog app key for the roster dashboard: ${dd}</p></div>`, 'datadog', dd);
  h.d('<div class="message"><p>Flight EI3321 PNR ABC12X rebooked onto EI3325</p></div>', 'record locator');
  h.l('</body></html>');
}

// ---- Confluence page export ----------------------------------------------------------------

function confluence(repo, t, g) {
  const c = repo.file('docs/confluence/MRO-IT/AMOS-Integration-Runbook.html', 'docs');
  const amos = g.gen(16);
  const trax = g.plain(32);
  const sb = g.sbKey();
  c.l(
    '<h1>AMOS Integration Runbook</h1>',
    '<table class="confluenceTable">',
    '<tr><th>System</th><th>User</th><th>Password / key</th></tr>',
  );
  c.s(`<tr><td>AMOS WS (prod)</td><td>WS_MRO</td><td>${amos}</td></tr>`, 'generic', amos);
  c.s(`<tr><td>TRAX eMobility</td><td>api</td><td><code>${trax}</code></td></tr>`, 'generic', trax);
  c.s(`<tr><td>Service Bus</td><td>mro-publisher</td><td>SharedAccessKey=${sb}</td></tr>`, 'azure', sb);
  c.d('<tr><td>AMOS WS (test)</td><td>WS_MRO_T</td><td>see Keeper folder "MRO-IT"</td></tr>', 'pointer to vault');
  c.l('</table>');
  c.d(`<p>Page id ${t.digits(9)}, last updated by c.murphy</p>`, 'confluence page id');

  const r = repo.file('docs/confluence/OPS/Weather-Feeds.html', 'docs');
  const owm = g.owm();
  const rp = g.rapid();
  r.l('<h1>Weather and ADS-B feeds</h1>', '<ul>');
  r.s(`<li>OpenWeather One Call: appid <code>${owm}</code> (ops account)</li>`, 'generic', owm);
  r.s(`<li>ADS-B Exchange via RapidAPI: <code>${rp}</code></li>`, 'rapidapi', rp);
  r.l('<li>AviationWeather.gov METAR/TAF: no key required</li>');
  r.l('</ul>');
}

// ---- Docs ---------------------------------------------------------------------------------

function docs(repo, t, g) {
  const r = repo.file('README.md', 'docs');
  r.l(
    '# Skylark Air ops & MRO monorepo',
    '',
    'Crew scheduling, MRO work orders, flight-ops analytics, ACARS gateway and the EFB app.',
    '',
    '## Local setup',
    '',
    '```sh',
  );
  r.d('export AEROAPI_KEY=<your-aeroapi-key>', 'placeholder');
  r.l('export AMOS_PASSWORD=${AMOS_PASSWORD:?set me}');
  r.l('docker compose up -d oracle rabbitmq fdm-db', '```');

  const a = repo.file('docs/runbooks/acars-gateway.md', 'docs');
  const pw = g.gen(16);
  const key = t.opensshPem();
  a.l('# ACARS gateway runbook', '', '## Break-glass');
  a.s(`ARINC GLOBALink portal: user \`SKYDLK01\`, password \`${pw}\`.`, 'generic', pw);
  a.l('', 'SSH key for acars-gw hosts (root, break-glass):', '', '```');
  a.s(key, 'private-key', key.join('\n'));
  a.l('```', '', 'Host public key fingerprints (safe to share):', '');
  a.d(`    SHA256:${t.mixed(B64, 43)} acars-gw1 (ED25519)`, 'ssh host key fingerprint');
  a.d(`ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${t.mixed(B64, 43)} ops@acars-gw1`, 'public key');

  const w = repo.file('docs/integrations/flightaware.md', 'docs');
  w.l('# FlightAware AeroAPI', '', 'Requests carry the key in the `x-apikey` header:', '', '```sh');
  w.l('curl -H "x-apikey: $AEROAPI_KEY" https://aeroapi.flightaware.com/aeroapi/flights/EIN3321');
  w.d(
    'curl -H "x-apikey: YOUR_API_KEY" https://aeroapi.flightaware.com/aeroapi/airports/EIDW',
    'documented placeholder',
  );
  w.l('```');

  const o = repo.file('docs/onboarding/hangar-it.md', 'docs');
  const tmp = g.human();
  o.l('# Hangar IT for new technicians', '');
  o.s(
    `First logon to the hangar kiosks uses the temporary password \`${tmp}\`; change it when prompted.`,
    'generic',
    tmp,
  );
  o.l('Your AMOS login is created by MRO-IT; they never ask for your password by phone.');
  o.l('JWT signing public key:');
  o.d(g.pubPem(), 'public key');
}

// ---- Noise: hashes, identifiers, aviation codes ---------------------------------------------

function noise(repo, t, g) {
  const fl = repo.file('analytics/flightops/data/fleet.csv', 'decoys');
  fl.l('registration,type,msn,icao24,selcal');
  for (const reg of ['EI-SKA', 'EI-SKB', 'EI-SKC']) {
    const row = `${reg},AT76,${t.digits(4)},${g.icao24()},${t.pick('ABCDEFGHJKLMPQRS', 2)}-${t.pick('ABCDEFGHJKLMPQRS', 2)}`;
    if (reg === 'EI-SKA') fl.d(row, 'fleet identifiers (registration, msn, icao24, selcal)');
    else fl.l(row);
  }

  const gv = repo.file('apps/efb-android/gradle/verification-metadata.xml', 'decoys');
  gv.l(
    '<verification-metadata>',
    '  <components>',
    '    <component group="com.mapbox.maps" name="android" version="11.4.0">',
    '      <artifact name="android-11.4.0.aar">',
  );
  gv.d(`        <sha256 value="${t.sha256()}" origin="Generated by Gradle"/>`, 'artifact checksum');
  gv.l('      </artifact>', '    </component>', '  </components>', '</verification-metadata>');

  const sum = repo.file('services/acars-gateway/go.sum', 'decoys');
  sum.d(
    `github.com/eclipse/paho.mqtt.golang v1.4.3 h1:${Buffer.from(t.pick(HEX, 64), 'hex').toString('base64')}`,
    'go.sum hash',
  );

  const k = repo.file('services/crew-scheduling/src/main/java/com/skylarkair/crew/Constants.java', 'decoys');
  k.l('package com.skylarkair.crew;', '', 'public final class Constants {');
  k.l('    public static final String OKTA_TOKEN_ENV = "OKTA_API_TOKEN";');
  k.d(`    public static final String ROSTER_SCHEMA_SHA1 = "${t.sha1()}";`, 'sha1');
  k.d(`    public static final String SN_ASSIGNMENT_GROUP_SYS_ID = "${g.sysId()}";`, 'servicenow sys_id (record id)');
  k.l('}');

  const lfs = repo.file('apps/efb-android/app/src/main/assets/charts/EIDW.pdf', 'decoys');
  lfs.l('version https://git-lfs.github.com/spec/v1');
  lfs.d(`oid sha256:${t.sha256()}`, 'git lfs pointer');
  lfs.l(`size ${t.digits(7)}`);
}
