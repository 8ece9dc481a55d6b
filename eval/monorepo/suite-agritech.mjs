// Agriculture-technology company monorepo (FieldLoop): C/C++ firmware for LoRaWAN soil probes and
// ESP32 tractor-telematics gateways (AWS IoT Core certs), The Things Network / ChirpStack network
// servers, Mosquitto and Telegraf, a Django + Celery backend (Stripe, Chargebee, Twilio, SendGrid,
// weather APIs), Go ingestion services (MQTT -> InfluxDB / TimescaleDB), a React Native farmer app
// (Android Gradle, iOS plist, fastlane), satellite-imagery notebooks and pipelines (Sentinel Hub,
// Planet, Google Earth Engine), Terraform (AWS + GCP), Kubernetes and Helm, Docker Compose for edge
// boxes, GitHub Actions and GitLab CI, Ansible, Grafana / InfluxDB, logs, support tickets, a Slack
// export and Markdown runbooks.
import { ALNUM, B64, BASE32, DIGIT, HEX, LOWER, UPPER, URLSAFE, Repo, makeTokens, mulberry32 } from './generate.mjs';

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 6271 + 883);
  const t = makeTokens(rand);
  const repo = new Repo();
  const g = gens(t);
  firmware(repo, t, g);
  networkServers(repo, t, g);
  mqtt(repo, t, g);
  django(repo, t, g);
  goServices(repo, t, g);
  mobile(repo, t, g);
  imagery(repo, t, g);
  terraform(repo, t, g);
  kubernetes(repo, t, g);
  compose(repo, t, g);
  ci(repo, t, g);
  ansible(repo, t, g);
  observability(repo, t, g);
  scripts(repo, t, g);
  logs(repo, t, g);
  support(repo, t, g);
  docs(repo, t, g);
  noise(repo, t, g);
  return repo;
}

const HEXU = '0123456789ABCDEF';

