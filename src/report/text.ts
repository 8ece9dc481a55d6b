// Human output: findings grouped by file, most dangerous first within a file, then a summary of
// files scanned and skipped (by reason), findings by level, and the time taken. Colour only when
// the caller says so (a TTY without NO_COLOR).

import pc from 'picocolors';
import type { Finding, Level, ScanResult } from '../model/types.js';
import { describeBreadth, describePrivilege, describeReach } from '../policy/evaluate.js';
import { formatSize, plural, printable } from '../util/format.js';
import { filesScannedPhrase, levelCounts } from './common.js';
import { atOrAbove } from '../model/ranks.js';

export interface TextOptions {
  color: boolean;
  verbose?: boolean;
  showSuppressed?: boolean;
  reportUnusedIgnores?: boolean;
  /** The scan read staged changes (pre-commit hook): end with why the commit is blocked and how to proceed. */
  staged?: boolean;
  /** Terminal width: long lines wrap with a hanging indent. Absent (piped, a file): no wrapping. */
  width?: number;
}

type Paint = (text: string) => string;

function painter(
  enabled: boolean,
): Record<'red' | 'yellow' | 'blue' | 'dim' | 'bold' | 'green' | 'cyan' | 'magenta', Paint> {
  const c = pc.createColors(enabled);
  return {
    red: c.red,
    yellow: c.yellow,
    blue: c.blue,
    dim: c.dim,
    bold: c.bold,
    green: c.green,
    cyan: c.cyan,
    magenta: c.magenta,
  };
}

function levelLabel(level: Level, p: ReturnType<typeof painter>): string {
  if (level === 'error') return p.red('error  ');
  if (level === 'warning') return p.yellow('warning');
  return p.blue('note   ');
}

/**
 * Breaks a plain-text line at spaces to fit `width` columns, continuing with `hang` spaces more
 * than the line's own indent (the README's layout). Without a width (not a terminal), unchanged.
 */
export function wrapLine(line: string, width: number | undefined, hang = 2): string[] {
  if (!width || width < 40 || line.length <= width) return [line];
  const indent = /^ */.exec(line)![0];
  const next = `${indent}${' '.repeat(hang)}`;
  const out: string[] = [];
  let current = indent;
  let first = true;
  for (const word of line.slice(indent.length).split(' ')) {
    const lead = first ? indent : next;
    if (current.length > lead.length && current.length + 1 + word.length > width) {
      out.push(current);
      current = next + word;
      first = false;
    } else current = current.length > lead.length ? `${current} ${word}` : `${current}${word}`;
  }
  out.push(current);
  return out;
}

/**
 * The policy reason without the privilege and reach phrase the scope line right above already
 * says ("overbroad: can delete data, reaches the whole account; use …" → "overbroad: use …").
 */
function withoutRepeatedScope(reason: string, f: Finding): string {
  const prefix = `overbroad: ${describePrivilege(f.privilege)}`;
  if (!reason.startsWith(prefix)) return reason;
  const rest = reason.indexOf('; ', prefix.length);
  return rest > 0 ? `overbroad: ${reason.slice(rest + 2)}` : reason;
}

