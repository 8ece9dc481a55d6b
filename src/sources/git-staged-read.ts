// The part of a staged scan that needs only the repository, not the configuration: one
// `git diff --cached` for the entries, git's binary markers and the added lines, and the staged
// blobs read ahead through one `git cat-file --batch`. Being independent of the configuration,
// it can start before anything else: the bin starts it before the CLI bundle is even compiled,
// so git works on the other core while Node loads the detectors (see docs/performance.md).

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_MAX_FILE_SIZE } from '../model/config.js';
import { gitToplevel, isPartialClone, RawParser, readBlobs, runGit, unquoteGitPath, type RawEntry } from './git.js';

// The index against HEAD, submodule changes included.
const STAGED = ['--cached', '--ignore-submodules=none'];

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
 * The one diff a staged scan runs: raw entries and numstat as `-z` records, then (unless `full`)
 * the `-U0` patch. git separates the records from the patch with an empty record.
 */
export function stagedDiffArgs(full: boolean): string[] {
  return [
    'diff',
    ...STAGED,
    ...PINNED_DIFF_FLAGS,
    '--raw',
    '--numstat',
    '-z',
    '--no-abbrev',
    ...(full ? [] : ['-p', ...ADDED_LINES_DIFF_FLAGS.slice(PINNED_DIFF_FLAGS.length)]),
  ];
}

/** A staged diff, parsed: the entries, which paths git considers binary, and the patch text. */
export interface StagedDiff {
  entries: RawEntry[];
  binary: Set<string>;
  /** The `-U0` patch after the records; empty when none was asked for. */
  patch: string;
}

/**
 * Parses stagedDiffArgs output: raw records, numstat records (a numstat `-` marks a binary file),
 * then, after the first empty record, the patch. Paths are never empty, so only that separator
 * is an empty record; the patch itself may contain NUL bytes and is taken whole.
 */
export function parseStagedDiff(out: Buffer): StagedDiff {
  const entries: RawEntry[] = [];
  const binary = new Set<string>();
  const raw = new RawParser();
  let inNumstat = false;
  // A rename's numstat line has an empty path, then the two paths as separate records.
  let numstatPending: { binary: boolean; paths: string[] } | undefined;
  const onRecord = (record: Buffer): void => {
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
  };
  let start = 0;
  let patch = '';
  while (start < out.length) {
    const nul = out.indexOf(0, start);
    if (nul < 0) {
      onRecord(out.subarray(start));
      break;
    }
    if (nul === start) {
      patch = out.toString('utf8', nul + 1);
      break;
    }
    onRecord(out.subarray(start, nul));
    start = nul + 1;
  }
  return { entries, binary, patch };
}

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

/**
 * What a staged entry needs read: its whole blob (no line filter), its added lines, or nothing
 * (undefined: a deletion, a symlink or submodule, a pure rename or mode change).
 */
export function stagedNeed(
  entry: RawEntry,
  read: Pick<StagedRead, 'binary' | 'added' | 'full'>,
): { lineFilter?: Array<[number, number]> } | undefined {
  if (!'AMCRT'.includes(entry.status) || !REGULAR_MODES.has(entry.dstMode)) return undefined;
  // git's "binary" includes UTF-16 text: scan those whole, the reader decides.
  if (read.full || read.binary.has(entry.path)) return {};
  const ranges = read.added.get(entry.path);
  return ranges && ranges.length > 0 ? { lineFilter: ranges } : undefined;
}

/** Staged blobs read ahead at most: one read group of the staged source (GROUP_BYTES). */
const READ_AHEAD_BYTES = 16 * 1024 * 1024;

export interface StagedRead {
  /** The folder the read was asked for, and whether for --full. */
  root: string;
  full: boolean;
  /** The top of the work tree the paths are relative to. */
  toplevel: string;
  entries: RawEntry[];
  binary: Set<string>;
  /** Added line ranges by path (empty with --full). */
  added: Map<string, Array<[number, number]>>;
  partialClone: boolean;
  /** Blobs read ahead, and ids git reported missing; a needed id in neither is still to read. */
  blobs: Map<string, Buffer>;
  missing: Set<string>;
}

/**
 * Runs the staged diff in `root` and reads ahead, through one `cat-file --batch`, the blobs the
 * entries need, in order, until one is larger than `maxBlob` or the read-ahead would pass
 * READ_AHEAD_BYTES: git is stopped at that blob's header, and the rest is left to the caller.
 * The reader starts beside the diff and is given the ids when the diff is parsed, so its start-up
 * is not one more round. In a partial clone it is given none (asking for a missing object may
 * make git fetch) and the caller reads the rest.
 */
export async function readStaged(root: string, full: boolean, maxBlob = DEFAULT_MAX_FILE_SIZE): Promise<StagedRead> {
  // All at once: they only read. The toplevel call gives the clear error when `root` is not in a
  // repository (git diff --cached outside one prints a usage screen instead); when root plainly
  // is the work tree (it holds .git, no GIT_DIR override) that spawn is saved: this runs on
  // every commit. Whatever fails, the reader is told its ids (none) so that it ends, and the
  // partial-clone and reader outcomes are settled here, so they surface only when awaited.
  const plainRoot = existsSync(join(root, '.git')) && !process.env['GIT_DIR'] && !process.env['GIT_WORK_TREE'];
  const partialClone = isPartialClone(root);
  partialClone.catch(() => undefined);
  let giveIds: (ids: string[]) => void = () => undefined;
  const ids = new Promise<string[]>((resolve) => (giveIds = resolve));
  const blobs = new Map<string, Buffer>();
  const missing = new Set<string>();
  let bytes = 0;
  const reading = readBlobs(root, ids, (id, blob) => blobs.set(id, blob), {
    accept: (_id, size) => {
      if (size > maxBlob || bytes + size > READ_AHEAD_BYTES) return false;
      bytes += size;
      return true;
    },
    onMissing: (id) => missing.add(id),
  });
  reading.catch(() => undefined);
  try {
    const [top, diff] = await Promise.allSettled([
      plainRoot ? Promise.resolve(root) : gitToplevel(root),
      runGit(stagedDiffArgs(full), { cwd: root }),
    ]);
    if (top.status === 'rejected') throw top.reason;
    if (diff.status === 'rejected') {
      // Prefer git's own word on where the repository is, then the diff's failure.
      if (plainRoot) await gitToplevel(root);
      throw diff.reason;
    }
    const { entries, binary, patch } = parseStagedDiff(diff.value);
    const added = full ? new Map<string, Array<[number, number]>>() : parseAddedLines(patch);
    const read: StagedRead = {
      root,
      full,
      toplevel: top.value,
      entries,
      binary,
      added,
      partialClone: await partialClone,
      blobs,
      missing,
    };
    if (!read.partialClone)
      giveIds([...new Set(entries.filter((e) => stagedNeed(e, read) !== undefined).map((e) => e.dstBlob))]);
    giveIds([]);
    await reading;
    return read;
  } finally {
    giveIds([]);
  }
}

/** A staged read started early (by the bin), for the staged source to take over. */
export interface StartedStagedRead {
  root: string;
  full: boolean;
  result: Promise<StagedRead>;
}

/** Starts readStaged now; its failure is reported only to whoever awaits `result`. */
export function startStagedRead(root: string, full: boolean): StartedStagedRead {
  const result = readStaged(root, full);
  result.catch(() => undefined);
  return { root, full, result };
}
