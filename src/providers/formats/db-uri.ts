// Database URIs and connection strings: postgres(ql)://, mysql://, mariadb://, mssql://,
// sqlserver://, mongodb(+srv)://, redis(s)://, amqp(s)://, jdbc:…, and ADO.NET style
// `Server=…;Database=…;User ID=…;Password=…`. Facts: scheme, host, port, database, user — never
// the password. The user name is the offline signal: superuser and admin roles (postgres, root,
// sa, admin, rdsadmin, doadmin, avnadmin, …) can drop anything on the server; `*_owner` roles own
// their database. Role grants live on the server, so a name that is not on the list says nothing.

import { clip, decodeUriComponentSafe as decode } from './encoding.js';
import type { DecodedScope, DecodeContext } from '../decoder-types.js';

export interface DbTarget {
  scheme?: string;
  host?: string;
  hosts?: string[];
  port?: string;
  database?: string;
  user?: string;
  password?: string;
}

/** User names that mean a superuser or administrator, with the reason shown as evidence. */
const ADMIN_USERS: Record<string, string> = {
  postgres: 'the PostgreSQL superuser',
  root: 'the root (superuser) account',
  sa: 'the SQL Server system administrator',
  admin: 'an administrator account',
  administrator: 'an administrator account',
  rdsadmin: 'the Amazon RDS administrative account',
  doadmin: 'the DigitalOcean managed-database admin account',
  avnadmin: 'the Aiven admin account',
  supabase_admin: 'the Supabase administrative role',
  azure_superuser: 'the Azure Database superuser',
  cloudsqlsuperuser: 'the Cloud SQL superuser role',
  sys: 'the Oracle SYS account',
  system: 'the Oracle SYSTEM account',
};

const LOCAL_HOST =
  /^(?:localhost|127(?:\.\d{1,3}){3}|0\.0\.0\.0|::1|\[::1\]|host\.docker\.internal|[a-z0-9.-]+\.local|[a-z0-9.-]+\.localhost)$/i;

const PLATFORMS: Array<[RegExp, string]> = [
  [/\.rds\.amazonaws\.com$/, 'Amazon RDS'],
  [/\.redshift(?:-serverless)?\.amazonaws\.com$/, 'Amazon Redshift'],
  [/\.cache\.amazonaws\.com$/, 'Amazon ElastiCache'],
  [/\.neon\.tech$/, 'Neon'],
  [/\.(?:supabase\.co|supabase\.com)$/, 'Supabase'],
  [/\.psdb\.cloud$/, 'PlanetScale'],
  [/\.rlwy\.net$|\.railway\.internal$/, 'Railway'],
  [/\.mongodb\.net$/, 'MongoDB Atlas'],
  [/\.database\.windows\.net$/, 'Azure SQL Database'],
  [/\.(?:postgres|mysql)\.database\.azure\.com$/, 'Azure Database'],
  [/\.redis\.cache\.windows\.net$/, 'Azure Cache for Redis'],
  [/\.ondigitalocean\.com$/, 'DigitalOcean'],
  [/\.aivencloud\.com$/, 'Aiven'],
  [/\.upstash\.io$/, 'Upstash'],
  [/\.(?:redns\.redis-cloud\.com|redislabs\.com|redis-cloud\.com)$/, 'Redis Cloud'],
  [/\.cloudamqp\.com$/, 'CloudAMQP'],
  [/\.render\.com$/, 'Render'],
  [/\.heroku(?:app)?\.com$|\.compute(?:-1)?\.amazonaws\.com$/, 'Heroku or EC2'],
];

function splitHostPort(text: string): { host: string; port?: string } {
  const v6 = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(text);
  if (v6) return v6[2] ? { host: `[${v6[1]!}]`, port: v6[2] } : { host: `[${v6[1]!}]` };
  const m = /^([^:,]+)(?:[:,](\d{1,5}))?$/.exec(text);
  if (m) return m[2] ? { host: m[1]!, port: m[2] } : { host: m[1]! };
  return { host: text };
}

