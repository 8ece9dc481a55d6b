// Phrases every report words the same way (terminal summary, job summary), and the fail-on test
// shared by the exit code and the reports that say what blocks.

import type { Finding, Level, ScanResult } from '../model/types.js';
import { plural } from '../util/format.js';

/** `1 error, 2 warnings, 0 notes`. */
export function levelCounts(stats: Pick<ScanResult['stats'], 'findingsByLevel'>): string {
  const by = stats.findingsByLevel;
  return `${plural(by.error, 'error')}, ${plural(by.warning, 'warning')}, ${plural(by.note, 'note')}`;
}

/** `3 files scanned (1.2 KB) from 4 commits`; `detail` goes in the parentheses, if given. */
export function filesScannedPhrase(
  stats: Pick<ScanResult['stats'], 'filesScanned' | 'commitsScanned'>,
  detail?: string,
): string {
  const commits = stats.commitsScanned !== undefined ? ` from ${plural(stats.commitsScanned, 'commit')}` : '';
  return `${plural(stats.filesScanned, 'file')} scanned${detail ? ` (${detail})` : ''}${commits}`;
}

/** Said in a report whose entries were capped: how many there were and how many are listed. */
export interface ReportTruncation {
  /** The cap: GitHub code scanning rejects a run with more than 25,000 results. */
  limit: number;
  /** Entries (SARIF results, JSON findings) the report would have held. */
  total: number;
  listed: number;
  /** Findings (occurrences) left out; in SARIF one result can carry several. */
  omittedFindings: number;
}

/** GitHub code scanning's limit on results in one run, applied to SARIF and JSON reports alike. */
export const REPORT_MAX_RESULTS = 25_000;

const LEVEL_RANK: Record<Level, number> = { note: 0, warning: 1, error: 2 };

/** Orders findings most severe first: unsuppressed before suppressed, then level, then security-severity. */
export function compareSeverity(
  a: Pick<Finding, 'level' | 'securitySeverity' | 'suppressed'>,
  b: Pick<Finding, 'level' | 'securitySeverity' | 'suppressed'>,
): number {
  return (
    (a.suppressed ? 1 : 0) - (b.suppressed ? 1 : 0) ||
    LEVEL_RANK[b.level] - LEVEL_RANK[a.level] ||
    b.securitySeverity - a.securitySeverity
  );
}

/**
 * The `limit` most severe of `items`, still in their given order (ties go to the earlier item),
 * or all of them when they fit.
 */
export function keepMostSevere<T>(items: readonly T[], limit: number, compare: (a: T, b: T) => number): T[] {
  if (items.length <= limit) return [...items];
  const order = items.map((_, i) => i).sort((i, j) => compare(items[i]!, items[j]!) || i - j);
  const kept = order.slice(0, Math.max(0, limit)).sort((i, j) => i - j);
  return kept.map((i) => items[i]!);
}

/** The summary line a capped report adds: `SARIF report: 25,000 of 30,000 results listed …`. */
export function truncationLine(format: string, t: ReportTruncation, unit: string): string {
  return `${format} report: the ${t.listed.toLocaleString('en-US')} most severe of ${t.total.toLocaleString('en-US')} ${unit}s listed (limit ${t.limit.toLocaleString('en-US')}; ${plural(t.omittedFindings, 'finding')} left out); the exit code counts all findings`;
}
