// The plan of a scan: everything loaded and checked once before any file is read — targets and
// root, the configuration, the detector catalogue (built-in and custom) and the selection of it,
// the baseline, and the detection settings. It is plain data: the worker threads and the verify
// stage are handed parts of it instead of loading the catalogue again.

import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { resolveConfig } from '../config/load.js';
import type { ConfigFile, ResolvedConfig } from '../model/config.js';
import { loadBuiltinCatalogue, type DetectorSelection } from '../catalog/load.js';
import { loadConfiguredDetectors } from './detector-registry.js';
import { compileUserRegex } from '../util/user-regex.js';
import { usageError } from '../util/errors.js';
import { fingerprintKey as defaultFingerprintKey } from '../util/redact.js';
import type { AnalyzeOptions } from './analyze.js';
import { findRepoRoot } from '../sources/walk.js';
import { readBaseline, type Baseline } from '../suppress/baseline.js';
import { valueAllowlistPatterns } from '../suppress/apply.js';
import type { Level, SourceProvider } from '../model/types.js';
import type { DetectorFile } from '../model/detector.js';
import type { VerifyStage } from '../model/candidate.js';

export interface ScanProgress {
  phase: 'walk' | 'scan' | 'verify';
  done: number;
  total: number;
  bytes?: number;
}

export interface ScanOptions {
  /** Files or folders to scan (default: the working directory). */
  paths?: string[];
  /** Working directory paths are resolved against (default process.cwd()). */
  cwd?: string;
  /** Explicit config file (--config). */
  configPath?: string;
  /** Run only these detectors (ids, providers, globs: --detectors); replaces the config's `detectors.only`. */
  detectors?: string[];
  /** Inline configuration instead of a file (library and tests). */
  config?: ConfigFile;
  failOn?: ResolvedConfig['failOn'];
  /** Baseline file whose findings are hidden (--baseline). */
  baseline?: string;
  maxFileSize?: number;
  /** Worker threads: 0 scans in-process; default picks by scan size. */
  workers?: number;
  /** Reference time for expiry (tests). */
  now?: Date;
  fingerprintKey?: string;
  /** Extra sources (staged index, history) replacing the working-tree walk. */
  sources?: SourceProvider;
  /** Honour .gitignore (default true; --agent-view scans ignored files too). */
  gitignore?: boolean;
  /**
   * Audit what a coding agent in this checkout can read: git-ignored files are scanned too,
   * findings are tagged `agent-exposed` and agent ignore rules covering them are named.
   */
  agentView?: boolean;
  /** Collect inline ignore comments that hid nothing (ScanResult.unusedIgnores). */
  reportUnusedIgnores?: boolean;
  /**
   * The online stage (--verify: `createVerifySession()`): runs between scope and policy with the
   * plaintexts, which are kept in memory only when it is set and never reach a finding.
   */
  verify?: VerifyStage;
  onProgress?: (progress: ScanProgress) => void;
}

/** Detection settings as a worker receives them (structured-clone safe: no RegExp, no Date). */
export interface WorkerAnalyzeSettings extends Omit<AnalyzeOptions, 'now' | 'valueAllowlist' | 'extraPass'> {
  now: string;
  valueAllowlist: Array<[source: string, flags: string, key: string]>;
}

export interface ScanPlan {
  /** performance.now() when the scan began. */
  readonly started: number;
  readonly targets: readonly string[];
  /** The repository enclosing the first target, if any. */
  readonly repo: string | undefined;
  /** What reported paths are relative to. */
  readonly root: string;
  readonly config: ResolvedConfig;
  /** The built-in detector files, then the custom ones (checked). */
  readonly detectorFiles: readonly DetectorFile[];
  /** Detector ids switched off (config `disable`, or outside `only`/--detectors). */
  readonly disabled: ReadonlySet<string>;
  /** Per-detector level overrides from the config. */
  readonly levels: ReadonlyMap<string, Level>;
  /** What a worker builds its detector set from. */
  readonly selection: DetectorSelection;
  readonly baseline: Baseline | undefined;
  /** Detection settings, as workers receive them. */
  readonly analyze: WorkerAnalyzeSettings;
}

