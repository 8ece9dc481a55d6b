import { ALNUM, HEX, B64, URLSAFE, UPPER, LOWER, DIGIT, Repo, makeTokens, mulberry32 } from './generate.mjs';

// Suite "health": the monorepo of a healthtech company on Azure (patient portal, FHIR server, Mirth,
// claims ETL, analytics in R and Python, React admin, Node BFF, deployment in PowerShell/Bash/Bicep/
// Terraform/AKS/Azure DevOps). Secrets are planted where such repositories really leak them; decoys are the
// identifiers, references and fixtures that sit beside them.
export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 7919 + 4242);
  const t = makeTokens(rand);
  const repo = new Repo();
  const ctx = { t, rand, ...helpers(t) };
  dotnet(repo, ctx);
  functionsApps(repo, ctx);
  java(repo, ctx);
  python(repo, ctx);
  rlang(repo, ctx);
  typescript(repo, ctx);
  powershell(repo, ctx);
  bash(repo, ctx);
  sql(repo, ctx);
  bicepArm(repo, ctx);
  aks(repo, ctx);
  pipelines(repo, ctx);
  terraform(repo, ctx);
  docker(repo, ctx);
  notebook(repo, ctx);
  integrations(repo, ctx);
  logs(repo, ctx);
  docs(repo, ctx);
  legacyDotnet(repo, ctx);
  azureCli(repo, ctx);
  moreLeaks(repo, ctx);
  return repo;
}

function helpers(t) {
  const b64 = (n) => t.mixed(B64, n);
  const alnumPw = () => t.password().replace(/[^A-Za-z0-9]/g, '');
  // What a password manager or `openssl rand` hands out; no quote, $, ;, @, : or / so it sits in any config.
  const genPw = (n = 20) => t.mixed(ALNUM + '!#%^*()-_=+', n);
  const guid = () => t.uuid();
  const GUID = () => t.uuid().toUpperCase();
  const thumb = () => t.pick('0123456789ABCDEF', 40);
  // Azure key formats: the classic random base64 keys and the newer "identifiable" keys with a service signature.
  // base64 of a 64-byte or 32-byte key: the last data character carries the padding bits.
  const key64 = () => `${b64(85)}${t.pick('AQgw', 1)}==`;
  const key32 = () => `${b64(42)}${t.pick('AEIMQUYcgkosw048', 1)}=`;
  const sasSig = () => encodeURIComponent(key32());
  const storageKey = () => key64();
  const storageKeyNew = () => `${b64(76)}+ASt${b64(5)}${t.pick('AQgw', 1)}==`;
  const cosmosKey = () => key64();
  const cosmosKeyNew = () => `${b64(76)}ACDb${b64(5)}${t.pick('AQgw', 1)}==`;
  const sbKey = () => key32();
  const sbKeyNew = () => `${b64(33)}+ASb${b64(5)}${t.pick('AEIMQUYcgkosw048', 1)}=`;
  const ehKeyNew = () => `${b64(33)}+AEh${b64(5)}${t.pick('AEIMQUYcgkosw048', 1)}=`;
  const redisKey = () => key32();
  const redisKeyNew = () => `${t.mixed(ALNUM, 33)}AzCa${t.pick('ABCDEFGHIJKLMNOP', 1)}${t.mixed(ALNUM, 5)}=`;
  const funcKey = () => `${b64(53)}${t.pick('AQgw', 1)}==`;
  const funcKeyNew = () => `${t.mixed(URLSAFE, 44)}AzFu${t.mixed(URLSAFE, 5)}${t.pick('AQgw', 1)}==`;
  const acsKey = () => key64();
  const aiApiKey = () => t.pick(LOWER + DIGIT, 40);
  const cogKey = () => t.hex(32);
  const adoPat = () => t.pick('abcdefghijklmnopqrstuvwxyz234567', 52);
  const adoPatNew = () =>
    `${t.mixed(ALNUM, 52)}JQQJ99${t.pick('BCDEFGHIJKL', 1)}${t.mixed(ALNUM, 17)}AZDO${t.mixed(ALNUM, 4)}`;
  const sasQuery = (perm = 'rwdlac', ss = 'b', srt = 'sco') =>
    `sv=2022-11-02&ss=${ss}&srt=${srt}&sp=${perm}&se=2027-12-31T23:59:59Z&st=2025-01-01T00:00:00Z&spr=https&sig=`;
  const okta = () => `00${t.mixed(URLSAFE, 40)}`;
  const oktaClientId = () => `0oa${t.mixed(ALNUM, 17)}`;
  const auth0Secret = () => t.mixed(URLSAFE, 64);
  const auth0ClientId = () => t.mixed(ALNUM, 32);
  const twilioKeySid = () => `SK${t.hex(32)}`;
  const twilioKeySecret = () => t.mixed(ALNUM, 32);
  const ghFine = () => `github_pat_11${t.mixed(UPPER + DIGIT, 20)}_${t.mixed(ALNUM, 59)}`;
  const slackUser = () => `xoxp-${t.digits(12)}-${t.digits(12)}-${t.digits(13)}-${t.hex(32)}`;
  const slackApp = () => `xapp-1-A${t.mixed(UPPER + DIGIT, 10)}-${t.digits(13)}-${t.hex(64)}`;
  const oauthSecret = () => t.mixed(URLSAFE, 48);
  const bcrypt = () => `$2a$11$${t.mixed(ALNUM + './', 53)}`;
  const sendgridTemplate = () => `d-${t.pick(HEX, 32)}`;
  const pgp = (kind) => {
    const priv = kind === 'private';
    const head = priv ? '9505d80465' : '99020d0465';
    const bytes = Buffer.concat([
      Buffer.from(head, 'hex'),
      Buffer.from(Array.from({ length: priv ? 1300 : 520 }, () => parseInt(t.pick(HEX, 2), 16))),
    ]);
    const lines = bytes.toString('base64').match(/.{1,64}/g);
    const label = priv ? 'PGP PRIVATE KEY BLOCK' : 'PGP PUBLIC KEY BLOCK';
    return [`-----BEGIN ${label}-----`, '', ...lines, `=${t.mixed(B64, 4)}`, `-----END ${label}-----`];
  };
  const kvRef = (vault, name) => `@Microsoft.KeyVault(SecretUri=https://${vault}.vault.azure.net/secrets/${name}/)`;
  const b64enc = (s) => Buffer.from(s).toString('base64');
  return {
    b64,
    alnumPw,
    genPw,
    guid,
    GUID,
    thumb,
    key32,
    sasSig,
    storageKey,
    storageKeyNew,
    cosmosKey,
    cosmosKeyNew,
    sbKey,
    sbKeyNew,
    ehKeyNew,
    redisKey,
    redisKeyNew,
    funcKey,
    funcKeyNew,
    acsKey,
    aiApiKey,
    cogKey,
    adoPat,
    adoPatNew,
    sasQuery,
    okta,
    oktaClientId,
    auth0Secret,
    auth0ClientId,
    twilioKeySid,
    twilioKeySecret,
    ghFine,
    slackUser,
    slackApp,
    oauthSecret,
    bcrypt,
    sendgridTemplate,
    pgp,
    kvRef,
    b64enc,
  };
}

const AZURITE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const COSMOS_EMULATOR_KEY = 'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==';

// ---- C# / .NET 8 ---------------------------------------------------------------------------------

function dotnet(repo, c) {
  const { t } = c;
  const base = 'services/patient-portal/src/PatientPortal.Api';
  const tenant = c.guid();
  const apiClientId = c.guid();

  const a = repo.file(`${base}/appsettings.json`, 'csharp');
  a.l(
    '{',
    '  "Logging": {',
    '    "LogLevel": {',
    '      "Default": "Information",',
    '      "Microsoft.AspNetCore": "Warning"',
  );
  a.l(
    '    }',
    '  },',
    '  "AllowedHosts": "*",',
    '  "AzureAd": {',
    '    "Instance": "https://login.microsoftonline.com/",',
  );
  a.d('    "Domain": "contosohealth.onmicrosoft.com",', 'tenant domain');
  a.d(`    "TenantId": "${tenant}",`, 'tenant id');
  a.d(`    "ClientId": "${apiClientId}",`, 'client id');
  a.d('    "ClientSecret": "",', 'empty');
  a.d(
    `    "ClientCertificates": [ { "SourceType": "KeyVault", "KeyVaultUrl": "https://kv-phr-prod.vault.azure.net", "KeyVaultCertificateName": "portal-api-auth" } ]`,
    'key vault certificate reference',
  );
  a.l('  },', '  "ConnectionStrings": {');
  a.d(
    '    "PortalDb": "Server=tcp:sql-phr-prod.database.windows.net,1433;Initial Catalog=portal;Authentication=Active Directory Managed Identity;Encrypt=True;",',
    'managed identity, no password',
  );
  a.d(`    "Redis": "${c.kvRef('kv-phr-prod', 'RedisConnection')}",`, 'key vault reference');
  a.d(`    "ServiceBus": "sb-phr-prod.servicebus.windows.net"`, 'namespace fqdn only');
  a.l('  },');
  const aiKey = c.guid();
  a.d(
    `  "ApplicationInsights": { "ConnectionString": "InstrumentationKey=${aiKey};IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/;LiveEndpoint=https://westeurope.livediagnostics.monitor.azure.com/;ApplicationId=${c.guid()}" },`,
    'app insights connection string: instrumentation key is an identifier',
  );
  a.d(`  "SigningCertificateThumbprint": "${c.thumb()}",`, 'certificate thumbprint');
  a.l('  "Fhir": {', '    "BaseUrl": "https://fhir.contosohealth.net/fhir/R4",');
  a.d('    "Audience": "api://fhir-phr-prod"', 'audience uri');
  a.l('  }', '}');

  const s = repo.file(`${base}/appsettings.Staging.json`, 'csharp');
  const sqlPw = t.password();
  const redisK = c.redisKey();
  const sbK = c.sbKey();
  const stK = c.storageKey();
  const cs = t.azureClientSecret();
  s.l('{', '  "ConnectionStrings": {');
  s.s(
    `    "PortalDb": "Server=tcp:sql-phr-stg.database.windows.net,1433;Initial Catalog=portal;Persist Security Info=False;User ID=portal_app;Password=${sqlPw};MultipleActiveResultSets=False;Encrypt=True;TrustServerCertificate=False;Connection Timeout=30;",`,
    'database',
    sqlPw,
  );
  s.s(
    `    "Redis": "redis-phr-stg.redis.cache.windows.net:6380,password=${redisK},ssl=True,abortConnect=False",`,
    'azure',
    redisK,
  );
  s.s(
    `    "ServiceBus": "Endpoint=sb://sb-phr-stg.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${sbK}",`,
    'azure',
    sbK,
  );
  s.s(
    `    "Documents": "DefaultEndpointsProtocol=https;AccountName=stphrdocsstg;AccountKey=${stK};EndpointSuffix=core.windows.net"`,
    'azure',
    stK,
  );
  s.l('  },', '  "AzureAd": {');
  s.d(`    "TenantId": "${tenant}",`, 'tenant id');
  s.d(`    "ClientId": "${c.guid()}",`, 'client id');
  s.s(`    "ClientSecret": "${cs}"`, 'azure', cs);
  s.l('  },', '  "Okta": {', '    "OktaDomain": "https://contosohealth.okta.com",');
  const ok = c.okta();
  s.s(`    "ApiToken": "${ok}"`, 'okta', ok);
  s.l('  },');
  s.d(`  "ApplicationInsights": { "InstrumentationKey": "${c.guid()}" },`, 'instrumentation key (identifier)');
  s.l('  "FeatureManagement": { "ProxyPhotos": true }', '}');

  const dv = repo.file(`${base}/appsettings.Development.json`, 'csharp');
  dv.l('{', '  "ConnectionStrings": {');
  dv.d(
    '    "PortalDb": "Server=(localdb)\\\\MSSQLLocalDB;Database=portal_dev;Trusted_Connection=True;MultipleActiveResultSets=true",',
    'localdb integrated auth',
  );
  dv.d('    "Redis": "localhost:6379",', 'local redis');
  dv.d(
    `    "Documents": "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${AZURITE_KEY};BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;",`,
    'Azurite well-known development key',
  );
  dv.d(
    `    "Cosmos": "AccountEndpoint=https://localhost:8081/;AccountKey=${COSMOS_EMULATOR_KEY}"`,
    'Cosmos emulator well-known key',
  );
  dv.l('  },', '  "Okta": {');
  dv.d('    "ApiToken": "<set with dotnet user-secrets>"', 'placeholder');
  dv.l('  }', '}');

  const ls = repo.file(`${base}/Properties/launchSettings.json`, 'csharp');
  const lsPw = t.password();
  const lsSg = t.sendgrid();
  ls.l(
    '{',
    '  "$schema": "http://json.schemastore.org/launchsettings.json",',
    '  "profiles": {',
    '    "PatientPortal.Api": {',
  );
  ls.l(
    '      "commandName": "Project",',
    '      "launchBrowser": true,',
    '      "applicationUrl": "https://localhost:7141;http://localhost:5141",',
    '      "environmentVariables": {',
  );
  ls.d('        "ASPNETCORE_ENVIRONMENT": "Development",', 'plain');
  ls.s(
    `        "ConnectionStrings__PortalDb": "Server=sql-phr-dev.database.windows.net;Database=portal;User Id=dev_jmorales;Password=${lsPw};Encrypt=True",`,
    'database',
    lsPw,
  );
  ls.s(`        "SendGrid__ApiKey": "${lsSg}",`, 'sendgrid', lsSg);
  ls.d('        "AZURE_CLIENT_SECRET": "%AZURE_CLIENT_SECRET%"', 'env expansion');
  ls.l('      }', '    },', '    "Docker": {', '      "commandName": "Docker",', '      "environmentVariables": {');
  ls.d(
    '        "ASPNETCORE_Kestrel__Certificates__Default__Password": "{{DEV_CERT_PASSWORD}}"',
    'template placeholder',
  );
  ls.l('      }', '    }', '  }', '}');

  const cp = repo.file(`${base}/PatientPortal.Api.csproj`, 'csharp');
  cp.l('<Project Sdk="Microsoft.NET.Sdk.Web">', '  <PropertyGroup>', '    <TargetFramework>net8.0</TargetFramework>');
  cp.d(`    <UserSecretsId>${c.guid()}</UserSecretsId>`, 'user secrets id');
  cp.l(
    '  </PropertyGroup>',
    '  <ItemGroup>',
    '    <PackageReference Include="Microsoft.Identity.Web" Version="2.19.0" />',
    '  </ItemGroup>',
    '</Project>',
  );

  const pl = repo.file(`${base}/packages.lock.json`, 'csharp');
  pl.l('{', '  "version": 1,', '  "dependencies": {', '    "net8.0": {');
  const pkgs = ['Azure.Identity', 'Azure.Storage.Blobs', 'Microsoft.Identity.Web', 'StackExchange.Redis'];
  for (const p of pkgs) {
    pl.l(
      `      "${p}": {`,
      '        "type": "Direct",',
      '        "requested": "[1.11.0, )",',
      '        "resolved": "1.11.0",',
    );
    pl.d(`        "contentHash": "${c.b64(86)}==",`, 'nuget content hash');
    pl.l('        "dependencies": {}', p === pkgs.at(-1) ? '      }' : '      },');
  }
  pl.l('    }', '  }', '}');

  const cf = repo.file(`${base}/Infrastructure/SqlConnectionFactory.cs`, 'csharp');
  const fallbackPw = t.password();
  cf.l(
    'using Microsoft.Data.SqlClient;',
    '',
    'namespace PatientPortal.Api.Infrastructure;',
    '',
    'public sealed class SqlConnectionFactory',
    '{',
  );
  cf.d(
    '    private readonly string _cs = Environment.GetEnvironmentVariable("PORTAL_DB") ?? string.Empty;',
    'env read',
  );
  cf.s(
    `    private const string ReportingFallback = "Data Source=sql-phr-prod.database.windows.net;Initial Catalog=reporting;User ID=rpt_reader;Password=${fallbackPw};Encrypt=true";`,
    'database',
    fallbackPw,
  );
  const builderPw = t.password();
  cf.l(
    '    public SqlConnection CreateEtl() => new(new SqlConnectionStringBuilder',
    '    {',
    '        DataSource = "sql-phr-prod.database.windows.net",',
    '        UserID = "etl_writer",',
  );
  cf.s(`        Password = "${builderPw}",`, 'generic', builderPw);
  cf.l('    }.ConnectionString);');
  cf.d('    private const string PasswordResetRoute = "/account/password/reset";', 'route');
  cf.l('}');

  const nc = repo.file('NuGet.Config', 'csharp');
  const pat = c.adoPat();
  nc.l('<?xml version="1.0" encoding="utf-8"?>', '<configuration>', '  <packageSources>', '    <clear />');
  nc.d('    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />', 'feed url');
  nc.d(
    '    <add key="phr-internal" value="https://pkgs.dev.azure.com/contosohealth/_packaging/phr-internal/nuget/v3/index.json" />',
    'feed url',
  );
  nc.l(
    '  </packageSources>',
    '  <packageSourceCredentials>',
    '    <phr-internal>',
    '      <add key="Username" value="build" />',
  );
  nc.s(`      <add key="ClearTextPassword" value="${pat}" />`, 'azure', pat);
  nc.l('    </phr-internal>', '  </packageSourceCredentials>', '</configuration>');

  const nb = 'services/notifications/src/Notifications.Worker';
  const np = repo.file(`${nb}/appsettings.Production.json`, 'csharp');
  const twSid = t.twilioSid();
  const twTok = t.twilioToken();
  const acs = c.acsKey();
  const sg = t.sendgrid();
  np.l('{', '  "Twilio": {');
  np.d(`    "AccountSid": "${twSid}",`, 'twilio account sid (identifier)');
  np.s(`    "AuthToken": "${twTok}",`, 'twilio', twTok);
  np.d('    "FromNumber": "+14155550143"', 'phone number');
  np.l('  },', '  "SendGrid": {');
  np.s(`    "ApiKey": "${sg}",`, 'sendgrid', sg);
  np.d(`    "AppointmentReminderTemplateId": "${c.sendgridTemplate()}"`, 'sendgrid template id');
  np.l('  },', '  "Communication": {');
  np.s(
    `    "ConnectionString": "endpoint=https://acs-phr-prod.unitedstates.communication.azure.com/;accesskey=${acs}"`,
    'azure',
    acs,
  );
  np.l('  },', '  "EventHub": {');
  const eh = c.ehKeyNew();
  np.s(
    `    "AuditStream": "Endpoint=sb://evh-phr-prod.servicebus.windows.net/;SharedAccessKeyName=send-audit;SharedAccessKey=${eh};EntityPath=audit-events"`,
    'azure',
    eh,
  );
  np.l('  },');
  np.d(
    `  "KeyVault": { "VaultUri": "https://kv-phr-prod.vault.azure.net/", "ManagedIdentityClientId": "${c.guid()}" }`,
    'vault uri and mi client id',
  );
  np.l('}');

  const ts = repo.file(`${nb}/Sms/TwilioSender.cs`, 'csharp');
  const keySid = c.twilioKeySid();
  const keySecret = c.twilioKeySecret();
  ts.l(
    'using Twilio;',
    'using Twilio.Rest.Api.V2010.Account;',
    '',
    'namespace Notifications.Worker.Sms;',
    '',
    'internal static class TwilioSender',
    '{',
  );
  ts.d(`    private const string ApiKeySid = "${keySid}";`, 'twilio api key sid (identifier)');
  ts.s(`    private const string ApiKeySecret = "${keySecret}";`, 'twilio', keySecret);
  ts.d(
    `    public static void Init(IConfiguration cfg) => TwilioClient.Init(cfg["Twilio:AccountSid"], cfg["Twilio:AuthToken"]);`,
    'config lookup',
  );
  ts.l('}');

  const cosmos = repo.file('services/care-plans/src/CarePlans.Api/appsettings.Production.json', 'csharp');
  const ck = c.cosmosKeyNew();
  const ck2 = c.cosmosKey();
  cosmos.l('{', '  "Cosmos": {', '    "Endpoint": "https://cosmos-phr-prod.documents.azure.com:443/",');
  cosmos.s(`    "Key": "${ck}",`, 'azure', ck);
  cosmos.d('    "DatabaseName": "careplans"', 'plain');
  cosmos.l('  },', '  "ConnectionStrings": {');
  cosmos.s(
    `    "CosmosReadOnly": "AccountEndpoint=https://cosmos-phr-prod.documents.azure.com:443/;AccountKey=${ck2};",`,
    'azure',
    ck2,
  );
  cosmos.d(`    "Blob": "${c.kvRef('kv-phr-prod', 'CarePlansBlob')}"`, 'key vault reference');
  cosmos.l('  }', '}');
}

