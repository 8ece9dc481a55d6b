// A travel-booking company's monorepo: Kotlin/Java Spring Boot services, a legacy Laravel/plain PHP
// booking site, Python pricing jobs and notebooks, GDS and airline integrations (Amadeus, Sabre,
// Travelport, NDC, bed banks), Stripe/Adyen/Braintree/PayPal payments, Twilio/SendGrid, Google Maps,
// Kubernetes, Terraform (AWS), Dockerfiles, Jenkinsfiles, nginx, logs and HAR/curl captures.
import { ALNUM, B64, DIGIT, HEX, LOWER, UPPER, URLSAFE, Repo, makeTokens, mulberry32 } from './generate.mjs';

// A planted value must not spell one of these by chance.
const BAD = /example|dummy|fake|test|sample/i;

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 7919 + 4111);
  const raw = makeTokens(rand);
  const t = Object.fromEntries(
    Object.entries(raw).map(([k, fn]) => [
      k,
      (...a) => {
        for (;;) {
          const v = fn(...a);
          if (typeof v !== 'string' || !BAD.test(v.replace(/^sk_test_/, ''))) return v;
        }
      },
    ]),
  );
  const repo = new Repo();
  const choose = (arr) => arr[Math.floor(rand() * arr.length)];
  const b64 = (s) => Buffer.from(s).toString('base64');
  const b64url = (s) => Buffer.from(s).toString('base64url');
  const bytes = (n) => Buffer.from(Array.from({ length: n }, () => Math.floor(rand() * 256)));
  const lowerNum = (n) => t.mixed(LOWER + DIGIT, n);
  const upperNum = (n) => t.mixed(UPPER + DIGIT, n);
  const HEXU = '0123456789ABCDEF';
  const CITIES = [
    'Lisbon',
    'Cancun',
    'Phuket',
    'Kyoto',
    'Sevilla',
    'Reykjavik',
    'Zanzibar',
    'Dubrovnik',
    'Havana',
    'Santorini',
    'Marrakech',
    'Queenstown',
  ];
  const h = {
    pw: () => t.password(),
    pwa: () => t.password().replace(/[^A-Za-z0-9]/g, ''),
    // What a person picks: a destination, a separator, a year.
    human: () => `${choose(CITIES)}${choose(['@', '#', '!', '_', '.'])}${2014 + Math.floor(rand() * 11)}`,
    // What a generator emits: letters, digits and a few symbols, never a leading symbol.
    strong: (n) => t.pick(UPPER + LOWER, 1) + t.mixed(ALNUM + '!#%*+-_=', n - 1),
    amadeusId: () => t.alnum(32),
    amadeusSecret: () => t.alnum(16),
    amadeusToken: () => t.alnum(28),
    officeId: () => `${choose(['PAR', 'LON', 'MAD', 'NCE'])}1A${t.pick(DIGIT, 4)}`,
    pcc: () => upperNum(4),
    epr: () => t.digits(5),
    tpUser: () => `Universal API/uAPI${t.digits(10)}-${t.pick(HEX, 8)}`,
    tpPass: () => t.pick(UPPER + LOWER, 1) + t.mixed(ALNUM + '=+%-', 9),
    hbKey: () => t.hex(32),
    hbSecret: () => lowerNum(10),
    rapidKey: () => `${t.pick(HEX, 10)}msh${t.pick(HEX, 14)}p1${t.pick(HEX, 6)}jsn${t.pick(HEX, 12)}`,
    stripeRk: () => `rk_live_51${t.mixed(ALNUM, 97)}`,
    stripePk: () => `pk_live_51${t.mixed(ALNUM, 97)}`,
    whsec: () => `whsec_${t.mixed(ALNUM, 32)}`,
    adyenKey: () => `AQE${t.mixed(B64, 127)}==-${t.mixed(B64, 43)}=-${t.alnum(4)}${t.mixed(ALNUM + '()[]{}~#*', 12)}`,
    adyenClientKey: () => `live_${upperNum(32)}`,
    adyenHmac: () => t.mixed(HEXU, 64),
    btId: () => lowerNum(16),
    btPrivate: () => t.hex(32),
    paypalId: () => `A${t.mixed(URLSAFE, 79)}`,
    paypalSecret: () => `E${t.mixed(URLSAFE, 79)}`,
    twilioKeySid: () => `SK${t.hex(32)}`,
    twilioKeySecret: () => t.alnum(32),
    googleSecret: () => `GOCSPX-${t.mixed(URLSAFE, 28)}`,
    googleClientId: () => `${t.digits(12)}-${lowerNum(32)}.apps.googleusercontent.com`,
    recaptcha: () => `6Le${t.mixed(URLSAFE, 5)}AAAAA${t.mixed(URLSAFE, 27)}`,
    mapbox: (p) => `${p}.${b64url(JSON.stringify({ u: 'wanderly', a: lowerNum(25) }))}.${t.mixed(URLSAFE, 22)}`,
    algoliaApp: () => upperNum(10),
    mailchimp: () => `${t.hex(32)}-us${choose(['6', '14', '17', '21'])}`,
    pusherKey: () => t.hex(20),
    laravelKey: () => `base64:${bytes(32).toString('base64')}`,
    vault: () => `hvs.${t.alnum(24)}`,
    sonar: () => `squ_${t.hex(40)}`,
    pagerduty: () => `u+${t.mixed(URLSAFE, 18)}`,
    logzio: () => t.pick(UPPER + LOWER, 32),
    jasypt: () => `ENC(${bytes(24).toString('base64')})`,
    kmsBlob: () => `AQICAHh${t.mixed(B64, 177)}==`,
    sentryDsn: () => `https://${t.pick(HEX, 32)}@o${t.digits(6)}.ingest.sentry.io/${t.digits(7)}`,
    pnr: () => t.mixed(UPPER + DIGIT, 6),
    ticket: () => `${choose(['220', '125', '057', '074'])}${t.pick(DIGIT, 10)}`,
    psp: () => t.digits(16),
    bcrypt: (v = '2y') => `$${v}$10$${t.mixed(ALNUM + './', 53)}`,
    jwt: () => {
      const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: t.hex(16) }));
      const payload = b64url(
        JSON.stringify({
          iss: 'https://auth.wanderly.travel',
          sub: t.uuid(),
          aud: 'booking-web',
          scope: 'trips:read bookings:write',
          iat: 1713448991,
          exp: 2028808991,
        }),
      );
      return `${header}.${payload}.${t.mixed(URLSAFE, 342)}`;
    },
  };

  bookingApi(repo, t, h);
  paymentsApi(repo, t, h);
  legacyPhp(repo, t, h);
  pricing(repo, t, h);
  gds(repo, t, h);
  terraform(repo, t, h);
  kubernetes(repo, t, h, b64);
  docker(repo, t, h);
  ci(repo, t, h);
  nginx(repo, t, h, b64);
  logs(repo, t, h, b64);
  docs(repo, t, h);
  keys(repo, t, h);
  ops(repo, t, h);
  return repo;
}

// ---- Kotlin Spring Boot booking service ----------------------------------------------------

