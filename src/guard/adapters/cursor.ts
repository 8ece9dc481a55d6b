// Cursor hooks (https://cursor.com/docs/agent/hooks): every event carries conversation_id,
// generation_id, hook_event_name and workspace_roots. beforeShellExecution ({command, cwd}) and
// beforeMCPExecution ({tool_name, tool_input as a JSON string, url or command}) answer
// `{permission: "allow"|"deny"|"ask", user_message, agent_message}`; beforeReadFile
// ({file_path, content}) answers allow or deny only, so an ask becomes a deny there;
// beforeSubmitPrompt ({prompt}) answers `{continue, user_message}`. Failures answer the same
// blocking JSON (a crash or exit code Cursor does not read would let the action through).

import type { Decision, GuardAction, GuardEvent } from '../types.js';
import { GuardInputError, str, withPrefix, type Adapter, type HookAnswer } from './types.js';

const EVENTS = new Set([
  'beforeShellExecution',
  'beforeMCPExecution',
  'beforeReadFile',
  'beforeSubmitPrompt',
  'afterShellExecution',
  'afterMCPExecution',
  'afterFileEdit',
  'beforeTabFileRead',
  'afterTabFileEdit',
  'stop',
  'afterAgentResponse',
  'afterAgentThought',
  'sessionStart',
  'sessionEnd',
  'preToolUse',
  'postToolUse',
  'subagentStop',
  'preCompact',
]);

/** Cursor sends MCP arguments as a JSON string; older builds sent an object. */
function mcpInput(payload: Record<string, unknown>): unknown {
  const raw = payload['tool_input'];
  if (typeof raw !== 'string') return raw ?? {};
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw new GuardInputError('the beforeMCPExecution `tool_input` is not valid JSON');
  }
}

function actionFor(hookEvent: string, payload: Record<string, unknown>): GuardAction {
  switch (hookEvent) {
    case 'beforeShellExecution':
      return {
        kind: 'shell',
        command: str(payload, 'command')!,
        ...(str(payload, 'cwd', false) ? { cwd: str(payload, 'cwd')! } : {}),
      };
    case 'beforeReadFile':
    case 'beforeTabFileRead': {
      const content = str(payload, 'content', false);
      return { kind: 'read', path: str(payload, 'file_path')!, ...(content !== undefined ? { content } : {}) };
    }
    case 'beforeMCPExecution': {
      const tool = str(payload, 'tool_name')!;
      const mcp = /^mcp__(.+?)__(.+)$/.exec(tool);
      return { kind: 'mcp', tool: mcp ? mcp[2]! : tool, ...(mcp ? { server: mcp[1]! } : {}), input: mcpInput(payload) };
    }
    case 'beforeSubmitPrompt':
      return { kind: 'prompt', text: str(payload, 'prompt')! };
    case 'afterShellExecution':
      return { kind: 'ran', tool: 'shell', key: str(payload, 'command', false) ?? '' };
    case 'afterMCPExecution':
      return { kind: 'ran', tool: str(payload, 'tool_name', false) ?? 'mcp', key: '' };
    default:
      return { kind: 'other', tool: hookEvent };
  }
}

export const cursor: Adapter = {
  id: 'cursor',
  recognises: (payload) =>
    typeof payload['hook_event_name'] === 'string' && EVENTS.has(payload['hook_event_name'] as string),
  toEvent(payload, fallbackCwd) {
    const hookEvent = str(payload, 'hook_event_name')!;
    if (!EVENTS.has(hookEvent)) throw new GuardInputError(`unknown hook event \`${hookEvent.slice(0, 60)}\``);
    const roots = Array.isArray(payload['workspace_roots'])
      ? (payload['workspace_roots'] as unknown[]).filter((r): r is string => typeof r === 'string')
      : [];
    const cwd = roots[0] ?? str(payload, 'cwd', false) ?? fallbackCwd;
    const sessionId = str(payload, 'conversation_id', false);
    const action = actionFor(hookEvent, payload);
    const tool = action.kind === 'mcp' ? str(payload, 'tool_name')! : hookEvent;
    return { agent: 'cursor', hookEvent, cwd, ...(sessionId ? { sessionId } : {}), tool, action };
  },
  render(decision: Decision, event: GuardEvent): HookAnswer {
    const reason = decision.reason ? withPrefix(decision.reason) : '';
    if (event.hookEvent === 'beforeSubmitPrompt') {
      const answer = decision.verdict === 'allow' ? { continue: true } : { continue: false, user_message: reason };
      return { stdout: `${JSON.stringify(answer)}\n`, stderr: '', exitCode: 0 };
    }
    if (!event.hookEvent.startsWith('before')) return { stdout: '{}\n', stderr: '', exitCode: 0 };
    // beforeReadFile knows only allow and deny.
    const permission =
      decision.verdict === 'ask' && (event.hookEvent === 'beforeReadFile' || event.hookEvent === 'beforeTabFileRead')
        ? 'deny'
        : decision.verdict;
    const answer =
      permission === 'allow' ? { permission } : { permission, user_message: reason, agent_message: reason };
    return { stdout: `${JSON.stringify(answer)}\n`, stderr: '', exitCode: 0 };
  },
  renderFailure(reason, hookEvent) {
    const message = withPrefix(reason);
    const answer =
      hookEvent === 'beforeSubmitPrompt'
        ? { continue: false, user_message: message }
        : { permission: 'deny', user_message: message, agent_message: message };
    return { stdout: `${JSON.stringify(answer)}\n`, stderr: `${message}\n`, exitCode: 0 };
  },
};
