// Red-team suite "enterprise": credentials as they sit in old enterprise and legacy stacks —
// Java EE app servers (web.xml, Tomcat, JBoss/WildFly, WebLogic, WebSphere), Maven/Ant/Gradle/Ivy,
// .NET Framework web.config/app.config and transforms, NuGet.Config, Windows deployment material
// (unattend.xml, GPP cpassword, .reg, .rdp, PowerShell/DSC, batch, VBScript, classic ASP, IIS),
// Oracle/DB2/Sybase/Informix client material, LDAP, SAP, PHP/Perl/Delphi configs, Jenkins, SVN/CVS,
// FTP scripts — with the encrypted/obfuscated values, placeholders, JNDI names, policies and hashes
// those same files really hold as decoys. Written from what such repositories contain, not from
// tokenscope's rules. Every value is drawn from the seeded PRNG at run time.
import { createCipheriv } from 'node:crypto';
import { ALNUM, B64, Repo, makeTokens, mulberry32 } from './generate.mjs';
import { crc32Base62Suffix } from '../../dist/providers/formats/checksums.js';

// Microsoft's published GPP AES-256 key (MS-GPPREF 2.2.1.1.4); IV is all zero.
const GPP_KEY = Buffer.from('4e9906e8fcb66cc9faf49310620ffee8f496e806cc057990209b09a433b66c1b', 'hex');
const cpassword = (pw) => {
  const c = createCipheriv('aes-256-cbc', GPP_KEY, Buffer.alloc(16));
  return Buffer.concat([c.update(Buffer.from(pw, 'utf16le')), c.final()])
    .toString('base64')
    .replace(/=+$/, '');
};
// unattend.xml "PlainText=false": base64 of UTF-16LE(password + element name).
const unattendB64 = (pw, suffix) => Buffer.from(pw + suffix, 'utf16le').toString('base64');

function more(rand, t) {
  const one = (list) => list[Math.floor(rand() * list.length)];
  const bytes = (n) => Buffer.from(Array.from({ length: n }, () => Math.floor(rand() * 256)));
  const human = () =>
    one([
      () => `${one(['Acme', 'Contoso', 'Fabrikam', 'Northwind'])}@${one(['2019', '2021', '2023', '2024'])}`,
      () => `${one(['Winter', 'Summer', 'Spring', 'Autumn'])}${one(['2018', '2020', '2022'])}${one(['!', '#', '!!'])}`,
      () => `${one(['P@ssw0rd', 'Adm1n', 'Oracle', 'Tomcat', 'Sybase'])}${one(['_', '-', '.'])}${t.digits(4)}`,
      () => `${one(['Welcome', 'Dragon', 'Monday', 'Letmein'])}${t.digits(3)}${one(['!', '@', '#'])}`,
    ])();
  const gen = () => t.mixed(ALNUM, 14 + Math.floor(rand() * 10));
  const pw = () => (rand() < 0.45 ? human() : rand() < 0.5 ? t.password() : gen());
  const alnumPw = () => `${one(['svc', 'app', 'dba', 'etl'])}${t.mixed(ALNUM, 12)}`;
  return {
    one,
    bytes,
    human,
    gen,
    pw,
    alnumPw,
    weblogicAes: () => `{AES}${bytes(48).toString('base64')}`,
    weblogicAes256: () => `{AES256}${bytes(64).toString('base64')}`,
    maven: () => `{${bytes(32).toString('base64')}}`,
    jenkins: () => {
      const ct = bytes(32);
      return `{${Buffer.concat([Buffer.from([1, 0, 0, 0, 16]), Buffer.from([0, 0, 0, ct.length]), bytes(16), ct]).toString('base64')}}`;
    },
    dpapiHex: () => `01000000d08c9ddf0115d1118c7a00c04fc297eb01000000${bytes(150).toString('hex')}`,
    dpapiB64: () => `AQAAANCMnd8BFdERjHoAwE/Cl+sBAAAA${bytes(120).toString('base64')}`,
    b64: (n) => t.mixed(B64, n),
    upHex: (n) => t.hex(n).toUpperCase(),
    ghp: () => {
      const body = t.alnum(30);
      return `ghp_${body}${crc32Base62Suffix(body)}`;
    },
    adoPat: () => t.pick('abcdefghijklmnopqrstuvwxyz234567', 52),
    ssha: () => `{SSHA}${bytes(24).toString('base64')}`,
    cert: () => {
      const b = Buffer.concat([Buffer.from('308203', 'hex'), bytes(700)])
        .toString('base64')
        .match(/.{1,64}/g);
      return ['-----BEGIN CERTIFICATE-----', ...b, '-----END CERTIFICATE-----'];
    },
  };
}

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed ^ 0xe17e);
  const t = makeTokens(rand);
  const x = more(rand, t);
  const repo = new Repo();
  javaee(repo, t, x);
  buildTools(repo, t, x);
  dotnet(repo, t, x);
  windows(repo, t, x);
  databases(repo, t, x);
  ldapSap(repo, t, x);
  scripting(repo, t, x);
  scm(repo, t, x);
  return repo;
}

// ---- Java EE / app servers ------------------------------------------------------------------

