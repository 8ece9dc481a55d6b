// The suppress stage: config allowlists, the baseline and inline ignore comments hide findings;
// hidden findings are counted and kept for --show-suppressed. An ignore that names no detector
// cannot hide an admin/destructive or live-production credential: those need the detector id.

import { matchesPathPatterns } from '../util/path-patterns.js';
import type { AllowlistEntry } from '../model/config.js';
import type { Candidate, InlineIgnore } from '../model/candidate.js';
import type { Finding, Suppression } from '../model/types.js';
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

/**
 * An entry's fields combine with AND. Value patterns are tested in the scanner, where the
 * secret still exists; it records the matching entry's reason in `allowlistedBy`.
 */
function allowlistMatch(entry: AllowlistEntry, finding: Finding, candidate: Candidate): boolean {
  const hasValues = entry.values !== undefined && entry.values.length > 0;
  if (hasValues && candidate.allowlistedBy !== entry.reason) return false;
  if (entry.detectors && !entry.detectors.includes(finding.ruleId)) return false;
  if (entry.fingerprints && !entry.fingerprints.includes(finding.fingerprint)) return false;
  if (!matchesPathPatterns(entry.paths, finding.path)) return false;
  return Boolean(hasValues || entry.detectors || entry.fingerprints || (entry.paths && entry.paths.length > 0));
}

type InlineVerdict = { kind: 'applies'; suppression: Suppression } | { kind: 'refused'; reason: string } | { kind: 'other-detector' };

function judgeInline(inline: InlineIgnore, finding: Finding): InlineVerdict {
  const named = inline.ruleId !== undefined;
  if (named && inline.ruleId !== finding.ruleId) return { kind: 'other-detector' };
  if (!named && needsNamedIgnore(finding)) {
    return {
      kind: 'refused',
      reason: `not suppressed: "${inline.directive}" without a detector id cannot hide an admin, destructive or production credential (write "tokenscope:ignore ${finding.ruleId} -- <reason>")`,
    };
  }
  return {
    kind: 'applies',
    suppression: {
      kind: 'inline',
      by: `${inline.directive}${inline.ruleId ? ` ${inline.ruleId}` : ''} (line ${inline.line})`,
      ...(inline.reason ? { reason: inline.reason } : {}),
    },
  };
}

export function applySuppressions(inputs: readonly SuppressInput[], options: SuppressOptions): SuppressOutcome {
  const baselineEntries = new Map((options.baseline?.data.findings ?? []).map((e) => [baselineKey(e), e]));
  const matchedBaseline = new Set<string>();
  const findings: Finding[] = [];
  const suppressed: Finding[] = [];
  const usedIgnores = new Set<string>();

  for (const { finding, candidate } of inputs) {
    let suppression: Suppression | undefined;
    const entry = options.allowlist.find((e) => allowlistMatch(e, finding, candidate));
    if (entry) {
      const values = entry.values !== undefined && entry.values.length > 0;
      suppression = { kind: 'allowlist', by: values ? 'config allowlist (values)' : 'config allowlist', reason: entry.reason };
    }
    const key = baselineKey(finding);
    const baselined = baselineEntries.get(key);
    if (baselined) {
      // Matched even when something else hides the finding: the entry is not stale.
      matchedBaseline.add(key);
      suppression ??= { kind: 'baseline', by: options.baseline!.path, ...(baselined.reason ? { reason: baselined.reason } : {}) };
    }
    // An ignore that would hide the finding counts as used even when the allowlist or the
    // baseline hid it first: --report-unused-ignores must not invite deleting a needed one.
    const inline = candidate.inlineIgnore ? judgeInline(candidate.inlineIgnore, finding) : undefined;
    if (inline?.kind === 'applies') {
      usedIgnores.add(`${finding.path}:${candidate.inlineIgnore!.line}`);
      suppression ??= inline.suppression;
    } else if (inline?.kind === 'refused' && !suppression) {
      finding.reasons.push(inline.reason);
    }
    if (suppression) suppressed.push({ ...finding, suppressed: suppression });
    else findings.push(finding);
  }
  const unmatchedBaseline = [...baselineEntries.entries()].filter(([key]) => !matchedBaseline.has(key)).map(([, e]) => e);
  return { findings, suppressed, unmatchedBaseline, usedIgnores };
}
