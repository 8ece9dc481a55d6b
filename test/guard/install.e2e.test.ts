// `tokenscope guard install|uninstall`: merges into the agent's settings keeping everything else,
// installs once, and uninstall leaves the file byte for byte (or removes a file install created).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assertBuilt, runCli } from '../helpers/run-cli.js';
import { removeDir, tempDir, tempRepo, writeFiles } from '../helpers/tmp.js';

let repo: string;
let home: string;

beforeEach(() => {
  assertBuilt();
  repo = tempRepo();
  home = tempDir('tokenscope-guard-install-home-');
});

afterEach(() => {
  removeDir(repo);
  removeDir(home);
});

const env = (): NodeJS.ProcessEnv => ({ HOME: home, XDG_STATE_HOME: join(home, '.state') });
const cli = (...args: string[]) => runCli(['guard', ...args], { cwd: repo, env: env() });

// Odd but valid formatting: tabs, a trailing space, no final newline. Must come back exactly.
const CLAUDE_SETTINGS =
  '{\n\t"permissions": { "allow": ["Bash(npm test)"] },\n\t"hooks": {\n\t\t"PreToolUse": [ { "matcher": "Write", "hooks": [ { "type": "command", "command": "./format.sh" } ] } ]\n\t},  \n\t"model": "opus"\n}';

describe('guard install / uninstall', () => {
  it('claude-code: keeps every hook and setting, installs once, uninstall restores byte for byte', () => {
    writeFiles(repo, { '.claude/settings.json': CLAUDE_SETTINGS });
    const path = join(repo, '.claude', 'settings.json');
    const first = cli('install', '--agent', 'claude-code');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('installed');
    const installed = JSON.parse(readFileSync(path, 'utf8'));
    expect(installed.model).toBe('opus');
    expect(installed.permissions.allow).toEqual(['Bash(npm test)']);
    expect(installed.hooks.PreToolUse).toHaveLength(2);
    expect(installed.hooks.PreToolUse[0].hooks[0].command).toBe('./format.sh');
    const ours = installed.hooks.PreToolUse[1];
    expect(ours.matcher).toContain('Bash');
    expect(ours.matcher).toContain('mcp__');
    expect(ours.hooks[0].type).toBe('command');
    expect(ours.hooks[0].command).toMatch(/guard\.js.* --agent claude-code$/);
    expect(installed.hooks.UserPromptSubmit).toHaveLength(1);

    const afterFirst = readFileSync(path);
    expect(cli('install', '--agent', 'claude-code').stdout).toContain('already installed');
    expect(readFileSync(path).equals(afterFirst)).toBe(true);

    expect(cli('uninstall', '--agent', 'claude-code').status).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(CLAUDE_SETTINGS);
  });

  it('removes a settings file install created', () => {
    const path = join(repo, '.claude', 'settings.json');
    cli('install', '--agent', 'claude-code');
    expect(existsSync(path)).toBe(true);
    cli('uninstall', '--agent', 'claude-code');
    expect(existsSync(path)).toBe(false);
  });

  it('takes out only its own entries when the file changed after install', () => {
    writeFiles(repo, { '.claude/settings.json': CLAUDE_SETTINGS });
    const path = join(repo, '.claude', 'settings.json');
    cli('install', '--agent', 'claude-code');
    const doc = JSON.parse(readFileSync(path, 'utf8'));
    doc.env = { FOO: '1' };
    writeFiles(repo, { '.claude/settings.json': JSON.stringify(doc, null, 2) });
    expect(cli('uninstall', '--agent', 'claude-code').stdout).toContain('only the guard');
    const after = JSON.parse(readFileSync(path, 'utf8'));
    expect(after.env).toEqual({ FOO: '1' });
    expect(after.hooks.PreToolUse).toEqual([
      { matcher: 'Write', hooks: [{ type: 'command', command: './format.sh' }] },
    ]);
    expect(after.hooks.UserPromptSubmit).toBeUndefined();
  });

  it('cursor: merges into .cursor/hooks.json with version 1 and restores it', () => {
    const original =
      '{\n  "version": 1,\n  "hooks": {\n    "afterFileEdit": [{ "command": "./hooks/format.sh" }]\n  }\n}\n';
    writeFiles(repo, { '.cursor/hooks.json': original });
    const path = join(repo, '.cursor', 'hooks.json');
    cli('install', '--agent', 'cursor');
    const doc = JSON.parse(readFileSync(path, 'utf8'));
    expect(doc.version).toBe(1);
    expect(doc.hooks.afterFileEdit).toEqual([{ command: './hooks/format.sh' }]);
    for (const event of ['beforeShellExecution', 'beforeReadFile', 'beforeMCPExecution', 'beforeSubmitPrompt']) {
      expect(doc.hooks[event]).toHaveLength(1);
      expect(doc.hooks[event][0].command).toMatch(/--agent cursor$/);
    }
    cli('install', '--agent', 'cursor');
    expect(JSON.parse(readFileSync(path, 'utf8')).hooks.beforeShellExecution).toHaveLength(1);
    cli('uninstall', '--agent', 'cursor');
    expect(readFileSync(path, 'utf8')).toBe(original);
  });

  it('gemini and --user write to the documented places', () => {
    cli('install', '--agent', 'gemini');
    const gemini = JSON.parse(readFileSync(join(repo, '.gemini', 'settings.json'), 'utf8'));
    expect(gemini.hooks.BeforeTool[0].matcher).toContain('run_shell_command');
    expect(gemini.hooks.BeforeTool[0].hooks[0].command).toMatch(/--agent gemini$/);
    cli('install', '--agent', 'claude-code', '--user');
    expect(existsSync(join(home, '.claude', 'settings.json'))).toBe(true);
    cli('uninstall', '--agent', 'claude-code', '--user');
    expect(existsSync(join(home, '.claude', 'settings.json'))).toBe(false);
  });

  it('refuses a settings file that is not JSON, naming it, and leaves it alone', () => {
    writeFiles(repo, { '.claude/settings.json': '{ not json' });
    const run = cli('install', '--agent', 'claude-code');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('settings.json');
    expect(readFileSync(join(repo, '.claude', 'settings.json'), 'utf8')).toBe('{ not json');
  });

  it('the installed command answers hook events', () => {
    cli('install', '--agent', 'claude-code');
    const doc = JSON.parse(readFileSync(join(repo, '.claude', 'settings.json'), 'utf8'));
    const command: string = doc.hooks.PreToolUse[0].hooks[0].command;
    expect(command).toContain(process.execPath.split('/').pop()!);
  });
});
