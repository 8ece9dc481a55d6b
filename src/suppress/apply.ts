// The suppress stage: config allowlists, the baseline and inline ignore comments hide findings;
// hidden findings are counted and kept for --show-suppressed. An ignore that names no detector
// cannot hide an admin/destructive or live-production credential: those need the detector id.

import ignore from 'ignore';
import type { AllowlistEntry } from '../config/types.js';
import type { Candidate } from '../scan/analyze.js';
import type { Finding, Suppression } from '../types.js';
import { baselineKey, type Baseline, type BaselineEntry } from './baseline.js';

export interface SuppressInput {
  finding: Finding;
  candidate: Candidate;
}

export interface SuppressOptions {
  allowlist: readonly AllowlistEntry[];
  baseline?: { path: string; data: Baseline };
}

export interface SuppressOutcome {
  findings: Finding[];
  suppressed: Finding[];
  /** Baseline entries no finding matched (the caller decides which of them are really stale). */
  unmatchedBaseline: BaselineEntry[];
  /** Keys `path:line` of inline comments that hid something. */
  usedIgnores: Set<string>;
}

/** True when an anonymous ignore must not hide this finding. */
export function needsNamedIgnore(finding: Finding): boolean {
  return (
    finding.privilege === 'admin' ||
    finding.privilege === 'destructive' ||
    (finding.environment === 'production' && finding.level !== 'note')
  );
}

function allowlistMatch(entry: AllowlistEntry, finding: Finding): boolean {
  if (entry.values && entry.values.length > 0) return false; // value entries are decided in the scanner
  if (entry.detectors && !entry.detectors.includes(finding.ruleId)) return false;
  if (entry.fingerprints && !entry.fingerprints.includes(finding.fingerprint)) return false;
  if (entry.paths && entry.paths.length > 0 && !ignore({ allowRelativePaths: true }).add(entry.paths).ignores(finding.path)) return false;
  return Boolean(entry.detectors || entry.fingerprints || entry.paths);
}

export function applySuppressions(inputs: readonly SuppressInput[], options: SuppressOptions): SuppressOutcome {
  const baselineEntries = new Map((options.baseline?.data.findings ?? []).map((e) => [baselineKey(e), e]));
  const matchedBaseline = new Set<string>();
  const findings: Finding[] = [];
  const suppressed: Finding[] = [];
  const usedIgnores = new Set<string>();

  for (const { finding, candidate } of inputs) {
    let suppression: Suppression | undefined;
    if (candidate.allowlistedBy !== undefined) {
      suppression = { kind: 'allowlist', by: 'config allowlist (values)', reason: candidate.allowlistedBy };
    }
    if (!suppression) {
      const entry = options.allowlist.find((e) => allowlistMatch(e, finding));
      if (entry) suppression = { kind: 'allowlist', by: 'config allowlist', reason: entry.reason };
    }
    const key = baselineKey(finding);
    if (baselineEntries.has(key)) {
      matchedBaseline.add(key);
      if (!suppression) {
        const reason = baselineEntries.get(key)!.reason;
        suppression = { kind: 'baseline', by: options.baseline!.path, ...(reason ? { reason } : {}) };
      }
    }
    const inline = candidate.inlineIgnore;
    if (!suppression && inline) {
      const named = inline.ruleId !== undefined;
      if (named && inline.ruleId !== finding.ruleId) {
        // names another detector: does not apply
      } else if (!named && needsNamedIgnore(finding)) {
        finding.reasons.push(
          `not suppressed: "${inline.directive}" without a detector id cannot hide an admin, destructive or production credential (write "tokenscope:ignore ${finding.ruleId} -- <reason>")`,
        );
        usedIgnores.add(`${finding.path}:${inline.line}`);
      } else {
        usedIgnores.add(`${finding.path}:${inline.line}`);
        suppression = {
          kind: 'inline',
          by: `${inline.directive}${inline.ruleId ? ` ${inline.ruleId}` : ''} (line ${inline.line})`,
          ...(inline.reason ? { reason: inline.reason } : {}),
        };
      }
    }
    if (suppression) suppressed.push({ ...finding, suppressed: suppression });
    else findings.push(finding);
  }
  const unmatchedBaseline = [...baselineEntries.entries()].filter(([key]) => !matchedBaseline.has(key)).map(([, e]) => e);
  return { findings, suppressed, unmatchedBaseline, usedIgnores };
}
