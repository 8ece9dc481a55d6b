// The JSON and YAML documents tokenscope reads (config, detectors, baseline): what a syntax error
// may say. These files can hold secrets, so an error names the problem and where, never the text.
// Read, parse and validate are separate steps: each caller turns the messages into its own error.

import { readFileSync } from 'node:fs';
import type { ErrorObject } from 'ajv/dist/2020.js';
import { formatSchemaErrors, schemaValidator } from './ajv.js';
import { parseYaml, yamlErrorReason } from './yaml.js';

/**
 * JSON.parse's message without the input: Node 20 quotes a slice of it (`Unexpected token 'h',
 * "{"a": hunter2}" is not valid JSON`), which would print a secret next to the error. A position
 * becomes the line and column in `text`.
 */
export function jsonErrorReason(error: unknown, text: string): string {
  let reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
  const token = /^(Unexpected token '.+?'), .*is not valid JSON$/s.exec(reason);
  if (token) reason = token[1]!;
  else if (reason.includes('"')) {
    // Any other quoted excerpt (a future message format): keep only what comes before it.
    reason = reason.slice(0, reason.indexOf('"')).replace(/[\s,:(]+$/, '');
  }
  const position = / at position (\d+)/.exec(reason);
  if (position) {
    const offset = Math.min(Number(position[1]), text.length);
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - (before.lastIndexOf('\n') + 1) + 1;
    reason = `${reason.slice(0, position.index)} at line ${line} column ${column}`;
  }
  return reason || 'syntax error';
}

export type DocumentFormat = 'json' | 'yaml';

/** JSON for a `.json` file name (any case), YAML for anything else. */
export function formatFor(source: string): DocumentFormat {
  return /\.json$/i.test(source) ? 'json' : 'yaml';
}

/** A file's text, or `<source>: cannot read <what> (ENOENT)`; `source` names the file (default: `path`). */
export function readDocument(path: string, what: string, source = path): { text: string } | { error: string } {
  try {
    return { text: readFileSync(path, 'utf8') };
  } catch (error) {
    return { error: `${source}: cannot read ${what} (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
}

/**
 * How deep a document may nest. Real configs, baselines and detector files stay under ten
 * levels; the schema validator and the reporters recurse, so a hostile file nested a hundred
 * thousand levels deep would overflow the stack (`internal error: RangeError`).
 */
export const MAX_DOCUMENT_DEPTH = 64;

/** Nesting depth of a parsed value, without recursion (it must not overflow on what it measures). */
export function nestingDepth(value: unknown, limit = Number.POSITIVE_INFINITY): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    const level = depth + 1;
    if (level > deepest) deepest = level;
    if (deepest > limit) return deepest;
    for (const child of Array.isArray(node) ? node : Object.values(node)) stack.push([child, level]);
  }
  return deepest;
}

/** The parsed document, or `<source>: not valid JSON|YAML: <reason>` (one line, no excerpt). */
export function parseDocument(
  text: string,
  source: string,
  format = formatFor(source),
): { document: unknown } | { error: string } {
  const tooDeep = { error: `${source}: nested more than ${MAX_DOCUMENT_DEPTH} levels deep` };
  let document: unknown;
  try {
    document = format === 'json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    // The parser itself ran out of stack (the YAML library wraps the RangeError in its own).
    if (error instanceof RangeError || (error instanceof Error && /call stack/i.test(error.message))) return tooDeep;
    const reason = format === 'json' ? jsonErrorReason(error, text) : yamlErrorReason(error, text);
    return { error: `${source}: not valid ${format === 'json' ? 'JSON' : 'YAML'}: ${reason}` };
  }
  return nestingDepth(document, MAX_DOCUMENT_DEPTH) > MAX_DOCUMENT_DEPTH ? tooDeep : { document };
}

/**
 * Checks a document against schemas/<schema>: one line per problem, each starting `<source>: `;
 * none when it is valid. `describe` words the errors (the config adds hints to the plain format).
 */
export function validateDocument(
  document: unknown,
  schema: string,
  source: string,
  describe: (errors: ErrorObject[], document: unknown) => string[] = formatSchemaErrors,
): string[] {
  const validate = schemaValidator(schema);
  if (validate(document)) return [];
  return describe(validate.errors ?? [], document).map((line) => `${source}: ${line}`);
}
