// `npm run eval`: runs the built CLI over ../shared/bench/public-corpus and prints
//  (a) the share of rule-examples.jsonl positives found, per source, for the providers tokenscope
//      covers and overall;
//  (b) the share of negatives flagged (by a detector of the same provider, and by anything);
//  (c) leaky-repo: risk lines found and files over-reported against ground-truth.json.
// Each example is written to its own file in a temporary folder and the whole folder is scanned
// once, the way a user would scan a repository. The corpus is a measuring stick: nothing here
// special-cases its strings or paths.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusDir, corpusProvider, isIdentifierRule, loadCorpus, overlapsExpected } from '../eval/corpus.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const bin = resolve(here, '..', 'dist', 'cli.js');
const verbose = process.argv.includes('--verbose');

if (!existsSync(join(corpusDir, 'rule-examples.jsonl'))) {
  console.error(`eval: no corpus at ${corpusDir} (set TOKENSCOPE_CORPUS)`);
  process.exit(2);
}

function scanJson(target) {
  const out = join(mkdtempSync(join(tmpdir(), 'tokenscope-eval-out-')), 'report.json');
  const run = spawnSync(process.execPath, [bin, 'scan', target, '--format', 'json', '-o', out, '--fail-on', 'none'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.status !== 0) {
    console.error(`eval: scan of ${target} exited with ${run.status}\n${run.stderr}`);
    process.exit(2);
  }
  const report = JSON.parse(readFileSync(out, 'utf8'));
  rmSync(dirname(out), { recursive: true, force: true });
  return report;
}

function pct(n, d) {
  return d === 0 ? '   –  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`;
}

/** Offset of a 1-based line/column in text. */
function offsetOf(text, line, column) {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return offset + column - 1;
}

// ---- (a) and (b): rule examples -------------------------------------------------------------
const examples = loadCorpus();
const detectorList = JSON.parse(spawnSync(process.execPath, [bin, 'detectors', '--format', 'json'], { encoding: 'utf8' }).stdout);
const covered = new Set(detectorList.map((d) => d.provider));
const root = mkdtempSync(join(tmpdir(), 'tokenscope-eval-'));
const byDir = new Map();
examples.forEach((example, index) => {
  const dir = `${example.source}/${String(index).padStart(5, '0')}`;
  const name = example.path ? example.path.split('/').pop() : 'input.txt';
  const file = join(root, dir, name);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, example.text);
  byDir.set(dir, { example, name });
});
const report = scanJson(root);
rmSync(root, { recursive: true, force: true });
const findingsByDir = new Map();
for (const finding of report.findings) {
  const dir = finding.path.split('/').slice(0, 2).join('/');
  if (!findingsByDir.has(dir)) findingsByDir.set(dir, []);
  findingsByDir.get(dir).push(finding);
}

const sources = ['noseyparker', 'kingfisher', 'gitleaks', 'secretlint'];
const rows = Object.fromEntries(
  sources.map((s) => [s, { pos: 0, found: 0, posCovered: 0, foundCovered: 0, posCred: 0, foundCred: 0, foundCredLive: 0, neg: 0, flaggedSame: 0, flaggedAny: 0, flaggedSameLive: 0 }]),
);
const misses = [];
const flagged = [];
for (const [dir, { example }] of byDir) {
  const row = rows[example.source];
  const provider = corpusProvider(example);
  const isCovered = covered.has(provider);
  const findings = findingsByDir.get(dir) ?? [];
  const spans = findings.map((f) => [offsetOf(example.text, f.line, f.column), offsetOf(example.text, f.endLine, f.endColumn)]);
  if (example.label === 'secret') {
    const found = overlapsExpected(example.text, example.expected, spans);
    const live = findings.filter((f) => f.level !== 'note');
    const foundLive = overlapsExpected(example.text, example.expected, live.map((f) => [offsetOf(example.text, f.line, f.column), offsetOf(example.text, f.endLine, f.endColumn)]));
    row.pos++;
    if (found) row.found++;
    if (isCovered) {
      row.posCovered++;
      if (found) row.foundCovered++;
      if (!isIdentifierRule(example)) {
        row.posCred++;
        if (found) row.foundCred++;
        if (foundLive) row.foundCredLive++;
        if (!found) misses.push(`${example.source} ${example.ruleId} (${provider})`);
      }
    }
  } else {
    row.neg++;
    if (findings.length > 0) {
      row.flaggedAny++;
      flagged.push(`${example.source} ${example.ruleId} (${provider}) → ${[...new Set(findings.map((f) => f.ruleId))].join(', ')}`);
    }
    if (findings.some((f) => f.provider === provider)) row.flaggedSame++;
    if (findings.some((f) => f.provider === provider && f.level !== 'note')) row.flaggedSameLive++;
  }
}

