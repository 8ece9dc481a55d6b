// Credential facts for the guard, from the same detectors and scope stage as `scan`: which live
// credentials a text, a file, the agent's environment or a provider CLI's stored login holds, and
// where a variable a command expands gets its value. Loaded only when a decision needs it (the
// detector catalogue costs tens of milliseconds to compile); every fact leaves here redacted.

import { closeSync, existsSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { buildDetectorSet, type DetectorSet } from '../detect/compile.js';
import type { DetectorFile } from '../model/detector.js';
import { detectorBundlePath } from '../util/paths.js';
import { readBuiltinCatalogue } from '../catalog/builtin.js';
import { fingerprintKey } from '../util/redact.js';
import { analyzeFile } from '../pipeline/analyze.js';
import { selectIds } from '../catalog/selection.js';
import type { CredentialFact } from './types.js';
import type { Candidate } from '../model/candidate.js';

/** Files larger than this are read only up to here: credentials sit in small files. */
const READ_CAP = 2 * 1024 * 1024;

export interface CredentialScanner {
  /** Live credentials in a text; `path` decides path-scoped detectors; `where` defaults to "`path` line N". */
  inText(text: string, path: string, where?: string): CredentialFact[];
  /** Live credentials in a file (absolute path), read up to the cap. */
  inFile(absPath: string, root: string): CredentialFact[];
}

let cachedSet: DetectorSet | undefined;
let cachedDisabled = '';

/**
 * The built-in detectors from the build's bundle (its patterns are in a file of their own);
 * without a build (tests from src/), through the loader. Read through src/catalog/builtin.ts so
 * the hook does not load the loader's directory walker.
 */
async function builtinDetectors(): Promise<DetectorFile[]> {
  if (existsSync(detectorBundlePath)) return readBuiltinCatalogue();
  return (await import('../catalog/load.js')).loadBuiltinDetectors();
}

export async function createScanner(options: {
  disabled?: readonly string[];
  env: NodeJS.ProcessEnv;
  now?: Date;
}): Promise<CredentialScanner> {
  const disabledKey = [...(options.disabled ?? [])].sort().join(',');
  if (!cachedSet || cachedDisabled !== disabledKey) {
    const files = await builtinDetectors();
    // `detectors.disable` may name providers and globs (`generic.*`), as in a scan.
    const catalogue = files.flatMap((f) => f.detectors.map((d) => ({ id: d.id, provider: f.provider })));
    cachedSet = buildDetectorSet(files, new Set((options.disabled ?? []).flatMap((s) => selectIds(s, catalogue))));
    cachedDisabled = disabledKey;
  }
  const set = cachedSet;
  const analyzeOptions = {
    maxFileSize: READ_CAP,
    fingerprintKey: fingerprintKey(options.env),
    keepSecrets: false,
    now: options.now ?? new Date(),
    valueAllowlist: [],
  };
  const facts = (candidates: Candidate[], where: (c: Candidate) => string, text?: string): CredentialFact[] =>
    candidates.filter(isLive).map((c) => ({
      ruleId: c.ruleId,
      name: c.ruleName,
      provider: c.provider,
      privilege: c.scope.privilege,
      breadth: c.scope.breadth,
      redacted: c.redacted,
      length: c.secretLength,
      fingerprint: c.fingerprint,
      where: where(c),
      ...variableOf(c, text),
      ...(c.scope.narrowerAlternative ? { narrowerAlternative: c.scope.narrowerAlternative } : {}),
    }));
  return {
    inText(text, path, where) {
      const analysis = analyzeFile(
        { path, content: Buffer.from(text, 'utf8'), origin: 'worktree' },
        set,
        analyzeOptions,
      );
      return facts(analysis.candidates, (c) => where ?? `\`${path}\` line ${c.line}`, text);
    },
    inFile(absPath, root) {
      const shown = displayFile(absPath, root);
      const bytes = readCapped(absPath);
      if (!bytes) return [];
      const analysis = analyzeFile({ path: shown, content: bytes, origin: 'worktree' }, set, analyzeOptions);
      return facts(analysis.candidates, (c) => `\`${shown}\` line ${c.line}`, bytes.toString('utf8'));
    },
  };
}

/** A credential counts when it could work: not a bad checksum, not a placeholder, not public, not expired, not marked ignored. */
function isLive(c: Candidate): boolean {
  return (
    c.checksum !== 'invalid' &&
    c.confidence !== 'low' &&
    c.scope.public !== true &&
    c.scope.expired !== true &&
    !c.inlineIgnore
  );
}

/**
 * The variable a credential is held in: the name its line assigns (`export DB_URL=…`,
 * `const RAILWAY_API_TOKEN = …`), else the detector's key name.
 */
function variableOf(c: Candidate, text: string | undefined): { variable?: string } {
  if (text !== undefined) {
    const line = lineAt(text, c.line);
    const assigned =
      /^\s*(?:export\s+|(?:const|let|var)\s+|(?:process\.env|os\.environ)\s*(?:\.|\[\s*['"]))?["']?([A-Za-z_][A-Za-z0-9_]*)["']?\s*(?:\]\s*)?(?::=|[:=])/.exec(
        line,
      );
    if (assigned) return { variable: assigned[1]! };
  }
  return c.keyName ? { variable: variableName(c.keyName) } : {};
}

function lineAt(text: string, line: number): string {
  let start = 0;
  for (let i = 1; i < line; i++) {
    const next = text.indexOf('\n', start);
    if (next < 0) return '';
    start = next + 1;
  }
  const end = text.indexOf('\n', start);
  return text.slice(start, end < 0 ? text.length : end);
}

/** `process.env.RAILWAY_API_TOKEN`, `"RAILWAY_API_TOKEN"` → `RAILWAY_API_TOKEN`. */
function variableName(keyName: string): string {
  const parts = keyName
    .replace(/["'`[\]]/g, '')
    .split(/[.\s]/)
    .filter(Boolean);
  return parts[parts.length - 1] ?? keyName;
}

/** Repository-relative POSIX path inside the checkout, `~/…` in the home folder, else absolute. */
export function displayFile(absPath: string, root: string): string {
  const rel = relative(root, absPath);
  if (!rel.startsWith('..') && !isAbsolute(rel)) return rel === '' ? '.' : rel.split(sep).join('/');
  const home = homedir();
  return absPath.startsWith(`${home}/`) ? `~/${absPath.slice(home.length + 1)}` : absPath;
}

export function readCapped(absPath: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    const stat = statSync(absPath);
    if (!stat.isFile()) return undefined;
    fd = openSync(absPath, 'r');
    const size = Math.min(stat.size, READ_CAP);
    const buffer = Buffer.alloc(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, buffer, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Variables every shell has, never credentials: not worth a search. */
const PLAIN_VARS = new Set([
  'HOME',
  'PATH',
  'PWD',
  'OLDPWD',
  'USER',
  'LOGNAME',
  'SHELL',
  'TMPDIR',
  'TMP',
  'TEMP',
  'LANG',
  'TERM',
  'EDITOR',
  'HOSTNAME',
  'IFS',
  'RANDOM',
  'UID',
  'CI',
  'NODE_ENV',
  'XDG_CONFIG_HOME',
  'XDG_STATE_HOME',
  'XDG_DATA_HOME',
  'XDG_CACHE_HOME',
]);

/** Names that hold credentials even when no detector knows the value's shape. */
const CREDENTIAL_NAME =
  /(?:^|_)(?:TOKEN|API_?KEY|SECRET|PASSWORD|PASSWD|PAT|AUTH|CREDENTIALS?|ACCESS_KEY|PRIVATE_KEY)(?:_|$)/i;

export interface VariableSearch {
  root: string;
  env: NodeJS.ProcessEnv;
  scanner: CredentialScanner;
  /** Give up the checkout walk at this time (Date.now()). */
  deadline: number;
}

export interface VariableOutcome {
  facts: CredentialFact[];
  /** The walk ran out of time before every file was looked at. */
  incomplete: boolean;
}

/** The checkout's env files: `.env`, `.env.local`, `.env.production`… at the root. */
export function envFiles(root: string): string[] {
  try {
    return readdirSync(root)
      .filter((name) => /^\.env(?:\.|$)|\.env$/.test(name) && !/\.(?:example|sample|template|dist)$/i.test(name))
      .map((name) => join(root, name))
      .filter((path) => {
        try {
          return statSync(path).isFile();
        } catch {
          return false;
        }
      });
  } catch {
    return [];
  }
}

/** Where each variable's value comes from: the agent's environment, the checkout's env files, any file assigning it. */
export async function findVariables(names: readonly string[], search: VariableSearch): Promise<VariableOutcome> {
  const wanted = [...new Set(names)].filter((n) => !PLAIN_VARS.has(n) && !/^[0-9]/.test(n));
  const facts: CredentialFact[] = [];
  if (wanted.length === 0) return { facts, incomplete: false };
  const matches = (fact: CredentialFact, name: string): boolean =>
    fact.variable !== undefined && fact.variable.toUpperCase() === name.toUpperCase();
  for (const name of wanted) {
    const value = search.env[name];
    if (value === undefined || value.length === 0) continue;
    const found = search.scanner
      .inText(`${name}=${value}\n`, '.env', `the agent's environment ($${name})`)
      .map((f) => ({ ...f, variable: name }));
    if (found.length > 0) facts.push(...found);
    else if (CREDENTIAL_NAME.test(name) && value.length >= 12)
      facts.push(unrecognised(name, value, `the agent's environment ($${name})`));
  }
  const seen = new Set<string>();
  for (const file of envFiles(search.root)) {
    seen.add(file);
    for (const fact of search.scanner.inFile(file, search.root))
      if (wanted.some((n) => matches(fact, n))) facts.push(fact);
  }
  // Then any file of the checkout that assigns the variable (a deploy script, a config module).
  let incomplete = false;
  let walked;
  try {
    // The directory walker loads only when a variable has to be looked for in the checkout.
    const { walkWorkingTree } = await import('../sources/walk.js');
    walked = await walkWorkingTree({ root: search.root, gitignore: false });
  } catch {
    return { facts, incomplete: true };
  }
  const needles = wanted.map((n) => Buffer.from(n));
  for (const file of walked.files) {
    if (Date.now() > search.deadline) {
      incomplete = true;
      break;
    }
    const abs = file.absPath ?? join(search.root, file.path);
    if (seen.has(abs) || (file.size ?? 0) > READ_CAP) continue;
    const bytes = readCapped(abs);
    if (!bytes || !needles.some((n) => bytes.includes(n))) continue;
    for (const fact of search.scanner.inFile(abs, search.root))
      if (wanted.some((n) => matches(fact, n))) facts.push(fact);
  }
  return { facts, incomplete };
}

/** A credential-named variable holding a value no detector recognises: privilege and reach unknown. */
function unrecognised(name: string, value: string, where: string): CredentialFact {
  return {
    ruleId: 'guard.unrecognised',
    name: `unrecognised credential in ${name}`,
    provider: 'unknown',
    privilege: 'unknown',
    breadth: 'unknown',
    redacted: `${value.slice(0, Math.min(4, Math.floor(value.length / 4)))}…`,
    length: value.length,
    fingerprint: '',
    where,
    variable: name,
  };
}

/** What a provider's CLI reads: environment variables and the file its `login` writes. */
interface CliLogin {
  provider: string;
  /** Display name of the login. */
  name: string;
  env: string[];
  /** Files relative to the home directory. */
  files: string[];
  /** What a stored login can do when the file holds nothing a detector recognises. */
  privilege: CredentialFact['privilege'];
  breadth: CredentialFact['breadth'];
}

const CLI_LOGINS: Record<string, CliLogin> = {
  railway: {
    provider: 'railway',
    name: 'Railway CLI login',
    env: ['RAILWAY_API_TOKEN', 'RAILWAY_TOKEN'],
    files: ['.railway/config.json'],
    privilege: 'destructive',
    breadth: 'account',
  },
  fly: {
    provider: 'flyio',
    name: 'Fly.io CLI login',
    env: ['FLY_API_TOKEN', 'FLY_ACCESS_TOKEN'],
    files: ['.fly/config.yml'],
    privilege: 'destructive',
    breadth: 'account',
  },
  heroku: {
    provider: 'heroku',
    name: 'Heroku CLI login',
    env: ['HEROKU_API_KEY'],
    files: ['.netrc', '_netrc'],
    privilege: 'admin',
    breadth: 'account',
  },
  doctl: {
    provider: 'digitalocean',
    name: 'doctl login',
    env: ['DIGITALOCEAN_ACCESS_TOKEN', 'DIGITALOCEAN_TOKEN'],
    files: ['.config/doctl/config.yaml'],
    privilege: 'unknown',
    breadth: 'account',
  },
  supabase: {
    provider: 'supabase',
    name: 'Supabase CLI login',
    env: ['SUPABASE_ACCESS_TOKEN', 'SUPABASE_DB_PASSWORD'],
    files: ['.supabase/access-token'],
    privilege: 'admin',
    breadth: 'account',
  },
  vercel: {
    provider: 'vercel',
    name: 'Vercel CLI login',
    env: ['VERCEL_TOKEN'],
    files: ['.local/share/com.vercel.cli/auth.json', '.vercel/auth.json'],
    privilege: 'destructive',
    breadth: 'account',
  },
  netlify: {
    provider: 'netlify',
    name: 'Netlify CLI login',
    env: ['NETLIFY_AUTH_TOKEN'],
    files: ['.netlify/config.json', '.config/netlify/config.json'],
    privilege: 'destructive',
    breadth: 'account',
  },
  wrangler: {
    provider: 'cloudflare',
    name: 'Wrangler login',
    env: ['CLOUDFLARE_API_TOKEN', 'CLOUDFLARE_API_KEY', 'CF_API_TOKEN'],
    files: ['.wrangler/config/default.toml', '.config/.wrangler/config/default.toml'],
    privilege: 'unknown',
    breadth: 'account',
  },
  gh: {
    provider: 'github',
    name: 'GitHub CLI login',
    env: ['GH_TOKEN', 'GITHUB_TOKEN'],
    files: ['.config/gh/hosts.yml'],
    privilege: 'unknown',
    breadth: 'account',
  },
  glab: {
    provider: 'gitlab',
    name: 'GitLab CLI login',
    env: ['GITLAB_TOKEN', 'GLAB_TOKEN'],
    files: ['.config/glab-cli/config.yml'],
    privilege: 'unknown',
    breadth: 'account',
  },
  git: {
    provider: 'github',
    name: 'git credentials',
    env: ['GH_TOKEN', 'GITHUB_TOKEN', 'GITLAB_TOKEN'],
    files: ['.git-credentials', '.config/gh/hosts.yml'],
    privilege: 'unknown',
    breadth: 'unknown',
  },
  aws: {
    provider: 'aws',
    name: 'AWS CLI credentials',
    env: ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'],
    files: ['.aws/credentials'],
    privilege: 'unknown',
    breadth: 'unknown',
  },
  gcloud: {
    provider: 'gcp',
    name: 'gcloud login',
    env: ['GOOGLE_APPLICATION_CREDENTIALS', 'CLOUDSDK_AUTH_ACCESS_TOKEN'],
    files: ['.config/gcloud/application_default_credentials.json', '.config/gcloud/credentials.db'],
    privilege: 'unknown',
    breadth: 'unknown',
  },
  az: {
    provider: 'azure',
    name: 'Azure CLI login',
    env: ['AZURE_CLIENT_SECRET'],
    files: ['.azure/msal_token_cache.json', '.azure/accessTokens.json'],
    privilege: 'unknown',
    breadth: 'unknown',
  },
  kubectl: {
    provider: 'kubernetes',
    name: 'kubeconfig',
    env: ['KUBECONFIG'],
    files: ['.kube/config'],
    privilege: 'unknown',
    breadth: 'unknown',
  },
  render: {
    provider: 'render',
    name: 'Render CLI login',
    env: ['RENDER_API_KEY'],
    files: ['.render/cli.yaml'],
    privilege: 'destructive',
    breadth: 'account',
  },
};
CLI_LOGINS['flyctl'] = CLI_LOGINS['fly']!;
CLI_LOGINS['oc'] = CLI_LOGINS['kubectl']!;
CLI_LOGINS['helm'] = CLI_LOGINS['kubectl']!;
CLI_LOGINS['gsutil'] = CLI_LOGINS['gcloud']!;

/** Terraform, Pulumi and the like use whichever provider credentials the environment holds. */
const PROVISIONERS = new Set(['terraform', 'tofu', 'terragrunt', 'pulumi', 'cdk', 'cdktf', 'sst', 'serverless', 'sls']);

/** Environment variables a CLI reads implicitly (searched like expanded ones). */
export function implicitVariables(cli: string | undefined): string[] {
  if (!cli) return [];
  if (PROVISIONERS.has(cli))
    return [...new Set(Object.values(CLI_LOGINS).flatMap((l) => l.env))].filter((n) => n !== 'KUBECONFIG');
  return CLI_LOGINS[cli]?.env.filter((n) => n !== 'KUBECONFIG' && n !== 'GOOGLE_APPLICATION_CREDENTIALS') ?? [];
}

/** The CLI's stored login: credentials in its login file, or the file itself when nothing in it is recognised. */
export function storedLogin(
  cli: string | undefined,
  env: NodeJS.ProcessEnv,
  scanner: CredentialScanner,
  root: string,
): CredentialFact[] {
  const login = cli ? CLI_LOGINS[cli] : undefined;
  if (!login) return [];
  const home = env['HOME'] && env['HOME'].length > 0 ? env['HOME'] : homedir();
  const files = login.files.map((f) => join(home, f));
  if (cli === 'kubectl' || cli === 'oc' || cli === 'helm') {
    const kubeconfig = env['KUBECONFIG'];
    if (kubeconfig)
      files.unshift(
        ...kubeconfig
          .split(':')
          .filter(Boolean)
          .map((p) => resolve(p)),
      );
  }
  // A token in a remote URL (https://x-access-token:…@github.com/…) rides along with every push;
  // the file itself is no login, so only what a detector finds in it counts.
  const scanOnly = cli === 'git' ? join(root, '.git', 'config') : undefined;
  if (scanOnly) files.unshift(scanOnly);
  if (login.provider === 'gcp' && env['GOOGLE_APPLICATION_CREDENTIALS'])
    files.unshift(resolve(root, env['GOOGLE_APPLICATION_CREDENTIALS']));
  const facts: CredentialFact[] = [];
  for (const file of files) {
    if (!existsSync(file)) continue;
    const found = scanner.inFile(file, root);
    if (found.length > 0) {
      facts.push(...found.map((f) => ({ ...f, where: `${f.where} (${login.name})` })));
      continue;
    }
    if (file === scanOnly) continue;
    facts.push({
      ruleId: `guard.${login.provider}-cli-login`,
      name: login.name,
      provider: login.provider,
      privilege: login.privilege,
      breadth: login.breadth,
      redacted: '(stored login)',
      length: 0,
      fingerprint: '',
      where: `\`${displayFile(file, root)}\``,
    });
  }
  return facts;
}

/** MCP server configurations an agent may hold credentials in (project first, then the user's). */
export function mcpConfigFiles(root: string, env: NodeJS.ProcessEnv): string[] {
  const home = env['HOME'] && env['HOME'].length > 0 ? env['HOME'] : homedir();
  return [
    join(root, '.mcp.json'),
    join(root, '.cursor', 'mcp.json'),
    join(root, '.gemini', 'settings.json'),
    join(root, '.vscode', 'mcp.json'),
    join(home, '.cursor', 'mcp.json'),
    join(home, '.gemini', 'settings.json'),
    join(home, '.claude.json'),
  ].filter((p) => existsSync(p));
}

/** Credentials the named MCP server is configured with (its `env`, `headers`, `args`), by file. */
export function mcpServerCredentials(
  server: string | undefined,
  root: string,
  env: NodeJS.ProcessEnv,
  scanner: CredentialScanner,
): CredentialFact[] {
  const facts: CredentialFact[] = [];
  for (const file of mcpConfigFiles(root, env)) {
    const bytes = readCapped(file);
    if (!bytes) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(bytes.toString('utf8'));
    } catch {
      continue;
    }
    const blocks = collectServers(parsed);
    for (const [name, block] of blocks) {
      if (server && name !== server) continue;
      const text = flatten(block);
      const where = `the \`${name}\` MCP server's configuration in \`${displayFile(file, root)}\``;
      facts.push(...scanner.inText(text, basename(file), where));
      // `"env": {"TOKEN": "${TOKEN}"}`: the value comes from the agent's environment.
      for (const m of text.matchAll(/\$\{?([A-Z_][A-Z0-9_]*)\}?/g)) {
        const value = env[m[1]!];
        if (value)
          facts.push(
            ...scanner.inText(
              `${m[1]}=${value}\n`,
              '.env',
              `the agent's environment ($${m[1]}, used by the \`${name}\` MCP server)`,
            ),
          );
      }
    }
  }
  return facts;
}

/** `mcpServers` (Claude Code, Cursor, Gemini) and `servers` (VS Code) blocks, at the top level or under projects. */
function collectServers(doc: unknown, depth = 0): Array<[string, unknown]> {
  if (!doc || typeof doc !== 'object' || depth > 3) return [];
  const out: Array<[string, unknown]> = [];
  for (const [key, value] of Object.entries(doc as Record<string, unknown>)) {
    if ((key === 'mcpServers' || key === 'servers') && value && typeof value === 'object')
      out.push(...Object.entries(value as Record<string, unknown>));
    else if (value && typeof value === 'object') out.push(...collectServers(value, depth + 1));
  }
  return out;
}

/** `KEY=value` lines for every string leaf, so detectors see the key names as assignments. */
function flatten(value: unknown, key = '', lines: string[] = []): string {
  if (typeof value === 'string') lines.push(`${key || 'value'}=${value}`);
  else if (Array.isArray(value)) value.forEach((v) => flatten(v, key, lines));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) flatten(v, k, lines);
  return `${lines.join('\n')}\n`;
}
