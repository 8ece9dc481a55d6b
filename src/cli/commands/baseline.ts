// `tokenscope baseline -o FILE`: records current findings as accepted. Merges with the entries
// already in FILE (keeping their reasons) unless --prune; written atomically.

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { scan } from '../../scan.js';
import { formatBaseline, readBaseline, writeBaselineFile, type BaselineEntry } from '../../suppress/baseline.js';
import { scanOptionsFrom } from './scan.js';
import { plural } from '../../report/common.js';
import type { CliIo } from '../main.js';

export async function runBaselineCommand(io: CliIo, paths: string[], flags: { output: string; prune?: boolean; config?: string }): Promise<number> {
  const target = resolve(io.cwd, flags.output);
  const result = await scan(scanOptionsFrom(io, paths, flags.config ? { config: flags.config } : {}));
  // Findings a configured baseline already hides are still current: --prune must keep them.
  const current: BaselineEntry[] = [...result.findings, ...result.suppressed.filter((f) => f.suppressed?.kind === 'baseline')].map((f) => ({
    ruleId: f.ruleId,
    path: f.path,
    fingerprint: f.fingerprint,
  }));
  const previous = existsSync(target) ? readBaseline(target).findings : [];
  const entries = flags.prune ? current.map((e) => ({ ...e, ...reasonFor(previous, e) })) : [...previous, ...current];
  writeBaselineFile(target, formatBaseline(entries));
  const added = current.filter((e) => !previous.some((p) => same(p, e))).length;
  const dropped = flags.prune ? previous.filter((p) => !current.some((e) => same(p, e))).length : 0;
  io.stderr(`${flags.output}: ${plural(current.length, 'current finding')} recorded (${added} new${flags.prune ? `, ${dropped} stale removed` : ''})\n`);
  return 0;
}

function same(a: BaselineEntry, b: BaselineEntry): boolean {
  return a.ruleId === b.ruleId && a.path === b.path && a.fingerprint === b.fingerprint;
}

function reasonFor(previous: readonly BaselineEntry[], entry: BaselineEntry): { reason?: string } {
  const reason = previous.find((p) => same(p, entry))?.reason;
  return reason ? { reason } : {};
}
