// `tokenscope hook install|uninstall`: a git pre-commit hook that runs `tokenscope scan --staged`.
// Finds where hooks live (husky's .husky/, core.hooksPath, the git dir), chains an existing hook
// instead of replacing it, and uninstall puts back exactly what was there. Every write is atomic.

import { cliPath } from '../util/paths.js';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { TokenscopeError } from '../util/errors.js';
import { gitToplevel, runGit, runGitStatus } from '../sources/git.js';
import { replaceAtomically, writableTarget, writeFileAtomic } from '../sources/write.js';

export const BEGIN_MARK = '# >>> tokenscope pre-commit hook >>>';
export const END_MARK = '# <<< tokenscope pre-commit hook <<<';
export const BACKUP_SUFFIX = '.tokenscope-backup';
/** Husky-only flags on the begin line: what uninstall must undo besides removing the block. */
const BEGIN_RE = /^# >>> tokenscope pre-commit hook(?: \(([a-z ,-]+)\))? >>>$/m;

export interface HookOptions {
  /** Any folder inside the repository. */
  cwd: string;
  /** The node binary the hook runs (default: the one running now). */
  nodePath?: string;
  /** tokenscope's command-line entry point (default: this package's dist/cli.cjs). */
  binPath?: string;
}

export interface HookLocation {
  toplevel: string;
  /** The file git (or husky) runs before a commit. */
  hookPath: string;
  /** `husky`: a block inside .husky/pre-commit; `file`: the whole hook file is ours. */
  style: 'husky' | 'file';
  /** Set when husky's folder exists but this clone has not pointed core.hooksPath at it. */
  note?: string;
  /** Set when core.hooksPath points outside the repository: the hook there is shared. */
  warning?: string;
}

