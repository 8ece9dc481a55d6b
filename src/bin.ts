#!/usr/bin/env node
// The bin (dist/cli.js): small, so that what a pre-commit hook waits for starts at once. For
// `scan --staged` it starts git (the diff and the staged blobs need only the repository) before
// the CLI is loaded, so git runs on the other core while Node compiles the CLI bundle and loads
// the detectors; then it loads the bundle (dist/cli-bundle.cjs) through V8's code cache and hands
// it the process. See docs/performance.md.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheTarget, loadBundle } from './cli/code-cache.js';
import type { Launch } from './cli/entry.js';
import { startStagedRead } from './sources/git-staged-read.js';
import { findRepoRoot } from './sources/repo-root.js';

// Written by scripts/bundle-cli.mjs: the hash of the bundle it built beside this file.
declare const __TOKENSCOPE_CLI_BUNDLE_HASH__: string | undefined;
const buildHash = typeof __TOKENSCOPE_CLI_BUNDLE_HASH__ === 'string' ? __TOKENSCOPE_CLI_BUNDLE_HASH__ : undefined;

const argv = process.argv.slice(2);
const launch: Launch = {};
const staged = argv[0] === 'scan' && argv.includes('--staged');
// Only a guess from the raw arguments: the staged source uses it only if it was started for the
// root the scan settles on and with the same --full, and starts its own otherwise.
if (staged && !process.env['GIT_DIR'] && !process.env['GIT_WORK_TREE']) {
  const root = findRepoRoot(process.cwd());
  if (root) launch.stagedRead = startStagedRead(root, argv.includes('--full'));
}

const bundle = join(dirname(fileURLToPath(import.meta.url)), 'cli-bundle.cjs');
const variant = /^[a-z]{1,16}$/.test(argv[0] ?? '') ? `${argv[0]}${staged ? '-staged' : ''}` : 'other';
const cli = loadBundle(bundle, cacheTarget(bundle, buildHash, variant)) as {
  run: (argv: string[], launch: Launch) => Promise<void>;
};
void cli.run(argv, launch);
