// The hook installer: where the hook goes (git dir, core.hooksPath, husky), chaining an existing
// hook with a byte-for-byte backup, idempotence, and an uninstall that restores exactly what was there.

import { chmodSync, existsSync, lstatSync, mkdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BACKUP_SUFFIX, BEGIN_MARK, hookFileContent, installHook, locateHook, uninstallHook } from '../../src/hook/install.js';
import { TokenscopeError } from '../../src/errors.js';
import { git, removeDir, tempDir, tempRepo } from '../helpers/tmp.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

const BIN = { nodePath: '/usr/bin/node', binPath: "/opt/token's cope/dist/bin.js" };

function repo(): string {
  const root = tempRepo();
  dirs.push(root);
  return root;
}

function snapshot(path: string): { bytes: Buffer; mode: number } {
  return { bytes: readFileSync(path), mode: statSync(path).mode & 0o7777 };
}

describe('locateHook', () => {
  it('uses the git dir by default, core.hooksPath relative to the repository root, and husky when .husky/ exists', async () => {
    const root = repo();
    expect((await locateHook(root)).hookPath).toBe(join(root, '.git', 'hooks', 'pre-commit'));
    mkdirSync(join(root, 'sub'));
    git(root, 'config', 'core.hooksPath', 'tools/hooks');
    expect(await locateHook(join(root, 'sub'))).toMatchObject({ hookPath: join(root, 'tools', 'hooks', 'pre-commit'), style: 'file' });
    mkdirSync(join(root, '.husky'));
    // core.hooksPath points elsewhere: that is what git runs, husky or not.
    expect((await locateHook(root)).style).toBe('file');
    git(root, 'config', 'core.hooksPath', '.husky/_');
    expect(await locateHook(root)).toMatchObject({ hookPath: join(root, '.husky', 'pre-commit'), style: 'husky' });
    git(root, 'config', '--unset', 'core.hooksPath');
    expect((await locateHook(root)).note).toMatch(/husky is not set up/);
  });

  it('outside a repository: E_GIT', async () => {
    const dir = tempDir();
    dirs.push(dir);
    await expect(locateHook(dir)).rejects.toBeInstanceOf(TokenscopeError);
  });
});

