// Suite "media": the monorepo of a streaming/media company on Google Cloud with some Azure.
// Scala/Play/Akka, Elixir/Phoenix, PHP (Laravel, Symfony), Python (FastAPI, Airflow, dbt), Go (Cloud Run),
// Swift (iOS), C++ (transcoder), TypeScript (Next.js, Firebase); GKE, Helm, Argo CD, Tekton, Cloud Build,
// Terraform for GCP, Docker, Azure Pipelines, a Jupyter notebook and logs.
//
// Choice on the Firebase web config apiKey: it is a public identifier (Google documents it as such; it ships
// in every web/iOS/Android client and is restricted by referrer/bundle), so it is labelled a DECOY here, as
// are GoogleService-Info.plist API_KEY and NEXT_PUBLIC_FIREBASE_API_KEY. AIza keys used server-side
// (YouTube Data API, Maps server calls, Gemini) are planted gcp secrets.
import { ALNUM, B64, DIGIT, HEX, UPPER, URLSAFE, Repo, makeTokens, mulberry32 } from './generate.mjs';

const PROJECT = 'streamco-prod';
const ANALYTICS = 'streamco-analytics-prod';

function vendors(t, rand) {
  const b64 = (n) => t.mixed(B64, n);
  const url = (n) => t.mixed(URLSAFE, n);
  const bytes = (n) => Buffer.from(Array.from({ length: n }, () => Math.floor(rand() * 256)));
  const pem = (label, headerHex, n) => {
    const body = Buffer.concat([Buffer.from(headerHex, 'hex'), bytes(n)]).toString('base64');
    return [`-----BEGIN ${label}-----`, ...body.match(/.{1,64}/g), `-----END ${label}-----`];
  };
  const serviceAccount = (project, name) => {
    const pk = t.pkcs8Pem();
    return {
      pk,
      obj: {
        type: 'service_account',
        project_id: project,
        private_key_id: t.hex(40),
        private_key: pk.join('\n') + '\n',
        client_email: `${name}@${project}.iam.gserviceaccount.com`,
        client_id: t.digits(21),
        auth_uri: 'https://accounts.google.com/o/oauth2/auth',
        token_uri: 'https://oauth2.googleapis.com/token',
        auth_provider_x509_cert_url: 'https://www.googleapis.com/oauth2/v1/certs',
        client_x509_cert_url: `https://www.googleapis.com/robot/v1/metadata/x509/${name}%40${project}.iam.gserviceaccount.com`,
        universe_domain: 'googleapis.com',
      },
    };
  };
  return {
    b64,
    url,
    bytes,
    pem,
    serviceAccount,
    plain: () => t.password().replace(/[^A-Za-z0-9]/g, ''),
    p8: () => pem('PRIVATE KEY', '308193020100301306072a8648ce3d020106082a8648ce3d030107047930770201010420', 114),
    muxSecret: () => b64(75),
    akamaiTok: () => `akab-${t.lower(16)}-${t.lower(16)}`,
    akamaiSecret: () => `${b64(43)}=`,
    netstorageKey: () => t.alnum(50),
    edgeAuthKey: () => t.hex(64),
    fastly: () => url(32),
    algolia: () => t.hex(32),
    algoliaApp: () => t.mixed(UPPER + DIGIT, 10),
    mailgun: () => `key-${t.hex(32)}`,
    mailgunNew: () => `${t.hex(32)}-${t.hex(8)}-${t.hex(8)}`,
    segmentPapi: () => `sgp_${t.alnum(64)}`,
    mixpanel: () => t.hex(32),
    mixpanelSa: () => t.alnum(32),
    braze: () => t.uuid(),
    slackUser: () => `xoxp-${t.digits(12)}-${t.digits(12)}-${t.digits(13)}-${t.hex(32)}`,
    slackApp: () => `xapp-1-A${t.mixed(UPPER + DIGIT, 10)}-${t.digits(13)}-${t.hex(64)}`,
    ghFine: () => `github_pat_11${t.mixed(UPPER + DIGIT, 20)}_${t.alnum(59)}`,
    ya29: () => `ya29.a0A${url(180)}`,
    gocspx: () => `GOCSPX-${url(28)}`,
    cfGlobal: () => t.hex(37),
    fcm: () => `AAAA${url(7)}:APA91b${url(134)}`,
    laravel: () => `base64:${bytes(32).toString('base64')}`,
    phx: () => b64(64),
    fernet: () => bytes(32).toString('base64url') + '=',
    twitch: () => `live_${t.digits(9)}_${t.alnum(30)}`,
    confluentKey: () => t.mixed(UPPER + DIGIT, 16),
    confluentSecret: () => b64(64),
    pusherSecret: () => t.hex(20),
    sas: (sp = 'racwl') =>
      `sv=2022-11-02&ss=b&srt=co&sp=${sp}&se=2027-06-30T23:59:59Z&st=2025-07-01T00:00:00Z&spr=https&sig=${t.azureSasSig()}`,
    azConn: (acct, key) =>
      `DefaultEndpointsProtocol=https;AccountName=${acct};AccountKey=${key};EndpointSuffix=core.windows.net`,
    zone: () => t.hex(32),
    firebaseAppId: (plat) => `1:${t.digits(12)}:${plat}:${t.hex(plat === 'web' ? 22 : 22)}`,
    oauthClientId: () => `${t.digits(12)}-${t.lower(32)}.apps.googleusercontent.com`,
    muxEnvKey: () => t.lower(25),
    playbackId: () => t.alnum(44),
  };
}

/** A pretty-printed service-account key file, as `gcloud iam service-accounts keys create` writes it. */
function writeSaFile(f, sa, indent = '  ') {
  f.l('{');
  const entries = Object.entries(sa.obj);
  entries.forEach(([k, val], i) => {
    const line = `${indent}${JSON.stringify(k)}: ${JSON.stringify(val)}${i < entries.length - 1 ? ',' : ''}`;
    if (k === 'private_key') f.s(line, 'gcp', sa.pk.join('\n'));
    else if (k === 'private_key_id') f.d(line, 'service account key id');
    else if (k === 'client_id') f.d(line, 'numeric oauth client id');
    else f.l(line);
  });
  f.l('}');
}

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 7919 + 577);
  const t = makeTokens(rand);
  const v = vendors(t, rand);
  const repo = new Repo();
  scala(repo, t, v);
  elixir(repo, t, v);
  php(repo, t, v);
  python(repo, t, v);
  golang(repo, t, v);
  swift(repo, t, v);
  cpp(repo, t, v);
  typescript(repo, t, v);
  kubernetes(repo, t, v);
  argo(repo, t, v);
  pipelines(repo, t, v);
  terraform(repo, t, v);
  docker(repo, t, v);
  notebook(repo, t, v);
  packaging(repo, t, v);
  logs(repo, t, v);
  docs(repo, t, v);
  return repo;
}

// ---- Scala: Play, Akka, sbt --------------------------------------------------------------

function scala(repo, t, v) {
  const c = repo.file('services/catalog-api/conf/application.conf', 'scala');
  const playSecret = t.alnum(64);
  c.l('# Catalog API (Play 3.0)', '# https://www.playframework.com/documentation/3.0.x/ConfigFile', '');
  c.s(`play.http.secret.key = "${playSecret}"`, 'generic', playSecret);
  c.d('play.http.secret.key = ${?APPLICATION_SECRET}', 'HOCON env override');
  c.l(
    'play.i18n.langs = ["en", "de", "fr", "es"]',
    'play.filters.hosts.allowed = [".streamco.tv", "localhost:9000"]',
    'play.filters.enabled += play.filters.cors.CORSFilter',
    '',
    'slick.dbs.default {',
    '  profile = "slick.jdbc.PostgresProfile$"',
    '  db {',
    '    driver = "org.postgresql.Driver"',
    '    url = "jdbc:postgresql://10.34.0.12:5432/catalog?sslmode=require"',
    '    url = ${?CATALOG_DB_URL}',
    '    user = "catalog_app"',
  );
  const dbpw = t.password();
  c.s(`    password = "${dbpw}"`, 'generic', dbpw);
  c.d('    password = ${?CATALOG_DB_PASSWORD}', 'HOCON env override');
  c.l('    numThreads = 20', '  }', '}', '', 'mux {');
  c.d(`  token-id = "${t.uuid()}"`, 'mux access token id (not secret alone)');
  const mux = v.muxSecret();
  c.s(`  token-secret = "${mux}"`, 'mux', mux);
  c.d('  token-secret = ${?MUX_TOKEN_SECRET}', 'HOCON env override');
  c.l('  playback-domain = "stream.streamco.tv"', '}', '', 'algolia {');
  const appId = v.algoliaApp();
  const adm = v.algolia();
  c.d(`  application-id = "${appId}"`, 'algolia app id');
  c.s(`  admin-api-key = "${adm}"`, 'algolia', adm);
  c.d(`  search-api-key = "${v.algolia()}"`, 'algolia search-only key (public)');
  c.l('  index-prefix = "prod_"', '}', '', 'google {');
  const yt = t.gcpApiKey();
  c.s(`  youtube-data-api-key = ${yt}`, 'gcp', yt);
  c.l('  project = "streamco-prod"', '}', '', 'cdn.fastly {');
  c.d(`  service-id = "${t.alnum(22)}"`, 'fastly service id');
  const fastly = v.fastly();
  c.s(`  api-token = ${fastly}`, 'fastly', fastly);
  c.d('  api-token = ${?FASTLY_API_TOKEN}', 'HOCON env override');
  c.l('}', '');
  c.d('include "secrets.conf"', 'include');

  const dev = repo.file('services/catalog-api/conf/dev.conf', 'scala');
  dev.l('include "application.conf"', '');
  dev.d('play.http.secret.key = "changeme"', 'play default placeholder');
  dev.d('slick.dbs.default.db.password = ""', 'empty');
  dev.d('mux.token-secret = "<mux-token-secret>"', 'placeholder');
  dev.d('algolia.admin-api-key = ${ALGOLIA_ADMIN_KEY}', 'HOCON substitution');

  const tc = repo.file('services/catalog-api/test/resources/application.test.conf', 'scala');
  tc.l('include "application.conf"', 'slick.dbs.default.db.url = "jdbc:h2:mem:catalog;MODE=PostgreSQL"');
  tc.d('slick.dbs.default.db.password = "test"', 'test fixture');
  tc.d('mux.token-secret = "not-a-real-secret"', 'obviously fake');
  tc.d('algolia.admin-api-key = "00000000000000000000000000000000"', 'zero key');

  const sbt = repo.file('services/catalog-api/build.sbt', 'scala');
  const ghPkg = t.github();
  sbt.l(
    'ThisBuild / scalaVersion := "3.3.3"',
    'ThisBuild / organization := "tv.streamco"',
    '',
    'lazy val root = (project in file("."))',
    '  .enablePlugins(PlayScala)',
    '  .settings(',
    '    name := "catalog-api",',
    '    libraryDependencies ++= Seq(guice, ws, "org.playframework" %% "play-slick" % "6.1.0")',
    '  )',
    '',
    'resolvers += "streamco-github" at "https://maven.pkg.github.com/streamco/platform"',
  );
  sbt.s(
    `credentials += Credentials("GitHub Package Registry", "maven.pkg.github.com", "streamco-bot", "${ghPkg}")`,
    'github',
    ghPkg,
  );
  sbt.d('credentials += Credentials(Path.userHome / ".sbt" / ".credentials")', 'credentials file reference');
  sbt.d(
    'credentials ++= sys.env.get("NEXUS_PASSWORD").map(pw => Credentials("Sonatype Nexus Repository Manager", "nexus.streamco.tv", "ci", pw))',
    'env lookup',
  );

  const cr = repo.file('ci/sbt/.credentials', 'scala');
  const nexus = t.password();
  cr.l('realm=Sonatype Nexus Repository Manager', 'host=nexus.streamco.tv', 'user=ci-publisher');
  cr.s(`password=${nexus}`, 'generic', nexus);

  const mc = repo.file('services/catalog-api/app/services/MuxClient.scala', 'scala');
  const muxFb = v.muxSecret();
  const hook = t.slackWebhook();
  mc.l(
    'package services',
    '',
    'import javax.inject._',
    'import play.api.Configuration',
    'import play.api.libs.ws._',
    '',
    '@Singleton',
    'class MuxClient @Inject() (ws: WSClient, config: Configuration) {',
  );
  mc.d('  private val tokenId = config.get[String]("mux.token-id")', 'config lookup');
  mc.s(`  private val tokenSecret = sys.env.getOrElse("MUX_TOKEN_SECRET", "${muxFb}")`, 'mux', muxFb);
  mc.s(`  private val ingestAlertsHook = "${hook}"`, 'slack', hook);
  mc.l(
    '',
    '  def assets(page: Int) =',
    '    ws.url("https://api.mux.com/video/v1/assets")',
    '      .addQueryStringParameters("page" -> page.toString)',
    '      .withAuth(tokenId, tokenSecret, WSAuthScheme.BASIC)',
    '      .get()',
    '}',
  );

  const ak = repo.file('services/recommendation-engine/src/main/resources/application.conf', 'scala');
  ak.l(
    'akka {',
    '  loglevel = "INFO"',
    '  actor.provider = cluster',
    '  cluster.downing-provider-class = "akka.cluster.sbr.SplitBrainResolverProvider"',
    '}',
    '',
    'akka.kafka.consumer.kafka-clients {',
    '  bootstrap.servers = "pkc-4nmjv.us-central1.gcp.confluent.cloud:9092"',
    '  security.protocol = SASL_SSL',
    '  sasl.mechanism = PLAIN',
  );
  const ckKey = v.confluentKey();
  const ckSecret = v.confluentSecret();
  ak.s(
    `  sasl.jaas.config = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\\"${ckKey}\\" password=\\"${ckSecret}\\";"`,
    'confluent',
    ckSecret,
  );
  ak.l(
    '}',
    '',
    'datastax-java-driver.advanced.auth-provider {',
    '  class = PlainTextAuthProvider',
    '  username = "reco"',
  );
  const cass = t.password();
  ak.s(`  password = "${cass}"`, 'generic', cass);
  ak.l(
    '}',
    '',
    'alpakka.s3 {',
    '  aws {',
    '    region.provider = static',
    '    region.default-region = "us-east-1"',
    '    credentials {',
    '      provider = static',
  );
  const awsId = t.awsId();
  const awsSec = t.awsSecret();
  ak.s(`      access-key-id = "${awsId}"`, 'aws', awsId);
  ak.s(`      secret-access-key = "${awsSec}"`, 'aws', awsSec);
  ak.l('    }', '  }', '}');

  const rm = repo.file('services/recommendation-engine/src/main/scala/tv/streamco/reco/Main.scala', 'scala');
  const oa = t.openai();
  const basic = t.password();
  rm.l(
    'package tv.streamco.reco',
    '',
    'import akka.actor.typed.ActorSystem',
    'import akka.http.scaladsl.model.headers.{Authorization, BasicHttpCredentials, OAuth2BearerToken}',
    '',
    'object Main extends App {',
    '  implicit val system: ActorSystem[Nothing] = ActorSystem(Guardian(), "reco")',
  );
  rm.s(`  private val openAiKey = "${oa}"`, 'openai', oa);
  rm.s(`  private val catalogAuth = Authorization(BasicHttpCredentials("svc-reco", "${basic}"))`, 'generic', basic);
  rm.d('  private val bearer = Authorization(OAuth2BearerToken(sys.env("CATALOG_TOKEN")))', 'env lookup');
  rm.l('}');
}

// ---- Elixir: Phoenix, mix ----------------------------------------------------------------

