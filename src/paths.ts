// Where the package's data folders are, whether running from dist/ (built) or src/ (tests).

import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

/** The package root: the folder holding package.json, detectors/ and schemas/. */
export const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

export function schemaPath(name: string): string {
  return join(packageRoot, 'schemas', name);
}

export const detectorsDir = join(packageRoot, 'detectors');

/** The bundled command-line entry point (package.json `bin`), written by scripts/bundle-cli.mjs. */
export const cliPath = join(packageRoot, 'dist', 'cli.js');

/** The bundled scan worker (one file, quick to start), written by scripts/bundle-cli.mjs. */
export const workerBundlePath = join(packageRoot, 'dist', 'worker.js');

/** The build writes the validated built-in detectors here, so start-up skips YAML parsing. */
export const detectorBundlePath = join(packageRoot, 'dist', 'detectors.json');
