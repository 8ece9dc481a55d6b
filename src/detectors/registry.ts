// Builds the runnable detector set a scan uses: the built-ins plus the config's custom detector
// files, minus the disabled ids. Workers call this too, each compiling its own copy.

import { buildDetectorSet, type DetectorSet } from '../detect/compile.js';
import type { DetectorFile, LoadedDetectorFile } from './definition.js';
import { loadBuiltinDetectors, loadDetectorFiles } from './load.js';
import { checkDetectorFiles, formatProblem, type DetectorProblem } from './check.js';
import { checkBacktracking, type PatternJob } from './redos.js';

export interface DetectorSelection {
  /** Absolute paths of custom detector files or folders. */
  custom: string[];
  disabled: string[];
}

/**
 * Loads and checks custom detectors; returns their files or the problems (one line each, naming
 * the file and the detector). Patterns are checked for catastrophic backtracking first, before
 * the example checks run them: a failing detector is left out of every later step.
 */
export async function loadCustomDetectors(
  paths: readonly string[],
  builtins: readonly DetectorFile[],
  options: { backtrackingBudgetMs?: number } = {},
): Promise<{ files: DetectorFile[]; errors: string[] }> {
  if (paths.length === 0) return { files: [], errors: [] };
  const loaded = loadDetectorFiles(paths);
  const jobs: PatternJob[] = loaded.files.flatMap(({ source, file }) =>
    file.detectors.map((d) => ({ key: `${source}\0${d.id}`, pattern: d.pattern, flags: d.caseInsensitive ? 'di' : 'd' })),
  );
  const risky = await checkBacktracking(jobs, options.backtrackingBudgetMs);
  const riskProblems: DetectorProblem[] = [];
  const safe: LoadedDetectorFile[] = loaded.files.map(({ source, file }) => ({
    source,
    file: {
      ...file,
      detectors: file.detectors.filter((d) => {
        const risk = risky.get(`${source}\0${d.id}`);
        if (risk) riskProblems.push({ source, detectorId: d.id, message: `pattern rejected: ${risk.message}` });
        return !risk;
      }),
    },
  }));
  const reserved = new Set(builtins.flatMap((f) => f.detectors.map((d) => d.id)));
  const problems = checkDetectorFiles(safe, { reservedIds: reserved }).map(formatProblem);
  return { files: safe.map((f) => f.file), errors: [...loaded.errors, ...riskProblems.map(formatProblem), ...problems] };
}

/** The detector files a scan runs (built-in first, so ties go to them). */
export function selectDetectorFiles(selection: DetectorSelection): DetectorFile[] {
  const builtins = loadBuiltinDetectors();
  const custom = selection.custom.length > 0 ? loadDetectorFiles(selection.custom).files.map((f) => f.file) : [];
  return [...builtins, ...custom];
}

export function buildSelectedSet(selection: DetectorSelection): DetectorSet {
  return buildDetectorSet(selectDetectorFiles(selection), new Set(selection.disabled));
}
