// YAML parsing, loaded on first use so a scan that reads no YAML file never pays for the parser.

import { createRequire } from 'node:module';

let yaml: typeof import('yaml') | undefined;

/**
 * Parses one YAML document; errors carry a short message (no source excerpt). Warnings (an
 * unknown tag, a collection as a key) are not logged: the library would print them to stderr
 * quoting the text, which may be a token.
 */
export function parseYaml(text: string): unknown {
  yaml ??= createRequire(import.meta.url)('yaml') as typeof import('yaml');
  return yaml.parse(text, { prettyErrors: false, logLevel: 'error' });
}

/**
 * A YAML error as one line that quotes nothing of the document: the library's message up to
 * any excerpt (`Unresolved alias (…): <name>`, `Missing closing "quote`), then where.
 */
export function yamlErrorReason(error: unknown, text: string): string {
  const raw = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
  let reason = raw.replace(/\s+at line \d+, column \d+.*$/, '');
  const cut = reason.search(/[:"'`]/);
  if (cut >= 0) reason = reason.slice(0, cut).replace(/[\s,(]+$/, '');
  if (reason.length === 0) reason = 'syntax error';
  const pos = (error as { pos?: unknown }).pos;
  if (Array.isArray(pos) && typeof pos[0] === 'number') {
    const before = text.slice(0, Math.min(pos[0], text.length));
    const line = before.split('\n').length;
    const column = before.length - (before.lastIndexOf('\n') + 1) + 1;
    reason += ` at line ${line} column ${column}`;
  }
  return reason;
}
