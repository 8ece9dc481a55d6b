// Red-team suite "longtail": many small files in the long tail of languages and config dialects,
// one or two credentials each, the way labelled secret-detection sample corpora look (Kotlin,
// Swift, Objective-C, Scala, Groovy, Clojure, Elixir/Erlang, Haskell, Lua, Perl, R, Julia, Dart,
// F#, VB.NET, OCaml, Zig, Nim, Crystal, Solidity tooling, MATLAB, Fortran namelists, Nomad, Nix,
// Puppet, Chef, Salt, Bicep/ARM, CloudFormation, Pulumi, Ansible, TOML, INI, properties, XML,
// plist, CSV, markdown, mail and logs). Vendor tokens follow the vendors' published shapes; every
// value comes from the seeded PRNG at run time. Decoys are what the same files really hold.
import { ALNUM, B64, DIGIT, HEX, LOWER, UPPER, URLSAFE, Repo, makeTokens, mulberry32 } from './generate.mjs';
import { crc32Base62Suffix } from '../../dist/providers/formats/checksums.js';

function more(rand, t) {
  const one = (list) => list[Math.floor(rand() * list.length)];
  const crc = (prefix, n) => {
    const body = t.alnum(n);
    return `${prefix}${body}${crc32Base62Suffix(body)}`;
  };
  const human = () =>
    one([
      () => `${one(['Acme', 'Globex', 'Initech', 'Hooli'])}@${one(['2023', '2024', '2025'])}!`,
      () => `${one(['Summer', 'Winter', 'Autumn'])}${one(['2024', '2025'])}${one(['!', '#', '$'])}`,
      () => `${one(['Welcome', 'Dragon', 'Sunshine'])}${t.digits(3)}${one(['!', '@'])}`,
      () => `${one(['P@ssw0rd', 'Adm1n', 'R00tpass'])}${one(['_', '-'])}${t.digits(4)}`,
      () =>
        `${one(['blue', 'amber', 'silver'])}-${one(['horse', 'river', 'piano'])}-${one(['staple', 'meadow'])}-${t.digits(2)}`,
    ])();
  const gen = () => t.mixed(ALNUM, 18 + Math.floor(rand() * 10));
  const pw = () => (rand() < 0.4 ? human() : rand() < 0.5 ? t.password() : gen());
  const words =
    'abandon ability absorb abstract acid acoustic adapt admit adult advance aerobic afford agent album alcohol alert alley alpha amateur amazing anchor ancient anger animal ankle announce antenna antique anxiety apart arctic arena armed arrow artefact artist aspect asthma atom auction august autumn avocado awake axis bacon badge balance bamboo banana barely barrel basket battle beach beauty because become beef before begin behave below bench benefit betray beyond bicycle bird bitter blanket blast bleak bless blind blossom blouse board boat body bonus border borrow boss bottom bounce bracket brain brand brass brave bread breeze brick bridge brief bright bring brisk broccoli bronze brother bubble buddy budget buffalo build bullet bundle bunker burden burst butter buyer cabbage cabin cable cactus cage camera canal candy canoe canvas canyon capable capital captain carbon cargo carpet carry cart castle casual catalog catch category cattle caught cause caution cave ceiling celery cement census cereal certain chair chalk champion change chaos chapter charge chase cheap check cheese chef cherry chest chicken chief child chimney choice chronic chuckle chunk cigar cinnamon circle citizen civil claim clap clarify claw clay clean clerk clever click client cliff climb clinic clip clock clog close cloth cloud clown club clump cluster clutch coach coast coconut code coffee coil coin collect color column combine comfort comic common company concert conduct confirm congress connect consider control convince cook cool copper copy coral core corn correct cost cotton couch country couple course cousin cover coyote crack cradle craft cram crane crash crater crawl crazy cream credit creek crew cricket crime crisp critic crop cross crouch crowd crucial cruel cruise crumble crunch crush crystal cube culture cupboard curious current curtain curve cushion custom cute cycle'.split(
      ' ',
    );
  return {
    one,
    human,
    gen,
    pw,
    mnemonic: (n = 12) => Array.from({ length: n }, () => one(words)).join(' '),
    ghFine: () => `github_pat_${t.mixed(ALNUM, 22)}_${t.mixed(ALNUM, 59)}`,
    gho: () => crc('gho_', 30),
    slackUser: () => `xoxp-${t.digits(11)}-${t.digits(12)}-${t.digits(13)}-${t.hex(32)}`,
    stripeRestricted: () => `rk_live_51${t.mixed(ALNUM, 97)}`,
    stripeWebhook: () => `whsec_${t.mixed(ALNUM, 32)}`,
    twilioApiKey: () => `SK${t.hex(32)}`,
    shopify: (p = 'shpat_') => `${p}${t.hex(32)}`,
    discordBot: () =>
      `${Buffer.from(t.digits(18)).toString('base64').replace(/=+$/, '')}.${t.mixed(URLSAFE, 6)}.${t.mixed(URLSAFE, 38)}`,
    discordWebhook: () => `https://discord.com/api/webhooks/${t.digits(19)}/${t.mixed(URLSAFE, 68)}`,
    telegram: () => `${t.digits(10)}:AA${t.mixed(URLSAFE, 33)}`,
    mailchimp: () => `${t.hex(32)}-us${one(['6', '12', '19', '21'])}`,
    squareProd: () => `EAAA${t.mixed(URLSAFE, 60)}`,
    squareSecret: () => `sq0csp-${t.mixed(URLSAFE, 43)}`,
    hf: () => `hf_${t.pick(UPPER + LOWER, 34)}`,
    linear: () => `lin_api_${t.mixed(ALNUM, 40)}`,
    postman: () => `PMAK-${t.hex(24)}-${t.hex(34)}`,
    sentryUser: () => `sntryu_${t.hex(64)}`,
    newrelicUser: () => `NRAK-${t.pick(UPPER + DIGIT, 27)}`,
    newrelicLicense: () => `${t.hex(36)}NRAL`,
    doppler: () => `dp.pt.${t.mixed(ALNUM, 43)}`,
    dopplerService: () => `dp.st.prd.${t.mixed(ALNUM, 43)}`,
    databricks: () => `dapi${t.hex(32)}`,
    pulumi: () => `pul-${t.hex(40)}`,
    dynatrace: () => `dt0c01.${t.mixed(UPPER + DIGIT, 24)}.${t.mixed(UPPER + DIGIT, 64)}`,
    notion: () => `ntn_${t.digits(11)}${t.mixed(ALNUM, 35)}`,
    atlassian: () => `ATATT3xFfGF0${t.mixed(URLSAFE, 170)}=${t.pick('0123456789ABCDEF', 8)}`,
    okta: () => `00${t.mixed(URLSAFE, 40)}`,
    netlify: () => `nfp_${t.mixed(ALNUM, 36)}`,
    cratesio: () => `cio${t.mixed(ALNUM, 32)}`,
    ethKey: () => `0x${t.hex(64)}`,
    infura: () => t.hex(32),
    alchemy: () => t.mixed(URLSAFE, 32),
    etherscan: () => t.mixed(UPPER + DIGIT, 34),
    mapboxSecret: () =>
      `sk.${Buffer.from(JSON.stringify({ u: 'acme-maps', a: t.lower(25) })).toString('base64url')}.${t.mixed(URLSAFE, 22)}`,
    b64: (n) => t.mixed(B64, n),
    lowerHex: (n) => t.pick(HEX, n),
  };
}

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed ^ 0x5a3b1e);
  const t = makeTokens(rand);
  const x = more(rand, t);
  const repo = new Repo();
  mobile(repo, t, x);
  jvm(repo, t, x);
  beam(repo, t, x);
  functional(repo, t, x);
  scripting(repo, t, x);
  science(repo, t, x);
  dotnet(repo, t, x);
  systems(repo, t, x);
  web3(repo, t, x);
  infra(repo, t, x);
  configMgmt(repo, t, x);
  cloudTemplates(repo, t, x);
  dialects(repo, t, x);
  documents(repo, t, x);
  return repo;
}