function crc32(text) {
  let c = 0xffffffff;
  for (const byte of Buffer.from(text)) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

function gens(t) {
  const enc = (s) => Buffer.from(s).toString('base64');
  const b64url = (s) => Buffer.from(s).toString('base64url');
  const b64 = (n) => t.mixed(B64, n);
  const WORDS = [
    'Tractor',
    'Harvest',
    'Furrow',
    'Silage',
    'Combine',
    'Orchard',
    'Barley',
    'Sorghum',
    'Paddock',
    'Irrigate',
  ];
  const word = () => WORDS[Number(t.pick(DIGIT, 1))];
  // What farm-ops staff pick for shared accounts and gateway Wi-Fi.
  const human = () => {
    const sym = t.pick('!#@*.', 1);
    switch (t.pick('0123', 1)) {
      case '0':
        return `${word()}20${t.pick('12', 1)}${t.pick(DIGIT, 1)}${sym}`;
      case '1':
        return `${word()}${sym}${t.pick(DIGIT, 2)}${word().toLowerCase()}`;
      case '2':
        return `Field${word()}${t.pick(DIGIT, 2)}${sym}`;
      default:
        return `${word().toLowerCase()}-${word()}-${t.pick(DIGIT, 4)}`;
    }
  };
  // Password-manager output that survives YAML, TOML, C strings and URLs.
  const gen = (n = 20) => `${t.pick(UPPER + LOWER, 1)}${t.mixed(ALNUM + '#*-_?@^+!', n - 1)}`;
  const urlpw = (n = 20) => t.alnum(n);
  const bytesPem = (label, headerHex, n) => {
    const buf = Buffer.concat([Buffer.from(headerHex, 'hex'), Buffer.from(t.pick(HEX, n * 2), 'hex')]);
    return [`-----BEGIN ${label}-----`, ...buf.toString('base64').match(/.{1,64}/g), `-----END ${label}-----`];
  };
  const jwtWith = (payload) =>
    `${b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64url(JSON.stringify(payload))}.${t.mixed(URLSAFE, 43)}`;
  const mapbox = (p) =>
    `${p}.${b64url(JSON.stringify({ u: 'fieldloop', a: `cl${t.lower(23)}` }))}.${t.mixed(URLSAFE, 22)}`;
  const cByteList = (hexStr) =>
    hexStr
      .match(/../g)
      .map((b) => `0x${b}`)
      .join(', ');
  return {
    enc,
    b64url,
    b64,
    human,
    gen,
    urlpw,
    cByteList,
    jwtWith,
    // LoRaWAN 1.0.x root key (AppKey) and session keys: 128-bit, written as 32 hex digits.
    loraKey: () => t.mixed(HEXU, 32),
    // DevEUI / JoinEUI: 64-bit identifiers printed on the device label.
    eui: () => `70B3D57ED${t.pick(HEXU, 7)}`,
    ttnKey: () => `NNSXS.${t.mixed(BASE32, 39)}.${t.mixed(BASE32, 52)}`,
    chirpKey: () => jwtWith({ aud: 'chirpstack', iss: 'chirpstack', sub: t.uuid(), typ: 'key' }),
    chirpSecret: () => `${b64(43)}=`,
    stripeRk: () => `rk_live_51${t.mixed(ALNUM, 97)}`,
    whsec: () => `whsec_${t.alnum(32)}`,
    stripePk: () => `pk_live_51${t.mixed(ALNUM, 97)}`,
    chargebee: () => `live_${t.alnum(34)}`,
    twilioKeySid: () => `SK${t.hex(32)}`,
    twilioKeySecret: () => t.alnum(32),
    mapboxSecret: () => mapbox('sk'),
    mapboxPublic: () => mapbox('pk'),
    shSecret: () => t.mixed(ALNUM + '!*()-_+=.,;<>', 40),
    planet: () => `PLAK${t.hex(32)}`,
    planetLegacy: () => t.hex(32),
    owm: () => t.hex(32),
    tomorrow: () => t.alnum(32),
    visualCrossing: () => t.mixed(UPPER + DIGIT, 25),
    sentry: () =>
      `sntrys_${enc(JSON.stringify({ iat: 1733011200.5, url: 'https://sentry.io', region_url: 'https://de.sentry.io', org: 'fieldloop' }))}_${t.alnum(43)}`,
    influx: () => `${t.mixed(URLSAFE, 86)}==`,
    influxId: () => t.pick(HEX, 16),
    // Grafana service-account token: gl + "sa" + _ + 32 random + _ + CRC32-IEEE of the part before,
    // as four little-endian bytes in hex (pkg/components/satokengen).
    grafanaSa: () => {
      const key = `glsa_${t.alnum(32)}`;
      const sum = Buffer.alloc(4);
      sum.writeUInt32LE(crc32(key));
      return `${key}_${sum.toString('hex')}`;
    },
    grafanaCloud: () =>
      `glc_${enc(JSON.stringify({ o: t.digits(6), n: `stack-${t.digits(6)}-hm-write-fieldloop`, k: t.alnum(24), m: { r: 'prod-eu-west-2' } }))}`,
    djangoKey: () => t.mixed(LOWER + DIGIT + '!@#%^&*(-_=+)', 50),
    fcm: () => `AAAA${t.mixed(URLSAFE, 7)}:APA91b${t.mixed(URLSAFE, 134)}`,
    p8: () => bytesPem('PRIVATE KEY', '308193020100301306072a8648ce3d020106082a8648ce3d030107047930770201010420', 102),
    dockerPat: () => `dckr_pat_${t.mixed(URLSAFE, 27)}`,
    tfc: () => `${t.alnum(14)}.atlasv1.${t.mixed(ALNUM, 67)}`,
    glrt: () => `glrt-${t.mixed(URLSAFE, 20)}`,
    gldt: () => `gldt-${t.mixed(URLSAFE, 20)}`,
    ghFine: () => `github_pat_11${t.mixed(UPPER + DIGIT, 20)}_${t.mixed(ALNUM, 59)}`,
    xoxp: () => `xoxp-${t.digits(12)}-${t.digits(12)}-${t.digits(13)}-${t.hex(32)}`,
    pdRouting: () => t.hex(32),
    erlang: () => t.pick(UPPER, 20),
    wgKey: () => `${b64(43)}=`,
    mosqHash: () => `$7$101$${b64(16)}$${b64(86)}==`,
    bcrypt: () => `$2b$12$${t.mixed(ALNUM + './', 53)}`,
    certPem: () => [
      '-----BEGIN CERTIFICATE-----',
      ...`MIIDWTCCAkGgAwIBAgIU${b64(1090)}`.match(/.{1,64}/g),
      '-----END CERTIFICATE-----',
    ],
    pubPem: () => [
      '-----BEGIN PUBLIC KEY-----',
      `MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA${b64(20)}`,
      b64(64),
      b64(64),
      b64(64),
      `${b64(56)}IDAQAB`,
      '-----END PUBLIC KEY-----',
    ],
    iotEndpoint: () => `${t.lower(14)}-ats.iot.eu-west-1.amazonaws.com`,
  };
}

// ---- Firmware: SP-200 soil probe (LMIC / Arduino) and TG-3 telematics gateway (ESP-IDF) ----

function firmware(repo, t, g) {
  const s = repo.file('firmware/soil-probe/include/secrets.h', 'firmware');
  const appKey = g.loraKey();
  const wifi = g.human();
  const mqttPw = g.gen(22);
  const ota = g.urlpw(16);
  s.l(
    '#pragma once',
    '// Provisioning defaults for the SP-200 soil probe (LoRaWAN OTAA, Wi-Fi fallback for bench tests).',
    '// DevEUI / JoinEUI are printed on the probe label; the AppKey must match the TTN registration.',
    '#include <stdint.h>',
    '',
  );
  s.d(`static const uint8_t DEV_EUI[8]  = { ${g.cByteList(g.eui())} };`, 'device eui (public identifier)');
  s.d(`static const uint8_t JOIN_EUI[8] = { ${g.cByteList(g.eui())} };`, 'join eui (public identifier)');
  const appKeyBytes = g.cByteList(appKey);
  s.s(`static const uint8_t APP_KEY[16] = { ${appKeyBytes} };`, 'generic', appKeyBytes);
  s.l('', '#define WIFI_SSID "FieldLoop-Bench"');
  s.s(`#define WIFI_PASSWORD "${wifi}"`, 'generic', wifi);
  s.l('#define MQTT_HOST "mqtt.fieldloop.io"', '#define MQTT_PORT 8883', '#define MQTT_USER "probe-fleet"');
  s.s(`#define MQTT_PASSWORD "${mqttPw}"`, 'generic', mqttPw);
  s.s(`#define OTA_PASSWORD "${ota}"`, 'generic', ota);

  const ex = repo.file('firmware/soil-probe/include/secrets.h.example', 'firmware');
  ex.l('#pragma once', '// Copy to secrets.h and fill in. secrets.h is git-ignored (it is not, see FL-881).');
  ex.d(
    'static const uint8_t APP_KEY[16] = { 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00 };',
    'zero key placeholder',
  );
  ex.d('#define WIFI_PASSWORD "your-wifi-password"', 'placeholder');
  ex.l('#define MQTT_PASSWORD ""');
  ex.d('#define OTA_PASSWORD "<ota-password>"', 'placeholder');

  const pio = repo.file('firmware/soil-probe/platformio.ini', 'firmware');
  const psk = g.human();
  const mq = g.urlpw(20);
  const auth = g.urlpw(14);
  pio.l(
    '[platformio]',
    'default_envs = sp200',
    '',
    '[env:sp200]',
    'platform = espressif32@6.7.0',
    'board = heltec_wifi_lora_32_V3',
    'framework = arduino',
    'lib_deps =',
    '    mcci-catena/MCCI LoRaWAN LMIC library@^4.1.1',
    '    knolleary/PubSubClient@^2.8',
    'build_flags =',
    '    -D ARDUINO_LMIC_PROJECT_CONFIG_H_SUPPRESS',
    '    -D CFG_eu868=1',
    '    -D CFG_sx1262_radio=1',
  );
  pio.s(`    -D WIFI_PSK=\\"${psk}\\"`, 'generic', psk);
  pio.s(`    -D MQTT_PASS=\\"${mq}\\"`, 'generic', mq);
  pio.l(
    '',
    '[env:sp200-ota]',
    'extends = env:sp200',
    'upload_protocol = espota',
    'upload_port = 10.40.2.17',
    'upload_flags =',
  );
  pio.s(`    --auth=${auth}`, 'generic', auth);
  pio.l('    --port=3232');

  const m = repo.file('firmware/soil-probe/src/main.cpp', 'firmware');
  const key2 = g.loraKey();
  const key2Bytes = g.cByteList(key2);
  m.l(
    '#include <Arduino.h>',
    '#include <lmic.h>',
    '#include <hal/hal.h>',
    '#include "sensors/capacitive.h"',
    '',
    '// LMIC wants the EUIs little-endian and the AppKey big-endian (msb first).',
    '// Field batch FB-2025-03 (Kalkar test plots) was flashed with this build.',
  );
  m.d(
    `static const u1_t PROGMEM APPEUI[8] = { ${g.cByteList(t.pick(HEXU, 16))} };`,
    'join eui bytes (public identifier)',
  );
  m.d(
    `static const u1_t PROGMEM DEVEUI[8] = { ${g.cByteList(t.pick(HEXU, 16))} };`,
    'device eui bytes (public identifier)',
  );
  m.s(`static const u1_t PROGMEM APPKEY[16] = { ${key2Bytes} };`, 'generic', key2Bytes);
  m.l(
    '',
    'void os_getArtEui(u1_t *buf) { memcpy_P(buf, APPEUI, 8); }',
    'void os_getDevEui(u1_t *buf) { memcpy_P(buf, DEVEUI, 8); }',
    'void os_getDevKey(u1_t *buf) { memcpy_P(buf, APPKEY, 16); }',
    '',
    'static osjob_t sendjob;',
    'const unsigned TX_INTERVAL = 900; // 15 min between soil readings',
    '',
    'void do_send(osjob_t *j) {',
    '    uint8_t payload[6];',
    '    capacitive::encode(payload, capacitive::read_vwc(), capacitive::read_temp());',
    '    LMIC_setTxData2(1, payload, sizeof(payload), 0);',
    '}',
  );

  const abp = repo.file('firmware/soil-probe/src/abp_fallback.c', 'firmware');
  const nwk = g.loraKey();
  const app = g.loraKey();
  abp.l(
    '/* ABP fallback for probes that cannot join (old SX1276 boards, batch FB-2023-11). */',
    '#include "lmic.h"',
    '',
    'static const u4_t DEVADDR = 0x260B1F3A;',
  );
  abp.s(`static const char NWKSKEY_HEX[] = "${nwk}";`, 'generic', nwk);
  abp.s(`static const char APPSKEY_HEX[] = "${app}";`, 'generic', app);
  abp.d('static const char NWKSKEY_DOC[] = "<NwkSKey from the console>";', 'placeholder');

  const c = repo.file('firmware/telematics-gw/main/aws_iot_certs.c', 'firmware');
  const rsa = t.rsaPem();
  c.l(
    '/* TG-3 tractor gateway: AWS IoT Core X.509 identity for thing tg3-fleet-0042. */',
    '#include "aws_iot_certs.h"',
    '',
  );
  c.d(
    ['const char AWS_ROOT_CA[] =', ...g.certPem().map((l) => `    "${l}\\n"`), '    ;'],
    'amazon root ca certificate (public)',
  );
  c.d(
    ['const char DEVICE_CERT[] =', ...g.certPem().map((l) => `    "${l}\\n"`), '    ;'],
    'device certificate (public half)',
  );
  c.s(
    ['const char DEVICE_PRIVATE_KEY[] =', ...rsa.map((l) => `    "${l}\\n"`), '    ;'],
    'private-key',
    rsa.join('\n'),
  );

  const sd = repo.file('firmware/telematics-gw/sdkconfig.defaults', 'firmware');
  const shopWifi = g.human();
  sd.l('CONFIG_IDF_TARGET="esp32s3"', 'CONFIG_EXAMPLE_WIFI_SSID="FL-Workshop"');
  sd.s(`CONFIG_EXAMPLE_WIFI_PASSWORD="${shopWifi}"`, 'generic', shopWifi);
  sd.l(`CONFIG_AWS_IOT_MQTT_HOST="${g.iotEndpoint()}"`);
  sd.l('CONFIG_AWS_IOT_MQTT_PORT=8883', 'CONFIG_TWAI_BITRATE_250K=y', 'CONFIG_CELLULAR_APN="iot.1nce.net"');
  sd.l('CONFIG_AWS_IOT_CLIENT_ID="tg3-fleet-0042"');

  const up = repo.file('firmware/telematics-gw/main/j1939_uplink.cpp', 'firmware');
  const fk = t.alnum(40);
  up.l(
    '#include "j1939_uplink.hpp"',
    '#include "esp_http_client.h"',
    '',
    'namespace fl::telematics {',
    "// HTTPS fallback when MQTT is blocked on the co-op's LTE APN.",
    'static constexpr char kFallbackUrl[] = "https://ingest.fieldloop.io/v1/j1939/batch";',
  );
  up.s(`static constexpr char kFallbackApiKey[] = "${fk}";`, 'generic', fk);
  up.l(
    '',
    'esp_err_t post_batch(const uint8_t *buf, size_t len) {',
    '    esp_http_client_config_t cfg = {};',
    '    cfg.url = kFallbackUrl;',
    '    auto *client = esp_http_client_init(&cfg);',
  );
  up.l('    esp_http_client_set_header(client, "X-Api-Key", kFallbackApiKey);');
  up.l(
    '    esp_http_client_set_post_field(client, (const char *)buf, len);',
    '    return esp_http_client_perform(client);',
    '}',
    '}  // namespace fl::telematics',
  );

  const bs = repo.file('firmware/gateway/basicstation/tc.key', 'firmware');
  const ttn = g.ttnKey();
  bs.s(`Authorization: Bearer ${ttn}`, 'ttn', ttn);
  const tu = repo.file('firmware/gateway/basicstation/tc.uri', 'firmware');
  tu.l('wss://eu1.cloud.thethings.network:8887');
  const tt = repo.file('firmware/gateway/basicstation/tc.trust', 'firmware');
  tt.d(g.certPem(), 'isrg root ca certificate (public)');

  const gc = repo.file('firmware/gateway/packet_forwarder/global_conf.json', 'firmware');
  gc.l('{', '  "gateway_conf": {');
  gc.d('    "gateway_ID": "AA555A0000000000",', 'semtech default gateway id');
  gc.l(
    '    "server_address": "eu1.cloud.thethings.network",',
    '    "serv_port_up": 1700,',
    '    "serv_port_down": 1700',
    '  }',
    '}',
  );
}

// ---- LoRaWAN network servers: The Things Stack and self-hosted ChirpStack ------------------

function networkServers(repo, t, g) {
  const cs = repo.file('lorawan/chirpstack/chirpstack.toml', 'lorawan');
  const pg = g.urlpw(22);
  const rd = g.urlpw(20);
  const api = g.chirpSecret();
  const mq = g.gen(20);
  cs.l('[logging]', '  level="info"', '', '[postgresql]');
  cs.s(
    `  dsn="postgres://chirpstack:${pg}@timescale-prod.fieldloop.internal/chirpstack?sslmode=require"`,
    'database',
    pg,
  );
  cs.l('  max_open_connections=10', '', '[redis]');
  cs.s(`  servers=["redis://:${rd}@redis-ns.fieldloop.internal:6379"]`, 'database', rd);
  cs.l('', '[network]', '  net_id="000000"', '  enabled_regions=["eu868"]', '', '[api]', '  bind="0.0.0.0:8080"');
  cs.s(`  secret="${api}"`, 'generic', api);
  cs.l(
    '',
    '[integration]',
    '  enabled=["mqtt"]',
    '',
    '[integration.mqtt]',
    '  server="ssl://mqtt.fieldloop.internal:8883"',
    '  username="chirpstack"',
  );
  cs.s(`  password="${mq}"`, 'generic', mq);
  cs.l('  ca_cert="/etc/chirpstack/certs/ca.pem"');

  const gb = repo.file('lorawan/chirpstack/chirpstack-gateway-bridge.toml', 'lorawan');
  const gbPw = g.gen(18);
  gb.l('[integration.mqtt.auth.generic]', '  servers=["tcp://mosquitto:1883"]', '  username="gateway-bridge"');
  gb.s(`  password="${gbPw}"`, 'generic', gbPw);
  gb.l('  client_id="{{ .GatewayID }}"');

  const wh = repo.file('lorawan/ttn/webhook-fieldloop-ingest.json', 'lorawan');
  const whSecret = t.alnum(40);
  const dl = g.ttnKey();
  wh.l('{', '  "ids": {');
  wh.l('    "webhook_id": "fieldloop-ingest",');
  wh.l('    "application_ids": { "application_id": "fieldloop-soil-eu1" }');
  wh.l('  },', '  "base_url": "https://ingest.fieldloop.io/ttn",', '  "format": "json",', '  "headers": {');
  wh.s(`    "Authorization": "Bearer ${whSecret}"`, 'generic', whSecret);
  wh.l('  },');
  wh.s(`  "downlink_api_key": "${dl}",`, 'ttn', dl);
  wh.l('  "uplink_message": { "path": "/uplink" },', '  "join_accept": { "path": "/join" }', '}');

  const pv = repo.file('lorawan/ttn/provision_devices.py', 'lorawan');
  const pk = g.ttnKey();
  pv.l(
    '"""Register a batch of probes on The Things Stack (eu1) from a CSV of EUIs and AppKeys."""',
    'import csv',
    'import sys',
    '',
    'import requests',
    '',
    'TTS = "https://eu1.cloud.thethings.network/api/v3"',
    'APP_ID = "fieldloop-soil-eu1"',
  );
  pv.s(`TTN_API_KEY = "${pk}"  # app-level key, rights: devices write`, 'ttn', pk);
  pv.l('HEADERS = {"Authorization": f"Bearer {TTN_API_KEY}"}');
  pv.l(
    '',
    'def register(dev_eui, join_eui, app_key):',
    '    dev_id = f"sp200-{dev_eui.lower()}"',
    '    body = {"end_device": {"ids": {"device_id": dev_id, "dev_eui": dev_eui, "join_eui": join_eui}}}',
    '    requests.post(f"{TTS}/applications/{APP_ID}/devices", json=body, headers=HEADERS).raise_for_status()',
    '    keys = {"end_device": {"root_keys": {"app_key": {"key": app_key}}}, "field_mask": {"paths": ["root_keys.app_key.key"]}}',
    '    requests.put(f"{TTS}/js/applications/{APP_ID}/devices/{dev_id}", json=keys, headers=HEADERS).raise_for_status()',
  );

  const csv = repo.file('lorawan/ttn/devices-batch-2025-03.csv', 'lorawan');
  csv.l('dev_eui,join_eui,app_key,site,notes');
  csv.d('# 70B3D57ED0000000,0000000000000000,<APP_KEY>,example,copy this row', 'placeholder row');
  const join = g.eui();
  for (const site of ['kalkar-plot-3', 'kalkar-plot-4', 'emmerich-orchard', 'goch-greenhouse-b', 'xanten-vineyard']) {
    const k = g.loraKey();
    csv.s(`${g.eui()},${join},${k},${site},`, 'generic', k);
  }

  const cli = repo.file('lorawan/ttn/.ttn-lw-cli.yml', 'lorawan');
  cli.l(
    'oauth-server-address: https://eu1.cloud.thethings.network/oauth',
    'identity-server-grpc-address: eu1.cloud.thethings.network:8884',
    'network-server-grpc-address: eu1.cloud.thethings.network:8884',
  );
  cli.l('credentials-id: eu1');
  cli.d('api-key: ${TTN_API_KEY}', 'env reference');

  const cp = repo.file('lorawan/chirpstack/scripts/create_tenant_key.py', 'lorawan');
  const ck = g.chirpKey();
  cp.l(
    'import grpc',
    'from chirpstack_api import api',
    '',
    'channel = grpc.insecure_channel("chirpstack.fieldloop.internal:8080")',
  );
  cp.s(`auth_token = [("authorization", "Bearer ${ck}")]`, 'generic', ck);
  cp.l(
    'client = api.TenantServiceStub(channel)',
    'resp = client.List(api.ListTenantsRequest(limit=50), metadata=auth_token)',
  );
  cp.l('for tenant in resp.result: print(tenant.id, tenant.name)  # tenant ids are uuids');
}

// ---- MQTT broker -----------------------------------------------------------------------------

function mqtt(repo, t, g) {
  const mc = repo.file('infra/mosquitto/mosquitto.conf', 'mqtt');
  const bridge = g.ttnKey();
  const hivePw = g.gen(24);
  mc.l(
    'per_listener_settings true',
    '',
    'listener 8883',
    'cafile /mosquitto/certs/ca.crt',
    'certfile /mosquitto/certs/server.crt',
    'keyfile /mosquitto/certs/server.key',
  );
  mc.l('password_file /mosquitto/config/passwd');
  mc.l(
    '',
    '# bridge uplinks from The Things Stack into our broker',
    'connection ttn-bridge',
    'address eu1.cloud.thethings.network:8883',
    'remote_username fieldloop-soil-eu1@ttn',
  );
  mc.s(`remote_password ${bridge}`, 'ttn', bridge);
  mc.l(
    'topic v3/+/devices/+/up in 0 ttn/ ""',
    'bridge_capath /etc/ssl/certs',
    '',
    'connection hivemq-dr',
    'address dr-broker.fieldloop.io:8883',
    'remote_username fl-bridge',
  );
  mc.s(`remote_password ${hivePw}`, 'generic', hivePw);

  const pw = repo.file('infra/mosquitto/passwd', 'mqtt');
  for (const u of ['probe-fleet', 'ingest', 'gateway-bridge']) pw.d(`${u}:${g.mosqHash()}`, 'mosquitto pbkdf2 hash');

  const acl = repo.file('infra/mosquitto/acl', 'mqtt');
  acl.l('user ingest', 'topic read fl/+/telemetry/#', 'user probe-fleet');
  acl.l('pattern write fl/%c/telemetry/#');
}

// ---- Django + Celery backend -----------------------------------------------------------------

function django(repo, t, g) {
  const p = repo.file('backend/fieldloop/settings/production.py', 'python');
  const dj = g.djangoKey();
  const dbPw = g.gen(24);
  const amqp = g.urlpw(20);
  const rd = g.urlpw(24);
  const sk = t.stripeLive();
  const wh = g.whsec();
  const cb = g.chargebee();
  const tw = t.twilioToken();
  const sg = t.sendgrid();
  const maps = t.gcpApiKey();
  const fcm = g.fcm();
  p.l(
    'import os',
    '',
    'from .base import *  # noqa',
    '',
    'DEBUG = False',
    'ALLOWED_HOSTS = ["api.fieldloop.io", "admin.fieldloop.io"]',
  );
  p.s(`SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "${dj}")`, 'generic', dj);
  p.l(
    '',
    'DATABASES = {',
    '    "default": {',
    '        "ENGINE": "django.db.backends.postgresql",',
    '        "NAME": "fieldloop",',
    '        "USER": "fieldloop_app",',
  );
  p.s(`        "PASSWORD": "${dbPw}",`, 'generic', dbPw);
  p.l('        "HOST": "timescale-prod.fieldloop.internal",', '        "PORT": "5432",', '    }', '}', '');
  p.s(
    `CELERY_BROKER_URL = "amqp://fieldloop:${amqp}@rabbitmq.prod.fieldloop.internal:5672/fieldloop"`,
    'database',
    amqp,
  );
  p.s(`CELERY_RESULT_BACKEND = "redis://:${rd}@redis-prod.fieldloop.internal:6379/1"`, 'database', rd);
  p.l('', '# --- billing');
  p.s(`STRIPE_SECRET_KEY = "${sk}"`, 'stripe', sk);
  p.s(`STRIPE_WEBHOOK_SECRET = "${wh}"`, 'stripe', wh);
  p.d(`STRIPE_PUBLISHABLE_KEY = "${g.stripePk()}"`, 'stripe publishable key (public by design)');
  p.l('CHARGEBEE_SITE = "fieldloop"');
  p.s(`CHARGEBEE_API_KEY = "${cb}"`, 'chargebee', cb);
  p.l('', '# --- alerts');
  p.d(`TWILIO_ACCOUNT_SID = "${t.twilioSid()}"`, 'twilio account sid (identifier)');
  p.s(`TWILIO_AUTH_TOKEN = "${tw}"`, 'twilio', tw);
  p.d(`TWILIO_MESSAGING_SERVICE_SID = "MG${t.hex(32)}"`, 'twilio messaging service sid (identifier)');
  p.l('EMAIL_BACKEND = "anymail.backends.sendgrid.EmailBackend"');
  p.s(`ANYMAIL = {"SENDGRID_API_KEY": "${sg}"}`, 'sendgrid', sg);
  p.l('DEFAULT_FROM_EMAIL = "FieldLoop Alerts <alerts@fieldloop.io>"', '');
  p.s(`GOOGLE_MAPS_SERVER_KEY = "${maps}"  # geocoding for field boundaries`, 'gcp', maps);
  p.s(`FCM_SERVER_KEY = "${fcm}"`, 'firebase', fcm);
  p.d(
    `SENTRY_DSN = "https://${t.hex(32)}@o${t.digits(6)}.ingest.de.sentry.io/${t.digits(7)}"`,
    'sentry dsn (ingest-only, public)',
  );
  p.l('OPENWEATHER_API_KEY = os.environ["OPENWEATHER_API_KEY"]');

  const b = repo.file('backend/fieldloop/settings/base.py', 'python');
  b.l('import environ', '', 'env = environ.Env()');
  b.l('SECRET_KEY = env("DJANGO_SECRET_KEY")');
  b.l('AUTH_PASSWORD_VALIDATORS = [');
  b.l('    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},');
  b.l(']', 'PASSWORD_HASHERS = [');
  b.l('    "django.contrib.auth.hashers.Argon2PasswordHasher",');
  b.l(']');

  const sms = repo.file('backend/apps/alerts/sms.py', 'python');
  const sid = t.twilioSid();
  const tok = t.twilioToken();
  const keySid = g.twilioKeySid();
  const keySecret = g.twilioKeySecret();
  sms.l('"""Frost and irrigation SMS alerts."""', 'from twilio.rest import Client', '');
  sms.s(`_legacy = Client("${sid}", "${tok}")  # TODO FL-1203 remove after migration`, 'twilio', tok);
  sms.d(`TWILIO_API_KEY_SID = "${keySid}"`, 'twilio api key sid (identifier)');
  sms.s(`TWILIO_API_KEY_SECRET = "${keySecret}"`, 'twilio', keySecret);
  sms.l(
    `client = Client(TWILIO_API_KEY_SID, TWILIO_API_KEY_SECRET, "${sid}")`,
    '',
    'def send_frost_alert(farmer, field, temp_c):',
    '    body = f"FieldLoop: frost risk on {field.name} ({temp_c:.1f} C at 04:00). Reply STOP to opt out."',
    '    return client.messages.create(to=farmer.phone_e164, messaging_service_sid=settings.TWILIO_MESSAGING_SERVICE_SID, body=body)',
  );

  const w = repo.file('backend/apps/weather/providers.py', 'python');
  const owm = g.owm();
  const tm = g.tomorrow();
  const mmPw = g.gen(14);
  const vc = g.visualCrossing();
  w.l('import requests', 'from django.conf import settings', '', '');
  w.s(`def openweather_forecast(lat, lon, key="${owm}"):`, 'openweather', owm);
  w.l(
    '    url = "https://api.openweathermap.org/data/3.0/onecall"',
    '    return requests.get(url, params={"lat": lat, "lon": lon, "appid": key, "units": "metric"}).json()',
    '',
    '',
  );
  w.l('def tomorrow_soil(lat, lon):');
  w.s(
    `    url = f"https://api.tomorrow.io/v4/timelines?location={lat},{lon}&fields=soilMoistureVolumetric0To10,soilTemperature0To10&apikey=${tm}"`,
    'tomorrow',
    tm,
  );
  w.l('    return requests.get(url, timeout=10).json()', '', '');
  w.l(
    'def meteomatics_gdd(lat, lon, start, end):',
    '    url = f"https://api.meteomatics.com/{start}--{end}:P1D/growing_degree_days_accumulated:gdd/{lat},{lon}/json"',
  );
  w.s(`    return requests.get(url, auth=("fieldloop_agritech", "${mmPw}"), timeout=20).json()`, 'generic', mmPw);
  w.l('', '');
  w.s(`VISUAL_CROSSING_KEY = "${vc}"`, 'visualcrossing', vc);
  w.l('DTN_CLIENT_SECRET = settings.DTN_CLIENT_SECRET');

  const bl = repo.file('backend/apps/billing/sync.py', 'python');
  const cb2 = g.chargebee();
  const rk = g.stripeRk();
  bl.l('import chargebee', 'import stripe', '', '# nightly reconciliation job (runs on the celery beat box)');
  bl.s(`chargebee.configure("${cb2}", "fieldloop")`, 'chargebee', cb2);
  bl.s(`stripe.api_key = "${rk}"  # restricted: read charges, write invoices`, 'stripe', rk);
  bl.l(`PLAN_IDS = {"starter": "price_${t.alnum(24)}", "pro": "price_${t.alnum(24)}"}`);
  bl.l(`FALLBACK_CUSTOMER = "cus_${t.alnum(14)}"`);

  const bt = repo.file('backend/apps/billing/tests/test_webhooks.py', 'python');
  bt.l('import pytest', '');
  bt.d('STRIPE_WEBHOOK_SECRET = "whsec_FAKE_for_unit_tests_only"', 'marked fake');
  bt.d('chargebee.configure("test_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "fieldloop-test")', 'placeholder');
  bt.l('TWILIO_AUTH_TOKEN = "0" * 32');

  const ce = repo.file('backend/fieldloop/celery.py', 'python');
  const fl = g.human();
  ce.l(
    'import os',
    '',
    'from celery import Celery',
    '',
    'app = Celery("fieldloop")',
    'app.config_from_object("django.conf:settings", namespace="CELERY")',
  );
  ce.d(
    'app.conf.broker_url = os.environ.get("CELERY_BROKER_URL", "amqp://guest:guest@localhost:5672//")',
    'rabbitmq documented local default',
  );
  ce.s(`app.conf.flower_basic_auth = ["ops:${fl}"]`, 'generic', fl);
  ce.l('app.conf.beat_schedule = {', '    "nightly-billing-sync": {"task": "billing.sync", "schedule": 86400},', '}');

  const rq = repo.file('backend/requirements.txt', 'python');
  const dt = g.gldt();
  rq.s(
    `--extra-index-url https://gitlab+deploy-token-17:${dt}@gitlab.fieldloop.io/api/v4/projects/42/packages/pypi/simple`,
    'gitlab',
    dt,
  );
  rq.l(
    'Django==5.0.6',
    'celery[redis]==5.4.0',
    'django-anymail[sendgrid]==10.3',
    'chargebee==2.37.1',
    'stripe==9.9.0',
    'twilio==9.1.0',
    'fl-agronomy==0.14.2',
  );

  const env = repo.file('backend/.env.production', 'env');
  const edj = g.djangoKey();
  const edb = g.urlpw(22);
  const esk = t.stripeLive();
  const esg = t.sendgrid();
  const etw = t.twilioToken();
  const esh = g.shSecret();
  const ak = t.awsId();
  const as = t.awsSecret();
  env.l('DJANGO_SETTINGS_MODULE=fieldloop.settings.production');
  env.s(`DJANGO_SECRET_KEY=${edj}`, 'generic', edj);
  env.s(
    `DATABASE_URL=postgres://fieldloop_app:${edb}@timescale-prod.fieldloop.internal:5432/fieldloop`,
    'database',
    edb,
  );
  env.s(`STRIPE_SECRET_KEY=${esk}`, 'stripe', esk);
  env.s(`SENDGRID_API_KEY=${esg}`, 'sendgrid', esg);
  env.s(`TWILIO_AUTH_TOKEN=${etw}`, 'twilio', etw);
  env.d(`SENTINELHUB_CLIENT_ID=${t.uuid()}`, 'sentinel hub oauth client id');
  env.s(`SENTINELHUB_CLIENT_SECRET='${esh}'`, 'sentinelhub', esh);
  env.s(`AWS_ACCESS_KEY_ID=${ak}`, 'aws', ak);
  env.s(`AWS_SECRET_ACCESS_KEY=${as}`, 'aws', as);
  env.l('AWS_STORAGE_BUCKET_NAME=fieldloop-prod-media');

  const ee = repo.file('backend/.env.example', 'env');
  ee.d('DJANGO_SECRET_KEY=<generate with get_random_secret_key()>', 'placeholder');
  ee.d('DATABASE_URL=postgres://fieldloop:fieldloop@localhost:5432/fieldloop', 'local dev default');
  ee.d('STRIPE_SECRET_KEY=sk_live_...', 'placeholder');
  ee.l('CHARGEBEE_API_KEY=');

  const sql = repo.file('db/timescale/init/010-roles.sql', 'sql');
  const ro = g.gen(20);
  const ing = g.gen(22);
  const fdw = g.urlpw(18);
  sql.l('CREATE EXTENSION IF NOT EXISTS timescaledb;', '');
  sql.s(`CREATE ROLE grafana_ro LOGIN PASSWORD '${ro}';`, 'generic', ro);
  sql.s(`CREATE ROLE ingest LOGIN PASSWORD '${ing}' CONNECTION LIMIT 40;`, 'generic', ing);
  sql.l("ALTER ROLE fieldloop_app PASSWORD :'app_password';");
  sql.l(
    "CREATE SERVER legacy_mysql FOREIGN DATA WRAPPER mysql_fdw OPTIONS (host 'legacy-db.fieldloop.internal', port '3306');",
  );
  sql.s(
    `CREATE USER MAPPING FOR ingest SERVER legacy_mysql OPTIONS (username 'telemetry', password '${fdw}');`,
    'generic',
    fdw,
  );
  sql.l("SELECT create_hypertable('soil_readings', 'time', chunk_time_interval => INTERVAL '7 days');");
}

// ---- Go ingestion and telematics services ----------------------------------------------------

function goServices(repo, t, g) {
  const m = repo.file('services/ingest/cmd/ingest/main.go', 'go');
  const mqPw = g.gen(22);
  const inf = g.influx();
  m.l(
    'package main',
    '',
    'import (',
    '\t"log"',
    '\t"os"',
    '',
    '\tmqtt "github.com/eclipse/paho.mqtt.golang"',
    '\tinfluxdb2 "github.com/influxdata/influxdb-client-go/v2"',
    ')',
    '',
    'func main() {',
    '\topts := mqtt.NewClientOptions().AddBroker("ssl://mqtt.fieldloop.io:8883")',
    '\topts.SetClientID("ingest-" + os.Getenv("HOSTNAME"))',
    '\topts.SetUsername("ingest")',
  );
  m.s(`\topts.SetPassword("${mqPw}")`, 'generic', mqPw);
  m.s(`\tidb := influxdb2.NewClient("https://influx.fieldloop.internal:8086", "${inf}")`, 'influxdb', inf);
  m.l('\tdefer idb.Close()', '\twriter := idb.WriteAPI("fieldloop", "soil")');
  m.l('\tdsn := os.Getenv("TIMESCALE_DSN")');
  m.l('\tif err := run(opts, writer, dsn); err != nil {', '\t\tlog.Fatal(err)', '\t}', '}');

  const tc = repo.file('services/ingest/internal/ttn/client.go', 'go');
  const tk = g.ttnKey();
  tc.l('package ttn', '', 'import "net/http"', '', 'const baseURL = "https://eu1.cloud.thethings.network/api/v3"');
  tc.s(`const apiKey = "${tk}"`, 'ttn', tk);
  tc.l(
    '',
    'func newRequest(method, path string) (*http.Request, error) {',
    '\treq, err := http.NewRequest(method, baseURL+path, nil)',
    '\tif err != nil {',
    '\t\treturn nil, err',
    '\t}',
  );
  tc.l('\treq.Header.Set("Authorization", "Bearer "+apiKey)');
  tc.l('\treturn req, nil', '}');

  const tt = repo.file('services/ingest/internal/ttn/client_test.go', 'go');
  tt.l('package ttn', '');
  tt.d(`const testKey = "NNSXS.${'X'.repeat(39)}.${'X'.repeat(52)}"`, 'all-X placeholder key');
  tt.l(`const testDevEUI = "${g.eui()}"`);

  const ts = repo.file('services/ingest/internal/store/timescale.go', 'go');
  const tsPw = g.urlpw(24);
  ts.l(
    'package store',
    '',
    'import (',
    '\t"context"',
    '',
    '\t"github.com/jackc/pgx/v5/pgxpool"',
    ')',
    '',
    'func Open(ctx context.Context, dsn string) (*pgxpool.Pool, error) {',
    '\tif dsn == "" {',
  );
  ts.s(
    `\t\tdsn = "postgres://ingest:${tsPw}@timescale-prod.fieldloop.internal:5432/telemetry?sslmode=require"`,
    'database',
    tsPw,
  );
  ts.l('\t}', '\treturn pgxpool.New(ctx, dsn)', '}');

  const cfg = repo.file('services/ingest/config/config.prod.yaml', 'go');
  const kPw = g.gen(24);
  const cInf = g.influx();
  const cMq = g.gen(20);
  cfg.l('mqtt:', '  broker: ssl://mqtt.fieldloop.io:8883', '  username: ingest');
  cfg.s(`  password: "${cMq}"`, 'generic', cMq);
  cfg.l(
    'kafka:',
    '  brokers: [b-1.fl-msk.kafka.eu-west-1.amazonaws.com:9096]',
    '  sasl:',
    '    mechanism: SCRAM-SHA-512',
    '    username: ingest',
  );
  cfg.s(`    password: "${kPw}"`, 'generic', kPw);
  cfg.l('influx:', '  url: https://influx.fieldloop.internal:8086', '  org: fieldloop');
  cfg.s(`  token: ${cInf}`, 'influxdb', cInf);
  cfg.d(`  org_id: ${g.influxId()}`, 'influxdb org id');
  cfg.l(`  bucket_id: ${g.influxId()}`);

  const fleet = repo.file('services/telematics/internal/isobus/deere.go', 'go');
  const deere = t.mixed(URLSAFE, 40);
  const cnh = t.alnum(32);
  fleet.l(
    'package isobus',
    '',
    'import "golang.org/x/oauth2/clientcredentials"',
    '',
    '// John Deere Operations Center: machine locations and work records for linked fleets.',
    'var deereOAuth = clientcredentials.Config{',
  );
  fleet.l(`\tClientID:     "0oa${t.mixed(ALNUM, 17)}",`);
  fleet.s(`\tClientSecret: "${deere}",`, 'generic', deere);
  fleet.l(
    '\tTokenURL:     "https://signin.johndeere.com/oauth2/aus78tnlaysMraFhC1t7/v1/token",',
    '\tScopes:       []string{"ag1", "eq1", "offline_access"},',
    '}',
    '',
  );
  fleet.l('// CNH FieldOps (Case IH AFS Connect) subscription key');
  fleet.s(`const cnhSubscriptionKey = "${cnh}"`, 'generic', cnh);

  const dk = repo.file('services/ingest/Dockerfile', 'docker');
  const gl = t.gitlab();
  dk.l('FROM golang:1.22-bookworm AS build', 'WORKDIR /src', 'ENV GOPRIVATE=gitlab.fieldloop.io');
  dk.s(
    `RUN git config --global url."https://oauth2:${gl}@gitlab.fieldloop.io/".insteadOf "https://gitlab.fieldloop.io/"`,
    'gitlab',
    gl,
  );
  dk.l('RUN --mount=type=secret,id=netrc,target=/root/.netrc go mod download');
  dk.l('COPY . .', 'RUN CGO_ENABLED=0 go build -o /out/ingest ./cmd/ingest');
  dk.l(`FROM gcr.io/distroless/static-debian12@sha256:${t.sha256()}`);
  dk.l('COPY --from=build /out/ingest /ingest', 'ENTRYPOINT ["/ingest"]');
}

// ---- React Native farmer app -----------------------------------------------------------------

function mobile(repo, t, g) {
  const e = repo.file('apps/farmer-app/.env.production', 'mobile');
  const mbx = g.mapboxSecret();
  const sn = g.sentry();
  e.l('API_BASE_URL=https://api.fieldloop.io');
  e.d(`MAPBOX_PUBLIC_TOKEN=${g.mapboxPublic()}`, 'mapbox public (pk.) token, client-side by design');
  e.s(`MAPBOX_DOWNLOADS_TOKEN=${mbx}`, 'mapbox', mbx);
  e.s(`SENTRY_AUTH_TOKEN=${sn}`, 'sentry', sn);
  e.d(`STRIPE_PUBLISHABLE_KEY=${g.stripePk()}`, 'stripe publishable key (public by design)');

  const gp = repo.file('apps/farmer-app/android/gradle.properties', 'mobile');
  const sp = g.gen(18);
  const kp = g.gen(18);
  const mbx2 = g.mapboxSecret();
  gp.l(
    'org.gradle.jvmargs=-Xmx2048m -XX:MaxMetaspaceSize=512m',
    'android.useAndroidX=true',
    'newArchEnabled=true',
    'hermesEnabled=true',
  );
  gp.l('FIELDLOOP_UPLOAD_STORE_FILE=fieldloop-upload.keystore', 'FIELDLOOP_UPLOAD_KEY_ALIAS=fieldloop-upload');
  gp.s(`FIELDLOOP_UPLOAD_STORE_PASSWORD=${sp}`, 'generic', sp);
  gp.s(`FIELDLOOP_UPLOAD_KEY_PASSWORD=${kp}`, 'generic', kp);
  gp.s(`MAPBOX_DOWNLOADS_TOKEN=${mbx2}`, 'mapbox', mbx2);

  const bg = repo.file('apps/farmer-app/android/app/build.gradle', 'mobile');
  const tmKey = g.tomorrow();
  bg.l(
    'android {',
    '    namespace "io.fieldloop.farmer"',
    '    defaultConfig {',
    '        applicationId "io.fieldloop.farmer"',
    '        versionCode 412',
  );
  bg.s(`        buildConfigField "String", "TOMORROW_API_KEY", "\\"${tmKey}\\""`, 'tomorrow', tmKey);
  bg.l('    }', '    signingConfigs {', '        debug {', "            storeFile file('debug.keystore')");
  bg.d("            storePassword 'android'", 'android debug keystore documented default');
  bg.l("            keyAlias 'androiddebugkey'");
  bg.d("            keyPassword 'android'", 'android debug keystore documented default');
  bg.l('        }', '        release {', '            storeFile file(FIELDLOOP_UPLOAD_STORE_FILE)');
  bg.l('            storePassword FIELDLOOP_UPLOAD_STORE_PASSWORD');
  bg.l(
    '            keyAlias FIELDLOOP_UPLOAD_KEY_ALIAS',
    '            keyPassword FIELDLOOP_UPLOAD_KEY_PASSWORD',
    '        }',
    '    }',
    '}',
  );

  const mf = repo.file('apps/farmer-app/android/app/src/main/AndroidManifest.xml', 'mobile');
  mf.l(
    '<manifest xmlns:android="http://schemas.android.com/apk/res/android">',
    '  <application android:name=".MainApplication" android:label="@string/app_name">',
  );
  mf.l('    <meta-data android:name="com.google.android.geo.API_KEY" android:value="@string/google_maps_key" />');
  mf.l('  </application>', '</manifest>');

  const ma = repo.file('apps/farmer-app/android/app/src/main/java/io/fieldloop/farmer/MainApplication.kt', 'mobile');
  const rc = t.alnum(40);
  ma.l(
    'package io.fieldloop.farmer',
    '',
    'import android.app.Application',
    'import com.revenuecat.purchases.Purchases',
    'import com.revenuecat.purchases.PurchasesConfiguration',
    '',
    'class MainApplication : Application() {',
    '    override fun onCreate() {',
    '        super.onCreate()',
  );
  ma.d(
    `        Purchases.configure(PurchasesConfiguration.Builder(this, "goog_${t.mixed(ALNUM, 27)}").build())`,
    'revenuecat public sdk key',
  );
  ma.s(`        FieldLoopApi.init(this, partnerSecret = "${rc}")`, 'generic', rc);
  ma.l('    }', '}');

  const ip = repo.file('apps/farmer-app/ios/FieldLoop/Info.plist', 'mobile');
  ip.l(
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<plist version="1.0">',
    '<dict>',
    '  <key>CFBundleIdentifier</key>',
    '  <string>io.fieldloop.farmer</string>',
    '  <key>MBXAccessToken</key>',
  );
  ip.d(`  <string>${g.mapboxPublic()}</string>`, 'mapbox public (pk.) token, client-side by design');
  ip.l(
    '  <key>NSLocationWhenInUseUsageDescription</key>',
    '  <string>FieldLoop uses your location to show nearby fields and sensors.</string>',
    '</dict>',
    '</plist>',
  );

  const p8f = repo.file('apps/farmer-app/ios/fastlane/AuthKey_7QK2M9XW4D.p8', 'mobile');
  const p8 = g.p8();
  p8f.s(p8, 'private-key', p8.join('\n'));

  const ff = repo.file('apps/farmer-app/ios/fastlane/Fastfile', 'mobile');
  const match = g.human();
  const p8b = g.p8();
  ff.l('default_platform(:ios)', '', 'platform :ios do', '  lane :beta do');
  ff.s(`    ENV["MATCH_PASSWORD"] = "${match}"`, 'generic', match);
  ff.l('    api_key = app_store_connect_api_key(');
  ff.d('      key_id: "7QK2M9XW4D",', 'app store connect key id');
  ff.d(`      issuer_id: "${t.uuid()}",`, 'app store connect issuer id');
  ff.s(`      key_content: "${p8b.join('\\n')}"`, 'private-key', p8b.join('\n'));
  ff.l(
    '    )',
    '    match(type: "appstore", api_key: api_key, git_url: "git@gitlab.fieldloop.io:mobile/certs.git")',
    '    build_app(scheme: "FieldLoop")',
    '    upload_to_testflight(api_key: api_key)',
    '  end',
    'end',
  );

  const ps = repo.file('apps/farmer-app/android/fastlane/play-store-key.json', 'mobile');
  const pp = t.pkcs8Pem();
  ps.l('{', '  "type": "service_account",', '  "project_id": "fieldloop-mobile",');
  ps.l(`  "private_key_id": "${t.sha1()}",`);
  ps.s(`  "private_key": ${JSON.stringify(pp.join('\n') + '\n')},`, 'gcp', pp.join('\n'));
  ps.l(
    '  "client_email": "fastlane-supply@fieldloop-mobile.iam.gserviceaccount.com",',
    `  "client_id": "${t.digits(21)}",`,
    '  "token_uri": "https://oauth2.googleapis.com/token"',
    '}',
  );

  const api = repo.file('apps/farmer-app/src/config/api.ts', 'mobile');
  const owm = g.owm();
  api.l("import Config from 'react-native-config';", '');
  api.l("export const API_BASE_URL = Config.API_BASE_URL ?? 'https://api.fieldloop.io';");
  api.s(`export const OPENWEATHER_KEY = '${owm}'; // TODO move weather calls behind our API`, 'openweather', owm);
  api.d(`export const INTERCOM_APP_ID = '${t.lower(8)}';`, 'intercom app id (public)');
  api.l('export const MAPBOX_TOKEN = Config.MAPBOX_PUBLIC_TOKEN;');

  const tl = repo.file('apps/farmer-app/src/services/telemetry.ts', 'mobile');
  tl.l(
    "import { getSession } from './auth';",
    '',
    'export async function fetchProbes(fieldId: string) {',
    '  const { accessToken } = await getSession();',
  );
  tl.l(
    '  const res = await fetch(`${API_BASE_URL}/v2/fields/${fieldId}/probes`, { headers: { Authorization: `Bearer ${accessToken}` } });',
  );
  tl.l('  return res.json();', '}');

  const sp2 = repo.file('apps/farmer-app/android/sentry.properties', 'mobile');
  const sn2 = g.sentry();
  sp2.l('defaults.url=https://sentry.io/', 'defaults.org=fieldloop', 'defaults.project=farmer-app');
  sp2.s(`auth.token=${sn2}`, 'sentry', sn2);

  const gs = repo.file('apps/farmer-app/android/app/google-services.json', 'mobile');
  gs.l('{', '  "project_info": {');
  gs.l(`    "project_number": "${t.digits(12)}",`);
  gs.l(
    '    "project_id": "fieldloop-mobile",',
    '    "storage_bucket": "fieldloop-mobile.appspot.com"',
    '  },',
    '  "client": [',
    '    {',
    '      "client_info": {',
  );
  gs.l(`        "mobilesdk_app_id": "1:${t.digits(12)}:android:${t.hex(16)}",`);
  gs.l('        "android_client_info": { "package_name": "io.fieldloop.farmer" }', '      }', '    }', '  ]', '}');

  const fx = repo.file('apps/farmer-app/__tests__/fixtures/session.json', 'mobile');
  fx.l('{', '  "_note": "fixture for jest; not a real account",');
  fx.d('  "password": "fake-password-for-tests",', 'marked fake');
  fx.d('  "accessToken": "test-access-token"', 'test fixture');
  fx.l('}');
}

// ---- Satellite imagery: notebooks and pipelines ---------------------------------------------

function imagery(repo, t, g) {
  const nb = repo.file('imagery/notebooks/ndvi-field-boundaries.ipynb', 'notebook');
  const shSec = g.shSecret();
  const pl = g.planet();
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
    `    ${JSON.stringify('from sentinelhub import SHConfig, SentinelHubRequest, DataCollection\n')},`,
    `    ${JSON.stringify('config = SHConfig()\n')},`,
  );
  nb.l(`    ${JSON.stringify(`config.sh_client_id = "${t.uuid()}"\n`)},`);
  nb.s(`    ${JSON.stringify(`config.sh_client_secret = "${shSec}"\n`)},`, 'sentinelhub', shSec);
  nb.l(`    ${JSON.stringify('config.save("fieldloop")\n')},`);
  nb.s(`    ${JSON.stringify(`PL_API_KEY = "${pl}"\n`)}`, 'planet', pl);
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
  nb.l(`      ${JSON.stringify('      Name                    Value             Type    Location\n')},`);
  nb.d(
    `      ${JSON.stringify(`access_key     ****************${t.pick(UPPER, 4)} shared-credentials-file\n`)}`,
    'masked by aws cli',
  );
  nb.l('     ]', '    }', '   ],', '   "source": [', `    ${JSON.stringify('!aws configure list')}`, '   ]', '  },');
  nb.l(
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 3,',
    '   "metadata": {},',
    '   "outputs": [],',
    '   "source": [',
  );
  nb.l(`    ${JSON.stringify('product = "S2B_MSIL2A_20240614T103629_N0510_R008_T32ULC_20240614T133040"\n')},`);
  nb.l(`    ${JSON.stringify('planet_item = "20240614_101512_38_24b2"\n')},`);
  nb.l(`    ${JSON.stringify('ndvi = (nir - red) / (nir + red)')}`, '   ]', '  }', ' ],');
  nb.l(
    ' "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},',
    ' "nbformat": 4,',
    ' "nbformat_minor": 5',
    '}',
  );

  const ge = repo.file('imagery/notebooks/gee-yield-model.ipynb', 'notebook');
  const pk = t.pkcs8Pem();
  const sa = 'gee-runner@fieldloop-imagery.iam.gserviceaccount.com';
  ge.l(
    '{',
    ' "cells": [',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 4,',
    '   "metadata": {},',
    '   "outputs": [],',
    '   "source": [',
  );
  ge.l(`    ${JSON.stringify('import json, ee\n')},`);
  ge.l(`    ${JSON.stringify(`SERVICE_ACCOUNT = "${sa}"\n`)},`);
  ge.l(
    `    ${JSON.stringify('key = {\n')},`,
    `    ${JSON.stringify('    "type": "service_account",\n')},`,
    `    ${JSON.stringify('    "project_id": "fieldloop-imagery",\n')},`,
  );
  ge.l(`    ${JSON.stringify(`    "private_key_id": "${t.sha1()}",\n`)},`);
  ge.s(`    ${JSON.stringify(`    "private_key": ${JSON.stringify(pk.join('\n') + '\n')},\n`)},`, 'gcp', pk.join('\n'));
  ge.l(`    ${JSON.stringify(`    "client_email": "${sa}",\n`)},`, `    ${JSON.stringify('}\n')},`);
  ge.l(
    `    ${JSON.stringify('credentials = ee.ServiceAccountCredentials(SERVICE_ACCOUNT, key_data=json.dumps(key))\n')},`,
    `    ${JSON.stringify('ee.Initialize(credentials, project="fieldloop-imagery")\n')},`,
  );
  ge.l(
    `    ${JSON.stringify('s2 = ee.ImageCollection("COPERNICUS/S2_SR_HARMONIZED").filterDate("2024-04-01", "2024-09-30")')}`,
  );
  ge.l('   ]', '  }', ' ],', ' "metadata": {},', ' "nbformat": 4,', ' "nbformat_minor": 5', '}');

  const fp = repo.file('imagery/pipeline/fetch_planet.py', 'python');
  const pl2 = g.planet();
  const legacy = g.planetLegacy();
  fp.l(
    'import os',
    '',
    'import requests',
    '',
    'SEARCH = "https://api.planet.com/data/v1/quick-search"',
    'session = requests.Session()',
  );
  fp.s(`session.auth = ("${pl2}", "")`, 'planet', pl2);
  fp.s(`LEGACY_KEY = os.getenv("PL_API_KEY", "${legacy}")  # research org, pre-2024 key`, 'planet', legacy);
  fp.l('ORDERS_KEY = os.environ["PLANET_ORDERS_KEY"]');
  fp.l(
    '',
    'def search(aoi, start, end):',
    '    body = {"item_types": ["PSScene"], "filter": {"type": "AndFilter", "config": [aoi, start, end]}}',
    '    return session.post(SEARCH, json=body).json()["features"]',
  );

  const st = repo.file('imagery/pipeline/config/sentinelhub.toml', 'python');
  const shs = g.shSecret();
  st.l('[default-profile]');
  st.l(`sh_client_id = "${t.uuid()}"`);
  st.s(`sh_client_secret = "${shs}"`, 'sentinelhub', shs);
  st.l(
    'sh_base_url = "https://services.sentinel-hub.com"',
    'sh_token_url = "https://services.sentinel-hub.com/auth/realms/main/protocol/openid-connect/token"',
  );

  const sj = repo.file('imagery/pipeline/gee/service-account.json', 'keys');
  const sjk = t.pkcs8Pem();
  sj.l('{', '  "type": "service_account",', '  "project_id": "fieldloop-imagery",');
  sj.l(`  "private_key_id": "${t.sha1()}",`);
  sj.s(`  "private_key": ${JSON.stringify(sjk.join('\n') + '\n')},`, 'gcp', sjk.join('\n'));
  sj.l(
    `  "client_email": "${sa}",`,
    `  "client_id": "${t.digits(21)}",`,
    '  "token_uri": "https://oauth2.googleapis.com/token"',
    '}',
  );

  const cd = repo.file('imagery/pipeline/copernicus.py', 'python');
  const cdPw = g.human();
  cd.l(
    '"""Download Sentinel-1 GRD scenes from the Copernicus Data Space Ecosystem."""',
    'import requests',
    '',
    'TOKEN_URL = "https://identity.dataspace.copernicus.eu/auth/realms/CDSE/protocol/openid-connect/token"',
    '',
    'def token():',
  );
  cd.s(
    `    data = {"client_id": "cdse-public", "grant_type": "password", "username": "imagery@fieldloop.io", "password": "${cdPw}"}`,
    'generic',
    cdPw,
  );
  cd.l('    return requests.post(TOKEN_URL, data=data).json()["access_token"]');
  cd.l('STAC = "https://catalogue.dataspace.copernicus.eu/stac/collections/SENTINEL-1/items"');
}