function elixir(repo, t, v) {
  const r = repo.file('services/live-chat/config/runtime.exs', 'elixir');
  r.l('import Config', '', 'if config_env() == :prod do', '  database_url =');
  r.d('    System.get_env("DATABASE_URL") ||', 'env lookup');
  r.l(
    '      raise """',
    '      environment variable DATABASE_URL is missing.',
    '      For example: ecto://USER:PASS@HOST/DATABASE',
    '      """',
    '',
    '  config :live_chat, LiveChat.Repo,',
    '    url: database_url,',
    '    pool_size: String.to_integer(System.get_env("POOL_SIZE") || "10")',
    '',
    '  secret_key_base =',
  );
  const skb = v.phx();
  r.s(`    System.get_env("SECRET_KEY_BASE") || "${skb}"`, 'generic', skb);
  r.l(
    '',
    '  config :live_chat, LiveChatWeb.Endpoint,',
    '    url: [host: "chat.streamco.tv", port: 443, scheme: "https"],',
    '    secret_key_base: secret_key_base',
    '',
    '  config :live_chat, LiveChat.Mailer,',
    '    adapter: Swoosh.Adapters.Mailgun,',
  );
  const mg = v.mailgun();
  r.s(`    api_key: System.get_env("MAILGUN_API_KEY", "${mg}"),`, 'mailgun', mg);
  r.l('    domain: "mg.streamco.tv"', '', '  config :ex_aws,');
  r.d('    access_key_id: [{:system, "AWS_ACCESS_KEY_ID"}, :instance_role],', 'env tuple');
  r.d('    secret_access_key: [{:system, "AWS_SECRET_ACCESS_KEY"}, :instance_role]', 'env tuple');
  r.l('');
  r.d('  config :goth, json: System.fetch_env!("GCP_SERVICE_ACCOUNT_JSON")', 'env lookup');
  r.l('', '  config :live_chat, :braze,');
  const braze = v.braze();
  r.s(`    rest_api_key: "${braze}",`, 'braze', braze);
  r.l('    endpoint: "https://rest.iad-05.braze.com"', '', '  config :live_chat, :slack,');
  const xapp = v.slackApp();
  const xoxb = t.slackBot();
  r.s(`    app_token: "${xapp}",`, 'slack', xapp);
  r.s(`    bot_token: System.get_env("SLACK_BOT_TOKEN") || "${xoxb}"`, 'slack', xoxb);
  r.l('', '  config :live_chat, :moderation,');
  const oa = t.openai();
  r.s(`    openai_api_key: "${oa}",`, 'openai', oa);
  r.l('    model: "omni-moderation-latest"', 'end');

  const ps = repo.file('services/live-chat/config/prod.secret.exs', 'elixir');
  ps.l(
    '# In this file, we load production configuration and secrets',
    '# from environment variables.',
    'use Mix.Config',
    '',
  );
  ps.l('config :live_chat, LiveChatWeb.Endpoint,');
  const skb2 = v.phx();
  ps.s(`  secret_key_base: "${skb2}"`, 'generic', skb2);
  ps.l('', 'config :live_chat, LiveChat.Repo,', '  username: "live_chat",');
  const pgpw = t.password();
  ps.s(`  password: "${pgpw}",`, 'generic', pgpw);
  ps.l('  database: "live_chat_prod",', '  hostname: "10.40.0.5",', '  pool_size: 15', '', 'config :live_chat, :mux,');
  ps.d(`  token_id: "${t.uuid()}",`, 'mux token id');
  const ms = v.muxSecret();
  ps.s(`  token_secret: "${ms}"`, 'mux', ms);
  ps.l('');
  const joken = t.alnum(48);
  ps.s(`config :joken, default_signer: "${joken}"`, 'generic', joken);

  const cfg = repo.file('services/live-chat/config/config.exs', 'elixir');
  cfg.l(
    'import Config',
    '',
    'config :live_chat, LiveChatWeb.Endpoint,',
    '  url: [host: "localhost"],',
    '  adapter: Bandit.PhoenixAdapter,',
    '  pubsub_server: LiveChat.PubSub,',
  );
  cfg.d(`  live_view: [signing_salt: "${t.alnum(8)}"]`, 'phoenix signing salt (not a secret)');
  cfg.l('', 'import_config "#{config_env()}.exs"');

  const te = repo.file('services/live-chat/config/test.exs', 'elixir');
  te.l('import Config', '', 'config :live_chat, LiveChat.Repo,', '  username: "postgres",');
  te.d('  password: "postgres",', 'phoenix generator default for local test db');
  te.l('  hostname: "localhost",', '  database: "live_chat_test#{System.get_env("MIX_TEST_PARTITION")}",');
  te.d('  pool: Ecto.Adapters.SQL.Sandbox', 'plain');

  const lock = repo.file('services/live-chat/mix.lock', 'elixir');
  lock.l('%{');
  for (const [name, ver] of [
    ['bandit', '1.5.7'],
    ['ecto_sql', '3.12.0'],
    ['phoenix', '1.7.14'],
    ['swoosh', '1.16.10'],
  ]) {
    lock.d(
      `  "${name}": {:hex, :${name}, "${ver}", "${t.sha256()}", [:mix], [], "hexpm", "${t.sha256()}"},`,
      'mix.lock hashes',
    );
  }
  lock.l('}');

  const ci = repo.file('services/live-chat/.ci/deps.sh', 'elixir');
  const hexKey = t.hex(32);
  ci.l('#!/usr/bin/env bash', 'set -euo pipefail', 'mix local.hex --force', 'mix local.rebar --force');
  ci.s(`mix hex.organization auth streamco --key ${hexKey}`, 'hex', hexKey);
  ci.d('mix hex.organization auth streamco --key "$HEX_ORG_KEY"', 'env var');
  ci.l('mix deps.get --only prod');
}

// ---- PHP: Laravel, Symfony ---------------------------------------------------------------

function php(repo, t, v) {
  const e = repo.file('services/billing-portal/.env', 'php');
  e.l('APP_NAME="StreamCo Billing"', 'APP_ENV=production');
  const appKey = v.laravel();
  e.s(`APP_KEY=${appKey}`, 'generic', appKey);
  e.l(
    'APP_DEBUG=false',
    'APP_URL=https://billing.streamco.tv',
    '',
    'DB_CONNECTION=mysql',
    'DB_HOST=10.20.0.8',
    'DB_PORT=3306',
    'DB_DATABASE=billing',
    'DB_USERNAME=billing',
  );
  const dbpw = t.password();
  e.s(`DB_PASSWORD="${dbpw}"`, 'generic', dbpw);
  e.l('', 'MAIL_MAILER=mailgun', 'MAILGUN_DOMAIN=mg.streamco.tv');
  const mg = v.mailgunNew();
  e.s(`MAILGUN_SECRET=${mg}`, 'mailgun', mg);
  e.l('MAILGUN_ENDPOINT=api.eu.mailgun.net', '');
  e.l('AWS_DEFAULT_REGION=us-east-1', 'AWS_BUCKET=streamco-invoices', '', `PUSHER_APP_ID=${t.digits(7)}`);
  e.d(`PUSHER_APP_KEY=${t.hex(20)}`, 'pusher app key (public)');
  const pusher = v.pusherSecret();
  e.s(`PUSHER_APP_SECRET=${pusher}`, 'pusher', pusher);
  e.l('PUSHER_APP_CLUSTER=us2', '');
  e.d('REDIS_PASSWORD=null', 'null');
  const brz = v.braze();
  e.s(`BRAZE_REST_API_KEY=${brz}`, 'braze', brz);
  e.l('BRAZE_REST_ENDPOINT=https://rest.iad-05.braze.com');
  e.d('VITE_PUSHER_APP_KEY="${PUSHER_APP_KEY}"', 'dotenv interpolation');

  const ex = repo.file('services/billing-portal/.env.example', 'php');
  ex.d('APP_KEY=', 'empty');
  ex.d('DB_PASSWORD=', 'empty');
  ex.d('MAILGUN_SECRET=your-mailgun-private-api-key', 'placeholder');
  ex.d('AWS_SECRET_ACCESS_KEY=', 'empty');
  ex.d('BRAZE_REST_API_KEY=00000000-0000-0000-0000-000000000000', 'zero uuid placeholder');

  const sv = repo.file('services/billing-portal/config/services.php', 'php');
  sv.l('<?php', '', 'return [', '', "    'mailgun' => [", "        'domain' => env('MAILGUN_DOMAIN'),");
  const mgd = v.mailgun();
  sv.s(`        'secret' => env('MAILGUN_SECRET', '${mgd}'),`, 'mailgun', mgd);
  sv.l(
    "        'endpoint' => env('MAILGUN_ENDPOINT', 'api.mailgun.net'),",
    "        'scheme' => 'https',",
    '    ],',
    '',
  );
  sv.l("    'algolia' => [");
  sv.d(`        'id' => env('ALGOLIA_APP_ID', '${v.algoliaApp()}'),`, 'algolia app id');
  const alg = v.algolia();
  sv.s(`        'secret' => env('ALGOLIA_SECRET', '${alg}'),`, 'algolia', alg);
  sv.l('    ],', '', "    'stripe' => [");
  sv.d("        'secret' => env('STRIPE_SECRET'),", 'env lookup');
  sv.d("        'webhook_secret' => env('STRIPE_WEBHOOK_SECRET', ''),", 'empty default');
  sv.l('    ],', '', "    'mixpanel' => [");
  sv.d(`        'token' => env('MIXPANEL_PROJECT_TOKEN', '${v.mixpanel()}'),`, 'mixpanel project token (public)');
  const mp = v.mixpanel();
  sv.s(`        'api_secret' => env('MIXPANEL_API_SECRET', '${mp}'),`, 'mixpanel', mp);
  sv.l('    ],', '', '];');

  const db = repo.file('services/billing-portal/config/database.php', 'php');
  db.l(
    '<?php',
    '',
    'return [',
    "    'default' => env('DB_CONNECTION', 'mysql'),",
    "    'connections' => [",
    "        'mysql' => [",
  );
  db.l("            'host' => env('DB_HOST', '127.0.0.1'),", "            'username' => env('DB_USERNAME', 'forge'),");
  db.d("            'password' => env('DB_PASSWORD', ''),", 'env with empty default');
  db.l('        ],', "        'legacy' => [", "            'username' => env('LEGACY_DB_USERNAME', 'forge'),");
  db.d("            'password' => env('LEGACY_DB_PASSWORD', 'forge'),", 'laravel skeleton default');
  db.l('        ],', '    ],', "    'redis' => [", "        'default' => [");
  db.d("            'password' => env('REDIS_PASSWORD'),", 'env lookup');
  db.l('        ],', "        'cache' => [");
  const rpw = v.plain();
  db.s(`            'password' => env('REDIS_CACHE_PASSWORD', '${rpw}'),`, 'generic', rpw);
  db.l('        ],', '    ],', '];');

  const fs = repo.file('services/billing-portal/config/filesystems.php', 'php');
  fs.l('<?php', '', 'return [', "    'disks' => [", "        'gcs' => [", "            'driver' => 'gcs',");
  fs.d("            'key_file_path' => env('GOOGLE_CLOUD_KEY_FILE', storage_path('app/gcs-key.json')),", 'file ref');
  fs.l(
    "            'project_id' => env('GOOGLE_CLOUD_PROJECT_ID', 'streamco-prod'),",
    "            'bucket' => 'streamco-invoices-archive',",
    '        ],',
    "        'azure' => [",
    "            'driver' => 'azure',",
    "            'name' => 'streamcobilling',",
  );
  const azk = t.azureStorageKey();
  fs.s(`            'key' => env('AZURE_STORAGE_KEY', '${azk}'),`, 'azure', azk);
  fs.l("            'container' => 'invoices',", '        ],', '    ],', '];');

  const sym = repo.file('services/ad-insertion/.env', 'php');
  sym.l(
    '# In all environments, the following files are loaded if they exist,',
    '# the latter taking precedence over the former:',
    '#  * .env.local  uncommitted file with local overrides',
    '',
    'APP_ENV=dev',
  );
  sym.d('APP_SECRET=', 'empty');
  sym.d(
    'DATABASE_URL="postgresql://app:!ChangeMe!@127.0.0.1:5432/app?serverVersion=16&charset=utf8"',
    'symfony recipe default',
  );
  sym.d('MAILER_DSN=null://null', 'null transport');
  sym.l('MESSENGER_TRANSPORT_DSN=doctrine://default?auto_setup=0');
  sym.d('OAUTH_GOOGLE_CLIENT_SECRET=', 'empty');

  const sl = repo.file('services/ad-insertion/.env.local', 'php');
  sl.l('APP_ENV=prod');
  const appSecret = t.hex(32);
  sl.s(`APP_SECRET=${appSecret}`, 'generic', appSecret);
  const adpw = t.password().replace(/[^A-Za-z0-9!*_-]/g, '');
  sl.s(
    `DATABASE_URL="mysql://adserver:${adpw}@10.22.0.4:3306/ads?serverVersion=8.0.32&charset=utf8mb4"`,
    'database',
    adpw,
  );
  const mgk = v.mailgun();
  sl.s(`MAILER_DSN=mailgun+api://${mgk}:mg.streamco.tv@default?region=eu`, 'mailgun', mgk);
  const fst = v.fastly();
  sl.s(`FASTLY_API_TOKEN=${fst}`, 'fastly', fst);
  sl.d(`OAUTH_GOOGLE_CLIENT_ID=${v.oauthClientId()}`, 'oauth client id');
  const gcs = v.gocspx();
  sl.s(`OAUTH_GOOGLE_CLIENT_SECRET=${gcs}`, 'google', gcs);
  const gam = t.gcpApiKey();
  sl.s(`GOOGLE_AD_MANAGER_API_KEY=${gam}`, 'gcp', gam);

  const dy = repo.file('services/ad-insertion/config/packages/doctrine.yaml', 'php');
  dy.l('doctrine:', '    dbal:');
  dy.d("        url: '%env(resolve:DATABASE_URL)%'", 'symfony env processor');
  dy.l("        server_version: '8.0.32'");

  const ap = repo.file('services/ad-insertion/src/Service/AkamaiPurger.php', 'php');
  ap.l(
    '<?php',
    '',
    'namespace App\\Service;',
    '',
    'use Akamai\\Open\\EdgeGrid\\Client;',
    '',
    'final class AkamaiPurger',
    '{',
  );
  ap.d(`    private const HOST = 'akab-${t.lower(16)}-${t.lower(16)}.luna.akamaiapis.net';`, 'edgegrid host name');
  const ct = v.akamaiTok();
  const cs = v.akamaiSecret();
  const at = v.akamaiTok();
  ap.s(`    private const CLIENT_TOKEN = '${ct}';`, 'akamai', ct);
  ap.s(`    private const CLIENT_SECRET = '${cs}';`, 'akamai', cs);
  ap.s(`    private const ACCESS_TOKEN = '${at}';`, 'akamai', at);
  ap.l(
    '',
    '    public function purge(array $urls): void',
    '    {',
    "        $client = new Client(['base_uri' => 'https://' . self::HOST]);",
    '        $client->setAuth(self::CLIENT_TOKEN, self::CLIENT_SECRET, self::ACCESS_TOKEN);',
    "        $client->post('/ccu/v3/invalidate/url/production', ['json' => ['objects' => $urls]]);",
    '    }',
    '}',
  );

  const pc = repo.file('services/ad-insertion/src/Controller/VastController.php', 'php');
  pc.l('<?php', '', 'namespace App\\Controller;', '', 'final class VastController', '{');
  pc.d("    private const SECRET_HEADER = 'X-Vast-Signature';", 'header name');
  pc.d(
    "    public function __construct(#[Autowire(env: 'SPOTX_API_KEY')] private string $spotxKey) {}",
    'autowire env',
  );
  pc.d('    // password: see 1Password "Ad Ops / SpotX"', 'prose reference');
  pc.l('}');
}

// ---- Python: FastAPI, Airflow, dbt -------------------------------------------------------

