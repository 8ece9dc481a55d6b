// docs/providers.md is generated from the detector catalogue and must be fresh: code and detector
// comments cite it for provider facts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderProviderDocs } from '../../src/catalog/docs.js';
import { builtinDetectorSources, loadDetectorFiles } from '../../src/catalog/load.js';

describe('docs/providers.md', () => {
  it('matches the catalogue (npm run docs:providers regenerates it)', () => {
    const loaded = loadDetectorFiles(builtinDetectorSources());
    expect(loaded.errors).toEqual([]);
    const expected = renderProviderDocs(loaded.files.map((f) => f.file));
    const actual = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'providers.md'), 'utf8');
    expect(actual === expected, 'docs/providers.md is stale: run npm run docs:providers').toBe(true);
  });

  it('has a section for every provider that detector comments can link to', () => {
    const text = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'providers.md'), 'utf8');
    for (const f of loadDetectorFiles(builtinDetectorSources()).files) expect(text).toContain(`\n## ${f.file.provider}\n`);
  });
});
