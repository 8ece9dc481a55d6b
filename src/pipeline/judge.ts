// After detection: the analyses gathered into candidates (their plaintexts kept apart, for verify
// only), the opt-in verify stage, then policy and suppression.

import { toFinding } from '../policy/finding.js';
import { applySuppressions } from '../suppress/apply.js';
import type { Candidate, Plaintext, VerifyStage } from '../model/candidate.js';
import type { CollectedSources, Finding, Notice } from '../model/types.js';
import type { FileAnalysis } from './analyze.js';
import { INCOMPLETE_SKIPS, IncompleteTally } from './incomplete.js';
import type { ScanPlan } from './plan.js';

export interface Gathered {
  candidates: Candidate[];
  /** Plaintexts by candidate (--verify only); cleared once verify has run. */
  secrets: Map<Candidate, Plaintext>;
  notices: Notice[];
  ignoreComments: Array<{ path: string; line: number; text: string }>;
  incomplete: IncompleteTally;
  filesScanned: number;
  bytesScanned: number;
}

/** Collects what the per-file analyses found; skipped files join the collected skips. */
export function gather(analyses: readonly FileAnalysis[], collected: CollectedSources): Gathered {
  const out: Gathered = {
    candidates: [],
    secrets: new Map(),
    notices: collected.notices ?? [],
    ignoreComments: [],
    incomplete: new IncompleteTally(),
    filesScanned: 0,
    bytesScanned: 0,
  };
  for (const analysis of analyses) {
    if (analysis.skipped) collected.skipped.push(analysis.skipped);
    else {
      out.filesScanned++;
      out.bytesScanned += analysis.bytes;
    }
    // Loops, not push(...list): a spread of a few hundred thousand items overflows the stack.
    for (const notice of analysis.notices) out.notices.push(notice);
    analysis.candidates.forEach((candidate, i) => {
      out.candidates.push(candidate);
      const plaintext = analysis.plaintexts?.[i];
      if (plaintext) out.secrets.set(candidate, plaintext);
    });
    for (const c of analysis.ignoreComments) out.ignoreComments.push({ path: analysis.path, ...c });
    if (analysis.incomplete) out.incomplete.add(analysis.incomplete.kind, analysis.path);
  }
  for (const s of collected.skipped) {
    const kind = INCOMPLETE_SKIPS[s.reason];
    if (kind) out.incomplete.add(kind, s.path);
  }
  return out;
}

/** The opt-in online stage: refines candidates in place, then the plaintexts are let go. */
export async function verifyCandidates(
  plan: ScanPlan,
  gathered: Gathered,
  verify: VerifyStage | undefined,
): Promise<void> {
  const { config } = plan;
  if (verify) {
    if (config.untrustedVerifyHosts) {
      gathered.notices.push({
        path: config.source ?? 'config',
        level: 'warning',
        message: `verify hosts ignored (${config.untrustedVerifyHosts.join(', ')}): a config found in the scanned tree cannot choose where tokens are sent; name it with --config to trust it`,
      });
    }
    await verify.refine(gathered.candidates, config, gathered.secrets, plan.detectorFiles);
  }
  // The plaintexts go no further than verify.
  gathered.secrets.clear();
}

export interface Judged {
  findings: Finding[];
  suppressed: Finding[];
  staleBaseline: Array<{ ruleId: string; path: string; fingerprint: string }>;
  unusedIgnores: Array<{ path: string; line: number; text: string }>;
}

function sortFindings(list: Finding[]): Finding[] {
  return list.sort((a, b) =>
    a.path < b.path
      ? -1
      : a.path > b.path
        ? 1
        : a.line - b.line || a.column - b.column || (a.commit?.sha ?? '').localeCompare(b.commit?.sha ?? ''),
  );
}

/** Policy (level, tags, message; the config's level overrides), then suppression and the baseline. */
export function judge(
  plan: ScanPlan,
  gathered: Gathered,
  analyses: readonly FileAnalysis[],
  collected: CollectedSources,
  partialSource: boolean,
): Judged {
  const { config, baseline } = plan;
  const inputs = gathered.candidates.map((candidate) => {
    const finding = toFinding(candidate, config.limits);
    const level = plan.levels.get(finding.ruleId);
    if (level) finding.level = level;
    return { candidate, finding };
  });
  const outcome = applySuppressions(inputs, {
    allowlist: config.allowlist,
    ...(baseline && config.baseline ? { baseline: { path: config.baseline, data: baseline } } : {}),
  });
  const scannedPaths = new Set(analyses.filter((a) => !a.skipped).map((a) => a.path));
  const fullScan = !partialSource && plan.targets.length === 1 && plan.targets[0] === plan.root;
  // A file skipped this time (too large, unreadable) may still hold its secret: not stale.
  const skippedPaths = new Set(collected.skipped.map((s) => s.path));
  const staleBaseline = outcome.unmatchedBaseline
    .filter((e) => !skippedPaths.has(e.path) && (fullScan || scannedPaths.has(e.path)))
    .map(({ ruleId, path, fingerprint }) => ({ ruleId, path, fingerprint }));
  const unusedIgnores = gathered.ignoreComments.filter((c) => !outcome.usedIgnores.has(`${c.path}:${c.line}`));
  return {
    findings: sortFindings(outcome.findings),
    suppressed: sortFindings(outcome.suppressed),
    staleBaseline,
    unusedIgnores,
  };
}
