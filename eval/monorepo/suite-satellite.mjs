// Small-satellite operator's ground-segment monorepo (Orbital Finch): cFS / F Prime flight
// software with uplink command-authentication keys, a FastAPI mission-control backend with YAMCS
// and OpenMCT configs, ground-station scheduling against AWS Ground Station, KSAT and Leaf Space,
// Rust telemetry decoders, Julia orbit-determination notebooks, Space-Track / Celestrak TLE
// fetchers, a Go data-distribution API, GDAL imagery pipelines on S3 and GCS, TimescaleDB,
// InfluxDB and Grafana, Kafka, Vault, Kubernetes and Helm, Terraform (AWS + GCP), Docker, GitHub
// Actions and Buildkite, Ansible for the antenna sites, site-router VPN configs, GNU Radio
// flowgraphs, shell and cron, pass and app logs, Jira / Slack exports and runbooks.
import { ALNUM, B64, DIGIT, HEX, LOWER, UPPER, URLSAFE, Repo, makeTokens, mulberry32 } from './generate.mjs';

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 6151 + 2029);
  const t = makeTokens(rand);
  const repo = new Repo();
  const g = gens(t);
  flightSoftware(repo, t, g);
  missionControl(repo, t, g);
  yamcsOpenmct(repo, t, g);
  groundScheduling(repo, t, g);
  telemetryRust(repo, t, g);
  orbitDetermination(repo, t, g);
  tleFetchers(repo, t, g);
  distributionApi(repo, t, g);
  imagery(repo, t, g);
  databases(repo, t, g);
  observability(repo, t, g);
  kafka(repo, t, g);
  vault(repo, t, g);
  kubernetes(repo, t, g);
  terraform(repo, t, g);
  docker(repo, t, g);
  ci(repo, t, g);
  ansible(repo, t, g);
  network(repo, t, g);
  sdr(repo, t, g);
  shellCron(repo, t, g);
  logs(repo, t, g);
  exportsJiraSlack(repo, t, g);
  docs(repo, t, g);
  noise(repo, t, g);
  return repo;
}

function gens(t) {
  const b64 = (n) => t.mixed(B64, n);
  const enc = (s) => Buffer.from(s).toString('base64');
  const b64url = (s) => Buffer.from(s).toString('base64url');
  const WORDS = ['Perigee', 'Apogee', 'Azimuth', 'Doppler', 'Nadir', 'Kepler', 'Uplink', 'Zenith', 'Sband', 'Falcon'];
  const word = () => WORDS[Number(t.pick(DIGIT, 1))];
  // What operators pick for shared site and service accounts.
  const human = () => {
    const sym = t.pick('!#@*.', 1);
    switch (t.pick('0123', 1)) {
      case '0':
        return `${word()}20${t.pick('12', 1)}${t.pick(DIGIT, 1)}${sym}`;
      case '1':
        return `${word()}${sym}${t.pick(DIGIT, 2)}${word().toLowerCase()}`;
      case '2':
        return `Finch${word()}${t.pick(DIGIT, 2)}${sym}`;
      default:
        return `${word().toLowerCase()}-${word()}-${t.pick(DIGIT, 4)}`;
    }
  };
  // Password-manager output, safe inside YAML, INI and quoted shell.
  const gen = (n = 20) => `${t.pick(UPPER + LOWER, 1)}${t.mixed(ALNUM + '!#*-_?@^+', n - 1)}`;
  const plain = (n = 18) => t.alnum(n);
  // Cisco "type 7" is a reversible obfuscation (the xlat table is public), so it is a plaintext leak.
  const XLAT = 'dsfd;kfoA,.iyewrkldJKDHSUBsgvca69834ncxv9873254k;fg87';
  const type7 = (pw) => {
    const s = Number(t.pick(DIGIT, 1));
    let out = String(s).padStart(2, '0');
    for (let i = 0; i < pw.length; i++)
      out += (pw.charCodeAt(i) ^ XLAT.charCodeAt((s + i) % XLAT.length)).toString(16).toUpperCase().padStart(2, '0');
    return out;
  };
  const keyHex = (bytes = 32) => t.hex(bytes * 2);
  const cRows = (hex) =>
    hex.match(/.{1,32}/g).map((row) =>
      row
        .match(/../g)
        .map((b) => `0x${b.toUpperCase()}`)
        .join(', '),
    );
  return {
    b64,
    enc,
    b64url,
    human,
    gen,
    plain,
    type7,
    keyHex,
    cRows,
    jwt: (payload) =>
      `${b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: t.mixed(URLSAFE, 27) }))}.${b64url(JSON.stringify(payload))}.${t.mixed(URLSAFE, 342)}`,
    vaultToken: () => `hvs.${t.alnum(24)}`,
    unsealKey: () => b64(44),
    tfc: () => `${t.alnum(14)}.atlasv1.${t.alnum(67)}`,
    influx: () => `${t.mixed(URLSAFE, 86)}==`,
    grafanaLegacy: (name) => enc(JSON.stringify({ k: t.alnum(32), n: name, id: Number(t.digits(1)) })),
    grafanaCloud: (name) =>
      `glc_${enc(JSON.stringify({ o: t.digits(6), n: name, k: t.alnum(24), m: { r: 'prod-eu-west-2' } }))}`,
    dockerPat: () => `dckr_pat_${t.mixed(URLSAFE, 27)}`,
    buildkite: () => `bkua_${t.hex(40)}`,
    confluentKey: () => t.mixed(UPPER + DIGIT, 16),
    confluentSecret: () => t.mixed(ALNUM + '+/', 64),
    sentry: () => `sntryu_${t.hex(64)}`,
    mapbox: (kind) =>
      `${kind}.${b64url(JSON.stringify({ u: 'orbitalfinch', a: `cl${t.lower(23)}` }))}.${t.mixed(URLSAFE, 22)}`,
    planet: () => `PLAK${t.hex(32)}`,
    crates: () => `cio${t.alnum(32)}`,
    tailscale: () => `tskey-auth-k${t.alnum(9)}CNTRL-${t.alnum(33)}`,
    wgKey: () => `${b64(43)}=`,
    googleSecret: () => `GOCSPX-${t.mixed(URLSAFE, 28)}`,
    googleClientId: () => `${t.digits(12)}-${t.lower(32)}.apps.googleusercontent.com`,
    gcsHmacId: () => `GOOG1E${t.mixed(UPPER + DIGIT, 55)}`,
    gcsHmacSecret: () => b64(40),
    slackUser: () => `xoxp-${t.digits(12)}-${t.digits(12)}-${t.digits(13)}-${t.hex(32)}`,
    whsec: () => `whsec_${t.mixed(ALNUM, 32)}`,
    pkLive: () => `pk_live_${t.alnum(24)}`,
    satnogs: () => t.hex(40),
    scram: () => `SCRAM-SHA-256$4096:${b64(22)}==$${b64(43)}=:${b64(43)}=`,
    sha512crypt: () => `$6$${t.mixed(ALNUM + './', 16)}$${t.mixed(ALNUM + './', 86)}`,
    bcrypt: () => `$2b$12$${t.mixed(ALNUM + './', 53)}`,
    noradTle: (norad, intl) => {
      const epoch = `260${t.pick('12345', 1)}${t.pick(DIGIT, 1)}.${t.pick(DIGIT, 8)}`;
      const deg = () => `${t.pick('0123', 1)}${t.pick('012345', 1)}${t.pick(DIGIT, 1)}.${t.pick(DIGIT, 4)}`;
      return [
        `1 ${norad}U ${intl}   ${epoch}  .000${t.pick(DIGIT, 5)}  00000-0  ${t.pick(DIGIT, 5)}-3 0  999${t.pick(DIGIT, 1)}`,
        `2 ${norad}  97.${t.pick(DIGIT, 4)} ${deg()} 00${t.pick(DIGIT, 5)} ${deg()} ${deg()} 15.${t.pick(DIGIT, 8)}${t.pick(DIGIT, 5)}`,
      ];
    },
    frameHex: () => `1ACFFC1D${t.pick('0123456789ABCDEF', 120)}`,
    pubPem: () => [
      '-----BEGIN PUBLIC KEY-----',
      `MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA${b64(20)}`,
      b64(64),
      b64(64),
      `${b64(56)}IDAQAB`,
      '-----END PUBLIC KEY-----',
    ],
    cert: () => [
      '-----BEGIN CERTIFICATE-----',
      `MIIDazCCAlOgAwIBAgIU${b64(44)}`,
      b64(64),
      b64(64),
      '-----END CERTIFICATE-----',
    ],
  };
}

const nbSrc = (s, last = false) => `    ${JSON.stringify(s)}${last ? '' : ','}`;

// ---- Flight software: cFS apps and the F Prime deployment ----------------------------------

function flightSoftware(repo, t, g) {
  const k = repo.file('fsw/cfs/apps/cmdauth/fsw/tables/cmdauth_keys.c', 'c');
  const k1 = g.cRows(g.keyHex(32));
  const k2 = g.cRows(g.keyHex(32));
  k.l(
    '/*',
    '** CMDAUTH key table - CCSDS SDLS (AES-256-GCM) telecommand keys for FINCH-3.',
    '** Loaded at boot from /cf/cmdauth_keys.tbl; regenerate with tools/keygen after a ceremony.',
    '** FINCH-612: this file must never leave the FSW build host.',
    '*/',
    '#include "cfe_tbl_filedef.h"',
    '#include "cmdauth_tbldefs.h"',
    '',
    'CMDAUTH_KeyTable_t CMDAUTH_KeyTable = {',
    '    .Entries = {',
    '        {',
    '            .KeyId = 1,',
    '            .Spi   = 0x0101,',
    '            .State = CMDAUTH_KEY_ACTIVE,',
    '            .Key   = {',
  );
  k.s(
    k1.map((r, i) => `                ${r}${i === 0 ? ',' : ''}`),
    'generic',
    k1.join('\n'),
  );
  k.l(
    '            },',
    '        },',
    '        {',
    '            .KeyId = 2,',
    '            .Spi   = 0x0102,',
    '            .State = CMDAUTH_KEY_PREACTIVE,',
    '            .Key   = {',
  );
  k.s(
    k2.map((r, i) => `                ${r}${i === 0 ? ',' : ''}`),
    'generic',
    k2.join('\n'),
  );
  k.l(
    '            },',
    '        },',
    '        {',
    '            .KeyId = 3,',
    '            .Spi   = 0x0103,',
    '            .State = CMDAUTH_KEY_DESTROYED,',
    '            .Key   = {',
  );
  k.d(
    [
      '                0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,',
      '                0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00',
    ],
    'zeroised (destroyed) key slot',
  );
  k.l(
    '            },',
    '        },',
    '    },',
    '};',
    '',
    'CFE_TBL_FILEDEF(CMDAUTH_KeyTable, CMDAUTH.KeyTable, Command authentication keys, cmdauth_keys.tbl)',
  );

  const h = repo.file('fsw/cfs/apps/cmdauth/fsw/platform_inc/cmdauth_platform_cfg.h', 'c');
  const safe = g.keyHex(32);
  h.l(
    '#ifndef CMDAUTH_PLATFORM_CFG_H',
    '#define CMDAUTH_PLATFORM_CFG_H',
    '',
    '#define CMDAUTH_MAX_KEYS            8',
    '#define CMDAUTH_REPLAY_WINDOW       64',
  );
  h.l('#define CMDAUTH_TC_ASM              0x1ACFFC1DU   /* CCSDS attached sync marker */');
  h.l('#define CMDAUTH_CRC16_POLY          0x1021U       /* CRC-16/CCITT-FALSE */');
  h.l('', '/* Safe-mode recovery key: HMAC-SHA256 over the TC frame, used when the key table is corrupt. */');
  h.s(`#define CMDAUTH_SAFEMODE_HMAC_KEY   "${safe}"`, 'generic', safe);
  h.l('', '#endif');

  const tv = repo.file('fsw/cfs/apps/cmdauth/unit-test/cmdauth_test_vectors.h', 'c');
  tv.l('/* Published AES-GCM vectors (McGrew & Viega, "The GCM mode of operation", appendix B). */');
  tv.d(
    'static const char *GCM_TC15_KEY = "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308";',
    'published AES-GCM test vector',
  );
  tv.d(
    'static const char *GCM_TC13_KEY = "0000000000000000000000000000000000000000000000000000000000000000";',
    'published all-zero test vector',
  );
  tv.d(`static const char *EXPECTED_TAG = "${t.hex(32)}";`, 'expected gcm tag for the fixture');

  const cpp = repo.file('fsw/fprime/FinchDeployment/Components/CmdAuthenticator/CmdAuthenticator.cpp', 'cpp');
  const emg = g.keyHex(32);
  cpp.l(
    '#include <FinchDeployment/Components/CmdAuthenticator/CmdAuthenticator.hpp>',
    '#include <Fw/Types/Assert.hpp>',
    '#include <Utils/Hash/Hash.hpp>',
    '',
    'namespace Finch {',
    '',
    '  // FINCH-640: EMERGENCY opcode class key, still compiled in until the key table supports class 0',
  );
  cpp.s(`  static constexpr char kEmergencyHmacKeyHex[] = "${emg}";`, 'generic', emg);
  cpp.l('  static constexpr U32 kReplayWindow = 64;', '');
  cpp.l(`  static constexpr char kBuildId[] = "${t.sha1()}";`);
  cpp.l(
    '',
    '  CmdAuthenticator ::CmdAuthenticator(const char* const compName) : CmdAuthenticatorComponentBase(compName) {}',
    '',
    '  void CmdAuthenticator ::seqCmdBuff_handler(NATIVE_INT_TYPE portNum, Fw::ComBuffer& data, U32 context) {',
    '    if (!this->verifyHmac(data, kEmergencyHmacKeyHex)) {',
    '      this->log_WARNING_HI_CmdAuthRejected(context);',
    '      return;',
    '    }',
    '    this->cmdOut_out(0, data, context);',
    '  }',
    '',
    '}  // namespace Finch',
  );

  const fpp = repo.file('fsw/fprime/FinchDeployment/Top/instances.fpp', 'cpp');
  fpp.l(
    'module FinchDeployment {',
    '  constant SPACECRAFT_ID = 0x2B7',
    '  instance cmdAuth: Finch.CmdAuthenticator base id 0x4400',
    '  instance tlmChan: Svc.TlmChan base id 0x4500 queue size 20 stack size 65536 priority 98',
    '  instance comQueue: Svc.ComQueue base id 0x4600 queue size 50 stack size 65536 priority 100',
    '}',
  );

  const gds = repo.file('fsw/fprime/FinchDeployment/gds/uplink-profile.ini', 'cpp');
  const gk = g.keyHex(32);
  gds.l(
    '[gds]',
    'ip-address = 10.40.0.20',
    'tts-port = 50000',
    'dictionary = build-artifacts/FinchTopologyDictionary.json',
  );
  gds.l('', '[auth]', 'algorithm = hmac-sha256', 'key-id = 1');
  gds.s(`key-hex = ${gk}`, 'generic', gk);
  gds.l('key-file = /etc/finch/uplink/keyring.bin');

  const kg = repo.file('fsw/tools/keygen/make_keytable.py', 'python');
  kg.l('"""Generates cmdauth_keys.tbl for a key ceremony (two-person rule, offline laptop)."""', 'import secrets', '');
  kg.l('KEY = secrets.token_bytes(32)');
  kg.l('KCV = hashlib.sha256(KEY).hexdigest()[:6]');
  kg.l('write_table("cmdauth_keys.tbl", KEY)');
}

