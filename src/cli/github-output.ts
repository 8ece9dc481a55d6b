// What `scan --format github` does around the pure reporter (src/report/github.ts): decides which
// findings can be annotated (on a pull request, the lines it changes; in a history scan, only what
// is still in the files on disk), writes the SARIF report where --sarif-output says, and hands the
// job summary and the step outputs to the files the runner names ($GITHUB_STEP_SUMMARY,
// $GITHUB_OUTPUT). Outside a runner both go to the log instead.

import { appendFileSync, existsSync, mkdirSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { TokenscopeError } from '../util/errors.js';
import { inRanges } from '../pipeline/analyze.js';
import { formatGithub } from '../report/github.js';
import { escapeLog, outputEntry } from '../report/github-commands.js';
import { formatSarif } from '../report/sarif.js';
import { gitToplevel, runGit } from '../sources/git.js';
import { displayPath, toPosix } from '../util/paths.js';
import { writeFileAtomic } from '../sources/write.js';
import { changedLines, pullRequestFromEvent } from './github-changed-lines.js';
import type { CliIo } from './io.js';
import type { FailOn } from '../model/config.js';
import type { Finding, ScanResult } from '../model/types.js';

export interface GithubReportFlags {
  sarifOutput?: string;
  history?: boolean;
  showSuppressed?: boolean;
}

/** Blob ids of the files at HEAD, to tell a history finding still on disk from one in an old commit. */
async function headBlobs(toplevel: string): Promise<Map<string, string>> {
  const out = await runGit(['ls-tree', '-r', '-z', '--full-tree', 'HEAD'], { cwd: toplevel });
  const blobs = new Map<string, string>();
  for (const record of out.toString('utf8').split('\0')) {
    const m = /^\d+ blob ([0-9a-f]+)\t(.*)$/s.exec(record);
    if (m) blobs.set(m[2]!, m[1]!);
  }
  return blobs;
}

interface AnnotationScope {
  annotatable: (f: Finding) => boolean;
  scope: string;
  notice?: string;
}

async function annotationScope(
  result: ScanResult,
  env: NodeJS.ProcessEnv,
  historyScan: boolean,
): Promise<AnnotationScope> {
  const toplevel = await gitToplevel(result.root).catch(() => undefined);
  const repoPath = (f: Finding): string => toPosix(relative(toplevel ?? result.root, join(result.root, f.path)));
  // Only findings in the files on disk can be placed on a line; a secret that exists only in an
  // older commit stays in the SARIF report and the summary.
  let onDisk = (_f: Finding): boolean => true;
  if (historyScan && toplevel) {
    const blobs = await headBlobs(toplevel).catch(() => new Map<string, string>());
    onDisk = (f) => !f.commit?.blob || blobs.get(repoPath(f)) === f.commit.blob;
  }
  const pr = pullRequestFromEvent(env['GITHUB_EVENT_PATH']);
  if (!pr)
    return { annotatable: onDisk, scope: 'annotated (not a pull request: every finding in the checked-out files)' };
  const changed = toplevel ? await changedLines(toplevel, pr) : undefined;
  if (!changed) {
    return {
      annotatable: onDisk,
      scope: 'annotated: all of them, because the pull request commits are not in this clone',
      notice:
        "tokenscope: the pull request's base and head commits are not in this clone, so every finding is annotated; use actions/checkout with fetch-depth: 0 to annotate only changed lines",
    };
  }
  return {
    annotatable: (f) => onDisk(f) && inRanges(f.line, changed.ranges.get(repoPath(f))),
    scope: `annotated on lines this pull request changes (${changed.via})`,
  };
}

/**
 * A report path inside the workspace must stay there: a committed folder symlink
 * (`reports -> /home/runner/.ssh`) on the way would move the write outside. A path the workflow
 * puts outside the workspace on purpose is its own business.
 */
function refuseLinkedFolder(workspace: string, target: string): void {
  const inside = (root: string, path: string): boolean => {
    const rel = relative(root, path);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  };
  if (!inside(workspace, target)) return;
  // The deepest folder that exists already: mkdir would follow a link in it.
  let folder = dirname(target);
  while (!existsSync(folder) && dirname(folder) !== folder) folder = dirname(folder);
  if (!inside(realpathSync(workspace), realpathSync(folder))) {
    throw new TokenscopeError(
      'E_IO',
      `${target}: its folder is a symbolic link out of the workspace; refusing to write there`,
    );
  }
}

function writeSarif(workspace: string, path: string, result: ScanResult, showSuppressed: boolean): void {
  refuseLinkedFolder(workspace, path);
  mkdirSync(dirname(path), { recursive: true });
  // A committed `tokenscope.sarif` may be a symlink to a file outside the workspace: never
  // written through (one-line error), and a regular file keeps its mode.
  writeFileAtomic(path, formatSarif(result, { showSuppressed }), {
    mode: 0o644,
    failure: 'cannot write the SARIF report',
  });
}

/** Renders and writes the GitHub report of a finished scan; `exitCode` is what the scan will exit with. */
export async function writeGithubReport(
  io: CliIo,
  result: ScanResult,
  flags: GithubReportFlags,
  failOn: FailOn,
  exitCode: number,
): Promise<void> {
  const workspace = resolve(io.cwd);
  const sarifPath = flags.sarifOutput ? resolve(workspace, flags.sarifOutput) : undefined;
  // SARIF first: if it cannot be written the step fails before it claims anything.
  if (sarifPath) writeSarif(workspace, sarifPath, result, flags.showSuppressed === true);
  const scope = await annotationScope(result, io.env, flags.history === true);
  const report = formatGithub(result, {
    workspace,
    failOn,
    exitCode,
    annotatable: scope.annotatable,
    scope: scope.scope,
    ...(scope.notice ? { notice: scope.notice } : {}),
    ...(sarifPath ? { sarif: displayPath(workspace, sarifPath) } : {}),
  });
  io.stdout(report.log);
  const summaryFile = io.env['GITHUB_STEP_SUMMARY'];
  // Outside GitHub (npm run action:local, a local try of --format github) the summary goes to the log.
  if (summaryFile) append(summaryFile, report.summary, 'cannot append the job summary');
  else io.stdout(escapeLog(`\n${report.summary}`));
  const outputs: Array<[string, string]> = [
    ['findings', String(result.findings.length)],
    ...(sarifPath ? [['sarif', sarifPath] as [string, string]] : []),
  ];
  const outputFile = io.env['GITHUB_OUTPUT'];
  if (outputFile)
    append(
      outputFile,
      outputs.map(([name, value]) => outputEntry(name, value)).join(''),
      'cannot write the step outputs',
    );
  else io.stdout(escapeLog(`outputs: ${outputs.map(([name, value]) => `${name}=${value}`).join(' ')}\n`));
}

function append(file: string, text: string, failure: string): void {
  try {
    appendFileSync(file, text);
  } catch (error) {
    throw new TokenscopeError('E_IO', `${file}: ${failure} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}
