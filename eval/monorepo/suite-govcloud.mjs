// Government-services contractor monorepo (CivicStack): .NET permit/licensing and Java Spring
// benefits case-management services, an Angular resident portal, PostgreSQL and SQL Server, an
// Oracle legacy tax system with PL/SQL packages and shell batch jobs, Azure Government and AWS
// GovCloud (Terraform, Bicep), OpenShift, Azure DevOps pipelines and Jenkins, HashiCorp Vault,
// Keycloak / ADFS (SAML and OIDC), LDAP, SFTP partner exchanges, PowerShell admin scripts,
// Paymentus / Authorize.Net payments, Twilio / Granicus notifications, Esri ArcGIS, Salesforce
// Government Cloud, ServiceNow, Splunk, Python notebooks, logs, ticket and chat exports, runbooks.
import { ALNUM, B64, BASE32, DIGIT, HEX, LOWER, UPPER, URLSAFE, Repo, makeTokens, mulberry32 } from './generate.mjs';

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 9173 + 2027);
  const t = makeTokens(rand);
  const repo = new Repo();
  const g = gens(t);
  dotnetPermits(repo, t, g);
  javaBenefits(repo, t, g);
  angularPortal(repo, t, g);
  oracleLegacy(repo, t, g);
  payments(repo, t, g);
  notifications(repo, t, g);
  gis(repo, t, g);
  salesforce(repo, t, g);
  vault(repo, t, g);
  identity(repo, t, g);
  sftp(repo, t, g);
  openshift(repo, t, g);
  terraform(repo, t, g);
  bicep(repo, t, g);
  ci(repo, t, g);
  docker(repo, t, g);
  powershell(repo, t, g);
  splunk(repo, t, g);
  servicenow(repo, t, g);
  notebooks(repo, t, g);
  logs(repo, t, g);
  tickets(repo, t, g);
  docs(repo, t, g);
  noise(repo, t, g);
  return repo;
}

function gens(t) {
  const b64 = (n) => t.mixed(B64, n);
  const enc = (s) => Buffer.from(s).toString('base64');
  const b64url = (s) => Buffer.from(s).toString('base64url');
  // n random bytes, base64: a real 256-bit key has a valid final character before its padding.
  const key64 = (n = 32) => Buffer.from(t.hex(n * 2), 'hex').toString('base64');
  const WORDS = ['Capitol', 'Permit', 'Ballot', 'County', 'Parcel', 'Clerk', 'Harbor', 'Civic', 'Zoning', 'Ledger'];
  const word = () => WORDS[Number(t.pick(DIGIT, 1))];
  // What admins pick for shared service accounts and "temporary" passwords.
  const human = () => {
    const sym = t.pick('!#*.', 1);
    switch (t.pick('0123', 1)) {
      case '0':
        return `${word()}20${t.pick('12', 1)}${t.pick(DIGIT, 1)}${sym}`;
      case '1':
        return `${word()}${sym}${t.pick(DIGIT, 2)}${word().toLowerCase()}`;
      case '2':
        return `Civic${word()}${t.pick(DIGIT, 3)}${sym}`;
      default:
        return `${word().toLowerCase()}-${word()}-${t.pick(DIGIT, 4)}`;
    }
  };
  // Generated passwords, safe inside XML, JSON, connection strings and quoted YAML.
  const gen = (n = 20) => `${t.pick(UPPER + LOWER, 1)}${t.mixed(ALNUM + '!#*-_+', n - 1)}`;
  const plain = (n = 18) => t.alnum(n);
  const splunkJwt = (user) =>
    [
      b64url(JSON.stringify({ kid: 'splunk.secret', alg: 'HS512', ver: 'v2', ttyp: 'static' })),
      b64url(
        JSON.stringify({
          iss: `${user} from spl-sh-prod-01`,
          sub: user,
          aud: 'etl',
          idp: 'Splunk',
          jti: t.hex(64),
          iat: 1767225600,
          exp: 2082758400,
          nbr: 1767225600,
        }),
      ),
      t.mixed(URLSAFE, 86),
    ].join('.');
  const saToken = (ns, sa) =>
    [
      b64url(JSON.stringify({ alg: 'RS256', kid: t.mixed(URLSAFE, 43) })),
      b64url(
        JSON.stringify({
          iss: 'kubernetes/serviceaccount',
          'kubernetes.io/serviceaccount/namespace': ns,
          'kubernetes.io/serviceaccount/secret.name': `${sa}-token-${t.lower(5)}`,
          'kubernetes.io/serviceaccount/service-account.name': sa,
          'kubernetes.io/serviceaccount/service-account.uid': t.uuid(),
          sub: `system:serviceaccount:${ns}:${sa}`,
        }),
      ),
      t.mixed(URLSAFE, 342),
    ].join('.');
  return {
    b64,
    enc,
    b64url,
    human,
    gen,
    plain,
    splunkJwt,
    saToken,
    // HashiCorp Vault: service / batch tokens, legacy tokens, unseal and recovery shares.
    hvs: () => `hvs.CAESI${t.mixed(URLSAFE, 86)}`,
    hvb: () => `hvb.AAAAAQ${t.mixed(URLSAFE, 132)}`,
    vaultLegacy: () => `s.${t.mixed(ALNUM, 24)}`,
    unseal: () => key64(),
    // Terraform Cloud / Enterprise API token.
    tfc: () => `${t.mixed(LOWER + DIGIT, 14)}.atlasv1.${t.mixed(ALNUM, 67)}`,
    // Azure DevOps PATs: the 52-char base32 form and the 84-char form carrying the AZDO signature.
    adoPat: () => t.mixed('abcdefghijklmnopqrstuvwxyz234567', 52),
    adoPatNew: () => `${t.mixed(ALNUM, 76)}AZDO${t.mixed(ALNUM, 4)}`,
    azSecret: () => t.azureClientSecret(),
    sbKey: () => key64(),
    cogKey: () => t.hex(32),
    acrPw: () => `${t.mixed(ALNUM, 42)}+ACR${t.mixed(ALNUM, 6)}`,
    funcKey: () => `${t.mixed(URLSAFE, 54)}==`,
    // OpenShift OAuth access token.
    ocToken: () => `sha256~${t.mixed(URLSAFE, 43)}`,
    // JFrog Artifactory: legacy API key and reference token.
    afKey: () => `AKCp8${t.mixed(ALNUM, 68)}`,
    afRef: () => `cmVmdGtuOjAxOj${t.mixed(ALNUM, 50)}`,
    jenkinsToken: () => `11${t.hex(32)}`,
    nuget: () => `oy2${t.mixed(LOWER + DIGIT, 43)}`,
    ghFine: () => `github_pat_11${t.mixed(UPPER + DIGIT, 20)}_${t.mixed(ALNUM, 59)}`,
    // Salesforce: session / access token (org id + "!" + token), consumer secret, user security token.
    sfToken: () => `00D${t.mixed(ALNUM, 12)}!AQ${t.pick(DIGIT, 1)}AQ${t.mixed(ALNUM + '._', 92)}`,
    sfConsumerKey: () => `3MVG9${t.mixed(ALNUM + '._', 80)}`,
    sfConsumerSecret: () => t.mixed('0123456789ABCDEF', 64),
    sfSecurityToken: () => t.alnum(25),
    // Twilio API key pair (SK… sid + secret) besides account sid / auth token.
    twilioKeySid: () => `SK${t.hex(32)}`,
    twilioKeySecret: () => t.alnum(32),
    granicus: () => t.alnum(32),
    // Esri ArcGIS API keys: legacy AAPK developer keys and newer AAPT location-platform keys.
    esriKey: () => `AAPK${t.hex(32)}${t.mixed(URLSAFE, 64)}`,
    esriKeyNew: () => `AAPT${t.mixed(URLSAFE, 160)}`,
    esriItem: () => t.pick(HEX, 32),
    // Authorize.Net: API login id (an identifier), transaction key, signature key.
    anetLogin: () => t.alnum(10),
    anetTxn: () => t.alnum(16),
    anetSig: () => t.mixed('0123456789ABCDEF', 128),
    anetClientKey: () => t.mixed(ALNUM, 80),
    paymentusKey: () => t.hex(40),
    paymentusHmac: () => key64(),
    splunkHec: () => t.uuid().toUpperCase(),
    keycloakSecret: () => t.alnum(32),
    teamsHook: () =>
      `https://civicstack.webhook.office.com/webhookb2/${t.uuid()}@${t.uuid()}/IncomingWebhook/${t.hex(32)}/${t.uuid()}/V2${t.mixed(URLSAFE, 43)}`,
    recaptcha: () => `6L${t.mixed(URLSAFE, 38)}`,
    turnstile: () => `0x4AAAAAAA${t.mixed(URLSAFE, 25)}`,
    stsSession: () => `IQoJb3JpZ2luX2VjE${b64(340)}`,
    asia: () => `ASIA${t.mixed(BASE32, 16)}`,
    machineKey: (n) => t.mixed('0123456789ABCDEF', n),
    cert: () => `MIIDszCCApugAwIBAgIQ${b64(960)}`,
    pubPem: () => [
      '-----BEGIN PUBLIC KEY-----',
      `MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA${b64(20)}`,
      b64(64),
      b64(64),
      b64(64),
      `${b64(56)}IDAQAB`,
      '-----END PUBLIC KEY-----',
    ],
  };
}

// ---- .NET: PermitHub (permits and licensing, Azure Government) -----------------------------

function dotnetPermits(repo, t, g) {
  const a = repo.file('services/permit-hub/PermitHub.Api/appsettings.json', 'dotnet');
  const sql = g.gen(22);
  const sb = g.sbKey();
  const stKey = t.azureStorageKey();
  const az = g.azSecret();
  const redis = g.sbKey();
  a.l(
    '{',
    '  "AzureAd": {',
    '    "Instance": "https://login.microsoftonline.us/",',
    '    "Domain": "civicstackgov.onmicrosoft.us",',
  );
  a.d(`    "TenantId": "${t.uuid()}",`, 'tenant id');
  a.d(`    "ClientId": "${t.uuid()}",`, 'app registration client id');
  a.s(`    "ClientSecret": "${az}",`, 'azure', az);
  a.l('    "CallbackPath": "/signin-oidc"', '  },', '  "ConnectionStrings": {');
  a.s(
    `    "PermitDb": "Server=tcp:sql-permits-prod.database.usgovcloudapi.net,1433;Initial Catalog=Permits;User ID=permithub_app;Password=${sql};Encrypt=True;TrustServerCertificate=False;Connection Timeout=30;",`,
    'database',
    sql,
  );
  a.s(
    `    "ServiceBus": "Endpoint=sb://sb-civic-permits-prod.servicebus.usgovcloudapi.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${sb}",`,
    'azure',
    sb,
  );
  a.s(
    `    "Attachments": "DefaultEndpointsProtocol=https;AccountName=stpermitsattach;AccountKey=${stKey};EndpointSuffix=core.usgovcloudapi.net",`,
    'azure',
    stKey,
  );
  a.s(
    `    "Redis": "redis-permits-prod.redis.cache.usgovcloudapi.net:6380,password=${redis},ssl=True,abortConnect=False",`,
    'azure',
    redis,
  );
  a.d(
    '    "Reporting": "@Microsoft.KeyVault(SecretUri=https://kv-permits-prod.vault.usgovcloudapi.net/secrets/ReportingDb/)"',
    'key vault reference',
  );
  a.l('  },');
  a.d(
    `  "ApplicationInsights": { "ConnectionString": "InstrumentationKey=${t.uuid()};IngestionEndpoint=https://usgovvirginia-1.in.applicationinsights.azure.us/" },`,
    'app insights instrumentation key',
  );
  a.l(
    '  "Logging": { "LogLevel": { "Default": "Information", "Microsoft.AspNetCore": "Warning" } },',
    '  "AllowedHosts": "*"',
    '}',
  );

  const dev = repo.file('services/permit-hub/PermitHub.Api/appsettings.Development.json', 'dotnet');
  dev.l('{', '  "ConnectionStrings": {');
  dev.d(
    '    "PermitDb": "Server=(localdb)\\\\mssqllocaldb;Database=Permits;Trusted_Connection=True;MultipleActiveResultSets=true",',
    'integrated auth, no password',
  );
  dev.d('    "ServiceBus": "<set with dotnet user-secrets>"', 'placeholder');
  dev.l('  },', '  "AzureAd": {');
  dev.d('    "ClientSecret": ""', 'empty');
  dev.l('  }', '}');

  const w = repo.file('services/permit-hub/PermitHub.Legacy/Web.config', 'iis');
  const lg = g.gen(18);
  const vk = g.machineKey(128);
  const dk = g.machineKey(64);
  const imp = g.human();
  w.l('<?xml version="1.0" encoding="utf-8"?>', '<configuration>', '  <connectionStrings>');
  w.s(
    `    <add name="LicensingDb" connectionString="Data Source=sqlprd02.corp.civicstack.local\\LIC;Initial Catalog=Licensing;User ID=lic_web;Password=${lg}" providerName="System.Data.SqlClient" />`,
    'database',
    lg,
  );
  w.d(
    '    <add name="AuditDb" connectionString="Data Source=sqlprd02.corp.civicstack.local;Initial Catalog=Audit;Integrated Security=SSPI" providerName="System.Data.SqlClient" />',
    'integrated auth, no password',
  );
  w.l('  </connectionStrings>', '  <appSettings>', '    <add key="Environment" value="PROD" />');
  w.l('    <add key="ReportServerUrl" value="https://ssrs.corp.civicstack.local/ReportServer" />');
  w.l(
    '  </appSettings>',
    '  <system.web>',
    '    <compilation debug="false" targetFramework="4.8" />',
    '    <machineKey',
  );
  w.s(`      validationKey="${vk}"`, 'generic', vk);
  w.s(`      decryptionKey="${dk}"`, 'generic', dk);
  w.l('      validation="HMACSHA256" decryption="AES" />');
  w.s(`    <identity impersonate="true" userName="CIVIC\\svc_licweb" password="${imp}" />`, 'generic', imp);
  w.l('  </system.web>', '  <protectedData>', '    <EncryptedData>', '      <CipherData>');
  w.l(`        <CipherValue>${g.b64(344)}</CipherValue>`);
  w.l('      </CipherData>', '    </EncryptedData>', '  </protectedData>', '</configuration>');

  const db = repo.file('services/permit-hub/PermitHub.Data/PermitDbContext.cs', 'dotnet');
  const dbPw = g.gen(20);
  db.l(
    'using Microsoft.EntityFrameworkCore;',
    '',
    'namespace PermitHub.Data;',
    '',
    'public class PermitDbContext : DbContext',
    '{',
    '    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)',
    '    {',
    '        if (optionsBuilder.IsConfigured) return;',
    '#warning To protect potentially sensitive information in your connection string, you should move it out of source code.',
  );
  db.s(
    `        optionsBuilder.UseSqlServer("Server=sql-permits-prod.database.usgovcloudapi.net;Database=Permits;User Id=permithub_migrator;Password=${dbPw};Encrypt=True");`,
    'database',
    dbPw,
  );
  db.l('    }', '', '    public DbSet<Permit> Permits => Set<Permit>();', '}');

  const ld = repo.file('services/permit-hub/PermitHub.Api/Services/DirectoryService.cs', 'dotnet');
  const ldPw = g.gen(24);
  const ssrs = g.human();
  ld.l(
    'using System.DirectoryServices.Protocols;',
    'using System.Net;',
    '',
    'namespace PermitHub.Api.Services;',
    '',
    'public class DirectoryService',
    '{',
    '    private static LdapConnection Connect()',
    '    {',
    '        var conn = new LdapConnection(new LdapDirectoryIdentifier("dc01.corp.civicstack.local", 636));',
    '        conn.SessionOptions.SecureSocketLayer = true;',
  );
  ld.s(
    `        conn.Credential = new NetworkCredential("CN=svc_permits,OU=Service Accounts,DC=corp,DC=civicstack,DC=local", "${ldPw}");`,
    'generic',
    ldPw,
  );
  ld.l('        conn.Bind();', '        return conn;', '    }', '');
  ld.l('    public ReportExecutionService Reports() => new ReportExecutionService', '    {');
  ld.s(`        Credentials = new NetworkCredential("svc_ssrs", "${ssrs}", "CIVIC"),`, 'generic', ssrs);
  ld.l('        Url = "https://ssrs.corp.civicstack.local/ReportServer/ReportExecution2005.asmx"', '    };', '');
  ld.l('    private string BindPassword => _config["Ldap:BindPassword"];');
  ld.l('}');

  const ls = repo.file('services/permit-hub/PermitHub.Api/Properties/launchSettings.json', 'dotnet');
  const lsSec = g.azSecret();
  ls.l(
    '{',
    '  "profiles": {',
    '    "PermitHub.Api": {',
    '      "commandName": "Project",',
    '      "environmentVariables": {',
  );
  ls.l(
    '        "ASPNETCORE_ENVIRONMENT": "Development",',
    '        "AZURE_AUTHORITY_HOST": "https://login.microsoftonline.us",',
  );
  ls.l(`        "AZURE_TENANT_ID": "${t.uuid()}",`);
  ls.d(`        "AZURE_CLIENT_ID": "${t.uuid()}",`, 'client id');
  ls.s(`        "AZURE_CLIENT_SECRET": "${lsSec}"`, 'azure', lsSec);
  ls.l('      }', '    }', '  }', '}');

  const ng = repo.file('services/permit-hub/nuget.config', 'dotnet');
  const pat = g.adoPatNew();
  ng.l('<?xml version="1.0" encoding="utf-8"?>', '<configuration>', '  <packageSources>');
  ng.l(
    '    <add key="civicstack" value="https://pkgs.dev.azure.com/civicstack/_packaging/civic-internal/nuget/v3/index.json" />',
  );
  ng.l(
    '  </packageSources>',
    '  <packageSourceCredentials>',
    '    <civicstack>',
    '      <add key="Username" value="build" />',
  );
  ng.s(`      <add key="ClearTextPassword" value="${pat}" />`, 'azure-devops', pat);
  ng.l('    </civicstack>', '  </packageSourceCredentials>', '</configuration>');

  const cp = repo.file('services/permit-hub/PermitHub.Api/PermitHub.Api.csproj', 'dotnet');
  cp.l('<Project Sdk="Microsoft.NET.Sdk.Web">', '  <PropertyGroup>', '    <TargetFramework>net8.0</TargetFramework>');
  cp.l(`    <UserSecretsId>${t.uuid()}</UserSecretsId>`);
  cp.l('  </PropertyGroup>', '</Project>');

  const fx = repo.file('services/permit-hub/PermitHub.Tests/Fixtures/TestSecrets.cs', 'dotnet');
  fx.l(
    'namespace PermitHub.Tests.Fixtures;',
    '',
    '// Values for the in-memory test host only. None of these are real.',
    'public static class TestSecrets',
    '{',
  );
  fx.d('    public const string ClientSecret = "test-client-secret-not-real";', 'test fixture');
  fx.l('    public const string DbPassword = "P@ssw0rd-for-unit-tests";');
  fx.d(
    '    public const string ServiceBusKey = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";',
    'all-zero key placeholder',
  );
  fx.l('}');
}

