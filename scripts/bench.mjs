// `npm run bench`: lays out the perf corpus (../shared/bench/perf-corpus/setup.sh, ~510 MB of
// real npm packages), runs the built CLI over it a few times and prints MB/s, files/s and peak
// RSS (the child's VmHWM, read from /proc while it runs). Timing lives here, not in unit tests.
//   BENCH_RUNS=3 BENCH_TREE=/path/to/tree BENCH_ARGS="--workers 2" npm run bench
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const bin = resolve(here, '..', 'dist', 'cli.js');
const setup = resolve(here, '..', '..', 'shared', 'bench', 'perf-corpus', 'setup.sh');

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

function peakRss(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

function runOnce(tree, out) {
  return new Promise((resolvePromise) => {
    const args = [bin, 'scan', tree, '--format', 'json', '-o', out, '--fail-on', 'none', ...(process.env.BENCH_ARGS ?? '').split(' ').filter(Boolean)];
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
    let rss = 0;
    const timer = setInterval(() => {
      rss = Math.max(rss, peakRss(child.pid));
    }, 20);
    child.on('exit', (code) => {
      clearInterval(timer);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      resolvePromise({ code, seconds, rss });
    });
  });
}

const tree = corpusTree();
const runs = Number(process.env.BENCH_RUNS ?? 3);
const dir = mkdtempSync(join(tmpdir(), 'tokenscope-bench-'));
const results = [];
for (let i = 0; i < runs; i++) {
  const out = join(dir, `run-${i}.json`);
  const r = await runOnce(tree, out);
  if (r.code !== 0) {
    console.error(`bench: scan exited with ${r.code}`);
    process.exit(2);
  }
  const report = JSON.parse(readFileSync(out, 'utf8'));
  results.push({ ...r, bytes: report.stats.bytesScanned, files: report.stats.filesScanned, findings: report.stats.findings });
  console.log(`run ${i + 1}: ${r.seconds.toFixed(2)} s`);
}
rmSync(dir, { recursive: true, force: true });
results.sort((a, b) => a.seconds - b.seconds);
const median = results[Math.floor(results.length / 2)];
const mb = median.bytes / 1e6;
console.log(`corpus: ${tree}`);
console.log(`scanned ${median.files} files, ${mb.toFixed(1)} MB, ${median.findings} findings`);
console.log(`median of ${runs}: ${median.seconds.toFixed(2)} s → ${(mb / median.seconds).toFixed(1)} MB/s, ${Math.round(median.files / median.seconds)} files/s, peak RSS ${(Math.max(...results.map((r) => r.rss)) / 1048576).toFixed(0)} MB`);
