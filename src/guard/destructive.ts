// The destructive-call classifier: which commands of a shell line would delete or overwrite
// something that lives outside the machine (an HTTP DELETE/PUT/PATCH or a GraphQL mutation sent
// to a provider's API, `terraform destroy`, `kubectl delete`, `aws s3 rb`, `DROP TABLE` through
// psql, `git push --force`…). Table-driven: one row per CLI, each naming the provider whose
// credentials the CLI uses, so the decision can look for those. Pure functions, no I/O.

import { baseName, effectiveArgv, type ParsedLine, type SimpleCommand } from './shell-words.js';
import { PROVIDER_API_HOSTS } from '../providers/index.js';

export interface DestructiveCall {
  /** What would be deleted or overwritten, in words: "`terraform destroy`", "GraphQL mutation volumeDelete on backboard.railway.com". */
  what: string;
  /** Provider id (detectors/*.yaml `provider`) whose credentials the call uses, when known. */
  provider?: string;
  /** The CLI that makes the call (its stored login is a credential in reach). */
  cli?: string;
  /** Variables the command expands (the credential may be one of them). */
  vars: string[];
  /** The HTTP host, for API calls. */
  host?: string;
}

export interface ClassifyOptions {
  /** Hosts whose API calls are not treated as destructive (exact names or `*.suffix`). */
  allowedHosts?: readonly string[];
  /** Extra patterns (regular expressions tested against each simple command's text). */
  extraPatterns?: ReadonlyArray<{ pattern: RegExp; description: string }>;
}

interface CliRule {
  /** Provider whose credentials the CLI uses. */
  provider?: string;
  /** Returns what the command would destroy, or undefined for a harmless one. */
  test: (args: string[], positional: string[]) => string | undefined;
}

/** Positional arguments (not options), skipping the values of options that take one. */
function positionals(args: readonly string[], valued: ReadonlySet<string> = new Set()): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      out.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('-') && a.length > 1) {
      if (!a.includes('=') && valued.has(a)) i++;
      continue;
    }
    out.push(a);
  }
  return out;
}

const has = (args: readonly string[], ...flags: string[]): boolean =>
  args.some((a) => flags.some((f) => a === f || a.startsWith(`${f}=`)));

/** A delete verb among the first `depth` positionals: `gcloud sql instances delete x`. */
function verbAt(positional: readonly string[], verbs: ReadonlySet<string>, depth: number): string | undefined {
  const index = positional.slice(0, depth).findIndex((p) => verbs.has(p));
  return index < 0 ? undefined : positional.slice(0, index + 1).join(' ');
}

const DELETE_VERBS = new Set(['delete', 'destroy', 'rm', 'remove', 'purge', 'del', 'uninstall', 'wipe', 'erase']);

const verbRule = (cli: string, depth: number, provider?: string, verbs = DELETE_VERBS): CliRule => ({
  ...(provider ? { provider } : {}),
  test: (_args, pos) => {
    const path = verbAt(pos, verbs, depth);
    return path ? `\`${cli} ${path}\`` : undefined;
  },
});

const SQL_DESTRUCTIVE =
  /\b(?:drop\s+(?:database|schema|table|keyspace|collection|index|view|user|role)\b|truncate\s+(?:table\s+)?[\w."`]+|delete\s+from\s+[\w."`]+\s*(?:;|$)|flushall\b|flushdb\b|dropdatabase\s*\(|\.drop\s*\(\s*\))/im;

function sqlRule(cli: string): CliRule {
  return {
    test: (args) => {
      const text = args.join(' ');
      const m = SQL_DESTRUCTIVE.exec(text);
      return m ? `\`${m[0].trim().replace(/\s+/g, ' ')}\` through ${cli}` : undefined;
    },
  };
}

