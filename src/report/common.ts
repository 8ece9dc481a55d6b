// Phrases every report words the same way (terminal summary, job summary), and the fail-on test
// shared by the exit code and the reports that say what blocks.

import type { ScanResult } from '../model/types.js';
import { plural } from '../util/format.js';

/** `1 error, 2 warnings, 0 notes`. */
export function levelCounts(stats: Pick<ScanResult['stats'], 'findingsByLevel'>): string {
  const by = stats.findingsByLevel;
  return `${plural(by.error, 'error')}, ${plural(by.warning, 'warning')}, ${plural(by.note, 'note')}`;
}

/** `3 files scanned (1.2 KB) from 4 commits`; `detail` goes in the parentheses, if given. */
export function filesScannedPhrase(stats: Pick<ScanResult['stats'], 'filesScanned' | 'commitsScanned'>, detail?: string): string {
  const commits = stats.commitsScanned !== undefined ? ` from ${plural(stats.commitsScanned, 'commit')}` : '';
  return `${plural(stats.filesScanned, 'file')} scanned${detail ? ` (${detail})` : ''}${commits}`;
}


