// Progress in a real terminal: tmux runs the CLI on a pseudo-terminal, its output is logged with
// pipe-pane, and the test checks that a working-tree scan drew a progress line on stderr and
// erased it (the final screen holds the summary only), while the same scan piped draws none.
// Skipped without tmux.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, assertBuilt } from '../helpers/run-cli.js';
import { tempDir, writeFiles } from '../helpers/tmp.js';

const haveTmux = spawnSync('tmux', ['-V']).status === 0;
const session = `tokenscope-test-${process.pid}`;

function tmux(...args: string[]): string {
  return execFileSync('tmux', ['-L', session, ...args], { encoding: 'utf8' });
}

async function waitFor(file: string, marker: string, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (existsSync(file) && readFileSync(file, 'utf8').includes(marker)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

describe.skipIf(!haveTmux)('progress on a terminal', () => {
  const dir = tempDir('tokenscope-tty-');
  const tree = join(dir, 'tree');
  const log = join(dir, 'pane.log');

  beforeAll(() => {
    assertBuilt();
    const files: Record<string, string> = {};
    for (let i = 0; i < 600; i++) files[`pkg/f${i}.js`] = `export const v${i} = ${i};\n`.repeat(200);
    writeFiles(tree, files);
  });

  afterAll(() => {
    spawnSync('tmux', ['-L', session, 'kill-server']);
    rmSync(dir, { recursive: true, force: true });
  });

  it('draws files done on stderr while scanning, then erases it', async () => {
    const command = `sleep 0.5; env -u CI node ${BIN} scan ${tree}; echo DONE-$?; sleep 30`;
    tmux('new-session', '-d', '-s', 'a', '-x', '160', '-y', '40', command);
    tmux('pipe-pane', '-t', 'a', '-o', `cat >> ${log}`);
    expect(await waitFor(log, 'DONE-0', 60_000)).toBe(true);
    const raw = readFileSync(log, 'utf8');
    expect(raw).toMatch(/tokenscope: (listing files|scanning… \d+\/600 files)/);
    const screen = tmux('capture-pane', '-p', '-t', 'a');
    expect(screen).toMatch(/600 files scanned/);
    expect(screen).not.toContain('scanning…');
  }, 90_000);

  it('draws nothing when piped', async () => {
    const out = join(dir, 'piped.txt');
    tmux(
      'new-session',
      '-d',
      '-s',
      'b',
      '-x',
      '160',
      '-y',
      '40',
      `env -u CI node ${BIN} scan ${tree} > ${out} 2>&1; echo PIPED-DONE > ${out}.done; sleep 30`,
    );
    expect(await waitFor(`${out}.done`, 'PIPED-DONE', 60_000)).toBe(true);
    const text = readFileSync(out, 'utf8');
    expect(text).toMatch(/600 files scanned/);
    expect(text).not.toContain('scanning…');
  }, 90_000);
});