const CLI_RULES: Record<string, CliRule> = {
  terraform: {
    test: (args, pos) => {
      if (pos[0] === 'destroy') return '`terraform destroy` (every resource in the state)';
      if (pos[0] === 'apply' && has(args, '-destroy', '--destroy'))
        return '`terraform apply -destroy` (every resource in the state)';
      if (pos[0] === 'state' && pos[1] === 'rm') return '`terraform state rm`';
      if (pos[0] === 'workspace' && pos[1] === 'delete') return '`terraform workspace delete`';
      return undefined;
    },
  },
  kubectl: verbRule('kubectl', 1, 'kubernetes', new Set(['delete'])),
  oc: verbRule('oc', 1, 'kubernetes', new Set(['delete'])),
  helm: verbRule('helm', 1, 'kubernetes', new Set(['uninstall', 'delete', 'del', 'un'])),
  fly: verbRule('fly', 3, 'flyio', new Set(['destroy', 'delete', 'rm', 'remove', 'release'])),
  railway: verbRule('railway', 2, 'railway', new Set(['down', 'delete', 'remove', 'rm'])),
  aws: {
    provider: 'aws',
    test: (args, pos) => {
      const [service, op] = pos;
      if (!service || !op) return undefined;
      if (service === 's3' && op === 'rb') return '`aws s3 rb` (a bucket)';
      if (service === 's3' && op === 'rm')
        return has(args, '--recursive') ? '`aws s3 rm --recursive` (every object under the prefix)' : '`aws s3 rm`';
      if (service === 's3' && op === 'sync' && has(args, '--delete')) return '`aws s3 sync --delete`';
      if (/^(?:delete|remove|terminate|deregister|purge|disable)-/.test(op)) return `\`aws ${service} ${op}\``;
      return undefined;
    },
  },
  gcloud: verbRule('gcloud', 5, 'gcp', new Set(['delete', 'rm', 'remove'])),
  gsutil: verbRule('gsutil', 1, 'gcp', new Set(['rm', 'rb'])),
  az: verbRule('az', 4, 'azure', new Set(['delete', 'purge', 'remove'])),
  doctl: verbRule('doctl', 4, 'digitalocean', new Set(['delete', 'rm', 'd'])),
  heroku: {
    provider: 'heroku',
    test: (_args, pos) => {
      const verb = pos.find((p) => /^[a-z-]+:(?:destroy|delete|reset|remove|rm|unset)$/.test(p) || p === 'destroy');
      return verb ? `\`heroku ${verb}\`` : undefined;
    },
  },
  supabase: {
    provider: 'supabase',
    test: (_args, pos) => {
      if (pos[0] === 'db' && pos[1] === 'reset') return '`supabase db reset` (every table and row)';
      const path = verbAt(pos, new Set(['delete', 'remove', 'rm']), 3);
      return path ? `\`supabase ${path}\`` : undefined;
    },
  },
  vercel: verbRule('vercel', 3, 'vercel', new Set(['remove', 'rm', 'delete'])),
  netlify: {
    provider: 'netlify',
    test: (_args, pos) => (pos[0] && /^[a-z-]+:delete$/.test(pos[0]) ? `\`netlify ${pos[0]}\`` : undefined),
  },
  wrangler: verbRule('wrangler', 4, 'cloudflare', new Set(['delete'])),
  gh: verbRule('gh', 2, 'github', new Set(['delete'])),
  glab: verbRule('glab', 2, 'gitlab', new Set(['delete'])),
  render: verbRule('render', 2, 'render', new Set(['delete'])),
  dropdb: { test: () => '`dropdb` (a database)' },
  psql: sqlRule('psql'),
  mysql: sqlRule('mysql'),
  mariadb: sqlRule('mariadb'),
  sqlcmd: sqlRule('sqlcmd'),
  pgcli: sqlRule('pgcli'),
  mycli: sqlRule('mycli'),
  cockroach: sqlRule('cockroach'),
  clickhouse: sqlRule('clickhouse'),
  'clickhouse-client': sqlRule('clickhouse-client'),
  mongosh: sqlRule('mongosh'),
  mongo: sqlRule('mongo'),
  'redis-cli': sqlRule('redis-cli'),
  git: {
    test: (args, pos) => {
      if (pos[0] !== 'push') return undefined;
      if (
        has(args, '--force', '--force-with-lease', '--force-if-includes') ||
        args.some((a) => /^-[a-zA-Z]*f[a-zA-Z]*$/.test(a))
      )
        return '`git push --force` (overwrites the remote branch history)';
      if (has(args, '--delete', '--mirror') || args.some((a) => /^-[a-zA-Z]*d$/.test(a)))
        return '`git push --delete` (remote branches or tags)';
      if (pos.slice(1).some((p) => p.startsWith('+') || /^:[^/]/.test(p)))
        return '`git push` with a forced or deleting refspec';
      return undefined;
    },
  },
};
CLI_RULES['flyctl'] = {
  ...CLI_RULES['fly']!,
  test: (a, p) => CLI_RULES['fly']!.test(a, p)?.replace('`fly ', '`flyctl '),
};
CLI_RULES['tofu'] = { test: (a, p) => CLI_RULES['terraform']!.test(a, p)?.replace('terraform', 'tofu') };
CLI_RULES['terragrunt'] = { test: (a, p) => CLI_RULES['terraform']!.test(a, p)?.replace('terraform', 'terragrunt') };

