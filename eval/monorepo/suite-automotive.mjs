// Suite "automotive": the monorepo of an automotive software supplier (ECU firmware, Yocto BSP,
// HIL test benches, OTA backend, fleet telemetry, Android Automotive companion app, fleet console).
import { crc32 } from 'node:zlib';
import { ALNUM, HEX, B64, URLSAFE, UPPER, DIGIT, Repo, makeTokens, mulberry32 } from './generate.mjs';

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 7243 + 523);
  const t = makeTokens(rand);
  const repo = new Repo();
  const h = helpers(t, rand);

  firmware(repo, t, h);
  python(repo, t, h);
  rust(repo, t, h);
  golang(repo, t, h);
  android(repo, t, h);
  webConsole(repo, t, h);
  matlab(repo, t, h);
  cmake(repo, t, h);
  yocto(repo, t, h);
  kubernetes(repo, t, h);
  terraform(repo, t, h);
  ci(repo, t, h);
  docker(repo, t, h);
  notebook(repo, t, h);
  logs(repo, t, h);
  credentialFiles(repo, t, h);
  docs(repo, t, h);
  return repo;
}

function helpers(t, rand) {
  const b64 = (n) => t.mixed(B64, n);
  const b64of = (s) => Buffer.from(s).toString('base64');
  const b64url = (s) => Buffer.from(s).toString('base64url');
  const bytes = (n) => Array.from({ length: n }, () => Math.floor(rand() * 256));
  const pemOf = (label, headerHex, n) => {
    const buf = Buffer.concat([Buffer.from(headerHex, 'hex'), Buffer.from(bytes(n))]);
    return [`-----BEGIN ${label}-----`, ...buf.toString('base64').match(/.{1,64}/g), `-----END ${label}-----`];
  };
  const cert = () => pemOf('CERTIFICATE', '3082035930820241a003020102021500', 840);
  const rsaPub = () => pemOf('PUBLIC KEY', '30820122300d06092a864886f70d01010105000382010f003082010a0282010100', 261);
  const ecPub = () => pemOf('PUBLIC KEY', '3059301306072a8648ce3d020106082a8648ce3d03010703420004', 64);
  const hexBytes = (n) => Array.from({ length: n }, () => `0x${t.pick(HEX, 2)}`);
  const cRows = (arr, per = 12, indent = '    ') => {
    const rows = [];
    for (let i = 0; i < arr.length; i += per) rows.push(indent + arr.slice(i, i + per).join(', ') + ',');
    return rows;
  };
  const derBytes = (headerHex, n) => [
    ...Buffer.from(headerHex, 'hex').reduce((a, b) => [...a, `0x${b.toString(16).padStart(2, '0')}`], []),
    ...hexBytes(n),
  ];
  const VINCH = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
  const vin = (wmi = 'WK7') => `${wmi}${t.pick(VINCH, 14)}`;
  const rsJwt = (payload, header = { alg: 'RS256', typ: 'JWT' }) =>
    `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}.${t.mixed(URLSAFE, 342)}`;
  const menderPat = () =>
    rsJwt({
      jti: t.uuid(),
      sub: t.uuid(),
      exp: 1798761600,
      'mender.tenant': t.pick(HEX, 24),
      'mender.user': true,
      iss: 'Mender Users',
      scp: 'mender.*',
      'mender.plan': 'enterprise',
      'mender.trial': false,
      nbf: 1762300800,
    });
  const menderTenant = () => rsJwt({ 'mender.tenant': t.pick(HEX, 24), iss: 'Mender', sub: t.pick(HEX, 24) });
  const polarion = () =>
    rsJwt(
      { sub: 'ci-polarion', id: t.uuid(), exp: 1798761600, iat: 1762300800 },
      { kid: t.uuid(), typ: 'JWT', alg: 'RS256' },
    );
  const jfrogAccess = () =>
    rsJwt(
      {
        ext: '{"revocable":"true"}',
        sub: `jfac@01h${t.lower(23)}/users/ci-firmware`,
        scp: 'applied-permissions/user',
        aud: '*@*',
        iss: `jfac@01h${t.lower(23)}`,
        exp: 1798761600,
        iat: 1762300800,
        jti: t.uuid(),
      },
      { ver: '2', typ: 'JWT', alg: 'RS256', kid: t.mixed(URLSAFE, 43) },
    );
  // IoT Hub / DPS keys are base64 of 32 or 64 random bytes; InfluxDB and HERE use base64url.
  const azKey = () => Buffer.from(bytes(32)).toString('base64');
  const azKey64 = () => Buffer.from(bytes(64)).toString('base64');
  const jfrogKey = () => `AKCp${t.digits(1)}${t.alnum(68)}`;
  const jfrogRef = () => b64of(`reftkn:01:${1790000000 + Math.floor(rand() * 90000000)}:${t.alnum(27)}`);
  const sonar = (p = 'squ_') => `${p}${t.hex(40)}`;
  const atl = () => `ATATT3xFfGF0${t.mixed(URLSAFE, 171)}=${t.pick('0123456789ABCDEF', 8)}`;
  const hereKey = () => Buffer.from(bytes(32)).toString('base64url');
  const influx = () => `${Buffer.from(bytes(64)).toString('base64url')}==`;
  const grafana = () => {
    const body = `glsa_${t.alnum(32)}`;
    // Grafana's satokengen: crc32 (IEEE) of the key, its 4 bytes little-endian, in hex.
    const sum = Buffer.alloc(4);
    sum.writeUInt32LE(crc32(body));
    return `${body}_${sum.toString('hex')}`;
  };
  const pw = () => t.password();
  const jiraDcPat = () => Buffer.concat([Buffer.from(`${t.digits(12)}:`), Buffer.from(bytes(20))]).toString('base64');
  const githubFine = () => `github_pat_${t.alnum(22)}_${t.alnum(59)}`;
  const sasToken = (resource, skn) =>
    `SharedAccessSignature sr=${encodeURIComponent(resource)}&sig=${t.azureSasSig()}&se=${1790000000 + Math.floor(rand() * 9000000)}${skn ? `&skn=${skn}` : ''}`;
  const pwA = () => t.password().replace(/[^A-Za-z0-9]/g, '');
  const acct = () => t.digits(12);
  const pemJ = (lines) => lines.join('\\n') + '\\n';
  const cPem = (lines, indent = '    ') =>
    lines.map((l, i) => `${indent}"${l}\\n"${i === lines.length - 1 ? ';' : ''}`);
  const iotEndpoint = `${t.lower(14)}-ats.iot.eu-central-1.amazonaws.com`;
  return {
    b64,
    b64of,
    pemOf,
    cert,
    rsaPub,
    ecPub,
    hexBytes,
    cRows,
    derBytes,
    vin,
    menderPat,
    menderTenant,
    polarion,
    jfrogAccess,
    azKey,
    azKey64,
    jfrogKey,
    jfrogRef,
    sonar,
    atl,
    hereKey,
    influx,
    grafana,
    pw,
    jiraDcPat,
    githubFine,
    sasToken,
    pwA,
    acct,
    pemJ,
    cPem,
    iotEndpoint,
    hub: 'kestrel-fleet-prod.azure-devices.net',
  };
}

// ---- ECU firmware (C / C++ / CAPL / DBC) ----------------------------------------------------

