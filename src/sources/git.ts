// Runs git safely for the staged and history sources and the hook installer: no shell, argument
// arrays only, output streamed (history can be gigabytes), and every failure one E_GIT line.

import { spawn } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { TokenscopeError } from '../util/errors.js';

export interface GitOptions {
  /** Folder git runs in (the repository root). */
  cwd: string;
  /**
   * Bytes written to git's stdin, then closed. A promise lets git start now and get its input
   * later (a `cat-file --batch` started beside the diff that names its objects); stdin is closed
   * with nothing written if it resolves to undefined or rejects.
   */
  input?: string | Uint8Array | Promise<string | Uint8Array | undefined>;
  /** Exit codes that are not failures (e.g. 1 for `git config --get` of an unset key). */
  okExitCodes?: number[];
}

/**
 * The environment every git call gets: stable English messages (we match "not a git
 * repository"), no optional index lock (a pre-commit hook runs while `git commit` holds it),
 * never a pager or a credential prompt, and never the network: in a partial (blobless) clone,
 * reading a missing blob would fetch it from the remote. GIT_NO_LAZY_FETCH stops that (git
 * 2.44+); `protocol.allow=never` makes any fetch an older git still tries fail instead of
 * connecting. Missing blobs are then reported as skipped (`missing-blob`).
 */
export function gitEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const count = Number.parseInt(base['GIT_CONFIG_COUNT'] ?? '0', 10);
  const n = Number.isInteger(count) && count >= 0 ? count : 0;
  return {
    ...base,
    LC_ALL: 'C',
    LANGUAGE: 'C',
    GIT_OPTIONAL_LOCKS: '0',
    GIT_PAGER: 'cat',
    GIT_TERMINAL_PROMPT: '0',
    GIT_NO_LAZY_FETCH: '1',
    GIT_CONFIG_COUNT: String(n + 1),
    [`GIT_CONFIG_KEY_${n}`]: 'protocol.allow',
    [`GIT_CONFIG_VALUE_${n}`]: 'never',
  };
}

function describeFailure(args: readonly string[], cwd: string, code: number | null, stderr: string): TokenscopeError {
  const first = stderr
    .split('\n')
    .map((l) => l.replace(/^(fatal|error): /, '').trim())
    .find((l) => l.length > 0);
  if (/not a git repository/i.test(stderr)) return new TokenscopeError('E_GIT', `${cwd}: not a git repository`);
  return new TokenscopeError(
    'E_GIT',
    `${cwd}: git ${args.find((a) => !a.startsWith('-')) ?? args[0]} failed${first ? `: ${first}` : ` (exit ${code})`}`,
  );
}

function spawnFailure(error: NodeJS.ErrnoException, cwd: string): TokenscopeError {
  if (error.code === 'ENOENT') return new TokenscopeError('E_GIT', `${cwd}: git is not installed or not on PATH`);
  return new TokenscopeError('E_GIT', `${cwd}: cannot run git (${error.code ?? error.message})`);
}

/** What streamGit resolves with when `onData` stopped the read (git was ended, not failed). */
export const STOPPED = -1;

/**
 * Runs git and hands each stdout chunk to `onData` as it arrives. Resolves with the exit code
 * once git has exited; rejects with an E_GIT error when it fails. `onData` returning false ends
 * git at once (the rest of its output is not wanted) and the promise resolves with STOPPED.
 */
