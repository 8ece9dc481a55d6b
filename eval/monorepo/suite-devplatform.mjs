// Suite "devplatform": an internal developer-platform company's monorepo (Stackpine). Backstage
// portal and plugins, ArgoCD, Crossplane, Go operators and CLIs, Rust services, Terraform for the
// GitHub and GitLab orgs, Helm charts, Dockerfiles, GitHub Actions and GitLab CI, package-manager
// credential files, FinOps notebooks, bootstrap scripts, CI-runner and kubectl logs, and docs.
import { ALNUM, HEX, B64, URLSAFE, UPPER, LOWER, DIGIT, BASE32, Repo, makeTokens, mulberry32 } from './generate.mjs';

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 7727 + 911);
  const t = makeTokens(rand);
  const h = helpers(t, rand);
  const repo = new Repo();
  backstage(repo, t, h);
  argocd(repo, t, h);
  crossplane(repo, t, h);
  goCode(repo, t, h);
  rust(repo, t, h);
  terraform(repo, t, h);
  helm(repo, t, h);
  docker(repo, t, h);
  githubActions(repo, t, h);
  gitlabCi(repo, t, h);
  credStores(repo, t, h);
  notebooks(repo, t, h);
  shell(repo, t, h);
  logs(repo, t, h);
  docs(repo, t, h);
  return repo;
}

