// `tokenscope guard install|uninstall --agent …`: merges the guard's hook entries into the agent's
// settings file (Claude Code's .claude/settings.json, Cursor's .cursor/hooks.json, Gemini CLI's
// .gemini/settings.json; `--user` for the ones in the home folder), keeping every other hook and
// setting. Installing twice adds the entries once. The original bytes are kept in the state
// folder, so uninstall puts the file back byte for byte (or removes it if install created it);
// if the file changed since, uninstall takes out exactly the entries install added instead.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { TokenscopeError } from '../util/errors.js';
import { writeFileAtomic } from '../sources/write.js';
import { findRepoRoot } from '../sources/walk.js';

export type InstallAgent = 'claude-code' | 'cursor' | 'gemini';

export interface InstallOptions {
  agent: InstallAgent;
  cwd: string;
  user: boolean;
  env: NodeJS.ProcessEnv;
  /** The shell command the hook runs (without `--agent`). */
  command: string;
}

export interface InstallOutcome {
  action: 'installed' | 'unchanged' | 'restored' | 'removed' | 'not-installed' | 'entries-removed';
  path: string;
}

/** Claude Code tools the guard has something to say about. */
const CLAUDE_MATCHER = 'Bash|Read|Grep|Edit|Write|MultiEdit|NotebookEdit|WebFetch|mcp__.*';
const GEMINI_MATCHER =
  'run_shell_command|read_file|write_file|replace|search_file_content|grep_search|web_fetch|mcp__.*';

function home(env: NodeJS.ProcessEnv): string {
  return env['HOME'] && env['HOME'].length > 0 ? env['HOME'] : homedir();
}

export function settingsPath(agent: InstallAgent, cwd: string, user: boolean, env: NodeJS.ProcessEnv): string {
  const base = user ? home(env) : (findRepoRoot(cwd) ?? cwd);
  const file = {
    'claude-code': ['.claude', 'settings.json'],
    cursor: ['.cursor', 'hooks.json'],
    gemini: ['.gemini', 'settings.json'],
  }[agent];
  return join(base, ...file);
}

export function hookCommand(command: string, agent: InstallAgent): string {
  return `${command} --agent ${agent}`;
}

/** Is this hook entry one of ours? (our command, whatever path it was installed from) */
function isOurs(entry: unknown, agent: InstallAgent): boolean {
  const command = entry && typeof entry === 'object' ? (entry as { command?: unknown }).command : undefined;
  return (
    typeof command === 'string' &&
    /\btokenscope\b|guard\.js/.test(command) &&
    command.includes(`guard`) &&
    command.endsWith(`--agent ${agent}`)
  );
}

type Json = Record<string, unknown>;

function hooksObject(doc: Json): Json {
  const hooks = doc['hooks'];
  if (hooks === undefined) {
    const created: Json = {};
    doc['hooks'] = created;
    return created;
  }
  if (!hooks || typeof hooks !== 'object' || Array.isArray(hooks))
    throw new TokenscopeError('E_CONFIG', 'the settings file has a `hooks` key that is not an object; not changed');
  return hooks as Json;
}

function eventList(hooks: Json, event: string): unknown[] {
  const list = hooks[event];
  if (list === undefined) {
    const created: unknown[] = [];
    hooks[event] = created;
    return created;
  }
  if (!Array.isArray(list))
    throw new TokenscopeError('E_CONFIG', `the settings file's \`hooks.${event}\` is not a list; not changed`);
  return list;
}

/** Adds the guard's entries; returns false when they were all there already. */
function addEntries(doc: Json, agent: InstallAgent, command: string): boolean {
  const hooks = hooksObject(doc);
  let changed = false;
  if (agent === 'cursor') {
    if (doc['version'] === undefined) doc['version'] = 1;
    for (const event of [
      'beforeShellExecution',
      'beforeReadFile',
      'beforeMCPExecution',
      'beforeSubmitPrompt',
      'afterShellExecution',
    ]) {
      const list = eventList(hooks, event);
      if (list.some((e) => isOurs(e, agent))) continue;
      list.push({ command });
      changed = true;
    }
    return changed;
  }
  const groups: Array<[string, string | undefined]> =
    agent === 'claude-code'
      ? [
          ['PreToolUse', CLAUDE_MATCHER],
          ['UserPromptSubmit', undefined],
          ['PostToolUse', CLAUDE_MATCHER],
        ]
      : [
          ['BeforeTool', GEMINI_MATCHER],
          ['BeforeAgent', undefined],
        ];
  for (const [event, matcher] of groups) {
    const list = eventList(hooks, event);
    const present = list.some(
      (group) =>
        group &&
        typeof group === 'object' &&
        Array.isArray((group as Json)['hooks']) &&
        ((group as Json)['hooks'] as unknown[]).some((h) => isOurs(h, agent)),
    );
    if (present) continue;
    const handler =
      agent === 'claude-code'
        ? { type: 'command', command, timeout: 15 }
        : { name: 'tokenscope-guard', type: 'command', command, timeout: 15000 };
    list.push({ ...(matcher ? { matcher } : {}), hooks: [handler] });
    changed = true;
  }
  return changed;
}