function firmware(repo, t, h) {
  const cfg = repo.file('firmware/tcu/config/tcu_config.h', 'c');
  cfg.l(
    '/* tcu_config.h - build-time configuration for the TCU3 telematics control unit */',
    '#ifndef TCU_CONFIG_H',
    '#define TCU_CONFIG_H',
    '',
    '#include <stdint.h>',
    '',
    '/* identification */',
  );
  cfg.d('#define TCU_HW_PART_NUMBER        "5Q0 035 284 K"', 'ecu hardware part number');
  cfg.d('#define TCU_SW_PART_NUMBER        "KA-TCU3-0410-2281"', 'software part number');
  cfg.d(`#define TCU_BENCH_VIN             "${h.vin()}"`, 'vin');
  cfg.l('', '/* CAN identifiers (ISO 15765-4 11-bit / J1939 29-bit) */');
  cfg.d('#define CAN_ID_TCU_DIAG_REQ       0x7E3u', 'can id');
  cfg.d('#define CAN_ID_TCU_DIAG_RESP      0x7EBu', 'can id');
  cfg.d('#define CAN_ID_BMS_STATUS         0x18FF50E5u', 'can id');
  cfg.d('#define CAN_ID_FUNCTIONAL_REQ     0x18DB33F1u', 'can id');
  cfg.l('', '/* cloud connectivity */');
  cfg.d(`#define TCU_MQTT_ENDPOINT         "${h.iotEndpoint}"`, 'aws iot endpoint');
  cfg.l('#define TCU_MQTT_PORT             8883u', '#define TCU_MQTT_USERNAME         "tcu-fleet"');
  const mqttPw = h.pw();
  cfg.s(`#define TCU_MQTT_PASSWORD         "${mqttPw}"`, 'generic', mqttPw);
  cfg.l('#define TCU_APN_NAME              "iot.kestrel.m2m"', '#define TCU_APN_USER              "kestrel"');
  const apnPw = h.pwA();
  cfg.s(`#define TCU_APN_PASSWORD          "${apnPw}"`, 'generic', apnPw);
  const fleetKey = t.hex(40);
  cfg.s(`#define TCU_FLEET_API_KEY         "${fleetKey}"`, 'generic', fleetKey);
  cfg.d('#define TCU_FLEET_API_KEY_HEADER  "X-Fleet-Api-Key"', 'header name');
  cfg.d('#define TCU_PROVISIONING_TOKEN_LEN 64u', 'length constant');
  cfg.d(`#define TCU_DPS_ID_SCOPE          "0ne00${t.pick(UPPER + DIGIT, 6)}"`, 'azure dps id scope (public)');
  const devId = `TCU3-${h.vin()}`;
  cfg.d(`#define AZ_MQTT_USERNAME          "${h.hub}/${devId}/?api-version=2021-04-12"`, 'mqtt username');
  const sasTok = h.sasToken(`${h.hub}/devices/${devId}`);
  cfg.s(`#define AZ_MQTT_PASSWORD          "${sasTok}"`, 'azure', sasTok);
  cfg.l('', '#endif /* TCU_CONFIG_H */');

  const sa = repo.file('firmware/bcm/src/uds/security_access.c', 'c');
  sa.l(
    '#include "security_access.h"',
    '#include "aes128.h"',
    '',
    '/* Security access 0x27: level 0x01 (extended diagnostics) and 0x11 (programming).',
    ' * key = AES-128-ECB(seed || 0x00..., SA_KEY_Lx), truncated to 4 bytes.  BCM-DIAG-SPEC-0042 7.3',
  );
  sa.d(' * Example from the spec (test ECU only): seed 3A 7F 12 C4 -> key 91 0E 55 2B', 'uds seed/key example');
  sa.l(' */');
  sa.d('#define SA_SEED_LEN          4u', 'length constant');
  sa.d('#define SA_MAX_ATTEMPTS      3u', 'constant');
  sa.d('#define SA_DELAY_TIMER_MS    10000u', 'constant');
  const l1 = h.hexBytes(16).join(', ');
  const l11 = h.hexBytes(16).join(', ');
  sa.s(`static const uint8_t SA_KEY_L1[16]  = { ${l1} };`, 'generic', l1);
  sa.s(`static const uint8_t SA_KEY_L11[16] = { ${l11} };`, 'generic', l11);
  const mask = `0x${t.pick('0123456789ABCDEF', 8)}UL`;
  sa.l('/* legacy MY2019 BCMs still answer level 0x03 with the rotate/xor algorithm */');
  sa.s(`#define SA_LEGACY_L3_SECRET  (${mask})`, 'generic', mask);
  sa.l(
    '',
    'Std_ReturnType SA_ComputeKey(uint8_t level, const uint8_t *seed, uint8_t *key)',
    '{',
    '    const uint8_t *k = (level == 0x11u) ? SA_KEY_L11 : SA_KEY_L1;',
    '    uint8_t block[16] = {0};',
    '    memcpy(block, seed, SA_SEED_LEN);',
    '    aes128_ecb_encrypt(k, block, block);',
    '    memcpy(key, block, SA_SEED_LEN);',
    '    return E_OK;',
    '}',
  );

  const aws = repo.file('firmware/tcu/src/aws_iot_credentials.c', 'c');
  aws.l(
    '/* AWS IoT Core credentials for the TCU3 bench fleet (thing group tcu3-eu-bench).',
    ' * Generated by tools/fleet/provision_devices.py --emit-c */',
    '#include "aws_iot_credentials.h"',
    '',
  );
  aws.d(['/* Amazon Root CA 1 */', 'const char aws_root_ca_pem[] =', ...h.cPem(h.cert())], 'public root ca');
  aws.l('');
  aws.d(['const char aws_client_cert_pem[] =', ...h.cPem(h.cert())], 'device certificate (public)');
  aws.l('');
  const devKey = t.rsaPem();
  aws.s(['const char aws_client_private_key_pem[] =', ...h.cPem(devKey)], 'private-key', devKey[1]);
  aws.l('');
  aws.d(`const char aws_iot_thing_name[] = "TCU3-${h.vin()}";`, 'thing name with vin');
  aws.d(`const char aws_iot_cert_id[] = "${t.pick(HEX, 64)}";`, 'aws iot certificate id (public)');

  const der = repo.file('firmware/tcu/src/tls_client_key.c', 'c');
  der.l('/* xxd -i tcu3_client.der  (mTLS key for the fleet-telemetry ingest endpoint) */', '#include <stddef.h>', '');
  const certRows = h.cRows(h.derBytes('3082035930820241a003020102021500', 120));
  der.d(['const unsigned char tls_client_cert_der[] = {', ...certRows, '};'], 'der certificate as c array (public)');
  der.l('const unsigned int tls_client_cert_der_len = 861;', '');
  const keyRows = h.cRows(h.derBytes('308204a40201000282010100', 1180));
  der.s(['const unsigned char tls_client_key_der[] = {', ...keyRows, '};'], 'private-key', keyRows[3].trim());
  der.l('const unsigned int tls_client_key_der_len = 1192;');

  const secoc = repo.file('firmware/gateway/src/secoc_keys.c', 'c');
  secoc.l(
    '/* SecOC MAC keys per freshness group. Series keys are injected into the HSM at EOL;',
    ' * these are the A-sample development-vehicle keys. */',
    '#include "SecOC_Cfg.h"',
    '',
  );
  secoc.d('#define SECOC_KEY_ID_POWERTRAIN  0x03u', 'key slot id');
  secoc.d('#define SECOC_FRESHNESS_LEN      8u', 'constant');
  const kp = h.hexBytes(16).join(', ');
  const kc = h.hexBytes(16).join(', ');
  secoc.s(`const uint8 SecOC_Key_Powertrain[16] = { ${kp} };`, 'generic', kp);
  secoc.s(`const uint8 SecOC_Key_Chassis[16] = { ${kc} };`, 'generic', kc);
  secoc.l('', '/* FIPS-197 appendix C.1 key, used by the power-on crypto self test only */');
  secoc.d(
    'static const uint8 aes_selftest_key[16] = { 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f };',
    'fips-197 test vector',
  );
  secoc.d(
    'static const uint8 aes_selftest_ct[16]  = { 0x69, 0xc4, 0xe0, 0xd8, 0x6a, 0x7b, 0x04, 0x30, 0xd8, 0xcd, 0xb7, 0x80, 0x70, 0xb4, 0xc5, 0x5a };',
    'fips-197 test vector',
  );

  const pk = repo.file('firmware/bootloader/include/secure_boot_pubkey.h', 'c');
  pk.l(
    '#pragma once',
    '#include <stdint.h>',
    '',
    '/* ECDSA P-256 public key (uncompressed) used by the ROM stage to verify the FBL */',
  );
  pk.d(['static const uint8_t SB_PUBKEY[65] = {', ...h.cRows(h.derBytes('04', 64), 13), '};'], 'public key as c array');
  pk.d(`#define SB_PUBKEY_SHA256 "${t.sha256()}"`, 'public key hash');

  const wifi = repo.file('firmware/tcu/src/wifi_hotspot.c', 'c');
  wifi.l('#include "wifi_hotspot.h"', '');
  wifi.d('#define HOTSPOT_SSID_FMT "KESTREL-%06X"', 'format string');
  const apPsk = h.pw();
  wifi.s(`static const char kServiceApPsk[] = "${apPsk}";`, 'generic', apPsk);
  const pmk = t.hex(64);
  wifi.s(`static const char kWorkshopPmk[] = "${pmk}"; /* wpa_passphrase KESTREL-WORKSHOP */`, 'generic', pmk);
  wifi.d('static const char kGuestPsk[] = CONFIG_GUEST_PSK; /* from Kconfig */', 'macro reference');

  const ota = repo.file('firmware/tcu/src/ota_client.cpp', 'cpp');
  ota.l('#include <cstdlib>', '#include <string>', '', 'namespace kestrel::ota {', '');
  ota.d('constexpr char kMenderServerUrl[] = "https://hosted.mender.io";', 'url');
  const tenant = h.menderTenant();
  ota.s(`constexpr char kMenderTenantToken[] = "${tenant}";`, 'mender', tenant);
  ota.d('constexpr char kArtifactName[] = "tcu3-fw-4.10.2";', 'artifact name');
  const rk = t.ecPem();
  ota.s(
    [`constexpr const char* kOtaClientKey = R"(${rk[0]}`, ...rk.slice(1, -1), `${rk[rk.length - 1]})";`],
    'private-key',
    rk[1],
  );
  const vpk = h.ecPub();
  ota.d(['constexpr const char* kArtifactVerifyKey =', ...h.cPem(vpk)], 'public key as c string');
  const devTok = t.alnum(40);
  ota.l('', 'std::string deviceToken() {');
  ota.d('    if (const char* v = std::getenv("OTA_DEVICE_TOKEN")) return v;', 'env reference');
  ota.s(`    static const std::string kFallbackDeviceToken = "${devTok}";`, 'generic', devTok);
  ota.l('    return kFallbackDeviceToken;', '}', '', '}  // namespace kestrel::ota');

  const az = repo.file('firmware/tcu/src/azure_telemetry.cpp', 'cpp');
  az.l('#include "azure_telemetry.hpp"', '#include <azure_c_shared_utility/platform.h>', '');
  const azDev = h.azKey();
  const azStr = `HostName=${h.hub};DeviceId=TCU3-${h.vin()};SharedAccessKey=${azDev}`;
  az.s(`static constexpr const char* kIotHubConnStr = "${azStr}";`, 'azure', azDev);
  az.d(
    `static constexpr const char* kIotHubX509ConnStr = "HostName=${h.hub};DeviceId=TCU3-X509-0001;x509=true";`,
    'x509 connection string without key',
  );
  az.d('// SAS format: SharedAccessSignature sr=<hub>/devices/<id>&sig=<signature>&se=<expiry>', 'format doc');

  const lu = repo.file('firmware/tcu/src/log_uploader.c', 'c');
  const s3k = t.awsId();
  const s3s = t.awsSecret();
  lu.l('#include "log_uploader.h"', '');
  lu.d('#define LOG_BUCKET "kestrel-tcu-logs-eu"', 'bucket name');
  lu.d('#define LOG_REGION "eu-central-1"', 'region');
  lu.s(`static const char *s3_access_key = "${s3k}";`, 'aws', s3k);
  lu.s(`static const char *s3_secret_key = "${s3s}";`, 'aws', s3s);

  const bi = repo.file('firmware/tcu/include/build_info.h', 'c');
  bi.l('#pragma once', '/* generated by cmake/build_info.cmake */');
  bi.d('#define FW_BUILD_ID      "4.10.2+20251103.1842"', 'build id');
  bi.d(`#define FW_GIT_SHA       "${t.sha1()}"`, 'git sha');
  bi.d(`#define FW_IMAGE_SHA256  "${t.sha256()}"`, 'image hash');
  bi.d(`#define FW_GNU_BUILD_ID  "${t.sha1()}"`, 'gnu build id');

  const crc = lu;
  crc.l('', '/* chunk CRC for the resumable upload protocol */', 'static const uint32_t crc32_table[256] = {');
  crc.d('    0x00000000, 0x77073096, 0xEE0E612C, 0x990951BA, 0x076DC419, 0x706AF48F,', 'crc table');
  crc.d('    0xE963A535, 0x9E6495A3, 0x0EDB8832, 0x79DCB8A4, 0xE0D5E91E, 0x97D2D988,', 'crc table');
  crc.l('    /* ... */', '};');

  const ut = repo.file('firmware/tcu/test/test_security_access.cpp', 'cpp');
  ut.l('#include <gtest/gtest.h>', '#include "security_access.h"', '');
  ut.d(
    'static const uint8_t kUnitTestKey[16] = {0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff};',
    'sequential unit-test key',
  );
  ut.l('TEST(SecurityAccess, ComputesKeyForKnownSeed) {', '    const uint8_t seed[4] = {0x3A, 0x7F, 0x12, 0xC4};');
  ut.d('    const uint8_t expected[4] = {0x91, 0x0E, 0x55, 0x2B};', 'expected key for example seed');
  ut.l('    uint8_t key[4];', '    ASSERT_EQ(SA_ComputeKeyWith(kUnitTestKey, seed, key), E_OK);', '}');

  const sdk = repo.file('firmware/wifi-coproc/sdkconfig', 'c');
  sdk.l(
    '#',
    '# Automatically generated file. DO NOT EDIT.',
    '# Espressif IoT Development Framework (ESP-IDF) 5.2.2 Project Configuration',
    '#',
  );
  sdk.l('CONFIG_IDF_TARGET="esp32c6"', 'CONFIG_KESTREL_WIFI_SSID="KESTREL-PLANT-OTA"');
  const espPw = h.pw();
  sdk.s(`CONFIG_KESTREL_WIFI_PASSWORD="${espPw}"`, 'generic', espPw);
  sdk.d(`CONFIG_KESTREL_MQTT_BROKER_URI="mqtts://${h.iotEndpoint}:8883"`, 'broker uri');
  sdk.d('CONFIG_ESP_WIFI_SOFTAP_SAE_SUPPORT=y', 'setting');

  const capl = repo.file('tests/canoe/SecurityAccess.can', 'capl');
  capl.l(
    '/*@!Encoding:1252*/',
    'includes',
    '{',
    '  #include "DiagHelpers.cin"',
    '}',
    '',
    'variables',
    '{',
    '  message 0x7E3 msgDiagReq;',
  );
  capl.d('  const dword kSpecExampleSeed = 0x3A7F12C4; // BCM-DIAG-SPEC-0042 example', 'example seed');
  const ck = h.hexBytes(16).join(', ');
  capl.s(`  byte gSaKeyL11[16] = { ${ck} };`, 'generic', ck);
  capl.l('  msTimer tP2;', '}');

  const dbc = repo.file('can/dbc/powertrain.dbc', 'dbc');
  dbc.l('VERSION ""', '', 'BU_: BMS TCU VCU GW', '');
  dbc.d('BO_ 2566869221 BMS_Status: 8 BMS', 'can id');
  dbc.l(' SG_ Pack_Voltage : 0|16@1+ (0.1,0) [0|1000] "V" TCU,VCU', ' SG_ Pack_SoC : 16|8@1+ (0.5,0) [0|100] "%" TCU');
  dbc.d('BO_ 2564947697 GW_SecOC_KeyExch: 8 GW', 'can id');
  dbc.d('CM_ BO_ 2564947697 "SecOC key exchange frame, payload is SHE M1-M3 fragments";', 'comment mentioning key');
  dbc.d('BA_ "VFrameFormat" BO_ 2566869221 3;', 'attribute');
}

// ---- Python: CAN tools, HIL benches, OTA signing -----------------------------------------

