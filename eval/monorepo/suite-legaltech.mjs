// Legal / document-management company monorepo (LexVault): Java Spring and .NET services,
// DocuSign / Adobe Sign / Box / Dropbox / SharePoint integrations, Azure AD app registrations,
// Elasticsearch / OpenSearch, Python OCR pipelines and notebooks, a WordPress marketing site,
// Kubernetes, Terraform (Azure + AWS), Bicep / ARM, Azure DevOps and GitHub Actions, Docker,
// LDAP / Active Directory, SMTP relays, Windows batch and PowerShell, IIS web.config, logs and
// support-ticket exports.
import { ALNUM, B64, DIGIT, HEX, LOWER, UPPER, URLSAFE, Repo, makeTokens, mulberry32 } from './generate.mjs';

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 7933 + 419);
  const t = makeTokens(rand);
  const repo = new Repo();
  const g = gens(t);
  javaServices(repo, t, g);
  dotnetServices(repo, t, g);
  ocrPipelines(repo, t, g);
  wordpress(repo, t, g);
  kubernetes(repo, t, g);
  terraform(repo, t, g);
  bicepArm(repo, t, g);
  ci(repo, t, g);
  docker(repo, t, g);
  directory(repo, t, g);
  smtp(repo, t, g);
  windows(repo, t, g);
  logs(repo, t, g);
  support(repo, t, g);
  docs(repo, t, g);
  noise(repo, t, g);
  return repo;
}

function gens(t) {
  const b64 = (n) => t.mixed(B64, n);
  const enc = (s) => Buffer.from(s).toString('base64');
  const b64url = (s) => Buffer.from(s).toString('base64url');
  const WORDS = [
    'Docket',
    'Verdict',
    'Escrow',
    'Counsel',
    'Tort',
    'Affidavit',
    'Subpoena',
    'Retainer',
    'Probate',
    'Statute',
  ];
  const word = () => WORDS[Number(t.pick(DIGIT, 1))];
  // What people pick for shared service and admin accounts.
  const human = () => {
    const sym = t.pick('!#@*.', 1);
    switch (t.pick('0123', 1)) {
      case '0':
        return `${word()}20${t.pick('12', 1)}${t.pick(DIGIT, 1)}${sym}`;
      case '1':
        return `${word()}${sym}${t.pick(DIGIT, 2)}${word().toLowerCase()}`;
      case '2':
        return `Lex${word()}${t.pick(DIGIT, 2)}${sym}`;
      default:
        return `${word().toLowerCase()}-${word()}-${t.pick(DIGIT, 4)}`;
    }
  };
  // Password-manager output, safe inside XML, connection strings and quoted YAML.
  const gen = (n = 20) => `${t.pick(UPPER + LOWER, 1)}${t.mixed(ALNUM + '!#*-_?@^+', n - 1)}`;
  const plain = (n = 18) => t.alnum(n);
  const elasticPw = () => `${t.pick(ALNUM, 1)}${t.mixed(ALNUM + '*_=-+', 19)}`;
  const dsHeader = b64url(JSON.stringify({ typ: 'MT', alg: 'RS256', kid: '68185ff1-4e51-4ce9-af1c-689812203317' }));
  const esKey = () => {
    const id = t.mixed(URLSAFE, 20);
    const key = t.mixed(URLSAFE, 22);
    return { id, key, encoded: enc(`${id}:${key}`) };
  };
  return {
    b64,
    enc,
    b64url,
    human,
    gen,
    plain,
    elasticPw,
    esKey,
    pw: () => t.password(),
    // DocuSign: integration key, user id, account id and secret key are all GUIDs.
    dsSecret: () => t.uuid(),
    dsToken: () => `${dsHeader}.AQoAAAABAAUABwCA${t.mixed(URLSAFE, 560)}.${t.mixed(URLSAFE, 342)}`,
    dsHmac: () => `${b64(43)}=`,
    adobeToken: () => `3AAABLblqZhB${t.mixed(URLSAFE, 98)}`,
    adobeRefresh: () => `3AAABLblqZhC${t.mixed(URLSAFE, 96)}*`,
    adobeClientId: () => `CBJCHBCAABAA${t.mixed(URLSAFE, 32)}`,
    adobeSecret: () => t.mixed(URLSAFE, 32),
    adobeIoSecret: () => `p8e-${t.mixed(URLSAFE, 32)}`,
    boxId: () => t.lower(32),
    boxSecret: () => t.alnum(32),
    boxToken: () => t.alnum(32),
    boxPass: () => t.hex(32),
    dbxKey: () => t.lower(15),
    dbxSecret: () => t.lower(15),
    dbxShort: () => `sl.B${t.mixed(URLSAFE, 135)}`,
    dbxRefresh: () => `${t.mixed(URLSAFE, 11)}AAAAAAAAAA${t.mixed(URLSAFE, 43)}`,
    azSecret: () => t.azureClientSecret(),
    spLegacy: () => `${b64(43)}=`,
    sbKey: () => `${b64(43)}=`,
    redisKey: () => `${b64(43)}=`,
    acrPw: () => `${t.mixed(ALNUM, 42)}+ACR${t.mixed(ALNUM, 6)}`,
    adoPat: () => t.mixed('abcdefghijklmnopqrstuvwxyz234567', 52),
    cogKey: () => t.hex(32),
    sesPw: () => `B${b64(43)}`,
    mailgun: () => `${t.hex(32)}-${t.hex(8)}-${t.hex(8)}`,
    mailchimp: () => `${t.hex(32)}-us${t.pick('123456789', 1)}${t.pick(DIGIT, 1)}`,
    hubspot: () => `pat-na1-${t.uuid()}`,
    recaptcha: () => `6L${t.mixed(URLSAFE, 38)}`,
    wpSalt: () => t.mixed(ALNUM + '!@#%^&*()-_ []{}<>~`+=,.;:/?|', 64),
    nuget: () => `oy2${t.lower(43)}`,
    ghFine: () => `github_pat_11${t.mixed(UPPER + DIGIT, 20)}_${t.mixed(ALNUM, 59)}`,
    fernet: () => `${t.mixed(URLSAFE, 43)}=`,
    machineKey: (n) => t.pick('0123456789ABCDEF', n),
    graphJwt: (tenant, appid) =>
      [
        b64url(JSON.stringify({ typ: 'JWT', alg: 'RS256', x5t: t.mixed(URLSAFE, 27), kid: t.mixed(URLSAFE, 27) })),
        b64url(
          JSON.stringify({
            aud: 'https://graph.microsoft.com',
            iss: `https://sts.windows.net/${tenant}/`,
            iat: 1741917601,
            nbf: 1741917601,
            exp: 1741921501,
            app_displayname: 'sharepoint-sync',
            appid,
            roles: ['Sites.ReadWrite.All', 'Files.ReadWrite.All'],
            tid: tenant,
          }),
        ),
        t.mixed(URLSAFE, 342),
      ].join('.'),
    esServiceToken: () =>
      Buffer.concat([Buffer.from([0, 1, 0, 1]), Buffer.from(`elastic/kibana/kibana-prod:${t.mixed(URLSAFE, 22)}`)])
        .toString('base64')
        .replace(/=+$/, ''),
    cloudId: () =>
      `lexvault-prod:${enc(`westeurope.azure.elastic-cloud.com:443$${t.pick(HEX, 32)}$${t.pick(HEX, 32)}`)}`,
    encPem: () => {
      const body = `MIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQI${b64(1680)}`;
      return body.match(/.{1,64}/g);
    },
    pubPem: () => [
      '-----BEGIN PUBLIC KEY-----',
      `MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA${b64(20)}`,
      b64(64),
      b64(64),
      b64(64),
      `${b64(56)}IDAQAB`,
      '-----END PUBLIC KEY-----',
    ],
    cert: () => `MIIDdzCCAl+gAwIBAgIQ${b64(900)}`,
  };
}

// ---- Java Spring: esign-service and docs-service -----------------------------------------

function javaServices(repo, t, g) {
  const a = repo.file('services/esign-service/src/main/resources/application.yml', 'java');
  const ksPw = g.plain(16);
  const dbFallback = g.gen(22);
  const azSec = g.azSecret();
  const mailPw = g.human();
  const dsSec = g.dsSecret();
  const hmac = g.dsHmac();
  a.l('server:', '  port: 8443', '  ssl:', '    key-store: classpath:keystore/esign.p12', '    key-store-type: PKCS12');
  a.s(`    key-store-password: ${ksPw}`, 'generic', ksPw);
  a.l(
    'spring:',
    '  application:',
    '    name: esign-service',
    '  datasource:',
    '    url: jdbc:sqlserver://sql-prod-01.corp.lexvault.local:1433;databaseName=ESign;encrypt=true;trustServerCertificate=true',
    '    username: esign_app',
  );
  a.s(`    password: \${ESIGN_DB_PASSWORD:${dbFallback}}`, 'generic', dbFallback);
  a.l('  security:', '    oauth2:', '      client:', '        registration:', '          azure:');
  a.d(`            client-id: ${t.uuid()}`, 'azure ad client id');
  a.s(`            client-secret: ${azSec}`, 'azure', azSec);
  a.l('            scope: openid, profile, email', '        provider:', '          azure:');
  a.d(`            issuer-uri: https://login.microsoftonline.com/${t.uuid()}/v2.0`, 'tenant id in issuer url');
  a.l('  mail:', '    host: smtp.office365.com', '    port: 587', '    username: noreply-esign@lexvault.com');
  a.s(`    password: "${mailPw}"`, 'generic', mailPw);
  a.l('  elasticsearch:', '    uris: https://es-prod.corp.lexvault.local:9200', '    username: esign_writer');
  a.d('    password: ${ES_PASSWORD}', 'spring placeholder');
  a.l('docusign:', '  base-path: https://na3.docusign.net/restapi', '  oauth-base-path: account.docusign.com');
  a.d(`  integration-key: ${t.uuid()}`, 'docusign integration key (client id)');
  a.d(`  user-id: ${t.uuid()}`, 'docusign user guid');
  a.d(`  account-id: ${t.uuid()}`, 'docusign account guid');
  a.s(`  secret-key: ${dsSec}`, 'docusign', dsSec);
  a.d('  private-key-path: classpath:docusign/private.key', 'file path');
  a.l('  connect:');
  a.s(`    hmac-key: "${hmac}"`, 'docusign', hmac);
  a.l('jasypt:', '  encryptor:');
  a.d('    password: ${JASYPT_ENCRYPTOR_PASSWORD}', 'spring placeholder');
  a.l('adobe-sign:', '  api-access-point: https://api.na2.adobesign.com/');
  a.d(`  client-id: ${g.adobeClientId()}`, 'adobe sign application id');
  a.d(`  client-secret: ENC(${g.b64(64)})`, 'jasypt encrypted');

  const p = repo.file('services/esign-service/src/main/resources/application-prod.properties', 'java');
  const adSec = g.adobeSecret();
  const adRef = g.adobeRefresh();
  const ldapPw = g.gen(24);
  p.l('# prod profile - loaded on top of application.yml');
  p.d(`adobe.sign.client-id=${g.adobeClientId()}`, 'adobe sign application id');
  p.s(`adobe.sign.client-secret=${adSec}`, 'adobe', adSec);
  p.s(`adobe.sign.refresh-token=${adRef}`, 'adobe', adRef);
  p.l('adobe.sign.redirect-uri=https://esign.lexvault.com/oauth/adobe/callback');
  p.l('spring.ldap.urls=ldaps://dc01.corp.lexvault.local:636', 'spring.ldap.base=DC=corp,DC=lexvault,DC=local');
  p.l('spring.ldap.username=CN=svc_esign,OU=Service Accounts,DC=corp,DC=lexvault,DC=local');
  p.s(`spring.ldap.password=${ldapPw}`, 'generic', ldapPw);
  p.d('spring.datasource.hikari.data-source-properties.password=${DB_PASSWORD}', 'spring placeholder');
  p.d('server.ssl.trust-store-password=${TRUSTSTORE_PASSWORD:changeit}', 'jdk default truststore password');
  p.l('management.endpoint.health.show-details=always', 'logging.level.com.docusign=DEBUG');

  const j = repo.file('services/esign-service/src/main/java/com/lexvault/esign/docusign/DocuSignJwtAuth.java', 'java');
  const rsa = t.rsaPem();
  j.l(
    'package com.lexvault.esign.docusign;',
    '',
    'import com.docusign.esign.client.ApiClient;',
    'import com.docusign.esign.client.auth.OAuth;',
    'import java.util.List;',
    '',
    'public class DocuSignJwtAuth {',
  );
  j.d(`    private static final String INTEGRATION_KEY = "${t.uuid()}";`, 'docusign integration key (client id)');
  j.d(`    private static final String IMPERSONATED_USER_ID = "${t.uuid()}";`, 'docusign user guid');
  j.l('    private static final List<String> SCOPES = List.of("signature", "impersonation");', '');
  j.l('    // TODO(LV-2231): move to Key Vault before the SOC 2 audit');
  j.s(
    ['    private static final String PRIVATE_KEY = """', ...rsa.map((l) => `            ${l}`), '            """;'],
    'private-key',
    rsa.join('\n'),
  );
  j.l(
    '',
    '    public OAuth.OAuthToken token(ApiClient apiClient) throws Exception {',
    '        return apiClient.requestJWTUserToken(INTEGRATION_KEY, IMPERSONATED_USER_ID, SCOPES, PRIVATE_KEY.getBytes(), 3600);',
    '    }',
    '',
    '    public ApiClient demoClient() {',
    '        ApiClient c = new ApiClient("https://demo.docusign.net/restapi");',
  );
  j.d('        c.addDefaultHeader("Authorization", "Bearer " + System.getenv("DS_ACCESS_TOKEN"));', 'env read');
  j.l('        return c;', '    }', '}');

  const ad = repo.file('services/esign-service/src/main/java/com/lexvault/esign/adobe/AdobeSignClient.java', 'java');
  const adKey = g.adobeToken();
  const adSec2 = g.adobeSecret();
  const adCid = g.adobeClientId();
  ad.l(
    'package com.lexvault.esign.adobe;',
    '',
    'import java.net.URI;',
    'import java.net.http.*;',
    '',
    'public class AdobeSignClient {',
    '    private static final String BASE = "https://api.na2.adobesign.com/api/rest/v6";',
    '    private final HttpClient http = HttpClient.newHttpClient();',
    '    // integration key for the "LexVault eSign Prod" group, issued 2023-09',
  );
  ad.s(`    private static final String INTEGRATION_KEY = "${adKey}";`, 'adobe', adKey);
  ad.d(`    static final String SMOKE_AGREEMENT_ID = "${g.adobeClientId()}";`, 'adobe agreement id');
  ad.l(
    '',
    '    public HttpResponse<String> agreement(String id) throws Exception {',
    '        HttpRequest req = HttpRequest.newBuilder(URI.create(BASE + "/agreements/" + id))',
    '            .header("Authorization", "Bearer " + INTEGRATION_KEY)',
    '            .build();',
    '        return http.send(req, HttpResponse.BodyHandlers.ofString());',
    '    }',
    '',
    '    String refreshBody(String refreshToken) {',
  );
  ad.s(
    `        return "grant_type=refresh_token&client_id=${adCid}&client_secret=${adSec2}&refresh_token=" + refreshToken;`,
    'adobe',
    adSec2,
  );
  ad.l('    }', '', '    static {');
  const tsPw = g.plain(14);
  ad.s(`        System.setProperty("javax.net.ssl.keyStorePassword", "${tsPw}");`, 'generic', tsPw);
  ad.l('    }', '}');

  const bx = repo.file('services/docs-service/src/main/java/com/lexvault/docs/box/BoxClientFactory.java', 'java');
  const bxPass = g.boxPass();
  const bxSec = g.boxSecret();
  const bxDev = g.boxToken();
  bx.l(
    'package com.lexvault.docs.box;',
    '',
    'import com.box.sdk.*;',
    '',
    'public final class BoxClientFactory {',
    '    static BoxDeveloperEditionAPIConnection enterprise(String privateKeyPem) {',
    '        JWTEncryptionPreferences prefs = new JWTEncryptionPreferences();',
  );
  bx.d(`        prefs.setPublicKeyID("${t.lower(8)}");`, 'box public key id');
  bx.d('        prefs.setPrivateKey(privateKeyPem);', 'variable');
  bx.s(`        prefs.setPrivateKeyPassword("${bxPass}");`, 'box', bxPass);
  bx.l(
    '        prefs.setEncryptionAlgorithm(EncryptionAlgorithm.RSA_SHA_256);',
    '        BoxConfig config = new BoxConfig(',
  );
  bx.d(`                "${g.boxId()}",`, 'box client id');
  bx.s(`                "${bxSec}",`, 'box', bxSec);
  bx.l(`                "${t.digits(9)}",`, '                prefs);');
  bx.l('        return BoxDeveloperEditionAPIConnection.getAppEnterpriseConnection(config);', '    }', '');
  bx.l('    static BoxAPIConnection developer() {');
  bx.s(`        return new BoxAPIConnection("${bxDev}"); // dev token from the console`, 'box', bxDev);
  bx.l('    }', '}');

  const bc = repo.file('services/docs-service/src/main/resources/box_config.json', 'java');
  const bcSec = g.boxSecret();
  const bcPass = g.boxPass();
  const encKey = g.encPem();
  bc.l('{', '  "boxAppSettings": {');
  bc.d(`    "clientID": "${g.boxId()}",`, 'box client id');
  bc.s(`    "clientSecret": "${bcSec}",`, 'box', bcSec);
  bc.l('    "appAuth": {');
  bc.d(`      "publicKeyID": "${t.lower(8)}",`, 'box public key id');
  bc.d(
    `      "privateKey": "-----BEGIN ENCRYPTED PRIVATE KEY-----\\n${encKey.join('\\n')}\\n-----END ENCRYPTED PRIVATE KEY-----\\n",`,
    'encrypted private key (the leak is its passphrase, labelled on the next line)',
  );
  bc.s(`      "passphrase": "${bcPass}"`, 'box', bcPass);
  bc.l('    }', '  },', `  "enterpriseID": "${t.digits(9)}"`, '}');

  const dy = repo.file('services/docs-service/src/main/resources/application.yml', 'java');
  const esUrlPw = g.plain(20);
  const osPw = g.human();
  const spSec = g.spLegacy();
  const dbxSec = g.dbxSecret();
  const dbxRef = g.dbxRefresh();
  const pm = t.uuid();
  dy.l('spring:', '  application:', '    name: docs-service', '  elasticsearch:');
  dy.s(`    uris: https://docs_indexer:${esUrlPw}@es-prod.corp.lexvault.local:9200`, 'database', esUrlPw);
  dy.l('    connection-timeout: 5s', 'opensearch:');
  dy.l(`  uris: https://search-lexvault-audit-${t.lower(26)}.us-east-1.es.amazonaws.com`, '  username: audit_reader');
  dy.s(`  password: "${osPw}"`, 'generic', osPw);
  dy.l('sharepoint:');
  dy.d(`  tenant-id: ${t.uuid()}`, 'tenant id');
  dy.d(`  client-id: ${t.uuid()}`, 'sharepoint add-in client id');
  dy.s(`  client-secret: ${spSec}`, 'azure', spSec);
  dy.l('  site-url: https://lexvault.sharepoint.com/sites/Matters', 'dropbox:');
  dy.d(`  app-key: ${g.dbxKey()}`, 'dropbox app key (public)');
  dy.s(`  app-secret: ${dbxSec}`, 'dropbox', dbxSec);
  dy.s(`  refresh-token: ${dbxRef}`, 'dropbox', dbxRef);
  dy.l('box:');
  dy.d('  config-path: classpath:box_config.json', 'file path');
  dy.l('postmark:');
  dy.s(`  server-token: ${pm}`, 'postmark', pm);
  dy.d('  test-token: POSTMARK_API_TEST', 'postmark documented test token');

  const ms = repo.file('services/docs-service/.mvn/settings.xml', 'java');
  const msPat = g.adoPat();
  ms.l(
    '<settings>',
    '  <servers>',
    '    <server>',
    '      <id>lexvault-nexus</id>',
    '      <username>ci-deployer</username>',
  );
  ms.d(`      <password>{${g.b64(43)}=}</password>`, 'maven encrypted password');
  ms.l('    </server>', '    <server>', '      <id>azure-artifacts</id>', '      <username>lexvault</username>');
  ms.s(`      <password>${msPat}</password>`, 'azure-devops', msPat);
  ms.l('    </server>', '    <server>', '      <id>docs-releases</id>', '      <username>deploy</username>');
  ms.d('      <password>${env.NEXUS_PASSWORD}</password>', 'maven env reference');
  ms.l('    </server>', '  </servers>', '</settings>');

  const ty = repo.file('services/docs-service/src/test/resources/application-test.yml', 'java');
  ty.l('spring:', '  datasource:', '    url: jdbc:h2:mem:testdb', '    username: sa');
  ty.d('    password:', 'empty');
  ty.l('docusign:');
  ty.d('  integration-key: 00000000-0000-0000-0000-000000000000', 'zero guid');
  ty.d('  secret-key: test-secret-key', 'test fixture');
  ty.l('box:');
  ty.d('  client-secret: fake-box-secret-for-tests', 'test fixture');
  ty.d('  jwt-passphrase: changeme', 'placeholder');

  const wt = repo.file(
    'services/esign-service/src/test/java/com/lexvault/esign/connect/ConnectHmacValidatorTest.java',
    'java',
  );
  wt.l('package com.lexvault.esign.connect;', '', 'class ConnectHmacValidatorTest {');
  wt.d('    private static final String KEY = "unit-test-hmac-key-not-a-secret";', 'test fixture');
  wt.d(`    private static final String EXPECTED = "${g.b64(43)}=";`, 'expected hmac digest');
  wt.l('}');
}