// ---- Python mission-control backend (FastAPI) ----------------------------------------------

function missionControl(repo, t, g) {
  const c = repo.file('mission-control/app/core/config.py', 'python');
  const dbpw = g.plain(20);
  const jwt = t.alnum(48);
  const st = g.human();
  const ksat = g.gen(40);
  const hook = t.slackWebhook();
  c.l(
    'from pydantic import Field, SecretStr',
    'from pydantic_settings import BaseSettings, SettingsConfigDict',
    '',
    '',
    'class Settings(BaseSettings):',
    '    model_config = SettingsConfigDict(env_file=".env", env_prefix="MCC_")',
    '',
  );
  c.s(
    `    database_url: str = "postgresql+asyncpg://mcc_app:${dbpw}@tsdb-primary.finch.internal:5432/mission"`,
    'database',
    dbpw,
  );
  c.l('    redis_url: str = "redis://redis.finch.internal:6379/2"');
  c.s(`    jwt_secret: SecretStr = SecretStr("${jwt}")`, 'generic', jwt);
  c.l('    jwt_algorithm: str = "HS256"', '    spacetrack_identity: str = "ops@orbitalfinch.space"');
  c.s(`    spacetrack_password: SecretStr = SecretStr("${st}")`, 'generic', st);
  c.d(`    ksat_client_id: str = "${t.uuid()}"`, 'oauth client id');
  c.s(`    ksat_client_secret: SecretStr = SecretStr("${ksat}")`, 'generic', ksat);
  c.l('    leafspace_password: SecretStr = Field(default=SecretStr(""), repr=False)');
  c.d(
    `    sentry_dsn: str = "https://${t.hex(32)}@o${t.digits(6)}.ingest.sentry.io/${t.digits(7)}"`,
    'sentry dsn (public key)',
  );
  c.s(`    ops_slack_webhook: str = "${hook}"`, 'slack', hook);
  c.l('', '', 'settings = Settings()');

  const s = repo.file('mission-control/app/uplink/signer.py', 'python');
  const u1 = g.keyHex(32);
  const u2 = g.keyHex(32);
  s.l(
    '"""Signs telecommand frames for the SDLS authenticated uplink (ground side of CMDAUTH)."""',
    'import hashlib',
    'import hmac',
    '',
  );
  s.l('# key id -> key; must match fsw/cfs/apps/cmdauth/fsw/tables/cmdauth_keys.c', 'UPLINK_KEYS = {');
  s.s(`    1: bytes.fromhex("${u1}"),`, 'generic', u1);
  s.s(`    2: bytes.fromhex("${u2}"),`, 'generic', u2);
  s.l('}', '');
  s.l('FRAME_ASM = bytes.fromhex("1ACFFC1D")');
  s.l(
    '',
    'def sign(frame: bytes, key_id: int = 1) -> bytes:',
    '    mac = hmac.new(UPLINK_KEYS[key_id], frame, hashlib.sha256).digest()[:16]',
    '    return frame + mac',
  );

  const ks = repo.file('mission-control/app/integrations/ksat.py', 'python');
  const ksec = g.gen(40);
  ks.l(
    'import httpx',
    '',
    'TOKEN_URL = "https://auth.ksat.no/oauth2/token"',
    'API = "https://api.ksatlite.ksat.no/v2"',
    '',
    '',
    'async def token(client: httpx.AsyncClient) -> str:',
    '    resp = await client.post(',
    '        TOKEN_URL,',
    '        data={',
    '            "grant_type": "client_credentials",',
  );
  ks.d(`            "client_id": "${t.uuid()}",`, 'oauth client id');
  ks.s(`            "client_secret": "${ksec}",`, 'generic', ksec);
  ks.l(
    '            "scope": "contacts:write passes:read",',
    '        },',
    '    )',
    '    return resp.json()["access_token"]',
  );

  const sl = repo.file('mission-control/app/integrations/notify.py', 'python');
  const xb = t.slackBot();
  const pd = t.hex(32);
  sl.l('from slack_sdk.web.async_client import AsyncWebClient', 'import pdpyras', '');
  sl.s(`slack = AsyncWebClient(token="${xb}")`, 'slack', xb);
  sl.s(`pager = pdpyras.EventsAPISession("${pd}")  # "Ground Ops - anomalies" service`, 'generic', pd);
  sl.l('ops_channel = "C05FINCHOPS"');

  const al = repo.file('mission-control/alembic.ini', 'python');
  const alpw = g.plain(18);
  al.l('[alembic]', 'script_location = migrations');
  al.s(`sqlalchemy.url = postgresql://mcc_migrator:${alpw}@tsdb-primary.finch.internal:5432/mission`, 'database', alpw);
  al.l('', '[loggers]', 'keys = root,sqlalchemy,alembic');

  const env = repo.file('mission-control/.env', 'env');
  const eDb = g.plain(20);
  const eJwt = t.alnum(48);
  const eSt = g.human();
  const eLs = g.gen(22);
  const eGh = t.github();
  env.l('MCC_ENV=production');
  env.s(
    `MCC_DATABASE_URL=postgresql+asyncpg://mcc_app:${eDb}@tsdb-primary.finch.internal:5432/mission`,
    'database',
    eDb,
  );
  env.s(`MCC_JWT_SECRET=${eJwt}`, 'generic', eJwt);
  env.l('MCC_SPACETRACK_IDENTITY=ops@orbitalfinch.space');
  env.s(`MCC_SPACETRACK_PASSWORD='${eSt}'`, 'generic', eSt);
  env.l('MCC_LEAFSPACE_USERNAME=orbitalfinch-ops');
  env.s(`MCC_LEAFSPACE_PASSWORD="${eLs}"`, 'generic', eLs);
  env.s(`GITHUB_TOKEN=${eGh}`, 'github', eGh);
  env.l('MCC_SENTRY_DSN=');

  const ex = repo.file('mission-control/.env.example', 'env');
  ex.d('MCC_DATABASE_URL=postgresql+asyncpg://mcc:mcc@localhost:5432/mission', 'local dev default');
  ex.d('MCC_JWT_SECRET=change-me', 'placeholder');
  ex.d('MCC_SPACETRACK_PASSWORD=<your space-track password>', 'placeholder');
  ex.l('MCC_KSAT_CLIENT_SECRET=${KSAT_CLIENT_SECRET}');

  const cf = repo.file('mission-control/tests/conftest.py', 'python');
  cf.l('import pytest', '', '', '@pytest.fixture', 'def settings(monkeypatch):');
  cf.d('    monkeypatch.setenv("MCC_JWT_SECRET", "test-secret-not-used-outside-pytest")', 'test fixture');
  cf.d('    monkeypatch.setenv("MCC_SPACETRACK_PASSWORD", "fake-password")', 'test fixture');
  cf.d(
    '    monkeypatch.setenv("MCC_DATABASE_URL", "postgresql+asyncpg://test:test@localhost:5433/test")',
    'test default',
  );
  cf.l('    return Settings()');

  const dp = repo.file('mission-control/app/api/deps.py', 'python');
  dp.l('from fastapi import Depends, HTTPException', 'from fastapi.security import OAuth2PasswordBearer', '');
  dp.l('oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/api/v1/auth/token")');
  dp.l('API_KEY_HEADER = "X-Finch-Api-Key"');
}

// ---- YAMCS and OpenMCT ---------------------------------------------------------------------

function yamcsOpenmct(repo, t, g) {
  const s = repo.file('yamcs/etc/security.yaml', 'yaml');
  const ld = g.gen(22);
  s.l(
    'authModules:',
    '  - class: org.yamcs.security.LdapAuthModule',
    '    args:',
    '      host: ldap.finch.internal',
    '      tls: true',
    '      user: cn=yamcs,ou=services,dc=orbitalfinch,dc=space',
  );
  s.s(`      password: "${ld}"`, 'generic', ld);
  s.l(
    '      userFormat: uid=%s,ou=people,dc=orbitalfinch,dc=space',
    '  - class: org.yamcs.security.YamlAuthModule',
    '    args:',
  );
  s.l('      hasher: org.yamcs.security.PBKDF2PasswordHasher');

  const u = repo.file('yamcs/etc/users.yaml', 'yaml');
  u.l('flightdirector:', '  displayName: Flight Director', '  email: fd@orbitalfinch.space');
  u.d(`  password: 1000:${t.hex(32)}:${t.hex(64)}`, 'pbkdf2 password hash');
  u.l('  superuser: true', 'viewer:', '  displayName: Read-only viewer');
  u.d(`  password: 1000:${t.hex(32)}:${t.hex(64)}`, 'pbkdf2 password hash');

  const sle = repo.file('yamcs/etc/sle.yaml', 'yaml');
  const my1 = t.hex(16);
  const peer1 = t.hex(16);
  const my2 = t.hex(16);
  sle.l(
    'Providers:',
    '  ksat-svalbard:',
    '    hosts: [sle-svb.ksat.no]',
    '    port: 5008',
    '    initiatorId: FINCH-MCC',
  );
  sle.l('    responderPortId: SVB_RAF_1', '    myUsername: FINCH');
  sle.s(`    myPassword: ${my1}`, 'generic', my1);
  sle.l('    peerUsername: KSAT');
  sle.s(`    peerPassword: ${peer1}`, 'generic', peer1);
  sle.l(
    '    authLevel: BIND',
    '  leaf-matera:',
    '    hosts: [sle.mtr.leaf.space]',
    '    port: 5100',
    '    initiatorId: FINCH-MCC',
  );
  sle.l('    myUsername: FINCH');
  sle.s(`    myPassword: "${my2}"`, 'generic', my2);
  sle.l('    peerPassword: ${LEAF_SLE_PEER_PASSWORD}');
  sle.l('    authLevel: ALL');

  const y = repo.file('yamcs/etc/yamcs.finch.yaml', 'yaml');
  y.l(
    'services:',
    '  - class: org.yamcs.archive.XtceTmRecorder',
    'dataLinks:',
    '  - name: UDP_TM',
    '    class: org.yamcs.tctm.UdpTmDataLink',
    '    stream: tm_realtime',
    '    port: 10015',
    '  - name: SDLS_TC',
    '    class: org.yamcs.tctm.ccsds.UdpTcFrameLink',
    '    encryption:',
    '      class: org.yamcs.security.sdls.StandardSdlsSecurityAssociation',
  );
  y.l('      keyFile: /etc/yamcs/sdls/spi-0101.key');
  y.l(`      spi: 257`);

  const m = repo.file('openmct/src/plugins.js', 'js');
  const couch = g.plain(18);
  const viewer = g.plain(16);
  m.l("import openmct from 'openmct';", "import YamcsPlugin from 'openmct-yamcs';", '');
  m.s(
    `openmct.install(openmct.plugins.CouchDB({ url: 'https://mct:${couch}@couch.finch.internal:5984/openmct' }));`,
    'database',
    couch,
  );
  m.s(`const yamcsAuth = { Authorization: 'Basic ' + btoa('mct-viewer:${viewer}') };`, 'generic', viewer);
  m.l(
    "openmct.install(YamcsPlugin({ yamcsDictionaryEndpoint: 'https://yamcs.finch.internal/', yamcsInstance: 'finch', headers: yamcsAuth }));",
  );
  m.d(`export const MAPBOX_PUBLIC_TOKEN = '${g.mapbox('pk')}';`, 'mapbox public (pk.) token for the browser');
  m.l('const apiKey = import.meta.env.VITE_FINCH_API_KEY;');
}

