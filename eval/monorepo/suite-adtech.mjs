// Suite "adtech": the monorepo of an advertising-technology company on AWS. A Go bidder, a Java
// reporting service, Python attribution jobs on Airflow, a C++ ad server, a TypeScript dashboard and
// Node API, Ruby billing, a Rust event collector and Bash ops scripts, with their EKS/Helm, CDK,
// Terraform, Spinnaker, Jenkins, GitHub Actions, Docker and Kafka configs, a campaign-analytics
// notebook and the logs such a company leaves lying around.
import { ALNUM, HEX, B64, URLSAFE, UPPER, DIGIT, BASE32, Repo, makeTokens, mulberry32 } from './generate.mjs';

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 7919 + 421);
  const t = makeTokens(rand);
  const repo = new Repo();
  const h = helpers(t);

  bidder(repo, t, h);
  reporting(repo, t, h);
  attribution(repo, t, h);
  adserver(repo, t, h);
  dashboard(repo, t, h);
  nodeApi(repo, t, h);
  billing(repo, t, h);
  collector(repo, t, h);
  opsScripts(repo, t, h);
  kubernetes(repo, t, h);
  cdk(repo, t, h);
  terraform(repo, t, h);
  spinnaker(repo, t, h);
  ciPipelines(repo, t, h);
  docker(repo, t, h);
  kafkaPlatform(repo, t, h);
  notebook(repo, t, h);
  logs(repo, t, h);
  adtechData(repo, t, h);
  docs(repo, t, h);
  return repo;
}

function helpers(t) {
  const b64 = (n) => t.mixed(B64, n);
  const url = (n) => t.mixed(URLSAFE, n);
  const enc = (s) => Buffer.from(s).toString('base64');
  const b64url = (s) => Buffer.from(s).toString('base64url');
  const bytes = (n) => {
    const out = [];
    for (let i = 0; i < n; i++) out.push(parseInt(t.pick(HEX, 2), 16));
    return Buffer.from(out);
  };
  let sentryIat = 1717000000;
  return {
    b64,
    url,
    enc,
    b64url,
    pw: () => t.password(),
    // URL-safe password: what people paste into connection strings.
    pwA: () => `${t.password().replace(/[^A-Za-z0-9]/g, '')}${t.alnum(4)}`,
    gen: (n = 24) => t.alnum(n),
    opensslB64: () => bytes(24).toString('base64'),
    asia: () => `ASIA${t.mixed(BASE32, 16)}`,
    aroa: () => `AROA${t.mixed(BASE32, 17)}`,
    stsToken: () =>
      `IQoJb3JpZ2luX2VjE${t.pick('ABCDEFGHIJKLMNOP', 1)}${t.pick(ALNUM, 1)}//////////wEaCXVzLWVhc3QtMSJHMEUCI${b64(620)}`,
    stsOld: () => `FwoGZXIvYXdzE${t.pick(ALNUM, 2)}${b64(298)}`,
    account: () => t.digits(12),
    gocspx: () => `GOCSPX-${url(28)}`,
    adsDevToken: () => url(22),
    gRefresh: () => `1//0${t.pick(ALNUM, 1)}${url(101)}`,
    gClientId: () => `${t.digits(12)}-${t.lower(32)}.apps.googleusercontent.com`,
    customerId: () => `${t.digits(3)}-${t.pick(DIGIT, 3)}-${t.pick(DIGIT, 4)}`,
    fbToken: () => `EAA${t.pick('BGIJKLNOPRSTUVZ', 1)}${t.alnum(186)}`,
    fbId: () => t.digits(16),
    dapi: () => `dapi${t.hex(32)}`,
    cfltKey: () => t.mixed(UPPER + DIGIT, 16),
    cfltSecret: () => b64(64),
    nrak: () => `NRAK-${t.mixed(UPPER + DIGIT, 27)}`,
    nrLicense: () => `${t.hex(36)}NRAL`,
    nrInsert: () => `NRII-${url(32)}`,
    nrjs: () => `NRJS-${t.pick(HEX, 19)}`,
    sntrys: () => {
      sentryIat += 86413;
      const payload = enc(
        JSON.stringify({
          iat: sentryIat,
          url: 'https://sentry.io',
          region_url: 'https://us.sentry.io',
          org: 'acme-ads',
        }),
      ).replace(/=+$/, '');
      return `sntrys_${payload}_${t.alnum(43)}`;
    },
    sntryu: () => `sntryu_${t.hex(64)}`,
    dsn: () => `https://${t.pick(HEX, 32)}@o${t.digits(6)}.ingest.us.sentry.io/${t.digits(7)}`,
    mmk: () => `${t.alnum(6)}_${t.alnum(29)}_mmk`,
    cfToken: () => t.cloudflare(),
    cfGlobal: () => t.hex(37),
    cfTunnel: () => enc(JSON.stringify({ a: t.hex(32), t: t.uuid(), s: bytes(32).toString('base64') })),
    ghFine: () => `github_pat_11${t.mixed(UPPER + DIGIT, 20)}_${t.alnum(59)}`,
    xoxp: () => `xoxp-${t.digits(12)}-${t.digits(12)}-${t.digits(13)}-${t.hex(32)}`,
    xapp: () => `xapp-1-A${t.mixed(UPPER + DIGIT, 10)}-${t.digits(13)}-${t.hex(64)}`,
    mapbox: (p) => `${p}.${b64url(JSON.stringify({ u: 'acme-ads', a: t.lower(25) }))}.${url(22)}`,
    squ: () => `squ_${t.hex(40)}`,
    tfc: () => `${t.alnum(14)}.atlasv1.${t.alnum(67)}`,
    dckr: () => `dckr_pat_${url(27)}`,
    fernet: () => bytes(32).toString('base64url') + '=',
    whsec: () => `whsec_${t.alnum(32)}`,
    pkLive: () => `pk_live_51${t.alnum(97)}`,
    rum: () => `pub${t.pick(HEX, 32)}`,
    akcp: () => `AKCp8${t.alnum(68)}`,
    reftkn: () => enc(`reftkn:01:${t.digits(10)}:${t.alnum(32)}`),
    sesSmtp: () => `B${b64(43)}`,
    kmsBlob: () => `AQICAHh${b64(58)}AAAAfjB8BgkqhkiG9w0BBwagbzBtAgEAMGgGCSqGSIb3DQEHATAeBglghkgBZQMEAS4w${b64(96)}`,
    consent: () => `CQ${url(10)}AAGABCENBDCgAP_AAH_AAAqI${url(96)}.YAAAAAAAAAAA`,
    gclid: () => `Cj0KCQjw${url(80)}_BwE`,
    fbclid: () => `IwAR${url(56)}`,
    adUnit: (net, path) => `/${net}/${path}`,
    ttdId: () => t.lower(7),
    md5: () => t.pick(HEX, 32),
    ecr: (acct, name) => `${acct}.dkr.ecr.us-east-1.amazonaws.com/${name}`,
    s3Etag: () => `"${t.pick(HEX, 32)}"`,
  };
}

// Shared identities that recur across files, as in a real company.
const NET = '21812345678';
const SF_ACCOUNT = 'xy12345.us-east-1';

// ---- Go bidder -----------------------------------------------------------------------------

function bidder(repo, t, h) {
  const c = repo.file('services/bidder/internal/config/config.go', 'go');
  c.l('package config', '', 'import (', '\t"os"', '\t"time"', ')', '', 'type Redis struct {');
  c.l('\tAddr     string `yaml:"addr" envconfig:"BIDDER_REDIS_ADDR"`');
  const tagPw = h.pw();
  c.s(`\tPassword string \`yaml:"password" envconfig:"BIDDER_REDIS_PASSWORD" default:"${tagPw}"\``, 'generic', tagPw);
  c.l('\tDB       int    `yaml:"db"`', '}', '', 'type Aerospike struct {', '\tHosts     []string `yaml:"hosts"`');
  c.l('\tUser      string   `yaml:"user"`');
  c.d('\tPassword  string   `yaml:"password" envconfig:"BIDDER_AEROSPIKE_PASSWORD"`', 'struct tag, key name only');
  c.l('\tNamespace string   `yaml:"namespace"`', '}', '');
  c.l('type MaxMind struct {', '\tAccountID  int    `yaml:"account_id"`');
  c.d('\tLicenseKey string `yaml:"license_key" envconfig:"MAXMIND_LICENSE_KEY" required:"true"`', 'key name only');
  c.l('}', '', '// Defaults used when no config file is mounted (local runs and staging).', 'var Defaults = Config{');
  c.l('\tRedis: Redis{', '\t\tAddr:     "bidder-cache.prod.use1.cache.amazonaws.com:6379",');
  const redisPw = h.pw();
  c.s(`\t\tPassword: "${redisPw}",`, 'generic', redisPw);
  c.l('\t\tDB:       2,', '\t},', '\tAerospike: Aerospike{');
  c.l('\t\tHosts:     []string{"aerospike-0.aerospike.bidder.svc:3000", "aerospike-1.aerospike.bidder.svc:3000"},');
  c.l('\t\tUser:      "bidder",');
  const asPw = h.gen(20);
  c.s(`\t\tPassword:  "${asPw}",`, 'generic', asPw);
  c.l('\t\tNamespace: "frequency_caps",', '\t},', '\tKafka: Kafka{');
  c.l('\t\tBrokers:  []string{"b-1.bidder-msk.k2x7ab.c3.kafka.us-east-1.amazonaws.com:9096"},');
  c.l('\t\tSASLUser: "bidder",');
  c.d('\t\tSASLPassword: os.Getenv("BIDDER_KAFKA_PASSWORD"),', 'env reference');
  c.l('\t},');
  const mm1 = h.mmk();
  c.s(`\tMaxMind:    MaxMind{AccountID: 912345, LicenseKey: "${mm1}"},`, 'maxmind', mm1);
  c.l('\tBidTimeout: 80 * time.Millisecond,', '}');

  const m = repo.file('services/bidder/cmd/bidder/main.go', 'go');
  m.l(
    'package main',
    '',
    'import (',
    '\t"flag"',
    '\t"log"',
    '\t"os"',
    '',
    '\t"github.com/acme-ads/bidder/internal/config"',
    ')',
  );
  m.l('', 'var (', '\tlisten        = flag.String("listen", ":8080", "address for OpenRTB traffic")');
  const flagPw = h.pw();
  m.s(
    `\tredisPassword = flag.String("redis-password", "${flagPw}", "AUTH password for the frequency-cap Redis")`,
    'generic',
    flagPw,
  );
  m.d('\tttdSecret     = flag.String("ttd-api-secret", "", "The Trade Desk partner API secret")', 'empty default');
  m.d(`\tsentryDSN     = flag.String("sentry-dsn", "${h.dsn()}", "Sentry DSN")`, 'sentry dsn (public)');
  m.l(')', '', 'func main() {', '\tvar cfg config.Config');
  const kPw = h.gen(28);
  m.s(
    `\tflag.StringVar(&cfg.Kafka.SASLPassword, "kafka-sasl-password", "${kPw}", "SCRAM-SHA-512 password")`,
    'generic',
    kPw,
  );
  m.d('\tflag.StringVar(&cfg.MaxMind.LicenseKey, "maxmind-license-key", os.Getenv("MAXMIND_LICENSE_KEY"), "")', 'env');
  m.l('\tflag.Parse()', '\tlog.Printf("bidder listening on %s", *listen)', '}');

  const r = repo.file('services/bidder/internal/store/redis.go', 'go');
  r.l(
    'package store',
    '',
    'import "github.com/redis/go-redis/v9"',
    '',
    'func NewFreqCap(cfg config.Redis) *redis.Client {',
  );
  r.l('\treturn redis.NewClient(&redis.Options{', '\t\tAddr:     cfg.Addr,');
  r.d('\t\tPassword: cfg.Password,', 'field reference');
  r.l('\t\tDB:       cfg.DB,', '\t})', '}', '', 'func NewPacing() *redis.Client {');
  r.l(
    '\treturn redis.NewClient(&redis.Options{',
    '\t\tAddr:     "budget-pacing.k2x7ab.ng.0001.use1.cache.amazonaws.com:6379",',
  );
  const pacingPw = h.pw();
  r.s(`\t\tPassword: "${pacingPw}", // TODO: read from cfg once the secret is mounted`, 'generic', pacingPw);
  r.l('\t\tDB:       0,', '\t})', '}', '', 'func NewBudgetStore() (*redis.Client, error) {');
  const urlPw = h.pwA();
  r.s(
    `\topt, err := redis.ParseURL("rediss://default:${urlPw}@budget-store.k2x7ab.ng.0001.use1.cache.amazonaws.com:6380/0")`,
    'database',
    urlPw,
  );
  r.l('\tif err != nil {', '\t\treturn nil, err', '\t}', '\treturn redis.NewClient(opt), nil', '}');

  const a = repo.file('services/bidder/internal/store/aerospike.go', 'go');
  a.l('package store', '', 'import (', '\t"time"', '', '\tas "github.com/aerospike/aerospike-client-go/v7"', ')');
  a.l('', 'func NewProfiles() (*as.Client, error) {', '\tpolicy := as.NewClientPolicy()', '\tpolicy.User = "bidder"');
  const asPw2 = h.pw();
  a.s(`\tpolicy.Password = "${asPw2}"`, 'generic', asPw2);
  a.l(
    '\tpolicy.Timeout = 50 * time.Millisecond',
    '\treturn as.NewClientWithPolicy(policy, "aerospike-0.aerospike.bidder.svc", 3000)',
  );
  a.l('}', '', 'func NewCaps(cfg config.Aerospike) (*as.Client, error) {', '\tpolicy := as.NewClientPolicy()');
  a.l('\tpolicy.User = cfg.User');
  a.d('\tpolicy.Password = cfg.Password', 'field reference');
  a.l('\treturn as.NewClientWithPolicy(policy, cfg.Hosts[0], 3000)', '}');

  const ttd = repo.file('services/bidder/internal/exchange/partners.go', 'go');
  ttd.l(
    'package exchange',
    '',
    'import (',
    '\t"net/http"',
    '',
    '\t"golang.org/x/oauth2"',
    ')',
    '',
    'const (',
    '\tttdBaseURL   = "https://api.thetradedesk.com/v3"',
  );
  ttd.d(`\tttdPartnerID = "${h.ttdId()}"`, 'ttd partner id');
  const ttdSecret = h.url(48);
  ttd.s(`\tttdAPISecret = "${ttdSecret}"`, 'generic', ttdSecret);
  ttd.l(')', '');
  ttd.d(
    `var advertiserIDs = []string{"${h.ttdId()}", "${h.ttdId()}", "${h.ttdId()}", "${h.ttdId()}"}`,
    'ttd advertiser ids',
  );
  ttd.l('', 'func (c *TTDClient) authorize(req *http.Request) {');
  const ttdAuth = h.url(64);
  ttd.s(`\treq.Header.Set("TTD-Auth", "${ttdAuth}")`, 'generic', ttdAuth);
  ttd.l('\treq.Header.Set("Content-Type", "application/json")', '}');
  ttd.l('', 'func (c *TTDClient) authorizeFromEnv(req *http.Request) {');
  ttd.d('\treq.Header.Set("TTD-Auth", c.token)', 'field reference');
  ttd.l('}');

  const dv = ttd;
  dv.l('', 'var dv360OAuth = &oauth2.Config{');
  dv.d(`\tClientID:     "${h.gClientId()}",`, 'oauth client id');
  const dvSecret = h.gocspx();
  dv.s(`\tClientSecret: "${dvSecret}",`, 'gcp', dvSecret);
  dv.l('\tScopes:       []string{"https://www.googleapis.com/auth/display-video"},', '}');
  dv.d(`var dv360Advertisers = []int64{${t.digits(9)}, ${t.digits(9)}, ${t.digits(9)}}`, 'dv360 advertiser ids');
  dv.d(`const dv360LineItemPrefix = "li-${t.digits(10)}"`, 'line item id');

  const dd = repo.file('services/bidder/internal/metrics/datadog.go', 'go');
  dd.l('package metrics', '', 'func withKeys(ctx context.Context) context.Context {');
  dd.l('\treturn context.WithValue(ctx, datadog.ContextAPIKeys, map[string]datadog.APIKey{');
  const ddApi = t.ddApi();
  const ddApp = t.ddApp();
  dd.s(`\t\t"apiKeyAuth": {Key: "${ddApi}"},`, 'datadog', ddApi);
  dd.s(`\t\t"appKeyAuth": {Key: "${ddApp}"},`, 'datadog', ddApp);
  dd.l('\t})', '}');
  dd.d('var statsdAddr = "unix:///var/run/datadog/dsd.socket"', 'socket path');

  const y = repo.file('services/bidder/config/bidder.prod.yaml', 'config');
  y.l('server:', '  listen: ":8080"', '  bid_timeout_ms: 80', 'redis:');
  y.l('  addr: bidder-cache.prod.use1.cache.amazonaws.com:6379');
  const yPw = h.pw();
  y.s(`  password: "${yPw}"`, 'generic', yPw);
  y.l('aerospike:', '  hosts: [aerospike-0.aerospike.bidder.svc:3000]', '  user: bidder');
  y.l('kafka:', '  brokers: [b-1.bidder-msk.k2x7ab.c3.kafka.us-east-1.amazonaws.com:9096]', '  sasl:');
  y.l('    mechanism: SCRAM-SHA-512', '    username: bidder');
  const yK = h.gen(24);
  y.s(`    password: ${yK}`, 'generic', yK);
  y.l('datadog:');
  y.d('  api_key: ${DD_API_KEY}', 'env reference');
  y.l('  site: datadoghq.com', 'exchanges:', '  ttd:');
  y.d(`    partner_id: ${h.ttdId()}`, 'partner id');
  y.d('    api_secret: ${TTD_API_SECRET}', 'env reference');
  y.l('  dv360:');
  y.d(`    client_id: ${h.gClientId()}`, 'oauth client id');
  y.d('    client_secret: ${DV360_CLIENT_SECRET}', 'env reference');
  y.l('sentry:');
  y.d(`  dsn: ${h.dsn()}`, 'sentry dsn');

  const ft = repo.file('services/bidder/internal/exchange/ttd_test.go', 'go');
  ft.l('package exchange', '', 'import "testing"', '');
  ft.d('const fakeTTDAuth = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"', 'fake fixture');
  ft.d('var testRedis = config.Redis{Addr: "localhost:6379", Password: "test"}', 'test fixture');
  ft.d(`var testBidID = "${t.uuid()}"`, 'uuid id');
  ft.l('', 'func TestAuthorize(t *testing.T) {', '\tc := &TTDClient{token: fakeTTDAuth}', '\t_ = c', '}');
}