// ---- Kotlin, Swift, Objective-C, Dart --------------------------------------------------------

function mobile(repo, t, x) {
  const _stripe = t.stripeLive();
  const dbPw = x.pw();
  repo
    .file('android/app/src/main/java/com/acme/shop/net/ApiConfig.kt', 'kotlin')
    .l('package com.acme.shop.net', '', 'import com.acme.shop.BuildConfig', '', 'object ApiConfig {')
    .l('    const val BASE_URL = "https://api.acme-shop.com/v2/"')
    .d('    const val API_VERSION = "2024-06-20"', 'API version date')
    .d('    val mapsKey: String = BuildConfig.MAPS_API_KEY', 'BuildConfig reference')
    .l('}', '', 'internal object LocalCache {')
    .s(`    private const val SQLCIPHER_PASSPHRASE = "${dbPw}"`, 'generic', dbPw)
    .l('    private const val CACHE_NAME = "acme_cache.db"')
    .l('}');

  const _sentry = x.sentryUser();

  const twilioSid = t.twilioSid();
  const twilioTok = t.twilioToken();
  repo
    .file('ios/AcmeShop/Config/Secrets.swift', 'swift')
    .l('import Foundation', '', 'enum Secrets {')
    .l(`    static let twilioAccountSID = "${twilioSid}"`)
    .s(`    static let twilioAuthToken = "${twilioTok}"`, 'twilio', twilioTok)
    .d('    static let segmentKey = ProcessInfo.processInfo.environment["SEGMENT_WRITE_KEY"] ?? ""', 'env lookup')
    .l('    static let appGroup = "group.com.acme.shop"')
    .l('}');

  const ghPw = x.gen();
  repo
    .file('ios/AcmeShop/Networking/Keychain+Seed.swift', 'swift')
    .l('import Security', '', 'extension KeychainStore {', '    func seedDebugAccount() {')
    .l('        #if DEBUG')
    .d('        let password = "<#password#>"', 'Xcode placeholder')
    .l('        #else')
    .s(
      `        let item = KeychainItem(service: "api.acme-shop.com", account: "ios-sync", password: "${ghPw}")`,
      'generic',
      ghPw,
    )
    .l('        #endif', '        save(item)', '    }', '}');

  const sg = t.sendgrid();
  const objcPw = x.human();
  repo
    .file('ios/Legacy/ACMMailer.m', 'objective-c')
    .l('#import "ACMMailer.h"', '#import <AFNetworking/AFNetworking.h>', '')
    .s(`static NSString * const kSendGridAPIKey = @"${sg}";`, 'sendgrid', sg)
    .d('static NSString * const kMixpanelToken = @"<#Your Mixpanel Token#>";', 'Xcode placeholder')
    .l('', '@implementation ACMMailer', '', '- (NSURLCredential *)ftpCredential {')
    .s(
      `    return [NSURLCredential credentialWithUser:@"reports" password:@"${objcPw}" persistence:NSURLCredentialPersistenceForSession];`,
      'generic',
      objcPw,
    )
    .l('}', '')
    .l('NSString *const ACMErrorDomain = @"com.acme.mailer.error";')
    .l('@end');

  const sq = x.squareProd();
  repo
    .file('app_flutter/lib/env/env.dart', 'dart')
    .l("import 'package:flutter/foundation.dart';", '', 'class Env {')
    .d("  static const apiKey = String.fromEnvironment('API_KEY');", 'dart-define lookup')
    .d(
      `  static const stripePublishable = 'pk_live_51${t.mixed(ALNUM, 97)}';`,
      'Stripe publishable key (public by design)',
    )
    .s(`  static const squareAccessToken = '${sq}';`, 'square', sq)
    .d(
      `  static const mapboxPublic = 'pk.${Buffer.from(JSON.stringify({ u: 'acme-maps', a: t.lower(25) })).toString('base64url')}.${t.mixed(URLSAFE, 22)}';`,
      'Mapbox public token',
    )
    .l('}');

  repo
    .file('app_flutter/pubspec.lock', 'dart')
    .l('packages:', '  http:', '    dependency: "direct main"', '    description:', '      name: http')
    .d(`      sha256: "${t.sha256()}"`, 'pubspec.lock sha256')
    .l('      url: "https://pub.dev"', '    source: hosted', '    version: "1.2.2"');
}

// ---- Scala, Groovy/Jenkins/Gradle, Clojure ---------------------------------------------------

function jvm(repo, t, x) {
  const _pgPw = x.pw();
  const playSecret = t.mixed(B64, 64);
  repo
    .file('services/catalog/conf/application.prod.conf', 'scala')
    .l('include "application.conf"', '', 'slick.dbs.default {', '  profile = "slick.jdbc.PostgresProfile$"', '  db {')
    .l('    url = "jdbc:postgresql://catalog-db.prod.acme.internal:5432/catalog"', '    user = "catalog"')
    .l('  }', '}', '')
    .s(`play.http.secret.key = "${playSecret}"`, 'generic', playSecret)
    .d('play.http.secret.key = ${?APPLICATION_SECRET}', 'HOCON env override')
    .l('akka.http.server.idle-timeout = 60s');

  const oa = t.openai();
  repo
    .file('services/catalog/app/ai/Keys.scala', 'scala')
    .l('package ai', '', 'object Keys {')
    .s(`  val OpenAiKey: String = "${oa}"`, 'openai', oa)
    .d('  val Model: String = sys.env.getOrElse("OPENAI_MODEL", "gpt-4o-mini")', 'env lookup with default')
    .l('  final val RequestIdHeader = "X-Request-Id"')
    .l('}');

  const gh = t.github();
  const nexusPw = x.pw();
  repo
    .file('Jenkinsfile', 'groovy')
    .l('pipeline {', '  agent { label "linux" }', '  environment {')
    .d("    DOCKER_CREDS = credentials('dockerhub-ci')", 'Jenkins credentials binding')
    .s(`    GH_TOKEN = '${gh}'`, 'github', gh)
    .l('  }', '  stages {', "    stage('Publish') {", '      steps {')
    .d(
      "        withCredentials([string(credentialsId: 'sonar-token', variable: 'SONAR_TOKEN')]) {",
      'withCredentials block',
    )
    .l('          sh "./gradlew sonar -Dsonar.token=$SONAR_TOKEN"', '        }')
    .s(
      `        sh "curl -fsS -u deployer:${nexusPw} --upload-file build/libs/app.jar https://nexus.acme.internal/repository/releases/"`,
      'generic',
      nexusPw,
    )
    .l('      }', '    }', '  }', '}');

  const _artPw = x.gen();
  repo
    .file('gradle.properties', 'gradle')
    .l('org.gradle.jvmargs=-Xmx4g -Dfile.encoding=UTF-8')
    .l('android.useAndroidX=true', 'artifactoryUser=ci-publisher')
    .d('signing.keyId=24875D73', 'PGP key id (public)');

  const mvnPw = x.human();
  repo
    .file('libs/core/build.gradle', 'gradle')
    .l("plugins { id 'java-library'; id 'maven-publish' }", '', 'publishing {', '  repositories {', '    maven {')
    .l("      url 'https://maven.acme.internal/releases'", '      credentials {', "        username 'publisher'")
    .s(`        password '${mvnPw}'`, 'generic', mvnPw)
    .l('      }', '    }', '    maven {', "      url 'https://maven.acme.internal/snapshots'", '      credentials {')
    .d(
      "        password = findProperty('mavenSnapshotsPassword') ?: System.getenv('MAVEN_PASSWORD')",
      'property/env lookup',
    )
    .l('      }', '    }', '  }', '}');

  const cljPw = x.pw();
  repo
    .file('services/ledger-clj/project.clj', 'clojure')
    .l(
      '(defproject acme/ledger "0.9.1"',
      '  :dependencies [[org.clojure/clojure "1.11.3"]]',
      '  :repositories [["releases" {:url "https://nexus.acme.internal/repository/clojars-private/"',
    )
    .l('                              :username "lein-ci"')
    .s(`                              :password "${cljPw}"}]`, 'generic', cljPw)
    .d(
      '                 ["snapshots" {:url "https://nexus.acme.internal/snapshots/" :password :env/nexus_password}]]',
      'lein env keyword',
    )
    .l('  :main ledger.core)');

  const stripeRk = x.stripeRestricted();
  repo
    .file('services/ledger-clj/resources/config.edn', 'clojure')
    .l('{:http {:port 8080}')
    .d(' :db {:jdbc-url #env DATABASE_URL}', 'aero #env tag')
    .s(` :stripe {:secret-key "${stripeRk}"`, 'stripe', stripeRk)
    .l('          :api-version "2024-06-20"}')
    .d(' :build {:git-sha "' + t.sha1() + '"}}', 'git sha');
}

