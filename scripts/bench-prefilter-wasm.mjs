// The prefilter's WebAssembly walk against its JavaScript walk over every file of a tree (the
// perf corpus by default): the hits must be identical, in the same order, for every file, and
// the CPU time of each walk is printed (interleaved rounds, min and median). A measurement and
// a check over real files, not a unit test: the suite must pass without the corpus.
//   node scripts/bench-prefilter-wasm.mjs [tree] [rounds]
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const here = dirname(fileURLToPath(import.meta.url));
const dist = resolve(here, '..', 'dist');
const { loadBuiltinDetectors } = await import(join(dist, 'catalog', 'load.js'));
const { buildDetectorSet } = await import(join(dist, 'detect', 'compile.js'));
const { findKeywordsInBytesJs } = await import(join(dist, 'detect', 'prefilter.js'));
const { wasmWalker, findKeywordsWasm } = await import(join(dist, 'detect', 'prefilter-wasm.js'));

function corpusTree() {
  const setup = resolve(here, '..', '..', 'shared', 'bench', 'perf-corpus', 'setup.sh');
  const run = spawnSync('bash', [setup], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (run.status !== 0) {
    console.error(`bench-prefilter-wasm: ${setup} failed; pass a tree`);
    process.exit(2);
  }
  return run.stdout.trim().split('\n').pop();
}

const tree = process.argv[2] ?? corpusTree();
const rounds = Number(process.argv[3] ?? 5);
const files = [];
(function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.isFile()) files.push(path);
  }
})(tree);
const contents = files.map((path) => readFileSync(path));
const bytes = contents.reduce((sum, c) => sum + c.length, 0);

const automaton = buildDetectorSet(loadBuiltinDetectors()).automaton;
let started = performance.now();
const walker = wasmWalker(automaton);
if (!walker) {
  console.error('bench-prefilter-wasm: the WebAssembly walker did not load');
  process.exit(1);
}
console.log(`walker made in ${(performance.now() - started).toFixed(2)} ms`);

let mismatches = 0;
let hits = 0;
contents.forEach((content, i) => {
  const js = findKeywordsInBytesJs(automaton, content);
  const wasm = findKeywordsWasm(automaton, walker, content);
  hits += js.positions.length;
  const same =
    js.positions.length === wasm.positions.length &&
    js.positions.every((p, k) => p === wasm.positions[k] && js.keywordIds[k] === wasm.keywordIds[k]);
  if (!same) {
    mismatches++;
    if (mismatches <= 10) console.log(`MISMATCH ${files[i]} (${js.positions.length} vs ${wasm.positions.length} hits)`);
  }
});
console.log(`${files.length} files, ${(bytes / 1e6).toFixed(1)} MB, ${hits} hits, ${mismatches} files differ`);

const cpu = (walk) => {
  const before = process.cpuUsage();
  for (const content of contents) walk(content);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
};
const minWasm = Number(process.env.WASM_MIN ?? 2048);
const runs = {
  js: (c) => findKeywordsInBytesJs(automaton, c),
  wasm: (c) => (c.length >= minWasm ? findKeywordsWasm(automaton, walker, c) : findKeywordsInBytesJs(automaton, c)),
};
const times = { js: [], wasm: [] };
for (let r = 0; r < rounds; r++) {
  for (const name of r % 2 === 0 ? ['js', 'wasm'] : ['wasm', 'js']) times[name].push(cpu(runs[name]));
}
for (const [name, list] of Object.entries(times)) {
  const sorted = [...list].sort((a, b) => a - b);
  const min = sorted[0];
  const median = sorted[Math.floor(sorted.length / 2)];
  console.log(
    `${name.padEnd(4)} CPU min ${min.toFixed(0)} ms, median ${median.toFixed(0)} ms, ${(bytes / 1e6 / (min / 1000)).toFixed(0)} MB/s, ${((min * 1e6) / bytes).toFixed(2)} ns/byte`,
  );
}
process.exit(mismatches === 0 ? 0 : 1);
