#!/usr/bin/env node
// The bin (dist/cli.js): small, so that what a pre-commit hook waits for starts at once. For
// `scan --staged` it starts git (the diff and the staged blobs need only the repository) before
// the CLI is loaded, so git runs on the other core while Node compiles the CLI bundle and loads
// the detectors; then it loads the bundle (dist/cli-bundle.cjs) through V8's code cache and hands
// it the process. See docs/performance.md.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheTarget, loadBundle, type LoadedBundle } from './cli/code-cache.js';
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
const repo = findRepoRoot(process.cwd());
if (staged && repo && !process.env['GIT_DIR'] && !process.env['GIT_WORK_TREE'])
  launch.stagedRead = startStagedRead(repo, argv.includes('--full'));

const bundle = join(dirname(fileURLToPath(import.meta.url)), 'cli-bundle.cjs');
// One cache per command: each holds the functions its own command compiled.
const COMMANDS = new Set(['scan', 'baseline', 'hook', 'init', 'detectors', 'org', 'guard']);
const variant = COMMANDS.has(argv[0] ?? '') ? `${argv[0]}${staged ? '-staged' : ''}` : 'other';
let loaded: LoadedBundle;
try {
  loaded = loadBundle(bundle, cacheTarget(bundle, buildHash, variant, process.env, repo ?? process.cwd()));
} catch (error) {
  // A broken install (the bundle missing or unreadable): one line, not a stack trace.
  const code = (error as NodeJS.ErrnoException).code;
  process.stderr.write(
    `tokenscope: cannot load ${bundle} (${code ?? (error instanceof Error ? error.message.split('\n')[0] : 'error')}): reinstall tokenscope\n`,
  );
  process.exit(2);
}
if (loaded.save) process.once('exit', loaded.save);
const cli = loaded.exports as { run: (argv: string[], launch: Launch) => Promise<void> };
// One turn of the event loop first: if git's diff is in by now, its output is parsed and the
// blob reader told what to read, so git reads while the CLI loads the detectors.
if (launch.stagedRead) setImmediate(() => void cli.run(argv, launch));
else void cli.run(argv, launch);
