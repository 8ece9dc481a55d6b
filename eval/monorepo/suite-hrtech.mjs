// HR and payroll SaaS company monorepo (PayLoom): a Scala/Akka payroll engine, an Elixir/Phoenix
// employee portal, Kotlin Android and Swift iOS apps, Python tax-table ETL with Airflow DAGs and
// notebooks, a connector hub for Workday / ADP / Gusto / BambooHR / SAP SuccessFactors / Okta /
// Azure AD SCIM / Checkr, bank SFTP + NACHA drops signed with PGP, Snowflake, Kafka (Confluent
// Cloud), HashiCorp Vault, Kubernetes + Helm, Terraform (GCP), Docker, GitLab CI and Jenkins,
// Ansible, PowerShell for the Windows check-print servers, app logs, Jira / Zendesk ticket exports,
// Slack and Confluence exports, and docs.
import { ALNUM, B64, DIGIT, HEX, LOWER, UPPER, URLSAFE, Repo, makeTokens, mulberry32 } from './generate.mjs';

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 6151 + 883);
  const t = makeTokens(rand);
  const repo = new Repo();
  const g = gens(t);
  payrollEngine(repo, t, g);
  employeePortal(repo, t, g);
  android(repo, t, g);
  ios(repo, t, g);
  taxEtl(repo, t, g);
  notebooks(repo, t, g);
  connectorHub(repo, t, g);
  bankSftp(repo, t, g);
  dataPlatform(repo, t, g);
  kubernetes(repo, t, g);
  terraform(repo, t, g);
  docker(repo, t, g);
  ci(repo, t, g);
  ansible(repo, t, g);
  windows(repo, t, g);
  logs(repo, t, g);
  support(repo, t, g);
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
    'Payday',
    'Ledger',
    'Accrual',
    'Stipend',
    'Bonus',
    'Roster',
    'Payslip',
    'Benefit',
    'Overtime',
    'Pension',
  ];
  const word = () => WORDS[Number(t.pick(DIGIT, 1))];
  // What people pick for shared service, admin and temp accounts.
  const human = () => {
    const sym = t.pick('!#@*.', 1);
    switch (t.pick('0123', 1)) {
      case '0':
        return `${word()}20${t.pick('12', 1)}${t.pick(DIGIT, 1)}${sym}`;
      case '1':
        return `${word()}${sym}${t.pick(DIGIT, 2)}${word().toLowerCase()}`;
      case '2':
        return `Loom${word()}${t.pick(DIGIT, 2)}${sym}`;
      default:
        return `${word().toLowerCase()}-${word()}-${t.pick(DIGIT, 4)}`;
    }
  };
  // Password-manager output that is safe in quotes, XML, HOCON, YAML and shell single quotes.
  const gen = (n = 20) => `${t.pick(UPPER + LOWER, 1)}${t.mixed(ALNUM + '!#*-_?^+', n - 1)}`;
  // Safe inside URLs (user:password@host).
  const plain = (n = 18) => t.alnum(n);
  const pemLines = (label, der) => [
    `-----BEGIN ${label}-----`,
    ...der.toString('base64').match(/.{1,64}/g),
    `-----END ${label}-----`,
  ];
  const crc24 = (buf) => {
    let crc = 0xb704ce;
    for (const b of buf) {
      crc ^= b << 16;
      for (let i = 0; i < 8; i++) {
        crc <<= 1;
        if (crc & 0x1000000) crc ^= 0x1864cfb;
      }
    }
    return crc & 0xffffff;
  };
  const armor = (label, der) => {
    const c = crc24(der);
    const sum = Buffer.from([(c >> 16) & 0xff, (c >> 8) & 0xff, c & 0xff]).toString('base64');
    return [
      `-----BEGIN PGP ${label} BLOCK-----`,
      '',
      ...der.toString('base64').match(/.{1,64}/g),
      `=${sum}`,
      `-----END PGP ${label} BLOCK-----`,
    ];
  };
  const uidPacket = (uid) => Buffer.concat([Buffer.from([0xb4, uid.length]), Buffer.from(uid)]);
  const aba = () => {
    const d = Array.from({ length: 8 }, () => Number(t.pick(DIGIT, 1)));
    const s = 3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5]);
    return d.join('') + String((10 - (s % 10)) % 10);
  };
  return {
    b64,
    enc,
    b64url,
    human,
    gen,
    plain,
    aba,
    pw: () => t.password(),
    // Okta: SSWS API tokens are "00" + 40 url-safe chars; org client ids start 0oa.
    okta: () => `00${t.mixed(URLSAFE, 40)}`,
    oktaClientId: () => `0oa${t.mixed(ALNUM, 17)}`,
    oktaSecret: () => t.mixed(URLSAFE, 64),
    // Workday API clients: the client id is base64 of a uuid-ish value; secret and refresh token are opaque.
    wdClientId: () => enc(t.uuid()).replace(/=+$/, ''),
    wdSecret: () => t.mixed(ALNUM, 88),
    wdRefresh: () => t.mixed(ALNUM, 86),
    wid: () => t.pick(HEX, 32),
    // ADP Marketplace: client id and secret are both GUIDs; access tokens are GUIDs too.
    adpSecret: () => t.uuid(),
    gustoId: () => t.mixed(URLSAFE, 43),
    gustoSecret: () => t.mixed(URLSAFE, 43),
    gustoRefresh: () => t.mixed(URLSAFE, 43),
    bamboo: () => t.hex(40),
    checkr: () => t.hex(40),
    sfP8: () => t.pkcs8Pem().slice(1, -1).join(''),
    azSecret: () => t.azureClientSecret(),
    scim: () => `plm_scim_${t.alnum(40)}`,
    plmKey: () => `plm_live_${t.alnum(32)}`,
    vault: () => `hvs.CAESI${t.mixed(URLSAFE, 86)}`,
    unseal: () => t.mixed(B64, 44),
    confKey: () => t.mixed(UPPER + DIGIT, 16),
    confSecret: () => t.mixed(ALNUM + '+/', 64),
    glrt: () => `glrt-${t.mixed(URLSAFE, 20)}`,
    gldt: () => `gldt-${t.mixed(URLSAFE, 20)}`,
    jenkins: () => `11${t.hex(32)}`,
    dockerPat: () => `dckr_pat_${t.mixed(URLSAFE, 27)}`,
    sentryUser: () => `sntryu_${t.hex(64)}`,
    sonar: () => `squ_${t.hex(40)}`,
    atlassian: () => `ATATT3xFfGF0${t.mixed(URLSAFE, 176)}=${t.pick('0123456789ABCDEF', 8)}`,
    zendesk: () => t.alnum(40),
    fcm: () => `AAAA${t.mixed(URLSAFE, 7)}:APA91b${t.mixed(URLSAFE, 134)}`,
    appleAsp: () => [0, 1, 2, 3].map(() => t.pick(LOWER, 4)).join('-'),
    ldSdk: () => `sdk-${t.uuid()}`,
    ldMobile: () => `mob-${t.uuid()}`,
    ddClient: () => `pub${t.hex(32)}`,
    tfc: () => `${t.alnum(14)}.atlasv1.${t.mixed(ALNUM, 67)}`,
    phxSecret: () => t.mixed(ALNUM + '+/', 64),
    fernet: () => `${t.mixed(URLSAFE, 43)}=`,
    twilioKeySid: () => `SK${t.hex(32)}`,
    ecP8: () =>
      pemLines(
        'PRIVATE KEY',
        Buffer.concat([
          Buffer.from('308187020100301306072a8648ce3d020106082a8648ce3d030107046d306b0201010420', 'hex'),
          bytes(32),
          Buffer.from('a14403420004', 'hex'),
          bytes(64),
        ]),
      ),
    pgpPrivate: (uid) =>
      armor('PRIVATE KEY', Buffer.concat([Buffer.from('9507460465a1c2f001', 'hex'), bytes(1856), uidPacket(uid)])),
    pgpPublic: (uid) =>
      armor('PUBLIC KEY', Buffer.concat([Buffer.from('99010d04659f3a1001', 'hex'), bytes(264), uidPacket(uid)])),
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
      `MIIDqzCCApOgAwIBAgIU${b64(44)}`,
      ...Array.from({ length: 12 }, () => b64(64)),
      `${b64(40)}`,
      '-----END CERTIFICATE-----',
    ],
    sshPub: (kind) =>
      kind === 'ed25519'
        ? `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${b64(43)}`
        : `ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ${b64(340)}`,
    bcrypt: () => `$2b$12$${t.mixed(ALNUM + './', 53)}`,
  };
}

// ---- Scala / Akka payroll engine ---------------------------------------------------------

function payrollEngine(repo, t, g) {
  const c = repo.file('services/payroll-engine/src/main/resources/application.conf', 'scala');
  const cass = g.gen(22);
  const dbPw = g.gen(24);
  const ck = g.confKey();
  const cs = g.confSecret();
  const sfPw = g.gen(20);
  const wdSec = g.wdSecret();
  const ld = g.ldSdk();
  c.l(
    'akka {',
    '  loglevel = "INFO"',
    '  actor.provider = "cluster"',
    '  remote.artery.canonical.port = 25520',
    '  cluster.shutdown-after-unsuccessful-join-seed-nodes = 60s',
    '  management.http.port = 8558',
    '  discovery.kubernetes-api.pod-label-selector = "app=payroll-engine"',
    '}',
    '',
    'datastax-java-driver {',
    '  basic.contact-points = ["cassandra-0.cassandra.payroll.svc.cluster.local:9042"]',
    '  basic.load-balancing-policy.local-datacenter = "us-central1"',
    '  advanced.auth-provider {',
    '    class = PlainTextAuthProvider',
    '    username = "payroll_journal"',
  );
  c.s(`    password = "${cass}"`, 'generic', cass);
  c.l('  }', '}', '', 'payroll {', '  db {', '    url = "jdbc:postgresql://10.40.0.12:5432/payroll?sslmode=require"');
  c.l('    user = "payroll_engine"');
  c.s(`    password = "${dbPw}"`, 'generic', dbPw);
  c.d('    password = ${?PAYROLL_DB_PASSWORD}', 'hocon env override');
  c.l('  }', '  kafka {', '    bootstrap-servers = "pkc-41p56.us-central1.gcp.confluent.cloud:9092"');
  c.l('    security-protocol = "SASL_SSL"');
  c.s(
    `    sasl-jaas-config = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\\"${ck}\\" password=\\"${cs}\\";"`,
    'confluent',
    cs,
  );
  c.l('    cluster-id = "lkc-8y2m3q"');
  c.l('  }', '  snowflake {', '    account = "payloom-prod"', '    user = "PAYROLL_ENGINE_SVC"');
  c.s(`    password = "${sfPw}"`, 'generic', sfPw);
  c.l('    warehouse = "PAYROLL_WH"', '  }', '  workday {');
  c.l('    token-endpoint = "https://wd5-impl-services1.workday.com/ccx/oauth2/payloom/token"');
  c.d(`    client-id = "${g.wdClientId()}"`, 'workday api client id');
  c.s(`    client-secret = "${wdSec}"`, 'workday', wdSec);
  c.l('  }', '  feature-flags {');
  c.s(`    launchdarkly-sdk-key = "${ld}"`, 'launchdarkly', ld);
  c.l('  }', '  vault {', '    addr = "https://vault.payloom.internal:8200"');
  c.d('    secret-path = "secret/data/payroll-engine/prod"', 'vault path');
  c.l('    token = ${?VAULT_TOKEN}');
  c.l('  }', '}');

  const w = repo.file(
    'services/payroll-engine/src/main/scala/io/payloom/payroll/workday/WorkdayRaasClient.scala',
    'scala',
  );
  const isu = g.gen(24);
  const wdRef = g.wdRefresh();
  w.l(
    'package io.payloom.payroll.workday',
    '',
    'import akka.actor.typed.ActorSystem',
    'import akka.http.scaladsl.Http',
    'import akka.http.scaladsl.model._',
    'import akka.http.scaladsl.model.headers.{Authorization, BasicHttpCredentials, OAuth2BearerToken}',
    '',
    'final class WorkdayRaasClient(implicit system: ActorSystem[_]) {',
    '  private val ReportUrl =',
    '    "https://wd5-impl-services1.workday.com/ccx/service/customreport2/payloom/ISU_PayLoom_RaaS/Worker_Compensation_Export?format=json"',
    '',
    '  // integration system user for the RaaS export (PAY-2817: move to Vault)',
  );
  w.s(`  private val credentials = BasicHttpCredentials("ISU_PayLoom_RaaS@payloom", "${isu}")`, 'generic', isu);
  w.l(
    '',
    '  def compensationExport() =',
    '    Http().singleRequest(HttpRequest(uri = ReportUrl, headers = List(Authorization(credentials))))',
    '',
  );
  w.l('  // refresh token from the API client registered for integrations, non-expiring');
  w.s(`  private val RefreshToken = "${wdRef}"`, 'workday', wdRef);
  w.d('  private val clientSecret = sys.env("WORKDAY_CLIENT_SECRET")', 'env read');
  w.d('  def bearer(token: String) = Authorization(OAuth2BearerToken(token))', 'variable');
  w.l('}');

  const a = repo.file('services/payroll-engine/src/main/scala/io/payloom/payroll/adp/AdpWorkersClient.scala', 'scala');
  const adpSec = g.adpSecret();
  const ksPw = g.plain(16);
  a.l(
    'package io.payloom.payroll.adp',
    '',
    'import java.io.FileInputStream',
    'import java.security.KeyStore',
    'import javax.net.ssl.{KeyManagerFactory, SSLContext}',
    'import akka.http.scaladsl.model.FormData',
    '',
    'object AdpWorkersClient {',
    '  val TokenUrl = "https://accounts.adp.com/auth/oauth/v2/token"',
    '',
    '  def sslContext(): SSLContext = {',
    '    val ks = KeyStore.getInstance("PKCS12")',
  );
  a.s(`    ks.load(new FileInputStream("/etc/adp/payloom-adp.p12"), "${ksPw}".toCharArray)`, 'generic', ksPw);
  a.l(
    '    val kmf = KeyManagerFactory.getInstance("SunX509")',
    '    kmf.init(ks, null)',
    '    val ctx = SSLContext.getInstance("TLSv1.2")',
    '    ctx.init(kmf.getKeyManagers, null, null)',
    '    ctx',
    '  }',
    '',
  );
  a.l('  def tokenForm: FormData = FormData(', '    "grant_type" -> "client_credentials",');
  a.d(`    "client_id" -> "${t.uuid()}",`, 'adp oauth client id');
  a.s(`    "client_secret" -> "${adpSec}"`, 'adp', adpSec);
  a.l('  )', '}');

  const sn = repo.file('services/payroll-engine/src/main/scala/io/payloom/payroll/sink/SnowflakeSink.scala', 'scala');
  const snPw = g.gen(20);
  sn.l(
    'package io.payloom.payroll.sink',
    '',
    'import java.sql.DriverManager',
    'import java.util.Properties',
    '',
    'object SnowflakeSink {',
    '  def connect() = {',
    '    val props = new Properties()',
    '    props.put("user", "PAYROLL_ENGINE_SVC")',
  );
  sn.s(`    props.put("password", "${snPw}")`, 'generic', snPw);
  sn.l(
    '    props.put("warehouse", "PAYROLL_WH")',
    '    props.put("db", "PAYROLL")',
    '    DriverManager.getConnection("jdbc:snowflake://payloom-prod.snowflakecomputing.com", props)',
    '  }',
    '}',
  );

  const gu = repo.file('services/payroll-engine/src/main/scala/io/payloom/payroll/gusto/GustoSync.scala', 'scala');
  const guSec = g.gustoSecret();
  gu.l('package io.payloom.payroll.gusto', '', 'object GustoSync {', '  val Base = "https://api.gusto.com/v1"');
  gu.l(`  val ClientId = "${g.gustoId()}"`);
  gu.s(`  val ClientSecret = "${guSec}"`, 'gusto', guSec);
  gu.l('  val RedirectUri = "https://app.payloom.io/integrations/gusto/callback"');
  gu.l('}');

  const b = repo.file('services/payroll-engine/build.sbt', 'scala');
  const glp = t.gitlab();
  b.l(
    'ThisBuild / scalaVersion := "2.13.14"',
    'ThisBuild / organization := "io.payloom"',
    '',
    'resolvers += "gitlab-payloom" at "https://gitlab.payloom.io/api/v4/groups/12/-/packages/maven"',
  );
  b.s(
    `credentials += Credentials("GitLab Packages Registry", "gitlab.payloom.io", "Private-Token", "${glp}")`,
    'gitlab',
    glp,
  );
  b.l('credentials += Credentials(Path.userHome / ".sbt" / ".credentials")');
  b.l(
    '',
    'lazy val root = (project in file("."))',
    '  .settings(',
    '    name := "payroll-engine",',
    '    libraryDependencies ++= Seq(',
    '      "com.typesafe.akka" %% "akka-cluster-sharding-typed" % "2.8.5",',
    '      "com.typesafe.akka" %% "akka-stream-kafka" % "5.0.0",',
    '      "net.snowflake" % "snowflake-jdbc" % "3.16.1"',
    '    )',
    '  )',
  );

  const sc = repo.file('ops/home/svc-build/.sbt/.credentials', 'credstore');
  const nx = g.plain(20);
  sc.l('realm=Sonatype Nexus Repository Manager', 'host=nexus.payloom.internal', 'user=sbt-publisher');
  sc.s(`password=${nx}`, 'generic', nx);

  const tc = repo.file('services/payroll-engine/src/test/resources/application-test.conf', 'scala');
  tc.l('include "application.conf"', 'payroll.db {', '  url = "jdbc:h2:mem:payroll;MODE=PostgreSQL"', '  user = "sa"');
  tc.l('  password = ""');
  tc.l('}', 'payroll.workday {');
  tc.d('  client-secret = "test-client-secret-not-real"', 'test fixture');
  tc.l('}');
}

