// The working-tree source: which files a scan reads. fast-glob walks (dotfiles included,
// symlinks listed but never followed, so no loop and no escape from the root); `ignore` applies
// git's rules — nested .gitignore files, .git/info/exclude — plus .tokenscopeignore files and the
// config's excludes. Default excludes cover only what cannot hold hand-written secrets.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import fg from 'fast-glob';
import ignore, { type Ignore } from 'ignore';
import type { SkippedFile, SourceFile } from '../types.js';

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
}

export interface WalkResult {
  files: SourceFile[];
  skipped: SkippedFile[];
  /** Files left out by ignore rules (not counted as skips: the user asked for it). */
  ignored: number;
}

/** Finds the repository root above `start` (a folder holding `.git`), if any. */
export function findRepoRoot(start: string): string | undefined {
  let dir = resolve(start);
  try {
    if (!statSync(dir).isDirectory()) dir = dirname(dir);
  } catch {
    dir = dirname(dir);
  }
  for (;;) {
    if (existsSync(join(dir, '.git'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/** `path` as a reader wants it: relative to `base` (POSIX separators) when inside it, else as given. */
export function displayPath(base: string, path: string): string {
  const rel = relative(base, path);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : toPosix(rel);
}

/** An ignore file's content; undefined when it cannot be read (usually: there is none). */
export function readIgnoreFile(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Gitignore lines simple enough to become fast-glob ignore globs, so the walk never descends into
 * (say) `dist/` or `target/`. Exact for these shapes; anything clever stays with `ignore` alone.
 */
function pruneGlobs(content: string): string[] {
  const lines = content.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  if (lines.some((l) => l.startsWith('!'))) return [];
  const globs: string[] = [];
  for (const line of lines) {
    const m = /^(\/)?([A-Za-z0-9._-]+)\/?$/.exec(line);
    if (!m) continue;
    const name = m[2]!;
    if (name === '.' || name === '..') continue;
    if (m[1]) globs.push(name, `${name}/**`);
    else globs.push(`**/${name}`, `**/${name}/**`);
  }
  return globs;
}

/**
 * Git's precedence: the deepest ignore file with a matching rule decides, and a `!` rule there
 * un-ignores. Rules are added as the walk finds ignore files, or read on first need by `load`
 * (folder root-relative POSIX → the file's content, undefined when there is none).
 */
export class IgnoreTree {
  private readonly byDir = new Map<string, Ignore | null>();
  private readonly dirCache = new Map<string, boolean>();

  constructor(private readonly load?: (dir: string) => string | undefined) {}

  add(dir: string, content: string): void {
    const existing = this.byDir.get(dir);
    if (existing) existing.add(content);
    else this.byDir.set(dir, ignore({ allowRelativePaths: true }).add(content));
  }

  private rulesFor(dir: string): Ignore | null | undefined {
    let rules = this.byDir.get(dir);
    if (rules === undefined && this.load) {
      const content = this.load(dir);
      rules = content === undefined ? null : ignore({ allowRelativePaths: true }).add(content);
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

/** Lists the files to scan under the given paths. Never throws for a bad entry: it is skipped. */
export async function walkWorkingTree(options: WalkOptions): Promise<WalkResult> {
  const root = resolve(options.root);
  const useGitignore = options.gitignore !== false;
  const defaults = options.defaultExcludes !== false ? [...DEFAULT_EXCLUDES] : ['.git/'];
  const files: SourceFile[] = [];
  const skipped: SkippedFile[] = [];
  let ignored = 0;

  const gitRules = new IgnoreTree();
  const ownRules = new IgnoreTree();
  // The default excludes are pruned exactly by the walk's globs below; only config excludes
  // need the gitignore matcher.
  const excludeRules = options.excludes && options.excludes.length > 0 ? ignore({ allowRelativePaths: true }).add(options.excludes) : undefined;
  // Globs that stop the walk descending into excluded folders. Unanchored ones hold anywhere;
  // root-anchored ones only when the walk starts at the root.
  const prune: string[] = [];
  for (const pattern of defaults) {
    const name = pattern.replace(/\/$/, '');
    prune.push(`**/${name}`, `**/${name}/**`);
  }
  // The root's ignore files are read here for pruning and met again in the listing: read once.
  const ignoreFiles = new Map<string, string | undefined>();
  const readIgnoreOnce = (path: string): string | undefined => {
    if (!ignoreFiles.has(path)) ignoreFiles.set(path, readIgnoreFile(path));
    return ignoreFiles.get(path);
  };
  const rootPatterns = [(options.excludes ?? []).join('\n')];
  if (useGitignore) {
    const exclude = readIgnoreFile(join(root, '.git', 'info', 'exclude'));
    if (exclude) gitRules.add('', exclude);
    rootPatterns.push(readIgnoreOnce(join(root, '.gitignore')) ?? '');
  }
  rootPatterns.push(readIgnoreOnce(join(root, '.tokenscopeignore')) ?? '');
  const rootPrune = rootPatterns.flatMap(pruneGlobs);

  const targets = (options.paths && options.paths.length > 0 ? options.paths : [root]).map((p) => resolve(p));
  const explicitFiles: string[] = [];
  const entries: Array<{ abs: string; rel: string; kind: 'file' | 'symlink' | 'special'; size: number }> = [];
  for (const target of targets) {
    let isDir = false;
    try {
      isDir = statSync(target).isDirectory();
    } catch {
      isDir = false;
    }
    if (!isDir) {
      explicitFiles.push(target);
      continue;
    }
    const base = toPosix(relative(root, target));
    // Synchronous: the streaming API costs three times as much in promise overhead.
    const listed = fg.sync('**', {
      cwd: target,
      dot: true,
      onlyFiles: false,
      followSymbolicLinks: false,
      objectMode: true,
      stats: true,
      suppressErrors: true,
      ignore: target === root ? [...prune, ...rootPrune] : [...prune, ...rootPrune.filter((g) => g.startsWith('**/'))],
    }) as unknown as Array<{ path: string; dirent: import('node:fs').Dirent; stats?: import('node:fs').Stats }>;
    for (const entry of listed) {
      const d = entry.dirent;
      if (d.isDirectory()) continue;
      const rel = base && base !== '' ? `${base}/${entry.path}` : entry.path;
      const kind = d.isFile() ? 'file' : d.isSymbolicLink() ? 'symlink' : 'special';
      entries.push({ abs: join(target, entry.path), rel, kind, size: entry.stats?.size ?? 0 });
    }
  }
  // Ignore files first (any depth), then the decisions.
  for (const entry of entries) {
    if (entry.kind !== 'file') continue;
    const name = entry.rel.slice(entry.rel.lastIndexOf('/') + 1);
    if (name !== '.gitignore' && name !== '.tokenscopeignore') continue;
    const content = readIgnoreOnce(entry.abs);
    if (content === undefined) continue;
    const dir = entry.rel.includes('/') ? entry.rel.slice(0, entry.rel.lastIndexOf('/')) : '';
    if (name === '.gitignore') {
      if (useGitignore) gitRules.add(dir, content);
    } else ownRules.add(dir, content);
  }
  for (const entry of entries) {
    if (entry.rel.startsWith('..') || isAbsolute(entry.rel)) continue;
    if (excludeRules?.ignores(entry.rel) || gitRules.ignores(entry.rel) || ownRules.ignores(entry.rel)) {
      ignored++;
      continue;
    }
    if (entry.kind === 'symlink') skipped.push({ path: entry.rel, reason: 'symlink', detail: 'symbolic link (not followed)' });
    else if (entry.kind === 'special') skipped.push({ path: entry.rel, reason: 'special-file', detail: 'not a regular file (FIFO, socket or device)' });
    else files.push({ path: entry.rel, absPath: entry.abs, origin: 'worktree', size: entry.size });
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
    files.push({ path, absPath: abs, origin: 'worktree', size });
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, skipped, ignored };
}