// ---- Java Spring: benefits-case (SNAP / Medicaid eligibility case management) --------------

function javaBenefits(repo, t, g) {
  const a = repo.file('services/benefits-case/src/main/resources/application.yml', 'java');
  const dbFallback = g.gen(22);
  const mailPw = g.human();
  const rabbit = g.plain(20);
  const vt = g.hvs();
  const ksPw = g.plain(16);
  a.l(
    'server:',
    '  port: 8443',
    '  ssl:',
    '    key-store: classpath:keystore/benefits-case.p12',
    '    key-store-type: PKCS12',
  );
  a.s(`    key-store-password: ${ksPw}`, 'generic', ksPw);
  a.l(
    'spring:',
    '  application:',
    '    name: benefits-case',
    '  datasource:',
    '    url: jdbc:postgresql://pg-benefits-prod.postgres.database.usgovcloudapi.net:5432/benefits?sslmode=require',
    '    username: benefits_app',
  );
  a.s(`    password: \${BENEFITS_DB_PASSWORD:${dbFallback}}`, 'generic', dbFallback);
  a.l('  rabbitmq:', '    host: mq.corp.civicstack.local', '    username: benefits');
  a.s(`    password: ${rabbit}`, 'generic', rabbit);
  a.l('  mail:', '    host: smtp.office365.us', '    port: 587', '    username: noreply-benefits@civicstack.us');
  a.s(`    password: "${mailPw}"`, 'generic', mailPw);
  a.l('  cloud:', '    vault:', '      uri: https://vault.corp.civicstack.local:8200', '      authentication: TOKEN');
  a.s(`      token: ${vt}`, 'vault', vt);
  a.l('      kv:', '        enabled: true');
  a.d('        backend: secret/benefits-case', 'vault path');
  a.l(
    '  ldap:',
    '    urls: ldaps://dc01.corp.civicstack.local:636',
    '    username: CN=svc_benefits,OU=Service Accounts,DC=corp,DC=civicstack,DC=local',
  );
  a.d('    password: ${LDAP_BIND_PASSWORD}', 'spring placeholder');
  a.l('management:', '  endpoints:', '    web:', '      exposure:', '        include: health,info,prometheus');

  const p = repo.file('services/benefits-case/src/main/resources/application-prod.properties', 'java');
  const prodDb = g.gen(20);
  const wss = g.human();
  p.l('# prod profile, loaded on top of application.yml');
  p.s(`spring.datasource.password=${prodDb}`, 'generic', prodDb);
  p.l('spring.datasource.hikari.data-source-properties.sslpassword=${PG_SSL_KEY_PASSWORD}');
  p.d('server.ssl.trust-store-password=${TRUSTSTORE_PASSWORD:changeit}', 'jdk default truststore password');
  p.l(
    'benefits.ivv.endpoint=https://ivv.hhs.state.example.gov/ws/IncomeVerification',
    'benefits.ivv.username=CIVICSTACK_SVC',
  );
  p.s(`benefits.ivv.password=${wss}`, 'generic', wss);
  p.l('jasypt.encryptor.password=${JASYPT_ENCRYPTOR_PASSWORD}');
  p.d(`benefits.ivv.client-cert-thumbprint=${t.pick('0123456789ABCDEF', 40)}`, 'certificate thumbprint');

  const e = repo.file(
    'services/benefits-case/src/main/java/us/civicstack/benefits/eligibility/FederalHubClient.java',
    'java',
  );
  const hubPw = g.plain(20);
  const hubBasic = g.enc(`CS_BENEFITS_PRD:${hubPw}`);
  e.l(
    'package us.civicstack.benefits.eligibility;',
    '',
    'import java.net.URI;',
    'import java.net.http.HttpClient;',
    'import java.net.http.HttpRequest;',
    '',
    'public class FederalHubClient {',
    '    private static final String HUB = "https://hub.example.cms.gov/VerifyLawfulPresence/v37";',
  );
  e.s(`    private static final String AUTH = "Basic ${hubBasic}";`, 'generic', hubPw);
  e.l(
    '',
    '    HttpRequest verify(String caseId, String body) {',
    '        return HttpRequest.newBuilder(URI.create(HUB))',
    '            .header("Authorization", AUTH)',
    '            .header("X-Case-Id", caseId)',
    '            .POST(HttpRequest.BodyPublishers.ofString(body))',
    '            .build();',
    '    }',
  );
  e.l('}');
  e.l('// see https://hub.example.cms.gov/docs for the request schema');

  const sv = repo.file(
    'services/benefits-case/src/main/java/us/civicstack/benefits/config/SoapSecurityConfig.java',
    'java',
  );
  const wsPw = g.gen(18);
  sv.l(
    'package us.civicstack.benefits.config;',
    '',
    'import org.springframework.ws.soap.security.wss4j2.Wss4jSecurityInterceptor;',
    '',
    'public class SoapSecurityConfig {',
    '    Wss4jSecurityInterceptor dmvInterceptor() {',
    '        Wss4jSecurityInterceptor i = new Wss4jSecurityInterceptor();',
    '        i.setSecurementActions("UsernameToken");',
    '        i.setSecurementUsername("civicstack_dmv");',
  );
  sv.s(`        i.setSecurementPassword("${wsPw}");`, 'generic', wsPw);
  sv.l('        i.setSecurementPasswordType("PasswordText");', '        return i;', '    }', '');
  sv.l('    @Value("${benefits.ivv.password}") private String ivvPassword;');
  sv.l('    private static final String PASSWORD_TYPE_DIGEST = "PasswordDigest";');
  sv.l('}');

  const ms = repo.file('services/benefits-case/.mvn/settings.xml', 'java');
  const afk = g.afKey();
  ms.l(
    '<settings>',
    '  <servers>',
    '    <server>',
    '      <id>civic-artifactory</id>',
    '      <username>ci-benefits</username>',
  );
  ms.s(`      <password>${afk}</password>`, 'artifactory', afk);
  ms.l('    </server>', '    <server>', '      <id>civic-releases</id>', '      <username>deploy</username>');
  ms.d(`      <password>{${g.b64(43)}=}</password>`, 'maven master-password encrypted value');
  ms.l('    </server>', '    <server>', '      <id>civic-snapshots</id>', '      <username>deploy</username>');
  ms.l('      <password>${env.ARTIFACTORY_PASSWORD}</password>');
  ms.l('    </server>', '  </servers>', '</settings>');

  const gp = repo.file('services/case-notes/gradle.properties', 'java');
  const ref = g.afRef();
  gp.l(
    'org.gradle.jvmargs=-Xmx2g',
    'artifactoryUrl=https://artifactory.corp.civicstack.local/artifactory',
    'artifactoryUser=ci-casenotes',
  );
  gp.s(`artifactoryPassword=${ref}`, 'artifactory', ref);
  gp.l('sonar.login=${SONAR_TOKEN}');

  const ty = repo.file('services/benefits-case/src/test/resources/application-test.yml', 'java');
  ty.l('spring:', '  datasource:', '    url: jdbc:h2:mem:benefits', '    username: sa');
  ty.l('    password:');
  ty.l('  cloud:', '    vault:');
  ty.d('      token: 00000000-0000-0000-0000-000000000000', 'zero token (vault dev placeholder)');
  ty.l('benefits:', '  ivv:');
  ty.l('    password: fake-ivv-password-for-tests');
}

// ---- Angular resident portal ----------------------------------------------------------------

function angularPortal(repo, t, g) {
  const e = repo.file('apps/resident-portal/src/environments/environment.prod.ts', 'angular');
  const kc = g.keycloakSecret();
  e.l(
    'export const environment = {',
    '  production: true,',
    "  apiBase: 'https://api.civicstack.us/permits/v2',",
    '  keycloak: {',
  );
  e.l("    url: 'https://id.civicstack.us/auth',", "    realm: 'residents',", "    clientId: 'resident-portal',");
  e.s(`    clientSecret: '${kc}', // TODO remove once the portal client is switched to public + PKCE`, 'keycloak', kc);
  e.l('  },', '  arcgis: {', "    portalUrl: 'https://gis.civicstack.us/portal',");
  e.d(`    parcelWebMapId: '${g.esriItem()}',`, 'arcgis web map item id');
  e.l('  },', '  recaptcha: {');
  e.d(`    siteKey: '${g.recaptcha()}',`, 'recaptcha site key (public by design)');
  e.l('  },', '};');

  const dv = repo.file('apps/resident-portal/src/environments/environment.ts', 'angular');
  dv.l(
    'export const environment = {',
    '  production: false,',
    "  apiBase: 'http://localhost:5080/permits/v2',",
    '  keycloak: {',
  );
  dv.l("    url: 'http://localhost:8080/auth',", "    realm: 'residents',", "    clientId: 'resident-portal',");
  dv.l("    clientSecret: '',");
  dv.l('  },', '};');

  const px = repo.file('apps/resident-portal/proxy.conf.json', 'angular');
  const basic = g.plain(18);
  px.l(
    '{',
    '  "/permits": {',
    '    "target": "https://api-stg.civicstack.us",',
    '    "secure": true,',
    '    "changeOrigin": true,',
  );
  px.s(`    "headers": { "Authorization": "Basic ${g.enc(`stg-gateway:${basic}`)}" }`, 'generic', basic);
  px.l('  }', '}');

  const ac = repo.file('apps/resident-portal/src/app/core/payments/accept-js.service.ts', 'angular');
  ac.l(
    "import { Injectable } from '@angular/core';",
    '',
    "@Injectable({ providedIn: 'root' })",
    'export class AcceptJsService {',
  );
  ac.l(`  private readonly apiLoginID = '${g.anetLogin()}';`);
  ac.d(
    `  private readonly clientKey = '${g.anetClientKey()}'; // Accept.js public client key`,
    'authorize.net accept.js public client key (browser-side by design)',
  );
  ac.l(
    '',
    '  tokenize(card: CardData) {',
    '    return Accept.dispatchData({ authData: { apiLoginID: this.apiLoginID, clientKey: this.clientKey }, cardData: card });',
    '  }',
    '}',
  );

  const n = repo.file('apps/resident-portal/.npmrc', 'angular');
  const npmTok = t.npm();
  const afPw = g.plain(20);
  n.l('registry=https://artifactory.corp.civicstack.local/artifactory/api/npm/npm-virtual/', 'always-auth=true');
  n.s(
    `//artifactory.corp.civicstack.local/artifactory/api/npm/npm-virtual/:_auth=${g.enc(`ci-portal:${afPw}`)}`,
    'artifactory',
    afPw,
  );
  n.s(`//registry.npmjs.org/:_authToken=${npmTok}`, 'npm', npmTok);
  n.d('//npm.pkg.github.com/:_authToken=${GITHUB_PACKAGES_TOKEN}', 'env reference');

  const cy = repo.file('apps/resident-portal/cypress.env.json', 'angular');
  const stgPw = g.human();
  cy.l('{', '  "baseUrl": "https://portal-stg.civicstack.us",', '  "clerkUser": "qa.clerk@civicstack.us",');
  cy.s(`  "clerkPassword": "${stgPw}",`, 'generic', stgPw);
  cy.l('  "residentPassword": "<set CYPRESS_residentPassword in the pipeline>"');
  cy.l('}');

  const sp = repo.file('apps/resident-portal/src/app/core/auth/auth.service.spec.ts', 'angular');
  sp.l("describe('AuthService', () => {", "  it('stores the token', () => {");
  sp.d(
    "    const fakeToken = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ0ZXN0LXVzZXIifQ.'; // unsigned test token, alg none",
    'unsigned test jwt (alg none, sub test-user)',
  );
  sp.l('    service.store(fakeToken);', '    expect(service.isLoggedIn()).toBeTrue();', '  });', '});');
}

// ---- Oracle legacy tax billing: PL/SQL, sqlplus batch jobs ---------------------------------