// ---- Elixir / Phoenix employee portal ----------------------------------------------------

function employeePortal(repo, t, g) {
  const p = repo.file('apps/employee-portal/config/prod.secret.exs', 'elixir');
  const db = g.plain(22);
  const skb = g.phxSecret();
  const guardian = g.phxSecret();
  p.l('import Config', '', 'config :portal, Portal.Repo,');
  p.s(`  url: "ecto://portal:${db}@10.40.0.20/portal_prod",`, 'database', db);
  p.l('  pool_size: 20,', '  ssl: true', '', 'config :portal, PortalWeb.Endpoint,', '  http: [port: 4000],');
  p.s(`  secret_key_base: "${skb}"`, 'generic', skb);
  p.l('', 'config :portal, Portal.Guardian,', '  issuer: "payloom_portal",');
  p.s(`  secret_key: "${guardian}"`, 'generic', guardian);

  const r = repo.file('apps/employee-portal/config/runtime.exs', 'elixir');
  const okSec = g.oktaSecret();
  const sg = t.sendgrid();
  const tw = t.twilioToken();
  r.l('import Config', '', 'if config_env() == :prod do');
  r.d('  secret_key_base = System.fetch_env!("SECRET_KEY_BASE")', 'env read');
  r.l('  database_url = System.get_env("DATABASE_URL") || raise "DATABASE_URL is missing"');
  r.l('', '  config :ueberauth, Ueberauth.Strategy.Okta.OAuth,', '    site: "https://payloom.okta.com",');
  r.d(`    client_id: "${g.oktaClientId()}",`, 'okta oidc client id');
  r.s(`    client_secret: System.get_env("OKTA_CLIENT_SECRET", "${okSec}")`, 'okta', okSec);
  r.l('', '  config :portal, Portal.Mailer,', '    adapter: Swoosh.Adapters.Sendgrid,');
  r.s(`    api_key: "${sg}"`, 'sendgrid', sg);
  r.l('', '  config :portal, :twilio,');
  r.l(`    account_sid: "${t.twilioSid()}",`);
  r.s(`    auth_token: "${tw}",`, 'twilio', tw);
  r.l('    verify_service: "VA' + t.hex(32) + '"');
  r.d(
    `  config :sentry, dsn: "https://${t.hex(32)}@o${t.digits(6)}.ingest.us.sentry.io/${t.digits(7)}"`,
    'sentry dsn (public ingest key)',
  );
  r.l('end');

  const dv = repo.file('apps/employee-portal/config/dev.exs', 'elixir');
  dv.l('import Config', '', 'config :portal, Portal.Repo,', '  username: "postgres",');
  dv.d('  password: "postgres",', 'local dev default');
  dv.l('  hostname: "localhost",', '  database: "portal_dev"');

  const bh = repo.file('apps/employee-portal/lib/portal/integrations/bamboo_hr.ex', 'elixir');
  const bk = g.bamboo();
  bh.l(
    'defmodule Portal.Integrations.BambooHR do',
    '  @moduledoc "Pulls the employee directory from BambooHR for tenants on the legacy connector."',
    '  use Tesla',
    '',
    '  plug Tesla.Middleware.BaseUrl, "https://api.bamboohr.com/api/gateway.php/payloom/v1"',
    '  plug Tesla.Middleware.JSON',
  );
  bh.s(`  plug Tesla.Middleware.BasicAuth, username: "${bk}", password: "x"`, 'bamboohr', bk);
  bh.l('', '  def directory, do: get("/employees/directory")', 'end');

  const ok = repo.file('apps/employee-portal/lib/portal/integrations/okta.ex', 'elixir');
  const okTok = g.okta();
  ok.l(
    'defmodule Portal.Integrations.Okta do',
    '  use Tesla',
    '',
    '  plug Tesla.Middleware.BaseUrl, "https://payloom.okta.com/api/v1"',
  );
  ok.l(
    '  plug Tesla.Middleware.Headers, [{"authorization", "SSWS " <> Application.fetch_env!(:portal, :okta_api_token)}]',
  );
  ok.l('', '  # break-glass token used by the deactivation job when the config is missing (PAY-3102)');
  ok.s(`  @fallback_token "${okTok}"`, 'okta', okTok);
  ok.l('', '  def deactivate(user_id), do: post("/users/#{user_id}/lifecycle/deactivate", %{})', 'end');

  const sa = repo.file('apps/employee-portal/lib/portal_web/plugs/scim_auth.ex', 'elixir');
  const scim = g.scim();
  sa.l(
    'defmodule PortalWeb.Plugs.ScimAuth do',
    '  import Plug.Conn',
    '',
    '  def init(opts), do: opts',
    '',
    '  def call(conn, _opts) do',
    '    with ["Bearer " <> token] <- get_req_header(conn, "authorization"),',
    '         {:ok, tenant} <- Portal.Scim.Tokens.verify(:crypto.hash(:sha256, token)) do',
    '      assign(conn, :tenant, tenant)',
    '    else',
    '      _ -> conn |> send_resp(401, "") |> halt()',
    '    end',
    '  end',
    '',
    '  # Azure AD provisioning for Northwind Logistics while their token rotation is stuck (SUP-7731)',
  );
  sa.s(`  @northwind_token "${scim}"`, 'generic', scim);
  sa.d(`  @northwind_token_sha256 "${t.sha256()}"`, 'sha256 of a token');
  sa.l('end');

  const tf = repo.file('apps/employee-portal/test/support/fixtures/okta_fixtures.ex', 'elixir');
  tf.l('defmodule Portal.OktaFixtures do');
  tf.d('  def api_token, do: "00-fake-okta-token-for-tests-only"', 'test fixture');
  tf.l('  def client_secret, do: "not-a-real-secret"');
  tf.l('end');

  const env = repo.file('apps/employee-portal/.env.prod', 'env');
  const envSkb = g.phxSecret();
  const envOk = g.okta();
  const envDb = g.plain(20);
  env.s(`SECRET_KEY_BASE=${envSkb}`, 'generic', envSkb);
  env.s(`DATABASE_URL=ecto://portal:${envDb}@10.40.0.20/portal_prod`, 'database', envDb);
  env.s(`OKTA_API_TOKEN=${envOk}`, 'okta', envOk);
  env.l('PHX_HOST=my.payloom.io');
  env.l('SENTRY_ENVIRONMENT=production');

  const ex = repo.file('apps/employee-portal/.env.example', 'env');
  ex.l('SECRET_KEY_BASE=  # mix phx.gen.secret');
  ex.d('OKTA_API_TOKEN=<okta-api-token>', 'placeholder');
  ex.d('SENDGRID_API_KEY=SG.xxxxxxxx', 'placeholder');
}

// ---- Kotlin Android app ------------------------------------------------------------------

