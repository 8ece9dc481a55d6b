// Developer probe: how the current detectors (read from detectors/*.yaml) do on the public
// corpus, per corpus provider. PROBE=github,aws limits the report to those providers and lists
// every miss and false positive by example id.

import { it } from 'vitest';
import { buildDetectorSet } from '../src/detect/compile.js';
import { detectInText } from '../src/detect/engine.js';
import { builtinDetectorSources, loadDetectorFiles } from '../src/catalog/load.js';
import { corpusProvider, loadCorpus, overlapsExpected } from './corpus.js';

it('probe', () => {
  const loaded = loadDetectorFiles(builtinDetectorSources());
  const set = buildDetectorSet(loaded.files.map((f) => f.file));
  const ours = new Set(loaded.files.map((f) => f.file.provider));
  const only = process.env['PROBE']
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const rows = new Map<
    string,
    { pos: number; found: number; neg: number; flagged: number; misses: string[]; fps: string[] }
  >();
  for (const ex of loadCorpus()) {
    const provider = corpusProvider(ex);
    if (only && !only.includes(provider)) continue;
    if (!only && !ours.has(provider)) continue;
    const key = `${provider} [${ex.source}]`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { pos: 0, found: 0, neg: 0, flagged: 0, misses: [], fps: [] }));
    const matches = detectInText(ex.text, ex.path ?? 'example.txt', set);
    if (ex.label === 'secret') {
      row.pos++;
      if (
        overlapsExpected(
          ex.text,
          ex.expected,
          matches.map((m) => [m.start, m.end]),
        )
      )
        row.found++;
      else row.misses.push(`${ex.id} ${ex.ruleId}: ${ex.text.slice(0, 160).replace(/\n/g, '⏎')}`);
    } else {
      row.neg++;
      const same = matches.filter((m) => m.detector.provider === provider);
      if (process.env['PROBE_NEG'] && matches.length > 0) {
        console.log(
          `NEG ${ex.id} ${ex.ruleId}: ${matches.map((m) => `${m.detector.id}[${m.secret.slice(0, 60)}] key=${m.keyName}`).join(' | ')}\n     ${ex.text.slice(0, 200).replace(/\n/g, '⏎')}`,
        );
      }
      if (same.length > 0) {
        row.flagged++;
        row.fps.push(
          `${ex.id} ${ex.ruleId} → ${same.map((m) => m.detector.id).join(',')}: ${ex.text.slice(0, 120).replace(/\n/g, '⏎')}`,
        );
      }
    }
  }
  const lines: string[] = [];
  let pos = 0;
  let found = 0;
  for (const [key, row] of [...rows].sort()) {
    pos += row.pos;
    found += row.found;
    lines.push(`${key}: positives ${row.found}/${row.pos}, negatives flagged ${row.flagged}/${row.neg}`);
    if (only) for (const m of row.misses) lines.push(`  MISS ${m}`);
    if (only) for (const f of row.fps) lines.push(`  FP   ${f}`);
  }
  lines.push(`TOTAL positives ${found}/${pos}`);
  console.log(lines.join('\n'));
});
