// One guard invocation: read the hook event, pick the agent's adapter, load the policy, decide
// within the time budget, log anything but a silent allow, and answer in the agent's protocol.
// Every failure on the way (unparseable or truncated JSON, a field of the wrong type, an invalid
// config, an internal error, the time-out) answers the agent's blocking form, unless the
// config sets `guard.failOpen`. Returns what to write and the exit code; touches no process state.

import { accessSync, constants, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { claudeCode } from './adapters/claude-code.js';
import { cursor } from './adapters/cursor.js';
import { gemini } from './adapters/gemini.js';
import { plain } from './adapters/plain.js';
import { GuardInputError, type Adapter, type HookAnswer } from './adapters/types.js';
import { checkoutRoot } from './checkout.js';
import { decide } from './decide.js';
import { defaultPolicy, loadPolicy, type LoadedPolicy } from './policy.js';
import type { AgentId, Decision, GuardEvent, GuardPolicy } from './types.js';

export const ADAPTERS = { 'claude-code': claudeCode, cursor, gemini, plain } satisfies Record<AgentId, Adapter>;

export interface GuardRunOptions {
  /** The agent named on the command line (`--agent`); otherwise recognised from the payload. */
  agent?: AgentId;
  /** The hook event as received on stdin (plain mode: unused). */
  stdin?: string;
  /** Plain mode: the command or file to judge. */
  command?: string;
  read?: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  configPath?: string;
  now?: () => Date;
}

export interface GuardRun extends HookAnswer {
  decision?: Decision;
}

/** Blocks in every protocol at once, for input whose agent cannot be told: Cursor's deny JSON on stdout, exit 2 for Claude Code and Gemini CLI. */
function universalFailure(reason: string): HookAnswer {
  const cursorAnswer = cursor.renderFailure(reason, undefined);
  return { stdout: cursorAnswer.stdout, stderr: cursorAnswer.stderr, exitCode: 2 };
}

/** A short description of why JSON could not be read, without quoting the input (it may hold a secret). */
function jsonProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/Unexpected end/i.test(message)) return 'the hook event is truncated JSON';
  return 'the hook event is not valid JSON';
}

