// The `scan --history` source: every blob reachable from HEAD (or new since REV), each scanned
// once, attributed to the first commit that introduced it. A secret deleted in a later commit is
// still a leak: it stays in the history anyone with a clone can read.

import type { ResolvedConfig } from '../model/config.js';
import { usageError } from '../util/errors.js';
import type { SourceProvider, CommitInfo, Notice, SkippedFile, SourceFile } from '../model/types.js';
import {
  batchCheck,
  type BlobInfo,
  gitToplevel,
  nulSplitter,
  RawParser,
  readBlobs,
  resolveCommit,
  streamGit,
} from './git.js';
import { gitPathFilter } from './git-paths.js';
import { isBinaryContent, tooLargeDetail } from './read.js';

export interface HistorySourceOptions {
  /** Only commits after this revision (REV..HEAD). */
  since?: string;
  /** Every ref (branches, tags, remotes, stash), not only HEAD: `git log --all`. */
  allRefs?: boolean;
  /** Only commits made (committer date) at or before this date, as git's `--until` reads it. */
  until?: string;
  /** Absolute PATH arguments: only history under these paths. */
  targets?: string[];
  /** Progress while history is read (commits and blobs so far), before scanning starts. */
  onProgress?: (progress: { commits: number; blobs: number }) => void;
}

/** Marks a commit header in the log stream; a raw line never starts with it. */
const COMMIT_MARK = '\x01';

interface BlobSighting {
  blob: string;
  path: string;
  mode: string;
  commit: CommitInfo;
}

/**
 * One `git log` pass, oldest first, with every commit's raw diff (merges against each parent, so
 * a blob that only a merge resolution introduced is seen too), deduplicated by blob id.
 */
export async function listHistoryBlobs(
  toplevel: string,
  range: string | readonly string[],
  pathspecs: readonly string[],
  onProgress?: HistorySourceOptions['onProgress'],
): Promise<{ blobs: BlobSighting[]; commits: number }> {
  const seen = new Map<string, BlobSighting>();
  const commits = new Set<string>();
  let commit: CommitInfo | undefined;
  const raw = new RawParser();
  let lastReport = 0;
  const split = nulSplitter((record) => {
    const entry = raw.feed(record);
    if (entry === undefined) return;
    if (entry === 'other') {
      const text = record.toString('utf8').replace(/^\n/, '');
      if (!text.startsWith(COMMIT_MARK)) return;
      const [sha, date, ...author] = text.slice(1).split(' ');
      if (!sha) return;
      commit = { sha, ...(date ? { date } : {}), ...(author.length > 0 ? { author: author.join(' ') } : {}) };
      commits.add(sha);
      if (onProgress && commits.size - lastReport >= 200) {
        lastReport = commits.size;
        onProgress({ commits: commits.size, blobs: seen.size });
      }
      return;
    }
    if (!commit || entry.status === 'D' || seen.has(entry.dstBlob) || /^0+$/.test(entry.dstBlob)) return;
    seen.set(entry.dstBlob, {
      blob: entry.dstBlob,
      path: entry.path,
      mode: entry.dstMode,
      commit: { ...commit, blob: entry.dstBlob },
    });
  });
  await streamGit(
    [
      'log',
      '--reverse',
      '--raw',
      '--no-abbrev',
      '--no-renames',
      '--root',
      '-m',
      '-z',
      '--no-color',
      // log.showSignature would put gpg lines into the stream.
      '--no-show-signature',
      `--format=${COMMIT_MARK}%H %cI %an`,
      ...(typeof range === 'string' ? [range] : range),
      '--',
      ...pathspecs,
    ],
    { cwd: toplevel },
    (chunk) => split.push(chunk),
  );
  split.end();
  onProgress?.({ commits: commits.size, blobs: seen.size });
  return { blobs: [...seen.values()], commits: commits.size };
}

/**
 * A calendar date, optionally with a time and zone (ISO 8601). git's own date parser accepts
 * almost anything ("last tuesday", a typo read as now), so a mistyped date would silently widen
 * or narrow the scan; only unambiguous forms are let through.
 */
export function isHistoryDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return false;
  return m[4] === undefined || (Number(m[4]) < 24 && Number(m[5]) < 60 && (m[6] === undefined || Number(m[6]) < 60));
}

/**
 * Blob bytes read per `git cat-file --batch` run. The first group comes back as `files`, the rest
 * as `later`: each is analysed and let go while the next is read, so a scan holds about two
 * groups of blobs (and the first), not the whole history.
 */
export const GROUP_BYTES = 16 * 1024 * 1024;

