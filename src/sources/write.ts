// The files tokenscope writes itself (the baseline, the pre-commit hook, the Action's SARIF):
// always through a fresh temp file beside the target and a rename, so nothing ever reads half a
// file, and a failure leaves the old file as it was and no temp file behind. A write never
// follows a symlink (a committed `tokenscope.sarif -> /etc/…` must not redirect it) and never
// replaces anything but a regular file; a file that was there keeps its mode.

import { basename, dirname, join } from 'node:path';
import { chmodSync, lstatSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { TokenscopeError } from '../util/errors.js';

/**
 * What is at `target` now: nothing, or a regular file and its mode. Anything else (a symlink, a
 * folder, a device) is refused with one line, since writing there would act on another file.
 */
export function writableTarget(target: string): { mode?: number } {
  let stat;
  try {
    stat = lstatSync(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new TokenscopeError('E_IO', `${target}: cannot write (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (stat.isSymbolicLink())
    throw new TokenscopeError(
      'E_IO',
      `${target}: is a symbolic link; refusing to write through it (remove it or choose another path)`,
    );
  if (!stat.isFile()) throw new TokenscopeError('E_IO', `${target}: is not a regular file; refusing to replace it`);
  return { mode: stat.mode & 0o7777 };
}

/**
 * Replaces `target` with what `fill` creates at the temp path it is given. On failure: E_IO
 * `<target>: <failure> (<code>)`.
 */
export function replaceAtomically(target: string, fill: (temp: string) => void, failure: string): void {
  // A fresh name (the fill creates it exclusively): a planted temp symlink cannot be followed.
  const temp = join(
    dirname(target),
    `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tokenscope-tmp`,
  );
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
  /** The new file's mode (an existing file keeps its own unless `exactMode`); the umask applies unless `exactMode`. */
  mode: number;
  /** Set the mode as given, whatever the umask (a hook must stay executable). */
  exactMode?: boolean;
  /** What the error says went wrong (default "cannot write"). */
  failure?: string;
}

/**
 * Writes `content` to `path` atomically. Refuses a symlink or anything but a regular file at
 * `path`; an existing file keeps its mode (unless `exactMode` asks for `mode`).
 */
export function writeFileAtomic(path: string, content: string | Uint8Array, options: AtomicWriteOptions): void {
  const existing = writableTarget(path);
  const keep = existing.mode !== undefined && !options.exactMode;
  const mode = keep ? existing.mode! : options.mode;
  replaceAtomically(
    path,
    (temp) => {
      writeFileSync(temp, content, { mode, flag: 'wx' });
      if (options.exactMode || keep) chmodSync(temp, mode);
    },
    options.failure ?? 'cannot write',
  );
}
