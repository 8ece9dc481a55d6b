// `--format github`: what a GitHub Actions step shows. The log (the text report inside a group,
// where nothing can act as a workflow command), one annotation per finding up to what GitHub
// displays, and the job summary: the verdict, a privilege × reach table, the most dangerous
// findings, and how many findings were not annotated. Pure: ScanResult in, text out; values
// appear only masked. Which findings may be annotated (a pull request's changed lines, the files
// on disk) is decided by the caller, which can read git.

import { relative, join } from 'node:path';
import {
  BREADTHS,
  PRIVILEGES,
  type Breadth,
  type Finding,
  type Level,
  type Privilege,
  type ScanResult,
} from '../model/types.js';
import type { FailOn } from '../model/config.js';
import { filesScannedPhrase, levelCounts } from './common.js';
import { formatText, summaryLine } from './text.js';
import { annotation, escapeLog, withoutCommands, type AnnotationLevel } from './github-commands.js';
import { plural, printable } from '../util/format.js';

/**
 * GitHub shows at most 10 error and 10 warning annotations per step (and drops the rest without
 * a word), and notices the same way: more would only look complete.
 */
export const ANNOTATIONS_PER_LEVEL = 10;

const LEVELS: Record<Level, AnnotationLevel> = { error: 'error', warning: 'warning', note: 'notice' };

export interface GithubReportOptions {
  /** The folder annotation paths are relative to: the workspace, where GitHub resolves them. */
  workspace: string;
  failOn: FailOn;
  exitCode: number;
  /** Findings that may be placed on a line (default: all); the others stay in the summary and SARIF. */
  annotatable?: (finding: Finding) => boolean;
  /** Which findings were eligible, e.g. "on lines this pull request changes (HEAD^1..HEAD)". */
  scope?: string;
  /** A notice annotation before the others (e.g. why every finding is annotated). */
  notice?: string;
  /** SARIF path as shown to the user, when one was written. */
  sarif?: string;
  /** Findings listed in the "top findings" table. */
  top?: number;
}

export interface GithubReport {
  /** For standard output: the log group, the annotations, the summary line. */
  log: string;
  /** Markdown for $GITHUB_STEP_SUMMARY. */
  summary: string;
  annotated: number;
  /** Eligible findings left without an annotation because of GitHub's per-step limit. */
  overLimit: number;
}

const PRIVILEGE_ROWS: Privilege[] = [...[...PRIVILEGES].reverse(), 'unknown'];
const BREADTH_COLUMNS: Breadth[] = [...[...BREADTHS].reverse(), 'unknown'];

/** Text for a markdown table cell: pipes, backticks, line breaks and bidi controls cannot break the table. */
function cell(text: string): string {
  return printable(text)
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/`/g, "'")
    .replace(/[\r\n]+/g, ' ');
}

function code(text: string): string {
  return `\`${cell(text)}\``;
}

export function privilegeReachTable(findings: readonly Finding[]): string {
  const counts = new Map<string, number>();
  for (const f of findings)
    counts.set(`${f.privilege}/${f.breadth}`, (counts.get(`${f.privilege}/${f.breadth}`) ?? 0) + 1);
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

/** Most severe first; ties by location, so the output is the same on every run. */
function rank(a: Finding, b: Finding): number {
  return (
    b.securitySeverity - a.securitySeverity ||
    (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || a.column - b.column)
  );
}

export function topFindingsTable(findings: readonly Finding[], limit: number): string {
  const lines = [
    '| location | detector | privilege | reach | policy | value |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const f of [...findings].sort(rank).slice(0, limit)) {
    const where = `${f.path}:${f.line}${f.commit ? ` @ ${f.commit.sha.slice(0, 7)}` : ''}`;
    lines.push(
      `| ${code(where)} | ${code(f.ruleId)} | ${f.privilege} | ${f.breadth} | ${f.policy.length > 0 ? f.policy.join(', ') : '—'} | ${code(`${f.redacted} (${f.secretLength} chars)`)} |`,
    );
  }
  return lines.join('\n');
}

/** The most severe eligible findings, at most ANNOTATIONS_PER_LEVEL per annotation level. */
function chooseAnnotations(findings: readonly Finding[]): { chosen: Finding[]; overLimit: number } {
  const used: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };
  const chosen: Finding[] = [];
  let overLimit = 0;
  for (const f of [...findings].sort(rank)) {
    const level = LEVELS[f.level];
    if (used[level] < ANNOTATIONS_PER_LEVEL) {
      used[level]++;
      chosen.push(f);
    } else overLimit++;
  }
  return { chosen, overLimit };
}

