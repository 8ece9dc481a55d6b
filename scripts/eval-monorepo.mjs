// `npm run eval:monorepo`: writes the synthetic monorepo of eval/monorepo/generate.mjs (and of each
// eval/monorepo/suite-*.mjs) into a temporary folder, scans it once with the built CLI and scores
// line by line against its labels:
//   TP  a planted secret's line(s) reported at error/warning (by any detector; whether the
//       detector's provider is the planted one is counted apart),
//   FN  a planted secret not reported at error/warning (found only as a note is counted apart),
//   FP  any error/warning finding on a line that holds no planted secret (decoys and the rest).
// A measurement: it exits 0 whatever the figures; 2 only when the scan itself cannot be run.
//
//   node scripts/eval-monorepo.mjs [--seed N] [--suite NAME] [--cli PATH] [--keep DIR] [--json FILE]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildRepo, writeRepo } from '../eval/monorepo/generate.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const seed = Number(option('--seed') ?? 1);
const bin = resolve(option('--cli') ?? join(here, '..', 'dist', 'cli.js'));
const keep = option('--keep');
const jsonOut = option('--json');
const only = option('--suite');

if (!Number.isInteger(seed)) {
  console.error('eval:monorepo: --seed takes an integer');
  process.exit(2);
}
if (!existsSync(bin)) {
  console.error(`eval:monorepo: no CLI at ${bin} (run npm run build)`);
  process.exit(2);
}

// The base repository of generate.mjs and every eval/monorepo/suite-*.mjs (each exports
// buildRepo(seed)), written side by side so one scan covers them all; each is scored on its own
// and in total.
const suiteDir = join(here, '..', 'eval', 'monorepo');
const suites = [{ name: 'base', build: buildRepo }];
for (const file of readdirSync(suiteDir)
  .filter((f) => /^suite-[a-z0-9-]+\.mjs$/.test(f))
  .sort()) {
  const mod = await import(pathToFileURL(join(suiteDir, file)).href);
  suites.push({ name: file.slice('suite-'.length, -'.mjs'.length), build: mod.buildRepo });
}
const chosen = only ? suites.filter((s) => s.name === only) : suites;
if (chosen.length === 0) {
  console.error(`eval:monorepo: no suite named ${only} (have ${suites.map((s) => s.name).join(', ')})`);
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'tokenscope-monorepo-'));
const repoDir = keep ? resolve(keep) : join(work, 'repo');
const labels = { seed, files: {}, secrets: [], decoys: [] };
for (const suite of chosen) {
  const dir = join(repoDir, suite.name);
  mkdirSync(dir, { recursive: true });
  const part = writeRepo(suite.build(seed), dir, seed, join(work, `labels-${suite.name}.json`));
  const prefix = (path) => `${suite.name}/${path}`;
  for (const [path, category] of Object.entries(part.files)) labels.files[prefix(path)] = `${suite.name}:${category}`;
  for (const l of part.secrets)
    labels.secrets.push({ ...l, path: prefix(l.path), category: `${suite.name}:${l.category}` });
  for (const l of part.decoys)
    labels.decoys.push({ ...l, path: prefix(l.path), category: `${suite.name}:${l.category}` });
}
const reportPath = join(work, 'report.json');
const run = spawnSync(
  process.execPath,
  [bin, 'scan', repoDir, '--format', 'json', '-o', reportPath, '--fail-on', 'none'],
  {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  },
);
if (run.status !== 0 || !existsSync(reportPath)) {
  console.error(
    `eval:monorepo: scan of ${repoDir} exited with ${run.status}: ${(run.stderr || '').trim().split('\n')[0]}`,
  );
  process.exit(2);
}
const report = JSON.parse(readFileSync(reportPath, 'utf8'));
rmSync(work, { recursive: true, force: true });

const reported = (f) => f.level === 'error' || f.level === 'warning';
const byPath = new Map();
for (const f of report.findings) {
  if (!byPath.has(f.path)) byPath.set(f.path, []);
  byPath.get(f.path).push(f);
}
const within = (f, l) => f.line >= l.line && f.line <= l.endLine;
const providerMatches = (f, kind) => kind === 'generic' || f.provider === kind || f.ruleId.startsWith(`${kind}.`);
const describe = (f) => `${f.ruleId} / ${f.level}`;

const categories = new Map();
const cat = (name) => {
  if (!categories.has(name)) categories.set(name, { secrets: 0, tp: 0, fn: 0, fp: 0, providerMatched: 0, noteOnly: 0 });
  return categories.get(name);
};

