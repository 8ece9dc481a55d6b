// Red-team suite "iot": embedded, IoT, home automation and hobby repositories. Arduino sketches and
// headers, ESP-IDF sdkconfig and NVS CSVs, PlatformIO, Zephyr prj.conf, MicroPython/CircuitPython
// secrets, Home Assistant, ESPHome, Node-RED, Zigbee2MQTT, Mosquitto, Tasmota, OpenWrt UCI,
// wpa_supplicant, hostapd, AWS IoT and Azure IoT Hub device credentials, Particle, Blynk,
// ThingSpeak, Adafruit IO, TTN/LoRaWAN keys (hex strings and C byte arrays), Balena, Raspberry Pi
// cloud-init and firstrun, OctoPrint, Klipper/Moonraker, Frigate, Tuya, Hue, serial logs.
// Decoys are what these files really hold: SSIDs, MACs, EUIs, device ids, firmware digests, TLS
// fingerprints, public certificates, password hashes, encrypted credential blobs, !secret and
// template references, vendor placeholders.
import { ALNUM, B64, BASE32, DIGIT, HEX, LOWER, UPPER, URLSAFE, Repo, makeTokens, mulberry32 } from './generate.mjs';

function iotTokens(rand, t) {
  const one = (list) => list[Math.floor(rand() * list.length)];
  const HEXU = '0123456789ABCDEF';
  const human = () =>
    one([
      () => `${one(['Garden', 'Sunset', 'Kitchen', 'Meadow', 'Harbor'])}${t.digits(4)}${one(['!', '#', '$', '?'])}`,
      () =>
        `${one(['purple', 'copper', 'silent', 'frosty'])}-${one(['otter', 'lamp', 'bridge', 'kettle'])}-${one(['moon', 'river', 'stone'])}-${t.digits(2)}`,
      () => t.password(),
      () =>
        `${one(['Familie', 'Casa', 'Home', 'Maison'])}${one(['Mueller', 'Rossi', 'Smith', 'Dubois'])}${t.digits(3)}`,
    ])();
  // No characters that would break a URL, a C string or a shell word.
  const plainPw = () => {
    for (;;) {
      const v = human();
      if (/^[A-Za-z0-9_-]+$/.test(v) && /[0-9]/.test(v)) return v;
    }
  };
  const bytes = (n) => Array.from({ length: n }, () => Math.floor(rand() * 256));
  const cBytes = (n) =>
    bytes(n)
      .map((b) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`)
      .join(', ');
  const b64url = (s) => Buffer.from(s).toString('base64url');
  const haToken = () =>
    `${b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64url(
      JSON.stringify({ iss: t.hex(32), iat: 1760000000 + Math.floor(rand() * 1e6), exp: 2075360000 }),
    )}.${t.mixed(URLSAFE, 43)}`;
  const cert = () => {
    const body = Buffer.from([0x30, 0x82, 0x03, 0x41, 0x30, 0x82, 0x02, 0x29, ...bytes(700)]).toString('base64');
    return ['-----BEGIN CERTIFICATE-----', ...body.match(/.{1,64}/g), '-----END CERTIFICATE-----'];
  };
  const mac = (sep = ':') =>
    bytes(6)
      .map((b) => b.toString(16).padStart(2, '0').toUpperCase())
      .join(sep);
  return {
    one,
    human,
    plainPw,
    bytes,
    cBytes,
    haToken,
    cert,
    mac,
    hexU: (n) => t.mixed(HEXU, n),
    eui: () => t.pick(HEXU, 16),
    esphomeKey: () => Buffer.from(bytes(32)).toString('base64'),
    azureSak: () => Buffer.from(bytes(32)).toString('base64'),
    ttnApiKey: () => `NNSXS.${t.mixed(BASE32, 39)}.${t.mixed(BASE32, 52)}`,
    aio: () => `aio_${t.mixed(ALNUM, 28)}`,
    blynk: () => t.mixed(URLSAFE, 32),
    thingspeak: () => t.mixed(UPPER + DIGIT, 16),
    particle: () => t.hex(40),
    balena: () => t.mixed(ALNUM, 32),
    influx: () => `${t.mixed(URLSAFE, 86)}==`,
    telegram: () => `${t.digits(10)}:AA${t.mixed(URLSAFE, 33)}`,
    hue: () => t.mixed(ALNUM + '-', 40),
    tuyaLocal: () => t.mixed(ALNUM + '#$^*()<>[]{}=+|~', 16),
    tuyaSecret: () => t.mixed(LOWER + DIGIT, 32),
    pushover: () => `a${t.mixed(LOWER + DIGIT, 29)}`,
    octoKey: () => t.mixed(URLSAFE, 43),
    octoKeyOld: () => t.mixed(HEXU, 32),
    chirp: () =>
      `${b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64url(
        JSON.stringify({ aud: 'chirpstack', iss: 'chirpstack', sub: t.uuid(), typ: 'key' }),
      )}.${t.mixed(URLSAFE, 43)}`,
    bcrypt: () => `$2b$08$${t.mixed(ALNUM + './', 53)}`,
    mosqHash: () => `$7$101$${Buffer.from(bytes(12)).toString('base64')}$${Buffer.from(bytes(64)).toString('base64')}`,
    sha512crypt: () => `$6$${t.mixed(ALNUM, 16)}$${t.mixed(ALNUM + './', 86)}`,
  };
}

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 6007 + 421);
  const t = makeTokens(rand);
  const x = iotTokens(rand, t);
  const repo = new Repo();
  arduino(repo, t, x);
  espidf(repo, t, x);
  python(repo, t, x);
  homeassistant(repo, t, x);
  esphome(repo, t, x);
  nodered(repo, t, x);
  mqtt(repo, t, x);
  network(repo, t, x);
  cloud(repo, t, x);
  lorawan(repo, t, x);
  printers(repo, t, x);
  misc(repo, t, x);
  return repo;
}

// ---- Arduino ---------------------------------------------------------------------------------

function arduino(repo, t, x) {
  const w1 = x.human();
  const mq1 = x.plainPw();
  const a = repo.file('firmware/greenhouse-node/greenhouse-node.ino', 'arduino');
  a.l('#include <WiFi.h>', '#include <PubSubClient.h>', '');
  a.d(`const char* ssid = "Greenhouse-${t.digits(3)}";`, 'ssid');
  a.s(`const char* password = "${w1}";`, 'generic', w1);
  a.l('const char* mqtt_server = "192.168.1.20";', 'const char* mqtt_user = "greenhouse";');
  a.s(`const char* mqtt_pass = "${mq1}";  // same as in mosquitto passwd`, 'generic', mq1);
  a.d(
    `uint8_t peerMac[] = {${x
      .bytes(6)
      .map((b) => `0x${b.toString(16).padStart(2, '0')}`)
      .join(', ')}};`,
    'esp-now peer mac',
  );
  a.l('WiFiClient espClient;', 'PubSubClient client(espClient);', '', 'void setup() {', '  Serial.begin(115200);');
  a.l('  WiFi.begin(ssid, password);', '  while (WiFi.status() != WL_CONNECTED) delay(500);', '}');
  a.l('void reconnect() {');
  const mq2 = x.plainPw();
  a.s(`  if (client.connect("greenhouse-esp32", "greenhouse", "${mq2}")) {`, 'generic', mq2);
  a.l('    client.subscribe("greenhouse/cmd");', '  }', '}');

  const w2 = x.plainPw();
  const b = repo.file('firmware/doorbell/doorbell.ino', 'arduino');
  b.l('#include <ESP8266WiFi.h>', '#include <ArduinoOTA.h>');
  b.d('#define WIFI_SSID "FRITZ!Box 7590 XY"', 'ssid');
  b.s(`#define WIFI_PASS "${w2}"`, 'generic', w2);
  const ota = x.plainPw();
  b.l('void setup() {', '  WiFi.mode(WIFI_STA);');
  b.d('  WiFi.begin(WIFI_SSID, WIFI_PASS);', 'macro reference');
  b.l('  ArduinoOTA.setHostname("doorbell");');
  b.s(`  ArduinoOTA.setPassword("${ota}");`, 'generic', ota);
  b.d(`  // ArduinoOTA.setPasswordHash("${t.hex(32)}");  // md5 of the password`, 'md5 hash of ota password');
  b.l('  ArduinoOTA.begin();', '}');

  const w3 = x.plainPw();
  const c = repo.file('firmware/weather-station/src/main.cpp', 'arduino');
  c.l('#include <Arduino.h>', '#include <WiFiMulti.h>', '#include <WiFiClientSecure.h>', 'WiFiMulti wifiMulti;');
  c.d(
    `const char* fingerprint = "${x
      .bytes(20)
      .map((v) => v.toString(16).padStart(2, '0').toUpperCase())
      .join(' ')}";`,
    'tls sha1 fingerprint',
  );
  c.l('void setup() {');
  c.s(`  wifiMulti.addAP("Weather-IoT", "${w3}");`, 'generic', w3);
  c.d('  wifiMulti.addAP("Guest", "YOUR_WIFI_PASSWORD");', 'placeholder');
  const tsKey = x.thingspeak();
  c.l('}');
  c.d(`unsigned long channelID = ${t.digits(7)};`, 'thingspeak channel id');
  c.s(`const char * myWriteAPIKey = "${tsKey}";`, 'thingspeak', tsKey);
  const tsUrlKey = x.thingspeak();
  c.s(
    `String url = "http://api.thingspeak.com/update?api_key=${tsUrlKey}&field1=" + String(temp);`,
    'thingspeak',
    tsUrlKey,
  );

  const sec = repo.file('firmware/plant-monitor/arduino_secrets.h', 'arduino');
  const w4 = x.human().replace(/"/g, '');
  const w5 = x.plainPw();
  sec.d('#define SECRET_SSID "PlantNet"', 'ssid');
  sec.s(`#define SECRET_PASS "${w4}"`, 'generic', w4);
  sec.s(`#define SECRET_DEVICE_KEY "${w5}"    // Arduino IoT Cloud device secret key`, 'generic', w5);
  sec.d(`#define SECRET_DEVICE_ID "${t.uuid()}"`, 'arduino cloud device id');
  const bl = repo.file('firmware/blynk-relay/blynk-relay.ino', 'arduino');
  bl.d(`#define BLYNK_TEMPLATE_ID "TMPL${t.mixed(ALNUM, 8)}"`, 'blynk template id');
  bl.l('#define BLYNK_TEMPLATE_NAME "Relay Board"');
  const blk = x.blynk();
  bl.s(`#define BLYNK_AUTH_TOKEN "${blk}"`, 'blynk', blk);
  bl.l('#include <BlynkSimpleEsp32.h>');
  const blk2 = x.blynk();
  bl.s(`char auth[] = "${blk2}";  // old Blynk app token`, 'blynk', blk2);
  const w6 = x.plainPw();
  bl.s(`char pass[] = "${w6}";`, 'generic', w6);
  bl.d('char ssid[] = "Workshop_2G";', 'ssid');
  bl.l('void setup() { Blynk.begin(BLYNK_AUTH_TOKEN, ssid, pass); }');

  const fb = repo.file('firmware/aquarium/config.h', 'arduino');
  fb.l('#pragma once');
  fb.d(`#define FIREBASE_HOST "aquarium-${t.lower(5)}-default-rtdb.europe-west1.firebasedatabase.app"`, 'host');
  const fbs = t.mixed(ALNUM, 40);
  fb.s(`#define FIREBASE_AUTH "${fbs}"  // database secret (legacy)`, 'generic', fbs);
  const tg = x.telegram();
  fb.s(`#define BOT_TOKEN "${tg}"`, 'telegram', tg);
  fb.d(`#define CHAT_ID "${t.digits(9)}"`, 'telegram chat id');
  fb.d('#define WIFI_PASSWORD "********"', 'masked');

  // AWS IoT credentials embedded in a header as the AWS examples do.
  const key = t.rsaPem();
  const crt = x.cert();
  const aws = repo.file('firmware/aws-thing/secrets.h', 'arduino');
  aws.l('#include <pgmspace.h>', '#define SECRET', '#define THINGNAME "pump-controller-01"');
  const w7 = x.plainPw();
  aws.s(`const char WIFI_PASSWORD[] = "${w7}";`, 'generic', w7);
  aws.d(`const char AWS_IOT_ENDPOINT[] = "${t.lower(14)}-ats.iot.eu-central-1.amazonaws.com";`, 'aws iot endpoint');
  aws.l('// Amazon Root CA 1');
  aws.d(['static const char AWS_CERT_CA[] PROGMEM = R"EOF(', ...x.cert(), ')EOF";'], 'public root ca');
  aws.l('// Device Certificate');
  aws.d(['static const char AWS_CERT_CRT[] PROGMEM = R"KEY(', ...crt, ')KEY";'], 'device certificate (public)');
  aws.l('// Device Private Key');
  aws.s(['static const char AWS_CERT_PRIVATE[] PROGMEM = R"KEY(', ...key, ')KEY";'], 'private-key', key.join('\n'));

  // Same thing as concatenated C string literals.
  const key2 = t.ecPem();
  const cc = repo.file('firmware/esp32-mqtts/main/certs.c', 'arduino');
  cc.l('#include "certs.h"', '');
  cc.s(
    ['const char *client_key =', ...key2.map((l) => `    "${l}\\n"`), ';'],
    'private-key',
    key2.map((l) => l.slice(0, 20)).join('\n'),
  );
  cc.d(['const char *server_root_ca =', ...x.cert().map((l) => `    "${l}\\n"`), ';'], 'public ca certificate');
}

// ---- ESP-IDF, PlatformIO, Zephyr -------------------------------------------------------------

function espidf(repo, t, x) {
  const s = repo.file('firmware/esp32-mqtts/sdkconfig', 'espidf');
  s.l(
    '#',
    '# Automatically generated file. DO NOT EDIT.',
    '# Espressif IoT Development Framework (ESP-IDF) 5.2.1 Project Configuration',
    '#',
  );
  s.l('CONFIG_IDF_TARGET="esp32s3"', 'CONFIG_ESPTOOLPY_FLASHSIZE_8MB=y');
  s.d('CONFIG_ESP_WIFI_SSID="IoT-Lab"', 'ssid');
  const p1 = x.human().replace(/"/g, '');
  s.s(`CONFIG_ESP_WIFI_PASSWORD="${p1}"`, 'generic', p1);
  s.l('CONFIG_ESP_MAXIMUM_RETRY=5');
  const bp = x.plainPw();
  s.s(`CONFIG_BROKER_URL="mqtts://sensor01:${bp}@mqtt.home.lan:8883"`, 'generic', bp);
  s.d('CONFIG_SECURE_BOOT_SIGNING_KEY="secure_boot_signing_key.pem"', 'key file name');
  s.d(`CONFIG_APP_PROJECT_VER="1.4.2-${t.sha1().slice(0, 7)}"`, 'version');
  s.d('CONFIG_ESP_WIFI_SAE_PASSWORD_ID=""', 'empty');
  s.d('# CONFIG_ESP_WIFI_SOFTAP_SAE_SUPPORT is not set', 'comment');
  const s3 = repo.file('firmware/esp32-cam/sdkconfig', 'espidf');
  const p3 = x.plainPw();
  s3.s(`CONFIG_EXAMPLE_WIFI_PASSWORD="${p3}"`, 'generic', p3);
  const sb = t.mixed(ALNUM, 24);
  s3.s(`CONFIG_HTTPD_BASIC_AUTH_PASSWORD="${sb}"`, 'generic', sb);
  s3.d('CONFIG_EXAMPLE_WIFI_SSID="Attic"', 'ssid');

  const nvs = repo.file('firmware/esp32-cam/nvs_data.csv', 'espidf');
  nvs.l('key,type,encoding,value', 'wifi,namespace,,');
  nvs.d('ssid,data,string,Attic', 'ssid');
  const np = x.plainPw();
  nvs.s(`pass,data,string,${np}`, 'generic', np);
  const napi = t.hex(32);
  nvs.s(`api_token,data,string,${napi}`, 'generic', napi);
  nvs.d('boot_count,data,u32,0', 'number');
  nvs.d('cert,file,binary,certs/device.der', 'file reference');

  const sbk = t.ecPem();
  repo.file('firmware/esp32-mqtts/secure_boot_signing_key.pem', 'espidf').s(sbk, 'private-key', sbk.join('\n'));

  const pio = repo.file('firmware/weather-station/platformio.ini', 'platformio');
  pio.l('[env:esp32dev]', 'platform = espressif32@6.5.0', 'board = esp32dev', 'framework = arduino', 'build_flags =');
  const pw1 = x.plainPw();
  pio.d('    -DCORE_DEBUG_LEVEL=3', 'define');
  pio.d('    -D WIFI_SSID=\\"Weather-IoT\\"', 'ssid');
  pio.s(`    -D WIFI_PASS=\\"${pw1}\\"`, 'generic', pw1);
  const pw2 = x.plainPw();
  pio.s(`    '-DMQTT_PASSWORD="${pw2}"'`, 'generic', pw2);
  const owm = t.hex(32);
  pio.s(`    -DOWM_API_KEY=\\"${owm}\\"`, 'openweathermap', owm);
  pio.l('upload_protocol = espota', 'upload_port = 192.168.1.57');
  const upa = x.plainPw();
  pio.s(['upload_flags =', `    --auth=${upa}`, '    --port=3232'], 'generic', upa);
  pio.d('lib_deps = knolleary/PubSubClient@^2.8', 'library');
  const pio3 = repo.file('firmware/doorbell/secrets.ini', 'platformio');
  pio3.l('; included from platformio.ini via extra_configs, not meant for git', '[secrets]');
  const pw3 = x.plainPw();
  pio3.s(`wifi_password = ${pw3}`, 'generic', pw3);
  const pw4 = x.plainPw();
  pio3.s(`ota_password = ${pw4}`, 'generic', pw4);

  const z = repo.file('firmware/nrf-sensor/prj.conf', 'zephyr');
  z.l('CONFIG_NETWORKING=y', 'CONFIG_WIFI=y', 'CONFIG_WIFI_CREDENTIALS=y', 'CONFIG_WIFI_CREDENTIALS_STATIC=y');
  z.d('CONFIG_WIFI_CREDENTIALS_STATIC_SSID="sensor-net"', 'ssid');
  const zp = x.plainPw();
  z.s(`CONFIG_WIFI_CREDENTIALS_STATIC_PASSWORD="${zp}"`, 'generic', zp);
  z.l('CONFIG_MQTT_LIB=y', 'CONFIG_MQTT_LIB_TLS=y');
  const zm = x.plainPw();
  z.s(`CONFIG_MQTT_SAMPLE_PASSWORD="${zm}"`, 'generic', zm);
  z.d('CONFIG_MQTT_SAMPLE_CLIENT_ID="nrf-0123"', 'client id');
  z.d('CONFIG_MBEDTLS_PSK_MAX_LEN=32', 'setting');
  const zpsk = t.hex(32);
  z.s(`CONFIG_NET_SAMPLE_PSK="${zpsk}"`, 'generic', zpsk);
  z.d('CONFIG_NET_SAMPLE_PSK_IDENTITY="Client_identity"', 'psk identity');
}

// ---- MicroPython / CircuitPython / Raspberry Pi Python --------------------------------------

function python(repo, t, x) {
  const sp = repo.file('micropython/weather/secrets.py', 'python');
  const p1 = x.plainPw();
  const ak = x.aio();
  sp.l('# This file is where you keep secret settings, passwords, and tokens!', 'secrets = {');
  sp.d("    'ssid': 'Weather-IoT',", 'ssid');
  sp.s(`    'password': '${p1}',`, 'generic', p1);
  sp.d("    'aio_username': 'greenthumb',", 'username');
  sp.s(`    'aio_key': '${ak}',`, 'adafruit', ak);
  sp.d("    'timezone': 'Europe/Berlin',", 'tz');
  const owm = t.hex(32);
  sp.s(`    'openweather_token': '${owm}',`, 'openweathermap', owm);
  sp.l('}');

  const st = repo.file('circuitpython/macropad/settings.toml', 'python');
  st.d('CIRCUITPY_WIFI_SSID = "Studio"', 'ssid');
  const p2 = x.human().replace(/"/g, '');
  st.s(`CIRCUITPY_WIFI_PASSWORD = "${p2}"`, 'generic', p2);
  const wp = x.plainPw();
  st.s(`CIRCUITPY_WEB_API_PASSWORD = "${wp}"`, 'generic', wp);
  st.d('CIRCUITPY_WEB_API_PORT = 80', 'port');
  st.d('ADAFRUIT_AIO_USERNAME = "greenthumb"', 'username');
  const ak2 = x.aio();
  st.s(`ADAFRUIT_AIO_KEY = "${ak2}"`, 'adafruit', ak2);
  st.d('ADAFRUIT_AIO_KEY_OLD = "aio_xxxxxxxxxxxxxxxxxxxxxxxxxxxx"', 'placeholder');

  const pi = repo.file('raspberrypi/sensor-hub/publish.py', 'python');
  pi.l('import paho.mqtt.client as mqtt', 'import os', '', 'client = mqtt.Client(client_id="sensor-hub")');
  const mq2 = x.plainPw();
  pi.s(`client.username_pw_set("hub", "${mq2}")`, 'generic', mq2);
  pi.d('client.username_pw_set("hub", os.environ["MQTT_PASSWORD"])  # prod', 'env reference');
  pi.l('client.tls_set(ca_certs="/etc/ssl/certs/ca-certificates.crt")');
  const aws = t.awsId();
  const awss = t.awsSecret();
  pi.l('import boto3');
  pi.s(
    [`s3 = boto3.client("s3", aws_access_key_id="${aws}",`, `                  aws_secret_access_key="${awss}")`],
    'aws',
    awss,
  );
  const tuyaK = x.tuyaLocal();
  const tj = repo.file('raspberrypi/sensor-hub/devices.json', 'python');
  tj.l('[');
  tj.l('  {', '    "name": "Desk Lamp",');
  tj.d(`    "id": "bf${t.lower(20)}",`, 'tuya device id');
  tj.s(`    "key": "${tuyaK.replace(/"/g, '')}",`, 'tuya', tuyaK.replace(/"/g, ''));
  tj.d(`    "mac": "${x.mac().toLowerCase()}",`, 'mac');
  tj.d('    "version": "3.3"', 'version');
  tj.l('  }', ']');
  const tc = repo.file('raspberrypi/sensor-hub/tinytuya.json', 'python');
  tc.l('{');
  tc.d(`    "apiKey": "${t.lower(20)}",`, 'tuya access id (public half)');
  const ts = x.tuyaSecret();
  tc.s(`    "apiSecret": "${ts}",`, 'tuya', ts);
  tc.d('    "apiRegion": "eu",', 'region');
  tc.d(`    "apiDeviceID": "bf${t.lower(20)}"`, 'device id');
  tc.l('}');
}

// ---- Home Assistant --------------------------------------------------------------------------

function homeassistant(repo, t, x) {
  const s = repo.file('homeassistant/secrets.yaml', 'homeassistant');
  s.l(
    '# Use this file to store secrets like usernames and passwords.',
    '# Learn more at https://www.home-assistant.io/docs/configuration/secrets/',
  );
  const a = x.plainPw();
  s.s(`mqtt_password: ${a}`, 'generic', a);
  const b = x.human();
  s.s(`frigate_rtsp_password: "${b.replace(/"/g, '')}"`, 'generic', b.replace(/"/g, ''));
  const tok = x.haToken();
  s.s(`ha_token_nodered: ${tok}`, 'generic', tok);
  const owm = t.hex(32);
  s.s(`openweathermap_api_key: ${owm}`, 'openweathermap', owm);
  const tg = x.telegram();
  s.s(`telegram_bot_token: "${tg}"`, 'telegram', tg);
  s.d('telegram_chat_id: -1001234567890', 'chat id');
  s.d('home_latitude: 52.5200', 'coordinate');
  s.d('home_longitude: 13.4050', 'coordinate');
  const po = x.pushover();
  s.s(`pushover_api_key: ${po}`, 'pushover', po);
  s.d(`pushover_user_key: u${t.lower(29)}`, 'pushover user key (recipient id)');
  const infl = x.influx();
  s.s(`influxdb_token: ${infl}`, 'influxdb', infl);
  s.d('influxdb_org: 9f3c2a1b0d4e5f60', 'org id');

  const c = repo.file('homeassistant/configuration.yaml', 'homeassistant');
  c.l('homeassistant:', '  name: Home', '  unit_system: metric');
  c.d('  latitude: !secret home_latitude', 'secret reference');
  c.l('http:', '  use_x_forwarded_for: true', '  trusted_proxies:', '    - 172.30.33.0/24');
  c.l('mqtt:');
  c.d('  password: !secret mqtt_password', 'secret reference');
  c.l('rest_command:', '  notify_bridge:', '    url: http://192.168.1.30:8123/api/services/notify/all', '    headers:');
  const lt = x.haToken();
  c.s(`      authorization: "Bearer ${lt}"`, 'generic', lt);
  c.l('    method: post');
  c.l('sensor:', '  - platform: rest', '    resource: http://192.168.1.44/api/status');
  c.l('    username: admin');
  const rp = x.plainPw();
  c.s(`    password: ${rp}`, 'generic', rp);
  c.l('    authentication: basic');
  c.l('influxdb:', '  api_version: 2', '  host: 192.168.1.25');
  c.d('  token: !secret influxdb_token', 'secret reference');
  c.l('camera:', '  - platform: generic');
  const rtsp = x.plainPw();
  c.s(`    stream_source: rtsp://admin:${rtsp}@192.168.1.61:554/Streaming/Channels/101`, 'generic', rtsp);
  c.d('    still_image_url: http://192.168.1.61/ISAPI/Streaming/channels/101/picture', 'url without credentials');
  c.l('hue:');
  const hue = x.hue();
  c.s(['  bridges:', '    - host: 192.168.1.10', `      api_key: ${hue}`], 'hue', hue);

  const ent = repo.file('homeassistant/.storage/core.config_entries', 'homeassistant');
  ent.l('{', '  "data": {', '    "entries": [', '      {', '        "domain": "shelly",');
  ent.d(`        "entry_id": "${t.hex(32)}",`, 'entry id');
  ent.d(`        "unique_id": "${x.mac('').toLowerCase()}",`, 'mac as unique id');
  ent.l('        "data": {', '          "host": "192.168.1.71",', '          "username": "admin",');
  const sh = x.plainPw();
  ent.s(`          "password": "${sh}"`, 'generic', sh);
  ent.l('        }', '      },', '      {', '        "domain": "tuya",', '        "data": {');
  const tuyaTok = t.hex(32);
  ent.s(`          "token_info": {"access_token": "${tuyaTok}", "expire_time": 7200},`, 'tuya', tuyaTok);
  ent.d(`          "user_code": "${t.mixed(ALNUM, 7)}",`, 'tuya user code');
  ent.d(`          "endpoint": "https://apigw.tuyaeu.com"`, 'url');
  ent.l('        }', '      }', '    ]', '  }', '}');

  const au2 = repo.file('homeassistant/automations.yaml', 'homeassistant');
  au2.l('- id: "1712345678901"', '  alias: Garage open alert', '  action:', '    - service: rest_command.hubitat');
  const hub = t.uuid();
  au2.s(`      data: { url: "http://192.168.1.15/apps/api/12/devices/34/on?access_token=${hub}" }`, 'generic', hub);
  au2.d(`  trigger: { platform: webhook, webhook_id: "garage-${t.lower(12)}" }`, 'webhook id (public route)');

  const log = repo.file('homeassistant/home-assistant.log', 'homeassistant');
  log.d(
    '2026-03-04 07:12:01.123 WARNING (MainThread) [homeassistant.components.http.ban] Login attempt or request with invalid authentication from 192.168.1.99',
    'log',
  );
  log.d(
    `2026-03-04 07:12:04.551 INFO (MainThread) [homeassistant.setup] Setting up mqtt, client id ${t.hex(16)}`,
    'client id',
  );
  const lt2 = x.haToken();
  log.s(
    `2026-03-04 07:13:10.002 DEBUG (MainThread) [homeassistant.components.websocket_api] Received {"type": "auth", "access_token": "${lt2}"}`,
    'generic',
    lt2,
  );
  log.d(
    '2026-03-04 07:13:10.004 DEBUG (MainThread) [homeassistant.components.websocket_api] Sending {"type": "auth_ok", "ha_version": "2026.3.0"}',
    'log',
  );
}

// ---- ESPHome ---------------------------------------------------------------------------------

function esphome(repo, t, x) {
  const s = repo.file('esphome/secrets.yaml', 'esphome');
  s.d('wifi_ssid: "IoT-Lab"', 'ssid');
  const wp = x.human().replace(/"/g, '');
  s.s(`wifi_password: "${wp}"`, 'generic', wp);
  const ek = x.esphomeKey();
  s.s(`api_encryption_key: "${ek}"`, 'generic', ek);
  const op = t.hex(32);
  s.s(`ota_password: "${op}"`, 'generic', op);
  const ap = x.plainPw();
  s.s(`fallback_ap_password: ${ap}`, 'generic', ap);

  const d = repo.file('esphome/living-room-sensor.yaml', 'esphome');
  d.l('esphome:', '  name: living-room-sensor', 'esp32:', '  board: esp32dev', 'wifi:');
  d.d('  ssid: !secret wifi_ssid', 'secret reference');
  d.d('  password: !secret wifi_password', 'secret reference');
  d.l('  ap:', '    ssid: "Living-Room-Sensor"');
  d.d('    password: !secret fallback_ap_password', 'secret reference');
  d.l('api:', '  encryption:');
  d.d('    key: !secret api_encryption_key', 'secret reference');
  d.l('ota:', '  - platform: esphome');
  d.d('    password: !secret ota_password', 'secret reference');

  const d2 = repo.file('esphome/garage-door.yaml', 'esphome');
  d2.l('esphome:', '  name: garage-door', 'esp8266:', '  board: d1_mini', 'wifi:', '  ssid: "Garage"');
  const wp2 = x.plainPw();
  d2.s(`  password: "${wp2}"`, 'generic', wp2);
  d2.l('  manual_ip:', '    static_ip: 192.168.1.80', '    gateway: 192.168.1.1', 'api:', '  encryption:');
  const ek2 = x.esphomeKey();
  d2.s(`    key: "${ek2}"`, 'generic', ek2);
  d2.l('ota:', '  platform: esphome');
  const op2 = x.plainPw();
  d2.s(`  password: ${op2}`, 'generic', op2);
  d2.l('web_server:', '  port: 80', '  auth:', '    username: admin');
  const wsp = x.plainPw();
  d2.s(`    password: '${wsp}'`, 'generic', wsp);
  d2.l('switch:', '  - platform: gpio', '    pin: D1', '    name: "Garage Relay"');

  const d3 = repo.file('esphome/packages/common.yaml', 'esphome');
  d3.l('substitutions:', '  devicename: bedroom-plug');
  const ek3 = x.esphomeKey();
  d3.s(`  api_key: ${ek3}`, 'generic', ek3);
  d3.d('  api_key_ref: ${api_key}', 'substitution reference');
  d3.l('wifi:', '  networks:', '    - ssid: "Main"');
  const wp3 = x.plainPw();
  d3.s(`      password: ${wp3}`, 'generic', wp3);
  d3.d('    - ssid: "Backup"', 'ssid');
  d3.d('      password: ""', 'empty');
  const dash = repo.file('esphome/.esphome/build/living-room-sensor/src/main.cpp', 'esphome');
  dash.l('// Auto generated code by esphome', '#include "esphome.h"', 'void setup() {');
  const ek4 = x.esphomeKey();
  dash.s(
    `  api_apiserver->set_noise_psk({${Buffer.from(ek4, 'base64')
      .map((v) => v)
      .join(', ')}});`,
    'generic',
    `${Buffer.from(ek4, 'base64')
      .map((v) => v)
      .join(', ')}`,
  );
  const wp4 = x.plainPw();
  dash.s(`  wifi_wificomponent->add_sta(wifi::WiFiAP{.ssid = "IoT-Lab", .password = "${wp4}"});`, 'generic', wp4);
  dash.d(`  App.pre_setup("living-room-sensor", "", "", "", __DATE__ ", " __TIME__, false);`, 'code');
  dash.l('}');
}

// ---- Node-RED --------------------------------------------------------------------------------

function nodered(repo, t, x) {
  const s = repo.file('node-red/settings.js', 'nodered');
  s.l('module.exports = {', '    flowFile: "flows.json",');
  const cs = t.hex(40);
  s.s(`    credentialSecret: "${cs}",`, 'generic', cs);
  s.l('    adminAuth: {', '        type: "credentials",', '        users: [{', '            username: "admin",');
  s.d(`            password: "${x.bcrypt()}",`, 'bcrypt hash');
  s.l('            permissions: "*"', '        }]', '    },');
  s.d(`    httpNodeAuth: {user:"user",pass:"${x.bcrypt()}"},`, 'bcrypt hash');
  s.d('    // credentialSecret: "a-secret-key",', 'documented example');
  s.l('    uiPort: process.env.PORT || 1880,', '};');

  const fc = repo.file('node-red/flows_cred.json', 'nodered');
  fc.d(`{"$":"${t.hex(32)}${Buffer.from(x.bytes(180)).toString('base64')}"}`, 'encrypted credentials blob');

  const fc2 = repo.file('node-red-pi/flows_cred.json', 'nodered');
  const mqp = x.plainPw();
  const infl = x.influx();
  fc2.l('{');
  fc2.s(`    "${t.hex(16)}": {"user": "nodered", "password": "${mqp}"},`, 'generic', mqp);
  fc2.s(`    "${t.hex(16)}": {"token": "${infl}"},`, 'influxdb', infl);
  const tg = x.telegram();
  fc2.s(`    "${t.hex(16)}": {"token": "${tg}"}`, 'telegram', tg);
  fc2.l('}');

  const fl = repo.file('node-red/flows.json', 'nodered');
  fl.l('[');
  fl.d(
    `  {"id":"${t.hex(16)}","type":"mqtt-broker","name":"mosquitto","broker":"192.168.1.20","port":"1883","clientid":"nodered-${t.lower(6)}","usetls":false,"credentials":{}},`,
    'node ids',
  );
  const ha = x.haToken();
  fl.s(
    `  {"id":"${t.hex(16)}","type":"http request","method":"GET","url":"http://homeassistant.local:8123/api/states","headers":[{"keyType":"other","keyValue":"Authorization","valueType":"other","valueValue":"Bearer ${ha}"}]},`,
    'generic',
    ha,
  );
  const fn = t.mixed(ALNUM, 32);
  fl.s(
    `  {"id":"${t.hex(16)}","type":"function","name":"sign","func":"const apiKey = '${fn}';\\nmsg.headers = {'X-Api-Key': apiKey};\\nreturn msg;","outputs":1},`,
    'generic',
    fn,
  );
  fl.d(
    `  {"id":"${t.hex(16)}","type":"server","name":"Home Assistant","addon":false,"rejectUnauthorizedCerts":true}`,
    'node ids',
  );
  fl.l(']');
}

// ---- MQTT brokers, Zigbee2MQTT, Tasmota ------------------------------------------------------

function mqtt(repo, t, x) {
  const pw = repo.file('mosquitto/config/passwd', 'mqtt');
  for (const u of ['homeassistant', 'nodered', 'zigbee2mqtt', 'greenhouse'])
    pw.d(`${u}:${x.mosqHash()}`, 'mosquitto pbkdf2 hash');

  const mc = repo.file('mosquitto/config/mosquitto.conf', 'mqtt');
  mc.l('persistence true', 'persistence_location /mosquitto/data/', 'listener 1883', 'allow_anonymous false');
  mc.d('password_file /mosquitto/config/passwd', 'file reference');
  mc.l('', '# bridge to the cloud broker', 'connection cloud-bridge', 'address broker.hivemq.cloud:8883');
  mc.d('remote_username homebridge-01', 'username');
  const rp = x.plainPw();
  mc.s(`remote_password ${rp}`, 'generic', rp);
  mc.l('topic sensors/# out 1', 'bridge_cafile /etc/ssl/certs/ca-certificates.crt');
  mc.l('', 'connection psk-bridge', 'address 10.8.0.1:8884');
  mc.d('bridge_identity site-b', 'psk identity');
  const psk = t.hex(32);
  mc.s(`bridge_psk ${psk}`, 'generic', psk);

  const pf = repo.file('mosquitto/config/pskfile', 'mqtt');
  const p1 = t.hex(32);
  const p2 = t.hex(48);
  pf.s(`sensor-a:${p1}`, 'generic', p1);
  pf.s(`sensor-b:${p2}`, 'generic', p2);

  const z = repo.file('zigbee2mqtt/data/configuration.yaml', 'zigbee');
  z.l(
    'homeassistant: true',
    'permit_join: false',
    'mqtt:',
    '  base_topic: zigbee2mqtt',
    '  server: mqtt://192.168.1.20:1883',
  );
  z.d('  user: zigbee2mqtt', 'username');
  const zp = x.plainPw();
  z.s(`  password: ${zp}`, 'generic', zp);
  z.l('serial:');
  z.d(
    `  port: /dev/serial/by-id/usb-ITead_Sonoff_Zigbee_3.0_USB_Dongle_Plus_${t.hex(32)}-if00-port0`,
    'serial device path',
  );
  z.l('advanced:');
  const nk = x.bytes(16).join(', ');
  z.s(`  network_key: [${nk}]`, 'generic', nk);
  z.d(`  pan_id: ${Math.floor(x.bytes(1)[0] * 200 + 1000)}`, 'pan id');
  z.d(`  ext_pan_id: [${x.bytes(8).join(', ')}]`, 'extended pan id (broadcast)');
  z.d('  channel: 15', 'channel');
  z.l('frontend:', '  port: 8080');
  const ft = t.mixed(ALNUM, 24);
  z.s(`  auth_token: ${ft}`, 'generic', ft);
  z.l('devices:');
  z.d(`  '0x${t.hex(16)}':`, 'ieee address');
  z.l('    friendly_name: hallway_motion');
  z.d(`  '0x${t.hex(16)}':`, 'ieee address');
  z.l('    friendly_name: kitchen_plug');

  const z2 = repo.file('zigbee2mqtt-basement/configuration.yaml', 'zigbee');
  z2.l('mqtt:', '  server: mqtt://core-mosquitto');
  z2.d("  password: '!secret.yaml password'", 'z2m secret reference');
  z2.l('advanced:');
  z2.d('  network_key: GENERATE', 'keyword');
  z2.d('  pan_id: GENERATE', 'keyword');
  z2.l('  log_level: info');
  const z3 = repo.file('zigbee2mqtt-garden/configuration.yaml', 'zigbee');
  z3.l('advanced:', '  network_key:');
  const nkb = x.bytes(16);
  const nkLines = nkb.map((v) => `    - ${v}`);
  z3.s(nkLines, 'generic', nkLines.join('\n'));
  z3.l('  last_seen: ISO_8601');
  const tas = repo.file('tasmota/backlog-setup.txt', 'tasmota');
  tas.l('# paste into the Tasmota console after flashing');
  const tw = x.plainPw();
  const tm = x.plainPw();
  tas.s(`Backlog SSId1 IoT-Lab; Password1 ${tw}; Hostname plug-%06X`, 'generic', tw);
  tas.s(`Backlog MqttHost 192.168.1.20; MqttUser tasmota; MqttPassword ${tm}; Topic plug_kitchen`, 'generic', tm);
  tas.d('WebPassword ****', 'masked in console echo');
  const tover = repo.file('tasmota/user_config_override.h', 'tasmota');
  tover.l('#ifndef _USER_CONFIG_OVERRIDE_H_', '#define _USER_CONFIG_OVERRIDE_H_');
  tover.d('#undef  STA_SSID1', 'directive');
  tover.d('#define STA_SSID1         "IoT-Lab"', 'ssid');
  tover.l('#undef  STA_PASS1');
  const tp = x.plainPw();
  tover.s(`#define STA_PASS1         "${tp}"     // [Password1] Wifi password`, 'generic', tp);
  tover.l('#undef  MQTT_PASS');
  const tmp = x.plainPw();
  tover.s(`#define MQTT_PASS         "${tmp}"`, 'generic', tmp);
  tover.d('#define STA_PASS2         ""                // [Password2] Optional alternate AP Wifi password', 'empty');
  tover.l('#endif');
}

// ---- Network: OpenWrt, wpa_supplicant, hostapd, cloud-init -----------------------------------

function network(repo, t, x) {
  const w = repo.file('openwrt/files/etc/config/wireless', 'network');
  w.l("config wifi-device 'radio0'", "\toption type 'mac80211'", "\toption band '5g'");
  w.d(`\toption macaddr '${x.mac().toLowerCase()}'`, 'mac');
  w.l('', "config wifi-iface 'default_radio0'", "\toption device 'radio0'", "\toption mode 'ap'");
  w.d("\toption ssid 'OpenWrt-Home'", 'ssid');
  w.l("\toption encryption 'sae-mixed'");
  const k1 = x.human().replace(/'/g, '');
  w.s(`\toption key '${k1}'`, 'generic', k1);
  w.l('', "config wifi-iface 'wifinet2'", "\toption mode 'sta'", "\toption encryption 'wpa2-eap'");
  w.d("\toption identity 'jdoe@uni.example'", 'identity');
  const eap = x.plainPw();
  w.s(`\toption password "${eap}"`, 'generic', eap);
  w.l('', "config wifi-iface 'guest'", "\toption ssid 'Guest'");
  const k2 = x.plainPw();
  w.s(`\toption key ${k2}`, 'generic', k2);
  w.d("\toption key '1'  # WEP key index", 'key index number');

  const n = repo.file('openwrt/files/etc/config/network', 'network');
  n.l("config interface 'wan'", "\toption proto 'pppoe'");
  n.d("\toption username 'dsl-1234567@isp.example'", 'username');
  const pp = x.plainPw();
  n.s(`\toption password '${pp}'`, 'generic', pp);
  n.l('', "config interface 'wg0'", "\toption proto 'wireguard'");
  const wgk = Buffer.from(x.bytes(32)).toString('base64');
  n.s(`\toption private_key '${wgk}'`, 'wireguard', wgk);
  n.l('', 'config wireguard_wg0', "\toption description 'phone'");
  n.d(`\toption public_key '${Buffer.from(x.bytes(32)).toString('base64')}'`, 'wireguard public key');
  const wpsk = Buffer.from(x.bytes(32)).toString('base64');
  n.s(`\toption preshared_key '${wpsk}'`, 'wireguard', wpsk);
  n.d("\tlist allowed_ips '10.14.0.2/32'", 'network');
  const wp = repo.file('raspberrypi/boot/wpa_supplicant.conf', 'network');
  wp.l('ctrl_interface=DIR=/var/run/wpa_supplicant GROUP=netdev', 'update_config=1', 'country=DE', '', 'network={');
  wp.d('    ssid="Familie-WLAN"', 'ssid');
  const pskPlain = x.human().replace(/"/g, '');
  wp.s(`    psk="${pskPlain}"`, 'generic', pskPlain);
  wp.l('}', '', 'network={');
  wp.d('    ssid="Office"', 'ssid');
  const pskPlain2 = x.plainPw();
  wp.s(`    #psk="${pskPlain2}"`, 'generic', pskPlain2);
  const derived = t.hex(64);
  wp.s(`    psk=${derived}`, 'generic', derived);
  wp.l('}', '', 'network={', '    ssid="eduroam"', '    key_mgmt=WPA-EAP', '    eap=PEAP');
  wp.d('    identity="student@uni.example"', 'identity');
  const eap2 = x.plainPw();
  wp.s(`    password="${eap2}"`, 'generic', eap2);
  wp.d(`    bssid=${x.mac().toLowerCase()}`, 'bssid');
  wp.d('    ca_cert="/etc/ssl/certs/T-TeleSec_GlobalRoot_Class_2.pem"', 'file reference');
  wp.l('}');
  const wp2 = repo.file('docs/wifi-setup.md', 'network');
  wp2.l('# Headless Wi-Fi setup', '', 'Put this file on the boot partition:', '', '```');
  wp2.d('network={', 'text');
  wp2.d('    ssid="YOUR_NETWORK_NAME"', 'placeholder');
  wp2.d('    psk="YOUR_WIFI_PASSWORD"', 'placeholder');
  wp2.l('}', '```', '');
  wp2.d('Use `wpa_passphrase "YOUR_NETWORK_NAME" "YOUR_WIFI_PASSWORD"` to get the hashed form.', 'placeholder');
  const ourPsk = x.plainPw();
  wp2.s(`For the lab bench: the network is \`IoT-Lab\`, passphrase \`${ourPsk}\`.`, 'generic', ourPsk);

  const h = repo.file('raspberrypi/hostapd/hostapd.conf', 'network');
  h.l('interface=wlan0', 'driver=nl80211');
  h.d('ssid=PiAP', 'ssid');
  h.l('hw_mode=g', 'channel=7', 'wpa=2', 'wpa_key_mgmt=WPA-PSK', 'rsn_pairwise=CCMP');
  const hp = x.plainPw();
  h.s(`wpa_passphrase=${hp}`, 'generic', hp);
  h.d('#wpa_passphrase=raspberry', 'commented default placeholder');
  h.l('ieee8021x=0', 'auth_server_addr=192.168.1.5', 'auth_server_port=1812');
  const rs = t.mixed(ALNUM, 20);
  h.s(`auth_server_shared_secret=${rs}`, 'generic', rs);
  h.d('wpa_psk_file=/etc/hostapd/hostapd.wpa_psk', 'file reference');
  const hpf = repo.file('raspberrypi/hostapd/hostapd.wpa_psk', 'network');
  const hpk = t.hex(64);
  hpf.s(`00:00:00:00:00:00 ${hpk}`, 'generic', hpk);
  const hpk2 = x.plainPw();
  hpf.s(`${x.mac().toLowerCase()} ${hpk2}`, 'generic', hpk2);

  const ci = repo.file('raspberrypi/cloud-init/user-data', 'network');
  ci.l(
    '#cloud-config',
    'hostname: pi-gateway',
    'manage_etc_hosts: true',
    'users:',
    '  - name: pi',
    '    groups: sudo',
    '    shell: /bin/bash',
    '    lock_passwd: false',
  );
  ci.d(`    passwd: ${x.sha512crypt()}`, 'sha512crypt hash');
  ci.d(
    `    ssh_authorized_keys:\n      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${t.mixed(B64, 43)} pi@laptop`,
    'public ssh key',
  );
  const cp = x.plainPw();
  ci.s(
    ['chpasswd:', '  expire: false', '  users:', `    - {name: ubuntu, password: ${cp}, type: text}`],
    'generic',
    cp,
  );
  ci.l('ssh_pwauth: true');
  const fr = repo.file('raspberrypi/boot/firstrun.sh', 'network');
  fr.l('#!/bin/bash', 'set +e', 'FIRSTUSER=`getent passwd 1000 | cut -d: -f1`');
  fr.d(`echo "$FIRSTUSER:"'$5$${t.mixed(ALNUM, 10)}$${t.mixed(ALNUM + './', 43)}' | chpasswd -e`, 'sha256crypt hash');
  const frk = t.hex(64);
  fr.s(`/usr/lib/raspberrypi-sys-mods/imager_custom set_wlan 'Familie-WLAN' '${frk}' 'DE'`, 'generic', frk);
}

// ---- Cloud IoT: AWS IoT, Azure IoT Hub, Particle, Balena, Blynk, Adafruit --------------------

function cloud(repo, t, x) {
  const key = t.rsaPem();
  repo.file('devices/pump-01/certs/private.pem.key', 'cloud').s(key, 'private-key', key.join('\n'));
  repo.file('devices/pump-01/certs/certificate.pem.crt', 'cloud').d(x.cert(), 'device certificate (public)');
  const pub = repo.file('devices/pump-01/certs/public.pem.key', 'cloud');
  pub.d(
    [
      '-----BEGIN PUBLIC KEY-----',
      ...Buffer.from(x.bytes(294))
        .toString('base64')
        .match(/.{1,64}/g),
      '-----END PUBLIC KEY-----',
    ],
    'public key',
  );
  const gg = repo.file('devices/pump-01/config.json', 'cloud');
  gg.l('{');
  gg.d(`  "certificateId": "${t.sha256()}",`, 'aws iot certificate id (public)');
  gg.d(`  "certificateArn": "arn:aws:iot:eu-central-1:${t.digits(12)}:cert/${t.sha256()}",`, 'arn');
  gg.d('  "thingName": "pump-01",', 'name');
  gg.d(`  "endpoint": "${t.lower(14)}-ats.iot.eu-central-1.amazonaws.com"`, 'endpoint');
  gg.l('}');

  const az = repo.file('devices/azure-sensor/src/config.h', 'cloud');
  const sak = x.azureSak();
  az.s(
    `#define IOT_CONFIG_CONNECTION_STRING "HostName=acme-iot-hub.azure-devices.net;DeviceId=sensor-07;SharedAccessKey=${sak}"`,
    'azure',
    sak,
  );
  az.d('#define IOT_CONFIG_DEVICE_ID "sensor-07"', 'device id');
  az.d('#define DPS_ID_SCOPE "0ne00A1B2C3"', 'dps id scope');
  az.d(`#define IOT_CONFIG_DEVICE_CERT_THUMBPRINT "${t.sha1().toUpperCase()}"`, 'x509 thumbprint');
  const azp = repo.file('devices/azure-sensor/simulate.py', 'cloud');
  azp.l('from azure.iot.device import IoTHubDeviceClient');
  const sak2 = x.azureSak();
  azp.s(`CONN = "HostName=acme-iot-hub.azure-devices.net;DeviceId=sim-01;SharedAccessKey=${sak2}"`, 'azure', sak2);
  azp.d('CONN_TEMPLATE = "HostName={hub}.azure-devices.net;DeviceId={device};SharedAccessKey={key}"', 'template');
  const sig = encodeURIComponent(Buffer.from(x.bytes(32)).toString('base64'));
  azp.s(
    `SAS = "SharedAccessSignature sr=acme-iot-hub.azure-devices.net%2Fdevices%2Fsim-01&sig=${sig}&se=2081376000"`,
    'azure',
    sig,
  );
  const pt2 = x.particle();
  const pas = repo.file('particle/tank-level/scripts/flash.sh', 'cloud');
  pas.l('#!/bin/sh');
  pas.s(`particle login --token ${pt2}`, 'particle', pt2);
  pas.d(`particle flash ${t.hex(24)} firmware.bin`, 'device id');
  const pt3 = x.particle();
  pas.s(
    `curl https://api.particle.io/v1/devices/events -d access_token=${pt3} -d name=tank/level -d data=42`,
    'particle',
    pt3,
  );
  const ba = repo.file('balena/fleet-sensors/deploy.sh', 'cloud');
  ba.l('#!/usr/bin/env bash', 'set -e');
  const bk = x.balena();
  ba.s(`balena login --token ${bk}`, 'balena', bk);
  ba.d(`balena env add MQTT_HOST mqtt.home.lan --device ${t.hex(32)}`, 'balena device uuid (public id)');
  const bmp = x.plainPw();
  ba.s(`balena env add MQTT_PASSWORD '${bmp}' --fleet fleet-sensors`, 'generic', bmp);
  ba.d('balena push fleet-sensors', 'command');
  const bc = repo.file('balena/fleet-sensors/docker-compose.yml', 'cloud');
  bc.l("version: '2.1'", 'services:', '  influxdb:', '    image: influxdb:2.7', '    environment:');
  bc.l('      DOCKER_INFLUXDB_INIT_MODE: setup', '      DOCKER_INFLUXDB_INIT_USERNAME: admin');
  const bip = x.plainPw();
  bc.s(`      DOCKER_INFLUXDB_INIT_PASSWORD: ${bip}`, 'generic', bip);
  const bit = x.influx();
  bc.s(`      DOCKER_INFLUXDB_INIT_ADMIN_TOKEN: "${bit}"`, 'influxdb', bit);
  bc.l('  grafana:', '    image: grafana/grafana:10.4.2', '    environment:');
  const gp = x.plainPw();
  bc.s(`      - GF_SECURITY_ADMIN_PASSWORD=${gp}`, 'generic', gp);
  bc.d('      - GF_SECURITY_ADMIN_USER=admin', 'username');
  bc.d('    labels:\n      io.balena.features.supervisor-api: 1', 'label');
}

// ---- LoRaWAN ---------------------------------------------------------------------------------

function lorawan(repo, t, x) {
  const l = repo.file('lorawan/soil-node/soil-node.ino', 'lorawan');
  l.l('#include <lmic.h>', '#include <hal/hal.h>', '', '// This EUI must be in little-endian format');
  l.d(`static const u1_t PROGMEM APPEUI[8] = { ${x.cBytes(8)} };`, 'app/join eui (public)');
  l.d(`static const u1_t PROGMEM DEVEUI[8] = { ${x.cBytes(8)} };`, 'dev eui (public)');
  l.l('// This key should be in big endian format');
  const ak = x.cBytes(16);
  l.s(`static const u1_t PROGMEM APPKEY[16] = { ${ak} };`, 'generic', ak);
  l.l('void os_getArtEui (u1_t* buf) { memcpy_P(buf, APPEUI, 8);}');

  const abp = repo.file('lorawan/abp-tracker/src/main.cpp', 'lorawan');
  const nws = x.cBytes(16);
  const aps = x.cBytes(16);
  abp.s(`static const PROGMEM u1_t NWKSKEY[16] = { ${nws} };`, 'generic', nws);
  abp.s(`static const u1_t PROGMEM APPSKEY[16] = { ${aps} };`, 'generic', aps);
  abp.d(`static const u4_t DEVADDR = 0x${x.hexU(8)};`, 'device address');
  abp.d(
    'static const u1_t PROGMEM EMPTYKEY[16] = { 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00 };',
    'zero key',
  );

  const rak2 = repo.file('lorawan/rak-node/at-commands.txt', 'lorawan');
  rak2.d(`AT+DEVEUI=${x.eui()}`, 'dev eui');
  rak2.d(`AT+APPEUI=${x.eui()}`, 'join eui');
  const atk = x.hexU(32);
  rak2.s(`AT+APPKEY=${atk}`, 'generic', atk);
  rak2.d('AT+JOIN=1:0:10:8', 'command');

  const mb = repo.file('lorawan/mbed-node/mbed_app.json', 'lorawan');
  mb.l('{', '  "target_overrides": {', '    "*": {', '      "lora.over-the-air-activation": true,');
  mb.d(`      "lora.device-eui": "{ ${x.cBytes(8)} }",`, 'dev eui');
  mb.d(`      "lora.application-eui": "{ ${x.cBytes(8)} }",`, 'app eui');
  const mk = x.cBytes(16);
  mb.s(`      "lora.application-key": "{ ${mk} }"`, 'generic', mk);
  mb.l('    }', '  }', '}');

  const tt = repo.file('lorawan/ttn/devices.csv', 'lorawan');
  tt.d('id,dev_eui,join_eui,app_key,frequency_plan_id', 'header');
  for (let i = 1; i <= 3; i++) {
    const k = x.hexU(32);
    tt.s(`soil-${i},${x.eui()},${'0'.repeat(16)},${k},EU_863_870_TTN`, 'generic', k);
  }
  const tc = repo.file('lorawan/ttn/.env', 'lorawan');
  const tk = x.ttnApiKey();
  tc.s(`TTN_API_KEY=${tk}`, 'ttn', tk);
  tc.d('TTN_APP_ID=soil-sensors', 'app id');
  tc.d(
    'TTN_API_KEY_EXAMPLE=NNSXS.XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX.XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
    'placeholder',
  );
  const tp = repo.file('lorawan/ttn/uplink_to_influx.py', 'lorawan');
  tp.l('import paho.mqtt.client as mqtt', 'c = mqtt.Client()');
  const tk2 = x.ttnApiKey();
  tp.s(`c.username_pw_set("soil-sensors@ttn", "${tk2}")`, 'ttn', tk2);
  tp.l('c.connect("eu1.cloud.thethings.network", 1883)');
  const cs = repo.file('lorawan/chirpstack/integration.toml', 'lorawan');
  cs.l('[chirpstack]', 'server = "http://chirpstack.home.lan:8080"');
  const ct = x.chirp();
  cs.s(`api_token = "${ct}"`, 'generic', ct);
  cs.d(`application_id = "${t.uuid()}"`, 'uuid');
  const csc = repo.file('lorawan/chirpstack/chirpstack.toml', 'lorawan');
  csc.l('[api]', 'bind = "0.0.0.0:8080"');
  const csec = t.mixed(B64, 44);
  csc.s(`secret = "${csec}"`, 'generic', csec);
  csc.d('# secret = "you-must-replace-this"', 'documented placeholder');
  csc.l('[postgresql]');
  const cpg = x.plainPw();
  csc.s(`dsn = "postgres://chirpstack:${cpg}@localhost/chirpstack?sslmode=disable"`, 'generic', cpg);
}

// ---- 3D printers: OctoPrint, Klipper/Moonraker -----------------------------------------------

function printers(repo, t, x) {
  const o = repo.file('printers/octoprint/config.yaml', 'printers');
  o.l('accessControl:');
  o.d(`  salt: ${t.mixed(ALNUM, 32)}`, 'password hashing salt');
  o.l('api:');
  const ok = x.octoKeyOld();
  o.s(`  key: ${ok}`, 'generic', ok);
  o.l('plugins:', '  telegram:', '    chats:');
  o.d(`      '${t.digits(9)}':`, 'chat id');
  o.l('        accept_commands: true');
  const tg = x.telegram();
  o.s(`    token: ${tg}`, 'telegram', tg);
  o.l('  octolapse: {}', 'server:');
  const sk = t.mixed(ALNUM, 32);
  o.s(`  secretKey: ${sk}`, 'generic', sk);
  o.d(`  seenWizards: {corewizard: 4, tracking: null}`, 'settings');
  o.l('webcam:', '  stream: /webcam/?action=stream');
  const ou = repo.file('printers/octoprint/users.yaml', 'printers');
  ou.l('admin:', '  active: true');
  ou.d(`  password: ${t.hex(128)}`, 'sha512 password hash');
  const ouk = x.octoKey();
  ou.s(`  apikey: ${ouk}`, 'generic', ouk);
  ou.l('  roles: [user, admin]');
  const osh = repo.file('printers/octoprint/scripts/upload.sh', 'printers');
  const ok3 = x.octoKey();
  osh.l('#!/bin/sh');
  osh.s(`curl -H "X-Api-Key: ${ok3}" -F "file=@$1" -F select=true http://octopi.local/api/files/local`, 'generic', ok3);
  osh.d('curl -H "X-Api-Key: $OCTOPRINT_API_KEY" http://octopi.local/api/job', 'env reference');

  const m = repo.file('printers/klipper/moonraker.conf', 'printers');
  m.l('[server]', 'host: 0.0.0.0', 'port: 7125', '', '[authorization]', 'trusted_clients:', '    192.168.1.0/24');
  m.d('[secrets]', 'section');
  m.l('', '[mqtt]', 'address: 192.168.1.20', 'username: moonraker');
  m.d('password: {secrets.mqtt_credentials.password}', 'template reference');
  m.l('', '[notifier telegram]');
  const tg2 = x.telegram();
  m.s(`url: tgram://${tg2}/${t.digits(9)}`, 'telegram', tg2);
  m.l('events: error, complete');
  const ms = repo.file('printers/klipper/moonraker.secrets', 'printers');
  ms.l('[mqtt_credentials]', 'username: moonraker');
  const mp = x.plainPw();
  ms.s(`password: ${mp}`, 'generic', mp);
  ms.l('', '[home_assistant]');
  const mht = x.haToken();
  ms.s(`token: ${mht}`, 'generic', mht);
  const kf = repo.file('printers/klipper/.moonraker_api_key', 'printers');
  const mk = t.hex(32);
  kf.s(mk, 'generic', mk);
}

// ---- everything else: Frigate, serial logs, README, docker-compose, firmware manifests -------

function misc(repo, t, x) {
  const f = repo.file('frigate/config.yml', 'misc');
  f.l('mqtt:', '  host: 192.168.1.20', '  user: frigate');
  f.d('  password: "{FRIGATE_MQTT_PASSWORD}"', 'frigate env substitution');
  f.l('cameras:', '  driveway:', '    ffmpeg:', '      inputs:');
  const c1 = x.plainPw();
  f.s(`        - path: rtsp://viewer:${c1}@192.168.1.62:554/cam/realmonitor?channel=1&subtype=0`, 'generic', c1);
  f.l('          roles: [detect, record]');
  f.d('        - path: rtsp://admin:{FRIGATE_RTSP_PASSWORD}@192.168.1.63:554/h264Preview_01_main', 'env substitution');
  f.l('go2rtc:', '  streams:');
  const c2 = x.plainPw();
  f.s(`    garden: "rtsp://admin:${c2}@192.168.1.64:554/stream1"`, 'generic', c2);

  const log = repo.file('firmware/greenhouse-node/logs/serial-2026-02-11.log', 'misc');
  log.d('ets Jun  8 2016 00:22:57', 'boot rom');
  log.d('rst:0x1 (POWERON_RESET),boot:0x13 (SPI_FAST_FLASH_BOOT)', 'boot');
  const lp = x.plainPw();
  log.s(`[  1203][I][main.cpp:41] setup(): Connecting to Greenhouse-412 with password ${lp}`, 'generic', lp);
  log.d(`[  3310][I][main.cpp:55] setup(): WiFi connected, IP 192.168.1.57, MAC ${x.mac()}`, 'mac');
  log.d(`[  3412][I][ota.cpp:12] Firmware sha256: ${t.sha256()}`, 'firmware hash');
  const lq = x.plainPw();
  log.s(`[  3521][D][mqtt.cpp:88] connect user=greenhouse pass=${lq} client=greenhouse-esp32`, 'generic', lq);
  log.d(`[  3522][D][mqtt.cpp:90] session token ********, rc=0`, 'masked');
  const dc = repo.file('docker-compose.yml', 'misc');
  dc.l(
    'services:',
    '  homeassistant:',
    '    image: ghcr.io/home-assistant/home-assistant:stable',
    '    network_mode: host',
    '  mosquitto:',
    '    image: eclipse-mosquitto:2',
  );
  dc.l('  zigbee2mqtt:', '    image: koenkk/zigbee2mqtt:1.40.1', '    environment:');
  const zmp = x.plainPw();
  dc.s(`      - ZIGBEE2MQTT_CONFIG_MQTT_PASSWORD=${zmp}`, 'generic', zmp);
  dc.d('      - TZ=Europe/Berlin', 'tz');
  dc.l('  nodered:', '    image: nodered/node-red:4.0', '    environment:');
  const ncs = x.plainPw();
  dc.s(`      NODE_RED_CREDENTIAL_SECRET: "${ncs}"`, 'generic', ncs);
  dc.l('  frigate:', '    image: ghcr.io/blakeblackshear/frigate:stable', '    environment:');
  const frp = x.plainPw();
  dc.s(`      FRIGATE_RTSP_PASSWORD: '${frp}'`, 'generic', frp);
  dc.d('      FRIGATE_MQTT_PASSWORD: ${FRIGATE_MQTT_PASSWORD:?}', 'compose variable');
  dc.d(`    image: ghcr.io/esphome/esphome@sha256:${t.sha256()}`, 'image digest');

  const rd = repo.file('README.md', 'misc');
  rd.l('# home-lab', '', 'Everything that runs the house: Home Assistant, Zigbee2MQTT, ESPHome nodes, printers.', '');
  rd.d(
    'Copy `esphome/secrets.example.yaml` to `secrets.yaml` and set `wifi_password: "YOUR_WIFI_PASSWORD"`.',
    'placeholder',
  );
  rd.d('The Home Assistant long-lived token goes into `HA_TOKEN=<long-lived-access-token>`.', 'placeholder');
  rd.d(`Zigbee coordinator IEEE: \`0x${t.hex(16)}\`, firmware \`20240710\`.`, 'ieee address');
  const hk = x.hue();
  rd.s(`Hue bridge API user (created 2025-06): \`${hk}\` — regenerate if the bridge is reset.`, 'hue', hk);
  const ex = repo.file('esphome/secrets.example.yaml', 'misc');
  ex.d('wifi_ssid: "YOUR_SSID"', 'placeholder');
  ex.d('wifi_password: "YOUR_WIFI_PASSWORD"', 'placeholder');
  ex.d('api_encryption_key: "<generate with: openssl rand -base64 32>"', 'placeholder');
  ex.d('ota_password: "changeme"', 'placeholder');

  const hue = repo.file('scripts/hue_scene.sh', 'misc');
  const hk2 = x.hue();
  hue.l('#!/bin/sh', 'BRIDGE=192.168.1.10');
  hue.s(`curl -X PUT -d '{"on":true}' "http://$BRIDGE/api/${hk2}/groups/1/action"`, 'hue', hk2);
  hue.d('curl -X POST -d \'{"devicetype":"my_hue_app#iphone"}\' "http://$BRIDGE/api"', 'pairing request');
  const hck = t.mixed(HEX.toUpperCase(), 32);
  hue.s(`HUE_CLIENTKEY=${hck}  # entertainment api psk`, 'hue', hck);
}
