// Insurtech monorepo on Google Cloud: Spring Boot claims, Micronaut quoting, FastAPI underwriting,
// Go document ingest on Cloud Run, Angular agent portal + NestJS BFF, Spark on Dataproc, R actuarial
// scripts, SQL migrations, GKE / Helm / Config Connector / Terraform, Cloud Build, Airflow, dbt,
// notebooks and logs. Decoys: policy numbers, claim ids, VINs, NAIC codes, sm:// and
// projects/*/secrets/* references, Jasypt ENC(), public keys, fixtures.
import { ALNUM, HEX, B64, URLSAFE, UPPER, DIGIT, Repo, makeTokens, mulberry32 } from './generate.mjs';

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 7927 + 419);
  const t = makeTokens(rand);
  const repo = new Repo();

  // ---- helpers ---------------------------------------------------------------------------
  const pw = () => t.password();
  const pwa = () => t.password().replace(/[^A-Za-z0-9]/g, '');
  const b64 = (s) => Buffer.from(s).toString('base64');
  const rb64 = (n) => t.mixed(B64, n);
  const hexU = (n) => t.pick('0123456789ABCDEF', n);
  const bytes = (n) => Buffer.from(Array.from({ length: n }, () => Math.floor(rand() * 256)));
  const fernet = () => bytes(32).toString('base64url') + '=';
  const ya29 = () => `ya29.a0A${t.mixed(URLSAFE, 170)}`;
  const okta = () => `00${t.mixed(URLSAFE, 40)}`;
  const oktaClientId = () => `0oa${t.mixed(ALNUM, 17)}`;
  const oktaSecret = () => t.mixed(URLSAFE, 64);
  const pdToken = () => `u+${t.mixed(ALNUM + '_-', 18)}`;
  const pdRouting = () => t.hex(32);
  const sfConsumerKey = () => `3MVG9${t.mixed(ALNUM + '._', 80)}`;
  const sfConsumerSecret = () => t.mixed('0123456789ABCDEF', 64);
  const sfAccess = () => `00D${t.mixed(ALNUM, 12)}!AQ${t.mixed(ALNUM + '._', 94)}`;
  const sfRefresh = () => `5Aep861${t.mixed(ALNUM + '._', 80)}`;
  const ghPat = () => `github_pat_11${t.mixed(UPPER + DIGIT, 20)}_${t.mixed(ALNUM, 59)}`;
  const twApiKey = () => `SK${t.hex(32)}`;
  const xapp = () => `xapp-1-A${t.mixed(UPPER + DIGIT, 10)}-${t.digits(13)}-${t.hex(64)}`;
  const gwSecret = () => t.mixed(URLSAFE, 40);
  const riskKey = () => t.alnum(32);
  const naic = () => t.digits(5);
  const claimId = () => `CLM-2026-${t.digits(6)}`;
  const policyNo = (lob = 'PA') => `${lob}-${t.pick('ABCDEFGHJKLMNPRSTUVWXYZ', 2)}-${t.digits(8)}`;
  const vin = () => {
    const A = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
    const wmis = ['1HG', '1FT', 'JTD', '5YJ', 'WBA', '2T1', '3VW', '1G1'];
    const val = { A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9 };
    Object.assign(val, { S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9 });
    const w = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
    const v =
      wmis[Math.floor(rand() * wmis.length)] +
      t.pick(A, 5) +
      '0' +
      t.pick('NPRST', 1) +
      t.pick(A, 1) +
      t.pick(DIGIT, 6);
    let sum = 0;
    for (let i = 0; i < 17; i++) sum += (/\d/.test(v[i]) ? Number(v[i]) : val[v[i]]) * w[i];
    const r = sum % 11;
    return v.slice(0, 8) + (r === 10 ? 'X' : String(r)) + v.slice(9);
  };
  const certPem = () => [
    '-----BEGIN CERTIFICATE-----',
    `MIIDBzCCAe+gAwIBAgIJA${rb64(43)}`,
    ...Array.from({ length: 6 }, () => rb64(64)),
    `${rb64(40)}==`,
    '-----END CERTIFICATE-----',
  ];
  const pubPem = () => [
    '-----BEGIN PUBLIC KEY-----',
    `MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA${rb64(20)}`,
    ...Array.from({ length: 4 }, () => rb64(64)),
    `${rb64(20)}IDAQAB`,
    '-----END PUBLIC KEY-----',
  ];
  // A GCP service-account key: the PEM, the key id, and the JSON the console downloads.
  const saKey = (project, account) => {
    const pem = t.pkcs8Pem();
    const keyId = t.hex(40);
    const clientId = t.digits(21);
    const email = `${account}@${project}.iam.gserviceaccount.com`;
    const obj = {
      type: 'service_account',
      project_id: project,
      private_key_id: keyId,
      private_key: pem.join('\n') + '\n',
      client_email: email,
      client_id: clientId,
      auth_uri: 'https://accounts.google.com/o/oauth2/auth',
      token_uri: 'https://oauth2.googleapis.com/token',
      auth_provider_x509_cert_url: 'https://www.googleapis.com/oauth2/v1/certs',
      client_x509_cert_url: `https://www.googleapis.com/robot/v1/metadata/x509/${encodeURIComponent(email)}`,
      universe_domain: 'googleapis.com',
    };
    return {
      pem,
      keyId,
      clientId,
      email,
      json: JSON.stringify(obj, null, 2),
      compact: JSON.stringify(obj),
      escaped: JSON.stringify(pem.join('\n') + '\n'),
      body: pem.slice(1, -1).join('\\n'),
    };
  };

  javaClaims(repo, t);
  kotlinQuoting(repo, t);
  pythonUnderwriting(repo, t);
  goIngest(repo, t);
  portalAndBff(repo, t);
  sparkJobs(repo, t);
  actuarialR(repo, t);
  sqlMigrations(repo, t);
  terraform(repo, t);
  gke(repo, t);
  ciAndDocker(repo, t);
  airflowDbt(repo, t);
  notebook(repo, t);
  logs(repo, t);
  docsAndKeys(repo, t);
  return repo;

  // ---- Java: Spring Boot claims service --------------------------------------------------
  function javaClaims(repo, t) {
    const base = 'services/claims-service';
    const a = repo.file(`${base}/src/main/resources/application.yml`, 'java');
    const jasypt = pw();
    a.l(
      'spring:',
      '  application:',
      '    name: claims-service',
      '  profiles:',
      '    active: ${SPRING_PROFILES_ACTIVE:local}',
    );
    a.l('  datasource:', '    url: jdbc:postgresql://localhost:5432/claims', '    username: claims');
    a.d('    password: ${CLAIMS_DB_PASSWORD:}', 'empty property fallback');
    a.l('jasypt:', '  encryptor:');
    a.s(`    password: \${JASYPT_ENCRYPTOR_PASSWORD:${jasypt}}`, 'generic', jasypt);
    a.l('    algorithm: PBEWITHHMACSHA512ANDAES_256', '    iv-generator-classname: org.jasypt.iv.RandomIvGenerator');
    a.l('guidewire:', '  claimcenter:', '    base-url: https://cc.gw.keystone-assurance.com/cc/rest', '    oauth:');
    a.l('      token-url: https://guidewire-hub.keystone-assurance.com/oauth2/aus1gw/v1/token');
    a.l('      client-id: ksa-claims-integration');
    a.d(`      client-secret: ENC(${rb64(86)}==)`, 'jasypt encrypted value');
    a.l('twilio:');
    a.d(`  account-sid: AC${t.hex(32)}`, 'twilio account sid (identifier)');
    a.d(`  auth-token: ENC(${rb64(64)})`, 'jasypt encrypted value');
    a.d(`  from-number: "+1512555${t.digits(4)}"`, 'phone number');
    a.l('---', 'spring:', '  config:', '    activate:', '      on-profile: prod', '  datasource:');
    a.l(
      '    url: jdbc:postgresql:///claims?cloudSqlInstance=ksa-claims-prod:us-central1:claims-pg&socketFactory=com.google.cloud.sql.postgres.SocketFactory',
      '    username: claims_app',
    );
    const prodPw = pw();
    a.s(`    password: ${prodPw}`, 'generic', prodPw);
    a.l('  cloud:', '    gcp:', '      project-id: ksa-claims-prod', '      credentials:');
    const sa = saKey('ksa-claims-prod', 'claims-service');
    a.s(`        encoded-key: ${b64(sa.json)}`, 'gcp', sa.body);
    a.l('sendgrid:');
    const sg = t.sendgrid();
    a.s(`  api-key: ${sg}`, 'sendgrid', sg);
    a.l('docusign:');
    a.d(`  integration-key: ${t.uuid()}`, 'docusign integration key (client id)');
    a.d(`  user-id: ${t.uuid()}`, 'docusign user guid');
    a.d(`  account-id: ${t.uuid()}`, 'docusign account guid');
    a.d('  private-key: ${sm://docusign-rsa-private-key}', 'secret manager reference');
    a.d('  webhook-hmac-key: ${sm@docusign-connect-hmac}', 'secret manager reference (new syntax)');
    a.l(
      '  base-path: https://na3.docusign.net/restapi',
      'salesforce:',
      '  login-url: https://keystone.my.salesforce.com',
    );
    a.d(`  consumer-key: ${sfConsumerKey()}`, 'salesforce consumer key (oauth client id)');
    const sfs = sfConsumerSecret();
    a.s(`  consumer-secret: ${sfs}`, 'salesforce', sfs);
    a.l('---', 'spring:', '  config:', '    activate:', '      on-profile: uat', '  datasource:');
    a.d(`    password: '{cipher}AQB${rb64(180)}='`, 'spring cloud config ciphertext');

    const bs = repo.file(`${base}/src/main/resources/bootstrap.yml`, 'java');
    const cfgPw = pw();
    const encKey = t.alnum(32);
    bs.l('spring:', '  application:', '    name: claims-service', '  cloud:', '    config:');
    bs.l('      uri: https://config.internal.keystone-assurance.com', '      username: claims-service');
    bs.s(`      password: ${cfgPw}`, 'generic', cfgPw);
    bs.l('      fail-fast: true', '    gcp:', '      secretmanager:', '        enabled: true');
    bs.d('        credentials:\n          location: file:/var/secrets/google/key.json', 'credentials file path');
    bs.l('encrypt:');
    bs.s(`  key: ${encKey}`, 'generic', encKey);

    const pr = repo.file(`${base}/config/application-prod.properties`, 'java');
    pr.l('server.port=8080', 'spring.jpa.open-in-view=false');
    const gw = gwSecret();
    pr.s(`guidewire.claimcenter.oauth.client-secret=${gw}`, 'generic', gw);
    const stk = t.stripeLive();
    pr.s(`stripe.api-key=${stk}`, 'stripe', stk);
    pr.l('spring.mail.host=smtp.sendgrid.net', 'spring.mail.port=587', 'spring.mail.username=apikey');
    const mail = t.sendgrid();
    pr.s(`spring.mail.password=${mail}`, 'sendgrid', mail);
    const ddk = t.ddApi();
    const dda = t.ddApp();
    pr.s(`management.datadog.metrics.export.api-key=${ddk}`, 'datadog', ddk);
    pr.s(`management.datadog.metrics.export.application-key=${dda}`, 'datadog', dda);
    pr.d('lexisnexis.api-key=${LEXIS_API_KEY}', 'property placeholder');
    const pdr = pdRouting();
    pr.s(`pagerduty.routing-key=${pdr}`, 'pagerduty', pdr);
    pr.d(
      'spring.datasource.password=${sm://projects/ksa-claims-prod/secrets/claims-db-password/versions/latest}',
      'sm reference',
    );
    pr.d(`claims.naic-code=${naic()}`, 'naic code');

    const ds = repo.file(`${base}/src/main/java/com/keystone/claims/esign/DocuSignJwtConfig.java`, 'java');
    const rsa = t.rsaPem();
    ds.l('package com.keystone.claims.esign;', '', 'public final class DocuSignJwtConfig {');
    ds.d(`    static final String INTEGRATION_KEY = "${t.uuid()}";`, 'docusign integration key (client id)');
    ds.d(`    static final String IMPERSONATED_USER_ID = "${t.uuid()}";`, 'docusign user guid');
    ds.l(
      '    static final String OAUTH_BASE_PATH = "account.docusign.com";',
      '    static final long TOKEN_TTL_SECONDS = 3600;',
    );
    ds.s(
      [
        '    static final String RSA_PRIVATE_KEY =',
        ...rsa.map((l, i) => `        ${i === 0 ? '' : '+ '}"${l}\\n"${i === rsa.length - 1 ? ';' : ''}`),
      ],
      'private-key',
      rsa.join('\n'),
    );
    ds.l('}');

    const dao = repo.file(`${base}/src/main/java/com/keystone/claims/legacy/LegacyClaimsDao.java`, 'java');
    const legacyPw = pwa();
    const batchPw = pw();
    dao.l(
      'package com.keystone.claims.legacy;',
      '',
      'import java.sql.Connection;',
      'import java.sql.DriverManager;',
      '',
    );
    dao.l('public class LegacyClaimsDao {');
    dao.s(
      `    private static final String URL = "jdbc:sqlserver://claims-legacy.corp.keystone-assurance.com:1433;databaseName=CLAIMS;user=svc_claims;password=${legacyPw};encrypt=true";`,
      'generic',
      legacyPw,
    );
    dao.l('', '    Connection batch() throws Exception {');
    dao.s(
      `        return DriverManager.getConnection("jdbc:postgresql://10.20.0.5:5432/claims", "claims_batch", "${batchPw}");`,
      'generic',
      batchPw,
    );
    dao.l('    }', '', '    Connection reader(String url, String user) throws Exception {');
    dao.d('        return DriverManager.getConnection(url, user, System.getenv("CLAIMS_DB_PASSWORD"));', 'env lookup');
    dao.l('    }', '}');

    const dsc = repo.file(`${base}/src/main/java/com/keystone/claims/config/ReportingDataSourceConfig.java`, 'java');
    const repPw = pw();
    dsc.l('package com.keystone.claims.config;', '', '@Configuration', 'public class ReportingDataSourceConfig {');
    dsc.d('    @Value("${twilio.auth-token}")', 'property reference');
    dsc.l('    private String twilioAuthToken;', '', '    @Bean', '    DataSource reportingDataSource() {');
    dsc.l(
      '        return DataSourceBuilder.create()',
      '            .url("jdbc:postgresql://10.20.0.6:5432/claims_reporting")',
    );
    dsc.l('            .username("reporting_ro")');
    dsc.s(`            .password("${repPw}")`, 'generic', repPw);
    dsc.l('            .build();', '    }', '}');

    const it = repo.file(`${base}/src/test/java/com/keystone/claims/ClaimsRepositoryIT.java`, 'java');
    it.l('package com.keystone.claims;', '', '@Testcontainers', 'class ClaimsRepositoryIT {', '    @Container');
    it.d(
      '    static PostgreSQLContainer<?> pg = new PostgreSQLContainer<>("postgres:16-alpine").withUsername("test").withPassword("test");',
      'testcontainers throwaway credentials',
    );
    it.d(`    static final String CLAIM = "${claimId()}";`, 'claim id');
    it.d(`    static final String POLICY = "${policyNo('PA')}";`, 'policy number');
    it.l('}');

    const fx = repo.file(`${base}/src/test/resources/fixtures/fnol-auto.json`, 'java');
    fx.l('{');
    fx.d(`  "claimId": "${claimId()}",`, 'claim id');
    fx.d(`  "policyNumber": "${policyNo('PA')}",`, 'policy number');
    fx.d(`  "carrierNaic": "${naic()}",`, 'naic code');
    fx.d(`  "vehicle": { "vin": "${vin()}", "year": 2022, "make": "Honda" },`, 'vin');
    fx.d(`  "adjusterId": "${t.uuid()}",`, 'uuid');
    fx.d(`  "docusignEnvelopeId": "${t.uuid()}",`, 'envelope id');
    fx.d('  "docusignSecretKey": "00000000-0000-0000-0000-000000000000",', 'zero uuid fixture');
    fx.l('  "lossDate": "2026-03-11"', '}');
  }

  // ---- Kotlin: Micronaut quoting service -------------------------------------------------
  function kotlinQuoting(repo, t) {
    const base = 'services/quoting-service';
    const a = repo.file(`${base}/src/main/resources/application.yml`, 'kotlin');
    const jwtSecret = t.alnum(48);
    const dbPw = pw();
    const redisPw = pwa();
    const rk = riskKey();
    a.l('micronaut:', '  application:', '    name: quoting-service', '  security:', '    token:', '      jwt:');
    a.l('        signatures:', '          secret:', '            generator:');
    a.s(`              secret: '\${JWT_GENERATOR_SIGNATURE_SECRET:${jwtSecret}}'`, 'generic', jwtSecret);
    a.l('              jws-algorithm: HS256', '  http:', '    services:', '      lexisnexis:');
    a.l('        url: https://api.riskdata.lexisnexis-partner.net/v2', '        headers:');
    a.s(`          X-Api-Key: ${rk}`, 'generic', rk);
    a.l('datasources:', '  default:', '    url: jdbc:postgresql://10.30.0.4:5432/quoting', '    username: quoting_app');
    a.s(`    password: \${QUOTING_DB_PASSWORD:${dbPw}}`, 'generic', dbPw);
    a.l('    driver-class-name: org.postgresql.Driver', 'redis:');
    a.s(`  uri: redis://:${redisPw}@10.30.0.9:6379/2`, 'generic', redisPw);
    a.l('gcp:', '  project-id: ksa-quoting-prod', '  credentials:');
    a.d('    location: classpath:gcp/quoting-sa.json', 'credentials file path');

    const g = repo.file(`${base}/src/main/resources/application-gcp.yml`, 'kotlin');
    g.l('datasources:', '  default:');
    g.d('    password: ${sm://quoting-db-password}', 'sm reference');
    g.l('gcp:', '  secret-manager:', '    keys:');
    g.d('      - lexisnexis-api-key', 'secret name');
    g.d('      - projects/ksa-quoting-prod/secrets/stripe-restricted-key/versions/2', 'secret path');

    const k = repo.file(`${base}/src/main/kotlin/com/keystone/quoting/clients/Clients.kt`, 'kotlin');
    const rkLive = `rk_live_${t.alnum(24)}`;
    const oktaTok = okta();
    const risk2 = riskKey();
    k.l('package com.keystone.quoting.clients', '', 'object StripeConfig {');
    k.s(`    const val RESTRICTED_KEY = "${rkLive}"`, 'stripe', rkLive);
    k.d(`    const val PUBLISHABLE_KEY = "pk_live_${t.alnum(99)}"`, 'stripe publishable key');
    k.l('}', '');
    k.s(`val oktaApiToken: String = System.getenv("OKTA_API_TOKEN") ?: "${oktaTok}"`, 'okta', oktaTok);
    k.d('val lexisKey: String = System.getenv("LEXIS_API_KEY") ?: error("LEXIS_API_KEY not set")', 'env lookup');
    k.l('');
    k.s(
      `data class RiskDataConfig(val baseUrl: String = "https://api.riskdata.lexisnexis-partner.net", val apiKey: String = "${risk2}")`,
      'generic',
      risk2,
    );
    k.d(`val quoteRequestNamespace = UUID.fromString("${t.uuid()}")`, 'uuid namespace');

    const q = repo.file(`${base}/src/main/kotlin/com/keystone/quoting/rating/Territories.kt`, 'kotlin');
    q.l('package com.keystone.quoting.rating', '', 'val CARRIER_NAIC = mapOf(');
    for (const st of ['TX', 'CA', 'FL', 'GA']) q.d(`    "${st}" to "${naic()}",`, 'naic code');
    q.l(')');
    q.d(`const val RATE_TABLE_SHA256 = "${t.sha256()}"`, 'sha256');

    const gr = repo.file(`${base}/build.gradle.kts`, 'kotlin');
    const ghp = t.github();
    gr.l(
      'plugins {',
      '    id("org.jetbrains.kotlin.jvm") version "1.9.24"',
      '    id("io.micronaut.application") version "4.4.0"',
      '}',
    );
    gr.l(
      'repositories {',
      '    mavenCentral()',
      '    maven {',
      '        url = uri("https://maven.pkg.github.com/keystoneins/rating-engine")',
    );
    gr.l('        credentials {', '            username = "ksa-ci"');
    gr.s(`            password = "${ghp}"`, 'github', ghp);
    gr.l('        }', '    }');
    gr.d(
      '    maven { url = uri("artifactregistry://us-central1-maven.pkg.dev/ksa-shared/maven") }',
      'artifact registry url',
    );
    gr.d('    maven { credentials { password = providers.gradleProperty("nexusPassword").get() } }', 'gradle property');
    gr.l('}');

    const gp = repo.file(`${base}/gradle.properties`, 'kotlin');
    const nx = pw();
    const sig = pw();
    gp.l('org.gradle.jvmargs=-Xmx2g', 'kotlin.code.style=official', 'nexusUsername=ksa-deploy');
    gp.s(`nexusPassword=${nx}`, 'generic', nx);
    gp.d(`signing.keyId=${hexU(8)}`, 'pgp key id');
    gp.s(`signing.password=${sig}`, 'generic', sig);
    gp.d('signing.secretKeyRingFile=/home/ci/.gnupg/secring.gpg', 'file path');
  }

  // ---- Python: FastAPI underwriting ------------------------------------------------------
  function pythonUnderwriting(repo, t) {
    const base = 'services/underwriting';
    const c = repo.file(`${base}/app/config.py`, 'python');
    const dbPw = pwa();
    const rk = riskKey();
    const maps = t.gcpApiKey();
    c.l('from pydantic import Field, SecretStr', 'from pydantic_settings import BaseSettings, SettingsConfigDict', '');
    c.l(
      '',
      'class Settings(BaseSettings):',
      '    model_config = SettingsConfigDict(env_file=".env", env_prefix="UW_")',
      '',
    );
    c.l('    project_id: str = "ksa-uw-prod"');
    c.s(`    database_url: str = "postgresql+asyncpg://uw_app:${dbPw}@10.30.0.3:5432/underwriting"`, 'database', dbPw);
    c.s(`    lexisnexis_api_key: SecretStr = SecretStr("${rk}")`, 'generic', rk);
    c.s(
      `    google_maps_api_key: str = Field(default="${maps}", description="geocoding for property risk")`,
      'gcp',
      maps,
    );
    c.d('    sendgrid_api_key: SecretStr = Field(..., alias="SENDGRID_API_KEY")', 'required field');
    c.d('    docusign_secret_key: SecretStr = SecretStr("")', 'empty');
    c.d('    model_bucket: str = "gs://ksa-uw-models/glm/2026q2"', 'bucket');
    c.l('', '', 'settings = Settings()');

    const db = repo.file(`${base}/app/db.py`, 'python');
    const repPw = pw();
    const legacy = pwa();
    db.l('import os', '', 'from sqlalchemy import create_engine', 'from sqlalchemy.engine import URL', '');
    db.l('reporting_url = URL.create(', '    "postgresql+psycopg2",', '    username="uw_reporting",');
    db.s(`    password="${repPw}",`, 'generic', repPw);
    db.l('    host="10.30.0.3",', '    port=5432,', '    database="underwriting",', ')');
    db.d('engine = create_engine(os.environ["DATABASE_URL"], pool_pre_ping=True)', 'env lookup');
    db.s(
      `legacy_engine = create_engine("mssql+pyodbc://svc_uw:${legacy}@as400-gw.corp.keystone-assurance.com/UWLEGACY?driver=ODBC+Driver+18+for+SQL+Server")`,
      'database',
      legacy,
    );

    const gc = repo.file(`${base}/app/gcp.py`, 'python');
    const sa = saKey('ksa-uw-prod', 'uw-scoring');
    gc.l('from google.cloud import bigquery, secretmanager, storage', 'from google.oauth2 import service_account', '');
    gc.l('_SA_INFO = {', '    "type": "service_account",', '    "project_id": "ksa-uw-prod",');
    gc.d(`    "private_key_id": "${sa.keyId}",`, 'key id');
    gc.s(`    "private_key": ${sa.escaped},`, 'gcp', sa.body);
    gc.l(`    "client_email": "${sa.email}",`);
    gc.d(`    "client_id": "${sa.clientId}",`, 'numeric client id');
    gc.l('    "token_uri": "https://oauth2.googleapis.com/token",', '}');
    gc.l('credentials = service_account.Credentials.from_service_account_info(_SA_INFO)');
    gc.l('bq = bigquery.Client(project="ksa-uw-prod", credentials=credentials)');
    gc.d('storage_client = storage.Client.from_service_account_json("/var/secrets/google/key.json")', 'key file path');
    gc.d('LEXIS_SECRET = "projects/ksa-uw-prod/secrets/lexisnexis-api-key/versions/latest"', 'secret path');
    gc.l('', '', 'def lexis_key() -> str:', '    sm = secretmanager.SecretManagerServiceClient()');
    gc.d('    return sm.access_secret_version(name=LEXIS_SECRET).payload.data.decode("utf-8")', 'secret access');

    const sf = repo.file(`${base}/app/integrations/salesforce.py`, 'python');
    const sfPw = pw();
    const sfTok = t.alnum(24);
    const sfA = sfAccess();
    const sfR = sfRefresh();
    sf.l(
      'from simple_salesforce import Salesforce',
      '',
      'sf = Salesforce(',
      '    username="integration.uw@keystone-assurance.com",',
    );
    sf.s(`    password="${sfPw}",`, 'generic', sfPw);
    sf.s(`    security_token="${sfTok}",`, 'salesforce', sfTok, 'warning');
    sf.l('    domain="login",', ')', '');
    sf.s(`SF_ACCESS_TOKEN = "${sfA}"`, 'salesforce', sfA);
    sf.s(`SF_REFRESH_TOKEN = "${sfR}"`, 'salesforce', sfR);
    sf.d(`SF_ORG_ID = "00D${t.mixed(ALNUM, 12)}"`, 'salesforce org id');

    const n = repo.file(`${base}/app/notify.py`, 'python');
    const sg = t.sendgrid();
    const twTok = t.twilioToken();
    const twKey = twApiKey();
    const twSec = t.alnum(32);
    n.l('from sendgrid import SendGridAPIClient', 'from twilio.rest import Client', '');
    n.s(`sg = SendGridAPIClient(api_key="${sg}")`, 'sendgrid', sg);
    n.s(`twilio = Client("AC${t.hex(32)}", "${twTok}")`, 'twilio', twTok);
    n.s(`twilio_api = Client("${twKey}", "${twSec}", account_sid="AC${t.hex(32)}")`, 'twilio', twSec);
    n.d(`FROM_NUMBER = "+1512555${t.digits(4)}"`, 'phone number');
    n.d('REFERRAL_TEMPLATE_ID = "d-' + t.hex(32) + '"', 'sendgrid template id');

    const al = repo.file(`${base}/alembic.ini`, 'python');
    const mig = pwa();
    al.l('[alembic]', 'script_location = migrations');
    al.s(`sqlalchemy.url = postgresql://uw_migrator:${mig}@10.30.0.3:5432/underwriting`, 'database', mig);
    al.l('', '[loggers]', 'keys = root,sqlalchemy,alembic');

    const cf = repo.file(`${base}/tests/conftest.py`, 'python');
    cf.l('import os', '', 'import pytest', '');
    cf.d('os.environ.setdefault("UW_LEXISNEXIS_API_KEY", "unit-test-key-not-real")', 'fake fixture');
    cf.d('os.environ.setdefault("UW_DATABASE_URL", "sqlite+aiosqlite:///:memory:")', 'in-memory db');
    cf.l('', '', '@pytest.fixture', 'def homeowner_submission():', '    return {');
    cf.d(`        "policy_number": "${policyNo('HO3')}",`, 'policy number');
    cf.d(`        "naic": "${naic()}",`, 'naic code');
    cf.d(`        "vin": "${vin()}",`, 'vin');
    cf.d(`        "submission_id": "${t.uuid()}",`, 'uuid');
    cf.l('    }');

    const rf = repo.file(`${base}/app/models/rating_factors.py`, 'python');
    rf.d(`MODEL_SHA256 = "${t.sha256()}"`, 'sha256');
    rf.d(`MODEL_VERSION = "glm-severity-2026q2-${t.sha1().slice(0, 8)}"`, 'short sha');
    rf.l('TERRITORY_RELATIVITY = {');
    for (const z of ['78701', '78702', '33101']) rf.l(`    "${z}": 1.0${t.digits(2)},`);
    rf.l('}');
    rf.d('PASSWORD_FIELDS = ("password", "security_token", "client_secret")', 'field names');

    const rq = repo.file(`${base}/requirements.txt`, 'python');
    for (const p of ['fastapi==0.115.0', 'sqlalchemy==2.0.31', 'google-cloud-bigquery==3.25.0'])
      rq.d(`${p} \\\n    --hash=sha256:${t.sha256()}`, 'pip hash');

    const env = repo.file(`${base}/.env`, 'env');
    const e1 = pwa();
    const e2 = t.sendgrid();
    const e3 = t.gcpApiKey();
    const e4 = t.ddApi();
    env.s(`UW_DATABASE_URL=postgresql+asyncpg://uw_app:${e1}@127.0.0.1:5433/underwriting`, 'database', e1);
    env.s(`SENDGRID_API_KEY=${e2}`, 'sendgrid', e2);
    env.s(`UW_GOOGLE_MAPS_API_KEY=${e3}`, 'gcp', e3);
    env.d('GOOGLE_APPLICATION_CREDENTIALS=/home/dev/.config/gcloud/application_default_credentials.json', 'path');
    env.s(`DD_API_KEY=${e4}`, 'datadog', e4);
    env.d('UW_DOCUSIGN_SECRET_KEY=', 'empty');
  }

  // ---- Go: document ingest on Cloud Run --------------------------------------------------
  function goIngest(repo, t) {
    const base = 'services/doc-ingest';
    const c = repo.file(`${base}/internal/config/config.go`, 'go');
    const dsSecret = t.uuid();
    const sg = t.sendgrid();
    const dbPw = pw();
    const hook = t.slackWebhook();
    c.l('package config', '', 'import (', '\t"cmp"', '\t"os"', ')', '');
    c.l(
      'func envOr(key, def string) string {',
      '\tif v := os.Getenv(key); v != "" {',
      '\t\treturn v',
      '\t}',
      '\treturn def',
      '}',
      '',
    );
    c.l('func Load() Config {', '\treturn Config{', '\t\tPort:             envOr("PORT", "8080"),');
    c.l(
      '\t\tProjectID:        envOr("GOOGLE_CLOUD_PROJECT", "ksa-docs-prod"),',
      '\t\tBucket:           envOr("INGEST_BUCKET", "ksa-claims-docs-inbox"),',
    );
    c.d(
      `\t\tDocuSignClientID: envOr("DOCUSIGN_INTEGRATION_KEY", "${t.uuid()}"),`,
      'docusign integration key (client id)',
    );
    c.s(`\t\tDocuSignSecret:   envOr("DOCUSIGN_SECRET_KEY", "${dsSecret}"),`, 'docusign', dsSecret, 'warning');
    c.s(`\t\tSendGridKey:      envOr("SENDGRID_API_KEY", "${sg}"),`, 'sendgrid', sg);
    c.s(`\t\tDBPassword:       cmp.Or(os.Getenv("DB_PASSWORD"), "${dbPw}"),`, 'generic', dbPw);
    c.d('\t\tSlackToken:       os.Getenv("SLACK_BOT_TOKEN"),', 'env lookup');
    c.s(`\t\tSlackWebhook:     envOr("SLACK_WEBHOOK_URL", "${hook}"),`, 'slack', hook);
    c.l('\t}', '}');

    const o = repo.file(`${base}/internal/ocr/vision.go`, 'go');
    const vk = t.gcpApiKey();
    const smtpKey = t.sendgrid();
    const dsn = pw();
    o.l('package ocr', '', 'func newClients(ctx context.Context) (*vision.ImageAnnotatorClient, error) {');
    o.s(`\treturn vision.NewImageAnnotatorClient(ctx, option.WithAPIKey("${vk}"))`, 'gcp', vk);
    o.l('}', '', 'func mailer() smtp.Auth {');
    o.s(`\treturn smtp.PlainAuth("", "apikey", "${smtpKey}", "smtp.sendgrid.net")`, 'sendgrid', smtpKey);
    o.l('}', '', 'func openDB() (*sql.DB, error) {');
    o.s(
      `\treturn sql.Open("pgx", "host=10.20.0.5 port=5432 user=ingest password=${dsn} dbname=docs sslmode=require")`,
      'generic',
      dsn,
    );
    o.l('}');

    const cr = repo.file(`${base}/internal/gcs/fallback_creds.go`, 'go');
    const sa = saKey('ksa-docs-prod', 'doc-ingest');
    cr.l(
      'package gcs',
      '',
      '// Used when the metadata server is unreachable (local runs against prod buckets).',
      'var fallbackCreds = []byte(`{',
    );
    cr.l('  "type": "service_account",', '  "project_id": "ksa-docs-prod",');
    cr.d(`  "private_key_id": "${sa.keyId}",`, 'key id');
    cr.s(`  "private_key": ${sa.escaped},`, 'gcp', sa.body);
    cr.l(
      `  "client_email": "${sa.email}",`,
      `  "client_id": "${sa.clientId}",`,
      '  "token_uri": "https://oauth2.googleapis.com/token"',
      '}`)',
    );

    const cl = repo.file(`${base}/internal/claims/ids.go`, 'go');
    cl.l('package claims', '', 'var exampleIDs = []string{');
    for (let i = 0; i < 3; i++) cl.d(`\t"${claimId()}",`, 'claim id');
    cl.l('}');
    cl.d(`const vinPattern = \`^[A-HJ-NPR-Z0-9]{17}$\``, 'regex');
    cl.d(`var sampleVIN = "${vin()}"`, 'vin');

    const sv = repo.file(`${base}/service.yaml`, 'go');
    const svSg = t.sendgrid();
    const svPw = pw();
    sv.l('apiVersion: serving.knative.dev/v1', 'kind: Service', 'metadata:', '  name: doc-ingest', '  annotations:');
    sv.l('    run.googleapis.com/ingress: internal', 'spec:', '  template:', '    metadata:', '      annotations:');
    sv.d(
      '        run.googleapis.com/cloudsql-instances: ksa-claims-prod:us-central1:claims-pg',
      'instance connection name',
    );
    sv.l('    spec:');
    sv.d('      serviceAccountName: doc-ingest@ksa-docs-prod.iam.gserviceaccount.com', 'service account email');
    sv.l('      containers:');
    sv.d(
      `        - image: us-central1-docker.pkg.dev/ksa-docs-prod/services/doc-ingest@sha256:${t.sha256()}`,
      'image digest',
    );
    sv.l(
      '          env:',
      '            - name: DOCUSIGN_SECRET_KEY',
      '              valueFrom:',
      '                secretKeyRef:',
    );
    sv.d('                  name: docusign-secret-key', 'secret name');
    sv.d('                  key: latest', 'secret version');
    sv.l('            - name: SENDGRID_API_KEY');
    sv.s(`              value: ${svSg}`, 'sendgrid', svSg);
    sv.l('            - name: DB_PASSWORD');
    sv.s(`              value: '${svPw}'`, 'generic', svPw);

    const ev = repo.file(`${base}/.env.prod.yaml`, 'go');
    const tw = t.twilioToken();
    const dd = t.ddApi();
    ev.d(`TWILIO_ACCOUNT_SID: "AC${t.hex(32)}"`, 'twilio account sid');
    ev.s(`TWILIO_AUTH_TOKEN: "${tw}"`, 'twilio', tw);
    ev.s(`DD_API_KEY: "${dd}"`, 'datadog', dd);
    ev.d('DOCUSIGN_SECRET_KEY: "projects/ksa-docs-prod/secrets/docusign-secret-key/versions/latest"', 'secret path');
  }

  // ---- TypeScript: Angular agent portal and NestJS BFF -----------------------------------
  function portalAndBff(repo, t) {
    const p = repo.file('apps/agent-portal/src/environments/environment.prod.ts', 'typescript');
    const rk = riskKey();
    p.l(
      'export const environment = {',
      '  production: true,',
      "  apiBaseUrl: 'https://bff.agents.keystone-assurance.com',",
      '  firebase: {',
    );
    p.d(`    apiKey: '${t.gcpApiKey()}',`, 'firebase web api key (public)');
    p.l("    authDomain: 'ksa-agent-portal.firebaseapp.com',", "    projectId: 'ksa-agent-portal',");
    p.d(`    appId: '1:${t.digits(12)}:web:${t.hex(22)}',`, 'firebase app id');
    p.l('  },', '  okta: {', "    issuer: 'https://keystone.okta.com/oauth2/default',");
    p.d(`    clientId: '${oktaClientId()}',`, 'okta client id');
    p.l("    redirectUri: 'https://agents.keystone-assurance.com/login/callback',", '  },');
    p.d(`  stripePublishableKey: 'pk_live_${t.alnum(99)}',`, 'stripe publishable key');
    p.l('  datadog: {');
    p.d(`    applicationId: '${t.uuid()}',`, 'datadog rum application id');
    p.d(`    clientToken: 'pub${t.hex(32)}',`, 'datadog browser client token');
    p.l("    site: 'datadoghq.com',", '  },');
    p.s(`  riskDataApiKey: '${rk}', // TODO: move behind the BFF`, 'generic', rk);
    p.l('};');

    const pd = repo.file('apps/agent-portal/src/environments/environment.ts', 'typescript');
    pd.l('export const environment = {', '  production: false,', "  apiBaseUrl: 'http://localhost:3000',");
    pd.d("  riskDataApiKey: '<your-riskdata-sandbox-key>',", 'placeholder');
    pd.d(`  stripePublishableKey: 'pk_test_${t.alnum(99)}',`, 'stripe test publishable key');
    pd.l('};');

    const npmrc = repo.file('apps/agent-portal/.npmrc', 'typescript');
    const arTok = ya29();
    const ghTok = t.github();
    npmrc.l(
      '@keystoneins:registry=https://us-central1-npm.pkg.dev/ksa-shared/npm/',
      '//us-central1-npm.pkg.dev/ksa-shared/npm/:always-auth=true',
    );
    npmrc.s(`//us-central1-npm.pkg.dev/ksa-shared/npm/:_authToken=${arTok}`, 'gcp', arTok);
    npmrc.s(`//npm.pkg.github.com/:_authToken=${ghTok}`, 'github', ghTok);

    const cfg = repo.file('apps/agent-bff/src/config/configuration.ts', 'typescript');
    const dbPw = pw();
    const okTok = okta();
    const okSec = oktaSecret();
    const sfSec = sfConsumerSecret();
    cfg.l('export default () => ({', "  port: parseInt(process.env.PORT ?? '3000', 10),", '  database: {');
    cfg.l("    host: process.env.DB_HOST ?? '10.20.0.7',", "    username: process.env.DB_USER ?? 'bff',");
    cfg.s(`    password: process.env.DB_PASSWORD ?? '${dbPw}',`, 'generic', dbPw);
    cfg.l('  },', '  okta: {', "    orgUrl: 'https://keystone.okta.com',");
    cfg.s(`    apiToken: process.env.OKTA_API_TOKEN || '${okTok}',`, 'okta', okTok);
    cfg.d(`    clientId: '${oktaClientId()}',`, 'okta client id');
    cfg.s(`    clientSecret: process.env.OKTA_CLIENT_SECRET ?? '${okSec}',`, 'okta', okSec, 'warning');
    cfg.l('  },', '  salesforce: {', "    loginUrl: 'https://keystone.my.salesforce.com',");
    cfg.d(`    clientId: '${sfConsumerKey()}',`, 'salesforce consumer key');
    cfg.s(`    clientSecret: '${sfSec}',`, 'salesforce', sfSec);
    cfg.l('  },');
    cfg.d("  jwtSecret: process.env.JWT_SECRET ?? '',", 'empty fallback');
    cfg.l('});');

    const am = repo.file('apps/agent-bff/src/app.module.ts', 'typescript');
    const ormPw = pw();
    am.l(
      "import { Module } from '@nestjs/common';",
      "import { TypeOrmModule } from '@nestjs/typeorm';",
      '',
      '@Module({',
      '  imports: [',
    );
    am.l(
      '    TypeOrmModule.forRoot({',
      "      type: 'postgres',",
      "      host: '10.20.0.7',",
      '      port: 5432,',
      "      username: 'bff_app',",
    );
    am.s(`      password: '${ormPw}',`, 'generic', ormPw);
    am.l(
      "      database: 'agents',",
      '      autoLoadEntities: true,',
      '    }),',
      '  ],',
      '})',
      'export class AppModule {}',
    );

    const st = repo.file('apps/agent-bff/src/payments/stripe.provider.ts', 'typescript');
    const sk = t.stripeLiveLong();
    const wh = `whsec_${t.alnum(32)}`;
    st.l("import Stripe from 'stripe';", '');
    st.s(`export const stripe = new Stripe('${sk}', { apiVersion: '2024-06-20' });`, 'stripe', sk);
    st.s(`const endpointSecret = '${wh}';`, 'stripe', wh);
    st.d("export const premiumFinanceProduct = 'prod_" + t.alnum(14) + "';", 'stripe product id');

    const sl = repo.file('apps/agent-bff/src/notifications/slack.ts', 'typescript');
    const xb = t.slackBot();
    const xa = xapp();
    sl.l("import { App } from '@slack/bolt';", "import { WebClient } from '@slack/web-api';", '');
    sl.s(`export const slack = new WebClient('${xb}');`, 'slack', xb);
    sl.s(
      `export const bolt = new App({ appToken: '${xa}', socketMode: true, token: process.env.SLACK_BOT_TOKEN });`,
      'slack',
      xa,
    );
    sl.d("export const CLAIMS_CHANNEL = 'C05" + t.mixed(UPPER + DIGIT, 8) + "';", 'slack channel id');

    const oc = repo.file('apps/agent-bff/src/okta/okta.client.ts', 'typescript');
    const ot = okta();
    oc.l("import okta from '@okta/okta-sdk-nodejs';", '');
    oc.s(
      `export const oktaClient = new okta.Client({ orgUrl: 'https://keystone.okta.com', token: '${ot}' });`,
      'okta',
      ot,
    );

    const be = repo.file('apps/agent-bff/.env.production', 'env');
    const pdt = pdToken();
    const dss = t.uuid();
    const ses = t.hex(64);
    const gws = gwSecret();
    be.l('NODE_ENV=production');
    be.s(`PAGERDUTY_API_TOKEN=${pdt}`, 'pagerduty', pdt);
    be.s(`DOCUSIGN_SECRET_KEY=${dss}`, 'docusign', dss, 'warning');
    be.d(`DOCUSIGN_INTEGRATION_KEY=${t.uuid()}`, 'docusign integration key (client id)');
    be.d(`DOCUSIGN_ACCOUNT_ID=${t.uuid()}`, 'docusign account id');
    be.s(`SESSION_SECRET=${ses}`, 'generic', ses);
    be.s(`GUIDEWIRE_CLIENT_SECRET=${gws}`, 'generic', gws);
    be.d(`OKTA_CLIENT_ID=${oktaClientId()}`, 'okta client id');
    be.d('OKTA_API_TOKEN=sm://projects/ksa-agents-prod/secrets/okta-api-token', 'sm reference');

    const fx = repo.file('apps/agent-bff/test/fixtures/okta-users.json', 'typescript');
    fx.l('[');
    fx.d(
      '  { "id": "00u000000000000000000", "login": "agent.one@example.com", "password": "Passw0rd-for-mock-only" },',
      'mock fixture',
    );
    fx.d(
      `  { "id": "00u${t.mixed(ALNUM, 17)}", "agencyCode": "AG-${t.digits(6)}", "npn": "${t.digits(8)}" }`,
      'okta user id, producer npn',
    );
    fx.l(']');
    const spec = repo.file('apps/agent-bff/src/payments/stripe.provider.spec.ts', 'typescript');
    spec.d("const fakeKey = 'sk_test_xxxxxxxxxxxxxxxxxxxxxxxx';", 'placeholder');
    spec.d("const fakeWebhook = 'whsec_test_secret';", 'fake');
  }

  // ---- Scala: Spark on Dataproc ----------------------------------------------------------
  function sparkJobs(repo, t) {
    const base = 'jobs/spark-claims';
    const sd = repo.file(`${base}/conf/spark-defaults.conf`, 'scala');
    const sa = saKey('ksa-data-prod', 'spark-etl');
    const hive = pw();
    const dd = t.ddApi();
    sd.l(
      'spark.master                                       yarn',
      'spark.submit.deployMode                            cluster',
    );
    sd.l('spark.hadoop.fs.gs.auth.service.account.enable      true');
    sd.l(`spark.hadoop.fs.gs.auth.service.account.email       ${sa.email}`);
    sd.d(`spark.hadoop.fs.gs.auth.service.account.private.key.id ${sa.keyId}`, 'key id');
    sd.s(`spark.hadoop.fs.gs.auth.service.account.private.key ${sa.escaped.slice(1, -1)}`, 'gcp', sa.body);
    sd.d('spark.hadoop.google.cloud.auth.service.account.json.keyfile /etc/spark/keys/spark-etl.json', 'key file path');
    sd.l('spark.hadoop.javax.jdo.option.ConnectionUserName   hive');
    sd.s(`spark.hadoop.javax.jdo.option.ConnectionPassword   ${hive}`, 'generic', hive);
    sd.s(`spark.executorEnv.DD_API_KEY                       ${dd}`, 'datadog', dd);
    sd.d('spark.redaction.regex                              (?i)secret|password|token|access[.]key', 'regex');

    const e = repo.file(`${base}/src/main/scala/com/keystone/etl/ClaimsEtl.scala`, 'scala');
    const jdbcPw = pw();
    const whPw = pw();
    const pasPw = pwa();
    const polPw = pw();
    const bqSa = saKey('ksa-data-prod', 'spark-bq-writer');
    e.l('package com.keystone.etl', '', 'import org.apache.spark.sql.SparkSession', '', 'object ClaimsEtl {');
    e.l('  private val jdbcUrl = "jdbc:postgresql://10.20.0.5:5432/claims"', '  private val jdbcUser = "etl_reader"');
    e.s(`  private val jdbcPassword = "${jdbcPw}"`, 'generic', jdbcPw);
    e.s(`  private val warehousePassword = sys.env.getOrElse("WAREHOUSE_PASSWORD", "${whPw}")`, 'generic', whPw);
    e.d('  private val guidewireSecret = sys.env("GUIDEWIRE_CLIENT_SECRET")', 'env lookup');
    e.l(
      '',
      '  def main(args: Array[String]): Unit = {',
      '    val spark = SparkSession.builder().appName("claims-etl").getOrCreate()',
    );
    e.l(
      '    val claims = spark.read',
      '      .format("jdbc")',
      '      .option("url", jdbcUrl)',
      '      .option("dbtable", "public.claims")',
      '      .option("user", jdbcUser)',
    );
    e.d('      .option("password", jdbcPassword)', 'variable reference');
    e.l('      .load()', '    val policies = spark.read', '      .format("jdbc")');
    e.s(
      `      .option("url", "jdbc:sqlserver://pas-db.corp.keystone-assurance.com:1433;databaseName=PAS;user=etl;password=${pasPw}")`,
      'generic',
      pasPw,
    );
    e.l('      .option("dbtable", "dbo.Policy")', '      .load()', '    val endorsements = spark.read.format("jdbc")');
    e.l('      .option("url", "jdbc:postgresql://10.20.0.8:5432/policy")', '      .option("user", "etl_policy")');
    e.s(`      .option("password", "${polPw}")`, 'generic', polPw);
    e.l(
      '      .option("dbtable", "endorsement")',
      '      .load()',
      '    claims.join(policies, "policy_number")',
      '      .write',
      '      .format("bigquery")',
    );
    e.s(`      .option("credentials", "${b64(bqSa.compact)}")`, 'gcp', bqSa.body);
    e.l(
      '      .option("temporaryGcsBucket", "ksa-data-prod-spark-tmp")',
      '      .save("ksa-data-prod.claims_mart.claim_policy")',
      '  }',
      '}',
    );

    const hc = repo.file(`${base}/src/main/resources/application.conf`, 'scala');
    const hpw = pw();
    const hgw = gwSecret();
    const hook = t.slackWebhook();
    hc.l('etl {', '  source {', '    url = "jdbc:postgresql://10.20.0.5:5432/claims"', '    user = "etl_reader"');
    hc.s(`    password = "${hpw}"`, 'generic', hpw);
    hc.d('    password = ${?ETL_DB_PASSWORD}', 'hocon env override');
    hc.l(
      '  }',
      '  guidewire {',
      '    token-url = "https://guidewire-hub.keystone-assurance.com/oauth2/aus1gw/v1/token"',
      '    client-id = "ksa-spark-etl"',
    );
    hc.s(`    client-secret = "${hgw}"`, 'generic', hgw);
    hc.l('  }', '  slack {');
    hc.s(`    webhook = "${hook}"`, 'slack', hook);
    hc.l('  }');
    hc.d('  lexis-api-key = ${?LEXIS_API_KEY}', 'hocon env');
    hc.l('}');

    const sub = repo.file(`${base}/scripts/submit.sh`, 'scala');
    const subSec = gwSecret();
    const hivePw = pwa();
    sub.l('#!/usr/bin/env bash', 'set -euo pipefail', '');
    sub.l('gcloud dataproc clusters create claims-etl --region=us-central1 --image-version=2.2-debian12 \\');
    sub.s(`  --properties='hive:javax.jdo.option.ConnectionPassword=${hivePw}' \\`, 'generic', hivePw);
    sub.l('  --service-account=spark-etl@ksa-data-prod.iam.gserviceaccount.com', '');
    sub.l(
      'gcloud dataproc jobs submit spark --cluster=claims-etl --region=us-central1 \\',
      '  --class=com.keystone.etl.ClaimsEtl \\',
    );
    sub.l('  --jars=gs://ksa-data-artifacts/claims-etl-assembly-1.8.3.jar \\');
    sub.s(`  --properties=spark.driver.extraJavaOptions=-Dguidewire.client.secret=${subSec} \\`, 'generic', subSec);
    sub.d('  -- --password-secret=projects/ksa-data-prod/secrets/etl-db-password/versions/3', 'secret path');

    const sbt = repo.file(`${base}/build.sbt`, 'scala');
    const art = pw();
    sbt.l('ThisBuild / scalaVersion := "2.12.18"', 'name := "claims-etl"', '');
    sbt.l('resolvers += "ksa-artifactory" at "https://artifactory.keystone-assurance.com/artifactory/sbt-release"');
    sbt.s(
      `credentials += Credentials("Artifactory Realm", "artifactory.keystone-assurance.com", "ci-sbt", "${art}")`,
      'generic',
      art,
    );
    sbt.d('credentials += Credentials(Path.userHome / ".sbt" / ".credentials")', 'credentials file');
  }

  // ---- R: actuarial scripts ---------------------------------------------------------------
  function actuarialR(repo, t) {
    const re = repo.file('actuarial/.Renviron', 'r');
    const pg = pw();
    const gh = t.github();
    const ck = t.alnum(32);
    re.l('R_LIBS_USER=~/R/library');
    re.s(`PGPASSWORD="${pg}"`, 'generic', pg);
    re.s(`GITHUB_PAT=${gh}`, 'github', gh);
    re.s(`CONNECT_API_KEY=${ck}`, 'generic', ck);
    re.d('GCS_AUTH_FILE=/home/actuary/keys/ksa-actuarial.json', 'key file path');
    re.d('CONNECT_SERVER=https://connect.keystone-assurance.com', 'url');

    const db = repo.file('actuarial/R/db.R', 'r');
    const odbcPw = pw();
    const pasPw = pwa();
    const lex = riskKey();
    const dd = t.ddApi();
    db.l(
      'library(DBI)',
      '',
      'con <- dbConnect(',
      '  odbc::odbc(),',
      '  Driver   = "PostgreSQL Unicode",',
      '  Server   = "10.40.0.8",',
    );
    db.l('  Database = "reserving",', '  UID      = "actuary_svc",');
    db.s(`  PWD      = "${odbcPw}",`, 'generic', odbcPw);
    db.l('  Port     = 5432', ')', '');
    db.s(
      `con_pas <- dbConnect(odbc::odbc(), .connection_string = "Driver={ODBC Driver 18 for SQL Server};Server=pas-db.corp.keystone-assurance.com;Database=PAS;UID=act_ro;PWD=${pasPw};")`,
      'generic',
      pasPw,
    );
    db.d(
      'con2 <- dbConnect(RPostgres::Postgres(), host = "10.40.0.8", user = "actuary", password = Sys.getenv("PGPASSWORD"))',
      'env lookup',
    );
    db.d('con3 <- dbConnect(odbc::odbc(), "reserving", PWD = keyring::key_get("reserving-db", "actuary"))', 'keyring');
    db.d(
      'con4 <- dbConnect(odbc::odbc(), dsn = "reserving", PWD = rstudioapi::askForPassword("Reserving DB password"))',
      'prompt',
    );
    db.s(`Sys.setenv(LEXIS_API_KEY = "${lex}")`, 'generic', lex);
    db.s(`dd_key <- Sys.getenv("DATADOG_API_KEY", unset = "${dd}")`, 'datadog', dd);
    db.d('bigrquery::bq_auth(path = "~/keys/ksa-actuarial.json")', 'key file path');

    const tr = repo.file('actuarial/R/loss_triangles.R', 'r');
    tr.l('library(ChainLadder)', '', 'carriers <- c(');
    for (const n of ['Keystone Assurance Co', 'Keystone Casualty', 'Keystone Specialty'])
      tr.d(`  "${n}" = "${naic()}",`, 'naic code');
    tr.l(')');
    tr.d(`excluded_claims <- c("${claimId()}", "${claimId()}")`, 'claim ids');
    tr.d(`triangle_digest <- "${t.sha256()}"`, 'sha256');
    tr.d('tri <- as.triangle(losses, origin = "accident_year", dev = "dev_lag", value = "incurred")', 'code');

    const csv = repo.file('actuarial/data/large_losses_2025.csv', 'r');
    csv.l('claim_id,policy_number,naic,vin,incurred');
    for (let i = 0; i < 4; i++)
      csv.d(`${claimId()},${policyNo('PA')},${naic()},${vin()},${t.digits(6)}.00`, 'claim row');
  }

  // ---- SQL: PostgreSQL and BigQuery migrations --------------------------------------------
  function sqlMigrations(repo, t) {
    const r = repo.file('db/postgres/migrations/V001__roles.sql', 'sql');
    const p1 = pw();
    const p2 = pw();
    const p3 = pw();
    const p4 = pw();
    r.l('-- Roles for the claims and underwriting schemas');
    r.s(`CREATE USER claims_app WITH PASSWORD '${p1}';`, 'generic', p1);
    r.s(`CREATE ROLE claims_reporting WITH LOGIN PASSWORD '${p2}' VALID UNTIL '2027-01-01';`, 'generic', p2);
    r.s(`ALTER USER uw_app WITH ENCRYPTED PASSWORD '${p3}';`, 'generic', p3);
    r.d(
      `ALTER ROLE dbt_runner WITH PASSWORD 'SCRAM-SHA-256$4096:${rb64(22)}==$${rb64(43)}=:${rb64(43)}=';`,
      'scram verifier (hash)',
    );
    r.d(`ALTER ROLE legacy_etl WITH PASSWORD 'md5${t.pick(HEX, 32)}';`, 'md5 password hash');
    r.d("CREATE USER airflow WITH PASSWORD :'airflow_password';", 'psql variable');
    r.l(
      'GRANT USAGE ON SCHEMA claims TO claims_app;',
      'GRANT SELECT ON ALL TABLES IN SCHEMA claims TO claims_reporting;',
      '',
    );
    r.l("CREATE SERVER pas_srv FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '10.20.0.8', dbname 'policy');");
    r.s(`CREATE USER MAPPING FOR claims_app SERVER pas_srv OPTIONS (user 'pas_ro', password '${p4}');`, 'generic', p4);

    const s = repo.file('db/postgres/migrations/V014__integration_endpoints.sql', 'sql');
    const rk = riskKey();
    const pdr = pdRouting();
    s.l('INSERT INTO integration_endpoint (partner, base_url, auth_header, credential) VALUES');
    s.s(`  ('riskdata', 'https://api.riskdata.lexisnexis-partner.net/v2', 'X-Api-Key', '${rk}'),`, 'generic', rk);
    s.d(
      "  ('guidewire', 'https://cc.gw.keystone-assurance.com/cc/rest', 'Authorization', 'sm://guidewire-client-secret'),",
      'sm reference',
    );
    s.s(`  ('pagerduty', 'https://events.pagerduty.com/v2/enqueue', 'routing_key', '${pdr}');`, 'pagerduty', pdr);

    const seedf = repo.file('db/postgres/migrations/R__reference_carriers.sql', 'sql');
    seedf.l('INSERT INTO carrier (naic_code, name, domicile) VALUES');
    for (const [nm, st] of [
      ['Keystone Assurance Co', 'TX'],
      ['Keystone Casualty Co', 'GA'],
      ['Keystone Specialty Ins', 'DE'],
    ])
      seedf.d(`  ('${naic()}', '${nm}', '${st}'),`, 'naic code');
    seedf.l("  ('00000', 'Unknown', NULL);");
    seedf.d(
      `INSERT INTO claim (claim_id, policy_number, vin) VALUES ('${claimId()}', '${policyNo('PA')}', '${vin()}');`,
      'claim row',
    );

    const bq = repo.file('db/bigquery/2026_04_claims_mart.sql', 'sql');
    bq.l(
      'CREATE OR REPLACE TABLE `ksa-data-prod.claims_mart.fact_claim`',
      'PARTITION BY DATE(reported_at) AS',
      'SELECT',
    );
    bq.l(
      '  c.claim_id,',
      '  c.policy_number,',
      '  TO_HEX(SHA256(c.claimant_ssn)) AS claimant_hash,',
      '  c.incurred_amount',
    );
    bq.l('FROM `ksa-data-prod.raw_guidewire.claims` AS c');
    bq.d(`WHERE c.carrier_naic IN ('${naic()}', '${naic()}', '${naic()}')`, 'naic codes');
    bq.d(`  AND c.claim_id != '${claimId()}';`, 'claim id');
    bq.d(`-- source snapshot sha256: ${t.sha256()}`, 'sha256');
    const fq = repo.file('db/bigquery/federated_claims_status.sql', 'sql');
    fq.d(
      'SELECT * FROM EXTERNAL_QUERY("projects/ksa-claims-prod/locations/us-central1/connections/claims-pg", "SELECT claim_id, status FROM claims");',
      'connection resource path',
    );
    const wh = t.hex(32);
    fq.l('INSERT INTO `ksa-data-prod.ops.alert_routing` (team, channel, routing_key) VALUES');
    fq.s(`  ('claims-data', 'pagerduty', '${wh}');`, 'pagerduty', wh);
  }

  // ---- Terraform for GCP ------------------------------------------------------------------
  function terraform(repo, t) {
    const base = 'infra/terraform';
    const p = repo.file(`${base}/providers.tf`, 'terraform');
    const at = ya29();
    const dda = t.ddApi();
    const ddp = t.ddApp();
    const pd = pdToken();
    const ok = okta();
    p.l('provider "google" {', '  project = "ksa-platform-prod"', '  region  = "us-central1"');
    p.d('  credentials = file("${path.module}/keys/terraform-sa.json")', 'file function');
    p.l('}', '', 'provider "google-beta" {', '  project      = "ksa-platform-prod"');
    p.s(`  access_token = "${at}"`, 'gcp', at);
    p.l('}', '', 'provider "datadog" {');
    p.s(`  api_key = "${dda}"`, 'datadog', dda);
    p.s(`  app_key = "${ddp}"`, 'datadog', ddp);
    p.l('}', '', 'provider "pagerduty" {');
    p.s(`  token = "${pd}"`, 'pagerduty', pd);
    p.l('}', '', 'provider "okta" {', '  org_name  = "keystone"', '  base_url  = "okta.com"');
    p.s(`  api_token = "${ok}"`, 'okta', ok);
    p.l('}', '', 'provider "github" {', '  owner = "keystoneins"');
    p.d('  token = var.github_token', 'variable');
    p.l('}');

    const sq = repo.file(`${base}/cloudsql.tf`, 'terraform');
    const c1 = pw();
    const c2 = pw();
    sq.l(
      'resource "google_sql_user" "claims_app" {',
      '  name     = "claims_app"',
      '  instance = google_sql_database_instance.claims.name',
    );
    sq.s(`  password = "${c1}"`, 'generic', c1);
    sq.l(
      '}',
      '',
      'resource "google_sql_user" "uw_app" {',
      '  name     = "uw_app"',
      '  instance = google_sql_database_instance.uw.name',
    );
    sq.d('  password = random_password.uw_app.result', 'resource reference');
    sq.l('}', '', 'resource "google_sql_user" "claims_sa" {');
    sq.d('  name     = trimsuffix(google_service_account.claims.email, ".gserviceaccount.com")', 'iam user');
    sq.l('  instance = google_sql_database_instance.claims.name', '  type     = "CLOUD_IAM_SERVICE_ACCOUNT"', '}', '');
    sq.l('resource "google_sql_database_instance" "pas_legacy" {', '  database_version = "SQLSERVER_2019_STANDARD"');
    sq.s(`  root_password    = "${c2}"`, 'generic', c2);
    sq.l('  settings {', '    tier = "db-custom-4-16384"', '  }', '}');

    const se = repo.file(`${base}/secrets.tf`, 'terraform');
    const sk = t.stripeLive();
    const gw = gwSecret();
    const rsa = t.rsaPem();
    const sg = t.sendgrid();
    se.l(
      'resource "google_secret_manager_secret_version" "stripe" {',
      '  secret      = google_secret_manager_secret.stripe.id',
    );
    se.s(`  secret_data = "${sk}"`, 'stripe', sk);
    se.l(
      '}',
      '',
      'resource "google_secret_manager_secret_version" "guidewire" {',
      '  secret      = google_secret_manager_secret.guidewire.id',
    );
    se.s(`  secret_data = "${gw}"`, 'generic', gw);
    se.l(
      '}',
      '',
      'resource "google_secret_manager_secret_version" "doc_ingest_key" {',
      '  secret      = google_secret_manager_secret.doc_ingest_key.id',
    );
    se.d('  secret_data = base64decode(google_service_account_key.doc_ingest.private_key)', 'function of resource');
    se.l(
      '}',
      '',
      'resource "google_secret_manager_secret_version" "docusign_rsa" {',
      '  secret      = google_secret_manager_secret.docusign_rsa.id',
    );
    se.s(['  secret_data = <<-EOT', ...rsa.map((l) => `    ${l}`), '  EOT'], 'private-key', rsa.join('\n'));
    se.l(
      '}',
      '',
      'resource "google_secret_manager_secret_version" "twilio" {',
      '  secret      = google_secret_manager_secret.twilio.id',
    );
    se.d('  secret_data = var.twilio_auth_token', 'variable');
    se.l(
      '}',
      '',
      'resource "google_secret_manager_secret_version" "sendgrid" {',
      '  secret                 = google_secret_manager_secret.sendgrid.id',
    );
    se.s(`  secret_data_wo         = "${sg}"`, 'sendgrid', sg);
    se.l(
      '  secret_data_wo_version = 3',
      '}',
      '',
      'resource "google_secret_manager_secret_version" "cert" {',
      '  secret      = google_secret_manager_secret.cert.id',
    );
    se.d('  secret_data = file("${path.module}/certs/agents-portal.pem")', 'file function');
    se.l('}');

    const iam = repo.file(`${base}/iam.tf`, 'terraform');
    iam.l(
      'resource "google_service_account_key" "doc_ingest" {',
      '  service_account_id = google_service_account.doc_ingest.name',
      '}',
      '',
    );
    iam.l('output "doc_ingest_key" {');
    iam.d('  value     = google_service_account_key.doc_ingest.private_key', 'resource reference');
    iam.l('  sensitive = true', '}', '', 'resource "google_service_account_iam_member" "claims_wi" {');
    iam.d(
      '  member             = "serviceAccount:ksa-claims-prod.svc.id.goog[claims/claims-service]"',
      'workload identity member',
    );
    iam.l(
      '  role               = "roles/iam.workloadIdentityUser"',
      '  service_account_id = google_service_account.claims.name',
      '}',
    );

    const tv = repo.file(`${base}/envs/prod/terraform.tfvars`, 'terraform');
    const v1 = t.sendgrid();
    const v2 = t.twilioToken();
    const v3 = t.uuid();
    const v4 = pw();
    tv.l('project_id = "ksa-platform-prod"');
    tv.s(`sendgrid_api_key = "${v1}"`, 'sendgrid', v1);
    tv.s(`twilio_auth_token = "${v2}"`, 'twilio', v2);
    tv.d(`twilio_account_sid = "AC${t.hex(32)}"`, 'twilio account sid');
    tv.s(`snyk_token = "${v3}"`, 'snyk', v3);
    tv.s(`cloudsql_admin_password = "${v4}"`, 'generic', v4);
    tv.d(`pagerduty_service_id = "P${t.mixed(UPPER + DIGIT, 6)}"`, 'pagerduty service id');
    tv.d(`billing_account = "${hexU(6)}-${hexU(6)}-${hexU(6)}"`, 'billing account id');
    tv.d(`org_id = "${t.digits(12)}"`, 'org id');

    const dv = repo.file(`${base}/envs/dev/terraform.tfvars`, 'terraform');
    dv.d('sendgrid_api_key = "SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"', 'placeholder');
    dv.d('twilio_auth_token = "<twilio-auth-token>"', 'placeholder');
    dv.d('snyk_token = "00000000-0000-0000-0000-000000000000"', 'zero uuid');
    dv.d('cloudsql_admin_password = "CHANGE_ME"', 'placeholder');

    const st = repo.file(`${base}/terraform.tfstate`, 'terraform');
    const sa = saKey('ksa-docs-prod', 'doc-ingest');
    const dbpw = pw();
    st.l('{', '  "version": 4,', '  "terraform_version": "1.9.5",', '  "serial": 118,');
    st.d(`  "lineage": "${t.uuid()}",`, 'uuid');
    st.l(
      '  "resources": [',
      '    {',
      '      "mode": "managed",',
      '      "type": "google_service_account_key",',
      '      "name": "doc_ingest",',
    );
    st.l('      "instances": [', '        {', '          "attributes": {');
    st.d(`            "id": "projects/ksa-docs-prod/serviceAccounts/${sa.email}/keys/${sa.keyId}",`, 'key resource id');
    st.l('            "key_algorithm": "KEY_ALG_RSA_2048",');
    st.s(`            "private_key": "${b64(sa.json)}",`, 'gcp', sa.body);
    st.d(`            "public_key": "${b64(certPem().join('\n') + '\n')}",`, 'base64 x509 certificate');
    st.l(
      '            "public_key_type": "TYPE_X509_PEM_FILE"',
      '          }',
      '        }',
      '      ]',
      '    },',
      '    {',
    );
    st.l(
      '      "mode": "managed",',
      '      "type": "google_sql_user",',
      '      "name": "claims_app",',
      '      "instances": [',
      '        {',
      '          "attributes": {',
    );
    st.s(`            "password": "${dbpw}",`, 'generic', dbpw);
    st.l('            "name": "claims_app"', '          }', '        }', '      ]', '    }', '  ]', '}');

    const key = repo.file(`${base}/keys/terraform-sa.json`, 'terraform');
    const tsa = saKey('ksa-platform-prod', 'terraform');
    const lines = tsa.json.split('\n');
    for (const line of lines) {
      if (line.includes('"private_key"')) key.s(line, 'gcp', tsa.body);
      else if (line.includes('"private_key_id"')) key.d(line, 'key id');
      else key.l(line);
    }
  }

  // ---- GKE, Helm, Config Connector ---------------------------------------------------------
  function gke(repo, t) {
    const base = 'deploy/gke';
    const dep = repo.file(`${base}/claims-service/deployment.yaml`, 'k8s');
    const jas = pw();
    dep.l('apiVersion: v1', 'kind: ServiceAccount', 'metadata:', '  name: claims-service', '  annotations:');
    dep.d(
      '    iam.gke.io/gcp-service-account: claims-service@ksa-claims-prod.iam.gserviceaccount.com',
      'workload identity',
    );
    dep.l(
      '---',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: claims-service',
      'spec:',
      '  template:',
      '    spec:',
    );
    dep.l('      serviceAccountName: claims-service', '      containers:', '        - name: claims-service');
    dep.d(
      `          image: us-central1-docker.pkg.dev/ksa-claims-prod/services/claims-service@sha256:${t.sha256()}`,
      'image digest',
    );
    dep.l(
      '          env:',
      '            - name: SPRING_PROFILES_ACTIVE',
      '              value: prod',
      '            - name: JASYPT_ENCRYPTOR_PASSWORD',
    );
    dep.s(`              value: "${jas}"`, 'generic', jas);
    dep.l('            - name: CLAIMS_DB_PASSWORD', '              valueFrom:', '                secretKeyRef:');
    dep.d('                  name: claims-db', 'secret name');
    dep.d('                  key: password', 'secret key');
    dep.l('            - name: GOOGLE_APPLICATION_CREDENTIALS');
    dep.d('              value: /var/secrets/google/key.json', 'path');
    dep.l('        - name: cloud-sql-proxy', '          image: gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.11.0');
    dep.d(
      '          args: ["--structured-logs", "--credentials-file=/var/secrets/google/key.json", "ksa-claims-prod:us-central1:claims-pg"]',
      'proxy args',
    );

    const sec = repo.file(`${base}/claims-service/secret.yaml`, 'k8s');
    const dbp = pw();
    const gws = gwSecret();
    const rsa = t.rsaPem();
    sec.l(
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: claims-db',
      '  namespace: claims',
      'type: Opaque',
      'data:',
    );
    sec.s(`  password: ${b64(dbp)}`, 'generic', dbp);
    sec.s(`  guidewire-client-secret: ${b64(gws)}`, 'generic', gws);
    sec.s(`  docusign-rsa.pem: ${b64(rsa.join('\n') + '\n')}`, 'private-key', rsa.join('\n'));
    sec.d(`  username: ${b64('claims_app')}`, 'base64 username');

    const sak = repo.file(`${base}/claims-service/gcp-sa-key.yaml`, 'k8s');
    const sa = saKey('ksa-claims-prod', 'claims-batch');
    sak.l(
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: gcp-sa-key',
      '  namespace: claims',
      'type: Opaque',
      'data:',
    );
    sak.s(`  key.json: ${b64(sa.json)}`, 'gcp', sa.body);

    const am = repo.file(`${base}/monitoring/alertmanager-config.yaml`, 'k8s');
    const hook = t.slackWebhook();
    const r1 = pdRouting();
    const r2 = pdRouting();
    am.l(
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: alertmanager-main',
      '  namespace: monitoring',
      'stringData:',
      '  alertmanager.yaml: |',
      '    global:',
    );
    am.s(`      slack_api_url: ${hook}`, 'slack', hook);
    am.l(
      '    route:',
      '      receiver: pagerduty-claims',
      '    receivers:',
      '      - name: pagerduty-claims',
      '        pagerduty_configs:',
    );
    am.s(`          - routing_key: ${r1}`, 'pagerduty', r1);
    am.l('      - name: pagerduty-legacy', '        pagerduty_configs:');
    am.s(`          - service_key: ${r2}`, 'pagerduty', r2);
    am.l('      - name: slack-uw', '        slack_configs:');
    am.d('          - api_url_file: /etc/alertmanager/secrets/slack-uw/url', 'file reference');

    const es = repo.file(`${base}/claims-service/external-secret.yaml`, 'k8s');
    es.l('apiVersion: external-secrets.io/v1beta1', 'kind: ExternalSecret', 'metadata:', '  name: claims-db', 'spec:');
    es.l(
      '  secretStoreRef:',
      '    kind: ClusterSecretStore',
      '    name: gcp-secret-manager',
      '  data:',
      '    - secretKey: password',
      '      remoteRef:',
    );
    es.d('        key: projects/ksa-claims-prod/secrets/claims-db-password', 'secret path');
    es.d('        version: "5"', 'version');

    const cc = repo.file(`${base}/config-connector/sql-users.yaml`, 'k8s');
    const ccpw = pw();
    cc.l(
      'apiVersion: sql.cnrm.cloud.google.com/v1beta1',
      'kind: SQLUser',
      'metadata:',
      '  name: claims-reporting',
      '  namespace: config-connector',
      'spec:',
    );
    cc.l('  instanceRef:', '    name: claims-pg', '  password:');
    cc.s(`    value: "${ccpw}"`, 'generic', ccpw);
    cc.l(
      '---',
      'apiVersion: sql.cnrm.cloud.google.com/v1beta1',
      'kind: SQLUser',
      'metadata:',
      '  name: claims-etl',
      'spec:',
      '  instanceRef:',
      '    name: claims-pg',
    );
    cc.l('  password:', '    valueFrom:', '      secretKeyRef:');
    cc.d('        name: claims-db-users', 'secret name');
    cc.d('        key: etl-password', 'secret key');

    const sv = repo.file(`${base}/config-connector/secret-versions.yaml`, 'k8s');
    const lx = riskKey();
    sv.l(
      'apiVersion: secretmanager.cnrm.cloud.google.com/v1beta1',
      'kind: SecretManagerSecretVersion',
      'metadata:',
      '  name: lexisnexis-api-key-v3',
      'spec:',
    );
    sv.l('  enabled: true', '  secretData:');
    sv.s(`    value: ${lx}`, 'generic', lx);
    sv.l(
      '  secretRef:',
      '    name: lexisnexis-api-key',
      '---',
      'apiVersion: secretmanager.cnrm.cloud.google.com/v1beta1',
    );
    sv.l(
      'kind: SecretManagerSecretVersion',
      'metadata:',
      '  name: docusign-secret-key-v1',
      'spec:',
      '  secretData:',
      '    valueFrom:',
      '      secretKeyRef:',
    );
    sv.d('        name: docusign', 'secret name');
    sv.d('        key: secret-key', 'secret key');

    const hv = repo.file('deploy/helm/claims-service/values.yaml', 'k8s');
    hv.l('replicaCount: 2', 'jasypt:');
    hv.d('  password: ""', 'empty');
    hv.l('guidewire:');
    hv.d('  clientSecret: "<set-in-values-prod>"', 'placeholder');
    hv.l('docusign:');
    hv.d(`  integrationKey: "${t.uuid()}"`, 'docusign integration key (client id)');
    hv.l('sendgrid:');
    hv.d('  apiKey: ""', 'empty');

    const hp = repo.file('deploy/helm/claims-service/values-prod.yaml', 'k8s');
    const hj = pw();
    const hg = gwSecret();
    const hd = t.ddApi();
    const ht = t.twilioToken();
    hp.l('jasypt:');
    hp.s(`  password: "${hj}"`, 'generic', hj);
    hp.l('guidewire:');
    hp.s(`  clientSecret: ${hg}`, 'generic', hg);
    hp.l('datadog:');
    hp.s(`  apiKey: ${hd}`, 'datadog', hd);
    hp.l('twilio:');
    hp.d(`  accountSid: AC${t.hex(32)}`, 'twilio account sid');
    hp.s(`  authToken: ${ht}`, 'twilio', ht);

    const tpl = repo.file('deploy/helm/claims-service/templates/secret.yaml', 'k8s');
    const fb = t.sendgrid();
    tpl.l('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: {{ include "claims.fullname" . }}', 'data:');
    tpl.d('  JASYPT_ENCRYPTOR_PASSWORD: {{ .Values.jasypt.password | b64enc | quote }}', 'helm template');
    tpl.s(`  SENDGRID_API_KEY: {{ .Values.sendgrid.apiKey | default "${fb}" | b64enc | quote }}`, 'sendgrid', fb);
    tpl.d(
      '  GUIDEWIRE_CLIENT_SECRET: {{ required "guidewire.clientSecret" .Values.guidewire.clientSecret | b64enc }}',
      'helm template',
    );

    const dd = repo.file('deploy/helm/datadog/values-prod.yaml', 'k8s');
    const da = t.ddApi();
    const dp = t.ddApp();
    const ca = t.alnum(32);
    dd.l('datadog:');
    dd.s(`  apiKey: ${da}`, 'datadog', da);
    dd.s(`  appKey: ${dp}`, 'datadog', dp);
    dd.d('  apiKeyExistingSecret: datadog-secret', 'secret name');
    dd.l('  site: datadoghq.com', '  clusterName: ksa-prod-gke', 'clusterAgent:', '  enabled: true');
    dd.s(`  token: ${ca}`, 'generic', ca);

    const tls = repo.file(`${base}/ingress/agents-tls.yaml`, 'k8s');
    const ec = t.ecPem();
    tls.l(
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: agents-tls',
      'type: kubernetes.io/tls',
      'stringData:',
      '  tls.crt: |',
    );
    tls.d(
      certPem().map((l) => `    ${l}`),
      'certificate',
    );
    tls.l('  tls.key: |');
    tls.s(
      ec.map((l) => `    ${l}`),
      'private-key',
      ec.join('\n'),
    );
    const mc = repo.file(`${base}/ingress/managed-cert.yaml`, 'k8s');
    mc.l(
      'apiVersion: networking.gke.io/v1',
      'kind: ManagedCertificate',
      'metadata:',
      '  name: agents-portal',
      'spec:',
      '  domains:',
    );
    mc.d('    - agents.keystone-assurance.com', 'domain');
  }

  // ---- Cloud Build, GitHub Actions, Dockerfiles, compose, scripts ---------------------------
  function ciAndDocker(repo, t) {
    const cb = repo.file('services/claims-service/cloudbuild.yaml', 'ci');
    const sk = t.stripeLive();
    const ddk = t.ddApi();
    const sa = saKey('ksa-shared', 'ci-pusher');
    cb.l(
      'steps:',
      '  - id: build',
      '    name: gcr.io/cloud-builders/mvn',
      "    args: ['-B', 'package', '-DskipTests']",
    );
    cb.l('  - id: snyk', '    name: snyk/snyk:maven', '    entrypoint: bash');
    cb.d("    secretEnv: ['SNYK_TOKEN']", 'secret env name');
    cb.l(
      "    args: ['-c', 'snyk test --severity-threshold=high']",
      '  - id: push',
      '    name: gcr.io/cloud-builders/docker',
      '    entrypoint: bash',
      '    args:',
      '      - -c',
      '      - |',
    );
    cb.s(
      `        echo '${b64(sa.compact)}' | docker login -u _json_key_base64 --password-stdin https://us-central1-docker.pkg.dev`,
      'gcp',
      sa.body,
    );
    cb.d(
      '        docker push us-central1-docker.pkg.dev/$PROJECT_ID/services/claims-service:$SHORT_SHA',
      'substitution',
    );
    cb.l(
      '  - id: deploy',
      '    name: gcr.io/google.com/cloudsdktool/cloud-sdk',
      '    args:',
      '      - gcloud',
      '      - run',
      '      - deploy',
      '      - claims-service',
    );
    cb.s(`      - --set-env-vars=STRIPE_SECRET_KEY=${sk},SPRING_PROFILES_ACTIVE=prod`, 'stripe', sk);
    cb.d('      - --set-secrets=JASYPT_ENCRYPTOR_PASSWORD=jasypt-password:latest', 'secret manager mapping');
    cb.l('substitutions:');
    cb.s(`  _DD_API_KEY: ${ddk}`, 'datadog', ddk);
    cb.l('  _REGION: us-central1', 'availableSecrets:', '  secretManager:');
    cb.d('    - versionName: projects/$PROJECT_ID/secrets/snyk-token/versions/latest', 'secret path');
    cb.l('      env: SNYK_TOKEN');

    const gh = repo.file('.github/workflows/ci.yml', 'ci');
    const snyk = t.uuid();
    const hook = t.slackWebhook();
    const e2e = pw();
    const pat = ghPat();
    gh.l('name: ci', 'on: [push, pull_request]', 'env:');
    gh.d('  SNYK_TOKEN: ${{ secrets.SNYK_TOKEN }}', 'actions secret reference');
    gh.l(
      'jobs:',
      '  security:',
      '    runs-on: ubuntu-latest',
      '    permissions:',
      '      id-token: write',
      '    steps:',
    );
    gh.d(`      - uses: actions/checkout@${t.sha1()} # v4.1.7`, 'pinned sha');
    gh.l('      - uses: google-github-actions/auth@v2', '        with:');
    gh.d(
      `          workload_identity_provider: projects/${t.digits(12)}/locations/global/workloadIdentityPools/github/providers/keystoneins`,
      'wif provider',
    );
    gh.d('          service_account: ci-deployer@ksa-platform-prod.iam.gserviceaccount.com', 'service account email');
    gh.l('      - uses: snyk/actions/maven@master', '        env:');
    gh.s(`          SNYK_TOKEN: ${snyk}`, 'snyk', snyk);
    gh.l('  notify:', '    runs-on: ubuntu-latest', '    steps:', '      - run: |');
    gh.s(
      `          curl -sS -X POST -H 'Content-type: application/json' --data '{"text":"claims-service built"}' ${hook}`,
      'slack',
      hook,
    );
    gh.l('  e2e:', '    runs-on: ubuntu-latest', '    env:', '      OKTA_TEST_USER: e2e.agent@keystone-assurance.com');
    gh.s(`      OKTA_TEST_USER_PASSWORD: "${e2e}"`, 'generic', e2e);
    gh.s(`      GH_PACKAGES_TOKEN: ${pat}`, 'github', pat);
    gh.d('      DD_API_KEY: ${{ secrets.DD_API_KEY }}', 'actions secret reference');

    const df = repo.file('services/claims-service/Dockerfile', 'docker');
    const dj = pw();
    const mr = pw();
    df.d(`FROM eclipse-temurin:21-jre@sha256:${t.sha256()}`, 'image digest');
    df.d('ARG GITHUB_TOKEN', 'arg without value');
    df.s(`ARG MAVEN_REPO_PASSWORD=${mr}`, 'generic', mr);
    df.d('ENV GOOGLE_APPLICATION_CREDENTIALS=/secrets/gcp/key.json', 'path');
    df.s(`ENV JASYPT_ENCRYPTOR_PASSWORD=${dj}`, 'generic', dj);
    df.l('COPY target/claims-service.jar /app/app.jar', 'ENTRYPOINT ["java", "-jar", "/app/app.jar"]');

    const du = repo.file('services/underwriting/Dockerfile', 'docker');
    const ar = ya29();
    du.d(`FROM python:3.12-slim@sha256:${t.sha256()}`, 'image digest');
    du.l('WORKDIR /app', 'COPY requirements.txt .');
    du.s(
      `RUN pip install --index-url https://oauth2accesstoken:${ar}@us-central1-python.pkg.dev/ksa-shared/python/simple/ -r requirements.txt`,
      'gcp',
      ar,
    );
    du.d(
      'RUN --mount=type=secret,id=ar_token pip install --index-url "https://oauth2accesstoken:$(cat /run/secrets/ar_token)@us-central1-python.pkg.dev/ksa-shared/python/simple/" rating-core',
      'secret mount',
    );
    du.l('CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8080"]');

    const dc = repo.file('docker-compose.yml', 'docker');
    const cj = pw();
    const fk = fernet();
    dc.l('services:', '  postgres:', '    image: postgres:16', '    environment:');
    dc.d('      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD in .env}', 'required env');
    dc.l('  claims-service:', '    build: ./services/claims-service', '    environment:');
    dc.s(`      JASYPT_ENCRYPTOR_PASSWORD: \${JASYPT_ENCRYPTOR_PASSWORD:-${cj}}`, 'generic', cj);
    dc.d('      SPRING_DATASOURCE_PASSWORD: ${CLAIMS_DB_PASSWORD}', 'env interpolation');
    dc.l('  pubsub-emulator:', '    image: gcr.io/google.com/cloudsdktool/google-cloud-cli:emulators');
    dc.d('    command: gcloud beta emulators pubsub start --host-port=0.0.0.0:8085 --project=ksa-local', 'command');
    dc.l('  airflow-webserver:', '    image: apache/airflow:2.9.3', '    environment:');
    dc.s(`      AIRFLOW__CORE__FERNET_KEY: ${fk}`, 'generic', fk);
    dc.d(
      '      AIRFLOW__CORE__SQL_ALCHEMY_CONN: postgresql+psycopg2://airflow:${AIRFLOW_DB_PASSWORD}@postgres/airflow',
      'env interpolation in url',
    );

    const sh = repo.file('tools/scripts/vendor-checks.sh', 'shell');
    const twTok = t.twilioToken();
    const twSid = `AC${t.hex(32)}`;
    const sn = t.uuid();
    const dk = t.ddApi();
    const dak = t.ddApp();
    const pdt = pdToken();
    const ok = okta();
    const gk = t.gcpApiKey();
    sh.l('#!/usr/bin/env bash', '# quick smoke checks against vendor APIs after rotation', 'set -euo pipefail', '');
    sh.s(
      `curl -s "https://api.twilio.com/2010-04-01/Accounts/${twSid}/Balance.json" -u "${twSid}:${twTok}"`,
      'twilio',
      twTok,
    );
    sh.d(
      'curl -s "https://api.twilio.com/2010-04-01/Accounts/$TWILIO_ACCOUNT_SID/Balance.json" -u "$TWILIO_ACCOUNT_SID:$TWILIO_AUTH_TOKEN"',
      'variables',
    );
    sh.s(`snyk auth ${sn}`, 'snyk', sn);
    sh.l('curl -s https://api.datadoghq.com/api/v1/validate \\');
    sh.s(`  -H "DD-API-KEY: ${dk}" \\`, 'datadog', dk);
    sh.s(`  -H "DD-APPLICATION-KEY: ${dak}"`, 'datadog', dak);
    sh.s(`curl -s https://api.pagerduty.com/abilities -H "Authorization: Token token=${pdt}"`, 'pagerduty', pdt);
    sh.s(`curl -s https://keystone.okta.com/api/v1/users/me -H "Authorization: SSWS ${ok}"`, 'okta', ok);
    sh.s(
      `curl -s "https://maps.googleapis.com/maps/api/geocode/json?address=1+Congress+Ave+Austin+TX&key=${gk}"`,
      'gcp',
      gk,
    );
    sh.d(
      'gcloud secrets versions access latest --secret=docusign-rsa-private-key --project=ksa-claims-prod > /tmp/ds.pem',
      'gcloud access',
    );

    const snykf = repo.file('.snyk', 'ci');
    snykf.l('version: v1.25.0', 'ignore:');
    snykf.d(`  SNYK-JAVA-ORGYAML-${t.digits(7)}:`, 'snyk vuln id');
    snykf.l("    - '*':", '        reason: no untrusted yaml input', '        expires: 2026-09-30T00:00:00.000Z');
  }

  // ---- Airflow and dbt -------------------------------------------------------------------
  function airflowDbt(repo, t) {
    const dag = repo.file('airflow/dags/claims_nightly.py', 'airflow');
    const gw = gwSecret();
    const tok = t.jwt();
    dag.l(
      'from airflow import DAG',
      'from airflow.models import Variable',
      'from airflow.providers.http.operators.http import HttpOperator',
      '',
    );
    dag.d('LEXIS_KEY = Variable.get("lexisnexis_api_key")', 'variable lookup');
    dag.s(`GW_SECRET = Variable.get("guidewire_client_secret", default_var="${gw}")`, 'generic', gw);
    dag.l('', 'with DAG("claims_nightly", schedule="0 2 * * *", catchup=False) as dag:', '    pull = HttpOperator(');
    dag.l(
      '        task_id="pull_guidewire_claims",',
      '        http_conn_id="guidewire_cc",',
      '        endpoint="/cc/rest/claim/v1/claims",',
    );
    dag.s(`        headers={"Authorization": "Bearer ${tok}"},`, 'generic', tok);
    dag.l('    )');
    dag.d(
      '    load = BigQueryInsertJobOperator(task_id="load", gcp_conn_id="google_cloud_default", configuration={})',
      'conn id',
    );

    const ps = repo.file('airflow/dags/pas_sync.py', 'airflow');
    const pp = pw();
    const up = pwa();
    ps.l(
      'from airflow.models.connection import Connection',
      'from airflow.providers.postgres.hooks.postgres import PostgresHook',
      '',
    );
    ps.s(
      `conn = Connection(conn_id="pas_mssql", conn_type="mssql", host="pas-db.corp.keystone-assurance.com", login="airflow_pas", password="${pp}", port=1433)`,
      'generic',
      pp,
    );
    ps.d('hook = PostgresHook(postgres_conn_id="claims_pg")', 'conn id');
    ps.s(`CLAIMS_URI = "postgresql://etl:${up}@10.20.0.5:5432/claims"`, 'database', up);

    const cn = repo.file('airflow/connections.yaml', 'airflow');
    const cp = pw();
    const sa = saKey('ksa-data-prod', 'airflow');
    const gwp = gwSecret();
    const sw = t.slackWebhook();
    const swPath = sw.replace('https://hooks.slack.com/services/', '');
    cn.l('claims_pg:', '  conn_type: postgres', '  host: 10.20.0.5', '  login: airflow');
    cn.s(`  password: ${cp}`, 'generic', cp);
    cn.l(
      '  port: 5432',
      'google_cloud_default:',
      '  conn_type: google_cloud_platform',
      '  extra:',
      '    project: ksa-data-prod',
    );
    cn.s(`    keyfile_dict: '${sa.compact}'`, 'gcp', sa.body);
    cn.l('guidewire_cc:', '  conn_type: http', '  host: https://cc.gw.keystone-assurance.com', '  login: ksa-airflow');
    cn.s(`  password: ${gwp}`, 'generic', gwp);
    cn.l('slack_claims:', '  conn_type: slackwebhook', '  host: https://hooks.slack.com/services');
    cn.s(`  password: ${swPath}`, 'slack', swPath);

    const ae = repo.file('airflow/.env', 'airflow');
    const f = fernet();
    const wk = t.hex(48);
    const ap = pwa();
    const ui = pw();
    ae.s(`AIRFLOW__CORE__FERNET_KEY=${f}`, 'generic', f);
    ae.s(`AIRFLOW__WEBSERVER__SECRET_KEY=${wk}`, 'generic', wk);
    ae.s(`AIRFLOW_CONN_CLAIMS_PG=postgresql://airflow:${ap}@10.20.0.5:5432/claims`, 'database', ap);
    ae.d(
      'AIRFLOW_CONN_GOOGLE_CLOUD_DEFAULT=google-cloud-platform://?key_path=%2Fopt%2Fairflow%2Fkeys%2Fsa.json&project=ksa-data-prod',
      'key path uri',
    );
    ae.s(`_AIRFLOW_WWW_USER_PASSWORD=${ui}`, 'generic', ui);
    ae.d(
      'AIRFLOW__SECRETS__BACKEND=airflow.providers.google.cloud.secrets.secret_manager.CloudSecretManagerBackend',
      'class name',
    );
    ae.d(
      'AIRFLOW__SECRETS__BACKEND_KWARGS={"connections_prefix": "airflow-connections", "project_id": "ksa-data-prod"}',
      'backend config',
    );

    const pr = repo.file('analytics/dbt/profiles.yml', 'dbt');
    const dsa = saKey('ksa-data-prod', 'dbt-runner');
    const fbk = pw();
    const pass = pw();
    pr.l(
      'ksa_claims:',
      '  target: prod',
      '  outputs:',
      '    prod:',
      '      type: bigquery',
      '      method: service-account-json',
      '      project: ksa-data-prod',
    );
    pr.l(
      '      dataset: claims_mart',
      '      threads: 8',
      '      keyfile_json:',
      '        type: service_account',
      '        project_id: ksa-data-prod',
    );
    pr.d(`        private_key_id: ${dsa.keyId}`, 'key id');
    pr.s(`        private_key: ${dsa.escaped}`, 'gcp', dsa.body);
    pr.l(`        client_email: ${dsa.email}`);
    pr.d(`        client_id: "${dsa.clientId}"`, 'numeric client id');
    pr.l(
      '        token_uri: https://oauth2.googleapis.com/token',
      '    dev:',
      '      type: bigquery',
      '      method: oauth',
      '      project: ksa-data-dev',
      '      dataset: "{{ env_var(\'DBT_USER\') }}_claims"',
    );
    pr.l(
      'ksa_reserving:',
      '  target: prod',
      '  outputs:',
      '    prod:',
      '      type: postgres',
      '      host: 10.40.0.8',
      '      user: dbt',
    );
    pr.s(`      password: "{{ env_var('DBT_PG_PASSWORD', '${fbk}') }}"`, 'generic', fbk);
    pr.l(
      '      port: 5432',
      '      dbname: reserving',
      '      schema: marts',
      '    ops:',
      '      type: postgres',
      '      host: 10.40.0.9',
      '      user: dbt_ops',
    );
    pr.s(`      pass: ${pass}`, 'generic', pass);
    pr.l('      dbname: ops', '    ci:', '      type: postgres', '      host: 10.40.0.9', '      user: dbt_ci');
    pr.d('      password: "{{ env_var(\'DBT_CI_PASSWORD\') }}"', 'env_var reference');
  }

  // ---- Jupyter notebook: loss modelling --------------------------------------------------
  function notebook(repo, t) {
    const nb = repo.file('notebooks/loss-modelling/severity_glm.ipynb', 'notebook');
    const pg = pwa();
    const lex = riskKey();
    const bearer = ya29();
    const sfs = t.alnum(24);
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
    nb.l(
      '    "import os\\n",',
      '    "import pandas as pd\\n",',
      '    "import sqlalchemy\\n",',
      '    "from google.cloud import bigquery\\n",',
    );
    nb.s(`    ${JSON.stringify(`PG_PASSWORD = "${pg}"\n`)},`, 'generic', pg);
    nb.d(
      `    ${JSON.stringify('engine = sqlalchemy.create_engine(f"postgresql://actuary:{PG_PASSWORD}@10.40.0.8:5432/reserving")\n')},`,
      'f-string interpolation',
    );
    nb.s(`    ${JSON.stringify(`os.environ["LEXIS_API_KEY"] = "${lex}"\n`)},`, 'generic', lex);
    nb.d(`    ${JSON.stringify('bq = bigquery.Client(project="ksa-data-prod")')}`, 'client');
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
    nb.s(`      ${JSON.stringify(`Connected: postgresql://actuary:${pg}@10.40.0.8:5432/reserving\n`)},`, 'generic', pg);
    nb.d(`      ${JSON.stringify(`Loaded 48213 claims, snapshot ${t.sha1()}\n`)}`, 'sha');
    nb.l(
      '     ]',
      '    }',
      '   ],',
      '   "source": [',
      '    "print(\\"Connected:\\", engine.url.render_as_string(hide_password=False))\\n",',
      '    "claims = pd.read_sql(\\"select * from claims_closed\\", engine)"',
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
      '     "name": "stderr",',
      '     "output_type": "stream",',
      '     "text": [',
    );
    nb.l(
      '      "DEBUG:urllib3.connectionpool:https://bigquery.googleapis.com:443 \\"POST /bigquery/v2/projects/ksa-data-prod/jobs HTTP/1.1\\" 200 None\\n",',
    );
    nb.s(
      `      ${JSON.stringify(`DEBUG:google.auth.transport.requests:Making request: headers={'Authorization': 'Bearer ${bearer}', 'x-goog-api-client': 'gl-python/3.11'}\n`)},`,
      'gcp',
      bearer,
    );
    nb.s(
      `      ${JSON.stringify(`DEBUG:simple_salesforce:login security_token=${sfs}\n`)}`,
      'salesforce',
      sfs,
      'warning',
    );
    nb.l('     ]', '    },', '    {', '     "data": {', '      "text/plain": [');
    nb.d(`       ${JSON.stringify(`   claim_id          policy_number      naic   vin\n`)},`, 'table header');
    for (let i = 0; i < 3; i++)
      nb.d(
        `       ${JSON.stringify(`${i}  ${claimId()}  ${policyNo('PA')}  ${naic()}  ${vin()}\n`)}${i < 2 ? ',' : ''}`,
        'claim row',
      );
    nb.l('      ],');
    nb.d(`      "image/png": "${t.pngBase64()}"`, 'base64 image');
    nb.l('     },', '     "metadata": {},', '     "output_type": "execute_result"', '    }', '   ],', '   "source": [');
    nb.d(`    ${JSON.stringify('logging.basicConfig(level=logging.DEBUG)\n')},`, 'code');
    nb.l(
      '    "fit = smf.glm(\\"severity ~ C(territory) + C(vehicle_age)\\", data=claims, family=sm.families.Gamma()).fit()"',
      '   ]',
      '  }',
      ' ],',
    );
    nb.l(
      ' "metadata": {',
      '  "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}',
      ' },',
      ' "nbformat": 4,',
      ' "nbformat_minor": 5',
      '}',
    );
  }

  // ---- logs --------------------------------------------------------------------------------
  function logs(repo, t) {
    const cl = repo.file('logs/cloud-logging/claims-service-2026-05-14.jsonl', 'logs');
    const entry = (severity, payload, extra = {}) =>
      JSON.stringify({
        insertId: t.lower(14),
        jsonPayload: payload,
        resource: {
          type: 'k8s_container',
          labels: { project_id: 'ksa-claims-prod', cluster_name: 'ksa-prod-gke', namespace_name: 'claims' },
        },
        timestamp: `2026-05-14T02:${t.digits(2).slice(0, 1)}${t.pick(DIGIT, 1)}:${t.pick('012345', 1)}${t.pick(DIGIT, 1)}.${t.digits(3)}Z`,
        severity,
        logName: 'projects/ksa-claims-prod/logs/stdout',
        ...extra,
      });
    cl.d(
      entry(
        'INFO',
        {
          message: `FNOL accepted claimId=${claimId()} policy=${policyNo('PA')}`,
          logger: 'c.k.claims.fnol.FnolController',
        },
        { trace: `projects/ksa-claims-prod/traces/${t.hex(32)}` },
      ),
      'claim id, trace id',
    );
    const jp = pwa();
    cl.s(
      entry('ERROR', {
        message: `Failed to obtain JDBC Connection; url=jdbc:postgresql://10.20.0.5:5432/claims?user=claims_app&password=${jp}`,
        logger: 'com.zaxxer.hikari.pool.HikariPool',
      }),
      'generic',
      jp,
    );
    const tw = t.twilioToken();
    const sid = `AC${t.hex(32)}`;
    cl.s(
      entry('WARNING', {
        message: `Twilio request failed: POST https://${sid}:${tw}@api.twilio.com/2010-04-01/Accounts/${sid}/Messages.json 429`,
      }),
      'twilio',
      tw,
    );
    const gw = gwSecret();
    cl.s(
      entry('DEBUG', {
        message: `guidewire token request grant_type=client_credentials client_id=ksa-claims-integration client_secret=${gw}`,
      }),
      'generic',
      gw,
    );
    const acc = t.jwt();
    cl.s(
      entry(
        'INFO',
        { message: 'request completed' },
        {
          httpRequest: {
            requestMethod: 'GET',
            requestUrl: `https://bff.agents.keystone-assurance.com/api/v1/quotes?access_token=${acc}`,
            status: 200,
          },
        },
      ),
      'generic',
      acc,
    );
    cl.d(
      entry('INFO', { message: 'Loaded secret projects/ksa-claims-prod/secrets/docusign-rsa-private-key/versions/4' }),
      'secret path',
    );
    cl.d(
      entry('INFO', { message: 'jasypt: decrypted property guidewire.claimcenter.oauth.client-secret' }),
      'property name',
    );
    cl.d(entry('INFO', { message: `DocuSign envelope ${t.uuid()} sent for claim ${claimId()}` }), 'envelope id');

    const sp = repo.file('logs/spark/driver-claims-etl-20260514.log', 'logs');
    const pasPw = pwa();
    const rdPw = pwa();
    sp.l('26/05/14 02:00:01 INFO SparkContext: Running Spark version 3.5.1');
    sp.d(
      '26/05/14 02:00:03 INFO SparkContext: spark.hadoop.fs.gs.auth.service.account.private.key=*********(redacted)',
      'redacted',
    );
    sp.d(
      '26/05/14 02:00:03 INFO SparkContext: spark.hadoop.javax.jdo.option.ConnectionPassword=*********(redacted)',
      'redacted',
    );
    sp.d(
      `26/05/14 02:00:04 INFO YarnClientImpl: Submitted application application_${t.digits(13)}_0042`,
      'application id',
    );
    sp.s(
      `26/05/14 02:00:09 INFO JDBCRelation: Number of partitions: 8, WHERE clauses of these partitions: url=jdbc:sqlserver://pas-db.corp.keystone-assurance.com:1433;databaseName=PAS;user=etl;password=${pasPw}`,
      'generic',
      pasPw,
    );
    sp.s(
      `26/05/14 02:03:41 ERROR Executor: Exception in task 3.0 in stage 2.0 (TID 17) java.sql.SQLException: No suitable driver for jdbc:postgresql://10.20.0.5:5432/claims?user=etl_reader&password=${rdPw}`,
      'generic',
      rdPw,
    );
    sp.d(
      '26/05/14 02:03:42 ERROR Executor: org.postgresql.util.PSQLException: FATAL: password authentication failed for user "etl_reader"',
      'error message',
    );
    sp.d(`26/05/14 02:05:10 INFO BigQueryClient: job ksa-data-prod:US.job_${t.mixed(URLSAFE, 28)} done`, 'job id');

    const cb = repo.file('logs/ci/cloudbuild-7c1e.log', 'logs');
    const sn = t.uuid();
    const sg = t.sendgrid();
    cb.d(`starting build "${t.uuid()}"`, 'build id');
    cb.l('FETCHSOURCE', 'BUILD');
    cb.d('Step #0 - "build": Already have image (with digest): gcr.io/cloud-builders/mvn', 'log line');
    cb.s(`Step #1 - "snyk": + snyk auth ${sn}`, 'snyk', sn);
    cb.d('Step #1 - "snyk": Your account has been authenticated. Snyk is now ready to be used.', 'log line');
    cb.s(
      `Step #3 - "deploy": + gcloud run deploy doc-ingest --region us-central1 --set-env-vars SENDGRID_API_KEY=${sg}`,
      'sendgrid',
      sg,
    );
    cb.d(
      `Step #3 - "deploy": Service [doc-ingest] revision [doc-ingest-00042-${t.lower(3)}] has been deployed`,
      'log line',
    );
    cb.d(`DONE  sha256:${t.sha256()}`, 'digest');

    const ga = repo.file('logs/ci/gha-e2e-20260513.log', 'logs');
    const pat = ghPat();
    const npm = t.npm();
    ga.d('2026-05-13T10:01:02.1234567Z   SNYK_TOKEN: ***', 'masked');
    ga.d('2026-05-13T10:01:02.1234890Z   DD_API_KEY: ***', 'masked');
    ga.s(
      `2026-05-13T10:01:05.0012345Z + curl -sS -u ksa-ci:${pat} https://api.github.com/repos/keystoneins/agent-portal/releases/latest`,
      'github',
      pat,
    );
    ga.s(`2026-05-13T10:01:06.7781234Z + echo //registry.npmjs.org/:_authToken=${npm} >> ~/.npmrc`, 'npm', npm);
    ga.d('2026-05-13T10:01:07.0000000Z ##[warning]Node.js 16 actions are deprecated.', 'log line');
  }

  // ---- docs and keys -----------------------------------------------------------------------
  function docsAndKeys(repo, t) {
    const r = repo.file('README.md', 'docs');
    r.l(
      '# Keystone Assurance platform',
      '',
      'Claims, quoting, underwriting and the agent portal.',
      '',
      '## Secrets',
      '',
    );
    r.d(
      'All credentials live in Secret Manager, e.g. `projects/ksa-claims-prod/secrets/guidewire-client-secret`.',
      'secret path',
    );
    r.d('    gcloud secrets versions access latest --secret=docusign-rsa-private-key', 'command');
    r.d('    export SNYK_TOKEN=<your-snyk-token>', 'placeholder');
    r.d('    export SENDGRID_API_KEY=SG.your-key-here', 'placeholder');
    r.d(
      'Spring reads them as `${sm://guidewire-client-secret}`; Micronaut as `${sm://quoting-db-password}`.',
      'sm reference',
    );

    const o = repo.file('docs/runbooks/claims-oncall.md', 'docs');
    const gw = gwSecret();
    const pd = pdToken();
    const jas = pw();
    o.l('# Claims on-call', '', '## Break-glass access', '');
    o.s(`- Guidewire sandbox OAuth: client_id \`ksa-claims-sbx\`, client_secret \`${gw}\``, 'generic', gw);
    o.s(`- PagerDuty API token (read-only): \`${pd}\``, 'pagerduty', pd);
    o.s(`- Jasypt master password for prod (rotate after use): \`${jas}\``, 'generic', jas);
    o.d(
      '- Rotate via Secret Manager: `projects/ksa-claims-prod/secrets/jasypt-password/versions/latest`',
      'secret path',
    );
    o.d(`- Test claim: \`${claimId()}\` on policy \`${policyNo('PA')}\` (VIN \`${vin()}\`).`, 'ids');

    const ds = repo.file('docs/integrations/docusign.md', 'docs');
    ds.l('# DocuSign JWT grant', '');
    ds.d(`Integration key: \`${t.uuid()}\` (public, in the app settings)`, 'integration key');
    ds.d('Configure `DOCUSIGN_SECRET_KEY` from Secret Manager; never commit it.', 'prose');
    ds.l('The public half of the RSA keypair registered with DocuSign:', '', '```');
    ds.d(pubPem(), 'public key');
    ds.l('```');

    const k = repo.file('keys/docusign/ksa-claims-jwt.pem', 'keys');
    const rsa = t.rsaPem();
    k.s(rsa, 'private-key', rsa.join('\n'));
    const kp = repo.file('keys/docusign/ksa-claims-jwt.pub', 'keys');
    kp.d(pubPem(), 'public key');
    const ssh = repo.file('keys/dataproc/ops_ed25519.pub', 'keys');
    ssh.d(`ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${t.mixed(B64, 43)} ops@ksa-dataproc`, 'ssh public key');
    const ssk = repo.file('keys/dataproc/ops_ed25519', 'keys');
    const os = t.opensshPem();
    ssk.s(os, 'private-key', os.join('\n'));

    const wf = repo.file('services/claims-service/src/main/resources/docusign/connect-hmac.properties', 'java');
    const hm = rb64(43) + '=';
    wf.l('# DocuSign Connect HMAC key (Connect > HMAC signature key 1)');
    wf.s(`docusign.connect.hmac-key=${hm}`, 'docusign', hm, 'warning');
    wf.d(`docusign.connect.configuration-id=${t.digits(8)}`, 'numeric id');
  }
}