// ---- Terraform (AWS IoT, data stores) and GCP ------------------------------------------------

function terraform(repo, t, g) {
  const m = repo.file('infra/terraform/aws/main.tf', 'terraform');
  const ak = t.awsId();
  const as = t.awsSecret();
  const rds = g.gen(24);
  const mq = g.gen(20);
  m.l(
    'terraform {',
    '  required_version = ">= 1.6"',
    '  backend "s3" {',
    '    bucket = "fieldloop-tfstate"',
    '    key    = "prod/aws.tfstate"',
    '    region = "eu-west-1"',
    '  }',
    '}',
    '',
    'provider "aws" {',
    '  region     = "eu-west-1"',
  );
  m.s(`  access_key = "${ak}"`, 'aws', ak);
  m.s(`  secret_key = "${as}"`, 'aws', as);
  m.l(
    '}',
    '',
    'resource "aws_iot_thing_type" "tg3" {',
    '  name = "tg3-telematics"',
    '}',
    '',
    'resource "aws_iot_certificate" "tg3_fleet" {',
    '  active = true',
    '}',
    '',
  );
  m.l(
    'resource "aws_db_instance" "timescale" {',
    '  identifier     = "timescale-prod"',
    '  engine         = "postgres"',
    '  instance_class = "db.r6g.xlarge"',
    '  username       = "fl_admin"',
  );
  m.s(`  password       = "${rds}"`, 'generic', rds);
  m.l(
    '}',
    '',
    'resource "aws_mq_broker" "celery" {',
    '  broker_name    = "fl-celery"',
    '  engine_type    = "RabbitMQ"',
    '  engine_version = "3.13"',
    '  user {',
    '    username = "fieldloop"',
  );
  m.s(`    password = "${mq}"`, 'generic', mq);
  m.l('  }', '}', '', 'resource "aws_db_instance" "replica" {');
  m.l('  password = random_password.timescale.result');
  m.l('}');

  const v = repo.file('infra/terraform/aws/variables.tf', 'terraform');
  v.l('variable "chargebee_api_key" {', '  type      = string', '  sensitive = true');
  v.l('  default   = ""');
  v.l('}', '', 'variable "twilio_auth_token" {', '  type = string');
  v.d('  default = "REPLACE_ME"', 'placeholder');
  v.l('}');

  const tv = repo.file('infra/terraform/envs/prod.tfvars', 'terraform');
  const sk = t.stripeLive();
  const cb = g.chargebee();
  const tw = t.twilioToken();
  const sg = t.sendgrid();
  const cf = t.cloudflare();
  tv.l('region = "eu-west-1"');
  tv.s(`stripe_secret_key = "${sk}"`, 'stripe', sk);
  tv.s(`chargebee_api_key = "${cb}"`, 'chargebee', cb);
  tv.s(`twilio_auth_token = "${tw}"`, 'twilio', tw);
  tv.s(`sendgrid_api_key  = "${sg}"`, 'sendgrid', sg);
  tv.s(`cloudflare_api_token = "${cf}"`, 'cloudflare', cf);
  tv.l(`iot_kms_key_arn = "arn:aws:kms:eu-west-1:${t.digits(12)}:key/${t.uuid()}"`);

  const state = repo.file('infra/terraform/aws/terraform.tfstate', 'terraform');
  const devKey = t.rsaPem();
  const sId = t.awsId();
  const sSec = t.awsSecret();
  state.l('{', '  "version": 4,', '  "terraform_version": "1.8.5",', '  "serial": 77,');
  state.l(`  "lineage": "${t.uuid()}",`);
  state.l(
    '  "resources": [',
    '    {',
    '      "mode": "managed",',
    '      "type": "aws_iot_certificate",',
    '      "name": "tg3_fleet",',
    '      "instances": [',
    '        {',
    '          "attributes": {',
    '            "active": true,',
  );
  state.l(`            "arn": "arn:aws:iot:eu-west-1:${t.digits(12)}:cert/${t.sha256()}",`);
  state.d(
    `            "certificate_pem": ${JSON.stringify(g.certPem().join('\n') + '\n')},`,
    'device certificate (public half)',
  );
  state.s(`            "private_key": ${JSON.stringify(devKey.join('\n') + '\n')},`, 'private-key', devKey.join('\n'));
  state.l(
    '            "csr": null',
    '          }',
    '        }',
    '      ]',
    '    },',
    '    {',
    '      "mode": "managed",',
    '      "type": "aws_iam_access_key",',
    '      "name": "imagery_uploader",',
    '      "instances": [',
    '        {',
    '          "attributes": {',
  );
  state.s(`            "id": "${sId}",`, 'aws', sId);
  state.s(`            "secret": "${sSec}",`, 'aws', sSec);
  state.l('            "user": "imagery-uploader"', '          }', '        }', '      ]', '    }', '  ]', '}');

  const gm = repo.file('infra/terraform/gcp/main.tf', 'terraform');
  const pl = g.planet();
  gm.l('provider "google" {', '  project = "fieldloop-imagery"', '  region  = "europe-west4"');
  gm.l('  credentials = file("keys/gee-runner.json")');
  gm.l(
    '}',
    '',
    'resource "google_secret_manager_secret_version" "planet" {',
    '  secret      = google_secret_manager_secret.planet.id',
  );
  gm.s(`  secret_data = "${pl}"`, 'planet', pl);
  gm.l(
    '}',
    '',
    'resource "google_secret_manager_secret_version" "sentinelhub" {',
    '  secret      = google_secret_manager_secret.sentinelhub.id',
  );
  gm.l('  secret_data = var.sentinelhub_client_secret');
  gm.l('}');

  const rc = repo.file('ops/home/.terraform.d/credentials.tfrc.json', 'credstore');
  const tfc = g.tfc();
  rc.l('{', '  "credentials": {', '    "app.terraform.io": {');
  rc.s(`      "token": "${tfc}"`, 'terraform', tfc);
  rc.l('    }', '  }', '}');

  const lk = repo.file('infra/terraform/aws/.terraform.lock.hcl', 'terraform');
  lk.l('provider "registry.terraform.io/hashicorp/aws" {', '  version = "5.58.0"', '  hashes = [');
  lk.l(`    "h1:${Buffer.from(t.pick(HEX, 64), 'hex').toString('base64')}",`);
  lk.l(`    "zh:${t.sha256()}",`);
  lk.l('  ]', '}');
}

