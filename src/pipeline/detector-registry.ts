// Builds the runnable detector set a scan uses: the built-ins plus the config's custom detector
// files, minus the disabled ids. Workers call this too, each compiling its own copy.

import { buildDetectorSet, type DetectorSet } from '../detect/compile.js';
import type { DetectorFile, LoadedDetectorFile } from '../model/detector.js';
import { loadDetectorFiles, selectDetectorFiles, type DetectorSelection } from '../catalog/load.js';
import { checkDetectorFiles, formatProblem, type DetectorProblem } from './check-detectors.js';
export type { DetectorSelection };
import { checkBacktracking, type PatternJob } from '../util/redos.js';
import { checkUserRegex } from '../util/user-regex.js';
import { resolveDetectorSelection, type DetectorSelectionResult } from '../catalog/selection.js';
import type { ResolvedConfig } from '../model/config.js';
import { configError, TokenscopeError, usageError } from '../util/errors.js';
import { plural } from '../util/format.js';

/**
 * Loads and checks custom detectors; returns their files or the problems (one line each, naming
 * the file and the detector). `scan` and `detectors --check FILE` both call this: one verdict on
 * what is a valid detector. Every pattern goes through `checkUserRegex` (static backtracking
 * check, engine choice) first; a pattern that must run on V8 is also timed on adversarial input
 * in a worker. Only then do the example checks run them: a failing detector is left out of
 * every later step.
 */
export async function loadCustomDetectors(
  paths: readonly string[],
  builtins: readonly DetectorFile[],
  options: { backtrackingBudgetMs?: number; reserveBuiltinIds?: boolean } = {},
): Promise<{ files: DetectorFile[]; loaded: LoadedDetectorFile[]; errors: string[] }> {
  if (paths.length === 0) return { files: [], loaded: [], errors: [] };
  const loaded = loadDetectorFiles(paths, { userSupplied: true });
  const rejected = new Map<string, string>();
  const jobs: PatternJob[] = [];
  for (const { source, file } of loaded.files) {
    for (const d of file.detectors) {
      const flags = d.caseInsensitive ? 'di' : 'd';
      const verdict = checkUserRegex(d.pattern, flags);
      if ('problem' in verdict) rejected.set(`${source}\0${d.id}`, verdict.problem);
      else if (verdict.engine === 'v8') jobs.push({ key: `${source}\0${d.id}`, pattern: d.pattern, flags });
    }
  }
  for (const [key, risk] of await checkBacktracking(jobs, options.backtrackingBudgetMs))
    rejected.set(key, `pattern rejected: ${risk.message}`);
  const riskProblems: DetectorProblem[] = [];
  const safe: LoadedDetectorFile[] = loaded.files.map(({ source, file }) => ({
    source,
    file: {
      ...file,
      detectors: file.detectors.filter((d) => {
        const problem = rejected.get(`${source}\0${d.id}`);
        if (problem) riskProblems.push({ source, detectorId: d.id, message: problem });
        return !problem;
      }),
    },
  }));
  const reserved =
    options.reserveBuiltinIds === false
      ? new Set<string>()
      : new Set(builtins.flatMap((f) => f.detectors.map((d) => d.id)));
  const problems = checkDetectorFiles(safe, { reservedIds: reserved }).map(formatProblem);
  return {
    files: safe.map((f) => f.file),
    loaded: safe,
    errors: [...loaded.errors, ...riskProblems.map(formatProblem), ...problems],
  };
}

export function buildSelectedSet(selection: DetectorSelection): DetectorSet {
  return buildDetectorSet(selectDetectorFiles(selection), new Set(selection.disabled));
}

/**
 * The catalogue a configuration asks for: the built-ins plus its checked custom detectors, and
 * which of them run at which level (`detectors.only` or --detectors, `disable`, `levels`). Throws
 * one error naming the config file when a custom detector or a selector is invalid; `scan` and
 * `tokenscope detectors` share it, so the listing says exactly what a scan would run.
 */
export async function loadConfiguredDetectors(
  config: ResolvedConfig,
  builtins: readonly DetectorFile[],
  cli: { only?: readonly string[] } = {},
): Promise<{ custom: DetectorFile[]; chosen: DetectorSelectionResult }> {
  const custom = await loadCustomDetectors(config.customDetectors, builtins);
  const where = config.source ?? 'config';
  if (custom.errors.length > 0) {
    throw new TokenscopeError(
      'E_DETECTOR',
      `${where}: detectors.custom: custom detectors are invalid (${plural(custom.errors.length, 'problem')})`,
      custom.errors,
    );
  }
  const catalogue = [...builtins, ...custom.files].flatMap((f) =>
    f.detectors.map((d) => ({ id: d.id, provider: f.provider })),
  );
  const only = cli.only ?? config.onlyDetectors;
  const chosen = resolveDetectorSelection(catalogue, {
    ...(only ? { only: [...only], onlyLabel: cli.only ? '--detectors' : 'detectors.only' } : {}),
    disable: config.disabledDetectors,
    levels: config.detectorLevels,
    exactIds: config.allowlist.flatMap((entry, i) =>
      entry.detectors ? [[`allowlist[${i}].detectors`, entry.detectors] as const] : [],
    ),
  });
  const cliProblems = chosen.problems.filter((p) => p.startsWith('--detectors'));
  if (cliProblems.length > 0) throw usageError(cliProblems.join('; '));
  if (chosen.problems.length === 1) throw configError(`${where}: ${chosen.problems[0]}`);
  if (chosen.problems.length > 0) {
    throw configError(
      `${where}: invalid detector selection (${plural(chosen.problems.length, 'problem')})`,
      chosen.problems.map((p) => `${where}: ${p}`),
    );
  }
  return { custom: custom.files, chosen };
}
