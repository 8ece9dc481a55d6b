// The GitHub Action: reads the inputs the runner passes as INPUT_* variables, scans the
// workspace (or a revision range of its history) with the library, and writes what Actions
// shows: SARIF for code scanning, a job summary, annotations on the lines a pull request
// changes, and the step outputs. Returns the exit code; only main.ts touches the process.

import { appendFileSync, existsSync, mkdirSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { TokenscopeError, usageError } from '../util/errors.js';
import { exitCodeFor, scan } from '../pipeline/scan.js';
import { formatSarif } from '../report/sarif.js';
import { formatText, summaryLine } from '../report/text.js';
import { historySource } from '../sources/git-history.js';
import { gitToplevel, runGit, runGitStatus } from '../sources/git.js';
import { displayPath, toPosix } from '../util/paths.js';
import { changedLines, pullRequestFromEvent } from './changed-lines.js';
import { inRanges } from '../pipeline/analyze.js';
import { formatJobSummary } from './summary.js';
import { addMask, annotation, escapeLog, outputEntry, withoutCommands, type AnnotationLevel } from './workflow-commands.js';
import { writeFileAtomic } from '../sources/write.js';
import type { FailOn } from '../model/config.js';
import type { Finding, Level, ScanResult, SourceProvider } from '../model/types.js';

export interface ActionIo {
  stdout: (text: string) => void;
  /** Folder used when GITHUB_WORKSPACE is not set (a local run). */
  cwd: string;
}

const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'note', 'none'];
const LEVELS: Record<Level, AnnotationLevel> = { error: 'error', warning: 'warning', note: 'notice' };

/**
 * An input the way the runner passes it: INPUT_<NAME upper-cased, spaces as _, hyphens kept>.
 * The all-underscore spelling is accepted too, for shells that cannot set a hyphenated name.
 */