// ---- .NET: matter-portal (ASP.NET Core + legacy IIS) and sharepoint-sync ------------------

function dotnetServices(repo, t, g) {
  const a = repo.file('services/matter-portal/MatterPortal.Web/appsettings.json', 'dotnet');
  const az = g.azSecret();
  const sql = g.gen(20);
  const _rk = g.redisKey();
  const sb = g.sbKey();
  const es = g.esKey();
  const ds = g.dsSecret();
  const clio = t.alnum(40);
  const samlPw = g.gen(16);
  a.l(
    '{',
    '  "AzureAd": {',
    '    "Instance": "https://login.microsoftonline.com/",',
    '    "Domain": "lexvault.onmicrosoft.com",',
  );
  a.d(`    "TenantId": "${t.uuid()}",`, 'tenant id');
  a.d(`    "ClientId": "${t.uuid()}",`, 'client id');
  a.s(`    "ClientSecret": "${az}",`, 'azure', az);
  a.l('    "CallbackPath": "/signin-oidc"', '  },', '  "ConnectionStrings": {');
  a.s(
    `    "MatterDb": "Server=tcp:lexvault-sql-prod.database.windows.net,1433;Initial Catalog=Matters;User ID=matterportal;Password=${sql};Encrypt=True;Connection Timeout=30;",`,
    'database',
    sql,
  );
  a.s(
    `    "ServiceBus": "Endpoint=sb://lexvault-prod.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${sb}",`,
    'azure',
    sb,
  );
  a.d(
    '    "Blob": "@Microsoft.KeyVault(SecretUri=https://kv-lexvault-prod.vault.azure.net/secrets/BlobConn/)"',
    'key vault reference',
  );
  a.l('  },', '  "Elasticsearch": {', '    "Url": "https://es-prod.corp.lexvault.local:9200",');
  a.s(`    "ApiKey": "${es.encoded}"`, 'elastic', es.key);
  a.l('  },', '  "DocuSign": {');
  a.d(`    "IntegrationKey": "${t.uuid()}",`, 'docusign integration key (client id)');
  a.s(`    "SecretKey": "${ds}",`, 'docusign', ds);
  a.l('    "AuthServer": "account.docusign.com"', '  },', '  "Clio": {');
  a.d(`    "ClientId": "${t.alnum(40)}",`, 'clio client id');
  a.s(`    "ClientSecret": "${clio}"`, 'clio', clio);
  a.l('  },', '  "Saml": {', '    "SigningCertificatePath": "Saml/sp-signing.pfx",');
  a.s(`    "SigningCertificatePassword": "${samlPw}"`, 'generic', samlPw);
  a.l('  },');
  a.d(
    `  "ApplicationInsights": { "ConnectionString": "InstrumentationKey=${t.uuid()};IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/" }`,
    'app insights instrumentation key',
  );
  a.l('}');

  const dev = repo.file('services/matter-portal/MatterPortal.Web/appsettings.Development.json', 'dotnet');
  dev.l('{', '  "ConnectionStrings": {');
  dev.d(
    '    "MatterDb": "Server=(localdb)\\\\mssqllocaldb;Database=Matters;Trusted_Connection=True;MultipleActiveResultSets=true"',
    'integrated auth',
  );
  dev.l('  },', '  "AzureAd": {');
  dev.d('    "ClientSecret": ""', 'empty');
  dev.l('  },', '  "DocuSign": {');
  dev.d('    "SecretKey": "<set with dotnet user-secrets>"', 'placeholder');
  dev.l('  },', '  "Elasticsearch": {');
  dev.d('    "ApiKey": "${ES_API_KEY}"', 'placeholder');
  dev.l('  }', '}');

  const w = repo.file('services/matter-portal/MatterPortal.Legacy/web.config', 'iis');
  const dmsPw = g.gen(18);
  const boxSec = g.boxSecret();
  const smtpPw = g.human();
  const dbxTok = g.dbxShort();
  const vk = g.machineKey(128);
  const dk = g.machineKey(64);
  const impPw = g.gen(22);
  w.l('<?xml version="1.0" encoding="utf-8"?>', '<configuration>', '  <connectionStrings>');
  w.s(
    `    <add name="DmsDb" connectionString="Data Source=sql-prod-01.corp.lexvault.local;Initial Catalog=LexDMS;User ID=dms_web;Password=${dmsPw};MultipleActiveResultSets=True" providerName="System.Data.SqlClient" />`,
    'database',
    dmsPw,
  );
  w.d(
    '    <add name="AuditDb" connectionString="Data Source=sql-prod-01;Initial Catalog=Audit;Integrated Security=SSPI" providerName="System.Data.SqlClient" />',
    'integrated auth',
  );
  w.l('  </connectionStrings>', '  <appSettings>');
  w.d(`    <add key="Box:ClientId" value="${g.boxId()}" />`, 'box client id');
  w.s(`    <add key="Box:ClientSecret" value="${boxSec}" />`, 'box', boxSec);
  w.l('    <add key="Smtp:User" value="relay@lexvault.com" />');
  w.s(`    <add key="Smtp:Password" value="${smtpPw}" />`, 'generic', smtpPw);
  w.s(`    <add key="Dropbox:AccessToken" value="${dbxTok}" />`, 'dropbox', dbxTok);
  w.d('    <add key="Dropbox:AppKeySetting" value="DropboxAppKey" />', 'setting name');
  w.l(
    '    <add key="aspnet:UseTaskFriendlySynchronizationContext" value="true" />',
    '  </appSettings>',
    '  <system.web>',
  );
  w.l('    <compilation debug="false" targetFramework="4.8" />', '    <machineKey');
  w.s(`      validationKey="${vk}"`, 'generic', vk);
  w.s(`      decryptionKey="${dk}"`, 'generic', dk);
  w.l('      validation="HMACSHA256" decryption="AES" />');
  w.s(`    <identity impersonate="true" userName="CORP\\svc_dmsweb" password="${impPw}" />`, 'generic', impPw);
  w.l('  </system.web>', '  <secureAppSettings configProtectionProvider="RsaProtectedConfigurationProvider">');
  w.l(
    '    <EncryptedData Type="http://www.w3.org/2001/04/xmlenc#Element" xmlns="http://www.w3.org/2001/04/xmlenc#">',
    '      <EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes256-cbc" />',
    '      <CipherData>',
  );
  w.d(`        <CipherValue>${g.b64(342)}==</CipherValue>`, 'protected config ciphertext');
  w.l('      </CipherData>', '    </EncryptedData>', '  </secureAppSettings>', '</configuration>');

  const pr = repo.file('services/sharepoint-sync/SharePointSync/Program.cs', 'dotnet');
  const prSec = g.azSecret();
  const acs = g.spLegacy();
  const csom = g.gen(20);
  pr.l(
    'using Azure.Identity;',
    'using Microsoft.Graph;',
    'using Microsoft.SharePoint.Client;',
    'using PnP.Framework;',
    'using System.Security;',
    '',
  );
  pr.d(`var tenantId = "${t.uuid()}";`, 'tenant id');
  pr.d(`var clientId = "${t.uuid()}";`, 'client id');
  pr.s(`var credential = new ClientSecretCredential(tenantId, clientId, "${prSec}");`, 'azure', prSec);
  pr.l('var graph = new GraphServiceClient(credential, new[] { "https://graph.microsoft.com/.default" });', '');
  pr.l('// legacy ACS add-in registration for the records center (appregnew.aspx, expires 2026-01)');
  pr.s(
    `using var records = new AuthenticationManager().GetACSAppOnlyContext("https://lexvault.sharepoint.com/sites/Records", "${t.uuid()}", "${acs}");`,
    'azure',
    acs,
  );
  pr.l('', '// on-prem SharePoint 2016 archive farm', 'var securePassword = new SecureString();');
  pr.s(`foreach (var c in "${csom}") securePassword.AppendChar(c);`, 'generic', csom);
  pr.l('using var archive = new ClientContext("https://archive.corp.lexvault.local/sites/closed-matters");');
  pr.d(
    'archive.Credentials = new SharePointOnlineCredentials("svc_records@lexvault.com", securePassword);',
    'variable',
  );
  pr.d('var envSecret = Environment.GetEnvironmentVariable("AZURE_CLIENT_SECRET");', 'env read');

  const ld = repo.file('services/sharepoint-sync/SharePointSync/Services/LdapDirectory.cs', 'dotnet');
  const ldPw = g.gen(24);
  const nc = g.human();
  ld.l(
    'using System.DirectoryServices;',
    'using System.Net;',
    'using System.Net.Mail;',
    '',
    'namespace SharePointSync.Services;',
    '',
    'public class LdapDirectory(IConfiguration config)',
    '{',
    '    private const string LdapPath = "LDAP://dc01.corp.lexvault.local/OU=Attorneys,DC=corp,DC=lexvault,DC=local";',
  );
  ld.s(
    `    public DirectoryEntry Root() => new DirectoryEntry(LdapPath, @"CORP\\svc_spsync", "${ldPw}", AuthenticationTypes.Secure);`,
    'generic',
    ldPw,
  );
  ld.l('', '    public SmtpClient Mailer() => new SmtpClient("smtp-relay.corp.lexvault.local", 25)', '    {');
  ld.s(`        Credentials = new NetworkCredential("svc_notify", "${nc}"),`, 'generic', nc);
  ld.l('        EnableSsl = true,', '    };', '');
  ld.d('    private string BindPassword => config["Ldap:BindPassword"];', 'config lookup');
  ld.l('}');

  const ls = repo.file('services/sharepoint-sync/SharePointSync/Properties/launchSettings.json', 'dotnet');
  const lsSec = g.azSecret();
  ls.l(
    '{',
    '  "profiles": {',
    '    "SharePointSync": {',
    '      "commandName": "Project",',
    '      "environmentVariables": {',
  );
  ls.l('        "DOTNET_ENVIRONMENT": "Development",');
  ls.d(`        "AZURE_TENANT_ID": "${t.uuid()}",`, 'tenant id');
  ls.d(`        "AZURE_CLIENT_ID": "${t.uuid()}",`, 'client id');
  ls.s(`        "AZURE_CLIENT_SECRET": "${lsSec}"`, 'azure', lsSec);
  ls.l('      }', '    }', '  }', '}');

  const cp = repo.file('services/sharepoint-sync/SharePointSync/SharePointSync.csproj', 'dotnet');
  cp.l(
    '<Project Sdk="Microsoft.NET.Sdk.Worker">',
    '  <PropertyGroup>',
    '    <TargetFramework>net8.0</TargetFramework>',
  );
  cp.d(`    <UserSecretsId>dotnet-SharePointSync-${t.uuid()}</UserSecretsId>`, 'user secrets id');
  cp.l('  </PropertyGroup>', '</Project>');

  const ng = repo.file('nuget.config', 'dotnet');
  const ngPat = g.adoPat();
  ng.l('<?xml version="1.0" encoding="utf-8"?>', '<configuration>', '  <packageSources>');
  ng.l(
    '    <add key="lexvault" value="https://pkgs.dev.azure.com/lexvault/_packaging/lexvault/nuget/v3/index.json" />',
  );
  ng.l(
    '  </packageSources>',
    '  <packageSourceCredentials>',
    '    <lexvault>',
    '      <add key="Username" value="build-agent" />',
  );
  ng.s(`      <add key="ClearTextPassword" value="${ngPat}" />`, 'azure-devops', ngPat);
  ng.l('    </lexvault>', '  </packageSourceCredentials>', '  <apikeys>');
  ng.d(
    `    <add key="https://api.nuget.org/v3/index.json" value="AQAAANCMnd8BFdERjHoAwE/Cl+sBAAAA${g.b64(280)}==" />`,
    'dpapi-encrypted api key',
  );
  ng.l('  </apikeys>', '</configuration>');

  const fx = repo.file('services/matter-portal/MatterPortal.Tests/Fixtures/FakeTokens.cs', 'dotnet');
  fx.l('namespace MatterPortal.Tests.Fixtures;', '', 'public static class FakeTokens', '{');
  fx.d('    public const string BoxClientSecret = "fake-box-client-secret";', 'test fixture');
  fx.d('    public const string DocuSignSecret = "00000000-0000-0000-0000-000000000000";', 'zero guid');
  fx.d('    public const string Password = "P@ssw0rd-not-real";', 'test fixture');
  fx.d('    public const string AzureSecret = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";', 'placeholder');
  fx.l('}');

  const sm = repo.file('services/matter-portal/MatterPortal.Web/Saml/idp-metadata.xml', 'keys');
  sm.l(
    '<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://sts.windows.net/lexvault/">',
    '  <IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">',
    '    <KeyDescriptor use="signing"><KeyInfo xmlns="http://www.w3.org/2000/09/xmldsig#"><X509Data>',
  );
  sm.d(`      <X509Certificate>${g.cert()}</X509Certificate>`, 'idp signing certificate');
  sm.l('    </X509Data></KeyInfo></KeyDescriptor>', '  </IDPSSODescriptor>', '</EntityDescriptor>');
}

