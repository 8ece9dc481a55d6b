// The working-tree source: which files a scan reads. An own walk over raw (Buffer) names, so a
// name that is not UTF-8, holds a newline or starts with `..` is listed like any other; symlinks
// are listed but never followed (no loop, no escape from the root). Every entry ends up scanned,
// skipped by reason, ignored or excluded — one failing entry or folder never loses its siblings.
// `ignore` applies git's rules — nested .gitignore files, .git/info/exclude — plus
// .tokenscopeignore files; config excludes go through ExcludeRules. Default excludes cover only
// what cannot hold hand-written secrets.

import { lstatSync, readdirSync, readFileSync, statSync, type Dirent, type Stats } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { ExcludeRules } from './exclude-rules.js';
import type { SkippedFile, SourceFile } from '../model/types.js';
import { displayPath, toPosix } from '../util/paths.js';

/**
 * Dependency trees, VCS metadata and tool caches: generated, never hand-written. Build output
 * and lockfiles are NOT excluded: a key baked into a bundle or a token in a registry URL is a leak.
 */
export const DEFAULT_EXCLUDES = [
  '.git/',
  '.hg/',
  '.svn/',
  'node_modules/',
  'bower_components/',
  'jspm_packages/',
  '.venv/',
  '__pycache__/',
  '.tox/',
  '.nox/',
  '.mypy_cache/',
  '.pytest_cache/',
  '.ruff_cache/',
  '.yarn/cache/',
  '.pnpm-store/',
  '.terraform/providers/',
  '.gradle/caches/',
  '.next/cache/',
] as const;

export interface WalkOptions {
  /** Absolute root that reported paths are relative to (the repository root). */
  root: string;
  /** Absolute files or directories to scan (default: the root). */
  paths?: string[];
  /** Extra gitignore-style patterns relative to the root (config `exclude`). */
  excludes?: string[];
  /** Honour .gitignore and .git/info/exclude (default true; `--agent-view` turns it off). */
  gitignore?: boolean;
  /** Apply DEFAULT_EXCLUDES (default true). */
  defaultExcludes?: boolean;
  /** The file system calls the walk makes (tests inject failures: the suite runs as root). */
  fs?: WalkFs;
  /**
   * Called with the running count after each file found in a folder: a scan starts its worker
   * pool once the count shows a large scan, so the workers' start-up overlaps the rest of the walk.
   */
  /** Called with each file as the walk finds it (and how many it has found so far). */
  onFileFound?: (count: number, file: SourceFile) => void;
}

export interface WalkFs {
  readdir(path: Buffer): Dirent<Buffer>[];
  lstat(path: Buffer): Stats | undefined;
}

const nodeFs: WalkFs = {
  readdir: (path) => readdirSync(path, { withFileTypes: true, encoding: 'buffer' }),
  lstat: (path) => lstatSync(path, { throwIfNoEntry: false }),
};

export interface WalkResult {
  files: SourceFile[];
  skipped: SkippedFile[];
  /** Files and folders left out by ignore rules (not skips: the user asked for it); a folder counts once. */
  ignored: number;
  /** How many of `ignored` .gitignore or .git/info/exclude left out. */
  gitIgnored: number;
  /** Folders left out by DEFAULT_EXCLUDES, by pattern (the root's own .git/ is not counted). */
  excludedByDefault: Record<string, number>;
}

export { findRepoRoot } from './repo-root.js';

