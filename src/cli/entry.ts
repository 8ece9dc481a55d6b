// The process side of the command line: argv in, stdout/stderr out, exit code set. The bin
// (src/bin.ts) loads this module's bundle (dist/cli-bundle.cjs) and calls run(); nothing else
// here touches `process`.
import type { StartedStagedRead } from '../sources/git-staged-read.js';
import { readAll } from '../sources/stdin.js';
import { main } from './main.js';

/** Work the bin started before this bundle was loaded. */
export interface Launch {
  stagedRead?: StartedStagedRead;
}

export function run(argv: string[], launch: Launch = {}): Promise<void> {
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

  return main(argv, {
    stdout: (text) => {
      if (!stdoutGone) process.stdout.write(text);
    },
    stderr: (text) => process.stderr.write(text),
    isTTY: { stdout: process.stdout.isTTY === true, stderr: process.stderr.isTTY === true },
    env: process.env,
    cwd: process.cwd(),
    ...(process.stdout.isTTY && process.stdout.columns ? { columns: process.stdout.columns } : {}),
    readStdin: () => readAll(process.stdin),
    ...(launch.stagedRead ? { stagedRead: launch.stagedRead } : {}),
  }).then((result) => {
    process.exitCode = result.exitCode;
  });
}
