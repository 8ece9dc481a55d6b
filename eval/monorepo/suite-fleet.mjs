// Trucking and fleet-telematics company monorepo (Longhaul Freight): a Java/Quarkus dispatch
// service, a C# .NET TMS with EDI X12 (204/214/210) over AS2 and SFTP, a Go telematics ingest
// service (Samsara, Geotab, Motive, Omnitracs, MQTT from ELD devices), Python route optimisation
// and fuel analytics with notebooks (HERE, Google Maps, PC*MILER), a Kotlin driver app and a React
// portal, fuel cards (WEX, Comdata, EFS), load boards (DAT, Truckstop), factoring and payments
// (Stripe, Dwolla, QuickBooks Online, Bill.com), Twilio and Vonage, Snowflake and dbt, Confluent
// Kafka, Redis, PostgreSQL, embedded C for trailer sensors, AKS + Helm, Terraform (Azure), Docker,
// Azure DevOps and GitHub Actions, PowerShell and batch on terminal PCs, cron, logs, ticket and
// chat exports, and docs.
import { ALNUM, B64, DIGIT, HEX, LOWER, UPPER, URLSAFE, Repo, makeTokens, mulberry32 } from './generate.mjs';

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 6151 + 887);
  const t = makeTokens(rand);
  const repo = new Repo();
  const g = gens(t);
  dispatchJava(repo, t, g);
  tmsDotnet(repo, t, g);
  edi(repo, t, g);
  telematicsGo(repo, t, g);
  mqttBroker(repo, t, g);
  analytics(repo, t, g);
  notebooks(repo, t, g);
  driverApp(repo, t, g);
  webPortal(repo, t, g);
  settlements(repo, t, g);
  dataPlatform(repo, t, g);
  firmware(repo, t, g);
  kubernetes(repo, t, g);
  terraform(repo, t, g);
  docker(repo, t, g);
  ci(repo, t, g);
  terminals(repo, t, g);
  cronShell(repo, t, g);
  logs(repo, t, g);
  support(repo, t, g);
  docs(repo, t, g);
  keys(repo, t, g);
  noise(repo, t, g);
  return repo;
}

function gens(t) {
  const b64 = (n) => t.mixed(B64, n);
  const enc = (s) => Buffer.from(s).toString('base64');
  const b64url = (s) => Buffer.from(s).toString('base64url');
  const WORDS = [
    'Kenworth',
    'Peterbilt',
    'Reefer',
    'Flatbed',
    'Diesel',
    'Convoy',
    'Tandem',
    'Deadhead',
    'Dispatch',
    'Mileage',
  ];
  const word = () => WORDS[Number(t.pick(DIGIT, 1))];
  // What people pick for shared accounts at the terminals and vendor portals.
  const human = () => {
    const sym = t.pick('!#@*.', 1);
    switch (t.pick('0123', 1)) {
      case '0':
        return `${word()}20${t.pick('12', 1)}${t.pick(DIGIT, 1)}${sym}`;
      case '1':
        return `${word()}${sym}${t.pick(DIGIT, 2)}${word().toLowerCase()}`;
      case '2':
        return `Haul${word()}${t.pick(DIGIT, 2)}${sym}`;
      default:
        return `${word().toLowerCase()}-${word()}-${t.pick(DIGIT, 4)}`;
    }
  };
  // Password-manager output, safe inside XML, JSON, properties and quoted YAML.
  const gen = (n = 20) => `${t.pick(UPPER + LOWER, 1)}${t.mixed(ALNUM + '!#*-_?@^+', n - 1)}`;
  const plain = (n = 18) => t.alnum(n);
  const VIN = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
  const jwtWith = (payload) =>
    `${b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }))}.${b64url(JSON.stringify(payload))}.${t.mixed(URLSAFE, 342)}`;
  const mapbox = (kind) =>
    `${kind}.${b64url(JSON.stringify({ u: 'longhaulfreight', a: t.mixed(LOWER + DIGIT, 25) }))}.${t.mixed(URLSAFE, 22)}`;
  return {
    b64,
    enc,
    b64url,
    human,
    gen,
    plain,
    pw: () => t.password(),
    // Telematics
    samsara: () => `samsara_api_${t.alnum(30)}`,
    samsaraWebhook: () => `${b64(43)}=`,
    motiveKey: () => t.uuid(),
    geotabSession: () => t.mixed(ALNUM, 22),
    // Maps and routing
    here: () => t.mixed(URLSAFE, 43),
    hereSecret: () => t.mixed(URLSAFE, 86),
    hereKeyId: () => t.mixed(URLSAFE, 22),
    pcmiler: () => t.pick('0123456789ABCDEF', 32),
    // Payments and accounting
    stripeRk: () => `rk_live_51${t.mixed(ALNUM, 97)}`,
    stripeWhsec: () => `whsec_${t.alnum(32)}`,
    stripePk: () => `pk_live_51${t.mixed(ALNUM, 97)}`,
    dwolla: () => t.alnum(50),
    qboId: () => `AB${t.alnum(48)}`,
    qboSecret: () => t.alnum(40),
    qboRefresh: () => `AB11${t.digits(13)}${t.alnum(37)}`,
    billDevKey: () => `01${t.mixed(UPPER + DIGIT, 18)}`,
    // Comms
    vonageKey: () => t.hex(8),
    vonageSecret: () => t.alnum(16),
    twilioSkSid: () => `SK${t.hex(32)}`,
    twilioSkSecret: () => t.alnum(32),
    teamsHook: () =>
      `https://longhaulfreight.webhook.office.com/webhookb2/${t.uuid()}@${t.uuid()}/IncomingWebhook/${t.hex(32)}/${t.uuid()}`,
    fcm: () => `AAAA${t.mixed(URLSAFE, 7)}:APA91b${t.mixed(URLSAFE, 134)}`,
    mapboxPk: () => mapbox('pk'),
    mapboxSk: () => mapbox('sk'),
    // Data
    confluentKey: () => t.mixed(UPPER + DIGIT, 16),
    confluentSecret: () => t.mixed(ALNUM + '+/', 64),
    // Azure
    azSecret: () => t.azureClientSecret(),
    sbKey: () => `${b64(43)}=`,
    redisKey: () => `${b64(43)}=`,
    iotKey: () => `${b64(43)}=`,
    acrPw: () => `${t.mixed(ALNUM, 42)}+ACR${t.mixed(ALNUM, 6)}`,
    adoPat: () => t.mixed('abcdefghijklmnopqrstuvwxyz234567', 52),
    ghFine: () => `github_pat_11${t.mixed(UPPER + DIGIT, 20)}_${t.mixed(ALNUM, 59)}`,
    zendesk: () => t.alnum(40),
    jira: () => t.alnum(24),
    datJwt: () =>
      jwtWith({
        iss: 'https://identity.api.dat.com',
        sub: 'svc-loadboard@longhaulfreight.com',
        aud: 'freight.api.dat.com',
        iat: 1748822400,
        exp: 2064182400,
      }),
    serviceJwt: () =>
      jwtWith({
        iss: 'https://auth.longhaulfreight.com',
        sub: 'svc-portal',
        scope: 'loads:read loads:write drivers:read',
        iat: 1748822400,
        exp: 2064182400,
      }),
    k8sJwt: () =>
      jwtWith({
        iss: 'kubernetes/serviceaccount',
        'kubernetes.io/serviceaccount/namespace': 'ci',
        'kubernetes.io/serviceaccount/secret.name': 'ci-deployer-token',
        'kubernetes.io/serviceaccount/service-account.name': 'ci-deployer',
        sub: 'system:serviceaccount:ci:ci-deployer',
      }),
    expiredJwt: () =>
      jwtWith({ iss: 'https://auth.longhaulfreight.com', sub: 'jdoe', iat: 1717200000, exp: 1717203600 }),
    vin: () => `${t.pick('1345', 1)}${t.pick('FMNX', 1)}${t.pick('KU', 1)}${t.pick(VIN, 14)}`,
    imei: () => `35${t.pick(DIGIT, 13)}`,
    aesKey: () => Array.from({ length: 16 }, () => `0x${t.pick('0123456789ABCDEF', 2)}`).join(', '),
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
      `MIIDazCCAlOgAwIBAgIU${b64(44)}`,
      ...Array.from({ length: 12 }, () => b64(64)),
      `${b64(40)}==`,
      '-----END CERTIFICATE-----',
    ],
  };
}

// ---- Java / Quarkus: dispatch service ------------------------------------------------------

function dispatchJava(repo, t, g) {
  const a = repo.file('services/dispatch/src/main/resources/application.properties', 'java');
  const dbPw = g.gen(22);
  const oidc = g.azSecret();
  const ck = g.confluentKey();
  const cs = g.confluentSecret();
  const rk = g.redisKey();
  const twTok = t.twilioToken();
  const datPw = g.human();
  const tsPw = g.gen(18);
  a.l(
    'quarkus.application.name=dispatch',
    'quarkus.http.port=8080',
    'quarkus.datasource.db-kind=postgresql',
    'quarkus.datasource.username=dispatch_app',
    '%prod.quarkus.datasource.jdbc.url=jdbc:postgresql://pg-lhf-prod.postgres.database.azure.com:5432/dispatch?sslmode=require',
  );
  a.s(`%prod.quarkus.datasource.password=${dbPw}`, 'generic', dbPw);
  a.l('%dev.quarkus.datasource.devservices.enabled=true');
  a.l('%test.quarkus.datasource.password=${TEST_DB_PASSWORD:}');
  a.l(`quarkus.oidc.auth-server-url=https://login.microsoftonline.com/${t.uuid()}/v2.0`);
  a.l(`quarkus.oidc.client-id=${t.uuid()}`);
  a.s(`quarkus.oidc.credentials.secret=${oidc}`, 'azure', oidc);
  a.l(
    `kafka.bootstrap.servers=pkc-${t.lower(5)}.eastus2.azure.confluent.cloud:9092`,
    'kafka.security.protocol=SASL_SSL',
    'kafka.sasl.mechanism=PLAIN',
  );
  a.s(
    `kafka.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="${ck}" password="${cs}";`,
    'confluent',
    cs,
  );
  a.l('quarkus.redis.hosts=rediss://lhf-dispatch.redis.cache.windows.net:6380');
  a.s(`quarkus.redis.password=${rk}`, 'azure', rk);
  a.d(`twilio.account-sid=${t.twilioSid()}`, 'twilio account sid (identifier)');
  a.s(`twilio.auth-token=${twTok}`, 'twilio', twTok);
  a.l('twilio.from-number=+18175550142', 'dat.identity-url=https://identity.api.dat.com/access/v1/token/organization');
  a.l('dat.service-account=svc-loadboard@longhaulfreight.com');
  a.s(`dat.service-password=${datPw}`, 'generic', datPw);
  a.d(`truckstop.integration-id=${t.uuid()}`, 'truckstop integration id');
  a.l('truckstop.username=lhf_dispatch');
  a.s(`truckstop.password=${tsPw}`, 'generic', tsPw);
  a.l('quarkus.mailer.password=${SMTP_PASSWORD}');
  a.l('mp.jwt.verify.publickey.location=META-INF/resources/publicKey.pem');

  const dat = repo.file('services/dispatch/src/main/java/com/longhaul/dispatch/loadboard/DatClient.java', 'java');
  const orgTok = g.datJwt();
  dat.l(
    'package com.longhaul.dispatch.loadboard;',
    '',
    'import java.net.URI;',
    'import java.net.http.*;',
    '',
    'public class DatClient {',
    '    private static final String SEARCH = "https://freight.api.dat.com/search/v3/assetQueries";',
    '    // org token for the prod service account; refreshed by hand until LHF-2291 lands',
  );
  dat.s(`    private static final String ORG_TOKEN = "${orgTok}";`, 'generic', orgTok);
  dat.l(
    '    private final HttpClient http = HttpClient.newHttpClient();',
    '',
    '    HttpRequest search(String body) {',
    '        return HttpRequest.newBuilder(URI.create(SEARCH))',
  );
  dat.l('            .header("Authorization", "Bearer " + userToken())');
  dat.l('            .POST(HttpRequest.BodyPublishers.ofString(body)).build();', '    }', '}');

  const ts = repo.file('services/dispatch/src/main/java/com/longhaul/dispatch/loadboard/TruckstopClient.java', 'java');
  const tsPw2 = g.gen(18);
  ts.l(
    'package com.longhaul.dispatch.loadboard;',
    '',
    'import com.truckstop.webservices.loads.*;',
    '',
    'public class TruckstopClient {',
    '    public LoadSearchResult search(LoadSearchCriteria criteria) {',
    '        LoadSearchRequest req = new LoadSearchRequest();',
  );
  ts.l(`        req.setIntegrationId(${t.digits(6)});`);
  ts.l('        req.setUserName("lhf_dispatch");');
  ts.s(`        req.setPassword("${tsPw2}");`, 'generic', tsPw2);
  ts.l('        req.setCriteria(criteria);', '        return port().getLoadSearchResults(req);', '    }', '}');

  const n = repo.file('services/dispatch/src/main/java/com/longhaul/dispatch/notify/DriverNotifier.java', 'java');
  const twTok2 = t.twilioToken();
  const vs = g.vonageSecret();
  n.l(
    'package com.longhaul.dispatch.notify;',
    '',
    'import com.twilio.Twilio;',
    'import com.vonage.client.VonageClient;',
    '',
    'public class DriverNotifier {',
    '    static {',
  );
  n.s(`        Twilio.init("${t.twilioSid()}", "${twTok2}");`, 'twilio', twTok2);
  n.l('    }', '', '    private final VonageClient vonage = VonageClient.builder()');
  n.d(`            .apiKey("${g.vonageKey()}")`, 'vonage api key (identifier; the secret is the next line)');
  n.s(`            .apiSecret("${vs}")`, 'vonage', vs);
  n.l('            .build();', '', '    String fromNumber() {');
  n.d('        return System.getenv("TWILIO_FROM_NUMBER");', 'env read');
  n.l('    }', '}');

  const pk = repo.file('services/dispatch/src/main/resources/privateKey.pem', 'keys');
  const p8 = t.pkcs8Pem();
  pk.s(p8, 'private-key', p8.join('\n'));
  const pub = repo.file('services/dispatch/src/main/resources/META-INF/resources/publicKey.pem', 'keys');
  pub.d(g.pubPem(), 'public key');

  const m2 = repo.file('services/dispatch/.mvn/settings.xml', 'java');
  const pat = g.adoPat();
  m2.l(
    '<settings>',
    '  <servers>',
    '    <server>',
    '      <id>longhaul-artifacts</id>',
    '      <username>longhaul</username>',
  );
  m2.s(`      <password>${pat}</password>`, 'azure-devops', pat);
  m2.l('    </server>', '    <server>', '      <id>longhaul-releases</id>', '      <username>ci</username>');
  m2.l('      <password>${env.ARTIFACTS_PAT}</password>');
  m2.l('    </server>', '  </servers>', '</settings>');

  const tp = repo.file('services/dispatch/src/test/resources/application.properties', 'java');
  tp.l('quarkus.datasource.password=test');
  tp.l('twilio.auth-token=00000000000000000000000000000000');
  tp.d('dat.service-password=not-a-real-password', 'test fixture');
  tp.d('truckstop.integration-id=00000000-0000-0000-0000-000000000000', 'zero guid');
}