// ---- Elixir / Erlang ---------------------------------------------------------------------

function beam(repo, t, x) {
  const repoPw = x.pw();
  const _skb = t.mixed(B64, 64);
  const _stripe = t.stripeLive();
  repo
    .file('apps/storefront/config/prod.exs', 'elixir')
    .l('import Config', '', 'config :storefront, Storefront.Repo,', '  username: "storefront",')
    .s(`  password: "${repoPw}",`, 'generic', repoPw)
    .l('  hostname: "storefront-db.prod.acme.internal",', '  pool_size: 15', '')
    .l('config :storefront, StorefrontWeb.Endpoint,', '  url: [host: "shop.acme.com", port: 443],');

  repo
    .file('apps/storefront/config/config.exs', 'elixir')
    .l(
      'import Config',
      '',
      'config :storefront, StorefrontWeb.Endpoint,',
      '  render_errors: [formats: [html: StorefrontWeb.ErrorHTML]],',
    )
    .d(`  live_view: [signing_salt: "${t.alnum(8)}"]`, 'Phoenix signing salt (not secret by design)')
    .l('', 'config :phoenix, :json_library, Jason');

  repo
    .file('apps/storefront/config/runtime.exs', 'elixir')
    .l('import Config', '', 'if config_env() == :prod do')
    .d(
      '  database_url = System.get_env("DATABASE_URL") || raise "environment variable DATABASE_URL is missing."',
      'env lookup',
    )
    .l('  config :storefront, Storefront.Mailer, api_key: System.fetch_env!("POSTMARK_API_KEY")')
    .l('end');

  const _tw = x.twilioApiKey();
  const _twSecret = t.mixed(ALNUM, 32);

  const awsId = t.awsId();
  const awsSecret = t.awsSecret();
  repo
    .file('rel/sys.config', 'erlang')
    .l('[', ' {kernel, [{logger_level, info}]},', ' {erlcloud, [')
    .s(`   {aws_access_key_id, "${awsId}"},`, 'aws', awsId)
    .s(`   {aws_secret_access_key, "${awsSecret}"},`, 'aws', awsSecret)
    .l('   {aws_region, "eu-west-1"}', ' ]},', ' {pgo, [{pools, [{default, #{host => "pg.prod", user => "events",')
    .d('     password => os:getenv("PG_PASSWORD")}}]}]}', 'os:getenv')
    .l('].');

  const cookie = t.pick(UPPER, 20);
  repo
    .file('rel/vm.args', 'erlang')
    .l('-name events@127.0.0.1')
    .s(`-setcookie ${cookie}`, 'generic', cookie)
    .l('+K true')
    .l('+A 64');
}

// ---- Haskell, OCaml, F# (in dotnet), Clojure done ---------------------------------------------

function functional(repo, t, x) {
  const slack = t.slackBot();
  const oldSlack = t.slackBot();
  const _pgPw = x.pw();
  repo
    .file('services/alerts-hs/src/Alerts/Config.hs', 'haskell')
    .l('{-# LANGUAGE OverloadedStrings #-}', 'module Alerts.Config where', '', 'import System.Environment (lookupEnv)')
    .l('import Database.PostgreSQL.Simple', '', 'slackToken :: Text')
    .s(`slackToken = "${slack}"`, 'slack', slack)
    .s(`-- previous token, revoke after migration: ${oldSlack}`, 'slack', oldSlack)
    .l(
      '',
      'connInfo :: ConnectInfo',
      'connInfo = defaultConnectInfo',
      '  { connectHost = "alerts-db.prod.acme.internal"',
    )
    .l('  , connectUser = "alerts"')
    .l('  , connectDatabase = "alerts"', '  }', '')
    .l('webhookUrl :: IO (Maybe String)')
    .d('webhookUrl = lookupEnv "ALERTS_WEBHOOK_URL"', 'lookupEnv');

  const lin = x.linear();
  repo
    .file('tools/triage-ml/bin/main.ml', 'ocaml')
    .l('open Lwt.Syntax', '')
    .s(`let api_token = "${lin}"`, 'linear', lin)
    .d('let team_id = "3f8e2a1c-5b7d-4e9f-8a6c-1d2e3f4a5b6c"', 'team UUID id')
    .d(
      'let endpoint = Sys.getenv_opt "LINEAR_ENDPOINT" |> Option.value ~default:"https://api.linear.app/graphql"',
      'getenv_opt',
    )
    .l('', 'let () = Lwt_main.run (Triage.run ~token:api_token ~endpoint)');
}

// ---- Lua, Perl, R, Julia, MATLAB, Fortran ----------------------------------------------------

