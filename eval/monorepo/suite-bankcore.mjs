// Suite "bankcore": the monorepo of a regional bank's core-banking and integration team.
// Java EE / Spring on WebSphere, WebLogic and JBoss, IBM MQ, .NET Framework services and SSIS,
// COBOL/JCL with RACF and FTP cards, PL/SQL, reconciliation scripts in Python, PowerShell and
// Control-M shell jobs, a Jenkins shared library, and the new API layer on OpenShift/Azure.
// Labelling choices: WebSphere {xor} passwords are planted secrets (the encoding is a fixed XOR
// with '_' and base64, anyone can reverse it; IBM calls it obfuscation), while {aes}, {AES256},
// {hash}, Maven {…} master-password encryption, DPAPI blobs, Splunk $7$ and SSIS Encrypted="1"
// values are decoys (ciphertext whose key is not in the repository). The {xor} form of the
// WebSphere default keystore password WebAS is a decoy (a published default).
import { ALNUM, HEX, B64, URLSAFE, UPPER, DIGIT, Repo, makeTokens, mulberry32 } from './generate.mjs';

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 7919 + 461);
  const t = makeTokens(rand);
  const repo = new Repo();

  // ---- helpers -------------------------------------------------------------------------
  const b64 = (n) => t.mixed(B64, n);
  const pw = () => t.password();
  const gen = (n = 20) => t.mixed(ALNUM + '!#%*-_', n);
  const plainPw = (n = 16) => t.mixed(ALNUM, n);
  const racf = () => t.pick(UPPER, 1) + t.mixed(UPPER + DIGIT + '#@$', 7);
  const guid = () => t.uuid().toUpperCase();
  const xor = (p) => `{xor}${Buffer.from([...Buffer.from(p)].map((c) => c ^ 0x5f)).toString('base64')}`;
  const libertyAes = () => `{aes}AE${b64(62)}`;
  const wlsAes = () => `{AES256}${b64(43)}=`;
  const jasypt = () => `ENC(${b64(44)})`;
  const dpapi = () => `01000000d08c9ddf0115d1118c7a00c04fc297eb01000000${t.pick(HEX, 300)}`;
  const ssisEnc = () => `AQAAANCMnd8BFdERjHoAwE/Cl+sBAAAA${b64(300)}==`;
  const oktaToken = () => `00${t.mixed(URLSAFE, 40)}`;
  const oktaClientId = () => `0oa${t.mixed(ALNUM, 17)}`;
  const oktaSecret = () => t.mixed(URLSAFE, 40);
  const splunkHec = () => guid();
  const dynatrace = () => `dt0c01.${t.mixed(UPPER + DIGIT, 24)}.${t.mixed(UPPER + DIGIT, 64)}`;
  const sonar = (p) => `${p}_${t.hex(40)}`;
  const artKey = () => `AKCp${t.mixed(ALNUM, 69)}`;
  const artRef = () => Buffer.from(`reftkn:01:${t.digits(10)}:${t.alnum(27)}`).toString('base64');
  const vault = () => `hvs.${t.alnum(24)}`;
  const ghFine = () => `github_pat_11${t.mixed(UPPER + DIGIT, 20)}_${t.alnum(59)}`;
  const twilioKeySecret = () => t.alnum(32);
  const sbKey = () => `${b64(43)}=`;
  const ibanOf = (cc, bban) => {
    const num = (bban + cc + '00').replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
    let r = 0;
    for (const ch of num) r = (r * 10 + Number(ch)) % 97;
    return `${cc}${String(98 - r).padStart(2, '0')}${bban}`;
  };
  const ibanDE = () => ibanOf('DE', t.pick(DIGIT, 18));
  const ibanGB = () => ibanOf('GB', `NWBK${t.pick(DIGIT, 14)}`);
  const ibanNL = () => ibanOf('NL', `INGB${t.pick(DIGIT, 10)}`);
  const words = ['lantern', 'harbour', 'copper', 'meadow', 'glacier', 'saddle', 'thistle', 'beacon', 'orchard'];
  const phrase = () =>
    `${words[Math.floor(rand() * words.length)]} ${words[Math.floor(rand() * words.length)]} ${t.digits(2)} ${words[Math.floor(rand() * words.length)]}`;
  const pemLines = (lines) => lines;

  // ==== Java / Spring: payments-hub (Spring Boot on OpenShift) ============================
  {
    const f = repo.file('services/payments-hub/src/main/resources/application.yml', 'java');
    const dbPw = pw();
    const tsPw = plainPw(14);
    const okSec = oktaSecret();
    const swSec = t.alnum(16);
    f.l(
      'spring:',
      '  application:',
      '    name: payments-hub',
      '  datasource:',
      '    url: jdbc:oracle:thin:@//orapay-scan.corp.bank.local:1521/PAYPRD',
      '    username: PAYHUB_APP',
    );
    f.s(`    password: "${dbPw}"`, 'generic', dbPw);
    f.l('    hikari:', '      maximum-pool-size: 20', 'ibm:', '  mq:', '    queue-manager: QMPAY01');
    f.l('    channel: PAYHUB.SVRCONN', '    conn-name: mqpay01.corp.bank.local(1414)', '    user: payhub');
    f.d('    password: ${MQ_PASSWORD}', 'env reference');
    f.l('    ssl-cipher-spec: TLS_RSA_WITH_AES_256_CBC_SHA256', '    jks:');
    f.l('      trust-store: classpath:mq-truststore.jks');
    f.s(`      trust-store-password: ${tsPw}`, 'generic', tsPw);
    f.l('server:', '  port: 8443', '  ssl:', '    key-store: /etc/payhub/tls/keystore.p12');
    f.d('    key-store-password: ${KEYSTORE_PASSWORD:changeit}', 'env reference with the JDK default changeit');
    f.l('okta:', '  oauth2:', '    issuer: https://bankcore.okta.com/oauth2/default');
    f.d(`    client-id: ${oktaClientId()}`, 'okta client id (public)');
    f.s(`    client-secret: ${okSec}`, 'okta', okSec, 'warning');
    f.l('swift:', '  gpi:', '    base-url: https://api.swift.com/swift-apitracker/v5');
    f.d(`    consumer-key: ${t.alnum(32)}`, 'oauth consumer key (client id)');
    f.s(`    consumer-secret: ${swSec}`, 'generic', swSec);
    f.d('    bic: BKCRDEFFXXX', 'bank BIC');
    f.d(`    nostro-iban: ${ibanDE()}`, 'IBAN');

    const d = repo.file('services/payments-hub/src/main/resources/application-local.yml', 'java');
    d.l('spring:', '  datasource:', '    url: jdbc:h2:mem:payhub;MODE=Oracle', '    username: sa');
    d.d('    password:', 'empty H2 password');
    d.l('ibm:', '  mq:', '    queue-manager: QM1', '    user: app');
    d.d('    password: passw0rd', 'IBM MQ developer container default (documented)');
    d.l('okta:', '  oauth2:');
    d.d('    client-secret: <okta-dev-client-secret>', 'placeholder');

    const j = repo.file('services/payments-hub/src/main/java/com/bankcore/payments/mq/MqConnectionConfig.java', 'java');
    const mqPw = pw();
    j.l(
      'package com.bankcore.payments.mq;',
      '',
      'import com.ibm.mq.jms.MQQueueConnectionFactory;',
      'import com.ibm.msg.client.wmq.WMQConstants;',
      '',
      '@Configuration',
      'public class MqConnectionConfig {',
      '    @Bean',
      '    public MQQueueConnectionFactory swiftGatewayFactory() throws JMSException {',
      '        MQQueueConnectionFactory factory = new MQQueueConnectionFactory();',
      '        factory.setHostName("mqswf01.corp.bank.local");',
      '        factory.setPort(1414);',
      '        factory.setQueueManager("QMSWF01");',
      '        factory.setChannel("PAYHUB.SWF.SVRCONN");',
      '        factory.setTransportType(WMQConstants.WMQ_CM_CLIENT);',
      '        factory.setStringProperty(WMQConstants.USERID, "payhub");',
    );
    j.s(`        factory.setStringProperty(WMQConstants.PASSWORD, "${mqPw}");`, 'generic', mqPw);
    j.l('        factory.setBooleanProperty(WMQConstants.USER_AUTHENTICATION_MQCSP, true);');
    j.l('        return factory;', '    }', '');
    j.d('    @Value("${ibm.mq.password}")', 'spring property reference');
    j.l('    private String mqPassword;', '}');

    const leg = repo.file(
      'services/payments-hub/src/main/java/com/bankcore/payments/legacy/SwiftSaaBridge.java',
      'java',
    );
    const saaPw = pw();
    const temSec = t.alnum(32);
    leg.l(
      'package com.bankcore.payments.legacy;',
      '',
      'import com.ibm.mq.MQEnvironment;',
      '',
      'public final class SwiftSaaBridge {',
      '    static {',
      '        MQEnvironment.hostname = "mqswf01.corp.bank.local";',
      '        MQEnvironment.channel = "SAA.SVRCONN";',
      '        MQEnvironment.port = 1414;',
      '        MQEnvironment.userID = "saabridge";',
    );
    leg.s(`        MQEnvironment.password = "${saaPw}";`, 'generic', saaPw);
    leg.l('    }', '');
    leg.s(`    @Value("\${temenos.api.secret:${temSec}}")`, 'generic', temSec);
    leg.l('    private String temenosSecret;', '');
    leg.d('    @Value("${okta.api-token}")', 'spring property reference');
    leg.l('    private String oktaToken;', '');
    leg.d('    private static final String PASSWORD_PROPERTY = "ibm.mq.password";', 'key name');
    leg.d(
      '    private static final Pattern BIC = Pattern.compile("[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?");',
      'regex',
    );
    leg.l('}');

    const fx = repo.file('services/payments-hub/src/test/resources/fixtures/pain001-batch.xml', 'fixtures');
    fx.l(
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.09">',
      '  <CstmrCdtTrfInitn>',
      '    <GrpHdr>',
    );
    fx.d(`      <MsgId>BKC${t.digits(8)}${t.mixed(UPPER + DIGIT, 12)}</MsgId>`, 'message id');
    fx.l('      <CreDtTm>2025-03-04T09:30:00</CreDtTm>', '      <NbOfTxs>2</NbOfTxs>', '    </GrpHdr>');
    fx.l('    <PmtInf>', '      <DbtrAcct><Id>');
    fx.d(`        <IBAN>${ibanDE()}</IBAN>`, 'IBAN');
    fx.l('      </Id></DbtrAcct>');
    fx.d('      <DbtrAgt><FinInstnId><BICFI>BKCRDEFFXXX</BICFI></FinInstnId></DbtrAgt>', 'BIC');
    fx.l('      <CdtTrfTxInf>');
    fx.d(`        <PmtId><EndToEndId>E2E-${t.uuid()}</EndToEndId></PmtId>`, 'end-to-end id');
    fx.d(`        <CdtrAcct><Id><IBAN>${ibanNL()}</IBAN></Id></CdtrAcct>`, 'IBAN');
    fx.d(`        <CdtrAcct><Id><IBAN>${ibanGB()}</IBAN></Id></CdtrAcct>`, 'IBAN');
    fx.d(
      `        <RmtInf><Ustrd>INV ${t.digits(9)} REF ${t.mixed(UPPER + DIGIT, 16)}</Ustrd></RmtInf>`,
      'remittance ref',
    );
    fx.l('      </CdtTrfTxInf>', '    </PmtInf>', '  </CstmrCdtTrfInitn>', '</Document>');

    const mt = repo.file('services/payments-hub/src/test/resources/fixtures/mt103.fin', 'fixtures');
    mt.d(`{1:F01BKCRDEFFAXXX${t.digits(10)}}{2:I103DEUTDEFFXXXXN}{3:{121:${t.uuid()}}}{4:`, 'SWIFT header blocks');
    mt.d(`:20:${t.mixed(UPPER + DIGIT, 16)}`, 'transaction reference');
    mt.l(':23B:CRED', ':32A:250304EUR12500,00');
    mt.d(`:50K:/${ibanDE()}`, 'ordering customer IBAN');
    mt.l('ACME HANDELS GMBH', ':57A:DEUTDEFF');
    mt.d(`:59:/${ibanNL()}`, 'beneficiary IBAN');
    mt.l('NORDIC SUPPLY BV', ':71A:SHA', '-}');
    mt.d(`{5:{MAC:${t.pick('0123456789ABCDEF', 8)}}{CHK:${t.pick('0123456789ABCDEF', 12)}}}`, 'SWIFT trailer checksum');
  }

  // ==== Java: core-gateway (Spring on Tomcat) ============================================
  {
    const p = repo.file('services/core-gateway/src/main/resources/application-prod.properties', 'java');
    const dbPw = pw();
    const fisSec = t.alnum(48);
    const pingSec = t.mixed(URLSAFE, 64);
    const sg = t.sendgrid();
    p.l(
      'spring.datasource.url=jdbc:db2://db2prd01.corp.bank.local:50000/COREPRD:sslConnection=true;',
      'spring.datasource.username=cgwapp',
    );
    p.s(`spring.datasource.password=${dbPw}`, 'generic', dbPw);
    p.l(
      'spring.datasource.driver-class-name=com.ibm.db2.jcc.DB2Driver',
      'fis.api.base-url=https://api.fisglobal.com/core/v2',
      'fis.api.client-id=bankcore-gw-prod',
    );
    p.s(`fis.api.client-secret=${fisSec}`, 'generic', fisSec);
    p.d(`fis.api.hmac-key=${jasypt()}`, 'jasypt encrypted value');
    p.l('pingfed.token-url=https://sso.bankcore.de/as/token.oauth2', 'pingfed.client-id=core-gateway');
    p.s(`pingfed.client-secret=${pingSec}`, 'pingfederate', pingSec, 'warning');
    p.s(`sendgrid.api-key=${sg}`, 'sendgrid', sg);
    p.d('spring.mail.password=${SMTP_PASSWORD}', 'env reference');
    p.d('password.policy.regex=^(?=.*[A-Z])(?=.*[0-9])(?=.*[^A-Za-z0-9]).{12,}$', 'password policy regex');
    p.d('error.password.expired=Your password has expired. Please contact the service desk.', 'message text');
    p.l('management.endpoints.web.exposure.include=health,info,prometheus');

    const ctx = repo.file('services/core-gateway/src/main/webapp/META-INF/context.xml', 'java');
    const stmtPw = pw();
    ctx.l('<?xml version="1.0" encoding="UTF-8"?>', '<Context>');
    ctx.s(
      `  <Resource name="jdbc/StmtDS" auth="Container" type="javax.sql.DataSource" username="STMT_RO" password="${stmtPw}" driverClassName="oracle.jdbc.OracleDriver" url="jdbc:oracle:thin:@//orastmt-scan:1521/STMTPRD" maxTotal="20"/>`,
      'generic',
      stmtPw,
    );
    ctx.d(
      '  <Resource name="jdbc/AuditDS" auth="Container" type="javax.sql.DataSource" username="${audit.db.user}" password="${audit.db.password}" url="jdbc:oracle:thin:@//oraaud-scan:1521/AUDPRD"/>',
      'property references',
    );
    ctx.l('</Context>');

    const dao = repo.file('services/core-gateway/src/main/java/com/bankcore/gateway/legacy/Db2AccountDao.java', 'java');
    const db2 = racf();
    dao.l(
      'package com.bankcore.gateway.legacy;',
      '',
      'public class Db2AccountDao {',
      '    // TODO(CBS-1182): move to JNDI jdbc/CoreDS once the WAS cell is gone',
      '    private Connection open() throws SQLException {',
    );
    dao.s(
      `        return DriverManager.getConnection("jdbc:db2://db2prd01.corp.bank.local:50000/COREPRD", "COREADP", "${db2}");`,
      'generic',
      db2,
    );
    dao.l('    }', '');
    dao.d(
      '    private static final String ACCOUNT_SQL = "SELECT ACCT_NO, IBAN, BAL FROM CORE.ACCOUNT WHERE ACCT_NO = ?";',
      'sql text',
    );
    dao.d('    static final String SUSPENSE_ACCOUNT = "0099000010";', 'internal account number');
    dao.l('}');

    const st = repo.file('services/core-gateway/src/test/java/com/bankcore/gateway/CardFixtures.java', 'fixtures');
    st.l('package com.bankcore.gateway;', '', 'final class CardFixtures {');
    st.d('    static final String VISA_TEST_PAN = "4111111111111111";', 'test PAN');
    st.d('    static final String MC_TEST_PAN = "5555555555554444";', 'test PAN');
    st.d('    static final String AMEX_TEST_PAN = "378282246310005";', 'test PAN');
    st.d('    static final String MASKED = "411111******1111";', 'masked PAN');
    st.d(`    static final String TEST_IBAN = "DE89370400440532013000";`, 'documented example IBAN');
    st.d('    static final String TEST_USER_PASSWORD = "not-a-real-password";', 'obviously fake fixture');
    st.l('}');

    const jn = repo.file('services/core-gateway/src/main/resources/jndi.properties', 'java');
    const jnPw = pw();
    jn.l(
      'java.naming.factory.initial=com.ibm.websphere.naming.WsnInitialContextFactory',
      'java.naming.provider.url=iiop://wasprd01.corp.bank.local:2809',
      'java.naming.security.principal=wasjndi',
    );
    jn.s(`java.naming.security.credentials=${jnPw}`, 'generic', jnPw);
  }

  // ==== WebSphere traditional / Liberty: core-banking-adapter ============================
  {
    const sx = repo.file('services/core-banking-adapter/src/main/liberty/config/server.xml', 'websphere');
    const authPw = pw();
    const dsPw = pw();
    const ltpa = plainPw(16);
    sx.l(
      '<server description="core-banking-adapter">',
      '  <featureManager>',
      '    <feature>jakartaee-9.1</feature>',
      '  </featureManager>',
    );
    sx.d(
      `  <keyStore id="defaultKeyStore" location="key.p12" type="PKCS12" password="${libertyAes()}" />`,
      'liberty {aes} encrypted',
    );
    sx.s(`  <authData id="db2Auth" user="COREADP" password="${xor(authPw)}" />`, 'generic', xor(authPw));
    sx.l('  <dataSource id="CoreDS" jndiName="jdbc/CoreDS">', '    <jdbcDriver libraryRef="DB2Lib"/>');
    sx.s(
      `    <properties.db2.jcc databaseName="COREPRD" serverName="db2prd01.corp.bank.local" portNumber="50000" user="COREADP" password="${dsPw}"/>`,
      'generic',
      dsPw,
    );
    sx.l('  </dataSource>', '  <jmsQueueConnectionFactory jndiName="jms/CoreQCF" containerAuthDataRef="mqAuth">');
    sx.l(
      '    <properties.wmqJms queueManager="QMCORE1" channel="CORE.SVRCONN" hostName="mqcore01.corp.bank.local" port="1414" transportType="CLIENT"/>',
    );
    sx.l('  </jmsQueueConnectionFactory>');
    sx.d('  <authData id="mqAuth" user="coremq" password="${env.MQ_PASSWORD}" />', 'env reference');
    sx.l('  <basicRegistry id="basic" realm="adminRealm">');
    sx.d(`    <user name="admin" password="{hash}ATAAAAAI${b64(11)}AQAAACB${b64(43)}=" />`, 'liberty {hash}');
    sx.l('  </basicRegistry>');
    sx.s(`  <ltpa keysFileName="ltpa.keys" keysPassword="${xor(ltpa)}" expiration="120m" />`, 'generic', xor(ltpa));
    sx.l('</server>');

    const sec = repo.file('ops/websphere/cells/wasprd01Cell/security.xml', 'websphere');
    const a1 = pw(),
      a2 = pw();
    sec.l(
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<security:Security xmi:version="2.0" xmlns:security="http://www.ibm.com/websphere/appserver/schemas/5.0/security.xmi" enabled="true">',
    );
    sec.s(
      `  <authDataEntries xmi:id="JAASAuthData_1" alias="wasprd01CellManager/CoreDB2Alias" userId="COREADP" password="${xor(a1)}" description="DB2 core banking"/>`,
      'generic',
      xor(a1),
    );
    sec.s(
      `  <authDataEntries xmi:id="JAASAuthData_2" alias="wasprd01CellManager/CoreMQAlias" userId="coremq" password="${xor(a2)}" description="MQ QMCORE1"/>`,
      'generic',
      xor(a2),
    );
    sec.d(
      `  <authDataEntries xmi:id="JAASAuthData_3" alias="wasprd01CellManager/LdapBind" userId="CN=wasbind,OU=svc,DC=bank,DC=local" password="{aes}AA${b64(54)}==" description="LDAP bind"/>`,
      'websphere {aes} (keystore-held key)',
    );
    sec.l('</security:Security>');

    const sc = repo.file('ops/websphere/profiles/Dmgr01/properties/soap.client.props', 'websphere');
    const soapPw = pw();
    sc.l('com.ibm.SOAP.securityEnabled=true', 'com.ibm.SOAP.loginUserid=wasadmin');
    sc.s(`com.ibm.SOAP.loginPassword=${xor(soapPw)}`, 'generic', xor(soapPw));
    sc.l('com.ibm.ssl.keyStore=/opt/IBM/WebSphere/AppServer/profiles/Dmgr01/etc/key.p12');
    sc.d('com.ibm.ssl.keyStorePassword={xor}CDo9Hgw=', 'xor of the WebSphere default WebAS');
    sc.d('com.ibm.ssl.trustStorePassword={xor}CDo9Hgw=', 'xor of the WebSphere default WebAS');

    const wsa = repo.file('ops/websphere/scripts/create_auth_aliases.py', 'websphere');
    const al = pw(),
      al2 = plainPw(14);
    wsa.l('# wsadmin -lang jython -f create_auth_aliases.py', 'cell = AdminControl.getCell()');
    wsa.s(
      `AdminTask.createAuthDataEntry('[-alias CoreDB2Alias -user COREADP -password ${al} -description "DB2 core banking"]')`,
      'generic',
      al,
    );
    wsa.s(
      `AdminTask.createAuthDataEntry(['-alias', 'SwiftMQAlias', '-user', 'saabridge', '-password', '${al2}'])`,
      'generic',
      al2,
    );
    wsa.d(
      "AdminTask.createAuthDataEntry(['-alias', 'LdapBind', '-user', bindDn, '-password', sys.argv[1]])",
      'argument reference',
    );
    wsa.l('AdminConfig.save()');
  }

  // ==== WebLogic: loan-origination ========================================================
  {
    const bp = repo.file('services/loan-origination/domain/servers/AdminServer/security/boot.properties', 'weblogic');
    const wl = pw();
    bp.l('# Generated by Configuration Wizard on Tue Mar 04 10:12:44 CET 2025', 'username=weblogic');
    bp.s(`password=${wl}`, 'generic', wl);
    const bp2 = repo.file('services/loan-origination/domain/servers/loan_ms1/security/boot.properties', 'weblogic');
    bp2.l('#Tue Mar 04 11:02:13 CET 2025');
    bp2.d(`password=${wlsAes()}`, 'weblogic {AES256} encrypted');
    bp2.d(`username=${wlsAes()}`, 'weblogic {AES256} encrypted');
    const ds = repo.file('services/loan-origination/domain/config/jdbc/LoanDS-jdbc.xml', 'weblogic');
    ds.l(
      '<jdbc-data-source xmlns="http://xmlns.oracle.com/weblogic/jdbc-data-source">',
      '  <name>LoanDS</name>',
      '  <jdbc-driver-params>',
      '    <url>jdbc:oracle:thin:@//oraloan-scan.corp.bank.local:1521/LOANPRD</url>',
      '    <driver-name>oracle.jdbc.OracleDriver</driver-name>',
      '    <properties><property><name>user</name><value>LOAN_APP</value></property></properties>',
    );
    ds.d(`    <password-encrypted>${wlsAes()}</password-encrypted>`, 'weblogic {AES256} encrypted');
    ds.l('  </jdbc-driver-params>', '</jdbc-data-source>');
    const wlst = repo.file('services/loan-origination/deploy/wlst/create_datasource.py', 'weblogic');
    const adm = pw(),
      dsp = pw();
    wlst.l('# java weblogic.WLST create_datasource.py');
    wlst.s(`connect('weblogic', '${adm}', 't3://wlsadm01.corp.bank.local:7001')`, 'generic', adm);
    wlst.l('edit()', 'startEdit()', "cd('/JDBCSystemResources/LoanDS/JDBCResource/LoanDS/JDBCDriverParams/LoanDS')");
    wlst.s(`cmo.setPasswordEncrypted('${dsp}')`, 'generic', dsp);
    wlst.d("cmo.setPasswordEncrypted(os.environ['LOAN_DS_PASSWORD'])", 'env reference');
    wlst.l('save()', 'activate()');
    const def = repo.file('ansible/roles/weblogic/defaults/main.yml', 'ansible');
    def.l('wls_version: 14.1.1.0', 'wls_admin_user: weblogic');
    def.d('wls_admin_password: "{{ vault_wls_admin_password }}"', 'vault reference');
    def.d('wls_node_manager_password: welcome1  # Oracle docs default, overridden per inventory', 'documented default');
    const lg = repo.file('logs/weblogic/AdminServer.log', 'logs');
    lg.d(
      "####<Mar 4, 2025 1:15:02,117 AM CET> <Notice> <Security> <wlsadm01> <AdminServer> <[ACTIVE] ExecuteThread: '3'> <<WLS Kernel>> <> <> <1741047302117> <BEA-090078> <User weblogic in security realm myrealm has had 5 invalid login attempts, locking account for 30 minutes.>",
      'log without a value',
    );
    lg.d(
      '####<Mar 4, 2025 1:16:44,902 AM CET> <Warning> <JDBC> <wlsadm01> <loan_ms1> <> <> <> <> <1741047404902> <BEA-001129> <Received exception while creating connection for pool "LoanDS": ORA-01017: invalid username/password; logon denied>',
      'log without a value',
    );
  }

  // ==== JBoss / WildFly: cards-auth =======================================================
  {
    const jb = repo.file('services/cards-auth/configuration/standalone-full.xml', 'jboss');
    const cp = pw(),
      cs = pw();
    jb.l(
      '<subsystem xmlns="urn:jboss:domain:datasources:7.0">',
      '  <datasources>',
      '    <datasource jndi-name="java:jboss/datasources/CardsDS" pool-name="CardsDS">',
      '      <connection-url>jdbc:sqlserver://sqlcards01.corp.bank.local:1433;databaseName=CARDS;encrypt=true</connection-url>',
      '      <driver>mssql</driver>',
      '      <security>',
      '        <user-name>cards_app</user-name>',
    );
    jb.s(`        <password>${cp}</password>`, 'generic', cp);
    jb.l(
      '      </security>',
      '    </datasource>',
      '    <datasource jndi-name="java:jboss/datasources/CardsAuditDS" pool-name="CardsAuditDS">',
    );
    jb.l('      <security>', '        <user-name>cards_audit</user-name>');
    jb.d('        <password>${VAULT::cardsDS::password::1}</password>', 'jboss vault reference');
    jb.l(
      '      </security>',
      '    </datasource>',
      '    <datasource jndi-name="java:jboss/datasources/CardsRO" pool-name="CardsRO">',
    );
    jb.l('      <security>', '        <user-name>cards_ro</user-name>');
    jb.d('        <password>${env.CARDS_RO_PASSWORD}</password>', 'env reference');
    jb.l('      </security>', '    </datasource>', '  </datasources>', '</subsystem>');
    jb.l('<subsystem xmlns="urn:wildfly:elytron:15.0">', '  <tls><key-stores>', '    <key-store name="hsmKS">');
    jb.s(`      <credential-reference clear-text="${cs}"/>`, 'generic', cs);
    jb.l('      <implementation type="PKCS12"/>', '    </key-store>', '    <key-store name="cardsTLS">');
    jb.d('      <credential-reference store="cardsCredStore" alias="cards-tls"/>', 'credential store reference');
    jb.l('    </key-store>', '  </key-stores></tls>', '</subsystem>');

    const tc = repo.file('services/cards-auth/src/test/resources/test-cards.csv', 'fixtures');
    tc.l('pan,expiry,cvv,scheme,expected');
    tc.d('4111111111111111,12/29,123,VISA,APPROVED', 'test PAN');
    tc.d('4000000000000002,11/28,737,VISA,DECLINED', 'test PAN');
    tc.d('5555555555554444,01/30,321,MC,APPROVED', 'test PAN');
    tc.d('2223003122003222,03/27,100,MC,APPROVED', 'test PAN');
    tc.d('378282246310005,06/29,1234,AMEX,APPROVED', 'test PAN');
    tc.d('6011111111111117,09/28,456,DISCOVER,REFERRAL', 'test PAN');
    const hsm = repo.file('services/cards-auth/docs/hsm-key-register.md', 'docs');
    hsm.l('# HSM key register (check values only)', '', '| key | scheme | KCV |', '| --- | --- | --- |');
    hsm.d(`| ZPK VISA-ACQ | U | ${t.pick('0123456789ABCDEF', 6)} |`, 'key check value');
    hsm.d(`| ZPK MC-ACQ | U | ${t.pick('0123456789ABCDEF', 6)} |`, 'key check value');
    hsm.d(`| CVK 4111 BIN | U | ${t.pick('0123456789ABCDEF', 6)} |`, 'key check value');
    hsm.d('Test PIN block (ISO 0, PAN 4111111111111111, PIN 1234): 041225EEEEEEEEEE', 'test vector');
  }

  // ==== Maven settings =====================================================================
  {
    const ms = repo.file('build/maven/settings.xml', 'build');
    const ak = artKey();
    ms.l(
      '<settings>',
      '  <servers>',
      '    <server>',
      '      <id>bank-artifactory</id>',
      '      <username>svc-build</username>',
    );
    ms.s(`      <password>${ak}</password>`, 'artifactory', ak);
    ms.l('    </server>', '    <server>', '      <id>bank-releases</id>');
    ms.d('      <username>${env.ART_USER}</username>', 'env reference');
    ms.d('      <password>${env.ART_TOKEN}</password>', 'env reference');
    ms.l('    </server>', '    <server>', '      <id>legacy-nexus</id>', '      <username>deployer</username>');
    ms.d(`      <password>{${b64(22)}=}</password>`, 'maven master-password encrypted');
    ms.l('    </server>', '  </servers>', '</settings>');
  }

  // ==== .NET Framework: branch-teller ===================================================
  {
    const w = repo.file('services/branch-teller/Bank.Teller.Web/Web.config', 'dotnet');
    const sqlPw = pw();
    const sg = t.sendgrid();
    const tw = t.twilioToken();
    const okSec = oktaSecret();
    const okTok = oktaToken();
    const vk = t.pick('0123456789ABCDEF', 128);
    w.l('<?xml version="1.0" encoding="utf-8"?>', '<configuration>', '  <connectionStrings>');
    w.s(
      `    <add name="TellerDb" connectionString="Data Source=sqlteller01.corp.bank.local;Initial Catalog=Teller;User ID=teller_app;Password=${sqlPw};MultipleActiveResultSets=True" providerName="System.Data.SqlClient" />`,
      'generic',
      sqlPw,
    );
    w.d(
      '    <add name="TellerReadOnly" connectionString="Data Source=sqlteller02.corp.bank.local;Initial Catalog=Teller;Integrated Security=SSPI" providerName="System.Data.SqlClient" />',
      'integrated security, no password',
    );
    w.l('  </connectionStrings>', '  <appSettings>');
    w.s(`    <add key="SendGridApiKey" value="${sg}" />`, 'sendgrid', sg);
    w.d(`    <add key="Twilio:AccountSid" value="${t.twilioSid()}" />`, 'twilio account sid (id)');
    w.s(`    <add key="Twilio:AuthToken" value="${tw}" />`, 'twilio', tw);
    w.d(`    <add key="Okta:ClientId" value="${oktaClientId()}" />`, 'okta client id');
    w.s(`    <add key="Okta:ClientSecret" value="${okSec}" />`, 'okta', okSec, 'warning');
    w.s(`    <add key="Okta:ApiToken" value="${okTok}" />`, 'okta', okTok);
    w.d('    <add key="DocumentStore:Password" value="#{DocStorePassword}#" />', 'token-replacement placeholder');
    w.d(
      '    <add key="KeyVault:DbPassword" value="@Microsoft.KeyVault(SecretUri=https://kv-bankcore-prod.vault.azure.net/secrets/TellerDbPassword/)" />',
      'key vault reference',
    );
    w.l('  </appSettings>', '  <system.web>', '    <compilation targetFramework="4.8" />');
    w.s(
      `    <machineKey validationKey="${vk}" decryptionKey="${t.pick('0123456789ABCDEF', 48)}" validation="HMACSHA256" decryption="AES" />`,
      'generic',
      vk,
    );
    w.l('  </system.web>', '</configuration>');

    const wr = repo.file('services/branch-teller/Bank.Teller.Web/Web.Release.config', 'dotnet');
    wr.l('<configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform">', '  <appSettings>');
    wr.d(
      '    <add key="Okta:ClientSecret" value="__OktaClientSecret__" xdt:Transform="SetAttributes" xdt:Locator="Match(key)" />',
      'placeholder',
    );
    wr.d(
      '    <add key="Twilio:AuthToken" value="$(TwilioAuthToken)" xdt:Transform="SetAttributes" xdt:Locator="Match(key)" />',
      'pipeline variable',
    );
    wr.l('  </appSettings>', '</configuration>');

    const we = repo.file('services/branch-teller/Bank.Teller.Admin/Web.config', 'dotnet');
    we.l(
      '<configuration>',
      '  <connectionStrings configProtectionProvider="RsaProtectedConfigurationProvider">',
      '    <EncryptedData Type="http://www.w3.org/2001/04/xmlenc#Element" xmlns="http://www.w3.org/2001/04/xmlenc#">',
      '      <EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes256-cbc" />',
      '      <KeyInfo xmlns="http://www.w3.org/2000/09/xmldsig#"><EncryptedKey xmlns="http://www.w3.org/2001/04/xmlenc#">',
    );
    we.d(
      `        <CipherData><CipherValue>${b64(342)}==</CipherValue></CipherData>`,
      'rsa-protected config ciphertext',
    );
    we.l('      </EncryptedKey></KeyInfo>');
    we.d(`      <CipherData><CipherValue>${b64(470)}==</CipherValue></CipherData>`, 'rsa-protected config ciphertext');
    we.l('    </EncryptedData>', '  </connectionStrings>', '</configuration>');

    const cs = repo.file('services/branch-teller/Bank.Teller.Core/Integration/ClearingFtpClient.cs', 'dotnet');
    const ftpPw = pw();
    const temSec = t.alnum(40);
    const fisKey = t.hex(32);
    cs.l(
      'using System.Net;',
      '',
      'namespace Bank.Teller.Core.Integration',
      '{',
      '    public class ClearingFtpClient',
      '    {',
    );
    cs.s(`        private const string TemenosApiSecret = "${temSec}";`, 'generic', temSec);
    cs.l('        public void Upload(string path)', '        {');
    cs.l(
      '            var request = (FtpWebRequest)WebRequest.Create("ftp://ftp.clearing-partner.net/inbound/" + Path.GetFileName(path));',
    );
    cs.s(`            request.Credentials = new NetworkCredential("bk_core_ftp", "${ftpPw}");`, 'generic', ftpPw);
    cs.d(
      '            var fallback = new NetworkCredential(_config["Ftp:User"], _config["Ftp:Password"]);',
      'config reference',
    );
    cs.s(`            _http.DefaultRequestHeaders.Add("X-FIS-Api-Key", "${fisKey}");`, 'generic', fisKey);
    cs.l('        }', '    }', '}');

    const ac = repo.file('services/statements-service/Bank.Statements.Service/App.config', 'dotnet');
    const stPw = pw();
    const sftp = plainPw(18);
    const ask = t.azureStorageKey();
    const sb = sbKey();
    ac.l('<?xml version="1.0" encoding="utf-8"?>', '<configuration>', '  <connectionStrings>');
    ac.s(
      `    <add name="StatementsDb" connectionString="Server=sqlstmt01.corp.bank.local;Database=Statements;User Id=stmt_svc;Password=${stPw};" providerName="System.Data.SqlClient" />`,
      'generic',
      stPw,
    );
    ac.l(
      '  </connectionStrings>',
      '  <appSettings>',
      '    <add key="SftpHost" value="sftp.print-bureau.de" />',
      '    <add key="SftpUser" value="bankcore_stmt" />',
    );
    ac.s(`    <add key="SftpPassword" value="${sftp}" />`, 'generic', sftp);
    ac.s(
      `    <add key="ArchiveStorage" value="DefaultEndpointsProtocol=https;AccountName=bkstmtarchprod;AccountKey=${ask};EndpointSuffix=core.windows.net" />`,
      'azure',
      ask,
    );
    ac.s(
      `    <add key="ServiceBus" value="Endpoint=sb://bk-events-prod.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${sb}" />`,
      'azure',
      sb,
    );
    ac.d('    <add key="LocalStorage" value="UseDevelopmentStorage=true" />', 'azurite dev storage');
    ac.d(`    <add key="ArchiveContainerSas" value="" />`, 'empty');
    ac.l('  </appSettings>', '</configuration>');
  }

  // ==== .NET 8 customer-api (Azure) ======================================================
  {
    const a = repo.file('services/customer-api/src/Bank.Customer.Api/appsettings.Production.json', 'dotnet');
    const dbPw = pw();
    const azs = t.azureClientSecret();
    const ping = t.mixed(URLSAFE, 48);
    const hec = splunkHec();
    const dt = dynatrace();
    a.l('{', '  "ConnectionStrings": {');
    a.s(
      `    "CustomerDb": "Server=tcp:bk-cust-prod.database.windows.net,1433;Initial Catalog=customer;User ID=custapi;Password=${dbPw};Encrypt=True;"`,
      'generic',
      dbPw,
    );
    a.l('  },', '  "AzureAd": {', '    "Instance": "https://login.microsoftonline.com/",');
    a.d(`    "TenantId": "${t.uuid()}",`, 'tenant id');
    a.d(`    "ClientId": "${t.uuid()}",`, 'client id');
    a.s(`    "ClientSecret": "${azs}"`, 'azure', azs);
    a.l(
      '  },',
      '  "PingFederate": {',
      '    "Authority": "https://sso.bankcore.de",',
      '    "ClientId": "customer-api",',
    );
    a.s(`    "ClientSecret": "${ping}"`, 'pingfederate', ping, 'warning');
    a.l('  },', '  "Splunk": {', '    "HecUrl": "https://splunk-hec.corp.bank.local:8088/services/collector/event",');
    a.s(`    "HecToken": "${hec}"`, 'splunk', hec);
    a.l('  },', '  "Dynatrace": {', '    "Endpoint": "https://zqx48211.live.dynatrace.com/api/v2/metrics/ingest",');
    a.s(`    "ApiToken": "${dt}"`, 'dynatrace', dt);
    a.l('  }', '}');
    const ad = repo.file('services/customer-api/src/Bank.Customer.Api/appsettings.Development.json', 'dotnet');
    ad.l('{', '  "ConnectionStrings": {');
    ad.d(
      '    "CustomerDb": "Server=localhost,1433;Database=customer;User ID=sa;Password=YourStrong!Passw0rd;TrustServerCertificate=True"',
      'documented SQL Server container example password',
    );
    ad.l('  },', '  "AzureAd": {');
    ad.d('    "ClientSecret": "<set via dotnet user-secrets>"', 'placeholder');
    ad.l('  },', '  "Splunk": {');
    ad.d('    "HecToken": "00000000-0000-0000-0000-000000000000"', 'zero uuid placeholder');
    ad.l('  }', '}');
    const dk = repo.file('services/customer-api/Dockerfile', 'docker');
    const dkPw = pw();
    dk.d(`FROM mcr.microsoft.com/dotnet/aspnet:8.0@sha256:${t.sha256()}`, 'image digest');
    dk.l('WORKDIR /app', 'COPY publish/ .');
    dk.s(
      `ENV ConnectionStrings__CustomerDb="Server=tcp:bk-cust-prod.database.windows.net,1433;Database=customer;User ID=custapi;Password=${dkPw}"`,
      'generic',
      dkPw,
    );
    dk.d('ENV AzureAd__ClientSecret=""', 'empty');
    dk.l('ENTRYPOINT ["dotnet", "Bank.Customer.Api.dll"]');
  }

  // ==== SSIS ===============================================================================
  {
    const x = repo.file('etl/ssis/GLExtract/GLExtract.dtsx', 'ssis');
    const ora = pw();
    x.l(
      '<?xml version="1.0"?>',
      '<DTS:Executable xmlns:DTS="www.microsoft.com/SqlServer/Dts" DTS:refId="Package" DTS:ProtectionLevel="1" DTS:ObjectName="GLExtract">',
      '  <DTS:ConnectionManagers>',
    );
    x.d(
      `    <DTS:ConnectionManager DTS:refId="Package.ConnectionManagers[GLDB]" DTS:CreationName="OLEDB" DTS:DTSID="{${guid()}}" DTS:ObjectName="GLDB">`,
      'dtsid guid',
    );
    x.l('      <DTS:ObjectData>');
    x.l(
      '        <DTS:ConnectionManager DTS:ConnectionString="Data Source=sqlgl01.corp.bank.local;User ID=ssis_gl;Initial Catalog=GeneralLedger;Provider=SQLNCLI11.1;Auto Translate=False;">',
    );
    x.d(
      `          <DTS:Password DTS:Name="Password" Sensitive="1" Encrypted="1">${ssisEnc()}</DTS:Password>`,
      'ssis DPAPI-encrypted password',
    );
    x.l('        </DTS:ConnectionManager>', '      </DTS:ObjectData>', '    </DTS:ConnectionManager>');
    x.d(
      `    <DTS:ConnectionManager DTS:refId="Package.ConnectionManagers[CBSPRD]" DTS:CreationName="OLEDB" DTS:DTSID="{${guid()}}" DTS:ObjectName="CBSPRD">`,
      'dtsid guid',
    );
    x.l('      <DTS:ObjectData>');
    x.s(
      `        <DTS:ConnectionManager DTS:ConnectionString="Data Source=CBSPRD;User ID=CBS_EXTRACT;Password=${ora};Provider=OraOLEDB.Oracle.1;Persist Security Info=True;" />`,
      'generic',
      ora,
    );
    x.l('      </DTS:ObjectData>', '    </DTS:ConnectionManager>', '  </DTS:ConnectionManagers>', '</DTS:Executable>');

    const c = repo.file('etl/ssis/GLExtract/GLExtract.dtsConfig', 'ssis');
    const o2 = pw();
    const ftp = plainPw(12);
    c.l('<?xml version="1.0"?>', '<DTSConfiguration>');
    c.l(
      '  <Configuration ConfiguredType="Property" Path="\\Package.Connections[CBSPRD].Properties[ConnectionString]" ValueType="String">',
    );
    c.s(
      `    <ConfiguredValue>Data Source=CBSPRD;User ID=CBS_EXTRACT;Password=${o2};Provider=OraOLEDB.Oracle.1;</ConfiguredValue>`,
      'generic',
      o2,
    );
    c.l('  </Configuration>');
    c.l(
      '  <Configuration ConfiguredType="Property" Path="\\Package.Connections[PartnerFTP].Properties[ServerPassword]" ValueType="String">',
    );
    c.s(`    <ConfiguredValue>${ftp}</ConfiguredValue>`, 'generic', ftp);
    c.l('  </Configuration>');
    c.l(
      '  <Configuration ConfiguredType="Property" Path="\\Package.Connections[GLDB].Properties[Password]" ValueType="String">',
    );
    c.d('    <ConfiguredValue></ConfiguredValue>', 'empty');
    c.l('  </Configuration>', '</DTSConfiguration>');
  }

  // ==== COBOL / JCL ========================================================================
  {
    const j = repo.file('mainframe/jcl/GLEOD01.jcl', 'jcl');
    const jp = racf();
    const ftp = plainPw(10);
    j.l("//GLEOD01  JOB (ACCT,GL),'GL END OF DAY',CLASS=A,MSGCLASS=X,");
    j.s(`//             NOTIFY=&SYSUID,USER=BATGL01,PASSWORD=${jp}`, 'generic', jp);
    j.l(
      '//*',
      '//STEP010  EXEC PGM=IKJEFT01,DYNAMNBR=20',
      '//STEPLIB  DD DSN=DSN.V12R1.SDSNLOAD,DISP=SHR',
      '//SYSTSPRT DD SYSOUT=*',
      '//SYSTSIN  DD *',
      '  DSN SYSTEM(DB2P)',
      "  RUN PROGRAM(GLEOD100) PLAN(GLEODPL) LIB('BANK.GL.LOADLIB')",
      '  END',
      '/*',
      "//STEP020  EXEC PGM=FTP,PARM='(EXIT TIMEOUT 120'",
      '//SYSPRINT DD SYSOUT=*',
      '//OUTPUT   DD SYSOUT=*',
      '//INPUT    DD *',
      'ftp.clearing-partner.net 21',
      'BKCORE01',
    );
    j.s(ftp, 'generic', ftp);
    j.l('BINARY', "PUT 'BANK.GL.EOD.EXTRACT(0)' gl_eod.dat", 'QUIT', '/*');

    const j2 = repo.file('mainframe/jcl/PAYNIGHT.jcl', 'jcl');
    j2.d('//         SET PW=XXXXXXXX', 'placeholder');
    j2.d(
      "//PAYNIGHT JOB (ACCT,PAY),'PAYMENTS NIGHT',CLASS=A,MSGCLASS=X,USER=BATPAY01,PASSWORD=&PW",
      'symbolic reference',
    );
    j2.l("//STEP010  EXEC PGM=FTP,PARM='(EXIT'");
    j2.d('//NETRC    DD DSN=BATPAY.FTP.NETRC,DISP=SHR', 'netrc dataset reference');
    j2.l('//INPUT    DD *', 'sftp-gw.swift-bureau.net', "PUT 'BANK.PAY.SEPA.OUT(0)' sepa_out.xml", 'QUIT', '/*');

    const r = repo.file('mainframe/jcl/RACFADM.jcl', 'jcl');
    const r1 = racf(),
      r2 = racf(),
      ph = phrase();
    r.l(
      "//RACFADM  JOB (ACCT,SEC),'SVC ID RESET',CLASS=A,MSGCLASS=X",
      '//STEP010  EXEC PGM=IKJEFT01',
      '//SYSTSPRT DD SYSOUT=*',
      '//SYSTSIN  DD *',
    );
    r.s(`  ALTUSER BATPAY01 PASSWORD(${r1}) NOEXPIRED`, 'generic', r1);
    r.s(`  ADDUSER SVCMQ01 NAME('MQ SERVICE') DFLTGRP(SVCGRP) PASSWORD(${r2}) NOEXPIRED`, 'generic', r2);
    r.s(`  ALTUSER BATGL01 PHRASE('${ph}') NOEXPIRED`, 'generic', ph);
    r.d('  ALTUSER BATREP01 RESUME NOPASSWORD', 'no password');
    r.l('  PERMIT BANK.GL.** CLASS(DATASET) ID(BATGL01) ACCESS(UPDATE)', '/*');

    const cb = repo.file('mainframe/cobol/GLEOD100.cbl', 'cobol');
    const cpw = racf();
    cb.l(
      '       IDENTIFICATION DIVISION.',
      '       PROGRAM-ID. GLEOD100.',
      '       DATA DIVISION.',
      '       WORKING-STORAGE SECTION.',
      '       01  WS-DB2-CONNECT.',
      "           05  WS-DB2-LOCATION     PIC X(16) VALUE 'DB2PLOC'.",
      "           05  WS-DB2-USER         PIC X(8)  VALUE 'GLBATCH'.",
    );
    cb.s(`           05  WS-DB2-PASSWORD     PIC X(8)  VALUE '${cpw}'.`, 'generic', cpw);
    cb.l(
      "       01  WS-SUSPENSE-ACCT        PIC X(10) VALUE '0099000010'.",
      '       PROCEDURE DIVISION.',
      '           EXEC SQL',
      '               CONNECT TO :WS-DB2-LOCATION',
    );
    cb.d('                   USER :WS-DB2-USER USING :WS-DB2-PASSWORD', 'host variable reference');
    cb.l('           END-EXEC.', '           IF SQLCODE NOT = 0');
    cb.d("               DISPLAY 'GLEOD100 INVALID PASSWORD FOR USER ' WS-DB2-USER", 'message text');
    cb.l('           END-IF.', '           STOP RUN.');

    const cb2 = repo.file('mainframe/copybooks/ACCTREC.cpy', 'cobol');
    cb2.l('       01  ACCT-REC.', '           05  ACCT-NO             PIC 9(10).');
    cb2.d("           05  ACCT-IBAN           PIC X(34) VALUE 'DE00000000000000000000'.", 'placeholder IBAN');
    cb2.d('           05  ACCT-PIN-OFFSET     PIC X(4).', 'field name');
    cb2.d('           05  ACCT-PASSWORD-HASH  PIC X(64).', 'field name');

    const clp = repo.file('mainframe/db2/clp/runstats_core.clp', 'db2');
    const d2 = pw();
    clp.s(`CONNECT TO COREPRD USER db2admin USING ${d2};`, 'generic', d2);
    clp.l('RUNSTATS ON TABLE CORE.ACCOUNT WITH DISTRIBUTION AND DETAILED INDEXES ALL;', 'CONNECT RESET;');
    const clsh = repo.file('mainframe/db2/clp/runstats.sh', 'db2');
    clsh.l('#!/bin/ksh', '. ~db2inst1/sqllib/db2profile');
    clsh.d('db2 connect to COREPRD user $DB2USER using $DB2PASS', 'variable reference');
    clsh.l('db2 -tvf runstats_core.clp');

    const jes = repo.file('logs/batch/GLEOD01.J0412345.sysout.txt', 'logs');
    jes.l(
      ' IEF403I GLEOD01 - STARTED - TIME=01.12.07',
      ' EZA1736I FTP (EXIT TIMEOUT 120',
      ' EZA1450I IBM FTP CS V2R4',
      ' EZA1554I Connecting to:   ftp.clearing-partner.net 203.0.113.25 port: 21.',
      ' 220 ProFTPD Server (Clearing Partner) ready',
      ' EZA1459I NAME (ftp.clearing-partner.net:BATGL01):',
      ' EZA1701I >>> USER BKCORE01',
      ' 331 Password required for BKCORE01',
      ' EZA1789I PASSWORD:',
    );
    jes.d(' EZA1701I >>> PASS', 'masked ftp echo');
    jes.l(
      ' 230 User BKCORE01 logged in',
      ' EZA1701I >>> TYPE I',
      ' 200 Type set to I',
      ' IEF404I GLEOD01 - ENDED - TIME=01.14.55',
    );
  }

  // ==== PL/SQL ===============================================================================
  {
    const u = repo.file('db/oracle/core/ddl/001_users.sql', 'sql');
    const p1 = pw(),
      p2 = `R${t.alnum(13)}`;
    u.s(
      `CREATE USER core_app IDENTIFIED BY "${p1}" DEFAULT TABLESPACE core_data QUOTA UNLIMITED ON core_data;`,
      'generic',
      p1,
    );
    u.s(`CREATE USER recon_ro IDENTIFIED BY ${p2} DEFAULT TABLESPACE users;`, 'generic', p2);
    u.d('CREATE USER ops_ext IDENTIFIED EXTERNALLY;', 'external auth');
    u.d('CREATE USER etl_loader IDENTIFIED BY &&etl_password;', 'sqlplus substitution variable');
    u.d(
      `ALTER USER core_app IDENTIFIED BY VALUES 'S:${t.pick('0123456789ABCDEF', 60)};T:${t.pick('0123456789ABCDEF', 160)}';`,
      'oracle password verifier (hash)',
    );
    u.d("CREATE USER batch_ctm IDENTIFIED GLOBALLY AS 'CN=batch_ctm,OU=svc,DC=bank,DC=local';", 'global auth');
    u.l('GRANT CREATE SESSION TO core_app, recon_ro;');

    const l = repo.file('db/oracle/core/ddl/010_dblinks.sql', 'sql');
    const l1 = pw(),
      l2 = `C${t.alnum(11)}`;
    l.s(`CREATE DATABASE LINK gl_link CONNECT TO gl_reader IDENTIFIED BY "${l1}" USING 'GLPRD';`, 'generic', l1);
    l.s(
      `CREATE PUBLIC DATABASE LINK cards_link CONNECT TO cards_ro IDENTIFIED BY ${l2} USING '(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=oracards-scan)(PORT=1521))(CONNECT_DATA=(SERVICE_NAME=CARDSPRD)))';`,
      'generic',
      l2,
    );
    l.d("CREATE DATABASE LINK hist_link CONNECT TO CURRENT_USER USING 'HISTPRD';", 'no password');

    const cr = repo.file('db/oracle/core/ddl/020_scheduler_credentials.sql', 'sql');
    const c1 = pw(),
      c2 = gen(20);
    cr.l(
      'BEGIN',
      '  DBMS_CREDENTIAL.CREATE_CREDENTIAL(',
      "    credential_name => 'SFTP_PARTNER_CRED',",
      "    username        => 'bkcore_sftp',",
    );
    cr.s(`    password        => '${c1}');`, 'generic', c1);
    cr.l(
      'END;',
      '/',
      'BEGIN',
      '  DBMS_CLOUD.CREATE_CREDENTIAL(',
      "    credential_name => 'OBJ_STORE_CRED',",
      "    username        => 'recon@bankcore.de',",
    );
    cr.s(`    password        => '${c2}');`, 'generic', c2);
    cr.l('END;', '/');

    const pk = repo.file('db/oracle/core/packages/pkg_swift_gateway.pkb', 'sql');
    const h1 = pw(),
      h2 = t.alnum(32);
    pk.l(
      'CREATE OR REPLACE PACKAGE BODY pkg_swift_gateway AS',
      "  g_base_url CONSTANT VARCHAR2(200) := 'https://swiftgw.corp.bank.local:8443';",
      '  PROCEDURE send_payment(p_msg IN CLOB) IS',
      '    l_req  utl_http.req;',
      '    l_resp utl_http.resp;',
      '  BEGIN',
    );
    pk.d("    utl_http.set_wallet('file:/u01/app/oracle/wallet/https', NULL);", 'wallet without password');
    pk.l("    l_req := utl_http.begin_request(g_base_url || '/v1/payments', 'POST', 'HTTP/1.1');");
    pk.s(`    utl_http.set_authentication(l_req, 'svc_swiftgw', '${h1}');`, 'generic', h1);
    pk.s(`    utl_http.set_header(l_req, 'X-API-Key', '${h2}');`, 'generic', h2);
    pk.l(
      '    l_resp := utl_http.get_response(l_req);',
      '    utl_http.end_response(l_resp);',
      '  END;',
      'END pkg_swift_gateway;',
      '/',
    );

    const w = repo.file('db/oracle/wallet/create_wallet.sh', 'sql');
    const wp = pw(),
      wc = pw();
    w.l('#!/bin/bash', 'set -e', 'WALLET=/u01/app/oracle/wallet/recon');
    w.s(`orapki wallet create -wallet $WALLET -pwd '${wp}' -auto_login`, 'generic', wp);
    w.s(`mkstore -wrl $WALLET -createCredential RECONPRD recon_batch '${wc}' <<< '${wp}'`, 'generic', wc);
    w.d('orapki wallet create -wallet /u01/app/oracle/wallet/ctm -auto_login_only', 'no password');
    w.d('mkstore -wrl $WALLET -listCredential', 'no password');
    const tn = repo.file('db/oracle/network/admin/sqlnet.ora', 'sql');
    tn.d(
      'WALLET_LOCATION = (SOURCE = (METHOD = FILE) (METHOD_DATA = (DIRECTORY = /u01/app/oracle/wallet/recon)))',
      'wallet location',
    );
    tn.l('SQLNET.WALLET_OVERRIDE = TRUE', 'SSL_CLIENT_AUTHENTICATION = FALSE');
  }

  // ==== Python reconciliation ============================================================
  {
    const r = repo.file('recon/daily_gl_recon.py', 'python');
    const o = pw(),
      g = gen(18);
    r.l(
      '"""Daily GL vs core banking reconciliation (Control-M job RECON_GL_DAILY)."""',
      'import cx_Oracle',
      'import pyodbc',
      '',
      'CBS_DSN = cx_Oracle.makedsn("oracbs-scan.corp.bank.local", 1521, service_name="CBSPRD")',
    );
    r.d(`NOSTRO_IBAN = "${ibanDE()}"`, 'IBAN');
    r.d('NOSTRO_BIC = "DEUTDEFFXXX"', 'BIC');
    r.d('SUSPENSE_ACCOUNTS = ["0099000010", "0099000028", "0099000036"]', 'account numbers');
    r.l('', '', 'def connect():');
    r.s(`    cbs = cx_Oracle.connect("RECON_BATCH", "${o}", CBS_DSN)`, 'generic', o);
    r.s(
      `    gl = pyodbc.connect("DRIVER={ODBC Driver 17 for SQL Server};SERVER=sqlgl01.corp.bank.local;DATABASE=GeneralLedger;UID=recon_gl;PWD={${g}}")`,
      'generic',
      g,
    );
    r.l('    return cbs, gl');

    const c = repo.file('recon/config.py', 'python');
    const e = pw(),
      tw = t.twilioToken(),
      ora = plainPw(16);
    c.l('import os', '');
    c.s(`DB_PASSWORD = os.environ.get("RECON_DB_PASSWORD", "${e}")`, 'generic', e);
    c.d('SPLUNK_HEC_TOKEN = os.getenv("SPLUNK_HEC_TOKEN", "")', 'env reference');
    c.d(`TWILIO_ACCOUNT_SID = "${t.twilioSid()}"`, 'twilio account sid (id)');
    c.s(`TWILIO_AUTH_TOKEN = "${tw}"`, 'twilio', tw);
    c.d('SFTP_KEY_PATH = "/opt/recon/keys/id_rsa_partner"', 'file path');
    c.s(
      `ORACLE_THIN = dict(user="recon_ro", password="${ora}", dsn="oracbs-scan.corp.bank.local:1521/CBSPRD")`,
      'generic',
      ora,
    );

    const s = repo.file('recon/partner_sftp.py', 'python');
    const s1 = pw(),
      s2 = plainPw(20);
    s.l(
      'import os',
      'import paramiko',
      '',
      '',
      'def push_fis(path):',
      '    ssh = paramiko.SSHClient()',
      '    ssh.set_missing_host_key_policy(paramiko.AutoAddPolicy())',
    );
    s.s(`    ssh.connect("sftp.fis-partner.net", port=22, username="bankcore", password="${s1}")`, 'generic', s1);
    s.l(
      '    ssh.open_sftp().put(path, "/inbound/" + os.path.basename(path))',
      '',
      '',
      'def push_temenos(path):',
      '    transport = paramiko.Transport(("sftp.temenos-cloud.net", 22))',
    );
    s.s(`    transport.auth_password("bkrecon", "${s2}")`, 'generic', s2);
    s.d(
      '    key = paramiko.RSAKey.from_private_key_file("/opt/recon/keys/id_rsa_partner", password=os.environ["SFTP_KEY_PASS"])',
      'env reference',
    );

    const k = repo.file('recon/keys/id_rsa_partner', 'keys');
    const pem = t.opensshPem();
    k.s(pemLines(pem), 'private-key', pem[1]);
    const kp = repo.file('recon/keys/id_rsa_partner.pub', 'keys');
    kp.d(`ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABgQ${b64(540)} bkrecon@batchprd01`, 'public key');

    const ts = repo.file('recon/tests/test_matching.py', 'python');
    ts.l('from recon.matching import match', '', '', 'def test_match_by_end_to_end_id():');
    ts.d('    a = make_txn(iban="GB82WEST12345698765432", amount="125.00", e2e="E2E-0001")', 'documented example IBAN');
    ts.d('    b = make_txn(iban="GB33BUKB20201555555555", amount="125.00", e2e="E2E-0001")', 'documented example IBAN');
    ts.d('    conn = FakeConnection(user="recon", password="not-a-real-password")', 'obviously fake fixture');
    ts.l('    assert match([a], [b]) == [(a, b)]');

    const ok = repo.file('tools/okta/sync_branch_groups.py', 'python');
    const ot = oktaToken();
    ok.l('import requests', '', 'OKTA = "https://bankcore.okta.com/api/v1"');
    ok.s(`HEADERS = {"Authorization": "SSWS ${ot}", "Accept": "application/json"}`, 'okta', ot);
    ok.d('HEADERS_ENV = {"Authorization": f"SSWS {os.environ[\'OKTA_API_TOKEN\']}"}', 'env reference');
    ok.d(`BRANCH_GROUP_ID = "00g${t.alnum(17)}"`, 'okta group id');
  }

  // ==== Jupyter: fraud analytics =========================================================
  {
    const n = repo.file('analytics/fraud/notebooks/card_fraud_features.ipynb', 'notebook');
    const op = pw();
    const hec = splunkHec();
    const tw = t.twilioToken();
    const dd = t.ddApi();
    n.l(
      '{',
      ' "cells": [',
      '  {',
      '   "cell_type": "code",',
      '   "execution_count": 1,',
      '   "metadata": {},',
      '   "outputs": [],',
      '   "source": [',
    );
    n.l('    "import os\\n",', '    "import oracledb\\n",', '    "import pandas as pd\\n",');
    n.s(
      `    "conn = oracledb.connect(user=\\"FRAUD_RO\\", password=\\"${op}\\", dsn=\\"oracards-scan.corp.bank.local:1521/CARDSPRD\\")\\n",`,
      'generic',
      op,
    );
    n.d(
      `    "hec_cfg = {'url': os.environ['SPLUNK_HEC_URL'], 'token': os.environ['SPLUNK_HEC_TOKEN'], 'index': 'fraud'}\\n"`,
      'env reference',
    );
    n.l(
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
    n.s(
      `      "Splunk HEC config: {'url': 'https://splunk-hec.corp.bank.local:8088', 'token': '${hec}', 'index': 'fraud'}\\n"`,
      'splunk',
      hec,
    );
    n.l(
      '     ]',
      '    }',
      '   ],',
      '   "source": [',
      '    "print(\\"Splunk HEC config:\\", hec_cfg)\\n"',
      '   ]',
      '  },',
    );
    n.l(
      '  {',
      '   "cell_type": "code",',
      '   "execution_count": 3,',
      '   "metadata": {},',
      '   "outputs": [],',
      '   "source": [',
    );
    n.d(
      `    "df_test = pd.DataFrame({'pan': ['4111111111111111', '5555555555554444', '4000000000000002'], 'label': [0, 0, 1]})\\n",`,
      'test PANs',
    );
    n.s(`    "alerts = Client(\\"${t.twilioSid()}\\", \\"${tw}\\")\\n",`, 'twilio', tw);
    n.s(`    "dd_options = {'api_key': '${dd}', 'app_key': None}\\n"`, 'datadog', dd);
    n.l(
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
    n.d(`      "image/png": "${t.pngBase64()}",`, 'png output');
    n.l(
      '      "text/plain": [',
      '       "<Figure size 1200x500 with 1 Axes>"',
      '      ]',
      '     },',
      '     "metadata": {},',
      '     "output_type": "display_data"',
      '    },',
      '    {',
      '     "ename": "DatabaseError",',
      '     "output_type": "error",',
    );
    n.d('     "evalue": "ORA-01017: invalid username/password; logon denied",', 'error text without a value');
    n.l(
      '     "traceback": []',
      '    }',
      '   ],',
      '   "source": [',
      '    "fraud_rate_by_mcc(df).plot(kind=\\"bar\\")\\n"',
      '   ]',
      '  }',
      ' ],',
    );
    n.l(
      ' "metadata": {',
      '  "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}',
      ' },',
      ' "nbformat": 4,',
      ' "nbformat_minor": 5',
      '}',
    );
  }

  // ==== PowerShell ===========================================================================
  {
    const p = repo.file('ops/windows/Register-StatementJobs.ps1', 'powershell');
    const a = pw(),
      b = pw(),
      c = pw();
    p.l('#Requires -RunAsAdministrator', 'Import-Module ScheduledTasks');
    p.s(`$password = ConvertTo-SecureString "${a}" -AsPlainText -Force`, 'generic', a);
    p.l(
      '$cred = New-Object System.Management.Automation.PSCredential ("CORP\\svc_stmt", $password)',
      'New-PSDrive -Name S -PSProvider FileSystem -Root \\\\fs01.corp.bank.local\\statements$ -Credential $cred -Persist',
      '$action = New-ScheduledTaskAction -Execute "C:\\Bank\\Statements\\Bank.Statements.Service.exe" -Argument "--run nightly"',
      '$trigger = New-ScheduledTaskTrigger -Daily -At 1:30am',
    );
    p.s(
      `Register-ScheduledTask -TaskName "Bank Statements Nightly" -Action $action -Trigger $trigger -User "CORP\\svc_stmt" -Password "${b}" -RunLevel Highest`,
      'generic',
      b,
    );
    p.s(
      `schtasks /Create /TN "GL Extract" /TR "C:\\Bank\\Jobs\\gl_extract.cmd" /SC DAILY /ST 01:45 /RU CORP\\svc_gl /RP ${c}`,
      'generic',
      c,
    );
    p.d('$cred2 = Get-Credential -UserName "CORP\\svc_recon" -Message "Recon share"', 'interactive prompt');

    const q = repo.file('ops/windows/Invoke-NightlyChecks.ps1', 'powershell');
    const s1 = pw(),
      hec = splunkHec(),
      sg = t.sendgrid(),
      nu = plainPw(14);
    q.s(
      `Invoke-Sqlcmd -ServerInstance "sqlteller01.corp.bank.local" -Database "Teller" -Username "ops_check" -Password "${s1}" -Query "EXEC dbo.usp_EodChecks"`,
      'generic',
      s1,
    );
    q.d(
      'Invoke-Sqlcmd -ServerInstance "sqlgl01" -Database "GeneralLedger" -Credential (Get-Credential) -InputFile .\\gl_checks.sql',
      'interactive prompt',
    );
    q.d("$sqlPw = Get-Secret -Name 'sqlgl-ops' -Vault BankOps -AsPlainText", 'secret store reference');
    q.d(`$secure = "${dpapi()}" | ConvertTo-SecureString`, 'DPAPI-encrypted SecureString');
    q.s(`$splunkHeaders = @{ Authorization = "Splunk ${hec}" }`, 'splunk', hec);
    q.s(
      `Invoke-RestMethod -Uri "https://api.sendgrid.com/v3/mail/send" -Method Post -Headers @{ Authorization = "Bearer ${sg}" } -Body $mail -ContentType "application/json"`,
      'sendgrid',
      sg,
    );
    q.s(`net use Z: \\\\fs02.corp.bank.local\\recon$ /user:CORP\\svc_recon ${nu} /persistent:no`, 'generic', nu);
    q.d('$env:SQL_PASSWORD = $sqlPw', 'variable');

    const d = repo.file('ops/windows/Set-TellerAppPool.ps1', 'powershell');
    const ap = pw();
    d.l('Import-Module WebAdministration');
    d.s(
      `Set-ItemProperty IIS:\\AppPools\\TellerPool -Name processModel -Value @{userName="CORP\\svc_teller";password="${ap}";identitytype=3}`,
      'generic',
      ap,
    );
    d.d(
      'Set-ItemProperty IIS:\\AppPools\\AdminPool -Name processModel -Value @{userName="CORP\\svc_admin";password=$env:ADMIN_POOL_PW;identitytype=3}',
      'env reference',
    );
  }

  // ==== Control-M / Autosys shell =========================================================
  {
    const e = repo.file('batch/etc/batch.env', 'shell');
    const g = pw(),
      s = plainPw(16),
      v = vault();
    e.l(
      'export ORACLE_HOME=/u01/app/oracle/product/19c/client_1',
      'export TNS_ADMIN=/opt/batch/tns',
      'export GL_DB_USER=GL_BATCH',
    );
    e.s(`export GL_DB_PASS='${g}'`, 'generic', g);
    e.s(`export SWIFT_SAA_PASSWORD=${s}`, 'generic', s);
    e.d('export MQ_PASSWORD=$(cat /opt/batch/secure/mq.pw)', 'file reference');
    e.l('export VAULT_ADDR=https://vault.corp.bank.local:8200');
    e.s(`export VAULT_TOKEN=${v}`, 'vault', v);

    const x = repo.file('batch/controlm/scripts/gl_extract.sh', 'shell');
    const x1 = plainPw(14),
      x2 = pw();
    x.l(
      '#!/bin/ksh',
      '# Control-M job GL_EXTRACT_DAILY, nodeid batchprd01',
      '. /opt/batch/etc/batch.env',
      'OUT=/data/out/GL_$(date +%Y%m%d).csv',
    );
    x.s(`sqlplus -s GL_BATCH/${x1}@GLPRD <<EOF`, 'generic', x1);
    x.l('SET PAGESIZE 0 FEEDBACK OFF', 'SPOOL $OUT', '@/opt/batch/sql/gl_extract.sql', 'SPOOL OFF', 'EOF');
    x.d('sqlplus -s /@GLPRD_WALLET @/opt/batch/sql/gl_close.sql', 'wallet login');
    x.s(
      `sqlplus -s "RECON/\\"${x2}\\"@//oracbs-scan.corp.bank.local:1521/CBSPRD" @/opt/batch/sql/recon_mark.sql`,
      'generic',
      x2,
    );
    x.d('sqlplus -s "$GL_DB_USER/$GL_DB_PASS@GLPRD" @/opt/batch/sql/gl_stats.sql', 'variable reference');

    const f = repo.file('batch/controlm/scripts/partner_sftp_push.sh', 'shell');
    const f1 = pw(),
      f2 = plainPw(12),
      f3 = plainPw(16);
    f.l('#!/bin/bash', 'set -euo pipefail');
    f.s(
      `sshpass -p '${f1}' sftp -oBatchMode=no -b /opt/batch/sftp/push.batch bkcore@sftp.swift-bureau.net`,
      'generic',
      f1,
    );
    f.d(
      'SSHPASS="$(cat /opt/batch/secure/fis.pw)" sshpass -e sftp -b /opt/batch/sftp/fis.batch bankcore@sftp.fis-partner.net',
      'env/file reference',
    );
    f.s(
      `lftp -u bkcore_ftp,${f2} -e "mirror -R /data/out/sepa /inbound; bye" sftp://sftp.clearing-partner.net`,
      'generic',
      f2,
    );
    f.s(
      `curl -sf -u svc_batch:${f3} -T /data/out/GL_$(date +%Y%m%d).csv https://artifactory.corp.bank.local/artifactory/batch-archive/gl/`,
      'generic',
      f3,
    );
    const pb = repo.file('batch/sftp/push.batch', 'shell');
    pb.l('cd /inbound', 'put /data/out/*.xml', 'ls -l', 'bye');

    const cp = repo.file('batch/controlm/setup/agent_passwords.sh', 'shell');
    const c1 = pw();
    cp.l('#!/bin/ksh', '# run once per agent after install');
    cp.s(`ctmpwd -ACTION add -USER ctmbatch -PASSWORD ${c1}`, 'generic', c1);
    cp.d('ctmpwd -ACTION update -USER svcbatch -PASSWORD "${NEW_PW:?set NEW_PW}"', 'env reference');

    const jil = repo.file('batch/autosys/jil/gl_eod.jil', 'shell');
    jil.l(
      'insert_job: GL_EOD_EXTRACT   job_type: CMD',
      'command: /opt/batch/controlm/scripts/gl_extract.sh',
      'machine: batchprd01',
      'owner: batchgl@batchprd01',
      'date_conditions: 1',
      'days_of_week: mo,tu,we,th,fr',
      'start_times: "01:30"',
      'std_out_file: /var/log/batch/GL_EOD_EXTRACT.out',
    );
    jil.d('std_err_file: /var/log/batch/GL_EOD_EXTRACT.err', 'path');

    const mq = repo.file('ops/scripts/mq_smoke_test.sh', 'shell');
    const m1 = pw(),
      kdb = plainPw(16);
    mq.l(
      '#!/bin/bash',
      'export MQSAMP_USER_ID=payhub',
      'export MQSERVER="PAYHUB.SVRCONN/TCP/mqpay01.corp.bank.local(1414)"',
    );
    mq.s(
      `printf '%s\\nsmoke test %s\\n' '${m1}' "$(date)" | /opt/mqm/samp/bin/amqsputc PAYHUB.SMOKE.Q QMPAY01`,
      'generic',
      m1,
    );
    mq.s(`runmqakm -keydb -create -db /var/mqm/qmgrs/QMPAY01/ssl/key.kdb -pw ${kdb} -type cms -stash`, 'generic', kdb);
    mq.d(
      'runmqakm -cert -add -db /var/mqm/qmgrs/QMPAY01/ssl/key.kdb -stashed -label bankcore-root -file /etc/pki/bankcore-root.pem',
      'stashed, no password',
    );

    const bl = repo.file('logs/batch/ctm_gl_extract_20250304.log', 'logs');
    const bx = plainPw(14);
    bl.l(
      '+ . /opt/batch/etc/batch.env',
      '+ export ORACLE_HOME=/u01/app/oracle/product/19c/client_1',
      '+ OUT=/data/out/GL_20250304.csv',
    );
    bl.s(`+ sqlplus -s GL_BATCH/${bx}@GLPRD`, 'generic', bx);
    bl.l(
      '+ sftp -b /opt/batch/sftp/push.batch bkcore@sftp.swift-bureau.net',
      'Connected to sftp.swift-bureau.net.',
      'sftp> cd /inbound',
      'sftp> put /data/out/GL_20250304.csv',
    );
    bl.d('Uploading /data/out/GL_20250304.csv to /inbound/GL_20250304.csv (sha256 ' + t.sha256() + ')', 'checksum');
    bl.l('Control-M: job GL_EXTRACT_DAILY ended OK (rc=0)');
  }

  // ==== IBM MQ ============================================================================
  {
    const m = repo.file('mq/qmgr/QMPAY01/config.mqsc', 'mq');
    const ld = pw(),
      sd = racf();
    m.l(
      "DEFINE CHANNEL('PAYHUB.SVRCONN') CHLTYPE(SVRCONN) TRPTYPE(TCP) SSLCIPH('ANY_TLS12_OR_HIGHER') SSLCAUTH(OPTIONAL) REPLACE",
      "SET CHLAUTH('PAYHUB.SVRCONN') TYPE(ADDRESSMAP) ADDRESS('10.20.*') USERSRC(CHANNEL) CHCKCLNT(REQUIRED) ACTION(REPLACE)",
    );
    m.s(
      `DEFINE AUTHINFO('BANK.LDAP') AUTHTYPE(IDPWLDAP) CONNAME('ldap.corp.bank.local(636)') SHORTUSR('sAMAccountName') LDAPUSER('CN=mqbind,OU=svc,DC=bank,DC=local') LDAPPWD('${ld}') SECCOMM(YES) CHCKCLNT(REQUIRED) REPLACE`,
      'generic',
      ld,
    );
    m.l("ALTER QMGR CONNAUTH('BANK.LDAP')", 'REFRESH SECURITY TYPE(CONNAUTH)');
    m.s(
      `DEFINE CHANNEL('QMPAY01.QMSWF01') CHLTYPE(SDR) TRPTYPE(TCP) CONNAME('mqswf01.corp.bank.local(1414)') XMITQ('QMSWF01') USERID('MQSWF') PASSWORD('${sd}') REPLACE`,
      'generic',
      sd,
    );
    m.d("DEFINE QLOCAL('PAYHUB.PASSWORD.RESET.REQ') DEFPSIST(YES) REPLACE", 'queue name');
    m.l("DEFINE QLOCAL('PAYHUB.SMOKE.Q') REPLACE");
    const ci = repo.file('mq/client/mqclient.ini', 'mq');
    ci.l(
      'CHANNELS:',
      '   ChannelDefinitionDirectory=/var/mqm/ccdt',
      '   ChannelDefinitionFile=ccdt.json',
      'SSL:',
      '   SSLKeyRepository=/var/mqm/ssl/key',
    );
    ci.d('   SSLKeyRepositoryPassword=/var/mqm/ssl/key.sth', 'stash file path');
    const el = repo.file('logs/mq/QMPAY01/AMQERR01.LOG', 'logs');
    el.l(
      '03/04/2025 01:12:07 AM - Process(12345.1) User(mqm) Program(amqzlaa0)',
      '                    Host(mqpay01) Installation(Installation1)',
      '                    VRMF(9.3.0.5) QMgr(QMPAY01)',
      '                    Time(2025-03-04T00:12:07.123Z)',
      '                    ArithInsert1(2) ArithInsert2(2035)',
      '                    CommentInsert1(payhub)',
      '',
    );
    el.d("AMQ5534E: User ID 'payhub' authentication failed", 'log without a value');
    el.l('', 'EXPLANATION:');
    el.d("The user ID and password supplied by 'java' could not be authenticated.", 'log text');
    el.l(
      'ACTION:',
      'Ensure that the correct user ID and password are provided by the application.',
      '-------------------------------------------------------------------------------',
    );
    el.d(
      "AMQ9777E: Channel was blocked. The inbound channel 'PAYHUB.SVRCONN' was blocked from address '10.20.4.17'",
      'log text',
    );
  }

  // ==== Logs: WebSphere SystemOut ========================================================
  {
    const so = repo.file('logs/websphere/server1/SystemOut.log', 'logs');
    const lp = racf();
    const jt = t.jwt();
    so.l(
      '************ Start Display Current Environment ************',
      'WebSphere Platform 9.0.5.14 [ND 9.0.5.14 cf141824.01] running with process name wasprd01Cell\\wasprd01Node01\\server1 and process id 41872',
      '************* End Display Current Environment *************',
      '[3/4/25 1:12:07:123 CET] 00000001 WsServerImpl  A   WSVR0001I: Server server1 open for e-business',
    );
    so.d(
      '[3/4/25 1:14:10:456 CET] 0000003f ConnectionFac I   J2CA0122I: Resource reference jdbc/CoreDS could not be located, so default values of the following are used: [Resource-ref settings]',
      'log text',
    );
    so.s(
      `[3/4/25 1:14:12:222 CET] 0000003f SystemOut     O   DEBUG c.b.g.l.Db2AccountDao - opening jdbc:db2://db2prd01.corp.bank.local:50000/COREPRD user=COREADP password=${lp}`,
      'generic',
      lp,
    );
    so.d(
      '[3/4/25 1:14:12:300 CET] 0000003f SystemOut     O   INFO  c.b.g.a.TokenClient - token request client_id=core-gateway client_secret=****** grant_type=client_credentials',
      'masked',
    );
    so.s(
      `[3/4/25 1:14:12:511 CET] 0000003f SystemOut     O   DEBUG o.a.h.headers - >> Authorization: Bearer ${jt}`,
      'jwt',
      jt,
    );
    so.d(
      '[3/4/25 1:15:30:010 CET] 00000045 LTPAServerObj E   SECJ0369E: Authentication failed when using LTPA. The exception is com.ibm.websphere.wim.exception.PasswordCheckFailedException',
      'log text',
    );
    so.d(
      `[3/4/25 1:16:02:777 CET] 0000004a SystemOut     O   INFO  c.b.p.Booking - booked txn=${t.uuid()} iban=${ibanDE()} amount=125.00`,
      'ids and IBAN',
    );
  }

  // ==== Jenkins shared library ===========================================================
  {
    const a = repo.file('jenkins-shared-lib/vars/deployToWebSphere.groovy', 'groovy');
    const wp = pw();
    a.l('def call(Map cfg) {');
    a.d(
      "  withCredentials([usernamePassword(credentialsId: 'was-admin-prod', usernameVariable: 'WAS_USER', passwordVariable: 'WAS_PASS')]) {",
      'jenkins credentials id',
    );
    a.d(
      '    sh "wsadmin.sh -lang jython -user \\$WAS_USER -password \\$WAS_PASS -f deploy.py ${cfg.ear}"',
      'variable reference',
    );
    a.l('  }', '  if (cfg.dr) {', '    // DR cell admin is not in Jenkins credentials yet (CHG0041220)');
    a.s(
      `    sh "wsadmin.sh -lang jython -conntype SOAP -host wasdr01.corp.bank.local -port 8879 -user wasadmin -password '${wp}' -f deploy.py \${cfg.ear}"`,
      'generic',
      wp,
    );
    a.l('  }', '}');

    const b = repo.file('jenkins-shared-lib/vars/publishToArtifactory.groovy', 'groovy');
    const ak = artKey();
    b.l('def call(String pattern, String target) {');
    b.s(
      `  def server = Artifactory.newServer url: 'https://artifactory.corp.bank.local/artifactory', username: 'svc-jenkins', password: '${ak}'`,
      'artifactory',
      ak,
    );
    b.l(
      '  def spec = """{"files": [{"pattern": "${pattern}", "target": "${target}"}]}"""',
      '  server.upload spec: spec',
      '}',
    );

    const c = repo.file('jenkins-shared-lib/vars/sonarScan.groovy', 'groovy');
    const sq = sonar('squ');
    c.l('def call(String projectKey) {');
    c.s(
      `  sh "mvn -B sonar:sonar -Dsonar.projectKey=\${projectKey} -Dsonar.host.url=https://sonar.corp.bank.local -Dsonar.login=${sq}"`,
      'sonarqube',
      sq,
    );
    c.d('  sh "mvn -B sonar:sonar -Dsonar.token=\\${SONAR_TOKEN}"', 'env reference');
    c.l('}');

    const d = repo.file('jenkins-shared-lib/src/com/bankcore/ci/Notifier.groovy', 'groovy');
    const sl = t.slackWebhook();
    const teams = `https://bankcore.webhook.office.com/webhookb2/${t.uuid()}@${t.uuid()}/IncomingWebhook/${t.hex(32)}/${t.uuid()}/V2${t.mixed(URLSAFE, 43)}`;
    d.l('package com.bankcore.ci', '', 'class Notifier implements Serializable {');
    d.s(`  private static final String SLACK_HOOK = '${sl}'`, 'slack', sl);
    d.s(`  private static final String TEAMS_HOOK = '${teams}'`, 'microsoft-teams', teams);
    d.d("  private static final String CHANNEL = '#core-banking-releases'", 'channel name');
    d.l('}');

    const e = repo.file('jenkins-shared-lib/vars/githubRelease.groovy', 'groovy');
    const gh = t.github();
    e.l('def call(String repo, String tag) {');
    e.s(`  def token = '${gh}'`, 'github', gh);
    e.l('  sh "gh release create ${tag} --repo bankcore/${repo} --generate-notes"', '}');
  }

  // ==== Jenkinsfile / Azure DevOps ========================================================
  {
    const j = repo.file('services/payments-hub/Jenkinsfile', 'ci');
    const ar = artRef(),
      dt = dynatrace();
    j.l("@Library('bankcore-shared-lib@v4') _", 'pipeline {', "  agent { label 'maven-jdk17' }", '  environment {');
    j.d("    SONAR_TOKEN = credentials('sonar-token')", 'jenkins credentials reference');
    j.s(`    ARTIFACTORY_ACCESS_TOKEN = '${ar}'`, 'artifactory', ar);
    j.s(`    DT_API_TOKEN = '${dt}'`, 'dynatrace', dt);
    j.l('  }', '  stages {', "    stage('Build') { steps { sh 'mvn -B -s build/maven/settings.xml verify' } }");
    j.d(
      "    stage('Tag') { steps { sh \"curl -H 'Authorization: Bearer ${GITHUB_TOKEN}' https://api.github.com/repos/bankcore/payments-hub/git/refs\" } }",
      'env reference',
    );
    j.l("    stage('Sonar') { steps { sonarScan('payments-hub') } }", '  }', '}');

    const az = repo.file('services/customer-api/azure-pipelines.yml', 'ci');
    const sp = sonar('sqp'),
      cs = t.azureClientSecret();
    az.l(
      'trigger:',
      '  branches: { include: [main] }',
      'variables:',
      '  - group: customer-api-prod',
      '  - name: sonarToken',
    );
    az.s(`    value: '${sp}'`, 'sonarqube', sp);
    az.l('  - name: dbPassword');
    az.d('    value: $(CustomerDbPassword)', 'pipeline variable');
    az.l(
      'steps:',
      '  - task: AzureCLI@2',
      '    inputs:',
      '      azureSubscription: bankcore-prod-sc',
      '      scriptType: bash',
      '      scriptLocation: inlineScript',
      '      inlineScript: |',
    );
    az.s(`        az login --service-principal -u ${t.uuid()} -p ${cs} --tenant ${t.uuid()}`, 'azure', cs);
    az.l(
      '        az webapp deploy --resource-group rg-customer-prod --name app-customer-api-prod --src-path $(Pipeline.Workspace)/drop/app.zip',
    );
    az.l('  - task: SonarQubePrepare@5', '    inputs:', '      SonarQube: sonar-bankcore');
    az.d('      extraProperties: sonar.token=$(sonarToken)', 'pipeline variable');

    const ss = repo.file('pipelines/templates/deploy-ssis.yml', 'ci');
    const sp2 = pw();
    ss.l('parameters:', '  - name: environment', '    type: string', 'steps:', '  - script: |');
    ss.s(
      `      sqlcmd -S sqlgl01.corp.bank.local -U ssis_deploy -P "${sp2}" -i etl/ssis/deploy_catalog.sql`,
      'generic',
      sp2,
    );
    ss.d(
      '      sqlcmd -S sqlgl02.corp.bank.local -U ssis_deploy -P "$(SsisDeployPassword)" -i etl/ssis/deploy_catalog.sql',
      'pipeline variable',
    );
    ss.l('    displayName: Deploy SSIS catalog');
  }

  // ==== Dockerfiles ======================================================================
  {
    const d = repo.file('services/payments-hub/Dockerfile', 'docker');
    const ar = artRef();
    d.d(`FROM registry.access.redhat.com/ubi9/openjdk-17@sha256:${t.sha256()}`, 'image digest');
    d.l('ARG ARTIFACTORY_USER=svc-docker');
    d.s(`ARG ARTIFACTORY_TOKEN=${ar}`, 'artifactory', ar);
    d.d(
      'ENV JAVA_OPTS="-Djavax.net.ssl.trustStore=/etc/pki/java/cacerts -Djavax.net.ssl.trustStorePassword=changeit"',
      'JDK default cacerts password',
    );
    d.d(
      'RUN --mount=type=secret,id=mvnsettings,target=/root/.m2/settings.xml mvn -B -q dependency:go-offline',
      'build secret mount',
    );
    d.l('COPY target/payments-hub.jar /deployments/app.jar');

    const r = repo.file('batch/Dockerfile.recon', 'docker');
    const op = plainPw(16);
    r.l(
      'FROM python:3.12-slim',
      'RUN pip install --no-cache-dir cx_Oracle pyodbc paramiko pandas',
      'ENV TNS_ADMIN=/opt/oracle/network/admin',
    );
    r.s(`ENV RECON_DB_PASSWORD=${op}`, 'generic', op);
    r.d('ARG SFTP_KEY_PASS', 'build arg without value');
    r.l('COPY recon/ /opt/recon/', 'CMD ["python", "-m", "recon.daily_gl_recon"]');
  }

  // ==== OpenShift / Helm ==================================================================
  {
    const s = repo.file('deploy/openshift/payments-hub/secret.yaml', 'k8s');
    const ok = oktaSecret(),
      pf = t.mixed(URLSAFE, 48),
      db = pw(),
      hec = splunkHec();
    s.l(
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: payments-hub',
      '  namespace: payments-prod',
      'type: Opaque',
      'stringData:',
    );
    s.s(`  OKTA_CLIENT_SECRET: ${ok}`, 'okta', ok, 'warning');
    s.s(`  PINGFED_CLIENT_SECRET: "${pf}"`, 'pingfederate', pf, 'warning');
    s.s(`  SPRING_DATASOURCE_PASSWORD: '${db}'`, 'generic', db);
    s.l('data:');
    s.s(`  SPLUNK_HEC_TOKEN: ${Buffer.from(hec).toString('base64')}`, 'splunk', hec);
    s.d(`  SPLUNK_INDEX: ${Buffer.from('payments_prod').toString('base64')}`, 'base64 of a plain setting');

    const dc = repo.file('deploy/openshift/payments-hub/deploymentconfig.yaml', 'k8s');
    const dt = dynatrace();
    dc.l(
      'apiVersion: apps.openshift.io/v1',
      'kind: DeploymentConfig',
      'metadata:',
      '  name: payments-hub',
      'spec:',
      '  replicas: 3',
      '  template:',
      '    spec:',
      '      containers:',
      '        - name: payments-hub',
    );
    dc.d(
      `          image: image-registry.openshift-image-registry.svc:5000/payments-prod/payments-hub@sha256:${t.sha256()}`,
      'image digest',
    );
    dc.l('          env:', '            - name: DT_API_TOKEN');
    dc.s(`              value: ${dt}`, 'dynatrace', dt);
    dc.l('            - name: IBM_MQ_PASSWORD', '              valueFrom:', '                secretKeyRef:');
    dc.d('                  name: payments-hub-mq', 'secretKeyRef name');
    dc.d('                  key: password', 'secretKeyRef key');

    const rt = repo.file('deploy/openshift/payments-hub/route.yaml', 'k8s');
    const key = t.pkcs8Pem();
    rt.l(
      'apiVersion: route.openshift.io/v1',
      'kind: Route',
      'metadata:',
      '  name: payments-hub',
      'spec:',
      '  host: payments-api.bankcore.de',
      '  tls:',
      '    termination: edge',
      '    certificate: |',
    );
    rt.d(
      [
        '      -----BEGIN CERTIFICATE-----',
        `      MIIF${b64(60)}`,
        `      ${b64(64)}`,
        `      ${b64(40)}==`,
        '      -----END CERTIFICATE-----',
      ],
      'public certificate',
    );
    rt.l('    key: |');
    const indented = key.map((x) => `      ${x}`);
    rt.s(indented, 'private-key', key[1]);
    rt.l('  to:', '    kind: Service', '    name: payments-hub');

    const ps = repo.file('deploy/openshift/pull-secret.yaml', 'k8s');
    const ak = artKey();
    const inner = Buffer.from(`svc-openshift:${ak}`).toString('base64');
    const cfg = Buffer.from(
      JSON.stringify({ auths: { 'bankcore-docker.artifactory.corp.bank.local': { auth: inner } } }),
    ).toString('base64');
    ps.l(
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: artifactory-pull',
      'type: kubernetes.io/dockerconfigjson',
      'data:',
    );
    ps.s(`  .dockerconfigjson: ${cfg}`, 'artifactory', inner);

    const v = repo.file('deploy/helm/api-gateway/values.yaml', 'k8s');
    v.l('image:', '  repository: bankcore-docker.artifactory.corp.bank.local/api-gateway', '  tag: 2.14.1', 'okta:');
    v.d('  clientSecret: ""', 'empty');
    v.l('datadog:');
    v.d('  apiKey: <DATADOG_API_KEY>', 'placeholder');
    v.l('splunk:');
    v.d('  hecToken: CHANGEME', 'placeholder');
    v.l('vault:');
    v.d('  role: api-gateway', 'vault role');
    v.d('  secretPath: secret/data/bankcore/api-gateway', 'vault path');

    const vp = repo.file('deploy/helm/api-gateway/values-prod.yaml', 'k8s');
    const dda = t.ddApi(),
      ddp = t.ddApp(),
      hec2 = splunkHec(),
      oks = oktaSecret();
    vp.l('okta:', '  issuer: https://bankcore.okta.com/oauth2/aus1prodgw');
    vp.d(`  clientId: ${oktaClientId()}`, 'okta client id');
    vp.s(`  clientSecret: "${oks}"`, 'okta', oks, 'warning');
    vp.l('datadog:', '  site: datadoghq.eu');
    vp.s(`  apiKey: ${dda}`, 'datadog', dda);
    vp.s(`  appKey: ${ddp}`, 'datadog', ddp);
    vp.l('splunk:', '  hecUrl: https://splunk-hec.corp.bank.local:8088');
    vp.s(`  hecToken: ${hec2}`, 'splunk', hec2);
    vp.d(`  requestChannel: ${t.uuid()}`, 'splunk channel id (uuid)');

    const es = repo.file('deploy/helm/api-gateway/templates/externalsecret.yaml', 'k8s');
    es.l(
      'apiVersion: external-secrets.io/v1beta1',
      'kind: ExternalSecret',
      'metadata:',
      '  name: {{ include "api-gateway.fullname" . }}',
      'spec:',
      '  secretStoreRef: { name: azure-kv, kind: ClusterSecretStore }',
      '  data:',
      '    - secretKey: OKTA_CLIENT_SECRET',
      '      remoteRef:',
    );
    es.d('        key: api-gateway-okta-client-secret', 'key vault secret name');
    es.l('    - secretKey: DD_API_KEY', '      remoteRef:');
    es.d('        key: datadog-api-key', 'key vault secret name');
    const tp = repo.file('deploy/helm/api-gateway/templates/deployment.yaml', 'k8s');
    tp.l('          env:', '            - name: OKTA_CLIENT_SECRET');
    tp.d('              value: {{ .Values.okta.clientSecret | quote }}', 'helm template');
    tp.d(
      '          annotations: { vault.hashicorp.com/agent-inject-secret-db: "secret/data/bankcore/api-gateway/db" }',
      'vault annotation',
    );
  }

  // ==== Terraform (Azure) ================================================================
  {
    const p = repo.file('infra/terraform/azure/provider.tf', 'terraform');
    const cs = t.azureClientSecret();
    p.l('provider "azurerm" {', '  features {}');
    p.d(`  subscription_id = "${t.uuid()}"`, 'subscription id');
    p.d(`  tenant_id       = "${t.uuid()}"`, 'tenant id');
    p.d(`  client_id       = "${t.uuid()}"`, 'client id');
    p.s(`  client_secret   = "${cs}"`, 'azure', cs);
    p.l('}');

    const b = repo.file('infra/terraform/azure/backend.tf', 'terraform');
    const sk = t.azureStorageKey();
    b.l(
      'terraform {',
      '  backend "azurerm" {',
      '    resource_group_name  = "rg-tfstate-prod"',
      '    storage_account_name = "stbankcoretfstate"',
      '    container_name       = "tfstate"',
      '    key                  = "core/prod.tfstate"',
    );
    b.s(`    access_key           = "${sk}"`, 'azure', sk);
    b.l('  }', '}');

    const q = repo.file('infra/terraform/azure/sql.tf', 'terraform');
    const sp = pw();
    q.l(
      'resource "azurerm_mssql_server" "customer" {',
      '  name                         = "bk-cust-prod"',
      '  resource_group_name          = azurerm_resource_group.customer.name',
      '  version                      = "12.0"',
      '  administrator_login          = "sqladmin"',
    );
    q.s(`  administrator_login_password = "${sp}"`, 'generic', sp);
    q.l(
      '}',
      '',
      'resource "azurerm_mssql_server" "reporting" {',
      '  name                         = "bk-rep-prod"',
      '  administrator_login          = "sqladmin"',
    );
    q.d('  administrator_login_password = random_password.reporting_sql.result', 'resource reference');
    q.l('}', '', 'resource "azurerm_key_vault_secret" "sql" {', '  name         = "customer-sql-admin"');
    q.d('  value        = var.sql_admin_password', 'variable reference');
    q.l('  key_vault_id = azurerm_key_vault.core.id', '}');

    const tv = repo.file('infra/terraform/azure/prod.auto.tfvars', 'terraform');
    const ot = oktaToken(),
      dt = dynatrace(),
      dd = t.ddApi();
    tv.l('environment = "prod"', 'location    = "westeurope"');
    tv.s(`okta_api_token      = "${ot}"`, 'okta', ot);
    tv.s(`dynatrace_api_token = "${dt}"`, 'dynatrace', dt);
    tv.s(`datadog_api_key     = "${dd}"`, 'datadog', dd);
    tv.d('sendgrid_api_key    = ""', 'empty');

    const vr = repo.file('infra/terraform/azure/variables.tf', 'terraform');
    vr.l('variable "sql_admin_password" {', '  type      = string');
    vr.d('  sensitive = true', 'attribute');
    vr.l('}', 'variable "temenos_api_secret" {', '  type    = string');
    vr.d('  default = "REPLACE_ME"', 'placeholder');
    vr.l('}');

    const app = repo.file('infra/terraform/azure/app_service.tf', 'terraform');
    const tem = t.alnum(40);
    app.l(
      'resource "azurerm_linux_web_app" "customer_api" {',
      '  name = "app-customer-api-prod"',
      '  app_settings = {',
    );
    app.d(`    "APPINSIGHTS_INSTRUMENTATIONKEY" = "${t.uuid()}"`, 'instrumentation key (ingest id)');
    app.s(`    "TEMENOS_API_SECRET"            = "${tem}"`, 'generic', tem);
    app.d(
      '    "OKTA_CLIENT_SECRET"            = "@Microsoft.KeyVault(SecretUri=${azurerm_key_vault_secret.okta.id})"',
      'key vault reference',
    );
    app.l('  }', '}');
  }

  // ==== Ansible ============================================================================
  {
    const g = repo.file('ansible/inventories/prod/group_vars/mq_servers.yml', 'ansible');
    const a = pw();
    g.l('mq_version: 9.3.0.5', 'mq_admin_user: mqadmin');
    g.s(`mq_admin_password: "${a}"`, 'generic', a);
    g.d('mq_ldap_bind_password: "{{ vault_mq_ldap_bind_password }}"', 'vault reference');
    g.l('mq_kdb_password: !vault |', '          $ANSIBLE_VAULT;1.1;AES256');
    for (let i = 0; i < 3; i++) g.d(`          ${t.pick(HEX, 80)}`, 'ansible vault ciphertext');
    const h = repo.file('ansible/inventories/prod/hosts.ini', 'ansible');
    const w = pw(),
      o = plainPw(14);
    h.l('[windows_batch]');
    h.s(
      `win-batch01.corp.bank.local ansible_user=CORP\\svc_ansible ansible_password=${w} ansible_connection=winrm ansible_winrm_transport=ntlm`,
      'generic',
      w,
    );
    h.l('[oracle]');
    h.s(`oradb01.corp.bank.local ansible_user=ansible ansible_become_pass=${o}`, 'generic', o);
    h.d(
      'oradb02.corp.bank.local ansible_user=ansible ansible_become_pass="{{ vault_become_pass }}"',
      'vault reference',
    );
    const tk = repo.file('ansible/roles/weblogic/tasks/main.yml', 'ansible');
    tk.l(
      '- name: write boot.properties',
      '  copy:',
      '    dest: "{{ domain_home }}/servers/AdminServer/security/boot.properties"',
    );
    tk.d('    content: "username={{ wls_admin_user }}\\npassword={{ wls_admin_password }}\\n"', 'template reference');
    tk.l('    mode: "0600"');
    const wu = repo.file('ansible/roles/windows_batch/tasks/main.yml', 'ansible');
    const wpw = pw();
    wu.l('- name: ensure statements service account', '  win_user:', '    name: svc_stmt');
    wu.s(`    password: "${wpw}"`, 'generic', wpw);
    wu.l('    password_never_expires: yes', '    groups: [Batch Operators]');
  }

  // ==== Vendors: AWS, GitHub, Twilio, Splunk, Datadog, Dynatrace, Vault ===================
  {
    const aw = repo.file('tools/aws/credentials', 'vendors');
    const id = t.awsId(),
      sec = t.awsSecret();
    aw.l('[statements-archive]');
    aw.s(`aws_access_key_id = ${id}`, 'aws', id);
    aw.s(`aws_secret_access_key = ${sec}`, 'aws', sec);
    aw.l('region = eu-central-1', '[default]');
    aw.d('credential_process = /usr/local/bin/aws-vault export --format=json bankcore-ops', 'credential process');

    const gh = repo.file('tools/release/gh-release.sh', 'vendors');
    const fp = ghFine();
    gh.l('#!/bin/bash');
    gh.s(`export GH_TOKEN=${fp}`, 'github', fp);
    gh.d('gh auth status -h github.com', 'command');
    gh.l('gh release create "$1" --repo bankcore/core-banking --notes-file CHANGELOG.md');

    const tw = repo.file('services/notifications/src/main/resources/application.yml', 'java');
    const ts = twilioKeySecret(),
      sg = t.sendgrid();
    tw.l('twilio:');
    tw.d(`  account-sid: ${t.twilioSid()}`, 'twilio account sid (id)');
    tw.d(`  api-key-sid: SK${t.hex(32)}`, 'twilio api key sid (id)');
    tw.s(`  api-key-secret: ${ts}`, 'twilio', ts);
    tw.l('  from-number: "+4969123456789"', 'sendgrid:');
    tw.s(`  api-key: ${sg}`, 'sendgrid', sg);
    tw.d('  template-id: d-' + t.hex(32), 'sendgrid template id');

    const sp = repo.file('ops/splunk/apps/bankcore_batch/local/inputs.conf', 'vendors');
    const hec = splunkHec();
    sp.l('[http://bankcore_batch]', 'disabled = 0', 'index = batch_prod', 'sourcetype = _json');
    sp.s(`token = ${hec}`, 'splunk', hec);
    const so = repo.file('ops/splunk/etc/system/local/server.conf', 'vendors');
    const sym = pw();
    so.l('[general]', 'serverName = splkfwd01');
    so.d(`pass4SymmKey = $7$${b64(56)}==`, 'splunk $7$ encrypted');
    so.l('[clustering]', 'mode = peer', 'manager_uri = https://splkcm01.corp.bank.local:8089');
    so.s(`pass4SymmKey = ${sym}`, 'generic', sym);
    so.l('[sslConfig]');
    so.d(`sslPassword = $7$${b64(40)}=`, 'splunk $7$ encrypted');

    const dd = repo.file('ops/datadog/datadog.yaml', 'vendors');
    const dk = t.ddApi(),
      dp = t.ddApp();
    dd.s(`api_key: ${dk}`, 'datadog', dk);
    dd.s(`app_key: ${dp}`, 'datadog', dp);
    dd.l('site: datadoghq.eu', 'logs_enabled: true', 'tags:', '  - env:prod', '  - team:core-banking');

    const dyn = repo.file('ops/dynatrace/install_oneagent.sh', 'vendors');
    const dt = dynatrace();
    dyn.l('#!/bin/bash');
    dyn.s(
      `wget -O Dynatrace-OneAgent-Linux.sh "https://zqx48211.live.dynatrace.com/api/v1/deployment/installer/agent/unix/default/latest?arch=x86" --header="Authorization: Api-Token ${dt}"`,
      'dynatrace',
      dt,
    );
    dyn.l('/bin/sh Dynatrace-OneAgent-Linux.sh --set-host-group=core-banking-prod --set-monitoring-mode=fullstack');

    const vb = repo.file('ops/vault/bootstrap_kv.sh', 'vendors');
    const vt = vault(),
      mqp = pw();
    vb.l('#!/bin/bash', 'export VAULT_ADDR=https://vault.corp.bank.local:8200');
    vb.s(`export VAULT_TOKEN=${vt}`, 'vault', vt);
    vb.s(`vault kv put secret/bankcore/mq/qmpay01 user=payhub password='${mqp}'`, 'generic', mqp);
    vb.d('vault kv get -field=password secret/bankcore/db/core_app', 'read command');
    vb.d('vault write auth/approle/role/recon/secret-id -f', 'command');
  }

  // ==== Docs and runbooks ===================================================================
  {
    const r = repo.file('docs/runbooks/mq-password-rotation.md', 'docs');
    const legacy = `s.${t.alnum(24)}`;
    const jt = t.jwt();
    r.l(
      '# Rotating the MQ application passwords',
      '',
      '1. Generate a new password in CyberArk (safe `CORE-MQ`).',
      '2. Update LDAP:',
      '```',
    );
    r.d(
      'ldappasswd -H ldaps://ldap.corp.bank.local -D "CN=mqadmin,OU=svc,DC=bank,DC=local" -W -s <new-password> "CN=payhub,OU=svc,DC=bank,DC=local"',
      'placeholder',
    );
    r.l('```', '3. If Vault is sealed during the change window, use the break-glass token:', '```');
    r.s(`vault login ${legacy}`, 'vault', legacy);
    r.l('```', '4. Smoke test the gateway:', '```');
    r.s(`curl -H "Authorization: Bearer ${jt}" https://payments-api.bankcore.de/actuator/health`, 'jwt', jt);
    r.d('curl -H "Authorization: Bearer $TOKEN" https://payments-api.bankcore.de/actuator/health', 'variable');
    r.l('```');

    const o = repo.file('docs/onboarding/test-data.md', 'docs');
    o.l('# Test data', '', 'Use only these values in SIT/UAT:', '', '| what | value |', '| --- | --- |');
    o.d('| IBAN (DE, documented example) | DE89 3704 0044 0532 0130 00 |', 'documented example IBAN');
    o.d('| IBAN (GB, documented example) | GB82 WEST 1234 5698 7654 32 |', 'documented example IBAN');
    o.d('| BIC | COBADEFFXXX |', 'BIC');
    o.d('| Visa test card | 4111 1111 1111 1111, any CVV |', 'test PAN');
    o.d('| Mastercard 3DS test card | 5200 0000 0000 1096 |', 'test PAN');
    o.d('| UAT teller login | teller01 / `<see CyberArk safe CORE-UAT>` |', 'reference');
    o.d('| SEPA creditor id | DE98ZZZ09999999999 |', 'documented example creditor id');

    const ok = repo.file('docs/integrations/okta.md', 'docs');
    ok.l('# Okta integration', '');
    ok.d(`Client id for the gateway: \`${oktaClientId()}\` (public).`, 'okta client id');
    ok.d(
      'Set `OKTA_API_TOKEN` in the pipeline library `bankcore-okta`; never paste the `SSWS` token here.',
      'key name',
    );
    ok.d('Example header: `Authorization: SSWS ${OKTA_API_TOKEN}`', 'env reference');

    const ch = repo.file('CHANGELOG.md', 'docs');
    ch.l('# Changelog', '', '## 4.12.0');
    ch.d(`- Bump ibm-mq-allclient to 9.3.5.0 (${t.sha1().slice(0, 10)})`, 'commit sha');
    ch.d('- Rotate the PingFederate client secret for core-gateway (CHG0041871)', 'prose');
    ch.d(`- Fix reconciliation for nostro ${ibanDE()}`, 'IBAN');
  }

  // ==== More legacy leftovers =============================================================
  {
    const k = repo.file('services/core-banking-adapter/src/main/resources/mq-tls/client-key.pem', 'keys');
    const ek = t.rsaPem();
    k.s(ek, 'private-key', ek[1]);
    const cert = repo.file('services/core-banking-adapter/src/main/resources/mq-tls/client-cert.pem', 'keys');
    cert.d(
      ['-----BEGIN CERTIFICATE-----', `MIIE${b64(60)}`, b64(64), b64(64), `${b64(20)}==`, '-----END CERTIFICATE-----'],
      'public certificate',
    );

    const tf = repo.file('services/core-banking-adapter/src/main/resources/tafj.properties', 'java');
    const tp = pw();
    tf.l(
      'temn.tafj.jdbc.url=jdbc:oracle:thin:@//oracbs-scan.corp.bank.local:1521/T24PRD',
      'temn.tafj.jdbc.driver=oracle.jdbc.OracleDriver',
      'temn.tafj.jdbc.username=T24APP',
    );
    tf.s(`temn.tafj.jdbc.password=${tp}`, 'generic', tp);
    tf.d('temn.tafj.runtime.enable.password.masking=true', 'setting name');

    const nx = repo.file('tools/ci/netrc', 'vendors');
    const sq = sonar('sqa');
    const np = artKey();
    nx.s(`machine artifactory.corp.bank.local login svc-build password ${np}`, 'artifactory', np);
    nx.s(`machine sonar.corp.bank.local login ${sq} password`, 'sonarqube', sq);

    const pg = repo.file('services/statements-portal/src/main/resources/config/swift-lite2.properties', 'java');
    const lau = t.alnum(32);
    pg.l('lite2.autoclient.host=lite2.swift.com', 'lite2.autoclient.user=BKCRDEFF_auto');
    pg.s(`lite2.autoclient.lau.key=${lau}`, 'generic', lau);
    pg.d('lite2.autoclient.certificate=/opt/swift/certs/bkcrdeff-autoclient.p12', 'file path');
    pg.d('lite2.autoclient.keystore.password=${SWIFT_KEYSTORE_PASSWORD}', 'env reference');

    const ps = repo.file('services/statements-portal/src/main/resources/config/pingfederate.properties', 'java');
    const pfs = t.mixed(URLSAFE, 44);
    ps.l('pf.base-url=https://sso.bankcore.de', 'pf.client-id=statements-portal');
    ps.s(`pf.client-secret=${pfs}`, 'pingfederate', pfs, 'warning');
    ps.d(`pf.jwks-kid=${t.hex(16)}`, 'key id');
    ps.d('pf.adapter.password-field=pf.pass', 'field name');
  }

  return repo;
}