function oracleLegacy(repo, t, g) {
  const pk = repo.file('legacy/tax-billing/sql/pkg_tax_export.pkb', 'oracle');
  const httpPw = g.plain(16);
  const wallet = g.plain(14);
  const link = g.plain(12);
  pk.l(
    'CREATE OR REPLACE PACKAGE BODY pkg_tax_export AS',
    '',
    '  PROCEDURE push_to_treasury(p_batch_id IN NUMBER) IS',
    '    l_req  UTL_HTTP.req;',
    '    l_resp UTL_HTTP.resp;',
    '  BEGIN',
  );
  pk.s(`    UTL_HTTP.set_wallet('file:/u01/app/oracle/admin/TAXPRD/wallet', '${wallet}');`, 'generic', wallet);
  pk.l(
    "    l_req := UTL_HTTP.begin_request('https://treasury-gw.corp.civicstack.local/api/levy', 'POST', 'HTTP/1.1');",
  );
  pk.s(`    UTL_HTTP.set_authentication(l_req, 'svc_taxexport', '${httpPw}');`, 'generic', httpPw);
  pk.l(
    "    UTL_HTTP.set_header(l_req, 'Content-Type', 'application/json');",
    '    l_resp := UTL_HTTP.get_response(l_req);',
  );
  pk.l('    UTL_HTTP.end_response(l_resp);', '  END push_to_treasury;', '', 'END pkg_tax_export;', '/', '');
  pk.s(`CREATE DATABASE LINK gisprd CONNECT TO gis_ro IDENTIFIED BY ${link} USING 'GISPRD';`, 'generic', link);
  pk.l('-- credentials for the treasury gateway now come from the wallet alias, see TAX-1142');

  const cu = repo.file('legacy/tax-billing/sql/create_users.sql', 'oracle');
  const batch = g.gen(16).replace(/[^A-Za-z0-9_#]/g, '9');
  const rep = g.plain(14);
  cu.l('-- run as SYSTEM on TAXPRD', 'WHENEVER SQLERROR EXIT FAILURE');
  cu.s(
    `CREATE USER tax_batch IDENTIFIED BY "${batch}" DEFAULT TABLESPACE tax_data QUOTA UNLIMITED ON tax_data;`,
    'generic',
    batch,
  );
  cu.s(`CREATE USER tax_report IDENTIFIED BY ${rep} PASSWORD EXPIRE;`, 'generic', rep);
  cu.d('ALTER USER tax_batch IDENTIFIED BY "&&new_batch_password";', 'sqlplus substitution variable');
  cu.d(
    `ALTER USER tax_legacy IDENTIFIED BY VALUES 'S:${t.pick('0123456789ABCDEF', 60)};T:${t.pick('0123456789ABCDEF', 160)}';`,
    'oracle password verifier hash',
  );
  cu.l('GRANT CREATE SESSION TO tax_batch, tax_report;');

  const sh = repo.file('legacy/tax-billing/batch/nightly_export.sh', 'shell');
  const sp = g.plain(14);
  const exp = g.plain(16);
  sh.l(
    '#!/bin/ksh',
    '# Nightly levy export, scheduled from cron on taxbatch01',
    '. /home/oracle/.profile',
    'export ORACLE_SID=TAXPRD',
  );
  sh.l('LOG=/var/log/taxbatch/export_$(date +%Y%m%d).log');
  sh.s(`sqlplus -s tax_batch/${sp}@TAXPRD @/opt/taxbatch/sql/export_levies.sql >> $LOG 2>&1`, 'generic', sp);
  sh.l('sqlplus -s /@TAXPRD_WALLET @/opt/taxbatch/sql/mark_exported.sql >> $LOG 2>&1');
  sh.s(`expdp userid=system/${exp}@TAXPRD schemas=TAX directory=DP_DIR dumpfile=tax_%U.dmp parallel=4`, 'generic', exp);
  sh.l('[ -s "$LOG" ] && mailx -s "levy export $(date +%F)" taxops@civicstack.us < "$LOG"');

  const cr = repo.file('legacy/tax-billing/batch/crontab.taxbatch01', 'shell');
  const crPw = g.plain(14);
  cr.l('# m h dom mon dow command', 'MAILTO=taxops@civicstack.us');
  cr.l('15 1 * * * /opt/taxbatch/bin/nightly_export.sh');
  cr.s(`30 2 * * 1-5 DB_USER=tax_report DB_PASS=${crPw} /opt/taxbatch/bin/delinquency_report.sh`, 'generic', crPw);
  cr.l('0 6 1 * * /opt/taxbatch/bin/purge_logs.sh --days 90');

  const pr = repo.file('legacy/tax-billing/config/batch.properties', 'oracle');
  const prPw = g.plain(16);
  pr.l('db.url=jdbc:oracle:thin:@//taxdb-scan.corp.civicstack.local:1521/TAXPRD', 'db.user=tax_batch');
  pr.s(`db.password=${prPw}`, 'generic', prPw);
  pr.d(`gis.db.password=ENC(${g.b64(44)})`, 'jasypt encrypted');
  pr.l('export.dir=/data/exports/levy');

  const tn = repo.file('legacy/tax-billing/config/tnsnames.ora', 'oracle');
  tn.l(
    'TAXPRD =',
    '  (DESCRIPTION =',
    '    (ADDRESS = (PROTOCOL = TCP)(HOST = taxdb-scan.corp.civicstack.local)(PORT = 1521))',
  );
  tn.l('    (CONNECT_DATA = (SERVER = DEDICATED)(SERVICE_NAME = TAXPRD.corp.civicstack.local))', '  )');
  tn.l(
    '',
    'GISPRD =',
    '  (DESCRIPTION =',
    '    (ADDRESS = (PROTOCOL = TCPS)(HOST = gisdb.corp.civicstack.local)(PORT = 2484))',
  );
  tn.l('    (SECURITY = (SSL_SERVER_CERT_DN = "CN=gisdb.corp.civicstack.local,OU=DBA,O=CivicStack"))');
  tn.l('    (CONNECT_DATA = (SERVICE_NAME = GISPRD))', '  )');

  const sq = repo.file('legacy/tax-billing/batch/sftp_county_upload.sh', 'shell');
  const sftpPw = g.plain(16);
  sq.l('#!/bin/bash', 'set -euo pipefail', 'FILE=/data/exports/levy/levy_$(date +%Y%m%d).csv');
  sq.s(
    `sshpass -p '${sftpPw}' sftp -oBatchMode=no -b - harlan_tax@sftp.harlancounty.example.gov <<EOF`,
    'generic',
    sftpPw,
  );
  sq.l('put $FILE /inbound/levy/', 'bye', 'EOF');
  sq.l('sftp -i /home/taxbatch/.ssh/id_ed25519 -b upload.batch fairmont@sftp.fairmont.example.gov');
}

// ---- Payments gateway (Go): Authorize.Net and Paymentus ------------------------------------

function payments(repo, t, g) {
  const c = repo.file('services/payments-gateway/internal/authnet/client.go', 'go');
  const txn = g.anetTxn();
  const sig = g.anetSig();
  c.l('package authnet', '', 'import (', '\t"crypto/hmac"', '\t"crypto/sha512"', '\t"os"', ')', '');
  c.l('const endpoint = "https://api.authorize.net/xml/v1/request.api"', '');
  c.l('var merchant = MerchantAuthentication{');
  c.l(`\tName:           "${g.anetLogin()}",`);
  c.s(`\tTransactionKey: "${txn}",`, 'authorizenet', txn);
  c.l('}', '');
  c.l('// Webhook signature key from Account > Settings > API Credentials & Keys (prod, county utility billing)');
  c.s(`var signatureKey = "${sig}"`, 'authorizenet', sig);
  c.l(
    '',
    'func verify(body []byte, header string) bool {',
    '\tm := hmac.New(sha512.New, []byte(signatureKey))',
    '\tm.Write(body)',
    '\treturn hmac.Equal([]byte(header), m.Sum(nil))',
    '}',
    '',
  );
  c.l('var sandboxKey = os.Getenv("AUTHNET_SANDBOX_TRANSACTION_KEY")');

  const p = repo.file('services/payments-gateway/internal/paymentus/client.go', 'go');
  const pk = g.paymentusKey();
  const ph = g.paymentusHmac();
  p.l('package paymentus', '', 'import "net/http"', '');
  p.l('const baseURL = "https://secure1.paymentus.com/api/v2"', '');
  p.s(`const apiKey = "${pk}"`, 'paymentus', pk);
  p.s(`const hmacSecret = "${ph}"`, 'paymentus', ph);
  p.l(
    '',
    'func newRequest(method, path string) (*http.Request, error) {',
    '\treq, err := http.NewRequest(method, baseURL+path, nil)',
    '\tif err != nil {',
    '\t\treturn nil, err',
    '\t}',
  );
  p.l('\treq.Header.Set("X-Api-Key", apiKey)', '\treturn req, nil', '}');
  p.l('const billerCode = "CIVICSTK-UTIL-0042"');

  const env = repo.file('services/payments-gateway/.env.production', 'env');
  const eTxn = g.anetTxn();
  const eKey = g.paymentusKey();
  const eH = g.paymentusHmac();
  const pg = g.plain(20);
  env.l('APP_ENV=production', `AUTHNET_API_LOGIN_ID=${g.anetLogin()}`);
  env.s(`AUTHNET_TRANSACTION_KEY=${eTxn}`, 'authorizenet', eTxn);
  env.s(`PAYMENTUS_API_KEY=${eKey}`, 'paymentus', eKey);
  env.s(`PAYMENTUS_WEBHOOK_SECRET=${eH}`, 'paymentus', eH);
  env.s(
    `DATABASE_URL=postgres://payments:${pg}@pg-payments-prod.postgres.database.usgovcloudapi.net:5432/payments?sslmode=require`,
    'database',
    pg,
  );
  env.l('PCI_TOKENIZATION_URL=https://vault.pci.civicstack.us/tokenize');

  const ex = repo.file('services/payments-gateway/.env.example', 'env');
  ex.l('AUTHNET_API_LOGIN_ID=<api-login-id>');
  ex.l('AUTHNET_TRANSACTION_KEY=<transaction-key>');
  ex.l('PAYMENTUS_API_KEY=');
  ex.l('DATABASE_URL=postgres://payments:payments@localhost:5432/payments');

  const tst = repo.file('services/payments-gateway/internal/authnet/client_test.go', 'go');
  tst.l('package authnet', '', 'import "testing"', '');
  tst.l('const testSignatureKey = "00000000000000000000000000000000"');
  tst.l('func TestVerify(t *testing.T) {', '\tsignatureKey = testSignatureKey');
  tst.d(`\twant := "${t.pick('0123456789ABCDEF', 128)}"`, 'expected hmac digest in a test');
  tst.l('\tif !verify([]byte("{}"), want) {', '\t\tt.Fatal("bad signature")', '\t}', '}');
}

// ---- Notifications (TypeScript): Twilio, Granicus GovDelivery, SendGrid, Teams --------------

function notifications(repo, t, g) {
  const c = repo.file('services/notify/src/config.ts', 'js');
  const tw = t.twilioToken();
  const ks = g.twilioKeySecret();
  const sg = t.sendgrid();
  c.l("import twilio from 'twilio';", '');
  c.l(`export const TWILIO_ACCOUNT_SID = '${t.twilioSid()}';`);
  c.s(`export const TWILIO_AUTH_TOKEN = '${tw}';`, 'twilio', tw);
  c.d(`export const TWILIO_MESSAGING_SERVICE_SID = 'MG${t.hex(32)}';`, 'messaging service sid (identifier)');
  c.l(`const apiKeySid = '${g.twilioKeySid()}';`);
  c.s(`const apiKeySecret = '${ks}';`, 'twilio', ks);
  c.l('export const client = twilio(apiKeySid, apiKeySecret, { accountSid: TWILIO_ACCOUNT_SID });', '');
  c.s(`export const SENDGRID_API_KEY = process.env.SENDGRID_API_KEY ?? '${sg}';`, 'sendgrid', sg);
  c.l("export const FROM_ADDRESS = 'no-reply@notify.civicstack.us';");

  const gr = repo.file('services/notify/src/granicus.ts', 'js');
  const gt = g.granicus();
  gr.l("import axios from 'axios';", '');
  gr.l("const ACCOUNT = 'USCIVICSTACK';", 'const BASE = `https://api.govdelivery.com/api/account/${ACCOUNT}`;', '');
  gr.s(`const http = axios.create({ baseURL: BASE, headers: { 'X-AUTH-TOKEN': '${gt}' } });`, 'granicus', gt);
  gr.l(
    '',
    'export async function sendBulletin(topicCode: string, subject: string, body: string) {',
    '  return http.post(`/bulletins/send_now.xml`, { subject, body, topics: [topicCode] });',
    '}',
  );
  gr.l("export const BOIL_WATER_TOPIC = 'USCIVICSTACK_142';");

  const al = repo.file('services/notify/src/alerts.ts', 'js');
  const hook = g.teamsHook();
  al.l("// posts outage notices to the 'Ops - Resident Notifications' channel");
  al.s(`const TEAMS_WEBHOOK = '${hook}';`, 'microsoftteams', hook);
  al.l(
    '',
    'export const notifyOps = (text: string) => fetch(TEAMS_WEBHOOK, { method: "POST", body: JSON.stringify({ text }) });',
  );

  const k = repo.file('services/notify/config/production.json', 'js');
  const gt2 = g.granicus();
  const tw2 = t.twilioToken();
  k.l('{', '  "granicus": {', '    "account": "USCIVICSTACK",');
  k.s(`    "authToken": "${gt2}"`, 'granicus', gt2);
  k.l('  },', '  "twilio": {');
  k.l(`    "accountSid": "${t.twilioSid()}",`);
  k.s(`    "authToken": "${tw2}",`, 'twilio', tw2);
  k.l('    "statusCallback": "https://notify.civicstack.us/twilio/status"');
  k.l('  }', '}');

  const fx = repo.file('services/notify/test/fixtures/twilio-credentials.json', 'js');
  fx.l('{', '  "_comment": "placeholder credentials for nock-based tests; never valid",');
  fx.d('  "accountSid": "ACxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",', 'placeholder');
  fx.d('  "authToken": "your_auth_token",', 'placeholder');
  fx.l('  "apiKeySecret": "fake-api-key-secret"');
  fx.l('}');
}

// ---- GIS (Python): ArcGIS geocoding and parcel publishing -----------------------------------

function gis(repo, t, g) {
  const s = repo.file('services/gis-geocoder/geocoder/settings.py', 'python');
  const key = g.esriKey();
  const pw = g.human();
  const cs = t.hex(32);
  s.l('"""Geocoder settings (prod defaults for the OpenShift deployment)."""', 'import os', '');
  s.l('ARCGIS_PORTAL = "https://gis.civicstack.us/portal"');
  s.s(`ARCGIS_API_KEY = os.environ.get("ARCGIS_API_KEY", "${key}")`, 'esri', key);
  s.l('ARCGIS_USERNAME = "svc_geocode"');
  s.s(`ARCGIS_PASSWORD = "${pw}"`, 'generic', pw);
  s.l(`ARCGIS_CLIENT_ID = "${t.alnum(16)}"`);
  s.s(`ARCGIS_CLIENT_SECRET = "${cs}"`, 'esri', cs);
  s.d(`PARCEL_LAYER_ITEM_ID = "${g.esriItem()}"`, 'arcgis item id');
  s.l('GEOCODE_URL = "https://geocode-api.arcgis.com/arcgis/rest/services/World/GeocodeServer"');
  s.l('ADDRESS_POINTS_SR = 2236  # NAD83 / Florida East (ftUS)');

  const p = repo.file('gis/scripts/publish_parcels.py', 'python');
  const k2 = g.esriKeyNew();
  const tokPw = g.plain(16);
  p.l('import os', 'import requests', 'from arcgis.gis import GIS', '');
  p.s(`gis = GIS("https://www.arcgis.com", api_key="${k2}")`, 'esri', k2);
  p.l('', 'def server_token():');
  p.s(
    `    r = requests.post("https://gisserver.corp.civicstack.local/arcgis/tokens/generateToken", data={"username": "siteadmin", "password": "${tokPw}", "client": "requestip", "f": "json"})`,
    'generic',
    tokPw,
  );
  p.l('    return r.json()["token"]', '');
  p.d(
    'gis_local = GIS("https://gis.civicstack.us/portal", "svc_publish", os.environ["ARCGIS_PUBLISH_PASSWORD"])',
    'os.environ',
  );
  p.l(`PARCELS_FEATURE_SERVICE = "${g.esriItem()}"`);

  const fx = repo.file('gis/scripts/tests/test_publish.py', 'python');
  fx.l('from unittest import mock', '');
  fx.d('FAKE_API_KEY = "AAPK-test-key-not-valid"', 'test fixture');
  fx.l('@mock.patch("arcgis.gis.GIS")', 'def test_publish(gis):', '    assert publish(gis, FAKE_API_KEY)');
}

// ---- Salesforce Government Cloud sync --------------------------------------------------------

function salesforce(repo, t, g) {
  const c = repo.file('integrations/salesforce-sync/sf_sync/client.py', 'python');
  const pw = g.human();
  const st = g.sfSecurityToken();
  c.l('import os', 'from simple_salesforce import Salesforce', '');
  c.l('sf = Salesforce(', '    username="integration@civicstack-gov.my.salesforce.com",');
  c.s(`    password="${pw}",`, 'generic', pw);
  c.s(`    security_token="${st}",`, 'salesforce', st);
  c.l('    instance_url="https://civicstack-gov.my.salesforce.com",', ')');
  c.l(
    'sf_sandbox = Salesforce(username=os.environ["SF_USER"], password=os.environ["SF_PASSWORD"], security_token=os.environ["SF_TOKEN"], domain="test")',
  );

  const ca = repo.file('integrations/salesforce-sync/config/connected-app.yaml', 'salesforce');
  const sec = g.sfConsumerSecret();
  ca.l('connected_app:', '  name: CivicStack Case Sync', `  consumer_key: ${g.sfConsumerKey()}`);
  ca.s(`  consumer_secret: ${sec}`, 'salesforce', sec);
  ca.l('  jwt_key_file: /etc/sf-sync/server.key');
  ca.l(
    '  login_url: https://login.salesforce.com',
    '  audience: https://login.salesforce.com',
    '  username: integration@civicstack-gov.my.salesforce.com',
  );

  const key = repo.file('integrations/salesforce-sync/certs/server.key', 'keys');
  const pem = t.pkcs8Pem();
  key.s(pem, 'private-key', pem.join('\n'));
  const crt = repo.file('integrations/salesforce-sync/certs/server.crt', 'keys');
  crt.d(
    ['-----BEGIN CERTIFICATE-----', ...g.cert().match(/.{1,64}/g), '-----END CERTIFICATE-----'],
    'certificate (public)',
  );

  const au = repo.file('integrations/salesforce-sync/sfdx-auth-url.txt', 'salesforce');
  const rt = `5Aep861${t.mixed(ALNUM + '._', 80)}`;
  au.s(`force://PlatformCLI::${rt}@civicstack-gov.my.salesforce.com`, 'salesforce', rt);

  const ap = repo.file('integrations/salesforce-sync/force-app/main/default/classes/CaseSyncCallout.cls', 'salesforce');
  const tok = g.keycloakSecret();
  ap.l(
    'public with sharing class CaseSyncCallout {',
    '    @future(callout=true)',
    '    public static void push(Id caseId) {',
  );
  ap.l(
    '        HttpRequest req = new HttpRequest();',
    "        req.setEndpoint('https://api.civicstack.us/cases/v1/salesforce');",
    "        req.setMethod('POST');",
  );
  ap.s(`        req.setHeader('X-Api-Key', '${tok}');`, 'generic', tok);
  ap.l("        req.setHeader('Authorization', 'Bearer {!$Credential.OAuthToken}');");
  ap.l('        new Http().send(req);', '    }', '}');
}

// ---- HashiCorp Vault ------------------------------------------------------------------------

function vault(repo, t, g) {
  const i = repo.file('ops/vault/bootstrap/init-output-2025-06-02.txt', 'vault');
  i.l('$ vault operator init -key-shares=5 -key-threshold=3');
  for (let n = 1; n <= 5; n++) {
    const k = g.unseal();
    i.s(`Unseal Key ${n}: ${k}`, 'vault', k);
  }
  const root = g.hvs();
  i.l('');
  i.s(`Initial Root Token: ${root}`, 'vault', root);
  i.l(
    '',
    'Vault initialized with 5 key shares and a key threshold of 3. Please securely',
    'distribute the key shares printed above. When the Vault is re-sealed,',
    'restarted, or stopped, you must supply at least 3 of these keys to unseal it',
    'before it can start servicing requests.',
  );

  const s = repo.file('ops/vault/config/vault.hcl', 'vault');
  const az = g.azSecret();
  const pg = g.plain(22);
  s.l('ui = true', 'cluster_name = "civic-vault-prod"', '', 'listener "tcp" {', '  address       = "0.0.0.0:8200"');
  s.l('  tls_cert_file = "/etc/vault/tls/vault.crt"');
  s.l('  tls_key_file  = "/etc/vault/tls/vault.key"');
  s.l('}', '', 'storage "postgresql" {');
  s.s(
    `  connection_url = "postgres://vault:${pg}@pg-vault-prod.corp.civicstack.local:5432/vault?sslmode=verify-full"`,
    'database',
    pg,
  );
  s.l('  ha_enabled     = "true"', '}', '', 'seal "azurekeyvault" {');
  s.l(`  tenant_id      = "${t.uuid()}"`);
  s.l(`  client_id      = "${t.uuid()}"`);
  s.s(`  client_secret  = "${az}"`, 'azure', az);
  s.l(
    '  environment    = "AZUREUSGOVERNMENTCLOUD"',
    '  vault_name     = "kv-civic-vault-unseal"',
    '  key_name       = "vault-unseal"',
    '}',
  );

  const ag = repo.file('ops/vault/agent/benefits-agent.hcl', 'vault');
  ag.l('auto_auth {', '  method "approle" {', '    config = {');
  ag.l('      role_id_file_path   = "/etc/vault-agent/role-id"');
  ag.l('      secret_id_file_path = "/etc/vault-agent/secret-id"');
  ag.l('      remove_secret_id_file_after_reading = false', '    }', '  }', '}', '', 'template {');
  ag.l('  contents    = "{{ with secret \\"secret/data/benefits-case/db\\" }}{{ .Data.data.password }}{{ end }}"');
  ag.l('  destination = "/etc/benefits/db-password"', '}');

  const b = repo.file('ops/vault/scripts/approle-bootstrap.sh', 'vault');
  const sid = t.uuid();
  const vt = g.hvs();
  const ldapPw = g.human();
  b.l('#!/usr/bin/env bash', 'set -euo pipefail', 'export VAULT_ADDR=https://vault.corp.civicstack.local:8200');
  b.s(`export VAULT_TOKEN=${vt}`, 'vault', vt);
  b.l(`ROLE_ID=${t.uuid()}`);
  b.s(`vault write -format=json auth/approle/login role_id="$ROLE_ID" secret_id="${sid}"`, 'vault', sid);
  b.s(`vault login -method=ldap username=jreyes password='${ldapPw}'`, 'generic', ldapPw);
  b.l('vault kv get -field=password secret/benefits-case/db');
  b.l('vault write -f auth/approle/role/benefits-case/secret-id | jq -r .data.secret_id > /etc/vault-agent/secret-id');

  const l = repo.file('ops/vault/legacy/migrate-kv-v1.sh', 'vault');
  const old = g.vaultLegacy();
  l.l('#!/bin/sh', '# one-off: copy kv v1 paths from the 2019 cluster (vault 0.11) into kv v2');
  l.s(`OLD_TOKEN=${old}`, 'vault', old);
  l.l(
    'for p in $(VAULT_TOKEN=$OLD_TOKEN vault list -format=json secret/ | jq -r .[]); do',
    '  VAULT_TOKEN=$OLD_TOKEN vault read -format=json secret/$p | vault kv put secret/migrated/$p -',
    'done',
  );

  const pol = repo.file('ops/vault/policies/benefits-case.hcl', 'vault');
  pol.l('path "secret/data/benefits-case/*" {');
  pol.l('  capabilities = ["read"]', '}');
  pol.l('path "database/creds/benefits-readonly" {');
  pol.l('  capabilities = ["read"]', '}');
}

// ---- Identity: Keycloak, ADFS / SAML, login.gov OIDC, LDAP ---------------------------------

function identity(repo, t, g) {
  const r = repo.file('identity/keycloak/realm-export/residents-realm.json', 'identity');
  const apiSec = g.keycloakSecret();
  const caseSec = g.keycloakSecret();
  const smtp = g.human();
  const adfs = g.gen(24);
  const bind = g.gen(22);
  const pk = t.pkcs8Pem().slice(1, -1).join('');
  r.l('{', '  "realm": "residents",', '  "enabled": true,', '  "sslRequired": "external",', '  "clients": [', '    {');
  r.l(
    '      "clientId": "permits-api",',
    '      "publicClient": false,',
    '      "clientAuthenticatorType": "client-secret",',
  );
  r.s(`      "secret": "${apiSec}",`, 'keycloak', apiSec);
  r.l('      "serviceAccountsEnabled": true', '    },', '    {', '      "clientId": "case-worker-console",');
  r.s(`      "secret": "${caseSec}",`, 'keycloak', caseSec);
  r.l(
    '      "redirectUris": ["https://caseworker.civicstack.us/*"]',
    '    },',
    '    {',
    '      "clientId": "resident-portal",',
    '      "publicClient": true,',
  );
  r.d('      "secret": "**********",', 'masked in export');
  r.l(
    '      "redirectUris": ["https://portal.civicstack.us/*"]',
    '    }',
    '  ],',
    '  "smtpServer": {',
    '    "host": "smtp.office365.us",',
    '    "port": "587",',
    '    "auth": "true",',
    '    "user": "noreply-id@civicstack.us",',
  );
  r.s(`    "password": "${smtp}"`, 'generic', smtp);
  r.l(
    '  },',
    '  "identityProviders": [',
    '    {',
    '      "alias": "county-adfs",',
    '      "providerId": "oidc",',
    '      "config": {',
  );
  r.l(
    '        "authorizationUrl": "https://adfs.harlancounty.example.gov/adfs/oauth2/authorize",',
    '        "tokenUrl": "https://adfs.harlancounty.example.gov/adfs/oauth2/token",',
  );
  r.l(`        "clientId": "${t.uuid()}",`);
  r.s(`        "clientSecret": "${adfs}"`, 'generic', adfs);
  r.l(
    '      }',
    '    }',
    '  ],',
    '  "components": {',
    '    "org.keycloak.storage.UserStorageProvider": [',
    '      {',
    '        "name": "civic-ad",',
    '        "providerId": "ldap",',
    '        "config": {',
  );
  r.l(
    '          "connectionUrl": ["ldaps://dc01.corp.civicstack.local:636"],',
    '          "bindDn": ["CN=svc_keycloak,OU=Service Accounts,DC=corp,DC=civicstack,DC=local"],',
  );
  r.s(`          "bindCredential": ["${bind}"]`, 'generic', bind);
  r.l(
    '        }',
    '      }',
    '    ],',
    '    "org.keycloak.keys.KeyProvider": [',
    '      {',
    '        "name": "rsa-generated",',
    '        "providerId": "rsa-generated",',
    '        "config": {',
  );
  r.s(`          "privateKey": ["${pk}"],`, 'private-key', pk);
  r.d(`          "certificate": ["${g.cert()}"],`, 'realm signing certificate (public)');
  r.l('          "priority": ["100"]', '        }', '      }', '    ]', '  }', '}');

  const kc = repo.file('identity/keycloak/conf/keycloak.conf', 'identity');
  const dbPw = g.plain(20);
  kc.l(
    'db=postgres',
    'db-url=jdbc:postgresql://pg-keycloak-prod.corp.civicstack.local:5432/keycloak',
    'db-username=keycloak',
  );
  kc.s(`db-password=${dbPw}`, 'generic', dbPw);
  kc.l('hostname=id.civicstack.us', 'https-key-store-file=/opt/keycloak/conf/server.keystore');
  kc.l('https-key-store-password=${kc.keystore.password}');
  kc.l('https-trust-store-password=${kc.truststore.password}');

  const af = repo.file('identity/adfs/Register-RelyingParties.ps1', 'powershell');
  const pfx = g.human();
  af.l('Import-Module ADFS', '$ErrorActionPreference = "Stop"');
  af.s(`$pfxPw = ConvertTo-SecureString -String "${pfx}" -Force -AsPlainText`, 'generic', pfx);
  af.l(
    'Import-PfxCertificate -FilePath .\\adfs-ssl-2025.pfx -CertStoreLocation Cert:\\LocalMachine\\My -Password $pfxPw',
  );
  af.l(`Set-AdfsSslCertificate -Thumbprint ${t.pick('0123456789ABCDEF', 40)}`);
  af.l(
    'Add-AdfsRelyingPartyTrust -Name "CivicStack Case Worker" -MetadataUrl "https://caseworker.civicstack.us/saml/metadata"',
  );
  af.l('$svcCred = Get-Credential -Message "ADFS service account (gMSA not yet available)"');

  const md = repo.file('identity/saml/adfs-federationmetadata.xml', 'identity');
  md.l(
    '<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="http://adfs.corp.civicstack.local/adfs/services/trust">',
    '  <IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">',
    '    <KeyDescriptor use="signing"><KeyInfo xmlns="http://www.w3.org/2000/09/xmldsig#"><X509Data>',
  );
  md.d(`      <X509Certificate>${g.cert()}</X509Certificate>`, 'idp token-signing certificate (public)');
  md.l('    </X509Data></KeyInfo></KeyDescriptor>', '  </IDPSSODescriptor>', '</EntityDescriptor>');

  const sk = repo.file('identity/saml/caseworker-sp-signing.key', 'keys');
  const rsa = t.rsaPem();
  sk.s(rsa, 'private-key', rsa.join('\n'));

  const lg = repo.file('identity/logingov/oidc-client.yaml', 'identity');
  const ec = t.ecPem();
  lg.l(
    'issuer: https://secure.login.gov',
    'client_id: "urn:gov:gsa:openidconnect.profiles:sp:sso:civicstack:permits"',
    'auth_method: private_key_jwt',
    'acr_values: "http://idmanagement.gov/ns/assurance/ial/1"',
  );
  lg.l('private_key: |');
  lg.s(
    ec.map((x) => `  ${x}`),
    'private-key',
    ec.join('\n'),
  );
  lg.l('public_jwks_url: https://permits.civicstack.us/.well-known/jwks.json');

  const ss = repo.file('ops/ldap/sssd.conf', 'ldap');
  const sPw = g.gen(22);
  ss.l(
    '[sssd]',
    'domains = corp.civicstack.local',
    'services = nss, pam, ssh',
    '',
    '[domain/corp.civicstack.local]',
    'id_provider = ldap',
    'ldap_uri = ldaps://dc01.corp.civicstack.local, ldaps://dc02.corp.civicstack.local',
  );
  ss.l(
    'ldap_default_bind_dn = CN=svc_sssd,OU=Service Accounts,DC=corp,DC=civicstack,DC=local',
    'ldap_default_authtok_type = password',
  );
  ss.s(`ldap_default_authtok = ${sPw}`, 'generic', sPw);
  ss.l('ldap_tls_cacert = /etc/pki/ca-trust/source/anchors/civicstack-root-ca.pem');

  const ls = repo.file('ops/ldap/export-caseworkers.sh', 'ldap');
  const lsPw = g.plain(18);
  ls.l('#!/bin/bash', '# weekly roster export for the state auditor');
  ls.s(
    `ldapsearch -H ldaps://dc01.corp.civicstack.local -D "CN=svc_roster,OU=Service Accounts,DC=corp,DC=civicstack,DC=local" -w '${lsPw}' -b "OU=Caseworkers,DC=corp,DC=civicstack,DC=local" "(objectClass=user)" sAMAccountName mail > roster.ldif`,
    'generic',
    lsPw,
  );
  ls.l(
    'ldapsearch -H ldaps://dc01.corp.civicstack.local -D "$BIND_DN" -y /etc/roster/bind.pw -b "$BASE" "(objectClass=group)"',
  );

  const lf = repo.file('ops/ldap/seed/service-accounts.ldif', 'ldap');
  const svc = g.human();
  lf.l(
    'dn: cn=svc_sftp,ou=Service Accounts,dc=partners,dc=civicstack,dc=local',
    'objectClass: inetOrgPerson',
    'cn: svc_sftp',
    'sn: svc_sftp',
  );
  lf.s(`userPassword: ${svc}`, 'generic', svc);
  lf.l(
    '',
    'dn: uid=mlopez,ou=People,dc=partners,dc=civicstack,dc=local',
    'objectClass: inetOrgPerson',
    'cn: Maria Lopez',
    'sn: Lopez',
  );
  lf.d(`userPassword: {SSHA}${g.b64(32)}`, 'ssha hash');
}

// ---- SFTP partner exchanges ------------------------------------------------------------------

function sftp(repo, t, g) {
  const p = repo.file('integrations/sftp-exchange/config/partners.yaml', 'sftp');
  const dor = g.gen(18);
  const ssa = g.human();
  p.l(
    'partners:',
    '  - name: state-dor',
    '    host: sftp.dor.state.example.gov',
    '    port: 22',
    '    username: civicstack_levy',
  );
  p.s(`    password: "${dor}"`, 'generic', dor);
  p.d(`    host_key: "SHA256:${g.b64(43)}"`, 'host key fingerprint');
  p.l(
    '    inbound: /outbound/civicstack',
    '  - name: harlan-county-treasurer',
    '    host: sftp.harlancounty.example.gov',
    '    username: cs_treasury',
  );
  p.l('    private_key: /etc/sftp-exchange/keys/harlan_ed25519');
  p.l('    passphrase: ${HARLAN_KEY_PASSPHRASE}');
  p.l('  - name: ssa-wage-match', '    host: sftp-b2b.ssa.example.gov', '    username: CSWAGE01');
  p.s(`    password: '${ssa}'`, 'generic', ssa);
  p.l('    pgp_recipient: ssa-wage-match@ssa.example.gov');

  const tr = repo.file('integrations/sftp-exchange/exchange/transfer.py', 'python');
  const fpw = g.gen(18);
  const pass = g.human();
  tr.l('import os', 'import paramiko', 'import gnupg', '');
  tr.l('def fairmont_upload(path):', '    t = paramiko.Transport(("sftp.fairmont.example.gov", 22))');
  tr.s(`    t.connect(username="civicstack", password="${fpw}")`, 'generic', fpw);
  tr.l(
    '    sftp = paramiko.SFTPClient.from_transport(t)',
    '    sftp.put(path, "/incoming/" + os.path.basename(path))',
    '',
  );
  tr.l('def decrypt(blob):', '    gpg = gnupg.GPG(gnupghome="/etc/sftp-exchange/gnupg")');
  tr.s(`    return gpg.decrypt(blob, passphrase="${pass}")`, 'generic', pass);
  tr.l('PASSPHRASE_ENV = "SFTP_PGP_PASSPHRASE"');

  const k = repo.file('integrations/sftp-exchange/keys/harlan_ed25519', 'keys');
  const os = t.opensshPem();
  k.s(os, 'private-key', os.join('\n'));
  const kp = repo.file('integrations/sftp-exchange/keys/harlan_ed25519.pub', 'keys');
  kp.d(`ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${g.b64(43)} civicstack-sftp@xfer01`, 'public key');
  const kh = repo.file('integrations/sftp-exchange/keys/known_hosts', 'keys');
  kh.d(`sftp.dor.state.example.gov ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${g.b64(43)}`, 'host public key');
  kh.l(`sftp.harlancounty.example.gov ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABgQ${g.b64(520)}`);

  const pgp = repo.file('integrations/sftp-exchange/pgp/ssa-wage-match-public.asc', 'keys');
  pgp.d(
    [
      '-----BEGIN PGP PUBLIC KEY BLOCK-----',
      '',
      ...`mQINBG${g.b64(1300)}`.match(/.{1,64}/g),
      `=${g.b64(4)}`,
      '-----END PGP PUBLIC KEY BLOCK-----',
    ],
    'pgp public key',
  );

  const w = repo.file('ops/windows/xfer01/WinSCP.ini', 'sftp');
  const obf = t.mixed('0123456789ABCDEF', 64);
  w.l(
    '[Sessions\\civicstack_levy@sftp.dor.state.example.gov]',
    'HostName=sftp.dor.state.example.gov',
    'UserName=civicstack_levy',
  );
  w.s(`Password=${obf}`, 'generic', obf);
  w.l(`HostKey=ssh-ed25519 255 SHA256:${g.b64(43)}`);

  const lf = repo.file('integrations/sftp-exchange/scripts/pull_wage_files.lftp', 'sftp');
  const lpw = g.plain(16);
  lf.l('set sftp:auto-confirm yes', 'set net:max-retries 3');
  lf.s(`open -u CSWAGE01,${lpw} sftp://sftp-b2b.ssa.example.gov`, 'generic', lpw);
  lf.l('mirror --only-newer /outbound/wages /data/inbound/wages', 'bye');
}

// ---- OpenShift ------------------------------------------------------------------------------

function openshift(repo, t, g) {
  const s = repo.file('deploy/openshift/benefits-case/secret.yaml', 'openshift');
  const db = g.gen(20);
  const kc = g.keycloakSecret();
  const sid = t.uuid();
  s.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: benefits-case',
    '  namespace: benefits-prod',
    'type: Opaque',
    'data:',
  );
  s.s(`  BENEFITS_DB_PASSWORD: ${g.enc(db)}`, 'generic', db);
  s.s(`  KEYCLOAK_CLIENT_SECRET: ${g.enc(kc)}`, 'keycloak', kc);
  s.s(`  VAULT_SECRET_ID: ${g.enc(sid)}`, 'vault', sid);
  s.l(`  SPRING_PROFILES_ACTIVE: ${g.enc('prod')}`);

  const d = repo.file('deploy/openshift/benefits-case/deployment.yaml', 'openshift');
  const hec = g.splunkHec();
  const jks = g.plain(16);
  d.l(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: benefits-case',
    '  namespace: benefits-prod',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: benefits-case',
  );
  d.d(
    `          image: image-registry.openshift-image-registry.svc:5000/benefits-prod/benefits-case@sha256:${t.sha256()}`,
    'image digest',
  );
  d.l(
    '          env:',
    '            - name: BENEFITS_DB_PASSWORD',
    '              valueFrom:',
    '                secretKeyRef:',
  );
  d.l('                  name: benefits-case');
  d.l('                  key: BENEFITS_DB_PASSWORD');
  d.l('            - name: SPLUNK_HEC_TOKEN');
  d.s(`              value: "${hec}"`, 'splunk', hec);
  d.l('            - name: JAVA_TOOL_OPTIONS');
  d.s(
    `              value: "-Djavax.net.ssl.trustStore=/etc/pki/java/civic.jks -Djavax.net.ssl.trustStorePassword=changeit -Djavax.net.ssl.keyStorePassword=${jks}"`,
    'generic',
    jks,
  );

  const tp = repo.file('deploy/openshift/templates/permits-api-template.yaml', 'openshift');
  const rpw = g.plain(24);
  tp.l(
    'apiVersion: template.openshift.io/v1',
    'kind: Template',
    'metadata:',
    '  name: permits-api',
    'parameters:',
    '  - name: DB_PASSWORD',
    '    displayName: Database password',
  );
  tp.l('    generate: expression');
  tp.l("    from: '[a-zA-Z0-9]{32}'");
  tp.l('  - name: REDIS_PASSWORD');
  tp.s(`    value: ${rpw}`, 'generic', rpw);
  tp.l(
    'objects:',
    '  - apiVersion: v1',
    '    kind: Secret',
    '    metadata:',
    '      name: permits-api',
    '    stringData:',
  );
  tp.d('      DB_PASSWORD: ${DB_PASSWORD}', 'template parameter');
  tp.l('      REDIS_PASSWORD: ${REDIS_PASSWORD}');

  const ps = repo.file('deploy/openshift/cluster/quay-pull-secret.yaml', 'openshift');
  const quay = t.mixed(UPPER + DIGIT, 64);
  const dcj = g.enc(
    JSON.stringify({
      auths: {
        'quay.io': {
          username: 'civicstack+ocp_puller',
          password: quay,
          auth: g.enc(`civicstack+ocp_puller:${quay}`),
          email: '',
        },
      },
    }),
  );
  ps.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: quay-pull',
    '  namespace: openshift-config',
    'type: kubernetes.io/dockerconfigjson',
    'data:',
  );
  ps.s(`  .dockerconfigjson: ${dcj}`, 'generic', quay);

  const lo = repo.file('deploy/openshift/scripts/promote.sh', 'openshift');
  const oc = g.ocToken();
  lo.l('#!/usr/bin/env bash', 'set -euo pipefail');
  lo.s(`oc login --token=${oc} --server=https://api.ocp-prod.civicstack.us:6443`, 'openshift', oc);
  lo.d('oc login --token="$OC_TOKEN" --server=https://api.ocp-stg.civicstack.us:6443', 'variable');
  lo.l(
    'oc tag benefits-stg/benefits-case:latest benefits-prod/benefits-case:$1',
    'oc rollout status deploy/benefits-case -n benefits-prod',
  );

  const kc2 = repo.file('ops/home/jreyes/.kube/config', 'openshift');
  const oc2 = g.ocToken();
  const sa = g.saToken('ci', 'jenkins-deployer');
  kc2.l(
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '  - name: ocp-prod',
    '    cluster:',
    '      server: https://api.ocp-prod.civicstack.us:6443',
  );
  kc2.l(
    `      certificate-authority-data: ${g.enc(['-----BEGIN CERTIFICATE-----', `MIIC${g.b64(60)}`, '-----END CERTIFICATE-----'].join('\n'))}`,
  );
  kc2.l('users:', '  - name: jreyes/api-ocp-prod-civicstack-us:6443', '    user:');
  kc2.s(`      token: ${oc2}`, 'openshift', oc2);
  kc2.l('  - name: jenkins-deployer', '    user:');
  kc2.s(`      token: ${sa}`, 'generic', sa);
  kc2.l(
    'contexts:',
    '  - name: prod',
    '    context: { cluster: ocp-prod, user: jreyes/api-ocp-prod-civicstack-us:6443 }',
    'current-context: prod',
  );

  const ss = repo.file('deploy/openshift/permits-api/sealed-secret.yaml', 'openshift');
  ss.l(
    'apiVersion: bitnami.com/v1alpha1',
    'kind: SealedSecret',
    'metadata:',
    '  name: permits-api',
    'spec:',
    '  encryptedData:',
  );
  ss.d(`    DB_PASSWORD: AgB${g.b64(620)}==`, 'sealed secret ciphertext');
  ss.l(`    PAYMENTUS_API_KEY: AgA${g.b64(620)}==`);

  const es = repo.file('deploy/openshift/permits-api/external-secret.yaml', 'openshift');
  es.l(
    'apiVersion: external-secrets.io/v1beta1',
    'kind: ExternalSecret',
    'metadata:',
    '  name: permits-vault',
    'spec:',
    '  secretStoreRef:',
    '    name: civic-vault',
    '  data:',
    '    - secretKey: AUTHNET_TRANSACTION_KEY',
    '      remoteRef:',
  );
  es.l('        key: secret/data/payments/authnet');
  es.l('        property: transaction_key');
}