function javaee(repo, t, x) {
  const smtp = x.pw();
  repo
    .file('legacy/crm-web/src/main/webapp/WEB-INF/web.xml', 'javaee')
    .l('<?xml version="1.0" encoding="UTF-8"?>', '<web-app xmlns="http://java.sun.com/xml/ns/javaee" version="2.5">')
    .l('  <display-name>CRM Web</display-name>', '  <context-param>', '    <param-name>mail.smtp.password</param-name>')
    .s(`    <param-value>${smtp}</param-value>`, 'generic', smtp)
    .l('  </context-param>', '  <context-param>', '    <param-name>mail.smtp.user</param-name>')
    .l('    <param-value>crm-notify@acme-corp.com</param-value>', '  </context-param>', '  <resource-ref>')
    .d('    <res-ref-name>jdbc/CrmDS</res-ref-name>', 'JNDI name')
    .l('    <res-type>javax.sql.DataSource</res-type>', '    <res-auth>Container</res-auth>', '  </resource-ref>')
    .l('  <login-config>', '    <auth-method>FORM</auth-method>')
    .d(
      '    <form-login-config><form-login-page>/login.jsp</form-login-page><form-error-page>/login.jsp?error=password</form-error-page></form-login-config>',
      'login page config',
    )
    .l('  </login-config>', '  <session-config><session-timeout>30</session-timeout></session-config>', '</web-app>');

  const dbPw = x.pw();
  const ksPass = x.human();
  repo
    .file('legacy/ops/tomcat/conf/server.xml', 'javaee')
    .l('<?xml version="1.0" encoding="UTF-8"?>')
    .d('<Server port="8005" shutdown="SHUTDOWN">', 'Tomcat shutdown command word')
    .l('  <GlobalNamingResources>')
    .l('    <Resource name="jdbc/OrdersDB" auth="Container" type="javax.sql.DataSource"')
    .l(
      '              driverClassName="oracle.jdbc.OracleDriver" url="jdbc:oracle:thin:@ora-prod-01.corp.acme.local:1521/ORDERS"',
    )
    .l('              username="orders_app"')
    .s(`              password="${dbPw}"`, 'generic', dbPw)
    .l('              maxTotal="40" maxIdle="10" validationQuery="SELECT 1 FROM DUAL"/>')
    .l('    <Resource name="UserDatabase" auth="Container" type="org.apache.catalina.UserDatabase"')
    .d(
      '              factory="org.apache.catalina.users.MemoryUserDatabaseFactory" pathname="conf/tomcat-users.xml"/>',
      'user db path',
    )
    .l('  </GlobalNamingResources>', '  <Service name="Catalina">')
    .l('    <Connector port="8443" protocol="org.apache.coyote.http11.Http11NioProtocol" SSLEnabled="true"')
    .s(
      `               keystoreFile="conf/keystore.jks" keystorePass="${ksPass}" clientAuth="false" sslProtocol="TLS"/>`,
      'generic',
      ksPass,
    )
    .d(
      '    <Connector port="8009" protocol="AJP/1.3" secretRequired="true" secret="${ajp.secret}"/>',
      'property reference',
    )
    .l('    <Engine name="Catalina" defaultHost="localhost">', '      <Host name="localhost" appBase="webapps"/>')
    .l('    </Engine>', '  </Service>', '</Server>');

  const ctxPw = x.alnumPw();
  repo
    .file('legacy/crm-web/src/main/webapp/META-INF/context.xml', 'javaee')
    .l('<?xml version="1.0" encoding="UTF-8"?>', '<Context antiResourceLocking="false">')
    .s(
      `  <Resource name="jdbc/CrmDS" auth="Container" type="javax.sql.DataSource" username="crm" password="${ctxPw}" driverClassName="com.microsoft.sqlserver.jdbc.SQLServerDriver" url="jdbc:sqlserver://sql-crm.corp.acme.local:1433;databaseName=CRM"/>`,
      'generic',
      ctxPw,
    )
    .d(
      '  <Resource name="jdbc/ReportDS" auth="Container" type="javax.sql.DataSource" username="${report.db.user}" password="${report.db.password}" url="${report.db.url}"/>',
      'property references',
    )
    .l('</Context>');

  const mgr = x.human();
  const deployer = x.gen();
  repo
    .file('legacy/ops/tomcat/conf/tomcat-users.xml', 'javaee')
    .l('<?xml version="1.0" encoding="UTF-8"?>', '<tomcat-users xmlns="http://tomcat.apache.org/xml" version="1.0">')
    .d('<!--  <user username="tomcat" password="<must-be-changed>" roles="tomcat"/> -->', 'stock commented placeholder')
    .l('  <role rolename="manager-gui"/>', '  <role rolename="manager-script"/>')
    .s(`  <user username="admin" password="${mgr}" roles="manager-gui,admin-gui"/>`, 'generic', mgr)
    .s(`  <user username="jenkins-deploy" password="${deployer}" roles="manager-script"/>`, 'generic', deployer)
    .d(
      `  <user username="ops" password="${t.hex(32)}$1000$${t.sha256()}" roles="manager-status"/>`,
      'digest (hashed) password for a CredentialHandler realm',
    )
    .l('</tomcat-users>');

  const dsPw = x.pw();
  const csPw = x.pw();
  repo
    .file('legacy/ops/wildfly/standalone/configuration/standalone.xml', 'javaee')
    .l(
      '<server xmlns="urn:jboss:domain:19.0">',
      '  <profile>',
      '    <subsystem xmlns="urn:jboss:domain:datasources:7.0">',
      '      <datasources>',
    )
    .l('        <datasource jndi-name="java:jboss/datasources/ExampleDS" pool-name="ExampleDS" enabled="true">')
    .l('          <connection-url>jdbc:h2:mem:test;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE</connection-url>')
    .l('          <security>', '            <user-name>sa</user-name>')
    .d('            <password>sa</password>', 'stock H2 ExampleDS default')
    .l('          </security>', '        </datasource>')
    .d('        <datasource jndi-name="java:jboss/datasources/BillingDS" pool-name="BillingDS">', 'JNDI name')
    .l('          <connection-url>jdbc:postgresql://pg-billing.corp.acme.local:5432/billing</connection-url>')
    .l('          <security>', '            <user-name>billing</user-name>')
    .s(`            <password>${dsPw}</password>`, 'generic', dsPw)
    .l(
      '          </security>',
      '        </datasource>',
      '        <datasource jndi-name="java:jboss/datasources/AuditDS" pool-name="AuditDS">',
    )
    .l('          <security>', '            <user-name>audit</user-name>')
    .d('            <password>${VAULT::ds_AuditDS::password::1}</password>', 'vault reference')
    .l('          </security>', '        </datasource>', '      </datasources>', '    </subsystem>')
    .l('    <subsystem xmlns="urn:wildfly:elytron:15.0">', '      <credential-stores>')
    .l(
      '        <credential-store name="appstore" location="appstore.cs" create="true">',
      '          <credential-reference>',
    )
    .s(`            <clear-text value="${csPw}"/>`, 'generic', csPw)
    .l(
      '          </credential-reference>',
      '        </credential-store>',
      '      </credential-stores>',
      '    </subsystem>',
    )
    .l('  </profile>', '</server>');

  repo
    .file('legacy/ops/weblogic/domains/crm_domain/config/config.xml', 'javaee')
    .l('<?xml version="1.0" encoding="UTF-8"?>', '<domain xmlns="http://xmlns.oracle.com/weblogic/domain">')
    .l('  <name>crm_domain</name>', '  <domain-version>12.2.1.4.0</domain-version>', '  <security-configuration>')
    .d(
      `    <credential-encrypted>${x.weblogicAes()}</credential-encrypted>`,
      'WebLogic {AES} needs SerializedSystemIni.dat',
    )
    .d(
      `    <node-manager-password-encrypted>${x.weblogicAes256()}</node-manager-password-encrypted>`,
      'WebLogic {AES256}',
    )
    .l('  </security-configuration>', '  <jdbc-system-resource>', '    <name>CrmDS</name>')
    .d('    <descriptor-file-name>jdbc/CrmDS-4532-jdbc.xml</descriptor-file-name>', 'descriptor path')
    .l('  </jdbc-system-resource>', '</domain>');
  repo
    .file('legacy/ops/weblogic/domains/crm_domain/config/jdbc/CrmDS-4532-jdbc.xml', 'javaee')
    .l('<jdbc-data-source xmlns="http://xmlns.oracle.com/weblogic/jdbc-data-source">', '  <jdbc-driver-params>')
    .l('    <url>jdbc:oracle:thin:@//ora-crm.corp.acme.local:1521/CRM</url>')
    .d(`    <password-encrypted>${x.weblogicAes()}</password-encrypted>`, 'WebLogic {AES}')
    .l('  </jdbc-driver-params>', '</jdbc-data-source>');

  const bootPw = x.human();
  repo
    .file('legacy/ops/weblogic/domains/crm_domain/servers/AdminServer/security/boot.properties', 'javaee')
    .l('# filled in before first start; WebLogic encrypts it on boot')
    .l('username=weblogic')
    .s(`password=${bootPw}`, 'generic', bootPw);
  repo
    .file('legacy/ops/weblogic/domains/crm_domain/servers/ms1/security/boot.properties', 'javaee')
    .l('#Tue Mar 12 09:14:03 CET 2019')
    .d(`password=${x.weblogicAes()}`, 'WebLogic {AES} after boot')
    .d(`username=${x.weblogicAes()}`, 'WebLogic {AES} after boot');

  const wlst = x.pw();
  repo
    .file('legacy/ops/weblogic/scripts/deploy_crm.py', 'javaee')
    .l('# WLST: java weblogic.WLST deploy_crm.py', 'import sys')
    .s(`connect('weblogic', '${wlst}', 't3://wls-admin.corp.acme.local:7001')`, 'generic', wlst)
    .l('edit()', 'startEdit()', "deploy('crm', '/u01/deploy/crm.war', targets='crm_cluster')")
    .d(
      "connect(userConfigFile='/u01/secure/wls-config.secure', userKeyFile='/u01/secure/wls-key.secure', url='t3://wls-admin:7001')",
      'user key file reference',
    )
    .l('save()', 'activate()', 'disconnect()');

  const wasXor = (pw) => `{xor}${Buffer.from([...Buffer.from(pw)].map((b) => b ^ 0x5f)).toString('base64')}`;
  const wasPw = x.pw();
  const wasX = wasXor(wasPw);
  const wsadmin = x.human();
  repo
    .file('legacy/ops/websphere/cells/crmCell/security.xml', 'javaee')
    .l('<?xml version="1.0" encoding="UTF-8"?>', '<security:Security xmi:version="2.0" enabled="true">')
    .s(
      `  <authDataEntries xmi:id="JAASAuthData_1" alias="crmNode/crmdb" userId="crmdb" password="${wasX}" description="CRM DB2"/>`,
      'generic',
      wasX,
    )
    .l('</security:Security>');
  repo
    .file('legacy/ops/websphere/bin/redeploy.sh', 'javaee')
    .l('#!/bin/ksh', 'WAS_HOME=/opt/IBM/WebSphere/AppServer')
    .s(
      `$WAS_HOME/bin/wsadmin.sh -lang jython -user wasadmin -password ${wsadmin} -f /opt/scripts/redeploy.py`,
      'generic',
      wsadmin,
    )
    .d(
      '$WAS_HOME/bin/wsadmin.sh -lang jython -user "$WAS_USER" -password "$WAS_PASS" -f /opt/scripts/status.py',
      'env references',
    );

  const jenkCred = x.jenkins();
  repo
    .file('legacy/ops/jenkins/credentials.xml', 'javaee')
    .l(
      "<?xml version='1.1' encoding='UTF-8'?>",
      '<com.cloudbees.plugins.credentials.SystemCredentialsProvider plugin="credentials@2.3.0">',
    )
    .l(
      '  <domainCredentialsMap class="hudson.util.CopyOnWriteMap$Hash">',
      '    <entry>',
      '      <java.util.concurrent.CopyOnWriteArrayList>',
    )
    .l(
      '        <com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl>',
      '          <scope>GLOBAL</scope>',
    )
    .d(`          <id>${t.uuid()}</id>`, 'credential id uuid')
    .l('          <username>svn-build</username>')
    .d(`          <password>${jenkCred}</password>`, 'Jenkins {AQAAAB...} needs master.key')
    .l('        </com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl>')
    .l('        <org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl>', '          <id>nexus-token</id>')
    .d(`          <secret>${x.jenkins()}</secret>`, 'Jenkins encrypted secret')
    .l('        </org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl>')
    .l('      </java.util.concurrent.CopyOnWriteArrayList>', '    </entry>', '  </domainCredentialsMap>')
    .l('</com.cloudbees.plugins.credentials.SystemCredentialsProvider>');

  const jobPw = x.gen();
  repo
    .file('legacy/ops/jenkins/jobs/crm-nightly/config.xml', 'javaee')
    .l("<?xml version='1.1' encoding='UTF-8'?>", '<project>', '  <builders>', '    <hudson.tasks.Shell>')
    .s(
      `      <command>curl -f -u deploy:${jobPw} -T target/crm.war http://nexus.corp.acme.local:8081/repository/releases/com/acme/crm/1.4.2/crm-1.4.2.war</command>`,
      'generic',
      jobPw,
    )
    .l('    </hudson.tasks.Shell>', '  </builders>')
    .d(
      `  <scm class="hudson.scm.SubversionSCM"><locations><hudson.scm.SubversionSCM_-ModuleLocation><remote>https://svn.corp.acme.local/repos/crm/trunk</remote><credentialsId>${t.uuid()}</credentialsId></hudson.scm.SubversionSCM_-ModuleLocation></locations></scm>`,
      'credentials id reference',
    )
    .l('</project>');
}

