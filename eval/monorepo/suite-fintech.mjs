// Suite "fintech": the monorepo of a mid-size fintech on AWS. Eight languages (Go ledger, Spring Boot
// payments gateway, Ktor risk engine, Django back office + Celery + pydantic, NestJS merchant portal,
// .NET reconciliation, Rails onboarding, Rust fx-rates), Kubernetes/Helm/Kustomize, Terraform,
// Docker, CI, a risk notebook and logs. Vendors: Stripe, Plaid, Adyen, Twilio, SendGrid, Datadog,
// Sentry, AWS, GitHub, Slack, PagerDuty, Snowflake, Okta, Confluent.
import { ALNUM, B64, BASE32, DIGIT, HEX, LOWER, UPPER, URLSAFE, Repo, makeTokens, mulberry32 } from './generate.mjs';

const BT = '`';

function helpers(t) {
  const HEXU = '0123456789ABCDEF';
  return {
    b64: (s) => Buffer.from(s).toString('base64'),
    pw: () => t.password(),
    upw: () => t.password().replace(/[^A-Za-z0-9]/g, ''),
    gen: (n = 32) => t.mixed(ALNUM, n),
    plaidSecret: () => t.hex(30),
    plaidClientId: () => t.hex(24),
    plaidAccess: (env = 'production') => `access-${env}-${t.uuid()}`,
    plaidItemId: () => t.mixed(ALNUM, 37),
    adyenKey: () =>
      `AQE${t.mixed(B64, 93)}==-${t.mixed(B64, 43)}=-${t.mixed(ALNUM, 6)}${t.pick('#}>[<', 1)}${t.mixed(ALNUM, 9)}`,
    adyenHmac: () => t.mixed(HEXU, 64),
    adyenClientKey: () => `live_${t.mixed(UPPER + DIGIT, 32)}`,
    adyenPrefix: () => `${t.pick(HEX, 16)}-AcmePayments`,
    twilioKeySid: () => `SK${t.hex(32)}`,
    twilioKeySecret: () => t.alnum(32),
    twilioMsgSid: () => `MG${t.hex(32)}`,
    pdRouting: () => t.hex(32),
    pdToken: () => `u+${t.mixed(ALNUM + '_-', 18)}`,
    pdAccount: () => t.mixed(ALNUM + '_-+', 20),
    oktaToken: () => `00${t.mixed(URLSAFE, 40)}`,
    oktaClientId: () => `0oa${t.alnum(17)}`,
    oktaSecret: () => t.mixed(URLSAFE, 40),
    oktaSecret64: () => t.mixed(URLSAFE, 64),
    snowAcct: () => `${t.pick(LOWER, 2)}${t.digits(5)}.eu-west-1`,
    ccKey: () => t.mixed(UPPER + DIGIT, 16),
    ccSecret: () => t.mixed(B64, 64),
    ghPat: () => `github_pat_11${t.mixed(UPPER + DIGIT, 20)}_${t.alnum(59)}`,
    pk: () => `pk_live_51${t.alnum(97)}`,
    acct: () => `acct_1${t.alnum(15)}`,
    whsec: () => `whsec_${t.alnum(32)}`,
    rk: () => `rk_live_51${t.alnum(97)}`,
    dsn: () => `https://${t.hex(32)}@o${t.digits(6)}.ingest.us.sentry.io/${t.digits(7)}`,
    sentryOrg: () =>
      `sntrys_${Buffer.from(
        JSON.stringify({
          iat: 1767225600,
          url: 'https://sentry.io',
          region_url: 'https://us.sentry.io',
          org: 'acme-pay',
        }),
      )
        .toString('base64')
        .replace(/=+$/, '')}_${t.mixed(B64, 43)}`,
    sentryUser: () => `sntryu_${t.pick(HEX, 64)}`,
    awsAcct: () => t.digits(12),
    django: () => t.mixed('abcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*(-_=+)', 50),
    xapp: () => `xapp-1-A${t.mixed(UPPER + DIGIT, 10)}-${t.digits(13)}-${t.pick(HEX, 64)}`,
    asia: () => `ASIA${t.mixed(BASE32, 16)}`,
    sessionToken: () => `IQoJb3JpZ2luX2VjE${t.mixed(B64, 383)}`,
    kmsBlob: () => `AQICAHh${t.mixed(B64, 181)}==`,
    sops: (n = 24) =>
      `ENC[AES256_GCM,data:${t.mixed(B64, n)},iv:${t.mixed(B64, 43)}=,tag:${t.mixed(B64, 22)}==,type:str]`,
    digest: () => `sha256:${t.sha256()}`,
    traceId: () => t.pick(HEX, 32),
    spanId: () => t.pick(HEX, 16),
  };
}

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 7927 + 211);
  const t = makeTokens(rand);
  const repo = new Repo();
  const h = helpers(t);
  goLedger(repo, t, h);
  javaPayments(repo, t, h);
  kotlinRisk(repo, t, h);
  pythonServices(repo, t, h);
  notebook(repo, t, h);
  nodePortal(repo, t, h);
  dotnetRecon(repo, t, h);
  railsOnboarding(repo, t, h);
  rustFx(repo, t, h);
  kubernetes(repo, t, h);
  helm(repo, t, h);
  kustomize(repo, t, h);
  terraform(repo, t, h);
  docker(repo, t, h);
  ci(repo, t, h);
  logs(repo, t, h);
  misc(repo, t, h);
  return repo;
}

// ---- Go: payments ledger ----------------------------------------------------------------------

function goLedger(repo, t, h) {
  const c = repo.file('services/ledger/internal/config/config.go', 'go');
  const dbpw = h.upw();
  const dbpw2 = h.pw();
  const sk = t.stripeLive();
  const plaidS = h.plaidSecret();
  const dd = t.ddApi();
  c.l(
    'package config',
    '',
    'import "github.com/kelseyhightower/envconfig"',
    '',
    '// Config is read once at start-up. Defaults point at the prod cluster so a bare `go run` works on the bastion.',
    'type Config struct {',
    `\tHTTPAddr        string ${BT}envconfig:"HTTP_ADDR" default:":8080"${BT}`,
  );
  c.s(
    `\tDatabaseURL     string ${BT}envconfig:"DATABASE_URL" default:"postgres://ledger_rw:${dbpw}@ledger-db.prod.internal:5432/ledger?sslmode=require"${BT}`,
    'database',
    dbpw,
  );
  c.s(`\tDBPassword      string ${BT}envconfig:"DB_PASSWORD" default:"${dbpw2}"${BT}`, 'generic', dbpw2);
  c.s(`\tStripeSecretKey string ${BT}envconfig:"STRIPE_SECRET_KEY" default:"${sk}"${BT}`, 'stripe', sk);
  c.d(
    `\tStripeWebhook   string ${BT}envconfig:"STRIPE_WEBHOOK_SECRET" required:"true"${BT}`,
    'key name, required, no value',
  );
  c.d(
    `\tPlaidClientID   string ${BT}envconfig:"PLAID_CLIENT_ID" default:"${h.plaidClientId()}"${BT}`,
    'plaid client id (public identifier)',
  );
  c.s(`\tPlaidSecret     string ${BT}envconfig:"PLAID_SECRET" default:"${plaidS}"${BT}`, 'plaid', plaidS);
  c.l(`\tPlaidEnv        string ${BT}envconfig:"PLAID_ENV" default:"production"${BT}`);
  c.d(`\tRedisPassword   string ${BT}envconfig:"REDIS_PASSWORD" default:""${BT}`, 'empty default');
  c.s(`\tDDAPIKey        string ${BT}envconfig:"DD_API_KEY" default:"${dd}"${BT}`, 'datadog', dd);
  c.d(
    `\tAWSRoleARN      string ${BT}envconfig:"AWS_ROLE_ARN" default:"arn:aws:iam::${h.awsAcct()}:role/ledger-prod"${BT}`,
    'role arn with account id',
  );
  c.l('}', '', 'func Load() (*Config, error) {', '\tvar c Config', '\treturn &c, envconfig.Process("", &c)', '}');

  const db = repo.file('services/ledger/internal/store/db.go', 'go');
  const kvpw = h.pw();
  const ropw = h.upw();
  const mypw = h.upw();
  db.l(
    'package store',
    '',
    'import (',
    '\t"fmt"',
    '',
    '\t_ "github.com/go-sql-driver/mysql"',
    '\t"github.com/jmoiron/sqlx"',
    '\t_ "github.com/lib/pq"',
    ')',
    '',
    'func OpenPrimary() (*sqlx.DB, error) {',
  );
  db.s(
    `\treturn sqlx.Connect("postgres", "host=ledger-db.prod.internal port=5432 user=ledger_rw password=${kvpw} dbname=ledger sslmode=verify-full")`,
    'database',
    kvpw,
  );
  db.l('}', '', 'func OpenReplica() *sqlx.DB {');
  db.s(
    `\treturn sqlx.MustConnect("postgres", "postgres://ledger_ro:${ropw}@ledger-db-ro.prod.internal:5432/ledger?sslmode=require")`,
    'database',
    ropw,
  );
  db.l(
    '}',
    '',
    '// OpenRecon reaches the legacy reconciliation MySQL that finance still runs.',
    'func OpenRecon() (*sqlx.DB, error) {',
  );
  db.s(
    `\treturn sqlx.Open("mysql", "recon:${mypw}@tcp(recon-mysql.prod.internal:3306)/recon?parseTime=true&tls=true")`,
    'database',
    mypw,
  );
  db.l(
    '}',
    '',
    '// DSN builds a connection string from config; nothing secret lives here.',
    'func DSN(user, password, host, name string) string {',
  );
  db.d(
    '\treturn fmt.Sprintf("postgres://%s:%s@%s:5432/%s?sslmode=require", user, password, host, name)',
    'format string',
  );
  db.l('}');

  const ad = repo.file('services/ledger/internal/psp/adyen.go', 'go');
  const ak = h.adyenKey();
  const hm = h.adyenHmac();
  const rpw = h.pw();
  ad.l(
    'package psp',
    '',
    'import (',
    '\t"github.com/adyen/adyen-go-api-library/v9/src/adyen"',
    '\t"github.com/adyen/adyen-go-api-library/v9/src/common"',
    '\t"github.com/redis/go-redis/v9"',
    ')',
    '',
  );
  ad.d('const merchantAccount = "AcmePaymentsECOM"', 'adyen merchant account name');
  ad.s(`const webhookHMACKey = "${hm}"`, 'adyen', hm);
  ad.l('', 'var client = adyen.NewClient(&common.Config{');
  ad.s(`\tApiKey:                "${ak}",`, 'adyen', ak);
  ad.l('\tEnvironment:           common.LiveEnv,');
  ad.d(`\tLiveEndpointURLPrefix: "${h.adyenPrefix()}",`, 'adyen live endpoint prefix (public)');
  ad.l('})', '', 'var idempotency = redis.NewClient(&redis.Options{', '\tAddr:     "ledger-redis.prod.internal:6379",');
  ad.s(`\tPassword: "${rpw}",`, 'generic', rpw);
  ad.l('\tDB:       2,', '})');

  const st = repo.file('services/ledger/internal/psp/stripe.go', 'go');
  const rk = h.rk();
  st.l(
    'package psp',
    '',
    'import (',
    '\t"os"',
    '',
    '\t"github.com/stripe/stripe-go/v79"',
    '\t"github.com/stripe/stripe-go/v79/client"',
    ')',
    '',
    'func init() {',
  );
  st.d('\tstripe.Key = os.Getenv("STRIPE_SECRET_KEY")', 'env reference');
  st.l(
    '}',
    '',
    '// reporting uses a restricted key (balance + payouts read only)',
    'func reportingClient() *client.API {',
  );
  st.s(`\treturn client.New("${rk}", nil)`, 'stripe', rk);
  st.l('}');
  st.d(`const platformAccount = "${h.acct()}"`, 'stripe connect account id');

  const tt = repo.file('services/ledger/internal/psp/adyen_test.go', 'go');
  tt.l('package psp', '', 'import "testing"', '', 'func TestVerifyHMAC(t *testing.T) {');
  tt.d(
    '\tkey := "00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF" // obviously fake test key',
    'sequential fake hmac key',
  );
  tt.d('\tcard := "4111111111111111" // Adyen test card', 'test card number');
  tt.d('\tiban := "NL13TEST0123456789"', 'adyen test iban');
  tt.d(`\tsig := "${t.mixed(B64, 43)}="`, 'hmac signature (not a key)');
  tt.d(`\tpspRef := "${t.digits(16)}"`, 'psp reference');
  tt.l('\t_ = verify(key, card, iban, sig, pspRef)', '}');

  const gs = repo.file('services/ledger/go.sum', 'go');
  for (const m of [
    'github.com/jmoiron/sqlx v1.4.0',
    'github.com/stripe/stripe-go/v79 v79.12.0',
    'github.com/lib/pq v1.10.9',
  ])
    gs.d(`${m} h1:${t.mixed(B64, 43)}=`, 'go.sum hash');
}

// ---- Java / Spring Boot: payments gateway ------------------------------------------------------