function bookingApi(repo, t, h) {
  const y = repo.file('services/booking-api/src/main/resources/application.yml', 'spring');
  const dbpw = h.pw();
  const redisPw = h.strong(24);
  const sg = t.sendgrid();
  const ksPw = h.human();
  const amId = h.amadeusId();
  const amSecret = h.amadeusSecret();
  const maps = t.gcpApiKey();
  y.l(
    'spring:',
    '  application:',
    '    name: booking-api',
    '  datasource:',
    '    url: jdbc:postgresql://booking-db.prod.wanderly.internal:5432/booking',
    '    username: booking_app',
  );
  y.s(`    password: \${BOOKING_DB_PASSWORD:${dbpw}}`, 'generic', dbpw);
  y.l(
    '    hikari:',
    '      maximum-pool-size: 20',
    '  data:',
    '    redis:',
    '      host: redis-booking.prod.wanderly.internal',
    '      port: 6379',
  );
  y.s(`      password: ${redisPw}`, 'generic', redisPw);
  y.l('  mail:', '    host: smtp.sendgrid.net', '    port: 587', '    username: apikey');
  y.s(`    password: ${sg}`, 'sendgrid', sg);
  y.l('  cloud:', '    config:', '      uri: https://config-server.wanderly.internal', '      username: booking');
  y.d('      password: ${CONFIG_SERVER_PASSWORD}', 'env reference');
  y.l('server:', '  port: 8443', '  ssl:');
  y.d('    key-store: classpath:keystore/booking-api.p12', 'keystore path');
  y.s(`    key-store-password: ${ksPw}`, 'generic', ksPw);
  y.l('    key-store-type: PKCS12', 'amadeus:', '  hostname: production');
  y.d(`  client-id: ${amId}`, 'amadeus client id (public identifier)');
  y.s(`  client-secret: \${AMADEUS_CLIENT_SECRET:${amSecret}}`, 'amadeus', amSecret, 'warning');
  y.l('sabre:', '  soap-endpoint: https://webservices.platform.sabre.com');
  const pcc = h.pcc();
  y.d(`  pcc: ${pcc}`, 'pseudo city code');
  y.d(`  username: "${h.epr()}"`, 'EPR user id');
  y.d('  password: ${SABRE_EPR_PASSWORD}', 'env reference');
  y.l(`  organization: ${pcc}`, 'google:', '  maps:');
  y.s(`    api-key: ${maps}`, 'gcp', maps);
  y.l(
    'management:',
    '  endpoints:',
    '    web:',
    '      exposure:',
    '        include: health,info,prometheus',
    'logging:',
    '  level:',
    '    com.wanderly.booking.gds: DEBUG',
  );

  const yp = repo.file('services/booking-api/src/main/resources/application-prod.yml', 'spring');
  const jas = h.strong(20);
  const tpUser = h.tpUser();
  const tpPass = h.tpPass();
  const dd = t.ddApi();
  yp.l('spring:', '  datasource:');
  yp.d(`    password: ${h.jasypt()}`, 'jasypt-encrypted value');
  yp.l('jasypt:', '  encryptor:');
  yp.s(`    password: ${jas}`, 'generic', jas);
  yp.l('    algorithm: PBEWITHHMACSHA512ANDAES_256', 'travelport:');
  yp.d(`  target-branch: P${t.digits(7)}`, 'branch id');
  yp.d(`  username: "${tpUser}"`, 'travelport user name');
  yp.s(`  password: "${tpPass}"`, 'travelport', tpPass, 'warning');
  yp.l('hotelbeds:', '  endpoint: https://api.hotelbeds.com');
  yp.d('  api-key: ${HOTELBEDS_API_KEY:}', 'env reference with empty default');
  yp.d('  secret: ${HOTELBEDS_SECRET:}', 'env reference with empty default');
  yp.l('datadog:');
  yp.s(`  api-key: ${dd}`, 'datadog', dd);
  yp.l('sentry:');
  yp.d(`  dsn: ${h.sentryDsn()}`, 'sentry dsn (public)');
  yp.l('  environment: production');

  const bs = repo.file('services/booking-api/src/main/resources/bootstrap.yml', 'spring');
  const cfgPw = h.pwa();
  const vt = h.vault();
  bs.l('spring:', '  cloud:', '    config:');
  bs.s(`      uri: https://booking:${cfgPw}@config.wanderly.internal`, 'generic', cfgPw);
  bs.l('      fail-fast: true', '    vault:', '      host: vault.wanderly.internal', '      authentication: TOKEN');
  bs.s(`      token: ${vt}`, 'vault', vt);
  bs.l('      kv:', '        backend: secret', '        default-context: booking-api');

  const ak = repo.file('services/booking-api/src/main/kotlin/com/wanderly/booking/gds/AmadeusConfig.kt', 'kotlin');
  const amSecret2 = h.amadeusSecret();
  ak.l(
    'package com.wanderly.booking.gds',
    '',
    'import com.amadeus.Amadeus',
    'import org.springframework.beans.factory.annotation.Value',
    'import org.springframework.context.annotation.Bean',
    'import org.springframework.context.annotation.Configuration',
    '',
    '@Configuration',
    'class AmadeusConfig(',
  );
  ak.d('    @Value("\\${amadeus.client-id}") private val clientId: String,', 'property reference');
  ak.s(
    `    @Value("\\\${amadeus.client-secret:${amSecret2}}") private val clientSecret: String,`,
    'amadeus',
    amSecret2,
    'warning',
  );
  ak.l(') {', '    @Bean');
  ak.d(
    '    fun amadeus(): Amadeus = Amadeus.builder(clientId, clientSecret).setHostname("production").build()',
    'variables',
  );
  ak.l('}');

  const ft = repo.file('services/booking-api/src/main/kotlin/com/wanderly/booking/gds/FlightOffersTool.kt', 'kotlin');
  const ftId = h.amadeusId();
  const ftSecret = h.amadeusSecret();
  ft.l(
    'package com.wanderly.booking.gds',
    '',
    'import com.amadeus.Amadeus',
    'import com.amadeus.Params',
    '',
    '// Ad-hoc CLI used by the revenue team to compare offers with the booking flow.',
    'fun main(args: Array<String>) {',
  );
  ft.s(`    val amadeus = Amadeus.builder("${ftId}", "${ftSecret}").build()`, 'amadeus', ftSecret, 'warning');
  ft.l(
    '    val offers = amadeus.shopping.flightOffersSearch.get(',
    '        Params.with("originLocationCode", args[0]).and("destinationLocationCode", args[1]).and("departureDate", args[2]).and("adults", 1),',
    '    )',
    '    offers.forEach { println("${it.price.grandTotal} ${it.itineraries.size}") }',
    '}',
  );

  const sc = repo.file('services/booking-api/src/main/kotlin/com/wanderly/booking/gds/SabreSessionClient.kt', 'kotlin');
  const eprPw = `WS${h.pwa().slice(0, 8)}`;
  sc.l(
    'package com.wanderly.booking.gds',
    '',
    'import org.springframework.web.reactive.function.client.WebClient',
    'import reactor.core.publisher.Mono',
    '',
    'private const val SESSION_CREATE = """',
    '<soap-env:Envelope xmlns:soap-env="http://schemas.xmlsoap.org/soap/envelope/" xmlns:wsse="http://schemas.xmlsoap.org/ws/2002/12/secext">',
    '  <soap-env:Header>',
    '    <wsse:Security>',
    '      <wsse:UsernameToken>',
  );
  sc.d('        <wsse:Username>%s</wsse:Username>', 'format placeholder');
  sc.d('        <wsse:Password>%s</wsse:Password>', 'format placeholder');
  sc.l(
    '        <Organization>%s</Organization>',
    '        <Domain>DEFAULT</Domain>',
    '      </wsse:UsernameToken>',
    '    </wsse:Security>',
    '  </soap-env:Header>',
    '  <soap-env:Body><SessionCreateRQ Version="1.0.0"/></soap-env:Body>',
    '</soap-env:Envelope>',
    '"""',
    '',
    'class SabreSessionClient(private val http: WebClient) {',
    `    private val eprUser = "${h.epr()}"`,
  );
  sc.s(`    private val eprPassword = "${eprPw}"`, 'sabre', eprPw, 'warning');
  sc.l(
    `    private val pcc = "${h.pcc()}"`,
    '',
    '    fun createSession(): Mono<String> =',
    '        http.post().bodyValue(SESSION_CREATE.format(eprUser, eprPassword, pcc)).retrieve().bodyToMono(String::class.java)',
    '}',
  );

  const tn = repo.file(
    'services/booking-api/src/main/kotlin/com/wanderly/booking/notify/ItineraryNotifier.kt',
    'kotlin',
  );
  const twTok = t.twilioToken();
  const sg2 = t.sendgrid();
  tn.l(
    'package com.wanderly.booking.notify',
    '',
    'import com.sendgrid.SendGrid',
    'import com.twilio.Twilio',
    'import com.twilio.rest.api.v2010.account.Message',
    'import com.twilio.type.PhoneNumber',
    '',
    'object TwilioCredentials {',
  );
  tn.d(`    const val ACCOUNT_SID = "${t.twilioSid()}"`, 'twilio account sid (identifier)');
  tn.s(`    const val AUTH_TOKEN = "${twTok}"`, 'twilio', twTok);
  tn.l('}', '', 'class ItineraryNotifier {');
  tn.d('    init { Twilio.init(TwilioCredentials.ACCOUNT_SID, TwilioCredentials.AUTH_TOKEN) }', 'constant names');
  tn.s(`    private val sendGrid = SendGrid("${sg2}")`, 'sendgrid', sg2);
  tn.l(
    '',
    '    fun sms(to: String, pnr: String): Message =',
    '        Message.creator(PhoneNumber(to), PhoneNumber("+14155550123"), "Booking $pnr confirmed").create()',
    '}',
  );

  const hp = repo.file(
    'services/booking-api/src/main/kotlin/com/wanderly/booking/hotels/HotelbedsProperties.kt',
    'kotlin',
  );
  const hbk = h.hbKey();
  const hbs = h.hbSecret();
  hp.l(
    'package com.wanderly.booking.hotels',
    '',
    'import org.springframework.boot.context.properties.ConfigurationProperties',
    '',
    '@ConfigurationProperties(prefix = "hotelbeds")',
    'data class HotelbedsProperties(',
    '    val endpoint: String = "https://api.hotelbeds.com/hotel-api/1.0",',
  );
  hp.s(`    val apiKey: String = "${hbk}",`, 'hotelbeds', hbk, 'warning');
  hp.s(`    val secret: String = "${hbs}",`, 'hotelbeds', hbs, 'warning');
  hp.l('    val timeoutMs: Long = 8000,', ')');

  const gc = repo.file('services/booking-api/src/main/kotlin/com/wanderly/booking/maps/GeoClient.kt', 'kotlin');
  const mk = t.gcpApiKey();
  gc.l('package com.wanderly.booking.maps', '', 'import com.google.maps.GeoApiContext', '');
  gc.s(`private const val MAPS_KEY = "${mk}"`, 'gcp', mk);
  gc.l('', 'object GeoClient {');
  gc.d(
    '    val context: GeoApiContext = GeoApiContext.Builder().apiKey(System.getenv("GOOGLE_MAPS_API_KEY")).build()',
    'env read',
  );
  gc.d(
    '    fun staticMap(lat: Double, lng: Double) = "https://maps.googleapis.com/maps/api/staticmap?center=$lat,$lng&zoom=13&size=600x300&key=$MAPS_KEY"',
    'kotlin string template',
  );
  gc.l('}');

  const gr = repo.file('services/booking-api/build.gradle.kts', 'gradle');
  const nx = h.pw();
  gr.l(
    'plugins {',
    '    id("org.springframework.boot") version "3.2.5"',
    '    kotlin("jvm") version "1.9.23"',
    '}',
    '',
    'repositories {',
    '    mavenCentral()',
    '    maven {',
    '        url = uri("https://nexus.wanderly.internal/repository/maven-releases/")',
    '        credentials {',
    '            username = "deployment"',
  );
  gr.s(`            password = "${nx}"`, 'generic', nx);
  gr.l(
    '        }',
    '    }',
    '    maven {',
    '        url = uri("https://maven.pkg.github.com/wanderly/travel-commons")',
    '        credentials {',
  );
  gr.d(
    '            username = project.findProperty("gpr.user") as String? ?: System.getenv("GITHUB_ACTOR")',
    'property/env',
  );
  gr.d(
    '            password = project.findProperty("gpr.key") as String? ?: System.getenv("GITHUB_TOKEN")',
    'property/env',
  );
  gr.l('        }', '    }', '}');

  const gp = repo.file('services/booking-api/gradle.properties', 'gradle');
  const gpr = t.github();
  const signPw = h.human();
  gp.l('org.gradle.jvmargs=-Xmx2g -Dfile.encoding=UTF-8', 'kotlin.code.style=official', 'gpr.user=wanderly-ci');
  gp.s(`gpr.key=${gpr}`, 'github', gpr);
  gp.d(`signing.keyId=${t.pick('0123456789ABCDEF', 8)}`, 'gpg key id');
  gp.s(`signing.password=${signPw}`, 'generic', signPw);
  gp.d('signing.secretKeyRingFile=/home/ci/.gnupg/secring.gpg', 'path');

  const lb = repo.file('services/booking-api/src/main/resources/logback-spring.xml', 'spring');
  const lz = h.logzio();
  lb.l('<configuration>', '  <appender name="LOGZIO" class="io.logz.logback.LogzioLogbackAppender">');
  lb.s(`    <token>${lz}</token>`, 'logzio', lz, 'warning');
  lb.l(
    '    <logzioUrl>https://listener-eu.logz.io:8071</logzioUrl>',
    '    <logzioType>booking-api</logzioType>',
    '  </appender>',
    '  <appender name="DATADOG" class="com.wanderly.logging.DatadogAppender">',
  );
  lb.d('    <apiKey>${DD_API_KEY}</apiKey>', 'property substitution');
  lb.l('  </appender>', '  <root level="INFO"><appender-ref ref="LOGZIO"/></root>', '</configuration>');

  const mig = repo.file('services/booking-api/src/main/resources/db/migration/V14__partner_credentials.sql', 'sql');
  const m1k = h.hbKey();
  const m1s = h.hbSecret();
  const m2k = lowerNumOf(t, 26);
  const m2s = lowerNumOf(t, 13);
  mig.l(
    'CREATE TABLE partner_credentials (',
    '  partner_code varchar(32) NOT NULL,',
    '  environment varchar(8) NOT NULL,',
    '  api_key text NOT NULL,',
    '  api_secret text NOT NULL,',
    '  created_at timestamptz NOT NULL',
    ');',
    'INSERT INTO partner_credentials (partner_code, environment, api_key, api_secret, created_at) VALUES',
  );
  mig.s(`  ('HOTELBEDS', 'PROD', '${m1k}', '${m1s}', now()),`, 'hotelbeds', m1s, 'warning');
  mig.s(`  ('EXPEDIA_RAPID', 'PROD', '${m2k}', '${m2s}', now()),`, 'expedia', m2s, 'warning');
  mig.d("  ('HOTELBEDS', 'TEST', '${hotelbeds_test_key}', '${hotelbeds_test_secret}', now());", 'flyway placeholders');

  const seedSql = repo.file('services/booking-api/src/main/resources/db/migration/V3__backoffice_users.sql', 'sql');
  seedSql.l('INSERT INTO backoffice_user (id, email, password_hash, role) VALUES');
  seedSql.d(`  ('${t.uuid()}', 'ops@wanderly.travel', '${h.bcrypt('2a')}', 'ADMIN'),`, 'bcrypt hash');
  seedSql.d(`  ('${t.uuid()}', 'revenue@wanderly.travel', '${h.bcrypt('2a')}', 'ANALYST');`, 'bcrypt hash');

  const ts = repo.file(
    'services/booking-api/src/test/kotlin/com/wanderly/booking/gds/SabreSessionClientTest.kt',
    'kotlin',
  );
  ts.l('package com.wanderly.booking.gds', '', 'class SabreSessionClientTest {');
  ts.d(
    '    private val creds = SabreCredentials(user = "7971", password = "test-password", pcc = "TEST")',
    'obvious test fixture',
  );
  ts.l('    @Test', '    fun `builds the session envelope`() {', '        val xml = envelope(creds)');
  ts.d('        assertThat(xml).contains("<wsse:Password>test-password</wsse:Password>")', 'test fixture');
  ts.l('    }');
  ts.d(
    '    private val stub = """{"access_token": "fake-access-token", "token_type": "Bearer", "expires_in": 1799}"""',
    'fake token in wiremock stub',
  );
  ts.l('}');
}

function lowerNumOf(t, n) {
  return t.mixed(LOWER + DIGIT, n);
}

// ---- Java payments service ----------------------------------------------------------------

function paymentsApi(repo, t, h) {
  const p = repo.file('services/payments-api/src/main/resources/application.properties', 'spring');
  const jas = h.strong(24);
  const sk = t.stripeLiveLong();
  const wh = h.whsec();
  const ad = h.adyenKey();
  const hm = h.adyenHmac();
  const btPriv = h.btPrivate();
  const ppSecret = h.paypalSecret();
  p.l(
    'server.port=8081',
    'spring.datasource.url=jdbc:postgresql://payments-db.prod.wanderly.internal:5432/payments',
    'spring.datasource.username=payments',
  );
  p.d(`spring.datasource.password=${h.jasypt()}`, 'jasypt-encrypted value');
  p.s(`jasypt.encryptor.password=${jas}`, 'generic', jas);
  p.s(`stripe.api-key=${sk}`, 'stripe', sk);
  p.s(`stripe.webhook-secret=${wh}`, 'stripe', wh);
  p.d(`stripe.publishable-key=${h.stripePk()}`, 'publishable key');
  p.l('adyen.environment=LIVE', 'adyen.merchant-account=WanderlyTravelECOM');
  p.d(`adyen.live-url-prefix=${t.pick(HEX, 16)}-WanderlyTravel`, 'live endpoint prefix');
  p.s(`adyen.api-key=${ad}`, 'adyen', ad);
  p.d(`adyen.client-key=${h.adyenClientKey()}`, 'adyen client key (public)');
  p.s(`adyen.hmac-key=${hm}`, 'adyen', hm);
  p.l('braintree.environment=production');
  p.d(`braintree.merchant-id=${h.btId()}`, 'merchant id');
  p.d(`braintree.public-key=${h.btId()}`, 'braintree public key (identifier)');
  p.s(`braintree.private-key=${btPriv}`, 'braintree', btPriv);
  p.d(`paypal.client-id=${h.paypalId()}`, 'paypal client id');
  p.s(`paypal.client-secret=${ppSecret}`, 'paypal', ppSecret);
  p.l('paypal.mode=live');
  const amqp = h.pwa();
  p.s(`spring.rabbitmq.addresses=amqps://payments:${amqp}@rabbit.prod.wanderly.internal:5671`, 'generic', amqp);

  const st = repo.file('services/payments-api/src/main/resources/application-staging.properties', 'spring');
  const stTest = t.stripeTest();
  st.l('spring.datasource.url=jdbc:postgresql://payments-db.staging.wanderly.internal:5432/payments');
  st.s(`stripe.api-key=${stTest}`, 'stripe', stTest, 'warning');
  st.d('adyen.api-key=${ADYEN_TEST_API_KEY}', 'env reference');
  st.l('adyen.environment=TEST');

  const tp = repo.file('services/payments-api/src/test/resources/application-test.properties', 'spring');
  tp.d('stripe.api-key=sk_test_4eC39HqLyjWDarjtT1zdp7dc', 'stripe documentation key');
  tp.d('stripe.webhook-secret=whsec_test_secret', 'obvious test value');
  tp.d('adyen.api-key=${ADYEN_TEST_API_KEY:}', 'env reference');
  tp.d('braintree.private-key=sandbox-private-key', 'placeholder');
  tp.d('spring.datasource.password=', 'empty');

  const sc = repo.file('services/payments-api/src/main/java/com/wanderly/payments/config/StripeConfig.java', 'java');
  const wh2 = h.whsec();
  sc.l(
    'package com.wanderly.payments.config;',
    '',
    'import com.stripe.Stripe;',
    'import jakarta.annotation.PostConstruct;',
    'import org.springframework.beans.factory.annotation.Value;',
    'import org.springframework.context.annotation.Configuration;',
    '',
    '@Configuration',
    'public class StripeConfig {',
  );
  sc.d('    @Value("${stripe.api-key}")', 'property reference');
  sc.l('    private String apiKey;', '');
  sc.s(`    @Value("\${stripe.webhook-secret:${wh2}}")`, 'stripe', wh2);
  sc.l(
    '    private String webhookSecret;',
    '',
    '    @PostConstruct',
    '    void init() {',
    '        Stripe.apiKey = apiKey;',
    '    }',
    '}',
  );

  const lr = repo.file(
    'services/payments-api/src/main/java/com/wanderly/payments/legacy/RefundBackfillJob.java',
    'java',
  );
  const rk = h.stripeRk();
  const sk2 = t.stripeLive();
  lr.l('package com.wanderly.payments.legacy;', '', 'public class RefundBackfillJob {');
  lr.s(`    private static final String STRIPE_KEY = "${rk}";`, 'stripe', rk);
  lr.l('', '    void run() throws Exception {');
  lr.s(`        RequestOptions opts = RequestOptions.builder().setApiKey("${sk2}").build();`, 'stripe', sk2);
  lr.l('        Refund.list(Map.of("limit", 100), opts);', '    }', '}');

  const af = repo.file(
    'services/payments-api/src/main/java/com/wanderly/payments/adyen/AdyenClientFactory.java',
    'java',
  );
  const ad2 = h.adyenKey();
  const hm2 = h.adyenHmac();
  af.l(
    'package com.wanderly.payments.adyen;',
    '',
    'import com.adyen.Client;',
    'import com.adyen.enums.Environment;',
    '',
    'public final class AdyenClientFactory {',
  );
  af.s(`    static final String NOTIFICATION_HMAC = "${hm2}";`, 'adyen', hm2);
  af.l('', '    public Client liveClient() {');
  af.s(`        return new Client("${ad2}", Environment.LIVE, "${t.pick(HEX, 16)}-WanderlyTravel");`, 'adyen', ad2);
  af.l('    }', '', '    public Client testClient() {');
  af.d('        return new Client(System.getenv("ADYEN_TEST_API_KEY"), Environment.TEST);', 'env read');
  af.l('    }', '}');

  const wc = repo.file(
    'services/payments-api/src/main/java/com/wanderly/payments/adyen/AdyenWebhookController.java',
    'java',
  );
  const hm3 = h.adyenHmac();
  wc.l(
    'package com.wanderly.payments.adyen;',
    '',
    '@RestController',
    'class AdyenWebhookController {',
    '    private final HMACValidator validator = new HMACValidator();',
    '',
    '    @PostMapping("/webhooks/adyen")',
    '    ResponseEntity<String> handle(@RequestBody NotificationRequest request) throws Exception {',
    '        for (NotificationRequestItem item : request.getNotificationItems()) {',
  );
  wc.s(`            if (!validator.validateHMAC(item, "${hm3}")) {`, 'adyen', hm3);
  wc.l(
    '                return ResponseEntity.status(401).build();',
    '            }',
    '        }',
    '        return ResponseEntity.ok("[accepted]");',
    '    }',
    '}',
  );

  const bt = repo.file(
    'services/payments-api/src/main/java/com/wanderly/payments/braintree/BraintreeGatewayFactory.java',
    'java',
  );
  const btMid = h.btId();
  const btPriv2 = h.btPrivate();
  const btTokMid = h.btId();
  const btTok = `access_token$production$${btTokMid}$${t.hex(32)}`;
  bt.l(
    'package com.wanderly.payments.braintree;',
    '',
    'import com.braintreegateway.BraintreeGateway;',
    'import com.braintreegateway.Environment;',
    '',
    'public final class BraintreeGatewayFactory {',
    '    public static BraintreeGateway production() {',
  );
  bt.s(
    `        return new BraintreeGateway(Environment.PRODUCTION, "${btMid}", "${h.btId()}", "${btPriv2}");`,
    'braintree',
    btPriv2,
  );
  bt.l('    }', '', '    public static BraintreeGateway paypalVault() {');
  bt.s(`        return new BraintreeGateway("${btTok}");`, 'braintree', btTok);
  bt.l('    }', '}');

  const bc = repo.file(
    'services/payments-api/src/main/java/com/wanderly/payments/braintree/BraintreeConfig.java',
    'java',
  );
  const btPriv3 = h.btPrivate();
  bc.l('package com.wanderly.payments.braintree;', '', '@Configuration', 'class BraintreeConfig {');
  bc.d('    @Value("${braintree.merchant-id}") String merchantId;', 'property reference');
  bc.s(`    @Value("\${braintree.private-key:${btPriv3}}") String privateKey;`, 'braintree', btPriv3);
  bc.l('}');

  const pp = repo.file('services/payments-api/src/main/java/com/wanderly/payments/paypal/PayPalClient.java', 'java');
  const ppSecret2 = h.paypalSecret();
  pp.l('package com.wanderly.payments.paypal;', '', 'public class PayPalClient {');
  pp.d(`    private static final String CLIENT_ID = "${h.paypalId()}";`, 'paypal client id');
  pp.s(`    private static final String CLIENT_SECRET = "${ppSecret2}";`, 'paypal', ppSecret2);
  pp.l(
    '',
    '    String basicAuth() {',
    '        return Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));',
    '    }',
    '}',
  );
}

