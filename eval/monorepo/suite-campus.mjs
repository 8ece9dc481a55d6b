// University central-IT monorepo (Hollis State University): Ellucian Banner (Oracle PL/SQL, Ethos
// API integrations), PeopleSoft Campus Solutions (Integration Broker, App Engine / PeopleCode),
// Workday Student adapters, Canvas and Blackboard integrations (LTI 1.3, developer keys),
// Shibboleth IdP and CAS, Duo, FreeRADIUS / eduroam, Active Directory / Entra ID provisioning in
// PowerShell, Grouper, a Java Spring ID-card service, a Flask housing portal, a Node.js library
// proxy (EZproxy, Alma / Primo), Zoom and Kaltura, TouchNet / Flywire payments, Slate admissions,
// Qualtrics, Jamf and Intune, OpenShift manifests, Terraform (AWS), Ansible, Docker, GitLab CI,
// Jenkins, Perl and shell legacy scripts, Windows batch for the labs, Apache / nginx, app logs,
// TeamDynamix ticket exports, Teams chat exports, Confluence exports and docs.
import { ALNUM, B64, DIGIT, HEX, LOWER, UPPER, URLSAFE, Repo, makeTokens, mulberry32 } from './generate.mjs';

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 6151 + 733);
  const t = makeTokens(rand);
  const repo = new Repo();
  const g = gens(t);
  banner(repo, t, g);
  peoplesoft(repo, t, g);
  workday(repo, t, g);
  lms(repo, t, g);
  identity(repo, t, g);
  directory(repo, t, g);
  idcard(repo, t, g);
  housing(repo, t, g);
  library(repo, t, g);
  media(repo, t, g);
  payments(repo, t, g);
  admissions(repo, t, g);
  devices(repo, t, g);
  openshift(repo, t, g);
  terraform(repo, t, g);
  ansible(repo, t, g);
  docker(repo, t, g);
  ci(repo, t, g);
  legacy(repo, t, g);
  labs(repo, t, g);
  webservers(repo, t, g);
  logs(repo, t, g);
  tickets(repo, t, g);
  chat(repo, t, g);
  confluence(repo, t, g);
  notebooks(repo, t, g);
  docs(repo, t, g);
  noise(repo, t);
  return repo;
}

function gens(t) {
  const b64 = (n) => t.mixed(B64, n);
  const enc = (s) => Buffer.from(s).toString('base64');
  const b64url = (s) => Buffer.from(s).toString('base64url');
  const WORDS = [
    'Heron',
    'Quad',
    'Bursar',
    'Registrar',
    'Commons',
    'Lantern',
    'Campus',
    'Tuition',
    'Semester',
    'Alumni',
  ];
  const word = () => WORDS[Number(t.pick(DIGIT, 1))];
  // What service-account owners and help-desk staff actually pick.
  const human = () => {
    const sym = t.pick('!#*.', 1);
    switch (t.pick('0123', 1)) {
      case '0':
        return `${word()}20${t.pick('12', 1)}${t.pick(DIGIT, 1)}${sym}`;
      case '1':
        return `${word()}${sym}${t.pick(DIGIT, 2)}${word().toLowerCase()}`;
      case '2':
        return `Hollis${word()}${t.pick(DIGIT, 2)}${sym}`;
      default:
        return `${word().toLowerCase()}-${word()}-${t.pick(DIGIT, 4)}`;
    }
  };
  // Password-manager output, safe in XML, YAML, properties files and double-quoted strings.
  const gen = (n = 20) => `${t.pick(UPPER + LOWER, 1)}${t.mixed(ALNUM + '!#*-_?^+', n - 1)}`;
  const plain = (n = 18) => t.alnum(n);
  const hexUp = (n) => t.pick('0123456789ABCDEF', n);
  const randBytes = (n) => Buffer.from(t.pick(HEX, n * 2), 'hex');
  return {
    b64,
    enc,
    b64url,
    human,
    gen,
    plain,
    hexUp,
    // Canvas access tokens are "<shard>~<64 alphanumerics>"; developer-key client ids are numeric.
    canvasToken: () => `${t.pick('123456789', 1)}${t.pick(DIGIT, 3)}~${t.alnum(64)}`,
    canvasKeySecret: () => t.alnum(64),
    canvasClientId: () => `17000000000${t.pick(DIGIT, 4)}`,
    bbSecret: () => t.alnum(32),
    zoomClientId: () => t.mixed(ALNUM, 22),
    zoomSecret: () => t.alnum(32),
    zoomAccount: () => t.mixed(URLSAFE, 22),
    zoomWebhook: () => t.mixed(URLSAFE, 22),
    kalturaSecret: () => t.hex(32),
    kalturaPid: () => t.digits(7),
    // A Kaltura session (KS v2): base64url of "v2|<partner>|" followed by the encrypted body.
    ks: (pid) => Buffer.concat([Buffer.from(`v2|${pid}|`), randBytes(186)]).toString('base64url'),
    // Ex Libris Developer Network (Alma / Primo) keys.
    alma: () => `l7xx${t.hex(32)}`,
    duoIkey: () => `DI${t.mixed(UPPER + DIGIT, 18)}`,
    duoSkey: () => t.mixed(ALNUM, 40),
    duoHost: () => `api-${t.pick(HEX, 8)}.duosecurity.com`,
    ocToken: () => `sha256~${t.mixed(URLSAFE, 43)}`,
    jenkins: () => `11${t.hex(32)}`,
    teamsHook: () =>
      `https://hollisstate.webhook.office.com/webhookb2/${t.uuid()}@${t.uuid()}/IncomingWebhook/${t.hex(32)}/${t.uuid()}`,
    quay: () => t.mixed(UPPER + DIGIT, 64),
    qualtrics: () => t.alnum(40),
    recaptcha: () => `6L${t.mixed(URLSAFE, 38)}`,
    jamfSecret: () => t.mixed(URLSAFE, 64),
    wdClientId: () => t.mixed(ALNUM, 44),
    wdSecret: () => t.mixed(LOWER + DIGIT, 88),
    wdRefresh: () => t.mixed(LOWER + DIGIT, 96),
    glrt: () => `glrt-${t.mixed(URLSAFE, 20)}`,
    casEnc: () => t.mixed(URLSAFE, 43),
    casSig: () => t.mixed(URLSAFE, 86),
    psCipher: () => `{V2.1}${b64(42)}==`,
    oraVerifier: () => `S:${hexUp(60)};T:${hexUp(160)}`,
    jenkinsEnc: () => `{AQAAABAAAAAQ${b64(42)}=}`,
    cert: () => [
      '-----BEGIN CERTIFICATE-----',
      `MIIDqDCCApCgAwIBAgIU${b64(44)}`,
      ...Array.from({ length: 12 }, () => b64(64)),
      `${b64(40)}`,
      '-----END CERTIFICATE-----',
    ],
    certBody: () => `MIIDqDCCApCgAwIBAgIU${b64(880)}`,
    pubPem: () => [
      '-----BEGIN PUBLIC KEY-----',
      `MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA${b64(20)}`,
      b64(64),
      b64(64),
      b64(64),
      `${b64(56)}IDAQAB`,
      '-----END PUBLIC KEY-----',
    ],
    jwkN: () => t.mixed(URLSAFE, 342),
  };
}

// ---- Ellucian Banner: Oracle PL/SQL, job submission, INB / SSB, Ethos ----------------------

function banner(repo, t, g) {
  const u = repo.file('erp/banner/db/security/create_integration_users.sql', 'sql');
  const ethosPw = g.gen(20);
  const bi = g.plain(16);
  const link = g.gen(18);
  u.l(
    '-- Integration accounts for the Ethos / ODS feeds. Run as SYSTEM in PROD.',
    '-- Change ticket: TDX 41877 (approved by Registrar data steward 2025-07-11)',
    'WHENEVER SQLERROR EXIT SQL.SQLCODE',
    '',
  );
  u.s(`CREATE USER hsu_ethos_int IDENTIFIED BY "${ethosPw}"`, 'generic', ethosPw);
  u.l(
    '  DEFAULT TABLESPACE users',
    '  PROFILE hsu_service_profile;',
    'GRANT CONNECT, BAN_DEFAULT_M TO hsu_ethos_int;',
    '',
  );
  u.s(`ALTER USER baninst1 IDENTIFIED BY ${bi} ACCOUNT UNLOCK;`, 'generic', bi);
  u.l('');
  u.d(`ALTER USER banproxy IDENTIFIED BY VALUES '${g.oraVerifier()}';`, 'oracle password verifier (hash)');
  u.l('ALTER USER ban_ss_user IDENTIFIED BY &&new_ss_password;');
  u.l('');
  u.s(`CREATE DATABASE LINK odsprod CONNECT TO odsmgr IDENTIFIED BY "${link}" USING 'ODSPROD';`, 'generic', link);
  u.l("CREATE DATABASE LINK dwlink CONNECT TO CURRENT_USER USING 'DWPROD';");

  const p = repo.file('erp/banner/db/plsql/hsu_ethos_sync.pkb', 'sql');
  const ethosKey = t.uuid();
  const slatePw = g.gen(18);
  const walletPw = g.plain(16);
  p.l(
    'CREATE OR REPLACE PACKAGE BODY baninst1.hsu_ethos_sync AS',
    '',
    "  c_ethos_url   CONSTANT VARCHAR2(100) := 'https://integrate.elluciancloud.com';",
  );
  p.l('  -- API key for the "HSU Banner Student Prod" Ethos application');
  p.s(`  c_ethos_key   CONSTANT VARCHAR2(36)  := '${ethosKey}';`, 'ellucian', ethosKey);
  p.l(
    '',
    '  FUNCTION get_token RETURN VARCHAR2 IS',
    '    l_req  UTL_HTTP.req;',
    '    l_resp UTL_HTTP.resp;',
    '    l_tok  VARCHAR2(4000);',
    '  BEGIN',
  );
  p.s(`    UTL_HTTP.set_wallet('file:/u01/app/oracle/admin/PROD/wallet', '${walletPw}');`, 'generic', walletPw);
  p.l("    l_req := UTL_HTTP.begin_request(c_ethos_url || '/auth', 'POST');");
  p.l("    UTL_HTTP.set_header(l_req, 'Authorization', 'Bearer ' || c_ethos_key);");
  p.l(
    '    l_resp := UTL_HTTP.get_response(l_req);',
    '    UTL_HTTP.read_text(l_resp, l_tok);',
    '    UTL_HTTP.end_response(l_resp);',
    '    RETURN l_tok;',
    '  END;',
    '',
  );
  p.l(
    '  PROCEDURE push_decisions IS',
    '    l_req UTL_HTTP.req;',
    '  BEGIN',
    "    l_req := UTL_HTTP.begin_request('https://apply.hollis.edu/manage/service/import?cmd=load&format=banner-decisions', 'POST');",
  );
  p.s(`    UTL_HTTP.set_authentication(l_req, 'hsu_banner_push', '${slatePw}');`, 'generic', slatePw);
  p.l("    UTL_HTTP.set_header(l_req, 'Authorization', 'Bearer ' || get_token());");
  p.l('  END;', '', '  PROCEDURE dev_wallet IS', '  BEGIN');
  p.d("    UTL_HTTP.set_wallet('file:/u01/app/oracle/admin/TEST/wallet', NULL);", 'auto-login wallet, no password');
  p.l('  END;', 'END hsu_ethos_sync;', '/');

  const j = repo.file('erp/banner/jobsub/gjajobs_env.shl', 'shell');
  const pswd = g.plain(14);
  const sat = g.plain(14);
  j.l(
    '#!/bin/ksh',
    '# Banner job submission environment (sourced by gjajobs.shl)',
    'export ORACLE_SID=PROD',
    'export ORACLE_HOME=/u01/app/oracle/product/19.0.0/dbhome_1',
    'export BANUID=baninst1',
  );
  j.s(`export PSWD=${pswd}`, 'generic', pswd);
  j.d('sqlplus -s ${BANUID}/${PSWD}@${ORACLE_SID} @$BANNER_HOME/general/misc/gurpdb.sql', 'variables');
  j.s(`sqlplus -s saturn/${sat}@PROD @/home/jobsub/sql/hsu_term_roll.sql 202610`, 'generic', sat);
  j.l('sqlplus -s / as sysdba @/home/oracle/check_tbs.sql');

  const f = repo.file('erp/banner/inb/formsweb.cfg', 'banner');
  const fw = g.plain(14);
  f.l(
    '[default]',
    'baseHTMLjpi=basejpi.htm',
    'envFile=default.env',
    'form=guainit.fmx',
    '',
    '[PROD]',
    'envFile=prod.env',
  );
  f.s(`userid=bansecr/${fw}@PROD`, 'generic', fw);
  f.l('lookAndFeel=Oracle', 'colorScheme=blue', '', '[TEST]', 'envFile=test.env');
  f.l('userid=');

  const b = repo.file('erp/banner/ssb/config/banner_configuration.groovy', 'banner');
  const dsPw = g.gen(20);
  const ssbPw = g.gen(20);
  const cas = g.plain(24);
  b.l(
    '// Banner 9 Student Self-Service - shared configuration',
    'bannerDataSource {',
    "    url = 'jdbc:oracle:thin:@//banprd-scan.db.hollis.edu:1521/PROD'",
    "    username = 'banproxy'",
  );
  b.s(`    password = '${dsPw}'`, 'generic', dsPw);
  b.l(
    '}',
    'bannerSsbDataSource {',
    "    url = 'jdbc:oracle:thin:@//banprd-scan.db.hollis.edu:1521/PROD'",
    "    username = 'ban_ss_user'",
  );
  b.s(`    password = "${ssbPw}"`, 'generic', ssbPw);
  b.l('}', 'banner {', '    sso {', "        authenticationProvider = 'cas'", '    }', '}');
  b.l("grails.plugin.springsecurity.cas.serverUrlPrefix = 'https://cas.hollis.edu/cas'");
  b.s(`banner.applicationConfig.encryptionKey = '${cas}'`, 'generic', cas);
  b.l("bannerDataSource.password = System.getenv('BANPROXY_PASSWORD')");

  const e = repo.file('erp/banner/ethos/ethos-proxy/src/main/resources/application.yml', 'banner');
  const ek = t.uuid();
  const ek2 = t.uuid();
  e.l('ethos:', '  base-url: https://integrate.elluciancloud.com', '  applications:', '    student-prod:');
  e.s(`      api-key: ${ek}`, 'ellucian', ek);
  e.l('    hr-prod:');
  e.s(`      api-key: "${ek2}"`, 'ellucian', ek2);
  e.l('    sandbox:');
  e.d('      api-key: ${ETHOS_SANDBOX_KEY}', 'spring placeholder');
  e.l('  resources:', '    - persons', '    - sections', '    - section-registrations');
  e.l(`  subscriber-id: ${t.uuid()}`);
}