function android(repo, t, g) {
  const b = repo.file('mobile/android/app/build.gradle.kts', 'kotlin');
  const store = g.human();
  const key = g.human();
  b.l(
    'plugins {',
    '    id("com.android.application")',
    '    id("org.jetbrains.kotlin.android")',
    '    id("io.sentry.android.gradle") version "4.10.0"',
    '}',
    '',
    'android {',
    '    namespace = "io.payloom.mobile"',
    '    compileSdk = 34',
    '    defaultConfig {',
    '        applicationId = "io.payloom.mobile"',
    '        minSdk = 26',
    '        versionCode = 4127',
  );
  b.d(
    `        buildConfigField("String", "OKTA_CLIENT_ID", "\\"${g.oktaClientId()}\\"")`,
    'okta public pkce client id',
  );
  b.l('        manifestPlaceholders["appAuthRedirectScheme"] = "io.payloom.mobile"');
  b.l(
    '    }',
    '    signingConfigs {',
    '        create("release") {',
    '            storeFile = file("../keystore/payloom-release.jks")',
  );
  b.s(`            storePassword = "${store}"`, 'generic', store);
  b.l('            keyAlias = "payloom"');
  b.s(`            keyPassword = "${key}"`, 'generic', key);
  b.l(
    '        }',
    '        create("ci") {',
    '            storeFile = file(System.getenv("ANDROID_KEYSTORE_PATH") ?: "ci.jks")',
  );
  b.l('            storePassword = System.getenv("ANDROID_KEYSTORE_PASSWORD")');
  b.l('        }', '    }', '}');

  const gp = repo.file('mobile/android/gradle.properties', 'kotlin');
  const gl = t.gitlab();
  gp.l('org.gradle.jvmargs=-Xmx4g -Dfile.encoding=UTF-8', 'android.useAndroidX=true', 'kotlin.code.style=official');
  gp.s(`gitlabPrivateToken=${gl}`, 'gitlab', gl);
  gp.l('gitlabPackagesUrl=https://gitlab.payloom.io/api/v4/groups/12/-/packages/maven');

  const se = repo.file('mobile/android/sentry.properties', 'kotlin');
  const st = g.sentryUser();
  se.l('defaults.url=https://sentry.io/', 'defaults.org=payloom', 'defaults.project=android');
  se.s(`auth.token=${st}`, 'sentry', st);

  const pd = repo.file('mobile/android/app/src/debug/java/io/payloom/mobile/push/PushDebugSender.kt', 'kotlin');
  const fcm = g.fcm();
  pd.l(
    'package io.payloom.mobile.push',
    '',
    'import okhttp3.MediaType.Companion.toMediaType',
    'import okhttp3.OkHttpClient',
    'import okhttp3.Request',
    'import okhttp3.RequestBody.Companion.toRequestBody',
    '',
    '/** Sends a "payslip ready" push to this device from the debug drawer. */',
    'object PushDebugSender {',
  );
  pd.s(`    private const val SERVER_KEY = "${fcm}"`, 'firebase', fcm);
  pd.l(
    '',
    '    fun send(token: String) = OkHttpClient().newCall(',
    '        Request.Builder().url("https://fcm.googleapis.com/fcm/send")',
    '            .header("Authorization", "key=$SERVER_KEY")',
    '            .post("""{"to":"$token","notification":{"title":"Your payslip is ready"}}""".toRequestBody("application/json".toMediaType()))',
    '            .build()',
    '    ).execute()',
    '}',
  );

  const si = repo.file('mobile/android/app/src/debug/java/io/payloom/mobile/net/StagingAuthInterceptor.kt', 'kotlin');
  const jw = t.jwt();
  si.l(
    'package io.payloom.mobile.net',
    '',
    'import okhttp3.Interceptor',
    'import okhttp3.Response',
    '',
    'class StagingAuthInterceptor : Interceptor {',
    '    // long-lived QA service token so testers can skip Okta on staging',
  );
  si.s(`    private val token = "${jw}"`, 'generic', jw);
  si.l(
    '    override fun intercept(chain: Interceptor.Chain): Response =',
    '        chain.proceed(chain.request().newBuilder().header("Authorization", "Bearer $token").build())',
    '}',
  );

  const ak = repo.file('mobile/android/app/src/main/java/io/payloom/mobile/auth/OktaConfig.kt', 'kotlin');
  ak.l('package io.payloom.mobile.auth', '', 'import io.payloom.mobile.BuildConfig', '', 'object OktaConfig {');
  ak.l('    val clientId: String = BuildConfig.OKTA_CLIENT_ID');
  ak.l('    const val ISSUER = "https://payloom.okta.com/oauth2/default"');
  ak.l('    const val TOKEN_KEY = "okta_access_token"');
  ak.l('}');

  const ft = repo.file('mobile/android/app/src/test/java/io/payloom/mobile/FakeTokens.kt', 'kotlin');
  ft.l('package io.payloom.mobile', '', 'object FakeTokens {');
  ft.l('    const val ACCESS_TOKEN = "fake-access-token"');
  ft.l('    const val REFRESH_TOKEN = "00000000-0000-0000-0000-000000000000"');
  ft.l('}');

  const vm = repo.file('mobile/android/gradle/verification-metadata.xml', 'decoys');
  vm.l('<?xml version="1.0" encoding="UTF-8"?>', '<verification-metadata>', '   <components>');
  for (const [grp, name, ver] of [
    ['com.squareup.okhttp3', 'okhttp', '4.12.0'],
    ['com.okta.android', 'okta-oidc-android', '1.3.4'],
  ]) {
    vm.l(
      `      <component group="${grp}" name="${name}" version="${ver}">`,
      `         <artifact name="${name}-${ver}.jar">`,
    );
    vm.d(`            <sha256 value="${t.sha256()}" origin="Generated by Gradle"/>`, 'dependency checksum');
    vm.l('         </artifact>', '      </component>');
  }
  vm.l('   </components>', '</verification-metadata>');
}

// ---- Swift iOS app -----------------------------------------------------------------------

function ios(repo, t, g) {
  const f = repo.file('mobile/ios/fastlane/.env.default', 'swift');
  const match = g.gen(22);
  const asp = g.appleAsp();
  f.l('FASTLANE_USER=release@payloom.io', 'FASTLANE_TEAM_ID=7QK2R9X4LM');
  f.s(`MATCH_PASSWORD=${match}`, 'generic', match);
  f.s(`FASTLANE_APPLE_APPLICATION_SPECIFIC_PASSWORD=${asp}`, 'apple', asp);
  f.l('FASTLANE_SKIP_UPDATE_CHECK=true');

  const m = repo.file('mobile/ios/fastlane/Matchfile', 'swift');
  const mgl = t.gitlab();
  m.s(`git_url("https://ci-bot:${mgl}@gitlab.payloom.io/mobile/certificates.git")`, 'gitlab', mgl);
  m.l('storage_mode("git")', 'type("appstore")', 'app_identifier(["io.payloom.PayLoom"])');

  const ff = repo.file('mobile/ios/fastlane/Fastfile', 'swift');
  const keyId = t.mixed(UPPER + DIGIT, 10);
  ff.l('default_platform(:ios)', '', 'platform :ios do', '  lane :beta do', '    api_key = app_store_connect_api_key(');
  ff.d(`      key_id: "${keyId}",`, 'app store connect key id');
  ff.l(`      issuer_id: "${t.uuid()}",`);
  ff.l(`      key_filepath: "fastlane/keys/AuthKey_${keyId}.p8"`);
  ff.l(
    '    )',
    '    match(type: "appstore", readonly: true, api_key: api_key)',
    '    build_app(scheme: "PayLoom")',
    '    upload_to_testflight(api_key: api_key)',
    '  end',
    'end',
  );

  const p8 = repo.file(`mobile/ios/fastlane/keys/AuthKey_${keyId}.p8`, 'keys');
  const ec = g.ecP8();
  p8.s(ec, 'private-key', ec.join('\n'));

  const xc = repo.file('mobile/ios/PayLoom/Config/Release.xcconfig', 'swift');
  xc.l('API_HOST = api.payloom.io', 'OKTA_ISSUER = https:/$()/payloom.okta.com/oauth2/default');
  xc.l(`OKTA_CLIENT_ID = ${g.oktaClientId()}`);
  xc.d(`DD_CLIENT_TOKEN = ${g.ddClient()}`, 'datadog rum client token (public by design)');
  xc.d(`LAUNCHDARKLY_MOBILE_KEY = ${g.ldMobile()}`, 'launchdarkly mobile key (client-side by design)');
  xc.l(`DD_RUM_APPLICATION_ID = ${t.uuid()}`);

  const qa = repo.file('mobile/ios/PayLoom/Support/QAAccounts.swift', 'swift');
  const qpw = g.human();
  const qpw2 = g.gen(16);
  qa.l(
    '#if DEBUG',
    'import Foundation',
    '',
    '/// Staging accounts the QA team signs in with (Okta staging org).',
    'enum QAAccounts {',
  );
  qa.l('    static let managerEmail = "qa.manager@payloom-staging.io"');
  qa.s(`    static let managerPassword = "${qpw}"`, 'generic', qpw);
  qa.l('    static let payrollAdminEmail = "qa.payroll@payloom-staging.io"');
  qa.s(`    static let payrollAdminPassword = "${qpw2}"`, 'generic', qpw2);
  qa.l('}', '#endif');

  const fc = repo.file('mobile/ios/PayLoom/Networking/FeatureFlagsClient.swift', 'swift');
  const ffPw = g.plain(18);
  fc.l(
    'import Foundation',
    '',
    'final class FeatureFlagsClient {',
    '    private let session = URLSession(configuration: .ephemeral)',
    '',
    '    func fetch(token: String) async throws -> Data {',
    '        var req = URLRequest(url: URL(string: "https://flags.payloom.io/v1/mobile")!)',
  );
  fc.l('        req.setValue("Bearer \\(token)", forHTTPHeaderField: "Authorization")');
  fc.l(
    '        return try await session.data(for: req).0',
    '    }',
    '',
    '    func fetchInternal() async throws -> Data {',
    '        var req = URLRequest(url: URL(string: "https://flags-internal.payloom.io/v1/all")!)',
  );
  fc.s(
    `        req.setValue("Basic " + Data("mobile-internal:${ffPw}".utf8).base64EncodedString(), forHTTPHeaderField: "Authorization")`,
    'generic',
    ffPw,
  );
  fc.l('        return try await session.data(for: req).0', '    }', '}');
  fc.l('let envToken = ProcessInfo.processInfo.environment["FLAGS_TOKEN"]');

  const pl = repo.file('mobile/ios/Podfile.lock', 'decoys');
  pl.l('PODS:', '  - OktaOidc (3.11.7)', '  - DatadogRUM (2.14.1)', '', 'SPEC CHECKSUMS:');
  pl.d(`  OktaOidc: ${t.sha1()}`, 'pod checksum');
  pl.l(`  DatadogRUM: ${t.sha1()}`);
  pl.l('', `PODFILE CHECKSUM: ${t.sha1()}`, '', 'COCOAPODS: 1.15.2');
}

// ---- Python tax-table ETL and Airflow ----------------------------------------------------

function taxEtl(repo, t, g) {
  const s = repo.file('etl/taxtables/taxtables/settings.py', 'python');
  const sf = g.gen(20);
  const vx = t.alnum(40);
  s.l('"""Settings for the tax-table loaders (federal Pub 15-T, state withholding, local EIT)."""', 'import os', '');
  s.l('SNOWFLAKE_ACCOUNT = "payloom-prod"', 'SNOWFLAKE_USER = "TAXTABLE_LOADER"');
  s.s(`SNOWFLAKE_PASSWORD = os.getenv("SNOWFLAKE_PASSWORD", "${sf}")`, 'generic', sf);
  s.l('SNOWFLAKE_ROLE = "TAX_LOADER"', '', 'VERTEX_TOKEN_URL = "https://auth.ondemand.vertexinc.com/oauth/token"');
  s.d('VERTEX_CLIENT_ID = "payloom-tax-prod"', 'client id');
  s.s(`VERTEX_CLIENT_SECRET = "${vx}"`, 'generic', vx);
  s.l('GCS_BUCKET = "payloom-tax-tables-raw"');
  s.d(`PUB15T_2026_SHA256 = "${t.sha256()}"`, 'sha256 of a public pdf');
  s.d('SLACK_WEBHOOK = os.environ["SLACK_TAX_WEBHOOK"]', 'os.environ');

  const sp = repo.file('etl/taxtables/taxtables/sources/state_portals.py', 'python');
  const paPw = g.human();
  const ohPw = g.gen(16);
  sp.l(
    'import requests',
    '',
    '# State DOR employer portals that only publish withholding tables behind a login.',
    'PORTALS = {',
    '    "PA": {',
    '        "login_url": "https://mypath.pa.gov/_/#1",',
    '        "username": "payloom_taxops",',
  );
  sp.s(`        "password": "${paPw}",`, 'generic', paPw);
  sp.l(
    '    },',
    '    "OH": {',
    '        "login_url": "https://gateway.ohio.gov/login",',
    '        "username": "PAYLOOM-TAX",',
  );
  sp.s(`        "password": "${ohPw}",`, 'generic', ohPw);
  sp.l('    },', '}');

  const rq = repo.file('etl/taxtables/requirements.txt', 'python');
  const rgl = t.gitlab();
  rq.s(
    `--extra-index-url https://__token__:${rgl}@gitlab.payloom.io/api/v4/projects/412/packages/pypi/simple`,
    'gitlab',
    rgl,
  );
  for (const p of ['apache-airflow-providers-snowflake==5.6.0', 'pdfplumber==0.11.4']) {
    rq.l(`${p} \\`);
    rq.d(`    --hash=sha256:${t.sha256()}`, 'pip hash');
  }

  const dag = repo.file('etl/airflow/dags/tax_tables_refresh.py', 'python');
  const hook = t.slackWebhook();
  dag.l(
    'from datetime import datetime',
    '',
    'from airflow import DAG',
    'from airflow.models import Variable',
    'from airflow.providers.snowflake.operators.snowflake import SnowflakeOperator',
    'from airflow.providers.http.operators.http import HttpOperator',
    '',
  );
  dag.l('VERTEX_SECRET = Variable.get("vertex_client_secret")');
  dag.s(`TAX_ALERTS_WEBHOOK = "${hook}"`, 'slack', hook);
  dag.l(
    '',
    'with DAG("tax_tables_refresh", start_date=datetime(2025, 1, 1), schedule="0 6 * * *", catchup=False) as dag:',
  );
  dag.l(
    '    load = SnowflakeOperator(task_id="load", snowflake_conn_id="snowflake_tax", sql="sql/merge_withholding.sql")',
  );
  dag.d(
    '    notify = HttpOperator(task_id="notify", http_conn_id="slack", headers={"Authorization": "Bearer {{ conn.slack.password }}"})',
    'jinja connection reference',
  );

  const nd = repo.file('etl/airflow/dags/nacha_export.py', 'python');
  const pgpPass = g.gen(24);
  nd.l(
    'import gnupg',
    'from airflow.decorators import dag, task',
    'from airflow.providers.sftp.hooks.sftp import SFTPHook',
    '',
    'GPG = gnupg.GPG(gnupghome="/opt/airflow/.gnupg")',
  );
  nd.s(`SIGNING_PASSPHRASE = "${pgpPass}"`, 'generic', pgpPass);
  nd.d(`BANK_KEY_FINGERPRINT = "${t.pick('0123456789ABCDEF', 40)}"`, 'pgp public key fingerprint');
  nd.l('', '@task', 'def upload(path):');
  nd.l('    SFTPHook(ssh_conn_id="harbor_state_bank_sftp").store_file(f"/inbound/{path}", path)');

  const cfg = repo.file('etl/airflow/config/airflow.cfg', 'python');
  const fk = g.fernet();
  const adb = g.plain(20);
  const wsk = t.hex(32);
  cfg.l('[core]', 'dags_folder = /opt/airflow/dags', 'executor = KubernetesExecutor');
  cfg.s(`fernet_key = ${fk}`, 'generic', fk);
  cfg.l('', '[database]');
  cfg.s(`sql_alchemy_conn = postgresql+psycopg2://airflow:${adb}@10.40.0.31:5432/airflow`, 'database', adb);
  cfg.l('', '[webserver]', 'base_url = https://airflow.payloom.internal');
  cfg.s(`secret_key = ${wsk}`, 'generic', wsk);
  cfg.l('', '[smtp]', 'smtp_host = smtp.sendgrid.net', 'smtp_user = apikey');
  cfg.l('smtp_password = ');

  const cn = repo.file('etl/airflow/config/connections.yaml', 'python');
  const sftpPw = g.gen(20);
  const wdc = g.wdSecret();
  const sfc = g.plain(20);
  cn.l(
    'harbor_state_bank_sftp:',
    '  conn_type: sftp',
    '  host: mft.harborstatebank.net',
    '  port: 22',
    '  login: payloom_ach',
  );
  cn.s(`  password: "${sftpPw}"`, 'generic', sftpPw);
  cn.l('workday_payloom:', '  conn_type: http', '  host: wd5-impl-services1.workday.com');
  cn.s(`  extra: '{"client_id": "${g.wdClientId()}", "client_secret": "${wdc}", "tenant": "payloom"}'`, 'workday', wdc);
  cn.s(
    `snowflake_tax: "snowflake://TAXTABLE_LOADER:${sfc}@payloom-prod/TAX/PUBLIC?warehouse=ETL_WH&role=TAX_LOADER"`,
    'database',
    sfc,
  );
  cn.d('slack: "http://:{{ var.value.slack_bot_token }}@slack.com"', 'jinja reference');

  const dc = repo.file('etl/airflow/docker-compose.yaml', 'docker');
  const dcsf = g.plain(20);
  const dcfk = g.fernet();
  dc.l('x-airflow-common: &airflow-common', '  image: apache/airflow:2.10.3-python3.11', '  environment:');
  dc.s(
    `    AIRFLOW_CONN_SNOWFLAKE_DEFAULT: "snowflake://ETL_SVC:${dcsf}@payloom-prod/RAW?warehouse=ETL_WH"`,
    'database',
    dcsf,
  );
  dc.s(`    AIRFLOW__CORE__FERNET_KEY: "${dcfk}"`, 'generic', dcfk);
  dc.l('    _AIRFLOW_WWW_USER_PASSWORD: ${_AIRFLOW_WWW_USER_PASSWORD:-airflow}');
  dc.l('services:', '  airflow-webserver:', '    <<: *airflow-common', '    ports: ["8080:8080"]');

  const dbt = repo.file('etl/dbt/profiles.yml', 'python');
  const dpw = g.gen(20);
  dbt.l(
    'payloom:',
    '  target: prod',
    '  outputs:',
    '    prod:',
    '      type: snowflake',
    '      account: payloom-prod',
    '      user: DBT_PROD',
  );
  dbt.s(`      password: "${dpw}"`, 'generic', dpw);
  dbt.l(
    '      role: TRANSFORMER',
    '      warehouse: TRANSFORM_WH',
    '      database: ANALYTICS',
    '      schema: payroll',
    '    dev:',
    '      type: snowflake',
    '      account: payloom-prod',
  );
  dbt.d('      user: "{{ env_var(\'DBT_USER\') }}"', 'jinja env reference');
  dbt.l('      password: "{{ env_var(\'DBT_PASSWORD\') }}"');
}

