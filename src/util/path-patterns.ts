// Gitignore-style path lists in config (policy limits, allowlist entries): compiled once per
// list, not once per finding.

import ignore, { type Ignore } from 'ignore';

const compiled = new WeakMap<readonly string[], Ignore>();

/** True when `path` (relative, `/`-separated) matches one of `patterns`; no patterns match every path. */
export function matchesPathPatterns(patterns: readonly string[] | undefined, path: string): boolean {
  if (!patterns || patterns.length === 0) return true;
  let matcher = compiled.get(patterns);
  if (!matcher) {
    matcher = ignore({ allowRelativePaths: true }).add([...patterns]);
    compiled.set(patterns, matcher);
  }
  return matcher.ignores(path);
}
