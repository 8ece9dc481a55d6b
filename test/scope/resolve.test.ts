// The scope stage on real detector matches: each decoder-backed detector finds a token built at
// test time, its decoder receives what it needs (the `secret` capture and named groups such as
// `uri`), and describeScope turns that into privilege, breadth and facts. Expired tokens end up
// as notes through the policy stage. Assertions compare booleans or facts, never print a token.

import { describe, expect, it } from 'vitest';
import { buildDetectorSet } from '../../src/detect/compile.js';
import { detectInText, type RawMatch } from '../../src/detect/engine.js';
import { builtinDetectorSources, loadDetectorFiles } from '../../src/catalog/load.js';
import { toFinding } from '../../src/policy/finding.js';
import { analyzeFile } from '../../src/pipeline/analyze.js';
import { describeScope } from '../../src/scope/resolve.js';
import type { Finding, ScopeInfo } from '../../src/model/types.js';
import {
  awsKeyId,
  awsSecretAccessKey,
  dopplerServiceToken,
  epochIn,
  flyCaveat,
  flyMacaroon,
  gcpKeyFile,
  githubStatelessInstallationToken,
  gitlabRoutable,
  grafanaCloudToken,
  jwt,
  pypiToken,
  sasSignature,
  sentryOrgToken,
} from '../helpers/scope-tokens.js';
import { randomAlnum } from '../helpers/tokens.js';

const NOW = new Date('2026-06-01T00:00:00Z');
const set = buildDetectorSet(loadDetectorFiles(builtinDetectorSources()).files.map((f) => f.file));

/** The match the real engine keeps for `detectorId` in `text` (fails if that detector lost). */
function matchOf(text: string, path: string, detectorId: string): RawMatch {
  const matches = detectInText(text, path, set);
  const match = matches.find((m) => m.detector.id === detectorId);
  expect(
    match,
    `${detectorId} matches (found: ${matches.map((m) => m.detector.id).join(', ') || 'nothing'})`,
  ).toBeDefined();
  return match!;
}

function scopeOf(text: string, path: string, detectorId: string): ScopeInfo {
  return describeScope(matchOf(text, path, detectorId), { path, now: NOW });
}

/** The whole offline pipeline for one file: detect, scope, then the policy's Finding. */
function findingOf(text: string, path: string, detectorId: string): Finding {
  const analysis = analyzeFile({ path, origin: 'worktree', content: Buffer.from(text) }, set, {
    maxFileSize: 1 << 20,
    fingerprintKey: 'test',
    keepSecrets: false,
    now: NOW,
    valueAllowlist: [],
  });
  const candidate = analysis.candidates.find((c) => c.ruleId === detectorId);
  expect(candidate, `${detectorId} is a candidate`).toBeDefined();
  return toFinding(candidate!, []);
}

/** Nothing the scope stage reports (facts, evidence, scopes) contains the secret or a piece of it. */
function expectNoSecret(scope: ScopeInfo, secret: string, piece = 8): void {
  const text = JSON.stringify({ facts: scope.facts, evidence: scope.evidence, scopes: scope.scopes });
  expect(text.includes(secret)).toBe(false);
  for (let i = 0; i + piece <= secret.length; i += piece)
    expect(text.includes(secret.slice(i, i + piece)), 'no piece of the secret').toBe(false);
}

function expectExpiredNote(finding: Finding): void {
  expect(finding.expired).toBe(true);
  expect(finding.level).toBe('note');
  expect(finding.reasons.join(' ')).toMatch(/expired on \d{4}-\d{2}-\d{2}/);
  expect(finding.message).toMatch(/Expired on/);
}

