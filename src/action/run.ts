// The GitHub Action, a second front end of the CLI: reads the inputs the runner passes as INPUT_*
// variables, turns them into a `tokenscope scan … --format github` command line and runs the
// CLI's main() on it. Scan wiring, input validation (fail-on), exit codes, the report, the
// annotations, the job summary and the outputs are the CLI's; what is left here is the mapping
// from inputs to arguments and turning an error into an annotation. Only main.ts touches the process.

import { resolve } from 'node:path';
import { TokenscopeError, usageError } from '../util/errors.js';
import { main, type CliIo } from '../cli/main.js';
import { runGitStatus } from '../sources/git.js';
import { addMask, annotation, escapeLog } from '../report/github-commands.js';

export interface ActionIo {
  stdout: (text: string) => void;
  /** Folder used when GITHUB_WORKSPACE is not set (a local run). */
  cwd: string;
}

/**
 * An input the way the runner passes it: INPUT_<NAME upper-cased, spaces as _, hyphens kept>.
 * The all-underscore spelling is accepted too, for shells that cannot set a hyphenated name.
 */
export function readInput(env: NodeJS.ProcessEnv, name: string, fallback = ''): string {
  const key = `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
  const value = (env[key] ?? env[key.replace(/-/g, '_')])?.trim();
  return value ? value : fallback;
}

/** `history` → `--since`: "all" (none), "REV..HEAD", "REV..", "REV...HEAD" (from the merge base) or "REV"; a zero REV is none. */
async function historySince(range: string, cwd: string): Promise<string | undefined> {
  if (range === 'all') return undefined;
  const threeDot = /^(.+?)\.\.\.(?:HEAD)?$/.exec(range);
  if (threeDot) {
    const base = await runGitStatus(['merge-base', threeDot[1]!, 'HEAD'], { cwd, okExitCodes: [1, 128] });
    if (base.code !== 0) throw usageError(`history: no merge base between "${threeDot[1]}" and HEAD (fetch it with actions/checkout fetch-depth: 0)`);
    return base.stdout.toString('utf8').trim();
  }
  const twoDot = /^(.+?)\.\.(?:HEAD)?$/.exec(range);
  // A push that creates a branch has no previous commit: GitHub sends `before` as all zeros.
  // Everything reachable from HEAD is then new to this check.
  if (twoDot && /^0{40}(?:0{24})?$/.test(twoDot[1]!)) return undefined;
  if (twoDot) return twoDot[1]!;
  if (range.includes('..')) throw usageError(`history: a range must end at HEAD, e.g. origin/main..HEAD, or be "all" (received "${range}")`);
  return range;
}

/**
 * The command line for the inputs. `--opt=value` and `--` keep a value that starts with a dash
 * a value (a path input of `--verify` is a file name, not a flag).
 */
export async function actionArguments(env: NodeJS.ProcessEnv, workspace: string): Promise<string[]> {
  const args = ['scan', '--format=github', '--quiet', `--fail-on=${readInput(env, 'fail-on', 'warning')}`];
  args.push(`--sarif-output=${readInput(env, 'sarif', 'tokenscope.sarif')}`);
  const config = readInput(env, 'config');
  if (config) args.push(`--config=${config}`);
  const baseline = readInput(env, 'baseline');
  if (baseline) args.push(`--baseline=${baseline}`);
  const history = readInput(env, 'history');
  if (history) {
    args.push('--history');
    const since = await historySince(history, workspace);
    if (since) args.push(`--since=${since}`);
  }
  args.push('--', readInput(env, 'path', '.'));
  return args;
}

/** The CLI's error text as one annotation: without its `tokenscope:`/`error:` prefix, usage hint or flag spelling. */
export function errorAnnotationText(stderr: string): string {
  return stderr
    .split('\n')
    .filter((line) => line.trim() !== '' && !/^\(run tokenscope --help for usage\)$/.test(line.trim()))
    .map((line) =>
      line
        .replace(/^(tokenscope|error): /, '')
        // commander names the flag; the workflow author wrote the input.
        .replace(/^option '--(fail-on|sarif-output|config|baseline)(?: <\w+>)?' /, (_, flag: string) => `${flag === 'sarif-output' ? 'sarif' : flag}: `)
        .trim(),
    )
    .join('\n');
}

/** Runs the Action; a configuration or usage problem becomes an error annotation and exit 2. */
export async function runAction(env: NodeJS.ProcessEnv, io: ActionIo): Promise<number> {
  const workspace = resolve(env['GITHUB_WORKSPACE'] || io.cwd);
  const fingerprintKey = readInput(env, 'fingerprint-key');
  if (fingerprintKey) io.stdout(`${addMask(fingerprintKey)}\n`);
  let args: string[];
  try {
    args = await actionArguments(env, workspace);
  } catch (error) {
    const message = error instanceof TokenscopeError ? error.message : `internal error: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
    io.stdout(`${annotation('error', { title: 'tokenscope' }, message)}\n`);
    return 2;
  }
  let stderr = '';
  const cli: CliIo = {
    stdout: io.stdout,
    stderr: (text) => {
      stderr += text;
    },
    isTTY: { stdout: false, stderr: false },
    // The key reaches the scan through the environment, never the command line.
    env: { ...env, ...(fingerprintKey ? { TOKENSCOPE_FINGERPRINT_KEY: fingerprintKey } : {}) },
    cwd: workspace,
  };
  const { exitCode } = await main(args, cli);
  if (stderr) {
    // With --quiet the CLI writes to stderr only what went wrong (exit 2), or a notice worth keeping.
    if (exitCode === 2) io.stdout(`${annotation('error', { title: 'tokenscope' }, errorAnnotationText(stderr))}\n`);
    else io.stdout(escapeLog(stderr.endsWith('\n') ? stderr : `${stderr}\n`));
  }
  return exitCode;
}
