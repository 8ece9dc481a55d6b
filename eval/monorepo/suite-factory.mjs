// Industrial manufacturer OT/IT monorepo (Forgeline): C/C++ PLC gateway firmware and Yocto images,
// OPC UA and Modbus/MQTT bridges, Ignition project exports, OSIsoft PI / AVEVA and InfluxDB / Grafana
// historian configs, a C# .NET MES service (appsettings, web.config, SAP NCo), SAP ERP RFC/BAPI
// connectors (Java JCo and ABAP), Node-RED flows, Python quality-inspection ML and notebooks, Azure
// IoT Hub / DPS and AWS IoT Greengrass provisioning, Siemens / Rockwell engineering notes, Ansible for
// the plant-floor Linux boxes, Windows batch and PowerShell for HMI PCs, Cisco and Fortinet configs,
// k3s at the edge, Terraform (Azure), Docker, Azure DevOps pipelines, syslog and app logs, CMMS and
// chat exports, and docs.
import { ALNUM, B64, DIGIT, HEX, LOWER, UPPER, URLSAFE, Repo, makeTokens, mulberry32 } from './generate.mjs';

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 6271 + 887);
  const t = makeTokens(rand);
  const repo = new Repo();
  const g = gens(t);
  firmware(repo, t, g);
  yocto(repo, t, g);
  bridges(repo, t, g);
  ignition(repo, t, g);
  historian(repo, t, g);
  mes(repo, t, g);
  sap(repo, t, g);
  nodered(repo, t, g);
  qualityMl(repo, t, g);
  provisioning(repo, t, g);
  engineering(repo, t, g);
  ansible(repo, t, g);
  hmiWindows(repo, t, g);
  network(repo, t, g);
  edgeK3s(repo, t, g);
  terraform(repo, t, g);
  docker(repo, t, g);
  ci(repo, t, g);
  logs(repo, t, g);
  tickets(repo, t, g);
  docs(repo, t, g);
  noise(repo, t, g);
  return repo;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(str) {
  let c = 0xffffffff;
  for (const b of Buffer.from(str)) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

// Cisco "type 7" is a reversible XOR obfuscation with a published key, so the encoded form is as
// good as the plain password.
const TYPE7_XLAT = 'dsfd;kfoA,.iyewrkldJKDHSUBsgvca69834ncxv9873254k;fg87';

function gens(t) {
  const b64 = (n) => t.mixed(B64, n);
  const enc = (s) => Buffer.from(s).toString('base64');
  const b64url = (s) => Buffer.from(s).toString('base64url');
  const WORDS = ['Anvil', 'Forge', 'Ingot', 'Lathe', 'Piston', 'Turbine', 'Spindle', 'Rivet', 'Crucible', 'Gantry'];
  const word = () => WORDS[Number(t.pick(DIGIT, 1))];
  // What plant engineers pick for shared service, HMI and PLC accounts.
  const human = () => {
    const sym = t.pick('!#@*.', 1);
    switch (t.pick('0123', 1)) {
      case '0':
        return `${word()}20${t.pick('12', 1)}${t.pick(DIGIT, 1)}${sym}`;
      case '1':
        return `${word()}${sym}${t.pick(DIGIT, 2)}${word().toLowerCase()}`;
      case '2':
        return `Fl${word()}${t.pick(DIGIT, 3)}${sym}`;
      default:
        return `${word().toLowerCase()}-${word()}-${t.pick(DIGIT, 4)}`;
    }
  };
  // Password-manager output, safe inside XML, connection strings and quoted YAML.
  const gen = (n = 20) => `${t.pick(UPPER + LOWER, 1)}${t.mixed(ALNUM + '!#*-_?@^+', n - 1)}`;
  const plain = (n = 18) => t.alnum(n);
  const jwtOf = (header, payload, sigLen) =>
    `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}.${t.mixed(URLSAFE, sigLen)}`;
  return {
    b64,
    enc,
    b64url,
    human,
    gen,
    plain,
    pw: () => t.password(),
    // Azure IoT Hub / Event Hubs / Service Bus shared access keys: 32 random bytes, base64.
    sasKey: () => `${b64(43)}=`,
    // DPS enrollment-group keys: 64 random bytes, base64.
    dpsKey: () => `${b64(86)}==`,
    sasSig: () => encodeURIComponent(`${b64(43)}=`),
    azSecret: () => t.azureClientSecret(),
    acrPw: () => `${t.mixed(ALNUM, 42)}+ACR${t.mixed(ALNUM, 6)}`,
    adoPat: () => t.mixed('abcdefghijklmnopqrstuvwxyz234567', 52),
    apimKey: () => t.hex(32),
    // InfluxDB 2.x API tokens: 64 random bytes, base64url with padding.
    influx: () => `${t.mixed(URLSAFE, 86)}==`,
    influxOrg: () => t.pick(HEX, 16),
    // Grafana service-account token: glsa_ + 32 chars + _ + crc32 of the rest, as little-endian hex
    // (satokengen.CalculateChecksum).
    glsa: () => {
      const body = `glsa_${t.alnum(32)}`;
      const sum = Buffer.alloc(4);
      sum.writeUInt32LE(crc32(body));
      return `${body}_${sum.toString('hex')}`;
    },
    // Grafana Cloud access-policy token: glc_ + base64 of a small JSON document.
    glc: () =>
      `glc_${enc(JSON.stringify({ o: t.digits(6), n: `stack-${t.digits(6)}-alloy-plant-mke`, k: t.mixed(ALNUM, 24), m: { r: 'prod-us-east-0' } }))}`,
    hf: () => `hf_${t.pick(UPPER + LOWER, 34)}`,
    wandb: () => t.hex(40),
    dockerPat: () => `dckr_pat_${t.mixed(URLSAFE, 27)}`,
    vault: () => `hvs.CAESI${t.mixed(URLSAFE, 86)}`,
    tailscale: () => `tskey-auth-k${t.mixed(ALNUM, 10)}CNTRL-${t.mixed(ALNUM, 33)}`,
    k3s: () => `K10${t.pick(HEX, 64)}::server:${t.hex(32)}`,
    teams: (v2 = false) =>
      `https://forgeline.webhook.office.com/webhookb2/${t.uuid()}@${t.uuid()}/IncomingWebhook/${t.hex(32)}/${t.uuid()}${v2 ? `/V2${t.mixed(URLSAFE, 43)}` : ''}`,
    telegram: () => `${t.digits(10)}:AA${t.mixed(URLSAFE, 33)}`,
    pagerduty: () => t.hex(32),
    artRef: () => enc(`reftkn:01:${t.digits(10)}:${t.mixed(ALNUM, 32)}`),
    artKey: () => `AKCp8${t.mixed(ALNUM, 68)}`,
    xsuaa: () => `${t.uuid()}$${t.mixed(URLSAFE, 43)}=`,
    mender: () =>
      jwtOf(
        { alg: 'RS256', typ: 'JWT' },
        { 'mender.tenant': t.pick(HEX, 24), iss: 'Mender', sub: t.pick(HEX, 24) },
        342,
      ),
    type7: (pw) => {
      const seed = parseInt(t.pick(HEX, 1), 16);
      let out = String(seed).padStart(2, '0');
      for (let i = 0; i < pw.length; i++)
        out += (pw.charCodeAt(i) ^ TYPE7_XLAT.charCodeAt((seed + i) % TYPE7_XLAT.length))
          .toString(16)
          .toUpperCase()
          .padStart(2, '0');
      return out;
    },
    minioAccess: () => t.mixed(UPPER + DIGIT, 20),
    minioSecret: () => t.mixed(ALNUM, 40),
    forti: () => t.mixed(LOWER + DIGIT, 30),
    wifiPsk: () => `${t.pick(UPPER, 1)}${t.mixed(ALNUM + '#%-', 15)}`,
    aesBytes: (n = 16) => Array.from({ length: n }, () => `0x${t.pick('0123456789ABCDEF', 2)}`).join(', '),
    piWebId: () => `F1DP${t.mixed(URLSAFE, 22)}AAAA${t.mixed(URLSAFE, 30)}`,
    sha512crypt: () => `$6$${t.mixed(ALNUM + './', 16)}$${t.mixed(ALNUM + './', 86)}`,
    bcrypt: (cost = '10') => `$2b$${cost}$${t.mixed(ALNUM + './', 53)}`,
    mosqHash: () => `$7$101$${b64(22)}==$${b64(86)}==`,
    type9: () => `$9$${t.mixed(ALNUM + './', 14)}$${t.mixed(ALNUM + './', 43)}`,
    fortiHash: () => `SH2${t.mixed(ALNUM + '+/', 58)}=`,
    certLines: () => [
      '-----BEGIN CERTIFICATE-----',
      `MIIDdzCCAl+gAwIBAgIU${b64(44)}`,
      b64(64),
      b64(64),
      b64(64),
      `${b64(40)}=`,
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
    sshPub: (who) => `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${b64(43)} ${who}`,
  };
}

// ---- C/C++ PLC gateway firmware ----------------------------------------------------------------

function firmware(repo, t, g) {
  const h = repo.file('firmware/plc-gateway/src/config/fl_secrets.h', 'c');
  const psk = g.wifiPsk();
  const mq = g.gen(20);
  const iot = g.sasKey();
  const aes = g.aesBytes(16);
  const ota = g.plain(32);
  h.l(
    '#ifndef FL_SECRETS_H',
    '#define FL_SECRETS_H',
    '',
    '/* Build-time credentials for the FG-200 PLC gateway.',
    ' * TODO(FW-812): move these into the ATECC608 secure element before the 3.x release. */',
    '',
    '#define FL_WIFI_SSID            "FL-PLANT-OT"',
  );
  h.s(`#define FL_WIFI_PSK             "${psk}"`, 'generic', psk);
  h.l(
    '#define FL_MQTT_HOST            "mqtt.ot.forgeline.local"',
    '#define FL_MQTT_PORT            8883',
    '#define FL_MQTT_USER            "gw-line3"',
  );
  h.s(`#define FL_MQTT_PASSWORD        "${mq}"`, 'generic', mq);
  h.l('#define FL_MQTT_PASSWORD_MAXLEN 64');
  h.s(
    `#define FL_IOTHUB_CONN_STR      "HostName=fl-iothub-prod.azure-devices.net;DeviceId=gw-line3-01;SharedAccessKey=${iot}"`,
    'azure',
    iot,
  );
  h.l('#define FL_OTA_SERVER           "https://ota.forgeline.io/api/v2"');
  h.s(`#define FL_OTA_API_KEY          "${ota}"`, 'generic', ota);
  h.l('', '/* AES-128 key for decrypting .flfw update images */');
  h.s(`static const uint8_t FL_OTA_AES_KEY[16] = { ${aes} };`, 'generic', aes);
  h.l(`#define FL_FW_SIGNING_PUBKEY_SHA256 "${t.sha256()}"`);
  h.l('', '#endif /* FL_SECRETS_H */');

  const c = repo.file('firmware/plc-gateway/src/net/certs.c', 'c');
  const key = t.ecPem();
  const ca = g.certLines();
  c.l('#include "certs.h"', '', '/* DigiCert Global Root G2, used by Azure IoT Hub */');
  c.d(['const char fl_root_ca_pem[] =', ...ca.map((l) => `    "${l}\\n"`), '    ;'], 'public ca certificate');
  c.l('', '/* gw-line3-01 device identity (provisioned 2024-05, FW-640) */');
  c.s(['const char fl_device_key_pem[] =', ...key.map((l) => `    "${l}\\n"`), '    ;'], 'private-key', key.join('\n'));

  const o = repo.file('firmware/plc-gateway/src/opcua/opcua_client.cpp', 'cpp');
  const opw = g.human();
  o.l(
    '#include <open62541/client.h>',
    '#include <open62541/client_config_default.h>',
    '#include <cstdlib>',
    '',
    'namespace fl::opcua {',
    '',
  );
  o.l('static const char *kPressTempNode = "ns=3;s=\\"DB_Line3\\".\\"Press\\".\\"Temp\\"";');
  o.l('static const char *kEndpoint = "opc.tcp://s7-1516-l3.ot.forgeline.local:4840";');
  o.l(
    '',
    'UA_StatusCode connectPlc(UA_Client *client) {',
    '    UA_ClientConfig_setDefault(UA_Client_getConfig(client));',
  );
  o.s(`    return UA_Client_connectUsername(client, kEndpoint, "gw_reader", "${opw}");`, 'generic', opw);
  o.l('}', '', 'UA_StatusCode connectMes(UA_Client *client) {');
  o.d('    const char *pw = std::getenv("FL_OPCUA_MES_PASSWORD");', 'env read');
  o.l(
    '    return UA_Client_connectUsername(client, "opc.tcp://mes-opc.ot.forgeline.local:4840", "gw_mes", pw);',
    '}',
    '',
    '} // namespace fl::opcua',
  );

  const m = repo.file('firmware/plc-gateway/src/modbus/register_map.c', 'c');
  m.l('#include "register_map.h"', '', 'const fl_reg_t fl_press3_regs[] = {');
  m.l('    { 40001, "press_temp_dC",   FL_REG_HOLDING, FL_INT16 },');
  m.l('    { 40011, "press_force_kN",  FL_REG_HOLDING, FL_FLOAT32_ABCD },');
  m.l('    { 0, NULL, 0, 0 }', '};');

  const p = repo.file('firmware/io-coproc/platformio.ini', 'c');
  const ppsk = g.wifiPsk();
  const ptok = g.plain(24);
  p.l(
    '[env:fl-io-esp32s3]',
    'platform = espressif32@6.5.0',
    'board = esp32-s3-devkitc-1',
    'framework = arduino',
    'build_flags =',
  );
  p.l('    -DFL_WIFI_SSID=\\"FL-MAINT\\"');
  p.s(`    -DFL_WIFI_PASS=\\"${ppsk}\\"`, 'generic', ppsk);
  p.s(`    -DFL_TELEMETRY_TOKEN=\\"${ptok}\\"`, 'generic', ptok);
  p.d('    -DFL_OTA_PASSWORD=\\"${sysenv.FL_OTA_PASSWORD}\\"', 'platformio env interpolation');
  p.l('upload_protocol = espota', 'upload_port = 10.30.3.61');

  const cm = repo.file('firmware/plc-gateway/CMakeLists.txt', 'cmake');
  const cmTok = g.plain(40);
  cm.l('cmake_minimum_required(VERSION 3.22)', 'project(fl_plc_gateway C CXX)', 'set(CMAKE_CXX_STANDARD 17)');
  cm.s(`set(FL_CRASH_UPLOAD_TOKEN "${cmTok}" CACHE STRING "crash-report upload token")`, 'generic', cmTok);
  cm.l('set(FL_CRASH_UPLOAD_URL "https://crash.forgeline.io/upload" CACHE STRING "")');
  cm.l('add_executable(fl-gateway src/main.c src/net/certs.c src/opcua/opcua_client.cpp src/modbus/register_map.c)');

  const tst = repo.file('firmware/plc-gateway/test/test_mqtt_auth.c', 'c');
  tst.l('#include "unity.h"', '');
  tst.d('static const char *kFakePassword = "test-password-not-real";', 'test fixture');
  tst.d('static const char *kFakeSasKey = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";', 'zeroed test key');
  tst.l('void test_auth(void) { TEST_ASSERT_EQUAL(0, fl_mqtt_auth("gw", kFakePassword)); }');
}

// ---- Yocto images --------------------------------------------------------------------------------

function yocto(repo, t, g) {
  const lc = repo.file('yocto/build/conf/local.conf', 'yocto');
  const mt = g.mender();
  const svc = g.human();
  const hash = g.sha512crypt().replace(/\$/g, '\\$');
  lc.l('MACHINE ?= "fl-gw-imx8mm"', 'DISTRO ?= "forgeline-os"', 'PACKAGE_CLASSES ?= "package_ipk"', '');
  lc.l('INHERIT += "mender-full"', 'MENDER_SERVER_URL = "https://hosted.mender.io"');
  lc.s(`MENDER_TENANT_TOKEN = "${mt}"`, 'mender', mt);
  lc.l('MENDER_ARTIFACT_NAME = "fl-gw-${DISTRO_VERSION}"', '', 'INHERIT += "extrausers"');
  lc.d(`EXTRA_USERS_PARAMS = "usermod -p '${hash}' root; "`, 'sha512-crypt hash');
  lc.s(`EXTRA_USERS_PARAMS:append = " useradd -P '${svc}' flservice; "`, 'generic', svc);
  lc.l('SSTATE_MIRRORS ?= "file://.* https://sstate.forgeline.io/yocto/PATH;downloadfilename=PATH"');

  const bb = repo.file('yocto/meta-forgeline/recipes-core/fl-gateway/fl-gateway_git.bb', 'yocto');
  const gl = t.gitlab();
  bb.l('SUMMARY = "Forgeline PLC gateway daemon"', 'LICENSE = "CLOSED"', '');
  bb.s(
    `SRC_URI = "git://gitlab.forgeline.io/ot/plc-gateway.git;protocol=https;branch=main;user=yocto-ci:${gl} \\`,
    'gitlab',
    gl,
  );
  bb.l('           file://fl-gateway.service \\', '           file://gateway.env"');
  bb.l(`SRCREV = "${t.sha1()}"`);
  bb.l('S = "${WORKDIR}/git"', 'inherit cmake systemd', 'SYSTEMD_SERVICE:${PN} = "fl-gateway.service"');

  const ge = repo.file('yocto/meta-forgeline/recipes-core/fl-gateway/files/gateway.env', 'yocto');
  const gi = g.influx();
  const gm = g.gen(18);
  ge.l('FL_SITE=MKE', 'FL_LINE=3', 'FL_INFLUX_URL=http://influxdb.ot.forgeline.local:8086', 'FL_INFLUX_ORG=forgeline');
  ge.s(`FL_INFLUX_TOKEN=${gi}`, 'influxdb', gi);
  ge.s(`FL_MQTT_PASSWORD=${gm}`, 'generic', gm);
  ge.l('FL_LOG_LEVEL=info');

  const ws = repo.file(
    'yocto/meta-forgeline/recipes-connectivity/wpa-supplicant/files/wpa_supplicant-wlan0.conf',
    'yocto',
  );
  const w1 = g.wifiPsk();
  const w2 = t.pick(HEX, 64);
  ws.l(
    'ctrl_interface=/var/run/wpa_supplicant',
    'update_config=1',
    '',
    'network={',
    '    ssid="FL-PLANT-OT"',
    '    key_mgmt=WPA-PSK',
  );
  ws.s(`    psk="${w1}"`, 'generic', w1);
  ws.l('    priority=10', '}', 'network={', '    ssid="FL-MAINT"', '    key_mgmt=WPA-PSK');
  ws.s(`    psk=${w2}`, 'generic', w2);
  ws.l('}');

  const kas = repo.file('yocto/kas/forgeline.yml', 'yocto');
  const kgl = t.gitlab();
  kas.l(
    'header:',
    '  version: 14',
    'machine: fl-gw-imx8mm',
    'distro: forgeline-os',
    'repos:',
    '  poky:',
    '    url: https://git.yoctoproject.org/poky',
  );
  kas.l(`    commit: ${t.sha1()}`);
  kas.l('    layers: { meta: , meta-poky: }', '  meta-forgeline:');
  kas.s(`    url: https://oauth2:${kgl}@gitlab.forgeline.io/ot/meta-forgeline.git`, 'gitlab', kgl);
  kas.l('    branch: scarthgap');

  const sk = repo.file('yocto/keys/fl-swupdate-signing.key', 'keys');
  const rsa = t.rsaPem();
  sk.s(rsa, 'private-key', rsa.join('\n'));
  const sc = repo.file('yocto/keys/fl-swupdate-signing.crt', 'keys');
  sc.d(g.certLines(), 'public certificate');

  const ar = repo.file('yocto/meta-forgeline/recipes-support/kepware-edge/kepware-edge_1.8.bb', 'yocto');
  ar.l(
    'SUMMARY = "Kepware Edge runtime"',
    'SRC_URI = "https://artifactory.forgeline.io/artifactory/vendor/kepware/kepware-edge-1.8.tar.gz"',
  );
  ar.l(`SRC_URI[sha256sum] = "${t.sha256()}"`);
  ar.l('inherit bin_package');
}

// ---- OPC UA and Modbus/MQTT bridges --------------------------------------------------------------

function bridges(repo, t, g) {
  const py = repo.file('bridges/opcua-mqtt/bridge.py', 'python');
  const opw = g.human();
  const mpw = g.gen(20);
  py.l(
    '"""Subscribes to Kepware OPC UA tags and republishes them to the plant MQTT broker (Sparkplug-ish)."""',
    'import asyncio',
    '',
    'import paho.mqtt.client as mqtt',
    'from asyncua import Client',
    '',
    'OPC_URL = "opc.tcp://kepware01.ot.forgeline.local:49320"',
  );
  py.l('NODES = ["ns=2;s=Line3.Press3.Temperature", "ns=2;s=Line3.Press3.Force", "ns=2;s=Line3.Press3.CycleCount"]');
  py.l('', '', 'async def main():', '    client = Client(OPC_URL)', '    client.set_user("bridge")');
  py.s(`    client.set_password("${opw}")`, 'generic', opw);
  py.l(
    '    await client.set_security_string("Basic256Sha256,SignAndEncrypt,/etc/fl/pki/bridge.der,/etc/fl/pki/bridge.key")',
  );
  py.l('    mq = mqtt.Client(client_id="opcua-bridge-l3")');
  py.s(`    mq.username_pw_set("bridge-l3", "${mpw}")`, 'generic', mpw);
  py.l('    mq.tls_set(ca_certs="/etc/fl/ca.pem")', '    mq.connect("mqtt.ot.forgeline.local", 8883)');

  const y = repo.file('bridges/opcua-mqtt/config/bridge.yaml', 'python');
  const ypw = g.gen(18);
  const ymq = g.plain(20);
  y.l(
    'opcua:',
    '  endpoint: opc.tcp://kepware01.ot.forgeline.local:49320',
    '  security_policy: Basic256Sha256',
    '  username: bridge',
  );
  y.s(`  password: "${ypw}"`, 'generic', ypw);
  y.l('  certificate: /etc/fl/pki/own/certs/bridge.der');
  y.l('mqtt:');
  y.s(`  url: mqtts://bridge-l2:${ymq}@mqtt.ot.forgeline.local:8883`, 'generic', ymq);
  y.l('  password_file: /run/secrets/mqtt_password');
  y.l('  topic_prefix: spBv1.0/MKE/DDATA/line2');

  const go = repo.file('bridges/modbus-mqtt/main.go', 'go');
  const gpw = g.gen(20);
  const gin = g.influx();
  go.l(
    'package main',
    '',
    'import (',
    '\tmqtt "github.com/eclipse/paho.mqtt.golang"',
    '\tinfluxdb2 "github.com/influxdata/influxdb-client-go/v2"',
    '\t"github.com/goburrow/modbus"',
    ')',
    '',
  );
  go.s(`const influxToken = "${gin}"`, 'influxdb', gin);
  go.d(`const influxOrgID = "${g.influxOrg()}"`, 'influx org id');
  go.l(
    '',
    'func main() {',
    '\topts := mqtt.NewClientOptions().AddBroker("tls://mqtt.ot.forgeline.local:8883")',
    '\topts.SetUsername("modbus-l2")',
  );
  go.s(`\topts.SetPassword("${gpw}")`, 'generic', gpw);
  go.l('\thandler := modbus.NewTCPClientHandler("10.30.2.15:502")', '\thandler.SlaveId = 1');
  go.l('\tdb := influxdb2.NewClient("http://influxdb.ot.forgeline.local:8086", influxToken)', '\t_ = db', '}');

  const mc = repo.file('infra/mosquitto/mosquitto.conf', 'mqtt');
  const rpw = g.gen(22);
  mc.l(
    'per_listener_settings true',
    'listener 8883',
    'cafile /mosquitto/config/ca.pem',
    'certfile /mosquitto/config/server.pem',
    'keyfile /mosquitto/config/server.key',
    'allow_anonymous false',
    'password_file /mosquitto/config/passwd',
    'acl_file /mosquitto/config/acl',
    '',
    '# bridge plant telemetry to the corporate broker',
    'connection corp-bridge',
    'address mqtt.forgeline.cloud:8883',
    'bridge_cafile /mosquitto/config/corp-ca.pem',
    'remote_username plant-mke',
  );
  mc.s(`remote_password ${rpw}`, 'generic', rpw);
  mc.l('topic spBv1.0/MKE/# out 1');

  const pf = repo.file('infra/mosquitto/passwd', 'mqtt');
  pf.d(`gw-line3:${g.mosqHash()}`, 'mosquitto pbkdf2 hash');
  pf.l(`telegraf:${g.mosqHash()}`);
  pf.l(`bridge-l3:${g.mosqHash()}`);
}

// ---- Inductive Automation Ignition project exports -----------------------------------------------

function ignition(repo, t, g) {
  const base = 'ignition/projects/FL_MES/ignition/script-python';
  const s = repo.file(`${base}/integrations/sap/code.py`, 'ignition');
  const spw = g.gen(18);
  s.l(
    '# Jython 2.7 - gateway scoped. Posts production confirmations to the SAP OData gateway.',
    'SAP_GW = "https://sapgw.forgeline.local:44300/sap/opu/odata/sap/ZPP_PRODORD_SRV"',
    '',
    'def _client():',
  );
  s.s(`\treturn system.net.httpClient(username="IGN_ODATA", password="${spw}", timeout=15000)`, 'generic', spw);
  s.l('', 'def postConfirmation(order, qty):', '\tclient = _client()');
  s.l('\ttoken = client.get(SAP_GW + "/$metadata", headers={"x-csrf-token": "fetch"}).headers["x-csrf-token"][0]');
  s.l(
    '\treturn client.post(SAP_GW + "/ConfirmationSet", data={"Aufnr": order, "Lmnga": qty}, headers={"x-csrf-token": token})',
  );

  const n = repo.file(`${base}/integrations/notify/code.py`, 'ignition');
  const sid = t.twilioSid();
  const tok = t.twilioToken();
  const teams = g.teams(true);
  n.l('import system', '', 'TWILIO_SID = "' + sid + '"');
  n.s(`TWILIO_TOKEN = "${tok}"`, 'twilio', tok);
  n.s(`TEAMS_ANDON = "${teams}"`, 'teams', teams);
  n.l(
    '',
    'def sms(to, body):',
    '\tclient = system.net.httpClient(username=TWILIO_SID, password=TWILIO_TOKEN)',
    '\treturn client.post("https://api.twilio.com/2010-04-01/Accounts/%s/Messages.json" % TWILIO_SID, data={"To": to, "From": "+14145550142", "Body": body})',
  );
  n.l('\t# tag paths: [default]Line3/Andon/Active, [default]Line3/Andon/Station');

  const wd = repo.file(
    'ignition/projects/FL_MES/com.inductiveautomation.webdev/resources/api/andon/doPost.py',
    'ignition',
  );
  const key = g.plain(40);
  wd.s(`API_KEY = "${key}"`, 'generic', key);
  wd.l(
    '',
    'def doPost(request, session):',
    '\tif request["headers"].get("X-Api-Key") != API_KEY:',
    '\t\treturn {"json": {"error": "unauthorized"}, "code": 401}',
    '\tsystem.tag.writeBlocking(["[default]Line3/Andon/Active"], [True])',
    '\treturn {"json": {"ok": True}}',
  );

  const db = repo.file(
    'ignition/gateway/config/resources/core/ignition/database-connection/MES_SQL/config.json',
    'ignition',
  );
  db.l(
    '{',
    '  "connectURL": "jdbc:sqlserver://sql-mes01.ot.forgeline.local:1433;databaseName=MES;encrypt=true",',
    '  "driver": "MSSQL JDBC Driver",',
    '  "username": "ignition_gw",',
  );
  db.d(
    [
      '  "password": {',
      '    "type": "Embedded",',
      `    "data": { "protected": "${g.b64url(JSON.stringify({ alg: 'dir', enc: 'A256GCM' }))}", "iv": "${t.mixed(URLSAFE, 16)}", "tag": "${t.mixed(URLSAFE, 22)}", "ciphertext": "${t.mixed(URLSAFE, 27)}" }`,
      '  },',
    ],
    'ignition embedded secret (encrypted by the gateway)',
  );
  db.l('  "validationQuery": "SELECT 1"', '}');

  const ic = repo.file('ignition/gateway/data/ignition.conf', 'ignition');
  const ks = g.plain(16);
  ic.l(
    'wrapper.java.command=lib/runtime/jre-lin/bin/java',
    'wrapper.java.initmemory=1024',
    'wrapper.java.maxmemory=4096',
  );
  ic.l(
    'wrapper.java.additional.1=-Ddata.dir=data',
    'wrapper.java.additional.2=-Djavax.net.ssl.keyStore=/usr/local/ignition/webserver/ssl.pfx',
  );
  ic.s(`wrapper.java.additional.3=-Djavax.net.ssl.keyStorePassword=${ks}`, 'generic', ks);
  ic.d('wrapper.java.additional.4=-Djavax.net.ssl.trustStorePassword=changeit', 'jdk default truststore password');
}

// ---- Historian: OSIsoft PI / AVEVA, InfluxDB, Telegraf, Grafana ---------------------------------

function historian(repo, t, g) {
  const pe = repo.file('historian/pi/pi_export.py', 'python');
  const ppw = g.human();
  pe.l(
    'import requests',
    '',
    'PI_WEB_API = "https://pi-vision.ot.forgeline.local/piwebapi"',
    'session = requests.Session()',
  );
  pe.s(`session.auth = ("FORGELINE\\\\svc_piexport", "${ppw}")`, 'generic', ppw);
  pe.d(`WEBID_LINE3_OEE = "${g.piWebId()}"`, 'pi web api webid');
  pe.l(`WEBID_PRESS3_TEMP = "${g.piWebId()}"`);
  pe.l(
    '',
    'def recorded(webid, start="*-1d"):',
    '    return session.get(f"{PI_WEB_API}/streams/{webid}/recorded", params={"startTime": start}).json()',
  );

  const adh = repo.file('historian/pi/adh_config.json', 'historian');
  const adhSec = t.mixed(ALNUM, 64);
  adh.l('{', '  "Resource": "https://uswe.datahub.connect.aveva.com",', '  "ApiVersion": "v1",');
  adh.l(`  "TenantId": "${t.uuid()}",`);
  adh.l('  "NamespaceId": "forgeline-prod",');
  adh.l(`  "ClientId": "${t.uuid()}",`);
  adh.s(`  "ClientSecret": "${adhSec}"`, 'generic', adhSec);
  adh.l('}');

  const ds = repo.file('historian/pi/PIAdapterForOPCUA/DataSource.json', 'historian');
  const dpw = g.gen(20);
  ds.l(
    '{',
    '  "EndpointUrl": "opc.tcp://kepware01.ot.forgeline.local:49320",',
    '  "UseSecureConnection": true,',
    '  "UserName": "pi_adapter",',
  );
  ds.s(`  "Password": "${dpw}",`, 'generic', dpw);
  ds.l('  "StreamIdPrefix": "MKE.",', '  "DefaultStreamIdPattern": "{NamespaceIndex}:{Identifier}"', '}');

  const tg = repo.file('historian/telegraf/telegraf.conf', 'historian');
  const tin = g.influx();
  const tpw = g.gen(18);
  tg.l(
    '[agent]',
    '  interval = "10s"',
    '',
    '[[outputs.influxdb_v2]]',
    '  urls = ["http://influxdb.ot.forgeline.local:8086"]',
  );
  tg.s(`  token = "${tin}"`, 'influxdb', tin);
  tg.l('  organization = "forgeline"', '  bucket = "plant_raw"', '', '[[inputs.opcua]]', '  name = "kepware"');
  tg.l(
    '  endpoint = "opc.tcp://kepware01.ot.forgeline.local:49320"',
    '  security_policy = "Basic256Sha256"',
    '  auth_method = "UserName"',
    '  username = "telegraf"',
  );
  tg.s(`  password = "${tpw}"`, 'generic', tpw);
  tg.l(
    '',
    '[[inputs.mqtt_consumer]]',
    '  servers = ["ssl://mqtt.ot.forgeline.local:8883"]',
    '  topics = ["spBv1.0/MKE/#"]',
    '  username = "telegraf"',
  );
  tg.d('  password = "${MQTT_PASSWORD}"', 'env interpolation');
  tg.l('', '[[inputs.modbus]]', '  name = "press3"', '  controller = "tcp://10.30.2.15:502"', '  slave_id = 1');

  const ic = repo.file('ops/home/flops/.influxdbv2/configs', 'historian');
  const itok = g.influx();
  ic.l('[default]', '  url = "http://influxdb.ot.forgeline.local:8086"');
  ic.s(`  token = "${itok}"`, 'influxdb', itok);
  ic.l('  org = "forgeline"', '  active = true');

  const fx = repo.file('historian/influxdb/tasks/downsample_oee.flux', 'historian');
  fx.l('import "influxdata/influxdb/secrets"', '', 'option task = {name: "downsample_oee", every: 1h}');
  fx.d('token = secrets.get(key: "CORP_INFLUX_TOKEN")', 'influx secret store lookup');
  fx.l('from(bucket: "plant_raw")', '    |> range(start: -task.every)', '    |> aggregateWindow(every: 5m, fn: mean)');
  fx.l(
    `    |> to(bucket: "plant_5m", orgID: "${g.influxOrg()}", host: "https://eu-central-1-1.aws.cloud2.influxdata.com", token: token)`,
  );

  const gd = repo.file('historian/grafana/provisioning/datasources/datasources.yaml', 'grafana');
  const gtok = g.influx();
  const gsql = g.gen(20);
  gd.l(
    'apiVersion: 1',
    'datasources:',
    '  - name: Influx-Plant',
    '    type: influxdb',
    '    url: http://influxdb:8086',
    '    jsonData:',
    '      version: Flux',
    '      organization: forgeline',
    '      defaultBucket: plant_raw',
    '    secureJsonData:',
  );
  gd.s(`      token: ${gtok}`, 'influxdb', gtok);
  gd.l(
    '  - name: MES-SQL',
    '    type: mssql',
    '    url: sql-mes01.ot.forgeline.local:1433',
    '    user: grafana_ro',
    '    jsonData: { database: MES }',
    '    secureJsonData:',
  );
  gd.s(`      password: "${gsql}"`, 'generic', gsql);
  gd.l(
    '  - name: PI-WebAPI',
    '    type: grafana-pi-datasource',
    '    url: https://pi-vision.ot.forgeline.local/piwebapi',
    '    basicAuth: true',
    '    basicAuthUser: svc_grafana',
    '    secureJsonData:',
  );
  gd.d('      basicAuthPassword: $PI_GRAFANA_PASSWORD', 'grafana provisioning env expansion');

  const gi = repo.file('historian/grafana/grafana.ini', 'grafana');
  const adm = g.human();
  const sg = t.sendgrid();
  const az = g.azSecret();
  gi.l('[server]', 'root_url = https://grafana.ot.forgeline.local', '', '[security]', 'admin_user = admin');
  gi.s(`admin_password = ${adm}`, 'generic', adm);
  gi.d('secret_key = SW2YcwTIb9zpOOhoPsMm', "grafana's published default from defaults.ini");
  gi.l('', '[smtp]', 'enabled = true', 'host = smtp.sendgrid.net:587', 'user = apikey');
  gi.s(`password = ${sg}`, 'sendgrid', sg);
  gi.l('', '[auth.azuread]', 'enabled = true');
  gi.l(`client_id = ${t.uuid()}`);
  gi.s(`client_secret = ${az}`, 'azure', az);
  gi.l(`auth_url = https://login.microsoftonline.com/${t.uuid()}/oauth2/v2.0/authorize`);

  const dash = repo.file('historian/grafana/dashboards/line3-oee.json', 'grafana');
  dash.l('{', '  "title": "Line 3 - OEE",');
  dash.l('  "uid": "fl-l3-oee",');
  dash.l('  "panels": [', '    {', '      "type": "timeseries",', '      "title": "Availability",');
  dash.d(`      "datasource": { "type": "influxdb", "uid": "P${t.pick('0123456789ABCDEF', 15)}" },`, 'datasource uid');
  dash.l(
    '      "targets": [{ "query": "from(bucket: \\"plant_5m\\") |> range(start: v.timeRangeStart)" }]',
    '    }',
    '  ]',
    '}',
  );

  const ex = repo.file('historian/grafana/scripts/export-dashboards.sh', 'grafana');
  const sa = g.glsa();
  ex.l('#!/usr/bin/env bash', 'set -euo pipefail', 'GRAFANA_URL=https://grafana.ot.forgeline.local');
  ex.s(`GRAFANA_TOKEN=${sa}`, 'grafana', sa);
  ex.d(
    'curl -s -H "Authorization: Bearer $GRAFANA_TOKEN" "$GRAFANA_URL/api/search?type=dash-db" | jq -r ".[].uid"',
    'variable',
  );

  const al = repo.file('historian/grafana-alloy/config.alloy', 'grafana');
  const glc = g.glc();
  al.l(
    'prometheus.remote_write "grafana_cloud" {',
    '  endpoint {',
    '    url = "https://prometheus-prod-13-prod-us-east-0.grafana.net/api/prom/push"',
    '    basic_auth {',
  );
  al.l(`      username = "${t.digits(7)}"`);
  al.s(`      password = "${glc}"`, 'grafana', glc);
  al.l('    }', '  }', '}');
}

// ---- C# .NET MES service ----------------------------------------------------------------------------

function mes(repo, t, g) {
  const a = repo.file('mes/Forgeline.Mes.Api/appsettings.json', 'dotnet');
  const sql = g.gen(20);
  const ts = g.plain(20);
  const sb = g.sasKey();
  const hub = g.sasKey();
  const az = g.azSecret();
  const sap = g.gen(16);
  const opc = g.human();
  a.l('{', '  "ConnectionStrings": {');
  a.s(
    `    "MesDb": "Server=tcp:sql-mes01.ot.forgeline.local,1433;Database=MES;User ID=mes_app;Password=${sql};Encrypt=True;TrustServerCertificate=True;",`,
    'database',
    sql,
  );
  a.s(
    `    "Timescale": "Host=tsdb.ot.forgeline.local;Port=5432;Database=quality;Username=mes;Password=${ts}",`,
    'database',
    ts,
  );
  a.s(
    `    "ServiceBus": "Endpoint=sb://fl-mes-prod.servicebus.windows.net/;SharedAccessKeyName=mes-sender;SharedAccessKey=${sb};EntityPath=workorders"`,
    'azure',
    sb,
  );
  a.l('  },', '  "IoTHub": {');
  a.s(
    `    "ServiceConnectionString": "HostName=fl-iothub-prod.azure-devices.net;SharedAccessKeyName=service;SharedAccessKey=${hub}"`,
    'azure',
    hub,
  );
  a.l('  },', '  "AzureAd": {', '    "Instance": "https://login.microsoftonline.com/",');
  a.l(`    "TenantId": "${t.uuid()}",`);
  a.l(`    "ClientId": "${t.uuid()}",`);
  a.s(`    "ClientSecret": "${az}"`, 'azure', az);
  a.l(
    '  },',
    '  "Sap": {',
    '    "AppServerHost": "sapprd-app01.forgeline.local",',
    '    "SystemNumber": "00",',
    '    "Client": "100",',
    '    "User": "MES_RFC",',
  );
  a.s(`    "Password": "${sap}"`, 'generic', sap);
  a.l(
    '  },',
    '  "OpcUa": {',
    '    "Endpoint": "opc.tcp://kepware01.ot.forgeline.local:49320",',
    '    "Username": "mes_writer",',
  );
  a.s(`    "Password": "${opc}"`, 'generic', opc);
  a.l('  },');
  a.d(
    `  "ApplicationInsights": { "ConnectionString": "InstrumentationKey=${t.uuid()};IngestionEndpoint=https://eastus2-3.in.applicationinsights.azure.com/" },`,
    'app insights instrumentation key',
  );
  a.l('  "Serilog": { "MinimumLevel": "Information" }', '}');

  const dev = repo.file('mes/Forgeline.Mes.Api/appsettings.Development.json', 'dotnet');
  dev.l('{', '  "ConnectionStrings": {');
  dev.l('    "MesDb": "Server=(localdb)\\\\mssqllocaldb;Database=MES;Trusted_Connection=True;",');
  dev.d(
    '    "Blob": "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;"',
    'azurite well-known development key',
  );
  dev.l('  },', '  "AzureAd": {');
  dev.d('    "ClientSecret": "<set with dotnet user-secrets>"', 'placeholder');
  dev.l('  },', '  "Sap": {');
  dev.l('    "Password": ""');
  dev.l('  }', '}');

  const w = repo.file('mes/Forgeline.Mes.Legacy/Web.config', 'iis');
  const wpw = g.gen(18);
  const zebra = g.plain(32);
  const smtp = g.human();
  const vk = t.pick('0123456789ABCDEF', 128);
  const dk = t.pick('0123456789ABCDEF', 64);
  w.l('<?xml version="1.0" encoding="utf-8"?>', '<configuration>', '  <connectionStrings>');
  w.s(
    `    <add name="MesLegacy" connectionString="Data Source=sql-mes01.ot.forgeline.local;Initial Catalog=MES_Legacy;User ID=mes_web;Password=${wpw}" providerName="System.Data.SqlClient" />`,
    'database',
    wpw,
  );
  w.l(
    '    <add name="Audit" connectionString="Data Source=sql-mes01;Initial Catalog=Audit;Integrated Security=SSPI" providerName="System.Data.SqlClient" />',
  );
  w.l('  </connectionStrings>', '  <appSettings>');
  w.s(`    <add key="LabelPrinting:ZebraApiKey" value="${zebra}" />`, 'generic', zebra);
  w.d('    <add key="Sap:Password" value="__SapPassword__" />', 'release-pipeline token placeholder');
  w.l('  </appSettings>', '  <system.net>', '    <mailSettings>', '      <smtp from="mes-noreply@forgeline.com">');
  w.s(
    `        <network host="smtp.office365.com" port="587" userName="mes-noreply@forgeline.com" password="${smtp}" enableSsl="true" />`,
    'generic',
    smtp,
  );
  w.l('      </smtp>', '    </mailSettings>', '  </system.net>', '  <system.web>', '    <machineKey');
  w.s(`      validationKey="${vk}"`, 'generic', vk);
  w.s(`      decryptionKey="${dk}"`, 'generic', dk);
  w.l('      validation="HMACSHA256" decryption="AES" />', '  </system.web>', '</configuration>');

  const rfc = repo.file('mes/Forgeline.Mes.Integrations/Sap/SapRfcClient.cs', 'dotnet');
  const rpw = g.gen(16);
  rfc.l(
    'using SAP.Middleware.Connector;',
    '',
    'namespace Forgeline.Mes.Integrations.Sap;',
    '',
    'public sealed class SapRfcClient',
    '{',
    '    private static RfcConfigParameters Prd() => new()',
    '    {',
  );
  rfc.l(
    '        { RfcConfigParameters.Name, "PRD" },',
    '        { RfcConfigParameters.AppServerHost, "sapprd-app01.forgeline.local" },',
    '        { RfcConfigParameters.SystemNumber, "00" },',
    '        { RfcConfigParameters.Client, "100" },',
    '        { RfcConfigParameters.User, "MES_RFC" },',
  );
  rfc.s(`        { RfcConfigParameters.Password, "${rpw}" },`, 'generic', rpw);
  rfc.l('    };', '');
  rfc.l('    private static string Qas(IConfiguration c) => c["Sap:Qas:Password"];');
  rfc.l('    private const string ConfirmBapi = "BAPI_PRODORDCONF_CREATE_TT";');
  rfc.l('}');

  const op = repo.file('mes/Forgeline.Mes.Integrations/Opc/OpcSession.cs', 'dotnet');
  const opw = g.gen(18);
  op.l(
    'using Opc.Ua;',
    'using Opc.Ua.Client;',
    '',
    'namespace Forgeline.Mes.Integrations.Opc;',
    '',
    'public static class OpcSession',
    '{',
    '    public static async Task<Session> OpenAsync(ApplicationConfiguration cfg, ConfiguredEndpoint ep)',
    '    {',
  );
  op.s(`        var identity = new UserIdentity("mes_writer", "${opw}");`, 'generic', opw);
  op.l('        return await Session.Create(cfg, ep, false, "fl-mes", 60000, identity, null);', '    }');
  op.l('    public const string RecipeNode = "ns=2;s=Line3.Press3.Recipe.Active";');
  op.l('}');

  const an = repo.file('mes/Forgeline.Mes.Integrations/Notifications/AndonNotifier.cs', 'dotnet');
  const teams = g.teams();
  const tok = t.twilioToken();
  const pd = g.pagerduty();
  an.l(
    'using Twilio;',
    '',
    'namespace Forgeline.Mes.Integrations.Notifications;',
    '',
    'public class AndonNotifier',
    '{',
  );
  an.s(`    private const string TeamsWebhook = "${teams}";`, 'teams', teams);
  an.s(`    private const string PagerDutyRoutingKey = "${pd}";`, 'pagerduty', pd);
  an.s(`    static AndonNotifier() => TwilioClient.Init("${t.twilioSid()}", "${tok}");`, 'twilio', tok);
  an.l('    private string Fallback => Environment.GetEnvironmentVariable("ANDON_TEAMS_WEBHOOK");');
  an.l('}');

  const ls = repo.file('mes/Forgeline.Mes.Api/Properties/launchSettings.json', 'dotnet');
  const lsSec = g.azSecret();
  ls.l(
    '{',
    '  "profiles": {',
    '    "Forgeline.Mes.Api": {',
    '      "commandName": "Project",',
    '      "environmentVariables": {',
    '        "ASPNETCORE_ENVIRONMENT": "Development",',
  );
  ls.l(`        "AZURE_TENANT_ID": "${t.uuid()}",`);
  ls.l(`        "AZURE_CLIENT_ID": "${t.uuid()}",`);
  ls.s(`        "AZURE_CLIENT_SECRET": "${lsSec}"`, 'azure', lsSec);
  ls.l('      }', '    }', '  }', '}');

  const cp = repo.file('mes/Forgeline.Mes.Api/Forgeline.Mes.Api.csproj', 'dotnet');
  cp.l('<Project Sdk="Microsoft.NET.Sdk.Web">', '  <PropertyGroup>', '    <TargetFramework>net8.0</TargetFramework>');
  cp.d(`    <UserSecretsId>${t.uuid()}</UserSecretsId>`, 'user secrets id');
  cp.l('  </PropertyGroup>', '</Project>');

  const ng = repo.file('mes/nuget.config', 'dotnet');
  const pat = g.adoPat();
  ng.l(
    '<?xml version="1.0" encoding="utf-8"?>',
    '<configuration>',
    '  <packageSources>',
    '    <add key="forgeline" value="https://pkgs.dev.azure.com/forgeline/_packaging/mes/nuget/v3/index.json" />',
    '  </packageSources>',
    '  <packageSourceCredentials>',
    '    <forgeline>',
    '      <add key="Username" value="build" />',
  );
  ng.s(`      <add key="ClearTextPassword" value="${pat}" />`, 'azure-devops', pat);
  ng.l('    </forgeline>', '  </packageSourceCredentials>', '</configuration>');

  const fx = repo.file('mes/Forgeline.Mes.Tests/Fixtures/FakeSecrets.cs', 'dotnet');
  fx.l('namespace Forgeline.Mes.Tests.Fixtures;', '', 'public static class FakeSecrets', '{');
  fx.d('    public const string SapPassword = "fake-sap-password-for-tests";', 'test fixture');
  fx.d(
    '    public const string IoTHubConnection = "HostName=localhost;SharedAccessKeyName=test;SharedAccessKey=dGVzdC1rZXktbm90LXJlYWw=";',
    'test fixture (base64 of test-key-not-real)',
  );
  fx.l('    public const string TenantId = "00000000-0000-0000-0000-000000000000";');
  fx.l('}');
}

// ---- SAP ERP RFC/BAPI connectors (Java JCo, ABAP) -----------------------------------------------

function sap(repo, t, g) {
  for (const [sid, host] of [
    ['PRD', 'sapprd-app01'],
    ['QAS', 'sapqas-app01'],
  ]) {
    const d = repo.file(`sap/connectors/jco/SAPERP_${sid}.jcoDestination`, 'sap');
    const pw = g.gen(16);
    d.l(
      `jco.client.ashost=${host}.forgeline.local`,
      'jco.client.sysnr=00',
      `jco.client.client=${sid === 'PRD' ? '100' : '200'}`,
      'jco.client.user=RFC_MESBRIDGE',
    );
    d.s(`jco.client.passwd=${pw}`, 'generic', pw);
    d.l('jco.client.lang=EN', 'jco.destination.pool_capacity=3', 'jco.destination.peak_limit=10');
  }

  const j = repo.file('sap/connectors/sap-bridge/src/main/java/com/forgeline/sap/FlDestinationProvider.java', 'java');
  const jpw = g.gen(16);
  j.l(
    'package com.forgeline.sap;',
    '',
    'import com.sap.conn.jco.ext.DestinationDataProvider;',
    'import java.util.Properties;',
    '',
    'public class FlDestinationProvider implements DestinationDataProvider {',
    '    @Override',
    '    public Properties getDestinationProperties(String name) {',
    '        Properties p = new Properties();',
    '        p.setProperty(DestinationDataProvider.JCO_ASHOST, "sapprd-app01.forgeline.local");',
    '        p.setProperty(DestinationDataProvider.JCO_SYSNR, "00");',
    '        p.setProperty(DestinationDataProvider.JCO_CLIENT, "100");',
    '        p.setProperty(DestinationDataProvider.JCO_USER, "RFC_MESBRIDGE");',
    '        if ("PRD".equals(name)) {',
  );
  j.s(`            p.setProperty(DestinationDataProvider.JCO_PASSWD, "${jpw}");`, 'generic', jpw);
  j.l('        } else {');
  j.l('            p.setProperty(DestinationDataProvider.JCO_PASSWD, System.getenv("SAP_RFC_PASSWORD"));');
  j.l('        }', '        return p;', '    }', '}');

  const y = repo.file('sap/connectors/sap-bridge/src/main/resources/application.yml', 'java');
  const hana = g.plain(18);
  const xs = g.xsuaa();
  y.l('sap:', '  hana:');
  y.s(
    `    url: jdbc:sap://hanaprd.forgeline.local:30015/?databaseName=PRD&user=MES_READ&password=${hana}`,
    'database',
    hana,
  );
  y.l('  btp:', '    xsuaa:');
  y.d(`      clientid: "sb-fl-mes-bridge!t${t.digits(5)}"`, 'xsuaa client id');
  y.s(`      clientsecret: "${xs}"`, 'sap', xs);
  y.l(
    '      url: https://forgeline.authentication.us10.hana.ondemand.com',
    '  cloud-connector:',
    '    location-id: PLANT_MKE',
    'spring:',
    '  datasource:',
    '    username: sapbridge',
  );
  y.d('    password: ${SAPBRIDGE_DB_PASSWORD}', 'spring placeholder');

  const ab = repo.file('sap/abap/ZFL_MES_CONFIRM.abap', 'abap');
  const apw = g.gen(16);
  const akey = g.plain(32);
  ab.l(
    'REPORT zfl_mes_confirm.',
    '',
    'DATA lo_http TYPE REF TO if_http_client.',
    '',
    "cl_http_client=>create_by_url( EXPORTING url    = 'https://mes.ot.forgeline.local/api/v1/confirmations'",
    '                              IMPORTING client = lo_http ).',
  );
  ab.s(`lo_http->authenticate( username = 'SAP_PUSH' password = '${apw}' ).`, 'generic', apw);
  ab.s(`lo_http->request->set_header_field( name = 'X-Api-Key' value = '${akey}' ).`, 'generic', akey);
  ab.l("lo_http->request->set_method( 'POST' ).", 'lo_http->send( ).', 'lo_http->receive( ).', '');
  ab.l("CALL FUNCTION 'BAPI_PRODORDCONF_CREATE_TT' DESTINATION 'MES_PRD'");
  ab.l('  TABLES timetickets = lt_tickets return = lt_return.');

  const us = repo.file('sap/abap/ZFL_RFC_USER_RESET.abap', 'abap');
  const upw = g.gen(16);
  us.l(
    'REPORT zfl_rfc_user_reset.',
    '* Resets the MES bridge RFC user after the quarterly lockout (see INC0047731)',
    'DATA ls_pwd TYPE bapipwd.',
  );
  us.s(`ls_pwd-bapipwd = '${upw}'.`, 'generic', upw);
  us.l(
    "CALL FUNCTION 'BAPI_USER_CHANGE'",
    "  EXPORTING username = 'RFC_MESBRIDGE'",
    '            password = ls_pwd',
    "            passwordx = VALUE bapipwdx( bapipwd = 'X' ).",
  );
  us.l('* Password policy: see transaction SECPOL, policy ZFL_SYSTEM');
}

// ---- Node-RED flows ------------------------------------------------------------------------------

function nodered(repo, t, g) {
  const s = repo.file('nodered/line2/settings.js', 'nodered');
  const cs = g.plain(32);
  s.l('module.exports = {', "    flowFile: 'flows.json',");
  s.s(`    credentialSecret: "${cs}",`, 'generic', cs);
  s.l('    adminAuth: {', '        type: "credentials",', '        users: [{');
  s.l('            username: "admin",');
  s.d(`            password: "${g.bcrypt('08')}",`, 'bcrypt hash');
  s.l('            permissions: "*"', '        }]', '    },');
  s.d(`    httpNodeAuth: { user: "andon", pass: "${g.bcrypt('08')}" },`, 'bcrypt hash');
  s.l('    uiPort: process.env.PORT || 1880,', '};');

  const f = repo.file('nodered/line2/flows.json', 'nodered');
  const sa = g.glsa();
  const tg = g.telegram();
  f.l('[');
  f.l('  { "id": "7f3a9c1e2b4d6f80", "type": "tab", "label": "Line 2 Andon" },');
  f.l(
    '  {',
    '    "id": "b51d0c2e9a7f4431",',
    '    "type": "function",',
    '    "z": "7f3a9c1e2b4d6f80",',
    '    "name": "annotate grafana",',
  );
  f.s(
    `    "func": ${JSON.stringify(`msg.headers = { "Authorization": "Bearer ${sa}", "Content-Type": "application/json" };\nmsg.payload = { dashboardUID: "fl-l2-oee", text: msg.payload.reason };\nreturn msg;`)},`,
    'grafana',
    sa,
  );
  f.l(
    '    "outputs": 1',
    '  },',
    '  {',
    '    "id": "c0e8a3f71d2b6e95",',
    '    "type": "http request",',
    '    "method": "POST",',
  );
  f.s(`    "url": "https://api.telegram.org/bot${tg}/sendMessage",`, 'telegram', tg);
  f.l(
    '    "ret": "obj"',
    '  },',
    '  {',
    '    "id": "e4b7219f0ac35d68",',
    '    "type": "mqtt-broker",',
    '    "broker": "mqtt.ot.forgeline.local",',
    '    "port": "8883",',
    '    "usetls": true',
  );
  f.l('  }', ']');

  const fc = repo.file('nodered/line2/flows_cred.json', 'nodered');
  const mp = g.gen(18);
  const it = g.influx();
  fc.l('{');
  fc.s(`  "e4b7219f0ac35d68": { "user": "nodered-l2", "password": "${mp}" },`, 'generic', mp);
  fc.s(`  "a9d3f0e1c7b24586": { "token": "${it}" }`, 'influxdb', it);
  fc.l('}');

  const fe = repo.file('nodered/line3/flows_cred.json', 'nodered');
  fe.d(`{"$":"${t.pick(HEX, 32)}${g.b64(172)}=="}`, 'node-red encrypted credentials');

  const np = repo.file('nodered/.npmrc', 'nodered');
  const gh = t.github();
  const npm = t.npm();
  np.l('@forgeline:registry=https://npm.pkg.github.com/');
  np.s(`//npm.pkg.github.com/:_authToken=${gh}`, 'github', gh);
  np.s(`//registry.npmjs.org/:_authToken=${npm}`, 'npm', npm);
  np.d('//artifactory.forgeline.io/artifactory/api/npm/npm-virtual/:_authToken=${ARTIFACTORY_NPM_TOKEN}', 'variable');
}

// ---- Python quality-inspection ML --------------------------------------------------------------

function qualityMl(repo, t, g) {
  const tr = repo.file('quality-ml/vision/train.py', 'python');
  const wb = g.wandb();
  const hf = g.hf();
  const mlpw = g.gen(18);
  const ma = g.minioAccess();
  const ms = g.minioSecret();
  tr.l(
    'import os',
    '',
    'import mlflow',
    'import wandb',
    'from huggingface_hub import login',
    'from ultralytics import YOLO',
    '',
  );
  tr.s(`wandb.login(key="${wb}")`, 'wandb', wb);
  tr.s(`login(token="${hf}")`, 'huggingface', hf);
  tr.l(
    'os.environ["MLFLOW_TRACKING_URI"] = "https://mlflow.ot.forgeline.local"',
    'os.environ["MLFLOW_TRACKING_USERNAME"] = "vision-ci"',
  );
  tr.s(`os.environ["MLFLOW_TRACKING_PASSWORD"] = "${mlpw}"`, 'generic', mlpw);
  tr.l('os.environ["MLFLOW_S3_ENDPOINT_URL"] = "https://minio.ot.forgeline.local:9000"');
  tr.l(`os.environ["AWS_ACCESS_KEY_ID"] = "${ma}"`);
  tr.s(`os.environ["AWS_SECRET_ACCESS_KEY"] = "${ms}"`, 'generic', ms);
  tr.l('BASE_MODEL = "Ultralytics/YOLOv8"  # public hub model id');
  tr.l('', 'model = YOLO("yolov8s.pt")', 'model.train(data="configs/weld_defects.yaml", epochs=120, imgsz=1024)');

  const cfg = repo.file('quality-ml/vision/configs/inspection.yaml', 'python');
  const rf = g.plain(20);
  const cam = g.human().replace(/[^A-Za-z0-9!*.-]/g, '');
  cfg.l('roboflow:', '  workspace: forgeline-quality', '  project: weld-seams');
  cfg.s(`  api_key: ${rf}`, 'generic', rf);
  cfg.l('cameras:', '  - name: l3-weld-cam-01');
  cfg.s(`    url: rtsp://admin:${cam}@10.30.5.21:554/Streaming/Channels/101`, 'generic', cam);
  cfg.l('  - name: l3-weld-cam-02');
  cfg.d('    url: rtsp://${CAM_USER}:${CAM_PASS}@10.30.5.22:554/Streaming/Channels/101', 'env interpolation');
  cfg.l(`model_sha256: ${t.sha256()}`);

  const nb = repo.file('quality-ml/notebooks/defect-detection-eda.ipynb', 'notebook');
  const sk = t.azureStorageKey();
  const oa = t.openai();
  nb.l(
    '{',
    ' "cells": [',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 2,',
    '   "metadata": {},',
    '   "outputs": [',
    '    {',
    '     "name": "stderr",',
    '     "output_type": "stream",',
    '     "text": [',
  );
  nb.l(`      ${JSON.stringify('wandb: Appending key for api.wandb.ai to your netrc file: /home/jovyan/.netrc\n')}`);
  nb.l(
    '     ]',
    '    }',
    '   ],',
    '   "source": [',
    `    ${JSON.stringify('from azure.storage.blob import BlobServiceClient\n')},`,
  );
  nb.s(
    `    ${JSON.stringify(`blob = BlobServiceClient.from_connection_string("DefaultEndpointsProtocol=https;AccountName=flqualityml;AccountKey=${sk};EndpointSuffix=core.windows.net")\n`)},`,
    'azure',
    sk,
  );
  nb.s(`    ${JSON.stringify(`os.environ["OPENAI_API_KEY"] = "${oa}"\n`)},`, 'openai', oa);
  nb.d(`    ${JSON.stringify('hf_token = getpass.getpass("HF token: ")')}`, 'getpass prompt');
  nb.l(
    '   ]',
    '  },',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 3,',
    '   "metadata": {},',
    '   "outputs": [',
    '    {',
    '     "data": {',
  );
  nb.d(`      "image/png": "${t.pngBase64()}",`, 'base64 image');
  nb.l(
    '      "text/plain": ["<Figure size 1200x400 with 3 Axes>"]',
    '     },',
    '     "metadata": {},',
    '     "output_type": "display_data"',
    '    }',
    '   ],',
    '   "source": [',
  );
  nb.l(`    ${JSON.stringify('plot_defect_rates(df, by="shift")')}`, '   ]', '  }', ' ],');
  nb.l(
    ' "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},',
    ' "nbformat": 4,',
    ' "nbformat_minor": 5',
    '}',
  );

  const nb2 = repo.file('quality-ml/notebooks/spc-drift.ipynb', 'notebook');
  const odbc = g.plain(16);
  const inf = g.influx();
  const lbl = g.wandb();
  nb2.l(
    '{',
    ' "cells": [',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 1,',
    '   "metadata": {},',
    '   "outputs": [',
    '    {',
    '     "name": "stdout",',
    '     "output_type": "stream",',
    '     "text": [',
  );
  nb2.s(`      ${JSON.stringify(`Label Studio client ready (token ${lbl})\n`)}`, 'generic', lbl);
  nb2.l('     ]', '    }', '   ],', '   "source": [', `    ${JSON.stringify('import pyodbc\n')},`);
  nb2.s(
    `    ${JSON.stringify(`conn = pyodbc.connect("DRIVER={ODBC Driver 18 for SQL Server};SERVER=sql-mes01.ot.forgeline.local;DATABASE=MES;UID=quality_ro;PWD=${odbc}")\n`)},`,
    'database',
    odbc,
  );
  nb2.s(
    `    ${JSON.stringify(`influx = InfluxDBClient(url="http://influxdb.ot.forgeline.local:8086", token="${inf}", org="forgeline")\n`)},`,
    'influxdb',
    inf,
  );
  nb2.l(
    `    ${JSON.stringify('ls = Client(url="https://labelstudio.ot.forgeline.local", api_key=os.environ["LABEL_STUDIO_API_KEY"])')}`,
  );
  nb2.l('   ]', '  }', ' ],', ' "metadata": {},', ' "nbformat": 4,', ' "nbformat_minor": 5', '}');

  const rq = repo.file('quality-ml/requirements.txt', 'python');
  const pat = g.adoPat();
  rq.s(
    `--extra-index-url https://build:${pat}@pkgs.dev.azure.com/forgeline/_packaging/ml/pypi/simple/`,
    'azure-devops',
    pat,
  );
  for (const p of ['ultralytics==8.2.48', 'opencv-python-headless==4.10.0.84']) {
    rq.l(`${p} \\`);
    rq.d(`    --hash=sha256:${t.sha256()}`, 'pip hash');
  }

  const env = repo.file('quality-ml/.env', 'env');
  const ehf = g.hf();
  const els = g.wandb();
  env.l('MLFLOW_TRACKING_URI=https://mlflow.ot.forgeline.local');
  env.s(`HF_TOKEN=${ehf}`, 'huggingface', ehf);
  env.s(`LABEL_STUDIO_API_KEY=${els}`, 'generic', els);
  env.l('WANDB_MODE=offline');

  const ex = repo.file('quality-ml/.env.example', 'env');
  ex.d('HF_TOKEN=hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'placeholder');
  ex.d('LABEL_STUDIO_API_KEY=<label-studio-token>', 'placeholder');
  ex.l('AWS_SECRET_ACCESS_KEY=');

  const fx = repo.file('quality-ml/tests/fixtures/fake_env.py', 'python');
  fx.d('FAKE_WANDB_KEY = "0000000000000000000000000000000000000000"', 'zeroed test key');
  fx.l('FAKE_MINIO_SECRET = "minio-secret-for-unit-tests-only"');
}

// ---- Azure IoT Hub / DPS and AWS IoT Greengrass provisioning ------------------------------------

function provisioning(repo, t, g) {
  const scope = `0ne00${t.pick('0123456789ABCDEF', 6)}`;
  const c = repo.file('provisioning/azure-iot/edge/config.toml', 'iot');
  const sym = g.sasKey();
  c.l(
    'hostname = "edge-l3-01"',
    '',
    '[provisioning]',
    'source = "dps"',
    'global_endpoint = "https://global.azure-devices-provisioning.net"',
  );
  c.d(`id_scope = "${scope}"`, 'dps id scope (public)');
  c.l('', '[provisioning.attestation]', 'method = "symmetric_key"', 'registration_id = "edge-l3-01"');
  c.s(`symmetric_key = { value = "${sym}" }`, 'azure', sym);

  const cm = repo.file('provisioning/azure-iot/edge/config-manual.toml', 'iot');
  const dk = g.sasKey();
  cm.l('hostname = "edge-l2-02"', '', '[provisioning]', 'source = "manual"');
  cm.s(
    `connection_string = "HostName=fl-iothub-prod.azure-devices.net;DeviceId=edge-l2-02;SharedAccessKey=${dk}"`,
    'azure',
    dk,
  );

  const en = repo.file('provisioning/azure-iot/dps/enroll_devices.py', 'iot');
  const grp = g.dpsKey();
  en.l('import base64', 'import hashlib', 'import hmac', '');
  en.l(`ID_SCOPE = "${scope}"`);
  en.s(`GROUP_PRIMARY_KEY = "${grp}"`, 'azure', grp);
  en.l(
    '',
    'def derive_device_key(registration_id: str) -> str:',
    '    key = base64.b64decode(GROUP_PRIMARY_KEY)',
    '    return base64.b64encode(hmac.new(key, registration_id.encode(), hashlib.sha256).digest()).decode()',
  );

  const ps = repo.file('provisioning/azure-iot/scripts/Register-Gateway.ps1', 'iot');
  const own = g.sasKey();
  ps.l('param([Parameter(Mandatory)] [string]$DeviceId)');
  ps.s(
    `$hubOwner = "HostName=fl-iothub-prod.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey=${own}"`,
    'azure',
    own,
  );
  ps.l('az iot hub device-identity create --device-id $DeviceId --edge-enabled --login $hubOwner');
  ps.l('az iot hub device-identity connection-string show --hub-name fl-iothub-prod --device-id $DeviceId');

  const dm = repo.file('provisioning/azure-iot/edge/deployment.template.json', 'iot');
  const acr = g.acrPw();
  const dinf = g.influx();
  dm.l(
    '{',
    '  "modulesContent": {',
    '    "$edgeAgent": {',
    '      "properties.desired": {',
    '        "runtime": {',
    '          "type": "docker",',
    '          "settings": {',
    '            "registryCredentials": {',
    '              "flacr": {',
    '                "username": "flacrprod",',
  );
  dm.s(`                "password": "${acr}",`, 'azure', acr);
  dm.l(
    '                "address": "flacrprod.azurecr.io"',
    '              }',
    '            }',
    '          }',
    '        },',
    '        "modules": {',
    '          "plc-collector": {',
    '            "settings": {',
    '              "image": "flacrprod.azurecr.io/plc-collector:2.4.1",',
  );
  dm.s(
    `              "createOptions": "{\\"Env\\":[\\"INFLUX_URL=http://influxdb:8086\\",\\"INFLUX_TOKEN=${dinf}\\"]}"`,
    'influxdb',
    dinf,
  );
  dm.l('            }', '          }', '        }', '      }', '    }', '  }', '}');

  const dd = repo.file('provisioning/azure-iot/edge/deployment.debug.template.json', 'iot');
  dd.l('{', '  "registryCredentials": {', '    "flacr": {', '      "username": "$CONTAINER_REGISTRY_USERNAME",');
  dd.d('      "password": "$CONTAINER_REGISTRY_PASSWORD",', 'iot edge template variable');
  dd.l('      "address": "flacrprod.azurecr.io"', '    }', '  }', '}');

  const gc = repo.file('provisioning/aws-greengrass/config.yaml', 'iot');
  gc.l('system:');
  gc.l('  certificateFilePath: "/greengrass/v2/thingCert.crt"');
  gc.l('  privateKeyPath: "/greengrass/v2/privKey.key"');
  gc.l(
    '  rootCaPath: "/greengrass/v2/AmazonRootCA1.pem"',
    '  rootpath: "/greengrass/v2"',
    '  thingName: "fl-mke-edge-03"',
    'services:',
    '  aws.greengrass.Nucleus:',
    '    componentType: "NUCLEUS"',
    '    version: "2.12.1"',
    '    configuration:',
    '      awsRegion: "us-east-2"',
    '      iotRoleAlias: "FlGreengrassCoreTokenExchangeRoleAlias"',
  );
  gc.d(`      iotDataEndpoint: "${t.lower(14)}-ats.iot.us-east-2.amazonaws.com"`, 'iot data endpoint (hostname)');
  gc.l(`      iotCredEndpoint: "${t.lower(14)}.credentials.iot.us-east-2.amazonaws.com"`);

  const ins = repo.file('provisioning/aws-greengrass/install-core.sh', 'iot');
  const ak = t.awsId();
  const as = t.awsSecret();
  ins.l(
    '#!/usr/bin/env bash',
    'set -euo pipefail',
    '# one-off installer for new edge boxes; uses the fl-gg-provisioner IAM user',
  );
  ins.s(`export AWS_ACCESS_KEY_ID=${ak}`, 'aws', ak);
  ins.s(`export AWS_SECRET_ACCESS_KEY=${as}`, 'aws', as);
  ins.l(
    'sudo -E java -Droot="/greengrass/v2" -Dlog.store=FILE -jar ./GreengrassInstaller/lib/Greengrass.jar \\',
    '  --aws-region us-east-2 --thing-name "$1" --thing-group-name FlEdgeMKE \\',
    '  --component-default-user ggc_user:ggc_group --provision true --setup-system-service true',
  );

  const claim = repo.file('provisioning/aws-greengrass/fleet-provisioning/claim.private.pem.key', 'keys');
  const ck = t.rsaPem();
  claim.s(ck, 'private-key', ck.join('\n'));
  const cc = repo.file('provisioning/aws-greengrass/fleet-provisioning/claim.pem.crt', 'keys');
  cc.d(g.certLines(), 'public certificate');
  const cj = repo.file('provisioning/aws-greengrass/fleet-provisioning/claim.json', 'iot');
  const certId = t.pick(HEX, 64);
  cj.l('{');
  cj.d(`  "certificateId": "${certId}",`, 'aws iot certificate id');
  cj.l(`  "certificateArn": "arn:aws:iot:us-east-2:${t.digits(12)}:cert/${certId}",`);
  cj.l('  "templateName": "FlEdgeFleetTemplate"', '}');

  const rc = repo.file('provisioning/aws-greengrass/components/com.forgeline.PlcCollector/recipe.yaml', 'iot');
  const rin = g.influx();
  rc.l(
    'RecipeFormatVersion: "2020-01-25"',
    'ComponentName: com.forgeline.PlcCollector',
    'ComponentVersion: "2.4.1"',
    'ComponentConfiguration:',
    '  DefaultConfiguration:',
    '    influxUrl: "http://localhost:8086"',
  );
  rc.s(`    influxToken: "${rin}"`, 'influxdb', rin);
  rc.l(
    'Manifests:',
    '  - Platform: { os: linux }',
    '    Artifacts:',
    '      - URI: s3://fl-gg-artifacts/plc-collector/2.4.1/plc-collector.tar.gz',
  );
  rc.d(`        Digest: ${Buffer.from(t.pick(HEX, 64), 'hex').toString('base64')}`, 'artifact digest');
  rc.l(
    '        Algorithm: SHA-256',
    '    Lifecycle:',
    '      Run: "{artifacts:decompressedPath}/plc-collector/bin/run"',
  );
}

// ---- Siemens / Rockwell engineering notes -------------------------------------------------------

function engineering(repo, t, g) {
  const s = repo.file('docs/engineering/siemens/tia-portal-notes.md', 'docs');
  const full = g.human();
  const kh = g.gen(14);
  const web = g.human();
  s.l('# TIA Portal notes - Line 3 press (S7-1516F)', '', '## Access protection', '');
  s.s(`- CPU protection level "Full access (incl. fail-safe)" password: \`${full}\``, 'generic', full);
  s.s(`- Know-how protection on FB_PressCtrl / FB_DieChange: \`${kh}\``, 'generic', kh);
  s.s(`- Web server user \`Service\` (diagnostics only): \`${web}\``, 'generic', web);
  s.d(
    '- SCALANCE XC208 ships with the documented factory default admin/admin; changed at commissioning (see vault).',
    'documented vendor default',
  );
  s.l('- PROFINET device names: `l3-et200sp-01`, `l3-g120-press`, `l3-scalance-01`.');
  s.l(`- Project archive \`FL_L3_Press_V17.zap17\` SHA-256 \`${t.sha256()}\`.`);

  const r = repo.file('docs/engineering/rockwell/studio5000-notes.md', 'docs');
  const ft = g.human();
  r.l('# Studio 5000 / FactoryTalk notes - Line 2 packaging', '');
  r.s(`FactoryTalk Directory admin: \`FORGELINE\\ftadmin\` / \`${ft}\``, 'generic', ft);
  r.l(
    'Source protection keys are kept in `sk.dat` on the engineering share (Logix Designer reads it via the Source Protection Configuration tool).',
  );
  r.l('CIP path to the L83E: `1,0`; slot 0, EtherNet/IP module EN4TR in slot 2.');

  const sk = repo.file('docs/engineering/rockwell/sk.dat', 'docs');
  const k1 = g.gen(16);
  const k2 = g.gen(16);
  sk.s(`${k1},L2_Packaging_AOIs`, 'generic', k1);
  sk.s(`${k2},L2_Palletizer`, 'generic', k2);
}

// ---- Ansible for the plant-floor Linux boxes ---------------------------------------------------

function ansible(repo, t, g) {
  const inv = repo.file('ansible/inventory/plant-mke.ini', 'ansible');
  const become = g.human();
  const ssh = g.gen(16);
  inv.l(
    '[edge]',
    'edge-l2-02 ansible_host=10.30.2.50',
    'edge-l3-01 ansible_host=10.30.3.50',
    '',
    '[edge:vars]',
    'ansible_user=flops',
  );
  inv.s(`ansible_become_password=${become}`, 'generic', become);
  inv.l('', '[historian]');
  inv.s(`hist01 ansible_host=10.30.10.5 ansible_user=root ansible_ssh_pass=${ssh}`, 'generic', ssh);

  const gv = repo.file('ansible/group_vars/edge/vars.yml', 'ansible');
  const inf = g.influx();
  const k3 = g.k3s();
  const ts = g.tailscale();
  gv.l('---', 'influx_url: http://influxdb.ot.forgeline.local:8086');
  gv.s(`influx_token: "${inf}"`, 'influxdb', inf);
  gv.d('mqtt_password: "{{ vault_mqtt_password }}"', 'jinja vault reference');
  gv.s(`k3s_token: "${k3}"`, 'k3s', k3);
  gv.s(`tailscale_authkey: "${ts}"`, 'tailscale', ts);

  const vv = repo.file('ansible/group_vars/edge/vault.yml', 'ansible');
  vv.d(['$ANSIBLE_VAULT;1.1;AES256', ...Array.from({ length: 6 }, () => t.pick(HEX, 80))], 'ansible vault ciphertext');

  const tk = repo.file('ansible/roles/historian/tasks/main.yml', 'ansible');
  const pg = g.gen(20);
  const wpsk = g.wifiPsk();
  tk.l('---', '- name: Grafana database user', '  community.postgresql.postgresql_user:', '    name: grafana');
  tk.s(`    password: "${pg}"`, 'generic', pg);
  tk.l(
    '    db: grafana',
    '',
    '- name: Maintenance Wi-Fi',
    '  community.general.nmcli:',
    '    conn_name: FL-MAINT',
    '    type: wifi',
    '    ssid: FL-MAINT',
    '    wifi_sec:',
    '      key-mgmt: wpa-psk',
  );
  tk.s(`      psk: "${wpsk}"`, 'generic', wpsk);
  tk.l('    state: present', '', '- name: InfluxDB admin token');
  tk.d(
    "  ansible.builtin.set_fact: { influx_admin_token: \"{{ lookup('community.hashi_vault.hashi_vault', 'secret=ot/data/influx:token') }}\" }",
    'vault lookup',
  );

  const cfg = repo.file('ansible/ansible.cfg', 'ansible');
  cfg.l('[defaults]', 'inventory = inventory/plant-mke.ini');
  cfg.l('vault_password_file = ~/.ansible/fl_vault_pass');
  cfg.l('host_key_checking = True');
}

// ---- Windows batch and PowerShell for HMI PCs ---------------------------------------------------

function hmiWindows(repo, t, g) {
  const reg = repo.file('hmi/windows/autologon.reg', 'windows');
  const al = g.human();
  reg.l(
    'Windows Registry Editor Version 5.00',
    '',
    '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon]',
    '"AutoAdminLogon"="1"',
    '"DefaultUserName"="hmi-operator"',
    '"DefaultDomainName"="HMI-L3-01"',
  );
  reg.s(`"DefaultPassword"="${al}"`, 'generic', al);

  const bat = repo.file('hmi/windows/setup-hmi.bat', 'windows');
  const op = g.plain(14);
  const svc = g.plain(16);
  const st = g.plain(16);
  bat.l('@echo off', 'REM Prepares a new WinCC / FactoryTalk View HMI PC');
  bat.s(`net user hmi-operator ${op} /add /passwordchg:no`, 'generic', op);
  bat.s(
    `net use H: \\\\fs01.ot.forgeline.local\\HMI-Recipes /user:FORGELINE\\svc_hmi ${svc} /persistent:yes`,
    'generic',
    svc,
  );
  bat.s(
    `schtasks /create /tn "Recipe Sync" /tr "C:\\FL\\recipe-sync.cmd" /sc hourly /ru FORGELINE\\svc_hmi /rp ${st}`,
    'generic',
    st,
  );
  bat.d(
    'net use R: \\\\fs01.ot.forgeline.local\\Reports /user:FORGELINE\\svc_hmi %RECIPE_PW% /persistent:no',
    'variable',
  );
  bat.l('set /p LOCALADMIN_PW=Enter local admin password: ');

  const ps = repo.file('hmi/windows/Install-WinCCClient.ps1', 'windows');
  const spw = g.gen(18);
  const piUser = 'svc_piexport';
  const piPw = g.plain(16);
  ps.l('$ErrorActionPreference = "Stop"');
  ps.s(`$pw = ConvertTo-SecureString "${spw}" -AsPlainText -Force`, 'generic', spw);
  ps.l('$cred = New-Object System.Management.Automation.PSCredential("FORGELINE\\svc_wincc", $pw)');
  ps.d(
    `$stored = ConvertTo-SecureString "01000000d08c9ddf0115d1118c7a00c04fc297eb01000000${t.pick(HEX, 420)}"`,
    'dpapi-encrypted string',
  );
  ps.s(
    `Invoke-RestMethod -Uri "https://pi-vision.ot.forgeline.local/piwebapi/points?path=\\\\\\\\pi01\\\\L3.Press3.Temp" -Headers @{ Authorization = "Basic ${g.enc(`${piUser}:${piPw}`)}" }`,
    'generic',
    piPw,
  );
  ps.l('$adminPw = Read-Host -Prompt "Local admin password" -AsSecureString');

  const kb = repo.file('hmi/windows/kepware-backup.cmd', 'windows');
  const kpw = g.plain(16);
  kb.l('@echo off', 'set OUT=E:\\Backups\\Kepware\\%DATE:~-4%%DATE:~4,2%%DATE:~7,2%.json');
  kb.s(
    `curl -s -u Administrator:${kpw} http://kepware01.ot.forgeline.local:57412/config/v1/project -o %OUT%`,
    'generic',
    kpw,
  );
  kb.l('curl -s -u Administrator:%KEP_PW% http://kepware02.ot.forgeline.local:57412/config/v1/project -o %OUT%');

  const tv = repo.file('hmi/windows/Deploy-RemoteSupport.ps1', 'windows');
  const tvPw = g.gen(14);
  tv.l('# Installs the vendor remote-support agent on HMI PCs (approved by OT security, CHG0031420)');
  tv.s(
    `Start-Process msiexec.exe -ArgumentList "/i TeamViewer_Host.msi /qn CUSTOMCONFIGID=6x4zq2k APITOKEN=${t.digits(8)}-${t.mixed(ALNUM, 20)} SETTINGSFILE=fl.tvopt PASSWORD=${tvPw}" -Wait`,
    'generic',
    tvPw,
  );
  tv.l('Get-Service TeamViewer | Select-Object Status, StartType');
}

// ---- Network gear: Cisco and Fortinet -----------------------------------------------------------

function network(repo, t, g) {
  const sw = repo.file('network/cisco/ie3400-l3-sw01.cfg', 'network');
  const techPw = g.plain(10);
  const comm = g.plain(16);
  const v3a = g.plain(16);
  const tac = g.plain(20);
  const vty = g.plain(10);
  sw.l('hostname ie3400-l3-sw01', '!');
  sw.d(`enable secret 9 ${g.type9()}`, 'type 9 scrypt hash');
  sw.l(`username netadmin privilege 15 secret 9 ${g.type9()}`);
  const t7 = g.type7(techPw);
  sw.s(`username tech privilege 1 password 7 ${t7}`, 'generic', t7);
  sw.l('!');
  sw.s(`snmp-server community ${comm} RO 10`, 'generic', comm);
  sw.s(`snmp-server user nms-v3 NMSGROUP v3 auth sha ${v3a} priv aes 128 ${v3a}`, 'generic', v3a);
  sw.l('!', 'tacacs server ISE01', ' address ipv4 10.10.1.20');
  const tac7 = g.type7(tac);
  sw.s(` key 7 ${tac7}`, 'generic', tac7);
  sw.l('!', 'line vty 0 4', ' transport input ssh');
  const vty7 = g.type7(vty);
  sw.s(` password 7 ${vty7}`, 'generic', vty7);
  sw.l('!', 'crypto pki certificate chain TP-self-signed-3109240711', ' certificate self-signed 01');
  sw.d(
    `  3082032E 30820216 A0030201 02020101 300D0609 2A864886 F70D0101 05050030 ${t.pick('0123456789ABCDEF', 8)} ${t.pick('0123456789ABCDEF', 8)}`,
    'public certificate hex dump',
  );
  sw.l('  quit', 'end');

  const vpn = repo.file('network/cisco/isr4331-mke-wan.cfg', 'network');
  const psk1 = g.gen(24);
  const psk2 = g.gen(24);
  vpn.l(
    'hostname isr4331-mke-wan',
    '!',
    'crypto isakmp policy 10',
    ' encr aes 256',
    ' authentication pre-share',
    ' group 14',
  );
  vpn.s(`crypto isakmp key ${psk1} address 203.0.113.10`, 'generic', psk1);
  vpn.l('!', 'crypto ikev2 keyring KR-AZURE', ' peer azure-vng', '  address 198.51.100.24');
  vpn.s(`  pre-shared-key ${psk2}`, 'generic', psk2);
  vpn.l(' ! pre-shared-key for the lab peer is in KeePass "WAN/lab"');

  const fg = repo.file('network/fortinet/fgt-plant-edge.conf', 'network');
  const fpsk = g.gen(24);
  const fvend = g.human();
  fg.l('config system admin', '    edit "admin"', '        set accprofile "super_admin"');
  fg.d(`        set password ENC ${g.fortiHash()}`, 'fortios sh2 password hash');
  fg.l(
    '    next',
    'end',
    'config vpn ipsec phase1-interface',
    '    edit "to-azure"',
    '        set interface "wan1"',
    '        set remote-gw 198.51.100.24',
  );
  fg.s(`        set psksecret "${fpsk}"`, 'generic', fpsk);
  fg.l('    next', 'end', 'config user local', '    edit "vendor-siemens"', '        set type password');
  fg.s(`        set passwd "${fvend}"`, 'generic', fvend);
  fg.l('    next', 'end');

  const fb = repo.file('network/fortinet/backup_config.py', 'network');
  const ftok = g.forti();
  fb.l('import requests', '', 'FGT_HOST = "fgt-plant-edge.ot.forgeline.local"');
  fb.s(`FGT_TOKEN = "${ftok}"`, 'fortinet', ftok);
  fb.l(
    'r = requests.get(f"https://{FGT_HOST}/api/v2/monitor/system/config/backup?scope=global", headers={"Authorization": f"Bearer {FGT_TOKEN}"}, verify="/etc/fl/ca.pem")',
  );
}

// ---- k3s at the edge ------------------------------------------------------------------------------

function edgeK3s(repo, t, g) {
  const c = repo.file('edge/k3s/config.yaml', 'k8s');
  const tok = g.k3s();
  c.s(`token: "${tok}"`, 'k3s', tok);
  c.l('write-kubeconfig-mode: "0640"', 'tls-san:', '  - edge-l3-01.ot.forgeline.local', 'disable:', '  - traefik');

  const ag = repo.file('edge/k3s/agent-config.yaml', 'k8s');
  ag.l('server: https://edge-l3-01.ot.forgeline.local:6443');
  ag.l('token-file: /etc/rancher/k3s/cluster-token');

  const rg = repo.file('edge/k3s/registries.yaml', 'k8s');
  const acr = g.acrPw();
  const art = g.artRef();
  rg.l(
    'mirrors:',
    '  "flacrprod.azurecr.io":',
    '    endpoint: ["https://flacrprod.azurecr.io"]',
    'configs:',
    '  "flacrprod.azurecr.io":',
    '    auth:',
    '      username: flacrprod',
  );
  rg.s(`      password: "${acr}"`, 'azure', acr);
  rg.l('  "artifactory.forgeline.io":', '    auth:', '      username: k3s-pull');
  rg.s(`      password: "${art}"`, 'jfrog', art);

  const s = repo.file('edge/manifests/historian-secrets.yaml', 'k8s');
  const inf = g.influx();
  const gadm = g.human();
  const pg = g.gen(20);
  s.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: historian',
    '  namespace: historian',
    'type: Opaque',
    'data:',
  );
  s.s(`  INFLUX_TOKEN: ${g.enc(inf)}`, 'influxdb', inf);
  s.s(`  GF_SECURITY_ADMIN_PASSWORD: ${g.enc(gadm)}`, 'generic', gadm);
  s.s(`  POSTGRES_PASSWORD: ${g.enc(pg)}`, 'generic', pg);
  s.d(`  TZ: ${g.enc('America/Chicago')}`, 'base64 of a plain setting');

  const hc = repo.file('edge/manifests/nodered-helmchart.yaml', 'k8s');
  const cs = g.plain(32);
  hc.l(
    'apiVersion: helm.cattle.io/v1',
    'kind: HelmChart',
    'metadata:',
    '  name: node-red',
    '  namespace: kube-system',
    'spec:',
    '  repo: https://schwarzit.github.io/node-red-chart/',
    '  chart: node-red',
    '  targetNamespace: nodered',
    '  valuesContent: |-',
    '    image:',
  );
  hc.d(`      tag: "3.1.9@sha256:${t.sha256()}"`, 'image digest');
  hc.l('    env:', '      - name: NODE_RED_CREDENTIAL_SECRET');
  hc.s(`        value: "${cs}"`, 'generic', cs);

  const dp = repo.file('edge/manifests/opcua-bridge.yaml', 'k8s');
  const opw = g.gen(18);
  dp.l(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: opcua-bridge',
    '  namespace: bridges',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: bridge',
    '          image: flacrprod.azurecr.io/opcua-bridge:1.9.0',
    '          env:',
    '            - name: OPCUA_PASSWORD',
  );
  dp.s(`              value: "${opw}"`, 'generic', opw);
  dp.l('            - name: MQTT_PASSWORD', '              valueFrom:', '                secretKeyRef:');
  dp.l('                  name: bridge-mqtt');
  dp.l('                  key: password');

  const ss = repo.file('edge/manifests/sealed-sap.yaml', 'encrypted');
  ss.l(
    'apiVersion: bitnami.com/v1alpha1',
    'kind: SealedSecret',
    'metadata:',
    '  name: sap-bridge',
    '  namespace: bridges',
    'spec:',
    '  encryptedData:',
  );
  ss.d(`    SAP_RFC_PASSWORD: AgB${g.b64(600)}==`, 'sealed secret');

  const kc = repo.file('edge/kubeconfig-edge-l3.yaml', 'k8s');
  const key = t.ecPem();
  kc.l(
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '  - name: edge-l3',
    '    cluster:',
    '      server: https://edge-l3-01.ot.forgeline.local:6443',
  );
  kc.d(`      certificate-authority-data: ${g.enc(g.certLines().join('\n'))}`, 'ca certificate');
  kc.l('users:', '  - name: default', '    user:');
  kc.l(`      client-certificate-data: ${g.enc(g.certLines().join('\n'))}`);
  kc.s(`      client-key-data: ${g.enc(key.join('\n'))}`, 'private-key', key.join('\n'));
  kc.l(
    'contexts:',
    '  - name: edge-l3',
    '    context: { cluster: edge-l3, user: default }',
    'current-context: edge-l3',
  );
}

// ---- Terraform (Azure) ----------------------------------------------------------------------------

function terraform(repo, t, g) {
  const m = repo.file('infra/terraform/main.tf', 'terraform');
  const be = t.azureStorageKey();
  const cs = g.azSecret();
  const sql = g.gen(24);
  const vm = g.human();
  const kv = g.gen(16);
  m.l(
    'terraform {',
    '  required_providers {',
    '    azurerm = { source = "hashicorp/azurerm", version = "~> 3.110" }',
    '  }',
    '  backend "azurerm" {',
    '    resource_group_name  = "rg-fl-tfstate"',
    '    storage_account_name = "fltfstate"',
    '    container_name       = "tfstate"',
    '    key                  = "ot-prod.tfstate"',
  );
  m.s(`    access_key           = "${be}"`, 'azure', be);
  m.l('  }', '}', '', 'provider "azurerm" {', '  features {}');
  m.d(`  subscription_id = "${t.uuid()}"`, 'subscription id');
  m.l(`  tenant_id       = "${t.uuid()}"`);
  m.l(`  client_id       = "${t.uuid()}"`);
  m.s(`  client_secret   = "${cs}"`, 'azure', cs);
  m.l(
    '}',
    '',
    'resource "azurerm_iothub" "prod" {',
    '  name                = "fl-iothub-prod"',
    '  resource_group_name = azurerm_resource_group.iot.name',
    '  sku { name = "S1"\n    capacity = 2 }',
    '}',
    '',
  );
  m.l(
    'resource "azurerm_mssql_server" "mes" {',
    '  name                         = "fl-mes-sql"',
    '  version                      = "12.0"',
    '  administrator_login          = "flsqladmin"',
  );
  m.s(`  administrator_login_password = "${sql}"`, 'generic', sql);
  m.l(
    '}',
    '',
    'resource "azurerm_linux_virtual_machine" "historian" {',
    '  name           = "vm-fl-hist-01"',
    '  size           = "Standard_D4s_v5"',
    '  admin_username = "flops"',
  );
  m.s(`  admin_password = "${vm}"`, 'generic', vm);
  m.l(
    '  disable_password_authentication = false',
    '}',
    '',
    'resource "azurerm_key_vault_secret" "sap_rfc" {',
    '  name         = "sap-rfc-password"',
  );
  m.s(`  value        = "${kv}"`, 'generic', kv);
  m.l(
    '  key_vault_id = azurerm_key_vault.ot.id',
    '}',
    '',
    'resource "azurerm_key_vault_secret" "influx" {',
    '  name         = "influx-token"',
  );
  m.l('  value        = random_password.influx.result');
  m.l('  key_vault_id = azurerm_key_vault.ot.id', '}');

  const v = repo.file('infra/terraform/variables.tf', 'terraform');
  const glc = g.glc();
  v.l('variable "grafana_cloud_token" {', '  type      = string', '  sensitive = true');
  v.s(`  default   = "${glc}"`, 'grafana', glc);
  v.l('}', '', 'variable "vpn_shared_key" {', '  type      = string', '  sensitive = true');
  v.l('  default   = ""');
  v.l('}');

  const tv = repo.file('infra/terraform/envs/prod.tfvars', 'terraform');
  const tcs = g.azSecret();
  const vpn = g.gen(32);
  tv.l('location = "centralus"');
  tv.s(`sp_client_secret = "${tcs}"`, 'azure', tcs);
  tv.s(`vpn_shared_key   = "${vpn}"`, 'generic', vpn);
  tv.d('pagerduty_token  = "REPLACE_ME"', 'placeholder');
  tv.l(`dps_id_scope     = "0ne00${t.pick('0123456789ABCDEF', 6)}"`);

  const st = repo.file('infra/terraform/terraform.tfstate', 'terraform');
  const pk = g.sasKey();
  const ek = g.sasKey();
  st.l('{', '  "version": 4,', '  "terraform_version": "1.8.5",', '  "serial": 77,');
  st.l(`  "lineage": "${t.uuid()}",`);
  st.l(
    '  "resources": [',
    '    {',
    '      "mode": "managed",',
    '      "type": "azurerm_iothub",',
    '      "name": "prod",',
    '      "instances": [',
    '        {',
    '          "attributes": {',
    '            "hostname": "fl-iothub-prod.azure-devices.net",',
    '            "shared_access_policy": [',
    '              {',
    '                "key_name": "iothubowner",',
    '                "permissions": "RegistryWrite, ServiceConnect, DeviceConnect",',
  );
  st.s(`                "primary_key": "${pk}",`, 'azure', pk);
  st.s(
    `                "primary_connection_string": "HostName=fl-iothub-prod.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey=${pk}"`,
    'azure',
    pk,
  );
  st.l(
    '              }',
    '            ]',
    '          }',
    '        }',
    '      ]',
    '    },',
    '    {',
    '      "mode": "managed",',
    '      "type": "azurerm_eventhub_authorization_rule",',
    '      "name": "telemetry_listen",',
    '      "instances": [',
    '        {',
    '          "attributes": {',
  );
  st.s(`            "primary_key": "${ek}",`, 'azure', ek);
  st.l('            "secondary_key": null,');
  st.l('            "name": "telemetry-listen"', '          }', '        }', '      ]', '    }', '  ]', '}');

  const lk = repo.file('infra/terraform/.terraform.lock.hcl', 'terraform');
  lk.l('provider "registry.terraform.io/hashicorp/azurerm" {', '  version = "3.110.0"', '  hashes = [');
  lk.l(`    "h1:${Buffer.from(t.pick(HEX, 64), 'hex').toString('base64')}",`);
  lk.l(`    "zh:${t.sha256()}",`);
  lk.l('  ]', '}');
}

// ---- Docker ---------------------------------------------------------------------------------------

function docker(repo, t, g) {
  const c = repo.file('docker/historian/docker-compose.yml', 'docker');
  const ipw = g.gen(20);
  const itok = g.influx();
  const gpw = g.human();
  const pg = g.plain(20);
  const nr = g.plain(32);
  c.l(
    'services:',
    '  influxdb:',
    '    image: influxdb:2.7',
    '    environment:',
    '      DOCKER_INFLUXDB_INIT_MODE: setup',
    '      DOCKER_INFLUXDB_INIT_USERNAME: admin',
  );
  c.s(`      DOCKER_INFLUXDB_INIT_PASSWORD: "${ipw}"`, 'generic', ipw);
  c.s(`      DOCKER_INFLUXDB_INIT_ADMIN_TOKEN: ${itok}`, 'influxdb', itok);
  c.l(
    '      DOCKER_INFLUXDB_INIT_ORG: forgeline',
    '      DOCKER_INFLUXDB_INIT_BUCKET: plant_raw',
    '  grafana:',
    '    image: grafana/grafana-oss:11.1.0',
    '    environment:',
  );
  c.s(`      - GF_SECURITY_ADMIN_PASSWORD=${gpw}`, 'generic', gpw);
  c.d('      - GF_DATABASE_PASSWORD=${GF_DB_PASSWORD}', 'env interpolation');
  c.l('  timescaledb:', '    image: timescale/timescaledb:2.15.2-pg16', '    environment:');
  c.s(`      POSTGRES_PASSWORD: ${pg}`, 'generic', pg);
  c.l('  node-red:', '    image: nodered/node-red:3.1.9', '    environment:');
  c.s(`      NODE_RED_CREDENTIAL_SECRET: ${nr}`, 'generic', nr);
  c.l(
    '  mosquitto:',
    '    image: eclipse-mosquitto:2.0.18',
    '    volumes:',
    '      - ./mosquitto:/mosquitto/config:ro',
  );

  const d = repo.file('docker/mes-api/Dockerfile', 'docker');
  const pat = g.adoPat();
  d.l(`FROM mcr.microsoft.com/dotnet/sdk:8.0@sha256:${t.sha256()} AS build`);
  d.s(`ARG NUGET_PAT=${pat}`, 'azure-devops', pat);
  d.d(
    'RUN --mount=type=secret,id=nugetconfig,target=/root/.nuget/NuGet/NuGet.Config dotnet restore',
    'build secret mount',
  );
  d.l(
    'RUN dotnet publish -c Release -o /out',
    'FROM mcr.microsoft.com/dotnet/aspnet:8.0',
    'ENV ASPNETCORE_URLS=http://+:8080',
    'COPY --from=build /out /app',
    'ENTRYPOINT ["dotnet", "/app/Forgeline.Mes.Api.dll"]',
  );

  const q = repo.file('docker/quality-ml/Dockerfile', 'docker');
  const ak = g.artKey();
  const hf = g.hf();
  q.l('FROM nvcr.io/nvidia/pytorch:24.05-py3', 'WORKDIR /app', 'COPY requirements.txt .');
  q.s(
    `RUN pip install --index-url https://ml-ci:${ak}@artifactory.forgeline.io/artifactory/api/pypi/pypi-virtual/simple -r requirements.txt`,
    'jfrog',
    ak,
  );
  q.s(`ENV HF_TOKEN=${hf}`, 'huggingface', hf);
  q.l('ENV HF_HUB_OFFLINE=1');
  q.l('COPY vision/ vision/', 'CMD ["python", "-m", "vision.serve"]');

  const dc = repo.file('ops/home/flops/.docker/config.json', 'docker');
  const art = g.artRef();
  const dh = g.dockerPat();
  dc.l('{', '  "auths": {', '    "artifactory.forgeline.io": {');
  dc.s(`      "auth": "${g.enc(`ci-docker:${art}`)}"`, 'jfrog', art);
  dc.l('    },', '    "https://index.docker.io/v1/": {');
  dc.s(`      "auth": "${g.enc(`forgelinebot:${dh}`)}"`, 'docker', dh);
  dc.l('    }', '  },');
  dc.l('  "credHelpers": { "flacrprod.azurecr.io": "acr-env" }');
  dc.l('}');
}

// ---- CI: Azure DevOps (and one GitHub workflow) -------------------------------------------------

function ci(repo, t, g) {
  const a = repo.file('azure-pipelines.yml', 'ci');
  const sap = g.gen(16);
  const pat = g.adoPat();
  const acr = g.acrPw();
  const az = g.azSecret();
  const teams = g.teams();
  a.l('trigger:', '  branches:', '    include: [main]', 'pool:', '  vmImage: ubuntu-latest', 'variables:');
  a.l('  - group: fl-ot-prod-secrets');
  a.l('  - name: SapRfcPassword');
  a.s(`    value: '${sap}'`, 'generic', sap);
  a.l('steps:', '  - task: replacetokens@5', '    inputs:', "      targetFiles: 'mes/**/Web.config'");
  a.l("      tokenPattern: 'doubleunderscores'");
  a.s(`  - script: git clone https://build:${pat}@dev.azure.com/forgeline/OT/_git/meta-forgeline`, 'azure-devops', pat);
  a.s(`  - script: docker login flacrprod.azurecr.io -u flacrprod -p '${acr}'`, 'azure', acr);
  a.l('  - task: AzureCLI@2', '    inputs:');
  a.l("      azureSubscription: 'sc-fl-ot-prod'");
  a.l('      scriptType: bash', '      scriptLocation: inlineScript', '      inlineScript: |');
  a.s(`        az login --service-principal -u ${t.uuid()} -p ${az} --tenant ${t.uuid()}`, 'azure', az);
  a.d(
    '  - script: curl -s -X POST -H "Authorization: Bearer $(GrafanaToken)" https://grafana.ot.forgeline.local/api/annotations',
    'pipeline variable',
  );
  a.s(`  - script: curl -s -H 'Content-Type: application/json' -d '{"text":"MES deployed"}' ${teams}`, 'teams', teams);

  const y = repo.file('pipelines/yocto-build.yml', 'ci');
  const mpw = g.human();
  const gl = t.gitlab();
  const art = g.artRef();
  y.l(
    'jobs:',
    '  - job: yocto',
    '    timeoutInMinutes: 360',
    '    pool: fl-yocto-builders',
    '    steps:',
    '      - script: kas build yocto/kas/forgeline.yml',
    '        env:',
  );
  y.s(`          GITLAB_TOKEN: ${gl}`, 'gitlab', gl);
  y.d('          MENDER_TENANT_TOKEN: $(MenderTenantToken)', 'pipeline variable');
  y.l('      - script: |');
  y.s(
    `          mender-cli login --server https://hosted.mender.io --username ci@forgeline.com --password '${mpw}'`,
    'generic',
    mpw,
  );
  y.l('          mender-cli artifacts upload build/tmp/deploy/images/fl-gw-imx8mm/*.mender');
  y.s(
    `      - script: jf rt upload "build/tmp/deploy/images/*.wic.gz" yocto-images/ --url https://artifactory.forgeline.io/artifactory --access-token=${art}`,
    'jfrog',
    art,
  );

  const gh = repo.file('.github/workflows/nodered-nodes.yml', 'ci');
  const npm = t.npm();
  gh.l(
    'name: publish node-red nodes',
    'on:',
    '  push:',
    '    tags: ["v*"]',
    'jobs:',
    '  publish:',
    '    runs-on: ubuntu-latest',
    '    steps:',
  );
  gh.d(`      - uses: actions/checkout@${t.sha1()} # v4`, 'pinned action sha');
  gh.l('      - run: npm publish ./nodered/nodes/node-red-contrib-fl-andon', '        env:');
  gh.s(`          NODE_AUTH_TOKEN: ${npm}`, 'npm', npm);
  gh.l('      - run: npm publish ./nodered/nodes/node-red-contrib-fl-oee', '        env:');
  gh.d('          NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}', 'actions secret reference');
}

// ---- Logs -----------------------------------------------------------------------------------------

function logs(repo, t, g) {
  const sl = repo.file('logs/edge/syslog-edge-l3-01.log', 'logs');
  const mpw = g.gen(20);
  const sig = g.sasSig();
  const ts = g.tailscale();
  sl.l('Mar 14 06:00:01 edge-l3-01 systemd[1]: Started fl-gateway.service - Forgeline PLC gateway.');
  sl.s(
    `Mar 14 06:00:02 edge-l3-01 fl-gateway[812]: [DEBUG] mqtt connect host=mqtt.ot.forgeline.local:8883 user=gw-line3 pass=${mpw}`,
    'generic',
    mpw,
  );
  sl.s(
    `Mar 14 06:00:02 edge-l3-01 fl-gateway[812]: [INFO] iothub: using SharedAccessSignature sr=fl-iothub-prod.azure-devices.net%2Fdevices%2Fgw-line3-01&sig=${sig}&se=1893456000`,
    'azure',
    sig,
  );
  sl.l(
    "Mar 14 06:00:03 edge-l3-01 mosquitto[455]: New client connected from 10.30.3.50:51422 as gw-line3 (p2, c1, k60, u'gw-line3').",
  );
  sl.l(
    `Mar 14 06:01:10 edge-l3-01 sshd[2231]: Accepted publickey for flops from 10.10.4.12 port 50122 ssh2: ED25519 SHA256:${t.mixed(B64, 43)}`,
  );
  sl.s(
    `Mar 14 06:03:00 edge-l3-01 sudo[1402]:    flops : TTY=pts/0 ; PWD=/home/flops ; USER=root ; COMMAND=/usr/bin/tailscale up --authkey=${ts} --advertise-routes=10.30.3.0/24`,
    'tailscale',
    ts,
  );
  sl.d(
    'Mar 14 06:03:04 edge-l3-01 tailscaled[622]: control: authRoutine: state update, authkey=<redacted>',
    'redacted',
  );

  const ml = repo.file('logs/mes/mes-api-20250314.json', 'logs');
  const sql = g.gen(20);
  const apim = g.apimKey();
  ml.l(
    `{"@t":"2025-03-14T05:00:00.112Z","@mt":"Now listening on: {address}","address":"http://[::]:8080","RequestId":"${t.uuid()}"}`,
  );
  ml.s(
    `{"@t":"2025-03-14T05:00:01.004Z","@l":"Debug","@mt":"Opening SQL connection {ConnectionString}","ConnectionString":"Server=tcp:sql-mes01.ot.forgeline.local,1433;Database=MES;User ID=mes_app;Password=${sql};Encrypt=True"}`,
    'database',
    sql,
  );
  ml.l(
    '{"@t":"2025-03-14T05:02:13.550Z","@l":"Warning","@mt":"SAP RFC logon failed for {User}: {Error}","User":"MES_RFC","Error":"RFC_LOGON_FAILURE: Name or password is incorrect (repeat logon)"}',
  );
  ml.l(
    `{"@t":"2025-03-14T05:03:40.881Z","@mt":"Outbound {Method} {Uri}","Method":"GET","Uri":"https://pi-vision.ot.forgeline.local/piwebapi/streams/${g.piWebId()}/value"}`,
  );
  ml.s(
    `{"@t":"2025-03-14T05:04:12.019Z","@l":"Debug","@mt":"Outbound {Method} {Uri} {Headers}","Method":"POST","Uri":"https://fl-apim.azure-api.net/erp/orders","Headers":{"Ocp-Apim-Subscription-Key":"${apim}","Content-Type":"application/json"}}`,
    'azure',
    apim,
  );

  const jt = repo.file('logs/sap/jco_rfc_trace.trc', 'logs');
  jt.l('[JCoAPI] 2025-03-14 05:02:13.548 JCoDestination.ping() destination=PRD');
  jt.d('[JCoAPI] jco.client.passwd=********', 'masked');
  jt.l('[JCoAPI] jco.client.user=RFC_MESBRIDGE jco.client.client=100 jco.client.ashost=sapprd-app01.forgeline.local');

  const gg = repo.file('logs/greengrass/com.forgeline.PlcCollector.log', 'logs');
  const tok = g.influx();
  gg.l(
    '2025-03-14T06:10:00.001Z [INFO] (pool-2-thread-3) com.forgeline.PlcCollector: shell-runner-start. {scriptName=services.com.forgeline.PlcCollector.lifecycle.Run, serviceName=com.forgeline.PlcCollector, currentState=STARTING}',
  );
  gg.s(
    `2025-03-14T06:10:01.220Z [INFO] (Copier) com.forgeline.PlcCollector: stdout. connecting to influx http://localhost:8086 token=${tok}. {scriptName=services.com.forgeline.PlcCollector.lifecycle.Run}`,
    'influxdb',
    tok,
  );
  gg.l(
    `2025-03-14T06:10:02.000Z [INFO] (main) com.aws.greengrass.iot.IotConnectionManager: certificateId=${t.pick(HEX, 64)} thing=fl-mke-edge-03`,
  );

  const nr = repo.file('logs/nodered/node-red.log', 'logs');
  const npw = g.plain(18);
  nr.l(
    '14 Mar 06:00:05 - [info] Node-RED version: v3.1.9',
    '14 Mar 06:00:05 - [info] Flows file     : /data/flows.json',
  );
  nr.s(
    `14 Mar 06:00:07 - [error] [mqtt-broker:plant-broker] Connection failed to broker: mqtt://nodered-l3:${npw}@mqtt.ot.forgeline.local:1883`,
    'generic',
    npw,
  );
  nr.l('14 Mar 06:00:07 - [warn] Encrypted credentials not found');
}

// ---- Maintenance-ticket and chat exports --------------------------------------------------------

function tickets(repo, t, g) {
  const w = repo.file('maintenance/exports/cmms-workorders-2025-03.csv', 'support');
  const tv = g.human();
  const hmi = g.human();
  w.l('wo_number,asset,created,technician,description,status');
  w.s(
    `WO-118402,L3-PRESS-03,2025-03-03,J. Kowalski,"Vendor remote session for servo tuning. TeamViewer ID 1 482 995 310, unattended password ${tv}",closed`,
    'generic',
    tv,
  );
  w.s(
    `WO-118417,HMI-L3-02,2025-03-05,R. Nguyen,"Reimaged HMI, local admin reset to ${hmi} - tell shift leads",closed`,
    'generic',
    hmi,
  );
  w.l(
    `WO-118431,L3-ENC-07,2025-03-06,J. Kowalski,"Replaced encoder, new serial FL-ENC-${t.digits(8)}, re-homed axis 2",closed`,
  );
  w.l('WO-118440,L2-PLC-01,2025-03-07,M. Osei,"PLC password: see KeePass entry OT/L2/PLC, do not write it here",open');

  const ch = repo.file('maintenance/exports/teams-ot-support-2025-03.json', 'support');
  const gl = t.gitlab();
  const own = g.sasKey();
  const bios = g.human();
  ch.l('{', '  "channel": "OT Support",', '  "messages": [');
  ch.s(
    `    { "from": "Priya Raman", "ts": "2025-03-04T14:02:11Z", "body": "yocto mirror token if your build box can't clone: ${gl}" },`,
    'gitlab',
    gl,
  );
  ch.s(
    `    { "from": "Tom Becker", "ts": "2025-03-04T14:05:40Z", "body": "for the demo hub use HostName=fl-iothub-demo.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey=${own}" },`,
    'azure',
    own,
  );
  ch.l(
    '    { "from": "Ana Ruiz", "ts": "2025-03-04T14:06:02Z", "body": "please stop pasting keys in this channel, use the vault" },',
  );
  ch.s(
    `    { "from": "Tom Becker", "ts": "2025-03-06T09:30:18Z", "body": "BIOS password on the Siemens Field PG laptops is ${bios}" }`,
    'generic',
    bios,
  );
  ch.l('  ]', '}');

  const sn = repo.file('maintenance/exports/servicenow/INC0049812.json', 'support');
  const ft = g.forti();
  sn.l('{', '  "number": "INC0049812",', '  "short_description": "Config backup job failing on fgt-plant-edge",');
  sn.s(
    `  "description": "Backup script gets 401. Token currently configured for the api-backup admin: ${ft}",`,
    'fortinet',
    ft,
  );
  sn.d(
    `  "work_notes": "Checked the cert, thumbprint ${t.sha1().toUpperCase()} matches the trusted CA.",`,
    'certificate thumbprint',
  );
  sn.l('  "state": "Resolved"', '}');
}

// ---- Docs -----------------------------------------------------------------------------------------

function docs(repo, t, g) {
  const r = repo.file('README.md', 'docs');
  r.l(
    '# Forgeline OT platform',
    '',
    'Gateway firmware, edge images, historian, MES and ERP integration for the Milwaukee and Monterrey plants.',
    '',
    '## Getting started',
    '',
    '```sh',
  );
  r.d('export INFLUX_TOKEN=<your-influx-token>', 'placeholder');
  r.l('dotnet user-secrets set "Sap:Password" "<rfc-password>" --project mes/Forgeline.Mes.Api');
  r.d('export AZURE_IOT_HUB_CONNECTION_STRING="${AZURE_IOT_HUB_CONNECTION_STRING:?set me}"', 'env reference');
  r.l('docker compose -f docker/historian/docker-compose.yml up -d', '```');

  const e = repo.file('docs/runbooks/edge-onboarding.md', 'docs');
  const ts = g.tailscale();
  const gw = g.human();
  e.l(
    '# Onboarding a new edge box',
    '',
    '1. Flash the latest `fl-gw-imx8mm` image with `bmaptool`.',
    '2. Join the tailnet:',
    '',
    '```sh',
  );
  e.d('sudo tailscale up --authkey=tskey-auth-<your-key> --advertise-tags=tag:edge', 'placeholder');
  e.l('```', '', 'Reusable key for the March rollout (expires 2025-06-30, revoke after):', '');
  e.s(`    ${ts}`, 'tailscale', ts);
  e.l('');
  e.s(`3. Local console login is \`flservice\` / \`${gw}\` until Ansible rotates it.`, 'generic', gw);
  e.l('4. DPS enrolment uses the group key from Key Vault secret `dps-group-primary`.');

  const h = repo.file('docs/runbooks/historian.md', 'docs');
  const tok = g.influx();
  h.l('# Historian stack', '', 'Initial setup of the plant InfluxDB (done 2024-11-18):', '', '```sh');
  h.s(
    `influx setup --org forgeline --bucket plant_raw --username admin --password "$INFLUX_ADMIN_PASSWORD" --token ${tok} --force`,
    'influxdb',
    tok,
  );
  h.l('```', '');
  h.l(
    'The Telegraf token is scoped write-only to `plant_raw`; read tokens come from `influx auth create --read-bucket`.',
  );

  const v = repo.file('docs/network/vpn.md', 'docs');
  const psk = g.gen(24);
  v.l('# Site-to-site VPN MKE <-> Azure', '', '| item | value |', '|---|---|');
  v.l('| Azure VNG public IP | 198.51.100.24 |');
  v.l('| MKE WAN public IP | 203.0.113.10 |');
  v.s(`| IKEv2 PSK | \`${psk}\` |`, 'generic', psk);

  const k = repo.file('docs/vendor/kepware.md', 'docs');
  k.l('# KEPServerEX', '');
  k.l(
    'The Administrator account has a blank password right after install; the installer forces you to set one since 6.x.',
  );
  k.l('REST config API: `curl -u Administrator:$KEP_PW http://kepware01:57412/config/v1/project`');

  const ssh = repo.file('ops/keys/flops_ed25519.pub', 'keys');
  ssh.d(g.sshPub('flops@fl-eng-ws07'), 'public key');
  const pub = repo.file('firmware/plc-gateway/keys/fw-signing.pub.pem', 'keys');
  pub.d(g.pubPem(), 'public key');
}

// ---- Noise: lockfiles, hashes, ids, i18n --------------------------------------------------------

function noise(repo, t, _g) {
  const lock = repo.file('nodered/package-lock.json', 'decoys');
  lock.l('{', '  "name": "fl-nodered",', '  "lockfileVersion": 3,', '  "packages": {');
  for (const name of ['node-red-contrib-modbus', 'node-red-contrib-opcua', 'node-red-dashboard']) {
    lock.l(
      `    "node_modules/${name}": {`,
      '      "version": "5.40.0",',
      `      "resolved": "https://registry.npmjs.org/${name}/-/${name}-5.40.0.tgz",`,
    );
    lock.d(`      "integrity": "sha512-${Buffer.from(t.pick(HEX, 128), 'hex').toString('base64')}"`, 'integrity hash');
    lock.l('    },');
  }
  lock.l('    "": {}', '  }', '}');

  const sum = repo.file('bridges/modbus-mqtt/go.sum', 'decoys');
  for (const m of ['github.com/eclipse/paho.mqtt.golang v1.4.3', 'github.com/goburrow/modbus v0.1.0']) {
    sum.l(`${m} h1:${Buffer.from(t.pick(HEX, 64), 'hex').toString('base64')}`);
  }

  const rx = repo.file('mes/Forgeline.Mes.Api/Resources/Strings.resx', 'decoys');
  rx.l('<?xml version="1.0" encoding="utf-8"?>', '<root>');
  rx.l('  <data name="Login_Password" xml:space="preserve"><value>Password</value></data>');
  rx.l('  <data name="Sap_Password_Hint" xml:space="preserve"><value>Enter the RFC user password</value></data>');
  rx.l('  <data name="IoT_DeviceKey_Label" xml:space="preserve"><value>Device primary key</value></data>');
  rx.l('</root>');

  const k = repo.file('mes/Forgeline.Mes.Api/Constants.cs', 'decoys');
  k.l('namespace Forgeline.Mes.Api;', '', 'public static class Constants', '{');
  k.l('    public const string SapPasswordConfigKey = "Sap:Password";');
  k.l(`    public const string LineOeeDashboardUid = "fl-l3-oee";`);
  k.l(`    public const string PlantTenantId = "${t.uuid()}";`);
  k.l('    public const int PasswordMinLength = 14;');
  k.l('}');

  const mf = repo.file('firmware/plc-gateway/release/manifest.json', 'decoys');
  mf.l('{', '  "version": "3.2.1",', '  "images": [');
  mf.d(`    { "file": "fl-gw-3.2.1.flfw", "sha256": "${t.sha256()}" },`, 'sha256');
  mf.l(`    { "file": "fl-io-3.2.1.bin", "sha256": "${t.sha256()}" }`);
  mf.l('  ],');
  mf.l(`  "git_commit": "${t.sha1()}"`);
  mf.l('}');
}