describe('PyPI macaroons (pypi-macaroon)', () => {
  it('a token with a project caveat reaches one project and can upload', () => {
    const s = scopeOf(
      `[pypi]\nusername = __token__\npassword = ${pypiToken([[1, ['acme-widgets']]])}\n`,
      '.pypirc',
      'pypi.api-token',
    );
    expect(s).toMatchObject({ privilege: 'write', breadth: 'project', scopeSource: 'offline', scopes: ['upload'] });
    expect(s.facts).toMatchObject({ location: 'pypi.org', projects: ['acme-widgets'] });
  });

  it('a legacy user-wide token reaches the whole account', () => {
    const s = scopeOf(`TWINE_PASSWORD=${pypiToken([{ version: 1, permissions: 'user' }])}\n`, '.env', 'pypi.api-token');
    expect(s).toMatchObject({ privilege: 'write', breadth: 'account', scopeSource: 'offline' });
    expect(s.evidence.join(' ')).toMatch(/whole account/);
  });

  it('a TestPyPI token is a test-environment credential', () => {
    const s = scopeOf(
      `TWINE_PASSWORD=${pypiToken([[1, ['acme-widgets']]], 'test.pypi.org')}\n`,
      '.env',
      'pypi.test-api-token',
    );
    expect(s).toMatchObject({ breadth: 'project', scopeSource: 'offline', environment: 'test' });
    expect(s.facts['location']).toBe('test.pypi.org');
  });

  it('an expiry caveat in the past: expired, and a note saying so', () => {
    const text = `password = ${pypiToken([
      [0, epochIn(-10, NOW), epochIn(-11, NOW)],
      [1, ['acme-widgets']],
    ])}\n`;
    expect(scopeOf(text, '.pypirc', 'pypi.api-token')).toMatchObject({ expired: true, scopeSource: 'offline' });
    expectExpiredNote(findingOf(text, '.pypirc', 'pypi.api-token'));
  });
});

describe('Azure SAS (azure-sas): the detector reports only sig=, its `uri` group carries the grant', () => {
  it('an account SAS URL with delete permissions: destructive, account-wide', () => {
    const sig = sasSignature();
    const url = `https://invoicesprod.blob.core.windows.net/exports?sv=2022-11-02&ss=bq&srt=sco&sp=rwdl&se=2027-01-01T00:00:00Z&spr=https&sig=${sig}`;
    const s = scopeOf(`BACKUP_SAS_URL=${url}\n`, '.env', 'azure.sas-token');
    expect(s).toMatchObject({ privilege: 'destructive', breadth: 'account', scopeSource: 'offline', expired: false });
    expect(s.facts).toMatchObject({
      account: 'invoicesprod',
      service: 'blob',
      services: ['blob', 'queue'],
      permissions: 'rwdl',
      path: '/exports',
    });
    expectNoSecret(s, sig);
  });

  it('a read/list service SAS on one container: read, one resource', () => {
    const url = `https://invoicesprod.blob.core.windows.net/reports?sv=2022-11-02&sr=c&sp=rl&se=2026-12-01&sig=${sasSignature()}`;
    const s = scopeOf(`const reportsUrl = "${url}";\n`, 'src/reports.ts', 'azure.sas-token');
    expect(s).toMatchObject({
      privilege: 'read',
      breadth: 'resource',
      scopeSource: 'offline',
      scopes: ['read', 'list'],
    });
    expect(s.facts['signedResource']).toBe('container');
  });

  it('a SAS connection string: the account comes from BlobEndpoint', () => {
    const text = `AZURE_STORAGE=BlobEndpoint=https://ledgerstore.blob.core.windows.net/;SharedAccessSignature=sv=2022-11-02&ss=b&srt=o&sp=rw&se=2027-03-01&sig=${sasSignature()}\n`;
    const s = scopeOf(text, '.env', 'azure.sas-token');
    expect(s).toMatchObject({ privilege: 'write', breadth: 'account', scopeSource: 'offline' });
    expect(s.facts['account']).toBe('ledgerstore');
  });

  it('a SAS glued to a URL without "?" never puts the signature into host or path facts', () => {
    for (const shape of [
      (sig: string) =>
        `blobendpoint=https://ledgerstore.blob.core.windows.net/;sharedaccesssignature=sv=2022-11-02&ss=b&srt=o&sp=r&se=2027-03-01&sig=${sig}`,
      (sig: string) => `see https://files.example.net/export.csv&sv=2022-11-02&sr=b&sp=r&se=2027-03-01&sig=${sig}`,
    ]) {
      const sig = sasSignature();
      const s = scopeOf(`${shape(sig)}\n`, 'notes.txt', 'azure.sas-token');
      expect(s).toMatchObject({ privilege: 'read', scopeSource: 'offline' });
      expectNoSecret(s, sig);
    }
  });

  it('a Service Bus token signed with RootManageSharedAccessKey: admin on the entity', () => {
    const text = `SharedAccessSignature sr=https%3A%2F%2Forders.servicebus.windows.net%2Fqueue&sig=${sasSignature()}&se=${epochIn(90, NOW)}&skn=RootManageSharedAccessKey\n`;
    const s = scopeOf(text, 'deploy/notes.txt', 'azure.sas-token');
    expect(s).toMatchObject({ privilege: 'admin', breadth: 'resource', scopeSource: 'offline' });
    expect(s.facts).toMatchObject({
      namespace: 'orders.servicebus.windows.net',
      entity: 'queue',
      keyName: 'RootManageSharedAccessKey',
    });
  });

  it('se in the past: expired, and a note saying so', () => {
    const text = `SAS_URL=https://invoicesprod.blob.core.windows.net/exports?sv=2022-11-02&sr=c&sp=rwdl&se=2026-01-15&sig=${sasSignature()}\n`;
    expect(scopeOf(text, '.env', 'azure.sas-token')).toMatchObject({
      expired: true,
      expiresAt: '2026-01-15T00:00:00.000Z',
    });
    expectExpiredNote(findingOf(text, '.env', 'azure.sas-token'));
  });
});

