// Writes docs/verify-endpoints.md from the verifier registry (run after the TypeScript build:
// `npm run docs:verify`). With --check it only reports whether the file is stale (exit 1).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderVerifyDocs, routeDetectors } from '../dist/verify/docs.js';
import { builtinDetectorSources, loadDetectorFiles } from '../dist/catalog/load.js';
import { verifiers } from '../dist/providers/verifiers.js';
import { writeGenerated } from './lib-generated.mjs';

const target = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'verify-endpoints.md');
const files = loadDetectorFiles(builtinDetectorSources()).files.map((f) => f.file);
writeGenerated(target, renderVerifyDocs(verifiers, routeDetectors(verifiers, files)), {
  name: 'gen-verify-docs',
  command: 'npm run docs:verify',
});