// ---- Python OCR pipelines and notebooks ----------------------------------------------------

function ocrPipelines(repo, t, g) {
  const c = repo.file('pipelines/ocr/ocr_pipeline/config.py', 'python');
  const di = g.cogKey();
  const gv = t.gcpApiKey();
  const ak = t.awsId();
  const as = t.awsSecret();
  c.l('"""OCR pipeline settings. Values here are the prod defaults for the batch VMs."""', 'import os', '');
  c.l('AZURE_DI_ENDPOINT = "https://lexvault-ocr-prod.cognitiveservices.azure.com/"');
  c.s(`AZURE_DI_KEY = os.environ.get("AZURE_DI_KEY", "${di}")`, 'azure', di);
  c.s(`GOOGLE_VISION_API_KEY = "${gv}"`, 'gcp', gv);
  c.l('TEXTRACT_REGION = "us-east-1"');
  c.s(`AWS_ACCESS_KEY_ID = "${ak}"`, 'aws', ak);
  c.s(`AWS_SECRET_ACCESS_KEY = "${as}"`, 'aws', as);
  c.l('ABBYY_APP_ID = "LexVault-OCR-Prod"');
  c.d('ABBYY_PASSWORD = os.environ["ABBYY_PASSWORD"]', 'os.environ');
  c.l('TESSERACT_CMD = r"C:\\Program Files\\Tesseract-OCR\\tesseract.exe"');
  c.d(`REDACTION_MODEL_SHA256 = "${t.sha256()}"`, 'sha256');
  c.d('PASSWORD_PROTECTED_PDF_HINT = "password"', 'string constant');

  const cl = repo.file('pipelines/ocr/ocr_pipeline/clients.py', 'python');
  const di2 = g.cogKey();
  const es = g.esKey();
  const osPw = g.human();
  const dbxSec = g.dbxSecret();
  const dbxRef = g.dbxRefresh();
  const ldPw = g.gen(22);
  cl.l(
    'import os',
    '',
    'import dropbox',
    'import ldap3',
    'from azure.ai.formrecognizer import DocumentAnalysisClient',
    'from azure.core.credentials import AzureKeyCredential',
    'from elasticsearch import Elasticsearch',
    'from opensearchpy import OpenSearch',
    '',
    'di = DocumentAnalysisClient(',
    '    endpoint="https://lexvault-ocr-prod.cognitiveservices.azure.com/",',
  );
  cl.s(`    credential=AzureKeyCredential("${di2}"),`, 'azure', di2);
  cl.l(')', 'es = Elasticsearch(');
  cl.d(`    cloud_id="${g.cloudId()}",`, 'elastic cloud id');
  cl.s(`    api_key=("${es.id}", "${es.key}"),`, 'elastic', es.key);
  cl.l(')');
  cl.s(
    `audit = OpenSearch(hosts=[{"host": "search-lexvault-audit.us-east-1.es.amazonaws.com", "port": 443}], http_auth=("audit_writer", "${osPw}"), use_ssl=True)`,
    'generic',
    osPw,
  );
  cl.l('dbx = dropbox.Dropbox(');
  cl.d(`    app_key="${g.dbxKey()}",`, 'dropbox app key (public)');
  cl.s(`    app_secret="${dbxSec}",`, 'dropbox', dbxSec);
  cl.s(`    oauth2_refresh_token="${dbxRef}",`, 'dropbox', dbxRef);
  cl.l(')', 'directory = ldap3.Connection(', '    ldap3.Server("ldaps://dc02.corp.lexvault.local", use_ssl=True),');
  cl.l('    user="CN=svc_ocr,OU=Service Accounts,DC=corp,DC=lexvault,DC=local",');
  cl.s(`    password="${ldPw}",`, 'generic', ldPw);
  cl.l('    auto_bind=True,', ')');
  cl.d(
    'es_local = Elasticsearch("http://localhost:9200", basic_auth=("elastic", os.environ["ELASTIC_PASSWORD"]))',
    'os.environ',
  );

  const sy = repo.file('pipelines/ocr/ocr_pipeline/settings.yaml', 'python');
  const abPw = g.gen(18);
  const sas = t.azureSasSig();
  const es2 = g.esKey();
  const hook = t.slackWebhook();
  sy.l('abbyy:', '  application_id: LexVault-OCR-Prod');
  sy.s(`  password: "${abPw}"`, 'generic', abPw);
  sy.l('  server_url: https://cloud-eu.ocrsdk.com', 'azure_blob:', '  account_name: lexvaultocrprod');
  sy.s(
    `  sas_token: "sv=2022-11-02&ss=b&srt=co&sp=rwdlac&se=2026-12-31T23:59:59Z&st=2025-01-01T00:00:00Z&spr=https&sig=${sas}"`,
    'azure',
    sas,
  );
  sy.l('  container: incoming-scans', 'elasticsearch:', '  hosts: ["https://es-prod.corp.lexvault.local:9200"]');
  sy.d(`  api_key_id: ${es2.id}`, 'elastic api key id (not the secret half)');
  sy.s(`  api_key: ${es2.key}`, 'elastic', es2.key);
  sy.l('slack:');
  sy.s(`  alerts_webhook: ${hook}`, 'slack', hook);
  sy.d('  bot_token: ${SLACK_BOT_TOKEN}', 'env reference');

  const env = repo.file('pipelines/ocr/.env', 'env');
  const envDi = g.cogKey();
  const oa = t.openai();
  const bt = g.boxToken();
  const dt = g.dbxShort();
  const fk = g.fernet();
  env.l('AZURE_DI_ENDPOINT=https://lexvault-ocr-prod.cognitiveservices.azure.com/');
  env.s(`AZURE_DI_KEY=${envDi}`, 'azure', envDi);
  env.s(`OPENAI_API_KEY=${oa}`, 'openai', oa);
  env.s(`BOX_DEVELOPER_TOKEN=${bt}`, 'box', bt);
  env.s(`DROPBOX_ACCESS_TOKEN=${dt}`, 'dropbox', dt);
  env.s(`AIRFLOW__CORE__FERNET_KEY=${fk}`, 'generic', fk);
  env.d(`SENTRY_DSN=https://${t.hex(32)}@o${t.digits(6)}.ingest.sentry.io/${t.digits(7)}`, 'sentry dsn');
  env.l('TESSDATA_PREFIX=/usr/share/tesseract-ocr/5/tessdata');

  const ex = repo.file('pipelines/ocr/.env.example', 'env');
  ex.d('AZURE_DI_KEY=<your-document-intelligence-key>', 'placeholder');
  ex.d('OPENAI_API_KEY=sk-...', 'placeholder');
  ex.d('BOX_DEVELOPER_TOKEN=', 'empty');
  ex.d('DROPBOX_ACCESS_TOKEN=sl.xxxxxxxxxxxxxxxx', 'placeholder');
  ex.d('ELASTIC_PASSWORD=changeme', 'placeholder');
  ex.d(
    'AIRFLOW__CORE__FERNET_KEY=  # python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"',
    'empty with hint',
  );

  const af = repo.file('pipelines/ocr/airflow/airflow.cfg', 'python');
  const afDb = g.plain(20);
  const afFk = g.fernet();
  af.l('[core]', 'dags_folder = /opt/airflow/dags', 'executor = CeleryExecutor');
  af.s(`fernet_key = ${afFk}`, 'generic', afFk);
  af.l('', '[database]');
  af.s(
    `sql_alchemy_conn = postgresql+psycopg2://airflow:${afDb}@airflow-db.corp.lexvault.local:5432/airflow`,
    'database',
    afDb,
  );
  af.l('', '[webserver]');
  af.l('', '[smtp]', 'smtp_host = smtp-relay.corp.lexvault.local', 'smtp_user = airflow');
  af.d('smtp_password = ', 'empty');

  const dag = repo.file('pipelines/ocr/airflow/dags/ingest_dropbox.py', 'python');
  const connPw = g.plain(16);
  dag.l('from datetime import datetime', '', 'from airflow import DAG', 'from airflow.models import Variable', '');
  dag.d('DROPBOX_TOKEN = Variable.get("dropbox_token")', 'airflow variable lookup');
  dag.s(
    `OCR_DB_URI = "mssql+pyodbc://ocr_etl:${connPw}@sql-prod-01.corp.lexvault.local:1433/OCR?driver=ODBC+Driver+18+for+SQL+Server"`,
    'database',
    connPw,
  );
  dag.l('', 'with DAG("ingest_dropbox", start_date=datetime(2024, 6, 1), schedule="@hourly", catchup=False) as dag:');
  dag.d('    notify = SlackWebhookOperator(task_id="notify", slack_webhook_conn_id="slack_alerts")', 'connection id');

  const rq = repo.file('pipelines/ocr/requirements.txt', 'python');
  const rqPat = g.adoPat();
  rq.s(
    `--extra-index-url https://build:${rqPat}@pkgs.dev.azure.com/lexvault/_packaging/ocr/pypi/simple/`,
    'azure-devops',
    rqPat,
  );
  for (const p of ['pytesseract==0.3.13', 'azure-ai-formrecognizer==3.3.3', 'pdf2image==1.17.0']) {
    rq.l(`${p} \\`);
    rq.d(`    --hash=sha256:${t.sha256()}`, 'pip hash');
  }

  // notebooks
  const nb = repo.file('pipelines/ocr/notebooks/contract-clause-extraction.ipynb', 'notebook');
  const nbOa = t.openai();
  const nbBoxSec = g.boxSecret();
  const nbBoxTok = g.boxToken();
  const nbBoxOut = g.boxToken();
  nb.l(
    '{',
    ' "cells": [',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 3,',
    '   "metadata": {},',
    '   "outputs": [',
    '    {',
  );
  nb.l('     "name": "stdout",', '     "output_type": "stream",', '     "text": [');
  nb.s(`      ${JSON.stringify(`refreshed Box token: ${nbBoxOut}\n`)},`, 'box', nbBoxOut);
  nb.l(`      ${JSON.stringify('420 contracts in folder 0\n')}`, '     ]', '    }', '   ],', '   "source": [');
  nb.l(
    `    ${JSON.stringify('from openai import OpenAI\n')},`,
    `    ${JSON.stringify('from boxsdk import OAuth2, Client\n')},`,
  );
  nb.s(`    ${JSON.stringify(`llm = OpenAI(api_key="${nbOa}")\n`)},`, 'openai', nbOa);
  nb.l(`    ${JSON.stringify('oauth = OAuth2(\n')},`);
  nb.d(`    ${JSON.stringify(`    client_id="${g.boxId()}",\n`)},`, 'box client id');
  nb.s(`    ${JSON.stringify(`    client_secret="${nbBoxSec}",\n`)},`, 'box', nbBoxSec);
  nb.s(`    ${JSON.stringify(`    access_token="${nbBoxTok}",\n`)},`, 'box', nbBoxTok);
  nb.l(
    `    ${JSON.stringify(')\n')},`,
    `    ${JSON.stringify('print("refreshed Box token:", oauth.refresh(None)[0])')}`,
  );
  nb.l(
    '   ]',
    '  },',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 4,',
    '   "metadata": {},',
    '   "outputs": [',
    '    {',
  );
  nb.l('     "data": {');
  nb.d(`      "image/png": "${t.pngBase64()}",`, 'base64 image');
  nb.l(
    '      "text/plain": ["<Figure size 640x480 with 1 Axes>"]',
    '     },',
    '     "metadata": {},',
    '     "output_type": "display_data"',
    '    }',
    '   ],',
  );
  nb.l('   "source": [');
  nb.d(`    ${JSON.stringify('api_key = getpass.getpass("Anthropic key: ")\n')},`, 'getpass prompt');
  nb.d(`    ${JSON.stringify(`matter_hash = "${t.sha1()}"\n`)},`, 'sha1');
  nb.l(`    ${JSON.stringify('plot_clause_distribution(df)')}`, '   ]', '  }', ' ],');
  nb.l(
    ' "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},',
    ' "nbformat": 4,',
    ' "nbformat_minor": 5',
    '}',
  );

  const nb2 = repo.file('pipelines/ocr/notebooks/redaction-eval.ipynb', 'notebook');
  const nbAk = t.awsId();
  const nbAs = t.awsSecret();
  const nbEs = g.plain(18);
  nb2.l(
    '{',
    ' "cells": [',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": null,',
    '   "metadata": {},',
    '   "outputs": [],',
    '   "source": [',
  );
  nb2.l(`    ${JSON.stringify('import boto3\n')},`, `    ${JSON.stringify('session = boto3.Session(\n')},`);
  nb2.s(`    ${JSON.stringify(`    aws_access_key_id="${nbAk}",\n`)},`, 'aws', nbAk);
  nb2.s(`    ${JSON.stringify(`    aws_secret_access_key="${nbAs}",\n`)},`, 'aws', nbAs);
  nb2.l(`    ${JSON.stringify('    region_name="us-east-1")\n')},`);
  nb2.d(`    ${JSON.stringify('# AWS docs example key: AKIAIOSFODNN7EXAMPLE\n')},`, 'vendor example');
  nb2.s(
    `    ${JSON.stringify(`es = Elasticsearch("https://elastic:${nbEs}@es-prod.corp.lexvault.local:9200", verify_certs=False)\n`)},`,
    'database',
    nbEs,
  );
  nb2.d(`    ${JSON.stringify('claude = anthropic.Anthropic(api_key=os.environ["ANTHROPIC_API_KEY"])')}`, 'os.environ');
  nb2.l('   ]', '  }', ' ],', ' "metadata": {},', ' "nbformat": 4,', ' "nbformat_minor": 5', '}');

  const tf = repo.file('pipelines/ocr/tests/fixtures/sample_config.yaml', 'python');
  tf.l('abbyy:');
  tf.d('  password: not-a-real-password', 'test fixture');
  tf.l('azure:');
  tf.d('  key: 00000000000000000000000000000000', 'zero key');
  tf.d('  endpoint: https://example.cognitiveservices.azure.com/', 'example url');
}