function python(repo, t, h) {
  const uds = repo.file('tools/can/uds_client.py', 'python');
  uds.l('import can', 'import isotp', 'from udsoncan.client import Client', 'from Crypto.Cipher import AES', '');
  uds.d('TX_ID = 0x7E3', 'can id');
  uds.d('RX_ID = 0x7EB', 'can id');
  const k1 = t.hex(32);
  const k11 = t.hex(32);
  uds.s(`SA_LEVEL1_KEY = bytes.fromhex("${k1}")`, 'generic', k1);
  uds.s(`SA_LEVEL11_KEY = bytes.fromhex("${k11}")`, 'generic', k11);
  uds.d('# e.g. seed 3A 7F 12 C4 -> key 91 0E 55 2B (spec example, test ECU)', 'uds example');
  uds.l(
    '',
    'def compute_key(level: int, seed: bytes) -> bytes:',
    '    key = SA_LEVEL11_KEY if level == 0x11 else SA_LEVEL1_KEY',
    '    return AES.new(key, AES.MODE_ECB).encrypt(seed.ljust(16, b"\\0"))[:4]',
  );

  const bench = repo.file('hil/config/bench-rack03.yaml', 'python');
  bench.l('bench:', '  name: hil-rack-03', '  can:', '    interface: vector', '    channel: 0', '    bitrate: 500000');
  bench.d(`  dut_vin: ${h.vin()}`, 'vin');
  bench.d('  dut_part_number: 8W0907468G', 'ecu part number');
  bench.l(
    '  power_supply: {host: 10.20.3.41, port: 5025}',
    'jira:',
    '  url: https://kestrel-auto.atlassian.net',
    '  user: hil-bot@kestrel-auto.com',
  );
  const jt = h.atl();
  bench.s(`  api_token: ${jt}`, 'atlassian', jt);
  bench.l('polarion:', '  url: https://polarion.kestrel-auto.local/polarion');
  const pt = h.polarion();
  bench.s(`  token: ${pt}`, 'jwt', pt);
  bench.l('influx:', '  url: https://influx.kestrel-auto.com', '  org: hil');
  const it = h.influx();
  bench.s(`  token: "${it}"`, 'influxdb', it);
  bench.l('results:');
  const rpw = h.pwA();
  bench.s(`  dsn: postgresql://hil:${rpw}@hil-results.kestrel.local:5432/results`, 'database', rpw);
  bench.d('  ssh_key: ~/.ssh/hil_rack03_ed25519', 'file reference');

  const cf = repo.file('hil/conftest.py', 'python');
  cf.l('import os', '', 'import pytest', '');
  const mp = h.menderPat();
  cf.s(`MENDER_PAT = os.environ.get("MENDER_PAT", "${mp}")`, 'mender', mp);
  cf.d('ARTIFACTORY_TOKEN = os.environ["ARTIFACTORY_TOKEN"]', 'env reference');
  const sshPw = h.pw();
  cf.s(`BENCH_SSH_PASSWORD = os.getenv("BENCH_SSH_PASSWORD", "${sshPw}")`, 'generic', sshPw);
  cf.l('', '', '@pytest.fixture', 'def dut():');
  cf.d('    return {"vin": "WK7ZZZ00000000000", "sas_key": "<not-used-on-bench>"}', 'placeholder fixture');

  const fl = repo.file('hil/scripts/flash_ecu.py', 'python');
  fl.l('import paramiko', 'import requests', '');
  const flPw = h.pw();
  const flRef = h.jfrogRef();
  fl.l('ssh = paramiko.SSHClient()', 'ssh.set_missing_host_key_policy(paramiko.AutoAddPolicy())');
  fl.s(`ssh.connect("10.20.3.12", username="hil", password="${flPw}")`, 'generic', flPw);
  fl.l('url = "https://kestrel.jfrog.io/artifactory/fw-release-local/tcu3/4.10.2/tcu3.swu"');
  fl.s(`resp = requests.get(url, auth=("ci-flash", "${flRef}"), timeout=120)`, 'artifactory', flRef);
  fl.d(`EXPECTED_SHA256 = "${t.sha256()}"`, 'hash');
  fl.l('', 'import paho.mqtt.client as mqtt', 'probe = mqtt.Client(client_id="hil-rack03-probe")');
  const mq = h.pw();
  fl.s(`probe.username_pw_set("hil-probe", "${mq}")`, 'generic', mq);
  fl.d('SEED_EXAMPLE = bytes.fromhex("3A7F12C4")  # spec example seed', 'uds example seed');

  const sign = repo.file('tools/ota/sign_artifact.py', 'python');
  sign.l(
    'import os',
    'from cryptography.hazmat.primitives import hashes, serialization',
    'from cryptography.hazmat.primitives.asymmetric import ec',
    '',
  );
  const ecKey = t.ecPem();
  sign.s([`SIGNING_KEY_PEM = b"""${ecKey[0]}`, ...ecKey.slice(1), '"""'], 'private-key', ecKey[1]);
  sign.l('');
  const vk = h.ecPub();
  sign.d([`VERIFY_KEY_PEM = b"""${vk[0]}`, ...vk.slice(1), '"""'], 'public key');
  const pin = h.pwA();
  sign.s(`PKCS11_PIN = os.environ.get("PKCS11_PIN", "${pin}")`, 'generic', pin);
  sign.d('PKCS11_URI = "pkcs11:token=ota-signing;object=ota-2025"', 'pkcs11 uri');

  const up = repo.file('tools/ota/upload_mender.py', 'python');
  up.l('import requests', '', 'MENDER_URL = "https://hosted.mender.io/api/management/v1/deployments/artifacts"');
  const mt = h.menderPat();
  up.s(`MENDER_TOKEN = "${mt}"`, 'mender', mt);
  up.d('headers = {"Authorization": f"Bearer {MENDER_TOKEN}"}', 'variable reference');

  const bal = repo.file('tools/ota/balena_release.py', 'python');
  bal.l('from balena import Balena', '', 'balena = Balena()');
  const bk = t.alnum(32);
  bal.s(`balena.auth.login_with_token("${bk}")`, 'balena', bk);
  bal.d(`DEVICE_UUID = "${t.pick(HEX, 32)}"`, 'balena device uuid (id)');
  bal.d('FLEET = "kestrel/tcu3-dev"', 'fleet slug');

  const prov = repo.file('tools/fleet/provision_devices.py', 'python');
  prov.l(
    'import boto3',
    'from azure.iot.hub import IoTHubRegistryManager',
    '',
    'iot = boto3.client(',
    '    "iot",',
    '    region_name="eu-central-1",',
  );
  const pak = t.awsId();
  const pas = t.awsSecret();
  prov.s(`    aws_access_key_id="${pak}",`, 'aws', pak);
  prov.s(`    aws_secret_access_key="${pas}",`, 'aws', pas);
  prov.l(')');
  const regKey = h.azKey();
  prov.s(
    `registry = IoTHubRegistryManager.from_connection_string("HostName=${h.hub};SharedAccessKeyName=registryReadWrite;SharedAccessKey=${regKey}")`,
    'azure',
    regKey,
  );
  prov.d('POLICY_NAME = "tcu3-fleet-policy"', 'name');
  prov.d('CERT_ARN_FMT = "arn:aws:iot:eu-central-1:{account}:cert/{cert_id}"', 'arn format');
  const sdk = t.awsSecret();
  prov.s(`os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "${sdk}")`, 'aws', sdk);
  const sas2 = h.sasToken(`${h.hub}/devices/HIL-RACK03`);
  prov.s(`BENCH_DEVICE_SAS = "${sas2}"`, 'azure', sas2);

  const out = repo.file('provisioning/out/TCU3-0042.json', 'json');
  const certId = t.pick(HEX, 64);
  const acct = h.acct();
  const privKey = t.rsaPem();
  out.l('{');
  out.d(`    "certificateArn": "arn:aws:iot:eu-central-1:${acct}:cert/${certId}",`, 'arn');
  out.d(`    "certificateId": "${certId}",`, 'aws iot certificate id');
  out.d(`    "certificatePem": "${h.pemJ(h.cert())}",`, 'certificate (public)');
  out.l('    "keyPair": {');
  out.d(`        "PublicKey": "${h.pemJ(h.rsaPub())}",`, 'public key');
  out.s(`        "PrivateKey": "${h.pemJ(privKey)}"`, 'private-key', privKey[1]);
  out.l('    }', '}');

  const dbcs = repo.file('tools/can/dbc_sync.py', 'python');
  dbcs.l('import pathlib', 'import requests', '');
  const dk = h.jfrogKey();
  dbcs.l(
    'for p in pathlib.Path("can/dbc").glob("*.dbc"):',
    '    url = f"https://kestrel.jfrog.io/artifactory/can-db-local/{p.name}"',
  );
  dbcs.s(`    requests.put(url, headers={"X-JFrog-Art-Api": "${dk}"}, data=p.read_bytes())`, 'artifactory', dk);

  const jr = repo.file('tools/ci/report_results.py', 'python');
  jr.l('import os', 'from jira import JIRA', '');
  const jt2 = h.atl();
  jr.s(
    `jira = JIRA(server="https://kestrel-auto.atlassian.net", basic_auth=("hil-bot@kestrel-auto.com", "${jt2}"))`,
    'atlassian',
    jt2,
  );
  jr.d('JIRA_PROJECT = "TCU"', 'project key');
  jr.d('JIRA_TOKEN = os.environ.get("JIRA_TOKEN", "")', 'env reference');

  const sl = jr;
  const wh = t.slackWebhook();
  sl.l('');
  sl.s(`SLACK_WEBHOOK = "${wh}"`, 'slack', wh);
  sl.d('SLACK_CHANNEL = "#tcu-builds"', 'channel');
  const xp = `xoxp-${t.digits(12)}-${t.digits(12)}-${t.digits(13)}-${t.hex(32)}`;
  sl.s(`SLACK_USER_TOKEN = "${xp}"  # needed for files.upload of the HTML report`, 'slack', xp);
  const dcPat = h.jiraDcPat();
  sl.s(`jira_dc = JIRA(server="https://jira.kestrel-auto.local", token_auth="${dcPat}")`, 'atlassian', dcPat);

  const fx = repo.file('tests/fixtures/device_secrets.fake.json', 'fixture');
  fx.l('{', '  "_comment": "placeholder values for unit tests; never valid",');
  fx.d('  "sas_key": "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",', 'zero key');
  fx.d('  "aws_secret": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",', 'aws doc example');
  fx.d('  "mqtt_password": "not-a-real-password",', 'fake fixture');
  fx.d('  "vin": "WK7ZZZ00000000000"', 'placeholder vin');
  fx.l('}');
}

// ---- Rust gateway service ----------------------------------------------------------------

function rust(repo, t, h) {
  const g = repo.file('services/vehicle-gateway/config/gateway.toml', 'rust');
  g.l('[mqtt]', 'host = "mqtt.kestrel-auto.com"', 'port = 8883', 'username = "vgw-edge"');
  const mp = h.pw();
  g.s(`password = "${mp}"`, 'generic', mp);
  g.l('', '[azure]');
  const k = h.azKey();
  g.s(`device_connection_string = "HostName=${h.hub};DeviceId=VGW-${t.digits(6)};SharedAccessKey=${k}"`, 'azure', k);
  g.l('', '[here]');
  const hk = h.hereKey();
  g.s(`api_key = "${hk}"`, 'here', hk);
  g.d(`app_id = "${t.alnum(20)}"`, 'here app id (public identifier)');
  g.l('', '[telemetry]', 'endpoint = "https://ingest.fleet.kestrel-auto.com/v2"');
  g.d('token = "${TELEMETRY_TOKEN}"', 'env reference');

  const c = repo.file('services/vehicle-gateway/src/config.rs', 'rust');
  c.l('use std::env;', '');
  const dp = h.pw();
  c.s(`const DEFAULT_MQTT_PASSWORD: &str = "${dp}";`, 'generic', dp);
  c.l('', 'pub fn load() -> Settings {');
  const it = t.hex(40);
  c.s(`    let ingest_token = env::var("FLEET_INGEST_TOKEN").unwrap_or_else(|_| "${it}".to_string());`, 'generic', it);
  c.d('    let sas = env::var("IOTHUB_SAS_KEY").expect("IOTHUB_SAS_KEY must be set");', 'env reference');
  c.l('    Settings {', '        mqtt: MqttSettings {', '            user: "vgw-edge".into(),');
  const sp = h.pw();
  c.s(`            password: "${sp}".into(),`, 'generic', sp);
  c.l(
    '        },',
    '        ingest_token,',
    '        sas,',
    '    }',
    '}',
    '',
    'pub fn mqtt_options() -> MqttOptions {',
  );
  c.l('    let mut opts = MqttOptions::new("vgw-01", "mqtt.kestrel-auto.com", 8883);');
  const rp = h.pw();
  c.s(`    opts.set_credentials("vgw-edge", "${rp}");`, 'generic', rp);
  c.l('    opts', '}');

  const tls = repo.file('services/vehicle-gateway/src/tls.rs', 'rust');
  tls.d('static CLIENT_CERT: &[u8] = include_bytes!("../certs/vgw-client.crt");', 'file include');
  const pk = t.pkcs8Pem();
  tls.s([`static CLIENT_KEY: &str = r#"${pk[0]}`, ...pk.slice(1, -1), `${pk[pk.length - 1]}"#;`], 'private-key', pk[1]);

  const cc = repo.file('services/vehicle-gateway/.cargo/config.toml', 'rust');
  cc.l('[registries.kestrel-cargo]');
  cc.d('index = "sparse+https://kestrel.jfrog.io/artifactory/api/cargo/cargo-local/index/"', 'registry url');
  cc.l('[registry]', 'global-credential-providers = ["cargo:token"]');
  const cr = repo.file('services/vehicle-gateway/.cargo/credentials.toml', 'rust');
  const ref = h.jfrogRef();
  cr.l('[registries.kestrel-cargo]');
  cr.s(`token = "Bearer ${ref}"`, 'artifactory', ref);
}

// ---- Go fleet telemetry backend ---------------------------------------------------------

function golang(repo, t, h) {
  const y = repo.file('services/fleet-telemetry/config/config.prod.yaml', 'go');
  y.l(
    'server:',
    '  addr: ":8443"',
    'kafka:',
    '  brokers:',
    '    - b-1.kestrel-msk.eu-central-1.amazonaws.com:9096',
    '  sasl:',
    '    mechanism: SCRAM-SHA-512',
    '    username: telemetry-ingest',
  );
  const kp = h.pw();
  y.s(`    password: ${kp}`, 'generic', kp);
  y.l('timescale:');
  const tp = h.pwA();
  y.s(
    `  dsn: "postgres://telemetry:${tp}@timescale-prod.kestrel.internal:5432/telemetry?sslmode=require"`,
    'database',
    tp,
  );
  y.l('influx:', '  url: https://influx.kestrel-auto.com', '  org: fleet');
  const inf = h.influx();
  y.s(`  token: ${inf}`, 'influxdb', inf);
  y.l('alerts:');
  const wh = t.slackWebhook();
  y.s(`  slack_webhook: ${wh}`, 'slack', wh);
  y.l('grafana:', '  url: https://grafana.kestrel-auto.com');
  const gf = h.grafana();
  y.s(`  service_account_token: ${gf}`, 'grafana', gf);
  y.l('maps:');
  const gk = t.gcpApiKey();
  y.s(`  google_server_key: ${gk}`, 'gcp', gk);
  y.d('  here_api_key: ${HERE_API_KEY}', 'env reference');
  y.l('iothub:');
  const eh = h.azKey();
  y.s(
    `  eventhub_connection: "Endpoint=sb://ihsuprodamres012dednamespace.servicebus.windows.net/;SharedAccessKeyName=iothubowner;SharedAccessKey=${eh};EntityPath=kestrel-fleet-prod"`,
    'azure',
    eh,
  );
  y.d('  consumer_group: $Default', 'setting');

  const db = repo.file('services/fleet-telemetry/internal/store/timescale.go', 'go');
  db.l('package store', '', 'import (', '\t"database/sql"', '\t"os"', ')', '');
  const lp = h.pwA();
  db.s(
    `const defaultDSN = "postgres://telemetry:${lp}@timescale-prod.kestrel.internal:5432/telemetry"`,
    'database',
    lp,
  );
  db.l('', 'func Open() (*sql.DB, error) {');
  db.d('\tdsn := os.Getenv("TIMESCALE_DSN")', 'env reference');
  db.l('\tif dsn == "" {', '\t\tdsn = defaultDSN', '\t}', '\treturn sql.Open("pgx", dsn)', '}');

  const kf = repo.file('services/fleet-telemetry/internal/ingest/kafka.go', 'go');
  kf.l(
    'package ingest',
    '',
    'import "github.com/IBM/sarama"',
    '',
    'func saramaConfig() *sarama.Config {',
    '\tcfg := sarama.NewConfig()',
    '\tcfg.Net.SASL.Enable = true',
  );
  kf.d('\tcfg.Net.SASL.User = "telemetry-ingest"', 'username');
  const sp = h.pw();
  kf.s(`\tcfg.Net.SASL.Password = "${sp}"`, 'generic', sp);
  kf.l('\tcfg.Net.SASL.Mechanism = sarama.SASLTypeSCRAMSHA512', '\treturn cfg', '}');

  const kt = repo.file('services/fleet-telemetry/internal/ingest/kafka_test.go', 'go');
  kt.l('package ingest', '', 'func TestConfig(t *testing.T) {');
  kt.d('\tcfg := Config{User: "u", Password: "not-a-real-password"}', 'obviously fake test value');
  kt.l('\t_ = cfg', '}');

  const gg = repo.file('services/fleet-telemetry/internal/geo/google.go', 'go');
  const gk2 = t.gcpApiKey();
  gg.l('package geo', '', 'import "googlemaps.github.io/maps"', '', 'func newClient() (*maps.Client, error) {');
  gg.s(`\treturn maps.NewClient(maps.WithAPIKey("${gk2}"))`, 'gcp', gk2);
  gg.l('}');

  const hg = repo.file('services/fleet-telemetry/internal/geo/here.go', 'go');
  const hk = h.hereKey();
  hg.l('package geo', '');
  hg.s(`const hereAPIKey = "${hk}"`, 'here', hk);
  hg.d('const hereRevGeocodeURL = "https://revgeocode.search.hereapi.com/v1/revgeocode"', 'url');
  hg.l(
    '',
    'func revGeocodeQuery(lat, lon float64) string {',
    '\treturn fmt.Sprintf("at=%f,%f&apiKey=%s", lat, lon, hereAPIKey)',
    '}',
  );

  const m = repo.file('services/fleet-telemetry/cmd/telemetry/main.go', 'go');
  m.l('package main', '', 'import "flag"', '', 'var (');
  const fi = h.influx();
  m.s(`\tinfluxToken = flag.String("influx-token", "${fi}", "InfluxDB API token")`, 'influxdb', fi);
  m.d('\tkafkaPassword = flag.String("kafka-password", "", "SASL password")', 'empty default');
  m.d('\tlistenAddr = flag.String("listen", ":8443", "listen address")', 'setting');
  m.l(')', '', 'func mqttOpts() *mqtt.ClientOptions {');
  const gpw = h.pw();
  m.s(
    `\treturn mqtt.NewClientOptions().AddBroker("ssl://mqtt.kestrel-auto.com:8883").SetUsername("telemetry").SetPassword("${gpw}")`,
    'generic',
    gpw,
  );
  m.l('}');

  const jw = repo.file('services/fleet-telemetry/internal/auth/jwt.go', 'go');
  const sk = t.mixed(ALNUM, 48);
  jw.l('package auth', '');
  jw.s(`var signingKey = []byte("${sk}")`, 'generic', sk);
  jw.d(`const signingKeyID = "${t.uuid()}"`, 'key id');

  const aw = repo.file('services/fleet-telemetry/internal/archive/s3.go', 'go');
  const ak = t.awsId();
  const as = t.awsSecret();
  aw.l('package archive', '', 'func newS3() *s3.Client {', '\tcreds := credentials.NewStaticCredentialsProvider(');
  aw.s(`\t\t"${ak}",`, 'aws', ak);
  aw.s(`\t\t"${as}",`, 'aws', as);
  aw.l('\t\t"",', '\t)', '\treturn s3.New(s3.Options{Region: "eu-central-1", Credentials: creds})', '}');
}

