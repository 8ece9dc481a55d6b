// The command line: parses arguments (commander), calls the library, picks a reporter and
// returns the exit code and output. It never exits the process itself and never prints a
// secret; only src/bin.ts touches `process`.

import { Command, CommanderError, Option } from 'commander';
import { TokenscopeError } from '../util/errors.js';
import { VERSION } from '../util/version.js';
import { EXIT_CODE_HELP } from './help.js';
import type { ScanFlags } from './commands/scan.js';
import type { DetectorsFlags } from './commands/detectors.js';
import { registerGuardCommand } from './commands/guard.js';
import type { CliIo, CliResult } from './io.js';

export type { CliIo, CliResult } from './io.js';

function renderError(error: unknown, debug: boolean): string {
  if (error instanceof TokenscopeError) {
    const lines = [`tokenscope: ${error.message}`, ...error.details.map((d) => `  ${d}`)];
    if (debug && error.stack) lines.push(error.stack);
    return `${lines.join('\n')}\n`;
  }
  const message = error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error);
  return `tokenscope: internal error: ${message}${debug && error instanceof Error && error.stack ? `\n${error.stack}` : ' (run with --debug for details)'}\n`;
}

export function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command();
  program
    .name('tokenscope')
    .description('Find committed credentials, work out what each can do, and flag the overbroad and misplaced ones.')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run tokenscope --help for usage)')
    .addHelpText('after', `\n${EXIT_CODE_HELP}`)
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride();

  program
    .command('scan')
    .description('scan files for credentials and report their scope')
    .argument('[paths...]', 'files or folders to scan; `-` reads standard input', [])
    .addOption(
      new Option('--format <format>', 'report format (default: from the -o extension, else text)').choices([
        'text',
        'json',
        'sarif',
        'compact',
        'html',
        'github',
      ]),
    )
    .option('-o, --output <file>', 'write the report to a file, `-` for standard output (the exit code is unchanged)')
    .option('--sarif-output <file>', 'with --format github: also write the SARIF report to this file')
    .option(
      '--stdin-filename <name>',
      'with `scan -`: the name standard input is reported under (decides its role: config, source, test…)',
    )
    .option('--no-gitignore', 'also scan git-ignored files (without the rest of --agent-view)')
    .option('-q, --quiet', 'no progress line and no summary on stderr')
    .option('--staged', 'scan what is staged in the git index (pre-commit)')
    .option('--full', 'with --staged: scan whole staged files, not only added or changed lines')
    .option('--history', 'scan every commit reachable from HEAD, each blob once')
    .option('--since <rev>', 'with --history: only commits after this revision')
    .option('--all', 'with --history: commits reachable from every ref (branches, tags, remotes, stash), not only HEAD')
    .option('--until <date>', 'with --history: only commits made on or before this date (YYYY-MM-DD or ISO 8601)')
    .option('--config <file>', 'configuration file (default: .tokenscope.yaml/.yml/.json found upward)')
    .option(
      '--detectors <list>',
      'run only these detectors: comma-separated ids, providers or globs (github.*,stripe); replaces detectors.only',
    )
    .option('--baseline <file>', 'hide the findings recorded in this baseline file')
    .option('--prune-baseline', 'with --baseline: remove stale entries from the baseline file')
    .option('--verify', 'look each token up with its provider (read-only, network): off by default')
    .addOption(
      new Option('--fail-on <level>', 'exit 1 when a finding is at or above this level').choices([
        'error',
        'warning',
        'note',
        'none',
      ]),
    )
    .option('--agent-view', 'audit what a coding agent in this checkout can read (includes git-ignored files)')
    .option('--show-suppressed', 'list findings hidden by ignores, baseline or allowlist')
    .option('--report-unused-ignores', 'list tokenscope:ignore comments that hide nothing')
    .option('--max-file-size <size>', 'skip files larger than this (default 10MB)')
    .addOption(
      new Option('--workers <n>', 'worker threads (0 = scan in-process)')
        .argParser((v) => Number.parseInt(v, 10))
        .hideHelp(),
    )
    .option('--verbose', 'list skipped files and informational notices')
    .option('--debug', 'show stack traces for errors')
    .action(async (paths: string[], flags: ScanFlags) => {
      // Each command's code is imported when it runs: a pre-commit scan need not evaluate the
      // org, hook, baseline or report-merging modules at start-up.
      const { runScanCommand } = await import('./commands/scan.js');
      setExit(await runScanCommand(io, paths, flags));
    });

  program
    .command('baseline')
    .description('record the current findings as accepted, in a merge-friendly baseline file')
    .argument('[paths...]', 'files or folders to scan', [])
    .requiredOption('-o, --output <file>', 'baseline file to write (merged with what is there)')
    .option('--prune', 'drop entries whose secret is gone instead of keeping them')
    .option('--config <file>', 'configuration file')
    .option('--debug', 'show stack traces for errors')
    .action(async (paths: string[], flags: { output: string; prune?: boolean; config?: string }) => {
      const { runBaselineCommand } = await import('./commands/baseline.js');
      setExit(await runBaselineCommand(io, paths, flags));
    });

  const hook = program
    .command('hook')
    .description('install or remove the git pre-commit hook that runs `tokenscope scan --staged`');
  hook
    .command('install')
    .description('add the pre-commit hook (respects core.hooksPath and husky; an existing hook is kept and runs first)')
    .action(async () => {
      const { runHookCommand } = await import('./commands/hook.js');
      setExit(await runHookCommand(io, 'install'));
    });
  hook
    .command('uninstall')
    .description('remove the pre-commit hook and put back exactly what was there before')
    .action(async () => {
      const { runHookCommand } = await import('./commands/hook.js');
      setExit(await runHookCommand(io, 'uninstall'));
    });

  program
    .command('init')
    .description('write a commented starter .tokenscope.yaml (never overwrites an existing config)')
    .argument('[dir]', 'folder to write it in (default: the current folder)')
    .action(async (dir: string | undefined) => {
      const { runInitCommand } = await import('./commands/init.js');
      setExit(runInitCommand(io, dir));
    });

  program
    .command('detectors')
    .description(
      'list the detectors with provider, privilege and breadth (details and remediation for the ids given), or check detector files',
    )
    .argument('[ids...]', 'detector ids (or provider names) to show in full')
    .option('--check [files...]', 'validate detector files (default: the built-in ones), running every example')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--config <file>', 'configuration whose detectors.custom files are listed too (default: found from here)')
    .action(async (ids: string[], flags: DetectorsFlags) => {
      const { runDetectorsCommand } = await import('./commands/detectors.js');
      setExit(await runDetectorsCommand(io, flags, ids));
    });

  const org = program
    .command('org')
    .description('organisation-wide scans sharded over a CI matrix: plan, scan one shard, merge');
  org
    .command('plan')
    .description(
      'split a list of repositories (owner/name, clone URL or path; or `gh repo list --json` output) into a shard manifest',
    )
    .argument('[file]', 'the repository list (default: standard input)')
    .option('--shards <n>', 'number of shards (at most 256)')
    .option('--repos-per-shard <n>', 'without --shards: repositories per shard (default 8)')
    .option(
      '--server-url <url>',
      'where owner/name repositories live (default $GITHUB_SERVER_URL or https://github.com)',
    )
    .option('-o, --output <file>', 'write the manifest to a file')
    .action(
      async (
        file: string | undefined,
        flags: { shards?: string; reposPerShard?: string; serverUrl?: string; output?: string },
      ) => {
        const { runOrgPlan } = await import('./commands/org.js');
        setExit(runOrgPlan(io, file, flags));
      },
    );
  org
    .command('scan')
    .description('clone and scan the repositories of one shard, writing a result per repository and a coverage record')
    .requiredOption('--shard <file>', 'the shard manifest from `org plan`')
    .option('--index <i>', 'which shard (default $JOB_COMPLETION_INDEX)')
    .option('--out-dir <dir>', 'where results go (default ./tokenscope-results)')
    .option('--history', 'clone in full and scan every commit')
    .option('--config <file>', 'configuration file applied to every repository')
    .option('--debug', 'show stack traces for errors')
    .action(async (flags: { shard: string; index?: string; outDir?: string; history?: boolean; config?: string }) => {
      const { runOrgScan } = await import('./commands/org.js');
      setExit(await runOrgScan(io, flags));
    });
  org
    .command('merge')
    .description('merge shard results into one organisation report, grouping each credential across repositories')
    .argument('<results...>', 'result and coverage files, or folders holding them')
    .option('--shard <file>', 'the shard manifest, so that coverage names repositories no shard reported')
    .addOption(
      new Option('--format <format>', 'report format (default: from the -o extension, else text)').choices([
        'text',
        'json',
        'sarif',
      ]),
    )
    .option('-o, --output <file>', 'write the report to a file')
    .option('--sarif-dir <dir>', 'also write one SARIF file per repository (and index.json) into this folder')
    .addOption(
      new Option('--fail-on <level>', 'exit 1 when a credential is at or above this level (default none)').choices([
        'error',
        'warning',
        'note',
        'none',
      ]),
    )
    .action(
      async (
        results: string[],
        flags: {
          shard?: string;
          format?: string;
          output?: string;
          sarifDir?: string;
          failOn?: 'error' | 'warning' | 'note' | 'none';
        },
      ) => {
        const { runOrgMerge } = await import('./commands/org.js');
        setExit(runOrgMerge(io, results, flags));
      },
    );

  registerGuardCommand(program, io, setExit);

  return program;
}

/** Runs the CLI with `argv` (without node and script). */
export async function main(argv: string[], io: CliIo): Promise<CliResult> {
  let exitCode = 0;
  const debug = argv.includes('--debug');
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    if (argv.length === 0) {
      io.stdout(program.helpInformation());
      io.stdout(`\n${EXIT_CODE_HELP}\n`);
      return { exitCode: 0 };
    }
    await program.parseAsync(argv, { from: 'user' });
    return { exitCode };
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.code === 'commander.help'
      )
        return { exitCode: 0 };
      return { exitCode: 2 };
    }
    io.stderr(renderError(error, debug));
    return { exitCode: 2 };
  }
}
