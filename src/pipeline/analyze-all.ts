// Stage 1–2 for every file: detect and scope, in this process for a small scan, else in worker
// threads. Workers may start while the walk is still finding files (startEarly), so their start-up
// overlaps it; each builds its detector set from the plan's selection.

import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot, workerBundlePath } from '../util/paths.js';
import { buildDetectorSet } from '../detect/compile.js';
import { createAstPass } from '../detect/ast-pass.js';
import { analyzeFile, type FileAnalysis } from './analyze.js';
import { BATCH_BYTES, BATCH_FILES, WorkerPool } from './pool.js';
import type { CollectedSources, SourceFile } from '../model/types.js';
import { inProcessAnalyzeOptions, type ScanOptions, type ScanPlan } from './plan.js';

export const IN_PROCESS_MAX_FILES = 300;
const IN_PROCESS_MAX_BYTES = 16 * 1024 * 1024;

/** Workers a large scan uses by default: one per core, at most 8. */
function defaultWorkers(): number {
  return Math.max(1, Math.min(8, availableParallelism()));
}

/** The bundled worker (one file, quick to start) when the build made it, else tsc's module. */
function workerUrl(): URL {
  return pathToFileURL(
    existsSync(workerBundlePath) ? workerBundlePath : join(packageRoot, 'dist', 'pipeline', 'worker.js'),
  );
}

/**
 * The worker pool of one scan: started early by the walk, or when analysis begins, or never. A
 * pool started during the walk is also handed batches of the files found after it started, so
 * the workers analyze while the walk goes on; the rest go out once the walk is done.
 */
export class Workers {
  private early: WorkerPool | undefined;
  /** Files found since the pool started and not yet sent, with their bytes. */
  private pending: SourceFile[] = [];
  private pendingBytes = 0;
  /** Files already sent during the walk, and their results to come. */
  private readonly sent = new Set<SourceFile>();
  private readonly inFlight: Array<Promise<FileAnalysis[]>> = [];

  constructor(
    private readonly plan: ScanPlan,
    private readonly requested: number | undefined,
  ) {}

  private start(size: number): WorkerPool {
    return new WorkerPool(workerUrl(), { selection: this.plan.selection, options: this.plan.analyze }, size);
  }

  /** For the walk: past the in-process limit the scan will use workers whatever the bytes. */
  onFileFound(): ((count: number, file: SourceFile) => void) | undefined {
    if (this.requested === 0) return undefined;
    const { maxFileSize } = this.plan.config;
    return (count, file) => {
      if (this.early) {
        // Over the size cap: collectSources skips it (and says so) after the walk.
        if ((file.size ?? 0) > maxFileSize) return;
        this.pending.push(file);
        this.pendingBytes += file.size ?? 0;
        if (this.pendingBytes >= BATCH_BYTES || this.pending.length >= BATCH_FILES) this.sendPending();
      } else if (count > IN_PROCESS_MAX_FILES) {
        this.early = this.start(this.requested ?? defaultWorkers());
      }
    };
  }

  private sendPending(): void {
    const batch = this.pending;
    this.pending = [];
    this.pendingBytes = 0;
    for (const file of batch) this.sent.add(file);
    const results = this.early!.submit(batch);
    // Awaited by analyzeAll; a failure before then must not surface as an unhandled rejection.
    results.catch(() => undefined);
    this.inFlight.push(results);
  }

  /** How many workers the collected files call for (0: in process). */
  countFor(collected: CollectedSources): number {
    const totalBytes =
      collected.files.reduce((sum, f) => sum + (f.size ?? f.content?.length ?? 0), 0) + (collected.later?.bytes ?? 0);
    const totalFiles = collected.files.length + (collected.later?.files ?? 0);
    // Never more workers than files: each one costs tens of MB at start (one large file needs one).
    return (
      this.early?.size ??
      this.requested ??
      (totalFiles <= IN_PROCESS_MAX_FILES && totalBytes <= IN_PROCESS_MAX_BYTES
        ? 0
        : Math.max(1, Math.min(defaultWorkers(), totalFiles)))
    );
  }

  /**
   * The pool, the files of `files` it has not been sent yet, and the results of those it has
   * (resolving as the workers finish them).
   */
  take(
    size: number,
    files: readonly SourceFile[],
  ): { pool: WorkerPool; rest: SourceFile[]; early: Promise<FileAnalysis[][]> } {
    const pool = this.early ?? this.start(size);
    this.early = undefined;
    const rest = this.sent.size === 0 ? [...files] : files.filter((f) => !this.sent.has(f));
    return { pool, rest, early: Promise.all(this.inFlight) };
  }

  /** Closes a pool started early and never taken (the walk failed). */
  async discard(): Promise<void> {
    await this.early?.close();
    this.early = undefined;
  }
}

/** Analyses every collected file (the first group, then any `later` groups one at a time). */
export async function analyzeAll(
  plan: ScanPlan,
  collected: CollectedSources,
  workers: Workers,
  onProgress: ScanOptions['onProgress'],
): Promise<FileAnalysis[]> {
  const { files, later } = collected;
  const totalFiles = files.length + (later?.files ?? 0);
  const workerCount = workers.countFor(collected);
  const analyses: FileAnalysis[] = [];
  let doneBytes = 0;
  onProgress?.({ phase: 'scan', done: 0, total: totalFiles });
  let analyzeBatch: (batch: readonly SourceFile[]) => Promise<void>;
  let pool: WorkerPool | undefined;
  let first: readonly SourceFile[] = files;
  let early: Promise<FileAnalysis[][]> = Promise.resolve([]);
  if (workerCount === 0) {
    const set = buildDetectorSet([...plan.detectorFiles], new Set(plan.disabled));
    const analyzeOptions = inProcessAnalyzeOptions(plan);
    const astPass = createAstPass(set);
    if (astPass) analyzeOptions.extraPass = astPass;
    analyzeBatch = async (batch) => {
      for (const file of batch) {
        analyses.push(analyzeFile(file, set, analyzeOptions));
        onProgress?.({ phase: 'scan', done: analyses.length, total: totalFiles });
      }
    };
  } else {
    const taken = workers.take(workerCount, files);
    const running = taken.pool;
    pool = running;
    analyzeBatch = async (batch) => {
      const before = { done: analyses.length, bytes: doneBytes };
      const results = await running.run(batch, (done, bytes) =>
        onProgress?.({ phase: 'scan', done: before.done + done, total: totalFiles, bytes: before.bytes + bytes }),
      );
      for (const r of results) {
        analyses.push(r);
        doneBytes += r.bytes;
      }
    };
    first = taken.rest;
    early = taken.early;
  }
  try {
    await analyzeBatch(first);
    for (const results of await early) {
      for (const r of results) {
        analyses.push(r);
        doneBytes += r.bytes;
      }
    }
    if (later) for await (const group of later.groups) await analyzeBatch(group);
  } finally {
    await pool?.close();
  }
  return analyses;
}
