// The library entry point: scan(options) → ScanResult. Wires the stages together —
// sources → read/detect/scope (per file, in workers for large scans) → verify (opt-in) →
// policy → suppress — and returns plain data. No output is written here.

import { availableParallelism } from 'node:os';
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot, workerBundlePath } from '../util/paths.js';
import { resolveConfig } from '../config/load.js';
import type { ConfigFile, ResolvedConfig } from '../model/config.js';
import { loadBuiltinDetectors } from '../catalog/load.js';
import { buildDetectorSet } from '../detect/compile.js';
import { createAstPass } from '../detect/ast-pass.js';
import { loadCustomDetectors, type DetectorSelection } from './detector-registry.js';
import { compileUserRegex } from '../util/user-regex.js';
import { configError, TokenscopeError, usageError } from '../util/errors.js';
import { toFinding } from '../policy/finding.js';
import { fingerprintKey as defaultFingerprintKey } from '../util/redact.js';
import { analyzeFile, type AnalyzeOptions, type FileAnalysis } from './analyze.js';
import { WorkerPool } from './pool.js';
import { tooLargeDetail } from '../sources/read.js';
import { findRepoRoot, walkWorkingTree } from '../sources/walk.js';
import { applySuppressions } from '../suppress/apply.js';
import { plural } from '../util/format.js';
import { applyAgentView, loadAgentIgnores } from '../sources/agent-view.js';
import { readBaseline, type Baseline } from '../suppress/baseline.js';
import { VERSION } from '../util/version.js';
import type { Finding, IncompleteKind, IncompleteReason, Level, Notice, RuleInfo, ScanResult, SkippedFile, SourceFile, SourceProvider, CollectedSources } from '../model/types.js';
import type { DetectorFile } from '../model/detector.js';
import { atOrAbove } from '../model/ranks.js';
import type { Candidate, Plaintext, VerifyStage } from '../model/candidate.js';
import { resolveDetectorSelection } from '../catalog/selection.js';
import { valueAllowlistPatterns } from '../suppress/apply.js';

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

/** Workers a large scan uses by default: one per core, at most 8. */
function defaultWorkers(): number {
  return Math.max(1, Math.min(8, availableParallelism()));
}

/** The bundled worker (one file, quick to start) when the build made it, else tsc's module. */
function workerUrl(): URL {
  return pathToFileURL(existsSync(workerBundlePath) ? workerBundlePath : join(packageRoot, 'dist', 'pipeline', 'worker.js'));
}

/** Skips that leave the answer open (the file may hold a secret); the others are choices. */
const INCOMPLETE_SKIPS: Partial<Record<SkippedFile['reason'], IncompleteKind>> = {
  unreadable: 'unreadable',
  'missing-blob': 'missing-blob',
};

const INCOMPLETE_MESSAGES: Record<IncompleteKind, (n: number) => string> = {
  unreadable: (n) => `${n} ${n === 1 ? 'file or folder' : 'files or folders'} could not be read`,
  'missing-blob': (n) => `${plural(n, 'git object')} not present locally (partial clone) and not fetched`,
  'detection-failed': (n) => `detection failed on ${plural(n, 'file')}`,
  'decode-failed': (n) => `a token decoder failed in ${plural(n, 'file')}; scope shown is the detector default`,
  'finding-limit': (n) => `${plural(n, 'file')} held more findings than are listed`,
  'time-budget': (n) => `${plural(n, 'file')} took longer than the per-file time budget and ${n === 1 ? 'was' : 'were'} not searched to the end`,
};

/** Incomplete reasons by kind, with the first few paths of each. */
class IncompleteTally {
  private readonly byKind = new Map<IncompleteKind, { count: number; paths: string[] }>();

  add(kind: IncompleteKind, path: string): void {
    let entry = this.byKind.get(kind);
    if (!entry) this.byKind.set(kind, (entry = { count: 0, paths: [] }));
    entry.count++;
    if (entry.paths.length < 10) entry.paths.push(path);
  }

  reasons(): IncompleteReason[] {
    return [...this.byKind].map(([kind, { count, paths }]) => ({ kind, count, message: INCOMPLETE_MESSAGES[kind](count), paths: paths.sort() }));
  }
}

const IN_PROCESS_MAX_FILES = 300;
const IN_PROCESS_MAX_BYTES = 16 * 1024 * 1024;