// ---- build tools ------------------------------------------------------------------------------

function buildTools(repo, t, x) {
  const nexus = x.pw();
  const proxy = x.human();
  repo
    .file('legacy/build/maven/settings.xml', 'build')
    .l(
      '<settings xmlns="http://maven.apache.org/SETTINGS/1.0.0">',
      '  <servers>',
      '    <server>',
      '      <id>acme-releases</id>',
      '      <username>deployment</username>',
    )
    .s(`      <password>${nexus}</password>`, 'generic', nexus)
    .l('    </server>', '    <server>', '      <id>acme-snapshots</id>', '      <username>deployment</username>')
    .d(`      <password>${x.maven()}</password>`, 'Maven encrypted {…}, master elsewhere')
    .l('    </server>', '    <server>', '      <id>ci-releases</id>', '      <username>${env.NEXUS_USER}</username>')
    .d('      <password>${env.NEXUS_PASSWORD}</password>', 'env reference')
    .l(
      '    </server>',
      '  </servers>',
      '  <proxies>',
      '    <proxy>',
      '      <id>corp</id>',
      '      <host>proxy.corp.acme.local</host>',
      '      <port>3128</port>',
      '      <username>CORP\\svc_maven</username>',
    )
    .s(`      <password>${proxy}</password>`, 'generic', proxy)
    .l('    </proxy>', '  </proxies>', '</settings>');
  repo
    .file('legacy/build/maven/settings-security.xml', 'build')
    .l('<settingsSecurity>')
    .d('  <relocation>/Volumes/KEYS/.settings-security.xml</relocation>', 'relocation to removable drive')
    .l('</settingsSecurity>');

  const antPw = x.pw();
  const sqlPw = x.alnumPw();
  const ftpPw = x.gen();
  repo
    .file('legacy/crm-batch/build.properties', 'build')
    .l('# local overrides go in build.local.properties', 'deploy.host=app01.corp.acme.local', 'deploy.user=deploy')
    .s(`deploy.password=${antPw}`, 'generic', antPw)
    .d('deploy.password.prompt=Enter the deploy password', 'prompt text')
    .d('keystore.password=${env.KEYSTORE_PASSWORD}', 'property reference');
  repo
    .file('legacy/crm-batch/build.xml', 'build')
    .l(
      '<project name="crm-batch" default="dist" basedir=".">',
      '  <property file="build.properties"/>',
      '  <target name="deploy" depends="dist">',
    )
    .d(
      '    <scp file="dist/crm-batch.jar" todir="${deploy.user}@${deploy.host}:/opt/crm" password="${deploy.password}" trust="true"/>',
      'property reference',
    )
    .l('  </target>', '  <target name="db-init">')
    .s(
      `    <sql driver="oracle.jdbc.OracleDriver" url="jdbc:oracle:thin:@ora-dev.corp.acme.local:1521:DEV" userid="crm_owner" password="${sqlPw}" src="sql/init.sql"/>`,
      'generic',
      sqlPw,
    )
    .l('  </target>', '  <target name="publish-docs">')
    .s(
      `    <ftp server="ftp.acme-corp.com" userid="docs" password="${ftpPw}" remotedir="/www/docs"><fileset dir="build/docs"/></ftp>`,
      'generic',
      ftpPw,
    )
    .l('  </target>', '</project>');

  const gpNexus = x.gen();
  const signPw = x.pw();
  const gpProxy = x.human();
  repo
    .file('legacy/android-field-app/gradle.properties', 'build')
    .l('org.gradle.jvmargs=-Xmx2048m -Dfile.encoding=UTF-8', 'android.useAndroidX=true', 'nexusUsername=field-ci')
    .s(`nexusPassword=${gpNexus}`, 'generic', gpNexus)
    .d('signing.keyId=24875D73', 'GPG key id')
    .s(`signing.password=${signPw}`, 'generic', signPw)
    .d('signing.secretKeyRingFile=/home/ci/.gnupg/secring.gpg', 'path')
    .l('systemProp.http.proxyHost=proxy.corp.acme.local', 'systemProp.http.proxyUser=svc_gradle')
    .s(`systemProp.http.proxyPassword=${gpProxy}`, 'generic', gpProxy);

  const ivyPw = x.pw();
  repo
    .file('legacy/crm-batch/ivysettings.xml', 'build')
    .l('<ivysettings>', '  <settings defaultResolver="chain"/>')
    .s(
      `  <credentials host="nexus.corp.acme.local" realm="Sonatype Nexus Repository Manager" username="ivy" passwd="${ivyPw}"/>`,
      'generic',
      ivyPw,
    )
    .d(
      '  <credentials host="artifactory.acme-corp.com" realm="Artifactory Realm" username="${ivy.user}" passwd="${ivy.passwd}"/>',
      'property reference',
    )
    .l('</ivysettings>');
  repo
    .file('legacy/crm-batch/ivy.xml', 'build')
    .l('<ivy-module version="2.0">', '  <info organisation="com.acme" module="crm-batch"/>', '  <dependencies>')
    .d('    <dependency org="commons-dbcp" name="commons-dbcp" rev="1.4"/>', 'dependency')
    .d(`    <dependency org="com.oracle" name="ojdbc6" rev="11.2.0.4" sha1="${t.sha1()}"/>`, 'sha1 checksum')
    .l('  </dependencies>', '</ivy-module>');

  // a private key for SAML signing, escaped into a Java properties file
  const p8 = t.pkcs8Pem();
  const esc = p8.join('\\n');
  repo
    .file('legacy/crm-web/src/main/resources/saml.properties', 'javaee')
    .l(
      'saml.sp.entityId=urn:acme:crm',
      'saml.idp.metadata=https://adfs.acme-corp.com/FederationMetadata/2007-06/FederationMetadata.xml',
    )
    .s(`saml.sp.privateKey=${esc}`, 'private-key', p8[1])
    .d('saml.sp.keystore.password=ENC(' + x.b64(44) + ')', 'jasypt ENC() needs key elsewhere')
    .d('saml.sp.passwordResetUrl=https://adfs.acme-corp.com/adfs/portal/updatepassword', 'url');
}