// ---- Azure Functions ------------------------------------------------------------------------------

function functionsApps(repo, c) {
  const f = repo.file('functions/claims-ingest/local.settings.json', 'functions');
  const st = c.storageKeyNew();
  const sb = c.sbKeyNew();
  const cos = c.cosmosKey();
  f.l('{', '  "IsEncrypted": false,', '  "Values": {');
  f.s(
    `    "AzureWebJobsStorage": "DefaultEndpointsProtocol=https;AccountName=stclaimsingest;AccountKey=${st};EndpointSuffix=core.windows.net",`,
    'azure',
    st,
  );
  f.d('    "FUNCTIONS_WORKER_RUNTIME": "dotnet-isolated",', 'plain');
  f.s(
    `    "ClaimsQueue": "Endpoint=sb://sb-phr-prod.servicebus.windows.net/;SharedAccessKeyName=claims-listen;SharedAccessKey=${sb};EntityPath=claims-837",`,
    'azure',
    sb,
  );
  f.s(
    `    "CosmosDb": "AccountEndpoint=https://cosmos-claims.documents.azure.com:443/;AccountKey=${cos};",`,
    'azure',
    cos,
  );
  f.d(`    "APPINSIGHTS_INSTRUMENTATIONKEY": "${c.guid()}",`, 'instrumentation key (identifier)');
  f.d(`    "EligibilityApiKey": "${c.kvRef('kv-claims-prod', 'EligibilityApiKey')}"`, 'key vault reference');
  f.l('  },', '  "Host": { "LocalHttpPort": 7071, "CORS": "*" }', '}');

  const g = repo.file('functions/lab-results/local.settings.json', 'functions');
  g.l('{', '  "IsEncrypted": false,', '  "Values": {');
  g.d('    "AzureWebJobsStorage": "UseDevelopmentStorage=true",', 'development storage');
  g.d('    "FUNCTIONS_WORKER_RUNTIME": "python",', 'plain');
  g.d(
    '    "ServiceBusConnection__fullyQualifiedNamespace": "sb-phr-prod.servicebus.windows.net",',
    'identity-based connection',
  );
  g.d(
    '    "LabFeedSecret": "@Microsoft.KeyVault(VaultName=kv-phr-prod;SecretName=LabFeedSecret)",',
    'key vault reference',
  );
  const ai = c.aiApiKey();
  g.s(`    "APPINSIGHTS_API_KEY": "${ai}",`, 'azure', ai);
  const ehOld = c.sbKey();
  g.s(
    `    "LabEvents": "Endpoint=sb://evh-labs.servicebus.windows.net/;SharedAccessKeyName=listen;SharedAccessKey=${ehOld};EntityPath=hl7-oru"`,
    'azure',
    ehOld,
  );
  g.l('  }', '}');

  const h = repo.file('functions/claims-ingest/test/http/eligibility.http', 'functions');
  const fk = c.funcKeyNew();
  const fk2 = c.funcKey();
  h.l('### eligibility check against prod slot');
  h.s(`POST https://func-claims-prod.azurewebsites.net/api/eligibility?code=${fk}`, 'azure', fk);
  h.l(
    'Content-Type: application/json',
    '',
    '{ "memberId": "W123456789", "payerId": "60054" }',
    '',
    '### admin: list functions',
    'GET https://func-claims-prod.azurewebsites.net/admin/functions',
  );
  h.s(`x-functions-key: ${fk2}`, 'azure', fk2);
  h.l('', '### local');
  h.d('GET http://localhost:7071/api/eligibility?code={{functionKey}}', 'http-client variable');
}

// ---- Java: HAPI FHIR, Mirth Connect --------------------------------------------------------------

function java(repo, c) {
  const { t } = c;
  const y = repo.file('services/fhir-server/src/main/resources/application.yaml', 'java');
  const dbPw = t.password();
  const epicSecret = c.oauthSecret();
  y.l('spring:', '  main:', '    allow-circular-references: true', '  datasource:');
  y.d(
    "    url: 'jdbc:postgresql://psql-fhir-prod.postgres.database.azure.com:5432/hapi?sslmode=require'",
    'jdbc url without password',
  );
  y.l('    username: hapi_admin');
  y.s(`    password: '${dbPw}'`, 'generic', dbPw);
  y.l(
    '    driverClassName: org.postgresql.Driver',
    '  jpa:',
    '    properties:',
    '      hibernate.dialect: ca.uhn.fhir.jpa.model.dialect.HapiFhirPostgresDialect',
  );
  y.l(
    '  security:',
    '    oauth2:',
    '      client:',
    '        registration:',
    '          epic:',
    '            authorization-grant-type: client_credentials',
  );
  y.d(`            client-id: ${c.guid()}`, 'epic client id');
  y.s(`            client-secret: ${epicSecret}`, 'generic', epicSecret);
  y.l('          entra:');
  y.d('            client-secret: ${ENTRA_CLIENT_SECRET}', 'env placeholder');
  y.l('      resourceserver:', '        jwt:');
  y.d('          issuer-uri: https://login.microsoftonline.com/' + c.guid() + '/v2.0', 'issuer');
  y.l(
    'hapi:',
    '  fhir:',
    '    fhir_version: R4',
    '    server_address: https://fhir.contosohealth.net/fhir/',
    '    subscription:',
    '      email:',
  );
  y.l('        host: smtp.sendgrid.net', '        port: 587', '        username: apikey');
  const smtp = t.sendgrid();
  y.s(`        password: ${smtp}`, 'sendgrid', smtp);
  y.l('    binary_storage_enabled: true');

  const yp = repo.file('services/fhir-server/src/main/resources/application-prod.yaml', 'java');
  const azSecret = t.azureClientSecret();
  const blobKey = c.storageKey();
  yp.l('spring:', '  datasource:');
  yp.d('    password: ${HAPI_DB_PASSWORD:}', 'property placeholder with empty default');
  yp.l('azure:', '  storage:', '    account-name: stfhirbinaryprod');
  yp.s(`    account-key: ${blobKey}`, 'azure', blobKey);
  yp.l('  activedirectory:');
  yp.d(`    tenant-id: ${c.guid()}`, 'tenant id');
  yp.d(`    client-id: ${c.guid()}`, 'client id');
  yp.s(`    client-secret: "${azSecret}"`, 'azure', azSecret);
  yp.l(
    'cerner:',
    '  oauth:',
    '    token-url: https://authorization.cerner.com/tenants/' + c.guid() + '/protocols/oauth2/profiles/smart-v1/token',
  );
  yp.d(`    system-account-id: ${c.guid()}`, 'cerner system account id');
  const cerner = t.mixed(ALNUM + '-_', 32);
  yp.s(`    system-account-secret: ${cerner}`, 'generic', cerner);
  yp.l('datadog:');

  yp.d('  api-key: ${DD_API_KEY}', 'property placeholder');

  const jc = repo.file(
    'services/fhir-server/src/main/java/net/contosohealth/fhir/config/EpicClientConfig.java',
    'java',
  );
  jc.l('package net.contosohealth.fhir.config;', '', '@Configuration', 'public class EpicClientConfig {');
  jc.d('    @Value("${spring.security.oauth2.client.registration.epic.client-secret}")', 'property reference');
  jc.d('    private String clientSecret;', 'field');
  const kpw = t.password();
  jc.s(`    private static final char[] KEYSTORE_PASSWORD = "${kpw}".toCharArray();`, 'generic', kpw);
  jc.d('    private static final String TOKEN_PATH = "/oauth2/token";', 'path');
  const sasSig = c.sasSig();
  jc.s(
    `    static final String EXPORT_SAS = "https://stfhirexport.blob.core.windows.net/bulk?sp=racwl&st=2025-02-01T00:00:00Z&se=2027-02-01T00:00:00Z&spr=https&sv=2022-11-02&sr=c&sig=${sasSig}";`,
    'azure',
    sasSig,
  );
  jc.l('}');

  const pr = repo.file('integrations/mirth/conf/mirth.properties', 'java');
  const ksStore = c.alnumPw();
  const ksKey = c.alnumPw();
  const mdb = t.password();
  pr.l('# Mirth Connect configuration file', 'dir.appdata = appdata', 'http.port = 8080', 'https.port = 8443', '');
  pr.l('keystore.path = ${dir.appdata}/keystore.jks');
  pr.s(`keystore.storepass = ${ksStore}`, 'generic', ksStore);
  pr.s(`keystore.keypass = ${ksKey}`, 'generic', ksKey);
  pr.l('keystore.type = JCEKS', '', 'database = sqlserver');
  pr.d('database.url = jdbc:jtds:sqlserver://sql-mirth-prod.database.windows.net:1433/mirthdb;ssl=require', 'jdbc url');
  pr.l('database.username = mirth');
  pr.s(`database.password = ${mdb}`, 'generic', mdb);
  pr.d('encryption.key.length = 256', 'setting');

  const ch = repo.file('integrations/mirth/channels/ADT_Outbound_Clearinghouse.xml', 'java');
  const sftpPw = t.password();
  const dbPw2 = t.password();
  ch.l(
    '<channel version="4.4.2">',
    `  <id>${c.guid()}</id>`,
    '  <name>ADT Outbound - Clearinghouse SFTP</name>',
    '  <sourceConnector version="4.4.2">',
  );
  ch.l(
    '    <transportName>Database Reader</transportName>',
    '    <properties class="com.mirth.connect.connectors.jdbc.DatabaseReceiverProperties" version="4.4.2">',
  );
  ch.l('      <driver>net.sourceforge.jtds.jdbc.Driver</driver>');
  ch.d('      <url>jdbc:jtds:sqlserver://sql-phr-prod.database.windows.net:1433/adt;ssl=require</url>', 'jdbc url');
  ch.l('      <username>mirth_reader</username>');
  ch.s(`      <password>${dbPw2}</password>`, 'generic', dbPw2);
  ch.l('      <select>SELECT * FROM adt_outbox WHERE sent = 0</select>', '    </properties>', '  </sourceConnector>');
  ch.l('  <destinationConnectors>', '    <connector version="4.4.2">', '      <name>SFTP to clearinghouse</name>');
  ch.l(
    '      <properties class="com.mirth.connect.connectors.file.FileDispatcherProperties" version="4.4.2">',
    '        <scheme>SFTP</scheme>',
    '        <host>sftp.availity-partner.net/inbound/adt</host>',
  );
  ch.l('        <username>contosohealth_adt</username>');
  ch.s(`        <password>${sftpPw}</password>`, 'generic', sftpPw);
  ch.l(
    '        <schemeProperties class="com.mirth.connect.connectors.file.SftpSchemeProperties">',
    '          <passwordAuth>true</passwordAuth>',
    '          <keyAuth>false</keyAuth>',
  );
  ch.d('          <keyFile></keyFile>', 'empty');
  ch.d('          <passPhrase></passPhrase>', 'empty');
  ch.d(`          <knownHostsFile>/opt/mirth/appdata/known_hosts</knownHostsFile>`, 'path');
  ch.l('        </schemeProperties>', '      </properties>', '    </connector>');

  ch.l(
    '    <connector version="4.4.2">',
    '      <name>Webhook to care team</name>',
    '      <properties class="com.mirth.connect.connectors.http.HttpDispatcherProperties" version="4.4.2">',
  );
  const hook = t.slackWebhook();
  ch.s(`        <host>${hook}</host>`, 'slack', hook);
  ch.l(
    '        <method>post</method>',
    '        <headers class="linked-hash-map">',
    '          <entry>',
    '            <string>Authorization</string>',
    '            <list>',
  );
  ch.d('              <string>Bearer ${epicAccessToken}</string>', 'channel map variable');
  ch.l(
    '            </list>',
    '          </entry>',
    '        </headers>',
    '      </properties>',
    '    </connector>',
    '  </destinationConnectors>',
  );
  ch.l('  <codeTemplateLibraries>');
  const jsPw = t.password();
  ch.s(
    `    <code>var dbConn = DatabaseConnectionFactory.createDatabaseConnection('net.sourceforge.jtds.jdbc.Driver', 'jdbc:jtds:sqlserver://sql-phr-prod:1433/mpi', 'mpi_lookup', '${jsPw}');</code>`,
    'generic',
    jsPw,
  );
  ch.d("    <code>var pw = configurationMap.get('sftp.password');</code>", 'configuration map lookup');
  ch.l('  </codeTemplateLibraries>', '</channel>');

  const cm = repo.file('integrations/mirth/config/configurationMap.properties', 'java');
  const lab = t.password();
  const labApi = t.hex(32);
  cm.l('# Mirth configuration map (exported from Settings > Configuration Map)');
  cm.s(`labcorp.sftp.password=${lab}`, 'generic', lab);
  cm.s(`quest.api.key=${labApi}`, 'generic', labApi);
  cm.d('sftp.password=${SFTP_PASSWORD}', 'placeholder');
  cm.d('labcorp.sftp.host=sftp.labcorp-partners.com', 'host');
}

