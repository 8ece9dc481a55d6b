// Writes docs/verify-endpoints.md from the verifier registry (run after the TypeScript build:
// `npm run docs:verify`). With --check it only reports whether the file is stale (exit 1).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderVerifyDocs } from '../dist/verify/docs.js';
import { verifiers } from '../dist/verify/providers/index.js';

const target = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'verify-endpoints.md');
const text = renderVerifyDocs(verifiers);
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // missing counts as stale
  }
  if (current !== text) {
    console.error('gen-verify-docs: docs/verify-endpoints.md is stale: run npm run docs:verify');
    process.exit(1);
  }
  console.log('gen-verify-docs: docs/verify-endpoints.md is up to date');
} else {
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
  console.log(`gen-verify-docs: wrote ${target}`);
}