// ---- Notebooks ---------------------------------------------------------------------------

function notebooks(repo, t, g) {
  const j = (s) => JSON.stringify(s);
  const nb = repo.file('etl/notebooks/state-withholding-diff.ipynb', 'notebook');
  const sf = g.gen(20);
  const gr = g.gustoRefresh();
  const gs = g.gustoSecret();
  nb.l(
    '{',
    ' "cells": [',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 2,',
    '   "metadata": {},',
    '   "outputs": [',
    '    {',
  );
  nb.l('     "name": "stdout",', '     "output_type": "stream",', '     "text": [');
  nb.s(`      ${j(`gusto refresh_token: ${gr}\n`)},`, 'gusto', gr);
  nb.l(`      ${j('companies: 214\n')}`, '     ]', '    }', '   ],', '   "source": [');
  nb.l(`    ${j('import requests, snowflake.connector\n')},`);
  nb.s(
    `    ${j(`ctx = snowflake.connector.connect(account="payloom-prod", user="KPATEL", password="${sf}")\n`)},`,
    'generic',
    sf,
  );
  nb.s(
    `    ${j(`tok = requests.post("https://api.gusto.com/oauth/token", data={"client_id": CID, "client_secret": "${gs}", "grant_type": "refresh_token", "refresh_token": RT}).json()\n`)},`,
    'gusto',
    gs,
  );
  nb.l(`    ${j('print("gusto refresh_token:", tok["refresh_token"])')}`, '   ]', '  },');
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
    '      "text/plain": ["<Figure size 800x400 with 1 Axes>"]',
    '     },',
    '     "metadata": {},',
    '     "output_type": "display_data"',
    '    }',
    '   ],',
    '   "source": [',
  );
  nb.l(`    ${j('pw = getpass.getpass("Snowflake password: ")\n')},`);
  nb.l(`    ${j(`table_version = "${t.sha1()}"\n`)},`);
  nb.l(`    ${j('plot_diff(df)')}`, '   ]', '  }', ' ],');
  nb.l(
    ' "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},',
    ' "nbformat": 4,',
    ' "nbformat_minor": 5',
    '}',
  );

  const n2 = repo.file('etl/notebooks/w2-reconciliation.ipynb', 'notebook');
  const adp = g.adpSecret();
  const bk = g.bamboo();
  const ck = g.checkr();
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
  n2.l(
    `    ${j('import requests\n')},`,
    `    ${j('ADP_CERT = ("/home/kpatel/adp/payloom.pem", "/home/kpatel/adp/payloom.key")\n')},`,
  );
  n2.l(`    ${j(`ADP_CLIENT_ID = "${t.uuid()}"\n`)},`);
  n2.s(`    ${j(`ADP_CLIENT_SECRET = "${adp}"\n`)},`, 'adp', adp);
  n2.s(
    `    ${j(`bamboo = requests.get("https://api.bamboohr.com/api/gateway.php/northwind/v1/employees/directory", auth=("${bk}", "x"))\n`)},`,
    'bamboohr',
    bk,
  );
  n2.s(`    ${j(`checkr = requests.get("https://api.checkr.com/v1/reports", auth=("${ck}", ""))\n`)},`, 'checkr', ck);
  n2.l(`    ${j('okta = os.environ["OKTA_API_TOKEN"]')}`);
  n2.l('   ]', '  }', ' ],', ' "metadata": {},', ' "nbformat": 4,', ' "nbformat_minor": 5', '}');
}

// ---- Connector hub: Workday, ADP, Gusto, BambooHR, SuccessFactors, Okta, Azure AD, Checkr --

function connectorHub(repo, t, g) {
  const x = repo.file('services/connector-hub/connectors/workday/templates/get_workers_request.xml', 'integrations');
  const isu = g.gen(22);
  x.l(
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:bsvc="urn:com.workday/bsvc">',
    '  <soapenv:Header>',
    '    <wsse:Security soapenv:mustUnderstand="1" xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd">',
    '      <wsse:UsernameToken>',
    '        <wsse:Username>ISU_PayLoom_Workers@payloom</wsse:Username>',
  );
  x.s(
    `        <wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText">${isu}</wsse:Password>`,
    'generic',
    isu,
  );
  x.l(
    '      </wsse:UsernameToken>',
    '    </wsse:Security>',
    '  </soapenv:Header>',
    '  <soapenv:Body>',
    '    <bsvc:Get_Workers_Request bsvc:version="v42.1">',
    '      <bsvc:Request_References>',
    '        <bsvc:Worker_Reference>',
  );
  x.d(`          <bsvc:ID bsvc:type="WID">${g.wid()}</bsvc:ID>`, 'workday object id (WID)');
  x.l('        </bsvc:Worker_Reference>', '      </bsvc:Request_References>', '      <bsvc:Response_Filter>');
  x.l(`        <bsvc:As_Of_Effective_Date>2026-01-01</bsvc:As_Of_Effective_Date>`);
  x.l('      </bsvc:Response_Filter>', '    </bsvc:Get_Workers_Request>', '  </soapenv:Body>', '</soapenv:Envelope>');

  const sf = repo.file('services/connector-hub/connectors/successfactors/config.properties', 'integrations');
  const sfKey = g.sfP8();
  const sfPw = g.gen(18);
  sf.l(
    'sf.api.host=https://api012.successfactors.eu',
    'sf.company.id=NORTHWINDT1',
    'sf.oauth.token.url=https://api012.successfactors.eu/oauth/token',
  );
  sf.d(
    `sf.oauth.client.id=${t.mixed(ALNUM, 40)}`,
    'successfactors oauth api key (client id; the private key below is the credential)',
  );
  sf.l('sf.oauth.user.id=PAYLOOM_INTEG');
  sf.s(`sf.oauth.private.key=${sfKey}`, 'private-key', sfKey);
  sf.l(
    '# basic auth still used by the legacy OData v2 compound employee pull',
    'sf.basic.user=PAYLOOM_INTEG@NORTHWINDT1',
  );
  sf.s(`sf.basic.password=${sfPw}`, 'generic', sfPw);
  sf.d('sf.basic.password.prod=${SF_BASIC_PASSWORD}', 'placeholder');

  const ad = repo.file('services/connector-hub/connectors/adp/adp_client.py', 'integrations');
  const adSec = g.adpSecret();
  const kp = g.plain(16);
  ad.l(
    'import requests',
    '',
    'TOKEN_URL = "https://accounts.adp.com/auth/oauth/v2/token"',
    'CERT = ("/etc/connector-hub/adp/payloom-adp.pem", "/etc/connector-hub/adp/payloom-adp.key")',
  );
  ad.l(`CLIENT_ID = "${t.uuid()}"`);
  ad.s(`CLIENT_SECRET = "${adSec}"`, 'adp', adSec);
  ad.s(`KEY_PASSPHRASE = "${kp}"  # openssl pkcs12 export password from the ADP CSR`, 'generic', kp);
  ad.l(
    '',
    '',
    'def token():',
    '    r = requests.post(TOKEN_URL, cert=CERT, data={"grant_type": "client_credentials"}, auth=(CLIENT_ID, CLIENT_SECRET))',
    '    return r.json()["access_token"]',
  );

  const ak = repo.file('services/connector-hub/connectors/adp/certs/payloom-adp.key', 'keys');
  const rsa = t.rsaPem();
  ak.s(rsa, 'private-key', rsa.join('\n'));
  const ac = repo.file('services/connector-hub/connectors/adp/certs/payloom-adp.pem', 'keys');
  ac.d(g.cert(), 'certificate');

  const ck = repo.file('services/connector-hub/connectors/checkr/client.py', 'integrations');
  const cKey = g.checkr();
  ck.l('import hashlib', 'import hmac', '', 'import requests', '', 'BASE = "https://api.checkr.com/v1"');
  ck.s(`API_KEY = "${cKey}"`, 'checkr', cKey);
  ck.l('', '', 'def create_invitation(candidate_id, package="tasker_standard"):');
  ck.l(
    '    return requests.post(f"{BASE}/invitations", auth=(API_KEY, ""), json={"candidate_id": candidate_id, "package": package})',
  );
  ck.l('', '', 'def verify_webhook(body: bytes, signature: str) -> bool:');
  ck.l('    expected = hmac.new(API_KEY.encode(), body, hashlib.sha256).hexdigest()');
  ck.l('    return hmac.compare_digest(expected, signature)');

  const ckf = repo.file('services/connector-hub/tests/fixtures/checkr_report_completed.json', 'integrations');
  ckf.l('{', '  "type": "report.completed",');
  ckf.l(`  "id": "${t.hex(24)}",`);
  ckf.l('  "data": {', '    "object": {');
  ckf.d(`      "candidate_id": "${t.hex(24)}",`, 'checkr candidate id');
  ckf.l('      "status": "clear"', '    }', '  }', '}');

  const oy = repo.file('services/connector-hub/connectors/okta/okta.yaml', 'integrations');
  const ot = g.okta();
  oy.l('okta:', '  client:', '    orgUrl: "https://payloom.okta.com"');
  oy.s(`    token: "${ot}"`, 'okta', ot);
  oy.l('    connectionTimeout: 30', '    requestTimeout: 0');

  const az = repo.file('services/connector-hub/connectors/azuread/graph.py', 'integrations');
  const azs = g.azSecret();
  az.l('from azure.identity import ClientSecretCredential', 'from msgraph import GraphServiceClient', '');
  az.l(`TENANT_ID = "${t.uuid()}"`);
  az.l(`CLIENT_ID = "${t.uuid()}"`);
  az.s(`credential = ClientSecretCredential(TENANT_ID, CLIENT_ID, "${azs}")`, 'azure', azs);
  az.l('graph = GraphServiceClient(credential, scopes=["https://graph.microsoft.com/.default"])');

  const gt = repo.file('services/connector-hub/connectors/gusto/settings.toml', 'integrations');
  const gsec = g.gustoSecret();
  gt.l('[gusto]', 'base_url = "https://api.gusto.com"', 'api_version = "2024-04-01"');
  gt.l(`client_id = "${g.gustoId()}"`);
  gt.s(`client_secret = "${gsec}"`, 'gusto', gsec);
  gt.l('', '[gusto.demo]', 'base_url = "https://api.gusto-demo.com"');
  gt.d('client_secret = "@env GUSTO_DEMO_CLIENT_SECRET"', 'env reference');

  const bs = repo.file('services/connector-hub/connectors/bamboohr/sync.py', 'integrations');
  const bkey = g.bamboo();
  bs.l('import os', '', 'import requests', '');
  bs.l('DEFAULT_KEY = os.environ.get("BAMBOOHR_API_KEY")');
  bs.l('# Acme Dental onboarding: their admin shared a key before the OAuth app was approved');
  bs.s(`TENANT_KEYS = {"acmedental": "${bkey}"}`, 'bamboohr', bkey);
  bs.l('', 'def directory(subdomain):', '    key = TENANT_KEYS.get(subdomain, DEFAULT_KEY)');
  bs.l(
    '    return requests.get(f"https://api.bamboohr.com/api/gateway.php/{subdomain}/v1/employees/directory", auth=(key, "x")).json()',
  );

  const sc = repo.file('services/connector-hub/connectors/scim/azure_provisioning.md', 'docs');
  sc.l(
    '# Azure AD (Entra ID) provisioning into PayLoom',
    '',
    '1. In the enterprise app choose **Provisioning > Automatic**.',
  );
  sc.l('2. Tenant URL: `https://scim.payloom.io/v2/{tenant-id}`');
  sc.d('3. Secret Token: paste the value from **PayLoom Admin > SSO > SCIM token** (`plm_scim_...`).', 'placeholder');
  sc.l('4. Click **Test Connection**.');
}