interface SummaryCounts {
  eligible: number;
  annotated: number;
  overLimit: number;
}

function annotationsParagraph(result: ScanResult, options: GithubReportOptions, counts: SummaryCounts): string[] {
  const scope = options.scope ?? 'annotated';
  const lines = [
    `Annotations: ${plural(counts.annotated, 'finding')} ${scope}.${options.sarif ? ` SARIF: ${code(options.sarif)}.` : ''}`,
  ];
  const notAnnotated = result.findings.length - counts.annotated;
  if (notAnnotated > 0) {
    const why: string[] = [];
    if (counts.overLimit > 0) {
      why.push(
        `${counts.overLimit} over GitHub's limit of ${ANNOTATIONS_PER_LEVEL} error and ${ANNOTATIONS_PER_LEVEL} warning annotations per step`,
      );
    }
    const outside = result.findings.length - counts.eligible;
    if (outside > 0) why.push(`${outside} outside what is annotated (see above)`);
    lines.push(
      `**${plural(notAnnotated, 'finding')} ${notAnnotated === 1 ? 'is' : 'are'} not annotated** (${why.join('; ')}): the tables here${options.sarif ? ', the SARIF report' : ''} and the log list every finding.`,
    );
  }
  return lines;
}

export function formatGithubSummary(result: ScanResult, options: GithubReportOptions, counts: SummaryCounts): string {
  const s = result.stats;
  const top = options.top ?? 20;
  const verdict =
    options.exitCode === 2
      ? '**failed**: the scan could not give an answer'
      : options.exitCode === 0
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
    out.push(
      `**Scan incomplete**: ${cell(result.incompleteReasons.map((r) => r.message).join('; '))}. A clean result does not cover what was not read.`,
      '',
    );
  }
  if (result.findings.length === 0) {
    out.push(result.incomplete ? 'No credentials found in what could be read.' : 'No credentials found.', '');
  } else {
    out.push('### By privilege and reach', '', privilegeReachTable(result.findings), '');
    out.push(`### Top findings`, '', topFindingsTable(result.findings, top), '');
    if (result.findings.length > top)
      out.push(`Showing the ${top} most severe of ${result.findings.length}; the SARIF report has them all.`, '');
  }
  out.push(...annotationsParagraph(result, options, counts), '');
  return `${out.join('\n')}\n`;
}

export function formatGithub(result: ScanResult, options: GithubReportOptions): GithubReport {
  const eligible = options.annotatable ? result.findings.filter(options.annotatable) : [...result.findings];
  const { chosen, overLimit } = chooseAnnotations(eligible);
  const lines: string[] = ['::group::tokenscope report'];
  // File names are data: inside stop-commands nothing in them can act as a workflow command.
  lines.push(withoutCommands(escapeLog(formatText(result, { color: false }))).replace(/\n$/, ''), '::endgroup::');
  if (options.notice) lines.push(annotation('notice', { title: 'tokenscope' }, options.notice));
  for (const f of chosen) {
    lines.push(
      annotation(
        LEVELS[f.level],
        {
          file: relative(options.workspace, join(result.root, f.path)).split('\\').join('/'),
          line: f.line,
          endLine: f.endLine,
          col: f.column,
          endColumn: f.endColumn,
          title: `${f.ruleName} (${f.ruleId}): ${f.privilege}, reaches ${f.breadth}`,
        },
        f.message,
      ),
    );
  }
  if (overLimit > 0) {
    lines.push(
      escapeLog(
        `tokenscope: ${plural(overLimit, 'more finding')} not annotated (GitHub shows ${ANNOTATIONS_PER_LEVEL} per level and step); the report above and the job summary list them`,
      ),
    );
  }
  lines.push(escapeLog(summaryLine(result)));
  return {
    log: `${lines.join('\n')}\n`,
    summary: formatGithubSummary(result, options, { eligible: eligible.length, annotated: chosen.length, overLimit }),
    annotated: chosen.length,
    overLimit,
  };
}