// ---- Android Automotive app ---------------------------------------------------------------

function android(repo, t, h) {
  const gp = repo.file('android/gradle.properties', 'android');
  gp.l('org.gradle.jvmargs=-Xmx4g -Dfile.encoding=UTF-8', 'android.useAndroidX=true');
  gp.d('kotlin.code.style=official', 'setting');
  gp.l('RELEASE_STORE_FILE=../keystore/kestrel-aaos-release.jks');
  const sp = h.pw();
  gp.s(`RELEASE_STORE_PASSWORD=${sp}`, 'generic', sp);
  gp.l('RELEASE_KEY_ALIAS=kestrel-aaos');
  const kp = h.pw();
  gp.s(`RELEASE_KEY_PASSWORD=${kp}`, 'generic', kp);
  gp.l('artifactory_user=android-ci');
  const ar = h.jfrogRef();
  gp.s(`artifactory_password=${ar}`, 'artifactory', ar);
  gp.d('artifactory_contextUrl=https://kestrel.jfrog.io/artifactory', 'url');

  const bg = repo.file('android/app/build.gradle', 'android');
  bg.l(
    'plugins { id "com.android.application" }',
    '',
    'android {',
    '    namespace "com.kestrel.car.companion"',
    '    signingConfigs {',
    '        platform {',
  );
  bg.d("            storeFile file('../keystore/platform.jks')", 'file reference');
  const ps = h.pw();
  bg.s(`            storePassword '${ps}'`, 'generic', ps);
  bg.d("            keyAlias 'platform'", 'alias');
  const pkp = h.pw();
  bg.s(`            keyPassword '${pkp}'`, 'generic', pkp);
  bg.l('        }', '        release {', '            storeFile file(RELEASE_STORE_FILE)');
  bg.d('            storePassword RELEASE_STORE_PASSWORD', 'property reference');
  bg.d('            keyAlias RELEASE_KEY_ALIAS', 'property reference');
  bg.d('            keyPassword System.getenv("RELEASE_KEY_PASSWORD")', 'env reference');
  bg.l('        }', '    }', '    defaultConfig {', '        applicationId "com.kestrel.car.companion"');
  bg.d('        buildConfigField "String", "FLEET_API_URL", "\\"https://fleet.kestrel-auto.com/api/\\""', 'url');
  const fk = t.hex(40);
  bg.s(`        buildConfigField "String", "FLEET_API_KEY", "\\"${fk}\\""`, 'generic', fk);
  bg.d(
    "        manifestPlaceholders = [MAPS_API_KEY: project.findProperty('MAPS_API_KEY') ?: '']",
    'property reference',
  );
  bg.l('    }', '}');

  const kts = repo.file('android/automotive/build.gradle.kts', 'android');
  kts.l(
    'android {',
    '    signingConfigs {',
    '        create("release") {',
    '            storeFile = file("../keystore/kestrel-aaos-release.jks")',
  );
  const ksp = h.pw();
  kts.s(`            storePassword = "${ksp}"`, 'generic', ksp);
  kts.l('            keyAlias = "kestrel-aaos"');
  const kkp = h.pw();
  kts.s(`            keyPassword = "${kkp}"`, 'generic', kkp);
  kts.l('        }', '        getByName("debug") {');
  kts.d('            storePassword = "android"', 'android debug keystore default');
  kts.d('            keyPassword = "android"', 'android debug keystore default');
  kts.l('        }', '    }', '    defaultConfig {');
  const hk = h.hereKey();
  kts.s(`        buildConfigField("String", "HERE_API_KEY", "\\"${hk}\\"")`, 'here', hk);
  kts.d(`        buildConfigField("String", "GIT_SHA", "\\"${t.sha1().slice(0, 10)}\\"")`, 'short sha');
  kts.d(
    `        buildConfigField("String", "SENTRY_DSN", "\\"https://${t.pick(HEX, 32)}@o4508.ingest.de.sentry.io/4508123\\"")`,
    'sentry dsn (public)',
  );
  kts.l('    }', '}');

  const lp = repo.file('android/local.properties', 'android');
  lp.l(
    '## This file must *NOT* be checked into Version Control Systems,',
    'sdk.dir=/Users/jkoenig/Library/Android/sdk',
  );
  const mk = t.gcpApiKey();
  lp.s(`MAPS_API_KEY=${mk}`, 'gcp', mk);

  const bc = repo.file(
    'android/app/build/generated/source/buildConfig/release/com/kestrel/car/companion/BuildConfig.java',
    'android',
  );
  bc.l(
    '/**',
    ' * Automatically generated file. DO NOT MODIFY',
    ' */',
    'package com.kestrel.car.companion;',
    '',
    'public final class BuildConfig {',
    '  public static final boolean DEBUG = false;',
  );
  bc.d('  public static final String APPLICATION_ID = "com.kestrel.car.companion";', 'application id');
  bc.l(
    '  public static final String BUILD_TYPE = "release";',
    '  public static final int VERSION_CODE = 41002;',
    '  public static final String VERSION_NAME = "4.10.2";',
    '  // Field from default config.',
  );
  bc.s(`  public static final String FLEET_API_KEY = "${fk}";`, 'generic', fk);
  bc.d('  public static final String FLEET_API_URL = "https://fleet.kestrel-auto.com/api/";', 'url');
  bc.d(`  public static final String GIT_SHA = "${t.sha1()}";`, 'git sha');
  bc.l('}');

  const kt = repo.file('android/app/src/main/java/com/kestrel/car/companion/net/FleetClient.kt', 'android');
  kt.l('package com.kestrel.car.companion.net', '', 'import okhttp3.OkHttpClient', '');
  const cw = t.slackWebhook();
  kt.s(`private const val CRASH_WEBHOOK = "${cw}"`, 'slack', cw);
  const fj = h.atl();
  kt.s(`private const val FEEDBACK_JIRA_TOKEN = "${fj}"`, 'atlassian', fj);
  kt.l('', 'class FleetClient(private val session: Session) {');
  kt.d('    private val apiKey = BuildConfig.FLEET_API_KEY', 'reference');
  kt.d('    private val hereKey = BuildConfig.HERE_API_KEY', 'reference');
  const p12 = h.pw();
  kt.s(
    `    private val ks = KeyStore.getInstance("PKCS12").apply { load(assets.open("client.p12"), "${p12}".toCharArray()) }`,
    'generic',
    p12,
  );
  const bpw = h.pw();
  kt.s(`    private val basic = Credentials.basic("fleet-app", "${bpw}")`, 'generic', bpw);
  kt.d(
    '    fun auth(b: Request.Builder) = b.header("Authorization", "Bearer ${session.accessToken}")',
    'kotlin interpolation',
  );
  kt.l('}');

  const mf = repo.file('android/app/src/main/AndroidManifest.xml', 'android');
  mf.l(
    '<manifest xmlns:android="http://schemas.android.com/apk/res/android">',
    '  <uses-feature android:name="android.hardware.type.automotive" android:required="true" />',
    '  <application>',
  );
  mf.d(
    '    <meta-data android:name="com.google.android.geo.API_KEY" android:value="${MAPS_API_KEY}" />',
    'manifest placeholder',
  );
  mf.l('  </application>', '</manifest>');

  const ksf = repo.file('android/keystore/keystore.properties', 'android');
  const a = h.pw();
  const b = h.pw();
  ksf.s(`storePassword=${a}`, 'generic', a);
  ksf.s(`keyPassword=${b}`, 'generic', b);
  ksf.l('keyAlias=kestrel-aaos', 'storeFile=kestrel-aaos-release.jks');

  const gw = repo.file('android/gradle/wrapper/gradle-wrapper.properties', 'android');
  gw.l('distributionUrl=https\\://services.gradle.org/distributions/gradle-8.10.2-bin.zip');
  gw.d(`distributionSha256Sum=${t.sha256()}`, 'checksum');

  const st = repo.file('android/settings.gradle.kts', 'android');
  st.l(
    'dependencyResolutionManagement {',
    '    repositories {',
    '        google()',
    '        maven {',
    '            url = uri("https://kestrel.jfrog.io/artifactory/android-virtual")',
    '            credentials {',
    '                username = "android-ci"',
  );
  const ak = h.jfrogKey();
  st.s(`                password = "${ak}"`, 'artifactory', ak);
  st.l(
    '            }',
    '        }',
    '        maven {',
    '            url = uri("https://kestrel.jfrog.io/artifactory/aaos-snapshots")',
    '            credentials {',
  );
  st.d('                password = providers.gradleProperty("artifactory_password").get()', 'property reference');
  st.l('            }', '        }', '    }', '}');
}

// ---- TypeScript fleet console -------------------------------------------------------------

function webConsole(repo, t, h) {
  const env = repo.file('web/fleet-console/.env.production', 'typescript');
  env.d('VITE_API_BASE_URL=https://fleet.kestrel-auto.com/api', 'url');
  env.d(`VITE_SENTRY_DSN=https://${t.pick(HEX, 32)}@o4508.ingest.de.sentry.io/4508123`, 'sentry dsn (public)');
  const mbPayload = Buffer.from(JSON.stringify({ u: 'kestrel-auto', a: t.lower(25) })).toString('base64url');
  env.d(`VITE_MAPBOX_TOKEN=pk.${mbPayload}.${t.mixed(URLSAFE, 22)}`, 'mapbox public token');
  const jt = h.atl();
  env.s(`JIRA_API_TOKEN=${jt}`, 'atlassian', jt);
  const sb = t.slackBot();
  env.s(`SLACK_BOT_TOKEN=${sb}`, 'slack', sb);
  const hk = h.hereKey();
  env.s(`HERE_API_KEY=${hk}`, 'here', hk);
  const gk = t.gcpApiKey();
  env.s(`GOOGLE_MAPS_SERVER_KEY=${gk}`, 'gcp', gk);
  env.d('SESSION_SECRET=', 'key name without value');

  const rt = repo.file('web/fleet-console/src/server/routing.ts', 'typescript');
  const hk2 = h.hereKey();
  rt.l("import { Router } from 'express';", '');
  rt.s(`const HERE_API_KEY = process.env.HERE_API_KEY ?? '${hk2}';`, 'here', hk2);
  rt.d('const GOOGLE_KEY = process.env.GOOGLE_MAPS_SERVER_KEY!;', 'env reference');
  rt.l('', 'export const routing = Router();');

  const jr = repo.file('web/fleet-console/src/server/integrations/jira.ts', 'typescript');
  const jt2 = h.atl();
  const email = 'fleet-console@kestrel-auto.com';
  jr.l("import axios from 'axios';", '', `const JIRA_EMAIL = '${email}';`);
  jr.s(`const JIRA_TOKEN = '${jt2}';`, 'atlassian', jt2);
  jr.l('export const jira = axios.create({', "  baseURL: 'https://kestrel-auto.atlassian.net/rest/api/3',");
  jr.s(`  headers: { Authorization: 'Basic ${h.b64of(`${email}:${jt2}`)}' },`, 'atlassian', jt2);
  jr.l('});');

  const ot = repo.file('web/fleet-console/src/server/ota.ts', 'typescript');
  const mp = h.menderPat();
  ot.l(
    "import axios from 'axios';",
    '',
    'export const mender = axios.create({',
    "  baseURL: 'https://hosted.mender.io/api/management/v1',",
  );
  ot.s(`  headers: { Authorization: 'Bearer ${mp}' },`, 'mender', mp);
  ot.l('});', '', "import mqtt from 'mqtt';");
  const tpw = h.pw();
  ot.s(
    `export const live = mqtt.connect('mqtts://mqtt.kestrel-auto.com:8883', { username: 'console', password: '${tpw}' });`,
    'generic',
    tpw,
  );

  const rc = repo.file('web/fleet-console/.npmrc', 'typescript');
  rc.d('registry=https://kestrel.jfrog.io/artifactory/api/npm/npm-virtual/', 'url');
  const ref = h.jfrogRef();
  rc.s(`//kestrel.jfrog.io/artifactory/api/npm/npm-virtual/:_auth=${h.b64of(`web-ci:${ref}`)}`, 'artifactory', ref);
  rc.l('always-auth=true');
  rc.d('//kestrel.jfrog.io/artifactory/api/npm/npm-release/:_authToken=${NPM_TOKEN}', 'env reference');

  const fx = repo.file('web/fleet-console/src/__tests__/fixtures/vehicles.ts', 'typescript');
  fx.l('export const vehicles = [');
  fx.d(`  { vin: '${h.vin()}', ecu: 'TCU3', partNumber: '5Q0035284K', fw: '4.10.2' },`, 'vin and part number');
  fx.d(`  { vin: '${h.vin()}', ecu: 'BCM', partNumber: '8W0907468G', fw: '2.3.1' },`, 'vin and part number');
  fx.l('];');
  fx.d(
    "export const fakeCredentials = { apiKey: 'test-api-key-not-real', sas: 'SharedAccessKey=xxxxxxxxxxxx' };",
    'fake fixture',
  );

  const lock = repo.file('web/fleet-console/package-lock.json', 'typescript');
  lock.l('{', '  "name": "fleet-console",', '  "lockfileVersion": 3,', '  "packages": {');
  for (const p of ['maplibre-gl', 'zod', 'axios']) {
    lock.l(`    "node_modules/${p}": {`, '      "version": "1.7.4",');
    lock.d(`      "integrity": "sha512-${h.b64(86)}=="`, 'npm integrity');
    lock.l('    },');
  }
  lock.l('    "": {}', '  }', '}');

  const vm = rt;
  vm.d('const key = import.meta.env.VITE_MAPS_BROWSER_KEY;', 'env reference');
  vm.d(
    'const style = `https://maps.geo.eu-central-1.amazonaws.com/maps/v0/maps/fleet/style-descriptor?key=${key}`;',
    'template reference',
  );

  const sq = repo.file('web/fleet-console/sonar-project.properties', 'typescript');
  sq.d('sonar.projectKey=kestrel_fleet-console', 'project key');
  sq.d('sonar.host.url=https://sonar.kestrel-auto.com', 'url');
  const st = h.sonar('sqp_');
  sq.s(`sonar.token=${st}`, 'sonarqube', st);
}