// ---- .NET TMS ------------------------------------------------------------------------------

function tmsDotnet(repo, t, g) {
  const a = repo.file('services/tms/Longhaul.Tms.Api/appsettings.json', 'dotnet');
  const dbPw = g.gen(20);
  const sb = g.sbKey();
  const az = g.azSecret();
  const qSec = g.qboSecret();
  const qRef = g.qboRefresh();
  const bDev = g.billDevKey();
  const bPw = g.human();
  const pfx = g.gen(16);
  a.l('{', '  "ConnectionStrings": {');
  a.s(
    `    "TmsDb": "Host=pg-lhf-prod.postgres.database.azure.com;Database=tms;Username=tms_app;Password=${dbPw};SSL Mode=Require;Trust Server Certificate=false",`,
    'database',
    dbPw,
  );
  a.s(
    `    "ServiceBus": "Endpoint=sb://lhf-prod.servicebus.windows.net/;SharedAccessKeyName=tms-send;SharedAccessKey=${sb}"`,
    'azure',
    sb,
  );
  a.l('  },', '  "AzureAd": {', '    "Instance": "https://login.microsoftonline.com/",');
  a.l(`    "TenantId": "${t.uuid()}",`);
  a.d(`    "ClientId": "${t.uuid()}",`, 'client id');
  a.s(`    "ClientSecret": "${az}"`, 'azure', az);
  a.l('  },', '  "QuickBooks": {', '    "Environment": "production",');
  a.d(`    "ClientId": "${g.qboId()}",`, 'intuit oauth client id');
  a.s(`    "ClientSecret": "${qSec}",`, 'quickbooks', qSec);
  a.l(`    "RealmId": "${t.digits(19)}",`);
  a.s(`    "RefreshToken": "${qRef}"`, 'quickbooks', qRef);
  a.l('  },', '  "BillCom": {', '    "BaseUrl": "https://api.bill.com/api/v2",');
  a.s(`    "DevKey": "${bDev}",`, 'billcom', bDev);
  a.l(`    "OrgId": "00801${t.mixed(UPPER + DIGIT, 10)}",`);
  a.l('    "UserName": "ap-automation@longhaulfreight.com",');
  a.s(`    "Password": "${bPw}"`, 'generic', bPw);
  a.l('  },', '  "Edi": {');
  a.d('    "As2Id": "LONGHAULFRT",', 'as2 identifier');
  a.l('    "SigningCertificatePath": "certs/as2-signing.pfx",');
  a.s(`    "SigningCertificatePassword": "${pfx}"`, 'generic', pfx);
  a.l('  },');
  a.d(
    `  "ApplicationInsights": { "ConnectionString": "InstrumentationKey=${t.uuid()};IngestionEndpoint=https://eastus2-3.in.applicationinsights.azure.com/" }`,
    'app insights instrumentation key',
  );
  a.l('}');

  const dev = repo.file('services/tms/Longhaul.Tms.Api/appsettings.Development.json', 'dotnet');
  dev.l('{', '  "ConnectionStrings": {');
  dev.d('    "TmsDb": "Host=localhost;Database=tms;Username=postgres;Password=${PGPASSWORD}"', 'placeholder');
  dev.l('  },', '  "QuickBooks": {', '    "Environment": "sandbox",');
  dev.d('    "ClientSecret": "<set with dotnet user-secrets>"', 'placeholder');
  dev.l('  },', '  "BillCom": {');
  dev.d('    "Password": ""', 'empty');
  dev.l('  }', '}');

  const ls = repo.file('services/tms/Longhaul.Tms.Api/Properties/launchSettings.json', 'dotnet');
  const lsStripe = t.stripeLive();
  const lsAz = g.azSecret();
  ls.l(
    '{',
    '  "profiles": {',
    '    "Longhaul.Tms.Api": {',
    '      "commandName": "Project",',
    '      "environmentVariables": {',
  );
  ls.l('        "ASPNETCORE_ENVIRONMENT": "Development",');
  ls.s(`        "Stripe__SecretKey": "${lsStripe}",`, 'stripe', lsStripe);
  ls.s(`        "AzureAd__ClientSecret": "${lsAz}"`, 'azure', lsAz);
  ls.l('      }', '    }', '  }', '}');

  const fc = repo.file('services/tms/Longhaul.Tms.FuelCards/FuelCardClients.cs', 'dotnet');
  const wexPw = g.gen(20);
  const cdPw = g.human();
  const efsPw = g.gen(16);
  const wexSec = t.alnum(40);
  fc.l(
    'using System.Net.Http.Headers;',
    'using System.Text;',
    '',
    'namespace Longhaul.Tms.FuelCards;',
    '',
    'public static class FuelCardClients',
    '{',
    '    public static void Register(IServiceCollection services)',
    '    {',
    '        services.AddHttpClient("wex", c =>',
    '        {',
    '            c.BaseAddress = new Uri("https://api.wexinc.com/fleet/v1/");',
  );
  fc.s(
    `            c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("lhf_fleet_api:${wexPw}")));`,
    'generic',
    wexPw,
  );
  fc.l('        });', '    }', '', '    public static WexTokenRequest WexOAuth() => new()', '    {');
  fc.d(`        ClientId = "${t.uuid()}",`, 'wex oauth client id');
  fc.s(`        ClientSecret = "${wexSec}",`, 'generic', wexSec);
  fc.l('        Scope = "transactions.read cards.manage",', '    };', '');
  fc.l(
    '    public static ComdataCredentials Comdata() => new()',
    '    {',
    '        AccountCode = "LHF01",',
    '        UserId = "api_lhf",',
  );
  fc.s(`        Password = "${cdPw}",`, 'generic', cdPw);
  fc.l('    };', '', '    public static async Task<string> EfsLogin(CardManagementWS ws)', '    {');
  fc.s(`        return await ws.loginAsync("lhf_api", "${efsPw}");`, 'generic', efsPw);
  fc.l('    }', '}');

  const pr = repo.file('services/tms/Longhaul.Tms.Api/Program.cs', 'dotnet');
  const sg = t.sendgrid();
  pr.l(
    'using SendGrid;',
    'using Stripe;',
    '',
    'var builder = WebApplication.CreateBuilder(args);',
    'builder.Services.AddControllers();',
  );
  pr.s(`builder.Services.AddSingleton(new SendGridClient("${sg}"));`, 'sendgrid', sg);
  pr.l('StripeConfiguration.ApiKey = builder.Configuration["Stripe:SecretKey"];');
  pr.d('var qboSecret = Environment.GetEnvironmentVariable("QBO_CLIENT_SECRET");', 'env read');
  pr.l('var app = builder.Build();', 'app.MapControllers();', 'app.Run();');

  const ng = repo.file('services/tms/nuget.config', 'dotnet');
  const ngPat = g.adoPat();
  ng.l(
    '<?xml version="1.0" encoding="utf-8"?>',
    '<configuration>',
    '  <packageSources>',
    '    <add key="longhaul" value="https://pkgs.dev.azure.com/longhaulfreight/_packaging/longhaul/nuget/v3/index.json" />',
    '  </packageSources>',
    '  <packageSourceCredentials>',
    '    <longhaul>',
    '      <add key="Username" value="build" />',
  );
  ng.s(`      <add key="ClearTextPassword" value="${ngPat}" />`, 'azure-devops', ngPat);
  ng.l('    </longhaul>', '  </packageSourceCredentials>', '</configuration>');

  const cp = repo.file('services/tms/Longhaul.Tms.Api/Longhaul.Tms.Api.csproj', 'dotnet');
  cp.l('<Project Sdk="Microsoft.NET.Sdk.Web">', '  <PropertyGroup>', '    <TargetFramework>net8.0</TargetFramework>');
  cp.l(`    <UserSecretsId>${t.uuid()}</UserSecretsId>`);
  cp.l('  </PropertyGroup>', '</Project>');

  const fx = repo.file('services/tms/Longhaul.Tms.Tests/Fixtures/FakeCredentials.cs', 'dotnet');
  fx.l('namespace Longhaul.Tms.Tests.Fixtures;', '', 'public static class FakeCredentials', '{');
  fx.d('    public const string QboClientSecret = "fake-qbo-secret-for-tests";', 'test fixture');
  fx.l('    public const string ComdataPassword = "P@ssw0rd-not-real";');
  fx.d('    public const string BillComDevKey = "XXXXXXXXXXXXXXXXXXXX";', 'placeholder');
  fx.l('}');
}

// ---- EDI X12 over AS2 and SFTP -------------------------------------------------------------

function edi(repo, t, g) {
  const p = repo.file('services/tms/Longhaul.Tms.Edi/config/partners.json', 'edi');
  const s1 = g.gen(18);
  const s2 = g.human();
  const as2Pw = g.plain(20);
  p.l('{', '  "partners": [', '    {', '      "name": "Acme Shipper Co",', '      "transport": "sftp",');
  p.l('      "isaId": "ACMESHIP       ",');
  p.l('      "host": "sftp.acmeshipper.com",', '      "username": "longhaul",');
  p.s(`      "password": "${s1}",`, 'generic', s1);
  p.d(`      "hostKeyFingerprint": "SHA256:${g.b64(43)}",`, 'ssh host key fingerprint');
  p.l(
    '      "inbox": "/out/204", "outbox": "/in/214"',
    '    },',
    '    {',
    '      "name": "Great Plains Grocers",',
    '      "transport": "sftp",',
  );
  p.l('      "host": "edi.gpgrocers.net",', '      "username": "lhf_edi",');
  p.s(`      "password": "${s2}",`, 'generic', s2);
  p.l(
    '      "inbox": "/outbound", "outbox": "/inbound"',
    '    },',
    '    {',
    '      "name": "Northwind Retail",',
    '      "transport": "as2",',
  );
  p.l('      "as2To": "NWRETAILPROD",');
  p.l('      "url": "https://as2.northwindretail.com/as2/receive",', '      "basicAuthUser": "longhaul",');
  p.s(`      "basicAuthPassword": "${as2Pw}",`, 'generic', as2Pw);
  p.d(`      "encryptionCertThumbprint": "${t.sha1().toUpperCase()}"`, 'certificate thumbprint');
  p.l('    }', '  ]', '}');

  const sp = repo.file('services/tms/Longhaul.Tms.Edi/Sftp/SftpPoller.cs', 'edi');
  const pw = g.gen(18);
  const kp = g.human();
  sp.l('using Renci.SshNet;', '', 'namespace Longhaul.Tms.Edi.Sftp;', '', 'public class SftpPoller', '{');
  sp.l('    // Kroger-style partners still hand out password logins');
  sp.s(
    `    private SftpClient Legacy() => new SftpClient("ftp.heartlandfoods.com", 22, "longhaulfrt", "${pw}");`,
    'generic',
    pw,
  );
  sp.l('', '    private SftpClient KeyBased()', '    {');
  sp.s(`        var key = new PrivateKeyFile("keys/edi_rsa", "${kp}");`, 'generic', kp);
  sp.l('        return new SftpClient("sftp.acmeshipper.com", "longhaul", key);', '    }', '');
  sp.l('    private string Password(Partner p) => _vault.GetSecret($"edi-{p.Code}-password");');
  sp.l('}');

  const x204 = repo.file('services/tms/Longhaul.Tms.Edi/samples/204/ACMESHIP_204_000004211.x12', 'edi');
  x204.d(
    'ISA*00*          *00*          *ZZ*ACMESHIP       *ZZ*LONGHAULFRT    *250602*0912*U*00401*000004211*0*P*>~',
    'isa envelope with empty authorization and security fields',
  );
  x204.l(
    'GS*SM*ACMESHIP*LONGHAULFRT*20250602*0912*4211*X*004010~',
    'ST*204*0001~',
    `B2**LHFT**${t.digits(9)}**PP~`,
    'B2A*00*LT~',
    'L11*PO-884120*PO~',
    'S5*1*CL~',
    'N1*SH*ACME SHIPPER DC 4*93*0412~',
    'S5*2*CU~',
    'N1*CN*NORTHWIND STORE 118*93*118~',
    'SE*10*0001~',
    'GE*1*4211~',
    'IEA*1*000004211~',
  );

  const x210 = repo.file('services/tms/Longhaul.Tms.Edi/outbound/210/GPGROCERS_210_000007730.x12', 'edi');
  const isaPw = t.alnum(10);
  x210.l('# generated by Longhaul.Tms.Edi 3.4.1 - partner requires ISA03=01 security password');
  x210.s(
    `ISA*00*          *01*${isaPw}*ZZ*LONGHAULFRT    *ZZ*GPGROCERS      *250602*1430*U*00401*000007730*0*P*>~`,
    'generic',
    isaPw,
  );
  x210.l(
    'GS*IM*LONGHAULFRT*GPGROCERS*20250602*1430*7730*X*004010~',
    'ST*210*0001~',
    `B3**${t.digits(8)}*PO-55120*PP**20250602*184250****LHFT~`,
    'L3*42000*G***184250~',
    'SE*4*0001~',
    'GE*1*7730~',
    'IEA*1*000007730~',
  );

  const x214 = repo.file('services/tms/Longhaul.Tms.Edi/samples/214/status.x12', 'edi');
  x214.d(
    'ISA*00*          *00*          *ZZ*LONGHAULFRT    *ZZ*NWRETAILPROD   *250602*1501*U*00401*000007731*0*P*>~',
    'isa envelope with empty authorization and security fields',
  );
  x214.l(`MS1*DALLAS*TX*US~MS2*LHFT*${g.vin().slice(-8)}*TL~`);

  const ak = repo.file('services/tms/Longhaul.Tms.Edi/certs/as2-signing.key', 'keys');
  const rsa = t.rsaPem();
  ak.s(rsa, 'private-key', rsa.join('\n'));
  const ac = repo.file('services/tms/Longhaul.Tms.Edi/certs/partners/northwind-as2.cer', 'keys');
  ac.d(g.certPem(), 'partner certificate');
}

