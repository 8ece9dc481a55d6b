// The repository root above a path: the nearest folder holding `.git`. Its own module, with no
// dependencies, so the agent guard's fast path can use it without loading the walker.

import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

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
