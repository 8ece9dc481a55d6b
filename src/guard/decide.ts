// The guard's decision, shared by every agent: a GuardEvent in, allow / ask / deny out, with a
// reason a person can act on. A destructive call asks when a credential that can delete (or that
// reaches an account or organization) is within its reach; reading a live credential is denied;
// writing one asks; everything else is allowed without loading the detector catalogue, so the
// common case (a harmless shell command) costs a parse and a table look-up.

import { existsSync, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { classifyLine, type DestructiveCall } from './destructive.js';
import { baseName, effectiveArgv, parseShell, type ParsedLine, type SimpleCommand } from './shell-words.js';
import type {
  CredentialFact,
  Decision,
  GuardAction,
  GuardEvent,
  GuardPolicy,
  GuardVerdict,
  PolicyChoice,
} from './types.js';
import type { CredentialScanner } from './credentials.js';
import { describeCredential, describeDamage } from './wording.js';

export interface DecideContext {
  env: NodeJS.ProcessEnv;
  /** The checkout the agent works in (repository root, or its working directory). */
  root: string;
  policy: GuardPolicy;
  /** Detector ids the config disables. */
  disabledDetectors: readonly string[];
  /** Date.now() value after which searches stop early (Date, not performance: perf_hooks costs the fast path 10 ms to load). */
  deadline: number;
}

const ALLOW: Decision = { verdict: 'allow', class: 'none', reason: '', credentials: [] };
const RANK: Record<GuardVerdict, number> = { allow: 0, ask: 1, deny: 2 };

type Credentials = typeof import('./credentials.js');
let credentialsModule: Promise<Credentials> | undefined;
/** The detector catalogue and its helpers, loaded on first need only. */
function loadCredentials(): Promise<Credentials> {
  return (credentialsModule ??= import('./credentials.js'));
}

interface Lazy {
  mod: Credentials;
  scanner: CredentialScanner;
}

async function lazy(ctx: DecideContext): Promise<Lazy> {
  const mod = await loadCredentials();
  return { mod, scanner: await mod.createScanner({ disabled: ctx.disabledDetectors, env: ctx.env }) };
}

/** The strongest of several decisions; reasons of the same strength are joined. */
function strongest(decisions: Decision[]): Decision {
  let best = ALLOW;
  for (const d of decisions) {
    if (RANK[d.verdict] > RANK[best.verdict] || (best === ALLOW && d.verdict !== 'allow')) best = d;
    else if (d !== best && d.verdict === best.verdict && d.verdict !== 'allow' && !best.reason.includes(d.reason)) {
      best = {
        ...best,
        reason: `${best.reason} Also: ${d.reason}`,
        credentials: [...best.credentials, ...d.credentials],
      };
    }
  }
  return best;
}

/** Broad enough to ask before a destructive call: can delete (or more), or reaches an org or account. */
function isBroad(fact: CredentialFact): boolean {
  return (
    fact.privilege === 'destructive' ||
    fact.privilege === 'admin' ||
    fact.breadth === 'account' ||
    fact.breadth === 'org'
  );
}

function isUnknown(fact: CredentialFact): boolean {
  return (
    fact.privilege === 'unknown' &&
    (fact.breadth === 'unknown' || fact.breadth === 'resource' || fact.breadth === 'project')
  );
}

function dedupe(facts: CredentialFact[]): CredentialFact[] {
  const seen = new Set<string>();
  return facts.filter((f) => {
    const key = `${f.fingerprint || f.ruleId}|${f.where}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The credential that matters most for the message: broadest first, provider-matching first. */
function rank(facts: CredentialFact[], provider: string | undefined): CredentialFact[] {
  const score = (f: CredentialFact): number =>
    (provider && f.provider === provider ? 100 : 0) +
    (f.privilege === 'admin' ? 20 : f.privilege === 'destructive' ? 18 : 0) +
    (f.breadth === 'account' ? 9 : f.breadth === 'org' ? 8 : 0);
  return [...facts].sort((a, b) => score(b) - score(a));
}

function destructiveDecision(
  call: DestructiveCall,
  facts: CredentialFact[],
  ctx: DecideContext,
  incomplete: boolean,
): Decision | undefined {
  const relevant = call.provider
    ? facts.filter((f) => f.provider === call.provider || f.provider === 'unknown' || f.variable !== undefined)
    : facts;
  const broad = rank(relevant.filter(isBroad), call.provider);
  if (broad.length > 0) {
    const top = broad[0]!;
    const others =
      broad.length > 1 ? ` (and ${broad.length - 1} more credential${broad.length > 2 ? 's' : ''} in reach)` : '';
    const alternative = top.narrowerAlternative
      ? ` A narrower credential would limit the damage: ${top.narrowerAlternative}.`
      : '';
    return {
      verdict: ctx.policy.destructive,
      class: 'destructive',
      what: call.what,
      credentials: broad,
      reason: `This would run ${call.what} with ${describeCredential(top)}: ${describeDamage(top)}${others}. Confirm only if deleting or overwriting this is intended.${alternative}`,
    };
  }
  const unknown = relevant.filter(isUnknown);
  if (unknown.length > 0 && ctx.policy.unknownScope !== 'allow') {
    const top = unknown[0]!;
    return {
      verdict: ctx.policy.unknownScope,
      class: 'destructive',
      what: call.what,
      credentials: unknown,
      reason: `This would run ${call.what} with ${describeCredential(top)}, whose privilege and reach are not visible offline (\`tokenscope scan --verify\` can tell). Confirm only if deleting or overwriting this is intended.`,
    };
  }
  if (incomplete && (call.vars.length > 0 || call.provider)) {
    return {
      verdict: 'ask',
      class: 'destructive',
      what: call.what,
      credentials: [],
      reason: `This would run ${call.what}, and tokenscope ran out of time before finding where ${call.vars.length > 0 ? call.vars.map((v) => `$${v}`).join(', ') : 'its credential'} comes from. Confirm only if deleting or overwriting this is intended.`,
    };
  }
  return undefined;
}

// ---- shell ----------------------------------------------------------------------------------

/** Commands that print a file's contents. */
const READERS = new Set([
  'cat',
  'tac',
  'less',
  'more',
  'head',
  'tail',
  'bat',
  'batcat',
  'nl',
  'strings',
  'xxd',
  'hexdump',
  'od',
  'base64',
  'sed',
  'awk',
  'gawk',
  'cut',
  'sort',
  'uniq',
  'diff',
  'jq',
  'yq',
  'column',
  'fold',
  'paste',
  'rev',
  'tr',
  'view',
  'source',
  '.',
  'dotenv',
  'env-cmd',
  'openssl',
  'iconv',
  'expand',
  'fmt',
  'pr',
  'cmp',
  'comm',
  'join',
  'split',
  'zcat',
  'zless',
]);
const GREPS = new Set(['grep', 'egrep', 'fgrep', 'rg', 'ag', 'ack', 'git-grep']);
/** Commands that print the whole environment when run without arguments. */
const ENV_DUMPERS = new Set(['printenv', 'env', 'export', 'set', 'declare', 'typeset', 'compgen']);
const PRINTERS = new Set(['echo', 'printf', 'print']);
const WRITERS = new Set(['tee', 'cp', 'install', 'dd', 'sponge']);

const GREP_VALUED = new Set([
  '-e',
  '-f',
  '-m',
  '-A',
  '-B',
  '-C',
  '--include',
  '--exclude',
  '--exclude-dir',
  '-g',
  '--glob',
  '-t',
  '--type',
  '-T',
  '--type-not',
  '--max-count',
  '--context',
  '--after-context',
  '--before-context',
  '--regexp',
  '--file',
  '-E',
  '--encoding',
  '-j',
  '--threads',
  '-M',
  '--max-columns',
]);

interface ReadTarget {
  path: string;
  /** For grep-like commands: the pattern whose matching lines are shown. */
  pattern?: RegExp;
  recursive?: boolean;
  /** ripgrep and friends skip git-ignored files. */
  gitignore?: boolean;
}

function expandHome(path: string, env: NodeJS.ProcessEnv): string {
  const home = env['HOME'] && env['HOME'].length > 0 ? env['HOME'] : homedir();
  return path === '~' ? home : path.startsWith('~/') ? join(home, path.slice(2)) : path;
}

/** `*.env`, `.env*`: the files of one folder a simple glob names. */
function expandGlob(path: string): string[] {
  if (!/[*?[]/.test(path)) return [path];
  const dir = dirname(path);
  const base = path.slice(dir.length + 1);
  if (/[*?[]/.test(dir)) return [];
  const re = new RegExp(
    `^${base
      .replace(/[.+^${}()|\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );
  try {
    return readdirSync(dir)
      .filter((name) => re.test(name) && (!name.startsWith('.') || base.startsWith('.')))
      .map((name) => join(dir, name));
  } catch {
    return [];
  }
}

function toRegExp(pattern: string, ignoreCase: boolean, fixed: boolean): RegExp {
  const flags = ignoreCase ? 'i' : '';
  if (fixed) return new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), flags);
  try {
    // Basic-regex escapes (\| \( \)) mean alternation and groups in grep.
    return new RegExp(pattern.replace(/\\([|()+?{}])/g, '$1'), flags);
  } catch {
    return new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), flags);
  }
}

/** Files a reading command would print, with the pattern that selects lines for grep-like ones. */
function readTargets(argv: string[], cwd: string, env: NodeJS.ProcessEnv): ReadTarget[] {
  const name = baseName(argv[0]!);
  const args = argv.slice(1);
  const targets: ReadTarget[] = [];
  const add = (arg: string, extra: Omit<ReadTarget, 'path'> = {}): void => {
    if (arg.includes('$') || arg === '-' || /^[a-z]+:\/\//i.test(arg)) return;
    for (const path of expandGlob(resolve(cwd, expandHome(arg, env)))) targets.push({ path, ...extra });
  };
  if (GREPS.has(name) || (name === 'git' && args[0] === 'grep')) {
    const list = name === 'git' ? args.slice(1) : args;
    let pattern: string | undefined;
    let ignoreCase = false;
    let fixed = name === 'fgrep';
    let recursive = name === 'rg' || name === 'ag' || name === 'ack' || name === 'git';
    const files: string[] = [];
    for (let i = 0; i < list.length; i++) {
      const a = list[i]!;
      if (a === '-e' || a === '--regexp') {
        pattern = list[++i];
        continue;
      }
      if (a.startsWith('--regexp=')) {
        pattern = a.slice(9);
        continue;
      }
      if (a.startsWith('-') && a.length > 1) {
        // File names, counts or a status only: no line is shown.
        if (/^-[a-zA-Z]*[lLcq]/.test(a) && !/^-[a-zA-Z]*[ABCe]/.test(a)) return [];
        if (['--files-with-matches', '--files-without-match', '--count', '--quiet', '--silent', '--files'].includes(a))
          return [];
        if (/^-[a-zA-Z]*i/.test(a) || a === '--ignore-case') ignoreCase = true;
        if (/^-[a-zA-Z]*F/.test(a) || a === '--fixed-strings') fixed = true;
        if (/^-[a-zA-Z]*[rR]/.test(a) || a === '--recursive') recursive = true;
        if (GREP_VALUED.has(a)) i++;
        continue;
      }
      if (pattern === undefined) pattern = a;
      else files.push(a);
    }
    const re = toRegExp(pattern ?? '', ignoreCase, fixed);
    if (files.length === 0 && recursive) files.push('.');
    for (const f of files)
      add(f, { pattern: re, recursive, gitignore: name !== 'grep' && name !== 'egrep' && name !== 'fgrep' });
    return targets;
  }
  const valued =
    name === 'head' || name === 'tail'
      ? new Set(['-n', '-c'])
      : name === 'sed' || name === 'awk'
        ? new Set(['-e', '-f'])
        : new Set<string>();
  let positional = 0;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('-') && a.length > 1) {
      if (valued.has(a)) i++;
      continue;
    }
    positional++;
    // sed/awk/jq take a program first; openssl a subcommand.
    if (
      (name === 'sed' ||
        name === 'awk' ||
        name === 'gawk' ||
        name === 'jq' ||
        name === 'yq' ||
        name === 'openssl' ||
        name === 'tr') &&
      positional === 1
    )
      continue;
    if ((name === 'dotenv' || name === 'env-cmd') && a !== '-f' && !existsSync(resolve(cwd, a))) continue;
    add(a);
  }
  return targets;
}

function readDecision(facts: CredentialFact[], source: string, ctx: DecideContext): Decision | undefined {
  if (facts.length === 0 || ctx.policy.reads === 'allow') return undefined;
  const top = rank(facts, undefined)[0]!;
  const names = [...new Set(facts.map((f) => f.variable).filter((v): v is string => v !== undefined))];
  const instead =
    names.length > 0
      ? `refer to ${names.map((n) => `$${n}`).join(', ')} by name in code or commands (the program reads the value; you never need to see it)`
      : 'refer to the credential through its variable or secret store by name instead of reading its value';
  return {
    verdict: ctx.policy.reads,
    class: 'read-credential',
    credentials: facts,
    reason: `${source} holds ${facts.length === 1 ? describeCredential(top) : `${facts.length} live credentials, among them ${describeCredential(top)}`}. Reading it would put the credential into this conversation and the model provider's logs. Instead, ${instead}, or ask the user to check the value.`,
  };
}

/** Live credentials on the lines a pattern selects (grep), or in the whole file. */
function exposedIn(
  target: ReadTarget,
  scanner: CredentialScanner,
  root: string,
  lines: (path: string) => string[] | undefined,
): CredentialFact[] {
  const found = scanner.inFile(target.path, root);
  if (!target.pattern || found.length === 0) return found;
  const text = lines(target.path);
  if (!text) return found;
  return found.filter((f) => {
    const line = /line (\d+)$/.exec(f.where);
    // The agent's own pattern, so only the credential's line and only its first 4 KB are tried.
    return line ? target.pattern!.test((text[Number(line[1]) - 1] ?? '').slice(0, 4096)) : true;
  });
}

async function filesUnder(
  target: ReadTarget,
  root: string,
  deadline: number,
): Promise<{ files: string[]; incomplete: boolean }> {
  let stat;
  try {
    stat = statSync(target.path);
  } catch {
    return { files: [], incomplete: false };
  }
  if (stat.isFile()) return { files: [target.path], incomplete: false };
  if (!stat.isDirectory() || !target.recursive) return { files: [], incomplete: false };
  const { walkWorkingTree } = await import('../sources/walk.js');
  const walkRoot = isInside(target.path, root) ? root : target.path;
  const walked = await walkWorkingTree({ root: walkRoot, paths: [target.path], gitignore: target.gitignore === true });
  const files = walked.files.map((f) => f.absPath ?? join(walkRoot, f.path));
  return { files, incomplete: Date.now() > deadline };
}

function isInside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return !rel.startsWith('..') && !isAbsolute(rel);
}

/** Split a file into lines once per decision (grep filtering). */
function lineReader(mod: Credentials): (path: string) => string[] | undefined {
  const cache = new Map<string, string[] | undefined>();
  return (path) => {
    if (!cache.has(path)) cache.set(path, mod.readCapped(path)?.toString('utf8').split('\n'));
    return cache.get(path);
  };
}

async function readFromTargets(
  targets: ReadTarget[],
  label: (path: string) => string,
  ctx: DecideContext,
  l: Lazy,
): Promise<Decision[]> {
  const decisions: Decision[] = [];
  const lines = lineReader(l.mod);
  for (const target of targets) {
    const { files, incomplete } = await filesUnder(target, ctx.root, ctx.deadline);
    const facts: CredentialFact[] = [];
    for (const file of files) {
      if (Date.now() > ctx.deadline) break;
      facts.push(...exposedIn({ ...target, path: file }, l.scanner, ctx.root, lines));
    }
    const what = files.length === 1 ? label(files[0]!) : `${label(target.path)} (searched)`;
    const d = readDecision(dedupe(facts), what, ctx);
    if (d) decisions.push(d);
    else if (incomplete && files.length > 1) {
      decisions.push({
        verdict: 'deny',
        class: 'error',
        credentials: [],
        reason: `tokenscope could not check every file under ${label(target.path)} in time. Narrow the search to a path or glob so it can be checked.`,
      });
    }
  }
  return decisions;
}

function envText(env: NodeJS.ProcessEnv, names?: readonly string[]): string {
  const keys = names ?? Object.keys(env);
  return `${keys
    .filter((k) => env[k] !== undefined)
    .map((k) => `${k}=${env[k]}`)
    .join('\n')}\n`;
}

/** Does a command print the environment, or named variables of it? Returns the names (empty = all). */
function envRead(argv: string[], command: SimpleCommand): string[] | 'all' | undefined {
  const name = baseName(argv[0]!);
  const args = argv.slice(1);
  if (ENV_DUMPERS.has(name)) {
    if (name === 'printenv')
      return args.filter((a) => !a.startsWith('-')).length === 0 ? 'all' : args.filter((a) => !a.startsWith('-'));
    if (name === 'env')
      return args.every((a) => a.startsWith('-') || /^[A-Za-z_][A-Za-z0-9_]*=/.test(a)) ? 'all' : undefined;
    if (name === 'export' || name === 'declare' || name === 'typeset')
      return args.every((a) => /^-[a-zA-Z]*[px]?$/.test(a)) ? 'all' : undefined;
    if (name === 'set') return args.length === 0 ? 'all' : undefined;
    if (name === 'compgen') return args.includes('-e') || args.includes('-v') ? 'all' : undefined;
  }
  if (PRINTERS.has(name)) {
    const vars = command.argv.slice(1).flatMap((w) => w.vars);
    return vars.length > 0 ? vars : undefined;
  }
  return undefined;
}

const NOTHING_SHOWN = /(?!)/;
const INTERPRETERS = new Set(['node', 'bun', 'deno', 'python', 'python3', 'ruby', 'perl', 'php']);
const SCRIPT_FLAGS = new Set(['-e', '--eval', '-p', '--print', '-c', '-E', '-r', 'eval']);

/** `env | grep AWS_`: the next stage of the pipeline shows only the lines its pattern selects. */
function envFilter(command: SimpleCommand, line: ParsedLine): { filter?: RegExp } {
  const next = line.commands.find((c) => c.pipeline === command.pipeline && c.stage === command.stage + 1);
  if (!next) return {};
  const argv = effectiveArgv(next);
  const name = baseName(argv[0] ?? '');
  if (!GREPS.has(name)) return {};
  if (argv.slice(1).some((a) => /^-[a-zA-Z]*[lLcq]/.test(a) || a === '--count' || a === '--quiet'))
    return { filter: NOTHING_SHOWN };
  if (argv.slice(1).some((a) => /^-[a-zA-Z]*v/.test(a))) return {};
  const pattern = argv.slice(1).find((a, i, list) => !a.startsWith('-') && !GREP_VALUED.has(list[i - 1] ?? ''));
  const ignoreCase = argv.some((a) => /^-[a-zA-Z]*i/.test(a));
  return pattern
    ? {
        filter: toRegExp(
          pattern,
          ignoreCase,
          argv.some((a) => /^-[a-zA-Z]*F/.test(a)),
        ),
      }
    : {};
}

/** A literal that may be a credential: worth loading the detectors for. */
const TOKENISH = /[A-Za-z0-9_+/=.:@-]{16,}/;

async function decideShell(command: string, cwdIn: string | undefined, ctx: DecideContext): Promise<Decision> {
  const cwd = cwdIn ? resolve(ctx.root, cwdIn) : ctx.root;
  const line: ParsedLine = parseShell(command);
  const calls = classifyLine(line, {
    allowedHosts: ctx.policy.allowedHosts,
    extraPatterns: ctx.policy.destructivePatterns,
  });

  const reads: Array<{ command: SimpleCommand; argv: string[] }> = [];
  const envReads: Array<{ names: string[] | 'all'; filter?: RegExp }> = [];
  let writesLiteral = false;
  for (const c of line.commands) {
    const argv = effectiveArgv(c);
    if (argv.length === 0) {
      // `env` alone (a wrapper with nothing to run) prints the environment.
      const raw = c.argv.map((w) => w.value);
      if (
        raw.length > 0 &&
        baseName(raw[0]!) === 'env' &&
        raw.slice(1).every((a) => a.startsWith('-') || /^[A-Za-z_][A-Za-z0-9_]*=/.test(a))
      ) {
        envReads.push({ names: 'all', ...envFilter(c, line) });
      }
      if (c.inputs.length > 0) reads.push({ command: c, argv: ['cat', ...c.inputs] });
      continue;
    }
    const name = baseName(argv[0]!);
    // `python -c "print(open('.env').read())"`: files a one-line script names are read by it.
    const script = INTERPRETERS.has(name) ? argv[argv.findIndex((a) => SCRIPT_FLAGS.has(a)) + 1] : undefined;
    if (script) {
      const named = [...script.matchAll(/['"`]([^'"`\s]{1,200})['"`]/g)]
        .map((m) => m[1]!)
        .filter((p) => /[./]/.test(p) && !/^[a-z]+:\/\//i.test(p) && existsSync(resolve(cwd, expandHome(p, ctx.env))));
      if (named.length > 0) reads.push({ command: c, argv: ['cat', ...named] });
    }
    if (READERS.has(name) || GREPS.has(name) || (name === 'git' && argv[1] === 'grep'))
      reads.push({ command: c, argv });
    // `cmd < .env` feeds the file to any command; treated as printing it.
    if (c.inputs.length > 0) reads.push({ command: c, argv: ['cat', ...c.inputs] });
    const env = envRead(argv, c);
    if (env) envReads.push({ names: env, ...envFilter(c, line) });
    if (
      (c.outputs.length > 0 || WRITERS.has(name)) &&
      TOKENISH.test([...c.argv.map((w) => w.value), ...c.stdin].join(' '))
    )
      writesLiteral = true;
  }
  if (calls.length === 0 && reads.length === 0 && envReads.length === 0 && !writesLiteral) return ALLOW;

  const l = await lazy(ctx);
  const decisions: Decision[] = [];

  // Destructive calls: literal credentials, expanded variables, the CLI's own login.
  if (calls.length > 0) {
    const literal = TOKENISH.test(command) ? l.scanner.inText(command, 'command.sh', 'the command line itself') : [];
    const assigned = new Set(line.commands.flatMap((c) => c.assignments.map((a) => a.name)));
    for (const call of calls) {
      const names = [...call.vars, ...l.mod.implicitVariables(call.cli)].filter(
        (n) => !assigned.has(n) || call.vars.includes(n),
      );
      const found = await l.mod.findVariables(names, {
        root: ctx.root,
        env: ctx.env,
        scanner: l.scanner,
        deadline: ctx.deadline,
      });
      const login = l.mod.storedLogin(call.cli, ctx.env, l.scanner, ctx.root);
      const d = destructiveDecision(call, dedupe([...literal, ...found.facts, ...login]), ctx, found.incomplete);
      if (d) decisions.push(d);
    }
  }

  // Reads: files printed, the environment printed, variables echoed.
  if (reads.length > 0) {
    const targets = reads.flatMap((r) => readTargets(r.argv, cwd, ctx.env));
    decisions.push(...(await readFromTargets(targets, (p) => `\`${l.mod.displayFile(p, ctx.root)}\``, ctx, l)));
  }
  for (const { names, filter } of envReads) {
    if (filter === NOTHING_SHOWN) continue;
    const all = envText(ctx.env, names === 'all' ? undefined : names);
    const text = filter
      ? all
          .split('\n')
          .filter((l) => filter.test(l))
          .join('\n')
      : all;
    const facts = l.scanner.inText(
      text,
      '.env',
      names === 'all' ? "the agent's environment" : `the agent's environment (${names.map((n) => `$${n}`).join(', ')})`,
    );
    const where =
      names === 'all' ? "The agent's environment" : `The agent's environment (${names.map((n) => `$${n}`).join(', ')})`;
    const d = readDecision(
      facts.map((f) => ({ ...f, where: `the agent's environment${f.variable ? ` ($${f.variable})` : ''}` })),
      where,
      ctx,
    );
    if (d) decisions.push(d);
  }

  // A credential written into a file by the command itself.
  if (writesLiteral && ctx.policy.writes !== 'allow') {
    const facts = l.scanner.inText(command, 'command.sh', 'the command line');
    if (facts.length > 0) {
      const targets = line.commands.flatMap((c) => c.outputs).filter((o) => !o.startsWith('/dev/'));
      if (targets.length > 0 || line.commands.some((c) => WRITERS.has(baseName(effectiveArgv(c)[0] ?? '')))) {
        decisions.push(
          writeDecision(
            facts,
            targets.length > 0 ? targets.map((t) => `\`${t}\``).join(', ') : 'a file',
            ctx.policy.writes,
          ),
        );
      }
    }
  }
  return strongest(decisions);
}

function writeDecision(facts: CredentialFact[], target: string, policy: PolicyChoice): Decision {
  const top = rank(facts, undefined)[0]!;
  return {
    verdict: policy,
    class: 'write-credential',
    credentials: facts,
    reason: `This writes ${describeCredential(top)} into ${target}. A credential in a file spreads to commits, backups and every reader of the repository; keep it in the environment or a secret manager and refer to it by variable name. Confirm only if writing it there is intended.`,
  };
}

// ---- other tools ----------------------------------------------------------------------------

const DESTRUCTIVE_TOOL =
  /(?:delete|destroy|drop|purge|truncate|wipe|terminate|uninstall|remove|erase|reset|rollback|revoke)/i;
const READ_TOOL = /(?:read|get_file|cat|view|open|download|show)/i;

function stringLeaves(value: unknown, out: Array<[string, string]> = [], key = ''): Array<[string, string]> {
  if (typeof value === 'string') out.push([key, value]);
  else if (Array.isArray(value)) value.forEach((v) => stringLeaves(v, out, key));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) stringLeaves(v, out, k);
  return out;
}

async function decideMcp(action: Extract<GuardAction, { kind: 'mcp' }>, ctx: DecideContext): Promise<Decision> {
  const leaves = stringLeaves(action.input);
  const sql = leaves.find(([, v]) =>
    /\b(?:drop\s+(?:database|schema|table)|truncate\s+|delete\s+from\s+\w+\s*(?:;|$))/i.test(v),
  );
  const mutation = leaves.find(
    ([k, v]) => (k === 'query' || k === 'mutation' || k === 'document') && /^\s*mutation\b/.test(v),
  );
  const byName = DESTRUCTIVE_TOOL.exec(action.tool);
  const decisions: Decision[] = [];
  const server = action.server ?? '';
  const what = sql
    ? `\`${/drop\s+\w+|truncate|delete\s+from/i.exec(sql[1])![0]}\` through the MCP tool \`${action.tool}\``
    : mutation
      ? `a GraphQL mutation through the MCP tool \`${action.tool}\``
      : byName
        ? `the MCP tool \`${action.tool}\`${server ? ` of the \`${server}\` server` : ''}`
        : undefined;
  const pathLeaf = READ_TOOL.test(action.tool)
    ? leaves.find(([k]) => /^(?:path|file|file_?path|filename|uri)$/i.test(k))
    : undefined;
  if (!what && !pathLeaf) return ALLOW;
  const l = await lazy(ctx);
  if (what) {
    const text = leaves.map(([k, v]) => `${k}=${v}`).join('\n');
    const literal = TOKENISH.test(text) ? l.scanner.inText(text, 'mcp-input.txt', `the MCP call's input`) : [];
    const configured = l.mod.mcpServerCredentials(action.server, ctx.root, ctx.env, l.scanner);
    const cli = server.toLowerCase().replace(/[-_]?mcp[-_]?|[-_]?server/g, '');
    const found = await l.mod.findVariables(l.mod.implicitVariables(cli), {
      root: ctx.root,
      env: ctx.env,
      scanner: l.scanner,
      deadline: ctx.deadline,
    });
    const d = destructiveDecision({ what, vars: [] }, dedupe([...literal, ...configured, ...found.facts]), ctx, false);
    if (d) decisions.push(d);
  }
  if (pathLeaf) {
    const path = resolve(ctx.root, expandHome(pathLeaf[1].replace(/^file:\/\//, ''), ctx.env));
    decisions.push(...(await readFromTargets([{ path }], (p) => `\`${l.mod.displayFile(p, ctx.root)}\``, ctx, l)));
  }
  return strongest(decisions);
}

async function decideFetch(url: string, ctx: DecideContext): Promise<Decision> {
  if (!TOKENISH.test(url)) return ALLOW;
  const l = await lazy(ctx);
  const facts = l.scanner.inText(decodeSafe(url), 'url.txt', 'the URL');
  if (facts.length === 0 || ctx.policy.writes === 'allow') return ALLOW;
  const host = /^[a-z]+:\/\/([^/?#]+)/i.exec(url)?.[1] ?? 'the server';
  return {
    verdict: ctx.policy.writes,
    class: 'send-credential',
    credentials: facts,
    reason: `This fetch sends ${describeCredential(facts[0]!)} in the URL to ${host}, which will log it. Confirm only if that host is meant to receive it.`,
  };
}

function decodeSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Decides one event. Throws only on internal errors (the caller fails closed). */
export async function decide(event: GuardEvent, ctx: DecideContext): Promise<Decision> {
  const action = event.action;
  switch (action.kind) {
    case 'shell':
      return decideShell(action.command, action.cwd ?? event.cwd, ctx);
    case 'read': {
      const l = await lazy(ctx);
      const path = resolve(event.cwd, expandHome(action.path, ctx.env));
      if (action.content !== undefined) {
        const shown = l.mod.displayFile(path, ctx.root);
        return readDecision(l.scanner.inText(action.content, shown), `\`${shown}\``, ctx) ?? ALLOW;
      }
      return strongest(await readFromTargets([{ path }], (p) => `\`${l.mod.displayFile(p, ctx.root)}\``, ctx, l));
    }
    case 'grep': {
      if (!action.showsContent) return ALLOW;
      const l = await lazy(ctx);
      const path = resolve(event.cwd, expandHome(action.path ?? '.', ctx.env));
      const pattern = toRegExp(action.pattern, action.caseInsensitive === true, false);
      const glob = action.glob ? globMatcher(action.glob) : undefined;
      const { files, incomplete } = await filesUnder(
        { path, recursive: true, gitignore: true },
        ctx.root,
        ctx.deadline,
      );
      const lines = lineReader(l.mod);
      const facts: CredentialFact[] = [];
      for (const file of files) {
        if (Date.now() > ctx.deadline) break;
        if (glob && !glob(file)) continue;
        facts.push(...exposedIn({ path: file, pattern }, l.scanner, ctx.root, lines));
      }
      const label = `\`${l.mod.displayFile(files.length === 1 ? files[0]! : path, ctx.root)}\``;
      const d = readDecision(dedupe(facts), files.length === 1 ? label : `The search of ${label}`, ctx);
      if (d) return d;
      if (incomplete)
        return {
          verdict: 'deny',
          class: 'error',
          credentials: [],
          reason: `tokenscope could not check every file under ${label} in time. Narrow the search (a path or glob) so it can be checked.`,
        };
      return ALLOW;
    }
    case 'write': {
      if (ctx.policy.writes === 'allow' || !TOKENISH.test(action.text)) return ALLOW;
      const l = await lazy(ctx);
      const abs = resolve(event.cwd, action.path);
      const shown = l.mod.displayFile(abs, ctx.root);
      const facts = l.scanner.inText(action.text, shown, `the text written to \`${shown}\``);
      return facts.length > 0 ? writeDecision(facts, `\`${shown}\``, ctx.policy.writes) : ALLOW;
    }
    case 'fetch':
      return decideFetch(action.url, ctx);
    case 'mcp':
      return decideMcp(action, ctx);
    case 'prompt': {
      if (ctx.policy.prompts === 'allow' || !TOKENISH.test(action.text)) return ALLOW;
      const l = await lazy(ctx);
      const facts = l.scanner.inText(action.text, 'prompt.txt', 'the prompt');
      if (facts.length === 0) return ALLOW;
      return {
        verdict: ctx.policy.prompts,
        class: 'write-credential',
        credentials: facts,
        reason: `The prompt contains ${describeCredential(facts[0]!)}. Sent as it is, the credential goes to the model provider and stays in the conversation. Remove it and refer to where it is stored (a variable name), then send the prompt again.`,
      };
    }
    case 'ran':
    case 'other':
      return ALLOW;
  }
}

/** `*.ts`, `src/**`: a glob as ripgrep's --glob reads it, tested against the path's tail. */
function globMatcher(glob: string): (path: string) => boolean {
  const source = glob
    .replace(/[.+^${}()|\\]/g, '\\$&')
    .replace(/\*\*\/?/g, '\u0000')
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '[^/]')
    .replace(/\u0000/g, '.*');
  const re = new RegExp(`(?:^|/)${source}$`);
  return (path) => re.test(path);
}