// ---- Go telematics ingest ------------------------------------------------------------------

function telematicsGo(repo, t, g) {
  const c = repo.file('services/telematics-ingest/config/config.prod.yaml', 'go');
  const sam = g.samsara();
  const samWh = g.samsaraWebhook();
  const geoPw = g.human();
  const mot = g.motiveKey();
  const omPw = g.gen(18);
  const mqPw = g.plain(24);
  const ck = g.confluentKey();
  const cs = g.confluentSecret();
  const pgPw = g.plain(22);
  c.l('samsara:', '  base_url: https://api.samsara.com');
  c.s(`  api_token: ${sam}`, 'samsara', sam);
  c.s(`  webhook_secret: "${samWh}"`, 'samsara', samWh);
  c.l('geotab:', '  server: my.geotab.com');
  c.d('  database: longhaul_freight', 'geotab database name');
  c.l('  username: api-ingest@longhaulfreight.com');
  c.s(`  password: "${geoPw}"`, 'generic', geoPw);
  c.l('motive:', '  base_url: https://api.keeptruckin.com/v1');
  c.s(`  api_key: ${mot}`, 'motive', mot);
  c.l('omnitracs:', '  endpoint: https://services.omnitracs.com/otsWebWS/services/OTSWebSvcs');
  c.l(`  company_id: LHF${t.digits(5)}`);
  c.l('  username: LHFAPI');
  c.s(`  password: "${omPw}"`, 'generic', omPw);
  c.l('mqtt:', '  broker: ssl://mqtt.telematics.longhaulfreight.com:8883', '  username: ingest');
  c.s(`  password: ${mqPw}`, 'generic', mqPw);
  c.l('kafka:', `  bootstrap: pkc-${t.lower(5)}.eastus2.azure.confluent.cloud:9092`);
  c.d(`  sasl_username: ${ck}`, 'confluent api key id (the secret is the next line)');
  c.s(`  sasl_password: ${cs}`, 'confluent', cs);
  c.s(
    `postgres_dsn: postgres://telematics:${pgPw}@pg-lhf-prod.postgres.database.azure.com:5432/telematics?sslmode=require`,
    'database',
    pgPw,
  );
  c.l('redis_url: ${REDIS_URL}');

  const sc = repo.file('services/telematics-ingest/internal/samsara/client.go', 'go');
  const sam2 = g.samsara();
  sc.l('package samsara', '', 'import (', '\t"net/http"', '\t"time"', ')', '');
  sc.l('// fallback token for the backfill job (service account "ingest-backfill")');
  sc.s(`const backfillToken = "${sam2}"`, 'samsara', sam2);
  sc.l('', 'func New(token string) *Client {', '\tif token == "" {', '\t\ttoken = backfillToken', '\t}');
  sc.l('\treturn &Client{http: &http.Client{Timeout: 30 * time.Second}, token: token}', '}');
  sc.l('const vehiclesPath = "/fleet/vehicles/stats?types=gps,engineStates,fuelPercents"');

  const ga = repo.file('services/telematics-ingest/internal/geotab/auth.go', 'go');
  const gaPw = g.gen(20);
  ga.l('package geotab', '', 'import "context"', '', 'func Login(ctx context.Context) (*Credentials, error) {');
  ga.s(
    `\treturn Authenticate(ctx, "my.geotab.com", "longhaul_freight", "api-ingest@longhaulfreight.com", "${gaPw}")`,
    'generic',
    gaPw,
  );
  ga.l('}');

  const mo = repo.file('services/telematics-ingest/internal/motive/client.go', 'go');
  const mot2 = g.motiveKey();
  mo.l(
    'package motive',
    '',
    'import "net/http"',
    '',
    'func (c *Client) do(req *http.Request) (*http.Response, error) {',
  );
  mo.s(`\treq.Header.Set("X-Api-Key", "${mot2}")`, 'motive', mot2);
  mo.l('\treq.Header.Set("Accept", "application/json")', '\treturn c.http.Do(req)', '}');

  const om = repo.file('services/telematics-ingest/internal/omnitracs/envelope.go', 'go');
  const omPw2 = g.gen(16);
  om.l(
    'package omnitracs',
    '',
    'const loginEnvelope = `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">',
    '  <soapenv:Header>',
    '    <wsse:Security><wsse:UsernameToken>',
    '      <wsse:Username>LHFAPI</wsse:Username>',
  );
  om.s(`      <wsse:Password>${omPw2}</wsse:Password>`, 'generic', omPw2);
  om.l('    </wsse:UsernameToken></wsse:Security>', '  </soapenv:Header>', '</soapenv:Envelope>`');

  const mq = repo.file('services/telematics-ingest/internal/mqtt/subscriber.go', 'go');
  const mqPw2 = g.plain(24);
  mq.l(
    'package mqtt',
    '',
    'import paho "github.com/eclipse/paho.mqtt.golang"',
    '',
    'func options() *paho.ClientOptions {',
    '\topts := paho.NewClientOptions().AddBroker("ssl://mqtt.telematics.longhaulfreight.com:8883")',
    '\topts.SetClientID("telematics-ingest")',
    '\topts.SetUsername("ingest")',
  );
  mq.s(`\topts.SetPassword("${mqPw2}")`, 'generic', mqPw2);
  mq.l('\topts.SetPassword(os.Getenv("MQTT_PASSWORD"))');
  mq.l('\treturn opts', '}');

  const mn = repo.file('services/telematics-ingest/cmd/ingest/main.go', 'go');
  const sam3 = g.samsara();
  const pgPw2 = g.plain(20);
  mn.l(
    'package main',
    '',
    'import (',
    '\t"log"',
    '\t"os"',
    ')',
    '',
    'func getenv(k, def string) string {',
    '\tif v := os.Getenv(k); v != "" {',
    '\t\treturn v',
    '\t}',
    '\treturn def',
    '}',
    '',
    'func main() {',
  );
  mn.s(`\ttoken := getenv("SAMSARA_API_TOKEN", "${sam3}")`, 'samsara', sam3);
  mn.s(
    `\tdsn := getenv("DATABASE_URL", "postgres://telematics:${pgPw2}@pg-lhf-prod.postgres.database.azure.com:5432/telematics")`,
    'database',
    pgPw2,
  );
  mn.l('\tgeotabPw := os.Getenv("GEOTAB_PASSWORD")');
  mn.l('\tlog.Fatal(run(token, dsn, geotabPw))', '}');

  const env = repo.file('services/telematics-ingest/.env', 'env');
  const eSam = g.samsara();
  const eMot = g.motiveKey();
  const eGeo = g.human();
  env.s(`SAMSARA_API_TOKEN=${eSam}`, 'samsara', eSam);
  env.s(`MOTIVE_API_KEY=${eMot}`, 'motive', eMot);
  env.l('GEOTAB_DATABASE=longhaul_freight', 'GEOTAB_USERNAME=api-ingest@longhaulfreight.com');
  env.s(`GEOTAB_PASSWORD=${eGeo}`, 'generic', eGeo);
  env.l('MQTT_PASSWORD=');
  env.l(`SENTRY_DSN=https://${t.hex(32)}@o${t.digits(6)}.ingest.sentry.io/${t.digits(7)}`);

  const ex = repo.file('services/telematics-ingest/.env.example', 'env');
  ex.d('SAMSARA_API_TOKEN=samsara_api_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', 'placeholder');
  ex.d('MOTIVE_API_KEY=<motive-api-key>', 'placeholder');
  ex.l('GEOTAB_PASSWORD=changeme');

  const pm = repo.file('tools/postman/Telematics.postman_collection.json', 'go');
  const pSam = g.samsara();
  const pGeo = g.gen(18);
  const pMot = g.motiveKey();
  pm.l(
    '{',
    '  "info": { "name": "Telematics vendors", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },',
    '  "variable": [',
  );
  pm.s(`    { "key": "samsaraToken", "value": "${pSam}" },`, 'samsara', pSam);
  pm.s(`    { "key": "geotabPassword", "value": "${pGeo}" },`, 'generic', pGeo);
  pm.s(`    { "key": "motiveApiKey", "value": "${pMot}" },`, 'motive', pMot);
  pm.l(`    { "key": "vehicleId", "value": "${t.digits(15)}" }`);
  pm.l('  ],', '  "item": [');
  pm.l(
    '    { "name": "List vehicles", "request": { "method": "GET", "header": [{ "key": "Authorization", "value": "Bearer {{samsaraToken}}" }], "url": "https://api.samsara.com/fleet/vehicles" } }',
  );
  pm.l('  ]', '}');

  const tf = repo.file('services/telematics-ingest/internal/samsara/testdata/webhook_test.json', 'go');
  tf.l('{');
  tf.d('  "_comment": "FAKE signing secret for unit tests, not a real Samsara secret",', 'prose');
  tf.d('  "secret": "dGVzdC13ZWJob29rLXNlY3JldC1ub3QtcmVhbA==",', 'base64 of a marked test string');
  tf.d(`  "expectedSignature": "v1=${t.sha256()}"`, 'expected hmac digest');
  tf.l('}');
}

// ---- MQTT broker for ELD devices -----------------------------------------------------------

function mqttBroker(repo, t, g) {
  const m = repo.file('deploy/mosquitto/mosquitto.conf', 'mqtt');
  const br = g.plain(24);
  m.l(
    'listener 8883',
    'cafile /mosquitto/certs/ca.pem',
    'certfile /mosquitto/certs/server.pem',
    'keyfile /mosquitto/certs/server.key',
  );
  m.l('password_file /mosquitto/config/passwd');
  m.l(
    'allow_anonymous false',
    '',
    '# bridge to the Azure-hosted broker in the DR region',
    'connection dr-bridge',
    'address mqtt-dr.telematics.longhaulfreight.com:8883',
    'remote_username bridge-dal',
  );
  m.s(`remote_password ${br}`, 'generic', br);
  m.l('topic eld/# out 1');

  const pw = repo.file('deploy/mosquitto/passwd', 'mqtt');
  pw.d(`ingest:$7$101$${g.b64(16)}$${g.b64(86)}==`, 'mosquitto pbkdf2 hash');
  pw.l(`eld-fleet:$7$101$${g.b64(16)}$${g.b64(86)}==`);

  const acl = repo.file('deploy/mosquitto/acl', 'mqtt');
  acl.l('pattern readwrite eld/%u/#');
  acl.l('user ingest', 'topic read eld/#');
}

// ---- Python analytics: routing and fuel ----------------------------------------------------