// ---- Bank SFTP / NACHA with PGP ----------------------------------------------------------

function bankSftp(repo, t, g) {
  const up = repo.file('ops/bank-sftp/upload_nacha.sh', 'shell');
  const sp = g.gen(20);
  const pp = g.gen(24);
  const fpr = t.pick('0123456789ABCDEF', 40);
  up.l(
    '#!/usr/bin/env bash',
    "# Signs, encrypts and drops the day's NACHA files on the bank MFT server.",
    'set -euo pipefail',
    '',
    'FILE="$1"',
  );
  up.d(`BANK_KEY="${fpr}"`, 'pgp public key fingerprint');
  up.s(
    `gpg --batch --yes --pinentry-mode loopback --passphrase '${pp}' --local-user ach-signing@payloom.io --recipient "$BANK_KEY" --sign --encrypt "$FILE"`,
    'generic',
    pp,
  );
  up.s(`sshpass -p '${sp}' sftp -oBatchMode=no -b - payloom_ach@mft.harborstatebank.net <<EOF`, 'generic', sp);
  up.l('cd /inbound', 'put "$FILE.gpg"', 'bye', 'EOF');
  up.l('sshpass -e sftp -b - payloom_ach@mft-dr.harborstatebank.net < batch.txt  # SSHPASS from Vault');

  const priv = repo.file('ops/bank-sftp/keys/ach-signing-secret.asc', 'keys');
  const pk = g.pgpPrivate('PayLoom ACH Signing <ach-signing@payloom.io>');
  priv.s(pk, 'private-key', pk.join('\n'));

  const pub = repo.file('ops/bank-sftp/keys/harborstatebank-mft-public.asc', 'keys');
  pub.d(g.pgpPublic('Harbor State Bank MFT <mft-ops@harborstatebank.net>'), 'bank pgp public key');

  const ssh = repo.file('ops/bank-sftp/keys/id_ed25519_harborstate', 'keys');
  const os = t.opensshPem();
  ssh.s(os, 'private-key', os.join('\n'));
  const sshp = repo.file('ops/bank-sftp/keys/id_ed25519_harborstate.pub', 'keys');
  sshp.d(`${g.sshPub('ed25519')} payloom_ach@sftp-gw-01`, 'public key');

  const kh = repo.file('ops/bank-sftp/known_hosts', 'keys');
  kh.d(`mft.harborstatebank.net,198.51.100.24 ${g.sshPub('ed25519')}`, 'host public key');

  const lf = repo.file('ops/bank-sftp/lftp/bookmarks', 'shell');
  const lpw = g.plain(18);
  lf.s(`harborstate-dr sftp://payloom_ach:${lpw}@mft-dr.harborstatebank.net:22/inbound`, 'generic', lpw);
  lf.l('harborstate sftp://payloom_ach@mft.harborstatebank.net:22/inbound');

  const ach = repo.file('ops/bank-sftp/fixtures/sample_ppd_test.ach', 'decoys');
  const r1 = g.aba();
  const r2 = g.aba();
  ach.d(
    `101 ${r1}${t.digits(10)}2601150830A094101HARBOR STATE BANK      PAYLOOM INC            TESTFILE`,
    'nacha header with public routing numbers (test file)',
  );
  ach.d(
    `5220PAYLOOM INC                         ${t.digits(10)}PPDPAYROLL   260116260116   1${r2.slice(0, 8)}0000001`,
    'nacha batch header (test file)',
  );

  const rb = repo.file('docs/runbooks/nacha-file-drop.md', 'docs');
  const rbpp = g.gen(24);
  rb.l('# NACHA file drop (Harbor State Bank)', '', 'Cut-off is 17:00 ET for next-day settlement.', '');
  rb.s(`- Signing key passphrase (until the HSM move in Q3): \`${rbpp}\``, 'generic', rbpp);
  rb.d('- SFTP password: in Vault at `secret/data/bank/harborstate/sftp`.', 'vault path');
  rb.l(`- Bank key fingerprint: \`${t.pick('0123456789ABCDEF', 40)}\` (verify on the phone with the bank).`);
}

// ---- Snowflake, Kafka, Vault -------------------------------------------------------------

function dataPlatform(repo, t, g) {
  const k = repo.file('infra/kafka/client-prod.properties', 'kafka');
  const ck = g.confKey();
  const cs = g.confSecret();
  const srk = g.confKey();
  const srs = g.confSecret();
  k.l(
    'bootstrap.servers=pkc-41p56.us-central1.gcp.confluent.cloud:9092',
    'security.protocol=SASL_SSL',
    'sasl.mechanism=PLAIN',
  );
  k.s(
    `sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username='${ck}' password='${cs}';`,
    'confluent',
    cs,
  );
  k.l(
    'schema.registry.url=https://psrc-8kz20.us-central1.gcp.confluent.cloud',
    'basic.auth.credentials.source=USER_INFO',
  );
  k.s(`basic.auth.user.info=${srk}:${srs}`, 'confluent', srs);

  const sn = repo.file('infra/kafka/connect/snowflake-sink-payruns.json', 'kafka');
  const sk = g.sfP8();
  sn.l(
    '{',
    '  "name": "snowflake-sink-payruns",',
    '  "config": {',
    '    "connector.class": "com.snowflake.kafka.connector.SnowflakeSinkConnector",',
    '    "topics": "payroll.payruns.v2",',
  );
  sn.l(
    '    "snowflake.url.name": "payloom-prod.snowflakecomputing.com:443",',
    '    "snowflake.user.name": "KAFKA_CONNECT_SVC",',
  );
  sn.s(`    "snowflake.private.key": "${sk}",`, 'private-key', sk);
  sn.l('    "snowflake.database.name": "RAW",', '    "snowflake.schema.name": "PAYROLL",');
  sn.d(
    '    "snowflake.private.key.passphrase": "${file:/opt/connect/secrets.properties:sf_passphrase}",',
    'connect config provider reference',
  );
  sn.l('    "key.converter": "org.apache.kafka.connect.storage.StringConverter"', '  }', '}');

  const so = repo.file('ops/home/svc-deploy/.snowsql/config', 'credstore');
  const sop = g.gen(20);
  so.l('[connections.prod]', 'accountname = payloom-prod', 'username = SVC_DEPLOY');
  so.s(`password = ${sop}`, 'generic', sop);
  so.l('rolename = SYSADMIN', 'warehousename = ADMIN_WH');

  const vi = repo.file('infra/vault/init-2025-06-02.txt', 'vault');
  vi.l('# output of `vault operator init` on vault-0, kept "temporarily" until the shares are handed out');
  for (let i = 1; i <= 5; i++) {
    const u = g.unseal();
    vi.s(`Unseal Key ${i}: ${u}`, 'generic', u);
  }
  const root = g.vault();
  vi.l('');
  vi.s(`Initial Root Token: ${root}`, 'vault', root);
  vi.l('', 'Vault initialized with 5 key shares and a key threshold of 3.');

  const ar = repo.file('infra/vault/approle-login.sh', 'vault');
  const sid = t.uuid();
  ar.l('#!/bin/sh', 'export VAULT_ADDR=https://vault.payloom.internal:8200');
  ar.d(`ROLE_ID=${t.uuid()}`, 'approle role_id (identifier; the secret_id is the credential)');
  ar.s(`SECRET_ID=${sid}`, 'vault', sid);
  ar.l(
    'VAULT_TOKEN=$(vault write -field=token auth/approle/login role_id="$ROLE_ID" secret_id="$SECRET_ID")',
    'export VAULT_TOKEN',
  );

  const vt = repo.file('ops/home/svc-deploy/.vault-token', 'credstore');
  const vtok = g.vault();
  vt.s(vtok, 'vault', vtok);

  const vp = repo.file('infra/vault/policies/payroll-engine.hcl', 'vault');
  vp.l('path "secret/data/payroll-engine/*" {');
  vp.l('  capabilities = ["read"]', '}');
  vp.l('path "database/creds/payroll-engine" {');
  vp.l('  capabilities = ["read"]', '}');

  const tr = repo.file('ops/home/svc-deploy/.terraformrc', 'credstore');
  const tfc = g.tfc();
  tr.l('credentials "app.terraform.io" {');
  tr.s(`  token = "${tfc}"`, 'terraform', tfc);
  tr.l('}');
}

// ---- Kubernetes and Helm -----------------------------------------------------------------

function kubernetes(repo, t, g) {
  const s = repo.file('deploy/k8s/portal/secret.yaml', 'k8s');
  const skb = g.phxSecret();
  const db = g.plain(22);
  const ok = g.okta();
  s.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: employee-portal',
    '  namespace: portal',
    'type: Opaque',
    'data:',
  );
  s.s(`  SECRET_KEY_BASE: ${g.enc(skb)}`, 'generic', skb);
  s.s(`  DATABASE_URL: ${g.enc(`ecto://portal:${db}@10.40.0.20/portal_prod`)}`, 'database', db);
  s.s(`  OKTA_API_TOKEN: ${g.enc(ok)}`, 'okta', ok);
  s.d(`  PHX_HOST: ${g.enc('my.payloom.io')}`, 'base64 of a hostname');

  const d = repo.file('deploy/k8s/portal/deployment.yaml', 'k8s');
  const sg = t.sendgrid();
  d.l(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: employee-portal',
    '  namespace: portal',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: portal',
  );
  d.l(`          image: us-central1-docker.pkg.dev/payloom-prod/apps/employee-portal@sha256:${t.sha256()}`);
  d.l('          envFrom:', '            - secretRef:');
  d.l('                name: employee-portal');
  d.l('          env:', '            - name: SENDGRID_API_KEY');
  d.s(`              value: "${sg}"`, 'sendgrid', sg);
  d.l('            - name: POOL_SIZE', '              value: "20"');

  const hv = repo.file('deploy/helm/payroll-engine/values-prod.yaml', 'k8s');
  const hdb = g.gen(24);
  const ld = g.ldSdk();
  const dd = t.ddApi();
  hv.l('replicaCount: 5', 'image:', '  repository: us-central1-docker.pkg.dev/payloom-prod/apps/payroll-engine');
  hv.l(`  tag: "${t.sha1().slice(0, 12)}"`);
  hv.l('database:', '  host: 10.40.0.12', '  user: payroll_engine');
  hv.s(`  password: "${hdb}"`, 'generic', hdb);
  hv.l('  existingSecret: ""');
  hv.l('launchdarkly:');
  hv.s(`  sdkKey: ${ld}`, 'launchdarkly', ld);
  hv.l('datadog:');
  hv.s(`  apiKey: ${dd}`, 'datadog', dd);
  hv.l('  site: datadoghq.com');

  const ht = repo.file('deploy/helm/payroll-engine/templates/secret.yaml', 'k8s');
  ht.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: {{ include "payroll-engine.fullname" . }}',
    'stringData:',
  );
  ht.d('  PAYROLL_DB_PASSWORD: {{ .Values.database.password | quote }}', 'helm template');
  ht.l('  LD_SDK_KEY: {{ required "launchdarkly sdk key" .Values.launchdarkly.sdkKey }}');

  const es = repo.file('deploy/k8s/connector-hub/external-secret.yaml', 'k8s');
  es.l(
    'apiVersion: external-secrets.io/v1beta1',
    'kind: ExternalSecret',
    'metadata:',
    '  name: connector-hub',
    'spec:',
    '  secretStoreRef:',
    '    name: vault-backend',
    '    kind: ClusterSecretStore',
    '  data:',
    '    - secretKey: CHECKR_API_KEY',
    '      remoteRef:',
  );
  es.l('        key: secret/data/connector-hub/checkr');
  es.l('        property: api_key');

  const ss = repo.file('deploy/k8s/connector-hub/sealed-adp.yaml', 'encrypted');
  ss.l(
    'apiVersion: bitnami.com/v1alpha1',
    'kind: SealedSecret',
    'metadata:',
    '  name: adp-client',
    '  namespace: connectors',
    'spec:',
    '  encryptedData:',
  );
  ss.d(`    ADP_CLIENT_SECRET: AgB${g.b64(600)}==`, 'sealed secret');

  const kc = repo.file('deploy/k8s/kafka-connect/connect-secret.yaml', 'k8s');
  const ck = g.confKey();
  const cs = g.confSecret();
  kc.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: kafka-connect-ccloud',
    '  namespace: data',
    'type: Opaque',
    'stringData:',
  );
  kc.d(`  CCLOUD_API_KEY: ${ck}`, 'confluent api key id (the secret is on the next line)');
  kc.s(`  CCLOUD_API_SECRET: ${cs}`, 'confluent', cs);

  const af = repo.file('deploy/helm/airflow/values-prod.yaml', 'k8s');
  const fk = g.fernet();
  const wsk = t.hex(32);
  const mpw = g.plain(20);
  af.l('executor: KubernetesExecutor');
  af.s(`fernetKey: "${fk}"`, 'generic', fk);
  af.s(`webserverSecretKey: "${wsk}"`, 'generic', wsk);
  af.l('data:', '  metadataConnection:', '    user: airflow');
  af.s(`    pass: "${mpw}"`, 'generic', mpw);
  af.l('    host: 10.40.0.31', '    db: airflow');
  af.l('  resultBackendSecretName: airflow-result-backend');

  const dr = repo.file('deploy/k8s/base/registry-pull-secret.yaml', 'k8s');
  const dt = g.gldt();
  dr.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: gitlab-registry',
    'type: kubernetes.io/dockerconfigjson',
    'data:',
  );
  dr.s(
    `  .dockerconfigjson: ${g.enc(JSON.stringify({ auths: { 'registry.payloom.io': { username: 'k8s-pull', password: dt, auth: g.enc(`k8s-pull:${dt}`) } } }))}`,
    'gitlab',
    dt,
  );

  const sops = repo.file('deploy/k8s/overlays/prod/bank-secrets.enc.yaml', 'encrypted');
  sops.l('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: bank-sftp', 'stringData:');
  sops.d(`  SFTP_PASSWORD: ENC[AES256_GCM,data:${g.b64(28)},iv:${g.b64(43)}=,tag:${g.b64(22)}==,type:str]`, 'sops');
  sops.l(
    'sops:',
    '  gcp_kms:',
    '    - resource_id: projects/payloom-prod/locations/global/keyRings/sops/cryptoKeys/sops-key',
    '  version: 3.9.0',
  );
}