export function providerForHost(host: string): string | undefined {
  return PROVIDER_API_HOSTS.find(([re]) => re.test(host))?.[1];
}

function isLocalHost(host: string): boolean {
  return (
    /^(?:localhost|127(?:\.\d+){3}|0\.0\.0\.0|\[?::1\]?|host\.docker\.internal)$/.test(host) ||
    /\.(?:localhost|local|internal|test)$/.test(host)
  );
}

export function hostAllowed(host: string, allowed: readonly string[]): boolean {
  return allowed.some((entry) => {
    const e = entry.toLowerCase();
    return e.startsWith('*.') ? host === e.slice(2) || host.endsWith(e.slice(1)) : host === e;
  });
}

function hostOf(url: string): string | undefined {
  const m = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:[^@/\s]*@)?(\[[^\]]+\]|[^/:?#\s]+)/i.exec(url);
  return m ? m[1]!.toLowerCase() : undefined;
}

/** A URL path with token-like segments (webhook secrets, bot tokens) cut out: it goes into reasons and the log. */
function safePath(path: string): string {
  const shown = path
    .split('/')
    .map((segment) => (segment.length >= 16 && /[0-9]/.test(segment) && /[A-Za-z]/.test(segment) ? '…' : segment))
    .join('/');
  return shown.length > 120 ? `${shown.slice(0, 119)}…` : shown;
}

const GRAPHQL_OPERATION = /^\s*(?:#[^\n]*\n\s*)*(mutation|query|subscription|fragment|\{)/;

/** The first mutation field of a GraphQL document, or undefined if it has no mutation. */
export function graphqlMutation(document: string): string | undefined {
  const unescaped = document.replace(/\\n/g, '\n').replace(/\\"/g, '"');
  // Any `mutation` operation in the document counts (a document may hold several operations).
  const m =
    /(?:^|[\s{}"'])mutation\b\s*(?:[A-Za-z_][A-Za-z0-9_]*\s*)?(?:\([^)]*\)\s*)?(?:@[^{]*)?\{\s*(?:[A-Za-z_][A-Za-z0-9_]*\s*:\s*)?([A-Za-z_][A-Za-z0-9_]*)?/.exec(
      unescaped,
    );
  if (!m) return undefined;
  // `{"query":"query { … mutation … }"}`: only an operation keyword at the start of a document counts.
  return m[1] ?? 'mutation';
}

/** GraphQL documents in an HTTP body: the `query` field of a JSON body, or the body itself. */
function graphqlDocuments(body: string): string[] {
  const docs: string[] = [];
  const trimmed = body.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      const parsed = JSON.parse(trimmed) as unknown;
      for (const item of Array.isArray(parsed) ? parsed : [parsed]) {
        if (item && typeof item === 'object' && typeof (item as { query?: unknown }).query === 'string')
          docs.push((item as { query: string }).query);
      }
      if (docs.length > 0) return docs;
    } catch {
      // Not JSON (a raw GraphQL body, or JSON with shell-expanded parts): read the text below.
    }
    const field = /"query"\s*:\s*"((?:[^"\\]|\\.)*)"/g;
    for (const m of trimmed.matchAll(field)) docs.push(m[1]!);
    if (docs.length > 0) return docs;
  }
  // `query=mutation…` form bodies and raw documents.
  const form = /(?:^|&)query=([^&]*)/.exec(trimmed);
  if (form) {
    try {
      docs.push(decodeURIComponent(form[1]!.replace(/\+/g, ' ')));
    } catch {
      docs.push(form[1]!);
    }
    return docs;
  }
  if (GRAPHQL_OPERATION.test(trimmed)) docs.push(trimmed);
  return docs;
}

