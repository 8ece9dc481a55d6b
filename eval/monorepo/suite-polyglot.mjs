// Red-team suite "polyglot": credentials as they sit in source code and scripts of many languages
// (Python, Go, Java/Kotlin, C#, Ruby, PHP, Rust, Swift, C/C++, shell, PowerShell, batch, Make,
// SQL), in logs and prose, in two-part pairs, in credential stores, and provider tokens in files
// that never name their vendor, with the look-alikes the same files really hold as decoys.
// Written from what real repositories contain and from the token formats vendors publish, not
// from tokenscope's rules. Every value is drawn from the seeded PRNG at run time.
import { ALNUM, B64, DIGIT, HEX, LOWER, UPPER, URLSAFE, Repo, makeTokens, mulberry32 } from './generate.mjs';
import { crc32Base62Suffix } from '../../dist/providers/formats/checksums.js';

// Builders for formats generate.mjs lacks, drawn from the same seeded stream.
function moreTokens(rand, t) {
  const one = (list) => list[Math.floor(rand() * list.length)];
  const crc = (prefix, n) => {
    const body = t.alnum(n);
    return `${prefix}${body}${crc32Base62Suffix(body)}`;
  };
  // Human-chosen passwords as they appear in dev and staging configs.
  const human = () => {
    const shapes = [
      () => `${one(['Acme', 'Globex', 'Initech', 'Umbrella'])}@${one(['2022', '2023', '2024', '2025'])}`,
      () =>
        `${one(['Jessica', 'Michael', 'Bella', 'Charlie'])}${one(['1985', '1992', '2001', '77'])}${one(['!', '?', '*'])}`,
      () =>
        `${one(['Summer', 'Winter', 'Autumn', 'Spring'])}${one(['2023', '2024', '2025'])}${one(['!', '#', '$', '!!'])}`,
      () => `${one(['db', 'app', 'svc', 'api', 'etl'])}_pass_${one(['prod', 'stg', 'live', 'main'])}_${t.digits(2)}`,
      () => `${one(['Welcome', 'Monday', 'Dragon', 'Sunshine', 'Football'])}${t.digits(3)}${one(['!', '@', '#'])}`,
      () => `${one(['P@ssw0rd', 'Adm1n', 'R00tpass', 'Qwerty'])}${one(['_', '-', '.'])}${t.digits(4)}`,
      () =>
        `${one(['blue', 'green', 'orange', 'silver'])}-${one(['horse', 'river', 'piano', 'cactus'])}-${one(['battery', 'staple', 'lantern', 'meadow'])}-${t.digits(2)}`,
    ];
    return one(shapes)();
  };
  const gen = () => t.mixed(ALNUM, 16 + Math.floor(rand() * 10));
  const pw = () => (rand() < 0.5 ? human() : rand() < 0.5 ? t.password() : gen());
  return {
    one,
    human,
    gen,
    pw,
    ghFine: () => `github_pat_${t.mixed(ALNUM, 22)}_${t.mixed(ALNUM, 59)}`,
    gho: () => crc('gho_', 30),
    ghs: () => crc('ghs_', 30),
    slackUser: () => `xoxp-${t.digits(11)}-${t.digits(12)}-${t.digits(13)}-${t.hex(32)}`,
    slackApp: () => `xapp-1-A${t.pick(UPPER + DIGIT, 10)}-${t.digits(13)}-${t.hex(64)}`,
    stripeRestricted: () => `rk_live_51${t.mixed(ALNUM, 97)}`,
    stripeWebhook: () => `whsec_${t.mixed(ALNUM, 32)}`,
    anthropicAdmin: () => `sk-ant-admin01-${t.mixed(URLSAFE, 93)}AA`,
    openaiSvc: () => `sk-svcacct-${t.mixed(URLSAFE, 58)}T3BlbkFJ${t.mixed(URLSAFE, 58)}`,
    twilioApiKey: () => `SK${t.hex(32)}`,
    shopify: (p = 'shpat_') => `${p}${t.hex(32)}`,
    mailgun: () => `key-${t.hex(32)}`,
    mailgunNew: () => `${t.hex(32)}-${t.hex(8)}-${t.hex(8)}`,
    discordBot: () =>
      `${Buffer.from(t.digits(18)).toString('base64').replace(/=+$/, '')}.${t.mixed(URLSAFE, 6)}.${t.mixed(URLSAFE, 38)}`,
    telegram: () => `${t.digits(10)}:AA${t.mixed(URLSAFE, 33)}`,
    vault: () => `hvs.CAESI${t.mixed(URLSAFE, 86)}`,
    vaultLegacy: () => `s.${t.mixed(ALNUM, 24)}`,
    algoliaAppId: () => t.pick(UPPER + DIGIT, 10),
    hf: () => `hf_${t.pick(UPPER + LOWER, 34)}`,
    linear: () => `lin_api_${t.mixed(ALNUM, 40)}`,
    postman: () => `PMAK-${t.hex(24)}-${t.hex(34)}`,
    sentryUser: () => `sntryu_${t.hex(64)}`,
    newrelic: () => `NRAK-${t.pick(UPPER + DIGIT, 27)}`,
    doppler: () => `dp.pt.${t.mixed(ALNUM, 43)}`,
    databricks: () => `dapi${t.hex(32)}`,
    pulumi: () => `pul-${t.hex(40)}`,
    tfc: () => `${t.mixed(ALNUM, 14)}.atlasv1.${t.mixed(ALNUM + '-_', 67)}`,
    mailchimp: () => `${t.hex(32)}-us${one(['6', '12', '19', '21'])}`,
    age: () => `AGE-SECRET-KEY-1${t.pick('QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L', 58)}`,
    azureClientId: () => t.uuid(),
    gitlabLegacy: () => `glpat-${t.mixed(URLSAFE, 20)}`,
    gitlabRunner: () => `glrt-${t.mixed(URLSAFE, 20)}`,
    awsSecretAlt: () => t.mixed(B64, 40),
    djangoKey: () => `django-insecure-${t.pick(LOWER + DIGIT + '!@#$%^&*(-_=+)', 50)}`,
    b64: (n) => t.mixed(B64, n),
    lowerHex: (n) => t.pick(HEX, n),
  };
}

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed ^ 0x5eed7);
  const t = makeTokens(rand);
  const x = moreTokens(rand, t);
  const repo = new Repo();
  python(repo, t, x);
  go(repo, t, x);
  jvm(repo, t, x);
  dotnet(repo, t, x);
  ruby(repo, t, x);
  php(repo, t, x);
  rustSwift(repo, t, x);
  cLang(repo, t, x);
  shell(repo, t, x);
  windows(repo, t, x);
  make(repo, t, x);
  sql(repo, t, x);
  logs(repo, t, x);
  prose(repo, t, x);
  pairs(repo, t, x);
  stores(repo, t, x);
  bare(repo, t, x);
  lookalikes(repo, t, x);
  moreCalls(repo, t, x);
  return repo;
}

// ---- Python ------------------------------------------------------------------------------