// ---- MATLAB / Simulink scripts ------------------------------------------------------------

function matlab(repo, t, h) {
  const lf = repo.file('analytics/matlab/load_fleet_data.m', 'matlab');
  lf.l('% LOAD_FLEET_DATA  Pull pack telemetry for the battery ageing study.', 'function T = load_fleet_data(vins)');
  lf.d("dbPass = getenv('FLEETDB_PASSWORD');", 'env reference');
  const dp = h.pw();
  lf.s(
    `conn = database('fleetdb', 'analyst', '${dp}', 'Vendor', 'PostgreSQL', 'Server', 'timescale-ro.kestrel.internal', 'PortNumber', 5432);`,
    'generic',
    dp,
  );
  const it = h.influx();
  lf.s(`opts = weboptions('HeaderFields', {'Authorization', 'Token ${it}'}, 'Timeout', 60);`, 'influxdb', it);
  lf.d(`defaultVins = {'${h.vin()}', '${h.vin()}'};`, 'vins');
  lf.l('T = fetch(conn, sprintf("SELECT * FROM pack_stats WHERE vin IN (%s)", strjoin(vins, ",")));', 'end');

  const ts = repo.file('analytics/matlab/thingspeak_push.m', 'matlab');
  ts.d('channelID = 2291847;', 'public channel id');
  const wk = t.mixed(UPPER + DIGIT, 16);
  ts.s(`writeKey = '${wk}';`, 'generic', wk);
  ts.d("readKey = 'XXXXXXXXXXXXXXXX';", 'placeholder');
  ts.l("thingSpeakWrite(channelID, soc, 'WriteKey', writeKey);");

  const bms = repo.file('models/simulink/bms/init_bms_params.m', 'matlab');
  bms.l('%% BMS model parameters (loaded by bms_model.slx PreLoadFcn)');
  bms.d("BMS.CanId.Status = hex2dec('18FF50E5');", 'can id');
  bms.d("BMS.PartNumber = '8S0 915 105 D';", 'part number');
  bms.d('SecOC.KeyId = uint8(3);', 'key id');
  bms.d('% UDS 0x27 example: seed = [0x3A 0x7F 0x12 0xC4], key = [0x91 0x0E 0x55 0x2B]', 'uds example');
  const dk = t.pick('0123456789ABCDEF', 32);
  bms.s(`SecOC.DevKeyHex = '${dk}';  % A-sample key, see HSM provisioning sheet`, 'generic', dk);
  bms.d('Cell.Capacity_Ah = 78.0;', 'parameter');

  const tc = repo.file('models/simulink/tcu/tcu_cloud_params.m', 'matlab');
  tc.l('%% SIL cloud connection for tcu_model.slx');
  const k = h.azKey();
  tc.s(`Cloud.AzureConnStr = 'HostName=${h.hub};DeviceId=SIL-TCU-01;SharedAccessKey=${k}';`, 'azure', k);
  tc.d("Cloud.Endpoint = 'kestrel-fleet-prod.azure-devices.net';", 'hostname');
}

// ---- CMake --------------------------------------------------------------------------------

function cmake(repo, t, h) {
  const c = repo.file('firmware/CMakeLists.txt', 'cmake');
  c.l(
    'cmake_minimum_required(VERSION 3.25)',
    'project(kestrel_tcu C CXX ASM)',
    '',
    'include(FetchContent)',
    'FetchContent_Declare(',
    '  mbedtls',
  );
  const gl = t.gitlab();
  c.s(`  GIT_REPOSITORY https://gitlab-ci-token:${gl}@gitlab.kestrel-auto.com/thirdparty/mbedtls.git`, 'gitlab', gl);
  c.l(
    '  GIT_TAG v3.6.2',
    ')',
    'FetchContent_Declare(',
    '  cjson',
    '  URL https://github.com/DaveGamble/cJSON/archive/refs/tags/v1.7.18.tar.gz',
  );
  c.d(`  URL_HASH SHA256=${t.sha256()}`, 'hash');
  c.l(')');
  const ak = h.jfrogKey();
  c.s(`set(ARTIFACTORY_API_KEY "${ak}" CACHE STRING "Key for uploading firmware images")`, 'artifactory', ak);
  c.d('set(ARTIFACTORY_URL "https://kestrel.jfrog.io/artifactory/fw-release-local")', 'url');
  c.d('set(FW_SIGNING_KEY "$ENV{FW_SIGNING_KEY}" CACHE FILEPATH "")', 'env reference');
  const dsp = h.pwA();
  c.s(`add_compile_definitions(TCU_DIAG_SHELL_PASSWORD="${dsp}")`, 'generic', dsp);
  c.d('add_compile_definitions(TCU_CAN_BITRATE=500000 TCU_UDS_P2_MS=50)', 'definitions');

  const pr = repo.file('firmware/CMakePresets.json', 'cmake');
  pr.l(
    '{',
    '  "version": 6,',
    '  "configurePresets": [',
    '    {',
    '      "name": "tcu3-release",',
    '      "cacheVariables": {',
  );
  pr.d('        "CMAKE_BUILD_TYPE": "Release",', 'setting');
  pr.d('        "CMAKE_TOOLCHAIN_FILE": "${sourceDir}/cmake/arm-none-eabi.cmake",', 'path');
  const sp = h.pw();
  pr.s(`        "FW_SIGN_KEY_PASSWORD": "${sp}"`, 'generic', sp);
  pr.l('      }', '    }', '  ]', '}');

  const up = repo.file('firmware/cmake/upload.cmake', 'cmake');
  const ref = h.jfrogRef();
  up.l('add_custom_target(upload', '  DEPENDS tcu3.swu');
  up.s(
    `  COMMAND curl -fsS -u fw-ci:${ref} -T \${CMAKE_BINARY_DIR}/tcu3.swu https://kestrel.jfrog.io/artifactory/fw-release-local/tcu3/`,
    'artifactory',
    ref,
  );
  up.l(')');
}

// ---- Yocto --------------------------------------------------------------------------------

function yocto(repo, t, h) {
  const r1 = repo.file('yocto/meta-kestrel/recipes-connectivity/tcu-agent/tcu-agent_4.10.bb', 'yocto');
  r1.l('SUMMARY = "Kestrel TCU cloud agent"', 'LICENSE = "CLOSED"', '');
  const gh = t.github();
  r1.s(
    `SRC_URI = "git://yocto-ci:${gh}@github.com/kestrel-auto/tcu-agent.git;protocol=https;branch=release/4.10 \\`,
    'github',
    gh,
  );
  r1.l('           file://tcu-agent.service \\', '           file://tcu-agent.conf"');
  r1.d(`SRCREV = "${t.sha1()}"`, 'srcrev');
  r1.d(`LIC_FILES_CHKSUM = "file://LICENSE;md5=${t.pick(HEX, 32)}"`, 'license checksum');
  r1.l('', 'inherit systemd cmake');
  const oe = t.hex(40);
  r1.s(`EXTRA_OECMAKE += "-DCMAKE_BUILD_TYPE=Release -DFLEET_API_TOKEN=${oe}"`, 'generic', oe);

  const r2 = repo.file('yocto/meta-kestrel/recipes-bsp/ecu-fw-blobs/ecu-fw-blobs_1.2.bb', 'yocto');
  r2.l('SUMMARY = "Prebuilt ECU firmware images flashed by the TCU over CAN"', 'LICENSE = "CLOSED"');
  const jk = h.jfrogKey();
  r2.s(
    `SRC_URI = "https://kestrel.jfrog.io/artifactory/fw-blobs/ecu-fw-blobs-1.2.tar.gz;user=yocto-ci;pswd=${jk}"`,
    'artifactory',
    jk,
  );
  r2.d(`SRC_URI[md5sum] = "${t.pick(HEX, 32)}"`, 'checksum');
  r2.d(`SRC_URI[sha256sum] = "${t.sha256()}"`, 'checksum');

  const r3 = repo.file('yocto/meta-kestrel/recipes-connectivity/modem-fw/quectel-fw_2.1.bb', 'yocto');
  r3.d(
    'SRC_URI = "git://gitlab.kestrel-auto.com/bsp/quectel-fw.git;protocol=https;branch=main;user=oauth2:${GITLAB_TOKEN}"',
    'bitbake variable',
  );
  r3.d(`SRCREV = "${t.sha1()}"`, 'srcrev');

  const r4 = repo.file('yocto/meta-kestrel/recipes-connectivity/can-gateway/can-gateway_git.bb', 'yocto');
  const gl = t.gitlab();
  r4.l('SUMMARY = "CAN <-> SOME/IP gateway"', 'LICENSE = "CLOSED"');
  r4.s(
    `SRC_URI = "gitsm://gitlab.kestrel-auto.com/platform/can-gateway.git;protocol=https;branch=main;user=oauth2:${gl}"`,
    'gitlab',
    gl,
  );
  r4.d('SRCREV = "${AUTOREV}"', 'bitbake variable');
  r4.d('PV = "1.0+git${SRCPV}"', 'bitbake variable');

  const img = repo.file('yocto/meta-kestrel/recipes-core/images/kestrel-tcu-image.bb', 'yocto');
  img.l('require recipes-core/images/core-image-minimal.bb', 'inherit extrausers', '');
  img.d(`EXTRA_USERS_PARAMS = "usermod -p '$6$${t.alnum(16)}$${t.mixed(ALNUM + './', 86)}' root;"`, 'sha512crypt hash');
  const sp = h.pwA();
  img.s(`EXTRA_USERS_PARAMS += "useradd -P ${sp} service;"`, 'generic', sp);
  img.l('IMAGE_INSTALL:append = " tcu-agent can-gateway mender-client"');

  const wp = repo.file(
    'yocto/meta-kestrel/recipes-connectivity/wpa-supplicant/files/wpa_supplicant-wlan0.conf',
    'yocto',
  );
  wp.l('ctrl_interface=/var/run/wpa_supplicant', 'update_config=1', '', 'network={', '    ssid="KESTREL-PLANT-OTA"');
  const wpw = h.pw();
  wp.s(`    psk="${wpw}"`, 'generic', wpw);
  wp.l('    key_mgmt=WPA-PSK', '}', 'network={', '    ssid="KESTREL-WORKSHOP"');
  const wpmk = t.hex(64);
  wp.s(`    psk=${wpmk}`, 'generic', wpmk);
  wp.l('}');

  const lc = repo.file('yocto/build/conf/local.conf', 'yocto');
  lc.l('MACHINE ?= "kestrel-tcu3"', 'DISTRO ?= "kestrel-auto"', 'INHERIT += "mender-full"');
  lc.d('MENDER_ARTIFACT_SIGNING_KEY = "${TOPDIR}/../keys/mender-signing.key"', 'file reference');
  lc.d('MENDER_SERVER_URL = "https://hosted.mender.io"', 'url');
  const mt = h.menderTenant();
  lc.s(`MENDER_TENANT_TOKEN = "${mt}"`, 'mender', mt);
  lc.d('MENDER_DEVICE_TYPE = "kestrel-tcu3"', 'setting');
  const sref = h.jfrogRef();
  lc.s(
    `SSTATE_MIRRORS ?= "file://.* https://yocto-ci:${sref}@kestrel.jfrog.io/artifactory/yocto-sstate/PATH;downloadfilename=PATH"`,
    'artifactory',
    sref,
  );
  lc.d('INHERIT += "rm_work"', 'setting');

  const sc = repo.file('yocto/build/conf/site.conf', 'yocto');
  sc.l('SCONF_VERSION = "1"');
  const px = h.pwA();
  sc.s(`export http_proxy = "http://svc-yocto:${px}@proxy.kestrel.local:3128/"`, 'generic', px);
  sc.s(`export https_proxy = "http://svc-yocto:${px}@proxy.kestrel.local:3128/"`, 'generic', px);
  sc.d('export no_proxy = "localhost,127.0.0.1,.kestrel.local"', 'setting');
  const mpw = h.pwA();
  sc.s(
    `PREMIRRORS:prepend = "git://.*/.* https://mirror:${mpw}@yocto-mirror.kestrel.local/downloads/ https://.*/.* https://mirror:${mpw}@yocto-mirror.kestrel.local/downloads/"`,
    'generic',
    mpw,
  );
  sc.d('BB_GENERATE_MIRROR_TARBALLS = "1"', 'setting');

  const kas = repo.file('yocto/kas/kestrel-tcu3.yml', 'yocto');
  kas.l(
    'header:',
    '  version: 14',
    'machine: kestrel-tcu3',
    'distro: kestrel-auto',
    'repos:',
    '  poky:',
    '    url: https://git.yoctoproject.org/poky',
  );
  kas.d(`    commit: ${t.sha1()}`, 'commit sha');
  kas.l('  meta-kestrel:');
  const kgl = t.gitlab();
  kas.s(`    url: https://oauth2:${kgl}@gitlab.kestrel-auto.com/bsp/meta-kestrel.git`, 'gitlab', kgl);
  kas.l('    branch: scarthgap', 'local_conf_header:', '  mender: |');
  kas.d('    MENDER_TENANT_TOKEN ?= ""', 'empty');

  const vk = repo.file('yocto/meta-kestrel/recipes-ota/mender-config/files/artifact-verify-key.pem', 'yocto');
  vk.d(h.ecPub(), 'public key');
}