// CRC-32 (IEEE), as Grafana's satokengen computes it over "glsa_<secret>".
function crc32(str) {
  let c = ~0;
  for (const b of Buffer.from(str)) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function helpers(t, rand) {
  const one = (arr) => arr[Math.floor(rand() * arr.length)];
  const enc = (s) => Buffer.from(s).toString('base64');
  const b64url = (s) => Buffer.from(s).toString('base64url');
  const jwtOf = (header, payload, sigLen) =>
    `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}.${t.mixed(URLSAFE, sigLen)}`;
  const randBytes = (n) => Buffer.from(Array.from({ length: n }, () => Math.floor(rand() * 256)));
  const cert = () =>
    [
      '-----BEGIN CERTIFICATE-----',
      `MIIC${t.mixed(B64, 60)}`,
      t.mixed(B64, 64),
      t.mixed(B64, 64),
      '-----END CERTIFICATE-----',
    ].join('\n');
  return {
    one,
    enc,
    b64url,
    cert,
    b64: (n) => t.mixed(B64, n),
    pw: () => t.password(),
    urlpw: () => t.password().replace(/[^A-Za-z0-9]/g, ''),
    human: () =>
      `${one(['Kestrel', 'Glacier', 'Lighthouse', 'Tundra', 'Saffron', 'Copperfield', 'Nordwind', 'Bluebird'])}${one(['@', '#', '!', '.'])}${t.digits(4)}${one(['!', '?', '#', '$'])}`,
    opensslB64: (n = 24) => randBytes(n).toString('base64'),
    opensslHex: (n = 32) => randBytes(n).toString('hex'),
    ghPat: () => `github_pat_11${t.mixed(UPPER + DIGIT, 8)}${t.alnum(12)}_${t.alnum(59)}`,
    glrt: () => `glrt-${t.mixed(URLSAFE, 20)}`,
    glReg: () => `GR1348941${t.mixed(URLSAFE, 20)}`,
    glptt: () => `glptt-${t.hex(40)}`,
    gloas: () => `gloas-${t.hex(64)}`,
    vault: () => `hvs.CAESI${t.mixed(URLSAFE, 86)}`,
    tfc: () => `${t.alnum(14)}.atlasv1.${t.alnum(67)}`,
    dockerPat: () => `dckr_pat_${t.mixed(URLSAFE, 27)}`,
    sonar: () => `squ_${t.hex(40)}`,
    grafanaSa: () => {
      // glsa_ + 32 alphanumerics + _ + the CRC-32 of the key before it, little-endian, in hex.
      const key = `glsa_${t.alnum(32)}`;
      const le = Buffer.alloc(4);
      le.writeUInt32LE(crc32(key));
      return `${key}_${le.toString('hex')}`;
    },
    infracost: () => `ico-${t.alnum(32)}`,
    slackApp: () => `xapp-1-A${t.mixed(UPPER + DIGIT, 10)}-${t.digits(13)}-${t.hex(64)}`,
    crates: () => `cio${t.alnum(32)}`,
    pagerduty: () => `u+${t.mixed(URLSAFE, 18)}`,
    bitbucket: () => `ATBB${t.alnum(28)}${t.pick('0123456789ABCDEF', 8)}`,
    sentryUser: () => `sntryu_${t.pick(HEX, 64)}`,
    asia: () => `ASIA${t.mixed(BASE32, 16)}`,
    sessionToken: () => `IQoJb3JpZ2luX2VjE${t.mixed(B64, 360)}`,
    ghClientId: () => `Iv23li${t.alnum(14)}`,
    oauthClientId: () => `Ov23li${t.alnum(14)}`,
    account: () => t.digits(12),
    saJwt: (ns, sa) =>
      jwtOf(
        { alg: 'RS256', kid: t.mixed(URLSAFE, 43) },
        {
          iss: 'kubernetes/serviceaccount',
          'kubernetes.io/serviceaccount/namespace': ns,
          'kubernetes.io/serviceaccount/secret.name': `${sa}-token`,
          'kubernetes.io/serviceaccount/service-account.name': sa,
          'kubernetes.io/serviceaccount/service-account.uid': t.uuid(),
          sub: `system:serviceaccount:${ns}:${sa}`,
        },
        342,
      ),
    argoJwt: (account) =>
      jwtOf(
        { alg: 'HS256', typ: 'JWT' },
        { iss: 'argocd', sub: `${account}:apiKey`, nbf: 1757836800, iat: 1757836800, jti: t.uuid() },
        43,
      ),
    oidcJwt: () =>
      jwtOf(
        { alg: 'RS256', kid: t.hex(40) },
        {
          iss: 'https://dex.stackpine.io',
          sub: b64url(`\n\x05${t.digits(7)}\x12\x06github`),
          aud: 'kubernetes',
          exp: 2079907200,
          iat: 1764547200,
          email: 'j.maier@stackpine.io',
          groups: ['stackpine:platform'],
        },
        342,
      ),
  };
}

// ---- Backstage ---------------------------------------------------------------------------

function backstage(repo, t, h) {
  const base = repo.file('backstage/app-config.yaml', 'backstage');
  base.l(
    'app:',
    '  title: Stackpine Developer Portal',
    '  baseUrl: http://localhost:3000',
    '',
    'organization:',
    '  name: Stackpine',
    '',
    'backend:',
    '  baseUrl: http://localhost:7007',
    '  listen:',
    '    port: 7007',
    '  auth:',
    '    keys:',
  );
  base.d('      - secret: ${BACKEND_SECRET}', 'env substitution');
  base.l('    externalAccess:', '      - type: static', '        options:');
  base.d('          token: ${CATALOG_STATIC_TOKEN}', 'env substitution');
  base.l('          subject: argocd-catalog-sync');
  base.l('  database:', '    client: better-sqlite3', "    connection: ':memory:'", '', 'integrations:', '  github:');
  base.l('    - host: github.com');
  base.d('      token: ${GITHUB_TOKEN}', 'env substitution');
  base.l('    - host: ghe.stackpine.io', '      apps:');
  base.d('        - $include: ./secrets/github-app-stackpine-portal-credentials.yaml', 'backstage $include reference');
  base.l('  gitlab:', '    - host: gitlab.stackpine.io', '      apiBaseUrl: https://gitlab.stackpine.io/api/v4');
  base.d('      token: ${GITLAB_TOKEN}', 'env substitution');
  base.l('', 'auth:', '  providers:', '    github:', '      development:');
  base.d('        clientId: ${AUTH_GITHUB_CLIENT_ID}', 'env substitution');
  base.d('        clientSecret: ${AUTH_GITHUB_CLIENT_SECRET}', 'env substitution');
  base.l(
    '',
    'techdocs:',
    "  builder: 'external'",
    '  publisher:',
    "    type: 'awsS3'",
    '    awsS3:',
    '      bucketName: stackpine-techdocs',
    '      region: eu-west-1',
    '      credentials:',
  );
  base.d('        accessKeyId: ${TECHDOCS_AWS_ACCESS_KEY_ID}', 'env substitution');
  base.d('        secretAccessKey: ${TECHDOCS_AWS_SECRET_ACCESS_KEY}', 'env substitution');
  base.l(
    '',
    'proxy:',
    '  endpoints:',
    "    '/pagerduty':",
    '      target: https://api.pagerduty.com',
    '      headers:',
  );
  base.d('        Authorization: Token token=${PAGERDUTY_TOKEN}', 'env substitution');
  base.l('', 'sonarqube:', '  baseUrl: https://sonar.stackpine.io', '  apiKey:');
  base.d('    $env: SONARQUBE_TOKEN', 'backstage $env reference');
  base.l(
    '',
    'catalog:',
    '  locations:',
    '    - type: url',
    '      target: https://github.com/stackpine/software-catalog/blob/main/all.yaml',
  );

  const prod = repo.file('backstage/app-config.production.yaml', 'backstage');
  prod.l(
    'app:',
    '  baseUrl: https://portal.stackpine.io',
    '',
    'backend:',
    '  baseUrl: https://portal.stackpine.io',
    '  auth:',
    '    keys:',
  );
  const bkey = h.opensslB64(24);
  prod.s(`      - secret: ${bkey}`, 'generic', bkey);
  prod.l('    externalAccess:', '      - type: static', '        options:');
  const stat = h.opensslB64(24);
  prod.s(`          token: ${stat}`, 'generic', stat);
  prod.l('          subject: techdocs-ci');
  prod.l(
    '  database:',
    '    client: pg',
    '    connection:',
    '      host: backstage-pg.platform.svc.cluster.local',
    '      port: 5432',
    '      user: backstage',
  );
  const dbpw = h.pw();
  prod.s(`      password: ${dbpw}`, 'generic', dbpw);
  prod.l('      ssl:', '        ca:');
  prod.d('          $file: /etc/ssl/certs/rds-eu-west-1-bundle.pem', 'backstage $file reference');
  prod.l('', 'integrations:', '  github:', '    - host: github.com', '      apps:', '        - appId: 412873');
  prod.d(`          clientId: ${h.ghClientId()}`, 'github app client id (public)');
  const appSecret = t.hex(40);
  prod.s(`          clientSecret: ${appSecret}`, 'github', appSecret);
  prod.l('          webhookUrl: https://portal.stackpine.io/api/events/http/github');
  const whs = h.human();
  prod.s(`          webhookSecret: '${whs}'`, 'generic', whs);
  prod.l('          privateKey: |');
  const appKey = t.rsaPem();
  prod.s(
    appKey.map((l) => `            ${l}`),
    'private-key',
    appKey.join('\n'),
  );
  prod.l('    - host: ghe.stackpine.io', '      apiBaseUrl: https://ghe.stackpine.io/api/v3');
  const ghe = t.github();
  prod.s(`      token: ${ghe}`, 'github', ghe);
  prod.l('  gitlab:', '    - host: gitlab.stackpine.io');
  const glp = t.gitlab();
  prod.s(`      token: ${glp}`, 'gitlab', glp);
  prod.l('', 'auth:', '  environment: production', '  session:');
  const sess = h.opensslHex(32);
  prod.s(`    secret: ${sess}`, 'generic', sess);
  prod.l('  providers:', '    github:', '      production:');
  prod.d(`        clientId: ${h.oauthClientId()}`, 'oauth client id (public)');
  const ghOauth = t.hex(40);
  prod.s(`        clientSecret: ${ghOauth}`, 'github', ghOauth);
  prod.l('    gitlab:', '      production:');
  prod.d(`        clientId: ${t.pick(HEX, 64)}`, 'gitlab oauth application id (public)');
  const gloas = h.gloas();
  prod.s(`        clientSecret: ${gloas}`, 'gitlab', gloas);
  prod.l('        audience: https://gitlab.stackpine.io');
  prod.l(
    '',
    'techdocs:',
    '  publisher:',
    '    type: awsS3',
    '    awsS3:',
    '      bucketName: stackpine-techdocs-prod',
    '      region: eu-west-1',
    '      credentials:',
  );
  const tdId = t.awsId();
  const tdSecret = t.awsSecret();
  prod.s(`        accessKeyId: ${tdId}`, 'aws', tdId);
  prod.s(`        secretAccessKey: ${tdSecret}`, 'aws', tdSecret);
  prod.l(
    '',
    'kubernetes:',
    '  serviceLocatorMethod:',
    '    type: multiTenant',
    '  clusterLocatorMethods:',
    '    - type: config',
    '      clusters:',
    `        - url: https://${t.pick('0123456789ABCDEF', 32)}.gr7.eu-west-1.eks.amazonaws.com`,
    '          name: prod-eu-west-1',
    '          authProvider: serviceAccount',
    '          skipTLSVerify: false',
  );
  const saTok = h.saJwt('backstage', 'backstage-k8s-reader');
  prod.s(`          serviceAccountToken: ${saTok}`, 'jwt', saTok);
  prod.d(`          caData: ${h.enc(h.cert())}`, 'cluster CA certificate (public)');
  prod.l(
    '',
    'proxy:',
    '  endpoints:',
    "    '/pagerduty':",
    '      target: https://api.pagerduty.com',
    '      headers:',
  );
  const pd = h.pagerduty();
  prod.s(`        Authorization: Token token=${pd}`, 'pagerduty', pd);
  prod.l("    '/grafana/api':", '      target: https://grafana.stackpine.io/', '      headers:');
  const gsa = h.grafanaSa();
  prod.s(`        Authorization: Bearer ${gsa}`, 'grafana', gsa);
  prod.l('', 'sonarqube:', '  baseUrl: https://sonar.stackpine.io');
  const sq = h.sonar();
  prod.s(`  apiKey: ${sq}`, 'sonarqube', sq);
  prod.l('', 'argocd:', '  username: backstage');
  const argoPw = h.pw();
  prod.s(`  password: ${argoPw}`, 'generic', argoPw);
  prod.l(
    '  appLocatorMethods:',
    '    - type: config',
    '      instances:',
    '        - name: argocd-prod',
    '          url: https://argocd.stackpine.io',
  );
  const argoTok = h.argoJwt('backstage');
  prod.s(`          token: ${argoTok}`, 'jwt', argoTok);

  const local = repo.file('backstage/app-config.local.yaml', 'backstage');
  local.l('# Personal overrides. This file is in .gitignore (it was added before the rule).', 'integrations:');
  local.l('  github:', '    - host: github.com');
  const pat = h.ghPat();
  local.s(`      token: ${pat}`, 'github', pat);
  local.l('backend:', '  database:', '    client: pg');
  local.d('    connection: postgresql://postgres:postgres@localhost:5432/backstage', 'local docker default');

  const envEx = repo.file('backstage/.env.example', 'backstage');
  envEx.d('AUTH_GITHUB_CLIENT_ID=', 'empty');
  envEx.d('AUTH_GITHUB_CLIENT_SECRET=<github oauth app secret>', 'placeholder');
  envEx.d('GITHUB_TOKEN=ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', 'placeholder');
  envEx.d('BACKEND_SECRET=change-me', 'placeholder');
  envEx.d('SONARQUBE_TOKEN=squ_your_token_here', 'placeholder');

  const ce = repo.file('backstage/plugins/cost-insights-backend/src/service/costExplorer.ts', 'backstage');
  ce.l(
    "import { CostExplorerClient } from '@aws-sdk/client-cost-explorer';",
    "import { Config } from '@backstage/config';",
    '',
    '// TODO(finops): switch to IRSA once the portal moves to the shared cluster (PLAT-1420)',
    'export function createCostExplorer(): CostExplorerClient {',
    '  return new CostExplorerClient({',
    "    region: 'us-east-1',",
    '    credentials: {',
  );
  const ceId = t.awsId();
  const ceSecret = t.awsSecret();
  ce.s(`      accessKeyId: '${ceId}',`, 'aws', ceId);
  ce.s(`      secretAccessKey: '${ceSecret}',`, 'aws', ceSecret);
  ce.l('    },', '  });', '}', '', 'export function fromConfig(config: Config): CostExplorerClient {');
  ce.l(
    '  return new CostExplorerClient({',
    "    region: config.getString('costInsights.aws.region'),",
    '    credentials: {',
  );
  ce.d("      accessKeyId: config.getString('costInsights.aws.accessKeyId'),", 'config lookup');
  ce.d("      secretAccessKey: config.getString('costInsights.aws.secretAccessKey'),", 'config lookup');
  ce.l('    },', '  });', '}');

  const schema = repo.file('backstage/plugins/cost-insights-backend/config.d.ts', 'backstage');
  schema.l('export interface Config {', '  costInsights: {', '    aws: {', '      region: string;');
  schema.l('      /** @visibility secret */');
  schema.d('      accessKeyId: string;', 'schema key name');
  schema.l('      /** @visibility secret */');
  schema.d('      secretAccessKey: string;', 'schema key name');
  schema.l('    };', '  };', '}');

  const act = repo.file(
    'backstage/plugins/scaffolder-backend-module-stackpine/src/actions/createTenantRepo.ts',
    'backstage',
  );
  act.l(
    "import { createTemplateAction } from '@backstage/plugin-scaffolder-node';",
    "import { Octokit } from '@octokit/rest';",
    "import { Gitlab } from '@gitbeaker/rest';",
    '',
  );
  const seedTok = t.github();
  act.s(`const SEED_BOT_TOKEN = '${seedTok}'; // stackpine-seed-bot, repo + workflow scopes`, 'github', seedTok);
  const actGl = t.gitlab();
  act.s(`const gitlab = new Gitlab({ host: 'https://gitlab.stackpine.io', token: '${actGl}' });`, 'gitlab', actGl);
  act.l(
    '',
    'export const createTenantRepoAction = () =>',
    '  createTemplateAction<{ name: string; owner: string }>({',
    "    id: 'stackpine:tenant:create-repo',",
    '    async handler(ctx) {',
  );
  act.d('      const octokit = new Octokit({ auth: SEED_BOT_TOKEN });', 'variable');
  act.l("      await octokit.repos.createInOrg({ org: 'stackpine', name: ctx.input.name, private: true });");
  act.l('      await gitlab.Groups.create(ctx.input.name, ctx.input.name, { parentId: 12 });');
  const actHook = t.slackWebhook();
  act.s(
    `      await fetch('${actHook}', { method: 'POST', body: JSON.stringify({ text: \`tenant \${ctx.input.name} created\` }) });`,
    'slack',
    actHook,
  );
  const actVault = h.vault();
  act.s(
    `      await fetch(\`https://vault.stackpine.io:8200/v1/secret/data/tenants/\${ctx.input.name}\`, { method: 'POST', headers: { 'X-Vault-Token': '${actVault}' }, body: '{"data":{}}' });`,
    'vault',
    actVault,
  );
  act.d(
    '      const res = await fetch(url, { headers: { Authorization: `token ${process.env.GITHUB_TOKEN}` } });',
    'env reference',
  );
  act.l('      ctx.output("repoUrl", res.url);', '    },', '  });', '');
  act.d(
    'const REDACT = [/ghp_[A-Za-z0-9]{36}/g, /glpat-[A-Za-z0-9_-]{20}/g, /hvs\\.[A-Za-z0-9_-]{90,}/g];',
    'redaction regexes',
  );
  act.d("export const scrub = (s: string) => REDACT.reduce((acc, re) => acc.replace(re, '[redacted]'), s);", 'code');

  const actTest = repo.file(
    'backstage/plugins/scaffolder-backend-module-stackpine/src/actions/createTenantRepo.test.ts',
    'backstage',
  );
  actTest.l("import { ConfigReader } from '@backstage/config';", '', "describe('createTenantRepo', () => {");
  actTest.d(
    "  const config = new ConfigReader({ integrations: { github: [{ host: 'github.com', token: 'mock-token' }] } });",
    'test fixture',
  );
  actTest.d("  const secrets = { backstageToken: 'test-backstage-token' };", 'test fixture');
  actTest.l('});');

  const seedScript = repo.file('backstage/scripts/seed-catalog.ts', 'backstage');
  seedScript.l(
    "import { ConfigReader } from '@backstage/config';",
    "import { GitLabIntegration } from '@backstage/integration';",
    '',
    '// One-off: imports every GitLab group as a System. Run with `yarn ts-node scripts/seed-catalog.ts`.',
    'const config = new ConfigReader({',
  );
  const seedGl = t.gitlab();
  seedScript.s(`  integrations: { gitlab: [{ host: 'gitlab.stackpine.io', token: '${seedGl}' }] },`, 'gitlab', seedGl);
  seedScript.l('});');
  seedScript.d('const integration = GitLabIntegration.factory({ config })[0];', 'variable');

  const jwks = repo.file('backstage/plugins/auth-backend-module-dex/src/__fixtures__/jwks.json', 'backstage');
  jwks.l('{', '  "keys": [', '    {', '      "kty": "RSA",', '      "use": "sig",');
  jwks.d(`      "kid": "${t.hex(40)}",`, 'key id');
  jwks.d(`      "n": "${t.mixed(URLSAFE, 342)}",`, 'public modulus');
  jwks.l('      "e": "AQAB",', '      "alg": "RS256"', '    }', '  ]', '}');

  const an = repo.file('backstage/packages/app/src/analytics.ts', 'backstage');
  an.l('export const analyticsConfig = {');
  an.d(`  googleAnalytics: { measurementId: 'G-${t.mixed(UPPER + DIGIT, 10)}' },`, 'ga measurement id');
  an.d(
    `  sentry: { dsn: 'https://${t.hex(32)}@o${t.digits(6)}.ingest.sentry.io/${t.digits(7)}' },`,
    'sentry public dsn',
  );
  an.l('};');

  const lock = repo.file('backstage/yarn.lock', 'backstage');
  lock.l('# This file is generated by running "yarn install" inside your project.', '', '__metadata:', '  version: 8');
  for (const p of ['@backstage/core-plugin-api', '@octokit/rest', 'knex', 'luxon']) {
    lock.l('', `"${p}@npm:^1.9.0":`, '  version: 1.9.3', `  resolution: "${p}@npm:1.9.3"`);
    lock.d(`  checksum: 10c0/${t.pick(HEX, 128)}`, 'yarn berry checksum');
  }

  const cat = repo.file('catalog/components/portal/catalog-info.yaml', 'backstage');
  cat.l('apiVersion: backstage.io/v1alpha1', 'kind: Component', 'metadata:', '  name: portal', '  annotations:');
  cat.d('    github.com/project-slug: stackpine/platform', 'annotation');
  cat.d('    sonarqube.org/project-key: stackpine_platform_portal', 'annotation');
  cat.d(`    pagerduty.com/service-id: P${t.mixed(UPPER + DIGIT, 6)}`, 'pagerduty service id');
  cat.d('    vault.io/secrets-path: platform/backstage', 'vault path');
  cat.d(
    `    backstage.io/source-location: url:https://github.com/stackpine/platform/tree/${t.sha1()}/backstage`,
    'git sha',
  );
  cat.l('spec:', '  type: website', '  lifecycle: production', '  owner: group:platform');
}

// ---- ArgoCD ------------------------------------------------------------------------------

function argocd(repo, t, h) {
  const s = repo.file('gitops/argocd/bootstrap/argocd-secret.yaml', 'argocd');
  s.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: argocd-secret',
    '  namespace: argocd',
    '  labels:',
    '    app.kubernetes.io/part-of: argocd',
    'type: Opaque',
    'stringData:',
  );
  s.d(`  admin.password: $2a$10$${t.mixed(ALNUM + './', 53)}`, 'bcrypt hash');
  s.d('  admin.passwordMtime: "2026-09-14T08:21:33Z"', 'timestamp');
  const sk = h.opensslB64(32);
  s.s(`  server.secretkey: ${sk}`, 'generic', sk);
  const wg = h.pw();
  s.s(`  webhook.github.secret: "${wg}"`, 'generic', wg);
  const wl = t.alnum(32);
  s.s(`  webhook.gitlab.secret: ${wl}`, 'generic', wl);
  const dex = t.hex(40);
  s.s(`  dex.github.clientSecret: ${dex}`, 'github', dex);

  const cm = repo.file('gitops/argocd/bootstrap/argocd-cm.yaml', 'argocd');
  cm.l('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: argocd-cm', '  namespace: argocd', 'data:');
  cm.l('  url: https://argocd.stackpine.io');
  cm.d('  accounts.backstage: apiKey', 'account capability');
  cm.d('  accounts.ci-bot: apiKey, login', 'account capability');
  cm.l(
    '  dex.config: |',
    '    connectors:',
    '      - type: github',
    '        id: github',
    '        name: GitHub',
    '        config:',
  );
  cm.d(`          clientID: ${h.oauthClientId()}`, 'oauth client id');
  cm.d('          clientSecret: $dex.github.clientSecret', 'argocd secret reference');
  cm.l('          orgs:', '            - name: stackpine');

  const kh = repo.file('gitops/argocd/bootstrap/argocd-cm.yaml', 'argocd');
  kh.l(
    '---',
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: argocd-ssh-known-hosts-cm',
    'data:',
    '  ssh_known_hosts: |',
  );
  kh.d(
    '    github.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl',
    'public host key',
  );
  kh.d(
    `    gitlab.stackpine.io ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBB${t.mixed(B64, 87)}=`,
    'public host key',
  );

  const rc = repo.file('gitops/argocd/repo-creds/github-org.yaml', 'argocd');
  rc.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: github-org-creds',
    '  namespace: argocd',
    '  labels:',
    '    argocd.argoproj.io/secret-type: repo-creds',
    'stringData:',
    '  type: git',
    '  url: https://github.com/stackpine',
  );
  rc.d('  githubAppID: "412875"', 'github app id');
  rc.d('  githubAppInstallationID: "51234987"', 'installation id');
  rc.l('  githubAppPrivateKey: |');
  const rcKey = t.rsaPem();
  rc.s(
    rcKey.map((l) => `    ${l}`),
    'private-key',
    rcKey.join('\n'),
  );

  const gl = repo.file('gitops/argocd/repo-creds/gitlab-platform.yaml', 'argocd');
  gl.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: gitlab-platform',
    '  namespace: argocd',
    '  labels:',
    '    argocd.argoproj.io/secret-type: repo-creds',
    'stringData:',
    '  type: git',
    '  url: https://gitlab.stackpine.io/platform',
    '  username: argocd-bot',
  );
  const glTok = t.gitlab();
  gl.s(`  password: ${glTok}`, 'gitlab', glTok);

  const oci = repo.file('gitops/argocd/repositories/harbor-charts.yaml', 'argocd');
  oci.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: harbor-charts',
    '  namespace: argocd',
    '  labels:',
    '    argocd.argoproj.io/secret-type: repository',
    'stringData:',
    '  type: helm',
    '  name: stackpine-charts',
    '  url: harbor.stackpine.io/charts',
    '  enableOCI: "true"',
    "  username: 'robot$argocd+pull'",
  );
  const robot = t.alnum(32);
  oci.s(`  password: ${robot}`, 'generic', robot);

  const ssh = repo.file('gitops/argocd/repo-creds/infra-ssh.yaml', 'argocd');
  ssh.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: infra-ssh',
    '  namespace: argocd',
    '  labels:',
    '    argocd.argoproj.io/secret-type: repo-creds',
    'stringData:',
    '  url: git@gitlab.stackpine.io:infra',
    '  sshPrivateKey: |',
  );
  const sshKey = t.opensshPem();
  ssh.s(
    sshKey.map((l) => `    ${l}`),
    'private-key',
    sshKey.join('\n'),
  );

  const bb = repo.file('gitops/argocd/repo-creds/bitbucket-legacy.yaml', 'argocd');
  bb.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: bitbucket-legacy',
    '  namespace: argocd',
    '  labels:',
    '    argocd.argoproj.io/secret-type: repo-creds',
    'data:',
  );
  bb.d(`  type: ${h.enc('git')}`, 'base64 of a plain setting');
  bb.d(`  url: ${h.enc('https://bitbucket.org/stackpine-legacy')}`, 'base64 url');
  bb.d(`  username: ${h.enc('stackpine-argocd')}`, 'base64 username');
  const bbp = h.bitbucket();
  bb.s(`  password: ${h.enc(bbp)}`, 'bitbucket', bbp);

  const ns = repo.file('gitops/argocd/notifications/notifications.yaml', 'argocd');
  ns.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: argocd-notifications-secret',
    '  namespace: argocd',
    'type: Opaque',
    'stringData:',
  );
  const nsSlack = t.slackBot();
  ns.s(`  slack-token: ${nsSlack}`, 'slack', nsSlack);
  const nsGraf = h.grafanaSa();
  ns.s(`  grafana-api-key: ${nsGraf}`, 'grafana', nsGraf);
  const ncm = repo.file('gitops/argocd/notifications/notifications.yaml', 'argocd');
  ncm.l(
    '---',
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: argocd-notifications-cm',
    'data:',
    '  service.slack: |',
  );
  ncm.d('    token: $slack-token', 'argocd secret reference');
  ncm.l('  service.grafana: |', '    apiUrl: https://grafana.stackpine.io/api');
  ncm.d('    apiKey: $grafana-api-key', 'argocd secret reference');

  const app = repo.file('gitops/argocd/applications/backstage.yaml', 'argocd');
  app.l(
    'apiVersion: argoproj.io/v1alpha1',
    'kind: Application',
    'metadata:',
    '  name: backstage',
    '  namespace: argocd',
    '  finalizers:',
    '    - resources-finalizer.argocd.argoproj.io',
    'spec:',
    '  project: platform',
    '  source:',
    '    repoURL: https://github.com/stackpine/platform.git',
  );
  app.d(`    targetRevision: ${t.sha1()}`, 'git sha');
  app.l(
    '    path: charts/backstage',
    '    helm:',
    '      valueFiles:',
    '        - values-prod.yaml',
    '      parameters:',
    '        - name: postgresql.auth.password',
  );
  const appPw = h.pw();
  app.s(`          value: "${appPw}"`, 'generic', appPw);
  app.l(
    '        - name: image.tag',
    '          value: "1.34.2"',
    '  destination:',
    '    server: https://kubernetes.default.svc',
    '    namespace: backstage',
  );

  const kc = repo.file('gitops/argocd/applications/keycloak.yaml', 'argocd');
  kc.l(
    'apiVersion: argoproj.io/v1alpha1',
    'kind: Application',
    'metadata:',
    '  name: keycloak',
    '  namespace: argocd',
    '  annotations:',
  );
  kc.d('    argocd-image-updater.argoproj.io/write-back-method: git:secret:argocd/git-creds', 'secret reference');
  kc.l(
    'spec:',
    '  project: platform',
    '  source:',
    '    repoURL: registry-1.docker.io/bitnamicharts',
    '    chart: keycloak',
    '    targetRevision: 24.2.3',
    '    helm:',
    '      values: |',
    '        auth:',
    '          adminUser: admin',
  );
  const kcpw = h.pw();
  kc.s(`          adminPassword: ${kcpw}`, 'generic', kcpw);
  kc.l('        postgresql:', '          auth:');
  kc.d('            existingSecret: keycloak-db', 'secret name');
  kc.l('  destination:', '    server: https://kubernetes.default.svc', '    namespace: keycloak');

  const graf = repo.file('gitops/argocd/applications/grafana.yaml', 'argocd');
  graf.l(
    'apiVersion: argoproj.io/v1alpha1',
    'kind: Application',
    'metadata:',
    '  name: grafana',
    '  namespace: argocd',
    'spec:',
    '  project: observability',
    '  source:',
    '    repoURL: https://grafana.github.io/helm-charts',
    '    chart: grafana',
    '    targetRevision: 8.6.0',
    '    helm:',
    '      valuesObject:',
  );
  const gAdmin = h.human();
  graf.s(`        adminPassword: "${gAdmin}"`, 'generic', gAdmin);
  graf.l(
    '        grafana.ini:',
    '          smtp:',
    '            enabled: true',
    '            host: smtp.sendgrid.net:587',
  );
  graf.l('            user: apikey');
  const gSg = t.sendgrid();
  graf.s(`            password: ${gSg}`, 'sendgrid', gSg);
  graf.l('  destination:', '    server: https://kubernetes.default.svc', '    namespace: observability');

  const cl = repo.file('gitops/argocd/clusters/prod.yaml', 'argocd');
  cl.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: cluster-prod-eu-west-1',
    '  namespace: argocd',
    '  labels:',
    '    argocd.argoproj.io/secret-type: cluster',
    'type: Opaque',
    'stringData:',
    '  name: prod-eu-west-1',
    `  server: https://${t.pick('0123456789ABCDEF', 32)}.gr7.eu-west-1.eks.amazonaws.com`,
    '  config: |',
    '    {',
  );
  const clTok = h.saJwt('kube-system', 'argocd-manager');
  cl.s(`      "bearerToken": "${clTok}",`, 'jwt', clTok);
  cl.l('      "tlsClientConfig": {', '        "insecure": false,');
  cl.d(`        "caData": "${h.enc(h.cert())}"`, 'CA certificate');
  cl.l('      }', '    }');
  const cl2 = repo.file('gitops/argocd/clusters/prod.yaml', 'argocd');
  cl2.l(
    '---',
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: cluster-prod-us-east-1',
    '  namespace: argocd',
    '  labels:',
    '    argocd.argoproj.io/secret-type: cluster',
    'stringData:',
    '  name: prod-us-east-1',
    '  config: |',
  );
  cl2.d(
    `    {"awsAuthConfig": {"clusterName": "prod-us-east-1", "roleARN": "arn:aws:iam::${h.account()}:role/argocd-manager"}, "tlsClientConfig": {"insecure": false, "caData": "${h.enc(h.cert())}"}}`,
    'role arn and CA',
  );

  const sops = repo.file('gitops/secrets/prod/backstage.enc.yaml', 'argocd');
  sops.d(
    `github_token: ENC[AES256_GCM,data:${h.b64(52)},iv:${h.b64(43)}=,tag:${h.b64(22)}==,type:str]`,
    'sops ciphertext',
  );
  sops.d(
    `postgres_password: ENC[AES256_GCM,data:${h.b64(24)},iv:${h.b64(43)}=,tag:${h.b64(22)}==,type:str]`,
    'sops ciphertext',
  );
  const unenc = t.github();
  sops.s(`seed_bot_token_unencrypted: ${unenc}`, 'github', unenc);
  sops.l('sops:', '    age:');
  sops.d(`        - recipient: age1${t.pick('qpzry9x8gf2tvdw0s3jn54khce6mua7l', 58)}`, 'age public recipient');
  sops.d(`    mac: ENC[AES256_GCM,data:${h.b64(88)}==,iv:${h.b64(43)}=,tag:${h.b64(22)}==,type:str]`, 'sops mac');
  sops.l('    unencrypted_suffix: _unencrypted', '    version: 3.9.1');

  const sealed = repo.file('gitops/secrets/prod/harbor-sealed.yaml', 'argocd');
  sealed.l(
    'apiVersion: bitnami.com/v1alpha1',
    'kind: SealedSecret',
    'metadata:',
    '  name: harbor-admin',
    '  namespace: harbor',
    'spec:',
    '  encryptedData:',
  );
  sealed.d(`    HARBOR_ADMIN_PASSWORD: AgB${h.b64(420)}==`, 'sealed secret ciphertext');
  sealed.d(`    REGISTRY_HTPASSWD: AgC${h.b64(380)}=`, 'sealed secret ciphertext');
}

