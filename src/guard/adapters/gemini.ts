// Gemini CLI hooks (https://geminicli.com/docs/hooks/reference): a JSON event on stdin with
// session_id, transcript_path, cwd, hook_event_name and timestamp; BeforeTool adds tool_name and
// tool_input (run_shell_command, read_file, write_file, replace, search_file_content…, MCP tools
// as mcp__server__tool), BeforeAgent adds the prompt. The answer is `{decision: "deny", reason}`
// (the reason goes to the agent) with exit 0; Gemini CLI has no "ask", so a call that needs a
// person is denied with a reason telling the agent to ask for it. Failures exit 2 with the reason
// on stderr, the documented block.

import type { Decision, GuardAction, GuardEvent } from '../types.js';
import { mcpOrOther, namedEventBase, str, withPrefix, type Adapter, type HookAnswer } from './types.js';

const EVENTS = new Set([
  'BeforeTool',
  'AfterTool',
  'BeforeAgent',
  'AfterAgent',
  'BeforeModel',
  'AfterModel',
  'BeforeToolSelection',
  'PreCompress',
]);

function pathOf(input: Record<string, unknown>): string {
  return str(input, 'file_path', false) ?? str(input, 'absolute_path', false) ?? str(input, 'path')!;
}

function toolAction(tool: string, input: Record<string, unknown>): GuardAction {
  switch (tool) {
    case 'run_shell_command':
      return {
        kind: 'shell',
        command: str(input, 'command')!,
        ...(str(input, 'directory', false) ? { cwd: str(input, 'directory')! } : {}),
      };
    case 'read_file':
      return { kind: 'read', path: pathOf(input) };
    case 'write_file':
      return { kind: 'write', path: pathOf(input), text: str(input, 'content')! };
    case 'replace':
    case 'edit':
      return { kind: 'write', path: pathOf(input), text: str(input, 'new_string')! };
    case 'search_file_content':
    case 'grep_search':
    case 'grep': {
      const path = str(input, 'path', false) ?? str(input, 'dir_path', false);
      const include = str(input, 'include', false);
      return {
        kind: 'grep',
        pattern: str(input, 'pattern')!,
        ...(path ? { path } : {}),
        ...(include ? { glob: include } : {}),
        showsContent: true,
      };
    }
    case 'web_fetch': {
      const prompt = str(input, 'prompt', false) ?? str(input, 'url', false) ?? '';
      return { kind: 'fetch', url: prompt };
    }
    default:
      return mcpOrOther(tool, input);
  }
}

export const gemini: Adapter = {
  id: 'gemini',
  recognises: (payload) =>
    typeof payload['hook_event_name'] === 'string' && EVENTS.has(payload['hook_event_name'] as string),
  toEvent(payload, fallbackCwd) {
    const base = namedEventBase(payload, fallbackCwd, 'gemini' as const, EVENTS);
    const { hookEvent } = base;
    if (hookEvent === 'BeforeTool') {
      const tool = str(payload, 'tool_name')!;
      const input = payload['tool_input'];
      return {
        ...base,
        tool,
        action: toolAction(
          tool,
          input && typeof input === 'object' && !Array.isArray(input) ? (input as Record<string, unknown>) : {},
        ),
      };
    }
    if (hookEvent === 'AfterTool')
      return {
        ...base,
        tool: str(payload, 'tool_name')!,
        action: { kind: 'ran', tool: str(payload, 'tool_name')!, key: '' },
      };
    if (hookEvent === 'BeforeAgent')
      return { ...base, tool: 'BeforeAgent', action: { kind: 'prompt', text: str(payload, 'prompt')! } };
    return { ...base, tool: hookEvent, action: { kind: 'other', tool: hookEvent } };
  },
  render(decision: Decision, event: GuardEvent): HookAnswer {
    if (decision.verdict === 'allow' || (event.hookEvent !== 'BeforeTool' && event.hookEvent !== 'BeforeAgent'))
      return { stdout: '{}\n', stderr: '', exitCode: 0 };
    const reason =
      decision.verdict === 'ask'
        ? withPrefix(
            `${decision.reason} Gemini CLI hooks cannot ask a person, so this was stopped: show the user this reason and let them run it or allow it.`,
          )
        : withPrefix(decision.reason);
    return { stdout: `${JSON.stringify({ decision: 'deny', reason })}\n`, stderr: '', exitCode: 0 };
  },
  renderFailure(reason) {
    return { stdout: '', stderr: `${withPrefix(reason)}\n`, exitCode: 2 };
  },
};
