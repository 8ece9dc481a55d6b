// Spawns the built CLI (dist/cli.cjs, package.json `bin`) the way a user and the hook run it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const BIN = join(import.meta.dirname, '..', '..', 'dist', 'cli.cjs');
/** The same bin as an ES module, which hooks installed before dist/cli.cjs existed still run. */
export const ESM_BIN = join(import.meta.dirname, '..', '..', 'dist', 'cli.js');

export function assertBuilt(): void {
  if (!existsSync(BIN)) throw new Error('dist/cli.cjs is missing: run `npm run build` (npm test does it)');
}

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

export function runCli(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string; timeout?: number } = {},
): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    encoding: 'utf8',
    input: options.input,
    timeout: options.timeout ?? 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