describe('GitLab routable tokens (gitlab-routable)', () => {
  it('a personal access token names its user: account-wide', () => {
    const s = scopeOf(`GITLAB_TOKEN=${gitlabRoutable('glpat-', { c: 1, o: 1, u: 123456 })}\n`, '.env', 'gitlab.pat');
    // Its scopes were chosen at creation and are not in the token: privilege stays unknown.
    expect(s).toMatchObject({ privilege: 'unknown', breadth: 'account', scopeSource: 'offline' });
    expect(s.facts).toMatchObject({ tokenPrefix: 'glpat', userId: '123456', orgId: '1' });
  });

  it('a project access token names its project: project breadth', () => {
    const s = scopeOf(`GITLAB_TOKEN=${gitlabRoutable('glpat-', { o: 1, p: 4242, u: 99 })}\n`, '.env', 'gitlab.pat');
    expect(s).toMatchObject({ breadth: 'project', scopeSource: 'offline' });
    expect(s.facts['projectId']).toBe('4242');
  });

  it('a deploy token for a group: org breadth', () => {
    const s = scopeOf(
      `DEPLOY_TOKEN: "${gitlabRoutable('gldt-', { g: 77, o: 1 })}"\n`,
      'config/registry.yml',
      'gitlab.deploy-token',
    );
    expect(s).toMatchObject({ privilege: 'write', breadth: 'org', scopeSource: 'offline' });
    expect(s.facts['groupId']).toBe('77');
  });

  it('a project runner token: runner type and project from the token', () => {
    const s = scopeOf(
      `token = "${gitlabRoutable('glrt-t3_', { o: 1, p: 987654, u: 5 })}"\n`,
      'config.toml',
      'gitlab.runner-token',
    );
    expect(s).toMatchObject({ privilege: 'admin', breadth: 'project', scopeSource: 'offline' });
    expect(s.facts).toMatchObject({ runnerType: 'project', projectId: '987654' });
  });
});

