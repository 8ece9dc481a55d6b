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
import { WorkerPool } from './pool.js';
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

/** The worker pool of one scan: started early by the walk, or when analysis begins, or never. */
export class Workers {
  private early: WorkerPool | undefined;

  constructor(
    private readonly plan: ScanPlan,
    private readonly requested: number | undefined,
  ) {}

  private start(size: number): WorkerPool {
    return new WorkerPool(workerUrl(), { selection: this.plan.selection, options: this.plan.analyze }, size);
  }

  /** For the walk: past the in-process limit the scan will use workers whatever the bytes. */
  onFileFound(): ((count: number) => void) | undefined {
    if (this.requested === 0) return undefined;
    return (count) => {
      if (count > IN_PROCESS_MAX_FILES) this.early ??= this.start(this.requested ?? defaultWorkers());
    };
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

  take(size: number): WorkerPool {
    const pool = this.early ?? this.start(size);
    this.early = undefined;
    return pool;
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
    const running = workers.take(workerCount);
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
  }
  try {
    await analyzeBatch(files);
    if (later) for await (const group of later.groups) await analyzeBatch(group);
  } finally {
    await pool?.close();
  }
  return analyses;
}
