import { describe, expect, it } from 'vitest';
import { decodeDbUri, parseDbTarget } from '../../../src/providers/formats/db-uri.js';
import type { DecodeContext } from '../../../src/providers/decoder-types.js';
import type { CompiledDetector } from '../../../src/detect/compile.js';
import type { RawMatch } from '../../../src/detect/engine.js';
import { describeScope } from '../../../src/scope/resolve.js';

function ctx(groups: Record<string, string> = {}): DecodeContext {
  return {
    groups,
    path: 'config/database.yml',
    defaults: { privilege: 'destructive', breadth: 'resource', tokenType: 'connection-uri' },
    now: new Date('2026-06-01T00:00:00Z'),
  };
}

const PW = 'FakePw-0000';

/** A db-uri match as the engine would hand it to the scope stage (the whole URI is the secret). */
function dbMatch(secret: string): RawMatch {
  const detector = {
    def: { decoder: 'db-uri', privilege: 'destructive', breadth: 'resource', tokenType: 'connection-uri' },
  } as unknown as CompiledDetector;
  return { detector, secret, start: 0, end: secret.length, groups: {}, confidence: 'high' };
}

function expectNoPassword(value: unknown, password = PW): void {
  expect(JSON.stringify(value)).not.toContain(password);
}

describe('parseDbTarget', () => {
  it('parses URIs with awkward passwords', () => {
    expect(parseDbTarget('postgres://app:p@ss/w:rd@db.example.com:5433/orders?sslmode=require')).toEqual({
      scheme: 'postgres',
      host: 'db.example.com',
      port: '5433',
      database: 'orders',
      user: 'app',
      password: 'p@ss/w:rd',
    });
  });
  it('parses mongodb+srv with several hosts', () => {
    const t = parseDbTarget(`mongodb://root:${PW}@h1.example.com:27017,h2.example.com:27017/admin?replicaSet=rs0`)!;
    expect(t.host).toBe('h1.example.com');
    expect(t.hosts).toEqual(['h1.example.com', 'h2.example.com']);
    expect(t.database).toBe('admin');
  });
  it('parses JDBC SQL Server properties', () => {
    expect(
      parseDbTarget(`jdbc:sqlserver://sql.example.com:1433;databaseName=shop;user=sa;password=${PW};encrypt=true`),
    ).toMatchObject({
      scheme: 'sqlserver',
      host: 'sql.example.com',
      port: '1433',
      database: 'shop',
      user: 'sa',
    });
  });
  it('parses JDBC URL query credentials', () => {
    expect(parseDbTarget(`jdbc:postgresql://db.internal:5432/app?user=report&password=${PW}`)).toMatchObject({
      scheme: 'postgresql',
      host: 'db.internal',
      database: 'app',
      user: 'report',
    });
  });
  it('parses JDBC Oracle thin', () => {
    expect(parseDbTarget(`jdbc:oracle:thin:system/${PW}@ora.example.com:1521/ORCL`)).toMatchObject({
      scheme: 'oracle',
      host: 'ora.example.com',
      port: '1521',
      database: 'ORCL',
      user: 'system',
    });
  });
  it('parses ADO.NET connection strings', () => {
    expect(
      parseDbTarget(
        `Server=tcp:example.database.windows.net,1433;Initial Catalog=sales;User ID=administrator;Password=${PW};Encrypt=True;`,
      ),
    ).toMatchObject({
      scheme: 'sqlserver',
      host: 'example.database.windows.net',
      port: '1433',
      database: 'sales',
      user: 'administrator',
    });
  });
  it('returns undefined for plain text', () => {
    expect(parseDbTarget('hello world')).toBeUndefined();
  });
});