function analytics(repo, t, g) {
  const s = repo.file('analytics/routing/routing/settings.py', 'python');
  const here = g.here();
  const gm = t.gcpApiKey();
  const pc = g.pcmiler();
  s.l('"""Route optimisation settings (prod defaults for the batch VM)."""', 'import os', '');
  s.s(`HERE_API_KEY = os.getenv("HERE_API_KEY", "${here}")`, 'here', here);
  s.s(`GOOGLE_MAPS_API_KEY = "${gm}"`, 'gcp', gm);
  s.s(`PCMILER_API_KEY = "${pc}"  # Trimble MAPS, account LHF-ENT`, 'pcmiler', pc);
  s.l('PCMILER_BASE = "https://pcmiler.alk.com/apis/rest/v1.0/Service.svc"');
  s.l('SNOWFLAKE_PASSWORD = os.environ["SNOWFLAKE_PASSWORD"]');
  s.l(`HERE_APP_ID = "${t.mixed(ALNUM, 20)}"`);
  s.l(`ROUTE_MODEL_SHA256 = "${t.sha256()}"`);

  const hc = repo.file('analytics/routing/routing/here_client.py', 'python');
  const here2 = g.here();
  hc.l(
    'import requests',
    '',
    'ROUTES = "https://router.hereapi.com/v8/routes"',
    '',
    'def truck_route(origin, dest, axles=5, weight_kg=36000):',
  );
  hc.l(
    '    params = {',
    '        "transportMode": "truck",',
    '        "origin": origin,',
    '        "destination": dest,',
    '        "truck[axleCount]": axles,',
  );
  hc.s(`        "apiKey": "${here2}",`, 'here', here2);
  hc.l('    }', '    return requests.get(ROUTES, params=params, timeout=20).json()');

  const cp = repo.file('analytics/routing/credentials.properties', 'python');
  const hs = g.hereSecret();
  cp.l(`here.user.id = HERE-${t.uuid()}`);
  cp.l(`here.client.id = ${t.mixed(ALNUM, 20)}`);
  cp.d(`here.access.key.id = ${g.hereKeyId()}`, 'here access key id (the secret is the next line)');
  cp.s(`here.access.key.secret = ${hs}`, 'here', hs);
  cp.l('here.token.endpoint.url = https://account.api.here.com/oauth2/token');

  const pm = repo.file('analytics/routing/routing/pcmiler.py', 'python');
  const pc2 = g.pcmiler();
  pm.l('import requests', '', 'def mileage(stops):');
  pm.s(`    headers = {"Authorization": "${pc2}", "Content-Type": "application/json"}`, 'pcmiler', pc2);
  pm.l('    body = {"ReportRoutes": [{"Stops": stops, "Options": {"VehicleType": 0, "RoutingType": 0}}]}');
  pm.l(
    '    return requests.post("https://pcmiler.alk.com/apis/rest/v1.0/Service.svc/route/routeReports", json=body, headers=headers).json()',
  );

  const w = repo.file('analytics/fuel/fuel/wex_client.py', 'python');
  const wsec = t.alnum(40);
  w.l('import requests', '', 'TOKEN_URL = "https://api.wexinc.com/oauth2/token"');
  w.l(`CLIENT_ID = "${t.uuid()}"`);
  w.s(`CLIENT_SECRET = "${wsec}"`, 'generic', wsec);
  w.l(
    '',
    'def token():',
    '    r = requests.post(TOKEN_URL, data={"grant_type": "client_credentials"}, auth=(CLIENT_ID, CLIENT_SECRET))',
    '    return r.json()["access_token"]',
  );

  const cd = repo.file('analytics/fuel/fuel/comdata.py', 'python');
  const cdPw = g.human();
  const efsPw = g.gen(16);
  cd.l(
    'from zeep import Client',
    '',
    'def comdata_transactions(start, end):',
    '    c = Client("https://w6.iconnectdata.com/FleetCreditWS/services/FleetCreditWS0200?wsdl")',
  );
  cd.s(
    `    return c.service.getTransactions(accountCode="LHF01", userId="api_lhf", password="${cdPw}", start=start, end=end)`,
    'generic',
    cdPw,
  );
  cd.l('', '', 'def efs_session():', '    ws = Client("https://ws.efsllc.com/axis2/services/CardManagementWS?wsdl")');
  cd.s(`    return ws.service.login("lhf_api", "${efsPw}")`, 'generic', efsPw);

  const pr = repo.file('analytics/dbt/profiles.yml', 'python');
  const sfPw = g.gen(20);
  const sfPp = g.human();
  pr.l('longhaul:', '  target: prod', '  outputs:', '    prod:', '      type: snowflake');
  pr.l(`      account: ${t.lower(7)}-lhf_prod`);
  pr.l('      user: DBT_PROD', '      role: TRANSFORMER');
  pr.s(`      password: "${sfPw}"`, 'generic', sfPw);
  pr.l(
    '      warehouse: TRANSFORM_WH',
    '      database: ANALYTICS',
    '      schema: marts',
    '    ci:',
    '      type: snowflake',
    '      user: DBT_CI',
    '      private_key_path: /secrets/dbt_ci.p8',
  );
  pr.s(`      private_key_passphrase: "${sfPp}"`, 'generic', sfPp);
  pr.l('    dev:', '      type: snowflake');
  pr.d('      password: "{{ env_var(\'DBT_PASSWORD\') }}"', 'dbt env_var');

  const sn = repo.file('analytics/.snowflake/connections.toml', 'python');
  const snPw = g.gen(20);
  sn.l('[default]', `account = "${t.lower(7)}-lhf_prod"`, 'user = "FUEL_ANALYTICS"');
  sn.s(`password = "${snPw}"`, 'generic', snPw);
  sn.l('warehouse = "ANALYTICS_WH"', 'role = "ANALYST"');

  const rq = repo.file('analytics/requirements.txt', 'python');
  const rqPat = g.adoPat();
  rq.s(
    `--extra-index-url https://build:${rqPat}@pkgs.dev.azure.com/longhaulfreight/_packaging/analytics/pypi/simple/`,
    'azure-devops',
    rqPat,
  );
  for (const p of ['ortools==9.10.4067', 'snowflake-connector-python==3.10.1']) {
    rq.l(`${p} \\`);
    rq.d(`    --hash=sha256:${t.sha256()}`, 'pip hash');
  }
}

function notebooks(repo, t, g) {
  const nb = repo.file('analytics/notebooks/route-optimisation-dfw.ipynb', 'notebook');
  const here = g.here();
  const gm = t.gcpApiKey();
  const pc = g.pcmiler();
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
    `      ${JSON.stringify(`GET https://pcmiler.alk.com/apis/rest/v1.0/Service.svc/route/routePath?authToken=${pc}&stops=-96.79,32.77;-97.33,32.75 200\n`)},`,
    'pcmiler',
    pc,
  );
  nb.l(`      ${JSON.stringify('184 lanes optimised\n')}`, '     ]', '    }', '   ],', '   "source": [');
  nb.l(`    ${JSON.stringify('import flexpolyline, googlemaps, requests\n')},`);
  nb.s(`    ${JSON.stringify(`HERE_KEY = "${here}"\n`)},`, 'here', here);
  nb.s(`    ${JSON.stringify(`gmaps = googlemaps.Client(key="${gm}")\n`)},`, 'gcp', gm);
  nb.l(`    ${JSON.stringify('lanes = optimise(load_lanes("dfw"), here_key=HERE_KEY)')}`, '   ]', '  },');
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
  nb.d(`    ${JSON.stringify('api_key = getpass.getpass("HERE key: ")\n')},`, 'getpass prompt');
  nb.d(`    ${JSON.stringify(`truck_vin = "${g.vin()}"\n`)},`, 'vehicle identification number');
  nb.l(`    ${JSON.stringify('plot_lanes(lanes)')}`, '   ]', '  }', ' ],');
  nb.l(
    ' "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},',
    ' "nbformat": 4,',
    ' "nbformat_minor": 5',
    '}',
  );

  const nb2 = repo.file('analytics/notebooks/fuel-spend-q2.ipynb', 'notebook');
  const sfPw = g.gen(20);
  const wexTok = t.alnum(40);
  const efsPw = g.gen(14);
  nb2.l(
    '{',
    ' "cells": [',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 1,',
    '   "metadata": {},',
    '   "outputs": [',
    '    {',
    '     "name": "stdout",',
    '     "output_type": "stream",',
    '     "text": [',
  );
  nb2.s(
    `      ${JSON.stringify(`{'access_token': '${wexTok}', 'token_type': 'Bearer', 'expires_in': 31536000}\n`)}`,
    'generic',
    wexTok,
  );
  nb2.l('     ]', '    }', '   ],', '   "source": [');
  nb2.l(
    `    ${JSON.stringify('import snowflake.connector\n')},`,
    `    ${JSON.stringify('con = snowflake.connector.connect(\n')},`,
  );
  nb2.l(`    ${JSON.stringify('    account="lhf-prod", user="FUEL_ANALYTICS",\n')},`);
  nb2.s(`    ${JSON.stringify(`    password="${sfPw}",\n`)},`, 'generic', sfPw);
  nb2.l(`    ${JSON.stringify('    warehouse="ANALYTICS_WH")\n')},`);
  nb2.s(`    ${JSON.stringify(`efs = efs_login("lhf_api", "${efsPw}")\n`)},`, 'generic', efsPw);
  nb2.l(`    ${JSON.stringify(`report_sha = "${t.sha1()}"\n`)},`);
  nb2.d(`    ${JSON.stringify('print(wex.token())  # card ****-****-****-4471')}`, 'masked card number');
  nb2.l('   ]', '  }', ' ],', ' "metadata": {},', ' "nbformat": 4,', ' "nbformat_minor": 5', '}');
}

// ---- Kotlin driver app ---------------------------------------------------------------------

function driverApp(repo, t, g) {
  const lp = repo.file('apps/driver-android/local.properties', 'kotlin');
  const mk = t.gcpApiKey();
  lp.l('sdk.dir=/Users/mkowalski/Library/Android/sdk');
  lp.s(`MAPS_API_KEY=${mk}`, 'gcp', mk);

  const ks = repo.file('apps/driver-android/keystore.properties', 'kotlin');
  const sp = g.gen(18);
  const kp = g.gen(18);
  ks.l('storeFile=../signing/driver-release.jks');
  ks.s(`storePassword=${sp}`, 'generic', sp);
  ks.l('keyAlias=driver-release');
  ks.s(`keyPassword=${kp}`, 'generic', kp);

  const b = repo.file('apps/driver-android/app/build.gradle.kts', 'kotlin');
  const here = g.here();
  const kp2 = g.gen(16);
  b.l(
    'plugins {',
    '    id("com.android.application")',
    '    kotlin("android")',
    '}',
    '',
    'android {',
    '    namespace = "com.longhaul.driver"',
    '    defaultConfig {',
    '        applicationId = "com.longhaul.driver"',
  );
  b.s(`        buildConfigField("String", "HERE_API_KEY", "\\"${here}\\"")`, 'here', here);
  b.l('        buildConfigField("String", "MAPS_API_KEY", "\\"${project.findProperty("MAPS_API_KEY")}\\"")');
  b.l(
    '    }',
    '    signingConfigs {',
    '        create("qa") {',
    '            storeFile = file("../signing/driver-qa.jks")',
  );
  b.s(`            storePassword = "${kp2}"`, 'generic', kp2);
  b.l('            keyPassword = System.getenv("QA_KEY_PASSWORD")');
  b.l('        }', '    }', '}');

  const ac = repo.file('apps/driver-android/app/src/main/java/com/longhaul/driver/net/ApiConfig.kt', 'kotlin');
  const fcm = g.fcm();
  const jwt = g.serviceJwt();
  ac.l(
    'package com.longhaul.driver.net',
    '',
    'object ApiConfig {',
    '    const val BASE_URL = "https://api.longhaulfreight.com/driver/v2/"',
  );
  ac.s(`    const val FCM_SERVER_KEY = "${fcm}"`, 'firebase', fcm);
  ac.s(`    const val BOOTSTRAP_TOKEN = "${jwt}"`, 'generic', jwt);
  ac.l(`    const val SENTRY_DSN = "https://${t.hex(32)}@o${t.digits(6)}.ingest.sentry.io/${t.digits(7)}"`);
  ac.l('    const val PASSWORD_MIN_LENGTH = 10');
  ac.l('}');

  const vm = repo.file('apps/driver-android/gradle/verification-metadata.xml', 'decoys');
  vm.l(
    '<verification-metadata>',
    '  <components>',
    '    <component group="com.squareup.okhttp3" name="okhttp" version="4.12.0">',
    '      <artifact name="okhttp-4.12.0.jar">',
  );
  vm.l(`        <sha256 value="${t.sha256()}" origin="Generated by Gradle"/>`);
  vm.l('      </artifact>', '    </component>', '  </components>', '</verification-metadata>');
}

// ---- React web portal ----------------------------------------------------------------------

