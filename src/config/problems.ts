// Config problems as one line each (key path, what is wrong, the value received): schema
// errors in words a user can act on, a "did you mean" for misspelt keys, and the checks a
// schema cannot express (value patterns compile, allowlist entries match something).

import type { ErrorObject } from 'ajv/dist/2020.js';
import { checkUserRegex } from '../util/user-regex.js';
import { describeReceived, describeUnknownKey, formatSchemaErrors, loadSchema } from '../util/ajv.js';

// Schema patterns in words: what a user should write instead.
const PATTERN_HINTS: Record<string, string> = {
  '^[0-9]+(?:\\.[0-9]+)?\\s*(?:[kKmMgG]i?[bB]?|[bB])?$': 'must be a size such as 10MB, 512k or a number of bytes',
  '^[a-z0-9]+(?:-[a-z0-9]+)*\\.[a-z0-9]+(?:-[a-z0-9]+)*$': 'must be a detector id such as github.classic-pat',
  '^[a-z0-9*]+(?:-[a-z0-9*]+)*(?:\\.[a-z0-9*]+(?:-[a-z0-9*]+)*)?$':
    'must be a detector id, provider or glob such as github.classic-pat, stripe or generic.* (lower case)',
  '^[0-9a-f]{32}$': 'must be a finding fingerprint: 32 lower-case hex characters (from the JSON or SARIF output)',
  '^[A-Za-z0-9.-]+(?::[0-9]{1,5})?$': 'must be a host name, optionally with :port',
};

let schemaKeys: Map<string, string[]> | undefined;

/** The keys the schema allows at each object path (`#/properties/detectors` → disable, custom). */
function allowedKeys(errorSchemaPath: string): string[] {
  if (!schemaKeys) {
    schemaKeys = new Map();
    const visit = (node: unknown, path: string): void => {
      if (node === null || typeof node !== 'object') return;
      const record = node as Record<string, unknown>;
      if (record['properties'] && typeof record['properties'] === 'object') {
        schemaKeys!.set(path, Object.keys(record['properties']));
        for (const [key, child] of Object.entries(record['properties'] as Record<string, unknown>))
          visit(child, `${path}/properties/${key}`);
      }
      if (record['items']) visit(record['items'], `${path}/items`);
    };
    visit(loadSchema('config.schema.json'), '#');
  }
  return schemaKeys.get(errorSchemaPath.replace(/\/additionalProperties$/, '')) ?? [];
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(
        row[j]! + 1,
        row[j - 1]! + 1,
        previous + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1),
      );
      previous = current;
    }
  }
  return row[b.length]!;
}

export function schemaProblems(errors: ErrorObject[], document: unknown): string[] {
  for (const error of errors) {
    if (error.keyword === 'pattern') {
      const hint = PATTERN_HINTS[String(error.params['pattern'])];
      if (hint) error.message = hint;
    }
  }
  // oneOf branches each report; when one branch's type matched, keep only that branch's errors.
  // An unknown key is shown in full only as a near miss of a real one (then it is a typo, not a
  // token pasted as a key), with the suggestion.
  const unknownKey = (error: ErrorObject, key: string): string => {
    const best = allowedKeys(error.schemaPath)
      .map((k) => ({ k, d: editDistance(key, k) }))
      .sort((x, y) => x.d - y.d)[0];
    return best && best.d <= 2
      ? `unknown key ${JSON.stringify(key)}: did you mean "${best.k}"?`
      : `unknown key ${describeUnknownKey(key)}`;
  };
  return formatSchemaErrors(
    errors.filter(
      (e) =>
        e.keyword !== 'type' ||
        !errors.some(
          (o) => o !== e && o.instancePath === e.instancePath && o.keyword !== 'type' && o.keyword !== 'oneOf',
        ),
    ),
    document,
    unknownKey,
  );
}

/** What the schema cannot say: value patterns compile, entries match something, sizes are sizes. */
export function semanticProblems(document: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const allowlist = Array.isArray(document['allowlist']) ? (document['allowlist'] as unknown[]) : [];
  allowlist.forEach((raw, i) => {
    if (raw === null || typeof raw !== 'object') return;
    const entry = raw as Record<string, unknown>;
    const values = Array.isArray(entry['values']) ? (entry['values'] as unknown[]) : [];
    values.forEach((pattern, j) => {
      if (typeof pattern !== 'string') return;
      // The same check as custom detector patterns: a config in the scanned tree is hostile
      // input. The pattern may be (part of) a secret: the problem names at most a fragment.
      const verdict = checkUserRegex(pattern);
      if ('problem' in verdict) problems.push(`allowlist[${i}].values[${j}]: ${verdict.problem}`);
    });
    const pathRegexes = Array.isArray(entry['pathRegexes']) ? (entry['pathRegexes'] as unknown[]) : [];
    pathRegexes.forEach((pattern, j) => {
      if (typeof pattern !== 'string') return;
      const verdict = checkUserRegex(pattern);
      if ('problem' in verdict) problems.push(`allowlist[${i}].pathRegexes[${j}]: ${verdict.problem}`);
    });
    const criteria = ['paths', 'pathRegexes', 'detectors', 'values', 'stopwords', 'fingerprints'].filter(
      (key) => Array.isArray(entry[key]) && (entry[key] as unknown[]).length > 0,
    );
    if (criteria.length === 0)
      problems.push(
        `allowlist[${i}]: names no paths, pathRegexes, detectors, values, stopwords or fingerprints, so it would match nothing`,
      );
  });
  const size = document['maxFileSize'];
  if (typeof size === 'string' && Number.parseFloat(size) === 0)
    problems.push(`maxFileSize: must be at least 1 byte (received ${describeReceived(size)})`);
  return problems;
}