// ---- Java reporting service ----------------------------------------------------------------

function reporting(repo, t, h) {
  const base = 'services/reporting';
  const p = repo.file(`${base}/src/main/resources/application.properties`, 'java');
  p.l('spring.application.name=reporting');
  p.l(
    'spring.datasource.url=jdbc:postgresql://reporting-db.cluster-c9xk2abcd.us-east-1.rds.amazonaws.com:5432/reporting',
  );
  p.l('spring.datasource.username=reporting_app');
  const dbPw = h.pw();
  p.s(`spring.datasource.password=${dbPw}`, 'generic', dbPw);
  p.l('spring.kafka.bootstrap-servers=b-1.reporting-msk.k2x7ab.c3.kafka.us-east-1.amazonaws.com:9096');
  p.l('spring.kafka.properties.security.protocol=SASL_SSL', 'spring.kafka.properties.sasl.mechanism=SCRAM-SHA-512');
  const scram = h.pw();
  p.s(
    `spring.kafka.properties.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="reporting" password="${scram}";`,
    'generic',
    scram,
  );
  p.d('spring.kafka.ssl.trust-store-password=changeit', 'well-known default truststore password');
  const ks = h.gen(20);
  p.s(`spring.kafka.ssl.key-store-password=${ks}`, 'generic', ks);
  p.d('spring.kafka.properties.schema.registry.url=https://psrc-8vyvr.us-east-2.aws.confluent.cloud', 'url');
  const srKey = h.cfltKey();
  const srSecret = h.cfltSecret();
  p.s(`spring.kafka.properties.basic.auth.user.info=${srKey}:${srSecret}`, 'confluent', srSecret);
  p.d('snowflake.password=${SNOWFLAKE_PASSWORD}', 'spring placeholder');
  const mdd = t.ddApi();
  p.s(`management.datadog.metrics.export.api-key=${mdd}`, 'datadog', mdd);
  p.d('management.datadog.metrics.export.application-key=${DD_APP_KEY:}', 'spring placeholder, empty default');

  const y = repo.file(`${base}/src/main/resources/application-prod.yml`, 'java');
  y.l('spring:', '  datasource:');
  y.d(
    `    url: jdbc:snowflake://${SF_ACCOUNT}.snowflakecomputing.com/?db=REPORTING&warehouse=REPORTING_WH&role=REPORTING_SVC`,
    'jdbc url without credentials',
  );
  y.l('    username: REPORTING_SVC');
  const sfDefault = h.pw();
  y.s(`    password: \${SNOWFLAKE_PASSWORD:${sfDefault}}`, 'generic', sfDefault);
  y.l('  kafka:', '    bootstrap-servers: pkc-p11xm.us-east-1.aws.confluent.cloud:9092', '    properties:');
  const ck = h.cfltKey();
  const cs = h.cfltSecret();
  y.s(
    `      sasl.jaas.config: "org.apache.kafka.common.security.plain.PlainLoginModule required username='${ck}' password='${cs}';"`,
    'confluent',
    cs,
  );
  y.l('      sasl.mechanism: PLAIN', '      security.protocol: SASL_SSL', 'sentry:');
  y.d(`  dsn: ${h.dsn()}`, 'sentry dsn');
  y.l('  environment: production', 'reporting:', '  export:', '    bucket: acme-reporting-exports');
  y.d('    s3-access-key: ${AWS_ACCESS_KEY_ID}', 'placeholder');
  const exSecret = t.awsSecret();
  y.s(`    s3-secret-key: ${exSecret}`, 'aws', exSecret);
  y.l('  ttd:');
  y.d(`    partner-id: ${h.ttdId()}`, 'partner id');
  const ttdSecret = h.url(48);
  y.s(`    api-secret: ${ttdSecret}`, 'generic', ttdSecret);

  const ads = repo.file(`${base}/src/main/resources/ads.properties`, 'java');
  ads.l('# Google Ads API client library for Java (com.google.api-ads:google-ads)');
  ads.d(`api.googleads.clientId=${h.gClientId()}`, 'oauth client id');
  const adsCs = h.gocspx();
  ads.s(`api.googleads.clientSecret=${adsCs}`, 'gcp', adsCs);
  const adsRt = h.gRefresh();
  ads.s(`api.googleads.refreshToken=${adsRt}`, 'gcp', adsRt);
  const adsDev = h.adsDevToken();
  ads.s(`api.googleads.developerToken=${adsDev}`, 'google-ads', adsDev);
  ads.d(`api.googleads.loginCustomerId=${t.digits(10)}`, 'customer id');

  const k = repo.file(`${base}/src/main/java/com/acme/reporting/kafka/KafkaConfig.java`, 'java');
  k.l('package com.acme.reporting.kafka;', '', 'public class KafkaConfig {');
  k.d(
    '    private static final String JAAS_TEMPLATE = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\\"%s\\" password=\\"%s\\";";',
    'format template',
  );
  k.l('', '    public Map<String, Object> consumerProps() {', '        Map<String, Object> props = new HashMap<>();');
  k.l('        props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL");');
  k.l('        props.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");');
  const kjPw = h.pw();
  k.s(
    `        props.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required username=\\"reporting\\" password=\\"${kjPw}\\";");`,
    'generic',
    kjPw,
  );
  const kks = h.gen(18);
  k.s(`        props.put(SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG, "${kks}");`, 'generic', kks);
  k.d(
    '        props.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, System.getenv("KAFKA_TRUSTSTORE_PASSWORD"));',
    'env reference',
  );
  k.l(
    '        return props;',
    '    }',
    '',
    '    public Map<String, Object> producerProps(String user) {',
    '        Map<String, Object> props = consumerProps();',
  );
  k.d(
    '        props.put(SaslConfigs.SASL_JAAS_CONFIG, String.format(JAAS_TEMPLATE, user, System.getenv("KAFKA_PASSWORD")));',
    'env reference',
  );
  k.l('        return props;', '    }', '}');

  const sf = repo.file(`${base}/src/main/java/com/acme/reporting/snowflake/SnowflakeClient.java`, 'java');
  sf.l('package com.acme.reporting.snowflake;', '', 'public final class SnowflakeClient {');
  sf.d(`    private static final String URL = "jdbc:snowflake://${SF_ACCOUNT}.snowflakecomputing.com";`, 'url');
  sf.l('    public Connection open() throws SQLException {', '        Properties props = new Properties();');
  sf.l('        props.put("user", "REPORTING_SVC");');
  const sfPw = h.pw();
  sf.s(`        props.put("password", "${sfPw}");`, 'generic', sfPw);
  sf.l('        props.put("warehouse", "REPORTING_WH");');
  sf.d('        props.put("private_key_file", "/var/run/secrets/snowflake/rsa_key.p8");', 'file path');
  sf.l('        return DriverManager.getConnection(URL, props);', '    }', '}');

  const meta = repo.file(`${base}/src/main/java/com/acme/reporting/meta/MetaAdsClient.java`, 'java');
  meta.l('package com.acme.reporting.meta;', '', 'import com.facebook.ads.sdk.APIContext;', '');
  meta.l('public class MetaAdsClient {');
  meta.d(`    private static final String APP_ID = "${h.fbId()}";`, 'meta app id');
  const appSecret = t.hex(32);
  meta.s(`    private static final String APP_SECRET = "${appSecret}";`, 'facebook', appSecret);
  const sysTok = h.fbToken();
  meta.s(`    private static final String SYSTEM_USER_TOKEN = "${sysTok}";`, 'facebook', sysTok);
  meta.d(`    private static final String AD_ACCOUNT_ID = "act_${t.digits(15)}";`, 'ad account id');
  meta.d(`    private static final String PIXEL_ID = "${h.fbId()}";`, 'pixel id');
  meta.l('');
  meta.d(
    '    private final APIContext context = new APIContext(SYSTEM_USER_TOKEN, APP_SECRET);',
    'constant references',
  );
  meta.l('}');

  const lb = repo.file(`${base}/src/main/resources/logback-spring.xml`, 'java');
  lb.l('<configuration>', '  <springProfile name="prod">');
  lb.l('    <appender name="DATADOG" class="net.logstash.logback.appender.LogstashTcpSocketAppender">');
  lb.l(
    '      <destination>intake.logs.datadoghq.com:10516</destination>',
    '      <keepAliveDuration>20 seconds</keepAliveDuration>',
  );
  lb.l('      <encoder class="net.logstash.logback.encoder.LogstashEncoder">');
  lb.l('        <prefix class="ch.qos.logback.core.encoder.LayoutWrappingEncoder">');
  lb.l('          <layout class="ch.qos.logback.classic.PatternLayout">');
  const lbKey = t.ddApi();
  lb.s(`            <pattern>${lbKey} %mdc{keyThatDoesNotExist}</pattern>`, 'datadog', lbKey);
  lb.l('          </layout>', '        </prefix>', '      </encoder>', '      <ssl />', '    </appender>');
  lb.l('    <appender name="SENTRY" class="io.sentry.logback.SentryAppender">', '      <options>');
  lb.d(`        <dsn>${h.dsn()}</dsn>`, 'sentry dsn');
  lb.l('      </options>', '    </appender>', '  </springProfile>', '  <springProfile name="staging">');
  lb.l('    <appender name="DATADOG" class="net.logstash.logback.appender.LogstashTcpSocketAppender">');
  lb.l('      <encoder class="net.logstash.logback.encoder.LogstashEncoder">');
  lb.l('        <prefix class="ch.qos.logback.core.encoder.LayoutWrappingEncoder">');
  lb.l('          <layout class="ch.qos.logback.classic.PatternLayout">');
  lb.d('            <pattern>${DD_API_KEY} %mdc{keyThatDoesNotExist}</pattern>', 'logback variable');
  lb.l('          </layout>', '        </prefix>', '      </encoder>', '    </appender>', '  </springProfile>');
  lb.l('</configuration>');

  const nr = repo.file(`${base}/newrelic/newrelic.yml`, 'java');
  nr.l('common: &default_settings');
  const nrLic = h.nrLicense();
  nr.s(`  license_key: '${nrLic}'`, 'newrelic', nrLic);
  nr.l(
    "  app_name: 'reporting (prod)'",
    '  distributed_tracing:',
    '    enabled: true',
    'staging:',
    '  <<: *default_settings',
  );
  nr.d("  app_name: 'reporting (staging)'", 'plain setting');

  const sp = repo.file(`${base}/sentry.properties`, 'java');
  sp.l('defaults.url=https://sentry.io/', 'defaults.org=acme-ads', 'defaults.project=reporting');
  const st = h.sntryu();
  sp.s(`auth.token=${st}`, 'sentry', st);

  const gp = repo.file(`${base}/gradle.properties`, 'java');
  gp.l('org.gradle.jvmargs=-Xmx2g -Dfile.encoding=UTF-8', 'org.gradle.caching=true', 'artifactoryUser=ci-deployer');
  const akcp = h.akcp();
  gp.s(`artifactoryPassword=${akcp}`, 'artifactory', akcp);

  const test = repo.file(`${base}/src/test/resources/application-test.properties`, 'java');
  test.d('spring.datasource.password=test', 'test fixture');
  test.d(
    'spring.kafka.properties.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="admin-secret";',
    'embedded kafka fixture (Confluent docs value)',
  );
  test.d('snowflake.password=', 'empty');

  const ms = repo.file('ops/ci/maven/settings.xml', 'java');
  ms.l(
    '<settings>',
    '  <servers>',
    '    <server>',
    '      <id>acme-releases</id>',
    '      <username>ci-deployer</username>',
  );
  const mvnPw = h.pw();
  ms.s(`      <password>${mvnPw}</password>`, 'generic', mvnPw);
  ms.l('    </server>', '    <server>', '      <id>acme-snapshots</id>', '      <username>ci-deployer</username>');
  ms.d(`      <password>{${h.b64(22)}=}</password>`, 'maven-encrypted password');
  ms.l('    </server>', '    <server>', '      <id>github</id>', '      <username>acme-ads-ci</username>');
  ms.d('      <password>${env.GITHUB_TOKEN}</password>', 'env reference');
  ms.l('    </server>', '  </servers>', '</settings>');
}

// ---- Python attribution jobs ---------------------------------------------------------------