function python(repo, t, x) {
  const dbPw = x.pw();
  const secretKey = x.djangoKey();
  const mailPw = x.human();
  const awsSecret = t.awsSecret();
  repo
    .file('services/billing/billing/settings/staging.py', 'python')
    .l('"""Staging settings for the billing service."""', 'from .base import *  # noqa: F401,F403', 'import os', '')
    .l('DEBUG = False', "ALLOWED_HOSTS = ['billing.stg.internal', 'localhost']", '')
    .s(`SECRET_KEY = '${secretKey}'`, 'django', secretKey)
    .l(
      '',
      'DATABASES = {',
      "    'default': {",
      "        'ENGINE': 'django.db.backends.postgresql',",
      "        'NAME': 'billing',",
    )
    .l("        'USER': 'billing_app',")
    .s(`        'PASSWORD': '${dbPw}',`, 'generic', dbPw)
    .l("        'HOST': 'pg-stg-01.internal',", "        'PORT': '5432',", '    },', '    "replica": {')
    .d("        'PASSWORD': os.environ['REPLICA_DB_PASSWORD'],", 'env reference')
    .l('    },', '}', '')
    .l("EMAIL_BACKEND = 'django.core.mail.backends.smtp.EmailBackend'", "EMAIL_HOST = 'smtp.office365.com'")
    .l("EMAIL_HOST_USER = 'noreply@billing-corp.com'")
    .s(`EMAIL_HOST_PASSWORD = "${mailPw}"`, 'generic', mailPw)
    .d("AWS_STORAGE_BUCKET_NAME = 'billing-stg-invoices'", 'bucket name')
    .d("AWS_SECRET_ACCESS_KEY = os.getenv('AWS_SECRET_ACCESS_KEY', '')", 'env reference with empty default')
    .d("STATIC_MANIFEST_SHA = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'", 'sha256 constant');

  const flaskPw = x.pw();
  const flaskSecret = t.hex(48);
  repo
    .file('services/reports/app/config.py', 'python')
    .l('import os', 'from datetime import timedelta', '', '', 'class Config:')
    .d("    SECRET_KEY = os.environ.get('FLASK_SECRET_KEY') or 'dev-secret-change-me'", 'placeholder fallback')
    .l('    PERMANENT_SESSION_LIFETIME = timedelta(hours=8)', '', '', 'class ProductionConfig(Config):')
    .s(`    SECRET_KEY = "${flaskSecret}"`, 'generic', flaskSecret)
    .s(
      `    SQLALCHEMY_DATABASE_URI = "postgresql+psycopg2://reports:${flaskPw}@reports-db.prod.internal:5432/reports"`,
      'generic',
      flaskPw,
    )
    .d('    SQLALCHEMY_TRACK_MODIFICATIONS = False', 'boolean setting')
    .l('', '', 'class TestConfig(Config):')
    .d("    SQLALCHEMY_DATABASE_URI = 'sqlite:///:memory:'", 'in-memory sqlite')
    .d("    WTF_CSRF_SECRET_KEY = 'testing'", 'test placeholder');

  const awsId = t.awsId();
  repo
    .file('tools/s3_sync/sync.py', 'python')
    .l(
      '#!/usr/bin/env python3',
      '"""Copies nightly exports to the partner bucket."""',
      'import boto3',
      'import logging',
      '',
    )
    .l('log = logging.getLogger(__name__)', '', '', 'def client():', '    return boto3.client(', '        "s3",')
    .s(`        aws_access_key_id="${awsId}",`, 'aws', awsId)
    .s(`        aws_secret_access_key="${awsSecret}",`, 'aws', awsSecret)
    .l('        region_name="eu-west-1",', '    )', '')
    .d('BUCKET_ARN = "arn:aws:s3:::partner-exports-eu"', 'ARN')
    .d('KMS_KEY_ID = "arn:aws:kms:eu-west-1:123456789012:key/4f1c3b2a-9d8e-4c7b-a6f5-0e1d2c3b4a59"', 'KMS key ARN');

  const ldapPw = x.pw();
  const adminPw = x.human();
  repo
    .file('services/auth/auth/ldap_client.py', 'python')
    .l('import ldap3', 'from typing import Optional', '', '')
    .s(
      `def bind(server: str = "ldaps://dc1.corp.local", user: str = "CN=svc-ldap,OU=Service", passwd: str = "${ldapPw}") -> ldap3.Connection:`,
      'generic',
      ldapPw,
    )
    .l('    conn = ldap3.Connection(server, user=user, password=passwd, auto_bind=True)', '    return conn', '', '')
    .l('def is_break_glass(username: str, password: Optional[str]) -> bool:')
    .s(`    if username == "root" and password == "${adminPw}":`, 'generic', adminPw)
    .l('        return True', '    return False', '', '')
    .d('def check(password: str = None) -> bool:', 'default None')
    .l('    return bool(password)');

  const redisPw = t.alnum(32);
  const celeryPw = x.pw();
  repo
    .file('services/worker/celeryconfig.py', 'python')
    .l('# Celery configuration', 'import os', '')
    .s(`broker_url = "amqp://worker:${celeryPw}@rabbitmq.prod.svc:5672/jobs"`, 'generic', celeryPw)
    .s(`result_backend = "redis://:${redisPw}@redis-master.prod.svc:6379/2"`, 'generic', redisPw)
    .d('broker_transport_options = {"visibility_timeout": 3600}', 'options')
    .d('flower_basic_auth = os.environ["FLOWER_BASIC_AUTH"]', 'env reference');

  repo
    .file('services/auth/tests/test_login.py', 'python')
    .l('import pytest', 'from auth.views import login', '', '')
    .d('TEST_PASSWORD = "test123"', 'test fixture')
    .d('@pytest.mark.parametrize("pw", ["", "short", "hunter2", "password"])', 'test parameter list')
    .l('def test_rejects_weak(pw):', '    assert not login("alice", pw)', '', '')
    .d('FAKE_TOKEN = "ghp_" + "x" * 36', 'fixture built from x')
    .d('mock_secret = "dummy-secret-for-tests"', 'dummy test value');
}

// ---- Go ----------------------------------------------------------------------------------

function go(repo, t, x) {
  const dsnPw = x.pw();
  const pgPw = x.pw();
  const envPw = x.human();
  const stripe = t.stripeLive();
  repo
    .file('services/ledger/internal/store/db.go', 'go')
    .l(
      'package store',
      '',
      'import (',
      '\t"database/sql"',
      '\t"os"',
      '',
      '\t_ "github.com/go-sql-driver/mysql"',
      ')',
      '',
    )
    .l('func Open() (*sql.DB, error) {')
    .s(
      `\treturn sql.Open("mysql", "ledger:${dsnPw}@tcp(mysql-primary.prod:3306)/ledger?parseTime=true")`,
      'generic',
      dsnPw,
    )
    .l('}', '')
    .l('func OpenReplica() (*sql.DB, error) {')
    .s(
      `\treturn sql.Open("postgres", "host=pg-replica.prod user=ledger_ro password=${pgPw} dbname=ledger sslmode=require")`,
      'generic',
      pgPw,
    )
    .l('}', '', 'func init() {')
    .s(`\tos.Setenv("LEDGER_ADMIN_PASSWORD", "${envPw}")`, 'generic', envPw)
    .d('\tos.Setenv("LEDGER_REGION", "eu-central-1")', 'non-secret env')
    .l('}');

  const smtpPw = x.pw();
  const apiKey = t.hex(40);
  repo
    .file('services/notify/cmd/notify/main.go', 'go')
    .l('package main', '', 'import (', '\t"log"', '\t"net/smtp"', ')', '')
    .l(
      'type Config struct {',
      '\tHost     string',
      '\tUser     string',
      '\tPassword string',
      '\tAPIKey   string',
      '}',
      '',
    )
    .l('func main() {', '\tcfg := Config{', '\t\tHost:     "smtp.sendgrid.net:587",', '\t\tUser:     "apikey",')
    .s(`\t\tPassword: "${smtpPw}",`, 'generic', smtpPw)
    .s(`\t\tAPIKey:   "${apiKey}",`, 'generic', apiKey)
    .l('\t}')
    .s(`\tstripeKey := "${stripe}"`, 'stripe', stripe)
    .l('\tauth := smtp.PlainAuth("", cfg.User, cfg.Password, "smtp.sendgrid.net")')
    .d('\tbuildSHA := "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b"', 'git sha')
    .d('\trequestID := "3f2b8c1e-7a4d-4e5f-9b6a-1c2d3e4f5a6b"', 'uuid request id')
    .l('\tlog.Println(auth, stripeKey, buildSHA, requestID)', '}');

  const gh = t.github();
  repo
    .file('tools/release/release.go', 'go')
    .l('package main', '', 'import "github.com/google/go-github/v62/github"', '')
    .s(`const releaseToken = "${gh}"`, 'github', gh)
    .d('const tokenEnv = "GITHUB_TOKEN"', 'env name')
    .l('', 'func client() *github.Client { return github.NewClient(nil).WithAuthToken(releaseToken) }');

  repo
    .file('services/ledger/internal/store/db_test.go', 'go')
    .l('package store', '', 'import "testing"', '')
    .d('const testDSN = "root:secret@tcp(127.0.0.1:3306)/ledger_test"', 'local test DSN with secret placeholder')
    .d('var fakeKey = strings.Repeat("a", 40)', 'repeated fixture')
    .l('func TestOpen(t *testing.T) {}');
}

// ---- Java / Kotlin -----------------------------------------------------------------------

function jvm(repo, t, x) {
  const dsPw = x.pw();
  const jwtSecret = t.alnum(48);
  const mqPw = x.human();
  repo
    .file('services/orders/src/main/resources/application-prod.properties', 'java')
    .l('# Production profile', 'server.port=8080', 'spring.application.name=orders')
    .l(
      'spring.datasource.url=jdbc:postgresql://orders-db.prod.internal:5432/orders',
      'spring.datasource.username=orders_app',
    )
    .s(`spring.datasource.password=${dsPw}`, 'generic', dsPw)
    .s(`security.jwt.secret=${jwtSecret}`, 'generic', jwtSecret)
    .l('spring.rabbitmq.host=mq.prod.internal', 'spring.rabbitmq.username=orders')
    .s(`spring.rabbitmq.password=${mqPw}`, 'generic', mqPw)
    .d('spring.mail.password=${MAIL_PASSWORD}', 'property placeholder')
    .d('management.endpoints.web.exposure.include=health,info', 'setting');

  const ymlPw = x.pw();
  const clientSecret = t.alnum(40);
  repo
    .file('services/catalog/src/main/resources/application.yml', 'java')
    .l('spring:', '  datasource:', '    url: jdbc:mysql://catalog-db:3306/catalog', '    username: catalog')
    .s(`    password: ${ymlPw}`, 'generic', ymlPw)
    .l(
      '  security:',
      '    oauth2:',
      '      client:',
      '        registration:',
      '          keycloak:',
      '            client-id: catalog-service',
    )
    .s(`            client-secret: ${clientSecret}`, 'generic', clientSecret)
    .d('            redirect-uri: "{baseUrl}/login/oauth2/code/{registrationId}"', 'uri template')
    .d('    password-encoder: bcrypt', 'setting naming a password');

  const jdbcPw = x.pw();
  const valPw = x.human();
  repo
    .file('services/legacy/src/main/java/com/acme/legacy/ReportDao.java', 'java')
    .l('package com.acme.legacy;', '', 'import java.sql.Connection;', 'import java.sql.DriverManager;')
    .l('import org.springframework.beans.factory.annotation.Value;', '', 'public class ReportDao {')
    .s(`    @Value("\${reports.db.password:${valPw}}")`, 'generic', valPw)
    .l('    private String password;', '')
    .l('    Connection open() throws Exception {', '        return DriverManager.getConnection(')
    .l('            "jdbc:oracle:thin:@ora-prod-02:1521/REPORTS",')
    .l('            "REPORTS_RW",')
    .s(`            "${jdbcPw}");`, 'generic', jdbcPw)
    .l('    }', '')
    .d('    @Value("${reports.db.user:REPORTS_RW}")', 'value default not a secret')
    .l('    private String user;', '}');

  const mavenPw = x.pw();
  const kotlinKey = t.alnum(32);
  repo
    .file('android/app/build.gradle.kts', 'java')
    .l(
      'plugins {',
      '    id("com.android.application")',
      '    kotlin("android")',
      '}',
      '',
      'android {',
      '    signingConfigs {',
    )
    .l('        create("release") {', '            storeFile = file("release.jks")')
    .s(`            storePassword = "${mavenPw}"`, 'generic', mavenPw)
    .l('            keyAlias = "release"')
    .d('            keyPassword = System.getenv("KEY_PASSWORD")', 'env reference')
    .l('        }', '    }', '    defaultConfig {')
    .s(`        buildConfigField("String", "MAPS_API_SECRET", "\\"${kotlinKey}\\"")`, 'generic', kotlinKey)
    .d('        versionName = "4.12.0"', 'version')
    .l('    }', '}');

  const nexusPw = x.pw();
  repo
    .file('gradle.properties', 'java')
    .l('org.gradle.jvmargs=-Xmx2048m', 'android.useAndroidX=true', 'nexusUsername=ci-deployer')
    .s(`nexusPassword=${nexusPw}`, 'generic', nexusPw)
    .d('signing.keyId=24875D73', 'gpg key id');

  const ktPw = x.human();
  repo
    .file('services/sync/src/main/kotlin/com/acme/sync/FtpClient.kt', 'java')
    .l('package com.acme.sync', '', 'import org.apache.commons.net.ftp.FTPClient', '')
    .l('object FtpSettings {', '    const val HOST = "ftp.partner-edi.com"', '    const val USER = "acme_edi"')
    .s(`    const val PASS = "${ktPw}"`, 'generic', ktPw)
    .d('    const val PASSIVE = true', 'boolean')
    .l('}', '', 'fun connect(): FTPClient = FTPClient().apply {', '    connect(FtpSettings.HOST)')
    .l('    login(FtpSettings.USER, FtpSettings.PASS)', '}');
}