// ---- legacy PHP booking site ------------------------------------------------------------

function legacyPhp(repo, t, h) {
  const e = repo.file('legacy/booking-site/.env', 'php');
  const appKey = h.laravelKey();
  const dbpw = h.human();
  const sg = t.sendgrid();
  const pusherSecret = h.pusherKey();
  const sk = t.stripeLive();
  const gm = t.gcpApiKey();
  const ak = t.awsId();
  const as = t.awsSecret();
  const mc = h.mailchimp();
  const rc = h.recaptcha();
  e.l('APP_NAME="Wanderly Booking"', 'APP_ENV=production');
  e.s(`APP_KEY=${appKey}`, 'generic', appKey);
  e.l(
    'APP_DEBUG=false',
    'APP_URL=https://book.wanderly.travel',
    '',
    'DB_CONNECTION=mysql',
    'DB_HOST=legacy-mysql.prod.wanderly.internal',
    'DB_PORT=3306',
    'DB_DATABASE=booking',
    'DB_USERNAME=booking_web',
  );
  e.s(`DB_PASSWORD=${dbpw}`, 'generic', dbpw);
  e.d('REDIS_PASSWORD=null', 'null');
  e.l('MAIL_MAILER=smtp', 'MAIL_HOST=smtp.sendgrid.net', 'MAIL_USERNAME=apikey');
  e.s(`MAIL_PASSWORD=${sg}`, 'sendgrid', sg);
  e.d(`PUSHER_APP_ID=${t.digits(7)}`, 'app id');
  e.d(`PUSHER_APP_KEY=${h.pusherKey()}`, 'pusher public key');
  e.s(`PUSHER_APP_SECRET=${pusherSecret}`, 'pusher', pusherSecret, 'warning');
  e.l('PUSHER_APP_CLUSTER=eu');
  e.d(`STRIPE_KEY=${h.stripePk()}`, 'publishable key');
  e.s(`STRIPE_SECRET=${sk}`, 'stripe', sk);
  e.s(`GOOGLE_MAPS_KEY=${gm}`, 'gcp', gm);
  e.s(`AWS_ACCESS_KEY_ID=${ak}`, 'aws', ak);
  e.s(`AWS_SECRET_ACCESS_KEY=${as}`, 'aws', as);
  e.l('AWS_DEFAULT_REGION=eu-west-1', 'AWS_BUCKET=wanderly-booking-uploads');
  e.s(`MAILCHIMP_APIKEY=${mc}`, 'mailchimp', mc);
  e.d(`RECAPTCHA_SITE_KEY=${h.recaptcha()}`, 'recaptcha site key (public)');
  e.s(`RECAPTCHA_SECRET_KEY=${rc}`, 'google', rc, 'warning');

  const ex = repo.file('legacy/booking-site/.env.example', 'php');
  ex.d('APP_KEY=', 'empty');
  ex.d('DB_PASSWORD=secret', 'laravel default placeholder');
  ex.d('MAIL_PASSWORD=null', 'null');
  ex.d('PUSHER_APP_SECRET=', 'empty');
  ex.d('STRIPE_SECRET=sk_test_xxxxxxxxxxxxxxxxxxxxxxxx', 'placeholder');
  ex.d('GOOGLE_MAPS_KEY=your-google-maps-key', 'placeholder');
  ex.d('AWS_SECRET_ACCESS_KEY=', 'empty');

  const et = repo.file('legacy/booking-site/.env.testing', 'php');
  et.l('APP_ENV=testing');
  et.d('RECAPTCHA_SITE_KEY=6LeIxAcTAAAAAJcZVRqyHh71UMIEGNQ_MXjiZKhI', 'google documented recaptcha test key');
  et.d('RECAPTCHA_SECRET_KEY=6LeIxAcTAAAAAGG-vFI1TnRWxMZNFuojJ4WifJWe', 'google documented recaptcha test key');
  et.d('DB_PASSWORD=secret', 'placeholder');

  const sv = repo.file('legacy/booking-site/config/services.php', 'php');
  const sk2 = t.stripeLive();
  const sabrePw = h.pw();
  const gsec = h.googleSecret();
  sv.l('<?php', '', 'return [', "    'mailgun' => [", "        'domain' => env('MAILGUN_DOMAIN'),");
  sv.d("        'secret' => env('MAILGUN_SECRET'),", 'env read');
  sv.l('    ],', "    'stripe' => [", "        'key' => env('STRIPE_KEY'),");
  sv.s(`        'secret' => env('STRIPE_SECRET', '${sk2}'),`, 'stripe', sk2);
  sv.l(
    '    ],',
    "    'sabre' => [",
    "        'endpoint' => 'https://webservices.havail.sabre.com',",
    `        'username' => env('SABRE_USERNAME', '${h.epr()}'),`,
  );
  sv.s(`        'password' => env('SABRE_PASSWORD', '${sabrePw}'),`, 'sabre', sabrePw, 'warning');
  sv.d(`        'pcc' => env('SABRE_PCC', '${h.pcc()}'),`, 'pseudo city code');
  sv.l('    ],', "    'hotelbeds' => [", "        'key' => env('HOTELBEDS_KEY'),");
  sv.d("        'secret' => env('HOTELBEDS_SECRET'),", 'env read');
  sv.l('    ],', "    'google' => [", "        'maps_key' => env('GOOGLE_MAPS_KEY'),");
  sv.d(`        'client_id' => '${h.googleClientId()}',`, 'oauth client id');
  sv.s(`        'client_secret' => '${gsec}',`, 'gcp', gsec);
  sv.l("        'redirect' => 'https://book.wanderly.travel/auth/google/callback',", '    ],', '];');

  const db = repo.file('legacy/booking-site/config/database.php', 'php');
  const repPw = h.pw();
  const b64pw = h.strong(18);
  db.l(
    '<?php',
    '',
    'return [',
    "    'default' => env('DB_CONNECTION', 'mysql'),",
    "    'connections' => [",
    "        'mysql' => [",
    "            'driver' => 'mysql',",
    "            'host' => env('DB_HOST', '127.0.0.1'),",
    "            'username' => env('DB_USERNAME', 'forge'),",
  );
  db.d("            'password' => env('DB_PASSWORD', ''),", 'env read');
  db.l(
    '        ],',
    "        'reporting' => [",
    "            'driver' => 'mysql',",
    "            'host' => 'reporting-replica.wanderly.internal',",
    "            'username' => 'bi_reader',",
  );
  db.s(`            'password' => '${repPw}',`, 'generic', repPw);
  db.l(
    '        ],',
    "        'gds_cache' => [",
    "            'driver' => 'pgsql',",
    "            'host' => 'gds-cache.wanderly.internal',",
    "            'username' => 'gds_cache',",
  );
  db.s(`            'password' => base64_decode('${Buffer.from(b64pw).toString('base64')}'),`, 'generic', b64pw);
  db.l('        ],', '    ],', "    'redis' => [", "        'default' => [");
  db.d("            'password' => env('REDIS_PASSWORD', null),", 'env read');
  db.l('        ],', '    ],', '];');

  const tc = repo.file('legacy/booking-site/app/Services/Gds/TravelportClient.php', 'php');
  const tpPw = h.tpPass();
  const tpUser2 = h.tpUser();
  const tpPw2 = h.tpPass();
  tc.l(
    '<?php',
    '',
    'namespace App\\Services\\Gds;',
    '',
    'class TravelportClient',
    '{',
    "    private const ENDPOINT = 'https://emea.universal-api.travelport.com/B2BGateway/connect/uAPI/AirService';",
  );
  tc.d(`    private $username = '${h.tpUser()}';`, 'travelport user name');
  tc.s(`    private $password = '${tpPw}';`, 'travelport', tpPw, 'warning');
  tc.d(`    private $targetBranch = 'P${t.digits(7)}';`, 'branch id');
  tc.l('', '    public function send(string $xml): string', '    {', '        $ch = curl_init(self::ENDPOINT);');
  tc.d("        curl_setopt($ch, CURLOPT_USERPWD, $this->username . ':' . $this->password);", 'variables');
  tc.l('        curl_setopt($ch, CURLOPT_POSTFIELDS, $xml);', '        return curl_exec($ch);', '    }', '');
  tc.l(
    '    // pre-production branch, kept for the fare-rules regression runs',
    '    private function preprodHeaders(): array',
    '    {',
  );
  tc.s(
    `        return ['Content-Type: text/xml;charset=UTF-8', 'Authorization: Basic ${Buffer.from(`${tpUser2}:${tpPw2}`).toString('base64')}'];`,
    'travelport',
    tpPw2,
    'warning',
  );
  tc.l('    }', '}');

  const lc = repo.file('legacy/booking-site/public/legacy/config.inc.php', 'php');
  const ldb = h.human();
  const lsg = t.sendgrid();
  const ppPw = t.mixed(UPPER + DIGIT, 16);
  const ppSig = `A${t.mixed(URLSAFE, 55)}`;
  const rootPw = h.pwa();
  lc.l(
    '<?php',
    '// legacy booking engine (pre-2018), still serves /legacy/*.php',
    "define('DB_HOST', 'legacy-mysql.prod.wanderly.internal');",
    "define('DB_USER', 'booking_legacy');",
  );
  lc.s(`define('DB_PASS', '${ldb}');`, 'generic', ldb);
  lc.l("$config['smtp_host'] = 'smtp.sendgrid.net';", "$config['smtp_user'] = 'apikey';");
  lc.s(`$config['smtp_pass'] = '${lsg}';`, 'sendgrid', lsg);
  lc.d("$config['paypal_api_username'] = 'payments_api1.wanderly.travel';", 'api user name');
  lc.s(`$config['paypal_api_password'] = '${ppPw}';`, 'paypal', ppPw, 'warning');
  lc.s(`$config['paypal_api_signature'] = '${ppSig}';`, 'paypal', ppSig, 'warning');
  lc.d("$mysqli = new mysqli(DB_HOST, DB_USER, DB_PASS, 'booking');", 'constants');
  lc.s(`$link = mysql_connect('10.20.0.15', 'root', '${rootPw}');`, 'generic', rootPw);

  const nl = repo.file('legacy/booking-site/app/Http/Controllers/NewsletterController.php', 'php');
  const mc2 = h.mailchimp();
  nl.l(
    '<?php',
    '',
    'namespace App\\Http\\Controllers;',
    '',
    'class NewsletterController extends Controller',
    '{',
    '    public function subscribe(Request $request)',
    '    {',
    '        $mc = new \\MailchimpMarketing\\ApiClient();',
  );
  nl.s(`        $mc->setConfig(['apiKey' => '${mc2}', 'server' => '${mc2.split('-')[1]}']);`, 'mailchimp', mc2);
  nl.l(
    "        return $mc->lists->addListMember('a1b2c3d4e5', ['email_address' => $request->email, 'status' => 'subscribed']);",
    '    }',
    '}',
  );

  const bl = repo.file('legacy/booking-site/resources/views/search.blade.php', 'php');
  const gm2 = t.gcpApiKey();
  bl.l("@extends('layouts.app')", '', "@section('scripts')");
  bl.d(
    '<script src="https://maps.googleapis.com/maps/api/js?key={{ config(\'services.google.maps_key\') }}&libraries=places"></script>',
    'blade config lookup',
  );
  bl.s(
    `<script src="https://maps.googleapis.com/maps/api/js?key=${gm2}&callback=initMap" async defer></script>`,
    'gcp',
    gm2,
  );
  bl.l('<script src="https://js.stripe.com/v3/"></script>', '<script>');
  bl.d(`  const stripe = Stripe('${h.stripePk()}');`, 'publishable key');
  bl.d(
    `  const checkout = await AdyenCheckout({ clientKey: '${h.adyenClientKey()}', environment: 'live' });`,
    'adyen client key (public)',
  );
  bl.d(`  window.algolia = { appId: '${h.algoliaApp()}', searchKey: '${t.hex(32)}' };`, 'algolia search-only key');
  bl.l('</script>', '@endsection');

  const aj = repo.file('legacy/booking-site/auth.json', 'php');
  const nova = t.alnum(40);
  const gh = t.github();
  aj.l('{', '    "http-basic": {', '        "nova.laravel.com": {', '            "username": "dev@wanderly.travel",');
  aj.s(`            "password": "${nova}"`, 'generic', nova);
  aj.l('        }', '    },', '    "github-oauth": {');
  aj.s(`        "github.com": "${gh}"`, 'github', gh);
  aj.l('    }', '}');

  const sd = repo.file('legacy/booking-site/database/seeders/AdminUserSeeder.php', 'php');
  const adm = h.human();
  sd.l(
    '<?php',
    '',
    'class AdminUserSeeder extends Seeder',
    '{',
    '    public function run()',
    '    {',
    '        User::create([',
    "            'name' => 'Ops Admin',",
    "            'email' => 'ops@wanderly.travel',",
  );
  sd.s(`            'password' => Hash::make('${adm}'),`, 'generic', adm);
  sd.l('        ]);');
  sd.d("        User::factory(20)->create(['password' => Hash::make('password')]);", 'factory default');
  sd.l('    }', '}');

  const dump = repo.file('legacy/booking-site/database/dump/booking_settings_2019.sql', 'sql');
  const dsp = h.pw();
  const dgm = t.gcpApiKey();
  dump.l('-- MySQL dump 10.13  Distrib 5.7.26, for Linux (x86_64)', 'LOCK TABLES `users` WRITE;');
  dump.d(
    `INSERT INTO \`users\` VALUES (1,'admin','ops@wanderly.travel','${h.bcrypt()}','2019-03-02 10:00:00');`,
    'bcrypt hash',
  );
  dump.l('UNLOCK TABLES;', 'LOCK TABLES `settings` WRITE;');
  dump.s(`INSERT INTO \`settings\` (\`key\`,\`value\`) VALUES ('sabre_password','${dsp}');`, 'sabre', dsp, 'warning');
  dump.d(`INSERT INTO \`settings\` (\`key\`,\`value\`) VALUES ('sabre_pcc','${h.pcc()}');`, 'pseudo city code');
  dump.s(`INSERT INTO \`settings\` (\`key\`,\`value\`) VALUES ('gmaps_key','${dgm}');`, 'gcp', dgm);
  dump.l("INSERT INTO `settings` (`key`,`value`) VALUES ('paypal_mode','live');", 'UNLOCK TABLES;');

  const pu = repo.file('legacy/booking-site/phpunit.xml', 'php');
  const pst = t.stripeTest();
  pu.l(
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<phpunit bootstrap="vendor/autoload.php" colors="true">',
    '    <php>',
  );
  pu.l('        <env name="APP_ENV" value="testing"/>');
  pu.d('        <env name="DB_PASSWORD" value="secret"/>', 'placeholder');
  pu.s(`        <env name="STRIPE_SECRET" value="${pst}"/>`, 'stripe', pst, 'warning');
  pu.l('        <env name="MAIL_MAILER" value="array"/>', '    </php>', '</phpunit>');

  const ll = repo.file('legacy/booking-site/storage/logs/laravel-2023-11-14.log', 'logs');
  const trace = h.human().slice(0, 14);
  const sabreTok = `T1RLAQ${t.mixed(B64, 218)}**`;
  ll.d(
    "[2023-11-14 03:12:44] production.ERROR: SQLSTATE[HY000] [1045] Access denied for user 'booking_web'@'10.20.1.17' (using password: YES) (SQL: select * from `bookings` where `pnr` = QX7K2M limit 1)",
    'error message without a value',
  );
  ll.l('[stacktrace]');
  ll.s(
    `#0 /var/www/booking/vendor/laravel/framework/src/Illuminate/Database/Connectors/Connector.php(70): PDO->__construct('mysql:host=lega...', 'booking_web', '${trace}', Array)`,
    'generic',
    trace,
  );
  ll.l(
    '#1 /var/www/booking/vendor/laravel/framework/src/Illuminate/Database/Connectors/Connector.php(46): Illuminate\\Database\\Connectors\\Connector->createPdoConnection()',
  );
  ll.s(
    `[2023-11-14 03:12:45] production.DEBUG: Sabre REST request {"url":"https://api.havail.sabre.com/v4/offers/shop","headers":{"Authorization":"Bearer ${sabreTok}"}}`,
    'sabre',
    sabreTok,
    'warning',
  );
  ll.d(
    `[2023-11-14 03:12:46] production.INFO: Stripe charge created {"id":"ch_3O${t.alnum(22)}","amount":48900,"currency":"eur"}`,
    'charge id',
  );
}

