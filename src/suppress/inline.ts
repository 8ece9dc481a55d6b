// Inline ignore comments, in any comment syntax, on the finding's line or the line above:
//   tokenscope:ignore                         everything on the line (not admin/destructive/live)
//   tokenscope:ignore github.classic-pat -- fake token for the parser tests
// Other scanners' markers are honoured too: `gitleaks:allow`, `secretlint-disable-line`,
// `secretlint-disable-next-line` (line above), `pragma: allowlist secret` (detect-secrets),
// `trufflehog:ignore`, `nosec`-style markers are not (too broad).

import { lineText } from '../scan/location.js';

export interface InlineIgnore {
  /** 1-based line holding the comment. */
  line: number;
  /** Which marker: `tokenscope:ignore`, `gitleaks:allow`, … */
  directive: string;
  /** Detector id named by the comment, when it names one. */
  ruleId?: string;
  reason?: string;
}

const OWN = /tokenscope:ignore(?:\[([a-z0-9-]+\.[a-z0-9.-]+)\]|[ \t]+([a-z0-9-]+\.[a-z0-9-]+(?:\.[a-z0-9-]+)*))?(?:[ \t]*(?:--|:|—|-)?[ \t]*([^\r\n]*?))?[ \t]*(?:\*\/|-->|%>|#\}|\}\})?[ \t]*$/m;
const SAME_LINE_OTHERS = /gitleaks:allow|secretlint-disable-line|pragma:\s*allowlist[ -]secret|trufflehog:ignore/;
const NEXT_LINE_OTHERS = /secretlint-disable-next-line|pragma:\s*allowlist[ -]nextline[ -]secret/;

function parseOwn(text: string, line: number): InlineIgnore | undefined {
  const m = OWN.exec(text);
  if (!m) return undefined;
  const ruleId = m[1] ?? m[2];
  const reason = m[3]?.trim();
  return { line, directive: 'tokenscope:ignore', ...(ruleId ? { ruleId } : {}), ...(reason ? { reason } : {}) };
}

/** The ignore comment that applies to a finding on `line`, if any. */
export function findInlineIgnore(text: string, starts: readonly number[], line: number): InlineIgnore | undefined {
  const same = lineText(text, starts, line);
  const own = parseOwn(same, line);
  if (own) return own;
  const other = SAME_LINE_OTHERS.exec(same);
  if (other) return { line, directive: other[0] };
  if (line > 1) {
    const above = lineText(text, starts, line - 1);
    // A `tokenscope:ignore` alone on the line above (a comment line) covers the next line.
    const ownAbove = /^\s*(?:\/\/|#|--|;|%|\/\*|\*|<!--|\{#|<%#|'|REM\b)/.test(above) ? parseOwn(above, line - 1) : undefined;
    if (ownAbove) return ownAbove;
    const next = NEXT_LINE_OTHERS.exec(above);
    if (next) return { line: line - 1, directive: next[0] };
  }
  return undefined;
}

/** Every `tokenscope:ignore` comment in a file, for reporting the ones that hid nothing. */
export function listIgnoreComments(text: string): Array<{ line: number; text: string }> {
  if (!text.includes('tokenscope:ignore')) return [];
  const out: Array<{ line: number; text: string }> = [];
  const lines = text.split('\n');
  lines.forEach((content, index) => {
    const at = content.indexOf('tokenscope:ignore');
    if (at >= 0) out.push({ line: index + 1, text: content.slice(at, at + 120).trim() });
  });
  return out;
}
