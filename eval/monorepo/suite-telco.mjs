// Suite "telco": the monorepo of a telecom/VoIP operator (on-prem Kubernetes and OpenStack).
// SIP proxy modules in C, OSS/BSS APIs in Go, provisioning and NOC tooling in Python, billing
// mediation in Java, the messaging core in Erlang/Elixir, dialplans in Lua, a WebRTC portal in
// JavaScript, ops scripts in shell, and the configuration of Kamailio, OpenSIPS, Asterisk,
// FreeSWITCH, FreeRADIUS, Net-SNMP, network gear, Helm, Ansible, Terraform and CI.
import { ALNUM, B64, DIGIT, HEX, LOWER, UPPER, URLSAFE, Repo, makeTokens, mulberry32 } from './generate.mjs';

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 7933 + 41);
  const t = makeTokens(rand);
  const repo = new Repo();
  const HEXU = '0123456789ABCDEF';
  const b64 = (n) => t.mixed(B64, n);
  const pw = () => t.password();
  const pwA = () => t.password().replace(/[^A-Za-z0-9]/g, '');
  const sipSecret = () => t.alnum(16);
  const oneOf = (xs) => xs[Math.floor(rand() * xs.length)];

  // telecom identifiers (decoys)
  const e164us = () => `+1${oneOf(['212', '312', '415', '646', '702', '917'])}${t.digits(7)}`;
  const e164uk = () => `+44${oneOf(['20', '161', '131'])}${t.digits(8)}`;
  const imsi = () => `310260${t.pick(DIGIT, 9)}`;
  const iccid = () => `8901260${t.pick(DIGIT, 12)}`;
  const imei = () => `35${t.pick(DIGIT, 13)}`;
  const branch = () => `z9hG4bK${t.pick(HEX, 16)}`;
  const tag = () => t.pick(HEX, 8);
  const callId = () => `${t.pick(HEX, 32)}@10.20.1.${t.digits(2)}`;
  const md5 = () => t.pick(HEX, 32);
  const nonce = () => `${t.pick(HEX, 8)}${t.pick(HEX, 24)}`;

  // vendor formats
  const twilioKeySid = () => `SK${t.hex(32)}`;
  const twilioKeySecret = () => t.alnum(32);
  const nexmoKey = () => t.hex(8);
  const nexmoSecret = () => t.alnum(16);
  const plivoId = () => `MA${t.mixed(UPPER + DIGIT, 18)}`;
  const plivoToken = () => t.alnum(40);
  const telnyxKey = () => `KEY01${t.mixed(HEXU, 30)}_${t.alnum(22)}`;
  const sinchPlan = () => t.hex(32);
  const sinchToken = () => t.hex(32);
  const sinchAppSecret = () => `${b64(22)}==`;
  const mbKey = () => t.alnum(25);
  const pdRouting = () => t.hex(32);
  const pdApi = () => t.mixed(ALNUM + '_-+', 20);
  const pdUser = () => `u+${t.mixed(ALNUM + '_-', 18)}`;
  // Grafana appends the little-endian CRC32 of "glsa_<secret>" (pkg/components/satokengen).
  const grafanaSa = () => {
    const key = `glsa_${t.alnum(32)}`;
    const le = Buffer.alloc(4);
    le.writeUInt32LE(crc32(key));
    return `${key}_${le.toString('hex')}`;
  };
  const grafanaCloud = () =>
    `glc_${Buffer.from(
      JSON.stringify({ o: t.digits(6), n: 'stack-noc-metrics-write', k: t.alnum(24), m: { r: 'prod-eu-west-2' } }),
    ).toString('base64')}`;
  const dockerPat = () => `dckr_pat_${t.mixed(URLSAFE, 27)}`;
  const glRunner = () => `glrt-${t.mixed(URLSAFE, 20)}`;
  const glDeploy = () => `gldt-${t.mixed(URLSAFE, 20)}`;
  const slackApp = () => `xapp-1-A${t.mixed(UPPER + DIGIT, 10)}-${t.digits(13)}-${t.hex(64)}`;
  const community = () => `${oneOf(['noc', 'tlc', 'mon', 'nms'])}${oneOf(['Ro', 'RO', 'rw', 'Rw'])}${t.alnum(10)}`;
  const djangoKey = () => t.mixed(LOWER + DIGIT + '!@#%^&*(-_=+)', 50);
  const ki = () => t.mixed(HEXU, 32);
  const cookie = () => t.pick(UPPER, 20);

  c(repo, t, { pw, pwA, sipSecret, community, b64, md5, nonce, HEXU });
  sipServers(repo, t, { pw, pwA, sipSecret, telnyxKey, e164us, md5, oneOf, HEXU, b64, callId, branch, tag });
  radiusSnmp(repo, t, { pw, pwA, community, b64 });
  kube(repo, t, {
    pw,
    pwA,
    sipSecret,
    telnyxKey,
    mbKey,
    sinchToken,
    sinchPlan,
    pdRouting,
    slackApp,
    b64,
    dockerPat,
  });
  ansible(repo, t, { pw, pwA, community, sipSecret });
  openstack(repo, t, { pw, pwA, pdApi, grafanaCloud });
  ciDocker(repo, t, { pw, pwA, plivoId, plivoToken, dockerPat, glRunner, glDeploy, sipSecret });
  notebook(repo, t, { pw, pwA, plivoId, plivoToken, e164us });
  logs(repo, t, { pw, pwA, md5, nonce, callId, branch, tag, e164us, e164uk, b64, sipSecret });
  goCode(repo, t, {
    pw,
    pwA,
    telnyxKey,
    pdRouting,
    pdUser,
    plivoId,
    plivoToken,
    nexmoKey,
    nexmoSecret,
    sinchPlan,
    e164us,
  });
  python(repo, t, {
    pw,
    pwA,
    telnyxKey,
    plivoId,
    plivoToken,
    nexmoKey,
    nexmoSecret,
    mbKey,
    djangoKey,
    community,
    b64,
    grafanaSa,
    ki,
    imsi,
    iccid,
    e164us,
  });
  java(repo, t, { pw, pwA, sinchPlan, sinchToken, sinchAppSecret });
  beam(repo, t, { pw, pwA, cookie, mbKey, b64 });
  webrtc(repo, t, { pw, pwA, sipSecret, twilioKeySid, twilioKeySecret, b64 });
  shell(repo, t, { pw, pwA, community, grafanaSa, pdRouting, sipSecret });
  docsAndData(repo, t, { pw, e164us, e164uk, imsi, iccid, imei, b64, md5 });
  keys(repo, t, { b64 });
  return repo;
}

// ---- C: SIP proxy modules and config headers ---------------------------------------------

function c(repo, t, h) {
  const hdr = repo.file('services/sip-proxy/modules/telco_auth/telco_auth.h', 'c');
  hdr.l('#ifndef _TELCO_AUTH_H_', '#define _TELCO_AUTH_H_', '', '#include "../../core/str.h"', '');
  hdr.d('#define TELCO_AUTH_MAX_PASSWORD_LEN 64', 'length constant');
  hdr.d('#define TELCO_AUTH_HDR "Proxy-Authorization"', 'header name');
  hdr.d('#define TELCO_AUTH_REALM_DEFAULT "sip.telco-net.io"', 'realm');
  const hmac = t.hex(32) + t.hex(32);
  hdr.l('/* shared with the SBC cluster for X-Telco-Sig; rotate together with sbc.conf */');
  hdr.s(`#define TELCO_AUTH_HMAC_KEY "${hmac}"`, 'generic', hmac);
  const rad = h.pwA();
  hdr.s(`#define TELCO_RADIUS_SECRET "${rad}"`, 'generic', rad);
  hdr.d('#define TELCO_RADIUS_SECRET_ENV "TELCO_RADIUS_SECRET"', 'env var name');
  hdr.l('', 'int telco_auth_check(struct sip_msg *msg, str *realm);', '', '#endif');

  const src = repo.file('services/sip-proxy/modules/telco_auth/telco_auth.c', 'c');
  src.l(
    '#include <stdio.h>',
    '#include <string.h>',
    '#include <radcli/radcli.h>',
    '#include "telco_auth.h"',
    '',
    'MODULE_VERSION',
    '',
  );
  const nas = h.pwA();
  src.s(`static const char *radius_nas_secret = "${nas}";`, 'generic', nas);
  src.d('static const char *radius_dictionary = "/etc/radcli/dictionary";', 'path');
  src.l(
    '',
    'struct snmp_v3_cred {',
    '\tconst char *user;',
    '\tconst char *auth_pass;',
    '\tconst char *priv_pass;',
    '};',
    '',
  );
  const ap = h.pw();
  const pp = h.pw();
  src.l('static struct snmp_v3_cred trap_cred = {', '\t.user = "sipproxy-trap",');
  src.s(`\t.auth_pass = "${ap}",`, 'generic', ap);
  src.s(`\t.priv_pass = "${pp}",`, 'generic', pp);
  src.l('};', '', 'static int mod_init(void)', '{', '\trc_handle *rh = rc_new();');
  src.l('\trc_add_config(rh, "authserver", "10.40.0.11:1812", NULL, 0);');
  const rc2 = h.pwA();
  src.s(`\trc_add_config(rh, "secret", "${rc2}", NULL, 0);`, 'generic', rc2);
  src.d('\trc_add_config(rh, "radius_timeout", "3", NULL, 0);', 'plain setting');
  src.l('\treturn 0;', '}');

  const tst = repo.file('services/sip-proxy/modules/telco_auth/test/test_digest.c', 'c');
  tst.l('#include "../telco_auth.h"', '#include "unity.h"', '', '/* RFC 2617 section 3.5 example */');
  tst.d('static const char *user = "Mufasa", *pass = "Circle Of Life";', 'rfc 2617 example credentials');
  tst.d('static const char *nonce = "dcd98b7102dd2f0e8b11d0f600bfb0c093";', 'rfc 2617 nonce');
  tst.d('static const char *expect = "6629fae49393a05397450978507c4ef1";', 'rfc 2617 response');
  tst.d(
    'static const char *ha1 = "939e7578ed9e3c518a452acee763bce9"; /* MD5(Mufasa:testrealm@host.com:Circle Of Life) */',
    'rfc 2617 ha1',
  );
  tst.l('void test_response(void) { TEST_ASSERT_EQUAL_STRING(expect, digest_calc(user, pass, nonce)); }');

  const snmp = repo.file('services/snmp-agent/src/agent_conf.h', 'c');
  snmp.l('#pragma once', '');
  snmp.d('#define SNMP_DEFAULT_COMMUNITY "public" /* net-snmp default, disabled in prod */', 'default community');
  const ro = h.community();
  snmp.s(`#define SNMP_RO_COMMUNITY "${ro}"`, 'generic', ro);
  const rw = h.community();
  snmp.s(`static char snmp_rw_community[] = "${rw}";`, 'generic', rw);
  snmp.d('#define SNMP_ENTERPRISE_OID "1.3.6.1.4.1.54021"', 'oid');
  snmp.d(`#define AGENT_BUILD_ID "${t.sha1()}"`, 'git sha');
}

// ---- Kamailio, OpenSIPS, Asterisk, FreeSWITCH --------------------------------------------

