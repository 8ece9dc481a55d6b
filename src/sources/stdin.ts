// `tokenscope scan -`: standard input as one file (`kubectl get secret -o yaml | tokenscope scan -`,
// `git diff | tokenscope scan -`). Its name (default `stdin`, or --stdin-filename) is what reports
// show and what decides the file's role (config, source, test…).

import type { SourceProvider } from '../model/types.js';

export function stdinSource(content: Uint8Array, name = 'stdin'): SourceProvider {
  return {
    partial: true,
    async collect() {
      return { files: [{ path: name, content, origin: 'worktree', size: content.length }], skipped: [] };
    },
  };
}

/** Reads a stream to its end (standard input in bin.ts; any stream in tests). */
export async function readAll(stream: AsyncIterable<Uint8Array | string>): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
  return Buffer.concat(chunks);
}