export function streamGit(
  args: readonly string[],
  options: GitOptions,
  onData: (chunk: Buffer) => boolean | void,
): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    let child;
    try {
      child = spawn('git', args, {
        cwd: options.cwd,
        env: gitEnv(),
        stdio: ['pipe', 'pipe', 'pipe'],
        windowsHide: true,
      });
    } catch (error) {
      reject(spawnFailure(error as NodeJS.ErrnoException, options.cwd));
      return;
    }
    const stderr: Buffer[] = [];
    let stderrBytes = 0;
    let failed = false;
    let stopped = false;
    let callbackError: unknown;
    child.on('error', (error) => {
      failed = true;
      reject(spawnFailure(error as NodeJS.ErrnoException, options.cwd));
    });
    child.stdout.on('data', (chunk: Buffer) => {
      if (callbackError || stopped) return;
      try {
        if (onData(chunk) === false) {
          stopped = true;
          child.kill();
        }
      } catch (error) {
        callbackError = error;
        child.kill();
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      // Only the first lines matter for the message; never hold an unbounded stderr.
      if (stderrBytes < 64 * 1024) stderr.push(chunk);
      stderrBytes += chunk.length;
    });
    // git may exit before reading all its input (a bad revision): that EPIPE is not the error.
    child.stdin.on('error', () => undefined);
    const stdin = child.stdin;
    if (options.input instanceof Promise)
      options.input.then(
        (input) => (input === undefined ? stdin.end() : stdin.end(input)),
        () => stdin.end(),
      );
    else if (options.input !== undefined) stdin.end(options.input);
    else stdin.end();
    child.on('close', (code) => {
      if (failed) return;
      if (callbackError) {
        reject(callbackError);
        return;
      }
      if (stopped) {
        resolvePromise(STOPPED);
        return;
      }
      if (code === 0 || (code !== null && options.okExitCodes?.includes(code))) resolvePromise(code);
      else reject(describeFailure(args, options.cwd, code, Buffer.concat(stderr).toString('utf8')));
    });
  });
}

/** Runs git and returns its whole stdout (for small outputs: status, diffs of a commit). */
export async function runGit(args: readonly string[], options: GitOptions): Promise<Buffer> {
  return (await runGitStatus(args, options)).stdout;
}

/** Like runGit, also returning the exit code (for commands whose non-zero exit is an answer). */
export async function runGitStatus(
  args: readonly string[],
  options: GitOptions,
): Promise<{ code: number; stdout: Buffer }> {
  const chunks: Buffer[] = [];
  const code = await streamGit(args, options, (chunk) => {
    chunks.push(chunk);
  });
  return { code, stdout: Buffer.concat(chunks) };
}

/**
 * The full id of the commit `rev` names; undefined when it names none (unknown, not fetched, or
 * not a commit). E_GIT only when git itself fails.
 */
export async function resolveCommit(cwd: string, rev: string): Promise<string | undefined> {
  const out = await runGitStatus(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], { cwd, okExitCodes: [1] });
  return out.code === 0 ? out.stdout.toString('utf8').trim() : undefined;
}

/** The top folder of the work tree `cwd` is in; E_GIT when it is not in one. */
export async function gitToplevel(cwd: string): Promise<string> {
  const out = await runGit(['rev-parse', '--show-toplevel'], { cwd });
  return out.toString('utf8').replace(/\n$/, '');
}

/**
 * Splits a stream into NUL-terminated records (the `-z` formats), across chunk boundaries.
 * Returns the push function and a flush for the last, unterminated record.
 */
export function nulSplitter(onRecord: (record: Buffer) => void): { push: (chunk: Buffer) => void; end: () => void } {
  let pending: Buffer | undefined;
  return {
    push(chunk) {
      let data = pending ? Buffer.concat([pending, chunk]) : chunk;
      let start = 0;
      for (;;) {
        const nul = data.indexOf(0, start);
        if (nul < 0) break;
        onRecord(data.subarray(start, nul));
        start = nul + 1;
      }
      pending = start < data.length ? Buffer.from(data.subarray(start)) : undefined;
      data = Buffer.alloc(0);
    },
    end() {
      if (pending && pending.length > 0) onRecord(pending);
      pending = undefined;
    },
  };
}

/** One entry of `git diff --raw` / `git log --raw` output. */
export interface RawEntry {
  srcMode: string;
  dstMode: string;
  srcBlob: string;
  dstBlob: string;
  /** A, C, D, M, R, T, U, X (score digits dropped). */
  status: string;
  /** The path after the change (the destination of a rename or copy). */
  path: string;
  /** The source path of a rename or copy. */
  fromPath?: string;
}

/**
 * Incremental parser for `-z` raw records. Feed it every NUL-terminated record; it returns the
 * entry once the last path of a raw header has arrived, `'other'` for records that are not part
 * of a raw entry (commit headers, numstat lines), and undefined while an entry is incomplete.
 */
export class RawParser {
  private header: Omit<RawEntry, 'path'> | undefined;
  private paths: string[] = [];

