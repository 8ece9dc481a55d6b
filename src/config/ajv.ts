// One place that builds ajv validators for the JSON Schemas in schemas/. Every JSON or YAML
// document tokenscope loads (detectors, config, baseline) goes through here; errors come back
// as one line each: the key path, the problem and the value received.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Ajv2020, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { schemaPath } from '../paths.js';

let ajv: Ajv2020 | undefined;
const compiled = new Map<string, ValidateFunction>();

/** Compiles (once) the schema in schemas/<name>. ajv loads on first use: a scan without config pays nothing. */
export function schemaValidator(name: string): ValidateFunction {
  let validate = compiled.get(name);
  if (!validate) {
    if (!ajv) {
      const { Ajv2020: AjvClass } = createRequire(import.meta.url)('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
      ajv = new AjvClass({ strict: true, allErrors: true, allowUnionTypes: true });
    }
    const schema: unknown = JSON.parse(readFileSync(schemaPath(name), 'utf8'));
    validate = ajv.compile(schema as object);
    compiled.set(name, validate);
  }
  return validate;
}

function describeValue(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) return String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function valueAt(document: unknown, pointer: string): unknown {
  let node: unknown = document;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Turns ajv errors into readable lines: `detectors[3].pattern: must be string (received 12)`. */
export function formatSchemaErrors(errors: ErrorObject[] | null | undefined, document: unknown): string[] {
  if (!errors) return [];
  const lines = new Set<string>();
  for (const error of errors) {
    if (error.keyword === 'oneOf' || error.keyword === 'if') continue;
    const path = error.instancePath
      .split('/')
      .slice(1)
      .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`))
      .join('')
      .replace(/^\./, '');
    let message = error.message ?? 'is invalid';
    if (error.keyword === 'additionalProperties') {
      message = `unknown key "${String(error.params['additionalProperty'])}"`;
    } else if (error.keyword === 'enum') {
      message = `must be one of ${(error.params['allowedValues'] as unknown[]).map(String).join(', ')}`;
    }
    const received = error.keyword === 'required' || error.keyword === 'additionalProperties'
      ? ''
      : ` (received ${describeValue(valueAt(document, error.instancePath))})`;
    lines.add(`${path || '(top level)'}: ${message}${received}`);
  }
  return [...lines];
}
