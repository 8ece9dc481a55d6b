#!/usr/bin/env node
// The hook entry agents run on every tool call (bundled as dist/guard.js): the same answer as
// `tokenscope guard`, without loading the rest of the CLI, so a harmless call costs little more
// than Node's start-up. Install, uninstall and log live in `tokenscope guard …`.

import { runGuard } from './run.js';
import { readEvent } from './stdin.js';
import type { AgentId } from './types.js';

const AGENTS = new Set<AgentId>(['claude-code', 'cursor', 'gemini']);

// A crash must block, not exit 1 (Claude Code and Gemini CLI let the call run on any exit but 2).
const crash = (error: unknown): void => {
  const message = `tokenscope guard: internal error (${error instanceof Error ? error.name : 'error'}); the call is blocked because it could not be checked.`;
  process.stdout.write(`${JSON.stringify({ permission: 'deny', user_message: message, agent_message: message })}\n`);
  process.stderr.write(`${message}\n`);
  process.exit(2);
};
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);

function flag(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  if (i >= 0) return argv[i + 1];
  const inline = argv.find((a) => a.startsWith(`${name}=`));
  return inline?.slice(name.length + 1);
}

const argv = process.argv.slice(2);
const agent = flag(argv, '--agent');
const command = flag(argv, '--command');
const read = flag(argv, '--read');
const configPath = flag(argv, '--config');
const known = agent === undefined || AGENTS.has(agent as AgentId);
if (!known) {
  process.stderr.write(
    `tokenscope guard: unknown --agent ${JSON.stringify(agent)} (expected claude-code, cursor or gemini); the call is blocked\n`,
  );
  process.exitCode = 2;
} else {
  const stdin = command === undefined && read === undefined ? await readEvent(5000) : undefined;
  const result = await runGuard({
    ...(agent ? { agent: agent as AgentId } : {}),
    ...(stdin !== undefined ? { stdin } : {}),
    ...(command !== undefined ? { command } : {}),
    ...(read !== undefined ? { read } : {}),
    ...(configPath ? { configPath } : {}),
    cwd: process.cwd(),
    env: process.env,
  });
  if (result.stdout) process.stdout.write(result.stdout);
  if (result.stderr) process.stderr.write(result.stderr);
  process.exitCode = result.exitCode;
}