function javaPayments(repo, t, h) {
  const base = 'services/payments-gateway';
  const y = repo.file(`${base}/src/main/resources/application.yml`, 'java');
  const dbpw = h.pw();
  const ccK = h.ccKey();
  const ccS = h.ccSecret();
  const wh = h.whsec();
  const ak = h.adyenKey();
  y.l(
    'server:',
    '  port: 8080',
    'spring:',
    '  application:',
    '    name: payments-gateway',
    '  datasource:',
    '    url: jdbc:postgresql://payments-db.prod.internal:5432/payments',
    '    username: payments_app',
  );
  y.s(`    password: ${dbpw}`, 'generic', dbpw);
  y.l(
    '    hikari:',
    '      maximum-pool-size: 20',
    '      data-source-properties:',
    '        sslmode: verify-full',
    '  kafka:',
    '    bootstrap-servers: pkc-4nym6.eu-west-1.aws.confluent.cloud:9092',
    '    properties:',
    '      security.protocol: SASL_SSL',
    '      sasl.mechanism: PLAIN',
  );
  y.s(
    `      sasl.jaas.config: org.apache.kafka.common.security.plain.PlainLoginModule required username="${ccK}" password="${ccS}";`,
    'confluent',
    ccS,
  );
  y.l('stripe:');
  y.d('  api-key: ${STRIPE_API_KEY}', 'env reference');
  y.d(`  publishable-key: ${h.pk()}`, 'stripe publishable key');
  y.s(`  webhook-secret: ${wh}`, 'stripe', wh);
  y.l('adyen:');
  y.s(`  api-key: \${ADYEN_API_KEY:${ak}}`, 'adyen', ak);
  y.d('  merchant-account: AcmePaymentsECOM', 'merchant account');
  y.d(`  client-key: ${h.adyenClientKey()}`, 'adyen client key (public, browser)');
  y.l('sentry:');
  y.d(`  dsn: ${h.dsn()}`, 'sentry dsn');
  y.l('management:', '  endpoints:', '    web:', '      exposure:', '        include: health,prometheus');

  const p = repo.file(`${base}/src/main/resources/application-prod.properties`, 'java');
  const urlpw = h.upw();
  const scram = h.pw();
  const tw = t.twilioToken();
  const sg = t.sendgrid();
  const sg2 = t.sendgrid();
  const dda = t.ddApi();
  const ddp = t.ddApp();
  const okS = h.oktaSecret();
  const okT = h.oktaToken();
  p.l('spring.profiles.active=prod', 'spring.jpa.hibernate.ddl-auto=validate');
  p.s(
    `spring.datasource.url=jdbc:postgresql://payments-db.prod.internal:5432/payments?user=payments_app&password=${urlpw}&ssl=true`,
    'database',
    urlpw,
  );
  p.d('spring.datasource.password=${DB_PASSWORD}', 'env reference');
  p.s(
    `spring.kafka.properties.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="payments-svc" password="${scram}";`,
    'generic',
    scram,
  );
  p.d(`twilio.account-sid=${t.twilioSid()}`, 'twilio account sid');
  p.s(`twilio.auth-token=${tw}`, 'twilio', tw);
  p.d(`twilio.messaging-service-sid=${h.twilioMsgSid()}`, 'twilio messaging service sid');
  p.s(`sendgrid.api-key=${sg}`, 'sendgrid', sg);
  p.l('spring.mail.host=smtp.sendgrid.net', 'spring.mail.username=apikey');
  p.s(`spring.mail.password=${sg2}`, 'sendgrid', sg2);
  p.s(`management.datadog.metrics.export.api-key=${dda}`, 'datadog', dda);
  p.s(`management.datadog.metrics.export.application-key=${ddp}`, 'datadog', ddp);
  p.d(`spring.security.oauth2.client.registration.okta.client-id=${h.oktaClientId()}`, 'okta client id');
  p.s(`spring.security.oauth2.client.registration.okta.client-secret=${okS}`, 'okta', okS);
  p.l('spring.security.oauth2.client.provider.okta.issuer-uri=https://acme-pay.okta.com/oauth2/default');
  p.s(`okta.client.token=${okT}`, 'okta', okT);
  p.d('spring.data.redis.password=changeme', 'placeholder');
  p.d(`stripe.connect.platform-account=${h.acct()}`, 'stripe account id');

  const sc = repo.file(`${base}/src/main/java/com/acme/payments/config/StripeConfig.java`, 'java');
  const sk = t.stripeLive();
  const pls = h.plaidSecret();
  sc.l(
    'package com.acme.payments.config;',
    '',
    'import com.stripe.Stripe;',
    'import org.springframework.beans.factory.annotation.Value;',
    'import org.springframework.context.annotation.Configuration;',
    '',
    '@Configuration',
    'public class StripeConfig {',
  );
  sc.s(`    @Value("\${stripe.secret-key:${sk}}")`, 'stripe', sk);
  sc.l('    private String secretKey;', '');
  sc.d('    @Value("${stripe.webhook-secret}")', 'property reference');
  sc.l('    private String webhookSecret;', '');
  sc.s(`    @Value("\${plaid.secret:${pls}}")`, 'plaid', pls);
  sc.l('    private String plaidSecret;', '');
  sc.d(`    private static final String PLAID_CLIENT_ID = "${h.plaidClientId()}";`, 'plaid client id');
  sc.d('    private static final String SECRET_KEY_PROPERTY = "stripe.secret-key";', 'property name');
  sc.l('', '    void init() {', '        Stripe.apiKey = secretKey;', '    }', '}');

  const ds = repo.file(`${base}/src/main/java/com/acme/payments/config/DataSourceConfig.java`, 'java');
  const hpw = h.pw();
  const ccK2 = h.ccKey();
  const ccS2 = h.ccSecret();
  ds.l(
    'package com.acme.payments.config;',
    '',
    'import com.zaxxer.hikari.HikariConfig;',
    'import com.zaxxer.hikari.HikariDataSource;',
    'import org.apache.kafka.common.config.SaslConfigs;',
    '',
    'public class DataSourceConfig {',
    '    HikariDataSource ledgerReadOnly() {',
    '        HikariConfig cfg = new HikariConfig();',
    '        cfg.setJdbcUrl("jdbc:postgresql://ledger-db-ro.prod.internal:5432/ledger");',
    '        cfg.setUsername("payments_ro");',
  );
  ds.s(`        cfg.setPassword("${hpw}");`, 'generic', hpw);
  ds.l(
    '        cfg.addDataSourceProperty("sslmode", "verify-full");',
    '        return new HikariDataSource(cfg);',
    '    }',
    '',
    '    java.util.Map<String, Object> kafkaProps() {',
    '        var props = new java.util.HashMap<String, Object>();',
    '        props.put("security.protocol", "SASL_SSL");',
  );
  ds.s(
    `        props.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.plain.PlainLoginModule required username=\\"${ccK2}\\" password=\\"${ccS2}\\";");`,
    'confluent',
    ccS2,
  );
  ds.d('        props.put("ssl.truststore.password", System.getenv("TRUSTSTORE_PASSWORD"));', 'env reference');
  ds.l('        return props;', '    }', '}');

  const ty = repo.file(`${base}/src/test/resources/application-test.yml`, 'java');
  ty.l('spring:', '  datasource:', '    url: jdbc:h2:mem:payments;MODE=PostgreSQL', '    username: sa');
  ty.d('    password: ""', 'empty');
  ty.l('  kafka:', '    properties:');
  ty.d(
    '      sasl.jaas.config: org.apache.kafka.common.security.plain.PlainLoginModule required username="test" password="test";',
    'obvious test credentials',
  );
  ty.l('stripe:');
  ty.d('  secret-key: sk_test_4eC39HqLyjWDarjtT1zdp7dc', 'stripe documentation test key');
  ty.d('  webhook-secret: whsec_test_secret', 'obvious test value');

  const mv = repo.file(`${base}/.mvn/settings.xml`, 'java');
  const gh = t.github();
  mv.l('<settings>', '  <servers>', '    <server>', '      <id>nexus</id>', '      <username>ci</username>');
  mv.d('      <password>${env.NEXUS_PASSWORD}</password>', 'env reference');
  mv.l('    </server>', '    <server>', '      <id>github</id>', '      <username>acme-pay-bot</username>');
  mv.s(`      <password>${gh}</password>`, 'github', gh);
  mv.l('    </server>', '  </servers>', '</settings>');
}

// ---- Kotlin / Ktor: risk engine ----------------------------------------------------------------

function kotlinRisk(repo, t, h) {
  const base = 'services/risk-engine';
  const c = repo.file(`${base}/src/main/resources/application.conf`, 'kotlin');
  const dbpw = h.pw();
  const pls = h.plaidSecret();
  const snow = h.upw();
  const jwt = t.hex(32) + t.hex(32);
  const pd = h.pdRouting();
  c.l(
    'ktor {',
    '  deployment {',
    '    port = 8080',
    '    port = ${?PORT}',
    '  }',
    '  application {',
    '    modules = [ com.acme.risk.ApplicationKt.module ]',
    '  }',
    '}',
    '',
    'database {',
    '  url = "jdbc:postgresql://risk-db.prod.internal:5432/risk"',
    '  url = ${?DATABASE_URL}',
    '  user = "risk_svc"',
  );
  c.s(`  password = "${dbpw}"`, 'generic', dbpw);
  c.d('  password = ${?DATABASE_PASSWORD}', 'hocon env fallback');
  c.l('}', '', 'plaid {');
  c.d(`  clientId = "${h.plaidClientId()}"`, 'plaid client id');
  c.s(`  secret = "${pls}"`, 'plaid', pls);
  c.d('  secret = ${?PLAID_SECRET}', 'hocon env fallback');
  c.l('  env = production', '}', '', 'snowflake {');
  c.d(`  account = "${h.snowAcct()}"`, 'snowflake account locator');
  c.l('  user = RISK_SVC');
  c.s(`  password = ${snow}`, 'snowflake', snow);
  c.l('  warehouse = RISK_WH', '  role = RISK_READER', '}', '', 'jwt {');
  c.s(`  secret = "${jwt}"`, 'generic', jwt);
  c.d('  secret = ${?JWT_SECRET}', 'hocon env fallback');
  c.l('  issuer = "https://auth.acme-pay.io/"', '  audience = "risk-engine"', '}', '');
  c.d(`sentry.dsn = "${h.dsn()}"`, 'sentry dsn');
  c.s(`pagerduty.routingKey = "${pd}"`, 'pagerduty', pd);
  c.d('datadog.apiKey = ${DD_API_KEY}', 'hocon substitution');

  const k = repo.file(`${base}/src/main/kotlin/com/acme/risk/Clients.kt`, 'kotlin');
  const ok = h.oktaToken();
  const dd = t.ddApi();
  const sl = t.slackBot();
  k.l(
    'package com.acme.risk',
    '',
    'import com.okta.sdk.client.Clients',
    'import com.slack.api.Slack',
    '',
    'object ExternalClients {',
  );
  k.s(
    `    val okta = Clients.builder().setOrgUrl("https://acme-pay.okta.com").setClientCredentials(TokenClientCredentials("${ok}")).build()`,
    'okta',
    ok,
  );
  k.s(`    private val ddApiKey: String = System.getenv("DD_API_KEY") ?: "${dd}"`, 'datadog', dd);
  k.s(`    val slack = Slack.getInstance().methods("${sl}")`, 'slack', sl);
  k.d('    private val plaidSecret = System.getenv("PLAID_SECRET") ?: error("PLAID_SECRET not set")', 'env reference');
  k.d(`    const val RULESET_VERSION = "${t.sha1()}"`, 'git sha');
  k.l('}');

  const lc = repo.file(`${base}/src/main/resources/application-local.conf`, 'kotlin');
  lc.l(
    'include "application.conf"',
    '',
    'database {',
    '  url = "jdbc:postgresql://localhost:5432/risk"',
    '  user = "postgres"',
  );
  lc.d('  password = "postgres"', 'local docker default');
  lc.l('}', 'jwt {');
  lc.d('  secret = "local-dev-only-not-a-secret"', 'labelled local dev value');
  lc.l('}', 'plaid {');
  lc.d('  secret = ${?PLAID_SANDBOX_SECRET}', 'hocon env reference');
  lc.l('  env = sandbox', '}');

  const g = repo.file(`${base}/gradle.properties`, 'kotlin');
  const ghp = h.ghPat();
  g.l('org.gradle.jvmargs=-Xmx2g', 'kotlin.code.style=official', 'gpr.user=acme-pay-bot');
  g.s(`gpr.key=${ghp}`, 'github', ghp);
  g.d('signing.keyId=4A7C2E91', 'gpg key id');
}

// ---- Python: Django back office, Celery notifications, pydantic risk analytics -----------------