// ---- PeopleSoft Campus Solutions ---------------------------------------------------------

function peoplesoft(repo, t, g) {
  const ig = repo.file('erp/peoplesoft/pia/integrationGateway.properties', 'peoplesoft');
  const nodePw = g.gen(16);
  ig.l(
    '## Integration Gateway - CSPRD',
    'ig.isc.serverURL=//csprd-app01.erp.hollis.edu:9000',
    'ig.isc.userid=IBGATEWAY',
  );
  ig.d(`ig.isc.password=${g.psCipher()}`, 'pscipher-encrypted password');
  ig.l(`secureFileKeystorePasswd=${g.psCipher()}`);
  ig.l(
    'ig.isc.toolsRel=8.61',
    '',
    '## node-specific overrides',
    'ig.isc.HSU_WORKDAY.serverURL=//csprd-app01.erp.hollis.edu:9000',
    'ig.isc.HSU_WORKDAY.userid=HSU_IB_USER',
  );
  ig.s(`ig.isc.HSU_WORKDAY.password=${nodePw}`, 'generic', nodePw);
  ig.l('ig.isc.HSU_WORKDAY.toolsRel=8.61');

  const a = repo.file('erp/peoplesoft/appserv/CSPRD/psappsrv.cfg', 'peoplesoft');
  const up = g.plain(12);
  const cp = g.plain(12);
  a.l(
    '[Startup]',
    ';=========================================================================',
    '; Database Signon settings',
    ';=========================================================================',
    'DBName=CSPRD',
    'DBType=ORACLE',
    'UserId=PS',
  );
  a.s(`UserPswd=${up}`, 'generic', up);
  a.l('ConnectId=people');
  a.s(`ConnectPswd=${cp}`, 'generic', cp);
  a.l('ServerName=');
  a.d(`DomainConnectionPwd=${g.psCipher()}`, 'pscipher-encrypted password');
  a.l('StandbyDBName=', 'StandbyDBType=');
  a.l('StandbyUserPswd=');

  const pc = repo.file('erp/peoplesoft/appengine/HSU_CNVS_SYNC/MAIN.Step02.OnExecute.ppl', 'peoplesoft');
  const ct = g.canvasToken();
  const ldp = g.gen(18);
  pc.l(
    '/* HSU_CNVS_SYNC: push class rosters from PS_CLASS_TBL to Canvas SIS imports */',
    'import PT_INTEGRATION:*;',
    '',
    'Local string &baseUrl = "https://hollis.instructure.com/api/v1/accounts/1/sis_imports";',
  );
  pc.s(`Local string &canvasToken = "${ct}";`, 'canvas', ct);
  pc.l('Local object &http = CreateJavaObject("java.net.URL", &baseUrl).openConnection();');
  pc.l('&http.setRequestProperty("Authorization", "Bearer " | &canvasToken);');
  pc.l('Local string &runToken = %Request.GetParameter("token");');
  pc.l(
    '',
    '/* directory lookup for instructor emails */',
    'Local string &ldapDn = "CN=svc_psldap,OU=Service Accounts,DC=ad,DC=hollis,DC=edu";',
  );
  pc.s(`Local string &ldapPwd = "${ldp}";`, 'generic', ldp);
  pc.l('Local ApiObject &ldap = CreateJavaObject("com.hsu.ldap.Lookup", "ldaps://ad.hollis.edu", &ldapDn, &ldapPwd);');

  const n = repo.file('erp/peoplesoft/ib/nodes/HSU_SLATE.xml', 'peoplesoft');
  const hp = g.gen(18);
  n.l(
    '<?xml version="1.0"?>',
    '<IBNode name="HSU_SLATE" type="External">',
    '  <Connector id="HTTPTARGET">',
    '    <Property name="PRIMARYURL" value="https://apply.hollis.edu/manage/service/import"/>',
    '    <Property name="METHOD" value="POST"/>',
    '    <Property name="Username" value="hsu_ps_push"/>',
  );
  n.s(`    <Property name="Password" value="${hp}"/>`, 'generic', hp);
  n.l(
    '  </Connector>',
    '  <Connector id="HTTPTARGET" node="HSU_SLATE_TEST">',
    '    <Property name="Username" value="hsu_ps_push"/>',
  );
  n.d(`    <Property name="Password" value="${g.psCipher()}" encrypted="Y"/>`, 'pscipher-encrypted password');
  n.l('  </Connector>', '</IBNode>');

  const d = repo.file('erp/peoplesoft/dms/HSU_IB_USER_RESET.dms', 'peoplesoft');
  const op = g.gen(16);
  d.l(
    '-- Reset the Integration Broker service operator after the CSPRD refresh',
    'SET LOG c:\\temp\\HSU_IB_USER_RESET.log;',
  );
  d.s(`UPDATE PSOPRDEFN SET OPERPSWD = '${op}', ENCRYPTED = 0 WHERE OPRID = 'HSU_IB_USER';`, 'generic', op);
  d.l('ENCRYPT_PASSWORD HSU_IB_USER;');
  d.d("UPDATE PSOPRDEFN SET OPERPSWD = '&1', ENCRYPTED = 0 WHERE OPRID = 'HSU_BATCH';", 'datamover parameter');
}

// ---- Workday Student adapters ------------------------------------------------------------

function workday(repo, t, g) {
  const a = repo.file('integrations/workday-student/src/main/resources/application.yml', 'java');
  const isu = g.gen(22);
  const cs = g.wdSecret();
  const rt = g.wdRefresh();
  a.l(
    'workday:',
    '  tenant: hollisstate',
    '  host: wd5-services1.myworkday.com',
    '  isu:',
    '    username: ISU_Student_Canvas@hollisstate',
  );
  a.s(`    password: "${isu}"`, 'generic', isu);
  a.l('  oauth:', '    token-endpoint: https://wd5-services1.myworkday.com/ccx/oauth2/hollisstate/token');
  a.d(`    client-id: ${g.wdClientId()}`, 'workday api client id (identifier)');
  a.s(`    client-secret: ${cs}`, 'workday', cs);
  a.s(`    refresh-token: ${rt}`, 'workday', rt);
  a.l('  raas:', '    report: INT_Student_Enrollments_Canvas');

  const j = repo.file(
    'integrations/workday-student/src/main/java/edu/hollis/workday/soap/WorkdaySecurityHandler.java',
    'java',
  );
  const wp = g.gen(20);
  j.l(
    'package edu.hollis.workday.soap;',
    '',
    'import org.apache.wss4j.dom.message.WSSecUsernameToken;',
    '',
    'public class WorkdaySecurityHandler {',
    '    private static final String ISU_USER = "ISU_Student_Sync@hollisstate";',
  );
  j.s(`    private static final String ISU_PASSWORD = "${wp}";`, 'generic', wp);
  j.l('', '    void sign(WSSecUsernameToken token) {', '        token.setUserInfo(ISU_USER, ISU_PASSWORD);', '    }');
  j.l('    private final String fromEnv = System.getenv("WORKDAY_ISU_PASSWORD");');
  j.l('}');

  const r = repo.file('integrations/workday-student/scripts/raas_pull.py', 'python');
  const rp = g.gen(20);
  r.l(
    'import csv',
    'import io',
    'import requests',
    '',
    'URL = "https://wd5-services1.myworkday.com/ccx/service/customreport2/hollisstate/ISU_RaaS/INT_Student_Holds?format=csv"',
    '',
  );
  r.s(`resp = requests.get(URL, auth=("ISU_RaaS@hollisstate", "${rp}"), timeout=120)`, 'generic', rp);
  r.l('rows = list(csv.DictReader(io.StringIO(resp.text)))');
}

// ---- Canvas, Blackboard, LTI 1.3 -------------------------------------------------------------

function lms(repo, t, g) {
  const c = repo.file('integrations/canvas/sis-import/config.yml', 'lms');
  const ct = g.canvasToken();
  const bt = g.canvasToken();
  c.l('canvas:', '  base_url: https://hollis.instructure.com', '  account_id: 1');
  c.s(`  api_token: ${ct}`, 'canvas', ct);
  c.l('beta:', '  base_url: https://hollis.beta.instructure.com');
  c.s(`  api_token: "${bt}"`, 'canvas', bt);
  c.l('test:', '  base_url: https://hollis.test.instructure.com');
  c.d('  api_token: <generate under Account > Settings > Approved Integrations>', 'placeholder');

  const s = repo.file('integrations/canvas/sis-import/sis_import.py', 'lms');
  const fb = g.canvasToken();
  s.l('import os', 'import time', 'import requests', '', 'BASE = "https://hollis.instructure.com/api/v1"');
  s.s(`TOKEN = os.environ.get("CANVAS_TOKEN", "${fb}")`, 'canvas', fb);
  s.l('HEADERS = {"Authorization": f"Bearer {TOKEN}"}');
  s.l(
    '',
    'def upload(zip_path):',
    '    with open(zip_path, "rb") as fh:',
    '        r = requests.post(f"{BASE}/accounts/1/sis_imports?import_type=instructure_csv", headers=HEADERS, data=fh)',
    '    return r.json()["id"]',
  );

  const dk = repo.file('integrations/canvas/developer-keys/hsu-course-tools.json', 'lms');
  const jwkN = g.jwkN();
  dk.l('{', '  "title": "HSU Course Tools",', '  "description": "Roster photos, attendance and grade passback",');
  dk.d(`  "client_id": "${g.canvasClientId()}",`, 'canvas developer key client id (public)');
  dk.l(
    '  "oidc_initiation_url": "https://lti.hollis.edu/login",',
    '  "target_link_uri": "https://lti.hollis.edu/launch",',
    '  "public_jwk": {',
  );
  dk.d(`    "n": "${jwkN}",`, 'rsa public key modulus');
  dk.l('    "e": "AQAB",', '    "kty": "RSA",', '    "alg": "RS256",', '    "use": "sig"', '  },');
  dk.l(`  "deployment_id": "${t.digits(3)}:${t.sha1()}"`);
  dk.l('}');

  const k = repo.file('integrations/lti/course-tools/keys/platform-private.key', 'keys');
  const pk = t.pkcs8Pem();
  k.s(pk, 'private-key', pk.join('\n'));
  const pub = repo.file('integrations/lti/course-tools/keys/platform-public.pem', 'keys');
  pub.d(g.pubPem(), 'public key');

  const i = repo.file('integrations/lti/course-tools/src/index.js', 'js');
  const ltiKey = g.plain(32);
  const mpw = g.plain(20);
  const dks = g.canvasKeySecret();
  const cid = g.canvasClientId();
  i.l("const lti = require('ltijs').Provider;", '');
  i.s(`lti.setup('${ltiKey}',`, 'generic', ltiKey);
  i.s(`  { url: 'mongodb://ltitools:${mpw}@mongo-0.lti.svc:27017/ltidb?authSource=admin' },`, 'mongodb', mpw);
  i.l("  { appRoute: '/launch', loginRoute: '/login', cookies: { secure: true, sameSite: 'None' } },", ');', '');
  i.l('// OAuth2 (API) half of the developer key, for the names-and-roles fallback', 'const canvasOAuth = {');
  i.d(`  clientId: '${cid}',`, 'canvas developer key client id (public)');
  i.s(`  clientSecret: '${dks}',`, 'canvas', dks);
  i.l("  redirectUri: 'https://lti.hollis.edu/oauth2response',", '};');
  i.l('const platformKey = process.env.LTI_PLATFORM_KEY;');

  const b = repo.file('integrations/blackboard/bb_rest.py', 'lms');
  const bs = g.bbSecret();
  b.l(
    '"""Blackboard Learn REST client for the continuing-ed tenant (still on Learn Ultra)."""',
    'import requests',
    '',
    'LEARN = "https://learn.ce.hollis.edu"',
  );
  b.d(`APP_KEY = "${t.uuid()}"`, 'blackboard application key (oauth client id)');
  b.s(`APP_SECRET = "${bs}"`, 'blackboard', bs);
  b.l(
    '',
    'def token():',
    '    r = requests.post(f"{LEARN}/learn/api/public/v1/oauth2/token", data={"grant_type": "client_credentials"}, auth=(APP_KEY, APP_SECRET))',
    '    return r.json()["access_token"]',
  );

  const sf = repo.file('integrations/blackboard/sis-framework/post_snapshot.sh', 'lms');
  const sisPw = g.plain(20);
  sf.l(
    '#!/usr/bin/env bash',
    '# Learn SIS Framework snapshot flat-file upload (integration "HSU-CE-Banner")',
    'set -euo pipefail',
  );
  sf.s(
    `curl -s -u "${t.uuid()}:${sisPw}" -H "Content-Type: text/plain" --data-binary @enroll.txt https://learn.ce.hollis.edu/webapps/bb-data-integration-flatfile-BB5a9/endpoint/membership/store`,
    'generic',
    sisPw,
  );
  sf.l(
    'curl -s -u "$SIS_USER:$SIS_PASS" --data-binary @users.txt https://learn.ce.hollis.edu/webapps/bb-data-integration-flatfile-BB5a9/endpoint/person/store',
  );
}

