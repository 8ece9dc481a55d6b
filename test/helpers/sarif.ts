// Validates SARIF against the official 2.1.0 schema (draft-04; one of its patterns is not
// valid under the `u` flag, hence unicodeRegExp: false).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv04 from 'ajv-draft-04';

let validate: ReturnType<Ajv04['compile']> | undefined;

export function sarifErrors(document: unknown): string[] {
  if (!validate) {
    const ajv = new Ajv04({ unicodeRegExp: false, strict: false, allErrors: true, validateFormats: false });
    const schema = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'schemas', 'sarif-2.1.0.schema.json'), 'utf8'));
    validate = ajv.compile(schema);
  }
  return validate(document) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
