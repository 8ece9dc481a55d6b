// The job summary the Action appends to $GITHUB_STEP_SUMMARY: the verdict, a privilege × reach
// table (what the leaked credentials can do, and how far), and the most dangerous findings.
// Pure: ScanResult in, markdown out; values appear only masked.

import { BREADTHS, PRIVILEGES, type Breadth, type Finding, type Privilege, type ScanResult } from '../model/types.js';
import type { FailOn } from '../model/config.js';
import { filesScannedPhrase, levelCounts } from '../report/common.js';
import { plural, printable } from '../util/format.js';

export interface SummaryOptions {
  failOn: FailOn;
  exitCode: number;
  /** SARIF path as shown to the user. */
  sarif: string;
  /** How many findings were annotated, and why not all (e.g. "on lines this pull request changed"). */
  annotations: { count: number; scope: string };
  /** Findings listed in the "top findings" table. */
  top?: number;
}

const PRIVILEGE_ROWS: Privilege[] = [...[...PRIVILEGES].reverse(), 'unknown'];
const BREADTH_COLUMNS: Breadth[] = [...[...BREADTHS].reverse(), 'unknown'];

/** Text for a markdown table cell: pipes, backticks, line breaks and bidi controls cannot break the table. */
function cell(text: string): string {
  return printable(text).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/`/g, "'").replace(/[\r\n]+/g, ' ');
}

function code(text: string): string {
  return `\`${cell(text)}\``;
}

export function privilegeReachTable(findings: readonly Finding[]): string {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(`${f.privilege}/${f.breadth}`, (counts.get(`${f.privilege}/${f.breadth}`) ?? 0) + 1);
  const lines = [
    `| privilege \\ reach | ${BREADTH_COLUMNS.join(' | ')} | total |`,
    `| --- | ${BREADTH_COLUMNS.map(() => '---:').join(' | ')} | ---: |`,
  ];
  for (const privilege of PRIVILEGE_ROWS) {
    const row = BREADTH_COLUMNS.map((breadth) => counts.get(`${privilege}/${breadth}`) ?? 0);
    lines.push(`| ${privilege} | ${row.join(' | ')} | ${row.reduce((a, b) => a + b, 0)} |`);
  }
  const totals = BREADTH_COLUMNS.map((breadth) => findings.filter((f) => f.breadth === breadth).length);
  lines.push(`| **total** | ${totals.join(' | ')} | ${findings.length} |`);
  return lines.join('\n');
}

function rank(a: Finding, b: Finding): number {
  return b.securitySeverity - a.securitySeverity || (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line);
}

export function topFindingsTable(findings: readonly Finding[], limit: number): string {
  const lines = ['| location | detector | privilege | reach | policy | value |', '| --- | --- | --- | --- | --- | --- |'];
  for (const f of [...findings].sort(rank).slice(0, limit)) {
    const where = `${f.path}:${f.line}${f.commit ? ` @ ${f.commit.sha.slice(0, 7)}` : ''}`;
    lines.push(
      `| ${code(where)} | ${code(f.ruleId)} | ${f.privilege} | ${f.breadth} | ${f.policy.length > 0 ? f.policy.join(', ') : '—'} | ${code(`${f.redacted} (${f.secretLength} chars)`)} |`,
    );
  }
  return lines.join('\n');
}

export function formatJobSummary(result: ScanResult, options: SummaryOptions): string {
  const s = result.stats;
  const top = options.top ?? 20;
  const verdict =
    options.exitCode === 0
      ? options.failOn === 'none'
        ? 'not failing (fail-on: none)'
        : `passed: nothing at or above ${options.failOn}`
      : `**failed**: findings at or above ${options.failOn}`;
  const out = [
    `## tokenscope: ${plural(s.findings, 'finding')} (${levelCounts(s)})`,
    '',
    [
      filesScannedPhrase(s),
      `${s.filesSkipped} skipped`,
      `${s.suppressed} suppressed`,
      ...(result.staleBaseline && result.staleBaseline.length > 0
        ? [`${result.staleBaseline.length} stale baseline entr${result.staleBaseline.length === 1 ? 'y' : 'ies'}`]
        : []),
      verdict,
    ].join(' · '),
    '',
  ];
  if (result.incomplete) {
    out.push(`**Scan incomplete**: ${result.incompleteReasons.map((r) => r.message).join('; ')}. A clean result does not cover what was not read.`, '');
  }
  if (result.findings.length === 0) {
    out.push(result.incomplete ? 'No credentials found in what could be read.' : 'No credentials found.', '');
  } else {
    out.push('### By privilege and reach', '', privilegeReachTable(result.findings), '');
    out.push(`### Top findings`, '', topFindingsTable(result.findings, top), '');
    if (result.findings.length > top) out.push(`Showing the ${top} most severe of ${result.findings.length}; the SARIF report has them all.`, '');
  }
  out.push(`Annotations: ${plural(options.annotations.count, 'finding')} ${options.annotations.scope}. SARIF: ${code(options.sarif)}.`, '');
  return `${out.join('\n')}\n`;
}