// ---- Python: ETL and FastAPI ---------------------------------------------------------------------

function python(repo, c) {
  const { t } = c;
  const e = repo.file('etl/claims_loader/jobs/load_837.py', 'python');
  const pw = t.password();
  e.l('import pyodbc', 'import pandas as pd', 'from azure.storage.blob import BlobServiceClient', '');
  e.l(
    'CONN_STR = (',
    '    "DRIVER={ODBC Driver 18 for SQL Server};"',
    '    "SERVER=tcp:sql-phr-prod.database.windows.net,1433;"',
    '    "DATABASE=claims;"',
    '    "UID=etl_writer;"',
  );
  e.s(`    "PWD=${pw};"`, 'generic', pw);
  e.l('    "Encrypt=yes;TrustServerCertificate=no;Connection Timeout=30;"', ')', '');
  const stKey = c.storageKey();
  e.s(
    `blob = BlobServiceClient.from_connection_string("DefaultEndpointsProtocol=https;AccountName=stclaimsraw;AccountKey=${stKey};EndpointSuffix=core.windows.net")`,
    'azure',
    stKey,
  );
  const pw2 = t.password();
  e.s(
    `legacy = pyodbc.connect("DRIVER={ODBC Driver 17 for SQL Server};SERVER=10.20.4.15;DATABASE=facets;UID=svc_facets_ro;PWD=${pw2}")`,
    'database',
    pw2,
  );
  e.d('mi = pyodbc.connect(CONN_MI, attrs_before={1256: token_struct})', 'token auth');
  e.d(
    'df = pd.read_sql("SELECT claim_id, member_id, paid_amount FROM dbo.claims WHERE load_date = ?", legacy, params=[run_date])',
    'sql',
  );

  const cfg = repo.file('etl/claims_loader/config.py', 'python');
  cfg.l('import os', '');
  cfg.d('SQL_PASSWORD = os.environ["SQL_PASSWORD"]', 'env read');
  const sftp = t.password();
  cfg.s(`SFTP_PASSWORD = os.environ.get("SFTP_PASSWORD", "${sftp}")`, 'generic', sftp);
  const sas = c.sasSig();
  cfg.s(`RAW_CONTAINER_SAS = "${c.sasQuery('rl', 'b', 'co')}${sas}"`, 'azure', sas);
  cfg.d('KEY_VAULT_URL = "https://kv-claims-prod.vault.azure.net/"', 'vault url');
  cfg.d(`MANAGED_IDENTITY_CLIENT_ID = "${c.guid()}"`, 'managed identity client id');
  cfg.d('PAYER_ID_AETNA = "60054"', 'payer id');
  cfg.d(`SCHEMA_VERSION_SHA = "${t.sha1()}"`, 'sha');

  const env = repo.file('etl/claims_loader/.env', 'python');
  const envPw = t.password();
  const dd = t.ddApi();
  const sb = c.sbKey();
  env.s(`SQL_PASSWORD=${envPw}`, 'generic', envPw);
  env.d('SQL_SERVER=sql-phr-prod.database.windows.net', 'host');
  env.s(`DD_API_KEY=${dd}`, 'datadog', dd);
  env.s(
    `SERVICEBUS_CONNECTION_STRING=Endpoint=sb://sb-phr-prod.servicebus.windows.net/;SharedAccessKeyName=etl-send;SharedAccessKey=${sb}`,
    'azure',
    sb,
  );
  env.d('AZURE_CLIENT_ID=' + c.guid(), 'client id');
  const ecs = t.azureClientSecret();
  env.s(`AZURE_CLIENT_SECRET=${ecs}`, 'azure', ecs);
  env.d('AZURE_TENANT_ID=' + c.guid(), 'tenant id');

  const envEx = repo.file('etl/claims_loader/.env.example', 'python');
  envEx.d('SQL_PASSWORD=', 'empty');
  envEx.d('DD_API_KEY=<datadog-api-key>', 'placeholder');
  envEx.d(
    'SERVICEBUS_CONNECTION_STRING=Endpoint=sb://<namespace>.servicebus.windows.net/;SharedAccessKeyName=<policy>;SharedAccessKey=<key>',
    'placeholder',
  );
  envEx.d('AZURE_CLIENT_SECRET=your-client-secret', 'placeholder');

  const st = repo.file('services/scheduling-api/app/settings.py', 'python');
  st.l(
    'from pydantic_settings import BaseSettings, SettingsConfigDict',
    '',
    '',
    'class Settings(BaseSettings):',
    '    model_config = SettingsConfigDict(env_file=".env")',
    '',
  );
  st.d(
    '    database_url: str = "postgresql+asyncpg://scheduling@localhost:5432/scheduling"',
    'local url without password',
  );
  const redisK = c.redisKeyNew();
  st.s(`    redis_url: str = "rediss://:${redisK}@redis-phr-prod.redis.cache.windows.net:6380/0"`, 'azure', redisK);
  const auth0 = c.auth0Secret();
  st.d(`    auth0_client_id: str = "${c.auth0ClientId()}"`, 'auth0 client id');
  st.s(`    auth0_client_secret: str = "${auth0}"`, 'auth0', auth0);
  st.d('    auth0_domain: str = "contosohealth.us.auth0.com"', 'domain');
  const jwtSecret = t.mixed(URLSAFE, 64);
  st.s(`    jwt_signing_key: str = "${jwtSecret}"`, 'generic', jwtSecret);
  st.d('    twilio_auth_token: str = ""', 'empty');
  st.d('    epic_private_key_path: str = "/mnt/secrets/epic-backend.pem"', 'path');
  st.l('', '', 'settings = Settings()');

  const m = repo.file('services/scheduling-api/app/clients/epic.py', 'python');
  m.l(
    'import httpx',
    'import jwt',
    '',
    'EPIC_TOKEN_URL = "https://fhir.epic.com/interconnect-fhir-oauth/oauth2/token"',
  );
  m.d(`EPIC_CLIENT_ID = "${c.guid()}"`, 'epic client id (public)');
  m.d('EPIC_JWKS_KID = "contosohealth-2025-01"', 'kid');
  const basicPw = t.password();
  m.l('', '', 'async def fetch_slots(client: httpx.AsyncClient):');
  m.s(
    `    r = await client.get("https://scheduling.partner-clinic.org/api/v2/slots", auth=("contoso_sched", "${basicPw}"))`,
    'generic',
    basicPw,
  );
  m.d('    r = await client.get(url, headers={"Authorization": f"Bearer {token}"})', 'variable');
  m.l('    return r.json()');

  const tf = repo.file('services/scheduling-api/tests/conftest.py', 'python');
  tf.l('import pytest', '', '', '@pytest.fixture');
  tf.l('def settings_override(monkeypatch):');
  tf.d('    monkeypatch.setenv("AUTH0_CLIENT_SECRET", "test-secret-not-real")', 'test fixture');
  tf.d('    monkeypatch.setenv("JWT_SIGNING_KEY", "unit-test-signing-key")', 'test fixture');
  tf.d('    monkeypatch.setenv("REDIS_URL", "redis://localhost:6379/15")', 'local');
  tf.d('    monkeypatch.setenv("TWILIO_AUTH_TOKEN", "0" * 32)', 'zeroed');

  const rq = repo.file('etl/claims_loader/requirements.txt', 'python');
  rq.d(`pyodbc==5.1.0 --hash=sha256:${t.sha256()}`, 'pip hash');
  rq.d(`azure-storage-blob==12.19.1 --hash=sha256:${t.sha256()}`, 'pip hash');
  rq.d(`pandas==2.2.2 --hash=sha256:${t.sha256()}`, 'pip hash');
}

// ---- R: Rprofile, Renviron, RMarkdown ------------------------------------------------------------

function rlang(repo, c) {
  const { t } = c;
  const ren = repo.file('analytics/.Renviron', 'r');
  const pw = t.password();
  const gh = t.github();
  ren.d('R_LIBS_USER=~/R/phr-library', 'path');
  ren.l('PHR_SQL_SERVER=sql-phr-analytics.database.windows.net', 'PHR_SQL_USER=analyst_ro');
  ren.s(`PHR_SQL_PWD=${pw}`, 'generic', pw);
  ren.s(`GITHUB_PAT=${gh}`, 'github', gh);
  ren.d('CONNECT_SERVER=https://rsconnect.contosohealth.net', 'url');
  const rsc = t.mixed(ALNUM, 32);
  ren.s(`CONNECT_API_KEY=${rsc}`, 'generic', rsc);

  const rp = repo.file('analytics/.Rprofile', 'r');

  rp.l('options(repos = c(CRAN = "https://packagemanager.posit.co/cran/latest"))', 'source("renv/activate.R")');
  rp.d('Sys.setenv(TZ = "America/Chicago")', 'plain');
  const sas = c.sasSig();
  rp.s(`Sys.setenv(AZURE_STORAGE_SAS = "${c.sasQuery('rl', 'b', 'co')}${sas}")`, 'azure', sas);
  rp.d('Sys.setenv(DD_APP_KEY = Sys.getenv("DATADOG_APP_KEY"))', 'env read');
  rp.d('Sys.setenv(PHR_SQL_PWD = keyring::key_get("phr-analytics", "analyst_ro"))', 'keyring lookup');

  const rmd = repo.file('analytics/reports/readmission-30day.Rmd', 'r');
  const pw2 = t.password();
  rmd.l(
    '---',
    'title: "30-day readmission, CHF cohort"',
    'output: html_document',
    '---',
    '',
    '```{r setup, include=FALSE}',
    'library(DBI)',
    'library(odbc)',
  );
  rmd.l(
    'con <- dbConnect(odbc::odbc(),',
    '                 Driver = "ODBC Driver 18 for SQL Server",',
    '                 Server = "sql-phr-analytics.database.windows.net",',
    '                 Database = "edw",',
    '                 UID = "analyst_ro",',
  );
  rmd.s(`                 PWD = "${pw2}",`, 'generic', pw2);
  rmd.l('                 Port = 1433)', '```', '', '```{r dev-connection, eval=FALSE}');
  rmd.d(
    'con <- dbConnect(odbc::odbc(), dsn = "edw", uid = Sys.getenv("PHR_SQL_USER"), pwd = Sys.getenv("PHR_SQL_PWD"))',
    'env read',
  );
  rmd.d(
    'con <- dbConnect(odbc::odbc(), dsn = "edw", pwd = rstudioapi::askForPassword("EDW password"))',
    'interactive prompt',
  );
  rmd.l('```', '', '```{r pg}');
  const pgpw = c.alnumPw();
  rmd.s(
    `pg <- dbConnect(RPostgres::Postgres(), host = "psql-registry.postgres.database.azure.com", user = "registry", password = "${pgpw}", dbname = "registry")`,
    'generic',
    pgpw,
  );
  rmd.l('```', '', 'Cohort: adults with index admission for CHF (ICD-10 I50.*) between 2023-01-01 and 2024-12-31.');

  const dbr = repo.file('analytics/R/db.R', 'r');
  dbr.l('edw_connect <- function() {');
  dbr.d('  pwd <- Sys.getenv("PHR_SQL_PWD", unset = NA)', 'env read');
  dbr.d('  if (is.na(pwd)) stop("PHR_SQL_PWD is not set")', 'check');
  dbr.l('  DBI::dbConnect(odbc::odbc(), dsn = "edw", pwd = pwd)', '}');
  const cosK = c.cosmosKey();
  dbr.s(`cosmos_key <- "${cosK}"`, 'azure', cosK);
  dbr.d('cosmos_endpoint <- "https://cosmos-phr-prod.documents.azure.com:443/"', 'endpoint');
}

// ---- TypeScript: React admin and Node BFF --------------------------------------------------------