  feed(record: Buffer): RawEntry | 'other' | undefined {
    if (this.header) {
      this.paths.push(record.toString('utf8'));
      const needed = this.header.status === 'R' || this.header.status === 'C' ? 2 : 1;
      if (this.paths.length < needed) return undefined;
      const entry: RawEntry =
        needed === 2
          ? { ...this.header, fromPath: this.paths[0]!, path: this.paths[1]! }
          : { ...this.header, path: this.paths[0]! };
      this.header = undefined;
      this.paths = [];
      return entry;
    }
    // git puts a newline between a commit header and its raw lines.
    let text = record.toString('latin1');
    if (text.startsWith('\n')) text = text.slice(1);
    if (!text.startsWith(':')) return 'other';
    const [srcMode, dstMode, srcBlob, dstBlob, status] = text.slice(1).split(' ');
    if (!srcMode || !dstMode || !srcBlob || !dstBlob || !status) return 'other';
    this.header = { srcMode, dstMode, srcBlob, dstBlob, status: status.charAt(0) };
    return undefined;
  }
}

/** The one-character escapes of git's path quoting, as byte values. */
const SIMPLE_ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/** Git's C-style path quoting (`"a\tb\303\251"`) undone; unquoted paths are returned as given. */
export function unquoteGitPath(text: string): string {
  if (!text.startsWith('"') || !text.endsWith('"') || text.length < 2) return text;
  const bytes: number[] = [];
  const body = text.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch !== '\\') {
      bytes.push(...Buffer.from(ch, 'utf8'));
      continue;
    }
    const next = body[i + 1] ?? '';
    if (/[0-7]/.test(next)) {
      bytes.push(Number.parseInt(body.slice(i + 1, i + 4), 8) & 0xff);
      i += 3;
    } else {
      bytes.push(SIMPLE_ESCAPES[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

export type BlobInfo = { id: string; type: string; size: number } | { id: string; missing: true };

/**
 * Whether the repository is a partial clone: objects may be missing, and git would fetch them.
 * git marks one in the repository's own config file (`extensions.partialClone` and
 * `remote.<name>.promisor`, written by `git clone --filter`), so when `cwd` is the top of a work
 * tree with a .git folder and that file plainly says neither (and includes no other file, and no
 * `git -c` setting is in the environment), the answer is no without spawning git: a pre-commit
 * scan saves a process. Anything else is git's own answer.
 */
export async function isPartialClone(cwd: string): Promise<boolean> {
  if (plainlyNotPartial(cwd)) return false;
  // `extensions.partialClone` names the promisor remote; older clones mark only the remote.
  const out = await runGitStatus(['config', '--get-regexp', '^(extensions\\.partialclone|remote\\..*\\.promisor)$'], {
    cwd,
    okExitCodes: [1],
  });
  if (out.code !== 0) return false;
  return out.stdout
    .toString('utf8')
    .split('\n')
    .some((line) => {
      const value = line
        .slice(line.indexOf(' ') + 1)
        .trim()
        .toLowerCase();
      return line.includes(' ') && value !== '' && value !== 'false';
    });
}

function plainlyNotPartial(cwd: string): boolean {
  const env = process.env;
  if (env['GIT_DIR'] || env['GIT_CONFIG_PARAMETERS'] || env['GIT_CONFIG_COUNT']) return false;
  let text: string;
  try {
    if (!statSync(join(cwd, '.git')).isDirectory()) return false;
    text = readFileSync(join(cwd, '.git', 'config'), 'utf8');
  } catch {
    return false;
  }
  return !/promisor|partialclone|include/i.test(text);
}

/**
 * Which of `ids` are in the local object store, from git's own listing: asking for a missing
 * object in a partial clone makes an older git try to fetch it (and fail: the network is off).
 */
async function presentLocally(cwd: string, ids: readonly string[]): Promise<Set<string>> {
  const wanted = new Set(ids);
  const present = new Set<string>();
  let pending = '';
  await streamGit(['cat-file', '--batch-all-objects', '--batch-check=%(objectname)'], { cwd }, (chunk) => {
    const lines = (pending + chunk.toString('latin1')).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) if (wanted.has(line)) present.add(line);
  });
  if (wanted.has(pending)) present.add(pending);
  return present;
}

/**
 * Object types and sizes for many ids through one `git cat-file --batch-check` process.
 * `partialClone` is isPartialClone(cwd) when the caller could start it earlier, beside other
 * git calls (each spawn costs a pre-commit scan ~5–10 ms).
 */
export async function batchCheck(
  cwd: string,
  ids: readonly string[],
  partialClone?: Promise<boolean>,
): Promise<Map<string, BlobInfo>> {
  const info = new Map<string, BlobInfo>();
  if (ids.length === 0) return info;
  if (await (partialClone ?? isPartialClone(cwd))) {
    const present = await presentLocally(cwd, ids);
    const missing = ids.filter((id) => !present.has(id));
    for (const id of missing) info.set(id, { id, missing: true });
    ids = ids.filter((id) => present.has(id));
    if (ids.length === 0) return info;
  }
  const out = await runGit(['cat-file', '--batch-check'], { cwd, input: `${ids.join('\n')}\n` });
  for (const line of out.toString('utf8').split('\n')) {
    if (!line) continue;
    const [id, type, size] = line.split(' ');
    if (!id) continue;
    if (type === 'missing' || size === undefined) info.set(id, { id, missing: true });
    else info.set(id, { id, type: type!, size: Number(size) });
  }
  return info;
}

/** What readBlobs does with each object: take it (true), or stop the read before its bytes (false). */
export interface ReadBlobsOptions {
  /** Asked with each object's size from its header; false ends git before the object is read. */
  accept?: (id: string, size: number) => boolean;
  /** Called for each id git reports missing. */
  onMissing?: (id: string) => void;
}

/**
 * Streams the contents of many objects through one `git cat-file --batch` process, calling
 * `onBlob` once per id in order. Without `accept`, callers size-check with batchCheck first;
 * with it, each object's header decides, so one process both sizes and reads (a pre-commit scan
 * saves the `--batch-check` round). Resolves with how many ids were settled (read or missing):
 * `ids.length` unless `accept` stopped the read at `ids[settled]`. `ids` may be a promise: git is
 * started at once and told the ids when they are known.
 */
export async function readBlobs(
  cwd: string,
  ids: readonly string[] | Promise<readonly string[]>,
  onBlob: (id: string, bytes: Buffer) => void,
  options: ReadBlobsOptions = {},
): Promise<number> {
  if (!(ids instanceof Promise) && ids.length === 0) return 0;
  // Parser state: either waiting for a header line, or filling the current object's bytes.
  let pending = Buffer.alloc(0);
  let current: { id: string; size: number; parts: Buffer[]; have: number } | undefined;
  let settled = 0;
  let stopped = false;
  const consume = (chunk: Buffer): boolean => {
    let data = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
    pending = Buffer.alloc(0);
    let offset = 0;
    while (offset < data.length) {
      if (!current) {
        const eol = data.indexOf(10, offset);
        if (eol < 0) break;
        const header = data.toString('utf8', offset, eol);
        offset = eol + 1;
        const [id, type, size] = header.split(' ');
        if (!id) continue;
        if (type === 'missing' || size === undefined) {
          settled++;
          options.onMissing?.(id);
          continue;
        }
        if (options.accept && !options.accept(id, Number(size))) {
          stopped = true;
          return false;
        }
        current = { id, size: Number(size), parts: [], have: 0 };
      }
      // The object's bytes, then one newline that git appends after each object.
      const want = current.size - current.have;
      const take = Math.min(want, data.length - offset);
      if (take > 0) {
        current.parts.push(data.subarray(offset, offset + take));
        current.have += take;
        offset += take;
      }
      if (current.have < current.size) break;
      if (offset >= data.length) break;
      offset += 1;
      const { id, parts, size } = current;
      current = undefined;
      settled++;
      onBlob(id, parts.length === 1 ? Buffer.from(parts[0]!) : Buffer.concat(parts, size));
    }
    if (offset < data.length) pending = Buffer.from(data.subarray(offset));
    data = Buffer.alloc(0);
    return true;
  };
  const list = (names: readonly string[]): string | undefined =>
    names.length > 0 ? `${names.join('\n')}\n` : undefined;
  await streamGit(
    ['cat-file', '--batch'],
    { cwd, input: ids instanceof Promise ? ids.then(list) : list(ids) },
    consume,
  );
  // The trailing newline of the last object may arrive alone; a complete object still counts.
  if (!stopped && current && current.have === current.size) {
    settled++;
    onBlob(current.id, Buffer.concat(current.parts, current.size));
  }
  return settled;
}
