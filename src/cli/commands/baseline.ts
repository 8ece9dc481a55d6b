// `tokenscope baseline -o FILE`: records current findings as accepted. Merges with the entries
// already in FILE (keeping their reasons) unless --prune; written atomically.

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { scan } from '../../pipeline/scan.js';
import {
  baselineKey,
  formatBaseline,
  readBaseline,
  writeBaselineFile,
  type BaselineEntry,
} from '../../suppress/baseline.js';
import { scanOptionsFrom } from './scan.js';
import { plural } from '../../util/format.js';
import type { CliIo } from '../io.js';

export async function runBaselineCommand(
  io: CliIo,
  paths: string[],
  flags: { output: string; prune?: boolean; config?: string },
): Promise<number> {
  const target = resolve(io.cwd, flags.output);
  const result = await scan(scanOptionsFrom(io, paths, flags.config ? { config: flags.config } : {}));
  // Findings a configured baseline already hides are still current: --prune must keep them.
  const current: BaselineEntry[] = [
    ...result.findings,
    ...result.suppressed.filter((f) => f.suppressed?.kind === 'baseline'),
  ].map((f) => ({
    ruleId: f.ruleId,
    path: f.path,
    fingerprint: f.fingerprint,
  }));
  const previous = existsSync(target) ? readBaseline(target).findings : [];
  // The first entry per key, as a search from the top would find it.
  const previousByKey = new Map<string, BaselineEntry>();
  for (const p of previous) if (!previousByKey.has(baselineKey(p))) previousByKey.set(baselineKey(p), p);
  const currentKeys = new Set(current.map(baselineKey));
  const entries = flags.prune
    ? current.map((e) => ({ ...e, ...reasonFor(previousByKey, e) }))
    : [...previous, ...current];
  writeBaselineFile(target, formatBaseline(entries));
  const added = current.filter((e) => !previousByKey.has(baselineKey(e))).length;
  const dropped = flags.prune ? previous.filter((p) => !currentKeys.has(baselineKey(p))).length : 0;
  io.stderr(
    `${flags.output}: ${plural(current.length, 'current finding')} recorded (${added} new${flags.prune ? `, ${dropped} stale removed` : ''})\n`,
  );
  return 0;
}

function reasonFor(previous: ReadonlyMap<string, BaselineEntry>, entry: BaselineEntry): { reason?: string } {
  const reason = previous.get(baselineKey(entry))?.reason;
  return reason ? { reason } : {};
}