function python(repo, t, v) {
  const s = repo.file('services/audience-api/app/core/config.py', 'python');
  s.l(
    'from pydantic import Field, SecretStr',
    'from pydantic_settings import BaseSettings, SettingsConfigDict',
    '',
    '',
    'class Settings(BaseSettings):',
    '    model_config = SettingsConfigDict(env_file=".env", extra="ignore")',
    '',
    `    project_id: str = "${ANALYTICS}"`,
    '    bigquery_dataset: str = "audience"',
  );
  const dbpw = v.plain();
  s.s(`    database_url: str = "postgresql+asyncpg://audience:${dbpw}@10.30.0.7:5432/audience"`, 'database', dbpw);
  const oa = t.openai();
  s.s(`    openai_api_key: SecretStr = SecretStr("${oa}")`, 'openai', oa);
  const mp = v.mixpanel();
  s.s(`    mixpanel_api_secret: str = "${mp}"`, 'mixpanel', mp);
  s.d(`    mixpanel_project_token: str = "${v.mixpanel()}"`, 'mixpanel project token (public)');
  s.d('    segment_write_key: str = Field(default="", alias="SEGMENT_WRITE_KEY")', 'empty default');
  const jwtSecret = t.mixed(URLSAFE, 43);
  s.s(`    jwt_secret: str = "${jwtSecret}"`, 'generic', jwtSecret);
  s.d('    jwt_algorithm: str = "HS256"', 'algorithm');
  s.d('    slack_bot_token: SecretStr | None = None', 'none');
  s.d('    algolia_admin_key: str = "changeme"', 'placeholder');
  const gem = t.gcpApiKey();
  s.s(`    gemini_api_key: str = "${gem}"`, 'gcp', gem);
  s.l('', '', 'settings = Settings()');

  const ae = repo.file('services/audience-api/.env', 'python');
  const segp = v.segmentPapi();
  const mpsa = v.mixpanelSa();
  ae.l('PROJECT_ID=streamco-analytics-prod');
  ae.s(`SEGMENT_PUBLIC_API_TOKEN=${segp}`, 'segment', segp);
  ae.l('MIXPANEL_SERVICE_ACCOUNT_USER=audience-api.4f2c1a.mp-service-account');
  ae.s(`MIXPANEL_SERVICE_ACCOUNT_SECRET=${mpsa}`, 'mixpanel', mpsa);
  ae.d('GOOGLE_APPLICATION_CREDENTIALS=/var/secrets/google/key.json', 'file path');

  const cj = repo.file('orchestration/airflow/connections.json', 'python');
  const sa = v.serviceAccount(ANALYTICS, 'airflow-runner');
  const extra = JSON.stringify({
    project: ANALYTICS,
    keyfile_dict: JSON.stringify(sa.obj),
    num_retries: 5,
  });
  const whPath = t.slackWebhook().replace('https://hooks.slack.com/services/', '');
  const wpw = t.password();
  cj.l(
    '{',
    '    "google_cloud_default": {',
    '        "conn_type": "google_cloud_platform",',
    '        "description": "BigQuery + GCS for audience DAGs",',
    '        "login": null,',
    '        "password": null,',
  );
  cj.s(`        "extra": ${JSON.stringify(extra)}`, 'gcp', sa.pk.join('\n'));
  cj.l(
    '    },',
    '    "postgres_warehouse": {',
    '        "conn_type": "postgres",',
    '        "host": "10.30.0.9",',
    '        "schema": "warehouse",',
    '        "login": "airflow",',
  );
  cj.s(`        "password": "${wpw}",`, 'generic', wpw);
  cj.l(
    '        "port": 5432,',
    '        "extra": "{\\"sslmode\\": \\"require\\"}"',
    '    },',
    '    "slack_data_alerts": {',
    '        "conn_type": "slackwebhook",',
    '        "host": "https://hooks.slack.com/services",',
  );
  cj.s(`        "password": "${whPath}",`, 'slack', whPath);
  cj.d('        "extra": "{\\"timeout\\": 30}"', 'plain');
  cj.l(
    '    },',
    '    "mixpanel_api": {',
    '        "conn_type": "http",',
    '        "host": "https://data.mixpanel.com",',
  );
  cj.d('        "login": null,', 'null');
  cj.d('        "password": "{{ var.value.mixpanel_api_secret }}"', 'airflow template');
  cj.l('    }', '}');

  const vj = repo.file('orchestration/airflow/variables.json', 'python');
  const mux = v.muxSecret();
  const brz = v.braze();
  vj.l('{');
  vj.d(`    "mux_token_id": "${t.uuid()}",`, 'mux token id');
  vj.s(`    "mux_token_secret": "${mux}",`, 'mux', mux);
  vj.s(`    "braze_rest_api_key": "${brz}",`, 'braze', brz);
  vj.d(`    "braze_app_group_id": "${t.uuid()}",`, 'braze app group id');
  vj.l(
    '    "bq_dataset": "audience_prod",',
    '    "slack_channel": "#data-alerts",',
    '    "gcs_bucket": "streamco-audience-exports"',
    '}',
  );

  const dag = repo.file('orchestration/airflow/dags/audience_export.py', 'python');
  dag.l(
    'from airflow import DAG',
    'from airflow.models import Variable',
    'from airflow.providers.http.operators.http import HttpOperator',
    '',
  );
  dag.d('MUX_SECRET = Variable.get("mux_token_secret")', 'variable lookup');
  dag.d('BRAZE_HEADERS = {"Authorization": "Bearer {{ var.value.braze_rest_api_key }}"}', 'template');
  dag.d('FERNET_KEY_ENV = "AIRFLOW__CORE__FERNET_KEY"', 'env name');
  dag.l('');

  const ac = repo.file('orchestration/airflow/docker-compose.yaml', 'python');
  ac.l('x-airflow-common: &airflow-common', '  image: apache/airflow:2.10.2-python3.11', '  environment:');
  ac.l('    AIRFLOW__CORE__EXECUTOR: CeleryExecutor');
  const dbpw2 = v.plain();
  ac.s(
    `    AIRFLOW__DATABASE__SQL_ALCHEMY_CONN: postgresql+psycopg2://airflow:${dbpw2}@postgres/airflow`,
    'database',
    dbpw2,
  );
  const fk = v.fernet();
  ac.s(`    AIRFLOW__CORE__FERNET_KEY: '${fk}'`, 'generic', fk);
  const wsk = t.hex(32);
  ac.s(`    AIRFLOW__WEBSERVER__SECRET_KEY: '${wsk}'`, 'generic', wsk);
  ac.d(
    "    AIRFLOW_CONN_BIGQUERY_DEFAULT: 'google-cloud-platform://?key_path=%2Fopt%2Fairflow%2Fkeys%2Fsa.json'",
    'conn uri with key path only',
  );
  ac.d('    _AIRFLOW_WWW_USER_PASSWORD: ${_AIRFLOW_WWW_USER_PASSWORD:-airflow}', 'compose default from airflow docs');

  const pr = repo.file('analytics/dbt/profiles.yml', 'python');
  const dsa = v.serviceAccount(ANALYTICS, 'dbt-runner');
  pr.l(
    'streamco_analytics:',
    '  target: prod',
    '  outputs:',
    '    prod:',
    '      type: bigquery',
    '      method: service-account-json',
    `      project: ${ANALYTICS}`,
    '      dataset: analytics',
    '      threads: 8',
    '      location: US',
    '      keyfile_json:',
    '        type: service_account',
    `        project_id: ${ANALYTICS}`,
  );
  pr.d(`        private_key_id: ${dsa.obj.private_key_id}`, 'key id');
  pr.s(`        private_key: ${JSON.stringify(dsa.obj.private_key)}`, 'gcp', dsa.pk.join('\n'));
  pr.l(`        client_email: ${dsa.obj.client_email}`);
  pr.d(`        client_id: "${dsa.obj.client_id}"`, 'numeric client id');
  pr.l(
    '        auth_uri: https://accounts.google.com/o/oauth2/auth',
    '        token_uri: https://oauth2.googleapis.com/token',
    '    dev:',
    '      type: bigquery',
    '      method: oauth',
    '      project: streamco-analytics-dev',
    '      dataset: "dbt_{{ env_var(\'USER\') }}"',
    '    legacy_pg:',
    '      type: postgres',
    '      host: 10.30.0.9',
    '      user: dbt',
  );
  const lpw = t.password();
  pr.s(`      password: "${lpw}"`, 'generic', lpw);
  pr.l(
    '      port: 5432',
    '      dbname: warehouse',
    '      schema: marts',
    '    ci:',
    '      type: postgres',
    '      user: dbt_ci',
  );
  pr.d('      password: "{{ env_var(\'DBT_CI_PASSWORD\') }}"', 'dbt env_var');
}

// ---- Go: Cloud Run playback gateway ------------------------------------------------------

function golang(repo, t, v) {
  const m = repo.file('services/playback-gateway/cmd/server/main.go', 'go');
  m.l('package main', '', 'import (', '\t"flag"', '\t"log"', '\t"net/http"', '\t"os"', ')', '', 'var (');
  m.l('\tlistenAddr  = flag.String("listen", ":"+os.Getenv("PORT"), "listen address")');
  m.d('\tmuxTokenID  = flag.String("mux-token-id", os.Getenv("MUX_TOKEN_ID"), "Mux access token id")', 'env default');
  const ms = v.muxSecret();
  m.s(`\tmuxSecret   = flag.String("mux-token-secret", "${ms}", "Mux access token secret")`, 'mux', ms);
  m.d('\tfastlyToken = flag.String("fastly-token", "", "Fastly API token used for purges")', 'empty default');
  const sk = t.hex(64);
  m.s(`\tsigningKey  = flag.String("cdn-signing-key", "${sk}", "HMAC key for signed playback URLs")`, 'generic', sk);
  m.l(')', '', 'func main() {', '\tflag.Parse()', '\tlog.Fatal(http.ListenAndServe(*listenAddr, newRouter()))', '}');

  const c = repo.file('services/playback-gateway/internal/config/defaults.go', 'go');
  c.l(
    'package config',
    '',
    '// Default is used when no config file is mounted (local runs and the e2e suite).',
    'var Default = Config{',
    '\tRedis: RedisConfig{',
    '\t\tAddr:     "10.0.0.3:6379",',
  );
  const rpw = t.password();
  c.s(`\t\tPassword: "${rpw}",`, 'generic', rpw);
  c.l('\t\tDB:       2,', '\t},', '\tCloudflare: CloudflareConfig{');
  c.d(`\t\tAccountID: "${v.zone()}",`, 'cloudflare account id');
  const cf = t.cloudflare();
  c.s(`\t\tAPIToken:  "${cf}",`, 'cloudflare', cf);
  c.d(`\t\tZoneID:    "${v.zone()}",`, 'cloudflare zone id');
  c.l('\t},');
  const gk = t.gcpApiKey();
  c.s(`\tGoogleAPIKey: "${gk}",`, 'gcp', gk);
  c.d('\tSlackWebhook: os.Getenv("SLACK_WEBHOOK_URL"),', 'env lookup');
  c.l('}');

  const y = repo.file('services/playback-gateway/config/config.prod.yaml', 'go');
  y.l('server:', '  port: 8080', '  read_timeout: 10s', 'cloudflare:');
  const cf2 = t.cloudflare();
  y.s(`  api_token: ${cf2}`, 'cloudflare', cf2);
  y.d(`  account_id: ${v.zone()}`, 'account id');
  y.l('  stream:');
  y.d(`    signing_key_id: ${t.hex(32)}`, 'cloudflare stream signing key id');
  const streamPem = t.rsaPem().join('\n') + '\n';
  y.s(`    signing_key_pem: ${Buffer.from(streamPem).toString('base64')}`, 'private-key', streamPem.trimEnd());
  y.l('fastly:');
  const fst = v.fastly();
  y.s(`  api_token: "${fst}"`, 'fastly', fst);
  y.d(`  service_id: ${t.alnum(22)}`, 'fastly service id');
  y.l('akamai:', '  token_auth:', '    param: hdnts', '    window: 300s');
  const eak = v.edgeAuthKey();
  y.s(`    key: ${eak}`, 'akamai', eak);
  y.l('s3_origin:', '  bucket: streamco-cdn-origin', '  region: us-east-1');
  const ak = t.awsId();
  const as = t.awsSecret();
  y.s(`  access_key_id: ${ak}`, 'aws', ak);
  y.s(`  secret_access_key: ${as}`, 'aws', as);
  y.l('gcp:', `  project: ${PROJECT}`);
  y.d('  credentials_file: /secrets/sa/key.json', 'file path');
  y.l('slack:');
  y.d('  webhook_url: ${SLACK_WEBHOOK_URL}', 'env expansion');

  const fy = repo.file('services/playback-gateway/internal/cdn/fastly.go', 'go');
  const fk = v.fastly();
  fy.l(
    'package cdn',
    '',
    'import (',
    '\t"context"',
    '\t"net/http"',
    '\t"os"',
    ')',
    '',
    'func purgeKey(ctx context.Context, key string) error {',
  );
  fy.l(
    '\treq, _ := http.NewRequestWithContext(ctx, http.MethodPost, apiBase+"/service/"+serviceID+"/purge/"+key, nil)',
  );
  fy.d('\treq.Header.Set("Fastly-Key", os.Getenv("FASTLY_API_TOKEN"))', 'env lookup');
  fy.l('\treturn do(req)', '}', '', 'func purgeAll(ctx context.Context) error {');
  fy.l('\treq, _ := http.NewRequestWithContext(ctx, http.MethodPost, apiBase+"/service/"+serviceID+"/purge_all", nil)');
  fy.s(`\treq.Header.Set("Fastly-Key", "${fk}") // TODO: read from Secret Manager`, 'fastly', fk);
  fy.d('\treq.Header.Set("Surrogate-Key", "vod-ep104 vod-s03")', 'surrogate keys');
  fy.l('\treturn do(req)', '}');

  const az = repo.file('services/playback-gateway/internal/archive/azure.go', 'go');
  const azk = t.azureStorageKey();
  az.l('package archive', '', 'import "github.com/Azure/azure-sdk-for-go/sdk/storage/azblob"', '', 'const (');
  az.l('\taccountName = "streamcoarchive"');
  az.s(`\taccountKey  = "${azk}"`, 'azure', azk);
  az.l(
    ')',
    '',
    'func client() (*azblob.Client, error) {',
    '\tcred, err := azblob.NewSharedKeyCredential(accountName, accountKey)',
  );
  az.l(
    '\tif err != nil {',
    '\t\treturn nil, err',
    '\t}',
    '\treturn azblob.NewClientWithSharedKeyCredential("https://"+accountName+".blob.core.windows.net/", cred, nil)',
    '}',
  );

  const sv = repo.file('services/playback-gateway/service.yaml', 'go');
  const alg = v.algolia();
  const oa = t.openai();
  sv.l(
    'apiVersion: serving.knative.dev/v1',
    'kind: Service',
    'metadata:',
    '  name: playback-gateway',
    '  annotations:',
    '    run.googleapis.com/ingress: all',
    'spec:',
    '  template:',
    '    metadata:',
    '      annotations:',
    "        autoscaling.knative.dev/maxScale: '50'",
    '    spec:',
    `      serviceAccountName: playback-gateway@${PROJECT}.iam.gserviceaccount.com`,
    '      containers:',
  );
  sv.d(`        - image: us-docker.pkg.dev/${PROJECT}/services/playback-gateway@sha256:${t.sha256()}`, 'image digest');
  sv.l(
    '          env:',
    '            - name: MUX_TOKEN_SECRET',
    '              valueFrom:',
    '                secretKeyRef:',
  );
  sv.d('                  key: latest', 'secret manager version');
  sv.d('                  name: mux-token-secret', 'secret manager name');
  sv.l('            - name: ALGOLIA_ADMIN_KEY');
  sv.s(`              value: ${alg}`, 'algolia', alg);
  sv.l('            - name: OPENAI_API_KEY');
  sv.s(`              value: ${oa}`, 'openai', oa);
  sv.l('            - name: LOG_LEVEL', '              value: info');

  const sum = repo.file('services/playback-gateway/go.sum', 'go');
  for (const mod of [
    'cloud.google.com/go/storage v1.43.0',
    'github.com/spf13/viper v1.19.0',
    'github.com/fastly/go-fastly/v9 v9.7.0',
  ]) {
    sum.d(`${mod} h1:${v.b64(43)}=`, 'go.sum hash');
    sum.d(`${mod.split(' ')[0]} ${mod.split(' ')[1]}/go.mod h1:${v.b64(43)}=`, 'go.sum hash');
  }
}