function parsePayload(stdin: string | undefined): Record<string, unknown> {
  if (stdin === undefined || stdin.trim().length === 0) throw new GuardInputError('no hook event on stdin');
  let parsed: unknown;
  try {
    parsed = JSON.parse(stdin);
  } catch (error) {
    throw new GuardInputError(jsonProblem(error));
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new GuardInputError('the hook event is not a JSON object');
  return parsed as Record<string, unknown>;
}

/** The folder an event says the agent works in: Claude Code and Gemini CLI's cwd, Cursor's first workspace root. */
function claimedCwd(payload: Record<string, unknown>): string | undefined {
  if (typeof payload['cwd'] === 'string' && payload['cwd'].length > 0) return payload['cwd'];
  const roots = payload['workspace_roots'];
  return Array.isArray(roots) && typeof roots[0] === 'string' ? roots[0] : undefined;
}

function isReadableFolder(path: string): boolean {
  try {
    accessSync(path, constants.R_OK | constants.X_OK);
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function recognise(payload: Record<string, unknown>): Adapter | undefined {
  // Cursor's names are camelCase, Gemini CLI's BeforeTool/BeforeAgent, Claude Code's PreToolUse…
  return [cursor, gemini, claudeCode].find((a) => a.recognises(payload));
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new GuardTimeout(ms)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

class GuardTimeout extends Error {
  constructor(ms: number) {
    super(`no decision within ${ms} ms`);
    this.name = 'GuardTimeout';
  }
}

function describeFailure(error: unknown): string {
  if (error instanceof GuardInputError) return `${error.message}; the call is blocked because it could not be checked.`;
  if (error instanceof GuardTimeout)
    return `${error.message}; the call is blocked because it could not be checked in time.`;
  if (error instanceof Error && error.name === 'TokenscopeError')
    return `${error.message.split('\n')[0]}; the call is blocked until the configuration is fixed.`;
  const name = error instanceof Error ? error.name : 'error';
  return `internal error (${name}); the call is blocked because it could not be checked.`;
}

function plainEvent(options: GuardRunOptions): GuardEvent {
  const base = { agent: 'plain' as const, hookEvent: 'plain', cwd: options.cwd };
  if (options.command !== undefined)
    return { ...base, tool: 'command', action: { kind: 'shell', command: options.command } };
  return { ...base, tool: 'read', action: { kind: 'read', path: resolve(options.cwd, options.read!) } };
}

export async function runGuard(options: GuardRunOptions): Promise<GuardRun> {
  const started = Date.now();
  const now = options.now ?? (() => new Date());
  const isPlain = options.command !== undefined || options.read !== undefined;
  let adapter: Adapter | undefined = isPlain ? plain : options.agent ? ADAPTERS[options.agent] : undefined;
  let event: GuardEvent | undefined;
  let hookEvent: string | undefined;
  let policy: GuardPolicy = defaultPolicy(options.env);
  const fail = async (error: unknown): Promise<GuardRun> => {
    const reason = describeFailure(error);
    // The answer matters more than the record: a log that cannot be written does not change it.
    if (event && policy.log) {
      const { appendEntry, entryFor } = await import('./audit-log.js');
      appendEntry(
        policy.log,
        entryFor(
          event,
          { verdict: policy.failOpen ? 'allow' : 'deny', class: 'error', reason, credentials: [] },
          now(),
          true,
        ),
      );
    }
    if (policy.failOpen)
      return {
        stdout:
          adapter && event
            ? adapter.render({ verdict: 'allow', class: 'error', reason: '', credentials: [] }, event).stdout
            : '',
        stderr: `tokenscope guard: ${reason} (guard.failOpen: allowed)\n`,
        exitCode: 0,
      };
    return adapter ? adapter.renderFailure(reason, event?.hookEvent ?? hookEvent) : universalFailure(reason);
  };
  try {
    // The policy first (from the event's folder when it names one), so failOpen covers bad events too.
    let payload: Record<string, unknown> | undefined;
    let inputError: unknown;
    if (!isPlain) {
      try {
        payload = parsePayload(options.stdin);
      } catch (error) {
        inputError = error;
      }
    }
    const claimed = payload ? claimedCwd(payload) : undefined;
    const cwd = resolve(options.cwd, claimed ?? '.');
    // A checkout that cannot be read cannot be checked: fail closed rather than guess.
    if (!isReadableFolder(cwd)) {
      inputError ??= new GuardInputError(
        `the working folder ${JSON.stringify(cwd.slice(0, 200))} does not exist or cannot be read`,
      );
    }
    const projectDir = options.env['CLAUDE_PROJECT_DIR'];
    const root =
      (projectDir && (adapter === claudeCode || (payload && claudeCode.recognises(payload)))
        ? resolve(projectDir)
        : undefined) ??
      checkoutRoot(cwd) ??
      cwd;
    const loaded: LoadedPolicy = await loadPolicy(cwd, root, options.env, options.configPath);
    policy = loaded.policy;
    if (payload && !adapter) adapter = recognise(payload);
    if (payload && typeof payload['hook_event_name'] === 'string') hookEvent = payload['hook_event_name'];
    if (inputError) throw inputError;
    if (isPlain) event = plainEvent(options);
    else {
      adapter ??= recognise(payload!);
      if (!adapter) {
        const name = payload!['hook_event_name'];
        throw new GuardInputError(
          typeof name === 'string'
            ? `unknown hook event \`${name.slice(0, 60)}\``
            : 'the event has no `hook_event_name`',
        );
      }
      event = adapter.toEvent(payload!, cwd);
    }
    const decision = await withTimeout(
      decide(
        { ...event, cwd: resolve(cwd, event.cwd) },
        {
          env: options.env,
          root,
          policy,
          disabledDetectors: loaded.disabledDetectors,
          deadline: started + policy.timeoutMs * 0.7,
        },
      ),
      policy.timeoutMs,
    );
    let stderr = '';
    if (policy.log && (event.action.kind === 'ran' || decision.verdict !== 'allow')) {
      // Loaded only to write: a silent allow needs neither the log nor node:crypto.
      const { appendEntry, callKey, entryFor, findAsk } = await import('./audit-log.js');
      if (event.action.kind === 'ran') {
        const key = event.action.key
          ? (event.toolUseId ?? callKey({ ...event, action: { kind: 'shell', command: event.action.key } }))
          : callKey(event);
        const ask = findAsk(policy.log, key);
        if (ask) {
          const note = appendEntry(policy.log, {
            ...entryFor(event, { verdict: 'allow', class: ask.class, reason: '', credentials: [] }, now()),
            decision: 'ran',
            key,
            ...(ask.what ? { what: ask.what } : {}),
          });
          if (note) stderr += `tokenscope guard: ${note}\n`;
        }
      } else if (decision.verdict !== 'allow') {
        const note = appendEntry(policy.log, entryFor(event, decision, now()));
        if (note) stderr += `tokenscope guard: ${note}\n`;
      }
    }
    const answer = (adapter ?? plain).render(decision, event);
    return { ...answer, stderr: answer.stderr + stderr, decision };
  } catch (error) {
    return await fail(error);
  }
}