// ---- WordPress marketing site (PHP) --------------------------------------------------------

function wordpress(repo, t, g) {
  const w = repo.file('marketing/wordpress/wp-config.php', 'php');
  const dbPw = g.gen(20);
  const sesUser = t.awsId();
  const sesPw = g.sesPw();
  w.l(
    '<?php',
    '/** LexVault marketing site - production (WP Engine) */',
    "define( 'DB_NAME', 'wp_lexvaultmkt' );",
    "define( 'DB_USER', 'lexvaultmkt' );",
  );
  w.s(`define( 'DB_PASSWORD', '${dbPw}' );`, 'generic', dbPw);
  w.l("define( 'DB_HOST', '127.0.0.1:3306' );", "define( 'DB_CHARSET', 'utf8mb4' );", '');
  for (const k of [
    'AUTH_KEY',
    'SECURE_AUTH_KEY',
    'LOGGED_IN_KEY',
    'NONCE_KEY',
    'AUTH_SALT',
    'SECURE_AUTH_SALT',
    'LOGGED_IN_SALT',
    'NONCE_SALT',
  ]) {
    const salt = g.wpSalt();
    w.s(`define( '${k}',${' '.repeat(17 - k.length)}'${salt}' );`, 'generic', salt);
  }
  w.l('');
  w.l("define( 'WPMS_ON', true );", "define( 'WPMS_SMTP_HOST', 'email-smtp.us-east-1.amazonaws.com' );");
  w.s(`define( 'WPMS_SMTP_USER', '${sesUser}' );`, 'aws', sesUser);
  w.s(`define( 'WPMS_SMTP_PASS', '${sesPw}' );`, 'aws', sesPw);
  w.d("define( 'WPMS_LICENSE_KEY', getenv( 'WPMS_LICENSE_KEY' ) );", 'getenv');
  w.l(
    "$table_prefix = 'wp_';",
    "define( 'WP_DEBUG', false );",
    "if ( ! defined( 'ABSPATH' ) ) { define( 'ABSPATH', __DIR__ . '/' ); }",
    "require_once ABSPATH . 'wp-settings.php';",
  );

  const smp = repo.file('marketing/wordpress/wp-config-sample.php', 'php');
  smp.l('<?php');
  smp.d("define( 'DB_PASSWORD', 'password_here' );", 'placeholder');
  smp.d("define( 'AUTH_KEY',         'put your unique phrase here' );", 'placeholder');
  smp.d("define( 'NONCE_SALT',       'put your unique phrase here' );", 'placeholder');

  const fn = repo.file('marketing/wordpress/wp-content/themes/lexvault/functions.php', 'php');
  const rc = g.recaptcha();
  const hs = g.hubspot();
  const mc = g.mailchimp();
  fn.l('<?php', "add_action( 'wp_enqueue_scripts', function () {");
  fn.d(
    `    wp_enqueue_script( 'recaptcha', 'https://www.google.com/recaptcha/api.js?render=${g.recaptcha()}' );`,
    'recaptcha site key',
  );
  fn.l('} );', '', 'function lv_verify_recaptcha( $token ) {');
  fn.l("    $resp = wp_remote_post( 'https://www.google.com/recaptcha/api/siteverify', array(");
  fn.s(`        'body' => array( 'secret' => '${rc}', 'response' => $token ),`, 'recaptcha', rc);
  fn.l('    ) );', '    return json_decode( wp_remote_retrieve_body( $resp ) )->success;', '}', '');
  fn.l(
    'function lv_hubspot_submit( $fields ) {',
    "    return wp_remote_post( 'https://api.hubapi.com/crm/v3/objects/contacts', array(",
  );
  fn.s(
    `        'headers' => array( 'Authorization' => 'Bearer ${hs}', 'Content-Type' => 'application/json' ),`,
    'hubspot',
    hs,
  );
  fn.l("        'body'    => wp_json_encode( array( 'properties' => $fields ) ),", '    ) );', '}', '');
  fn.s(`define( 'LV_MAILCHIMP_KEY', '${mc}' );`, 'mailchimp', mc);
  fn.d(`define( 'LV_MAILCHIMP_LIST', '${t.hex(10)}' );`, 'mailchimp audience id');
  fn.d(`define( 'LV_HUBSPOT_PORTAL_ID', '${t.digits(8)}' );`, 'hubspot portal id');
  fn.d(`define( 'LV_GA_MEASUREMENT_ID', 'G-${t.mixed(UPPER + DIGIT, 10)}' );`, 'ga id');

  const mu = repo.file('marketing/wordpress/wp-content/mu-plugins/smtp-relay.php', 'php');
  const o365 = g.human();
  mu.l('<?php', "add_action( 'phpmailer_init', function ( $phpmailer ) {", '    $phpmailer->isSMTP();');
  mu.l(
    "    $phpmailer->Host       = 'smtp.office365.com';",
    '    $phpmailer->SMTPAuth   = true;',
    '    $phpmailer->Port       = 587;',
  );
  mu.l("    $phpmailer->Username   = 'marketing-noreply@lexvault.com';");
  mu.s(`    $phpmailer->Password   = '${o365}';`, 'generic', o365);
  mu.l(
    "    $phpmailer->SMTPSecure = 'tls';",
    '    $phpmailer->SMTPDebug  = 2; // TODO remove, debugging bounce issue LV-3310',
    '} );',
  );

  const dl = repo.file('marketing/wordpress/wp-content/debug.log', 'logs');
  const ts = '[14-Mar-2025 09:12:44 UTC] 2025-03-14 09:12:44';
  dl.l(`${ts}\tSERVER -> CLIENT: 220 LO2P265CA0012.outlook.office365.com Microsoft ESMTP MAIL Service ready`);
  dl.l(
    `${ts}\tCLIENT -> SERVER: EHLO www.lexvault.com`,
    `${ts}\tCLIENT -> SERVER: STARTTLS`,
    `${ts}\tCLIENT -> SERVER: AUTH LOGIN`,
  );
  dl.d(`${ts}\tSERVER -> CLIENT: 334 VXNlcm5hbWU6`, 'base64 of "Username:"');
  dl.l(`${ts}\tCLIENT -> SERVER: ${g.enc('marketing-noreply@lexvault.com')}`);
  dl.d(`${ts}\tSERVER -> CLIENT: 334 UGFzc3dvcmQ6`, 'base64 of "Password:"');
  dl.s(`${ts}\tCLIENT -> SERVER: ${g.enc(o365)}`, 'generic', o365);
  dl.l(`${ts}\tSERVER -> CLIENT: 235 2.7.0 Authentication successful`);
  dl.d(
    "[14-Mar-2025 09:13:02 UTC] WordPress database error Access denied for user 'lexvaultmkt'@'10.0.3.7' (using password: YES) for query SELECT option_value FROM wp_options",
    'error message',
  );
  dl.d(
    `[14-Mar-2025 09:13:05 UTC] PHP Warning:  Undefined array key "password" in /nas/content/live/lexvaultmkt/wp-content/plugins/gravityforms/includes/fields/class-gf-field-password.php on line 88`,
    'php warning',
  );

  const ht = repo.file('marketing/wordpress/.htpasswd', 'php');
  ht.d(`staging:$apr1$${t.alnum(8)}$${t.mixed(ALNUM + './', 22)}`, 'apr1 hash');
  ht.d(`review:$2y$05$${t.mixed(ALNUM + './', 53)}`, 'bcrypt hash');
}

// ---- Kubernetes ----------------------------------------------------------------------------