function typescript(repo, c) {
  const { t } = c;
  const ve = repo.file('apps/admin/.env.production', 'typescript');
  ve.d(`VITE_AUTH0_CLIENT_ID=${c.auth0ClientId()}`, 'auth0 spa client id (public)');
  ve.d('VITE_AUTH0_DOMAIN=contosohealth.us.auth0.com', 'domain');
  ve.d('VITE_API_BASE_URL=https://bff.contosohealth.net', 'url');
  ve.d(
    `VITE_APPINSIGHTS_CONNECTION_STRING=InstrumentationKey=${c.guid()};IngestionEndpoint=https://eastus-8.in.applicationinsights.azure.com/`,
    'browser app insights (identifier)',
  );
  const mapsKey = t.mixed(URLSAFE, 43);
  ve.s(`VITE_AZURE_MAPS_SUBSCRIPTION_KEY=${mapsKey}`, 'azure', mapsKey);
  const dsn = t.hex(32);
  ve.d(`VITE_DATADOG_RUM_CLIENT_TOKEN=pub${dsn}`, 'datadog rum client token (public)');

  const ac = repo.file('apps/admin/src/authConfig.ts', 'typescript');
  ac.l(
    "import { Configuration } from '@azure/msal-browser';",
    '',
    'export const msalConfig: Configuration = {',
    '  auth: {',
  );
  ac.d(`    clientId: '${c.guid()}',`, 'spa client id');
  ac.d(`    authority: 'https://login.microsoftonline.com/${c.guid()}',`, 'authority');
  ac.d('    redirectUri: window.location.origin,', 'plain');
  ac.l('  },', '};', '', 'export const loginRequest = {');
  ac.d("  scopes: ['api://phr-bff/Patients.Read'],", 'scope');
  ac.l('};');

  const ad = repo.file('apps/admin/src/api/reports.ts', 'typescript');
  const fnKey = c.funcKey();
  ad.l("import axios from 'axios';", '');
  ad.s(`const REPORTS_FN = 'https://func-reports-prod.azurewebsites.net/api/monthly?code=${fnKey}';`, 'azure', fnKey);
  ad.d('export const getMonthly = (month: string) => axios.get(`${REPORTS_FN}&month=${month}`);', 'template literal');

  const bc = repo.file('apps/bff/src/config.ts', 'typescript');
  const ok = c.okta();
  const tw = t.twilioToken();
  const sl = t.slackBot();
  bc.l(
    "import 'dotenv/config';",
    '',
    'export const config = {',
    '  okta: {',
    "    orgUrl: 'https://contosohealth.okta.com',",
  );
  bc.d(`    clientId: '${c.oktaClientId()}',`, 'okta client id');
  bc.s(`    token: process.env.OKTA_API_TOKEN ?? '${ok}',`, 'okta', ok);
  bc.l('  },', '  twilio: {');
  bc.d(`    accountSid: '${t.twilioSid()}',`, 'twilio account sid (identifier)');
  bc.s(`    authToken: '${tw}',`, 'twilio', tw);
  bc.l('  },', '  slack: {');
  bc.s(`    botToken: '${sl}',`, 'slack', sl);
  bc.d("    channel: 'C04PHRALERTS',", 'channel id');
  bc.l('  },');
  bc.d('  sessionSecret: process.env.SESSION_SECRET!,', 'env read');
  const cookie = t.mixed(ALNUM, 48);
  bc.s(`  cookieSecret: '${cookie}',`, 'generic', cookie);
  bc.l('};');

  const be = repo.file('apps/bff/.env', 'typescript');
  const auth0 = c.auth0Secret();
  const ghApp = t.github('ghs_');
  const redis = c.redisKey();
  be.d('NODE_ENV=production', 'plain');
  be.d(`AUTH0_CLIENT_ID=${c.auth0ClientId()}`, 'auth0 client id');
  be.s(`AUTH0_CLIENT_SECRET=${auth0}`, 'auth0', auth0);
  be.s(`GITHUB_TOKEN=${ghApp}`, 'github', ghApp);
  be.s(`REDIS_PASSWORD=${redis}`, 'azure', redis);
  be.d('SESSION_SECRET=', 'empty');
  const phiKey = c.key32();
  be.s(`PHI_FIELD_ENCRYPTION_KEY=${phiKey}`, 'generic', phiKey);
  be.d(
    `SENDGRID_WEBHOOK_VERIFICATION_KEY=MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE${c.b64(86)}==`,
    'sendgrid signed-webhook public key',
  );

  const ok2 = repo.file('apps/bff/src/clients/okta.ts', 'typescript');
  const ok2tok = c.okta();
  ok2.l("import okta from '@okta/okta-sdk-nodejs';", '');
  ok2.d('const token = process.env.OKTA_API_TOKEN;', 'env read');
  ok2.l('export const oktaClient = new okta.Client({', "  orgUrl: 'https://contosohealth-admin.okta.com',");
  ok2.s(`  token: '${ok2tok}',`, 'okta', ok2tok);
  ok2.l('});', '', 'export async function deactivate(userId: string) {');
  const ssws = c.okta();
  ok2.s(
    `  return fetch(\`https://contosohealth.okta.com/api/v1/users/\${userId}/lifecycle/deactivate\`, { method: 'POST', headers: { Authorization: 'SSWS ${ssws}' } });`,
    'okta',
    ssws,
  );
  ok2.l('}');

  const auth0m = repo.file('apps/bff/src/clients/auth0-management.ts', 'typescript');
  const mgmt = t.jwt();
  auth0m.l("import { ManagementClient } from 'auth0';", '');
  auth0m.l('export const management = new ManagementClient({', "  domain: 'contosohealth.us.auth0.com',");
  auth0m.s(`  token: '${mgmt}',`, 'jwt', mgmt);
  auth0m.l('});');

  const test = repo.file('apps/bff/test/fixtures/users.json', 'typescript');
  test.l('[');
  test.d(`  { "email": "jane.doe@example.org", "password": "Password1!", "mrn": "MRN-000123" },`, 'test fixture');
  test.d(`  { "email": "john.roe@example.org", "passwordHash": "${c.bcrypt()}" }`, 'bcrypt hash');
  test.l(']');

  const pj = repo.file('apps/bff/package.json', 'typescript');
  pj.l('{', '  "name": "@contosohealth/bff",', '  "version": "3.8.0",', '  "scripts": {');
  pj.d('    "start": "node dist/server.js",', 'plain');
  pj.d('    "dev": "OKTA_API_TOKEN=$OKTA_API_TOKEN tsx watch src/server.ts"', 'env reference');
  pj.l('  }', '}');
}

// ---- PowerShell deployment scripts --------------------------------------------------------------

function powershell(repo, c) {
  const { t } = c;
  const d = repo.file('deploy/scripts/Deploy-PortalInfra.ps1', 'powershell');
  const spSecret = t.azureClientSecret();
  const tenant = c.guid();
  d.l(
    '[CmdletBinding()]',
    'param(',
    "    [string]$Environment = 'prod',",
    "    [string]$ResourceGroup = 'rg-phr-prod-eus'",
    ')',
    '',
    "$ErrorActionPreference = 'Stop'",
  );
  d.d(`$tenantId = '${tenant}'`, 'tenant id');
  d.d(`$appId    = '${c.guid()}'`, 'service principal app id');
  d.s(`$secure   = ConvertTo-SecureString '${spSecret}' -AsPlainText -Force`, 'azure', spSecret);
  d.l('$cred     = New-Object System.Management.Automation.PSCredential($appId, $secure)');
  d.d('Connect-AzAccount -ServicePrincipal -Credential $cred -Tenant $tenantId | Out-Null', 'cmdlet using variables');
  d.d(`Set-AzContext -Subscription '${c.guid()}'`, 'subscription id');
  const sqlPw = t.password();
  d.s(`$sqlAdminPassword = ConvertTo-SecureString -String "${sqlPw}" -AsPlainText -Force`, 'generic', sqlPw);
  d.l(
    'New-AzResourceGroupDeployment -ResourceGroupName $ResourceGroup -TemplateFile ./infra/bicep/main.bicep `',
    '    -sqlAdministratorLoginPassword $sqlAdminPassword -environmentName $Environment',
  );
  d.d(
    '$fromVault = Get-AzKeyVaultSecret -VaultName kv-phr-prod -Name SqlAdminPassword -AsPlainText',
    'key vault lookup',
  );
  d.d('$prompted = Read-Host -Prompt "Break-glass password" -AsSecureString', 'interactive prompt');
  d.d('$env:ARM_CLIENT_SECRET | ConvertTo-SecureString -AsPlainText -Force', 'env reference');

  const r = repo.file('deploy/scripts/Restore-ReportingDb.ps1', 'powershell');
  const pw = t.password();
  const pw2 = t.password();
  r.l('Import-Module SqlServer', '');
  r.s(
    `Invoke-Sqlcmd -ServerInstance 'sql-phr-prod.database.windows.net' -Database 'reporting' -Username 'phr_dbadmin' -Password '${pw}' -InputFile ./db/post-restore.sql`,
    'generic',
    pw,
  );
  r.s(
    `$conn = "Server=tcp:sql-phr-prod.database.windows.net,1433;Database=master;User ID=phr_dbadmin;Password=${pw2};Encrypt=True"`,
    'database',
    pw2,
  );
  r.d(
    'Invoke-Sqlcmd -ConnectionString $conn -Query "ALTER DATABASE reporting SET READ_COMMITTED_SNAPSHOT ON"',
    'variable',
  );
  r.d(
    'Invoke-Sqlcmd -ServerInstance $server -AccessToken (Get-AzAccessToken -ResourceUrl https://database.windows.net).Token -Query $q',
    'token from cmdlet',
  );
  const stk = c.storageKey();
  r.s(`$ctx = New-AzStorageContext -StorageAccountName 'stphrbackups' -StorageAccountKey '${stk}'`, 'azure', stk);
  r.d('$ctx2 = New-AzStorageContext -StorageAccountName stphrbackups -UseConnectedAccount', 'managed auth');
  r.d(`Get-AzStorageBlob -Container 'bacpac' -Context $ctx | Where-Object Name -like '*reporting*'`, 'cmdlet');

  const k = repo.file('deploy/scripts/Rotate-PartnerKeys.ps1', 'powershell');
  const sas = c.sasSig();
  const ghPat = c.ghFine();
  const cert = t.password();
  k.l('# Rotates the partner SFTP keys and uploads the new public key to the exchange container');
  k.s(
    `$sasUrl = "https://stpartnerexchange.blob.core.windows.net/keys?${c.sasQuery('rwl', 'b', 'co')}${sas}"`,
    'azure',
    sas,
  );
  k.s(`$headers = @{ Authorization = "Bearer ${ghPat}"; Accept = 'application/vnd.github+json' }`, 'github', ghPat);
  k.d(
    'Invoke-RestMethod -Uri "https://api.github.com/repos/contosohealth/partner-keys/contents/keys.asc" -Headers $headers -Method Put -Body $body',
    'variable',
  );
  k.s(
    `Import-PfxCertificate -FilePath .\\sftp-client.pfx -CertStoreLocation Cert:\\LocalMachine\\My -Password (ConvertTo-SecureString '${cert}' -AsPlainText -Force)`,
    'generic',
    cert,
  );
  k.d(`$thumb = '${c.thumb()}'`, 'certificate thumbprint');
  k.d('$pfxPassword = ConvertTo-SecureString $env:PFX_PASSWORD -AsPlainText -Force', 'env reference');

  const p = repo.file('deploy/scripts/profile/Connect-PhrTenant.ps1', 'powershell');
  const pw3 = t.password();
  p.l('function Connect-PhrTenant {');
  p.d('    $tenant = "contosohealth.onmicrosoft.com"', 'tenant');
  p.s(`    $pass = ConvertTo-SecureString "${pw3}" -AsPlainText -Force`, 'generic', pw3);
  p.l(
    '    $cred = [pscredential]::new("svc-automation@contosohealth.onmicrosoft.com", $pass)',
    '    Connect-AzAccount -Credential $cred -Tenant $tenant',
    '}',
  );
}

// ---- Bash backup and partner scripts ------------------------------------------------------------

function bash(repo, c) {
  const { t } = c;
  const b = repo.file('ops/backup/backup-sql.sh', 'bash');
  const pw = t.password();
  b.l('#!/usr/bin/env bash', 'set -euo pipefail', 'STAMP=$(date +%Y%m%d%H%M)');
  b.s(
    `sqlcmd -S tcp:sql-phr-prod.database.windows.net,1433 -d portal -U phr_backup -P '${pw}' -Q "EXEC dbo.usp_export_audit" -o /tmp/audit-$STAMP.csv`,
    'generic',
    pw,
  );
  b.d('sqlcmd -S "$SQL_SERVER" -d portal -G -Q "SELECT 1"', 'entra auth');
  const sas = c.sasSig();
  b.s(
    `azcopy copy "/var/backups/phr/*.bak" "https://stphrbackups.blob.core.windows.net/sql-nightly?${c.sasQuery('rwlac', 'b', 'co')}${sas}" --recursive`,
    'azure',
    sas,
  );
  b.d('azcopy login --identity --identity-client-id "$MI_CLIENT_ID"', 'managed identity');
  b.d('azcopy copy "$SRC" "https://stphrbackups.blob.core.windows.net/sql-nightly?${SAS_TOKEN}"', 'variable');
  const stk = c.storageKey();
  b.s(`export AZURE_STORAGE_KEY='${stk}'`, 'azure', stk);
  b.l('az storage blob upload-batch --account-name stphrbackups -d sql-nightly -s /var/backups/phr');
  const wh = t.slackWebhook();
  b.s(
    `curl -s -X POST -H 'Content-type: application/json' --data "{\\"text\\":\\"backup $STAMP ok\\"}" ${wh}`,
    'slack',
    wh,
  );

  const s = repo.file('ops/partners/push-eligibility.sh', 'bash');
  const sftpPw = t.password();
  s.l('#!/usr/bin/env bash', '# Pushes the 834 eligibility file to the payer SFTP', 'set -euo pipefail');
  s.l('FILE=/data/outbound/834/CONTOSO_834_$(date +%Y%m%d).x12');
  s.s(
    `SSHPASS='${sftpPw}' sshpass -e sftp -oBatchMode=no -b - contoso834@sftp.bcbs-partner.com <<EOF`,
    'generic',
    sftpPw,
  );
  s.l('put $FILE /inbound/', 'bye', 'EOF');
  const lftpPw = c.alnumPw();
  s.s(
    `lftp -u contoso_rx,${lftpPw} sftp://mft.pbm-partner.net -e "mirror -R /data/outbound/ncpdp /in; quit"`,
    'generic',
    lftpPw,
  );
  s.d('sftp -i ~/.ssh/partner_ed25519 -oIdentitiesOnly=yes contoso@sftp.lab-partner.com', 'key file path');
  s.d('gpg --batch --yes --recipient "EDI Partner <edi@clearinghouse.example>" --encrypt "$FILE"', 'gpg recipient');
  const gpgPass = t.password();
  s.s(
    `gpg --batch --pinentry-mode loopback --passphrase '${gpgPass}' --decrypt inbound/999_ack.x12.gpg > inbound/999_ack.x12`,
    'generic',
    gpgPass,
  );

  const cr = repo.file('ops/backup/crontab', 'bash');
  const cpw = c.alnumPw();
  cr.d('MAILTO=dba@contosohealth.net', 'email');
  cr.l('15 2 * * * /opt/phr/ops/backup/backup-sql.sh >> /var/log/phr-backup.log 2>&1');
  cr.s(
    `30 3 * * 0 PGPASSWORD=${cpw} pg_dump -h psql-fhir-prod.postgres.database.azure.com -U hapi_admin hapi | gzip > /var/backups/hapi.sql.gz`,
    'generic',
    cpw,
  );

  const ssh = repo.file('ops/partners/config/ssh_config', 'bash');
  ssh.l('Host clearinghouse', '  HostName sftp.availity-partner.net', '  User contosohealth_adt');
  ssh.d('  IdentityFile ~/.ssh/clearinghouse_rsa', 'path');
  ssh.d(
    `  # host key SHA256:${Buffer.from(t.pick(HEX, 64), 'hex').toString('base64').replace(/=+$/, '')}`,
    'host key fingerprint',
  );
}

// ---- SQL migrations and seed data ---------------------------------------------------------------

