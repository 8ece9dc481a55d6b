#!/usr/bin/env node
// The only file that touches the process: argv in, stdout/stderr out, exit code set.
import { main } from './cli/main.js';
import { readAll } from './sources/stdin.js';
import { setFlagsFromString } from 'node:v8';

// V8 lets a heap grow to several times what survived the last full collection before collecting
// again; a scan's garbage is mostly file texts it is done with, so that headroom was ~150 MB of
// peak RSS per worker on the perf corpus. 30 % headroom: 390 → 250 MB with two workers, no
// measurable CPU cost (docs/performance.md). Only the CLI's own process: a library caller's heap
// is not ours to tune.
setFlagsFromString('--heap-growing-percent=30');

process.on('unhandledRejection', (error) => {
  process.stderr.write(
    `tokenscope: internal error: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`,
  );
  process.exitCode = 2;
});

// A reader that went away (`tokenscope detectors | head`) is not a crash: the rest of the report
// is dropped and the command still finishes with its own exit code.
let stdoutGone = false;
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') {
    stdoutGone = true;
    return;
  }
  process.stderr.write(`tokenscope: cannot write to standard output (${error.code ?? 'error'})\n`);
  process.exit(2);
});

const result = await main(process.argv.slice(2), {
  stdout: (text) => {
    if (!stdoutGone) process.stdout.write(text);
  },
  stderr: (text) => process.stderr.write(text),
  isTTY: { stdout: process.stdout.isTTY === true, stderr: process.stderr.isTTY === true },
  env: process.env,
  cwd: process.cwd(),
  ...(process.stdout.isTTY && process.stdout.columns ? { columns: process.stdout.columns } : {}),
  readStdin: () => readAll(process.stdin),
});
process.exitCode = result.exitCode;
