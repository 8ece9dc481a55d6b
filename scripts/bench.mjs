// `npm run bench`: lays out the perf corpus (../shared/bench/perf-corpus/setup.sh, ~510 MB of
// real npm packages), runs the built CLI over it a few times and prints MB/s, files/s, peak RSS
// (the child's VmHWM, read from /proc while it runs) and a digest of the findings, so a speed-up
// that loses or moves findings shows. When ripgrep is installed it searches the same tree for the
// same keyword alternation (every detector keyword, case-insensitive), and the ratio is printed.
// Then the same for a generated tree of 100,000 small files (files/s must scale too). Timing
// lives here, not in unit tests.
//   BENCH_RUNS=3 BENCH_TREE=/path/to/tree BENCH_ARGS="--workers 2" BENCH_SMALL=0 npm run bench
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dist = resolve(here, '..', 'dist');
const bin = join(dist, 'cli.js');
const setup = resolve(here, '..', '..', 'shared', 'bench', 'perf-corpus', 'setup.sh');
const SMALL_FILES = 100_000;

if (!existsSync(bin)) {
  console.error(`bench: ${bin} is missing: run \`npm run build\` first`);
  process.exit(2);
}

function corpusTree() {
  if (process.env.BENCH_TREE) return process.env.BENCH_TREE;
  if (!existsSync(setup)) {
    console.error(`bench: ${setup} not found (the perf corpus lives in ../shared/bench beside this checkout)`);
    process.exit(2);
  }
  const run = spawnSync('bash', [setup], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (run.status !== 0) {
    console.error('bench: perf corpus set-up failed');
    process.exit(2);
  }
  return run.stdout.trim().split('\n').pop();
}

/**
 * A tree of 100,000 small source files (0.3–3 KB, 200 folders), generated once under the cache
 * folder and reused: per-file costs (walk, open, hand-off to workers) dominate here, not bytes.
 */
function smallTree() {
  const root = process.env.BENCH_SMALL_TREE ?? join(homedir(), '.cache', 'tokenscope-perf-corpus', 'small-100k');
  const marker = join(root, '.complete');
  if (existsSync(marker)) return root;
  const building = `${root}.partial`;
  rmSync(building, { recursive: true, force: true });
  let seed = 12345;
  const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) / 16777216;
  const words = [
    'config',
    'value',
    'path',
    'global',
    'token',
    'user',
    'client',
    'request',
    'options',
    'result',
    'pattern',
    'handler',
    'key',
    'cache',
    'blob',
  ];
  const made = new Set();
  for (let i = 0; i < SMALL_FILES; i++) {
    const dir = join(building, `pkg${i % 200}`, `lib${(i >> 8) % 10}`);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    const lines = [`// module ${i}`, `'use strict';`];
    const count = 8 + Math.floor(random() * 60);
    for (let j = 0; j < count; j++) {
      const a = words[Math.floor(random() * words.length)];
      const b = words[Math.floor(random() * words.length)];
      lines.push(`export function ${a}${j}(${b}) { return ${b}.${a} ?? ${Math.floor(random() * 1e6)}; }`);
    }
    writeFileSync(join(dir, `m${i}.js`), `${lines.join('\n')}\n`);
  }
  writeFileSync(join(building, '.complete'), '');
  rmSync(root, { recursive: true, force: true });
  renameSync(building, root);
  return root;
}

function peakRss(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

function timed(command, args, stdout) {
  return new Promise((resolvePromise) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { stdio: ['ignore', stdout, 'inherit'] });
    let rss = 0;
    let out = '';
    if (stdout === 'pipe') child.stdout.on('data', (chunk) => (out += chunk));
    const timer = setInterval(() => {
      rss = Math.max(rss, peakRss(child.pid));
    }, 20);
    child.on('exit', (code) => {
      clearInterval(timer);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      resolvePromise({ code, seconds, rss, out });
    });
  });
}