// ---- .NET Framework ---------------------------------------------------------------------------

function dotnet(repo, t, x) {
  const sqlPw = x.pw();
  const efPw = x.alnumPw();
  const vk = x.upHex(128);
  const dk = x.upHex(48);
  const sg = t.sendgrid();
  const stripe = t.stripeLive();
  const impPw = x.alnumPw();
  repo
    .file('legacy/Acme.Portal/Web.config', 'dotnet')
    .l('<?xml version="1.0" encoding="utf-8"?>', '<configuration>', '  <connectionStrings>')
    .s(
      `    <add name="PortalDb" connectionString="Data Source=SQLPROD01\\PORTAL;Initial Catalog=Portal;User ID=portal_web;Password=${sqlPw};" providerName="System.Data.SqlClient" />`,
      'generic',
      sqlPw,
    )
    .s(
      `    <add name="PortalEntities" connectionString="metadata=res://*/Models.Portal.csdl|res://*/Models.Portal.ssdl|res://*/Models.Portal.msl;provider=System.Data.SqlClient;provider connection string=&quot;data source=SQLPROD01\\PORTAL;initial catalog=Portal;user id=portal_ef;password=${efPw};MultipleActiveResultSets=True;App=EntityFramework&quot;" providerName="System.Data.EntityClient" />`,
      'generic',
      efPw,
    )
    .d(
      '    <add name="Reporting" connectionString="Server=SQLRPT01;Database=Reports;Integrated Security=SSPI;" providerName="System.Data.SqlClient" />',
      'integrated security',
    )
    .l('  </connectionStrings>', '  <appSettings>')
    .d('    <add key="webpages:Version" value="3.0.0.0" />', 'version')
    .s(`    <add key="SendGridApiKey" value="${sg}" />`, 'sendgrid', sg)
    .s(`    <add key="StripeSecretKey" value="${stripe}" />`, 'stripe', stripe)
    .d('    <add key="PasswordResetTokenLifetimeHours" value="24" />', 'setting name mentions password')
    .d('    <add key="ida:ClientSecret" value="" />', 'empty')
    .l('  </appSettings>', '  <system.web>', '    <compilation debug="false" targetFramework="4.7.2" />')
    .s(
      `    <machineKey validationKey="${vk}" decryptionKey="${dk}" validation="HMACSHA256" decryption="AES" />`,
      'generic',
      vk,
    )
    .d(
      '    <membership defaultProvider="SqlProvider"><providers><add name="SqlProvider" type="System.Web.Security.SqlMembershipProvider" passwordFormat="Hashed" minRequiredPasswordLength="12" minRequiredNonalphanumericCharacters="1" /></providers></membership>',
      'password policy',
    )
    .s(`    <identity impersonate="true" userName="CORP\\svc_portal_files" password="${impPw}" />`, 'generic', impPw)
    .l('  </system.web>', '  <runtime>')
    .d(
      '    <dependentAssembly><assemblyIdentity name="Newtonsoft.Json" publicKeyToken="30ad4fe6b2a6aeed" culture="neutral" /><bindingRedirect oldVersion="0.0.0.0-13.0.0.0" newVersion="13.0.0.0" /></dependentAssembly>',
      'public key token',
    )
    .l('  </runtime>', '</configuration>');

  const relPw = x.pw();
  repo
    .file('legacy/Acme.Portal/Web.Release.config', 'dotnet')
    .l(
      '<?xml version="1.0" encoding="utf-8"?>',
      '<configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform">',
      '  <connectionStrings>',
    )
    .s(
      `    <add name="PortalDb" connectionString="Server=tcp:sql-portal-prod.corp.acme.local,1433;Database=Portal;User Id=portal_web;Pwd=${relPw};" xdt:Transform="SetAttributes" xdt:Locator="Match(name)"/>`,
      'generic',
      relPw,
    )
    .l('  </connectionStrings>', '  <system.web>')
    .d('    <compilation xdt:Transform="RemoveAttributes(debug)" />', 'transform')
    .l('  </system.web>', '</configuration>');
  repo
    .file('legacy/Acme.Portal/Web.Debug.config', 'dotnet')
    .l(
      '<?xml version="1.0" encoding="utf-8"?>',
      '<configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform">',
    )
    .d(
      '  <connectionStrings><add name="PortalDb" connectionString="Data Source=(LocalDb)\\MSSQLLocalDB;Initial Catalog=Portal;Integrated Security=True" xdt:Transform="SetAttributes" xdt:Locator="Match(name)"/></connectionStrings>',
      'localdb integrated',
    )
    .d(
      '  <appSettings><add key="StripeSecretKey" value="sk_test_your_key_here" xdt:Transform="SetAttributes" xdt:Locator="Match(key)"/></appSettings>',
      'placeholder',
    )
    .l('</configuration>');

  const awsId = t.awsId();
  const awsSec = t.awsSecret();
  const smtpPw = x.human();
  repo
    .file('legacy/Acme.Importer/App.config', 'dotnet')
    .l('<?xml version="1.0" encoding="utf-8"?>', '<configuration>', '  <appSettings>')
    .s(`    <add key="AWSAccessKey" value="${awsId}" />`, 'aws', awsId)
    .s(`    <add key="AWSSecretKey" value="${awsSec}" />`, 'aws', awsSec)
    .d('    <add key="AWSRegion" value="eu-west-1" />', 'region')
    .l('  </appSettings>', '  <system.net>', '    <mailSettings>', '      <smtp from="importer@acme-corp.com">')
    .s(
      `        <network host="smtp.corp.acme.local" port="587" userName="importer@acme-corp.com" password="${smtpPw}" enableSsl="true" />`,
      'generic',
      smtpPw,
    )
    .l('      </smtp>', '    </mailSettings>', '  </system.net>')
    .l(
      '  <configProtectedData><providers><add name="RsaProv" type="System.Configuration.RsaProtectedConfigurationProvider" keyContainerName="ImporterKeys" /></providers></configProtectedData>',
    )
    .l(
      '  <secureAppSettings configProtectionProvider="RsaProv">',
      '    <EncryptedData Type="http://www.w3.org/2001/04/xmlenc#Element" xmlns="http://www.w3.org/2001/04/xmlenc#">',
    )
    .d(
      `      <CipherData><CipherValue>${x.bytes(256).toString('base64')}</CipherValue></CipherData>`,
      'RSA-protected config section',
    )
    .l('    </EncryptedData>', '  </secureAppSettings>', '</configuration>');

  repo
    .file('legacy/Acme.Importer/packages.config', 'dotnet')
    .l('<?xml version="1.0" encoding="utf-8"?>', '<packages>')
    .d('  <package id="AWSSDK.S3" version="3.3.104.10" targetFramework="net472" />', 'package version')
    .d('  <package id="EntityFramework" version="6.4.4" targetFramework="net472" />', 'package version')
    .l('</packages>');

  const ghp = x.ghp();
  const ado = x.adoPat();
  repo
    .file('legacy/NuGet.Config', 'dotnet')
    .l(
      '<?xml version="1.0" encoding="utf-8"?>',
      '<configuration>',
      '  <packageSources>',
      '    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />',
    )
    .l(
      '    <add key="github" value="https://nuget.pkg.github.com/acme-corp/index.json" />',
      '    <add key="azure" value="https://pkgs.dev.azure.com/acme/_packaging/acme-feed/nuget/v3/index.json" />',
      '  </packageSources>',
      '  <packageSourceCredentials>',
      '    <github>',
      '      <add key="Username" value="acme-ci" />',
    )
    .s(`      <add key="ClearTextPassword" value="${ghp}" />`, 'github', ghp)
    .l('    </github>', '    <azure>', '      <add key="Username" value="build" />')
    .s(`      <add key="ClearTextPassword" value="${ado}" />`, 'generic', ado)
    .l('    </azure>', '    <onprem>', '      <add key="Username" value="CORP\\svc_nuget" />')
    .d(`      <add key="Password" value="${x.dpapiB64()}" />`, 'DPAPI-encrypted (machine/user bound)')
    .l('    </onprem>', '  </packageSourceCredentials>', '</configuration>');

  const iisPw = x.pw();
  repo
    .file('legacy/ops/iis/applicationHost.config', 'dotnet')
    .l(
      '<configuration>',
      '  <system.applicationHost>',
      '    <applicationPools>',
      '      <add name="PortalPool" managedRuntimeVersion="v4.0">',
    )
    .d(
      `        <processModel identityType="SpecificUser" userName="CORP\\svc_portal" password="[enc:IISWASOnlyCngProvider:${x.bytes(96).toString('base64')}:enc]" />`,
      'IIS [enc:...:enc] encrypted',
    )
    .l(
      '      </add>',
      '    </applicationPools>',
      '    <sites>',
      '      <site name="Portal" id="2">',
      '        <application path="/">',
    )
    .s(
      `          <virtualDirectory path="/" physicalPath="\\\\fs01.corp.acme.local\\web$\\portal" userName="CORP\\svc_webcontent" password="${iisPw}" />`,
      'generic',
      iisPw,
    )
    .l('        </application>', '      </site>', '    </sites>', '  </system.applicationHost>', '</configuration>');

  // .NET XML RSA private key (RSA.FromXmlString)
  const b = (n) => x.bytes(n).toString('base64');
  const d = b(256);
  repo
    .file('legacy/Acme.Licensing/Keys/license-signing.xml', 'dotnet')
    .l('<RSAKeyValue>')
    .l(
      `  <Modulus>${b(256)}</Modulus>`,
      '  <Exponent>AQAB</Exponent>',
      `  <P>${b(128)}</P>`,
      `  <Q>${b(128)}</Q>`,
      `  <DP>${b(128)}</DP>`,
      `  <DQ>${b(128)}</DQ>`,
      `  <InverseQ>${b(128)}</InverseQ>`,
    )
    .s(`  <D>${d}</D>`, 'generic', d)
    .l('</RSAKeyValue>');
  repo
    .file('legacy/Acme.Licensing/Keys/license-verify.xml', 'dotnet')
    .d(`<RSAKeyValue><Modulus>${b(256)}</Modulus><Exponent>AQAB</Exponent></RSAKeyValue>`, 'public RSA key only');
}