function sipServers(repo, t, h) {
  const k = repo.file('deploy/kamailio/kamailio.cfg', 'sip');
  k.l('#!KAMAILIO', '#!define WITH_MYSQL', '#!define WITH_AUTH', '#!define WITH_NAT', '');
  k.d(
    '# default from kamctlrc is mysql://kamailio:kamailiorw@localhost/kamailio -- changed below',
    'shipped default in comment',
  );
  const kdb = h.pwA();
  k.s(`#!define DBURL "mysql://kamailio:${kdb}@db-sip.core.telco-net.io/kamailio"`, 'database', kdb);
  const api = t.alnum(40);
  k.s(`#!substdef "!ROUTING_API_TOKEN!${api}!g"`, 'generic', api);
  k.l('', 'loadmodule "auth.so"', 'loadmodule "auth_db.so"', 'loadmodule "uac.so"', 'loadmodule "topos.so"', '');
  k.d('modparam("auth_db", "db_url", DBURL)', 'define reference');
  k.d('modparam("auth_db", "calculate_ha1", yes)', 'setting');
  k.d('modparam("auth_db", "password_column", "password")', 'column name');
  const nsec = t.alnum(32);
  k.s(`modparam("auth", "secret", "${nsec}")`, 'generic', nsec);
  k.d('modparam("auth", "nonce_expire", 300)', 'setting');
  const uacdb = h.pwA();
  k.s(`modparam("uac", "reg_db_url", "mysql://uacreg:${uacdb}@db-sip.core.telco-net.io/kamailio")`, 'database', uacdb);
  k.d('modparam("uac", "auth_username_avp", "$avp(auser)")', 'pv name');
  k.d('modparam("uac", "auth_password_avp", "$avp(apass)")', 'pv name');
  k.l('', 'route[TRUNK_AUTH] {', '\t$avp(auser) = "telco-core";');
  const tp = h.sipSecret();
  k.s(`\t$avp(apass) = "${tp}";`, 'generic', tp);
  k.l('\tuac_auth();', '}', '', 'route[AUTH] {');
  k.d('\tif (!auth_check("$fd", "subscriber", "1")) {', 'function call');
  k.l('\t\tauth_challenge("$fd", "0");', '\t\texit;', '\t}', '}');
  k.l('', 'route[ROUTING_LOOKUP] {');
  k.d('\t$var(hdrs) = "Authorization: Bearer ROUTING_API_TOKEN";', 'substdef reference');
  k.l('\thttp_client_query("https://lcr.core.telco-net.io/v1/route?ruri=$rU", "$var(hdrs)", "$var(res)");', '}');

  const kc = repo.file('deploy/kamailio/kamctlrc', 'sip');
  kc.l(
    '## the SIP domain',
    'SIP_DOMAIN=sip.telco-net.io',
    'DBENGINE=MYSQL',
    'DBHOST=db-sip.core.telco-net.io',
    'DBNAME=kamailio',
  );
  kc.l('DBRWUSER="kamailio"');
  const rwpw = h.pw();
  kc.s(`DBRWPW="${rwpw}"`, 'generic', rwpw);
  kc.l('DBROUSER="kamailioro"');
  kc.d('# DBROPW="kamailioro"', 'shipped default, commented');
  kc.l('DBROOTUSER="root"');
  const rootpw = h.pw();
  kc.s(`DBROOTPW="${rootpw}"`, 'generic', rootpw);
  kc.d('# DBACCESSHOST=192.168.0.1', 'commented setting');

  const tls = repo.file('deploy/kamailio/tls.cfg', 'sip');
  tls.l('[server:default]', 'method = TLSv1.2+', 'verify_certificate = no');
  tls.d('private_key = /etc/kamailio/tls/server.key', 'key path');
  tls.d('certificate = /etc/kamailio/tls/server.crt', 'cert path');

  const lua = repo.file('deploy/kamailio/kemi/routing.lua', 'lua');
  lua.l('-- Kamailio KEMI routing script', 'local json = require "cjson"', '');
  const lcr = t.alnum(40);
  lua.s(`local LCR_API_TOKEN = "${lcr}"`, 'generic', lcr);
  lua.d('local LCR_URL = os.getenv("LCR_URL") or "https://lcr.core.telco-net.io/v1/route"', 'env with url default');
  lua.l('', 'function ksr_request_route()', '  if KSR.is_REGISTER() then');
  lua.d('    if KSR.auth_db.auth_check(KSR.kx.gete_fhost(), "subscriber", 1) < 0 then', 'function call');
  lua.l('      KSR.auth.auth_challenge(KSR.kx.gete_fhost(), 0)', '      KSR.x.exit()', '    end', '  end');
  lua.d('  KSR.pv.sets("$avp(apass)", KSR.pv.get("$avp(trunk_password)"))', 'pv copy');
  lua.l('  local hdr = "Authorization: Bearer " .. LCR_API_TOKEN', 'end', '', 'function ksr_trunk_auth()');
  const trunk = h.sipSecret();
  lua.s(`  KSR.pv.sets("$avp(apass)", "${trunk}")`, 'generic', trunk);
  lua.l('  KSR.uac.uac_auth()', 'end');

  const os = repo.file('deploy/opensips/opensips.cfg', 'sip');
  os.l('log_level=3', 'socket=udp:10.20.0.10:5060', '', 'loadmodule "usrloc.so"', 'loadmodule "uac_auth.so"');
  const osdb = h.pwA();
  os.s(`modparam("usrloc", "db_url", "mysql://opensips:${osdb}@10.20.0.40/opensips")`, 'database', osdb);
  const uaccred = h.sipSecret();
  os.s(`modparam("uac_auth", "credential", "telco-core:sip.bandwidth.com:${uaccred}")`, 'generic', uaccred);
  os.d('modparam("uac_auth", "auth_realm_avp", "$avp(realm)")', 'pv name');
  os.d(
    'modparam("auth_db", "db_url", "mysql://opensips:${OPENSIPS_DB_PASSWORD}@10.20.0.40/opensips")',
    'env substitution',
  );

  const oc = repo.file('deploy/opensips/opensips-cli.cfg', 'sip');
  oc.l('[default]', 'log_level: WARNING', 'prompt_name: opensips-cli');
  const ocpw = h.pwA();
  oc.s(`database_admin_url: mysql://root:${ocpw}@10.20.0.40`, 'database', ocpw);
  oc.d('database_url: mysql://opensips:opensipsrw@localhost', 'shipped default url');

  // Asterisk
  const sip = repo.file('deploy/asterisk/etc/sip.conf', 'sip');
  sip.l('[general]', 'context=public', 'allowguest=no', 'srvlookup=yes', 'udpbindaddr=0.0.0.0:5060');
  const regsec = h.sipSecret();
  sip.s(`register => 4158673201:${regsec}@sip.vonage-trunk.net/4158673201`, 'generic', regsec);
  sip.l('', '[vonage-trunk]', 'type=peer', 'host=sip.vonage-trunk.net', 'username=4158673201');
  sip.s(`secret=${regsec}`, 'generic', regsec);
  sip.l('insecure=port,invite', 'context=from-trunk', '', '[1001]', 'type=friend', 'host=dynamic');
  const s1001 = h.sipSecret();
  sip.s(`secret=${s1001}`, 'generic', s1001);
  sip.l('context=internal', '', '[1002]', 'type=friend', 'host=dynamic');
  sip.d(';secret=changeme', 'commented placeholder');
  sip.d(`md5secret=${h.md5()}`, 'md5 hash');
  sip.l('context=internal');

  const pj = repo.file('deploy/asterisk/etc/pjsip.conf', 'sip');
  pj.l(
    '[transport-udp]',
    'type=transport',
    'protocol=udp',
    'bind=0.0.0.0',
    '',
    '[telnyx-auth]',
    'type=auth',
    'auth_type=userpass',
  );
  pj.l('username=telco-core-pbx');
  const tnx = h.pw();
  pj.s(`password=${tnx}`, 'generic', tnx);
  pj.l('', '[telnyx-reg]', 'type=registration', 'outbound_auth=telnyx-auth', 'server_uri=sip:sip.telnyx.com');
  pj.d('client_uri=sip:telco-core-pbx@sip.telnyx.com', 'sip uri without password');
  pj.l('', '[2001]', 'type=auth', 'auth_type=userpass', 'username=2001');
  const p2001 = h.sipSecret();
  pj.s(`password = ${p2001}`, 'generic', p2001);
  pj.l('', '[2002]', 'type=auth', 'auth_type=userpass', 'username=2002');
  pj.d('password=', 'empty');
  pj.l('', '[2003]', 'type=auth', 'auth_type=md5', 'username=2003');
  pj.d(`md5_cred=${h.md5()}`, 'md5 credential hash');
  pj.d('realm=sip.telco-net.io', 'realm');

  const mgr = repo.file('deploy/asterisk/etc/manager.conf', 'sip');
  mgr.l('[general]', 'enabled = yes', 'port = 5038', 'bindaddr = 127.0.0.1', '', '[noc-admin]');
  const ami = h.pw();
  mgr.s(`secret = ${ami}`, 'generic', ami);
  mgr.l('deny=0.0.0.0/0.0.0.0', 'permit=10.20.0.0/255.255.0.0', 'read = system,call,log', 'write = system,call', '');
  mgr.l(';[mark]');
  mgr.d(';secret = mysecret', 'sample file default, commented');

  const ari = repo.file('deploy/asterisk/etc/ari.conf', 'sip');
  ari.l('[general]', 'enabled = yes', 'pretty = yes', '', '[ivr-app]', 'type = user', 'read_only = no');
  const aripw = h.pw();
  ari.s(`password = ${aripw}`, 'generic', aripw);
  ari.l('', '[dashboard]', 'type = user', 'read_only = yes', 'password_format = crypt');
  ari.d(`password = $6$${t.alnum(16)}$${t.mixed(ALNUM + './', 86)}`, 'sha512-crypt hash');

  const odbc = repo.file('deploy/asterisk/etc/res_odbc.conf', 'sip');
  odbc.l('[asterisk-cdr]', 'enabled => yes', 'dsn => asterisk-cdr', 'username => cdrwriter');
  const odbcpw = h.pw();
  odbc.s(`password => ${odbcpw}`, 'generic', odbcpw);
  odbc.l('pre-connect => yes');

  const ext = repo.file('deploy/asterisk/etc/extensions.conf', 'sip');
  ext.l('[from-trunk]');
  ext.d(`exten => ${h.e164us().slice(1)},1,NoOp(DID inbound)`, 'did number');
  ext.d(' same => n,Dial(PJSIP/${EXTEN}@telnyx-endpoint,30)', 'dialplan variable');
  ext.l(' same => n,Hangup()', '', '[cdr-hook]');
  const curlpw = h.pwA();
  ext.s(`exten => h,1,Set(CURLOPT(userpwd)=cdrhook:${curlpw})`, 'generic', curlpw);
  ext.l(' same => n,Set(res=${CURL(https://mediation.core.telco-net.io/hook,uid=${UNIQUEID})})');
  ext.d(' same => n,Set(CURLOPT(userpwd)=${CDRHOOK_USER}:${CDRHOOK_PASS})', 'dialplan variables');

  // FreeSWITCH
  const vars = repo.file('deploy/freeswitch/conf/vars.xml', 'sip');
  vars.l('<include>');
  const fsdef = h.pwA();
  vars.s(`  <X-PRE-PROCESS cmd="set" data="default_password=${fsdef}"/>`, 'generic', fsdef);
  vars.d('  <X-PRE-PROCESS cmd="set" data="domain=$${local_ip_v4}"/>', 'variable');
  vars.d('  <X-PRE-PROCESS cmd="set" data="hold_music=local_stream://moh"/>', 'plain');
  vars.d('  <!-- default_password=1234 ships with vanilla; never leave it -->', 'comment about shipped default');
  vars.l('</include>');

  const dir = repo.file('deploy/freeswitch/conf/directory/default/1001.xml', 'sip');
  dir.l('<include>', '  <user id="1001">', '    <params>');
  const d1001 = h.sipSecret();
  dir.s(`      <param name="password" value="${d1001}"/>`, 'generic', d1001);
  dir.l('      <param name="vm-password" value="1001"/>', '    </params>', '    <variables>');
  dir.d('      <variable name="effective_caller_id_number" value="1001"/>', 'extension');
  dir.d(`      <variable name="outbound_caller_id_number" value="${h.e164us()}"/>`, 'e164 number');
  dir.l('    </variables>', '  </user>', '</include>');
  const dir2 = repo.file('deploy/freeswitch/conf/directory/default/1002.xml', 'sip');
  dir2.l('<include>', '  <user id="1002">', '    <params>');
  dir2.d('      <param name="password" value="$${default_password}"/>', 'variable reference');
  dir2.l('    </params>', '  </user>', '</include>');

  const gw = repo.file('deploy/freeswitch/conf/sip_profiles/external/telnyx.xml', 'sip');
  gw.l('<include>', '  <gateway name="telnyx">', '    <param name="username" value="telcocorefs"/>');
  const gwpw = h.pw();
  gw.s(`    <param name="password" value="${gwpw}"/>`, 'generic', gwpw);
  gw.d('    <param name="realm" value="sip.telnyx.com"/>', 'realm');
  gw.d('    <param name="register" value="true"/>', 'setting');
  gw.l('  </gateway>', '</include>');

  const esl = repo.file('deploy/freeswitch/conf/autoload_configs/event_socket.conf.xml', 'sip');
  esl.l('<configuration name="event_socket.conf" description="Socket Client">', '  <settings>');
  esl.d('    <param name="listen-ip" value="127.0.0.1"/>', 'ip');
  const eslpw = h.pwA();
  esl.s(`    <param name="password" value="${eslpw}"/>`, 'generic', eslpw);
  esl.l('  </settings>', '</configuration>');

  const xc = repo.file('deploy/freeswitch/conf/autoload_configs/xml_curl.conf.xml', 'sip');
  xc.l('<configuration name="xml_curl.conf">', '  <bindings>', '    <binding name="directory">');
  xc.d(
    '      <param name="gateway-url" value="https://prov.core.telco-net.io/fs/directory" bindings="directory"/>',
    'url',
  );
  const xcpw = h.pwA();
  xc.s(`      <param name="gateway-credentials" value="fsxml:${xcpw}"/>`, 'generic', xcpw);
  xc.d('      <param name="auth-scheme" value="basic"/>', 'setting');
  xc.l('    </binding>', '  </bindings>', '</configuration>');

  const fl = repo.file('deploy/freeswitch/scripts/cdr_push.lua', 'lua');
  fl.l('-- pushes a CDR summary after hangup', 'local api = freeswitch.API()');
  const fsdb = h.pw().replace(/'/g, '');
  fl.s(
    `local dbh = freeswitch.Dbh("pgsql://hostaddr=10.30.0.21 dbname=cdr user=fs_cdr password='${fsdb}' options='-c client_min_messages=NOTICE'")`,
    'database',
    fsdb,
  );
  const tk = h.telnyxKey();
  fl.s(`local TELNYX_API_KEY = "${tk}"`, 'telnyx', tk);
  fl.d('local uuid = session:get_uuid()', 'variable');
  fl.d('local pw = session:getVariable("sip_auth_password")', 'channel variable lookup');
  fl.l(
    'api:execute("curl", "https://api.telnyx.com/v2/calls/" .. uuid .. "/actions/hangup post content-type application/json")',
  );
}

// ---- FreeRADIUS and SNMP -----------------------------------------------------------------

function radiusSnmp(repo, t, h) {
  const cl = repo.file('deploy/freeradius/clients.conf', 'radius');
  cl.l('client localhost {', '\tipaddr = 127.0.0.1', '\tproto = *');
  cl.d('\tsecret = testing123', 'freeradius shipped localhost default');
  cl.l('\tnas_type = other', '}', '', 'client bng-ams-01 {', '\tipaddr = 10.50.1.1');
  const s1 = t.alnum(24);
  cl.s(`\tsecret = ${s1}`, 'generic', s1);
  cl.l('\tshortname = bng-ams-01', '\tnas_type = cisco', '}', '', 'client sbc-pool {', '\tipaddr = 10.20.0.0/24');
  const s2 = h.pw();
  cl.s(`\tsecret = "${s2}"`, 'generic', s2);
  cl.l('\trequire_message_authenticator = yes', '}', '', 'client wifi-ctrl {', '\tipv4addr = 10.60.0.5');
  const s3 = h.pwA();
  cl.s(`\tsecret=${s3}`, 'generic', s3);
  cl.l('}', '', 'client lab-nas {', '\tipaddr = 10.99.0.0/16');
  cl.d('\tsecret = ${LAB_RADIUS_SECRET}', 'env reference');
  cl.l('}');

  const us = repo.file('deploy/freeradius/mods-config/files/authorize', 'radius');
  us.l('# per-user entries for NOC staff and the monitoring probe', '');
  const u1 = h.pw();
  us.s(`noc-probe\tCleartext-Password := "${u1}"`, 'generic', u1);
  us.l('\tReply-Message := "probe ok",', '\tService-Type = Administrative-User', '');
  const u2 = h.pw();
  us.s(`jkowalski  Cleartext-Password := "${u2}", NAS-IP-Address == 10.50.1.1`, 'generic', u2);
  us.l('\tCisco-AVPair = "shell:priv-lvl=15"', '');
  us.d(`mdeluca\tCrypt-Password := "$6$${t.alnum(16)}$${t.mixed(ALNUM + './', 86)}"`, 'sha512-crypt hash');
  us.d('DEFAULT\tAuth-Type := Reject', 'rule');
  us.d('\tReply-Message = "Password has expired"', 'prose');

  const sql = repo.file('deploy/freeradius/mods-available/sql', 'radius');
  sql.l(
    'sql {',
    '\tdialect = "postgresql"',
    '\tdriver = "rlm_sql_${dialect}"',
    '\tserver = "10.30.0.21"',
    '\tlogin = "radius"',
  );
  const rsql = h.pw();
  sql.s(`\tpassword = "${rsql}"`, 'generic', rsql);
  sql.l('\tradius_db = "radius"', '}');

  const sd = repo.file('deploy/snmp/snmpd.conf', 'snmp');
  sd.l('sysLocation    AMS1 rack 14', 'sysContact     noc@telco-net.io', 'agentAddress  udp:161');
  sd.d('rocommunity public  localhost', 'default community, localhost only');
  const ro = h.community();
  sd.s(`rocommunity ${ro} 10.0.0.0/8`, 'generic', ro);
  const rw = h.community();
  sd.s(`rwcommunity ${rw} 10.10.5.20`, 'generic', rw);
  const v3a = h.pwA();
  const v3p = h.pwA();
  sd.s(`createUser nocv3 SHA-256 "${v3a}" AES "${v3p}"`, 'generic', v3a);
  sd.d('rouser nocv3 authpriv', 'user name');
  sd.d(`engineID 0x80001f8880${t.pick(HEX, 24)}`, 'engine id');
  sd.d('trap2sink 10.10.5.20 ${TRAP_COMMUNITY}', 'variable');

  const se = repo.file('deploy/snmp/snmp_exporter/snmp.yml', 'snmp');
  se.l('auths:', '  public_v2:');
  se.d('    community: public', 'default community');
  se.l('    version: 2', '  noc_v2:');
  const c2 = h.community();
  se.s(`    community: ${c2}`, 'generic', c2);
  se.l('    version: 2', '  noc_v3:', '    version: 3', '    username: prom-snmp', '    security_level: authPriv');
  const ea = h.pw();
  se.s(`    password: "${ea}"`, 'generic', ea);
  se.l('    auth_protocol: SHA256', '    priv_protocol: AES');
  const ep = h.pw();
  se.s(`    priv_password: "${ep}"`, 'generic', ep);

  const cs = repo.file('network/cisco/core-rtr-01.cfg', 'network');
  cs.l('hostname core-rtr-01', '!');
  cs.d(`enable secret 9 $9$${t.mixed(ALNUM + './', 14)}$${t.mixed(ALNUM + './', 43)}`, 'type 9 scrypt hash');
  cs.d(
    `username netops privilege 15 secret 9 $9$${t.mixed(ALNUM + './', 14)}$${t.mixed(ALNUM + './', 43)}`,
    'type 9 hash',
  );
  const cc = h.community();
  cs.s(`snmp-server community ${cc} RO 90`, 'generic', cc);
  const ca = h.pwA();
  const cp = h.pwA();
  cs.s(`snmp-server user nocv3 NOC-V3 v3 auth sha ${ca} priv aes 128 ${cp}`, 'generic', ca);
  cs.d('snmp-server host 10.10.5.20 version 3 priv nocv3', 'host');
  cs.l('!', 'tacacs server ise-01', ' address ipv4 10.10.7.5');
  const tac = h.pwA();
  cs.s(` key 0 ${tac}`, 'generic', tac);
  cs.l('!', 'line vty 0 4', ' transport input ssh', '!');

  const jn = repo.file('network/juniper/mx-edge-01.conf', 'network');
  jn.l('snmp {');
  const jc = h.community();
  jn.s(`    community ${jc} {`, 'generic', jc);
  jn.l(
    '        authorization read-only;',
    '    }',
    '}',
    'system {',
    '    login {',
    '        user netops {',
    '            authentication {',
  );
  jn.d(
    `                encrypted-password "$6$${t.alnum(8)}$${t.mixed(ALNUM + './', 86)}"; ## SECRET-DATA`,
    'crypt hash',
  );
  jn.l(
    '            }',
    '        }',
    '    }',
    '}',
    'snmp {',
    '    v3 {',
    '        usm {',
    '            local-engine {',
    '                user nocv3 {',
    '                    authentication-sha {',
  );
  jn.d(
    `                        authentication-key "$9$${t.mixed(ALNUM + './', 120)}"; ## SECRET-DATA`,
    'junos encrypted key',
  );
  jn.l('                    }', '                }', '            }', '        }', '    }', '}');
}

// ---- Kubernetes and Helm -----------------------------------------------------------------

function kube(repo, t, h) {
  const v = repo.file('deploy/helm/kamailio/values.yaml', 'k8s');
  v.l('replicaCount: 2', 'image:', '  repository: registry.telco-net.io/voice/kamailio');
  v.d(`  tag: "5.8.2-${t.sha1().slice(0, 8)}"`, 'image tag');
  v.l('database:', '  host: db-sip.core.telco-net.io', '  user: kamailio');
  v.d('  password: ""', 'empty');
  v.d('  existingSecret: kamailio-db', 'secret name');
  v.l('trunks:', '  telnyx:', '    username: telco-core-pbx');
  v.d('    password: "<set in values-prod.yaml>"', 'placeholder');
  v.l('twilio:');
  v.d('  accountSid: ACxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'placeholder sid');
  v.d('  authToken: your_auth_token', 'placeholder');

  const vp = repo.file('deploy/helm/kamailio/values-prod.yaml', 'k8s');
  vp.l('replicaCount: 4', 'database:');
  const dbp = h.pw();
  vp.s(`  password: "${dbp}"`, 'generic', dbp);
  vp.l('trunks:', '  telnyx:');
  const tp = h.pw();
  vp.s(`    password: '${tp}'`, 'generic', tp);
  const tk = h.telnyxKey();
  vp.s(`    apiKey: ${tk}`, 'telnyx', tk);
  vp.l('twilio:');
  const sid = t.twilioSid();
  vp.d(`  accountSid: ${sid}`, 'twilio account sid (identifier)');
  const tok = t.twilioToken();
  vp.s(`  authToken: ${tok}`, 'twilio', tok);
  vp.l('rtpengine:', '  ngControl: udp:10.20.0.30:22222');

  const tpl = repo.file('deploy/helm/kamailio/templates/secret.yaml', 'k8s');
  tpl.l('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: {{ include "kamailio.fullname" . }}', 'stringData:');
  tpl.d('  DB_PASSWORD: {{ .Values.database.password | quote }}', 'helm template');
  tpl.d('  TELNYX_API_KEY: {{ required "telnyx key" .Values.trunks.telnyx.apiKey | quote }}', 'helm template');
  tpl.d('  TWILIO_AUTH_TOKEN: {{ .Values.twilio.authToken | b64enc }}', 'helm template');

  const sm = repo.file('deploy/k8s/messaging/secret-smpp.yaml', 'k8s');
  sm.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: smpp-binds',
    '  namespace: messaging',
    'type: Opaque',
    'data:',
  );
  const smpp = t.alnum(8);
  sm.s(`  SMPP_PASSWORD: ${Buffer.from(smpp).toString('base64')}`, 'generic', smpp);
  const mb = h.mbKey();
  sm.s(`  MESSAGEBIRD_ACCESS_KEY: ${Buffer.from(mb).toString('base64')}`, 'messagebird', mb);
  sm.d(`  SMPP_SYSTEM_ID: ${Buffer.from('telco01').toString('base64')}`, 'base64 of a username');
  sm.l('stringData:');
  const sinch = h.sinchToken();
  sm.s(`  SINCH_API_TOKEN: "${sinch}"`, 'sinch', sinch);
  sm.d(`  SINCH_SERVICE_PLAN_ID: "${h.sinchPlan()}"`, 'sinch service plan id (identifier)');

  const cm = repo.file('deploy/k8s/messaging/configmap.yaml', 'k8s');
  cm.l('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: sms-router', 'data:');
  cm.d('  SMSC_HOST: smsc01.partner-sms.net', 'host');
  cm.d(`  DEFAULT_SENDER: "${'+4420' + t.digits(8)}"`, 'e164 sender');
  cm.d('  SMPP_PASSWORD_FILE: /var/run/secrets/smpp/password', 'file path');
  const slack = h.slackApp();
  cm.s(`  SLACK_APP_TOKEN: ${slack}`, 'slack', slack);
  cm.d(`  TRACE_SAMPLE_ID: "${t.uuid()}"`, 'uuid');

  const dp = repo.file('deploy/k8s/webrtc/deployment.yaml', 'k8s');
  dp.l(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: webrtc-gw',
    'spec:',
    '  template:',
    '    spec:',
  );
  dp.l('      containers:', '        - name: janus');
  dp.d(`          image: registry.telco-net.io/voice/janus@sha256:${t.sha256()}`, 'image digest');
  dp.l('          env:', '            - name: TURN_STATIC_SECRET');
  const turn = t.hex(32);
  dp.s(`              value: "${turn}"`, 'generic', turn);
  dp.l('            - name: JANUS_ADMIN_SECRET', '              valueFrom:', '                secretKeyRef:');
  dp.d('                  name: janus-admin', 'secret name');
  dp.d('                  key: admin_secret', 'secret key');
  dp.l('            - name: JANUS_API_SECRET');
  const jan = t.alnum(24);
  dp.s(`              value: ${jan}`, 'generic', jan);

  const am = repo.file('deploy/k8s/monitoring/alertmanager.yaml', 'k8s');
  am.l('global:');
  const hook = t.slackWebhook();
  am.s(`  slack_api_url: '${hook}'`, 'slack', hook);
  am.l('receivers:', '  - name: voice-oncall', '    pagerduty_configs:');
  const rk = h.pdRouting();
  am.s(`      - routing_key: ${rk}`, 'pagerduty', rk);
  am.l('        severity: critical', '  - name: noc-low', '    pagerduty_configs:');
  am.d('      - routing_key_file: /etc/alertmanager/secrets/pd-noc', 'file reference');
  am.l('  - name: slack-noc', '    slack_configs:', '      - channel: "#noc-alerts"');
  am.d('        api_url_file: /etc/alertmanager/secrets/slack-noc', 'file reference');

  const gd = repo.file('deploy/k8s/monitoring/grafana-datasources.yaml', 'k8s');
  gd.l(
    'apiVersion: 1',
    'datasources:',
    '  - name: Homer',
    '    type: postgres',
    '    url: homer-db.monitoring:5432',
    '    user: homer_ro',
  );
  gd.l('    secureJsonData:');
  const hp = h.pw();
  gd.s(`      password: "${hp}"`, 'generic', hp);
  gd.l(
    '  - name: Mimir',
    '    type: prometheus',
    '    url: https://mimir.core.telco-net.io/prometheus',
    '    basicAuth: true',
    '    basicAuthUser: grafana',
  );
  gd.l('    secureJsonData:');
  const ba = h.pwA();
  gd.s(`      basicAuthPassword: ${ba}`, 'generic', ba);
  gd.l('  - name: Loki', '    type: loki', '    secureJsonData:');
  gd.d('      basicAuthPassword: $LOKI_PASSWORD', 'env reference');

  const rc = repo.file('deploy/k8s/registry/regcred.yaml', 'k8s');
  const rpw = h.pw();
  const cfg = Buffer.from(
    JSON.stringify({
      auths: {
        'registry.telco-net.io': {
          username: 'k8s-puller',
          password: rpw,
          auth: Buffer.from(`k8s-puller:${rpw}`).toString('base64'),
        },
      },
    }),
  ).toString('base64');
  rc.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: regcred',
    '  namespace: voice',
    'type: kubernetes.io/dockerconfigjson',
    'data:',
  );
  rc.s(`  .dockerconfigjson: ${cfg}`, 'generic', rpw);

  const ss = repo.file('deploy/k8s/sealed/sip-trunk-sealed.yaml', 'k8s');
  ss.l(
    'apiVersion: bitnami.com/v1alpha1',
    'kind: SealedSecret',
    'metadata:',
    '  name: sip-trunks',
    'spec:',
    '  encryptedData:',
  );
  ss.d(`    TELNYX_PASSWORD: AgB${h.b64(540)}==`, 'sealed value');
  ss.d(`    BANDWIDTH_PASSWORD: AgA${h.b64(540)}==`, 'sealed value');

  const es = repo.file('deploy/k8s/messaging/external-secret.yaml', 'k8s');
  es.l(
    'apiVersion: external-secrets.io/v1beta1',
    'kind: ExternalSecret',
    'metadata:',
    '  name: twilio',
    'spec:',
    '  data:',
  );
  es.l('    - secretKey: TWILIO_AUTH_TOKEN', '      remoteRef:');
  es.d('        key: secret/data/voice/twilio', 'vault path');
  es.d('        property: auth_token', 'property name');
}

