// Orders over the shared vocabulary: privilege and breadth ranks (scope, policy, reports and the
// agent view compare them) and the level order behind --fail-on.

import type { FailOn } from './config.js';
import { BREADTHS, PRIVILEGES, type Breadth, type Level, type Privilege } from './types.js';

export function privilegeRank(privilege: Privilege): number {
  return privilege === 'unknown' ? -1 : PRIVILEGES.indexOf(privilege);
}

export function breadthRank(breadth: Breadth): number {
  return breadth === 'unknown' ? -1 : BREADTHS.indexOf(breadth);
}

const LEVEL_ORDER: readonly Level[] = ['note', 'warning', 'error'];

/** Whether a finding at `level` reaches the fail-on threshold (never, for `none`). */
export function atOrAbove(level: Level, failOn: FailOn): boolean {
  return failOn !== 'none' && LEVEL_ORDER.indexOf(level) >= LEVEL_ORDER.indexOf(failOn);
}