/**
 * Which root reported paths are relative to: the repository enclosing the first target (`repo`)
 * when it holds every target, else the scanned folder.
 */
function resolveRoot(targets: readonly string[], repo: string | undefined): string {
  const first = targets[0]!;
  if (repo && targets.every((t) => t === repo || t.startsWith(`${repo}/`) || t.startsWith(`${repo}\\`))) return repo;
  try {
    return statSync(first).isDirectory() ? first : dirname(first);
  } catch {
    return dirname(first);
  }
}

/** Loads and checks everything a scan needs before it reads a file; throws on bad input. */
export async function planScan(options: ScanOptions): Promise<ScanPlan> {
  const started = performance.now();
  const cwd = resolve(options.cwd ?? process.cwd());
  const targets = (options.paths && options.paths.length > 0 ? options.paths : ['.']).map((p) => resolve(cwd, p));
  for (const target of targets) {
    if (!existsSync(target)) throw usageError(`${target}: no such file or directory`);
  }
  const repo = findRepoRoot(targets[0]!);
  const root = resolveRoot(targets, repo);
  const config = resolveConfig(
    targets[0]!,
    repo ?? root,
    {
      ...(options.configPath ? { configPath: resolve(cwd, options.configPath) } : {}),
      ...(options.failOn ? { failOn: options.failOn } : {}),
      ...(options.baseline ? { baseline: resolve(cwd, options.baseline) } : {}),
      ...(options.maxFileSize ? { maxFileSize: options.maxFileSize } : {}),
    },
    options.config,
  );

  const builtins = loadBuiltinCatalogue();
  const { custom, chosen } = await loadConfiguredDetectors(
    config,
    builtins,
    options.detectors ? { only: options.detectors } : {},
  );
  const baseline = config.baseline ? readBaseline(config.baseline) : undefined;
  const now = options.now ?? new Date();
  return {
    started,
    targets,
    repo,
    root,
    config,
    detectorFiles: [...builtins, ...custom],
    disabled: chosen.disabled,
    levels: chosen.levels,
    selection: { custom: config.customDetectors, disabled: [...chosen.disabled] },
    baseline,
    analyze: withLazyFingerprintKey(
      {
        maxFileSize: config.maxFileSize,
        keepSecrets: options.verify !== undefined,
        collectIgnoreComments: options.reportUnusedIgnores === true,
        now: now.toISOString(),
        valueAllowlist: valueAllowlistPatterns(config.allowlist).map(([source, flags, key]) => [source, flags, key]),
      },
      () => options.fingerprintKey ?? defaultFingerprintKey(process.env, repo ?? root),
    ),
  };
}

/**
 * The fingerprint key is derived from the repository's root commit (a git process, 5–10 ms), which
 * only a finding needs: a clean pre-commit scan never asks. Read on first use, then kept; a worker
 * receives it when its settings are cloned (cloning reads the property).
 */
function withLazyFingerprintKey<T extends object>(settings: T, derive: () => string): T & { fingerprintKey: string } {
  let key: string | undefined;
  return Object.defineProperty(settings, 'fingerprintKey', { enumerable: true, get: () => (key ??= derive()) }) as T & {
    fingerprintKey: string;
  };
}

/** The plan's detection settings for an in-process scan (patterns compiled, the time as a Date). */
export function inProcessAnalyzeOptions(plan: ScanPlan): AnalyzeOptions {
  const { analyze } = plan;
  const options = {
    maxFileSize: analyze.maxFileSize,
    keepSecrets: analyze.keepSecrets,
    collectIgnoreComments: analyze.collectIgnoreComments,
    now: new Date(analyze.now),
    valueAllowlist: analyze.valueAllowlist.map(
      ([source, flags, key]) => [compileUserRegex(source, flags), key] as [RegExp, string],
    ),
  };
  // Read through, so the key is still derived only if a finding needs it.
  return Object.defineProperty(options, 'fingerprintKey', {
    enumerable: true,
    get: () => analyze.fingerprintKey,
  }) as AnalyzeOptions;
}