function scripting(repo, t, x) {
  const jwtSecret = t.mixed(URLSAFE, 48);
  const redisPw = t.alnum(32);
  repo
    .file('gateway/lua/auth.lua', 'lua')
    .l('local jwt = require "resty.jwt"', 'local redis = require "resty.redis"', '')
    .s(`local JWT_SECRET = "${jwtSecret}"`, 'generic', jwtSecret)
    .d('local auth_header = ngx.var.http_authorization', 'nginx var')
    .d('local upstream_key = os.getenv("UPSTREAM_API_KEY")', 'os.getenv')
    .l('', 'local function cache()', '  local red = redis:new()', '  red:connect("redis.prod.acme.internal", 6379)')
    .s(`  local ok, err = red:auth("${redisPw}")`, 'generic', redisPw)
    .l('  return red', 'end');

  const oa = t.openai();
  repo
    .file('dotfiles/nvim/lua/plugins/ai.lua', 'lua')
    .l('return {', '  "jackMort/ChatGPT.nvim",', '  config = function()')
    .s(`    vim.env.OPENAI_API_KEY = "${oa}"`, 'openai', oa)
    .d('    -- api_key_cmd = "op read op://Personal/OpenAI/credential --no-newline",', '1Password reference')
    .l('    require("chatgpt").setup({ openai_params = { model = "gpt-4o" } })', '  end,', '}');

  // A token kept split across a concatenation, the way people dodge push protection.
  const hf = x.hf();
  const hfA = hf.slice(0, 14);
  const hfB = hf.slice(14);
  repo
    .file('gateway/lua/hf_proxy.lua', 'lua')
    .l('local http = require "resty.http"', '')
    .s(`local HF_TOKEN = "${hfA}" .. "${hfB}"`, 'huggingface', `${hfA}\n${hfB}`)
    .d('local MODEL = "meta-llama/Llama-3.1-8B-Instruct"', 'model id')
    .l('return { token = HF_TOKEN, model = MODEL }');

  const dbiPw = x.pw();
  const mc = x.mailchimp();
  repo
    .file('legacy/cgi-bin/lib/Acme/Newsletter.pm', 'perl')
    .l('package Acme::Newsletter;', 'use strict;', 'use warnings;', 'use DBI;', '')
    .s(
      `my $dbh = DBI->connect("dbi:mysql:database=crm;host=crm-db.acme.internal", "crm_web", "${dbiPw}", { RaiseError => 1 });`,
      'generic',
      dbiPw,
    )
    .s(`our $MAILCHIMP_KEY = '${mc}';`, 'mailchimp', mc)
    .d("my $list_id = $ENV{'MAILCHIMP_LIST_ID'} // 'a1b2c3d4e5';", '%ENV lookup')
    .l('', '1;');

  const pm = x.postman();
  repo
    .file('scripts/sync_collections.pl', 'perl')
    .l('#!/usr/bin/env perl', 'use strict;', 'use LWP::UserAgent;', '')
    .l('my $ua = LWP::UserAgent->new;')
    .s(`$ua->default_header('X-Api-Key' => '${pm}');`, 'postman', pm)
    .d("my $workspace = 'b8c2e3f1-7a6d-4c5e-9f8a-2b1c0d9e8f7a';", 'workspace UUID')
    .l('my $res = $ua->get("https://api.getpostman.com/collections?workspace=$workspace");');

  const ghR = t.github();
  const _oaR = t.openai();
  repo
    .file('analysis/.Renviron', 'r')
    .d('R_LIBS_USER=~/R/library/4.4', 'lib path')
    .s(`GITHUB_PAT=${ghR}`, 'github', ghR)
    .l('RENV_CONFIG_PAK_ENABLED=TRUE');

  const _rAws = t.awsSecret();
  const _rAwsId = t.awsId();
  const rPw = x.human();
  repo
    .file('analysis/R/load_warehouse.R', 'r')
    .l('library(DBI)', 'library(aws.s3)', '')
    .l('Sys.setenv("AWS_DEFAULT_REGION" = "us-east-1")', '')
    .l(
      'con <- dbConnect(RPostgres::Postgres(),',
      '                 host = "warehouse.acme.internal",',
      '                 user = "analyst",',
    )
    .s(`                 password = "${rPw}")`, 'generic', rPw)
    .d('token <- Sys.getenv("GITHUB_PAT")', 'Sys.getenv')
    .d('pw <- keyring::key_get("warehouse", "analyst")', 'keyring lookup');

  repo
    .file('analysis/renv.lock', 'r')
    .l(
      '{',
      '  "Packages": {',
      '    "DBI": {',
      '      "Package": "DBI",',
      '      "Version": "1.2.3",',
      '      "Source": "Repository",',
    )
    .d(`      "Hash": "${t.pick(HEX, 32)}"`, 'renv md5 hash')
    .l('    }', '  }', '}');
}

function science(repo, t, x) {
  const hf = x.hf();
  const pgPw = x.pw();
  repo
    .file('research/julia/scripts/ingest.jl', 'julia')
    .l('using LibPQ, HTTP, JSON3', '')
    .s(`ENV["HF_TOKEN"] = "${hf}"`, 'huggingface', hf)
    .d('const OUT = get(ENV, "INGEST_OUT", "/data/ingest")', 'ENV get with default')
    .s(
      `conn = LibPQ.Connection("host=timescale.acme.internal dbname=sensors user=ingest password=${pgPw}")`,
      'generic',
      pgPw,
    );

  const mPw = x.pw();
  const mTok = t.mixed(URLSAFE, 40);
  repo
    .file('research/matlab/connect_warehouse.m', 'matlab')
    .l('function conn = connect_warehouse()', '% Opens the JDBC connection used by the calibration notebooks.')
    .s(
      `conn = database('warehouse', 'calib_user', '${mPw}', 'Vendor', 'PostgreSQL', 'Server', 'warehouse.acme.internal');`,
      'generic',
      mPw,
    )
    .d("pw = getenv('WAREHOUSE_PASSWORD');", 'getenv')
    .s(`opts = weboptions('HeaderFields', {'Authorization', ['Bearer ' '${mTok}']});`, 'generic', mTok)
    .l('end');

  const cdsUid = t.digits(6);
  const cdsKey = t.uuid();
  repo
    .file('research/climate/.cdsapirc', 'fortran')
    .l('url: https://cds.climate.copernicus.eu/api/v2')
    .s(`key: ${cdsUid}:${cdsKey}`, 'generic', cdsKey);

  const ftpPw = x.human();
  repo
    .file('research/climate/run/input.nml', 'fortran')
    .l('&time_control', '  run_days = 30,', '  start_year = 2024,', '/', '', '&output_upload')
    .l("  ftp_host = 'ftp.acme-climate.org',", "  ftp_user = 'wrfout',")
    .s(`  ftp_password = '${ftpPw}',`, 'generic', ftpPw)
    .l("  checksum_algo = 'sha256',")
    .l('/');
}

// ---- F#, VB.NET -------------------------------------------------------------------------

function dotnet(repo, t, x) {
  const sqlPw = x.pw();
  const ant = t.anthropic();
  repo
    .file('tools/fsharp/Settings.fsx', 'fsharp')
    .l('#r "nuget: Microsoft.Data.SqlClient"', '', 'module Settings')
    .s(
      `let connStr = "Server=tcp:acme-sql-prod.database.windows.net,1433;Initial Catalog=orders;User ID=orders_admin;Password=${sqlPw};Encrypt=True;"`,
      'generic',
      sqlPw,
    )
    .d(
      'let localConn = "Server=(localdb)\\\\mssqllocaldb;Database=orders;Trusted_Connection=True;"',
      'integrated-security conn string',
    )
    .l('')
    .s(`[<Literal>]\nlet AnthropicKey = "${ant}"`, 'anthropic', ant)
    .d('let model = System.Environment.GetEnvironmentVariable "CLAUDE_MODEL"', 'env lookup');

  const smtpPw = x.human();
  const _vbPw = x.gen();
  repo
    .file('legacy/Billing.VB/Modules/Config.vb', 'vbnet')
    .l('Imports System.Net', 'Imports System.Configuration', '', 'Public Module Config')
    .s(`    Public Const SmtpPassword As String = "${smtpPw}"`, 'generic', smtpPw)
    .d('    Public ReadOnly ApiBase As String = ConfigurationManager.AppSettings("ApiBase")', 'AppSettings lookup')
    .l('', '    Public Function FtpCreds() As NetworkCredential')
    .l('        Return New NetworkCredential("billing-ftp", ConfigurationManager.AppSettings("FtpPassword"))')
    .l('    End Function', 'End Module');
}

// ---- Zig, Nim, Crystal ------------------------------------------------------------------

