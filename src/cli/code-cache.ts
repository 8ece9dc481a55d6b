// Loads the CLI bundle (one CommonJS file) through V8's code cache. Compiling the ~850 KB bundle
// and the functions a command runs costs a pre-commit scan ~25 ms of CPU on every commit; V8 can
// serialize that work (`script.createCachedData()`, taken after a run so the functions it
// compiled are in it) and take it back on the next start. Node 20 has no
// `module.enableCompileCache`, hence vm.Script.
//
// The cache lives in the user's cache folder ($XDG_CACHE_HOME/tokenscope or ~/.cache/tokenscope),
// never in the scanned repository, and is read only if it is the user's own and no one else can
// write it; one file per bundle build, Node version and command. It is only ever an
// optimisation: a missing, unreadable, corrupt or stale file is ignored and rewritten, a folder
// that cannot be written (read-only HOME) leaves every run uncached, and
// TOKENSCOPE_NO_CODE_CACHE=1 turns it off.

import {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
  type Stats,
} from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import * as zlib from 'node:zlib';

/** The environment variable that turns the cache off. */
export const NO_CODE_CACHE_ENV = 'TOKENSCOPE_NO_CODE_CACHE';

const MAGIC = 0x54535638; // "TSV8"
const FORMAT = 1;
/** magic, format, crc32 of the payload, payload length (u32 each), bundle size and mtime (f64 each). */
const HEADER_BYTES = 32;
/** Cache files of other builds are removed once this old (two installed versions may alternate). */
const STALE_MS = 30 * 24 * 60 * 60 * 1000;

// zlib.crc32 arrived in Node 20.15; without it there is no cheap check, so no cache.
const crc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

export interface CacheTarget {
  /** The cache file. */
  file: string;
  /** What the payload was made from: the bundle's size and mtime, checked on every read. */
  size: number;
  mtimeMs: number;
}

/**
 * Where the cache for this bundle build lives, or undefined when caching is off: turned off by
 * the environment, no build hash (an unbundled run), no crc32, no cache folder to use, or a
 * cache folder inside `avoid` (the repository being scanned: a HOME inside the checkout, as in
 * some CI containers, must not leave files there for `git add -A` to pick up).
 * `variant` keeps each command's cache apart: each holds the functions its own command runs.
 */
export function cacheTarget(
  bundle: string,
  buildHash: string | undefined,
  variant: string,
  env: NodeJS.ProcessEnv = process.env,
  avoid?: string,
): CacheTarget | undefined {
  const off = env[NO_CODE_CACHE_ENV];
  if ((off !== undefined && off !== '' && off !== '0') || !buildHash || !crc32) return undefined;
  const dir = cacheDir(env);
  if (!dir || (avoid !== undefined && within(avoid, dir))) return undefined;
  try {
    const stat = statSync(bundle);
    return {
      file: join(dir, `cli-${buildHash}-${variant}-node${process.versions.node}-${process.arch}.v8cache`),
      size: stat.size,
      mtimeMs: stat.mtimeMs,
    };
  } catch {
    return undefined;
  }
}

function within(base: string, path: string): boolean {
  const rel = relative(base, path);
  return !(rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel));
}

