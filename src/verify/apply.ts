// Folds a lookup's outcome into a candidate before policy runs: the verification record, and for
// an active credential the scopes, privilege and breadth the provider revealed (scopeSource
// `online`). An unknown outcome changes nothing: the offline facts stand.

import type { Candidate } from '../model/candidate.js';
import type { Verification } from '../model/types.js';
import type { Outcome } from '../providers/verifier-types.js';

const MAX_CAPABILITIES = 6;
const MAX_SCOPES = 12;

function list(items: readonly string[], max: number, separator: string): string {
  const shown = items.slice(0, max).join(separator);
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}

/** The one-line detail a report shows: the answer, then what the credential can do, in words (the scopes themselves are on the finding). */
export function describeOutcome(outcome: Outcome): string {
  if (outcome.status === 'active' && outcome.capabilities && outcome.capabilities.length > 0) {
    return `${outcome.detail}; it can ${list(outcome.capabilities, MAX_CAPABILITIES, '; ')}`;
  }
  return outcome.detail;
}

export function applyOutcome(candidate: Candidate, outcome: Outcome, providerName: string, endpoint?: string): void {
  const verification: Verification = {
    status: outcome.status,
    detail: describeOutcome(outcome),
    ...(endpoint ? { endpoint } : {}),
    ...(outcome.identity ? { identity: outcome.identity } : {}),
  };
  candidate.verification = verification;
  const scope = candidate.scope;
  if (outcome.status === 'inactive') {
    scope.evidence.push(`${providerName} says it is invalid or revoked (--verify)`);
    return;
  }
  if (outcome.status !== 'active') return;
  let decided = false;
  if (outcome.scopes) {
    scope.scopes = [...outcome.scopes];
    decided = true;
  }
  if (outcome.privilege && outcome.privilege !== 'unknown') {
    scope.privilege = outcome.privilege;
    decided = true;
  }
  if (outcome.breadth && outcome.breadth !== 'unknown') {
    scope.breadth = outcome.breadth;
    decided = true;
  }
  if (decided) scope.scopeSource = 'online';
  if (outcome.facts) Object.assign(scope.facts, outcome.facts);
  const who = outcome.identity ? ` as ${outcome.identity}` : '';
  const scopes = outcome.scopes
    ? outcome.scopes.length > 0
      ? `, scopes ${list(outcome.scopes, MAX_SCOPES, ', ')}`
      : ', no scopes'
    : '';
  scope.evidence.push(`${providerName} confirms it is active${who}${scopes} (--verify)`);
}
