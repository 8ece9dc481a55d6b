// `tokenscope guard`: answers one coding-agent hook event (stdin, or --command/--read in plain
// mode), and `guard install|uninstall|log` manage the agent's hook settings and read the audit
// log. The decision logic lives in src/guard; this file only wires flags to it. Hooks installed
// here run dist/guard.js directly, the guard's own small bundle, so a tool call does not pay for
// loading the whole CLI.

import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { packageRoot, displayPath } from '../../util/paths.js';
import { usageError } from '../../util/errors.js';
import { formatSummary, readLog, summarise } from '../../guard/audit-log.js';
import { installGuardHook, uninstallGuardHook, type InstallAgent, type InstallOutcome } from '../../guard/install.js';
import { loadPolicy } from '../../guard/policy.js';
import { runGuard } from '../../guard/run.js';
import { readEvent } from '../../guard/stdin.js';
import type { AgentId } from '../../guard/types.js';
import { findRepoRoot } from '../../sources/walk.js';
import type { CliIo } from '../io.js';

const AGENT_CHOICES = ['claude-code', 'cursor', 'gemini'];

/** The command a hook runs: node and the guard bundle, both absolute, quoted for the shell. */
export function guardHookCommand(): string {
  const bundle = join(packageRoot, 'dist', 'guard.js');
  const entry = existsSync(bundle) ? bundle : join(packageRoot, 'dist', 'cli.js');
  const quote = (s: string): string => (/^[A-Za-z0-9_./:@%+=-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
  return `${quote(process.execPath)} ${quote(entry)}${entry === bundle ? '' : ' guard'}`;
}

function describeInstall(io: CliIo, outcome: InstallOutcome, agent: string): string {
  const file = displayPath(io.cwd, outcome.path);
  switch (outcome.action) {
    case 'installed':
      return `guard hook installed for ${agent} in ${file} (every other hook and setting kept; \`tokenscope guard uninstall --agent ${agent}\` puts the file back)`;
    case 'unchanged':
      return `guard hook already installed for ${agent} in ${file}`;
    case 'restored':
      return `guard hook removed: ${file} is back byte for byte`;
    case 'removed':
      return `guard hook removed: ${file} did not exist before install and is gone again`;
    case 'entries-removed':
      return `guard hook removed from ${file} (the file changed since install, so only the guard's entries were taken out)`;
    case 'not-installed':
      return `no guard hook for ${agent} in ${file}: nothing to remove`;
  }
}

export function registerGuardCommand(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const guard = program
    .command('guard')
    .description(
      "answer a coding agent's hook: ask before destructive calls with broad credentials, deny credential reads (docs/guard.md)",
    )
    .addOption(
      new Option('--agent <agent>', 'the hook protocol (default: recognised from the event)').choices(AGENT_CHOICES),
    )
    .option('--command <command>', 'plain mode: judge this shell command (exit 0 allow, 1 ask, 2 deny)')
    .option('--read <file>', 'plain mode: judge reading this file')
    .option('--config <file>', 'configuration file (default: .tokenscope.yaml found upward)')
    .action(async (flags: { agent?: AgentId; command?: string; read?: string; config?: string }) => {
      const plain = flags.command !== undefined || flags.read !== undefined;
      const stdin = plain ? undefined : await readEvent(5000);
      const result = await runGuard({
        ...(flags.agent ? { agent: flags.agent } : {}),
        ...(stdin !== undefined ? { stdin } : {}),
        ...(flags.command !== undefined ? { command: flags.command } : {}),
        ...(flags.read !== undefined ? { read: flags.read } : {}),
        ...(flags.config ? { configPath: flags.config } : {}),
        cwd: io.cwd,
        env: io.env,
      });
      if (result.stdout) io.stdout(result.stdout);
      if (result.stderr) io.stderr(result.stderr);
      setExit(result.exitCode);
    });

  // `guard install --agent x`: commander hands --agent to the parent `guard` wherever it appears, so
  // the subcommands read it from there.
  const agentOf = (action: string): InstallAgent => {
    const agent = (guard.opts() as { agent?: InstallAgent }).agent;
    if (!agent) throw usageError(`guard ${action}: --agent claude-code|cursor|gemini is required`);
    return agent;
  };
  guard
    .command('install')
    .description(
      "merge the guard's hook (--agent claude-code|cursor|gemini) into the agent's settings (.claude/settings.json, .cursor/hooks.json, .gemini/settings.json)",
    )
    .option('--user', "the settings in your home folder instead of the project's")
    .action((flags: { user?: boolean }) => {
      const agent = agentOf('install');
      const outcome = installGuardHook({
        agent,
        cwd: io.cwd,
        user: flags.user === true,
        env: io.env,
        command: guardHookCommand(),
      });
      io.stdout(`${describeInstall(io, outcome, agent)}\n`);
      setExit(0);
    });
  guard
    .command('uninstall')
    .description('remove the guard hook and put the settings file back as it was')
    .option('--user', "the settings in your home folder instead of the project's")
    .action((flags: { user?: boolean }) => {
      const agent = agentOf('uninstall');
      const outcome = uninstallGuardHook({ agent, cwd: io.cwd, user: flags.user === true, env: io.env });
      io.stdout(`${describeInstall(io, outcome, agent)}\n`);
      setExit(0);
    });
  guard
    .command('log')
    .description('summarise the audit log: what agents tried, what was asked, denied and approved')
    .option(
      '--file <file>',
      'the log to read (default: guard.log from the config, else $XDG_STATE_HOME/tokenscope/guard.jsonl)',
    )
    .option('--json', 'print the summary as JSON')
    .option('--config <file>', 'configuration file')
    .action(async (flags: { file?: string; json?: boolean; config?: string }) => {
      const root = findRepoRoot(io.cwd) ?? io.cwd;
      const path = flags.file
        ? resolve(io.cwd, flags.file)
        : (await loadPolicy(io.cwd, root, io.env, flags.config)).policy.log;
      if (path === false) throw usageError('guard.log is false in the config: there is no audit log to read');
      if (!existsSync(path)) {
        io.stdout(`${displayPath(io.cwd, path)}: no guard decisions recorded yet\n`);
        setExit(0);
        return;
      }
      const { entries, malformed } = readLog(path);
      const summary = summarise(entries, malformed);
      io.stdout(
        flags.json ? `${JSON.stringify(summary, null, 2)}\n` : formatSummary(displayPath(io.cwd, path), summary),
      );
      setExit(0);
    });
}