// ---- Python pricing jobs and notebooks -----------------------------------------------------

function pricing(repo, t, h) {
  const fa = repo.file('pricing/jobs/fetch_amadeus_fares.py', 'python');
  const cs = h.amadeusSecret();
  const old = h.amadeusSecret();
  fa.l(
    'import os',
    '',
    'import requests',
    '',
    'AMADEUS_TOKEN_URL = "https://api.amadeus.com/v1/security/oauth2/token"',
  );
  fa.d(`CLIENT_ID = os.environ.get("AMADEUS_CLIENT_ID", "${h.amadeusId()}")`, 'client id default');
  fa.s(`CLIENT_SECRET = os.environ.get("AMADEUS_CLIENT_SECRET", "${cs}")`, 'amadeus', cs, 'warning');
  fa.s(`# old self-service sandbox app (test.api.amadeus.com): client_secret=${old}`, 'amadeus', old, 'warning');
  fa.l('', '', 'def get_token():', '    resp = requests.post(', '        AMADEUS_TOKEN_URL,');
  fa.d(
    '        data={"grant_type": "client_credentials", "client_id": CLIENT_ID, "client_secret": CLIENT_SECRET},',
    'variables',
  );
  fa.l('        timeout=10,', '    )', '    resp.raise_for_status()', '    return resp.json()["access_token"]');

  const hb = repo.file('pricing/jobs/hotelbeds_sync.py', 'python');
  const hk = h.hbKey();
  const hs = h.hbSecret();
  hb.l('import hashlib', 'import time', '', 'import requests', '');
  hb.s(`HOTELBEDS_API_KEY = "${hk}"`, 'hotelbeds', hk, 'warning');
  hb.s(`HOTELBEDS_SECRET = "${hs}"`, 'hotelbeds', hs, 'warning');
  hb.l(
    '',
    '',
    'def signature() -> str:',
    '    ts = str(int(time.time()))',
    '    return hashlib.sha256((HOTELBEDS_API_KEY + HOTELBEDS_SECRET + ts).encode()).hexdigest()',
    '',
  );
  hb.d(`# a good request looks like: X-Signature: ${t.sha256()}`, 'signature (sha256 output)');
  hb.l(
    '',
    'def fetch(hotel_codes):',
    '    headers = {"Api-key": HOTELBEDS_API_KEY, "X-Signature": signature(), "Accept": "application/json"}',
    '    return requests.get("https://api.hotelbeds.com/hotel-content-api/1.0/hotels", params={"codes": ",".join(hotel_codes)}, headers=headers)',
  );

  const ge = repo.file('pricing/jobs/geocode_airports.py', 'python');
  const gk = t.gcpApiKey();
  ge.l('import csv', '', 'import googlemaps', '');
  ge.s(`gmaps = googlemaps.Client(key="${gk}")`, 'gcp', gk);
  ge.l(
    '',
    'with open("data/airports.csv") as fh:',
    '    for row in csv.DictReader(fh):',
    '        print(row["iata"], gmaps.geocode(row["name"])[0]["geometry"]["location"])',
  );

  const al = repo.file('pricing/jobs/push_rates_to_algolia.py', 'python');
  const aKey = t.hex(32);
  al.l('from algoliasearch.search_client import SearchClient', '');
  al.s(`client = SearchClient.create("${h.algoliaApp()}", "${aKey}")`, 'algolia', aKey);
  al.l('index = client.init_index("hotel_rates")');
  al.d(`SEARCH_ONLY_KEY = "${t.hex(32)}"  # shipped to the browser`, 'algolia search-only key');

  const fx = repo.file('pricing/airflow/dags/fx_rates.py', 'python');
  const oxr = t.hex(32);
  const rsPw = h.pwa();
  fx.l('from datetime import datetime', '', 'from airflow import DAG', 'from airflow.models import Variable', '');
  fx.s(`OXR_APP_ID = Variable.get("oxr_app_id", default_var="${oxr}")`, 'generic', oxr);
  fx.s(
    `REDSHIFT_URI = "postgresql+psycopg2://pricing_etl:${rsPw}@pricing.c8x2kq1vzm.eu-west-1.redshift.amazonaws.com:5439/pricing"`,
    'database',
    rsPw,
  );
  fx.d('SLACK_CONN_ID = "slack_pricing"', 'connection id');
  fx.l(
    '',
    'with DAG("fx_rates", start_date=datetime(2024, 1, 1), schedule="@hourly", catchup=False) as dag:',
    '    ...',
  );

  const st = repo.file('pricing/settings.py', 'python');
  const mb = h.mapbox('sk');
  const al2 = t.hex(32);
  st.l('import os', '');
  st.d('BIGQUERY_CREDENTIALS = "/var/secrets/gcp/pricing-sa.json"', 'path');
  st.d('SNOWFLAKE_PASSWORD = os.getenv("SNOWFLAKE_PASSWORD")', 'env read');
  st.s(`MAPBOX_TOKEN = "${mb}"`, 'mapbox', mb);
  st.d(`MAPBOX_PUBLIC_TOKEN = "${h.mapbox('pk')}"`, 'mapbox public token');
  st.d(`ALGOLIA_APP_ID = "${h.algoliaApp()}"`, 'app id');
  st.s(`ALGOLIA_ADMIN_KEY = "${al2}"`, 'algolia', al2);
  st.d(`SENTRY_DSN = "${h.sentryDsn()}"`, 'sentry dsn (public)');

  const ini = repo.file('pricing/config/pricing.ini', 'python');
  const sf = h.pw();
  const ak = t.awsId();
  const as = t.awsSecret();
  const rk = h.rapidKey();
  ini.l('[snowflake]', 'account = wanderly-eu1', 'user = PRICING_SVC');
  ini.s(`password = ${sf}`, 'generic', sf);
  ini.l('warehouse = PRICING_WH', '', '[s3]');
  ini.s(`aws_access_key_id = ${ak}`, 'aws', ak);
  ini.s(`aws_secret_access_key = ${as}`, 'aws', as);
  ini.l('bucket = wanderly-pricing-raw', '', '[rapidapi]');
  ini.s(`key = ${rk}`, 'rapidapi', rk, 'warning');
  ini.l('host = skyscanner-api.p.rapidapi.com');

  const rq = repo.file('pricing/requirements.txt', 'python');
  const nxp = h.pwa();
  rq.s(
    `--extra-index-url https://pricing-ci:${nxp}@nexus.wanderly.internal/repository/pypi-internal/simple`,
    'generic',
    nxp,
  );
  rq.l('pandas==2.2.2 \\');
  rq.d(`    --hash=sha256:${t.sha256()}`, 'pip hash');
  rq.l('requests==2.32.3 \\');
  rq.d(`    --hash=sha256:${t.sha256()}`, 'pip hash');
  rq.l('wanderly-fare-utils==1.8.0', 'googlemaps==4.10.0');

  const tt = repo.file('pricing/tests/test_hotelbeds.py', 'python');
  tt.l('from pricing.jobs import hotelbeds_sync', '', '');
  tt.l('def test_signature(monkeypatch):');
  tt.d('    monkeypatch.setattr(hotelbeds_sync, "HOTELBEDS_API_KEY", "test-api-key")', 'test fixture');
  tt.d('    monkeypatch.setattr(hotelbeds_sync, "HOTELBEDS_SECRET", "test-secret")', 'test fixture');
  tt.l('    monkeypatch.setattr(hotelbeds_sync.time, "time", lambda: 1700000000)');
  tt.d(`    assert hotelbeds_sync.signature() == "${t.sha256()}"`, 'expected sha256');

  // notebooks
  const nb = repo.file('pricing/notebooks/fare-elasticity.ipynb', 'notebook');
  const sfpw = h.human();
  const tok = h.amadeusToken();
  nb.l(
    '{',
    ' "cells": [',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 3,',
    '   "metadata": {},',
    '   "outputs": [],',
    '   "source": [',
    '    "import snowflake.connector\\n",',
  );
  nb.s(
    `    ${JSON.stringify(`conn = snowflake.connector.connect(user="ANALYST_JR", password="${sfpw}", account="wanderly-eu1")\n`)},`,
    'generic',
    sfpw,
  );
  nb.d(
    `    ${JSON.stringify('# conn = snowflake.connector.connect(user=os.environ["SF_USER"], password=os.environ["SF_PASSWORD"], account="wanderly-eu1")\n')},`,
    'env read',
  );
  nb.l(
    '    "df = pd.read_sql(\\"select * from fares.daily_lowest\\", conn)"',
    '   ]',
    '  },',
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
  nb.s(
    `      ${JSON.stringify(`{'type': 'amadeusOAuth2Token', 'username': 'data@wanderly.travel', 'application_name': 'pricing-lab', 'client_id': '${h.amadeusId()}', 'token_type': 'Bearer', 'access_token': '${tok}', 'expires_in': 1799, 'state': 'approved', 'scope': ''}\n`)}`,
    'amadeus',
    tok,
    'warning',
  );
  nb.l('     ]', '    },', '    {', '     "data": {');
  nb.d(`      "image/png": "${t.pngBase64()}",`, 'base64 image');
  nb.l(
    '      "text/plain": ["<Figure size 640x480 with 1 Axes>"]',
    '     },',
    '     "metadata": {},',
    '     "output_type": "display_data"',
    '    }',
    '   ],',
    '   "source": [',
    '    "print(requests.post(TOKEN_URL, data=creds).json())"',
    '   ]',
    '  }',
    ' ],',
    ' "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},',
    ' "nbformat": 4,',
    ' "nbformat_minor": 5',
    '}',
  );

  const nb2 = repo.file('pricing/notebooks/competitor-rates.ipynb', 'notebook');
  const rk2 = h.rapidKey();
  const nak = t.awsId();
  const nas = t.awsSecret();
  nb2.l(
    '{',
    ' "cells": [',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 1,',
    '   "metadata": {},',
    '   "outputs": [],',
    '   "source": [',
    '    "import boto3, requests\\n",',
  );
  nb2.s(
    `    ${JSON.stringify(`headers = {"X-RapidAPI-Key": "${rk2}", "X-RapidAPI-Host": "skyscanner80.p.rapidapi.com"}\n`)},`,
    'rapidapi',
    rk2,
    'warning',
  );
  nb2.d(`    ${JSON.stringify('gmaps = googlemaps.Client(key=os.environ["GMAPS_KEY"])\n')},`, 'env read');
  nb2.s(`    ${JSON.stringify(`s3 = boto3.client("s3", aws_access_key_id="${nak}",\n`)},`, 'aws', nak);
  nb2.s(`    ${JSON.stringify(`                  aws_secret_access_key="${nas}")\n`)}`, 'aws', nas);
  nb2.l(
    '   ]',
    '  },',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 2,',
    '   "metadata": {},',
    '   "outputs": [',
    '    {',
    '     "data": {',
    '      "text/plain": [',
    '       "   offer_id                                  price  carrier\\n",',
  );
  nb2.d(`       "0  ${t.sha1()}  129.40  TP\\n",`, 'offer id hash');
  nb2.d(`       "1  ${t.sha1()}  141.15  FR\\n"`, 'offer id hash');
  nb2.l(
    '      ]',
    '     },',
    '     "execution_count": 2,',
    '     "metadata": {},',
    '     "output_type": "execute_result"',
    '    }',
    '   ],',
    '   "source": ["offers.head(2)"]',
    '  }',
    ' ],',
    ' "metadata": {},',
    ' "nbformat": 4,',
    ' "nbformat_minor": 5',
    '}',
  );
}

// ---- GDS, airline and bed-bank integrations ------------------------------------------------

function gds(repo, t, h) {
  const office = h.officeId();
  const ap = repo.file('integrations/amadeus-ws/src/main/resources/amadeus-ws.properties', 'gds');
  const wsPw = h.strong(12);
  ap.l(
    'amadeus.ws.endpoint=https://nodeD1.production.webservices.amadeus.com/1ASIWXXXWAN',
    'amadeus.ws.wsap=1ASIWXXXWAN',
  );
  ap.d(`amadeus.ws.office-id=${office}`, 'office id');
  ap.d('amadeus.ws.originator=WSWANXXX', 'user id');
  ap.s(`amadeus.ws.password-base64=${Buffer.from(wsPw).toString('base64')}`, 'amadeus', wsPw, 'warning');
  ap.l('amadeus.ws.duty-code=SU', 'amadeus.ws.stateful=true');

  const fm = repo.file('integrations/amadeus-ws/samples/Fare_MasterPricerTravelBoardSearch.xml', 'gds');
  fm.l(
    '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:add="http://www.w3.org/2005/08/addressing" xmlns:oas="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd" xmlns:oas1="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd">',
    '  <soapenv:Header>',
  );
  fm.d(`    <add:MessageID>${t.uuid()}</add:MessageID>`, 'message id');
  fm.l(
    '    <add:Action>http://webservices.amadeus.com/FMPTBQ_23_1_1A</add:Action>',
    '    <add:To>https://nodeD1.production.webservices.amadeus.com/1ASIWXXXWAN</add:To>',
    '    <oas:Security>',
    '      <oas:UsernameToken oas1:Id="UsernameToken-1">',
    '        <oas:Username>WSWANXXX</oas:Username>',
  );
  fm.d(
    `        <oas:Nonce EncodingType="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary">${bytesB64(rand16(t), 16)}</oas:Nonce>`,
    'ws-security nonce',
  );
  fm.d(
    `        <oas:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest">${bytesB64(rand16(t), 20)}</oas:Password>`,
    'ws-security password digest',
  );
  fm.l(
    '        <oas1:Created>2024-03-12T09:41:07.512Z</oas1:Created>',
    '      </oas:UsernameToken>',
    '    </oas:Security>',
    '    <AMA_SecurityHostedUser xmlns="http://xml.amadeus.com/2010/06/Security_v1">',
  );
  fm.d(`      <UserID AgentDutyCode="SU" RequestorType="U" PseudoCityCode="${office}" POS_Type="1"/>`, 'office id');
  fm.l(
    '    </AMA_SecurityHostedUser>',
    '  </soapenv:Header>',
    '  <soapenv:Body>',
    '    <Fare_MasterPricerTravelBoardSearch>',
    '      <numberOfUnit><unitNumberDetail><numberOfUnits>1</numberOfUnits><typeOfUnit>PX</typeOfUnit></unitNumberDetail></numberOfUnit>',
    '    </Fare_MasterPricerTravelBoardSearch>',
    '  </soapenv:Body>',
    '</soapenv:Envelope>',
  );

  const sa = repo.file('integrations/amadeus-ws/samples/Security_Authenticate.xml', 'gds');
  const saPw = h.strong(10);
  sa.l(
    '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:vls="http://xml.amadeus.com/VLSSLQ_06_1_1A">',
    '  <soapenv:Header/>',
    '  <soapenv:Body>',
    '    <vls:Security_Authenticate>',
    '      <vls:userIdentifier>',
    `        <vls:originIdentification><vls:sourceOffice>${office}</vls:sourceOffice></vls:originIdentification>`,
    '        <vls:originatorTypeCode>U</vls:originatorTypeCode>',
    '        <vls:originator>WSWANXXX</vls:originator>',
    '      </vls:userIdentifier>',
    '      <vls:dutyCode><vls:dutyCodeDetails><vls:referenceQualifier>DUT</vls:referenceQualifier><vls:referenceIdentifier>SU</vls:referenceIdentifier></vls:dutyCodeDetails></vls:dutyCode>',
    '      <vls:systemDetails><vls:organizationDetails><vls:organizationId>NMC-FRANCE</vls:organizationId></vls:organizationDetails></vls:systemDetails>',
    '      <vls:passwordInfo>',
    `        <vls:dataLength>${saPw.length}</vls:dataLength>`,
    '        <vls:dataType>E</vls:dataType>',
  );
  sa.s(`        <vls:binaryData>${Buffer.from(saPw).toString('base64')}</vls:binaryData>`, 'amadeus', saPw, 'warning');
  sa.l('      </vls:passwordInfo>', '    </vls:Security_Authenticate>', '  </soapenv:Body>', '</soapenv:Envelope>');

  const pcc = h.pcc();
  const tmpl = repo.file('integrations/sabre/src/main/resources/soap/SessionCreateRQ.xml', 'gds');
  tmpl.l(
    '<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:wsse="http://schemas.xmlsoap.org/ws/2002/12/secext">',
    '  <SOAP-ENV:Header>',
    '    <wsse:Security>',
    '      <wsse:UsernameToken>',
  );
  tmpl.d('        <wsse:Username>${sabre.username}</wsse:Username>', 'template placeholder');
  tmpl.d('        <wsse:Password>${sabre.password}</wsse:Password>', 'template placeholder');
  tmpl.l(
    '        <Organization>${sabre.pcc}</Organization>',
    '        <Domain>DEFAULT</Domain>',
    '      </wsse:UsernameToken>',
    '    </wsse:Security>',
    '  </SOAP-ENV:Header>',
    '  <SOAP-ENV:Body><SessionCreateRQ returnContextID="true"/></SOAP-ENV:Body>',
    '</SOAP-ENV:Envelope>',
  );

  const cap = repo.file('integrations/sabre/captures/SessionCreateRQ-prod-2024-03-12.xml', 'gds');
  const capPw = `WS${t.alnum(6)}`;
  cap.l(
    '<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:eb="http://www.ebxml.org/namespaces/messageHeader">',
    '  <SOAP-ENV:Header>',
    '    <eb:MessageHeader SOAP-ENV:mustUnderstand="1" eb:version="1.0">',
  );
  cap.d(`      <eb:ConversationId>wanderly-booking-${t.uuid()}</eb:ConversationId>`, 'conversation id');
  cap.l(
    '      <eb:From><eb:PartyId type="urn:x12.org:IO5:01">wanderly.travel</eb:PartyId></eb:From>',
    '      <eb:To><eb:PartyId type="urn:x12.org:IO5:01">webservices.sabre.com</eb:PartyId></eb:To>',
    `      <eb:CPAId>${pcc}</eb:CPAId>`,
    '      <eb:Service eb:type="OTA">SessionCreateRQ</eb:Service>',
    '      <eb:Action>SessionCreateRQ</eb:Action>',
  );
  cap.d(
    `      <eb:MessageData><eb:MessageId>mid:${t.digits(14)}@wanderly.travel</eb:MessageId><eb:Timestamp>2024-03-12T09:41:07Z</eb:Timestamp></eb:MessageData>`,
    'message id',
  );
  cap.l(
    '    </eb:MessageHeader>',
    '    <wsse:Security xmlns:wsse="http://schemas.xmlsoap.org/ws/2002/12/secext" xmlns:wsu="http://schemas.xmlsoap.org/ws/2002/12/utility">',
    '      <wsse:UsernameToken>',
    `        <wsse:Username>${h.epr()}</wsse:Username>`,
  );
  cap.s(`        <wsse:Password>${capPw}</wsse:Password>`, 'sabre', capPw, 'warning');
  cap.l(
    `        <Organization>${pcc}</Organization>`,
    '        <Domain>DEFAULT</Domain>',
    '      </wsse:UsernameToken>',
    '    </wsse:Security>',
    '  </SOAP-ENV:Header>',
    '  <SOAP-ENV:Body><SessionCreateRQ><POS><Source PseudoCityCode="' +
      pcc +
      '"/></POS></SessionCreateRQ></SOAP-ENV:Body>',
    '</SOAP-ENV:Envelope>',
  );

  const rt = repo.file('integrations/sabre/scripts/get-rest-token.sh', 'shell');
  const cid = `V1:${h.epr()}:${pcc}:AA`;
  const csec = t.alnum(8);
  const basic = Buffer.from(`${Buffer.from(cid).toString('base64')}:${Buffer.from(csec).toString('base64')}`).toString(
    'base64',
  );
  rt.l('#!/usr/bin/env bash', '# Sabre REST: Authorization is base64( base64(clientId) ":" base64(secret) )');
  rt.d(`CLIENT_ID="${cid}"`, 'sabre client id');
  rt.s(`CLIENT_SECRET="${csec}"`, 'sabre', csec, 'warning');
  rt.l('curl -s -X POST https://api.platform.sabre.com/v2/auth/token \\');
  rt.s(`  -H "Authorization: Basic ${basic}" \\`, 'sabre', basic, 'warning');
  rt.l('  -H "Content-Type: application/x-www-form-urlencoded" -d "grant_type=client_credentials"');

  const tl = repo.file('integrations/travelport/logs/uapi-airprice-2024-02-01.log', 'logs');
  const tu = h.tpUser();
  const tpw = h.tpPass();
  tl.l(
    '---- request 2024-02-01T11:02:17.441Z ----',
    'POST /B2BGateway/connect/uAPI/AirService HTTP/1.1',
    'Host: emea.universal-api.travelport.com',
  );
  tl.s(`Authorization: Basic ${Buffer.from(`${tu}:${tpw}`).toString('base64')}`, 'travelport', tpw, 'warning');
  tl.l('Content-Type: text/xml;charset=UTF-8', 'SOAPAction: ""', '');
  tl.d(
    `<air:AirPriceReq xmlns:air="http://www.travelport.com/schema/air_v52_0" TargetBranch="P${t.digits(7)}" TraceId="${t.uuid()}">`,
    'branch and trace ids',
  );
  tl.l('---- response 200 in 1834 ms ----');

  const nd = repo.file('integrations/ndc/airlines.yaml', 'gds');
  const lhSecret = t.alnum(10);
  const baKey = lowerNumOf(t, 24);
  const ekPw = h.pw();
  nd.l(
    'airlines:',
    '  LH:',
    '    name: Lufthansa Group NDC',
    '    token-url: https://api.lufthansa.com/v1/oauth/token',
  );
  nd.d(`    client-id: ${lowerNumOf(t, 24)}`, 'client id');
  nd.s(`    client-secret: ${lhSecret}`, 'lufthansa', lhSecret, 'warning');
  nd.l(
    '  BA:',
    '    name: British Airways NDC',
    '    endpoint: https://api.ba.com/selling-distribution/AirShopping/V1',
  );
  nd.s(`    api-key: ${baKey}`, 'britishairways', baKey, 'warning');
  nd.l('  AF:', '    name: Air France-KLM');
  nd.d('    api-key: ${AFKL_API_KEY}', 'env reference');
  nd.d('    api-secret: ${AFKL_API_SECRET:}', 'env reference');
  nd.l('  EK:', '    name: Emirates NDC', '    username: WANDERLY_NDC');
  nd.s(`    password: "${ekPw}"`, 'generic', ekPw);
  nd.d(`    agency-iata: "${t.digits(8)}"`, 'IATA agency number');

  const hr = repo.file('integrations/hotelbeds/README.md', 'docs');
  const hrk = h.hbKey();
  const hrs = h.hbSecret();
  hr.l(
    '# Hotelbeds APItude',
    '',
    'Every request carries `Api-key` and `X-Signature = sha256(apiKey + secret + unixTimestamp)`.',
    '',
    '```bash',
  );
  hr.d(
    'curl -H "Api-key: <your-api-key>" -H "X-Signature: <sha256>" https://api.test.hotelbeds.com/hotel-api/1.0/status',
    'placeholders',
  );
  hr.l('```', '', 'Shared evaluation account (quota 50 requests/day):', '', '| field | value |', '| --- | --- |');
  hr.s(`| Api-key | ${hrk} |`, 'hotelbeds', hrk, 'warning');
  hr.s(`| Secret | ${hrs} |`, 'hotelbeds', hrs, 'warning');

  const er = repo.file('integrations/expedia-rapid/src/main/resources/rapid.properties', 'gds');
  const erk = lowerNumOf(t, 26);
  const ers = lowerNumOf(t, 13);
  er.l('rapid.base-url=https://api.ean.com/v3', 'rapid.customer-ip-header=X-Forwarded-For');
  er.s(`rapid.api-key=${erk}`, 'expedia', erk, 'warning');
  er.s(`rapid.shared-secret=${ers}`, 'expedia', ers, 'warning');
}

function rand16(t) {
  return t.pick(HEX, 64);
}
function bytesB64(hex, n) {
  return Buffer.from(hex, 'hex').subarray(0, n).toString('base64');
}

// ---- Terraform (AWS) ---------------------------------------------------------------------

function terraform(repo, t, h) {
  const acct = t.digits(12);
  const pv = repo.file('infra/terraform/aws/providers.tf', 'terraform');
  const ak = t.awsId();
  const as = t.awsSecret();
  pv.l('provider "aws" {', '  region     = "eu-west-1"');
  pv.s(`  access_key = "${ak}"`, 'aws', ak);
  pv.s(`  secret_key = "${as}"`, 'aws', as);
  pv.l('}', '', 'provider "aws" {', '  alias   = "us"', '  region  = "us-east-1"', '  profile = "wanderly-prod"', '}');

  const rds = repo.file('infra/terraform/aws/rds.tf', 'terraform');
  const rpw = h.pw();
  const at = t.alnum(32);
  rds.l(
    'resource "aws_db_instance" "booking" {',
    '  identifier     = "booking-prod"',
    '  engine         = "postgres"',
    '  engine_version = "15.5"',
    '  instance_class = "db.r6g.large"',
    '  username       = "booking_admin"',
  );
  rds.s(`  password       = "${rpw}"`, 'generic', rpw);
  rds.l(
    '}',
    '',
    'resource "aws_rds_cluster" "pricing" {',
    '  cluster_identifier = "pricing"',
    '  master_username    = "pricing"',
  );
  rds.d('  master_password    = random_password.pricing.result', 'resource reference');
  rds.l(
    '}',
    '',
    'resource "aws_elasticache_replication_group" "sessions" {',
    '  replication_group_id       = "sessions"',
    '  transit_encryption_enabled = true',
  );
  rds.s(`  auth_token                 = "${at}"`, 'generic', at);
  rds.l('}');

  const sec = repo.file('infra/terraform/aws/secrets.tf', 'terraform');
  const spw = h.pw();
  const ams = h.amadeusSecret();
  const twt = t.twilioToken();
  sec.l(
    'resource "aws_secretsmanager_secret_version" "gds" {',
    '  secret_id = aws_secretsmanager_secret.gds.id',
    '  secret_string = jsonencode({',
    `    sabre_username    = "${h.epr()}"`,
  );
  sec.s(`    sabre_password    = "${spw}"`, 'sabre', spw, 'warning');
  sec.d(`    amadeus_client_id = "${h.amadeusId()}"`, 'client id');
  sec.s(`    amadeus_secret    = "${ams}"`, 'amadeus', ams, 'warning');
  sec.l('  })', '}', '', 'resource "aws_ssm_parameter" "twilio_token" {');
  sec.d('  name  = "/booking/prod/twilio/auth_token"', 'parameter name');
  sec.l('  type  = "SecureString"');
  sec.s(`  value = "${twt}"`, 'twilio', twt);
  sec.l(
    '}',
    '',
    'resource "aws_ssm_parameter" "sendgrid" {',
    '  name  = "/booking/prod/sendgrid/api_key"',
    '  type  = "SecureString"',
  );
  sec.d('  value = var.sendgrid_api_key', 'variable reference');
  sec.l('}');

  const lam = repo.file('infra/terraform/aws/lambda.tf', 'terraform');
  const hook = t.slackWebhook();
  const tws = h.twilioKeySecret();
  lam.l(
    'resource "aws_lambda_function" "price_alerts" {',
    '  function_name = "price-alerts"',
    '  runtime       = "python3.12"',
    '  handler       = "alerts.handler"',
    '  environment {',
    '    variables = {',
  );
  lam.s(`      SLACK_WEBHOOK_URL     = "${hook}"`, 'slack', hook);
  lam.d(`      TWILIO_ACCOUNT_SID    = "${t.twilioSid()}"`, 'twilio account sid');
  lam.d(`      TWILIO_API_KEY        = "${h.twilioKeySid()}"`, 'twilio api key sid (identifier)');
  lam.s(`      TWILIO_API_SECRET     = "${tws}"`, 'twilio', tws);
  lam.d(`      ENCRYPTED_DB_PASSWORD = "${h.kmsBlob()}"`, 'kms ciphertext');
  lam.l('    }', '  }', '}');

  const tfv = repo.file('infra/terraform/aws/terraform.tfvars', 'terraform');
  const sg = t.sendgrid();
  const dda = t.ddApi();
  const ddp = t.ddApp();
  const gh = t.github();
  const pd = h.pagerduty();
  tfv.l('environment    = "prod"');
  tfv.d(`aws_account_id = "${acct}"`, 'account id');
  tfv.s(`sendgrid_api_key = "${sg}"`, 'sendgrid', sg);
  tfv.s(`datadog_api_key  = "${dda}"`, 'datadog', dda);
  tfv.s(`datadog_app_key  = "${ddp}"`, 'datadog', ddp);
  tfv.s(`github_token     = "${gh}"`, 'github', gh);
  tfv.s(`pagerduty_token  = "${pd}"`, 'pagerduty', pd);
  tfv.d(`acm_certificate_arn = "arn:aws:acm:eu-west-1:${acct}:certificate/${t.uuid()}"`, 'arn');

  const vars = repo.file('infra/terraform/aws/variables.tf', 'terraform');
  const vpw = h.human();
  vars.l(
    'variable "sendgrid_api_key" {',
    '  type      = string',
    '  sensitive = true',
    '}',
    '',
    'variable "db_password" {',
    '  type    = string',
  );
  vars.s(`  default = "${vpw}"`, 'generic', vpw);
  vars.l('}', '', 'variable "pricing_db_password" {', '  type        = string');
  vars.d('  description = "Pricing cluster master password (set TF_VAR_pricing_db_password)"', 'prose');
  vars.l('}');

  const iam = repo.file('infra/terraform/aws/iam.tf', 'terraform');
  iam.l(
    'resource "aws_iam_user" "ci" {',
    '  name = "jenkins-ci"',
    '}',
    '',
    'resource "aws_iam_access_key" "ci" {',
    '  user = aws_iam_user.ci.name',
    '}',
    '',
    'output "ci_secret" {',
  );
  iam.d('  value     = aws_iam_access_key.ci.secret', 'resource attribute');
  iam.l(
    '  sensitive = true',
    '}',
    '',
    'data "aws_iam_policy_document" "assume" {',
    '  statement {',
    '    principals {',
    '      type        = "AWS"',
  );
  iam.d(`      identifiers = ["arn:aws:iam::${acct}:root"]`, 'account arn');
  iam.l('    }', '  }', '}');

  const ud = repo.file('infra/terraform/aws/templates/bastion-userdata.sh.tpl', 'terraform');
  const bak = t.awsId();
  const bas = t.awsSecret();
  ud.l('#!/bin/bash', 'set -e');
  ud.d("export PGPASSWORD='${db_password}'", 'template variable');
  ud.d(`echo 'wanderly-ops:$6$${t.alnum(16)}$${t.mixed(ALNUM + './', 86)}' | chpasswd -e`, 'sha512-crypt hash');
  ud.s(`aws configure set aws_access_key_id ${bak} --profile backup`, 'aws', bak);
  ud.s(`aws configure set aws_secret_access_key ${bas} --profile backup`, 'aws', bas);

  const lock = repo.file('infra/terraform/aws/.terraform.lock.hcl', 'terraform');
  lock.l(
    'provider "registry.terraform.io/hashicorp/aws" {',
    '  version     = "5.46.0"',
    '  constraints = "~> 5.0"',
    '  hashes = [',
  );
  lock.d(`    "h1:${Buffer.from(t.pick(HEX, 64), 'hex').toString('base64')}",`, 'provider hash');
  lock.d(`    "zh:${t.sha256()}",`, 'provider hash');
  lock.d(`    "zh:${t.sha256()}",`, 'provider hash');
  lock.l('  ]', '}');

  const state = repo.file('infra/terraform/aws/terraform.tfstate.backup', 'terraform');
  const stpw = h.pw();
  state.l('{', '  "version": 4,', '  "terraform_version": "1.7.5",');
  state.d(`  "lineage": "${t.uuid()}",`, 'lineage uuid');
  state.l(
    '  "resources": [',
    '    {',
    '      "type": "aws_db_instance",',
    '      "name": "booking",',
    '      "instances": [',
    '        {',
    '          "attributes": {',
    '            "address": "booking-prod.c1x2y3z4.eu-west-1.rds.amazonaws.com",',
  );
  state.s(`            "password": "${stpw}",`, 'generic', stpw);
  state.l('            "username": "booking_admin"', '          }', '        }', '      ]', '    }', '  ]', '}');
}

// ---- Kubernetes, Helm ------------------------------------------------------------------

function kubernetes(repo, t, h, b64) {
  const s = repo.file('deploy/k8s/booking-api/secret.yaml', 'k8s');
  const dbpw = h.pw();
  const ams = h.amadeusSecret();
  const epw = h.pw();
  const gm = t.gcpApiKey();
  s.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: booking-api-secrets',
    '  namespace: booking',
    'type: Opaque',
    'data:',
  );
  s.s(`  BOOKING_DB_PASSWORD: ${b64(dbpw)}`, 'generic', dbpw);
  s.d(`  AMADEUS_CLIENT_ID: ${b64(h.amadeusId())}`, 'base64 of a client id');
  s.s(`  AMADEUS_CLIENT_SECRET: ${b64(ams)}`, 'amadeus', ams, 'warning');
  s.s(`  SABRE_EPR_PASSWORD: ${b64(epw)}`, 'sabre', epw, 'warning');
  s.s(`  GOOGLE_MAPS_API_KEY: ${b64(gm)}`, 'gcp', gm);
  s.d(`  SPRING_PROFILES_ACTIVE: ${b64('prod')}`, 'base64 of a plain setting');

  const d = repo.file('deploy/k8s/booking-api/deployment.yaml', 'k8s');
  const jas = h.strong(20);
  const hk = h.hbKey();
  const hs = h.hbSecret();
  d.l(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: booking-api',
    '  namespace: booking',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: booking-api',
  );
  d.d(
    `          image: ${t.digits(12)}.dkr.ecr.eu-west-1.amazonaws.com/booking-api@sha256:${t.sha256()}`,
    'image digest',
  );
  d.l(
    '          env:',
    '            - name: SPRING_PROFILES_ACTIVE',
    '              value: prod',
    '            - name: BOOKING_DB_PASSWORD',
    '              valueFrom:',
    '                secretKeyRef:',
    '                  name: booking-api-secrets',
  );
  d.d('                  key: BOOKING_DB_PASSWORD', 'secretKeyRef key');
  d.l('            - name: JAVA_TOOL_OPTIONS');
  d.s(`              value: "-Xmx1g -Djasypt.encryptor.password=${jas}"`, 'generic', jas);
  d.l('            - name: HOTELBEDS_API_KEY');
  d.s(`              value: "${hk}"`, 'hotelbeds', hk, 'warning');
  d.l('            - name: HOTELBEDS_SECRET');
  d.s(`              value: "${hs}"`, 'hotelbeds', hs, 'warning');
  d.l(
    '            - name: DD_AGENT_HOST',
    '              valueFrom:',
    '                fieldRef:',
    '                  fieldPath: status.hostIP',
  );

  const ps = repo.file('deploy/k8s/payments-api/secret.yaml', 'k8s');
  const sk = t.stripeLive();
  const ad = h.adyenKey();
  const btp = h.btPrivate();
  const pps = h.paypalSecret();
  ps.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: payments-api',
    '  namespace: payments',
    'type: Opaque',
    'stringData:',
  );
  ps.s(`  STRIPE_API_KEY: ${sk}`, 'stripe', sk);
  ps.s(`  ADYEN_API_KEY: "${ad}"`, 'adyen', ad);
  ps.s(`  BRAINTREE_PRIVATE_KEY: "${btp}"`, 'braintree', btp);
  ps.s(`  PAYPAL_CLIENT_SECRET: ${pps}`, 'paypal', pps);
  ps.d(`  PAYPAL_CLIENT_ID: ${h.paypalId()}`, 'paypal client id');

  const rc = repo.file('deploy/k8s/registry/regcred.yaml', 'k8s');
  const rpw = h.pw();
  const cfg = b64(
    JSON.stringify({
      auths: { 'nexus.wanderly.internal:8443': { username: 'k8s-pull', password: rpw, auth: b64(`k8s-pull:${rpw}`) } },
    }),
  );
  rc.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: regcred',
    '  namespace: booking',
    'type: kubernetes.io/dockerconfigjson',
    'data:',
  );
  rc.s(`  .dockerconfigjson: ${cfg}`, 'generic', rpw);

  const ss = repo.file('deploy/k8s/sealed/gds-credentials.sealed.yaml', 'encrypted');
  ss.l(
    'apiVersion: bitnami.com/v1alpha1',
    'kind: SealedSecret',
    'metadata:',
    '  name: gds-credentials',
    '  namespace: booking',
    'spec:',
    '  encryptedData:',
  );
  ss.d(`    SABRE_EPR_PASSWORD: AgB${t.mixed(B64, 540)}==`, 'sealed secret');
  ss.d(`    AMADEUS_CLIENT_SECRET: AgC${t.mixed(B64, 540)}==`, 'sealed secret');

  const sops = repo.file('deploy/secrets/booking-prod.enc.yaml', 'encrypted');
  sops.d(
    `sabre_password: ENC[AES256_GCM,data:${t.mixed(B64, 16)},iv:${t.mixed(B64, 43)}=,tag:${t.mixed(B64, 22)}==,type:str]`,
    'sops',
  );
  sops.d(
    `stripe_api_key: ENC[AES256_GCM,data:${t.mixed(B64, 44)},iv:${t.mixed(B64, 43)}=,tag:${t.mixed(B64, 22)}==,type:str]`,
    'sops',
  );
  sops.l('sops:', '    kms:');
  sops.d(`        - arn: arn:aws:kms:eu-west-1:${t.digits(12)}:key/${t.uuid()}`, 'kms arn');
  sops.d(
    `    mac: ENC[AES256_GCM,data:${t.mixed(B64, 86)}==,iv:${t.mixed(B64, 43)}=,tag:${t.mixed(B64, 22)}==,type:str]`,
    'sops mac',
  );
  sops.l('    version: 3.8.1');

  const hv = repo.file('deploy/helm/booking/values.yaml', 'k8s');
  hv.l('image:', '  repository: booking-api', '  tag: latest', 'postgresql:', '  auth:', '    username: booking');
  hv.d('    password: ""', 'empty');
  hv.d('    existingSecret: booking-db', 'secret name');
  hv.l('amadeus:');
  hv.d('  clientSecret: changeme', 'placeholder');
  hv.l('twilio:');
  hv.d('  authToken: <twilio-auth-token>', 'placeholder');

  const hp = repo.file('deploy/helm/booking/values-prod.yaml', 'k8s');
  const hpw = h.pw();
  const rdp = h.strong(28);
  const ams2 = h.amadeusSecret();
  const twt = t.twilioToken();
  const dd = t.ddApi();
  hp.l('image:', '  tag: "3.14.2"', 'postgresql:', '  auth:');
  hp.s(`    password: "${hpw}"`, 'generic', hpw);
  hp.l('redis:', '  auth:');
  hp.s(`    password: ${rdp}`, 'generic', rdp);
  hp.l('amadeus:');
  hp.s(`  clientSecret: ${ams2}`, 'amadeus', ams2, 'warning');
  hp.l('twilio:');
  hp.d(`  accountSid: ${t.twilioSid()}`, 'twilio account sid');
  hp.s(`  authToken: "${twt}"`, 'twilio', twt);
  hp.l('datadog:');
  hp.s(`  apiKey: ${dd}`, 'datadog', dd);

  const ht = repo.file('deploy/helm/booking/templates/secret.yaml', 'k8s');
  ht.l('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: {{ include "booking.fullname" . }}', 'stringData:');
  ht.d('  AMADEUS_CLIENT_SECRET: {{ .Values.amadeus.clientSecret | quote }}', 'helm template');
  ht.d('  TWILIO_AUTH_TOKEN: {{ required "twilio.authToken" .Values.twilio.authToken | quote }}', 'helm template');

  const cj = repo.file('deploy/k8s/pricing/cronjob.yaml', 'k8s');
  const sfpw = h.pw();
  const rk = h.rapidKey();
  cj.l(
    'apiVersion: batch/v1',
    'kind: CronJob',
    'metadata:',
    '  name: competitor-rates',
    '  namespace: pricing',
    'spec:',
    '  schedule: "15 */2 * * *"',
    '  jobTemplate:',
    '    spec:',
    '      template:',
    '        spec:',
    '          containers:',
    '            - name: job',
    '              image: pricing-jobs:2024.05.1',
    '              args:',
    '                - "competitor-rates"',
    '                - "--rapidapi-key"',
  );
  cj.s(`                - "${rk}"`, 'rapidapi', rk, 'warning');
  cj.l('              env:', '                - name: SNOWFLAKE_PASSWORD');
  cj.s(`                  value: "${sfpw}"`, 'generic', sfpw);

  const cm = repo.file('deploy/k8s/pricing/configmap.yaml', 'k8s');
  const pem = t.pkcs8Pem();
  const proj = `wanderly-pricing-${lowerNumOf(t, 6)}`;
  const saJson = JSON.stringify({
    type: 'service_account',
    project_id: proj,
    private_key_id: t.sha1(),
    private_key: pem.join('\n') + '\n',
    client_email: `pricing-jobs@${proj}.iam.gserviceaccount.com`,
    client_id: t.digits(21),
    token_uri: 'https://oauth2.googleapis.com/token',
  });
  cm.l('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: pricing-config', '  namespace: pricing', 'data:');
  cm.d('  BIGQUERY_DATASET: pricing_prod', 'plain');
  cm.d(`  BUILD_SHA: "${t.sha1()}"`, 'git sha');
  cm.s(`  GOOGLE_APPLICATION_CREDENTIALS_JSON: ${b64(saJson)}`, 'gcp', pem[3]);
}