export function readInput(env: NodeJS.ProcessEnv, name: string, fallback = ''): string {
  const key = `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
  const value = (env[key] ?? env[key.replace(/-/g, '_')])?.trim();
  return value ? value : fallback;
}

/** `history` → the history source's `since`: "all", "REV..HEAD", "REV..", "REV...HEAD" (from the merge base) or "REV". */
async function historySince(range: string, cwd: string): Promise<string | undefined> {
  if (range === 'all') return undefined;
  const threeDot = /^(.+?)\.\.\.(?:HEAD)?$/.exec(range);
  if (threeDot) {
    const base = await runGitStatus(['merge-base', threeDot[1]!, 'HEAD'], { cwd, okExitCodes: [1, 128] });
    if (base.code !== 0) throw usageError(`history: no merge base between "${threeDot[1]}" and HEAD (fetch it with actions/checkout fetch-depth: 0)`);
    return base.stdout.toString('utf8').trim();
  }
  const twoDot = /^(.+?)\.\.(?:HEAD)?$/.exec(range);
  if (twoDot) return twoDot[1]!;
  if (range.includes('..')) throw usageError(`history: a range must end at HEAD, e.g. origin/main..HEAD, or be "all" (received "${range}")`);
  return range;
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
    throw new TokenscopeError('E_IO', `${target}: its folder is a symbolic link out of the workspace; refusing to write there`);
  }
}

interface Annotated {
  lines: string[];
  scope: string;
  notice?: string;
}

async function annotate(result: ScanResult, workspace: string, env: NodeJS.ProcessEnv, historyScan: boolean): Promise<Annotated> {
  const toplevel = await gitToplevel(result.root).catch(() => undefined);
  const repoPath = (f: Finding): string => toPosix(relative(toplevel ?? result.root, join(result.root, f.path)));
  // Only findings in the files on disk can be placed on a line; a secret that exists only in an
  // older commit stays in the SARIF report and the summary.
  let onDisk = result.findings;
  if (historyScan && toplevel) {
    const blobs = await headBlobs(toplevel);
    onDisk = result.findings.filter((f) => !f.commit?.blob || blobs.get(repoPath(f)) === f.commit.blob);
  }
  const pr = pullRequestFromEvent(env['GITHUB_EVENT_PATH']);
  let chosen = onDisk;
  let scope = 'annotated (not a pull request: every finding in the checked-out files)';
  let notice: string | undefined;
  if (pr) {
    const changed = toplevel ? await changedLines(toplevel, pr) : undefined;
    if (changed) {
      chosen = onDisk.filter((f) => inRanges(f.line, changed.ranges.get(repoPath(f))));
      scope = `annotated on lines this pull request changes (${changed.via})`;
    } else {
      scope = 'annotated: all of them, because the pull request commits are not in this clone';
      notice = "tokenscope: the pull request's base and head commits are not in this clone, so every finding is annotated; use actions/checkout with fetch-depth: 0 to annotate only changed lines";
    }
  }
  const lines = chosen.map((f) =>
    annotation(
      LEVELS[f.level],
      {
        file: toPosix(relative(workspace, join(result.root, f.path))),
        line: f.line,
        endLine: f.endLine,
        col: f.column,
        endColumn: f.endColumn,
        title: `${f.ruleName} (${f.ruleId}): ${f.privilege}, reaches ${f.breadth}`,
      },
      f.message,
    ),
  );
  return { lines, scope, ...(notice ? { notice } : {}) };
}

async function run(env: NodeJS.ProcessEnv, io: ActionIo): Promise<number> {
  const workspace = resolve(env['GITHUB_WORKSPACE'] || io.cwd);
  const failOn = readInput(env, 'fail-on', 'warning') as FailOn;
  if (!FAIL_ON.includes(failOn)) throw usageError(`fail-on: must be one of ${FAIL_ON.join(', ')} (received "${failOn}")`);
  const path = readInput(env, 'path', '.');
  const config = readInput(env, 'config');
  const baseline = readInput(env, 'baseline');
  const history = readInput(env, 'history');
  const sarifPath = resolve(workspace, readInput(env, 'sarif', 'tokenscope.sarif'));
  const fingerprintKey = readInput(env, 'fingerprint-key');
  if (fingerprintKey) io.stdout(`${addMask(fingerprintKey)}\n`);

  let sources: SourceProvider | undefined;
  if (history) {
    const since = await historySince(history, workspace);
    sources = historySource({ ...(since ? { since } : {}), targets: [resolve(workspace, path)] });
  }
  const result = await scan({
    cwd: workspace,
    paths: [path],
    failOn,
    ...(config ? { configPath: config } : {}),
    ...(baseline ? { baseline } : {}),
    ...(sources ? { sources } : {}),
    ...(fingerprintKey ? { fingerprintKey } : {}),
  });
  const exitCode = exitCodeFor(result, failOn);

  refuseLinkedFolder(workspace, sarifPath);
  mkdirSync(dirname(sarifPath), { recursive: true });
  // A committed `tokenscope.sarif` may be a symlink to a file outside the workspace: never
  // written through (one-line error), and a regular file keeps its mode.
  writeFileAtomic(sarifPath, formatSarif(result), { mode: 0o644, failure: 'cannot write the SARIF report' });

  io.stdout('::group::tokenscope report\n');
  // File names are data: inside stop-commands nothing in them can act as a workflow command.
  io.stdout(withoutCommands(escapeLog(formatText(result, { color: false }))));
  io.stdout('::endgroup::\n');
  const annotated = await annotate(result, workspace, env, sources !== undefined);
  if (annotated.notice) io.stdout(`${annotation('notice', { title: 'tokenscope' }, annotated.notice)}\n`);
  for (const line of annotated.lines) io.stdout(`${line}\n`);

  const summary = formatJobSummary(result, {
    failOn,
    exitCode,
    sarif: displayPath(workspace, sarifPath),
    annotations: { count: annotated.lines.length, scope: annotated.scope },
  });
  const summaryFile = env['GITHUB_STEP_SUMMARY'];
  // Outside GitHub (npm run action:local) the summary goes to the log instead.
  if (summaryFile) appendFileSync(summaryFile, summary);
  else io.stdout(escapeLog(`\n${summary}`));
  const outputFile = env['GITHUB_OUTPUT'];
  if (outputFile) appendFileSync(outputFile, outputEntry('findings', String(result.findings.length)) + outputEntry('sarif', sarifPath));
  else io.stdout(escapeLog(`outputs: findings=${result.findings.length} sarif=${sarifPath}\n`));

  io.stdout(`${escapeLog(summaryLine(result))}\n`);
  return exitCode;
}

/** Runs the Action; a configuration or usage problem becomes an error annotation and exit 2. */
export async function runAction(env: NodeJS.ProcessEnv, io: ActionIo): Promise<number> {
  try {
    return await run(env, io);
  } catch (error) {
    const message =
      error instanceof TokenscopeError
        ? [error.message, ...error.details].join('\n')
        : `internal error: ${error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error)}`;
    io.stdout(`${annotation('error', { title: 'tokenscope' }, message)}\n`);
    return 2;
  }
}
