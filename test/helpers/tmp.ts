// Temporary folders and git repositories for end-to-end tests.
import { execFileSync } from 'node:child_process';
import { afterAll } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { resolveConfig } from '../../src/config/load.js';
import type { ResolvedConfig } from '../../src/model/config.js';

export function tempDir(prefix = 'tokenscope-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function writeFiles(root: string, files: Record<string, string | Uint8Array>): void {
  for (const [path, content] of Object.entries(files)) {
    const abs = join(root, path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
}

/** The environment tests run git in: a fixed identity, no system or user config. */
export function gitEnv(cwd: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.invalid',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.invalid',
    GIT_CONFIG_NOSYSTEM: '1',
    HOME: cwd,
    ...extra,
  };
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: gitEnv(cwd),
  });
}

export function tempRepo(files: Record<string, string | Uint8Array> = {}): string {
  const root = tempDir('tokenscope-repo-');
  git(root, 'init', '-q', '-b', 'main');
  writeFiles(root, files);
  return root;
}

export function removeDir(path: string): void {
  rmSync(path, { recursive: true, force: true });
}

/** The configuration a repository without a .tokenscope.yaml gets, with `overrides` on top. */
export function defaultConfig(overrides: Partial<ResolvedConfig> = {}): ResolvedConfig {
  return { ...resolveConfig('.', '.', {}, {}), ...overrides };
}

/** `track(dir)` registers a temporary folder for removal after the file's tests; returns it. */
export function trackTempDirs(): <T extends string>(dir: T) => T {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach(removeDir));
  return (dir) => {
    dirs.push(dir);
    return dir;
  };
}