function sql(repo, c) {
  const { t } = c;
  const m = repo.file('db/migrations/V001__logins_and_users.sql', 'sql');
  const etl = t.password();
  const rpt = t.password();
  const mirth = c.genPw(24);
  m.l('-- Run against master on sql-phr-prod', 'USE [master];', 'GO');
  m.s(`CREATE LOGIN [etl_writer] WITH PASSWORD = N'${etl}', CHECK_POLICY = ON;`, 'generic', etl);
  m.s(`CREATE LOGIN rpt_reader WITH PASSWORD = '${rpt}';`, 'generic', rpt);
  m.s(`ALTER LOGIN [mirth] WITH PASSWORD = N'${mirth}';`, 'generic', mirth);
  m.d('CREATE LOGIN [phr-etl-mi] FROM EXTERNAL PROVIDER;', 'entra login');
  m.d(
    `CREATE LOGIN [legacy_rpt] WITH PASSWORD = 0x0200${t.pick('0123456789ABCDEF', 136)} HASHED, SID = 0x${t.pick('0123456789ABCDEF', 32)};`,
    'password hash from sp_help_revlogin',
  );
  m.l('GO', 'USE [portal];', 'GO');
  const contained = t.password();
  m.s(`CREATE USER [portal_app] WITH PASSWORD = '${contained}', DEFAULT_SCHEMA = [app];`, 'generic', contained);
  m.d('CREATE USER [func-claims-prod] FROM EXTERNAL PROVIDER;', 'entra user');
  m.d('ALTER ROLE db_datareader ADD MEMBER [rpt_reader];', 'plain');

  const x = repo.file('db/migrations/V014__external_data_sources.sql', 'sql');
  const mk = t.password();
  const sas = c.sasSig();
  x.s(`CREATE MASTER KEY ENCRYPTION BY PASSWORD = '${mk}';`, 'generic', mk);
  x.l('GO', 'CREATE DATABASE SCOPED CREDENTIAL [cred_stphrlake]', "WITH IDENTITY = 'SHARED ACCESS SIGNATURE',");
  x.s(
    `     SECRET = 'sv=2022-11-02&ss=b&srt=co&sp=rl&se=2027-01-31T05:00:00Z&st=2025-01-31T05:00:00Z&spr=https&sig=${sas}';`,
    'azure',
    sas,
  );
  x.l('GO', 'CREATE DATABASE SCOPED CREDENTIAL [cred_lake_mi]');
  x.d("WITH IDENTITY = 'Managed Identity';", 'managed identity');
  x.l(
    'GO',
    'CREATE EXTERNAL DATA SOURCE [lake] WITH (',
    "    LOCATION = 'https://stphrlake.blob.core.windows.net/curated',",
    '    CREDENTIAL = [cred_stphrlake]',
    ');',
  );
  const linkedPw = t.password();
  x.s(
    `EXEC sp_addlinkedsrvlogin @rmtsrvname = N'FACETS', @useself = N'False', @rmtuser = N'svc_link', @rmtpassword = N'${linkedPw}';`,
    'generic',
    linkedPw,
  );

  const sd = repo.file('db/seed/020_integration_endpoints.sql', 'sql');
  const epic = c.oauthSecret();
  const change = t.mixed(ALNUM, 40);
  const twTok = t.twilioToken();
  sd.l('INSERT INTO integration.endpoints (name, base_url, client_id, client_secret, created_at) VALUES');
  sd.s(
    `  ('epic-prod', 'https://fhir.stlukes-epic.org/api/FHIR/R4', '${c.guid()}', '${epic}', SYSUTCDATETIME()),`,
    'generic',
    epic,
  );
  sd.s(
    `  ('change-healthcare', 'https://apigw.changehealthcare.com', 'contosohealth-prod', '${change}', SYSUTCDATETIME()),`,
    'generic',
    change,
  );
  sd.d(
    "  ('cerner-sandbox', 'https://fhir-ehr-code.cerner.com/r4/ec2458f2-1e24-41c8-b71b-0e701af7583d', 'sandbox-client', NULL, SYSUTCDATETIME());",
    'public sandbox, null secret',
  );
  sd.l('', 'UPDATE integration.settings');
  sd.s(`SET value = '${twTok}'`, 'twilio', twTok);
  sd.l("WHERE name = 'twilio.auth_token';");
  sd.d(
    "UPDATE integration.settings SET value = '$(TwilioAuthToken)' WHERE name = 'twilio.auth_token';",
    'sqlcmd variable',
  );

  const u = repo.file('db/seed/030_demo_users.sql', 'sql');
  u.l('-- Demo users for the staging portal; passwords are bcrypt hashes');
  for (const name of ['demo.patient', 'demo.provider', 'demo.admin'])
    u.d(
      `INSERT INTO app.users (username, password_hash, role) VALUES ('${name}', '${c.bcrypt()}', 'user');`,
      'bcrypt hash',
    );
  u.d(`INSERT INTO app.api_clients (name, key_sha256) VALUES ('kiosk', '${t.sha256()}');`, 'sha256 of key');
  u.d("INSERT INTO app.users (username, password_hash) VALUES ('locked', '!');", 'disabled');

  const sq = repo.file('db/sqlcmd/deploy-vars.sql', 'sql');
  sq.d(':setvar EtlPassword "$(ETL_PASSWORD)"', 'sqlcmd variable');
  const sv = t.password();
  sq.s(`:setvar ReportingPassword "${sv}"`, 'generic', sv);
  sq.l("ALTER LOGIN rpt_reader WITH PASSWORD = '$(ReportingPassword)';");
}

// ---- Bicep and ARM templates --------------------------------------------------------------------

function bicepArm(repo, c) {
  const { t } = c;
  const b = repo.file('infra/bicep/main.bicep', 'bicep');
  b.l(
    "targetScope = 'resourceGroup'",
    '',
    'param location string = resourceGroup().location',
    "param environmentName string = 'prod'",
  );
  b.d('@secure()', 'decorator');
  b.d('param sqlAdministratorLoginPassword string', 'secure param without default');
  b.d('@secure()', 'decorator');
  const def = t.password();
  b.s(`param mirthDbPassword string = '${def}'`, 'generic', def);
  b.l(
    '',
    "resource sql 'Microsoft.Sql/servers@2023-05-01-preview' = {",
    "  name: 'sql-phr-${environmentName}'",
    '  location: location',
    '  properties: {',
    "    administratorLogin: 'phr_sqladmin'",
  );
  b.d('    administratorLoginPassword: sqlAdministratorLoginPassword', 'param reference');
  b.l(
    '  }',
    '}',
    '',
    "resource vm 'Microsoft.Compute/virtualMachines@2023-09-01' = {",
    "  name: 'vm-mirth-${environmentName}'",
    '  location: location',
    '  properties: {',
    '    osProfile: {',
    "      computerName: 'mirth01'",
    "      adminUsername: 'mirthadmin'",
  );
  const vmPw = t.password();
  b.s(`      adminPassword: '${vmPw}'`, 'generic', vmPw);
  b.l('    }', '  }', '}', '');
  b.d("output storageKey string = listKeys(st.id, '2023-01-01').keys[0].value", 'listKeys expression');
  b.d("var kvSecretUri = '${kv.properties.vaultUri}secrets/SqlAdminPassword'", 'interpolated uri');
  b.l(
    "resource appSettings 'Microsoft.Web/sites/config@2023-01-01' = {",
    "  name: 'appsettings'",
    '  parent: portal',
    '  properties: {',
  );
  b.d(
    "    SqlPassword: '@Microsoft.KeyVault(VaultName=kv-phr-${environmentName};SecretName=SqlAdminPassword)'",
    'key vault reference',
  );
  const twilio = t.twilioToken();
  b.s(`    Twilio__AuthToken: '${twilio}'`, 'twilio', twilio);
  b.l('  }', '}');

  const bp = repo.file('infra/bicep/main.prod.bicepparam', 'bicep');
  const bpPw = t.password();
  bp.l("using './main.bicep'", '', "param environmentName = 'prod'");
  bp.s(`param sqlAdministratorLoginPassword = '${bpPw}'`, 'generic', bpPw);
  bp.d(
    "param mirthDbPassword = az.getSecret('" + c.guid() + "', 'rg-phr-shared', 'kv-phr-prod', 'MirthDbPassword')",
    'getSecret reference',
  );

  const p = repo.file('infra/bicep/main.parameters.prod.json', 'bicep');
  p.l(
    '{',
    '  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",',
    '  "contentVersion": "1.0.0.0",',
    '  "parameters": {',
  );
  p.l('    "sqlAdministratorLoginPassword": {', '      "reference": {', '        "keyVault": {');
  p.d(
    `          "id": "/subscriptions/${c.guid()}/resourceGroups/rg-phr-shared/providers/Microsoft.KeyVault/vaults/kv-phr-prod"`,
    'key vault resource id',
  );
  p.l('        },');
  p.d('        "secretName": "SqlAdminPassword"', 'secret name');
  p.l('      }', '    },', '    "mirthDbPassword": {');
  const mp = t.password();
  p.s(`      "value": "${mp}"`, 'generic', mp);
  p.l('    },', '    "environmentName": {');
  p.d('      "value": "prod"', 'plain');
  p.l('    }', '  }', '}');

  const arm = repo.file('infra/arm/partner-vpn/azuredeploy.parameters.json', 'bicep');
  const psk = c.genPw(32);
  const vmPw2 = t.password();
  arm.l(
    '{',
    '  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",',
    '  "contentVersion": "1.0.0.0",',
    '  "parameters": {',
  );
  arm.l('    "sharedKey": {');
  arm.s(`      "value": "${psk}"`, 'generic', psk);
  arm.l('    },', '    "adminPassword": {');
  arm.s(`      "value": "${vmPw2}"`, 'generic', vmPw2);
  arm.l('    },', '    "gatewayCertThumbprint": {');
  arm.d(`      "value": "${c.thumb()}"`, 'thumbprint');
  arm.l('    },', '    "localGatewayIp": {');
  arm.d('      "value": "203.0.113.17"', 'ip');
  arm.l('    }', '  }', '}');

  const az = repo.file('infra/arm/partner-vpn/azuredeploy.json', 'bicep');
  az.l(
    '{',
    '  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",',
    '  "parameters": {',
    '    "sharedKey": {',
  );
  az.d('      "type": "securestring",', 'type');
  az.d('      "defaultValue": "[newGuid()]"', 'template function');
  az.l(
    '    },',
    '    "adminPassword": { "type": "securestring" }',
    '  },',
    '  "resources": [',
    '    {',
    '      "type": "Microsoft.Network/connections",',
    '      "properties": {',
  );
  az.d('        "sharedKey": "[parameters(\'sharedKey\')]"', 'parameters() expression');
  az.l('      }', '    },', '    {', '      "type": "Microsoft.Web/sites/config",', '      "properties": {');
  const stk = c.storageKey();
  az.s(
    `        "AzureWebJobsStorage": "DefaultEndpointsProtocol=https;AccountName=stmirthfunc;AccountKey=${stk}",`,
    'azure',
    stk,
  );
  az.d(
    "        \"AzureWebJobsDashboard\": \"[concat('DefaultEndpointsProtocol=https;AccountName=', variables('st'), ';AccountKey=', listKeys(variables('stId'), '2019-06-01').keys[0].value)]\"",
    'arm listKeys expression',
  );
  az.l('      }', '    }', '  ]', '}');
}

// ---- AKS manifests and Helm ----------------------------------------------------------------------

function aks(repo, c) {
  const { t } = c;
  const sec = repo.file('deploy/aks/base/portal-secrets.yaml', 'k8s');
  const sqlPw = t.password();
  const sbK = c.sbKeyNew();
  const okta = c.okta();
  sec.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: portal-api',
    '  namespace: phr',
    'type: Opaque',
    'data:',
  );
  sec.s(
    `  ConnectionStrings__PortalDb: ${c.b64enc(`Server=tcp:sql-phr-prod.database.windows.net,1433;Database=portal;User ID=portal_app;Password=${sqlPw};Encrypt=True`)}`,
    'database',
    sqlPw,
  );
  sec.s(
    `  ServiceBus__ConnectionString: ${c.b64enc(`Endpoint=sb://sb-phr-prod.servicebus.windows.net/;SharedAccessKeyName=portal;SharedAccessKey=${sbK}`)}`,
    'azure',
    sbK,
  );
  sec.s(`  Okta__ApiToken: ${c.b64enc(okta)}`, 'okta', okta);
  sec.d(`  ASPNETCORE_ENVIRONMENT: ${c.b64enc('Production')}`, 'base64 of a plain setting');
  sec.l('stringData:');
  const dd = t.ddApi();
  sec.s(`  DD_API_KEY: ${dd}`, 'datadog', dd);

  const spc = repo.file('deploy/aks/base/secret-provider-class.yaml', 'k8s');
  spc.l(
    'apiVersion: secrets-store.csi.x-k8s.io/v1',
    'kind: SecretProviderClass',
    'metadata:',
    '  name: kv-phr-prod',
    'spec:',
    '  provider: azure',
    '  parameters:',
  );
  spc.d('    usePodIdentity: "false"', 'plain');
  spc.d(`    clientID: "${c.guid()}"`, 'workload identity client id');
  spc.d('    keyvaultName: kv-phr-prod', 'vault name');
  spc.d(`    tenantId: "${c.guid()}"`, 'tenant id');
  spc.l(
    '    objects: |',
    '      array:',
    '        - |',
    '          objectName: SqlAdminPassword',
    '          objectType: secret',
  );

  const dep = repo.file('deploy/aks/base/fhir-deployment.yaml', 'k8s');
  dep.l(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: fhir-server',
    'spec:',
    '  template:',
    '    metadata:',
    '      labels:',
  );
  dep.d('        azure.workload.identity/use: "true"', 'label');
  dep.l('    spec:', '      containers:', '        - name: hapi');
  dep.d(`          image: crphrprod.azurecr.io/fhir-server@sha256:${t.sha256()}`, 'image digest');
  dep.l(
    '          env:',
    '            - name: SPRING_DATASOURCE_PASSWORD',
    '              valueFrom:',
    '                secretKeyRef:',
  );
  dep.d('                  name: fhir-db', 'secretKeyRef');
  dep.d('                  key: password', 'secretKeyRef key');
  dep.l('            - name: HAPI_FHIR_SUBSCRIPTION_EMAIL_PASSWORD');
  const smtp = t.sendgrid();
  dep.s(`              value: ${smtp}`, 'sendgrid', smtp);
  dep.l('            - name: CERNER_SYSTEM_ACCOUNT_SECRET');
  const cer = t.mixed(ALNUM + '-_', 32);
  dep.s(`              value: "${cer}"`, 'generic', cer);
  dep.l('            - name: APPLICATIONINSIGHTS_CONNECTION_STRING');
  dep.d(
    `              value: "InstrumentationKey=${c.guid()};IngestionEndpoint=https://eastus2-3.in.applicationinsights.azure.com/"`,
    'app insights (identifier)',
  );

  const pull = repo.file('deploy/aks/base/acr-pull-secret.yaml', 'k8s');
  const acrPw = `${c.b64(42)}+ACR${c.b64(6)}`;
  const dockercfg = c.b64enc(
    JSON.stringify({
      auths: {
        'crphrprod.azurecr.io': { username: 'crphrprod', password: acrPw, auth: c.b64enc(`crphrprod:${acrPw}`) },
      },
    }),
  );
  pull.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: acr-pull',
    'type: kubernetes.io/dockerconfigjson',
    'data:',
  );
  pull.s(`  .dockerconfigjson: ${dockercfg}`, 'azure', acrPw);

  const hv = repo.file('deploy/helm/phr-platform/values-prod.yaml', 'k8s');
  hv.l('global:', '  environment: prod', '  azureTenantId: ' + c.guid());
  hv.l('portalApi:', '  image:', '    repository: crphrprod.azurecr.io/patient-portal-api');
  hv.d(`    tag: "${t.sha1().slice(0, 8)}"`, 'short sha tag');
  hv.l('  secrets:');
  const redis = c.redisKeyNew();
  hv.s(`    redisPassword: ${redis}`, 'azure', redis);
  hv.d('    sqlPassword: ""', 'empty');
  hv.d('    existingSecret: portal-api', 'secret name');
  hv.l('mirth:', '  database:', '    username: mirth');
  const mp = t.password();
  hv.s(`    password: "${mp}"`, 'generic', mp);
  hv.l('  keystore:');
  hv.d('    password: changeit', 'java default keystore password');
  hv.l('datadog:');
  const dda = t.ddApi();

  hv.s(`  apiKey: ${dda}`, 'datadog', dda);
  hv.d('  appKeyExistingSecret: datadog-app-key', 'secret name');
  hv.d('  site: us3.datadoghq.com', 'plain');
  hv.l('ingress:', '  tls:');
  hv.d('    - secretName: phr-wildcard-tls', 'secret name');

  const hd = repo.file('deploy/helm/phr-platform/values.yaml', 'k8s');
  hd.l('portalApi:', '  secrets:');
  hd.d('    redisPassword: ""', 'empty');
  hd.d('    oktaApiToken: "<okta-api-token>"', 'placeholder');
  hd.l('mirth:', '  database:');
  hd.d('    password: "{{ .Values.global.mirthDbPassword }}"', 'template');
  hd.l('datadog:');
  hd.d('  apiKey: ""', 'empty');
  hd.d('  apiKeyExistingSecret: datadog-secret', 'secret name');

  const tpl = repo.file('deploy/helm/phr-platform/templates/mirth-secret.yaml', 'k8s');
  tpl.l('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: {{ include "phr.fullname" . }}-mirth', 'stringData:');
  tpl.d('  database-password: {{ .Values.mirth.database.password | quote }}', 'helm template');
  tpl.d(
    '  keystore-password: {{ required "mirth.keystore.password" .Values.mirth.keystore.password | quote }}',
    'helm template',
  );

  const sealed = repo.file('deploy/aks/overlays/prod/sealed-twilio.yaml', 'k8s');
  sealed.l(
    'apiVersion: bitnami.com/v1alpha1',
    'kind: SealedSecret',
    'metadata:',
    '  name: twilio',
    '  namespace: phr',
    'spec:',
    '  encryptedData:',
  );
  sealed.d(`    authToken: AgB${c.b64(600)}==`, 'sealed secret ciphertext');

  const kz = repo.file('deploy/aks/overlays/prod/kustomization.yaml', 'k8s');
  kz.l(
    'apiVersion: kustomize.config.k8s.io/v1beta1',
    'kind: Kustomization',
    'resources:',
    '  - ../../base',
    'secretGenerator:',
    '  - name: bff',
    '    literals:',
  );
  const auth0 = c.auth0Secret();
  kz.s(`      - AUTH0_CLIENT_SECRET=${auth0}`, 'auth0', auth0);
  kz.d('      - AUTH0_DOMAIN=contosohealth.us.auth0.com', 'domain');
  kz.l('    envs:');
  kz.d('      - bff.env', 'file reference');
}