function webPortal(repo, t, g) {
  const e = repo.file('apps/web-portal/.env.production', 'web');
  e.l('VITE_API_BASE=https://api.longhaulfreight.com');
  e.d(`VITE_MAPBOX_TOKEN=${g.mapboxPk()}`, 'mapbox public (pk.) token, meant for browsers');
  e.d(`VITE_STRIPE_PUBLISHABLE_KEY=${g.stripePk()}`, 'stripe publishable key');
  e.l(`VITE_SENTRY_DSN=https://${t.hex(32)}@o${t.digits(6)}.ingest.sentry.io/${t.digits(7)}`);

  const el = repo.file('apps/web-portal/.env.local', 'web');
  const sam = g.samsara();
  el.l('# quick hack for the live-map demo, do not ship');
  el.s(`VITE_SAMSARA_TOKEN=${sam}`, 'samsara', sam);

  const up = repo.file('apps/web-portal/scripts/upload-tilesets.mjs', 'web');
  const sk = g.mapboxSk();
  up.l("import mbxUploads from '@mapbox/mapbox-sdk/services/uploads.js';", '');
  up.s(`const MAPBOX_SECRET = '${sk}';`, 'mapbox', sk);
  up.l(
    'const uploads = mbxUploads({ accessToken: MAPBOX_SECRET });',
    "await uploads.createUpload({ tileset: 'longhaulfreight.terminals', url: process.argv[2] }).send();",
  );

  const cl = repo.file('apps/web-portal/src/api/client.ts', 'web');
  const jwt = g.serviceJwt();
  cl.l("import axios from 'axios';", '');
  cl.s(`const SERVICE_TOKEN = '${jwt}';`, 'generic', jwt);
  cl.l(
    'export const api = axios.create({',
    '  baseURL: import.meta.env.VITE_API_BASE,',
    '  headers: { Authorization: `Bearer ${SERVICE_TOKEN}` },',
    '});',
  );
  cl.l('export const mapboxToken = import.meta.env.VITE_MAPBOX_TOKEN;');

  const tst = repo.file('apps/web-portal/src/__tests__/auth.test.ts', 'web');
  const ex = g.expiredJwt();
  tst.l("import { decode } from '../auth';", '');
  tst.d(`const EXPIRED = '${ex}'; // exp 2024-06-01, fixture for the refresh path`, 'expired test jwt');
  tst.d("const PASSWORD = 'correct-horse-battery-staple'; // well-known example", 'documented example');
}

// ---- Settlements (Node/TypeScript): factoring and payments ---------------------------------

function settlements(repo, t, g) {
  const c = repo.file('services/settlements/src/config.ts', 'node');
  const sk = t.stripeLiveLong();
  const wh = g.stripeWhsec();
  const dk = g.dwolla();
  const ds = g.dwolla();
  const qs = g.qboSecret();
  c.l('export const config = {', '  stripe: {');
  c.s(`    secretKey: process.env.STRIPE_SECRET_KEY ?? '${sk}',`, 'stripe', sk);
  c.s(`    webhookSecret: '${wh}',`, 'stripe', wh);
  c.l('  },', '  dwolla: {', "    environment: 'production',");
  c.s(`    key: '${dk}',`, 'dwolla', dk);
  c.s(`    secret: '${ds}',`, 'dwolla', ds);
  c.l(`    masterFundingSource: 'https://api.dwolla.com/funding-sources/${t.uuid()}',`);
  c.l('  },', '  quickbooks: {');
  c.l(`    clientId: '${g.qboId()}',`);
  c.s(`    clientSecret: '${qs}',`, 'quickbooks', qs);
  c.l(`    realmId: '${t.digits(19)}',`);
  c.l('  },', '};');

  const en = repo.file('services/settlements/.env.production', 'env');
  const rk = g.stripeRk();
  const bd = g.billDevKey();
  const bp = g.gen(18);
  const tsk = g.twilioSkSecret();
  const vs = g.vonageSecret();
  const pg = g.plain(22);
  en.s(`STRIPE_RESTRICTED_KEY=${rk}`, 'stripe', rk);
  en.s(`BILLCOM_DEV_KEY=${bd}`, 'billcom', bd);
  en.l('BILLCOM_USER=ap-automation@longhaulfreight.com');
  en.s(`BILLCOM_PASSWORD=${bp}`, 'generic', bp);
  en.d(`TWILIO_API_KEY_SID=${g.twilioSkSid()}`, 'twilio api key sid (identifier)');
  en.s(`TWILIO_API_KEY_SECRET=${tsk}`, 'twilio', tsk);
  en.l(`VONAGE_API_KEY=${g.vonageKey()}`);
  en.s(`VONAGE_API_SECRET=${vs}`, 'vonage', vs);
  en.s(
    `DATABASE_URL=postgresql://settlements:${pg}@pg-lhf-prod.postgres.database.azure.com:5432/settlements?sslmode=require`,
    'database',
    pg,
  );
  en.d('STRIPE_PUBLISHABLE_KEY=${STRIPE_PUBLISHABLE_KEY}', 'variable');

  const wh2 = repo.file('services/settlements/src/stripe/webhook.ts', 'node');
  const whs = g.stripeWhsec();
  wh2.l(
    "import Stripe from 'stripe';",
    "import type { Request } from 'express';",
    '',
    'export function verify(req: Request, stripe: Stripe) {',
  );
  wh2.s(
    `  return stripe.webhooks.constructEvent(req.body, req.headers['stripe-signature'] as string, '${whs}');`,
    'stripe',
    whs,
  );
  wh2.l('}');

  const dw = repo.file('services/settlements/src/factoring/quickpay.ts', 'node');
  const dk2 = g.dwolla();
  const ds2 = g.dwolla();
  const qr = g.qboRefresh();
  dw.l("import { Client } from 'dwolla-v2';", "import OAuthClient from 'intuit-oauth';", '');
  dw.l('// QuickPay (same-day carrier pay) runs on the Dwolla prod app "LHF QuickPay"');
  dw.l('export const dwolla = new Client({');
  dw.s(`  key: '${dk2}',`, 'dwolla', dk2);
  dw.s(`  secret: '${ds2}',`, 'dwolla', ds2);
  dw.l("  environment: 'production',", '});', '');
  dw.l(
    'export async function qbo() {',
    "  const oauth = new OAuthClient({ environment: 'production', redirectUri: 'https://settlements.longhaulfreight.com/qbo/callback' });",
  );
  dw.s(`  return oauth.refreshUsingToken('${qr}');`, 'quickbooks', qr);
  dw.l('}');

  const np = repo.file('services/settlements/.npmrc', 'credstore');
  const nt = t.npm();
  const gh = t.github();
  np.l('@longhaul:registry=https://npm.pkg.github.com/');
  np.s(`//npm.pkg.github.com/:_authToken=${gh}`, 'github', gh);
  np.s(`//registry.npmjs.org/:_authToken=${nt}`, 'npm', nt);
  np.d('//pkgs.dev.azure.com/longhaulfreight/_packaging/npm/registry/:_authToken=${ADO_NPM_TOKEN}', 'variable');

  const fx = repo.file('services/settlements/test/fixtures/stripe-event.json', 'node');
  fx.l('{');
  fx.d(`  "id": "evt_${t.alnum(24)}",`, 'stripe event id');
  fx.l(`  "customer": "cus_${t.alnum(14)}",`);
  fx.l(`  "price": "price_${t.alnum(24)}",`);
  fx.d('  "webhook_secret": "whsec_test_fixture_not_real"', 'marked fake');
  fx.l('}');
}

// ---- Data platform: Kafka, Redis, Postgres, Snowflake --------------------------------------

function dataPlatform(repo, t, g) {
  const k = repo.file('ops/kafka/client.properties', 'data');
  const ck = g.confluentKey();
  const cs = g.confluentSecret();
  const sr = g.confluentSecret();
  k.l(
    `bootstrap.servers=pkc-${t.lower(5)}.eastus2.azure.confluent.cloud:9092`,
    'security.protocol=SASL_SSL',
    'sasl.mechanisms=PLAIN',
  );
  k.d(`sasl.username=${ck}`, 'confluent api key id (the secret is the next line)');
  k.s(`sasl.password=${cs}`, 'confluent', cs);
  k.l(`schema.registry.url=https://psrc-${t.lower(5)}.eastus2.azure.confluent.cloud`);
  k.s(`basic.auth.user.info=${g.confluentKey()}:${sr}`, 'confluent', sr);
  k.l(`# cluster lkc-${t.lower(5)}, environment env-${t.lower(5)}`);

  const r = repo.file('ops/redis/redis.conf', 'data');
  const rp = g.plain(32);
  r.l('bind 0.0.0.0', 'port 6379', 'protected-mode yes');
  r.s(`requirepass ${rp}`, 'generic', rp);
  r.l('# masterauth <master-password>');

  const sq = repo.file('db/dispatch/migrations/V7__roles.sql', 'sql');
  const r1 = g.gen(20);
  const r2 = g.gen(20);
  sq.s(`CREATE ROLE grafana_ro LOGIN PASSWORD '${r1}';`, 'generic', r1);
  sq.s(`ALTER ROLE dispatch_app WITH PASSWORD '${r2}';`, 'generic', r2);
  sq.d(
    `INSERT INTO drivers (id, cdl_state, password_hash) VALUES ('${t.uuid()}', 'TX', '$2a$10$${t.mixed(ALNUM + './', 53)}');`,
    'bcrypt hash',
  );
  sq.d(`INSERT INTO tractors (unit, vin) VALUES ('T-1042', '${g.vin()}');`, 'vehicle identification number');

  const sf = repo.file('analytics/snowflake/setup/01_users.sql', 'sql');
  const sp = g.gen(20);
  sf.l('USE ROLE SECURITYADMIN;');
  sf.s(
    `CREATE USER FIVETRAN_LOADER PASSWORD = '${sp}' DEFAULT_ROLE = LOADER MUST_CHANGE_PASSWORD = FALSE;`,
    'generic',
    sp,
  );
  sf.d(
    `ALTER USER DBT_CI SET RSA_PUBLIC_KEY = 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA${g.b64(200)}IDAQAB';`,
    'public key',
  );

  const pg = repo.file('ops/home/.pgpass', 'credstore');
  const p1 = g.plain(20);
  pg.s(`pg-lhf-prod.postgres.database.azure.com:5432:*:lhfadmin:${p1}`, 'generic', p1);
}

// ---- Embedded C: trailer sensors -----------------------------------------------------------

function firmware(repo, t, g) {
  const c = repo.file('firmware/trailer-sensor/src/config.h', 'c');
  const mq = g.plain(24);
  const iot = g.iotKey();
  const aes = g.aesKey();
  const ota = t.alnum(32);
  c.l(
    '#pragma once',
    '',
    '#define MQTT_HOST "mqtt.telematics.longhaulfreight.com"',
    '#define MQTT_PORT 8883',
    '#define MQTT_USER "trailer-fleet"',
  );
  c.s(`#define MQTT_PASS "${mq}"`, 'generic', mq);
  c.l(
    '',
    '/* Azure IoT Hub fallback path for reefer units */',
    '#define IOTHUB_HOST "lhf-reefer-prod.azure-devices.net"',
  );
  c.s(`#define IOTHUB_DEVICE_KEY "${iot}"`, 'azure', iot);
  c.l('#define APN_PASSWORD ""');
  c.l('', '/* LoRaWAN AppKey shared by the door sensors (provisioned 2024-10) */');
  c.s(`static const uint8_t LORA_APP_KEY[16] = { ${aes} };`, 'generic', aes);
  c.s(`#define OTA_BEARER "${ota}"`, 'generic', ota);
  c.l(`#define FW_BUILD_ID "${t.sha1().slice(0, 12)}"`);
  c.l('#define DEVICE_SERIAL_PREFIX "LHF-TS-"');

  const m = repo.file('firmware/trailer-sensor/src/main.c', 'c');
  const cs = g.iotKey();
  m.l('#include "config.h"', '#include "iothub_client.h"', '', 'static const char *conn =');
  m.s(`    "HostName=lhf-reefer-prod.azure-devices.net;DeviceId=reefer-gw-0117;SharedAccessKey=${cs}";`, 'azure', cs);
  m.l('', 'int main(void) {', '    modem_init();', '    mqtt_connect(MQTT_HOST, MQTT_PORT, MQTT_USER, MQTT_PASS);');
  m.l('    sensor_set_key(read_key_from_otp(OTP_SLOT_AES));');
  m.l('    for (;;) { sample_and_publish(); sleep_ms(60000); }', '}');

  const ex = repo.file('firmware/trailer-sensor/src/secrets.h.example', 'c');
  ex.l('#define MQTT_PASS "<mqtt-password>"');
  ex.l('#define IOTHUB_DEVICE_KEY "REPLACE_WITH_DEVICE_KEY"');

  const pio = repo.file('firmware/yard-gateway/platformio.ini', 'c');
  const wifi = g.plain(16);
  pio.l('[env:yard-gateway]', 'platform = espressif32', 'board = esp32dev', 'framework = arduino');
  pio.s(`build_flags = -DWIFI_SSID=\\"LHF-Yard\\" -DWIFI_PASS=\\"${wifi}\\"`, 'generic', wifi);
  pio.l('upload_port = /dev/ttyUSB0');

  const dk = repo.file('firmware/trailer-sensor/certs/device-provisioning.key', 'keys');
  const ec = t.ecPem();
  dk.s(ec, 'private-key', ec.join('\n'));
  const ca = repo.file('firmware/trailer-sensor/certs/ca.pem', 'keys');
  ca.d(g.certPem(), 'ca certificate');
}

// ---- Kubernetes (AKS) and Helm -------------------------------------------------------------