// ---- Shibboleth IdP, CAS, Duo, FreeRADIUS / eduroam ------------------------------------------

function identity(repo, t, g) {
  const ip = repo.file('identity/shibboleth-idp/conf/idp.properties', 'identity');
  ip.l(
    'idp.entityID= https://idp.hollis.edu/idp/shibboleth',
    'idp.scope= hollis.edu',
    'idp.sealer.storeResource= %{idp.home}/credentials/sealer.jks',
  );
  ip.d('idp.sealer.storePassword= %{idp.sealer.password}', 'property reference');
  ip.l('idp.sealer.keyPassword= %{idp.sealer.password}');
  ip.l('idp.additionalProperties= /credentials/secrets.properties');

  const sp = repo.file('identity/shibboleth-idp/credentials/secrets.properties', 'identity');
  const sealer = g.gen(24);
  const bind = g.gen(22);
  const salt = t.mixed(URLSAFE, 32);
  const dbPw = g.gen(18);
  const skey = g.duoSkey();
  sp.l('# This is a reserved spot for most properties containing passwords or other secrets.', '');
  sp.s(`idp.sealer.password = ${sealer}`, 'generic', sealer);
  sp.l(
    '',
    '# LDAP bind for attribute resolution and password authn',
    'idp.attribute.resolver.LDAP.bindDN = CN=svc_shibidp,OU=Service Accounts,DC=ad,DC=hollis,DC=edu',
  );
  sp.s(`idp.attribute.resolver.LDAP.bindCredential = ${bind}`, 'generic', bind);
  sp.l('idp.authn.LDAP.bindDNCredential = %{idp.attribute.resolver.LDAP.bindCredential:undefined}');
  sp.l('', '# Salt used to generate persistent/pairwise IDs, must be kept secret');
  sp.s(`idp.persistentId.salt = ${salt}`, 'generic', salt);
  sp.l('', 'idp.persistentId.store.password.hint = stored-id database');
  sp.s(`idp.persistentId.DataSource.password = ${dbPw}`, 'generic', dbPw);
  sp.l('', '# Duo Universal Prompt (OIDC)');
  sp.d(`idp.duo.oidc.clientId = ${g.duoIkey()}`, 'duo client id (integration key, identifier)');
  sp.s(`idp.duo.oidc.secretKey = ${skey}`, 'duo', skey);
  sp.l(`idp.duo.oidc.apiHost = ${g.duoHost()}`);

  const sk = repo.file('identity/shibboleth-idp/credentials/idp-signing.key', 'keys');
  const rsa = t.rsaPem();
  sk.s(rsa, 'private-key', rsa.join('\n'));
  const sc = repo.file('identity/shibboleth-idp/credentials/idp-signing.crt', 'keys');
  sc.d(g.cert(), 'certificate');
  const md = repo.file('identity/shibboleth-idp/metadata/idp-metadata.xml', 'identity');
  md.l(
    '<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idp.hollis.edu/idp/shibboleth">',
    '  <IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">',
    '    <KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data>',
  );
  md.d(`      <ds:X509Certificate>${g.certBody()}</ds:X509Certificate>`, 'idp signing certificate');
  md.l('    </ds:X509Data></ds:KeyInfo></KeyDescriptor>', '  </IDPSSODescriptor>', '</EntityDescriptor>');

  const ar = repo.file('identity/shibboleth-idp/conf/attribute-resolver.xml', 'identity');
  const arPw = g.gen(20);
  ar.l(
    '<AttributeResolver xmlns="urn:mace:shibboleth:2.0:resolver" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    '  <DataConnector id="bannerSQL" xsi:type="RelationalDatabase">',
    '    <BeanManagedConnection>',
    '      <bean class="org.apache.commons.dbcp2.BasicDataSource">',
    '        <property name="driverClassName" value="oracle.jdbc.OracleDriver"/>',
    '        <property name="url" value="jdbc:oracle:thin:@//banprd-scan.db.hollis.edu:1521/PROD"/>',
    '        <property name="username" value="shib_attr_read"/>',
  );
  ar.s(`        <property name="password" value="${arPw}"/>`, 'generic', arPw);
  ar.l(
    '      </bean>',
    '    </BeanManagedConnection>',
    '  </DataConnector>',
    '  <DataConnector id="myLDAP" xsi:type="LDAPDirectory"',
  );
  ar.l('      principalCredential="%{idp.attribute.resolver.LDAP.bindCredential}"');
  ar.l('      ldapURL="ldaps://ad.hollis.edu"/>', '</AttributeResolver>');

  const cp = repo.file('identity/cas/etc/cas/config/cas.properties', 'identity');
  const tgcE = g.casEnc();
  const tgcS = g.casSig();
  const wfE = t.mixed(URLSAFE, 22);
  const wfS = g.casSig();
  const lb = g.gen(22);
  const duo = g.duoSkey();
  cp.l('cas.server.name=https://cas.hollis.edu', 'cas.server.prefix=${cas.server.name}/cas', '');
  cp.s(`cas.tgc.crypto.encryption.key=${tgcE}`, 'generic', tgcE);
  cp.s(`cas.tgc.crypto.signing.key=${tgcS}`, 'generic', tgcS);
  cp.s(`cas.webflow.crypto.encryption.key=${wfE}`, 'generic', wfE);
  cp.s(`cas.webflow.crypto.signing.key=${wfS}`, 'generic', wfS);
  cp.l(
    '',
    'cas.authn.ldap[0].type=AUTHENTICATED',
    'cas.authn.ldap[0].ldap-url=ldaps://ad.hollis.edu',
    'cas.authn.ldap[0].bind-dn=CN=svc_cas,OU=Service Accounts,DC=ad,DC=hollis,DC=edu',
  );
  cp.s(`cas.authn.ldap[0].bind-credential=${lb}`, 'generic', lb);
  cp.l('', `cas.authn.mfa.duo[0].duo-api-host=${g.duoHost()}`);
  cp.d(`cas.authn.mfa.duo[0].duo-integration-key=${g.duoIkey()}`, 'duo integration key (identifier)');
  cp.s(`cas.authn.mfa.duo[0].duo-secret-key=${duo}`, 'duo', duo);
  cp.l('cas.authn.mfa.duo[1].duo-secret-key=${DUO_STAFF_SKEY}');

  const rs = repo.file('identity/cas/etc/cas/services/HousingPortal-10042.json', 'identity');
  const oidc = g.plain(40);
  rs.l('{', '  "@class" : "org.apereo.cas.services.OidcRegisteredService",', '  "clientId" : "housing-portal",');
  rs.s(`  "clientSecret" : "${oidc}",`, 'generic', oidc);
  rs.l(
    '  "serviceId" : "^https://housing\\\\.hollis\\\\.edu/auth/callback.*",',
    '  "name" : "HousingPortal",',
    '  "id" : 10042,',
    '  "scopes" : [ "java.util.HashSet", [ "openid", "profile", "email" ] ]',
    '}',
  );

  const rc = repo.file('identity/radius/freeradius/clients.conf', 'identity');
  const fl1 = g.plain(24);
  const fl2 = g.plain(24);
  const wlc = g.gen(20);
  rc.l('client localhost {', '    ipaddr = 127.0.0.1', '    proto = *');
  rc.d('    secret = testing123', 'freeradius shipped default for the localhost test client');
  rc.l('}', '', '# eduroam federation level RADIUS (FLR) proxies', 'client flr1 {', '    ipaddr = 163.253.30.2');
  rc.s(`    secret = ${fl1}`, 'generic', fl1);
  rc.l('    shortname = eduroam-flr1', '}', 'client flr2 {', '    ipaddr = 163.253.31.2');
  rc.s(`    secret = ${fl2}`, 'generic', fl2);
  rc.l('    shortname = eduroam-flr2', '}', 'client campus-wlc {', '    ipaddr = 10.40.0.0/16');
  rc.s(`    secret = "${wlc}"`, 'generic', wlc);
  rc.l('}');
}

// ---- Active Directory / Entra ID provisioning, Grouper ---------------------------------------

function directory(repo, t, g) {
  const p = repo.file('identity/ad-provisioning/New-StudentAccounts.ps1', 'powershell');
  const svc = g.gen(22);
  const az = t.azureClientSecret();
  p.l(
    '#Requires -Modules ActiveDirectory, Microsoft.Graph.Authentication',
    'param([string]$FeedPath = "\\\\ids01.ad.hollis.edu\\feeds\\banner_new_students.csv")',
    '',
  );
  p.s(
    `$svcCred = New-Object System.Management.Automation.PSCredential("HOLLIS\\svc_adprov", (ConvertTo-SecureString "${svc}" -AsPlainText -Force))`,
    'generic',
    svc,
  );
  p.l(`$tenantId = "${t.uuid()}"`);
  p.d(`$appId = "${t.uuid()}"`, 'entra app client id');
  p.s(`$graphSecret = ConvertTo-SecureString "${az}" -AsPlainText -Force`, 'azure', az);
  p.l(
    'Connect-MgGraph -TenantId $tenantId -ClientSecretCredential (New-Object PSCredential($appId, $graphSecret)) -NoWelcome',
    '',
    'foreach ($s in Import-Csv $FeedPath) {',
  );
  p.l('    $initial = "Hsu!" + $s.BirthDate.Replace("/", "") + $s.Last4');
  p.l(
    '    New-ADUser -Name $s.NetId -Credential $svcCred -AccountPassword (ConvertTo-SecureString $initial -AsPlainText -Force) -Enabled $true -Path "OU=Students,DC=ad,DC=hollis,DC=edu"',
  );
  p.l('}');

  const ej = repo.file('identity/ad-provisioning/config/entra-app.json', 'powershell');
  const ejs = t.azureClientSecret();
  ej.l('{');
  ej.l(`  "TenantId": "${t.uuid()}",`);
  ej.d(`  "ClientId": "${t.uuid()}",`, 'client id');
  ej.s(`  "ClientSecret": "${ejs}",`, 'azure', ejs);
  ej.l(
    '  "StudentLicenseSku": "STANDARDWOFFPACK_IW_STUDENT",',
    '  "FacultyLicenseSku": "STANDARDWOFFPACK_IW_FACULTY"',
    '}',
  );

  const sy = repo.file('identity/ad-provisioning/Sync-EntraGroups.ps1', 'powershell');
  const sys = t.azureClientSecret();
  sy.l(
    '$body = @{',
    '    grant_type    = "client_credentials"',
    '    scope         = "https://graph.microsoft.com/.default"',
  );
  sy.d(`    client_id     = "${t.uuid()}"`, 'client id');
  sy.s(`    client_secret = "${sys}"`, 'azure', sys);
  sy.l('}');
  sy.l(
    '$tok = Invoke-RestMethod -Method Post -Uri "https://login.microsoftonline.com/hollisstate.onmicrosoft.com/oauth2/v2.0/token" -Body $body',
  );
  sy.l('$grouperPw = Get-Secret -Name grouper-ws -AsPlainText');

  const gh = repo.file('identity/grouper/conf/grouper.hibernate.properties', 'identity');
  const ghp = g.gen(20);
  gh.l(
    'hibernate.connection.url = jdbc:postgresql://grouper-db.idm.hollis.edu:5432/grouper',
    'hibernate.connection.username = grouper',
  );
  gh.s(`hibernate.connection.password = ${ghp}`, 'generic', ghp);
  gh.d(
    "hibernate.connection.password.elConfig = ${java.lang.System.getenv().get('GROUPER_DB_PASS')}",
    'env expression',
  );

  const gl = repo.file('identity/grouper/conf/grouper-loader.properties', 'identity');
  const glp = g.gen(22);
  gl.l(
    'ldap.personLdap.url = ldaps://ad.hollis.edu:636',
    'ldap.personLdap.user = CN=svc_grouper,OU=Service Accounts,DC=ad,DC=hollis,DC=edu',
  );
  gl.s(`ldap.personLdap.pass = ${glp}`, 'generic', glp);
  gl.l('ldap.psLdap.pass = /opt/grouper/conf/secrets/psldap.pass');

  const gc = repo.file('identity/grouper/conf/grouper.client.properties', 'identity');
  const gcp = g.gen(20);
  gc.l(
    'grouperClient.webService.url = https://grouper.hollis.edu/grouper-ws/servicesRest',
    'grouperClient.webService.login = GrouperSystem_ws_canvas',
  );
  gc.s(`grouperClient.webService.password = ${gcp}`, 'generic', gcp);

  const ms = repo.file('identity/grouper/conf/morphString.properties', 'identity');
  const mk = g.plain(32);
  ms.l('# key that encrypts the other grouper passwords; keep out of version control');
  ms.s(`encrypt.key = ${mk}`, 'generic', mk);
  ms.l('encrypt.disableExternalFileLookup = false');
}

