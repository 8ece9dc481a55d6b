// `scan --staged` and `scan --history`: flags → the git SourceProvider, plus the one-line progress
// display for long history scans (stderr, only on a terminal, erased when the scan ends).

import { resolve } from 'node:path';
import type { ScanOptions, ScanProgress } from '../../pipeline/scan.js';
import { historySource } from '../../sources/git-history.js';
import { stagedSource } from '../../sources/git-staged.js';
import { formatSize } from '../../util/format.js';
import type { CliIo } from '../io.js';
import type { ScanFlags } from './scan.js';

const REDRAW_MS = 100;

export interface GitScanSetup {
  /** Merged into the scan options (sources, onProgress); empty without --staged/--history. */
  options: Pick<ScanOptions, 'sources' | 'onProgress'>;
  /** Erases the progress line, if one was drawn. Safe to call more than once. */
  done: () => void;
}

function progressLine(io: CliIo): { show: (text: string) => void; clear: () => void } {
  let drawn = false;
  let last = 0;
  return {
    show(text) {
      const now = Date.now();
      if (now - last < REDRAW_MS) return;
      last = now;
      drawn = true;
      io.stderr(`\r\x1b[K${text}`);
    },
    clear() {
      if (drawn) io.stderr('\r\x1b[K');
      drawn = false;
    },
  };
}

/** A progress line only where a person watches: a terminal, not CI, not --quiet. */
function wantsProgress(io: CliIo, flags: Partial<ScanFlags>): boolean {
  const ci = io.env['CI'] !== undefined && io.env['CI'] !== '' && io.env['CI'] !== 'false';
  return io.isTTY.stderr && !ci && flags.quiet !== true;
}

/** Working-tree scans: files and bytes done, redrawn at most every REDRAW_MS. */
function workingTreeProgress(io: CliIo): GitScanSetup {
  const line = progressLine(io);
  return {
    options: {
      onProgress: (p: ScanProgress) => {
        if (p.phase === 'walk') line.show('tokenscope: listing files…');
        else if (p.phase === 'scan' && p.total > 0) {
          line.show(
            `tokenscope: scanning… ${p.done}/${p.total} files${p.bytes !== undefined ? `, ${formatSize(p.bytes)}` : ''}`,
          );
        }
      },
    },
    done: () => line.clear(),
  };
}

/** --staged never implies --verify: a hook runs offline, on every commit. */
export function gitScanSetup(io: CliIo, paths: string[], flags: Partial<ScanFlags>): GitScanSetup {
  const targets = paths.map((p) => resolve(io.cwd, p));
  if (flags.staged)
    return {
      options: {
        sources: stagedSource({
          full: flags.full === true,
          targets,
          ...(io.stagedRead ? { started: io.stagedRead } : {}),
        }),
      },
      done: () => undefined,
    };
  if (!flags.history)
    return wantsProgress(io, flags) ? workingTreeProgress(io) : { options: {}, done: () => undefined };
  const line = wantsProgress(io, flags) ? progressLine(io) : undefined;
  let commits = 0;
  return {
    options: {
      sources: historySource({
        ...(flags.since ? { since: flags.since } : {}),
        ...(flags.all ? { allRefs: true } : {}),
        ...(flags.until !== undefined ? { until: flags.until } : {}),
        targets,
        ...(line
          ? {
              onProgress: (p: { commits: number; blobs: number }) => {
                commits = p.commits;
                line.show(`tokenscope: reading history… ${p.commits} commits, ${p.blobs} blobs`);
              },
            }
          : {}),
      }),
      ...(line
        ? {
            onProgress: (p: ScanProgress) => {
              if (p.phase === 'scan' && p.total > 0)
                line.show(`tokenscope: scanning ${commits} commits… ${p.done}/${p.total} blobs`);
            },
          }
        : {}),
    },
    done: () => line?.clear(),
  };
}
