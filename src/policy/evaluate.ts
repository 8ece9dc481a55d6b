// The policy stage: pure functions that turn a scoped match into a verdict — the `overbroad`
// and `misplaced` tags with their reasons, the SARIF level, and a 0–10 security-severity that
// ranks the token able to delete production first.

import type { PolicyLimit } from '../model/config.js';
import { matchesPathPatterns } from '../util/path-patterns.js';
import {
  type Breadth,
  type Confidence,
  type Level,
  type PolicyTag,
  type Privilege,
  type ScopeInfo,
} from '../model/types.js';
import { classifyFile, MISPLACED_ROLES, pathEnvironment, ROLE_DESCRIPTIONS, type FileRole } from './file-role.js';
import { breadthRank, privilegeRank } from '../model/ranks.js';

export interface PolicyInput {
  path: string;
  provider: string;
  ruleName: string;
  scope: ScopeInfo;
  /** `invalid` when the format's checksum fails: not a live token. */
  checksum?: 'valid' | 'invalid';
  /** The variable the value is assigned to. */
  keyName?: string;
  /** Low-confidence matches (password hashes, failed checksums) are informational. */
  confidence?: Confidence;
  /** The --verify outcome: `inactive` means the provider says it no longer works. */
  verification?: 'active' | 'inactive' | 'unknown';
  /** The detector has a read-only online lookup: `--verify` can tell what is unknown offline. */
  verifiable?: boolean;
}

export interface Verdict {
  policy: PolicyTag[];
  reasons: string[];
  level: Level;
  securitySeverity: number;
  role: FileRole;
}

const PRIVILEGE_WORDS: Record<Privilege, string> = {
  public: 'public (meant to be exposed)',
  read: 'read-only',
  write: 'can write',
  destructive: 'can delete data',
  admin: 'admin (can grant access or mint credentials)',
  unknown: 'privilege not visible offline',
};

const BREADTH_WORDS: Record<Breadth, string> = {
  resource: 'one resource',
  project: 'one project',
  org: 'a whole organization',
  account: 'the whole account',
  unknown: 'reach not visible offline',
};

export function describePrivilege(privilege: Privilege): string {
  return PRIVILEGE_WORDS[privilege];
}

export function describeBreadth(breadth: Breadth): string {
  return BREADTH_WORDS[breadth];
}

/** "reaches the whole account", or "reach not visible offline" when unknown. */
export function describeReach(breadth: Breadth): string {
  return breadth === 'unknown' ? BREADTH_WORDS.unknown : `reaches ${BREADTH_WORDS[breadth]}`;
}

const SEVERITY_BASE: Record<Privilege, number> = {
  public: 1,
  read: 4,
  write: 6,
  destructive: 8,
  admin: 8.5,
  unknown: 6.5,
};
const SEVERITY_REACH: Record<Breadth, number> = { resource: 0, project: 0.5, org: 1, account: 1.5, unknown: 0.5 };

/** 0–10 score: privilege sets the base, reach and placement add to it (GitHub: ≥9 critical, ≥7 high). */
export function scoreSeverity(privilege: Privilege, breadth: Breadth, misplaced: boolean, production: boolean): number {
  const score = SEVERITY_BASE[privilege] + SEVERITY_REACH[breadth] + (misplaced ? 0.5 : 0) + (production ? 0.5 : 0);
  return Math.round(Math.min(10, score) * 10) / 10;
}

function where(limit: PolicyLimit): string {
  return limit.paths && limit.paths.length > 0 ? limit.paths.join(', ') : 'every path';
}

/** The configured limits this finding exceeds, in words. */
function limitViolations(input: PolicyInput, limits: readonly PolicyLimit[]): string[] {
  const out: string[] = [];
  for (const limit of limits) {
    if (!matchesPathPatterns(limit.paths, input.path)) continue;
    const why = limit.reason ? ` (${limit.reason})` : '';
    const { privilege, breadth } = input.scope;
    if (limit.maxPrivilege && privilegeRank(privilege) > privilegeRank(limit.maxPrivilege)) {
      out.push(`exceeds the limit for ${where(limit)}: ${privilege} is above the allowed ${limit.maxPrivilege}${why}`);
    } else if (limit.maxPrivilege && privilege === 'unknown' && limit.maxPrivilege !== 'admin') {
      out.push(
        `exceeds the limit for ${where(limit)}: its privilege is unknown offline, the limit is ${limit.maxPrivilege}${why}`,
      );
    }
    if (limit.maxBreadth && breadthRank(breadth) > breadthRank(limit.maxBreadth)) {
      out.push(
        `exceeds the limit for ${where(limit)}: ${breadth}-wide reach is above the allowed ${limit.maxBreadth}${why}`,
      );
    }
    if (limit.providers && !limit.providers.includes(input.provider)) {
      out.push(`exceeds the limit for ${where(limit)}: ${input.provider} credentials are not allowed there${why}`);
    }
    if (limit.denyProviders?.includes(input.provider)) {
      out.push(`exceeds the limit for ${where(limit)}: ${input.provider} credentials are denied there${why}`);
    }
  }
  return out;
}