function attribution(repo, t, h) {
  const base = 'jobs/attribution';
  const s = repo.file(`${base}/attribution/settings.py`, 'python');
  s.l('import os', '', 'AWS_REGION = "us-east-1"', 'S3_BUCKET = "acme-attribution-prod"');
  const ak = t.awsId();
  const as = t.awsSecret();
  s.s(`AWS_ACCESS_KEY_ID = "${ak}"`, 'aws', ak);
  s.s(`AWS_SECRET_ACCESS_KEY = "${as}"`, 'aws', as);
  s.d(`ATTRIBUTION_ROLE_ARN = "arn:aws:iam::${h.account()}:role/attribution-job"`, 'role arn');
  s.d('SNOWFLAKE_PASSWORD = os.environ.get("SNOWFLAKE_PASSWORD")', 'env reference');
  const metaFallback = t.hex(32);
  s.s(`META_APP_SECRET = os.environ.get("META_APP_SECRET", "${metaFallback}")`, 'facebook', metaFallback);
  s.d('REQUIRED_SECRETS = ("META_ACCESS_TOKEN", "GOOGLE_ADS_REFRESH_TOKEN", "TTD_API_SECRET")', 'key names');
  s.d(`LOOKBACK_WINDOW_ID = "${t.uuid()}"`, 'uuid id');

  const e = repo.file(`${base}/attribution/s3_export.py`, 'python');
  e.l(
    'import boto3',
    '',
    '',
    'def client():',
    '    return boto3.client(',
    '        "s3",',
    '        region_name="us-east-1",',
  );
  const asia = h.asia();
  const asiaSecret = t.awsSecret();
  const sts = h.stsToken();
  e.s(`        aws_access_key_id="${asia}",`, 'aws', asia);
  e.s(`        aws_secret_access_key="${asiaSecret}",`, 'aws', asiaSecret);
  e.s(`        aws_session_token="${sts}",`, 'aws', sts);
  e.l('    )', '', '', 'def session():');
  e.d('    return boto3.Session(profile_name="attribution-prod")', 'profile name');
  e.d(`ETAG_OF_LAST_EXPORT = ${h.s3Etag()}`, 's3 etag (md5)');

  const db = repo.file(`${base}/attribution/db.py`, 'python');
  db.l('import os', '', 'import psycopg2', '');
  const pgPw = h.pw();
  db.s(
    `conn = psycopg2.connect(host="attribution.cluster-c9xk2abcd.us-east-1.rds.amazonaws.com", dbname="attribution", user="etl", password="${pgPw}")`,
    'generic',
    pgPw,
  );
  const rsPw = h.pwA();
  db.s(
    `REDSHIFT_DSN = "host=attr-wh.k2x7ab.us-east-1.redshift.amazonaws.com port=5439 dbname=attribution user=etl_loader password=${rsPw} sslmode=require"`,
    'generic',
    rsPw,
  );
  db.l('', '', 'def connect():');
  db.d(
    '    return psycopg2.connect(host=os.environ["PG_HOST"], user="etl", password=os.environ["PG_PASSWORD"])',
    'env reference',
  );

  const dag = repo.file(`${base}/dags/attribution_daily.py`, 'python');
  dag.l('from datetime import datetime', '', 'from airflow import DAG', 'from airflow.models import Variable');
  dag.l('from airflow.providers.databricks.operators.databricks import DatabricksRunNowOperator', '');
  const dapi = h.dapi();
  dag.s(`DATABRICKS_TOKEN = "${dapi}"`, 'databricks', dapi);
  const hook = t.slackWebhook();
  dag.s(`SLACK_WEBHOOK = "${hook}"`, 'slack', hook);
  dag.d('meta_token = Variable.get("meta_system_user_token")', 'airflow variable reference');
  dag.l('', 'with DAG("attribution_daily", start_date=datetime(2024, 1, 1), schedule="0 5 * * *") as dag:');
  dag.l(
    '    touchpoints = DatabricksRunNowOperator(',
    '        task_id="touchpoints",',
    '        databricks_conn_id="databricks_prod",',
  );
  dag.d(`        job_id=${t.digits(15)},`, 'job id');
  dag.l('    )');

  const cfg = repo.file('airflow/airflow.cfg', 'python');
  cfg.l('[core]', 'executor = CeleryExecutor', 'dags_folder = /opt/airflow/dags');
  const fernet = h.fernet();
  cfg.s(`fernet_key = ${fernet}`, 'generic', fernet);
  cfg.l('', '[database]');
  const metaPw = h.pwA();
  cfg.s(
    `sql_alchemy_conn = postgresql+psycopg2://airflow:${metaPw}@airflow-meta.c9xk2abcd.us-east-1.rds.amazonaws.com:5432/airflow`,
    'database',
    metaPw,
  );
  cfg.l('', '[webserver]', 'base_url = https://airflow.internal.acme-ads.com');
  const wsKey = t.hex(40);
  cfg.s(`secret_key = ${wsKey}`, 'generic', wsKey);
  cfg.l('', '[celery]');
  const brokerPw = h.pwA();
  cfg.s(
    `broker_url = redis://:${brokerPw}@airflow-redis.k2x7ab.ng.0001.use1.cache.amazonaws.com:6379/0`,
    'database',
    brokerPw,
  );
  cfg.d('result_backend = db+postgresql://airflow:${AIRFLOW_DB_PASSWORD}@airflow-meta:5432/airflow', 'env reference');
  cfg.l('', '[secrets]');
  cfg.d('backend = airflow.providers.amazon.aws.secrets.secrets_manager.SecretsManagerBackend', 'class path');
  cfg.d(
    'backend_kwargs = {"connections_prefix": "airflow/connections", "variables_prefix": "airflow/variables"}',
    'secret paths',
  );

  const env = repo.file('airflow/.env', 'python');
  env.l('AIRFLOW_UID=50000');
  const sfPw = h.pwA();
  env.s(
    `AIRFLOW_CONN_SNOWFLAKE_DEFAULT='snowflake://ATTRIBUTION_SVC:${sfPw}@/ATTRIBUTION/PUBLIC?account=xy12345&region=us-east-1&warehouse=ETL_WH'`,
    'generic',
    sfPw,
  );
  const connAk = t.awsId();
  const connSecret = encodeURIComponent(t.awsSecret());
  env.s(`AIRFLOW_CONN_AWS_DEFAULT='aws://${connAk}:${connSecret}@/?region_name=us-east-1'`, 'aws', connSecret);
  const varMeta = t.hex(32);
  env.s(`AIRFLOW_VAR_META_APP_SECRET=${varMeta}`, 'facebook', varMeta);
  env.d('AIRFLOW__CORE__FERNET_KEY=${FERNET_KEY}', 'env reference');

  const ga = repo.file(`${base}/google-ads.yaml`, 'python');
  ga.l('# google-ads.yaml for google-ads-python (attribution conversions upload)');
  const dev = h.adsDevToken();
  ga.s(`developer_token: ${dev}`, 'google-ads', dev);
  ga.d(`client_id: ${h.gClientId()}`, 'oauth client id');
  const gcs = h.gocspx();
  ga.s(`client_secret: ${gcs}`, 'gcp', gcs);
  const grt = h.gRefresh();
  ga.s(`refresh_token: ${grt}`, 'gcp', grt);
  ga.d(`login_customer_id: ${t.digits(10)}`, 'customer id');
  ga.l('use_proto_plus: True');

  const capi = repo.file(`${base}/attribution/meta_capi.py`, 'python');
  capi.l(
    'from facebook_business.api import FacebookAdsApi',
    'from facebook_business.adobjects.serverside.event_request import EventRequest',
    '',
  );
  capi.d(`PIXEL_ID = "${h.fbId()}"`, 'pixel id');
  capi.l('', 'FacebookAdsApi.init(');
  capi.d(`    app_id="${h.fbId()}",`, 'app id');
  const capiSecret = t.hex(32);
  capi.s(`    app_secret="${capiSecret}",`, 'facebook', capiSecret);
  const capiTok = h.fbToken();
  capi.s(`    access_token="${capiTok}",`, 'facebook', capiTok);
  capi.l(')', '');
  capi.d(`TEST_EVENT_CODE = "TEST${t.digits(5)}"`, 'meta test event code');
  capi.d(`EXAMPLE_HASHED_EMAIL = "${t.sha256()}"  # sha256 of a normalised email, as CAPI expects`, 'hashed email');

  const sfio = repo.file(`${base}/attribution/snowflake_io.py`, 'python');
  sfio.l('import snowflake.connector', '', 'conn = snowflake.connector.connect(');
  sfio.d(`    account="${SF_ACCOUNT}",`, 'account locator');
  sfio.l('    user="ATTRIBUTION_SVC",');
  const sfioPw = h.pw();
  sfio.s(`    password="${sfioPw}",`, 'generic', sfioPw);
  sfio.l('    warehouse="ETL_WH",', '    database="ATTRIBUTION",', ')', '');
  const pass = h.pw();
  sfio.s(`PRIVATE_KEY_PASSPHRASE = "${pass}"`, 'generic', pass);
  sfio.d('PRIVATE_KEY_PATH = "/var/run/secrets/snowflake/rsa_key.p8"', 'file path');

  const tc = repo.file(`${base}/tests/test_capi.py`, 'python');
  tc.l('from unittest import mock', '', 'from attribution import meta_capi', '');
  tc.d(
    'FacebookAdsApi.init(app_id="1234567890", app_secret="app-secret", access_token="EAAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")',
    'fake fixture',
  );
  tc.d('@mock.patch.dict("os.environ", {"META_APP_SECRET": "0" * 32})', 'fake fixture');
  tc.l('def test_send():', '    assert meta_capi.PIXEL_ID');

  const req = repo.file(`${base}/requirements.txt`, 'python');
  const jf = h.pwA();
  req.s(
    `--extra-index-url https://ci-reader:${jf}@acme.jfrog.io/artifactory/api/pypi/pypi-local/simple`,
    'generic',
    jf,
  );
  req.d(`boto3==1.34.84 --hash=sha256:${t.sha256()}`, 'package hash');
  req.d(`psycopg2-binary==2.9.9 --hash=sha256:${t.sha256()}`, 'package hash');
  req.d(`facebook-business==19.0.3 --hash=sha256:${t.sha256()}`, 'package hash');
}

// ---- C++ ad server -------------------------------------------------------------------------

function adserver(repo, t, h) {
  const base = 'services/adserver';
  const ini = repo.file(`${base}/conf/adserver.ini`, 'cpp');
  ini.l(
    '[server]',
    'port = 8081',
    'threads = 32',
    '',
    '[redis]',
    'host = adserver-cache.prod.use1.cache.amazonaws.com',
  );
  const rPw = h.pw();
  ini.s(`password = ${rPw}`, 'generic', rPw);
  ini.l(
    '',
    '[kafka]',
    'brokers = b-1.bidder-msk.k2x7ab.c3.kafka.us-east-1.amazonaws.com:9096',
    'sasl_mechanism = SCRAM-SHA-512',
  );
  ini.l('sasl_username = adserver');
  const kPw = h.gen(24);
  ini.s(`sasl_password = ${kPw}`, 'generic', kPw);
  ini.l('', '[maxmind]');
  ini.d('account_id = 912345', 'account id');
  const mm = h.mmk();
  ini.s(`license_key = ${mm}`, 'maxmind', mm);
  ini.l('', '[datadog]');
  ini.d('api_key_file = /etc/adserver/secrets/dd_api_key', 'file path');
  ini.l('', '[ad_units]');
  ini.d(`network_code = ${NET}`, 'gam network code');
  ini.d(`default_ad_unit = ${h.adUnit(NET, 'acme_news/homepage/leaderboard_728x90')}`, 'ad unit path');
  ini.d(`creative_manifest_md5 = ${h.md5()}`, 'md5 checksum');

  const js = repo.file(`${base}/conf/adserver.json`, 'cpp');
  js.l('{', '  "aerospike": {', '    "hosts": ["aerospike-0.aerospike.adserver.svc:3000"],', '    "user": "adserver",');
  js.d('    "password_env": "ADSERVER_AEROSPIKE_PASSWORD"', 'env var name');
  js.l('  },', '  "cloudflare": {');
  js.d(`    "zone_id": "${t.pick(HEX, 32)}",`, 'cloudflare zone id');
  const cf = h.cfToken();
  js.s(`    "api_token": "${cf}"`, 'cloudflare', cf);
  js.l('  },', '  "click_tracking": {');
  const hmac = t.hex(64);
  js.s(`    "hmac_key": "${hmac}",`, 'generic', hmac);
  js.l('    "redirect_host": "clk.acme-ads.com"', '  },', '  "gam": {');
  js.d(`    "network_code": "${NET}",`, 'network code');
  js.d(`    "ad_unit_ids": ["${t.digits(10)}", "${t.digits(10)}", "${t.digits(10)}"]`, 'ad unit ids');
  js.l('  }', '}');

  const ch = repo.file(`${base}/src/constants.h`, 'cpp');
  ch.l('#pragma once', '#include <string>', '', 'namespace adserver {', '');
  const click = t.hex(64);
  ch.s(`static const char* kClickSigningKey = "${click}";`, 'generic', click);
  const nrl = h.nrLicense();
  ch.s(`constexpr char kNewRelicLicenseKey[] = "${nrl}";`, 'newrelic', nrl);
  ch.d(`constexpr char kSentryDsn[] = "${h.dsn()}";`, 'sentry dsn');
  ch.d('constexpr char kGoogleCertAuthorityId[] = "f08c47fec0942fa0";  // ads.txt TAG-ID', 'ads.txt certification id');
  ch.d(`constexpr char kDefaultCreativeId[] = "cr_${t.lower(12)}";`, 'creative id');
  const sdd = t.ddApi();
  ch.s(`const std::string kDatadogApiKey = "${sdd}";`, 'datadog', sdd);
  ch.d('const std::string kDatadogApiKeyEnv = "DD_API_KEY";', 'key name');
  ch.l('', '}  // namespace adserver', '');
  const cak = t.awsId();
  const cas = t.awsSecret();
  ch.s(`#define AWS_ACCESS_KEY_ID "${cak}"`, 'aws', cak);
  ch.s(`#define AWS_SECRET_ACCESS_KEY "${cas}"`, 'aws', cas);

  const gu = repo.file(`${base}/src/geo/geoip_updater.cc`, 'cpp');
  gu.l('#include <curl/curl.h>', '#include "geo/geoip_updater.h"', '', 'bool GeoIpUpdater::Download(CURL* curl) {');
  gu.l(
    '  curl_easy_setopt(curl, CURLOPT_URL, "https://download.maxmind.com/geoip/databases/GeoIP2-City/download?suffix=tar.gz");',
  );
  const mm2 = h.mmk();
  gu.s(`  curl_easy_setopt(curl, CURLOPT_USERPWD, "912345:${mm2}");`, 'maxmind', mm2);
  gu.l('  return curl_easy_perform(curl) == CURLE_OK;', '}', '', 'bool GeoIpUpdater::DownloadFromEnv(CURL* curl) {');
  gu.d('  const char* license = std::getenv("MAXMIND_LICENSE_KEY");', 'env reference');
  gu.l('  return license != nullptr;', '}');
  gu.d(`static constexpr char kExpectedSha256[] = "${t.sha256()}";`, 'checksum');

  const ht = repo.file(`${base}/test/click_signer_test.cc`, 'cpp');
  ht.l('#include <gtest/gtest.h>', '', '// RFC 4231 test case 2.');
  ht.d('constexpr char kRfcKey[] = "Jefe";', 'rfc test vector');
  ht.d(
    'constexpr char kRfcMac[] = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";',
    'rfc test vector',
  );
  ht.d('const std::string kTestSigningKey = "test-signing-key";', 'test fixture');
  ht.l('TEST(ClickSigner, Rfc4231) { EXPECT_EQ(Sign(kRfcKey, "what do ya want for nothing?"), kRfcMac); }');
}

// ---- TypeScript dashboard (browser) --------------------------------------------------------

