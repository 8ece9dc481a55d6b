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
  const lib = yaml;
  const doc = lib.parseDocument(text, { prettyErrors: false, logLevel: 'error' });
  if (doc.errors.length > 0) throw doc.errors[0]!;
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // An alias error comes from building the value, without a position: the first alias that
    // resolves to nothing is where it is, so the error can say line and column like the others.
    if (error instanceof Error && /alias/i.test(error.message) && (error as { pos?: unknown }).pos === undefined) {
      let at: number | undefined;
      lib.visit(doc, {
        Alias(_, node) {
          if (at === undefined && node.range && node.resolve(doc) === undefined) at = node.range[0];
        },
      });
      if (at !== undefined) Object.assign(error, { pos: [at, at + 1] });
    }
    throw error;
  }
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
