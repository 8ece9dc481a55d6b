// Writes docs/verify-endpoints.md from the verifier registry (run after the TypeScript build:
// `npm run docs:verify`). With --check it only reports whether the file is stale (exit 1).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderVerifyDocs } from '../dist/verify/docs.js';
import { verifiers } from '../dist/providers/verifiers.js';
import { writeGenerated } from './lib-generated.mjs';

const target = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'verify-endpoints.md');
writeGenerated(target, renderVerifyDocs(verifiers), { name: 'gen-verify-docs', command: 'npm run docs:verify' });