/** Splits ids into runs of at most `limit` bytes (a larger blob is a group of its own). */
export function groupBySize(ids: readonly string[], sizeOf: (id: string) => number, limit: number): string[][] {
  const groups: string[][] = [];
  let current: string[] = [];
  let bytes = 0;
  for (const id of ids) {
    const size = sizeOf(id);
    if (current.length > 0 && bytes + size > limit) {
      groups.push(current);
      current = [];
      bytes = 0;
    }
    current.push(id);
    bytes += size;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** The bytes of these blobs, as batch-check reported them. */
export function sizeSum(ids: readonly string[], sizes: ReadonlyMap<string, BlobInfo>): number {
  let bytes = 0;
  for (const id of ids) {
    const info = sizes.get(id);
    if (info && !('missing' in info)) bytes += info.size;
  }
  return bytes;
}

/** Reads each group in turn, the next one while the consumer works on the current one. */
export async function* prefetching<T>(
  groups: readonly string[][],
  read: (ids: readonly string[]) => Promise<T>,
): AsyncGenerator<T> {
  let next = groups.length > 0 ? read(groups[0]!) : undefined;
  for (let i = 0; i < groups.length; i++) {
    const current = next!;
    next = i + 1 < groups.length ? read(groups[i + 1]!) : undefined;
    // Handled here too: if the consumer stops early, a failed read ahead is not an unhandled rejection.
    next?.catch(() => undefined);
    yield await current;
  }
}

export function historySource(options: HistorySourceOptions = {}): SourceProvider {
  // A leading dash would reach git as an option.
  if (options.since?.startsWith('-')) throw usageError(`--since: not a revision (received "${options.since}")`);
  if (options.until !== undefined && !isHistoryDate(options.until)) {
    throw usageError(
      `--until: expected a date such as 2024-06-30 or 2024-06-30T12:00:00Z (received "${options.until}")`,
    );
  }
  return {
    partial: true,
    async collect(root: string, config: ResolvedConfig) {
      const toplevel = await gitToplevel(root);
      const notices: Notice[] = [];
      // With --all a repository whose HEAD is unborn may still have other branches.
      if (!options.allRefs && (await resolveCommit(toplevel, 'HEAD')) === undefined) {
        notices.push({ level: 'info', message: 'HEAD has no commits yet: no history to scan' });
        return { files: [], skipped: [], notices, commits: 0 };
      }
      const range: string[] = [options.allRefs ? '--all' : 'HEAD'];
      if (options.since) {
        const since = await resolveCommit(toplevel, options.since);
        if (since === undefined) throw usageError(`--since: unknown revision "${options.since}" in ${toplevel}`);
        range.push(`^${since}`);
      }
      // git reads a bare date as that day at the current time of day: make it the whole day.
      if (options.until !== undefined)
        range.push(
          `--until=${/^\d{4}-\d{2}-\d{2}$/.test(options.until) ? `${options.until} 23:59:59` : options.until}`,
        );
      const filter = gitPathFilter(toplevel, root, config, options.targets);
      // Pathspecs narrow the log itself; the filter still applies excludes and maps paths.
      const pathspecs = (options.targets ?? [])
        .map((t) => filter.pathspec(t))
        .filter((p): p is string => p !== undefined);
      const listed = await listHistoryBlobs(
        toplevel,
        range,
        pathspecs.includes('') ? [] : pathspecs,
        options.onProgress,
      );

      const skipped: SkippedFile[] = [];
      const candidates: Array<BlobSighting & { reportPath: string }> = [];
      for (const sighting of listed.blobs) {
        const path = filter.map(sighting.path);
        if (path === undefined) continue;
        if (sighting.mode === '120000') {
          skipped.push({
            path,
            reason: 'symlink',
            detail: `symbolic link in commit ${sighting.commit.sha.slice(0, 12)} (not followed)`,
          });
        } else if (sighting.mode.startsWith('100')) candidates.push({ ...sighting, reportPath: path });
      }
      const sizes = await batchCheck(
        toplevel,
        candidates.map((c) => c.blob),
      );
      const toRead = new Map<string, BlobSighting & { reportPath: string }>();
      for (const c of candidates) {
        const info = sizes.get(c.blob);
        if (!info || 'missing' in info) {
          // A shallow or partial clone: say so instead of pretending the blob was scanned.
          skipped.push({
            path: c.reportPath,
            reason: 'missing-blob',
            detail: `blob ${c.blob.slice(0, 12)} in commit ${c.commit.sha.slice(0, 12)} is not in the local object store (not fetched)`,
          });
        } else if (info.size > config.maxFileSize) {
          skipped.push({
            path: c.reportPath,
            reason: 'too-large',
            detail: tooLargeDetail(info.size, config.maxFileSize, `in commit ${c.commit.sha.slice(0, 12)}`),
          });
        } else if (info.size === 0) {
          continue;
        } else toRead.set(c.blob, c);
      }
      const bytes = sizeSum([...toRead.keys()], sizes);
      const groups = groupBySize([...toRead.keys()], (id) => (sizes.get(id) as { size: number }).size, GROUP_BYTES);
      const readGroup = async (ids: readonly string[]): Promise<SourceFile[]> => {
        const files: SourceFile[] = [];
        const delivered = new Set<string>();
        await readBlobs(toplevel, ids, (id, blob) => {
          const c = toRead.get(id);
          if (!c) return;
          delivered.add(id);
          // Dropped at once, from the first 8 KB: history can hold gigabytes of binaries.
          if (isBinaryContent(blob)) {
            skipped.push({
              path: c.reportPath,
              reason: 'binary',
              detail: `binary content (commit ${c.commit.sha.slice(0, 12)})`,
            });
            return;
          }
          files.push({ path: c.reportPath, content: blob, origin: 'history', size: blob.length, commit: c.commit });
        });
        // An object batch-check saw but cat-file did not return (pruned meanwhile): not scanned.
        for (const id of ids) {
          const c = toRead.get(id)!;
          if (!delivered.has(id))
            skipped.push({
              path: c.reportPath,
              reason: 'missing-blob',
              detail: `blob ${id.slice(0, 12)} could not be read`,
            });
        }
        return files;
      };
      const first = groups.length > 0 ? await readGroup(groups[0]!) : [];
      const later =
        groups.length > 1
          ? {
              files: toRead.size - groups[0]!.length,
              bytes: bytes - sizeSum(groups[0]!, sizes),
              groups: prefetching(groups.slice(1), readGroup),
            }
          : undefined;
      return { files: first, skipped, notices, commits: listed.commits, ...(later ? { later } : {}) };
    },
  };
}