// ---- Swift: iOS app ----------------------------------------------------------------------

function swift(repo, t, v) {
  const p = repo.file('apps/ios/StreamCo/Info.plist', 'swift');
  p.l(
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0">',
    '<dict>',
    '\t<key>CFBundleIdentifier</key>',
    '\t<string>$(PRODUCT_BUNDLE_IDENTIFIER)</string>',
    '\t<key>APIBaseURL</key>',
  );
  p.d('\t<string>$(API_BASE_URL)</string>', 'build setting reference');
  p.l('\t<key>MuxDataEnvKey</key>');
  p.d(`\t<string>${v.muxEnvKey()}</string>`, 'mux data env key (public)');
  p.l('\t<key>SegmentWriteKey</key>');
  p.d(`\t<string>${t.alnum(32)}</string>`, 'segment client write key (public)');
  p.l('\t<key>BrazeAPIKey</key>');
  p.d(`\t<string>${t.uuid()}</string>`, 'braze sdk api key (public)');
  p.l('\t<key>GIDClientID</key>');
  p.d(`\t<string>${v.oauthClientId()}</string>`, 'oauth client id');
  p.l('\t<key>MixpanelToken</key>');
  p.d(`\t<string>${v.mixpanel()}</string>`, 'mixpanel project token (public)');
  p.l('\t<key>AlgoliaSearchKey</key>');
  p.d(`\t<string>${v.algolia()}</string>`, 'algolia search-only key');
  p.l('\t<key>ConvivaCustomerKey</key>');
  p.d('\t<string>$(CONVIVA_CUSTOMER_KEY)</string>', 'build setting reference');
  p.l('</dict>', '</plist>');

  const g = repo.file('apps/ios/StreamCo/GoogleService-Info.plist', 'swift');
  g.l('<?xml version="1.0" encoding="UTF-8"?>', '<plist version="1.0">', '<dict>', '\t<key>API_KEY</key>');
  g.d(`\t<string>${t.gcpApiKey()}</string>`, 'firebase ios api key (public identifier, my choice: decoy)');
  g.l('\t<key>GCM_SENDER_ID</key>');
  g.d(`\t<string>${t.digits(12)}</string>`, 'sender id');
  g.l('\t<key>GOOGLE_APP_ID</key>');
  g.d(`\t<string>${v.firebaseAppId('ios')}</string>`, 'firebase app id');
  g.l('\t<key>PROJECT_ID</key>', '\t<string>streamco-mobile</string>', '</dict>', '</plist>');

  const x = repo.file('apps/ios/Config/Release.xcconfig', 'swift');
  x.l('// Release.xcconfig', '#include "Shared.xcconfig"');
  x.d('#include? "Secrets.xcconfig"', 'optional include');
  x.l('API_BASE_URL = https:/$()/api.streamco.tv');
  x.d(`ALGOLIA_APP_ID = ${v.algoliaApp()}`, 'algolia app id');
  const aa = v.algolia();
  x.s(`ALGOLIA_ADMIN_API_KEY = ${aa}`, 'algolia', aa);
  x.d('CONVIVA_CUSTOMER_KEY = $(inherited)', 'inherited');

  const xs = repo.file('apps/ios/Config/Secrets.xcconfig', 'swift');
  const hook = t.slackWebhook().replace('https://', 'https:/$()/');
  const hookVal = hook.split('/').pop();
  xs.l('// Do not commit. (It was.)');
  xs.s(`SLACK_FEEDBACK_WEBHOOK = ${hook}`, 'slack', hookVal);
  const oa = t.openai();
  xs.s(`OPENAI_API_KEY = ${oa}`, 'openai', oa);
  xs.d(`CONVIVA_CUSTOMER_KEY = ${t.hex(40)}`, 'conviva customer key (ships in the player sdk)');

  const k = repo.file('apps/ios/StreamCo/Core/Constants.swift', 'swift');
  k.l(
    'import Foundation',
    '',
    'enum Constants {',
    '    static let apiBaseURL = URL(string: "https://api.streamco.tv")!',
  );
  k.d(`    static let brazeAPIKey = "${t.uuid()}"`, 'braze sdk key (public)');
  k.l('    static let brazeEndpoint = "sdk.iad-05.braze.com"');
  k.d(`    static let muxEnvKey = "${v.muxEnvKey()}"`, 'mux data env key');
  const oa2 = t.openai();
  k.s(`    static let openAIKey = "${oa2}"`, 'openai', oa2);
  k.d(`    static let mixpanelToken = "${v.mixpanel()}"`, 'mixpanel project token');
  const mps = v.mixpanelSa();
  k.s(`    static let mixpanelServiceAccountSecret = "${mps}"`, 'mixpanel', mps);
  k.d('    static let fairPlayCertificateURL = URL(string: "https://drm.streamco.tv/fps/cert")!', 'url');
  k.d(`    static let fairPlayContentKeyID = "skd://${t.uuid()}"`, 'drm key id');
  k.l('}');

  const n = repo.file('apps/ios/StreamCo/Networking/QAClient.swift', 'swift');
  const qa = t.password();
  n.l('import Foundation', '', 'final class QAClient: NSObject, URLSessionTaskDelegate {');
  n.s(
    `    private let credential = URLCredential(user: "qa-ios", password: "${qa}", persistence: .forSession)`,
    'generic',
    qa,
  );
  n.d('    func headers(token: String) -> [String: String] { ["Authorization": "Bearer \\(token)"] }', 'interpolation');
  n.d('    private let apiKey = ProcessInfo.processInfo.environment["STREAMCO_API_KEY"] ?? ""', 'env lookup');
  n.l('}');

  const ff = repo.file('apps/ios/fastlane/Fastfile', 'swift');
  const p8 = v.p8();
  const match = t.password();
  ff.l('default_platform(:ios)', '', 'platform :ios do', '  lane :beta do');
  ff.s(`    ENV["MATCH_PASSWORD"] = "${match}"`, 'generic', match);
  ff.l('    api_key = app_store_connect_api_key(');
  ff.d(`      key_id: "${t.mixed(UPPER + DIGIT, 10)}",`, 'asc key id');
  ff.d(`      issuer_id: "${t.uuid()}",`, 'asc issuer id');
  ff.s(`      key_content: "${p8.join('\\n')}",`, 'private-key', p8.join('\n'));
  ff.l(
    '      in_house: false',
    '    )',
    '    match(type: "appstore", api_key: api_key)',
    '    upload_to_testflight(api_key: api_key)',
    '  end',
    'end',
  );

  const pr = repo.file('apps/ios/StreamCo.xcworkspace/xcshareddata/swiftpm/Package.resolved', 'swift');
  pr.l('{', '  "pins" : [');
  for (const [id, loc] of [
    ['braze-swift-sdk', 'https://github.com/braze-inc/braze-swift-sdk'],
    ['mux-stats-sdk-avplayer', 'https://github.com/muxinc/mux-stats-sdk-avplayer'],
    ['firebase-ios-sdk', 'https://github.com/firebase/firebase-ios-sdk'],
  ]) {
    pr.l(
      '    {',
      `      "identity" : "${id}",`,
      '      "kind" : "remoteSourceControl",',
      `      "location" : "${loc}",`,
      '      "state" : {',
    );
    pr.d(`        "revision" : "${t.sha1()}",`, 'git revision');
    pr.l('        "version" : "6.4.0"', '      }', '    },');
  }
  pr.l('  ],', '  "version" : 2', '}');
}

// ---- C++: transcoder ---------------------------------------------------------------------

function cpp(repo, t, v) {
  const ini = repo.file('services/transcoder/config/transcoder.ini', 'cpp');
  ini.l(
    '[general]',
    'workers = 8',
    'tmp_dir = /var/tmp/transcode',
    'ffmpeg_path = /usr/local/bin/ffmpeg',
    '',
    '[origin_s3]',
    'bucket = streamco-cdn-origin',
    'region = us-east-1',
  );
  const ak = t.awsId();
  const as = t.awsSecret();
  ini.s(`access_key = ${ak}`, 'aws', ak);
  ini.s(`secret_key = ${as}`, 'aws', as);
  ini.l('', '[azure]', 'account = streamcoarchive');
  const azk = t.azureStorageKey();
  ini.s(`account_key = ${azk}`, 'azure', azk);
  ini.l('container = mezzanine', '', '[gcs]');
  ini.d('credentials = /etc/transcoder/gcs-sa.json', 'file path');
  ini.l('', '[drm]', 'provider = widevine');
  ini.d('key_server_url = https://license.uat.widevine.com/cenc/getcontentkey/widevine_test', 'public test server');
  ini.l('signer = widevine_test');
  ini.d(
    'aes_signing_key = 1ae8ccd0e7985cc0b6203a55855a1034afc252980e970ca90e5202689f947ab9',
    'documented widevine_test key',
  );
  ini.d('aes_signing_iv = d58ce954203b7c9a9a9d467f59839249', 'documented widevine_test iv');
  ini.d(`key_id = ${t.hex(32)}`, 'drm key id');
  const ck = t.hex(32);
  ini.s(`content_key = ${ck}`, 'generic', ck);
  ini.l('', '[mux]');
  ini.d(`token_id = ${t.uuid()}`, 'mux token id');
  const ms = v.muxSecret();
  ini.s(`token_secret = ${ms}`, 'mux', ms);
  ini.l('', '[notify]');
  const hook = t.slackWebhook();
  ini.s(`slack_webhook = ${hook}`, 'slack', hook);
  ini.d('pagerduty_routing_key = ${PD_ROUTING_KEY}', 'env placeholder');

  const up = repo.file('services/transcoder/src/uploader.cpp', 'cpp');
  const ns = v.netstorageKey();
  const fk = v.fastly();
  const opw = v.plain();
  const oa = t.openai();
  up.l(
    '#include "uploader.h"',
    '',
    '#include <curl/curl.h>',
    '#include <cstdlib>',
    '#include <string>',
    '',
    'namespace streamco::transcoder {',
    'namespace {',
  );
  up.l('constexpr char kNetStorageKeyName[] = "transcoder-upload";');
  up.s(`constexpr char kNetStorageKey[] = "${ns}";`, 'akamai', ns);
  up.s(`const std::string kFastlyToken = "${fk}";`, 'fastly', fk);
  up.d('constexpr char kWhisperModel[] = "whisper-1";', 'model name');
  up.l(
    '}  // namespace',
    '',
    'bool Uploader::PushToOrigin(const std::string& path) {',
    '  CURL* curl = curl_easy_init();',
  );
  up.s(`  curl_easy_setopt(curl, CURLOPT_USERPWD, "origin-push:${opw}");`, 'generic', opw);
  up.l(
    '  curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);',
    '  return Perform(curl, path);',
    '}',
    '',
    'bool Uploader::Captions(const std::string& audio) {',
  );
  up.l('  struct curl_slist* headers = nullptr;');
  up.s(`  headers = curl_slist_append(headers, "Authorization: Bearer ${oa}");`, 'openai', oa);
  up.l('  return PostMultipart("https://api.openai.com/v1/audio/transcriptions", headers, audio);', '}', '');
  up.d('bool Uploader::PushWithEnv(const std::string& user, const std::string& pass) {', 'signature');
  up.d('  const char* secret = std::getenv("MUX_TOKEN_SECRET");', 'getenv');
  up.d('  curl_easy_setopt(curl_, CURLOPT_USERPWD, (user + ":" + pass).c_str());', 'runtime concatenation');
  up.l('  return secret != nullptr;', '}', '', '}  // namespace streamco::transcoder');

  const h = repo.file('services/transcoder/src/secrets.h', 'cpp');
  const ms2 = v.muxSecret();
  const sas = v.sas('rcw');
  const cft = t.cloudflare();
  h.l('#pragma once', '', '// TODO(ops): move to Secret Manager before GA');
  h.d(`#define MUX_TOKEN_ID "${t.uuid()}"`, 'mux token id');
  h.s(`#define MUX_TOKEN_SECRET "${ms2}"`, 'mux', ms2);
  h.s(`#define AZURE_MEZZANINE_SAS "?${sas}"`, 'azure', sas);
  h.s(`static const char* const kCloudflareStreamToken = "${cft}";`, 'cloudflare', cft);
  h.d('#define SHA256_DIGEST_LENGTH 32', 'constant');
  h.d(
    'static const unsigned char kFips197Key[16] = {0x2b, 0x7e, 0x15, 0x16, 0x28, 0xae, 0xd2, 0xa6, 0xab, 0xf7, 0x15, 0x88, 0x09, 0xcf, 0x4f, 0x3c};',
    'FIPS-197 test vector',
  );

  const drm = repo.file('services/transcoder/src/drm/systems.h', 'cpp');
  drm.l('#pragma once', '', 'namespace streamco::drm {');
  drm.d('constexpr char kWidevineSystemId[] = "edef8ba979d64acea3c827dcd51d21ed";', 'public drm system id');
  drm.d('constexpr char kPlayReadySystemId[] = "9a04f07998404286ab92e65be0885f95";', 'public drm system id');
  drm.d('constexpr char kFairPlaySystemId[] = "94ce86fb07ff4f43adb893d2fa968ca2";', 'public drm system id');
  drm.d('constexpr char kClearKeySystemId[] = "e2719d58a985b3c9781ab030af78d30e";', 'public drm system id');
  drm.d(`constexpr char kDefaultKid[] = "${t.uuid()}";`, 'drm key id');
  drm.l('}  // namespace streamco::drm');

  const cm = repo.file('services/transcoder/CMakeLists.txt', 'cpp');
  cm.l(
    'cmake_minimum_required(VERSION 3.24)',
    'project(transcoder CXX)',
    'include(FetchContent)',
    'FetchContent_Declare(fmt',
  );
  cm.l('  URL https://github.com/fmtlib/fmt/archive/refs/tags/11.0.2.tar.gz');
  cm.d(`  URL_HASH SHA256=${t.sha256()})`, 'archive checksum');
}

// ---- TypeScript: Next.js, Firebase -------------------------------------------------------

