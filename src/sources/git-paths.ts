// Which repository paths the git sources (index, history) keep: the same excludes as the
// working-tree walk (defaults, config `exclude`, .tokenscopeignore files) and the PATH arguments.
// .gitignore does not apply: a staged or committed file is tracked whatever .gitignore says.

import { readFileSync, realpathSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { ResolvedConfig } from '../config/types.js';
import { DEFAULT_EXCLUDES, toPosix } from './walk.js';

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
export function gitPathFilter(toplevel: string, root: string, config: ResolvedConfig, targets: readonly string[] = []): GitPathFilter {
  const realTop = realOrSelf(toplevel);
  const realRoot = realOrSelf(root);
  const prefix = realTop === realRoot ? '' : toPosix(relative(realTop, realRoot));
  const excludes = ignore({ allowRelativePaths: true })
    .add(config.defaultExcludes ? [...DEFAULT_EXCLUDES] : [])
    .add(config.exclude);
  const restrict = targets
    .map((t) => toPosix(relative(realRoot, realOrSelf(t))))
    .filter((r) => !r.startsWith('..'));
  const anywhere = targets.length === 0 || restrict.includes('');
  const ownRules = new Map<string, Ignore | null>();
  const rulesFor = (dir: string): Ignore | null => {
    let rules = ownRules.get(dir);
    if (rules === undefined) {
      try {
        rules = ignore({ allowRelativePaths: true }).add(readFileSync(join(root, dir, '.tokenscopeignore'), 'utf8'));
      } catch {
        rules = null;
      }
      ownRules.set(dir, rules);
    }
    return rules;
  };
  const ownIgnored = (path: string): boolean => {
    const parts = path.split('/');
    for (let depth = 0; depth < parts.length; depth++) {
      const rules = rulesFor(parts.slice(0, depth).join('/'));
      if (rules?.ignores(parts.slice(depth).join('/'))) return true;
    }
    return false;
  };
  return {
    map(gitPath) {
      let path = gitPath;
      if (prefix) {
        if (!gitPath.startsWith(`${prefix}/`)) return undefined;
        path = gitPath.slice(prefix.length + 1);
      }
      if (!anywhere && !restrict.some((r) => path === r || path.startsWith(`${r}/`))) return undefined;
      if (excludes.ignores(path) || ownIgnored(path)) return undefined;
      return path;
    },
    pathspec(target) {
      const rel = toPosix(relative(realTop, realOrSelf(target)));
      if (rel.startsWith('..')) return undefined;
      return rel === '' ? '' : `:(literal)${rel}`;
    },
  };
}