export interface HookOutcome {
  hookPath: string;
  action:
    'installed' | 'chained' | 'added-to-husky' | 'updated' | 'unchanged' | 'restored' | 'removed' | 'not-installed';
  backupPath?: string;
  note?: string;
  warning?: string;
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Where the pre-commit hook goes: husky first, then core.hooksPath, then the git dir's hooks/. */
export async function locateHook(cwd: string): Promise<HookLocation> {
  const toplevel = await gitToplevel(cwd);
  const configured = await runGitStatus(['config', '--type=path', '--get', 'core.hooksPath'], {
    cwd: toplevel,
    okExitCodes: [1],
  });
  const hooksPath = configured.code === 0 ? configured.stdout.toString('utf8').replace(/\n$/, '') : '';
  const huskyDir = join(toplevel, '.husky');
  const hasHusky = existsSync(huskyDir) && statSync(huskyDir).isDirectory();
  // Relative core.hooksPath is taken from the work-tree root, where git runs hooks.
  const hooksDir = hooksPath ? resolve(toplevel, hooksPath) : undefined;
  if (hasHusky && (!hooksDir || hooksDir === huskyDir || hooksDir.startsWith(`${huskyDir}/`))) {
    return {
      toplevel,
      hookPath: join(huskyDir, 'pre-commit'),
      style: 'husky',
      ...(!hooksDir
        ? {
            note: 'husky is not set up in this clone yet (core.hooksPath is unset): run `npx husky` so git runs .husky/pre-commit',
          }
        : {}),
    };
  }
  if (hooksDir) {
    // A shared hooks folder (a team's, in the home folder) runs for every repository that points there.
    const outside = hooksDir !== toplevel && !hooksDir.startsWith(`${toplevel}/`);
    return {
      toplevel,
      hookPath: join(hooksDir, 'pre-commit'),
      style: 'file',
      ...(outside
        ? {
            warning: `core.hooksPath points outside this repository (${hooksDir}): the hook goes there and runs for every repository that uses that folder`,
          }
        : {}),
    };
  }
  const gitPath = (await runGit(['rev-parse', '--git-path', 'hooks'], { cwd: toplevel }))
    .toString('utf8')
    .replace(/\n$/, '');
  return { toplevel, hookPath: join(resolve(toplevel, gitPath), 'pre-commit'), style: 'file' };
}

/**
 * The shell lines that run the scan: the tokenscope that installed the hook, else the project's
 * own (node_modules/.bin), else one on PATH. None found blocks the commit and says why: a secret
 * check that silently stops running is worse than one that asks to be fixed.
 */
export function scanCommandLines(nodePath: string, binPath: string, portable = false): string[] {
  // A committed hook (husky's .husky/pre-commit) runs on every clone: no machine's paths in it.
  // The clone that installed it keeps its own paths in its local git config, never committed.
  const own = portable
    ? []
    : [
        `if [ -x ${shellQuote(nodePath)} ] && [ -f ${shellQuote(binPath)} ]; then`,
        `  ${shellQuote(nodePath)} ${shellQuote(binPath)} scan --staged || exit $?`,
      ];
  const local = portable
    ? [
        `elif ts_node="$(git config --get ${LOCAL_NODE_KEY})" && ts_cli="$(git config --get ${LOCAL_CLI_KEY})" && [ -x "$ts_node" ] && [ -f "$ts_cli" ]; then`,
        '  "$ts_node" "$ts_cli" scan --staged || exit $?',
      ]
    : [];
  const looked = portable
    ? `node_modules/.bin, PATH and git config ${LOCAL_CLI_KEY}`
    : `${binPath.replace(/["`$\\]/g, '')}, node_modules/.bin and PATH`;
  return [
    ...own,
    `${portable ? 'if' : 'elif'} [ -x ./node_modules/.bin/tokenscope ]; then`,
    '  ./node_modules/.bin/tokenscope scan --staged || exit $?',
    'elif command -v tokenscope >/dev/null 2>&1; then',
    '  tokenscope scan --staged || exit $?',
    ...local,
    'else',
    `  echo "tokenscope: not found (looked for ${looked})." >&2`,
    '  echo "Reinstall it, remove this hook with \\`tokenscope hook uninstall\\`, or skip the check once: git commit --no-verify" >&2',
    '  exit 1',
    'fi',
  ];
}

/** The whole hook file for the `file` style. The original hook, if any, runs first. */
export function hookFileContent(nodePath: string, binPath: string): string {
  return [
    '#!/bin/sh',
    BEGIN_MARK,
    '# Installed by `tokenscope hook install`. `tokenscope hook uninstall` removes it and puts back',
    `# the hook that was here before (kept byte for byte as pre-commit${BACKUP_SUFFIX}).`,
    `original="$(dirname "$0")/pre-commit${BACKUP_SUFFIX}"`,
    '# Same rule as git: a hook that is not executable does not run.',
    'if [ -x "$original" ]; then',
    '  "$original" "$@" || exit $?',
    'fi',
    ...scanCommandLines(nodePath, binPath),
    END_MARK,
    '',
  ].join('\n');
}

/** Local (per-clone, uncommitted) git config keys naming the tokenscope a husky hook may fall back to. */
const LOCAL_NODE_KEY = 'tokenscope.hook-node';
const LOCAL_CLI_KEY = 'tokenscope.hook-cli';

/** Records this clone's node and tokenscope paths in its local git config (husky's fallback). */
async function rememberLocalPaths(toplevel: string, nodePath: string, binPath: string): Promise<void> {
  await runGit(['config', '--local', LOCAL_NODE_KEY, nodePath], { cwd: toplevel });
  await runGit(['config', '--local', LOCAL_CLI_KEY, binPath], { cwd: toplevel });
}

async function forgetLocalPaths(toplevel: string): Promise<void> {
  for (const key of [LOCAL_NODE_KEY, LOCAL_CLI_KEY])
    await runGitStatus(['config', '--local', '--unset', key], { cwd: toplevel, okExitCodes: [5] });
}

/** Our block inside husky's pre-commit file; `flags` tell uninstall what else to undo. */
function huskyBlock(nodePath: string, binPath: string, flags: string[]): string {
  const begin = flags.length > 0 ? `${BEGIN_MARK.slice(0, -' >>>'.length)} (${flags.join(', ')}) >>>` : BEGIN_MARK;
  return [
    begin,
    '# Added by `tokenscope hook install`; `tokenscope hook uninstall` removes exactly this block.',
    ...scanCommandLines(nodePath, binPath, true),
    END_MARK,
    '',
  ].join('\n');
}

/**
 * Temp file in the same folder, then rename: git never runs a half-written hook. A symlink or
 * anything but a regular file at `path` is refused (writing would act on another file) unless
 * `replaceLink` (the chained hook's link was just backed up, so the link itself is replaced).
 */