// ---- Azure DevOps pipelines ---------------------------------------------------------------------

function pipelines(repo, c) {
  const { t } = c;
  const p = repo.file('.azure-pipelines/deploy-prod.yml', 'ci');
  p.l('trigger:', '  branches:', '    include: [main]', '', 'variables:', '  - group: phr-prod-secrets');
  p.l('  - name: sqlServer', '    value: sql-phr-prod.database.windows.net', '  - name: sqlAdminPassword');
  const pw = t.password();
  p.s(`    value: '${pw}'`, 'generic', pw);
  p.l('  - name: armClientSecret');
  const cs = t.azureClientSecret();
  p.s(`    value: ${cs}`, 'azure', cs);
  p.l('  - name: dockerRegistryServiceConnection');
  p.d(`    value: '${c.guid()}'`, 'service connection id');
  p.l(
    '',
    'stages:',
    '  - stage: Deploy',
    '    jobs:',
    '      - deployment: infra',
    '        environment: phr-prod',
    '        strategy:',
    '          runOnce:',
    '            deploy:',
    '              steps:',
  );
  p.l('                - task: AzureCLI@2', '                  inputs:');
  p.d("                    azureSubscription: 'sc-phr-prod-workload-identity'", 'service connection name');
  p.l('                    scriptType: pscore', '                    inlineScript: |');
  p.d(
    '                      az deployment group create -g rg-phr-prod-eus -f infra/bicep/main.bicep -p sqlAdministratorLoginPassword=$(sqlAdminPassword)',
    'pipeline variable macro',
  );
  const sas = c.sasSig();
  p.s(
    `                      azcopy sync ./dist "https://stphrweb.blob.core.windows.net/\\$web?${c.sasQuery('rwdl', 'b', 'co')}${sas}"`,
    'azure',
    sas,
  );
  p.l(
    '                - task: SqlAzureDacpacDeployment@1',
    '                  inputs:',
    '                    ServerName: $(sqlServer)',
    '                    SqlUsername: phr_sqladmin',
  );
  p.d('                    SqlPassword: $(sqlAdminPassword)', 'pipeline variable macro');
  p.l('                - script: |');
  const slack = t.slackWebhook();
  p.s(
    `                    curl -X POST -d '{"text":"prod deploy $(Build.BuildNumber) done"}' ${slack}`,
    'slack',
    slack,
  );
  p.l('                  env:');
  p.d('                    SYSTEM_ACCESSTOKEN: $(System.AccessToken)', 'system token macro');

  const v = repo.file('.azure-pipelines/templates/vars-staging.yml', 'ci');
  v.l('variables:');
  const ghPat = t.github();
  const npmPat = c.adoPatNew();
  v.s(`  GITHUB_RELEASE_TOKEN: ${ghPat}`, 'github', ghPat);
  v.s(`  AZURE_ARTIFACTS_PAT: ${npmPat}`, 'azure', npmPat);
  v.d('  SQL_PASSWORD: $(SqlPasswordFromKeyVault)', 'macro');
  v.d("  TWILIO_AUTH_TOKEN: ${{ variables['twilio.authToken'] }}", 'template expression');
  v.d('  AZURE_CLIENT_ID: ' + c.guid(), 'client id');

  const gh = repo.file('.github/workflows/mirror-to-ado.yml', 'ci');
  gh.l(
    'name: mirror',
    'on: { push: { branches: [main] } }',
    'jobs:',
    '  mirror:',
    '    runs-on: ubuntu-latest',
    '    steps:',
  );
  gh.d(`      - uses: actions/checkout@${t.sha1()}`, 'pinned sha');
  gh.l('      - run: |');
  const adoPat = c.adoPat();
  gh.s(
    `          git push --mirror https://build:${adoPat}@dev.azure.com/contosohealth/phr/_git/phr-monorepo`,
    'azure',
    adoPat,
  );
  gh.d(
    '          git push --mirror https://build:${{ secrets.ADO_PAT }}@dev.azure.com/contosohealth/phr/_git/phr-monorepo',
    'actions secret',
  );
  gh.l('      - uses: azure/login@v2', '        with:');
  gh.d('          client-id: ${{ secrets.AZURE_CLIENT_ID }}', 'secret ref');
  gh.d(`          tenant-id: ${c.guid()}`, 'tenant id');
  gh.d(`          subscription-id: ${c.guid()}`, 'subscription id');

  const npmrc = repo.file('apps/admin/.npmrc', 'ci');
  const artPat = c.adoPat();
  npmrc.l('registry=https://pkgs.dev.azure.com/contosohealth/_packaging/phr-npm/npm/registry/', 'always-auth=true');
  npmrc.d('//pkgs.dev.azure.com/contosohealth/_packaging/phr-npm/npm/registry/:username=contosohealth', 'username');
  npmrc.s(
    `//pkgs.dev.azure.com/contosohealth/_packaging/phr-npm/npm/registry/:_password=${c.b64enc(artPat)}`,
    'azure',
    artPat,
  );
  npmrc.d(
    "//pkgs.dev.azure.com/contosohealth/_packaging/phr-npm/npm/registry/:email=npm requires email to be set but doesn't use the value",
    'documented filler',
  );
}

// ---- Terraform azurerm ---------------------------------------------------------------------------

function terraform(repo, c) {
  const { t } = c;
  const pr = repo.file('infra/terraform/providers.tf', 'terraform');
  const cs = t.azureClientSecret();
  pr.l(
    'terraform {',
    '  required_providers {',
    '    azurerm = { source = "hashicorp/azurerm", version = "~> 3.110" }',
    '  }',
    '  backend "azurerm" {',
  );
  pr.d('    resource_group_name  = "rg-phr-tfstate"', 'plain');
  pr.d('    storage_account_name = "stphrtfstate"', 'plain');
  const bk = c.storageKey();
  pr.s(`    access_key           = "${bk}"`, 'azure', bk);
  pr.l('  }', '}', '', 'provider "azurerm" {', '  features {}');
  pr.d(`  subscription_id = "${c.guid()}"`, 'subscription id');
  pr.d(`  client_id       = "${c.guid()}"`, 'client id');
  pr.s(`  client_secret   = "${cs}"`, 'azure', cs);
  pr.d(`  tenant_id       = "${c.guid()}"`, 'tenant id');
  pr.l('}', '', 'provider "datadog" {');
  pr.d('  api_key = var.datadog_api_key', 'variable');
  pr.d('  app_key = var.datadog_app_key', 'variable');
  pr.l('}');

  const m = repo.file('infra/terraform/sql.tf', 'terraform');
  m.l(
    'resource "azurerm_mssql_server" "phr" {',
    '  name                         = "sql-phr-prod"',
    '  version                      = "12.0"',
    '  administrator_login          = "phr_sqladmin"',
  );
  const pw = t.password();
  m.s(`  administrator_login_password = "${pw}"`, 'generic', pw);
  m.l('}', '', 'resource "azurerm_mssql_server" "reporting" {', '  name                         = "sql-phr-reporting"');
  m.d('  administrator_login_password = random_password.reporting.result', 'resource reference');
  m.l('}', '', 'resource "azurerm_key_vault_secret" "sql" {', '  name         = "SqlAdminPassword"');
  m.d('  value        = azurerm_mssql_server.phr.administrator_login_password', 'reference');
  m.d('  key_vault_id = data.azurerm_key_vault.phr.id', 'reference');
  m.l('}', '', 'resource "azurerm_linux_web_app" "portal" {', '  app_settings = {');
  m.d(
    '    "ConnectionStrings__Redis" = "@Microsoft.KeyVault(SecretUri=${azurerm_key_vault_secret.redis.versionless_id})"',
    'key vault reference',
  );
  const sg = t.sendgrid();
  m.s(`    "SendGrid__ApiKey"         = "${sg}"`, 'sendgrid', sg);
  m.d('    "APPINSIGHTS_INSTRUMENTATIONKEY" = azurerm_application_insights.phr.instrumentation_key', 'reference');
  m.l('  }', '}');

  const tv = repo.file('infra/terraform/envs/prod.auto.tfvars', 'terraform');
  const dd = t.ddApi();
  const ddApp = t.ddApp();
  const ghTok = t.github();
  tv.d('location = "eastus2"', 'plain');
  tv.s(`datadog_api_key = "${dd}"`, 'datadog', dd);
  tv.s(`datadog_app_key = "${ddApp}"`, 'datadog', ddApp);
  tv.s(`github_token    = "${ghTok}"`, 'github', ghTok);
  tv.d('okta_api_token  = ""', 'empty');
  tv.d(`aks_admin_group_object_ids = ["${c.guid()}"]`, 'object id');
  const vpn = c.genPw(32);
  tv.s(`partner_vpn_shared_key = "${vpn}"`, 'generic', vpn);

  const ex = repo.file('infra/terraform/envs/example.tfvars', 'terraform');
  ex.d('datadog_api_key = "<datadog-api-key>"', 'placeholder');
  ex.d('github_token    = "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"', 'placeholder');
  ex.d('partner_vpn_shared_key = "CHANGE_ME"', 'placeholder');

  const st = repo.file('infra/terraform/terraform.tfstate.backup', 'terraform');
  const stPw = t.password();
  const stKey = c.storageKeyNew();
  st.l('{', '  "version": 4,', '  "terraform_version": "1.8.5",');
  st.d(`  "lineage": "${c.guid()}",`, 'lineage uuid');
  st.l(
    '  "resources": [',
    '    {',
    '      "type": "azurerm_mssql_server",',
    '      "instances": [',
    '        {',
    '          "attributes": {',
  );
  st.s(`            "administrator_login_password": "${stPw}",`, 'generic', stPw);
  st.l(
    '            "fully_qualified_domain_name": "sql-phr-prod.database.windows.net"',
    '          }',
    '        }',
    '      ]',
    '    },',
    '    {',
    '      "type": "azurerm_storage_account",',
    '      "instances": [',
    '        {',
    '          "attributes": {',
  );
  st.s(`            "primary_access_key": "${stKey}",`, 'azure', stKey);
  st.s(
    `            "primary_connection_string": "DefaultEndpointsProtocol=https;AccountName=stphrlake;AccountKey=${stKey};EndpointSuffix=core.windows.net",`,
    'azure',
    stKey,
  );
  st.d(
    `            "id": "/subscriptions/${c.guid()}/resourceGroups/rg-phr-data/providers/Microsoft.Storage/storageAccounts/stphrlake"`,
    'resource id',
  );
  st.l(
    '          }',
    '        }',
    '      ]',
    '    },',
    '    {',
    '      "type": "azurerm_application_insights",',
    '      "instances": [',
    '        {',
    '          "attributes": {',
  );
  st.d(`            "instrumentation_key": "${c.guid()}",`, 'instrumentation key (identifier)');
  st.d(`            "app_id": "${c.guid()}"`, 'app id');
  st.l('          }', '        }', '      ]', '    }', '  ]', '}');
}

// ---- Docker and compose -------------------------------------------------------------------------

function docker(repo, c) {
  const { t } = c;
  const d = repo.file('etl/claims_loader/Dockerfile', 'docker');
  d.d(`FROM python:3.12-slim@sha256:${t.sha256()}`, 'image digest');
  d.l(
    'RUN curl -fsSL https://packages.microsoft.com/keys/microsoft.asc | gpg --dearmor -o /usr/share/keyrings/microsoft-prod.gpg \\',
    '    && ACCEPT_EULA=Y apt-get install -y msodbcsql18',
  );
  d.d('ARG PIP_INDEX_URL', 'arg without value');
  const pat = c.adoPat();
  d.s(
    `ENV PIP_EXTRA_INDEX_URL=https://build:${pat}@pkgs.dev.azure.com/contosohealth/_packaging/phr-py/pypi/simple/`,
    'azure',
    pat,
  );
  d.d(
    'RUN --mount=type=secret,id=pip_token PIP_EXTRA_INDEX_URL=$(cat /run/secrets/pip_token) pip install -r requirements.txt',
    'build secret mount',
  );
  const sqlPw = t.password();
  d.s(`ENV SQL_PASSWORD="${sqlPw}"`, 'generic', sqlPw);
  d.l('COPY . /app', 'CMD ["python", "-m", "claims_loader"]');

  const cmp = repo.file('docker-compose.yml', 'docker');
  const sa = t.password();
  cmp.l('services:', '  mssql:', '    image: mcr.microsoft.com/mssql/server:2022-latest', '    environment:');
  cmp.d('      ACCEPT_EULA: "Y"', 'plain');
  cmp.s(`      MSSQL_SA_PASSWORD: "${sa}"`, 'generic', sa);
  cmp.l(
    '  azurite:',
    '    image: mcr.microsoft.com/azure-storage/azurite',
    '  mirth:',
    '    image: nextgenhealthcare/connect:4.4.2',
    '    environment:',
  );
  cmp.d('      - DATABASE=sqlserver', 'plain');
  const mpw = t.password();
  cmp.s(`      - DATABASE_PASSWORD=${mpw}`, 'generic', mpw);
  cmp.d('      - KEYSTORE_STOREPASS=${MIRTH_KEYSTORE_STOREPASS:?set it in .env}', 'env interpolation');
  cmp.l('  portal-api:', '    build: ./services/patient-portal', '    environment:');
  cmp.d(
    `      - ConnectionStrings__Documents=DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${AZURITE_KEY};BlobEndpoint=http://azurite:10000/devstoreaccount1;`,
    'Azurite well-known key',
  );
  cmp.s(
    `      - ConnectionStrings__PortalDb=Server=mssql;Database=portal;User Id=sa;Password=${sa};TrustServerCertificate=True`,
    'database',
    sa,
  );
  cmp.d('      - Okta__ApiToken=${OKTA_API_TOKEN}', 'env interpolation');

  const ov = repo.file('docker-compose.override.yml', 'docker');
  ov.l('services:', '  mssql:', '    environment:');
  ov.d('      MSSQL_SA_PASSWORD: "yourStrong(!)Password"', 'Microsoft docs example password');
  ov.l('  fhir:', '    image: hapiproject/hapi:v7.2.0', '    environment:');
  ov.d('      spring.datasource.password: admin', 'hapi docker default');

  ov.l('  datadog:', '    image: gcr.io/datadoghq/agent:7', '    environment:');
  ov.d('      - DD_API_KEY=${DD_API_KEY}', 'env interpolation');
}

// ---- Jupyter notebook ----------------------------------------------------------------------------