// ---- Ground-station scheduling: AWS Ground Station, KSAT, Leaf Space ----------------------

function groundScheduling(repo, t, g) {
  const p = repo.file('groundseg/scheduler/config/providers.yaml', 'yaml');
  const kc = g.gen(40);
  const lp = g.gen(24);
  p.l('ksat:', '  base_url: https://api.ksatlite.ksat.no/v2', '  token_url: https://auth.ksat.no/oauth2/token');
  p.d(`  client_id: ${t.uuid()}`, 'oauth client id');
  p.s(`  client_secret: "${kc}"`, 'generic', kc);
  p.l('leafspace:', '  base_url: https://apiv2.leaf.space', '  username: orbitalfinch-ops');
  p.s(`  password: '${lp}'`, 'generic', lp);
  p.l('aws_groundstation:', '  region: us-east-2');
  p.d(`  satellite_id: ${t.uuid()}`, 'aws ground station satellite id');
  p.l(`  mission_profile_arn: arn:aws:groundstation:us-east-2:${t.digits(12)}:mission-profile/${t.uuid()}`);
  p.l('  credentials: ${AWS_PROFILE:-groundstation}');

  const a = repo.file('groundseg/scheduler/aws_gs.py', 'python');
  const ak = t.awsId();
  const as = t.awsSecret();
  a.l(
    'import boto3',
    'from datetime import datetime, timedelta, timezone',
    '',
    'gs = boto3.client(',
    '    "groundstation",',
    '    region_name="us-east-2",',
  );
  a.s(`    aws_access_key_id="${ak}",`, 'aws', ak);
  a.s(`    aws_secret_access_key="${as}",`, 'aws', as);
  a.l(
    ')',
    '',
    '',
    'def reserve(satellite_arn, profile_arn, station, start):',
    '    return gs.reserve_contact(',
    '        satelliteArn=satellite_arn,',
    '        missionProfileArn=profile_arn,',
    '        groundStation=station,',
    '        startTime=start,',
    '        endTime=start + timedelta(minutes=9),',
    '    )',
  );

  const l = repo.file('groundseg/scheduler/leafspace_client.py', 'python');
  const lpw = g.human();
  l.l('import requests', '', 'session = requests.Session()');
  l.s(`session.auth = ("orbitalfinch-ops", "${lpw}")`, 'generic', lpw);
  l.l('session.headers["X-Request-Id"] = str(uuid.uuid4())');
  l.l(
    '',
    'def passes(sat="FINCH-3"):',
    '    return session.get(f"https://apiv2.leaf.space/passes?satellite={sat}").json()',
  );

  const cp = repo.file('groundseg/scheduler/contact_planner.py', 'python');
  cp.l('STATIONS = {');
  cp.l(`    "Ohio 1": "arn:aws:groundstation:us-east-2:${t.digits(12)}:config/antenna-downlink/${t.uuid()}",`);
  cp.l(`    "SVB": "${t.uuid()}",`);
  cp.l('}', 'MIN_ELEVATION_DEG = 5.0');
  cp.l('NORAD_ID = 58012');

  const cfn = repo.file('infra/cloudformation/groundstation.yaml', 'yaml');
  const sm = g.gen(24);
  cfn.l(
    'AWSTemplateFormatVersion: "2010-09-09"',
    'Description: FINCH-3 AWS Ground Station mission profile and dataflow endpoint',
    'Resources:',
    '  DownlinkConfig:',
    '    Type: AWS::GroundStation::Config',
    '    Properties:',
    '      Name: finch3-xband-downlink',
    '      ConfigData:',
    '        AntennaDownlinkConfig:',
    '          SpectrumConfig:',
    '            CenterFrequency: { Value: 8212.5, Units: MHz }',
    '            Bandwidth: { Value: 30, Units: MHz }',
    '            Polarization: RIGHT_HAND',
    '  AgentCredentials:',
    '    Type: AWS::SecretsManager::Secret',
    '    Properties:',
    '      Name: groundstation/dataflow-agent',
  );
  cfn.s(`      SecretString: '{"username":"gs-agent","password":"${sm}"}'`, 'generic', sm);
  cfn.l('  MissionProfile:', '    Type: AWS::GroundStation::MissionProfile', '    Properties:');
  cfn.l(`      StreamsKmsKey: { KmsKeyArn: "arn:aws:kms:us-east-2:${t.digits(12)}:key/${t.uuid()}" }`);
  cfn.l('      MinimumViableContactDurationSeconds: 180');
}

// ---- Rust telemetry decoders ---------------------------------------------------------------

function telemetryRust(repo, t, g) {
  const i = repo.file('telemetry/decoder/src/sinks/influx.rs', 'rust');
  const it = g.influx();
  i.l(
    'use reqwest::Client;',
    '',
    'const INFLUX_URL: &str = "https://influx.finch.internal:8086";',
    'const ORG: &str = "orbitalfinch";',
  );
  i.s(`const INFLUX_TOKEN: &str = "${it}";`, 'influxdb', it);
  i.l(
    '',
    'pub async fn write(client: &Client, lp: String) -> anyhow::Result<()> {',
    '    client',
    '        .post(format!("{INFLUX_URL}/api/v2/write?org={ORG}&bucket=hk&precision=ms"))',
  );
  i.l('        .header("Authorization", format!("Token {INFLUX_TOKEN}"))');
  i.l('        .body(lp)', '        .send()', '        .await?;', '    Ok(())', '}');

  const k = repo.file('telemetry/decoder/src/sinks/kafka.rs', 'rust');
  const ck = g.confluentKey();
  const cs = g.confluentSecret();
  k.l(
    'use rdkafka::config::ClientConfig;',
    'use rdkafka::producer::FutureProducer;',
    '',
    'pub fn producer() -> FutureProducer {',
    '    ClientConfig::new()',
    '        .set("bootstrap.servers", "pkc-41wq6.eu-west-2.aws.confluent.cloud:9092")',
    '        .set("security.protocol", "SASL_SSL")',
    '        .set("sasl.mechanisms", "PLAIN")',
    `        .set("sasl.username", "${ck}")`,
  );
  k.s(`        .set("sasl.password", "${cs}")`, 'confluent', cs);
  k.l('        .create()', '        .expect("kafka producer")', '}');

  const c = repo.file('telemetry/decoder/src/ccsds.rs', 'rust');
  c.l('/// CCSDS TM transfer frame helpers (CCSDS 132.0-B-3).');
  c.l('pub const ASM: [u8; 4] = [0x1A, 0xCF, 0xFC, 0x1D];');
  c.l('pub const CRC16_INIT: u16 = 0xFFFF;');
  c.l('', '#[cfg(test)]', 'mod tests {', '    use super::*;');
  c.d(`    const FRAME: &str = "${g.frameHex()}";`, 'telemetry frame test vector');
  c.d(`    const FRAME_SHA256: &str = "${t.sha256()}";`, 'sha256');
  c.l('}');

  const m = repo.file('telemetry/decoder/src/main.rs', 'rust');
  const pg = g.plain(18);
  m.l('mod ccsds;', 'mod sinks;', '', '#[tokio::main]', 'async fn main() -> anyhow::Result<()> {');
  m.s(
    `    let pool = sqlx::PgPool::connect("postgres://tlm_ingest:${pg}@tsdb-primary.finch.internal:5432/telemetry").await?;`,
    'database',
    pg,
  );
  m.l('    let token = std::env::var("INFLUX_TOKEN").context("INFLUX_TOKEN")?;');
  m.l('    sinks::run(pool, token).await', '}');

  const cr = repo.file('ops/home/.cargo/credentials.toml', 'credstore');
  const cio = g.crates();
  const priv = g.plain(32);
  cr.l('[registry]');
  cr.s(`token = "${cio}"`, 'cratesio', cio);
  cr.l('', '[registries.finch]');
  cr.s(`token = "Bearer ${priv}"`, 'generic', priv);

  const cc = repo.file('telemetry/decoder/.cargo/config.toml', 'rust');
  cc.l('[registries.finch]', 'index = "sparse+https://cargo.finch.internal/api/v1/crates/"');
  cc.l('credential-provider = ["cargo:token"]');
  cc.l('', '[build]', 'rustflags = ["-C", "target-cpu=native"]');
}

// ---- Julia orbit determination -------------------------------------------------------------

function orbitDetermination(repo, t, g) {
  const nb = repo.file('od/notebooks/od-finch3-campaign.ipynb', 'notebook');
  const stp = g.human();
  const ak = t.awsId();
  const as = t.awsSecret();
  const tle = g.noradTle('58012', '23174C');
  const outTok = g.plain(40);
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
  nb.l(nbSrc('using HTTP, JSON3, SatelliteToolbox, AWS, AWSS3\n'), nbSrc('\n'));
  nb.s(nbSrc(`const ST_AUTH = "identity=ops%40orbitalfinch.space&password=${stp}"\n`), 'generic', stp);
  nb.l(nbSrc('login = HTTP.post("https://www.space-track.org/ajaxauth/login"; body=ST_AUTH, cookies=true)\n'));
  nb.s(nbSrc(`creds = AWSCredentials("${ak}",\n`), 'aws', ak);
  nb.s(nbSrc(`                      "${as}")\n`), 'aws', as);
  nb.l(nbSrc('aws = global_aws_config(; region="eu-west-2", creds=creds)', true));
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
  nb.d(`      ${JSON.stringify(`${tle[0]}\n`)},`, 'public TLE element set');
  nb.d(`      ${JSON.stringify(`${tle[1]}\n`)},`, 'public TLE element set');
  nb.s(`      ${JSON.stringify(`uploading residuals with OD_API_TOKEN=${outTok}\n`)}`, 'generic', outTok);
  nb.l('     ]', '    }', '   ],', '   "source": [');
  nb.l(nbSrc('pw = ENV["SPACETRACK_PASSWORD"]\n'));
  nb.l(nbSrc('tle = read_tle(IOBuffer(String(HTTP.get(TLE_URL; cookies=true).body)))', true));
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
  nb.d(`      "image/png": "${t.pngBase64()}",`, 'base64 plot');
  nb.l(
    '      "text/plain": ["Plot{Plots.GRBackend() n=2}"]',
    '     },',
    '     "metadata": {},',
    '     "output_type": "display_data"',
    '    }',
    '   ],',
    '   "source": [',
  );
  nb.l(nbSrc('plot(residuals.epoch, residuals.range_km)', true));
  nb.l(
    '   ]',
    '  }',
    ' ],',
    ' "metadata": {',
    '  "kernelspec": {"display_name": "Julia 1.10.4", "language": "julia", "name": "julia-1.10"}',
    ' },',
    ' "nbformat": 4,',
    ' "nbformat_minor": 5',
    '}',
  );

  const st = repo.file('od/src/SpaceTrackClient.jl', 'julia');
  const stpw = g.gen(20);
  st.l(
    'module SpaceTrackClient',
    '',
    'using HTTP',
    '',
    'const BASE = "https://www.space-track.org"',
    'const IDENTITY = "od-bot@orbitalfinch.space"',
  );
  st.s(`const PASSWORD = get(ENV, "SPACETRACK_PASSWORD", "${stpw}")`, 'generic', stpw);
  st.l(
    '',
    'function login()',
    '    HTTP.post("$BASE/ajaxauth/login"; body = "identity=$IDENTITY&password=$PASSWORD", cookies = true)',
    'end',
    '',
    'end # module',
  );

  const pl = repo.file('od/pluto/gs_residuals.jl', 'julia');
  const lpq = g.plain(18);
  const c1 = `${t.pick(HEX, 8)}-${t.pick(HEX, 4)}-11ef-${t.pick(HEX, 4)}-${t.pick(HEX, 12)}`;
  const c2 = `${t.pick(HEX, 8)}-${t.pick(HEX, 4)}-11ef-${t.pick(HEX, 4)}-${t.pick(HEX, 12)}`;
  pl.l('### A Pluto.jl notebook ###', '# v0.19.40', '', 'using Markdown', 'using InteractiveUtils', '');
  pl.l(`# ╔═╡ ${c1}`);
  pl.l('using LibPQ, DataFrames, Plots', '');
  pl.l(`# ╔═╡ ${c2}`);
  pl.s(
    `conn = LibPQ.Connection("host=tsdb-ro.finch.internal dbname=telemetry user=od_analyst password=${lpq}")`,
    'generic',
    lpq,
  );
  pl.l('', '# ╔═╡ Cell order:', `# ╠═${c1}`, `# ╠═${c2}`);

  const pr = repo.file('od/Project.toml', 'julia');
  pr.l('name = "FinchOD"');
  pr.l(`uuid = "${t.uuid()}"`);
  pr.l('[deps]');
  pr.l('SatelliteToolbox = "6ac157d9-b43d-51bb-8fab-48bf53814f43"');
}