// ---- Terraform: Azure Government and AWS GovCloud -------------------------------------------

function terraform(repo, t, g) {
  const p = repo.file('infra/terraform/azure-gov/providers.tf', 'terraform');
  const be = t.azureStorageKey();
  const cs = g.azSecret();
  p.l(
    'terraform {',
    '  required_providers {',
    '    azurerm = { source = "hashicorp/azurerm", version = "~> 3.116" }',
    '  }',
    '  backend "azurerm" {',
  );
  p.l(
    '    resource_group_name  = "rg-tfstate-gov"',
    '    storage_account_name = "sttfstatecivicgov"',
    '    container_name       = "tfstate"',
    '    key                  = "permits-prod.tfstate"',
    '    environment          = "usgovernment"',
  );
  p.s(`    access_key           = "${be}"`, 'azure', be);
  p.l('  }', '}', '', 'provider "azurerm" {', '  features {}', '  environment     = "usgovernment"');
  p.l(`  subscription_id = "${t.uuid()}"`);
  p.l(`  tenant_id       = "${t.uuid()}"`);
  p.l(`  client_id       = "${t.uuid()}"`);
  p.s(`  client_secret   = "${cs}"`, 'azure', cs);
  p.l('}');

  const m = repo.file('infra/terraform/azure-gov/main.tf', 'terraform');
  const sqlPw = g.gen(24);
  const pgPw = g.gen(22);
  const pk = g.paymentusKey();
  m.l(
    'resource "azurerm_mssql_server" "permits" {',
    '  name                         = "sql-permits-prod"',
    '  resource_group_name          = azurerm_resource_group.data.name',
    '  location                     = "usgovvirginia"',
    '  version                      = "12.0"',
    '  administrator_login          = "permitsadmin"',
  );
  m.s(`  administrator_login_password = "${sqlPw}"`, 'generic', sqlPw);
  m.l(
    '}',
    '',
    'resource "azurerm_postgresql_flexible_server" "benefits" {',
    '  name                   = "pg-benefits-prod"',
    '  location               = "usgovarizona"',
    '  administrator_login    = "pgadmin"',
  );
  m.s(`  administrator_password = "${pgPw}"`, 'generic', pgPw);
  m.l(
    '  sku_name               = "GP_Standard_D4s_v3"',
    '}',
    '',
    'resource "azurerm_key_vault_secret" "paymentus" {',
    '  name         = "paymentus-api-key"',
  );
  m.s(`  value        = "${pk}"`, 'paymentus', pk);
  m.l(
    '  key_vault_id = azurerm_key_vault.payments.id',
    '}',
    '',
    'resource "azurerm_key_vault_secret" "authnet" {',
    '  name         = "authnet-transaction-key"',
  );
  m.d('  value        = var.authnet_transaction_key', 'variable reference');
  m.l(
    '  key_vault_id = azurerm_key_vault.payments.id',
    '}',
    '',
    'resource "azurerm_linux_virtual_machine" "jumpbox" {',
    '  admin_username = "civicadmin"',
  );
  m.l('  admin_password = random_password.jumpbox.result');
  m.l('}');

  const a = repo.file('infra/terraform/aws-govcloud/main.tf', 'terraform');
  const ak = t.awsId();
  const as = t.awsSecret();
  const rds = g.gen(22);
  const smPw = g.gen(20);
  a.l('provider "aws" {', '  region     = "us-gov-west-1"');
  a.s(`  access_key = "${ak}"`, 'aws', ak);
  a.s(`  secret_key = "${as}"`, 'aws', as);
  a.l(
    '}',
    '',
    'resource "aws_db_instance" "tax_replica" {',
    '  identifier     = "tax-reporting-prod"',
    '  engine         = "oracle-se2"',
    '  instance_class = "db.m6i.xlarge"',
    '  username       = "taxadmin"',
  );
  a.s(`  password       = "${rds}"`, 'generic', rds);
  a.l(
    '}',
    '',
    'resource "aws_secretsmanager_secret_version" "servicenow" {',
    '  secret_id     = aws_secretsmanager_secret.servicenow.id',
  );
  a.s(`  secret_string = jsonencode({ username = "svc_integration", password = "${smPw}" })`, 'generic', smPw);
  a.l('}', '', 'resource "aws_iam_role_policy_attachment" "etl" {', '  role       = aws_iam_role.etl.name');
  a.l('  policy_arn = "arn:aws-us-gov:iam::aws:policy/AmazonS3ReadOnlyAccess"');
  a.l('}', '', 'data "aws_secretsmanager_secret_version" "splunk" {');
  a.d(
    `  secret_id = "arn:aws-us-gov:secretsmanager:us-gov-west-1:${t.digits(12)}:secret:splunk-hec-${t.alnum(6)}"`,
    'secret arn (a reference)',
  );
  a.l('}');

  const tv = repo.file('infra/terraform/aws-govcloud/prod.auto.tfvars', 'terraform');
  const hec = g.splunkHec();
  const tw = t.twilioToken();
  tv.l('region = "us-gov-west-1"', 'environment = "prod"');
  tv.s(`splunk_hec_token = "${hec}"`, 'splunk', hec);
  tv.s(`twilio_auth_token = "${tw}"`, 'twilio', tw);
  tv.l('servicenow_password = "REPLACE_ME"');
  tv.l(`kms_key_arn = "arn:aws-us-gov:kms:us-gov-west-1:${t.digits(12)}:key/${t.uuid()}"`);

  const st = repo.file('infra/terraform/aws-govcloud/terraform.tfstate', 'terraform');
  const sk = t.awsId();
  const ss = t.awsSecret();
  st.l('{', '  "version": 4,', '  "terraform_version": "1.9.8",', '  "serial": 77,');
  st.l(`  "lineage": "${t.uuid()}",`);
  st.l(
    '  "resources": [',
    '    {',
    '      "mode": "managed",',
    '      "type": "aws_iam_access_key",',
    '      "name": "sftp_etl",',
    '      "instances": [',
    '        {',
    '          "attributes": {',
  );
  st.s(`            "id": "${sk}",`, 'aws', sk);
  st.s(`            "secret": "${ss}",`, 'aws', ss);
  st.l('            "ses_smtp_password_v4": null,');
  st.l('            "user": "sftp-etl"', '          }', '        }', '      ]', '    }', '  ]', '}');

  const rc = repo.file('ops/home/jreyes/.terraform.d/credentials.tfrc.json', 'terraform');
  const tfc = g.tfc();
  rc.l('{', '  "credentials": {', '    "app.terraform.io": {');
  rc.s(`      "token": "${tfc}"`, 'terraform-cloud', tfc);
  rc.l('    }', '  }', '}');

  const lk = repo.file('infra/terraform/azure-gov/.terraform.lock.hcl', 'terraform');
  lk.l('provider "registry.terraform.io/hashicorp/azurerm" {', '  version = "3.116.0"', '  hashes = [');
  lk.d(`    "h1:${g.enc(Buffer.from(t.pick(HEX, 64), 'hex'))}",`, 'provider hash');
  lk.l(`    "zh:${t.sha256()}",`);
  lk.l('  ]', '}');
}