function pythonServices(repo, t, h) {
  const b = repo.file('services/backoffice/backoffice/settings/base.py', 'python');
  b.l(
    'from pathlib import Path',
    'import environ',
    '',
    'env = environ.Env()',
    'BASE_DIR = Path(__file__).resolve().parent.parent',
  );
  b.d('SECRET_KEY = env("DJANGO_SECRET_KEY")', 'env reference');
  b.l('AUTH_PASSWORD_VALIDATORS = [');
  b.d('    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},', 'validator class');
  b.l(']');
  b.d('PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]', 'hasher class');
  b.d('DATABASES = {"default": env.db("DATABASE_URL", default="postgres:///backoffice")}', 'default without password');

  const s = repo.file('services/backoffice/backoffice/settings/production.py', 'python');
  const dk = h.django();
  const dbpw = h.pw();
  const sg = t.sendgrid();
  const aid = t.awsId();
  const asec = t.awsSecret();
  const okS = h.oktaSecret64();
  s.l('import os', '', 'from .base import *  # noqa', '', 'DEBUG = False');
  s.s(`SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "${dk}")`, 'generic', dk);
  s.l(
    'ALLOWED_HOSTS = ["backoffice.acme-pay.io"]',
    '',
    'DATABASES = {',
    '    "default": {',
    '        "ENGINE": "django.db.backends.postgresql",',
    '        "NAME": "backoffice",',
    '        "USER": "backoffice",',
  );
  s.s(`        "PASSWORD": "${dbpw}",`, 'generic', dbpw);
  s.l(
    '        "HOST": "backoffice.cluster-c9xk2q7ab1de.eu-west-1.rds.amazonaws.com",',
    '        "PORT": "5432",',
    '    }',
    '}',
    '',
    'EMAIL_HOST = "smtp.sendgrid.net"',
    'EMAIL_HOST_USER = "apikey"',
  );
  s.s(`EMAIL_HOST_PASSWORD = "${sg}"`, 'sendgrid', sg);
  s.s(`AWS_ACCESS_KEY_ID = "${aid}"`, 'aws', aid);
  s.s(`AWS_SECRET_ACCESS_KEY = "${asec}"`, 'aws', asec);
  s.l('AWS_STORAGE_BUCKET_NAME = "acme-backoffice-prod"');
  s.d(`SENTRY_DSN = "${h.dsn()}"`, 'sentry dsn');
  s.d(`SOCIAL_AUTH_OKTA_OPENIDCONNECT_KEY = "${h.oktaClientId()}"`, 'okta client id');
  s.s(`SOCIAL_AUTH_OKTA_OPENIDCONNECT_SECRET = "${okS}"`, 'okta', okS);
  s.l('SOCIAL_AUTH_OKTA_OPENIDCONNECT_API_URL = "https://acme-pay.okta.com/oauth2"');

  const cel = repo.file('services/notifications/app/celery.py', 'python');
  const amqp = h.upw();
  const rpw = h.upw();
  cel.l('from celery import Celery', '');
  cel.s(
    `app = Celery("notifications", broker="amqp://notify:${amqp}@rabbitmq.prod.internal:5672/notify")`,
    'generic',
    amqp,
  );
  cel.s(`app.conf.result_backend = "redis://:${rpw}@notify-redis.prod.internal:6379/1"`, 'database', rpw);
  cel.l('app.conf.task_acks_late = True', 'app.conf.broker_transport_options = {"visibility_timeout": 3600}');
  const cc = repo.file('services/notifications/app/celeryconfig.py', 'python');
  cc.l('import os', '');
  cc.d('broker_url = os.environ["CELERY_BROKER_URL"]', 'env reference');
  cc.d('result_backend = os.getenv("CELERY_RESULT_BACKEND", "redis://localhost:6379/0")', 'local default, no password');
  cc.l('task_serializer = "json"');

  const cl = repo.file('services/notifications/app/clients.py', 'python');
  const id2 = t.awsId();
  const sec2 = t.awsSecret();
  const twTok = t.twilioToken();
  const slk = t.slackWebhook();
  const pdt = h.pdToken();
  cl.l(
    'import os',
    '',
    'import boto3',
    'import pypd',
    'from sendgrid import SendGridAPIClient',
    'from twilio.rest import Client',
    '',
  );
  cl.l('s3 = boto3.client(', '    "s3",', '    region_name="eu-west-1",');
  cl.s(`    aws_access_key_id="${id2}",`, 'aws', id2);
  cl.s(`    aws_secret_access_key="${sec2}",`, 'aws', sec2);
  cl.l(')');
  cl.d('sqs = boto3.client("sqs", region_name=os.environ["AWS_REGION"])', 'no credentials');
  cl.s(`twilio_client = Client("${t.twilioSid()}", "${twTok}")`, 'twilio', twTok);
  cl.d('sg = SendGridAPIClient(api_key=os.environ["SENDGRID_API_KEY"])', 'env reference');
  cl.s(`SLACK_PAYOUTS_WEBHOOK = "${slk}"`, 'slack', slk);
  cl.s(`pypd.api_key = "${pdt}"`, 'pagerduty', pdt);
  cl.d('FROM_NUMBER = "+14155550123"', 'phone number');

  const ps = repo.file('services/risk-analytics/app/settings.py', 'python');
  const dburl = h.upw();
  const snow = h.pw();
  const pls = h.plaidSecret();
  ps.l(
    'from pydantic import Field, PostgresDsn, SecretStr',
    'from pydantic_settings import BaseSettings, SettingsConfigDict',
    '',
    '',
    'class Settings(BaseSettings):',
    '    model_config = SettingsConfigDict(env_file=".env", env_prefix="RISK_")',
    '',
  );
  ps.s(
    `    database_url: PostgresDsn = "postgresql+psycopg://risk:${dburl}@risk-db.prod.internal:5432/risk"`,
    'database',
    dburl,
  );
  ps.d(`    snowflake_account: str = "${h.snowAcct()}"`, 'snowflake account locator');
  ps.l('    snowflake_user: str = "RISK_ANALYTICS"');
  ps.s(`    snowflake_password: SecretStr = SecretStr("${snow}")`, 'snowflake', snow);
  ps.s(`    plaid_secret: str = Field(default="${pls}", alias="PLAID_SECRET")`, 'plaid', pls);
  ps.d('    datadog_api_key: SecretStr = Field(..., alias="DD_API_KEY")', 'required, no default');
  ps.d('    sentry_dsn: str | None = None', 'none');
  ps.d('    api_token: str = "changeme"', 'placeholder');
  ps.l('', '', 'settings = Settings()');

  const bf = repo.file('scripts/backfill_plaid_transactions.py', 'python');
  const at = h.plaidAccess();
  bf.l(
    '"""One-off: re-pull 90 days of transactions for merchant 4471 after the sync bug (INC-2291)."""',
    'import os',
    '',
    'import plaid',
    'from plaid.api import plaid_api',
    '',
  );
  bf.d(`CLIENT_ID = "${h.plaidClientId()}"`, 'plaid client id');
  bf.d('SECRET = os.environ["PLAID_SECRET"]', 'env reference');
  bf.s(`ACCESS_TOKEN = "${at}"  # merchant 4471 operating account`, 'plaid', at);
  bf.d(`ITEM_ID = "${h.plaidItemId()}"`, 'plaid item id');
  bf.l(
    'cfg = plaid.Configuration(host=plaid.Environment.Production, api_key={"clientId": CLIENT_ID, "secret": SECRET})',
  );
}

// ---- Jupyter notebook ---------------------------------------------------------------------------

function notebook(repo, t, h) {
  const n = repo.file('notebooks/risk/chargeback_model.ipynb', 'notebook');
  const J = JSON.stringify;
  const snow = h.pw();
  const aid = t.awsId();
  const asec = t.awsSecret();
  const at = h.plaidAccess();
  n.l(
    '{',
    ' "cells": [',
    '  {',
    '   "cell_type": "markdown",',
    `   "id": "${t.pick(HEX, 8)}",`,
    '   "metadata": {},',
    '   "source": [',
    `    ${J('# Chargeback risk model: weekly refresh\n')},`,
    `    ${J('Pulls disputes from Snowflake, joins Plaid balance history and scores merchants.')}`,
    '   ]',
    '  },',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 2,',
    `   "id": "${t.pick(HEX, 8)}",`,
    '   "metadata": {},',
    '   "outputs": [],',
    '   "source": [',
    `    ${J('import snowflake.connector\n')},`,
    `    ${J('conn = snowflake.connector.connect(\n')},`,
  );
  n.d(`    ${J(`    account="${h.snowAcct()}",\n`)},`, 'snowflake account locator');
  n.l(`    ${J('    user="MKOWALSKI",\n')},`);
  n.s(`    ${J(`    password="${snow}",\n`)},`, 'snowflake', snow);
  n.l(
    `    ${J('    warehouse="RISK_WH",\n')},`,
    `    ${J('    database="FINANCE",\n')},`,
    `    ${J(')')}`,
    '   ]',
    '  },',
  );
  n.l(
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 3,',
    `   "id": "${t.pick(HEX, 8)}",`,
    '   "metadata": {},',
    '   "outputs": [',
    '    {',
    '     "name": "stdout",',
    '     "output_type": "stream",',
    '     "text": [',
  );
  n.s(`      ${J(`AWS_ACCESS_KEY_ID=${aid}\n`)},`, 'aws', aid);
  n.s(`      ${J(`AWS_SECRET_ACCESS_KEY=${asec}\n`)},`, 'aws', asec);
  n.l(`      ${J('AWS_DEFAULT_REGION=eu-west-1\n')}`, '     ]', '    }', '   ],', '   "source": [');
  n.l(`    ${J('!env | grep AWS')}`, '   ]', '  },');
  n.l(
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 4,',
    `   "id": "${t.pick(HEX, 8)}",`,
    '   "metadata": {},',
    '   "outputs": [',
    '    {',
    '     "data": {',
    '      "text/plain": [',
  );
  n.s(
    `       ${J(`{'access_token': '${at}', 'item_id': '${h.plaidItemId()}', 'request_id': '${t.alnum(15)}'}`)}`,
    'plaid',
    at,
  );
  n.l(
    '      ]',
    '     },',
    '     "execution_count": 4,',
    '     "metadata": {},',
    '     "output_type": "execute_result"',
    '    }',
    '   ],',
    '   "source": [',
  );
  n.d(
    `    ${J('client.item_public_token_exchange(ItemPublicTokenExchangeRequest(public_token=os.environ["PLAID_PUBLIC_TOKEN"]))')}`,
    'env reference',
  );
  n.l('   ]', '  },');
  n.l(
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 7,',
    `   "id": "${t.pick(HEX, 8)}",`,
    '   "metadata": {},',
    '   "outputs": [',
    '    {',
    '     "data": {',
  );
  n.d(`      "image/png": "${t.pngBase64()}",`, 'inline png output');
  n.l(
    '      "text/plain": [',
    '       "<Figure size 800x400 with 1 Axes>"',
    '      ]',
    '     },',
    '     "metadata": {},',
    '     "output_type": "display_data"',
    '    }',
    '   ],',
    '   "source": [',
  );
  n.d(`    ${J('password = os.environ["SNOWFLAKE_PASSWORD"]  # set via direnv\n')},`, 'env reference');
  n.l(`    ${J("df.plot(x='week', y='chargeback_rate')")}`, '   ]', '  }', ' ],');
  n.l(
    ' "metadata": {',
    '  "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},',
    '  "language_info": {"name": "python", "version": "3.11.9"}',
    ' },',
    ' "nbformat": 4,',
    ' "nbformat_minor": 5',
    '}',
  );
}

// ---- TypeScript / NestJS: merchant portal API --------------------------------------------------