const fns = [];
const tps = [];
for (const l of labels.secrets) {
  const c = cat(l.category);
  c.secrets++;
  const here = (byPath.get(l.path) ?? []).filter((f) => within(f, l));
  const hits = here.filter(reported);
  if (hits.length > 0) {
    c.tp++;
    const matched = hits.some((f) => providerMatches(f, l.kind));
    if (matched) c.providerMatched++;
    tps.push({ ...l, matched, found: hits.map(describe) });
  } else {
    c.fn++;
    const notes = here.filter((f) => f.level === 'note');
    if (notes.length > 0) c.noteOnly++;
    fns.push({ ...l, found: notes.map(describe) });
  }
}

// FPs are counted once per line: several detectors on one line are one false alarm.
const fps = new Map();
for (const f of report.findings.filter(reported)) {
  if (labels.secrets.some((l) => l.path === f.path && within(f, l))) continue;
  const key = `${f.path}:${f.line}`;
  if (fps.has(key)) {
    fps.get(key).found.push(describe(f));
    continue;
  }
  const decoy = labels.decoys.find((d) => d.path === f.path && within(f, d));
  const category = labels.files[f.path] ?? 'unlabelled';
  cat(category).fp++;
  fps.set(key, {
    path: f.path,
    line: f.line,
    category,
    decoy: decoy?.what,
    redacted: f.redacted,
    found: [describe(f)],
  });
}

const ratio = (n, d) => (d === 0 ? '   -' : (n / d).toFixed(3));
const sumOf = (list) =>
  list.reduce(
    (a, c) => ({
      secrets: a.secrets + c.secrets,
      tp: a.tp + c.tp,
      fn: a.fn + c.fn,
      fp: a.fp + c.fp,
      providerMatched: a.providerMatched + c.providerMatched,
      noteOnly: a.noteOnly + c.noteOnly,
    }),
    { secrets: 0, tp: 0, fn: 0, fp: 0, providerMatched: 0, noteOnly: 0 },
  );
const total = sumOf([...categories.values()]);
const summary = (t) =>
  `recall ${ratio(t.tp, t.secrets)}  precision ${ratio(t.tp, t.tp + t.fp)}  TP ${t.tp}  FN ${t.fn} (note only ${t.noteOnly})  FP ${t.fp}  provider matched ${t.providerMatched}/${t.tp}`;

const lines = [];
lines.push(
  `monorepo eval (seed ${seed}, suites ${chosen.map((s) => s.name).join(', ')}): ${Object.keys(labels.files).length} files, ${labels.secrets.length} planted secrets, ${labels.decoys.length} decoys; CLI ${bin}`,
);
lines.push(`${'all suites'.padEnd(12)} ${summary(total)}`);
if (chosen.length > 1)
  for (const suite of chosen) {
    const own = [...categories].filter(([name]) => name.startsWith(`${suite.name}:`)).map(([, c]) => c);
    lines.push(`${suite.name.padEnd(12)} ${summary(sumOf(own))}`);
  }
lines.push('');
lines.push(
  `${'category'.padEnd(24)} ${'secrets'.padStart(7)} ${'TP'.padStart(4)} ${'FN'.padStart(4)} ${'note'.padStart(4)} ${'FP'.padStart(4)} ${'recall'.padStart(7)} ${'precis.'.padStart(7)} ${'prov.ok'.padStart(7)}`,
);
for (const [name, c] of [...categories].sort(([a], [b]) => a.localeCompare(b))) {
  lines.push(
    `${name.padEnd(24)} ${String(c.secrets).padStart(7)} ${String(c.tp).padStart(4)} ${String(c.fn).padStart(4)} ${String(c.noteOnly).padStart(4)} ${String(c.fp).padStart(4)} ${ratio(c.tp, c.secrets).padStart(7)} ${ratio(c.tp, c.tp + c.fp).padStart(7)} ${String(c.providerMatched).padStart(7)}`,
  );
}
lines.push('');
lines.push(`false negatives (${fns.length}):`);
for (const l of fns)
  lines.push(
    `  FN ${l.path}:${l.line} ${l.kind} ${l.redacted} (${l.found.length ? `only ${l.found.join(', ')}` : 'not found'})`,
  );
lines.push('');
lines.push(`false positives (${fps.size}):`);
for (const p of fps.values())
  lines.push(
    `  FP ${p.path}:${p.line} ${p.decoy ? `decoy: ${p.decoy}` : 'unlabelled line'} ${p.redacted} (${p.found.join(', ')})`,
  );
const mismatched = tps.filter((t) => !t.matched);
lines.push('');
lines.push(`found, but not as the planted provider (${mismatched.length}):`);
for (const t of mismatched) lines.push(`  ${t.path}:${t.line} ${t.kind} ${t.redacted} (${t.found.join(', ')})`);
console.log(lines.join('\n'));

if (jsonOut) {
  writeFileSync(
    jsonOut,
    JSON.stringify(
      {
        seed,
        total,
        categories: Object.fromEntries(categories),
        fn: fns,
        fp: [...fps.values()],
        providerMismatch: mismatched,
      },
      null,
      2,
    ) + '\n',
  );
}