// ---- Kubernetes and Helm ---------------------------------------------------------------------

function kubernetes(repo, t, g) {
  const s = repo.file('deploy/k8s/ingest/secret.yaml', 'k8s');
  const mq = g.gen(22);
  const inf = g.influx();
  const ttn = g.ttnKey();
  s.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: ingest-secrets',
    '  namespace: telemetry',
    'type: Opaque',
    'data:',
  );
  s.s(`  MQTT_PASSWORD: ${g.enc(mq)}`, 'generic', mq);
  s.s(`  INFLUX_TOKEN: ${g.enc(inf)}`, 'influxdb', inf);
  s.s(`  TTN_API_KEY: ${g.enc(ttn)}`, 'ttn', ttn);
  s.l(`  LOG_LEVEL: ${g.enc('info')}`);

  const d = repo.file('deploy/k8s/backend/deployment.yaml', 'k8s');
  const cb = g.chargebee();
  const sk = t.stripeLive();
  d.l(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: django-api',
    '  namespace: backend',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: api',
  );
  d.l(`          image: registry.gitlab.fieldloop.io/backend/api@sha256:${t.sha256()}`);
  d.l(
    '          env:',
    '            - name: DJANGO_SECRET_KEY',
    '              valueFrom:',
    '                secretKeyRef:',
  );
  d.l('                  name: django-secrets');
  d.l('                  key: secret-key');
  d.l('            - name: CHARGEBEE_API_KEY');
  d.s(`              value: "${cb}"`, 'chargebee', cb);
  d.l('            - name: STRIPE_SECRET_KEY');
  d.s(`              value: ${sk}`, 'stripe', sk);
  d.l(
    '        - name: celery-worker',
    '          args: ["celery", "-A", "fieldloop", "worker", "-Q", "alerts,billing"]',
    '          envFrom:',
  );
  d.l('            - secretRef: { name: django-secrets }');

  const cv = repo.file('deploy/helm/chirpstack/values-prod.yaml', 'k8s');
  const pg = g.gen(22);
  const rd = g.urlpw(20);
  const api = g.chirpSecret();
  cv.l(
    'chirpstack:',
    '  image:',
    '    tag: "4.8.1"',
    '  postgresql:',
    '    host: timescale-prod.fieldloop.internal',
    '    user: chirpstack',
  );
  cv.s(`    password: "${pg}"`, 'generic', pg);
  cv.l('  redis:', '    host: redis-ns.fieldloop.internal');
  cv.s(`    password: ${rd}`, 'generic', rd);
  cv.s(`  apiSecret: "${api}"`, 'generic', api);
  cv.l('  existingSecret: ""');

  const gv = repo.file('deploy/helm/grafana/values.yaml', 'k8s');
  const adm = g.human();
  const ginf = g.influx();
  const gts = g.gen(20);
  gv.l('adminUser: admin');
  gv.s(`adminPassword: "${adm}"`, 'generic', adm);
  gv.l('envFromSecret: grafana-env');
  gv.l(
    'datasources:',
    '  datasources.yaml:',
    '    apiVersion: 1',
    '    datasources:',
    '      - name: InfluxDB-soil',
    '        type: influxdb',
    '        url: https://influx.fieldloop.internal:8086',
    '        jsonData:',
    '          version: Flux',
    '          organization: fieldloop',
    '        secureJsonData:',
  );
  gv.s(`          token: ${ginf}`, 'influxdb', ginf);
  gv.l(
    '      - name: Timescale',
    '        type: postgres',
    '        url: timescale-prod.fieldloop.internal:5432',
    '        user: grafana_ro',
    '        secureJsonData:',
  );
  gv.s(`          password: "${gts}"`, 'generic', gts);

  const cj = repo.file('deploy/k8s/imagery/cronjob-planet-sync.yaml', 'k8s');
  const pl = g.planet();
  const sh = g.shSecret();
  cj.l(
    'apiVersion: batch/v1',
    'kind: CronJob',
    'metadata:',
    '  name: planet-sync',
    '  namespace: imagery',
    'spec:',
    '  schedule: "0 3 * * *"',
    '  jobTemplate:',
    '    spec:',
    '      template:',
    '        spec:',
    '          containers:',
    '            - name: sync',
    '              image: registry.gitlab.fieldloop.io/imagery/pipeline:2.3.0',
  );
  cj.s(
    `              args: ["sync", "--aoi", "s3://fieldloop-aoi/active.geojson", "--planet-key", "${pl}"]`,
    'planet',
    pl,
  );
  cj.l('              env:', '                - name: SH_CLIENT_SECRET');
  cj.s(`                  value: '${sh}'`, 'sentinelhub', sh);
  cj.l('                - name: SH_CLIENT_ID');
  cj.l(`                  value: ${t.uuid()}`);

  const ss = repo.file('deploy/k8s/imagery/sealed-secret.yaml', 'encrypted');
  ss.l(
    'apiVersion: bitnami.com/v1alpha1',
    'kind: SealedSecret',
    'metadata:',
    '  name: imagery-secrets',
    '  namespace: imagery',
    'spec:',
    '  encryptedData:',
  );
  ss.d(`    PLANET_ORDERS_KEY: AgB${g.b64(600)}==`, 'sealed secret');
  ss.d(`    GEE_KEY_JSON: AgA${g.b64(900)}==`, 'sealed secret');

  const es = repo.file('deploy/k8s/backend/external-secret.yaml', 'k8s');
  es.l(
    'apiVersion: external-secrets.io/v1beta1',
    'kind: ExternalSecret',
    'metadata:',
    '  name: django-secrets',
    'spec:',
    '  secretStoreRef: { name: aws-sm, kind: ClusterSecretStore }',
    '  data:',
    '    - secretKey: secret-key',
    '      remoteRef:',
  );
  es.l('        key: prod/backend/django');
  es.l('        property: SECRET_KEY');

  const reg = repo.file('deploy/k8s/telemetry/regcred.yaml', 'k8s');
  const dpat = g.gldt();
  const dcj = g.enc(
    JSON.stringify({
      auths: {
        'registry.gitlab.fieldloop.io': { username: 'k8s-pull', password: dpat, auth: g.enc(`k8s-pull:${dpat}`) },
      },
    }),
  );
  reg.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: gitlab-regcred',
    '  namespace: telemetry',
    'type: kubernetes.io/dockerconfigjson',
    'data:',
  );
  reg.s(`  .dockerconfigjson: ${dcj}`, 'gitlab', dpat);

  const tpl = repo.file('deploy/helm/chirpstack/templates/secret.yaml', 'k8s');
  tpl.l('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: {{ include "chirpstack.fullname" . }}', 'stringData:');
  tpl.l('  CHIRPSTACK_API_SECRET: {{ .Values.chirpstack.apiSecret | quote }}');
  tpl.l('  POSTGRES_PASSWORD: {{ required "pg password" .Values.chirpstack.postgresql.password | quote }}');
}