function nodePortal(repo, t, h) {
  const base = 'services/merchant-portal-api';
  const c = repo.file(`${base}/src/config/configuration.ts`, 'node');
  const sk = t.stripeLiveLong();
  const wh = h.whsec();
  const ok = h.oktaToken();
  c.l('export default () => ({', "  port: parseInt(process.env.PORT ?? '3000', 10),", '  database: {');
  c.d('    url: process.env.DATABASE_URL,', 'env reference');
  c.l('  },', '  stripe: {');
  c.s(`    secretKey: process.env.STRIPE_SECRET_KEY ?? '${sk}',`, 'stripe', sk);
  c.s(`    webhookSecret: process.env.STRIPE_WEBHOOK_SECRET || '${wh}',`, 'stripe', wh);
  c.d(`    publishableKey: '${h.pk()}',`, 'stripe publishable key');
  c.l('  },', '  plaid: {');
  c.d(`    clientId: '${h.plaidClientId()}',`, 'plaid client id');
  c.d('    secret: process.env.PLAID_SECRET,', 'env reference');
  c.l('  },', '  okta: {', "    issuer: 'https://acme-pay.okta.com/oauth2/default',");
  c.s(`    apiToken: '${ok}',`, 'okta', ok);
  c.l('  },', '});');

  const m = repo.file(`${base}/src/app.module.ts`, 'node');
  const jwtDefault = t.mixed(URLSAFE, 48);
  const jwtSign = t.hex(32) + t.hex(32);
  m.l(
    "import { Module } from '@nestjs/common';",
    "import { ConfigModule } from '@nestjs/config';",
    "import { JwtModule } from '@nestjs/jwt';",
    "import * as Joi from 'joi';",
    "import configuration from './config/configuration';",
    '',
    '@Module({',
    '  imports: [',
    '    ConfigModule.forRoot({',
    '      isGlobal: true,',
    '      load: [configuration],',
    "      envFilePath: [`.env.${process.env.NODE_ENV}`, '.env'],",
    '      validationSchema: Joi.object({',
    "        NODE_ENV: Joi.string().valid('development', 'staging', 'production').default('development'),",
  );
  m.s(`        JWT_SECRET: Joi.string().default('${jwtDefault}'),`, 'generic', jwtDefault);
  m.d('        SENDGRID_API_KEY: Joi.string().required(),', 'key name');
  m.l('      }),', '    }),');
  m.s(`    JwtModule.register({ secret: '${jwtSign}', signOptions: { expiresIn: '15m' } }),`, 'generic', jwtSign);
  m.l('  ],', '})', 'export class AppModule {}');

  const ep = repo.file(`${base}/.env.production`, 'env');
  const dbpw = h.upw();
  const sk2 = t.stripeLive();
  const sen = h.sentryOrg();
  const tw = t.twilioToken();
  const dd = t.ddApi();
  const sb = t.slackBot();
  const apiSid = h.twilioKeySid();
  const apiSec = h.twilioKeySecret();
  ep.l('NODE_ENV=production', 'PORT=3000');
  ep.s(
    `DATABASE_URL="postgresql://portal:${dbpw}@portal.cluster-c9xk2q7ab1de.eu-west-1.rds.amazonaws.com:5432/portal?schema=public&sslmode=require"`,
    'database',
    dbpw,
  );
  ep.s(`STRIPE_SECRET_KEY=${sk2}`, 'stripe', sk2);
  ep.d(`STRIPE_PUBLISHABLE_KEY=${h.pk()}`, 'stripe publishable key');
  ep.s(`SENTRY_AUTH_TOKEN=${sen}`, 'sentry', sen);
  ep.d(`SENTRY_DSN=${h.dsn()}`, 'sentry dsn');
  ep.d(`TWILIO_ACCOUNT_SID=${t.twilioSid()}`, 'twilio account sid');
  ep.s(`TWILIO_AUTH_TOKEN=${tw}`, 'twilio', tw);
  ep.d(`TWILIO_API_KEY_SID=${apiSid}`, 'twilio api key sid (identifier)');
  ep.s(`TWILIO_API_KEY_SECRET=${apiSec}`, 'twilio', apiSec);
  ep.s(`DD_API_KEY=${dd}`, 'datadog', dd);
  ep.s(`SLACK_BOT_TOKEN=${sb}`, 'slack', sb);
  ep.d('PLAID_SECRET=${PLAID_SECRET}', 'variable');

  const es = repo.file(`${base}/.env.staging`, 'env');
  const stTest = t.stripeTest();
  const dbs = h.upw();
  const sg = t.sendgrid();
  es.l('NODE_ENV=staging');
  es.s(`DATABASE_URL=postgresql://portal:${dbs}@portal-staging.internal:5432/portal`, 'database', dbs);
  es.s(`STRIPE_SECRET_KEY=${stTest}`, 'stripe', stTest, 'warning');
  es.s(`SENDGRID_API_KEY=${sg}`, 'sendgrid', sg);
  es.d('OKTA_API_TOKEN=', 'empty');

  const ex = repo.file(`${base}/.env.example`, 'env');
  ex.d('DATABASE_URL="postgresql://postgres:postgres@localhost:5432/portal_dev?schema=public"', 'local example');
  ex.d('STRIPE_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx', 'placeholder');
  ex.d('STRIPE_WEBHOOK_SECRET=whsec_...', 'placeholder');
  ex.d('OKTA_API_TOKEN=your-okta-api-token', 'placeholder');
  ex.d('TWILIO_AUTH_TOKEN=<twilio-auth-token>', 'placeholder');
  ex.d('JWT_SECRET=change-me', 'placeholder');

  const pr = repo.file(`${base}/prisma/schema.prisma`, 'node');
  pr.l(
    'generator client {',
    '  provider = "prisma-client-js"',
    '}',
    '',
    'datasource db {',
    '  provider = "postgresql"',
  );
  pr.d('  url      = env("DATABASE_URL")', 'env reference');
  pr.d('  shadowDatabaseUrl = env("SHADOW_DATABASE_URL")', 'env reference');
  pr.l('}', '', 'model Merchant {', '  id        String @id @default(uuid())');
  pr.d('  apiKeyHash String @unique // sha256 of the merchant api key', 'field name');
  pr.l('}');
  const pe = repo.file(`${base}/prisma/.env`, 'env');
  pe.d('DATABASE_URL="postgresql://postgres:postgres@localhost:5432/portal_dev"', 'local docker default');

  const fx = repo.file(`${base}/test/fixtures/stripe-webhook-payment_intent.succeeded.json`, 'node');
  fx.l('{');
  fx.d(`  "id": "evt_3${t.alnum(23)}",`, 'event id');
  fx.l('  "object": "event",', '  "livemode": false,', '  "data": {', '    "object": {');
  fx.d(`      "id": "pi_3${t.alnum(23)}",`, 'payment intent id');
  fx.d(
    `      "client_secret": "pi_3${t.alnum(23)}_secret_${t.alnum(25)}",`,
    'payment intent client secret (browser-side)',
  );
  fx.d(`      "customer": "cus_${t.alnum(14)}",`, 'customer id');
  fx.d(`      "payment_method": "pm_1${t.alnum(23)}",`, 'payment method id');
  fx.d('      "last4": "4242",', 'card last4');
  fx.l('      "amount": 12500,', '      "currency": "eur"', '    }', '  }', '}');
  fx.d(`{"stripe-signature": "t=1767225600,v1=${t.sha256()}"}`, 'webhook signature header');

  const nr = repo.file(`${base}/.npmrc`, 'node');
  const gh = t.github();
  nr.l('@acme-pay:registry=https://npm.pkg.github.com');
  nr.s(`//npm.pkg.github.com/:_authToken=${gh}`, 'github', gh);
  nr.d('//registry.npmjs.org/:_authToken=${NPM_TOKEN}', 'variable');

  const vs = repo.file('.vscode/launch.json', 'node');
  const sk3 = t.stripeLive();
  vs.l(
    '{',
    '  "version": "0.2.0",',
    '  "configurations": [',
    '    {',
    '      "type": "node",',
    '      "name": "portal: debug against prod read replica",',
    '      "env": {',
  );
  vs.s(`        "STRIPE_SECRET_KEY": "${sk3}",`, 'stripe', sk3);
  vs.d('        "DATABASE_URL": "${env:PORTAL_RO_URL}"', 'vscode env reference');
  vs.l('      }', '    }', '  ]', '}');
}

// ---- C# / .NET: reconciliation -----------------------------------------------------------------

function dotnetRecon(repo, t, h) {
  const base = 'services/reconciliation/src/Acme.Reconciliation.Api';
  const a = repo.file(`${base}/appsettings.Production.json`, 'dotnet');
  const lpw = h.pw();
  const rpw = h.upw();
  const ak = h.adyenKey();
  const hm = h.adyenHmac();
  const snow = h.upw();
  const dd = t.ddApi();
  const okS = h.oktaSecret();
  a.l('{', '  "ConnectionStrings": {');
  a.s(
    `    "Ledger": "Host=ledger-db-ro.prod.internal;Port=5432;Database=ledger;Username=recon;Password=${lpw};SSL Mode=Require",`,
    'database',
    lpw,
  );
  a.s(`    "Redis": "recon-redis.prod.internal:6380,password=${rpw},ssl=True,abortConnect=False"`, 'database', rpw);
  a.l('  },', '  "Adyen": {');
  a.s(`    "ApiKey": "${ak}",`, 'adyen', ak);
  a.d('    "MerchantAccount": "AcmePaymentsECOM",', 'merchant account');
  a.s(`    "HmacKey": "${hm}",`, 'adyen', hm);
  a.l('    "Environment": "LIVE"', '  },', '  "Snowflake": {');
  a.s(
    `    "ConnectionString": "account=${h.snowAcct().split('.')[0]};host=${t.pick(LOWER, 2)}${t.digits(5)}.eu-west-1.snowflakecomputing.com;user=RECON_SVC;password=${snow};db=FINANCE;warehouse=RECON_WH"`,
    'snowflake',
    snow,
  );
  a.l('  },', '  "Datadog": {');
  a.s(`    "ApiKey": "${dd}",`, 'datadog', dd);
  a.l('    "Site": "datadoghq.eu"', '  },', '  "Okta": {', '    "OktaDomain": "https://acme-pay.okta.com",');
  a.d(`    "ClientId": "${h.oktaClientId()}",`, 'okta client id');
  a.s(`    "ClientSecret": "${okS}"`, 'okta', okS);
  a.l('  },', '  "Logging": { "LogLevel": { "Default": "Information" } }', '}');

  const a0 = repo.file(`${base}/appsettings.json`, 'dotnet');
  a0.l('{', '  "ConnectionStrings": {');
  a0.d('    "Ledger": "Host=localhost;Database=ledger;Username=recon;Password=",', 'empty password');
  a0.l('  },', '  "Adyen": {');
  a0.d('    "ApiKey": "",', 'empty');
  a0.d('    "HmacKey": "<set in user-secrets>"', 'placeholder');
  a0.l('  },', '  "AllowedHosts": "*"', '}');

  const cs = repo.file('services/reconciliation/src/Acme.Reconciliation.Api/Acme.Reconciliation.Api.csproj', 'dotnet');
  const usid = t.uuid();
  cs.l('<Project Sdk="Microsoft.NET.Sdk.Web">', '  <PropertyGroup>', '    <TargetFramework>net8.0</TargetFramework>');
  cs.d(`    <UserSecretsId>${usid}</UserSecretsId>`, 'user secrets id (guid)');
  cs.l('  </PropertyGroup>', '</Project>');

  const us = repo.file(`tools/dev-setup/usersecrets/${usid}/secrets.json`, 'dotnet');
  const pls = h.plaidSecret();
  const tks = h.twilioKeySecret();
  const devpw = h.pw();
  us.l('{');
  us.d(`  "Plaid:ClientId": "${h.plaidClientId()}",`, 'plaid client id');
  us.s(`  "Plaid:Secret": "${pls}",`, 'plaid', pls);
  us.d(`  "Twilio:ApiKeySid": "${h.twilioKeySid()}",`, 'twilio api key sid');
  us.s(`  "Twilio:ApiKeySecret": "${tks}",`, 'twilio', tks);
  us.s(
    `  "ConnectionStrings:Ledger": "Host=localhost;Port=15432;Database=ledger;Username=j.okafor;Password=${devpw}"`,
    'database',
    devpw,
  );
  us.l('}');

  const pg = repo.file(`${base}/Program.cs`, 'dotnet');
  const sk = t.stripeLive();
  const sapw = h.pw();
  pg.l('using Microsoft.Data.SqlClient;', 'using Stripe;', '', 'var builder = WebApplication.CreateBuilder(args);');
  pg.s(`StripeConfiguration.ApiKey = builder.Configuration["Stripe:SecretKey"] ?? "${sk}";`, 'stripe', sk);
  pg.d('var plaidSecret = builder.Configuration["Plaid:Secret"];', 'config reference');
  pg.s(
    `var legacy = new SqlConnection("Server=fin-sql01.corp.acme-pay.io;Database=GL;User Id=recon_etl;Password=${sapw};Encrypt=True");`,
    'database',
    sapw,
  );
  pg.l('var app = builder.Build();', 'app.Run();');
}

// ---- Ruby / Rails: onboarding ------------------------------------------------------------------

