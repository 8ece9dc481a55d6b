// A small POSIX-shell reader for the guard: splits a command line into simple commands (on `;`,
// `&&`, `||`, `|`, `&`, newlines and subshell parentheses), each an argv of words with quotes
// removed, and records every variable a word expands (`$VAR`, `${VAR:-x}`) so the guard can look
// the values up. Command substitutions, `bash -c '…'` and `eval` are read recursively; heredoc
// bodies are kept as the command's standard input. It never runs anything and never throws: a
// line it cannot read (an unclosed quote) still yields what it could read, flagged `incomplete`.

export interface Word {
  /** The word with quotes removed; expansions left in place as `$NAME`. */
  value: string;
  /** Names of the variables the word expands (outside single quotes). */
  vars: string[];
}

export interface SimpleCommand {
  /** Leading `NAME=value` words. */
  assignments: Array<{ name: string; value: Word }>;
  argv: Word[];
  /** Files read through `<` redirections. */
  inputs: string[];
  /** Files written through `>`/`>>` redirections. */
  outputs: string[];
  /** Heredoc or here-string bodies fed to the command. */
  stdin: string[];
  /** Variables expanded in redirection targets. */
  redirectVars: string[];
  /** Index of the pipeline this command is in, and its position there. */
  pipeline: number;
  stage: number;
}

export interface ParsedLine {
  commands: SimpleCommand[];
  /** Every variable the line expands anywhere. */
  vars: string[];
  /** A quote or substitution was left open: the reading is best effort. */
  incomplete: boolean;
}

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
const MAX_DEPTH = 4;

interface Token {
  kind: 'word' | 'op';
  text: string;
  word?: Word;
  /** A `<<WORD` heredoc delimiter waiting for its body. */
  heredoc?: { delimiter: string; strip: boolean; body?: string };
}

interface ReadState {
  incomplete: boolean;
  nested: ParsedLine[];
}

/** Finds the end of `$(…)` starting after the opening parenthesis; returns the index of `)`. */
function matchParen(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) return -1;
      i = end;
    } else if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