/** An ignore file's content; undefined when it cannot be read (usually: there is none). */
export function readIgnoreFile(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** One ignore file's rules, as IgnoreTree asks them. */
interface Rules {
  source: string;
  test(path: string): { ignored: boolean; unignored: boolean };
}

/**
 * An ignore file without `!` rules can only ignore, so the set-based matcher decides it (a
 * generated .gitignore of 200,000 lines took seconds per file through `ignore`); with `!` rules,
 * order matters and `ignore` decides.
 */
function compileRules(source: string): Rules {
  if (/^\s*!/m.test(source)) {
    const ig: Ignore = ignore({ allowRelativePaths: true }).add(source);
    return { source, test: (path) => ig.test(path) };
  }
  const rules = new ExcludeRules([source]);
  return { source, test: (path) => ({ ignored: rules.ignores(path), unignored: false }) };
}

/**
 * Git's precedence: the deepest ignore file with a matching rule decides, and a `!` rule there
 * un-ignores. Rules are added as the walk finds ignore files, or read on first need by `load`
 * (folder root-relative POSIX → the file's content, undefined when there is none).
 */
export class IgnoreTree {
  private readonly byDir = new Map<string, Rules | null>();
  private readonly dirCache = new Map<string, boolean>();

  constructor(private readonly load?: (dir: string) => string | undefined) {}

  add(dir: string, content: string): void {
    const existing = this.byDir.get(dir);
    this.byDir.set(dir, compileRules(existing ? `${existing.source}\n${content}` : content));
  }

  private rulesFor(dir: string): Rules | null | undefined {
    let rules = this.byDir.get(dir);
    if (rules === undefined && this.load) {
      const content = this.load(dir);
      rules = content === undefined ? null : compileRules(content);
      this.byDir.set(dir, rules);
    }
    return rules;
  }

  /** `rel` is root-relative POSIX; directories end with '/'. */
  private decide(rel: string): boolean {
    const parts = rel.split('/');
    for (let depth = parts.length - 1; depth >= 0; depth--) {
      const dir = parts.slice(0, depth).join('/');
      const ig = this.rulesFor(dir);
      if (!ig) continue;
      const sub = parts.slice(depth).join('/');
      if (!sub || sub === '/') continue;
      const verdict = ig.test(sub);
      if (verdict.ignored) return true;
      if (verdict.unignored) return false;
    }
    return false;
  }

  private dirIgnored(dir: string): boolean {
    if (dir === '') return false;
    let cached = this.dirCache.get(dir);
    if (cached === undefined) {
      const parent = dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '';
      cached = this.dirIgnored(parent) || this.decide(`${dir}/`);
      this.dirCache.set(dir, cached);
    }
    return cached;
  }

  ignores(rel: string): boolean {
    if (this.byDir.size === 0 && !this.load) return false;
    const slash = rel.lastIndexOf('/');
    if (slash > 0 && this.dirIgnored(rel.slice(0, slash))) return true;
    return this.decide(rel);
  }
}

/** A raw name as reports show it: UTF-8 where it is valid, each other byte as `\xNN`. */
export function displayName(raw: Buffer): { name: string; exact: boolean } {
  const name = raw.toString('utf8');
  if (!name.includes('\uFFFD') || Buffer.from(name).equals(raw)) return { name, exact: true };
  let out = '';
  let i = 0;
  while (i < raw.length) {
    const n = utf8SequenceLength(raw, i);
    if (n > 0) {
      out += raw.toString('utf8', i, i + n);
      i += n;
    } else {
      out += `\\x${raw[i]!.toString(16).toUpperCase().padStart(2, '0')}`;
      i++;
    }
  }
  return { name: out, exact: false };
}

/** Length of the valid UTF-8 sequence at `i`, or 0 when the byte there does not start one. */
function utf8SequenceLength(bytes: Buffer, i: number): number {
  const b = bytes[i]!;
  if (b < 0x80) return 1;
  const n = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
  if (n === 0 || i + n > bytes.length) return 0;
  for (let k = 1; k < n; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return 0;
  const second = bytes[i + 1]!;
  if (b === 0xe0 && second < 0xa0) return 0; // overlong
  if (b === 0xed && second > 0x9f) return 0; // surrogate
  if (b === 0xf0 && second < 0x90) return 0; // overlong
  if (b === 0xf4 && second > 0x8f) return 0; // beyond U+10FFFF
  return n;
}

/** Why a file or folder could not be read, in words; ENOENT is told apart (`vanished`). */
function describeFsError(error: unknown): { reason: 'unreadable' | 'vanished'; detail: string } {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { reason: 'vanished', detail: 'disappeared during the scan' };
  if (code === 'EACCES' || code === 'EPERM') return { reason: 'unreadable', detail: 'permission denied' };
  if (code === 'ENAMETOOLONG') return { reason: 'unreadable', detail: 'path longer than the system allows (PATH_MAX)' };
  if (code === 'ELOOP') return { reason: 'unreadable', detail: 'too many levels of symbolic links' };
  if (code === 'EIO') return { reason: 'unreadable', detail: 'I/O error' };
  return { reason: 'unreadable', detail: code ?? (error instanceof Error ? error.name : 'unreadable') };
}

const SLASH = Buffer.from('/');

interface PendingDir {
  /** Absolute path as bytes (names may not be UTF-8). */
  abs: Buffer;
  /** Root-relative POSIX display path; '' for the root. */
  rel: string;
  /** Every name on the way is valid UTF-8, so `abs` as a string opens the same file. */
  exact: boolean;
}

/** Lists the files to scan under the given paths. Never throws for a bad entry: it is skipped. */
export async function walkWorkingTree(options: WalkOptions): Promise<WalkResult> {
  const root = resolve(options.root);
  const fs = options.fs ?? nodeFs;
  const useGitignore = options.gitignore !== false;
  const defaults = options.defaultExcludes !== false ? [...DEFAULT_EXCLUDES] : ['.git/'];
  const defaultNames = new Map<string, string>();
  const defaultPaths: Array<[string, string]> = [];
  for (const pattern of defaults) {
    const body = pattern.replace(/\/$/, '');
    if (body.includes('/')) defaultPaths.push([body, pattern]);
    else defaultNames.set(body, pattern);
  }
  const defaultFor = (rel: string, name: string): string | undefined =>
    defaultNames.get(name) ?? defaultPaths.find(([body]) => rel === body || rel.endsWith(`/${body}`))?.[1];

  const result: WalkResult = { files: [], skipped: [], ignored: 0, gitIgnored: 0, excludedByDefault: {} };
  const excludeRules = new ExcludeRules(options.excludes ?? []);
  // Folders whose listing the walk has read: their ignore files were added then, so the lazy
  // loaders below only read from disk for folders above a target.
  const listed = new Set<string>();
  const loader = (file: string) => (dir: string) =>
    listed.has(dir) ? undefined : readIgnoreFile(join(root, dir, file));
  const gitRules = new IgnoreTree(useGitignore ? loader('.gitignore') : undefined);
  const ownRules = new IgnoreTree(loader('.tokenscopeignore'));
  // The root's rules are read up front (info/exclude first: the lowest precedence), whether or
  // not the root itself is walked: a folder named as the target still obeys them.
  if (useGitignore) {
    const rootRules = [
      readIgnoreFile(join(root, '.git', 'info', 'exclude')),
      readIgnoreFile(join(root, '.gitignore')),
    ].filter((c) => c !== undefined);
    if (rootRules.length > 0) gitRules.add('', rootRules.join('\n'));
  }
  const rootOwn = readIgnoreFile(join(root, '.tokenscopeignore'));
  if (rootOwn !== undefined) ownRules.add('', rootOwn);
  listed.add('');
  /** Which rule leaves `rel` (a folder ends with '/') out, if any. */
  const ignoredBy = (rel: string): 'git' | 'other' | undefined => {
    if (excludeRules.ignores(rel) || ownRules.ignores(rel)) return 'other';
    return useGitignore && gitRules.ignores(rel) ? 'git' : undefined;
  };
  const countIgnored = (by: 'git' | 'other'): void => {
    result.ignored++;
    if (by === 'git') result.gitIgnored++;
  };

  const targets = (options.paths && options.paths.length > 0 ? options.paths : [root]).map((p) => resolve(p));
  const explicitFiles: string[] = [];
  const stack: PendingDir[] = [];
  for (const target of targets) {
    let isDir = false;
    try {
      isDir = statSync(target).isDirectory();
    } catch {
      isDir = false;
    }
    if (!isDir) explicitFiles.push(target);
    else stack.push({ abs: Buffer.from(target), rel: toPosix(relative(root, target)), exact: true });
  }

  let dirsListed = 0;
  while (stack.length > 0) {
    // The walk is synchronous I/O: let the event loop run now and then, so workers started
    // during the walk get their next batch as soon as they finish one (src/pipeline/analyze-all.ts).
    if (++dirsListed % 64 === 0) await new Promise<void>((resolvePromise) => setImmediate(resolvePromise));
    const dir = stack.pop()!;
    let entries: Dirent<Buffer>[];
    try {
      entries = fs.readdir(dir.abs);
    } catch (error) {
      const { reason, detail } = describeFsError(error);
      result.skipped.push({ path: dir.rel === '' ? './' : `${dir.rel}/`, reason, detail: `folder: ${detail}` });
      continue;
    }
    // Ignore files first: they decide about their siblings (the root's are read already).
    for (const entry of dir.rel === '' ? [] : entries) {
      const file = entry.name.toString('latin1');
      if ((file !== '.gitignore' && file !== '.tokenscopeignore') || entry.isDirectory()) continue;
      const content = readIgnoreBytes(Buffer.concat([dir.abs, SLASH, entry.name]));
      if (content === undefined) continue;
      if (file === '.gitignore') {
        if (useGitignore) gitRules.add(dir.rel, content);
      } else ownRules.add(dir.rel, content);
    }
    listed.add(dir.rel);
    for (const entry of entries) {
      const { name, exact: nameExact } = displayName(entry.name);
      const rel = dir.rel === '' ? name : `${dir.rel}/${name}`;
      const abs = Buffer.concat([dir.abs, SLASH, entry.name]);
      const exact = dir.exact && nameExact;
      let kind: 'dir' | 'file' | 'symlink' | 'special' | undefined = entryKind(entry);
      let stats: Stats | undefined;
      if (kind === undefined || kind === 'file') {
        // The listing may not know the type (some file systems), and files need their size.
        try {
          stats = fs.lstat(abs);
        } catch (error) {
          const { reason, detail } = describeFsError(error);
          result.skipped.push({ path: rel, reason, detail });
          continue;
        }
        if (!stats) {
          result.skipped.push({ path: rel, reason: 'vanished', detail: 'disappeared during the scan' });
          continue;
        }
        kind = stats.isDirectory() ? 'dir' : stats.isFile() ? 'file' : stats.isSymbolicLink() ? 'symlink' : 'special';
      }
      if (kind === 'dir' || name === '.git') {
        const pattern = defaultFor(rel, name);
        if (pattern) {
          if (rel !== '.git') result.excludedByDefault[pattern] = (result.excludedByDefault[pattern] ?? 0) + 1;
          continue;
        }
      }
      const by = ignoredBy(kind === 'dir' ? `${rel}/` : rel);
      if (by) {
        countIgnored(by);
        continue;
      }
      if (kind === 'dir') stack.push({ abs, rel, exact });
      else if (kind === 'symlink')
        result.skipped.push({ path: rel, reason: 'symlink', detail: 'symbolic link (not followed)' });
      else if (kind === 'special')
        result.skipped.push({
          path: rel,
          reason: 'special-file',
          detail: 'not a regular file (FIFO, socket or device)',
        });
      else {
        const file: SourceFile = {
          path: rel,
          absPath: exact ? abs.toString('utf8') : join(root, rel),
          ...(exact ? {} : { rawPath: new Uint8Array(abs) }),
          origin: 'worktree',
          size: stats?.size ?? 0,
        };
        result.files.push(file);
        options.onFileFound?.(result.files.length, file);
      }
    }
  }
  // Files named explicitly are scanned even when ignored: the user asked for them.
  for (const abs of explicitFiles) {
    const path = toPosix(displayPath(root, abs));
    let size = 0;
    try {
      size = statSync(abs).size;
    } catch {
      size = 0;
    }
    result.files.push({ path, absPath: abs, origin: 'worktree', size });
  }
  result.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return result;
}

function entryKind(entry: Dirent<Buffer>): 'dir' | 'file' | 'symlink' | 'special' | undefined {
  if (entry.isDirectory()) return 'dir';
  if (entry.isFile()) return 'file';
  if (entry.isSymbolicLink()) return 'symlink';
  if (entry.isFIFO() || entry.isSocket() || entry.isCharacterDevice() || entry.isBlockDevice()) return 'special';
  return undefined;
}

function readIgnoreBytes(path: Buffer): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