function railsOnboarding(repo, t, h) {
  const base = 'services/onboarding';
  const cr = repo.file(`${base}/config/credentials/production.decrypted.yml`, 'ruby');
  const skb = t.pick(HEX, 128);
  const pk = t.alnum(32);
  const aid = t.awsId();
  const asec = t.awsSecret();
  const pls = h.plaidSecret();
  const sk = t.stripeLive();
  cr.l('# aws:', '#   access_key_id: 123', '');
  cr.s(`secret_key_base: ${skb}`, 'generic', skb);
  cr.l('active_record_encryption:');
  cr.s(`  primary_key: ${pk}`, 'generic', pk);
  cr.l('aws:');
  cr.s(`  access_key_id: ${aid}`, 'aws', aid);
  cr.s(`  secret_access_key: ${asec}`, 'aws', asec);
  cr.l('plaid:');
  cr.d(`  client_id: ${h.plaidClientId()}`, 'plaid client id');
  cr.s(`  secret: ${pls}`, 'plaid', pls);
  cr.l('stripe:');
  cr.s(`  secret_key: ${sk}`, 'stripe', sk);
  cr.d(`  publishable_key: ${h.pk()}`, 'stripe publishable key');

  const mk = repo.file(`${base}/config/master.key`, 'ruby');
  const mkey = t.hex(32);
  mk.s(mkey, 'generic', mkey);

  const enc = repo.file(`${base}/config/credentials/production.yml.enc`, 'ruby');
  enc.d(`${t.mixed(B64, 520)}==--${t.mixed(B64, 16)}--${t.mixed(B64, 22)}==`, 'rails encrypted credentials');

  const d = repo.file(`${base}/config/database.yml`, 'ruby');
  const fpw = h.pw();
  const ropw = h.upw();
  d.l(
    'default: &default',
    '  adapter: postgresql',
    '  encoding: unicode',
    '  pool: <%= ENV.fetch("RAILS_MAX_THREADS") { 5 } %>',
    '',
    'development:',
    '  <<: *default',
    '  database: onboarding_development',
  );
  d.d('  password: <%= ENV["DATABASE_PASSWORD"] %>', 'erb env reference');
  d.l('', 'test:', '  <<: *default', '  database: onboarding_test');
  d.d('  password: postgres', 'local test default');
  d.l(
    '',
    'production:',
    '  <<: *default',
    '  host: onboarding-db.prod.internal',
    '  database: onboarding',
    '  username: onboarding',
  );
  d.s(`  password: <%= ENV.fetch("ONBOARDING_DATABASE_PASSWORD") { "${fpw}" } %>`, 'generic', fpw);
  d.l('', 'replica:', '  <<: *default');
  d.s(
    `  url: <%= ENV["REPLICA_DATABASE_URL"] || "postgres://onboarding_ro:${ropw}@onboarding-db-ro.prod.internal/onboarding" %>`,
    'database',
    ropw,
  );
  d.l('  replica: true');

  const sq = repo.file(`${base}/config/sidekiq.yml`, 'ruby');
  const rpw = h.upw();
  sq.l(':concurrency: 10', ':queues:', '  - [critical, 4]', '  - [default, 2]', '  - mailers', ':redis:');
  sq.s(`  :url: redis://:${rpw}@onboarding-redis.prod.internal:6379/0`, 'database', rpw);
  sq.l(':scheduler:', '  :schedule:', '    kyc_retry:', '      cron: "*/15 * * * *"', '      class: KycRetryJob');

  const si = repo.file(`${base}/config/initializers/sidekiq.rb`, 'ruby');
  const wpw = h.pw();
  si.l('require "sidekiq/web"', '', 'Sidekiq::Web.use Rack::Auth::Basic do |user, password|');
  si.s(
    `  ActiveSupport::SecurityUtils.secure_compare(user, "ops") & ActiveSupport::SecurityUtils.secure_compare(password, "${wpw}")`,
    'generic',
    wpw,
  );
  si.l('end');

  const pi = repo.file(`${base}/config/initializers/plaid.rb`, 'ruby');
  const pls2 = h.plaidSecret();
  pi.l(
    'configuration = Plaid::Configuration.new',
    'configuration.server_index = Plaid::Configuration::Environment["production"]',
  );
  pi.d(
    'configuration.api_key["PLAID-CLIENT-ID"] = Rails.application.credentials.plaid[:client_id]',
    'credentials reference',
  );
  pi.s(`configuration.api_key["PLAID-SECRET"] = ENV.fetch("PLAID_SECRET", "${pls2}")`, 'plaid', pls2);
  pi.l('PLAID_CLIENT = Plaid::PlaidApi.new(Plaid::ApiClient.new(configuration))');

  const ti = repo.file(`${base}/config/initializers/twilio.rb`, 'ruby');
  const tw = t.twilioToken();
  ti.l('Twilio.configure do |config|');
  ti.d(`  config.account_sid = "${t.twilioSid()}"`, 'twilio account sid');
  ti.s(`  config.auth_token = ENV["TWILIO_AUTH_TOKEN"] || "${tw}"`, 'twilio', tw);
  ti.l('end');
  ti.d('Twilio::Verify::SERVICE_SID = ENV.fetch("TWILIO_VERIFY_SID")', 'env reference');

  const gf = repo.file(`${base}/Gemfile`, 'ruby');
  const gpw = t.hex(8);
  gf.l('source "https://rubygems.org"', 'ruby "3.3.1"', '', 'gem "rails", "~> 7.1.3"', 'gem "sidekiq", "~> 7.2"');
  gf.s(`source "https://4f9a1c7e:${gpw}@enterprise.contribsys.com/" do`, 'generic', gpw);
  gf.l('  gem "sidekiq-ent"', '  gem "sidekiq-pro"', 'end', 'gem "plaid", "~> 29.0"', 'gem "twilio-ruby"');

  const sp = repo.file(`${base}/spec/fixtures/plaid/identity_get.json`, 'ruby');
  sp.l('{', '  "accounts": [', '    {');
  sp.d(`      "account_id": "${t.mixed(ALNUM, 37)}",`, 'plaid account id');
  sp.d('      "mask": "0000",', 'account mask');
  sp.l('      "owners": [{ "names": ["Alberta Bobbeth Charleson"] }]', '    }', '  ],');
  sp.d('  "access_token": "access-sandbox-de3ce8ef-33f8-452c-a685-8671031fc0f6",', 'plaid docs sandbox token');
  sp.d(`  "request_id": "${t.alnum(15)}"`, 'request id');
  sp.l('}');
}

// ---- Rust: fx-rates ----------------------------------------------------------------------------

function rustFx(repo, t, h) {
  const base = 'services/fx-rates';
  const c = repo.file(`${base}/config/production.toml`, 'rust');
  const dbpw = h.upw();
  const oxr = t.hex(32);
  const dd = t.ddApi();
  c.l('[server]', 'bind = "0.0.0.0:8080"', '', '[database]');
  c.s(`url = "postgres://fxrates:${dbpw}@fx-db.prod.internal:5432/fxrates"`, 'database', dbpw);
  c.l('max_connections = 20', '', '[providers.openexchangerates]', 'base = "USD"');
  c.s(`app_id = "${oxr}"`, 'generic', oxr);
  c.l('', '[providers.ecb]', 'url = "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml"', '', '[datadog]');
  c.s(`api_key = "${dd}"`, 'datadog', dd);
  c.l('', '[sentry]');
  c.d(`dsn = "${h.dsn()}"`, 'sentry dsn');

  const dc = repo.file(`${base}/config/default.toml`, 'rust');
  dc.l('[database]');
  dc.d('url = "postgres://fxrates@localhost/fxrates"', 'no password');
  dc.l('[providers.openexchangerates]');
  dc.d('app_id = ""', 'empty');

  const e = repo.file(`${base}/.env`, 'rust');
  const mig = h.upw();
  e.s(
    `DATABASE_URL=postgres://fxrates_migrator:${mig}@127.0.0.1:15432/fxrates # ssm tunnel to prod, for sqlx prepare`,
    'database',
    mig,
  );
  e.d('SQLX_OFFLINE=true', 'flag');

  const mr = repo.file(`${base}/src/main.rs`, 'rust');
  const mpw = h.upw();
  const slk = t.slackWebhook();
  mr.l('use sqlx::postgres::PgPoolOptions;', '');
  mr.s(`const ALERT_WEBHOOK: &str = "${slk}";`, 'slack', slk);
  mr.l('', '#[tokio::main]', 'async fn main() -> anyhow::Result<()> {');
  mr.d('    let url = std::env::var("DATABASE_URL")?;', 'env reference');
  mr.s(
    `    let audit = PgPoolOptions::new().max_connections(2).connect("postgres://fx_audit:${mpw}@audit-db.prod.internal/audit").await?;`,
    'database',
    mpw,
  );
  mr.l('    let pool = PgPoolOptions::new().max_connections(10).connect(&url).await?;', '    Ok(())', '}');

  const sq = repo.file(`${base}/.sqlx/query-${t.sha256()}.json`, 'rust');
  sq.l('{', '  "db_name": "PostgreSQL",', '  "query": "SELECT rate FROM fx WHERE pair = $1",');
  sq.d(`  "hash": "${t.sha256()}"`, 'sqlx query hash');
  sq.l('}');

  const cl = repo.file(`${base}/Cargo.lock`, 'rust');
  cl.l('version = 3');
  for (const p of ['sqlx', 'tokio', 'reqwest']) {
    cl.l(
      '',
      '[[package]]',
      `name = "${p}"`,
      'version = "0.8.2"',
      'source = "registry+https://github.com/rust-lang/crates.io-index"',
    );
    cl.d(`checksum = "${t.sha256()}"`, 'cargo checksum');
  }
}

// ---- Kubernetes --------------------------------------------------------------------------------

function kubernetes(repo, t, h) {
  const s = repo.file('deploy/k8s/payments-gateway/secret.yaml', 'k8s');
  const dbpw = h.pw();
  const sk = t.stripeLive();
  const ccK = h.ccKey();
  const ccS = h.ccSecret();
  const ak = h.adyenKey();
  s.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: payments-gateway',
    '  namespace: payments',
    'type: Opaque',
    'data:',
  );
  s.s(`  SPRING_DATASOURCE_PASSWORD: ${h.b64(dbpw)}`, 'generic', dbpw);
  s.s(`  STRIPE_API_KEY: ${h.b64(sk)}`, 'stripe', sk);
  s.s(
    `  KAFKA_SASL_JAAS_CONFIG: ${h.b64(`org.apache.kafka.common.security.plain.PlainLoginModule required username="${ccK}" password="${ccS}";`)}`,
    'confluent',
    ccS,
  );
  s.s(`  ADYEN_API_KEY: ${h.b64(ak)}`, 'adyen', ak);
  s.d(`  SPRING_PROFILES_ACTIVE: ${h.b64('prod')}`, 'base64 of plain setting');
  s.d(`  ADYEN_MERCHANT_ACCOUNT: ${h.b64('AcmePaymentsECOM')}`, 'base64 of merchant account');

  const rs = repo.file('deploy/k8s/risk-engine/secret.yaml', 'k8s');
  const pls = h.plaidSecret();
  const snow = h.pw();
  const pd = h.pdRouting();
  rs.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: risk-engine',
    '  namespace: risk',
    'type: Opaque',
    'stringData:',
  );
  rs.s(`  PLAID_SECRET: "${pls}"`, 'plaid', pls);
  rs.s(`  SNOWFLAKE_PASSWORD: '${snow}'`, 'snowflake', snow);
  rs.s(`  PAGERDUTY_ROUTING_KEY: ${pd}`, 'pagerduty', pd);
  rs.d(`  PLAID_CLIENT_ID: "${h.plaidClientId()}"`, 'plaid client id');
  rs.d('  SNOWFLAKE_PRIVATE_KEY_PATH: /var/run/secrets/snowflake/rsa_key.p8', 'file path');

  const tls = repo.file('deploy/k8s/payments-gateway/mtls-secret.yaml', 'k8s');
  const key = t.pkcs8Pem();
  tls.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: adyen-mtls',
    '  namespace: payments',
    'type: kubernetes.io/tls',
    'data:',
  );
  tls.d(
    `  tls.crt: ${h.b64(['-----BEGIN CERTIFICATE-----', `MIID${t.mixed(B64, 60)}`, t.mixed(B64, 64), '-----END CERTIFICATE-----', ''].join('\n'))}`,
    'base64 certificate',
  );
  tls.s(`  tls.key: ${h.b64(key.join('\n') + '\n')}`, 'private-key', key.join('\n'));

  const cm = repo.file('deploy/k8s/ledger/configmap.yaml', 'k8s');
  const dbpw2 = h.upw();
  const dd = t.ddApi();
  const sg = t.sendgrid();
  cm.l('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: ledger-config', '  namespace: ledger', 'data:');
  cm.l('  HTTP_ADDR: ":8080"', '  PLAID_ENV: production');
  cm.s(
    `  DATABASE_URL: postgres://ledger_rw:${dbpw2}@ledger-db.prod.internal:5432/ledger?sslmode=require`,
    'database',
    dbpw2,
  );
  cm.s(`  DD_API_KEY: "${dd}"`, 'datadog', dd);
  cm.s(`  SENDGRID_API_KEY_B64: ${h.b64(sg)}`, 'sendgrid', sg);
  cm.d(`  STRIPE_PUBLISHABLE_KEY: ${h.pk()}`, 'stripe publishable key');
  cm.d('  ADYEN_MERCHANT_ACCOUNT: AcmePaymentsECOM', 'merchant account');
  cm.d(`  AWS_ROLE_ARN: arn:aws:iam::${h.awsAcct()}:role/ledger-prod`, 'role arn');
  cm.d(`  OTEL_RESOURCE_ATTRIBUTES: service.version=${t.sha1().slice(0, 12)}`, 'short sha');
  cm.d(`  KMS_KEY_ID: ${t.uuid()}`, 'kms key id');

  const dp = repo.file('deploy/k8s/ledger/deployment.yaml', 'k8s');
  const tok = h.pw();
  const sk2 = t.stripeLive();
  dp.l(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: ledger',
    '  namespace: ledger',
    'spec:',
    '  replicas: 3',
    '  template:',
    '    spec:',
    '      serviceAccountName: ledger',
    '      containers:',
    '        - name: ledger',
  );
  dp.d(`          image: ${h.awsAcct()}.dkr.ecr.eu-west-1.amazonaws.com/ledger@${h.digest()}`, 'image digest');
  dp.l(
    '          envFrom:',
    '            - configMapRef:',
    '                name: ledger-config',
    '          env:',
    '            - name: DB_PASSWORD',
    '              valueFrom:',
    '                secretKeyRef:',
  );
  dp.d('                  name: ledger-db', 'secretKeyRef name');
  dp.d('                  key: password', 'secretKeyRef key');
  dp.l('            - name: STRIPE_SECRET_KEY');
  dp.s(`              value: ${sk2}`, 'stripe', sk2);
  dp.l('            - name: LEDGER_ADMIN_TOKEN');
  dp.s(`              value: "${tok}"`, 'generic', tok);
  dp.l(
    '            - name: POD_IP',
    '              valueFrom:',
    '                fieldRef:',
    '                  fieldPath: status.podIP',
    '            - name: DD_AGENT_HOST',
  );
  dp.d('              value: "$(POD_IP)"', 'k8s env expansion');

  const cj = repo.file('deploy/k8s/notifications/cronjob-sms-digest.yaml', 'k8s');
  const tw = t.twilioToken();
  cj.l(
    'apiVersion: batch/v1',
    'kind: CronJob',
    'metadata:',
    '  name: sms-digest',
    'spec:',
    '  schedule: "0 7 * * *"',
    '  jobTemplate:',
    '    spec:',
    '      template:',
    '        spec:',
    '          containers:',
    '            - name: digest',
    '              image: ghcr.io/acme-pay/notifications:2.14.0',
    '              env:',
    '                - name: TWILIO_ACCOUNT_SID',
  );
  cj.d(`                  value: ${t.twilioSid()}`, 'twilio account sid');
  cj.l('                - name: TWILIO_AUTH_TOKEN');
  cj.s(`                  value: "${tw}"`, 'twilio', tw);
  cj.l('          restartPolicy: OnFailure');

  const ss = repo.file('deploy/k8s/onboarding/sealedsecret.yaml', 'k8s');
  ss.l(
    'apiVersion: bitnami.com/v1alpha1',
    'kind: SealedSecret',
    'metadata:',
    '  name: onboarding',
    '  namespace: onboarding',
    'spec:',
    '  encryptedData:',
  );
  ss.d(`    RAILS_MASTER_KEY: AgB${t.mixed(B64, 680)}==`, 'sealed secret ciphertext');
  ss.d(`    PLAID_SECRET: AgC${t.mixed(B64, 600)}=`, 'sealed secret ciphertext');

  const ext = repo.file('deploy/k8s/ledger/externalsecret.yaml', 'k8s');
  ext.l(
    'apiVersion: external-secrets.io/v1beta1',
    'kind: ExternalSecret',
    'metadata:',
    '  name: ledger-db',
    'spec:',
    '  secretStoreRef:',
    '    name: aws-secrets-manager',
    '    kind: ClusterSecretStore',
    '  data:',
    '    - secretKey: password',
    '      remoteRef:',
  );
  ext.d('        key: prod/ledger/db', 'secrets manager path');
  ext.d('        property: password', 'property name');
}