function dashboard(repo, t, h) {
  const base = 'apps/dashboard';
  const c = repo.file(`${base}/src/config.ts`, 'typescript');
  c.l('// Browser config: everything here ships in the bundle.', 'export const config = {');
  c.d(`  stripePublishableKey: '${h.pkLive()}',`, 'stripe publishable key');
  c.d(`  sentryDsn: '${h.dsn()}',`, 'sentry dsn');
  c.l('  datadogRum: {');
  c.d(`    applicationId: '${t.uuid()}',`, 'rum application id');
  c.d(`    clientToken: '${h.rum()}',`, 'datadog rum client token (public)');
  c.l("    site: 'datadoghq.com',", "    service: 'dashboard',", '  },');
  c.d(`  gaMeasurementId: 'G-${t.mixed(UPPER + DIGIT, 10)}',`, 'ga4 measurement id');
  c.d(`  gtmContainerId: 'GTM-${t.mixed(UPPER + DIGIT, 7)}',`, 'gtm container id');
  c.d(`  mapboxToken: '${h.mapbox('pk')}',`, 'mapbox public token');
  c.d(`  googleClientId: '${h.gClientId()}',`, 'oauth client id');
  c.d(`  newRelicBrowserKey: '${h.nrjs()}',`, 'new relic browser key');
  c.d(`  metaAppId: '${h.fbId()}',`, 'meta app id');
  const mbSk = h.mapbox('sk');
  c.s(`  mapboxDownloadsToken: '${mbSk}',`, 'mapbox', mbSk);
  c.l('};');

  const env = repo.file(`${base}/.env.production`, 'typescript');
  env.d(`VITE_STRIPE_PUBLISHABLE_KEY=${h.pkLive()}`, 'publishable key');
  env.d(`VITE_SENTRY_DSN=${h.dsn()}`, 'sentry dsn');
  env.d(`VITE_DD_CLIENT_TOKEN=${h.rum()}`, 'rum client token');
  env.l('VITE_API_BASE_URL=https://api.acme-ads.com');
  const sat = h.sntrys();
  env.s(`SENTRY_AUTH_TOKEN=${sat}`, 'sentry', sat);

  const g = repo.file(`${base}/src/lib/gtag.ts`, 'typescript');
  const aw = t.digits(9);
  g.d(`gtag('config', 'AW-${aw}');`, 'google ads tag id');
  g.l('export const CONVERSIONS = {');
  for (const k of ['signup', 'trial_start', 'purchase'])
    g.d(`  ${k}: 'AW-${aw}/${h.url(20)}',`, 'google ads conversion label');
  g.l('} as const;');
  g.d(`fbq('init', '${h.fbId()}');`, 'meta pixel id');
  g.d(`ttq.load('C${t.mixed(UPPER + DIGIT, 19)}');`, 'tiktok pixel id');

  const fx = repo.file(`${base}/src/pages/campaigns/fixtures.ts`, 'typescript');
  fx.l('export const campaigns = [');
  for (let i = 0; i < 3; i++)
    fx.d(
      `  { id: '${t.uuid()}', googleCampaignId: '${t.digits(11)}', lineItemId: '${t.digits(10)}', creativeId: 'cr_${t.lower(12)}', adUnit: '${h.adUnit(NET, 'acme_news/article/mpu_300x250')}' },`,
      'campaign, line item, creative ids',
    );
  fx.l('];');
}

// ---- Node API (TypeScript) -----------------------------------------------------------------

function nodeApi(repo, t, h) {
  const base = 'services/api';
  const c = repo.file(`${base}/src/config.ts`, 'typescript');
  c.l("import Stripe from 'stripe';", '', 'export const config = {', '  port: Number(process.env.PORT ?? 3000),');
  const jwt = t.hex(64);
  c.s(`  jwtSecret: process.env.JWT_SECRET ?? '${jwt}',`, 'generic', jwt);
  c.d('  sessionSecret: process.env.SESSION_SECRET!,', 'env reference');
  c.d("  databaseUrl: process.env.DATABASE_URL ?? 'postgres://localhost:5432/dashboard',", 'local url');
  c.l('};', '');
  const sk = t.stripeLive();
  c.s(`export const stripe = new Stripe('${sk}', { apiVersion: '2024-06-20' });`, 'stripe', sk);

  const sf = c;
  sf.l('', "import snowflake from 'snowflake-sdk';", '', 'export const pool = snowflake.createPool(', '  {');
  sf.d(`    account: '${SF_ACCOUNT}',`, 'account locator');
  sf.l("    username: 'API_READONLY',");
  const sfPw = h.pw();
  sf.s(`    password: '${sfPw}',`, 'generic', sfPw);
  sf.l("    warehouse: 'API_WH',", '  },', '  { max: 10, min: 0 },', ');');

  const meta = repo.file(`${base}/src/integrations/meta.ts`, 'typescript');
  meta.l("import crypto from 'node:crypto';", '');
  const tok = h.fbToken();
  meta.s(`const META_SYSTEM_USER_TOKEN = '${tok}';`, 'facebook', tok);
  const appSecret = t.hex(32);
  meta.s(`const appSecret = '${appSecret}';`, 'facebook', appSecret);
  meta.d(
    "const proof = crypto.createHmac('sha256', appSecret).update(META_SYSTEM_USER_TOKEN).digest('hex');",
    'references',
  );
  meta.l('', 'export async function insights(adAccountId: string) {');
  meta.d(
    '  const url = `https://graph.facebook.com/v19.0/act_${adAccountId}/insights?access_token=${META_SYSTEM_USER_TOKEN}&appsecret_proof=${proof}`;',
    'template references',
  );
  meta.l('  return fetch(url).then((r) => r.json());', '}');

  const gads = repo.file(`${base}/src/integrations/googleAds.ts`, 'typescript');
  gads.l("import { GoogleAdsApi } from 'google-ads-api';", '', 'const client = new GoogleAdsApi({');
  gads.d(`  client_id: '${h.gClientId()}',`, 'oauth client id');
  const gcs = h.gocspx();
  gads.s(`  client_secret: '${gcs}',`, 'gcp', gcs);
  const dev = h.adsDevToken();
  gads.s(`  developer_token: '${dev}',`, 'google-ads', dev);
  gads.l('});', '', 'export const customer = client.Customer({');
  gads.d(`  customer_id: '${t.digits(10)}',`, 'customer id');
  gads.d(`  login_customer_id: '${t.digits(10)}',`, 'customer id');
  const rt = h.gRefresh();
  gads.s(`  refresh_token: '${rt}',`, 'gcp', rt);
  gads.l('});');

  const ttd = repo.file(`${base}/src/integrations/dsp.ts`, 'typescript');
  ttd.l(
    "import { google } from 'googleapis';",
    '',
    "const TTD_API = 'https://api.thetradedesk.com/v3';",
    '',
    'export async function campaigns(advertiserId: string) {',
  );
  ttd.l('  const res = await fetch(`${TTD_API}/campaign/query/advertiser`, {');
  ttd.l("    method: 'POST',");
  const ttdTok = h.url(64);
  ttd.s(`    headers: { 'TTD-Auth': '${ttdTok}', 'Content-Type': 'application/json' },`, 'generic', ttdTok);
  ttd.l('    body: JSON.stringify({ AdvertiserId: advertiserId, PageStartIndex: 0, PageSize: 100 }),', '  });');
  ttd.l('  return res.json();', '}');

  const dv = ttd;
  const pem = t.pkcs8Pem();
  dv.l('', 'export const dv360Auth = new google.auth.JWT({');
  dv.l("  email: 'dv360-sync@acme-ads-prod.iam.gserviceaccount.com',");
  dv.s(`  key: '${pem.join('\\n')}\\n',`, 'private-key', pem[1]);
  dv.l("  scopes: ['https://www.googleapis.com/auth/display-video'],", '});');
  dv.d(`export const DV360_PARTNER_ID = '${t.digits(7)}';`, 'partner id');

  const sl = repo.file(`${base}/src/slack.ts`, 'typescript');
  sl.l("import { App } from '@slack/bolt';", '', 'export const app = new App({');
  const xoxb = t.slackBot();
  sl.s(`  token: '${xoxb}',`, 'slack', xoxb);
  sl.l('  socketMode: true,');
  sl.d('  signingSecret: process.env.SLACK_SIGNING_SECRET,', 'env reference');
  sl.l('});');

  const env = repo.file(`${base}/.env`, 'typescript');
  env.l('NODE_ENV=production', 'PORT=3000');
  const dbPw = h.pwA();
  env.s(
    `DATABASE_URL=postgres://dashboard_api:${dbPw}@dashboard-db.c9xk2abcd.us-east-1.rds.amazonaws.com:5432/dashboard`,
    'database',
    dbPw,
  );
  env.d('REDIS_URL=redis://localhost:6379', 'local url');
  const nrl = h.nrLicense();
  env.s(`NEW_RELIC_LICENSE_KEY=${nrl}`, 'newrelic', nrl);
  env.d('NEW_RELIC_APP_NAME=dashboard-api', 'plain setting');
  env.d(`META_APP_ID=${h.fbId()}`, 'meta app id');
  const dev2 = h.adsDevToken();
  env.s(`GOOGLE_ADS_DEVELOPER_TOKEN=${dev2}`, 'google-ads', dev2);
  env.d(`GOOGLE_ADS_LOGIN_CUSTOMER_ID=${t.digits(10)}`, 'customer id');
  env.d('SNOWFLAKE_PASSWORD=', 'empty');

  const npmrc = repo.file(`${base}/.npmrc`, 'typescript');
  npmrc.l('@acme-ads:registry=https://acme.jfrog.io/artifactory/api/npm/npm/');
  const npmTok = t.npm();
  npmrc.s(`//registry.npmjs.org/:_authToken=${npmTok}`, 'npm', npmTok);
  npmrc.d('//acme.jfrog.io/artifactory/api/npm/npm/:_authToken=${ARTIFACTORY_NPM_TOKEN}', 'env reference');

  const fx = repo.file(`${base}/test/fixtures/tokens.ts`, 'typescript');
  fx.l('// Obviously fake values for unit tests.');
  fx.d("export const FAKE_META_TOKEN = 'EAAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx';", 'fake fixture');
  fx.d("export const FAKE_STRIPE_KEY = 'sk_live_xxxxxxxxxxxxxxxxxxxxxxxx';", 'fake fixture');
  fx.d("export const FAKE_DEV_TOKEN = 'INSERT_DEVELOPER_TOKEN_HERE';", 'google placeholder');
  fx.d("export const FAKE_JWT_SECRET = 'your-jwt-secret';", 'placeholder');
}

// ---- Ruby billing --------------------------------------------------------------------------

function billing(repo, t, h) {
  const base = 'services/billing';
  const app = repo.file(`${base}/app.rb`, 'ruby');
  app.l("require 'sinatra/base'", "require 'stripe'", '', 'class BillingApp < Sinatra::Base', '  enable :sessions');
  const sess = t.hex(64);
  app.s(`  set :session_secret, ENV.fetch('SESSION_SECRET') { '${sess}' }`, 'generic', sess);
  const sk = t.stripeLive();
  app.s(`  Stripe.api_key = '${sk}'`, 'stripe', sk);
  app.d("  Stripe.api_key = ENV['STRIPE_SECRET_KEY'] if ENV.key?('STRIPE_SECRET_KEY')", 'env reference');
  const wh = h.whsec();
  app.s(`  STRIPE_WEBHOOK_SECRET = '${wh}'`, 'stripe', wh);
  app.l('', "  post '/webhooks/stripe' do", "    sig = request.env['HTTP_STRIPE_SIGNATURE']");
  app.d('    event = Stripe::Webhook.construct_event(request.body.read, sig, STRIPE_WEBHOOK_SECRET)', 'reference');
  app.l('    InvoiceWorker.perform_async(event.id)', '    200', '  end', 'end');

  const sq = repo.file(`${base}/config/sidekiq.rb`, 'ruby');
  sq.l('Sidekiq.configure_server do |config|');
  const rPw = h.pwA();
  sq.s(
    `  config.redis = { url: 'redis://:${rPw}@billing-redis.k2x7ab.ng.0001.use1.cache.amazonaws.com:6379/1' }`,
    'database',
    rPw,
  );
  sq.l('end', '', 'Sidekiq.configure_client do |config|');
  const rPw2 = h.pw();
  sq.s(
    `  config.redis = { host: 'billing-redis.k2x7ab.ng.0001.use1.cache.amazonaws.com', port: 6379, db: 1, password: '${rPw2}' }`,
    'generic',
    rPw2,
  );
  sq.l('end');
  sq.d("Sidekiq::Web.use Rack::Session::Cookie, secret: ENV.fetch('SESSION_SECRET'), same_site: true", 'env reference');

  const dby = repo.file(`${base}/config/database.yml`, 'ruby');
  dby.l('default: &default', '  adapter: postgresql', '  pool: <%= ENV.fetch("MAX_THREADS") { 5 } %>', '');
  dby.l(
    'production:',
    '  <<: *default',
    '  host: billing-db.c9xk2abcd.us-east-1.rds.amazonaws.com',
    '  username: billing',
  );
  dby.d("  password: <%= ENV['BILLING_DB_PASSWORD'] %>", 'erb env reference');
  dby.l(
    '',
    'staging:',
    '  <<: *default',
    '  host: billing-db.c9xk2abcd.us-east-2.rds.amazonaws.com',
    '  username: billing',
  );
  const stPw = h.pw();
  dby.s(`  password: ${stPw}`, 'generic', stPw);
  dby.l('', 'development:', '  <<: *default', '  host: localhost');
  dby.d('  password: postgres', 'local default');

  const bc = repo.file(`${base}/.bundle/config`, 'ruby');
  bc.l('---', 'BUNDLE_PATH: "vendor/bundle"');
  const ent = t.hex(8);
  bc.s(`BUNDLE_ENTERPRISE__CONTRIBSYS__COM: "${t.pick(HEX, 8)}:${ent}"`, 'generic', ent);

  const ss = repo.file(`${base}/lib/billing/snowflake_sync.rb`, 'ruby');
  ss.l("require 'odbc'", '', 'module Billing', '  class SnowflakeSync');
  const odbcPw = h.pw();
  ss.s(
    `    DSN = "Driver=SnowflakeDSIIDriver;Server=${SF_ACCOUNT}.snowflakecomputing.com;UID=BILLING_SVC;PWD=${odbcPw};Warehouse=BILLING_WH"`,
    'generic',
    odbcPw,
  );
  ss.l('    def connect = ODBC::Database.new.drvconnect(DSN)', '  end', 'end');

  const dd = repo.file(`${base}/config/initializers/observability.rb`, 'ruby');
  dd.l("require 'dogapi'", '');
  const ddA = t.ddApi();
  dd.s(`DOG = Dogapi::Client.new('${ddA}', '${t.ddApp()}')`, 'datadog', ddA);
  dd.d("Datadog.configure { |c| c.service = 'billing'; c.env = ENV.fetch('DD_ENV', 'production') }", 'plain');

  const se = dd;
  se.l('', 'Sentry.init do |config|');
  se.d(`  config.dsn = '${h.dsn()}'`, 'sentry dsn');
  se.l('  config.traces_sample_rate = 0.05', 'end');

  const ev = repo.file(`${base}/spec/fixtures/stripe/invoice.paid.json`, 'ruby');
  ev.l('{');
  ev.d(`  "id": "evt_1P${t.alnum(22)}",`, 'stripe event id');
  ev.l('  "object": "event",', '  "data": {', '    "object": {');
  ev.d(`      "id": "in_1P${t.alnum(22)}",`, 'invoice id');
  ev.d(`      "customer": "cus_${t.alnum(14)}",`, 'customer id');
  ev.d(`      "subscription": "sub_1P${t.alnum(22)}",`, 'subscription id');
  ev.l('      "amount_paid": 480000,', '      "livemode": false', '    }', '  }', '}');
}

// ---- Rust event collector ------------------------------------------------------------------