function kubernetes(repo, t, g) {
  const s = repo.file('deploy/k8s/telematics/secret.yaml', 'k8s');
  const sam = g.samsara();
  const geo = g.human();
  const mq = g.plain(24);
  s.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: telematics-secrets',
    '  namespace: telematics',
    'type: Opaque',
    'data:',
  );
  s.s(`  SAMSARA_API_TOKEN: ${g.enc(sam)}`, 'samsara', sam);
  s.s(`  GEOTAB_PASSWORD: ${g.enc(geo)}`, 'generic', geo);
  s.s(`  MQTT_PASSWORD: ${g.enc(mq)}`, 'generic', mq);
  s.l(`  GEOTAB_DATABASE: ${g.enc('longhaul_freight')}`);

  const d = repo.file('deploy/k8s/dispatch/deployment.yaml', 'k8s');
  const dat = g.human();
  const vs = g.vonageSecret();
  d.l(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: dispatch',
    '  namespace: dispatch',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: dispatch',
  );
  d.d(`          image: lhfprod.azurecr.io/dispatch@sha256:${t.sha256()}`, 'image digest');
  d.l(
    '          env:',
    '            - name: QUARKUS_DATASOURCE_PASSWORD',
    '              valueFrom:',
    '                secretKeyRef:',
  );
  d.d('                  name: dispatch-db', 'secretKeyRef name');
  d.l('                  key: password');
  d.l('            - name: DAT_SERVICE_PASSWORD');
  d.s(`              value: "${dat}"`, 'generic', dat);
  d.l('            - name: VONAGE_API_SECRET');
  d.s(`              value: ${vs}`, 'vonage', vs);
  d.l('            - name: TRUCKSTOP_PASSWORD');
  d.d('              value: "$(TRUCKSTOP_PASSWORD)"', 'k8s env expansion');

  const h = repo.file('deploy/helm/tms/values-prod.yaml', 'k8s');
  const qs = g.qboSecret();
  const sftp = g.gen(18);
  const acr = g.acrPw();
  h.l('image:', '  repository: lhfprod.azurecr.io/tms', '  tag: "4.12.0"', 'quickbooks:');
  h.l(`  clientId: ${g.qboId()}`);
  h.s(`  clientSecret: ${qs}`, 'quickbooks', qs);
  h.l('edi:', '  sftp:', '    acmeshipper:', '      username: longhaul');
  h.s(`      password: "${sftp}"`, 'generic', sftp);
  h.l('  existingSecret: tms-edi');
  h.l('imagePullSecret:');
  const dcj = g.enc(
    JSON.stringify({
      auths: { 'lhfprod.azurecr.io': { username: 'lhfprod', password: acr, auth: g.enc(`lhfprod:${acr}`) } },
    }),
  );
  h.s(`  dockerconfigjson: ${dcj}`, 'azure', acr);

  const tpl = repo.file('deploy/helm/tms/templates/secret.yaml', 'k8s');
  tpl.l('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: {{ include "tms.fullname" . }}', 'stringData:');
  tpl.d('  QBO_CLIENT_SECRET: {{ .Values.quickbooks.clientSecret | quote }}', 'helm template');
  tpl.l('  SFTP_PASSWORD: {{ required "sftp password" .Values.edi.sftp.acmeshipper.password }}');

  const es = repo.file('deploy/k8s/settlements/external-secret.yaml', 'k8s');
  es.l(
    'apiVersion: external-secrets.io/v1beta1',
    'kind: ExternalSecret',
    'metadata:',
    '  name: settlements',
    'spec:',
    '  secretStoreRef:',
    '    name: kv-lhf-prod',
    '  data:',
    '    - secretKey: STRIPE_SECRET_KEY',
    '      remoteRef:',
  );
  es.d('        key: stripe-secret-key', 'key vault secret name');
  es.l('    - secretKey: DWOLLA_SECRET', '      remoteRef:');
  es.l('        key: dwolla-secret');

  const ss = repo.file('deploy/k8s/settlements/sealed-secret.yaml', 'encrypted');
  ss.l(
    'apiVersion: bitnami.com/v1alpha1',
    'kind: SealedSecret',
    'metadata:',
    '  name: settlements-legacy',
    'spec:',
    '  encryptedData:',
  );
  ss.d(`    STRIPE_SECRET_KEY: AgB${g.b64(600)}==`, 'sealed secret');

  const tls = repo.file('deploy/k8s/ingress/portal-tls.yaml', 'keys');
  const ec = t.ecPem();
  tls.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: portal-tls',
    'type: kubernetes.io/tls',
    'stringData:',
    '  tls.crt: |',
  );
  tls.l(...g.certPem().map((l) => `    ${l}`));
  tls.l('  tls.key: |');
  tls.s(
    ec.map((l) => `    ${l}`),
    'private-key',
    ec.join('\n'),
  );

  const k = repo.file('deploy/k8s/overlays/prod/kustomization.yaml', 'k8s');
  const pcm = g.pcmiler();
  const here = g.here();
  k.l(
    'apiVersion: kustomize.config.k8s.io/v1beta1',
    'kind: Kustomization',
    'resources:',
    '  - ../../base',
    'secretGenerator:',
    '  - name: routing-keys',
    '    literals:',
  );
  k.s(`      - PCMILER_API_KEY=${pcm}`, 'pcmiler', pcm);
  k.s(`      - HERE_API_KEY=${here}`, 'here', here);
  k.l('      - KEYVAULT_NAME=kv-lhf-prod');

  const kc = repo.file('ops/kube/aks-lhf-prod.kubeconfig', 'k8s');
  const tok = g.k8sJwt();
  const ck = t.rsaPem();
  kc.l(
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '  - name: aks-lhf-prod',
    '    cluster:',
    `      server: https://aks-lhf-prod-${t.lower(8)}.hcp.eastus2.azmk8s.io:443`,
  );
  kc.l(`      certificate-authority-data: ${g.enc(g.certPem().join('\n'))}`);
  kc.l('users:', '  - name: clusterUser_rg-aks_aks-lhf-prod', '    user:');
  kc.s(`      client-key-data: ${g.enc(ck.join('\n'))}`, 'private-key', ck.join('\n'));
  kc.l('  - name: ci-deployer', '    user:');
  kc.s(`      token: ${tok}`, 'generic', tok);

  const sh = repo.file('deploy/k8s/bootstrap.sh', 'k8s');
  const acr2 = g.acrPw();
  const gr = g.plain(18);
  sh.l('#!/usr/bin/env bash', 'set -euo pipefail');
  sh.s(
    `kubectl create secret docker-registry acr-pull --docker-server=lhfprod.azurecr.io --docker-username=lhfprod --docker-password='${acr2}' -n dispatch`,
    'azure',
    acr2,
  );
  sh.s(
    `kubectl create secret generic grafana-admin --from-literal=admin-user=admin --from-literal=admin-password=${gr} -n monitoring`,
    'generic',
    gr,
  );
  sh.l(
    'kubectl create secret generic tms-edi --from-env-file=./tms-edi.env --dry-run=client -o yaml | kubeseal > sealed.yaml',
  );
}

// ---- Terraform (Azure) ---------------------------------------------------------------------

function terraform(repo, t, g) {
  const m = repo.file('infra/terraform/main.tf', 'terraform');
  const be = t.azureStorageKey();
  const cs = g.azSecret();
  const pg = g.gen(24);
  const win = g.human();
  const sam = g.samsara();
  const cfs = g.confluentSecret();
  m.l(
    'terraform {',
    '  backend "azurerm" {',
    '    resource_group_name  = "rg-tfstate"',
    '    storage_account_name = "lhftfstate"',
    '    container_name       = "tfstate"',
    '    key                  = "prod.tfstate"',
  );
  m.s(`    access_key           = "${be}"`, 'azure', be);
  m.l('  }', '}', '', 'provider "azurerm" {', '  features {}');
  m.l(`  subscription_id = "${t.uuid()}"`);
  m.l(`  tenant_id       = "${t.uuid()}"`);
  m.l(`  client_id       = "${t.uuid()}"`);
  m.s(`  client_secret   = "${cs}"`, 'azure', cs);
  m.l('}', '', 'provider "confluent" {');
  m.d(`  cloud_api_key    = "${g.confluentKey()}"`, 'confluent cloud api key id (the secret is the next line)');
  m.s(`  cloud_api_secret = "${cfs}"`, 'confluent', cfs);
  m.l(
    '}',
    '',
    'resource "azurerm_postgresql_flexible_server" "main" {',
    '  name                   = "pg-lhf-prod"',
    '  administrator_login    = "lhfadmin"',
  );
  m.s(`  administrator_password = "${pg}"`, 'generic', pg);
  m.l(
    '  sku_name               = "GP_Standard_D4ds_v5"',
    '}',
    '',
    'resource "azurerm_kubernetes_cluster" "aks" {',
    '  name = "aks-lhf-prod"',
    '  windows_profile {',
    '    admin_username = "lhfwinadmin"',
  );
  m.s(`    admin_password = "${win}"`, 'generic', win);
  m.l('  }', '}', '', 'resource "azurerm_key_vault_secret" "samsara" {', '  name         = "samsara-api-token"');
  m.s(`  value        = "${sam}"`, 'samsara', sam);
  m.l(
    '  key_vault_id = azurerm_key_vault.main.id',
    '}',
    '',
    'resource "azurerm_key_vault_secret" "stripe" {',
    '  name         = "stripe-secret-key"',
  );
  m.l('  value        = var.stripe_secret_key');
  m.l('  key_vault_id = azurerm_key_vault.main.id', '}');

  const v = repo.file('infra/terraform/variables.tf', 'terraform');
  v.l('variable "stripe_secret_key" {', '  type      = string');
  v.l('  sensitive = true');
  v.l('}', 'variable "geotab_password" {', '  type    = string');
  v.l('  default = ""');
  v.l('}');

  const tv = repo.file('infra/terraform/prod.tfvars', 'terraform');
  const sk = t.stripeLive();
  const gp = g.human();
  const tcs = g.azSecret();
  tv.l('location = "eastus2"');
  tv.s(`stripe_secret_key = "${sk}"`, 'stripe', sk);
  tv.s(`geotab_password   = "${gp}"`, 'generic', gp);
  tv.s(`ado_sp_secret     = "${tcs}"`, 'azure', tcs);
  tv.l('pagerduty_token   = "REPLACE_ME"');

  const st = repo.file('infra/terraform/terraform.tfstate', 'terraform');
  const sKey = t.azureStorageKey();
  const acr = g.acrPw();
  st.l('{', '  "version": 4,', '  "terraform_version": "1.8.5",');
  st.l(`  "lineage": "${t.uuid()}",`);
  st.l(
    '  "resources": [',
    '    {',
    '      "type": "azurerm_storage_account",',
    '      "name": "edi",',
    '      "instances": [{',
    '        "attributes": {',
    '          "name": "lhfediarchive",',
  );
  st.s(`          "primary_access_key": "${sKey}",`, 'azure', sKey);
  st.s(
    `          "primary_connection_string": "DefaultEndpointsProtocol=https;AccountName=lhfediarchive;AccountKey=${sKey};EndpointSuffix=core.windows.net"`,
    'azure',
    sKey,
  );
  st.l(
    '        }',
    '      }]',
    '    },',
    '    {',
    '      "type": "azurerm_container_registry",',
    '      "name": "acr",',
    '      "instances": [{',
    '        "attributes": {',
    '          "admin_username": "lhfprod",',
  );
  st.s(`          "admin_password": "${acr}"`, 'azure', acr);
  st.l('        }', '      }]', '    }', '  ]', '}');

  const lk = repo.file('infra/terraform/.terraform.lock.hcl', 'decoys');
  lk.l('provider "registry.terraform.io/hashicorp/azurerm" {', '  version = "3.110.0"', '  hashes = [');
  lk.d(`    "h1:${g.enc(Buffer.from(t.pick(HEX, 64), 'hex'))}",`, 'provider hash');
  lk.l(`    "zh:${t.sha256()}",`);
  lk.l('  ]', '}');
}

// ---- Docker --------------------------------------------------------------------------------