/** Sets the target's host (through `mapHost`) and, when `text` names one, its port. */
function setHostPort(target: DbTarget, text: string, mapHost: (host: string) => string = (host) => host): void {
  const hp = splitHostPort(text);
  target.host = mapHost(hp.host);
  if (hp.port) target.port = hp.port;
}

/** `key=value;key=value` (ADO.NET, JDBC SQL Server properties): keys lowercased, spaces dropped. */
function parseProperties(text: string): Map<string, string> {
  const props = new Map<string, string>();
  for (const part of text.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const key = part.slice(0, eq).trim().toLowerCase().replace(/\s+/g, '');
    let value = part.slice(eq + 1).trim();
    if (/^(["']).*\1$/.test(value)) value = value.slice(1, -1);
    if (!props.has(key)) props.set(key, value);
  }
  return props;
}

function first(props: Map<string, string>, keys: string[]): string | undefined {
  for (const k of keys) {
    const v = props.get(k);
    if (v !== undefined && v !== '') return v;
  }
  return undefined;
}

const USER_KEYS = ['userid', 'uid', 'user', 'username'];
const PASSWORD_KEYS = ['password', 'pwd'];

function fromProperties(props: Map<string, string>, scheme: string | undefined): DbTarget | undefined {
  const server = first(props, ['server', 'datasource', 'host', 'address', 'addr', 'networkaddress', 'servername']);
  const database = first(props, ['database', 'initialcatalog', 'databasename', 'dbname']);
  const user = first(props, USER_KEYS);
  if (!server && !database && !user) return undefined;
  const target: DbTarget = {};
  // Uncertain: a bare connection string does not name its engine. SQL Server markers (Initial
  // Catalog, Data Source, tcp:) decide `sqlserver`; anything else stays `connection-string`.
  if (scheme) target.scheme = scheme;
  else if (
    props.has('initialcatalog') ||
    props.has('datasource') ||
    /^tcp:/i.test(server ?? '') ||
    props.has('trustedconnection') ||
    props.has('multipleactiveresultsets')
  )
    target.scheme = 'sqlserver';
  else target.scheme = 'connection-string';
  if (server) setHostPort(target, server.replace(/^tcp:/i, '').split('\\')[0]!);
  const port = props.get('port');
  if (port && /^\d{1,5}$/.test(port)) target.port = port;
  if (database) target.database = database;
  if (user) target.user = user;
  const password = first(props, PASSWORD_KEYS);
  if (password) target.password = password;
  return target;
}

/** Parses a URI or connection string; undefined when it is neither. */
export function parseDbTarget(input: string): DbTarget | undefined {
  let text = input.trim().replace(/^["'`]|["'`]$/g, '');
  if (text.length === 0 || text.length > 4096) return undefined;

  // JDBC: jdbc:sqlserver://host:port;databaseName=…;user=…  |  jdbc:postgresql://…?user=…
  //       jdbc:oracle:thin:@host:port/service  |  jdbc:oracle:thin:user/pass@host:port:sid
  const jdbc = /^jdbc:([a-z0-9]+)(?::[a-z]+)*:(.*)$/i.exec(text);
  if (jdbc) {
    const sub = jdbc[1]!.toLowerCase();
    const rest = jdbc[2]!;
    if (sub === 'sqlserver') {
      const [authority = '', ...propParts] = rest.replace(/^\/\//, '').split(';');
      const props = parseProperties(propParts.join(';'));
      const target = fromProperties(props, 'sqlserver') ?? { scheme: 'sqlserver' };
      if (authority) setHostPort(target, authority.split('\\')[0]!);
      return target;
    }
    if (sub === 'oracle') {
      const m = /^(?:([^/@\s]+)\/([^@\s]*))?@(?:\/\/)?([^:/\s]+)(?::(\d{1,5}))?[:/]?([\w.$-]*)/.exec(rest);
      if (!m) return undefined;
      const target: DbTarget = { scheme: 'oracle', host: m[3]! };
      if (m[4]) target.port = m[4];
      if (m[5]) target.database = m[5];
      if (m[1]) target.user = m[1];
      if (m[2]) target.password = m[2];
      return target;
    }
    text = `${sub}:${rest}`;
  }

  const uri = /^([a-z][a-z0-9+.-]{1,20}):\/\/(.*)$/is.exec(text);
  if (uri) {
    const scheme = uri[1]!.toLowerCase();
    let rest = uri[2]!;
    const hashAt = rest.indexOf('#');
    if (hashAt >= 0) rest = rest.slice(0, hashAt);
    const queryAt = rest.indexOf('?');
    const query = queryAt >= 0 ? rest.slice(queryAt + 1) : '';
    if (queryAt >= 0) rest = rest.slice(0, queryAt);
    // The password may hold '/', ':' or even an unescaped '@': the host starts after the last '@'.
    const at = rest.lastIndexOf('@');
    const userinfo = at >= 0 ? rest.slice(0, at) : undefined;
    const hostAndPath = at >= 0 ? rest.slice(at + 1) : rest;
    const slash = hostAndPath.indexOf('/');
    const authority = slash >= 0 ? hostAndPath.slice(0, slash) : hostAndPath;
    const path = slash >= 0 ? hostAndPath.slice(slash + 1) : '';

    const target: DbTarget = { scheme };
    const hosts = authority.split(',').filter(Boolean);
    if (hosts.length) {
      setHostPort(target, hosts[0]!, decode);
      if (hosts.length > 1) target.hosts = hosts.map((h) => decode(splitHostPort(h).host));
    }
    const database = decode(path.split('/')[0] ?? '');
    if (database) target.database = database;

    if (userinfo !== undefined) {
      const colon = userinfo.indexOf(':');
      // Redis accepts `redis://<password>@host`: without a colon the lone part may be the
      // password, so it is not reported as a user name.
      if (colon >= 0) {
        const user = decode(userinfo.slice(0, colon));
        if (user) target.user = user;
        const password = decode(userinfo.slice(colon + 1));
        if (password) target.password = password;
      } else if (!/^rediss?$/.test(scheme)) {
        const user = decode(userinfo);
        if (user) target.user = user;
      } else {
        target.password = decode(userinfo);
      }
    }
    for (const part of query.split('&')) {
      const eq = part.indexOf('=');
      if (eq <= 0) continue;
      const key = part.slice(0, eq).toLowerCase();
      const value = decode(part.slice(eq + 1));
      if ((key === 'user' || key === 'username') && !target.user) target.user = value;
      else if ((key === 'password' || key === 'pwd') && !target.password) target.password = value;
      else if ((key === 'dbname' || key === 'database') && !target.database) target.database = value;
      else if (key === 'host' && !target.host) target.host = value;
    }
    return target.host || target.user || target.database ? target : undefined;
  }

  if (/=/.test(text) && /;/.test(text)) return fromProperties(parseProperties(text), undefined);
  return undefined;
}

function normalizeScheme(scheme: string): string {
  const s = scheme.toLowerCase();
  if (s === 'postgresql' || s === 'postgres' || s === 'pgsql') return 'postgres';
  if (s === 'mssql') return 'sqlserver';
  return s;
}

function adminReason(user: string, scheme: string): string | undefined {
  const u = user.toLowerCase();
  if (Object.hasOwn(ADMIN_USERS, u)) return ADMIN_USERS[u];
  // Supabase's pooler names the postgres role `postgres.<project ref>`.
  if (/^postgres\.[a-z0-9]{10,40}$/.test(u)) return 'the postgres role (through the Supabase pooler)';
  if (/^amqps?$/.test(scheme) && u === 'guest') return "RabbitMQ's default guest account (administrator tag)";
  return undefined;
}

export function decodeDbUri(secret: string, ctx: DecodeContext): DecodedScope | undefined {
  const g = ctx.groups;
  // When the match is only the password, cut it out of the surrounding URI before parsing: a
  // password holding '#', '?' or '/' would otherwise shift the parse, and pieces of it would
  // come out as the host or the database name.
  const parsedSecret = parseDbTarget(secret);
  const secretIsBareValue = parsedSecret === undefined;
  const passwordSlot = new RegExp(`([:=/])${secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=[@;&\\s]|$)`);
  const withoutPassword = (text: string): string => {
    if (!secretIsBareValue || text === secret) return text;
    const cut = text.replace(passwordSlot, '$1');
    return cut !== text || secret.length < 3 ? cut : text.split(secret).join('');
  };
  const candidates = [g['uri'], g['url'], g['connectionString'], g['connection']]
    .filter((t): t is string => !!t)
    .map(withoutPassword);
  let target: DbTarget | undefined;
  for (const c of candidates) {
    target = parseDbTarget(c);
    if (target) break;
  }
  // The secret itself comes last (withoutPassword leaves it as it is): already parsed above.
  target ??= parsedSecret ?? {};
  // Named groups of the detector's match fill what the text did not say.
  target.user ??= g['user'] ?? g['username'];
  target.host ??= g['host'];
  target.database ??= g['database'] ?? g['db'];
  target.port ??= g['port'] && /^\d{1,5}$/.test(g['port']) ? g['port'] : undefined;
  target.scheme ??= g['scheme'];
  if (!target.host && !target.user && !target.database) return undefined;

  const scheme = normalizeScheme(target.scheme ?? 'unknown');
  const scope: DecodedScope = { facts: { scheme }, evidence: [] };
  if (target.host) scope.facts['host'] = clip(target.host, 120);
  if (target.hosts && target.hosts.length > 1)
    scope.facts['hosts'] = target.hosts.slice(0, 10).map((h) => clip(h, 120));
  if (target.port) scope.facts['port'] = target.port;
  if (target.database) scope.facts['database'] = clip(target.database, 80);
  if (target.user) scope.facts['user'] = clip(target.user, 80);

  const host = (target.host ?? '').toLowerCase();
  if (host && LOCAL_HOST.test(host)) {
    scope.facts['local'] = true;
    scope.evidence.push(
      `Host ${clip(host, 60)} is local: likely a development database (still a committed credential)`,
    );
  }
  const platform = PLATFORMS.find(([re]) => re.test(host))?.[1];
  if (platform) scope.facts['platform'] = platform;
  if (/(?:^|[^a-z0-9])(?:prod|production|prd|live)(?:[^a-z0-9]|$)/i.test(`${host} ${target.database ?? ''}`)) {
    scope.environment = 'production';
    scope.evidence.push('Host or database name says production');
  }

  const user = target.user;
  const reason = user ? adminReason(user, scheme) : undefined;
  if (user && reason) {
    scope.privilege = 'admin';
    scope.evidence.push(
      `User "${clip(user, 40)}" is ${reason}: superuser rights (can drop databases and manage roles)`,
    );
  } else if (user && /(?:^|_)owner$/i.test(user)) {
    scope.privilege = 'destructive';
    scope.evidence.push(`User "${clip(user, 40)}" looks like the database owner role: can drop the database`);
  } else if (/^rediss?$/.test(scheme) && (!user || user === 'default')) {
    scope.evidence.push('Redis default user: usually allowed every command (FLUSHALL, CONFIG) unless ACLs restrict it');
  }
  if (scope.facts['database'] !== undefined || scope.facts['host'] !== undefined) scope.breadth = 'resource';
  // describeScope drops any fact or evidence line holding the password (or the matched secret).
  const password = target.password;
  if (password) scope.redact = () => [password];
  return scope;
}
