// Red-team suite "mobile": Android, iOS and cross-platform app repositories as they are really
// committed. Gradle (gradle.properties, local.properties, keystore.properties / key.properties,
// signingConfigs in build.gradle and build.gradle.kts, Maven repository credentials, in-memory PGP
// signing keys), Android resources and manifests, Kotlin and Swift source constants, Info.plist,
// *.xcconfig, Xcode schemes, CocoaPods (Podfile private spec repos, trunk .netrc), Mapbox download
// tokens, Sentry (sentry.properties, Expo postPublish hooks, eas.json), fastlane (Appfile,
// Matchfile, .env.default, Fastfile with App Store Connect key_content, .p8 keys, Play service
// accounts), Codemagic, Bitrise and App Center CI, React Native .env files, Expo app.json and
// app.config.js, Flutter env.dart and dart-define JSON, CodePush signing keys.
// Decoys: client keys that vendors document as public (Firebase/Google API keys in
// google-services.json and GoogleService-Info.plist, Firebase web config, Mapbox pk., Algolia
// search-only keys, RevenueCat appl_/goog_ keys, Stripe publishable keys, Branch key_live_,
// OneSignal app ids, Facebook client tokens, Sentry DSNs, Supabase anon keys, Segment/Mixpanel/
// Amplitude client keys, CodePush deployment keys, App Center app secrets), placeholders and
// references ($(API_KEY), ${SECRET}, System.getenv, BuildConfig, String.fromEnvironment,
// Codemagic Encrypted(...)), the Android debug keystore's well-known password, checksums
// (Podfile.lock, verification-metadata.xml, pubspec.lock, gradle-wrapper), team/bundle ids and
// vendors' documented test values. Written from vendors' published key shapes, not from
// tokenscope's rules; every value is drawn from the seeded PRNG at run time.
import { ALNUM, B64, DIGIT, LOWER, UPPER, URLSAFE, Repo, makeTokens, mulberry32 } from './generate.mjs';