function collector(repo, t, h) {
  const base = 'services/collector';
  const c = repo.file(`${base}/config.toml`, 'rust');
  c.l('[server]', 'listen = "0.0.0.0:8443"', 'max_body_bytes = 65536', '', '[kafka]');
  c.l(
    'brokers = "pkc-p11xm.us-east-1.aws.confluent.cloud:9092"',
    'security_protocol = "SASL_SSL"',
    'sasl_mechanism = "PLAIN"',
  );
  c.l(`sasl_username = "${h.cfltKey()}"`);
  const cs = h.cfltSecret();
  c.s(`sasl_password = "${cs}"`, 'confluent', cs);
  c.l('topic = "impressions.v3"', '', '[aws]', 'region = "us-east-1"');
  const ak = t.awsId();
  const as = t.awsSecret();
  c.s(`access_key_id = "${ak}"`, 'aws', ak);
  c.s(`secret_access_key = "${as}"`, 'aws', as);
  c.l('', '[sentry]');
  c.d(`dsn = "${h.dsn()}"`, 'sentry dsn');
  c.l('', '[geoip]');
  c.d('account_id = 912345', 'account id');
  const mm = h.mmk();
  c.s(`license_key = "${mm}"`, 'maxmind', mm);
  c.l('', '[cloudflare]');
  c.d(`account_id = "${t.pick(HEX, 32)}"`, 'cloudflare account id');

  const rs = repo.file(`${base}/src/config.rs`, 'rust');
  rs.l('use std::env;', '');
  const dd = t.ddApi();
  rs.s(`const DD_API_KEY: &str = "${dd}";`, 'datadog', dd);
  rs.d('const DD_SITE: &str = "datadoghq.com";', 'plain');
  rs.l('', 'pub fn kafka_password() -> String {');
  const fb = h.cfltSecret();
  rs.s(`    env::var("COLLECTOR_KAFKA_PASSWORD").unwrap_or_else(|_| "${fb}".to_string())`, 'confluent', fb);
  rs.l('}', '', 'pub fn aws_secret() -> String {');
  rs.d('    env::var("AWS_SECRET_ACCESS_KEY").expect("AWS_SECRET_ACCESS_KEY must be set")', 'env reference');
  rs.l('}');

  const s3 = repo.file(`${base}/src/sinks/s3.rs`, 'rust');
  s3.l(
    'use aws_credential_types::Credentials;',
    '',
    'pub fn static_credentials() -> Credentials {',
    '    Credentials::new(',
  );
  const sak = t.awsId();
  const sas = t.awsSecret();
  s3.s(`        "${sak}",`, 'aws', sak);
  s3.s(`        "${sas}",`, 'aws', sas);
  s3.l('        None,', '        None,', '        "collector-static",', '    )', '}');

  const cc = repo.file(`${base}/.cargo/credentials.toml`, 'rust');
  cc.l('[registries.acme-artifactory]');
  const ref = h.reftkn();
  cc.s(`token = "Bearer ${ref}"`, 'artifactory', ref);
}

// ---- Bash ops scripts ----------------------------------------------------------------------

function opsScripts(repo, t, h) {
  const k = repo.file('ops/scripts/rotate-kafka-creds.sh', 'shell');
  k.l(
    '#!/usr/bin/env bash',
    'set -euo pipefail',
    'BOOTSTRAP=b-1.reporting-msk.k2x7ab.c3.kafka.us-east-1.amazonaws.com:9096',
  );
  const scram = h.gen(24);
  k.s(
    `kafka-configs --bootstrap-server "$BOOTSTRAP" --command-config admin.properties --alter --add-config 'SCRAM-SHA-512=[iterations=8192,password=${scram}]' --entity-type users --entity-name reporting`,
    'generic',
    scram,
  );
  k.d(
    'kafka-configs --bootstrap-server "$BOOTSTRAP" --alter --add-config "SCRAM-SHA-512=[password=${NEW_PASSWORD}]" --entity-type users --entity-name bidder',
    'variable',
  );
  const ck = h.cfltKey();
  const cs = h.cfltSecret();
  k.s(`confluent api-key store ${ck} ${cs} --resource lkc-7xq2m9`, 'confluent', cs);
  k.d(
    'confluent api-key create --resource lkc-7xq2m9 --service-account sa-r2k9qp --description "collector"',
    'command',
  );

  const sf = repo.file('ops/scripts/backfill-attribution.sh', 'shell');
  sf.l('#!/usr/bin/env bash', 'set -euo pipefail');
  const sfPw = h.pw();
  sf.s(`export SNOWSQL_PWD='${sfPw}'`, 'generic', sfPw);
  sf.l(`snowsql -a ${SF_ACCOUNT} -u LOADER -w ETL_WH -f sql/backfill_impressions.sql -D day="$1"`);

  const cf = repo.file('ops/scripts/purge-cdn.sh', 'shell');
  cf.l('#!/usr/bin/env bash', 'set -euo pipefail');
  cf.d(`CF_ZONE_ID=${t.pick(HEX, 32)}`, 'cloudflare zone id');
  cf.l('curl -sS -X POST "https://api.cloudflare.com/client/v4/zones/${CF_ZONE_ID}/purge_cache" \\');
  cf.l('  -H "X-Auth-Email: ops@acme-ads.com" \\');
  const gk = h.cfGlobal();
  cf.s(`  -H "X-Auth-Key: ${gk}" \\`, 'cloudflare', gk);
  cf.l('  --data \'{"files":["https://cdn.acme-ads.com/tag/v3/acme.js"]}\'');
  cf.d(
    'curl -sS -H "Authorization: Bearer $CF_API_TOKEN" "https://api.cloudflare.com/client/v4/user/tokens/verify"',
    'variable',
  );

  const geo = repo.file('ops/scripts/geoip-refresh.sh', 'shell');
  geo.l('#!/usr/bin/env bash', 'set -euo pipefail', 'cd /var/lib/geoip');
  const mm = h.mmk();
  geo.s(
    `curl -sSfL -u "912345:${mm}" -o GeoIP2-City.tar.gz 'https://download.maxmind.com/geoip/databases/GeoIP2-City/download?suffix=tar.gz'`,
    'maxmind',
    mm,
  );
  geo.d(`echo "${t.sha256()}  GeoIP2-City.tar.gz" | sha256sum -c -`, 'checksum');

  const dd = repo.file('ops/scripts/deploy-markers.sh', 'shell');
  dd.l(
    '#!/usr/bin/env bash',
    'for id in 81234567 81234568; do',
    '  curl -sS -X POST "https://api.datadoghq.com/api/v1/monitor/${id}/mute" \\',
  );
  const dA = t.ddApi();
  const dP = t.ddApp();
  dd.s(`    -H "DD-API-KEY: ${dA}" \\`, 'datadog', dA);
  dd.s(`    -H "DD-APPLICATION-KEY: ${dP}"`, 'datadog', dP);
  dd.l('done');

  const ar = repo.file('ops/scripts/assume-prod.sh', 'shell');
  ar.l('#!/usr/bin/env bash', '# Pasted from the SSO portal for the 2025-06 backfill; valid 12h.');
  const asia = h.asia();
  const asec = t.awsSecret();
  const atok = h.stsOld();
  ar.s(`export AWS_ACCESS_KEY_ID=${asia}`, 'aws', asia);
  ar.s(`export AWS_SECRET_ACCESS_KEY=${asec}`, 'aws', asec);
  ar.s(`export AWS_SESSION_TOKEN="${atok}"`, 'aws', atok);
  ar.d('eval "$(aws configure export-credentials --profile attribution-prod --format env)"', 'command, no value');

  const gh = repo.file('ops/scripts/release-tag.sh', 'shell');
  gh.l('#!/usr/bin/env bash', 'set -euo pipefail', 'VERSION=$1');
  const pat = h.ghFine();
  gh.s(`GH_TOKEN=${pat} gh release create "bidder-v$VERSION" --generate-notes`, 'github', pat);
  gh.d('GH_TOKEN="$(gh auth token)" gh pr list --state merged --limit 20', 'command substitution');

  const nr = dd;
  nr.l('');
  const nrak = h.nrak();
  nr.s(
    `curl -sS https://api.newrelic.com/graphql -H 'Content-Type: application/json' -H 'API-Key: ${nrak}' \\`,
    'newrelic',
    nrak,
  );
  nr.d(
    '  --data \'{"query":"mutation { changeTrackingCreateDeployment(deployment: {version: \\"\'"$1"\'\\", entityGuid: \\"MzQ1Njc4OXxBUE18QVBQTElDQVRJT058MTIzNDU2Nzg\\"}) { deploymentId } }"}\'',
  );

  const pg = sf;
  pg.l('', '# snapshot the attribution database before the backfill rewrites it');
  const pgPw = h.pw();
  pg.s(
    `PGPASSWORD='${pgPw}' pg_dump -h attribution.cluster-c9xk2abcd.us-east-1.rds.amazonaws.com -U etl -Fc attribution > /backups/attribution-$(date +%F).dump`,
    'generic',
    pgPw,
  );
  pg.d(
    'PGPASSWORD="$(aws secretsmanager get-secret-value --secret-id prod/attribution/pg --query SecretString --output text)" psql -h "$PGHOST" -U etl',
    'command substitution',
  );

  const sl = repo.file('ops/scripts/notify-slack.sh', 'shell');
  sl.l('#!/usr/bin/env bash');
  const hook = t.slackWebhook();
  sl.s(`curl -sS -X POST -H 'Content-type: application/json' --data "{\\"text\\":\\"$1\\"}" ${hook}`, 'slack', hook);
  const xoxp = h.xoxp();
  sl.s(`SLACK_TOKEN=${xoxp} ./slack-export --channel C04QJ8Z2K1M --since 2025-05-01`, 'slack', xoxp);

  const creds = repo.file('ops/home/.aws/credentials', 'credentials');
  creds.l('[default]');
  const dk = t.awsId();
  const ds = t.awsSecret();
  creds.s(`aws_access_key_id = ${dk}`, 'aws', dk);
  creds.s(`aws_secret_access_key = ${ds}`, 'aws', ds);
  creds.l('', '[attribution-sts]');
  const sk = h.asia();
  const ss = t.awsSecret();
  const st = h.stsToken();
  creds.s(`aws_access_key_id = ${sk}`, 'aws', sk);
  creds.s(`aws_secret_access_key = ${ss}`, 'aws', ss);
  creds.s(`aws_session_token = ${st}`, 'aws', st);
  creds.l('', '[profile sso-admin]');
  creds.d('sso_start_url = https://acme-ads.awsapps.com/start', 'url');
  creds.d(`sso_account_id = ${h.account()}`, 'account id');

  const dcfg = repo.file('ops/home/.databrickscfg', 'credentials');
  dcfg.l('[DEFAULT]', 'host  = https://dbc-a1b2c3d4-e5f6.cloud.databricks.com');
  const dt = h.dapi();
  dcfg.s(`token = ${dt}`, 'databricks', dt);
  dcfg.l('', '[analytics]', 'host = https://dbc-a1b2c3d4-e5f6.cloud.databricks.com');
  dcfg.d('auth_type = databricks-cli', 'auth type');

  const gc = repo.file('ops/geoip/GeoIP.conf', 'credentials');
  gc.l('# GeoIP.conf for geoipupdate');
  gc.d('AccountID 912345', 'account id');
  const mm3 = h.mmk();
  gc.s(`LicenseKey ${mm3}`, 'maxmind', mm3);
  gc.l('EditionIDs GeoIP2-City GeoIP2-ISP GeoIP2-Anonymous-IP');

  const gitc = repo.file('ops/home/.git-credentials', 'credentials');
  const ghp = t.github();
  gitc.s(`https://acme-ads-ci:${ghp}@github.com`, 'github', ghp);

  const dc = repo.file('ops/home/.docker/config.json', 'credentials');
  const dpat = h.dckr();
  dc.l('{', '  "auths": {', '    "https://index.docker.io/v1/": {');
  dc.s(`      "auth": "${h.enc(`acmeadsci:${dpat}`)}"`, 'docker', dpat);
  dc.l('    },');
  dc.d(`    "${h.account()}.dkr.ecr.us-east-1.amazonaws.com": {}`, 'ecr registry, no credential');
  dc.l('  },', '  "credsStore": "ecr-login"', '}');

  const ghk = repo.file('ops/github-app/acme-deploy-bot.private-key.pem', 'keys');
  const rsa = t.rsaPem();
  ghk.s(rsa, 'private-key', rsa[1]);
}

// ---- Kubernetes / Helm (EKS) ---------------------------------------------------------------

function kubernetes(repo, t, h) {
  const acct = h.account();
  const sec = repo.file('deploy/k8s/bidder/secret.yaml', 'k8s');
  sec.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: bidder-credentials',
    '  namespace: bidder',
    'type: Opaque',
    'data:',
  );
  const rp = h.pw();
  sec.s(`  REDIS_PASSWORD: ${h.enc(rp)}`, 'generic', rp);
  const dd = t.ddApi();
  sec.s(`  DD_API_KEY: ${h.enc(dd)}`, 'datadog', dd);
  sec.d(`  BIDDER_ENV: ${h.enc('production')}`, 'base64 of a plain setting');
  sec.l('stringData:');
  const kp = h.gen(24);
  sec.s(`  KAFKA_SASL_PASSWORD: "${kp}"`, 'generic', kp);

  const dep = repo.file('deploy/k8s/bidder/deployment.yaml', 'k8s');
  dep.l('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: bidder', '  namespace: bidder', 'spec:');
  dep.l(
    '  replicas: 24',
    '  template:',
    '    spec:',
    '      serviceAccountName: bidder',
    '      containers:',
    '        - name: bidder',
  );
  dep.d(`          image: ${h.ecr(acct, 'bidder')}@sha256:${t.sha256()}`, 'image digest');
  dep.l(
    '          env:',
    '            - name: BIDDER_REDIS_PASSWORD',
    '              valueFrom:',
    '                secretKeyRef:',
  );
  dep.d('                  name: bidder-credentials', 'secret name');
  dep.d('                  key: REDIS_PASSWORD', 'secret key');
  dep.l('            - name: MAXMIND_LICENSE_KEY');
  const mm = h.mmk();
  dep.s(`              value: "${mm}"`, 'maxmind', mm);
  dep.l(
    '            - name: DD_AGENT_HOST',
    '              valueFrom:',
    '                fieldRef:',
    '                  fieldPath: status.hostIP',
  );

  const v = repo.file('deploy/helm/reporting/values-prod.yaml', 'k8s');
  v.l('image:');
  v.d(`  repository: ${h.ecr(acct, 'reporting')}`, 'ecr repo');
  v.d(`  tag: "${t.sha1().slice(0, 12)}"`, 'short sha tag');
  v.l(
    'kafka:',
    '  bootstrap: b-1.reporting-msk.k2x7ab.c3.kafka.us-east-1.amazonaws.com:9096',
    '  sasl:',
    '    username: reporting',
  );
  const vk = h.pw();
  v.s(`    password: "${vk}"`, 'generic', vk);
  v.l('snowflake:', `  account: ${SF_ACCOUNT}`, '  user: REPORTING_SVC');
  const vs = h.pw();
  v.s(`  password: ${vs}`, 'generic', vs);
  v.l('newrelic:');
  const vn = h.nrLicense();
  v.s(`  licenseKey: ${vn}`, 'newrelic', vn);
  v.l('sentry:');
  v.d(`  dsn: ${h.dsn()}`, 'sentry dsn');
  v.l('googleAds:');
  v.d(`  clientId: ${h.gClientId()}`, 'oauth client id');
  v.d('  developerTokenSecretRef: { name: google-ads, key: developer-token }', 'secret reference');
  v.d('  existingSecret: reporting-google-ads', 'secret name');

  const tpl = repo.file('deploy/helm/reporting/templates/secret.yaml', 'k8s');
  tpl.l('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: {{ include "reporting.fullname" . }}', 'stringData:');
  tpl.d('  KAFKA_SASL_PASSWORD: {{ .Values.kafka.sasl.password | quote }}', 'helm template');
  tpl.d(
    '  SNOWFLAKE_PASSWORD: {{ required "snowflake password" .Values.snowflake.password | quote }}',
    'helm template',
  );
  tpl.d('  NEW_RELIC_LICENSE_KEY: {{ .Values.newrelic.licenseKey | b64enc }}', 'helm template');

  const es = repo.file('deploy/k8s/external-secrets/bidder.yaml', 'k8s');
  es.l(
    'apiVersion: external-secrets.io/v1beta1',
    'kind: ExternalSecret',
    'metadata:',
    '  name: bidder-credentials',
    'spec:',
  );
  es.l(
    '  secretStoreRef: { kind: ClusterSecretStore, name: aws-secrets-manager }',
    '  data:',
    '    - secretKey: REDIS_PASSWORD',
    '      remoteRef:',
  );
  es.d('        key: prod/bidder/redis', 'secret path');
  es.d('        property: password', 'property name');
  es.l('    - secretKey: MAXMIND_LICENSE_KEY', '      remoteRef:');
  es.d('        key: prod/shared/maxmind', 'secret path');
  es.d('        property: license_key', 'property name');

  const seal = repo.file('deploy/k8s/collector/sealed-credentials.yaml', 'k8s');
  seal.l(
    'apiVersion: bitnami.com/v1alpha1',
    'kind: SealedSecret',
    'metadata:',
    '  name: collector-credentials',
    '  namespace: collector',
    'spec:',
    '  encryptedData:',
  );
  seal.d(`    KAFKA_SASL_PASSWORD: AgB${h.b64(380)}==`, 'sealed secret');
  seal.d(`    AWS_SECRET_ACCESS_KEY: AgC${h.b64(380)}==`, 'sealed secret');

  const cm = repo.file('deploy/k8s/collector/configmap.yaml', 'k8s');
  cm.l(
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: collector-config',
    '  namespace: collector',
    'data:',
    '  config.toml: |',
  );
  cm.l(
    '    [kafka]',
    '    brokers = "pkc-p11xm.us-east-1.aws.confluent.cloud:9092"',
    `    sasl_username = "${h.cfltKey()}"`,
  );
  const cms = h.cfltSecret();
  cm.s(`    sasl_password = "${cms}"`, 'confluent', cms);
  cm.l('    [geoip]');
  cm.d('    license_key = "${MAXMIND_LICENSE_KEY}"', 'env reference');

  const ddv = repo.file('deploy/helm/datadog/values-prod.yaml', 'k8s');
  ddv.l('datadog:');
  const dA = t.ddApi();
  const dP = t.ddApp();
  ddv.s(`  apiKey: ${dA}`, 'datadog', dA);
  ddv.s(`  appKey: ${dP}`, 'datadog', dP);
  ddv.l(
    '  site: datadoghq.com',
    '  clusterName: eks-prod-use1',
    '  logs:',
    '    enabled: true',
    'clusterAgent:',
    '  enabled: true',
  );
  const cat = h.gen(32);
  ddv.s(`  token: ${cat}`, 'generic', cat);

  const cfd = repo.file('deploy/k8s/cloudflared/deployment.yaml', 'k8s');
  cfd.l(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: cloudflared',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
  );
  cfd.l('        - name: cloudflared', '          image: cloudflare/cloudflared:2024.6.1', '          args:');
  cfd.l('            - tunnel', '            - --no-autoupdate', '            - run', '            - --token');
  const tun = h.cfTunnel();
  cfd.s(`            - ${tun}`, 'cloudflare', tun);

  const kc = repo.file('ops/home/.kube/config', 'k8s');
  kc.l('apiVersion: v1', 'kind: Config', 'clusters:', '  - name: eks-prod-use1', '    cluster:');
  kc.d(`      server: https://${t.pick('0123456789ABCDEF', 32)}.gr7.us-east-1.eks.amazonaws.com`, 'eks endpoint');
  kc.d(
    `      certificate-authority-data: ${h.enc(['-----BEGIN CERTIFICATE-----', `MIIC${h.b64(60)}`, '-----END CERTIFICATE-----'].join('\n'))}`,
    'ca certificate',
  );
  kc.l(
    'users:',
    '  - name: eks-prod',
    '    user:',
    '      exec:',
    '        apiVersion: client.authentication.k8s.io/v1beta1',
    '        command: aws',
  );
  kc.d('        args: [eks, get-token, --cluster-name, eks-prod-use1, --region, us-east-1]', 'exec plugin');
}

