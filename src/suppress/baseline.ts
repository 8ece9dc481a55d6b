// The baseline file: accepted findings by detector, keyed fingerprint and path. No line numbers
// (a moved secret stays accepted), no timestamps (no churn), sorted (clean merges). Written
// atomically (temp file + rename) and merged with what was there, so entries are never lost
// except by --prune-baseline.

import { TokenscopeError } from '../util/errors.js';
import { writeFileAtomic } from '../sources/write.js';
import { parseDocument, readDocument, validateDocument } from '../util/document.js';

export interface BaselineEntry {
  ruleId: string;
  path: string;
  fingerprint: string;
  reason?: string;
}

export interface Baseline {
  version: 1;
  findings: BaselineEntry[];
}

export function baselineKey(entry: Pick<BaselineEntry, 'ruleId' | 'path' | 'fingerprint'>): string {
  return `${entry.ruleId}\0${entry.path}\0${entry.fingerprint}`;
}

export function readBaseline(path: string): Baseline {
  const read = readDocument(path, 'baseline');
  if ('error' in read) throw new TokenscopeError('E_BASELINE', read.error);
  const parsed = parseDocument(read.text, path, 'json');
  if ('error' in parsed) throw new TokenscopeError('E_BASELINE', parsed.error);
  const lines = validateDocument(parsed.document, 'baseline.schema.json', path);
  if (lines.length > 0) throw new TokenscopeError('E_BASELINE', `${path}: invalid baseline`, lines);
  return parsed.document as Baseline;
}

function compareEntries(a: BaselineEntry, b: BaselineEntry): number {
  return (
    a.path.localeCompare(b.path, 'en') ||
    a.ruleId.localeCompare(b.ruleId, 'en') ||
    a.fingerprint.localeCompare(b.fingerprint, 'en')
  );
}

/** Serializes deterministically: sorted, one entry per line block, trailing newline. */
export function formatBaseline(entries: readonly BaselineEntry[]): string {
  const unique = new Map<string, BaselineEntry>();
  for (const entry of entries) {
    const key = baselineKey(entry);
    const previous = unique.get(key);
    unique.set(key, {
      ruleId: entry.ruleId,
      path: entry.path,
      fingerprint: entry.fingerprint,
      ...((entry.reason ?? previous?.reason) ? { reason: entry.reason ?? previous?.reason } : {}),
    });
  }
  const findings = [...unique.values()].sort(compareEntries);
  return `${JSON.stringify({ version: 1, findings }, null, 2)}\n`;
}

/** Writes a baseline atomically (temp file beside it, then rename), mode 0644 less the umask. */
export function writeBaselineFile(path: string, content: string): void {
  writeFileAtomic(path, content, { mode: 0o644 });
}

/**
 * Rewrites the baseline at `path` without the given stale entries (atomically, keeping every
 * other entry and its reason). Returns how many entries were removed.
 */
export function pruneBaselineFile(
  path: string,
  stale: ReadonlyArray<Pick<BaselineEntry, 'ruleId' | 'path' | 'fingerprint'>>,
): number {
  const current = readBaseline(path);
  const drop = new Set(stale.map(baselineKey));
  const kept = current.findings.filter((e) => !drop.has(baselineKey(e)));
  const removed = current.findings.length - kept.length;
  if (removed > 0) writeBaselineFile(path, formatBaseline(kept));
  return removed;
}