/** Takes out exactly the entries install added (and the containers it created, if now empty). */
function removeEntries(doc: Json, agent: InstallAgent): boolean {
  const hooks = doc['hooks'];
  if (!hooks || typeof hooks !== 'object' || Array.isArray(hooks)) return false;
  let changed = false;
  for (const [event, list] of Object.entries(hooks as Json)) {
    if (!Array.isArray(list)) continue;
    const kept = list.flatMap((entry) => {
      if (agent === 'cursor') return isOurs(entry, agent) ? [] : [entry];
      if (!entry || typeof entry !== 'object' || !Array.isArray((entry as Json)['hooks'])) return [entry];
      const inner = ((entry as Json)['hooks'] as unknown[]).filter((h) => !isOurs(h, agent));
      if (inner.length === ((entry as Json)['hooks'] as unknown[]).length) return [entry];
      return inner.length === 0 ? [] : [{ ...(entry as Json), hooks: inner }];
    });
    if (kept.length !== list.length || kept.some((k, i) => k !== list[i])) {
      changed = true;
      if (kept.length === 0) delete (hooks as Json)[event];
      else (hooks as Json)[event] = kept;
    }
  }
  if (changed && Object.keys(hooks as Json).length === 0) delete doc['hooks'];
  return changed;
}

interface Backup {
  path: string;
  existed: boolean;
  /** base64 of the original bytes. */
  original?: string;
  mode?: number;
  /** sha256 of what install wrote: uninstall restores the original only if the file is still exactly that. */
  installed: string;
}

function stateDir(env: NodeJS.ProcessEnv): string {
  const state =
    env['XDG_STATE_HOME'] && isAbsolute(env['XDG_STATE_HOME'])
      ? env['XDG_STATE_HOME']
      : join(home(env), '.local', 'state');
  return join(state, 'tokenscope', 'guard-install');
}

function backupPath(path: string, env: NodeJS.ProcessEnv): string {
  return join(stateDir(env), `${createHash('sha256').update(resolve(path)).digest('hex').slice(0, 24)}.json`);
}

const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

function parseSettings(path: string, bytes: Buffer): Json {
  if (bytes.length === 0 || bytes.toString('utf8').trim().length === 0) return {};
  let doc: unknown;
  try {
    doc = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new TokenscopeError('E_CONFIG', `${path}: not valid JSON; not changed`);
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc))
    throw new TokenscopeError('E_CONFIG', `${path}: not a JSON object; not changed`);
  return doc as Json;
}

/** The indentation the file already uses (two spaces when it cannot be told). */
function indentOf(text: string): string | number {
  const m = /^\{\r?\n([ \t]+)"/.exec(text);
  return m ? m[1]! : 2;
}

export function installGuardHook(options: InstallOptions): InstallOutcome {
  const path = settingsPath(options.agent, options.cwd, options.user, options.env);
  const existed = existsSync(path);
  const bytes = existed ? readFileSync(path) : Buffer.alloc(0);
  const doc = parseSettings(path, bytes);
  const command = hookCommand(options.command, options.agent);
  if (!addEntries(doc, options.agent, command)) return { action: 'unchanged', path };
  const text = `${JSON.stringify(doc, null, indentOf(bytes.toString('utf8')))}\n`;
  const mode = existed ? statSync(path).mode & 0o777 : 0o644;
  const backup: Backup = {
    path,
    existed,
    ...(existed ? { original: bytes.toString('base64'), mode } : {}),
    installed: sha256(text),
  };
  const store = backupPath(path, options.env);
  // Keep the first original: a second install over our own edit must not overwrite it.
  const previous = readBackup(store);
  mkdirSync(dirname(store), { recursive: true });
  if (!previous || previous.installed !== sha256(bytes))
    writeFileAtomic(store, `${JSON.stringify(backup)}\n`, { mode: 0o600, exactMode: true });
  else
    writeFileAtomic(store, `${JSON.stringify({ ...previous, installed: sha256(text) })}\n`, {
      mode: 0o600,
      exactMode: true,
    });
  mkdirSync(dirname(path), { recursive: true });
  writeFileAtomic(path, text, { mode, exactMode: existed });
  return { action: 'installed', path };
}

function readBackup(store: string): Backup | undefined {
  try {
    return JSON.parse(readFileSync(store, 'utf8')) as Backup;
  } catch {
    return undefined;
  }
}

export function uninstallGuardHook(options: Omit<InstallOptions, 'command'>): InstallOutcome {
  const path = settingsPath(options.agent, options.cwd, options.user, options.env);
  const store = backupPath(path, options.env);
  const backup = readBackup(store);
  if (!existsSync(path)) {
    if (backup) unlinkSync(store);
    return { action: 'not-installed', path };
  }
  const bytes = readFileSync(path);
  if (backup && backup.installed === sha256(bytes)) {
    // Untouched since install: put the original back exactly, or remove what install created.
    if (backup.existed && backup.original !== undefined) {
      writeFileAtomic(path, Buffer.from(backup.original, 'base64'), { mode: backup.mode ?? 0o644, exactMode: true });
      unlinkSync(store);
      return { action: 'restored', path };
    }
    unlinkSync(path);
    unlinkSync(store);
    return { action: 'removed', path };
  }
  const doc = parseSettings(path, bytes);
  if (!removeEntries(doc, options.agent)) return { action: 'not-installed', path };
  if (
    options.agent === 'cursor' &&
    doc['hooks'] === undefined &&
    Object.keys(doc).length === 1 &&
    doc['version'] === 1 &&
    backup &&
    !backup.existed
  ) {
    unlinkSync(path);
  } else {
    writeFileAtomic(path, `${JSON.stringify(doc, null, indentOf(bytes.toString('utf8')))}\n`, {
      mode: statSync(path).mode & 0o777,
      exactMode: true,
    });
  }
  if (backup) unlinkSync(store);
  return { action: 'entries-removed', path };
}