// ---- Java Spring ID-card service ---------------------------------------------------------

function idcard(repo, t, g) {
  const a = repo.file('services/idcard/src/main/resources/application.yml', 'java');
  const db = g.gen(20);
  const tr = t.alnum(48);
  const hid = g.plain(40);
  const az = t.azureClientSecret();
  a.l(
    'spring:',
    '  datasource:',
    '    url: jdbc:sqlserver://idcard-sql.ad.hollis.edu:1433;databaseName=CardOffice;encrypt=true',
    '    username: idcard_app',
  );
  a.s(`    password: "${db}"`, 'generic', db);
  a.l('  security:', '    oauth2:', '      client:', '        registration:', '          entra:');
  a.d(`            client-id: ${t.uuid()}`, 'entra client id');
  a.s(`            client-secret: ${az}`, 'azure', az);
  a.l('transact:', '  base-url: https://hollis.transactcampus.net/api/v2', '  institution-id: 1187');
  a.s(`  api-key: ${tr}`, 'generic', tr);
  a.l('hid-origo:', '  org-id: 4410', '  client-id: hollis-mobileid');
  a.s(`  client-secret: "${hid}"`, 'generic', hid);
  a.l('photos:', '  bucket: hsu-idcard-photos-prod');
  a.l('  kms-key-arn: arn:aws:kms:us-east-1:418207395511:alias/idcard-photos');

  const ap = repo.file('services/idcard/src/main/resources/application-prod.properties', 'java');
  const ks = g.plain(16);
  ap.l('server.ssl.key-store=classpath:keystore/idcard.p12');
  ap.s(`server.ssl.key-store-password=${ks}`, 'generic', ks);
  ap.l('spring.datasource.password=${IDCARD_DB_PASSWORD}');
  ap.d('server.ssl.trust-store-password=changeit', 'jdk default truststore password');

  const ps = repo.file('services/idcard/src/main/java/edu/hollis/idcard/photo/PhotoStore.java', 'java');
  const ak = t.awsId();
  const as = t.awsSecret();
  ps.l(
    'package edu.hollis.idcard.photo;',
    '',
    'import com.amazonaws.auth.AWSStaticCredentialsProvider;',
    'import com.amazonaws.auth.BasicAWSCredentials;',
    'import com.amazonaws.services.s3.AmazonS3ClientBuilder;',
    '',
    'public class PhotoStore {',
    '    // TODO(IDC-212): switch to the IRSA role once the OpenShift cluster supports it',
    '    private final BasicAWSCredentials creds = new BasicAWSCredentials(',
  );
  ps.s(`        "${ak}",`, 'aws', ak);
  ps.s(`        "${as}");`, 'aws', as);
  ps.l(
    '    private final var s3 = AmazonS3ClientBuilder.standard().withCredentials(new AWSStaticCredentialsProvider(creds)).build();',
    '}',
  );

  const ms = repo.file('services/idcard/.mvn/settings.xml', 'java');
  const np = g.gen(20);
  ms.l('<settings>', '  <servers>', '    <server>', '      <id>hsu-nexus</id>', '      <username>idcard-ci</username>');
  ms.s(`      <password>${np}</password>`, 'generic', np);
  ms.l('    </server>', '    <server>', '      <id>hsu-nexus-snapshots</id>', '      <username>idcard-ci</username>');
  ms.l('      <password>${env.NEXUS_PASSWORD}</password>');
  ms.l('    </server>', '  </servers>', '</settings>');

  const te = repo.file('services/idcard/src/test/resources/application-test.yml', 'java');
  te.l('spring:', '  datasource:', '    url: jdbc:h2:mem:cards', '    username: sa');
  te.l('    password:');
  te.l('transact:');
  te.d('  api-key: test-transact-key-not-real', 'test fixture');
  te.l('hid-origo:');
  te.l('  client-secret: fake-hid-secret');
}

// ---- Flask housing portal -----------------------------------------------------------------

function housing(repo, t, g) {
  const c = repo.file('apps/housing-portal/housing/config.py', 'python');
  const sk = t.pick(HEX, 64);
  const dbp = g.plain(20);
  const sr = t.alnum(32);
  const rc = g.recaptcha();
  const sg = t.sendgrid();
  c.l('import os', '', 'class ProdConfig:');
  c.s(`    SECRET_KEY = "${sk}"`, 'generic', sk);
  c.s(
    `    SQLALCHEMY_DATABASE_URI = "postgresql+psycopg2://housing:${dbp}@housing-db.apps.hollis.edu:5432/housing"`,
    'database',
    dbp,
  );
  c.l('    STARREZ_URL = "https://hollis.starrezhousing.com/StarRezREST/services"', '    STARREZ_USER = "svc_portal"');
  c.s(`    STARREZ_TOKEN = "${sr}"`, 'generic', sr);
  c.d(`    RECAPTCHA_PUBLIC_KEY = "${g.recaptcha()}"`, 'recaptcha site key (public)');
  c.s(`    RECAPTCHA_PRIVATE_KEY = "${rc}"`, 'recaptcha', rc);
  c.l('    MAIL_SERVER = "smtp.sendgrid.net"', '    MAIL_USERNAME = "apikey"');
  c.s(`    MAIL_PASSWORD = "${sg}"`, 'sendgrid', sg);
  c.l('    SAML_SP_KEY = "/etc/housing/saml/sp-key.pem"');
  c.l('', 'class DevConfig(ProdConfig):');
  c.l('    SECRET_KEY = os.environ.get("FLASK_SECRET_KEY", "dev")');
  c.l('    SQLALCHEMY_DATABASE_URI = "sqlite:///dev.db"');

  const tn = repo.file('apps/housing-portal/housing/payments/touchnet.py', 'python');
  const post = g.plain(24);
  tn.l('import base64', 'import hashlib', '', 'UPAY_URL = "https://secure.touchnet.net/C21490_upay/web/index.jsp"');
  tn.l('UPAY_SITE_ID = "14"');
  tn.s(`UPAY_POSTING_KEY = "${post}"`, 'generic', post);
  tn.l('', 'def validation_key(ext_trans_id, amount):');
  tn.l(
    '    return base64.b64encode(hashlib.md5((UPAY_POSTING_KEY + ext_trans_id + amount).encode()).digest()).decode()',
  );

  const e = repo.file('apps/housing-portal/.env', 'env');
  const edb = g.plain(20);
  const tw = t.twilioToken();
  e.l('FLASK_ENV=production');
  e.s(`DATABASE_URL=postgresql://housing:${edb}@housing-db.apps.hollis.edu:5432/housing`, 'database', edb);
  e.l(`TWILIO_ACCOUNT_SID=${t.twilioSid()}`);
  e.s(`TWILIO_AUTH_TOKEN=${tw}`, 'twilio', tw);
  e.d(
    `SENTRY_DSN=https://${t.hex(32)}@o${t.digits(6)}.ingest.us.sentry.io/${t.digits(7)}`,
    'sentry dsn (public by design)',
  );
  e.l('STARREZ_TOKEN=');

  const rq = repo.file('apps/housing-portal/requirements.txt', 'python');
  rq.d(`flask==3.0.3 --hash=sha256:${t.sha256()}`, 'pip hash');
  for (const pkg of ['sqlalchemy==2.0.31', 'pysaml2==7.5.0']) rq.l(`${pkg} --hash=sha256:${t.sha256()}`);

  const cf = repo.file('apps/housing-portal/tests/conftest.py', 'python');
  cf.l('import pytest', '', '@pytest.fixture', 'def app():', '    app = create_app({');
  cf.d('        "SECRET_KEY": "test-secret-key-for-pytest",', 'test fixture');
  cf.l('        "STARREZ_TOKEN": "fake-starrez-token",');
  cf.l('    })', '    return app');
}

// ---- Node.js library proxy: EZproxy, Alma, Primo -----------------------------------------------

function library(repo, t, g) {
  const c = repo.file('apps/library-proxy/src/config.js', 'js');
  const alma = g.alma();
  const primo = g.alma();
  const sl = t.slackBot();
  c.l("'use strict';", '', 'module.exports = {', "  almaBase: 'https://api-na.hosted.exlibrisgroup.com/almaws/v1',");
  c.s(`  almaApiKey: '${alma}',`, 'alma', alma);
  c.s(`  primoApiKey: "${primo}",`, 'alma', primo);
  c.l("  primoVid: '01HSU_INST:HSU',");
  c.s(`  slackToken: '${sl}', // #lib-systems alerts`, 'slack', sl);
  c.l('  ezproxyTicketSecret: process.env.EZPROXY_TICKET_SECRET,');
  c.l('};');

  const n = repo.file('apps/library-proxy/.npmrc', 'js');
  const npm = t.npm();
  n.l('registry=https://registry.npmjs.org/');
  n.s(`//registry.npmjs.org/:_authToken=${npm}`, 'npm', npm);
  n.d('//gitlab.hollis.edu/api/v4/projects/118/packages/npm/:_authToken=${CI_JOB_TOKEN}', 'variable');

  const ez = repo.file('apps/library-proxy/ezproxy/config.txt', 'library');
  const tk = g.plain(24);
  const lb = g.gen(20);
  ez.l(
    'Name ezproxy.hollis.edu',
    'LoginPortSSL 443',
    'Option ForceHTTPSLogin',
    '',
    '# Ticket auth from the library discovery layer',
    '::Ticket',
    'TimeValid 10',
  );
  ez.s(`MD5 ${tk}`, 'generic', tk);
  ez.l(
    'Expired; Deny expired.html',
    '/Ticket',
    '',
    '::LDAP',
    'URL ldaps://ad.hollis.edu/DC=ad,DC=hollis,DC=edu?sAMAccountName?sub?(objectClass=person)',
  );
  ez.l('BindUser CN=svc_ezproxy,OU=Service Accounts,DC=ad,DC=hollis,DC=edu');
  ez.s(`BindPassword ${lb}`, 'generic', lb);
  ez.l('/LDAP', '', 'Title JSTOR', 'URL https://www.jstor.org', 'DJ jstor.org');

  const us = repo.file('apps/library-proxy/ezproxy/user.txt', 'library');
  const adm = g.human();
  us.l('# local accounts (walk-in and admin)');
  us.s(`ezadmin:${adm}:Admin`, 'generic', adm);
  us.l('::CAS');
  us.l(
    'LoginURL https://cas.hollis.edu/cas/login',
    'ServiceValidateURL https://cas.hollis.edu/cas/serviceValidate',
    '/CAS',
  );

  const pr = repo.file('apps/library-proxy/src/primo.ts', 'js');
  pr.l("import fetch from 'node-fetch';", '');
  pr.l(
    'export const search = (q: string) => fetch(`https://api-na.hosted.exlibrisgroup.com/primo/v1/search?vid=01HSU_INST:HSU&q=any,contains,${encodeURIComponent(q)}&apikey=${process.env.PRIMO_KEY}`);',
  );

  const fx = repo.file('apps/library-proxy/test/fixtures/alma-user.json', 'decoys');
  fx.l('{', '  "_note": "recorded response; api key scrubbed",');
  fx.d(
    '  "request": "GET /almaws/v1/users/900123456?apikey=l7xxXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",',
    'scrubbed placeholder key',
  );
  fx.l('  "primary_id": "900123456",');
  fx.l('  "user_group": { "value": "UGRAD" }', '}');
}

// ---- Zoom and Kaltura --------------------------------------------------------------------------

