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

/** The parsed document, or `<source>: not valid JSON|YAML: <reason>` (one line, no excerpt). */
export function parseDocument(text: string, source: string, format = formatFor(source)): { document: unknown } | { error: string } {
  try {
    return { document: format === 'json' ? JSON.parse(text) : parseYaml(text) };
  } catch (error) {
    const reason = format === 'json' ? jsonErrorReason(error, text) : yamlErrorReason(error, text);
    return { error: `${source}: not valid ${format === 'json' ? 'JSON' : 'YAML'}: ${reason}` };
  }
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