function formatFinding(f: Finding, p: ReturnType<typeof painter>, verbose: boolean, width?: number): string[] {
  const where = `${f.line}:${f.column}`.padEnd(8);
  const head = `  ${p.dim(where)} ${levelLabel(f.level, p)}  ${p.bold(f.ruleName)} · ${p.cyan(printable(f.redacted))} ${p.dim(`(${f.secretLength} chars) · ${f.ruleId}`)}`;
  const scope =
    f.privilege === 'public'
      ? 'public by design'
      : `${describePrivilege(f.privilege)} · ${describeReach(f.breadth)} · ${f.scopeSource}`;
  const tags = f.policy.length > 0 ? ` · ${p.magenta(f.policy.join(', '))}` : '';
  const lines = [head, `  ${' '.repeat(8)} ${scope}${tags}`];
  const indent = `  ${' '.repeat(8)} `;
  for (const evidence of f.evidence)
    for (const line of wrapLine(`${indent}${printable(evidence)}`, width)) lines.push(p.dim(line));
  for (const reason of f.reasons) {
    const arrow = reason.startsWith('overbroad') || reason.startsWith('misplaced') ? '→ ' : '';
    lines.push(...wrapLine(`${indent}${arrow}${printable(withoutRepeatedScope(reason, f))}`, width, arrow ? 2 : 0));
  }
  if (f.verification) {
    // What an active token can do, in words, is in the detail (src/verify/apply.ts).
    const v = f.verification;
    const paint = v.status === 'active' ? p.red : v.status === 'inactive' ? p.green : p.dim;
    lines.push(
      `${indent}verified: ${paint(v.status)}${v.identity ? ` as ${v.identity}` : ''}: ${v.detail}${v.endpoint ? p.dim(` [${v.endpoint}]`) : ''}`,
    );
  }
  if (f.commit)
    lines.push(
      `${indent}${p.dim(`commit ${f.commit.sha.slice(0, 12)}${f.commit.date ? ` (${f.commit.date.slice(0, 10)})` : ''}`)}`,
    );
  if (f.agentIgnoredBy && f.agentIgnoredBy.length > 0)
    lines.push(`${indent}agent ignore rules cover it (best effort only): ${f.agentIgnoredBy.join('; ')}`);
  if (f.suppressed)
    lines.push(
      `${indent}${p.dim(printable(`suppressed by ${f.suppressed.by}${f.suppressed.reason ? `: ${f.suppressed.reason}` : ''}`))}`,
    );
  if (verbose) lines.push(`${indent}${p.dim(`fingerprint ${f.fingerprint}`)}`);
  return lines;
}

function groupByFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = groups.get(f.path);
    if (list) list.push(f);
    else groups.set(f.path, [f]);
  }
  return groups;
}

export function formatText(result: ScanResult, options: TextOptions = { color: false }): string {
  const p = painter(options.color);
  const out: string[] = [];
  for (const [path, list] of groupByFile(result.findings)) {
    out.push(p.bold(printable(path)));
    for (const f of list) out.push(...formatFinding(f, p, options.verbose === true, options.width));
    out.push('');
  }
  if (options.showSuppressed && result.suppressed.length > 0) {
    out.push(p.bold('Suppressed'));
    for (const [path, list] of groupByFile(result.suppressed)) {
      out.push(p.dim(printable(path)));
      for (const f of list) out.push(...formatFinding(f, p, options.verbose === true, options.width));
    }
    out.push('');
  }
  if (result.staleBaseline && result.staleBaseline.length > 0) {
    out.push(
      p.bold(
        `Stale baseline entries (${result.staleBaseline.length}): the secret is gone; remove them with --prune-baseline`,
      ),
    );
    for (const e of result.staleBaseline) out.push(`  ${printable(e.path)}  ${e.ruleId}  ${p.dim(e.fingerprint)}`);
    out.push('');
  }
  if (options.reportUnusedIgnores && result.unusedIgnores && result.unusedIgnores.length > 0) {
    out.push(p.bold(`Unused ignore comments (${result.unusedIgnores.length}): they hide nothing`));
    for (const u of result.unusedIgnores) out.push(`  ${printable(u.path)}:${u.line}  ${p.dim(printable(u.text))}`);
    out.push('');
  }
  if (options.verbose) {
    if (result.skipped.length > 0) {
      out.push(p.bold('Skipped files'));
      for (const s of result.skipped)
        out.push(`  ${printable(s.path)}  ${p.dim(printable(`${s.reason}${s.detail ? `: ${s.detail}` : ''}`))}`);
      out.push('');
    }
  }
  const problems = result.notices.filter((n) => options.verbose || n.level !== 'info');
  for (const n of problems)
    out.push(
      `${n.level === 'error' ? p.red('error') : n.level === 'warning' ? p.yellow('warning') : p.dim('info')}: ${printable(`${n.path ? `${n.path}: ` : ''}${n.message}`)}`,
    );
  if (problems.length > 0) out.push('');
  if (result.agentView) {
    const a = result.agentView;
    out.push(p.bold('What an agent here can reach'));
    out.push(
      a.credentials === 0
        ? '  no credentials readable from this checkout'
        : `  ${plural(a.credentials, 'credential')}; highest privilege: ${a.highestPrivilege} (${describePrivilege(a.highestPrivilege)}); broadest reach: ${a.broadestReach} (${describeBreadth(a.broadestReach)})`,
    );
    out.push(
      `  ${a.coveredByIgnoreRules} covered by agent ignore rules${a.ignoreFiles.length > 0 ? ` (${a.ignoreFiles.join(', ')})` : ''}; ignore rules are best effort: a shell command still reads the file`,
    );
    out.push('');
  }
  if (options.staged) out.push(...blockedCommitMessage(result, p));
  out.push(summaryLine(result, p));
  return `${out.join('\n')}\n`;
}

