// What the Action writes to the job log: text the runner must not read as a workflow command.

import { describe, expect, it } from 'vitest';
import { addMask, escapeLog, withoutCommands } from '../../src/report/github-commands.js';

describe('escapeLog', () => {
  it('neutralises a command at the start of any line, the legacy ##[ form and CR', () => {
    const text = 'a.env\n::stop-commands::x\n  ::warning::fake\nsee ##[set-output name=x]1\r::error::y\n';
    const escaped = escapeLog(text);
    for (const line of escaped.split('\n')) {
      expect(line.trimStart().startsWith('::')).toBe(false);
      expect(line.includes('##[')).toBe(false);
      expect(line.includes('\r')).toBe(false);
    }
    expect(escaped).toContain('\u200b::stop-commands::x');
  });

  it('leaves text without commands alone', () => {
    expect(escapeLog('src/a.ts\n  1:7 error key:value\n')).toBe('src/a.ts\n  1:7 error key:value\n');
  });
});

describe('withoutCommands', () => {
  it('wraps the text in stop-commands with a random token it does not contain', () => {
    const wrapped = withoutCommands('report\n');
    const m = /^::stop-commands::(tokenscope-[0-9a-f-]{36})\nreport\n::\1::\n$/.exec(wrapped);
    expect(m).not.toBeNull();
    expect(withoutCommands('no newline')).toMatch(/\nno newline\n::tokenscope-[0-9a-f-]{36}::\n$/);
  });

  it('addMask escapes the value as command data', () => {
    expect(addMask('a%b\nc')).toBe('::add-mask::a%25b%0Ac');
  });
});
