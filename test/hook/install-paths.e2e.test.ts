// Paths in installed hooks, the way a user meets them. A husky hook is committed, so it must work
// on a fresh clone at another path (no machine paths in it); a git hook under .git/ and the agent
// guard's hook in the user's settings stay on this machine and name absolute paths, quoted, so a
// folder with a space in its name still runs. core.hooksPath outside the repository is a warning.

import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, assertBuilt, runCli } from '../helpers/run-cli.js';
import { git, tempDir, tempRepo, trackTempDirs, writeFiles } from '../helpers/tmp.js';
import { githubPat } from '../helpers/tokens.js';

const ROOT = join(import.meta.dirname, '..', '..');
const track = trackTempDirs();
beforeAll(assertBuilt);

/** git commit with the test identity, as a user would run it (hooks run). */
function commit(dir: string, message: string): { status: number; output: string } {
  const run = spawnSync('git', ['commit', '-q', '-m', message], {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'T',
      GIT_AUTHOR_EMAIL: 't@example.invalid',
      GIT_COMMITTER_NAME: 'T',
      GIT_COMMITTER_EMAIL: 't@example.invalid',
      NO_COLOR: '1',
    },
  });
  return { status: run.status ?? -1, output: run.stdout + run.stderr };
}

describe('husky: the committed hook works on another clone', () => {
  it('a clone at another path, with tokenscope in its node_modules, blocks a token and lets a clean commit through', () => {
    const origin = track(tempRepo({ 'README.md': '# app\n', '.husky/.gitkeep': '' }));
    git(origin, 'config', 'core.hooksPath', '.husky');
    const installed = runCli(['hook', 'install'], { cwd: origin });
    expect(installed.status, installed.stderr).toBe(0);
    const hook = readFileSync(join(origin, '.husky', 'pre-commit'), 'utf8');
    expect(hook.includes(ROOT)).toBe(false);
    expect(hook.includes(process.execPath)).toBe(false);
    git(origin, 'add', '-A');
    git(origin, 'commit', '-q', '--no-verify', '-m', 'husky hook');

    // Another machine: a clone elsewhere, `npm install` puts tokenscope in node_modules/.bin.
    const clone = join(track(tempDir('tokenscope-other-clone-')), 'app');
    git(origin, 'clone', '-q', origin, clone);
    git(clone, 'config', 'core.hooksPath', '.husky');
    mkdirSync(join(clone, 'node_modules', '.bin'), { recursive: true });
    writeFiles(clone, { 'node_modules/.bin/tokenscope': `#!/bin/sh\nexec '${process.execPath}' '${BIN}' "$@"\n` });
    execFileSync('chmod', [
      '+x',
      join(clone, 'node_modules', '.bin', 'tokenscope'),
      join(clone, '.husky', 'pre-commit'),
    ]);
    writeFiles(clone, { '.gitignore': 'node_modules/\n', 'deploy.env': `GITHUB_TOKEN=${githubPat()}\n` });
    git(clone, 'add', '-A');
    const blocked = commit(clone, 'token');
    expect(blocked.status).toBe(1);
    expect(blocked.output).toMatch(/deploy\.env/);
    expect(blocked.output).toMatch(/github\.classic-pat/);
    expect(git(clone, 'rev-list', '--count', 'HEAD').trim()).toBe('1');
    git(clone, 'rm', '-q', '--cached', 'deploy.env');
    writeFiles(clone, { 'notes.md': 'nothing secret\n' });
    git(clone, 'add', 'notes.md', '.gitignore');
    expect(commit(clone, 'clean').status).toBe(0);
  });
});

describe('hooks that stay on this machine name absolute paths, quoted', () => {
  it('a git hook installed from a folder with a space in its name runs and blocks a token', () => {
    const spaced = join(track(tempDir('tokenscope-spaced-')), 'my tools');
    mkdirSync(spaced, { recursive: true });
    const node = join(spaced, 'node bin');
    symlinkSync(process.execPath, node);
    const dir = track(tempRepo({ 'README.md': '# app\n' }));
    // The library call the CLI makes, with this machine's node and CLI paths given explicitly.
    const script = `import { installHook } from ${JSON.stringify(join(ROOT, 'dist', 'hook', 'install.js'))}; await installHook({ cwd: process.argv[1], nodePath: process.argv[2], binPath: process.argv[3] });`;
    execFileSync(process.execPath, ['--input-type=module', '-e', script, dir, node, BIN]);
    const hook = readFileSync(join(dir, '.git', 'hooks', 'pre-commit'), 'utf8');
    expect(hook).toContain(`'${node}' '${BIN}' scan --staged`);
    writeFiles(dir, { 'deploy.env': `GITHUB_TOKEN=${githubPat()}\n` });
    git(dir, 'add', '-A');
    expect(commit(dir, 'token').status).toBe(1);
  });

  it('the guard hook in the agent settings names node and the guard bundle absolutely, quoted when a path has a space', () => {
    const pkg = join(track(tempDir('tokenscope-guard-pkg-')), 'tokenscope copy');
    for (const part of ['dist', 'detectors', 'schemas', 'package.json'])
      cpSync(join(ROOT, part), join(pkg, part), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'));
    const repo = track(tempRepo());
    const home = track(tempDir('tokenscope-guard-home-'));
    const env = { ...process.env, HOME: home, XDG_STATE_HOME: join(home, '.state'), NO_COLOR: '1' };
    const install = spawnSync(
      process.execPath,
      [join(pkg, 'dist', 'cli.js'), 'guard', 'install', '--agent', 'claude-code'],
      { cwd: repo, env, encoding: 'utf8' },
    );
    expect(install.status, install.stderr).toBe(0);
    const settings = JSON.parse(readFileSync(join(repo, '.claude', 'settings.json'), 'utf8')) as {
      hooks: Record<string, Array<{ hooks: Array<{ command: string }> }>>;
    };
    const commands = Object.values(settings.hooks).flatMap((groups) =>
      groups.flatMap((g) => g.hooks.map((h) => h.command)),
    );
    expect(commands.length).toBeGreaterThan(0);
    for (const command of commands) expect(command).toContain(`'${join(pkg, 'dist', 'guard.js')}' --agent claude-code`);
    // The agent runs the command through a shell: it must start and answer a harmless call.
    const event = JSON.stringify({
      hook_event_name: 'PreToolUse',
      tool_name: 'Bash',
      tool_input: { command: 'ls' },
      cwd: repo,
      session_id: 's',
    });
    const ran = spawnSync('sh', ['-c', commands[0]!], { cwd: repo, env, input: event, encoding: 'utf8' });
    expect(ran.status, ran.stderr).toBe(0);
  });
});

describe('core.hooksPath outside the repository', () => {
  it('hook install warns on stderr that the folder is shared with other repositories', () => {
    const dir = track(tempRepo({ 'a.txt': 'x\n' }));
    const shared = track(tempDir('tokenscope-shared-hooks-'));
    git(dir, 'config', 'core.hooksPath', shared);
    const run = runCli(['hook', 'install'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(
      /^warning: core\.hooksPath points outside this repository \(.*\): the hook goes there and runs for every repository that uses that folder$/m,
    );
  });
});