/** Order-independent digest of what identifies a finding (never the secret itself). */
function digest(findings) {
  const rows = findings
    .map(
      (f) =>
        `${f.ruleId}\t${f.path}\t${f.line}:${f.column}-${f.endLine}:${f.endColumn}\t${f.fingerprint}\t${f.confidence}`,
    )
    .sort();
  return createHash('sha256').update(rows.join('\n')).digest('hex').slice(0, 16);
}

async function benchScan(label, tree, runs) {
  const dir = mkdtempSync(join(tmpdir(), 'tokenscope-bench-'));
  const results = [];
  try {
    for (let i = 0; i < runs; i++) {
      const out = join(dir, `run-${i}.json`);
      const args = [
        bin,
        'scan',
        tree,
        '--format',
        'json',
        '-o',
        out,
        '--fail-on',
        'none',
        ...(process.env.BENCH_ARGS ?? '').split(' ').filter(Boolean),
      ];
      const r = await timed(process.execPath, args, 'ignore');
      if (r.code !== 0) {
        console.error(`bench: scan exited with ${r.code}`);
        process.exit(2);
      }
      const report = JSON.parse(readFileSync(out, 'utf8'));
      results.push({
        ...r,
        bytes: report.stats.bytesScanned,
        files: report.stats.filesScanned,
        findings: report.stats.findings,
        digest: digest(report.findings),
      });
      console.log(`${label} run ${i + 1}: ${r.seconds.toFixed(2)} s`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const digests = new Set(results.map((r) => r.digest));
  results.sort((a, b) => a.seconds - b.seconds);
  const median = results[Math.floor(results.length / 2)];
  const mb = median.bytes / 1e6;
  console.log(`${label}: ${tree}`);
  console.log(
    `  scanned ${median.files} files, ${mb.toFixed(1)} MB, ${median.findings} findings, digest ${[...digests].join(' / ')}${digests.size > 1 ? ' (runs disagree!)' : ''}`,
  );
  console.log(
    `  median of ${runs}: ${median.seconds.toFixed(2)} s → ${(mb / median.seconds).toFixed(1)} MB/s, ${Math.round(median.files / median.seconds)} files/s, peak RSS ${(Math.max(...results.map((r) => r.rss)) / 1048576).toFixed(0)} MB`,
  );
  return median;
}

/** ripgrep over the same tree for the same keywords: the floor a keyword search can reach. */
async function benchRipgrep(tree, runs, scanSeconds) {
  if (spawnSync('rg', ['--version']).status !== 0) {
    console.log('ripgrep: not installed (apt-get install ripgrep), no ratio');
    return;
  }
  const { buildSelectedSet } = await import(pathToFileURL(join(dist, 'pipeline', 'detector-registry.js')).href);
  const keywords = buildSelectedSet({ custom: [], disabled: [] }).automaton.keywords;
  const dir = mkdtempSync(join(tmpdir(), 'tokenscope-bench-rg-'));
  try {
    const patterns = join(dir, 'keywords.txt');
    writeFileSync(patterns, `${keywords.join('\n')}\n`);
    // Fixed strings, case-insensitive, every file (no ignore files, hidden included), counts only.
    const args = ['-F', '-i', '-c', '--no-ignore', '--hidden', '--no-messages', '-f', patterns, tree];
    const times = [];
    for (let i = 0; i < runs; i++) times.push((await timed('rg', args, 'ignore')).seconds);
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)];
    console.log(
      `ripgrep (${keywords.length} keywords, -F -i): median of ${runs}: ${median.toFixed(2)} s; tokenscope / ripgrep wall time: ${(scanSeconds / median).toFixed(2)}×`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const runs = Number(process.env.BENCH_RUNS ?? 3);
const tree = corpusTree();
const full = await benchScan('corpus', tree, runs);
await benchRipgrep(tree, runs, full.seconds);
if (process.env.BENCH_SMALL !== '0') {
  const small = smallTree();
  await benchScan(`${SMALL_FILES} small files`, small, runs);
}
