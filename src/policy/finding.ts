// Assembles the Finding a report shows: the candidate's facts, the policy verdict, and a message
// in words (never the secret: only its masked preview and length).

import type { PolicyLimit } from '../model/config.js';
import type { Candidate } from '../model/candidate.js';
import type { Finding, SecretOccurrence } from '../model/types.js';
import { describePrivilege, describeReach, evaluatePolicy } from './evaluate.js';

/**
 * The occurrence fields a finding takes from its candidate, named one by one: a field added to
 * Candidate reaches no report until it is listed here. The type below fails to compile when
 * SecretOccurrence gains a field this list lacks.
 */
const OCCURRENCE_FIELDS = [
  'ruleId',
  'ruleName',
  'provider',
  'tokenType',
  'path',
  'origin',
  'line',
  'column',
  'endLine',
  'endColumn',
  'redacted',
  'secretLength',
  'fingerprint',
  'confidence',
  'keyName',
  'encoding',
  'commit',
  'verification',
] as const satisfies ReadonlyArray<keyof SecretOccurrence>;
const _everyOccurrenceField: Exclude<keyof SecretOccurrence, (typeof OCCURRENCE_FIELDS)[number]> extends never
  ? true
  : never = true;
void _everyOccurrenceField;

function occurrenceOf(candidate: Candidate): SecretOccurrence {
  const out: Record<string, unknown> = {};
  for (const field of OCCURRENCE_FIELDS) if (candidate[field] !== undefined) out[field] = candidate[field];
  return out as unknown as SecretOccurrence;
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return trimmed.length === 0
    ? ''
    : `${trimmed[0]!.toUpperCase()}${trimmed.slice(1)}${/[.!?]$/.test(trimmed) ? '' : '.'}`;
}

export function toFinding(candidate: Candidate, limits: readonly PolicyLimit[]): Finding {
  const { scope } = candidate;
  const verdict = evaluatePolicy(
    {
      path: candidate.path,
      provider: candidate.provider,
      ruleName: candidate.ruleName,
      scope,
      ...(candidate.checksum ? { checksum: candidate.checksum } : {}),
      ...(candidate.keyName ? { keyName: candidate.keyName } : {}),
      confidence: candidate.confidence,
      ...(candidate.verification ? { verification: candidate.verification.status } : {}),
      ...(candidate.verifiable ? { verifiable: true } : {}),
    },
    limits,
  );
  const what = scope.public
    ? 'public by design'
    : `${describePrivilege(scope.privilege)}; ${describeReach(scope.breadth)}`;
  const parts = [
    `${candidate.ruleName} ${candidate.redacted} (${candidate.secretLength} chars): ${what}.`,
    ...scope.evidence.map(sentence),
    ...verdict.reasons.map(sentence),
  ];
  return {
    ...occurrenceOf(candidate),
    privilege: scope.privilege,
    breadth: scope.breadth,
    scopeSource: scope.scopeSource,
    scopes: scope.scopes,
    ...(scope.narrowerAlternative ? { narrowerAlternative: scope.narrowerAlternative } : {}),
    policy: verdict.policy,
    reasons: verdict.reasons,
    level: verdict.level,
    securitySeverity: verdict.securitySeverity,
    message: parts.join(' '),
    facts: scope.facts,
    evidence: scope.evidence,
    ...(scope.expiresAt ? { expiresAt: scope.expiresAt } : {}),
    ...(scope.expired !== undefined ? { expired: scope.expired } : {}),
    ...(scope.environment ? { environment: scope.environment } : {}),
  };
}