function mobileTokens(rand, t) {
  const one = (list) => list[Math.floor(rand() * list.length)];
  const bytes = (n) => Buffer.from(Array.from({ length: n }, () => Math.floor(rand() * 256)));
  const b64url = (s) => Buffer.from(s).toString('base64url');
  const base32lower = (buf) => {
    const A = 'abcdefghijklmnopqrstuvwxyz234567';
    let bits = 0;
    let v = 0;
    let o = '';
    for (const x of buf) {
      v = ((v << 8) | x) & 0xffff;
      bits += 8;
      while (bits >= 5) {
        o += A[(v >>> (bits - 5)) & 31];
        bits -= 5;
      }
    }
    if (bits > 0) o += A[(v << (5 - bits)) & 31];
    return o;
  };
  const jwt = (payload) =>
    `${b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64url(JSON.stringify(payload))}.${t.mixed(URLSAFE, 43)}`;
  const pemLines = (label, buf) => [
    `-----BEGIN ${label}-----`,
    ...buf.toString('base64').match(/.{1,64}/g),
    `-----END ${label}-----`,
  ];
  const crc24 = (buf) => {
    let crc = 0xb704ce;
    for (const x of buf) {
      crc ^= x << 16;
      for (let i = 0; i < 8; i++) {
        crc <<= 1;
        if (crc & 0x1000000) crc ^= 0x1864cfb;
      }
    }
    return crc & 0xffffff;
  };
  // An OpenPGP secret-key packet (old format, tag 5, RSA 4096, S2K-protected), as gpg exports it.
  const pgpSecretPacket = () => {
    const total = 0x746 + 3;
    const head = Buffer.from('95074604', 'hex');
    const time = bytes(4);
    const algo = Buffer.from('011000', 'hex');
    const n = bytes(512);
    n[0] |= 0x80;
    const e = Buffer.from('0011010001fe070302', 'hex');
    const used = head.length + time.length + algo.length + n.length + e.length;
    return Buffer.concat([head, time, algo, n, e, bytes(total - used)]);
  };
  return {
    one,
    jwt,
    keystorePw: () => (rand() < 0.5 ? t.password() : t.mixed(ALNUM, 16 + Math.floor(rand() * 8))),
    // Sentry: user auth token, organization auth token (base64 JSON claims + 32-byte secret), legacy token.
    sentryUser: () => `sntryu_${t.hex(64)}`,
    sentryOrg: (org) =>
      `sntrys_${Buffer.from(
        JSON.stringify({
          iat: Number(`17${t.digits(8)}.${t.digits(6)}`),
          url: 'https://sentry.io',
          region_url: one(['https://us.sentry.io', 'https://de.sentry.io']),
          org,
        }),
      ).toString('base64')}_${t.mixed(B64, 43)}`,
    sentryLegacy: () => t.hex(64),
    sentryDsn: () => `https://${t.hex(32)}@o${t.digits(6)}.ingest.sentry.io/${t.digits(7)}`,
    // Mapbox: sk. secret / pk. public tokens, base64url JSON {"u":user,"a":id} + 22-char signature.
    mapbox: (kind, user) =>
      `${kind}.${b64url(JSON.stringify({ u: user, a: t.pick(LOWER + DIGIT, 25) }))}.${t.mixed(URLSAFE, 22)}`,
    // OneSignal v2 app API key: base32 of the app id's 16 bytes and 48 random bytes.
    onesignalAppKey: (appId) =>
      `os_v2_app_${base32lower(Buffer.concat([Buffer.from(appId.replace(/-/g, ''), 'hex'), bytes(48)]))}`,
    fcmServerKey: () => `AAAA${t.mixed(URLSAFE, 7)}:APA91b${t.mixed(URLSAFE, 134)}`,
    firebaseCiToken: () => `1//0${one(['3', '9', 'e', 'g', 'd'])}${t.mixed(URLSAFE, 98)}`,
    gocspx: () => `GOCSPX-${t.mixed(URLSAFE, 28)}`,
    googleClientId: () => `${t.digits(12)}-${t.pick(LOWER + DIGIT, 32)}.apps.googleusercontent.com`,
    googleAppId: (os) => `1:${t.digits(12)}:${os}:${t.hex(16)}`,
    appSpecificPw: () => Array.from({ length: 4 }, () => t.pick(LOWER, 4)).join('-'),
    ascKeyId: () => t.mixed(UPPER + DIGIT, 10),
    teamId: () => t.mixed(UPPER + DIGIT, 10),
    algoliaAppId: () => t.mixed(UPPER + DIGIT, 10),
    revenuecatPublic: (p) => `${p}_${t.mixed(ALNUM, 27)}`,
    revenuecatSecret: () => `sk_${t.mixed(ALNUM, 32)}`,
    branchKey: () => `key_live_${t.mixed(ALNUM, 32)}`,
    branchSecret: () => `secret_live_${t.mixed(ALNUM, 32)}`,
    stripePk: () => `pk_live_51${t.mixed(ALNUM, 97)}`,
    stripeRk: () => `rk_live_51${t.mixed(ALNUM, 97)}`,
    twitterKey: () => t.mixed(ALNUM, 25),
    twitterSecret: () => t.mixed(ALNUM, 50),
    admobAppId: () => `ca-app-pub-${t.digits(16)}~${t.digits(10)}`,
    auth0Secret: () => t.mixed(URLSAFE, 64),
    appcenterToken: () => t.hex(40),
    codepushKey: () => t.mixed(ALNUM + '-_', 37),
    cocoapodsTrunk: () => t.hex(32),
    supabaseAnon: (ref) => jwt({ iss: 'supabase', ref, role: 'anon', iat: 1735689600, exp: 2051222400 }),
    supabaseService: (ref) => jwt({ iss: 'supabase', ref, role: 'service_role', iat: 1735689600, exp: 2051222400 }),
    // App Store Connect API key (.p8): PKCS#8 wrapping of a P-256 private key, 150 bytes.
    ascP8: () =>
      pemLines(
        'PRIVATE KEY',
        Buffer.concat([
          Buffer.from('308193020100301306072a8648ce3d020106082a8648ce3d030107047930770201010420', 'hex'),
          bytes(32),
          Buffer.from('a00a06082a8648ce3d030107a14403420004', 'hex'),
          bytes(64),
        ]),
      ),
    pgpInMemory: () => pgpSecretPacket().toString('base64'),
    pgpArmored: () => {
      const packet = pgpSecretPacket();
      const crc = crc24(packet);
      return [
        '-----BEGIN PGP PRIVATE KEY BLOCK-----',
        '',
        ...packet.toString('base64').match(/.{1,64}/g),
        `=${Buffer.from([(crc >> 16) & 255, (crc >> 8) & 255, crc & 255]).toString('base64')}`,
        '-----END PGP PRIVATE KEY BLOCK-----',
      ];
    },
    // A JKS keystore (magic FEEDFEED, version 2, one private-key entry "upload"), base64 for CI.
    jksBase64: () => {
      const keyLen = 1270;
      const certLen = 740;
      const len4 = (n) => Buffer.from([(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);
      return Buffer.concat([
        Buffer.from('feedfeed000000020000000100000001', 'hex'),
        Buffer.from('0006', 'hex'),
        Buffer.from('upload'),
        Buffer.from('00000193', 'hex'),
        bytes(4),
        len4(keyLen),
        Buffer.from('308204f2300e060a2b060104012a021101010500048204de', 'hex'),
        bytes(keyLen - 24),
        Buffer.from('00000001', 'hex'),
        Buffer.from('0005', 'hex'),
        Buffer.from('X.509'),
        len4(certLen),
        Buffer.from('308202e0308201c8a003020102', 'hex'),
        bytes(certLen - 13),
        bytes(20),
      ]).toString('base64');
    },
  };
}

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 7919 + 61);
  const t = makeTokens(rand);
  const m = mobileTokens(rand, t);
  const repo = new Repo();
  const gpr = () => t.github();
  const b64 = (s) => Buffer.from(s).toString('base64');

  const appId = 'io.acmeshop.app';
  const teamId = m.teamId();
  const fbProject = `acme-shop-${t.lower(5)}`;
  const projectNumber = t.digits(12);
  const onesignalAppId = t.uuid();
  const algoliaApp = m.algoliaAppId();

  // ---- Gradle properties ----------------------------------------------------------------
  {
    const f = repo.file('android/gradle.properties', 'gradle-properties');
    f.l(
      '# Project-wide Gradle settings.',
      'org.gradle.jvmargs=-Xmx4096m -Dfile.encoding=UTF-8',
      'android.useAndroidX=true',
      'kotlin.code.style=official',
      '',
      '# Release signing (upload key)',
    );
    f.d('RELEASE_STORE_FILE=../keystores/upload-keystore.jks', 'keystore path');
    const sp = m.keystorePw();
    f.s(`RELEASE_STORE_PASSWORD=${sp}`, 'generic', sp);
    f.d('RELEASE_KEY_ALIAS=upload', 'key alias');
    const kp = m.keystorePw();
    f.s(`RELEASE_KEY_PASSWORD=${kp}`, 'generic', kp);
    f.l('', '# Mapbox SDK downloads (secret token with DOWNLOADS:READ)');
    const mb = m.mapbox('sk', 'acme-mobile');
    f.s(`MAPBOX_DOWNLOADS_TOKEN=${mb}`, 'mapbox', mb);
    f.l('', '# GitHub Packages (com.acme:design-system)');
    f.d('gpr.user=acme-ci-bot', 'user name');
    const gh = gpr();
    f.s(`gpr.key=${gh}`, 'github', gh);
    f.l('', '# Maven Central publishing (com.vanniktech.maven.publish)');
    f.l(`mavenCentralUsername=${t.pick(LOWER + DIGIT, 8)}`);
    const mc = t.mixed(URLSAFE, 44);
    f.s(`mavenCentralPassword=${mc}`, 'generic', mc);
    f.d(`signing.keyId=${t.hex(8).toUpperCase()}`, 'pgp short key id');
    const sigPw = t.password();
    f.s(`signing.password=${sigPw}`, 'generic', sigPw);
    f.d('signing.secretKeyRingFile=/Users/ci/.gnupg/secring.gpg', 'path');
    const pgp = m.pgpInMemory();
    f.s(`signingInMemoryKey=${pgp}`, 'private-key', pgp);
    const pgpPw = t.password();
    f.s(`signingInMemoryKeyPassword=${pgpPw}`, 'generic', pgpPw);
  }
  {
    const f = repo.file('android/local.properties', 'gradle-properties');
    f.l('## This file must *NOT* be checked into Version Control Systems,', 'sdk.dir=/Users/dana/Library/Android/sdk');
    f.d(`MAPS_API_KEY=${t.gcpApiKey()}`, 'maps sdk client key (restricted to the app signature)');
    const ks = m.keystorePw();
    f.s(`keystore.password=${ks}`, 'generic', ks);
    f.l('artifactory_user=dana.k');
    const ap = t.password();
    f.s(`artifactory_password=${ap}`, 'generic', ap);
  }
  {
    const f = repo.file('android/keystore.properties', 'gradle-properties');
    const sp = m.keystorePw();
    const kp = m.keystorePw();
    f.s(`storePassword=${sp}`, 'generic', sp);
    f.s(`keyPassword=${kp}`, 'generic', kp);
    f.d('keyAlias=acme-release', 'alias');
    f.d('storeFile=/Users/ci/keystores/acme-release.jks', 'path');
  }
  {
    const f = repo.file('flutter_app/android/key.properties', 'gradle-properties');
    const sp = m.keystorePw();
    const kp = m.keystorePw();
    f.s(`storePassword=${sp}`, 'generic', sp);
    f.s(`keyPassword=${kp}`, 'generic', kp);
    f.d('keyAlias=upload', 'alias');
    f.d('storeFile=/home/runner/upload-keystore.jks', 'path');
  }

  // ---- build.gradle (Groovy) --------------------------------------------------------------
  {
    const f = repo.file('android/app/build.gradle', 'gradle-build');
    f.l(
      "apply plugin: 'com.android.application'",
      "apply plugin: 'kotlin-android'",
      '',
      'def keystoreProperties = new Properties()',
      "def keystorePropertiesFile = rootProject.file('keystore.properties')",
      'if (keystorePropertiesFile.exists()) {',
      '    keystoreProperties.load(new FileInputStream(keystorePropertiesFile))',
      '}',
      '',
      'android {',
      '    namespace "io.acmeshop.app"',
      '    compileSdk 34',
      '    signingConfigs {',
      '        debug {',
      "            storeFile file('debug.keystore')",
    );
    f.d("            storePassword 'android'", 'android debug keystore default');
    f.d("            keyAlias 'androiddebugkey'", 'debug alias');
    f.d("            keyPassword 'android'", 'android debug keystore default');
    f.l('        }', '        release {', "            storeFile file('../keystores/release.jks')");
    const sp = m.keystorePw();
    f.s(`            storePassword '${sp}'`, 'generic', sp);
    f.l("            keyAlias 'release'");
    const kp = m.keystorePw();
    f.s(`            keyPassword "${kp}"`, 'generic', kp);
    f.l('        }', '        ci {');
    f.d('            storePassword System.getenv("KEYSTORE_PASSWORD")', 'env reference');
    f.d("            keyPassword keystoreProperties['keyPassword']", 'properties reference');
    f.l('        }', '    }', '    defaultConfig {', '        applicationId "io.acmeshop.app"', '        minSdk 24');
    f.d(
      `        buildConfigField "String", "STRIPE_PUBLISHABLE_KEY", "\\"${m.stripePk()}\\""`,
      'stripe publishable key',
    );
    f.d('        resValue "string", "google_maps_key", "${MAPS_API_KEY}"', 'gradle property reference');
    const apiSecret = t.mixed(ALNUM, 40);
    f.s(`        buildConfigField "String", "API_SECRET", "\\"${apiSecret}\\""`, 'generic', apiSecret);
    f.d(
      '        buildConfigField "String", "API_TOKEN", "\\"${System.getenv(\'API_TOKEN\') ?: \'\'}\\""',
      'env reference',
    );
    f.l(
      '    }',
      '}',
      '',
      'repositories {',
      '    maven {',
      '        url "https://nexus.acme-corp.io/repository/android/"',
      '        credentials {',
      '            username "mobile-ci"',
    );
    const np = t.password();
    f.s(`            password "${np}"`, 'generic', np);
    f.l('        }', '    }', '}');
  }

  // ---- build.gradle.kts and settings.gradle.kts --------------------------------------------
  {
    const f = repo.file('android/app/build.gradle.kts', 'gradle-build');
    f.l(
      'plugins {',
      '    id("com.android.application")',
      '    id("org.jetbrains.kotlin.android")',
      '}',
      '',
      'android {',
      '    namespace = "io.acmeshop.wear"',
      '    signingConfigs {',
      '        create("release") {',
      '            storeFile = file("release.keystore")',
    );
    const sp = m.keystorePw();
    f.s(`            storePassword = "${sp}"`, 'generic', sp);
    f.l('            keyAlias = "wear-release"');
    const kp = m.keystorePw();
    f.s(`            keyPassword = "${kp}"`, 'generic', kp);
    f.l('        }', '        create("staging") {');
    f.d('            storePassword = providers.gradleProperty("STAGING_STORE_PASSWORD").get()', 'provider reference');
    f.d('            keyPassword = System.getenv("STAGING_KEY_PASSWORD") ?: ""', 'env reference');
    f.l('        }', '    }', '    defaultConfig {');
    f.d(
      `        buildConfigField("String", "REVENUECAT_API_KEY", "\\"${m.revenuecatPublic('goog')}\\"")`,
      'revenuecat public sdk key',
    );
    const ow = t.hex(32);
    f.s(`        buildConfigField("String", "OPENWEATHER_API_KEY", "\\"${ow}\\"")`, 'openweather', ow);
    f.d('        manifestPlaceholders["auth0Domain"] = "acme-shop.eu.auth0.com"', 'domain');
    f.l('    }', '}');
  }
  {
    const f = repo.file('android/settings.gradle.kts', 'gradle-build');
    f.l(
      'dependencyResolutionManagement {',
      '    repositoriesMode.set(RepositoriesMode.FAIL_ON_PROJECT_REPOS)',
      '    repositories {',
      '        google()',
      '        mavenCentral()',
      '        maven {',
      '            url = uri("https://maven.pkg.github.com/acme-corp/android-design-system")',
      '            credentials {',
      '                username = "acme-ci-bot"',
    );
    const gh = gpr();
    f.s(`                password = "${gh}"`, 'github', gh);
    f.l(
      '            }',
      '        }',
      '        maven {',
      '            url = uri("https://api.mapbox.com/downloads/v2/releases/maven")',
      '            authentication { create<BasicAuthentication>("basic") }',
      '            credentials {',
      '                username = "mapbox"',
    );
    const mb = m.mapbox('sk', 'acme-mobile');
    f.s(`                password = "${mb}"`, 'mapbox', mb);
    f.l(
      '            }',
      '        }',
      '        maven {',
      '            url = uri("https://maven.acme-corp.io/releases")',
      '            credentials {',
      '                username = "ci"',
    );
    f.d('                password = providers.gradleProperty("MAPBOX_DOWNLOADS_TOKEN").get()', 'provider reference');
    f.l('            }', '        }', '    }', '}', 'include(":app")');
  }
  {
    const f = repo.file('android/gradle/verification-metadata.xml', 'checksums');
    f.l(
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<verification-metadata xmlns="https://schema.gradle.org/dependency-verification">',
      '   <components>',
    );
    for (const [g, n, v] of [
      ['com.squareup.okhttp3', 'okhttp', '4.12.0'],
      ['io.sentry', 'sentry-android', '7.14.0'],
      ['com.mapbox.maps', 'android', '11.5.0'],
    ]) {
      f.l(`      <component group="${g}" name="${n}" version="${v}">`, `         <artifact name="${n}-${v}.aar">`);
      f.d(`            <sha256 value="${t.sha256()}" origin="Generated by Gradle"/>`, 'sha256 checksum');
      f.l('         </artifact>', '      </component>');
    }
    f.l('   </components>', '</verification-metadata>');
  }
  {
    const f = repo.file('android/gradle/wrapper/gradle-wrapper.properties', 'checksums');
    f.l(
      'distributionBase=GRADLE_USER_HOME',
      'distributionUrl=https\\://services.gradle.org/distributions/gradle-8.7-bin.zip',
    );
    f.d(`distributionSha256Sum=${t.sha256()}`, 'sha256 checksum');
  }

  // ---- Firebase client configuration (public by design) -------------------------------------
  {
    const f = repo.file('android/app/google-services.json', 'firebase-config');
    f.l('{', '  "project_info": {');
    f.d(`    "project_number": "${projectNumber}",`, 'project number');
    f.l(
      `    "project_id": "${fbProject}",`,
      `    "storage_bucket": "${fbProject}.appspot.com"`,
      '  },',
      '  "client": [',
      '    {',
      '      "client_info": {',
    );
    f.d(`        "mobilesdk_app_id": "${m.googleAppId('android')}",`, 'firebase app id');
    f.l(
      `        "android_client_info": { "package_name": "${appId}" }`,
      '      },',
      '      "oauth_client": [',
      '        {',
    );
    f.d(`          "client_id": "${m.googleClientId()}",`, 'oauth client id');
    f.l('          "client_type": 1,', '          "android_info": {', `            "package_name": "${appId}",`);
    f.d(`            "certificate_hash": "${t.sha1()}"`, 'signing certificate sha1');
    f.l('          }', '        }', '      ],', '      "api_key": [', '        {');
    f.d(`          "current_key": "${t.gcpApiKey()}"`, 'firebase android api key (restricted client key)');
    f.l('        }', '      ]', '    }', '  ],', '  "configuration_version": "1"', '}');
  }
  {
    const f = repo.file('ios/AcmeShop/GoogleService-Info.plist', 'firebase-config');
    const cid = m.googleClientId();
    f.l('<?xml version="1.0" encoding="UTF-8"?>', '<plist version="1.0">', '<dict>', '\t<key>CLIENT_ID</key>');
    f.d(`\t<string>${cid}</string>`, 'oauth client id');
    f.l('\t<key>REVERSED_CLIENT_ID</key>');
    f.d(`\t<string>${cid.split('.').reverse().join('.')}</string>`, 'reversed client id');
    f.l('\t<key>API_KEY</key>');
    f.d(`\t<string>${t.gcpApiKey()}</string>`, 'firebase ios api key (restricted client key)');
    f.l('\t<key>GCM_SENDER_ID</key>');
    f.d(`\t<string>${projectNumber}</string>`, 'sender id');
    f.l('\t<key>BUNDLE_ID</key>', `\t<string>${appId}</string>`, '\t<key>GOOGLE_APP_ID</key>');
    f.d(`\t<string>${m.googleAppId('ios')}</string>`, 'firebase app id');
    f.l(
      '\t<key>DATABASE_URL</key>',
      `\t<string>https://${fbProject}-default-rtdb.firebaseio.com</string>`,
      '</dict>',
      '</plist>',
    );
  }
  {
    const f = repo.file('src/services/firebase.ts', 'firebase-config');
    f.l("import { initializeApp } from 'firebase/app';", '', 'const firebaseConfig = {');
    f.d(`  apiKey: '${t.gcpApiKey()}',`, 'firebase web api key');
    f.l(`  authDomain: '${fbProject}.firebaseapp.com',`, `  projectId: '${fbProject}',`);
    f.d(`  messagingSenderId: '${projectNumber}',`, 'sender id');
    f.d(`  appId: '1:${projectNumber}:web:${t.hex(22)}',`, 'firebase app id');
    f.d(`  measurementId: 'G-${t.mixed(UPPER + DIGIT, 10)}',`, 'analytics id');
    f.l('};', '', 'export const app = initializeApp(firebaseConfig);');
  }

  // ---- Android resources, manifest, Kotlin --------------------------------------------------
  {
    const f = repo.file('android/app/src/main/res/values/strings.xml', 'android-res');
    f.l('<?xml version="1.0" encoding="utf-8"?>', '<resources>', '    <string name="app_name">Acme Shop</string>');
    f.d(`    <string name="facebook_app_id">${t.digits(16)}</string>`, 'facebook app id');
    f.d(`    <string name="facebook_client_token">${t.hex(32)}</string>`, 'facebook client token (embedded by design)');
    f.d(`    <string name="fb_login_protocol_scheme">fb${t.digits(16)}</string>`, 'url scheme');
    f.d(`    <string name="branch_key">${m.branchKey()}</string>`, 'branch live key (public)');
    f.d(`    <string name="mapbox_access_token">${m.mapbox('pk', 'acme-mobile')}</string>`, 'mapbox public token');
    f.d(`    <string name="admob_app_id">${m.admobAppId()}</string>`, 'admob app id');
    f.d(`    <string name="onesignal_app_id">${onesignalAppId}</string>`, 'onesignal app id');
    f.d(`    <string name="twitter_consumer_key">${m.twitterKey()}</string>`, 'twitter consumer key (public half)');
    const tw = m.twitterSecret();
    f.s(`    <string name="twitter_consumer_secret">${tw}</string>`, 'twitter', tw);
    f.d(`    <string name="default_web_client_id">${m.googleClientId()}</string>`, 'oauth client id');
    const gs = m.gocspx();
    f.s(`    <string name="google_web_client_secret">${gs}</string>`, 'gcp', gs);
    f.d(`    <string name="agora_app_id">${t.hex(32)}</string>`, 'agora app id');
    const ag = t.hex(32);
    f.s(`    <string name="agora_app_certificate">${ag}</string>`, 'agora', ag);
    f.d('    <string name="password_hint">Password</string>', 'ui label');
    f.d('    <string name="api_key_missing">API key is missing. Check your settings.</string>', 'ui text');
    f.l('</resources>');
  }
  {
    const f = repo.file('android/app/src/main/res/values/secrets.xml', 'android-res');
    f.l('<?xml version="1.0" encoding="utf-8"?>', '<resources>');
    const sk = t.stripeLive();
    f.s(`    <string name="stripe_secret_key" translatable="false">${sk}</string>`, 'stripe', sk);
    f.l(`    <string name="algolia_app_id" translatable="false">${algoliaApp}</string>`);
    f.d(
      `    <string name="algolia_search_api_key" translatable="false">${t.hex(32)}</string>`,
      'algolia search-only key',
    );
    const aa = t.hex(32);
    f.s(`    <string name="algolia_admin_api_key" translatable="false">${aa}</string>`, 'algolia', aa);
    f.l('</resources>');
  }
  {
    const f = repo.file('android/app/src/main/AndroidManifest.xml', 'android-res');
    f.l(
      '<manifest xmlns:android="http://schemas.android.com/apk/res/android">',
      '    <uses-permission android:name="android.permission.INTERNET" />',
      '    <application android:name=".AcmeApp" android:label="@string/app_name">',
    );
    f.d(
      '        <meta-data android:name="com.google.android.geo.API_KEY" android:value="${MAPS_API_KEY}" />',
      'placeholder',
    );
    f.d(`        <meta-data android:name="io.sentry.dsn" android:value="${m.sentryDsn()}" />`, 'sentry dsn (public)');
    f.d(
      '        <meta-data android:name="com.facebook.sdk.ApplicationId" android:value="@string/facebook_app_id" />',
      'resource reference',
    );
    f.d(
      '        <meta-data android:name="com.facebook.sdk.ClientToken" android:value="@string/facebook_client_token" />',
      'resource reference',
    );
    f.d(
      `        <meta-data android:name="io.branch.sdk.BranchKey" android:value="${m.branchKey()}" />`,
      'branch live key (public)',
    );
    f.d(
      `        <meta-data android:name="com.google.android.gms.ads.APPLICATION_ID" android:value="${m.admobAppId()}" />`,
      'admob app id',
    );
    f.d(
      `        <meta-data android:name="CodePushDeploymentKey" android:value="${m.codepushKey()}" />`,
      'codepush deployment key (shipped in app)',
    );
    f.l('    </application>', '</manifest>');
  }
  {
    const f = repo.file('android/app/src/main/java/io/acmeshop/app/net/ApiClient.kt', 'kotlin');
    f.l(
      'package io.acmeshop.app.net',
      '',
      'import okhttp3.Credentials',
      'import okhttp3.OkHttpClient',
      'import retrofit2.http.GET',
      'import retrofit2.http.Headers',
      '',
      'object ApiClient {',
    );
    f.l('    private const val BASE_URL = "https://api.acmeshop.io/"');
    const hs = t.mixed(ALNUM, 48);
    f.s(`    private const val HMAC_SIGNING_SECRET = "${hs}"`, 'generic', hs);
    f.d('    private val apiKey = BuildConfig.API_KEY', 'buildconfig reference');
    f.l('', '    fun client(token: String) = OkHttpClient.Builder()');
    f.d(
      '        .addInterceptor { it.proceed(it.request().newBuilder().header("Authorization", "Bearer $token").build()) }',
      'variable',
    );
    f.l('        .build()', '');
    const bp = t.password();
    f.s(`    val reportingAuth = Credentials.basic("svc-mobile-reports", "${bp}")`, 'generic', bp);
    f.l('}', '', 'interface PartnerApi {');
    const xk = t.hex(32);
    f.s(`    @Headers("X-Api-Key: ${xk}")`, 'generic', xk);
    f.l('    @GET("v2/catalog")', '    suspend fun catalog(): Catalog', '}');
  }
  {
    const f = repo.file('android/app/src/main/java/io/acmeshop/app/Config.kt', 'kotlin');
    f.l('package io.acmeshop.app', '', 'object Config {');
    f.d(`    const val PUSHER_APP_KEY = "${t.hex(20)}"`, 'pusher app key (public)');
    f.l('    const val PUSHER_CLUSTER = "eu"');
    const ps = t.hex(20);
    f.s(`    const val PUSHER_APP_SECRET = "${ps}"`, 'pusher', ps);
    const ak = t.awsId();
    const as = t.awsSecret();
    f.s(`    const val S3_UPLOAD_ACCESS_KEY = "${ak}"`, 'aws', ak);
    f.s(`    const val S3_UPLOAD_SECRET_KEY = "${as}"`, 'aws', as);
    f.d(`    const val AMPLITUDE_API_KEY = "${t.hex(32)}"`, 'amplitude api key (public)');
    f.d(`    const val MIXPANEL_TOKEN = "${t.hex(32)}"`, 'mixpanel project token (public)');
    f.d('    const val PASSWORD_MIN_LENGTH = 10', 'number');
    f.d('    const val ADMOB_BANNER_TEST = "ca-app-pub-3940256099942544/6300978111"', 'google documented test ad unit');
    f.l('}');
  }

  // ---- iOS: Info.plist, xcconfig, schemes, Swift -------------------------------------------
  {
    const f = repo.file('ios/AcmeShop/Info.plist', 'ios-plist');
    f.l(
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<plist version="1.0">',
      '<dict>',
      '\t<key>CFBundleIdentifier</key>',
      '\t<string>$(PRODUCT_BUNDLE_IDENTIFIER)</string>',
    );
    f.l('\t<key>FacebookAppID</key>');
    f.d(`\t<string>${t.digits(16)}</string>`, 'facebook app id');
    f.l('\t<key>FacebookClientToken</key>');
    f.d(`\t<string>${t.hex(32)}</string>`, 'facebook client token (embedded by design)');
    f.l('\t<key>CodePushDeploymentKey</key>');
    f.d(`\t<string>${m.codepushKey()}</string>`, 'codepush deployment key (shipped in app)');
    f.l('\t<key>GADApplicationIdentifier</key>');
    f.d(`\t<string>${m.admobAppId()}</string>`, 'admob app id');
    f.l('\t<key>MBXAccessToken</key>');
    f.d(`\t<string>${m.mapbox('pk', 'acme-mobile')}</string>`, 'mapbox public token');
    f.l('\t<key>API_KEY</key>');
    f.d('\t<string>$(API_KEY)</string>', 'xcconfig reference');
    f.l('\t<key>StripeSecretKey</key>');
    const sk = t.stripeLive();
    f.s(`\t<string>${sk}</string>`, 'stripe', sk);
    f.l('\t<key>BackendServicePassword</key>');
    const pw = t.password();
    f.s(`\t<string>${pw}</string>`, 'generic', pw);
    f.l('\t<key>NSCameraUsageDescription</key>', '\t<string>Scan product barcodes</string>', '</dict>', '</plist>');
  }
  {
    const f = repo.file('ios/Config/Release.xcconfig', 'xcconfig');
    f.l(
      '#include "Pods/Target Support Files/Pods-AcmeShop/Pods-AcmeShop.release.xcconfig"',
      '#include? "Secrets.xcconfig"',
      '',
    );
    f.d(`DEVELOPMENT_TEAM = ${teamId}`, 'team id');
    f.d(`PRODUCT_BUNDLE_IDENTIFIER = ${appId}`, 'bundle id');
    f.d('API_BASE_URL = https:/$()/api.acmeshop.io', 'url');
    f.d('API_KEY = $(inherited)', 'xcconfig reference');
    f.d(`SEGMENT_WRITE_KEY = ${t.mixed(ALNUM, 32)}`, 'segment write key (public)');
    const st = m.sentryUser();
    f.s(`SENTRY_AUTH_TOKEN = ${st}`, 'sentry', st);
    const cs = t.mixed(URLSAFE, 43);
    f.s(`BACKEND_CLIENT_SECRET = ${cs}`, 'generic', cs);
  }
  {
    const f = repo.file('ios/Config/Secrets.xcconfig', 'xcconfig');
    f.l('// Do not commit. Copy Secrets.example.xcconfig.');
    const oa = t.openai();
    f.s(`OPENAI_API_KEY = ${oa}`, 'openai', oa);
    f.d(`REVENUECAT_PUBLIC_KEY = ${m.revenuecatPublic('appl')}`, 'revenuecat public sdk key');
    const rc = m.revenuecatSecret();
    f.s(`REVENUECAT_SECRET_KEY = ${rc}`, 'revenuecat', rc);
  }
  {
    const f = repo.file('ios/Config/Secrets.example.xcconfig', 'xcconfig');
    f.d('OPENAI_API_KEY = YOUR_OPENAI_KEY', 'placeholder');
    f.d('REVENUECAT_SECRET_KEY = sk_YOUR_SECRET_KEY', 'placeholder');
    f.d('SENTRY_AUTH_TOKEN = $(SENTRY_AUTH_TOKEN)', 'reference');
  }
  {
    const f = repo.file('ios/AcmeShop.xcodeproj/xcshareddata/xcschemes/AcmeShop.xcscheme', 'xcode-scheme');
    f.l(
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<Scheme LastUpgradeVersion = "1540" version = "1.7">',
      '   <LaunchAction buildConfiguration = "Debug">',
      '      <CommandLineArguments>',
    );
    f.d('         <CommandLineArgument argument = "-FIRDebugEnabled" isEnabled = "YES"></CommandLineArgument>', 'flag');
    f.l('      </CommandLineArguments>', '      <EnvironmentVariables>');
    f.d(
      '         <EnvironmentVariable key = "OS_ACTIVITY_MODE" value = "disable" isEnabled = "YES"></EnvironmentVariable>',
      'setting',
    );
    const sl = t.slackWebhook();
    f.s(
      `         <EnvironmentVariable key = "SLACK_WEBHOOK_URL" value = "${sl}" isEnabled = "YES"></EnvironmentVariable>`,
      'slack',
      sl,
    );
    const up = t.password();
    f.s(
      `         <EnvironmentVariable key = "UITEST_ADMIN_PASSWORD" value = "${up}" isEnabled = "YES"></EnvironmentVariable>`,
      'generic',
      up,
    );
    const gf = `github_pat_11${t.mixed(UPPER + DIGIT, 20)}_${t.mixed(ALNUM, 59)}`;
    f.s(
      `         <EnvironmentVariable key = "GITHUB_TOKEN" value = "${gf}" isEnabled = "NO"></EnvironmentVariable>`,
      'github',
      gf,
    );
    f.l('      </EnvironmentVariables>', '   </LaunchAction>', '</Scheme>');
  }
  {
    const f = repo.file('ios/AcmeShop/Sources/Config/Secrets.swift', 'swift');
    f.l('import Foundation', '', 'enum Secrets {');
    f.l(`    static let algoliaAppID = "${algoliaApp}"`);
    f.d(`    static let algoliaSearchKey = "${t.hex(32)}"`, 'algolia search-only key');
    const aa = t.hex(32);
    f.s(`    static let algoliaAdminKey = "${aa}"`, 'algolia', aa);
    f.d(`    static let revenueCatAPIKey = "${m.revenuecatPublic('appl')}"`, 'revenuecat public sdk key');
    f.d(`    static let mapboxToken = "${m.mapbox('pk', 'acme-mobile')}"`, 'mapbox public token');
    f.d(`    static let mixpanelToken = "${t.hex(32)}"`, 'mixpanel project token (public)');
    f.d(`    static let sentryDSN = "${m.sentryDsn()}"`, 'sentry dsn (public)');
    const am = t.hex(32);
    f.s(`    static let amplitudeSecretKey = "${am}"`, 'amplitude', am);
    const fb = t.hex(32);
    f.s(`    static let facebookAppSecret = "${fb}"`, 'facebook', fb);
    f.d(`    static let stripePublishableKey = "${m.stripePk()}"`, 'stripe publishable key');
    f.d('    static let stripeTestDocsKey = "sk_test_4eC39HqLyjWDarjtT1zdp7dc"', "stripe's documented test key");
    f.l('}');
  }
  {
    const f = repo.file('ios/AcmeShop/Sources/Networking/APIClient.swift', 'swift');
    f.l('import Foundation', '', 'final class APIClient {');
    const hm = t.hex(64);
    f.s(`    private static let hmacSecret = "${hm}"`, 'generic', hm);
    f.d('    private let apiKey = ProcessInfo.processInfo.environment["API_KEY"] ?? ""', 'env reference');
    f.d(
      '    private let bundledKey = Bundle.main.object(forInfoDictionaryKey: "API_KEY") as? String',
      'plist reference',
    );
    f.l('', '    func authorize(_ request: inout URLRequest, token: String) {');
    f.d('        request.setValue("Bearer \\(token)", forHTTPHeaderField: "Authorization")', 'interpolation');
    f.l('    }', '', '    func reportingHeader() -> String {');
    const rp = t.password();
    f.s(`        let credentials = "reports-ios:${rp}".data(using: .utf8)!.base64EncodedString()`, 'generic', rp);
    f.l('        return "Basic \\(credentials)"', '    }', '}');
  }

  // ---- CocoaPods -----------------------------------------------------------------------------
  {
    const f = repo.file('ios/Podfile', 'cocoapods');
    f.l("platform :ios, '15.0'", '');
    f.d("source 'https://cdn.cocoapods.org/'", 'public spec repo');
    const gh = gpr();
    f.s(`source 'https://${gh}@github.com/acme-corp/cocoapods-specs.git'`, 'github', gh);
    f.l('', "target 'AcmeShop' do", '  use_frameworks!', "  pod 'Sentry', '~> 8.36'", "  pod 'MapboxMaps', '11.5.0'");
    const gl = t.gitlab();
    f.s(
      `  pod 'AcmePaymentsKit', :git => 'https://oauth2:${gl}@gitlab.com/acme-corp/ios-payments-kit.git', :tag => '2.4.1'`,
      'gitlab',
      gl,
    );
    f.l('end');
  }
  {
    const f = repo.file('ios/Podfile.lock', 'checksums');
    f.l('PODS:', '  - MapboxMaps (11.5.0)', '  - Sentry (8.36.0)', '', 'SPEC CHECKSUMS:');
    for (const p of ['AcmePaymentsKit', 'MapboxCommon', 'MapboxCoreMaps', 'MapboxMaps', 'Sentry'])
      f.d(`  ${p}: ${t.sha1()}`, 'spec checksum');
    f.l('');
    f.d(`PODFILE CHECKSUM: ${t.sha1()}`, 'podfile checksum');
    f.l('', 'COCOAPODS: 1.15.2');
  }
  {
    const f = repo.file('ios/ci/netrc', 'cocoapods');
    f.l('machine api.mapbox.com', '  login mapbox');
    const mb = m.mapbox('sk', 'acme-mobile');
    f.s(`  password ${mb}`, 'mapbox', mb);
    const tr = m.cocoapodsTrunk();
    f.s(`machine trunk.cocoapods.org login ios-team@acme-corp.io password ${tr}`, 'generic', tr);
  }

  // ---- Sentry --------------------------------------------------------------------------------
  {
    const f = repo.file('ios/sentry.properties', 'sentry');
    f.l('defaults.url=https://sentry.io/', 'defaults.org=acme-corp', 'defaults.project=acme-shop-ios');
    const lt = m.sentryLegacy();
    f.s(`auth.token=${lt}`, 'sentry', lt);
  }
  {
    const f = repo.file('android/sentry.properties', 'sentry');
    f.l('defaults.org=acme-corp', 'defaults.project=acme-shop-android');
    const ot = m.sentryOrg('acme-corp');
    f.s(`auth.token=${ot}`, 'sentry', ot);
  }

  // ---- fastlane ------------------------------------------------------------------------------
  {
    const f = repo.file('fastlane/Appfile', 'fastlane');
    f.d(`app_identifier("${appId}")`, 'bundle id');
    f.d('apple_id("ios-release@acme-corp.io")', 'apple id');
    f.d(`itc_team_id("${t.digits(9)}")`, 'itc team id');
    f.d(`team_id("${teamId}")`, 'team id');
    f.d('json_key_file("fastlane/play-store-service-account.json")', 'path');
    f.l(`package_name("${appId}")`);
  }
  {
    const f = repo.file('fastlane/Matchfile', 'fastlane');
    const gh = gpr();
    f.s(`git_url("https://x-access-token:${gh}@github.com/acme-corp/ios-certificates.git")`, 'github', gh);
    f.l('storage_mode("git")', 'type("appstore")');
    f.d(`app_identifier(["${appId}", "${appId}.NotificationService"])`, 'bundle ids');
    f.d('git_basic_authorization(ENV["MATCH_GIT_BASIC_AUTHORIZATION"])', 'env reference');
    f.l('readonly(true)');
  }
  {
    const f = repo.file('fastlane/.env.default', 'fastlane');
    f.d('FASTLANE_USER=ios-release@acme-corp.io', 'apple id');
    const mp = t.password();
    f.s(`MATCH_PASSWORD=${mp}`, 'generic', mp);
    const fp = t.password();
    f.s(`FASTLANE_PASSWORD=${fp}`, 'generic', fp);
    const asp = m.appSpecificPw();
    f.s(`FASTLANE_APPLE_APPLICATION_SPECIFIC_PASSWORD=${asp}`, 'generic', asp);
    const gh = gpr();
    f.s(`MATCH_GIT_BASIC_AUTHORIZATION=${b64(`acme-ci-bot:${gh}`)}`, 'github', gh);
    const sl = t.slackWebhook();
    f.s(`SLACK_URL=${sl}`, 'slack', sl);
    const fc = m.firebaseCiToken();
    f.s(`FIREBASE_TOKEN=${fc}`, 'firebase', fc);
    f.d(`APP_STORE_CONNECT_API_KEY_KEY_ID=${m.ascKeyId()}`, 'asc key id');
    f.d(`APP_STORE_CONNECT_API_KEY_ISSUER_ID=${t.uuid()}`, 'asc issuer id');
    f.d('APP_STORE_CONNECT_API_KEY_KEY_FILEPATH=./fastlane/AuthKey.p8', 'path');
    f.l('FASTLANE_SKIP_UPDATE_CHECK=1');
  }
  {
    const f = repo.file('fastlane/.env.example', 'fastlane');
    f.d('MATCH_PASSWORD=', 'empty');
    f.d('FASTLANE_PASSWORD=your-apple-id-password', 'placeholder');
    f.d('SLACK_URL=https://hooks.slack.com/services/XXXXXXXXX/YYYYYYYYY/ZZZZZZZZZZZZZZZZZZZZZZZZ', 'placeholder');
    f.d('FIREBASE_TOKEN=<output of firebase login:ci>', 'placeholder');
    f.d('SENTRY_AUTH_TOKEN=${SENTRY_AUTH_TOKEN}', 'variable');
  }
  {
    const f = repo.file('fastlane/Fastfile', 'fastlane');
    const p8 = m.ascP8();
    f.l('default_platform(:ios)', '', 'platform :ios do', '  lane :release do');
    f.s(
      `    api_key = app_store_connect_api_key(key_id: "${m.ascKeyId()}", issuer_id: "${t.uuid()}", key_content: "${p8.join('\\n')}", in_house: false)`,
      'private-key',
      p8.join('\n'),
    );
    f.d('    match(type: "appstore", readonly: is_ci, api_key: api_key)', 'call');
    f.l(
      '    build_app(scheme: "AcmeShop", export_method: "app-store")',
      '    upload_to_testflight(api_key: api_key, skip_waiting_for_build_processing: true)',
    );
    const su = m.sentryLegacy();
    f.s(
      `    sentry_upload_dif(auth_token: "${su}", org_slug: "acme-corp", project_slug: "acme-shop-ios")`,
      'sentry',
      su,
    );
    const sl = t.slackWebhook();
    f.s(`    slack(message: "iOS build uploaded", slack_url: "${sl}")`, 'slack', sl);
    f.l('  end', '', '  lane :beta_ci do');
    f.d(
      '    app_store_connect_api_key(key_id: ENV["ASC_KEY_ID"], issuer_id: ENV["ASC_ISSUER_ID"], key_content: ENV["ASC_KEY_CONTENT"], is_key_content_base64: true)',
      'env reference',
    );
    f.l(
      '  end',
      'end',
      '',
      'platform :android do',
      '  lane :distribute do',
      '    gradle(task: "assemble", build_type: "Release")',
    );
    const fc = m.firebaseCiToken();
    f.s(
      `    firebase_app_distribution(app: "${m.googleAppId('android')}", firebase_cli_token: "${fc}", groups: "qa")`,
      'firebase',
      fc,
    );
    f.d('    upload_to_play_store(track: "internal", json_key: "fastlane/play-store-service-account.json")', 'path');
    f.l('  end', 'end');
  }
  {
    const f = repo.file(`fastlane/AuthKey_${m.ascKeyId()}.p8`, 'fastlane');
    const p8 = m.ascP8();
    f.s(p8, 'private-key', p8.join('\n'));
  }
  {
    const f = repo.file('fastlane/asc_api_key.json', 'fastlane');
    const p8 = m.ascP8();
    f.l('{');
    f.d(`  "key_id": "${m.ascKeyId()}",`, 'asc key id');
    f.d(`  "issuer_id": "${t.uuid()}",`, 'asc issuer id');
    f.s(`  "key": ${JSON.stringify(p8.join('\n'))},`, 'private-key', p8.join('\n'));
    f.l('  "in_house": false', '}');
  }
  {
    const f = repo.file('fastlane/play-store-service-account.json', 'fastlane');
    const pk = t.pkcs8Pem();
    const proj = `api-${t.digits(16)}-${t.digits(6)}`;
    f.l('{', '  "type": "service_account",', `  "project_id": "${proj}",`);
    f.d(`  "private_key_id": "${t.sha1()}",`, 'key id');
    f.s(`  "private_key": ${JSON.stringify(pk.join('\n') + '\n')},`, 'gcp', pk.join('\n'));
    f.l(`  "client_email": "fastlane-supply@${proj}.iam.gserviceaccount.com",`);
    f.d(`  "client_id": "${t.digits(21)}",`, 'client id');
    f.l(
      '  "auth_uri": "https://accounts.google.com/o/oauth2/auth",',
      '  "token_uri": "https://oauth2.googleapis.com/token"',
      '}',
    );
  }

  // ---- CI: Codemagic, Bitrise, App Center, GitHub Actions -----------------------------------
  {
    const f = repo.file('codemagic.yaml', 'mobile-ci');
    f.l('workflows:', '  android-release:', '    name: Android release', '    environment:', '      groups:');
    f.d('        - google_play_credentials', 'group name');
    f.l('      android_signing:', '        - acme_upload_key', '      vars:');
    f.d('        CM_KEY_ALIAS: upload', 'alias');
    const ksb = m.jksBase64();
    f.s(`        CM_KEYSTORE: ${ksb}`, 'private-key', ksb);
    const ksp = m.keystorePw();
    f.s(`        CM_KEYSTORE_PASSWORD: ${ksp}`, 'generic', ksp);
    const kyp = m.keystorePw();
    f.s(`        CM_KEY_PASSWORD: "${kyp}"`, 'generic', kyp);
    f.d(`        GOOGLE_PLAY_JSON: Encrypted(Z0FBQUFBQm${t.mixed(URLSAFE, 120)})`, 'codemagic encrypted value');
    f.l('    scripts:', '      - name: Set up keystore', '        script: |');
    f.d('          echo $CM_KEYSTORE | base64 --decode > $CM_BUILD_DIR/keystore.jks', 'variable');
    f.d('          echo "storePassword=$CM_KEYSTORE_PASSWORD" >> "$CM_BUILD_DIR/android/key.properties"', 'variable');
    f.l('  ios-release:', '    environment:', '      vars:');
    f.d(`        APP_STORE_CONNECT_KEY_IDENTIFIER: ${m.ascKeyId()}`, 'asc key id');
    f.d(`        APP_STORE_CONNECT_ISSUER_ID: ${t.uuid()}`, 'asc issuer id');
    f.l('        APP_STORE_CONNECT_PRIVATE_KEY: |');
    const p8 = m.ascP8();
    f.s(
      p8.map((l) => `          ${l}`),
      'private-key',
      p8.join('\n'),
    );
    f.l('    publishing:', '      slack:', '        channel: "#mobile-releases"');
  }
  {
    const f = repo.file('bitrise.yml', 'mobile-ci');
    f.l(
      "format_version: '13'",
      'default_step_lib_source: https://github.com/bitrise-io/bitrise-steplib.git',
      'app:',
      '  envs:',
      '  - PROJECT_LOCATION: android',
      '  - MODULE: app',
    );
    f.d(`  - BITRISE_APP_SLUG_STAGING: ${t.hex(16)}`, 'app slug');
    const gl = t.gitlab();
    f.s(`  - GITLAB_PACKAGES_TOKEN: ${gl}`, 'gitlab', gl);
    f.l(
      '    opts:',
      '      is_expand: false',
      'workflows:',
      '  release:',
      '    steps:',
      '    - sign-apk@1:',
      '        inputs:',
    );
    f.d('        - android_keystore_password: $BITRISEIO_ANDROID_KEYSTORE_PASSWORD', 'variable');
    f.d('        - keystore_url: $BITRISEIO_ANDROID_KEYSTORE_URL', 'variable');
    f.l(
      '    - android-build@1:',
      '        inputs:',
      '        - variant: release',
      '    - deploy-to-bitrise-io@2: {}',
      '    - script@1:',
      '        inputs:',
      '        - content: |-',
    );
    const kp = m.keystorePw();
    f.s(`            ./gradlew publish -PsigningKeyPassword=${kp}`, 'generic', kp);
  }
  {
    const f = repo.file('appcenter-pre-build.sh', 'mobile-ci');
    f.l('#!/usr/bin/env bash', 'set -e', 'echo "Injecting keystore"');
    f.d('echo "$KEYSTORE_BASE64" | base64 --decode > android/app/release.keystore', 'variable');
    const at = m.appcenterToken();
    f.s(
      `npx appcenter-cli codepush release-react -a acme-corp/acme-shop-ios -d Production --token ${at}`,
      'generic',
      at,
    );
  }
  {
    const f = repo.file('android/app/src/main/assets/appcenter-config.json', 'mobile-ci');
    f.l('{');
    f.d(`  "app_secret": "${t.uuid()}"`, 'app center app secret (shipped in app)');
    f.l('}');
  }
  {
    const f = repo.file('.github/workflows/mobile-release.yml', 'mobile-ci');
    f.l(
      'name: mobile release',
      'on:',
      '  push:',
      '    tags: ["v*"]',
      'jobs:',
      '  ios:',
      '    runs-on: macos-14',
      '    env:',
    );
    f.d('      MATCH_PASSWORD: ${{ secrets.MATCH_PASSWORD }}', 'secrets reference');
    f.d('      APP_STORE_CONNECT_API_KEY_KEY: ${{ secrets.ASC_P8 }}', 'secrets reference');
    const ct = m.cocoapodsTrunk();
    f.s(`      COCOAPODS_TRUNK_TOKEN: ${ct}`, 'generic', ct);
    f.l(
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - run: bundle exec fastlane ios release',
      '  android:',
      '    runs-on: ubuntu-latest',
      '    env:',
    );
    f.d('      ORG_GRADLE_PROJECT_signingInMemoryKey: ${{ secrets.SIGNING_KEY }}', 'secrets reference');
    const mc = t.password();
    f.s(`      ORG_GRADLE_PROJECT_mavenCentralPassword: "${mc}"`, 'generic', mc);
    f.l('    steps:', '      - uses: actions/checkout@v4', '      - run: ./gradlew publishAndReleaseToMavenCentral');
  }
  {
    const f = repo.file('codepush/codepush-private.pem', 'keys');
    const rsa = t.rsaPem();
    f.s(rsa, 'private-key', rsa.join('\n'));
  }
  {
    const f = repo.file('android/signing/maven-central-signing-key.asc', 'keys');
    const a = m.pgpArmored();
    f.s(a, 'private-key', a.filter((l) => l !== '').join('\n'));
  }

  // ---- React Native / Expo -------------------------------------------------------------------
  {
    const f = repo.file('.env', 'react-native');
    f.d('API_URL=https://api.acmeshop.io', 'url');
    f.d(`STRIPE_PUBLISHABLE_KEY=${m.stripePk()}`, 'stripe publishable key');
    f.d(`GOOGLE_MAPS_API_KEY=${t.gcpApiKey()}`, 'maps sdk client key (restricted)');
    f.d(`ONESIGNAL_APP_ID=${onesignalAppId}`, 'onesignal app id');
    const os = m.onesignalAppKey(onesignalAppId);
    f.s(`ONESIGNAL_REST_API_KEY=${os}`, 'onesignal', os);
    f.l(`ALGOLIA_APP_ID=${algoliaApp}`);
    f.d(`ALGOLIA_SEARCH_KEY=${t.hex(32)}`, 'algolia search-only key');
    f.d(`AUTH0_CLIENT_ID=${t.mixed(ALNUM, 32)}`, 'auth0 client id');
    const a0 = m.auth0Secret();
    f.s(`AUTH0_CLIENT_SECRET=${a0}`, 'auth0', a0);
    f.d(`CODEPUSH_KEY_IOS=${m.codepushKey()}`, 'codepush deployment key (shipped in app)');
  }
  {
    const f = repo.file('.env.production', 'react-native');
    const ak = t.awsId();
    const as = t.awsSecret();
    f.s(`AWS_ACCESS_KEY_ID=${ak}`, 'aws', ak);
    f.s(`AWS_SECRET_ACCESS_KEY=${as}`, 'aws', as);
    f.l('AWS_REGION=eu-west-1', 'S3_BUCKET=acme-shop-user-uploads');
    f.d(`BRANCH_KEY=${m.branchKey()}`, 'branch live key (public)');
    const bs = m.branchSecret();
    f.s(`BRANCH_SECRET=${bs}`, 'generic', bs);
    f.d('SENTRY_DSN=${SENTRY_DSN}', 'variable');
  }
  {
    const f = repo.file('app.json', 'expo');
    f.l('{', '  "expo": {', '    "name": "Acme Shop",', '    "slug": "acme-shop",', '    "ios": {');
    f.d(`      "bundleIdentifier": "${appId}",`, 'bundle id');
    f.d(`      "config": { "googleMapsApiKey": "${t.gcpApiKey()}" }`, 'maps sdk client key (restricted)');
    f.l('    },', '    "android": {', `      "package": "${appId}",`);
    f.d(`      "config": { "googleMaps": { "apiKey": "${t.gcpApiKey()}" } }`, 'maps sdk client key (restricted)');
    f.l('    },');
    f.d(`    "updates": { "url": "https://u.expo.dev/${t.uuid()}" },`, 'project url');
    f.d(`    "extra": { "eas": { "projectId": "${t.uuid()}" } },`, 'project id');
    f.l(
      '    "hooks": {',
      '      "postPublish": [',
      '        {',
      '          "file": "sentry-expo/upload-sourcemaps",',
      '          "config": {',
      '            "organization": "acme-corp",',
      '            "project": "acme-shop",',
    );
    const st = m.sentryLegacy();
    f.s(`            "authToken": "${st}"`, 'sentry', st);
    f.l('          }', '        }', '      ]', '    }', '  }', '}');
  }
  {
    const f = repo.file('app.config.js', 'expo');
    f.l('export default ({ config }) => ({', '  ...config,', '  extra: {');
    f.d('    stripeKey: process.env.STRIPE_PUBLISHABLE_KEY,', 'env reference');
    const oa = t.openai();
    f.s(`    openaiKey: '${oa}',`, 'openai', oa);
    f.d(`    firebaseApiKey: '${t.gcpApiKey()}',`, 'firebase web api key');
    f.d(`    revenueCatIos: '${m.revenuecatPublic('appl')}',`, 'revenuecat public sdk key');
    f.d(`    revenueCatAndroid: '${m.revenuecatPublic('goog')}',`, 'revenuecat public sdk key');
    f.l('  },', '});');
  }
  {
    const f = repo.file('eas.json', 'expo');
    f.l('{', '  "build": {', '    "production": {', '      "env": {');
    f.d('        "EXPO_PUBLIC_API_URL": "https://api.acmeshop.io",', 'url');
    const so = m.sentryOrg('acme-corp');
    f.s(`        "SENTRY_AUTH_TOKEN": "${so}",`, 'sentry', so);
    const npm = t.npm();
    f.s(`        "NPM_TOKEN": "${npm}"`, 'npm', npm);
    f.l('      }', '    }', '  },', '  "submit": {', '    "production": {', '      "ios": {');
    f.d('        "ascApiKeyPath": "./fastlane/AuthKey.p8",', 'path');
    f.d(`        "ascApiKeyIssuerId": "${t.uuid()}",`, 'asc issuer id');
    f.d(`        "ascApiKeyId": "${m.ascKeyId()}",`, 'asc key id');
    f.d(`        "appleTeamId": "${teamId}"`, 'team id');
    f.l('      }', '    }', '  }', '}');
  }

  // ---- Flutter -------------------------------------------------------------------------------
  {
    const f = repo.file('flutter_app/lib/env.dart', 'flutter');
    const ref = t.pick(LOWER, 20);
    f.l('class Env {');
    f.l(`  static const supabaseUrl = 'https://${ref}.supabase.co';`);
    f.d(`  static const supabaseAnonKey = '${m.supabaseAnon(ref)}';`, 'supabase anon key (public)');
    const svc = m.supabaseService(ref);
    f.s(`  static const supabaseServiceRoleKey = '${svc}';`, 'supabase', svc);
    const rk = m.stripeRk();
    f.s(`  static const stripeRestrictedKey = '${rk}';`, 'stripe', rk);
    f.d("  static const apiKey = String.fromEnvironment('API_KEY');", 'dart-define reference');
    f.d("  static final mapsKey = dotenv.env['MAPS_API_KEY'] ?? '';", 'dotenv reference');
    f.l('}');
  }
  {
    const f = repo.file('flutter_app/config/dart_defines/prod.json', 'flutter');
    f.l('{');
    f.d(`  "SENTRY_DSN": "${m.sentryDsn()}",`, 'sentry dsn (public)');
    f.d(`  "MAPBOX_ACCESS_TOKEN": "${m.mapbox('pk', 'acme-mobile')}",`, 'mapbox public token');
    f.d(`  "REVENUECAT_APPLE_KEY": "${m.revenuecatPublic('appl')}",`, 'revenuecat public sdk key');
    const fcm = m.fcmServerKey();
    f.s(`  "FCM_SERVER_KEY": "${fcm}",`, 'firebase', fcm);
    const gs = m.gocspx();
    f.s(`  "GOOGLE_CLIENT_SECRET": "${gs}"`, 'gcp', gs);
    f.l('}');
  }
  {
    const f = repo.file('flutter_app/pubspec.lock', 'checksums');
    f.l('packages:');
    for (const [n, v] of [
      ['firebase_core', '3.6.0'],
      ['sentry_flutter', '8.9.0'],
      ['supabase_flutter', '2.8.0'],
    ]) {
      f.l(`  ${n}:`, '    dependency: "direct main"', '    description:', `      name: ${n}`);
      f.d(`      sha256: "${t.sha256()}"`, 'package checksum');
      f.l('      url: "https://pub.dev"', '    source: hosted', `    version: "${v}"`);
    }
  }
  {
    const f = repo.file('ios/AcmeShop/ExportOptions.plist', 'ios-plist');
    f.l(
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<plist version="1.0">',
      '<dict>',
      '\t<key>method</key>',
      '\t<string>app-store</string>',
      '\t<key>teamID</key>',
    );
    f.d(`\t<string>${teamId}</string>`, 'team id');
    f.l('\t<key>provisioningProfiles</key>', '\t<dict>', `\t\t<key>${appId}</key>`);
    f.d(`\t\t<string>${t.uuid().toUpperCase()}</string>`, 'provisioning profile uuid');
    f.l('\t</dict>', '</dict>', '</plist>');
  }
  return repo;
}
