#!/usr/bin/env node
// The bin (dist/cli.cjs; dist/cli.js is the same as an ES module), and the only file that
// touches the process: argv in, stdout/stderr out, exit code set. Small, so that what a pre-commit hook waits for starts at once: for
// `scan --staged` it starts git (the diff and the staged blobs need only the repository) before
// the CLI is loaded, so git runs on the other core while Node compiles the CLI and loads the
// detectors; then it loads the CLI bundle (dist/cli-bundle.cjs, src/cli/main.ts) through V8's
// code cache and hands it the process. See docs/performance.md.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheTarget, loadBundle, type LoadedBundle } from './cli/code-cache.js';
import type { CliIo, CliResult } from './cli/io.js';
import { startStagedRead, type StartedStagedRead } from './sources/git-staged-read.js';
import { findRepoRoot } from './sources/repo-root.js';
import { readAll } from './sources/stdin.js';
import { setFlagsFromString } from 'node:v8';

// V8 lets a heap grow to several times what survived the last full collection before collecting
// again; a scan's garbage is mostly file texts it is done with, so that headroom was ~150 MB of
// peak RSS per worker on the perf corpus. 30 % headroom: 390 → 250 MB with two workers, no
// measurable CPU cost (docs/performance.md). Only the CLI's own process: a library caller's heap
// is not ours to tune.
setFlagsFromString('--heap-growing-percent=30');
// The main thread walks, collects and reports while workers analyze: a 2 MB young generation
// (semi-space) keeps its share of a two-worker scan's peak under the 300 MB bound (perf corpus:
// 299–308 MB with V8's default, 274–295 MB with 2 MB, wall time the same).
setFlagsFromString('--max-semi-space-size=2');

// Written by scripts/bundle-cli.mjs: the hash of the bundle it built beside this file.
declare const __TOKENSCOPE_CLI_BUNDLE_HASH__: string | undefined;
const buildHash = typeof __TOKENSCOPE_CLI_BUNDLE_HASH__ === 'string' ? __TOKENSCOPE_CLI_BUNDLE_HASH__ : undefined;

const argv = process.argv.slice(2);
const staged = argv[0] === 'scan' && argv.includes('--staged');
const repo = findRepoRoot(process.cwd());
// Only a guess from the raw arguments: the staged source uses it only if it was started for the
// root the scan settles on and with the same --full, and starts its own otherwise.
let stagedRead: StartedStagedRead | undefined;
if (staged && repo && !process.env['GIT_DIR'] && !process.env['GIT_WORK_TREE'])
  stagedRead = startStagedRead(repo, argv.includes('--full'));

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
const { main } = loaded.exports as { main: (argv: string[], io: CliIo) => Promise<CliResult> };

process.on('unhandledRejection', (error) => {
  process.stderr.write(
    `tokenscope: internal error: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`,
  );
  process.exitCode = 2;
});

// A reader that went away (`tokenscope detectors | head`) is not a crash: the rest of the report
// is dropped and the command still finishes with its own exit code.
let stdoutGone = false;
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') {
    stdoutGone = true;
    return;
  }
  process.stderr.write(`tokenscope: cannot write to standard output (${error.code ?? 'error'})\n`);
  process.exit(2);
});

const run = (): void =>
  void main(argv, {
    stdout: (text) => {
      if (!stdoutGone) process.stdout.write(text);
    },
    stderr: (text) => process.stderr.write(text),
    isTTY: { stdout: process.stdout.isTTY === true, stderr: process.stderr.isTTY === true },
    env: process.env,
    cwd: process.cwd(),
    ...(process.stdout.isTTY && process.stdout.columns ? { columns: process.stdout.columns } : {}),
    readStdin: () => readAll(process.stdin),
    ...(stagedRead ? { stagedRead } : {}),
  }).then((result) => {
    process.exitCode = result.exitCode;
  });
// One turn of the event loop first: if git's diff is in by now, its output is parsed and the
// blob reader told what to read, so git reads while the CLI loads the detectors.
if (stagedRead) setImmediate(run);
else run();