function systems(repo, t, x) {
  const disc = x.discordBot();
  repo
    .file('bots/zig-bot/src/config.zig', 'zig')
    .l('const std = @import("std");', '')
    .s(`pub const discord_token = "${disc}";`, 'discord', disc)
    .d('pub const application_id: u64 = 1187349823749823412;', 'application id (public)')
    .l('', 'pub fn proxyUrl(alloc: std.mem.Allocator) ![]u8 {')
    .d('    return std.process.getEnvVarOwned(alloc, "HTTPS_PROXY");', 'getEnvVarOwned')
    .l('}');

  repo
    .file('bots/zig-bot/build.zig.zon', 'zig')
    .l('.{', '    .name = "zig-bot",', '    .version = "0.2.0",', '    .dependencies = .{', '        .websocket = .{')
    .l('            .url = "https://github.com/karlseguin/websocket.zig/archive/refs/heads/master.tar.gz",')
    .d(`            .hash = "1220${t.pick(HEX, 64)}",`, 'zon package hash')
    .l('        },', '    },', '}');

  const tg = x.telegram();
  const notion = x.notion();
  repo
    .file('bots/nim-notify/src/notify.nim', 'nim')
    .l('import std/[httpclient, os, json]', '')
    .s(`const telegramToken = "${tg}"`, 'telegram', tg)
    .d('const chatId = "-1001874523690"', 'chat id')
    .s(`let notionKey = "${notion}"`, 'notion', notion)
    .d('let dbId = getEnv("NOTION_DATABASE_ID", "")', 'getEnv');

  const dbPw = x.pw();
  const shp = x.shopify();
  repo
    .file('services/inventory-cr/src/config.cr', 'crystal')
    .l('module Inventory', '  class Config')
    .s(`    DB_URL = "postgres://inventory:${dbPw}@inventory-db.prod.acme.internal:5432/inventory"`, 'generic', dbPw)
    .s(`    SHOPIFY_TOKEN = "${shp}"`, 'shopify', shp)
    .d('    SHOPIFY_SHOP = ENV["SHOPIFY_SHOP"]? || "acme-outlet.myshopify.com"', 'ENV lookup')
    .l('  end', 'end');
}

// ---- Solidity tooling ------------------------------------------------------------------

function web3(repo, t, x) {
  const pk = x.ethKey();
  const infura = x.infura();
  const eth = x.etherscan();
  repo
    .file('contracts/hardhat.config.ts', 'solidity')
    .l('import { HardhatUserConfig } from "hardhat/config";', 'import "@nomicfoundation/hardhat-toolbox";', '')
    .l(
      'const config: HardhatUserConfig = {',
      '  solidity: "0.8.24",',
      '  networks: {',
      '    hardhat: {',
      '      accounts: [{',
    )
    .d(
      '        privateKey: "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",',
      'well-known Hardhat test account #0',
    )
    .l('        balance: "10000000000000000000000" }],', '    },', '    mainnet: {')
    .s(`      url: "https://mainnet.infura.io/v3/${infura}",`, 'infura', infura)
    .s(`      accounts: ["${pk}"],`, 'generic', pk)
    .l('    },', '    sepolia: {', '      url: process.env.SEPOLIA_RPC_URL ?? "",')
    .d('      accounts: process.env.DEPLOYER_KEY ? [process.env.DEPLOYER_KEY] : [],', 'env lookup')
    .l('    },', '  },', '  etherscan: {')
    .s(`    apiKey: "${eth}",`, 'etherscan', eth)
    .l('  },', '};', 'export default config;');

  const alch = x.alchemy();
  const pk2 = t.hex(64);
  repo
    .file('contracts/foundry.toml', 'solidity')
    .l('[profile.default]', 'src = "src"', 'out = "out"', 'libs = ["lib"]', '', '[rpc_endpoints]')
    .s(`mainnet = "https://eth-mainnet.g.alchemy.com/v2/${alch}"`, 'alchemy', alch)
    .l('sepolia = "${SEPOLIA_RPC_URL}"')
    .l('', '[etherscan]')
    .d('mainnet = { key = "${ETHERSCAN_API_KEY}" }', 'foundry env interpolation');

  repo
    .file('contracts/.env.deploy', 'solidity')
    .l('# used by script/Deploy.s.sol via vm.envUint("PRIVATE_KEY")')
    .s(`PRIVATE_KEY=${pk2}`, 'generic', pk2)
    .d(`DEPLOYED_TOKEN=0x${t.pick(HEX, 40)}`, 'contract address');

  const mn = x.mnemonic();
  repo
    .file('contracts/truffle-config.js', 'solidity')
    .l("const HDWalletProvider = require('@truffle/hdwallet-provider');")
    .s(`const mnemonic = '${mn}';`, 'generic', mn)
    .d("const devMnemonic = 'test test test test test test test test test test test junk';", 'well-known dev mnemonic')
    .l(
      'module.exports = { networks: { polygon: { provider: () => new HDWalletProvider(mnemonic, "https://polygon-rpc.com"), network_id: 137 } } };',
    );

  repo
    .file('contracts/src/AcmeToken.sol', 'solidity')
    .l('// SPDX-License-Identifier: MIT', 'pragma solidity ^0.8.24;', '', 'contract AcmeToken {')
    .d('    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");', 'role hash expression')
    .d(`    bytes32 private constant DOMAIN_TYPEHASH = 0x${t.pick(HEX, 64)};`, 'EIP-712 typehash constant')
    .d(`    address public constant TREASURY = 0x${t.pick(HEX, 40)};`, 'address constant')
    .l('}');
}

// ---- Nomad, Nix -------------------------------------------------------------------------

function infra(repo, t, x) {
  const regPw = x.gen();
  const dd = t.ddApi();
  repo
    .file('deploy/nomad/api.nomad.hcl', 'hcl')
    .l(
      'job "api" {',
      '  datacenters = ["dc1"]',
      '  group "api" {',
      '    task "api" {',
      '      driver = "docker"',
      '      config {',
    )
    .d(`        image = "registry.acme.internal/api@sha256:${t.sha256()}"`, 'image digest')
    .l('        auth {', '          username = "nomad-pull"')
    .s(`          password = "${regPw}"`, 'generic', regPw)
    .l('        }', '      }', '      template {', '        data = <<EOH')
    .d('DATABASE_URL={{ with secret "kv/data/api/db" }}{{ .Data.data.url }}{{ end }}', 'Vault template')
    .s(`DD_API_KEY=${dd}`, 'datadog', dd)
    .l('EOH', '        destination = "secrets/env"', '        env = true', '      }', '    }', '  }', '}');

  const _gh = t.github();
  const grafPw = x.human();
  repo
    .file('hosts/monitoring/configuration.nix', 'nix')
    .l('{ config, pkgs, ... }:', '{')
    .s(`  services.grafana.settings.security.admin_password = "${grafPw}";`, 'generic', grafPw)
    .d(
      '  services.grafana.settings.security.secret_key = "$__file{/run/secrets/grafana-secret-key}";',
      'Grafana file provider',
    )
    .d(`  users.users.ops.hashedPassword = "$6$${t.alnum(16)}$${t.pick(ALNUM + './', 86)}";`, 'sha512-crypt hash')
    .d(
      `  users.users.ops.openssh.authorizedKeys.keys = [ "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${t.mixed(B64, 43)} ops@laptop" ];`,
      'SSH public key',
    )
    .d('  services.restic.backups.s3.passwordFile = "/run/secrets/restic";', 'password file path')
    .l('}');

  repo
    .file('pkgs/acme-cli/default.nix', 'nix')
    .l('{ buildGoModule, fetchFromGitHub }:', 'buildGoModule rec {', '  pname = "acme-cli";', '  version = "1.8.2";')
    .l('  src = fetchFromGitHub { owner = "acme"; repo = "cli"; rev = "v${version}";')
    .d(`    hash = "sha256-${t.mixed(B64, 43)}=";`, 'SRI hash')
    .l('  };')
    .l(`  vendorHash = "sha256-${t.mixed(B64, 43)}=";`)
    .l('}');
}

// ---- Puppet, Chef, Salt, Ansible ----------------------------------------------------------