// ---- Bicep / ARM (Azure Government) ---------------------------------------------------------

function bicep(repo, t, g) {
  const b = repo.file('infra/bicep/permits/main.bicep', 'bicep');
  const sqlPw = g.gen(22);
  const gt = g.granicus();
  const tw = t.twilioToken();
  b.l("@description('SQL admin password for the permits database')", '@secure()');
  b.s(`param sqlAdminPassword string = '${sqlPw}'`, 'generic', sqlPw);
  b.l('', '@secure()');
  b.l('param authnetTransactionKey string');
  b.l("param location string = 'usgovvirginia'");
  b.l(`param opsGroupObjectId string = '${t.uuid()}'`);
  b.l('', "resource kv 'Microsoft.KeyVault/vaults@2023-07-01' existing = {", "  name: 'kv-permits-prod'", '}', '');
  b.l("module notify 'modules/functionapp.bicep' = {", "  name: 'func-notify-prod'", '  params: {');
  b.d("    sendgridApiKey: kv.getSecret('sendgrid-api-key')", 'key vault getSecret');
  b.s(`    granicusAuthToken: '${gt}'`, 'granicus', gt);
  b.s(`    twilioAuthToken: '${tw}'`, 'twilio', tw);
  b.l('  }', '}', '');
  b.l("resource attach 'Microsoft.Storage/storageAccounts@2023-01-01' existing = {", "  name: 'stpermitsattach'", '}');
  b.d('output attachKey string = attach.listKeys().keys[0].value', 'listKeys expression');

  const pp = repo.file('infra/bicep/permits/main.parameters.prod.json', 'bicep');
  const ppw = g.gen(22);
  pp.l(
    '{',
    '  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",',
    '  "contentVersion": "1.0.0.0",',
    '  "parameters": {',
    '    "sqlAdminPassword": {',
  );
  pp.s(`      "value": "${ppw}"`, 'generic', ppw);
  pp.l('    },', '    "authnetTransactionKey": {', '      "reference": {', '        "keyVault": {');
  pp.l(
    `          "id": "/subscriptions/${t.uuid()}/resourceGroups/rg-security/providers/Microsoft.KeyVault/vaults/kv-permits-prod"`,
  );
  pp.l('        },');
  pp.l('        "secretName": "authnet-transaction-key"');
  pp.l('      }', '    }', '  }', '}');

  const arm = repo.file('infra/arm/jumpbox/azuredeploy.parameters.json', 'bicep');
  const vm = g.human();
  arm.l(
    '{',
    '  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",',
    '  "contentVersion": "1.0.0.0",',
    '  "parameters": {',
    '    "adminUsername": { "value": "civicadmin" },',
  );
  arm.s(`    "adminPassword": { "value": "${vm}" },`, 'generic', vm);
  arm.d(
    '    "domainJoinPassword": { "reference": { "keyVault": { "id": "[resourceId(\'Microsoft.KeyVault/vaults\', \'kv-ops-prod\')]" }, "secretName": "domain-join" } }',
    'key vault reference',
  );
  arm.l('  }', '}');
}

