// The suppress stage: config allowlists, the baseline and inline ignore comments hide findings;
// hidden findings are counted and kept for --show-suppressed. An ignore that names no detector
// cannot hide an admin/destructive or live-production credential: those need the detector id.

import { matchesPathPatterns } from '../util/path-patterns.js';
import type { AllowlistEntry } from '../model/config.js';
import type { Candidate, InlineIgnore } from '../model/candidate.js';
import type { Finding, Suppression } from '../model/types.js';
import { compileUserRegex } from '../util/user-regex.js';
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

/** An entry's name in `by` and in the scanner's value test: `.tokenscope.yaml allowlist[2]`. */
function entryKey(entry: AllowlistEntry, index: number): string {
  return entry.origin ?? `allowlist[${index}]`;
}

function hasItems(list: readonly string[] | undefined): list is readonly string[] {
  return list !== undefined && list.length > 0;
}

/** Stop words as one case-insensitive pattern (escaped: a stop word is a word, not a regex). */
function stopwordPattern(words: readonly string[]): string {
  return words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
}

/**
 * The value tests the scanner runs while the secret still exists, as [pattern, flags, entry key]:
 * each entry's `values` and its `stopwords` (as one case-insensitive pattern). Either matching
 * sets `candidate.allowlistedBy` to the entry's key; no secret leaves the scanner.
 */
export function valueAllowlistPatterns(allowlist: readonly AllowlistEntry[]): Array<[string, string, string]> {
  return allowlist.flatMap((entry, i): Array<[string, string, string]> => [
    ...(entry.values ?? []).map((v): [string, string, string] => [v, '', entryKey(entry, i)]),
    ...(hasItems(entry.stopwords)
      ? [[stopwordPattern(entry.stopwords), 'i', entryKey(entry, i)] as [string, string, string]]
      : []),
  ]);
}

/** Path regexes compiled once per entry (re2js: linear time on any path). */
const pathRegexCache = new WeakMap<AllowlistEntry, RegExp[]>();
function pathRegexes(entry: AllowlistEntry): RegExp[] {
  let compiled = pathRegexCache.get(entry);
  if (!compiled) {
    compiled = (entry.pathRegexes ?? []).map((p) => compileUserRegex(p));
    pathRegexCache.set(entry, compiled);
  }
  return compiled;
}

/** The criteria an entry names, for `by`: `paths, stopwords`. */
function criteria(entry: AllowlistEntry): string[] {
  return (['paths', 'pathRegexes', 'detectors', 'values', 'stopwords', 'fingerprints'] as const).filter((k) =>
    hasItems(entry[k]),
  );
}

/**
 * An entry's fields combine with AND; `values` and `stopwords` are one criterion (the value),
 * tested in the scanner, which records the matching entry's key in `allowlistedBy`.
 */
function allowlistMatch(entry: AllowlistEntry, index: number, finding: Finding, candidate: Candidate): boolean {
  const named = criteria(entry);
  if (named.length === 0) return false;
  if ((hasItems(entry.values) || hasItems(entry.stopwords)) && candidate.allowlistedBy !== entryKey(entry, index))
    return false;
  if (entry.detectors && !entry.detectors.includes(finding.ruleId)) return false;
  if (entry.fingerprints && !entry.fingerprints.includes(finding.fingerprint)) return false;
  if (!matchesPathPatterns(entry.paths, finding.path)) return false;
  if (
    hasItems(entry.pathRegexes) &&
    !pathRegexes(entry).some((re) => {
      re.lastIndex = 0;
      return re.test(finding.path);
    })
  )
    return false;
  return true;
}

type InlineVerdict =
  { kind: 'applies'; suppression: Suppression } | { kind: 'refused'; reason: string } | { kind: 'other-detector' };

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
    const index = options.allowlist.findIndex((e, i) => allowlistMatch(e, i, finding, candidate));
    if (index >= 0) {
      const entry = options.allowlist[index]!;
      suppression = {
        kind: 'allowlist',
        by: `config ${entryKey(entry, index)} (${criteria(entry).join(', ')})`,
        reason: entry.reason,
      };
    }
    const key = baselineKey(finding);
    const baselined = baselineEntries.get(key);
    if (baselined) {
      // Matched even when something else hides the finding: the entry is not stale.
      matchedBaseline.add(key);
      suppression ??= {
        kind: 'baseline',
        by: options.baseline!.path,
        ...(baselined.reason ? { reason: baselined.reason } : {}),
      };
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
  const unmatchedBaseline = [...baselineEntries.entries()]
    .filter(([key]) => !matchedBaseline.has(key))
    .map(([, e]) => e);
  return { findings, suppressed, unmatchedBaseline, usedIgnores };
}