// ---- Terraform (GCP) ---------------------------------------------------------------------

function terraform(repo, t, g) {
  const m = repo.file('infra/terraform/gcp/main.tf', 'terraform');
  const sqlPw = g.gen(24);
  const sm = g.checkr();
  const startPw = g.plain(18);
  m.l('terraform {', '  backend "gcs" {');
  m.l('    bucket = "payloom-tfstate-prod"');
  m.l(
    '    prefix = "gcp/prod"',
    '  }',
    '}',
    '',
    'provider "google" {',
    '  project = "payloom-prod"',
    '  region  = "us-central1"',
  );
  m.l('  credentials = file("~/.config/gcloud/payloom-terraform.json")');
  m.l(
    '}',
    '',
    'resource "google_sql_user" "payroll" {',
    '  name     = "payroll_engine"',
    '  instance = google_sql_database_instance.payroll.name',
  );
  m.s(`  password = "${sqlPw}"`, 'generic', sqlPw);
  m.l(
    '}',
    '',
    'resource "google_secret_manager_secret_version" "checkr" {',
    '  secret      = google_secret_manager_secret.checkr.id',
  );
  m.s(`  secret_data = "${sm}"`, 'checkr', sm);
  m.l(
    '}',
    '',
    'resource "google_secret_manager_secret_version" "okta" {',
    '  secret      = google_secret_manager_secret.okta.id',
  );
  m.l('  secret_data = var.okta_api_token');
  m.l(
    '}',
    '',
    'resource "google_compute_instance" "sftp_gw" {',
    '  name         = "sftp-gw-01"',
    '  machine_type = "e2-small"',
    '  metadata = {',
  );
  m.s(`    startup-script = "echo 'payloom_ach:${startPw}' | chpasswd && systemctl restart sshd"`, 'generic', startPw);
  m.l(`    ssh-keys       = "ops:${g.sshPub('ed25519')} ops@payloom"`);
  m.l('  }', '}');

  const tv = repo.file('infra/terraform/gcp/terraform.tfvars', 'terraform');
  const tvOk = g.okta();
  const tvSf = g.gen(20);
  const tvSlack = t.slackBot();
  tv.l('project_id = "payloom-prod"', 'region     = "us-central1"');
  tv.s(`okta_api_token     = "${tvOk}"`, 'okta', tvOk);
  tv.s(`snowflake_password = "${tvSf}"`, 'generic', tvSf);
  tv.s(`slack_bot_token    = "${tvSlack}"`, 'slack', tvSlack);
  tv.d('pagerduty_token    = "CHANGE_ME"', 'placeholder');

  const v = repo.file('infra/terraform/gcp/variables.tf', 'terraform');
  v.l('variable "okta_api_token" {', '  type      = string');
  v.l('  sensitive = true');
  v.l('}', 'variable "snowflake_password" {', '  type    = string');
  v.l('  default = ""');
  v.l('}');

  const st = repo.file('infra/terraform/gcp/terraform.tfstate', 'terraform');
  const p8 = t.pkcs8Pem();
  const proj = 'payloom-prod';
  const saJson = JSON.stringify({
    type: 'service_account',
    project_id: proj,
    private_key_id: t.sha1(),
    private_key: p8.join('\n') + '\n',
    client_email: `airflow-etl@${proj}.iam.gserviceaccount.com`,
    client_id: t.digits(21),
    token_uri: 'https://oauth2.googleapis.com/token',
  });
  const rp = g.gen(20);
  st.l('{', '  "version": 4,', '  "terraform_version": "1.9.8",', '  "serial": 311,');
  st.l(`  "lineage": "${t.uuid()}",`);
  st.l(
    '  "resources": [',
    '    {',
    '      "mode": "managed",',
    '      "type": "google_service_account_key",',
    '      "name": "airflow",',
    '      "instances": [',
    '        {',
    '          "attributes": {',
  );
  st.l(
    `            "id": "projects/${proj}/serviceAccounts/airflow-etl@${proj}.iam.gserviceaccount.com/keys/${t.sha1()}",`,
  );
  st.s(`            "private_key": "${g.enc(saJson)}",`, 'gcp', p8[1]);
  st.d(`            "public_key": "${g.enc(g.cert().join('\n'))}",`, 'public certificate');
  st.l(
    '            "key_algorithm": "KEY_ALG_RSA_2048"',
    '          }',
    '        }',
    '      ]',
    '    },',
    '    {',
    '      "mode": "managed",',
    '      "type": "random_password",',
    '      "name": "portal_db",',
    '      "instances": [',
    '        {',
    '          "attributes": {',
  );
  st.s(`            "result": "${rp}",`, 'generic', rp);
  st.l('            "length": 20', '          }', '        }', '      ]', '    }', '  ]', '}');

  const sa = repo.file('infra/terraform/gcp/keys/payloom-terraform.json', 'keys');
  const sp8 = t.pkcs8Pem();
  sa.l('{', '  "type": "service_account",', '  "project_id": "payloom-prod",');
  sa.l(`  "private_key_id": "${t.sha1()}",`);
  sa.s(`  "private_key": ${JSON.stringify(sp8.join('\n') + '\n')},`, 'gcp', sp8.join('\n'));
  sa.l(
    '  "client_email": "terraform@payloom-prod.iam.gserviceaccount.com",',
    `  "client_id": "${t.digits(21)}",`,
    '  "token_uri": "https://oauth2.googleapis.com/token"',
    '}',
  );

  const lk = repo.file('infra/terraform/gcp/.terraform.lock.hcl', 'terraform');
  lk.l('provider "registry.terraform.io/hashicorp/google" {', '  version = "6.12.0"', '  hashes = [');
  lk.d(`    "h1:${Buffer.from(t.pick(HEX, 64), 'hex').toString('base64')}",`, 'provider hash');
  lk.l(`    "zh:${t.sha256()}",`);
  lk.l('  ]', '}');
}

// ---- Docker ------------------------------------------------------------------------------

function docker(repo, t, g) {
  const d = repo.file('services/payroll-engine/Dockerfile', 'docker');
  const glp = t.gitlab();
  d.l('FROM sbtscala/scala-sbt:eclipse-temurin-21.0.2_13_1.9.9_2.13.13 AS build', 'WORKDIR /src');
  d.s(`ARG GITLAB_PACKAGES_TOKEN=${glp}`, 'gitlab', glp);
  d.l(
    'COPY . .',
    'RUN sbt -Dgitlab.token=$GITLAB_PACKAGES_TOKEN stage',
    '',
    'FROM eclipse-temurin:21-jre',
    'COPY --from=build /src/target/universal/stage /app',
    'ENTRYPOINT ["/app/bin/payroll-engine"]',
  );

  const c = repo.file('services/connector-hub/Dockerfile', 'docker');
  const ot = g.okta();
  c.l(
    'FROM python:3.12-slim',
    'WORKDIR /app',
    'COPY requirements.txt .',
    'RUN pip install --no-cache-dir -r requirements.txt',
    'COPY . .',
  );
  c.s(`ENV OKTA_CLIENT_TOKEN=${ot}`, 'okta', ot);
  c.l('ENV CHECKR_API_KEY=""');
  c.l('CMD ["uvicorn", "connector_hub.main:app", "--host", "0.0.0.0"]');

  const dc = repo.file('docker-compose.yml', 'docker');
  const ck = g.confKey();
  const cs = g.confSecret();
  dc.l('services:', '  postgres:', '    image: postgres:16', '    environment:');
  dc.d('      POSTGRES_PASSWORD: postgres', 'local dev default');
  dc.l(
    '  kafka-ui:',
    '    image: provectuslabs/kafka-ui:v0.7.2',
    '    environment:',
    '      KAFKA_CLUSTERS_0_NAME: ccloud-prod',
  );
  dc.l(
    '      KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: pkc-41p56.us-central1.gcp.confluent.cloud:9092',
    '      KAFKA_CLUSTERS_0_PROPERTIES_SECURITY_PROTOCOL: SASL_SSL',
  );
  dc.s(
    `      KAFKA_CLUSTERS_0_PROPERTIES_SASL_JAAS_CONFIG: 'org.apache.kafka.common.security.plain.PlainLoginModule required username="${ck}" password="${cs}";'`,
    'confluent',
    cs,
  );
  dc.l('  connector-hub:', '    build: services/connector-hub', '    environment:');
  dc.l('      SNOWFLAKE_PASSWORD: ${SNOWFLAKE_PASSWORD}');
  dc.l('      OKTA_API_TOKEN: ${OKTA_API_TOKEN:?set in .env}');

  const dj = repo.file('ops/home/ci-builder/.docker/config.json', 'credstore');
  const dpat = g.dockerPat();
  const rt = g.gldt();
  dj.l('{', '  "auths": {');
  dj.s(`    "https://index.docker.io/v1/": { "auth": "${g.enc(`payloomci:${dpat}`)}" },`, 'docker', dpat);
  dj.s(`    "registry.payloom.io": { "auth": "${g.enc(`ci-builder:${rt}`)}" }`, 'gitlab', rt);
  dj.l('  },', '  "credHelpers": {');
  dj.l('    "us-central1-docker.pkg.dev": "gcloud"');
  dj.l('  }', '}');
}

// ---- CI: GitLab CI and Jenkins -----------------------------------------------------------