/** Reads `$…` at `i` (pointing at `$`); appends to the word and returns the next index. */
function readDollar(text: string, i: number, word: Word, state: ReadState, depth: number): number {
  const next = text[i + 1];
  if (next === '{') {
    const end = text.indexOf('}', i + 2);
    const body = end < 0 ? text.slice(i + 2) : text.slice(i + 2, end);
    if (end < 0) state.incomplete = true;
    const name = /^[#!]?([A-Za-z_][A-Za-z0-9_]*)/.exec(body);
    if (name) {
      word.vars.push(name[1]!);
      word.value += `$${name[1]}`;
      // `${A:-$B}`: the default may expand another variable.
      for (const m of body.slice(name[0].length).matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) word.vars.push(m[1]!);
    } else word.value += `\${${body}}`;
    return end < 0 ? text.length : end + 1;
  }
  if (next === '(') {
    const arithmetic = text[i + 2] === '(';
    const end = matchParen(text, i + 2);
    const inner = end < 0 ? text.slice(i + 2) : text.slice(i + 2, end);
    if (end < 0) state.incomplete = true;
    if (!arithmetic && depth < MAX_DEPTH) {
      const parsed = parseShell(inner, depth + 1);
      state.nested.push(parsed);
      word.vars.push(...parsed.vars);
    }
    word.value += '$(…)';
    return end < 0 ? text.length : end + 1;
  }
  if (next !== undefined && NAME_START.test(next)) {
    let j = i + 1;
    while (j < text.length && NAME_CHAR.test(text[j]!)) j++;
    const name = text.slice(i + 1, j);
    word.vars.push(name);
    word.value += `$${name}`;
    return j;
  }
  word.value += '$';
  return i + 1;
}

function tokenize(text: string, state: ReadState, depth: number): Token[] {
  const tokens: Token[] = [];
  const pendingHeredocs: Token[] = [];
  let i = 0;
  let word: Word | undefined;
  let raw = false;
  const flush = (): void => {
    if (word && (raw || word.value.length > 0)) tokens.push({ kind: 'word', text: word.value, word });
    word = undefined;
    raw = false;
  };
  const current = (): Word => (word ??= { value: '', vars: [] });
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\n') {
      flush();
      tokens.push({ kind: 'op', text: ';' });
      i++;
      // Heredoc bodies start on the next line.
      for (const pending of pendingHeredocs.splice(0)) {
        const { delimiter, strip } = pending.heredoc!;
        const lines: string[] = [];
        let found = false;
        while (i < text.length) {
          const nl = text.indexOf('\n', i);
          const line = nl < 0 ? text.slice(i) : text.slice(i, nl);
          i = nl < 0 ? text.length : nl + 1;
          if ((strip ? line.replace(/^\t+/, '') : line) === delimiter) {
            found = true;
            break;
          }
          lines.push(line);
        }
        if (!found) state.incomplete = true;
        pending.heredoc!.body = lines.join('\n');
      }
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      flush();
      i++;
      continue;
    }
    if (c === '#' && !word) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl;
      continue;
    }
    if (c === '\\') {
      if (text[i + 1] === '\n') i += 2;
      else {
        current().value += text[i + 1] ?? '';
        i += 2;
      }
      continue;
    }
    if (c === "'") {
      const end = text.indexOf("'", i + 1);
      current().value += end < 0 ? text.slice(i + 1) : text.slice(i + 1, end);
      raw = true;
      if (end < 0) state.incomplete = true;
      i = end < 0 ? text.length : end + 1;
      continue;
    }
    if (c === '"') {
      const w = current();
      raw = true;
      i++;
      let closed = false;
      while (i < text.length) {
        const d = text[i]!;
        if (d === '"') {
          closed = true;
          i++;
          break;
        }
        if (d === '\\' && i + 1 < text.length && '"\\$`\n'.includes(text[i + 1]!)) {
          if (text[i + 1] !== '\n') w.value += text[i + 1];
          i += 2;
        } else if (d === '$') i = readDollar(text, i, w, state, depth);
        else if (d === '`') i = readBacktick(text, i, w, state, depth);
        else {
          w.value += d;
          i++;
        }
      }
      if (!closed) state.incomplete = true;
      continue;
    }
    if (c === '$') {
      if (text[i + 1] === "'") {
        // ANSI-C quoting: $'…' (escapes kept as written, enough for pattern matching).
        const end = text.indexOf("'", i + 2);
        current().value += end < 0 ? text.slice(i + 2) : text.slice(i + 2, end);
        raw = true;
        i = end < 0 ? text.length : end + 1;
        continue;
      }
      i = readDollar(text, i, current(), state, depth);
      continue;
    }
    if (c === '`') {
      i = readBacktick(text, i, current(), state, depth);
      continue;
    }
    // Operators. A digit glued to a redirection (2>, 2>&1) belongs to the operator.
    const op = /^(?:&&|\|\||;;|\|&|[;&|()]|[0-9]*(?:<<<|<<-|<<|>>|>&|<&|>\||<>|[<>])|&>>?)/.exec(text.slice(i, i + 5));
    if (op && (!word || /^[<>&|;()]/.test(op[0]))) {
      flush();
      const opText = op[0].replace(/^[0-9]+/, '');
      i += op[0].length;
      if (opText === '<<' || opText === '<<-') {
        // The delimiter word: quotes only mark the body as literal.
        while (text[i] === ' ' || text[i] === '\t') i++;
        const m = /^(['"]?)([^\s'";&|<>()]+)\1/.exec(text.slice(i));
        const delimiter = m ? m[2]! : '';
        i += m ? m[0].length : 0;
        const token: Token = { kind: 'op', text: '<<', heredoc: { delimiter, strip: opText === '<<-' } };
        tokens.push(token);
        if (delimiter) pendingHeredocs.push(token);
        continue;
      }
      tokens.push({ kind: 'op', text: opText });
      continue;
    }
    current().value += c;
    i++;
  }
  flush();
  if (pendingHeredocs.length > 0) state.incomplete = true;
  return tokens;
}

function readBacktick(text: string, i: number, word: Word, state: ReadState, depth: number): number {
  let j = i + 1;
  while (j < text.length && text[j] !== '`') j += text[j] === '\\' ? 2 : 1;
  if (j >= text.length) state.incomplete = true;
  const inner = text.slice(i + 1, Math.min(j, text.length)).replace(/\\`/g, '`');
  if (depth < MAX_DEPTH) {
    const parsed = parseShell(inner, depth + 1);
    state.nested.push(parsed);
    word.vars.push(...parsed.vars);
  }
  word.value += '$(…)';
  return Math.min(j + 1, text.length);
}

const REDIRECT_OPS = new Set(['<', '>', '>>', '>&', '<&', '>|', '<>', '&>', '&>>', '<<<']);
const SEPARATORS = new Set([';', '&&', '||', '&', ';;', '(', ')']);
const PIPES = new Set(['|', '|&']);
/** Words that run the rest of the line as a command (`sudo rm …`, `env A=1 cmd`). */
const WRAPPERS = new Set([
  'sudo',
  'doas',
  'env',
  'nohup',
  'time',
  'nice',
  'ionice',
  'command',
  'exec',
  'builtin',
  'stdbuf',
  'caffeinate',
  'chronic',
  'unbuffer',
  'timeout',
  'watch',
  'xargs',
]);
const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'fish', 'ash']);