function kubernetes(repo, t, g) {
  const s = repo.file('deploy/k8s/esign/secret.yaml', 'k8s');
  const ds = g.dsSecret();
  const ar = g.adobeRefresh();
  const db = g.gen(20);
  const rsa = t.rsaPem();
  s.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: esign-secrets',
    '  namespace: esign',
    'type: Opaque',
    'data:',
  );
  s.s(`  DOCUSIGN_SECRET_KEY: ${g.enc(ds)}`, 'docusign', ds);
  s.s(`  ADOBE_SIGN_REFRESH_TOKEN: ${g.enc(ar)}`, 'adobe', ar);
  s.s(`  DB_PASSWORD: ${g.enc(db)}`, 'generic', db);
  s.s(`  docusign.key: ${g.enc(rsa.join('\n') + '\n')}`, 'private-key', rsa.join('\n'));
  s.d(`  LOG_LEVEL: ${g.enc('info')}`, 'base64 of a plain setting');

  const d = repo.file('deploy/k8s/esign/deployment.yaml', 'k8s');
  const adSec = g.adobeSecret();
  const ksPw = g.plain(16);
  d.l(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: esign-service',
    '  namespace: esign',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: esign',
  );
  d.d(`          image: lexvault.azurecr.io/esign-service@sha256:${t.sha256()}`, 'image digest');
  d.l(
    '          env:',
    '            - name: SPRING_PROFILES_ACTIVE',
    '              value: prod',
    '            - name: ESIGN_DB_PASSWORD',
    '              valueFrom:',
    '                secretKeyRef:',
  );
  d.d('                  name: esign-secrets', 'secretKeyRef name');
  d.d('                  key: DB_PASSWORD', 'secretKeyRef key');
  d.l('            - name: ADOBE_SIGN_CLIENT_SECRET');
  d.s(`              value: "${adSec}"`, 'adobe', adSec);
  d.l('            - name: JAVA_TOOL_OPTIONS');
  d.s(
    `              value: "-Xmx1g -Djavax.net.ssl.keyStore=/etc/esign/esign.p12 -Djavax.net.ssl.keyStorePassword=${ksPw}"`,
    'generic',
    ksPw,
  );
  d.l(
    '---',
    'apiVersion: secrets-store.csi.x-k8s.io/v1',
    'kind: SecretProviderClass',
    'metadata:',
    '  name: esign-kv',
    'spec:',
    '  provider: azure',
    '  parameters:',
  );
  d.d('    keyvaultName: kv-lexvault-prod', 'key vault name');
  d.d(`    tenantId: ${t.uuid()}`, 'tenant id');
  d.l('    objects: |', '      array:', '        - |');
  d.d('          objectName: docusign-private-key', 'key vault object name');
  d.l('          objectType: secret');

  const e = repo.file('deploy/k8s/elastic/elasticsearch.yaml', 'k8s');
  const ep = g.elasticPw();
  const azk = t.azureStorageKey();
  e.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: docs-es-elastic-user',
    '  namespace: elastic',
    'type: Opaque',
    'stringData:',
  );
  e.s(`  elastic: "${ep}"`, 'generic', ep);
  e.l(
    '---',
    'apiVersion: elasticsearch.k8s.elastic.co/v1',
    'kind: Elasticsearch',
    'metadata:',
    '  name: docs',
    'spec:',
    '  version: 8.13.4',
    '  secureSettings:',
  );
  e.d('    - secretName: es-azure-repo-creds', 'secret name');
  e.l('  nodeSets:', '    - name: default', '      count: 3', '      config:', '        node.store.allow_mmap: false');
  e.l(
    '---',
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: es-azure-repo-creds',
    '  namespace: elastic',
    'stringData:',
  );
  e.d('  azure.client.default.account: lexvaultesbackups', 'storage account name');
  e.s(`  azure.client.default.key: ${azk}`, 'azure', azk);

  const kb = repo.file('deploy/kibana/kibana.yml', 'k8s');
  const st = g.esServiceToken();
  kb.l(
    'server.publicBaseUrl: "https://kibana.corp.lexvault.local"',
    'elasticsearch.hosts: ["https://es-prod.corp.lexvault.local:9200"]',
  );
  kb.s(`elasticsearch.serviceAccountToken: "${st}"`, 'elastic', st);
  kb.d('xpack.reporting.encryptionKey: "${REPORTING_KEY}"', 'env reference');
  kb.l('elasticsearch.ssl.certificateAuthorities: ["/etc/kibana/certs/ca.crt"]');

  const h = repo.file('deploy/helm/docs-service/values-prod.yaml', 'k8s');
  const hbs = g.boxSecret();
  const hbp = g.boxPass();
  const hes = g.gen(20);
  const acr = g.acrPw();
  h.l('image:', '  repository: lexvault.azurecr.io/docs-service', '  tag: "2.14.3"');
  h.d(`  digest: sha256:${t.sha256()}`, 'image digest');
  h.l('imagePullSecrets:');
  h.d('  - name: acr-pull', 'secret name');
  h.l('box:', `  enterpriseId: "${t.digits(9)}"`);
  h.d(`  clientId: ${g.boxId()}`, 'box client id');
  h.s(`  clientSecret: ${hbs}`, 'box', hbs);
  h.s(`  jwtPassphrase: "${hbp}"`, 'box', hbp);
  h.l('elasticsearch:', '  host: es-prod.corp.lexvault.local', '  username: docs_indexer');
  h.s(`  password: "${hes}"`, 'generic', hes);
  h.d('  existingSecret: ""', 'empty');
  h.l('registry:');
  const dcj = g.enc(
    JSON.stringify({
      auths: { 'lexvault.azurecr.io': { username: 'lexvault', password: acr, auth: g.enc(`lexvault:${acr}`) } },
    }),
  );
  h.s(`  dockerconfigjson: ${dcj}`, 'azure', acr);

  const cm = repo.file('deploy/k8s/ocr/configmap.yaml', 'k8s');
  const abPw = g.gen(18);
  const es = g.esKey();
  cm.l('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: ocr-worker-config', '  namespace: ocr', 'data:');
  cm.d('  AZURE_DI_ENDPOINT: https://lexvault-ocr-prod.cognitiveservices.azure.com/', 'url');
  cm.d('  ABBYY_APPLICATION_ID: LexVault-OCR-Prod', 'application id');
  cm.s(`  ABBYY_PASSWORD: "${abPw}"`, 'generic', abPw);
  cm.l('  OCR_LANGUAGES: eng+fra+deu');
  cm.s(`  ES_API_KEY: "${es.encoded}"`, 'elastic', es.key);
  cm.d('  BLOB_CONTAINER_URL: https://lexvaultocrprod.blob.core.windows.net/incoming-scans', 'url without sas');

  const ss = repo.file('deploy/k8s/ocr/sealed-ocr.yaml', 'encrypted');
  ss.l(
    'apiVersion: bitnami.com/v1alpha1',
    'kind: SealedSecret',
    'metadata:',
    '  name: ocr-secrets',
    '  namespace: ocr',
    'spec:',
    '  encryptedData:',
  );
  ss.d(`    AZURE_DI_KEY: AgB${g.b64(600)}==`, 'sealed secret');
  ss.d(`    ABBYY_PASSWORD: AgA${g.b64(600)}==`, 'sealed secret');

  const sops = repo.file('deploy/k8s/overlays/prod/docs-secrets.enc.yaml', 'encrypted');
  sops.l('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: docs-secrets', 'stringData:');
  sops.d(`  BOX_CLIENT_SECRET: ENC[AES256_GCM,data:${g.b64(44)},iv:${g.b64(43)}=,tag:${g.b64(22)}==,type:str]`, 'sops');
  sops.d(
    `  DROPBOX_REFRESH_TOKEN: ENC[AES256_GCM,data:${g.b64(88)},iv:${g.b64(43)}=,tag:${g.b64(22)}==,type:str]`,
    'sops',
  );
  sops.l(
    'sops:',
    '  azure_kv:',
    '    - vault_url: https://kv-lexvault-prod.vault.azure.net',
    '      name: sops-key',
    '  version: 3.8.1',
  );

  const sc = repo.file('deploy/k8s/ldap/sssd-configmap.yaml', 'k8s');
  const ssPw = g.gen(22);
  sc.l(
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: sssd-conf',
    'data:',
    '  sssd.conf: |',
    '    [sssd]',
    '    domains = corp.lexvault.local',
    '    services = nss, pam',
  );
  sc.l(
    '    [domain/corp.lexvault.local]',
    '    id_provider = ldap',
    '    ldap_uri = ldaps://dc01.corp.lexvault.local',
    '    ldap_search_base = DC=corp,DC=lexvault,DC=local',
  );
  sc.l(
    '    ldap_default_bind_dn = CN=svc_sssd,OU=Service Accounts,DC=corp,DC=lexvault,DC=local',
    '    ldap_default_authtok_type = password',
  );
  sc.s(`    ldap_default_authtok = ${ssPw}`, 'generic', ssPw);
  sc.l('    ldap_tls_reqcert = demand');

  const osu = repo.file('deploy/opensearch/internal_users.yml', 'k8s');
  osu.l('_meta:', '  type: "internalusers"', '  config_version: 2', 'admin:');
  osu.d(`  hash: "$2y$12$${t.mixed(ALNUM + './', 53)}"`, 'bcrypt hash');
  osu.l('  reserved: true', '  backend_roles: ["admin"]', 'audit_writer:');
  osu.d(`  hash: "$2y$12$${t.mixed(ALNUM + './', 53)}"`, 'bcrypt hash');
  const osd = repo.file('deploy/opensearch/opensearch_dashboards.yml', 'k8s');
  const osdPw = g.human();
  osd.l('opensearch.hosts: [https://opensearch-audit:9200]', 'opensearch.username: kibanaserver');
  osd.s(`opensearch.password: "${osdPw}"`, 'generic', osdPw);
  osd.l('opensearch.ssl.verificationMode: certificate');
}

// ---- Terraform (Azure + AWS) ---------------------------------------------------------------

function terraform(repo, t, g) {
  const m = repo.file('infra/terraform/azure/main.tf', 'terraform');
  const be = t.azureStorageKey();
  const cs = g.azSecret();
  const sqlPw = g.gen(24);
  const ds = g.dsSecret();
  const vmPw = g.human();
  const cloudEs = g.elasticPw();
  m.l(
    'terraform {',
    '  required_providers {',
    '    azurerm = { source = "hashicorp/azurerm", version = "~> 3.110" }',
    '    azuread = { source = "hashicorp/azuread", version = "~> 2.53" }',
    '  }',
  );
  m.l(
    '  backend "azurerm" {',
    '    resource_group_name  = "rg-tfstate"',
    '    storage_account_name = "lexvaulttfstate"',
    '    container_name       = "tfstate"',
    '    key                  = "prod.terraform.tfstate"',
  );
  m.s(`    access_key           = "${be}"`, 'azure', be);
  m.l('  }', '}', '', 'provider "azurerm" {', '  features {}');
  m.d(`  subscription_id = "${t.uuid()}"`, 'subscription id');
  m.d(`  tenant_id       = "${t.uuid()}"`, 'tenant id');
  m.d(`  client_id       = "${t.uuid()}"`, 'client id');
  m.s(`  client_secret   = "${cs}"`, 'azure', cs);
  m.l('}', '', 'resource "azuread_application_password" "esign" {');
  m.d('  application_id    = azuread_application.esign.id', 'resource reference');
  m.l('  display_name      = "esign-prod"', '  end_date_relative = "8760h"', '}', '');
  m.l(
    'resource "azurerm_mssql_server" "dms" {',
    '  name                         = "lexvault-sql-prod"',
    '  resource_group_name          = azurerm_resource_group.data.name',
    '  version                      = "12.0"',
    '  administrator_login          = "lvsqladmin"',
  );
  m.s(`  administrator_login_password = "${sqlPw}"`, 'generic', sqlPw);
  m.l('}', '', 'resource "azurerm_key_vault_secret" "docusign" {', '  name         = "docusign-secret-key"');
  m.s(`  value        = "${ds}"`, 'docusign', ds);
  m.l(
    '  key_vault_id = azurerm_key_vault.main.id',
    '}',
    '',
    'resource "azurerm_key_vault_secret" "box" {',
    '  name         = "box-client-secret"',
  );
  m.d('  value        = var.box_client_secret', 'variable reference');
  m.l(
    '  key_vault_id = azurerm_key_vault.main.id',
    '}',
    '',
    'resource "azurerm_linux_virtual_machine" "ocr" {',
    '  name           = "vm-ocr-prod-01"',
    '  size           = "Standard_D8s_v5"',
    '  admin_username = "ocradmin"',
  );
  m.s(`  admin_password = "${vmPw}"`, 'generic', vmPw);
  m.l('  disable_password_authentication = false');
  const cloudInit = [
    '#cloud-config',
    'write_files:',
    '  - path: /etc/ocr/agent.env',
    '    permissions: "0600"',
    '    content: |',
    '      ES_URL=https://es-prod.corp.lexvault.local:9200',
    '      ES_USER=ocr_writer',
    `      ES_PASSWORD=${cloudEs}`,
    'runcmd:',
    '  - systemctl enable --now ocr-agent',
    '',
  ].join('\n');
  m.s(`  custom_data    = "${g.enc(cloudInit)}"`, 'generic', cloudEs);
  m.l('}', '', 'resource "azurerm_windows_virtual_machine" "sqlvm" {', '  admin_username = "lvadmin"');
  m.d('  admin_password = random_password.sqlvm.result', 'resource reference');
  m.l('}');

  const v = repo.file('infra/terraform/azure/variables.tf', 'terraform');
  v.l('variable "box_client_secret" {', '  type      = string');
  v.d('  sensitive = true', 'attribute');
  v.l('}', '', 'variable "elastic_password" {', '  type    = string');
  v.d('  default = ""', 'empty');
  v.l('}');

  const tv = repo.file('infra/terraform/azure/terraform.tfvars', 'terraform');
  const tvCs = g.azSecret();
  const tvEs = g.elasticPw();
  const tvDs = g.dsSecret();
  tv.l('location = "westeurope"');
  tv.s(`sp_client_secret    = "${tvCs}"`, 'azure', tvCs);
  tv.s(`elastic_password    = "${tvEs}"`, 'generic', tvEs);
  tv.s(`docusign_secret_key = "${tvDs}"`, 'docusign', tvDs);
  tv.d(`docusign_integration_key = "${t.uuid()}"`, 'docusign integration key (client id)');
  tv.d('pagerduty_token     = "REPLACE_ME"', 'placeholder');

  const o = repo.file('infra/terraform/azure/outputs.tf', 'terraform');
  o.l('output "sql_admin_password" {');
  o.d('  value     = azurerm_mssql_server.dms.administrator_login_password', 'resource reference');
  o.l('  sensitive = true', '}', 'output "esign_client_secret" {');
  o.d('  value     = azuread_application_password.esign.value', 'resource reference');
  o.l('  sensitive = true', '}');

  const st = repo.file('infra/terraform/azure/terraform.tfstate.backup', 'terraform');
  const stSec = g.azSecret();
  const stKey = t.azureStorageKey();
  st.l('{', '  "version": 4,', '  "terraform_version": "1.8.5",', '  "serial": 118,');
  st.d(`  "lineage": "${t.uuid()}",`, 'uuid lineage');
  st.l(
    '  "resources": [',
    '    {',
    '      "mode": "managed",',
    '      "type": "azuread_application_password",',
    '      "name": "esign",',
    '      "instances": [',
    '        {',
    '          "attributes": {',
  );
  st.d(`            "application_id": "/applications/${t.uuid()}",`, 'object id');
  st.d(`            "key_id": "${t.uuid()}",`, 'key id');
  st.s(`            "value": "${stSec}",`, 'azure', stSec);
  st.l(
    '            "display_name": "esign-prod"',
    '          }',
    '        }',
    '      ]',
    '    },',
    '    {',
    '      "mode": "managed",',
    '      "type": "azurerm_storage_account",',
    '      "name": "docs",',
    '      "instances": [',
    '        {',
    '          "attributes": {',
  );
  st.s(`            "primary_access_key": "${stKey}",`, 'azure', stKey);
  st.s(
    `            "primary_connection_string": "DefaultEndpointsProtocol=https;AccountName=lexvaultdocs;AccountKey=${stKey};EndpointSuffix=core.windows.net",`,
    'azure',
    stKey,
  );
  st.l('            "name": "lexvaultdocs"', '          }', '        }', '      ]', '    }', '  ]', '}');

  const aw = repo.file('infra/terraform/aws/main.tf', 'terraform');
  const ak = t.awsId();
  const as = t.awsSecret();
  const osPw = g.gen(20);
  const ssm = g.gen(18);
  aw.l('provider "aws" {', '  region     = "us-east-1"');
  aw.s(`  access_key = "${ak}"`, 'aws', ak);
  aw.s(`  secret_key = "${as}"`, 'aws', as);
  aw.l(
    '}',
    '',
    'resource "aws_opensearch_domain" "audit" {',
    '  domain_name    = "lexvault-audit"',
    '  engine_version = "OpenSearch_2.13"',
    '  advanced_security_options {',
    '    enabled                        = true',
    '    internal_user_database_enabled = true',
    '    master_user_options {',
    '      master_user_name     = "audit_admin"',
  );
  aw.s(`      master_user_password = "${osPw}"`, 'generic', osPw);
  aw.l('    }', '  }', '}', '', 'resource "aws_db_instance" "wp" {', '  engine   = "mysql"', '  username = "wpadmin"');
  aw.d('  password = random_password.wp.result', 'resource reference');
  aw.l(
    '}',
    '',
    'resource "aws_iam_access_key" "ses_smtp" {',
    '  user = aws_iam_user.ses_smtp.name',
    '}',
    '',
    'output "ses_smtp_password" {',
  );
  aw.d('  value     = aws_iam_access_key.ses_smtp.ses_smtp_password_v4', 'resource reference');
  aw.l(
    '  sensitive = true',
    '}',
    '',
    'resource "aws_ssm_parameter" "abbyy" {',
    '  name  = "/ocr/abbyy/password"',
    '  type  = "SecureString"',
  );
  aw.s(`  value = "${ssm}"`, 'generic', ssm);
  aw.l('}', '', 'resource "aws_textract_adapter" "contracts" {');
  aw.d(`  kms_key_id = "arn:aws:kms:us-east-1:${t.digits(12)}:key/${t.uuid()}"`, 'kms arn');
  aw.l('}');

  const lk = repo.file('infra/terraform/aws/.terraform.lock.hcl', 'terraform');
  lk.l('provider "registry.terraform.io/hashicorp/aws" {', '  version = "5.54.1"', '  hashes = [');
  lk.d(`    "h1:${g.enc(Buffer.from(t.pick(HEX, 64), 'hex'))}",`, 'provider hash');
  lk.d(`    "zh:${t.sha256()}",`, 'provider hash');
  lk.d(`    "zh:${t.sha256()}",`, 'provider hash');
  lk.l('  ]', '}');
}