console.log(`tokenscope ${report.tool.version}: ${detectorList.length} detectors, ${covered.size} providers\n`);
console.log('(a) positives found      covered providers, credential rules   (as live secrets)   covered, all rules      all examples');
for (const s of sources) {
  const r = rows[s];
  console.log(`    ${s.padEnd(12)} ${`${r.foundCred}/${r.posCred}`.padStart(14)} ${pct(r.foundCred, r.posCred)} ${`${r.foundCredLive}`.padStart(14)} ${pct(r.foundCredLive, r.posCred)} ${`${r.foundCovered}/${r.posCovered}`.padStart(14)} ${pct(r.foundCovered, r.posCovered)} ${`${r.found}/${r.pos}`.padStart(12)} ${pct(r.found, r.pos)}`);
}
const sum = (key) => Object.values(rows).reduce((a, r) => a + r[key], 0);
console.log(`    ${'overall'.padEnd(12)} ${`${sum('foundCred')}/${sum('posCred')}`.padStart(14)} ${pct(sum('foundCred'), sum('posCred'))} ${`${sum('foundCredLive')}`.padStart(14)} ${pct(sum('foundCredLive'), sum('posCred'))} ${`${sum('foundCovered')}/${sum('posCovered')}`.padStart(14)} ${pct(sum('foundCovered'), sum('posCovered'))} ${`${sum('found')}/${sum('pos')}`.padStart(12)} ${pct(sum('found'), sum('pos'))}`);
console.log('    (identifier rules — client ids, hostnames, account and bucket names — are not credentials; notes count as found)');
console.log('\n(b) negatives flagged      same provider, any level   same provider, as live secret   any detector, any level');
for (const s of sources) {
  const r = rows[s];
  console.log(`    ${s.padEnd(12)} ${`${r.flaggedSame}/${r.neg}`.padStart(14)} ${pct(r.flaggedSame, r.neg)} ${`${r.flaggedSameLive}/${r.neg}`.padStart(20)} ${pct(r.flaggedSameLive, r.neg)} ${`${r.flaggedAny}/${r.neg}`.padStart(18)} ${pct(r.flaggedAny, r.neg)}`);
}
console.log(`    ${'overall'.padEnd(12)} ${`${sum('flaggedSame')}/${sum('neg')}`.padStart(14)} ${pct(sum('flaggedSame'), sum('neg'))} ${`${sum('flaggedSameLive')}/${sum('neg')}`.padStart(20)} ${pct(sum('flaggedSameLive'), sum('neg'))} ${`${sum('flaggedAny')}/${sum('neg')}`.padStart(18)} ${pct(sum('flaggedAny'), sum('neg'))}`);

// ---- (c): leaky-repo --------------------------------------------------------------------------
const leakyTree = join(corpusDir, 'leaky-repo', 'tree');
const truth = JSON.parse(readFileSync(join(corpusDir, 'leaky-repo', 'ground-truth.json'), 'utf8'));
const leaky = scanJson(leakyTree);
const linesByFile = new Map();
for (const f of leaky.findings) {
  if (!linesByFile.has(f.path)) linesByFile.set(f.path, new Set());
  linesByFile.get(f.path).add(f.line);
}
let riskFound = 0;
let riskTotal = 0;
let expectedFound = 0;
const over = [];
const leakyRows = [];
for (const [path, t] of Object.entries(truth.files)) {
  const lines = linesByFile.get(path)?.size ?? 0;
  riskTotal += t.risk;
  riskFound += Math.min(lines, t.risk);
  expectedFound += Math.min(lines, t.expected);
  if (lines > t.expected) over.push(`${path} (${lines} > ${t.expected})`);
  leakyRows.push(`    ${path.padEnd(44)} ${String(lines).padStart(3)} lines   risk ${t.risk}  expected ${t.expected}`);
}
for (const [path, lines] of linesByFile) {
  if (!truth.files[path]) over.push(`${path} (${lines.size} > 0)`);
}
console.log('\n(c) leaky-repo');
console.log(`    risk lines found      ${riskFound}/${riskTotal} ${pct(riskFound, riskTotal)}`);
console.log(`    risk+informative      ${expectedFound}/${truth.totals.expected} ${pct(expectedFound, truth.totals.expected)}`);
console.log(`    files over-reported   ${over.length}${over.length ? `: ${over.join(', ')}` : ''}`);
if (verbose) {
  console.log(leakyRows.join('\n'));
  console.log(`\nnegatives flagged (${flagged.length}):`);
  for (const f of flagged.sort()) console.log(`    ${f}`);
  console.log(`\nmisses on covered providers (${misses.length}):`);
  const counts = new Map();
  for (const m of misses) counts.set(m, (counts.get(m) ?? 0) + 1);
  for (const [m, n] of [...counts].sort((a, b) => b[1] - a[1])) console.log(`    ${n}× ${m}`);
}
