// Claude Code hooks (https://code.claude.com/docs/en/hooks): a JSON event on stdin with
// session_id, transcript_path, cwd, hook_event_name and, for PreToolUse/PostToolUse, tool_name,
// tool_input and tool_use_id. PreToolUse answers with `hookSpecificOutput.permissionDecision`
// ("ask" or "deny", with `permissionDecisionReason`) and exit 0; UserPromptSubmit blocks with
// `decision: "block"` and a `reason`. Allow is silence (exit 0, no output), so Claude Code's own
// permission rules still apply. Failures exit 2 with the reason on stderr: the only answer Claude
// Code treats as a block when no JSON can be trusted (any other non-zero exit lets the call run).

import type { Decision, GuardAction, GuardEvent } from '../types.js';
import {
  GuardInputError,
  mcpOrOther,
  namedEventBase,
  obj,
  str,
  withPrefix,
  type Adapter,
  type HookAnswer,
} from './types.js';

const EVENTS = new Set([
  'PreToolUse',
  'PostToolUse',
  'UserPromptSubmit',
  'PermissionRequest',
  'Notification',
  'Stop',
  'SubagentStop',
  'SessionStart',
  'SessionEnd',
  'PreCompact',
  'PostToolUseFailure',
]);

function toolAction(tool: string, input: Record<string, unknown>): GuardAction {
  switch (tool) {
    case 'Bash':
      return { kind: 'shell', command: str(input, 'command')! };
    case 'Read':
      return { kind: 'read', path: str(input, 'file_path')! };
    case 'NotebookRead':
      return { kind: 'read', path: str(input, 'notebook_path')! };
    case 'Grep': {
      const mode = str(input, 'output_mode', false) ?? 'files_with_matches';
      return {
        kind: 'grep',
        pattern: str(input, 'pattern')!,
        ...(str(input, 'path', false) ? { path: str(input, 'path')! } : {}),
        ...(str(input, 'glob', false) ? { glob: str(input, 'glob')! } : {}),
        showsContent: mode === 'content',
        caseInsensitive: input['-i'] === true,
      };
    }
    case 'Write':
      return { kind: 'write', path: str(input, 'file_path')!, text: str(input, 'content')! };
    case 'Edit':
      return { kind: 'write', path: str(input, 'file_path')!, text: str(input, 'new_string')! };
    case 'MultiEdit': {
      const edits = input['edits'];
      if (!Array.isArray(edits)) throw new GuardInputError('the MultiEdit event has no `edits` list');
      const text = edits.map((e, i) => {
        if (!e || typeof e !== 'object' || typeof (e as { new_string?: unknown }).new_string !== 'string')
          throw new GuardInputError(`MultiEdit edits[${i}] has no \`new_string\``);
        return (e as { new_string: string }).new_string;
      });
      return { kind: 'write', path: str(input, 'file_path')!, text: text.join('\n') };
    }
    case 'NotebookEdit':
      return { kind: 'write', path: str(input, 'notebook_path')!, text: str(input, 'new_source', false) ?? '' };
    case 'WebFetch':
      return { kind: 'fetch', url: str(input, 'url')! };
    default:
      return mcpOrOther(tool, input);
  }
}

export const claudeCode: Adapter = {
  id: 'claude-code',
  recognises: (payload) =>
    typeof payload['hook_event_name'] === 'string' && EVENTS.has(payload['hook_event_name'] as string),
  toEvent(payload, fallbackCwd) {
    const base = namedEventBase(payload, fallbackCwd, 'claude-code' as const, EVENTS);
    const { hookEvent } = base;
    if (hookEvent === 'PreToolUse' || hookEvent === 'PostToolUse') {
      const tool = str(payload, 'tool_name')!;
      const input = obj(payload, 'tool_input')!;
      const toolUseId = str(payload, 'tool_use_id', false);
      const action: GuardAction =
        hookEvent === 'PreToolUse' ? toolAction(tool, input) : { kind: 'ran', tool, key: toolUseId ?? '' };
      return { ...base, tool, ...(toolUseId ? { toolUseId } : {}), action };
    }
    if (hookEvent === 'UserPromptSubmit')
      return { ...base, tool: 'UserPromptSubmit', action: { kind: 'prompt', text: str(payload, 'prompt')! } };
    return { ...base, tool: hookEvent, action: { kind: 'other', tool: hookEvent } };
  },
  render(decision: Decision, event: GuardEvent): HookAnswer {
    if (decision.verdict === 'allow') return { stdout: '', stderr: '', exitCode: 0 };
    const reason = withPrefix(decision.reason);
    if (event.hookEvent === 'UserPromptSubmit')
      return { stdout: `${JSON.stringify({ decision: 'block', reason })}\n`, stderr: '', exitCode: 0 };
    if (event.hookEvent !== 'PreToolUse') return { stdout: '', stderr: '', exitCode: 0 };
    const output = {
      hookSpecificOutput: {
        hookEventName: 'PreToolUse',
        permissionDecision: decision.verdict,
        permissionDecisionReason: reason,
      },
    };
    return { stdout: `${JSON.stringify(output)}\n`, stderr: '', exitCode: 0 };
  },
  renderFailure(reason) {
    return { stdout: '', stderr: `${withPrefix(reason)}\n`, exitCode: 2 };
  },
};