// ---- Docker ---------------------------------------------------------------------------

function docker(repo, t, h) {
  const d = repo.file('services/booking-api/Dockerfile', 'docker');
  const nx = h.pwa();
  const jas = h.strong(20);
  d.d(`FROM eclipse-temurin:21-jre-alpine@sha256:${t.sha256()}`, 'image digest');
  d.l('ARG NEXUS_USER=deployment');
  d.s(`ARG NEXUS_PASSWORD=${nx}`, 'generic', nx);
  d.s(`ENV JAVA_OPTS="-Xms512m -Xmx1g -Djasypt.encryptor.password=${jas}"`, 'generic', jas);
  d.l(
    'ENV SPRING_PROFILES_ACTIVE=prod',
    'COPY build/libs/booking-api.jar /app/app.jar',
    'ENTRYPOINT ["sh", "-c", "java $JAVA_OPTS -jar /app/app.jar"]',
  );

  const p = repo.file('legacy/booking-site/Dockerfile', 'docker');
  const gh = t.github();
  p.l('FROM php:8.1-fpm-bullseye');
  p.s(`ENV COMPOSER_AUTH='{"github-oauth":{"github.com":"${gh}"}}'`, 'github', gh);
  p.l("RUN php -r \"copy('https://getcomposer.org/installer', 'composer-setup.php');\"");
  p.d(`RUN echo "${t.pick(HEX, 96)}  composer-setup.php" | sha384sum -c -`, 'installer checksum');
  p.l(
    'RUN php composer-setup.php --install-dir=/usr/local/bin --filename=composer',
    'COPY . /var/www/booking',
    'RUN composer install --no-dev --optimize-autoloader',
  );

  const py = repo.file('pricing/Dockerfile', 'docker');
  const pipPw = h.pwa();
  py.l('FROM python:3.11-slim');
  py.s(
    `ARG PIP_EXTRA_INDEX_URL=https://pricing-ci:${pipPw}@nexus.wanderly.internal/repository/pypi-internal/simple`,
    'generic',
    pipPw,
  );
  py.d('ENV GOOGLE_APPLICATION_CREDENTIALS=/secrets/pricing-sa.json', 'path');
  py.d(
    'RUN --mount=type=secret,id=pip_conf,target=/etc/pip.conf pip install -r requirements.txt',
    'build secret mount',
  );
  py.l('COPY . /app', 'WORKDIR /app', 'ENTRYPOINT ["python", "-m", "pricing"]');

  const c = repo.file('docker-compose.yml', 'docker');
  const stt = t.stripeTest();
  const cert = `WS${t.alnum(6)}`;
  c.l('services:', '  postgres:', '    image: postgres:15', '    environment:', '      POSTGRES_USER: booking');
  c.d('      POSTGRES_PASSWORD: postgres', 'trivial local default');
  c.l('  booking-api:', '    build: ./services/booking-api', '    environment:');
  c.d('      SPRING_DATASOURCE_PASSWORD: postgres', 'trivial local default');
  c.d('      AMADEUS_CLIENT_SECRET: ${AMADEUS_CLIENT_SECRET}', 'env interpolation');
  c.s(`      STRIPE_API_KEY: ${stt}`, 'stripe', stt, 'warning');
  c.s(`      SABRE_EPR_PASSWORD: ${cert}`, 'sabre', cert, 'warning');
  c.l('  mailhog:', '    image: mailhog/mailhog:v1.0.1');
}