function docker(repo, t, g) {
  const c = repo.file('docker-compose.yml', 'docker');
  const pg = g.plain(20);
  const rd = g.plain(24);
  const pa = g.gen(16);
  c.l('services:', '  postgres:', '    image: postgis/postgis:16-3.4', '    environment:', '      POSTGRES_USER: lhf');
  c.s(`      POSTGRES_PASSWORD: ${pg}`, 'generic', pg);
  c.l('  redis:', '    image: redis:7');
  c.s(`    command: ["redis-server", "--requirepass", "${rd}"]`, 'generic', rd);
  c.l(
    '  pgadmin:',
    '    image: dpage/pgadmin4',
    '    environment:',
    '      PGADMIN_DEFAULT_EMAIL: it@longhaulfreight.com',
  );
  c.s(`      PGADMIN_DEFAULT_PASSWORD: "${pa}"`, 'generic', pa);
  c.l('  telematics-ingest:', '    build: ./services/telematics-ingest', '    environment:');
  c.d('      SAMSARA_API_TOKEN: ${SAMSARA_API_TOKEN:?set in .env}', 'env interpolation');
  c.l('      MQTT_PASSWORD: ${MQTT_PASSWORD:-}');

  const d = repo.file('services/telematics-ingest/Dockerfile', 'docker');
  const gh = g.ghFine();
  d.l(`FROM golang:1.22-alpine@sha256:${t.sha256()} AS build`);
  d.s(`ARG GOPRIVATE_TOKEN=${gh}`, 'github', gh);
  d.l(
    'RUN git config --global url."https://x-access-token:${GOPRIVATE_TOKEN}@github.com/".insteadOf "https://github.com/"',
    'RUN go build -o /ingest ./cmd/ingest',
  );
  d.l('RUN --mount=type=secret,id=netrc,target=/root/.netrc go mod download');

  const td = repo.file('services/tms/Dockerfile', 'docker');
  const pat = g.adoPat();
  td.l('FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build', 'WORKDIR /src', 'COPY . .');
  td.s(
    `RUN dotnet nuget add source https://pkgs.dev.azure.com/longhaulfreight/_packaging/longhaul/nuget/v3/index.json -n longhaul -u build -p ${pat} --store-password-in-clear-text`,
    'azure-devops',
    pat,
  );
  td.l('RUN dotnet publish Longhaul.Tms.Api -c Release -o /app');

  const dc = repo.file('ops/home/.docker/config.json', 'credstore');
  const acr = g.acrPw();
  dc.l('{', '  "auths": {', '    "lhfprod.azurecr.io": {');
  dc.s(`      "auth": "${g.enc(`lhfprod:${acr}`)}"`, 'azure', acr);
  dc.l('    }', '  },');
  dc.l('  "credsStore": "desktop"');
  dc.l('}');
}

// ---- CI: Azure DevOps and GitHub Actions ---------------------------------------------------

function ci(repo, t, g) {
  const a = repo.file('azure-pipelines/tms-release.yml', 'ci');
  const pg = g.gen(20);
  const az = g.azSecret();
  const hook = g.teamsHook();
  a.l('trigger:', '  branches:', '    include: [main]', 'pool:', '  vmImage: ubuntu-latest', 'variables:');
  a.l('  - group: lhf-prod-secrets');
  a.l('  - name: TMS_DB_PASSWORD');
  a.s(`    value: '${pg}'`, 'generic', pg);
  a.l('steps:', '  - task: AzureCLI@2', '    inputs:');
  a.l("      azureSubscription: 'sc-lhf-prod'");
  a.l('      scriptType: bash', '      scriptLocation: inlineScript', '      inlineScript: |');
  a.s(`        az login --service-principal -u ${t.uuid()} -p '${az}' --tenant ${t.uuid()}`, 'azure', az);
  a.l(
    '  - script: psql "host=pg-lhf-prod.postgres.database.azure.com user=tms_app password=$(TMS_DB_PASSWORD)" -f db/tms/seed.sql',
  );
  a.l('  - bash: |');
  a.s(`      curl -H 'Content-Type: application/json' -d '{"text":"TMS released"}' ${hook}`, 'teams', hook);

  const gt = repo.file('.github/workflows/telematics-ingest.yml', 'ci');
  const sam = g.samsara();
  const sl = t.slackWebhook();
  gt.l(
    'name: telematics-ingest',
    'on:',
    '  push:',
    "    paths: ['services/telematics-ingest/**']",
    'jobs:',
    '  test:',
    '    runs-on: ubuntu-latest',
    '    env:',
  );
  gt.s(`      SAMSARA_API_TOKEN: ${sam}`, 'samsara', sam);
  gt.d('      GEOTAB_PASSWORD: ${{ secrets.GEOTAB_PASSWORD }}', 'actions secret reference');
  gt.l('    steps:');
  gt.d(`      - uses: actions/checkout@${t.sha1()} # v4`, 'pinned action sha');
  gt.l('      - run: go test ./...', '        working-directory: services/telematics-ingest', '      - name: notify');
  gt.s(`        run: curl -s -X POST -d '{"text":"ingest build ok"}' ${sl}`, 'slack', sl);

  const ga = repo.file('.github/workflows/analytics-dbt.yml', 'ci');
  const sf = g.gen(20);
  ga.l(
    'name: analytics-dbt',
    'on:',
    '  schedule:',
    "    - cron: '15 6 * * *'",
    'jobs:',
    '  dbt:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - run: pip install dbt-snowflake==1.8.3',
    '      - run: dbt build --target prod',
    '        env:',
  );
  ga.s(`          DBT_PASSWORD: "${sf}"`, 'generic', sf);
  ga.l('          SNOWFLAKE_ACCOUNT: ${{ vars.SNOWFLAKE_ACCOUNT }}');

  const gw = repo.file('.github/workflows/web-portal.yml', 'ci');
  const swa = `${t.hex(56)}-${t.hex(8)}`;
  gw.l(
    'name: web-portal',
    'on: [push]',
    'jobs:',
    '  deploy:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: Azure/static-web-apps-deploy@v1',
    '        with:',
  );
  gw.s(`          azure_static_web_apps_api_token: ${swa}`, 'azure', swa);
  gw.l('          repo_token: ${{ secrets.GITHUB_TOKEN }}');
  gw.l("          app_location: 'apps/web-portal'");
}

// ---- Terminal PCs: PowerShell and batch ----------------------------------------------------

function terminals(repo, t, g) {
  const s = repo.file('ops/terminals/scripts/Setup-TerminalPC.ps1', 'windows');
  const la = g.human();
  const dj = g.gen(22);
  const kiosk = t.alnum(32);
  s.l('param([string]$Terminal = "DAL")', "$ErrorActionPreference = 'Stop'");
  s.s(
    `Set-LocalUser -Name Administrator -Password (ConvertTo-SecureString "${la}" -AsPlainText -Force)`,
    'generic',
    la,
  );
  s.s(
    `$joinCred = [pscredential]::new('LHF\\svc_domainjoin', (ConvertTo-SecureString '${dj}' -AsPlainText -Force))`,
    'generic',
    dj,
  );
  s.l(
    'Add-Computer -DomainName corp.longhaulfreight.local -Credential $joinCred -OUPath "OU=Terminals,DC=corp,DC=longhaulfreight,DC=local"',
  );
  s.s(
    `Invoke-RestMethod -Uri "https://kiosk.comdata.com/api/v2/register" -Headers @{ 'X-Api-Key' = '${kiosk}' } -Method Post`,
    'generic',
    kiosk,
  );
  s.d('$pw = Read-Host -Prompt "Dispatcher password" -AsSecureString', 'prompt');
  s.l('$sam = Get-Secret -Name samsara -AsPlainText');

  const f = repo.file('ops/terminals/scripts/Send-FuelReport.ps1', 'windows');
  const smtp = g.human();
  const wex = g.gen(18);
  f.s(
    `$smtpCred = New-Object PSCredential("fuel-reports@longhaulfreight.com", (ConvertTo-SecureString '${smtp}' -AsPlainText -Force))`,
    'generic',
    smtp,
  );
  f.s(`$wexAuth = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("lhf_fleet_api:${wex}"))`, 'generic', wex);
  f.l(
    'Invoke-RestMethod -Uri "https://api.wexinc.com/fleet/v1/transactions?days=1" -Headers @{ Authorization = "Basic $wexAuth" } | Export-Csv fuel.csv',
  );
  f.l(
    'Send-MailMessage -SmtpServer smtp.office365.com -Port 587 -UseSsl -Credential $smtpCred -To fuel@longhaulfreight.com -Subject "Daily fuel" -Attachments fuel.csv',
  );

  const b = repo.file('ops/terminals/scripts/map-drives.bat', 'windows');
  const np = g.plain(14);
  b.l('@echo off', 'REM dispatch shares for the terminal PCs', 'set SVC=LHF\\svc_terminal');
  b.s(`net use P: \\\\fs01.corp.longhaulfreight.local\\PODs /user:%SVC% ${np} /persistent:yes`, 'generic', np);
  b.l('net use R: \\\\fs01.corp.longhaulfreight.local\\RateCons /user:%SVC% %SVC_PW% /persistent:yes');

  const p = repo.file('ops/terminals/scripts/install-label-printer.cmd', 'windows');
  const px = g.plain(16);
  const st = g.plain(16);
  p.l('@echo off');
  p.s(
    `psexec \\\\%1 -u LHF\\svc_deploy -p ${px} -h msiexec /i \\\\fs01\\installs\\ZebraDesigner.msi /qn`,
    'generic',
    px,
  );
  p.s(
    `schtasks /create /tn "ELD Sync" /tr "C:\\lhf\\eldsync.exe" /sc hourly /ru LHF\\svc_eld /rp ${st}`,
    'generic',
    st,
  );
  p.l('set /p ADMIN_PW=Enter local admin password: ');
}

// ---- cron and shell ------------------------------------------------------------------------

function cronShell(repo, t, g) {
  const c = repo.file('ops/cron/terminal-sync.crontab', 'shell');
  const pg = g.plain(20);
  const cu = g.plain(18);
  const lf = g.plain(16);
  c.l('SHELL=/bin/bash', 'MAILTO=it-ops@longhaulfreight.com');
  c.s(
    `15 2 * * * PGPASSWORD=${pg} pg_dump -h pg-lhf-prod.postgres.database.azure.com -U lhfadmin dispatch | gzip > /backup/dispatch.sql.gz`,
    'generic',
    pg,
  );
  c.s(
    `*/10 * * * * curl -s -u eldsync:${cu} https://eld-bridge.corp.longhaulfreight.local/api/sync >/dev/null`,
    'generic',
    cu,
  );
  c.s(
    `0 * * * * lftp -u lhf_edi,${lf} sftp://edi.gpgrocers.net -e "mirror /outbound /data/edi/in/gpgrocers; bye"`,
    'generic',
    lf,
  );
  c.d('30 3 * * * /opt/lhf/bin/rotate-logs.sh --keep 14', 'no secret');

  const p = repo.file('scripts/edi/pull-214s.sh', 'shell');
  const sp = g.plain(16);
  p.l('#!/usr/bin/env bash', 'set -euo pipefail');
  p.s(
    `sshpass -p '${sp}' sftp -oBatchMode=no longhaul@sftp.acmeshipper.com <<< $'get /out/214/*.x12 /data/edi/in/acme/'`,
    'generic',
    sp,
  );
  p.l('sshpass -e sftp longhaul@edi.northwind.com  # password in $SSHPASS');

  const b = repo.file('scripts/backup/archive-edi.sh', 'shell');
  const k = t.azureStorageKey();
  const sas = t.azureSasSig();
  b.l('#!/usr/bin/env bash');
  b.s(
    `az storage blob upload-batch --account-name lhfediarchive --account-key "${k}" -d edi -s /data/edi/archive`,
    'azure',
    k,
  );
  b.s(
    `azcopy copy /data/pods "https://lhfpods.blob.core.windows.net/pods?sv=2022-11-02&ss=b&srt=co&sp=rwlac&se=2027-01-01T00:00:00Z&spr=https&sig=${sas}" --recursive`,
    'azure',
    sas,
  );

  const nr = repo.file('ops/home/.netrc', 'credstore');
  const np = g.plain(18);
  nr.s(`machine eld-bridge.corp.longhaulfreight.local login eldsync password ${np}`, 'generic', np);
  const gc = repo.file('ops/home/.git-credentials', 'credstore');
  const gt = t.github();
  gc.s(`https://lhf-ci-bot:${gt}@github.com`, 'github', gt);
}

// ---- Logs ----------------------------------------------------------------------------------

