// Writes docs/providers.md from the detector catalogue (after the build: `npm run docs:providers`).
// With --check it only reports whether the file is stale (exit 1).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderProviderDocs } from '../dist/catalog/docs.js';
import { loadBuiltinDetectors } from '../dist/catalog/load.js';
import { writeGenerated } from './lib-generated.mjs';

const target = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'providers.md');
writeGenerated(target, renderProviderDocs(loadBuiltinDetectors()), {
  name: 'gen-provider-docs',
  command: 'npm run docs:providers',
});