// ---- CI: Azure DevOps, Jenkins, GitHub Actions ----------------------------------------------

function ci(repo, t, g) {
  const a = repo.file('services/permit-hub/azure-pipelines.yml', 'ci');
  const sa = g.gen(20);
  const sp = g.azSecret();
  const fk = g.funcKey();
  const ng = g.nuget();
  const acr = g.acrPw();
  a.l('trigger:', '  branches:', '    include: [main]', 'pool:', '  name: civic-gov-agents', 'variables:');
  a.l('  - group: permits-prod-secrets');
  a.l('  - name: buildConfiguration', '    value: Release', '  - name: SQL_SA_PASSWORD');
  a.s(`    value: '${sa}'`, 'generic', sa);
  a.l(
    'steps:',
    '  - task: NuGetAuthenticate@1',
    '  - script: dotnet restore --configfile nuget.config',
    '  - script: dotnet test -c $(buildConfiguration)',
  );
  a.d('  - script: sqlcmd -S localhost -U sa -P "$(SQL_SA_PASSWORD)" -i db/seed.sql', 'pipeline variable');
  a.s(
    `  - script: dotnet nuget push artifacts/*.nupkg --source https://api.nuget.org/v3/index.json --api-key ${ng}`,
    'nuget',
    ng,
  );
  a.l('  - task: AzureCLI@2', '    inputs:');
  a.l("      azureSubscription: 'sc-permits-usgov-prod'");
  a.l(
    '      scriptType: bash',
    '      scriptLocation: inlineScript',
    '      inlineScript: |',
    '        az cloud set --name AzureUSGovernment',
  );
  a.s(`        az login --service-principal -u ${t.uuid()} -p '${sp}' --tenant ${t.uuid()}`, 'azure', sp);
  a.s(`        docker login civicpermits.azurecr.us -u civicpermits -p '${acr}'`, 'azure', acr);
  a.l('  - script: |');
  a.s(`      curl -fsS -X POST "https://func-permits-prod.azurewebsites.us/api/reindex?code=${fk}"`, 'azure', fk);
  a.l('  - script: git clone https://$(System.AccessToken)@dev.azure.com/civicstack/Permits/_git/templates');

  const o = repo.file('.azuredevops/templates/deploy-openshift.yml', 'ci');
  const oc = g.ocToken();
  const pat = g.adoPat();
  o.l('parameters:', '  - name: namespace', '    type: string', 'steps:', '  - bash: |');
  o.s(`      oc login --token=${oc} --server=https://api.ocp-prod.civicstack.us:6443`, 'openshift', oc);
  o.l('      oc login --token=$(OC_STG_TOKEN) --server=https://api.ocp-stg.civicstack.us:6443');
  o.l(
    '      oc project ${{ parameters.namespace }}',
    '      oc apply -f deploy/openshift/${{ parameters.namespace }}/',
  );
  o.s(
    `  - script: git push https://build:${pat}@dev.azure.com/civicstack/Benefits/_git/gitops HEAD:refs/heads/release`,
    'azure-devops',
    pat,
  );

  const j = repo.file('services/benefits-case/Jenkinsfile', 'ci');
  const sonar = `squ_${t.hex(40)}`;
  const afk = g.afKey();
  const vt = g.hvs();
  const hook = g.teamsHook();
  j.l('pipeline {', '  agent { label "rhel8-maven" }', '  environment {');
  j.l("    ARTIFACTORY = credentials('artifactory-ci-benefits')");
  j.s(`    SONAR_TOKEN = '${sonar}'`, 'sonarqube', sonar);
  j.s(`    VAULT_TOKEN = "${vt}"`, 'vault', vt);
  j.l(
    '  }',
    '  stages {',
    "    stage('build') {",
    '      steps {',
    "        sh 'mvn -B -s .mvn/settings.xml verify sonar:sonar -Dsonar.host.url=https://sonar.corp.civicstack.local'",
    '      }',
    '    }',
    "    stage('publish') {",
    '      steps {',
  );
  j.s(
    `        sh "curl -fsS -H 'X-JFrog-Art-Api: ${afk}' -T target/benefits-case.jar https://artifactory.corp.civicstack.local/artifactory/libs-release-local/us/civicstack/benefits-case/"`,
    'artifactory',
    afk,
  );
  j.l("        withCredentials([string(credentialsId: 'oc-prod-token', variable: 'OC_TOKEN')]) {");
  j.l("          sh 'oc login --token=$OC_TOKEN --server=https://api.ocp-prod.civicstack.us:6443'");
  j.l('        }', '      }', '    }', '  }', '  post {', '    failure {');
  j.s(
    `      office365ConnectorSend webhookUrl: '${hook}', message: "benefits-case build failed"`,
    'microsoftteams',
    hook,
  );
  j.l('    }', '  }', '}');

  const cc = repo.file('ops/jenkins/casc/jenkins.yaml', 'ci');
  const mgr = g.gen(22);
  const dep = g.human();
  cc.l(
    'jenkins:',
    '  securityRealm:',
    '    ldap:',
    '      configurations:',
    '        - server: ldaps://dc01.corp.civicstack.local:636',
    '          rootDN: DC=corp,DC=civicstack,DC=local',
    '          managerDN: CN=svc_jenkins,OU=Service Accounts,DC=corp,DC=civicstack,DC=local',
  );
  cc.s(`          managerPasswordSecret: "${mgr}"`, 'generic', mgr);
  cc.l(
    'credentials:',
    '  system:',
    '    domainCredentials:',
    '      - credentials:',
    '          - usernamePassword:',
    '              id: sftp-dor',
    '              username: civicstack_levy',
  );
  cc.s(`              password: "${dep}"`, 'generic', dep);
  cc.l('          - string:', '              id: vault-token');
  cc.l('              secret: "${VAULT_TOKEN}"');
  cc.l('          - string:', '              id: sonar-token');
  cc.d(`              secret: "{AQAAABAAAAAw${g.b64(64)}}"`, 'jenkins-encrypted secret');

  const cx = repo.file('ops/jenkins/home/credentials.xml', 'ci');
  cx.l(
    "<?xml version='1.1' encoding='UTF-8'?>",
    '<com.cloudbees.plugins.credentials.SystemCredentialsProvider plugin="credentials@1337.v60b_d7b_c7b_c9f">',
    '  <domainCredentialsMap class="hudson.util.CopyOnWriteMap$Hash">',
    '    <entry>',
    '      <java.util.concurrent.CopyOnWriteArrayList>',
    '        <com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl>',
    '          <id>artifactory-ci-benefits</id>',
    '          <username>ci-benefits</username>',
  );
  cx.l(`          <password>{AQAAABAAAAAQ${g.b64(43)}=}</password>`);
  cx.l(
    '        </com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl>',
    '        <org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl>',
    '          <id>oc-prod-token</id>',
  );
  cx.l(`          <secret>{AQAAABAAAABA${g.b64(86)}==}</secret>`);
  cx.l(
    '        </org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl>',
    '      </java.util.concurrent.CopyOnWriteArrayList>',
    '    </entry>',
    '  </domainCredentialsMap>',
    '</com.cloudbees.plugins.credentials.SystemCredentialsProvider>',
  );

  const tr = repo.file('ops/jenkins/trigger-nightly.sh', 'ci');
  const jt = g.jenkinsToken();
  tr.l('#!/bin/bash', '# called by the Oracle batch host after the levy export finishes');
  tr.s(
    `curl -fsS -X POST -u svc_taxbatch:${jt} https://jenkins.corp.civicstack.local/job/tax/job/levy-reconcile/build`,
    'jenkins',
    jt,
  );
  tr.l(
    'curl -fsS -X POST -u "svc_taxbatch:${JENKINS_API_TOKEN}" https://jenkins.corp.civicstack.local/job/tax/job/levy-report/build',
  );

  const gh = repo.file('.github/workflows/publish-open311-sdk.yml', 'ci');
  const ghp = g.ghFine();
  gh.l(
    'name: publish-open311-sdk',
    'on:',
    '  release:',
    '    types: [published]',
    'jobs:',
    '  publish:',
    '    runs-on: ubuntu-latest',
    '    steps:',
  );
  gh.d(`      - uses: actions/checkout@${t.sha1()} # v4`, 'pinned action sha');
  gh.l(
    '      - run: npm ci && npm run build',
    '        working-directory: sdk/open311',
    '      - run: npm publish --access public',
    '        env:',
  );
  gh.d('          NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}', 'actions secret reference');
  gh.l(
    '      - name: mirror to internal',
    '        run: git push --mirror https://x-access-token:${{ env.MIRROR_TOKEN }}@github.com/civicstack-internal/open311-sdk.git',
    '        env:',
  );
  gh.s(`          MIRROR_TOKEN: ${ghp}`, 'github', ghp);
}

// ---- Docker ---------------------------------------------------------------------------------

function docker(repo, t, g) {
  const d = repo.file('services/benefits-case/Dockerfile', 'docker');
  const ref = g.afRef();
  d.l(`FROM registry.access.redhat.com/ubi9/openjdk-21-runtime@sha256:${t.sha256()}`);
  d.s(`ARG ARTIFACTORY_TOKEN=${ref}`, 'artifactory', ref);
  d.l('RUN --mount=type=secret,id=mvnsettings,target=/home/default/.m2/settings.xml mvn -B -q package -DskipTests');
  d.l('ENV JAVA_OPTS="-Djavax.net.ssl.trustStorePassword=changeit"');
  d.l('COPY target/benefits-case.jar /deployments/', 'USER 185');

  const gd = repo.file('services/gis-geocoder/Dockerfile', 'docker');
  const ek = g.esriKey();
  gd.l(
    'FROM python:3.12-slim',
    'WORKDIR /app',
    'COPY requirements.txt .',
    'RUN pip install --no-cache-dir -r requirements.txt',
  );
  gd.s(`ENV ARCGIS_API_KEY=${ek}`, 'esri', ek);
  gd.l('ENV ARCGIS_PORTAL=https://gis.civicstack.us/portal');
  gd.l('COPY geocoder/ geocoder/', 'CMD ["gunicorn", "geocoder.app:app", "-b", "0.0.0.0:8080"]');

  const c = repo.file('docker-compose.yml', 'docker');
  const pg = g.plain(20);
  const ms = g.gen(20);
  const ora = g.plain(16);
  const kc = g.human();
  const spl = g.gen(18);
  c.l('services:', '  postgres:', '    image: postgres:16', '    environment:', '      POSTGRES_USER: benefits');
  c.s(`      POSTGRES_PASSWORD: ${pg}`, 'generic', pg);
  c.l(
    '  mssql:',
    '    image: mcr.microsoft.com/mssql/server:2022-latest',
    '    environment:',
    '      ACCEPT_EULA: "Y"',
  );
  c.s(`      MSSQL_SA_PASSWORD: "${ms}"`, 'generic', ms);
  c.l('  oracle:', '    image: gvenzl/oracle-free:23-slim', '    environment:');
  c.s(`      ORACLE_PASSWORD: ${ora}`, 'generic', ora);
  c.d('      APP_USER_PASSWORD: ${TAX_APP_PASSWORD:?set TAX_APP_PASSWORD}', 'env interpolation');
  c.l(
    '  keycloak:',
    '    image: quay.io/keycloak/keycloak:25.0',
    '    command: start-dev --import-realm',
    '    environment:',
    '      KEYCLOAK_ADMIN: admin',
  );
  c.s(`      KEYCLOAK_ADMIN_PASSWORD: "${kc}"`, 'generic', kc);
  c.l('  vault:', '    image: hashicorp/vault:1.17', '    cap_add: [IPC_LOCK]', '    environment:');
  c.d('      VAULT_DEV_ROOT_TOKEN_ID: root', 'vault dev-mode token literal "root"');
  c.l('  splunk:', '    image: splunk/splunk:9.3', '    environment:', '      SPLUNK_START_ARGS: --accept-license');
  c.s(`      SPLUNK_PASSWORD: "${spl}"`, 'generic', spl);
  c.l('      SPLUNK_HEC_TOKEN: ${SPLUNK_HEC_TOKEN}');
}

// ---- PowerShell and Windows admin -----------------------------------------------------------