/** Reads a command line into simple commands. */
export function parseShell(text: string, depth = 0): ParsedLine {
  const state: ReadState = { incomplete: false, nested: [] };
  const tokens = tokenize(text, state, depth);
  const commands: SimpleCommand[] = [];
  let pipeline = 0;
  let stage = 0;
  let cmd: SimpleCommand | undefined;
  const fresh = (): SimpleCommand => ({
    assignments: [],
    argv: [],
    inputs: [],
    outputs: [],
    stdin: [],
    redirectVars: [],
    pipeline,
    stage,
  });
  const end = (): void => {
    if (cmd && (cmd.argv.length > 0 || cmd.assignments.length > 0)) commands.push(cmd);
    cmd = undefined;
  };
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t]!;
    if (token.kind === 'op') {
      if (SEPARATORS.has(token.text)) {
        end();
        pipeline++;
        stage = 0;
      } else if (PIPES.has(token.text)) {
        end();
        stage++;
      } else if (token.text === '<<') {
        // tokenize() has already read the body from the lines that follow.
        cmd ??= fresh();
        cmd.stdin.push(token.heredoc?.body ?? '');
      } else if (REDIRECT_OPS.has(token.text)) {
        cmd ??= fresh();
        const next = tokens[t + 1];
        if (next?.kind === 'word') {
          t++;
          if (token.text === '<') cmd.inputs.push(next.text);
          else if (token.text === '<<<') cmd.stdin.push(next.text);
          // `2>&1` duplicates a descriptor: not a file.
          else if (!(token.text.includes('&') && /^[0-9-]+$/.test(next.text))) cmd.outputs.push(next.text);
          if (next.word) cmd.redirectVars.push(...next.word.vars);
        }
      }
      continue;
    }
    cmd ??= fresh();
    const word = token.word!;
    const assignment = cmd.argv.length === 0 ? /^([A-Za-z_][A-Za-z0-9_]*)\+?=/.exec(word.value) : null;
    if (assignment)
      cmd.assignments.push({
        name: assignment[1]!,
        value: { value: word.value.slice(assignment[0].length), vars: word.vars },
      });
    else cmd.argv.push(word);
  }
  end();

  const all: SimpleCommand[] = [];
  for (const command of commands) {
    all.push(command);
    state.nested.push(...innerCommands(command, depth));
  }
  const vars = new Set<string>();
  for (const command of commands) {
    for (const w of command.argv) for (const v of w.vars) vars.add(v);
    for (const a of command.assignments) for (const v of a.value.vars) vars.add(v);
    for (const v of command.redirectVars) vars.add(v);
  }
  let incomplete = state.incomplete;
  for (const nested of state.nested) {
    all.push(...nested.commands);
    for (const v of nested.vars) vars.add(v);
    incomplete ||= nested.incomplete;
  }
  return { commands: all, vars: [...vars], incomplete };
}

/** `bash -c '…'`, `eval '…'` and wrapper-run commands, read as commands of their own. */
function innerCommands(command: SimpleCommand, depth: number): ParsedLine[] {
  if (depth >= MAX_DEPTH) return [];
  const argv = command.argv.map((w) => w.value);
  const name = baseName(argv[0] ?? '');
  if (SHELLS.has(name)) {
    const c = argv.findIndex((a, i) => i > 0 && /^-[a-z]*c[a-z]*$/.test(a));
    if (c > 0 && argv[c + 1] !== undefined) return [parseShell(argv[c + 1]!, depth + 1)];
    return [];
  }
  if (name === 'eval' && argv.length > 1) return [parseShell(argv.slice(1).join(' '), depth + 1)];
  return [];
}

/** `/usr/local/bin/terraform` → `terraform`. */
export function baseName(word: string): string {
  const slash = word.lastIndexOf('/');
  return slash >= 0 ? word.slice(slash + 1) : word;
}

/**
 * The argv of the program a command really runs, past wrappers (`sudo -u x`, `env A=1`,
 * `timeout 5`, `npx`), with its leading `NAME=value` words dropped.
 */
export function effectiveArgv(command: SimpleCommand): string[] {
  let argv = command.argv.map((w) => w.value);
  for (let guard = 0; guard < 6 && argv.length > 0; guard++) {
    const name = baseName(argv[0]!);
    if (WRAPPERS.has(name)) {
      let i = 1;
      while (i < argv.length) {
        const a = argv[i]!;
        if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(a)) i++;
        else if (a.startsWith('-'))
          i += /^-(?:u|g|C|n|s|k|p|P|I|L|d)$/.test(a) || a === '--user' || a === '--signal' ? 2 : 1;
        else if ((name === 'timeout' || name === 'nice') && /^[0-9.]+[smhd]?$/.test(a)) i++;
        else break;
      }
      argv = argv.slice(i);
      continue;
    }
    if ((name === 'npx' || name === 'bunx' || name === 'pnpx') && argv.length > 1) {
      argv = argv.slice(1).filter((a, i) => !(i === 0 && a.startsWith('-')));
      continue;
    }
    if ((name === 'pnpm' || name === 'yarn') && argv[1] === 'dlx') {
      argv = argv.slice(2);
      continue;
    }
    break;
  }
  return argv;
}