// ---- TLE fetchers --------------------------------------------------------------------------

function tleFetchers(repo, t, g) {
  const f = repo.file('tle/fetch_spacetrack.py', 'python');
  const pw = g.gen(18);
  f.l(
    '#!/usr/bin/env python3',
    '"""Pulls the latest GP elements for our catalog numbers into tle/cache/."""',
    'import requests',
    '',
  );
  f.l('IDENTITY = "tle-bot@orbitalfinch.space"');
  f.s(`PASSWORD = "${pw}"`, 'generic', pw);
  f.l('NORAD_IDS = [58012, 58013, 60447]', '', 's = requests.Session()');
  f.l('s.post("https://www.space-track.org/ajaxauth/login", data={"identity": IDENTITY, "password": PASSWORD})');
  f.l(
    'q = ",".join(map(str, NORAD_IDS))',
    'r = s.get(f"https://www.space-track.org/basicspacedata/query/class/gp/NORAD_CAT_ID/{q}/format/tle")',
  );

  const c = repo.file('tle/fetch_celestrak.sh', 'shell');
  c.l('#!/usr/bin/env bash', 'set -euo pipefail', 'OUT=tle/cache');
  c.l('curl -sf "https://celestrak.org/NORAD/elements/gp.php?CATNR=58012&FORMAT=TLE" -o "$OUT/finch3.tle"');
  c.l(
    'curl -sf "https://celestrak.org/NORAD/elements/supplemental/sup-gp.php?FILE=starlink&FORMAT=json" -o "$OUT/starlink.json"',
  );

  const cache = repo.file('tle/cache/finch.tle', 'data');
  const tl3 = g.noradTle('58012', '23174C');
  cache.l('FINCH-3');
  cache.d(tl3[0], 'public TLE line 1');
  cache.d(tl3[1], 'public TLE line 2');
  cache.l('FINCH-4', ...g.noradTle('58013', '23174D'));
}

// ---- Go data-distribution API --------------------------------------------------------------

function distributionApi(repo, t, g) {
  const c = repo.file('distribution/internal/config/config.go', 'go');
  const sk = t.stripeLive();
  const wh = g.whsec();
  const jwt = t.alnum(64);
  const dsn = g.plain(20);
  const ak = t.awsId();
  const as = t.awsSecret();
  c.l('package config', '', 'import "os"', '', 'const (');
  c.s(`\tstripeSecretKey     = "${sk}"`, 'stripe', sk);
  c.s(`\tstripeWebhookSecret = "${wh}"`, 'stripe', wh);
  c.d(`\tstripePublishable   = "${g.pkLive()}"`, 'stripe publishable key (public by design)');
  c.l(')', '');
  c.s(`var jwtSigningKey = []byte("${jwt}")`, 'generic', jwt);
  c.s(
    `var DatabaseURL = "postgres://dist_api:${dsn}@tsdb-primary.finch.internal:5432/catalog?sslmode=require"`,
    'database',
    dsn,
  );
  c.l('var Region = os.Getenv("AWS_REGION")');
  c.l('', 'var S3 = struct{ AccessKey, SecretKey, Bucket string }{');
  c.s(`\tAccessKey: "${ak}",`, 'aws', ak);
  c.s(`\tSecretKey: "${as}",`, 'aws', as);
  c.l('\tBucket:    "finch-l1b-products",', '}');

  const s = repo.file('distribution/internal/storage/gcs.go', 'go');
  const gk = t.gcpApiKey();
  s.l(
    'package storage',
    '',
    'import (',
    '\t"cloud.google.com/go/storage"',
    '\t"google.golang.org/api/option"',
    ')',
    '',
  );
  s.s(`var geocodeOpt = option.WithAPIKey("${gk}")`, 'gcp', gk);
  s.l('var saOpt = option.WithCredentialsFile("/var/run/secrets/gcp/sa.json")');

  const k = repo.file('distribution/internal/auth/apikeys_test.go', 'go');
  k.l('package auth', '', 'import "testing"', '', 'func TestParseKey(t *testing.T) {');
  k.d('\tconst fake = "ofk_test_0000000000000000000000000000"', 'zeroed test key');
  k.d('\tconst bad = "ofk_live_REPLACE_ME"', 'placeholder');
  k.l('\tif _, err := Parse(fake); err != nil {', '\t\tt.Fatal(err)', '\t}', '}');

  const a = repo.file('distribution/internal/auth/partners.go', 'go');
  const p1 = `ofk_live_${t.alnum(32)}`;
  const mb = g.mapbox('sk');
  a.l(
    'package auth',
    '',
    '// Partner keys seeded for the launch customers (DIST-88: move to the keys table).',
    'var seeded = map[string]string{',
  );
  a.s(`\t"maritime-analytics": "${p1}",`, 'generic', p1);
  a.l('}', '');
  a.s(`const mapboxUploadToken = "${mb}"`, 'mapbox', mb);

  const main = repo.file('distribution/cmd/api/main.go', 'go');
  main.l('package main', '', 'func main() {');
  main.l('\tkey := os.Getenv("STRIPE_SECRET_KEY")');
  main.l('\tdb := mustOpen(os.Getenv("DATABASE_URL"))');
  main.l('\tserve(key, db)', '}');
}

// ---- GDAL / imagery pipelines on S3 and GCS ------------------------------------------------

function imagery(repo, t, g) {
  const e = repo.file('imagery/pipeline/env/gdal.env', 'env');
  const ak = t.awsId();
  const as = t.awsSecret();
  const gi = g.gcsHmacId();
  const gs = g.gcsHmacSecret();
  e.l(
    'GDAL_DISABLE_READDIR_ON_OPEN=EMPTY_DIR',
    'CPL_VSIL_CURL_ALLOWED_EXTENSIONS=.tif,.vrt,.json',
    'AWS_REGION=eu-west-2',
  );
  e.s(`AWS_ACCESS_KEY_ID=${ak}`, 'aws', ak);
  e.s(`AWS_SECRET_ACCESS_KEY=${as}`, 'aws', as);
  e.s(`GS_ACCESS_KEY_ID=${gi}`, 'gcp', gi);
  e.s(`GS_SECRET_ACCESS_KEY=${gs}`, 'gcp', gs);
  e.l('GOOGLE_APPLICATION_CREDENTIALS=/etc/finch/gcp/imagery-sa.json');

  const o = repo.file('imagery/pipeline/orthorectify.py', 'python');
  const oas = t.awsSecret();
  const oak = t.awsId();
  const pk = g.planet();
  o.l('from osgeo import gdal', 'import rasterio', 'from rasterio.session import AWSSession', '');
  o.l('gdal.UseExceptions()');
  o.s(`gdal.SetConfigOption("AWS_ACCESS_KEY_ID", "${oak}")`, 'aws', oak);
  o.s(`gdal.SetConfigOption("AWS_SECRET_ACCESS_KEY", "${oas}")`, 'aws', oas);
  o.l('', '# Planet basemaps for the co-registration reference mosaic');
  o.s(`PLANET_API_KEY = "${pk}"`, 'planet', pk);
  o.l('src = "/vsis3/finch-l1a-raw/2026/03/02/FINCH3_L1A_20260302T041109.tif"');
  o.l('ds = gdal.Warp("/tmp/ortho.tif", src, dstSRS="EPSG:32633", rpc=True)');

  const rc = repo.file('imagery/pipeline/rclone.conf', 'ini');
  const rak = t.awsId();
  const ras = t.awsSecret();
  rc.l('[finch-s3]', 'type = s3', 'provider = AWS');
  rc.s(`access_key_id = ${rak}`, 'aws', rak);
  rc.s(`secret_access_key = ${ras}`, 'aws', ras);
  rc.l('region = eu-west-2', '', '[finch-gcs]', 'type = google cloud storage');
  rc.l('service_account_file = /etc/finch/gcp/imagery-sa.json');
  rc.l('bucket_policy_only = true');

  const sa = repo.file('imagery/pipeline/secrets/imagery-sa.json', 'keys');
  const p8 = t.pkcs8Pem();
  const proj = `orbital-finch-img-${t.lower(5)}`;
  sa.l('{', '  "type": "service_account",', `  "project_id": "${proj}",`);
  sa.l(`  "private_key_id": "${t.sha1()}",`);
  sa.s(`  "private_key": ${JSON.stringify(p8.join('\n') + '\n')},`, 'gcp', p8.join('\n'));
  sa.l(
    `  "client_email": "imagery-pipeline@${proj}.iam.gserviceaccount.com",`,
    `  "client_id": "${t.digits(21)}",`,
    '  "token_uri": "https://oauth2.googleapis.com/token"',
    '}',
  );

  const nb = repo.file('imagery/notebooks/cloud-mask-eval.ipynb', 'notebook');
  const nbPk = g.planet();
  const nbGi = g.gcsHmacId();
  const nbGs = g.gcsHmacSecret();
  nb.l(
    '{',
    ' "cells": [',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 4,',
    '   "metadata": {},',
    '   "outputs": [],',
    '   "source": [',
  );
  nb.l(nbSrc('import planet, s3fs\n'));
  nb.s(nbSrc(`auth = planet.Auth.from_key("${nbPk}")\n`), 'planet', nbPk);
  nb.l(nbSrc('fs = s3fs.S3FileSystem(endpoint_url="https://storage.googleapis.com",\n'));
  nb.s(nbSrc(`                       key="${nbGi}",\n`), 'gcp', nbGi);
  nb.s(nbSrc(`                       secret="${nbGs}")\n`), 'gcp', nbGs);
  nb.d(nbSrc('token = getpass.getpass("Mapbox token: ")', true), 'getpass prompt');
  nb.l(
    '   ]',
    '  }',
    ' ],',
    ' "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},',
    ' "nbformat": 4,',
    ' "nbformat_minor": 5',
    '}',
  );
}

// ---- PostgreSQL / TimescaleDB --------------------------------------------------------------

function databases(repo, t, g) {
  const r = repo.file('db/timescale/init/001_roles.sql', 'sql');
  const a = g.gen(20);
  const b = g.gen(20);
  r.l('-- roles for the mission and telemetry databases (run once by the DBA)');
  r.s(`CREATE ROLE mcc_app LOGIN PASSWORD '${a}';`, 'generic', a);
  r.s(`CREATE ROLE tlm_ingest LOGIN PASSWORD '${b}' CONNECTION LIMIT 40;`, 'generic', b);
  r.d(`ALTER ROLE grafana_ro PASSWORD '${g.scram()}';`, 'scram-sha-256 verifier (hash)');
  r.l("ALTER ROLE od_analyst PASSWORD :'od_analyst_password';");
  r.l("SELECT create_hypertable('hk_samples', 'time', chunk_time_interval => INTERVAL '1 day');");

  const u = repo.file('db/timescale/pgbouncer/userlist.txt', 'sql');
  const st = g.plain(20);
  u.d(`"mcc_app" "${g.scram()}"`, 'scram verifier');
  u.d(`"tlm_ingest" "md5${t.hex(32)}"`, 'md5 password hash');
  u.s(`"stats_exporter" "${st}"`, 'generic', st);

  const pp = repo.file('ops/home/.pgpass', 'credstore');
  const p1 = g.plain(20);
  const p2 = g.gen(18).replace(/:/g, '');
  pp.s(`tsdb-primary.finch.internal:5432:mission:mcc_admin:${p1}`, 'generic', p1);
  pp.s(`*:5432:*:replicator:${p2}`, 'generic', p2);

  const hba = repo.file('db/timescale/pg_hba.conf', 'sql');
  hba.l('local   all   postgres                 peer', 'hostssl all   all   10.40.0.0/16   scram-sha-256');
}

// ---- InfluxDB, Grafana, Telegraf, Alloy ----------------------------------------------------