// ---- Windows deployment -------------------------------------------------------------------------

function windows(repo, t, x) {
  const localAdm = x.human();
  const cp1 = cpassword(localAdm);
  const svcPw = x.pw();
  const cp2 = cpassword(svcPw);
  const taskPw = x.pw();
  const cp3 = cpassword(taskPw);
  repo
    .file('legacy/gpo/{31B2F340-016D-11D2-945F-00C04FB984F9}/Machine/Preferences/Groups/Groups.xml', 'windows')
    .l('<?xml version="1.0" encoding="utf-8"?>', '<Groups clsid="{3125E937-EB16-4b4c-9934-544FC6D24D26}">')
    .l(
      `  <User clsid="{DF5F1855-51E5-4d24-8B1A-D9BDE98BA1D1}" name="Administrator (built-in)" image="2" changed="2016-03-14 09:21:44" uid="{${t.uuid().toUpperCase()}}">`,
    )
    .s(
      `    <Properties action="U" newName="lcladmin" fullName="" description="" cpassword="${cp1}" changeLogon="0" noChange="1" neverExpires="1" acctDisabled="0" userName="Administrator (built-in)"/>`,
      'generic',
      cp1,
    )
    .l('  </User>')
    .d(
      '  <User clsid="{DF5F1855-51E5-4d24-8B1A-D9BDE98BA1D1}" name="kiosk" image="2" changed="2017-01-02 10:00:00" uid="{A1B2C3D4-0000-4000-8000-000000000001}"><Properties action="U" newName="" cpassword="" changeLogon="0" userName="kiosk"/></User>',
      'empty cpassword',
    )
    .l('</Groups>');
  repo
    .file('legacy/gpo/{6AC1786C-016F-11D2-945F-00C04fB984F9}/Machine/Preferences/Services/Services.xml', 'windows')
    .l('<?xml version="1.0" encoding="utf-8"?>', '<NTServices clsid="{2CFB484A-4E96-4b5d-A0B6-093D2F91E6AE}">')
    .s(
      `  <NTService clsid="{AB6F0B67-341F-4e51-92F9-005FBFBA1A43}" name="BackupAgent" image="4" changed="2015-11-02 08:00:12"><Properties startupType="AUTOMATIC" serviceName="BackupAgent" timeout="30" accountName="CORP\\svc_backup" cpassword="${cp2}"/></NTService>`,
      'generic',
      cp2,
    )
    .l('</NTServices>');
  repo
    .file(
      'legacy/gpo/{6AC1786C-016F-11D2-945F-00C04fB984F9}/Machine/Preferences/ScheduledTasks/ScheduledTasks.xml',
      'windows',
    )
    .l(
      '<?xml version="1.0" encoding="utf-8"?>',
      '<ScheduledTasks clsid="{CC63F200-7309-4ba0-B154-A71CD118DBCC}">',
      '  <Task clsid="{2DEECB1C-261F-4e13-9B21-16FB83BC03BD}" name="Nightly cleanup" image="0" changed="2016-06-01 22:10:01">',
    )
    .l(
      '    <Properties action="C" name="Nightly cleanup" appName="C:\\Scripts\\cleanup.cmd" args="" startIn="C:\\Scripts" comment="" enabled="1"',
    )
    .s(`      runAs="CORP\\svc_tasks" cpassword="${cp3}" logonType="Password">`, 'generic', cp3)
    .l('    </Properties>', '  </Task>', '</ScheduledTasks>');
  repo
    .file(
      'legacy/gpo/{31B2F340-016D-11D2-945F-00C04FB984F9}/MACHINE/Microsoft/Windows NT/SecEdit/GptTmpl.inf',
      'windows',
    )
    .l('[Unicode]', 'Unicode=yes', '[System Access]')
    .d('MinimumPasswordLength = 14', 'password policy')
    .d('PasswordComplexity = 1', 'password policy')
    .d('MaximumPasswordAge = 42', 'password policy')
    .d('ClearTextPassword = 0', 'policy flag');

  const uaPlain = x.human();
  const admPw = x.pw();
  const admB64 = unattendB64(admPw, 'AdministratorPassword');
  const alPw = x.pw();
  const alB64 = unattendB64(alPw, 'Password');
  repo
    .file('legacy/deploy/wds/autounattend.xml', 'windows')
    .l(
      '<?xml version="1.0" encoding="utf-8"?>',
      '<unattend xmlns="urn:schemas-microsoft-com:unattend">',
      '  <settings pass="specialize">',
    )
    .l(
      '    <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">',
    )
    .d('      <ProductKey>W269N-WFGWX-YVC9B-4J6C9-T83GX</ProductKey>', 'published KMS client setup key (GVLK)')
    .l(
      '    </component>',
      '  </settings>',
      '  <settings pass="oobeSystem">',
      '    <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64">',
      '      <UserAccounts>',
      '        <AdministratorPassword>',
    )
    .s(`          <Value>${admB64}</Value>`, 'generic', admB64)
    .l(
      '          <PlainText>false</PlainText>',
      '        </AdministratorPassword>',
      '        <LocalAccounts>',
      '          <LocalAccount wcm:action="add">',
      '            <Password>',
    )
    .s(`              <Value>${uaPlain}</Value>`, 'generic', uaPlain)
    .l(
      '              <PlainText>true</PlainText>',
      '            </Password>',
      '            <Name>deploy</Name>',
      '            <Group>Administrators</Group>',
      '          </LocalAccount>',
      '        </LocalAccounts>',
      '      </UserAccounts>',
      '      <AutoLogon>',
      '        <Password>',
    )
    .s(`          <Value>${alB64}</Value>`, 'generic', alB64)
    .l(
      '          <PlainText>false</PlainText>',
      '        </Password>',
      '        <Enabled>true</Enabled>',
      '        <LogonCount>1</LogonCount>',
      '        <Username>deploy</Username>',
      '      </AutoLogon>',
      '    </component>',
      '  </settings>',
      '</unattend>',
    );
  repo
    .file('legacy/deploy/wds/Panther/unattend.xml', 'windows')
    .l(
      '<unattend xmlns="urn:schemas-microsoft-com:unattend">',
      '  <settings pass="oobeSystem">',
      '    <component name="Microsoft-Windows-Shell-Setup">',
      '      <AutoLogon>',
      '        <Password>',
    )
    .d('          <Value>*SENSITIVE*DATA*DELETED*</Value>', 'sysprep-scrubbed')
    .l('        </Password>', '      </AutoLogon>', '    </component>', '  </settings>', '</unattend>');

  const regPw = x.human();
  repo
    .file('legacy/deploy/kiosk/autologon.reg', 'windows')
    .l(
      'Windows Registry Editor Version 5.00',
      '',
      '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon]',
    )
    .l('"AutoAdminLogon"="1"', '"DefaultUserName"="kiosk"', '"DefaultDomainName"="CORP"')
    .s(`"DefaultPassword"="${regPw}"`, 'generic', regPw)
    .d('"PasswordExpiryWarning"=dword:0000000e', 'policy dword');

  repo
    .file('legacy/deploy/rdp/jumphost.rdp', 'windows')
    .l('screen mode id:i:2', 'full address:s:jump01.corp.acme.local', 'username:s:CORP\\ops')
    .d(`password 51:b:${x.dpapiHex().toUpperCase()}`, 'DPAPI blob, user-bound')
    .l('authentication level:i:2', 'prompt for credentials:i:0');

  const psPw = x.pw();
  const psSvc = x.human();
  const basicUser = 'svc_reporting';
  const basicPw = x.gen();
  const basic = Buffer.from(`${basicUser}:${basicPw}`).toString('base64');
  repo
    .file('legacy/deploy/scripts/Install-Portal.ps1', 'windows')
    .l('param([string]$Environment = "prod")', 'Import-Module WebAdministration', '')
    .s(`$secpw = ConvertTo-SecureString "${psPw}" -AsPlainText -Force`, 'generic', psPw)
    .l('$cred = New-Object System.Management.Automation.PSCredential ("CORP\\svc_deploy", $secpw)')
    .d('$prompted = Get-Credential -Message "Enter the deploy password"', 'interactive prompt')
    .d('$dbPass = Read-Host -AsSecureString "SQL password"', 'interactive prompt')
    .d(`$stored = ConvertTo-SecureString "${x.dpapiHex()}"`, 'DPAPI-encrypted SecureString export')
    .s(
      `Set-ItemProperty IIS:\\AppPools\\PortalPool -Name processModel -Value @{userName="CORP\\svc_portal";password="${psSvc}";identitytype=3}`,
      'generic',
      psSvc,
    )
    .s(`$headers = @{ Authorization = "Basic ${basic}" }`, 'generic', basicPw)
    .l('Invoke-RestMethod -Uri "https://reports.corp.acme.local/api/refresh" -Headers $headers -Method Post');

  const dscPw = x.pw();
  repo
    .file('legacy/deploy/dsc/ConfigData.psd1', 'windows')
    .l('@{', '    AllNodes = @(', '        @{', "            NodeName = 'APP01'")
    .d('            PsDscAllowPlainTextPassword = $true', 'DSC flag')
    .l('            PsDscAllowDomainUser = $true')
    .s(`            ServiceAccountPassword = '${dscPw}'`, 'generic', dscPw)
    .l('        }', '    )', '}');

  const netUse = x.alnumPw();
  const sqlcmd = x.alnumPw();
  repo
    .file('legacy/deploy/scripts/nightly_backup.cmd', 'windows')
    .l('@echo off', 'setlocal', 'set BACKUP_DIR=D:\\Backups\\%DATE:~-4%%DATE:~3,2%%DATE:~0,2%')
    .s(
      `net use Z: \\\\fs01.corp.acme.local\\backups /user:CORP\\svc_backup ${netUse} /persistent:no`,
      'generic',
      netUse,
    )
    .s(
      `sqlcmd -S SQLPROD01\\PORTAL -U sa -P ${sqlcmd} -Q "BACKUP DATABASE Portal TO DISK='Z:\\portal.bak'"`,
      'generic',
      sqlcmd,
    )
    .d('sqlcmd -S SQLRPT01 -E -Q "EXEC dbo.PurgeOld"', 'trusted connection')
    .d('runas /user:CORP\\svc_backup /savecred "robocopy D:\\Backups Z:\\ /MIR"', 'no password')
    .l('net use Z: /delete', 'endlocal');

  const vbPw1 = x.alnumPw();
  const vbA = vbPw1.slice(0, 8);
  const vbB = vbPw1.slice(8);
  repo
    .file('legacy/deploy/scripts/export_orders.vbs', 'windows')
    .l("' Exports yesterday's orders to CSV", 'Option Explicit', 'Dim conn, rs')
    .l('Set conn = CreateObject("ADODB.Connection")')
    .s(
      [
        `conn.Open "Provider=SQLOLEDB;Data Source=SQLPROD01;Initial Catalog=Orders;" & _`,
        `          "User ID=orders_export;Password=${vbA}" & _`,
        `          "${vbB};"`,
      ],
      'generic',
      `${vbA}\n${vbB}`,
    )
    .l('Set rs = conn.Execute("SELECT * FROM dbo.Orders WHERE OrderDate >= DATEADD(d,-1,GETDATE())")');

  const aspPw = x.pw();
  repo
    .file('legacy/intranet/includes/conn.asp', 'windows')
    .l('<%', "' shared connection for the intranet pages", 'Dim strConn')
    .s(`strConn = "DSN=Intranet;UID=intranet_web;PWD=${aspPw};"`, 'generic', aspPw)
    .d('Session("PasswordChangeRequired") = False', 'session flag')
    .l('%>');
}

