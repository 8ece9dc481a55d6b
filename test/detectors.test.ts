// Every built-in detector file: schema-valid, structurally sound, and each example is its own
// test case (positives found with the expected secret, negatives not found).

import { describe, expect, it } from 'vitest';
import { builtinDetectorSources, loadDetectorFiles } from '../src/catalog/load.js';
import { checkDetectorFiles, liveSecretsFoundIn, normalizeExample } from '../src/pipeline/check-detectors.js';
import { buildDetectorSet } from '../src/detect/compile.js';

const loaded = loadDetectorFiles(builtinDetectorSources());
const set = buildDetectorSet(loaded.files.map((f) => f.file));

describe('built-in detector files', () => {
  it('validate against schemas/detector.schema.json', () => {
    expect(loaded.errors).toEqual([]);
  });

  it('pass the structural checks (ids, patterns, decoders)', () => {
    const problems = checkDetectorFiles(loaded.files, { examples: false });
    expect(problems.map((p) => `${p.source}: ${p.detectorId}: ${p.message}`)).toEqual([]);
  });

  it('are named after their provider', () => {
    for (const { source, file } of loaded.files) {
      expect(source).toMatch(new RegExp(`detectors/${file.provider}\\.(?:ya?ml|json)$`));
    }
  });
});

describe.for(loaded.files.map((f) => [f.source, f.file] as const))('%s', ([, file]) => {
  describe.for(file.detectors.map((d) => [d.id, d] as const))('%s', ([id, def]) => {
    const keywords = (def.keywords ?? []).map((k) => k.toLowerCase());
    it.for(def.examples.positive.map((e, i) => [i, e] as const))('positive[%i] is found', ([, raw]) => {
      const example = normalizeExample(raw);
      if (!def.wholeFile)
        expect(
          keywords.some((k) => example.text.toLowerCase().includes(k)),
          'contains a keyword',
        ).toBe(true);
      const found = liveSecretsFoundIn(set, id, example);
      expect(found.length, 'matches').toBeGreaterThan(0);
      // Compared as a boolean so a failure never prints the (fake) secret.
      if (example.secret !== undefined)
        expect(found.includes(example.secret), 'captures the declared secret').toBe(true);
    });
    it.for(def.examples.negative.map((e, i) => [i, e] as const))('negative[%i] is not found', ([, raw]) => {
      expect(liveSecretsFoundIn(set, id, normalizeExample(raw)).length).toBe(0);
    });
  });
});
