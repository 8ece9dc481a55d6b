// `tokenscope detectors`: the catalogue (provider, token type, privilege, breadth), or
// `--check FILE…` to validate detector files with the same checks the test suite runs.

import { resolve } from 'node:path';
import { builtinDetectorSources, loadBuiltinDetectors, loadDetectorFiles } from '../../catalog/load.js';
import { resolveConfig } from '../../config/load.js';
import { findRepoRoot } from '../../sources/walk.js';
import { checkDetectorFiles, formatProblem } from '../../pipeline/check-detectors.js';
import type { DetectorFile, LoadedDetectorFile } from '../../model/detector.js';
import { loadConfiguredDetectors, loadCustomDetectors } from '../../pipeline/detector-registry.js';
import { TokenscopeError, usageError } from '../../util/errors.js';
import { plural } from '../../util/format.js';
import type { CliIo } from '../io.js';
import { closest, type DetectorSelectionResult } from '../../catalog/selection.js';

export interface DetectorsFlags {
  check?: string[] | boolean;
  format: 'text' | 'json';
  /** Configuration whose `detectors.custom` files join the listing (default: found from the cwd). */
  config?: string;
}

/**
 * The configuration in force: its custom detectors (checked as a scan checks them) and which
 * detectors it turns off or sets to another level, so the listing says what a scan would run.
 */
async function configuredDetectors(
  io: CliIo,
  builtins: readonly DetectorFile[],
  configPath: string | undefined,
): Promise<{ custom: DetectorFile[]; selection: DetectorSelectionResult }> {
  const config = resolveConfig(
    io.cwd,
    findRepoRoot(io.cwd) ?? io.cwd,
    configPath ? { configPath: resolve(io.cwd, configPath) } : {},
  );
  const { custom, chosen } = await loadConfiguredDetectors(config, builtins);
  return { custom, selection: chosen };
}

export async function runDetectorsCommand(io: CliIo, flags: DetectorsFlags, ids: string[] = []): Promise<number> {
  if (flags.check !== undefined) {
    const userFiles = Array.isArray(flags.check) && flags.check.length > 0;
    // Files a user names get the same checks as a scan's custom detectors (one verdict).
    let loaded: { files: LoadedDetectorFile[] };
    let problems: string[];
    if (userFiles) {
      const custom = await loadCustomDetectors(
        (flags.check as string[]).map((p) => resolve(io.cwd, p)),
        loadBuiltinDetectors(),
      );
      loaded = { files: custom.loaded };
      problems = custom.errors;
    } else {
      const builtin = loadDetectorFiles(builtinDetectorSources());
      loaded = builtin;
      problems = [...builtin.errors, ...checkDetectorFiles(builtin.files).map(formatProblem)];
    }
    if (problems.length > 0) {
      throw new TokenscopeError(
        'E_DETECTOR',
        `detector check failed (${plural(problems.length, 'problem')})`,
        problems,
      );
    }
    const count = loaded.files.reduce((n, f) => n + f.file.detectors.length, 0);
    io.stdout(`${count} detectors in ${loaded.files.length} files: schema, structure and every example pass\n`);
    return 0;
  }
  const builtins = loadBuiltinDetectors();
  const { custom, selection } = await configuredDetectors(io, builtins, flags.config);
  const files = [...builtins, ...custom];
  const customFiles = new Set(custom);
  const rows = files.flatMap((file) =>
    file.detectors.map((d) => ({
      ...(customFiles.has(file) ? { custom: true } : {}),
      id: d.id,
      // What the configuration makes of it: off, or another level for its findings.
      enabled: !selection.disabled.has(d.id),
      ...(selection.levels.has(d.id) ? { level: selection.levels.get(d.id)! } : {}),
      provider: file.provider,
      providerName: file.providerName,
      tokenType: d.tokenType,
      name: d.name,
      privilege: d.privilege,
      breadth: d.breadth,
      confidence: d.confidence,
      ...(d.narrowerAlternative ? { narrowerAlternative: d.narrowerAlternative } : {}),
      remediation: d.remediation,
    })),
  );
  rows.sort((a, b) => (a.id < b.id ? -1 : 1));
  if (ids.length > 0) {
    const wanted = rows.filter((r) => ids.includes(r.id) || ids.includes(r.provider));
    const unknown = ids.filter((id) => !rows.some((r) => r.id === id || r.provider === id));
    if (unknown.length > 0) {
      const hints = unknown.map((id) => {
        const near = closest(id, [...new Set([...rows.map((r) => r.id), ...rows.map((r) => r.provider)])]);
        return near ? `${id} (did you mean ${near}?)` : id;
      });
      throw usageError(`unknown detector or provider: ${hints.join(', ')} (tokenscope detectors lists them)`);
    }
    if (flags.format === 'json') {
      io.stdout(`${JSON.stringify(wanted, null, 2)}\n`);
      return 0;
    }
    io.stdout(`${wanted.map(describeDetector).join('\n')}`);
    return 0;
  }
  if (flags.format === 'json') {
    io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const width = Math.max(...rows.map((r) => r.id.length));
  const lines = [
    `${'DETECTOR'.padEnd(width)}  ${'PRIVILEGE'.padEnd(11)}  ${'BREADTH'.padEnd(8)}  NARROWER ALTERNATIVE`,
  ];
  for (const r of rows) {
    const state = !r.enabled ? '  (off in config)' : r.level ? `  (level ${r.level} in config)` : '';
    lines.push(
      `${r.id.padEnd(width)}  ${r.privilege.padEnd(11)}  ${r.breadth.padEnd(8)}  ${r.narrowerAlternative ?? '—'}${state}`,
    );
  }
  const off = rows.filter((r) => !r.enabled).length;
  lines.push(
    '',
    `${rows.length} detectors from ${files.length} providers${custom.length > 0 ? ` (${custom.reduce((n, f) => n + f.detectors.length, 0)} custom)` : ''}${off > 0 ? `; ${off} off in the configuration` : ''}`,
  );
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
}

function describeDetector(r: {
  id: string;
  name: string;
  providerName: string;
  tokenType: string;
  privilege: string;
  breadth: string;
  confidence: string;
  narrowerAlternative?: string;
  remediation: string;
  custom?: boolean;
  enabled: boolean;
  level?: string;
}): string {
  return [
    `${r.id}  ${r.name} (${r.providerName})${r.custom ? ' [custom]' : ''}`,
    ...(!r.enabled
      ? ['  config:      off (does not run)']
      : r.level
        ? [`  config:      findings reported at level ${r.level}`]
        : []),
    `  privilege:   ${r.privilege}`,
    `  breadth:     ${r.breadth}`,
    `  narrower:    ${r.narrowerAlternative ?? '— already the narrowest option'}`,
    `  remediation: ${r.remediation}`,
    '',
  ].join('\n');
}
