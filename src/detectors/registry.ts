// Builds the runnable detector set a scan uses: the built-ins plus the config's custom detector
// files, minus the disabled ids. Workers call this too, each compiling its own copy.

import { buildDetectorSet, type DetectorSet } from '../detect/compile.js';
import type { DetectorFile } from './definition.js';
import { loadBuiltinDetectors, loadDetectorFiles } from './load.js';
import { checkDetectorFiles, formatProblem } from './check.js';

export interface DetectorSelection {
  /** Absolute paths of custom detector files or folders. */
  custom: string[];
  disabled: string[];
}

/** Loads and checks custom detectors; returns their files or the problems (one line each). */
export function loadCustomDetectors(paths: readonly string[], builtins: readonly DetectorFile[]): { files: DetectorFile[]; errors: string[] } {
  if (paths.length === 0) return { files: [], errors: [] };
  const loaded = loadDetectorFiles(paths);
  const reserved = new Set(builtins.flatMap((f) => f.detectors.map((d) => d.id)));
  const problems = checkDetectorFiles(loaded.files, { reservedIds: reserved }).map(formatProblem);
  return { files: loaded.files.map((f) => f.file), errors: [...loaded.errors, ...problems] };
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