// ---- Bicep and ARM -------------------------------------------------------------------------

function bicepArm(repo, t, g) {
  const b = repo.file('infra/bicep/main.bicep', 'bicep');
  const sqlPw = g.gen(22);
  const smtpPw = g.human();
  const es = g.esKey();
  const az = g.azSecret();
  b.l("@description('SQL admin password for the DMS database')", '@secure()');
  b.s(`param sqlAdminPassword string = '${sqlPw}'`, 'generic', sqlPw);
  b.l('', '@secure()');
  b.d('param docusignSecretKey string', 'secure param without default');
  b.l('param location string = resourceGroup().location');
  b.d(`param adminObjectId string = '${t.uuid()}'`, 'object id');
  b.l('', "resource kv 'Microsoft.KeyVault/vaults@2023-07-01' existing = {", "  name: 'kv-lexvault-prod'", '}', '');
  b.l("module portal 'modules/appservice.bicep' = {", "  name: 'matter-portal'", '  params: {');
  b.d("    boxClientSecret: kv.getSecret('box-client-secret')", 'key vault getSecret');
  b.s(`    smtpPassword: '${smtpPw}'`, 'generic', smtpPw);
  b.s(`    esApiKey: '${es.encoded}'`, 'elastic', es.key);
  b.l('    docusignSecretKey: docusignSecretKey', '  }', '}', '');
  b.l("resource storage 'Microsoft.Storage/storageAccounts@2023-01-01' existing = {", "  name: 'lexvaultdocs'", '}');
  b.d('output storageKey string = storage.listKeys().keys[0].value', 'listKeys expression');
  b.l(
    '',
    "resource appSettings 'Microsoft.Web/sites/config@2022-09-01' = {",
    "  name: 'matter-portal-prod/appsettings'",
    '  properties: {',
  );
  b.s(`    AzureAd__ClientSecret: '${az}'`, 'azure', az);
  b.d(`    DocuSign__IntegrationKey: '${t.uuid()}'`, 'docusign integration key (client id)');
  b.l("    WEBSITE_RUN_FROM_PACKAGE: '1'", '  }', '}');

  const p = repo.file('infra/bicep/main.parameters.prod.json', 'bicep');
  const pSql = g.gen(22);
  const pVm = g.human();
  p.l(
    '{',
    '  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",',
    '  "contentVersion": "1.0.0.0",',
    '  "parameters": {',
    '    "sqlAdminPassword": {',
  );
  p.s(`      "value": "${pSql}"`, 'generic', pSql);
  p.l('    },', '    "docusignSecretKey": {', '      "reference": {', '        "keyVault": {');
  p.d(
    `          "id": "/subscriptions/${t.uuid()}/resourceGroups/rg-security/providers/Microsoft.KeyVault/vaults/kv-lexvault-prod"`,
    'key vault resource id',
  );
  p.l('        },');
  p.d('        "secretName": "docusign-secret-key"', 'key vault secret name');
  p.l('      }', '    },');
  p.s(`    "vmAdminPassword": { "value": "${pVm}" }`, 'generic', pVm);
  p.l('  }', '}');

  const arm = repo.file('infra/arm/ocr-vm/azuredeploy.json', 'bicep');
  const aPw = g.gen(20);
  const cmdPw = g.plain(16);
  const sk = t.azureStorageKey();
  arm.l(
    '{',
    '  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",',
    '  "contentVersion": "1.0.0.0",',
    '  "parameters": {',
  );
  arm.l('    "adminUsername": { "type": "string", "defaultValue": "ocradmin" },');
  arm.s(`    "adminPassword": { "type": "securestring", "defaultValue": "${aPw}" },`, 'generic', aPw);
  arm.d('    "abbyyLicense": { "type": "securestring" }', 'securestring without default');
  arm.l(
    '  },',
    '  "resources": [',
    '    {',
    '      "type": "Microsoft.Compute/virtualMachines",',
    '      "name": "vm-ocr-win-01",',
    '      "properties": {',
    '        "osProfile": {',
    '          "adminUsername": "[parameters(\'adminUsername\')]",',
  );
  arm.d('          "adminPassword": "[parameters(\'adminPassword\')]"', 'arm parameter expression');
  arm.l(
    '        }',
    '      }',
    '    },',
    '    {',
    '      "type": "Microsoft.Compute/virtualMachines/extensions",',
    '      "name": "vm-ocr-win-01/install-agent",',
    '      "properties": {',
    '        "publisher": "Microsoft.Compute",',
    '        "type": "CustomScriptExtension",',
  );
  arm.l(
    '        "settings": { "fileUris": ["https://lexvaultdeploy.blob.core.windows.net/scripts/Install-OcrAgent.ps1"] },',
    '        "protectedSettings": {',
  );
  arm.s(
    `          "commandToExecute": "powershell -ExecutionPolicy Bypass -File Install-OcrAgent.ps1 -ServicePassword ${cmdPw}",`,
    'generic',
    cmdPw,
  );
  arm.l('          "storageAccountName": "lexvaultdeploy",');
  arm.s(`          "storageAccountKey": "${sk}"`, 'azure', sk);
  arm.l('        }', '      }', '    }', '  ]', '}');
}

// ---- CI: Azure DevOps and GitHub Actions ---------------------------------------------------

function ci(repo, t, g) {
  const a = repo.file('azure-pipelines.yml', 'ci');
  const sa = g.gen(20);
  const ng = g.nuget();
  const bt = g.boxToken();
  const az = g.azSecret();
  a.l('trigger:', '  branches:', '    include: [main]', 'pool:', '  vmImage: windows-latest', 'variables:');
  a.d('  - group: lexvault-prod-secrets', 'variable group');
  a.l('  - name: buildConfiguration', '    value: Release', '  - name: SQL_SA_PASSWORD');
  a.s(`    value: '${sa}'`, 'generic', sa);
  a.l('steps:', '  - task: NuGetAuthenticate@1', '  - script: dotnet restore --configfile nuget.config');
  a.s(
    `  - script: dotnet nuget push artifacts/*.nupkg --source https://api.nuget.org/v3/index.json --api-key ${ng}`,
    'nuget',
    ng,
  );
  a.d(
    '  - script: git clone https://$(System.AccessToken)@dev.azure.com/lexvault/DMS/_git/templates',
    'pipeline variable',
  );
  a.l('  - powershell: |');
  a.s(`      Write-Host "##vso[task.setvariable variable=BoxToken;issecret=true]${bt}"`, 'box', bt);
  a.l('  - task: AzureCLI@2', '    inputs:');
  a.d("      azureSubscription: 'sc-lexvault-prod'", 'service connection name');
  a.l('      scriptType: pscore', '      scriptLocation: inlineScript', '      inlineScript: |');
  a.s(`        az login --service-principal -u ${t.uuid()} -p ${az} --tenant ${t.uuid()}`, 'azure', az);
  a.d('  - script: sqlcmd -S localhost -U sa -P "$(SQL_SA_PASSWORD)" -i db/seed.sql', 'pipeline variable');

  const r = repo.file('.azuredevops/pipelines/release-docs.yml', 'ci');
  const acr = g.acrPw();
  const pat = g.adoPat();
  r.l(
    'stages:',
    '  - stage: deploy',
    '    jobs:',
    '      - job: helm',
    '        steps:',
    '          - task: AzureKeyVault@2',
    '            inputs:',
    '              azureSubscription: sc-lexvault-prod',
    '              KeyVaultName: kv-lexvault-prod',
  );
  r.d("              SecretsFilter: 'box-client-secret,es-password'", 'key vault secret names');
  r.l('          - bash: |');
  r.s(`              helm registry login lexvault.azurecr.io --username lexvault --password '${acr}'`, 'azure', acr);
  r.d(
    '              helm upgrade --install docs-service ./deploy/helm/docs-service -f deploy/helm/docs-service/values-prod.yaml --set box.clientSecret=$(box-client-secret)',
    'pipeline variable',
  );
  r.s(
    `          - script: git push https://build:${pat}@dev.azure.com/lexvault/DMS/_git/docs-service HEAD:refs/heads/release`,
    'azure-devops',
    pat,
  );

  const gm = repo.file('.github/workflows/deploy-marketing.yml', 'ci');
  const wpe = g.plain(20);
  const hook = t.slackWebhook();
  const sftp = g.human();
  gm.l(
    'name: deploy-marketing',
    'on:',
    '  push:',
    '    branches: [main]',
    "    paths: ['marketing/wordpress/**']",
    'jobs:',
    '  deploy:',
    '    runs-on: ubuntu-latest',
    '    steps:',
  );
  gm.d(`      - uses: actions/checkout@${t.sha1()} # v4`, 'pinned action sha');
  gm.l('      - name: rsync to WP Engine', '        env:');
  gm.d('          WPE_SSHG_KEY_PRIVATE: ${{ secrets.WPE_SSHG_KEY_PRIVATE }}', 'actions secret reference');
  gm.l('        run: ./marketing/bin/deploy.sh', '      - name: purge cache');
  gm.s(
    `        run: curl -s -u lexvault-deploy:${wpe} -X POST https://api.wpengineapi.com/v1/installs/${t.uuid()}/purge_cache`,
    'generic',
    wpe,
  );
  gm.l('      - name: notify', '        run: |');
  gm.s(
    `          curl -X POST -H 'Content-type: application/json' --data '{"text":"marketing deployed"}' ${hook}`,
    'slack',
    hook,
  );
  gm.l(
    '      - name: sftp fallback',
    '        if: failure()',
    '        uses: wlixcc/SFTP-Deploy-Action@v1.2.4',
    '        with:',
    '          username: lexvaultmkt-sftp',
    '          server: lexvaultmkt.sftp.wpengine.com',
  );
  gm.s(`          password: '${sftp}'`, 'generic', sftp);

  const go = repo.file('.github/workflows/ocr-ci.yml', 'ci');
  const di = g.cogKey();
  const gh = g.ghFine();
  go.l('name: ocr-ci', 'on: [pull_request]', 'env:', '  AWS_DEFAULT_REGION: us-east-1');
  go.d(`  AWS_ROLE_TO_ASSUME: arn:aws:iam::${t.digits(12)}:role/ocr-ci`, 'role arn');
  go.d('  GOOGLE_APPLICATION_CREDENTIALS: ${{ github.workspace }}/gcp.json', 'actions expression');
  go.l('jobs:', '  test:', '    runs-on: ubuntu-latest', '    steps:');
  go.d('      - run: echo "${{ secrets.GCP_SA_JSON }}" > gcp.json', 'actions secret reference');
  go.l('      - run: pytest -q pipelines/ocr', '        env:');
  go.s(`          AZURE_DI_KEY: ${di}`, 'azure', di);
  go.s(`          GH_PACKAGES_TOKEN: ${gh}`, 'github', gh);
}

// ---- Docker --------------------------------------------------------------------------------

function docker(repo, t, g) {
  const c = repo.file('docker-compose.yml', 'docker');
  const sa = g.gen(20);
  const ep = g.elasticPw();
  const os = g.gen(18);
  const ldap = g.human();
  const my = g.plain(20);
  c.l(
    'services:',
    '  mssql:',
    '    image: mcr.microsoft.com/mssql/server:2022-latest',
    '    environment:',
    '      ACCEPT_EULA: "Y"',
  );
  c.s(`      MSSQL_SA_PASSWORD: "${sa}"`, 'generic', sa);
  c.l(
    '  elasticsearch:',
    '    image: docker.elastic.co/elasticsearch/elasticsearch:8.13.4',
    '    environment:',
    '      - discovery.type=single-node',
  );
  c.s(`      - ELASTIC_PASSWORD=${ep}`, 'generic', ep);
  c.l(
    '      - xpack.security.enabled=true',
    '  opensearch:',
    '    image: opensearchproject/opensearch:2.13.0',
    '    environment:',
  );
  c.s(`      - OPENSEARCH_INITIAL_ADMIN_PASSWORD=${os}`, 'generic', os);
  c.l(
    '  openldap:',
    '    image: osixia/openldap:1.5.0',
    '    environment:',
    '      LDAP_ORGANISATION: LexVault',
    '      LDAP_DOMAIN: corp.lexvault.local',
  );
  c.s(`      LDAP_ADMIN_PASSWORD: "${ldap}"`, 'generic', ldap);
  c.d('      LDAP_CONFIG_PASSWORD: ${LDAP_CONFIG_PASSWORD:-}', 'env interpolation');
  c.l('  wordpress-db:', '    image: mysql:8.0', '    environment:');
  c.s(`      MYSQL_ROOT_PASSWORD: ${my}`, 'generic', my);
  c.d('      MYSQL_PASSWORD: ${WP_DB_PASSWORD}', 'env interpolation');

  const d = repo.file('services/esign-service/Dockerfile', 'docker');
  const pat = g.adoPat();
  d.d(`FROM eclipse-temurin:21-jre@sha256:${t.sha256()}`, 'image digest');
  d.s(`ARG AZURE_ARTIFACTS_PAT=${pat}`, 'azure-devops', pat);
  d.d(
    'RUN --mount=type=secret,id=maven_settings,target=/root/.m2/settings.xml mvn -B -q package -DskipTests',
    'build secret mount',
  );
  d.d('ENV JAVA_OPTS="-Djavax.net.ssl.trustStorePassword=changeit"', 'jdk default truststore password');
  d.d('ENV DOCUSIGN_PRIVATE_KEY_PATH=/run/secrets/docusign.key', 'file path');
  d.l('ENTRYPOINT ["java", "-jar", "/app/esign-service.jar"]');

  const w = repo.file('marketing/wordpress/Dockerfile', 'docker');
  const wp = g.plain(20);
  w.l('FROM wordpress:6.5-php8.2-apache', 'ENV WORDPRESS_DB_HOST=wordpress-db:3306', 'ENV WORDPRESS_DB_USER=wp');
  w.s(`ENV WORDPRESS_DB_PASSWORD=${wp}`, 'generic', wp);
  w.d('ENV WORDPRESS_AUTH_KEY=${WORDPRESS_AUTH_KEY}', 'build arg reference');
  w.l('COPY wp-content/ /var/www/html/wp-content/');
}

