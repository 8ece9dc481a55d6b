// The `scan --staged` source: what the next commit will contain, read from the git index (not the
// working tree, so a secret staged and then edited away is still caught). By default only the
// added or changed lines count (index line numbers, from a zero-context diff); --full scans whole files.

import type { ResolvedConfig } from '../model/config.js';
import type { SourceProvider, SkippedFile, SourceFile } from '../model/types.js';
import { batchCheck, readBlobs } from './git.js';
import { gitPathFilter } from './git-paths.js';
import { tooLargeDetail } from './read.js';
import { GROUP_BYTES, groupBySize, prefetching, sizeSum } from './git-history.js';
import { readStaged, stagedNeed, type StartedStagedRead } from './git-staged-read.js';

export {
  ADDED_LINES_DIFF_FLAGS,
  parseAddedLines,
  parseStagedDiff,
  PINNED_DIFF_FLAGS,
  type StartedStagedRead,
} from './git-staged-read.js';

export interface StagedSourceOptions {
  /** Scan whole staged files, not only added or changed lines (--full). */
  full?: boolean;
  /** Absolute PATH arguments: only staged files under these are scanned. */
  targets?: string[];
  /**
   * The diff and read-ahead, already started (by the bin, before the CLI loaded). Used when it
   * was started for the scan's root and the same --full; otherwise the source starts its own.
   */
  started?: StartedStagedRead;
}

export function stagedSource(options: StagedSourceOptions = {}): SourceProvider {
  return {
    partial: true,
    async collect(root: string, config: ResolvedConfig) {
      const full = options.full === true;
      const started = options.started;
      const read = await (started && started.root === root && started.full === full
        ? started.result
        : readStaged(root, full, config.maxFileSize));
      const { toplevel } = read;
      const filter = gitPathFilter(toplevel, root, config, options.targets);

      const skipped: SkippedFile[] = [];
      const wanted: Array<{ path: string; blob: string; lineFilter?: Array<[number, number]> }> = [];
      for (const entry of read.entries) {
        if (!'AMCRT'.includes(entry.status)) continue;
        const path = filter.map(entry.path);
        if (path === undefined) continue;
        if (entry.dstMode === '120000') {
          skipped.push({ path, reason: 'symlink', detail: 'staged symbolic link (not followed)' });
          continue;
        }
        const need = stagedNeed(entry, read);
        if (need) wanted.push({ path, blob: entry.dstBlob, ...need });
      }

      // What the read-ahead settled; the rest (past its limits, or in a partial clone) is sized
      // with one --batch-check and read in groups below.
      const early: SourceFile[] = [];
      const rest: typeof wanted = [];
      for (const w of wanted) {
        const content = read.blobs.get(w.blob);
        if (read.missing.has(w.blob)) skipped.push(missingBlob(w.path));
        else if (!content) rest.push(w);
        else if (content.length > config.maxFileSize)
          skipped.push({
            path: w.path,
            reason: 'too-large',
            detail: tooLargeDetail(content.length, config.maxFileSize),
          });
        else early.push(stagedFile(w, content));
      }
      if (rest.length === 0) return { files: sortByPath(early), skipped };

      const sizes = await batchCheck(
        toplevel,
        [...new Set(rest.map((w) => w.blob))],
        Promise.resolve(read.partialClone),
      );
      const toRead: typeof wanted = [];
      for (const w of rest) {
        const info = sizes.get(w.blob);
        if (!info || 'missing' in info) skipped.push(missingBlob(w.path));
        else if (info.size > config.maxFileSize) {
          skipped.push({ path: w.path, reason: 'too-large', detail: tooLargeDetail(info.size, config.maxFileSize) });
        } else toRead.push(w);
      }
      // Read a group of blobs at a time (see GROUP_BYTES): `git add` of a large tree must not
      // hold every staged file at once. A pre-commit change is one group, returned as `files`.
      const byBlob = new Map<string, typeof toRead>();
      for (const w of toRead) byBlob.set(w.blob, [...(byBlob.get(w.blob) ?? []), w]);
      const groups = groupBySize([...byBlob.keys()], (id) => sizeSum([id], sizes), GROUP_BYTES);
      const readGroup = async (ids: readonly string[]): Promise<SourceFile[]> => {
        const contents = new Map<string, Buffer>();
        await readBlobs(toplevel, ids, (id, bytes) => contents.set(id, bytes));
        const files: SourceFile[] = [];
        for (const id of ids) {
          for (const w of byBlob.get(id)!) {
            const content = contents.get(id);
            if (!content) {
              skipped.push({ path: w.path, reason: 'missing-blob', detail: 'staged blob could not be read' });
              continue;
            }
            files.push(stagedFile(w, content));
          }
        }
        return sortByPath(files);
      };
      const files = sortByPath([...early, ...(groups.length > 0 ? await readGroup(groups[0]!) : [])]);
      if (groups.length > 1) {
        const laterGroups = groups.slice(1);
        // A blob staged under two paths is two files to scan.
        const restFiles = laterGroups.flat().flatMap((id) => byBlob.get(id)!.map(() => sizeSum([id], sizes)));
        const later = {
          files: restFiles.length,
          bytes: restFiles.reduce((n, size) => n + size, 0),
          groups: prefetching(laterGroups, readGroup),
        };
        return { files, skipped, later };
      }
      return { files, skipped };
    },
  };
}

function missingBlob(path: string): SkippedFile {
  return { path, reason: 'missing-blob', detail: 'staged blob missing from the object store (not fetched)' };
}

function stagedFile(w: { path: string; lineFilter?: Array<[number, number]> }, content: Buffer): SourceFile {
  return {
    path: w.path,
    content,
    origin: 'staged',
    size: content.length,
    ...(w.lineFilter ? { lineFilter: w.lineFilter } : {}),
  };
}

function sortByPath(files: SourceFile[]): SourceFile[] {
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