describe('Sentry, Grafana Cloud, Doppler, Fly.io', () => {
  it('a Sentry org token names its organization (sentry-org)', () => {
    const s = scopeOf(
      `SENTRY_AUTH_TOKEN=${sentryOrgToken({ iat: 1767225600, url: 'https://sentry.io', region_url: 'https://us.sentry.io', org: 'quokka-labs' })}\n`,
      '.env',
      'sentry.org-token',
    );
    expect(s).toMatchObject({
      privilege: 'write',
      breadth: 'org',
      scopeSource: 'offline',
      scopes: ['org:ci', 'project:releases'],
    });
    expect(s.facts).toMatchObject({ org: 'quokka-labs', url: 'https://sentry.io' });
  });

  it('a Grafana Cloud token gives org and region; its access policy is not in the token (grafana-cloud)', () => {
    const token = grafanaCloudToken({ o: '918273', n: 'ci-metrics-push', m: { r: 'prod-eu-west-2' } });
    const s = scopeOf(`loki_key: ${token}\n`, 'monitoring/agent.yaml', 'grafana.cloud-token');
    expect(s.facts).toEqual({ orgId: '918273', tokenName: 'ci-metrics-push', region: 'prod-eu-west-2' });
    // Only facts were decoded: privilege and breadth (and so scopeSource) stay with the metadata.
    expect(s).toMatchObject({ privilege: 'unknown', breadth: 'org', scopeSource: 'metadata' });
    expect(JSON.stringify(s)).not.toMatch(/"k"/);
  });

  it('a Doppler service token for a prd config: one config, production (doppler-service)', () => {
    const s = scopeOf(`DOPPLER_TOKEN=${dopplerServiceToken('prd_api')}\n`, '.env', 'doppler.service-token-production');
    expect(s).toMatchObject({
      privilege: 'write',
      breadth: 'resource',
      scopeSource: 'offline',
      environment: 'production',
    });
    expect(s.facts).toEqual({ config: 'prd_api', configEnvironment: 'prd' });
  });

  it('a Doppler service token for a dev config is not production', () => {
    const s = scopeOf(`DOPPLER_TOKEN=${dopplerServiceToken('dev_personal')}\n`, '.env', 'doppler.service-token');
    expect(s).toMatchObject({ breadth: 'resource', scopeSource: 'offline' });
    expect(s.environment).toBeUndefined();
    expect(s.facts['configEnvironment']).toBe('dev');
  });

  it('a Fly.io org token with every action: destructive, whole organization (flyio-macaroon)', () => {
    const token = flyMacaroon([
      flyCaveat.organization(1234, 0xffff),
      flyCaveat.validity(epochIn(-1, NOW), epochIn(365, NOW)),
    ]);
    const s = scopeOf(`FLY_API_TOKEN="FlyV1 ${token}"\n`, '.env', 'flyio.macaroon-token');
    expect(s).toMatchObject({ privilege: 'destructive', breadth: 'org', scopeSource: 'offline', expired: false });
    expect(s.facts).toMatchObject({ orgId: '1234', orgMask: '*' });
  });

  it('a Fly.io token limited to one app, read-only: read, project', () => {
    const token = flyMacaroon([flyCaveat.organization(1234, 1), flyCaveat.apps([[5678, 1]])]);
    const s = scopeOf(`FLY_API_TOKEN="FlyV1 ${token}"\n`, '.env', 'flyio.macaroon-token');
    expect(s).toMatchObject({ privilege: 'read', breadth: 'project', scopeSource: 'offline' });
    expect(s.facts['appIds']).toEqual(['5678']);
  });

  it('a Fly.io validity window in the past: expired, and a note saying so', () => {
    const text = `FLY_API_TOKEN="FlyV1 ${flyMacaroon([flyCaveat.organization(1234, 0xffff), flyCaveat.validity(epochIn(-30, NOW), epochIn(-2, NOW))])}"\n`;
    expect(scopeOf(text, '.env', 'flyio.macaroon-token').expired).toBe(true);
    expectExpiredNote(findingOf(text, '.env', 'flyio.macaroon-token'));
  });
});