// ---- LDAP / Active Directory ---------------------------------------------------------------

function directory(repo, t, g) {
  const l = repo.file('ops/ldap/bootstrap.ldif', 'ldap');
  const svc = g.gen(20);
  const scan = g.human();
  const ssha = () => `{SSHA}${g.b64(32)}`;
  l.l('dn: olcDatabase={1}mdb,cn=config', 'changetype: modify', 'replace: olcRootPW');
  l.d(`olcRootPW: ${ssha()}`, 'ssha hash');
  l.l(
    '',
    'dn: cn=svc_docsync,ou=Service Accounts,dc=corp,dc=lexvault,dc=local',
    'objectClass: inetOrgPerson',
    'cn: svc_docsync',
    'sn: svc_docsync',
  );
  l.s(`userPassword:: ${g.enc(svc)}`, 'generic', svc);
  l.l(
    '',
    'dn: uid=jmartin,ou=People,dc=corp,dc=lexvault,dc=local',
    'objectClass: inetOrgPerson',
    'cn: Julia Martin',
    'sn: Martin',
  );
  l.d(`userPassword: ${ssha()}`, 'ssha hash');
  l.l(
    '',
    'dn: uid=rpatel,ou=People,dc=corp,dc=lexvault,dc=local',
    'objectClass: inetOrgPerson',
    'cn: Ravi Patel',
    'sn: Patel',
  );
  l.d(`userPassword:: ${g.enc(ssha())}`, 'base64 of an ssha hash');
  l.l(
    '',
    'dn: cn=svc_scanner,ou=Service Accounts,dc=corp,dc=lexvault,dc=local',
    'objectClass: inetOrgPerson',
    'cn: svc_scanner',
    'sn: svc_scanner',
  );
  l.s(`userPassword: ${scan}`, 'generic', scan);

  const n = repo.file('ops/ldap/nslcd.conf', 'ldap');
  const bind = g.gen(22);
  n.l(
    'uri ldaps://dc01.corp.lexvault.local/',
    'base dc=corp,dc=lexvault,dc=local',
    'binddn cn=svc_nslcd,ou=Service Accounts,dc=corp,dc=lexvault,dc=local',
  );
  n.s(`bindpw ${bind}`, 'generic', bind);
  n.l('rootpwmoddn cn=admin,dc=corp,dc=lexvault,dc=local', 'tls_reqcert demand');

  const ini = repo.file('ops/ad/adsync/adsync.ini', 'ldap');
  const adPw = g.gen(24);
  const bs = g.boxSecret();
  ini.l('[ldap]', 'server = dc01.corp.lexvault.local', 'port = 636', 'bind_user = CORP\\svc_adsync');
  ini.s(`bind_password = ${adPw}`, 'generic', adPw);
  ini.l('group_filter = (memberOf=CN=Box Users,OU=Groups,DC=corp,DC=lexvault,DC=local)', '', '[box]');
  ini.d(`client_id = ${g.boxId()}`, 'box client id');
  ini.s(`client_secret = ${bs}`, 'box', bs);
  ini.l(`enterprise_id = ${t.digits(9)}`);
  ini.d('private_key_path = C:\\ProgramData\\AdSync\\box_private.pem', 'file path');
}

// ---- SMTP relays ---------------------------------------------------------------------------

function smtp(repo, t, g) {
  const s = repo.file('ops/smtp/postfix/sasl_passwd', 'smtp');
  const o = g.human();
  const sesId = t.awsId();
  const sesPw = g.sesPw();
  s.l('# relayhost credentials (run postmap after editing)');
  s.s(`[smtp.office365.com]:587 svc_relay@lexvault.com:${o}`, 'generic', o);
  s.s(`[email-smtp.us-east-1.amazonaws.com]:587 ${sesId}:${sesPw}`, 'aws', sesPw);
  const mc = repo.file('ops/smtp/postfix/main.cf', 'smtp');
  mc.l('relayhost = [smtp.office365.com]:587', 'smtp_sasl_auth_enable = yes');
  mc.d('smtp_sasl_password_maps = hash:/etc/postfix/sasl_passwd', 'file reference');
  mc.l('smtp_tls_security_level = encrypt');

  const m = repo.file('ops/smtp/msmtprc', 'smtp');
  const sg = t.sendgrid();
  m.l('defaults', 'tls on', '', 'account sendgrid', 'host smtp.sendgrid.net', 'port 587', 'auth on', 'user apikey');
  m.s(`password ${sg}`, 'sendgrid', sg);
  m.l('', 'account o365', 'host smtp.office365.com', 'user scanner@lexvault.com');
  m.d('passwordeval "cat /run/secrets/o365_relay"', 'password command');
  m.l('', 'account default : sendgrid');

  const mg = repo.file('ops/smtp/mailgun-bounces.sh', 'smtp');
  const mk = g.mailgun();
  mg.l('#!/usr/bin/env bash', 'set -euo pipefail');
  mg.s(
    `curl -s --user 'api:${mk}' https://api.eu.mailgun.net/v3/mg.lexvault.com/bounces | jq -r '.items[].address'`,
    'mailgun',
    mk,
  );
  mg.d('curl -s --user "api:${MAILGUN_API_KEY}" https://api.eu.mailgun.net/v3/mg.lexvault.com/complaints', 'variable');
}

// ---- Windows batch and PowerShell ----------------------------------------------------------

function windows(repo, t, g) {
  const b = repo.file('scripts/windows/map-drives.bat', 'windows');
  const scan = g.plain(14);
  b.l('@echo off', 'REM Maps the matter shares for the scanning workstations', 'set SCAN_USER=CORP\\svc_scan');
  b.s(`net use S: \\\\fs01.corp.lexvault.local\\Matters /user:%SCAN_USER% ${scan} /persistent:yes`, 'generic', scan);
  b.d('net use T: \\\\fs02.corp.lexvault.local\\Templates /user:%SCAN_USER% %SCAN_PW% /persistent:yes', 'variable');
  b.d('set /p ADMIN_PW=Enter admin password: ', 'prompt');

  const n = repo.file('scripts/windows/nightly-backup.cmd', 'windows');
  const sa = g.plain(18);
  const ck = g.plain(16);
  n.l('@echo off', 'setlocal', 'set SQLCMD_USER=backup_op');
  n.s(
    `sqlcmd -S sql-prod-01 -U sa -P ${sa} -Q "BACKUP DATABASE LexDMS TO DISK='E:\\Backups\\LexDMS.bak' WITH COMPRESSION"`,
    'generic',
    sa,
  );
  n.s(`cmdkey /add:backup.corp.lexvault.local /user:CORP\\svc_backup /pass:${ck}`, 'generic', ck);
  n.l('robocopy E:\\Backups \\\\backup.corp.lexvault.local\\sql /MIR /R:2 /W:5');
  n.d(
    'curl -u svc_backup:%BACKUP_PASS% -T E:\\Backups\\LexDMS.bak https://backup.corp.lexvault.local/upload/',
    'variable',
  );

  const i = repo.file('scripts/windows/install-scanner-agent.bat', 'windows');
  const m1 = g.plain(16);
  const m2 = g.plain(16);
  const m3 = g.plain(16);
  i.l('@echo off');
  i.s(`msiexec /i ScanAgent.msi /qn SERVICEACCOUNT=CORP\\svc_scan SERVICEPASSWORD=${m1}`, 'generic', m1);
  i.s(`sc.exe config "LexScanAgent" obj= "CORP\\svc_scan" password= "${m2}"`, 'generic', m2);
  i.s(
    `schtasks /create /tn "OCR Sweep" /tr "C:\\ocr\\sweep.cmd" /sc hourly /ru CORP\\svc_ocr /rp ${m3}`,
    'generic',
    m3,
  );

  const s = repo.file('scripts/powershell/Sync-SharePoint.ps1', 'windows');
  const acs = g.spLegacy();
  const gs = g.azSecret();
  s.l('param(', '    [string]$SiteUrl = "https://lexvault.sharepoint.com/sites/Matters",');
  s.d(`    [string]$ClientId = "${t.uuid()}"`, 'client id');
  s.l(
    ')',
    "$ErrorActionPreference = 'Stop'",
    'Import-Module PnP.PowerShell',
    '# app-only (ACS) - secret from appregnew.aspx, valid until 2026-02-01',
  );
  s.s(`Connect-PnPOnline -Url $SiteUrl -ClientId $ClientId -ClientSecret "${acs}" -WarningAction Ignore`, 'azure', acs);
  s.s(`$graphSecret = ConvertTo-SecureString "${gs}" -AsPlainText -Force`, 'azure', gs);
  s.d(`$cred = New-Object System.Management.Automation.PSCredential("${t.uuid()}", $graphSecret)`, 'variable');
  s.d(`Connect-MgGraph -TenantId "${t.uuid()}" -ClientSecretCredential $cred`, 'tenant id');
  s.d(
    '$kvSecret = Get-AzKeyVaultSecret -VaultName kv-lexvault-prod -Name box-client-secret -AsPlainText',
    'key vault lookup',
  );
  s.d('$pw = Read-Host -Prompt "Records admin password" -AsSecureString', 'prompt');

  const c = repo.file('scripts/powershell/Connect-Services.ps1', 'windows');
  const sv = g.gen(20);
  const bt = g.boxToken();
  const es = g.esKey();
  const mail = g.human();
  c.s(`$svcPassword = ConvertTo-SecureString "${sv}" -AsPlainText -Force`, 'generic', sv);
  c.l('$svcCred = New-Object System.Management.Automation.PSCredential ("CORP\\svc_dms", $svcPassword)');
  c.d(
    `$stored = ConvertTo-SecureString "01000000d08c9ddf0115d1118c7a00c04fc297eb01000000${t.pick(HEX, 460)}"`,
    'dpapi-encrypted string',
  );
  c.s(`$headers = @{ Authorization = "Bearer ${bt}" }`, 'box', bt);
  c.l(
    'Invoke-RestMethod -Uri "https://api.box.com/2.0/folders/0/items" -Headers $headers',
    '$esAuth = @{',
    '    Uri     = "https://es-prod.corp.lexvault.local:9200/_cluster/health"',
  );
  c.s(`    Headers = @{ Authorization = "ApiKey ${es.encoded}" }`, 'elastic', es.key);
  c.l(
    '}',
    'Invoke-RestMethod @esAuth',
    '$mailArgs = @{',
    '    SmtpServer = "smtp.office365.com"',
    '    Port       = 587',
    '    UseSsl     = $true',
  );
  c.s(
    `    Credential = New-Object PSCredential("noreply@lexvault.com", (ConvertTo-SecureString '${mail}' -AsPlainText -Force))`,
    'generic',
    mail,
  );
  c.l('}', 'Send-MailMessage @mailArgs -From noreply@lexvault.com -To it-ops@lexvault.com -Subject "sync done"');

  const j = repo.file('scripts/powershell/Join-OcrWorker.ps1', 'windows');
  const jp = g.gen(22);
  const la = g.human();
  j.s(
    `$joinCred = [pscredential]::new('CORP\\svc_domainjoin', (ConvertTo-SecureString -String '${jp}' -AsPlainText -Force))`,
    'generic',
    jp,
  );
  j.l(
    'Add-Computer -DomainName corp.lexvault.local -Credential $joinCred -OUPath "OU=OCR,OU=Servers,DC=corp,DC=lexvault,DC=local"',
  );
  j.s(
    `Set-LocalUser -Name Administrator -Password (ConvertTo-SecureString "${la}" -AsPlainText -Force)`,
    'generic',
    la,
  );
  j.d(
    'New-ADUser -Name svc_ocr2 -AccountPassword (Read-Host -AsSecureString "Initial password") -Enabled $true',
    'prompt',
  );
  j.l('Restart-Computer -Force');

  const ins = repo.file('scripts/powershell/Install-OcrAgent.ps1', 'windows');
  ins.l('param(');
  ins.d('    [Parameter(Mandatory)][string]$ServicePassword', 'parameter declaration');
  ins.l(')');
  ins.d(
    'Start-Process msiexec.exe -ArgumentList "/i OcrAgent.msi /qn SERVICEPASSWORD=$ServicePassword" -Wait',
    'variable',
  );

  const pf = repo.file('ops/home/jdoe/Documents/PowerShell/Microsoft.PowerShell_profile.ps1', 'windows');
  const pat = g.adoPat();
  pf.l('Set-Alias k kubectl', "$env:DOCUSIGN_ENV = 'demo'");
  pf.s(`$env:AZURE_DEVOPS_EXT_PAT = '${pat}'`, 'azure-devops', pat);
  pf.d('$env:ANTHROPIC_API_KEY = (Get-Secret -Name anthropic -AsPlainText)', 'secret management lookup');
}

// ---- Logs ----------------------------------------------------------------------------------