function observability(repo, t, g) {
  const gi = repo.file('observability/grafana/grafana.ini', 'ini');
  const adm = g.human();
  const gsec = g.googleSecret();
  const smtp = g.gen(20);
  const sk = t.alnum(32);
  gi.l('[server]', 'root_url = https://grafana.orbitalfinch.space', '', '[security]', 'admin_user = admin');
  gi.s(`admin_password = ${adm}`, 'generic', adm);
  gi.s(`secret_key = ${sk}`, 'generic', sk);
  gi.l('', '[auth.google]', 'enabled = true');
  gi.d(`client_id = ${g.googleClientId()}`, 'oauth client id');
  gi.s(`client_secret = ${gsec}`, 'gcp', gsec);
  gi.l(
    'allowed_domains = orbitalfinch.space',
    '',
    '[smtp]',
    'enabled = true',
    'host = smtp.eu.mailgun.org:587',
    'user = grafana@mg.orbitalfinch.space',
  );
  gi.s(`password = """${smtp}"""`, 'generic', smtp);

  const def = repo.file('observability/grafana/defaults-reference.ini', 'ini');
  def.l('# copied from grafana/conf/defaults.ini for reference only - not loaded');
  def.d('admin_password = admin', 'vendor documented default');
  def.d('secret_key = SW2YcwTIb9zpOOhoPsMm', 'vendor documented default secret_key');

  const ds = repo.file('observability/grafana/provisioning/datasources/finch.yaml', 'yaml');
  const tpw = g.gen(20);
  const itok = g.influx();
  ds.l(
    'apiVersion: 1',
    'datasources:',
    '  - name: TimescaleDB',
    '    type: postgres',
    '    url: tsdb-ro.finch.internal:5432',
    '    user: grafana_ro',
    '    secureJsonData:',
  );
  ds.s(`      password: "${tpw}"`, 'generic', tpw);
  ds.l(
    '  - name: InfluxDB-HK',
    '    type: influxdb',
    '    url: https://influx.finch.internal:8086',
    '    jsonData:',
    '      version: Flux',
    '      organization: orbitalfinch',
    '    secureJsonData:',
  );
  ds.s(`      token: ${itok}`, 'influxdb', itok);
  ds.l('  - name: InfluxDB-Passes', '    type: influxdb', '    secureJsonData:');
  ds.d('      token: $__env{INFLUX_PASSES_TOKEN}', 'grafana env expansion');

  const cp = repo.file('observability/grafana/provisioning/alerting/contact-points.yaml', 'yaml');
  const hook = t.slackWebhook();
  const pd = t.hex(32);
  cp.l(
    'apiVersion: 1',
    'contactPoints:',
    '  - orgId: 1',
    '    name: ground-ops',
    '    receivers:',
    '      - uid: slack-ground-ops',
    '        type: slack',
    '        settings:',
  );
  cp.s(`          url: ${hook}`, 'slack', hook);
  cp.l('      - uid: pd-anomalies', '        type: pagerduty', '        settings:');
  cp.s(`          integrationKey: ${pd}`, 'generic', pd);

  const tg = repo.file('observability/telegraf/telegraf.conf', 'toml');
  const ttok = g.influx();
  const comm = g.plain(14);
  tg.l(
    '[agent]',
    '  interval = "10s"',
    '',
    '[[outputs.influxdb_v2]]',
    '  urls = ["https://influx.finch.internal:8086"]',
  );
  tg.s(`  token = "${ttok}"`, 'influxdb', ttok);
  tg.l(
    '  organization = "orbitalfinch"',
    '  bucket = "sites"',
    '',
    '[[outputs.influxdb_v2]]',
    '  urls = ["https://influx-dr.finch.internal:8086"]',
  );
  tg.l('  token = "$INFLUX_DR_TOKEN"');
  tg.l('', '[[inputs.snmp]]', '  agents = ["udp://10.40.1.1:161", "udp://10.41.1.1:161"]', '  version = 2');
  tg.s(`  community = "${comm}"`, 'generic', comm);

  const ic = repo.file('ops/home/.influxdbv2/configs', 'credstore');
  const ictok = g.influx();
  ic.l('[finch-prod]', '  url = "https://influx.finch.internal:8086"');
  ic.s(`  token = "${ictok}"`, 'influxdb', ictok);
  ic.l('  org = "orbitalfinch"', '  active = true');

  const al = repo.file('observability/alloy/config.alloy', 'alloy');
  const glc = g.grafanaCloud('finch-alloy-sites');
  al.l(
    'prometheus.remote_write "grafana_cloud" {',
    '  endpoint {',
    '    url = "https://prometheus-prod-24-prod-eu-west-2.grafana.net/api/prom/push"',
    '    basic_auth {',
  );
  al.l(`      username = "${t.digits(7)}"`);
  al.s(`      password = "${glc}"`, 'grafana', glc);
  al.l(
    '    }',
    '  }',
    '}',
    '',
    'loki.write "cloud" {',
    '  endpoint {',
    '    url = "https://logs-prod-012.grafana.net/loki/api/v1/push"',
    '    basic_auth {',
  );
  al.l('      password = sys.env("GRAFANA_CLOUD_TOKEN")');
  al.l('    }', '  }', '}');
}

// ---- Kafka ---------------------------------------------------------------------------------

function kafka(repo, t, g) {
  const c = repo.file('platform/kafka/client-ssl.properties', 'properties');
  const ks = g.plain(16);
  const kp = g.plain(16);
  c.l('security.protocol=SSL', 'ssl.keystore.location=/etc/kafka/secrets/mcc.keystore.p12', 'ssl.keystore.type=PKCS12');
  c.s(`ssl.keystore.password=${ks}`, 'generic', ks);
  c.s(`ssl.key.password=${kp}`, 'generic', kp);
  c.l('ssl.truststore.location=/etc/kafka/secrets/truststore.jks');
  c.d('ssl.truststore.password=changeit', 'jdk default truststore password');

  const j = repo.file('platform/kafka/jaas/kafka_server_jaas.conf', 'properties');
  const admin = g.gen(22);
  const dec = g.gen(22);
  j.l('KafkaServer {', '    org.apache.kafka.common.security.plain.PlainLoginModule required', '    username="admin"');
  j.s(`    password="${admin}"`, 'generic', admin);
  j.s(`    user_admin="${admin}"`, 'generic', admin);
  j.s(`    user_tlm-decoder="${dec}";`, 'generic', dec);
  j.l('};');

  const cc = repo.file('platform/kafka/confluent/ccloud.properties', 'properties');
  const key = g.confluentKey();
  const sec = g.confluentSecret();
  cc.l(
    'bootstrap.servers=pkc-41wq6.eu-west-2.aws.confluent.cloud:9092',
    'security.protocol=SASL_SSL',
    'sasl.mechanism=PLAIN',
  );
  cc.s(
    `sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username='${key}' password='${sec}';`,
    'confluent',
    sec,
  );

  const s3 = repo.file('platform/kafka/connect/s3-sink-telemetry.json', 'json');
  const ak = t.awsId();
  const as = t.awsSecret();
  s3.l(
    '{',
    '  "name": "s3-sink-telemetry",',
    '  "config": {',
    '    "connector.class": "io.confluent.connect.s3.S3SinkConnector",',
    '    "topics": "tlm.hk.decoded,tlm.pass.events",',
    '    "s3.bucket.name": "finch-telemetry-archive",',
  );
  s3.s(`    "aws.access.key.id": "${ak}",`, 'aws', ak);
  s3.s(`    "aws.secret.access.key": "${as}",`, 'aws', as);
  s3.l('    "format.class": "io.confluent.connect.s3.format.parquet.ParquetFormat"');
  s3.l('  }', '}');
}

// ---- HashiCorp Vault -----------------------------------------------------------------------

function vault(repo, t, g) {
  const v = repo.file('platform/vault/config/vault.hcl', 'hcl');
  const ak = t.awsId();
  const as = t.awsSecret();
  v.l(
    'ui = true',
    '',
    'storage "raft" {',
    '  path    = "/vault/data"',
    '  node_id = "vault-0"',
    '}',
    '',
    'seal "awskms" {',
    '  region     = "eu-west-2"',
  );
  v.l(`  kms_key_id = "${t.uuid()}"`);
  v.s(`  access_key = "${ak}"`, 'aws', ak);
  v.s(`  secret_key = "${as}"`, 'aws', as);
  v.l('}', '', 'listener "tcp" {', '  address       = "0.0.0.0:8200"', '  tls_cert_file = "/vault/tls/tls.crt"');
  v.l('  tls_key_file  = "/vault/tls/tls.key"');
  v.l('}');

  const p = repo.file('platform/vault/policies/mcc.hcl', 'hcl');
  p.l('path "secret/data/mcc/*" {');
  p.l('  capabilities = ["read"]', '}');
  p.l('path "transit/sign/uplink-hmac" {');
  p.l('  capabilities = ["update"]', '}');

  const sh = repo.file('ops/scripts/vault-login.sh', 'shell');
  const tok = g.vaultToken();
  const up = g.gen(20);
  sh.l('#!/usr/bin/env bash', 'export VAULT_ADDR=https://vault.finch.internal:8200');
  sh.s(`export VAULT_TOKEN=${tok}`, 'vault', tok);
  sh.s(`vault login -method=userpass username=ops-automation password='${up}'`, 'generic', up);
  sh.l('vault kv get -field=client_secret secret/mcc/ksat');
}

// ---- Kubernetes and Helm -------------------------------------------------------------------

function kubernetes(repo, t, g) {
  const s = repo.file('deploy/k8s/mission-control/secret.yaml', 'k8s');
  const db = g.plain(20);
  const jwt = t.alnum(48);
  const ks = g.gen(40);
  const st = g.human();
  s.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: mission-control',
    '  namespace: mcc',
    'type: Opaque',
    'data:',
  );
  s.s(
    `  MCC_DATABASE_URL: ${g.enc(`postgresql+asyncpg://mcc_app:${db}@tsdb-primary.finch.internal:5432/mission`)}`,
    'database',
    db,
  );
  s.s(`  MCC_JWT_SECRET: ${g.enc(jwt)}`, 'generic', jwt);
  s.s(`  MCC_KSAT_CLIENT_SECRET: ${g.enc(ks)}`, 'generic', ks);
  s.s(`  MCC_SPACETRACK_PASSWORD: ${g.enc(st)}`, 'generic', st);
  s.d(`  MCC_LOG_LEVEL: ${g.enc('info')}`, 'base64 of a plain setting');

  const d = repo.file('deploy/k8s/mission-control/deployment.yaml', 'k8s');
  const vt = g.vaultToken();
  d.l(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: mission-control',
    '  namespace: mcc',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: api',
  );
  d.d(`          image: ghcr.io/orbital-finch/mission-control@sha256:${t.sha256()}`, 'image digest');
  d.l('          envFrom:', '            - secretRef:');
  d.l('                name: mission-control');
  d.l('          env:', '            - name: VAULT_TOKEN');
  d.s(`              value: "${vt}"`, 'vault', vt);
  d.l('            - name: MCC_LEAFSPACE_PASSWORD', '              valueFrom:', '                secretKeyRef:');
  d.l('                  name: groundseg-providers');
  d.l('                  key: leafspace-password');

  const tls = repo.file('deploy/k8s/mission-control/tls.yaml', 'keys');
  const ec = t.ecPem();
  tls.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: mcc-tls',
    '  namespace: mcc',
    'type: kubernetes.io/tls',
    'stringData:',
    '  tls.crt: |',
  );
  tls.d(
    g.cert().map((l) => `    ${l}`),
    'certificate',
  );
  tls.l('  tls.key: |');
  tls.s(
    ec.map((l) => `    ${l}`),
    'private-key',
    ec.join('\n'),
  );

  const gr = repo.file('deploy/k8s/grafana/admin-secret.yaml', 'k8s');
  const gp = g.human();
  const gapi = g.grafanaLegacy('provisioner');
  gr.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: grafana-admin',
    '  namespace: observability',
    'stringData:',
    '  admin-user: admin',
  );
  gr.s(`  admin-password: "${gp}"`, 'generic', gp);
  gr.s(`  provisioner-api-key: ${gapi}`, 'grafana', gapi);

  const h = repo.file('deploy/helm/distribution-api/values-prod.yaml', 'k8s');
  const sk = t.stripeLive();
  const pg = g.gen(20);
  const ak = t.awsId();
  const as = t.awsSecret();
  h.l('replicaCount: 3', 'image:', '  repository: ghcr.io/orbital-finch/distribution-api');
  h.l(`  tag: "${t.sha1().slice(0, 12)}"`);
  h.l('stripe:');
  h.s(`  secretKey: ${sk}`, 'stripe', sk);
  h.d(`  publishableKey: ${g.pkLive()}`, 'stripe publishable key (public by design)');
  h.l('postgresql:', '  auth:', '    username: dist_api');
  h.s(`    password: "${pg}"`, 'generic', pg);
  h.l('    existingSecret: ""');
  h.l('s3:', '  bucket: finch-l1b-products');
  h.s(`  accessKeyId: ${ak}`, 'aws', ak);
  h.s(`  secretAccessKey: ${as}`, 'aws', as);
  h.d(`  mapboxPublicToken: ${g.mapbox('pk')}`, 'mapbox public (pk.) token');

  const tpl = repo.file('deploy/helm/distribution-api/templates/secret.yaml', 'k8s');
  tpl.l('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: {{ include "dist.fullname" . }}', 'stringData:');
  tpl.d('  STRIPE_SECRET_KEY: {{ .Values.stripe.secretKey | quote }}', 'helm template');
  tpl.d('  DB_PASSWORD: {{ required "db password" .Values.postgresql.auth.password | quote }}', 'helm template');

  const sealed = repo.file('deploy/k8s/groundseg/providers-sealed.yaml', 'encrypted');
  sealed.l(
    'apiVersion: bitnami.com/v1alpha1',
    'kind: SealedSecret',
    'metadata:',
    '  name: groundseg-providers',
    '  namespace: groundseg',
    'spec:',
    '  encryptedData:',
  );
  sealed.d(`    leafspace-password: AgB${g.b64(600)}==`, 'sealed secret');
  sealed.d(`    ksat-client-secret: AgA${g.b64(600)}==`, 'sealed secret');

  const sops = repo.file('deploy/k8s/overlays/prod/telemetry-secrets.enc.yaml', 'encrypted');
  sops.l('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: telemetry', 'stringData:');
  sops.d(
    `  INFLUX_TOKEN: ENC[AES256_GCM,data:${g.b64(88)},iv:${g.b64(43)}=,tag:${g.b64(22)}==,type:str]`,
    'sops encrypted',
  );
  sops.l(
    'sops:',
    '  gcp_kms:',
    '    - resource_id: projects/orbital-finch-prod/locations/europe-west2/keyRings/sops/cryptoKeys/sops',
    '  version: 3.8.1',
  );

  const kc = repo.file('ops/home/.kube/config', 'k8s');
  const saTok = g.jwt({
    iss: 'https://k8s.finch.internal',
    sub: 'system:serviceaccount:ci:deployer',
    aud: ['https://k8s.finch.internal'],
    iat: 1767225600,
  });
  kc.l(
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '  - name: finch-prod',
    '    cluster:',
    '      server: https://k8s.finch.internal:6443',
  );
  kc.d(`      certificate-authority-data: ${g.enc(g.cert().join('\n'))}`, 'ca certificate');
  kc.l('users:', '  - name: ci-deployer', '    user:');
  kc.s(`      token: ${saTok}`, 'generic', saTok);
  kc.l(
    'contexts:',
    '  - name: finch-prod',
    '    context: { cluster: finch-prod, user: ci-deployer }',
    'current-context: finch-prod',
  );
}