// ---- Crossplane --------------------------------------------------------------------------

function crossplane(repo, t, h) {
  const pv = repo.file('platform/crossplane/providers/providers.yaml', 'crossplane');
  pv.l('apiVersion: pkg.crossplane.io/v1', 'kind: Provider', 'metadata:', '  name: provider-aws-rds', 'spec:');
  pv.d(`  package: xpkg.upbound.io/upbound/provider-aws-rds@sha256:${t.sha256()}`, 'package digest');
  pv.l(
    '---',
    'apiVersion: pkg.crossplane.io/v1',
    'kind: Provider',
    'metadata:',
    '  name: provider-upjet-github',
    'spec:',
  );
  pv.l('  package: xpkg.upbound.io/crossplane-contrib/provider-upjet-github:v0.14.0');

  const pc = repo.file('platform/crossplane/providerconfigs/aws.yaml', 'crossplane');
  pc.l(
    'apiVersion: aws.upbound.io/v1beta1',
    'kind: ProviderConfig',
    'metadata:',
    '  name: default',
    'spec:',
    '  credentials:',
    '    source: Secret',
    '    secretRef:',
    '      namespace: crossplane-system',
  );
  pc.d('      name: aws-creds', 'secret name');
  pc.d('      key: creds', 'secret key name');
  pc.l('  assumeRoleChain:');
  pc.d(`    - roleARN: arn:aws:iam::${h.account()}:role/crossplane-provisioner`, 'role arn');

  const ac = repo.file('platform/crossplane/providerconfigs/aws-creds.yaml', 'crossplane');
  ac.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: aws-creds',
    '  namespace: crossplane-system',
    'type: Opaque',
    'stringData:',
    '  creds: |',
    '    [default]',
  );
  const acId = t.awsId();
  const acSecret = t.awsSecret();
  ac.s(`    aws_access_key_id = ${acId}`, 'aws', acId);
  ac.s(`    aws_secret_access_key = ${acSecret}`, 'aws', acSecret);

  const gc = repo.file('platform/crossplane/providerconfigs/gcp-creds.yaml', 'crossplane');
  const gpem = t.pkcs8Pem();
  const proj = `stackpine-platform-${t.lower(4)}`;
  const saJson = JSON.stringify({
    type: 'service_account',
    project_id: proj,
    private_key_id: t.hex(40),
    private_key: gpem.join('\n') + '\n',
    client_email: `crossplane@${proj}.iam.gserviceaccount.com`,
    client_id: t.digits(21),
    auth_uri: 'https://accounts.google.com/o/oauth2/auth',
    token_uri: 'https://oauth2.googleapis.com/token',
  });
  gc.l('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: gcp-creds', '  namespace: crossplane-system', 'data:');
  gc.s(`  credentials: ${h.enc(saJson)}`, 'gcp', gpem[2]);

  const az = repo.file('platform/crossplane/providerconfigs/azure-creds.yaml', 'crossplane');
  az.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: azure-creds',
    '  namespace: crossplane-system',
    'stringData:',
    '  credentials: |',
    '    {',
  );
  az.d(`      "clientId": "${t.uuid()}",`, 'azure app (client) id');
  const azs = t.azureClientSecret();
  az.s(`      "clientSecret": "${azs}",`, 'azure', azs);
  az.d(`      "subscriptionId": "${t.uuid()}",`, 'subscription id');
  az.d(`      "tenantId": "${t.uuid()}",`, 'tenant id');
  az.l(
    '      "activeDirectoryEndpointUrl": "https://login.microsoftonline.com",',
    '      "resourceManagerEndpointUrl": "https://management.azure.com/"',
    '    }',
  );

  const gh = repo.file('platform/crossplane/providerconfigs/github.yaml', 'crossplane');
  gh.l(
    'apiVersion: github.upbound.io/v1beta1',
    'kind: ProviderConfig',
    'metadata:',
    '  name: stackpine',
    'spec:',
    '  credentials:',
    '    source: Secret',
    '    secretRef:',
    '      name: github-creds',
    '      namespace: crossplane-system',
    '      key: credentials',
    '---',
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: github-creds',
    '  namespace: crossplane-system',
    'stringData:',
  );
  const ghTok = t.github();
  gh.s(`  credentials: '{"token":"${ghTok}","owner":"stackpine"}'`, 'github', ghTok);

  const tf = repo.file('platform/crossplane/providerconfigs/terraform-cloudflare.yaml', 'crossplane');
  tf.l(
    'apiVersion: tf.upbound.io/v1beta1',
    'kind: ProviderConfig',
    'metadata:',
    '  name: cloudflare',
    'spec:',
    '  configuration: |',
    '    terraform {',
    '      backend "kubernetes" {',
    '        secret_suffix     = "cloudflare"',
    '        namespace         = "crossplane-system"',
    '        in_cluster_config = true',
    '      }',
    '    }',
    '    provider "cloudflare" {',
  );
  const cf = t.cloudflare();
  tf.s(`      api_token = "${cf}"`, 'cloudflare', cf);
  tf.l('    }');

  const comp = repo.file('platform/crossplane/compositions/xpostgresinstance-aws.yaml', 'crossplane');
  comp.l(
    'apiVersion: apiextensions.crossplane.io/v1',
    'kind: Composition',
    'metadata:',
    '  name: xpostgresinstances.aws.platform.stackpine.io',
    'spec:',
    '  compositeTypeRef:',
    '    apiVersion: platform.stackpine.io/v1alpha1',
    '    kind: XPostgresInstance',
    '  writeConnectionSecretsToNamespace: crossplane-system',
    '  resources:',
    '    - name: rds',
    '      base:',
    '        apiVersion: rds.aws.upbound.io/v1beta2',
    '        kind: Instance',
    '        spec:',
    '          forProvider:',
    '            engine: postgres',
    '            engineVersion: "16.4"',
    '            instanceClass: db.t4g.medium',
    '            username: stackpine_admin',
  );
  comp.d('            autoGeneratePassword: true', 'boolean');
  comp.l('            passwordSecretRef:', '              namespace: crossplane-system');
  comp.d('              key: password', 'secret key name');
  comp.l('      connectionDetails:', '        - name: password');
  comp.d('          fromConnectionSecretKey: attribute.password', 'connection key reference');
  comp.l(
    '      patches:',
    '        - fromFieldPath: metadata.uid',
    '          toFieldPath: spec.writeConnectionSecretToRef.name',
  );

  const redis = repo.file('platform/crossplane/compositions/xredis-dev.yaml', 'crossplane');
  redis.l(
    'apiVersion: apiextensions.crossplane.io/v1',
    'kind: Composition',
    'metadata:',
    '  name: xredis.dev.platform.stackpine.io',
    'spec:',
    '  compositeTypeRef:',
    '    apiVersion: platform.stackpine.io/v1alpha1',
    '    kind: XRedis',
    '  resources:',
    '    - name: auth-secret',
    '      base:',
    '        apiVersion: kubernetes.crossplane.io/v1alpha2',
    '        kind: Object',
    '        spec:',
    '          forProvider:',
    '            manifest:',
    '              apiVersion: v1',
    '              kind: Secret',
    '              metadata:',
    '                namespace: redis-dev',
    '              stringData:',
  );
  const rpw = h.pw();
  redis.s(`                password: "${rpw}"`, 'generic', rpw);

  const xrd = repo.file('platform/crossplane/xrds/xpostgresinstance.yaml', 'crossplane');
  xrd.l(
    'apiVersion: apiextensions.crossplane.io/v1',
    'kind: CompositeResourceDefinition',
    'metadata:',
    '  name: xpostgresinstances.platform.stackpine.io',
    'spec:',
    '  group: platform.stackpine.io',
    '  connectionSecretKeys:',
    '    - username',
  );
  xrd.d('    - password', 'connection key name');
  xrd.l('    - endpoint', '  versions:', '    - name: v1alpha1', '      schema:', '        openAPIV3Schema:');
  xrd.l(
    '          properties:',
    '            parameters:',
    '              properties:',
    '                adminPassword:',
  );
  xrd.d('                  type: string', 'schema');
  xrd.d('                  description: Initial admin password; leave empty to generate one', 'description');

  const claim = repo.file('platform/crossplane/claims/dev/orders-db.yaml', 'crossplane');
  claim.l(
    'apiVersion: platform.stackpine.io/v1alpha1',
    'kind: PostgresInstance',
    'metadata:',
    '  name: orders-db',
    '  namespace: team-orders',
    'spec:',
    '  parameters:',
    '    storageGB: 50',
    '    version: "16"',
  );
  const cpw = h.pw();
  claim.s(`    adminPassword: ${cpw}`, 'generic', cpw);
  claim.l('  writeConnectionSecretToRef:');
  claim.d('    name: orders-db-conn', 'secret name');
}

// ---- Go operators and CLIs ---------------------------------------------------------------

function goCode(repo, t, h) {
  const c = repo.file('operators/tenant-operator/internal/controller/tenant_controller.go', 'go');
  c.l(
    'package controller',
    '',
    'import (',
    '\t"context"',
    '',
    '\t"github.com/google/go-github/v66/github"',
    '\tcorev1 "k8s.io/api/core/v1"',
    '\t"k8s.io/apimachinery/pkg/types"',
    '\tctrl "sigs.k8s.io/controller-runtime"',
    '',
    '\tplatformv1 "github.com/stackpine/platform/operators/tenant-operator/api/v1alpha1"',
    '\t"github.com/stackpine/platform/operators/tenant-operator/internal/harbor"',
    ')',
    '',
    'const (',
    '\ttenantFinalizer = "platform.stackpine.io/finalizer"',
  );
  c.d('\tcredentialsKey  = "token"', 'key name');
  c.l(
    ')',
    '',
    '// harborAdmin is used until the robot-account migration (PLAT-1182) lands.',
    'var harborAdmin = harbor.Credentials{',
  );
  c.l('\tUsername: "admin",');
  const hpw = h.pw();
  c.s(`\tPassword: "${hpw}",`, 'generic', hpw);
  c.l(
    '}',
    '',
    'func (r *TenantReconciler) Reconcile(ctx context.Context, req ctrl.Request) (ctrl.Result, error) {',
    '\tvar tenant platformv1.Tenant',
    '\tif err := r.Get(ctx, req.NamespacedName, &tenant); err != nil {',
    '\t\treturn ctrl.Result{}, client.IgnoreNotFound(err)',
    '\t}',
    '\tvar secret corev1.Secret',
  );
  c.d(
    '\tif err := r.Get(ctx, types.NamespacedName{Namespace: req.Namespace, Name: tenant.Spec.CredentialsSecretRef.Name}, &secret); err != nil {',
    'secret lookup',
  );
  c.l('\t\treturn ctrl.Result{}, err', '\t}');
  c.d('\ttoken := string(secret.Data[credentialsKey])', 'variable');
  const gtok = t.github();
  c.s(`\tgh := github.NewClient(nil).WithAuthToken("${gtok}")`, 'github', gtok);
  c.l(
    '\t_, _, err := gh.Teams.CreateTeam(ctx, "stackpine", github.NewTeam{Name: tenant.Name})',
    '\t_ = token',
    '\treturn ctrl.Result{}, err',
    '}',
  );

  const v = repo.file('operators/tenant-operator/internal/vault/client.go', 'go');
  v.l(
    'package vault',
    '',
    'import (',
    '\t"os"',
    '',
    '\tvault "github.com/hashicorp/vault/api"',
    ')',
    '',
    'func New() (*vault.Client, error) {',
    '\tcfg := vault.DefaultConfig()',
    '\tcfg.Address = "https://vault.stackpine.io:8200"',
    '\tc, err := vault.NewClient(cfg)',
    '\tif err != nil {',
    '\t\treturn nil, err',
    '\t}',
  );
  v.d('\tif tok, err := os.ReadFile("/var/run/secrets/vault/token"); err == nil {', 'token file path');
  v.l('\t\tc.SetToken(strings.TrimSpace(string(tok)))', '\t\treturn c, nil', '\t}');
  v.d('\tif tok := os.Getenv("VAULT_TOKEN"); tok != "" {', 'env lookup');
  v.l('\t\tc.SetToken(tok)', '\t} else {');
  const vt = h.vault();
  v.s(`\t\tc.SetToken("${vt}") // operator token, policy tenant-writer`, 'vault', vt);
  v.l('\t}', '\treturn c, nil', '}');

  const ct = repo.file('operators/tenant-operator/internal/controller/tenant_controller_test.go', 'go');
  ct.l('package controller', '', 'var _ = Describe("Tenant controller", func() {', '\tIt("creates the team", func() {');
  ct.d('\t\tsecret := &corev1.Secret{Data: map[string][]byte{"token": []byte("test-token")}}', 'test fixture');
  ct.d('\t\tcreds := harbor.Credentials{Username: "admin", Password: "not-a-real-password"}', 'test fixture');
  ct.l('\t\tExpect(k8sClient.Create(ctx, secret)).To(Succeed())', '\t\t_ = creds', '\t})', '})');

  const mgr = repo.file('operators/tenant-operator/config/manager/manager.yaml', 'go');
  mgr.l(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: controller-manager',
    '  namespace: tenant-operator-system',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: manager',
  );
  mgr.d(`          image: harbor.stackpine.io/platform/tenant-operator@sha256:${t.sha256()}`, 'image digest');
  mgr.l('          env:', '            - name: GITLAB_TOKEN');
  const mgl = t.gitlab();
  mgr.s(`              value: ${mgl}`, 'gitlab', mgl);
  mgr.l('            - name: HARBOR_PASSWORD', '              valueFrom:', '                secretKeyRef:');
  mgr.d('                  name: harbor-admin', 'secretKeyRef name');
  mgr.d('                  key: password', 'secretKeyRef key');
  mgr.l('---', 'apiVersion: v1', 'kind: Secret', 'metadata:', '  name: controller-manager-token', '  annotations:');
  mgr.d('    kubernetes.io/service-account.name: controller-manager', 'service account name');
  mgr.d('type: kubernetes.io/service-account-token', 'secret type');

  const gsum = repo.file('operators/tenant-operator/go.sum', 'go');
  for (const m of [
    'github.com/google/go-github/v66 v66.0.0',
    'github.com/hashicorp/vault/api v1.15.0',
    'sigs.k8s.io/controller-runtime v0.19.1',
  ])
    gsum.d(`${m} h1:${h.b64(43)}=`, 'go.sum hash');

  const cli = repo.file('cli/pctl/internal/api/client.go', 'go');
  cli.l(
    'package api',
    '',
    'import "net/http"',
    '',
    'type Config struct {',
    '\tBaseURL string',
    '\tToken   string',
    '}',
    '',
    'var defaultConfig = Config{',
    '\tBaseURL: "https://platform-api.stackpine.io",',
  );
  const pctlTok = `spk_${t.alnum(40)}`;
  cli.s(`\tToken:   "${pctlTok}",`, 'generic', pctlTok);
  cli.l('}', '', 'func (c *Client) do(req *http.Request) (*http.Response, error) {');
  cli.d('\treq.Header.Set("Authorization", "Bearer "+c.cfg.Token)', 'variable');
  cli.l('\treturn c.http.Do(req)', '}');

  const login = repo.file('cli/pctl/cmd/login.go', 'go');
  login.l('package cmd', '', 'var oauthCfg = &oauth2.Config{', '\tClientID:     "pctl-cli",');
  const oc = t.alnum(32);
  login.s(`\tClientSecret: "${oc}",`, 'generic', oc);
  login.l(
    '\tEndpoint: oauth2.Endpoint{',
    '\t\tAuthURL:  "https://dex.stackpine.io/auth",',
    '\t\tTokenURL: "https://dex.stackpine.io/token",',
    '\t},',
    '\tScopes: []string{"openid", "email", "groups", "offline_access"},',
    '}',
    '',
    'func init() {',
  );
  login.d(
    '\tloginCmd.Flags().StringVar(&opts.Token, "token", "", "personal access token (or set PCTL_TOKEN)")',
    'flag definition',
  );
  login.l('}');

  const push = repo.file('cli/pctl/internal/registry/push.go', 'go');
  push.l(
    'package registry',
    '',
    'import (',
    '\t"github.com/google/go-containerregistry/pkg/authn"',
    '\t"github.com/google/go-containerregistry/pkg/v1/remote"',
    ')',
    '',
    'func mirrorAuth() remote.Option {',
  );
  const dpat = h.dockerPat();
  push.s(`\treturn remote.WithAuth(&authn.Basic{Username: "stackpinebot", Password: "${dpat}"})`, 'docker', dpat);
  push.l('}');

  const ic = repo.file('cli/pctl/internal/cost/infracost.go', 'go');
  ic.l(
    'package cost',
    '',
    'func (c *Client) Estimate(ctx context.Context, plan []byte) (*Estimate, error) {',
    '\treq, _ := http.NewRequestWithContext(ctx, http.MethodPost, "https://pricing.api.infracost.io/graphql", bytes.NewReader(plan))',
  );
  const ick = h.infracost();
  ic.s(`\treq.Header.Set("X-Api-Key", "${ick}")`, 'infracost', ick);
  ic.l('\treturn c.send(req)', '}');

  const emb = repo.file('cli/pctl/internal/kube/bootstrap.go', 'go');
  emb.l(
    'package kube',
    '',
    '// bootstrapKubeconfig lets `pctl cluster init` reach the staging cluster before SSO is set up.',
    'const bootstrapKubeconfig = `apiVersion: v1',
    'kind: Config',
    'clusters:',
    '- name: staging',
    '  cluster:',
    '    server: https://k8s-staging.stackpine.io:6443',
    'users:',
    '- name: pctl-bootstrap',
    '  user:',
  );
  const embTok = h.saJwt('pctl-system', 'pctl-bootstrap');
  emb.s(`    token: ${embTok}`, 'jwt', embTok);
  emb.l(
    'contexts:',
    '- name: staging',
    '  context: {cluster: staging, user: pctl-bootstrap}',
    'current-context: staging',
    '`',
    '',
  );
  emb.d('//nolint:gosec // G101: the name of the env var, not a credential', 'comment');
  emb.d('const tokenEnv = "PCTL_KUBE_TOKEN"', 'env var name');

  const e2e = repo.file('cli/pctl/internal/e2e/localstack.go', 'go');
  e2e.l(
    'package e2e',
    '',
    'import "os"',
    '',
    '// UseSandbox points the AWS SDK at the shared sandbox account used by the nightly e2e run.',
    'func UseSandbox() {',
  );
  const e2eId = t.awsId();
  const e2eSec = t.awsSecret();
  e2e.s(`\tos.Setenv("AWS_ACCESS_KEY_ID", "${e2eId}")`, 'aws', e2eId);
  e2e.s(`\tos.Setenv("AWS_SECRET_ACCESS_KEY", "${e2eSec}")`, 'aws', e2eSec);
  e2e.l('\tos.Setenv("AWS_REGION", "eu-central-1")', '}');

  const oauthTs = repo.file('cli/pctl/cmd/login.go', 'go');
  oauthTs.l('', 'func githubClient(ctx context.Context) *github.Client {');
  const gho = t.github('gho_');
  oauthTs.s(`\tts := oauth2.StaticTokenSource(&oauth2.Token{AccessToken: "${gho}"})`, 'github', gho);
  oauthTs.l('\treturn github.NewClient(oauth2.NewClient(ctx, ts))', '}');
}