function typescript(repo, t, v) {
  const e = repo.file('apps/web/.env.local', 'typescript');
  e.d(`NEXT_PUBLIC_FIREBASE_API_KEY=${t.gcpApiKey()}`, 'firebase web api key (public identifier, my choice: decoy)');
  e.l('NEXT_PUBLIC_FIREBASE_AUTH_DOMAIN=streamco-web.firebaseapp.com', 'NEXT_PUBLIC_FIREBASE_PROJECT_ID=streamco-web');
  e.d(`NEXT_PUBLIC_FIREBASE_APP_ID=${v.firebaseAppId('web')}`, 'firebase app id');
  e.d(`NEXT_PUBLIC_ALGOLIA_APP_ID=${v.algoliaApp()}`, 'algolia app id');
  e.d(`NEXT_PUBLIC_ALGOLIA_SEARCH_KEY=${v.algolia()}`, 'algolia search key');
  const aa = v.algolia();
  e.s(`ALGOLIA_ADMIN_KEY=${aa}`, 'algolia', aa);
  e.l('FIREBASE_CLIENT_EMAIL=firebase-adminsdk-q3x7k@streamco-web.iam.gserviceaccount.com');
  const fpk = t.pkcs8Pem();
  e.s(`FIREBASE_PRIVATE_KEY="${fpk.join('\\n')}\\n"`, 'gcp', fpk.join('\n'));
  e.d(`MUX_TOKEN_ID=${t.uuid()}`, 'mux token id');
  const ms = v.muxSecret();
  e.s(`MUX_TOKEN_SECRET=${ms}`, 'mux', ms);
  const mwh = t.lower(32);
  e.s(`MUX_WEBHOOK_SECRET=${mwh}`, 'mux', mwh);
  const nas = v.bytes(32).toString('base64');
  e.s(`NEXTAUTH_SECRET=${nas}`, 'generic', nas);
  e.d(`NEXT_PUBLIC_SEGMENT_WRITE_KEY=${t.alnum(32)}`, 'segment browser write key');
  e.d(`NEXT_PUBLIC_MUX_ENV_KEY=${v.muxEnvKey()}`, 'mux data env key');
  const oa = t.openai();
  e.s(`OPENAI_API_KEY=${oa}`, 'openai', oa);

  const fb = repo.file('apps/web/src/lib/firebase.ts', 'typescript');
  fb.l("import { initializeApp, getApps } from 'firebase/app';", '', 'const firebaseConfig = {');
  fb.d(`  apiKey: '${t.gcpApiKey()}',`, 'firebase web api key (public identifier, my choice: decoy)');
  fb.l(
    "  authDomain: 'streamco-web.firebaseapp.com',",
    "  projectId: 'streamco-web',",
    "  storageBucket: 'streamco-web.appspot.com',",
  );
  fb.d(`  messagingSenderId: '${t.digits(12)}',`, 'sender id');
  fb.d(`  appId: '${v.firebaseAppId('web')}',`, 'firebase app id');
  fb.d(`  measurementId: 'G-${t.mixed(UPPER + DIGIT, 10)}',`, 'ga measurement id');
  fb.l('};', '', 'export const app = getApps()[0] ?? initializeApp(firebaseConfig);');

  const fa = repo.file('apps/web/src/lib/firebase-admin.ts', 'typescript');
  fa.l(
    "import { cert, getApps, initializeApp } from 'firebase-admin/app';",
    '',
    'export const adminApp =',
    '  getApps()[0] ??',
    '  initializeApp({',
    '    credential: cert({',
  );
  fa.l("      projectId: 'streamco-web',", '      clientEmail: process.env.FIREBASE_CLIENT_EMAIL,');
  fa.d("      privateKey: process.env.FIREBASE_PRIVATE_KEY?.replace(/\\\\n/g, '\\n'),", 'env lookup');
  fa.l('    }),', '  });');

  const sd = repo.file('apps/web/scripts/seed-firestore.ts', 'typescript');
  const spk = t.pkcs8Pem();
  sd.l(
    "import { cert, initializeApp } from 'firebase-admin/app';",
    "import { getFirestore } from 'firebase-admin/firestore';",
    '',
    'initializeApp({',
    '  credential: cert({',
    "    projectId: 'streamco-web-staging',",
    "    clientEmail: 'seed@streamco-web-staging.iam.gserviceaccount.com',",
  );
  sd.s(`    privateKey: '${spk.join('\\n')}\\n',`, 'gcp', spk.join('\n'));
  sd.l('  }),', '});', '', "await getFirestore().collection('shows').doc('s03').set({ title: 'Season 3' });");

  const api = repo.file('apps/web/src/pages/api/reindex.ts', 'typescript');
  const aid = v.algoliaApp();
  const ak = v.algolia();
  api.l(
    "import algoliasearch from 'algoliasearch';",
    "import type { NextApiRequest, NextApiResponse } from 'next';",
    '',
  );
  api.s(`const client = algoliasearch('${aid}', '${ak}');`, 'algolia', ak);
  api.d(
    'const searchOnly = algoliasearch(process.env.NEXT_PUBLIC_ALGOLIA_APP_ID!, process.env.NEXT_PUBLIC_ALGOLIA_SEARCH_KEY!);',
    'env lookups',
  );
  api.l(
    '',
    'export default async function handler(req: NextApiRequest, res: NextApiResponse) {',
    "  await client.initIndex('prod_shows').saveObjects(req.body.objects);",
    '  res.status(204).end();',
    '}',
  );

  const nc = repo.file('apps/web/next.config.mjs', 'typescript');
  const ms2 = v.muxSecret();
  nc.l(
    "/** @type {import('next').NextConfig} */",
    'const nextConfig = {',
    "  output: 'standalone',",
    '  images: {',
    "    remotePatterns: [{ protocol: 'https', hostname: 'image.mux.com' }],",
    '  },',
    '  env: {',
  );
  nc.s(`    MUX_TOKEN_SECRET: '${ms2}',`, 'mux', ms2);
  nc.d('    MUX_TOKEN_ID: process.env.MUX_TOKEN_ID,', 'env lookup');
  nc.l('  },', '  publicRuntimeConfig: {');
  nc.d(`    segmentWriteKey: '${t.alnum(32)}',`, 'segment browser write key');
  nc.l('  },', '};', '', 'export default nextConfig;');

  const npmrc = repo.file('apps/web/.npmrc', 'typescript');
  const npm = t.npm();
  npmrc.l('@streamco:registry=https://npm.pkg.github.com', 'auto-install-peers=true');
  npmrc.d('//npm.pkg.github.com/:_authToken=${NODE_AUTH_TOKEN}', 'env reference');
  npmrc.s(`//registry.npmjs.org/:_authToken=${npm}`, 'npm', npm);

  const fn = repo.file('apps/web/functions/src/index.ts', 'typescript');
  const brz = v.braze();
  const fcm = v.fcm();
  fn.l(
    "import { onDocumentCreated } from 'firebase-functions/v2/firestore';",
    "import { defineSecret } from 'firebase-functions/params';",
    '',
  );
  fn.d("const muxSecret = defineSecret('MUX_TOKEN_SECRET');", 'secret param');
  fn.s(`const BRAZE_REST_KEY = '${brz}';`, 'braze', brz);
  fn.s(`const LEGACY_FCM_SERVER_KEY = '${fcm}';`, 'firebase', fcm);
  fn.d("const BRAZE_ENDPOINT = 'https://rest.iad-05.braze.com/users/track';", 'url');
  fn.l(
    '',
    "export const onWatch = onDocumentCreated({ document: 'watch/{id}', secrets: [muxSecret] }, async (event) => {",
    '  await track(event.data?.data());',
    '});',
  );

  const bm = repo.file('apps/web/.next/build-manifest.json', 'typescript');
  bm.l('{', '  "polyfillFiles": [');
  bm.d(`    "static/chunks/polyfills-${t.hex(16)}.js"`, 'content hash filename');
  bm.l('  ],', '  "pages": {', '    "/_app": [');
  bm.d(`      "static/chunks/webpack-${t.hex(16)}.js",`, 'content hash filename');
  bm.d(`      "static/chunks/framework-${t.hex(16)}.js",`, 'content hash filename');
  bm.d(`      "static/chunks/pages/_app-${t.hex(16)}.js"`, 'content hash filename');
  bm.l('    ]', '  },', '  "ampFirstPages": []', '}');
}

// ---- GKE manifests and Helm --------------------------------------------------------------

function kubernetes(repo, t, v) {
  const s = repo.file('deploy/gke/base/secrets/mux-credentials.yaml', 'k8s');
  const ms = v.muxSecret();
  const mwh = t.lower(32);
  s.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: mux-credentials',
    '  namespace: media',
    'type: Opaque',
    'data:',
  );
  s.d(`  MUX_TOKEN_ID: ${Buffer.from(t.uuid()).toString('base64')}`, 'base64 of token id');
  s.s(`  MUX_TOKEN_SECRET: ${Buffer.from(ms).toString('base64')}`, 'mux', ms);
  s.s(`  MUX_WEBHOOK_SECRET: ${Buffer.from(mwh).toString('base64')}`, 'mux', mwh);
  s.d(`  MUX_ENVIRONMENT: ${Buffer.from('production').toString('base64')}`, 'base64 of plain setting');

  const sa = repo.file('deploy/gke/base/secrets/gcs-writer-key.yaml', 'k8s');
  const gsa = v.serviceAccount(PROJECT, 'gcs-writer');
  sa.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: gcs-writer-key',
    '  namespace: media',
    'type: Opaque',
    'data:',
  );
  sa.s(
    `  key.json: ${Buffer.from(JSON.stringify(gsa.obj, null, 2)).toString('base64')}`,
    'gcp',
    gsa.pk.slice(1, -1).join('\\n'),
  );

  const st = repo.file('deploy/gke/base/secrets/search-and-analytics.yaml', 'k8s');
  const alg = v.algolia();
  const segp = v.segmentPapi();
  st.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: search-and-analytics',
    '  namespace: media',
    'type: Opaque',
    'stringData:',
  );
  st.d(`  ALGOLIA_APP_ID: ${v.algoliaApp()}`, 'algolia app id');
  st.s(`  ALGOLIA_ADMIN_KEY: "${alg}"`, 'algolia', alg);
  st.s(`  SEGMENT_PUBLIC_API_TOKEN: ${segp}`, 'segment', segp);
  st.d('  MIXPANEL_API_SECRET: ""', 'empty');

  const cm = repo.file('deploy/gke/base/configmap-cdn.yaml', 'k8s');
  const ft = v.fastly();
  cm.l(
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: cdn-config',
    '  namespace: media',
    'data:',
    '  CDN_PRIMARY: fastly',
  );
  cm.d(`  FASTLY_SERVICE_ID: ${t.alnum(22)}`, 'fastly service id');
  cm.s(`  FASTLY_API_TOKEN: ${ft}`, 'fastly', ft);
  cm.d(`  CLOUDFLARE_ZONE_ID: ${v.zone()}`, 'zone id');
  cm.d(`  AKAMAI_CP_CODE: "${t.digits(7)}"`, 'cp code');
  cm.d(`  ASSET_MANIFEST_HASH: ${t.hex(20)}`, 'cdn content hash');
  cm.d('  GOOGLE_APPLICATION_CREDENTIALS: /var/secrets/google/key.json', 'file path');

  const dep = repo.file('deploy/gke/base/transcoder-deployment.yaml', 'k8s');
  const conn = v.azConn('streamcoarchive', t.azureStorageKey());
  const connKey = conn.match(/AccountKey=([^;]+)/)[1];
  dep.l(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: transcoder',
    '  namespace: media',
    'spec:',
    '  replicas: 4',
    '  template:',
    '    spec:',
    '      serviceAccountName: transcoder',
    '      containers:',
    '        - name: transcoder',
  );
  dep.d(`          image: us-docker.pkg.dev/${PROJECT}/services/transcoder@sha256:${t.sha256()}`, 'image digest');
  dep.l('          env:', '            - name: AZURE_STORAGE_CONNECTION_STRING');
  dep.s(`              value: "${conn}"`, 'azure', connKey);
  dep.l('            - name: MUX_TOKEN_SECRET', '              valueFrom:', '                secretKeyRef:');
  dep.d('                  name: mux-credentials', 'secret ref');
  dep.d('                  key: MUX_TOKEN_SECRET', 'secret ref');
  dep.l('            - name: AZURE_ARCHIVE_SAS');
  dep.d('              value: $(ARCHIVE_SAS)', 'k8s env expansion');

  const ksa = repo.file('deploy/gke/base/serviceaccounts.yaml', 'k8s');
  ksa.l(
    'apiVersion: v1',
    'kind: ServiceAccount',
    'metadata:',
    '  name: transcoder',
    '  namespace: media',
    '  annotations:',
  );
  ksa.d(`    iam.gke.io/gcp-service-account: transcoder@${PROJECT}.iam.gserviceaccount.com`, 'workload identity');

  const hv = repo.file('deploy/helm/streamco-platform/values-prod.yaml', 'k8s');
  hv.l(
    'global:',
    `  gcpProject: ${PROJECT}`,
    `  imageRegistry: us-docker.pkg.dev/${PROJECT}/services`,
    'catalog:',
    '  replicas: 6',
    '  env:',
  );
  const play = t.alnum(64);
  hv.s(`    PLAY_HTTP_SECRET_KEY: "${play}"`, 'generic', play);
  hv.d(`    MUX_TOKEN_ID: ${t.uuid()}`, 'mux token id');
  const ms2 = v.muxSecret();
  hv.s(`    MUX_TOKEN_SECRET: "${ms2}"`, 'mux', ms2);
  hv.d('  existingSecret: catalog-secrets', 'secret name');
  hv.l('search:', '  algolia:');
  hv.d(`    appId: ${v.algoliaApp()}`, 'algolia app id');
  const alg2 = v.algolia();
  hv.s(`    adminKey: ${alg2}`, 'algolia', alg2);
  hv.d(`    searchKey: ${v.algolia()}`, 'algolia search key');
  hv.l('cdn:', '  cloudflare:');
  const cf = t.cloudflare();
  hv.s(`    apiToken: ${cf}`, 'cloudflare', cf);
  hv.d(`    zoneId: ${v.zone()}`, 'zone id');
  hv.l('  akamai:', '    edgerc: |', '      [default]');
  const ecs = v.akamaiSecret();
  const eat = v.akamaiTok();
  const ect = v.akamaiTok();
  hv.s(`      client_secret = ${ecs}`, 'akamai', ecs);
  hv.d(`      host = akab-${t.lower(16)}-${t.lower(16)}.luna.akamaiapis.net`, 'edgegrid host');
  hv.s(`      access_token = ${eat}`, 'akamai', eat);
  hv.s(`      client_token = ${ect}`, 'akamai', ect);
  hv.l('notifications:');
  const xb = t.slackBot();
  hv.s(`  slackBotToken: ${xb}`, 'slack', xb);
  hv.l('analytics:');
  hv.d(`  mixpanelToken: ${v.mixpanel()}`, 'mixpanel project token');
  const brz = v.braze();
  hv.s(`  brazeRestKey: ${brz}`, 'braze', brz);
  hv.l('postgresql:', '  auth:', '    username: catalog');
  hv.d('    password: ""', 'empty');
  hv.d('    existingSecret: cloudsql-credentials', 'secret name');

  const hd = repo.file('deploy/helm/streamco-platform/values.yaml', 'k8s');
  hd.l('catalog:', '  replicas: 2', '  env:');
  hd.d('    PLAY_HTTP_SECRET_KEY: ""', 'empty');
  hd.d('    MUX_TOKEN_SECRET: "<set in values-<env>.yaml>"', 'placeholder');
  hd.l('search:', '  algolia:');
  hd.d('    adminKey: REPLACE_ME', 'placeholder');
  hd.l('cdn:', '  cloudflare:');
  hd.d('    apiToken: ""  # required', 'empty');
  hd.l('notifications:');
  hd.d('  slackBotToken: xoxb-your-bot-token', 'placeholder');

  const ht = repo.file('deploy/helm/streamco-platform/templates/secret.yaml', 'k8s');
  ht.l('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: {{ include "platform.fullname" . }}-catalog', 'data:');
  ht.d('  MUX_TOKEN_SECRET: {{ .Values.catalog.env.MUX_TOKEN_SECRET | b64enc | quote }}', 'helm template');
  ht.d(
    '  ALGOLIA_ADMIN_KEY: {{ required "search.algolia.adminKey" .Values.search.algolia.adminKey | b64enc }}',
    'helm template',
  );
  ht.d('  EDGERC: {{ .Values.cdn.akamai.edgerc | b64enc }}', 'helm template');
}

// ---- Argo CD -----------------------------------------------------------------------------