function configMgmt(repo, t, x) {
  const dbPw = x.pw();
  const _sl = t.slackWebhook();
  repo
    .file('puppet/data/common.yaml', 'puppet')
    .l('---', 'profile::base::ntp_servers:', '  - 0.pool.ntp.org')
    .s(`profile::postgres::app_password: '${dbPw}'`, 'generic', dbPw)
    .d(`profile::postgres::replication_password: >\n  ENC[PKCS7,${t.mixed(B64, 180)}=]`, 'hiera-eyaml encrypted');

  const smtp = x.pw();
  repo
    .file('chef/data_bags/credentials/smtp.json', 'chef')
    .l('{', '  "id": "smtp",', '  "host": "smtp.sendgrid.net",', '  "user": "apikey",')
    .s(`  "password": "${smtp}"`, 'generic', smtp)
    .l('}');

  repo
    .file('chef/data_bags/credentials/db.json', 'chef')
    .l('{', '  "id": "db",', '  "password": {')
    .d(`    "encrypted_data": "${t.mixed(B64, 64)}\\n",`, 'encrypted data bag value')
    .l(`    "iv": "${t.mixed(B64, 16)}",`)
    .l(`    "auth_tag": "${t.mixed(B64, 22)}==\\n",`)
    .l('    "version": 3,', '    "cipher": "aes-256-gcm"', '  }', '}');

  const _ddApp = t.ddApp();
  const gl = t.gitlab();
  repo
    .file('salt/pillar/monitoring.sls', 'salt')
    .l('datadog:', '  site: datadoghq.eu')
    .l('gitlab_runner:', '  url: https://gitlab.acme.internal/')
    .s(`  api_token: ${gl}`, 'gitlab', gl)
    .d(
      [
        '  registration_secret: |',
        '    -----BEGIN PGP MESSAGE-----',
        '',
        ...t
          .mixed(B64, 192)
          .match(/.{1,64}/g)
          .map((s) => `    ${s}`),
        `    =${t.mixed(B64, 4)}`,
        '    -----END PGP MESSAGE-----',
      ].join('\n'),
      'gpg-encrypted pillar',
    );

  const rootPw = x.human();
  const becomePw = x.pw();
  repo
    .file('ansible/group_vars/db/main.yml', 'ansible')
    .l('---', 'mysql_port: 3306')
    .s(`mysql_root_password: "${rootPw}"`, 'generic', rootPw)
    .d('mysql_app_password: "{{ vault_mysql_app_password }}"', 'jinja vault var')
    .d(
      [
        'vault_mysql_app_password: !vault |',
        '  $ANSIBLE_VAULT;1.1;AES256',
        ...Array.from({ length: 4 }, () => `  ${t.pick(HEX, 80)}`),
      ].join('\n'),
      'ansible-vault value',
    );

  repo
    .file('ansible/inventory/prod.ini', 'ansible')
    .l('[db]', 'db1.prod.acme.internal ansible_user=deploy')
    .s(`db2.prod.acme.internal ansible_user=deploy ansible_become_pass=${becomePw}`, 'generic', becomePw)
    .d(
      'db3.prod.acme.internal ansible_user=deploy ansible_ssh_private_key_file=~/.ssh/deploy_ed25519',
      'key file path',
    );
}

// ---- Bicep/ARM, CloudFormation, Pulumi ----------------------------------------------------

function cloudTemplates(repo, t, x) {
  const admPw = x.pw();
  repo
    .file('infra/azure/main.parameters.json', 'bicep')
    .l(
      '{',
      '  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",',
      '  "contentVersion": "1.0.0.0",',
      '  "parameters": {',
    )
    .l('    "sqlAdminLogin": { "value": "sqladmin" },')
    .s(`    "sqlAdminPassword": { "value": "${admPw}" },`, 'generic', admPw)
    .l('    "vmAdminPassword": {', '      "reference": {')
    .d(
      '        "keyVault": { "id": "/subscriptions/1b2c3d4e-0000-4f5a-9b8c-7d6e5f4a3b2c/resourceGroups/rg-sec/providers/Microsoft.KeyVault/vaults/kv-acme-prod" },',
      'Key Vault resource id',
    )
    .l('        "secretName": "vm-admin-password"')
    .l('      }', '    }', '  }', '}');

  const bicepPw = x.human();
  repo
    .file('infra/azure/modules/vm.bicep', 'bicep')
    .l('param location string = resourceGroup().location')
    .d('@secure()\nparam adminPassword string', 'secure param without default')
    .s(`@secure()\nparam jumpboxPassword string = '${bicepPw}'`, 'generic', bicepPw)
    .d("var storageName = 'st${uniqueString(resourceGroup().id)}'", 'uniqueString expression');

  const cfnPw = x.pw();
  const cfnDefault = x.gen();
  repo
    .file('infra/cfn/rds.yaml', 'cloudformation')
    .l(
      'AWSTemplateFormatVersion: "2010-09-09"',
      'Parameters:',
      '  ReplicaPassword:',
      '    Type: String',
      '    NoEcho: true',
    )
    .s(`    Default: ${cfnDefault}`, 'generic', cfnDefault)
    .l('Resources:', '  Db:', '    Type: AWS::RDS::DBInstance', '    Properties:', '      MasterUsername: app')
    .s(`      MasterUserPassword: '${cfnPw}'`, 'generic', cfnPw)
    .l('  Replica:', '    Type: AWS::RDS::DBInstance', '    Properties:')
    .d(
      "      MasterUserPassword: '{{resolve:secretsmanager:prod/rds/replica:SecretString:password}}'",
      'dynamic reference',
    )
    .l('      KmsKeyId: !Ref ReplicaKmsKey');

  const azSecret = t.azureClientSecret();
  const plPw = x.pw();
  repo
    .file('infra/pulumi/Pulumi.prod.yaml', 'pulumi')
    .l('config:', '  azure-native:location: westeurope')
    .d(`  azure-native:clientId: ${t.uuid()}`, 'client id UUID')
    .s(`  azure-native:clientSecret: ${azSecret}`, 'azure', azSecret)
    .s(`  acme:dbPassword: ${plPw}`, 'generic', plPw)
    .l('  acme:apiKey:')
    .d(`    secure: v1:${t.mixed(B64, 16)}:${t.mixed(B64, 64)}`, 'Pulumi encrypted secret');

  const pul = x.pulumi();
  repo
    .file('ci/pulumi/credentials.json', 'pulumi')
    .l('{', '    "current": "https://api.pulumi.com",', '    "accessTokens": {')
    .s(`        "https://api.pulumi.com": "${pul}"`, 'pulumi', pul)
    .l('    },', '    "accounts": {', '        "https://api.pulumi.com": {', '            "username": "acme-ci",')
    .l(`            "lastValidatedAt": "2026-11-03T09:14:22.5731Z"`)
    .l('        }', '    }', '}');

  const sa = t.pkcs8Pem();
  const saEmail = 'etl-loader@acme-data-prod.iam.gserviceaccount.com';
  const keyId = t.sha1();
  repo
    .file('deploy/gcp/etl-loader-key.json', 'gcp')
    .l('{', '  "type": "service_account",', '  "project_id": "acme-data-prod",')
    .d(`  "private_key_id": "${keyId}",`, 'key id (not the key)')
    .s(`  "private_key": "${sa.join('\\n')}\\n",`, 'gcp', sa.slice(1, 3).join('\\n'))
    .l(
      `  "client_email": "${saEmail}",`,
      `  "client_id": "${t.digits(21)}",`,
      '  "token_uri": "https://oauth2.googleapis.com/token"',
      '}',
    );
}

// ---- TOML, INI, properties, XML, plist, dotfiles --------------------------------------------