// ---- Terraform: AWS and GCP ----------------------------------------------------------------

function terraform(repo, t, g) {
  const m = repo.file('infra/terraform/aws/main.tf', 'terraform');
  const ak = t.awsId();
  const as = t.awsSecret();
  const rds = g.gen(24);
  const ksat = g.gen(40);
  m.l('provider "aws" {', '  region     = "eu-west-2"');
  m.s(`  access_key = "${ak}"`, 'aws', ak);
  m.s(`  secret_key = "${as}"`, 'aws', as);
  m.l(
    '}',
    '',
    'resource "aws_db_instance" "catalog" {',
    '  engine         = "postgres"',
    '  engine_version = "16.3"',
    '  username       = "catalog_admin"',
  );
  m.s(`  password       = "${rds}"`, 'generic', rds);
  m.l(
    '}',
    '',
    'resource "aws_secretsmanager_secret_version" "ksat" {',
    '  secret_id     = aws_secretsmanager_secret.ksat.id',
  );
  m.s(`  secret_string = jsonencode({ client_secret = "${ksat}" })`, 'generic', ksat);
  m.l('}', '', 'resource "aws_db_instance" "replica" {');
  m.l('  password = random_password.catalog.result');
  m.l('}', '', 'resource "aws_kms_key" "gs_streams" {', '  description = "AWS Ground Station stream encryption"', '}');
  m.l(`# imported: arn:aws:kms:eu-west-2:${t.digits(12)}:key/${t.uuid()}`);

  const gm = repo.file('infra/terraform/gcp/main.tf', 'terraform');
  const sql = g.gen(22);
  gm.l('provider "google" {', '  project = "orbital-finch-prod"', '  region  = "europe-west2"');
  gm.l('  credentials = file("${path.module}/../../../imagery/pipeline/secrets/imagery-sa.json")');
  gm.l(
    '}',
    '',
    'resource "google_sql_user" "imagery" {',
    '  name     = "imagery"',
    '  instance = google_sql_database_instance.imagery.name',
  );
  gm.s(`  password = "${sql}"`, 'generic', sql);
  gm.l(
    '}',
    '',
    'resource "google_storage_hmac_key" "gdal" {',
    '  service_account_email = google_service_account.imagery.email',
    '}',
    '',
    'output "gdal_hmac_secret" {',
  );
  gm.l('  value     = google_storage_hmac_key.gdal.secret');
  gm.l('  sensitive = true', '}');

  const tv = repo.file('infra/terraform/gcp/terraform.tfvars', 'terraform');
  const tvGk = t.gcpApiKey();
  const tvGs = g.googleSecret();
  tv.l('project = "orbital-finch-prod"');
  tv.s(`maps_api_key         = "${tvGk}"`, 'gcp', tvGk);
  tv.s(`oauth_client_secret  = "${tvGs}"`, 'gcp', tvGs);
  tv.d('pagerduty_token      = "REPLACE_ME"', 'placeholder');

  const st = repo.file('infra/terraform/aws/terraform.tfstate', 'terraform');
  const sId = t.awsId();
  const sSec = t.awsSecret();
  const sPw = g.gen(24);
  st.l('{', '  "version": 4,', '  "terraform_version": "1.8.5",', '  "serial": 77,');
  st.l(`  "lineage": "${t.uuid()}",`);
  st.l(
    '  "resources": [',
    '    {',
    '      "mode": "managed",',
    '      "type": "aws_iam_access_key",',
    '      "name": "imagery",',
    '      "instances": [',
    '        {',
    '          "attributes": {',
  );
  st.s(`            "id": "${sId}",`, 'aws', sId);
  st.s(`            "secret": "${sSec}",`, 'aws', sSec);
  st.l('            "ses_smtp_password_v4": null,');
  st.l(
    '            "user": "imagery-pipeline"',
    '          }',
    '        }',
    '      ]',
    '    },',
    '    {',
    '      "mode": "managed",',
    '      "type": "aws_db_instance",',
    '      "name": "catalog",',
    '      "instances": [',
    '        {',
    '          "attributes": {',
  );
  st.s(`            "password": "${sPw}",`, 'generic', sPw);
  st.l('            "username": "catalog_admin"', '          }', '        }', '      ]', '    }', '  ]', '}');

  const rc = repo.file('ops/home/.terraformrc', 'credstore');
  const tfc = g.tfc();
  rc.l('credentials "app.terraform.io" {');
  rc.s(`  token = "${tfc}"`, 'terraform-cloud', tfc);
  rc.l('}');

  const lk = repo.file('infra/terraform/aws/.terraform.lock.hcl', 'terraform');
  lk.l('provider "registry.terraform.io/hashicorp/aws" {', '  version = "5.62.0"', '  hashes = [');
  lk.l(`    "h1:${g.enc(Buffer.from(t.pick(HEX, 64), 'hex'))}",`);
  lk.l(`    "zh:${t.sha256()}",`);
  lk.l('  ]', '}');
}

// ---- Docker --------------------------------------------------------------------------------

function docker(repo, t, g) {
  const d = repo.file('mission-control/Dockerfile', 'docker');
  const pip = g.plain(24);
  const sentry = g.sentry();
  d.d(`FROM python:3.12-slim@sha256:${t.sha256()}`, 'image digest');
  d.s(`ARG PIP_EXTRA_INDEX_URL=https://deploy:${pip}@pypi.finch.internal/simple/`, 'generic', pip);
  d.s(`ENV SENTRY_AUTH_TOKEN=${sentry}`, 'sentry', sentry);
  d.l('RUN --mount=type=secret,id=pipconf,target=/etc/pip.conf pip install -r requirements.txt');
  d.l('COPY app /srv/app', 'CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"]');

  const c = repo.file('docker-compose.yml', 'docker');
  const pg = g.gen(20);
  const inflPw = g.gen(18);
  const inflTok = g.influx();
  const gf = g.human();
  c.l('services:', '  timescaledb:', '    image: timescale/timescaledb-ha:pg16', '    environment:');
  c.s(`      POSTGRES_PASSWORD: "${pg}"`, 'generic', pg);
  c.l(
    '  influxdb:',
    '    image: influxdb:2.7',
    '    environment:',
    '      DOCKER_INFLUXDB_INIT_MODE: setup',
    '      DOCKER_INFLUXDB_INIT_USERNAME: admin',
  );
  c.s(`      DOCKER_INFLUXDB_INIT_PASSWORD: "${inflPw}"`, 'generic', inflPw);
  c.s(`      DOCKER_INFLUXDB_INIT_ADMIN_TOKEN: ${inflTok}`, 'influxdb', inflTok);
  c.l('  grafana:', '    image: grafana/grafana:11.1.0', '    environment:');
  c.s(`      - GF_SECURITY_ADMIN_PASSWORD=${gf}`, 'generic', gf);
  c.d('      - GF_AUTH_GOOGLE_CLIENT_SECRET=${GF_AUTH_GOOGLE_CLIENT_SECRET}', 'env interpolation');
  c.l('  mission-control:', '    build: ./mission-control', '    env_file: mission-control/.env', '    environment:');
  c.d('      - MCC_JWT_SECRET=${MCC_JWT_SECRET:?set MCC_JWT_SECRET}', 'env interpolation');

  const dc = repo.file('ops/home/.docker/config.json', 'docker');
  const pat = g.dockerPat();
  const gh = t.github();
  dc.l('{', '  "auths": {', '    "https://index.docker.io/v1/": {');
  dc.s(`      "auth": "${g.enc(`orbitalfinch:${pat}`)}"`, 'dockerhub', pat);
  dc.l('    },', '    "ghcr.io": {');
  dc.s(`      "auth": "${g.enc(`finch-ci:${gh}`)}"`, 'github', gh);
  dc.l('    }', '  },');
  dc.l('  "credsStore": "secretservice"');
  dc.l('}');
}

// ---- CI: GitHub Actions and Buildkite ------------------------------------------------------

function ci(repo, t, g) {
  const f = repo.file('.github/workflows/fsw-build.yml', 'ci');
  const dh = g.dockerPat();
  const xb = t.slackBot();
  f.l('name: fsw-build', 'on:', '  push:', '    paths: ["fsw/**"]', 'env:');
  f.l('  AWS_ACCESS_KEY_ID: ${{ secrets.FSW_ARTIFACTS_AWS_KEY_ID }}');
  f.s(`  DOCKERHUB_TOKEN: ${dh}`, 'dockerhub', dh);
  f.s(`  SLACK_BOT_TOKEN: ${xb}`, 'slack', xb);
  f.l('jobs:', '  build:', '    runs-on: [self-hosted, fsw-hil]', '    steps:');
  f.d(`      - uses: actions/checkout@${t.sha1()} # v4`, 'pinned action sha');
  f.l(
    '      - run: make -C fsw/cfs SIMULATION=native prep install',
    '      - uses: docker/login-action@v3',
    '        with:',
    '          username: orbitalfinch',
  );
  f.d('          password: ${{ secrets.DOCKERHUB_TOKEN }}', 'actions secret reference');

  const tl = repo.file('.github/workflows/tle-refresh.yml', 'ci');
  const stp = g.gen(18);
  const npm = t.npm();
  tl.l(
    'name: tle-refresh',
    'on:',
    '  schedule:',
    '    - cron: "17 */4 * * *"',
    'jobs:',
    '  refresh:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - name: space-track login',
    '        run: |',
  );
  tl.s(
    `          curl -sf -c cookies.txt -d "identity=tle-bot@orbitalfinch.space&password=${stp}" https://www.space-track.org/ajaxauth/login`,
    'generic',
    stp,
  );
  tl.d(
    '          curl -sf -c cookies.txt -d "identity=$ST_USER&password=${{ secrets.SPACETRACK_PASSWORD }}" https://www.space-track.org/ajaxauth/login',
    'actions secret reference',
  );
  tl.l('      - name: publish openmct bundle', '        env:');
  tl.s(`          NODE_AUTH_TOKEN: ${npm}`, 'npm', npm);
  tl.l('          GITHUB_TOKEN: ${{ github.token }}');

  const bk = repo.file('.buildkite/pipeline.yml', 'ci');
  const bas = t.awsSecret();
  const bak = t.awsId();
  const tfc = g.tfc();
  bk.l('env:', '  AWS_DEFAULT_REGION: eu-west-2');
  bk.s(`  AWS_ACCESS_KEY_ID: ${bak}`, 'aws', bak);
  bk.s(`  AWS_SECRET_ACCESS_KEY: ${bas}`, 'aws', bas);
  bk.s(`  TF_TOKEN_app_terraform_io: ${tfc}`, 'terraform-cloud', tfc);
  bk.l(
    'steps:',
    '  - label: ":rust: telemetry decoder"',
    '    command: cargo test --manifest-path telemetry/decoder/Cargo.toml',
    '    plugins:',
    '      - docker-login#v2.1.0:',
    '          username: orbitalfinch',
  );
  bk.l('          password-env: DOCKER_LOGIN_PASSWORD');
  bk.l('  - label: ":terraform: plan"', '    command: terraform -chdir=infra/terraform/aws plan');

  const hk = repo.file('.buildkite/hooks/environment', 'ci');
  const vt = g.vaultToken();
  const gapi = g.grafanaLegacy('buildkite-annotations');
  const bkt = g.buildkite();
  hk.l('#!/bin/bash', 'set -euo pipefail', '# sourced by every agent before each job');
  hk.s(`export VAULT_TOKEN="${vt}"`, 'vault', vt);
  hk.s(`export GRAFANA_API_KEY=${gapi}`, 'grafana', gapi);
  hk.s(`export BUILDKITE_API_TOKEN=${bkt}`, 'buildkite', bkt);
  hk.l('export KSAT_CLIENT_SECRET="$(vault kv get -field=client_secret secret/mcc/ksat)"');

  const ag = repo.file('ops/buildkite/buildkite-agent.cfg', 'ci');
  const atok = t.hex(50);
  ag.s(`token="${atok}"`, 'generic', atok);
  ag.l(
    'name="fsw-hil-%hostname-%spawn"',
    'tags="queue=fsw-hil,os=linux"',
    'build-path="/var/lib/buildkite-agent/builds"',
  );
}