// ---- AWS CDK (TypeScript) ------------------------------------------------------------------

function cdk(repo, t, h) {
  const acct = h.account();
  const b = repo.file('infra/cdk/lib/bidder-stack.ts', 'cdk');
  b.l(
    "import { SecretValue, Stack, StackProps } from 'aws-cdk-lib';",
    "import * as elasticache from 'aws-cdk-lib/aws-elasticache';",
    '',
  );
  b.l(
    'export class BidderStack extends Stack {',
    '  constructor(scope: Construct, id: string, props: StackProps) {',
    '    super(scope, id, props);',
  );
  b.d(`    const vpc = ec2.Vpc.fromLookup(this, 'Vpc', { vpcId: 'vpc-${t.pick(HEX, 17)}' });`, 'vpc id');
  b.l(
    "    new elasticache.CfnReplicationGroup(this, 'FreqCap', {",
    "      replicationGroupDescription: 'bidder frequency caps',",
    '      transitEncryptionEnabled: true,',
  );
  const auth = h.gen(32);
  b.s(`      authToken: '${auth}',`, 'generic', auth);
  b.l('    });');
  b.d(
    "    const redisSecret = secretsmanager.Secret.fromSecretNameV2(this, 'RedisAuth', 'prod/bidder/redis');",
    'secret name',
  );
  b.l(
    "    new lambda.Function(this, 'PacingReporter', {",
    '      runtime: lambda.Runtime.PROVIDED_AL2023,',
    '      environment: {',
  );
  const dd = t.ddApi();
  b.s(`        DD_API_KEY: '${dd}',`, 'datadog', dd);
  b.d("        DD_SITE: 'datadoghq.com',", 'plain');
  b.d("        MAXMIND_LICENSE_KEY_PARAM: '/bidder/prod/maxmind-license-key',", 'ssm parameter name');
  b.d(`        ENCRYPTED_TTD_SECRET: '${h.kmsBlob()}',`, 'kms ciphertext blob');
  b.l('      },', '    });');
  const ttd = h.url(48);
  b.s(
    `    new secretsmanager.Secret(this, 'TtdSecret', { secretStringValue: SecretValue.unsafePlainText('${ttd}') });`,
    'generic',
    ttd,
  );
  b.d("    const metaToken = SecretValue.secretsManager('prod/meta/system-user-token');", 'secret reference');
  b.d(
    "    const license = ssm.StringParameter.valueForStringParameter(this, '/bidder/prod/maxmind-license-key');",
    'ssm reference',
  );
  b.l('  }', '}');

  const p = repo.file('infra/cdk/lib/pipeline-stack.ts', 'cdk');
  p.l(
    "import * as actions from 'aws-cdk-lib/aws-codepipeline-actions';",
    '',
    'const source = new actions.GitHubSourceAction({',
  );
  p.l("  actionName: 'GitHub',", "  owner: 'acme-ads',", "  repo: 'monorepo',");
  const gh = t.github();
  p.s(`  oauthToken: SecretValue.unsafePlainText('${gh}'),`, 'github', gh);
  p.l(
    '  output: sourceOutput,',
    '});',
    '',
    'const mirror = new actions.GitHubSourceAction({',
    "  actionName: 'Mirror',",
  );
  p.d("  oauthToken: SecretValue.secretsManager('github/acme-ads-ci'),", 'secret reference');
  p.l('  output: mirrorOutput,', '});');

  const ctx = repo.file('infra/cdk/cdk.context.json', 'cdk');
  ctx.l('{');
  ctx.d(
    `  "hosted-zone:account=${acct}:domainName=acme-ads.com:region=us-east-1": { "Id": "/hostedzone/Z${t.mixed(UPPER + DIGIT, 20)}", "Name": "acme-ads.com." },`,
    'hosted zone id',
  );
  ctx.d(
    `  "ami:account=${acct}:filters.name.0=bottlerocket-aws-k8s-1.29-x86_64-*:region=us-east-1": "ami-${t.pick(HEX, 17)}",`,
    'ami id',
  );
  ctx.d(
    `  "availability-zones:account=${acct}:region=us-east-1": ["us-east-1a", "us-east-1b", "us-east-1c"]`,
    'account id',
  );
  ctx.l('}');
}

// ---- Terraform -----------------------------------------------------------------------------

function terraform(repo, t, h) {
  const v = repo.file('infra/terraform/envs/prod/terraform.tfvars', 'terraform');
  v.l('environment = "prod"', 'region      = "us-east-1"');
  v.d(`aws_account_id = "${h.account()}"`, 'account id');
  v.d('snowflake_account = "xy12345"', 'account locator');
  const sp = h.pw();
  v.s(`snowflake_password = "${sp}"`, 'generic', sp);
  const da = t.ddApi();
  v.s(`datadog_api_key = "${da}"`, 'datadog', da);
  v.d(`cloudflare_zone_id    = "${t.pick(HEX, 32)}"`, 'zone id');
  v.d(`cloudflare_account_id = "${t.pick(HEX, 32)}"`, 'account id');
  // Confluent's own Terraform examples mark the key id `sensitive` alongside the secret.
  const ck = h.cfltKey();
  v.s(`confluent_cloud_api_key = "${ck}"`, 'confluent', ck);
  const cs = h.cfltSecret();
  v.s(`confluent_cloud_api_secret = "${cs}"`, 'confluent', cs);
  v.d('databricks_host = "https://dbc-a1b2c3d4-e5f6.cloud.databricks.com"', 'host');

  const m = repo.file('infra/terraform/modules/data-platform/main.tf', 'terraform');
  m.l('variable "confluent_cloud_api_secret" {', '  type      = string', '  sensitive = true', '}', '');
  m.l('provider "confluent" {');
  m.d('  cloud_api_key    = var.confluent_cloud_api_key', 'variable reference');
  m.d('  cloud_api_secret = var.confluent_cloud_api_secret', 'variable reference');
  m.l('}', '', 'provider "databricks" {', '  host  = "https://dbc-a1b2c3d4-e5f6.cloud.databricks.com"');
  const dapi = h.dapi();
  m.s(`  token = "${dapi}"`, 'databricks', dapi);
  m.l('}', '', 'provider "snowflake" {', '  account  = "xy12345"', '  user     = "TERRAFORM"');
  m.d('  password = var.snowflake_password', 'variable reference');
  m.l('}', '', 'output "collector_api_secret" {');
  m.d('  value     = confluent_api_key.collector.secret', 'attribute reference');
  m.l('  sensitive = true', '}');

  const cft = repo.file('infra/terraform/modules/edge/cloudflare.tf', 'terraform');
  cft.l('provider "cloudflare" {', '  email   = "ops@acme-ads.com"');
  const gk = h.cfGlobal();
  cft.s(`  api_key = "${gk}"`, 'cloudflare', gk);
  cft.l('}', '', 'resource "cloudflare_record" "tag" {');
  cft.d(`  zone_id = "${t.pick(HEX, 32)}"`, 'zone id');
  cft.l(
    '  name    = "tag"',
    '  type    = "CNAME"',
    '  value   = "d3k9x2m4q8z1ab.cloudfront.net"',
    '  proxied = true',
    '}',
  );

  const st = repo.file('infra/terraform/envs/prod/terraform.tfstate', 'terraform');
  st.l('{', '  "version": 4,', '  "terraform_version": "1.7.5",', '  "serial": 212,');
  st.d(`  "lineage": "${t.uuid()}",`, 'lineage uuid');
  st.l(
    '  "outputs": {},',
    '  "resources": [',
    '    {',
    '      "mode": "managed",',
    '      "type": "aws_iam_access_key",',
  );
  st.l(
    '      "name": "attribution_export",',
    '      "provider": "provider[\\"registry.terraform.io/hashicorp/aws\\"]",',
    '      "instances": [',
    '        {',
  );
  st.l(
    '          "schema_version": 0,',
    '          "attributes": {',
    '            "create_date": "2025-03-02T10:11:12Z",',
  );
  const sak = t.awsId();
  const sas = t.awsSecret();
  const smtp = h.sesSmtp();
  st.s(`            "id": "${sak}",`, 'aws', sak);
  st.l('            "key_fingerprint": null,', '            "pgp_key": null,');
  st.s(`            "secret": "${sas}",`, 'aws', sas);
  st.s(`            "ses_smtp_password_v4": "${smtp}",`, 'aws', smtp);
  st.l('            "status": "Active",', '            "user": "attribution-export"', '          },');
  st.l(
    '          "sensitive_attributes": [[{ "type": "get_attr", "value": "secret" }]]',
    '        }',
    '      ]',
    '    },',
  );
  st.l(
    '    {',
    '      "mode": "managed",',
    '      "type": "random_password",',
    '      "name": "aerospike_admin",',
    '      "instances": [',
    '        {',
    '          "attributes": {',
  );
  st.d(`            "bcrypt_hash": "$2a$10$${t.mixed(ALNUM + './', 53)}",`, 'bcrypt hash');
  st.l('            "id": "none",', '            "length": 24,');
  const rp = `${t.alnum(10)}${t.pick('!#%&*()-_=+[]{}<>:?', 2)}${t.alnum(12)}`;
  st.s(`            "result": "${rp}",`, 'generic', rp);
  st.l('            "special": true', '          }', '        }', '      ]', '    }', '  ]', '}');

  const rc = repo.file('ops/home/.terraform.d/credentials.tfrc.json', 'terraform');
  const tfc = h.tfc();
  rc.l('{', '  "credentials": {', '    "app.terraform.io": {');
  rc.s(`      "token": "${tfc}"`, 'terraform', tfc);
  rc.l('    }', '  }', '}');
}

// ---- Spinnaker pipelines -------------------------------------------------------------------

function spinnaker(repo, t, h) {
  const p = repo.file('deploy/spinnaker/pipelines/bidder-deploy.json', 'spinnaker');
  p.l('{', '  "application": "bidder",', '  "name": "deploy-prod",');
  p.d(`  "id": "${t.uuid()}",`, 'pipeline id');
  p.l('  "keepWaitingPipelines": false,', '  "stages": [', '    {', '      "type": "deployManifest",');
  p.l('      "name": "Deploy bidder",', '      "refId": "1",', '      "account": "eks-prod-use1",');
  p.d(`      "manifestArtifactId": "${t.uuid()}",`, 'artifact id');
  p.l(
    '      "requisiteStageRefIds": []',
    '    },',
    '    {',
    '      "type": "webhook",',
    '      "name": "Datadog deploy event",',
  );
  p.l(
    '      "refId": "2",',
    '      "url": "https://api.datadoghq.com/api/v1/events",',
    '      "method": "POST",',
    '      "customHeaders": {',
  );
  const dd = t.ddApi();
  p.s(`        "DD-API-KEY": "${dd}",`, 'datadog', dd);
  p.l('        "Content-Type": "application/json"', '      },');
  p.d(
    '      "payload": { "title": "bidder ${trigger[\'tag\']} deployed", "text": "${execution.id}" },',
    'spel expression',
  );
  p.l(
    '      "requisiteStageRefIds": ["1"]',
    '    },',
    '    {',
    '      "type": "webhook",',
    '      "name": "Notify Slack",',
    '      "refId": "3",',
  );
  const hook = t.slackWebhook();
  p.s(`      "url": "${hook}",`, 'slack', hook);
  p.l(
    '      "method": "POST",',
    '      "requisiteStageRefIds": ["2"]',
    '    },',
    '    {',
    '      "type": "webhook",',
    '      "name": "Purge tag CDN",',
  );
  p.d(`      "url": "https://api.cloudflare.com/client/v4/zones/${t.pick(HEX, 32)}/purge_cache",`, 'zone id in url');
  p.l('      "customHeaders": {');
  const cf = h.cfToken();
  p.s(`        "Authorization": "Bearer ${cf}"`, 'cloudflare', cf);
  p.l('      },', '      "requisiteStageRefIds": ["1"]', '    }', '  ],', '  "triggers": [');
  p.d(
    `    { "type": "docker", "account": "ecr-prod", "organization": "bidder", "repository": "bidder", "tag": "^v\\\\d+", "runAsUser": "${t.uuid()}@managed-service-account" }`,
    'trigger ids',
  );
  p.l('  ]', '}');

  const c = repo.file('deploy/spinnaker/pipelines/reporting-canary.json', 'spinnaker');
  c.l('{', '  "application": "reporting",', '  "name": "canary-prod",', '  "parameterConfig": [');
  const gh = t.github();
  c.s(`    { "name": "githubToken", "default": "${gh}", "description": "reads canary-configs repo" },`, 'github', gh);
  c.d(`    { "name": "canaryConfigId", "default": "${t.uuid()}" }`, 'config id');
  c.l('  ],', '  "stages": [', '    {', '      "type": "kayentaCanary",', '      "canaryConfig": {');
  c.d('        "canaryConfigId": "${parameters.canaryConfigId}",', 'spel');
  c.l(
    '        "scoreThresholds": { "marginal": 75, "pass": 90 }',
    '      }',
    '    }',
    '  ],',
    '  "expectedArtifacts": [',
  );
  c.d(
    `    { "id": "${t.uuid()}", "matchArtifact": { "type": "s3/object", "reference": "s3://acme-spinnaker/reporting/manifest.yaml" } }`,
    'artifact id',
  );
  c.l('  ]', '}');
}