// ---- CI --------------------------------------------------------------------------------

function ci(repo, t, h) {
  const j = repo.file('Jenkinsfile', 'ci');
  const sonar = h.sonar();
  const npw = h.pwa();
  const hook = t.slackWebhook();
  j.l('pipeline {', "  agent { label 'docker' }", '  environment {');
  j.d("    NEXUS = credentials('nexus-deployment')", 'jenkins credentials binding');
  j.s(`    SONAR_TOKEN = '${sonar}'`, 'sonarqube', sonar);
  j.d(`    DOCKER_REGISTRY = '${t.digits(12)}.dkr.ecr.eu-west-1.amazonaws.com'`, 'registry host with account id');
  j.l('  }', '  stages {', "    stage('Build') {", '      steps {');
  j.s(`        sh './gradlew build -PnexusUsername=deployment -PnexusPassword=${npw}'`, 'generic', npw);
  j.l('      }', '    }', "    stage('Publish') {", '      steps {');
  j.d(
    "        withCredentials([usernamePassword(credentialsId: 'nexus-deployment', usernameVariable: 'NEXUS_USER', passwordVariable: 'NEXUS_PASS')]) {",
    'credentials binding',
  );
  j.d("          sh 'docker login -u $NEXUS_USER -p $NEXUS_PASS nexus.wanderly.internal:8443'", 'variables');
  j.l('        }');
  j.d(
    '        sh "aws ecr get-login-password --region eu-west-1 | docker login --username AWS --password-stdin ${DOCKER_REGISTRY}"',
    'password from stdin',
  );
  j.l('      }', '    }', "    stage('Notify') {", '      steps {');
  j.d(
    "        slackSend(channel: '#releases', tokenCredentialId: 'slack-bot', message: \"booking-api ${env.BUILD_NUMBER} deployed\")",
    'credential id',
  );
  j.s(
    `        sh "curl -s -X POST -H 'Content-type: application/json' --data '{\\"text\\":\\"deployed\\"}' ${hook}"`,
    'slack',
    hook,
  );
  j.l('      }', '    }', '  }', '}');

  const pj = repo.file('services/payments-api/Jenkinsfile', 'ci');
  const stt = t.stripeTest();
  const cpw = h.pwa();
  pj.l('pipeline {', '    agent any', '    environment {');
  pj.s(`        STRIPE_TEST_KEY = '${stt}'`, 'stripe', stt, 'warning');
  pj.d("        ADYEN_API_KEY = credentials('adyen-live-api-key')", 'jenkins credentials binding');
  pj.l('    }', '    stages {', "        stage('Upload') {", '            steps {');
  pj.s(
    `                sh 'curl -sf -u ci-deployer:${cpw} https://nexus.wanderly.internal/service/rest/v1/components?repository=maven-releases -F maven2.asset1=@build/libs/payments-api.jar'`,
    'generic',
    cpw,
  );
  pj.d("                sh 'ansible-playbook deploy.yml --vault-password-file ~/.vault_pass'", 'file reference');
  pj.l('            }', '        }', '    }', '}');

  const gh = repo.file('.github/workflows/pricing-jobs.yml', 'ci');
  const rk = h.rapidKey();
  const ak = t.awsId();
  const ams = h.amadeusSecret();
  gh.l(
    'name: pricing-jobs',
    'on:',
    '  schedule:',
    "    - cron: '0 */4 * * *'",
    'env:',
    '  SNOWFLAKE_ACCOUNT: wanderly-eu1',
  );
  gh.d('  SNOWFLAKE_PASSWORD: ${{ secrets.SNOWFLAKE_PASSWORD }}', 'actions secret reference');
  gh.s(`  RAPIDAPI_KEY: ${rk}`, 'rapidapi', rk, 'warning');
  gh.l('jobs:', '  run:', '    runs-on: ubuntu-latest', '    steps:');
  gh.d(`      - uses: actions/checkout@${t.sha1()}`, 'pinned action');
  gh.l('      - uses: aws-actions/configure-aws-credentials@v4', '        with:');
  gh.s(`          aws-access-key-id: ${ak}`, 'aws', ak);
  gh.d('          aws-secret-access-key: ${{ secrets.AWS_SECRET_ACCESS_KEY }}', 'actions secret reference');
  gh.l('          aws-region: eu-west-1');
  gh.s(`      - run: python -m pricing.jobs.fetch_amadeus_fares --client-secret ${ams}`, 'amadeus', ams, 'warning');
}

