// Where the package's data folders are, whether running from dist/ (built) or src/ (tests).

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';

/**
 * The package root: the folder holding package.json, detectors/ and schemas/. Found by walking up
 * from this module, because it runs from several depths: src/util/ (tests), dist/util/ (the
 * library), and one bundled file directly in dist/ (the CLI, the worker, the guard).
 */
export const packageRoot = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return join(from, '..');
  }
}

export function schemaPath(name: string): string {
  return join(packageRoot, 'schemas', name);
}

export const detectorsDir = join(packageRoot, 'detectors');

/**
 * The bundled command-line entry point (package.json `bin`, what the pre-commit hook runs), written
 * by scripts/bundle-cli.mjs: CommonJS, which Node starts sooner than dist/cli.js, the same bin as an
 * ES module that earlier hooks name.
 */
export const cliPath = join(packageRoot, 'dist', 'cli.cjs');

/** The bundled scan worker (one file, quick to start), written by scripts/bundle-cli.mjs. */
export const workerBundlePath = join(packageRoot, 'dist', 'worker.js');

/** The build writes the validated built-in detectors here, so start-up skips YAML parsing. */
export const detectorBundlePath = join(packageRoot, 'dist', 'detectors.json');
/**
 * Their prose (description, remediation, references), written beside them by the same build and
 * read only when a report or listing needs it; found from the catalogue's own location.
 */
export const detectorProseBundlePath = join(dirname(detectorBundlePath), 'detectors-prose.json');
/** Their patterns, one per line, beside them: each is parsed when its detector first runs. */
export const detectorPatternsBundlePath = join(dirname(detectorBundlePath), 'detectors-patterns.json');
/** The built-in catalogue's prefilter automaton, written by the build (scripts/bundle-detectors.mjs). */
export const prefilterBundlePath = join(packageRoot, 'dist', 'prefilter.bin');

export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/** Whether a relative path leaves its base: `..` or `../x`, not a name like `..env`. */
export function leavesBase(rel: string): boolean {
  return rel === '..' || rel.startsWith('../') || rel.startsWith(`..${sep}`) || isAbsolute(rel);
}

/** `path` as a reader wants it: relative to `base` (POSIX separators) when inside it, else as given. */
export function displayPath(base: string, path: string): string {
  const rel = relative(base, path);
  return rel === '' || leavesBase(rel) ? path : toPosix(rel);
}
