// The files tokenscope writes itself (the baseline, the pre-commit hook): always through a temp
// file beside the target and a rename, so nothing ever reads half a file, and a failure leaves
// the old file as it was and no temp file behind.

import { basename, dirname, join } from 'node:path';
import { chmodSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { TokenscopeError } from '../errors.js';

/**
 * Replaces `target` with what `fill` creates at the temp path it is given. On failure: E_IO
 * `<target>: <failure> (<code>)`.
 */
export function replaceAtomically(target: string, fill: (temp: string) => void, failure: string): void {
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tokenscope-tmp`);
  try {
    fill(temp);
    renameSync(temp, target);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // nothing to clean up
    }
    throw new TokenscopeError('E_IO', `${target}: ${failure} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

export interface AtomicWriteOptions {
  /** The new file's mode; the umask applies unless `exactMode`. */
  mode: number;
  /** Set the mode as given, whatever the umask (a hook must stay executable). */
  exactMode?: boolean;
  /** What the error says went wrong (default "cannot write"). */
  failure?: string;
}

/** Writes `content` to `path` atomically. */
export function writeFileAtomic(path: string, content: string | Uint8Array, options: AtomicWriteOptions): void {
  replaceAtomically(
    path,
    (temp) => {
      writeFileSync(temp, content, { mode: options.mode });
      if (options.exactMode) chmodSync(temp, options.mode);
    },
    options.failure ?? 'cannot write',
  );
}