// ---- Kubernetes / Helm for the OTA backend --------------------------------------------------

function kubernetes(repo, t, h) {
  const v = repo.file('deploy/helm/ota-backend/values-prod.yaml', 'k8s');
  v.l('global:', '  image:', '    registry: kestrel.jfrog.io/docker-virtual', '  mongodb:');
  const mp = h.pwA();
  v.s(`    URL: "mongodb://mender:${mp}@mongo-0.mongo.ota.svc:27017/?replicaSet=rs0"`, 'database', mp);
  v.l('  nats:', '    URL: nats://nats:4222', '  s3:');
  v.d('    AWS_URI: https://s3.eu-central-1.amazonaws.com', 'url');
  v.d('    AWS_BUCKET: kestrel-ota-artifacts', 'bucket');
  const ak = t.awsId();
  const as = t.awsSecret();
  v.s(`    AWS_ACCESS_KEY_ID: ${ak}`, 'aws', ak);
  v.s(`    AWS_SECRET_ACCESS_KEY: ${as}`, 'aws', as);
  v.l('  url: https://ota.kestrel-auto.com', 'deviceauth:', '  certs:', '    key: |');
  const da = t.rsaPem();
  v.s(
    da.map((x) => `      ${x}`),
    'private-key',
    da[1],
  );
  v.l('useradm:', '  certs:');
  v.d('    existingSecret: ota-useradm-key', 'secret reference');
  v.l('api_gateway:', '  certs:', '    cert: |');
  v.d(
    h.cert().map((x) => `      ${x}`),
    'public cert',
  );
  v.l('    key: |');
  const ek = t.ecPem();
  v.s(
    ek.map((x) => `      ${x}`),
    'private-key',
    ek[1],
  );
  v.l('mongodb:', '  auth:', '    rootUser: root');
  const rootPw = h.pwA();
  v.s(`    rootPassword: ${rootPw}`, 'generic', rootPw);
  v.l('smtp:');
  v.d('  password: ""', 'empty');

  const tpl = repo.file('deploy/helm/ota-backend/templates/s3-secret.yaml', 'k8s');
  tpl.l('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: {{ include "ota.fullname" . }}-s3', 'data:');
  tpl.d('  AWS_SECRET_ACCESS_KEY: {{ .Values.global.s3.AWS_SECRET_ACCESS_KEY | b64enc | quote }}', 'helm template');
  tpl.d(
    '  MONGO_URL: {{ required "global.mongodb.URL is required" .Values.global.mongodb.URL | b64enc }}',
    'helm template',
  );

  const ps = repo.file('deploy/k8s/ota/artifactory-pull-secret.yaml', 'k8s');
  const ref = h.jfrogRef();
  const dcj = h.b64of(
    JSON.stringify({
      auths: { 'kestrel.jfrog.io': { username: 'k8s-pull', password: ref, auth: h.b64of(`k8s-pull:${ref}`) } },
    }),
  );
  ps.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: jfrog-pull',
    '  namespace: ota',
    'type: kubernetes.io/dockerconfigjson',
    'data:',
  );
  ps.s(`  .dockerconfigjson: ${dcj}`, 'artifactory', ref);

  const cm = repo.file('deploy/k8s/ota/ota-gateway-config.yaml', 'k8s');
  cm.l(
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: ota-gateway',
    'data:',
    '  application.yaml: |',
    '    iothub:',
  );
  const sk = h.azKey();
  cm.s(`      connection-string: "HostName=${h.hub};SharedAccessKeyName=service;SharedAccessKey=${sk}"`, 'azure', sk);
  cm.l('    slack:');
  const sb = t.slackBot();
  cm.s(`      bot-token: ${sb}`, 'slack', sb);
  cm.d('    mender: { url: "https://hosted.mender.io" }', 'url');
  cm.l('  LOG_LEVEL: info');
  const gf = h.grafana();
  cm.s(`  GRAFANA_TOKEN: ${gf}`, 'grafana', gf);

  const fs = repo.file('deploy/k8s/ota/fleet-api-secret.yaml', 'k8s');
  fs.l('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: fleet-api', 'type: Opaque', 'data:');
  const hk = h.hereKey();
  const gk = t.gcpApiKey();
  const ik = h.azKey();
  fs.s(`  HERE_API_KEY: ${h.b64of(hk)}`, 'here', hk);
  fs.s(`  GOOGLE_MAPS_SERVER_KEY: ${h.b64of(gk)}`, 'gcp', gk);
  fs.s(`  IOTHUB_SAS_KEY: ${h.b64of(ik)}`, 'azure', ik);
  fs.d(`  LOG_FORMAT: ${h.b64of('json')}`, 'base64 of a setting');

  const ss = repo.file('deploy/k8s/ota/managed-secrets.yaml', 'k8s');
  ss.l(
    'apiVersion: bitnami.com/v1alpha1',
    'kind: SealedSecret',
    'metadata:',
    '  name: mender-pat',
    'spec:',
    '  encryptedData:',
  );
  ss.d(`    MENDER_PAT: AgB${h.b64(600)}==`, 'sealed secret');

  const es = ss;
  es.l(
    '---',
    'apiVersion: external-secrets.io/v1beta1',
    'kind: ExternalSecret',
    'metadata:',
    '  name: ota-backend',
    'spec:',
    '  data:',
    '    - secretKey: MENDER_PAT',
    '      remoteRef:',
  );
  es.d('        key: prod/ota/mender', 'remote ref');
  es.d('        property: personal_access_token', 'property name');

  const sops = repo.file('deploy/helm/ota-backend/secrets.prod.enc.yaml', 'k8s');
  sops.d(`mongodb_password: ENC[AES256_GCM,data:${h.b64(24)},iv:${h.b64(43)}=,tag:${h.b64(22)}==,type:str]`, 'sops');
  sops.d(`iothub_owner_key: ENC[AES256_GCM,data:${h.b64(60)},iv:${h.b64(43)}=,tag:${h.b64(22)}==,type:str]`, 'sops');
  const lo = h.pw();
  sops.s(`smtp_password: ${lo}`, 'generic', lo);
  sops.l('sops:', '    kms:', '        - arn: arn:aws:kms:eu-central-1:' + h.acct() + ':key/' + t.uuid());
  sops.d(`    mac: ENC[AES256_GCM,data:${h.b64(88)}==,iv:${h.b64(43)}=,tag:${h.b64(22)}==,type:str]`, 'sops mac');

  const dep = repo.file('deploy/k8s/ota/deployment.yaml', 'k8s');
  dep.l(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: ota-orchestrator',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: orchestrator',
  );
  dep.d(`          image: kestrel.jfrog.io/docker-virtual/ota-orchestrator@sha256:${t.sha256()}`, 'image digest');
  dep.l('          env:', '            - name: MENDER_PAT');
  const pat = h.menderPat();
  dep.s(`              value: "${pat}"`, 'mender', pat);
  dep.l('            - name: IOTHUB_CONNECTION_STRING', '              valueFrom:', '                secretKeyRef:');
  dep.d('                  name: iothub', 'secretKeyRef name');
  dep.d('                  key: connection-string', 'secretKeyRef key');
}

// ---- Terraform (AWS IoT, Azure IoT Hub) ----------------------------------------------------

function terraform(repo, t, h) {
  const p = repo.file('infra/terraform/aws-iot/providers.tf', 'terraform');
  const ak = t.awsId();
  const as = t.awsSecret();
  p.l('provider "aws" {', '  region     = "eu-central-1"');
  p.s(`  access_key = "${ak}"`, 'aws', ak);
  p.s(`  secret_key = "${as}"`, 'aws', as);
  p.l('}');

  const acct = h.acct();
  const m = repo.file('infra/terraform/aws-iot/main.tf', 'terraform');
  m.l(
    'resource "aws_iot_thing" "tcu" {',
    '  for_each = toset(var.bench_vins)',
    '  name     = "TCU3-${each.key}"',
    '}',
    '',
    'resource "aws_iot_certificate" "tcu" {',
    '  for_each = aws_iot_thing.tcu',
    '  active   = true',
    '}',
    '',
    'resource "aws_iot_policy" "tcu" {',
    '  name   = "tcu3-fleet-policy"',
    '  policy = jsonencode({',
    '    Version = "2012-10-17"',
    '    Statement = [{',
    '      Effect   = "Allow"',
    '      Action   = ["iot:Connect"]',
  );
  m.d(
    `      Resource = "arn:aws:iot:eu-central-1:${acct}:client/\${iot:Connection.Thing.ThingName}"`,
    'arn with account id',
  );
  m.l('    }]', '  })', '}', '', 'output "tcu_private_keys" {');
  m.d('  value     = { for k, c in aws_iot_certificate.tcu : k => c.private_key }', 'resource reference');
  m.l('  sensitive = true', '}');

  const st = repo.file('infra/terraform/aws-iot/terraform.tfstate', 'terraform');
  const certId = t.pick(HEX, 64);
  const key = t.rsaPem();
  st.l('{', '  "version": 4,', '  "terraform_version": "1.9.8",', '  "serial": 42,');
  st.d(`  "lineage": "${t.uuid()}",`, 'uuid');
  st.l(
    '  "outputs": {},',
    '  "resources": [',
    '    {',
    '      "mode": "managed",',
    '      "type": "aws_iot_certificate",',
    '      "name": "tcu",',
    '      "provider": "provider[\\"registry.terraform.io/hashicorp/aws\\"]",',
    '      "instances": [',
    '        {',
    '          "index_key": "WK7A",',
    '          "schema_version": 0,',
    '          "attributes": {',
    '            "active": true,',
  );
  st.d(`            "arn": "arn:aws:iot:eu-central-1:${acct}:cert/${certId}",`, 'arn');
  st.d(`            "certificate_pem": "${h.pemJ(h.cert())}",`, 'certificate (public)');
  st.d(`            "id": "${certId}",`, 'certificate id');
  st.s(`            "private_key": "${h.pemJ(key)}",`, 'private-key', key[1]);
  st.d(`            "public_key": "${h.pemJ(h.rsaPub())}"`, 'public key');
  st.l(
    '          },',
    '          "sensitive_attributes": []',
    '        }',
    '      ]',
    '    },',
    '    {',
    '      "mode": "managed",',
    '      "type": "azurerm_iothub_shared_access_policy",',
    '      "name": "backend",',
    '      "instances": [',
    '        {',
    '          "attributes": {',
  );
  st.d(
    `            "id": "/subscriptions/${t.uuid()}/resourceGroups/rg-fleet/providers/Microsoft.Devices/IotHubs/kestrel-fleet-prod/IotHubKeys/tcu-backend",`,
    'resource id',
  );
  st.l('            "name": "tcu-backend",');
  const pk = h.azKey();
  const sk = h.azKey();
  st.s(
    `            "primary_connection_string": "HostName=${h.hub};SharedAccessKeyName=tcu-backend;SharedAccessKey=${pk}",`,
    'azure',
    pk,
  );
  st.s(`            "primary_key": "${pk}",`, 'azure', pk);
  st.s(
    `            "secondary_connection_string": "HostName=${h.hub};SharedAccessKeyName=tcu-backend;SharedAccessKey=${sk}",`,
    'azure',
    sk,
  );
  st.s(`            "secondary_key": "${sk}",`, 'azure', sk);
  st.l('            "registry_read": true', '          }', '        }', '      ]', '    }', '  ]', '}');

  const az = repo.file('infra/terraform/azure-iothub/main.tf', 'terraform');
  az.l('provider "azurerm" {', '  features {}');
  az.d(`  subscription_id = "${t.uuid()}"`, 'uuid id');
  az.d(`  tenant_id       = "${t.uuid()}"`, 'uuid id');
  az.d(`  client_id       = "${t.uuid()}"`, 'uuid id');
  const cs = t.azureClientSecret();
  az.s(`  client_secret   = "${cs}"`, 'azure', cs);
  az.l(
    '}',
    '',
    'resource "azurerm_iothub" "fleet" {',
    '  name                = "kestrel-fleet-prod"',
    '  resource_group_name = azurerm_resource_group.fleet.name',
    '  location            = var.location',
    '  sku {',
    '    name     = "S2"',
    '    capacity = 4',
    '  }',
    '}',
  );

  const tv = repo.file('infra/terraform/azure-iothub/terraform.tfvars', 'terraform');
  tv.d('location = "westeurope"', 'setting');
  const sq = h.pw();
  tv.s(`sql_admin_password = "${sq}"`, 'generic', sq);
  const dps = h.azKey64();
  tv.s(`dps_enrollment_group_primary_key = "${dps}"`, 'azure', dps);
  tv.d('eventhub_consumer_group = "telemetry-ingest"', 'setting');

  const vv = repo.file('infra/terraform/azure-iothub/main.tf', 'terraform');
  vv.l('', 'variable "sql_admin_password" {', '  type      = string');
  vv.d('  sensitive = true', 'key name without value');
  vv.l('}', '', 'variable "dps_enrollment_group_primary_key" {', '  type    = string');
  vv.d('  default = ""', 'empty default');
  vv.l('}');
}