// ---- Ansible -----------------------------------------------------------------------------

function ansible(repo, t, h) {
  const inv = repo.file('deploy/ansible/inventories/prod/hosts.ini', 'ansible');
  inv.l('[sbc]');
  const ap = h.pwA();
  inv.s(`sbc-ams-01 ansible_host=10.20.0.21 ansible_user=ops ansible_password=${ap}`, 'generic', ap);
  inv.d(
    'sbc-ams-02 ansible_host=10.20.0.22 ansible_user=ops ansible_password="{{ vault_sbc_password }}"',
    'vault reference',
  );
  inv.l('', '[asterisk]', 'pbx-01 ansible_host=10.21.0.11', '', '[asterisk:vars]', 'ansible_user=deploy');
  const bp = h.pw();
  inv.s(`ansible_become_pass='${bp}'`, 'generic', bp);
  inv.l('', '[network:vars]', 'ansible_connection=ansible.netcommon.network_cli', 'ansible_network_os=cisco.ios.ios');
  const en = h.pwA();
  inv.s(`ansible_become_password=${en}`, 'generic', en);

  const gv = repo.file('deploy/ansible/inventories/prod/group_vars/sbc.yml', 'ansible');
  gv.l('---', 'sbc_radius_servers:', '  - host: 10.40.0.11');
  const rs = h.pwA();
  gv.s(`    secret: ${rs}`, 'generic', rs);
  gv.l('snmp_v3:', '  user: nocv3');
  const aa = h.pw();
  gv.s(`  auth_pass: "${aa}"`, 'generic', aa);
  const pp = h.pw();
  gv.s(`  priv_pass: "${pp}"`, 'generic', pp);
  gv.d('snmp_community: "{{ vault_snmp_community }}"', 'vault reference');
  gv.d(
    "sbc_admin_password: \"{{ lookup('community.hashi_vault.hashi_vault', 'secret=voice/data/sbc:admin') }}\"",
    'vault lookup',
  );

  const vlt = repo.file('deploy/ansible/inventories/prod/group_vars/all/vault.yml', 'ansible');
  vlt.l('$ANSIBLE_VAULT;1.1;AES256');
  for (let i = 0; i < 5; i++) vlt.d(t.pick(HEX, 80), 'ansible vault ciphertext');

  const def = repo.file('deploy/ansible/roles/asterisk/defaults/main.yml', 'ansible');
  def.l('---', 'asterisk_version: "20.9.2"');
  def.d('asterisk_ami_secret: changeme', 'placeholder');
  def.d('asterisk_ari_password: "CHANGE_ME"', 'placeholder');
  def.l('asterisk_odbc_user: cdrwriter');
  const odbc = h.pw();
  def.s(`asterisk_odbc_password: "${odbc}"`, 'generic', odbc);

  const j2 = repo.file('deploy/ansible/roles/asterisk/templates/pjsip.conf.j2', 'ansible');
  j2.l('{% for ext in asterisk_extensions %}', '[{{ ext.number }}]', 'type=auth', 'auth_type=userpass');
  j2.d('password={{ ext.password }}', 'jinja reference');
  j2.l('username={{ ext.number }}', '{% endfor %}');

  const hv = repo.file('deploy/ansible/inventories/prod/host_vars/pbx-01.yml', 'ansible');
  hv.l('asterisk_extensions:', '  - number: 3001');
  const e1 = h.sipSecret();
  hv.s(`    password: ${e1}`, 'generic', e1);
  hv.l('  - number: 3002');
  const e2 = h.sipSecret();
  hv.s(`    password: "${e2}"`, 'generic', e2);
  hv.l('  - number: 3003');
  hv.d('    password: !vault |', 'vault tag');
  hv.d(
    `          $ANSIBLE_VAULT;1.1;AES256\n          ${t.pick(HEX, 64)}\n          ${t.pick(HEX, 64)}`,
    'inline vault',
  );
}