function toRuleInfo(file: DetectorFile): RuleInfo[] {
  return file.detectors.map((d) => ({
    id: d.id,
    name: d.name,
    provider: file.provider,
    providerName: file.providerName,
    tokenType: d.tokenType,
    description: d.description,
    privilege: d.privilege,
    breadth: d.breadth,
    ...(d.narrowerAlternative ? { narrowerAlternative: d.narrowerAlternative } : {}),
    remediation: d.remediation,
    references: d.references,
    confidence: d.confidence,
  }));
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

export async function scan(options: ScanOptions = {}): Promise<ScanResult> {
  const started = performance.now();
  const cwd = resolve(options.cwd ?? process.cwd());
  const targets = (options.paths && options.paths.length > 0 ? options.paths : ['.']).map((p) => resolve(cwd, p));
  for (const target of targets) {
    if (!existsSync(target)) throw usageError(`${target}: no such file or directory`);
  }
  const repo = findRepoRoot(targets[0]!);
  const root = resolveRoot(targets, repo);
  const config = resolveConfig(targets[0]!, repo ?? root, {
    ...(options.configPath ? { configPath: resolve(cwd, options.configPath) } : {}),
    ...(options.failOn ? { failOn: options.failOn } : {}),
    ...(options.baseline ? { baseline: resolve(cwd, options.baseline) } : {}),
    ...(options.maxFileSize ? { maxFileSize: options.maxFileSize } : {}),
  }, options.config);

  const builtins = loadBuiltinDetectors();
  const custom = await loadCustomDetectors(config.customDetectors, builtins);
  if (custom.errors.length > 0) {
    throw new TokenscopeError('E_DETECTOR', `${config.source ?? 'config'}: detectors.custom: custom detectors are invalid (${plural(custom.errors.length, 'problem')})`, custom.errors);
  }
  const catalogue = [...builtins, ...custom.files].flatMap((f) => f.detectors.map((d) => ({ id: d.id, provider: f.provider })));
  const only = options.detectors ?? config.onlyDetectors;
  const chosen = resolveDetectorSelection(catalogue, {
    ...(only ? { only, onlyLabel: options.detectors ? '--detectors' : 'detectors.only' } : {}),
    disable: config.disabledDetectors,
    levels: config.detectorLevels,
    exactIds: config.allowlist.flatMap((entry, i) => (entry.detectors ? [[`allowlist[${i}].detectors`, entry.detectors] as const] : [])),
  });
  const cliProblems = chosen.problems.filter((p) => p.startsWith('--detectors'));
  if (cliProblems.length > 0) throw usageError(cliProblems.join('; '));
  if (chosen.problems.length > 0) {
    const where = config.source ?? 'config';
    if (chosen.problems.length === 1) throw configError(`${where}: ${chosen.problems[0]}`);
    throw configError(`${where}: invalid detector selection (${plural(chosen.problems.length, 'problem')})`, chosen.problems.map((p) => `${where}: ${p}`));
  }
  const disabledDetectors = [...chosen.disabled];
  let baseline: Baseline | undefined;
  if (config.baseline) baseline = readBaseline(config.baseline);
  const valueAllowlist = valueAllowlistPatterns(config.allowlist);

  // Detection settings (the worker pool may start during the walk).
  const now = options.now ?? new Date();
  const analyzeOptions: AnalyzeOptions = {
    maxFileSize: config.maxFileSize,
    fingerprintKey: options.fingerprintKey ?? defaultFingerprintKey(process.env, repo ?? root),
    keepSecrets: options.verify !== undefined,
    collectIgnoreComments: options.reportUnusedIgnores === true,
    now,
    valueAllowlist: valueAllowlist.map(([source, flags, key]) => [compileUserRegex(source, flags), key]),
  };
  const selection: DetectorSelection = { custom: config.customDetectors, disabled: disabledDetectors };
  let earlyPool: WorkerPool | undefined;
  const startPool = (size: number): WorkerPool =>
    new WorkerPool(
      workerUrl(),
      {
        selection,
        options: {
          ...analyzeOptions,
          now: now.toISOString(),
          valueAllowlist: valueAllowlist.map(([source, flags, key]) => [source, flags, key]),
        },
      },
      size,
    );

  // Sources.
  options.onProgress?.({ phase: 'walk', done: 0, total: 0 });
  let files: SourceFile[];
  let skipped: SkippedFile[];
  const notices: Notice[] = [];
  let commits: number | undefined;
  let ignored: { ignored: number; gitIgnored: number } | undefined;
  let excludedByDefault: Record<string, number> | undefined;
  let later: CollectedSources['later'];
  if (options.sources) {
    const collected = await options.sources.collect(root, config);
    files = collected.files;
    skipped = collected.skipped;
    for (const notice of collected.notices ?? []) notices.push(notice);
    commits = collected.commits;
    later = collected.later;
  } else {
    let walked;
    try {
      walked = await walkWorkingTree({
        root,
        paths: targets,
        excludes: config.exclude,
        defaultExcludes: config.defaultExcludes,
        gitignore: options.gitignore !== false && options.agentView !== true,
        // Past the in-process limit the scan will use workers whatever the bytes: start them now.
        ...(options.workers === 0 ? {} : { onFileFound: (count: number) => {
          if (count > IN_PROCESS_MAX_FILES) earlyPool ??= startPool(options.workers ?? defaultWorkers());
        } }),
      });
    } catch (error) {
      await earlyPool?.close();
      throw error;
    }
    files = walked.files;
    skipped = walked.skipped;
    ignored = { ignored: walked.ignored, gitIgnored: walked.gitIgnored };
    excludedByDefault = walked.excludedByDefault;
  }
  // Size cap before any read: a 200 MB file is skipped without being opened.
  files = files.filter((file) => {
    if ((file.size ?? 0) > config.maxFileSize) {
      skipped.push({ path: file.path, reason: 'too-large', detail: tooLargeDetail(file.size ?? 0, config.maxFileSize) });
      return false;
    }
    return true;
  });

  const totalBytes = files.reduce((sum, f) => sum + (f.size ?? f.content?.length ?? 0), 0) + (later?.bytes ?? 0);
  const totalFiles = files.length + (later?.files ?? 0);
  // Never more workers than files: each one costs tens of MB at start (one large file needs one).
  const workerCount =
    earlyPool?.size ??
    options.workers ??
    (totalFiles <= IN_PROCESS_MAX_FILES && totalBytes <= IN_PROCESS_MAX_BYTES ? 0 : Math.max(1, Math.min(defaultWorkers(), totalFiles)));
  const analyses: FileAnalysis[] = [];
  let doneBytes = 0;
  options.onProgress?.({ phase: 'scan', done: 0, total: totalFiles });
  let analyzeBatch: (batch: readonly SourceFile[]) => Promise<void>;
  let pool: WorkerPool | undefined;
  if (workerCount === 0) {
    const set = buildDetectorSet([...builtins, ...custom.files], chosen.disabled);
    const astPass = createAstPass(set);
    if (astPass) analyzeOptions.extraPass = astPass;
    analyzeBatch = async (batch) => {
      for (const file of batch) {
        analyses.push(analyzeFile(file, set, analyzeOptions));
        options.onProgress?.({ phase: 'scan', done: analyses.length, total: totalFiles });
      }
    };
  } else {
    const workers = earlyPool ?? startPool(workerCount);
    earlyPool = undefined;
    pool = workers;
    analyzeBatch = async (batch) => {
      const before = { done: analyses.length, bytes: doneBytes };
      const results = await workers.run(batch, (done, bytes) => options.onProgress?.({ phase: 'scan', done: before.done + done, total: totalFiles, bytes: before.bytes + bytes }));
      for (const r of results) {
        analyses.push(r);
        doneBytes += r.bytes;
      }
    };
  }
  try {
    await analyzeBatch(files);
    if (later) for await (const group of later.groups) await analyzeBatch(group);
  } finally {
    await pool?.close();
  }

  let bytesScanned = 0;
  let filesScanned = 0;
  const candidates: Candidate[] = [];
  const secrets = new Map<Candidate, Plaintext>();
  const incomplete = new IncompleteTally();
  const ignoreComments: Array<{ path: string; line: number; text: string }> = [];
  for (const analysis of analyses) {
    if (analysis.skipped) skipped.push(analysis.skipped);
    else {
      filesScanned++;
      bytesScanned += analysis.bytes;
    }
    // Loops, not push(...list): a spread of a few hundred thousand items overflows the stack.
    for (const notice of analysis.notices) notices.push(notice);
    analysis.candidates.forEach((candidate, i) => {
      candidates.push(candidate);
      const plaintext = analysis.plaintexts?.[i];
      if (plaintext) secrets.set(candidate, plaintext);
    });
    for (const c of analysis.ignoreComments) ignoreComments.push({ path: analysis.path, ...c });
    if (analysis.incomplete) incomplete.add(analysis.incomplete.kind, analysis.path);
  }
  for (const s of skipped) {
    const kind = INCOMPLETE_SKIPS[s.reason];
    if (kind) incomplete.add(kind, s.path);
  }

  if (options.verify) {
    if (config.untrustedVerifyHosts) {
      notices.push({
        path: config.source ?? 'config',
        level: 'warning',
        message: `verify hosts ignored (${config.untrustedVerifyHosts.join(', ')}): a config found in the scanned tree cannot choose where tokens are sent; name it with --config to trust it`,
      });
    }
    await options.verify.refine(candidates, config, secrets);
  }

  // Policy, then suppression.
  const inputs = candidates.map((candidate) => {
    const finding = toFinding(candidate, config.limits);
    const level = chosen.levels.get(finding.ruleId);
    if (level) finding.level = level;
    return { candidate, finding };
  });
  // The plaintexts go no further than verify.
  secrets.clear();
  const outcome = applySuppressions(inputs, {
    allowlist: config.allowlist,
    ...(baseline && config.baseline ? { baseline: { path: config.baseline, data: baseline } } : {}),
  });
  const scannedPaths = new Set(analyses.filter((a) => !a.skipped).map((a) => a.path));
  const fullScan = !options.sources?.partial && targets.length === 1 && targets[0] === root;
  // A file skipped this time (too large, unreadable) may still hold its secret: not stale.
  const skippedPaths = new Set(skipped.map((s) => s.path));
  const staleBaseline = outcome.unmatchedBaseline
    .filter((e) => !skippedPaths.has(e.path) && (fullScan || scannedPaths.has(e.path)))
    .map(({ ruleId, path, fingerprint }) => ({ ruleId, path, fingerprint }));
  const unusedIgnores = ignoreComments.filter((c) => !outcome.usedIgnores.has(`${c.path}:${c.line}`));

  const sortFindings = (list: Finding[]): Finding[] =>
    list.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || a.column - b.column || (a.commit?.sha ?? '').localeCompare(b.commit?.sha ?? '')));
  const findings = sortFindings(outcome.findings);
  const agentView = options.agentView ? applyAgentView(findings, loadAgentIgnores(root)) : undefined;
  const findingsByLevel: Record<Level, number> = { error: 0, warning: 0, note: 0 };
  for (const f of findings) findingsByLevel[f.level]++;
  const skippedByReason: ScanResult['stats']['skippedByReason'] = {};
  for (const s of skipped) skippedByReason[s.reason] = (skippedByReason[s.reason] ?? 0) + 1;
  skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const incompleteReasons = incomplete.reasons();

  const rules = [...builtins, ...custom.files]
    .flatMap(toRuleInfo)
    .filter((r) => !chosen.disabled.has(r.id))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  return {
    tool: { name: 'tokenscope', version: VERSION },
    root,
    settings: {
      failOn: config.failOn,
      ...(config.source ? { configFile: config.source } : {}),
      ...(config.baseline ? { baseline: config.baseline } : {}),
    },
    findings,
    suppressed: sortFindings(outcome.suppressed),
    skipped,
    notices,
    stats: {
      filesScanned,
      bytesScanned,
      filesSkipped: skipped.length,
      skippedByReason,
      findings: findings.length,
      findingsByLevel,
      suppressed: outcome.suppressed.length,
      durationMs: Math.round(performance.now() - started),
      ...(commits !== undefined ? { commitsScanned: commits } : {}),
      ...(ignored ?? {}),
      ...(excludedByDefault && Object.keys(excludedByDefault).length > 0 ? { excludedByDefault } : {}),
    },
    rules,
    incomplete: incompleteReasons.length > 0,
    incompleteReasons,
    ...(config.baseline ? { staleBaseline } : {}),
    unusedIgnores,
    ...(agentView ? { agentView } : {}),
  };
}

/**
 * The exit code the CLI contract defines (README "Exit codes"): 1 when a finding is at or above `failOn`, else 0; and 2 when
 * the scan is incomplete and not one file could be examined, since "0 findings" would then be
 * no answer at all (docs/incomplete-scans.md). An incomplete scan that did read files exits by
 * its findings and says "incomplete" in every report.
 */
export function exitCodeFor(result: ScanResult, failOn: ResolvedConfig['failOn']): 0 | 1 | 2 {
  if (result.findings.some((f) => atOrAbove(f.level, failOn))) return 1;
  return result.incomplete && result.stats.filesScanned === 0 ? 2 : 0;
}