function notebook(repo, c) {
  const { t } = c;
  const nb = repo.file('analytics/notebooks/cohort-diabetes-a1c.ipynb', 'notebook');
  const pw = t.password();
  const sas = c.sasSig();
  const outPw = t.password();
  const js = (s) => JSON.stringify(s);
  nb.l(
    '{',
    ' "cells": [',
    '  {',
    '   "cell_type": "markdown",',
    '   "metadata": {},',
    '   "source": [',
    '    "# Diabetes cohort: A1c control by clinic\\n",',
    '    "Cohort from EDW, de-identified before export."',
    '   ]',
    '  },',
  );
  nb.l(
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 1,',
    '   "metadata": {},',
    '   "outputs": [],',
    '   "source": [',
  );
  nb.l(`    ${js('import pyodbc, pandas as pd\n')},`);
  nb.s(
    `    ${js(`conn = pyodbc.connect("Driver={ODBC Driver 18 for SQL Server};Server=sql-phr-analytics.database.windows.net;Database=edw;Uid=analyst_ro;Pwd=${pw};Encrypt=yes")\n`)},`,
    'database',
    pw,
  );
  nb.d(`    ${js('# conn = pyodbc.connect(os.environ["EDW_CONN"])\n')},`, 'commented env read');
  nb.s(`    ${js(`LAKE_SAS = "${c.sasQuery('rl', 'b', 'co')}${sas}"`)}`, 'azure', sas);
  nb.l(
    '   ]',
    '  },',
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
    `      ${js(`Connected: DRIVER={ODBC Driver 18 for SQL Server};SERVER=sql-phr-analytics.database.windows.net;DATABASE=edw;UID=svc_cohorts;PWD=${outPw}\n`)},`,
    'database',
    outPw,
  );
  nb.l(`      ${js('rows: 18342\n')}`, '     ]', '    },', '    {', '     "data": {');
  nb.d(`      "image/png": "${t.pngBase64()}",`, 'base64 plot');
  nb.l(
    '      "text/plain": ["<Figure size 800x600 with 1 Axes>"]',
    '     },',
    '     "metadata": {},',
    '     "output_type": "display_data"',
    '    }',
    '   ],',
    '   "source": [',
  );
  nb.d(`    ${js('print("Connected:", conn.getinfo(pyodbc.SQL_DRIVER_NAME))\n')},`, 'code');
  nb.l(
    `    ${js('df = pd.read_sql(COHORT_SQL, conn)')}`,
    '   ]',
    '  },',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 3,',
    '   "metadata": {},',
    '   "outputs": [],',
    '   "source": [',
  );
  const dd = t.ddApi();
  nb.s(`    ${js(`os.environ["DD_API_KEY"] = "${dd}"\n`)},`, 'datadog', dd);
  nb.d(`    ${js('token = getpass.getpass("EDW password: ")')}`, 'interactive prompt');
  nb.l(
    '   ]',
    '  }',
    ' ],',
    ' "metadata": {',
    '  "kernelspec": {"display_name": "Python 3 (cohorts)", "language": "python", "name": "python3"}',
    ' },',
    ' "nbformat": 4,',
    ' "nbformat_minor": 5',
    '}',
  );
}

// ---- HL7 / FHIR integration configs, partner PGP keys --------------------------------------------

function integrations(repo, c) {
  const { t } = c;
  const i = repo.file('integrations/hl7/interfaces.yaml', 'integration');
  i.l('interfaces:', '  - name: stlukes-adt-inbound', '    protocol: mllp', '    listen: 0.0.0.0:6661', '    tls:');
  i.d('      certificate: /etc/phr/tls/mllp.crt', 'path');
  i.d('      key: /etc/phr/tls/mllp.key', 'path');
  const kpw = c.alnumPw();
  i.s(`      keyPassword: ${kpw}`, 'generic', kpw);
  i.l(
    '  - name: quest-oru-results',
    '    protocol: sftp',
    '    host: sftp.questdiagnostics-partner.com',
    '    username: contoso_oru',
  );
  const qpw = t.password();
  i.s(`    password: "${qpw}"`, 'generic', qpw);
  i.d('    pollInterval: 300', 'plain');
  i.l(
    '  - name: surescripts-ncpdp',
    '    protocol: https',
    '    url: https://smr-cert.surescripts.net/erx/contosohealth',
    '    auth:',
    '      type: basic',
    '      username: CONTOSO01',
  );
  const ss = t.password();
  i.s(`      password: ${ss}`, 'generic', ss);
  i.l(
    '  - name: registry-vxu',
    '    protocol: soap',
    '    url: https://iis.health.state.example.gov/ws/submitSingleMessage',
  );
  i.d('    facilityId: "2203"', 'id');
  i.d('    password: ${IIS_SOAP_PASSWORD}', 'env placeholder');

  const smart = repo.file('integrations/fhir/epic-backend-services.json', 'integration');
  const epicKey = t.rsaPem();
  const d = t.mixed(URLSAFE, 342);
  smart.l('{', '  "token_endpoint": "https://fhir.stlukes-epic.org/interconnect-fhir-oauth/oauth2/token",');
  smart.d(`  "client_id": "${c.guid()}",`, 'epic client id (public)');
  smart.l(
    '  "jwks": {',
    '    "keys": [',
    '      {',
    '        "kty": "RSA",',
    '        "kid": "contosohealth-2025-01",',
    '        "alg": "RS384",',
  );
  smart.d(`        "n": "${t.mixed(URLSAFE, 342)}",`, 'jwk public modulus');
  smart.d('        "e": "AQAB",', 'public exponent');
  smart.s(`        "d": "${d}",`, 'private-key', d);
  smart.l(
    `        "p": "${t.mixed(URLSAFE, 171)}",`,
    `        "q": "${t.mixed(URLSAFE, 171)}"`,
    '      }',
    '    ]',
    '  },',
  );
  smart.s(`  "private_key_pem": ${JSON.stringify(epicKey.join('\n') + '\n')}`, 'private-key', epicKey.join('\n'));
  smart.l('}');

  const jwks = repo.file('integrations/fhir/.well-known/jwks.json', 'integration');
  jwks.l(
    '{',
    '  "keys": [',
    '    {',
    '      "kty": "RSA",',
    '      "kid": "contosohealth-2025-01",',
    '      "use": "sig",',
  );
  jwks.d(`      "n": "${t.mixed(URLSAFE, 342)}",`, 'public jwk modulus');
  jwks.d('      "e": "AQAB"', 'public exponent');
  jwks.l('    }', '  ]', '}');

  const cer = repo.file('integrations/cerner/oauth.properties', 'integration');
  cer.l('cerner.tenant=' + c.guid());
  cer.d('cerner.client.id=' + c.guid(), 'client id');
  const csec = t.mixed(ALNUM + '-_', 32);
  cer.s(`cerner.client.secret=${csec}`, 'generic', csec);
  cer.d('cerner.scopes=system/Patient.read system/Observation.read', 'scopes');

  const pgpPriv = c.pgp('private');
  const pk = repo.file('integrations/partners/keys/contosohealth-edi-private.asc', 'keys');
  pk.s(pgpPriv, 'private-key', pgpPriv.join('\n'));
  const pub = repo.file('integrations/partners/keys/availity-public.asc', 'keys');
  pub.d(c.pgp('public'), 'partner PGP public key');

  const cert = repo.file('integrations/hl7/tls/mllp.crt', 'keys');
  cert.d(
    [
      '-----BEGIN CERTIFICATE-----',
      `MIIF${c.b64(60)}`,
      ...Array.from({ length: 8 }, () => c.b64(64)),
      `${c.b64(40)}==`,
      '-----END CERTIFICATE-----',
    ],
    'public certificate',
  );

  const key = repo.file('integrations/hl7/tls/mllp.key', 'keys');
  const pkcs8 = t.pkcs8Pem();
  key.s(pkcs8, 'private-key', pkcs8.join('\n'));

  const msg = repo.file('integrations/hl7/samples/ADT_A04.hl7', 'integration');
  msg.d(
    `MSH|^~\\&|EPIC|STLUKES|PHR|CONTOSO|20250314101500||ADT^A04^ADT_A01|${t.digits(10)}|P|2.5.1`,
    'hl7 header with control id',
  );
  msg.d(
    'PID|1||MRN123456^^^STLUKES^MR||DOE^JANE^Q||19800101|F|||123 MAIN ST^^SPRINGFIELD^IL^62701',
    'synthetic patient',
  );
  msg.d(`ZAU|1|AUTHCODE^${t.pick('0123456789ABCDEF', 16)}`, 'authorization code field (payer reference)');
}

// ---- Logs ------------------------------------------------------------------------------------------

function logs(repo, c) {
  const { t } = c;
  const iis = repo.file('logs/iis/W3SVC1/u_ex251104.log', 'logs');
  iis.l(
    '#Software: Microsoft Internet Information Services 10.0',
    '#Version: 1.0',
    '#Date: 2025-11-04 00:00:12',
    '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) sc-status sc-substatus sc-win32-status time-taken',
  );
  iis.d('2025-11-04 00:00:12 10.40.2.5 GET /healthz - 443 - 10.40.0.4 kube-probe/1.29 200 0 0 3', 'plain');
  const fk = c.funcKey();
  iis.s(
    `2025-11-04 00:02:41 10.40.2.5 POST /api/eligibility code=${encodeURIComponent(fk)} 443 - 52.168.14.2 Mirth/4.4.2 200 0 0 118`,
    'azure',
    encodeURIComponent(fk),
  );
  const pw = c.alnumPw();
  iis.s(
    `2025-11-04 00:03:09 10.40.2.5 GET /legacy/login.aspx user=kiosk01&password=${pw} 443 - 10.12.8.44 Mozilla/5.0 302 0 0 41`,
    'generic',
    pw,
  );
  iis.d(
    '2025-11-04 00:03:10 10.40.2.5 GET /legacy/login.aspx user=kiosk01&password=*** 443 - 10.12.8.44 Mozilla/5.0 302 0 0 40',
    'masked',
  );
  const sas = c.sasSig();
  iis.s(
    `2025-11-04 00:04:55 10.40.2.5 GET /documents/download ${c.sasQuery('r', 'b', 'o')}${sas} 443 - 73.19.201.6 Mozilla/5.0 200 0 0 512`,
    'azure',
    sas,
  );
  iis.d(
    `2025-11-04 00:05:01 10.40.2.5 GET /api/patients/${c.guid()} - 443 ${'CONTOSO\\jmorales'} 10.12.8.44 Mozilla/5.0 200 0 0 22`,
    'guid in path',
  );

  const ai = repo.file('logs/appinsights/exceptions-2025-11-04.json', 'logs');
  const sqlPw = t.password();
  const redisK = c.redisKey();
  ai.d(
    `{"time":"2025-11-04T00:07:13.221Z","iKey":"${c.guid()}","name":"Microsoft.ApplicationInsights.Exception","data":{"baseData":{"problemId":"SqlException at PortalDb.Open"}}}`,
    'ikey (identifier)',
  );
  ai.s(
    `{"time":"2025-11-04T00:07:13.229Z","iKey":"${c.guid()}","data":{"baseData":{"message":"Login failed for connection 'Server=tcp:sql-phr-prod.database.windows.net,1433;User ID=portal_app;Password=${sqlPw};'"}}}`,
    'database',
    sqlPw,
  );
  ai.s(
    `{"time":"2025-11-04T00:09:40.001Z","data":{"baseData":{"properties":{"RedisConnection":"redis-phr-prod.redis.cache.windows.net:6380,password=${redisK},ssl=True"}}}}`,
    'azure',
    redisK,
  );
  ai.d(
    `{"time":"2025-11-04T00:09:41.001Z","data":{"baseData":{"properties":{"operation_Id":"${t.hex(32)}","RedisConnection":"redis-phr-prod.redis.cache.windows.net:6380,password=****,ssl=True"}}}}`,
    'masked + operation id',
  );
  const bearer = t.jwt();
  ai.s(
    `{"time":"2025-11-04T00:11:02.500Z","data":{"baseData":{"type":"HTTP","target":"fhir.contosohealth.net","properties":{"request.headers":"Authorization: Bearer ${bearer}"}}}}`,
    'jwt',
    bearer,
  );

  const pl = repo.file('logs/pipelines/deploy-prod-20251104.2.log', 'logs');
  pl.l('2025-11-04T02:10:01.0000000Z ##[section]Starting: AzureCLI');
  pl.d(
    '2025-11-04T02:10:03.1130000Z az deployment group create -g rg-phr-prod-eus -f infra/bicep/main.bicep -p sqlAdministratorLoginPassword=***',
    'masked by agent',
  );
  pl.d(`2025-11-04T02:10:04.2210000Z ##[debug]Agent.JobId=${c.guid()}`, 'job id');
  const leaked = c.genPw(22);
  pl.s(
    `2025-11-04T02:10:09.9920000Z ##[debug]Evaluating: variables['mirthDbPassword'] => '${leaked}'`,
    'generic',
    leaked,
  );
  const adoTok = c.adoPat();
  pl.s(
    `2025-11-04T02:10:12.0010000Z git -c http.extraheader="AUTHORIZATION: basic ${c.b64enc(`build:${adoTok}`)}" fetch --force --tags --prune origin`,
    'azure',
    adoTok,
  );
  pl.d(
    '2025-11-04T02:10:12.0020000Z git -c http.extraheader="AUTHORIZATION: bearer ***" fetch --force origin',
    'masked',
  );
  pl.d(`2025-11-04T02:10:20.0000000Z Uploaded artifact drop sha256=${t.sha256()}`, 'checksum');
}

// ---- Docs ----------------------------------------------------------------------------------------

function docs(repo, c) {
  const { t } = c;
  const r = repo.file('docs/runbooks/partner-sftp.md', 'docs');
  r.l('# Partner SFTP runbook', '', '| Partner | Host | User | Password |', '|---|---|---|---|');
  const p1 = t.password();
  const p2 = t.password();
  r.s(`| BCBS 834 | sftp.bcbs-partner.com | contoso834 | \`${p1}\` |`, 'generic', p1);
  r.s(`| Quest ORU | sftp.questdiagnostics-partner.com | contoso_oru | ${p2} |`, 'generic', p2);
  r.d(
    '| Availity | sftp.availity-partner.net | contosohealth_adt | key-based (see Key Vault `availity-sftp-key`) |',
    'key vault pointer',
  );
  r.l('', 'The PGP key passphrase for the EDI key:', '');
  const pass = `${t.pick(LOWER, 6)}-${t.pick(LOWER, 7)}-${t.pick(LOWER, 5)}-${t.digits(2)}`;
  r.s(`    gpg passphrase: ${pass}`, 'generic', pass);
  r.d(
    `Partner key fingerprint: ${t
      .pick('0123456789ABCDEF', 40)
      .replace(/(.{4})/g, '$1 ')
      .trim()}`,
    'pgp fingerprint',
  );

  const o = repo.file('docs/runbooks/oncall.md', 'docs');
  o.l('# On-call', '', '## Break glass');
  const bg = c.genPw(24);
  o.s(`- SQL break-glass login \`phr_breakglass\` / \`${bg}\` (rotate after use)`, 'generic', bg);
  o.d('- Entra break-glass accounts live in the safe; never in this repo.', 'prose');
  const sl = c.slackUser();
  o.s(`- Slack user token for the incident bot: ${sl}`, 'slack', sl);
  const xapp = c.slackApp();
  o.s(`- Socket mode app token: \`${xapp}\``, 'slack', xapp);
  o.d('- Twilio status page: https://status.twilio.com', 'url');

  const rd = repo.file('README.md', 'docs');
  rd.l(
    '# Contoso Health platform',
    '',
    'Monorepo for the patient portal, FHIR server, integrations and analytics.',
    '',
    '## Local setup',
    '',
    '```sh',
  );
  rd.d('dotnet user-secrets set "Okta:ApiToken" "<your okta token>"', 'placeholder');
  rd.d('export AZURE_CLIENT_SECRET=your-client-secret', 'placeholder');
  rd.l('docker compose up -d mssql azurite', '```', '');
  rd.d(`Local storage uses Azurite with the well-known key \`${AZURITE_KEY}\`.`, 'Azurite documented key');
  rd.d(
    'See https://learn.microsoft.com/azure/azure-monitor/app/sdk-connection-string: instrumentation keys are not secrets.',
    'prose',
  );
}