function argo(repo, t, v) {
  const a = repo.file('deploy/argocd/apps/playback-gateway.yaml', 'argocd');
  const ft = v.fastly();
  a.l(
    'apiVersion: argoproj.io/v1alpha1',
    'kind: Application',
    'metadata:',
    '  name: playback-gateway',
    '  namespace: argocd',
    'spec:',
    '  project: media',
    '  source:',
    '    repoURL: https://github.com/streamco/platform.git',
  );
  a.d(`    targetRevision: ${t.sha1()}`, 'pinned git sha');
  a.l(
    '    path: deploy/helm/playback-gateway',
    '    helm:',
    '      valueFiles: [values-prod.yaml]',
    '      parameters:',
    '        - name: fastly.apiToken',
  );
  a.s(`          value: ${ft}`, 'fastly', ft);
  a.l('        - name: image.tag');
  a.d(`          value: "${t.sha1().slice(0, 12)}"`, 'short sha');
  a.l(
    '  destination:',
    '    server: https://kubernetes.default.svc',
    '    namespace: media',
    '  syncPolicy:',
    '    automated: { prune: true, selfHeal: true }',
  );

  const rs = repo.file('deploy/argocd/repo-secrets.yaml', 'argocd');
  const pat = v.ghFine();
  rs.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: platform-repo',
    '  namespace: argocd',
    '  labels:',
    '    argocd.argoproj.io/secret-type: repository',
    'stringData:',
    '  type: git',
    '  url: https://github.com/streamco/platform.git',
    '  username: streamco-argocd',
  );
  rs.s(`  password: ${pat}`, 'github', pat);
  rs.l(
    '---',
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: streamco-org-creds',
    '  namespace: argocd',
    '  labels:',
    '    argocd.argoproj.io/secret-type: repo-creds',
    'stringData:',
    '  url: https://github.com/streamco',
  );
  rs.d(`  githubAppID: "${t.digits(6)}"`, 'github app id');
  rs.d(`  githubAppInstallationID: "${t.digits(8)}"`, 'installation id');
  rs.l('  githubAppPrivateKey: |');
  const rsa = t.rsaPem();
  rs.s(
    rsa.map((l) => `    ${l}`),
    'private-key',
    rsa.join('\n'),
  );
  rs.l(
    '---',
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: charts-oci',
    '  namespace: argocd',
    '  labels:',
    '    argocd.argoproj.io/secret-type: repository',
    'stringData:',
    '  type: helm',
    '  name: streamco-charts',
    `  url: us-docker.pkg.dev/${PROJECT}/charts`,
    '  enableOCI: "true"',
    '  username: _json_key_base64',
  );
  const hsa = v.serviceAccount(PROJECT, 'argocd-charts');
  rs.s(
    `  password: ${Buffer.from(JSON.stringify(hsa.obj)).toString('base64')}`,
    'gcp',
    hsa.pk.slice(1, -1).join('\\n'),
  );
  rs.l(
    '---',
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: legacy-infra-repo',
    '  namespace: argocd',
    '  labels:',
    '    argocd.argoproj.io/secret-type: repository',
    'stringData:',
    '  url: git@github.com:streamco/legacy-infra.git',
    '  sshPrivateKey: |',
  );
  const ssh = t.opensshPem();
  rs.s(
    ssh.map((l) => `    ${l}`),
    'private-key',
    ssh.join('\n'),
  );

  const as = repo.file('deploy/argocd/argocd-secret.yaml', 'argocd');
  const ssk = v.bytes(32).toString('base64');
  const whs = t.alnum(40);
  as.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: argocd-secret',
    '  namespace: argocd',
    'type: Opaque',
    'stringData:',
  );
  as.d(`  admin.password: $2a$10$${t.mixed(ALNUM + './', 53)}`, 'bcrypt hash');
  as.d('  admin.passwordMtime: "2025-11-04T09:12:44Z"', 'timestamp');
  as.s(`  server.secretkey: ${ssk}`, 'generic', ssk);
  as.s(`  webhook.github.secret: ${whs}`, 'generic', whs);
  as.d('  oidc.google.clientSecret: $oidc.google.clientSecret', 'argocd secret reference');

  const cm = repo.file('deploy/argocd/argocd-cm.yaml', 'argocd');
  cm.l(
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: argocd-cm',
    '  namespace: argocd',
    'data:',
    '  url: https://argocd.streamco.tv',
    '  dex.config: |',
    '    connectors:',
    '      - type: google',
    '        id: google',
    '        name: Google',
    '        config:',
  );
  cm.d(`          clientID: ${v.oauthClientId()}`, 'oauth client id');
  cm.d('          clientSecret: $dex.google.clientSecret', 'argocd secret reference');
  const gcs = v.gocspx();
  cm.l('      - type: oidc', '        id: google-legacy', '        config:');
  cm.s(`          clientSecret: ${gcs}`, 'google', gcs);
}

// ---- Tekton, Cloud Build, Azure Pipelines ------------------------------------------------

function pipelines(repo, t, v) {
  const tk = repo.file('deploy/tekton/tasks/notify-slack.yaml', 'ci');
  const hook = t.slackWebhook();
  tk.l(
    'apiVersion: tekton.dev/v1',
    'kind: Task',
    'metadata:',
    '  name: notify-slack',
    'spec:',
    '  params:',
    '    - name: message',
    '      type: string',
    '    - name: webhook-url',
    '      type: string',
  );
  tk.s(`      default: "${hook}"`, 'slack', hook);
  tk.l('  steps:', '    - name: post');
  tk.d(`      image: curlimages/curl:8.8.0@sha256:${t.sha256()}`, 'image digest');
  tk.l('      script: |');
  tk.d(
    `        curl -sf -X POST -H 'Content-type: application/json' --data '{"text":"$(params.message)"}' "$(params.webhook-url)"`,
    'tekton param',
  );

  const tb = repo.file('deploy/tekton/secrets/git-basic-auth.yaml', 'ci');
  const gh = t.github();
  tb.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: github-basic-auth',
    '  annotations:',
    '    tekton.dev/git-0: https://github.com',
    'type: kubernetes.io/basic-auth',
    'stringData:',
    '  username: streamco-tekton',
  );
  tb.s(`  password: ${gh}`, 'github', gh);

  const tp = repo.file('deploy/tekton/pipelines/build-transcoder.yaml', 'ci');
  const npm = t.npm();
  tp.l(
    'apiVersion: tekton.dev/v1',
    'kind: Pipeline',
    'metadata:',
    '  name: build-transcoder',
    'spec:',
    '  params:',
    '    - name: npm-token',
    '      type: string',
  );
  tp.s(`      default: ${npm}`, 'npm', npm);
  tp.l('    - name: image', '      type: string');
  tp.d(`      default: us-docker.pkg.dev/${PROJECT}/services/transcoder`, 'image name');
  tp.l(
    '  tasks:',
    '    - name: build',
    '      taskRef: { name: kaniko }',
    '      params:',
    '        - name: EXTRA_ARGS',
    '          value:',
  );
  tp.d('            - --build-arg=NPM_TOKEN=$(params.npm-token)', 'tekton param');

  const cb = repo.file('cloudbuild.yaml', 'ci');
  const ms = v.muxSecret();
  const hook2 = t.slackWebhook();
  const cft = t.cloudflare();
  cb.l(
    'steps:',
    '  - name: gcr.io/cloud-builders/docker',
    "    args: ['build', '-t', 'us-docker.pkg.dev/$PROJECT_ID/services/playback-gateway:$SHORT_SHA', 'services/playback-gateway']",
    '  - name: node:20',
    '    entrypoint: bash',
  );
  cb.d(
    "    args: ['-c', 'echo \"//registry.npmjs.org/:_authToken=$$NPM_TOKEN\" > .npmrc && npm ci']",
    'cloud build escaped env',
  );
  cb.d("    secretEnv: ['NPM_TOKEN']", 'secret env name');
  cb.l(
    '  - name: gcr.io/google.com/cloudsdktool/cloud-sdk',
    '    entrypoint: bash',
    '    args:',
    '      - -c',
    '      - |',
    '        gcloud run deploy playback-gateway --region=$_REGION \\',
    '          --image=us-docker.pkg.dev/$PROJECT_ID/services/playback-gateway:$SHORT_SHA \\',
  );
  cb.s(`          --set-env-vars=MUX_TOKEN_SECRET=${ms},LOG_LEVEL=info`, 'mux', ms);
  cb.l('  - name: curlimages/curl', '    args:');
  cb.d(
    "      ['-X', 'POST', '-H', 'Authorization: Bearer $_CF_API_TOKEN', 'https://api.cloudflare.com/client/v4/zones/$_CF_ZONE/purge_cache', '--data', '{\"purge_everything\":true}']",
    'substitution',
  );
  cb.l('substitutions:', '  _REGION: us-central1');
  cb.s(`  _SLACK_WEBHOOK: ${hook2}`, 'slack', hook2);
  cb.s(`  _CF_API_TOKEN: ${cft}`, 'cloudflare', cft);
  cb.d(`  _CF_ZONE: ${v.zone()}`, 'zone id');
  cb.l('availableSecrets:', '  secretManager:');
  cb.d('    - versionName: projects/$PROJECT_ID/secrets/npm-token/versions/latest', 'secret manager path');
  cb.l('      env: NPM_TOKEN', 'options:', '  machineType: E2_HIGHCPU_8');

  const ap = repo.file('azure-pipelines.yml', 'ci');
  const sk = t.azureStorageKey();
  const sas = v.sas('racwdl');
  const sas2 = v.sas('rw');
  const spSecret = t.azureClientSecret();
  ap.l('trigger:', '  branches:', '    include: [main]', 'pool:', '  vmImage: ubuntu-latest', 'variables:');
  ap.d('  - group: media-archive-prod', 'variable group');
  ap.l('  - name: STORAGE_ACCOUNT', '    value: streamcoarchive', '  - name: AZURE_STORAGE_KEY');
  ap.s(`    value: ${sk}`, 'azure', sk);
  ap.l('  - name: ARCHIVE_SAS');
  ap.s(`    value: "${sas}"`, 'azure', sas);
  ap.l('steps:', '  - task: AzureCLI@2', '    displayName: Upload mezzanine', '    inputs:');
  ap.d('      azureSubscription: streamco-archive-sc', 'service connection name');
  ap.l('      scriptType: bash', '      scriptLocation: inlineScript', '      inlineScript: |');
  ap.d(
    '        az storage blob upload-batch --account-name $(STORAGE_ACCOUNT) --account-key $(AZURE_STORAGE_KEY) -d mezzanine -s out/',
    'pipeline variables',
  );
  ap.s(
    `        azcopy copy "out/*" "https://streamcoarchive.blob.core.windows.net/mezzanine?${sas2}" --recursive`,
    'azure',
    sas2,
  );
  ap.l('  - script: |');
  ap.s(`      echo "##vso[task.setvariable variable=SP_SECRET;issecret=true]${spSecret}"`, 'azure', spSecret);
  ap.l(
    '    displayName: Export SP secret',
    '  - script: npm publish --access restricted',
    '    workingDirectory: packages/player-sdk',
    '    env:',
  );
  ap.d('      NPM_TOKEN: $(NPM_TOKEN)', 'pipeline variable');
}

// ---- Terraform for GCP (and the Azure/AWS bits) ------------------------------------------

function terraform(repo, t, v) {
  const p = repo.file('infra/terraform/gcp/providers.tf', 'terraform');
  p.l('provider "google" {', `  project     = "${PROJECT}"`, '  region      = "us-central1"');
  p.d('  credentials = file("${path.module}/keys/terraform-deployer.json")', 'file reference');
  p.l('}', '', 'provider "google-beta" {', `  project     = "${PROJECT}"`, '  credentials = <<-EOT');
  const sa = v.serviceAccount(PROJECT, 'tf-beta');
  const entries = Object.entries(sa.obj);
  p.l('    {');
  entries.forEach(([k, val], i) => {
    const line = `      ${JSON.stringify(k)}: ${JSON.stringify(val)}${i < entries.length - 1 ? ',' : ''}`;
    if (k === 'private_key') p.s(line, 'gcp', sa.pk.join('\n'));
    else if (k === 'private_key_id') p.d(line, 'key id');
    else p.l(line);
  });
  p.l('    }', '  EOT', '}', '', 'provider "cloudflare" {');
  const cf = t.cloudflare();
  p.s(`  api_token = "${cf}"`, 'cloudflare', cf);
  p.l('}', '', 'provider "fastly" {');
  const fk = v.fastly();
  p.s(`  api_key = "${fk}"`, 'fastly', fk);
  p.l('}', '', 'provider "azurerm" {', '  features {}');
  p.d(`  tenant_id       = "${t.uuid()}"`, 'tenant id');
  p.d(`  client_id       = "${t.uuid()}"`, 'app id');
  const azs = t.azureClientSecret();
  p.s(`  client_secret   = "${azs}"`, 'azure', azs);
  p.d(`  subscription_id = "${t.uuid()}"`, 'subscription id');
  p.l('}', '', 'provider "aws" {', '  alias  = "cdn_origin"', '  region = "us-east-1"');
  const ak = t.awsId();
  const as = t.awsSecret();
  p.s(`  access_key = "${ak}"`, 'aws', ak);
  p.s(`  secret_key = "${as}"`, 'aws', as);
  p.l('}');

  const kf = repo.file('infra/terraform/gcp/keys/terraform-deployer.json', 'terraform');
  writeSaFile(kf, v.serviceAccount(PROJECT, 'terraform-deployer'));

  const sql = repo.file('infra/terraform/gcp/cloudsql.tf', 'terraform');
  sql.l(
    'resource "google_sql_database_instance" "catalog" {',
    '  name             = "catalog-pg15"',
    '  database_version = "POSTGRES_15"',
    '  region           = "us-central1"',
  );
  const root = t.password();
  sql.s(`  root_password    = "${root}"`, 'generic', root);
  sql.l(
    '  settings {',
    '    tier = "db-custom-4-16384"',
    '  }',
    '}',
    '',
    'resource "google_sql_user" "catalog" {',
    '  name     = "catalog_app"',
    '  instance = google_sql_database_instance.catalog.name',
  );
  const up = t.password();
  sql.s(`  password = "${up}"`, 'generic', up);
  sql.l(
    '}',
    '',
    'resource "google_sql_user" "airflow" {',
    '  name     = "airflow"',
    '  instance = google_sql_database_instance.catalog.name',
  );
  sql.d('  password = random_password.airflow.result', 'resource reference');
  sql.l(
    '}',
    '',
    'resource "google_secret_manager_secret_version" "mux" {',
    '  secret      = google_secret_manager_secret.mux.id',
  );
  const ms = v.muxSecret();
  sql.s(`  secret_data = "${ms}"`, 'mux', ms);
  sql.l(
    '}',
    '',
    'resource "google_secret_manager_secret_version" "algolia" {',
    '  secret      = google_secret_manager_secret.algolia.id',
  );
  sql.d('  secret_data = var.algolia_admin_key', 'variable');
  sql.l(
    '}',
    '',
    'resource "google_service_account_key" "transcoder" {',
    '  service_account_id = google_service_account.transcoder.name',
    '}',
    '',
    'output "transcoder_key" {',
  );
  sql.d('  value     = google_service_account_key.transcoder.private_key', 'resource attribute');
  sql.l('  sensitive = true', '}');

  const gke = repo.file('infra/terraform/gcp/gke.tf', 'terraform');
  gke.l(
    'resource "google_container_cluster" "media" {',
    '  name     = "media-prod"',
    '  location = "us-central1"',
    '  master_auth {',
    '    client_certificate_config {',
    '      issue_client_certificate = false',
    '    }',
    '  }',
    '}',
    '',
    'resource "google_storage_bucket_object" "transcoder_ini" {',
    '  bucket  = "streamco-config"',
    '  name    = "transcoder/transcoder.ini"',
  );
  const hmacSecret = v.b64(40);
  gke.s(
    `  content = "[gcs_hmac]\\naccess_id = GOOG1E${t.mixed(UPPER + DIGIT, 55)}\\nsecret = ${hmacSecret}\\n"`,
    'gcp',
    hmacSecret,
  );
  gke.l('}', '', 'resource "google_compute_instance" "ingest" {', '  name = "rtmp-ingest-1"', '  metadata = {');
  gke.d(
    '    ssh-keys = "deploy:ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI' + t.mixed(B64, 43) + ' deploy@streamco"',
    'ssh public key',
  );
  gke.d(`    startup-script-sha = "${t.sha256()}"`, 'checksum');
  gke.l('  }', '}');

  const tv = repo.file('infra/terraform/gcp/terraform.tfvars', 'terraform');
  const alg = v.algolia();
  tv.l(`project_id = "${PROJECT}"`, 'region     = "us-central1"');
  tv.s(`algolia_admin_key = "${alg}"`, 'algolia', alg);
  tv.d(`cloudflare_zone_id = "${v.zone()}"`, 'zone id');
  const azs2 = t.azureStorageKey();
  tv.s(`archive_storage_key = "${azs2}"`, 'azure', azs2);

  const ex = repo.file('infra/terraform/gcp/terraform.tfvars.example', 'terraform');
  ex.d('algolia_admin_key   = "<algolia-admin-key>"', 'placeholder');
  ex.d('mailgun_api_key     = "key-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"', 'placeholder');
  ex.d('archive_storage_key = ""', 'empty');

  const vr = repo.file('infra/terraform/gcp/variables.tf', 'terraform');
  vr.l(
    'variable "algolia_admin_key" {',
    '  type      = string',
    '  sensitive = true',
    '}',
    '',
    'variable "braze_rest_api_key" {',
    '  type      = string',
    '  sensitive = true',
  );
  const brz = v.braze();
  vr.s(`  default   = "${brz}"`, 'braze', brz);
  vr.l('}', '', 'variable "db_tier" {', '  type    = string');
  vr.d('  default = "db-custom-4-16384"', 'plain');
  vr.l('}');
}

