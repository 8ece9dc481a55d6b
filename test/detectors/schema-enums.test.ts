// The detector schema's validator enum is generated from the registry (npm run docs:schema): a
// provider module's checksum added without regenerating fails here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validators } from '../../src/detect/validators.js';
import { decoders } from '../../src/providers/decoders.js';
import { PROVIDER_MODULES } from '../../src/providers/index.js';
import { verifiers } from '../../src/providers/verifiers.js';

const schema = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'schemas', 'detector.schema.json'), 'utf8')) as {
  $defs: { detector: { properties: Record<string, { enum?: string[]; items?: { enum?: string[] } }> } };
};
const props = schema.$defs.detector.properties;

describe('schemas/detector.schema.json enums', () => {
  it('lists exactly the registered validators (run npm run docs:schema)', () => {
    expect(props['validators']!.items!.enum).toEqual(Object.keys(validators));
  });

  it('the registries hold every decoder and verifier a provider module exports', () => {
    const decoderNames = PROVIDER_MODULES.flatMap((m) => Object.keys(m.decoders ?? {}));
    const verifierNames = PROVIDER_MODULES.flatMap((m) => (m.verifier ? [m.verifier.id] : []));
    expect(decoderNames.length).toBeGreaterThan(10);
    expect(Object.keys(decoders).sort()).toEqual(decoderNames.sort());
    expect(Object.keys(verifiers).sort()).toEqual(verifierNames.sort());
  });

  it('every provider module is named after a detector file, and no name is registered twice', () => {
    const ids = PROVIDER_MODULES.map((m) => m.id);
    expect(ids.length).toBeGreaterThan(20);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids.filter((i) => i !== 'formats')) {
      expect(readFileSync(join(import.meta.dirname, '..', '..', 'detectors', `${id}.yaml`), 'utf8').length, id).toBeGreaterThan(0);
    }
  });

  it('the checksum validators that complete example templates are the ones detectors use', () => {
    const completing = PROVIDER_MODULES.flatMap((m) => Object.entries(m.validators ?? {}).filter(([, v]) => v.complete).map(([n]) => n)).sort();
    expect(completing).toEqual(['crc32-base62', 'gitlab-routable-checksum', 'grafana-sa-checksum']);
  });
});
