// Plain mode, for any wrapper without a hook protocol of its own: `tokenscope guard --command
// "…"` or `--read FILE`. The answer is one JSON object on stdout ({decision, class, reason,
// credentials}) and the exit code: 0 allow, 1 ask, 2 deny (failures deny).

import type { Decision } from '../types.js';
import { withPrefix, type Adapter, type HookAnswer } from './types.js';

const EXIT = { allow: 0, ask: 1, deny: 2 } as const;

export const plain: Adapter = {
  id: 'plain',
  recognises: () => false,
  toEvent() {
    throw new Error('plain mode builds its event from flags');
  },
  render(decision: Decision): HookAnswer {
    const body = {
      decision: decision.verdict,
      ...(decision.verdict !== 'allow' ? { class: decision.class, reason: withPrefix(decision.reason) } : {}),
      ...(decision.what ? { what: decision.what } : {}),
      ...(decision.credentials.length > 0 ? { credentials: decision.credentials } : {}),
    };
    return { stdout: `${JSON.stringify(body)}\n`, stderr: '', exitCode: EXIT[decision.verdict] };
  },
  renderFailure(reason) {
    const message = withPrefix(reason);
    return {
      stdout: `${JSON.stringify({ decision: 'deny', class: 'error', reason: message })}\n`,
      stderr: `${message}\n`,
      exitCode: 2,
    };
  },
};