describe('db-uri decoder', () => {
  it.each([
    ['postgres', 'postgresql'],
    ['root', 'mysql'],
    ['rdsadmin', 'postgres'],
    ['doadmin', 'postgresql'],
    ['avnadmin', 'mysql'],
    ['admin', 'mongodb'],
  ])('user %s over %s is an admin (superuser)', (user, scheme) => {
    const s = decodeDbUri(`${scheme}://${user}:${PW}@db.example.com:5432/app`, ctx())!;
    expect(s.privilege).toBe('admin');
    expect(s.facts['user']).toBe(user);
    expect(s.evidence.join('\n')).toMatch(/superuser/);
    expectNoPassword(s);
  });

  it('an application user: facts only, no privilege claim', () => {
    const s = decodeDbUri(
      `postgres://orders_app:${PW}@orders.cluster-abc.eu-west-1.rds.amazonaws.com:5432/orders`,
      ctx(),
    )!;
    expect(s.facts).toEqual({
      scheme: 'postgres',
      host: 'orders.cluster-abc.eu-west-1.rds.amazonaws.com',
      port: '5432',
      database: 'orders',
      user: 'orders_app',
      platform: 'Amazon RDS',
    });
    expect(s.privilege).toBeUndefined();
    expect(s.breadth).toBe('resource');
    expectNoPassword(s);
  });

  it('an owner role is destructive', () => {
    const s = decodeDbUri(
      `postgresql://neondb_owner:${PW}@ep-fake-123.eu-central-1.aws.neon.tech/neondb?sslmode=require`,
      ctx(),
    )!;
    expect(s.privilege).toBe('destructive');
    expect(s.facts['platform']).toBe('Neon');
  });

  it('the Supabase pooler postgres.<ref> user is the postgres role', () => {
    const s = decodeDbUri(
      `postgresql://postgres.abcdefghijklmnop:${PW}@aws-0-eu-west-1.pooler.supabase.com:6543/postgres`,
      ctx(),
    )!;
    expect(s.privilege).toBe('admin');
    expect(s.facts['platform']).toBe('Supabase');
  });

  it('sa over an ADO.NET string', () => {
    const s = decodeDbUri(`Data Source=sql01,1433;Initial Catalog=erp;User Id=sa;Password=${PW};`, ctx())!;
    expect(s.privilege).toBe('admin');
    expect(s.facts['scheme']).toBe('sqlserver');
    expect(s.facts['database']).toBe('erp');
    expectNoPassword(s);
  });

  it.each(['localhost', '127.0.0.1', 'db.local', '[::1]'])('host %s is local', (host) => {
    const s = decodeDbUri(`mysql://app:${PW}@${host}:3306/dev`, ctx())!;
    expect(s.facts['local']).toBe(true);
    expect(s.evidence.join('\n')).toMatch(/local/);
  });

  it('a production host sets the environment', () => {
    const s = decodeDbUri(`postgres://app:${PW}@prod-db.example.com/app`, ctx())!;
    expect(s.environment).toBe('production');
    expect(decodeDbUri(`postgres://app:${PW}@products-db.example.com/app`, ctx())?.environment).toBeUndefined();
  });

  it('redis: a lone userinfo part is treated as a password, never as a user', () => {
    const s = decodeDbUri(`redis://${PW}@cache.example.com:6379/0`, ctx())!;
    expect(s.facts['user']).toBeUndefined();
    expect(s.facts['host']).toBe('cache.example.com');
    expect(s.evidence.join('\n')).toMatch(/default user/);
    expectNoPassword(s);
  });

  it('RabbitMQ guest is an administrator', () => {
    expect(decodeDbUri(`amqp://guest:${PW}@mq.example.com:5672/vhost`, ctx())?.privilege).toBe('admin');
  });

  it('uses the uri named group when the match is only the password', () => {
    const s = decodeDbUri(PW, ctx({ uri: `postgres://postgres:${PW}@db.example.com/app` }))!;
    expect(s.facts['user']).toBe('postgres');
    expect(s.privilege).toBe('admin');
    expectNoPassword(s);
  });

  it('falls back to user/host named groups', () => {
    const s = decodeDbUri(PW, ctx({ user: 'root', host: 'mysql.example.com', scheme: 'mysql' }))!;
    expect(s.facts).toMatchObject({ scheme: 'mysql', user: 'root', host: 'mysql.example.com' });
    expect(s.privilege).toBe('admin');
  });

  it('drops any fact that would contain the password', () => {
    // A (silly) password equal to the database name must not leak through the database fact.
    // The decoder declares the password; describeScope (the scope stage) does the dropping.
    const uri = 'postgres://app:orders123@db.example.com/orders123';
    expect(decodeDbUri(uri, ctx())?.redact?.()).toEqual(['orders123']);
    const s = describeScope(dbMatch(uri), { path: 'config/database.yml', now: new Date('2026-06-01T00:00:00Z') });
    expect(s.facts['database']).toBeUndefined();
    expectNoPassword(s, 'orders123');
  });

  it('percent-decodes user names', () => {
    expect(decodeDbUri(`postgres://user%40corp:${PW}@db.example.com/app`, ctx())?.facts['user']).toBe('user@corp');
  });

  it('returns undefined without host, user or database', () => {
    expect(decodeDbUri('just-a-password', ctx())).toBeUndefined();
  });
});
