// One place that builds ajv validators for the JSON Schemas in schemas/. Every JSON or YAML
// document tokenscope loads (detectors, config, baseline) goes through here; errors come back
// as one line each: the key path, the problem and the value received (masked, or not shown at
// all under the keys that hold secrets: the message may end up in a public CI annotation).

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Ajv2020, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { schemaPath } from './paths.js';
import { maskSecret } from './redact.js';
import { plural } from './format.js';

let ajv: Ajv2020 | undefined;
const compiled = new Map<string, ValidateFunction>();
const schemas = new Map<string, object>();

/** The parsed schema in schemas/<name>, read from disk once. */
export function loadSchema(name: string): object {
  let schema = schemas.get(name);
  if (!schema) {
    schema = JSON.parse(readFileSync(schemaPath(name), 'utf8')) as object;
    schemas.set(name, schema);
  }
  return schema;
}

/** Compiles (once) the schema in schemas/<name>. ajv loads on first use: a scan without config pays nothing. */
export function schemaValidator(name: string): ValidateFunction {
  let validate = compiled.get(name);
  if (!validate) {
    if (!ajv) {
      const { Ajv2020: AjvClass } = createRequire(import.meta.url)('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
      ajv = new AjvClass({ strict: true, allErrors: true, allowUnionTypes: true });
    }
    validate = ajv.compile(loadSchema(name));
    compiled.set(name, validate);
  }
  return validate;
}

/** Keys whose values are secrets or fingerprints of them: a received value under them is never shown. */
const SECRET_KEYS = new Set(['values', 'fingerprints', 'fingerprint']);
/**
 * Longer received strings are masked: a token or a short password pasted into the wrong key must
 * not reach a log. Four characters is what a masked preview may show of any secret anyway.
 */
const SHOWN_STRING_MAX = 4;

/** Strings masked (or hidden under SECRET_KEYS) at any depth, for JSON.stringify. */
function maskStrings(value: unknown, hidden: boolean): unknown {
  if (typeof value === 'string') {
    if (hidden) return `(${plural(value.length, 'character')}, not shown)`;
    return value.length > SHOWN_STRING_MAX ? `${maskSecret(value)} (${plural(value.length, 'character')})` : value;
  }
  if (Array.isArray(value)) return value.map((item) => maskStrings(item, hidden));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, maskStrings(item, hidden || SECRET_KEYS.has(key))]));
  }
  return value;
}

/**
 * A received value as error text: short strings and other scalars as written; a string longer
 * than 4 characters masked (`"ghp_…", 40 characters`); nothing of a string under `values`,
 * `fingerprints` or `fingerprint` (`hidden` set); at most 60 characters.
 */
export function describeReceived(value: unknown, hidden = false): string {
  if (typeof value === 'string' && (hidden || value.length > SHOWN_STRING_MAX)) {
    const length = plural(value.length, 'character');
    return hidden ? `a string of ${length}, not shown` : `${JSON.stringify(maskSecret(value))}, ${length}`;
  }
  const text = JSON.stringify(maskStrings(value, hidden));
  if (text === undefined) return String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** The value at a JSON pointer, and whether it sits under one of SECRET_KEYS. */
function valueAt(document: unknown, pointer: string): { value: unknown; hidden: boolean } {
  let node: unknown = document;
  let hidden = false;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object') return { value: undefined, hidden };
    node = (node as Record<string, unknown>)[key];
    hidden ||= SECRET_KEYS.has(key);
  }
  return { value: node, hidden };
}

function receivedAt(document: unknown, pointer: string): string {
  const { value, hidden } = valueAt(document, pointer);
  return describeReceived(value, hidden);
}

/**
 * An unknown key as error text: a key may itself be a token (`{"ghp_…": 1}`), so it is masked
 * like a received string unless `known` says it is a near miss of a real key (a typo).
 */
export function describeUnknownKey(key: string): string {
  return key.length > 4 ? `"${maskSecret(key)}" (${plural(key.length, 'character')})` : JSON.stringify(key);
}

/**
 * Turns ajv errors into readable lines: `detectors[3].pattern: must be string (received 12)`.
 * `unknownKey` words an unknown key (default: masked, describeUnknownKey).
 */
export function formatSchemaErrors(
  errors: ErrorObject[] | null | undefined,
  document: unknown,
  unknownKey: (error: ErrorObject, key: string) => string = (_, key) => `unknown key ${describeUnknownKey(key)}`,
): string[] {
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
      message = unknownKey(error, String(error.params['additionalProperty']));
    } else if (error.keyword === 'enum') {
      message = `must be one of ${(error.params['allowedValues'] as unknown[]).map(String).join(', ')}`;
    }
    const received = error.keyword === 'required' || error.keyword === 'additionalProperties'
      ? ''
      : ` (received ${receivedAt(document, error.instancePath)})`;
    lines.add(`${path || '(top level)'}: ${message}${received}`);
  }
  return [...lines];
}
