// SARIF 2.1.0 for GitHub code scanning and other consumers. One result per secret per file: the
// repeated occurrences of one secret in one file are one result with several locations (at most
// 1,000, as code scanning allows), and a run keeps at most 25,000 results, the most severe. ruleId
// is the detector id; level and security-severity come from scope and policy, so the token that
// can delete production sorts first. Written as a stream; validated in tests against the schema.

import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { Finding, RuleInfo, ScanResult } from '../model/types.js';
import { describeBreadth, describePrivilege, scoreSeverity } from '../policy/evaluate.js';
import { compareSeverity, keepMostSevere, REPORT_MAX_RESULTS, type ReportTruncation } from './common.js';
import { joinChunks, JsonArrayStream, jsonChunks, mapLazily } from './json-stream.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export interface SarifOptions {
  /** Also list suppressed findings, with SARIF `suppressions`. */
  showSuppressed?: boolean;
  /** Results in the run at most (default 25,000, GitHub code scanning's limit); the most severe are kept. */
  maxResults?: number;
  /** Locations in one result at most (default 1,000, code scanning's limit); more start another result. */
  maxLocations?: number;
}

export const SARIF_MAX_LOCATIONS = 1_000;

/** One SARIF result: occurrences of one secret in one file (and commit), in report order. */
export interface ResultGroup {
  /** The most severe occurrence: its level, message and properties speak for the result. */
  representative: Finding;
  occurrences: Finding[];
}

/**
 * Groups repeated occurrences of one secret in one file into one result: same detector, path,
 * keyed fingerprint, commit (history: each commit's copy keeps its own commit properties) and
 * suppression. A group that reaches `maxLocations` is closed and the next copy starts another.
 */
export function groupOccurrences(findings: readonly Finding[], maxLocations = SARIF_MAX_LOCATIONS): ResultGroup[] {
  const groups: ResultGroup[] = [];
  const open = new Map<string, ResultGroup>();
  for (const finding of findings) {
    const s = finding.suppressed;
    const key = [
      finding.ruleId,
      finding.path,
      finding.fingerprint,
      finding.commit?.sha ?? '',
      s ? `${s.kind}\0${s.by}\0${s.reason ?? ''}` : '',
    ].join('\0');
    let group = open.get(key);
    if (!group || group.occurrences.length >= maxLocations) {
      group = { representative: finding, occurrences: [] };
      groups.push(group);
      open.set(key, group);
    } else if (compareSeverity(finding, group.representative) < 0) group.representative = finding;
    group.occurrences.push(finding);
  }
  return groups;
}

export interface SarifPlan {
  groups: ResultGroup[];
  truncated?: ReportTruncation;
}

/** Which results a SARIF report lists: grouped, then capped to the most severe. */
export function planSarifResults(result: ScanResult, options: SarifOptions = {}): SarifPlan {
  const findings = options.showSuppressed ? [...result.findings, ...result.suppressed] : result.findings;
  const all = groupOccurrences(findings, options.maxLocations);
  const limit = options.maxResults ?? REPORT_MAX_RESULTS;
  if (all.length <= limit) return { groups: all };
  const groups = keepMostSevere(all, limit, (a, b) => compareSeverity(a.representative, b.representative));
  const listedFindings = groups.reduce((n, g) => n + g.occurrences.length, 0);
  return {
    groups,
    truncated: { limit, total: all.length, listed: groups.length, omittedFindings: findings.length - listedFindings },
  };
}

