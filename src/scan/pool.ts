// A small worker-thread pool for large scans: files go out in batches of about 4 MB, each worker
// analyzes its batch and sends plain results back. Small scans (a pre-commit hook) skip the pool:
// starting workers costs more than it saves there.

import { Worker } from 'node:worker_threads';
import type { FileAnalysis } from './analyze.js';
import type { SourceFile } from '../types.js';

const BATCH_BYTES = 4 * 1024 * 1024;
const BATCH_FILES = 256;

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

/** Runs `files` through `size` workers started from `workerUrl` with `workerData`. */
export async function runPool(
  workerUrl: URL,
  workerData: unknown,
  size: number,
  files: readonly SourceFile[],
  onProgress?: PoolProgress,
): Promise<FileAnalysis[]> {
  // Largest first, so one huge file does not finish last on its own.
  const batches = batchFiles([...files].sort((a, b) => (b.size ?? 0) - (a.size ?? 0)));
  const results: FileAnalysis[] = [];
  let next = 0;
  let done = 0;
  let doneBytes = 0;
  const workers = Array.from({ length: Math.min(size, batches.length) }, () => new Worker(workerUrl, { workerData }));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolvePromise, reject) => {
            const send = (): void => {
              if (next >= batches.length) {
                resolvePromise();
                return;
              }
              const id = next++;
              // Copied, not transferred: blob buffers may share a pooled ArrayBuffer.
              worker.postMessage({ id, files: batches[id]! });
            };
            worker.on('message', (message: { id: number; results: FileAnalysis[] }) => {
              for (const r of message.results) {
                results.push(r);
                done++;
                doneBytes += r.bytes;
              }
              onProgress?.(done, doneBytes);
              send();
            });
            worker.once('error', reject);
            worker.once('exit', (code) => {
              if (next < batches.length || code !== 0) reject(new Error(`scan worker exited with code ${code}`));
            });
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