// ---- Oracle / DB2 / Sybase / Informix / SQL Server ---------------------------------------------

function databases(repo, t, x) {
  repo
    .file('legacy/ops/oracle/network/admin/tnsnames.ora', 'database')
    .l(
      'ORDERS =',
      '  (DESCRIPTION =',
      '    (ADDRESS = (PROTOCOL = TCP)(HOST = ora-prod-01.corp.acme.local)(PORT = 1521))',
      '    (CONNECT_DATA = (SERVICE_NAME = ORDERS))',
      '  )',
    );
  repo
    .file('legacy/ops/oracle/network/admin/sqlnet.ora', 'database')
    .d(
      'WALLET_LOCATION = (SOURCE = (METHOD = FILE) (METHOD_DATA = (DIRECTORY = /u01/app/oracle/wallet)))',
      'wallet path',
    )
    .d('SQLNET.WALLET_OVERRIDE = TRUE', 'flag')
    .d('SQLNET.ALLOWED_LOGON_VERSION_SERVER = 12', 'version');

  const scott = x.human();
  const walletPw = x.pw();
  const mkPw = x.alnumPw();
  const jdbcPw = x.alnumPw();
  repo
    .file('legacy/ops/oracle/scripts/refresh_mviews.sh', 'database')
    .l('#!/bin/ksh', '. /home/oracle/.profile', 'export ORACLE_SID=ORDERS')
    .s(`sqlplus -s orders_owner/${scott}@ORDERS <<EOF`, 'generic', scott)
    .l("EXEC DBMS_MVIEW.REFRESH('MV_DAILY_SALES');", 'EXIT;', 'EOF')
    .d('sqlplus -s / as sysdba @/u01/scripts/stats.sql', 'OS authentication')
    .d('sqlplus -s "${DB_USER}/${DB_PASS}@${TNS_ALIAS}" @/u01/scripts/report.sql', 'env references')
    .d('sqlplus -s /@ORDERS_WALLET @/u01/scripts/purge.sql', 'wallet login, no password')
    .s(`orapki wallet create -wallet /u01/app/oracle/wallet -pwd ${walletPw} -auto_login`, 'generic', walletPw)
    .s(
      `mkstore -wrl /u01/app/oracle/wallet -createCredential ORDERS_WALLET orders_purge ${mkPw} <<< "${walletPw}"`,
      'generic',
      mkPw,
    )
    .s(
      `java -cp /opt/etl/etl.jar com.acme.etl.Main --url "jdbc:oracle:thin:etl/${jdbcPw}@//ora-prod-01.corp.acme.local:1521/ORDERS"`,
      'generic',
      jdbcPw,
    );

  const db2Pw = x.human();
  const db2cli = x.alnumPw();
  repo
    .file('legacy/ops/db2/load_ledger.sh', 'database')
    .l('#!/bin/sh', '. ~db2inst1/sqllib/db2profile')
    .s(`db2 connect to LEDGER user db2inst1 using ${db2Pw}`, 'generic', db2Pw)
    .l('db2 "LOAD FROM /data/ledger.del OF DEL INSERT INTO LEDGER.ENTRIES"', 'db2 connect reset');
  repo
    .file('legacy/ops/db2/db2cli.ini', 'database')
    .l(
      '[LEDGER]',
      'Database=LEDGER',
      'Protocol=TCPIP',
      'Hostname=db2-ledger.corp.acme.local',
      'ServiceName=50000',
      'UID=ledger_ro',
    )
    .s(`PWD=${db2cli}`, 'generic', db2cli)
    .d('Authentication=SERVER_ENCRYPT', 'auth mode');

  const syb = x.alnumPw();
  repo
    .file('legacy/ops/sybase/bcp_out.sh', 'database')
    .l('#!/bin/sh', 'SYBASE=/opt/sybase; export SYBASE')
    .s(`isql -Usa -P${syb} -SSYBPROD -w2000 -i /opt/scripts/dump_tran.sql`, 'generic', syb)
    .d('bcp TRADES..trade_hist out /data/trade_hist.bcp -c -U$SYB_USER -P$SYB_PASS -SSYBPROD', 'env references');

  const ifx = x.pw();
  repo
    .file('legacy/ops/informix/etl.properties', 'database')
    .s(
      `etl.source.url=jdbc:informix-sqli://ifx-stock.corp.acme.local:1526/stock:INFORMIXSERVER=ol_stock;user=informix;password=${ifx}`,
      'generic',
      ifx,
    )
    .l('etl.source.driver=com.informix.jdbc.IfxDriver');

  const linked = x.pw();
  const login = x.human();
  repo
    .file('legacy/db/mssql/001_logins.sql', 'database')
    .s(`CREATE LOGIN [portal_web] WITH PASSWORD = N'${login}', CHECK_POLICY = OFF;`, 'generic', login)
    .d(
      `CREATE LOGIN [legacy_app] WITH PASSWORD = 0x0200${x.upHex(136)} HASHED, CHECK_POLICY = OFF;`,
      'hashed password (sp_help_revlogin output)',
    )
    .s(
      `EXEC sp_addlinkedsrvlogin @rmtsrvname = N'ORAPROD', @useself = N'False', @locallogin = NULL, @rmtuser = N'link_ro', @rmtpassword = N'${linked}';`,
      'generic',
      linked,
    )
    .d('ALTER LOGIN [sa] WITH CHECK_POLICY = ON, CHECK_EXPIRATION = ON;', 'policy');

  const oraUser = x.pw();
  const link = x.alnumPw();
  const sys = x.human();
  repo
    .file('legacy/db/oracle/010_users.sql', 'database')
    .l('-- run as SYSTEM', 'WHENEVER SQLERROR EXIT SQL.SQLCODE')
    .s(`CONNECT system/${sys}@ORDERS`, 'generic', sys)
    .s(
      `CREATE USER crm_app IDENTIFIED BY "${oraUser}" DEFAULT TABLESPACE crm_data QUOTA UNLIMITED ON crm_data;`,
      'generic',
      oraUser,
    )
    .l('GRANT CREATE SESSION, CREATE SYNONYM TO crm_app;', 'ALTER USER ops$batch IDENTIFIED EXTERNALLY;')
    .s(`CREATE DATABASE LINK ledger_link CONNECT TO ledger_ro IDENTIFIED BY ${link} USING 'LEDGER';`, 'generic', link)
    .d(
      `ALTER USER legacy_rpt IDENTIFIED BY VALUES 'S:${x.upHex(60)};T:${x.upHex(160)}';`,
      'password verifier hash (dbms_metadata output)',
    );
}