function cacheDir(env: NodeJS.ProcessEnv): string | undefined {
  // The XDG spec ignores a relative XDG_CACHE_HOME; so do we (it would land in the repository).
  const xdg = env['XDG_CACHE_HOME'];
  if (xdg && isAbsolute(xdg)) return join(xdg, 'tokenscope');
  try {
    const home = env['HOME'] || homedir();
    return home && isAbsolute(home) ? join(home, '.cache', 'tokenscope') : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether a cache file or folder is the user's own and writable by no one else: cached data is
 * code V8 runs, so a cache another user could have written (an XDG_CACHE_HOME in a shared
 * folder) is never read.
 */
function ownedAndPrivate(stat: Stats): boolean {
  const uid = process.getuid?.();
  return uid === undefined || (stat.uid === uid && (stat.mode & 0o022) === 0);
}

/**
 * The cached payload, if the file and its folder are the user's own, the file is whole (checksum)
 * and it was made from this very bundle file.
 */
export function readCache(target: CacheTarget): Buffer | undefined {
  let data: Buffer;
  let fd: number | undefined;
  try {
    if (!ownedAndPrivate(statSync(dirname(target.file)))) return undefined;
    fd = openSync(target.file, 'r');
    if (!ownedAndPrivate(fstatSync(fd))) return undefined;
    data = readFileSync(fd);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  if (data.length < HEADER_BYTES || !crc32) return undefined;
  if (data.readUInt32LE(0) !== MAGIC || data.readUInt32LE(4) !== FORMAT) return undefined;
  const length = data.readUInt32LE(12);
  if (length !== data.length - HEADER_BYTES) return undefined;
  if (data.readDoubleLE(16) !== target.size || data.readDoubleLE(24) !== target.mtimeMs) return undefined;
  const payload = data.subarray(HEADER_BYTES);
  if (crc32(payload) >>> 0 !== data.readUInt32LE(8)) return undefined;
  return payload;
}

/**
 * Writes the payload under a temporary name, then renames it into place: a concurrent run reads
 * the old file or the new one, never half of one. Any failure leaves the run uncached, silently.
 */
export function writeCache(target: CacheTarget, payload: Buffer): boolean {
  if (!crc32) return false;
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt32LE(MAGIC, 0);
  header.writeUInt32LE(FORMAT, 4);
  header.writeUInt32LE(crc32(payload) >>> 0, 8);
  header.writeUInt32LE(payload.length, 12);
  header.writeDoubleLE(target.size, 16);
  header.writeDoubleLE(target.mtimeMs, 24);
  const dir = dirname(target.file);
  const temporary = `${target.file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(temporary, Buffer.concat([header, payload]), { mode: 0o600 });
    renameSync(temporary, target.file);
  } catch {
    try {
      unlinkSync(temporary);
    } catch {
      // Never written.
    }
    return false;
  }
  removeStale(dir, target.file);
  return true;
}

function removeStale(dir: string, keep: string): void {
  try {
    const now = Date.now();
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (path === keep || !/^cli-.*\.v8cache(\..*\.tmp)?$/.test(name)) continue;
      if (now - statSync(path).mtimeMs > STALE_MS) unlinkSync(path);
    }
  } catch {
    // Another run may be cleaning up too; what is left goes next time.
  }
}

/** What a CommonJS bundle gets, as Node's own module wrapper would give it. */
type BundleFunction = (
  exports: object,
  require: NodeJS.Require,
  module: { exports: object },
  filename: string,
  dirname: string,
  moduleUrl: string,
) => void;

export interface LoadedBundle {
  exports: unknown;
  /** Present when the cache should be (re)written: call it last (at exit), when it holds most. */
  save?: () => boolean;
}

/**
 * Compiles and runs a CommonJS bundle (built with `import.meta.url` defined as
 * `__tokenscopeModuleUrl`), with the cached code when `target` has some for it, and returns its
 * exports. When there was none, or V8 turned it down, `save` writes the cache: called when the
 * process exits, it holds every function this run compiled.
 */
export function loadBundle(bundle: string, target: CacheTarget | undefined): LoadedBundle {
  const source = readFileSync(bundle, 'utf8');
  const cachedData = target ? readCache(target) : undefined;
  // No newline after the wrapper's head: the bundle keeps its own line numbers in stack traces.
  const wrapped = `(function (exports, require, module, __filename, __dirname, __tokenscopeModuleUrl) {${source}\n})`;
  const script = new Script(wrapped, { filename: bundle, ...(cachedData ? { cachedData } : {}) });
  const fn = script.runInThisContext() as BundleFunction;
  const module = { exports: {} };
  fn(module.exports, createRequire(bundle), module, bundle, dirname(bundle), pathToFileURL(bundle).href);
  const stale = !cachedData || script.cachedDataRejected === true;
  return {
    exports: module.exports,
    ...(target && stale ? { save: () => saveQuietly(target, script) } : {}),
  };
}

function saveQuietly(target: CacheTarget, script: Script): boolean {
  try {
    return writeCache(target, script.createCachedData());
  } catch {
    return false;
  }
}
