// A reader that stops early (`tokenscope detectors | head -1`, `scan … | head`) closes the pipe:
// that is no crash, prints no stack trace, and the command keeps its own exit code.
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, BIN } from '../helpers/run-cli.js';
import { tempRepo, trackTempDirs } from '../helpers/tmp.js';
import { githubPat } from '../helpers/tokens.js';

beforeAll(assertBuilt);
const track = trackTempDirs();

function piped(args: string[], cwd?: string): { status: string; stderr: string } {
  const quoted = args.map((a) => `'${a}'`).join(' ');
  const run = spawnSync(
    'bash',
    ['-c', `'${process.execPath}' '${BIN}' ${quoted} | head -c 64 >/dev/null; echo "\${PIPESTATUS[0]}"`],
    { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
  );
  return { status: run.stdout.trim(), stderr: run.stderr };
}

describe('a closed standard output', () => {
  it('`detectors | head` exits 0 with nothing on stderr', () => {
    const run = piped(['detectors']);
    expect(run.status).toBe('0');
    expect(run.stderr).toBe('');
  });

  it('`scan --format json | head` still exits 1 for its findings, without a stack trace', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 200; i++) files[`src/f${i}.env`] = `GITHUB_TOKEN=${githubPat()}\n`;
    const dir = track(tempRepo(files));
    const run = piped(['scan', '.', '--format', 'json', '--quiet'], dir);
    expect(run.status).toBe('1');
    expect(run.stderr.includes('    at ')).toBe(false);
  });
});
