// Where the agent's checkout and config are, found with a few stat calls: the hook's fast path
// must not load the directory walker or the config parser (yaml, ajv) to answer a harmless call.

import { existsSync } from 'node:fs';
import { findRepoRoot } from '../sources/repo-root.js';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';

/** The repository root above `start` (a folder holding `.git`), if any. */
export const checkoutRoot = findRepoRoot;

const CONFIG_NAMES = ['.tokenscope.yaml', '.tokenscope.yml', '.tokenscope.json'];

/** The first config file from `start` up to `stop`, as src/config/load.ts finds it. */
export function configFileFor(start: string, stop: string): string | undefined {
  let dir = resolve(start);
  const limit = resolve(stop);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    if (dir === limit) return undefined;
    const parent = dirname(dir);
    const rel = relative(limit, parent);
    if (parent === dir || rel.startsWith('..') || isAbsolute(rel)) return undefined;
    dir = parent;
  }
}