// ---- C# ----------------------------------------------------------------------------------

function dotnet(repo, t, x) {
  const sqlPw = x.pw();
  const sbKey = `${t.mixed(B64, 43)}=`;
  const jwtKey = t.alnum(64);
  repo
    .file('services/Payments/Payments.Api/appsettings.Production.json', 'csharp')
    .l('{', '  "Logging": { "LogLevel": { "Default": "Warning" } },', '  "ConnectionStrings": {')
    .s(
      `    "Default": "Server=tcp:payments-sql.database.windows.net,1433;Initial Catalog=payments;User ID=payments_app;Password=${sqlPw};Encrypt=True;",`,
      'generic',
      sqlPw,
    )
    .s(
      `    "ServiceBus": "Endpoint=sb://payments-bus.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${sbKey}"`,
      'azure',
      sbKey,
    )
    .l('  },', '  "Jwt": {', '    "Issuer": "https://payments.acme.io",')
    .s(`    "SigningKey": "${jwtKey}"`, 'generic', jwtKey)
    .l('  },')
    .d('  "AllowedHosts": "*",', 'hosts')
    .d('  "Redis": { "Password": "" }', 'empty password')
    .l('}');

  repo
    .file('services/Payments/Payments.Api/appsettings.Development.json', 'csharp')
    .l('{', '  "ConnectionStrings": {')
    .d(
      '    "Default": "Server=(localdb)\\\\mssqllocaldb;Database=payments;Trusted_Connection=True;"',
      'integrated auth',
    )
    .l('  },')
    .d('  "Jwt": { "SigningKey": "<set-in-user-secrets>" }', 'placeholder')
    .l('}');

  const ncPw = x.pw();
  const ssPw = x.human();
  const ctorPw = x.pw();
  repo
    .file('services/Payments/Payments.Worker/FileDrop.cs', 'csharp')
    .l(
      'using System.Net;',
      'using System.Security;',
      '',
      'namespace Payments.Worker;',
      '',
      'internal static class FileDrop',
      '{',
    )
    .s(
      `    private static readonly NetworkCredential Creds = new NetworkCredential("svc_filedrop", "${ncPw}", "CORP");`,
      'generic',
      ncPw,
    )
    .l('', '    public static SecureString AdminPassword()', '    {', '        var s = new SecureString();')
    .s(`        foreach (var c in "${ssPw}") s.AppendChar(c);`, 'generic', ssPw)
    .l('        return s;', '    }', '')
    .s(
      `    private static readonly SmtpSettings Mail = new SmtpSettings { Host = "mail.corp.local", Password = "${ctorPw}" };`,
      'generic',
      ctorPw,
    )
    .d('    private const string PasswordPolicyRegex = "^(?=.*[A-Z])(?=.*\\\\d).{12,}$";', 'regex')
    .l('}');

  repo
    .file('services/Payments/Payments.Api/Properties/launchSettings.json', 'csharp')
    .l(
      '{',
      '  "profiles": {',
      '    "Payments.Api": {',
      '      "commandName": "Project",',
      '      "environmentVariables": {',
    )
    .d('        "ASPNETCORE_ENVIRONMENT": "Development",', 'env name')
    .d('        "DOTNET_USER_SECRETS_ID": "7b3c1f2e-8d4a-4b6c-9e1f-2a3b4c5d6e7f"', 'user secrets id (uuid)')
    .l('      }', '    }', '  }', '}');
}

// ---- Ruby --------------------------------------------------------------------------------

function ruby(repo, t, x) {
  const prodPw = x.pw();
  repo
    .file('apps/storefront/config/database.yml', 'ruby')
    .l(
      'default: &default',
      '  adapter: postgresql',
      '  encoding: unicode',
      '  pool: <%= ENV.fetch("RAILS_MAX_THREADS") { 5 } %>',
      '',
    )
    .l('development:', '  <<: *default', '  database: storefront_development')
    .d('  password: <%= ENV["DEV_DB_PASSWORD"] %>', 'ERB env reference')
    .l(
      '',
      'production:',
      '  <<: *default',
      '  database: storefront_production',
      '  username: storefront',
      '  host: pg.prod.internal',
    )
    .s(`  password: ${prodPw}`, 'generic', prodPw);

  const smtpPw = x.human();
  const sk = t.hex(128);
  repo
    .file('apps/storefront/config/environments/production.rb', 'ruby')
    .l(
      'Rails.application.configure do',
      '  config.cache_classes = true',
      '  config.action_mailer.delivery_method = :smtp',
    )
    .l(
      '  config.action_mailer.smtp_settings = {',
      '    address: "smtp.mailgun.org",',
      '    port: 587,',
      '    user_name: "postmaster@mg.storefront.io",',
    )
    .s(`    password: "${smtpPw}",`, 'generic', smtpPw)
    .l('    authentication: :plain', '  }')
    .s(`  config.secret_key_base = "${sk}"`, 'generic', sk)
    .d('  config.force_ssl = true', 'setting')
    .l('end');

  const netPw = x.pw();
  const mk = t.hex(32);
  repo
    .file('apps/storefront/lib/tasks/report_mailer.rake', 'ruby')
    .l('require "net/smtp"', '', 'namespace :reports do', '  task weekly: :environment do')
    .s(
      `    Net::SMTP.start("smtp.corp.local", 25, "storefront.io", "reports", "${netPw}", :login) do |smtp|`,
      'generic',
      netPw,
    )
    .l(
      '      smtp.send_message(ReportBuilder.weekly, "reports@storefront.io", "finance@storefront.io")',
      '    end',
      '  end',
      'end',
    );
  repo.file('apps/storefront/config/master.key', 'ruby').s(mk, 'rails', mk);
  repo
    .file('apps/storefront/config/credentials.yml.enc', 'ruby')
    .d(`${x.b64(300)}--${x.b64(16)}--${x.b64(22)}==`, 'encrypted rails credentials');

  repo
    .file('apps/storefront/spec/factories/users.rb', 'ruby')
    .l('FactoryBot.define do', '  factory :user do', '    email { Faker::Internet.email }')
    .d('    password { "password123" }', 'factory password')
    .d('    api_token { SecureRandom.hex(20) }', 'generated at runtime')
    .l('  end', 'end');
}

// ---- PHP ---------------------------------------------------------------------------------

