// The CLI's input and output: what a command may touch (streams, environment, working folder)
// and how a report reaches a file or stdout. Commands import this, never cli/main.ts, so the
// command modules and the program that dispatches to them do not import each other.

import { closeSync, openSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { TokenscopeError } from '../util/errors.js';
import type { StartedStagedRead } from '../sources/git-staged-read.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stdout/stderr are terminals (colour, progress). */
  isTTY: { stdout: boolean; stderr: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Terminal width of stdout, when it is a terminal (text reports wrap to it). */
  columns?: number;
  /** Standard input, read to its end (`scan -`); absent where there is none. */
  readStdin?: () => Promise<Uint8Array>;
  /** `scan --staged`'s git work, when the bin started it before the CLI was loaded. */
  stagedRead?: StartedStagedRead;
}

export interface CliResult {
  exitCode: number;
}

/** Pieces of output are gathered up to this size before one write. */
const WRITE_BUFFER = 1 << 20;

/**
 * Writes a report to a file (-o) or stdout (no -o, or `-o -`). A report given in pieces is
 * written as it is produced, a megabyte at a time, so a large one is never one string.
 */
export function emit(io: CliIo, report: string | Iterable<string>, output: string | undefined): void {
  const chunks = typeof report === 'string' ? [report] : report;
  if (output && output !== '-') {
    let fd: number | undefined;
    try {
      fd = openSync(resolve(io.cwd, output), 'w');
      const target = fd;
      forEachBuffered(chunks, (text) => writeSync(target, text));
    } catch (error) {
      throw new TokenscopeError(
        'E_IO',
        `${output}: cannot write the report (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      );
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  } else {
    forEachBuffered(chunks, io.stdout);
  }
}

function forEachBuffered(chunks: Iterable<string>, write: (text: string) => void): void {
  let pending = '';
  for (const chunk of chunks) {
    pending += chunk;
    if (pending.length >= WRITE_BUFFER) {
      write(pending);
      pending = '';
    }
  }
  if (pending.length > 0) write(pending);
}