describe('AWS key ids and GCP key files', () => {
  it('an AKIA key id encodes its account (aws-key-id); the grant stays unknown offline', () => {
    const s = scopeOf(
      `aws_access_key_id = ${awsKeyId('AKIA', 123456789012n)}\n`,
      '.aws/credentials',
      'aws.access-key-id',
    );
    expect(s.facts).toEqual({ accountId: '123456789012' });
    expect(s).toMatchObject({ privilege: 'unknown', breadth: 'account', scopeSource: 'metadata' });
    expect(s.evidence.join(' ')).toMatch(/long-term IAM user access key/);
  });

  it('an ASIA key id: temporary credentials of an account', () => {
    const s = scopeOf(`AWS_ACCESS_KEY_ID=${awsKeyId('ASIA', 4294967297n)}\n`, '.env', 'aws.temporary-access-key-id');
    expect(s.facts['accountId']).toBe('004294967297');
    expect(s.evidence.join(' ')).toMatch(/temporary STS credentials/);
  });

  it('a secret access key next to its key id: the account comes from the keyId group', () => {
    const keyId = awsKeyId('AKIA', 999999999999n);
    const text = `${keyId},${awsSecretAccessKey()}\n`;
    const s = scopeOf(text, 'exports/keys.csv', 'aws.secret-access-key-paired');
    expect(s.facts['accountId']).toBe('999999999999');
    // The group is `accessKeyId`, not `keyId`: the engine reads `key…` groups as the variable name.
    expect(matchOf(text, 'exports/keys.csv', 'aws.secret-access-key-paired').keyName === keyId).toBe(false);
  });

  it('a default Compute Engine service-account key: Editor on the project (gcp-service-account)', () => {
    const file = gcpKeyFile('123456789012-compute@developer.gserviceaccount.com', 'billing-prod-4821');
    const s = scopeOf(file, 'deploy/key.json', 'gcp.service-account-key');
    expect(s).toMatchObject({ privilege: 'destructive', breadth: 'project', scopeSource: 'offline' });
    expect(s.facts).toMatchObject({
      projectId: 'billing-prod-4821',
      projectNumber: '123456789012',
      defaultServiceAccount: true,
    });
    expect(JSON.stringify(s).includes('PRIVATE KEY')).toBe(false);
  });

  it('a user-managed service-account key: project and identity, roles unknown', () => {
    const s = scopeOf(
      gcpKeyFile('deployer@ops-7731.iam.gserviceaccount.com', 'ops-7731'),
      'keys/deployer.json',
      'gcp.service-account-key',
    );
    expect(s.facts).toMatchObject({ projectId: 'ops-7731', clientEmail: 'deployer@ops-7731.iam.gserviceaccount.com' });
    expect(s.scopeSource).toBe('metadata');
  });
});