// ---- Rust services -----------------------------------------------------------------------

function rust(repo, t, h) {
  const cfg = repo.file('services/artifact-proxy/src/config.rs', 'rust');
  cfg.l(
    'use std::env;',
    '',
    'pub struct Settings {',
    '    pub s3_access_key: String,',
    '    pub s3_secret_key: String,',
    '    pub upstream_token: String,',
    '}',
    '',
    'impl Settings {',
    '    pub fn from_env() -> Self {',
    '        Settings {',
  );
  const rid = t.awsId();
  const rsec = t.awsSecret();
  cfg.s(`            s3_access_key: env::var("S3_ACCESS_KEY").unwrap_or_else(|_| "${rid}".to_string()),`, 'aws', rid);
  cfg.s(`            s3_secret_key: env::var("S3_SECRET_KEY").unwrap_or_else(|_| "${rsec}".to_string()),`, 'aws', rsec);
  cfg.d('            upstream_token: env::var("UPSTREAM_TOKEN").expect("UPSTREAM_TOKEN must be set"),', 'env lookup');
  cfg.l('        }', '    }', '}', '');
  const npmTok = t.npm();
  cfg.s(`pub const NPM_UPSTREAM_TOKEN: &str = "${npmTok}";`, 'npm', npmTok);

  const up = repo.file('services/artifact-proxy/src/upstream.rs', 'rust');
  up.l(
    'use reqwest::Client;',
    '',
    'pub async fn fetch_manifest(client: &Client, base: &str, name: &str, reference: &str) -> anyhow::Result<bytes::Bytes> {',
    '    let resp = client',
    '        .get(format!("{}/v2/{}/manifests/{}", base, name, reference))',
  );
  const upw = h.pw();
  up.s(`        .basic_auth("svc-artifact-proxy", Some("${upw}"))`, 'generic', upw);
  up.l('        .send()', '        .await?;', '    Ok(resp.bytes().await?)', '}', '');
  up.l('pub async fn list_packages(client: &Client) -> anyhow::Result<String> {');
  const ughp = t.github();
  up.s(
    `    let r = client.get("https://api.github.com/orgs/stackpine/packages?package_type=container").bearer_auth("${ughp}").send().await?;`,
    'github',
    ughp,
  );
  up.l('    Ok(r.text().await?)', '}');

  const glr = repo.file('services/artifact-proxy/src/upstream.rs', 'rust');
  glr.l('', '#[derive(serde::Deserialize)]', 'pub struct GitlabSettings {', '    pub url: String,');
  glr.d('    #[serde(rename = "clientSecret")]', 'serde attribute');
  glr.d('    pub client_secret: secrecy::SecretString,', 'field declaration');
  glr.l(
    '}',
    '',
    'pub async fn packages(client: &reqwest::Client, project: u64) -> reqwest::Result<reqwest::Response> {',
  );
  glr.l('    client', '        .get(format!("https://gitlab.stackpine.io/api/v4/projects/{project}/packages"))');
  const glrTok = t.gitlab();
  glr.s(`        .header("PRIVATE-TOKEN", "${glrTok}")`, 'gitlab', glrTok);
  glr.l('        .send()', '        .await', '}');

  const lock = repo.file('services/artifact-proxy/Cargo.lock', 'rust');
  lock.l('# This file is automatically @generated by Cargo.', 'version = 4');
  for (const p of ['reqwest', 'tokio', 'hmac', 'axum']) {
    lock.l(
      '',
      '[[package]]',
      `name = "${p}"`,
      'version = "0.12.9"',
      'source = "registry+https://github.com/rust-lang/crates.io-index"',
    );
    lock.d(`checksum = "${t.sha256()}"`, 'cargo checksum');
  }

  const wr = repo.file('services/webhook-relay/src/main.rs', 'rust');
  wr.l('use hmac::{Hmac, Mac};', 'use sha2::Sha256;', '');
  const whk = h.human();
  wr.s(`const GITHUB_WEBHOOK_SECRET: &[u8] = b"${whk}";`, 'generic', whk);
  wr.l('', 'fn verify(body: &[u8], sig: &str) -> bool {');
  wr.d('    let mut mac = Hmac::<Sha256>::new_from_slice(GITHUB_WEBHOOK_SECRET).expect("hmac key");', 'variable');
  wr.l(
    '    mac.update(body);',
    '    hex::encode(mac.finalize().into_bytes()) == sig.trim_start_matches("sha256=")',
    '}',
    '',
  );
  wr.d('fn slack_secret() -> String { std::env::var("SLACK_SIGNING_SECRET").unwrap_or_default() }', 'env lookup');

  const wt = repo.file('services/webhook-relay/tests/signature.rs', 'rust');
  wt.l('// The example from GitHub\'s "Validating webhook deliveries" documentation.');
  wt.d('const SECRET: &[u8] = b"It\'s a Secret to Everybody";', 'documented example');
  wt.d(
    'const EXPECTED: &str = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";',
    'documented example signature',
  );

  const toml = repo.file('services/webhook-relay/config/production.toml', 'rust');
  toml.l('[server]', 'bind = "0.0.0.0:8080"', '', '[slack]');
  const wsb = t.slackBot();
  toml.s(`bot_token = "${wsb}"`, 'slack', wsb);
  const wss = t.hex(32);
  toml.s(`signing_secret = "${wss}"`, 'slack', wss);
  const wsa = h.slackApp();
  toml.s(`app_token = "${wsa}"`, 'slack', wsa);
  toml.l('', '[github]', 'app_id = 412876');
  const wgs = h.pw();
  toml.s(`webhook_secret = "${wgs}"`, 'generic', wgs);
  toml.d('private_key_path = "/etc/webhook-relay/github-app.pem"', 'file path');
  toml.l('', '[database]');
  const wdb = h.urlpw();
  toml.s(`url = "postgres://relay:${wdb}@relay-db.platform.svc.cluster.local:5432/relay"`, 'database', wdb);
  toml.l('max_connections = 16');

  const cred = repo.file('.cargo/credentials.toml', 'rust');
  cred.l('[registry]');
  const cio = h.crates();
  cred.s(`token = "${cio}"`, 'crates', cio);
  cred.l('', '[registries.stackpine]');
  const ctk = t.alnum(40);
  cred.s(`token = "Bearer ${ctk}"`, 'generic', ctk);
}

// ---- Terraform ---------------------------------------------------------------------------

function terraform(repo, t, h) {
  const p = repo.file('infra/terraform/github-org/providers.tf', 'terraform');
  p.l(
    'terraform {',
    '  required_providers {',
    '    github = {',
    '      source  = "integrations/github"',
    '      version = "~> 6.2"',
    '    }',
    '  }',
    '  backend "s3" {',
    '    bucket = "stackpine-tfstate"',
    '    key    = "github-org/terraform.tfstate"',
    '    region = "eu-west-1"',
  );
  const bId = t.awsId();
  const bSec = t.awsSecret();
  p.s(`    access_key = "${bId}"`, 'aws', bId);
  p.s(`    secret_key = "${bSec}"`, 'aws', bSec);
  p.l('  }', '}', '', 'provider "github" {', '  owner = "stackpine"', '  app_auth {');
  p.d('    id              = "412877"', 'github app id');
  p.d('    installation_id = "51234991"', 'installation id');
  p.d('    pem_file        = file("${path.module}/keys/terraform-github-app.pem")', 'file reference');
  p.l('  }', '}', '', 'provider "github" {', '  alias = "legacy"', '  owner = "stackpine-legacy"');
  const lg = t.github();
  p.s(`  token = "${lg}"`, 'github', lg);
  p.l('}');

  const as = repo.file('infra/terraform/github-org/actions-secrets.tf', 'terraform');
  as.l('resource "github_actions_organization_secret" "npm_token" {');
  as.d('  secret_name     = "NPM_TOKEN"', 'secret name');
  as.l('  visibility      = "private"');
  const npmT = t.npm();
  as.s(`  plaintext_value = "${npmT}"`, 'npm', npmT);
  as.l(
    '}',
    '',
    'resource "github_actions_organization_secret" "dockerhub" {',
    '  secret_name     = "DOCKERHUB_TOKEN"',
    '  visibility      = "all"',
  );
  as.d('  plaintext_value = var.dockerhub_token', 'variable');
  as.l(
    '}',
    '',
    'resource "github_actions_organization_secret" "sonar" {',
    '  secret_name     = "SONAR_TOKEN"',
    '  visibility      = "all"',
  );
  as.d(`  encrypted_value = "${h.b64(110)}=="`, 'sealed-box ciphertext');
  as.l(
    '}',
    '',
    'resource "github_actions_secret" "argocd" {',
    '  repository      = github_repository.platform.name',
    '  secret_name     = "ARGOCD_AUTH_TOKEN"',
  );
  const aj = h.argoJwt('ci-bot');
  as.s(`  plaintext_value = "${aj}"`, 'jwt', aj);
  as.l('}');

  const tv = repo.file('infra/terraform/github-org/terraform.tfvars', 'terraform');
  const dh = h.dockerPat();
  tv.s(`dockerhub_token   = "${dh}"`, 'docker', dh);
  const sq = h.sonar();
  tv.s(`sonar_token       = "${sq}"`, 'sonarqube', sq);
  const sw = t.slackWebhook();
  tv.s(`slack_webhook_url = "${sw}"`, 'slack', sw);
  tv.l('billing_email     = "finance@stackpine.io"');

  const vars = repo.file('infra/terraform/github-org/variables.tf', 'terraform');
  vars.l('variable "dockerhub_token" {', '  type      = string');
  vars.d('  sensitive = true', 'flag');
  vars.l(
    '}',
    '',
    'variable "slack_webhook_url" {',
    '  type        = string',
    '  description = "Incoming webhook for #platform-alerts"',
  );
  vars.d('  default     = ""', 'empty');
  vars.l('}', '', 'variable "sonar_token" {', '  type    = string');
  vars.d('  default = "squ_0000000000000000000000000000000000000000"', 'zero placeholder');
  vars.l('}');

  const gl = repo.file('infra/terraform/gitlab-org/main.tf', 'terraform');
  gl.l('provider "gitlab" {', '  base_url = "https://gitlab.stackpine.io/api/v4"');
  const glTok = t.gitlab();
  gl.s(`  token    = "${glTok}"`, 'gitlab', glTok);
  gl.l(
    '}',
    '',
    'resource "gitlab_group_variable" "harbor_password" {',
    '  group     = gitlab_group.platform.id',
    '  key       = "HARBOR_PASSWORD"',
  );
  const hv = t.alnum(32);
  gl.s(`  value     = "${hv}"`, 'generic', hv);
  gl.l('  protected = true', '  masked    = true', '}', '');
  gl.l(
    'resource "gitlab_group_variable" "kube_token" {',
    '  group = gitlab_group.platform.id',
    '  key   = "KUBE_TOKEN"',
  );
  gl.d('  value = var.kube_token', 'variable');
  gl.l(
    '}',
    '',
    'resource "gitlab_project_variable" "sentry" {',
    '  project = gitlab_project.portal.id',
    '  key     = "SENTRY_AUTH_TOKEN"',
  );
  const st = h.sentryUser();
  gl.s(`  value   = "${st}"`, 'sentry', st);
  gl.l('}', '', 'output "runner_token" {');
  gl.d('  value     = gitlab_user_runner.shared.token', 'resource attribute');
  gl.l('  sensitive = true', '}');

  const hooks = repo.file('infra/terraform/github-org/webhooks.tf', 'terraform');
  hooks.l(
    'resource "github_organization_webhook" "portal" {',
    '  events = ["push", "pull_request", "repository"]',
    '  configuration {',
    '    url          = "https://portal.stackpine.io/api/events/http/github"',
    '    content_type = "json"',
  );
  const hs = h.opensslHex(20);
  hooks.s(`    secret       = "${hs}"`, 'generic', hs);
  hooks.l('    insecure_ssl = false', '  }', '}', '');
  hooks.l(
    'resource "github_repository_deploy_key" "argocd" {',
    '  title      = "argocd"',
    '  repository = github_repository.gitops.name',
  );
  hooks.d('  key        = tls_private_key.argocd_deploy.public_key_openssh', 'resource attribute');
  hooks.l('  read_only  = true', '}', '');
  hooks.l('data "vault_kv_secret_v2" "sonar" {', '  mount = "secret"');
  hooks.d('  name  = "platform/sonarqube"', 'vault path');
  hooks.l('}', '');
  hooks.l(
    'resource "github_actions_organization_secret" "sonar_from_vault" {',
    '  secret_name     = "SONAR_TOKEN_V2"',
    '  visibility      = "all"',
  );
  hooks.d('  plaintext_value = data.vault_kv_secret_v2.sonar.data["token"]', 'data source reference');
  hooks.l('}');

  const ghook = repo.file('infra/terraform/gitlab-org/main.tf', 'terraform');
  ghook.l(
    '',
    'resource "gitlab_project_hook" "argocd" {',
    '  project                 = gitlab_project.gitops.id',
    '  url                     = "https://argocd.stackpine.io/api/webhook"',
  );
  const gtk = t.alnum(32);
  ghook.s(`  token                   = "${gtk}"`, 'generic', gtk);
  ghook.l('  push_events             = true', '  enable_ssl_verification = true', '}');

  const rn = repo.file('infra/terraform/gitlab-org/runners.tf', 'terraform');
  rn.l(
    'resource "helm_release" "gitlab_runner" {',
    '  name       = "gitlab-runner"',
    '  repository = "https://charts.gitlab.io"',
    '  chart      = "gitlab-runner"',
    '  version    = "0.70.3"',
    '',
    '  set {',
    '    name  = "runnerToken"',
  );
  const rt = h.glrt();
  rn.s(`    value = "${rt}"`, 'gitlab', rt);
  rn.l('  }', '  set_sensitive {', '    name  = "runners.cache.s3.secretKey"');
  rn.d('    value = var.runner_cache_secret_key', 'variable');
  rn.l('  }', '}');

  const st2 = repo.file('infra/terraform/github-org/terraform.tfstate.backup', 'terraform');
  st2.l('{', '  "version": 4,', '  "terraform_version": "1.9.5",', '  "serial": 212,');
  st2.d(`  "lineage": "${t.uuid()}",`, 'state lineage uuid');
  st2.l(
    '  "outputs": {},',
    '  "resources": [',
    '    {',
    '      "mode": "managed",',
    '      "type": "tls_private_key",',
    '      "name": "argocd_deploy",',
    '      "instances": [',
    '        {',
    '          "attributes": {',
    '            "algorithm": "ED25519",',
  );
  const okey = t.opensshPem();
  st2.s(`            "private_key_openssh": ${JSON.stringify(okey.join('\n') + '\n')},`, 'private-key', okey[1]);
  st2.d(`            "public_key_openssh": "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${h.b64(43)}\\n",`, 'public key');
  st2.d(`            "public_key_fingerprint_sha256": "SHA256:${h.b64(43)}",`, 'fingerprint');
  st2.d(
    `            "public_key_fingerprint_md5": "${Array.from({ length: 16 }, () => t.pick(HEX, 2)).join(':')}"`,
    'fingerprint',
  );
  st2.l('          }', '        }', '      ]', '    }', '  ]', '}');

  const tl = repo.file('infra/terraform/github-org/.terraform.lock.hcl', 'terraform');
  tl.l(
    'provider "registry.terraform.io/integrations/github" {',
    '  version     = "6.3.1"',
    '  constraints = "~> 6.2"',
    '  hashes = [',
  );
  tl.d(`    "h1:${h.b64(43)}=",`, 'provider hash');
  tl.d(`    "zh:${t.sha256()}",`, 'provider hash');
  tl.d(`    "zh:${t.sha256()}",`, 'provider hash');
  tl.l('  ]', '}');
}