/** Applies the policy (README "What it reports") to one scoped match. */
export function evaluatePolicy(input: PolicyInput, limits: readonly PolicyLimit[] = []): Verdict {
  const { scope } = input;
  const role = classifyFile(input.path);
  const policy: PolicyTag[] = [];
  const reasons: string[] = [];
  const live = input.checksum !== 'invalid' && scope.expired !== true && input.verification !== 'inactive';

  // overbroad: a narrower credential exists and this one can destroy/administer or reaches an
  // org/account — only from evidence (claims come from evidence, never from what a type could do). A type whose grant
  // is chosen at creation (restricted key, fine-grained PAT, scoped token) has privilege
  // `unknown`: the account it lives in is no evidence of what it can do there, so its breadth
  // alone (a user's token reaches the user's account whatever its scopes) is not enough: it
  // counts once --verify or a decoded token has said what the grant is.
  const heavy = scope.privilege === 'destructive' || scope.privilege === 'admin';
  const wide = scope.privilege !== 'unknown' && (scope.breadth === 'org' || scope.breadth === 'account');
  if (scope.privilege === 'unknown' && !scope.public && (scope.narrowerAlternative || input.verifiable)) {
    const ask = input.verifiable && input.verification === undefined ? '; --verify asks the provider' : '';
    reasons.push(
      `privilege unknown: what it can do was chosen when it was created and is not visible offline, so it is not called overbroad${ask}`,
    );
  }
  if (scope.narrowerAlternative && (heavy || wide) && !scope.public) {
    policy.push('overbroad');
    const what = [
      heavy ? describePrivilege(scope.privilege) : '',
      wide ? `reaches ${describeBreadth(scope.breadth)}` : '',
    ]
      .filter(Boolean)
      .join(', ');
    reasons.push(`overbroad: ${what}; use ${scope.narrowerAlternative}`);
  }
  const violations = limitViolations(input, limits);
  if (violations.length > 0) {
    if (!policy.includes('overbroad')) policy.push('overbroad');
    reasons.push(...violations.map((v) => `overbroad: ${v}`));
  }

  // misplaced: the file's job is not holding configuration, or production meets non-production.
  const misplacedReasons: string[] = [];
  if (MISPLACED_ROLES.has(role))
    misplacedReasons.push(`misplaced: ${ROLE_DESCRIPTIONS[role]} is not where credentials belong`);
  if (scope.facts['browserExposed'] === true && !scope.public) {
    misplacedReasons.push(`misplaced: ${input.keyName ?? 'its name'} ships the value to browsers`);
  }
  const env = pathEnvironment(input.path);
  const production = scope.environment === 'production';
  if (production && env) {
    misplacedReasons.push(`misplaced: a production/live credential in a ${env} file`);
  }
  if (misplacedReasons.length > 0 && !scope.public) {
    policy.push('misplaced');
    reasons.push(...misplacedReasons);
  }

  let level: Level;
  if (!live || scope.public || input.confidence === 'low') {
    level = 'note';
    if (scope.expired)
      reasons.push(
        `expired${scope.expiresAt ? ` on ${scope.expiresAt.slice(0, 10)}` : ''}: no longer usable, but remove it`,
      );
    if (input.verification === 'inactive')
      reasons.push('inactive: the provider says it is invalid or revoked; remove it anyway');
  } else if (policy.includes('overbroad') || production) {
    level = 'error';
  } else {
    level = 'warning';
  }
  const severity =
    live && !scope.public
      ? scoreSeverity(scope.privilege, scope.breadth, policy.includes('misplaced'), production)
      : Math.min(3, scoreSeverity(scope.privilege, scope.breadth, false, false));
  return { policy, reasons, level, securitySeverity: severity, role };
}