// ---- CI: GitHub Actions, Jenkins, GitLab runners -------------------------------------------

function ci(repo, t, h) {
  const fw = repo.file('.github/workflows/firmware.yml', 'ci');
  fw.l('name: firmware', 'on: [push]', 'env:');
  fw.d('  CONAN_LOGIN_USERNAME: ci-conan', 'username');
  fw.d('  CONAN_PASSWORD: ${{ secrets.CONAN_PASSWORD }}', 'secrets reference');
  const so = h.sonar('squ_');
  fw.s(`  SONAR_TOKEN: ${so}`, 'sonarqube', so);
  fw.l('jobs:', '  build:', '    runs-on: [self-hosted, arm64]', '    steps:');
  fw.d(`      - uses: actions/checkout@${t.sha1()} # v4.2.2`, 'pinned action sha');
  fw.l('      - name: Coverity scan', '        run: |', '          cov-build --dir cov-int cmake --build build');
  const cov = h.pw();
  fw.s(
    `          cov-commit-defects --dir cov-int --url https://coverity.kestrel-auto.local:8443 --stream tcu3-main --user ci-coverity --password '${cov}'`,
    'generic',
    cov,
  );
  fw.l('      - name: Upload', '        run: |');
  const at = h.jfrogAccess();
  fw.s(
    `          jf rt upload "build/*.swu" fw-release-local/tcu3/ --url https://kestrel.jfrog.io/artifactory --access-token ${at}`,
    'artifactory',
    at,
  );
  fw.d('      - run: echo "built ${{ github.sha }}"', 'expression');

  const yo = repo.file('.github/workflows/yocto.yml', 'ci');
  yo.l(
    'name: yocto',
    'on:',
    '  schedule: [{cron: "0 2 * * *"}]',
    'jobs:',
    '  image:',
    '    runs-on: [self-hosted, yocto]',
    '    steps:',
    '      - name: Configure mirrors',
    '        env:',
  );
  yo.d('          SSTATE_TOKEN: ${{ secrets.SSTATE_TOKEN }}', 'secrets reference');
  yo.l('        run: |');
  yo.d(
    '          echo "SSTATE_MIRRORS = \\"file://.* https://yocto-ci:${SSTATE_TOKEN}@kestrel.jfrog.io/artifactory/yocto-sstate/PATH\\"" >> build/conf/auto.conf',
    'shell variable',
  );
  yo.l('      - name: Publish to Mender', '        run: |');
  const mp = h.menderPat();
  yo.s(
    `          curl -fsS -H "Authorization: Bearer ${mp}" -F artifact=@build/tmp/deploy/images/kestrel-tcu3/kestrel-tcu-image.mender https://hosted.mender.io/api/management/v1/deployments/artifacts`,
    'mender',
    mp,
  );
  yo.l('      - uses: slackapi/slack-github-action@v1.27.0', '        with:');
  const wh = t.slackWebhook();
  yo.s(`          webhook: ${wh}`, 'slack', wh);
  yo.l('          webhook-type: incoming-webhook');

  const jf = repo.file('firmware/Jenkinsfile', 'ci');
  jf.l('pipeline {', "  agent { label 'yocto' }", '  environment {');
  jf.d("    ARTIFACTORY = credentials('artifactory-yocto-ci')", 'credentials reference');
  const pol = h.polarion();
  jf.s(`    POLARION_TOKEN = '${pol}'`, 'jwt', pol);
  const cp = h.pw();
  jf.s(`    COVERITY_PASSPHRASE = '${cp}'`, 'generic', cp);
  jf.l(
    '  }',
    '  stages {',
    "    stage('Build') { steps { sh 'kas build kas/kestrel-tcu3.yml' } }",
    "    stage('Publish') {",
    '      steps {',
  );
  jf.d(
    "        withCredentials([string(credentialsId: 'sonar-token', variable: 'SONAR_TOKEN')]) {",
    'credentials binding',
  );
  jf.d("          sh 'sonar-scanner -Dsonar.token=$SONAR_TOKEN'", 'variable');
  jf.l('        }');
  const jk = h.jfrogKey();
  jf.s(
    `        sh "curl -u deploy:${jk} -T build/tcu3.swu https://kestrel.jfrog.io/artifactory/fw-release-local/"`,
    'artifactory',
    jk,
  );
  const sa = h.sonar('sqa_');
  jf.s(`        sh 'sonar-scanner -Dsonar.projectKey=tcu3-fw -Dsonar.token=${sa}'`, 'sonarqube', sa);
  jf.l('      }', '    }', '  }', '  post {');
  jf.d("    failure { slackSend(channel: '#tcu-builds', tokenCredentialId: 'slack-bot') }", 'credential id');
  jf.l('  }', '}');

  const rg = repo.file('ci/runner/register.sh', 'ci');
  rg.l('#!/usr/bin/env bash', 'set -euo pipefail');
  const rt = `glrt-${t.mixed(URLSAFE, 20)}`;
  rg.s(
    `gitlab-runner register --non-interactive --url https://gitlab.kestrel-auto.com --token ${rt} --executor docker --docker-image kas:4.5`,
    'gitlab',
    rt,
  );
  rg.d(
    'gitlab-runner register --non-interactive --url https://gitlab.kestrel-auto.com --token "$RUNNER_TOKEN" --executor shell',
    'variable',
  );

  const cn = repo.file('ci/scripts/conan-setup.sh', 'ci');
  cn.l('#!/usr/bin/env bash', 'conan remote add kestrel https://kestrel.jfrog.io/artifactory/api/conan/conan-virtual');
  const cr = h.jfrogRef();
  cn.s(`conan remote login kestrel ci-conan -p ${cr}`, 'artifactory', cr);
  cn.d('conan remote login kestrel ci-conan -p "$CONAN_PASSWORD"', 'variable');

  const fo = repo.file('tools/ota/foundries_publish.sh', 'ci');
  fo.l('#!/usr/bin/env bash', 'set -euo pipefail');
  const ft = t.alnum(40);
  fo.s(`export FIO_API_TOKEN=${ft}`, 'generic', ft);
  const ft2 = t.alnum(40);
  fo.s(
    `curl -fsS -H "OSF-TOKEN: ${ft2}" https://api.foundries.io/ota/factories/kestrel-tcu/targets/ -o targets.json`,
    'generic',
    ft2,
  );
  fo.d('fioctl targets list --factory kestrel-tcu', 'command');
  const bt = t.alnum(32);
  fo.s(`balena login --token ${bt}`, 'balena', bt);
}

// ---- Dockerfiles / compose ------------------------------------------------------------------

function docker(repo, t, h) {
  const yb = repo.file('docker/yocto-builder/Dockerfile', 'docker');
  yb.d(`FROM ubuntu:22.04@sha256:${t.sha256()}`, 'image digest');
  const ref = h.jfrogRef();
  yb.s(`ARG ARTIFACTORY_TOKEN=${ref}`, 'artifactory', ref);
  yb.d('ARG GITLAB_TOKEN', 'build arg without value');
  const jk = h.jfrogKey();
  yb.s(`RUN printf 'machine kestrel.jfrog.io login yocto-ci password %s\\n' '${jk}' > /root/.netrc`, 'artifactory', jk);
  yb.d('RUN --mount=type=secret,id=netrc,target=/root/.netrc repo sync -j8', 'build secret mount');

  const os = repo.file('docker/ota-orchestrator/Dockerfile', 'docker');
  os.l('FROM golang:1.23 AS build', 'ENV GOPRIVATE=gitlab.kestrel-auto.com');
  const gref = h.jfrogRef();
  os.s(`ENV GOPROXY=https://go-ci:${gref}@kestrel.jfrog.io/artifactory/api/go/go-virtual,direct`, 'artifactory', gref);
  os.l('RUN go build -o /out/orchestrator ./cmd/orchestrator', 'FROM gcr.io/distroless/static-debian12');
  const mp = h.menderPat();
  os.s(`ENV MENDER_PAT=${mp}`, 'mender', mp);
  os.d('ENV MENDER_URL=https://hosted.mender.io', 'url');

  const dc = repo.file('docker/hil-bench/docker-compose.yml', 'docker');
  dc.l(
    'services:',
    '  influxdb:',
    '    image: influxdb:2.7',
    '    environment:',
    '      DOCKER_INFLUXDB_INIT_MODE: setup',
    '      DOCKER_INFLUXDB_INIT_USERNAME: hil',
  );
  const ip = h.pw();
  dc.s(`      DOCKER_INFLUXDB_INIT_PASSWORD: ${ip}`, 'generic', ip);
  const it = h.influx();
  dc.s(`      DOCKER_INFLUXDB_INIT_ADMIN_TOKEN: ${it}`, 'influxdb', it);
  dc.l('  grafana:', '    image: grafana/grafana:11.3.0', '    environment:');
  const gp = h.pw();
  dc.s(`      GF_SECURITY_ADMIN_PASSWORD: "${gp}"`, 'generic', gp);
  dc.d(`      GF_AUTH_GENERIC_OAUTH_CLIENT_ID: ${t.uuid()}`, 'oauth client id');
  dc.l('  results-db:', '    image: postgres:16', '    environment:');
  dc.d('      POSTGRES_PASSWORD: ${RESULTS_DB_PASSWORD:-changeme}', 'env reference with placeholder');
}

// ---- Jupyter notebook (battery analytics) ---------------------------------------------------

