// `tokenscope hook install|uninstall`: puts the pre-commit hook in place or takes it out, and says
// in one line what it did (and what it kept).

import { installHook, uninstallHook, type HookOutcome } from '../../hook/install.js';
import { displayPath } from '../../util/paths.js';
import type { CliIo } from '../io.js';

function describe(io: CliIo, outcome: HookOutcome): string {
  const hook = displayPath(io.cwd, outcome.hookPath);
  const backup = outcome.backupPath ? displayPath(io.cwd, outcome.backupPath) : '';
  switch (outcome.action) {
    case 'installed':
      return `pre-commit hook installed: ${hook} runs \`tokenscope scan --staged\` before each commit`;
    case 'chained':
      return `pre-commit hook installed: ${hook} runs the existing hook first (kept byte for byte as ${backup}), then \`tokenscope scan --staged\``;
    case 'added-to-husky':
      return `pre-commit hook installed: \`tokenscope scan --staged\` added to ${hook}`;
    case 'updated':
      return `pre-commit hook updated: ${hook}`;
    case 'unchanged':
      return `pre-commit hook already installed: ${hook}`;
    case 'restored':
      return backup
        ? `pre-commit hook removed: the original hook is back in ${hook}`
        : `pre-commit hook removed: tokenscope's block taken out of ${hook}`;
    case 'removed':
      return `pre-commit hook removed: ${hook}`;
    case 'not-installed':
      return `no tokenscope pre-commit hook in ${hook}: nothing to remove${backup ? ` (${backup} is still there)` : ''}`;
  }
}

export async function runHookCommand(io: CliIo, action: 'install' | 'uninstall'): Promise<number> {
  const outcome = action === 'install' ? await installHook({ cwd: io.cwd }) : await uninstallHook({ cwd: io.cwd });
  io.stdout(`${describe(io, outcome)}\n`);
  if (outcome.warning) io.stderr(`warning: ${outcome.warning}\n`);
  if (outcome.note) io.stderr(`note: ${outcome.note}\n`);
  return 0;
}