// ---- Legacy .NET Framework, publish profiles, Postman --------------------------------------------

function legacyDotnet(repo, c) {
  const { t } = c;
  const w = repo.file('services/legacy-scheduler/Web.config', 'csharp');
  const pw = t.password();
  const tw = t.twilioToken();
  const vk = t.pick('0123456789ABCDEF', 128);
  const dk = t.pick('0123456789ABCDEF', 64);
  w.l('<?xml version="1.0" encoding="utf-8"?>', '<configuration>', '  <connectionStrings>');
  w.s(
    `    <add name="SchedulerDb" connectionString="Data Source=sql-phr-prod.database.windows.net;Initial Catalog=scheduler;User ID=sched_app;Password=${pw};" providerName="System.Data.SqlClient" />`,
    'database',
    pw,
  );
  w.l('  </connectionStrings>', '  <appSettings>');
  w.d(`    <add key="ida:ClientId" value="${c.guid()}" />`, 'client id');
  w.d('    <add key="ida:Tenant" value="contosohealth.onmicrosoft.com" />', 'tenant');
  w.s(`    <add key="Twilio.AuthToken" value="${tw}" />`, 'twilio', tw);
  w.d('    <add key="Epic.ClientSecret" value="" />', 'empty');
  w.l('  </appSettings>', '  <system.web>');
  w.s(
    `    <machineKey validationKey="${vk}" decryptionKey="${dk}" validation="HMACSHA256" decryption="AES" />`,
    'generic',
    vk,
  );
  w.l('  </system.web>', '</configuration>');

  const wr = repo.file('services/legacy-scheduler/Web.Release.config', 'csharp');
  wr.l('<configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform">', '  <connectionStrings>');
  wr.d(
    '    <add name="SchedulerDb" connectionString="__SchedulerDbConnection__" xdt:Transform="SetAttributes" xdt:Locator="Match(name)" />',
    'token replacement placeholder',
  );
  wr.l('  </connectionStrings>', '</configuration>');

  const pp = repo.file(
    'services/patient-portal/src/PatientPortal.Api/Properties/PublishProfiles/phr-portal-prod - Web Deploy.pubxml.user',
    'csharp',
  );
  const ppw = t.mixed(ALNUM, 60);
  pp.l(
    '<?xml version="1.0" encoding="utf-8"?>',
    '<Project>',
    '  <PropertyGroup>',
    '    <UserName>$phr-portal-prod</UserName>',
  );
  pp.s(`    <Password>${ppw}</Password>`, 'azure', ppw);
  pp.d(
    '    <EncryptedPassword>AQAAANCMnd8BFdERjHoAwE/Cl+sBAAAA' + c.b64(180) + '=</EncryptedPassword>',
    'DPAPI-encrypted blob',
  );
  pp.l('  </PropertyGroup>', '</Project>');

  const ps = repo.file('deploy/publish/phr-portal-prod.PublishSettings', 'csharp');
  const ps2 = t.mixed(ALNUM, 60);
  ps.l('<publishData>');
  ps.s(
    `  <publishProfile profileName="phr-portal-prod - Web Deploy" publishMethod="MSDeploy" publishUrl="phr-portal-prod.scm.azurewebsites.net:443" msdeploySite="phr-portal-prod" userName="$phr-portal-prod" userPWD="${ps2}" destinationAppUrl="https://phr-portal-prod.azurewebsites.net" />`,
    'azure',
    ps2,
  );
  ps.l('</publishData>');

  const pm = repo.file('tools/postman/PHR-Prod.postman_environment.json', 'csharp');
  const cer = c.oauthSecret();
  const ok = c.okta();
  pm.l('{', `  "id": "${c.guid()}",`, '  "name": "PHR Prod",', '  "values": [');
  pm.d(
    '    { "key": "baseUrl", "value": "https://api.contosohealth.net", "type": "default", "enabled": true },',
    'url',
  );
  pm.d(`    { "key": "client_id", "value": "${c.guid()}", "type": "default", "enabled": true },`, 'client id');
  pm.s(`    { "key": "client_secret", "value": "${cer}", "type": "secret", "enabled": true },`, 'generic', cer);
  pm.s(`    { "key": "okta_api_token", "value": "${ok}", "type": "secret", "enabled": true },`, 'okta', ok);
  pm.d('    { "key": "access_token", "value": "", "type": "any", "enabled": true }', 'empty');
  pm.l('  ],', '  "_postman_variable_scope": "environment"', '}');

  const sbt = repo.file('tools/http/servicebus-send.http', 'csharp');
  const sig = c.sasSig();
  sbt.l('POST https://sb-phr-prod.servicebus.windows.net/claims-837/messages');
  sbt.s(
    `Authorization: SharedAccessSignature sr=https%3A%2F%2Fsb-phr-prod.servicebus.windows.net%2Fclaims-837&sig=${sig}&se=1830297600&skn=claims-send`,
    'azure',
    sig,
  );
  sbt.l('Content-Type: application/json', '', '{ "claimId": "CLM-2025-000184" }');

  const sl = repo.file('services/patient-portal/src/PatientPortal.Api/appsettings.Production.json', 'csharp');
  const dd = t.ddApi();
  sl.l('{', '  "Serilog": {', '    "WriteTo": [', '      {', '        "Name": "DatadogLogs",', '        "Args": {');
  sl.s(`          "apiKey": "${dd}",`, 'datadog', dd);
  sl.d('          "source": "csharp",', 'plain');
  sl.l(
    '          "configuration": { "url": "https://http-intake.logs.us3.datadoghq.com" }',
    '        }',
    '      }',
    '    ]',
    '  },',
  );
  sl.d('  "ConnectionStrings": { "PortalDb": "__PortalDbConnection__" }', 'token replacement placeholder');
  sl.l('}');
}

// ---- Azure CLI artefacts, kubeconfig, ODBC ------------------------------------------------------

function azureCli(repo, c) {
  const { t } = c;
  const sp = repo.file('deploy/bootstrap/sp-github-deployer.json', 'azcli');
  const spw = t.azureClientSecret();
  sp.l('{');
  sp.d(`  "appId": "${c.guid()}",`, 'app id');
  sp.d('  "displayName": "sp-phr-github-deployer",', 'name');
  sp.s(`  "password": "${spw}",`, 'azure', spw);
  sp.d(`  "tenant": "${c.guid()}"`, 'tenant id');
  sp.l('}');

  const gh = repo.file('deploy/bootstrap/README.md', 'azcli');
  const ac = t.azureClientSecret();
  gh.l('# Bootstrap', '', 'Paste this into the `AZURE_CREDENTIALS` repository secret:', '', '```json');
  gh.s(
    `{"clientId":"${c.guid()}","clientSecret":"${ac}","subscriptionId":"${c.guid()}","tenantId":"${c.guid()}"}`,
    'azure',
    ac,
  );
  gh.l('```', '');
  gh.d('Then run `az ad sp credential reset --id $APP_ID --years 1` to rotate it.', 'command with variable');

  const kv = repo.file('deploy/bootstrap/seed-keyvault.sh', 'azcli');
  const epic = c.oauthSecret();
  const pat = c.adoPatNew();
  const sg = t.sendgrid();
  kv.l('#!/usr/bin/env bash', 'set -euo pipefail', 'KV=kv-phr-prod');
  kv.s(`az keyvault secret set --vault-name "$KV" --name EpicClientSecret --value '${epic}'`, 'generic', epic);
  kv.s(`az keyvault secret set --vault-name "$KV" --name SendGridApiKey --value "${sg}"`, 'sendgrid', sg);
  kv.d(
    'az keyvault secret set --vault-name "$KV" --name SqlAdminPassword --value "$(openssl rand -base64 24)"',
    'generated at run time',
  );
  kv.s(`echo "${pat}" | az devops login --organization https://dev.azure.com/contosohealth`, 'azure', pat);
  kv.d('az keyvault secret show --vault-name "$KV" --name SqlAdminPassword --query value -o tsv', 'lookup');

  const kc = repo.file('deploy/aks/kubeconfig-aks-phr-prod-admin.yaml', 'azcli');
  const rsa = t.rsaPem();
  const tok = t.hex(64);
  kc.l('apiVersion: v1', 'clusters:', '- cluster:');
  kc.d(
    `    certificate-authority-data: ${c.b64enc(['-----BEGIN CERTIFICATE-----', `MIIE${c.b64(60)}`, c.b64(64), c.b64(64), '-----END CERTIFICATE-----'].join('\n'))}`,
    'cluster CA certificate',
  );
  kc.l(
    '    server: https://aks-phr-prod-dns-4f2a9c1e.hcp.eastus2.azmk8s.io:443',
    '  name: aks-phr-prod',
    'users:',
    '- name: clusterAdmin_rg-phr-prod-eus_aks-phr-prod',
    '  user:',
  );
  kc.d(
    `    client-certificate-data: ${c.b64enc(['-----BEGIN CERTIFICATE-----', `MIIF${c.b64(60)}`, c.b64(64), c.b64(64), '-----END CERTIFICATE-----'].join('\n'))}`,
    'client certificate (public)',
  );
  kc.s(`    client-key-data: ${c.b64enc(rsa.join('\n') + '\n')}`, 'private-key', rsa.join('\n'));
  kc.s(`    token: ${tok}`, 'generic', tok);

  const od = repo.file('ops/etl-host/odbc.ini', 'azcli');
  const opw = t.password();
  od.l(
    '[EDW]',
    'Driver = ODBC Driver 18 for SQL Server',
    'Server = tcp:sql-phr-analytics.database.windows.net,1433',
    'Database = edw',
    'UID = svc_cohorts',
  );
  od.s(`PWD = ${opw}`, 'generic', opw);
  od.l(
    'Encrypt = yes',
    '',
    '[EDW_MI]',
    'Driver = ODBC Driver 18 for SQL Server',
    'Server = tcp:sql-phr-analytics.database.windows.net,1433',
  );
  od.d('Authentication = ActiveDirectoryMsi', 'managed identity');

  const pgp = repo.file('deploy/aks/base/partner-pgp-secret.yaml', 'azcli');
  const key = c.pgp('private');
  pgp.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: partner-pgp',
    '  namespace: integrations',
    'stringData:',
    '  private.asc: |',
  );
  pgp.s(
    key.map((l) => (l ? `    ${l}` : '')),
    'private-key',
    key.filter(Boolean).join('\n'),
  );
  const pass = c.genPw(28);
  pgp.s(`  passphrase: "${pass}"`, 'generic', pass);
}

// ---- more language-level leaks -------------------------------------------------------------------

function moreLeaks(repo, c) {
  const { t } = c;
  const j = repo.file('services/fhir-server/src/main/resources/application-jasypt.properties', 'java');
  const master = c.genPw(24);
  j.d(`spring.datasource.password=ENC(${c.b64(64)})`, 'jasypt ciphertext');
  j.s(`jasypt.encryptor.password=${master}`, 'generic', master);
  j.d('jasypt.encryptor.algorithm=PBEWITHHMACSHA512ANDAES_256', 'plain');

  const py = repo.file('etl/claims_loader/clients/cerner_token.py', 'python');
  const cs = t.mixed(ALNUM + '-_', 32);
  py.l(
    'import requests',
    '',
    '',
    'def get_token():',
    '    resp = requests.post(',
    '        TOKEN_URL,',
    '        data={',
    '            "grant_type": "client_credentials",',
  );
  py.d(`            "client_id": "${c.guid()}",`, 'client id');
  py.s(`            "client_secret": "${cs}",`, 'generic', cs);
  py.l(
    '            "scope": "system/Patient.read",',
    '        },',
    '        timeout=10,',
    '    )',
    '    return resp.json()["access_token"]',
  );

  const ps = repo.file('deploy/scripts/Sync-Reporting.ps1', 'powershell');
  const pw = t.password();
  const pw2 = t.password();
  ps.s(`$password = "${pw}"`, 'generic', pw);
  ps.l(
    'Invoke-Sqlcmd -ServerInstance sql-phr-reporting.database.windows.net -Username rpt_sync -Password $password -Query "EXEC etl.usp_sync"',
  );
  ps.l(
    '$params = @{',
    "    ServerInstance = 'sql-phr-prod.database.windows.net'",
    "    Username       = 'phr_dbadmin'",
  );
  ps.s(`    Password       = '${pw2}'`, 'generic', pw2);
  ps.l("    Query          = 'DBCC CHECKDB'", '}', 'Invoke-Sqlcmd @params');
  ps.d('$password = $null', 'cleared');

  const r = repo.file('analytics/R/redcap.R', 'r');
  const tok = t.pick('0123456789ABCDEF', 32);
  const bpw = t.password();
  r.l('library(httr)', '');
  r.s(`redcap_token <- "${tok}"`, 'generic', tok);
  r.l(
    'res <- POST("https://redcap.contosohealth.net/api/", body = list(token = redcap_token, content = "record", format = "json"))',
  );
  r.s(
    `res2 <- GET("https://reports.partner-registry.org/export.csv", authenticate("contoso_rpt", "${bpw}"))`,
    'generic',
    bpw,
  );
  r.d('res3 <- GET(url, authenticate(Sys.getenv("REG_USER"), Sys.getenv("REG_PWD")))', 'env read');

  const tde = repo.file('db/migrations/V021__tde_certificate.sql', 'sql');
  const cpw = t.password();
  const bpw2 = t.password();
  tde.l('USE master;', 'GO');
  tde.s(
    `CREATE CERTIFICATE PhrTdeCert ENCRYPTION BY PASSWORD = '${cpw}' WITH SUBJECT = 'PHR TDE certificate';`,
    'generic',
    cpw,
  );
  tde.l(
    "BACKUP CERTIFICATE PhrTdeCert TO FILE = 'D:\\certs\\PhrTdeCert.cer'",
    "    WITH PRIVATE KEY (FILE = 'D:\\certs\\PhrTdeCert.pvk',",
  );
  tde.s(`    ENCRYPTION BY PASSWORD = '${bpw2}');`, 'generic', bpw2);
  tde.d("CREATE CERTIFICATE PhrTdeCert FROM FILE = 'D:\\certs\\PhrTdeCert.cer';", 'no password');

  const nb = repo.file('analytics/notebooks/claims-lag.ipynb', 'notebook');
  const npw = t.password();
  nb.l(
    '{',
    ' "cells": [',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 1,',
    '   "metadata": {},',
    '   "outputs": [],',
    '   "source": [',
  );
  nb.s(`    ${JSON.stringify(`%env EDW_PWD=${npw}\n`)},`, 'generic', npw);
  nb.d(`    ${JSON.stringify('%env EDW_USER=analyst_ro\n')},`, 'plain');
  nb.l(
    `    ${JSON.stringify('%load_ext sql')}`,
    '   ]',
    '  }',
    ' ],',
    ' "metadata": {},',
    ' "nbformat": 4,',
    ' "nbformat_minor": 5',
    '}',
  );

  const dec = repo.file('services/patient-portal/src/PatientPortal.Api/appsettings.Example.json', 'csharp');
  dec.l('{', '  "ConnectionStrings": {');
  dec.d(
    '    "PortalDb": "Server=tcp:<server>.database.windows.net,1433;Database=portal;User ID=<user>;Password=<password>;Encrypt=True"',
    'placeholder',
  );
  dec.d(
    '    "ServiceBus": "Endpoint=sb://<namespace>.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=********"',
    'masked',
  );
  dec.d('    "Redis": "<name>.redis.cache.windows.net:6380,password=<access-key>,ssl=True"', 'placeholder');
  dec.l('  },');
  dec.d('  "Twilio": { "AuthToken": "your_auth_token" },', 'placeholder');
  dec.d('  "Okta": { "ApiToken": "{{OKTA_API_TOKEN}}" }', 'template');
  dec.l('}');
}