function logs(repo, t, g) {
  const e = repo.file('logs/esign-service/esign-2025-03-14.log', 'logs');
  const jdbc = g.gen(20);
  const dst = g.dsToken();
  const adt = g.adobeToken();
  const esPw = g.plain(18);
  const p = (ts, lvl, th, lg) => `2025-03-14 ${ts} ${lvl.padStart(5)} 1 --- [${th}] ${lg} :`;
  e.l(`${p('08:00:01.233', 'INFO', 'main', 'c.l.esign.EsignApplication')} Started EsignApplication in 9.812 seconds`);
  e.s(
    `${p('08:00:01.540', 'DEBUG', 'main', 'com.zaxxer.hikari.HikariConfig')} jdbcUrl.........................jdbc:sqlserver://sql-prod-01.corp.lexvault.local:1433;databaseName=ESign;user=esign_app;password=${jdbc}`,
    'database',
    jdbc,
  );
  e.d(
    `${p('08:00:01.541', 'DEBUG', 'main', 'com.zaxxer.hikari.HikariConfig')} password........................<masked>`,
    'masked',
  );
  e.s(
    `${p('08:02:17.902', 'DEBUG', 'nio-8443-exec-3', 'c.docusign.esign.client.ApiClient')} POST https://account.docusign.com/oauth/token -> 200 {"access_token":"${dst}","token_type":"Bearer","expires_in":3600}`,
    'docusign',
    dst,
  );
  e.d(
    `${p('08:02:18.114', 'INFO', 'nio-8443-exec-3', 'c.l.esign.envelope.EnvelopeService')} envelope ${t.uuid()} sent to 3 recipients (template ${t.uuid()})`,
    'uuid ids',
  );
  e.s(
    `${p('08:05:40.010', 'DEBUG', 'task-2', 'c.l.esign.adobe.AdobeSignClient')} token refresh ok, access_token=${adt} expires_in=3600`,
    'adobe',
    adt,
  );
  e.d(
    `${p('08:05:40.011', 'WARN', 'task-2', 'c.l.esign.adobe.AdobeSignClient')} agreement ${g.adobeClientId()} status OUT_FOR_SIGNATURE`,
    'adobe agreement id',
  );
  e.d(
    `${p('08:06:00.000', 'ERROR', 'task-4', 'o.s.ldap.core.LdapTemplate')} Authentication failed for CN=svc_esign: [LDAP: error code 49 - 80090308: LdapErr: DSID-0C09044E, comment: AcceptSecurityContext error, data 52e, v4563]`,
    'ldap error',
  );
  e.s(
    `${p('09:14:55.320', 'WARN', 'es-pool-1', 'c.l.esign.audit.AuditIndexer')} request failed: GET https://esign_writer:${esPw}@es-prod.corp.lexvault.local:9200/esign-audit/_search (503)`,
    'database',
    esPw,
  );

  const i = repo.file('logs/iis/W3SVC2/u_ex250314.log', 'logs');
  const legacy = g.plain(14);
  i.l('#Software: Microsoft Internet Information Services 10.0', '#Version: 1.0', '#Date: 2025-03-14 00:00:04');
  i.l(
    '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) sc-status sc-substatus sc-win32-status time-taken',
  );
  i.l(
    '2025-03-14 00:00:04 10.20.1.15 GET /api/matters/search q=merger&page=2 443 CORP\\akhan 10.20.8.44 Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64) 200 0 0 187',
  );
  i.d(
    `2025-03-14 00:01:10 10.20.1.15 GET /api/esign/status envelopeId=${t.uuid()} 443 CORP\\akhan 10.20.8.44 Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64) 200 0 0 92`,
    'uuid id',
  );
  i.s(
    `2025-03-14 00:07:55 10.20.1.15 GET /legacy/docsync.ashx user=svc_docsync&password=${legacy}&matter=2024-0117 443 - 10.20.9.3 DocSync/2.1 200 0 0 311`,
    'generic',
    legacy,
  );
  i.d('2025-03-14 00:09:01 10.20.1.15 POST /api/auth/token - 443 - 10.20.8.51 okhttp/4.12.0 200 0 0 48', 'no secret');

  const o = repo.file('logs/ocr/worker-2025-03-14.jsonl', 'logs');
  const es = g.esKey();
  const ck = g.cogKey();
  const dr = g.dbxRefresh();
  o.d(
    `{"ts":"2025-03-14T02:00:00Z","level":"INFO","msg":"batch started","batch_id":"${t.uuid()}","files":412}`,
    'uuid',
  );
  o.s(
    `{"ts":"2025-03-14T02:00:01Z","level":"DEBUG","logger":"elastic_transport","msg":"> POST /ocr-pages/_bulk","headers":{"authorization":"ApiKey ${es.encoded}","content-type":"application/x-ndjson"}}`,
    'elastic',
    es.key,
  );
  o.d(
    `{"ts":"2025-03-14T02:00:02Z","level":"DEBUG","logger":"azure.core.pipeline.policies.http_logging_policy","msg":"Request headers: 'Ocp-Apim-Subscription-Key': 'REDACTED'"}`,
    'redacted',
  );
  o.s(
    `{"ts":"2025-03-14T02:03:44Z","level":"ERROR","logger":"ocr_pipeline.clients","msg":"Document Intelligence 401 with Ocp-Apim-Subscription-Key ${ck}"}`,
    'azure',
    ck,
  );
  o.d(`{"ts":"2025-03-14T02:03:45Z","level":"INFO","msg":"page hash","sha256":"${t.sha256()}"}`, 'sha256');
  o.s(
    `{"ts":"2025-03-14T02:10:00Z","level":"WARNING","logger":"dropbox","msg":"Refreshing access token","refresh_token":"${dr}"}`,
    'dropbox',
    dr,
  );

  const sp = repo.file('logs/sharepoint-sync/sync-20250314.log', 'logs');
  const tenant = t.uuid();
  const appid = t.uuid();
  const sec = g.azSecret();
  const jwt = g.graphJwt(tenant, appid);
  sp.l('2025-03-14 03:00:00 [INF] Starting delta sync for https://lexvault.sharepoint.com/sites/Matters');
  sp.s(
    `2025-03-14 03:00:01 [DBG] MSAL 4.59.0 POST https://login.microsoftonline.com/${tenant}/oauth2/v2.0/token body: client_id=${appid}&client_secret=${sec}&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default&grant_type=client_credentials`,
    'azure',
    sec,
  );
  sp.d(`2025-03-14 03:00:02 [DBG] Token acquired, expires 2025-03-14T04:00:01Z, correlation ${t.uuid()}`, 'uuid');
  sp.d(
    `2025-03-14 03:00:02 [DBG] GET https://graph.microsoft.com/v1.0/sites/root Authorization: Bearer ${jwt}`,
    'expired access token (exp 2025-03-14T03:05Z, one hour after issue)',
  );
  sp.d(`2025-03-14 03:12:47 [WRN] Throttled (429), retry-after 30s, request-id ${t.uuid()}`, 'uuid');
}

// ---- Support-ticket exports ----------------------------------------------------------------

function support(repo, t, g) {
  const z = repo.file('support/exports/zendesk-tickets-2025-02.csv', 'support');
  const bs = g.boxSecret();
  const tmp = g.human();
  const az = g.azSecret();
  z.l('id,created_at,requester,subject,description,status');
  z.s(
    `48211,2025-02-03T14:22:10Z,m.okafor@harringtonlaw.com,"Cannot connect Box","Hi, our IT set up the Box integration but sync fails. Client ID ${g.boxId()} and secret ${bs} were entered in Settings > Integrations.",solved`,
    'box',
    bs,
  );
  z.s(
    `48219,2025-02-04T09:01:55Z,it@whitfieldco.com,"Password reset","Temp password for the firm admin account is ${tmp} - please change at first login. -- LexVault Support",closed`,
    'generic',
    tmp,
  );
  z.s(
    `48230,2025-02-06T16:40:12Z,sso@brandtpartners.de,"SSO broken","We rotated the Azure AD app secret, new value ${az} (expires in 24 months)",open`,
    'azure',
    az,
  );
  z.d(
    '48244,2025-02-07T11:15:00Z,paralegal@kwlaw.com,"Login","User says password is ********, account locked",solved',
    'masked',
  );
  z.d(
    `48251,2025-02-10T13:30:41Z,ops@greyfieldllp.com,"DocuSign","Their DocuSign integration key is ${t.uuid()} (client id, not secret)",solved`,
    'docusign integration key',
  );

  const jr = repo.file('support/exports/jira/SUP-1187.json', 'support');
  const ak = g.adobeToken();
  const hm = g.dsHmac();
  jr.l('{', '  "key": "SUP-1187",', '  "fields": {', '    "summary": "Adobe Sign webhook failing for Whitfield & Co",');
  jr.s(
    `    "description": "Customer cannot receive agreement events. Integration key from their admin console: ${ak}",`,
    'adobe',
    ak,
  );
  jr.l('    "comment": {', '      "comments": [');
  jr.s(
    `        { "author": "dpatel", "body": "Recomputed with their DocuSign Connect HMAC key ${hm} and the payload validates." },`,
    'docusign',
    hm,
  );
  jr.d(
    '        { "author": "lchen", "body": "Please do not paste keys in tickets, use the 1Password share instead." },',
    'prose',
  );
  jr.d(
    `        { "author": "dpatel", "body": "Sorry. For the record the agreement id is ${g.adobeClientId()}" }`,
    'adobe agreement id',
  );
  jr.l('      ]', '    }', '  }', '}');

  const ex = repo.file('support/tools/export_tickets.py', 'support');
  const zd = t.alnum(40);
  ex.l('import requests', '', 'SUBDOMAIN = "lexvault"', 'EMAIL = "support-bot@lexvault.com"');
  ex.s(`ZENDESK_TOKEN = "${zd}"`, 'zendesk', zd);
  ex.l(
    '',
    'def export(start):',
    '    url = f"https://{SUBDOMAIN}.zendesk.com/api/v2/incremental/tickets.json?start_time={start}"',
  );
  ex.d('    return requests.get(url, auth=(f"{EMAIL}/token", ZENDESK_TOKEN)).json()', 'variable');
}

// ---- Docs ----------------------------------------------------------------------------------

function docs(repo, t, g) {
  const d = repo.file('docs/runbooks/docusign-jwt-setup.md', 'docs');
  const ds = g.dsSecret();
  const rsa = t.rsaPem();
  const ik = t.uuid();
  d.l('# DocuSign JWT grant setup', '');
  d.d(
    `1. In Admin > Apps and Keys the prod integration key is \`${ik}\` (a public client id).`,
    'docusign integration key',
  );
  d.d(
    `2. Grant consent once: https://account.docusign.com/oauth/auth?response_type=code&scope=signature%20impersonation&client_id=${ik}&redirect_uri=https://esign.lexvault.com/callback`,
    'consent url',
  );
  d.s(`3. Secret key (auth code flow only): \`${ds}\``, 'docusign', ds);
  d.d('4. For local dev put `DOCUSIGN_SECRET_KEY=<your-secret-key>` in `.env`.', 'placeholder');
  d.l('', 'RSA key pair generated 2024-11-02 (prod):', '', '```');
  d.s(rsa, 'private-key', rsa.join('\n'));
  d.l('```', '', 'The public half (uploaded to DocuSign) is safe to share:', '', '```');
  d.d(g.pubPem(), 'public key');
  d.l('```');

  const e = repo.file('docs/runbooks/elastic-cluster.md', 'docs');
  const ep = g.elasticPw();
  const es = g.esKey();
  e.l('# Elasticsearch prod cluster', '', '```sh');
  e.s(`curl -k -u 'elastic:${ep}' https://es-prod.corp.lexvault.local:9200/_cat/indices?v`, 'generic', ep);
  e.s(
    `curl -H "Authorization: ApiKey ${es.encoded}" https://es-prod.corp.lexvault.local:9200/_security/_authenticate`,
    'elastic',
    es.key,
  );
  e.l('```', '', 'The Elastic docs use this example key:', '');
  e.d(
    '    Authorization: ApiKey VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==',
    'documented example key',
  );
  e.d('Use `curl -u elastic:$ELASTIC_PASSWORD` in scripts.', 'variable');

  const o = repo.file('docs/onboarding/it-accounts.md', 'docs');
  const tmp = g.human();
  const psk = g.human();
  o.l('# IT accounts for new staff', '');
  o.s(`New hires get the temporary AD password \`${tmp}\` and must change it at first logon.`, 'generic', tmp);
  o.s(`Guest Wi-Fi (LexVault-Guest) PSK: \`${psk}\` - rotated quarterly.`, 'generic', psk);
  o.d('Printers: admin / see the IT vault entry "printers".', 'prose');
  o.d(`The DocuSign account ID \`${t.uuid()}\` appears on invoices.`, 'docusign account id');

  const b = repo.file('docs/integrations/box.md', 'docs');
  const bt = g.boxToken();
  b.l('# Box integration', '', '## Developer token (local testing)', '');
  b.d(
    'Generate one in the developer console; it expires after 60 minutes: `BOX_DEVELOPER_TOKEN=<your-developer-token>`',
    'placeholder',
  );
  b.s(`Last used for the Harrington migration (Feb 12): \`${bt}\``, 'box', bt);
  b.d('The enterprise JWT app uses `box_config.json`; never commit the `passphrase` field.', 'prose');

  const r = repo.file('README.md', 'docs');
  r.l(
    '# LexVault platform',
    '',
    'Document management, e-signature and OCR services.',
    '',
    '## Local setup',
    '',
    '```sh',
  );
  r.d('export DOCUSIGN_INTEGRATION_KEY=<integration-key>', 'placeholder');
  r.d(
    'dotnet user-secrets set "AzureAd:ClientSecret" "<client-secret>" --project services/matter-portal/MatterPortal.Web',
    'placeholder',
  );
  r.d('export BOX_CLIENT_SECRET=${BOX_CLIENT_SECRET:?set me}', 'env reference');
  r.d('docker compose up -d mssql elasticsearch openldap', 'command');
  r.l('```');
}

// ---- Noise: hashes, ids, lockfiles, i18n ---------------------------------------------------

function noise(repo, t, g) {
  const pl = repo.file('services/matter-portal/MatterPortal.Web/packages.lock.json', 'decoys');
  pl.l('{', '  "version": 1,', '  "dependencies": {', '    "net8.0": {');
  for (const p of ['Azure.Identity', 'Microsoft.Identity.Web', 'Elastic.Clients.Elasticsearch', 'DocuSign.eSign.dll']) {
    pl.l(
      `      "${p}": {`,
      '        "type": "Direct",',
      '        "requested": "[1.0.0, )",',
      '        "resolved": "1.0.0",',
    );
    pl.d(`        "contentHash": "${g.b64(86)}=="`, 'nuget content hash');
    pl.l('      },');
  }
  pl.l('    }', '  }', '}');

  const mp = repo.file('services/docs-service/src/main/resources/i18n/messages.properties', 'decoys');
  mp.d('login.password=Password', 'i18n');
  mp.d('integrations.box.clientSecret.label=Client secret', 'i18n');
  mp.d('integrations.dropbox.appKey.help=Paste the app key from the Dropbox App Console', 'i18n');
  mp.d('esign.docusign.secretKey.hint=Your DocuSign secret key is shown only once', 'i18n');

  const sq = repo.file('db/migrations/V12__seed_admin.sql', 'sql');
  const login = g.gen(20);
  sq.d(
    `INSERT INTO users (email, password_hash) VALUES ('admin@lexvault.com', '$2a$10$${t.mixed(ALNUM + './', 53)}');`,
    'bcrypt hash',
  );
  sq.s(`CREATE LOGIN esign_app WITH PASSWORD = N'${login}', CHECK_POLICY = ON;`, 'generic', login);
  sq.d("ALTER LOGIN esign_app WITH PASSWORD = N'$(ESIGN_APP_PASSWORD)';", 'sqlcmd variable');
  sq.d(
    `INSERT INTO integrations (id, provider, client_id) VALUES ('${t.uuid()}', 'box', '${g.boxId()}');`,
    'client id',
  );

  const ids = repo.file('services/esign-service/src/main/java/com/lexvault/esign/Constants.java', 'decoys');
  ids.l('package com.lexvault.esign;', '', 'public final class Constants {');
  ids.d(`    public static final String NDA_TEMPLATE_ID = "${t.uuid()}";`, 'docusign template id');
  ids.d(
    `    public static final String ENGAGEMENT_LETTER_LIBRARY_ID = "${g.adobeClientId()}";`,
    'adobe library document id',
  );
  ids.d(
    '    public static final String PASSWORD_POLICY_URL = "https://intranet.lexvault.com/it/password-policy";',
    'url',
  );
  ids.d('    public static final String DOCUSIGN_SECRET_ENV = "DOCUSIGN_SECRET_KEY";', 'env var name');
  ids.d(`    public static final String PDF_SIGNATURE_SHA1 = "${t.sha1()}";`, 'sha1');
  ids.l('}');
}