// ---- Docker and compose ------------------------------------------------------------------

function docker(repo, t, v) {
  const d = repo.file('services/transcoder/Dockerfile', 'docker');
  d.d(`FROM ubuntu:24.04@sha256:${t.sha256()} AS build`, 'image digest');
  d.l('ARG FFMPEG_VERSION=7.0.1');
  d.d(`ARG FFMPEG_SHA256=${t.sha256()}`, 'tarball checksum');
  d.d('RUN curl -fsSLO https://ffmpeg.org/releases/ffmpeg-${FFMPEG_VERSION}.tar.xz \\', 'variable');
  d.d(' && echo "${FFMPEG_SHA256}  ffmpeg-${FFMPEG_VERSION}.tar.xz" | sha256sum -c -', 'checksum check');
  const gh = t.github();
  d.s(`ARG GITHUB_TOKEN=${gh}`, 'github', gh);
  d.l('RUN git clone https://x-access-token:${GITHUB_TOKEN}@github.com/streamco/libsegmenter.git /src/libsegmenter');
  const ak = t.awsId();
  const as = t.awsSecret();
  d.s(`ENV AWS_ACCESS_KEY_ID=${ak}`, 'aws', ak);
  d.s(`ENV AWS_SECRET_ACCESS_KEY=${as}`, 'aws', as);
  d.d('ENV GOOGLE_APPLICATION_CREDENTIALS=/etc/transcoder/gcs-sa.json', 'file path');
  d.l('COPY --from=build /out/transcoder /usr/local/bin/', 'ENTRYPOINT ["/usr/local/bin/transcoder"]');

  const c = repo.file('docker-compose.yml', 'docker');
  c.l('services:', '  postgres:', '    image: postgres:16', '    environment:', '      POSTGRES_USER: streamco');
  const pg = t.password();
  c.s(`      POSTGRES_PASSWORD: "${pg}"`, 'generic', pg);
  c.l(
    '  azurite:',
    '    image: mcr.microsoft.com/azure-storage/azurite',
    '  transcoder:',
    '    build: services/transcoder',
    '    environment:',
  );
  c.d(
    '      AZURE_STORAGE_CONNECTION_STRING: "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://azurite:10000/devstoreaccount1;"',
    'azurite documented dev key',
  );
  c.d('      ARCHIVE_CONNECTION_STRING: UseDevelopmentStorage=true', 'dev storage shortcut');
  c.d('      MUX_TOKEN_SECRET: ${MUX_TOKEN_SECRET}', 'compose interpolation');
  c.d('      OPENAI_API_KEY: ${OPENAI_API_KEY:?set OPENAI_API_KEY}', 'compose interpolation');
  c.l('  search:', '    image: docker.elastic.co/elasticsearch/elasticsearch:8.15.0', '    environment:');
  const es = t.password();
  c.s(`      - ELASTIC_PASSWORD=${es}`, 'generic', es);
  c.l('  gcs:', '    image: fsouza/fake-gcs-server', '    command: -scheme http -public-host localhost:4443');

  const dc = repo.file('ops/ci/docker/config.json', 'docker');
  const gsa = v.serviceAccount(PROJECT, 'ci-pusher');
  const auth = Buffer.from(`_json_key:${JSON.stringify(gsa.obj)}`).toString('base64');
  dc.l('{', '  "auths": {', '    "us-docker.pkg.dev": {');
  dc.s(`      "auth": "${auth}"`, 'gcp', gsa.pk.slice(1, -1).join('\\n'));
  dc.l('    },', '    "streamco.azurecr.io": {');
  const acr = `${t.alnum(42)}+ACR${t.alnum(6)}`;
  dc.s(`      "auth": "${Buffer.from(`streamco-push:${acr}`).toString('base64')}"`, 'azure', acr);
  dc.l('    }', '  },');
  dc.d('  "credHelpers": { "gcr.io": "gcloud" }', 'credential helper');
  dc.l('}');
}

// ---- Jupyter notebook --------------------------------------------------------------------

function notebook(repo, t, v) {
  const f = repo.file('analytics/notebooks/audience_retention_s03.ipynb', 'notebook');
  const q = (s, last = false) => `    ${JSON.stringify(last ? s : s + '\n')}${last ? '' : ','}`;
  const o = (s, last = false) => `      ${JSON.stringify(last ? s : s + '\n')}${last ? '' : ','}`;
  const mp = v.mixpanel();
  const sa = v.serviceAccount(ANALYTICS, 'notebook-runner');
  const ya = v.ya29();
  const oa = t.openai();
  const mps = v.mixpanelSa();
  f.l(
    '{',
    ' "cells": [',
    '  {',
    '   "cell_type": "markdown",',
    `   "id": "${t.hex(8)}",`,
    '   "metadata": {},',
    '   "source": [',
  );
  f.l(q('# Audience retention, season 3'), q('Sessions from BigQuery, cohorts from Mixpanel.', true));
  f.l(
    '   ]',
    '  },',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 1,',
    `   "id": "${t.hex(8)}",`,
    '   "metadata": {},',
    '   "outputs": [],',
    '   "source": [',
  );
  f.l(q('import os'), q('from google.cloud import bigquery'), q('from google.oauth2 import service_account'), q(''));
  f.s(q(`os.environ["MIXPANEL_API_SECRET"] = "${mp}"`), 'mixpanel', mp);
  f.l(
    q('creds = service_account.Credentials.from_service_account_info({'),
    q('    "type": "service_account",'),
    q(`    "project_id": "${ANALYTICS}",`),
  );
  f.d(q(`    "private_key_id": "${sa.obj.private_key_id}",`), 'key id');
  f.s(q(`    "private_key": "${sa.pk.join('\\n')}\\n",`), 'gcp', sa.pk.join('\n'));
  f.l(
    q(`    "client_email": "${sa.obj.client_email}",`),
    q('    "token_uri": "https://oauth2.googleapis.com/token",'),
    q('})'),
  );
  f.l(q(`client = bigquery.Client(credentials=creds, project="${ANALYTICS}")`, true));
  f.l(
    '   ]',
    '  },',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 2,',
    `   "id": "${t.hex(8)}",`,
    '   "metadata": {},',
    '   "outputs": [',
    '    {',
    '     "name": "stdout",',
    '     "output_type": "stream",',
    '     "text": [',
  );
  f.s(o(ya, true), 'gcp', ya);
  f.l('     ]', '    }', '   ],', '   "source": [', q('!gcloud auth print-access-token', true), '   ]', '  },');
  f.l(
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 3,',
    `   "id": "${t.hex(8)}",`,
    '   "metadata": {},',
    '   "outputs": [',
    '    {',
    '     "data": {',
    '      "text/plain": [',
  );
  f.l(o('   user_hash                                                          sessions  minutes'));
  f.d(o(`0  ${t.sha256()}        14      612`), 'hashed user id');
  f.d(o(`1  ${t.sha256()}         9      301`, true), 'hashed user id');
  f.l(
    '      ]',
    '     },',
    '     "execution_count": 3,',
    '     "metadata": {},',
    '     "output_type": "execute_result"',
    '    }',
    '   ],',
    '   "source": [',
  );
  f.l(
    q('df = client.query("""'),
    q('SELECT TO_HEX(SHA256(user_id)) AS user_hash, COUNT(*) AS sessions, SUM(minutes) AS minutes'),
    q(`FROM \`${ANALYTICS}.audience.sessions\``),
    q('GROUP BY 1 ORDER BY 2 DESC LIMIT 2"""'),
    q(').to_dataframe()'),
    q('df', true),
  );
  f.l(
    '   ]',
    '  },',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 4,',
    `   "id": "${t.hex(8)}",`,
    '   "metadata": {},',
    '   "outputs": [',
    '    {',
    '     "ename": "HTTPError",',
    '     "evalue": "401 Client Error",',
    '     "output_type": "error",',
    '     "traceback": [',
  );
  f.s(
    o(
      `HTTPError: 401 Client Error: Unauthorized for url: https://data.mixpanel.com/api/2.0/export?from_date=2026-01-01&to_date=2026-01-31&api_secret=${mp}`,
      true,
    ),
    'mixpanel',
    mp,
  );
  f.l('     ]', '    }', '   ],', '   "source": [', q('import requests'));
  f.s(q(`MIXPANEL_SA = ("retention-nb.7c1d2e.mp-service-account", "${mps}")`), 'mixpanel', mps);
  f.d(
    q('r = requests.get(EXPORT_URL, params={"from_date": "2026-01-01", "to_date": "2026-01-31"}, auth=MIXPANEL_SA)'),
    'variable use',
  );
  f.l(q('r.raise_for_status()', true), '   ]', '  },');
  f.l(
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 5,',
    `   "id": "${t.hex(8)}",`,
    '   "metadata": {},',
    '   "outputs": [',
    '    {',
    '     "data": {',
  );
  f.d(`      "image/png": "${t.pngBase64()}",`, 'png output');
  f.l(
    '      "text/plain": [',
    o('<Figure size 1200x600 with 1 Axes>', true),
    '      ]',
    '     },',
    '     "metadata": {},',
    '     "output_type": "display_data"',
    '    }',
    '   ],',
    '   "source": [',
  );
  f.s(q(`%env OPENAI_API_KEY=${oa}`), 'openai', oa);
  f.l(
    q('ax = df.plot.bar(x="user_hash", y="minutes")', true),
    '   ]',
    '  }',
    ' ],',
    ' "metadata": {',
    '  "kernelspec": {',
    '   "display_name": "Python 3 (ipykernel)",',
    '   "language": "python",',
    '   "name": "python3"',
    '  },',
  );
  f.d(`  "colab": { "provenance": [], "id": "1${t.mixed(URLSAFE, 32)}" }`, 'colab file id');
  f.l(' },', ' "nbformat": 4,', ' "nbformat_minor": 5', '}');
}

// ---- packaging: DRM, manifests, CDN ------------------------------------------------------

function packaging(repo, t, v) {
  const sh = repo.file('packaging/shaka/package-ep104.sh', 'packaging');
  const key = t.hex(32);
  sh.l(
    '#!/usr/bin/env bash',
    'set -euo pipefail',
    'packager \\',
    '  in=ep104_1080p.mp4,stream=video,output=video_1080p.mp4 \\',
    '  in=ep104_1080p.mp4,stream=audio,output=audio_en.mp4 \\',
    '  --enable_raw_key_encryption \\',
  );
  sh.s(`  --keys label=:key_id=${t.hex(32)}:key=${key} \\`, 'generic', key);
  sh.l('  --protection_systems Widevine,PlayReady \\', '  --mpd_output ep104.mpd');

  const wv = repo.file('packaging/shaka/package-widevine-uat.sh', 'packaging');
  wv.l(
    '#!/usr/bin/env bash',
    '# Widevine UAT, using the public widevine_test signer from the Shaka Packager docs.',
    'packager \\',
    '  in=trailer.mp4,stream=video,output=trailer_video.mp4 \\',
    '  --enable_widevine_encryption \\',
  );
  wv.d('  --key_server_url https://license.uat.widevine.com/cenc/getcontentkey/widevine_test \\', 'public test url');
  wv.d(`  --content_id ${Buffer.from('ep104-trailer').toString('hex')} \\`, 'content id');
  wv.l('  --signer widevine_test \\');
  wv.d(
    '  --aes_signing_key 1ae8ccd0e7985cc0b6203a55855a1034afc252980e970ca90e5202689f947ab9 \\',
    'documented widevine_test key',
  );
  wv.d('  --aes_signing_iv d58ce954203b7c9a9a9d467f59839249', 'documented widevine_test iv');

  const ck = repo.file('ops/drm/clearkey-ep104.json', 'packaging');
  const k = v.bytes(16).toString('base64url');
  ck.l('{', '  "keys": [', '    {', '      "kty": "oct",');
  ck.d(`      "kid": "${v.bytes(16).toString('base64url')}",`, 'clearkey key id');
  ck.s(`      "k": "${k}"`, 'generic', k);
  ck.l('    }', '  ],', '  "type": "temporary"', '}');

  const mpd = repo.file('packaging/manifests/ep104/manifest.mpd', 'packaging');
  const kid = t.uuid();
  const kidHex = kid.replace(/-/g, '');
  const data = Buffer.concat([
    Buffer.from('1210', 'hex'),
    Buffer.from(kidHex, 'hex'),
    Buffer.from('48e3dc959b06', 'hex'),
  ]);
  const box = Buffer.concat([
    Buffer.from([0, 0, 0, 32 + data.length]),
    Buffer.from('pssh'),
    Buffer.from([0, 0, 0, 0]),
    Buffer.from('edef8ba979d64acea3c827dcd51d21ed', 'hex'),
    Buffer.from([0, 0, 0, data.length]),
    data,
  ]);
  mpd.l(
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<MPD xmlns="urn:mpeg:dash:schema:mpd:2011" xmlns:cenc="urn:mpeg:cenc:2013" type="static">',
    '  <Period>',
    '    <AdaptationSet contentType="video">',
  );
  mpd.d(
    `      <ContentProtection schemeIdUri="urn:mpeg:dash:mp4protection:2011" value="cenc" cenc:default_KID="${kid}"/>`,
    'drm key id',
  );
  mpd.l('      <ContentProtection schemeIdUri="urn:uuid:edef8ba9-79d6-4ace-a3c8-27dcd51d21ed">');
  mpd.d(`        <cenc:pssh>${box.toString('base64')}</cenc:pssh>`, 'pssh box (public)');
  mpd.l(
    '      </ContentProtection>',
    '      <Representation id="1080p" bandwidth="6000000" width="1920" height="1080">',
  );
  mpd.d(`        <BaseURL>video_1080p_${t.hex(8)}.mp4</BaseURL>`, 'content-hashed name');
  mpd.l('      </Representation>', '    </AdaptationSet>', '  </Period>', '</MPD>');

  const m3 = repo.file('packaging/manifests/ep104/master.m3u8', 'packaging');
  m3.l('#EXTM3U', '#EXT-X-VERSION:6');
  m3.d(
    `#EXT-X-SESSION-KEY:METHOD=SAMPLE-AES,URI="skd://${t.uuid()}",KEYFORMAT="com.apple.streamingkeydelivery",KEYFORMATVERSIONS="1"`,
    'fairplay key uri',
  );
  m3.l('#EXT-X-STREAM-INF:BANDWIDTH=6000000,RESOLUTION=1920x1080,CODECS="avc1.640028,mp4a.40.2"');
  m3.d(
    `https://cdn.streamco.tv/vod/ep104/1080p/index.m3u8?hdnts=exp=1700000000~acl=/vod/ep104/*~hmac=${t.hex(64)}`,
    'expired akamai token-auth url (signature, not key)',
  );
  m3.l('#EXT-X-STREAM-INF:BANDWIDTH=3000000,RESOLUTION=1280x720,CODECS="avc1.64001f,mp4a.40.2"');
  m3.d(
    `https://d${t.lower(13)}.cloudfront.net/vod/ep104/720p/index.m3u8?Expires=1700000000&Signature=${t.mixed(ALNUM + '-~', 172)}&Key-Pair-Id=K${t.mixed(UPPER + DIGIT, 13)}`,
    'expired cloudfront signed url',
  );

  const seg = repo.file('packaging/manifests/ep104/1080p/index.m3u8', 'packaging');
  seg.l('#EXTM3U', '#EXT-X-VERSION:6', '#EXT-X-TARGETDURATION:6', '#EXT-X-PLAYLIST-TYPE:VOD');
  seg.d(
    `#EXT-X-KEY:METHOD=AES-128,URI="https://keys.streamco.tv/v1/keys/${t.hex(32)}",IV=0x${t.hex(32)}`,
    'key uri and public iv',
  );
  for (let i = 1; i <= 3; i++) {
    seg.l('#EXTINF:6.006,');
    seg.d(`seg_${String(i).padStart(5, '0')}_${t.hex(8)}.ts`, 'content-hashed segment');
  }
  seg.l('#EXT-X-ENDLIST');

  const er = repo.file('ops/akamai/.edgerc', 'packaging');
  const cs = v.akamaiSecret();
  const at = v.akamaiTok();
  const ct = v.akamaiTok();
  er.l('[default]');
  er.s(`client_secret = ${cs}`, 'akamai', cs);
  er.d(`host = akab-${t.lower(16)}-${t.lower(16)}.luna.akamaiapis.net`, 'edgegrid host');
  er.s(`access_token = ${at}`, 'akamai', at);
  er.s(`client_token = ${ct}`, 'akamai', ct);
  er.l('', '[ccu]');
  er.d('client_secret = xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx=', 'placeholder');
  er.d('host = akab-xxxxxxxxxxxxxxxx-xxxxxxxxxxxxxxxx.luna.akamaiapis.net', 'placeholder');

  const cfk = repo.file('ops/cloudflare/stream-signing-key.json', 'packaging');
  const streamPem = t.rsaPem().join('\n');
  const jwkD = v.bytes(256).toString('base64url');
  cfk.l('{', '  "result": {');
  cfk.d(`    "id": "${t.hex(32)}",`, 'signing key id');
  cfk.s(`    "pem": "${Buffer.from(streamPem).toString('base64')}",`, 'private-key', streamPem);
  cfk.s(
    `    "jwk": "${Buffer.from(JSON.stringify({ kty: 'RSA', alg: 'RS256', kid: 'k1', d: jwkD, e: 'AQAB' })).toString('base64')}",`,
    'private-key',
    jwkD,
  );
  cfk.d(`    "created": "2025-10-02T14:11:05.000Z"`, 'timestamp');
  cfk.l('  },', '  "success": true,', '  "errors": [],', '  "messages": []', '}');

  const sk = repo.file('ops/streaming/obs-profiles/ch4-live/service.json', 'packaging');
  const muxKey = t.uuid();
  sk.l('{', '  "settings": {', '    "server": "rtmps://global-live.mux.com:443/app",');
  sk.s(`    "key": "${muxKey}",`, 'mux', muxKey);
  sk.l('    "use_auth": false', '  },', '  "type": "rtmp_custom"', '}');
}