function logs(repo, t, g) {
  const q = repo.file('logs/dispatch/dispatch-2025-06-02.log', 'logs');
  const pw = g.plain(20);
  const dat = g.datJwt();
  const ts = (x) => `2025-06-02 ${x}`;
  q.l(
    `${ts('07:00:01,102')} INFO  [io.quarkus] (main) dispatch 3.8.1 on JVM started in 2.114s. Listening on: http://0.0.0.0:8080`,
  );
  q.s(
    `${ts('07:00:01,340')} DEBUG [io.agroal.pool] (main) Datasource '<default>': jdbc:postgresql://pg-lhf-prod.postgres.database.azure.com:5432/dispatch?user=dispatch_app&password=${pw}`,
    'database',
    pw,
  );
  q.s(
    `${ts('07:02:11,908')} DEBUG [c.l.d.loadboard.DatClient] (executor-thread-3) POST /access/v1/token/user -> 200 {"accessToken":"${dat}","expiresWhen":"2035-06-02T07:32:11Z"}`,
    'generic',
    dat,
  );
  q.l(
    `${ts('07:02:12,004')} INFO  [c.l.d.loads.LoadService] (executor-thread-3) load ${t.uuid()} tendered to carrier MC-${t.digits(6)}`,
  );
  q.d(
    `${ts('07:03:40,550')} WARN  [c.l.d.notify.DriverNotifier] (executor-thread-5) twilio auth token=******** rejected (401)`,
    'masked',
  );

  const j = repo.file('logs/telematics/ingest-2025-06-02.jsonl', 'logs');
  const sam = g.samsara();
  const sess = g.geotabSession();
  const mq = g.plain(24);
  j.l(`{"level":"info","ts":"2025-06-02T07:00:00Z","msg":"poll start","vehicles":412,"batch":"${t.uuid()}"}`);
  j.s(
    `{"level":"debug","ts":"2025-06-02T07:00:01Z","msg":"http request","method":"GET","url":"https://api.samsara.com/fleet/vehicles/stats","headers":{"Authorization":["Bearer ${sam}"]}}`,
    'samsara',
    sam,
  );
  j.s(
    `{"level":"debug","ts":"2025-06-02T07:00:02Z","msg":"geotab authenticated","credentials":{"database":"longhaul_freight","userName":"api-ingest@longhaulfreight.com","sessionId":"${sess}"}}`,
    'generic',
    sess,
  );
  j.s(
    `{"level":"error","ts":"2025-06-02T07:01:17Z","msg":"mqtt connect failed","broker":"ssl://ingest:${mq}@mqtt.telematics.longhaulfreight.com:8883","err":"EOF"}`,
    'database',
    mq,
  );
  j.d(
    `{"level":"info","ts":"2025-06-02T07:01:20Z","msg":"vehicle stat","vin":"${g.vin()}","fuelPercent":62}`,
    'vehicle identification number',
  );

  const dv = repo.file('logs/devices/eld-LHF-TS-0417.log', 'logs');
  const dpw = g.plain(24);
  dv.d(`[00:00:03.120] modem: IMEI ${g.imei()} ICCID 89014${t.digits(15)}`, 'device identifiers');
  dv.l(
    '[00:00:05.880] modem: AT+QMTOPEN=0,"mqtt.telematics.longhaulfreight.com",8883',
    '[00:00:06.410] modem: +QMTOPEN: 0,0',
  );
  dv.s(`[00:00:06.412] modem: AT+QMTCONN=0,"LHF-TS-0417","trailer-fleet","${dpw}"`, 'generic', dpw);
  dv.l('[00:00:06.990] modem: +QMTCONN: 0,0,0');
  dv.l('[00:00:07.002] app: door=closed temp_c=3.4 lat=32.7767 lon=-96.7970');

  const mo = repo.file('logs/mosquitto/mosquitto.log', 'logs');
  mo.l("1717311600: New client connected from 10.40.2.17:51544 as LHF-TS-0417 (p2, c1, k60, u'trailer-fleet').");
  mo.l('1717311604: Client LHF-TS-0522 disconnected, not authorised.');

  const ng = repo.file('logs/nginx/portal-access.log', 'logs');
  const ak = t.alnum(32);
  ng.s(
    `10.40.8.12 - - [02/Jun/2025:07:14:02 +0000] "GET /api/v1/loads/board?status=open&api_key=${ak} HTTP/1.1" 200 18234 "-" "python-requests/2.32.3"`,
    'generic',
    ak,
  );
  ng.d(
    '10.40.8.12 - - [02/Jun/2025:07:14:09 +0000] "GET /api/v1/loads/board?status=open&api_key=*** HTTP/1.1" 200 18234 "-" "python-requests/2.32.3"',
    'masked',
  );

  const e = repo.file('logs/tms/edi-2025-06-02.log', 'logs');
  const sp = g.gen(18);
  e.l(
    `2025-06-02 14:30:02 [INF] AS2 MDN received Message-ID <${t.uuid()}@as2.northwindretail.com> MIC ${g.b64(27)}=, sha-256`,
  );
  e.s(
    `2025-06-02 14:31:10 [DBG] SftpPoller connecting sftp://longhaulfrt:${sp}@ftp.heartlandfoods.com:22/outbound`,
    'database',
    sp,
  );
  e.l('2025-06-02 14:31:11 [INF] 997 accepted for interchange 000007730 (GS 7730)');
}

// ---- Support: Zendesk, Jira, Teams exports -------------------------------------------------

function support(repo, t, g) {
  const z = repo.file('support/exports/zendesk-tickets-2025-05.csv', 'support');
  const sam = g.samsara();
  const tmp = g.human();
  const mot = g.motiveKey();
  z.l('id,created_at,requester,subject,description,status');
  z.s(
    `88120,2025-05-05T13:02:10Z,fleet@redriverproduce.com,"Live map empty","Our Samsara integration shows nothing. Token we pasted: ${sam}",solved`,
    'samsara',
    sam,
  );
  z.s(
    `88131,2025-05-07T08:44:51Z,owner@bluebonnetcarriers.com,"Portal login","Reset done, temporary password ${tmp} - change at first login",closed`,
    'generic',
    tmp,
  );
  z.s(
    `88164,2025-05-12T17:20:05Z,ops@lonestarhaulers.com,"Motive sync","Motive API key is ${mot}, please reconnect our ELDs",open`,
    'motive',
    mot,
  );
  z.l(
    `88170,2025-05-13T10:00:00Z,safety@prairiefreight.com,"VIN mismatch","Unit 118 VIN ${g.vin()} shows twice",solved`,
  );
  z.d(
    '88177,2025-05-14T11:11:11Z,ap@heartlandfoods.com,"Invoice","Customer says password is ******** and account is locked",solved',
    'masked',
  );

  const jr = repo.file('support/exports/jira/LHF-4412.json', 'support');
  const geo = g.gen(18);
  const zd = g.zendesk();
  jr.l('{', '  "key": "LHF-4412",', '  "fields": {', '    "summary": "Geotab feed stalls after password rotation",');
  jr.s(
    `    "description": "Rotated the MyGeotab api-ingest user, new password is ${geo} - ingest pods need a restart.",`,
    'generic',
    geo,
  );
  jr.l('    "comment": {', '      "comments": [');
  jr.s(
    `        { "author": "rgarcia", "body": "Zendesk export job uses token ${zd} (support-bot@longhaulfreight.com/token)" },`,
    'zendesk',
    zd,
  );
  jr.l('        { "author": "tnguyen", "body": "Please move these to Key Vault; never paste credentials in Jira." }');
  jr.l('      ]', '    }', '  }', '}');

  const tm = repo.file('support/exports/teams/dispatch-ops-2025-05.json', 'support');
  const wex = g.human();
  const cd = g.gen(16);
  const dat = g.human();
  const hook = g.teamsHook();
  const msg = (who, when, body) =>
    `    { "createdDateTime": "${when}", "from": { "user": { "displayName": "${who}" } }, "body": { "contentType": "text", "content": ${JSON.stringify(body)} } },`;
  tm.l('{', '  "chatId": "19:meeting_dispatch-ops@thread.v2",', '  "messages": [');
  tm.d(msg('Dana Ruiz', '2025-05-20T06:12:00Z', 'Morning all, 14 loads still uncovered out of DFW.'), 'chat prose');
  tm.s(
    msg('Marcus Lee', '2025-05-20T06:14:31Z', `WEX portal login for night shift: lhf_dispatch / ${wex}`),
    'generic',
    wex,
  );
  tm.s(msg('Dana Ruiz', '2025-05-20T06:15:02Z', `Comdata is api_lhf, pw ${cd} (same as the kiosk)`), 'generic', cd);
  tm.s(
    msg('Priya Shah', '2025-05-20T07:40:19Z', `DAT Power login changed: svc-loadboard@longhaulfreight.com ${dat}`),
    'generic',
    dat,
  );
  tm.s(msg('Priya Shah', '2025-05-20T07:41:00Z', `Webhook for the alerts channel: ${hook}`), 'teams', hook);
  tm.l(msg('Tom Nguyen', '2025-05-20T07:45:10Z', 'Please stop posting passwords here, use the Keeper share.'));
  tm.l('    {}', '  ]', '}');
}

// ---- Docs ----------------------------------------------------------------------------------

function docs(repo, t, g) {
  const e = repo.file('docs/runbooks/edi-onboarding.md', 'docs');
  const as2 = g.plain(20);
  const sf = g.gen(16);
  e.l(
    '# Onboarding an EDI trading partner',
    '',
    '1. Exchange ISA ids and AS2 ids (ours: `LONGHAULFRT`, qualifier ZZ).',
  );
  e.l('2. Typical envelope: `ISA*00*          *00*          *ZZ*LONGHAULFRT    *ZZ*PARTNER        *...~`');
  e.s(`3. Northwind AS2 test endpoint basic auth: \`longhaul\` / \`${as2}\``, 'generic', as2);
  e.s(`4. Acme SFTP (prod): \`sftp longhaul@sftp.acmeshipper.com\`, password \`${sf}\``, 'generic', sf);
  e.l('5. For new partners store the password in Key Vault as `edi-<code>-password`.');

  const tl = repo.file('docs/runbooks/telematics.md', 'docs');
  const sam = g.samsara();
  tl.l('# Telematics vendors', '', '```sh');
  tl.s(`curl -H "Authorization: Bearer ${sam}" https://api.samsara.com/fleet/vehicles`, 'samsara', sam);
  tl.l('curl -H "Authorization: Bearer $SAMSARA_API_TOKEN" https://api.samsara.com/fleet/drivers');
  tl.l('```', '');
  tl.l('Samsara tokens look like `samsara_api_<30 chars>`; create one under Settings > API Tokens.');

  const r = repo.file('README.md', 'docs');
  r.l(
    '# Longhaul Freight platform',
    '',
    'Dispatch, TMS, telematics ingest, analytics and the driver app.',
    '',
    '## Local setup',
    '',
    '```sh',
  );
  r.l('export HERE_API_KEY=<your-here-key>');
  r.l('dotnet user-secrets set "QuickBooks:ClientSecret" "<client-secret>" --project services/tms/Longhaul.Tms.Api');
  r.d('export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE  # vendor docs example, we are on Azure', 'vendor example');
  r.l('docker compose up -d postgres redis', '```');

  const f = repo.file('docs/integrations/fuel-cards.md', 'docs');
  const efs = g.gen(16);
  f.l('# Fuel card integrations', '', '| Vendor | Account | Notes |', '|---|---|---|');
  f.l('| WEX | `lhf_fleet_api` | OAuth client in Key Vault `wex-client-secret` |');
  f.s(`| EFS | \`lhf_api\` | SOAP login password \`${efs}\` (rotate yearly) |`, 'generic', efs);
  f.l(`| Comdata | account code \`LHF01\` | customer id \`${t.digits(5)}\` |`);
}

// ---- Keys ----------------------------------------------------------------------------------

function keys(repo, t, _g) {
  const k = repo.file('ops/keys/edi_sftp_ed25519', 'keys');
  const os = t.opensshPem();
  k.s(os, 'private-key', os.join('\n'));
  const pub = repo.file('ops/keys/edi_sftp_ed25519.pub', 'keys');
  pub.l(`ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${t.mixed(B64, 43)} edi@longhaulfreight`);
  const sf = repo.file('analytics/secrets/dbt_ci.p8', 'keys');
  const p8 = t.pkcs8Pem();
  sf.s(p8, 'private-key', p8.join('\n'));
}

// ---- Noise: hashes, ids, lockfiles, i18n ---------------------------------------------------

function noise(repo, t, g) {
  const sum = repo.file('services/telematics-ingest/go.sum', 'decoys');
  for (const m of ['github.com/eclipse/paho.mqtt.golang v1.4.3', 'github.com/jackc/pgx/v5 v5.6.0']) {
    sum.d(`${m} h1:${g.enc(Buffer.from(t.pick(HEX, 64), 'hex'))}`, 'go.sum hash');
  }

  const lock = repo.file('apps/web-portal/package-lock.json', 'decoys');
  lock.l('{', '  "name": "web-portal",', '  "lockfileVersion": 3,', '  "packages": {');
  for (const name of ['react', 'mapbox-gl']) {
    lock.l(
      `    "node_modules/${name}": {`,
      '      "version": "1.0.0",',
      `      "resolved": "https://registry.npmjs.org/${name}/-/${name}-1.0.0.tgz",`,
    );
    lock.d(`      "integrity": "sha512-${g.enc(Buffer.from(t.pick(HEX, 128), 'hex'))}"`, 'integrity hash');
    lock.l('    },');
  }
  lock.l('    "": {}', '  }', '}');

  const ids = repo.file('services/dispatch/src/main/java/com/longhaul/dispatch/Constants.java', 'decoys');
  ids.l('package com.longhaul.dispatch;', '', 'public final class Constants {');
  ids.d('    public static final String USDOT_NUMBER = "3184207";', 'public dot number');
  ids.l('    public static final String MC_NUMBER = "MC-1120458";');
  ids.l('    public static final String SCAC = "LHFT";');
  ids.l('    public static final String DAT_PASSWORD_ENV = "DAT_SERVICE_PASSWORD";');
  ids.l(`    public static final String DEFAULT_TRAILER_VIN = "${g.vin()}";`);
  ids.l('    public static final String TOKEN_HEADER = "X-Api-Key";');
  ids.l('}');

  const i18n = repo.file('apps/driver-android/app/src/main/res/values/strings.xml', 'decoys');
  i18n.l('<resources>');
  i18n.d('    <string name="login_password">Password</string>', 'i18n');
  i18n.l('    <string name="eld_pairing_code_hint">Enter the 6-digit pairing code shown on the ELD</string>');
  i18n.l('    <string name="api_key_missing">API key missing, contact dispatch</string>');
  i18n.l('</resources>');

  const gc = repo.file('services/telematics-ingest/internal/geotab/testdata/devices.json', 'decoys');
  gc.l('[');
  gc.l(
    `  { "id": "b${t.pick(HEX, 3).toUpperCase()}", "serialNumber": "G9${t.mixed(UPPER + DIGIT, 10)}", "vehicleIdentificationNumber": "${g.vin()}" }`,
  );
  gc.l(']');
}