function writeAtomic(path: string, content: string | Buffer, mode: number, replaceLink = false): void {
  if (replaceLink) {
    replaceAtomically(
      path,
      (temp) => {
        writeFileSync(temp, content, { mode, flag: 'wx' });
        chmodSync(temp, mode);
      },
      'cannot write the hook',
    );
    return;
  }
  writeFileAtomic(path, content, { mode, exactMode: true, failure: 'cannot write the hook' });
}

/** A regular file's mode (lstat: a symlink's target is not ours to describe), else `fallback`. */
function modeOf(path: string, fallback: number): number {
  return writableTarget(path).mode ?? fallback;
}

/** A byte-for-byte copy that keeps the mode (or the link itself, for a symlinked hook). */
function backUp(path: string, backup: string): void {
  const stat = lstatSync(path);
  replaceAtomically(
    backup,
    (temp) => {
      if (stat.isSymbolicLink()) symlinkSync(readlinkSync(path), temp);
      else {
        writeFileSync(temp, readFileSync(path), { mode: stat.mode & 0o7777, flag: 'wx' });
        chmodSync(temp, stat.mode & 0o7777);
      }
    },
    'cannot back up the existing hook',
  );
}

function readIfExists(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

const BEGIN_PREFIX = Buffer.from(BEGIN_MARK.slice(0, -' >>>'.length));
const END_BYTES = Buffer.from(END_MARK);

/**
 * Bytes before our block, the block (marker line to marker line, with its newline), bytes after;
 * undefined when the file holds no block. Buffers, never decoded: whatever the user wrote around
 * the block (CRLF, Latin-1, no final newline) goes back byte for byte.
 */
function splitBlock(bytes: Buffer): { before: Buffer; block: Buffer; after: Buffer; flags: string[] } | undefined {
  let at = -1;
  let begin: RegExpExecArray | null = null;
  for (let from = 0; (at = bytes.indexOf(BEGIN_PREFIX, from)) >= 0; from = at + 1) {
    if (at > 0 && bytes[at - 1] !== 0x0a) continue;
    const lineEnd = bytes.indexOf(0x0a, at);
    const line = bytes
      .subarray(at, lineEnd < 0 ? bytes.length : lineEnd)
      .toString('latin1')
      .replace(/\r$/, '');
    begin = BEGIN_RE.exec(line);
    if (begin) break;
  }
  if (!begin || at < 0) return undefined;
  const endAt = bytes.indexOf(END_BYTES, at);
  if (endAt < 0) return undefined;
  let blockEnd = endAt + END_BYTES.length;
  if (bytes[blockEnd] === 0x0a) blockEnd++;
  return {
    before: bytes.subarray(0, at),
    block: bytes.subarray(at, blockEnd),
    after: bytes.subarray(blockEnd),
    flags: begin[1] ? begin[1].split(',').map((f) => f.trim()) : [],
  };
}

/** The `file`-style hook as installed, minus its block: what is left when the user edited nothing. */
const FILE_SKELETON = Buffer.from('#!/bin/sh\n');

export async function installHook(options: HookOptions): Promise<HookOutcome> {
  const nodePath = options.nodePath ?? process.execPath;
  const binPath = options.binPath ?? cliPath;
  const location = await locateHook(options.cwd);
  const { hookPath } = location;
  const note = {
    ...(location.note ? { note: location.note } : {}),
    ...(location.warning ? { warning: location.warning } : {}),
  };
  mkdirSync(dirname(hookPath), { recursive: true });
  const current = readIfExists(hookPath);

  if (location.style === 'husky') {
    await rememberLocalPaths(location.toplevel, nodePath, binPath);
    const mode = current ? modeOf(hookPath, 0o755) : 0o755;
    const existing = current !== undefined ? splitBlock(current) : undefined;
    if (current !== undefined && existing) {
      // Installed already: refresh the commands (tokenscope may have moved), keep the flags and
      // every byte around the block.
      const block = Buffer.from(huskyBlock(nodePath, binPath, existing.flags));
      if (block.equals(existing.block)) return { hookPath, action: 'unchanged', ...note };
      writeAtomic(hookPath, Buffer.concat([existing.before, block, existing.after]), mode);
      return { hookPath, action: 'updated', ...note };
    }
    if (current === undefined) {
      writeAtomic(hookPath, huskyBlock(nodePath, binPath, ['created the file']), 0o755);
      return { hookPath, action: 'added-to-husky', ...note };
    }
    const needsNewline = current.length > 0 && current[current.length - 1] !== 0x0a;
    const content = Buffer.concat([
      current,
      Buffer.from(needsNewline ? '\n' : ''),
      Buffer.from(huskyBlock(nodePath, binPath, needsNewline ? ['added a newline before'] : [])),
    ]);
    writeAtomic(hookPath, content, mode);
    return { hookPath, action: 'added-to-husky', ...note };
  }

  const ours = Buffer.from(hookFileContent(nodePath, binPath));
  const backupPath = `${hookPath}${BACKUP_SUFFIX}`;
  const backup = exists(backupPath) ? { backupPath } : {};
  const installed = current !== undefined ? splitBlock(current) : undefined;
  if (current !== undefined && installed) {
    if (current.equals(ours)) return { hookPath, action: 'unchanged', ...backup, ...note };
    // Ours, perhaps edited around the block since: replace only the block.
    const block = splitBlock(ours)!.block;
    if (block.equals(installed.block)) return { hookPath, action: 'unchanged', ...backup, ...note };
    writeAtomic(hookPath, Buffer.concat([installed.before, block, installed.after]), modeOf(hookPath, 0o755));
    return { hookPath, action: 'updated', ...backup, ...note };
  }
  if (current !== undefined || exists(hookPath)) {
    if (exists(backupPath)) {
      throw new TokenscopeError(
        'E_IO',
        `${backupPath}: a backup from an earlier install is still there; restore or remove it before installing again`,
      );
    }
    backUp(hookPath, backupPath);
    writeAtomic(hookPath, ours, 0o755, true);
    return { hookPath, action: 'chained', backupPath, ...note };
  }
  writeAtomic(hookPath, ours, 0o755);
  return { hookPath, action: 'installed', ...note };
}

export async function uninstallHook(options: Pick<HookOptions, 'cwd'>): Promise<HookOutcome> {
  const location = await locateHook(options.cwd);
  const { hookPath } = location;
  const current = readIfExists(hookPath);
  const parts = current !== undefined ? splitBlock(current) : undefined;

  if (location.style === 'husky') {
    await forgetLocalPaths(location.toplevel);
    if (!parts) return { hookPath, action: 'not-installed' };
    let before = parts.before;
    if (parts.flags.includes('added a newline before') && before[before.length - 1] === 0x0a)
      before = before.subarray(0, -1);
    const rest = Buffer.concat([before, parts.after]);
    if (parts.flags.includes('created the file') && rest.length === 0) {
      unlinkSync(hookPath);
      return { hookPath, action: 'removed' };
    }
    writeAtomic(hookPath, rest, modeOf(hookPath, 0o755));
    return { hookPath, action: 'restored' };
  }

  const backupPath = `${hookPath}${BACKUP_SUFFIX}`;
  if (!parts) {
    return { hookPath, action: 'not-installed', ...(exists(backupPath) ? { backupPath } : {}) };
  }
  const rest = Buffer.concat([parts.before, parts.after]);
  const edited = !rest.equals(FILE_SKELETON);
  if (exists(backupPath)) {
    if (edited) {
      // Restoring the backup would drop what the user added; removing only our block would
      // stop the original hook from running. Neither loses bytes silently: ask.
      throw new TokenscopeError(
        'E_IO',
        `${hookPath}: edited since tokenscope installed it; remove the tokenscope block by hand (the original hook is at ${backupPath})`,
      );
    }
    // rename keeps the original's bytes, mode and (for a symlink) the link itself.
    try {
      renameSync(backupPath, hookPath);
    } catch (error) {
      throw new TokenscopeError(
        'E_IO',
        `${backupPath}: cannot restore the original hook (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      );
    }
    return { hookPath, action: 'restored', backupPath };
  }
  if (edited) {
    // The user added their own lines: keep them, take out only our block.
    writeAtomic(hookPath, rest, modeOf(hookPath, 0o755));
    return { hookPath, action: 'restored' };
  }
  unlinkSync(hookPath);
  return { hookPath, action: 'removed' };
}
