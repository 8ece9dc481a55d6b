// Suite "logistics": the monorepo of a freight and parcel carrier (Harbourline), hybrid on-prem
// (vSphere, Nomad/Consul, depot edge boxes) and AWS. Eight service languages, the deploy tooling
// around them, EDI/AS2 partner plumbing, a fleet notebook and the logs ops keeps in the repo.
//
// Public map keys chosen as decoys: the Mapbox `pk.` tokens (web tracking page, driver app) and a
// Google Maps JavaScript API key in the customer portal's tracking page, restricted to the portal's
// HTTP referrers. The server-side Google keys (Directions, Geocoding, Distance Matrix) are planted.
import { ALNUM, HEX, B64, URLSAFE, UPPER, DIGIT, Repo, makeTokens, mulberry32 } from './generate.mjs';

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 7919 + 47);
  const t = makeTokens(rand);
  const repo = new Repo();

  // ---- value helpers ------------------------------------------------------------------
  const pw = () => t.password();
  const pwA = () => t.password().replace(/[^A-Za-z0-9]/g, '');
  const gen = (n = 24) => t.alnum(n);
  const b64 = (n) => t.mixed(B64, n);
  const rawB64 = (n) => Buffer.from(Array.from({ length: n }, () => Math.floor(rand() * 256))).toString('base64');
  const enc = (s) => Buffer.from(s).toString('base64');
  const mapboxTok = (p) =>
    `${p}.${Buffer.from(JSON.stringify({ u: 'harbourline', a: `c${t.lower(24)}` })).toString('base64url')}.${t.mixed(URLSAFE, 22)}`;
  const hereKey = () => t.mixed(URLSAFE, 43);
  const hereSecret = () => t.mixed(URLSAFE, 86);
  const samsara = () => `samsara_api_${t.alnum(30)}`;
  const dockerPat = () => `dckr_pat_${t.mixed(URLSAFE, 27)}`;
  const pdRest = () => `u+${t.mixed(ALNUM, 18)}`;
  const sentryOrg = () =>
    `sntrys_${Buffer.from(
      JSON.stringify({
        iat: 1767225600,
        url: 'https://sentry.io',
        region_url: 'https://de.sentry.io',
        org: 'harbourline',
      }),
    )
      .toString('base64')
      .replace(/=+$/, '')}_${t.mixed(B64, 43)}`;
  const sentryDsn = () => `https://${t.hex(32)}@o${t.digits(6)}.ingest.de.sentry.io/${t.digits(7)}`;
  const influx = () => `${t.mixed(URLSAFE, 86)}==`;
  const cookie = () => t.pick(UPPER, 20);
  const twSid = () => t.twilioSid();

  // ---- logistics identifiers (decoys) -------------------------------------------------
  const VIN_ALPHA = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
  const vinVal = (c) => {
    if (/[0-9]/.test(c)) return Number(c);
    return {
      A: 1,
      B: 2,
      C: 3,
      D: 4,
      E: 5,
      F: 6,
      G: 7,
      H: 8,
      J: 1,
      K: 2,
      L: 3,
      M: 4,
      N: 5,
      P: 7,
      R: 9,
      S: 2,
      T: 3,
      U: 4,
      V: 5,
      W: 6,
      X: 7,
      Y: 8,
      Z: 9,
    }[c];
  };
  const vin = () => {
    const wmi = ['1FU', '3AK', 'YV2', 'XLR', 'WMA', 'YS2', 'WDB'][Math.floor(rand() * 7)];
    const chars = (
      wmi +
      t.pick(VIN_ALPHA, 5) +
      '0' +
      t.pick(VIN_ALPHA.replace(/[UZ0]/g, ''), 1) +
      t.pick(VIN_ALPHA, 1) +
      t.pick(DIGIT, 6)
    ).split('');
    const w = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
    const sum = chars.reduce((a, c, i) => a + vinVal(c) * w[i], 0) % 11;
    chars[8] = sum === 10 ? 'X' : String(sum);
    return chars.join('');
  };
  const luhn = (s) => {
    let sum = 0;
    for (let i = 0; i < s.length; i++) {
      let d = Number(s[s.length - 1 - i]);
      if (i % 2 === 0) {
        d *= 2;
        if (d > 9) d -= 9;
      }
      sum += d;
    }
    return String((10 - (sum % 10)) % 10);
  };
  const imei = () => {
    const body = ['35', '86', '01'][Math.floor(rand() * 3)] + t.pick(DIGIT, 12);
    return body + luhn(body);
  };
  const ISO_VAL = {};
  {
    let v = 10;
    for (const c of UPPER) {
      if (v % 11 === 0) v++;
      ISO_VAL[c] = v++;
    }
  }
  const container = () => {
    const owner = ['MSC', 'MAE', 'CMA', 'HLX', 'OOL', 'TGH', 'SEG'][Math.floor(rand() * 7)] + 'U';
    const serial = t.pick(DIGIT, 6);
    const s = owner + serial;
    let sum = 0;
    for (let i = 0; i < 10; i++) sum += (/[A-Z]/.test(s[i]) ? ISO_VAL[s[i]] : Number(s[i])) * 2 ** i;
    return s + String((sum % 11) % 10);
  };
  const ups = () => {
    const body = t.mixed(UPPER + DIGIT, 6) + ['01', '02', '03', '12', '13'][Math.floor(rand() * 5)] + t.pick(DIGIT, 7);
    let odd = 0,
      even = 0;
    [...body].forEach((c, i) => {
      const d = /[0-9]/.test(c) ? Number(c) : (c.charCodeAt(0) - 63) % 10;
      if (i % 2 === 0) odd += d;
      else even += d;
    });
    return `1Z${body}${(10 - ((odd + even * 2) % 10)) % 10}`;
  };
  const fedex = () => t.digits(12);
  const usps = () => `9400${t.pick(DIGIT, 18)}`;
  const awsAcct = () => t.digits(12);

  // =====================================================================================
  // Java: dispatch (Quarkus), customs broker (MicroProfile), WMS bridge (JDBC, AMQP)
  // =====================================================================================
  {
    const f = repo.file('services/dispatch-service/src/main/resources/application.properties', 'java');
    f.l('# Dispatch service (Quarkus 3.8)', 'quarkus.application.name=dispatch-service', 'quarkus.http.port=8080', '');
    f.l('quarkus.datasource.db-kind=postgresql', 'quarkus.datasource.username=dispatch');
    f.d('quarkus.datasource.password=${DB_PASSWORD}', 'env reference');
    f.l('%prod.quarkus.datasource.jdbc.url=jdbc:postgresql://pg-dispatch.hbl.local:5432/dispatch');
    const dbpw = pw();
    f.s(`%prod.quarkus.datasource.password=${dbpw}`, 'generic', dbpw);
    f.l('', '# shipment events from the hub scanners', 'mp.messaging.incoming.shipment-events.connector=smallrye-amqp');
    f.l('mp.messaging.incoming.shipment-events.address=hub.scans', 'amqp-host=rabbit01.hbl.local', 'amqp-port=5672');
    f.l('amqp-username=dispatch');
    f.d('%dev.amqp-password=${AMQP_PASSWORD:guest}', 'env reference, vendor default');
    const amqp = pw();
    f.s(`%prod.amqp-password=${amqp}`, 'generic', amqp);
    f.l(
      '',
      'quarkus.oidc.auth-server-url=https://sso.harbourline.io/realms/ops',
      'quarkus.oidc.client-id=dispatch-service',
    );
    f.d('quarkus.oidc.credentials.secret=${OIDC_CLIENT_SECRET:}', 'env reference, empty default');
    const oidc = gen(32);
    f.s(`%prod.quarkus.oidc.credentials.secret=${oidc}`, 'generic', oidc);
    f.l('', 'quarkus.mailer.host=smtp.sendgrid.net', 'quarkus.mailer.port=587', 'quarkus.mailer.username=apikey');
    const sg = t.sendgrid();
    f.s(`%prod.quarkus.mailer.password=${sg}`, 'sendgrid', sg);
    f.l('', 'quarkus.rest-client.here-routing.url=https://router.hereapi.com/v8');
    const here = hereKey();
    f.s(`%prod.here.routing.api-key=${here}`, 'here', here);
    f.l('quarkus.rest-client.samsara.url=https://api.samsara.com');
    const sam = samsara();
    f.s(`samsara.api.token=${sam}`, 'generic', sam);
    f.d('mp.jwt.verify.publickey.location=META-INF/resources/publicKey.pem', 'file reference');
    f.d(`%prod.quarkus.log.sentry.dsn=${sentryDsn()}`, 'sentry dsn (public)');
    f.l('quarkus.log.sentry.in-app-packages=io.harbourline');

    const m = repo.file('services/customs-broker/src/main/resources/META-INF/microprofile-config.properties', 'java');
    m.l('# customs broker integration (Open Liberty, MicroProfile Config 3.1)');
    const ora = pwA();
    m.s(`customs.db.url=jdbc:oracle:thin:customs_app/${ora}@//oradb01.hbl.local:1521/CUSTPRD`, 'database', ora);
    m.l('carrier.ups.oauth-url=https://onlinetools.ups.com/security/v1/oauth/token');
    m.d(`carrier.ups.client-id=${t.alnum(48)}`, 'oauth client id');
    const upsSecret = t.alnum(64);
    m.s(`carrier.ups.client-secret=${upsSecret}`, 'generic', upsSecret);
    m.d('carrier.dhl.api-key=${DHL_API_KEY}', 'env reference');
    m.l('customs.ace.username=${ACE_USERNAME:hblcustoms}');
    const ace = pw();
    m.s(`customs.ace.password=\${ACE_PASSWORD:${ace}}`, 'generic', ace);
    m.l(
      'mp.messaging.connector.smallrye-amqp.host=rabbit01.hbl.local',
      'mp.messaging.connector.smallrye-amqp.username=customs',
    );
    const cam = pw();
    m.s(`mp.messaging.connector.smallrye-amqp.password=${cam}`, 'generic', cam);
    m.d('mp.config.profile=prod', 'setting');

    const j = repo.file('services/wms-bridge/src/main/java/io/harbourline/wms/LegacyWmsClient.java', 'java');
    j.l('package io.harbourline.wms;', '', 'import com.rabbitmq.client.ConnectionFactory;', 'import java.sql.*;', '');
    j.l(
      '/** Talks to the on-prem WMS (SQL Server) and the ERP until the cut-over. */',
      'public final class LegacyWmsClient {',
    );
    const wms = pwA();
    j.s(
      `    private static final String JDBC_URL = "jdbc:sqlserver://wms-sql01.hbl.local:1433;databaseName=WMS;user=wms_bridge;password=${wms};encrypt=true;trustServerCertificate=true";`,
      'database',
      wms,
    );
    const sftp = pw();
    j.s(`    private static final String SFTP_PASSWORD = "${sftp}";`, 'generic', sftp);
    j.d('    private static final String SFTP_PASSWORD_ENV = "WMS_SFTP_PASSWORD";', 'env var name');
    j.l(
      '',
      '    Connection open() throws SQLException {',
      '        return DriverManager.getConnection(JDBC_URL);',
      '    }',
      '',
    );
    j.l('    ConnectionFactory rabbit() {', '        ConnectionFactory f = new ConnectionFactory();');
    j.l(
      '        f.setHost("rabbit01.hbl.local");',
      '        f.setVirtualHost("wms");',
      '        f.setUsername("wms-bridge");',
    );
    const rb = pw();
    j.s(`        f.setPassword("${rb}");`, 'generic', rb);
    j.l('        return f;', '    }', '');
    j.l(
      '    ConnectionFactory rabbitDr() {',
      '        ConnectionFactory f = new ConnectionFactory();',
      '        f.setHost("rabbit-dr.hbl.local");',
    );
    j.d('        f.setPassword(System.getenv("RABBIT_PASSWORD"));', 'env reference');
    j.l('        return f;', '    }', '');
    j.l('    Connection erp() throws SQLException {');
    const erp = pw();
    j.s(
      `        return DriverManager.getConnection("jdbc:postgresql://pg-erp.hbl.local:5432/erp", "erp_sync", "${erp}");`,
      'generic',
      erp,
    );
    j.l('    }', '}');

    const jt = repo.file('services/wms-bridge/src/test/java/io/harbourline/wms/Iso6346Test.java', 'java');
    jt.l(
      'package io.harbourline.wms;',
      '',
      'import static org.junit.jupiter.api.Assertions.*;',
      'import org.junit.jupiter.api.Test;',
      '',
    );
    jt.l('class Iso6346Test {', '    @Test', '    void acceptsValidContainerNumbers() {');
    for (let i = 0; i < 3; i++) jt.d(`        assertTrue(Iso6346.isValid("${container()}"));`, 'container number');
    jt.l('    }', '', '    @Test', '    void parsesTrailerVin() {');
    jt.d(`        assertEquals(17, Vin.parse("${vin()}").toString().length());`, 'vin');
    jt.l('    }', '}');
  }

  // =====================================================================================
  // C#: customs worker (.NET 8 worker, Serilog), EDI translator (NLog)
  // =====================================================================================
  {
    const a = repo.file('services/customs-worker/appsettings.json', 'dotnet');
    a.l('{', '  "Logging": { "LogLevel": { "Default": "Information" } },', '  "ConnectionStrings": {');
    a.d(
      '    "Customs": "Server=localhost;Database=Customs;Trusted_Connection=True;TrustServerCertificate=True"',
      'integrated auth, no password',
    );
    a.l('  },', '  "RabbitMq": {', '    "HostName": "localhost",', '    "UserName": "guest",');
    a.d('    "Password": "guest"', 'vendor default');
    a.l('  },', '  "Twilio": {');
    a.d('    "AccountSid": "",', 'empty');
    a.d('    "AuthToken": ""', 'empty');
    a.l('  }', '}');

    const p = repo.file('services/customs-worker/appsettings.Production.json', 'dotnet');
    p.l('{', '  "ConnectionStrings": {');
    const sql = pw();
    p.s(
      `    "Customs": "Server=sql-customs01.hbl.local,1433;Database=Customs;User Id=customs_worker;Password=${sql};Encrypt=True;TrustServerCertificate=True"`,
      'generic',
      sql,
    );
    p.l('  },', '  "RabbitMq": {', '    "HostName": "rabbit01.hbl.local",', '    "UserName": "customs-worker",');
    const rmq = pw();
    p.s(`    "Password": "${rmq}",`, 'generic', rmq);
    p.l('    "VirtualHost": "customs"', '  },', '  "Twilio": {');
    p.d(`    "AccountSid": "${twSid()}",`, 'twilio account sid (identifier)');
    const twt = t.twilioToken();
    p.s(`    "AuthToken": "${twt}",`, 'twilio', twt);
    p.l('    "From": "+3197010253311"', '  },', '  "SendGrid": {');
    const sg = t.sendgrid();
    p.s(`    "ApiKey": "${sg}",`, 'sendgrid', sg);
    p.d(`    "ClearanceTemplateId": "d-${t.hex(32)}"`, 'sendgrid template id');
    p.l(
      '  },',
      '  "Serilog": {',
      '    "Using": ["Serilog.Sinks.Datadog.Logs", "Serilog.Sinks.Seq", "Serilog.Sinks.Splunk"],',
    );
    p.l('    "WriteTo": [', '      {', '        "Name": "DatadogLogs",', '        "Args": {');
    const dd = t.ddApi();
    p.s(`          "apiKey": "${dd}",`, 'datadog', dd);
    p.l('          "source": "csharp",', '          "service": "customs-worker",');
    p.l('          "configuration": { "url": "https://http-intake.logs.datadoghq.eu" }', '        }', '      },');
    p.l('      {', '        "Name": "Seq",', '        "Args": {', '          "serverUrl": "https://seq.hbl.local",');
    const seq = gen(20);
    p.s(`          "apiKey": "${seq}"`, 'generic', seq);
    p.l('        }', '      },', '      {', '        "Name": "EventCollector",', '        "Args": {');
    p.l('          "splunkHost": "https://splunk-hec.hbl.local:8088",');
    const hec = t.uuid().toUpperCase();
    p.s(`          "eventCollectorToken": "${hec}",`, 'generic', hec);
    p.l('          "index": "customs"', '        }', '      }', '    ]', '  },', '  "Sentry": {');
    p.d(`    "Dsn": "${sentryDsn()}",`, 'sentry dsn (public)');
    p.l('    "TracesSampleRate": 0.1', '  }', '}');

    const w = repo.file('services/customs-worker/src/ClearanceWorker.cs', 'dotnet');
    w.l('using RabbitMQ.Client;', 'using System.Net;', '', 'namespace Harbourline.Customs;', '');
    w.l(
      'public sealed class ClearanceWorker(IConfiguration config, ILogger<ClearanceWorker> log) : BackgroundService',
      '{',
    );
    w.l('    private IConnection Connect()', '    {', '        var factory = new ConnectionFactory', '        {');
    w.l('            HostName = config["RabbitMq:HostName"],', '            UserName = config["RabbitMq:UserName"],');
    w.d('            Password = config["RabbitMq:Password"],', 'configuration reference');
    w.l(
      '            DispatchConsumersAsync = true,',
      '        };',
      '        return factory.CreateConnection();',
      '    }',
      '',
    );
    w.l('    private IConnection ConnectFallback()', '    {');
    const fb = pw();
    w.s(
      `        var factory = new ConnectionFactory { HostName = "rabbit-dr.hbl.local", UserName = "customs-worker", Password = "${fb}", VirtualHost = "customs" };`,
      'generic',
      fb,
    );
    w.l('        return factory.CreateConnection();', '    }', '');
    w.l('    private static HttpClient AceClient()', '    {');
    const ace = pw();
    w.s(
      `        var handler = new HttpClientHandler { Credentials = new NetworkCredential("hblcustoms", "${ace}") };`,
      'generic',
      ace,
    );
    w.l('        return new HttpClient(handler) { BaseAddress = new Uri("https://ace.cbp.dhs.gov/") };', '    }');
    w.d(
      '    private readonly string _twilioToken = Environment.GetEnvironmentVariable("TWILIO_AUTH_TOKEN") ?? "";',
      'env reference',
    );
    w.d('    private const string ApiKeyHeader = "X-Api-Key";', 'header name');
    w.l('}');

    const n = repo.file('services/edi-translator/NLog.config', 'dotnet');
    n.l('<?xml version="1.0" encoding="utf-8" ?>');
    n.l(
      '<nlog xmlns="http://www.nlog-project.org/schemas/NLog.xsd" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" autoReload="true">',
    );
    n.l('  <extensions>', '    <add assembly="NLog.Targets.Seq"/>', '  </extensions>', '  <targets async="true">');
    n.l('    <target xsi:type="File" name="file" fileName="/var/log/edi-translator/${shortdate}.log" />');
    const msg = t.sendgrid();
    n.s(
      `    <target xsi:type="Mail" name="mail" smtpServer="smtp.sendgrid.net" smtpPort="587" smtpAuthentication="Basic" smtpUserName="apikey" smtpPassword="${msg}" from="edi-alerts@harbourline.io" to="edi-oncall@harbourline.io" />`,
      'sendgrid',
      msg,
    );
    n.d(
      '    <target xsi:type="Mail" name="mailDev" smtpServer="localhost" smtpPassword="${environment:SMTP_PASSWORD}" />',
      'nlog layout reference',
    );
    const ndb = pw();
    n.s(
      `    <target xsi:type="Database" name="db" dbProvider="Microsoft.Data.SqlClient.SqlConnection, Microsoft.Data.SqlClient" connectionString="Server=sql-ops01.hbl.local;Database=Logs;User Id=nlog_writer;Password=${ndb};TrustServerCertificate=True">`,
      'generic',
      ndb,
    );
    n.l(
      '      <commandText>INSERT INTO EdiLog(Logged, Level, Message) VALUES(@t, @l, @m)</commandText>',
      '    </target>',
    );
    n.l(
      '    <target xsi:type="WebService" name="datadog" url="https://http-intake.logs.datadoghq.eu/api/v2/logs" protocol="JsonPost">',
    );
    const ndd = t.ddApi();
    n.s(`      <header name="DD-API-KEY" layout="${ndd}" />`, 'datadog', ndd);
    n.l('    </target>', '    <target name="seq" xsi:type="BufferingWrapper" bufferSize="1000">');
    const nseq = gen(20);
    n.s(`      <target xsi:type="Seq" serverUrl="https://seq.hbl.local" apiKey="${nseq}" />`, 'generic', nseq);
    n.l(
      '    </target>',
      '  </targets>',
      '  <rules>',
      '    <logger name="*" minlevel="Info" writeTo="file,seq,datadog" />',
    );
    n.l('    <logger name="*" minlevel="Error" writeTo="mail,db" />', '  </rules>', '</nlog>');

    const e = repo.file('services/edi-translator/src/PartnerDrop.cs', 'dotnet');
    e.l('using Renci.SshNet;', '', 'namespace Harbourline.Edi;', '', 'internal static class PartnerDrop', '{');
    const sp = pw();
    e.s(`    private const string NordlinkSftpPassword = "${sp}";`, 'generic', sp);
    e.l('', '    public static void Upload(string file)', '    {');
    e.l('        using var sftp = new SftpClient("sftp.nordlink-freight.com", 22, "hbl_edi", NordlinkSftpPassword);');
    e.l(
      '        sftp.Connect();',
      '        using var s = File.OpenRead(file);',
      '        sftp.UploadFile(s, "/inbound/" + Path.GetFileName(file));',
      '    }',
      '',
    );
    e.l('    public static void UploadBaltic(string file)', '    {');
    const bp = pw();
    e.s(
      `        using var sftp = new SftpClient("edi.baltic-express.lt", 2222, "harbourline", "${bp}");`,
      'generic',
      bp,
    );
    e.l('        sftp.Connect();', '    }', '');
    e.d(
      '    private static readonly string KeyPath = Path.Combine(AppContext.BaseDirectory, "keys", "nordlink_ed25519");',
      'file path',
    );
    e.l('}');
  }

  // =====================================================================================
  // Python: route optimizer (SQLAlchemy, Celery, requests, HERE, Google)
  // =====================================================================================
  {
    const s = repo.file('services/route-optimizer/route_optimizer/settings.py', 'python');
    s.l('import os', '', '# Solver settings; production values are baked in by the deploy job.', '');
    const db = pwA();
    s.s(
      `SQLALCHEMY_DATABASE_URL = "postgresql+psycopg2://routing:${db}@pg-routing.hbl.local:5432/routing"`,
      'database',
      db,
    );
    const br = pwA();
    s.s(`CELERY_BROKER_URL = "amqp://celery:${br}@rabbit01.hbl.local:5672/routing"`, 'generic', br);
    const rd = pwA();
    s.s(`CELERY_RESULT_BACKEND = "redis://:${rd}@redis-routing.hbl.local:6379/1"`, 'database', rd);
    const gm = t.gcpApiKey();
    s.s(
      `GOOGLE_MAPS_SERVER_KEY = "${gm}"  # Directions + Distance Matrix, IP-restricted to the solver hosts`,
      'gcp',
      gm,
    );
    const hk = hereKey();
    s.s(`HERE_API_KEY = os.getenv("HERE_API_KEY", "${hk}")`, 'here', hk);
    s.d('SENTRY_DSN = os.getenv("SENTRY_DSN", "")', 'env reference');
    s.d('WAREHOUSE_DB_URL = os.environ["WAREHOUSE_DB_URL"]', 'env reference');
    s.l('OSRM_URL = "http://osrm.hbl.local:5000"', 'MAX_STOPS_PER_ROUTE = 140');
    s.d(`DEFAULT_DEPOT_ID = "${t.uuid()}"`, 'uuid id');

    const c = repo.file('services/route-optimizer/route_optimizer/celeryconfig.py', 'python');
    const cb = pwA();
    c.s(`broker_url = 'amqp://celery:${cb}@rabbit02.hbl.local:5672/routing'`, 'generic', cb);
    const cr = pwA();
    c.s(`result_backend = 'db+postgresql://celery:${cr}@pg-routing.hbl.local/celery_results'`, 'database', cr);
    c.d(
      "broker_use_ssl = {'keyfile': '/etc/ssl/private/celery.key', 'certfile': '/etc/ssl/certs/celery.crt'}",
      'file paths',
    );
    c.l("task_routes = {'route_optimizer.tasks.solve_*': {'queue': 'solver'}}", 'worker_prefetch_multiplier = 1');

    const tm = repo.file('services/route-optimizer/route_optimizer/clients/telematics.py', 'python');
    tm.l(
      'import mygeotab',
      'import requests',
      'from requests.auth import HTTPBasicAuth',
      '',
      'from .. import settings',
      '',
    );
    const st = samsara();
    tm.s(`SAMSARA_TOKEN = "${st}"`, 'generic', st);
    tm.l('', '', 'def samsara_session() -> requests.Session:', '    s = requests.Session()');
    tm.d('    s.headers.update({"Authorization": f"Bearer {SAMSARA_TOKEN}"})', 'variable');
    tm.l('    return s', '', '');
    tm.l('def geotab_api() -> mygeotab.API:');
    const gt = pw();
    tm.s(
      `    api = mygeotab.API(username="integrations@harbourline.io", password="${gt}", database="harbourline")`,
      'generic',
      gt,
    );
    tm.l('    api.authenticate()', '    return api', '', '');
    tm.l('def tms_session() -> requests.Session:', '    s = requests.Session()');
    const tms = pw();
    tm.s(`    s.auth = ("route-optimizer", "${tms}")`, 'generic', tms);
    tm.l('    return s', '', '');
    tm.l('def tms_session_from_settings() -> requests.Session:', '    s = requests.Session()');
    tm.d('    s.auth = (settings.TMS_USER, settings.TMS_PASSWORD)', 'settings reference');
    tm.l('    return s', '', '');
    tm.l('def push_asn(payload: bytes) -> None:');
    const asn = pw();
    tm.s(
      `    requests.post("https://edi.hbl.local/as2/asn", auth=HTTPBasicAuth("edi-push", "${asn}"), data=payload, timeout=30)`,
      'generic',
      asn,
    );
    tm.l('', '', 'def motive_session() -> requests.Session:', '    s = requests.Session()');
    const mk = t.uuid();
    tm.s(`    s.headers["X-Api-Key"] = "${mk}"`, 'generic', mk);
    tm.l('    return s');

    const hc = repo.file('services/route-optimizer/config/here/credentials.properties', 'python');
    hc.d(`here.user.id = HERE-${t.uuid()}`, 'here user id');
    hc.d(`here.client.id = ${t.mixed(ALNUM, 20)}`, 'here client id');
    hc.d(`here.access.key.id = ${t.mixed(URLSAFE, 22)}`, 'here access key id (identifier)');
    const hs = hereSecret();
    hc.s(`here.access.key.secret = ${hs}`, 'here', hs);
    hc.l('here.token.endpoint.url = https://account.api.here.com/oauth2/token');

    const al = repo.file('services/route-optimizer/alembic.ini', 'python');
    al.l('[alembic]', 'script_location = migrations', 'prepend_sys_path = .', '');
    al.d('# sqlalchemy.url = driver://user:pass@localhost/dbname', 'alembic template default');
    const mig = pwA();
    al.s(
      `sqlalchemy.url = postgresql+psycopg2://routing_migrator:${mig}@pg-routing.hbl.local:5432/routing`,
      'database',
      mig,
    );
    al.l('', '[loggers]', 'keys = root,sqlalchemy,alembic');

    const fx = repo.file('services/route-optimizer/tests/fixtures/shipments.json', 'python');
    fx.l('[');
    for (let i = 0; i < 3; i++) {
      fx.l('  {');
      fx.d(`    "shipment_id": "${t.uuid()}",`, 'uuid id');
      fx.d(`    "tracking_number": "${ups()}",`, 'ups tracking number');
      fx.d(`    "container_no": "${container()}",`, 'container number');
      fx.d(`    "trailer_vin": "${vin()}",`, 'vin');
      fx.d(`    "tracker_imei": "${imei()}",`, 'imei');
      fx.l(`    "weight_kg": ${t.digits(4)}`, i === 2 ? '  }' : '  },');
    }
    fx.l(']');
    const ct = repo.file('services/route-optimizer/tests/conftest.py', 'python');
    ct.l('import pytest', '', '', '@pytest.fixture', 'def settings_override(monkeypatch):');
    ct.d('    monkeypatch.setenv("HERE_API_KEY", "test-here-key")', 'obvious test value');
    ct.d('    monkeypatch.setenv("GOOGLE_MAPS_SERVER_KEY", "AIza-not-a-real-key")', 'obvious fake');
    ct.d('    monkeypatch.setenv("CELERY_BROKER_URL", "memory://")', 'in-memory broker');
  }

  // =====================================================================================
  // Go: telemetry ingest (MQTT, flags, struct literals)
  // =====================================================================================
  {
    const m = repo.file('services/telemetry-ingest/cmd/ingest/main.go', 'go');
    m.l(
      'package main',
      '',
      'import (',
      '\t"flag"',
      '\t"os"',
      '',
      '\tmqtt "github.com/eclipse/paho.mqtt.golang"',
      ')',
      '',
      'var (',
    );
    m.l('\tbrokerURL = flag.String("broker", "ssl://emqx.hbl.local:8883", "MQTT broker URL")');
    m.l('\tmqttUser  = flag.String("mqtt-user", "ingest", "MQTT username")');
    const mp = pw();
    m.s(`\tmqttPass  = flag.String("mqtt-password", "${mp}", "MQTT password")`, 'generic', mp);
    m.d('\tddAPIKey  = flag.String("dd-api-key", os.Getenv("DD_API_KEY"), "Datadog API key")', 'env reference');
    const it = influx();
    m.s(`\tinfluxTok = flag.String("influx-token", "${it}", "InfluxDB API token")`, 'generic', it);
    m.l(')', '', 'func main() {', '\tflag.Parse()', '\topts := mqtt.NewClientOptions().AddBroker(*brokerURL)');
    m.l('\topts.SetClientID("telemetry-ingest-" + hostname())', '\topts.SetUsername(*mqttUser)');
    m.d('\topts.SetPassword(*mqttPass)', 'variable');
    m.l('\trun(opts)', '}', '', 'func legacyBroker() *mqtt.ClientOptions {');
    m.l(
      '\topts := mqtt.NewClientOptions().AddBroker("tcp://mosquitto-depot01.hbl.local:1883")',
      '\topts.SetUsername("depot-bridge")',
    );
    const lp = pw();
    m.s(`\topts.SetPassword("${lp}")`, 'generic', lp);
    m.l('\treturn opts', '}', '', 'func drBroker() *mqtt.ClientOptions {');
    m.l('\topts := mqtt.NewClientOptions().AddBroker("ssl://emqx-dr.hbl.local:8883")');
    m.d('\topts.SetPassword(os.Getenv("MQTT_DR_PASSWORD"))', 'env reference');
    m.l('\treturn opts', '}');

    const d = repo.file('services/telemetry-ingest/internal/config/defaults.go', 'go');
    d.l(
      'package config',
      '',
      '// Default is used when no config file is given (depot edge boxes).',
      'var Default = Config{',
    );
    d.l('\tBroker:   "ssl://emqx.hbl.local:8883",', '\tUsername: "ingest",');
    const dp = pw();
    d.s(`\tPassword: "${dp}",`, 'generic', dp);
    d.l(
      '\tKafka: KafkaConfig{',
      '\t\tBrokers:  []string{"kafka01.hbl.local:9093", "kafka02.hbl.local:9093"},',
      '\t\tSASLUser: "telemetry",',
    );
    const kp = pw();
    d.s(`\t\tSASLPassword: "${kp}",`, 'generic', kp);
    d.l(
      '\t},',
      '}',
      '',
      'type Config struct {',
      '\tBroker   string `yaml:"broker"`',
      '\tUsername string `yaml:"username"`',
    );
    d.d('\tPassword string `yaml:"password" env:"MQTT_PASSWORD"`', 'struct tag');
    d.l('\tKafka    KafkaConfig `yaml:"kafka"`', '}');

    const sm = repo.file('services/telemetry-ingest/internal/fleet/samsara.go', 'go');
    sm.l(
      'package fleet',
      '',
      'import (',
      '\t"net/http"',
      '\t"os"',
      ')',
      '',
      'func newRequest(url string) (*http.Request, error) {',
    );
    sm.l('\treq, err := http.NewRequest(http.MethodGet, url, nil)', '\tif err != nil {', '\t\treturn nil, err', '\t}');
    const sk = samsara();
    sm.s(`\treq.Header.Set("Authorization", "Bearer ${sk}")`, 'generic', sk);
    sm.l(
      '\treturn req, nil',
      '}',
      '',
      'func newRequestEnv(url string) (*http.Request, error) {',
      '\treq, _ := http.NewRequest(http.MethodGet, url, nil)',
    );
    sm.d('\treq.Header.Set("Authorization", "Bearer "+os.Getenv("SAMSARA_API_TOKEN"))', 'env reference');
    sm.l('\treturn req, nil', '}');

    const dt = repo.file('services/telemetry-ingest/internal/decoder/teltonika_test.go', 'go');
    dt.l(
      'package decoder',
      '',
      'import "testing"',
      '',
      'var frames = []struct {',
      '\timei string',
      '\tvin  string',
      '\tlat, lon float64',
      '}{',
    );
    for (let i = 0; i < 3; i++)
      dt.d(`\t{imei: "${imei()}", vin: "${vin()}", lat: 51.9${t.digits(3)}, lon: 4.4${t.digits(3)}},`, 'imei and vin');
    dt.l('}', '', 'func TestDecode(t *testing.T) {}');
    dt.d(
      `const codec8Frame = "000000000000003608010000016B40D8EA30010000000000000000000000000000000105021503010101425E0F01F10000601A014E0000000000000000010000C7CF"`,
      'teltonika hex frame (fixture)',
    );

    const y = repo.file('services/telemetry-ingest/config/ingest.yaml', 'go');
    y.l('mqtt:', '  broker: ssl://emqx.hbl.local:8883', '  username: ingest');
    const yp = pw();
    y.s(`  password: "${yp}"`, 'generic', yp);
    y.l(
      '  topics: ["fleet/+/telemetry", "fleet/+/can"]',
      'kafka:',
      '  sasl:',
      '    mechanism: SCRAM-SHA-512',
      '    username: telemetry',
    );
    const yk = pw();
    y.s(`    password: ${yk}`, 'generic', yk);
    y.l('datadog:');
    y.d('  api_key: ${DD_API_KEY}', 'env reference');
    y.l('archive:', '  firehose_stream: telemetry-archive', '  region: eu-west-1');
    const ak = t.awsId();
    const as = t.awsSecret();
    y.s(`  access_key_id: ${ak}`, 'aws', ak);
    y.s(`  secret_access_key: ${as}`, 'aws', as);
  }

  // =====================================================================================
  // Brokers: EMQX (HOCON), Mosquitto, RabbitMQ
  // =====================================================================================
  {
    const e = repo.file('deploy/emqx/emqx.conf', 'brokers');
    e.l('node {', '  name = "emqx@emqx01.hbl.local"');
    const ck = gen(32);
    e.s(`  cookie = "${ck}"`, 'generic', ck);
    e.l(
      '  data_dir = "/opt/emqx/data"',
      '}',
      '',
      'dashboard {',
      '  listeners.http.bind = 18083',
      '  default_username = "admin"',
    );
    const dpw = pw();
    e.s(`  default_password = "${dpw}"`, 'generic', dpw);
    e.l('}', '', 'authentication = [', '  {', '    mechanism = password_based', '    backend = postgresql');
    e.l('    server = "pg-mqtt.hbl.local:5432"', '    database = "mqtt"', '    username = "emqx_auth"');
    const apw = pw();
    e.s(`    password = "${apw}"`, 'generic', apw);
    e.d(
      '    query = "SELECT password_hash, salt FROM mqtt_user WHERE username = ${username} LIMIT 1"',
      'placeholder in query',
    );
    e.l('    password_hash_algorithm { name = sha256, salt_position = suffix }', '  }', ']', '');
    e.l('bridges.mqtt.aws_iot {', '  server = "a3k7odshaiipe8-ats.iot.eu-west-1.amazonaws.com:8883"');
    e.l(
      '  ssl { enable = true, certfile = "/opt/emqx/etc/certs/aws-iot.crt", keyfile = "/opt/emqx/etc/certs/aws-iot.key" }',
      '}',
    );
    e.l('api_key {', '  bootstrap_file = "/opt/emqx/etc/default_api_key.conf"', '}');

    const k = repo.file('deploy/emqx/default_api_key.conf', 'brokers');
    const k1 = gen(40);
    k.s(`grafana-ro:${k1}:viewer`, 'generic', k1);
    const k2 = gen(40);
    k.s(`ops-automation:${k2}:administrator`, 'generic', k2);

    const dev = repo.file('deploy/emqx/dev/emqx.conf', 'brokers');
    dev.l('# local docker-compose broker, shipped defaults');
    dev.d('node.cookie = "emqxsecretcookie"', 'vendor default');
    dev.d('dashboard.default_password = "public"', 'vendor default');

    const mq = repo.file('deploy/mosquitto/depot-rtm01/mosquitto.conf', 'brokers');
    mq.l(
      'per_listener_settings true',
      'listener 8883',
      'cafile /mosquitto/certs/ca.crt',
      'certfile /mosquitto/certs/server.crt',
    );
    mq.l('keyfile /mosquitto/certs/server.key');
    mq.d('password_file /mosquitto/config/passwd', 'file reference');
    mq.l(
      '',
      '# bridge depot scanners to the central EMQX',
      'connection central',
      'address emqx.hbl.local:8883',
      'remote_clientid depot-rtm01',
    );
    mq.l('remote_username depot-rtm01');
    const rp = pwA();
    mq.s(`remote_password ${rp}`, 'generic', rp);
    mq.l('topic fleet/# out 1', 'topic depot/rtm01/# both 1', 'bridge_cafile /mosquitto/certs/ca.crt');

    const pf = repo.file('deploy/mosquitto/depot-rtm01/passwd', 'brokers');
    for (const u of ['scanner-gw', 'forklift-01', 'dock-doors'])
      pf.d(`${u}:$7$101$${rawB64(12)}$${rawB64(64)}`, 'mosquitto password hash');

    const rc = repo.file('deploy/rabbitmq/rabbitmq.conf', 'brokers');
    rc.l('listeners.tcp = none', 'listeners.ssl.default = 5671', 'ssl_options.cacertfile = /etc/rabbitmq/ca.pem');
    rc.d('loopback_users.guest = true', 'setting');
    rc.l('default_user = hbl-admin');
    const rdp = pw();
    rc.s(`default_pass = ${rdp}`, 'generic', rdp);
    rc.l('management.tcp.port = 15672');

    const rdef = repo.file('deploy/rabbitmq/definitions.json', 'brokers');
    rdef.l('{', '  "rabbit_version": "3.13.1",', '  "users": [');
    for (const u of ['dispatch', 'customs-worker', 'celery']) {
      rdef.l(`    { "name": "${u}",`);
      rdef.d(`      "password_hash": "${rawB64(36)}",`, 'rabbitmq password hash');
      rdef.l('      "hashing_algorithm": "rabbit_password_hashing_sha256", "tags": [] },');
    }
    rdef.l('    { "name": "shovel-dr",');
    const shv = pw();
    rdef.s(`      "password": "${shv}",`, 'generic', shv);
    rdef.l(
      '      "tags": ["policymaker"] }',
      '  ],',
      '  "vhosts": [{ "name": "customs" }, { "name": "routing" }, { "name": "wms" }],',
    );
    rdef.l('  "parameters": [', '    { "vhost": "wms", "component": "shovel", "name": "wms-to-dr", "value": {');
    const shu = pwA();
    rdef.s(`      "src-uri": "amqps://shovel-dr:${shu}@rabbit01.hbl.local:5671/wms",`, 'generic', shu);
    rdef.l('      "dest-uri": "amqps://rabbit-dr.hbl.local:5671/wms", "src-queue": "wms.outbound" } }', '  ]', '}');
  }

  // =====================================================================================
  // Kotlin: Android driver app
  // =====================================================================================
  {
    const g = repo.file('apps/driver-android/gradle.properties', 'kotlin');
    g.l('org.gradle.jvmargs=-Xmx4g -Dfile.encoding=UTF-8', 'android.useAndroidX=true', 'kotlin.code.style=official');
    const mbd = mapboxTok('sk');
    g.s(`MAPBOX_DOWNLOADS_TOKEN=${mbd}`, 'mapbox', mbd);
    g.d(`MAPBOX_PUBLIC_TOKEN=${mapboxTok('pk')}`, 'mapbox public token');
    g.l('RELEASE_KEY_ALIAS=driver-release');
    const sp = pw();
    g.s(`RELEASE_STORE_PASSWORD=${sp}`, 'generic', sp);
    const kp = pw();
    g.s(`RELEASE_KEY_PASSWORD=${kp}`, 'generic', kp);

    const b = repo.file('apps/driver-android/app/build.gradle.kts', 'kotlin');
    b.l(
      'plugins {',
      '    id("com.android.application")',
      '    id("org.jetbrains.kotlin.android")',
      '    id("com.google.gms.google-services")',
      '}',
      '',
    );
    b.l(
      'android {',
      '    namespace = "io.harbourline.driver"',
      '    compileSdk = 34',
      '',
      '    signingConfigs {',
      '        create("upload") {',
    );
    b.l('            storeFile = file("../keystore/upload.jks")');
    const up = pw();
    b.s(`            storePassword = "${up}"`, 'generic', up);
    b.l('            keyAlias = "upload"');
    const ukp = pw();
    b.s(`            keyPassword = "${ukp}"`, 'generic', ukp);
    b.l('        }', '        create("release") {', '            storeFile = file("../keystore/driver-release.jks")');
    b.d(
      '            storePassword = providers.gradleProperty("RELEASE_STORE_PASSWORD").get()',
      'gradle property reference',
    );
    b.d(
      '            keyPassword = providers.gradleProperty("RELEASE_KEY_PASSWORD").get()',
      'gradle property reference',
    );
    b.l(
      '        }',
      '    }',
      '',
      '    defaultConfig {',
      '        applicationId = "io.harbourline.driver"',
      '        minSdk = 26',
    );
    const hm = t.hex(64);
    b.s(`        buildConfigField("String", "TRACKING_HMAC_SECRET", "\\"${hm}\\"")`, 'generic', hm);
    const bsam = samsara();
    b.s(`        buildConfigField("String", "SAMSARA_TOKEN", "\\"${bsam}\\"")`, 'generic', bsam);
    b.d(
      `        buildConfigField("String", "DD_CLIENT_TOKEN", "\\"pub${t.hex(32)}\\"")`,
      'datadog client token (public, RUM)',
    );
    b.d(`        buildConfigField("String", "DD_RUM_APPLICATION_ID", "\\"${t.uuid()}\\"")`, 'rum application id');
    b.d(`        buildConfigField("String", "SENTRY_DSN", "\\"${sentryDsn()}\\"")`, 'sentry dsn (public)');
    b.d(
      '        manifestPlaceholders["MAPS_API_KEY"] = project.findProperty("MAPS_API_KEY") ?: ""',
      'property reference',
    );
    b.l('    }', '}');

    const lp = repo.file('apps/driver-android/local.properties', 'kotlin');
    lp.l(
      '## This file must *NOT* be checked into Version Control Systems,',
      'sdk.dir=/Users/mkowalski/Library/Android/sdk',
    );
    lp.d(`HERE_ACCESS_KEY_ID=${t.mixed(URLSAFE, 22)}`, 'here access key id (identifier)');
    const lhs = hereSecret();
    lp.s(`HERE_ACCESS_KEY_SECRET=${lhs}`, 'here', lhs);

    const gs = repo.file('apps/driver-android/app/google-services.json', 'kotlin');
    const pn = t.digits(12);
    gs.l('{', '  "project_info": {');
    gs.d(`    "project_number": "${pn}",`, 'firebase project number');
    gs.l(
      '    "project_id": "hbl-driver-app",',
      '    "storage_bucket": "hbl-driver-app.appspot.com"',
      '  },',
      '  "client": [',
      '    {',
      '      "client_info": {',
    );
    gs.d(`        "mobilesdk_app_id": "1:${pn}:android:${t.pick(HEX, 16)}",`, 'firebase app id');
    gs.l(
      '        "android_client_info": { "package_name": "io.harbourline.driver" }',
      '      },',
      '      "oauth_client": [',
    );
    gs.d(
      `        { "client_id": "${pn}-${t.lower(32)}.apps.googleusercontent.com", "client_type": 3 }`,
      'oauth client id',
    );
    gs.l('      ],', '      "api_key": [');
    gs.d(`        { "current_key": "${t.gcpApiKey()}" }`, 'firebase android api key (ships in the apk)');
    gs.l('      ]', '    }', '  ],', '  "configuration_version": "1"', '}');

    const ac = repo.file('apps/driver-android/app/src/main/java/io/harbourline/driver/net/ApiClient.kt', 'kotlin');
    ac.l('package io.harbourline.driver.net', '', 'import okhttp3.Credentials', 'import okhttp3.OkHttpClient', '');
    const mqp = pw();
    ac.s(`private const val MQTT_PASSWORD = "${mqp}"`, 'generic', mqp);
    ac.l(
      '',
      'class ApiClient(private val session: Session) {',
      '    val http: OkHttpClient = OkHttpClient.Builder()',
      '        .addInterceptor { chain ->',
    );
    ac.l('            val req = chain.request().newBuilder()');
    ac.d('                .header("Authorization", "Bearer ${session.accessToken}")', 'kotlin template');
    ac.l('                .build()', '            chain.proceed(req)', '        }', '        .build()', '');
    ac.l('    val podUpload: OkHttpClient = OkHttpClient.Builder()', '        .addInterceptor { chain ->');
    const pod = pw();
    ac.s(
      `            chain.proceed(chain.request().newBuilder().header("Authorization", Credentials.basic("driver-app", "${pod}")).build())`,
      'generic',
      pod,
    );
    ac.l('        }', '        .build()', '}');

    const sc = repo.file('apps/driver-android/app/src/main/java/io/harbourline/driver/scan/ScanParser.kt', 'kotlin');
    sc.l('package io.harbourline.driver.scan', '', 'object ScanParser {');
    sc.d('    private val VIN = Regex("[A-HJ-NPR-Z0-9]{17}")', 'regex');
    sc.d('    private val UPS = Regex("1Z[0-9A-Z]{16}")', 'regex');
    sc.l('', '    // Preview data for the compose preview', '    val preview = listOf(');
    sc.d(`        Stop(tracking = "${ups()}", vin = "${vin()}"),`, 'tracking number and vin');
    sc.d(`        Stop(tracking = "${fedex()}", vin = "${vin()}"),`, 'tracking number and vin');
    sc.l('    )', '}');
  }

  // =====================================================================================
  // PHP: legacy customer portal (Symfony 3 parameters.yml, Symfony 4 .env, plain PHP)
  // =====================================================================================
  {
    const p = repo.file('apps/customer-portal/app/config/parameters.yml', 'php');
    p.l(
      '# This file is auto-generated during the composer install',
      'parameters:',
      '    database_host: mysql01.hbl.local',
      '    database_port: 3306',
    );
    p.l('    database_name: portal', '    database_user: portal');
    const dbp = pw();
    p.s(`    database_password: ${dbp}`, 'generic', dbp);
    p.l('    mailer_transport: smtp', '    mailer_host: smtp.sendgrid.net', '    mailer_user: apikey');
    const mp = t.sendgrid();
    p.s(`    mailer_password: ${mp}`, 'sendgrid', mp);
    const ks = t.hex(40);
    p.s(`    secret: ${ks}`, 'generic', ks);
    const gk = t.gcpApiKey();
    p.s(`    google_maps_geocoding_key: ${gk}`, 'gcp', gk);
    p.d(`    twilio_account_sid: ${twSid()}`, 'twilio account sid (identifier)');
    const tw = t.twilioToken();
    p.s(`    twilio_auth_token: ${tw}`, 'twilio', tw);

    const pd = repo.file('apps/customer-portal/app/config/parameters.yml.dist', 'php');
    pd.l('parameters:', '    database_host: 127.0.0.1', '    database_user: root');
    pd.d('    database_password: ~', 'null');
    pd.d('    mailer_password: ~', 'null');
    pd.d('    secret: ThisTokenIsNotSoSecretChangeIt', 'symfony default placeholder');
    pd.d('    google_maps_geocoding_key: your-server-key', 'placeholder');

    const ed = repo.file('apps/customer-portal/.env.dist', 'php');
    ed.l('APP_ENV=dev');
    ed.d('APP_SECRET=', 'empty');
    ed.d(
      'DATABASE_URL="mysql://db_user:db_password@127.0.0.1:3306/db_name?serverVersion=5.7"',
      'symfony recipe default',
    );
    ed.d('MAILER_DSN=null://null', 'null transport');

    const el = repo.file('apps/customer-portal/.env.prod.local', 'php');
    el.l('APP_ENV=prod');
    const as = t.hex(32);
    el.s(`APP_SECRET=${as}`, 'generic', as);
    const du = pwA();
    el.s(`DATABASE_URL=mysql://portal:${du}@mysql01.hbl.local:3306/portal?serverVersion=5.7`, 'database', du);
    const ms = t.sendgrid();
    el.s(`MAILER_DSN=sendgrid+api://${ms}@default`, 'sendgrid', ms);
    const mt = pwA();
    el.s(`MESSENGER_TRANSPORT_DSN=amqp://portal:${mt}@rabbit01.hbl.local:5672/%2fportal/messages`, 'generic', mt);
    el.l("CORS_ALLOW_ORIGIN='^https://(portal|track)\\.harbourline\\.io$'");

    const c = repo.file('apps/customer-portal/legacy/includes/config.inc.php', 'php');
    c.l(
      '<?php',
      '// legacy tracking pages (pre-Symfony). Do not add new settings here.',
      "define('DB_HOST', 'mysql01.hbl.local');",
      "define('DB_USER', 'portal_legacy');",
    );
    const lp = pw();
    c.s(`define('DB_PASS', '${lp}');`, 'generic', lp);
    c.d("define('SMTP_PASS', getenv('SMTP_PASS'));", 'env reference');
    const sf = pw();
    c.s(`$config['sftp_password'] = '${sf}';`, 'generic', sf);
    const pdo = pw();
    c.s(`$db = new PDO('mysql:host=mysql02.hbl.local;dbname=tracking', 'tracking_ro', '${pdo}');`, 'generic', pdo);
    const lt = t.twilioToken();
    c.s(`$twilio = new Twilio\\Rest\\Client('${twSid()}', '${lt}');`, 'twilio', lt);
    c.d(`$demoTracking = '${ups()}'; // shown on the landing page`, 'tracking number');

    const tw2 = repo.file('apps/customer-portal/templates/tracking/show.html.twig', 'php');
    tw2.l('{% extends "base.html.twig" %}', '{% block javascripts %}');
    tw2.l('  {# browser key: restricted to https://portal.harbourline.io/* referrers, Maps JavaScript API only #}');
    tw2.d(
      `  <script src="https://maps.googleapis.com/maps/api/js?key=${t.gcpApiKey()}&callback=initMap&libraries=marker" async defer></script>`,
      'google maps browser key (referrer-restricted)',
    );
    tw2.d(
      `  <div id="map" data-map-id="${t.hex(16)}" data-shipment="{{ shipment.trackingNumber }}"></div>`,
      'map id and twig var',
    );
    tw2.l('{% endblock %}');
  }

  // =====================================================================================
  // Ruby: billing (Sequel)
  // =====================================================================================
  {
    const d = repo.file('services/billing/config/db.rb', 'ruby');
    d.l("require 'sequel'", '');
    const bp = pwA();
    d.s(
      `DB = Sequel.connect('postgres://billing:${bp}@pg-billing.hbl.local:5432/billing', max_connections: 10)`,
      'database',
      bp,
    );
    const ep = pw();
    d.s(
      `ERP = Sequel.connect(adapter: 'tinytds', host: 'erp-sql01.hbl.local', database: 'ERP', user: 'billing_ro', password: '${ep}')`,
      'generic',
      ep,
    );
    d.d("ARCHIVE = Sequel.connect(ENV.fetch('ARCHIVE_DATABASE_URL'))", 'env reference');
    const rp = pwA();
    d.s(
      `REPORTING = Sequel.connect(ENV.fetch('REPORTING_DATABASE_URL', 'postgres://reporting:${rp}@pg-dwh.hbl.local/reporting'))`,
      'database',
      rp,
    );
    d.d('TEST_DB = Sequel.sqlite # in-memory for specs', 'no credential');

    const s = repo.file('services/billing/config/settings.yml', 'ruby');
    s.l('production:', '  invoice_mailer:', '    smtp_address: smtp.sendgrid.net', '    user_name: apikey');
    const sg = t.sendgrid();
    s.s(`    password: ${sg}`, 'sendgrid', sg);
    s.l('  pagerduty:');
    const rk = t.hex(32);
    s.s(`    routing_key: ${rk}`, 'pagerduty', rk);
    s.d(`    service_id: P${t.mixed(UPPER + DIGIT, 6)}`, 'pagerduty service id');
    s.l('  slack:');
    const wh = t.slackWebhook();
    s.s(`    webhook_url: ${wh}`, 'slack', wh);
    s.d(`    channel_id: C0${t.mixed(UPPER + DIGIT, 9)}`, 'slack channel id');
    s.l('development:', '  invoice_mailer:', '    smtp_address: localhost');
    s.d("    password: <%= ENV['SENDGRID_API_KEY'] %>", 'erb env reference');

    const pg = repo.file('services/billing/lib/billing/pagerduty.rb', 'ruby');
    pg.l("require 'faraday'", '', 'module Billing', '  module PagerDuty');
    const pt = pdRest();
    pg.s(`    API_TOKEN = '${pt}'`, 'pagerduty', pt);
    pg.l('', '    def self.conn', "      Faraday.new('https://api.pagerduty.com') do |f|");
    pg.d('        f.headers[\'Authorization\'] = "Token token=#{API_TOKEN}"', 'interpolated constant');
    pg.l(
      "        f.headers['Accept'] = 'application/vnd.pagerduty+json;version=2'",
      '      end',
      '    end',
      '  end',
      'end',
    );

    const sl = repo.file('services/billing/lib/billing/slack_notifier.rb', 'ruby');
    sl.l("require 'slack-ruby-client'", '', 'Slack.configure do |config|');
    const sb = t.slackBot();
    sl.s(`  config.token = '${sb}'`, 'slack', sb);
    sl.l('end');
    sl.d("# config.token = ENV.fetch('SLACK_BOT_TOKEN')", 'commented env reference');

    const fx = repo.file('services/billing/spec/fixtures/invoices.yml', 'ruby');
    fx.l('invoice_2041:', '  customer: ACME-NL-0042', '  lines:');
    fx.d(`    - { waybill: "${fedex()}", container: "${container()}", amount_eur: 412.50 }`, 'waybill and container');
    fx.d(`    - { waybill: "${usps()}", container: "${container()}", amount_eur: 88.10 }`, 'waybill and container');
    fx.d(`  payment_reference: "RF${t.digits(2)}${t.pick(DIGIT, 10)}"`, 'creditor reference');
    fx.d('  api_token: "test-token"', 'obvious test value');
  }

  // =====================================================================================
  // JavaScript: tracking API (Node, pm2)
  // =====================================================================================
  {
    const e = repo.file('services/tracking-api/ecosystem.config.js', 'javascript');
    e.l(
      'module.exports = {',
      '  apps: [',
      '    {',
      "      name: 'tracking-api',",
      "      script: 'dist/server.js',",
      "      instances: 'max',",
    );
    e.l("      exec_mode: 'cluster',", '      env: {', "        NODE_ENV: 'development',");
    e.d("        MONGO_URL: 'mongodb://localhost:27017/tracking',", 'local url, no credentials');
    e.l('      },', '      env_production: {', "        NODE_ENV: 'production',");
    const mg = pwA();
    e.s(
      `        MONGO_URL: 'mongodb://tracking:${mg}@mongo01.hbl.local:27017,mongo02.hbl.local:27017/tracking?replicaSet=rs0',`,
      'mongodb',
      mg,
    );
    const mq = pw();
    e.s(`        MQTT_PASSWORD: '${mq}',`, 'generic', mq);
    const tw = t.twilioToken();
    e.s(`        TWILIO_AUTH_TOKEN: '${tw}',`, 'twilio', tw);
    const sg = t.sendgrid();
    e.s(`        SENDGRID_API_KEY: '${sg}',`, 'sendgrid', sg);
    const gm = t.gcpApiKey();
    e.s(`        GOOGLE_MAPS_SERVER_KEY: '${gm}',`, 'gcp', gm);
    const dd = t.ddApi();
    e.s(`        DD_API_KEY: '${dd}',`, 'datadog', dd);
    e.l(
      '      },',
      '    },',
      '  ],',
      '  deploy: {',
      '    production: {',
      "      user: 'deploy',",
      "      host: ['trk-app01.hbl.local', 'trk-app02.hbl.local'],",
    );
    e.d("      key: '~/.ssh/deploy_ed25519',", 'key file path');
    e.l(
      "      ref: 'origin/main',",
      "      repo: 'git@gitlab.hbl.local:tracking/tracking-api.git',",
      "      path: '/srv/tracking-api',",
    );
    e.l(
      "      'post-deploy': 'npm ci && npm run build && pm2 reload ecosystem.config.js --env production',",
      '    },',
      '  },',
      '};',
    );

    const m = repo.file('services/tracking-api/src/mqtt.js', 'javascript');
    m.l("import mqtt from 'mqtt';", '');
    const p = pw();
    m.s(
      `export const client = mqtt.connect('mqtts://emqx.hbl.local:8883', { username: 'tracking-api', password: '${p}', clientId: \`trk-\${process.pid}\` });`,
      'generic',
      p,
    );
    m.d(
      'export const dr = mqtt.connect(process.env.MQTT_DR_URL, { password: process.env.MQTT_DR_PASSWORD });',
      'env reference',
    );

    const n = repo.file('services/tracking-api/src/notify.js', 'javascript');
    n.l("import twilio from 'twilio';", "import sgMail from '@sendgrid/mail';", '');
    const nt = t.twilioToken();
    n.s(`const sms = twilio('${twSid()}', '${nt}');`, 'twilio', nt);
    const ns = t.sendgrid();
    n.s(`sgMail.setApiKey('${ns}');`, 'sendgrid', ns);
    n.d('// sgMail.setApiKey(process.env.SENDGRID_API_KEY);', 'commented env reference');
    n.d(`const DELIVERY_TEMPLATE = 'd-${t.hex(32)}';`, 'sendgrid template id');
    n.d(`const MESSAGING_SERVICE = 'MG${t.hex(32)}';`, 'twilio messaging service sid');
    n.l('export async function notifyDelivered(to, trackingNumber) {');
    n.l(
      '  await sms.messages.create({ to, messagingServiceSid: MESSAGING_SERVICE, body: `Parcel ${trackingNumber} delivered` });',
      '}',
    );

    const cfg = repo.file('services/tracking-api/src/config.js', 'javascript');
    cfg.l('export default {', '  port: Number(process.env.PORT ?? 3000),');
    const js = t.hex(64);
    cfg.s(`  jwtSecret: process.env.JWT_SECRET || '${js}',`, 'generic', js);
    cfg.d(`  mapboxToken: '${mapboxTok('pk')}',`, 'mapbox public token');
    cfg.d('  hereApiKey: process.env.HERE_API_KEY,', 'env reference');
    cfg.d(
      `  ddRum: { applicationId: '${t.uuid()}', clientToken: 'pub${t.hex(32)}', site: 'datadoghq.eu' },`,
      'datadog rum client token (public)',
    );
    cfg.l('};');

    const pub = repo.file('services/tracking-api/public/track.html', 'javascript');
    pub.l(
      '<!doctype html>',
      '<html>',
      '<head>',
      '  <link href="https://api.mapbox.com/mapbox-gl-js/v3.3.0/mapbox-gl.css" rel="stylesheet">',
    );
    pub.d(
      `  <script src="https://api.mapbox.com/mapbox-gl-js/v3.3.0/mapbox-gl.js" integrity="sha384-${b64(64)}" crossorigin="anonymous"></script>`,
      'sri hash',
    );
    pub.l('</head>', '<body>', '<div id="map"></div>', '<script>');
    pub.d(`  mapboxgl.accessToken = '${mapboxTok('pk')}';`, 'mapbox public token');
    pub.l(
      "  new mapboxgl.Map({ container: 'map', style: 'mapbox://styles/harbourline/clt0b2x9k00ab01qp3e7h4m2z' });",
      '</script>',
      '</body>',
      '</html>',
    );

    const ev = repo.file('services/tracking-api/test/fixtures/events.json', 'javascript');
    ev.l('[');
    for (let i = 0; i < 3; i++)
      ev.d(
        `  {"id": "${t.uuid()}", "tracking": "${ups()}", "status": "OUT_FOR_DELIVERY", "deviceImei": "${imei()}", "etag": "W/\\"${t.hex(40)}\\""},`,
        'event fixture ids',
      );
    ev.l('  {"id": "last", "tracking": "TEST0000000000", "status": "DELIVERED"}', ']');
  }

  // =====================================================================================
  // Nomad jobs and Consul
  // =====================================================================================
  {
    const j = repo.file('deploy/nomad/tracking-api.nomad.hcl', 'nomad');
    j.l(
      'job "tracking-api" {',
      '  datacenters = ["ams1", "rtm1"]',
      '  type        = "service"',
      '',
      '  group "api" {',
      '    count = 4',
      '',
    );
    j.l(
      '    task "api" {',
      '      driver = "docker"',
      '',
      '      config {',
      '        image = "registry.hbl.local/tracking/tracking-api:2.14.1"',
      '        auth {',
    );
    j.l('          username = "nomad-pull"');
    const rp = pw();
    j.s(`          password = "${rp}"`, 'generic', rp);
    j.l('        }', '      }', '', '      env {', '        NODE_ENV      = "production"');
    const mp = pw();
    j.s(`        MQTT_PASSWORD = "${mp}"`, 'generic', mp);
    j.l('      }', '', '      template {', '        data = <<EOH');
    j.d(
      'MONGO_URL=mongodb://tracking:{{ with secret "kv/data/tracking" }}{{ .Data.data.mongo_password }}{{ end }}@mongo01.hbl.local:27017/tracking',
      'vault template',
    );
    const dd = t.ddApi();
    j.s(`DD_API_KEY=${dd}`, 'datadog', dd);
    j.d('SENDGRID_API_KEY={{ key "tracking/sendgrid_api_key" }}', 'consul kv template');
    j.l('EOH', '        destination = "secrets/app.env"', '        env         = true', '      }', '');
    j.l('      vault {', '        policies = ["tracking-api"]', '      }', '    }', '  }', '}');

    const ti = repo.file('deploy/nomad/telemetry-ingest.nomad.hcl', 'nomad');
    ti.l(
      'job "telemetry-ingest" {',
      '  datacenters = ["ams1"]',
      '  group "ingest" {',
      '    task "ingest" {',
      '      driver = "exec"',
      '      config {',
    );
    ti.l('        command = "/usr/local/bin/telemetry-ingest"');
    const ap = pw();
    ti.s(
      `        args    = ["--broker", "ssl://emqx.hbl.local:8883", "--mqtt-user", "ingest", "--mqtt-password", "${ap}"]`,
      'generic',
      ap,
    );
    ti.l('      }', '      env {');
    ti.d('        INFLUX_TOKEN_FILE = "${NOMAD_SECRETS_DIR}/influx.token"', 'nomad interpolation');
    ti.l('      }', '    }', '  }', '}');

    const cs = repo.file('deploy/consul/server.hcl', 'consul');
    cs.l('datacenter = "ams1"', 'data_dir   = "/opt/consul"', 'server     = true', 'bootstrap_expect = 3');
    const gk = rawB64(32);
    cs.s(`encrypt    = "${gk}"`, 'generic', gk);
    cs.l(
      'retry_join = ["consul01.hbl.local", "consul02.hbl.local", "consul03.hbl.local"]',
      '',
      'acl {',
      '  enabled        = true',
    );
    cs.l('  default_policy = "deny"', '  tokens {');
    const im = t.uuid();
    cs.s(`    initial_management = "${im}"`, 'generic', im);
    const ag = t.uuid();
    cs.s(`    agent              = "${ag}"`, 'generic', ag);
    cs.l('  }', '}');
    cs.d(`node_id = "${t.uuid()}"`, 'node id');

    const tpl = repo.file('deploy/ansible/roles/consul/templates/consul.hcl.j2', 'consul');
    tpl.l('datacenter = "{{ consul_datacenter }}"');
    tpl.d('encrypt    = "{{ consul_gossip_key }}"', 'jinja reference');
    tpl.l('acl {', '  tokens {');
    tpl.d('    agent = "{{ vault_consul_agent_token }}"', 'jinja reference');
    tpl.l('  }', '}');

    const sv = repo.file('deploy/consul/services/tracking-api.hcl', 'consul');
    sv.l('service {', '  name = "tracking-api"', '  port = 3000');
    const stok = t.uuid();
    sv.s(`  token = "${stok}"`, 'generic', stok);
    sv.l('  check {', '    http     = "https://localhost:3000/healthz"', '    interval = "10s"', '    header {');
    const hb = gen(40);
    sv.s(`      Authorization = ["Bearer ${hb}"]`, 'generic', hb);
    sv.l('    }', '  }', '}');
  }

  // =====================================================================================
  // Ansible
  // =====================================================================================
  {
    const h = repo.file('deploy/ansible/inventories/prod/hosts.ini', 'ansible');
    h.l('[mqtt_brokers]', 'emqx01.hbl.local ansible_host=10.40.1.11', 'emqx02.hbl.local ansible_host=10.40.1.12', '');
    h.l('[edi_gateways]');
    const wp = pw();
    h.s(
      `edi-gw01.hbl.local ansible_host=10.40.7.21 ansible_user=svc_ansible ansible_password=${wp} ansible_connection=winrm ansible_winrm_transport=ntlm`,
      'generic',
      wp,
    );
    h.l('', '[depot_edge]', 'rtm01-edge.hbl.local', 'ams1-edge.hbl.local', '', '[all:vars]', 'ansible_user=deploy');
    const bp = pw();
    h.s(`ansible_become_pass=${bp}`, 'generic', bp);
    h.d('ansible_ssh_private_key_file=~/.ssh/hbl_deploy_ed25519', 'key file path');

    const a = repo.file('deploy/ansible/inventories/prod/group_vars/all.yml', 'ansible');
    a.l('---', 'ntp_servers: [ntp1.hbl.local, ntp2.hbl.local]');
    const rmq = pw();
    a.s(`rabbitmq_admin_password: ${rmq}`, 'generic', rmq);
    const em = pw();
    a.s(`emqx_dashboard_password: "${em}"`, 'generic', em);
    const dd = t.ddApi();
    a.s(`datadog_api_key: ${dd}`, 'datadog', dd);
    a.d('consul_acl_token: "{{ vault_consul_acl_token }}"', 'jinja reference');
    a.l('vault_consul_acl_token: !vault |');
    a.d(
      ['          $ANSIBLE_VAULT;1.1;AES256', ...Array.from({ length: 4 }, () => `          ${t.pick(HEX, 80)}`)],
      'ansible vault',
    );
    const ec = cookie();
    a.s(`rabbitmq_erlang_cookie: ${ec}`, 'generic', ec);

    const e = repo.file('deploy/ansible/inventories/prod/group_vars/edi_gateways.yml', 'ansible');
    e.l(
      '---',
      'edi_partners:',
      '  - name: nordlink',
      '    protocol: sftp',
      '    host: sftp.nordlink-freight.com',
      '    username: hbl_edi',
    );
    const p1 = pw();
    e.s(`    password: "${p1}"`, 'generic', p1);
    e.l(
      '  - name: baltic-express',
      '    protocol: sftp',
      '    host: edi.baltic-express.lt',
      '    port: 2222',
      '    username: harbourline',
    );
    const p2 = pw();
    e.s(`    password: '${p2}'`, 'generic', p2);
    e.l('  - name: iberia-cargo', '    protocol: as2', '    url: https://as2.iberiacargo.es/as2/HttpReceiver');
    e.d('    password: "{{ vault_iberia_as2_password }}"', 'jinja reference');
    e.l('as2_keystore_path: /opt/openas2/config/as2_certs.p12');
    const ksp = pw();
    e.s(`as2_keystore_password: ${ksp}`, 'generic', ksp);

    const v = repo.file('deploy/ansible/inventories/prod/host_vars/vcsa01.hbl.local.yml', 'ansible');
    v.l('---', 'vcenter_hostname: vcsa01.hbl.local', 'vcenter_username: administrator@vsphere.local');
    const vp = pw();
    v.s(`vcenter_password: "${vp}"`, 'generic', vp);
    v.l('vcenter_validate_certs: false');

    const df = repo.file('deploy/ansible/roles/emqx/defaults/main.yml', 'ansible');
    df.l('---', 'emqx_version: 5.6.1');
    df.d('emqx_dashboard_password: changeme', 'placeholder');
    df.d("emqx_node_cookie: \"{{ lookup('env', 'EMQX_NODE_COOKIE') }}\"", 'env lookup');
    df.d('emqx_auth_db_password: ""', 'empty');
  }

  // =====================================================================================
  // Kubernetes and Helm
  // =====================================================================================
  {
    const s = repo.file('deploy/k8s/route-optimizer/secret.yaml', 'k8s');
    s.l(
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: route-optimizer',
      '  namespace: routing',
      'type: Opaque',
      'stringData:',
    );
    const gm = t.gcpApiKey();
    s.s(`  GOOGLE_MAPS_SERVER_KEY: ${gm}`, 'gcp', gm);
    const hk = hereKey();
    s.s(`  HERE_API_KEY: "${hk}"`, 'here', hk);
    s.l('data:');
    const dbp = pwA();
    s.s(`  DATABASE_URL: ${enc(`postgresql://routing:${dbp}@pg-routing.hbl.local:5432/routing`)}`, 'database', dbp);
    const sam = samsara();
    s.s(`  SAMSARA_API_TOKEN: ${enc(sam)}`, 'generic', sam);
    s.d(`  LOG_LEVEL: ${enc('info')}`, 'base64 of a setting');
    s.d(`  SOLVER_TIMEOUT: ${enc('300s')}`, 'base64 of a setting');

    const r = repo.file('deploy/k8s/registry/dockerhub-pull.yaml', 'k8s');
    const pat = dockerPat();
    r.l(
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: dockerhub-pull',
      '  namespace: tracking',
      'type: kubernetes.io/dockerconfigjson',
      'stringData:',
    );
    r.s(
      `  .dockerconfigjson: '{"auths":{"https://index.docker.io/v1/":{"username":"hblci","password":"${pat}","auth":"${enc(`hblci:${pat}`)}"}}}'`,
      'dockerhub',
      pat,
    );

    const cm = repo.file('deploy/k8s/route-optimizer/configmap.yaml', 'k8s');
    cm.l('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: route-optimizer', 'data:');
    cm.d(`  MAPBOX_PUBLIC_TOKEN: ${mapboxTok('pk')}`, 'mapbox public token');
    cm.d(`  DEPOT_IDS: "${t.uuid()},${t.uuid()}"`, 'uuids');
    cm.d(`  BUILD_SHA: ${t.sha1()}`, 'git sha');
    cm.d('  HERE_API_KEY_SECRET_NAME: route-optimizer', 'secret name');
    cm.d(`  AWS_ACCOUNT_ID: "${awsAcct()}"`, 'aws account id');

    const v = repo.file('deploy/helm/tracking-api/values-prod.yaml', 'k8s');
    v.l('replicaCount: 4', 'image:', '  repository: registry.hbl.local/tracking/tracking-api');
    v.d(`  digest: sha256:${t.sha256()}`, 'image digest');
    v.l('imagePullSecrets:');
    v.d('  - name: dockerhub-pull', 'secret name');
    v.l('mongodb:', '  auth:', '    rootUser: root');
    const mr = pw();
    v.s(`    rootPassword: "${mr}"`, 'generic', mr);
    v.d('    existingSecret: ""', 'empty');
    v.l('rabbitmq:', '  auth:', '    username: tracking');
    const rq = pw();
    v.s(`    password: ${rq}`, 'generic', rq);
    const ec = cookie();
    v.s(`    erlangCookie: ${ec}`, 'generic', ec);
    v.l('env:');
    const st = sentryOrg();
    v.s(`  SENTRY_AUTH_TOKEN: ${st}`, 'sentry', st);
    v.d(`  SENTRY_DSN: ${sentryDsn()}`, 'sentry dsn (public)');
    v.l('externalSecrets:', '  - name: twilio', '    remoteRef:');
    v.d('      key: /prod/tracking-api/twilio-auth-token', 'ssm parameter path');

    const tp = repo.file('deploy/helm/tracking-api/templates/secret.yaml', 'k8s');
    tp.l(
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: {{ include "tracking-api.fullname" . }}',
      'stringData:',
    );
    tp.d('  MONGO_ROOT_PASSWORD: {{ .Values.mongodb.auth.rootPassword | quote }}', 'helm template');
    tp.d(
      '  RABBITMQ_PASSWORD: {{ required "rabbitmq password" .Values.rabbitmq.auth.password | quote }}',
      'helm template',
    );
    tp.d('  SENTRY_AUTH_TOKEN: {{ .Values.env.SENTRY_AUTH_TOKEN | b64enc }}', 'helm template');
  }

  // =====================================================================================
  // Terraform: vSphere on-prem and AWS
  // =====================================================================================
  {
    const p = repo.file('infra/terraform/onprem/vsphere/provider.tf', 'terraform');
    p.l(
      'terraform {',
      '  required_providers {',
      '    vsphere = { source = "hashicorp/vsphere", version = "~> 2.6" }',
      '  }',
      '}',
      '',
    );
    p.l('provider "vsphere" {', '  user                 = "svc-terraform@vsphere.local"');
    const vp = pw();
    p.s(`  password             = "${vp}"`, 'generic', vp);
    p.l('  vsphere_server       = "vcsa01.hbl.local"', '  allow_unverified_ssl = true', '}');

    const vm = repo.file('infra/terraform/onprem/vsphere/vm-edi-gateway.tf', 'terraform');
    vm.l(
      'resource "vsphere_virtual_machine" "edi_gw" {',
      '  name             = "edi-gw01"',
      '  num_cpus         = 4',
      '  memory           = 8192',
    );
    vm.l(
      '  clone {',
      '    template_uuid = data.vsphere_virtual_machine.win2022.id',
      '    customize {',
      '      windows_options {',
      '        computer_name  = "edi-gw01"',
    );
    const ad = pw();
    vm.s(`        admin_password = "${ad}"`, 'generic', ad);
    vm.l('        join_domain    = "hbl.local"', '        domain_admin_user = "svc-domainjoin"');
    const dj = pw();
    vm.s(`        domain_admin_password = "${dj}"`, 'generic', dj);
    vm.l('      }', '    }', '  }', '}', '');
    vm.l(
      'resource "vsphere_virtual_machine" "emqx" {',
      '  count = 2',
      '  name  = "emqx0${count.index + 1}"',
      '  vapp {',
      '    properties = {',
    );
    vm.l('      "hostname" = "emqx0${count.index + 1}"');
    const vap = pw();
    vm.s(`      "password" = "${vap}"`, 'generic', vap);
    vm.l('    }', '  }', '}');

    const aw = repo.file('infra/terraform/aws/providers.tf', 'terraform');
    aw.l('provider "aws" {', '  region     = "eu-west-1"');
    const ak = t.awsId();
    const as = t.awsSecret();
    aw.s(`  access_key = "${ak}"`, 'aws', ak);
    aw.s(`  secret_key = "${as}"`, 'aws', as);
    aw.l('  default_tags {', '    tags = { owner = "platform", cost-center = "CC-4410" }', '  }', '}', '');
    aw.l('provider "aws" {', '  alias  = "us"', '  region = "us-east-1"');
    aw.d(`  assume_role { role_arn = "arn:aws:iam::${awsAcct()}:role/terraform" }`, 'role arn');
    aw.l('}', '', 'provider "datadog" {');
    aw.d('  api_key = var.datadog_api_key', 'variable');
    aw.d('  app_key = var.datadog_app_key', 'variable');
    aw.l('  api_url = "https://api.datadoghq.eu/"', '}');

    const rds = repo.file('infra/terraform/aws/rds.tf', 'terraform');
    rds.l(
      'resource "aws_db_instance" "tracking" {',
      '  identifier     = "tracking-prod"',
      '  engine         = "postgres"',
      '  engine_version = "16.2"',
    );
    rds.l('  instance_class = "db.r6g.large"', '  username       = "tracking"');
    const rp = pw();
    rds.s(`  password       = "${rp}"`, 'generic', rp);
    rds.d(`  kms_key_id     = "arn:aws:kms:eu-west-1:${awsAcct()}:key/${t.uuid()}"`, 'kms arn');
    rds.l('}', '', 'resource "aws_db_instance" "billing" {', '  identifier = "billing-prod"');
    rds.d('  manage_master_user_password = true', 'setting');
    rds.d('  password = var.billing_db_password', 'variable');
    rds.l('}');

    const mq = repo.file('infra/terraform/aws/mq.tf', 'terraform');
    mq.l(
      'resource "aws_mq_broker" "events" {',
      '  broker_name        = "hbl-events"',
      '  engine_type        = "RabbitMQ"',
      '  engine_version     = "3.11.20"',
    );
    mq.l('  host_instance_type = "mq.m5.large"', '  user {', '    username = "tracking"');
    const mp = pw().replace(/[!#%*]/g, '-');
    mq.s(`    password = "${mp}"`, 'generic', mp);
    mq.l('  }', '}');

    const tv = repo.file('infra/terraform/aws/terraform.tfvars', 'terraform');
    tv.l('environment     = "prod"');
    tv.d(`aws_account_id  = "${awsAcct()}"`, 'aws account id');
    const ddi = t.ddApi();
    tv.s(`datadog_api_key = "${ddi}"`, 'datadog', ddi);
    const dda = t.ddApp();
    tv.s(`datadog_app_key = "${dda}"`, 'datadog', dda);
    const pdt = pdRest();
    tv.s(`pagerduty_token = "${pdt}"`, 'pagerduty', pdt);
    tv.d('billing_db_password = ""', 'empty');

    const va = repo.file('infra/terraform/aws/variables.tf', 'terraform');
    va.l('variable "datadog_api_key" {', '  type      = string', '  sensitive = true');
    va.d('  default   = ""', 'empty default');
    va.l('}', '', 'variable "pagerduty_token" {', '  type      = string', '  sensitive = true', '}');
    va.l('variable "mapbox_public_token" {', '  type    = string');
    va.d(`  default = "${mapboxTok('pk')}"`, 'mapbox public token');
    va.l('}');

    const lk = repo.file('infra/terraform/aws/.terraform.lock.hcl', 'terraform');
    lk.l(
      'provider "registry.terraform.io/hashicorp/aws" {',
      '  version     = "5.46.0"',
      '  constraints = "~> 5.0"',
      '  hashes = [',
    );
    lk.d(`    "h1:${rawB64(32)}",`, 'provider hash');
    for (let i = 0; i < 3; i++) lk.d(`    "zh:${t.sha256()}",`, 'provider hash');
    lk.l('  ]', '}');
  }

  // =====================================================================================
  // CI: Jenkins and GitLab
  // =====================================================================================
  {
    const j = repo.file('services/customs-worker/Jenkinsfile', 'ci');
    j.l('pipeline {', "  agent { label 'docker' }", '  environment {', "    REGISTRY = 'registry.hbl.local'");
    j.d("    DOCKERHUB = credentials('dockerhub-hblci')", 'jenkins credentials reference');
    const dd = t.ddApi();
    j.s(`    DD_API_KEY = '${dd}'`, 'datadog', dd);
    j.l('  }', '  stages {', "    stage('Build') {", "      steps { sh 'dotnet publish -c Release -o out' }", '    }');
    j.l("    stage('Push') {", '      steps {');
    const pat = dockerPat();
    j.s(`        sh 'echo ${pat} | docker login -u hblci --password-stdin'`, 'dockerhub', pat);
    j.l("        sh 'docker push hblci/customs-worker:${BUILD_NUMBER}'", '      }', '    }');
    j.l("    stage('Deliver EDI samples') {", '      steps {');
    const sp = pwA();
    j.s(
      `        sh "sshpass -p '${sp}' scp -o StrictHostKeyChecking=no build/edi/*.x12 hbl_edi@sftp.nordlink-freight.com:/test/inbound/"`,
      'generic',
      sp,
    );
    j.d(
      "        withCredentials([usernamePassword(credentialsId: 'nexus-deploy', usernameVariable: 'NEXUS_USER', passwordVariable: 'NEXUS_PASS')]) {",
      'jenkins credentials binding',
    );
    j.l(
      '          sh \'dotnet nuget push out/*.nupkg -s https://nexus.hbl.local/repository/nuget-hosted/ -k "$NEXUS_PASS"\'',
      '        }',
      '      }',
      '    }',
    );
    j.l('  }', '  post {', '    failure {');
    const rk = t.hex(32);
    j.s(
      `      sh "curl -s -X POST https://events.pagerduty.com/v2/enqueue -H 'Content-Type: application/json' -d '{\\"routing_key\\":\\"${rk}\\",\\"event_action\\":\\"trigger\\",\\"payload\\":{\\"summary\\":\\"customs-worker build failed\\",\\"severity\\":\\"error\\",\\"source\\":\\"jenkins\\"}}'"`,
      'pagerduty',
      rk,
    );
    j.d(
      "      slackSend(channel: '#customs-ci', tokenCredentialId: 'slack-bot', message: \"FAILED ${env.JOB_NAME}\")",
      'credential id',
    );
    j.l('    }', '  }', '}');

    const g = repo.file('.gitlab-ci.yml', 'ci');
    g.l('stages: [test, build, deploy]', '', 'variables:', '  DOCKER_DRIVER: overlay2');
    const sen = sentryOrg();
    g.s(`  SENTRY_AUTH_TOKEN: "${sen}"`, 'sentry', sen);
    const gl = t.gitlab();
    g.s(`  RELEASE_API_TOKEN: ${gl}`, 'gitlab', gl);
    g.l('  AWS_DEFAULT_REGION: eu-west-1', '', 'build:tracking-api:', '  stage: build', '  script:');
    g.d('    - docker login -u gitlab-ci-token -p $CI_JOB_TOKEN $CI_REGISTRY', 'ci variable');
    g.l(
      '    - docker build -t $CI_REGISTRY_IMAGE/tracking-api:$CI_COMMIT_SHORT_SHA services/tracking-api',
      '',
      'deploy:prod:',
      '  stage: deploy',
      '  script:',
    );
    const ak = t.awsId();
    g.s(`    - export AWS_ACCESS_KEY_ID=${ak}`, 'aws', ak);
    const as = t.awsSecret();
    g.s(`    - export AWS_SECRET_ACCESS_KEY=${as}`, 'aws', as);
    g.l('    - aws ecs update-service --cluster tracking --service api --force-new-deployment');
    const gl2 = t.gitlab();
    g.s(
      `    - 'curl --fail --header "PRIVATE-TOKEN: ${gl2}" -X POST "https://gitlab.hbl.local/api/v4/projects/412/releases" --data "tag_name=$CI_COMMIT_TAG"'`,
      'gitlab',
      gl2,
    );
    g.d(
      '    - \'curl --header "PRIVATE-TOKEN: $RELEASE_API_TOKEN" https://gitlab.hbl.local/api/v4/projects/412\'',
      'ci variable',
    );
    g.l('  only: [tags]');

    const ga = repo.file('apps/driver-android/.gitlab-ci.yml', 'ci');
    ga.l('assemble:release:', '  image: cimg/android:2024.04', '  script:');
    ga.d('    - echo "$RELEASE_KEYSTORE_B64" | base64 -d > app/release.jks', 'ci variable');
    const sp2 = pw().replace(/[!#%*]/g, '_');
    ga.s(
      `    - ./gradlew assembleRelease -Pandroid.injected.signing.store.file=app/release.jks -Pandroid.injected.signing.store.password=${sp2} -Pandroid.injected.signing.key.alias=driver-release`,
      'generic',
      sp2,
    );
    ga.l('  artifacts:', '    paths: [app/build/outputs/apk/release/]');
  }

  // =====================================================================================
  // Docker
  // =====================================================================================
  {
    const c = repo.file('deploy/compose/depot-edge/docker-compose.yml', 'docker');
    c.l(
      '# runs on the depot edge boxes (rtm01, ams1): local broker, scanner gateway, agent',
      'services:',
      '  rabbitmq:',
    );
    c.d(`    image: rabbitmq:3.13-management@sha256:${t.sha256()}`, 'image digest');
    c.l('    environment:', '      RABBITMQ_DEFAULT_USER: depot');
    const rp = pw();
    c.s(`      RABBITMQ_DEFAULT_PASS: "${rp}"`, 'generic', rp);
    c.l('  emqx:', '    image: emqx/emqx:5.6.1', '    environment:');
    const ep = pw();
    c.s(`      EMQX_DASHBOARD__DEFAULT_PASSWORD: ${ep}`, 'generic', ep);
    c.d('      EMQX_NODE__COOKIE: ${EMQX_NODE_COOKIE:?set in .env}', 'compose variable');
    c.l('  postgres:', '    image: postgres:16-alpine', '    environment:');
    c.d('      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?}', 'compose variable');
    c.l('  scanner-gw:', '    image: registry.hbl.local/depot/scanner-gw:1.9.0', '    environment:');
    const mu = pwA();
    c.s(`      - MQTT_URL=mqtts://scanner-gw:${mu}@emqx:8883`, 'generic', mu);
    c.d('      - WMS_API_TOKEN_FILE=/run/secrets/wms_api_token', 'file reference');
    c.l('  datadog:', '    image: gcr.io/datadoghq/agent:7', '    environment:');
    const dd = t.ddApi();
    c.s(`      - DD_API_KEY=${dd}`, 'datadog', dd);
    c.l('      - DD_SITE=datadoghq.eu');

    const d1 = repo.file('services/route-optimizer/Dockerfile', 'docker');
    d1.d(`FROM python:3.12-slim@sha256:${t.sha256()}`, 'image digest');
    const pip = pwA();
    d1.s(
      `ARG PIP_EXTRA_INDEX_URL=https://deploy:${pip}@nexus.hbl.local/repository/pypi-internal/simple`,
      'generic',
      pip,
    );
    d1.d(
      'RUN --mount=type=secret,id=pip_conf,target=/etc/pip.conf pip install --no-cache-dir -r requirements.txt',
      'build secret mount',
    );
    const gm = t.gcpApiKey();
    d1.s(`ENV GOOGLE_MAPS_SERVER_KEY=${gm}`, 'gcp', gm);
    d1.l(
      'COPY route_optimizer /app/route_optimizer',
      'CMD ["celery", "-A", "route_optimizer", "worker", "-Q", "solver"]',
    );

    const d2 = repo.file('services/telemetry-ingest/Dockerfile', 'docker');
    d2.l('FROM golang:1.22 AS build', 'ENV GOPRIVATE=github.com/harbourline/*');
    const gh = t.github();
    d2.s(
      `RUN git config --global url."https://hbl-bot:${gh}@github.com/".insteadOf "https://github.com/"`,
      'github',
      gh,
    );
    d2.l('WORKDIR /src', 'COPY . .', 'RUN CGO_ENABLED=0 go build -o /out/telemetry-ingest ./cmd/ingest', '');
    d2.d(`FROM gcr.io/distroless/static-debian12@sha256:${t.sha256()}`, 'image digest');
    d2.l('COPY --from=build /out/telemetry-ingest /telemetry-ingest', 'ENTRYPOINT ["/telemetry-ingest"]');

    const dc = repo.file('ops/home/.docker/config.json', 'docker');
    const hpat = dockerPat();
    const rpw = pw();
    dc.l('{', '  "auths": {', '    "https://index.docker.io/v1/": {');
    dc.s(`      "auth": "${enc(`hblops:${hpat}`)}"`, 'dockerhub', hpat);
    dc.l('    },', '    "registry.hbl.local": {');
    dc.s(`      "auth": "${enc(`jenkins:${rpw}`)}"`, 'generic', rpw);
    dc.l('    },', '    "registry.gitlab.com": {}', '  },');
    dc.d('  "credsStore": "desktop"', 'credential helper');
    dc.l('}');
  }

  // =====================================================================================
  // systemd units
  // =====================================================================================
  {
    const s = repo.file('deploy/systemd/telemetry-ingest.service', 'systemd');
    s.l(
      '[Unit]',
      'Description=Harbourline telemetry ingest (MQTT -> Kafka)',
      'After=network-online.target',
      '',
      '[Service]',
      'User=telemetry',
    );
    const mp = pwA();
    s.s(`Environment="MQTT_PASSWORD=${mp}"`, 'generic', mp);
    const dd = t.ddApi();
    s.s(`Environment=DD_API_KEY=${dd}`, 'datadog', dd);
    s.d('EnvironmentFile=-/etc/default/telemetry-ingest', 'file reference');
    const ep = pwA();
    s.s(
      `ExecStart=/usr/local/bin/telemetry-ingest --broker ssl://emqx.hbl.local:8883 --mqtt-user ingest --mqtt-password ${ep}`,
      'generic',
      ep,
    );
    s.l('Restart=always', '', '[Install]', 'WantedBy=multi-user.target');

    const e = repo.file('deploy/systemd/edi-sftp-poller.service', 'systemd');
    e.l('[Unit]', 'Description=Poll partner SFTP drops for EDI 214/856', '', '[Service]', 'Type=oneshot');
    const sp = pwA();
    e.s(`Environment="SFTP_USER=hbl_edi" "SFTP_PASSWORD=${sp}" "SFTP_HOST=sftp.nordlink-freight.com"`, 'generic', sp);
    e.d('LoadCredential=baltic-key:/etc/edi/keys/baltic_ed25519', 'credential file reference');
    e.l('ExecStart=/opt/edi/bin/poll-partners --all');

    const cw = repo.file('deploy/systemd/customs-worker.service', 'systemd');
    cw.l(
      '[Unit]',
      'Description=Customs clearance worker',
      '',
      '[Service]',
      'WorkingDirectory=/opt/customs-worker',
      'Environment=DOTNET_ENVIRONMENT=Production',
    );
    const cp = pwA();
    cw.s(
      `Environment="ConnectionStrings__Customs=Server=sql-customs01.hbl.local;Database=Customs;User Id=customs_worker;Password=${cp};TrustServerCertificate=True"`,
      'generic',
      cp,
    );
    cw.d('LoadCredential=rabbitmq-password:/etc/customs-worker/rabbitmq-password', 'credential file reference');
    cw.d('Environment="RabbitMq__PasswordFile=%d/rabbitmq-password"', 'systemd credentials directory path');
    cw.l('ExecStart=/usr/bin/dotnet /opt/customs-worker/Harbourline.Customs.dll');

    const o = repo.file('deploy/systemd/telemetry-ingest.service.d/override.conf', 'systemd');
    o.l('[Service]');
    const it = influx();
    o.s(`Environment="INFLUX_TOKEN=${it}"`, 'generic', it);
  }

  // =====================================================================================
  // Jupyter: fleet analytics notebook
  // =====================================================================================
  {
    const nb = repo.file('analytics/notebooks/fleet_utilization.ipynb', 'notebook');
    nb.l(
      '{',
      ' "cells": [',
      '  {',
      '   "cell_type": "code",',
      '   "execution_count": 3,',
      '   "metadata": {},',
      '   "outputs": [',
    );
    nb.l('    {', '     "data": {', '      "text/plain": [');
    nb.d('       "Engine(postgresql://analyst:***@pg-dwh.hbl.local:5432/fleet)"', 'sqlalchemy masked repr');
    nb.l(
      '      ]',
      '     },',
      '     "execution_count": 3,',
      '     "metadata": {},',
      '     "output_type": "execute_result"',
      '    }',
      '   ],',
      '   "source": [',
    );
    nb.l('    "import pandas as pd\\n",', '    "from sqlalchemy import create_engine\\n",');
    const ap = pwA();
    nb.s(
      `    "engine = create_engine(\\"postgresql://analyst:${ap}@pg-dwh.hbl.local:5432/fleet\\")\\n",`,
      'database',
      ap,
    );
    nb.l(
      '    "engine"',
      '   ]',
      '  },',
      '  {',
      '   "cell_type": "code",',
      '   "execution_count": 7,',
      '   "metadata": {},',
      '   "outputs": [',
    );
    nb.l('    {', '     "name": "stdout",', '     "output_type": "stream",', '     "text": [');
    const tok = t.jwt();
    nb.s(`      "{'access_token': '${tok}', 'token_type': 'bearer', 'expires_in': 86399}\\n"`, 'generic', tok);
    nb.l('     ]', '    }', '   ],', '   "source": [');
    const hid = t.mixed(URLSAFE, 22);
    const hsec = hereSecret();
    nb.d(
      `    "auth = OAuth1(\\"${hid}\\", client_secret=HERE_SECRET, signature_type=\\"auth_header\\")\\n",`,
      'here access key id and variable',
    );
    nb.l(
      '    "resp = requests.post(\\"https://account.api.here.com/oauth2/token\\", auth=auth, data={\\"grant_type\\": \\"client_credentials\\"})\\n",',
    );
    nb.l(
      '    "print(resp.json())"',
      '   ]',
      '  },',
      '  {',
      '   "cell_type": "code",',
      '   "execution_count": 9,',
      '   "metadata": {},',
      '   "outputs": [',
      '    {',
    );
    nb.l('     "data": {', '      "text/html": [');
    nb.l('       "<table><tr><th>vin</th><th>imei</th><th>km</th></tr>\\n",');
    for (let i = 0; i < 3; i++)
      nb.d(`       "<tr><td>${vin()}</td><td>${imei()}</td><td>${t.digits(5)}</td></tr>\\n",`, 'vin and imei');
    nb.l(
      '       "</table>"',
      '      ]',
      '     },',
      '     "execution_count": 9,',
      '     "metadata": {},',
      '     "output_type": "execute_result"',
      '    }',
      '   ],',
    );
    nb.l('   "source": [', '    "import googlemaps\\n",');
    const gk = t.gcpApiKey();
    nb.s(`    "gmaps = googlemaps.Client(key=\\"${gk}\\")\\n",`, 'gcp', gk);
    nb.s(`    "HERE_SECRET = \\"${hsec}\\"\\n",`, 'here', hsec);
    nb.l(
      '    "util = pd.read_sql(\\"select vin, imei, km from fleet.daily_km\\", engine)\\n",',
      '    "util.head(3)"',
      '   ]',
      '  },',
    );
    nb.l(
      '  {',
      '   "cell_type": "code",',
      '   "execution_count": 11,',
      '   "metadata": {},',
      '   "outputs": [',
      '    {',
      '     "data": {',
    );
    nb.d(`      "image/png": "iVBORw0KGgoAAAANSUhEUgAA${b64(1200)}"`, 'plot png');
    nb.l('     },', '     "metadata": {},', '     "output_type": "display_data"', '    }', '   ],', '   "source": [');
    nb.l(
      '    "util.plot(x=\\"vin\\", y=\\"km\\", kind=\\"bar\\")"',
      '   ]',
      '  }',
      ' ],',
      ' "metadata": {',
      '  "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}',
      ' },',
    );
    nb.l(' "nbformat": 4,', ' "nbformat_minor": 5', '}');
  }

  // =====================================================================================
  // Logs: syslog, journald (json and export), EMQX, Mosquitto, nginx
  // =====================================================================================
  {
    const sy = repo.file('logs/syslog/edi-gw02.log', 'logs');
    sy.l('Feb 11 02:14:01 edi-gw02 CRON[22871]: (edi) CMD (/opt/edi/bin/poll-partners --all)');
    sy.d(
      `Feb 11 02:14:02 edi-gw02 sshd[22880]: Accepted publickey for edi from 10.40.7.5 port 50122 ssh2: ED25519 SHA256:${rawB64(32).replace(/=+$/, '')}`,
      'ssh key fingerprint',
    );
    const p1 = pwA();
    sy.s(
      `Feb 11 02:14:07 edi-gw02 poll-partners[22891]: connecting sftp://hbl_edi:${p1}@sftp.nordlink-freight.com:22/outbound`,
      'generic',
      p1,
    );
    sy.l('Feb 11 02:14:09 edi-gw02 poll-partners[22891]: fetched 14 files (214: 11, 856: 3)');
    const p2 = pw();
    sy.s(
      `Feb 11 02:14:10 edi-gw02 poll-partners[22891]: DEBUG lftp -u harbourline,${p2} -p 2222 sftp://edi.baltic-express.lt`,
      'generic',
      p2,
    );
    sy.d(
      `Feb 11 02:14:12 edi-gw02 poll-partners[22891]: archived ${container()}.x12 sha256=${t.sha256()}`,
      'container number and checksum',
    );
    sy.d(
      'Feb 11 02:14:13 edi-gw02 sudo: edi : TTY=unknown ; PWD=/opt/edi ; USER=root ; COMMAND=/usr/bin/systemctl restart edi-sftp-poller',
      'sudo log line',
    );

    const jj = repo.file('logs/journal/telemetry-ingest.json', 'logs');
    const boot = t.hex(32);
    const mach = t.hex(32);
    const cur = () =>
      `s=${t.hex(32)};i=${t.pick(HEX, 5)};b=${boot};m=${t.pick(HEX, 9)};t=${t.pick(HEX, 13)};x=${t.pick(HEX, 16)}`;
    jj.d(
      `{"__CURSOR":"${cur()}","__REALTIME_TIMESTAMP":"1770776041123456","_BOOT_ID":"${boot}","_MACHINE_ID":"${mach}","_HOSTNAME":"tele01","_SYSTEMD_UNIT":"telemetry-ingest.service","PRIORITY":"6","MESSAGE":"level=info msg=\\"starting\\" version=3.4.2"}`,
      'journald cursor and ids',
    );
    const jp = pwA();
    jj.s(
      `{"__CURSOR":"${cur()}","__REALTIME_TIMESTAMP":"1770776041223456","_BOOT_ID":"${boot}","_MACHINE_ID":"${mach}","_HOSTNAME":"tele01","_SYSTEMD_UNIT":"telemetry-ingest.service","PRIORITY":"7","MESSAGE":"level=debug msg=\\"mqtt connect\\" broker=ssl://emqx.hbl.local:8883 user=ingest password=${jp}"}`,
      'generic',
      jp,
    );
    const jk = influx();
    jj.s(
      `{"__CURSOR":"${cur()}","__REALTIME_TIMESTAMP":"1770776041323456","_BOOT_ID":"${boot}","_MACHINE_ID":"${mach}","_HOSTNAME":"tele01","_SYSTEMD_UNIT":"telemetry-ingest.service","PRIORITY":"7","MESSAGE":"level=debug msg=\\"influx writer\\" url=https://influx.hbl.local org=fleet token=${jk}"}`,
      'generic',
      jk,
    );

    const je = repo.file('logs/journal/customs-worker.export', 'logs');
    je.d(`__CURSOR=${cur()}`, 'journald cursor');
    je.l(
      '__REALTIME_TIMESTAMP=1770779012000000',
      '_HOSTNAME=cust01',
      '_SYSTEMD_UNIT=customs-worker.service',
      'PRIORITY=3',
    );
    const jcp = pw();
    je.s(
      `MESSAGE=fail: Microsoft.EntityFrameworkCore.Database.Connection[20004] An error occurred using the connection to database 'Customs' on server 'sql-customs01.hbl.local'. ConnectionString: Server=sql-customs01.hbl.local;Database=Customs;User Id=customs_worker;Password=${jcp}`,
      'generic',
      jcp,
    );
    je.l('');
    je.d(`__CURSOR=${cur()}`, 'journald cursor');
    je.l(
      '__REALTIME_TIMESTAMP=1770779013000000',
      'PRIORITY=6',
      'MESSAGE=info: Harbourline.Customs.ClearanceWorker[0] Retrying in 30s',
    );

    const em = repo.file('logs/emqx/emqx.log.1', 'logs');
    em.l('2026-02-11T03:12:40.101+00:00 [info] msg: listener_started, listener: ssl:default, bind: 0.0.0.0:8883');
    em.d(
      `2026-02-11T03:12:44.118+00:00 [debug] clientid: truck-${imei()}, msg: mqtt_packet_received, packet: CONNECT(Q0, R0, D0, ClientId=truck-${imei()}, ProtoName=MQTT, ProtoVsn=5, CleanStart=true, KeepAlive=60, Username=driver-app, Password=******)`,
      'masked password, imei client id',
    );
    em.l(
      '2026-02-11T03:12:44.120+00:00 [warning] clientid: truck-4411, msg: authentication_failure, username: driver-app, reason: bad_username_or_password',
    );
    const eap = pw();
    em.s(
      `2026-02-11T03:13:02.551+00:00 [error] msg: failed_to_start_resource, resource_id: <<"postgresql:auth">>, reason: {error,invalid_password}, config: #{server => "pg-mqtt.hbl.local:5432", username => <<"emqx_auth">>, password => <<"${eap}">>}`,
      'generic',
      eap,
    );
    em.d(
      `2026-02-11T03:13:05.000+00:00 [info] msg: api_key_created, name: grafana-ro, api_key: ${t.hex(16)}`,
      'api key name/id (the secret is not logged)',
    );

    const mo = repo.file('logs/mosquitto/depot-rtm01.log', 'logs');
    mo.l('1770779100: mosquitto version 2.0.18 starting', '1770779100: Opening ipv4 listen socket on port 8883.');
    mo.d(
      `1770779164: New client connected from 10.52.3.22:51544 as scanner-${imei()} (p2, c1, k60, u'scanner-gw').`,
      'imei client id',
    );
    mo.l('1770779170: Connecting bridge central (emqx.hbl.local:8883)');
    mo.d(`1770779171: Client ${t.uuid()} disconnected, not authorised.`, 'uuid client id');

    const ng = repo.file('logs/nginx/tracking-api.access.log', 'logs');
    const tn = ups();
    ng.d(
      `10.40.2.7 - - [11/Feb/2026:09:14:22 +0000] "GET /v1/track/${tn} HTTP/1.1" 200 1432 "-" "Mozilla/5.0 (iPhone; CPU iPhone OS 17_3 like Mac OS X)"`,
      'tracking number in path',
    );
    const qk = gen(32);
    ng.s(
      `10.40.2.9 - - [11/Feb/2026:09:14:25 +0000] "GET /v1/track/${ups()}?api_key=${qk} HTTP/1.1" 200 1390 "-" "python-requests/2.31.0"`,
      'generic',
      qk,
    );
    const ngk = t.gcpApiKey();
    ng.s(
      `10.40.2.11 - - [11/Feb/2026:09:14:31 +0000] "GET /geo/maps/api/geocode/json?address=Waalhaven+Zuidzijde+19,+Rotterdam&key=${ngk} HTTP/1.1" 200 2211 "-" "axios/1.6.7"`,
      'gcp',
      ngk,
    );
    ng.d(
      '10.40.2.9 - - [11/Feb/2026:09:15:01 +0000] "GET /v1/track/batch?api_key=[FILTERED] HTTP/1.1" 200 9001 "-" "python-requests/2.31.0"',
      'masked',
    );
    const at = gen(40);
    ng.s(
      `10.40.2.12 - - [11/Feb/2026:09:15:07 +0000] "POST /v1/webhooks/samsara?access_token=${at} HTTP/1.1" 204 0 "-" "Samsara-Webhooks/1.0"`,
      'generic',
      at,
    );
    ng.d(
      `10.40.2.14 - - [11/Feb/2026:09:15:09 +0000] "GET /static/app.${t.hex(20)}.js HTTP/1.1" 200 88211 "-" "Mozilla/5.0"`,
      'hashed asset name',
    );
  }

  // =====================================================================================
  // EDI / AS2 partner plumbing and keys
  // =====================================================================================
  {
    const p = repo.file('edi/partners/nordlink.yml', 'edi');
    p.l(
      'partner: nordlink',
      'isa_id: NORDLINKFRT',
      'transactions: [204, 214, 856, 990]',
      'sftp:',
      '  host: sftp.nordlink-freight.com',
      '  port: 22',
      '  username: hbl_edi',
    );
    const sp = pw();
    p.s(`  password: ${sp}`, 'generic', sp);
    p.d('  private_key: ../keys/nordlink_sftp_ed25519', 'key file reference');
    p.d(`  host_key_fingerprint: SHA256:${rawB64(32).replace(/=+$/, '')}`, 'host key fingerprint');
    p.l('pgp:', '  recipient_key: ../keys/nordlink_pub.asc');
    const pp = pw();
    p.s(`  signing_passphrase: "${pp}"`, 'generic', pp);

    const b = repo.file('edi/partners/baltic-express.yml', 'edi');
    b.l(
      'partner: baltic-express',
      'isa_id: BALTEXPLT',
      'as2:',
      '  as2_id: BALTICEXPRESS',
      '  url: https://as2.baltic-express.lt/as2/receive',
      '  mdn: sync',
    );
    b.d(`  partner_cert_sha1: ${t.pick('0123456789ABCDEF', 40).match(/../g).join(':')}`, 'certificate fingerprint');
    b.l('  basic_auth:', '    username: harbourline');
    const bp = pw();
    b.s(`    password: "${bp}"`, 'generic', bp);
    b.d('  encryption: aes256-cbc', 'algorithm name');

    const x = repo.file('edi/as2/openas2/config.xml', 'edi');
    x.l('<openas2>', '  <properties storageBaseDir="%home%/../data" log_date_format="yyyy-MM-dd HH:mm:ss.SSS"/>');
    const kp = pw();
    x.s(
      `  <certificates classname="org.openas2.cert.PKCS12CertificateFactory" filename="%home%/as2_certs.p12" password="${kp}" interval="300"/>`,
      'generic',
      kp,
    );
    x.l('  <partnerships classname="org.openas2.partner.XMLPartnershipFactory" filename="%home%/partnerships.xml"/>');
    x.d(
      '  <commandProcessors><commandProcessor classname="org.openas2.cmd.processor.RestCommandProcessor" baseuri="http://localhost:8080" userid="userID" password="pWd"/></commandProcessors>',
      'openas2 shipped default',
    );
    x.l('</openas2>');

    const ps = repo.file('edi/as2/openas2/partnerships.xml', 'edi');
    ps.l(
      '<partnerships>',
      '  <partner name="harbourline" as2_id="HARBOURLINE" x509_alias="harbourline" email="edi@harbourline.io"/>',
    );
    ps.l(
      '  <partner name="baltic" as2_id="BALTICEXPRESS" x509_alias="baltic" email="edi@baltic-express.lt"/>',
      '  <partnership name="harbourline-to-baltic">',
    );
    ps.l('    <sender name="harbourline"/>', '    <receiver name="baltic"/>');
    ps.d(
      '    <attribute name="as2_mdn_options" value="signed-receipt-protocol=optional, pkcs7-signature; signed-receipt-micalg=optional, SHA256"/>',
      'mdn options',
    );
    ps.d('    <attribute name="encrypt" value="AES256"/>', 'algorithm');
    ps.l('  </partnership>', '</partnerships>');

    const k1 = repo.file('edi/keys/nordlink_sftp_ed25519', 'keys');
    const os1 = t.opensshPem();
    k1.s(os1, 'private-key', os1.join('\n'));
    const k1p = repo.file('edi/keys/nordlink_sftp_ed25519.pub', 'keys');
    k1p.d(`ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${b64(43)} hbl_edi@edi-gw01`, 'public key');
    const k2 = repo.file('edi/keys/as2_signing.key', 'keys');
    const rsa = t.rsaPem();
    k2.s(rsa, 'private-key', rsa.join('\n'));
    const kh = repo.file('edi/keys/known_hosts', 'keys');
    kh.d(`sftp.nordlink-freight.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${b64(43)}`, 'host public key');
    kh.d(
      `|1|${rawB64(20)}|${rawB64(20)} ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBB${b64(88)}=`,
      'hashed host entry',
    );
    const k3 = repo.file('edi/keys/as2_public.crt', 'keys');
    k3.d(
      [
        '-----BEGIN CERTIFICATE-----',
        `MIIDazCCAlOgAwIBAgIU${b64(44)}`,
        b64(64),
        b64(64),
        `${b64(40)}==`,
        '-----END CERTIFICATE-----',
      ],
      'certificate',
    );

    const sh = repo.file('edi/scripts/push_asn.sh', 'edi');
    sh.l('#!/usr/bin/env bash', 'set -euo pipefail', 'OUT=/var/spool/edi/outbound', '');
    const s1 = pwA();
    sh.s(
      `sshpass -p '${s1}' sftp -oBatchMode=no -b - hbl_edi@sftp.nordlink-freight.com <<< "put $OUT/*.x12 /inbound/"`,
      'generic',
      s1,
    );
    const s2 = pwA();
    sh.s(`lftp -u harbourline,${s2} -p 2222 sftp://edi.baltic-express.lt -e "mirror -R $OUT /in; bye"`, 'generic', s2);
    sh.d(
      'SSHPASS="$(cat /run/credentials/edi-sftp-poller.service/iberia)" sshpass -e sftp edi@sftp.iberiacargo.es',
      'env-supplied password',
    );
    sh.d(
      'curl -fsS -u "edi:${AS2_PASSWORD}" -H "AS2-To: BALTICEXPRESS" --data-binary @"$OUT/asn.p7m" https://as2.baltic-express.lt/as2/receive',
      'variable',
    );

    const x12 = repo.file('edi/samples/856_asn.x12', 'edi');
    x12.d(
      `ISA*00*          *00*          *ZZ*HARBOURLINE    *ZZ*NORDLINKFRT    *260211*0214*U*00401*${t.digits(9)}*0*P*>~`,
      'isa envelope with blank auth fields',
    );
    x12.l('GS*SH*HARBOURLINE*NORDLINKFRT*20260211*0214*1001*X*004010~', 'ST*856*0001~');
    x12.d(`BSN*00*${t.digits(10)}*20260211*0214~`, 'shipment id');
    x12.d(`REF*BM*${fedex()}~`, 'bill of lading');
    x12.d(`TD3*CN*MSCU*${container().slice(4)}~`, 'container number');
    x12.d(`MAN*GM*${ups()}~`, 'tracking number');
    x12.l('SE*7*0001~', 'GE*1*1001~', `IEA*1*000000001~`);
  }

  // =====================================================================================
  // Ops: ssh, docs, checksums
  // =====================================================================================
  {
    const k = repo.file('ops/ssh/bastion-ams1_ed25519', 'keys');
    const os = t.opensshPem();
    k.s(os, 'private-key', os.join('\n'));
    const kc = repo.file('ops/ssh/config', 'keys');
    kc.l('Host bastion-ams1', '  HostName 185.44.12.9', '  User ops');
    kc.d('  IdentityFile ~/.ssh/bastion-ams1_ed25519', 'key file reference');
    kc.l('Host *.hbl.local', '  ProxyJump bastion-ams1');
    const ec = repo.file('deploy/k8s/route-optimizer/tls-webhook.yaml', 'keys');
    const ecp = t.ecPem();
    ec.l(
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: samsara-webhook-tls',
      'type: kubernetes.io/tls',
      'stringData:',
      '  tls.key: |',
    );
    ec.s(
      ecp.map((l) => `    ${l}`),
      'private-key',
      ecp.join('\n'),
    );

    const r = repo.file('README.md', 'docs');
    r.l(
      '# Harbourline platform',
      '',
      'Dispatch, tracking, customs, billing and the driver app.',
      '',
      '## Local setup',
      '',
      '```sh',
    );
    r.d('export GOOGLE_MAPS_SERVER_KEY=<your-server-key>', 'placeholder');
    r.d('export HERE_API_KEY=your-here-api-key', 'placeholder');
    r.d('export SAMSARA_API_TOKEN=samsara_api_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', 'placeholder');
    r.l('docker compose -f deploy/compose/dev.yml up', '```');

    const rb = repo.file('docs/runbooks/mqtt-broker.md', 'docs');
    rb.l('# MQTT broker runbook', '', '## Dashboard access', '');
    const dpw = pw();
    rb.s(
      `EMQX dashboard: https://emqx.hbl.local:18083, user \`admin\`, password \`${dpw}\` (rotate after incidents).`,
      'generic',
      dpw,
    );
    rb.d('Vault path for the broker credentials: `kv/data/emqx/dashboard`.', 'vault path');
    rb.d(
      'To hash a new device password run `mosquitto_passwd -b passwd <user> <password>`.',
      'command with placeholders',
    );
    rb.l('', '## Test publish', '', '```sh');
    const tp = pwA();
    rb.s(
      `mosquitto_pub -h emqx.hbl.local -p 8883 --cafile ca.crt -u ops-test -P ${tp} -t fleet/test/telemetry -m '{"speed":0}'`,
      'generic',
      tp,
    );
    rb.d('mosquitto_sub -h emqx.hbl.local -p 8883 -u "$MQTT_USER" -P "$MQTT_PASSWORD" -t "fleet/#" -v', 'variables');
    rb.l('```');

    const gmd = repo.file('docs/integrations/google-maps.md', 'docs');
    gmd.l(
      '# Google Maps Platform',
      '',
      'Server keys (Directions, Distance Matrix, Geocoding) live in Vault; browser keys are referrer-restricted.',
      '',
    );
    gmd.d('    GOOGLE_MAPS_SERVER_KEY=AIzaSy...', 'truncated placeholder');
    gmd.d('Keys look like `AIza` followed by 35 characters; never paste one into a ticket.', 'prose');
    gmd.d(
      'Restrict by IP: `gcloud services api-keys update KEY_ID --allowed-ips=203.0.113.10`',
      'command with placeholder',
    );

    const tf = repo.file('docs/carriers/tracking-formats.md', 'docs');
    tf.l('# Carrier tracking number formats', '', '| carrier | example |', '| --- | --- |');
    tf.d(`| UPS | \`${ups()}\` |`, 'tracking number');
    tf.d(`| FedEx | \`${fedex()}\` |`, 'tracking number');
    tf.d(`| USPS | \`${usps()}\` |`, 'tracking number');
    tf.d(`| Container (ISO 6346) | \`${container()}\` |`, 'container number');
    tf.d(`| Trailer VIN | \`${vin()}\` |`, 'vin');
    tf.d(`| Tracker IMEI | \`${imei()}\` |`, 'imei');

    const sums = repo.file('dist/driver-android/SHA256SUMS', 'decoys');
    for (const a of ['driver-4.12.0-release.apk', 'driver-4.12.0-release.aab', 'mapping.txt'])
      sums.d(`${t.sha256()}  ${a}`, 'checksum');
    const gsum = repo.file('services/telemetry-ingest/go.sum', 'decoys');
    for (const mname of [
      'github.com/eclipse/paho.mqtt.golang v1.4.3',
      'github.com/IBM/sarama v1.43.1',
      'github.com/influxdata/influxdb-client-go/v2 v2.13.0',
    ])
      gsum.d(`${mname} h1:${rawB64(32)}`, 'go.sum hash');
    const gl = repo.file('.gitleaksignore', 'decoys');
    gl.d(`${t.sha1()}:apps/driver-android/app/google-services.json:gcp-api-key:14`, 'gitleaks fingerprint');
    const ff = repo.file('services/tracking-api/test/fixtures/fake-keys.json', 'decoys');
    ff.l('{', '  "_comment": "fake values for unit tests only",');
    ff.d('  "twilioAuthToken": "00000000000000000000000000000000",', 'zero token');
    ff.d('  "sendgridApiKey": "SG.fake.fake",', 'marked fake');
    ff.d('  "googleMapsKey": "AIzaFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAK",', 'marked fake');
    ff.d('  "mqttPassword": "password"', 'placeholder word');
    ff.l('}');
  }

  return repo;
}
