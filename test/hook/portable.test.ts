// A husky hook is committed and runs on every clone: it must not name this machine's paths. A
// core.hooksPath outside the repository is shared by other repositories: installing says so.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { installHook } from '../../src/hook/install.js';
import { git, removeDir, tempDir, tempRepo } from '../helpers/tmp.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) removeDir(dir);
});

describe('hook install paths', () => {
  it('writes no absolute machine path into a committed husky hook', async () => {
    const root = tempRepo({ '.husky/.gitkeep': '' });
    made.push(root);
    git(root, 'config', 'core.hooksPath', '.husky');
    const outcome = await installHook({
      cwd: root,
      nodePath: '/opt/node-20/bin/node',
      binPath: '/home/dev/tokenscope/dist/cli.js',
    });
    expect(outcome.action).toBe('added-to-husky');
    const hook = readFileSync(join(root, '.husky', 'pre-commit'), 'utf8');
    expect(hook).toContain('./node_modules/.bin/tokenscope scan --staged');
    expect(hook).not.toContain('/opt/node-20');
    expect(hook).not.toContain('/home/dev');
  });

  it('warns when core.hooksPath points outside the repository', async () => {
    const root = tempRepo({ 'a.txt': 'x\n' });
    const shared = tempDir('tokenscope-shared-hooks-');
    made.push(root, shared);
    mkdirSync(shared, { recursive: true });
    git(root, 'config', 'core.hooksPath', shared);
    const outcome = await installHook({ cwd: root, nodePath: process.execPath, binPath: '/x/cli.js' });
    expect(outcome.warning).toMatch(/core\.hooksPath points outside this repository/);
  });
});
