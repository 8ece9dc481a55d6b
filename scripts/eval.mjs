// `npm run eval`: runs the built CLI over ../shared/bench/public-corpus and prints
//  (a) the share of rule-examples.jsonl positives found, per source, for the providers tokenscope
//      covers and overall;
//  (b) the share of negatives flagged (by a detector of the same provider, and by anything);
//  (c) leaky-repo: risk lines found and files over-reported against ground-truth.json;
//  (d) line-level recall and precision over every rule example (the held-out suites' measure).
// Every figure is given at error/warning level (what fails a build) beside any level (notes too).
// Each example is written to its own file in a temporary folder and the whole folder is scanned
// once, the way a user would scan a repository. The corpus is a measuring stick: nothing here
// special-cases its strings or paths.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  corpusDir,
  corpusProvider,
  expectedSpans,
  isIdentifierRule,
  loadCorpus,
  overlapsExpected,
} from '../eval/corpus.mjs';

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
const detectorList = JSON.parse(
  spawnSync(process.execPath, [bin, 'detectors', '--format', 'json'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  }).stdout,
);
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
const emptyRow = () => ({
  pos: 0,
  found: 0,
  foundLive: 0,
  posCovered: 0,
  foundCovered: 0,
  foundCoveredLive: 0,
  posCred: 0,
  foundCred: 0,
  foundCredLive: 0,
  neg: 0,
  flaggedSame: 0,
  flaggedAny: 0,
  flaggedSameLive: 0,
  flaggedAnyLive: 0,
  // Line-level scoring: each line that holds an expected secret is one positive; each flagged line of a negative is one false positive.
  posLines: 0,
  posLinesFound: 0,
  posLinesFoundLive: 0,
  negLinesFlagged: 0,
  negLinesFlaggedLive: 0,
});
const rows = Object.fromEntries(sources.map((s) => [s, emptyRow()]));
const misses = [];
const missesLive = [];
const flagged = [];

/** 1-based line numbers of the lines that hold an expected secret (the first line when it is unknown). */
function expectedLines(text, expected) {
  const spans = expectedSpans(text, expected);
  if (spans.length === 0) return new Set([1]);
  const lines = new Set();
  for (const [from, to] of spans) {
    const first = text.slice(0, from).split('\n').length;
    const last = first + text.slice(from, to).split('\n').length - 1;
    for (let l = first; l <= last; l++) lines.add(l);
  }
  return lines;
}

for (const [dir, { example }] of byDir) {
  const row = rows[example.source];
  const provider = corpusProvider(example);
  const isCovered = covered.has(provider);
  const findings = findingsByDir.get(dir) ?? [];
  const live = findings.filter((f) => f.level !== 'note');
  const spansOf = (list) =>
    list.map((f) => [offsetOf(example.text, f.line, f.column), offsetOf(example.text, f.endLine, f.endColumn)]);
  if (example.label === 'secret') {
    const found = overlapsExpected(example.text, example.expected, spansOf(findings));
    const foundLive = overlapsExpected(example.text, example.expected, spansOf(live));
    row.pos++;
    if (found) row.found++;
    if (foundLive) row.foundLive++;
    if (isCovered) {
      row.posCovered++;
      if (found) row.foundCovered++;
      if (foundLive) row.foundCoveredLive++;
      if (!isIdentifierRule(example)) {
        row.posCred++;
        if (found) row.foundCred++;
        if (foundLive) row.foundCredLive++;
        if (!found) misses.push(`${example.source} ${example.ruleId} (${provider})`);
        else if (!foundLive) missesLive.push(`${example.source} ${example.ruleId} (${provider})`);
      }
    }
    const known = expectedSpans(example.text, example.expected).length > 0;
    for (const line of expectedLines(example.text, example.expected)) {
      row.posLines++;
      const on = (f) => (known ? f.line <= line && line <= f.endLine : true);
      if (findings.some(on)) row.posLinesFound++;
      if (live.some(on)) row.posLinesFoundLive++;
    }
  } else {
    row.neg++;
    if (findings.length > 0) {
      row.flaggedAny++;
      flagged.push(
        `${example.source} ${example.ruleId} (${provider}) → ${[...new Set(findings.map((f) => `${f.ruleId}${f.level === 'note' ? ' [note]' : ''}`))].join(', ')}`,
      );
    }
    if (live.length > 0) row.flaggedAnyLive++;
    if (findings.some((f) => f.provider === provider)) row.flaggedSame++;
    if (live.some((f) => f.provider === provider)) row.flaggedSameLive++;
    row.negLinesFlagged += new Set(findings.map((f) => f.line)).size;
    row.negLinesFlaggedLive += new Set(live.map((f) => f.line)).size;
  }
}

const sum = (key) => Object.values(rows).reduce((a, r) => a + r[key], 0);
const total = Object.fromEntries(Object.keys(emptyRow()).map((k) => [k, sum(k)]));
const cell = (n, d, width = 10) => `${`${n}/${d}`.padStart(width)} ${pct(n, d)}`;
const table = (header, line) => {
  console.log(header);
  for (const s of sources) console.log(`    ${s.padEnd(12)}${line(rows[s])}`);
  console.log(`    ${'overall'.padEnd(12)}${line(total)}`);
};

