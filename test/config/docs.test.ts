// The documentation of custom detectors names every field the detector schema requires, so the
// README and docs/configuration.md cannot drift from schemas/detector.schema.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const schema = JSON.parse(readFileSync(join(root, 'schemas', 'detector.schema.json'), 'utf8')) as {
  required: string[];
  $defs: { detector: { required: string[] } };
};

describe('custom detector documentation', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Custom detectors'), readme.indexOf('Fingerprints are keyed'));
  const doc = readFileSync(join(root, 'docs', 'configuration.md'), 'utf8');
  const docSection = doc.slice(doc.indexOf('## Custom detectors'));

  it.each([...schema.required, ...schema.$defs.detector.required])('names the required field %s', (field) => {
    expect(section).toContain(`\`${field}\``);
    expect(docSection).toContain(`\`${field}\``);
  });
});

describe('configuration examples in the documentation', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const doc = readFileSync(join(root, 'docs', 'configuration.md'), 'utf8');
  const configSection = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('## Baselines and ignores'));
  const blocks = [...configSection.matchAll(/```yaml\n([\s\S]*?)```/g), ...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map(
    (m) => m[1]!,
  );

  it('every YAML example validates against the config schema', async () => {
    const { parseConfig } = await import('../../src/config/load.js');
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    for (const block of blocks) expect(() => parseConfig(block, 'example.yaml'), block).not.toThrow();
  });
});
