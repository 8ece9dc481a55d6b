// Writes docs/providers.md from the detector catalogue (after the build: `npm run docs:providers`).
// With --check it only reports whether the file is stale (exit 1).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderProviderDocs } from '../dist/detectors/docs.js';
import { loadBuiltinDetectors } from '../dist/detectors/load.js';

const target = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'providers.md');
const text = renderProviderDocs(loadBuiltinDetectors());
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // missing counts as stale
  }
  if (current !== text) {
    console.error('gen-provider-docs: docs/providers.md is stale: run npm run docs:providers');
    process.exit(1);
  }
  console.log('gen-provider-docs: docs/providers.md is up to date');
} else {
  writeFileSync(target, text);
  console.log(`gen-provider-docs: wrote ${target}`);
}