describe('database URIs and connection strings (db-uri): the `uri` group gives the whole target', () => {
  it('postgres as the user: admin on that server; host, port and database are facts', () => {
    const password = `Pw${randomAlnum(14)}`;
    const s = scopeOf(
      `DATABASE_URL=postgres://postgres:${password}@db.internal:5432/shop?sslmode=require\n`,
      '.env',
      'database.postgres-uri',
    );
    expect(s).toMatchObject({ privilege: 'admin', breadth: 'resource', scopeSource: 'offline' });
    expect(s.facts).toEqual({
      scheme: 'postgres',
      host: 'db.internal',
      port: '5432',
      database: 'shop',
      user: 'postgres',
    });
    expectNoSecret(s, password, 4);
  });

  it('a password holding # or ? never leaks into host or database facts', () => {
    const password = `Ab#${randomAlnum(6)}?${randomAlnum(6)}`;
    const s = scopeOf(
      `engine = create_engine("mssql+pyodbc://report:${password}@dwh-prod/Sales?driver=ODBC+Driver+18")\n`,
      'etl/load.py',
      'database.sqlserver-uri',
    );
    expect(s.facts).toMatchObject({ host: 'dwh-prod', database: 'Sales', user: 'report' });
    expectNoSecret(s, password, 4);
  });

  it('a password equal to the host reaches neither facts nor evidence (Host … is local)', () => {
    // Mixed case: the local-host evidence shows the host lowercased, which still spells the password.
    const password = `${randomAlnum(12)}.local`;
    const s = scopeOf(
      `DATABASE_URL=postgres://app:${password}@${password}:5432/shop\n`,
      '.env',
      'database.postgres-uri',
    );
    expect(s.facts['host']).toBeUndefined();
    expect(s.facts).toMatchObject({ database: 'shop', user: 'app' });
    expect(JSON.stringify(s).toLowerCase().includes(password.toLowerCase())).toBe(false);
    expectNoSecret(s, password, 4);
  });

  it('localhost with the port is recognised as local; production hosts mark production', () => {
    const local = scopeOf(
      `REDIS_URL=redis://default:${randomAlnum(16)}@localhost:6379/0\n`,
      '.env',
      'database.redis-uri',
    );
    expect(local.facts).toMatchObject({ host: 'localhost', port: '6379', local: true });
    const prod = scopeOf(
      `MONGO_URL=mongodb+srv://app:${randomAlnum(16)}@orders-prod.x7k2p.mongodb.net/shop?retryWrites=true\n`,
      '.env',
      'mongodb.connection-uri',
    );
    expect(prod).toMatchObject({ breadth: 'resource', environment: 'production' });
    expect(prod.facts).toMatchObject({ platform: 'MongoDB Atlas', database: 'shop', user: 'app' });
  });

  it("RabbitMQ's guest account is an administrator", () => {
    const s = scopeOf(
      `BROKER_URL=amqps://guest:${randomAlnum(16)}@mq.internal:5671/jobs\n`,
      '.env',
      'database.amqp-uri',
    );
    expect(s).toMatchObject({ privilege: 'admin', scopeSource: 'offline' });
  });

  it('JDBC URLs, including Oracle user/password@host', () => {
    const sql = scopeOf(
      `spring.datasource.url=jdbc:sqlserver://sql01:1433;databaseName=erp;user=sa;password=${randomAlnum(12)};encrypt=true\n`,
      'application.properties',
      'database.jdbc-url',
    );
    expect(sql).toMatchObject({ privilege: 'admin', scopeSource: 'offline' });
    expect(sql.facts).toMatchObject({ scheme: 'sqlserver', host: 'sql01', database: 'erp', user: 'sa' });
    const ora = scopeOf(
      `url = "jdbc:oracle:thin:scott/${randomAlnum(12)}@ora19.corp:1521:ORCL"\n`,
      'conf/db.conf',
      'database.jdbc-url',
    );
    expect(ora.facts).toMatchObject({ scheme: 'oracle', host: 'ora19.corp', user: 'scott' });
  });

  it('an ADO.NET connection string (connectionString group) and a .pgpass line (host/db/user groups)', () => {
    const ado = scopeOf(
      `  "Default": "Server=sql01;Database=Orders;User Id=sa;Password=${randomAlnum(14)};"\n`,
      'appsettings.json',
      'database.connection-string',
    );
    expect(ado).toMatchObject({ privilege: 'admin', breadth: 'resource', scopeSource: 'offline' });
    expect(ado.facts).toMatchObject({ host: 'sql01', database: 'Orders', user: 'sa' });
    const pgpass = scopeOf(`db.internal:5432:shop:app_rw:${randomAlnum(14)}\n`, '.pgpass', 'database.pgpass');
    expect(pgpass.facts).toMatchObject({ host: 'db.internal', port: '5432', database: 'shop', user: 'app_rw' });
  });

  it('ClickHouse and MySQL URIs', () => {
    const ch = scopeOf(
      `CLICKHOUSE_URL=clickhouse+native://etl:${randomAlnum(14)}@ch01.internal:9000/events\n`,
      '.env',
      'clickhouse.connection-uri',
    );
    expect(ch.facts).toMatchObject({ host: 'ch01.internal', port: '9000', database: 'events', user: 'etl' });
    const my = scopeOf(
      `DATABASE_URL=mysql://root:${randomAlnum(14)}@mysql.internal:3306/app\n`,
      '.env',
      'database.mysql-uri',
    );
    expect(my).toMatchObject({ privilege: 'admin', scopeSource: 'offline' });
  });
});