// ---- LDAP / SAP -------------------------------------------------------------------------------

function ldapSap(repo, t, x) {
  const bind = x.pw();
  repo
    .file('legacy/ops/ldap/etc/ldap.conf', 'ldap')
    .l(
      'base dc=corp,dc=acme,dc=local',
      'uri ldaps://dc01.corp.acme.local/ ldaps://dc02.corp.acme.local/',
      'binddn cn=svc_nss,ou=Service Accounts,dc=corp,dc=acme,dc=local',
    )
    .s(`bindpw ${bind}`, 'generic', bind)
    .d('pam_password ad', 'password change mode')
    .d('tls_cacertfile /etc/ssl/certs/corp-root-ca.pem', 'path');

  const root = x.human();
  repo
    .file('legacy/ops/ldap/slapd.conf', 'ldap')
    .l('database bdb', 'suffix "dc=acme,dc=local"', 'rootdn "cn=Manager,dc=acme,dc=local"')
    .d(`rootpw ${x.ssha()}`, 'SSHA hash')
    .l('database bdb', 'suffix "dc=partners,dc=acme,dc=local"', 'rootdn "cn=Manager,dc=partners,dc=acme,dc=local"')
    .s(`rootpw ${root}`, 'generic', root)
    .d('password-hash {SSHA}', 'hash scheme setting');

  const sssd = x.gen();
  repo
    .file('legacy/ops/ldap/sssd.conf', 'ldap')
    .l(
      '[domain/corp.acme.local]',
      'id_provider = ldap',
      'ldap_uri = ldaps://dc01.corp.acme.local',
      'ldap_default_bind_dn = cn=svc_sssd,ou=Service Accounts,dc=corp,dc=acme,dc=local',
      'ldap_default_authtok_type = password',
    )
    .s(`ldap_default_authtok = ${sssd}`, 'generic', sssd);

  const mgr = x.pw();
  const mgr2 = x.alnumPw();
  repo
    .file('legacy/crm-web/src/main/webapp/WEB-INF/applicationContext-security.xml', 'ldap')
    .l(
      '<beans:beans xmlns="http://www.springframework.org/schema/security" xmlns:beans="http://www.springframework.org/schema/beans">',
    )
    .s(
      `  <ldap-server id="corpLdap" url="ldaps://dc01.corp.acme.local:636/dc=corp,dc=acme,dc=local" manager-dn="cn=svc_crm,ou=Service Accounts,dc=corp,dc=acme,dc=local" manager-password="${mgr}"/>`,
      'generic',
      mgr,
    )
    .l(
      '  <beans:bean id="contextSource" class="org.springframework.ldap.core.support.LdapContextSource">',
      '    <beans:property name="url" value="ldap://ldap-partners.corp.acme.local:389"/>',
      '    <beans:property name="userDn" value="cn=crm,ou=apps,dc=partners"/>',
    )
    .s(`    <beans:property name="password" value="${mgr2}"/>`, 'generic', mgr2)
    .l('  </beans:bean>')
    .d(
      '  <beans:bean id="passwordEncoder" class="org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder"/>',
      'encoder bean',
    )
    .d('  <beans:property name="managerPassword" value="${ldap.manager.password}"/>', 'property reference')
    .l('</beans:beans>');

  const jco = x.pw();
  const rfc = x.alnumPw();
  repo
    .file('legacy/sap-connector/src/main/resources/SAP_ERP_PRD.jcoDestination', 'sap')
    .l(
      'jco.client.ashost=sapprd-ci.corp.acme.local',
      'jco.client.sysnr=00',
      'jco.client.client=100',
      'jco.client.user=RFC_CRM',
      'jco.client.lang=EN',
    )
    .s(`jco.client.passwd=${jco}`, 'generic', jco)
    .l('jco.destination.pool_capacity=3');
  repo
    .file('legacy/sap-connector/sapnwrfc.ini', 'sap')
    .l('DEST=PRD', 'ASHOST=sapprd-ci.corp.acme.local', 'SYSNR=00', 'CLIENT=100', 'USER=RFC_BATCH')
    .s(`PASSWD=${rfc}`, 'generic', rfc)
    .l('LANG=EN', 'TRACE=0');
}