// ---- Docker Compose: on-farm edge box and local dev ------------------------------------------

function compose(repo, t, g) {
  const c = repo.file('edge/docker-compose.yml', 'docker');
  const ip = g.gen(18);
  const it = g.influx();
  const gf = g.human();
  const pg = g.gen(20);
  const nr = t.alnum(32);
  c.l(
    '# FieldLoop Edge (Raspberry Pi CM4) - shipped to co-op sites, see docs/runbooks/edge-box.md',
    'services:',
    '  influxdb:',
    '    image: influxdb:2.7',
    '    environment:',
    '      DOCKER_INFLUXDB_INIT_MODE: setup',
    '      DOCKER_INFLUXDB_INIT_USERNAME: fieldloop',
  );
  c.s(`      DOCKER_INFLUXDB_INIT_PASSWORD: ${ip}`, 'generic', ip);
  c.s(`      DOCKER_INFLUXDB_INIT_ADMIN_TOKEN: ${it}`, 'influxdb', it);
  c.l(
    '      DOCKER_INFLUXDB_INIT_ORG: fieldloop',
    '      DOCKER_INFLUXDB_INIT_BUCKET: edge',
    '  grafana:',
    '    image: grafana/grafana-oss:11.1.0',
    '    environment:',
  );
  c.s(`      - GF_SECURITY_ADMIN_PASSWORD=${gf}`, 'generic', gf);
  c.l('      - GF_INSTALL_PLUGINS=grafana-clock-panel');
  c.l('  timescaledb:', '    image: timescale/timescaledb:2.15.2-pg16', '    environment:');
  c.s(`      POSTGRES_PASSWORD: "${pg}"`, 'generic', pg);
  c.l('  node-red:', '    image: nodered/node-red:4.0', '    environment:');
  c.s(`      - NODE_RED_CREDENTIAL_SECRET=${nr}`, 'generic', nr);
  c.l('  chirpstack-gateway-bridge:', '    image: chirpstack/chirpstack-gateway-bridge:4', '    environment:');
  c.d('      - INTEGRATION__MQTT__AUTH__GENERIC__PASSWORD=${GW_BRIDGE_MQTT_PASSWORD}', 'env interpolation');

  const dv = repo.file('docker-compose.dev.yml', 'docker');
  dv.l(
    'services:',
    '  db:',
    '    image: timescale/timescaledb:2.15.2-pg16',
    '    ports: ["5432:5432"]',
    '    environment:',
  );
  dv.d('      POSTGRES_PASSWORD: postgres', 'local dev default');
  dv.l('  rabbitmq:', '    image: rabbitmq:3.13-management');
  dv.d(
    '    environment: { RABBITMQ_DEFAULT_USER: guest, RABBITMQ_DEFAULT_PASS: guest }',
    'rabbitmq documented default',
  );
  dv.l('  api:', '    build: ./backend', '    environment:');
  dv.l('      - DATABASE_URL=postgres://postgres:postgres@db:5432/fieldloop');
  dv.l('      - STRIPE_SECRET_KEY=${STRIPE_SECRET_KEY:-}');

  const dc = repo.file('ops/home/.docker/config.json', 'credstore');
  const hub = g.dockerPat();
  const glpw = t.gitlab();
  dc.l('{', '  "auths": {', '    "https://index.docker.io/v1/": {');
  dc.s(`      "auth": "${g.enc(`fieldloopci:${hub}`)}"`, 'docker', hub);
  dc.l('    },', '    "registry.gitlab.fieldloop.io": {');
  dc.s(`      "auth": "${g.enc(`mkoenig:${glpw}`)}"`, 'gitlab', glpw);
  dc.l('    }', '  }', '}');
}