function powershell(repo, t, g) {
  const c = repo.file('ops/powershell/Connect-GovTenant.ps1', 'powershell');
  const sec = g.azSecret();
  c.l('param([string]$Subscription = "CivicStack-Gov-Prod")', "$ErrorActionPreference = 'Stop'");
  c.l(`$appId = "${t.uuid()}"`);
  c.l(`$tenantId = "${t.uuid()}"`);
  c.s(`$secret = ConvertTo-SecureString "${sec}" -AsPlainText -Force`, 'azure', sec);
  c.l(
    '$cred = New-Object System.Management.Automation.PSCredential($appId, $secret)',
    'Connect-AzAccount -Environment AzureUSGovernment -ServicePrincipal -Credential $cred -Tenant $tenantId',
  );
  c.l(
    `Connect-ExchangeOnline -ExchangeEnvironmentName O365USGovGCCHigh -AppId $appId -CertificateThumbprint "${t.pick('0123456789ABCDEF', 40)}" -Organization civicstackgov.onmicrosoft.us`,
  );
  c.l('Connect-MgGraph -Environment USGov -Scopes "User.Read.All"');

  const r = repo.file('ops/powershell/Reset-CaseworkerPassword.ps1', 'powershell');
  const tmp = g.human();
  r.l('param([Parameter(Mandatory)][string]$SamAccountName)', 'Import-Module ActiveDirectory');
  r.l('# Helpdesk standard temp password; user must change at next logon (HD-KB-0042)');
  r.s(
    `Set-ADAccountPassword -Identity $SamAccountName -Reset -NewPassword (ConvertTo-SecureString '${tmp}' -AsPlainText -Force)`,
    'generic',
    tmp,
  );
  r.l('Set-ADUser -Identity $SamAccountName -ChangePasswordAtLogon $true');
  r.d('$new = Read-Host -Prompt "New password" -AsSecureString', 'prompt');

  const b = repo.file('ops/powershell/Backup-SqlDatabases.ps1', 'powershell');
  const sa = g.gen(20);
  const nas = g.human();
  b.l('Import-Module SqlServer', '$servers = @("sqlprd01.corp.civicstack.local", "sqlprd02.corp.civicstack.local")');
  b.l('foreach ($s in $servers) {');
  b.s(
    `    Invoke-Sqlcmd -ServerInstance $s -Username sa -Password '${sa}' -Query "EXEC dbo.DatabaseBackup @Databases = 'USER_DATABASES', @BackupType = 'FULL'"`,
    'generic',
    sa,
  );
  b.l('}');
  b.s(
    `$nasCred = New-Object PSCredential("CIVIC\\svc_backup", (ConvertTo-SecureString "${nas}" -AsPlainText -Force))`,
    'generic',
    nas,
  );
  b.l(
    'New-PSDrive -Name B -PSProvider FileSystem -Root \\\\nas01.corp.civicstack.local\\sqlbackups -Credential $nasCred',
  );
  b.d(
    `$stored = ConvertTo-SecureString "01000000d08c9ddf0115d1118c7a00c04fc297eb01000000${t.pick(HEX, 420)}"`,
    'dpapi-encrypted string',
  );

  const u = repo.file('ops/windows/unattend/caseworker-vdi.xml', 'powershell');
  const adm = g.human();
  const join = g.gen(20);
  u.l(
    '<?xml version="1.0" encoding="utf-8"?>',
    '<unattend xmlns="urn:schemas-microsoft-com:unattend">',
    '  <settings pass="oobeSystem">',
    '    <component name="Microsoft-Windows-Shell-Setup">',
    '      <UserAccounts>',
    '        <AdministratorPassword>',
  );
  u.s(`          <Value>${adm}</Value>`, 'generic', adm);
  u.l(
    '          <PlainText>true</PlainText>',
    '        </AdministratorPassword>',
    '      </UserAccounts>',
    '    </component>',
    '  </settings>',
    '  <settings pass="specialize">',
    '    <component name="Microsoft-Windows-UnattendedJoin">',
    '      <Identification>',
    '        <Credentials>',
    '          <Domain>corp.civicstack.local</Domain>',
    '          <Username>svc_domainjoin</Username>',
  );
  u.s(`          <Password>${join}</Password>`, 'generic', join);
  u.l('        </Credentials>', '      </Identification>', '    </component>', '  </settings>', '</unattend>');

  const bt = repo.file('ops/windows/map-shares.bat', 'powershell');
  const sh = g.plain(14);
  bt.l('@echo off', 'REM maps the case file shares on the intake kiosks');
  bt.s(
    `net use K: \\\\fs01.corp.civicstack.local\\CaseFiles /user:CIVIC\\svc_kiosk ${sh} /persistent:yes`,
    'generic',
    sh,
  );
  bt.l('net use L: \\\\fs01.corp.civicstack.local\\Forms /user:CIVIC\\svc_kiosk %KIOSK_PW% /persistent:yes');
}

// ---- Splunk ---------------------------------------------------------------------------------

function splunk(repo, t, g) {
  const i = repo.file('ops/splunk/apps/civic_hec/local/inputs.conf', 'splunk');
  const h1 = g.splunkHec();
  const h2 = g.splunkHec();
  i.l('[http]', 'disabled = 0', 'enableSSL = 1', '', '[http://benefits-case]');
  i.s(`token = ${h1}`, 'splunk', h1);
  i.l('index = benefits', 'sourcetype = _json', '', '[http://permit-hub]');
  i.s(`token = ${h2}`, 'splunk', h2);
  i.l('index = permits');

  const o = repo.file('ops/splunk/forwarders/taxbatch01/outputs.conf', 'splunk');
  const ssl = g.plain(16);
  o.l(
    '[tcpout]',
    'defaultGroup = civic_indexers',
    '',
    '[tcpout:civic_indexers]',
    'server = idx01.corp.civicstack.local:9997, idx02.corp.civicstack.local:9997',
    'clientCert = $SPLUNK_HOME/etc/auth/civic/forwarder.pem',
  );
  o.s(`sslPassword = ${ssl}`, 'generic', ssl);
  const o2 = repo.file('ops/splunk/forwarders/xfer01/outputs.conf', 'splunk');
  o2.l('[tcpout:civic_indexers]', 'server = idx01.corp.civicstack.local:9997');
  o2.d(`sslPassword = $7$${g.b64(64)}`, 'splunk-encrypted ($7$) value');

  const a = repo.file('ops/splunk/etc/system/local/authentication.conf', 'splunk');
  const bind = g.gen(22);
  a.l(
    '[authentication]',
    'authType = LDAP',
    'authSettings = civic_ad',
    '',
    '[civic_ad]',
    'host = dc01.corp.civicstack.local',
    'port = 636',
    'SSLEnabled = 1',
    'bindDN = CN=svc_splunk,OU=Service Accounts,DC=corp,DC=civicstack,DC=local',
  );
  a.s(`bindDNpassword = ${bind}`, 'generic', bind);
  a.l('userBaseDN = OU=Staff,DC=corp,DC=civicstack,DC=local');

  const s = repo.file('ops/splunk/etc/system/local/server.conf', 'splunk');
  const sym = g.gen(24);
  s.l('[general]', 'serverName = spl-sh-prod-01');
  s.s(`pass4SymmKey = ${sym}`, 'generic', sym);
  s.l('', '[sslConfig]');
  s.l(`sslPassword = $7$${g.b64(64)}`);

  const e = repo.file('ops/splunk/scripts/export_audit.py', 'splunk');
  const jwt = g.splunkJwt('svc_etl');
  e.l('import requests', '', 'SPLUNK = "https://spl-sh-prod-01.corp.civicstack.local:8089"');
  e.s(`HEADERS = {"Authorization": "Bearer ${jwt}"}`, 'splunk', jwt);
  e.l(
    '',
    'def export(search):',
    '    return requests.post(f"{SPLUNK}/services/search/jobs/export", headers=HEADERS, data={"search": search, "output_mode": "csv"}, verify="/etc/pki/civic-ca.pem")',
  );

  const ss = repo.file('ops/splunk/apps/civic_security/local/savedsearches.conf', 'splunk');
  ss.l('[Cleartext password in app logs]');
  ss.l('search = index=benefits OR index=permits ("password=" OR "passwd=") NOT "password=****"');
  ss.l('cron_schedule = */15 * * * *', 'action.email.to = secops@civicstack.us');
}

// ---- ServiceNow -----------------------------------------------------------------------------

function servicenow(repo, t, g) {
  const m = repo.file('integrations/servicenow/mid-server/agent/config.xml', 'servicenow');
  const mid = g.gen(20);
  m.l(
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>',
    '<parameters>',
    '  <parameter name="url" value="https://civicstackgov.servicenowservices.com/"/>',
    '  <parameter name="mid.instance.username" value="svc_mid_prod"/>',
  );
  m.s(`  <parameter name="mid.instance.password" value="${mid}"/>`, 'generic', mid);
  m.l('  <parameter name="name" value="mid-gov-prod-01"/>');
  m.l('  <parameter name="mid.proxy.password" encrypt="true" value=""/>');
  m.l('</parameters>');

  const c = repo.file('integrations/servicenow/cmdb_sync.py', 'servicenow');
  const pw = g.human();
  const cs = g.gen(24);
  c.l('import requests', '', 'INSTANCE = "https://civicstackgov.servicenowservices.com"', '');
  c.l('def push_ci(ci):');
  c.s(
    `    return requests.post(f"{INSTANCE}/api/now/table/cmdb_ci_server", json=ci, auth=("svc_cmdb", "${pw}"))`,
    'generic',
    pw,
  );
  c.l(
    '',
    'def oauth_token():',
    '    return requests.post(f"{INSTANCE}/oauth_token.do", data={',
    '        "grant_type": "client_credentials",',
  );
  c.l(`        "client_id": "${t.hex(32)}",`);
  c.s(`        "client_secret": "${cs}",`, 'generic', cs);
  c.l('    }).json()["access_token"]');

  const p = repo.file('ops/powershell/Sync-ServiceNowCmdb.ps1', 'servicenow');
  const pp = g.plain(18);
  p.l('$uri = "https://civicstackgov.servicenowservices.com/api/now/table/cmdb_ci_win_server"');
  p.s(
    `$headers = @{ Authorization = "Basic ${g.enc(`svc_cmdb_win:${pp}`)}"; Accept = "application/json" }`,
    'generic',
    pp,
  );
  p.l(
    'Get-ADComputer -Filter * -SearchBase "OU=Servers,DC=corp,DC=civicstack,DC=local" | ForEach-Object {',
    '    Invoke-RestMethod -Uri $uri -Method Post -Headers $headers -Body (@{ name = $_.Name } | ConvertTo-Json)',
    '}',
  );
}

// ---- Python data notebooks ------------------------------------------------------------------

function notebooks(repo, t, g) {
  const src = (s) => `    ${JSON.stringify(s)},`;
  const last = (s) => `    ${JSON.stringify(s)}`;
  const nb = repo.file('analytics/notebooks/snap-caseload-forecast.ipynb', 'notebook');
  const pg = g.plain(18);
  const aoai = g.cogKey();
  const outPw = g.plain(18);
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
    `      ${JSON.stringify(`engine: postgresql://analyst:${outPw}@pg-benefits-replica.corp.civicstack.local:5432/benefits\n`)}`,
    'database',
    outPw,
  );
  nb.l('     ]', '    }', '   ],', '   "source": [');
  nb.l(src('import pandas as pd\n'), src('import psycopg2\n'), src('from openai import AzureOpenAI\n'));
  nb.s(
    src(
      `conn = psycopg2.connect(host="pg-benefits-replica.corp.civicstack.local", dbname="benefits", user="analyst", password="${pg}")\n`,
    ),
    'generic',
    pg,
  );
  nb.l(src('llm = AzureOpenAI(\n'), src('    azure_endpoint="https://aoai-civic-analytics.openai.azure.us/",\n'));
  nb.s(src(`    api_key="${aoai}",\n`), 'azure', aoai);
  nb.l(
    src('    api_version="2024-06-01")\n'),
    last('print("engine:", engine.url.render_as_string(hide_password=False))'),
    '   ]',
    '  },',
  );
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
    '      "text/plain": ["<Figure size 1200x500 with 1 Axes>"]',
    '     },',
    '     "metadata": {},',
    '     "output_type": "display_data"',
    '    }',
    '   ],',
    '   "source": [',
  );
  nb.l(src('pw = getpass.getpass("warehouse password: ")\n'));
  nb.d(src(`model_hash = "${t.sha256()}"\n`), 'sha256');
  nb.l(last('plot_forecast(df, horizon=18)'), '   ]', '  }', ' ],');
  nb.l(
    ' "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},',
    ' "nbformat": 4,',
    ' "nbformat_minor": 5',
    '}',
  );

  const n2 = repo.file('analytics/notebooks/permit-backlog-s3.ipynb', 'notebook');
  const sq = g.gen(18);
  const asia = g.asia();
  const sec = t.awsSecret();
  const tok = g.stsSession();
  const sf = g.sfToken();
  n2.l(
    '{',
    ' "cells": [',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 1,',
    '   "metadata": {},',
    '   "outputs": [],',
    '   "source": [',
  );
  n2.l(src('import boto3, pyodbc\n'));
  n2.s(
    src(
      `cn = pyodbc.connect("DRIVER={ODBC Driver 18 for SQL Server};SERVER=sqlprd02.corp.civicstack.local;DATABASE=Licensing;UID=lic_report;PWD=${sq};Encrypt=yes")\n`,
    ),
    'database',
    sq,
  );
  n2.l(src('s3 = boto3.client("s3", region_name="us-gov-west-1",\n'));
  n2.s(src(`    aws_access_key_id="${asia}",\n`), 'aws', asia);
  n2.s(src(`    aws_secret_access_key="${sec}",\n`), 'aws', sec);
  n2.s(src(`    aws_session_token="${tok}")\n`), 'aws', tok);
  n2.l(last('df.to_parquet("s3://civic-analytics-gov/permits/backlog.parquet")'), '   ]', '  },');
  n2.l(
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
  n2.s(
    `      ${JSON.stringify(`{'access_token': '${sf}', 'instance_url': 'https://civicstack-gov.my.salesforce.com', 'token_type': 'Bearer'}\n`)}`,
    'salesforce',
    sf,
  );
  n2.l('     ]', '    }', '   ],', '   "source": [');
  n2.l(last('print(sf_login(os.environ["SF_USER"], os.environ["SF_PASSWORD"]))'));
  n2.l('   ]', '  }', ' ],', ' "metadata": {},', ' "nbformat": 4,', ' "nbformat_minor": 5', '}');

  const rq = repo.file('analytics/requirements.txt', 'python');
  const pat = g.adoPat();
  rq.s(
    `--extra-index-url https://analytics:${pat}@pkgs.dev.azure.com/civicstack/_packaging/analytics/pypi/simple/`,
    'azure-devops',
    pat,
  );
  for (const p of ['pandas==2.2.3']) {
    rq.l(`${p} \\`);
    rq.d(`    --hash=sha256:${t.sha256()}`, 'pip hash');
  }
}

// ---- Logs -----------------------------------------------------------------------------------