// ---- Helm --------------------------------------------------------------------------------

function helm(repo, t, h) {
  const cl = repo.file('charts/backstage/Chart.lock', 'helm');
  cl.l(
    'dependencies:',
    '- name: postgresql',
    '  repository: oci://registry-1.docker.io/bitnamicharts',
    '  version: 16.2.1',
  );
  cl.d(`digest: sha256:${t.sha256()}`, 'chart lock digest');
  cl.l('generated: "2026-11-02T09:14:55.118Z"');

  const v = repo.file('charts/backstage/values.yaml', 'helm');
  v.l(
    'backstage:',
    '  image:',
    '    registry: harbor.stackpine.io',
    '    repository: platform/backstage',
    '    tag: ""',
    '  extraEnvVarsSecrets:',
    '    - backstage-secrets',
    'postgresql:',
    '  enabled: true',
    '  auth:',
    '    username: backstage',
  );
  v.d('    password: ""', 'empty');
  v.d('    existingSecret: backstage-postgresql', 'secret name');
  v.l('    secretKeys:');
  v.d('      adminPasswordKey: admin-password', 'key name');
  v.d('      userPasswordKey: user-password', 'key name');
  v.l('secrets:');
  v.d('  githubToken: "<set in values-prod.yaml or via --set>"', 'placeholder');
  v.d('  gitlabToken: ""', 'empty');

  const vp = repo.file('charts/backstage/values-prod.yaml', 'helm');
  vp.l('backstage:', '  podAnnotations:');
  vp.d(`    checksum/config: ${t.sha256()}`, 'checksum annotation');
  vp.l('postgresql:', '  auth:');
  const p1 = h.pw();
  vp.s(`    password: "${p1}"`, 'generic', p1);
  const p2 = h.pw();
  vp.s(`    postgresPassword: "${p2}"`, 'generic', p2);
  vp.l('secrets:');
  const vg = t.github();
  vp.s(`  githubToken: ${vg}`, 'github', vg);
  const vl = t.gitlab();
  vp.s(`  gitlabToken: ${vl}`, 'gitlab', vl);
  const vs = h.sonar();
  vp.s(`  sonarToken: ${vs}`, 'sonarqube', vs);

  const tpl = repo.file('charts/backstage/templates/secrets.yaml', 'helm');
  tpl.l('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: backstage-secrets', 'data:');
  tpl.d('  GITHUB_TOKEN: {{ .Values.secrets.githubToken | b64enc | quote }}', 'helm template');
  tpl.d(
    '  GITLAB_TOKEN: {{ required "secrets.gitlabToken is required" .Values.secrets.gitlabToken | b64enc }}',
    'helm template',
  );
  tpl.d('  BACKEND_SECRET: {{ randAlphaNum 32 | b64enc | quote }}', 'helm template');

  const sch = repo.file('charts/backstage/values.schema.json', 'helm');
  sch.l(
    '{',
    '  "$schema": "https://json-schema.org/draft-07/schema#",',
    '  "properties": {',
    '    "secrets": {',
    '      "properties": {',
  );
  sch.d('        "githubToken": { "type": "string", "pattern": "^(ghp_|github_pat_)" },', 'schema');
  sch.d('        "password": { "type": "string", "minLength": 12 }', 'schema');
  sch.l('      }', '    }', '  }', '}');

  const gr = repo.file('deploy/helm/gitlab-runner/values-prod.yaml', 'helm');
  gr.l('gitlabUrl: https://gitlab.stackpine.io/');
  const grt = h.glrt();
  gr.s(`runnerToken: "${grt}"`, 'gitlab', grt);
  gr.l('# runnerRegistrationToken is deprecated since 16.0; kept for the old fleet');
  const grr = h.glReg();
  gr.s(`runnerRegistrationToken: "${grr}"`, 'gitlab', grr);
  gr.l(
    'rbac:',
    '  create: true',
    'runners:',
    '  config: |',
    '    [[runners]]',
    '      [runners.kubernetes]',
    '        namespace = "{{.Release.Namespace}}"',
    '        image = "alpine:3.20"',
    '      [runners.cache]',
    '        Type = "s3"',
    '        Shared = true',
    '        [runners.cache.s3]',
    '          ServerAddress = "s3.amazonaws.com"',
    '          BucketName = "stackpine-runner-cache"',
    '          BucketLocation = "eu-west-1"',
  );
  const gcid = t.awsId();
  const gcs = t.awsSecret();
  gr.s(`          AccessKey = "${gcid}"`, 'aws', gcid);
  gr.s(`          SecretKey = "${gcs}"`, 'aws', gcs);

  const arc = repo.file('deploy/helm/arc-runner-set/values.yaml', 'helm');
  arc.l('githubConfigUrl: "https://github.com/stackpine"', 'githubConfigSecret:');
  arc.d('  github_app_id: "412874"', 'github app id');
  arc.d('  github_app_installation_id: "51234990"', 'installation id');
  arc.l('  github_app_private_key: |');
  const arcKey = t.rsaPem();
  arc.s(
    arcKey.map((l) => `    ${l}`),
    'private-key',
    arcKey.join('\n'),
  );
  arc.l('maxRunners: 40', 'minRunners: 2', 'runnerScaleSetName: stackpine-linux-x64');

  const es = repo.file('deploy/helm/external-secrets/cluster-secret-store.yaml', 'helm');
  es.l(
    'apiVersion: external-secrets.io/v1beta1',
    'kind: ClusterSecretStore',
    'metadata:',
    '  name: vault',
    'spec:',
    '  provider:',
    '    vault:',
    '      server: https://vault.stackpine.io:8200',
    '      path: secret',
    '      version: v2',
    '      auth:',
    '        tokenSecretRef:',
  );
  es.d('          name: vault-token', 'secret name');
  es.d('          key: token', 'secret key');
  es.d('          namespace: external-secrets', 'namespace');
  es.l(
    '---',
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: vault-token',
    '  namespace: external-secrets',
    'stringData:',
  );
  const esv = h.vault();
  es.s(`  token: ${esv}`, 'vault', esv);
  es.l(
    '---',
    'apiVersion: cert-manager.io/v1',
    'kind: ClusterIssuer',
    'metadata:',
    '  name: letsencrypt-prod',
    'spec:',
    '  acme:',
  );
  es.l(
    '    server: https://acme-v02.api.letsencrypt.org/directory',
    '    email: platform@stackpine.io',
    '    privateKeySecretRef:',
  );
  es.d('      name: letsencrypt-prod-account-key', 'secret name');
  es.l('    solvers:', '      - dns01:', '          cloudflare:', '            apiTokenSecretRef:');
  es.d('              name: cloudflare-api-token', 'secret name');
  es.d('              key: api-token', 'secret key');

  const gv = repo.file('deploy/helm/grafana/values-prod.yaml', 'helm');
  gv.l('admin:');
  gv.d('  existingSecret: grafana-admin', 'secret name');
  gv.l(
    'datasources:',
    '  datasources.yaml:',
    '    apiVersion: 1',
    '    datasources:',
    '      - name: Mimir',
    '        type: prometheus',
  );
  gv.l(
    '        url: https://mimir.stackpine.io/prometheus',
    '        basicAuth: true',
    '        basicAuthUser: grafana',
    '        secureJsonData:',
  );
  const bap = h.pw();
  gv.s(`          basicAuthPassword: ${bap}`, 'generic', bap);
  gv.l('      - name: Loki', '        type: loki', '        url: https://loki.stackpine.io', '        jsonData:');
  gv.d('          httpHeaderName1: X-Scope-OrgID', 'header name');
  gv.l('        secureJsonData:');
  gv.d('          httpHeaderValue1: ${LOKI_TENANT}', 'env substitution');
}

// ---- Dockerfiles and compose -------------------------------------------------------------

function docker(repo, t, h) {
  const b = repo.file('backstage/packages/backend/Dockerfile', 'docker');
  b.l('# syntax=docker/dockerfile:1.7');
  b.d(`FROM node:20-bookworm-slim@sha256:${t.sha256()} AS packages`, 'image digest');
  b.l('WORKDIR /app', 'COPY package.json yarn.lock .yarnrc.yml ./');
  b.d('RUN --mount=type=secret,id=npmrc,target=/root/.npmrc yarn install --immutable', 'build secret mount');
  b.d('ARG NPM_TOKEN', 'arg without value');
  const bt = t.github();
  b.s(`ARG GITHUB_PACKAGES_TOKEN=${bt}`, 'github', bt);
  b.d('RUN echo "//npm.pkg.github.com/:_authToken=${GITHUB_PACKAGES_TOKEN}" >> .npmrc', 'variable');
  b.l(
    'COPY . .',
    'RUN yarn tsc && yarn --cwd packages/backend build',
    'CMD ["node", "packages/backend", "--config", "app-config.yaml"]',
  );

  const g = repo.file('cli/pctl/Dockerfile', 'docker');
  g.d(`FROM golang:1.23-alpine@sha256:${t.sha256()} AS build`, 'image digest');
  const gp = h.urlpw();
  g.s(`ARG GOPROXY=https://athens:${gp}@goproxy.stackpine.io,direct`, 'generic', gp);
  g.l('ENV GOPRIVATE=github.com/stackpine/*', 'ENV CGO_ENABLED=0');
  g.d(
    'RUN git config --global url."https://pctl-ci:${GITHUB_TOKEN}@github.com/".insteadOf "https://github.com/"',
    'variable',
  );
  const gg = t.github('gho_');
  g.s(
    `RUN git config --global url."https://x-access-token:${gg}@github.com/stackpine/".insteadOf "https://github.com/stackpine/"`,
    'github',
    gg,
  );
  g.l('WORKDIR /src', 'COPY . .', 'RUN go build -trimpath -o /out/pctl ./cmd/pctl');
  g.d(`LABEL org.opencontainers.image.revision="${t.sha1()}"`, 'git sha');
  g.d(`FROM gcr.io/distroless/static-debian12@sha256:${t.sha256()}`, 'image digest');

  const r = repo.file('services/artifact-proxy/Dockerfile', 'docker');
  r.l(
    'FROM rust:1.82-slim AS build',
    'ENV CARGO_REGISTRIES_STACKPINE_INDEX=sparse+https://cargo.stackpine.io/api/v1/crates/',
  );
  const rt = t.alnum(40);
  r.s(`ENV CARGO_REGISTRIES_STACKPINE_TOKEN="Bearer ${rt}"`, 'generic', rt);
  r.l('WORKDIR /src', 'COPY . .', 'RUN cargo build --release --locked');
  r.d(`FROM gcr.io/distroless/cc-debian12@sha256:${t.sha256()}`, 'image digest');

  const a = repo.file('analytics/Dockerfile', 'docker');
  a.l('FROM quay.io/jupyter/scipy-notebook:2026-10-28');
  const ap = h.urlpw();
  a.s(`ENV PIP_EXTRA_INDEX_URL=https://ci:${ap}@pypi.stackpine.io/simple/`, 'generic', ap);
  a.d('ARG DD_API_KEY', 'arg without value');
  a.l('COPY requirements.txt /tmp/', 'RUN pip install --no-cache-dir -r /tmp/requirements.txt');

  const dc = repo.file('backstage/docker-compose.dev.yml', 'docker');
  dc.l('services:', '  postgres:', '    image: postgres:16', '    environment:');
  dc.d('      POSTGRES_PASSWORD: postgres', 'local default');
  dc.l('  vault:', '    image: hashicorp/vault:1.18', '    environment:');
  dc.d('      VAULT_DEV_ROOT_TOKEN_ID: root', 'dev server default');
  dc.l('  backstage:', '    build: packages/backend', '    environment:');
  dc.d('      GITHUB_TOKEN: ${GITHUB_TOKEN:?set GITHUB_TOKEN}', 'env reference');
  const dsq = h.sonar();
  dc.s(`      SONARQUBE_TOKEN: ${dsq}`, 'sonarqube', dsq);

  const mk = repo.file('Makefile', 'docker');
  mk.l('REGISTRY ?= harbor.stackpine.io', 'REGISTRY_USER ?= robot$$platform+ci');
  const mp = t.alnum(32);
  mk.s(`REGISTRY_PASSWORD ?= ${mp}`, 'generic', mp);
  mk.l('', '.PHONY: docker-login', 'docker-login:');
  mk.d(
    '\t@echo "$(REGISTRY_PASSWORD)" | docker login $(REGISTRY) -u \'$(REGISTRY_USER)\' --password-stdin',
    'variable',
  );
}

// ---- GitHub Actions ----------------------------------------------------------------------