function isMutationBody(bodies: readonly string[]): string | undefined {
  for (const body of bodies) {
    for (const doc of graphqlDocuments(body)) {
      const op = GRAPHQL_OPERATION.exec(doc);
      if (op && op[1] === 'mutation') return graphqlMutation(doc) ?? 'mutation';
    }
  }
  return undefined;
}

interface HttpRequest {
  method: string;
  urls: string[];
  bodies: string[];
}

/** curl flags whose value is a request body. */
const DATA_FLAGS = new Set([
  '-d',
  '--data',
  '--data-raw',
  '--data-binary',
  '--data-urlencode',
  '--data-ascii',
  '--json',
]);
/** curl flags that take a value. */
const CURL_VALUED = new Set([
  '-X',
  '--request',
  '-H',
  '--header',
  ...DATA_FLAGS,
  '-F',
  '--form',
  '--form-string',
  '-u',
  '--user',
  '-o',
  '--output',
  '-A',
  '--user-agent',
  '-e',
  '--referer',
  '-b',
  '--cookie',
  '-c',
  '--cookie-jar',
  '--url',
  '-m',
  '--max-time',
  '--connect-timeout',
  '-x',
  '--proxy',
  '-w',
  '--write-out',
  '-T',
  '--upload-file',
  '--retry',
  '-K',
  '--config',
  '--cacert',
  '--cert',
  '--key',
  '--oauth2-bearer',
  '-r',
  '--range',
  '-z',
  '--resolve',
  '--connect-to',
  '-Y',
  '-y',
  '--limit-rate',
  '--max-redirs',
]);

function readCurl(args: readonly string[]): HttpRequest {
  let method: string | undefined;
  const urls: string[] = [];
  const bodies: string[] = [];
  let hasBody = false;
  let head = false;
  let upload = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const flag = eq > 0 ? a.slice(0, eq) : a;
    const inline = eq > 0 ? a.slice(eq + 1) : undefined;
    // Short options glue their value: -XDELETE, -dfoo.
    const short = /^-([XdHFu])(.+)$/.exec(a);
    if (short) {
      const [, f, v] = short;
      if (f === 'X') method = v!.toUpperCase();
      else if (f === 'd') {
        hasBody = true;
        bodies.push(v!);
      }
      continue;
    }
    if (flag === '-I' || flag === '--head') head = true;
    if (flag === '-G' || flag === '--get') method ??= 'GET';
    if (CURL_VALUED.has(flag)) {
      const value = inline ?? args[++i] ?? '';
      if (flag === '-X' || flag === '--request') method = value.toUpperCase();
      else if (DATA_FLAGS.has(flag) || flag === '-F' || flag === '--form' || flag === '--form-string') {
        hasBody = true;
        bodies.push(value);
      } else if (flag === '--url') urls.push(value);
      else if (flag === '-T' || flag === '--upload-file') upload = true;
      continue;
    }
    if (a.startsWith('-')) continue;
    urls.push(a);
  }
  return { method: method ?? (upload ? 'PUT' : hasBody ? 'POST' : head ? 'HEAD' : 'GET'), urls, bodies };
}

function readWget(args: readonly string[]): HttpRequest {
  let method: string | undefined;
  const urls: string[] = [];
  const bodies: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const [flag, inline] =
      a.startsWith('--') && a.includes('=')
        ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
        : [a, undefined];
    if (flag === '--method') method = (inline ?? args[++i] ?? '').toUpperCase();
    else if (flag === '--post-data' || flag === '--body-data') {
      bodies.push(inline ?? args[++i] ?? '');
      method ??= 'POST';
    } else if (
      [
        '--header',
        '-O',
        '--output-document',
        '-o',
        '--output-file',
        '--user',
        '--password',
        '-U',
        '--user-agent',
        '--post-file',
        '--body-file',
      ].includes(flag)
    ) {
      if (inline === undefined) i++;
    } else if (!a.startsWith('-')) urls.push(a);
  }
  return { method: method ?? 'GET', urls, bodies };
}