function php(repo, t, x) {
  const wpPw = x.pw();
  const salts = [
    t.pick(ALNUM + '!@#$%^&*()-_[]{}<>~+=,.;:/?|', 64),
    t.pick(ALNUM + '!@#$%^&*()-_[]{}<>~+=,.;:/?|', 64),
  ];
  repo
    .file('sites/blog/wp-config.php', 'php')
    .l('<?php', "define( 'DB_NAME', 'blog_wp' );", "define( 'DB_USER', 'blog_wp' );")
    .s(`define( 'DB_PASSWORD', '${wpPw}' );`, 'generic', wpPw)
    .l("define( 'DB_HOST', 'mysql-blog.internal' );", "define( 'DB_CHARSET', 'utf8mb4' );", '')
    .s(`define( 'AUTH_KEY',         '${salts[0].replace(/'/g, '.')}' );`, 'generic', salts[0].replace(/'/g, '.'))
    .s(`define( 'SECURE_AUTH_KEY',  '${salts[1].replace(/'/g, '.')}' );`, 'generic', salts[1].replace(/'/g, '.'))
    .d("define( 'LOGGED_IN_KEY',    'put your unique phrase here' );", 'wp placeholder')
    .l("$table_prefix = 'wp_';", "define( 'WP_DEBUG', false );");

  const pdoPw = x.pw();
  repo
    .file('sites/shop/src/Db.php', 'php')
    .l('<?php', 'namespace Shop;', '', 'final class Db', '{', '    public static function connect(): \\PDO', '    {')
    .s(
      `        return new \\PDO('mysql:host=shop-db;dbname=shop;charset=utf8mb4', 'shop', '${pdoPw}', [\\PDO::ATTR_ERRMODE => \\PDO::ERRMODE_EXCEPTION]);`,
      'generic',
      pdoPw,
    )
    .l('    }', '')
    .d("    private const HASH = '$2y$10$' . 'K3jP0m2Lq9sV8xN4bR6tYuQ1wE5rT7yU9iO0pA2sD4fG6hJ8kL0zW';", 'bcrypt hash')
    .l('}');

  const laravelKey = `base64:${x.b64(43)}=`;
  const laravelPw = x.human();
  const mailPw = x.pw();
  repo
    .file('sites/crm/.env.production', 'php')
    .l('APP_NAME=CRM', 'APP_ENV=production')
    .s(`APP_KEY=${laravelKey}`, 'generic', laravelKey)
    .l(
      'APP_DEBUG=false',
      'APP_URL=https://crm.acme.io',
      '',
      'DB_CONNECTION=mysql',
      'DB_HOST=crm-db.internal',
      'DB_PORT=3306',
      'DB_DATABASE=crm',
      'DB_USERNAME=crm',
    )
    .s(`DB_PASSWORD=${laravelPw}`, 'generic', laravelPw)
    .l('', 'MAIL_MAILER=smtp', 'MAIL_HOST=smtp.eu.mailgun.org', 'MAIL_USERNAME=crm@mg.acme.io')
    .s(`MAIL_PASSWORD=${mailPw}`, 'generic', mailPw)
    .d('MAIL_ENCRYPTION=tls', 'setting')
    .d('PUSHER_APP_KEY=', 'empty');

  repo
    .file('sites/crm/.env.example', 'php')
    .l('APP_NAME=CRM', 'APP_ENV=local')
    .d('APP_KEY=', 'empty key')
    .d('DB_PASSWORD=secret', 'laravel example default')
    .d('MAIL_PASSWORD=null', 'null')
    .d('AWS_SECRET_ACCESS_KEY=your-aws-secret', 'placeholder');
}

// ---- Rust / Swift ------------------------------------------------------------------------

function rustSwift(repo, t, x) {
  const bearer = t.alnum(40);
  const dbPw = x.pw();
  const sg = t.sendgrid();
  repo
    .file('services/ingest/src/upstream.rs', 'rust')
    .l('use reqwest::Client;', '')
    .s(`const UPSTREAM_TOKEN: &str = "${bearer}";`, 'generic', bearer)
    .s(`const DATABASE_URL: &str = "postgres://ingest:${dbPw}@pg-ingest.prod:5432/ingest";`, 'generic', dbPw)
    .s(`static MAILER_KEY: &str = "${sg}";`, 'sendgrid', sg)
    .d('const USER_AGENT: &str = concat!("ingest/", env!("CARGO_PKG_VERSION"));', 'user agent')
    .l('', 'pub async fn fetch(c: &Client) -> reqwest::Result<String> {')
    .l('    c.get("https://upstream.partner.io/v2/feed").bearer_auth(UPSTREAM_TOKEN).send().await?.text().await', '}');

  const rq = t.alnum(32);
  repo
    .file('services/ingest/src/bin/backfill.rs', 'rust')
    .l('#[tokio::main]', 'async fn main() -> anyhow::Result<()> {', '    let client = reqwest::Client::new();')
    .s(
      `    let res = client.post("https://api.partner.io/backfill").bearer_auth("${rq}").send().await?;`,
      'generic',
      rq,
    )
    .d('    let key = std::env::var("PARTNER_API_KEY")?;', 'env reference')
    .l('    println!("{}", res.status());', '    Ok(())', '}');

  const swiftKey = t.alnum(32);
  const oa = t.openai();
  repo
    .file('ios/Acme/Sources/Networking/APIConfig.swift', 'swift')
    .l('import Foundation', '', 'enum APIConfig {', '    static let baseURL = URL(string: "https://api.acme.io")!')
    .s(`    static let apiKey = "${swiftKey}"`, 'generic', swiftKey)
    .s(`    static let assistantKey = "${oa}"`, 'openai', oa)
    .d('    static let bundleID = "io.acme.ios"', 'bundle id')
    .d('    static let sentryDSNPublic = "https://examplePublicKey@o0.ingest.sentry.io/0"', 'docs example dsn')
    .l('}');
}

// ---- C / C++ -----------------------------------------------------------------------------

function cLang(repo, t, x) {
  const pw = x.pw();
  const userpwd = x.pw();
  const def = x.human();
  const apikey = t.hex(32);
  repo
    .file('firmware/uploader/src/upload.c', 'c')
    .l('#include <curl/curl.h>', '#include <stdio.h>', '', '#define UPLOAD_URL "ftps://files.vendor-iot.com/incoming/"')
    .s(`#define UPLOAD_PASS "${def}"`, 'generic', def)
    .s(`#define TELEMETRY_API_KEY "${apikey}"`, 'generic', apikey)
    .d('#define FW_VERSION "3.8.1-rc2"', 'version')
    .l('', 'int upload(const char *path)', '{', '    CURL *h = curl_easy_init();')
    .l(
      '    curl_easy_setopt(h, CURLOPT_URL, UPLOAD_URL);',
      '    curl_easy_setopt(h, CURLOPT_USERNAME, "device-fleet");',
    )
    .s(`    curl_easy_setopt(h, CURLOPT_PASSWORD, "${pw}");`, 'generic', pw)
    .l(
      '    CURLcode rc = curl_easy_perform(h);',
      '    curl_easy_cleanup(h);',
      '    return rc;',
      '}',
      '',
      'int upload_legacy(void)',
      '{',
      '    CURL *h = curl_easy_init();',
    )
    .s(`    curl_easy_setopt(h, CURLOPT_USERPWD, "fleet:${userpwd}");`, 'generic', userpwd)
    .d('    curl_easy_setopt(h, CURLOPT_USERPWD, getenv("FLEET_USERPWD"));', 'env reference')
    .l('    return curl_easy_perform(h);', '}');

  const wifi = x.human();
  repo
    .file('firmware/sensor/include/secrets.h', 'c')
    .l('#pragma once', '', '#define WIFI_SSID "acme-warehouse"')
    .s(`#define WIFI_PASSWORD "${wifi}"`, 'generic', wifi)
    .d('#define MQTT_PASSWORD ""', 'empty')
    .d(
      '#define OTA_PUBKEY_SHA256 "5d41402abc4b2a76b9719d911017c592ae6f5c1c1e0b1e5f4a2d3c6b7a8e9f01"',
      'public key fingerprint',
    );

  const cppPw = x.pw();
  repo
    .file('tools/loadgen/src/client.cpp', 'c')
    .l('#include <string>', '#include "pq_client.hpp"', '', 'namespace loadgen {')
    .s(
      `static const std::string kConnInfo = "host=pg-load.stg port=5432 user=loadgen password=${cppPw} dbname=bench";`,
      'generic',
      cppPw,
    )
    .d('static const std::string kPasswordField = "password";', 'field name')
    .l('}  // namespace loadgen');
}

// ---- shell -------------------------------------------------------------------------------

function shell(repo, t, x) {
  const mysqlPw = x.pw();
  const exportPw = x.human();
  const curlPw = x.pw();
  const sshPw = x.human();
  const dockerPw = x.pw();
  const htPw = x.human();
  const gl = x.gitlabLegacy();
  repo
    .file('ops/scripts/restore-staging.sh', 'shell')
    .l(
      '#!/usr/bin/env bash',
      'set -euo pipefail',
      '',
      "# Restores last night's dump into staging.",
      'DUMP=/backups/latest.sql.gz',
    )
    .s(`export PGPASSWORD='${exportPw}'`, 'generic', exportPw)
    .s(`gunzip -c "$DUMP" | mysql -h mysql-stg -u root -p'${mysqlPw}' shop`, 'generic', mysqlPw)
    .s(`curl -fsS -u deploy:${curlPw} https://nexus.corp.local/service/rest/v1/status`, 'generic', curlPw)
    .s(
      `sshpass -p '${sshPw}' ssh -o StrictHostKeyChecking=no ops@10.20.4.17 'systemctl restart shop'`,
      'generic',
      sshPw,
    )
    .d('mysql -u root -p"$MYSQL_ROOT_PASSWORD" -e "SHOW DATABASES"', 'env reference')
    .d('curl -u "$NEXUS_USER:$NEXUS_PASS" https://nexus.corp.local/', 'env reference');

  repo
    .file('ops/scripts/push-images.sh', 'shell')
    .l('#!/bin/sh', 'set -e', 'REGISTRY=registry.corp.local')
    .s(`docker login -u ci-bot -p ${dockerPw} "$REGISTRY"`, 'generic', dockerPw)
    .s(`htpasswd -b -c /etc/nginx/.htpasswd grafana ${htPw}`, 'generic', htPw)
    .s(`git clone https://oauth2:${gl}@gitlab.com/acme/infra/charts.git`, 'gitlab', gl)
    .d(
      'echo "$CI_REGISTRY_PASSWORD" | docker login -u "$CI_REGISTRY_USER" --password-stdin "$CI_REGISTRY"',
      'stdin password',
    )
    .d('docker push "$REGISTRY/shop:${GIT_SHA:-latest}"', 'variable');

  const p12 = x.pw();
  const vaultTok = x.vault();
  repo
    .file('ops/scripts/rotate-certs.sh', 'shell')
    .l('#!/usr/bin/env bash', '# renews the internal TLS bundle')
    .s(`openssl pkcs12 -export -in tls.crt -inkey tls.key -out bundle.p12 -passout pass:${p12}`, 'generic', p12)
    .s(`export VAULT_TOKEN=${vaultTok}`, 'vault', vaultTok)
    .l('vault kv put secret/tls bundle=@bundle.p12')
    .d(
      'openssl dgst -sha256 bundle.p12  # 2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae',
      'digest in comment',
    );

  const bashrcPw = x.pw();
  const oaKey = t.openai();
  repo
    .file('dotfiles/.bashrc.local', 'shell')
    .l('alias k=kubectl', 'export EDITOR=vim', 'export PATH="$HOME/.local/bin:$PATH"')
    .s(`export OPENAI_API_KEY=${oaKey}`, 'openai', oaKey)
    .s(`export JIRA_PASS="${bashrcPw}"  # rotate every quarter`, 'generic', bashrcPw)
    .d('export AWS_PROFILE=acme-dev', 'profile name');

  const psqlPw = x.pw();
  repo
    .file('ops/cron/nightly-etl.cron', 'shell')
    .l('# m h dom mon dow command', 'MAILTO=ops@acme.io')
    .s(
      `15 2 * * * etl PGPASSWORD=${psqlPw} psql -h warehouse.prod -U etl -f /opt/etl/nightly.sql >> /var/log/etl.log 2>&1`,
      'generic',
      psqlPw,
    )
    .d('0 * * * * root /usr/local/bin/rotate-logs --keep 14', 'cron line');
}

// ---- PowerShell and batch ----------------------------------------------------------------

function windows(repo, t, x) {
  const ss = x.pw();
  const plain = x.human();
  const az = t.azureClientSecret();
  const azId = x.azureClientId();
  repo
    .file('ops/windows/Deploy-WebApp.ps1', 'powershell')
    .l('[CmdletBinding()]', 'param([string]$Environment = "staging")', '', 'Import-Module WebAdministration')
    .s(`$secure = ConvertTo-SecureString "${ss}" -AsPlainText -Force`, 'generic', ss)
    .l('$cred = New-Object System.Management.Automation.PSCredential ("CORP\\svc_deploy", $secure)')
    .s(
      `$cred2 = New-Object PSCredential("CORP\\svc_iis", (ConvertTo-SecureString -String '${plain}' -AsPlainText -Force))`,
      'generic',
      plain,
    )
    .l('Invoke-Command -ComputerName web01,web02 -Credential $cred -ScriptBlock { iisreset }', '')
    .l(`$tenantId = "${t.uuid()}"`)
    .l(`$appId = "${azId}"`)
    .s(`$clientSecret = "${az}"`, 'azure', az)
    .d('$pw = Read-Host -AsSecureString "Password"', 'interactive prompt')
    .d('$sec = Get-Secret -Name DeployPassword -Vault CorpVault', 'secret manager reference');

  const setPw = x.pw();
  const netUsePw = x.human();
  repo
    .file('ops/windows/map-shares.bat', 'batch')
    .l('@echo off', 'setlocal', 'set SHARE=\\\\fs01.corp.local\\builds', 'set USER=CORP\\buildsvc')
    .s(`set PASS=${setPw}`, 'generic', setPw)
    .l('net use Z: %SHARE% /user:%USER% %PASS% /persistent:no')
    .s(`net use Y: \\\\fs02.corp.local\\drops ${netUsePw} /user:CORP\\dropsvc`, 'generic', netUsePw)
    .d('set PASS=%1', 'argument reference')
    .l('endlocal');
}

// ---- Make --------------------------------------------------------------------------------

function make(repo, t, x) {
  const q = x.pw();
  const c = x.human();
  const npmTok = t.npm();
  repo
    .file('Makefile', 'make')
    .l(
      'SHELL := /bin/bash',
      'IMAGE ?= registry.corp.local/shop',
      'VERSION := $(shell git describe --tags --always)',
      '',
    )
    .s(`DB_PASSWORD ?= ${q}`, 'generic', q)
    .s(`REGISTRY_PASS := ${c}`, 'generic', c)
    .s(`NPM_TOKEN ?= ${npmTok}`, 'npm', npmTok)
    .d('SECRET_FILE := $(HOME)/.config/shop/secret', 'path')
    .d('API_KEY ?= $(shell cat .api-key)', 'shell reference')
    .l(
      '',
      '.PHONY: migrate',
      'migrate:',
      '\tPGPASSWORD=$(DB_PASSWORD) psql -h localhost -U shop -f migrations/latest.sql',
    );

  const cm = x.pw();
  repo
    .file('services/ingest/Makefile', 'make')
    .l('CARGO ?= cargo', '', 'test:', '\t$(CARGO) test', '', 'bench-db:')
    .s(`\tdocker run -d -e POSTGRES_PASSWORD=${cm} -p 5433:5432 postgres:16`, 'generic', cm)
    .d(
      '\tdocker run -d -e POSTGRES_PASSWORD=postgres -p 5434:5432 postgres:16',
      'default postgres password in a local target',
    );
}

// ---- SQL ---------------------------------------------------------------------------------

function sql(repo, t, x) {
  const a = x.pw();
  const b = x.pw();
  const c = x.human();
  const d = x.pw();
  repo
    .file('db/migrations/V12__reporting_roles.sql', 'sql')
    .l('-- Reporting roles for the BI team', 'BEGIN;')
    .s(`CREATE USER reporting_ro WITH PASSWORD '${a}';`, 'generic', a)
    .l(
      'GRANT CONNECT ON DATABASE shop TO reporting_ro;',
      'GRANT SELECT ON ALL TABLES IN SCHEMA public TO reporting_ro;',
    )
    .s(`ALTER ROLE etl_writer WITH LOGIN PASSWORD '${b}' VALID UNTIL '2027-01-01';`, 'generic', b)
    .d('ALTER ROLE app_user PASSWORD NULL;', 'null password')
    .d("CREATE USER ci_tmp WITH PASSWORD 'md5' || md5(random()::text);", 'generated expression')
    .l('COMMIT;');
  repo
    .file('db/mysql/bootstrap.sql', 'sql')
    .l('CREATE DATABASE IF NOT EXISTS legacy;')
    .s(`CREATE USER 'legacy'@'%' IDENTIFIED BY '${c}';`, 'generic', c)
    .s(`GRANT ALL PRIVILEGES ON legacy.* TO 'legacy_admin'@'10.%' IDENTIFIED BY '${d}';`, 'generic', d)
    .d("CREATE USER 'monitor'@'localhost' IDENTIFIED WITH auth_socket;", 'socket auth')
    .d(
      "INSERT INTO users (email, password_hash) VALUES ('ops@acme.io', '$2b$12$' || 'Nq8bA3ZtV9kLmX2cP5rW7uYeJ0hG4sD6fT1iO3aQ8zE9vB');",
      'bcrypt hash',
    );
  const e = x.pw();
  repo
    .file('db/mssql/create_login.sql', 'sql')
    .l('USE [master]', 'GO')
    .s(`CREATE LOGIN [svc_reports] WITH PASSWORD = N'${e}', CHECK_POLICY = OFF;`, 'generic', e)
    .d('CREATE LOGIN [CORP\\svc_sql] FROM WINDOWS;', 'windows login')
    .l('GO');
}

// ---- logs --------------------------------------------------------------------------------

function logs(repo, t, x) {
  const key = t.alnum(32);
  const bearer = t.jwt();
  const slack = t.slackBot();
  const pw = x.pw();
  repo
    .file('logs/api-gateway-2026-11-30.log', 'logs')
    .l('2026-11-30T08:01:12.004Z INFO  gateway starting on :8443 (build 4.2.1)')
    .s(`2026-11-30T08:01:12.019Z [DEBUG] using PARTNER_API_KEY=${key} for upstream partner-feed`, 'generic', key)
    .l('2026-11-30T08:01:13.551Z INFO  upstream partner-feed healthy')
    .l('2026-11-30T08:03:44.120Z DEBUG request dump: POST /v1/orders HTTP/1.1')
    .s(`2026-11-30T08:03:44.120Z DEBUG   Authorization: Bearer ${bearer}`, 'generic', bearer)
    .d('2026-11-30T08:03:44.121Z DEBUG   Authorization: Bearer [REDACTED]', 'redacted')
    .d('2026-11-30T08:03:44.121Z DEBUG   X-Request-Id: 8b1f2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', 'request id')
    .s(`2026-11-30T08:05:02.300Z WARN  slack notifier retry token=${slack}`, 'slack', slack)
    .s(
      `2026-11-30T08:07:19.008Z ERROR db connect failed: dial postgres://gateway:${pw}@pg.prod:5432/gw timeout`,
      'generic',
      pw,
    )
    .d(
      '2026-11-30T08:07:19.009Z ERROR db connect failed: dial postgres://gateway:****@pg.prod:5432/gw timeout',
      'masked',
    );

  const basic = Buffer.from(`svc-export:${x.pw()}`).toString('base64');
  const cookiePw = x.pw();
  repo
    .file('logs/nginx-debug.log', 'logs')
    .l('2026/11/29 22:14:03 [debug] 1234#0: *88 http header: "Host: export.acme.io"')
    .s(`2026/11/29 22:14:03 [debug] 1234#0: *88 http header: "Authorization: Basic ${basic}"`, 'generic', basic)
    .s(
      `2026/11/29 22:14:03 [debug] 1234#0: *88 http args: "user=svc-export&password=${cookiePw}&format=csv"`,
      'generic',
      cookiePw,
    )
    .d('2026/11/29 22:14:03 [debug] 1234#0: *88 http header: "If-None-Match: W/\\"5e8f-1a2b3c4d5e6f7a8b\\""', 'etag');
}

// ---- prose -------------------------------------------------------------------------------

function prose(repo, t, x) {
  const a = x.human();
  const b = x.pw();
  const c = x.pw();
  const d = x.human();
  repo
    .file('docs/runbooks/grafana-onprem.md', 'docs')
    .l('# Grafana on-prem', '', 'The box lives at https://grafana.ops.corp.local behind the VPN.', '')
    .s(`Login for the first setup: user: admin PW: ${a}`, 'generic', a)
    .l('', '## Database', '')
    .s(`* Postgres (grafana_db) — pwd: \`${b}\``, 'generic', b)
    .d('* Reset with `grafana-cli admin reset-admin-password <new password>`', 'doc placeholder')
    .l('', '| host | user | password |', '|------|------|----------|')
    .s(`| influx01 | telegraf | ${c} |`, 'generic', c)
    .d('| influx02 | telegraf | (see 1Password "influx02") |', 'password manager reference')
    .l('');
  repo
    .file('docs/onboarding/NEW_HIRE.txt', 'docs')
    .l('Welcome to the data team!', '', 'VPN: use your SSO account.')
    .s(`Shared jump host (bastion-2): username ops / passwd ${d}`, 'generic', d)
    .d('Wiki password: ask your manager, never write it down.', 'prose without value')
    .d('API docs example: curl -H "Authorization: Bearer YOUR_TOKEN" https://api.acme.io/v1/me', 'doc placeholder');

  const k = x.pw();
  const l = x.pw();
  repo
    .file('config/legacy/erp.ini', 'config')
    .l('[database]', 'host = erp-db.corp.local', 'user = erp')
    .s(`pswd = ${k}`, 'generic', k)
    .l('', '[x3]', 'X3_USER=ADMIN')
    .s(`X3_PSWD=${l} ; set by vendor on install`, 'generic', l)
    .d('X3_PSWD_POLICY=strong', 'policy setting');
  const m = x.pw();
  const n = x.human();
  repo
    .file('config/legacy/app.conf', 'config')
    .l('# key=value, read by the legacy daemon', 'db.host=erp-db.corp.local', 'db.user=erp_rw')
    .s(`db.pass=${m}`, 'generic', m)
    .s(`smtp.pw=${n}|smtp.corp.local|587`, 'generic', n)
    .d('db.pass.file=/run/secrets/erp_db', 'secret file path');
}

// ---- two-part credentials ----------------------------------------------------------------

function pairs(repo, t, x) {
  const id = t.awsId();
  const secret = t.awsSecret();
  repo
    .file('tools/backup/aws_creds.ini', 'pairs')
    .l('; credentials for the offsite backup job', '[offsite]')
    .s(`key_id = ${id}`, 'aws', id)
    .l('region = us-east-2')
    .s(`key_secret = ${secret}`, 'aws', secret);

  const sid = t.twilioSid();
  const tok = t.twilioToken();
  repo
    .file('services/notify/config/twilio.yml', 'pairs')
    .l('default:', '  messaging_service: MG' + t.hex(32).slice(0, 32))
    .l(`  account_sid: ${sid}`)
    .s(`  auth_token: ${tok}`, 'twilio', tok)
    .l('  from: "+15005550006"');

  const appId = x.algoliaAppId();
  const admin = t.hex(32);
  const search = t.hex(32);
  repo
    .file('apps/docs-site/search.config.js', 'pairs')
    .l(
      '// Indexer settings for the docs search',
      "const algoliasearch = require('algoliasearch');",
      '',
      'module.exports = {',
    )
    .l(`  appId: '${appId}',`)
    .s(`  writeKey: '${admin}',`, 'algolia', admin)
    .d(`  searchOnlyKey: '${search}', // public, shipped to the browser`, 'search-only key (public by design)')
    .l("  indexName: 'docs_prod',", '};');

  const clientId = x.azureClientId();
  const cs = t.azureClientSecret();
  repo
    .file('infra/ci/azure-sp.json', 'pairs')
    .l('{')
    .l(`  "clientId": "${clientId}",`)
    .s(`  "clientSecret": "${cs}",`, 'azure', cs)
    .d(`  "subscriptionId": "${t.uuid()}",`, 'subscription id')
    .d(`  "tenantId": "${t.uuid()}",`, 'tenant id')
    .l('  "activeDirectoryEndpointUrl": "https://login.microsoftonline.com"', '}');

  const id2 = t.awsId();
  const s2 = t.awsSecret();
  repo
    .file('services/media/media/storage.py', 'pairs')
    .l('import boto3', '', 'SESSION = boto3.session.Session(')
    .s(`    "${id2}",`, 'aws', id2)
    .s(`    "${s2}",`, 'aws', s2)
    .l(')');
}

// ---- credential stores -------------------------------------------------------------------

function stores(repo, t, x) {
  const netrcPw = x.pw();
  const herokuKey = t.uuid();
  repo
    .file('dotfiles/.netrc', 'stores')
    .s(`machine artifacts.corp.local login ci-reader password ${netrcPw}`, 'generic', netrcPw)
    .s(['machine api.heroku.com', '  login ops@acme.io', `  password ${herokuKey}`], 'heroku', herokuKey);

  const pg1 = x.pw();
  const pg2 = x.human();
  repo
    .file('dotfiles/.pgpass', 'stores')
    .s(`pg-prod-01.internal:5432:shop:shop_app:${pg1}`, 'generic', pg1)
    .s(`*:5432:*:postgres:${pg2}`, 'generic', pg2);

  const gc = t.github();
  const gcPw = x.pw();
  repo
    .file('dotfiles/.git-credentials', 'stores')
    .s(`https://deploy-bot:${gc}@github.com`, 'github', gc)
    .s(`https://jenkins:${gcPw}@git.corp.local`, 'generic', gcPw);

  const auth = Buffer.from(`ci:${x.pw()}`).toString('base64');
  const npmT = t.npm();
  repo
    .file('.npmrc', 'stores')
    .l('registry=https://registry.npmjs.org/', '@acme:registry=https://npm.corp.local/repository/npm-private/')
    .s(`//npm.corp.local/repository/npm-private/:_auth=${auth}`, 'generic', auth)
    .s(`//registry.npmjs.org/:_authToken=${npmT}`, 'npm', npmT)
    .d('//registry.npmjs.org/:_authToken=${NPM_TOKEN}', 'env reference')
    .l('always-auth=true');

  const pypi = t.pypi();
  const devpiPw = x.pw();
  repo
    .file('dotfiles/.pypirc', 'stores')
    .l('[distutils]', 'index-servers =', '    pypi', '    internal', '', '[pypi]', 'username = __token__')
    .s(`password = ${pypi}`, 'pypi', pypi)
    .l('', '[internal]', 'repository = https://devpi.corp.local/acme/prod/', 'username = releaser')
    .s(`password = ${devpiPw}`, 'generic', devpiPw);

  const mvn = x.pw();
  repo
    .file('ci/maven/settings.xml', 'stores')
    .l(
      '<settings>',
      '  <servers>',
      '    <server>',
      '      <id>corp-releases</id>',
      '      <username>deployer</username>',
    )
    .s(`      <password>${mvn}</password>`, 'generic', mvn)
    .l('    </server>', '    <server>', '      <id>corp-snapshots</id>', '      <username>deployer</username>')
    .d('      <password>${env.MAVEN_PASSWORD}</password>', 'env reference')
    .l('    </server>', '    <server>', '      <id>gpg</id>')
    .d('      <passphrase>{COQLCE6DU6GtcS5P=}</passphrase>', 'maven-encrypted password')
    .l('    </server>', '  </servers>', '</settings>');

  const dockerAuth = Buffer.from(`robot$ci:${x.pw()}`).toString('base64');
  repo
    .file('ci/docker/config.json', 'stores')
    .l('{', '  "auths": {', '    "harbor.corp.local": {')
    .s(`      "auth": "${dockerAuth}"`, 'generic', dockerAuth)
    .l('    },', '    "ghcr.io": {')
    .d('      "auth": ""', 'empty')
    .l('    }', '  },', '  "credsStore": "desktop"', '}');
}

// ---- provider tokens, often in files that never name the vendor --------------------------

function bare(repo, t, x) {
  const tokens = {
    mailgun: x.mailgun(),
    mailgunNew: x.mailgunNew(),
    discord: x.discordBot(),
    telegram: x.telegram(),
    shopify: x.shopify(),
    shpss: x.shopify('shpss_'),
    slackUser: x.slackUser(),
    slackApp: x.slackApp(),
    rk: x.stripeRestricted(),
    whsec: x.stripeWebhook(),
    anth: t.anthropic(),
    anthAdmin: x.anthropicAdmin(),
    oaSvc: x.openaiSvc(),
    ghFine: x.ghFine(),
    gho: x.gho(),
    twilioKey: x.twilioApiKey(),
    twilioKeySecret: t.alnum(32),
    hf: x.hf(),
    linear: x.linear(),
    postman: x.postman(),
    sentry: x.sentryUser(),
    newrelic: x.newrelic(),
    doppler: x.doppler(),
    databricks: x.databricks(),
    pulumi: x.pulumi(),
    tfc: x.tfc(),
    age: x.age(),
    do: t.digitalocean(),
    vaultLegacy: x.vaultLegacy(),
    glrt: x.gitlabRunner(),
    heroku: t.heroku(),
    gcp: t.gcpApiKey(),
    slackHook: t.slackWebhook(),
  };

  repo
    .file('services/bots/notifier/src/channels.ts', 'bare')
    .l("import { post } from './http';", '', '// Each channel the notifier fans out to.', 'export const channels = {')
    .s(`  chat: { token: '${tokens.discord}' },`, 'discord', tokens.discord)
    .s(`  phone: { bot: '${tokens.telegram}', chat: -1001234567890 },`, 'telegram', tokens.telegram)
    .s(`  email: { key: '${tokens.mailgun}', domain: 'mg.acme.io' },`, 'mailgun', tokens.mailgun)
    .s(`  email2: { key: '${tokens.mailgunNew}', domain: 'mg2.acme.io' },`, 'mailgun', tokens.mailgunNew)
    .s(`  ops: '${tokens.slackHook}',`, 'slack', tokens.slackHook)
    .d("  fallback: process.env.FALLBACK_HOOK ?? '',", 'env reference')
    .l('};', '', 'export function notify(msg: string) {', '  return post(channels, msg);', '}');

  repo
    .file('services/shop-sync/sync.rb', 'bare')
    .l('require "faraday"', '', 'class ShopSync')
    .s(`  ACCESS = "${tokens.shopify}"`, 'shopify', tokens.shopify)
    .s(`  SIGNING = "${tokens.shpss}"`, 'shopify', tokens.shpss)
    .l(
      '  def conn',
      '    Faraday.new("https://acme-store.myshopify.com/admin/api/2024-07", headers: { "X-Shopify-Access-Token" => ACCESS })',
      '  end',
      'end',
    );

  repo
    .file('services/chatops/config.go', 'bare')
    .l('package chatops', '', 'var (')
    .s(`\tuserToken = "${tokens.slackUser}"`, 'slack', tokens.slackUser)
    .s(`\tsocketToken = "${tokens.slackApp}"`, 'slack', tokens.slackApp)
    .d('\tchannelID = "C04R7QJ5T2K"', 'channel id')
    .l(')');

  repo
    .file('services/checkout/src/main/kotlin/Keys.kt', 'bare')
    .l('package checkout', '', 'object Keys {')
    .s(`    const val RESTRICTED = "${tokens.rk}"`, 'stripe', tokens.rk)
    .s(`    const val HOOK = "${tokens.whsec}"`, 'stripe', tokens.whsec)
    .d(`    const val PUBLISHABLE = "pk_live_${t.alnum(24)}"`, 'publishable key (public by design)')
    .l('}');

  repo
    .file('research/agents/llm_keys.py', 'bare')
    .l('"""Keys for the eval harness; do not commit (lol)."""', '')
    .s(`CLAUDE = "${tokens.anth}"`, 'anthropic', tokens.anth)
    .s(`CLAUDE_ORG_ADMIN = "${tokens.anthAdmin}"`, 'anthropic', tokens.anthAdmin)
    .s(`GPT = "${tokens.oaSvc}"`, 'openai', tokens.oaSvc)
    .s(`HUB = "${tokens.hf}"`, 'huggingface', tokens.hf)
    .d('MODEL = "claude-3-5-sonnet-20241022"', 'model name')
    .d('DATASET_REVISION = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678"', 'git revision');

  repo
    .file('tools/ci/bootstrap.sh', 'bare')
    .l('#!/usr/bin/env bash', '# one-shot setup for the new runner host')
    .s(`gh auth login --with-token <<< "${tokens.ghFine}"`, 'github', tokens.ghFine)
    .s(`GH_OAUTH="${tokens.gho}"`, 'github', tokens.gho)
    .s(
      `gitlab-runner register --non-interactive --url https://gitlab.corp.local --token ${tokens.glrt}`,
      'gitlab',
      tokens.glrt,
    )
    .s(`doctl auth init -t ${tokens.do}`, 'digitalocean', tokens.do)
    .s(`pulumi login --cloud-url https://api.pulumi.com <<< ${tokens.pulumi}`, 'pulumi', tokens.pulumi)
    .d('gh auth login --with-token < /run/secrets/gh_token', 'file reference');

  repo
    .file('services/observability/settings.toml', 'bare')
    .l('[exporter]', 'endpoint = "https://otlp.eu01.nr-data.net"')
    .s(`user_key = "${tokens.newrelic}"`, 'newrelic', tokens.newrelic)
    .s(`issues_token = "${tokens.sentry}"`, 'sentry', tokens.sentry)
    // An API key's SK… sid is an identifier; its secret, on the next line, is the credential.
    .l(`sms_key = "${tokens.twilioKey}"`)
    .s(`sms_secret = "${tokens.twilioKeySecret}"`, 'twilio', tokens.twilioKeySecret)
    .d('service_name = "checkout-api"', 'name')
    .d(`trace_id_example = "${x.lowerHex(32)}"`, 'trace id');

  repo
    .file('tools/notebooks/setup_env.ipynb.py', 'bare')
    .l('# Databricks notebook source', 'import os')
    .s(`os.environ["DATABRICKS_TOKEN"] = "${tokens.databricks}"`, 'databricks', tokens.databricks)
    .s(`tracker = "${tokens.linear}"`, 'linear', tokens.linear)
    .s(`collections = "${tokens.postman}"`, 'postman', tokens.postman)
    .d('os.environ["DATABRICKS_HOST"] = "https://adb-1234567890123456.7.azuredatabricks.net"', 'host');

  repo
    .file('infra/bootstrap/credentials.auto.tfvars', 'bare')
    .l('region = "eu-west-1"')
    .s(`tfc_token = "${tokens.tfc}"`, 'terraform-cloud', tokens.tfc)
    .s(`secrets_token = "${tokens.doppler}"`, 'doppler', tokens.doppler)
    .s(`vault_token = "${tokens.vaultLegacy}"`, 'vault', tokens.vaultLegacy)
    .s(`heroku_key = "${tokens.heroku}"`, 'heroku', tokens.heroku)
    .s(`maps_key = "${tokens.gcp}"`, 'gcp', tokens.gcp)
    .d('vault_addr = "https://vault.corp.local:8200"', 'address');

  repo
    .file('ops/sops/keys.txt', 'bare')
    .l('# created: 2026-03-14T10:22:31Z', `# public key: age1${t.pick('qpzry9x8gf2tvdw0s3jn54khce6mua7l', 58)}`)
    .s(tokens.age, 'age', tokens.age);

  // Decoys that live in the same kind of files.
  repo
    .file('services/bots/notifier/test/fixtures.ts', 'bare')
    .l('// Fixtures: values below are not real credentials.')
    .d("export const fakeSlack = 'xoxb-000000000000-0000000000000-XXXXXXXXXXXXXXXXXXXXXXXX';", 'zeroed slack token')
    .d("export const stripeTest = 'sk_live_' + 'x'.repeat(24);", 'built from x')
    .d("export const sampleKey = 'AKIAIOSFODNN7EXAMPLE';", 'AWS docs example')
    .d("export const sampleSecret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';", 'AWS docs example secret')
    .d("export const tokenPlaceholder = '<your-telegram-bot-token>';", 'placeholder')
    .d("export const redacted = 'ghp_************************************';", 'redacted')
    .d(`export const integrity = 'sha512-${x.b64(86)}==';`, 'SRI integrity')
    .d(`export const commit = '${t.sha1()}';`, 'git sha')
    .d(`export const userId = '${t.uuid()}';`, 'uuid id');

  repo
    .file('package-lock.fragment.json', 'bare')
    .l('{', '  "packages": {', '    "node_modules/left-pad": {', '      "version": "1.3.0",')
    .d('      "resolved": "https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz",', 'registry url')
    .d(`      "integrity": "sha512-${x.b64(86)}=="`, 'integrity hash')
    .l('    }', '  }', '}');

  repo
    .file('infra/k8s/sealed-db.yaml', 'bare')
    .l('apiVersion: bitnami.com/v1alpha1', 'kind: SealedSecret', 'metadata:', '  name: db', 'spec:', '  encryptedData:')
    .d(`    password: Ag${x.b64(340)}==`, 'sealed secret ciphertext')
    .d(`    username: Ag${x.b64(340)}==`, 'sealed secret ciphertext');

  repo
    .file('infra/ansible/group_vars/prod/vault.yml', 'bare')
    .d('$ANSIBLE_VAULT;1.1;AES256', 'ansible vault header')
    .l(...Array.from({ length: 6 }, () => x.lowerHex(80)));

  repo
    .file('ops/ssh/known_hosts', 'bare')
    .d(`bastion.corp.local ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${x.b64(43)}`, 'public host key')
    .d(
      `git.corp.local ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBB${x.b64(87)}=`,
      'public host key',
    );

  repo
    .file('services/web/src/assets/fonts.css', 'bare')
    .l('@font-face {', "  font-family: 'Inter';")
    .d(`  src: url(data:font/woff2;base64,d09GMgABAAAA${x.b64(900)}) format('woff2');`, 'inline font')
    .l('}');

  repo
    .file('services/web/src/config/public.ts', 'bare')
    .l('// Values the browser needs; all public by design.')
    .d(
      `export const GOOGLE_OAUTH_CLIENT_ID = '${t.digits(12)}-${t.lower(32)}.apps.googleusercontent.com';`,
      'oauth client id',
    )
    .d(`export const SEGMENT_WRITE_KEY_ENV = import.meta.env.VITE_SEGMENT_KEY;`, 'env reference')
    .d(`export const RECAPTCHA_SITE_KEY = '6Le${t.alnum(37)}';`, 'recaptcha site key (public)')
    .d(
      `export const MAPBOX_PUBLIC = 'pk.eyJ1IjoiYWNtZSIsImEiOiJ${t.alnum(20)}'; // pk. tokens are public`,
      'mapbox public token',
    )
    .d(`export const BUILD_HASH = '${t.sha256()}';`, 'build hash');

  repo
    .file('docs/api/authentication.md', 'bare')
    .l('# Authenticating', '', 'Every request carries a bearer token:', '', '```http')
    .d('Authorization: Bearer sk_live_...', 'elided doc example')
    .l('```', '', 'Example configuration:', '', '```yaml')
    .d('api_key: YOUR_API_KEY_HERE', 'placeholder')
    .d('password: ********', 'masked')
    .d('token: ${ACME_TOKEN}', 'env reference')
    .l('```');
}

// ---- look-alikes in the same languages ---------------------------------------------------

function lookalikes(repo, t, x) {
  repo
    .file('services/auth/auth/hashing.py', 'decoys')
    .l('from passlib.hash import argon2', '')
    .d(`ADMIN_HASH = "$argon2id$v=19$m=65536,t=3,p=4$${x.b64(22)}$${x.b64(43)}"`, 'argon2 hash')
    .d('PASSWORD_MIN_LENGTH = 12', 'policy')
    .d('PASSWORD_RESET_URL = "https://acme.io/reset?token={token}"', 'template')
    .d('def reset(password: str = "") -> None:', 'empty default')
    .l('    ...');
  repo
    .file('services/ledger/internal/config/config.go', 'decoys')
    .l('package config', '', 'type DB struct {')
    .d('	Password string `env:"DB_PASSWORD" json:"-"`', 'struct tag')
    .d('	SecretRef string `yaml:"secret_ref" default:"vault:secret/data/ledger#password"`', 'vault reference')
    .l('}', '')
    .d('var defaultPassword = os.Getenv("LEDGER_DB_PASSWORD")', 'env reference')
    .d('const passwordHeader = "X-Ledger-Password"', 'header name');
  repo
    .file('services/orders/src/test/resources/application-test.properties', 'decoys')
    .d('spring.datasource.url=jdbc:h2:mem:orders;DB_CLOSE_DELAY=-1', 'in-memory db')
    .d('spring.datasource.password=', 'empty')
    .d('security.jwt.secret=test-secret-not-for-prod', 'test placeholder')
    .d('spring.rabbitmq.password=guest', 'rabbitmq default guest in test profile');
  repo
    .file('services/Payments/Payments.Tests/Fixtures.cs', 'decoys')
    .l('namespace Payments.Tests;', 'public static class Fixtures', '{')
    .d('    public const string Password = "P@ssw0rd-for-unit-tests";', 'unit-test fixture')
    .d(`    public static readonly Guid TenantId = Guid.Parse("${t.uuid()}");`, 'guid id')
    .d(
      '    public const string ConnectionString = "Server=localhost;Database=test;User Id=sa;Password=<YourStrong@Passw0rd>;";',
      'docs placeholder',
    )
    .l('}');
  repo
    .file('ops/scripts/lib/common.sh', 'decoys')
    .l('#!/usr/bin/env bash')
    .d('read -rsp "DB password: " DB_PASSWORD', 'prompt')
    .d('export PGPASSWORD="${PGPASSWORD:?set PGPASSWORD}"', 'required env')
    .d(
      'PASS=$(aws ssm get-parameter --name /shop/db/password --with-decryption --query Parameter.Value --output text)',
      'SSM fetch',
    )
    .d('TOKEN=$(vault kv get -field=token secret/ci/github)', 'vault fetch')
    .d(
      'sha256sum -c <<< "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b  terraform.zip"',
      'checksum',
    );
  repo
    .file('db/seeds/dev_users.sql', 'decoys')
    .l('-- Local development seed data only')
    .d(
      "INSERT INTO users (email, password) VALUES ('dev@example.com', crypt('dev', gen_salt('bf')));",
      'seed with crypt',
    )
    .d("CREATE USER dev WITH PASSWORD 'dev';", 'trivial dev password')
    .d("ALTER USER app PASSWORD :'app_password';", 'psql variable');
  repo
    .file('apps/storefront/config/storage.yml', 'decoys')
    .l('amazon:', '  service: S3')
    .d('  access_key_id: <%= Rails.application.credentials.dig(:aws, :access_key_id) %>', 'credentials reference')
    .d(
      '  secret_access_key: <%= Rails.application.credentials.dig(:aws, :secret_access_key) %>',
      'credentials reference',
    )
    .l('  region: eu-west-1', '  bucket: storefront-prod');
  repo
    .file('firmware/sensor/src/certs.c', 'decoys')
    .l('/* CA bundle used to verify the broker */', 'const char *ca_cert =')
    .d('"-----BEGIN CERTIFICATE-----\\n"', 'certificate header')
    .d(`"MIID${x.b64(60)}\\n"`, 'certificate body')
    .d('"-----END CERTIFICATE-----\\n";', 'certificate footer');
  repo
    .file('ops/windows/Install-Agent.ps1', 'decoys')
    .d('$cred = Get-Credential -UserName "CORP\\svc_agent" -Message "Agent account"', 'interactive credential')
    .d('$secure = ConvertTo-SecureString $env:AGENT_PASSWORD -AsPlainText -Force', 'env reference')
    .d('$thumb = "A909502DD82AE41433E6F83886B00D4277A32A7B"', 'cert thumbprint');
  repo
    .file('docs/howto/local-db.md', 'decoys')
    .l('# Local database', '', 'Start Postgres:', '', '```sh')
    .d('docker run -e POSTGRES_PASSWORD=mysecretpassword -p 5432:5432 postgres', 'docs example password')
    .d('mysql -u root -p', 'prompting flag')
    .d('psql postgres://postgres:postgres@localhost:5432/app', 'local default credentials')
    .l('```');
}

// ---- more call shapes --------------------------------------------------------------------

function moreCalls(repo, t, x) {
  const pg = x.pw();
  const basic = x.human();
  const dd = t.ddApi();
  const ddApp = t.ddApp();
  repo
    .file('services/etl/etl/sources.py', 'python')
    .l('import psycopg2', 'import requests', '', '', 'def warehouse():', '    return psycopg2.connect(')
    .l('        host="warehouse.prod.internal",', '        dbname="dw",', '        user="etl",')
    .s(`        password="${pg}",`, 'generic', pg)
    .l('    )', '', '', 'def partner_feed():')
    .s(
      `    return requests.get("https://feeds.partner.io/v1/daily", auth=("acme-etl", "${basic}"), timeout=30)`,
      'generic',
      basic,
    )
    .l('', '', 'METRICS = {')
    .s(`    "api_key": "${dd}",`, 'datadog', dd)
    .s(`    "app_key": "${ddApp}",`, 'datadog', ddApp)
    .l('    "site": "datadoghq.eu",', '}')
    .d('SAMPLE_ROW_ID = "0b8f7e6d-5c4b-4a39-8271-6f5e4d3c2b1a"', 'uuid id');

  const rp = x.pw();
  const gp = x.human();
  repo
    .file('services/session/internal/cache/redis.go', 'go')
    .l('package cache', '', 'import "github.com/redis/go-redis/v9"', '', 'func New() *redis.Client {')
    .s(`\tpassword := "${gp}"`, 'generic', gp)
    .l('\treturn redis.NewClient(&redis.Options{', '\t\tAddr:     "redis-sessions.prod:6379",')
    .s(`\t\tPassword: "${rp}",`, 'generic', rp)
    .l('\t\tDB:       0,', '\t})', '}')
    .d('\t_ = password // kept for the sentinel client', 'identifier use');

  const my = x.pw();
  repo
    .file('sites/legacy-intranet/inc/db.php', 'php')
    .l('<?php', '// shared by every page of the intranet')
    .s(`$link = mysqli_connect('intranet-db.corp.local', 'intranet', '${my}', 'intranet');`, 'generic', my)
    .d("$link2 = mysqli_connect(getenv('DB_HOST'), getenv('DB_USER'), getenv('DB_PASS'), 'intranet');", 'env calls')
    .l('if (!$link) { die("db down"); }');

  const tc = x.pw();
  repo
    .file('services/legacy/src/main/webapp/META-INF/context.xml', 'java')
    .l('<Context>', '  <Resource name="jdbc/legacy" auth="Container" type="javax.sql.DataSource"')
    .l('            driverClassName="oracle.jdbc.OracleDriver" url="jdbc:oracle:thin:@ora-prod-02:1521/LEGACY"')
    .s(`            username="LEGACY_APP" password="${tc}" maxTotal="20"/>`, 'generic', tc)
    .l('</Context>');

  const dump = x.pw();
  const rc = t.alnum(24);
  repo
    .file('ops/scripts/nightly-dump.sh', 'shell')
    .l('#!/usr/bin/env bash', 'set -eu', 'STAMP=$(date +%F)')
    .s(
      `mysqldump --single-transaction --user=backup --password=${dump} --all-databases | gzip > /backups/all-$STAMP.sql.gz`,
      'generic',
      dump,
    )
    .s(`redis-cli -h redis-master.prod -a ${rc} --no-auth-warning BGSAVE`, 'generic', rc)
    .d('mysqldump --defaults-extra-file=/etc/backup/my.cnf --all-databases > /dev/null', 'defaults file');

  const tg = x.telegram();
  const gh = t.github('ghp_');
  repo
    .file('tools/alerts/alert.swift', 'swift')
    .l('import Foundation', '')
    .s(`let botURL = URL(string: "https://api.telegram.org/bot${tg}/sendMessage")!`, 'telegram', tg)
    .s(`let apiKey = "${gh}"`, 'github', gh)
    .d('let buildNumber = "2026.11.30.4"', 'version');
}
