// SARIF 2.1.0 for GitHub code scanning and other consumers. One result per secret occurrence;
// ruleId is the detector id; level and security-severity come from scope and policy, so the
// token that can delete production sorts first. Validated in tests against the official schema.

import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { Finding, RuleInfo, ScanResult } from '../model/types.js';
import { describeBreadth, describePrivilege, scoreSeverity } from '../policy/evaluate.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export interface SarifOptions {
  /** Also list suppressed findings, with SARIF `suppressions`. */
  showSuppressed?: boolean;
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
  return createHash('sha256').update(`${finding.ruleId}\0${finding.path}\0${finding.fingerprint}`).digest('hex').slice(0, 32);
}

function toResult(finding: Finding, ruleIndex: number): Sarif.Result {
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
    ...(finding.commit ? { commit: finding.commit.sha, ...(finding.commit.date ? { commitDate: finding.commit.date } : {}) } : {}),
    ...(finding.verification ? { verification: finding.verification } : {}),
    ...(finding.agentIgnoredBy ? { agentIgnoredBy: finding.agentIgnoredBy } : {}),
  };
  const result: Sarif.Result = {
    ruleId: finding.ruleId,
    ruleIndex,
    level: finding.level,
    kind: 'fail',
    rank: Math.round(finding.securitySeverity * 10),
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: relativeUri(finding.path), uriBaseId: '%SRCROOT%' },
          region: {
            startLine: finding.line,
            startColumn: finding.column,
            endLine: finding.endLine,
            endColumn: finding.endColumn,
          },
        },
      },
    ],
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

export function formatSarif(result: ScanResult, options: SarifOptions = {}): string {
  const findings = options.showSuppressed ? [...result.findings, ...result.suppressed] : result.findings;
  // Only the rules that results reference: the whole catalogue would be ~1 MB for three results.
  const referenced = new Set(findings.map((f) => f.ruleId));
  const rules = result.rules.filter((r) => referenced.has(r.id));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const notifications: Sarif.Notification[] = [
    ...result.incompleteReasons.map((r) => ({
      level: 'error' as const,
      message: { text: `scan incomplete: ${r.message}${r.paths.length > 0 ? ` (${r.paths.join(', ')}${r.count > r.paths.length ? ', …' : ''})` : ''}` },
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
        results: findings.map((f) => toResult(f, index.get(f.ruleId) ?? -1)),
        properties: {
          stats: result.stats,
          ...(result.staleBaseline ? { staleBaseline: result.staleBaseline } : {}),
        },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