function media(repo, t, g) {
  const z = repo.file('integrations/zoom/recordings_to_kaltura.py', 'python');
  const zs = g.zoomSecret();
  const ks = g.kalturaSecret();
  const wh = g.zoomWebhook();
  const pid = g.kalturaPid();
  z.l(
    '"""Move Zoom cloud recordings into Kaltura MediaSpace categories (nightly cron on media01)."""',
    'import requests',
    'from KalturaClient import KalturaClient, KalturaConfiguration',
    'from KalturaClient.Plugins.Core import KalturaSessionType',
    '',
  );
  z.l(`ZOOM_ACCOUNT_ID = "${g.zoomAccount()}"`);
  z.d(`ZOOM_CLIENT_ID = "${g.zoomClientId()}"`, 'zoom client id');
  z.s(`ZOOM_CLIENT_SECRET = "${zs}"`, 'zoom', zs);
  z.s(`ZOOM_WEBHOOK_SECRET_TOKEN = "${wh}"`, 'zoom', wh);
  z.d(`KALTURA_PARTNER_ID = ${pid}`, 'kaltura partner id');
  z.s(`KALTURA_ADMIN_SECRET = "${ks}"`, 'kaltura', ks);
  z.l(
    '',
    'def zoom_token():',
    '    r = requests.post("https://zoom.us/oauth/token", params={"grant_type": "account_credentials", "account_id": ZOOM_ACCOUNT_ID}, auth=(ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET))',
    '    return r.json()["access_token"]',
  );

  const k = repo.file('integrations/kaltura/lib/session.php', 'php');
  const kus = g.kalturaSecret();
  const pid2 = g.kalturaPid();
  k.l(
    '<?php',
    "require_once __DIR__ . '/../vendor/autoload.php';",
    '',
    '$config = new KalturaConfiguration();',
    "$config->setServiceUrl('https://www.kaltura.com');",
    '$client = new KalturaClient($config);',
  );
  k.s(
    `$ks = $client->session->start('${kus}', 'mediaspace-sync@hollis.edu', KalturaSessionType::ADMIN, ${pid2}, 86400, 'disableentitlement');`,
    'kaltura',
    kus,
  );
  k.l("$ks2 = $client->session->start(getenv('KALTURA_ADMIN_SECRET'), null, KalturaSessionType::ADMIN, 2411031);");

  const em = repo.file('integrations/kaltura/embed/lecture-capture.html', 'kaltura');
  const pid3 = g.kalturaPid();
  const kss = g.ks(pid3);
  em.l(
    '<!doctype html>',
    '<html><body>',
    `<div id="kplayer"></div>`,
    `<script src="https://cdnapisec.kaltura.com/p/${pid3}/embedPlaykitJs/uiconf_id/${t.digits(8)}"></script>`,
    '<script>',
  );
  em.l(
    '  const player = KalturaPlayer.setup({',
    "    targetId: 'kplayer',",
    '    provider: {',
    `      partnerId: ${pid3},`,
  );
  em.s(`      ks: '${kss}'`, 'kaltura', kss);
  em.l('    }', '  });', `  player.loadMedia({ entryId: '1_${t.lower(8)}' });`, '</script>', '</body></html>');
}

// ---- TouchNet and Flywire -------------------------------------------------------------------

function payments(repo, t, g) {
  const tl = repo.file('integrations/payments/touchnet/tlink.properties', 'payments');
  const tp = g.gen(20);
  const pk = g.plain(24);
  tl.l(
    'tlink.url=https://secure.touchnet.net:8703/C21490test_tlink/services/TPGSecureLink',
    'tlink.username=hsu_bursar_ws',
  );
  tl.s(`tlink.password=${tp}`, 'generic', tp);
  tl.l('upay.site.id=7');
  tl.s(`upay.posting.key=${pk}`, 'generic', pk);
  tl.d('tlink.password.test=${TLINK_TEST_PASSWORD}', 'placeholder');

  const fw = repo.file('integrations/payments/flywire/app.rb', 'ruby');
  const fs = g.plain(32);
  const fk = t.alnum(40);
  fw.l("require 'sinatra'", "require 'openssl'", "require 'json'", '');
  fw.s(`FLYWIRE_SHARED_SECRET = '${fs}'`, 'generic', fs);
  fw.s(`FLYWIRE_API_KEY = "${fk}"`, 'generic', fk);
  fw.l("FLYWIRE_PORTAL_CODE = 'HSU'");
  fw.l('', "post '/flywire/callback' do", '  body = request.body.read');
  fw.l(
    "  halt 401 unless Rack::Utils.secure_compare(request.env['HTTP_X_FLYWIRE_DIGEST'], Base64.strict_encode64(OpenSSL::HMAC.digest('sha256', FLYWIRE_SHARED_SECRET, body)))",
  );
  fw.l('  BannerArPost.enqueue(JSON.parse(body))', '  200', 'end');
}

// ---- Slate admissions, Qualtrics ---------------------------------------------------------------

function admissions(repo, t, g) {
  const s = repo.file('integrations/slate/slate_to_banner.py', 'python');
  const wp = g.gen(20);
  const sf = g.gen(18);
  s.l('import paramiko', 'import requests', '', 'SLATE_QUERY = "https://apply.hollis.edu/manage/query/run"', '');
  s.s(
    `resp = requests.get(SLATE_QUERY, params={"id": "${t.uuid()}", "cmd": "service", "output": "json"}, auth=("hsu_banner_pull", "${wp}"))`,
    'generic',
    wp,
  );
  s.l('transport = paramiko.Transport(("ft.technolutions.net", 22))');
  s.s(`transport.connect(username="hollis", password="${sf}")`, 'generic', sf);
  s.l('transport2.connect(username="hollis", pkey=paramiko.RSAKey.from_private_key_file("/etc/slate/id_rsa"))');

  const q = repo.file('integrations/qualtrics/course_eval_export.R', 'r');
  const qt = g.qualtrics();
  q.l('library(qualtRics)', 'library(dplyr)', '');
  q.s(`qualtrics_api_credentials(api_key = "${qt}",`, 'qualtrics', qt);
  q.l(
    '                          base_url = "hollisstate.ca1.qualtrics.com",',
    '                          install = FALSE)',
  );
  q.d(`evals <- fetch_survey(surveyID = "SV_${t.mixed(ALNUM, 15)}", verbose = TRUE)`, 'qualtrics survey id');
  q.l(
    'qualtrics_api_credentials(api_key = Sys.getenv("QUALTRICS_API_KEY"), base_url = "hollisstate.ca1.qualtrics.com")',
  );

  const qc = repo.file('integrations/qualtrics/contacts_sync.py', 'python');
  const qt2 = g.qualtrics();
  qc.l('import requests', '', 'DC = "ca1"');
  qc.d(`DIRECTORY = "POOL_${t.mixed(ALNUM, 15)}"`, 'qualtrics directory id');
  qc.s(`HEADERS = {"X-API-TOKEN": "${qt2}", "Content-Type": "application/json"}`, 'qualtrics', qt2);
  qc.l('requests.get(f"https://{DC}.qualtrics.com/API/v3/directories/{DIRECTORY}/contacts", headers=HEADERS)');
}

// ---- Jamf and Intune ------------------------------------------------------------------------

function devices(repo, t, g) {
  const j = repo.file('devices/jamf/scripts/refresh_lab_inventory.sh', 'shell');
  const jp = g.gen(18);
  const js = g.jamfSecret();
  j.l(
    '#!/bin/zsh',
    '# Run from the imaging Mac in Library 014 after each reimage',
    'JSS="https://hollis.jamfcloud.com"',
  );
  j.s(
    `TOKEN=$(curl -su "jamf-api-labs:${jp}" -X POST "$JSS/api/v1/auth/token" | plutil -extract token raw -)`,
    'generic',
    jp,
  );
  j.d(`CLIENT_ID="${t.uuid()}"`, 'jamf api client id');
  j.s(`CLIENT_SECRET="${js}"`, 'jamf', js);
  j.l(
    'curl -s "$JSS/api/oauth/token" -d "client_id=$CLIENT_ID&grant_type=client_credentials&client_secret=$CLIENT_SECRET"',
  );
  j.l('API_PASS="$4"  # Jamf policy script parameter 4');

  const fw = repo.file('devices/jamf/scripts/set_firmware_password.sh', 'shell');
  const fp = g.plain(12);
  fw.l('#!/bin/bash', '# Intel lab Macs only (Apple silicon uses Recovery Lock via MDM)');
  fw.s(
    `/usr/bin/expect -c 'spawn firmwarepasswd -setpasswd; expect "Enter new password:"; send "${fp}\\r"; expect eof'`,
    'generic',
    fp,
  );

  const i = repo.file('devices/intune/Deploy-LabApps.ps1', 'powershell');
  const az = t.azureClientSecret();
  i.l('Import-Module Microsoft.Graph.DeviceManagement');
  i.l(`$TenantId = "${t.uuid()}"`);
  i.d(`$ClientId = "${t.uuid()}"`, 'client id');
  i.s(`$ClientSecret = "${az}"`, 'azure', az);
  i.l(
    '$sec = ConvertTo-SecureString $ClientSecret -AsPlainText -Force',
    'Connect-MgGraph -TenantId $TenantId -ClientSecretCredential (New-Object PSCredential($ClientId, $sec))',
  );
  i.l('$lapsPw = Get-LapsAADPassword -DeviceIds $dev.Id -IncludePasswords -AsPlainText');
}

// ---- OpenShift (on-prem) manifests ------------------------------------------------------------

function openshift(repo, t, g) {
  const s = repo.file('deploy/openshift/housing-portal/secret.yaml', 'k8s');
  const sk = t.pick(HEX, 64);
  const dbp = g.plain(20);
  const sr = t.alnum(32);
  s.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: housing-portal',
    '  namespace: housing-prod',
    'type: Opaque',
    'stringData:',
  );
  s.s(`  FLASK_SECRET_KEY: "${sk}"`, 'generic', sk);
  s.s(`  DATABASE_URL: postgresql://housing:${dbp}@housing-db:5432/housing`, 'database', dbp);
  s.s(`  STARREZ_TOKEN: ${sr}`, 'generic', sr);

  const d = repo.file('deploy/openshift/idcard/secret.yaml', 'k8s');
  const dp = g.gen(20);
  const ak = t.awsId();
  const as = t.awsSecret();
  d.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: idcard',
    '  namespace: idcard-prod',
    'type: Opaque',
    'data:',
  );
  d.s(`  IDCARD_DB_PASSWORD: ${g.enc(dp)}`, 'generic', dp);
  d.s(`  AWS_ACCESS_KEY_ID: ${g.enc(ak)}`, 'aws', ak);
  d.s(`  AWS_SECRET_ACCESS_KEY: ${g.enc(as)}`, 'aws', as);
  d.d(`  SPRING_PROFILES_ACTIVE: ${g.enc('prod')}`, 'base64 of a plain setting');

  const dep = repo.file('deploy/openshift/library-proxy/deployment.yaml', 'k8s');
  const alma = g.alma();
  dep.l(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: library-proxy',
    '  namespace: library-prod',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: proxy',
  );
  dep.d(`          image: quay.hollis.edu/library/library-proxy@sha256:${t.sha256()}`, 'image digest');
  dep.l('          env:', '            - name: ALMA_API_KEY');
  dep.s(`              value: ${alma}`, 'alma', alma);
  dep.l('            - name: EZPROXY_TICKET_SECRET', '              valueFrom:', '                secretKeyRef:');
  dep.l('                  name: ezproxy-ticket');
  dep.l('                  key: secret');

  const kc = repo.file('deploy/openshift/ci/kubeconfig-ci-deployer', 'k8s');
  const oc = g.ocToken();
  kc.l(
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '  - name: ocp-prod',
    '    cluster:',
    '      server: https://api.ocp.hollis.edu:6443',
    'users:',
    '  - name: ci-deployer/ocp-prod',
    '    user:',
  );
  kc.s(`      token: ${oc}`, 'openshift', oc);
  kc.l(
    'contexts:',
    '  - name: ci',
    '    context: { cluster: ocp-prod, user: ci-deployer/ocp-prod, namespace: housing-prod }',
    'current-context: ci',
  );

  const rp = repo.file('deploy/openshift/shared/quay-pull-secret.yaml', 'k8s');
  const qt = g.quay();
  const dcj = g.enc(
    JSON.stringify({
      auths: {
        'quay.hollis.edu': {
          username: 'hollis+ocp_puller',
          password: qt,
          auth: g.enc(`hollis+ocp_puller:${qt}`),
          email: '',
        },
      },
    }),
  );
  rp.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: quay-pull',
    'type: kubernetes.io/dockerconfigjson',
    'data:',
  );
  rp.s(`  .dockerconfigjson: ${dcj}`, 'generic', qt);

  const ss = repo.file('deploy/openshift/canvas-sync/sealed-secret.yaml', 'encrypted');
  ss.l(
    'apiVersion: bitnami.com/v1alpha1',
    'kind: SealedSecret',
    'metadata:',
    '  name: canvas-sync',
    'spec:',
    '  encryptedData:',
  );
  ss.d(`    CANVAS_TOKEN: AgB${g.b64(600)}==`, 'sealed secret');
  ss.l(`    ETHOS_API_KEY: AgC${g.b64(600)}==`);

  const tp = repo.file('deploy/openshift/templates/cas-template.yaml', 'k8s');
  const lb = g.gen(22);
  tp.l(
    'apiVersion: template.openshift.io/v1',
    'kind: Template',
    'metadata:',
    '  name: cas-server',
    'parameters:',
    '  - name: CAS_TGC_SIGNING_KEY',
  );
  tp.l('    generate: expression');
  tp.l('    from: "[a-zA-Z0-9]{86}"');
  tp.l('  - name: LDAP_BIND_PASSWORD', '    required: true');
  tp.s(`    value: "${lb}"`, 'generic', lb);
  tp.l(
    'objects:',
    '  - apiVersion: v1',
    '    kind: Secret',
    '    metadata:',
    '      name: cas-secrets',
    '    stringData:',
  );
  tp.l('      ldap-bind: ${LDAP_BIND_PASSWORD}');
}

// ---- Terraform (AWS) ------------------------------------------------------------------------

