// Energy / utility company monorepo: .NET grid services, PowerShell deploys, Python telemetry
// pipelines and notebooks (PI historian, InfluxDB, TimescaleDB, MQTT), SCADA/OT gateway configs,
// Azure (service principals, storage, Event Hubs, IoT Hub), Terraform azurerm, Ansible, Compose,
// Azure DevOps pipelines, Go edge agents, C/C++ firmware, SQL, syslog and application logs.
import { ALNUM, HEX, B64, URLSAFE, Repo, makeTokens, mulberry32 } from './generate.mjs';

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 7901 + 577);
  const t = makeTokens(rand);
  const repo = new Repo();

  // ---- helpers ---------------------------------------------------------------------------
  const pw = () => t.password();
  const pwa = () => t.password().replace(/[^A-Za-z0-9]/g, '');
  const humanWords = ['Turbine', 'Feeder', 'Substation', 'Kestrel', 'Voltage', 'Breaker', 'Transformer', 'Gridline'];
  const human = () => `${humanWords[Math.floor(rand() * humanWords.length)]}${t.digits(4)}${t.pick('!#$@', 1)}`;
  const guid = () => t.uuid();
  // Azure keys are base64 of random bytes (32 for SAS/device/redis keys, 64 for storage and Cosmos keys).
  const rbytes = (n) => Buffer.from(Array.from({ length: n }, () => Math.floor(rand() * 256)));
  const sasKey = () => rbytes(32).toString('base64');
  const storKey = () => rbytes(64).toString('base64');
  // InfluxDB 2.x API tokens: 64 random bytes, URL-safe base64 with padding.
  const influx = () => `${rbytes(64).toString('base64url')}==`;
  const adoPat = () => {
    for (;;) {
      const s = t.pick('abcdefghijklmnopqrstuvwxyz234567', 52);
      if (/[2-7]/.test(s) && /[a-z]/.test(s)) return s;
    }
  };
  const thumb = () => t.pick('0123456789ABCDEF', 40);
  const hexU = (n) => t.pick('0123456789ABCDEF', n);
  const b64 = (s) => Buffer.from(s).toString('base64');
  const sp = () => t.azureClientSecret();
  // Grafana service-account token: glsa_<32 alnum>_<crc32(IEEE) of "glsa_<secret>", little-endian hex>.
  const crc32 = (str) => {
    let c = ~0;
    for (const b of Buffer.from(str)) {
      c ^= b;
      for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
    }
    return ~c >>> 0;
  };
  const glsa = () => {
    const key = `glsa_${t.alnum(32)}`;
    const sum = Buffer.alloc(4);
    sum.writeUInt32LE(crc32(key));
    return `${key}_${sum.toString('hex')}`;
  };
  const cbytes = (n) => Array.from({ length: n }, () => `0x${t.pick('0123456789ABCDEF', 2)}`).join(', ');
  const sasQuery = (sp_ = 'rwl') =>
    `sv=2022-11-02&ss=b&srt=sco&sp=${sp_}&se=2027-03-31T23:59:59Z&st=2026-01-01T00:00:00Z&spr=https&sig=${t.azureSasSig()}`;
  const ehConn = (ns, keyName, key, entity) =>
    `Endpoint=sb://${ns}.servicebus.windows.net/;SharedAccessKeyName=${keyName};SharedAccessKey=${key}${entity ? `;EntityPath=${entity}` : ''}`;
  const storConn = (acct, key) =>
    `DefaultEndpointsProtocol=https;AccountName=${acct};AccountKey=${key};EndpointSuffix=core.windows.net`;
  const iotConn = (device, key) =>
    `HostName=kg-prod-iothub.azure-devices.net;DeviceId=${device};SharedAccessKey=${key}`;
  const chirpJwt = () => {
    const h = Buffer.from(JSON.stringify({ typ: 'JWT', alg: 'HS256' })).toString('base64url');
    const p = Buffer.from(JSON.stringify({ aud: 'chirpstack', iss: 'chirpstack', sub: guid(), typ: 'key' })).toString(
      'base64url',
    );
    return `${h}.${p}.${t.mixed(URLSAFE, 43)}`;
  };
  const tenantId = guid();
  const subId = guid();

  // ---- .NET: MeterDataService (ASP.NET Core) ---------------------------------------------
  {
    const f = repo.file('services/MeterDataService/src/MeterData.Api/appsettings.json', 'dotnet');
    const sqlPw = pw();
    const redisKey = sasKey();
    const blobKey = storKey();
    const ehKey = sasKey();
    const clientSecret = sp();
    const jwtKey = rbytes(64).toString('base64');
    f.l(
      '{',
      '  "Logging": {',
      '    "LogLevel": { "Default": "Information", "Microsoft.AspNetCore": "Warning" }',
      '  },',
    );
    f.l('  "AllowedHosts": "*",', '  "ConnectionStrings": {');
    f.s(
      `    "MeterDb": "Server=tcp:kg-prod-sql.database.windows.net,1433;Initial Catalog=meterdata;Persist Security Info=False;User ID=mdm_app;Password=${sqlPw};MultipleActiveResultSets=False;Encrypt=True;TrustServerCertificate=False;Connection Timeout=30;",`,
      'generic',
      sqlPw,
    );
    f.d(
      '    "Historian": "Data Source=KG-PIHIST01;Initial Catalog=Runtime;Integrated Security=SSPI;",',
      'integrated security, no password',
    );
    f.s(
      `    "Redis": "kg-prod-cache.redis.cache.windows.net:6380,password=${redisKey},ssl=True,abortConnect=False",`,
      'azure',
      redisKey,
    );
    f.s(`    "ReadingsBlob": "${storConn('kgprodmeterblob', blobKey)}"`, 'azure', blobKey);
    f.l('  },', '  "EventHub": {');
    f.s(
      `    "ConnectionString": "${ehConn('kg-prod-telemetry', 'meterdata-send', ehKey, 'meter-readings')}",`,
      'azure',
      ehKey,
    );
    f.d('    "ConsumerGroup": "$Default",', 'consumer group name');
    f.l('    "BatchSize": 500', '  },', '  "AzureAd": {', '    "Instance": "https://login.microsoftonline.com/",');
    f.d(`    "TenantId": "${tenantId}",`, 'tenant id');
    f.d(`    "ClientId": "${guid()}",`, 'client id (public)');
    f.s(`    "ClientSecret": "${clientSecret}",`, 'azure', clientSecret);
    f.l('    "Audience": "api://meterdata"', '  },', '  "ApplicationInsights": {');
    f.d(
      `    "ConnectionString": "InstrumentationKey=${guid()};IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/;LiveEndpoint=https://westeurope.livediagnostics.monitor.azure.com/"`,
      'app insights connection string',
    );
    f.l('  },', '  "Jwt": {', '    "Issuer": "https://meterdata.kestrelgrid.com",');
    f.s(`    "SigningKey": "${jwtKey}"`, 'generic', jwtKey);
    f.l('  }', '}');

    const dev = repo.file('services/MeterDataService/src/MeterData.Api/appsettings.Development.json', 'dotnet');
    dev.l('{', '  "ConnectionStrings": {');
    dev.d(
      '    "MeterDb": "Server=(localdb)\\\\MSSQLLocalDB;Database=meterdata;Trusted_Connection=True;MultipleActiveResultSets=true",',
      'localdb trusted connection',
    );
    dev.d('    "ReadingsBlob": "UseDevelopmentStorage=true",', 'azurite shortcut');
    dev.d(
      '    "Azurite": "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;",',
      'documented azurite key',
    );
    dev.d(
      '    "Cosmos": "AccountEndpoint=https://localhost:8081/;AccountKey=C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==",',
      'documented cosmos emulator key',
    );
    dev.d('    "Redis": "localhost:6379"', 'local redis');
    dev.l('  },', '  "AzureAd": {');
    dev.d('    "ClientSecret": "",', 'empty');
    dev.d('    "ClientSecretNote": "set with: dotnet user-secrets set AzureAd:ClientSecret <value>"', 'instructions');
    dev.l('  }', '}');

    const stg = repo.file('services/MeterDataService/src/MeterData.Api/appsettings.Staging.json', 'dotnet');
    const sbKey = sasKey();
    stg.l('{', '  "ConnectionStrings": {');
    stg.d(
      '    "MeterDb": "@Microsoft.KeyVault(SecretUri=https://kg-stg-kv.vault.azure.net/secrets/meterdb-connection/)",',
      'key vault reference',
    );
    stg.d(
      '    "ReadingsBlob": "@Microsoft.KeyVault(VaultName=kg-stg-kv;SecretName=readings-blob-connection)"',
      'key vault reference',
    );
    stg.l('  },', '  "ServiceBus": {');
    stg.s(`    "ConnectionString": "${ehConn('kg-stg-ops', 'RootManageSharedAccessKey', sbKey)}",`, 'azure', sbKey);
    stg.l('    "OutageQueue": "outage-events"', '  }', '}');

    const us = repo.file('services/MeterDataService/tools/dev-secrets/secrets.json', 'dotnet');
    const usSecret = sp();
    const usPw = human();
    us.l('{');
    us.s(`  "AzureAd:ClientSecret": "${usSecret}",`, 'azure', usSecret);
    us.s(
      `  "ConnectionStrings:MeterDb": "Server=tcp:kg-dev-sql.database.windows.net,1433;Initial Catalog=meterdata;User ID=mdm_dev;Password=${usPw};Encrypt=True;",`,
      'generic',
      usPw,
    );
    us.d('  "ConnectionStrings:Historian": "Data Source=KG-PIHIST-DEV;Integrated Security=SSPI;"', 'no password');
    us.l('}');

    const ls = repo.file('services/MeterDataService/src/MeterData.Api/Properties/launchSettings.json', 'dotnet');
    const piPw = pw();
    ls.l('{', '  "profiles": {', '    "MeterData.Api": {', '      "commandName": "Project",');
    ls.l('      "applicationUrl": "https://localhost:7071;http://localhost:5071",', '      "environmentVariables": {');
    ls.l('        "ASPNETCORE_ENVIRONMENT": "Development",', '        "PI_WEBAPI_USER": "KGRID\\\\svc_piwebapi",');
    ls.s(`        "PI_WEBAPI_PASSWORD": "${piPw}"`, 'generic', piPw);
    ls.l('      }', '    }', '  }', '}');

    const csproj = repo.file('services/MeterDataService/src/MeterData.Api/MeterData.Api.csproj', 'dotnet');
    csproj.l(
      '<Project Sdk="Microsoft.NET.Sdk.Web">',
      '  <PropertyGroup>',
      '    <TargetFramework>net8.0</TargetFramework>',
    );
    csproj.d(`    <UserSecretsId>${guid()}</UserSecretsId>`, 'user secrets id');
    csproj.l('  </PropertyGroup>', '  <ItemGroup>');
    csproj.l('    <PackageReference Include="Azure.Messaging.EventHubs" Version="5.11.5" />');
    csproj.l('    <PackageReference Include="Azure.Identity" Version="1.13.1" />', '  </ItemGroup>', '</Project>');

    const lock = repo.file('services/MeterDataService/src/MeterData.Api/packages.lock.json', 'dotnet');
    lock.l('{', '  "version": 1,', '  "dependencies": {', '    "net8.0": {');
    const pkgs = ['Azure.Core', 'Azure.Identity', 'Azure.Messaging.EventHubs', 'Serilog.AspNetCore'];
    for (const [i, p] of pkgs.entries()) {
      lock.l(`      "${p}": {`, '        "type": "Direct",', '        "resolved": "1.44.1",');
      lock.d(`        "contentHash": "${t.mixed(B64, 86)}=="`, 'nuget content hash');
      lock.l(i === pkgs.length - 1 ? '      }' : '      },');
    }
    lock.l('    }', '  }', '}');

    const cs = repo.file('services/MeterDataService/src/MeterData.Api/Services/HistorianClient.cs', 'dotnet');
    const netPw = human();
    const sqlSa = pw();
    const csSecret = sp();
    const aesB64 = rbytes(32).toString('base64');
    cs.l(
      'using System.Net;',
      'using Azure.Identity;',
      'using Microsoft.Data.SqlClient;',
      '',
      'namespace KestrelGrid.MeterData.Services;',
      '',
      'public sealed class HistorianClient',
      '{',
    );
    cs.d('    private const string PiWebApiBase = "https://kg-piweb01.kgrid.local/piwebapi";', 'url');
    cs.d('    private const string PasswordResetRoute = "/account/password/reset";', 'route');
    cs.s(`    private static readonly byte[] ExportKey = Convert.FromBase64String("${aesB64}");`, 'generic', aesB64);
    cs.l('', '    public HttpClient Create()', '    {', '        var handler = new HttpClientHandler');
    cs.l('        {');
    cs.s(`            Credentials = new NetworkCredential("svc_piwebapi", "${netPw}", "KGRID"),`, 'generic', netPw);
    cs.l('        };', '        return new HttpClient(handler);', '    }', '');
    cs.l('    public SqlConnection OpenArchive()', '    {');
    cs.s(
      `        var conn = new SqlConnection("Server=KG-SCADA-SQL01;Database=OSI_Archive;User Id=sa;Password=${sqlSa};TrustServerCertificate=True");`,
      'generic',
      sqlSa,
    );
    cs.l('        conn.Open();', '        return conn;', '    }', '');
    cs.l('    public ClientSecretCredential Credential() =>');
    cs.s(`        new ClientSecretCredential("${tenantId}", "${guid()}", "${csSecret}");`, 'azure', csSecret);
    cs.d(
      '    public string FromEnv() => Environment.GetEnvironmentVariable("PI_WEBAPI_PASSWORD") ?? throw new InvalidOperationException();',
      'env lookup',
    );
    cs.l('}');

    const cfg = repo.file('services/MeterDataService/src/MeterData.Api/Options/PiOptions.cs', 'dotnet');
    cfg.l('namespace KestrelGrid.MeterData.Options;', '', 'public sealed class PiOptions', '{');
    cfg.d('    public const string SectionName = "PiWebApi";', 'section name');
    cfg.d('    [Required] public string Password { get; set; } = string.Empty;', 'property declaration');
    cfg.d('    public string ClientSecret => _configuration["AzureAd:ClientSecret"]!;', 'config lookup');
    cfg.l('}');
  }

  // ---- .NET: OutageManagement (notifications) --------------------------------------------
  {
    const f = repo.file('services/OutageManagement/src/Oms.Notifications/SmsNotifier.cs', 'dotnet');
    const twSid = t.twilioSid();
    const twTok = t.twilioToken();
    const sg = t.sendgrid();
    const teams = `https://kestrelgrid.webhook.office.com/webhookb2/${guid()}@${tenantId}/IncomingWebhook/${t.hex(32)}/${guid()}`;
    f.l(
      'using SendGrid;',
      'using Twilio;',
      '',
      'namespace KestrelGrid.Oms.Notifications;',
      '',
      'public class SmsNotifier',
      '{',
    );
    f.l(`    private const string AccountSid = "${twSid}";`);
    f.s(`    private const string AuthToken = "${twTok}";`, 'twilio', twTok);
    f.d('    private const string FromNumber = "+15125550148";', 'phone number');
    f.l('', '    public SmsNotifier()', '    {', '        TwilioClient.Init(AccountSid, AuthToken);', '    }', '');
    f.s(`    private readonly SendGridClient _mail = new SendGridClient("${sg}");`, 'sendgrid', sg);
    f.s(`    private const string OpsChannelWebhook = "${teams}";`, 'teams', teams);
    f.l('}');

    const oa = repo.file('services/OutageManagement/src/Oms.Api/appsettings.Production.json', 'dotnet');
    const cosKey = storKey();
    const arc = `AAPK${t.hex(32)}${t.mixed(URLSAFE, 64)}`;
    const fnKey = `${t.mixed(URLSAFE, 54)}==`;
    oa.l('{', '  "Cosmos": {');
    oa.s(
      `    "ConnectionString": "AccountEndpoint=https://kg-prod-oms.documents.azure.com:443/;AccountKey=${cosKey};"`,
      'azure',
      cosKey,
    );
    oa.l(
      '  },',
      '  "Gis": {',
      '    "FeatureServer": "https://gis.kestrelgrid.com/arcgis/rest/services/Outages/FeatureServer/0",',
    );
    oa.s(`    "ApiKey": "${arc}"`, 'arcgis', arc);
    oa.l('  },', '  "Functions": {');
    oa.s(
      `    "CrewDispatchUrl": "https://kg-prod-oms-func.azurewebsites.net/api/dispatch?code=${fnKey}"`,
      'azure',
      fnKey,
    );
    oa.l('  },', '  "KeyVault": {');
    oa.d('    "VaultUri": "https://kg-prod-kv.vault.azure.net/"', 'vault uri');
    oa.l('  }', '}');
  }

  // ---- .NET Framework: GridOps.Web (web.config) ------------------------------------------
  {
    const f = repo.file('services/GridOps.Web/Web.config', 'dotnet');
    const dbPw = pw();
    const efPw = human();
    const secret = sp();
    const smtpPw = pw();
    const vk = hexU(128);
    f.l('<?xml version="1.0" encoding="utf-8"?>', '<configuration>', '  <connectionStrings>');
    f.s(
      `    <add name="GridOpsDb" connectionString="Data Source=KG-SQL02\\GRIDOPS;Initial Catalog=GridOps;User ID=gridops_web;Password=${dbPw}" providerName="System.Data.SqlClient" />`,
      'generic',
      dbPw,
    );
    f.s(
      `    <add name="OmsEntities" connectionString="metadata=res://*/Oms.csdl|res://*/Oms.ssdl|res://*/Oms.msl;provider=System.Data.SqlClient;provider connection string=&quot;data source=KG-SQL02;initial catalog=OMS;user id=oms_ef;password=${efPw};MultipleActiveResultSets=True;App=EntityFramework&quot;" providerName="System.Data.EntityClient" />`,
      'generic',
      efPw,
    );
    f.d(
      '    <add name="Reporting" connectionString="Data Source=KG-SQL02;Initial Catalog=Reports;Integrated Security=True" providerName="System.Data.SqlClient" />',
      'integrated security',
    );
    f.l('  </connectionStrings>', '  <appSettings>');
    f.d(`    <add key="ida:ClientId" value="${guid()}" />`, 'client id');
    f.s(`    <add key="ida:ClientSecret" value="${secret}" />`, 'azure', secret);
    f.l('    <add key="ida:Tenant" value="kestrelgrid.onmicrosoft.com" />');
    f.l('    <add key="ida:PostLogoutRedirectUri" value="https://gridops.kestrelgrid.com/" />');
    f.s(`    <add key="SmtpPassword" value="${smtpPw}" />`, 'generic', smtpPw);
    f.d('    <add key="PasswordExpiryDays" value="90" />', 'setting');
    f.l('  </appSettings>', '  <system.web>', '    <compilation targetFramework="4.8" />');
    f.s(
      `    <machineKey validationKey="${vk}" decryptionKey="${hexU(48)}" validation="HMACSHA256" decryption="AES" />`,
      'generic',
      vk,
    );
    f.l('  </system.web>', '  <system.net>', '    <mailSettings>', '      <smtp from="gridops@kestrelgrid.com">');
    const mailPw = human();
    f.s(
      `        <network host="smtp.office365.com" port="587" userName="gridops@kestrelgrid.com" password="${mailPw}" enableSsl="true" />`,
      'generic',
      mailPw,
    );
    f.l('      </smtp>', '    </mailSettings>', '  </system.net>', '</configuration>');

    const rel = repo.file('services/GridOps.Web/Web.Release.config', 'dotnet');
    rel.l(
      '<?xml version="1.0" encoding="utf-8"?>',
      '<configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform">',
      '  <connectionStrings>',
    );
    rel.d(
      '    <add name="GridOpsDb" connectionString="Data Source=KG-SQL02\\GRIDOPS;Initial Catalog=GridOps;User ID=gridops_web;Password=__GridOpsDbPassword__" xdt:Transform="SetAttributes" xdt:Locator="Match(name)" />',
      'replace-token placeholder',
    );
    rel.l('  </connectionStrings>', '  <appSettings>');
    rel.d(
      '    <add key="ida:ClientSecret" value="#{IdaClientSecret}#" xdt:Transform="SetAttributes" xdt:Locator="Match(key)" />',
      'octopus-style token',
    );
    rel.l('  </appSettings>', '  <system.web>');
    rel.d(
      '    <machineKey validationKey="AutoGenerate,IsolateApps" decryptionKey="AutoGenerate,IsolateApps" xdt:Transform="Replace" />',
      'autogenerate',
    );
    rel.l('  </system.web>', '</configuration>');

    const app = repo.file('tools/PiBridge/App.config', 'dotnet');
    const piPw = pw();
    const afPw = human();
    app.l('<?xml version="1.0" encoding="utf-8" ?>', '<configuration>', '  <appSettings>');
    app.l('    <add key="PIServer" value="KG-PIHIST01" />', '    <add key="AFServer" value="KG-PIAF01" />');
    app.l('    <add key="AFDatabase" value="KestrelGrid-Assets" />', '    <add key="PIUser" value="piadmin" />');
    app.s(`    <add key="PIPassword" value="${piPw}" />`, 'generic', piPw);
    app.d('    <add key="PollIntervalSeconds" value="30" />', 'setting');
    app.l('  </appSettings>', '  <connectionStrings>');
    app.s(
      `    <add name="AFSql" connectionString="Server=KG-PIAF01\\SQLEXPRESS;Database=PIFD;User Id=af_reader;Password=${afPw};" />`,
      'generic',
      afPw,
    );
    app.l('  </connectionStrings>', '</configuration>');

    const ng = repo.file('NuGet.config', 'dotnet');
    const pat = adoPat();
    ng.l(
      '<?xml version="1.0" encoding="utf-8"?>',
      '<configuration>',
      '  <packageSources>',
      '    <clear />',
      '    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />',
      '    <add key="kg-internal" value="https://pkgs.dev.azure.com/kestrelgrid/_packaging/kg-internal/nuget/v3/index.json" />',
      '    <add key="kg-ot" value="https://pkgs.dev.azure.com/kestrelgrid/OT/_packaging/kg-ot/nuget/v3/index.json" />',
      '  </packageSources>',
      '  <packageSourceCredentials>',
      '    <kg-internal>',
      '      <add key="Username" value="build" />',
    );
    ng.s(`      <add key="ClearTextPassword" value="${pat}" />`, 'azure-devops', pat);
    ng.l('    </kg-internal>', '    <kg-ot>', '      <add key="Username" value="kgrid" />');
    ng.d(
      `      <add key="Password" value="AQAAANCMnd8BFdERjHoAwE/Cl+sBAAAA${t.mixed(B64, 180)}==" />`,
      'DPAPI-encrypted nuget password',
    );
    ng.l('    </kg-ot>', '  </packageSourceCredentials>', '</configuration>');
  }

  // ---- PowerShell deployment scripts -----------------------------------------------------
  {
    const f = repo.file('deploy/powershell/Deploy-MeterData.ps1', 'powershell');
    const spS = sp();
    const sqlPw = pw();
    const pat = adoPat();
    const sk = storKey();
    const sk2 = storKey();
    f.l(
      '#Requires -Modules Az.Accounts, Az.Storage, SqlServer',
      '[CmdletBinding()]',
      'param(',
      "    [string]$Environment = 'prod',",
      "    [string]$ResourceGroup = 'kg-prod-meterdata-rg'",
      ')',
      '',
    );
    f.d(`$tenantId = '${tenantId}'`, 'tenant id');
    f.d(`$appId = '${guid()}'`, 'client id');
    f.s(`$secret = ConvertTo-SecureString '${spS}' -AsPlainText -Force`, 'azure', spS);
    f.l(
      '$cred = New-Object System.Management.Automation.PSCredential($appId, $secret)',
      'Connect-AzAccount -ServicePrincipal -Credential $cred -Tenant $tenantId | Out-Null',
    );
    f.d(`Set-AzContext -Subscription '${subId}'`, 'subscription id');
    f.l('', '# schema migrations');
    f.s(
      `Invoke-Sqlcmd -ServerInstance 'kg-prod-sql.database.windows.net' -Database 'meterdata' -Username 'deploy' -Password '${sqlPw}' -InputFile .\\migrations\\V42__interval_reads.sql`,
      'generic',
      sqlPw,
    );
    f.l('', '# pull the release artifact from the feed');
    f.s(`$pat = '${pat}'`, 'azure-devops', pat);
    f.l(
      '$headers = @{ Authorization = "Basic " + [Convert]::ToBase64String([Text.Encoding]::ASCII.GetBytes(":$pat")) }',
    );
    f.l(
      "Invoke-RestMethod -Uri 'https://feeds.dev.azure.com/kestrelgrid/_apis/packaging/feeds/kg-internal/packages?api-version=7.1' -Headers $headers",
    );
    f.l('', '# publish static exports');
    f.s(`$env:AZURE_STORAGE_KEY = '${sk}'`, 'azure', sk);
    f.s(
      `az storage blob upload-batch --account-name kgprodhistorian --account-key "${sk2}" --destination exports --source .\\out`,
      'azure',
      sk2,
    );
    f.d('$dbPassword = Read-Host -AsSecureString -Prompt "SQL password"', 'interactive prompt');
    f.d(
      "$kvSecret = (Get-AzKeyVaultSecret -VaultName 'kg-prod-kv' -Name 'meterdb-password' -AsPlainText)",
      'key vault lookup',
    );
    f.d('$clientSecret = $env:ARM_CLIENT_SECRET', 'env reference');

    const g = repo.file('deploy/powershell/Set-RtuGateway.ps1', 'powershell');
    const plinkPw = pwa();
    const bkPw = human();
    const basicPw = pwa();
    g.l('param([Parameter(Mandatory)][string]$Substation)', '', '$gw = "10.40.$Substation.10"');
    g.s(`& plink.exe -ssh -batch -pw ${plinkPw} svc_rtu@$gw "sudo systemctl restart modbus-gw"`, 'generic', plinkPw);
    g.s(
      `$backupCred = New-Object PSCredential('KGRID\\svc_backup', (ConvertTo-SecureString '${bkPw}' -AsPlainText -Force))`,
      'generic',
      bkPw,
    );
    g.l("New-PSDrive -Name B -PSProvider FileSystem -Root '\\\\kg-nas01\\rtu-backups' -Credential $backupCred");
    g.s(`$piHeaders = @{ Authorization = 'Basic ${b64(`svc_piwebapi:${basicPw}`)}' }`, 'generic', basicPw);
    g.l(
      'Invoke-RestMethod -Uri "https://kg-piweb01.kgrid.local/piwebapi/points?path=\\\\KG-PIHIST01\\SUB$Substation.BUS1.KV" -Headers $piHeaders',
    );
    g.d('$cred = Get-Credential -UserName "KGRID\\svc_rtu" -Message "RTU service account"', 'interactive prompt');

    const i = repo.file('deploy/powershell/Install-EdgeAgent.ps1', 'powershell');
    const sas = sasQuery('r');
    const iotKey = sasKey();
    i.l('$ErrorActionPreference = "Stop"', '$agentVersion = "3.8.1"');
    i.s(`$sas = "?${sas}"`, 'azure', sas.slice(sas.indexOf('sig=') + 4));
    i.l(
      'Invoke-WebRequest -Uri "https://kgprodreleases.blob.core.windows.net/edge/kg-edge-agent-$agentVersion.msi$sas" -OutFile "$env:TEMP\\agent.msi"',
    );
    i.s(
      `Start-Process msiexec.exe -Wait -ArgumentList '/i', "$env:TEMP\\agent.msi", '/qn', 'IOTHUB_CONNECTION="${iotConn('edge-ccr01', iotKey)}"'`,
      'azure',
      iotKey,
    );
    i.d(`Get-FileHash "$env:TEMP\\agent.msi" -Algorithm SHA256 # expect ${t.sha256().toUpperCase()}`, 'file hash');
    i.d('$thumbprint = "' + thumb() + '"  # kg-edge code-signing cert', 'cert thumbprint');
  }

  // ---- Python telemetry pipelines --------------------------------------------------------
  {
    const f = repo.file('pipelines/telemetry/ingest/pi_to_influx.py', 'python');
    const piPw = pw();
    const tok = influx();
    f.l(
      '"""Pull interpolated PI points for every substation feeder and write them to InfluxDB."""',
      'import requests',
      'from requests.auth import HTTPBasicAuth',
      'from influxdb_client import InfluxDBClient, Point',
      'from influxdb_client.client.write_api import SYNCHRONOUS',
      '',
    );
    f.d('PI_WEBAPI = "https://kg-piweb01.kgrid.local/piwebapi"', 'url');
    f.d(`FEEDER_WEBID = "F1DP${t.mixed(URLSAFE, 22)}AAAAS0ctUElISVNUMDFcU1VCMDcuRkRSMTIuTVc"`, 'PI Web API WebId');
    f.l('session = requests.Session()', 'session.verify = "/etc/ssl/certs/kg-root-ca.pem"');
    f.s(`session.auth = HTTPBasicAuth("KGRID\\\\svc_piwebapi", "${piPw}")`, 'generic', piPw);
    f.l('');
    f.s(
      `client = InfluxDBClient(url="https://influx.ot.kestrelgrid.com:8086", token="${tok}", org="kestrel-grid")`,
      'influxdb',
      tok,
    );
    f.l('write_api = client.write_api(write_options=SYNCHRONOUS)', '');
    f.l('def pull(webid, start="*-15m"):');
    f.l(
      '    r = session.get(f"{PI_WEBAPI}/streams/{webid}/interpolated", params={"startTime": start, "interval": "1m"})',
    );
    f.l('    r.raise_for_status()', '    return r.json()["Items"]');

    const m = repo.file('pipelines/telemetry/ingest/mqtt_bridge.py', 'python');
    const mqPw = pw();
    const ehKey = sasKey();
    m.l(
      'import json',
      'import ssl',
      'import paho.mqtt.client as mqtt',
      'from azure.eventhub import EventHubProducerClient, EventData',
      '',
      'client = mqtt.Client(client_id="kg-mqtt-bridge-01", protocol=mqtt.MQTTv5)',
    );
    m.d(
      'client.tls_set(ca_certs="/etc/kg/pki/ca.pem", certfile="/etc/kg/pki/bridge.crt", keyfile="/etc/kg/pki/bridge.key")',
      'file paths',
    );
    m.s(`client.username_pw_set("meter-bridge", "${mqPw}")`, 'generic', mqPw);
    m.l('client.connect("mqtt.ot.kestrelgrid.com", 8883)', '');
    m.s(
      `producer = EventHubProducerClient.from_connection_string("${ehConn('kg-prod-telemetry', 'bridge-send', ehKey)}", eventhub_name="meter-readings")`,
      'azure',
      ehKey,
    );
    m.d('TOPIC = "kg/ami/+/interval/15min"', 'mqtt topic');

    const ts = repo.file('pipelines/telemetry/storage/timescale.py', 'python');
    const tsPw = pwa();
    const roPw = human();
    ts.l('import os', 'import psycopg2', 'from sqlalchemy import create_engine', '');
    ts.s(
      `DSN = "postgresql://tsdb_writer:${tsPw}@kg-tsdb01.ot.kgrid.local:5432/telemetry?sslmode=require"`,
      'database',
      tsPw,
    );
    ts.l('engine = create_engine(DSN, pool_size=10)', '', 'def grafana_conn():', '    return psycopg2.connect(');
    ts.l('        host="kg-tsdb01.ot.kgrid.local",', '        dbname="telemetry",', '        user="grafana_ro",');
    ts.s(`        password="${roPw}",`, 'generic', roPw);
    ts.l('    )');
    ts.d('READONLY_PASSWORD = os.environ["TSDB_RO_PASSWORD"]', 'env reference');

    const st = repo.file('pipelines/telemetry/settings.py', 'python');
    const fbTok = influx();
    const fbSecret = sp();
    st.l('import os', '');
    st.s(`INFLUX_TOKEN = os.environ.get("INFLUX_TOKEN", "${fbTok}")`, 'influxdb', fbTok);
    st.d('INFLUX_ORG = os.getenv("INFLUX_ORG", "kestrel-grid")', 'env default (not secret)');
    st.d(`AZURE_TENANT_ID = os.getenv("AZURE_TENANT_ID", "${tenantId}")`, 'tenant id');
    st.s(`AZURE_CLIENT_SECRET = os.getenv("AZURE_CLIENT_SECRET", "${fbSecret}")`, 'azure', fbSecret);
    st.d('PI_PASSWORD = os.environ.get("PI_PASSWORD", "")', 'empty default');
    st.d('TSDB_PASSWORD = os.environ.get("TSDB_PASSWORD", "changeme")', 'placeholder default');

    const az = repo.file('pipelines/telemetry/export/adls_export.py', 'python');
    const azSecret = sp();
    const awsId = t.awsId();
    const awsSecret = t.awsSecret();
    az.l(
      'import boto3',
      'from azure.identity import ClientSecretCredential',
      'from azure.storage.filedatalake import DataLakeServiceClient',
      '',
      'cred = ClientSecretCredential(',
    );
    az.d(`    tenant_id="${tenantId}",`, 'tenant id');
    az.d(`    client_id="${guid()}",`, 'client id');
    az.s(`    client_secret="${azSecret}",`, 'azure', azSecret);
    az.l(')', 'adls = DataLakeServiceClient("https://kgproddatalake.dfs.core.windows.net", credential=cred)', '');
    az.l("# ERCOT/ISO market price archive lives in the trading team's AWS account", 's3 = boto3.client(', '    "s3",');
    az.s(`    aws_access_key_id="${awsId}",`, 'aws', awsId);
    az.s(`    aws_secret_access_key="${awsSecret}",`, 'aws', awsSecret);
    az.l('    region_name="us-east-2",', ')');
    az.d('getpass_prompt = getpass.getpass("PI password: ")', 'prompt');

    const env = repo.file('pipelines/telemetry/.env', 'env');
    const e1 = influx();
    const e2 = pw();
    const e3 = pwa();
    const e4 = sasKey();
    const e5 = sp();
    env.l('INFLUX_URL=https://influx.ot.kestrelgrid.com:8086', 'INFLUX_ORG=kestrel-grid', 'INFLUX_BUCKET=scada_1m');
    env.s(`INFLUX_TOKEN=${e1}`, 'influxdb', e1);
    env.l('PI_WEBAPI_USER=KGRID\\svc_piwebapi');
    env.s(`PI_WEBAPI_PASSWORD='${e2}'`, 'generic', e2);
    env.s(`TSDB_URL=postgres://tsdb_writer:${e3}@kg-tsdb01.ot.kgrid.local:5432/telemetry`, 'database', e3);
    env.s(
      `EVENTHUB_CONNECTION_STRING="${ehConn('kg-prod-telemetry', 'pipeline-listen', e4, 'scada-events')}"`,
      'azure',
      e4,
    );
    env.d(`AZURE_CLIENT_ID=${guid()}`, 'client id');
    env.s(`AZURE_CLIENT_SECRET=${e5}`, 'azure', e5);
    env.d('MQTT_PASSWORD=${MQTT_PASSWORD}', 'variable');

    const ex = repo.file('pipelines/telemetry/.env.example', 'env');
    ex.d('INFLUX_TOKEN=<influx-api-token>', 'placeholder');
    ex.d('PI_WEBAPI_PASSWORD=', 'empty');
    ex.d('TSDB_URL=postgres://tsdb_writer:password@localhost:5432/telemetry', 'example default');
    ex.d(
      'EVENTHUB_CONNECTION_STRING="Endpoint=sb://<namespace>.servicebus.windows.net/;SharedAccessKeyName=<policy>;SharedAccessKey=<key>"',
      'placeholder',
    );
    ex.d('AZURE_CLIENT_SECRET=your-client-secret', 'placeholder');

    const cy = repo.file('pipelines/telemetry/config/pipeline.yaml', 'python');
    const cyTok = influx();
    const cyPw = pw();
    cy.l(
      'sources:',
      '  pi:',
      '    server: KG-PIHIST01',
      '    webapi: https://kg-piweb01.kgrid.local/piwebapi',
      '    user: svc_piwebapi',
    );
    cy.s(`    password: "${cyPw}"`, 'generic', cyPw);
    cy.l('sinks:', '  influx:', '    url: https://influx.ot.kestrelgrid.com:8086', '    org: kestrel-grid');
    cy.s(`    token: ${cyTok}`, 'influxdb', cyTok);
    cy.l('  timescale:');
    cy.d('    dsn: ${TSDB_URL}', 'variable');
    cy.d('    password_file: /run/secrets/tsdb_password', 'file reference');
    cy.l('tags:');
    cy.d('  - "\\\\\\\\KG-PIHIST01\\\\SUB07.FDR12.MW"', 'pi tag path');
  }

  // ---- Jupyter notebooks ------------------------------------------------------------------
  const src = (code, last = false) => `    ${JSON.stringify(last ? code : `${code}\n`)}${last ? '' : ','}`;
  {
    const f = repo.file('notebooks/load-forecasting/feeder_load_forecast.ipynb', 'notebook');
    const tok = influx();
    const aoai = t.hex(32);
    const connKey = sasKey();
    f.l('{', ' "cells": [', '  {', '   "cell_type": "markdown",', '   "metadata": {},', '   "source": [');
    f.l(src('# Feeder load forecast (SUB07 / FDR12)'), src('Day-ahead forecast from 1-minute SCADA data.', true));
    f.l(
      '   ]',
      '  },',
      '  {',
      '   "cell_type": "code",',
      '   "execution_count": 1,',
      '   "metadata": {},',
      '   "outputs": [],',
      '   "source": [',
    );
    f.l(src('import pandas as pd'), src('from influxdb_client import InfluxDBClient'));
    f.s(src(`influx_token = "${tok}"`), 'influxdb', tok);
    f.l(
      src(
        'client = InfluxDBClient(url="https://influx.ot.kestrelgrid.com:8086", token=influx_token, org="kestrel-grid")',
        true,
      ),
    );
    f.l(
      '   ]',
      '  },',
      '  {',
      '   "cell_type": "code",',
      '   "execution_count": 2,',
      '   "metadata": {},',
      '   "outputs": [],',
      '   "source": [',
    );
    f.l(
      src('from openai import AzureOpenAI'),
      src('llm = AzureOpenAI('),
      src('    azure_endpoint="https://kg-analytics-aoai.openai.azure.com/",'),
    );
    f.s(src(`    api_key="${aoai}",`), 'azure', aoai);
    f.l(src('    api_version="2024-06-01",'), src(')', true));
    f.l(
      '   ]',
      '  },',
      '  {',
      '   "cell_type": "code",',
      '   "execution_count": 3,',
      '   "metadata": {},',
      '   "outputs": [',
      '    {',
    );
    f.l('     "name": "stdout",', '     "output_type": "stream",', '     "text": [');
    f.s(
      `      ${JSON.stringify(`using ${ehConn('kg-prod-telemetry', 'notebook-listen', connKey, 'scada-events')}\n`)},`,
      'azure',
      connKey,
    );
    f.l(`      ${JSON.stringify('rows: 525600\n')}`, '     ]', '    },', '    {', '     "data": {');
    f.d(`      "image/png": "iVBORw0KGgoAAAANSUhEUgAA${t.mixed(B64, 600)}",`, 'plot image');
    f.l(
      '      "text/plain": ["<Figure size 1200x400 with 1 Axes>"]',
      '     },',
      '     "metadata": {},',
      '     "output_type": "display_data"',
      '    }',
      '   ],',
      '   "source": [',
    );
    f.l(src('import os'));
    f.l(src('print("using", os.environ["EVENTHUB_CONNECTION_STRING"])'));
    f.l(
      src('df = client.query_api().query_data_frame(FLUX)'),
      src('df.plot(x="_time", y="_value", figsize=(12, 4))', true),
    );
    f.l(
      '   ]',
      '  }',
      ' ],',
      ' "metadata": {',
      '  "kernelspec": { "display_name": "Python 3", "language": "python", "name": "python3" }',
    );
    f.l(' },', ' "nbformat": 4,', ' "nbformat_minor": 5', '}');

    const g = repo.file('notebooks/asset-health/transformer_dga_analysis.ipynb', 'notebook');
    const dsnPw = pwa();
    const piPw = human();
    const leak = pwa();
    g.l(
      '{',
      ' "cells": [',
      '  {',
      '   "cell_type": "code",',
      '   "execution_count": 4,',
      '   "metadata": {},',
      '   "outputs": [],',
      '   "source": [',
    );
    g.l(src('import sqlalchemy as sa'), src('import requests'));
    g.s(
      src(`engine = sa.create_engine("postgresql+psycopg2://analyst:${dsnPw}@kg-tsdb01.ot.kgrid.local/assets")`),
      'database',
      dsnPw,
    );
    g.s(src(`pi = requests.get(PI_URL, auth=("KGRID\\\\jmorales", "${piPw}"), verify=False)`), 'generic', piPw);
    g.d(src('token = os.environ["INFLUX_TOKEN"]  # set in the kernel env', true), 'env reference');
    g.l(
      '   ]',
      '  },',
      '  {',
      '   "cell_type": "code",',
      '   "execution_count": 5,',
      '   "metadata": {},',
      '   "outputs": [',
      '    {',
    );
    g.l(
      '     "ename": "OperationalError",',
      '     "evalue": "connection failed",',
      '     "output_type": "error",',
      '     "traceback": [',
    );
    g.s(
      `      ${JSON.stringify(`OperationalError: (psycopg2.OperationalError) could not connect to server: Connection timed out\n(Background on this error: dsn='postgresql://dga_loader:${leak}@10.30.4.12:5432/assets')`)}`,
      'database',
      leak,
    );
    g.l('     ]', '    }', '   ],', '   "source": [');
    g.d(src(`webids = ["F1AbE${t.mixed(URLSAFE, 60)}", "F1AbE${t.mixed(URLSAFE, 60)}"]`), 'PI AF WebIds');
    g.l(
      src(
        'dga = pd.read_sql("select * from dga_samples where tx_id = %(tx)s", engine, params={"tx": "TX-07-12"})',
        true,
      ),
    );
    g.l('   ]', '  }', ' ],', ' "metadata": {},', ' "nbformat": 4,', ' "nbformat_minor": 5', '}');
  }

  // ---- SCADA / OT gateway configs --------------------------------------------------------
  {
    const f = repo.file('ot/gateways/substation-07/modbus-gateway.ini', 'ot');
    const mq = pw();
    const adm = human();
    f.l('; SUB07-GW01 Modbus TCP -> MQTT gateway', '[gateway]', 'name = SUB07-GW01', 'site = Riverside 138kV', '');
    f.l('[modbus.tcp.rtu1]', 'host = 10.40.7.21', 'port = 502', 'unit_id = 1', 'poll_ms = 1000');
    f.d('register_map = /etc/kg/maps/sel-751a.csv', 'file reference');
    f.l(
      '',
      '[upstream.mqtt]',
      'broker = mqtts://mqtt.ot.kestrelgrid.com:8883',
      'client_id = sub07-gw01',
      'username = sub07-gw01',
    );
    f.s(`password = ${mq}`, 'generic', mq);
    f.l('', '[web_ui]', 'listen = 0.0.0.0:8443', 'admin_user = admin');
    f.s(`admin_password = ${adm}`, 'generic', adm);
    f.l('', '[snmp]');
    f.d('community = public', 'default read community');
    f.d('trap_host = 10.40.0.5', 'ip');

    const g = repo.file('ot/gateways/substation-12/modbus-gateway.ini', 'ot');
    const mq2 = pwa();
    g.l(
      '[gateway]',
      'name = SUB12-GW01',
      '',
      '[modbus.rtu.serial]',
      'device = /dev/ttyS1',
      'baud = 19200',
      'parity = E',
    );
    g.l('', '[upstream.mqtt]', 'broker = mqtts://mqtt.ot.kestrelgrid.com:8883', 'username = sub12-gw01');
    g.s(`password = "${mq2}"`, 'generic', mq2);
    g.l('', '[web_ui]', 'admin_user = admin');
    g.d('admin_password = ', 'empty');
    g.d('; factory default admin password is "admin" - change on commissioning', 'documented default');

    const map = repo.file('ot/gateways/maps/sel-751a.csv', 'ot');
    map.l('register,name,type,scale,unit');
    for (const [r, n] of [
      ['40001', 'IA_MAG'],
      ['40003', 'IB_MAG'],
      ['40005', 'IC_MAG'],
      ['40011', 'VAB_MAG'],
    ])
      map.d(`${r},${n},float32,0.001,A`, 'register map');
    map.d(`40101,FW_CRC,uint32,1,0x${hexU(8)}`, 'crc');

    const x = repo.file('ot/opcua/KG.OpcUa.Server.Config.xml', 'ot');
    const opw = pw();
    x.l(
      '<?xml version="1.0" encoding="utf-8"?>',
      '<ApplicationConfiguration xmlns="http://opcfoundation.org/UA/SDK/Configuration.xsd">',
    );
    x.l('  <ApplicationName>KG OPC UA Historian Bridge</ApplicationName>');
    x.d('  <ApplicationUri>urn:kg-opc01:KestrelGrid:HistorianBridge</ApplicationUri>', 'uri');
    x.l('  <SecurityConfiguration>', '    <ApplicationCertificate>', '      <StoreType>Directory</StoreType>');
    x.d('      <StorePath>%LocalApplicationData%/OPC Foundation/pki/own</StorePath>', 'store path');
    x.d(`      <Thumbprint>${thumb()}</Thumbprint>`, 'cert thumbprint');
    x.l(
      '    </ApplicationCertificate>',
      '  </SecurityConfiguration>',
      '  <ClientConfiguration>',
      '    <DefaultSessionTimeout>60000</DefaultSessionTimeout>',
    );
    x.l(
      '  </ClientConfiguration>',
      '  <Extensions>',
      '    <HistorianBridge>',
      '      <Endpoint>opc.tcp://kg-scada01.ot.kgrid.local:4840</Endpoint>',
    );
    x.l('      <SecurityPolicy>http://opcfoundation.org/UA/SecurityPolicy#Basic256Sha256</SecurityPolicy>');
    x.l('      <UserIdentity>', '        <UserName>opc_historian</UserName>');
    x.s(`        <Password>${opw}</Password>`, 'generic', opw);
    x.l('      </UserIdentity>');
    x.d('      <NodeId>ns=2;s=SUB07.FDR12.MW</NodeId>', 'node id');
    x.l('    </HistorianBridge>', '  </Extensions>', '</ApplicationConfiguration>');

    const ci = repo.file('ot/opcua/client.ini', 'ot');
    const cpw = human();
    ci.l(
      '[OPCUA]',
      'Endpoint=opc.tcp://kg-scada01.ot.kgrid.local:4840',
      'SecurityMode=SignAndEncrypt',
      'SecurityPolicy=Basic256Sha256',
    );
    ci.l('User=scada_read');
    ci.s(`Password=${cpw}`, 'generic', cpw);
    ci.d('CertificateFile=pki/own/certs/kg-opc01.der', 'file path');
    ci.d('PrivateKeyFile=pki/own/private/kg-opc01.pem', 'file path');

    const pk = repo.file('ot/opcua/pki/own/private/kg-opc01.pem', 'keys');
    const rsa = t.rsaPem();
    pk.s(rsa, 'private-key', rsa.join('\n'));
    const crt = repo.file('ot/opcua/pki/own/certs/kg-opc01.crt', 'keys');
    crt.d(
      [
        '-----BEGIN CERTIFICATE-----',
        `MIID${t.mixed(B64, 60)}`,
        t.mixed(B64, 64),
        t.mixed(B64, 64),
        `${t.mixed(B64, 30)}==`,
        '-----END CERTIFICATE-----',
      ],
      'certificate',
    );

    const sn = repo.file('ot/snmp/snmpd.conf', 'ot');
    const rw = t.alnum(14);
    const auth = pwa();
    sn.l(
      '# net-snmp agent on SCADA jump hosts',
      'agentAddress udp:161',
      'sysLocation Control Center, Rack B4',
      'sysContact ot-netops@kestrelgrid.com',
    );
    sn.d('rocommunity public 10.40.0.0/16', 'default read community');
    sn.s(`rwcommunity ${rw} 10.40.0.5`, 'generic', rw);
    sn.s(`createUser nmsops SHA-512 "${auth}" AES "${pwa()}"`, 'generic', auth);
    sn.l('rouser nmsops authpriv');
    sn.d('# createUser <user> SHA "<auth-passphrase>" AES "<priv-passphrase>"', 'template');

    const tg = repo.file('ot/telegraf/telegraf.conf', 'ot');
    const tgTok = influx();
    const tgAuth = pwa();
    tg.l(
      '[agent]',
      '  interval = "10s"',
      '',
      '[[outputs.influxdb_v2]]',
      '  urls = ["https://influx.ot.kestrelgrid.com:8086"]',
    );
    tg.s(`  token = "${tgTok}"`, 'influxdb', tgTok);
    tg.l(
      '  organization = "kestrel-grid"',
      '  bucket = "ot_network"',
      '',
      '[[inputs.snmp]]',
      '  agents = ["udp://10.40.7.1:161", "udp://10.40.12.1:161"]',
    );
    tg.l('  version = 3', '  sec_name = "telegraf"', '  auth_protocol = "SHA"');
    tg.s(`  auth_password = "${tgAuth}"`, 'generic', tgAuth);
    tg.l('  sec_level = "authPriv"', '  priv_protocol = "AES"');
    tg.d('  priv_password = "${SNMP_PRIV_PASSWORD}"', 'env reference');
    tg.l('', '[[inputs.modbus]]', '  name = "sub07-rtu1"', '  controller = "tcp://10.40.7.21:502"');

    const mc = repo.file('ot/mosquitto/mosquitto.conf', 'ot');
    const sig = t.azureSasSig();
    mc.l(
      'listener 8883',
      'cafile /mosquitto/config/ca.crt',
      'certfile /mosquitto/config/server.crt',
      'keyfile /mosquitto/config/server.key',
    );
    mc.d('password_file /mosquitto/config/passwd', 'file reference');
    mc.l(
      'acl_file /mosquitto/config/acl',
      '',
      '# bridge to IoT Hub',
      'connection azure-iothub',
      'address kg-prod-iothub.azure-devices.net:8883',
    );
    mc.l(
      'remote_clientid edge-sub07',
      'remote_username kg-prod-iothub.azure-devices.net/edge-sub07/?api-version=2021-04-12',
    );
    mc.s(
      `remote_password SharedAccessSignature sr=kg-prod-iothub.azure-devices.net%2Fdevices%2Fedge-sub07&sig=${sig}&se=1798761600`,
      'azure',
      sig,
    );
    mc.l(
      'bridge_protocol_version mqttv311',
      'bridge_cafile /mosquitto/config/baltimore.pem',
      'topic devices/edge-sub07/messages/events/# out 1',
    );

    const pwf = repo.file('ot/mosquitto/passwd', 'ot');
    for (const u of ['meter-bridge', 'sub07-gw01', 'sub12-gw01', 'grafana'])
      pwf.d(`${u}:$7$101$${t.mixed(B64, 16)}$${t.mixed(B64, 86)}==`, 'mosquitto pbkdf2 hash');

    const nr = repo.file('ot/nodered/settings.js', 'ot');
    const cred = t.hex(32);
    nr.l('module.exports = {', '    uiPort: process.env.PORT || 1880,', '    flowFile: "flows.json",');
    nr.s(`    credentialSecret: "${cred}",`, 'generic', cred);
    nr.l('    adminAuth: {', '        type: "credentials",', '        users: [{', '            username: "admin",');
    nr.d(`            password: "$2b$08$${t.mixed(ALNUM + './', 53)}",`, 'bcrypt hash');
    nr.l('            permissions: "*"', '        }]', '    },', '};');
    const fc = repo.file('ot/nodered/flows_cred.json', 'ot');
    fc.d(`{"$":"${t.hex(32)}${t.mixed(B64, 300)}="}`, 'node-red encrypted credentials');

    const dnp = repo.file('ot/dnp3/outstation-sub07.xml', 'ot');
    const uk = hexU(32);
    dnp.l(
      '<Outstation name="SUB07-RTU1" address="10" master="1">',
      '  <Link><Tcp host="0.0.0.0" port="20000"/></Link>',
      '  <SecureAuthentication version="5">',
    );
    dnp.s(`    <UpdateKey user="1" algorithm="AES-128">${uk}</UpdateKey>`, 'generic', uk);
    dnp.d('    <UpdateKey user="2" algorithm="AES-128">${DNP3_UPDATE_KEY_USER2}</UpdateKey>', 'variable');
    dnp.l('    <MacAlgorithm>HMAC-SHA256-16</MacAlgorithm>', '  </SecureAuthentication>', '</Outstation>');

    const lw = repo.file('ot/lorawan/provisioning/streetlight-batch-2026-09.csv', 'ot');
    lw.l('dev_eui,join_eui,app_key,asset_id');
    for (let i = 0; i < 4; i++) {
      const k = hexU(32);
      lw.s(`${hexU(16)},70B3D57ED0000A1F,${k},SL-${t.digits(6)}`, 'generic', k);
    }
    lw.d(`${hexU(16)},70B3D57ED0000A1F,,SL-${t.digits(6)}`, 'row without key');

    const cs = repo.file('ot/lorawan/chirpstack/import_devices.py', 'ot');
    const cj = chirpJwt();
    cs.l(
      'import grpc',
      'from chirpstack_api import api',
      '',
      'channel = grpc.insecure_channel("chirpstack.ot.kgrid.local:8080")',
    );
    cs.s(`auth_token = [("authorization", "Bearer ${cj}")]`, 'jwt', cj);
    cs.d('APPLICATION_ID = "' + guid() + '"', 'application id');
    cs.d('DEVICE_PROFILE_ID = "' + guid() + '"', 'device profile id');

    const edge = repo.file('ot/iotedge/config.toml', 'ot');
    const ek = sasKey();
    edge.l('hostname = "kg-edge-ccr01"', '', '[provisioning]', 'source = "manual"');
    edge.s(`connection_string = "${iotConn('kg-edge-ccr01', ek)}"`, 'azure', ek);
    edge.l('', '[agent]', 'name = "edgeAgent"', 'type = "docker"', '[agent.config]');
    edge.d('image = "mcr.microsoft.com/azureiotedge-agent:1.5"', 'image');
    const dps = repo.file('ot/iotedge/dps-config.toml', 'ot');
    const dk = sasKey();
    dps.l('[provisioning]', 'source = "dps"', 'global_endpoint = "https://global.azure-devices-provisioning.net"');
    dps.d('id_scope = "0ne00A1B2C3"', 'dps scope id');
    dps.l('[provisioning.attestation]', 'method = "symmetric_key"', 'registration_id = "kg-edge-sub12"');
    dps.s(`symmetric_key = { value = "${dk}" }`, 'azure', dk);
  }

  // ---- Terraform azurerm -----------------------------------------------------------------
  {
    const p = repo.file('infra/terraform/envs/prod/providers.tf', 'iac');
    const cs = sp();
    p.l(
      'terraform {',
      '  required_providers {',
      '    azurerm = {',
      '      source  = "hashicorp/azurerm"',
      '      version = "~> 3.116"',
      '    }',
      '  }',
      '',
    );
    const bk = storKey();
    p.l(
      '  backend "azurerm" {',
      '    resource_group_name  = "kg-tfstate-rg"',
      '    storage_account_name = "kgtfstate"',
      '    container_name       = "tfstate"',
    );
    p.d('    key                  = "prod.terraform.tfstate"', 'state blob name');
    p.s(`    access_key           = "${bk}"`, 'azure', bk);
    p.l('  }', '}', '', 'provider "azurerm" {', '  features {}');
    p.d(`  subscription_id = "${subId}"`, 'subscription id');
    p.d(`  tenant_id       = "${tenantId}"`, 'tenant id');
    p.d(`  client_id       = "${guid()}"`, 'client id');
    p.s(`  client_secret   = "${cs}"`, 'azure', cs);
    p.l('}');

    const s = repo.file('infra/terraform/envs/prod/sql.tf', 'iac');
    const admin = pw();
    s.l(
      'resource "azurerm_mssql_server" "meterdata" {',
      '  name                         = "kg-prod-sql"',
      '  resource_group_name          = azurerm_resource_group.data.name',
    );
    s.l(
      '  location                     = var.location',
      '  version                      = "12.0"',
      '  administrator_login          = "kgsqladmin"',
    );
    s.s(`  administrator_login_password = "${admin}"`, 'generic', admin);
    s.l(
      '}',
      '',
      'resource "azurerm_postgresql_flexible_server" "tsdb" {',
      '  name                   = "kg-prod-tsdb"',
      '  administrator_login    = "tsadmin"',
    );
    s.d('  administrator_password = random_password.tsdb_admin.result', 'resource reference');
    s.l(
      '  sku_name               = "GP_Standard_D4s_v3"',
      '}',
      '',
      'resource "random_password" "tsdb_admin" {',
      '  length  = 32',
      '  special = true',
      '}',
    );

    const v = repo.file('infra/terraform/envs/prod/scada-jump.tf', 'iac');
    const vmPw = human();
    v.l(
      'resource "azurerm_windows_virtual_machine" "jump" {',
      '  name                = "kg-ot-jump01"',
      '  size                = "Standard_D2s_v5"',
      '  admin_username      = "kgadmin"',
    );
    v.s(`  admin_password      = "${vmPw}"`, 'generic', vmPw);
    v.l(
      '  network_interface_ids = [azurerm_network_interface.jump.id]',
      '}',
      '',
      'resource "azurerm_linux_virtual_machine" "historian_proxy" {',
    );
    v.l(
      '  name           = "kg-ot-proxy01"',
      '  admin_username = "azureuser"',
      '  admin_ssh_key {',
      '    username   = "azureuser"',
    );
    v.d(`    public_key = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ${t.mixed(B64, 340)} ops@kestrelgrid"`, 'public key');
    v.l('  }', '}');

    const kv = repo.file('infra/terraform/envs/prod/keyvault.tf', 'iac');
    const kvPw = pw();
    kv.l('resource "azurerm_key_vault_secret" "pi_webapi" {', '  name         = "pi-webapi-password"');
    kv.s(`  value        = "${kvPw}"`, 'generic', kvPw);
    kv.l(
      '  key_vault_id = azurerm_key_vault.ot.id',
      '}',
      '',
      'resource "azurerm_key_vault_secret" "influx" {',
      '  name         = "influx-token"',
    );
    kv.d('  value        = var.influx_token', 'variable');
    kv.l('  key_vault_id = azurerm_key_vault.ot.id', '}');
    kv.d(`  # object id of the pipeline SP: ${guid()}`, 'object id');

    const tv = repo.file('infra/terraform/envs/prod/terraform.tfvars', 'iac');
    const tvS = sp();
    const tvG = pw();
    const tvTok = influx();
    tv.l('location            = "westeurope"', 'environment         = "prod"');
    tv.s(`arm_client_secret   = "${tvS}"`, 'azure', tvS);
    tv.s(`grafana_admin_password = "${tvG}"`, 'generic', tvG);
    tv.s(`influx_token        = "${tvTok}"`, 'influxdb', tvTok);
    tv.d('alert_email         = "ot-oncall@kestrelgrid.com"', 'email');

    const vars = repo.file('infra/terraform/modules/eventhub/variables.tf', 'iac');
    vars.l('variable "namespace" {', '  type = string', '}', '');
    vars.d('variable "client_secret" {', 'variable declaration');
    vars.l('  type      = string');
    vars.d('  sensitive = true', 'attribute');
    vars.l('}');
    vars.d('variable "send_key_name" { default = "RootManageSharedAccessKey" }', 'policy name');

    const st = repo.file('infra/terraform/envs/prod/terraform.tfstate', 'iac');
    const pak = storKey();
    const pcsKey = storKey();
    const stPw = pw();
    const rnd = t.mixed(ALNUM + '!#$%&*()-_=+[]{}<>:?', 32);
    st.l('{', '  "version": 4,', '  "terraform_version": "1.9.5",');
    st.d(`  "lineage": "${guid()}",`, 'state lineage');
    st.l(
      '  "resources": [',
      '    {',
      '      "type": "azurerm_storage_account",',
      '      "name": "historian",',
      '      "instances": [',
      '        {',
      '          "attributes": {',
    );
    st.d(
      `            "id": "/subscriptions/${subId}/resourceGroups/kg-prod-data-rg/providers/Microsoft.Storage/storageAccounts/kgprodhistorian",`,
      'resource id',
    );
    st.s(`            "primary_access_key": "${pak}",`, 'azure', pak);
    st.s(`            "primary_connection_string": "${storConn('kgprodhistorian', pcsKey)}",`, 'azure', pcsKey);
    st.l(
      '            "primary_blob_endpoint": "https://kgprodhistorian.blob.core.windows.net/"',
      '          }',
      '        }',
      '      ]',
      '    },',
    );
    st.l('    {', '      "type": "azurerm_mssql_server",', '      "instances": [{ "attributes": {');
    st.s(`            "administrator_login_password": "${stPw}",`, 'generic', stPw);
    st.l('            "fully_qualified_domain_name": "kg-prod-sql.database.windows.net"', '      } }]', '    },');
    st.l(
      '    {',
      '      "type": "random_password",',
      '      "name": "tsdb_admin",',
      '      "instances": [{ "attributes": {',
    );
    st.d(`            "bcrypt_hash": "$2a$10$${t.mixed(ALNUM + './', 53)}",`, 'bcrypt hash');
    st.s(`            "result": ${JSON.stringify(rnd)},`, 'generic', rnd);
    st.l('            "length": 32', '      } }]', '    }', '  ]', '}');
  }

  // ---- Ansible ---------------------------------------------------------------------------
  {
    const h = repo.file('deploy/ansible/inventories/ot/hosts.ini', 'ansible');
    h.l('[rtu_gateways]');
    for (const n of ['07', '12', '19']) {
      const p = pwa();
      h.s(
        `sub${n}-gw01 ansible_host=10.40.${Number(n)}.10 ansible_user=svc_ansible ansible_password=${p}`,
        'generic',
        p,
      );
    }
    h.l('', '[historians]');
    const wp = human();
    h.s(
      `kg-pihist01 ansible_host=10.30.1.20 ansible_user=KGRID\\svc_ansible ansible_password=${wp} ansible_connection=winrm`,
      'generic',
      wp,
    );
    h.d(
      'kg-pihist02 ansible_host=10.30.1.21 ansible_user=KGRID\\svc_ansible ansible_password="{{ vault_winrm_password }}"',
      'vault reference',
    );
    h.l('', '[all:vars]');
    const bp = pw();
    h.s(`ansible_become_pass=${bp}`, 'generic', bp);
    h.d('ansible_ssh_private_key_file=~/.ssh/kg_ot_ansible', 'file path');

    const w = repo.file('deploy/ansible/inventories/ot/group_vars/windows.yml', 'ansible');
    const wwp = pw();
    w.l(
      'ansible_connection: winrm',
      'ansible_winrm_transport: ntlm',
      'ansible_winrm_server_cert_validation: ignore',
      'ansible_user: KGRID\\svc_ansible',
    );
    w.s(`ansible_winrm_password: ${wwp}`, 'generic', wwp);

    const hv = repo.file('deploy/ansible/inventories/ot/group_vars/historians.yml', 'ansible');
    const it = influx();
    hv.d('pi_admin_password: "{{ vault_pi_admin_password }}"', 'vault reference');
    hv.s(`influx_admin_token: "${it}"`, 'influxdb', it);
    hv.d("pi_collective_password: \"{{ lookup('env', 'PI_COLLECTIVE_PASSWORD') }}\"", 'env lookup');
    hv.d(`pi_server_id: "${guid()}"`, 'server id');

    const ts = repo.file('deploy/ansible/inventories/ot/host_vars/kg-tsdb01.yml', 'ansible');
    const g1 = pwa();
    ts.l('postgresql_version: 16', 'postgresql_users:', '  - name: grafana_ro');
    ts.s(`    password: ${g1}`, 'generic', g1);
    ts.l('  - name: replicator');
    ts.d(`    password: md5${t.pick(HEX, 32)}`, 'md5 password hash');
    ts.l('    encrypted: true');
    ts.l('  - name: telegraf');
    ts.d('    password: "{{ vault_tsdb_telegraf_password }}"', 'vault reference');

    const av = repo.file('deploy/ansible/inventories/ot/group_vars/all/vault.yml', 'ansible');
    av.l('$ANSIBLE_VAULT;1.1;AES256');
    for (let i = 0; i < 5; i++) av.d(t.pick(HEX, 80), 'ansible vault ciphertext');

    const pb = repo.file('deploy/ansible/playbooks/mqtt-broker.yml', 'ansible');
    const mqAdmin = pwa();
    pb.l('- hosts: mqtt_brokers', '  become: true', '  tasks:', '    - name: create bridge user');
    pb.s(
      `      ansible.builtin.command: mosquitto_passwd -b /etc/mosquitto/passwd meter-bridge ${mqAdmin}`,
      'generic',
      mqAdmin,
    );
    pb.l('    - name: restart broker', '      ansible.builtin.service: name=mosquitto state=restarted');
    pb.d('      no_log: true', 'setting');
  }

  // ---- Docker Compose --------------------------------------------------------------------
  {
    const c = repo.file('ot/edge-stack/docker-compose.yml', 'docker');
    const ip = pw();
    const it = influx();
    const gp = human();
    const tp = pwa();
    const rp = t.alnum(24);
    c.l('services:', '  influxdb:');
    c.d(`    image: influxdb:2.7@sha256:${t.sha256()}`, 'image digest');
    c.l('    environment:', '      DOCKER_INFLUXDB_INIT_MODE: setup', '      DOCKER_INFLUXDB_INIT_USERNAME: kgadmin');
    c.s(`      DOCKER_INFLUXDB_INIT_PASSWORD: "${ip}"`, 'generic', ip);
    c.l('      DOCKER_INFLUXDB_INIT_ORG: kestrel-grid');
    c.s(`      DOCKER_INFLUXDB_INIT_ADMIN_TOKEN: ${it}`, 'influxdb', it);
    c.l('  grafana:', '    image: grafana/grafana:11.3.0', '    environment:');
    c.s(`      - GF_SECURITY_ADMIN_PASSWORD=${gp}`, 'generic', gp);
    c.d('      - GF_DATABASE_PASSWORD=${GF_DB_PASSWORD}', 'variable');
    c.l('  timescaledb:', '    image: timescale/timescaledb:2.17.2-pg16', '    environment:');
    c.s(`      POSTGRES_PASSWORD: ${tp}`, 'generic', tp);
    c.d('    healthcheck: { test: ["CMD", "pg_isready", "-U", "postgres"] }', 'healthcheck');
    c.l('  redis:', '    image: redis:7-alpine');
    c.s(`    command: ["redis-server", "--requirepass", "${rp}"]`, 'generic', rp);
    c.l('  mosquitto:', '    image: eclipse-mosquitto:2.0.20', '    volumes:');
    c.d('      - ./mosquitto/passwd:/mosquitto/config/passwd:ro', 'volume');
    c.l('  nodered:', '    image: nodered/node-red:4.0');
    c.d('    env_file: .env.nodered', 'file reference');

    const d = repo.file('ot/edge-stack/.docker/config.json', 'docker');
    const acr = t.mixed(B64, 32).replace(/\//g, 'x');
    d.l('{', '  "auths": {', '    "kgridacr.azurecr.io": {');
    d.s(`      "auth": "${b64(`kgridacr:${acr}`)}"`, 'azure', acr);
    d.l('    },', '    "ghcr.io": {');
    const gh = t.github();
    d.s(`      "auth": "${b64(`kg-ot-bot:${gh}`)}"`, 'github', gh);
    d.l('    }', '  },', '  "credsStore": "desktop"', '}');

    const pc = repo.file('pipelines/docker-compose.yml', 'docker');
    const pcp = pw();
    pc.l(
      'services:',
      '  ingest:',
      '    build: ./telemetry',
      '    environment:',
      '      - INFLUX_URL=http://influxdb:8086',
    );
    pc.d('      - INFLUX_TOKEN=${INFLUX_TOKEN:?set INFLUX_TOKEN}', 'required variable');
    pc.s(`      - PI_WEBAPI_PASSWORD=${pcp}`, 'generic', pcp);
    pc.l(
      '  pgadmin:',
      '    image: dpage/pgadmin4',
      '    environment:',
      '      PGADMIN_DEFAULT_EMAIL: ot-data@kestrelgrid.com',
    );
    pc.d('      PGADMIN_DEFAULT_PASSWORD: admin', 'default password (local only)');
  }

  // ---- Azure DevOps pipelines ------------------------------------------------------------
  {
    const a = repo.file('azure-pipelines/meterdata-release.yml', 'ci');
    const s1 = sp();
    const s2 = sp();
    const sqlPw = pw();
    const sas = sasQuery('rw');
    const pat = adoPat();
    const ehk = sasKey();
    a.l(
      'trigger:',
      '  branches: { include: [main] }',
      '',
      'variables:',
      '  - group: kg-prod-secrets',
      '  - name: ARM_CLIENT_ID',
    );
    a.d(`    value: ${guid()}`, 'client id');
    a.l('  - name: ARM_CLIENT_SECRET');
    a.s(`    value: '${s1}'`, 'azure', s1);
    a.l('  - name: ARM_TENANT_ID');
    a.d(`    value: ${tenantId}`, 'tenant id');
    a.l('  - name: EVENTHUB_CS_B64');
    a.s(`    value: ${b64(ehConn('kg-prod-telemetry', 'release-send', ehk, 'deploy-events'))}`, 'azure', ehk);
    a.l(
      '',
      'stages:',
      '  - stage: deploy',
      '    jobs:',
      '      - job: infra',
      '        pool: { vmImage: ubuntu-latest }',
      '        steps:',
    );
    a.l('          - checkout: self');
    a.d('            persistCredentials: true', 'setting');
    a.l('          - script: |');
    a.s(
      `              az login --service-principal -u $(ARM_CLIENT_ID) -p "${s2}" --tenant $(ARM_TENANT_ID)`,
      'azure',
      s2,
    );
    a.s(
      `              sqlcmd -S kg-prod-sql.database.windows.net -d meterdata -U deploy -P '${sqlPw}' -i db/migrations/V42__interval_reads.sql`,
      'generic',
      sqlPw,
    );
    a.s(
      `              curl -sf -X PUT -H "x-ms-blob-type: BlockBlob" --data-binary @out/agent.zip "https://kgprodreleases.blob.core.windows.net/edge/agent.zip?${sas}"`,
      'azure',
      sas.slice(sas.indexOf('sig=') + 4),
    );
    a.s(
      `              git clone https://kgrid:${pat}@dev.azure.com/kestrelgrid/OT/_git/edge-agent`,
      'azure-devops',
      pat,
    );
    a.l('            displayName: deploy');
    a.l('            env:');
    a.d('              SYSTEM_ACCESSTOKEN: $(System.AccessToken)', 'pipeline macro');
    a.d('              ARM_CLIENT_SECRET: $(ARM_CLIENT_SECRET)', 'pipeline macro');
    a.d('              TF_VAR_influx_token: ${{ variables.influxToken }}', 'template expression');
    a.l('          - task: AzureCLI@2', '            inputs:');
    a.d('              azureSubscription: kg-prod-arm-connection', 'service connection name');
    a.l('              scriptType: pscore', '              scriptLocation: inlineScript');

    const b = repo.file('azure-pipelines/edge-agent-ci.yml', 'ci');
    const gh = t.github();
    const slack = t.slackWebhook();
    const bpw = pw();
    b.l(
      'pool:',
      '  name: kg-ot-agents',
      'variables:',
      '  GOPRIVATE: dev.azure.com/kestrelgrid/*',
      '  GOFLAGS: -mod=mod',
      'steps:',
    );
    b.s(
      `  - script: git config --global url."https://x-access-token:${gh}@github.com/".insteadOf "https://github.com/"`,
      'github',
      gh,
    );
    b.l('  - script: go test ./...', '  - script: |');
    b.s(
      `      curl -X POST -H 'Content-type: application/json' --data '{"text":"edge-agent $(Build.BuildNumber) built"}' ${slack}`,
      'slack',
      slack,
    );
    b.l('    condition: succeeded()');
    b.l('  - task: Docker@2', '    inputs:');
    b.d('      containerRegistry: kgridacr-connection', 'service connection');
    b.l('      command: buildAndPush');
    b.s(`  - script: docker login kgridnexus.kgrid.local:8443 -u ci-publisher -p '${bpw}'`, 'generic', bpw);
    b.d('  - script: echo "##vso[task.setvariable variable=ImageTag]$(Build.SourceVersion)"', 'logging command');

    const tpl = repo.file('azure-pipelines/templates/terraform-plan.yml', 'ci');
    tpl.l(
      'parameters:',
      '  - name: environment',
      '    type: string',
      'steps:',
      '  - script: terraform init -backend-config="access_key=$(TFSTATE_ACCESS_KEY)"',
    );
    tpl.d(
      '    env: { ARM_CLIENT_SECRET: $(ArmClientSecret), ARM_ACCESS_KEY: $(TFSTATE_ACCESS_KEY) }',
      'pipeline macros',
    );
    tpl.d('  - script: terraform plan -var "sql_admin_password=$(SqlAdminPassword)" -out tfplan', 'pipeline macro');
    tpl.d('  - script: echo "##vso[task.setsecret]$(ArmClientSecret)"', 'logging command');
  }

  // ---- Go edge agents --------------------------------------------------------------------
  {
    const f = repo.file('edge/agent/internal/config/defaults.go', 'go');
    const mp = pw();
    const it = influx();
    const ps = human();
    f.l(
      'package config',
      '',
      'import "time"',
      '',
      '// Default is used when /etc/kg-edge/agent.yaml is missing (field units in the lab).',
      'var Default = Config{',
    );
    f.l(
      '\tBroker:       "ssl://mqtt.ot.kestrelgrid.com:8883",',
      '\tClientID:     "edge-agent",',
      '\tUsername:     "edge-agent",',
    );
    f.s(`\tPassword:     "${mp}",`, 'generic', mp);
    f.l('\tInfluxURL:    "https://influx.ot.kestrelgrid.com:8086",');
    f.s(`\tInfluxToken:  "${it}",`, 'influxdb', it);
    f.l('\tPollInterval: 5 * time.Second,', '\tPI: PIConfig{', '\t\tUser: "svc_edge_pi",');
    f.s(`\t\tPassword: "${ps}",`, 'generic', ps);
    f.l('\t},', '}');

    const m = repo.file('edge/agent/cmd/agent/main.go', 'go');
    const mp2 = pwa();
    const it2 = influx();
    const dk = sasKey();
    m.l(
      'package main',
      '',
      'import (',
      '\t"os"',
      '',
      '\tmqtt "github.com/eclipse/paho.mqtt.golang"',
      '\tinfluxdb2 "github.com/influxdata/influxdb-client-go/v2"',
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
      '\topts := mqtt.NewClientOptions().AddBroker("ssl://mqtt.ot.kestrelgrid.com:8883")',
      '\topts.SetClientID("edge-" + hostname())',
      '\topts.SetUsername("edge-agent")',
    );
    m.s(`\topts.SetPassword("${mp2}")`, 'generic', mp2);
    m.s(`\tinflux := influxdb2.NewClient("https://influx.ot.kestrelgrid.com:8086", "${it2}")`, 'influxdb', it2);
    m.s(`\tdeviceKey := getenv("IOTHUB_DEVICE_KEY", "${dk}")`, 'azure', dk);
    m.d('\tpiPassword := os.Getenv("PI_PASSWORD")', 'env lookup');
    m.l('\tdefer influx.Close()', '\trun(opts, influx, deviceKey, piPassword)', '}');

    const c = repo.file('edge/agent/internal/iothub/conn.go', 'go');
    const ck = sasKey();
    c.l('package iothub', '', '// TODO(ot-platform): move to DPS before the Q3 rollout');
    c.s(`const deviceConnString = "${iotConn('edge-lab-01', ck)}"`, 'azure', ck);
    c.d('const apiVersion = "2021-04-12"', 'api version');

    const hm = repo.file('edge/agent/internal/auth/hmac.go', 'go');
    const hk = t.hex(64);
    hm.l('package auth', '', 'import "crypto/hmac"', '');
    hm.s(`var telemetrySigningKey = []byte("${hk}")`, 'generic', hk);
    hm.d(`const firmwareSHA256 = "${t.sha256()}"`, 'checksum');

    const rg = repo.file('edge/agent/internal/modbus/registers.go', 'go');
    rg.l('package modbus', '', 'const (');
    rg.d('\tRegIAMag    = 0x9C41 // 40001', 'register address');
    rg.d('\tRegFwCRC    = 0x9CA5', 'register address');
    rg.d(`\tDeviceMagic = 0x${hexU(8)}`, 'magic number');
    rg.l(')');

    const gs = repo.file('edge/agent/go.sum', 'go');
    for (const mod of [
      'github.com/eclipse/paho.mqtt.golang v1.5.0',
      'github.com/influxdata/influxdb-client-go/v2 v2.14.0',
      'github.com/goburrow/modbus v0.1.0',
    ])
      gs.d(`${mod} h1:${t.mixed(B64, 43)}=`, 'go.sum hash');

    const nr = repo.file('edge/agent/build/netrc', 'go');
    const pat = adoPat();
    nr.s(`machine dev.azure.com login kgrid password ${pat}`, 'azure-devops', pat);

    const y = repo.file('edge/agent/configs/agent.lab.yaml', 'go');
    const yp = pw();
    y.l('broker: ssl://mqtt-lab.ot.kgrid.local:8883', 'username: edge-lab');
    y.s(`password: '${yp}'`, 'generic', yp);
    y.d('influx_token: ${INFLUX_TOKEN}', 'variable');
    y.d('device_key_file: /etc/kg-edge/device.key', 'file path');
  }

  // ---- C/C++ firmware --------------------------------------------------------------------
  {
    const h = repo.file('firmware/meter-fw/include/secrets.h', 'firmware');
    const wifi = human();
    const mq = pwa();
    const dkey = sasKey();
    const guek = hexU(32);
    const gak = hexU(32);
    h.l(
      '#pragma once',
      '/* Field-commissioning build. Do NOT ship to production meters. */',
      '',
      '#define WIFI_SSID        "KG-FIELD-OPS"',
    );
    h.s(`#define WIFI_PASSWORD    "${wifi}"`, 'generic', wifi);
    h.l('#define MQTT_HOST        "mqtt.ot.kestrelgrid.com"', '#define MQTT_USER        "meter-%06u"');
    h.s(`#define MQTT_PASSWORD    "${mq}"`, 'generic', mq);
    h.s(`#define IOT_HUB_DEVICE_KEY "${dkey}"`, 'azure', dkey);
    h.s(`#define DLMS_GUEK "${guek}"  /* global unicast encryption key */`, 'generic', guek);
    h.s(`#define DLMS_GAK  "${gak}"  /* authentication key */`, 'generic', gak);

    const dd = repo.file('firmware/meter-fw/include/dlms_defaults.h', 'firmware');
    dd.l('#pragma once', '/* DLMS UA Green Book test keys, used by the conformance test suite only */');
    dd.d('#define DLMS_TEST_GUEK "000102030405060708090A0B0C0D0E0F"', 'green book test key');
    dd.d('#define DLMS_TEST_GAK  "D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF"', 'green book test key');
    dd.d('#define DLMS_LLS_DEFAULT_PASSWORD "00000000"', 'documented default');
    dd.d('#define DLMS_HLS_SECRET_LEN 16', 'length');

    const lk = repo.file('firmware/meter-fw/src/lorawan_keys.c', 'firmware');
    const appkey = cbytes(16);
    const nwks = cbytes(16);
    lk.l('#include <lmic.h>', '', '// LSB first');
    lk.d(`static const u1_t PROGMEM DEVEUI[8] = { ${cbytes(8)} };`, 'dev eui (public id)');
    lk.d(
      'static const u1_t PROGMEM APPEUI[8] = { 0x1F, 0x0A, 0x00, 0xD0, 0x7E, 0xD5, 0xB3, 0x70 };',
      'join eui (public id)',
    );
    lk.l('// MSB first');
    lk.s(`static const u1_t PROGMEM APPKEY[16] = { ${appkey} };`, 'generic', appkey);
    lk.s(`static const PROGMEM u1_t NWKSKEY[16] = { ${nwks} };`, 'generic', nwks);
    lk.d('// Semtech sample: 2B7E151628AED2A6ABF7158809CF4F3C (FIPS-197 test key)', 'documented test key');
    lk.l('void os_getArtEui(u1_t* buf) { memcpy_P(buf, APPEUI, 8); }');

    const ota = repo.file('firmware/meter-fw/include/ota_signing_key.h', 'firmware');
    const ec = t.ecPem();
    ota.l(
      '#pragma once',
      '/* used by tools/sign_image.c on the build host */',
      'static const char OTA_SIGNING_KEY_PEM[] =',
    );
    ota.s(
      ec.map((l) => `    "${l}\\n"`).map((l, i, a) => (i === a.length - 1 ? `${l};` : l)),
      'private-key',
      ec.slice(1, -1).join('\n'),
    );
    const pub = repo.file('firmware/meter-fw/include/ota_pubkey.h', 'firmware');
    pub.l('#pragma once', '/* P-256 public key for image verification (uncompressed point) */');
    pub.d(`static const uint8_t OTA_PUBKEY[65] = { 0x04, ${cbytes(64)} };`, 'public key bytes');
    pub.d(`#define OTA_IMAGE_SHA256 "${t.sha256()}"`, 'checksum');

    const rt = repo.file('firmware/rtu-fw/config/defaults.hpp', 'firmware');
    const rw = t.alnum(16);
    const ap = human();
    rt.l(
      '#pragma once',
      '#include <string_view>',
      '',
      'namespace kg::rtu::defaults {',
      'inline constexpr int kModbusUnit = 1;',
    );
    rt.s(`constexpr const char* kSnmpCommunityRw = "${rw}";`, 'generic', rw);
    rt.s(`inline constexpr std::string_view kAdminPassword{"${ap}"};`, 'generic', ap);
    rt.d('inline constexpr std::string_view kAdminUser{"admin"};', 'username');
    rt.d('inline constexpr std::string_view kPasswordPolicy{"min12,upper,digit"};', 'policy');
    rt.l('}  // namespace kg::rtu::defaults');

    const sdk = repo.file('firmware/meter-fw/sdkconfig.defaults', 'firmware');
    const sw = pw();
    sdk.l('CONFIG_ESP_WIFI_SSID="KG-FIELD-OPS"');
    sdk.s(`CONFIG_ESP_WIFI_PASSWORD="${sw}"`, 'generic', sw);
    sdk.l('CONFIG_MQTT_BROKER_URI="mqtts://mqtt.ot.kestrelgrid.com:8883"');
    sdk.d('CONFIG_MQTT_PASSWORD=""', 'empty');
    const kc = repo.file('firmware/meter-fw/main/Kconfig.projbuild', 'firmware');
    kc.l('menu "Meter config"', '    config MQTT_PASSWORD', '        string "MQTT password"');
    kc.d('        default "changeme"', 'placeholder default');
    kc.l('endmenu');
    const mq2 = repo.file('firmware/meter-fw/main/mqtt_client.c', 'firmware');
    mq2.l('#include "mqtt_client.h"', '#include "secrets.h"', '', 'static esp_mqtt_client_config_t cfg = {');
    mq2.d('    .credentials.authentication.password = CONFIG_MQTT_PASSWORD,', 'kconfig macro');
    mq2.d('    .credentials.username = MQTT_USER,', 'macro');
    mq2.l('};');
  }

  // ---- SQL scripts -----------------------------------------------------------------------
  {
    const s = repo.file('db/historian/001_create_logins.sql', 'sql');
    const p1 = pw();
    const p2 = human();
    const p3 = pw();
    const sas = sasQuery('rl');
    const p4 = pwa();
    s.l('USE [master];', 'GO');
    s.s(`CREATE LOGIN [svc_pi_sql] WITH PASSWORD = N'${p1}', CHECK_POLICY = OFF;`, 'generic', p1);
    s.s(`ALTER LOGIN [sa] WITH PASSWORD = '${p2}';`, 'generic', p2);
    s.d('CREATE LOGIN [KGRID\\svc_historian] FROM WINDOWS WITH DEFAULT_DATABASE = [Runtime];', 'windows login');
    s.l('GO', 'USE [Runtime];');
    s.s(`CREATE MASTER KEY ENCRYPTION BY PASSWORD = '${p3}';`, 'generic', p3);
    s.s(
      `CREATE DATABASE SCOPED CREDENTIAL BlobArchive WITH IDENTITY = 'SHARED ACCESS SIGNATURE', SECRET = '${sas}';`,
      'azure',
      sas.slice(sas.indexOf('sig=') + 4),
    );
    s.s(
      `EXEC sp_addlinkedsrvlogin @rmtsrvname = N'PIOLEDB', @useself = N'False', @locallogin = NULL, @rmtuser = N'piadmin', @rmtpassword = N'${p4}';`,
      'generic',
      p4,
    );
    s.d("CREATE LOGIN [report_reader] WITH PASSWORD = N'$(ReportReaderPassword)';", 'sqlcmd variable');
    s.d(`-- password hash for audit: 0x0200${hexU(136)}`, 'sql server password hash');

    const p = repo.file('db/timescale/010_roles.sql', 'sql');
    const q1 = pwa();
    const q2 = pw();
    p.l('CREATE EXTENSION IF NOT EXISTS timescaledb;');
    p.s(`CREATE ROLE tsdb_writer LOGIN PASSWORD '${q1}';`, 'generic', q1);
    p.d(
      `ALTER ROLE grafana_ro WITH PASSWORD 'SCRAM-SHA-256$4096:${t.mixed(B64, 22)}==$${t.mixed(B64, 43)}=:${t.mixed(B64, 43)}=';`,
      'scram verifier',
    );
    p.s(`CREATE USER MAPPING FOR postgres SERVER pi_odbc OPTIONS (user 'piuser', password '${q2}');`, 'generic', q2);
    p.d("ALTER ROLE telegraf WITH PASSWORD :'telegraf_password';", 'psql variable');
    p.l('GRANT SELECT ON ALL TABLES IN SCHEMA scada TO grafana_ro;');

    const sd = repo.file('db/seed/dev_operators.sql', 'sql');
    sd.l('INSERT INTO operators (username, display_name, password_hash) VALUES');
    for (const u of ['jmorales', 'kpatel', 'lnguyen'])
      sd.d(`  ('${u}', '${u}', '$2a$12$${t.mixed(ALNUM + './', 53)}'),`, 'bcrypt hash');
    sd.d("  ('admin', 'Administrator', 'CHANGE_ME_ON_FIRST_LOGIN');", 'placeholder');
  }

  // ---- monitoring / alerting -------------------------------------------------------------
  {
    const a = repo.file('ops/monitoring/alertmanager.yml', 'ops');
    const pd = t.hex(32);
    const sl = t.slackWebhook();
    const sp_ = pw();
    a.l(
      'global:',
      '  smtp_smarthost: smtp.office365.com:587',
      '  smtp_from: alerts@kestrelgrid.com',
      '  smtp_auth_username: alerts@kestrelgrid.com',
    );
    a.s(`  smtp_auth_password: '${sp_}'`, 'generic', sp_);
    a.l('receivers:', '  - name: ot-oncall', '    pagerduty_configs:');
    a.s(`      - routing_key: ${pd}`, 'pagerduty', pd);
    a.l('    slack_configs:');
    a.s(`      - api_url: ${sl}`, 'slack', sl);
    a.l('        channel: "#ot-alerts"');
    a.d('      - api_url_file: /etc/alertmanager/slack_url', 'file reference');

    const g = repo.file('ops/monitoring/grafana/provisioning/datasources/ot.yaml', 'ops');
    const it = influx();
    const tp = pw();
    const gs = glsa();
    g.l(
      'apiVersion: 1',
      'datasources:',
      '  - name: InfluxDB-SCADA',
      '    type: influxdb',
      '    url: https://influx.ot.kestrelgrid.com:8086',
      '    jsonData:',
      '      version: Flux',
      '      organization: kestrel-grid',
      '    secureJsonData:',
    );
    g.s(`      token: ${it}`, 'influxdb', it);
    g.l(
      '  - name: TimescaleDB',
      '    type: postgres',
      '    url: kg-tsdb01.ot.kgrid.local:5432',
      '    user: grafana_ro',
      '    secureJsonData:',
    );
    g.s(`      password: "${tp}"`, 'generic', tp);
    g.l('  - name: Grafana-Central', '    type: grafana', '    secureJsonData:');
    g.s(`      apiKey: ${gs}`, 'grafana', gs);
    g.l('  - name: Historian-SQL', '    type: mssql', '    secureJsonData:');
    g.d('      password: $__env{HISTORIAN_SQL_PASSWORD}', 'grafana env interpolation');

    const fb = repo.file('ops/logging/fluent-bit.conf', 'ops');
    const hec = guid();
    fb.l(
      '[INPUT]',
      '    Name   syslog',
      '    Mode   udp',
      '    Port   5140',
      '',
      '[OUTPUT]',
      '    Name         splunk',
      '    Match        *',
      '    Host         hec.splunk.kestrelgrid.com',
      '    Port         8088',
    );
    fb.s(`    Splunk_Token ${hec}`, 'splunk', hec);
    fb.l('    TLS          On');
    fb.d('    Splunk_Token_Key ${SPLUNK_HEC_TOKEN}', 'variable');
  }

  // ---- AKS manifests ---------------------------------------------------------------------
  {
    const k = repo.file('deploy/aks/telemetry/secret.yaml', 'k8s');
    const ek = sasKey();
    const it = influx();
    const tp = pwa();
    k.l(
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: telemetry-ingest',
      '  namespace: ot-data',
      'type: Opaque',
      'data:',
    );
    k.s(
      `  EVENTHUB_CONNECTION_STRING: ${b64(ehConn('kg-prod-telemetry', 'aks-listen', ek, 'scada-events'))}`,
      'azure',
      ek,
    );
    k.s(`  INFLUX_TOKEN: ${b64(it)}`, 'influxdb', it);
    k.s(`  TSDB_URL: ${b64(`postgresql://tsdb_writer:${tp}@kg-tsdb01.ot.kgrid.local:5432/telemetry`)}`, 'database', tp);
    k.d(`  LOG_LEVEL: ${b64('info')}`, 'base64 of a setting');
    k.d(`  INFLUX_ORG: ${b64('kestrel-grid')}`, 'base64 of a setting');

    const spc = repo.file('deploy/aks/telemetry/secretproviderclass.yaml', 'k8s');
    spc.l(
      'apiVersion: secrets-store.csi.x-k8s.io/v1',
      'kind: SecretProviderClass',
      'metadata:',
      '  name: kg-ot-kv',
      'spec:',
      '  provider: azure',
      '  parameters:',
    );
    spc.d('    keyvaultName: kg-prod-ot-kv', 'vault name');
    spc.d(`    tenantId: ${tenantId}`, 'tenant id');
    spc.d(`    userAssignedIdentityID: ${guid()}`, 'managed identity client id');
    spc.l(
      '    objects: |',
      '      array:',
      '        - |',
      '          objectName: influx-token',
      '          objectType: secret',
    );

    const dep = repo.file('deploy/aks/telemetry/deployment.yaml', 'k8s');
    const sv = pw();
    dep.l(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: { name: pi-bridge, namespace: ot-data }',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '        - name: pi-bridge',
    );
    dep.d(`          image: kgridacr.azurecr.io/ot/pi-bridge@sha256:${t.sha256()}`, 'image digest');
    dep.l(
      '          env:',
      '            - name: PI_WEBAPI_USER',
      '              value: KGRID\\svc_piwebapi',
      '            - name: PI_WEBAPI_PASSWORD',
    );
    dep.s(`              value: "${sv}"`, 'generic', sv);
    dep.l('            - name: INFLUX_TOKEN', '              valueFrom:', '                secretKeyRef:');
    dep.d('                  name: telemetry-ingest', 'secret name');
    dep.d('                  key: INFLUX_TOKEN', 'secret key');
  }

  // ---- credential stores for package feeds ------------------------------------------------
  {
    const n = repo.file('web/outage-map/.npmrc', 'credstore');
    const pat = adoPat();
    n.l('registry=https://pkgs.dev.azure.com/kestrelgrid/_packaging/kg-npm/npm/registry/', 'always-auth=true', '');
    n.l('; begin auth token', '//pkgs.dev.azure.com/kestrelgrid/_packaging/kg-npm/npm/registry/:username=kestrelgrid');
    n.s(`//pkgs.dev.azure.com/kestrelgrid/_packaging/kg-npm/npm/registry/:_password=${b64(pat)}`, 'azure-devops', pat);
    n.l(
      "//pkgs.dev.azure.com/kestrelgrid/_packaging/kg-npm/npm/registry/:email=npm requires email to be set but doesn't use the value",
      '; end auth token',
    );

    const pc = repo.file('pipelines/telemetry/pip.conf', 'credstore');
    const pat2 = adoPat();
    pc.l('[global]');
    pc.s(
      `index-url = https://kestrelgrid:${pat2}@pkgs.dev.azure.com/kestrelgrid/_packaging/kg-python/pypi/simple/`,
      'azure-devops',
      pat2,
    );
    pc.d('extra-index-url = https://pypi.org/simple', 'public index');

    const om = repo.file('web/outage-map/src/config.ts', 'web');
    const mb = `pk.${Buffer.from(JSON.stringify({ u: 'kestrelgrid', a: t.lower(25) })).toString('base64url')}.${t.mixed(URLSAFE, 22)}`;
    const gk = t.gcpApiKey();
    om.l('// shipped to the browser');
    om.d(`export const MAPBOX_PUBLIC_TOKEN = '${mb}';`, 'mapbox public token');
    om.d(
      `export const APPINSIGHTS_CONNECTION = 'InstrumentationKey=${guid()};IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/';`,
      'app insights',
    );
    om.d(`export const AAD_CLIENT_ID = '${guid()}';`, 'client id');
    om.s(`export const GEOCODER_KEY = '${gk}'; // TODO restrict by referrer`, 'gcp', gk);
    om.d(`export const BUILD_SHA = '${t.sha1()}';`, 'git sha');
  }

  // ---- logs ------------------------------------------------------------------------------
  {
    const s = repo.file('logs/syslog/sub07-gw01.log', 'logs');
    const sudo = pwa();
    const ik = sasKey();
    const cron = pwa();
    s.d(
      'Nov 30 02:14:07 sub07-gw01 sshd[2211]: Failed password for invalid user admin from 10.40.7.99 port 51122 ssh2',
      'auth failure message',
    );
    s.d(
      'Nov 30 02:14:09 sub07-gw01 sshd[2211]: Accepted publickey for opsadmin from 10.40.0.5 port 51130 ssh2: ED25519 SHA256:' +
        t.mixed(B64, 43),
      'key fingerprint',
    );
    s.s(
      `Nov 30 02:15:41 sub07-gw01 sudo: opsadmin : TTY=pts/0 ; PWD=/home/opsadmin ; USER=root ; COMMAND=/usr/bin/mosquitto_passwd -b /etc/mosquitto/passwd meter-bridge ${sudo}`,
      'generic',
      sudo,
    );
    s.l('Nov 30 02:16:00 sub07-gw01 edge-agent[812]: connecting to ssl://mqtt.ot.kestrelgrid.com:8883 as edge-agent');
    s.s(
      `Nov 30 02:16:01 sub07-gw01 edge-agent[812]: iothub: using connection string ${iotConn('edge-sub07', ik)}`,
      'azure',
      ik,
    );
    s.d(
      'Nov 30 02:16:02 sub07-gw01 modbus-gw[633]: rtu1 read holding 40001-40020 ok crc=0x9F3A latency=14ms',
      'log line',
    );
    s.s(
      `Nov 30 03:00:01 sub07-gw01 CRON[3001]: (root) CMD (/opt/kg/bin/backup.sh --pg-host 10.30.4.12 --pg-password=${cron})`,
      'generic',
      cron,
    );
    s.d('Nov 30 03:00:05 sub07-gw01 backup.sh[3002]: uploaded sub07-20261130.tar.gz sha256=' + t.sha256(), 'checksum');
    s.d('Nov 30 03:10:00 sub07-gw01 snmpd[501]: Connection from UDP: [10.40.0.5]:50211->[10.40.7.10]:161', 'log line');

    const a = repo.file('logs/app/meterdata-api-20261130.json', 'logs');
    const lp = pw();
    a.s(
      `{"@t":"2026-11-30T08:01:12.4410000Z","@mt":"Opening connection {ConnectionString}","@l":"Debug","ConnectionString":"Server=tcp:kg-prod-sql.database.windows.net,1433;Initial Catalog=meterdata;User ID=mdm_app;Password=${lp};Encrypt=True","SourceContext":"MeterData.Api.Data.MeterDbContext"}`,
      'generic',
      lp,
    );
    a.d(
      `{"@t":"2026-11-30T08:01:13.0020000Z","@mt":"Token acquired for {ClientId}","ClientId":"${guid()}","TraceId":"${t.hex(32)}"}`,
      'ids',
    );
    a.d(
      '{"@t":"2026-11-30T08:01:14.1180000Z","@mt":"Opening connection {ConnectionString}","ConnectionString":"Server=tcp:kg-prod-sql.database.windows.net,1433;User ID=mdm_app;Password=*****"}',
      'masked',
    );
    a.d(
      `{"@t":"2026-11-30T08:02:00.0000000Z","@mt":"Processed {Count} readings","Count":48213,"RequestId":"${guid()}","SpanId":"${t.hex(16)}"}`,
      'ids',
    );

    const p = repo.file('logs/app/pi-bridge.log', 'logs');
    const bp = pwa();
    const jt = t.jwt();
    p.l('2026-11-30 03:00:00,981 [1] INFO  PiBridge.Program - starting poll of 412 points');
    p.s(
      `2026-11-30 03:00:01,114 [1] DEBUG PiBridge.Http - GET /piwebapi/streamsets/interpolated Authorization: Basic ${b64(`svc_piwebapi:${bp}`)}`,
      'generic',
      bp,
    );
    p.s(`2026-11-30 03:00:02,002 [4] DEBUG PiBridge.Gis - refreshing feature layer with bearer ${jt}`, 'jwt', jt);
    p.d('2026-11-30 03:00:02,210 [4] WARN  PiBridge.Http - 401 for user svc_piwebapi, password=[REDACTED]', 'redacted');
    p.d(
      `2026-11-30 03:00:03,551 [1] INFO  PiBridge.Program - point WebId F1DP${t.mixed(URLSAFE, 40)} updated`,
      'webid',
    );

    const b = repo.file('logs/ado/build-20261130.7.log', 'logs');
    const cu = pwa();
    b.l('2026-11-30T10:12:01.0000000Z ##[section]Starting: deploy');
    b.d("2026-11-30T10:12:01.1000000Z ##[debug]Evaluating: variables['ARM_CLIENT_SECRET']", 'debug line');
    b.d('2026-11-30T10:12:02.0000000Z + az login --service-principal -u *** -p *** --tenant ***', 'masked');
    b.s(
      `2026-11-30T10:12:09.0000000Z + curl -sf -u ci-publisher:${cu} https://kgridnexus.kgrid.local:8443/repository/raw/edge/agent.zip -T out/agent.zip`,
      'generic',
      cu,
    );
    b.d(`2026-11-30T10:12:10.0000000Z ##[section]Finishing: deploy (commit ${t.sha1()})`, 'git sha');
  }

  // ---- docs ------------------------------------------------------------------------------
  {
    const r = repo.file('docs/runbooks/substation-gateway-recovery.md', 'docs');
    const gw = human();
    const mq = pwa();
    r.l('# Substation gateway recovery', '', '## Access', '');
    r.s(`- Local admin on SUB07-GW01 web UI: \`admin\` / \`${gw}\``, 'generic', gw);
    r.d(
      '- Factory default login is `admin` / `admin` (vendor manual, p. 14); it is changed at commissioning.',
      'documented default',
    );
    r.d('- Service accounts live in Key Vault `kg-prod-ot-kv`, secret `gw-admin-<substation>`.', 'vault reference');
    r.l('', '## Verify MQTT', '', '```sh');
    r.s(`mosquitto_sub -h mqtt.ot.kestrelgrid.com -p 8883 -u ops-debug -P '${mq}' -t 'kg/sub07/#' -v`, 'generic', mq);
    r.d("mosquitto_pub -h mqtt.ot.kestrelgrid.com -p 8883 -u <user> -P '<password>' -t test -m hi", 'placeholder');
    r.l('```');

    const o = repo.file('docs/onboarding/azure.md', 'docs');
    const tk = storKey();
    o.l(
      '# Azure access for OT data engineers',
      '',
      'Log in with the pipeline principal only from build agents:',
      '',
      '```sh',
    );
    o.d('az login --service-principal -u <app-id> -p <client-secret> --tenant <tenant-id>', 'placeholder');
    o.l('```', '', 'Storage connection strings have this shape:', '');
    o.d(
      '    DefaultEndpointsProtocol=https;AccountName=<account>;AccountKey=<storage-account-key>;EndpointSuffix=core.windows.net',
      'placeholder',
    );
    o.l('', 'Temporary key for the PoC storage account (rotate after the pilot):', '');
    o.s(`    AccountKey=${tk}`, 'azure', tk);
    o.d(`Subscription: \`${subId}\` (KG-Prod-OT)`, 'subscription id');

    const pi = repo.file('docs/ot/pi-web-api.md', 'docs');
    const pp = pwa();
    pi.l('# PI Web API cheatsheet', '', '```sh');
    pi.s(
      `curl -u 'KGRID\\svc_piwebapi:${pp}' "https://kg-piweb01.kgrid.local/piwebapi/dataservers?path=\\\\\\\\KG-PIHIST01"`,
      'generic',
      pp,
    );
    pi.d('curl -u "$PI_USER:$PI_PASSWORD" https://kg-piweb01.kgrid.local/piwebapi/system', 'variables');
    pi.l('```', '', 'WebIds are stable identifiers, for example:', '');
    pi.d(`    F1DPmN2MTyzl0kyCBhqQsmq0rg${t.mixed(URLSAFE, 30)}`, 'webid');

    const rd = repo.file('pipelines/telemetry/README.md', 'docs');
    rd.l('# telemetry pipelines', '', '```sh');
    rd.d('export INFLUX_TOKEN=<your-token>', 'placeholder');
    rd.d('export PI_WEBAPI_PASSWORD=xxxxxxxx', 'placeholder');
    rd.d('export AZURE_STORAGE_CONNECTION_STRING="UseDevelopmentStorage=true"', 'azurite');
    rd.l('python -m ingest.pi_to_influx', '```');
  }

  // ---- more SCADA/OT files and scripts ---------------------------------------------------
  {
    const k = repo.file('ot/kepware/channels/SUB19.json', 'ot');
    const kp = pw();
    k.l(
      '{',
      '  "common.ALLTYPES_NAME": "SUB19",',
      '  "servermain.MULTIPLE_TYPES_DEVICE_DRIVER": "Modbus TCP/IP Ethernet",',
      '  "iot_gateway": {',
    );
    k.l(
      '    "iot_gateway.AGENTTYPES_TYPE": "MQTT Client",',
      '    "iot_gateway.MQTT_CLIENT_URL": "ssl://mqtt.ot.kestrelgrid.com:8883",',
      '    "iot_gateway.MQTT_CLIENT_USERNAME": "kepware-sub19",',
    );
    k.s(`    "iot_gateway.MQTT_CLIENT_PASSWORD": "${kp}"`, 'generic', kp);
    k.l('  }', '}');

    const ig = repo.file('ot/historian/pi-interfaces/ModbusE_SUB19.bat', 'ot');
    ig.l('REM PI Interface for Modbus Ethernet - SUB19', 'cd /d "%PIHOME%\\Interfaces\\ModbusE"');
    ig.d(
      'ModbusE.exe /ps=MBE /id=19 /host=KG-PIHIST01:5450 /f=00:00:01 /stopstat=shutdown /maxstoptime=120 /dbuniint=0x0000',
      'interface arguments',
    );
    ig.d('REM PI trust: MBE_SUB19 (no password, trust by IP 10.40.19.0/24)', 'comment');

    const sh = repo.file('ot/scripts/rotate-gateway-certs.sh', 'shell');
    const kpw = pwa();
    const ssh = pwa();
    sh.l('#!/usr/bin/env bash', 'set -euo pipefail', 'GW="$1"');
    sh.s(`openssl pkcs12 -export -in "$GW.crt" -inkey "$GW.key" -out "$GW.pfx" -passout pass:${kpw}`, 'generic', kpw);
    sh.s(`sshpass -p '${ssh}' scp "$GW.pfx" svc_rtu@"$GW":/etc/kg/pki/`, 'generic', ssh);
    sh.d('sshpass -p "$RTU_PASSWORD" ssh svc_rtu@"$GW" "sudo systemctl restart modbus-gw"', 'variable');
    sh.d('openssl x509 -in "$GW.crt" -noout -fingerprint -sha256', 'command');

    const ssh2 = repo.file('ot/jump/keys/kg-ot-ansible', 'keys');
    const os = t.opensshPem();
    ssh2.s(os, 'private-key', os.join('\n'));
    const pub = repo.file('ot/jump/keys/kg-ot-ansible.pub', 'keys');
    pub.d(`ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${t.mixed(B64, 43)} svc_ansible@kg-ot-jump01`, 'public key');

    const sw = repo.file('ot/network/sub07-sw01.cfg', 'ot');
    const en = t.alnum(12);
    const radius = t.alnum(20);
    sw.l('hostname SUB07-SW01', '!');
    sw.d(`enable secret 9 $9$${t.mixed(ALNUM + './', 14)}$${t.mixed(ALNUM + './', 43)}`, 'cisco type 9 hash');
    sw.s(`username netops privilege 15 password 0 ${en}`, 'generic', en);
    sw.s(`radius-server key ${radius}`, 'generic', radius);
    sw.d('snmp-server community public RO 10', 'default community');
    const snmpv3 = pwa();
    sw.s(`snmp-server user nmsops NMS v3 auth sha ${snmpv3} priv aes 128 ${pwa()}`, 'generic', snmpv3);
    sw.d('ntp server 10.40.0.1', 'config');
  }

  // ---- more .NET / Azure bits ------------------------------------------------------------
  {
    const f = repo.file('services/OutageManagement/src/Oms.Functions/local.settings.json', 'dotnet');
    const ak = storKey();
    const sb = sasKey();
    f.l('{', '  "IsEncrypted": false,', '  "Values": {');
    f.s(`    "AzureWebJobsStorage": "${storConn('kgprodomsfunc', ak)}",`, 'azure', ak);
    f.l('    "FUNCTIONS_WORKER_RUNTIME": "dotnet-isolated",');
    f.s(`    "ServiceBusConnection": "${ehConn('kg-prod-ops', 'oms-functions', sb)}",`, 'azure', sb);
    f.d(
      '    "CosmosConnection": "@Microsoft.KeyVault(SecretUri=https://kg-prod-kv.vault.azure.net/secrets/oms-cosmos/)"',
      'key vault reference',
    );
    f.l('  }', '}');

    const lf = repo.file('services/OutageManagement/src/Oms.Functions/local.settings.sample.json', 'dotnet');
    lf.l('{', '  "IsEncrypted": false,', '  "Values": {');
    lf.d('    "AzureWebJobsStorage": "UseDevelopmentStorage=true",', 'azurite');
    lf.d(
      '    "ServiceBusConnection": "Endpoint=sb://<namespace>.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=<key>"',
      'placeholder',
    );
    lf.l('  }', '}');

    const enc = repo.file('services/OutageManagement/src/Oms.Functions/local.settings.encrypted.json', 'dotnet');
    enc.l('{', '  "IsEncrypted": true,', '  "Values": {');
    enc.d(`    "AzureWebJobsStorage": "${t.mixed(B64, 300)}=="`, 'func cli encrypted value');
    enc.l('  }', '}');

    const ps = repo.file('deploy/powershell/New-IotDevice.ps1', 'powershell');
    const hubKey = sasKey();
    ps.l('param([string]$DeviceId)');
    ps.s(
      `$hub = "HostName=kg-prod-iothub.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey=${hubKey}"`,
      'azure',
      hubKey,
    );
    ps.l(
      'az iot hub device-identity create --device-id $DeviceId --login $hub',
      'az iot hub device-identity connection-string show --device-id $DeviceId --login $hub',
    );
    ps.d(
      '$primary = (az iot hub device-identity show --device-id $DeviceId --login $hub | ConvertFrom-Json).authentication.symmetricKey.primaryKey',
      'lookup',
    );

    const sec = repo.file('deploy/powershell/Sync-SecretsToKeyVault.ps1', 'powershell');
    const v1 = pw();
    const v2 = influx();
    sec.l("$vault = 'kg-prod-ot-kv'", '$secrets = @{');
    sec.s(`    'pi-webapi-password' = '${v1}'`, 'generic', v1);
    sec.s(`    'influx-token'       = '${v2}'`, 'influxdb', v2);
    sec.d("    'tsdb-password'      = $env:TSDB_PASSWORD", 'env reference');
    sec.l(
      '}',
      'foreach ($k in $secrets.Keys) {',
      '    Set-AzKeyVaultSecret -VaultName $vault -Name $k -SecretValue (ConvertTo-SecureString $secrets[$k] -AsPlainText -Force)',
      '}',
    );
  }

  return repo;
}
