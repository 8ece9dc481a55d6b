// Reads the hook event from standard input. Agents write the event and close the pipe, so the
// hook reads fd 0 to its end directly: process.stdin would load Node's stream and socket modules,
// a tenth of the hook's start-up. Where fd 0 cannot be read that way (a non-blocking pipe), a
// stream read with a cap and a time limit takes over.

import { fstatSync, readFileSync } from 'node:fs';

const MAX_EVENT_BYTES = 16 * 1024 * 1024;

/** The event on fd 0; undefined for a terminal (nothing piped in). */
export async function readEvent(timeoutMs: number): Promise<string | undefined> {
  try {
    if (fstatSync(0).isCharacterDevice()) return undefined;
    const bytes = readFileSync(0);
    return bytes.subarray(0, MAX_EVENT_BYTES).toString('utf8');
  } catch {
    return readStdin(process.stdin, timeoutMs);
  }
}

export function readStdin(
  stream: NodeJS.ReadableStream & { isTTY?: boolean },
  timeoutMs: number,
): Promise<string | undefined> {
  if (stream.isTTY) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (value: string | undefined): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      stream.removeAllListeners('data');
      resolve(value);
    };
    // A truncated read is still handed on: the JSON parser then reports it as truncated.
    const timer = setTimeout(() => finish(Buffer.concat(chunks).toString('utf8')), timeoutMs);
    timer.unref();
    stream.on('data', (chunk: Buffer | string) => {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += buffer.length;
      if (size > MAX_EVENT_BYTES) return finish(Buffer.concat(chunks).toString('utf8'));
      chunks.push(buffer);
    });
    stream.on('end', () => finish(Buffer.concat(chunks).toString('utf8')));
    stream.on('error', () => finish(undefined));
  });
}