function dialects(repo, t, x) {
  const cio = x.cratesio();
  repo
    .file('tools/rust/.cargo/credentials.toml', 'toml')
    .l('[registry]')
    .s(`token = "${cio}"`, 'cratesio', cio)
    .l('', '[registries.acme]')
    .d('credential-provider = "cargo:token-from-stdout op read op://ci/cargo/token"', 'credential provider command');

  repo
    .file('tools/rust/Cargo.lock', 'toml')
    .l(
      '[[package]]',
      'name = "serde"',
      'version = "1.0.210"',
      'source = "registry+https://github.com/rust-lang/crates.io-index"',
    )
    .d(`checksum = "${t.sha256()}"`, 'Cargo.lock checksum');

  const _poPw = x.gen();

  repo
    .file('tools/py/pyproject.toml', 'toml')
    .l('[tool.poetry]', 'name = "acme-etl"', 'version = "2.3.1"', '', '[[tool.poetry.source]]', 'name = "acme-pypi"')
    .l('url = "https://pypi.acme.internal/simple/"', 'priority = "supplemental"', '', '[tool.pytest.ini_options]')
    .d('env = ["API_TOKEN=test-token", "DATABASE_URL=sqlite:///:memory:"]', 'pytest-env fixture values');

  const nf = x.netlify();
  repo
    .file('site/netlify.toml', 'toml')
    .l(
      '[build]',
      '  command = "npm run build"',
      '  publish = "dist"',
      '',
      '[build.environment]',
      '  NODE_VERSION = "20"',
    )
    .s(`  NETLIFY_AUTH_TOKEN = "${nf}"`, 'netlify', nf)
    .l('', '[[headers]]', '  for = "/*"', '  [headers.values]')
    .d(`    Content-Security-Policy = "script-src 'self' 'sha256-${t.mixed(B64, 43)}='"`, 'CSP hash');

  const pypi = t.pypi();
  repo
    .file('tools/py/.pypirc', 'ini')
    .l('[distutils]', 'index-servers =', '    pypi', '    acme', '', '[pypi]', 'username = __token__')
    .s(`password = ${pypi}`, 'pypi', pypi)
    .l('', '[acme]', 'repository = https://pypi.acme.internal/', 'username = uploader')
    .d('password = %(ACME_PYPI_PASSWORD)s', 'interpolation');

  const dbx = x.databricks();
  repo
    .file('analytics/.databrickscfg', 'ini')
    .l('[DEFAULT]', 'host = https://adb-4821937461234567.8.azuredatabricks.net')
    .s(`token = ${dbx}`, 'databricks', dbx)
    .l('', '[staging]', 'host = https://adb-1122334455667788.3.azuredatabricks.net')
    .l('auth_type = databricks-cli');

  const odooPw = x.human();
  const _myPw = x.pw();
  repo
    .file('erp/odoo.conf', 'ini')
    .l('[options]')
    .s(`admin_passwd = ${odooPw}`, 'generic', odooPw)
    .l('db_host = erp-db.acme.internal', 'db_user = odoo')
    .d('db_password_file = False', 'boolean')
    .l('addons_path = /opt/odoo/addons,/opt/odoo/custom');

  const dt = x.dynatrace();
  repo
    .file('ops/dynatrace/oneagent.ini', 'ini')
    .l('[oneagent]', 'server = https://abc12345.live.dynatrace.com/api')
    .s(`api_token = ${dt}`, 'dynatrace', dt)
    .l('host_group = prod_eu_web');

  const springPw = x.pw();
  const _mailPw = x.human();
  repo
    .file('services/orders/src/main/resources/application-prod.properties', 'properties')
    .l(
      'spring.datasource.url=jdbc:mysql://orders-db.prod.acme.internal:3306/orders',
      'spring.datasource.username=orders',
    )
    .s(`spring.datasource.password=${springPw}`, 'generic', springPw)
    .d('spring.datasource.hikari.password=${DB_PASSWORD}', 'placeholder')
    .l('spring.mail.host=smtp.office365.com', 'spring.mail.username=orders@acme.com')
    .d(`app.payment.webhook-secret=ENC(${t.mixed(B64, 44)})`, 'jasypt encrypted value')
    .l('management.endpoints.web.exposure.include=health,info');

  const sentry = x.sentryUser();
  repo
    .file('android/sentry.properties', 'properties')
    .l('defaults.url=https://sentry.io/', 'defaults.org=acme')
    .l('defaults.project=acme-shop-android')
    .s(`auth.token=${sentry}`, 'sentry', sentry);

  const mvnPw = x.pw();
  repo
    .file('ci/maven/settings.xml', 'xml')
    .l(
      '<settings xmlns="http://maven.apache.org/SETTINGS/1.0.0">',
      '  <servers>',
      '    <server>',
      '      <id>acme-releases</id>',
      '      <username>deployer</username>',
    )
    .s(`      <password>${mvnPw}</password>`, 'generic', mvnPw)
    .l('    </server>', '    <server>', '      <id>acme-snapshots</id>', '      <username>deployer</username>')
    .d('      <password>${env.MAVEN_SNAPSHOT_PASSWORD}</password>', 'env interpolation')
    .l('    </server>', '    <server>', '      <id>central</id>')
    .d(`      <password>{${t.mixed(B64, 44)}=}</password>`, 'Maven-encrypted password')
    .l('    </server>', '  </servers>', '</settings>');

  const ghNu = x.ghFine();
  repo
    .file('NuGet.config', 'xml')
    .l('<?xml version="1.0" encoding="utf-8"?>', '<configuration>', '  <packageSources>')
    .l(
      '    <add key="github" value="https://nuget.pkg.github.com/acme/index.json" />',
      '  </packageSources>',
      '  <packageSourceCredentials>',
      '    <github>',
    )
    .l('      <add key="Username" value="acme-ci" />')
    .s(`      <add key="ClearTextPassword" value="${ghNu}" />`, 'github', ghNu)
    .l('    </github>', '    <azure-artifacts>')
    .d('      <add key="ClearTextPassword" value="%AZURE_ARTIFACTS_PAT%" />', 'env reference')
    .l('    </azure-artifacts>', '  </packageSourceCredentials>', '</configuration>');

  repo
    .file('services/billing-net/packages.lock.json', 'xml')
    .l(
      '{',
      '  "version": 1,',
      '  "dependencies": {',
      '    "net8.0": {',
      '      "Newtonsoft.Json": {',
      '        "type": "Direct",',
      '        "resolved": "13.0.3",',
    )
    .d(`        "contentHash": "${t.mixed(B64, 86)}=="`, 'NuGet content hash (base64 sha512)')
    .l('      }', '    }', '  }', '}');

  const algolia = t.hex(32);
  const _rc = `sk_${t.mixed(ALNUM, 27)}`;
  repo
    .file('ios/AcmeShop/Info.plist', 'plist')
    .l('<?xml version="1.0" encoding="UTF-8"?>', '<plist version="1.0">', '<dict>')
    .l('\t<key>CFBundleShortVersionString</key>\n\t<string>4.12.0</string>')
    .l('\t<key>AlgoliaAppID</key>', '\t<string>QX7R2M9KPL</string>')
    .s(`\t<key>AlgoliaAdminAPIKey</key>\n\t<string>${algolia}</string>`, 'algolia', algolia)
    .d(
      `\t<key>GIDClientID</key>\n\t<string>${t.digits(12)}-${t.lower(32)}.apps.googleusercontent.com</string>`,
      'Google OAuth client id (public)',
    )
    .l('</dict>', '</plist>');

  const heroku = t.heroku();
  repo
    .file('ops/dotfiles/.netrc', 'dotfile')
    .l('machine api.heroku.com', '  login ops@acme.com')
    .s(`  password ${heroku}`, 'heroku', heroku);

  const dop = t.digitalocean();
  repo
    .file('ops/dotfiles/doctl-config.yaml', 'dotfile')
    .s(`access-token: ${dop}`, 'digitalocean', dop)
    .l('context: default')
    .l('output: text');

  const dp = x.doppler();
  repo
    .file('ops/dotfiles/.doppler.yaml', 'dotfile')
    .l('scoped:', '    /:')
    .s(`        token: ${dp}`, 'doppler', dp)
    .l('        api-host: https://api.doppler.com', '    /home/ops/src/acme-api:', '        enclave.project: acme-api')
    .l('        enclave.config: prd');

  const okta = x.okta();
  repo
    .file('ops/dotfiles/okta.yaml', 'dotfile')
    .l('okta:', '  client:', '    orgUrl: https://acme.okta.com', '    authorizationMode: SSWS')
    .s(`    token: ${okta}`, 'okta', okta);

  const atl = x.atlassian();
  repo
    .file('ops/dotfiles/init-jira.el', 'elisp')
    .l(
      ';;; init-jira.el --- Jira from Emacs',
      '(use-package jiralib2',
      '  :config',
      '  (setq jiralib2-url "https://acme.atlassian.net"',
    )
    .l('        jiralib2-user-login-name "ops@acme.com"')
    .s(`        jiralib2-token "${atl}"))`, 'atlassian', atl)
    .l('(setq org-jira-working-dir "~/org/jira")');

  const nrLic = x.newrelicLicense();
  repo
    .file('services/orders/newrelic.yml', 'yaml')
    .l('common: &default_settings')
    .s(`  license_key: '${nrLic}'`, 'newrelic', nrLic)
    .l("  app_name: 'orders (prod)'")
    .d('  license_key: \'<%= ENV["NEW_RELIC_LICENSE_KEY"] %>\'', 'ERB env lookup')
    .l('  distributed_tracing:', '    enabled: true');
}