function notebook(repo, t, h) {
  const nb = repo.file('analytics/notebooks/battery_soh_q3.ipynb', 'notebook');
  const q = (s) => JSON.stringify(s);
  nb.l('{', ' "cells": [', '  {', '   "cell_type": "markdown",', '   "metadata": {},', '   "source": [');
  nb.l(
    `    ${q('# Battery state-of-health, TCU3 fleet Q3 2025\n')},`,
    `    ${q('Pack telemetry joined with workshop DTC data.')}`,
  );
  nb.l(
    '   ]',
    '  },',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 1,',
    '   "metadata": {},',
    '   "outputs": [],',
    '   "source": [',
  );
  nb.l(
    `    ${q('import os\n')},`,
    `    ${q('import pandas as pd\n')},`,
    `    ${q('from influxdb_client import InfluxDBClient\n')},`,
  );
  const it = h.influx();
  nb.s(
    `    ${q(`client = InfluxDBClient(url="https://influx.kestrel-auto.com", token="${it}", org="battery")\n`)},`,
    'influxdb',
    it,
  );
  nb.l(`    ${q('query_api = client.query_api()')}`, '   ]', '  },');
  nb.l(
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
  const dp = h.pwA();
  nb.s(`      ${q(`engine: postgresql://analyst:${dp}@timescale-ro.kestrel.internal:5432/fleet\n`)},`, 'database', dp);
  nb.d(`      ${q('rows: 48211, vins: 312\n')}`, 'plain output');
  nb.l('     ]', '    }', '   ],', '   "source": [', `    ${q('import sqlalchemy as sa\n')},`);
  nb.d(`    ${q('engine = sa.create_engine(os.environ["FLEETDB_URL"])\n')},`, 'env reference');
  nb.l(
    `    ${q('print("engine:", engine.url.render_as_string(hide_password=False))\n')},`,
    `    ${q('print(f"rows: {n}, vins: {v}")')}`,
  );
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
    '      "text/plain": [',
  );
  nb.l(`       ${q('                 vin  soh_pct  cycles  dtc\n')},`);
  nb.d(`       ${q(`0  ${h.vin()}     94.1     812  P0A80\n`)},`, 'vin in output');
  nb.d(`       ${q(`1  ${h.vin()}     91.7    1033  P0AFA`)}`, 'vin in output');
  nb.l(
    '      ]',
    '     },',
    '     "execution_count": 3,',
    '     "metadata": {},',
    '     "output_type": "execute_result"',
    '    }',
    '   ],',
    '   "source": [',
    `    ${q('df.head(2)')}`,
    '   ]',
    '  },',
  );
  nb.l(
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 4,',
    '   "metadata": {},',
    '   "outputs": [],',
    '   "source": [',
  );
  const hk = h.hereKey();
  nb.s(`    ${q(`os.environ["HERE_API_KEY"] = "${hk}"\n`)},`, 'here', hk);
  nb.d(
    `    ${q('charging_sites = geocode(df.workshop_address, api_key=os.environ["HERE_API_KEY"])')}`,
    'env reference',
  );
  nb.l(
    '   ]',
    '  }',
    ' ],',
    ' "metadata": {',
    '  "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}',
    ' },',
    ' "nbformat": 4,',
    ' "nbformat_minor": 5',
    '}',
  );
}

// ---- logs --------------------------------------------------------------------------------

function logs(repo, t, h) {
  const s = repo.file('logs/ecu/tcu3-serial-20251103.log', 'log');
  const v = h.vin();
  s.l(
    'U-Boot 2023.04-kestrel (Nov 03 2025 - 10:12:44 +0000)',
    '## Loading kernel from FIT Image at 90000000 ...',
    '   Verifying Hash Integrity ... sha256+ OK',
  );
  s.d(`   Hash value:   ${t.sha256()}`, 'fit image hash');
  s.d('serial#=KST3-0042-2291', 'u-boot serial');
  s.d('ethaddr=02:4b:53:00:00:2a', 'mac address');
  s.l('[    0.000000] Booting Linux on physical CPU 0x0000000000 [0x410fd034]');
  s.d(`[    4.110218] tcu-agent[611]: starting fw=4.10.2 build=${t.sha1().slice(0, 12)} vin=${v}`, 'build id and vin');
  s.d(`[    4.118802] tcu-agent[611]: mqtt endpoint=${h.iotEndpoint} client_id=TCU3-${v}`, 'endpoint and client id');
  const k = h.azKey();
  s.s(
    `[    4.120011] tcu-agent[611]: DEBUG azure: conn="HostName=${h.hub};DeviceId=TCU3-${v};SharedAccessKey=${k}"`,
    'azure',
    k,
  );
  s.d('[    5.004410] uds[618]: rx 27 01 -> tx 67 01 3A 7F 12 C4 (seed)', 'uds seed in log');
  s.d('[    5.010034] uds[618]: rx 27 02 91 0E 55 2B -> tx 67 02 (access granted)', 'uds key for one seed');
  const ap = h.pwA();
  s.s(`[    6.221904] tcu-agent[611]: DEBUG modem: AT+QICSGP=1,1,"iot.kestrel.m2m","kestrel","${ap}",3`, 'generic', ap);
  s.d('[    7.331822] mender[702]: level=info msg="Authorization token: [REDACTED]"', 'redacted');
  s.d(
    '[    7.402211] wpa_supplicant[540]: wlan0: WPA: Key negotiation completed with 3c:84:6a:1f:22:90 [PTK=CCMP GTK=CCMP]',
    'wifi log',
  );
  s.d('[    8.000113] can0: rx id=0x18FF50E5 dlc=8 data=0A 1B 2C 3D 4E 5F 60 71', 'can frame');

  const o = repo.file('logs/ota/ota-orchestrator-20251104.jsonl', 'log');
  o.d(
    `{"ts":"2025-11-04T07:12:01Z","level":"info","msg":"artifact uploaded","artifact":"tcu3-fw-4.10.2","checksum":"${t.sha256()}"}`,
    'checksum',
  );
  const mp = h.menderPat();
  o.s(
    `{"ts":"2025-11-04T07:12:03Z","level":"debug","msg":"outbound request","url":"https://hosted.mender.io/api/management/v1/deployments","headers":{"Authorization":"Bearer ${mp}"}}`,
    'mender',
    mp,
  );
  o.d(
    `{"ts":"2025-11-04T07:12:09Z","level":"info","msg":"device authorized","device_id":"${t.pick(HEX, 24)}","vin":"${h.vin()}"}`,
    'ids',
  );
  const hk = h.hereKey();
  o.s(
    `{"ts":"2025-11-04T07:13:44Z","level":"warn","msg":"geocode failed","url":"https://revgeocode.search.hereapi.com/v1/revgeocode?at=48.1351,11.5820&apiKey=${hk}","status":429}`,
    'here',
    hk,
  );
  const gk = t.gcpApiKey();
  o.s(
    `{"ts":"2025-11-04T07:13:45Z","level":"warn","msg":"fallback geocoder","url":"https://maps.googleapis.com/maps/api/geocode/json?latlng=48.1351,11.5820&key=${gk}"}`,
    'gcp',
    gk,
  );
  o.d(
    `{"ts":"2025-11-04T07:14:02Z","level":"info","msg":"jwt validated","kid":"${t.hex(16)}","sub":"${t.uuid()}"}`,
    'ids',
  );

  const j = repo.file('logs/ci/jenkins-tcu3-fw-1842.log', 'log');
  j.l('Started by timer', 'Running on jenkins-yocto-02 in /var/lib/jenkins/workspace/tcu3-fw', '[Pipeline] sh');
  j.d('+ curl -u deploy:**** -T build/tcu3.swu https://kestrel.jfrog.io/artifactory/fw-release-local/', 'masked');
  const jk = h.jfrogKey();
  j.s(
    `+ curl -fsS -H 'X-JFrog-Art-Api: ${jk}' -T build/tcu3-sdk.sh https://kestrel.jfrog.io/artifactory/sdk-local/`,
    'artifactory',
    jk,
  );
  j.d('Coverity Connect: using authentication key file /var/lib/jenkins/.coverity/auth-key.txt', 'file reference');
  const cp = h.pw();
  j.s(
    `+ cov-commit-defects --dir cov-int --url https://coverity.kestrel-auto.local:8443 --stream tcu3-main --user ci-coverity --password ${cp}`,
    'generic',
    cp,
  );
  j.d(`Signing tcu3.swu with key id 0x${t.pick('0123456789ABCDEF', 16)}`, 'key id');
  j.l('Finished: SUCCESS');

  const g = repo.file('logs/ci/gha-yocto-988.log', 'log');
  g.d(`2025-11-03T02:00:11.4411Z ##[group]Run actions/checkout@${t.sha1()}`, 'sha');
  g.d('2025-11-03T02:00:11.4413Z   SSTATE_TOKEN: ***', 'masked');
  const gs = t.github('ghs_');
  g.s(
    `2025-11-03T02:00:12.0031Z + git clone https://x-access-token:${gs}@github.com/kestrel-auto/meta-kestrel.git`,
    'github',
    gs,
  );
  g.d(`2025-11-03T03:41:52.8812Z NOTE: sstate signature ${t.sha256()}`, 'hash');
  g.l(
    "2025-11-03T03:41:53.0001Z NOTE: Tasks Summary: Attempted 6211 tasks of which 5980 didn't need to be rerun and all succeeded.",
  );
}

// ---- credential files --------------------------------------------------------------------

function credentialFiles(repo, t, h) {
  const hx = repo.file('firmware/build/tcu3_app.hex', 'firmware-image');
  hx.l(':020000040800F2');
  for (let i = 0; i < 3; i++) {
    const body = `10${(i * 16).toString(16).padStart(4, '0').toUpperCase()}00${t.pick('0123456789ABCDEF', 32)}`;
    const sum = (0x100 - (Buffer.from(body, 'hex').reduce((a, b) => a + b, 0) & 0xff)) & 0xff;
    hx.d(`:${body}${sum.toString(16).padStart(2, '0').toUpperCase()}`, 'intel hex record');
  }
  hx.l(':04000005080001C12D', ':00000001FF');
  const sr = repo.file('firmware/build/bcm_fbl.s19', 'firmware-image');
  sr.l('S00F0000626F6F746C6F616465722E73313998');
  for (let i = 0; i < 2; i++)
    sr.d(`S1130${i}00${t.pick('0123456789ABCDEF', 32)}${t.pick('0123456789ABCDEF', 2)}`, 's-record');
  sr.l('S9030000FC');

  const ac = repo.file('hil/aws/credentials', 'creds');
  const hak = t.awsId();
  const has = t.awsSecret();
  ac.l('[hil-iot]');
  ac.s(`aws_access_key_id = ${hak}`, 'aws', hak);
  ac.s(`aws_secret_access_key = ${has}`, 'aws', has);
  ac.l(
    'region = eu-central-1',
    '',
    '[sso-dev]',
    'sso_start_url = https://kestrel-auto.awsapps.com/start',
    'sso_region = eu-central-1',
  );
  ac.d(`sso_account_id = ${h.acct()}`, 'aws account id');
  ac.d('sso_role_name = FirmwareDeveloper', 'role name');

  const gl = repo.file('.gitlab-ci.yml', 'ci');
  gl.l('stages: [build, mirror, quality]', '', 'variables:', '  GIT_DEPTH: "0"');
  const gat = t.gitlab();
  gl.s(`  GITLAB_API_TOKEN: ${gat}`, 'gitlab', gat);
  const legacySonar = t.hex(40);
  gl.s(`  SONAR_LOGIN: ${legacySonar}`, 'sonarqube', legacySonar);
  gl.l('', 'bsp:', '  stage: build', '  script:');
  gl.d(
    '    - git clone https://gitlab-ci-token:${CI_JOB_TOKEN}@gitlab.kestrel-auto.com/bsp/meta-kestrel.git',
    'ci job token variable',
  );
  gl.l('', 'mirror-github:', '  stage: mirror', '  script:');
  const fg = h.githubFine();
  gl.s(`    - git push --mirror https://mirror-bot:${fg}@github.com/kestrel-auto/tcu-agent.git`, 'github', fg);
  gl.l('', 'sonar:', '  stage: quality', '  script:');
  gl.d('    - sonar-scanner -Dsonar.token=$SONAR_LOGIN -Dsonar.host.url=https://sonar.kestrel-auto.com', 'variable');

  const mc = repo.file('tools/mender/mender-clirc.json', 'creds');
  const mpw = h.pw();
  mc.l('{', '  "username": "release-bot@kestrel-auto.com",');
  mc.s(`  "password": "${mpw}",`, 'generic', mpw);
  mc.l('  "server": "https://hosted.mender.io"', '}');

  const fc = repo.file('tools/fio/fioctl.yaml', 'creds');
  fc.l('factory: kestrel-tcu', 'clientcredentials:');
  fc.d(`  client_id: ${t.alnum(24)}`, 'oauth client id');
  const fs = t.alnum(40);
  fc.s(`  client_secret: ${fs}`, 'generic', fs);
  const fa = t.alnum(40);
  fc.s(`  access_token: ${fa}`, 'generic', fa);
  fc.l('  token_type: bearer', '  expiry: 2026-01-14T09:12:44Z');

  const ck = repo.file('tools/coverity/auth-key.txt', 'creds');
  const key = t.mixed(ALNUM + '+/', 88);
  ck.s(
    `{"comments":"ci-coverity on jenkins-yocto-02","type":"auth_key","id":1187,"username":"ci-coverity","domain":"LOCAL","key":"${key}","version":1}`,
    'generic',
    key,
  );

  const pp = repo.file('tools/polarion/polarion.properties', 'creds');
  pp.d('polarion.url=https://polarion.kestrel-auto.local/polarion', 'url');
  pp.d('polarion.project=TCU3_SYSREQ', 'project id');
  const pt = h.polarion();
  pp.s(`polarion.token=${pt}`, 'jwt', pt);

  const nr = repo.file('tools/yocto/netrc', 'creds');
  const nref = h.jfrogRef();
  nr.s(`machine kestrel.jfrog.io login yocto-ci password ${nref}`, 'artifactory', nref);
  const ngl = t.gitlab();
  nr.s(`machine gitlab.kestrel-auto.com login oauth2 password ${ngl}`, 'gitlab', ngl);

  const pc = repo.file('hil/pip.conf', 'creds');
  const pref = h.jfrogRef();
  pc.l('[global]');
  pc.s(
    `index-url = https://hil:${pref}@kestrel.jfrog.io/artifactory/api/pypi/pypi-virtual/simple`,
    'artifactory',
    pref,
  );
  pc.d('trusted-host = kestrel.jfrog.io', 'setting');

  const dj = repo.file('ci/docker-config.json', 'creds');
  const dref = h.jfrogRef();
  dj.l('{', '  "auths": {');
  dj.s(`    "kestrel.jfrog.io": { "auth": "${h.b64of(`docker-ci:${dref}`)}" },`, 'artifactory', dref);
  dj.d('    "ghcr.io": {}', 'empty');
  dj.l('  },', '  "credsStore": "desktop"', '}');

  const hc = repo.file('tools/here/credentials.properties', 'creds');
  hc.d(`here.user.id = HERE-${t.uuid()}`, 'user id');
  hc.d(`here.client.id = ${t.alnum(20)}`, 'client id');
  hc.l(`here.access.key.id = ${t.mixed(URLSAFE, 22)}`);
  const hs = t.mixed(URLSAFE, 86);
  hc.s(`here.access.key.secret = ${hs}`, 'here', hs);
  hc.d('here.token.endpoint.url = https://account.api.here.com/oauth2/token', 'url');

  const csv = repo.file('analytics/data/fleet_sample.csv', 'data');
  csv.l('vin,ecu,part_number,sw_version,dtc,odometer_km');
  csv.d(`${h.vin()},TCU3,5Q0035284K,4.10.2,U0100,48211`, 'vin row');
  csv.d(`${h.vin()},BCM,8W0907468G,2.3.1,B1A2F,103388`, 'vin row');
  csv.d(`${h.vin()},BMS,8S0915105D,1.8.0,P0A80,77102`, 'vin row');
}

// ---- docs --------------------------------------------------------------------------------

function docs(repo, t, h) {
  const ob = repo.file('docs/onboarding/firmware-dev.md', 'docs');
  ob.l('# Firmware developer onboarding', '', '1. Create an Artifactory identity token and export it:', '```sh');
  ob.d('export ARTIFACTORY_TOKEN=<your-identity-token>', 'placeholder');
  ob.l('```', '2. The device connection string looks like:', '```');
  ob.d('HostName=<hub>.azure-devices.net;DeviceId=<device-id>;SharedAccessKey=<primary-key>', 'placeholder');
  ob.l('```', '3. AWS CLI profile for the IoT sandbox (see AWS docs):', '```ini');
  ob.d('aws_access_key_id = AKIAIOSFODNN7EXAMPLE', 'aws doc example');
  ob.d('aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'aws doc example');
  ob.l('```', '');
  const bp = h.pw();
  ob.s(
    `The shared HIL bench login is \`hil-shared\` / \`${bp}\` (ask #hil-support before changing it).`,
    'generic',
    bp,
  );

  const ud = repo.file('docs/diagnostics/uds-security-access.md', 'docs');
  ud.l(
    '# UDS security access (0x27)',
    '',
    '| level | seed len | algorithm | key storage |',
    '| --- | --- | --- | --- |',
  );
  ud.d('| 0x01 | 4 | AES-128-ECB, truncated | HSM slot 4 |', 'doc table');
  ud.d('| 0x11 | 4 | AES-128-ECB, truncated | HSM slot 5 |', 'doc table');
  ud.l('', 'Example exchange on a test ECU:', '```');
  ud.d('-> 27 01', 'uds example');
  ud.d('<- 67 01 3A 7F 12 C4', 'uds example seed');
  ud.d('-> 27 02 91 0E 55 2B', 'uds example key');
  ud.l('```');

  const md = repo.file('docs/ota/mender-setup.md', 'docs');
  md.l('# Mender setup', '', 'Add to `local.conf`:', '```');
  md.d('MENDER_TENANT_TOKEN = "<your-tenant-token>"', 'placeholder');
  md.l('```', 'Log in with a personal access token:', '```sh');
  md.d('mender-cli login --server https://hosted.mender.io --token-value "$MENDER_PAT"', 'variable');
  md.l('```', '', 'A JWT looks like the jwt.io sample:', '```');
  md.d(
    'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
    'jwt.io documented example',
  );
  md.l('```');

  const rd = repo.file('README.md', 'docs');
  rd.l('# kestrel-vehicle-platform', '', 'Firmware, BSP, OTA backend and fleet services.', '');
  rd.d(`Latest release: 4.10.2 (build \`${t.sha1().slice(0, 12)}\`, image sha256 \`${t.sha256()}\`)`, 'hashes');
}
