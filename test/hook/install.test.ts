// The hook installer: where the hook goes (git dir, core.hooksPath, husky), chaining an existing
// hook with a byte-for-byte backup, idempotence, and an uninstall that restores exactly what was there.

import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  BACKUP_SUFFIX,
  BEGIN_MARK,
  hookFileContent,
  installHook,
  locateHook,
  uninstallHook,
} from '../../src/hook/install.js';
import { TokenscopeError } from '../../src/util/errors.js';
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
    expect(await locateHook(join(root, 'sub'))).toMatchObject({
      hookPath: join(root, 'tools', 'hooks', 'pre-commit'),
      style: 'file',
    });
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
    writeFileSync(
      hook,
      Buffer.concat([Buffer.from('#!/bin/sh\r\necho original\r\n# caf'), Buffer.from([0xe9]), Buffer.from('\nexit 0')]),
    );
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
    expect((await installHook({ cwd: root, nodePath: BIN.nodePath, binPath: '/elsewhere/bin.js' })).action).toBe(
      'updated',
    );
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

describe('bytes the user wrote', () => {
  const latin1 = Buffer.from([0x23, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x0d, 0x0a]); // "# café\r\n" in Latin-1

  it('a second install after the user edited the hook changes only the block', async () => {
    const root = repo();
    const hook = join(root, '.git', 'hooks', 'pre-commit');
    await installHook({ cwd: root, ...BIN });
    const edited = Buffer.concat([readFileSync(hook), latin1, Buffer.from('echo mine')]);
    writeFileSync(hook, edited);
    chmodSync(hook, 0o700);
    expect((await installHook({ cwd: root, ...BIN })).action).toBe('unchanged');
    expect(snapshot(hook)).toEqual({ bytes: edited, mode: 0o700 });
    expect((await installHook({ cwd: root, nodePath: BIN.nodePath, binPath: '/moved/bin.js' })).action).toBe('updated');
    const after = readFileSync(hook);
    expect(
      after
        .subarray(after.length - latin1.length - 'echo mine'.length)
        .equals(Buffer.concat([latin1, Buffer.from('echo mine')])),
    ).toBe(true);
    expect(after.includes(Buffer.from('/moved/bin.js'))).toBe(true);
    expect(statSync(hook).mode & 0o7777).toBe(0o700);
  });

  it('uninstall keeps an edited hook (only the block goes), and will not drop edits to restore a backup', async () => {
    const root = repo();
    const hook = join(root, '.git', 'hooks', 'pre-commit');
    await installHook({ cwd: root, ...BIN });
    writeFileSync(hook, Buffer.concat([readFileSync(hook), latin1]));
    expect((await uninstallHook({ cwd: root })).action).toBe('restored');
    expect(readFileSync(hook).equals(Buffer.concat([Buffer.from('#!/bin/sh\n'), latin1]))).toBe(true);

    const chained = repo();
    const other = join(chained, '.git', 'hooks', 'pre-commit');
    writeFileSync(other, '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    await installHook({ cwd: chained, ...BIN });
    const edited = Buffer.concat([readFileSync(other), latin1]);
    writeFileSync(other, edited);
    await expect(uninstallHook({ cwd: chained })).rejects.toThrow(/edited since tokenscope installed it/);
    expect(readFileSync(other).equals(edited)).toBe(true);
    expect(existsSync(`${other}${BACKUP_SUFFIX}`)).toBe(true);
  });

  it('a husky hook with non-UTF-8 bytes round-trips exactly; a symlinked husky hook is refused, not replaced', async () => {
    const root = repo();
    mkdirSync(join(root, '.husky'));
    const hook = join(root, '.husky', 'pre-commit');
    writeFileSync(hook, Buffer.concat([Buffer.from('npm test\n'), latin1]), { mode: 0o751 });
    const before = snapshot(hook);
    await installHook({ cwd: root, ...BIN });
    expect(readFileSync(hook).subarray(0, before.bytes.length).equals(before.bytes)).toBe(true);
    expect(statSync(hook).mode & 0o7777).toBe(0o751);
    await uninstallHook({ cwd: root });
    expect(snapshot(hook)).toEqual(before);

    const linked = repo();
    mkdirSync(join(linked, '.husky'));
    writeFileSync(join(linked, 'shared-hook'), 'npm test\n');
    symlinkSync('../shared-hook', join(linked, '.husky', 'pre-commit'));
    await expect(installHook({ cwd: linked, ...BIN })).rejects.toThrow(
      /is a symbolic link; refusing to write through it/,
    );
    expect(readFileSync(join(linked, 'shared-hook'), 'utf8')).toBe('npm test\n');
    expect(lstatSync(join(linked, '.husky', 'pre-commit')).isSymbolicLink()).toBe(true);
  });
});