// ---- CSV, markdown, mail, logs --------------------------------------------------------------

function documents(repo, t, x) {
  const id1 = t.awsId();
  const s1 = t.awsSecret();
  const _nr = x.newrelicUser();
  repo
    .file('exports/iam_access_keys_2026-10.csv', 'csv')
    .l('user,access_key_id,secret_access_key,created,last_used')
    .s(`svc-backup,${id1},${s1},2025-03-14,2026-10-30`, 'aws', s1)
    .d('svc-legacy,AKIA****************,REDACTED,2019-01-02,never', 'masked row');

  const ant = t.anthropic();
  repo
    .file('docs/quickstart.md', 'markdown')
    .l('# Quickstart', '', 'Set your key first:', '', '```bash')
    .d('export ANTHROPIC_API_KEY="<your-api-key>"', 'placeholder')
    .l(
      '```',
      '',
      'Then check it works (this is what I ran on the shared box):',
      '',
      '```bash',
      'curl https://api.anthropic.com/v1/models \\',
    )
    .s(`  -H "x-api-key: ${ant}" \\`, 'anthropic', ant)
    .l('  -H "anthropic-version: 2023-06-01"', '```', '')
    .d('The key looks like `sk-ant-api03-...`; never commit it.', 'truncated example');

  const gl = t.gitlab();
  repo
    .file('docs/onboarding/mirrors.md', 'markdown')
    .l('## Mirroring the legacy repo', '', '```')
    .s(`git clone https://oauth2:${gl}@gitlab.acme.internal/platform/legacy.git`, 'gitlab', gl)
    .l('```', '')
    .d('Commit `9fceb02d0ae598e95dc970b74767f19372d61af8` is the last one before the split.', 'commit sha');

  const gho = x.gho();
  const vpnPw = x.human();
  repo
    .file('docs/incidents/2026-09-vpn-email.eml', 'email')
    .l('From: it-helpdesk@acme.com', 'To: contractors@acme.com', 'Subject: New VPN credentials')
    .d(`Message-ID: <${t.pick(HEX, 24)}.${t.digits(10)}@mail.acme.com>`, 'Message-ID')
    .l('', 'Hi all,', '', 'The VPN account has been reset. Username: contractor-vpn')
    .s(`Password: ${vpnPw}`, 'generic', vpnPw)
    .l('', 'Thanks,', 'IT');

  const basicPw = x.pw();
  const basic = Buffer.from(`svc-reporting:${basicPw}`).toString('base64');
  repo
    .file('logs/gateway-debug-2026-11-02.log', 'log')
    .d(
      '2026-11-02T10:14:22.118Z INFO  request_id=6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f trace_id=4bf92f3577b34da6a3ce929d0e0e4736 GET /health 200',
      'request and trace ids',
    )
    .s(
      `2026-11-02T10:14:23.402Z DEBUG upstream headers={'Authorization': 'Basic ${basic}', 'Accept': 'application/json'}`,
      'generic',
      basicPw,
    )
    .s(`2026-11-02T10:14:23.977Z DEBUG oauth exchange ok access_token=${gho} expires_in=28800`, 'github', gho)
    .d('2026-11-02T10:14:24.001Z INFO  Authorization: Bearer [REDACTED] forwarded to billing', 'redacted header');

  const wh = x.stripeWebhook();
  const disc = x.discordWebhook();
  repo
    .file('postman/acme-prod.postman_environment.json', 'json')
    .l('{', `  "id": "${t.uuid()}",`, '  "name": "acme-prod",', '  "values": [')
    .l('    { "key": "baseUrl", "value": "https://api.acme-shop.com", "enabled": true },')
    .s(`    { "key": "stripeWebhookSecret", "value": "${wh}", "enabled": true },`, 'stripe', wh)
    .d('    { "key": "accessToken", "value": "{{$guid}}", "enabled": true },', 'Postman dynamic variable')
    .s(`    { "key": "alertsHook", "value": "${disc}", "enabled": true }`, 'discord', disc)
    .l('  ]', '}');

  const mb = x.mapboxSecret();
  repo
    .file('app_flutter/android/gradle.properties', 'gradle')
    .l('org.gradle.jvmargs=-Xmx1536M', 'android.useAndroidX=true')
    .s(`MAPBOX_DOWNLOADS_TOKEN=${mb}`, 'mapbox', mb);

  const k8sPw = x.pw();
  const envB64 = Buffer.from(`DB_USER=app\nDB_PASSWORD=${k8sPw}\n`).toString('base64');
  repo
    .file('deploy/nomad/payload.hcl', 'hcl')
    .l('job "migrate" {', '  type = "batch"', '  parameterized {}', '  dispatch_payload {', '    file = "env"', '  }')
    .s(`  # payload used for the last manual dispatch: ${envB64}`, 'generic', k8sPw)
    .l('}');

  const sqSecret = x.squareSecret();
  const ecPem = t.ecPem();
  repo
    .file('services/pos-kt/src/main/kotlin/pos/SquareClient.kt', 'kotlin')
    .l(
      'package pos',
      '',
      'class SquareClient {',
      '    private val client = SquareClient.builder()',
      '        .environment(Environment.PRODUCTION)',
    )
    .s(`        .clientSecret("${sqSecret}")`, 'square', sqSecret)
    .l('        .build()', '', '    companion object {')
    .s(
      [`        private val SIGNING_KEY = """`, ...ecPem.map((l) => `            ${l}`), '        """.trimIndent()'],
      'private-key',
      ecPem.slice(1, 2)[0],
    )
    .d('        private const val TEST_TOKEN = "fake-token-for-unit-tests"', 'fake test constant')
    .l('    }', '}');
}