// ---- nginx ----------------------------------------------------------------------------

function nginx(repo, t, h, b64) {
  const n = repo.file('deploy/nginx/conf.d/book.wanderly.travel.conf', 'nginx');
  const hk = h.hbKey();
  const oxr = t.hex(32);
  const prom = h.pwa();
  n.l('server {', '    listen 443 ssl http2;', '    server_name book.wanderly.travel;');
  n.d('    ssl_certificate     /etc/nginx/tls/book.wanderly.travel.crt;', 'path');
  n.d('    ssl_certificate_key /etc/nginx/tls/book.wanderly.travel.key;', 'path');
  n.l('', '    location /admin/ {', '        auth_basic "Restricted";');
  n.d('        auth_basic_user_file /etc/nginx/.htpasswd;', 'path');
  n.l(
    '        proxy_pass http://legacy-php:9000;',
    '    }',
    '',
    '    location /api/hotels/ {',
    '        proxy_pass https://api.hotelbeds.com/hotel-api/1.0/;',
  );
  n.s(`        proxy_set_header Api-key "${hk}";`, 'hotelbeds', hk, 'warning');
  n.l('        proxy_set_header Accept application/json;', '    }', '', '    location /api/fx/ {');
  n.s(`        proxy_pass https://openexchangerates.org/api/latest.json?app_id=${oxr};`, 'generic', oxr);
  n.l(
    '    }',
    '',
    '    location /internal/metrics {',
    '        proxy_pass http://booking-api:8080/actuator/prometheus;',
  );
  n.s(`        proxy_set_header Authorization "Basic ${b64(`prometheus:${prom}`)}";`, 'generic', prom);
  n.l('    }', '}');

  const pa = repo.file('deploy/nginx/conf.d/partner-api.conf', 'nginx');
  const k1 = t.alnum(40);
  const k2 = t.alnum(40);
  pa.l('map $http_x_api_key $partner {', '    default "";');
  pa.s(`    "${k1}" "kayak";`, 'generic', k1);
  pa.s(`    "${k2}" "skyscanner";`, 'generic', k2);
  pa.l(
    '}',
    '',
    'server {',
    '    listen 443 ssl;',
    '    server_name partner-api.wanderly.travel;',
    '    location / {',
    '        if ($partner = "") { return 401; }',
  );
  pa.d('        proxy_set_header X-Partner $partner;', 'variable');
  pa.l('        proxy_pass http://booking-api:8080;', '    }', '}');

  const hp = repo.file('deploy/nginx/.htpasswd', 'nginx');
  hp.d(`ops:$apr1$${t.alnum(8)}$${t.mixed(ALNUM + './', 22)}`, 'apr1 hash');
  hp.d(`revenue:{SHA}${Buffer.from(t.pick(HEX, 40), 'hex').toString('base64')}`, 'sha1 hash');
  hp.d(`deploy:${h.bcrypt('2y')}`, 'bcrypt hash');
}

// ---- logs and captures ---------------------------------------------------------------------

