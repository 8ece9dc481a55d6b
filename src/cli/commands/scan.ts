// `tokenscope scan`: flags → scan() → report → exit code.

import { usageError } from '../../util/errors.js';
import { exitCodeFor, scan, type ScanOptions } from '../../pipeline/scan.js';
import { parseSize } from '../../config/load.js';
import { jsonReportChunks, planJsonFindings } from '../../report/json.js';
import { planSarifResults, sarifChunks } from '../../report/sarif.js';
import { REPORT_MAX_RESULTS, truncationLine } from '../../report/common.js';
import { formatText, summaryLine } from '../../report/text.js';
import { formatCompact } from '../../report/compact.js';
import { formatHtml } from '../../report/html.js';
import { stdinSource } from '../../sources/stdin.js';
import { pruneBaselineFile } from '../../suppress/baseline.js';
import { emit, type CliIo } from '../io.js';
import { gitScanSetup } from './git-sources.js';
import type { FailOn } from '../../model/config.js';
import type { ScanResult } from '../../model/types.js';
import { writeGithubReport } from '../github-output.js';

export type ReportFormat = 'text' | 'json' | 'sarif' | 'compact' | 'html' | 'github';

export interface ScanFlags {
  /** Absent: inferred from the -o extension, else text. */
  format?: ReportFormat;
  stdinFilename?: string;
  /** false with --no-gitignore. */
  gitignore?: boolean;
  quiet?: boolean;
  output?: string;
  /** With --format github: also write the SARIF report here. */
  sarifOutput?: string;
  staged?: boolean;
  full?: boolean;
  history?: boolean;
  since?: string;
  /** With --history: every ref, not only HEAD. */
  all?: boolean;
  /** With --history: only commits made on or before this date. */
  until?: string;
  config?: string;
  detectors?: string;
  baseline?: string;
  pruneBaseline?: boolean;
  verify?: boolean;
  failOn?: FailOn;
  agentView?: boolean;
  showSuppressed?: boolean;
  reportUnusedIgnores?: boolean;
  maxFileSize?: string;
  workers?: number;
  verbose?: boolean;
  debug?: boolean;
}

export function useColor(io: CliIo, stream: 'stdout' | 'stderr'): boolean {
  if (io.env['NO_COLOR'] !== undefined && io.env['NO_COLOR'] !== '') return false;
  if (io.env['FORCE_COLOR'] !== undefined && io.env['FORCE_COLOR'] !== '0') return true;
  return io.isTTY[stream];
}

/** Shared by scan and baseline: flags → library options. */
export function scanOptionsFrom(io: CliIo, paths: string[], flags: Partial<ScanFlags>): ScanOptions {
  if (flags.full && !flags.staged) throw usageError('--full only applies with --staged');
  if (flags.since && !flags.history) throw usageError('--since only applies with --history');
  if (flags.all && !flags.history) throw usageError('--all only applies with --history');
  if (flags.until !== undefined && !flags.history) throw usageError('--until only applies with --history');
  if (flags.staged && flags.history) throw usageError('--staged and --history cannot be combined');
  if (flags.pruneBaseline && !flags.baseline) throw usageError('--prune-baseline needs --baseline FILE');
  // The baseline records the working tree: a diff (--staged) or the commits (--history) cannot
  // tell a gone secret from one they did not look at, so never prune from them.
  if (flags.pruneBaseline && (flags.staged || flags.history))
    throw usageError('--prune-baseline needs a working-tree scan, not --staged or --history');
  if (flags.workers !== undefined && (!Number.isInteger(flags.workers) || flags.workers < 0))
    throw usageError('--workers must be a whole number ≥ 0');
  let maxFileSize: number | undefined;
  if (flags.maxFileSize !== undefined) {
    try {
      maxFileSize = parseSize(flags.maxFileSize);
    } catch {
      throw usageError(`--max-file-size: not a size (received "${flags.maxFileSize}")`);
    }
  }
  return {
    paths,
    cwd: io.cwd,
    ...(flags.config ? { configPath: flags.config } : {}),
    ...(flags.detectors !== undefined ? { detectors: detectorList(flags.detectors) } : {}),
    ...(flags.failOn ? { failOn: flags.failOn } : {}),
    ...(flags.baseline ? { baseline: flags.baseline } : {}),
    ...(maxFileSize ? { maxFileSize } : {}),
    ...(flags.workers !== undefined ? { workers: flags.workers } : {}),
    ...(flags.reportUnusedIgnores ? { reportUnusedIgnores: true } : {}),
    // From the environment, never an argument (other users can read a process's arguments); the
    // baseline command takes it too, so its fingerprints match the scan's.
    ...(io.env['TOKENSCOPE_FINGERPRINT_KEY'] ? { fingerprintKey: io.env['TOKENSCOPE_FINGERPRINT_KEY'] } : {}),
  };
}

/** `--detectors github.*, stripe` → the selectors; an empty list is a mistake, not "run nothing". */
function detectorList(value: string): string[] {
  const list = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (list.length === 0)
    throw usageError('--detectors: name at least one detector id, provider or glob (tokenscope detectors lists them)');
  return list;
}

const EXTENSION_FORMATS: Array<[RegExp, ReportFormat]> = [
  [/\.sarif(\.json)?$/i, 'sarif'],
  [/\.json$/i, 'json'],
  [/\.html?$/i, 'html'],
  [/\.txt$/i, 'text'],
];

