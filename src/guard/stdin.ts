// Reads the hook event from standard input, with a cap and a time limit: an agent that never
// closes the pipe, or sends megabytes, gets a blocking answer instead of a hung hook.

const MAX_EVENT_BYTES = 16 * 1024 * 1024;

export function readStdin(stream: NodeJS.ReadableStream & { isTTY?: boolean }, timeoutMs: number): Promise<string | undefined> {
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
