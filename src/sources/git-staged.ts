// The `scan --staged` source: what the next commit will contain, read from the git index (not the
// working tree, so a secret staged and then edited away is still caught). By default only the
// added or changed lines count (index line numbers, from a zero-context diff); --full scans whole files.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ResolvedConfig } from '../model/config.js';
import type { SourceProvider, SkippedFile, SourceFile } from '../model/types.js';
import {
  batchCheck,
  gitToplevel,
  isPartialClone,
  nulSplitter,
  RawParser,
  readBlobs,
  runGit,
  unquoteGitPath,
  type RawEntry,
} from './git.js';
import { gitPathFilter } from './git-paths.js';
import { tooLargeDetail } from './read.js';
import { GROUP_BYTES, groupBySize, prefetching, sizeSum } from './git-history.js';

export interface StagedSourceOptions {
  /** Scan whole staged files, not only added or changed lines (--full). */
  full?: boolean;
  /** Absolute PATH arguments: only staged files under these are scanned. */
  targets?: string[];
}

// The index against HEAD, submodule changes included.
const STAGED = ['--cached', '--ignore-submodules=none'];

/** Staged entries with their status, and which ones git considers binary (numstat `-`). */
export function parseRawNumstat(out: Buffer): { entries: RawEntry[]; binary: Set<string> } {
  const entries: RawEntry[] = [];
  const binary = new Set<string>();
  const raw = new RawParser();
  let inNumstat = false;
  // A rename's numstat line has an empty path, then the two paths as separate records.
  let numstatPending: { binary: boolean; paths: string[] } | undefined;
  const split = nulSplitter((record) => {
    if (!inNumstat) {
      const parsed = raw.feed(record);
      if (parsed === 'other') inNumstat = true;
      else {
        if (parsed) entries.push(parsed);
        return;
      }
    }
    if (numstatPending) {
      numstatPending.paths.push(record.toString('utf8'));
      if (numstatPending.paths.length === 2) {
        if (numstatPending.binary) binary.add(numstatPending.paths[1]!);
        numstatPending = undefined;
      }
      return;
    }
    const text = record.toString('utf8').replace(/^\n/, '');
    const m = /^(-|\d+)\t(-|\d+)\t(.*)$/s.exec(text);
    if (!m) return;
    if (m[3] === '') numstatPending = { binary: m[1] === '-', paths: [] };
    else if (m[1] === '-') binary.add(m[3]!);
  });
  split.push(out);
  split.end();
  return { entries, binary };
}

/**
 * Pinned so user config (diff.noprefix, diff.external, textconv filters, renames) cannot change
 * what we parse: hunk line numbers must be those of the blob itself.
 */
export const PINNED_DIFF_FLAGS: readonly string[] = ['--no-color', '--no-ext-diff', '--no-textconv', '-M'];

/** `git diff` flags for the patch parseAddedLines reads: zero context, a/ and b/ prefixes, pinned. */
export const ADDED_LINES_DIFF_FLAGS: readonly string[] = [
  ...PINNED_DIFF_FLAGS,
  '-U0',
  '--src-prefix=a/',
  '--dst-prefix=b/',
];

/**
 * 1-based line ranges of the new (index) side of each file in a `-U0` patch, by path. Hunk line
 * counts are tracked so an added line that happens to read `++ b/x` is never taken for a header.
 */
export function parseAddedLines(patch: string): Map<string, Array<[number, number]>> {
  const ranges = new Map<string, Array<[number, number]>>();
  let current: string | undefined;
  let oldLeft = 0;
  let newLeft = 0;
  for (const line of patch.split('\n')) {
    if (oldLeft > 0 || newLeft > 0) {
      if (line.startsWith('-')) oldLeft--;
      else if (line.startsWith('+')) newLeft--;
      else if (!line.startsWith('\\')) {
        // Out of step (should not happen): stop counting rather than misread the rest.
        oldLeft = 0;
        newLeft = 0;
      }
      continue;
    }
    if (line.startsWith('diff --git ')) current = undefined;
    else if (line.startsWith('+++ ')) {
      let name = line.slice(4);
      // git appends a tab after names that contain a space (for patch(1)); a real tab is quoted.
      if (name.endsWith('\t')) name = name.slice(0, -1);
      name = unquoteGitPath(name);
      current = name === '/dev/null' ? undefined : name.replace(/^b\//, '');
    } else if (line.startsWith('@@ ')) {
      const m = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line);
      if (!m) continue;
      oldLeft = m[1] === undefined ? 1 : Number(m[1]);
      const start = Number(m[2]);
      const count = m[3] === undefined ? 1 : Number(m[3]);
      newLeft = count;
      if (current && count > 0) {
        const list = ranges.get(current) ?? [];
        list.push([start, start + count - 1]);
        ranges.set(current, list);
      }
    }
  }
  return ranges;
}