// ---- logs --------------------------------------------------------------------------------

function logs(repo, t, v) {
  const ff = repo.file('logs/transcoder/ffmpeg-job-8841.log', 'logs');
  const ipw = v.plain();
  const streamKey = t.uuid();
  const twitch = v.twitch();
  const ptr = () => `0x${t.pick(HEX, 12)}`;
  ff.l(
    'ffmpeg version 7.0.1 Copyright (c) 2000-2024 the FFmpeg developers',
    '  built with gcc 13 (Ubuntu 13.2.0-23ubuntu4)',
    '  configuration: --prefix=/usr/local --enable-gpl --enable-libx264 --enable-libfdk-aac --enable-nonfree --enable-openssl',
  );
  ff.s(`Input #0, hls, from 'https://ingest:${ipw}@origin-shield.streamco.tv/live/ch4/index.m3u8':`, 'generic', ipw);
  ff.l(
    '  Duration: N/A, start: 1.400000, bitrate: N/A',
    '  Stream #0:0: Video: h264 (High), yuv420p(tv, bt709, progressive), 1920x1080, 29.97 fps',
  );
  ff.d(`[libx264 @ ${ptr()}] using cpu capabilities: MMX2 SSE2Fast SSSE3 SSE4.2 AVX FMA3 BMI2 AVX2`, 'pointer address');
  ff.s(`Output #0, flv, to 'rtmps://global-live.mux.com:443/app/${streamKey}':`, 'mux', streamKey);
  ff.s(`Output #1, flv, to 'rtmp://live.twitch.tv/app/${twitch}':`, 'twitch', twitch);
  ff.d(
    `[hls @ ${ptr()}] Opening 'https://origin-shield.streamco.tv/live/ch4/seg_${t.hex(8)}_01932.ts' for reading`,
    'segment url with content hash',
  );
  ff.l('frame= 1800 fps= 30 q=23.0 size=   24576kB time=00:01:00.06 bitrate=3351.8kbits/s speed=1.00x');
  ff.d(`MD5=${t.hex(32)}`, 'md5 muxer output');
  ff.d('[tls @ 0x55d5c2a4e0c0] Error in the pull function.', 'error');

  const tr = repo.file('logs/transcoder/transcoder-2026-03-02.log', 'logs');
  const sas = v.sas('cw');
  const ck = t.hex(32);
  const bauth = Buffer.from(`${t.uuid()}:${v.muxSecret()}`).toString('base64');
  const bsec = Buffer.from(bauth, 'base64').toString().split(':')[1];
  tr.l('I0302 10:11:12.000123  4411 main.cpp:58] transcoder starting, workers=8');
  tr.s(
    `I0302 10:11:14.310001  4413 uploader.cpp:142] PUT https://streamcoarchive.blob.core.windows.net/mezzanine/ep104.mp4?${sas} -> 201`,
    'azure',
    sas,
  );
  tr.d(`I0302 10:11:15.000444  4413 drm.cpp:77] requesting key key_id=${t.hex(32)}`, 'drm key id');
  tr.s(`W0302 10:11:15.000501  4413 drm.cpp:81] fallback raw key in use: key=${ck}`, 'generic', ck);
  tr.s(
    `I0302 10:11:16.220000  4414 mux.cpp:33] POST https://api.mux.com/video/v1/assets Authorization: Basic ${bauth}`,
    'mux',
    bsec,
  );
  tr.d(
    `I0302 10:11:17.000000  4414 cdn.cpp:90] purge ok surrogate-key=ep104 Fastly-Debug-Digest: ${t.sha256()}`,
    'cdn debug digest',
  );
  tr.d(`I0302 10:11:17.500000  4414 cdn.cpp:95] cf-ray: ${t.hex(16)}-ORD cf-cache-status: MISS`, 'cloudflare ray id');
  tr.d(
    `I0302 10:11:18.000000  4414 cdn.cpp:99] ETag: "${t.hex(32)}" x-amz-version-id: ${t.mixed(ALNUM, 32)}`,
    'etag and version id',
  );

  const cl = repo.file('logs/cloud-logging/playback-gateway-2026-03-01.json', 'logs');
  const entry = (obj) => JSON.stringify(obj);
  const base = () => ({
    insertId: t.lower(14),
    resource: {
      type: 'cloud_run_revision',
      labels: { service_name: 'playback-gateway', project_id: PROJECT, location: 'us-central1' },
    },
    timestamp: '2026-03-01T18:22:04.118290Z',
    severity: 'INFO',
    logName: `projects/${PROJECT}/logs/run.googleapis.com%2Fstdout`,
    trace: `projects/${PROJECT}/traces/${t.hex(32)}`,
    spanId: t.pick(HEX, 16),
  });
  cl.d(entry({ ...base(), jsonPayload: { msg: 'request served', status: 200, latency_ms: 12 } }), 'trace ids');
  const oa = t.openai();
  cl.s(
    entry({
      ...base(),
      severity: 'DEBUG',
      jsonPayload: {
        msg: 'upstream request',
        url: 'https://api.openai.com/v1/chat/completions',
        headers: { Authorization: `Bearer ${oa}` },
      },
    }),
    'openai',
    oa,
  );
  const alg = v.algolia();
  const appId = v.algoliaApp();
  cl.s(
    entry({
      ...base(),
      httpRequest: {
        requestMethod: 'GET',
        requestUrl: `https://${appId.toLowerCase()}-dsn.algolia.net/1/indexes/prod_shows?query=mandalor&x-algolia-api-key=${alg}&x-algolia-application-id=${appId}`,
        status: 200,
      },
    }),
    'algolia',
    alg,
  );
  const rpw = t.password();
  cl.s(
    entry({
      ...base(),
      textPayload: `config loaded: {Redis:{Addr:10.0.0.3:6379 Password:${rpw} DB:2} Cloudflare:{AccountID:${v.zone()}}}`,
    }),
    'generic',
    rpw,
  );
  cl.d(
    entry({
      ...base(),
      protoPayload: {
        '@type': 'type.googleapis.com/google.cloud.audit.AuditLog',
        methodName: 'google.iam.admin.v1.CreateServiceAccountKey',
        authenticationInfo: { principalEmail: 'ops@streamco.tv' },
        resourceName: `projects/-/serviceAccounts/${t.digits(21)}`,
      },
    }),
    'audit log entry',
  );
  const xb = t.slackBot();
  cl.s(
    entry({
      ...base(),
      severity: 'ERROR',
      jsonPayload: { msg: 'slack post failed', error: `invalid_auth token=${xb}` },
    }),
    'slack',
    xb,
  );

  const cb = repo.file('logs/ci/cloudbuild-7f3a91c2.log', 'logs');
  const cft = t.cloudflare();
  const npm = t.npm();
  cb.l('starting build "7f3a91c2-55e0-4b7c-9a51-0d2f3c8e1b44"', '', 'FETCHSOURCE');
  cb.d(`HEAD is now at ${t.sha1().slice(0, 7)} transcoder: bump ffmpeg to 7.0.1`, 'short sha');
  cb.d('Step #1 - "install": //registry.npmjs.org/:_authToken = (protected)', 'npm masked');
  cb.s(
    `Step #1 - "install": npm http fetch GET 200 https://registry.npmjs.org/@streamco%2fplayer-sdk 212ms (authorization: Bearer ${npm})`,
    'npm',
    npm,
  );
  cb.s(
    `Step #3 - "purge": + curl -sf -X POST -H 'Authorization: Bearer ${cft}' https://api.cloudflare.com/client/v4/zones/${v.zone()}/purge_cache`,
    'cloudflare',
    cft,
  );
  cb.d('Step #4 - "push": + docker login -u _json_key --password-stdin https://us-docker.pkg.dev', 'password-stdin');
  cb.d(`Step #4 - "push": latest: digest: sha256:${t.sha256()} size: 2417`, 'image digest');
  cb.l('DONE');

  const az = repo.file('logs/ci/azure-pipelines-run-4411.log', 'logs');
  const sas2 = v.sas('rl');
  az.l('2026-03-02T10:11:12.1234567Z ##[section]Starting: Upload mezzanine');
  az.d(
    '2026-03-02T10:11:13.0001234Z az storage blob upload-batch --account-name streamcoarchive --account-key *** -d mezzanine -s out/',
    'masked',
  );
  az.s(
    `2026-03-02T10:11:14.5550000Z INFO: Scanning... https://streamcoarchive.blob.core.windows.net/mezzanine?${sas2}`,
    'azure',
    sas2,
  );
  az.d("2026-03-02T10:11:15.0000000Z ##[debug]Evaluating: eq(variables['ARCHIVE_SAS'], '')", 'expression');
  az.l('2026-03-02T10:11:20.0000000Z ##[section]Finishing: Upload mezzanine');
}

// ---- docs and ops scripts ----------------------------------------------------------------

function docs(repo, t, v) {
  const o = repo.file('docs/onboarding.md', 'docs');
  o.l('# Local setup', '', 'Copy `.env.example` to `.env.local` and fill in:', '', '```sh');
  o.d('export MUX_TOKEN_SECRET=<your-mux-secret>', 'placeholder');
  o.d('export ALGOLIA_ADMIN_KEY=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'placeholder');
  o.d('export FASTLY_API_TOKEN=$(gcloud secrets versions access latest --secret=fastly-token)', 'command substitution');
  o.l('```', '', 'Staging Mux credentials until SSO lands (ask #video-platform to rotate):', '');
  const ms = v.muxSecret();
  o.d(`- token id: \`${t.uuid()}\``, 'mux token id');
  o.s(`- token secret: \`${ms}\``, 'mux', ms);
  o.l('');
  o.d('The Firebase `apiKey` in `src/lib/firebase.ts` is public by design; restrict it in the console.', 'prose');

  const rb = repo.file('docs/runbooks/cdn-purge.md', 'docs');
  const cfg = v.cfGlobal();
  rb.l('# Purging the CDNs', '', '## Fastly', '```sh');
  rb.d(
    'curl -X POST -H "Fastly-Key: $FASTLY_API_TOKEN" https://api.fastly.com/service/$SERVICE_ID/purge_all',
    'env var',
  );
  rb.l('```', '', '## Cloudflare (legacy global key, being retired)', '```sh');
  rb.s(
    `curl -X POST -H "X-Auth-Email: ops@streamco.tv" -H "X-Auth-Key: ${cfg}" https://api.cloudflare.com/client/v4/zones/$ZONE/purge_cache --data '{"purge_everything":true}'`,
    'cloudflare',
    cfg,
  );
  rb.l('```', '', '## Akamai', '```sh');
  rb.d(
    'http --auth-type edgegrid -a default: POST :/ccu/v3/invalidate/url/production objects:=\'["https://cdn.streamco.tv/vod/ep104/"]\'',
    'edgegrid cli',
  );
  rb.l('```');

  const sh = repo.file('ops/scripts/rotate-mux.sh', 'docs');
  const tid = t.uuid();
  const ms2 = v.muxSecret();
  const xp = v.slackUser();
  sh.l('#!/usr/bin/env bash', 'set -euo pipefail');
  sh.d('curl -su "${MUX_TOKEN_ID}:${MUX_TOKEN_SECRET}" https://api.mux.com/system/v1/signing-keys', 'env vars');
  sh.s(`curl -su "${tid}:${ms2}" -X POST https://api.mux.com/system/v1/signing-keys`, 'mux', ms2);
  sh.s(
    `curl -s -H "Authorization: Bearer ${xp}" -d channel=C04VIDEOPLAT -d text="mux keys rotated" https://slack.com/api/chat.postMessage`,
    'slack',
    xp,
  );
  sh.d(`echo "new key id: ${t.alnum(46)}"`, 'mux signing key id');

  const sk = repo.file('ops/scripts/mux-signing-key.env', 'docs');
  const kp = t.rsaPem().join('\n');
  sk.d(`MUX_SIGNING_KEY_ID=${t.alnum(46)}`, 'mux signing key id (public kid)');
  sk.s(`MUX_SIGNING_KEY_PRIVATE=${Buffer.from(kp).toString('base64')}`, 'private-key', kp);
  sk.d(`MUX_PLAYBACK_ID=${v.playbackId()}`, 'mux playback id (public)');

  const ci = repo.file('ops/ci/publish-player-sdk.sh', 'docs');
  const npm = t.npm();
  const gho = t.github('ghs_');
  ci.l('#!/usr/bin/env bash', 'set -euo pipefail', 'cd packages/player-sdk');
  ci.s(`echo "//registry.npmjs.org/:_authToken=${npm}" > ~/.npmrc`, 'npm', npm);
  ci.s(
    `git push https://x-access-token:${gho}@github.com/streamco/player-sdk.git HEAD:refs/tags/v$(jq -r .version package.json)`,
    'github',
    gho,
  );
  ci.d('git push https://x-access-token:${GITHUB_TOKEN}@github.com/streamco/player-sdk.git --tags', 'env var');

  const fx = repo.file('services/audience-api/tests/fixtures/vendors.json', 'docs');
  fx.l('{');
  fx.d('  "mux_token_secret": "mux-secret-for-unit-tests-only",', 'obviously fake');
  fx.d('  "algolia_admin_key": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",', 'repeated char');
  fx.d('  "openai_api_key": "sk-proj-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",', 'placeholder');
  fx.d('  "braze_rest_api_key": "00000000-0000-0000-0000-000000000000"', 'zero uuid');
  fx.l('}');
}