function terraform(repo, t, g) {
  const p = repo.file('infra/terraform/aws/providers.tf', 'terraform');
  const ak = t.awsId();
  const as = t.awsSecret();
  p.l(
    'terraform {',
    '  required_providers {',
    '    aws = { source = "hashicorp/aws", version = "~> 5.60" }',
    '  }',
    '}',
    '',
    'provider "aws" {',
    '  region     = "us-east-1"',
  );
  p.s(`  access_key = "${ak}"`, 'aws', ak);
  p.s(`  secret_key = "${as}"`, 'aws', as);
  p.l('  default_tags { tags = { owner = "central-it", costcenter = "CIT-4410" } }', '}');

  const r = repo.file('infra/terraform/aws/rds.tf', 'terraform');
  const mp = g.gen(24);
  r.l(
    'resource "aws_db_instance" "canvas_data" {',
    '  identifier        = "hsu-canvas-data2"',
    '  engine            = "postgres"',
    '  instance_class    = "db.r6g.large"',
    '  username          = "cd2admin"',
  );
  r.s(`  password          = "${mp}"`, 'generic', mp);
  r.l(
    '}',
    '',
    'resource "random_password" "ods_mirror" {',
    '  length  = 32',
    '  special = false',
    '}',
    '',
    'resource "aws_db_instance" "ods_mirror" {',
    '  username = "odsadmin"',
  );
  r.d('  password = random_password.ods_mirror.result', 'resource reference');
  r.l('}');

  const tv = repo.file('infra/terraform/aws/terraform.tfvars', 'terraform');
  const dap = t.mixed(URLSAFE, 43);
  const tvz = g.zoomSecret();
  tv.l('environment = "prod"');
  tv.d(`canvas_dap_client_id = "us-east-1#${t.uuid()}"`, 'canvas data 2 client id');
  tv.s(`canvas_dap_client_secret = "${dap}"`, 'canvas', dap);
  tv.s(`zoom_client_secret = "${tvz}"`, 'zoom', tvz);
  tv.l('splunk_hec_token = "00000000-0000-0000-0000-000000000000"');

  const se = repo.file('infra/terraform/aws/secrets.tf', 'terraform');
  const sp = g.gen(20);
  se.l(
    'resource "aws_secretsmanager_secret_version" "slate_sftp" {',
    '  secret_id = aws_secretsmanager_secret.slate_sftp.id',
    '  secret_string = jsonencode({',
    '    username = "hollis"',
  );
  se.s(`    password = "${sp}"`, 'generic', sp);
  se.l(
    '  })',
    '}',
    '',
    'data "aws_secretsmanager_secret_version" "canvas" {',
    '  secret_id = "prod/canvas/api-token"',
    '}',
    '',
    'locals {',
  );
  se.l('  canvas_token = jsondecode(data.aws_secretsmanager_secret_version.canvas.secret_string)["token"]');
  se.l('}');

  const st = repo.file('infra/terraform/aws/terraform.tfstate', 'terraform');
  const sk = t.awsId();
  const ss = t.awsSecret();
  const dbp = g.gen(24);
  st.l('{', '  "version": 4,', '  "terraform_version": "1.9.2",', '  "serial": 77,');
  st.l(`  "lineage": "${t.uuid()}",`);
  st.l(
    '  "resources": [',
    '    {',
    '      "mode": "managed",',
    '      "type": "aws_iam_access_key",',
    '      "name": "canvas_data_sync",',
    '      "instances": [',
    '        {',
    '          "attributes": {',
  );
  st.s(`            "id": "${sk}",`, 'aws', sk);
  st.s(`            "secret": "${ss}",`, 'aws', ss);
  st.l('            "ses_smtp_password_v4": null,');
  st.l(
    '            "user": "canvas-data-sync"',
    '          }',
    '        }',
    '      ]',
    '    },',
    '    {',
    '      "mode": "managed",',
    '      "type": "aws_db_instance",',
    '      "name": "canvas_data",',
    '      "instances": [',
    '        {',
    '          "attributes": {',
  );
  st.s(`            "password": "${dbp}",`, 'generic', dbp);
  st.l('            "username": "cd2admin"', '          }', '        }', '      ]', '    }', '  ]', '}');

  const lk = repo.file('infra/terraform/aws/.terraform.lock.hcl', 'terraform');
  lk.l('provider "registry.terraform.io/hashicorp/aws" {', '  version = "5.61.0"', '  hashes = [');
  lk.d(`    "h1:${g.enc(Buffer.from(t.pick(HEX, 64), 'hex'))}",`, 'provider hash');
  lk.l(`    "zh:${t.sha256()}",`);
  lk.l('  ]', '}');
}

// ---- Ansible ----------------------------------------------------------------------------------

function ansible(repo, t, g) {
  const v = repo.file('ansible/inventories/prod/group_vars/banner_app/vars.yml', 'ansible');
  const bp = g.gen(18);
  v.l('tomcat_version: 9.0.91', 'banner_env: PROD', 'ansible_user: ansible');
  v.s(`ansible_become_password: "${bp}"`, 'generic', bp);
  v.d('banner_db_password: "{{ vault_banner_db_password }}"', 'jinja reference');
  v.l("ethos_api_key: \"{{ lookup('hashi_vault', 'secret=kv/data/banner/ethos:api_key') }}\"");

  const vv = repo.file('ansible/inventories/prod/group_vars/all/vault.yml', 'encrypted');
  vv.d(['$ANSIBLE_VAULT;1.1;AES256', ...Array.from({ length: 6 }, () => t.pick(HEX, 80))], 'ansible vault ciphertext');

  const h = repo.file('ansible/inventories/labs/hosts.ini', 'ansible');
  const wp = g.plain(16);
  h.l('[lab_imaging]', 'lib-img01.labs.hollis.edu', '', '[lab_windows]');
  h.s(
    `sci-lab-[01:40].labs.hollis.edu ansible_user=HOLLIS\\svc_labadmin ansible_password=${wp} ansible_connection=winrm`,
    'generic',
    wp,
  );

  const sv = repo.file('ansible/roles/splunk-forwarder/vars/main.yml', 'ansible');
  const hec = t.uuid();
  sv.l('splunk_hec_url: https://splunk-hec.hollis.edu:8088/services/collector');
  sv.s(`splunk_hec_token: ${hec}`, 'splunk', hec);
  sv.l('splunk_index: central_it');
  const so = repo.file('ansible/roles/splunk-forwarder/templates/outputs.conf.j2', 'ansible');
  so.l('[httpout]', 'uri = {{ splunk_hec_url }}');
  so.l('httpEventCollectorToken = {{ splunk_hec_token }}');

  const sd = repo.file('ansible/roles/shibboleth-idp/defaults/main.yml', 'ansible');
  sd.l('idp_version: 5.1.3', 'idp_home: /opt/shibboleth-idp');
  sd.d('idp_sealer_password: "CHANGE_ME"', 'placeholder');
  sd.l('idp_ldap_bind_password: "{{ vault_idp_ldap_bind }}"');
}

// ---- Docker -----------------------------------------------------------------------------------

function docker(repo, t, g) {
  const h = repo.file('apps/housing-portal/Dockerfile', 'docker');
  const sk = t.pick(HEX, 64);
  h.l(`FROM registry.access.redhat.com/ubi9/python-311@sha256:${t.sha256()}`);
  h.l('WORKDIR /opt/app-root/src', 'COPY requirements.txt .');
  h.l('RUN --mount=type=secret,id=pipconf,target=/etc/pip.conf pip install -r requirements.txt');
  h.s(`ENV FLASK_SECRET_KEY=${sk}`, 'generic', sk);
  h.l('COPY . .', 'CMD ["gunicorn", "-b", "0.0.0.0:8080", "housing:create_app()"]');

  const l = repo.file('apps/library-proxy/Dockerfile', 'docker');
  const npm = t.npm();
  l.l('FROM node:20-alpine', 'WORKDIR /app');
  l.l('ARG NPM_TOKEN');
  l.s(`RUN echo "//registry.npmjs.org/:_authToken=${npm}" > .npmrc && npm ci --omit=dev && rm .npmrc`, 'npm', npm);
  l.l('COPY . .', 'CMD ["node", "src/server.js"]');

  const c = repo.file('docker-compose.yml', 'docker');
  const ora = g.plain(16);
  const pg = g.gen(18);
  c.l(
    '# local dev stack for the integrations team',
    'services:',
    '  oracle:',
    '    image: gvenzl/oracle-free:23-slim',
    '    environment:',
  );
  c.s(`      ORACLE_PASSWORD: ${ora}`, 'generic', ora);
  c.d('      APP_USER_PASSWORD: ${APP_USER_PASSWORD:?set it}', 'env interpolation');
  c.l('  postgres:', '    image: postgres:16', '    environment:', '      POSTGRES_USER: housing');
  c.s(`      POSTGRES_PASSWORD: "${pg}"`, 'generic', pg);
  c.l('  ldap:', '    image: osixia/openldap:1.5.0', '    environment:');
  c.l('      LDAP_ADMIN_PASSWORD: admin');
}

// ---- GitLab CI, Jenkins -----------------------------------------------------------------------

function ci(repo, t, g) {
  const gl = repo.file('.gitlab-ci.yml', 'ci');
  const glp = t.gitlab();
  const ora = g.plain(16);
  const oc = g.ocToken();
  gl.l('stages: [test, build, deploy]', '', 'variables:', '  ORACLE_HOST: bantst-db.db.hollis.edu');
  gl.s(`  ORACLE_TEST_PASSWORD: "${ora}"`, 'generic', ora);
  gl.l('  DOCKER_AUTH_CONFIG: $QUAY_AUTH_CONFIG');
  gl.l('', 'build:', '  stage: build', '  script:');
  gl.d('    - docker login -u "$CI_REGISTRY_USER" -p "$CI_REGISTRY_PASSWORD" "$CI_REGISTRY"', 'ci variables');
  gl.s(
    `    - 'curl --header "PRIVATE-TOKEN: ${glp}" "https://gitlab.hollis.edu/api/v4/projects/118/repository/tags?tag_name=$CI_COMMIT_SHORT_SHA&ref=main" -X POST'`,
    'gitlab',
    glp,
  );
  gl.l('', 'deploy:', '  stage: deploy', '  script:');
  gl.s(`    - oc login --token=${oc} --server=https://api.ocp.hollis.edu:6443`, 'openshift', oc);
  gl.l('    - oc apply -k deploy/openshift/housing-portal');

  const rn = repo.file('ci/gitlab-runner/config.toml', 'ci');
  const rt = g.glrt();
  rn.l('concurrent = 4', '', '[[runners]]', '  name = "ocp-runner-01"', '  url = "https://gitlab.hollis.edu"');
  rn.s(`  token = "${rt}"`, 'gitlab', rt);
  rn.l('  executor = "kubernetes"');

  const j = repo.file('Jenkinsfile', 'ci');
  const jt = g.jenkins();
  const th = g.teamsHook();
  j.l('pipeline {', '  agent { label "banner-linux" }', '  environment {');
  j.d("    BANNER_DB = credentials('banner-test-baninst1')", 'jenkins credentials binding');
  j.l('  }', '  stages {', "    stage('trigger-refresh') {", '      steps {');
  j.s(
    `        sh "curl -s -X POST -u svc-banner-ci:${jt} https://jenkins.hollis.edu/job/banner-refresh/buildWithParameters?DB=TEST"`,
    'jenkins',
    jt,
  );
  j.l(
    "        withCredentials([string(credentialsId: 'ethos-test-key', variable: 'ETHOS_KEY')]) { sh 'make ethos-smoke' }",
  );
  j.l('      }', '    }', '  }', '  post {', '    failure {');
  j.s(`      office365ConnectorSend webhookUrl: '${th}', message: "Banner refresh failed"`, 'microsoft-teams', th);
  j.l('    }', '  }', '}');

  const cx = repo.file('ci/jenkins/credentials.xml', 'ci');
  cx.l(
    "<?xml version='1.1' encoding='UTF-8'?>",
    '<com.cloudbees.plugins.credentials.SystemCredentialsProvider>',
    '  <domainCredentialsMap>',
    '    <entry>',
    '      <com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl>',
    '        <id>banner-test-baninst1</id>',
    '        <username>baninst1</username>',
  );
  cx.d(`        <password>${g.jenkinsEnc()}</password>`, 'jenkins-encrypted secret');
  cx.l(
    '      </com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl>',
    '    </entry>',
    '  </domainCredentialsMap>',
    '</com.cloudbees.plugins.credentials.SystemCredentialsProvider>',
  );

  const jc = repo.file('ci/jenkins/jobs/banner-refresh/config.xml', 'ci');
  const sp = g.plain(16);
  jc.l('<project>', '  <builders>', '    <hudson.tasks.Shell>', '      <command>#!/bin/bash');
  jc.s(
    `expdp system/${sp}@PROD schemas=SATURN,GENERAL directory=DP_DIR dumpfile=saturn_%U.dmp parallel=4`,
    'generic',
    sp,
  );
  jc.l('</command>', '    </hudson.tasks.Shell>', '  </builders>', '</project>');
}

// ---- Perl and shell legacy scripts --------------------------------------------------------------

