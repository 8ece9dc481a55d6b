// One line per finding, `path:line:col: level ruleId message`, for editors, grep and problem
// matchers (the shape of gcc's and ESLint's compact output). Control characters in paths are
// escaped so that one finding is always one line.

import type { ScanResult } from '../model/types.js';

/** Escapes C0/C1 controls, DEL and bidi overrides, so a file name cannot forge or reorder lines. */
export function escapeControls(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

export function formatCompact(result: ScanResult): string {
  const lines = result.findings.map((f) => {
    const commit = f.commit ? ` [commit ${f.commit.sha.slice(0, 12)}]` : '';
    return `${escapeControls(f.path)}:${f.line}:${f.column}: ${f.level} ${f.ruleId} ${escapeControls(f.message)} (${f.redacted}, ${f.secretLength} chars; ${f.privilege}, ${f.breadth})${commit}`;
  });
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