// ---- Jenkins and GitHub Actions ------------------------------------------------------------

function ciPipelines(repo, t, h) {
  const j = repo.file('services/reporting/Jenkinsfile', 'ci');
  j.l('pipeline {', '  agent { label "gradle-jdk21" }', '  environment {');
  const squ = h.squ();
  j.s(`    SONAR_TOKEN = '${squ}'`, 'sonarqube', squ);
  j.d("    ARTIFACTORY = credentials('artifactory-ci')", 'jenkins credentials binding');
  j.l(
    '  }',
    '  stages {',
    "    stage('Build') {",
    '      steps {',
    "        sh './gradlew build sonar -Dsonar.host.url=https://sonar.acme-ads.com'",
    '      }',
    '    }',
  );
  j.l("    stage('Publish') {", '      steps {');
  const dockerPw = h.pw();
  j.s(`        sh "docker login -u ci-deployer -p '${dockerPw}' acme.jfrog.io"`, 'generic', dockerPw);
  j.d(
    "        withCredentials([string(credentialsId: 'dd-api-key', variable: 'DD_API_KEY')]) {",
    'credentials binding',
  );
  j.l(
    '          sh "datadog-ci junit upload --service reporting build/test-results"',
    '        }',
    '      }',
    '    }',
    '  }',
    '}',
  );

  const ja = repo.file('services/adserver/Jenkinsfile', 'ci');
  ja.l('def notify(String msg) {');
  const xb = t.slackBot();
  ja.s(`  def slackToken = '${xb}'`, 'slack', xb);
  ja.l(
    '  sh "curl -sS -H \\"Authorization: Bearer ${slackToken}\\" -d text=\\"${msg}\\" -d channel=C04QJ8Z2K1M https://slack.com/api/chat.postMessage"',
    '}',
  );
  ja.l(
    'pipeline {',
    '  agent any',
    '  stages {',
    "    stage('Build') { steps { sh 'cmake -B build -G Ninja && ninja -C build' } }",
    '  }',
    '  post {',
  );
  ja.d(
    "    failure { slackSend(tokenCredentialId: 'slack-bot', channel: '#adserver', message: 'build failed') }",
    'credential id',
  );
  ja.l('  }', '}');

  const b = repo.file('.github/workflows/bidder-ci.yml', 'ci');
  b.l(
    'name: bidder-ci',
    'on: [push]',
    'permissions:',
    '  id-token: write',
    '  contents: read',
    'jobs:',
    '  build:',
    '    runs-on: ubuntu-latest',
    '    env:',
  );
  b.d('      AWS_ACCESS_KEY_ID: ${{ secrets.AWS_ACCESS_KEY_ID }}', 'github secrets reference');
  const dd = t.ddApi();
  b.s(`      DD_API_KEY: ${dd}`, 'datadog', dd);
  b.l('    steps:');
  b.d(`      - uses: actions/checkout@${t.sha1()} # v4.1.7`, 'pinned action sha');
  b.l('      - uses: aws-actions/configure-aws-credentials@v4', '        with:');
  b.d(`          role-to-assume: arn:aws:iam::${h.account()}:role/gha-bidder`, 'role arn');
  b.l('          aws-region: us-east-1', '      - run: go test ./services/bidder/...');

  const d = repo.file('.github/workflows/dashboard-deploy.yml', 'ci');
  d.l(
    'name: dashboard-deploy',
    'on:',
    '  push:',
    '    branches: [main]',
    'jobs:',
    '  deploy:',
    '    runs-on: ubuntu-latest',
    '    env:',
  );
  const sat = h.sntrys();
  d.s(`      SENTRY_AUTH_TOKEN: ${sat}`, 'sentry', sat);
  d.d('      CLOUDFLARE_API_TOKEN: ${{ secrets.CLOUDFLARE_API_TOKEN }}', 'github secrets reference');
  d.d(`      CLOUDFLARE_ACCOUNT_ID: ${t.pick(HEX, 32)}`, 'cloudflare account id');
  d.l(
    '    steps:',
    '      - uses: actions/checkout@v4',
    '      - run: npm ci && npm run build -w apps/dashboard',
    '      - run: npx wrangler pages deploy apps/dashboard/dist --project-name dashboard',
  );
}

// ---- Docker --------------------------------------------------------------------------------

function docker(repo, t, h) {
  const b = repo.file('services/bidder/Dockerfile', 'docker');
  b.l('FROM golang:1.22-bookworm AS build', 'WORKDIR /src');
  b.d('ARG MAXMIND_LICENSE_KEY', 'build arg name only');
  b.d(
    'RUN --mount=type=secret,id=maxmind_license geoipupdate -f /run/secrets/maxmind_license -d /geoip',
    'build secret mount',
  );
  b.d(
    `ADD --checksum=sha256:${t.sha256()} https://github.com/maxmind/geoipupdate/releases/download/v7.0.1/geoipupdate_7.0.1_linux_amd64.tar.gz /tmp/`,
    'checksum',
  );
  b.l('COPY . .', 'RUN go build -o /bidder ./cmd/bidder', '', 'FROM gcr.io/distroless/static-debian12');
  const dd = t.ddApi();
  b.s(`ENV DD_API_KEY=${dd}`, 'datadog', dd);
  b.l('COPY --from=build /bidder /bidder', 'ENTRYPOINT ["/bidder"]');

  const a = repo.file('services/adserver/Dockerfile', 'docker');
  a.l(
    'FROM ubuntu:24.04',
    'RUN apt-get update && apt-get install -y libcurl4 libmaxminddb0 && rm -rf /var/lib/apt/lists/*',
  );
  const nrl = h.nrLicense();
  a.s(`ENV NEW_RELIC_LICENSE_KEY=${nrl} NEW_RELIC_APP_NAME=adserver`, 'newrelic', nrl);
  a.l('COPY build/adserver /usr/local/bin/adserver', 'CMD ["adserver", "--config", "/etc/adserver/adserver.ini"]');

  const c = repo.file('docker-compose.yml', 'docker');
  c.l('services:', '  postgres:', '    image: postgres:16', '    environment:');
  c.d('      POSTGRES_PASSWORD: postgres', 'local default');
  c.l('  redis:', '    image: redis:7', '    command: ["redis-server", "--requirepass", "${REDIS_PASSWORD:-}"]');
  c.l('  collector:', '    build: services/collector', '    environment:');
  const ck = h.cfltKey();
  const cs = h.cfltSecret();
  c.s(
    `      KAFKA_SASL_JAAS_CONFIG: org.apache.kafka.common.security.plain.PlainLoginModule required username="${ck}" password="${cs}";`,
    'confluent',
    cs,
  );
  c.d('      REDIS_PASSWORD: ${REDIS_PASSWORD:-}', 'compose variable');
  c.l('  reporting:', '    build: services/reporting', '    environment:');
  const sf = h.pw();
  c.s(`      SNOWFLAKE_PASSWORD: "${sf}"`, 'generic', sf);
  c.d('      SPRING_PROFILES_ACTIVE: local', 'plain');

  const k = repo.file('platform/docker-compose.kafka.yml', 'docker');
  k.l('services:', '  zookeeper:', '    image: confluentinc/cp-zookeeper:7.6.1', '    environment:');
  k.d('      KAFKA_OPTS: -Djava.security.auth.login.config=/etc/kafka/secrets/zookeeper_jaas.conf', 'file path');
  k.l('  broker:', '    image: confluentinc/cp-kafka:7.6.1', '    environment:');
  const admin = h.gen(20);
  k.s(
    `      KAFKA_LISTENER_NAME_SASL_PLAINTEXT_PLAIN_SASL_JAAS_CONFIG: org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="${admin}" user_admin="${admin}";`,
    'generic',
    admin,
  );
  k.l('  schema-registry:', '    image: confluentinc/cp-schema-registry:7.6.1', '    environment:');
  k.d('      SCHEMA_REGISTRY_KAFKASTORE_SASL_JAAS_CONFIG: ${SR_JAAS_CONFIG}', 'compose variable');
}

// ---- Kafka / Zookeeper / Schema Registry ---------------------------------------------------

function kafkaPlatform(repo, t, h) {
  const sp = repo.file('platform/kafka/server.properties', 'kafka');
  sp.l(
    'broker.id=1',
    'listeners=SASL_SSL://0.0.0.0:9094',
    'sasl.enabled.mechanisms=SCRAM-SHA-512',
    'sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512',
  );
  const bpw = h.pw();
  sp.s(
    `listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="broker" password="${bpw}";`,
    'generic',
    bpw,
  );
  sp.l('ssl.keystore.location=/var/private/ssl/kafka.server.keystore.jks');
  const ksp = h.gen(16);
  sp.s(`ssl.keystore.password=${ksp}`, 'generic', ksp);
  sp.l('ssl.truststore.location=/var/private/ssl/kafka.server.truststore.jks');
  sp.d('ssl.truststore.password=changeit', 'well-known default');
  sp.l('zookeeper.connect=zk-0.zk:2181,zk-1.zk:2181,zk-2.zk:2181/kafka');
  const lic = t.jwt();
  sp.s(`confluent.license=${lic}`, 'confluent', lic);

  const cc = repo.file('platform/kafka/client-confluent-cloud.properties', 'kafka');
  cc.d('bootstrap.servers=pkc-p11xm.us-east-1.aws.confluent.cloud:9092', 'bootstrap host');
  cc.l('security.protocol=SASL_SSL', 'sasl.mechanism=PLAIN');
  const k1 = h.cfltKey();
  const s1 = h.cfltSecret();
  cc.s(
    `sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username='${k1}' password='${s1}';`,
    'confluent',
    s1,
  );
  cc.l(
    'schema.registry.url=https://psrc-8vyvr.us-east-2.aws.confluent.cloud',
    'basic.auth.credentials.source=USER_INFO',
  );
  cc.d('basic.auth.user.info={{ SR_API_KEY }}:{{ SR_API_SECRET }}', 'confluent template placeholder');

  const jaas = repo.file('platform/zookeeper/zookeeper_jaas.conf', 'kafka');
  jaas.l('Server {', '  org.apache.zookeeper.server.auth.DigestLoginModule required');
  const zs = h.pw();
  jaas.s(`  user_super="${zs}"`, 'generic', zs);
  const zk = h.gen(20);
  jaas.s(`  user_kafka="${zk}";`, 'generic', zk);
  jaas.l('};');

  const sr = repo.file('platform/schema-registry/schema-registry.properties', 'kafka');
  sr.l(
    'listeners=https://0.0.0.0:8081',
    'kafkastore.bootstrap.servers=SASL_SSL://kafka-0.kafka:9094',
    'kafkastore.sasl.mechanism=SCRAM-SHA-512',
  );
  const srp = h.pw();
  sr.s(
    `kafkastore.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="schema-registry" password="${srp}";`,
    'generic',
    srp,
  );
  sr.d(
    'ssl.truststore.password=${file:/mnt/secrets/sr-creds.properties:truststore_password}',
    'config provider reference',
  );
  sr.l(
    'authentication.method=BASIC',
    'authentication.realm=SchemaRegistry',
    'authentication.roles=admin,developer,user',
  );

  const pf = repo.file('platform/schema-registry/password.properties', 'kafka');
  pf.d(`sr-admin: MD5:${h.md5()},admin`, 'jetty md5 hash');
  pf.d(`reporting: CRYPT:${t.mixed(ALNUM + './', 13)},developer`, 'jetty crypt hash');
  const plain = h.pw();
  pf.s(`bidder: ${plain},user`, 'generic', plain);

  const s3 = repo.file('platform/connect/s3-sink-impressions.json', 'kafka');
  s3.l(
    '{',
    '  "name": "s3-sink-impressions",',
    '  "config": {',
    '    "connector.class": "io.confluent.connect.s3.S3SinkConnector",',
    '    "topics": "impressions.v3",',
  );
  const ak = t.awsId();
  const as = t.awsSecret();
  s3.s(`    "aws.access.key.id": "${ak}",`, 'aws', ak);
  s3.s(`    "aws.secret.access.key": "${as}",`, 'aws', as);
  s3.l('    "s3.bucket.name": "acme-impressions-raw",', '    "flush.size": "50000"', '  }', '}');
}

// ---- Jupyter notebook ----------------------------------------------------------------------

function notebook(repo, t, h) {
  const n = repo.file('notebooks/campaign-analytics/roas_by_channel.ipynb', 'notebook');
  n.l('{', ' "cells": [', '  {', '   "cell_type": "markdown",');
  n.d(`   "id": "${t.pick(HEX, 8)}",`, 'cell id');
  n.l(
    '   "metadata": {},',
    '   "source": [',
    '    "# ROAS by channel, Q2\\n",',
    '    "Spend from Snowflake, conversions from Meta and Google Ads."',
    '   ]',
    '  },',
  );
  n.l('  {', '   "cell_type": "code",', '   "execution_count": 3,');
  n.d(`   "id": "${t.pick(HEX, 8)}",`, 'cell id');
  n.l('   "metadata": {},', '   "outputs": [],', '   "source": [', '    "import snowflake.connector\\n",');
  const sfPw = h.pw();
  n.s(
    `    "conn = snowflake.connector.connect(user=\\"ANALYST_JDOE\\", password=\\"${sfPw}\\", account=\\"${SF_ACCOUNT}\\", warehouse=\\"ANALYTICS_WH\\")\\n",`,
    'generic',
    sfPw,
  );
  n.l('    "spend = pd.read_sql(SPEND_SQL, conn)"', '   ]', '  },');
  n.l(
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 4,',
    '   "metadata": {},',
    '   "outputs": [',
    '    {',
    '     "name": "stdout",',
    '     "output_type": "stream",',
    '     "text": [',
  );
  const tok = h.fbToken();
  n.s(`      "Authenticated to graph.facebook.com with ${tok} (system user, never expires)\\n",`, 'facebook', tok);
  n.d(`      "Fetched 1,284 rows for act_${t.digits(15)}\\n"`, 'ad account id');
  n.l('     ]', '    }', '   ],', '   "source": [');
  n.d('    "token = os.environ[\\"META_SYSTEM_USER_TOKEN\\"]\\n",', 'env reference');
  n.l('    "insights = fetch_insights(token, AD_ACCOUNT)"', '   ]', '  },');
  n.l(
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 5,',
    '   "metadata": {},',
    '   "outputs": [],',
    '   "source": [',
  );
  const dapi = h.dapi();
  n.s(`    "os.environ[\\"DATABRICKS_TOKEN\\"] = \\"${dapi}\\"\\n",`, 'databricks', dapi);
  n.l('    "touchpoints = spark.read.table(\\"attribution.touchpoints\\")"', '   ]', '  },');
  n.l(
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 6,',
    '   "metadata": {},',
    '   "outputs": [',
    '    {',
    '     "data": {',
    '      "text/plain": [',
  );
  const dev = h.adsDevToken();
  const cs = h.gocspx();
  n.s(
    `       "{'developer_token': '${dev}', 'client_id': '${h.gClientId()}', 'client_secret': '${cs}', 'use_proto_plus': True}"`,
    'gcp',
    cs,
  );
  n.l(
    '      ]',
    '     },',
    '     "execution_count": 6,',
    '     "metadata": {},',
    '     "output_type": "execute_result"',
    '    },',
    '    {',
    '     "data": {',
  );
  n.d(`      "image/png": "${t.pngBase64()}",`, 'inline png output');
  n.l(
    '      "text/plain": [',
    '       "<Figure size 1200x500 with 1 Axes>"',
    '      ]',
    '     },',
    '     "metadata": {},',
    '     "output_type": "display_data"',
    '    }',
    '   ],',
  );
  n.l(
    '   "source": [',
    '    "client = GoogleAdsClient.load_from_storage(\\"google-ads.yaml\\")\\n",',
    '    "client.__dict__[\\"_credentials_dict\\"]"',
    '   ]',
    '  },',
  );
  n.l(
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 7,',
    '   "metadata": {},',
    '   "outputs": [],',
    '   "source": [',
  );
  n.d(
    `    "CAMPAIGNS = [${t.digits(11)}, ${t.digits(11)}, ${t.digits(11)}]  # Google Ads campaign ids\\n",`,
    'campaign ids',
  );
  n.d(`    "HASHED = \\"${t.sha256()}\\"  # sha256(email) for Customer Match"`, 'hashed email');
  n.l(
    '   ]',
    '  }',
    ' ],',
    ' "metadata": {',
    '  "kernelspec": { "display_name": "Python 3", "language": "python", "name": "python3" }',
    ' },',
    ' "nbformat": 4,',
    ' "nbformat_minor": 5',
    '}',
  );
}

