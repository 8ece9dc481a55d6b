// The library entry point: scan(options) → ScanResult. A plan (configuration, detectors, baseline:
// loaded and checked once), then one function per stage — sources → detect and scope (per file, in
// workers for large scans) → verify (opt-in) → policy and suppression — and the result as plain
// data. No output is written here.

import { applyAgentView, loadAgentIgnores } from '../sources/agent-view.js';
import { VERSION } from '../util/version.js';
import type { CollectedSources, Level, RuleInfo, ScanResult } from '../model/types.js';
import type { ResolvedConfig } from '../model/config.js';
import type { DetectorFile } from '../model/detector.js';
import { atOrAbove } from '../model/ranks.js';
import { planScan, type ScanOptions, type ScanPlan } from './plan.js';
import { collectSources, workingTreeSource } from './collect.js';
import { analyzeAll, Workers } from './analyze-all.js';
import { gather, judge, verifyCandidates, type Gathered, type Judged } from './judge.js';

export type { ScanOptions, ScanProgress } from './plan.js';

export async function scan(options: ScanOptions = {}): Promise<ScanResult> {
  const plan = await planScan(options);
  const workers = new Workers(plan, options.workers);
  options.onProgress?.({ phase: 'walk', done: 0, total: 0 });
  const source = options.sources ?? workingTreeSource(plan, options, workers.onFileFound());
  const collected = await collectSources(plan, source).catch(async (error: unknown) => {
    await workers.discard();
    throw error;
  });
  const analyses = await analyzeAll(plan, collected, workers, options.onProgress);
  const gathered = gather(analyses, collected);
  await verifyCandidates(plan, gathered, options.verify);
  const judged = judge(plan, gathered, analyses, collected, options.sources?.partial === true);
  return assembleResult(plan, options, collected, gathered, judged);
}

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

function assembleResult(
  plan: ScanPlan,
  options: ScanOptions,
  collected: CollectedSources,
  gathered: Gathered,
  judged: Judged,
): ScanResult {
  const { config, root } = plan;
  const { skipped, commits, ignored, excludedByDefault } = collected;
  const { findings, suppressed, staleBaseline, unusedIgnores } = judged;
  const { notices, filesScanned, bytesScanned, incomplete } = gathered;
  const agentView = options.agentView ? applyAgentView(findings, loadAgentIgnores(root)) : undefined;
  const findingsByLevel: Record<Level, number> = { error: 0, warning: 0, note: 0 };
  for (const f of findings) findingsByLevel[f.level]++;
  const skippedByReason: ScanResult['stats']['skippedByReason'] = {};
  for (const s of skipped) skippedByReason[s.reason] = (skippedByReason[s.reason] ?? 0) + 1;
  skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const incompleteReasons = incomplete.reasons();

  const result: ScanResult = {
    tool: { name: 'tokenscope', version: VERSION },
    root,
    settings: {
      failOn: config.failOn,
      ...(config.source ? { configFile: config.source } : {}),
      ...(config.baseline ? { baseline: config.baseline } : {}),
    },
    findings,
    suppressed,
    skipped,
    notices,
    stats: {
      filesScanned,
      bytesScanned,
      filesSkipped: skipped.length,
      skippedByReason,
      findings: findings.length,
      findingsByLevel,
      suppressed: suppressed.length,
      durationMs: Math.round(performance.now() - plan.started),
      ...(commits !== undefined ? { commitsScanned: commits } : {}),
      ...(ignored ?? {}),
      ...(excludedByDefault && Object.keys(excludedByDefault).length > 0 ? { excludedByDefault } : {}),
    },
    rules: [],
    incomplete: incompleteReasons.length > 0,
    incompleteReasons,
    ...(config.baseline ? { staleBaseline } : {}),
    unusedIgnores,
    ...(agentView ? { agentView } : {}),
  };
  return withLazyRules(result, () =>
    plan.detectorFiles
      .flatMap(toRuleInfo)
      .filter((r) => !plan.disabled.has(r.id))
      .sort((a, b) => (a.id < b.id ? -1 : 1)),
  );
}

/**
 * `rules` carries every detector's prose (description, remediation, references), which the
 * catalogue reads from a file of its own on first use (src/catalog/load.ts); the text report a
 * pre-commit hook prints never looks at it. So it is listed where it always was but made on first
 * read (JSON.stringify, a spread and structuredClone read it too), then kept; assigning replaces
 * it. A damaged prose file is an error naming the file at that read.
 */
function withLazyRules(result: ScanResult, make: () => RuleInfo[]): ScanResult {
  let rules: RuleInfo[] | undefined;
  return Object.defineProperty(result, 'rules', {
    enumerable: true,
    configurable: true,
    get: () => (rules ??= make()),
    set: (value: RuleInfo[]) => {
      rules = value;
    },
  });
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