function ruleHelp(rule: RuleInfo): { text: string; markdown: string } {
  const lines = [
    `**${rule.name}** (${rule.providerName}): ${rule.description}`,
    '',
    `- Privilege: **${rule.privilege}** (${describePrivilege(rule.privilege)})`,
    `- Reach: **${rule.breadth}** (${describeBreadth(rule.breadth)})`,
    ...(rule.narrowerAlternative ? [`- Narrower alternative: ${rule.narrowerAlternative}`] : []),
    '',
    `**Remediation.** ${rule.remediation}`,
    '',
    'A secret that reached a repository is compromised: revoke or rotate it first, then remove it from the code (and from history if the repository is shared).',
    '',
    '**References**',
    ...rule.references.map((r) => `- ${/^https?:\/\//.test(r) ? `<${r}>` : `\`${r}\``}`),
  ];
  const text = `${rule.name}: ${rule.description} Remediation: ${rule.remediation}`;
  return { text, markdown: lines.join('\n') };
}

function ruleSeverity(rule: RuleInfo): number {
  return scoreSeverity(rule.privilege, rule.breadth, false, false);
}

function toRule(rule: RuleInfo): Sarif.ReportingDescriptor {
  const severity = ruleSeverity(rule);
  const firstUrl = rule.references.find((r) => /^https:\/\//.test(r));
  return {
    id: rule.id,
    name: rule.id.replace(/(?:^|[.-])([a-z0-9])/g, (_, c: string) => c.toUpperCase()),
    shortDescription: { text: rule.name },
    fullDescription: { text: rule.description },
    help: ruleHelp(rule),
    ...(firstUrl ? { helpUri: firstUrl } : {}),
    defaultConfiguration: { level: rule.privilege === 'public' ? 'note' : severity >= 8 ? 'error' : 'warning' },
    properties: {
      tags: ['security', 'secret', `provider/${rule.provider}`],
      precision: rule.confidence === 'high' ? 'high' : rule.confidence === 'medium' ? 'medium' : 'low',
      'security-severity': severity.toFixed(1),
      provider: rule.provider,
      tokenType: rule.tokenType,
      privilege: rule.privilege,
      breadth: rule.breadth,
    },
  };
}

/** Stable across line moves: depends on detector, path and the keyed secret fingerprint only. */
export function partialFingerprint(finding: Pick<Finding, 'ruleId' | 'path' | 'fingerprint'>): string {
  return createHash('sha256')
    .update(`${finding.ruleId}\0${finding.path}\0${finding.fingerprint}`)
    .digest('hex')
    .slice(0, 32);
}

function toLocation(finding: Finding): Sarif.Location {
  return {
    physicalLocation: {
      artifactLocation: { uri: relativeUri(finding.path), uriBaseId: '%SRCROOT%' },
      region: {
        startLine: finding.line,
        startColumn: finding.column,
        endLine: finding.endLine,
        endColumn: finding.endColumn,
      },
    },
  };
}

function toResult(group: ResultGroup, ruleIndex: number): Sarif.Result {
  const finding = group.representative;
  const properties: Record<string, unknown> = {
    provider: finding.provider,
    tokenType: finding.tokenType,
    privilege: finding.privilege,
    breadth: finding.breadth,
    scopeSource: finding.scopeSource,
    scopes: finding.scopes,
    policy: finding.policy,
    confidence: finding.confidence,
    ...(finding.narrowerAlternative ? { narrowerAlternative: finding.narrowerAlternative } : {}),
    'security-severity': finding.securitySeverity.toFixed(1),
    fingerprint: finding.fingerprint,
    redacted: finding.redacted,
    secretLength: finding.secretLength,
    origin: finding.origin,
    ...(finding.keyName ? { keyName: finding.keyName } : {}),
    ...(finding.encoding ? { encoding: finding.encoding } : {}),
    ...(finding.environment ? { environment: finding.environment } : {}),
    ...(finding.expiresAt ? { expiresAt: finding.expiresAt } : {}),
    ...(finding.expired !== undefined ? { expired: finding.expired } : {}),
    ...(Object.keys(finding.facts).length > 0 ? { facts: finding.facts } : {}),
    ...(finding.commit
      ? { commit: finding.commit.sha, ...(finding.commit.date ? { commitDate: finding.commit.date } : {}) }
      : {}),
    ...(finding.verification ? { verification: finding.verification } : {}),
    ...(finding.agentIgnoredBy ? { agentIgnoredBy: finding.agentIgnoredBy } : {}),
    ...(group.occurrences.length > 1 ? { occurrences: group.occurrences.length } : {}),
  };
  const result: Sarif.Result = {
    ruleId: finding.ruleId,
    ruleIndex,
    level: finding.level,
    kind: 'fail',
    rank: Math.round(finding.securitySeverity * 10),
    message: { text: finding.message },
    locations: group.occurrences.map(toLocation),
    partialFingerprints: { 'tokenscope/v1': partialFingerprint(finding) },
    properties,
  };
  if (finding.suppressed) {
    result.suppressions = [
      {
        kind: finding.suppressed.kind === 'inline' ? 'inSource' : 'external',
        status: 'accepted',
        justification: [finding.suppressed.by, finding.suppressed.reason].filter(Boolean).join(': '),
      },
    ];
  }
  return result;
}

/**
 * A repository-relative path as a relative URI reference. Each segment is percent-encoded, so
 * `#` and `?` stay part of the name instead of starting a fragment or query, and `:` cannot form
 * a scheme or drive letter (`C:`); leading slashes are encoded too, so no name can turn the
 * reference absolute (`/etc/passwd`) or into a network path (`//host/x`). Lone surrogates (a
 * name that was not valid UTF-8) become U+FFFD rather than throw.
 */
export function relativeUri(path: string): string {
  const wellFormed = path.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  const leading = /^\/*/.exec(wellFormed)![0].length;
  return '%2F'.repeat(leading) + wellFormed.slice(leading).split('/').map(encodeURIComponent).join('/');
}

/** The SARIF log in pieces, results built one at a time (see formatSarif). */
export function sarifChunks(
  result: ScanResult,
  options: SarifOptions = {},
  plan = planSarifResults(result, options),
): Generator<string> {
  const { groups, truncated } = plan;
  // Only the rules that results reference: the whole catalogue would be ~1 MB for three results.
  const referenced = new Set(groups.map((g) => g.representative.ruleId));
  const rules = result.rules.filter((r) => referenced.has(r.id));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const notifications: Sarif.Notification[] = [
    ...(truncated
      ? [
          {
            level: 'warning' as const,
            message: {
              text: `report truncated: ${truncated.total} results exceed the limit of ${truncated.limit} (GitHub code scanning's); the ${truncated.listed} most severe are listed and ${truncated.omittedFindings} findings left out; the exit code counts all findings`,
            },
          },
        ]
      : []),
    ...result.incompleteReasons.map((r) => ({
      level: 'error' as const,
      message: {
        text: `scan incomplete: ${r.message}${r.paths.length > 0 ? ` (${r.paths.join(', ')}${r.count > r.paths.length ? ', …' : ''})` : ''}`,
      },
    })),
    ...result.notices.map((n) => ({
      level: n.level === 'info' ? ('note' as const) : n.level,
      message: { text: n.path ? `${n.path}: ${n.message}` : n.message },
    })),
    ...result.skipped.slice(0, 1000).map((s) => ({
      level: 'note' as const,
      message: { text: `${s.path}: skipped (${s.reason}${s.detail ? `: ${s.detail}` : ''})` },
    })),
  ];
  const log: Sarif.Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'tokenscope',
            version: result.tool.version,
            semanticVersion: result.tool.version,
            informationUri: 'https://github.com/tokenscope/tokenscope',
            rules: rules.map(toRule),
          },
        },
        invocations: [
          {
            // False when something could not be examined: code scanning must not read an
            // incomplete run as "clean".
            executionSuccessful: !result.incomplete,
            ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
          },
        ],
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(`${result.root.replace(/\/?$/, '/')}`).href } },
        columnKind: 'utf16CodeUnits',
        // Built and written one at a time by jsonChunks, never held as one array.
        results: new JsonArrayStream(
          mapLazily(groups, (g) => toResult(g, index.get(g.representative.ruleId) ?? -1)),
        ) as unknown as Sarif.Result[],
        properties: {
          stats: result.stats,
          ...(result.staleBaseline ? { staleBaseline: result.staleBaseline } : {}),
          ...(truncated ? { truncated } : {}),
        },
      },
    ],
  };
  return (function* () {
    yield* jsonChunks(log);
    yield '\n';
  })();
}

export function formatSarif(result: ScanResult, options: SarifOptions = {}): string {
  return joinChunks(sarifChunks(result, options));
}