// ---- logs ----------------------------------------------------------------------------------

function logs(repo, t, h) {
  const b = repo.file('logs/bidder/bidder-2025-06-11.log', 'logs');
  for (let i = 0; i < 3; i++)
    b.d(
      `{"level":"info","ts":"2025-06-11T08:0${i}:12.114Z","msg":"bid","request_id":"${t.uuid()}","imp_id":"1","deal_id":"ACME-${t.digits(6)}","creative_id":"cr_${t.lower(12)}","price_cpm":2.41,"gdpr_consent":"${h.consent()}"}`,
      'request ids, consent string',
    );
  b.d(
    `{"level":"info","ts":"2025-06-11T08:04:12.551Z","msg":"click","gclid":"${h.gclid()}","fbclid":"${h.fbclid()}","ifa":"${t.uuid().toUpperCase()}"}`,
    'click ids',
  );
  const rp = h.pwA();
  b.s(
    `{"level":"error","ts":"2025-06-11T08:05:00.003Z","msg":"redis dial failed","url":"rediss://default:${rp}@budget-store.k2x7ab.ng.0001.use1.cache.amazonaws.com:6380/0","error":"i/o timeout"}`,
    'database',
    rp,
  );
  const ttd = h.url(64);
  b.s(
    `{"level":"debug","ts":"2025-06-11T08:05:02.870Z","msg":"ttd request","method":"POST","path":"/v3/campaign/query/advertiser","headers":{"TTD-Auth":"${ttd}","Content-Type":"application/json"}}`,
    'generic',
    ttd,
  );
  b.d(
    `{"level":"warn","ts":"2025-06-11T08:05:03.001Z","msg":"redacted config","redis.password":"[REDACTED]","kafka.sasl.password":"******"}`,
    'redacted values',
  );

  const k = repo.file('logs/kafka/reporting-consumer.log', 'logs');
  k.l('2025-06-11 08:00:01,114 INFO  [main] o.a.k.c.c.ConsumerConfig: ConsumerConfig values:');
  k.l('\tbootstrap.servers = [b-1.reporting-msk.k2x7ab.c3.kafka.us-east-1.amazonaws.com:9096]');
  k.l('\tgroup.id = reporting-aggregator');
  k.d('\tsasl.jaas.config = [hidden]', 'kafka masks it');
  k.l('\tsasl.mechanism = SCRAM-SHA-512');
  k.d('\tssl.keystore.password = [hidden]', 'kafka masks it');
  k.d('\tssl.truststore.password = null', 'null');
  const kpw = h.pw();
  k.s(
    `2025-06-11 08:00:01,902 ERROR [main] o.a.k.c.s.a.JaasContext: Invalid JAAS config: org.apache.kafka.common.security.scram.ScramLoginModule required username="reporting" password="${kpw}" (missing ';')`,
    'generic',
    kpw,
  );
  k.l('2025-06-11 08:00:02,003 INFO  [main] o.a.k.c.u.AppInfoParser: Kafka version: 3.7.0');
  k.d(`2025-06-11 08:00:02,004 INFO  [main] o.a.k.c.u.AppInfoParser: Kafka commitId: ${t.pick(HEX, 16)}`, 'commit id');

  const cw = repo.file('logs/cloudwatch/pacing-reporter-2025-06-11.json', 'logs');
  cw.l('{', '    "events": [', '        {');
  const stream = `2025/06/11/[$LATEST]${t.pick(HEX, 32)}`;
  cw.d(`            "logStreamName": "${stream}",`, 'log stream id');
  cw.l('            "timestamp": 1749630000123,');
  cw.d(`            "message": "START RequestId: ${t.uuid()} Version: $LATEST\\n",`, 'request id');
  cw.d(`            "eventId": "${t.digits(56)}"`, 'event id');
  cw.l(
    '        },',
    '        {',
    `            "logStreamName": "${stream}",`,
    '            "timestamp": 1749630000412,',
  );
  const stsTok = h.stsToken();
  cw.s(
    `            "message": "[DEBUG]\\t2025-06-11T08:20:00.412Z\\t${t.uuid()}\\tloaded env AWS_SESSION_TOKEN=${stsTok}\\n",`,
    'aws',
    stsTok,
  );
  cw.d(`            "eventId": "${t.digits(56)}"`, 'event id');
  cw.l(
    '        },',
    '        {',
    `            "logStreamName": "${stream}",`,
    '            "timestamp": 1749630000430,',
  );
  const ddk = t.ddApi();
  cw.s(
    `            "message": "[INFO]\\t2025-06-11T08:20:00.430Z\\t${t.uuid()}\\tflushing metrics to https://api.datadoghq.com/api/v2/series?api_key=${ddk}\\n",`,
    'datadog',
    ddk,
  );
  cw.d(`            "eventId": "${t.digits(56)}"`, 'event id');
  cw.l('        }', '    ],');
  cw.d(`    "nextToken": "Bxkq6kVGFtq2y_MoigeqscPOdhXVbhiVtLoAmXb5jCr${h.url(60)}"`, 'pagination token');
  cw.l('}');

  const gha = repo.file('logs/ci/github-actions-bidder-deploy-4821.log', 'logs');
  gha.l(
    '2025-06-11T09:12:01.1234567Z ##[group]Run aws-actions/configure-aws-credentials@v4',
    '2025-06-11T09:12:01.1235001Z with:',
  );
  gha.d('2025-06-11T09:12:01.1235112Z   aws-access-key-id: ***', 'masked');
  gha.d('2025-06-11T09:12:01.1235203Z   aws-secret-access-key: ***', 'masked');
  gha.l('2025-06-11T09:12:01.1235301Z ##[endgroup]');
  gha.d(
    `2025-06-11T09:12:05.0011021Z + aws sts assume-role --role-arn arn:aws:iam::${h.account()}:role/bidder-deployer --role-session-name gha-4821`,
    'role arn',
  );
  gha.l('2025-06-11T09:12:06.2210031Z {', '2025-06-11T09:12:06.2210102Z     "Credentials": {');
  const ca = h.asia();
  const cs = t.awsSecret();
  const ct = h.stsOld();
  gha.s(`2025-06-11T09:12:06.2210188Z         "AccessKeyId": "${ca}",`, 'aws', ca);
  gha.s(`2025-06-11T09:12:06.2210201Z         "SecretAccessKey": "${cs}",`, 'aws', cs);
  gha.s(`2025-06-11T09:12:06.2210273Z         "SessionToken": "${ct}",`, 'aws', ct);
  gha.l(
    '2025-06-11T09:12:06.2210301Z         "Expiration": "2025-06-11T10:12:06+00:00"',
    '2025-06-11T09:12:06.2210350Z     },',
  );
  gha.d(`2025-06-11T09:12:06.2210402Z     "AssumedRoleUser": { "AssumedRoleId": "${h.aroa()}:gha-4821" }`, 'role id');
  gha.l('2025-06-11T09:12:06.2210450Z }');
  gha.d(
    '2025-06-11T09:12:09.0012001Z + docker login -u AWS -p *** 123456789012.dkr.ecr.us-east-1.amazonaws.com',
    'masked',
  );
  gha.l('2025-06-11T09:12:09.8812001Z Login Succeeded');

  const jl = repo.file('logs/ci/jenkins-reporting-812.log', 'logs');
  jl.l('Started by GitHub push by jdoe', '[Pipeline] Start of Pipeline', '[Pipeline] withCredentials');
  jl.d('Masking supported pattern matches of $DD_API_KEY', 'jenkins notice');
  const cu = h.pw();
  jl.s(
    `+ curl -sSf -u ci-deployer:${cu} -T build/libs/reporting-4.2.0.jar https://acme.jfrog.io/artifactory/libs-release-local/`,
    'generic',
    cu,
  );
  jl.d('+ datadog-ci junit upload --service reporting build/test-results   (DD_API_KEY=****)', 'masked');
  jl.l('Finished: SUCCESS');
}

// ---- adtech data files (decoys) ------------------------------------------------------------

function adtechData(repo, t, h) {
  const ads = repo.file('apps/dashboard/public/ads.txt', 'adtech');
  ads.l('# ads.txt for acme-news.com');
  ads.d(`google.com, pub-${t.digits(16)}, DIRECT, f08c47fec0942fa0`, 'ads.txt google line');
  ads.d(`appnexus.com, ${t.digits(4)}, RESELLER, f5ab79cb980f11d1`, 'ads.txt line');
  ads.d(`rubiconproject.com, ${t.digits(5)}, RESELLER, 0bfd66d529a55807`, 'ads.txt line');
  ads.d(`openx.com, ${t.digits(9)}, RESELLER, 6a698e2ec38604c6`, 'ads.txt line');

  const sj = repo.file('services/adserver/data/sellers.json', 'adtech');
  sj.l('{', '  "version": "1.0",', '  "contact_email": "adops@acme-ads.com",', '  "sellers": [');
  for (let i = 0; i < 3; i++)
    sj.d(
      `    { "seller_id": "${t.pick(HEX, 24)}", "name": "Publisher ${i}", "domain": "pub${i}.example", "seller_type": "PUBLISHER" }${i < 2 ? ',' : ''}`,
      'seller ids',
    );
  sj.l('  ]', '}');

  const br = repo.file('services/bidder/testdata/bid_request_openrtb26.json', 'adtech');
  br.l('{');
  br.d(`  "id": "${t.uuid()}",`, 'bid request id');
  br.l('  "imp": [{ "id": "1", "banner": { "w": 300, "h": 250 },');
  br.d(`    "tagid": "${h.adUnit(NET, 'acme_news/article/mpu_300x250')}", "bidfloor": 0.85 }],`, 'ad unit');
  br.d(`  "device": { "ifa": "${t.uuid()}", "ua": "Mozilla/5.0", "ip": "203.0.113.7" },`, 'device ifa');
  br.d(
    `  "user": { "id": "${t.hex(40)}", "buyeruid": "${h.url(22)}", "ext": { "consent": "${h.consent()}" } },`,
    'user ids, consent',
  );
  br.d(
    `  "source": { "tid": "${t.uuid()}", "ext": { "schain": { "ver": "1.0", "complete": 1, "nodes": [{ "asi": "acme-ads.com", "sid": "${t.pick(HEX, 24)}", "hp": 1 }] } } },`,
    'schain ids',
  );
  br.l('  "tmax": 120', '}');

  const pb = repo.file('apps/dashboard/src/prebid/adUnits.ts', 'adtech');
  pb.l('export const adUnits = [', '  {');
  pb.d(`    code: 'div-gpt-ad-${t.digits(13)}-0',`, 'gpt div id');
  pb.l('    mediaTypes: { banner: { sizes: [[300, 250]] } },', '    bids: [');
  pb.d(`      { bidder: 'appnexus', params: { placementId: ${t.digits(8)} } },`, 'placement id');
  pb.d(
    `      { bidder: 'rubicon', params: { accountId: ${t.digits(5)}, siteId: ${t.digits(6)}, zoneId: ${t.digits(7)} } },`,
    'ids',
  );
  pb.d(`      { bidder: 'ix', params: { siteId: '${t.digits(6)}' } },`, 'site id');
  pb.l('    ],', '  },', '];');

  const csv = repo.file('data/seeds/line_items.csv', 'adtech');
  csv.l('line_item_id,campaign_id,creative_id,advertiser_id,creative_sha256');
  for (let i = 0; i < 4; i++)
    csv.d(`${t.digits(10)},${t.digits(11)},cr_${t.lower(12)},${h.ttdId()},${t.sha256()}`, 'ids and asset hash');

  const cm = repo.file('deploy/k8s/bidder/deployment.yaml', 'k8s');
  cm.l('---', 'apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: bidder-config', 'data:');
  cm.d(`  GAM_NETWORK_CODE: "${NET}"`, 'network code');
  cm.d(`  META_PIXEL_ID: "${h.fbId()}"`, 'pixel id');
  cm.d(`  GOOGLE_ADS_CUSTOMER_ID: "${h.customerId()}"`, 'customer id');
  cm.d(`  DATADOG_RUM_APPLICATION_ID: "${t.uuid()}"`, 'uuid id');
  cm.d(`  CONFIG_SHA256: "${t.sha256()}"`, 'checksum');
  cm.d('  REDIS_PASSWORD_FILE: /var/run/secrets/bidder/redis-password', 'file path');
}

// ---- docs ----------------------------------------------------------------------------------

function docs(repo, _t, _h) {
  const g = repo.file('docs/runbooks/google-ads-api.md', 'docs');
  g.l('# Google Ads API access', '', 'Copy `google-ads.yaml` from the template and fill in:', '', '```yaml');
  g.d('developer_token: INSERT_DEVELOPER_TOKEN_HERE', 'google placeholder');
  g.d('client_id: INSERT_OAUTH2_CLIENT_ID_HERE', 'google placeholder');
  g.d('client_secret: INSERT_OAUTH2_CLIENT_SECRET_HERE', 'google placeholder');
  g.d('refresh_token: INSERT_REFRESH_TOKEN_HERE', 'google placeholder');
  g.d('login_customer_id: INSERT_LOGIN_CUSTOMER_ID_HERE', 'google placeholder');
  g.l('```');

  const o = repo.file('docs/onboarding.md', 'docs');
  o.l('# Onboarding', '', 'Configure the AWS CLI (values from the AWS docs):', '```');
  o.d('aws_access_key_id = AKIAIOSFODNN7EXAMPLE', 'aws doc example');
  o.d('aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'aws doc example');
  o.l('```', '', 'Meta Marketing API: put your own values in `.env.local`:');
  o.d('`META_APP_SECRET=<app-secret>` and `META_SYSTEM_USER_TOKEN=<system-user-token>`', 'placeholders');
  o.d(
    'The Trade Desk: request a token with `POST /v3/authentication` and export it as `TTD_AUTH=$(cat ~/.ttd-token)`.',
    'command substitution',
  );
  o.d(
    'Datadog keys live in 1Password under "Datadog / prod"; never paste `DD_API_KEY=...` into Slack.',
    'prose, ellipsis',
  );
  o.d('MaxMind: `LicenseKey YOUR_LICENSE_KEY_HERE` in GeoIP.conf (see geoipupdate docs).', 'placeholder');

  const ce = o;
  ce.l('', '## Connecting to Confluent Cloud', '', '```properties');
  ce.d(
    "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username='{{ CLUSTER_API_KEY }}' password='{{ CLUSTER_API_SECRET }}';",
    'confluent template placeholder',
  );
  ce.d(
    'sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="<api-key>" password="<api-secret>";',
    'placeholder',
  );
  ce.l('```');
}