// ---- CI: GitHub Actions (mobile, firmware) and GitLab CI (backend, infra) --------------------

function ci(repo, t, g) {
  const gh = repo.file('.github/workflows/mobile-release.yml', 'ci');
  const mbx = g.mapboxSecret();
  const sn = g.sentry();
  const hub = g.dockerPat();
  gh.l('name: mobile-release', 'on:', '  push:', '    tags: ["app-v*"]', 'env:');
  gh.s(`  MAPBOX_DOWNLOADS_TOKEN: ${mbx}`, 'mapbox', mbx);
  gh.d('  MATCH_PASSWORD: ${{ secrets.MATCH_PASSWORD }}', 'actions secret reference');
  gh.l('jobs:', '  android:', '    runs-on: ubuntu-latest', '    steps:');
  gh.l(`      - uses: actions/checkout@${t.sha1()}`);
  gh.l('      - name: keystore', '        run: |');
  gh.l('          echo "${{ secrets.ANDROID_KEYSTORE_B64 }}" | base64 -d > android/app/fieldloop-upload.keystore');
  gh.l('      - name: bundle', '        env:');
  gh.s(`          SENTRY_AUTH_TOKEN: ${sn}`, 'sentry', sn);
  gh.l(
    '        run: cd android && ./gradlew bundleRelease',
    '      - uses: docker/login-action@v3',
    '        with:',
    '          username: fieldloopci',
  );
  gh.s(`          password: ${hub}`, 'docker', hub);

  const fw = repo.file('.github/workflows/firmware.yml', 'ci');
  const pio = t.alnum(40);
  const ak = t.awsId();
  const as = t.awsSecret();
  const gft = g.ghFine();
  fw.l('name: firmware', 'on: [push]', 'jobs:', '  build:', '    runs-on: ubuntu-latest', '    env:');
  fw.s(`      PLATFORMIO_AUTH_TOKEN: ${pio}`, 'generic', pio);
  fw.s(`      AWS_ACCESS_KEY_ID: ${ak}`, 'aws', ak);
  fw.s(`      AWS_SECRET_ACCESS_KEY: ${as}`, 'aws', as);
  fw.l('      GITHUB_TOKEN: ${{ github.token }}');
  fw.l('    steps:', '      - uses: actions/checkout@v4', '        with:', '          submodules: recursive');
  fw.s(`          token: ${gft}`, 'github', gft);
  fw.l(
    '      - run: pio run -e sp200',
    '      - run: aws s3 cp .pio/build/sp200/firmware.bin s3://fieldloop-ota/sp200/${{ github.sha }}.bin',
  );

  const gl = repo.file('.gitlab-ci.yml', 'ci');
  const tfc = g.tfc();
  const pat = t.gitlab();
  const vp = g.gen(24);
  const sl = t.slackWebhook();
  gl.l('stages: [test, build, deploy]', 'variables:');
  gl.l('  POSTGRES_DB: fieldloop_test');
  gl.d('  POSTGRES_PASSWORD: $CI_TEST_DB_PASSWORD', 'ci variable reference');
  gl.s(`  TF_TOKEN_app_terraform_io: "${tfc}"`, 'terraform', tfc);
  gl.l(
    '',
    'test:backend:',
    '  stage: test',
    '  image: python:3.12',
    '  services: [timescale/timescaledb:2.15.2-pg16]',
    '  script:',
    '    - pip install -r backend/requirements.txt',
    '    - pytest backend',
    '',
  );
  gl.l('release:notes:', '  stage: deploy', '  script:');
  gl.s(
    `    - 'curl --header "PRIVATE-TOKEN: ${pat}" "https://gitlab.fieldloop.io/api/v4/projects/42/releases" --data @release.json'`,
    'gitlab',
    pat,
  );
  gl.l('    - docker login -u gitlab-ci-token -p "$CI_JOB_TOKEN" $CI_REGISTRY');
  gl.l('', 'deploy:edge:', '  stage: deploy', '  script:');
  gl.s(`    - echo "${vp}" > .vault_pass`, 'generic', vp);
  gl.l('    - ansible-playbook -i ops/ansible/inventory ops/ansible/edge.yml --vault-password-file .vault_pass');
  gl.s(
    `    - curl -X POST -H 'Content-type: application/json' --data '{"text":"edge deploy done"}' ${sl}`,
    'slack',
    sl,
  );

  const rn = repo.file('ci/gitlab-runner/config.toml', 'ci');
  const rt = g.glrt();
  const s3 = t.awsSecret();
  const s3id = t.awsId();
  rn.l('concurrent = 4', '', '[[runners]]', '  name = "fl-arm64-builder"', '  url = "https://gitlab.fieldloop.io"');
  rn.l(`  id = ${t.digits(3)}`);
  rn.s(`  token = "${rt}"`, 'gitlab', rt);
  rn.l(
    '  executor = "docker"',
    '  [runners.cache]',
    '    Type = "s3"',
    '    [runners.cache.s3]',
    '      ServerAddress = "s3.amazonaws.com"',
  );
  rn.s(`      AccessKey = "${s3id}"`, 'aws', s3id);
  rn.s(`      SecretKey = "${s3}"`, 'aws', s3);
  rn.l('      BucketName = "fl-runner-cache"');
}

// ---- Ansible (edge boxes, gateways, RabbitMQ, WireGuard) -------------------------------------

