// `npm run eval:shapes`: how each provider detector's own example secret fares in the shapes
// peers' detector tests put secrets in (a log line below one naming the service, `vendor token =
// '…'`, YAML, a Go variable, a sentence). The secrets are the detectors' positive examples, so a
// miss here is the shape's fault, not the value's: the figure measures how far detection reaches
// past `NAME=value` for formats without a prefix. Written to a temporary folder, scanned once with
// the built CLI; prints found at error/warning, as a note, and missed, per shape.
//   node scripts/eval-shapes.mjs [--verbose]   (TOKENSCOPE_CLI=PATH scores another build)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinDetectorSources, loadDetectorFiles } from '../dist/catalog/load.js';

const here = dirname(fileURLToPath(import.meta.url));
const bin = resolve(process.env.TOKENSCOPE_CLI ?? join(here, '..', 'dist', 'cli.js'));
const verbose = process.argv.includes('--verbose');

const SHAPES = {
  log: (vendor, secret) =>
    `[INFO] Sending request to the ${vendor} API\n[DEBUG] Using Key=${secret}\n[INFO] Response received: 200 OK\n`,
  assignment: (vendor, secret) => `${vendor} token = '${secret}'\n`,
  yaml: (vendor, secret) => `${vendor}_api_key: ${secret}\n`,
  go: (vendor, secret) => `func main() {\n\t${vendor}Key := "${secret}"\n\tfmt.Println(${vendor}Key)\n}\n`,
  prose: (vendor, secret) => `You can find a ${vendor} secret ${secret} within\n`,
};

const files = loadDetectorFiles(builtinDetectorSources()).files.map((f) => f.file);
const root = mkdtempSync(join(tmpdir(), 'tokenscope-shapes-'));
const cases = [];
for (const file of files) {
  for (const d of file.detectors) {
    // Public, identifier and URL formats are not secrets to place; generic detectors have no vendor.
    if (d.generic || d.public || /mention|identifier|-id$|url$|host/.test(d.id)) continue;
    const secret = (d.examples?.positive ?? [])
      .map((e) => (typeof e === 'string' ? undefined : e.secret))
      .find(Boolean);
    if (!secret || secret.includes('\n') || secret.length < 12) continue;
    for (const [shape, write] of Object.entries(SHAPES)) {
      const path = join(`${String(cases.length).padStart(5, '0')}-${shape}`, 'input.txt');
      mkdirSync(join(root, dirname(path)), { recursive: true });
      writeFileSync(join(root, path), write(file.provider, secret));
      cases.push({ path, shape, id: d.id });
    }
  }
}
const out = join(root, '..', `${root.split('/').pop()}.json`);
const run = spawnSync(process.execPath, [bin, 'scan', root, '--format', 'json', '-o', out, '--fail-on', 'none'], {
  encoding: 'utf8',
});
if (run.status !== 0) {
  console.error(`eval:shapes: the scan exited with ${run.status}\n${run.stderr}`);
  process.exit(2);
}
const report = JSON.parse(readFileSync(out, 'utf8'));
rmSync(root, { recursive: true, force: true });
rmSync(out, { force: true });
const byPath = new Map();
for (const f of report.findings) {
  if (!byPath.has(f.path)) byPath.set(f.path, []);
  byPath.get(f.path).push(f);
}
const rows = {};
const missed = {};
for (const c of cases) {
  const found = byPath.get(c.path) ?? [];
  const status = found.some((f) => f.level !== 'note') ? 'found' : found.length > 0 ? 'note' : 'missed';
  rows[c.shape] ??= { found: 0, note: 0, missed: 0 };
  rows[c.shape][status]++;
  if (status !== 'found') (missed[c.shape] ??= []).push(c.id);
}
const total = cases.length / Object.keys(SHAPES).length;
console.log(`eval:shapes: ${total} provider detectors' example secrets, in ${Object.keys(SHAPES).length} shapes`);
console.log('shape        error/warning      note   missed');
for (const [shape, r] of Object.entries(rows)) {
  const pct = ((100 * r.found) / total).toFixed(1).padStart(5);
  console.log(
    `${shape.padEnd(12)} ${String(r.found).padStart(5)} ${pct}%  ${String(r.note).padStart(6)}  ${String(r.missed).padStart(6)}`,
  );
}
if (verbose)
  for (const [shape, ids] of Object.entries(missed)) console.log(`\n${shape} (${ids.length}): ${ids.join(', ')}`);