describe('installHook / uninstallHook (git hooks folder)', () => {
  it('installs an executable POSIX sh hook that quotes the captured paths, and removes it again', async () => {
    const root = repo();
    const outcome = await installHook({ cwd: root, ...BIN });
    expect(outcome.action).toBe('installed');
    const hook = join(root, '.git', 'hooks', 'pre-commit');
    expect(statSync(hook).mode & 0o111).toBe(0o111);
    const text = readFileSync(hook, 'utf8');
    expect(text.startsWith('#!/bin/sh\n')).toBe(true);
    expect(text).toContain(`'/opt/token'\\''s cope/dist/bin.js' scan --staged`);
    expect(text).toBe(hookFileContent(BIN.nodePath, BIN.binPath));
    expect((await uninstallHook({ cwd: root })).action).toBe('removed');
    expect(existsSync(hook)).toBe(false);
  });

  it('chains an existing hook: byte-for-byte backup, idempotent reinstall, exact restore (bytes and mode)', async () => {
    const root = repo();
    const hook = join(root, '.git', 'hooks', 'pre-commit');
    // No trailing newline, CRLF and a non-UTF-8 byte: the restore must not "normalise" anything.
    writeFileSync(hook, Buffer.concat([Buffer.from('#!/bin/sh\r\necho original\r\n# caf'), Buffer.from([0xe9]), Buffer.from('\nexit 0')]));
    chmodSync(hook, 0o750);
    const before = snapshot(hook);
    const first = await installHook({ cwd: root, ...BIN });
    expect(first).toMatchObject({ action: 'chained', backupPath: `${hook}${BACKUP_SUFFIX}` });
    expect(snapshot(`${hook}${BACKUP_SUFFIX}`)).toEqual(before);
    expect(readFileSync(hook, 'utf8')).toContain(BEGIN_MARK);
    const second = await installHook({ cwd: root, ...BIN });
    expect(second.action).toBe('unchanged');
    expect(snapshot(`${hook}${BACKUP_SUFFIX}`)).toEqual(before);
    // tokenscope moved: the hook is rewritten, the backup left alone.
    expect((await installHook({ cwd: root, nodePath: BIN.nodePath, binPath: '/elsewhere/bin.js' })).action).toBe('updated');
    expect((await uninstallHook({ cwd: root })).action).toBe('restored');
    expect(snapshot(hook)).toEqual(before);
    expect(existsSync(`${hook}${BACKUP_SUFFIX}`)).toBe(false);
  });

  it('keeps a symlinked hook a symlink', async () => {
    const root = repo();
    const hook = join(root, '.git', 'hooks', 'pre-commit');
    writeFileSync(join(root, 'my-hook.sh'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    symlinkSync('../../my-hook.sh', hook);
    await installHook({ cwd: root, ...BIN });
    expect(lstatSync(`${hook}${BACKUP_SUFFIX}`).isSymbolicLink()).toBe(true);
    await uninstallHook({ cwd: root });
    expect(lstatSync(hook).isSymbolicLink()).toBe(true);
    expect(readlinkSync(hook)).toBe('../../my-hook.sh');
  });

  it('refuses to overwrite a leftover backup, and uninstall leaves a foreign hook alone', async () => {
    const root = repo();
    const hook = join(root, '.git', 'hooks', 'pre-commit');
    writeFileSync(hook, '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    writeFileSync(`${hook}${BACKUP_SUFFIX}`, 'older backup');
    await expect(installHook({ cwd: root, ...BIN })).rejects.toThrow(/backup from an earlier install/);
    expect(readFileSync(hook, 'utf8')).toBe('#!/bin/sh\nexit 0\n');
    expect((await uninstallHook({ cwd: root })).action).toBe('not-installed');
    expect(readFileSync(hook, 'utf8')).toBe('#!/bin/sh\nexit 0\n');
  });

  it('writes into core.hooksPath, creating the folder', async () => {
    const root = repo();
    git(root, 'config', 'core.hooksPath', '.githooks');
    const outcome = await installHook({ cwd: root, ...BIN });
    expect(outcome.hookPath).toBe(join(root, '.githooks', 'pre-commit'));
    expect(existsSync(join(root, '.git', 'hooks', 'pre-commit'))).toBe(false);
    await uninstallHook({ cwd: root });
    expect(existsSync(join(root, '.githooks', 'pre-commit'))).toBe(false);
  });
});

describe('husky', () => {
  it('appends a marked block to .husky/pre-commit and removes exactly that block', async () => {
    const root = repo();
    mkdirSync(join(root, '.husky'));
    const hook = join(root, '.husky', 'pre-commit');
    writeFileSync(hook, 'npm test\n', { mode: 0o644 });
    const before = snapshot(hook);
    expect((await installHook({ cwd: root, ...BIN })).action).toBe('added-to-husky');
    const text = readFileSync(hook, 'utf8');
    expect(text.startsWith('npm test\n# >>> tokenscope')).toBe(true);
    expect(text).toContain('scan --staged || exit $?');
    expect((await installHook({ cwd: root, ...BIN })).action).toBe('unchanged');
    expect((await uninstallHook({ cwd: root })).action).toBe('restored');
    expect(snapshot(hook)).toEqual(before);
  });

  it('a file without a final newline is restored without one; a file it created is removed', async () => {
    const root = repo();
    mkdirSync(join(root, '.husky'));
    const hook = join(root, '.husky', 'pre-commit');
    writeFileSync(hook, 'npx lint-staged');
    await installHook({ cwd: root, ...BIN });
    await uninstallHook({ cwd: root });
    expect(readFileSync(hook, 'utf8')).toBe('npx lint-staged');

    const fresh = repo();
    mkdirSync(join(fresh, '.husky'));
    expect((await installHook({ cwd: fresh, ...BIN })).action).toBe('added-to-husky');
    expect(statSync(join(fresh, '.husky', 'pre-commit')).mode & 0o111).toBe(0o111);
    expect((await uninstallHook({ cwd: fresh })).action).toBe('removed');
    expect(existsSync(join(fresh, '.husky', 'pre-commit'))).toBe(false);
  });
});
