// The agent-exposure audit (`scan --agent-view`): which credentials a coding agent working in
// this checkout can read, and which of them an agent ignore rule covers. Ignore rules are best
// effort — a shell command reads the file anyway — so covered findings stay reported, with the
// rule named. Sources: .cursorignore, .aiexclude, .aiignore, .geminiignore, .codeiumignore,
// .aiderignore, .clineignore, .rooignore (gitignore syntax) and `Read(...)` deny rules in
// .claude/settings.json / .claude/settings.local.json.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { breadthRank, privilegeRank } from '../model/ranks.js';
import type { AgentViewSummary, Finding } from '../model/types.js';

/** Ignore files agents read, all in gitignore syntax at the repository root. */
const AGENT_IGNORE_FILES = [
  '.cursorignore',
  '.aiexclude',
  '.aiignore',
  '.geminiignore',
  '.codeiumignore',
  '.aiderignore',
  '.clineignore',
  '.rooignore',
] as const;

const CLAUDE_SETTINGS = ['.claude/settings.json', '.claude/settings.local.json'] as const;

/** One file's worth of agent ignore rules. */
export interface AgentIgnoreSource {
  /** Repo-relative file the rules came from. */
  file: string;
  rules: Array<{ pattern: string; matcher: Ignore }>;
}

function gitignoreLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#') && !line.startsWith('!'));
}

/**
 * `Read(./.env)`, `Read(.env.*)`, `Read(./secrets/**)` → gitignore patterns relative to the
 * project. Absolute (`//…`) and home (`~/…`) rules do not name files in the checkout.
 */
function claudeReadRuleToPattern(rule: string): string | undefined {
  const m = /^Read\((.+)\)$/.exec(rule.trim());
  if (!m) return undefined;
  const path = m[1]!.trim();
  if (path.startsWith('//') || path.startsWith('~')) return undefined;
  return path.replace(/^\.\//, '/').replace(/^\/(?!\/)/, '');
}

function claudeDenyPatterns(text: string): string[] {
  let settings: unknown;
  try {
    settings = JSON.parse(text);
  } catch {
    return [];
  }
  const deny = (settings as { permissions?: { deny?: unknown } } | null)?.permissions?.deny;
  if (!Array.isArray(deny)) return [];
  return deny.flatMap((rule) => {
    if (typeof rule !== 'string') return [];
    const pattern = claudeReadRuleToPattern(rule);
    return pattern ? [pattern] : [];
  });
}

/** Every file agents take ignore rules from, with how to read its patterns. */
const IGNORE_SOURCES: ReadonlyArray<readonly [file: string, patterns: (text: string) => string[]]> = [
  ...AGENT_IGNORE_FILES.map((file) => [file, gitignoreLines] as const),
  ...CLAUDE_SETTINGS.map((file) => [file, claudeDenyPatterns] as const),
];

function toSource(file: string, patterns: string[]): AgentIgnoreSource | undefined {
  const rules = patterns.map((pattern) => ({ pattern, matcher: ignore({ allowRelativePaths: true }).add(pattern) }));
  return rules.length > 0 ? { file, rules } : undefined;
}

/** Reads every agent ignore file present at the repository root. */
export function loadAgentIgnores(root: string): AgentIgnoreSource[] {
  const sources: AgentIgnoreSource[] = [];
  for (const [file, patterns] of IGNORE_SOURCES) {
    const abs = join(root, file);
    if (!existsSync(abs)) continue;
    const source = toSource(file, patterns(readFileSync(abs, 'utf8')));
    if (source) sources.push(source);
  }
  return sources;
}

/** The rules that cover a repo-relative path, as `file: pattern`. */
function coveringRules(path: string, sources: readonly AgentIgnoreSource[]): string[] {
  const out: string[] = [];
  for (const source of sources) {
    for (const rule of source.rules) {
      if (rule.matcher.ignores(path)) out.push(`${source.file}: ${rule.pattern}`);
    }
  }
  return out;
}

/**
 * The highest-ranked value, `lowest` when none ranks above it. The policy's ranks put `unknown`
 * lowest (-1): the summary names what is known to be reachable.
 */
function highest<T extends string>(values: readonly T[], lowest: T, rank: (value: T) => number): T {
  return values.reduce((best, value) => (rank(value) > rank(best) ? value : best), lowest);
}

/**
 * Tags every finding `agent-exposed` (the agent can read the file), names the agent ignore rules
 * that cover it, and summarizes what an agent here can reach.
 */
export function applyAgentView(findings: Finding[], sources: readonly AgentIgnoreSource[]): AgentViewSummary {
  let covered = 0;
  for (const finding of findings) {
    if (!finding.policy.includes('agent-exposed')) finding.policy.push('agent-exposed');
    const rules = coveringRules(finding.path, sources);
    if (rules.length > 0) {
      covered++;
      finding.agentIgnoredBy = rules;
      finding.reasons.push(
        `agent-exposed: ${rules.join('; ')} asks agents not to read this file, but a shell command still can`,
      );
    } else {
      finding.reasons.push(
        'agent-exposed: no agent ignore rule covers this file: a coding agent here reads it like any other',
      );
    }
  }
  const live = findings.filter((f) => f.level !== 'note');
  const pool = live.length > 0 ? live : findings;
  return {
    credentials: findings.length,
    highestPrivilege: highest(
      pool.map((f) => f.privilege),
      'unknown',
      privilegeRank,
    ),
    broadestReach: highest(
      pool.map((f) => f.breadth),
      'unknown',
      breadthRank,
    ),
    coveredByIgnoreRules: covered,
    ignoreFiles: sources.map((s) => s.file),
  };
}