// ---- Ansible for the antenna-site hosts ----------------------------------------------------

function ansible(repo, t, g) {
  const inv = repo.file('ansible/inventory/antenna-sites.ini', 'ansible');
  const b1 = g.human();
  const b2 = g.gen(18);
  inv.l('[svalbard]');
  inv.s(`svb-sdr01 ansible_host=10.40.1.11 ansible_user=finch ansible_become_pass='${b1}'`, 'generic', b1);
  inv.l('', '[awarua]');
  inv.s(`awa-sdr01 ansible_host=10.41.1.11 ansible_user=finch ansible_password="${b2}"`, 'generic', b2);
  inv.l('', '[matera]');
  inv.l(
    'mtr-sdr01 ansible_host=10.42.1.11 ansible_user=finch ansible_ssh_private_key_file=~/.ssh/finch_ansible_ed25519',
  );

  const gv = repo.file('ansible/group_vars/antenna_sites/main.yml', 'ansible');
  const ts = g.tailscale();
  const sn = g.satnogs();
  const rp = g.gen(20);
  gv.l('ntp_servers: [0.pool.ntp.org, 1.pool.ntp.org]', 'gnuradio_version: "3.10.10"');
  gv.s(`tailscale_authkey: ${ts}`, 'tailscale', ts);
  gv.s(`satnogs_api_token: "${sn}"`, 'generic', sn);
  gv.s(`rotator_controller_password: "${rp}"`, 'generic', rp);
  gv.d('influx_token: "{{ vault_influx_token }}"', 'jinja reference');

  const vv = repo.file('ansible/group_vars/antenna_sites/vault.yml', 'ansible');
  vv.l('vault_influx_token: !vault |');
  vv.d(
    ['          $ANSIBLE_VAULT;1.1;AES256', ...Array.from({ length: 5 }, () => `          ${t.pick(HEX, 80)}`)],
    'ansible vault ciphertext',
  );

  const tk = repo.file('ansible/roles/sdr-host/tasks/main.yml', 'ansible');
  const opw = g.human();
  tk.l(
    '- name: ops break-glass user',
    '  ansible.builtin.user:',
    '    name: finch-ops',
    '    groups: [dialout, plugdev]',
  );
  tk.s(`    password: "{{ '${opw}' | password_hash('sha512') }}"`, 'generic', opw);
  tk.l('- name: legacy station account', '  ansible.builtin.user:', '    name: station');
  tk.d(`    password: "${g.sha512crypt()}"`, 'sha512-crypt hash');
  tk.l(
    '- name: station env',
    '  ansible.builtin.template:',
    '    src: gr-station.env.j2',
    '    dest: /etc/finch/gr-station.env',
    '    mode: "0600"',
  );

  const j2 = repo.file('ansible/roles/sdr-host/templates/gr-station.env.j2', 'ansible');
  j2.d('SATNOGS_API_TOKEN={{ satnogs_api_token }}', 'jinja reference');
  j2.d('INFLUX_TOKEN={{ influx_token }}', 'jinja reference');
  j2.l('STATION_ID={{ inventory_hostname }}');

  const key = repo.file('ops/home/.ssh/finch_ansible_ed25519', 'keys');
  const os = t.opensshPem();
  key.s(os, 'private-key', os.join('\n'));
  const pub = repo.file('ops/home/.ssh/finch_ansible_ed25519.pub', 'keys');
  pub.d(`ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${g.b64(43)} ansible@orbitalfinch`, 'public key');
}

// ---- Site router / VPN configs -------------------------------------------------------------

function network(repo, t, g) {
  const c = repo.file('network/sites/svalbard/svb-gw1.cfg', 'network');
  const np = g.plain(14);
  const isakmp = g.plain(24);
  const ikeL = g.gen(28);
  const ikeR = g.gen(28);
  const snmp = g.plain(14);
  const tac = g.plain(16);
  c.l('hostname svb-gw1', '!');
  c.d(`enable secret 9 $9$${t.mixed(ALNUM + './', 14)}$${t.mixed(ALNUM + './', 43)}`, 'type 9 (scrypt) hash');
  const np7 = g.type7(np);
  c.s(`username netops privilege 15 password 7 ${np7}`, 'generic', np7);
  c.l('!', 'crypto isakmp policy 10', ' encr aes 256', ' authentication pre-share', ' group 14');
  c.s(`crypto isakmp key ${isakmp} address 203.0.113.10`, 'generic', isakmp);
  c.l('!', 'crypto ikev2 keyring FINCH-HQ', ' peer hq-gw1', '  address 203.0.113.10');
  c.s(`  pre-shared-key local ${ikeL}`, 'generic', ikeL);
  c.s(`  pre-shared-key remote ${ikeR}`, 'generic', ikeR);
  c.l('!');
  c.s(`snmp-server community ${snmp} RO 10`, 'generic', snmp);
  c.l('tacacs server ISE', ' address ipv4 10.40.0.5');
  c.s(` key ${tac}`, 'generic', tac);
  c.l('!', 'ntp server 10.40.0.1', 'end');

  const ip = repo.file('network/sites/awarua/ipsec.secrets', 'network');
  const psk = g.gen(32);
  ip.l('# /etc/ipsec.secrets on awa-gw1 (strongSwan)');
  ip.s(`198.51.100.20 203.0.113.10 : PSK "${psk}"`, 'generic', psk);
  ip.l(': RSA awa-gw1.key');

  const sw = repo.file('network/sites/awarua/swanctl.conf', 'network');
  const hexPsk = `0x${t.hex(64)}`;
  sw.l(
    'connections {',
    '  hq {',
    '    remote_addrs = 203.0.113.10',
    '    local { auth = psk }',
    '    remote { auth = psk }',
    '  }',
    '}',
    'secrets {',
    '  ike-hq {',
    '    id = 203.0.113.10',
  );
  sw.s(`    secret = ${hexPsk}`, 'generic', hexPsk);
  sw.l('  }', '}');

  const wg = repo.file('network/sites/punta-arenas/wg0.conf', 'network');
  const wpk = g.wgKey();
  const wpsk = g.wgKey();
  wg.l('[Interface]', 'Address = 10.43.255.2/32', 'ListenPort = 51820');
  wg.s(`PrivateKey = ${wpk}`, 'generic', wpk);
  wg.l('', '[Peer]', '# hq-gw1');
  wg.d(`PublicKey = ${g.wgKey()}`, 'wireguard public key');
  wg.s(`PresharedKey = ${wpsk}`, 'generic', wpsk);
  wg.l('Endpoint = 203.0.113.10:51820', 'AllowedIPs = 10.40.0.0/14', 'PersistentKeepalive = 25');

  const er = repo.file('network/sites/matera/config.boot', 'network');
  const erPsk = g.gen(28);
  er.l(
    'vpn {',
    '    ipsec {',
    '        site-to-site {',
    '            peer 203.0.113.10 {',
    '                authentication {',
    '                    mode pre-shared-secret',
  );
  er.s(`                    pre-shared-secret ${erPsk}`, 'generic', erPsk);
  er.l(
    '                }',
    '            }',
    '        }',
    '    }',
    '}',
    'system {',
    '    login {',
    '        user finch {',
    '            authentication {',
  );
  er.d(`                encrypted-password ${g.sha512crypt()}`, 'sha512-crypt hash');
  er.l('                plaintext-password ""');
  er.l('            }', '        }', '    }', '}');
}

// ---- SDR / GNU Radio -----------------------------------------------------------------------

function sdr(repo, t, g) {
  const grc = repo.file('sdr/flowgraphs/finch_uhf_rx.grc', 'gnuradio');
  const tok = g.satnogs();
  grc.l(
    'options:',
    '  parameters:',
    '    id: finch_uhf_rx',
    '    generate_options: no_gui',
    'blocks:',
    '- name: samp_rate',
    '  id: variable',
    '  parameters:',
    "    value: '250000'",
    '- name: satnogs_token',
    '  id: variable',
    '  parameters:',
  );
  grc.s(`    value: "'${tok}'"`, 'generic', tok);
  grc.l('- name: access_code', '  id: variable', '  parameters:');
  grc.d('    value: "\'00011010110011111111110000011101\'"', 'ccsds sync marker as bit string');
  grc.l('- name: zmq_pub', '  id: zeromq_pub_sink', '  parameters:', '    address: tcp://127.0.0.1:5555');

  const py = repo.file('sdr/flowgraphs/finch_uhf_rx.py', 'gnuradio');
  py.l(
    '# GNU Radio Python Flow Graph (generated by GRC 3.10.10 - do not edit)',
    'from gnuradio import gr, blocks, digital',
    '',
    'class finch_uhf_rx(gr.top_block):',
    '    def __init__(self):',
    '        gr.top_block.__init__(self, "finch_uhf_rx")',
    '        self.samp_rate = samp_rate = 250000',
  );
  py.s(`        self.satnogs_token = satnogs_token = '${tok}'`, 'generic', tok);
  py.l("        self.access_code = access_code = '00011010110011111111110000011101'");

  const up = repo.file('sdr/scripts/upload_frames.py', 'python');
  const dbt = g.satnogs();
  up.l('import requests', '', 'DB = "https://db.satnogs.org/api/telemetry/"');
  up.s(`HEADERS = {"Authorization": "Token ${dbt}"}`, 'generic', dbt);
  up.l('NORAD = 58012');
  up.l(
    '',
    'def upload(frame_hex, ts):',
    '    requests.post(DB, headers=HEADERS, data={"noradID": NORAD, "frame": frame_hex, "timestamp": ts})',
  );
}

// ---- Shell and cron ------------------------------------------------------------------------

function shellCron(repo, t, g) {
  const cr = repo.file('ops/cron/groundstation.crontab', 'shell');
  const cpw = g.plain(16);
  const pgpw = g.plain(18);
  cr.l('SHELL=/bin/bash', 'MAILTO=ground-ops@orbitalfinch.space');
  cr.s(
    `*/10 * * * * curl -sf -u antenna:${cpw} http://10.40.1.20/api/v1/status >> /var/log/finch/acu.log`,
    'generic',
    cpw,
  );
  cr.s(
    `15 3 * * * PGPASSWORD=${pgpw} pg_dump -h tsdb-primary.finch.internal -U backup mission | gzip > /backup/mission-$(date +\\%F).sql.gz`,
    'generic',
    pgpw,
  );
  cr.l('@daily /opt/finch/bin/rotate-logs.sh');

  const b = repo.file('ops/scripts/backup_timescale.sh', 'shell');
  const rp = g.gen(24);
  const ak = t.awsId();
  const as = t.awsSecret();
  b.l('#!/usr/bin/env bash', 'set -euo pipefail');
  b.l('export RESTIC_REPOSITORY=s3:s3.eu-west-2.amazonaws.com/finch-db-backups');
  b.s(`export RESTIC_PASSWORD='${rp}'`, 'generic', rp);
  b.s(`export AWS_ACCESS_KEY_ID=${ak}`, 'aws', ak);
  b.s(`export AWS_SECRET_ACCESS_KEY=${as}`, 'aws', as);
  b.l('restic backup /backup --tag timescale');

  const pp = repo.file('ops/scripts/pass_prep.sh', 'shell');
  const ks = g.plain(40);
  pp.l('#!/usr/bin/env bash', '# books the next 6 passes on KSATlite for FINCH-3');
  pp.s(
    `TOKEN=$(curl -sf -d "grant_type=client_credentials&client_id=${t.uuid()}&client_secret=${ks}" https://auth.ksat.no/oauth2/token | jq -r .access_token)`,
    'generic',
    ks,
  );
  pp.l('curl -sf -H "Authorization: Bearer $TOKEN" https://api.ksatlite.ksat.no/v2/passes?satellite=58012');
}

// ---- Logs ----------------------------------------------------------------------------------

