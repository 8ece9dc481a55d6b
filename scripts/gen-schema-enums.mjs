// Writes the validator enum of schemas/detector.schema.json from the registry (the provider
// modules' checksums plus src/detect/validators.ts), so a new provider module needs no hand edit
// of the schema. Decoder and verifier names stay free strings in the schema: an unknown one is a
// per-detector problem (`detectors --check` names it) rather than a whole file failing validation. Run after the TypeScript build
// (`npm run docs:schema`); with --check it only reports whether the schema is stale (exit 1).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validators } from '../dist/detect/validators.js';
import { writeGenerated } from './lib-generated.mjs';

function withGeneratedEnums(schema) {
  const props = schema.$defs.detector.properties;
  props.validators.items.enum = Object.keys(validators);
  props.decoder.description =
    'Offline decoder that refines scope from the token (a provider module in src/providers/; this list is generated).';
  props.verifier.description =
    'Online verifier used under --verify (a provider module in src/providers/; this list is generated).';
  return schema;
}

const target = join(dirname(fileURLToPath(import.meta.url)), '..', 'schemas', 'detector.schema.json');
const schema = withGeneratedEnums(JSON.parse(readFileSync(target, 'utf8')));
writeGenerated(target, `${JSON.stringify(schema, null, 2)}\n`, {
  name: 'gen-schema-enums',
  command: 'npm run docs:schema',
});