function ci(repo, t, g) {
  const gl = repo.file('.gitlab-ci.yml', 'ci');
  const sonar = g.sonar();
  const snyk = t.uuid();
  const pat = t.gitlab();
  gl.l('stages: [test, build, deploy]', '', 'variables:', '  SBT_OPTS: "-Xmx3g"');
  gl.s(`  SONAR_TOKEN: "${sonar}"`, 'sonarqube', sonar);
  gl.s(`  SNYK_TOKEN: "${snyk}"`, 'snyk', snyk);
  gl.l('', 'build-engine:', '  stage: build', '  script:');
  gl.d('    - docker login -u gitlab-ci-token -p "$CI_JOB_TOKEN" "$CI_REGISTRY"', 'ci variable');
  gl.l('    - docker build -t "$CI_REGISTRY_IMAGE/payroll-engine:$CI_COMMIT_SHORT_SHA" services/payroll-engine');
  gl.l('', 'tag-release:', '  stage: deploy', '  script:');
  gl.s(
    `    - 'curl --fail --request POST --header "PRIVATE-TOKEN: ${pat}" "https://gitlab.payloom.io/api/v4/projects/77/releases" --data "tag_name=$CI_COMMIT_TAG"'`,
    'gitlab',
    pat,
  );
  gl.l(
    '    - helm upgrade --install payroll-engine deploy/helm/payroll-engine --set database.password="$PAYROLL_DB_PASSWORD"',
  );

  const rr = repo.file('ci/gitlab/register-runner.sh', 'ci');
  const rt = g.glrt();
  rr.l('#!/usr/bin/env bash', 'set -e');
  rr.s(
    `gitlab-runner register --non-interactive --url https://gitlab.payloom.io --token ${rt} --executor kubernetes --description gke-runner-02`,
    'gitlab',
    rt,
  );

  const jf = repo.file('ci/jenkins/Jenkinsfile.printservers', 'ci');
  const bpw = g.gen(18);
  jf.l('pipeline {', '  agent { label "windows" }', '  stages {', '    stage("Deploy drivers") {', '      steps {');
  jf.l(
    "        withCredentials([usernamePassword(credentialsId: 'svc-print', usernameVariable: 'PUSER', passwordVariable: 'PPASS')]) {",
  );
  jf.l('          bat "net use \\\\\\\\print01.corp.payloom.io\\\\drivers /user:%PUSER% %PPASS%"');
  jf.l('        }');
  jf.s(
    `        bat 'net use \\\\\\\\print02.corp.payloom.io\\\\drivers /user:PAYLOOM\\\\svc_print ${bpw}'`,
    'generic',
    bpw,
  );
  jf.l('      }', '    }', '  }', '}');

  const cx = repo.file('ci/jenkins/credentials.xml', 'ci');
  cx.l(
    "<?xml version='1.1' encoding='UTF-8'?>",
    '<com.cloudbees.plugins.credentials.SystemCredentialsProvider plugin="credentials@1337.v60b_d7b_c7b_c9f">',
    '  <domainCredentialsMap class="hudson.util.CopyOnWriteMap$Hash">',
    '    <entry>',
    '      <java.util.concurrent.CopyOnWriteArrayList>',
    '        <com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl>',
    '          <id>svc-print</id>',
    '          <username>PAYLOOM\\svc_print</username>',
  );
  cx.d(`          <password>{AQAAABAAAAAQ${g.b64(64)}=}</password>`, 'jenkins-encrypted secret');
  cx.l(
    '        </com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl>',
    '      </java.util.concurrent.CopyOnWriteArrayList>',
    '    </entry>',
    '  </domainCredentialsMap>',
    '</com.cloudbees.plugins.credentials.SystemCredentialsProvider>',
  );

  const tn = repo.file('ci/jenkins/trigger-nightly.sh', 'ci');
  const jt = g.jenkins();
  tn.l('#!/bin/sh', '# kicks the nightly reconciliation job from the Airflow box');
  tn.s(
    `curl -fsS -X POST -u airflow-bot:${jt} "https://jenkins.payloom.internal/job/payroll-nightly-recon/buildWithParameters?RUN_DATE=$(date +%F)"`,
    'jenkins',
    jt,
  );

  const jc = repo.file('ci/jenkins/casc/jenkins.yaml', 'ci');
  const jgl = t.gitlab();
  jc.l('jenkins:', '  securityRealm:', '    local:', '      users:', '        - id: admin');
  jc.l('          password: "${JENKINS_ADMIN_PASSWORD}"');
  jc.l(
    'credentials:',
    '  system:',
    '    domainCredentials:',
    '      - credentials:',
    '          - gitlabPersonalAccessToken:',
    '              id: gitlab-api',
    '              scope: GLOBAL',
  );
  jc.s(`              token: "${jgl}"`, 'gitlab', jgl);
}

// ---- Ansible -----------------------------------------------------------------------------

function ansible(repo, t, g) {
  const h = repo.file('deploy/ansible/inventories/prod/hosts.ini', 'ansible');
  const wpw = g.human();
  h.l(
    '[printservers]',
    'print01.corp.payloom.io',
    'print02.corp.payloom.io',
    '',
    '[printservers:vars]',
    'ansible_connection=winrm',
    'ansible_winrm_transport=ntlm',
    'ansible_user=PAYLOOM\\svc_ansible',
  );
  h.s(`ansible_password=${wpw}`, 'generic', wpw);
  h.l('', '[sftp_gateway]', 'sftp-gw-01.payloom.internal ansible_user=ops');

  const v = repo.file('deploy/ansible/group_vars/printservers/vault.yml', 'encrypted');
  v.l('vault_smtp_relay_password: !vault |');
  v.d(
    ['          $ANSIBLE_VAULT;1.1;AES256', ...Array.from({ length: 5 }, () => `          ${t.pick(HEX, 80)}`)],
    'ansible vault ciphertext',
  );

  const sg = repo.file('deploy/ansible/group_vars/sftp_gateway.yml', 'ansible');
  const bpw = g.gen(20);
  sg.l('bank_sftp_host: mft.harborstatebank.net', 'bank_sftp_user: payloom_ach');
  sg.s(`bank_sftp_password: "${bpw}"`, 'generic', bpw);
  sg.l('pgp_passphrase: "{{ vault_pgp_passphrase }}"');

  const pb = repo.file('deploy/ansible/playbooks/printservers.yml', 'ansible');
  const upw = g.gen(18);
  pb.l(
    '- hosts: printservers',
    '  tasks:',
    '    - name: local account for the MICR check printers',
    '      ansible.windows.win_user:',
    '        name: micr_spool',
  );
  pb.s(`        password: "${upw}"`, 'generic', upw);
  pb.l(
    '        groups: [Print Operators]',
    '    - name: smtp relay creds for scan-to-email',
    '      ansible.windows.win_template:',
    '        src: smtp.xml.j2',
    '        dest: C:\\ProgramData\\PayLoom\\smtp.xml',
  );

  const tpl = repo.file('deploy/ansible/roles/printserver/templates/smtp.xml.j2', 'ansible');
  tpl.l('<smtp>', '  <host>smtp-relay.corp.payloom.io</host>', '  <user>scan2mail</user>');
  tpl.l('  <password>{{ vault_smtp_relay_password }}</password>');
  tpl.l('</smtp>');
}

// ---- PowerShell for the Windows check-print servers --------------------------------------

function windows(repo, t, g) {
  const d = repo.file('ops/printservers/Deploy-PrinterDrivers.ps1', 'windows');
  const pw = g.human();
  d.l('#Requires -RunAsAdministrator', '$servers = @("print01.corp.payloom.io", "print02.corp.payloom.io")');
  d.s(`$secure = ConvertTo-SecureString '${pw}' -AsPlainText -Force`, 'generic', pw);
  d.l(
    '$cred = New-Object System.Management.Automation.PSCredential("PAYLOOM\\svc_print", $secure)',
    'foreach ($s in $servers) {',
    '    Invoke-Command -ComputerName $s -Credential $cred -ScriptBlock { pnputil /add-driver C:\\Drivers\\MICR\\*.inf /install }',
    '}',
  );

  const m = repo.file('ops/printservers/Send-CheckRunReport.ps1', 'windows');
  const mpw = g.gen(16);
  const sgk = t.sendgrid();
  m.l('param([string]$ReportPath)');
  m.s(
    `$smtpCred = New-Object PSCredential('scan2mail', (ConvertTo-SecureString -String "${mpw}" -AsPlainText -Force))`,
    'generic',
    mpw,
  );
  m.l(
    'Send-MailMessage -SmtpServer smtp-relay.corp.payloom.io -From checks@payloom.io -To payroll-ops@payloom.io -Subject "Check run" -Attachments $ReportPath -Credential $smtpCred',
  );
  m.s(`$headers = @{ Authorization = "Bearer ${sgk}" }`, 'sendgrid', sgk);
  m.l('$token = (Get-Secret -Name sendgrid -AsPlainText)');

  const r = repo.file('ops/printservers/Register-MicrQueue.ps1', 'windows');
  r.l('param(');
  r.l('    [Parameter(Mandatory)][securestring]$QueuePassword');
  r.l(')');
  r.l('$cred = Get-Credential -Message "Print server admin"');
  r.l('$pin = Read-Host -AsSecureString "MICR printer PIN"');
  r.l('Add-Printer -Name "MICR-Checks-01" -DriverName "TROY MICR 4250" -PortName "IP_10.60.1.40"');

  const cfg = repo.file('ops/printservers/PrintServerConfig.psd1', 'windows');
  const snmp = g.plain(14);
  const tray = g.human();
  cfg.l('@{', "    MicrPrinters = @('10.60.1.40', '10.60.1.41')");
  cfg.s(`    SnmpCommunity = '${snmp}'`, 'generic', snmp);
  cfg.s(`    SecureTrayPin = '${tray}'`, 'generic', tray);
  cfg.d("    SnmpReadOnlyCommunity = 'public'", 'snmp default read-only community');
  cfg.l('}');
}

// ---- Logs --------------------------------------------------------------------------------

function logs(repo, t, g) {
  const e = repo.file('logs/payroll-engine/payroll-engine-2026-01-15.log', 'logs');
  const p = (ts, lvl, lg) => `2026-01-15 ${ts} ${lvl.padEnd(5)} [payroll-akka.actor.default-dispatcher-7] ${lg} -`;
  const ab = g.plain(20);
  const adTok = t.uuid();
  const wr = g.wdRefresh();
  e.l(`${p('02:00:00.014', 'INFO', 'i.p.payroll.Main$')} cluster member up: akka://payroll@10.42.3.17:25520`);
  e.l(
    `${p('02:00:01.220', 'INFO', 'i.p.payroll.run.PayRunActor')} pay run ${t.uuid()} started for tenant ${t.uuid()} (412 workers)`,
  );
  e.s(
    `${p('02:00:02.118', 'DEBUG', 'a.h.i.e.client.PoolGateway')} > GET https://wd5-impl-services1.workday.com/ccx/service/customreport2/payloom/ISU_PayLoom_RaaS/Worker_Compensation_Export Authorization: Basic ${g.enc(`ISU_PayLoom_RaaS@payloom:${ab}`)}`,
    'generic',
    ab,
  );
  e.s(
    `${p('02:00:03.771', 'DEBUG', 'i.p.payroll.adp.AdpWorkersClient')} token response {"access_token":"${adTok}","token_type":"Bearer","expires_in":3600,"scope":"api"}`,
    'adp',
    adTok,
  );
  e.s(
    `${p('02:00:04.002', 'WARN', 'i.p.payroll.workday.WorkdayOAuth')} refresh failed, retrying with refresh_token=${wr}`,
    'workday',
    wr,
  );
  e.l(`${p('02:00:04.100', 'INFO', 'i.p.payroll.run.PayRunActor')} gross-to-net checksum sha256=${t.sha256()}`);
  e.d(`${p('02:00:05.900', 'INFO', 'o.a.k.c.p.ProducerConfig')} sasl.jaas.config = [hidden]`, 'kafka masks the value');

  const ph = repo.file('logs/employee-portal/phoenix-prod-2026-01-15.log', 'logs');
  const ot = g.okta();
  const dbpw = g.plain(20);
  ph.l('08:14:02.113 request_id=F7oB3x_9kQ [info] POST /api/timesheets');
  ph.d(
    '08:14:02.114 request_id=F7oB3x_9kQ [debug] Parameters: %{"password" => "[FILTERED]", "email" => "j.ruiz@northwind.example"}',
    'filtered by phoenix',
  );
  ph.s(
    `08:14:05.440 [error] Okta deactivation failed: %Tesla.Env{method: :post, url: "https://payloom.okta.com/api/v1/users/00u1ab2cd3/lifecycle/deactivate", headers: [{"authorization", "SSWS ${ot}"}], status: 403}`,
    'okta',
    ot,
  );
  ph.s(
    `08:15:00.002 [error] Postgrex.Protocol (#PID<0.2871.0>) failed to connect: ** (DBConnection.ConnectionError) ecto://portal:${dbpw}@10.40.0.20/portal_prod: connection refused`,
    'database',
    dbpw,
  );
  ph.l('08:15:10.900 [info] Sent 200 in 41ms');

  const afl = repo.file(
    'logs/airflow/dag_id=tax_tables_refresh/run_id=scheduled__2026-01-15T06:00:00+00:00/task_id=load/attempt=1.log',
    'logs',
  );
  const sfpw = g.plain(18);
  afl.l(
    '[2026-01-15, 06:00:04 UTC] {taskinstance.py:2612} INFO - Executing <Task(SnowflakeOperator): load> on 2026-01-15 06:00:00+00:00',
  );
  afl.s(
    `[2026-01-15, 06:00:05 UTC] {base.py:84} INFO - Using connection ID 'snowflake_tax' with uri snowflake://TAXTABLE_LOADER:${sfpw}@payloom-prod/TAX/PUBLIC?warehouse=ETL_WH`,
    'database',
    sfpw,
  );
  afl.d("[2026-01-15, 06:00:05 UTC] {base.py:84} INFO - Retrieving connection 'snowflake_tax' password=***", 'masked');

  const lc = repo.file('logs/android/logcat-qa-2026-01-14.txt', 'logs');
  const jw = t.jwt();
  lc.l(
    '01-14 15:22:01.412  8812  8850 I okhttp.OkHttpClient: --> GET https://api-staging.payloom.io/v2/payslips?year=2025',
  );
  lc.s(`01-14 15:22:01.412  8812  8850 I okhttp.OkHttpClient: Authorization: Bearer ${jw}`, 'generic', jw);
  lc.l(
    '01-14 15:22:01.530  8812  8850 I okhttp.OkHttpClient: <-- 200 https://api-staging.payloom.io/v2/payslips?year=2025 (118ms)',
  );
  lc.l(`01-14 15:22:02.001  8812  8812 D FirebaseMessaging: token refreshed, instance id ${t.mixed(URLSAFE, 22)}`);

  const sl = repo.file('logs/sftp/nacha-upload-2026-01-15.log', 'logs');
  const lpw = g.plain(18);
  sl.l('2026-01-15T16:40:01Z lftp debug: ---- Connecting to mft-dr.harborstatebank.net (198.51.100.25) port 22');
  sl.s(
    `2026-01-15T16:40:02Z lftp debug: ---> open -u payloom_ach,${lpw} sftp://mft-dr.harborstatebank.net`,
    'generic',
    lpw,
  );
  sl.d("2026-01-15T16:40:03Z lftp debug: <--- payloom_ach@mft-dr.harborstatebank.net's password: XXXX", 'masked');
  sl.l(`2026-01-15T16:40:05Z upload ok PAYLOOM_20260115_01.ach.gpg sha256=${t.sha256()}`);

  const kc = repo.file('logs/kafka-connect/connect-worker-2026-01-15.log', 'logs');
  const kcs = g.confSecret();
  kc.l('[2026-01-15 03:00:00,120] INFO SnowflakeSinkConnectorConfig values: snowflake.private.key = [hidden]');
  kc.s(
    `[2026-01-15 03:00:07,511] ERROR Failed to create producer: sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="${g.confKey()}" password="${kcs}"; (org.apache.kafka.connect.runtime.Worker)`,
    'confluent',
    kcs,
  );

  const gc = repo.file('logs/connector-hub/uvicorn-2026-01-15.jsonl', 'logs');
  const ck = g.checkr();
  const bk = g.bamboo();
  gc.l(`{"ts":"2026-01-15T10:00:00Z","level":"info","msg":"sync started","tenant":"${t.uuid()}"}`);
  gc.s(
    `{"ts":"2026-01-15T10:00:02Z","level":"debug","logger":"httpx","msg":"POST https://${ck}:@api.checkr.com/v1/invitations \\"HTTP/1.1 201 Created\\""}`,
    'checkr',
    ck,
  );
  gc.s(
    `{"ts":"2026-01-15T10:01:12Z","level":"error","logger":"connectors.bamboohr","msg":"401 from BambooHR","subdomain":"acmedental","api_key":"${bk}"}`,
    'bamboohr',
    bk,
  );
  gc.d(
    '{"ts":"2026-01-15T10:01:13Z","level":"warning","logger":"connectors.okta","msg":"token rejected","token":"00****************************************"}',
    'masked',
  );
}

