// Names that merely start with two dots (`..env`, `..cfg/`) are inside the tree: only `..` and
// `../x` leave it. A prefix test on '..' used to drop them from staged and history scans.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gitPathFilter } from '../../src/sources/git-paths.js';
import { displayPath, leavesBase } from '../../src/util/paths.js';
import { defaultConfig, removeDir, tempRepo } from '../helpers/tmp.js';

const roots: string[] = [];
afterAll(() => roots.forEach(removeDir));

describe('names starting with ".."', () => {
  it('leavesBase tells `..env` from `../env`', () => {
    expect(['..env', '..cfg/a', 'a/..b'].map(leavesBase)).toEqual([false, false, false]);
    expect(['..', '../env', '/abs'].map(leavesBase)).toEqual([true, true, true]);
    expect(displayPath('/repo', '/repo/..env')).toBe('..env');
    expect(displayPath('/repo', '/other/x')).toBe('/other/x');
  });

  it('git sources keep them, also when named as a target', () => {
    const root = tempRepo({ '..env': 'x', '..cfg/a.txt': 'x' });
    roots.push(root);
    const all = gitPathFilter(root, root, defaultConfig());
    expect(['..env', '..cfg/a.txt'].map((p) => all.map(p))).toEqual(['..env', '..cfg/a.txt']);
    const named = gitPathFilter(root, root, defaultConfig(), [join(root, '..env')]);
    expect(named.map('..env')).toBe('..env');
    expect(named.map('..cfg/a.txt')).toBeUndefined();
    expect(named.pathspec(join(root, '..cfg'))).toBe(':(literal)..cfg');
  });
});