function legacy(repo, t, g) {
  const p = repo.file('legacy/perl/nightly_nsc_feed.pl', 'perl');
  const dbp = g.plain(16);
  const sp = g.plain(16);
  p.l(
    '#!/usr/bin/perl',
    '# National Student Clearinghouse enrollment feed (written 2009, still runs nightly on jobsub02)',
    'use strict;',
    'use warnings;',
    'use DBI;',
    'use Net::SFTP::Foreign;',
    '',
  );
  p.s(`my $dbh = DBI->connect('dbi:Oracle:PROD', 'nsc_feed', '${dbp}', { RaiseError => 1 });`, 'generic', dbp);
  p.l("my $ldap_pw = $ENV{'LDAP_BIND_PW'};");
  p.s(`my $sftp = Net::SFTP::Foreign->new('ftps.nslc.org', user => '00218300', password => '${sp}');`, 'generic', sp);
  p.l("$sftp->put('/home/jobsub/nsc/ENRL_' . $term . '.txt', 'in/ENRL.txt');");

  const pm = repo.file('legacy/perl/lib/HSU/Duo.pm', 'perl');
  const skey = g.duoSkey();
  const akey = t.mixed(ALNUM, 40);
  pm.l('package HSU::Duo;', 'use strict;', '');
  pm.d(`our $IKEY = '${g.duoIkey()}';`, 'duo integration key (identifier)');
  pm.s(`our $SKEY = '${skey}';`, 'duo', skey);
  pm.s(`our $AKEY = '${akey}';  # application key for sign_request`, 'duo', akey);
  pm.l(`our $HOST = '${g.duoHost()}';`, '1;');

  const s = repo.file('legacy/shell/push_1098t.sh', 'shell');
  const lp = g.plain(16);
  const ss = g.plain(16);
  s.l('#!/bin/bash', '# 1098-T extract to the tax vendor (runs January only)', 'set -e');
  s.s(
    `lftp -u hollis_1098t,${lp} sftp://sftp.taxvendor-1098t.com -e "put /u03/extracts/1098T_2025.txt; bye"`,
    'generic',
    lp,
  );
  s.s(`sshpass -p '${ss}' scp /u03/extracts/1098T_2025.txt hsuftp@ftp.bursar.hollis.edu:/incoming/`, 'generic', ss);
  s.l('rman target / <<EOF');
  s.l('BACKUP CURRENT CONTROLFILE;', 'EOF');
}

// ---- Windows batch for the labs -----------------------------------------------------------------

function labs(repo, t, g) {
  const m = repo.file('labs/windows/map-lab-drives.bat', 'windows');
  const lp = g.plain(14);
  m.l('@echo off', 'REM Login script for the Science Library labs');
  m.s(`net use P: \\\\fs02.ad.hollis.edu\\labshare /user:HOLLIS\\svc_labshare ${lp} /persistent:no`, 'generic', lp);
  m.l('net use Q: \\\\fs02.ad.hollis.edu\\scratch /user:HOLLIS\\svc_labshare %LABSHARE_PW% /persistent:no');

  const df = repo.file('labs/windows/deepfreeze-thaw.cmd', 'windows');
  const dfp = g.plain(12);
  df.l('@echo off', 'REM Thaw lab PCs for Patch Tuesday');
  df.s(`"C:\\Windows\\SysWOW64\\DFC.exe" ${dfp} /BOOTTHAWED`, 'generic', dfp);
  df.l('"C:\\Windows\\SysWOW64\\DFC.exe" get /ISFROZEN');

  const r = repo.file('labs/windows/autologon-kiosk.reg', 'windows');
  const kp = g.human();
  r.l(
    'Windows Registry Editor Version 5.00',
    '',
    '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon]',
    '"AutoAdminLogon"="1"',
    '"DefaultUserName"="libkiosk"',
    '"DefaultDomainName"="HOLLIS"',
  );
  r.s(`"DefaultPassword"="${kp}"`, 'generic', kp);

  const u = repo.file('labs/windows/unattend.xml', 'windows');
  const ap = g.gen(16);
  u.l(
    '<?xml version="1.0" encoding="utf-8"?>',
    '<unattend xmlns="urn:schemas-microsoft-com:unattend">',
    '  <settings pass="oobeSystem">',
    '    <component name="Microsoft-Windows-Shell-Setup">',
    '      <UserAccounts>',
    '        <AdministratorPassword>',
  );
  u.s(`          <Value>${ap}</Value>`, 'generic', ap);
  u.l(
    '          <PlainText>true</PlainText>',
    '        </AdministratorPassword>',
    '      </UserAccounts>',
    '    </component>',
    '  </settings>',
    '</unattend>',
  );
}

// ---- Apache / nginx ---------------------------------------------------------------------------

function webservers(repo, t, g) {
  const a = repo.file('webservers/apache/sites-available/banner-ssb.conf', 'webservers');
  const lb = g.gen(20);
  a.l(
    '<VirtualHost *:443>',
    '  ServerName ssb.hollis.edu',
    '  SSLEngine on',
    '  SSLCertificateFile /etc/pki/tls/certs/ssb.hollis.edu.crt',
  );
  a.l('  SSLCertificateKeyFile /etc/pki/tls/private/ssb.hollis.edu.key');
  a.l(
    '  <Location /StudentRegistrationSsb/admin>',
    '    AuthType Basic',
    '    AuthBasicProvider ldap',
    '    AuthLDAPURL "ldaps://ad.hollis.edu/DC=ad,DC=hollis,DC=edu?sAMAccountName"',
    '    AuthLDAPBindDN "CN=svc_apache,OU=Service Accounts,DC=ad,DC=hollis,DC=edu"',
  );
  a.s(`    AuthLDAPBindPassword "${lb}"`, 'generic', lb);
  a.d('    AuthLDAPBindPassword "exec:/usr/local/bin/get-ldap-pw.sh"', 'exec directive');
  a.l('  </Location>', '  ProxyPass / ajp://ssb-app01:8009/', '</VirtualHost>');

  const n = repo.file('webservers/nginx/conf.d/library-proxy.conf', 'webservers');
  const bu = g.plain(20);
  const pk = g.alma();
  n.l(
    'server {',
    '  listen 443 ssl;',
    '  server_name libapi.hollis.edu;',
    '  location /alma/ {',
    '    proxy_pass https://api-na.hosted.exlibrisgroup.com/almaws/v1/;',
  );
  n.l('    proxy_set_header Authorization "apikey $alma_api_key";');
  n.l('  }', '  location /illiad/ {', '    proxy_pass https://hollis.illiad.oclc.org/ILLiadWebPlatform/;');
  n.s(`    proxy_set_header Authorization "Basic ${g.enc(`illiad_api:${bu}`)}";`, 'generic', bu);
  n.l('  }', '  location /primo/ {');
  n.s(`    set $primo_key "${pk}";`, 'alma', pk);
  n.l('    proxy_pass https://api-na.hosted.exlibrisgroup.com/primo/v1/search?apikey=$primo_key&$args;', '  }', '}');

  const ht = repo.file('webservers/apache/.htpasswd', 'webservers');
  ht.d(`webadmin:$apr1$${t.alnum(8)}$${t.mixed(ALNUM + './', 22)}`, 'apr1 hash');
  ht.d(`reports:$2y$10$${t.mixed(ALNUM + './', 53)}`, 'bcrypt hash');

  const sp = repo.file('webservers/shibboleth-sp/shibboleth2.xml', 'webservers');
  sp.l(
    '<SPConfig xmlns="urn:mace:shibboleth:3.0:native:sp:config">',
    '  <ApplicationDefaults entityID="https://ssb.hollis.edu/shibboleth">',
  );
  sp.l(
    '    <CredentialResolver type="File" use="signing" key="sp-signing-key.pem" certificate="sp-signing-cert.pem"/>',
  );
  sp.l('  </ApplicationDefaults>', '</SPConfig>');
}

// ---- App logs ----------------------------------------------------------------------------------

function logs(repo, t, g) {
  const c = repo.file('logs/canvas-sis-import/sis_import-2025-08-25.log', 'logs');
  const ct = g.canvasToken();
  c.l('2025-08-25 02:00:01,004 INFO sis_import: building enrollments.csv for term 202610 (41 233 rows)');
  c.s(
    `2025-08-25 02:00:09,551 DEBUG urllib3.connectionpool: POST /api/v1/accounts/1/sis_imports headers={'Authorization': 'Bearer ${ct}', 'Content-Type': 'application/zip'}`,
    'canvas',
    ct,
  );
  c.l(`2025-08-25 02:00:10,112 INFO sis_import: import id 8${t.digits(6)} queued`);
  c.d("2025-08-25 02:00:10,113 DEBUG sis_import: headers={'Authorization': 'Bearer ***'}", 'masked');

  const i = repo.file('logs/idcard/idcard-service-2025-09-02.log', 'logs');
  const jp = g.plain(18);
  const tk = t.alnum(48);
  i.l(
    '2025-09-02 07:00:00.101  INFO 1 --- [main] e.h.idcard.IdCardApplication : Started IdCardApplication in 7.44 seconds',
  );
  i.s(
    `2025-09-02 07:00:00.220 DEBUG 1 --- [main] com.zaxxer.hikari.HikariConfig : jdbcUrl.....jdbc:sqlserver://idcard-sql.ad.hollis.edu:1433;databaseName=CardOffice;user=idcard_app;password=${jp}`,
    'database',
    jp,
  );
  i.s(
    `2025-09-02 07:14:31.870  WARN 1 --- [task-3] e.h.idcard.transact.TransactClient : retrying GET https://hollis.transactcampus.net/api/v2/patrons/900331245?api_key=${tk} (502)`,
    'generic',
    tk,
  );
  i.d(
    '2025-09-02 07:14:32.001  INFO 1 --- [task-3] e.h.idcard.transact.TransactClient : api_key=<redacted> ok',
    'redacted',
  );

  const ca = repo.file('logs/cas/cas-2025-09-03.log', 'logs');
  const duo = g.duoSkey();
  ca.l(
    '2025-09-03 06:12:00,000 INFO [org.apereo.cas.web.CasWebApplication] - <Started CasWebApplication in 31.2 seconds>',
  );
  ca.s(
    `2025-09-03 06:12:00,120 DEBUG [org.apereo.cas.configuration.CasConfigurationPropertiesEnvironmentManager] - <cas.authn.mfa.duo[0].duo-secret-key=${duo}>`,
    'duo',
    duo,
  );
  ca.l(
    '2025-09-03 06:15:41,902 WARN [org.apereo.cas.authentication.PolicyBasedAuthenticationManager] - <Authentication has failed. Credentials may be incorrect or CAS cannot find authentication handler that supports [UsernamePasswordCredential(username=jdoe4, source=null)]>',
  );

  const lp = repo.file('logs/library-proxy/access-2025-09-04.log', 'logs');
  const ak = g.alma();
  lp.s(
    `10.41.3.22 - - [04/Sep/2025:10:12:44 -0400] "GET /almaws/v1/bibs/99123450102341?view=full&apikey=${ak} HTTP/1.1" 200 18233 "-" "library-proxy/2.3"`,
    'alma',
    ak,
  );
  lp.d(
    '10.41.3.22 - - [04/Sep/2025:10:12:45 -0400] "GET /almaws/v1/users/900111222?apikey=*** HTTP/1.1" 200 4021 "-" "library-proxy/2.3"',
    'masked',
  );

  const h = repo.file('logs/housing-portal/smtp-debug.log', 'logs');
  const mp = g.human();
  h.l("send: 'ehlo housing-portal-7c9f\\r\\n'", "reply: b'250-smtp.hollis.edu'", "send: 'AUTH LOGIN\\r\\n'");
  h.l(`send: '${g.enc('housing-noreply@hollis.edu')}\\r\\n'`);
  h.s(`send: '${g.enc(mp)}\\r\\n'`, 'generic', mp);
  h.l("reply: b'235 2.7.0 Authentication successful'");
}

// ---- TeamDynamix ticket exports ---------------------------------------------------------------

function tickets(repo, t, g) {
  const c = repo.file('support/teamdynamix/exports/tickets-2025-09.csv', 'tickets');
  const tmp = g.human();
  const zs = g.zoomSecret();
  const bb = g.bbSecret();
  c.l('ID,Created,Requestor,Title,Description,Status');
  c.s(
    `41902,2025-09-02 08:14,Dana Whitley,"New hire account","Account created for new adjunct (netid kmorale2). Temporary password is ${tmp} and must be changed at first login - Service Desk",Closed`,
    'generic',
    tmp,
  );
  c.s(
    `41955,2025-09-03 13:40,Prof. Raymond Osei,"Zoom integration for my research lab","I made a Server-to-Server app, client secret is ${zs}. Can you add it to the Canvas tool?",In Process`,
    'zoom',
    zs,
  );
  c.s(
    `41961,2025-09-04 09:02,CE Online,"Blackboard REST app","Vendor needs the key pair: app key ${t.uuid()} secret ${bb}",Resolved`,
    'blackboard',
    bb,
  );
  c.d(
    '41970,2025-09-04 11:30,Front Desk,"Locked out","Student says the password is ******** and it still fails",Closed',
    'masked',
  );
  c.l(
    '41988,2025-09-05 15:05,Registrar,"Banner ID lookup","Student H00918273 can not see holds; please check SOAHOLD",Closed',
  );

  const ts = repo.file('support/teamdynamix/tdx_report_sync.py', 'tickets');
  const wsk = t.uuid();
  ts.l('import requests', '', 'TDX = "https://hollis.teamdynamix.com/TDWebApi/api"');
  ts.l(`BEID = "${t.uuid()}"`);
  ts.s(`WEB_SERVICES_KEY = "${wsk}"`, 'teamdynamix', wsk);
  ts.l(
    '',
    'def token():',
    '    return requests.post(f"{TDX}/auth/loginadmin", json={"BEID": BEID, "WebServicesKey": WEB_SERVICES_KEY}).text',
  );

  const tj = repo.file('support/teamdynamix/exports/ticket-42017.json', 'tickets');
  const ora = g.plain(14);
  tj.l('{', '  "ID": 42017,', '  "Title": "ODS refresh failing after password rotation",', '  "Feed": [');
  tj.s(
    `    { "CreatedFullName": "Marcus Lee", "Body": "Updated the odsmgr password to ${ora} in the job, rerun tonight." },`,
    'generic',
    ora,
  );
  tj.l(
    '    { "CreatedFullName": "Priya Nair", "Body": "Please use the Secret Server entry next time, not the ticket." }',
  );
  tj.l('  ]', '}');
}