function githubActions(repo, t, h) {
  const b = repo.file('.github/workflows/backstage.yml', 'ci');
  b.l(
    'name: backstage',
    'on:',
    '  push:',
    '    branches: [main]',
    "    paths: ['backstage/**']",
    'permissions:',
    '  contents: read',
    '  id-token: write',
    'env:',
    '  REGISTRY: harbor.stackpine.io',
    '  SONAR_HOST_URL: https://sonar.stackpine.io',
  );
  const sq = h.sonar();
  b.s(`  SONAR_TOKEN: ${sq}`, 'sonarqube', sq);
  b.l('jobs:', '  build:', '    runs-on: [self-hosted, linux, x64]', '    steps:');
  b.d(`      - uses: actions/checkout@${t.sha1()} # v4.2.2`, 'pinned action sha');
  b.d(`      - uses: actions/setup-node@${t.sha1()} # v4.1.0`, 'pinned action sha');
  b.l('        with:', '          node-version: 20', '          registry-url: https://npm.pkg.github.com');
  b.l('      - run: yarn install --immutable', '        env:');
  b.d('          NODE_AUTH_TOKEN: ${{ secrets.GITHUB_TOKEN }}', 'secret reference');
  b.l('      - name: Login to Harbor');
  b.d(`        uses: docker/login-action@${t.sha1()} # v3.3.0`, 'pinned action sha');
  b.l('        with:', '          registry: harbor.stackpine.io', '          username: robot$platform+ci');
  b.d('          password: ${{ secrets.HARBOR_ROBOT_SECRET }}', 'secret reference');
  b.l('      - name: AWS credentials (OIDC)');
  b.d(`        uses: aws-actions/configure-aws-credentials@${t.sha1()} # v4.0.2`, 'pinned action sha');
  b.l('        with:');
  b.d(`          role-to-assume: arn:aws:iam::${h.account()}:role/gha-techdocs-publisher`, 'role arn');
  b.l('          aws-region: eu-west-1');
  b.l(
    '      - name: Publish techdocs',
    '        run: npx @techdocs/cli publish --publisher-type awsS3 --storage-name stackpine-techdocs-prod --entity default/component/portal',
    '        env:',
  );
  const ai = t.awsId();
  const as = t.awsSecret();
  b.s(`          AWS_ACCESS_KEY_ID: ${ai}`, 'aws', ai);
  b.s(`          AWS_SECRET_ACCESS_KEY: ${as}`, 'aws', as);
  b.l('          AWS_REGION: eu-west-1');

  const o = repo.file('.github/workflows/operator-release.yml', 'ci');
  o.l(
    'name: operator-release',
    'on:',
    '  push:',
    "    tags: ['tenant-operator/v*']",
    'jobs:',
    '  release:',
    '    runs-on: ubuntu-24.04',
    '    steps:',
  );
  o.d(`      - uses: goreleaser/goreleaser-action@${t.sha1()} # v6.1.0`, 'pinned action sha');
  o.l('        with:', "          version: '~> v2'", '          args: release --clean', '        env:');
  o.d('          GITHUB_TOKEN: ${{ secrets.GORELEASER_TOKEN }}', 'secret reference');
  const tap = h.ghPat();
  o.s(`          HOMEBREW_TAP_GITHUB_TOKEN: ${tap}`, 'github', tap);
  o.l(
    '      - name: Sign',
    '        run: cosign sign --yes --key env://COSIGN_PRIVATE_KEY harbor.stackpine.io/platform/tenant-operator@${{ steps.build.outputs.digest }}',
    '        env:',
  );
  o.d('          COSIGN_PRIVATE_KEY: ${{ secrets.COSIGN_PRIVATE_KEY }}', 'secret reference');
  const cp = h.pw();
  o.s(`          COSIGN_PASSWORD: "${cp}"`, 'generic', cp);
  o.l(
    '      - name: Notify',
    '        run: |',
    "          curl -sS -X POST -H 'Content-type: application/json' \\",
    '            --data \'{"text":"tenant-operator ${{ github.ref_name }} released"}\' \\',
  );
  const hook = t.slackWebhook();
  o.s(`            ${hook}`, 'slack', hook);

  const tf = repo.file('.github/workflows/terraform-github-org.yml', 'ci');
  tf.l('name: terraform-github-org', 'on:', '  pull_request:', "    paths: ['infra/terraform/github-org/**']", 'env:');
  const tfc = h.tfc();
  tf.s(`  TF_TOKEN_app_terraform_io: ${tfc}`, 'terraform', tfc);
  tf.d('  TF_VAR_github_app_pem: ${{ secrets.TF_GITHUB_APP_PEM }}', 'secret reference');
  tf.l('  TF_IN_AUTOMATION: "true"', 'jobs:', '  plan:', '    runs-on: ubuntu-24.04', '    steps:');
  tf.d(`      - uses: hashicorp/setup-terraform@${t.sha1()} # v3.1.2`, 'pinned action sha');
  tf.l('        with:');
  tf.d('          cli_config_credentials_token: ${{ secrets.TFC_TOKEN }}', 'secret reference');
  const dp = h.dockerPat();
  tf.s(`      - run: terraform plan -var "dockerhub_token=${dp}" -out plan.tfplan`, 'docker', dp);

  const sec = repo.file('.github/workflows/security.yml', 'ci');
  sec.l('name: security', 'on: [pull_request]', 'jobs:', '  snyk:', '    runs-on: ubuntu-24.04', '    env:');
  sec.d(`      SNYK_ORG_ID: ${t.uuid()}`, 'org id');
  const snyk = t.uuid();
  sec.s(`      SNYK_TOKEN: ${snyk}`, 'snyk', snyk);
  sec.l('    steps:');
  sec.d(`      - uses: snyk/actions/node@${t.sha1()}`, 'pinned action sha');

  const cr = repo.file('.github/workflows/finops-cost-report.yml', 'ci');
  cr.l(
    'name: finops-cost-report',
    'on:',
    '  schedule:',
    "    - cron: '0 6 1 * *'",
    'jobs:',
    '  report:',
    '    runs-on: ubuntu-24.04',
    '    env:',
  );
  const ick = h.infracost();
  cr.s(`      INFRACOST_API_KEY: ${ick}`, 'infracost', ick);
  cr.d('      DD_API_KEY: ${{ secrets.DD_API_KEY }}', 'secret reference');
  cr.l(
    '    steps:',
    '      - run: jupyter nbconvert --execute --to html analytics/finops/notebooks/2026-10-cloud-cost-report.ipynb',
  );

  const ca = repo.file('.github/actions/setup-pctl/action.yml', 'ci');
  ca.l("name: 'Setup pctl'", "description: 'Installs pctl and logs in to the platform API'", 'inputs:', '  token:');
  ca.l("    description: 'pctl API token'", '    required: false');
  const cat = `spk_${t.alnum(40)}`;
  ca.s(`    default: '${cat}'`, 'generic', cat);
  ca.l('runs:', "  using: 'composite'", '  steps:');
  ca.d('    - run: pctl login --token "${{ inputs.token }}"', 'input reference');
  ca.l('      shell: bash');

  const gl = repo.file('.gitleaks.toml', 'ci');
  gl.l('[extend]', 'useDefault = true', '', '[allowlist]', 'description = "fixtures and placeholders"');
  gl.d("regexes = ['''ghp_X{36}''', '''glpat-x{20}''', '''squ_0{40}''']", 'allowlist regexes');
  gl.d("paths = ['''backstage/\\.env\\.example''', '''.*_test\\.go''']", 'allowlist paths');
}

// ---- GitLab CI ---------------------------------------------------------------------------

function gitlabCi(repo, t, h) {
  const g = repo.file('.gitlab-ci.yml', 'ci');
  g.l(
    'include:',
    '  - project: platform/ci-templates',
    '    ref: v3.4.1',
    '    file: /templates/docker.gitlab-ci.yml',
    '',
    'stages: [lint, build, deploy]',
    '',
    'variables:',
    '  DOCKER_DRIVER: overlay2',
  );
  const robot = t.alnum(32);
  g.s(
    `  DOCKER_AUTH_CONFIG: '{"auths":{"harbor.stackpine.io":{"auth":"${h.enc(`robot$platform+ci:${robot}`)}"}}}'`,
    'generic',
    robot,
  );
  const sq = h.sonar();
  g.s(`  SONAR_TOKEN: "${sq}"`, 'sonarqube', sq);
  g.l(
    '  KUBE_CONTEXT: platform/agents:prod-eu',
    '',
    'build:operator:',
    '  stage: build',
    '  image: gcr.io/kaniko-project/executor:v1.23.2-debug',
    '  script:',
  );
  g.d(
    '    - echo "{\\"auths\\":{\\"$CI_REGISTRY\\":{\\"username\\":\\"$CI_REGISTRY_USER\\",\\"password\\":\\"$CI_REGISTRY_PASSWORD\\"}}}" > /kaniko/.docker/config.json',
    'variables',
  );
  g.l(
    '    - /kaniko/executor --context operators/tenant-operator --destination $CI_REGISTRY_IMAGE:$CI_COMMIT_SHORT_SHA',
  );
  g.l('', 'deploy:backstage:', '  stage: deploy', '  image: alpine/k8s:1.31.2', '  script:');
  const hp = h.urlpw();
  g.s(`    - helm repo add stackpine https://charts.stackpine.io --username gitlab-ci --password ${hp}`, 'generic', hp);
  const pt = t.gitlab();
  g.s(
    `    - 'curl --fail -sS --header "PRIVATE-TOKEN: ${pt}" "https://gitlab.stackpine.io/api/v4/projects/412/deployments"'`,
    'gitlab',
    pt,
  );
  const tt = h.glptt();
  g.s(
    `    - curl -X POST --fail -F token=${tt} -F ref=main https://gitlab.stackpine.io/api/v4/projects/518/trigger/pipeline`,
    'gitlab',
    tt,
  );
  g.d(
    '    - argocd app sync backstage --auth-token "$ARGOCD_AUTH_TOKEN" --server argocd.stackpine.io --grpc-web',
    'variable',
  );
  g.l('  rules:', '    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH');

  const d = repo.file('ci/templates/docker.gitlab-ci.yml', 'ci');
  d.l('.docker-login:', '  before_script:');
  d.d(
    '    - echo "$CI_REGISTRY_PASSWORD" | docker login -u "$CI_REGISTRY_USER" --password-stdin "$CI_REGISTRY"',
    'variables',
  );
  const dp = h.dockerPat();
  d.s(`    - docker login -u stackpinebot -p ${dp} docker.io`, 'docker', dp);
  d.l('', '.deploy-argocd:', '  variables:', '    ARGOCD_SERVER: argocd.stackpine.io');
  const aj = h.argoJwt('gitlab-ci');
  d.s(`    ARGOCD_AUTH_TOKEN: ${aj}`, 'jwt', aj);

  d.l('', '.vault-env: &vault_env', '  VAULT_ADDR: https://vault.stackpine.io:8200');
  const dv = h.vault();
  d.s(`  VAULT_TOKEN: ${dv}`, 'vault', dv);
  d.l('', 'fetch-secrets:', '  variables:', '    <<: *vault_env', '  script:');
  d.d('    - export GITHUB_TOKEN="$(vault kv get -field=token secret/platform/github)"', 'command substitution');

  const tf = repo.file('ci/templates/terraform.gitlab-ci.yml', 'ci');
  tf.l('.terraform:', '  image: hashicorp/terraform:1.9', '  variables:', '    TF_HTTP_USERNAME: gitlab-ci-token');
  tf.d('    TF_HTTP_PASSWORD: ${CI_JOB_TOKEN}', 'ci variable');
  tf.l('    TF_HTTP_ADDRESS: ${CI_API_V4_URL}/projects/${CI_PROJECT_ID}/terraform/state/${TF_STATE_NAME}');
  const cf = t.cloudflare();
  tf.s(`    TF_VAR_cloudflare_api_token: ${cf}`, 'cloudflare', cf);
}

// ---- credential files --------------------------------------------------------------------

function credStores(repo, t, h) {
  const n = repo.file('backstage/.npmrc', 'credstore');
  n.l('@stackpine:registry=https://npm.pkg.github.com');
  n.d('//npm.pkg.github.com/:_authToken=${NODE_AUTH_TOKEN}', 'env reference');
  const nt = t.npm();
  n.s(`//registry.npmjs.org/:_authToken=${nt}`, 'npm', nt);
  n.l('always-auth=true');

  const y = repo.file('backstage/.yarnrc.yml', 'credstore');
  y.l('nodeLinker: node-modules', 'npmScopes:', '  stackpine:', '    npmRegistryServer: "https://npm.pkg.github.com"');
  y.d('    npmAuthToken: "${GITHUB_PACKAGES_TOKEN}"', 'env reference');
  y.l('npmRegistries:', '  "https://nexus.stackpine.io/repository/npm-group/":', '    npmAlwaysAuth: true');
  const yp = h.urlpw();
  y.s(`    npmAuthIdent: "${h.enc(`ci-backstage:${yp}`)}"`, 'generic', yp);

  const p = repo.file('tools/python/.pypirc', 'credstore');
  p.l('[distutils]', 'index-servers =', '    pypi', '    stackpine', '', '[pypi]', 'username = __token__');
  const pt = t.pypi();
  p.s(`password = ${pt}`, 'pypi', pt);
  p.l('', '[stackpine]', 'repository = https://pypi.stackpine.io/', 'username = release-bot');
  const pp = h.pw();
  p.s(`password = ${pp}`, 'generic', pp);

  const dc = repo.file('ops/dotfiles/.docker/config.json', 'credstore');
  dc.l('{', '  "auths": {', '    "harbor.stackpine.io": {');
  const hu = h.human();
  dc.s(`      "auth": "${h.enc(`admin:${hu}`)}"`, 'generic', hu);
  dc.l('    },', '    "https://index.docker.io/v1/": {');
  const dpat = h.dockerPat();
  dc.s(`      "auth": "${h.enc(`stackpinebot:${dpat}`)}"`, 'docker', dpat);
  dc.l('    },', '    "ghcr.io": {}', '  },');
  dc.d('  "credsStore": "desktop",', 'credential helper name');
  dc.l('  "currentContext": "default"', '}');

  const pull = repo.file('deploy/k8s/backstage/ghcr-pull-secret.yaml', 'credstore');
  const pullTok = t.github();
  const pullAuth = h.enc(`stackpine-bot:${pullTok}`);
  pull.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: ghcr-pull',
    '  namespace: backstage',
    'type: kubernetes.io/dockerconfigjson',
    'data:',
  );
  pull.s(
    `  .dockerconfigjson: ${h.enc(JSON.stringify({ auths: { 'ghcr.io': { username: 'stackpine-bot', auth: pullAuth } } }))}`,
    'github',
    pullAuth,
  );

  const gh = repo.file('ops/dotfiles/.config/gh/hosts.yml', 'credstore');
  gh.l('github.com:', '    users:', '        platform-oncall:');
  const gho = t.github('gho_');
  gh.s(`            oauth_token: ${gho}`, 'github', gho);
  gh.l('    git_protocol: https', '    user: platform-oncall');

  const glab = repo.file('ops/dotfiles/.config/glab-cli/config.yml', 'credstore');
  glab.l('git_protocol: ssh', 'hosts:', '    gitlab.stackpine.io:');
  const gt = t.gitlab();
  glab.s(`        token: ${gt}`, 'gitlab', gt);
  glab.l('        api_host: gitlab.stackpine.io', '        api_protocol: https', '        user: jmaier');

  const vt = repo.file('ops/dotfiles/.vault-token', 'credstore');
  const v = h.vault();
  vt.s(v, 'vault', v);

  const tfrc = repo.file('ops/dotfiles/.terraform.d/credentials.tfrc.json', 'credstore');
  tfrc.l('{', '  "credentials": {', '    "app.terraform.io": {');
  const tc = h.tfc();
  tfrc.s(`      "token": "${tc}"`, 'terraform', tc);
  tfrc.l('    }', '  }', '}');

  const kc = repo.file('ops/dotfiles/.kube/config', 'credstore');
  kc.l(
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '  - name: platform-dev',
    '    cluster:',
    '      server: https://k8s-dev.stackpine.io:6443',
  );
  kc.d(`      certificate-authority-data: ${h.enc(h.cert())}`, 'CA certificate');
  kc.l(
    'users:',
    '  - name: eks-prod',
    '    user:',
    '      exec:',
    '        apiVersion: client.authentication.k8s.io/v1beta1',
    '        command: aws',
  );
  kc.d('        args: ["eks", "get-token", "--cluster-name", "prod-eu-west-1"]', 'exec plugin');
  kc.l(
    '  - name: oidc',
    '    user:',
    '      auth-provider:',
    '        name: oidc',
    '        config:',
    '          client-id: kubernetes',
  );
  const cs = t.alnum(32);
  kc.s(`          client-secret: ${cs}`, 'generic', cs);
  const idt = h.oidcJwt();
  kc.s(`          id-token: ${idt}`, 'jwt', idt);
  kc.l('          idp-issuer-url: https://dex.stackpine.io');
  const rt = `Chl${t.mixed(LOWER + DIGIT, 24)}Ehl${t.mixed(LOWER + DIGIT, 24)}`;
  kc.s(`          refresh-token: ${rt}`, 'generic', rt);
}

// ---- FinOps notebooks --------------------------------------------------------------------