// ---- PHP / Perl / Delphi / INI --------------------------------------------------------------

function scripting(repo, t, x) {
  const pma = x.pw();
  const blowfish = x.b64(32).replace(/[+/]/g, 'q');
  repo
    .file('legacy/intranet/phpmyadmin/config.inc.php', 'php')
    .l('<?php', '$i = 0;', '$i++;')
    .s(`$cfg['blowfish_secret'] = '${blowfish}';`, 'generic', blowfish)
    .l(
      "$cfg['Servers'][$i]['auth_type'] = 'config';",
      "$cfg['Servers'][$i]['host'] = 'mysql-intranet.corp.acme.local';",
      "$cfg['Servers'][$i]['user'] = 'root';",
    )
    .s(`$cfg['Servers'][$i]['password'] = '${pma}';`, 'generic', pma)
    .d("$cfg['Servers'][$i]['controlpass'] = '';", 'empty')
    .d("$cfg['DefaultLang'] = 'en';", 'plain');

  const drupalPw = x.pw();
  const salt = t.mixed(ALNUM + '-_', 43);
  repo
    .file('legacy/intranet/sites/default/settings.php', 'php')
    .l(
      '<?php',
      "$databases['default']['default'] = array (",
      "  'database' => 'intranet',",
      "  'username' => 'drupal',",
    )
    .s(`  'password' => '${drupalPw}',`, 'generic', drupalPw)
    .l("  'host' => 'mysql-intranet.corp.acme.local',", "  'driver' => 'mysql',", ');')
    .s(`$settings['hash_salt'] = '${salt}';`, 'generic', salt)
    .d("$settings['hash_salt'] = file_get_contents('/etc/drupal/salt.txt');", 'read from file')
    .d("# $databases['default']['default']['password'] = 'password';", 'commented default sample');

  const wpPw = x.pw();
  const authKey = t.pick(ALNUM + '!#%*()-_=+[]{}<>~;:,.|', 64);
  repo
    .file('legacy/blog/wp-config.php', 'php')
    .l('<?php', "define( 'DB_NAME', 'blog' );", "define( 'DB_USER', 'blog' );")
    .s(`define( 'DB_PASSWORD', '${wpPw}' );`, 'generic', wpPw)
    .l("define( 'DB_HOST', 'mysql-blog.corp.acme.local' );")
    .s(`define( 'AUTH_KEY',         '${authKey}' );`, 'generic', authKey)
    .d("define( 'SECURE_AUTH_KEY',  'put your unique phrase here' );", 'stock placeholder')
    .l("$table_prefix = 'wp_';");

  const perlPw = x.human();
  const perlPw2 = x.pw();
  repo
    .file('legacy/crm-batch/perl/lib/Acme/Config.pm', 'perl')
    .l('package Acme::Config;', 'use strict;', 'use DBI;', '')
    .s(
      `my $dbh = DBI->connect("dbi:mysql:database=crm;host=mysql-crm.corp.acme.local", "crm_batch", "${perlPw}", { RaiseError => 1 });`,
      'generic',
      perlPw,
    )
    .l(
      'our %LDAP = (',
      "    host   => 'ldaps://dc01.corp.acme.local',",
      "    binddn => 'cn=svc_perl,ou=Service Accounts,dc=corp,dc=acme,dc=local',",
    )
    .s(`    bindpw => '${perlPw2}',`, 'generic', perlPw2)
    .l(');')
    .d('my $pw = $ENV{CRM_DB_PASSWORD} or die "CRM_DB_PASSWORD not set";', 'env reference')
    .l('1;');

  const iniPw = x.human();
  const dfmPw = x.alnumPw();
  repo
    .file('legacy/StockClient/StockClient.ini', 'delphi')
    .l('[Database]', 'Server=SQLPROD01', 'Database=Stock', 'User=stock_client')
    .s(`Password=${iniPw}`, 'generic', iniPw)
    .l('[UI]')
    .d('RememberPassword=1', 'boolean flag')
    .d('LastUser=jsmith', 'user name');
  repo
    .file('legacy/StockClient/DataModule.dfm', 'delphi')
    .l('object dmMain: TdmMain', '  OldCreateOrder = False', '  object ADOConnection1: TADOConnection')
    .s(
      `    ConnectionString = 'Provider=SQLOLEDB.1;Password=${dfmPw};Persist Security Info=True;User ID=stock_client;Initial Catalog=Stock;Data Source=SQLPROD01'`,
      'generic',
      dfmPw,
    )
    .l('    LoginPrompt = False', '  end', 'end');
}

// ---- SCM / FTP ---------------------------------------------------------------------------------

function scm(repo, t, x) {
  const svnPw = x.pw();
  const realm = '<https://svn.corp.acme.local:443> Acme Subversion';
  repo
    .file(`legacy/ops/home/build/.subversion/auth/svn.simple/${t.pick('0123456789abcdef', 32)}`, 'scm')
    .l('K 8', 'passtype', 'V 6', 'simple', 'K 8', 'password', `V ${svnPw.length}`)
    .s(svnPw, 'generic', svnPw)
    .l('K 15', 'svn:realmstring', `V ${realm.length}`, realm, 'K 8', 'username', 'V 5', 'build', 'END');
  repo
    .file('legacy/ops/home/build/.subversion/servers', 'scm')
    .l('[global]')
    .d('store-plaintext-passwords = yes', 'setting')
    .d('store-passwords = yes', 'setting');

  const cvsPw = x.alnumPw();
  repo
    .file('legacy/tools/checkout_legacy.sh', 'scm')
    .l('#!/bin/sh')
    .s(
      `cvs -d :pserver:build:${cvsPw}@cvs.corp.acme.local:2401/cvsroot checkout -r RELEASE_3_2 billing`,
      'generic',
      cvsPw,
    )
    .d('cvs -d :pserver:anonymous@cvs.savannah.gnu.org:/sources/emacs login', 'anonymous');

  const ftpPw = x.alnumPw();
  repo
    .file('legacy/deploy/ftp/upload_prices.txt', 'ftp')
    .l('open ftp.partner-logistics.com', 'user acme_prices')
    .s(ftpPw, 'generic', ftpPw)
    .l('binary', 'cd /incoming', 'put D:\\Exports\\prices.csv', 'bye');
  repo.file('legacy/deploy/ftp/upload_prices.cmd', 'ftp').d('ftp -n -s:upload_prices.txt', 'script reference');

  const winscp = x.alnumPw();
  repo
    .file('legacy/deploy/ftp/winscp_sync.txt', 'ftp')
    .l('option batch abort', 'option confirm off')
    .s(`open sftp://edi:${winscp}@sftp.partner-edi.com/ -hostkey="ssh-ed25519 255 ${x.b64(43)}"`, 'generic', winscp)
    .d(
      `open sftp://edi@sftp-backup.partner-edi.com/ -privatekey="C:\\keys\\edi.ppk" -hostkey="ssh-ed25519 255 ${x.b64(43)}"`,
      'key path and host key fingerprint',
    )
    .l('synchronize remote D:\\EDI\\out /in', 'exit');

  const netrc = x.gen();
  repo
    .file('legacy/ops/home/build/.netrc', 'ftp')
    .s(`machine ftp.acme-corp.com login mirror password ${netrc}`, 'generic', netrc)
    .d('machine ftp.gnu.org login anonymous password anonymous@', 'anonymous ftp');

  const key = t.rsaPem();
  repo.file('legacy/ops/tomcat/conf/ssl/server.key', 'javaee').s(key, 'private-key', key.join('\n'));
  repo.file('legacy/ops/tomcat/conf/ssl/corp-root-ca.pem', 'javaee').d(x.cert(), 'CA certificate');
}