function ansible(repo, t, g) {
  const gv = repo.file('ops/ansible/inventory/group_vars/gateways.yml', 'ansible');
  const bp = g.gen(20);
  const wifi = g.human();
  const become = g.human();
  const ttn = g.ttnKey();
  gv.l('---', 'gateway_region: EU868', 'gateway_ttn_cluster: eu1');
  gv.s(`gateway_ttn_api_key: ${ttn}`, 'ttn', ttn);
  gv.s(`mqtt_bridge_password: "${bp}"`, 'generic', bp);
  gv.s(`wifi_fallback_psk: "${wifi}"`, 'generic', wifi);
  gv.s(`ansible_become_pass: "${become}"`, 'generic', become);
  gv.l('gateway_eui_source: "{{ ansible_facts.eth0.macaddress | eui64 }}"');

  const vault = repo.file('ops/ansible/inventory/group_vars/all/vault.yml', 'encrypted');
  vault.d(
    ['$ANSIBLE_VAULT;1.1;AES256', ...Array.from({ length: 6 }, () => t.pick(HEX, 80))],
    'ansible vault ciphertext',
  );

  const hosts = repo.file('ops/ansible/inventory/hosts.ini', 'ansible');
  const pi = g.human();
  hosts.l('[edge]');
  hosts.s(`edge-kalkar-017 ansible_host=10.50.17.2 ansible_user=pi ansible_ssh_pass=${pi}`, 'generic', pi);
  hosts.d(
    'edge-goch-004 ansible_host=10.50.4.2 ansible_user=pi ansible_ssh_pass="{{ vault_pi_password }}"',
    'jinja reference',
  );
  hosts.l('', '[gateways]', 'gw-kalkar-01 ansible_host=10.50.17.10', 'gw-emmerich-02 ansible_host=10.50.21.10');

  const rq = repo.file('ops/ansible/roles/rabbitmq/defaults/main.yml', 'ansible');
  const ck = g.erlang();
  const adm = g.gen(20);
  rq.l('---', 'rabbitmq_version: "3.13.3"');
  rq.s(`rabbitmq_erlang_cookie: ${ck}`, 'generic', ck);
  rq.l('rabbitmq_users:', '  - user: admin');
  rq.s(`    password: "${adm}"`, 'generic', adm);
  rq.l('    tags: administrator', '  - user: fieldloop');
  rq.l('    password: "{{ vault_rabbitmq_fieldloop_password }}"');

  const wg = repo.file('ops/ansible/roles/wireguard/files/wg0-hub.conf', 'ansible');
  const priv = g.wgKey();
  wg.l('[Interface]', 'Address = 10.99.0.1/24', 'ListenPort = 51820');
  wg.s(`PrivateKey = ${priv}`, 'generic', priv);
  wg.l('', '# edge-kalkar-017', '[Peer]');
  wg.d(`PublicKey = ${g.wgKey()}`, 'wireguard public key');
  wg.l('AllowedIPs = 10.99.0.17/32', '', '# edge-goch-004', '[Peer]');
  wg.d(`PublicKey = ${g.wgKey()}`, 'wireguard public key');
  wg.l('AllowedIPs = 10.99.0.4/32');

  const tpl = repo.file('ops/ansible/roles/chirpstack/templates/chirpstack.toml.j2', 'ansible');
  tpl.l('[api]', '  bind="0.0.0.0:8080"');
  tpl.l('  secret="{{ chirpstack_api_secret }}"');

  const ak = repo.file('ops/ansible/roles/base/files/authorized_keys', 'keys');
  ak.d(`ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${g.b64(43)} ops@fieldloop`, 'public key');
  ak.d(`ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ${g.b64(340)} ci-deploy@fieldloop`, 'public key');

  const dk = repo.file('ops/ansible/roles/base/files/deploy_ed25519', 'keys');
  const os = t.opensshPem();
  dk.s(os, 'private-key', os.join('\n'));
}

// ---- Observability: Grafana, InfluxDB, Telegraf, Alloy ---------------------------------------

function observability(repo, t, g) {
  const ds = repo.file('ops/grafana/provisioning/datasources/influx.yaml', 'observability');
  const tok = g.influx();
  const pw = g.gen(20);
  ds.l('apiVersion: 1', 'datasources:', '  - name: InfluxDB-edge', '    type: influxdb');
  ds.l(`    uid: P${t.pick(HEXU, 16)}`);
  ds.l(
    '    url: https://influx.fieldloop.internal:8086',
    '    jsonData:',
    '      version: Flux',
    '      organization: fieldloop',
    '    secureJsonData:',
  );
  ds.s(`      token: ${tok}`, 'influxdb', tok);
  ds.l(
    '  - name: Timescale',
    '    type: grafana-postgresql-datasource',
    '    url: timescale-prod.fieldloop.internal:5432',
    '    user: grafana_ro',
    '    secureJsonData:',
  );
  ds.s(`      password: ${pw}`, 'generic', pw);

  const al = repo.file('ops/grafana/provisioning/alerting/contact-points.yaml', 'observability');
  const sl = t.slackWebhook();
  const pd = g.pdRouting();
  al.l(
    'apiVersion: 1',
    'contactPoints:',
    '  - orgId: 1',
    '    name: field-ops',
    '    receivers:',
    '      - uid: slack-field-ops',
    '        type: slack',
    '        settings:',
  );
  al.s(`          url: ${sl}`, 'slack', sl);
  al.l('      - uid: pd-oncall', '        type: pagerduty', '        settings:');
  al.s(`          integrationKey: ${pd}`, 'pagerduty', pd);
  al.l('          severity: critical');

  const ini = repo.file('ops/grafana/grafana.ini', 'observability');
  const adm = g.human();
  const sk = t.alnum(32);
  const sg = t.sendgrid();
  ini.l('[server]', 'root_url = https://grafana.fieldloop.io', '', '[security]', 'admin_user = admin');
  ini.s(`admin_password = ${adm}`, 'generic', adm);
  ini.s(`secret_key = ${sk}`, 'generic', sk);
  ini.l('', '[smtp]', 'enabled = true', 'host = smtp.sendgrid.net:587', 'user = apikey');
  ini.s(`password = ${sg}`, 'sendgrid', sg);
  ini.l('from_address = grafana@fieldloop.io');

  const ic = repo.file('ops/home/.influxdbv2/configs', 'credstore');
  const it = g.influx();
  ic.l('[default]', '  url = "https://influx.fieldloop.internal:8086"');
  ic.s(`  token = "${it}"`, 'influxdb', it);
  ic.d(`  org = "${g.influxId()}"`, 'influxdb org id');
  ic.l('  active = true');

  const tg = repo.file('ops/telegraf/telegraf.conf', 'observability');
  const tt = g.influx();
  const mp = g.gen(20);
  tg.l(
    '[agent]',
    '  interval = "10s"',
    '',
    '[[outputs.influxdb_v2]]',
    '  urls = ["https://influx.fieldloop.internal:8086"]',
  );
  tg.s(`  token = "${tt}"`, 'influxdb', tt);
  tg.l(
    '  organization = "fieldloop"',
    '  bucket = "soil"',
    '',
    '[[inputs.mqtt_consumer]]',
    '  servers = ["ssl://mqtt.fieldloop.io:8883"]',
    '  topics = ["fl/+/telemetry/#"]',
    '  username = "telegraf"',
  );
  tg.s(`  password = "${mp}"`, 'generic', mp);
  tg.l('  data_format = "json_v2"');

  const te = repo.file('ops/telegraf/telegraf.d/edge.conf', 'observability');
  te.l('[[outputs.influxdb_v2]]', '  urls = ["http://influxdb:8086"]');
  te.l('  token = "$INFLUX_TOKEN"');
  te.l('  organization = "${INFLUX_ORG}"');

  const ay = repo.file('ops/alloy/config.alloy', 'observability');
  const gc = g.grafanaCloud();
  ay.l(
    'prometheus.remote_write "grafana_cloud" {',
    '  endpoint {',
    '    url = "https://prometheus-prod-24-prod-eu-west-2.grafana.net/api/prom/push"',
    '    basic_auth {',
  );
  ay.l(`      username = "${t.digits(7)}"`);
  ay.s(`      password = "${gc}"`, 'grafana', gc);
  ay.l('    }', '  }', '}');
}

// ---- Shell scripts and dotfiles ---------------------------------------------------------------

function scripts(repo, t, g) {
  const bk = repo.file('ops/scripts/backup-dashboards.sh', 'shell');
  const gs = g.grafanaSa();
  bk.l('#!/usr/bin/env bash', 'set -euo pipefail', 'GRAFANA_URL=https://grafana.fieldloop.io');
  bk.s(`GRAFANA_TOKEN=${gs}`, 'grafana', gs);
  bk.l('curl -sf -H "Authorization: Bearer $GRAFANA_TOKEN" "$GRAFANA_URL/api/search?type=dash-db" > dashboards.json');
  bk.l(
    'jq -r ".[].uid" dashboards.json | while read -r uid; do',
    '  curl -sf -H "Authorization: Bearer $GRAFANA_TOKEN" "$GRAFANA_URL/api/dashboards/uid/$uid" > "dash-$uid.json"',
    'done',
  );

  const fl = repo.file('ops/scripts/provision-gateway.sh', 'shell');
  const ttn = g.ttnKey();
  const cb = g.chargebee();
  fl.l(
    '#!/usr/bin/env bash',
    '# usage: provision-gateway.sh <gateway-eui> <site>',
    'set -euo pipefail',
    'EUI="$1"; SITE="$2"',
  );
  fl.s(`ttn-lw-cli login --api-key ${ttn}`, 'ttn', ttn);
  fl.l(
    'ttn-lw-cli gateways create "fl-$SITE" --user-id fieldloop --frequency-plan-id EU_863_870_TTN --gateway-eui "$EUI"',
  );
  fl.l(
    'ttn-lw-cli gateways api-keys create "fl-$SITE" --right-gateway-link > /dev/null  # key goes to 1Password, never to git',
  );
  fl.l('# mark the co-op subscription as having a new gateway');
  fl.s(
    `curl -s https://fieldloop.chargebee.com/api/v2/subscriptions/"$SITE"/update_for_items -u ${cb}: -d "subscription_items[item_price_id][0]=gateway-addon-EUR-Monthly"`,
    'chargebee',
    cb,
  );

  const nr = repo.file('ops/home/.netrc', 'credstore');
  const ed = g.human();
  const cdse = g.human();
  nr.s(`machine urs.earthdata.nasa.gov login fieldloop-imagery password ${ed}`, 'generic', ed);
  nr.s(`machine identity.dataspace.copernicus.eu login imagery@fieldloop.io password ${cdse}`, 'generic', cdse);

  const pgp = repo.file('ops/home/.pgpass', 'credstore');
  const p1 = g.gen(20).replace(/:/g, '');
  pgp.s(`timescale-prod.fieldloop.internal:5432:telemetry:ingest:${p1}`, 'generic', p1);

  const aw = repo.file('ops/home/.aws/credentials', 'credstore');
  const id = t.awsId();
  const sec = t.awsSecret();
  aw.l('[fieldloop-prod]');
  aw.s(`aws_access_key_id = ${id}`, 'aws', id);
  aw.s(`aws_secret_access_key = ${sec}`, 'aws', sec);
  aw.l('region = eu-west-1', '', '[fieldloop-sso]', 'sso_start_url = https://fieldloop.awsapps.com/start');
  aw.l(`sso_account_id = ${t.digits(12)}`);

  const zs = repo.file('ops/home/.zshrc', 'shell');
  const ghp = t.github();
  const sh = g.shSecret();
  zs.l('export PATH="$HOME/.local/bin:$PATH"', 'alias k=kubectl');
  zs.s(`export GITHUB_TOKEN=${ghp}`, 'github', ghp);
  zs.s(`export SH_CLIENT_SECRET='${sh}'`, 'sentinelhub', sh);
  zs.d('export OPENWEATHER_API_KEY="$(op read op://ops/openweather/credential)"', 'secret manager lookup');
}

// ---- Logs --------------------------------------------------------------------------------------

