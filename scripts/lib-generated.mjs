// Shared by the generators and build steps: write a generated file, or with --check only report
// whether the committed copy is stale (exit 1), so CI and a test can keep generated docs fresh;
// and escape what a generated file holds past ASCII.
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

/**
 * `text` with every character past ASCII written as a `\uXXXX` escape (a surrogate pair as two),
 * which means the same character in JSON strings and in JavaScript strings, regex literals and
 * comments. Node reads an ASCII file into a one-byte string without decoding it. `check(at)` may
 * refuse a position (throw): a character right after a backslash would change meaning.
 */
export function escapeNonAscii(text, check = () => {}) {
  return text.replace(/[^\x00-\x7f]/g, (c, at) => {
    check(at);
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}
