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
      const { Ajv2020: AjvClass } = createRequire(import.meta.url)(
        'ajv/dist/2020.js',
      ) as typeof import('ajv/dist/2020.js');
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
 * Keys whose values are names, not secrets: detector ids and globs, level and enum names, paths,
 * hosts. A value received under them is shown as written (unless it looks like a token), so a
 * typo in `detectors.disable` or `failOn` can be read and fixed.
 */
const READABLE_KEYS = new Set([
  'failOn',
  'disable',
  'only',
  'enable',
  'levels',
  'custom',
  'exclude',
  'paths',
  'pathRegexes',
  'detectors',
  'baseline',
  'extends',
  'maxFileSize',
  'maxPrivilege',
  'maxBreadth',
  'providers',
  'denyProviders',
  'gitlabHosts',
  'githubHosts',
  'destructive',
  'unknownScope',
  'reads',
  'writes',
  'prompts',
  'allowedHosts',
  'log',
]);
/**
 * A run this long of letters, digits and `_+=` (no `.`, `/`, `-` or `*` between) is what tokens,
 * keys and passwords are made of and what ids, globs and paths are not: masked even under a
 * readable key, since a value pasted into the wrong key is exactly the case to protect.
 */
const TOKEN_LIKE = /[A-Za-z0-9_+=]{20,}/;

/** Whether a string under a readable key may be shown as written. */
function showable(value: string): boolean {
  return value.length <= 100 && !TOKEN_LIKE.test(value) && !/[\u0000-\u001f]/.test(value);
}
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
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, maskStrings(item, hidden || SECRET_KEYS.has(key))]),
    );
  }
  return value;
}

/**
 * A received value as error text: short strings and other scalars as written; a string longer
 * than 4 characters masked (`"ghp_…", 40 characters`); nothing of a string under `values`,
 * `fingerprints` or `fingerprint` (`hidden` set); at most 60 characters.
 */
export function describeReceived(value: unknown, hidden = false, readable = false): string {
  if (typeof value === 'string' && readable && !hidden && showable(value)) {
    const text = JSON.stringify(value);
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
  }
  if (typeof value === 'string' && (hidden || value.length > SHOWN_STRING_MAX)) {
    const length = plural(value.length, 'character');
    return hidden ? `a string of ${length}, not shown` : `${JSON.stringify(maskSecret(value))}, ${length}`;
  }
  const text = JSON.stringify(maskStrings(value, hidden));
  if (text === undefined) return String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * The value at a JSON pointer, whether it sits under one of SECRET_KEYS, and whether the nearest
 * named key above it (list indexes skipped; any key under `levels`) is one of READABLE_KEYS.
 */
function valueAt(document: unknown, pointer: string): { value: unknown; hidden: boolean; readable: boolean } {
  let node: unknown = document;
  let hidden = false;
  let readable = false;
  let parentKey = '';
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object') return { value: undefined, hidden, readable: false };
    const isIndex = Array.isArray(node);
    node = (node as Record<string, unknown>)[key];
    hidden ||= SECRET_KEYS.has(key);
    if (!isIndex) {
      readable = READABLE_KEYS.has(key) || parentKey === 'levels';
      parentKey = key;
    }
  }
  return { value: node, hidden, readable };
}

function receivedAt(document: unknown, pointer: string): string {
  const { value, hidden, readable } = valueAt(document, pointer);
  return describeReceived(value, hidden, readable);
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
    const received =
      error.keyword === 'required' || error.keyword === 'additionalProperties'
        ? ''
        : ` (received ${receivedAt(document, error.instancePath)})`;
    lines.add(`${path || '(top level)'}: ${message}${received}`);
  }
  return [...lines];
}