/** --format, else what the -o file's extension says (`-o report.sarif` writes SARIF), else text. */
export function reportFormat(flags: Partial<ScanFlags>): ReportFormat {
  if (flags.format) return flags.format;
  const out = flags.output && flags.output !== '-' ? flags.output : undefined;
  return (out && EXTENSION_FORMATS.find(([re]) => re.test(out))?.[1]) || 'text';
}

const toStdout = (flags: Partial<ScanFlags>): boolean => !flags.output || flags.output === '-';

/** A report, whole or in pieces, and the summary line a capped one adds. */
export interface RenderedReport {
  report: string | Iterable<string>;
  truncated?: string;
}

export function renderReport(io: CliIo, result: ScanResult, flags: Partial<ScanFlags>): RenderedReport {
  const showSuppressed = flags.showSuppressed === true;
  switch (reportFormat(flags)) {
    case 'json': {
      const options = { showSuppressed, maxFindings: REPORT_MAX_RESULTS };
      const plan = planJsonFindings(result, options);
      return {
        report: jsonReportChunks(result, options, plan),
        ...(plan.truncated ? { truncated: truncationLine('JSON', plan.truncated, 'finding') } : {}),
      };
    }
    case 'sarif': {
      const options = { showSuppressed };
      const plan = planSarifResults(result, options);
      return {
        report: sarifChunks(result, options, plan),
        ...(plan.truncated ? { truncated: truncationLine('SARIF', plan.truncated, 'result') } : {}),
      };
    }
    default:
      return { report: renderWhole(io, result, flags) };
  }
}

function renderWhole(io: CliIo, result: ScanResult, flags: Partial<ScanFlags>): string {
  switch (reportFormat(flags)) {
    case 'compact':
      return formatCompact(result);
    case 'html':
      return formatHtml(result, { showSuppressed: flags.showSuppressed === true });
    default:
      return formatText(result, {
        color: toStdout(flags) ? useColor(io, 'stdout') : false,
        ...(toStdout(flags) && io.isTTY.stdout ? { width: io.columns ?? 100 } : {}),
        verbose: flags.verbose === true,
        showSuppressed: flags.showSuppressed === true,
        reportUnusedIgnores: flags.reportUnusedIgnores === true,
        staged: flags.staged === true,
      });
  }
}

export async function runScanCommand(io: CliIo, paths: string[], flags: ScanFlags): Promise<number> {
  const fromStdin = paths.includes('-');
  if (fromStdin && paths.length > 1) throw usageError('`scan -` reads standard input: give no other paths with it');
  if (fromStdin && (flags.staged || flags.history))
    throw usageError('`scan -` reads standard input: it cannot be combined with --staged or --history');
  if (flags.stdinFilename !== undefined && !fromStdin) throw usageError('--stdin-filename only applies to `scan -`');
  if (flags.stdinFilename !== undefined && !/^[^\0\r\n]{1,255}$/.test(flags.stdinFilename))
    throw usageError('--stdin-filename: expected a file name of at most 255 characters');
  const github = reportFormat(flags) === 'github';
  if (flags.sarifOutput !== undefined && !github)
    throw usageError('--sarif-output only applies with --format github (use --format sarif -o FILE)');
  if (github && flags.output !== undefined && flags.output !== '-')
    throw usageError(
      '--format github writes workflow commands to standard output: drop -o (--sarif-output FILE writes SARIF)',
    );
  const options = scanOptionsFrom(io, fromStdin ? [] : paths, flags);
  if (fromStdin) {
    if (!io.readStdin) throw usageError('`scan -`: no standard input to read');
    options.sources = stdinSource(await io.readStdin(), flags.stdinFilename ?? 'stdin');
  }
  if (flags.gitignore === false) options.gitignore = false;
  // Git sources: --staged (index) and --history (commits); progress on a terminal.
  const git = gitScanSetup(io, paths, { ...flags, quiet: flags.quiet === true || fromStdin });
  Object.assign(options, git.options);
  // Online lookups: only with --verify (never implied by --staged); the module loads only then.
  const verify = flags.verify === true ? await import('../../verify/index.js') : undefined;
  const session = verify?.createVerifySession();
  if (session) options.verify = session;
  // Agent-exposure audit: git-ignored files too, agent ignore rules named.
  if (flags.agentView) options.agentView = true;
  const result = await scan(options).finally(git.done);
  let truncated: string | undefined;
  if (github)
    await writeGithubReport(io, result, flags, result.settings.failOn, exitCodeFor(result, result.settings.failOn));
  else {
    const rendered = renderReport(io, result, flags);
    emit(io, rendered.report, flags.output);
    truncated = rendered.truncated;
  }
  if (verify && session) io.stderr(`${verify.verifySummary(session.stats())}\n`);
  if (flags.pruneBaseline && result.settings.baseline) {
    const removed = pruneBaselineFile(result.settings.baseline, result.staleBaseline ?? []);
    io.stderr(`${flags.baseline}: ${removed} stale entr${removed === 1 ? 'y' : 'ies'} removed\n`);
  }
  // The text report on standard output ends with the summary; every other report (another
  // format, or any report written to a file) leaves the summary on stderr, the same way for all.
  // The GitHub report ends with the summary too, in the step's log.
  if (!flags.quiet && !github && !(reportFormat(flags) === 'text' && toStdout(flags)))
    io.stderr(`${summaryLine(result)}\n`);
  // Said even under --quiet: a capped report must not pass for the whole answer.
  if (truncated) io.stderr(`${truncated}\n`);
  return exitCodeFor(result, result.settings.failOn);
}
