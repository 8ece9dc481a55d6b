// Validates SARIF against the official 2.1.0 schema (draft-04; one of its patterns is not
// valid under the `u` flag, hence unicodeRegExp: false).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ajvDraft04 from 'ajv-draft-04';
import type { ErrorObject, ValidateFunction } from 'ajv';

// The package is CommonJS: under NodeNext its default import is module.exports, and the class
// is its `default` property (module.exports is the class too, so both work at run time).
const Ajv04 = ajvDraft04.default;

let validate: ValidateFunction | undefined;

export function sarifErrors(document: unknown): string[] {
  if (!validate) {
    const ajv = new Ajv04({ unicodeRegExp: false, strict: false, allErrors: true, validateFormats: false });
    const schema = JSON.parse(
      readFileSync(join(import.meta.dirname, '..', '..', 'schemas', 'sarif-2.1.0.schema.json'), 'utf8'),
    ) as object;
    validate = ajv.compile(schema);
  }
  return validate(document) ? [] : (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath} ${e.message}`);
}
