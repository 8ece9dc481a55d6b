// Which repository paths the git sources (index, history) keep: the same excludes as the
// working-tree walk (defaults, config `exclude`, .tokenscopeignore files) and the PATH arguments.
// .gitignore does not apply: a staged or committed file is tracked whatever .gitignore says.

import { realpathSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { ResolvedConfig } from '../model/config.js';
import { ExcludeRules } from './exclude-rules.js';
import { DEFAULT_EXCLUDES, IgnoreTree, readIgnoreFile } from './walk.js';
import { leavesBase, toPosix } from '../util/paths.js';

export interface GitPathFilter {
  /** Maps a path relative to the git top level to the root-relative path reports show, or undefined to leave it out. */
  map(gitPath: string): string | undefined;
  /** A literal git pathspec (top-level relative) for an absolute target; '' for the whole tree; undefined when outside. */
  pathspec(target: string): string | undefined;
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/**
 * `toplevel` is git's work-tree root, `root` the scan root (normally the same folder; they differ
 * only through symlinks or an unusual layout). `targets` are the absolute PATH arguments.
 */
export function gitPathFilter(
  toplevel: string,
  root: string,
  config: ResolvedConfig,
  targets: readonly string[] = [],
): GitPathFilter {
  const realTop = realOrSelf(toplevel);
  const realRoot = realOrSelf(root);
  const prefix = realTop === realRoot ? '' : toPosix(relative(realTop, realRoot));
  const excludes = new ExcludeRules([...(config.defaultExcludes ? DEFAULT_EXCLUDES : []), ...config.exclude]);
  const restrict = targets.map((t) => toPosix(relative(realRoot, realOrSelf(t)))).filter((r) => !leavesBase(r));
  const anywhere = targets.length === 0 || restrict.includes('');
  // Read from the work tree folder by folder as paths need them, with the walk's precedence.
  const ownRules = new IgnoreTree((dir) => readIgnoreFile(join(root, dir, '.tokenscopeignore')));
  return {
    map(gitPath) {
      let path = gitPath;
      if (prefix) {
        if (!gitPath.startsWith(`${prefix}/`)) return undefined;
        path = gitPath.slice(prefix.length + 1);
      }
      if (!anywhere && !restrict.some((r) => path === r || path.startsWith(`${r}/`))) return undefined;
      if (excludes.ignores(path) || ownRules.ignores(path)) return undefined;
      return path;
    },
    pathspec(target) {
      const rel = toPosix(relative(realTop, realOrSelf(target)));
      if (leavesBase(rel)) return undefined;
      return rel === '' ? '' : `:(literal)${rel}`;
    },
  };
}