function logs(repo, t, g) {
  const p = repo.file('logs/passes/2026-03-02_SVB_FINCH-3_rev4412.log', 'logs');
  const kh = g.keyHex(32);
  const kt = g.jwt({
    iss: 'https://auth.ksat.no',
    sub: t.uuid(),
    scope: 'contacts:write passes:read',
    iat: 1772420980,
    exp: 2087780980,
  });
  p.l(
    '2026-03-02T04:09:40Z INFO  pass-exec: contact 4412 FINCH-3 (NORAD 58012) SVB-ANT2 AOS 04:11:09 LOS 04:20:31 max_el=61.2',
  );
  p.s(`2026-03-02T04:09:41Z DEBUG ksat-client: Authorization: Bearer ${kt}`, 'generic', kt);
  p.s(`2026-03-02T04:10:58Z DEBUG uplink: loaded key_id=1 spi=0x0101 key=${kh}`, 'generic', kh);
  p.l('2026-03-02T04:11:09Z INFO  pass-exec: AOS az=172.4 el=0.0');
  p.d(`2026-03-02T04:11:12Z DEBUG tm: frame vc=0 len=64 ${g.frameHex()}`, 'downlinked telemetry frame hex');
  p.d(`2026-03-02T04:20:33Z INFO  pass-exec: LOS, 1432 frames, archive sha256=${t.sha256()}`, 'sha256');

  const m = repo.file('logs/mission-control/uvicorn-2026-03-02.log', 'logs');
  const stp = g.plain(18);
  m.l('2026-03-02 04:00:00,101 INFO  uvicorn.error: Application startup complete.');
  m.d(
    '2026-03-02 04:00:00,233 INFO  sqlalchemy.engine: connecting to postgresql+asyncpg://mcc_app:***@tsdb-primary.finch.internal:5432/mission',
    'masked',
  );
  m.s(
    `2026-03-02 04:00:02,870 DEBUG httpx: POST https://www.space-track.org/ajaxauth/login body=identity=tle-bot%40orbitalfinch.space&password=${stp}`,
    'generic',
    stp,
  );
  m.l(`2026-03-02 04:00:03,004 INFO  app.tle: refreshed 3 element sets request_id=${t.uuid()}`);

  const s = repo.file('logs/scheduler/scheduler-2026-03.jsonl', 'logs');
  const lp = g.gen(24);
  s.l(`{"ts":"2026-03-01T00:00:00Z","level":"INFO","msg":"scheduler started","run_id":"${t.uuid()}"}`);
  s.s(
    `{"ts":"2026-03-01T00:00:01Z","level":"DEBUG","msg":"provider config","provider":"leafspace","username":"orbitalfinch-ops","password":"${lp}"}`,
    'generic',
    lp,
  );
  s.l(
    '{"ts":"2026-03-01T00:00:02Z","level":"INFO","logger":"botocore.credentials","msg":"Found credentials in environment variables."}',
  );

  const d = repo.file('logs/telemetry/decoder.log', 'logs');
  const cs = g.confluentSecret();
  d.l('2026-03-02T04:11:09.120Z  INFO decoder: listening udp 0.0.0.0:10015');
  d.s(
    `2026-03-02T04:11:09.121Z DEBUG rdkafka: config {"bootstrap.servers":"pkc-41wq6.eu-west-2.aws.confluent.cloud:9092","sasl.password":"${cs}"}`,
    'confluent',
    cs,
  );
  d.l(`2026-03-02T04:11:12.004Z TRACE decoder: crc ok frame=${g.frameHex()}`);
}

// ---- Jira and Slack exports ----------------------------------------------------------------

function exportsJiraSlack(repo, t, g) {
  const j = repo.file('exports/jira/FINCH-812.json', 'support');
  const lp = g.gen(24);
  const vt = g.vaultToken();
  j.l(
    '{',
    '  "key": "FINCH-812",',
    '  "fields": {',
    '    "summary": "Leaf Space Matera passes not booking since Feb 28",',
  );
  j.s(
    `    "description": "Scheduler gets 401 from apiv2.leaf.space. Creds in prod are orbitalfinch-ops / ${lp} - can someone check they were not rotated?",`,
    'generic',
    lp,
  );
  j.l('    "comment": {', '      "comments": [');
  j.s(
    `        { "author": "mbakker", "body": "Used the ops Vault token ${vt} to read secret/groundseg/leafspace, value matches." },`,
    'vault',
    vt,
  );
  j.d(
    '        { "author": "sokafor", "body": "Please never paste tokens here, revoke and use the 1Password share." },',
    'prose',
  );
  j.l(
    `        { "author": "mbakker", "body": "Ack, will rotate after next week's passes. Pass id for the retry is ${t.uuid()}" }`,
  );
  j.l('      ]', '    }', '  }', '}');

  const sl = repo.file('exports/slack/ground-ops/2026-02-11.json', 'support');
  const ak = t.awsId();
  const as = t.awsSecret();
  const stp = g.human();
  const ksb = g.gen(40);
  const tle = g.noradTle('58012', '23174C');
  sl.l('[');
  sl.s(
    `  {"type": "message", "user": "U05K2J9QF", "text": "AWS GS sandbox keys for the demo: ${ak}", "ts": "1707650012.001200"},`,
    'aws',
    ak,
  );
  sl.s(`  {"type": "message", "user": "U05K2J9QF", "text": "secret: ${as}", "ts": "1707650020.001300"},`, 'aws', as);
  sl.s(
    `  {"type": "message", "user": "U03QW7ZR1", "text": "new space-track pw for tle-bot is ${stp}", "ts": "1707650311.002100"},`,
    'generic',
    stp,
  );
  sl.s(
    `  {"type": "message", "user": "U03QW7ZR1", "text": "KSAT gave us a new client secret ${ksb}, old one dies Friday", "ts": "1707650400.002200"},`,
    'generic',
    ksb,
  );
  sl.d(
    '  {"type": "message", "user": "U02AB1XYZ", "text": "please move all of this to 1Password :pray:", "ts": "1707650455.002300"},',
    'prose',
  );
  sl.d(
    `  {"type": "message", "user": "U02AB1XYZ", "text": "latest TLE: ${tle[0]}", "ts": "1707650500.002400"}`,
    'public TLE line',
  );
  sl.l(']');

  const inc = repo.file('exports/slack/incidents/2026-01-19.json', 'support');
  const psk = g.gen(32);
  const xp = g.slackUser();
  inc.l('[');
  inc.s(
    `  {"type": "message", "user": "U04NET001", "text": "rotated the SVB<->HQ IKE PSK, new value is ${psk}", "ts": "1705660001.000100"},`,
    'generic',
    psk,
  );
  inc.s(
    `  {"type": "message", "user": "U04NET001", "text": "my export script uses ${xp} if anyone needs it", "ts": "1705660090.000200"},`,
    'slack',
    xp,
  );
  inc.l(
    '  {"type": "message", "user": "U02AB1XYZ", "text": "PSK is in Vault at secret/network/svb-hq, not here!", "ts": "1705660120.000300"}',
  );
  inc.l(']');
}

// ---- Docs and runbooks ---------------------------------------------------------------------

function docs(repo, t, g) {
  const r = repo.file('README.md', 'docs');
  r.l(
    '# Orbital Finch ground segment',
    '',
    'Flight software, mission control, scheduling, telemetry and data distribution.',
    '',
    '## Local setup',
    '',
    '```sh',
  );
  r.d('export MCC_SPACETRACK_PASSWORD=<your space-track password>', 'placeholder');
  r.l('export VAULT_TOKEN=$(vault print token)');
  r.l('docker compose up -d timescaledb influxdb grafana');
  r.l('```');

  const v = repo.file('docs/runbooks/vault-init-2025-09.md', 'docs');
  const u1 = g.unsealKey();
  const u2 = g.unsealKey();
  const u3 = g.unsealKey();
  const root = g.vaultToken();
  v.l(
    '# Vault re-initialisation (2025-09-14)',
    '',
    'Output of `vault operator init -key-shares=5 -key-threshold=3` (shares 4 and 5 are with the CTO):',
    '',
    '```',
  );
  v.s(`Unseal Key 1: ${u1}`, 'generic', u1);
  v.s(`Unseal Key 2: ${u2}`, 'generic', u2);
  v.s(`Unseal Key 3: ${u3}`, 'generic', u3);
  v.l('');
  v.s(`Initial Root Token: ${root}`, 'vault', root);
  v.l('```', '', 'Revoke the root token after the policies are loaded.');
  v.d('Use `vault operator unseal` and paste your share when prompted.', 'prose');

  const k = repo.file('docs/runbooks/ksat-contact-booking.md', 'docs');
  const ks = g.gen(40);
  k.l('# Booking contacts on KSATlite', '', '```sh');
  k.d(
    'curl -d "grant_type=client_credentials&client_id=<client-id>&client_secret=<client-secret>" https://auth.ksat.no/oauth2/token',
    'placeholder',
  );
  k.l('```', '');
  k.s(`Sandbox tenant credentials (valid until the 2026 renewal): client secret \`${ks}\``, 'generic', ks);

  const st = repo.file('docs/onboarding/space-track.md', 'docs');
  st.l('# Space-Track access', '', 'Space-Track documents the login like this:', '');
  st.d(
    '    curl -c cookies.txt -d "identity=myusername&password=mypassword" https://www.space-track.org/ajaxauth/login',
    'documented example',
  );
  st.l('Each engineer uses their own account; the bot account lives in Vault at `secret/tle/spacetrack`.');

  const sa = repo.file('docs/ops/site-access.md', 'docs');
  const wifi = g.human();
  const idrac = g.gen(16);
  sa.l('# Antenna site access', '', '## Svalbard (SVB)');
  sa.s(`- Hut Wi-Fi \`FINCH-SVB\` PSK: \`${wifi}\``, 'generic', wifi);
  sa.s(`- sdr01 iDRAC: root / \`${idrac}\``, 'generic', idrac);
  sa.d(
    '- Antenna controller ships with `admin` / `admin`; changed at commissioning (see Vault).',
    'vendor factory default, documented as changed',
  );

  const kc = repo.file('docs/security/key-ceremony.md', 'docs');
  const rsa = t.rsaPem();
  kc.l('# Uplink key ceremony (2025-11-03)', '', '| key id | SPI | KCV |', '|---|---|---|');
  kc.d(`| 1 | 0x0101 | ${t.pick('0123456789ABCDEF', 6)} |`, 'key check value (not key material)');
  kc.l(`| 2 | 0x0102 | ${t.pick('0123456789ABCDEF', 6)} |`);
  kc.l('', 'Key-wrapping key used to export the table to the FSW build host:', '', '```');
  kc.s(rsa, 'private-key', rsa.join('\n'));
  kc.l('```', '', 'Its public half (safe to share):', '', '```');
  kc.d(g.pubPem(), 'public key');
  kc.l('```');
}

// ---- Noise: lockfiles, manifests, ids -----------------------------------------------------

function noise(repo, t, g) {
  const cl = repo.file('telemetry/decoder/Cargo.lock', 'decoys');
  cl.l('version = 3', '');
  for (const [n, v] of [
    ['rdkafka', '0.36.2'],
    ['sqlx', '0.7.4'],
    ['crc', '3.2.1'],
  ]) {
    cl.l(
      '[[package]]',
      `name = "${n}"`,
      `version = "${v}"`,
      'source = "registry+https://github.com/rust-lang/crates.io-index"',
    );
    cl.l(`checksum = "${t.sha256()}"`);
    cl.l('');
  }

  const gs = repo.file('distribution/go.sum', 'decoys');
  for (const m of ['github.com/stripe/stripe-go/v79 v79.6.0', 'github.com/jackc/pgx/v5 v5.6.0']) {
    gs.l(`${m} h1:${g.enc(Buffer.from(t.pick(HEX, 64), 'hex'))}`);
  }

  const mf = repo.file('od/Manifest.toml', 'decoys');
  mf.l('julia_version = "1.10.4"', '', '[[deps.SatelliteToolbox]]', 'deps = ["Dates", "LinearAlgebra"]');
  mf.l(`git-tree-sha1 = "${t.sha1()}"`);
  mf.l('uuid = "6ac157d9-b43d-51bb-8fab-48bf53814f43"');

  const pl = repo.file('openmct/package-lock.json', 'decoys');
  pl.l(
    '{',
    '  "name": "finch-openmct",',
    '  "lockfileVersion": 3,',
    '  "packages": {',
    '    "node_modules/openmct": {',
    '      "version": "4.0.0",',
  );
  pl.d(`      "integrity": "sha512-${g.enc(Buffer.from(t.pick(HEX, 128), 'hex'))}"`, 'integrity hash');
  pl.l('    }', '  }', '}');

  const fm = repo.file('fsw/cfs/build/firmware-manifest.json', 'decoys');
  fm.l('{', '  "target": "finch3-obc",', '  "version": "2.4.1",');
  fm.l(`  "image_sha256": "${t.sha256()}",`);
  fm.l(`  "git_commit": "${t.sha1()}",`);
  fm.l('  "size": 1843200', '}');

  const k = repo.file('mission-control/app/constants.py', 'decoys');
  k.l('SPACECRAFT_ID = 0x2B7');
  k.l(`MISSION_UUID = "${t.uuid()}"`);
  k.l('SPACETRACK_PASSWORD_ENV = "MCC_SPACETRACK_PASSWORD"');
  k.l('TOKEN_URL = "https://auth.ksat.no/oauth2/token"');
}