function logs(repo, t, g) {
  const c = repo.file('logs/celery/worker-2025-06-14.log', 'logs');
  const sid = t.twilioSid();
  const tok = t.twilioToken();
  const shs = g.shSecret();
  c.d(
    '[2025-06-14 04:00:01,002: INFO/MainProcess] Connected to amqp://fieldloop:**@rabbitmq.prod.fieldloop.internal:5672/fieldloop',
    'masked by celery',
  );
  c.l('[2025-06-14 04:00:01,210: INFO/MainProcess] celery@worker-alerts-7d9f ready.');
  c.l(`[2025-06-14 04:00:12,554: INFO/MainProcess] Task alerts.send_frost_sms[${t.uuid()}] received`);
  c.s(
    `[2025-06-14 04:00:12,771: DEBUG/ForkPoolWorker-3] send: b'POST /2010-04-01/Accounts/${sid}/Messages.json HTTP/1.1\\r\\nHost: api.twilio.com\\r\\nAuthorization: Basic ${g.enc(`${sid}:${tok}`)}\\r\\n'`,
    'twilio',
    tok,
  );
  c.s(
    `[2025-06-14 04:10:00,013: DEBUG/ForkPoolWorker-1] POST https://services.sentinel-hub.com/auth/realms/main/protocol/openid-connect/token body=grant_type=client_credentials&client_id=${t.uuid()}&client_secret=${encodeURIComponent(shs)}`,
    'sentinelhub',
    encodeURIComponent(shs),
  );
  c.l(
    '[2025-06-14 04:10:01,402: ERROR/ForkPoolWorker-1] Task imagery.refresh_ndvi raised: DownloadFailedException: 429 Too Many Requests',
  );

  const gi = repo.file('logs/ingest/ingest-2025-06-14.jsonl', 'logs');
  const mp = g.gen(22);
  const it = g.influx();
  gi.s(
    `{"level":"debug","ts":"2025-06-14T04:00:00Z","msg":"mqtt connect","broker":"ssl://mqtt.fieldloop.io:8883","username":"ingest","password":"${mp}"}`,
    'generic',
    mp,
  );
  gi.s(
    `{"level":"debug","ts":"2025-06-14T04:00:01Z","msg":"influx write","url":"https://influx.fieldloop.internal:8086/api/v2/write?org=fieldloop&bucket=soil","headers":{"Authorization":"Token ${it}"}}`,
    'influxdb',
    it,
  );
  gi.l(
    `{"level":"info","ts":"2025-06-14T04:00:02Z","msg":"uplink","dev_eui":"${g.eui()}","f_cnt":4411,"rssi":-97,"snr":7.5}`,
  );
  gi.d(
    '{"level":"info","ts":"2025-06-14T04:00:03Z","msg":"join accept","dev_eui":"70B3D57ED005F21A","app_key":"[REDACTED]"}',
    'redacted',
  );

  const ch = repo.file('logs/chirpstack/chirpstack-2025-06-14.log', 'logs');
  const hk = t.alnum(32);
  ch.l(
    '2025-06-14T04:00:00.120Z  INFO chirpstack::cmd::root: Starting ChirpStack LoRaWAN Network Server version="4.8.1"',
  );
  ch.s(
    `2025-06-14T04:00:05.331Z DEBUG chirpstack::integration::http: Posting event event="up" url="https://hooks.fieldloop.io/ns/up?token=${hk}"`,
    'generic',
    hk,
  );
  ch.l(
    `2025-06-14T04:00:05.332Z  INFO chirpstack::uplink::join: Join-request received dev_eui=${g.eui().toLowerCase()} join_eui=${g.eui().toLowerCase()}`,
  );

  const dj = repo.file('logs/django/gunicorn-error-2025-06-14.log', 'logs');
  const amqp = g.urlpw(20);
  dj.l('[2025-06-14 06:12:44 +0000] [17] [ERROR] Internal Server Error: /api/v2/billing/portal');
  dj.l(
    'django.db.utils.OperationalError: connection to server at "timescale-prod.fieldloop.internal" (10.20.3.11), port 5432 failed: FATAL:  password authentication failed for user "fieldloop_app"',
  );
  dj.d("CHARGEBEE_API_KEY = '********************'", 'masked by django debug page');
  dj.s(`BROKER_URL = 'amqp://fieldloop:${amqp}@rabbitmq.prod.fieldloop.internal:5672/fieldloop'`, 'database', amqp);

  const mb = repo.file('logs/mobile/android-release-build.log', 'logs');
  const mbx = g.mapboxSecret();
  mb.l('> Task :app:bundleRelease', '> Configure project :rnmapbox_maps');
  mb.s(`Mapbox download repo: https://mapbox:${mbx}@api.mapbox.com/downloads/v2/releases/maven`, 'mapbox', mbx);
  mb.d('> Task :app:uploadSentryProguardMappingsRelease  auth token: sntrys_***', 'masked');
}

// ---- Support tickets and the Slack export -----------------------------------------------------

function support(repo, t, g) {
  const fd = repo.file('support/exports/freshdesk-tickets-2025-05.csv', 'support');
  const wifi = g.human();
  const ttn = g.ttnKey();
  const tmp = g.human();
  fd.l('id,created_at,requester,subject,description,status');
  fd.s(
    `10412,2025-05-03T06:12:10Z,j.vandenberg@hoeve-berg.nl,"Gateway offline","The gateway in the milking shed lost Wi-Fi after the router swap. New network is HoeveBerg-Stal, password ${wifi}. Can you push it remotely?",solved`,
    'generic',
    wifi,
  );
  fd.s(
    `10431,2025-05-07T14:40:55Z,it@agrarco-op.de,"TTN integration","Our integrator connected our own TTN app; the API key they used is ${ttn}. Data is not arriving in FieldLoop.",open`,
    'ttn',
    ttn,
  );
  fd.s(
    `10444,2025-05-09T09:03:21Z,support@fieldloop.io,"Account recovery","Reset the farm admin login for Gut Meyer. Temporary password is ${tmp} - ask them to change it on first login.",closed`,
    'generic',
    tmp,
  );
  fd.d(
    `10450,2025-05-10T11:15:00Z,k.schulte@schultehof.de,"Probe missing","Probe DevEUI ${g.eui()} shows no data since Tuesday",solved`,
    'device eui',
  );
  fd.d(
    '10458,2025-05-12T16:22:00Z,p.martin@gaec-martin.fr,"Login","Customer says the password is ******** and it fails",solved',
    'masked',
  );

  const sx = repo.file('support/slack-export/field-ops/2025-06-12.json', 'chat');
  const rk = g.stripeRk();
  const mq = g.gen(20);
  const hook = t.slackWebhook();
  const ts = (n) => `"ts": "17497${t.digits(5)}.${t.pick(DIGIT, 6)}${n}"`;
  sx.l('[');
  sx.s(
    `  { "type": "message", "user": "U04M2QK7T", "text": "here's the restricted stripe key for the analytics contractor: ${rk}", ${ts(1)} },`,
    'stripe',
    rk,
  );
  sx.l(
    `  { "type": "message", "user": "U03A1BZ9X", "text": "please don't paste keys in here, use 1Password", ${ts(2)} },`,
  );
  sx.s(
    `  { "type": "message", "user": "U05KXR2LP", "text": "kalkar edge box mqtt creds: user \`edge-kalkar\` pass \`${mq}\`", ${ts(3)} },`,
    'generic',
    mq,
  );
  sx.s(
    `  { "type": "message", "user": "U04M2QK7T", "text": "new alerts webhook for #frost-alerts <${hook}>", ${ts(4)} },`,
    'slack',
    hook,
  );
  sx.d(
    `  { "type": "message", "user": "U05KXR2LP", "text": "probe ${g.eui()} at xanten-vineyard rejoined after battery swap", ${ts(5)} }`,
    'device eui',
  );
  sx.l(']');

  const jr = repo.file('support/jira/OPS-412.json', 'support');
  const cb = g.chargebee();
  const gsa = g.grafanaSa();
  jr.l(
    '{',
    '  "key": "OPS-412",',
    '  "fields": {',
    '    "summary": "Chargebee webhooks failing after site migration",',
  );
  jr.s(
    `    "description": "Reproduced with the prod key ${cb} against /api/v2/events; 401 on the old site name.",`,
    'chargebee',
    cb,
  );
  jr.l('    "comment": {', '      "comments": [');
  jr.s(
    `        { "author": "mkoenig", "body": "Dashboard export used the grafana token ${gsa}, will rotate after." },`,
    'grafana',
    gsa,
  );
  jr.l(`        { "author": "akaya", "body": "Chargebee customer id for the co-op is ${t.alnum(16)}" }`);
  jr.l('      ]', '    }', '  }', '}');

  const ts2 = repo.file('support/tools/export_tickets.py', 'support');
  const fdk = t.alnum(20);
  ts2.l('import requests', '', 'DOMAIN = "fieldloop.freshdesk.com"');
  ts2.s(`API_KEY = "${fdk}"`, 'freshdesk', fdk);
  ts2.l('', 'def tickets(page=1):');
  ts2.d(
    '    return requests.get(f"https://{DOMAIN}/api/v2/tickets?page={page}", auth=(API_KEY, "X")).json()',
    "variable (X is freshdesk's documented dummy password)",
  );
}

// ---- Docs and runbooks --------------------------------------------------------------------------

function docs(repo, t, g) {
  const gp = repo.file('docs/runbooks/gateway-provisioning.md', 'docs');
  const tk = g.ttnKey();
  const psk = g.human();
  gp.l(
    '# Gateway provisioning (RAK7268 / Basics Station)',
    '',
    '1. Register the gateway on eu1 with `ops/scripts/provision-gateway.sh`.',
  );
  gp.d(
    '2. Create a gateway API key with link rights; it looks like `NNSXS.XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX.XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX`.',
    'format placeholder',
  );
  gp.d('3. Paste `Authorization: Bearer <gateway-api-key>` into the LNS key field.', 'placeholder');
  gp.l('', 'Shared bench gateway (office):', '');
  gp.s(`- LNS key: \`${tk}\``, 'ttn', tk);
  gp.s(`- Bench Wi-Fi "FieldLoop-Bench" PSK: \`${psk}\``, 'generic', psk);
  gp.d(`- Bench gateway EUI \`${t.pick(HEXU, 16)}\` (printed on the case).`, 'gateway eui');

  const bl = repo.file('docs/runbooks/billing.md', 'docs');
  const cb = g.chargebee();
  bl.l(
    '# Billing operations',
    '',
    'Stripe handles card payments for direct farmers; Chargebee manages co-op subscriptions.',
    '',
  );
  bl.d(
    'Test locally with `STRIPE_SECRET_KEY=sk_test_<your key>` and `stripe listen --forward-to localhost:8000/webhooks/stripe`.',
    'placeholder',
  );
  bl.s(`Prod Chargebee key for one-off fixes (rotate after use!): \`${cb}\``, 'chargebee', cb);
  bl.l(`Stripe product for the soil-probe rental: \`prod_${t.alnum(14)}\`.`);

  const im = repo.file('docs/runbooks/imagery.md', 'docs');
  const pl = g.planet();
  im.l('# Imagery pipeline', '', '## Accounts', '');
  im.s(`- Planet research account API key: \`${pl}\``, 'planet', pl);
  im.l(
    '- Earth Engine runs as `gee-runner@fieldloop-imagery.iam.gserviceaccount.com`; the key lives in Secret Manager.',
  );
  im.l('- Sentinel Hub: `sh_client_secret` comes from `SH_CLIENT_SECRET`, never commit it.');

  const lk = repo.file('docs/adr/0007-lorawan-root-keys.md', 'docs');
  lk.l(
    '# ADR 0007: LoRaWAN root keys',
    '',
    'AppKeys are generated per device at the factory and only ever stored in the TTN Join Server.',
  );
  lk.d(
    'Format: 32 hex digits, e.g. `AppKey = <32-hex-app-key>`; DevEUI and JoinEUI are public and may appear in logs.',
    'placeholder',
  );
  lk.l('Rotation: `ttn-lw-cli end-devices set fieldloop-soil-eu1 $DEV_ID --root-keys.app-key.key $NEW_KEY`.');

  const r = repo.file('README.md', 'docs');
  r.l(
    '# FieldLoop platform',
    '',
    'Soil probes, tractor telematics, satellite imagery and the farmer app.',
    '',
    '## Local setup',
    '',
    '```sh',
  );
  r.d('cp backend/.env.example backend/.env && export SENTINELHUB_CLIENT_SECRET=<your-secret>', 'placeholder');
  r.l('docker compose -f docker-compose.dev.yml up -d');
  r.l('```');

  const eb = repo.file('docs/runbooks/edge-box.md', 'docs');
  const gpw = g.human();
  eb.l('# Edge box (co-op sites)', '', 'Grafana on the box listens on :3000.', '');
  eb.s(`Default login after imaging is \`admin\` / \`${gpw}\` (same on every box, change it on site).`, 'generic', gpw);
  eb.l('InfluxDB token: run `influx auth list --user fieldloop` on the box.');
}

// ---- Noise: lockfiles, hashes, ids, i18n --------------------------------------------------------

function noise(repo, t, _g) {
  const yl = repo.file('apps/farmer-app/yarn.lock', 'decoys');
  for (const p of ['@rnmapbox/maps@10.1.27', 'react-native-config@1.5.1', '@sentry/react-native@5.24.1']) {
    yl.l(`"${p}":`, `  version "${p.split('@').pop()}"`);
    yl.d(`  integrity sha512-${Buffer.from(t.pick(HEX, 128), 'hex').toString('base64')}`, 'integrity hash');
    yl.l('');
  }

  const pod = repo.file('apps/farmer-app/ios/Podfile.lock', 'decoys');
  pod.l('SPEC CHECKSUMS:');
  for (const p of ['MapboxMaps', 'RNSentry', 'hermes-engine']) pod.l(`  ${p}: ${t.sha1()}`);
  pod.l('', 'COCOAPODS: 1.15.2');

  const gs = repo.file('services/ingest/go.sum', 'decoys');
  for (const m of [
    'github.com/eclipse/paho.mqtt.golang v1.4.3',
    'github.com/influxdata/influxdb-client-go/v2 v2.13.0',
  ]) {
    gs.l(`${m} h1:${Buffer.from(t.pick(HEX, 64), 'hex').toString('base64')}`);
  }

  const fwm = repo.file('firmware/releases/manifest.json', 'decoys');
  fwm.l(
    '{',
    '  "sp200": {',
    '    "version": "2.4.1",',
    '    "url": "https://ota.fieldloop.io/sp200/2.4.1/firmware.bin",',
  );
  fwm.d(`    "sha256": "${t.sha256()}",`, 'firmware image hash');
  fwm.l(`    "git_rev": "${t.sha1()}"`);
  fwm.l('  }', '}');

  const en = repo.file('apps/farmer-app/src/i18n/en.json', 'decoys');
  en.l('{');
  en.l('  "login.password": "Password",');
  en.l('  "gateway.wifiPassword.help": "Enter the Wi-Fi password of the barn network",');
  en.l('  "integrations.ttn.apiKey.label": "TTN API key",');
  en.l('  "ok": "OK"', '}');

  const cs = repo.file('backend/apps/core/constants.py', 'decoys');
  cs.l(`DEFAULT_TENANT_ID = "${t.uuid()}"`);
  cs.l('PASSWORD_RESET_PATH = "/account/password/reset/"');
  cs.l('TTN_API_KEY_ENV = "TTN_API_KEY"');
  cs.l(`SOIL_MODEL_SHA256 = "${t.sha256()}"`);
}