function logs(repo, t, g) {
  const b = repo.file('logs/benefits-case/benefits-case-2025-11-03.log', 'logs');
  const jdbc = g.plain(18);
  const basic = g.plain(18);
  const hvb = g.hvb();
  const p = (ts, lvl, th, lg) => `2025-11-03 ${ts} ${lvl.padStart(5)} 1 --- [${th}] ${lg} :`;
  b.l(
    `${p('06:00:02.118', 'INFO', 'main', 'u.c.benefits.BenefitsCaseApplication')} Started BenefitsCaseApplication in 14.201 seconds`,
  );
  b.s(
    `${p('06:00:02.544', 'DEBUG', 'main', 'com.zaxxer.hikari.HikariConfig')} jdbcUrl.........................jdbc:postgresql://pg-benefits-prod.postgres.database.usgovcloudapi.net:5432/benefits?user=benefits_app&password=${jdbc}`,
    'database',
    jdbc,
  );
  b.d(
    `${p('06:00:02.545', 'DEBUG', 'main', 'com.zaxxer.hikari.HikariConfig')} password........................<masked>`,
    'masked',
  );
  b.s(
    `${p('06:14:37.020', 'DEBUG', 'exec-4', 'o.s.web.client.RestTemplate')} HTTP POST https://ivv.hhs.state.example.gov/ws/IncomeVerification, headers=[Authorization:"Basic ${g.enc(`CIVICSTACK_SVC:${basic}`)}", Content-Type:"text/xml"]`,
    'generic',
    basic,
  );
  b.d(
    `${p('06:14:37.811', 'INFO', 'exec-4', 'u.c.benefits.eligibility.CaseService')} case ${t.uuid()} eligibility=PENDING_VERIFICATION`,
    'uuid',
  );
  b.s(
    `${p('06:20:00.004', 'DEBUG', 'vault-1', 'o.s.vault.authentication.LifecycleAwareSessionManager')} Renewed token ${hvb} ttl=768h`,
    'vault',
    hvb,
  );
  b.l(
    `${p('06:31:12.400', 'ERROR', 'exec-9', 'o.s.ldap.core.LdapTemplate')} [LDAP: error code 49 - 80090308: LdapErr: DSID-0C09056B, comment: AcceptSecurityContext error, data 52e, v4f7c]`,
  );

  const ph = repo.file('logs/permit-hub/permithub-20251103.json', 'logs');
  const cs = g.gen(20);
  const tw = t.twilioToken();
  const sid = t.twilioSid();
  const pk = g.paymentusKey();
  ph.l(
    `{"@t":"2025-11-03T14:02:11.003Z","@mt":"Request starting {Method} {Path}","Method":"GET","Path":"/permits/v2/health","RequestId":"${t.uuid()}"}`,
  );
  ph.s(
    `{"@t":"2025-11-03T14:02:15.912Z","@l":"Error","@mt":"Failed to open {ConnectionString}","ConnectionString":"Server=sqlprd02.corp.civicstack.local;Database=Licensing;User Id=lic_web;Password=${cs};"}`,
    'database',
    cs,
  );
  ph.s(
    `{"@t":"2025-11-03T14:03:01.250Z","@l":"Debug","SourceContext":"System.Net.Http.HttpClient.Twilio.LogicalHandler","@mt":"Request Headers: Authorization: Basic ${g.enc(`${sid}:${tw}`)}"}`,
    'twilio',
    tw,
  );
  ph.s(
    `{"@t":"2025-11-03T14:04:44.730Z","@l":"Debug","SourceContext":"PermitHub.Payments.PaymentusClient","@mt":"POST https://secure1.paymentus.com/api/v2/payments X-Api-Key: ${pk}"}`,
    'paymentus',
    pk,
  );
  ph.d(
    '{"@t":"2025-11-03T14:04:45.001Z","@l":"Information","@mt":"Authorization: Bearer ***","SourceContext":"PermitHub.Api"}',
    'redacted',
  );

  const sf = repo.file('logs/sftp/xfer01-lftp-debug.log', 'logs');
  const pw = g.plain(16);
  sf.l('---- Connecting to sftp-b2b.ssa.example.gov (203.0.113.44) port 22', '<--- SSH-2.0-OpenSSH_8.7');
  sf.l(`<--- Host key fingerprint SHA256:${g.b64(43)}`);
  sf.s(`---> sending a packet: USER CSWAGE01 PASS ${pw}`, 'generic', pw);
  sf.l('<--- Authentication succeeded (password).', '---> mirror --only-newer /outbound/wages /data/inbound/wages');

  const jk = repo.file('logs/jenkins/tax-levy-reconcile-412.log', 'logs');
  const sk = t.awsSecret();
  jk.l(
    'Started by remote host 10.40.2.17',
    'Running on rhel8-agent-03 in /var/lib/jenkins/workspace/tax/levy-reconcile',
    '[Pipeline] sh',
  );
  jk.d('+ oc login --token=**** --server=https://api.ocp-prod.civicstack.us:6443', 'masked by jenkins');
  jk.l('+ env | sort', 'AWS_DEFAULT_REGION=us-gov-west-1');
  jk.s(`AWS_SECRET_ACCESS_KEY=${sk}`, 'aws', sk);
  jk.l('BUILD_NUMBER=412', 'Finished: SUCCESS');

  const or = repo.file('logs/oracle/taxbatch_export_20251103.log', 'logs');
  const opw = g.plain(14);
  or.l('== levy export start 2025-11-03 01:15:00 ==');
  or.s(`+ sqlplus -s tax_batch/${opw}@TAXPRD @/opt/taxbatch/sql/export_levies.sql`, 'generic', opw);
  or.l('ORA-28002: the password will expire within 7 days');
  or.l('12043 rows exported', '== levy export end 2025-11-03 01:19:42 ==');

  const ii = repo.file('logs/iis/W3SVC1/u_ex251103.log', 'logs');
  const ek = g.esriKey();
  ii.l(
    '#Software: Microsoft Internet Information Services 10.0',
    '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) sc-status sc-substatus sc-win32-status time-taken',
  );
  ii.s(
    `2025-11-03 15:20:11 10.40.1.21 GET /geocode/proxy f=json&SingleLine=100+Main+St&token=${ek} 443 - 10.40.8.14 python-requests/2.32.3 200 0 0 88`,
    'esri',
    ek,
  );
  ii.l(
    `2025-11-03 15:20:12 10.40.1.21 GET /permits/status permitId=${t.uuid()} 443 CIVIC\\kwalsh 10.40.8.51 Mozilla/5.0 200 0 0 41`,
  );
}

// ---- Ticket and chat exports ----------------------------------------------------------------

function tickets(repo, t, g) {
  const sn = repo.file('support/exports/servicenow/INC0049211.json', 'tickets');
  const tmp = g.human();
  const kc = g.keycloakSecret();
  sn.l(
    '{',
    '  "number": "INC0049211",',
    '  "short_description": "Harlan County clerks cannot sign in to case worker console",',
    '  "assignment_group": "CivicStack Identity",',
    '  "work_notes": [',
  );
  sn.s(
    `    "2025-10-14 09:12:40 - dmorgan: reset svc_kc_sync, temp password ${tmp} (expires at first use)",`,
    'generic',
    tmp,
  );
  sn.s(
    `    "2025-10-14 09:30:02 - apatel: regenerated case-worker-console client secret in Keycloak, new value ${kc}, updated the OpenShift secret",`,
    'keycloak',
    kc,
  );
  sn.d(
    '    "2025-10-14 09:31:10 - dmorgan: please do not paste secrets in work notes, use the Vault link instead",',
    'prose',
  );
  sn.l('    "2025-10-14 09:45:55 - apatel: client secret is now at secret/data/identity/case-worker-console"');
  sn.l('  ],', '  "state": "Resolved"', '}');

  const jr = repo.file('support/exports/jira/CIVIC-payments-2025Q3.csv', 'tickets');
  const txn = g.anetTxn();
  const st = g.sfSecurityToken();
  jr.l('Issue key,Summary,Reporter,Created,Description');
  jr.s(
    `CIVIC-2231,"Fairmont utility payments declining",l.nguyen,2025-08-04,"Fairmont finance gave us the new transaction key ${txn} for login id ${g.anetLogin()}; please update prod"`,
    'authorizenet',
    txn,
  );
  jr.s(
    `CIVIC-2240,"Salesforce sync failing after password change",r.brooks,2025-08-11,"New security token for integration user is ${st}, old one invalidated"`,
    'salesforce',
    st,
  );
  jr.l(
    'CIVIC-2244,"Rotate Paymentus key",l.nguyen,2025-08-12,"Rotated; new key stored in kv-permits-prod as paymentus-api-key (value <redacted>)"',
  );
  jr.l(`CIVIC-2251,"Webhook 401s",a.sato,2025-08-19,"Correlation id ${t.uuid()} shows the signature mismatch"`);

  const tm = repo.file('support/exports/teams/ops-channel-2025-10.json', 'chat');
  const pat = g.adoPatNew();
  const gt = g.granicus();
  const sftpPw = g.human();
  tm.l('{', '  "channel": "Ops - Platform",', '  "messages": [');
  tm.s(
    `    { "from": "Kevin Walsh", "createdDateTime": "2025-10-02T15:04:11Z", "body": "use my PAT for now so the release isn't blocked: ${pat}" },`,
    'azure-devops',
    pat,
  );
  tm.s(
    `    { "from": "Dana Morgan", "createdDateTime": "2025-10-06T13:22:40Z", "body": "Granicus token for the boil-water alerts (prod): ${gt}" },`,
    'granicus',
    gt,
  );
  tm.s(
    `    { "from": "Luis Ortega", "createdDateTime": "2025-10-09T19:51:02Z", "body": "DOR changed our sftp password to ${sftpPw} - updating partners.yaml" },`,
    'generic',
    sftpPw,
  );
  tm.l(
    '    { "from": "Priya Shah", "createdDateTime": "2025-10-09T19:55:30Z", "body": "reminder: secrets go in Vault, not in chat. Link: https://vault.corp.civicstack.local/ui/vault/secrets/secret/kv/partners" },',
  );
  tm.l(
    `    { "from": "Kevin Walsh", "createdDateTime": "2025-10-10T08:01:00Z", "body": "deployed build ${t.sha1().slice(0, 10)} to stg" }`,
  );
  tm.l('  ]', '}');
}

// ---- Runbooks and docs ----------------------------------------------------------------------

function docs(repo, t, g) {
  const v = repo.file('docs/runbooks/vault-unseal.md', 'docs');
  const k1 = g.unseal();
  v.l('# Vault unseal (prod)', '', 'After a node restart, three key holders each run:', '', '```sh');
  v.d('vault operator unseal <your-unseal-key-share>', 'placeholder');
  v.l(
    '```',
    '',
    'Break-glass share held by the on-call lead (sealed envelope is in the safe, this copy is for the DR site):',
    '',
  );
  v.s(`    ${k1}`, 'vault', k1);
  v.l(
    '',
    'Do not use the root token for day-to-day work; generate one with `vault operator generate-root` when needed.',
  );

  const o = repo.file('docs/runbooks/openshift-access.md', 'docs');
  const tok = g.ocToken();
  o.l(
    '# OpenShift access',
    '',
    '1. Log in through the console (Keycloak SSO), then copy the login command.',
    '2. It looks like:',
    '',
  );
  o.d('    oc login --token=sha256~<token> --server=https://api.ocp-prod.civicstack.us:6443', 'placeholder');
  o.l('', 'Shared break-glass service account for the Harlan County cutover (expires end of FY):', '');
  o.s(`    oc login --token=${tok} --server=https://api.ocp-prod.civicstack.us:6443`, 'openshift', tok);

  const p = repo.file('docs/integrations/authorize-net.md', 'docs');
  const txn = g.anetTxn();
  p.l('# Authorize.Net integration', '', '| Environment | API login id | Transaction key |', '|---|---|---|');
  p.l('| sandbox | `<sandbox-login-id>` | `<sandbox-transaction-key>` |');
  p.s(`| prod (City of Fairmont) | \`${g.anetLogin()}\` | \`${txn}\` |`, 'authorizenet', txn);
  p.l('', 'The Accept.js client key is public and lives in the portal environment file.');

  const c = repo.file('docs/confluence-export/PLAT-Onboarding-Accounts.md', 'docs');
  const ssrs = g.human();
  c.l('# New engineer accounts', '', '> Exported from Confluence space PLAT, page 88213', '');
  c.s(`* Staging SSRS reader: \`svc_ssrs_stg\` / \`${ssrs}\``, 'generic', ssrs);
  c.l('* Production access: request through ServiceNow catalog item "Privileged Access (PAM)"');
  c.d(
    '* AWS docs examples use `AKIAIOSFODNN7EXAMPLE`; never paste real keys here.',
    'vendor documentation example key',
  );

  const r = repo.file('README.md', 'docs');
  r.l(
    '# CivicStack platform',
    '',
    'Permits, benefits case management, resident portal and the legacy tax system.',
    '',
    '## Local setup',
    '',
    '```sh',
  );
  r.l('export VAULT_TOKEN=$(vault print token)');
  r.d(
    'dotnet user-secrets set "AzureAd:ClientSecret" "<client-secret>" --project services/permit-hub/PermitHub.Api',
    'placeholder',
  );
  r.l('export ARCGIS_API_KEY=${ARCGIS_API_KEY:?ask #gis for a dev key}');
  r.l('docker compose up -d postgres mssql oracle keycloak vault', '```');
}

// ---- Noise: hashes, ids, lockfiles, i18n, SQL ----------------------------------------------

function noise(repo, t, g) {
  const lock = repo.file('apps/resident-portal/package-lock.json', 'decoys');
  lock.l('{', '  "name": "resident-portal",', '  "lockfileVersion": 3,', '  "packages": {');
  for (const name of ['@angular/core', '@arcgis/core', 'keycloak-angular']) {
    lock.l(
      `    "node_modules/${name}": {`,
      '      "version": "18.2.0",',
      `      "resolved": "https://registry.npmjs.org/${name}/-/${name.split('/').pop()}-18.2.0.tgz",`,
    );
    lock.d(`      "integrity": "sha512-${Buffer.from(t.pick(HEX, 128), 'hex').toString('base64')}"`, 'integrity hash');
    lock.l('    },');
  }
  lock.l('    "": {}', '  }', '}');

  const i18n = repo.file('apps/resident-portal/src/assets/i18n/en.json', 'decoys');
  i18n.l('{');
  for (const [k, v] of [
    ['login.password', 'Password'],
    ['profile.apiKey', 'Developer API key'],
  ])
    i18n.d(`  "${k}": "${v}",`, 'i18n');
  i18n.l('  "ok": "OK"', '}');

  const sq = repo.file('db/permits/migrations/V31__seed_clerk_accounts.sql', 'sql');
  const pw = g.gen(20);
  sq.d(
    `INSERT INTO app_user (email, password_hash) VALUES ('clerk.admin@civicstack.us', '$2a$12$${t.mixed(ALNUM + './', 53)}');`,
    'bcrypt hash',
  );
  sq.s(`CREATE LOGIN permits_reporting WITH PASSWORD = N'${pw}', CHECK_POLICY = ON;`, 'generic', pw);
  sq.l("ALTER LOGIN permits_reporting WITH PASSWORD = N'$(REPORTING_PASSWORD)';");
  const pgm = repo.file('db/benefits/migrations/V12__reporting_role.sql', 'sql');
  const rp = g.plain(18);
  pgm.s(`CREATE ROLE benefits_reporting LOGIN PASSWORD '${rp}';`, 'generic', rp);
  pgm.d(
    `ALTER ROLE benefits_app PASSWORD 'SCRAM-SHA-256$4096:${g.b64(22)}==$${g.b64(43)}=:${g.b64(43)}=';`,
    'scram verifier hash',
  );
  pgm.l('GRANT SELECT ON ALL TABLES IN SCHEMA cases TO benefits_reporting;');

  const ids = repo.file('services/benefits-case/src/main/java/us/civicstack/benefits/Constants.java', 'decoys');
  ids.l('package us.civicstack.benefits;', '', 'public final class Constants {');
  ids.l(`    public static final String PROGRAM_GUID_SNAP = "${t.uuid()}";`);
  ids.l('    public static final String PASSWORD_RESET_PATH = "/account/password/reset";');
  ids.l('    public static final String VAULT_SECRET_PATH = "secret/data/benefits-case";');
  ids.l(`    public static final String FORM_SCHEMA_SHA256 = "${t.sha256()}";`);
  ids.l('    public static final String API_KEY_HEADER = "X-Api-Key";');
  ids.l('}');

  const gs = repo.file('services/payments-gateway/go.sum', 'decoys');
  for (const m of ['github.com/hashicorp/vault/api v1.15.0', 'github.com/jackc/pgx/v5 v5.7.1'])
    gs.l(`${m} h1:${Buffer.from(t.pick(HEX, 64), 'hex').toString('base64')}`);

  const av = repo.file('deploy/ansible/group_vars/taxbatch/vault.yml', 'decoys');
  av.l('tax_batch_db_password: !vault |');
  av.d(
    ['          $ANSIBLE_VAULT;1.1;AES256', ...Array.from({ length: 5 }, () => `          ${t.pick(HEX, 80)}`)],
    'ansible vault ciphertext',
  );
  av.l('sftp_dor_password: "{{ vault_sftp_dor_password }}"');
}
