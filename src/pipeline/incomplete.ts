// One notion of an incomplete scan: the skips that leave the answer open and the files examined
// only in part, counted by kind with the first few paths of each (docs/incomplete-scans.md).

import { plural } from '../util/format.js';
import type { IncompleteKind, IncompleteReason, SkippedFile } from '../model/types.js';

/** Skips that leave the answer open (the file may hold a secret); the others are choices. */
export const INCOMPLETE_SKIPS: Partial<Record<SkippedFile['reason'], IncompleteKind>> = {
  unreadable: 'unreadable',
  'missing-blob': 'missing-blob',
};

const INCOMPLETE_MESSAGES: Record<IncompleteKind, (n: number) => string> = {
  unreadable: (n) => `${n} ${n === 1 ? 'file or folder' : 'files or folders'} could not be read`,
  'missing-blob': (n) => `${plural(n, 'git object')} not present locally (partial clone) and not fetched`,
  'detection-failed': (n) => `detection failed on ${plural(n, 'file')}`,
  'decode-failed': (n) => `a token decoder failed in ${plural(n, 'file')}; scope shown is the detector default`,
  'finding-limit': (n) => `${plural(n, 'file')} held more findings than are listed`,
  'time-budget': (n) =>
    `${plural(n, 'file')} took longer than the per-file time budget and ${n === 1 ? 'was' : 'were'} not searched to the end`,
};

/** Incomplete reasons by kind, with the first few paths of each. */
export class IncompleteTally {
  private readonly byKind = new Map<IncompleteKind, { count: number; paths: string[] }>();

  add(kind: IncompleteKind, path: string): void {
    let entry = this.byKind.get(kind);
    if (!entry) this.byKind.set(kind, (entry = { count: 0, paths: [] }));
    entry.count++;
    if (entry.paths.length < 10) entry.paths.push(path);
  }

  reasons(): IncompleteReason[] {
    return [...this.byKind].map(([kind, { count, paths }]) => ({
      kind,
      count,
      message: INCOMPLETE_MESSAGES[kind](count),
      paths: paths.sort(),
    }));
  }
}