/** Regular files only: symlinks (their "content" is a target path) and submodules have no text to scan. */
const REGULAR_MODES = new Set(['100644', '100755', '100664']);

export function stagedSource(options: StagedSourceOptions = {}): SourceProvider {
  return {
    partial: true,
    async collect(root: string, config: ResolvedConfig) {
      // All at once: they only read. The toplevel call gives the clear error when `root` is not
      // in a repository (git diff --cached outside one prints a usage screen instead); when root
      // plainly is the work tree (it holds .git, no GIT_DIR override) that spawn is saved: this
      // runs on every commit.
      const plainRoot = existsSync(join(root, '.git')) && !process.env['GIT_DIR'] && !process.env['GIT_WORK_TREE'];
      // batchCheck's partial-clone question (read-only config) asked now, beside the diffs.
      // Settled here whatever happens, so a failure surfaces only if batchCheck awaits it.
      const partialClone = plainRoot ? isPartialClone(root) : undefined;
      partialClone?.catch(() => undefined);
      const [top, rawNumstat, patch] = await Promise.allSettled([
        plainRoot ? Promise.resolve(root) : gitToplevel(root),
        runGit(['diff', ...STAGED, ...PINNED_DIFF_FLAGS, '--raw', '--numstat', '-z', '--no-abbrev'], { cwd: root }),
        options.full
          ? Promise.resolve(Buffer.alloc(0))
          : runGit(['diff', ...STAGED, ...ADDED_LINES_DIFF_FLAGS], { cwd: root }),
      ]);
      if (top.status === 'rejected') throw top.reason;
      if (rawNumstat.status === 'rejected' || patch.status === 'rejected') {
        // Prefer git's own word on where the repository is, then the diff's failure.
        if (plainRoot) await gitToplevel(root);
        throw rawNumstat.status === 'rejected' ? rawNumstat.reason : (patch as PromiseRejectedResult).reason;
      }
      const toplevel = top.value;
      const { entries, binary } = parseRawNumstat(rawNumstat.value);
      const added = options.full
        ? new Map<string, Array<[number, number]>>()
        : parseAddedLines(patch.value.toString('utf8'));
      const filter = gitPathFilter(toplevel, root, config, options.targets);

      const skipped: SkippedFile[] = [];
      const wanted: Array<{ path: string; blob: string; lineFilter?: Array<[number, number]> }> = [];
      for (const entry of entries) {
        if (!'AMCRT'.includes(entry.status)) continue;
        const path = filter.map(entry.path);
        if (path === undefined) continue;
        if (entry.dstMode === '120000') {
          skipped.push({ path, reason: 'symlink', detail: 'staged symbolic link (not followed)' });
          continue;
        }
        if (!REGULAR_MODES.has(entry.dstMode)) continue;
        if (options.full || binary.has(entry.path)) {
          // git's "binary" includes UTF-16 text: scan those whole, the reader decides.
          wanted.push({ path, blob: entry.dstBlob });
          continue;
        }
        const ranges = added.get(entry.path);
        // No added lines (a pure rename, a mode change, lines only deleted): nothing new to check.
        if (!ranges || ranges.length === 0) continue;
        wanted.push({ path, blob: entry.dstBlob, lineFilter: ranges });
      }

      const sizes = await batchCheck(toplevel, [...new Set(wanted.map((w) => w.blob))], partialClone);
      const toRead: typeof wanted = [];
      for (const w of wanted) {
        const info = sizes.get(w.blob);
        if (!info || 'missing' in info) {
          skipped.push({
            path: w.path,
            reason: 'missing-blob',
            detail: 'staged blob missing from the object store (not fetched)',
          });
        } else if (info.size > config.maxFileSize) {
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
            files.push({
              path: w.path,
              content,
              origin: 'staged',
              size: content.length,
              ...(w.lineFilter ? { lineFilter: w.lineFilter } : {}),
            });
          }
        }
        return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      };
      const files = groups.length > 0 ? await readGroup(groups[0]!) : [];
      if (groups.length > 1) {
        const rest = groups.slice(1);
        // A blob staged under two paths is two files to scan.
        const restFiles = rest.flat().flatMap((id) => byBlob.get(id)!.map(() => sizeSum([id], sizes)));
        const later = {
          files: restFiles.length,
          bytes: restFiles.reduce((n, size) => n + size, 0),
          groups: prefetching(rest, readGroup),
        };
        return { files, skipped, later };
      }
      return { files, skipped };
    },
  };
}
