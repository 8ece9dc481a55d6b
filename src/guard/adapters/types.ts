// What every agent adapter provides: recognise its payload, turn it into a GuardEvent, and turn
// a Decision (or a failure) into the answer that agent's hook protocol understands. Adapters hold
// no policy; they only translate.

import type { AgentId, Decision, GuardEvent } from '../types.js';

/** What the hook process writes and how it exits. */
export interface HookAnswer {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface Adapter {
  id: AgentId;
  /** Whether a parsed payload is in this agent's shape (by its hook event name). */
  recognises(payload: Record<string, unknown>): boolean;
  /** Throws GuardInputError when a field the event needs is missing or of the wrong type. */
  toEvent(payload: Record<string, unknown>, fallbackCwd: string): GuardEvent;
  render(decision: Decision, event: GuardEvent): HookAnswer;
  /** The blocking answer for a failure (malformed input, internal error, time-out). */
  renderFailure(reason: string, hookEvent: string | undefined): HookAnswer;
}

/** A payload that is not what the agent's documentation promises. */
export class GuardInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GuardInputError';
  }
}

export function field(
  payload: Record<string, unknown>,
  key: string,
  type: 'string' | 'object',
  required = true,
): unknown {
  const value = payload[key];
  if (value === undefined || value === null) {
    if (required) throw new GuardInputError(`the event has no \`${key}\``);
    return undefined;
  }
  const actual = Array.isArray(value) ? 'array' : typeof value;
  if (actual !== type)
    throw new GuardInputError(
      `the event's \`${key}\` is ${actual === 'object' ? 'an object' : `a ${actual}`}, expected ${type === 'object' ? 'an object' : 'a string'}`,
    );
  return value;
}

export const str = (payload: Record<string, unknown>, key: string, required = true): string | undefined =>
  field(payload, key, 'string', required) as string | undefined;
export const obj = (
  payload: Record<string, unknown>,
  key: string,
  required = true,
): Record<string, unknown> | undefined =>
  field(payload, key, 'object', required) as Record<string, unknown> | undefined;

/** The agent-facing prefix on every reason, so a person reading a transcript knows who answered. */
export function withPrefix(reason: string): string {
  return `tokenscope guard: ${reason}`;
}

/**
 * The fields every `hook_event_name` protocol (Claude Code, Gemini CLI) shares: the event, checked
 * against the agent's list, the working folder and the session.
 */
export function namedEventBase<A extends string>(
  payload: Record<string, unknown>,
  fallbackCwd: string,
  agent: A,
  events: ReadonlySet<string>,
): { agent: A; hookEvent: string; cwd: string; sessionId?: string } {
  const hookEvent = str(payload, 'hook_event_name')!;
  if (!events.has(hookEvent)) throw new GuardInputError(`unknown hook event \`${hookEvent.slice(0, 60)}\``);
  const cwd = str(payload, 'cwd', false) ?? fallbackCwd;
  const sessionId = str(payload, 'session_id', false);
  return { agent, hookEvent, cwd, ...(sessionId ? { sessionId } : {}) };
}

/** An `mcp__server__tool` name as an MCP action, else an unknown tool. */
export function mcpOrOther(
  tool: string,
  input: Record<string, unknown>,
): { kind: 'mcp'; server: string; tool: string; input: Record<string, unknown> } | { kind: 'other'; tool: string } {
  const mcp = /^mcp__(.+?)__(.+)$/.exec(tool);
  return mcp ? { kind: 'mcp', server: mcp[1]!, tool: mcp[2]!, input } : { kind: 'other', tool };
}
