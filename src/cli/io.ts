// The CLI's input and output: what a command may touch (streams, environment, working folder)
// and how a report reaches a file or stdout. Commands import this, never cli/main.ts, so the
// command modules and the program that dispatches to them do not import each other.

import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { TokenscopeError } from '../util/errors.js';

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
}

export interface CliResult {
  exitCode: number;
}

/** Writes a report to a file (-o) or stdout (no -o, or `-o -`). */
export function emit(io: CliIo, text: string, output: string | undefined): void {
  if (output && output !== '-') {
    try {
      writeFileSync(resolve(io.cwd, output), text);
    } catch (error) {
      throw new TokenscopeError('E_IO', `${output}: cannot write the report (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  } else {
    io.stdout(text);
  }
}