describe('JWTs: GitHub stateless installation tokens, Supabase keys, Kubernetes, Auth0', () => {
  it('a stateless ghs_ token: one installation, permissions from the JWT (github-installation-jwt)', () => {
    const token = githubStatelessInstallationToken('518274', {
      iss: '518274',
      sub: 'installation:7891011',
      exp: epochIn(1, NOW),
      installation_id: 7891011,
      permissions: { contents: 'read', metadata: 'read' },
    });
    const s = scopeOf(`GITHUB_TOKEN=${token}\n`, '.env', 'github.installation-token-stateless');
    expect(s).toMatchObject({ privilege: 'read', breadth: 'org', scopeSource: 'offline', expired: false });
    expect(s.facts).toMatchObject({ appId: '518274', installationId: '7891011' });
  });

  it('a stateless ghs_ token past its exp: expired, and a note saying so', () => {
    const text = `GITHUB_TOKEN=${githubStatelessInstallationToken('518274', { iss: '518274', exp: epochIn(-1, NOW) })}\n`;
    expectExpiredNote(findingOf(text, '.env', 'github.installation-token-stateless'));
  });

  it('a Supabase service_role key: destructive on its project (jwt)', () => {
    const key = jwt({
      iss: 'supabase',
      ref: 'yezyeixqntmddkeamjcv',
      role: 'service_role',
      iat: 1716000000,
      exp: epochIn(3650, NOW),
    });
    const s = scopeOf(`SUPABASE_SERVICE_ROLE_KEY=${key}\n`, '.env', 'supabase.service-role-jwt');
    expect(s).toMatchObject({
      privilege: 'destructive',
      breadth: 'project',
      scopeSource: 'offline',
      tokenType: 'service-role-key',
    });
    expect(s.facts).toMatchObject({ role: 'service_role', project: 'yezyeixqntmddkeamjcv' });
  });

  it('a Supabase anon key: public, even in a NEXT_PUBLIC_ variable', () => {
    const key = jwt({
      iss: 'supabase',
      ref: 'yezyeixqntmddkeamjcv',
      role: 'anon',
      iat: 1716000000,
      exp: epochIn(3650, NOW),
    });
    const s = scopeOf(`NEXT_PUBLIC_SUPABASE_ANON_KEY=${key}\n`, '.env', 'supabase.anon-jwt');
    expect(s).toMatchObject({ privilege: 'public', public: true, scopeSource: 'offline' });
    expect(s.facts['browserExposed']).toBeUndefined();
  });

  it('an expired Supabase key: a note saying so', () => {
    const key = jwt({
      iss: 'supabase',
      ref: 'yezyeixqntmddkeamjcv',
      role: 'service_role',
      iat: 1600000000,
      exp: epochIn(-3, NOW),
    });
    expectExpiredNote(findingOf(`SUPABASE_SERVICE_ROLE_KEY=${key}\n`, '.env', 'supabase.service-role-jwt'));
  });

  it('an Auth0 Management API token: privilege from its scope claim', () => {
    const token = jwt({
      iss: 'https://acme.eu.auth0.com/',
      aud: 'https://acme.eu.auth0.com/api/v2/',
      scope: 'read:users update:users delete:users',
      exp: epochIn(1, NOW),
    });
    const s = scopeOf(`AUTH0_MANAGEMENT_TOKEN=${token}\n`, '.env', 'auth0.management-api-token');
    expect(s).toMatchObject({
      privilege: 'destructive',
      scopeSource: 'offline',
      scopes: ['read:users', 'update:users', 'delete:users'],
    });
    expect(s.facts['issuer']).toBe('https://acme.eu.auth0.com/');
  });

  it('a Kubernetes service-account token: issuer and subject; a kubeconfig token: its expiry', () => {
    const sa = jwt(
      {
        iss: 'kubernetes/serviceaccount',
        'kubernetes.io/serviceaccount/namespace': 'ci',
        sub: 'system:serviceaccount:ci:deployer',
      },
      { alg: 'RS256', kid: randomAlnum(12) },
    );
    const s = scopeOf(`K8S_TOKEN=${sa}\n`, '.env', 'kubernetes.service-account-token');
    expect(s.facts).toMatchObject({
      issuer: 'kubernetes/serviceaccount',
      subject: 'system:serviceaccount:ci:deployer',
    });
    const kube = `users:\n- name: ci\n  user:\n    token: ${jwt({ aud: ['https://kubernetes.default.svc'], exp: epochIn(-1, NOW) }, { alg: 'RS256', kid: randomAlnum(12) })}\n`;
    expect(scopeOf(kube, 'kubeconfig', 'kubernetes.kubeconfig-token')).toMatchObject({ expired: true });
  });

  it('any JWT past its exp (generic.jwt): a note saying it expired', () => {
    const token = jwt({ sub: 'deploy-bot', scope: 'deploy:write', exp: epochIn(-7, NOW) });
    expectExpiredNote(findingOf(`session = ${token}\n`, 'notes/session.txt', 'generic.jwt'));
  });
});
