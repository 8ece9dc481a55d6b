// A small worker-thread pool for large scans: files go out in batches of about 4 MB, each worker
// analyzes its batch and sends plain results back. Small scans (a pre-commit hook) skip the pool:
// starting workers costs more than it saves there.

import { Worker } from 'node:worker_threads';
import type { FileAnalysis } from './analyze.js';
import type { SourceFile } from '../model/types.js';

/** A batch is at most 2 MB or 256 files: smaller batches than 4 MB balance two workers better at the end of a scan. */
export const BATCH_BYTES = 2 * 1024 * 1024;
export const BATCH_FILES = 256;

export interface PoolProgress {
  (done: number, bytes: number): void;
}

/** Splits files into batches by size and count. */
export function batchFiles(files: readonly SourceFile[]): SourceFile[][] {
  const batches: SourceFile[][] = [];
  let current: SourceFile[] = [];
  let bytes = 0;
  for (const file of files) {
    const size = file.size ?? file.content?.length ?? 0;
    if (current.length > 0 && (bytes + size > BATCH_BYTES || current.length >= BATCH_FILES)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(file);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

interface Job {
  readonly files: readonly SourceFile[];
  resolve(results: FileAnalysis[]): void;
  reject(error: unknown): void;
}

/**
 * Worker threads that analyze batches of files. Batches queue up and go to whichever worker is
 * idle, so a working-tree scan can hand them out while its walk is still listing files (the
 * workers start once the walk has found more files than an in-process scan takes).
 */
export class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Job>();
  private readonly queue: Job[] = [];
  private failure: unknown;

  constructor(
    workerUrl: URL,
    workerData: unknown,
    readonly size: number,
  ) {
    for (let i = 0; i < size; i++) {
      // A young generation of 8 MB, not 64: with two workers on the perf corpus that keeps the
      // peak under the scan's 300 MB bound (16 MB: 294–312 MB; 12 MB: 271–292 MB with 1,995
      // detectors, 303–308 MB with 2,025; 8 MB: 274–296 MB) for CPU time within the noise of a
      // shared machine (docs/performance.md).
      const worker = new Worker(workerUrl, { workerData, resourceLimits: { maxYoungGenerationSizeMb: 8 } });
      worker.on('message', (message: { results: FileAnalysis[] }) => {
        const job = this.busy.get(worker);
        this.busy.delete(worker);
        this.idle.push(worker);
        job?.resolve(message.results);
        this.pump();
      });
      worker.once('error', (error) => this.fail(worker, error));
      worker.once('exit', (code) => this.fail(worker, new Error(`scan worker exited with code ${code}`)));
      this.idle.push(worker);
    }
  }

  /** Queues one batch; it resolves with the batch's results once a worker has analyzed it. */
  submit(files: readonly SourceFile[]): Promise<FileAnalysis[]> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ files, resolve, reject });
      this.pump();
    });
  }

  /** Runs `files` through the workers, largest first; results arrive in completion order. */
  async run(files: readonly SourceFile[], onProgress?: PoolProgress): Promise<FileAnalysis[]> {
    // Largest first, so one huge file does not finish last on its own.
    const batches = batchFiles([...files].sort((a, b) => (b.size ?? 0) - (a.size ?? 0)));
    const results: FileAnalysis[] = [];
    let doneBytes = 0;
    await Promise.all(
      batches.map(async (batch) => {
        for (const r of await this.submit(batch)) {
          results.push(r);
          doneBytes += r.bytes;
        }
        onProgress?.(results.length, doneBytes);
      }),
    );
    return results;
  }

  private pump(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const job = this.queue.shift()!;
      this.busy.set(worker, job);
      // Copied, not transferred: blob buffers may share a pooled ArrayBuffer.
      worker.postMessage({ files: job.files });
    }
  }

  /** A worker that failed fails its batch and every queued one: the scan cannot complete. */
  private fail(worker: Worker, error: unknown): void {
    if (this.failure !== undefined) return;
    this.failure = error;
    this.busy.get(worker)?.reject(error);
    this.busy.delete(worker);
    for (const job of this.queue.splice(0)) job.reject(error);
  }

  async close(): Promise<void> {
    const workers = [...this.idle, ...this.busy.keys()];
    // Terminating is not a failure of the scan.
    this.failure ??= new Error('the scan worker pool is closed');
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