// ---- OpenStack, Terraform ----------------------------------------------------------------

function openstack(repo, t, h) {
  const p = repo.file('infra/terraform/openstack/provider.tf', 'terraform');
  p.l(
    'terraform {',
    '  required_providers {',
    '    openstack = {',
    '      source  = "terraform-provider-openstack/openstack"',
    '      version = "~> 2.1"',
    '    }',
  );
  p.l(
    '    pagerduty = { source = "PagerDuty/pagerduty" }',
    '  }',
    '}',
    '',
    'provider "openstack" {',
    '  user_name   = "tf-voice"',
    '  tenant_name = "voice-prod"',
  );
  const osp = h.pw();
  p.s(`  password    = "${osp}"`, 'generic', osp);
  p.d('  auth_url    = "https://keystone.dc1.telco-net.io:5000/v3"', 'url');
  p.l(
    '  region      = "dc1"',
    '}',
    '',
    'provider "openstack" {',
    '  alias = "dc2"',
    '  cloud = "dc2-voice"',
    '}',
    '',
    'provider "pagerduty" {',
  );
  p.d('  token = var.pagerduty_token', 'variable reference');
  p.l('}', '', 'resource "openstack_compute_instance_v2" "sbc" {', '  name        = "sbc-ams-03"');
  p.d(`  image_id    = "${t.uuid()}"`, 'uuid id');
  p.d('  key_pair    = "ops-ed25519"', 'key pair name');
  p.l('  user_data = <<-EOT', '    #cloud-config', '    chpasswd:', '      list: |');
  const ud = h.pwA();
  p.s(`        ops:${ud}`, 'generic', ud);
  p.l('      expire: false', '  EOT', '}');

  const tv = repo.file('infra/terraform/openstack/terraform.tfvars', 'terraform');
  tv.l('region = "dc1"');
  const pd = h.pdApi();
  tv.s(`pagerduty_token = "${pd}"`, 'pagerduty', pd);
  const gc = h.grafanaCloud();
  tv.s(`grafana_cloud_token = "${gc}"`, 'grafana', gc);
  tv.d('os_password = ""', 'empty');
  tv.d(`external_network_id = "${t.uuid()}"`, 'uuid');

  const cy = repo.file('infra/openstack/clouds.yaml', 'openstack');
  cy.l(
    'clouds:',
    '  dc1-voice:',
    '    auth:',
    '      auth_url: https://keystone.dc1.telco-net.io:5000/v3',
    '      username: tf-voice',
  );
  const cp = h.pw();
  cy.s(`      password: "${cp}"`, 'generic', cp);
  cy.d(`      project_id: ${t.pick(HEX, 32)}`, 'project id');
  cy.l(
    '      user_domain_name: Default',
    '    region_name: dc1',
    '    interface: public',
    '    identity_api_version: 3',
  );
  cy.l(
    '  dc2-voice:',
    '    auth_type: v3applicationcredential',
    '    auth:',
    '      auth_url: https://keystone.dc2.telco-net.io:5000/v3',
  );
  cy.d(`      application_credential_id: ${t.pick(HEX, 32)}`, 'credential id');
  const acs = t.mixed(URLSAFE, 86);
  cy.s(`      application_credential_secret: ${acs}`, 'generic', acs);
  cy.l('  lab:', '    auth:', '      auth_url: https://keystone.lab.telco-net.io:5000/v3');
  cy.d('      password: <lab password from 1password>', 'placeholder');

  const rc = repo.file('infra/openstack/voice-prod-openrc.sh', 'openstack');
  rc.l(
    '#!/usr/bin/env bash',
    'export OS_AUTH_URL=https://keystone.dc1.telco-net.io:5000/v3',
    'export OS_PROJECT_NAME="voice-prod"',
    'export OS_USERNAME="noc-automation"',
  );
  const orc = h.pw();
  rc.s(`export OS_PASSWORD='${orc}'`, 'generic', orc);
  rc.d('# export OS_PASSWORD=$OS_PASSWORD_INPUT', 'commented reference');
  rc.d('echo "Please enter your OpenStack Password for project $OS_PROJECT_NAME as user $OS_USERNAME: "', 'prompt');
  rc.d('read -sr OS_PASSWORD_INPUT', 'read');

  const aws = repo.file('infra/terraform/aws/main.tf', 'terraform');
  aws.l('# DR copy of CDRs and the SMS archive', 'provider "aws" {', '  region     = "eu-west-1"');
  const ak = t.awsId();
  const as = t.awsSecret();
  aws.s(`  access_key = "${ak}"`, 'aws', ak);
  aws.s(`  secret_key = "${as}"`, 'aws', as);
  aws.l('}', '', 'resource "aws_s3_bucket" "cdr_archive" {', '  bucket = "telco-net-cdr-archive"', '}');
  aws.d('# arn:aws:iam::123456789012:role/cdr-archive-writer', 'arn');
}

// ---- GitLab CI, Docker -------------------------------------------------------------------