function logs(repo, t, h, b64) {
  const l = repo.file('logs/booking-api/booking-api-2024-05-02.log', 'logs');
  const dbpw = h.pw();
  const amId = h.amadeusId();
  const ams = h.amadeusSecret();
  const tok = h.amadeusToken();
  const spw = `WS${t.alnum(6)}`;
  l.l(
    '2024-05-02 07:00:01.102  INFO 1 --- [main] c.w.booking.BookingApiApplication        : Starting BookingApiApplication v3.14.2 using Java 21.0.2 with PID 1',
  );
  l.l(
    '2024-05-02 07:00:03.877  INFO 1 --- [main] com.zaxxer.hikari.HikariDataSource       : HikariPool-1 - Starting...',
  );
  l.d(
    "2024-05-02 07:00:04.010 DEBUG 1 --- [main] o.s.b.c.p.PropertySourcesPropertyResolver : Found key 'spring.datasource.password' in PropertySource 'Config resource 'class path resource [application-prod.yml]'' with value of type String",
    'key name only',
  );
  l.s(
    `2024-05-02 07:00:04.233  WARN 1 --- [main] c.w.b.config.StartupDiagnostics          : datasource url=jdbc:postgresql://booking-db.prod.wanderly.internal:5432/booking user=booking_app password=${dbpw}`,
    'generic',
    dbpw,
  );
  l.s(
    `2024-05-02 07:00:05.441 DEBUG 1 --- [gds-1] o.s.web.client.RestTemplate             : HTTP POST https://api.amadeus.com/v1/security/oauth2/token, body=grant_type=client_credentials&client_id=${amId}&client_secret=${ams}`,
    'amadeus',
    ams,
    'warning',
  );
  l.s(
    `2024-05-02 07:00:05.702 DEBUG 1 --- [gds-1] c.w.booking.gds.AmadeusClient           : GET /v2/shopping/flight-offers headers=[Authorization:"Bearer ${tok}", Accept:"application/vnd.amadeus+json"]`,
    'amadeus',
    tok,
    'warning',
  );
  l.d(
    `2024-05-02 07:00:06.004  INFO 1 --- [gds-1] c.w.booking.gds.SabreSessionPool        : session pool ready size=8 pcc=${h.pcc()}`,
    'pcc',
  );
  l.d(
    `2024-05-02 07:12:44.918  INFO 1 --- [nio-8443-exec-3] c.w.booking.BookingController           : booking confirmed pnr=${h.pnr()} ticket=${h.ticket()} bookingId=${t.uuid()}`,
    'booking identifiers',
  );
  l.s(
    `2024-05-02 07:12:45.001 DEBUG 1 --- [nio-8443-exec-3] c.w.booking.gds.SabreClient             : >>> <wsse:UsernameToken><wsse:Username>${h.epr()}</wsse:Username><wsse:Password>${spw}</wsse:Password></wsse:UsernameToken>`,
    'sabre',
    spw,
    'warning',
  );
  l.d(
    '2024-05-02 07:12:45.003 DEBUG 1 --- [nio-8443-exec-4] c.w.booking.gds.SabreClient             : >>> <wsse:UsernameToken><wsse:Username>*****</wsse:Username><wsse:Password>******</wsse:Password></wsse:UsernameToken>',
    'masked',
  );
  l.d(
    `2024-05-02 07:13:00.000  INFO 1 --- [notify-2] c.w.b.notify.ItineraryNotifier          : sms queued sid=SM${t.pick(HEX, 32)} to=+44******0123`,
    'message sid',
  );

  const pl = repo.file('logs/payments-api/payments-api.json.log', 'logs');
  const ad = h.adyenKey();
  const btp = h.btPrivate();
  pl.d(
    `{"@timestamp":"2024-05-02T07:12:43.120Z","level":"INFO","logger":"c.w.p.StripeWebhookController","message":"webhook received","stripe_signature":"t=1714633963,v1=${t.sha256()}","event":"evt_1P${t.alnum(22)}"}`,
    'webhook signature (hmac output)',
  );
  pl.d(
    `{"@timestamp":"2024-05-02T07:12:43.410Z","level":"ERROR","logger":"com.stripe.net.LiveStripeResponseGetter","message":"Invalid API Key provided: sk_live_********************${t.alnum(4)}"}`,
    'masked key',
  );
  pl.s(
    `{"@timestamp":"2024-05-02T07:12:44.002Z","level":"DEBUG","logger":"com.adyen.httpclient.AdyenHttpClient","message":"Request headers: {x-api-key=${ad}, Content-Type=application/json}"}`,
    'adyen',
    ad,
  );
  pl.d(
    `{"@timestamp":"2024-05-02T07:12:44.870Z","level":"INFO","logger":"c.w.p.AdyenWebhookController","message":"notification pspReference=${h.psp()} merchantReference=WND-${h.pnr()} eventCode=AUTHORISATION success=true"}`,
    'psp reference',
  );
  pl.s(
    `{"@timestamp":"2024-05-02T07:12:45.100Z","level":"DEBUG","logger":"c.w.p.braintree.BraintreeGatewayFactory","message":"gateway init merchantId=${h.btId()} publicKey=${h.btId()} privateKey=${btp}"}`,
    'braintree',
    btp,
  );
  pl.d(
    `{"@timestamp":"2024-05-02T07:12:45.300Z","level":"WARN","logger":"c.w.p.IdempotencyFilter","message":"idempotency key ${t.uuid()} reused"}`,
    'uuid',
  );

  const har = repo.file('captures/har/checkout-2024-04-18.har', 'captures');
  const upw = h.human();
  const jwt = h.jwt();
  const gm = t.gcpApiKey();
  const appId = h.algoliaApp();
  har.l(
    '{',
    '  "log": {',
    '    "version": "1.2",',
    '    "creator": { "name": "WebInspector", "version": "537.36" },',
    '    "entries": [',
    '      {',
    '        "startedDateTime": "2024-04-18T14:03:11.220Z",',
    '        "request": {',
    '          "method": "POST",',
    '          "url": "https://book.wanderly.travel/api/v2/login",',
    '          "headers": [',
    '            { "name": "content-type", "value": "application/json" },',
  );
  har.d(
    `            { "name": "x-xsrf-token", "value": "${b64(JSON.stringify({ iv: t.mixed(B64, 22) + '==', value: t.mixed(B64, 64), mac: t.sha256() }))}" }`,
    'laravel csrf token',
  );
  har.l('          ],');
  har.s(
    `          "postData": { "mimeType": "application/json", "text": "{\\"email\\":\\"j.moreau@wanderly.travel\\",\\"password\\":\\"${upw}\\"}" }`,
    'generic',
    upw,
  );
  har.l(
    '        }',
    '      },',
    '      {',
    '        "startedDateTime": "2024-04-18T14:03:12.004Z",',
    '        "request": {',
    '          "method": "GET",',
  );
  har.d(`          "url": "https://api.wanderly.travel/v2/trips/${t.uuid()}",`, 'trip id');
  har.l('          "headers": [');
  har.s(`            { "name": "authorization", "value": "Bearer ${jwt}" },`, 'jwt', jwt, 'warning');
  har.d(
    `            { "name": "cookie", "value": "_ga=GA1.2.${t.digits(10)}.${t.digits(10)}; _gid=GA1.2.${t.digits(10)}.${t.digits(10)}" }`,
    'analytics cookies',
  );
  har.l('          ]', '        }', '      },', '      {', '        "request": {', '          "method": "GET",');
  har.s(
    `          "url": "https://maps.googleapis.com/maps/api/place/autocomplete/json?input=lisb&key=${gm}&sessiontoken=${t.uuid()}",`,
    'gcp',
    gm,
  );
  har.l(
    '          "headers": []',
    '        }',
    '      },',
    '      {',
    '        "request": {',
    '          "method": "POST",',
  );
  har.l(`          "url": "https://${appId}-dsn.algolia.net/1/indexes/hotels/query",`, '          "headers": [');
  har.d(`            { "name": "x-algolia-api-key", "value": "${t.hex(32)}" },`, 'algolia search-only key');
  har.d(`            { "name": "x-algolia-application-id", "value": "${appId}" }`, 'app id');
  har.l(
    '          ]',
    '        },',
    '        "response": {',
    '          "status": 200,',
    '          "content": {',
    '            "mimeType": "application/json",',
  );
  har.d(
    `            "text": "{\\"clientKey\\":\\"${h.adyenClientKey()}\\",\\"environment\\":\\"live\\"}"`,
    'adyen client key (public)',
  );
  har.l('          }', '        }', '      }', '    ]', '  }', '}');

  const al = repo.file('logs/nginx/access.log', 'logs');
  const gm2 = t.gcpApiKey();
  const pk = t.alnum(40);
  al.l(
    '10.20.3.4 - - [02/May/2024:07:12:44 +0000] "GET /api/v2/geocode?q=Lisbon HTTP/1.1" 200 512 "-" "okhttp/4.12.0"',
  );
  al.s(
    `10.20.3.4 - - [02/May/2024:07:12:45 +0000] "GET /maps/api/geocode/json?address=Rua+Augusta&key=${gm2} HTTP/1.1" 200 1893 "-" "okhttp/4.12.0"`,
    'gcp',
    gm2,
  );
  al.d(
    '10.20.3.4 - - [02/May/2024:07:12:46 +0000] "GET /hotel-api/1.0/hotels?api_key=*** HTTP/1.1" 200 7331 "-" "python-requests/2.32.3"',
    'masked',
  );
  al.l('10.20.3.9 - ops [02/May/2024:07:12:47 +0000] "GET /admin/ HTTP/1.1" 200 3120 "-" "Mozilla/5.0"');
  al.s(
    `52.14.7.21 - - [02/May/2024:07:12:48 +0000] "GET /partner/v1/availability?partner_key=${pk}&hotel=48213 HTTP/1.1" 200 644 "-" "Kayak-Connector/3.1"`,
    'generic',
    pk,
  );
  al.l(
    '54.187.174.169 - - [02/May/2024:07:12:49 +0000] "POST /api/v2/payments/webhooks/stripe HTTP/1.1" 200 2 "-" "Stripe/1.0 (+https://stripe.com/docs/webhooks)"',
  );
}

// ---- docs ------------------------------------------------------------------------------

function docs(repo, t, h) {
  const c = repo.file('docs/debugging/curl-recipes.md', 'docs');
  const rk = h.stripeRk();
  const amId = h.amadeusId();
  const ams = h.amadeusSecret();
  const sid = t.twilioSid();
  const twt = t.twilioToken();
  const sg = t.sendgrid();
  c.l(
    '# Debugging partner APIs with curl',
    '',
    '```bash',
    '# Stripe: last refunds (read-only restricted key from 1Password "Stripe RO")',
  );
  c.s(`curl "https://api.stripe.com/v1/refunds?limit=3" -u ${rk}:`, 'stripe', rk);
  c.d('curl https://api.stripe.com/v1/refunds -u "$STRIPE_KEY:"', 'variable');
  c.l('# Amadeus self-service token');
  c.s(
    `curl -X POST https://api.amadeus.com/v1/security/oauth2/token -H "Content-Type: application/x-www-form-urlencoded" -d "grant_type=client_credentials&client_id=${amId}&client_secret=${ams}"`,
    'amadeus',
    ams,
    'warning',
  );
  c.l('# Twilio: resend an itinerary SMS');
  c.s(
    `curl -X POST https://api.twilio.com/2010-04-01/Accounts/${sid}/Messages.json --data-urlencode "To=+447700900123" --data-urlencode "Body=Your booking is confirmed" -u ${sid}:${twt}`,
    'twilio',
    twt,
  );
  c.l('# SendGrid');
  c.s(
    `curl --request POST --url https://api.sendgrid.com/v3/mail/send --header 'Authorization: Bearer ${sg}' --header 'Content-Type: application/json' -d @mail.json`,
    'sendgrid',
    sg,
  );
  c.l('# Adyen (the TEST key is in Vault)');
  c.d(
    'curl https://checkout-test.adyen.com/v71/paymentMethods -H "x-API-key: $ADYEN_API_KEY" -H "content-type: application/json" -d \'{"merchantAccount":"WanderlyTravelECOM"}\'',
    'variable',
  );
  c.l('```', '', 'The token response looks like:', '', '```json');
  c.d(
    '{"type":"amadeusOAuth2Token","client_id":"<CLIENT_ID>","token_type":"Bearer","access_token":"<ACCESS_TOKEN>","expires_in":1799,"state":"approved"}',
    'placeholders',
  );
  c.l('```');

  const g = repo.file('docs/onboarding/gds-access.md', 'docs');
  const certPw = `WS${t.alnum(6)}`;
  const tpPw = h.tpPass();
  g.l(
    '# GDS access for developers',
    '',
    '| System | Environment | User | Password / secret | PCC / office |',
    '| --- | --- | --- | --- | --- |',
  );
  g.s(`| Sabre | CERT | ${h.epr()} | ${certPw} | ${h.pcc()} |`, 'sabre', certPw, 'warning');
  g.d(`| Sabre | PROD | see Vault \`secret/gds/sabre/prod\` | — | ${h.pcc()} |`, 'vault path');
  g.d(`| Amadeus WS | Production | WSWANXXX | stored in Vault | ${h.officeId()} |`, 'no value');
  g.s(`| Travelport | Pre-production | ${h.tpUser()} | ${tpPw} | P${t.digits(7)} |`, 'travelport', tpPw, 'warning');

  const r = repo.file('README.md', 'docs');
  r.l(
    '# wanderly monorepo',
    '',
    'Booking, payments and pricing services plus the legacy booking site.',
    '',
    '```sh',
    'cp legacy/booking-site/.env.example legacy/booking-site/.env',
  );
  r.d('export AMADEUS_CLIENT_SECRET=<your-amadeus-secret>', 'placeholder');
  r.d('export STRIPE_API_KEY=sk_test_...', 'placeholder');
  r.d('export SABRE_EPR_PASSWORD=changeme', 'placeholder');
  r.l('docker compose up', '```');

  const pi = repo.file('docs/runbooks/payments-incident.md', 'docs');
  const hm = h.adyenHmac();
  pi.l('# Payments incident runbook', '', '## Adyen webhooks failing HMAC validation', '');
  pi.s(`Compare with the key in the Customer Area. Current live HMAC key: \`${hm}\``, 'adyen', hm);
  pi.l('', '## Test cards', '');
  pi.d('Stripe: 4242 4242 4242 4242, any CVC. Adyen: 4111 1111 4555 1142, 03/30, 737.', 'documented test cards');
  pi.d(
    "Stripe's documented key `sk_test_4eC39HqLyjWDarjtT1zdp7dc` only works for the docs examples.",
    'stripe documentation key',
  );
  pi.d('Publishable counterpart: `pk_test_TYooMQauvdEDq54NiTphI7jx`.', 'stripe documentation key');

  const adr = repo.file('docs/adr/0009-gds-credential-rotation.md', 'docs');
  adr.l('# 9. GDS credential rotation', '', '## Decision', '');
  adr.d(
    '`SABRE_EPR_PASSWORD`, `AMADEUS_CLIENT_SECRET` and `HOTELBEDS_SECRET` are read from `secret/data/booking/gds`.',
    'key names',
  );
  adr.d(
    'Sabre EPR passwords expire every 90 days; the password must be 8 characters and start with a letter.',
    'prose',
  );
  adr.d('The Amadeus PasswordDigest is Base64(SHA-1(nonce + created + SHA-1(password))).', 'prose');
}

// ---- keys and certificates ---------------------------------------------------------------

function keys(repo, t, _h) {
  const ap = repo.file('services/payments-api/src/main/resources/applepay/merchant_identity.key', 'keys');
  const p8 = t.pkcs8Pem();
  ap.s(p8, 'private-key', p8.join('\n'));
  const apc = repo.file('services/payments-api/src/main/resources/applepay/merchant_identity.pem', 'keys');
  apc.d(
    [
      '-----BEGIN CERTIFICATE-----',
      `MIIGAzCCBOugAwIBAgII${t.mixed(B64, 44)}`,
      t.mixed(B64, 64),
      t.mixed(B64, 64),
      '-----END CERTIFICATE-----',
    ],
    'certificate',
  );
  const sp = repo.file('legacy/booking-site/storage/saml/sp.key', 'keys');
  const rsa = t.rsaPem();
  sp.s(rsa, 'private-key', rsa.join('\n'));
  const spc = repo.file('legacy/booking-site/storage/saml/sp.crt', 'keys');
  spc.d(
    [
      '-----BEGIN CERTIFICATE-----',
      `MIIDazCCAlOgAwIBAgIU${t.mixed(B64, 44)}`,
      t.mixed(B64, 64),
      '-----END CERTIFICATE-----',
    ],
    'certificate',
  );
  const sk = repo.file('deploy/ssh/jenkins_deploy_ed25519', 'keys');
  const os = t.opensshPem();
  sk.s(os, 'private-key', os.join('\n'));
  const pub = repo.file('deploy/ssh/jenkins_deploy_ed25519.pub', 'keys');
  pub.d(`ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${t.mixed(B64, 43)} jenkins@wanderly`, 'public key');
  const saml = repo.file('legacy/booking-site/config/saml2/idp_metadata.xml', 'keys');
  saml.l(
    '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://sso.wanderly.travel">',
    '  <md:IDPSSODescriptor>',
    '    <md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data>',
  );
  saml.d(`      <ds:X509Certificate>MIIC8DCCAdigAwIBAgIQ${t.mixed(B64, 300)}</ds:X509Certificate>`, 'idp certificate');
  saml.l('    </ds:X509Data></ds:KeyInfo></md:KeyDescriptor>', '  </md:IDPSSODescriptor>', '</md:EntityDescriptor>');
}

// ---- ops scripts -------------------------------------------------------------------------

function ops(repo, t, h) {
  const tw = repo.file('tools/ops/rotate-twilio-key.sh', 'shell');
  const twt = t.twilioToken();
  tw.l('#!/usr/bin/env bash', 'set -euo pipefail');
  tw.d(`TWILIO_ACCOUNT_SID=${t.twilioSid()}`, 'account sid');
  tw.s(`TWILIO_AUTH_TOKEN=${twt}`, 'twilio', twt);
  tw.d(
    'curl -s -X POST "https://api.twilio.com/2010-04-01/Accounts/$TWILIO_ACCOUNT_SID/Keys.json" -u "$TWILIO_ACCOUNT_SID:$TWILIO_AUTH_TOKEN" --data-urlencode "FriendlyName=booking-$(date +%F)"',
    'variables',
  );

  const db = repo.file('tools/ops/db-tunnel.sh', 'shell');
  const p1 = h.pwa();
  const p2 = h.pwa();
  db.l('#!/usr/bin/env bash', 'ssh -f -N -L 15432:booking-db.prod.wanderly.internal:5432 bastion.wanderly.travel');
  db.s(`PGPASSWORD=${p1} psql -h localhost -p 15432 -U booking_admin booking`, 'generic', p1);
  db.s(`mysqldump -h legacy-mysql.prod.wanderly.internal -u root --password='${p2}' booking > dump.sql`, 'generic', p2);
  db.d('read -r -s -p "Bastion MFA code: " MFA', 'prompt');

  const ex = repo.file('tools/ops/export-bookings.py', 'python');
  const ppw = h.human();
  const sgk = t.sendgrid();
  ex.l('import csv', 'import os', '', 'import psycopg2', 'import sendgrid', '');
  ex.s(
    `conn = psycopg2.connect(host="booking-db.prod.wanderly.internal", dbname="booking", user="finance_ro", password="${ppw}")`,
    'generic',
    ppw,
  );
  ex.d('conn2 = psycopg2.connect(os.environ["BOOKING_DSN"])', 'env read');
  ex.s(`sg = sendgrid.SendGridAPIClient(api_key="${sgk}")`, 'sendgrid', sgk);
  ex.d('PASSWORD_COLUMNS = ("password_hash", "pin_hash")', 'column names');
}
