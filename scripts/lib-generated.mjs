// Shared by the docs generators: write a generated file, or with --check only report whether the
// committed copy is stale (exit 1), so CI and a test can keep generated docs fresh.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export function writeGenerated(target, text, { name, command }) {
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(target, 'utf8');
    } catch {
      // missing counts as stale
    }
    if (current !== text) {
      console.error(`${name}: ${target} is stale: run ${command}`);
      process.exit(1);
    }
    console.log(`${name}: ${target} is up to date`);
  } else {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
    console.log(`${name}: wrote ${target}`);
  }
}