function ciDocker(repo, t, h) {
  const gl = repo.file('.gitlab-ci.yml', 'ci');
  gl.l('stages: [build, test, deploy]', '', 'variables:', '  DOCKER_DRIVER: overlay2');
  gl.d('  REGISTRY_PASSWORD: $CI_REGISTRY_PASSWORD', 'variable reference');
  const regpw = h.pw();
  gl.s(`  HARBOR_ROBOT_SECRET: "${regpw}"`, 'generic', regpw);
  const hook = t.slackWebhook();
  gl.s(`  SLACK_DEPLOY_WEBHOOK: ${hook}`, 'slack', hook);
  gl.l('', 'build:kamailio:', '  stage: build', '  script:');
  gl.d('    - docker login -u "$CI_REGISTRY_USER" -p "$CI_REGISTRY_PASSWORD" "$CI_REGISTRY"', 'variables');
  const dp = h.dockerPat();
  gl.s(`    - echo "${dp}" | docker login -u telcobuild --password-stdin`, 'docker', dp);
  gl.l('    - docker build -t registry.telco-net.io/voice/kamailio:$CI_COMMIT_SHORT_SHA .');
  gl.l('', 'deploy:prod:', '  stage: deploy', '  script:');
  const gdt = h.glDeploy();
  gl.s(
    `    - helm repo add voice https://gitlab.telco-net.io/api/v4/projects/112/packages/helm/stable --username deploy --password ${gdt}`,
    'gitlab',
    gdt,
  );
  const glp = t.gitlab();
  gl.s(
    `    - 'curl --header "PRIVATE-TOKEN: ${glp}" "https://gitlab.telco-net.io/api/v4/projects/112/pipelines"'`,
    'gitlab',
    glp,
  );
  gl.d('    - curl --header "JOB-TOKEN: $CI_JOB_TOKEN" "$CI_API_V4_URL/projects/112/packages"', 'variable');

  const rn = repo.file('deploy/gitlab-runner/config.toml', 'ci');
  rn.l('concurrent = 4', '', '[[runners]]', '  name = "k8s-voice-runner"', '  url = "https://gitlab.telco-net.io"');
  rn.d(`  id = ${t.digits(4)}`, 'runner id');
  const rt = h.glRunner();
  rn.s(`  token = "${rt}"`, 'gitlab', rt);
  rn.l(
    '  executor = "kubernetes"',
    '  [runners.cache]',
    '    Type = "s3"',
    '    [runners.cache.s3]',
    '      ServerAddress = "s3.dc1.telco-net.io"',
    '      AccessKey = "gitlab-cache"',
  );
  const s3 = t.alnum(40);
  rn.s(`      SecretKey = "${s3}"`, 'generic', s3);

  const df = repo.file('services/oss-api/Dockerfile', 'docker');
  df.l(`FROM golang:1.22-alpine@sha256:${t.sha256()} AS build`, 'WORKDIR /src');
  df.d('ARG GOPRIVATE=gitlab.telco-net.io', 'arg');
  const gt = t.gitlab();
  df.s(
    `RUN git config --global url."https://oauth2:${gt}@gitlab.telco-net.io/".insteadOf "https://gitlab.telco-net.io/"`,
    'gitlab',
    gt,
  );
  df.l('COPY . .', 'RUN go build -o /out/oss-api ./cmd/oss-api', 'FROM gcr.io/distroless/static');
  const pid = h.plivoId();
  const ptok = h.plivoToken();
  df.d(`ENV PLIVO_AUTH_ID=${pid}`, 'plivo auth id (identifier)');
  df.s(`ENV PLIVO_AUTH_TOKEN=${ptok}`, 'plivo', ptok);
  df.d('ENV TWILIO_AUTH_TOKEN=""', 'empty');
  df.l('COPY --from=build /out/oss-api /oss-api', 'ENTRYPOINT ["/oss-api"]');

  const dc = repo.file('deploy/compose/docker-compose.yml', 'docker');
  dc.l('services:', '  mysql:', '    image: mysql:8.4', '    environment:');
  const root = h.pw();
  dc.s(`      MYSQL_ROOT_PASSWORD: "${root}"`, 'generic', root);
  dc.l('      MYSQL_USER: kamailio');
  const kpw = h.pw();
  dc.s(`      MYSQL_PASSWORD: ${kpw}`, 'generic', kpw);
  dc.l('  kamailio:', '    image: registry.telco-net.io/voice/kamailio:5.8', '    environment:');
  dc.d('      - DB_PASSWORD=${MYSQL_PASSWORD}', 'env interpolation');
  dc.d('      - SIP_DOMAIN=sip.telco-net.io', 'plain');
  dc.l('  homer:', '    image: sipcapture/webapp:latest', '    environment:');
  const hpw = h.pwA();
  dc.s(`      - DB_PASS=${hpw}`, 'generic', hpw);
  dc.l('  heplify-server:', '    image: sipcapture/heplify-server', '    environment:');
  dc.s(`      - "HEPLIFYSERVER_DBPASS=${hpw}"`, 'generic', hpw);
  dc.d('      - "HEPLIFYSERVER_DBUSER=root"', 'user');
  dc.l('  grafana:', '    image: grafana/grafana:11.1.0', '    environment:');
  dc.d('      GF_SECURITY_ADMIN_PASSWORD__FILE: /run/secrets/grafana_admin', 'file reference');

  const env = repo.file('deploy/compose/.env', 'env');
  env.l('COMPOSE_PROJECT_NAME=voice-lab');
  const mp = h.pw();
  env.s(`MYSQL_PASSWORD=${mp}`, 'generic', mp);
  const bw = h.pwA();
  env.s(`BANDWIDTH_PASSWORD=${bw}`, 'generic', bw);
  env.d('BANDWIDTH_USERNAME=telco-api', 'username');
  env.d(`BANDWIDTH_ACCOUNT_ID=${t.digits(7)}`, 'account id');
  env.d(`BANDWIDTH_VOICE_APPLICATION_ID=${t.uuid()}`, 'application id');
  env.d('SIP_TRUNK_PASSWORD=', 'empty');

  const dj = repo.file('.docker/config.json', 'docker');
  const dpw = h.pwA();
  dj.l('{', '  "auths": {', '    "registry.telco-net.io": {');
  dj.s(`      "auth": "${Buffer.from(`ci-push:${dpw}`).toString('base64')}"`, 'generic', dpw);
  dj.l('    },', '    "https://index.docker.io/v1/": {');
  const pat = h.dockerPat();
  dj.s(`      "auth": "${Buffer.from(`telcobuild:${pat}`).toString('base64')}"`, 'docker', pat);
  dj.l('    }', '  },');
  dj.d('  "credHelpers": { "123456789012.dkr.ecr.eu-west-1.amazonaws.com": "ecr-login" }', 'credential helper');
  dj.l('}');
}

// ---- Jupyter notebook --------------------------------------------------------------------

function notebook(repo, t, h) {
  const nb = repo.file('analysis/notebooks/traffic-analysis.ipynb', 'notebook');
  const sid = t.twilioSid();
  const tok = t.twilioToken();
  const dbpw = h.pwA();
  const pid = h.plivoId();
  const ptok = h.plivoToken();
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
    '    "import pandas as pd\\n",',
    '    "from sqlalchemy import create_engine\\n",',
    '    "from twilio.rest import Client\\n",',
  );
  nb.d(`    ${JSON.stringify(`ACCOUNT_SID = "${sid}"\n`)},`, 'twilio account sid');
  nb.s(`    ${JSON.stringify(`AUTH_TOKEN = "${tok}"\n`)},`, 'twilio', tok);
  nb.s(
    `    ${JSON.stringify(`cdr = create_engine("postgresql://analyst:${dbpw}@cdr-replica.core.telco-net.io:5432/cdr")\n`)},`,
    'database',
    dbpw,
  );
  nb.d(`    ${JSON.stringify('client = Client(ACCOUNT_SID, AUTH_TOKEN)')}`, 'variable references');
  nb.l(
    '   ]',
    '  },',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 2,',
    '   "metadata": {},',
    '   "outputs": [',
    '    {',
  );
  nb.l('     "name": "stdout",', '     "output_type": "stream",', '     "text": [');
  nb.l('      "loaded plivo settings\\n",');
  nb.s(`      ${JSON.stringify(`{'auth_id': '${pid}', 'auth_token': '${ptok}', 'region': 'us'}\n`)}`, 'plivo', ptok);
  nb.l('     ]', '    }', '   ],', '   "source": [');
  nb.d(`    ${JSON.stringify('cfg = load_settings("plivo")\n')},`, 'function call');
  nb.l('    "print(\\"loaded plivo settings\\")\\n",', '    "print(cfg)"', '   ]', '  },');
  nb.l(
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 3,',
    '   "metadata": {},',
    '   "outputs": [',
    '    {',
    '     "data": {',
    '      "text/plain": [',
  );
  nb.l('       "   caller           callee          duration  disposition\\n",');
  for (let i = 0; i < 3; i++)
    nb.d(`       "${i}  ${h.e164us()}  ${h.e164us()}  ${t.digits(3)}       ANSWERED\\n",`, 'e164 numbers in output');
  nb.l(
    '       "3  +14155550100  +14155550199  0         NO ANSWER"',
    '      ]',
    '     },',
    '     "execution_count": 3,',
    '     "metadata": {},',
    '     "output_type": "execute_result"',
    '    }',
    '   ],',
  );
  nb.l(
    '   "source": [',
    '    "df = pd.read_sql(\\"select caller, callee, duration, disposition from cdr limit 4\\", cdr)\\n",',
    '    "df"',
    '   ]',
    '  }',
    ' ],',
  );
  nb.l(
    ' "metadata": {',
    '  "kernelspec": { "display_name": "Python 3", "language": "python", "name": "python3" }',
    ' },',
    ' "nbformat": 4,',
    ' "nbformat_minor": 5',
    '}',
  );
}

// ---- logs --------------------------------------------------------------------------------

function logs(repo, t, h) {
  const sg = repo.file('logs/sip/sngrep-register-2026-03-14.txt', 'logs');
  const cid = h.callId();
  const br1 = h.branch();
  const ft = h.tag();
  const n = h.nonce();
  sg.l('2026/03/14 09:41:02.118301 10.20.5.77:5060 -> 10.20.0.10:5060', 'REGISTER sip:sip.telco-net.io SIP/2.0');
  sg.d(`Via: SIP/2.0/UDP 10.20.5.77:5060;branch=${br1};rport`, 'via branch');
  sg.d(`From: <sip:2001@sip.telco-net.io>;tag=${ft}`, 'from tag');
  sg.l('To: <sip:2001@sip.telco-net.io>');
  sg.d(`Call-ID: ${cid}`, 'call-id');
  sg.l('CSeq: 1 REGISTER', 'Contact: <sip:2001@10.20.5.77:5060>', 'Expires: 3600', 'Content-Length: 0', '');
  sg.l('2026/03/14 09:41:02.119020 10.20.0.10:5060 -> 10.20.5.77:5060', 'SIP/2.0 401 Unauthorized');
  sg.d(`WWW-Authenticate: Digest realm="sip.telco-net.io", nonce="${n}", qop="auth"`, 'digest nonce');
  sg.l('');
  sg.l('2026/03/14 09:41:02.140551 10.20.5.77:5060 -> 10.20.0.10:5060', 'REGISTER sip:sip.telco-net.io SIP/2.0');
  sg.d(`Via: SIP/2.0/UDP 10.20.5.77:5060;branch=${h.branch()};rport`, 'via branch');
  sg.d(`Call-ID: ${cid}`, 'call-id');
  sg.l('CSeq: 2 REGISTER');
  sg.d(
    `Authorization: Digest username="2001", realm="sip.telco-net.io", nonce="${n}", uri="sip:sip.telco-net.io", response="${h.md5()}", algorithm=MD5, cnonce="${t.pick(HEX, 16)}", qop=auth, nc=00000001`,
    'digest response',
  );
  sg.l('Content-Length: 0', '');
  sg.l(
    '2026/03/14 09:41:05.220011 10.20.0.10:5060 -> 192.76.120.10:5060',
    'INVITE sip:+12125550143@sip.telnyx.com SIP/2.0',
  );
  sg.d(
    `Proxy-Authorization: Digest username="telco-core-pbx", realm="sip.telnyx.com", nonce="${b64url(t, 40)}", uri="sip:+12125550143@sip.telnyx.com", response="${h.md5()}", algorithm=MD5`,
    'digest response',
  );
  sg.d(`P-Asserted-Identity: <sip:${h.e164us()}@sip.telco-net.io>`, 'e164');
  sg.d(`X-Telco-Sig: ${t.pick(HEX, 64)}`, 'hmac signature');

  const kl = repo.file('logs/kamailio/kamailio-2026-03-14.log', 'logs');
  kl.l(
    'Mar 14 09:40:00 sbc-ams-01 kamailio[2211]: INFO: <core> [main.c:2890]: main(): processes (at least): 41 - shm size: 268435456',
  );
  kl.d(
    `Mar 14 09:41:02 sbc-ams-01 kamailio[2219]: NOTICE: <script>: REGISTER from sip:2001@sip.telco-net.io ci=${cid}`,
    'call-id',
  );
  const up = h.sipSecret();
  kl.s(
    `Mar 14 09:41:10 sbc-ams-01 kamailio[2219]: DEBUG: uac [uac_reg.c:1288]: reg_ht_add(): adding trunk l_uuid=bw-trunk-01 auth_username=telco-core auth_password=${up}`,
    'generic',
    up,
  );
  kl.d(
    `Mar 14 09:41:11 sbc-ams-01 kamailio[2219]: ERROR: auth_db [authorize.c:110]: auth failed for user 2001 nonce=${h.nonce()}`,
    'nonce',
  );
  kl.d(
    'Mar 14 09:41:12 sbc-ams-01 kamailio[2219]: WARNING: <script>: auth password mismatch for 2004@sip.telco-net.io',
    'prose',
  );

  const sy = repo.file('logs/syslog/noc-01.syslog', 'logs');
  sy.d(
    `Mar 14 02:00:01 noc-01 sshd[9912]: Accepted publickey for ops from 10.10.5.9 port 51022 ssh2: ED25519 SHA256:${h.b64(43)}`,
    'ssh key fingerprint',
  );
  const sudopw = h.pwA();
  sy.s(
    `Mar 14 02:00:07 noc-01 sudo:      ops : TTY=pts/1 ; PWD=/home/ops ; USER=root ; COMMAND=/usr/bin/mysql -u root -p${sudopw} kamailio`,
    'generic',
    sudopw,
  );
  sy.d('Mar 14 02:00:09 noc-01 snmpd[811]: Connection from UDP: [10.10.5.20]:40122->[10.10.5.9]:161', 'snmp log');
  sy.d('Mar 14 02:00:10 noc-01 snmpd[811]: Authentication failure (incorrect password, community or key)', 'prose');
  const rp = h.pwA();
  sy.s(
    `Mar 14 02:10:44 noc-01 provision[4410]: POST https://prov:${rp}@prov.core.telco-net.io/api/v1/subscribers -> 201`,
    'generic',
    rp,
  );
  sy.d(
    'Mar 14 02:10:45 noc-01 provision[4410]: POST https://prov:****@prov.core.telco-net.io/api/v1/subscribers -> 201',
    'masked',
  );

  const cdr = repo.file('logs/cdr/Master-2026-03-14.csv', 'logs');
  cdr.l(
    '"accountcode","src","dst","dcontext","clid","channel","dstchannel","lastapp","start","answer","end","duration","billsec","disposition","amaflags","uniqueid"',
  );
  for (let i = 0; i < 4; i++) {
    const src = h.e164us();
    cdr.d(
      `"ent-${t.digits(5)}","${src}","${h.e164uk()}","from-internal","""Acme"" <${src}>","PJSIP/2001-0000${t.pick(HEX, 4)}","PJSIP/telnyx-0000${t.pick(HEX, 4)}","Dial","2026-03-14 09:4${i}:05","2026-03-14 09:4${i}:09","2026-03-14 09:4${i}:58","53","49","ANSWERED","DOCUMENTATION","17104${t.digits(5)}.${t.digits(3)}"`,
      'cdr row',
    );
  }

  const wh = repo.file('logs/provisioning/carrier-webhooks-debug.log', 'logs');
  wh.d(
    `2026-03-14T10:02:11Z DEBUG inbound POST /hooks/twilio/sms X-Twilio-Signature=${h.b64(27)}= From=${h.e164us()} MessageSid=SM${t.pick(HEX, 32)}`,
    'webhook signature and message sid',
  );
  const bw = h.pwA();
  wh.s(
    `2026-03-14T10:02:12Z DEBUG outbound POST https://messaging.bandwidth.com/api/v2/users/${t.digits(7)}/messages headers={'Authorization': 'Basic ${Buffer.from(`telco-api:${bw}`).toString('base64')}'}`,
    'generic',
    bw,
  );
  wh.d("2026-03-14T10:02:13Z DEBUG outbound headers={'Authorization': 'Basic ***'}", 'masked');
  const mbk = t.alnum(25);
  wh.s(`2026-03-14T10:02:15Z DEBUG messagebird: POST /messages Authorization: AccessKey ${mbk}`, 'messagebird', mbk);
}