console.log(`tokenscope ${report.tool.version}: ${detectorList.length} detectors, ${covered.size} providers\n`);
table(
  '(a) positives found       ── covered providers, credential rules ──   ── covered providers, all rules ──   ──────── all examples ────────\n' +
    '                           any level          error/warning          any level          error/warning     any level          error/warning',
  (r) =>
    `${cell(r.foundCred, r.posCred)}  ${cell(r.foundCredLive, r.posCred)}  ${cell(r.foundCovered, r.posCovered)}  ${cell(r.foundCoveredLive, r.posCovered)}  ${cell(r.found, r.pos)}  ${cell(r.foundLive, r.pos)}`,
);
console.log(
  '    (identifier rules — client ids, hostnames, account and bucket names — are not credentials; "any level" counts notes as found)',
);
table(
  '\n(b) negatives flagged      ── same provider ──                        ── any detector ──\n' +
    '                           any level          error/warning          any level          error/warning',
  (r) =>
    `${cell(r.flaggedSame, r.neg)}  ${cell(r.flaggedSameLive, r.neg)}  ${cell(r.flaggedAny, r.neg)}  ${cell(r.flaggedAnyLive, r.neg)}`,
);
// ---- (c): leaky-repo --------------------------------------------------------------------------
const leakyTree = join(corpusDir, 'leaky-repo', 'tree');
const truth = JSON.parse(readFileSync(join(corpusDir, 'leaky-repo', 'ground-truth.json'), 'utf8'));
const leaky = scanJson(leakyTree);
const linesByFile = new Map();
const liveLinesByFile = new Map();
for (const f of leaky.findings) {
  if (!linesByFile.has(f.path)) linesByFile.set(f.path, new Set());
  linesByFile.get(f.path).add(f.line);
  if (f.level === 'note') continue;
  if (!liveLinesByFile.has(f.path)) liveLinesByFile.set(f.path, new Set());
  liveLinesByFile.get(f.path).add(f.line);
}
let riskFound = 0;
let riskFoundLive = 0;
let riskTotal = 0;
let expectedFound = 0;
let expectedFoundLive = 0;
const over = [];
const leakyRows = [];
for (const [path, t] of Object.entries(truth.files)) {
  const lines = linesByFile.get(path)?.size ?? 0;
  const liveLines = liveLinesByFile.get(path)?.size ?? 0;
  riskTotal += t.risk;
  riskFound += Math.min(lines, t.risk);
  riskFoundLive += Math.min(liveLines, t.risk);
  expectedFound += Math.min(lines, t.expected);
  expectedFoundLive += Math.min(liveLines, t.expected);
  if (lines > t.expected) over.push(`${path} (${lines} > ${t.expected})`);
  leakyRows.push(
    `    ${path.padEnd(44)} ${String(lines).padStart(3)} lines (${String(liveLines).padStart(3)} error/warning)   risk ${t.risk}  expected ${t.expected}`,
  );
}
for (const [path, lines] of linesByFile) {
  if (!truth.files[path]) over.push(`${path} (${lines.size} > 0)`);
}
console.log('\n(c) leaky-repo             any level          error/warning');
console.log(`    risk lines found    ${cell(riskFound, riskTotal)}  ${cell(riskFoundLive, riskTotal)}`);
console.log(
  `    risk+informative    ${cell(expectedFound, truth.totals.expected)}  ${cell(expectedFoundLive, truth.totals.expected)}`,
);
console.log(`    files over-reported   ${over.length}${over.length ? `: ${over.join(', ')}` : ''}`);

// ---- (d): line-level precision and recall over every rule example ----------------------------
const precision = (tp, fp) => (tp + fp === 0 ? '  –  ' : (tp / (tp + fp)).toFixed(3));
const recall = (tp, p) => (p === 0 ? '  –  ' : (tp / p).toFixed(3));
table(
  '\n(d) line level, all examples: each line holding an expected secret is a positive, each flagged line of a negative a false positive\n' +
    '                           ───────── error/warning ─────────          ──────────── any level ────────────\n' +
    '                           recall  precision  (found/lines, FP lines)  recall  precision  (found/lines, FP lines)',
  (r) =>
    `  ${recall(r.posLinesFoundLive, r.posLines)}    ${precision(r.posLinesFoundLive, r.negLinesFlaggedLive)}   ${`${r.posLinesFoundLive}/${r.posLines}, ${r.negLinesFlaggedLive}`.padStart(16)}        ${recall(r.posLinesFound, r.posLines)}    ${precision(r.posLinesFound, r.negLinesFlagged)}   ${`${r.posLinesFound}/${r.posLines}, ${r.negLinesFlagged}`.padStart(16)}`,
);

if (verbose) {
  console.log(leakyRows.join('\n'));
  console.log(`\nnegatives flagged (${flagged.length}):`);
  for (const f of flagged.sort()) console.log(`    ${f}`);
  console.log(`\nmisses on covered providers (${misses.length}):`);
  const counts = new Map();
  for (const m of misses) counts.set(m, (counts.get(m) ?? 0) + 1);
  for (const [m, n] of [...counts].sort((a, b) => b[1] - a[1])) console.log(`    ${n}× ${m}`);
  console.log(`\nfound only as notes on covered providers (${missesLive.length}):`);
  const noteCounts = new Map();
  for (const m of missesLive) noteCounts.set(m, (noteCounts.get(m) ?? 0) + 1);
  for (const [m, n] of [...noteCounts].sort((a, b) => b[1] - a[1])) console.log(`    ${n}× ${m}`);
}