function notebooks(repo, t, h) {
  // One line of a notebook "source" or "text" array, JSON-encoded as nbformat writes it.
  const q = (py, indent = 4, last = false) =>
    `${' '.repeat(indent)}${JSON.stringify(last ? py : py + '\n')}${last ? '' : ','}`;
  const acct = [h.account(), h.account(), h.account()];

  const f = repo.file('analytics/finops/notebooks/2026-10-cloud-cost-report.ipynb', 'notebook');
  f.l(
    '{',
    ' "cells": [',
    '  {',
    '   "cell_type": "markdown",',
    `   "id": "${t.pick(HEX, 8)}",`,
    '   "metadata": {},',
    '   "source": [',
    q('# Cloud cost report \u2014 October 2026'),
    q('Owner: FinOps guild. Sources: AWS CUR (Athena), Snowflake, Datadog usage API.', 4, true),
    '   ]',
    '  },',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 1,',
    `   "id": "${t.pick(HEX, 8)}",`,
    '   "metadata": {},',
    '   "outputs": [],',
    '   "source": [',
    q('import os'),
    q('import boto3'),
    q('import pandas as pd'),
    q('from pyathena import connect'),
    q(''),
  );
  const nId = t.awsId();
  const nSec = t.awsSecret();
  f.s(q(`os.environ["AWS_ACCESS_KEY_ID"] = "${nId}"`), 'aws', nId);
  f.s(q(`os.environ["AWS_SECRET_ACCESS_KEY"] = "${nSec}"`), 'aws', nSec);
  f.l(
    q('os.environ["AWS_DEFAULT_REGION"] = "us-east-1"'),
    q('conn = connect(s3_staging_dir="s3://stackpine-athena-results/finops/", region_name="us-east-1")', 4, true),
    '   ]',
    '  },',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 2,',
    `   "id": "${t.pick(HEX, 8)}",`,
    '   "metadata": {},',
    '   "outputs": [',
    '    {',
    '     "name": "stdout",',
    '     "output_type": "stream",',
    '     "text": [',
  );
  f.d(q(`Assumed role arn:aws:sts::${acct[0]}:assumed-role/finops-reader/notebook`, 6), 'account id in arn');
  const asia = h.asia();
  const asec = t.awsSecret();
  const stok = h.sessionToken();
  f.s(
    q(
      `{'AccessKeyId': '${asia}', 'SecretAccessKey': '${asec}', 'SessionToken': '${stok}', 'Expiration': datetime.datetime(2026, 11, 3, 14, 2, 11, tzinfo=tzutc())}`,
      6,
      true,
    ),
    'aws',
    asec,
  );
  f.l('     ]', '    }', '   ],', '   "source": [', q('sts = boto3.client("sts")'));
  f.d(
    q(
      `creds = sts.assume_role(RoleArn="arn:aws:iam::${acct[0]}:role/finops-reader", RoleSessionName="notebook")["Credentials"]`,
    ),
    'role arn',
  );
  f.l(q('print(creds)', 4, true), '   ]', '  },');
  f.l(
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 3,',
    `   "id": "${t.pick(HEX, 8)}",`,
    '   "metadata": {},',
    '   "outputs": [',
    '    {',
    '     "data": {',
    '      "text/plain": [',
    q('  account_id      env      cost_usd', 8),
  );
  f.d(q(`0 ${acct[0]}  prod-eu  412881.23`, 8), 'account id in table');
  f.d(q(`1 ${acct[1]}  prod-us  298114.70`, 8), 'account id in table');
  f.d(q(`2 ${acct[2]}  staging   61402.18`, 8, true), 'account id in table');
  f.l(
    '      ]',
    '     },',
    '     "execution_count": 3,',
    '     "metadata": {},',
    '     "output_type": "execute_result"',
    '    }',
    '   ],',
    '   "source": [',
    q(
      'df = pd.read_sql("SELECT line_item_usage_account_id AS account_id, env, SUM(line_item_unblended_cost) AS cost_usd FROM cur.cur_2026_10 GROUP BY 1, 2", conn)',
    ),
    q('df', 4, true),
    '   ]',
    '  },',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 4,',
    `   "id": "${t.pick(HEX, 8)}",`,
    '   "metadata": {},',
    '   "outputs": [],',
    '   "source": [',
    q('from datadog_api_client import ApiClient, Configuration'),
    q('from datadog_api_client.v2.api.usage_metering_api import UsageMeteringApi'),
    q('cfg = Configuration()'),
  );
  const ddk = t.ddApi();
  const dda = t.ddApp();
  f.s(q(`cfg.api_key["apiKeyAuth"] = "${ddk}"`), 'datadog', ddk);
  f.s(q(`cfg.api_key["appKeyAuth"] = "${dda}"`), 'datadog', dda);
  f.l(q('cfg.server_variables["site"] = "datadoghq.eu"'), q(''), q('import snowflake.connector'));
  f.l(q('ctx = snowflake.connector.connect('), q('    user="FINOPS_SVC",'));
  const sfp = h.pw();
  f.s(q(`    password="${sfp}",`), 'generic', sfp);
  f.l(q('    account="xy12345.eu-west-1",'), q('    warehouse="FINOPS_WH",'), q(')', 4, true), '   ]', '  },');
  f.l(
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 5,',
    `   "id": "${t.pick(HEX, 8)}",`,
    '   "metadata": {},',
    '   "outputs": [',
    '    {',
    '     "data": {',
  );
  f.d(`      "image/png": "${t.pngBase64()}",`, 'embedded chart png');
  f.l(
    '      "text/plain": [',
    q('<Figure size 1200x500 with 1 Axes>', 8, true),
    '      ]',
    '     },',
    '     "metadata": {},',
    '     "output_type": "display_data"',
    '    }',
    '   ],',
    '   "source": [',
    q('df.pivot_table(index="env", values="cost_usd").plot.bar(figsize=(12, 5))', 4, true),
    '   ]',
    '  }',
    ' ],',
    ' "metadata": {',
    '  "kernelspec": { "display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3" },',
    '  "language_info": { "name": "python", "version": "3.12.7" }',
    ' },',
    ' "nbformat": 4,',
    ' "nbformat_minor": 5',
    '}',
  );

  const k = repo.file('analytics/finops/notebooks/kubecost-showback.ipynb', 'notebook');
  k.l(
    '{',
    ' "cells": [',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 1,',
    `   "id": "${t.pick(HEX, 8)}",`,
    '   "metadata": {},',
    '   "outputs": [',
    '    {',
    '     "name": "stdout",',
    '     "output_type": "stream",',
    '     "text": [',
    q('Looking in indexes: https://pypi.org/simple, https://pypi.stackpine.io/simple', 6),
    q('Successfully installed finops-tools-0.9.1', 6, true),
    '     ]',
    '    }',
    '   ],',
    '   "source": [',
  );
  const kip = h.urlpw();
  k.s(
    q(`!pip install --extra-index-url https://ci:${kip}@pypi.stackpine.io/simple finops-tools==0.9.1`, 4, true),
    'generic',
    kip,
  );
  k.l(
    '   ]',
    '  },',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 2,',
    `   "id": "${t.pick(HEX, 8)}",`,
    '   "metadata": {},',
    '   "outputs": [],',
    '   "source": [',
  );
  k.l(q('import os, requests'), q('from github import Github'), q('KUBECOST = "https://kubecost.stackpine.io"'));
  const kpw = h.pw();
  k.s(q(`auth = ("finops", "${kpw}")`), 'generic', kpw);
  const kic = h.infracost();
  k.s(q(`INFRACOST_API_KEY = "${kic}"`), 'infracost', kic);
  k.d(q('GITHUB_TOKEN = os.environ["GITHUB_TOKEN"]'), 'env lookup');
  const kgh = h.ghPat();
  k.s(q(`gh = Github("${kgh}")  # fine-grained, org billing read`), 'github', kgh);
  k.l(
    q(
      'alloc = requests.get(f"{KUBECOST}/model/allocation", params={"window": "30d", "aggregate": "namespace"}, auth=auth).json()',
      4,
      true,
    ),
  );
  k.l(
    '   ]',
    '  },',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 3,',
    `   "id": "${t.pick(HEX, 8)}",`,
    '   "metadata": {},',
    '   "outputs": [],',
    '   "source": [',
  );
  k.l(
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 4,',
    `   "id": "${t.pick(HEX, 8)}",`,
    '   "metadata": {},',
    '   "outputs": [',
  );
  k.l(
    '    {',
    '     "ename": "HTTPError",',
    '     "evalue": "403 Client Error: Forbidden",',
    '     "output_type": "error",',
    '     "traceback": [',
  );
  k.l(q('\u001b[0;31mHTTPError\u001b[0m                                 Traceback (most recent call last)', 6));
  const kat = t.github('gho_');
  k.s(
    q(
      `\u001b[0;31mHTTPError\u001b[0m: 403 Client Error: Forbidden for url: https://api.github.com/orgs/stackpine/settings/billing/actions?access_token=${kat}`,
      6,
      true,
    ),
    'github',
    kat,
  );
  k.l(
    '     ]',
    '    }',
    '   ],',
    '   "source": [',
    q('minutes = requests.get(billing_url).json()', 4, true),
    '   ]',
    '  },',
  );
  const ksl = t.slackWebhook();
  k.s(q(`requests.post("${ksl}", json={"text": f"October showback: {total:,.0f} USD"})`, 4, true), 'slack', ksl);
  k.l(
    '   ]',
    '  }',
    ' ],',
    ' "metadata": {',
    '  "widgets": {',
    '   "application/vnd.jupyter.widget-state+json": {',
    '    "state": {',
  );
  k.d(
    `     "${t.pick(HEX, 32)}": { "model_name": "DropdownModel", "model_module": "@jupyter-widgets/controls", "state": { "options": ["30d", "90d"] } },`,
    'widget model id',
  );
  k.d(
    `     "${t.pick(HEX, 32)}": { "model_name": "LayoutModel", "model_module": "@jupyter-widgets/base", "state": {} }`,
    'widget model id',
  );
  k.l(
    '    },',
    '    "version_major": 2,',
    '    "version_minor": 0',
    '   }',
    '  }',
    ' },',
    ' "nbformat": 4,',
    ' "nbformat_minor": 5',
    '}',
  );

  const b = repo.file('analytics/finops/notebooks/gcp-billing-bigquery.ipynb', 'notebook');
  const bp = t.pkcs8Pem();
  b.l(
    '{',
    ' "cells": [',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 1,',
    `   "id": "${t.pick(HEX, 8)}",`,
    '   "metadata": {},',
    '   "outputs": [],',
    '   "source": [',
    q('from google.cloud import bigquery'),
    q('from google.oauth2 import service_account'),
    q('sa_info = {'),
    q('    "type": "service_account",'),
    q('    "project_id": "stackpine-billing",'),
  );
  b.d(q(`    "private_key_id": "${t.hex(40)}",`), 'key id');
  b.s(q(`    "private_key": "${bp.join('\\n')}\\n",`), 'gcp', bp[1]);
  b.l(
    q('    "client_email": "finops-bq@stackpine-billing.iam.gserviceaccount.com",'),
    q('    "token_uri": "https://oauth2.googleapis.com/token",'),
    q('}'),
    q('client = bigquery.Client(credentials=service_account.Credentials.from_service_account_info(sa_info))', 4, true),
    '   ]',
    '  },',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 2,',
    `   "id": "${t.pick(HEX, 8)}",`,
    '   "metadata": {},',
    '   "outputs": [],',
    '   "source": [',
  );
  b.d(
    q('client2 = bigquery.Client.from_service_account_json("/home/jovyan/.secrets/finops-bq.json")', 4, true),
    'file reference',
  );
  b.l('   ]', '  }', ' ],', ' "metadata": {},', ' "nbformat": 4,', ' "nbformat_minor": 5', '}');
}

// ---- shell -------------------------------------------------------------------------------

function shell(repo, t, h) {
  const b = repo.file('scripts/bootstrap/bootstrap-cluster.sh', 'shell');
  b.l(
    '#!/usr/bin/env bash',
    '# Bootstraps a fresh EKS cluster with ArgoCD + Crossplane. Run from a platform laptop.',
    'set -euo pipefail',
    'CLUSTER="${1:?usage: bootstrap-cluster.sh <cluster-name>}"',
    'export VAULT_ADDR=https://vault.stackpine.io:8200',
  );
  const bv = h.vault();
  b.s(`export VAULT_TOKEN=${bv}`, 'vault', bv);
  b.l(
    'export AWS_PROFILE=platform-admin',
    '',
    'helm upgrade --install argocd argo/argo-cd -n argocd --create-namespace -f gitops/argocd/values.yaml --version 7.7.3',
  );
  b.d(
    "ARGO_PW=$(kubectl -n argocd get secret argocd-initial-admin-secret -o jsonpath='{.data.password}' | base64 -d)",
    'command substitution',
  );
  b.d('argocd login argocd.stackpine.io --username admin --password "$ARGO_PW" --grpc-web', 'variable');
  const np = h.human();
  b.s(`argocd account update-password --current-password "$ARGO_PW" --new-password '${np}'`, 'generic', np);
  b.d(
    'argocd repocreds add https://github.com/stackpine --github-app-id 412875 --github-app-installation-id 51234987 --github-app-private-key-path ~/.keys/argocd-github-app.pem',
    'file reference',
  );
  b.d(
    'kubectl -n crossplane-system create secret generic aws-creds --from-file=creds=./aws-credentials.txt',
    'file reference',
  );
  const bg = t.github();
  b.s(
    `kubectl -n crossplane-system create secret generic github-creds --from-literal=credentials='{"token":"${bg}","owner":"stackpine"}'`,
    'github',
    bg,
  );
  const bh = t.alnum(32);
  b.s(
    `kubectl -n backstage create secret docker-registry harbor-pull --docker-server=harbor.stackpine.io --docker-username='robot$backstage+pull' --docker-password=${bh}`,
    'generic',
    bh,
  );
  const vg = t.github();
  const vl = t.gitlab();
  b.s(`vault kv put secret/platform/backstage github_token=${vg} gitlab_token=${vl}`, 'github', vg);
  b.l('echo "cluster $CLUSTER bootstrapped"');

  const w = repo.file('scripts/dev/setup-workstation.sh', 'shell');
  w.l('#!/usr/bin/env bash', '# New-joiner workstation setup for the platform team.', 'set -e');
  const wg = t.github();
  w.s(`echo "${wg}" | gh auth login --hostname github.com --with-token`, 'github', wg);
  w.d('gh auth login --with-token < ~/.config/stackpine/gh-token', 'file reference');
  w.d('npm config set //npm.pkg.github.com/:_authToken "$GITHUB_TOKEN"', 'variable');
  const wn = t.npm();
  w.s(`npm config set //registry.npmjs.org/:_authToken ${wn}`, 'npm', wn);
  const wl = t.gitlab();
  w.s(
    `git config --global url."https://oauth2:${wl}@gitlab.stackpine.io/".insteadOf "https://gitlab.stackpine.io/"`,
    'gitlab',
    wl,
  );
  const wh = h.human();
  w.s(`docker login harbor.stackpine.io -u jmaier -p '${wh}'`, 'generic', wh);
  w.l("cat >> ~/.bashrc <<'EOF'");
  const wp = `spk_${t.alnum(40)}`;
  w.s(`export PCTL_TOKEN=${wp}`, 'generic', wp);
  const wi = h.infracost();
  w.s(`export INFRACOST_API_KEY=${wi}`, 'infracost', wi);
  w.l('EOF');

  const r = repo.file('scripts/rotate/rotate-sonar-token.sh', 'shell');
  r.l('#!/usr/bin/env bash', 'set -euo pipefail', 'SONAR=https://sonar.stackpine.io');
  const ra = h.human();
  r.s(
    `NEW=$(curl -sf -u 'admin:${ra}' -X POST "$SONAR/api/user_tokens/generate?name=ci-$(date +%Y%m)" | jq -r .token)`,
    'generic',
    ra,
  );
  r.d(
    'curl -sf -H "PRIVATE-TOKEN: ${GITLAB_ADMIN_TOKEN}" -X PUT "https://gitlab.stackpine.io/api/v4/groups/12/variables/SONAR_TOKEN" --form "value=$NEW"',
    'variable',
  );
  const rs = h.sonar();
  r.s(`curl -sf -u "${rs}:" "$SONAR/api/authentication/validate"`, 'sonarqube', rs);

  const hr = repo.file('scripts/bootstrap/bootstrap-cluster.sh', 'shell');
  hr.l('', '# CI runners', 'helm repo add gitlab https://charts.gitlab.io');
  const hrt = h.glrt();
  hr.s(
    `helm upgrade --install gitlab-runner gitlab/gitlab-runner -n gitlab-runner --create-namespace -f deploy/helm/gitlab-runner/values-prod.yaml --set-string runnerToken=${hrt}`,
    'gitlab',
    hrt,
  );
  hr.d(
    'helm upgrade --install arc oci://ghcr.io/actions/actions-runner-controller-charts/gha-runner-scale-set-controller -n arc-systems --create-namespace',
    'no secret',
  );

  const py = repo.file('scripts/finops/export_costs.py', 'shell');
  py.l(
    '#!/usr/bin/env python3',
    '"""Monthly Cost Explorer export for the showback notebook."""',
    'import boto3',
    '',
    'ce = boto3.client(',
    '    "ce",',
    '    region_name="us-east-1",',
  );
  const pyId = t.awsId();
  const pySec = t.awsSecret();
  py.s(`    aws_access_key_id="${pyId}",`, 'aws', pyId);
  py.s(`    aws_secret_access_key="${pySec}",`, 'aws', pySec);
  py.l(')');
  py.d('session = boto3.Session(profile_name="finops-reader")', 'profile name');

  const rr = repo.file('scripts/ci/register-runner.sh', 'shell');
  rr.l('#!/bin/sh', 'set -eu');
  const rt = h.glrt();
  rr.s(
    `gitlab-runner register --non-interactive --url https://gitlab.stackpine.io --token ${rt} --executor kubernetes --description "platform-k8s"`,
    'gitlab',
    rt,
  );
  rr.d(
    'gitlab-runner register --non-interactive --url "$CI_SERVER_URL" --registration-token "$REGISTRATION_TOKEN" --executor docker',
    'variable',
  );
}