// ---- Helm ---------------------------------------------------------------------------------------

function helm(repo, t, h) {
  const v = repo.file('deploy/helm/payments-gateway/values.yaml', 'helm');
  v.l(
    'replicaCount: 2',
    'image:',
    '  repository: ghcr.io/acme-pay/payments-gateway',
    '  tag: ""',
    'db:',
    '  host: payments-db.prod.internal',
    '  user: payments_app',
  );
  v.d('  password: ""', 'empty');
  v.d('  existingSecret: payments-db', 'secret name');
  v.l('stripe:');
  v.d('  secretKey: REPLACE_ME', 'placeholder');
  v.d(`  publishableKey: ${h.pk()}`, 'stripe publishable key');
  v.l('datadog:');
  v.d('  apiKey: <DATADOG_API_KEY>', 'placeholder');
  v.l('sentry:');
  v.d('  authToken: ""', 'empty');
  v.d(`  dsn: ${h.dsn()}`, 'sentry dsn');

  const vp = repo.file('deploy/helm/payments-gateway/values-prod.yaml', 'helm');
  const dbpw = h.pw();
  const sk = t.stripeLive();
  const dd = t.ddApi();
  const okS = h.oktaSecret();
  const sl = t.slackWebhook();
  vp.l('replicaCount: 6', 'db:', '  host: payments-db.prod.internal');
  vp.s(`  password: "${dbpw}"`, 'generic', dbpw);
  vp.d('  existingSecret: ""', 'empty');
  vp.l('stripe:');
  vp.s(`  secretKey: ${sk}`, 'stripe', sk);
  vp.l('datadog:');
  vp.s(`  apiKey: ${dd}`, 'datadog', dd);
  vp.l('okta:');
  vp.d(`  clientId: ${h.oktaClientId()}`, 'okta client id');
  vp.s(`  clientSecret: ${okS}`, 'okta', okS);
  vp.l('alerts:');
  vp.s(`  slackWebhookUrl: ${sl}`, 'slack', sl);

  const tp = repo.file('deploy/helm/payments-gateway/templates/secret.yaml', 'helm');
  const defpw = h.pw();
  const sen = h.sentryOrg();
  tp.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: {{ include "payments-gateway.fullname" . }}',
    'type: Opaque',
    'data:',
  );
  tp.s(`  DB_PASSWORD: {{ .Values.db.password | default "${defpw}" | b64enc | quote }}`, 'generic', defpw);
  tp.d('  STRIPE_SECRET_KEY: {{ .Values.stripe.secretKey | b64enc | quote }}', 'helm template');
  tp.s(`  SENTRY_AUTH_TOKEN: {{ default "${sen}" .Values.sentry.authToken | b64enc | quote }}`, 'sentry', sen);
  tp.d(
    '  DD_API_KEY: {{ required "datadog.apiKey is required" .Values.datadog.apiKey | b64enc | quote }}',
    'helm template',
  );

  const lk = repo.file('deploy/helm/payments-gateway/Chart.lock', 'helm');
  lk.l('dependencies:', '- name: redis', '  repository: oci://registry-1.docker.io/bitnamicharts', '  version: 19.6.4');
  lk.d(`digest: ${h.digest()}`, 'chart lock digest');
  lk.l('generated: "2026-02-11T09:14:22.118Z"');

  const dv = repo.file('deploy/helm/datadog/values-prod.yaml', 'helm');
  const dda = t.ddApi();
  const ddp = t.ddApp();
  const cat = t.alnum(32);
  dv.l('datadog:', '  site: datadoghq.eu', '  clusterName: prod-eu-west-1');
  dv.s(`  apiKey: ${dda}`, 'datadog', dda);
  dv.s(`  appKey: ${ddp}`, 'datadog', ddp);
  dv.d('  apiKeyExistingSecret: ""', 'empty');
  dv.l('clusterAgent:', '  enabled: true');
  dv.s(`  token: "${cat}"`, 'generic', cat);
}

// ---- Kustomize ---------------------------------------------------------------------------------

function kustomize(repo, t, h) {
  const k = repo.file('deploy/kustomize/risk-engine/overlays/prod/kustomization.yaml', 'kustomize');
  const pls = h.plaidSecret();
  const ok = h.oktaToken();
  const pd = h.pdRouting();
  const xa = h.xapp();
  k.l(
    'apiVersion: kustomize.config.k8s.io/v1beta1',
    'kind: Kustomization',
    'namespace: risk',
    'resources:',
    '  - ../../base',
    'secretGenerator:',
    '  - name: risk-engine-keys',
    '    literals:',
  );
  k.s(`      - PLAID_SECRET=${pls}`, 'plaid', pls);
  k.s(`      - OKTA_API_TOKEN=${ok}`, 'okta', ok);
  k.s(`      - PAGERDUTY_ROUTING_KEY=${pd}`, 'pagerduty', pd);
  k.s(`      - SLACK_APP_TOKEN=${xa}`, 'slack', xa);
  k.d('      - SPRING_PROFILES_ACTIVE=prod', 'plain setting');
  k.l('    envs:');
  k.d('      - secrets.env', 'file reference');
  k.l('  - name: risk-engine-tls', '    files:');
  k.d('      - tls.key=certs/risk-engine.key', 'file reference');
  k.l('images:', '  - name: risk-engine');
  k.d(`    digest: ${h.digest()}`, 'image digest');

  const st = repo.file('deploy/kustomize/risk-engine/overlays/staging/kustomization.yaml', 'kustomize');
  const spw = h.pw();
  st.l(
    'apiVersion: kustomize.config.k8s.io/v1beta1',
    'kind: Kustomization',
    'resources:',
    '  - ../../base',
    'configMapGenerator:',
    '  - name: risk-engine-config',
    '    literals:',
  );
  st.d('      - PLAID_ENV=sandbox', 'plain setting');
  st.d(`      - SNOWFLAKE_ACCOUNT=${h.snowAcct()}`, 'snowflake account');
  st.l('secretGenerator:', '  - name: risk-engine-db', '    literals:', '      - username=risk_svc');
  st.s(`      - password=${spw}`, 'generic', spw);
}

// ---- Terraform ---------------------------------------------------------------------------------

function terraform(repo, t, h) {
  const p = repo.file('infra/terraform/providers.tf', 'terraform');
  const aid = t.awsId();
  const asec = t.awsSecret();
  const dda = t.ddApi();
  const ddp = t.ddApp();
  const pdt = h.pdAccount();
  const snow = h.pw();
  p.l('provider "aws" {', '  region     = "eu-west-1"');
  p.s(`  access_key = "${aid}"`, 'aws', aid);
  p.s(`  secret_key = "${asec}"`, 'aws', asec);
  p.l('}', '', 'provider "datadog" {');
  p.s(`  api_key = "${dda}"`, 'datadog', dda);
  p.s(`  app_key = "${ddp}"`, 'datadog', ddp);
  p.l('  api_url = "https://api.datadoghq.eu/"', '}', '', 'provider "pagerduty" {');
  p.s(`  token = "${pdt}"`, 'pagerduty', pdt);
  p.l('}', '', 'provider "snowflake" {');
  p.d(`  account  = "${h.snowAcct().split('.')[0]}"`, 'snowflake account locator');
  p.l('  user     = "TERRAFORM"');
  p.s(`  password = "${snow}"`, 'snowflake', snow);
  p.l('  role     = "SYSADMIN"', '}', '', 'provider "github" {', '  owner = "acme-pay"');
  p.d('  token = var.github_token', 'variable reference');
  p.l('}');

  const r = repo.file('infra/terraform/rds.tf', 'terraform');
  const lpw = h.pw();
  const cpw = h.upw();
  r.l(
    'resource "aws_db_instance" "ledger" {',
    '  identifier        = "ledger-prod"',
    '  engine            = "postgres"',
    '  engine_version    = "16.3"',
    '  instance_class    = "db.r6g.xlarge"',
    '  username          = "ledger_admin"',
  );
  r.s(`  password          = "${lpw}"`, 'generic', lpw);
  r.l('  storage_encrypted = true');
  r.d(`  kms_key_id        = "arn:aws:kms:eu-west-1:${h.awsAcct()}:key/${t.uuid()}"`, 'kms key arn');
  r.l(
    '}',
    '',
    'resource "aws_rds_cluster" "payments" {',
    '  cluster_identifier = "payments-prod"',
    '  engine             = "aurora-postgresql"',
    '  master_username    = "payments_admin"',
  );
  r.s(`  master_password    = "${cpw}"`, 'generic', cpw);
  r.l(
    '}',
    '',
    'resource "aws_rds_cluster" "risk" {',
    '  cluster_identifier          = "risk-prod"',
    '  master_username             = "risk_admin"',
  );
  r.d('  manage_master_user_password = true', 'managed password');
  r.l('}', '', 'resource "aws_db_instance" "backoffice" {', '  identifier = "backoffice-prod"');
  r.d('  password   = var.backoffice_db_password', 'variable reference');
  r.l('}');

  const tv = repo.file('infra/terraform/envs/prod.tfvars', 'terraform');
  const bpw = h.pw();
  const sk = t.stripeLive();
  const ok = h.oktaToken();
  const sl = t.slackWebhook();
  tv.d(`aws_account_id          = "${h.awsAcct()}"`, 'aws account id');
  tv.d(`vpc_id                  = "vpc-${t.pick(HEX, 17)}"`, 'vpc id');
  tv.s(`backoffice_db_password  = "${bpw}"`, 'generic', bpw);
  tv.s(`stripe_secret_key       = "${sk}"`, 'stripe', sk);
  tv.s(`okta_api_token          = "${ok}"`, 'okta', ok);
  tv.s(`slack_alerts_webhook    = "${sl}"`, 'slack', sl);
  tv.d(`certificate_arn         = "arn:aws:acm:eu-west-1:${h.awsAcct()}:certificate/${t.uuid()}"`, 'acm arn');

  const sm = repo.file('infra/terraform/secrets.tf', 'terraform');
  const spw = h.pw();
  sm.l(
    'resource "random_password" "recon" {',
    '  length  = 32',
    '  special = true',
    '}',
    '',
    'resource "aws_secretsmanager_secret_version" "snowflake_etl" {',
    '  secret_id     = aws_secretsmanager_secret.snowflake_etl.id',
    '  secret_string = jsonencode({',
    '    user     = "ETL_LOADER"',
  );
  sm.s(`    password = "${spw}"`, 'generic', spw);
  sm.l(
    '  })',
    '}',
    '',
    'resource "aws_secretsmanager_secret_version" "recon" {',
    '  secret_id     = aws_secretsmanager_secret.recon.id',
  );
  sm.d('  secret_string = random_password.recon.result', 'resource reference');
  sm.l('}');
  sm.d(`# ciphertext_blob = "${h.kmsBlob()}"`, 'kms ciphertext');

  const vr = repo.file('infra/terraform/modules/rds/variables.tf', 'terraform');
  vr.l('variable "master_password" {', '  type      = string', '  sensitive = true');
  vr.d('  default   = ""', 'empty');
  vr.l('}', '', 'variable "db_password_secret_arn" {', '  type    = string');
  vr.d('  default = "arn:aws:secretsmanager:eu-west-1:000000000000:secret:placeholder"', 'placeholder arn');
  vr.l('}');

  const s = repo.file('infra/terraform/terraform.tfstate.backup', 'terraform');
  const mpw = h.pw();
  const iamId = t.awsId();
  const iamSec = t.awsSecret();
  const smtp = `B${t.mixed(B64, 43)}`;
  s.l('{', '  "version": 4,', '  "terraform_version": "1.8.5",');
  s.d(`  "lineage": "${t.uuid()}",`, 'state lineage uuid');
  s.l(
    '  "resources": [',
    '    {',
    '      "mode": "managed",',
    '      "type": "aws_rds_cluster",',
    '      "name": "payments",',
    '      "instances": [',
    '        {',
    '          "attributes": {',
  );
  s.d(`            "arn": "arn:aws:rds:eu-west-1:${h.awsAcct()}:cluster:payments-prod",`, 'arn');
  s.s(`            "master_password": "${mpw}",`, 'generic', mpw);
  s.l(
    '            "master_username": "payments_admin"',
    '          }',
    '        }',
    '      ]',
    '    },',
    '    {',
    '      "type": "aws_iam_access_key",',
    '      "name": "ses_sender",',
    '      "instances": [',
    '        {',
    '          "attributes": {',
  );
  s.s(`            "id": "${iamId}",`, 'aws', iamId);
  s.s(`            "secret": "${iamSec}",`, 'aws', iamSec);
  s.s(`            "ses_smtp_password_v4": "${smtp}",`, 'aws', smtp);
  s.d('            "encrypted_secret": null,', 'null');
  s.l('            "user": "ses-sender"', '          }', '        }', '      ]', '    }', '  ]', '}');

  const lk = repo.file('infra/terraform/.terraform.lock.hcl', 'terraform');
  lk.l('provider "registry.terraform.io/hashicorp/aws" {', '  version = "5.62.0"', '  hashes = [');
  lk.d(`    "h1:${t.mixed(B64, 43)}=",`, 'provider hash');
  lk.d(`    "zh:${t.sha256()}",`, 'provider hash');
  lk.l('  ]', '}');
}