// ---- Ticket, chat and wiki exports -------------------------------------------------------

function support(repo, t, g) {
  const z = repo.file('support/exports/zendesk/tickets-2026-01.json', 'support');
  const bk = g.bamboo();
  const tmp = g.human();
  const scim = g.scim();
  z.l('{', '  "tickets": [');
  z.s(
    `    {"id": 90412, "subject": "BambooHR sync stopped", "description": "Hi team, here is our new BambooHR API key: ${bk} - the old one was revoked by our IT.", "requester": "hr@acmedental.example"},`,
    'bamboohr',
    bk,
  );
  z.s(
    `    {"id": 90418, "subject": "Locked out of admin", "description": "Reset done. Temporary password for payroll admin j.ruiz is ${tmp} (expires in 24h). -- PayLoom Support", "requester": "j.ruiz@northwind.example"},`,
    'generic',
    tmp,
  );
  z.s(
    `    {"id": 90431, "subject": "Entra provisioning failing", "description": "Test Connection fails with 401. We pasted Secret Token ${scim} in the Azure portal.", "requester": "it@northwind.example"},`,
    'generic',
    scim,
  );
  z.l(
    '    {"id": 90440, "subject": "Password reset", "description": "User says the password is ********, please unlock", "requester": "ops@brightlane.example"},',
  );
  z.d(
    `    {"id": 90452, "subject": "Okta SSO", "description": "Our Okta client ID is ${g.oktaClientId()} (public, for the SAML app)", "requester": "it@brightlane.example"}`,
    'okta client id',
  );
  z.l('  ]', '}');

  const jr = repo.file('support/exports/jira/PAY-4412.csv', 'support');
  const ot = g.okta();
  const ck = g.checkr();
  jr.l('Issue key,Summary,Comment');
  jr.s(
    `PAY-4412,"Okta deprovisioning job 403","Reproduced locally with the prod token SSWS ${ot}, needs okta.users.manage scope"`,
    'okta',
    ot,
  );
  jr.s(
    `PAY-4413,"Checkr invitations 401","Key in Secret Manager was stale, correct live key is ${ck} (rotated 2026-01-10)"`,
    'checkr',
    ck,
  );
  jr.d('PAY-4414,"Rotate secrets","Please never paste keys here; use 1Password share links"', 'prose');
  jr.d(
    `PAY-4415,"Workday WID mismatch","Worker WID ${g.wid()} not found in tenant payloom_impl"`,
    'workday object id (WID)',
  );

  const sl = repo.file('support/exports/slack/payroll-oncall/2026-01-15.json', 'chat');
  const sftp = g.gen(20);
  const vt = g.vault();
  sl.l('[');
  sl.s(
    `  {"type": "message", "user": "U04KQ7M2P", "ts": "1736930401.000200", "text": "bank sftp pw for the DR host is ${sftp} if anyone needs to push the file manually"},`,
    'generic',
    sftp,
  );
  sl.s(
    `  {"type": "message", "user": "U03ZP1D8R", "ts": "1736930522.000300", "text": "vault is sealed again, use my token for now: ${vt}"},`,
    'vault',
    vt,
  );
  sl.l(
    '  {"type": "message", "user": "U02AB9XK1", "ts": "1736930601.000400", "text": "please stop posting creds in here :rotating_light:"},',
  );
  sl.l(
    `  {"type": "message", "user": "U04KQ7M2P", "ts": "1736930700.000500", "text": "deploy of ${t.sha1().slice(0, 10)} done"}`,
  );
  sl.l(']');

  const cf = repo.file('docs/confluence/exports/Payroll-Integrations-Credentials.html', 'wiki');
  const isu = g.gen(22);
  const adp = g.adpSecret();
  const sfpw = g.gen(20);
  const at = g.atlassian();
  cf.l(
    '<html><head><title>Payroll Integrations - Credentials (RESTRICTED)</title></head><body>',
    '<h1>Payroll Integrations</h1>',
    '<table class="confluenceTable">',
    '<tr><th>System</th><th>User</th><th>Secret</th></tr>',
  );
  cf.s(`<tr><td>Workday ISU (impl)</td><td>ISU_PayLoom_Workers@payloom</td><td>${isu}</td></tr>`, 'generic', isu);
  cf.s(`<tr><td>ADP Marketplace</td><td>${t.uuid()}</td><td>${adp}</td></tr>`, 'adp', adp);
  cf.s(`<tr><td>Snowflake SVC_REPORTING</td><td>SVC_REPORTING</td><td>${sfpw}</td></tr>`, 'generic', sfpw);
  cf.s(`<tr><td>Jira automation</td><td>automation@payloom.io</td><td>${at}</td></tr>`, 'atlassian', at);
  cf.l('<tr><td>Okta</td><td>svc-okta-sync</td><td>see Vault: secret/data/okta/svc-sync</td></tr>');
  cf.l('</table>', '</body></html>');

  const ex = repo.file('support/tools/export_zendesk.py', 'support');
  const zd = g.zendesk();
  ex.l('import requests', '', 'SUBDOMAIN = "payloom"', 'EMAIL = "support-bot@payloom.io"');
  ex.s(`API_TOKEN = "${zd}"`, 'zendesk', zd);
  ex.l(
    '',
    'def export(start):',
    '    url = f"https://{SUBDOMAIN}.zendesk.com/api/v2/incremental/tickets.json?start_time={start}"',
  );
  ex.l('    return requests.get(url, auth=(f"{EMAIL}/token", API_TOKEN)).json()');

  const jx = repo.file('support/tools/jira_export.sh', 'support');
  const jt = g.atlassian();
  jx.l('#!/usr/bin/env bash');
  jx.s(
    `curl -s -u "automation@payloom.io:${jt}" "https://payloom.atlassian.net/rest/api/3/search?jql=project=PAY" > pay.json`,
    'atlassian',
    jt,
  );
}

// ---- Docs --------------------------------------------------------------------------------

function docs(repo, t, g) {
  const r = repo.file('README.md', 'docs');
  r.l(
    '# PayLoom platform',
    '',
    'Payroll engine, employee portal, mobile apps, tax-table ETL and HRIS connectors.',
    '',
    '## Local setup',
    '',
    '```sh',
  );
  r.l('export OKTA_API_TOKEN=<your-okta-api-token>');
  r.l('export SNOWFLAKE_PASSWORD=${SNOWFLAKE_PASSWORD:?set me}');
  r.l('docker compose up -d postgres', 'sbt "project payroll-engine" run', '```');

  const o = repo.file('docs/integrations/okta-scim.md', 'docs');
  const ot = g.okta();
  o.l('# Okta SCIM + lifecycle', '', 'The portal deactivates users through the Okta Users API.', '');
  o.l('Header format: `Authorization: SSWS {api_token}`');
  o.l('Staging org token (for the QA runbook):', '');
  o.s(`    OKTA_API_TOKEN=${ot}`, 'okta', ot);
  o.l(`Okta app client id for the portal: \`${g.oktaClientId()}\` (public).`);

  const wd = repo.file('docs/integrations/workday.md', 'docs');
  wd.l('# Workday', '', '1. Create an Integration System User (ISU) and a security group.');
  wd.l('2. Put the ISU password in Vault at `secret/data/workday/<tenant>/isu`.');
  wd.l('3. Register the API client; set `WORKDAY_CLIENT_SECRET=<client-secret>` in the connector env.');

  const oc = repo.file('docs/runbooks/oncall.md', 'docs');
  const gpw = g.human();
  const dd = t.ddApp();
  oc.l('# On-call runbook', '', '## Access');
  oc.s(`- Airflow admin: \`admin\` / \`${gpw}\``, 'generic', gpw);
  oc.s(`- Datadog app key for the payroll dashboards: \`${dd}\``, 'datadog', dd);
  oc.l('- Everything else: `vault kv get secret/prod/<service>`');

  const ob = repo.file('docs/onboarding/it-accounts.md', 'docs');
  const tmp = g.human();
  const wifi = g.human();
  ob.l('# IT accounts for new staff', '');
  ob.s(`New hires get the temporary Okta password \`${tmp}\` and must change it at first sign-in.`, 'generic', tmp);
  ob.s(`Office Wi-Fi (PayLoom-Staff) passphrase: \`${wifi}\``, 'generic', wifi);
  ob.l('The password policy requires 14 characters and MFA.');

  const jw = repo.file('docs/integrations/public-jwks.json', 'docs');
  jw.l('{', '  "keys": [', '    {', '      "kty": "RSA",', '      "use": "sig",');
  jw.l(`      "kid": "${t.hex(16)}",`);
  jw.d(`      "n": "${t.mixed(URLSAFE, 342)}",`, 'public rsa modulus');
  jw.l('      "e": "AQAB"', '    }', '  ]', '}');

  const pk = repo.file('docs/integrations/webhook-signing-public.pem', 'docs');
  pk.d(g.pubPem(), 'public key');
}

// ---- Noise: hashes, ids, lockfiles, i18n -------------------------------------------------

function noise(repo, t, g) {
  const ml = repo.file('apps/employee-portal/mix.lock', 'decoys');
  ml.l('%{');
  for (const [name, ver] of [
    ['phoenix', '1.7.14'],
    ['tesla', '1.12.1'],
    ['ueberauth_okta', '1.1.2'],
  ]) {
    ml.d(
      `  "${name}": {:hex, :${name}, "${ver}", "${t.sha256()}", [:mix], [], "hexpm", "${t.sha256()}"},`,
      'hex package checksums',
    );
  }
  ml.l('}');

  const pr = repo.file('mobile/ios/PayLoom.xcworkspace/xcshareddata/swiftpm/Package.resolved', 'decoys');
  pr.l(
    '{',
    '  "pins" : [',
    '    {',
    '      "identity" : "okta-mobile-swift",',
    '      "kind" : "remoteSourceControl",',
    '      "location" : "https://github.com/okta/okta-mobile-swift",',
    '      "state" : {',
  );
  pr.l(`        "revision" : "${t.sha1()}",`);
  pr.l('        "version" : "1.8.2"', '      }', '    }', '  ],', '  "version" : 2', '}');

  const c = repo.file('services/connector-hub/connector_hub/constants.py', 'decoys');
  c.l('OKTA_TOKEN_ENV = "OKTA_API_TOKEN"');
  c.l('PASSWORD_MIN_LENGTH = 14');
  c.l(`DEFAULT_TENANT_ID = "${t.uuid()}"`);
  c.l('SCIM_TOKEN_PREFIX = "plm_scim_"');
  c.l(`TAX_TABLE_SCHEMA_SHA1 = "${t.sha1()}"`);

  const i18n = repo.file('apps/employee-portal/priv/gettext/en/LC_MESSAGES/default.po', 'decoys');
  i18n.l('msgid "password"');
  i18n.l('msgstr "Password"');
  i18n.l('msgid "scim_token_help"');
  i18n.l('msgstr "Paste the SCIM secret token into your identity provider"');

  const sq = repo.file('apps/employee-portal/priv/repo/seeds.exs', 'elixir');
  sq.d(
    `Portal.Repo.insert!(%Portal.Accounts.User{email: "admin@payloom.io", hashed_password: "${g.bcrypt()}"})`,
    'bcrypt hash',
  );
  sq.l(
    'Portal.Repo.insert!(%Portal.Accounts.User{email: "demo@payloom.io", hashed_password: Bcrypt.hash_pwd_salt(System.fetch_env!("DEMO_PASSWORD"))})',
  );
}