// ---- Teams chat exports ------------------------------------------------------------------------

function chat(repo, t, g) {
  const f = repo.file('support/teams-exports/IAM-team/2025-09-general.json', 'chat');
  const ct = g.canvasToken();
  const az = t.azureClientSecret();
  const gh = t.github();
  f.l('{', '  "channel": "IAM Team > General",', '  "messages": [');
  f.s(
    `    { "from": "Tomas Reyes", "createdDateTime": "2025-09-08T14:02:11Z", "body": "here is the admin token for the roster fix: ${ct}" },`,
    'canvas',
    ct,
  );
  f.s(
    `    { "from": "Alicia Boone", "createdDateTime": "2025-09-08T14:05:40Z", "body": "new secret for the provisioning app reg: ${az}" },`,
    'azure',
    az,
  );
  f.l(
    '    { "from": "Alicia Boone", "createdDateTime": "2025-09-08T14:06:02Z", "body": "I sent the password reset link to the student, no password in chat please" },',
  );
  f.s(
    `    { "from": "Tomas Reyes", "createdDateTime": "2025-09-08T16:31:57Z", "body": "gh token for the mirror job if you need it ${gh}" },`,
    'github',
    gh,
  );
  f.d(
    `    { "from": "Tomas Reyes", "createdDateTime": "2025-09-08T16:33:10Z", "body": "checksum of the new shib war: ${t.sha256()}" }`,
    'sha256',
  );
  f.l('  ]', '}');

  const m = repo.file('support/teams-exports/Academic-Tech/2025-08-lti.html', 'chat');
  const dks = g.canvasKeySecret();
  const kus = g.kalturaSecret();
  m.l('<html><body>', '<div class="message"><span class="from">Jenna Park</span>');
  m.s(
    `<p>Dev key for the Kaltura LTI is id ${g.canvasClientId()} / secret <code>${dks}</code></p></div>`,
    'canvas',
    dks,
  );
  m.l('<div class="message"><span class="from">Sam Ochoa</span>');
  m.s(`<p>and the KMC admin secret is ${kus} (partner ${g.kalturaPid()})</p></div>`, 'kaltura', kus);
  m.l(
    '<div class="message"><span class="from">Jenna Park</span><p>thanks, I will rotate both after the pilot</p></div>',
  );
  m.l('</body></html>');
}

// ---- Confluence exports ------------------------------------------------------------------------

function confluence(repo, t, g) {
  const c = repo.file('docs/confluence-export/IAM/Shibboleth-IdP-Runbook.html', 'confluence');
  const lb = g.gen(22);
  const oc = g.ocToken();
  const skey = g.duoSkey();
  c.l(
    '<html><head><title>IAM : Shibboleth IdP Runbook</title></head><body>',
    '<h1>Shibboleth IdP Runbook</h1>',
    '<h2>LDAP bind account</h2>',
  );
  c.s(
    `<p>The IdP binds as <code>svc_shibidp</code> with password <code>${lb}</code>. Rotate every 180 days.</p>`,
    'generic',
    lb,
  );
  c.l('<h2>Duo</h2>');
  c.s(
    `<p>Universal Prompt app: client id <code>${g.duoIkey()}</code>, client secret <code>${skey}</code>.</p>`,
    'duo',
    skey,
  );
  c.l('<h2>Redeploy on OpenShift</h2>', '<ac:structured-macro ac:name="code"><ac:plain-text-body><![CDATA[');
  c.s(`oc login --token=${oc} --server=https://api.ocp.hollis.edu:6443`, 'openshift', oc);
  c.l('oc rollout restart deploy/shibboleth-idp -n iam-prod', ']]></ac:plain-text-body></ac:structured-macro>');
  c.l('<p>The sealer password lives in Secret Server under <em>IAM / Shibboleth / sealer</em>.</p>');
  c.l('</body></html>');

  const l = repo.file('docs/confluence-export/LMS/Canvas-Integrations.html', 'confluence');
  l.l(
    '<html><body>',
    '<h1>Canvas integrations</h1>',
    '<p>Generate a token per integration, never reuse admin tokens.</p>',
  );
  l.d(
    '<pre>curl -H "Authorization: Bearer &lt;token&gt;" https://hollis.instructure.com/api/v1/accounts/1/courses</pre>',
    'placeholder',
  );
  l.d(
    '<pre>export CANVAS_TOKEN=1~XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX</pre>',
    'placeholder',
  );
  l.l(`<p>The Course Tools developer key id is ${g.canvasClientId()}.</p>`);
  l.l('</body></html>');
}

// ---- Notebooks ----------------------------------------------------------------------------------

function notebooks(repo, t, g) {
  const nb = repo.file('analytics/notebooks/first-year-retention.ipynb', 'notebook');
  const op = g.plain(16);
  const ct = g.canvasToken();
  nb.l(
    '{',
    ' "cells": [',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 3,',
    '   "metadata": {},',
    '   "outputs": [],',
    '   "source": [',
    `    ${JSON.stringify('import oracledb, requests\n')},`,
  );
  nb.s(
    `    ${JSON.stringify(`conn = oracledb.connect(user="ir_analyst", password="${op}", dsn="odsprd-scan.db.hollis.edu/ODSPROD")\n`)},`,
    'generic',
    op,
  );
  nb.s(`    ${JSON.stringify(`CANVAS = {"Authorization": "Bearer ${ct}"}\n`)},`, 'canvas', ct);
  nb.l(`    ${JSON.stringify('pw = getpass.getpass("ODS password: ")')}`);
  nb.l(
    '   ]',
    '  },',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 4,',
    '   "metadata": {},',
    '   "outputs": [',
    '    {',
    '     "data": {',
  );
  nb.d(`      "image/png": "${t.pngBase64()}",`, 'base64 image');
  nb.l(
    '      "text/plain": ["<Figure size 800x500 with 1 Axes>"]',
    '     },',
    '     "metadata": {},',
    '     "output_type": "display_data"',
    '    }',
    '   ],',
    '   "source": [',
    `    ${JSON.stringify('plot_retention(cohort_df)')}`,
    '   ]',
    '  }',
    ' ],',
  );
  nb.l(
    ' "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},',
    ' "nbformat": 4,',
    ' "nbformat_minor": 5',
    '}',
  );

  const n2 = repo.file('analytics/notebooks/ethos-person-audit.ipynb', 'notebook');
  const ek = t.uuid();
  n2.l(
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
  n2.s(`      ${JSON.stringify(`using ethos key ${ek}\n`)}`, 'ellucian', ek);
  n2.l('     ]', '    }', '   ],', '   "source": [');
  n2.d(`    ${JSON.stringify('key = os.environ["ETHOS_API_KEY"]\n')},`, 'os.environ');
  n2.l(
    `    ${JSON.stringify('print(f"using ethos key {key}")')}`,
    '   ]',
    '  }',
    ' ],',
    ' "metadata": {},',
    ' "nbformat": 4,',
    ' "nbformat_minor": 5',
    '}',
  );
}

// ---- Docs, keys --------------------------------------------------------------------------------

function docs(repo, t, g) {
  const r = repo.file('README.md', 'docs');
  r.l(
    '# Hollis State University - Central IT integrations',
    '',
    'Banner, PeopleSoft, Workday, Canvas, identity and campus services.',
    '',
    '## Local setup',
    '',
    '```sh',
  );
  r.d('export CANVAS_TOKEN=<your-canvas-token>', 'placeholder');
  r.l('export ETHOS_API_KEY=${ETHOS_API_KEY:?ask integrations team}');
  r.l(
    'docker compose up -d oracle postgres ldap',
    '```',
    '',
    'AWS docs use the example key below; never put real keys in this repo:',
    '',
  );
  r.d('    aws_access_key_id = AKIAIOSFODNN7EXAMPLE', 'vendor example');
  r.d('    aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'vendor example');

  const e = repo.file('docs/runbooks/eduroam-radius.md', 'docs');
  const rs = g.plain(24);
  e.l('# eduroam RADIUS', '', 'Campus controllers talk to radius01/02; the FLR proxies talk to us.', '');
  e.s(`- Shared secret for the new Aruba controllers (Sept 2025): \`${rs}\``, 'generic', rs);
  e.l('- Test with `radtest user@hollis.edu "$PW" radius01 0 "$SECRET"`');

  const b = repo.file('docs/runbooks/banner-clone.md', 'docs');
  const sys = g.plain(16);
  b.l('# Cloning PROD to TEST', '', '1. Stop jobsub and INB on TEST.', '2. Export from PROD:', '', '```sh');
  b.s(`expdp system/${sys}@PROD full=y directory=DP_DIR dumpfile=prod_full_%U.dmp parallel=8`, 'generic', sys);
  b.l('```', '', '3. Reset the proxy users on TEST:', '', '```sql');
  b.l('ALTER USER banproxy IDENTIFIED BY &banproxy_test_pw;');
  b.l('```');

  const gs = repo.file('integrations/google-workspace/service-account.json', 'keys');
  const p8 = t.pkcs8Pem();
  const proj = `hsu-workspace-${t.lower(6)}`;
  gs.l('{', '  "type": "service_account",', `  "project_id": "${proj}",`);
  gs.d(`  "private_key_id": "${t.sha1()}",`, 'key id');
  gs.s(`  "private_key": ${JSON.stringify(p8.join('\n') + '\n')},`, 'gcp', p8.join('\n'));
  gs.l(
    `  "client_email": "gam-provisioner@${proj}.iam.gserviceaccount.com",`,
    `  "client_id": "${t.digits(21)}",`,
    '  "token_uri": "https://oauth2.googleapis.com/token"',
    '}',
  );

  const ssh = repo.file('ops/keys/jobsub02_ed25519', 'keys');
  const os = t.opensshPem();
  ssh.s(os, 'private-key', os.join('\n'));
  const pub = repo.file('ops/keys/jobsub02_ed25519.pub', 'keys');
  pub.d(`ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${t.mixed(B64, 43)} jobsub@jobsub02.erp.hollis.edu`, 'public key');

  const gc = repo.file('ops/home/svc-integrations/.git-credentials', 'credstore');
  const gct = t.gitlab();
  gc.s(`https://svc-integrations:${gct}@gitlab.hollis.edu`, 'gitlab', gct);
  const sl = repo.file('integrations/alerts/send_campus_alert.py', 'python');
  const swh = t.slackWebhook();
  sl.l('import requests', '', '# research computing still uses Slack for cluster alerts');
  sl.s(`requests.post("${swh}", json={"text": "HPC scheduler down"})`, 'slack', swh);
}

// ---- Noise: lockfiles, i18n, ids ------------------------------------------------------------------

function noise(repo, t) {
  const lock = repo.file('apps/library-proxy/package-lock.json', 'decoys');
  lock.l('{', '  "name": "library-proxy",', '  "lockfileVersion": 3,', '  "packages": {');
  for (const [i, name] of ['express', 'node-fetch', 'ltijs'].entries()) {
    lock.l(
      `    "node_modules/${name}": {`,
      '      "version": "3.1.0",',
      `      "resolved": "https://registry.npmjs.org/${name}/-/${name}-3.1.0.tgz",`,
    );
    const integrity = `      "integrity": "sha512-${Buffer.from(t.pick(HEX, 128), 'hex').toString('base64')}"`;
    if (i === 0) lock.d(integrity, 'integrity hash');
    else lock.l(integrity);
    lock.l('    },');
  }
  lock.l('    "": {}', '  }', '}');

  const i18n = repo.file('apps/housing-portal/housing/translations/en.json', 'decoys');
  i18n.l('{');
  i18n.d('  "login.password": "NetID password",', 'i18n');
  i18n.l('  "login.duo": "Approve the Duo push to continue",');
  i18n.l('  "payment.key_help": "Your TouchNet receipt key appears on the confirmation page",');
  i18n.l('  "ok": "OK"', '}');

  const k = repo.file('services/idcard/src/main/java/edu/hollis/idcard/Constants.java', 'decoys');
  k.l('package edu.hollis.idcard;', '', 'public final class Constants {');
  k.l('    public static final String PASSWORD_RESET_URL = "https://password.hollis.edu/reset";');
  k.d('    public static final String TRANSACT_KEY_ENV = "TRANSACT_API_KEY";', 'env var name');
  k.d(`    public static final String CARD_TEMPLATE_SHA256 = "${t.sha256()}";`, 'sha256');
  k.l(`    public static final String CAMPUS_TENANT = "${t.uuid()}";`);
  k.l('}');
}