// ---- Docker ------------------------------------------------------------------------------------

function docker(repo, t, h) {
  const j = repo.file('services/payments-gateway/Dockerfile', 'docker');
  const mvn = h.pw();
  const dbpw = h.pw();
  j.d(`FROM eclipse-temurin:21-jdk@${h.digest()} AS build`, 'image digest');
  j.s(`ARG MAVEN_REPO_PASSWORD=${mvn}`, 'generic', mvn);
  j.d('ARG MAVEN_REPO_USER', 'arg without value');
  j.l('COPY . /src', 'RUN ./mvnw -s .mvn/settings.xml -B package -DskipTests');
  j.d(`FROM eclipse-temurin:21-jre@${h.digest()}`, 'image digest');
  j.s(`ENV SPRING_DATASOURCE_PASSWORD=${dbpw}`, 'generic', dbpw);
  j.l(
    'ENV SPRING_PROFILES_ACTIVE=prod',
    'COPY --from=build /src/target/app.jar /app.jar',
    'ENTRYPOINT ["java","-jar","/app.jar"]',
  );

  const n = repo.file('services/merchant-portal-api/Dockerfile', 'docker');
  const npm = t.npm();
  const sen = h.sentryUser();
  n.d(`FROM node:20-bookworm-slim@${h.digest()} AS deps`, 'image digest');
  n.s(`ARG NPM_TOKEN=${npm}`, 'npm', npm);
  n.d('RUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci && rm .npmrc', 'variable');
  n.s(`ENV SENTRY_AUTH_TOKEN=${sen}`, 'sentry', sen);
  n.l('RUN npx sentry-cli sourcemaps upload dist/', 'CMD ["node", "dist/main.js"]');

  const p = repo.file('services/risk-analytics/Dockerfile', 'docker');
  const snow = h.pw();
  const pip = h.upw();
  p.d(`FROM python:3.11-slim@${h.digest()}`, 'image digest');
  p.s(`ENV SNOWFLAKE_PASSWORD="${snow}"`, 'snowflake', snow);
  p.s(`ENV PIP_EXTRA_INDEX_URL=https://deploy:${pip}@pypi.acme-pay.internal/simple`, 'generic', pip);
  p.d(
    'RUN pip install --index-url "https://aws:${CODEARTIFACT_AUTH_TOKEN}@acme-pay-123456789012.d.codeartifact.eu-west-1.amazonaws.com/pypi/internal/simple/" -r requirements.txt',
    'variable',
  );
  p.l('CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0"]');

  const dc = repo.file('docker-compose.yml', 'docker');
  const sk = t.stripeLive();
  dc.l('services:', '  postgres:', '    image: postgres:16', '    environment:', '      POSTGRES_USER: postgres');
  dc.d('      POSTGRES_PASSWORD: postgres', 'local default');
  dc.l('  localstack:', '    image: localstack/localstack:3.5', '    environment:');
  dc.d('      AWS_ACCESS_KEY_ID: test', 'localstack default');
  dc.d('      AWS_SECRET_ACCESS_KEY: test', 'localstack default');
  dc.l('  portal:', '    build: ./services/merchant-portal-api', '    environment:');
  dc.d('      DATABASE_URL: postgresql://postgres:postgres@postgres:5432/portal', 'local default');
  dc.s(`      STRIPE_SECRET_KEY: ${sk}`, 'stripe', sk);
  dc.d('      PLAID_SECRET: ${PLAID_SECRET:-}', 'variable');
  dc.l('  datadog-agent:', '    image: gcr.io/datadoghq/agent:7', '    environment:');
  dc.d('      - DD_API_KEY=${DD_API_KEY}', 'variable');
  dc.l('      - DD_SITE=datadoghq.eu');
}

// ---- CI ----------------------------------------------------------------------------------------

function ci(repo, t, h) {
  const w = repo.file('.github/workflows/deploy-payments.yml', 'ci');
  const aid = t.awsId();
  const asec = t.awsSecret();
  const sl = t.slackWebhook();
  const gh = t.github();
  w.l('name: deploy-payments', 'on:', '  push:', '    branches: [main]', 'env:', '  AWS_REGION: eu-west-1');
  w.s(`  AWS_ACCESS_KEY_ID: ${aid}`, 'aws', aid);
  w.s(`  AWS_SECRET_ACCESS_KEY: ${asec}`, 'aws', asec);
  w.s(`  SLACK_WEBHOOK_URL: ${sl}`, 'slack', sl);
  w.l('jobs:', '  deploy:', '    runs-on: ubuntu-latest', '    steps:');
  w.d(`      - uses: actions/checkout@${t.sha1()} # v4.1.7`, 'pinned action sha');
  w.d(`      - uses: aws-actions/configure-aws-credentials@${t.sha1()} # v4`, 'pinned action sha');
  w.l('        with:');
  w.d(`          role-to-assume: arn:aws:iam::${h.awsAcct()}:role/gha-deploy`, 'role arn');
  w.l('      - uses: actions/checkout@v4', '        with:', '          repository: acme-pay/helm-charts');
  w.s(`          token: ${gh}`, 'github', gh);
  w.l(
    '      - run: helm upgrade --install payments-gateway deploy/helm/payments-gateway -f deploy/helm/payments-gateway/values-prod.yaml',
    '        env:',
  );
  w.d('          DATADOG_API_KEY: ${{ secrets.DATADOG_API_KEY }}', 'secrets reference');
  w.d('          STRIPE_SECRET_KEY: ${{ secrets.STRIPE_SECRET_KEY }}', 'secrets reference');

  const nr = repo.file('.github/workflows/nightly-recon.yml', 'ci');
  const pd = h.pdToken();
  const dd = t.ddApi();
  const snow = h.pw();
  nr.l(
    'name: nightly-recon',
    'on:',
    '  schedule:',
    '    - cron: "30 2 * * *"',
    'jobs:',
    '  recon:',
    '    runs-on: ubuntu-latest',
    '    env:',
  );
  nr.d('      SNOWFLAKE_PASSWORD: ${{ secrets.SNOWFLAKE_PASSWORD }}', 'secrets reference');
  nr.s(`      DD_API_KEY: ${dd}`, 'datadog', dd);
  nr.l(
    '    steps:',
    '      - run: dotnet run --project services/reconciliation/src/Acme.Reconciliation.Job',
    '      - if: failure()',
  );
  nr.s(
    `        run: curl -sS -X POST https://api.pagerduty.com/incidents -H "Authorization: Token token=${pd}" -H "From: fin-ops@acme-pay.io" -d @incident.json`,
    'pagerduty',
    pd,
  );
  nr.l('      - name: export to snowflake');
  nr.s(
    `        run: snowsql -a ${h.snowAcct()} -u RECON_SVC -q "PUT file://out/*.csv @recon_stage" --variable pw='${snow}'`,
    'snowflake',
    snow,
  );

  const gl = repo.file('.gitlab-ci.yml', 'ci');
  const rpw = h.upw();
  const glp = t.gitlab();
  const npw = h.upw();
  const sen = h.sentryOrg();
  gl.l('stages: [build, deploy]', 'variables:', '  DOCKER_DRIVER: overlay2');
  gl.s(
    `  DOCKER_AUTH_CONFIG: '{"auths":{"registry.acme-pay.io":{"auth":"${h.b64(`ci-push:${rpw}`)}"}}}'`,
    'generic',
    rpw,
  );
  gl.s(`  GITLAB_API_TOKEN: ${glp}`, 'gitlab', glp);
  gl.s(`  SENTRY_AUTH_TOKEN: "${sen}"`, 'sentry', sen);
  gl.d('  CI_REGISTRY_PASSWORD: $CI_JOB_TOKEN', 'variable');
  gl.l('build-onboarding:', '  stage: build', '  script:');
  gl.d('    - docker login -u "$CI_REGISTRY_USER" -p "$CI_REGISTRY_PASSWORD" "$CI_REGISTRY"', 'variables');
  gl.s(
    `    - curl -fsS -u "deploy:${npw}" https://nexus.acme-pay.internal/repository/gems/api/v1/gems -T pkg/onboarding.gem`,
    'generic',
    npw,
  );
  gl.l(
    'deploy-onboarding:',
    '  stage: deploy',
    '  script:',
    '    - kubectl -n onboarding rollout restart deploy/onboarding',
  );
  gl.d(`  needs: ["build-onboarding"]  # pipeline ${t.sha1().slice(0, 8)}`, 'short sha');
}

// ---- logs --------------------------------------------------------------------------------------