function crc32(str) {
  let c = ~0;
  for (const byte of Buffer.from(str)) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function b64url(t, n) {
  return t.mixed(URLSAFE, n);
}

// ---- Go OSS/BSS ----------------------------------------------------------------------------

function goCode(repo, t, h) {
  const cfg = repo.file('services/oss-api/internal/config/config.go', 'go');
  cfg.l('package config', '', 'import "os"', '', 'type DB struct{ Host, User, Password, Name string }', '');
  cfg.l('var Prod = DB{', '\tHost: "db-oss.core.telco-net.io",', '\tUser: "oss_api",');
  const dbpw = h.pw();
  cfg.s(`\tPassword: "${dbpw}",`, 'generic', dbpw);
  cfg.l('\tName: "oss",', '}', '', 'type Carriers struct {', '\tTelnyxAPIKey string', '\tPagerDutyKey string', '}', '');
  const tk = h.telnyxKey();
  cfg.s(`var carriers = Carriers{TelnyxAPIKey: "${tk}"}`, 'telnyx', tk);
  cfg.d('var staging = DB{Host: "localhost", User: "oss", Password: os.Getenv("OSS_DB_PASSWORD")}', 'env lookup');

  const bw = repo.file('services/bss-billing-api/internal/carriers/bandwidth.go', 'go');
  bw.l('package carriers', '', 'import "net/http"', '');
  bw.d(`const bandwidthAccountID = "${t.digits(7)}"`, 'account id');
  bw.l('func (c *Client) do(req *http.Request) (*http.Response, error) {');
  const bpw = h.pwA();
  bw.s(`\treq.SetBasicAuth("telco-billing-api", "${bpw}")`, 'generic', bpw);
  bw.l('\treturn c.http.Do(req)', '}');

  const pd = repo.file('services/oss-api/internal/notify/pagerduty.go', 'go');
  pd.l('package notify', '', 'import "github.com/PagerDuty/go-pagerduty"', '');
  const rk = h.pdRouting();
  pd.s(`const voiceRoutingKey = "${rk}"`, 'pagerduty', rk);
  const ut = h.pdUser();
  pd.s(`var pdClient = pagerduty.NewClient("${ut}")`, 'pagerduty', ut);
  pd.d('var routingKeyNOC = os.Getenv("PD_ROUTING_KEY_NOC")', 'env lookup');
  pd.d(`const serviceID = "P${t.mixed(UPPER + DIGIT, 6)}"`, 'pagerduty service id');

  const db = repo.file('services/bss-billing-api/internal/db/db.go', 'go');
  db.l(
    'package db',
    '',
    'import (',
    '\t"database/sql"',
    '\t_ "github.com/lib/pq"',
    ')',
    '',
    'func Open() (*sql.DB, error) {',
  );
  const dsn = h.pwA();
  db.s(
    `\treturn sql.Open("postgres", "host=10.30.0.21 port=5432 user=bss password=${dsn} dbname=billing sslmode=require")`,
    'database',
    dsn,
  );
  db.l('}');

  const tst = repo.file('services/oss-api/internal/carriers/sinch_test.go', 'go');
  tst.l('package carriers', '', 'import "testing"', '');
  tst.d('const fakeSinchToken = "00000000000000000000000000000000"', 'zero fixture');
  tst.d('const fakePlanID = "test-plan-id"', 'fixture');
  tst.d(`var msisdn = "${'+4670' + t.digits(7)}"`, 'e164');
  tst.l('func TestSend(t *testing.T) { _ = newSinch(fakePlanID, fakeSinchToken) }');

  const num = repo.file('services/numbering-api/main.go', 'go');
  num.l(
    'package main',
    '',
    'import (',
    '\t"github.com/plivo/plivo-go/v7"',
    '\t"github.com/vonage/vonage-go-sdk"',
    ')',
    '',
    'func main() {',
  );
  const pid = h.plivoId();
  const ptok = h.plivoToken();
  num.s(`\tpc, _ := plivo.NewClient("${pid}", "${ptok}", &plivo.ClientOptions{})`, 'plivo', ptok);
  const nk = h.nexmoKey();
  const ns = h.nexmoSecret();
  num.s(`\tauth := vonage.CreateAuthFromKeySecret("${nk}", "${ns}")`, 'vonage', ns);
  num.d('\tsms := vonage.NewSMSClient(auth)', 'call');
  num.d(`\t_ = lookup(pc, sms, "${h.e164us()}")`, 'e164');
  num.l('}');
}

// ---- Python: provisioning, Django NOC portal, device scripts -------------------------------

function python(repo, t, h) {
  const pr = repo.file('services/provisioning/provision_numbers.py', 'python');
  pr.l(
    'import os',
    'import telnyx',
    'import plivo',
    'import vonage',
    'import messagebird',
    'from twilio.rest import Client',
    '',
  );
  const sid = t.twilioSid();
  const tok = t.twilioToken();
  pr.d(`TWILIO_ACCOUNT_SID = "${sid}"`, 'twilio sid');
  pr.s(`TWILIO_AUTH_TOKEN = "${tok}"`, 'twilio', tok);
  const tk = h.telnyxKey();
  pr.s(`telnyx.api_key = "${tk}"`, 'telnyx', tk);
  const pid = h.plivoId();
  const ptok = h.plivoToken();
  pr.s(`plivo_client = plivo.RestClient(auth_id="${pid}", auth_token="${ptok}")`, 'plivo', ptok);
  const nk = h.nexmoKey();
  const ns = h.nexmoSecret();
  pr.s(`vonage_client = vonage.Client(key="${nk}", secret="${ns}")`, 'vonage', ns);
  const mb = h.mbKey();
  pr.s(`mb = messagebird.Client("${mb}")`, 'messagebird', mb);
  pr.d('mb_test = messagebird.Client(os.environ["MESSAGEBIRD_TEST_KEY"])', 'env lookup');
  pr.d('client = Client(TWILIO_ACCOUNT_SID, os.environ.get("TWILIO_AUTH_TOKEN", ""))', 'env lookup');
  pr.l('', 'def buy(number):');
  pr.d(`    # e.g. buy("${h.e164us()}")`, 'e164 in comment');
  pr.l('    return client.incoming_phone_numbers.create(phone_number=number)');

  const st = repo.file('services/noc-portal/nocportal/settings/production.py', 'python');
  st.l('from .base import *  # noqa', '', 'DEBUG = False', 'ALLOWED_HOSTS = ["noc.telco-net.io"]');
  const dk = h.djangoKey();
  st.s(`SECRET_KEY = "${dk}"`, 'generic', dk);
  st.l(
    'DATABASES = {',
    '    "default": {',
    '        "ENGINE": "django.db.backends.postgresql",',
    '        "NAME": "nocportal",',
    '        "USER": "nocportal",',
  );
  const dbpw = h.pw();
  st.s(`        "PASSWORD": "${dbpw}",`, 'generic', dbpw);
  st.l(
    '        "HOST": "10.30.0.21",',
    '    }',
    '}',
    'EMAIL_HOST = "smtp.telco-net.io"',
    'EMAIL_HOST_USER = "noc-portal"',
  );
  const em = h.pw();
  st.s(`EMAIL_HOST_PASSWORD = '${em}'`, 'generic', em);
  st.l('RADIUS_SERVER = "10.40.0.11"', 'RADIUS_PORT = 1812');
  const rs = h.pwA();
  st.s(`RADIUS_SECRET = "${rs}"`, 'generic', rs);
  st.d('SLACK_WEBHOOK_URL = os.environ.get("SLACK_WEBHOOK_URL")', 'env lookup');
  const gs = h.grafanaSa();
  st.s(`GRAFANA_API_TOKEN = "${gs}"`, 'grafana', gs);

  const base = repo.file('services/noc-portal/nocportal/settings/base.py', 'python');
  base.l('import os', '');
  base.d(
    'SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "django-insecure-change-me")',
    'env with placeholder default',
  );
  base.d(
    'AUTH_PASSWORD_VALIDATORS = [{"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"}]',
    'setting',
  );
  base.d('PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]', 'setting');
  base.d('SESSION_COOKIE_NAME = "noc_sessionid"', 'name');

  const nm = repo.file('tools/netops/backup_configs.py', 'python');
  nm.l('from netmiko import ConnectHandler', '', 'DEVICES = ["10.10.0.1", "10.10.0.2", "10.10.0.3"]', '');
  nm.l(
    'def backup(host):',
    '    conn = ConnectHandler(',
    '        device_type="cisco_ios",',
    '        host=host,',
    '        username="netops",',
  );
  const np = h.pw();
  nm.s(`        password="${np}",`, 'generic', np);
  const ns2 = h.pw();
  nm.s(`        secret="${ns2}",`, 'generic', ns2);
  nm.l('    )', '    conn.enable()', '    return conn.send_command("show running-config")');

  const pm = repo.file('tools/netops/sbc_restart.py', 'python');
  pm.l(
    'import paramiko',
    '',
    'ssh = paramiko.SSHClient()',
    'ssh.set_missing_host_key_policy(paramiko.AutoAddPolicy())',
  );
  const sp = h.pw();
  pm.s(`ssh.connect("10.20.0.21", username="root", password="${sp}", timeout=10)`, 'generic', sp);
  pm.d('ssh.connect("10.20.0.22", username="root", key_filename="/home/ops/.ssh/id_ed25519")', 'key path');
  pm.l('stdin, stdout, stderr = ssh.exec_command("systemctl restart kamailio")');

  const sn = repo.file('tools/netops/snmp_poll.py', 'python');
  sn.l('from pysnmp.hlapi import *', '');
  const c1 = h.community();
  sn.s(`V2 = CommunityData("${c1}", mpModel=1)`, 'generic', c1);
  sn.d('PUBLIC = CommunityData("public", mpModel=0)', 'default community');
  const ak = h.pw();
  const pk = h.pw();
  sn.l('V3 = UsmUserData(', '    "nocv3",');
  sn.s(`    authKey="${ak}",`, 'generic', ak);
  sn.s(`    privKey="${pk}",`, 'generic', pk);
  sn.l('    authProtocol=usmHMAC192SHA256AuthProtocol,', '    privProtocol=usmAesCfb128Protocol,', ')');
  sn.d('IF_HC_IN_OCTETS = "1.3.6.1.2.1.31.1.1.1.6"', 'oid');

  const hss = repo.file('services/provisioning/hss/subscribers-batch-0314.csv', 'python');
  hss.l('imsi,msisdn,iccid,ki,opc,amf,apn');
  for (let i = 0; i < 3; i++) {
    const k = h.ki();
    hss.s(`${h.imsi()},${h.e164us().slice(1)},${h.iccid()},${k},${h.ki()},8000,internet`, 'generic', k);
  }

  const hp = repo.file('services/provisioning/hss/open5gs_add.py', 'python');
  hp.l('import os', 'from pymongo import MongoClient', '');
  const mgo = h.pwA();
  hp.s(`db = MongoClient("mongodb://open5gs:${mgo}@10.30.0.40:27017/open5gs").open5gs`, 'database', mgo);
  hp.l(
    'def add(imsi, ki, opc):',
    '    db.subscribers.insert_one({"imsi": imsi, "security": {"k": ki, "opc": opc, "amf": "8000"}})',
  );
  hp.d(
    '# 3GPP TS 35.208 test set 1: K=465B5CE8B199B49FAA5F0A2EE238A6BC OPc=CD63CB71954A9F4E48A5994E37A02BAF',
    'published 3gpp test vector',
  );
  hp.d(`add("${h.imsi()}", ki=os.environ["SIM_KI"], opc=os.environ["SIM_OPC"])`, 'env lookup');

  const fx = repo.file('services/noc-portal/nocportal/fixtures/test_users.json', 'python');
  fx.l('[');
  fx.d(
    '  {"model": "auth.user", "pk": 1, "fields": {"username": "admin", "password": "pbkdf2_sha256$600000$' +
      t.alnum(22) +
      '$' +
      h.b64(43) +
      '="}},',
    'django hash',
  );
  fx.d(
    '  {"model": "noc.device", "pk": 2, "fields": {"name": "lab-rtr", "snmp_community": "public", "ssh_password": "fake-lab-password"}}',
    'fixture',
  );
  fx.l(']');
}

// ---- Java billing mediation --------------------------------------------------------------

function java(repo, t, h) {
  const y = repo.file('services/billing-mediation/src/main/resources/application.yml', 'java');
  y.l('spring:', '  datasource:', '    url: jdbc:postgresql://10.30.0.21:5432/billing', '    username: mediation');
  const dpw = h.pw();
  y.s(`    password: ${dpw}`, 'generic', dpw);
  y.l(
    '  kafka:',
    '    bootstrap-servers: kafka-0.kafka.messaging:9093',
    '    properties:',
    '      security.protocol: SASL_SSL',
    '      sasl.mechanism: SCRAM-SHA-512',
  );
  const kp = h.pw();
  y.s(
    `      sasl.jaas.config: org.apache.kafka.common.security.scram.ScramLoginModule required username="mediation" password="${kp}";`,
    'generic',
    kp,
  );
  y.l('mediation:', '  sftp:', '    host: cdr-drop.partner-ix.net', '    user: telco-cdr');
  y.d('    password: ${SFTP_PASSWORD}', 'property reference');
  y.l('  sinch:');
  const sp = h.sinchPlan();
  y.d(`    service-plan-id: ${sp}`, 'sinch service plan id');
  const stok = h.sinchToken();
  y.s(`    api-token: ${stok}`, 'sinch', stok);

  const pp = repo.file('services/billing-mediation/src/main/resources/application-prod.properties', 'java');
  pp.l('server.port=8080');
  const sftp = h.pw();
  pp.s(`mediation.sftp.password=${sftp}`, 'generic', sftp);
  const jdbc = h.pwA();
  pp.s(
    `mediation.rating.jdbc-url=jdbc:postgresql://10.30.0.22:5432/rating?user=rating&password=${jdbc}&ssl=true`,
    'database',
    jdbc,
  );
  const rab = h.pw();
  pp.s(`spring.rabbitmq.password=${rab}`, 'generic', rab);
  pp.d('spring.rabbitmq.username=mediation', 'username');
  pp.d('management.endpoint.health.show-details=never', 'setting');
  pp.d('spring.datasource.password=${DB_PASSWORD:}', 'property reference');

  const sf = repo.file('services/billing-mediation/src/main/java/net/telconet/mediation/CdrSftpFetcher.java', 'java');
  sf.l(
    'package net.telconet.mediation;',
    '',
    'import com.jcraft.jsch.*;',
    '',
    'public class CdrSftpFetcher {',
    '    public ChannelSftp open() throws JSchException {',
  );
  sf.l('        Session session = new JSch().getSession("telco-cdr", "cdr-drop.partner-ix.net", 22);');
  const jp = h.pw();
  sf.s(`        session.setPassword("${jp}");`, 'generic', jp);
  sf.d('        session.setConfig("StrictHostKeyChecking", "yes");', 'setting');
  sf.l('        session.connect();', '        return (ChannelSftp) session.openChannel("sftp");', '    }', '}');

  const sc = repo.file('services/billing-mediation/src/main/java/net/telconet/mediation/SinchRatesClient.java', 'java');
  sc.l('package net.telconet.mediation;', '', 'public final class SinchRatesClient {');
  const plan = h.sinchPlan();
  sc.d(`    private static final String SERVICE_PLAN_ID = "${plan}";`, 'sinch plan id');
  const sk = h.sinchToken();
  sc.s(`    private static final String API_TOKEN = "${sk}";`, 'sinch', sk);
  const appKey = t.uuid();
  sc.d(`    private static final String VOICE_APP_KEY = "${appKey}";`, 'sinch application key (identifier)');
  const appSecret = h.sinchAppSecret();
  sc.s(`    private static final String VOICE_APP_SECRET = "${appSecret}";`, 'sinch', appSecret);
  sc.d('    private static final String TOKEN_HEADER = "Authorization";', 'header name');
  sc.l('}');

  const tst = repo.file('services/billing-mediation/src/test/resources/application-test.yml', 'java');
  tst.l('spring:', '  datasource:', '    url: jdbc:h2:mem:billing', '    username: sa');
  tst.d('    password:', 'empty');
  tst.l('mediation:', '  sftp:');
  tst.d('    password: test-only-not-a-secret', 'fixture');
}

// ---- Erlang / Elixir messaging core -------------------------------------------------------

function beam(repo, t, h) {
  const sc = repo.file('services/messaging-core/config/sys.config', 'erlang');
  sc.l(
    '[',
    ' {messaging_core, [',
    '   {smpp_binds, [',
    '     #{name => partner_a,',
    '       host => "smsc01.partner-sms.net",',
    '       port => 2775,',
    '       system_id => "telco01",',
  );
  const smpp = t.alnum(8);
  sc.s(`       password => "${smpp}",`, 'generic', smpp);
  sc.l('       system_type => "SMPP"}', '   ]},');
  sc.l('   {pgsql, [{host, "10.30.0.21"}, {username, "msgcore"},');
  const pg = h.pw();
  sc.s(`            {password, "${pg}"},`, 'generic', pg);
  sc.l('            {database, "messaging"}]}', ' ]},', ' {rabbit, [', '   {default_user, <<"msgcore">>},');
  const rb = h.pwA();
  sc.s(`   {default_pass, <<"${rb}">>}`, 'generic', rb);
  sc.l(' ]}', '].');

  const src = repo.file('services/messaging-core/config/sys.config.src', 'erlang');
  src.l('[', ' {messaging_core, [', '   {smpp_binds, [#{name => partner_a, system_id => "telco01",');
  src.d('       password => "${SMPP_PASSWORD}"}]}', 'relx env substitution');
  src.l(' ]}', '].');

  const vm = repo.file('services/messaging-core/config/vm.args', 'erlang');
  vm.l('-name msgcore@${POD_IP}');
  const ck = h.cookie();
  vm.s(`-setcookie ${ck}`, 'generic', ck);
  vm.d('+K true', 'flag');
  vm.d('+A 64', 'flag');

  const rt = repo.file('services/sms-gateway/config/runtime.exs', 'elixir');
  rt.l('import Config', '', 'if config_env() == :prod do');
  const rp = h.pwA();
  rt.s(
    `  config :sms_gateway, SmsGateway.Repo, url: "ecto://sms_gateway:${rp}@10.30.0.21/sms_gateway", pool_size: 20`,
    'database',
    rp,
  );
  const skb = h.b64(64);
  rt.s(`  config :sms_gateway, SmsGatewayWeb.Endpoint, secret_key_base: "${skb}"`, 'generic', skb);
  rt.d(
    '  config :sms_gateway, SmsGatewayWeb.Endpoint, live_view: [signing_salt: System.fetch_env!("LV_SALT")]',
    'env lookup',
  );
  const sid = t.twilioSid();
  const tok = t.twilioToken();
  rt.l('  config :ex_twilio,');
  rt.d(`    account_sid: "${sid}",`, 'twilio sid');
  rt.s(`    auth_token: "${tok}"`, 'twilio', tok);
  rt.l('  config :sms_gateway, :smpp,');
  rt.d('    password: System.get_env("SMPP_PASSWORD"),', 'env lookup');
  const sp2 = t.alnum(8);
  rt.s(`    fallback_password: "${sp2}"`, 'generic', sp2);
  rt.l('end');

  const dev = repo.file('services/sms-gateway/config/dev.exs', 'elixir');
  dev.l('import Config', '', 'config :sms_gateway, SmsGateway.Repo,', '  username: "postgres",');
  dev.d('  password: "postgres",', 'local dev default');
  dev.l('  hostname: "localhost",', '  database: "sms_gateway_dev"');
  dev.d(
    `config :sms_gateway, SmsGatewayWeb.Endpoint, secret_key_base: String.duplicate("a", 64)`,
    'code, not a literal',
  );

  const ex = repo.file('services/sms-gateway/lib/sms_gateway/messagebird.ex', 'elixir');
  ex.l('defmodule SmsGateway.MessageBird do', '  @endpoint "https://rest.messagebird.com/messages"');
  const mb = h.mbKey();
  ex.s(`  @access_key "${mb}"`, 'messagebird', mb);
  ex.d('  @signing_key Application.compile_env(:sms_gateway, :mb_signing_key)', 'config lookup');
  ex.l(
    '',
    '  def send(to, body) do',
    '    Req.post!(@endpoint, headers: [{"authorization", "AccessKey " <> @access_key}], json: %{recipients: [to], body: body})',
    '  end',
    'end',
  );
}

// ---- JavaScript WebRTC portal, coturn ---------------------------------------------------

function webrtc(repo, t, h) {
  const ua = repo.file('apps/webrtc-portal/src/sip/ua.js', 'javascript');
  ua.l(
    "import JsSIP from 'jssip';",
    '',
    "const socket = new JsSIP.WebSocketInterface('wss://wss.telco-net.io:7443');",
    '',
  );
  ua.l('export const kioskUA = new JsSIP.UA({', '  sockets: [socket],', "  uri: 'sip:9001@sip.telco-net.io',");
  const kp = h.sipSecret();
  ua.s(`  password: '${kp}',`, 'generic', kp);
  ua.l("  display_name: 'Lobby kiosk',", '});', '');
  ua.d(
    'export const userUA = (ext, password) => new JsSIP.UA({ sockets: [socket], uri: `sip:${ext}@sip.telco-net.io`, password });',
    'parameter',
  );
  ua.l('export const simpleUser = {');
  const ap = h.sipSecret();
  ua.s(`  userAgentOptions: { authorizationUsername: '9002', authorizationPassword: "${ap}" },`, 'generic', ap);
  ua.l('};');

  const ice = repo.file('apps/webrtc-portal/src/config/ice.js', 'javascript');
  ice.l('export const iceServers = [', "  { urls: 'stun:stun.telco-net.io:3478' },");
  const cr = h.pwA();
  ice.s(
    `  { urls: 'turn:turn.telco-net.io:3478?transport=udp', username: 'webrtc', credential: '${cr}' },`,
    'generic',
    cr,
  );
  ice.d(
    '  { urls: "turns:turn.telco-net.io:5349", username: import.meta.env.VITE_TURN_USER, credential: import.meta.env.VITE_TURN_PASS },',
    'env reference',
  );
  ice.l('];');

  const tk = repo.file('apps/webrtc-portal/server/token.js', 'javascript');
  tk.l("const twilio = require('twilio');", 'const { AccessToken } = twilio.jwt;', '');
  const sid = t.twilioSid();
  tk.d(`const ACCOUNT_SID = '${sid}';`, 'twilio sid');
  const ks = h.twilioKeySid();
  tk.d(`const API_KEY_SID = '${ks}';`, 'twilio api key sid (identifier)');
  const kse = h.twilioKeySecret();
  tk.s(`const API_KEY_SECRET = '${kse}';`, 'twilio', kse);
  tk.d(`const TWIML_APP_SID = 'AP${t.hex(32)}';`, 'twiml app sid');
  tk.l(
    'module.exports = (identity) => new AccessToken(ACCOUNT_SID, API_KEY_SID, API_KEY_SECRET, { identity }).toJwt();',
  );
  tk.d('const authToken = process.env.TWILIO_AUTH_TOKEN;', 'env lookup');

  const env = repo.file('apps/webrtc-portal/.env.production', 'env');
  env.d('VITE_SIP_WSS=wss://wss.telco-net.io:7443', 'url');
  env.d(
    `VITE_SENTRY_DSN=https://${t.pick(HEX, 32)}@o${t.digits(6)}.ingest.sentry.io/${t.digits(7)}`,
    'sentry dsn (public)',
  );
  env.d(`VITE_TELNYX_WEBHOOK_PUBLIC_KEY=${h.b64(43)}=`, 'telnyx ed25519 public key');
  const ps = h.pwA();
  env.s(`PORTAL_SESSION_SECRET=${ps}`, 'generic', ps);
  const ssl = t.slackBot();
  env.s(`SLACK_BOT_TOKEN=${ssl}`, 'slack', ssl);

  const tc = repo.file('deploy/coturn/turnserver.conf', 'sip');
  tc.l('listening-port=3478', 'tls-listening-port=5349', 'fingerprint', 'use-auth-secret');
  const sas = t.hex(32);
  tc.s(`static-auth-secret=${sas}`, 'generic', sas);
  tc.l('realm=turn.telco-net.io');
  const up = h.pwA();
  tc.s(`user=webrtc:${up}`, 'generic', up);
  tc.d('cert=/etc/coturn/tls/fullchain.pem', 'path');
  tc.d('pkey=/etc/coturn/tls/privkey.pem', 'path');
  tc.d('# cli-password=qwerty', 'commented sample');
}

// ---- shell ops scripts ------------------------------------------------------------------

function shell(repo, t, h) {
  const bk = repo.file('ops/scripts/backup-kamailio-db.sh', 'shell');
  bk.l('#!/usr/bin/env bash', 'set -euo pipefail', 'STAMP=$(date +%F)');
  const mp = h.pw().replace(/'/g, '');
  bk.s(
    `mysqldump -h db-sip.core.telco-net.io -u backup -p'${mp}' --single-transaction kamailio | gzip > /backup/kamailio-$STAMP.sql.gz`,
    'generic',
    mp,
  );
  bk.d('mysqldump -u backup -p"$MYSQL_BACKUP_PASSWORD" opensips | gzip > /backup/opensips-$STAMP.sql.gz', 'variable');
  const s3 = t.awsSecret();
  const s3id = t.awsId();
  bk.s(`export AWS_ACCESS_KEY_ID=${s3id}`, 'aws', s3id);
  bk.s(`export AWS_SECRET_ACCESS_KEY=${s3}`, 'aws', s3);
  bk.l('aws s3 cp /backup/kamailio-$STAMP.sql.gz s3://telco-net-db-backups/');

  const sn = repo.file('ops/scripts/snmp-check.sh', 'shell');
  sn.l('#!/bin/sh', 'for h in 10.10.0.1 10.10.0.2; do');
  const c1 = h.community();
  sn.s(`  snmpwalk -v2c -c ${c1} "$h" IF-MIB::ifOperStatus`, 'generic', c1);
  sn.l('done');
  const a = h.pwA();
  const x = h.pwA();
  sn.s(`snmpget -v3 -l authPriv -u nocv3 -a SHA -A '${a}' -x AES -X '${x}' 10.10.0.1 sysUpTime.0`, 'generic', a);
  sn.d('snmpwalk -v2c -c "$SNMP_COMMUNITY" 10.10.0.3 system', 'variable');
  sn.d('snmpwalk -v2c -c public localhost system', 'default community');

  const rt = repo.file('ops/scripts/radius-smoketest.sh', 'shell');
  rt.l('#!/usr/bin/env bash');
  const rp = h.pwA();
  const rs = h.pwA();
  rt.s(`radtest noc-probe '${rp}' 10.40.0.11 0 ${rs}`, 'generic', rp);
  rt.d('radtest testing password 127.0.0.1 0 testing123', 'freeradius docs example');
  rt.d(
    'echo "User-Name=noc-probe,User-Password=$PROBE_PASS" | radclient 10.40.0.11 auth "$RADIUS_SECRET"',
    'variables',
  );

  const nt = repo.file('ops/scripts/notify.sh', 'shell');
  nt.l('#!/usr/bin/env bash', 'msg="$1"');
  const hook = t.slackWebhook();
  nt.s(`curl -s -X POST -H 'Content-type: application/json' --data "{\\"text\\":\\"$msg\\"}" ${hook}`, 'slack', hook);
  const rk = h.pdRouting();
  nt.s(
    `curl -s https://events.pagerduty.com/v2/enqueue -H 'Content-Type: application/json' -d '{"routing_key":"${rk}","event_action":"trigger","payload":{"summary":"'"$msg"'","source":"noc-01","severity":"error"}}'`,
    'pagerduty',
    rk,
  );
  nt.d('curl -s "$SLACK_WEBHOOK_URL" -d "{\\"text\\":\\"$msg\\"}"', 'variable');

  const sb = repo.file('ops/scripts/sbc-push.sh', 'shell');
  sb.l('#!/usr/bin/env bash', 'set -e');
  const sp = h.pwA();
  sb.s(`sshpass -p '${sp}' scp kamailio.cfg ops@10.20.0.21:/etc/kamailio/kamailio.cfg`, 'generic', sp);
  sb.d('sshpass -e ssh ops@10.20.0.22 "systemctl reload kamailio"', 'sshpass from env');

  const gp = repo.file('ops/scripts/grafana-provision.sh', 'shell');
  gp.l('#!/usr/bin/env bash', 'GRAFANA=https://grafana.noc.telco-net.io');
  const gs = h.grafanaSa();
  gp.s(`curl -s -H "Authorization: Bearer ${gs}" "$GRAFANA/api/dashboards/db" -d @voice-overview.json`, 'grafana', gs);
  const gpw = h.pwA();
  gp.s(`curl -s -u admin:${gpw} "$GRAFANA/api/admin/users" -d '{"name":"noc","login":"noc"}'`, 'generic', gpw);
  gp.d('curl -s -u "admin:$GF_ADMIN_PASSWORD" "$GRAFANA/api/health"', 'variable');

  const fs = repo.file('ops/scripts/fs-cli-reload.sh', 'shell');
  fs.l('#!/bin/sh');
  const ep = h.pwA();
  fs.s(`fs_cli -H 127.0.0.1 -P 8021 -p ${ep} -x "reloadxml"`, 'generic', ep);
  fs.d('fs_cli -p "$(cat /etc/freeswitch/esl.pass)" -x "sofia status"', 'command substitution');
  fs.l('asterisk -rx "pjsip reload"');
}

// ---- docs, data and decoy-heavy files ------------------------------------------------------

function docsAndData(repo, t, h) {
  const rb = repo.file('docs/runbooks/sip-trunks.md', 'docs');
  rb.l('# SIP trunks', '', '| carrier | trunk | DID range |', '| --- | --- | --- |');
  rb.d(`| Telnyx | telnyx-reg | ${h.e164us()} - ${h.e164us()} |`, 'e164 range');
  rb.d(`| Bandwidth | bw-trunk-01 | ${h.e164us()} |`, 'e164');
  rb.l('', '## Credentials', '', 'All trunk passwords live in Vault under `secret/voice/trunks/<carrier>`.');
  rb.d('Example: `vault kv get -field=password secret/voice/trunks/telnyx`', 'vault path');
  rb.d('In pjsip.conf use `password=<trunk password>` and never commit the real one.', 'placeholder');
  rb.l('', 'Bandwidth portal break-glass account (until SSO is fixed):', '');
  const bg = h.pw();
  rb.s(`    user: noc-breakglass / password: ${bg}`, 'generic', bg);

  const tw = repo.file('docs/examples/twilio-quickstart.md', 'docs');
  tw.l('# Sending an SMS', '', '```python');
  tw.d('client = Client("ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", "your_auth_token")', 'doc placeholder');
  tw.d('client.messages.create(to="+15558675310", from_="+15017122661", body="Hello")', 'twilio doc numbers');
  tw.l('```', '', 'Vonage:');
  tw.d("`vonage.Client(key='abcd1234', secret='abcdef0123456789')`", 'doc placeholder');
  tw.d('Plivo: `plivo.RestClient(auth_id="<auth_id>", auth_token="<auth_token>")`', 'placeholder');
  tw.d('Telnyx: `export TELNYX_API_KEY=KEYxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx_xxxxxxxxxxxxxxxxxxxxxx`', 'placeholder');

  const fxc = repo.file('services/provisioning/tests/fixtures/carriers.json', 'decoys');
  fxc.l('{', '  "_note": "fake carrier credentials for unit tests",');
  fxc.d(
    '  "twilio": {"account_sid": "AC00000000000000000000000000000000", "auth_token": "00000000000000000000000000000000"},',
    'zero fixture',
  );
  fxc.d('  "plivo": {"auth_id": "MAXXXXXXXXXXXXXXXXXX", "auth_token": "fake-plivo-token"},', 'fixture');
  fxc.d('  "messagebird": {"access_key": "test_gshuPaZoeEG6ovbc8M79w0QyM"},', 'vendor docs test key');
  fxc.l('  "ok": true', '}');

  const inv = repo.file('data/numbering/number-inventory.csv', 'data');
  inv.l('msisdn,iccid,imsi,imei,status,port_in_pin');
  for (let i = 0; i < 4; i++)
    inv.d(`${h.e164us()},${h.iccid()},${h.imsi()},${h.imei()},active,`, 'telecom identifiers');
  inv.d(`${h.e164uk()},${h.iccid()}F,${h.imsi()},,reserved,`, 'telecom identifiers');

  const mcc = repo.file('data/numbering/plmn.yaml', 'data');
  mcc.l('plmns:');
  mcc.d('  - { mcc: "310", mnc: "260", name: "T-Mobile US" }', 'plmn');
  mcc.d('  - { mcc: "234", mnc: "15", name: "Vodafone UK" }', 'plmn');
  mcc.d(`  home_network_public_key: "${t.pick(HEX, 64)}"  # SUCI profile A (public)`, 'public key');

  const lk = repo.file('services/webrtc-portal-lock/package-lock.json', 'decoys');
  lk.l('{', '  "lockfileVersion": 3,', '  "packages": {');
  for (const p of ['jssip', 'sip.js', 'twilio']) {
    lk.l(`    "node_modules/${p}": {`, '      "version": "3.10.1",');
    lk.d(`      "integrity": "sha512-${h.b64(86)}=="`, 'integrity');
    lk.l('    },');
  }
  lk.l('    "": {}', '  }', '}');
  const gs = repo.file('services/oss-api/go.sum', 'decoys');
  for (const m of [
    'github.com/plivo/plivo-go/v7 v7.49.0',
    'github.com/twilio/twilio-go v1.20.1',
    'github.com/PagerDuty/go-pagerduty v1.8.0',
  ])
    gs.d(`${m} h1:${h.b64(43)}=`, 'go.sum hash');
}

// ---- keys ----------------------------------------------------------------------------------

function keys(repo, t, h) {
  const k = repo.file('deploy/kamailio/tls/server.key', 'keys');
  const rsa = t.rsaPem();
  k.s(rsa, 'private-key', rsa.join('\n'));
  const crt = repo.file('deploy/kamailio/tls/server.crt', 'keys');
  crt.d(
    ['-----BEGIN CERTIFICATE-----', `MIID${h.b64(60)}`, h.b64(64), h.b64(64), '-----END CERTIFICATE-----'],
    'certificate',
  );
  const vk = repo.file('services/provisioning/vonage/private.key', 'keys');
  const p8 = t.pkcs8Pem();
  vk.s(p8, 'private-key', p8.join('\n'));
  const vapp = repo.file('services/provisioning/vonage/app.json', 'keys');
  vapp.l('{');
  vapp.d(`  "application_id": "${t.uuid()}",`, 'application id');
  vapp.d('  "private_key_path": "vonage/private.key",', 'path');
  vapp.d(
    `  "public_key": "-----BEGIN PUBLIC KEY-----\\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA${h.b64(40)}\\n-----END PUBLIC KEY-----\\n"`,
    'public key',
  );
  vapp.l('}');
  const ssh = repo.file('ops/ssh/noc_ed25519', 'keys');
  const op = t.opensshPem();
  ssh.s(op, 'private-key', op.join('\n'));
  const pub = repo.file('ops/ssh/noc_ed25519.pub', 'keys');
  pub.d(`ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${h.b64(43)} noc@telco-net.io`, 'public key');
  const ak = repo.file('deploy/ansible/roles/common/files/authorized_keys', 'keys');
  ak.d(`ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ${h.b64(340)} ops@noc-01`, 'public key');
  ak.d(`ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${h.b64(43)} deploy@gitlab`, 'public key');
  const ec = repo.file('deploy/k8s/webrtc/tls-secret.yaml', 'keys');
  const ecp = t.ecPem();
  ec.l('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: wss-tls', 'type: kubernetes.io/tls', 'data:');
  ec.d(
    `  tls.crt: ${Buffer.from(['-----BEGIN CERTIFICATE-----', `MIIB${h.b64(60)}`, '-----END CERTIFICATE-----'].join('\n')).toString('base64')}`,
    'base64 certificate',
  );
  ec.s(`  tls.key: ${Buffer.from(ecp.join('\n')).toString('base64')}`, 'private-key', ecp.join('\n'));
}