/**
 * What a blocked `git commit` prints: what was found, where, how dangerous, and the three ways
 * forward. Only findings at or above the fail-on level block; none → no message.
 */
export function blockedCommitMessage(result: ScanResult, p = painter(false)): string[] {
  const blocking = result.findings.filter((f) => atOrAbove(f.level, result.settings.failOn));
  if (blocking.length === 0) return [];
  const out = [
    p.bold(p.red(`Commit blocked: tokenscope found ${plural(blocking.length, 'secret')} in the staged changes.`)),
  ];
  for (const f of blocking) {
    const danger =
      f.privilege === 'public'
        ? 'public by design'
        : `${f.privilege}: ${describePrivilege(f.privilege)}; ${describeReach(f.breadth)}`;
    out.push(
      `  ${p.bold(`${printable(f.path)}:${f.line}`)}  ${f.ruleName} (${f.ruleId}) ${p.cyan(printable(f.redacted))}`,
    );
    out.push(`      ${danger}${f.policy.length > 0 ? ` · ${f.policy.join(', ')}` : ''}`);
  }
  const example = blocking[0]!.ruleId;
  out.push(
    'How to proceed:',
    '  1. Remove it from the file and stage the fix (git add). If it was ever pushed or shared, revoke and rotate it too:',
    '     deleting it from the commit does not make it secret again.',
    '  2. Not a real secret, or accepted here? Ignore it with a reason, on its line or the line above:',
    `       tokenscope:ignore ${example} -- <why this is safe>`,
    '  3. Commit anyway, skipping every pre-commit check: git commit --no-verify',
    '',
  );
  return out;
}

export function summaryLine(result: ScanResult, p = painter(false)): string {
  const s = result.stats;
  const skipped = Object.entries(s.skippedByReason)
    .map(([reason, n]) => `${reason} ${n}`)
    .join(', ');
  const parts = [
    filesScannedPhrase(s, formatSize(s.bytesScanned)),
    `${s.filesSkipped} skipped${skipped ? ` (${skipped})` : ''}`,
    `${plural(s.findings, 'finding')}: ${levelCounts(s)}`,
    ...(s.suppressed > 0 ? [`${s.suppressed} suppressed`] : []),
    `${(s.durationMs / 1000).toFixed(2)} s`,
  ];
  const left = leftOutPhrase(result);
  if (left) parts.splice(2, 0, left);
  const line = parts.join('; ');
  const painted = s.findingsByLevel.error > 0 ? p.red(line) : s.findings > 0 ? p.yellow(line) : p.green(line);
  if (!result.incomplete) return painted;
  // First, and in words: a green "0 findings" under an incomplete scan reads as "clean".
  const why = result.incompleteReasons.map((r) => r.message).join('; ');
  return `${p.bold(p.red(`INCOMPLETE scan: ${why}; a clean result does not cover what was not read (run with --verbose to list skipped files)`))}\n${painted}`;
}

/** `12 ignored by ignore rules (9 git-ignored: --agent-view scans them), 3 folders excluded by default (node_modules/ 2, .git/ 1)`. */
function leftOutPhrase(result: ScanResult): string | undefined {
  const s = result.stats;
  const parts: string[] = [];
  if (s.ignored) {
    const git = s.gitIgnored ? ` (${s.gitIgnored} git-ignored: --agent-view scans them)` : '';
    parts.push(`${s.ignored} ignored by ignore rules${git}`);
  }
  const excluded = Object.entries(s.excludedByDefault ?? {});
  if (excluded.length > 0) {
    const total = excluded.reduce((sum, [, n]) => sum + n, 0);
    parts.push(
      `${plural(total, 'folder')} excluded by default (${excluded.map(([pattern, n]) => `${pattern} ${n}`).join(', ')})`,
    );
  }
  return parts.length > 0 ? parts.join(', ') : undefined;
}