// ---- logs --------------------------------------------------------------------------------

function logs(repo, t, h) {
  const g = repo.file('logs/ci/gitlab-runner/job-884213.log', 'logs');
  g.l(`Running with gitlab-runner 17.5.2 (${t.pick(HEX, 8)})`);
  g.d(
    `  on platform-k8s-runner-7d9c ${t.mixed(URLSAFE, 8)}, system ID: r_${t.alnum(12)}`,
    'runner short token and system id',
  );
  g.l(
    'Preparing the "kubernetes" executor',
    'Using Kubernetes namespace: gitlab-runner',
    'Getting source from Git repository',
    'Fetching changes with git depth set to 20...',
    'Initialized empty Git repository in /builds/platform/backstage/.git/',
  );
  g.d(`Checking out ${t.pick(HEX, 8)} as detached HEAD (ref is main)...`, 'short sha');
  g.l('Executing "step_script" stage of the job script');
  g.d(
    '$ echo "$CI_REGISTRY_PASSWORD" | docker login -u "$CI_REGISTRY_USER" --password-stdin "$CI_REGISTRY"',
    'variables',
  );
  g.l('Login Succeeded');
  const gd = h.dockerPat();
  g.s(`$ docker login -u stackpinebot -p ${gd} docker.io`, 'docker', gd);
  g.d('WARNING! Using --password via the CLI is insecure. Use --password-stdin.', 'docker warning');
  g.d('$ helm repo add stackpine https://charts.stackpine.io --username gitlab-ci --password [MASKED]', 'masked');
  g.l(
    '"stackpine" has been added to your repositories',
    '$ docker buildx build --push -t harbor.stackpine.io/platform/backstage:1.34.2 backstage',
  );
  g.d(`#14 writing image sha256:${t.sha256()} done`, 'image digest');
  g.d(
    `#15 pushing manifest for harbor.stackpine.io/platform/backstage:1.34.2@sha256:${t.sha256()} 0.4s done`,
    'image digest',
  );
  g.l('$ export | grep -i token');
  g.d('declare -x CI_JOB_TOKEN="[MASKED]"', 'masked');
  const gs = h.sonar();
  g.s(`declare -x SONAR_TOKEN="${gs}"`, 'sonarqube', gs);
  g.l('$ terraform plan', '  + resource "github_actions_organization_secret" "npm_token" {');
  g.d('      + plaintext_value = (sensitive value)', 'terraform redaction');
  g.l(
    '      + secret_name     = "NPM_TOKEN"',
    '    }',
    'Cleaning up project directory and file based variables',
    'Job succeeded',
  );

  const a = repo.file('logs/ci/github-actions/operator-release-4471.txt', 'logs');
  a.l(
    `2026-11-18T10:02:11.4412340Z ##[group]Run goreleaser/goreleaser-action@${t.sha1()}`,
    '2026-11-18T10:02:11.4413010Z env:',
  );
  a.d('2026-11-18T10:02:11.4413551Z   GITHUB_TOKEN: ***', 'masked');
  a.d('2026-11-18T10:02:11.4413902Z   HOMEBREW_TAP_GITHUB_TOKEN: ***', 'masked');
  const ap = `spk_${t.alnum(40)}`;
  a.s(`2026-11-18T10:02:11.4414120Z   PCTL_TOKEN: ${ap}`, 'generic', ap);
  const asl = t.slackWebhook();
  a.s(`2026-11-18T10:02:11.4414388Z   SLACK_WEBHOOK_URL: ${asl}`, 'slack', asl);
  a.l(
    '2026-11-18T10:02:11.4414650Z ##[endgroup]',
    '2026-11-18T10:03:40.0012201Z   \u2022 publishing',
    '2026-11-18T10:04:02.1177700Z ##[group]Run echo "$KUBECONFIG_DATA" | base64 -d > ~/.kube/config',
  );
  const kt = h.saJwt('ci', 'gha-deployer');
  const kube = [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '- cluster:',
    '    server: https://k8s-staging.stackpine.io:6443',
    '  name: staging',
    'users:',
    '- name: gha-deployer',
    '  user:',
    `    token: ${kt}`,
    'contexts:',
    '- context: {cluster: staging, user: gha-deployer}',
    '  name: staging',
    'current-context: staging',
  ].join('\n');
  a.s(`2026-11-18T10:04:02.1178001Z   KUBECONFIG_DATA: ${h.enc(kube)}`, 'jwt', kt);
  a.l('2026-11-18T10:04:02.1178410Z ##[endgroup]');
  a.d(`2026-11-18T10:04:02.9001200Z tlog entry created with index: ${t.digits(9)}`, 'rekor index');
  a.d(
    `2026-11-18T10:04:02.9001800Z Pushing signature to: harbor.stackpine.io/platform/tenant-operator:sha256-${t.sha256()}.sig`,
    'signature tag',
  );
  a.l(`2026-11-18T10:04:03.0001112Z ##[group]Run actions/create-github-app-token@${t.sha1()}`);
  a.d('2026-11-18T10:04:03.0001530Z   private-key: ***', 'masked');
  const mask = t.github('ghs_');
  a.s(`2026-11-18T10:04:04.2210044Z ##[group]Run echo "::add-mask::${mask}"`, 'github', mask);
  a.d('2026-11-18T10:04:04.2211500Z   echo "token=***" >> "$GITHUB_OUTPUT"', 'masked');

  const k = repo.file('logs/kubectl/argocd-secrets.txt', 'logs');
  k.l('$ kubectl -n argocd get secret argocd-initial-admin-secret -o yaml', 'apiVersion: v1', 'data:');
  const ip = t.mixed(ALNUM + '-', 16);
  k.s(`  password: ${h.enc(ip)}`, 'generic', ip);
  k.l(
    'kind: Secret',
    'metadata:',
    '  creationTimestamp: "2026-09-14T08:21:30Z"',
    '  name: argocd-initial-admin-secret',
    '  namespace: argocd',
    '  resourceVersion: "48213"',
  );
  k.d(`  uid: ${t.uuid()}`, 'uid');
  k.l(
    'type: Opaque',
    '$ kubectl -n argocd describe secret argocd-secret',
    'Name:         argocd-secret',
    'Namespace:    argocd',
    'Type:  Opaque',
    '',
    'Data',
    '====',
  );
  k.d('admin.password:         60 bytes', 'describe byte count');
  k.d('server.secretkey:       44 bytes', 'describe byte count');
  k.d('webhook.github.secret:  22 bytes', 'describe byte count');
  k.l("$ kubectl -n crossplane-system get secret github-creds -o jsonpath='{.data.credentials}' | base64 -d");
  const kg = t.github();
  k.s(`{"token":"${kg}","owner":"stackpine"}`, 'github', kg);
  k.l(
    '$ kubectl -n backstage get secret backstage-secrets -o go-template=\'{{range $k,$v := .data}}{{printf "%s: " $k}}{{$v | base64decode}}{{"\\n"}}{{end}}\'',
  );
  const kbg = t.github();
  k.s(`GITHUB_TOKEN: ${kbg}`, 'github', kbg);
  const kbl = t.gitlab();
  k.s(`GITLAB_TOKEN: ${kbl}`, 'gitlab', kbl);
  const kbp = h.pw();
  k.s(`POSTGRES_PASSWORD: ${kbp}`, 'generic', kbp);
  k.l('$ kubectl -n argocd get secret argocd-initial-admin-secret -o jsonpath="{.data.password}" | base64 -d; echo');
  const ip2 = t.mixed(ALNUM, 16);
  k.s(ip2, 'generic', ip2);

  k.l('$ kubectl -n argocd get secret argocd-notifications-secret -o yaml', 'apiVersion: v1', 'data:');
  const laSlack = t.slackBot();
  k.s(`  slack-token: ${h.enc(laSlack)}`, 'slack', laSlack);
  k.l('kind: Secret', 'metadata:', '  annotations:', '    kubectl.kubernetes.io/last-applied-configuration: |');
  k.s(
    `      {"apiVersion":"v1","kind":"Secret","metadata":{"annotations":{},"name":"argocd-notifications-secret","namespace":"argocd"},"stringData":{"slack-token":"${laSlack}"},"type":"Opaque"}`,
    'slack',
    laSlack,
  );
  k.l('  name: argocd-notifications-secret', '  namespace: argocd');

  const vt = repo.file('logs/ops/vault-and-argocd-session.txt', 'logs');
  vt.l(
    '$ vault token create -policy=tenant-writer -period=768h -display-name=tenant-operator',
    'Key                  Value',
    '---                  -----',
  );
  const vtt = h.vault();
  vt.s(`token                ${vtt}`, 'vault', vtt);
  vt.d(`token_accessor       ${t.alnum(24)}`, 'vault token accessor (not a credential)');
  vt.d('token_duration       768h', 'duration');
  vt.l('token_renewable      true', 'token_policies       ["default" "tenant-writer"]');
  vt.l('$ argocd account generate-token --account ci-bot --expires-in 8760h');
  const gtok = h.argoJwt('ci-bot');
  vt.s(gtok, 'jwt', gtok);
  vt.l(
    '$ gh auth status',
    'github.com',
    '  \u2713 Logged in to github.com account platform-oncall (/home/jmaier/.config/gh/hosts.yml)',
  );
  vt.d('  - Token: gho_************************************', 'masked');
  vt.d("  - Token scopes: 'admin:org', 'repo', 'workflow'", 'scopes');

  const wr = repo.file('logs/services/webhook-relay.log', 'logs');
  wr.d(`2026-11-20T08:00:01Z INFO delivery accepted x_github_delivery=${t.uuid()} event=push`, 'delivery guid');
  wr.d(`2026-11-20T08:00:01Z DEBUG x_hub_signature_256=sha256=${t.pick(HEX, 64)} verified=true`, 'hmac signature');
  wr.d(
    `2026-11-20T08:00:02Z DEBUG x_slack_signature=v0=${t.pick(HEX, 64)} x_slack_request_timestamp=1763625602`,
    'hmac signature',
  );

  const bl = repo.file('logs/kubectl/backstage-pod.log', 'logs');
  bl.l(
    '$ kubectl -n backstage logs deploy/backstage --since=1h',
    '{"level":"info","message":"Loaded config from app-config.yaml, app-config.production.yaml, env","service":"backstage","timestamp":"2026-11-20T09:01:11.204Z"}',
  );
  bl.d(
    '{"level":"warn","message":"Failed to read GitHub App private key from $file /etc/backstage/github-app-key.pem","plugin":"catalog","service":"backstage"}',
    'file reference',
  );
  const blg = t.gitlab();
  bl.s(
    `{"level":"error","message":"Request failed for https://gitlab.stackpine.io/api/v4/projects?private_token=${blg}&per_page=100: 401 Unauthorized","plugin":"catalog","service":"backstage"}`,
    'gitlab',
    blg,
  );
  bl.d(
    `{"level":"info","message":"::ffff:10.42.3.17 - - [20/Nov/2026:09:02:44 +0000] \\"GET /api/catalog/entities/by-uid/${t.uuid()} HTTP/1.1\\" 200 2211","type":"incomingRequest"}`,
    'uuid in access log',
  );
  const blp = h.urlpw();
  bl.s(
    `{"level":"debug","message":"knex: acquired connection postgresql://backstage:${blp}@backstage-pg.platform.svc.cluster.local:5432/backstage_plugin_catalog","plugin":"catalog"}`,
    'database',
    blp,
  );

  const op = repo.file('logs/operator/tenant-operator-2026-11-21.log', 'logs');
  op.l(
    '{"level":"info","ts":"2026-11-21T03:14:07Z","logger":"controller-runtime.metrics","msg":"Serving metrics server","bindAddress":":8443","secure":true}',
  );
  op.d(
    `{"level":"info","ts":"2026-11-21T03:14:09Z","msg":"Reconciling Tenant","controller":"tenant","namespace":"team-orders","name":"orders","reconcileID":"${t.uuid()}"}`,
    'reconcile id',
  );
  const ors = t.alnum(32);
  op.s(
    `{"level":"debug","ts":"2026-11-21T03:14:10Z","msg":"created harbor robot account","tenant":"orders","robot":"robot$orders+push","secret":"${ors}"}`,
    'generic',
    ors,
  );
  op.d(
    '{"level":"error","ts":"2026-11-21T03:14:11Z","msg":"Reconciler error","error":"vault: Error making API request.\\n\\nURL: PUT https://vault.stackpine.io:8200/v1/secret/data/tenants/orders\\nCode: 403. Errors:\\n\\n* permission denied","controller":"tenant"}',
    'error without secret',
  );
}

// ---- docs --------------------------------------------------------------------------------

function docs(repo, t, h) {
  const bg = repo.file('docs/runbooks/argocd-break-glass.md', 'docs');
  bg.l(
    '# ArgoCD break-glass access',
    '',
    'If SSO (Dex \u2192 GitHub) is down, log in with the local admin account:',
    '',
    '```sh',
  );
  const ap = h.human();
  bg.s(`argocd login argocd.stackpine.io --username admin --password '${ap}' --grpc-web`, 'generic', ap);
  bg.l('```', '');
  bg.d(
    'The admin password is rotated by `scripts/bootstrap/bootstrap-cluster.sh`; its bcrypt hash lives in `argocd-secret` under `admin.password`.',
    'prose with key names',
  );
  bg.l('', 'For scripted access use the `ci-bot` account token:', '');
  const aj = h.argoJwt('ci-bot');
  bg.s(`    ARGOCD_AUTH_TOKEN=${aj}`, 'jwt', aj);

  const ld = repo.file('docs/onboarding/local-dev.md', 'docs');
  ld.l('# Local development', '', '1. Create a fine-grained PAT with `contents:read` and `packages:read`, then:', '');
  ld.d('       export GITHUB_TOKEN=github_pat_<your token>', 'placeholder');
  ld.d('       export GITLAB_TOKEN=glpat-xxxxxxxxxxxxxxxxxxxx', 'placeholder');
  ld.l('', '2. Copy `backstage/.env.example` to `backstage/.env` and fill it in.');
  const dd = t.ddApi();
  ld.s(`3. The shared sandbox Datadog key (dev org only): \`DD_API_KEY=${dd}\``, 'datadog', dd);
  ld.d('4. The local Vault runs in dev mode; its root token is `root` (see docker-compose.dev.yml).', 'dev default');
  ld.d(
    '5. AWS docs example keys such as `AKIAIOSFODNN7EXAMPLE` will not work against LocalStack either.',
    'vendor example',
  );

  const adr = repo.file('docs/adr/0012-crossplane-provider-credentials.md', 'docs');
  adr.l('# ADR 0012: Crossplane provider credentials', '', '## Decision', '');
  adr.d(
    'Each ProviderConfig reads `aws_access_key_id` / `aws_secret_access_key` from the `aws-creds` Secret (key `creds`) until IRSA lands.',
    'prose with key names',
  );
  adr.d(
    'The GitHub provider takes `{"token": "<installation token>", "owner": "stackpine"}` from `github-creds`.',
    'placeholder',
  );
  adr.d('Rotation is tracked in Backstage under `vault.io/secrets-path: platform/crossplane`.', 'prose');

  const inv = repo.file('docs/platform/shared-accounts.md', 'docs');
  inv.l('# Shared service accounts', '', '| System | Account | Secret | Rotated |', '|---|---|---|---|');
  const r1 = t.alnum(32);
  inv.s(`| Harbor (CI push) | robot$platform+ci | ${r1} | 2026-08-02 |`, 'generic', r1);
  const r2 = h.pw();
  inv.s(`| Sonar (admin) | admin | ${r2} | 2026-07-19 |`, 'generic', r2);
  inv.d('| Vault (operator) | tenant-operator | see 1Password "Platform / Vault" | 2026-09-01 |', 'pointer to vault');
  inv.l('', 'Send new credentials encrypted to the platform on-call key:', '', '```');
  inv.d(
    [
      '-----BEGIN PGP PUBLIC KEY BLOCK-----',
      '',
      `mQINBG${h.b64(58)}`,
      h.b64(64),
      h.b64(64),
      `=${h.b64(4)}`,
      '-----END PGP PUBLIC KEY BLOCK-----',
    ],
    'pgp public key',
  );
  inv.l('```');

  const rd = repo.file('backstage/README.md', 'docs');
  rd.l('# Stackpine portal', '', 'Run `yarn dev` after exporting the variables from `.env.example`.', '');
  rd.d('Set `AUTH_GITHUB_CLIENT_SECRET` to the secret of the "Stackpine Portal (dev)" OAuth app.', 'key name in prose');
  rd.d(
    'The backend signs its tokens with `backend.auth.keys[0].secret`; generate one with `openssl rand -base64 24`.',
    'prose',
  );
}