function logs(repo, t, h) {
  const j = repo.file('logs/payments-gateway/app-2026-03-14.jsonl', 'logs');
  const sk = t.stripeLive();
  const dbpw = h.upw();
  const pls = h.plaidSecret();
  const J = JSON.stringify;
  const ts = (s) => `2026-03-14T08:${s}Z`;
  j.d(
    J({ ts: ts('00:01.114'), level: 'INFO', msg: 'started', trace_id: h.traceId(), span_id: h.spanId() }),
    'otel trace/span ids',
  );
  j.s(
    J({
      ts: ts('00:02.551'),
      level: 'DEBUG',
      logger: 'okhttp3',
      msg: 'request',
      headers: { authorization: `Bearer ${sk}`, 'idempotency-key': t.uuid() },
    }),
    'stripe',
    sk,
  );
  j.s(
    J({
      ts: ts('00:03.002'),
      level: 'WARN',
      logger: 'com.zaxxer.hikari',
      msg: `retrying jdbc:postgresql://payments_app:${dbpw}@payments-db.prod.internal:5432/payments`,
    }),
    'database',
    dbpw,
  );
  j.s(
    J({
      ts: ts('00:04.310'),
      level: 'DEBUG',
      logger: 'plaid',
      msg: 'POST /transactions/sync',
      body: { client_id: h.plaidClientId(), secret: pls, count: 500 },
    }),
    'plaid',
    pls,
  );
  j.d(
    J({
      ts: ts('00:05.000'),
      level: 'INFO',
      msg: 'charge ok',
      card: '424242******4242',
      amount: 12500,
      customer: `cus_${t.alnum(14)}`,
    }),
    'masked card',
  );
  j.d(
    J({
      ts: ts('00:05.120'),
      level: 'DEBUG',
      msg: 'plaid request',
      body: { client_id: h.plaidClientId(), secret: '[REDACTED]' },
    }),
    'redacted',
  );
  j.d(
    J({
      ts: ts('00:06.000'),
      level: 'INFO',
      msg: 'webhook verified',
      'stripe-signature': `t=1773475206,v1=${t.sha256()}`,
    }),
    'signature',
  );
  j.d(
    J({
      ts: ts('00:07.000'),
      level: 'INFO',
      msg: 'adyen notification',
      pspReference: t.digits(16),
      merchantAccountCode: 'AcmePaymentsECOM',
    }),
    'psp reference',
  );

  const c = repo.file('logs/ci/deploy-ledger-4812.log', 'logs');
  const asec = t.awsSecret();
  const aid = h.asia();
  const stok = h.sessionToken();
  const ghs = t.github('ghs_');
  c.l('2026-03-13T22:01:03.1180000Z ##[group]Run aws configure');
  c.d('2026-03-13T22:01:03.1190000Z aws configure set aws_secret_access_key ***', 'masked by runner');
  c.l('2026-03-13T22:01:03.1200000Z ##[endgroup]', '2026-03-13T22:01:04.0000000Z + export AWS_REGION=eu-west-1');
  c.s(`2026-03-13T22:01:04.0010000Z + export AWS_ACCESS_KEY_ID=${aid}`, 'aws', aid);
  c.s(`2026-03-13T22:01:04.0020000Z + export AWS_SECRET_ACCESS_KEY=${asec}`, 'aws', asec);
  c.s(`2026-03-13T22:01:04.0030000Z + export AWS_SESSION_TOKEN=${stok}`, 'aws', stok);
  c.s(
    `2026-03-13T22:01:05.4410000Z + git clone https://x-access-token:${ghs}@github.com/acme-pay/helm-charts.git`,
    'github',
    ghs,
  );
  c.d(`2026-03-13T22:01:09.9000000Z #12 writing image ${h.digest()} done`, 'image digest');
  c.d('2026-03-13T22:01:10.0000000Z Login Succeeded', 'log line');

  const kd = repo.file('logs/k8s/kubectl-describe-pod-ledger-7d9c5b6f4-x2kqp.txt', 'logs');
  const dbpw2 = h.upw();
  const dd = t.ddApi();
  const tok = h.pw();
  kd.l('Name:             ledger-7d9c5b6f4-x2kqp', 'Namespace:        ledger', 'Containers:', '  ledger:');
  kd.d(`    Container ID:   containerd://${t.sha256()}`, 'container id');
  kd.d(`    Image ID:       ${h.awsAcct()}.dkr.ecr.eu-west-1.amazonaws.com/ledger@${h.digest()}`, 'image digest');
  kd.l('    Environment Variables from:', '      ledger-config  ConfigMap  Optional: false', '    Environment:');
  kd.s(
    `      DATABASE_URL:        postgres://ledger_rw:${dbpw2}@ledger-db.prod.internal:5432/ledger?sslmode=require`,
    'database',
    dbpw2,
  );
  kd.s(`      DD_API_KEY:          ${dd}`, 'datadog', dd);
  kd.d(
    "      DB_PASSWORD:         <set to the key 'password' in secret 'ledger-db'>  Optional: false",
    'secret reference',
  );
  kd.s(`      LEDGER_ADMIN_TOKEN:  ${tok}`, 'generic', tok);
  kd.d('      POD_IP:               (v1:status.podIP)', 'field ref');

  const ks = repo.file('logs/k8s/kubectl-describe-secret-ledger-db.txt', 'logs');
  ks.l('Name:         ledger-db', 'Namespace:    ledger', 'Type:  Opaque', '', 'Data', '====');
  ks.d('password:  24 bytes', 'byte count only');
  ks.d('username:  9 bytes', 'byte count only');

  const cw = repo.file('logs/notifications/celery-worker.log', 'logs');
  const tw = t.twilioToken();
  const sg = t.sendgrid();
  cw.d(
    '[2026-03-14 06:00:01,113: INFO/MainProcess] Connected to amqp://notify:**@rabbitmq.prod.internal:5672/notify',
    'masked',
  );
  cw.s(
    `[2026-03-14 06:00:04,882: ERROR/ForkPoolWorker-3] TwilioRestException: HTTP 401 POST /2010-04-01/Accounts/${t.twilioSid()}/Messages.json auth=('${t.twilioSid()}', '${tw}')`,
    'twilio',
    tw,
  );
  cw.s(
    `[2026-03-14 06:00:05,001: DEBUG/ForkPoolWorker-1] sendgrid: POST /v3/mail/send headers={'Authorization': 'Bearer ${sg}'}`,
    'sendgrid',
    sg,
  );
  cw.d(
    `[2026-03-14 06:00:06,000: INFO/ForkPoolWorker-1] Task app.tasks.send_sms[${t.uuid()}] succeeded in 0.41s`,
    'task uuid',
  );
}

// ---- misc: scripts, docs, keys, postman, vendor configs ----------------------------------------

function misc(repo, t, h) {
  const ro = repo.file('scripts/okta/deactivate-leavers.sh', 'shell');
  const ok = h.oktaToken();
  ro.l('#!/usr/bin/env bash', 'set -euo pipefail', 'OKTA_ORG=https://acme-pay.okta.com');
  ro.s(`OKTA_TOKEN="${ok}"`, 'okta', ok);
  ro.d(
    'curl -s -H "Authorization: SSWS ${OKTA_TOKEN}" "$OKTA_ORG/api/v1/users?filter=status+eq+%22SUSPENDED%22"',
    'variable',
  );
  const ok2 = h.oktaToken();
  ro.s(`curl -s -X POST -H "Authorization: SSWS ${ok2}" "$OKTA_ORG/api/v1/users/$1/lifecycle/deactivate"`, 'okta', ok2);

  const rb = repo.file('docs/runbooks/psp-outage.md', 'docs');
  const pd = h.pdRouting();
  const ak = h.adyenKey();
  rb.l(
    '# PSP outage runbook',
    '',
    '1. Check https://status.adyen.com and the #payments-incidents channel.',
    '2. Trigger the PagerDuty incident manually if the monitor did not:',
    '',
    '```sh',
  );
  rb.s(
    `curl -X POST https://events.pagerduty.com/v2/enqueue -d '{"routing_key":"${pd}","event_action":"trigger","payload":{"summary":"PSP down","source":"runbook","severity":"critical"}}'`,
    'pagerduty',
    pd,
  );
  rb.l('```', '', '3. Fail over to the Adyen backup merchant account with the break-glass key:', '');
  rb.s(`    ADYEN_API_KEY=${ak}`, 'adyen', ak);
  rb.l('');
  rb.d('4. Everything else lives in Vault: `vault kv get secret/prod/payments-gateway`.', 'vault path');
  rb.d('5. Rotate the Stripe key in the dashboard (Developers > API keys > Roll key).', 'prose');

  const pdoc = repo.file('docs/integrations/plaid.md', 'docs');
  pdoc.l('# Plaid integration', '', 'Sandbox test credentials (from the Plaid docs):', '');
  pdoc.d('- username: `user_good`, password: `pass_good`', 'plaid documented sandbox credentials');
  pdoc.d('- MFA code: `1234`', 'documented test code');
  pdoc.d(`- Our client_id: \`${h.plaidClientId()}\` (not secret; the secret is in Vault)`, 'plaid client id');
  pdoc.d('- Example IBAN for SEPA tests: `DE89370400440532013000`', 'documented example iban');
  pdoc.d('- Stripe test card: `4242 4242 4242 4242`, any CVC', 'test card');

  const pm = repo.file('tools/postman/acme-pay-prod.postman_environment.json', 'postman');
  const pls = h.plaidSecret();
  const jwt = t.jwt();
  const ak2 = h.adyenKey();
  pm.l('{');
  pm.d(`  "id": "${t.uuid()}",`, 'environment id');
  pm.l('  "name": "acme-pay prod",', '  "values": [');
  pm.d(`    { "key": "plaid_client_id", "value": "${h.plaidClientId()}", "enabled": true },`, 'plaid client id');
  pm.s(`    { "key": "plaid_secret", "value": "${pls}", "type": "secret", "enabled": true },`, 'plaid', pls);
  pm.s(`    { "key": "adyen_api_key", "value": "${ak2}", "type": "secret", "enabled": true },`, 'adyen', ak2);
  pm.s(`    { "key": "okta_access_token", "value": "${jwt}", "enabled": true },`, 'jwt', jwt);
  pm.d('    { "key": "stripe_key", "value": "{{STRIPE_KEY}}", "enabled": true }', 'postman variable');
  pm.l('  ],', '  "_postman_variable_scope": "environment"', '}');

  const http = repo.file('services/merchant-portal-api/requests/merchants.http', 'node');
  const jwt2 = t.jwt();
  http.l('### list merchants (prod)', 'GET https://portal-api.acme-pay.io/v1/merchants?limit=20');
  http.s(`Authorization: Bearer ${jwt2}`, 'jwt', jwt2);
  http.l('', '### local');
  http.d('GET http://localhost:3000/v1/merchants', 'url');
  http.d('Authorization: Bearer {{token}}', 'variable');

  const sc = repo.file('.sentryclirc', 'vendor');
  const su = h.sentryUser();
  sc.l('[defaults]', 'url = https://sentry.io/', 'org = acme-pay', 'project = merchant-portal-api', '', '[auth]');
  sc.s(`token = ${su}`, 'sentry', su);

  const dbt = repo.file('analytics/dbt/profiles.yml', 'vendor');
  const snow = h.pw();
  const pp = h.pw();
  dbt.l('acme_finance:', '  target: prod', '  outputs:', '    prod:', '      type: snowflake');
  dbt.d(`      account: ${h.snowAcct()}`, 'snowflake account');
  dbt.l('      user: DBT_PROD');
  dbt.s(`      password: "${snow}"`, 'snowflake', snow);
  dbt.l(
    '      role: TRANSFORMER',
    '      warehouse: TRANSFORM_WH',
    '    ci:',
    '      type: snowflake',
    '      user: DBT_CI',
  );
  dbt.d('      private_key_path: /secrets/dbt_ci_rsa_key.p8', 'file path');
  dbt.s(`      private_key_passphrase: ${pp}`, 'snowflake', pp);
  dbt.d('      password: "{{ env_var(\'DBT_PASSWORD\') }}"', 'jinja env_var');

  const p8 = repo.file('analytics/dbt/keys/dbt_ci_rsa_key.p8', 'keys');
  const pem = t.pkcs8Pem();
  p8.s(pem, 'private-key', pem.join('\n'));
  const p8e = repo.file('analytics/dbt/keys/dbt_prod_rsa_key.p8', 'keys');
  p8e.d(
    [
      '-----BEGIN ENCRYPTED PRIVATE KEY-----',
      `MIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQI${t.mixed(B64, 16)}`,
      ...Array.from({ length: 6 }, () => t.mixed(B64, 64)),
      '-----END ENCRYPTED PRIVATE KEY-----',
    ],
    'encrypted private key (passphrase elsewhere)',
  );
  const pub = repo.file('analytics/dbt/keys/dbt_ci_rsa_key.pub', 'keys');
  pub.d(
    [
      '-----BEGIN PUBLIC KEY-----',
      `MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA${t.mixed(B64, 20)}`,
      t.mixed(B64, 64),
      t.mixed(B64, 64),
      '-----END PUBLIC KEY-----',
    ],
    'public key',
  );

  const dk = repo.file('.github/deploy-keys/helm-charts_ed25519', 'keys');
  const os = t.opensshPem();
  dk.s(os, 'private-key', os.join('\n'));

  const jw = repo.file('services/merchant-portal-api/src/auth/jwks.json', 'node');
  jw.l('{"keys":[{');
  jw.d(`  "kid": "${t.mixed(URLSAFE, 43)}",`, 'jwks key id');
  jw.l('  "kty": "RSA", "alg": "RS256", "use": "sig", "e": "AQAB",');
  jw.d(`  "n": "${t.mixed(URLSAFE, 342)}"`, 'rsa public modulus');
  jw.l('}]}');

  const sops = repo.file('deploy/secrets/ledger.prod.enc.yaml', 'encrypted');
  sops.d(`stripe_secret_key: ${h.sops(32)}`, 'sops ciphertext');
  sops.d(`plaid_secret: ${h.sops(40)}`, 'sops ciphertext');
  sops.l('sops:', '    kms:');
  sops.d(`        - arn: arn:aws:kms:eu-west-1:${h.awsAcct()}:key/${t.uuid()}`, 'kms arn');
  sops.d(`          enc: ${h.kmsBlob()}`, 'kms encrypted data key');
  sops.d(`    mac: ${h.sops(88)}`, 'sops mac');
  sops.l('    version: 3.9.0');

  const sl = repo.file('services/notifications/app/slack.py', 'python');
  const xb = t.slackBot();
  sl.l('from slack_sdk import WebClient', '');
  sl.s(`client = WebClient(token="${xb}")`, 'slack', xb);
  sl.d('CHANNEL_ID = "C05QK2Z7H1M"', 'slack channel id');
  sl.d('APP_ID = "A06B1R4K9TS"', 'slack app id');

  const gi = repo.file('.gitleaksignore', 'config');
  gi.d(`${t.sha1()}:services/ledger/internal/psp/adyen_test.go:generic-api-key:9`, 'gitleaks fingerprint');

  const ck = repo.file('CODEOWNERS', 'config');
  ck.l('/services/ledger/ @acme-pay/ledger', '/infra/ @acme-pay/platform');
  ck.d('/deploy/secrets/ @acme-pay/security  # secret, token, password changes need security review', 'prose');
}