const HTTP_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

function readHttpie(args: readonly string[]): HttpRequest {
  const pos = args.filter((a) => !a.startsWith('-'));
  let method: string | undefined;
  let i = 0;
  if (pos[0] && HTTP_METHODS.has(pos[0].toUpperCase()) && pos.length > 1) {
    method = pos[0].toUpperCase();
    i = 1;
  }
  const url = pos[i];
  const items = pos.slice(i + 1);
  const bodies = items
    .filter((item) => /^[^=:]+:?=/.test(item))
    .map((item) => {
      const m = /^([^=:]+):?=(.*)$/s.exec(item)!;
      return JSON.stringify({ [m[1]!]: m[2] });
    });
  return { method: method ?? (bodies.length > 0 ? 'POST' : 'GET'), urls: url ? [url] : [], bodies };
}

/** Requests written inside `node -e`, `python -c`, `deno eval` scripts: fetch/axios/requests calls. */
function readScript(script: string): HttpRequest[] {
  const urls = [...script.matchAll(/https?:\/\/[^\s'"`)\\]+/g)].map((m) => m[0]);
  if (urls.length === 0) return [];
  const method =
    /method\s*[:=]\s*['"`](DELETE|PUT|PATCH)['"`]/i.exec(script)?.[1] ??
    /\b(?:axios|requests|httpx|got|ky|superagent|http|session|client)\s*\.\s*(delete|put|patch)\s*\(/i.exec(
      script,
    )?.[1] ??
    /\.request\s*\(\s*['"](DELETE|PUT|PATCH)['"]/i.exec(script)?.[1];
  const bodies = [...script.matchAll(/['"`]\s*(mutation\b[^'"`]*)/g)].map((m) => m[1]!);
  return [{ method: (method ?? (bodies.length > 0 ? 'POST' : 'GET')).toUpperCase(), urls, bodies }];
}

const SCRIPT_FLAGS: Record<string, string[]> = {
  node: ['-e', '--eval', '-p', '--print'],
  bun: ['-e', '--eval', '-p', '--print'],
  deno: ['eval'],
  python: ['-c'],
  python3: ['-c'],
  ruby: ['-e'],
  perl: ['-e', '-E'],
  php: ['-r'],
};

function scriptOf(name: string, args: readonly string[]): string | undefined {
  const flags = SCRIPT_FLAGS[name] ?? (/^python3(?:\.\d+)?$/.test(name) ? SCRIPT_FLAGS['python'] : undefined);
  if (!flags) return undefined;
  const i = args.findIndex((a) => flags.includes(a));
  return i >= 0 ? args[i + 1] : undefined;
}

function httpRequests(name: string, args: readonly string[]): HttpRequest[] {
  if (name === 'curl') return [readCurl(args)];
  if (name === 'wget') return [readWget(args)];
  if (name === 'http' || name === 'https' || name === 'xh' || name === 'xhs') return [readHttpie(args)];
  const script = scriptOf(name, args);
  return script ? readScript(script) : [];
}

function classifyRequest(request: HttpRequest, options: ClassifyOptions): Omit<DestructiveCall, 'vars'> | undefined {
  for (const url of request.urls) {
    const host = hostOf(url);
    if (!host || isLocalHost(host) || hostAllowed(host, options.allowedHosts ?? [])) continue;
    const provider = providerForHost(host);
    const mutation = request.method === 'GET' || request.method === 'HEAD' ? undefined : isMutationBody(request.bodies);
    if (mutation)
      return { what: `GraphQL mutation \`${mutation}\` on ${host}`, host, ...(provider ? { provider } : {}) };
    if (request.method === 'DELETE' || request.method === 'PUT' || request.method === 'PATCH') {
      const path = /^(?:[a-z]+:\/\/)?[^/?#]+([^?#\s]*)/i.exec(url)?.[1] || '/';
      return { what: `HTTP ${request.method} ${host}${safePath(path)}`, host, ...(provider ? { provider } : {}) };
    }
  }
  return undefined;
}

function commandVars(command: SimpleCommand): string[] {
  const vars = new Set<string>();
  for (const w of command.argv) for (const v of w.vars) vars.add(v);
  for (const a of command.assignments) for (const v of a.value.vars) vars.add(v);
  return [...vars];
}

/** Classifies one simple command; `line` is the whole parse (pipelines feed SQL on stdin). */
export function classifyCommand(
  command: SimpleCommand,
  line: ParsedLine,
  options: ClassifyOptions = {},
): DestructiveCall | undefined {
  const argv = effectiveArgv(command);
  if (argv.length === 0) return undefined;
  const name = baseName(argv[0]!).replace(/\.exe$/i, '');
  const args = argv.slice(1);
  const vars = commandVars(command);
  for (const extra of options.extraPatterns ?? []) {
    extra.pattern.lastIndex = 0;
    if (extra.pattern.test(argv.join(' '))) return { what: extra.description, vars };
  }
  for (const request of httpRequests(name, args)) {
    const call = classifyRequest(request, options);
    if (call) return { ...call, vars, cli: name };
  }
  const rule = CLI_RULES[name];
  if (!rule) return undefined;
  let ruleArgs = args;
  if (SQL_CLIS.has(name)) {
    // SQL may arrive on stdin: a heredoc, a here-string, or an earlier stage of the pipeline.
    const fed = line.commands
      .filter((c) => c.pipeline === command.pipeline && c.stage < command.stage)
      .flatMap((c) => c.argv.map((w) => w.value));
    ruleArgs = [...args, ...command.stdin, ...fed];
  }
  const what = rule.test(ruleArgs, positionals(args, GLOBAL_VALUED[name]));
  return what ? { what, vars, cli: name, ...(rule.provider ? { provider: rule.provider } : {}) } : undefined;
}

const SQL_CLIS = new Set([
  'psql',
  'mysql',
  'mariadb',
  'sqlcmd',
  'pgcli',
  'mycli',
  'cockroach',
  'clickhouse',
  'clickhouse-client',
  'mongosh',
  'mongo',
  'redis-cli',
]);

/** Options that take a value, per CLI, so their values are not read as subcommands. */
const GLOBAL_VALUED: Record<string, ReadonlySet<string>> = {
  kubectl: new Set([
    '-n',
    '--namespace',
    '--context',
    '--kubeconfig',
    '-l',
    '--selector',
    '-o',
    '--output',
    '--cluster',
    '--user',
    '-f',
    '--filename',
    '-c',
    '--container',
  ]),
  helm: new Set(['-n', '--namespace', '--kube-context', '--kubeconfig']),
  aws: new Set(['--profile', '--region', '--output', '--endpoint-url', '--query']),
  gcloud: new Set(['--project', '--account', '--zone', '--region', '--format', '--configuration']),
  az: new Set(['--subscription', '-g', '--resource-group', '-n', '--name', '-o', '--output', '--query']),
  fly: new Set(['-a', '--app', '-c', '--config', '-r', '--region', '-o', '--org']),
  flyctl: new Set(['-a', '--app', '-c', '--config', '-r', '--region', '-o', '--org']),
  railway: new Set(['-s', '--service', '-e', '--environment', '-p', '--project']),
  git: new Set(['-C', '-c', '--git-dir', '--work-tree', '--repo', '-o', '--push-option']),
  gh: new Set(['-R', '--repo']),
  doctl: new Set(['-t', '--access-token', '--context', '-o', '--output', '--format']),
  heroku: new Set(['-a', '--app', '-r', '--remote']),
  supabase: new Set(['--project-ref', '--workdir', '-o', '--output', '--db-url']),
  terraform: new Set(['-chdir', '-var', '-var-file', '-target']),
  vercel: new Set(['--token', '--scope', '-t', '-S', '--cwd']),
  psql: new Set(['-h', '-p', '-U', '-d', '-f']),
  mysql: new Set(['-h', '-P', '-u', '-D']),
};

/** Every destructive call of a parsed line. */
export function classifyLine(line: ParsedLine, options: ClassifyOptions = {}): DestructiveCall[] {
  const calls: DestructiveCall[] = [];
  for (const command of line.commands) {
    const call = classifyCommand(command, line, options);
    if (call) calls.push(call);
  }
  return calls;
}
