// Inline ignore comments, in any comment syntax, on the finding's line or the line above:
//   tokenscope:ignore                         everything on the line (not admin/destructive/live)
//   tokenscope:ignore github.classic-pat -- fake token for the parser tests
// Other scanners' markers are honoured too: `gitleaks:allow`, `secretlint-disable-line`,
// `secretlint-disable-next-line` (line above), `pragma: allowlist secret` (detect-secrets),
// `trufflehog:ignore`; `nosec`-style markers are not (too broad).

import { lineText } from '../util/location.js';
import type { InlineIgnore } from '../model/candidate.js';

// `tokenscope-ignore` is accepted as a spelling of the same marker (an older spelling some configurations use).
const MARKER = /tokenscope[:-]ignore(?![A-Za-z0-9_:])/;
// What ends a comment on the same line; the reason stops there, so code after a leading
// `/* tokenscope:ignore */` (possibly the secret itself) never becomes part of the reason.
const CLOSER = /\*\/|-->|%>|#\}|\}\}/;
const BRACKET_ID = /^\[([a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)+)\]/;
const SPACED_ID = /^[ \t]+([a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)+)(?=$|[\s:,;)]|--)/;
const SEPARATOR = /^[ \t]*(?:--|:|—|-)?[ \t]*/;
// A comment line: what may stand alone on the line above a finding.
const COMMENT_LINE = /^\s*(?:\/\/|#|--|;|%|\/\*|\*|<!--|\{#|<%#|'|REM\b|::)/i;
const SAME_LINE_OTHERS = /gitleaks:allow|secretlint-disable-line|pragma:\s*allowlist[ -]secret|trufflehog:ignore/;
const NEXT_LINE_OTHERS = /secretlint-disable-next-line|pragma:\s*allowlist[ -]nextline[ -]secret/;
// Long runs of token characters in free text (a reason) are masked: someone may paste the
// secret into the comment, and reasons are printed by --show-suppressed.
const TOKEN_RUN = /[A-Za-z0-9_+/=-]{24,}/g;

/** Masks token-like runs in comment text, so it is safe to print. */
export function scrubCommentText(text: string): string {
  return text.replace(TOKEN_RUN, (run) => `${run.slice(0, 4)}…`);
}

function parseOwn(text: string, line: number): InlineIgnore | undefined {
  const m = MARKER.exec(text);
  if (!m) return undefined;
  let rest = text.slice(m.index + m[0].length);
  const closer = CLOSER.exec(rest);
  if (closer) rest = rest.slice(0, closer.index);
  let ruleId: string | undefined;
  const id = BRACKET_ID.exec(rest) ?? SPACED_ID.exec(rest);
  if (id) {
    ruleId = id[1];
    rest = rest.slice(id[0].length);
  }
  const reason = scrubCommentText(rest.replace(SEPARATOR, '').trim());
  return { line, directive: 'tokenscope:ignore', ...(ruleId ? { ruleId } : {}), ...(reason ? { reason } : {}) };
}

/**
 * The ignore comment that applies to a finding on `line`, if any. Pass one `cache` per file: a
 * long line holding many matches is then read once, not once per match (which made a 1 MB
 * single-line file quadratic).
 */
export function findInlineIgnore(
  text: string,
  starts: readonly number[],
  line: number,
  cache?: Map<number, InlineIgnore | null>,
): InlineIgnore | undefined {
  if (!cache) return lookupInlineIgnore(text, starts, line);
  let found = cache.get(line);
  if (found === undefined) {
    found = lookupInlineIgnore(text, starts, line) ?? null;
    cache.set(line, found);
  }
  return found ?? undefined;
}

function lookupInlineIgnore(text: string, starts: readonly number[], line: number): InlineIgnore | undefined {
  const same = lineText(text, starts, line);
  const own = parseOwn(same, line);
  if (own) return own;
  const other = SAME_LINE_OTHERS.exec(same);
  if (other) return { line, directive: other[0] };
  if (line > 1) {
    const above = lineText(text, starts, line - 1);
    // A `tokenscope:ignore` alone on the line above (a comment line) covers the next line.
    const ownAbove = COMMENT_LINE.test(above) ? parseOwn(above, line - 1) : undefined;
    if (ownAbove) return ownAbove;
    const next = NEXT_LINE_OTHERS.exec(above);
    if (next) return { line: line - 1, directive: next[0] };
  }
  return undefined;
}

/** Every `tokenscope:ignore` comment in a file, for reporting the ones that hid nothing. */
export function listIgnoreComments(text: string): Array<{ line: number; text: string }> {
  if (!text.includes('tokenscope:ignore') && !text.includes('tokenscope-ignore')) return [];
  const out: Array<{ line: number; text: string }> = [];
  const lines = text.split('\n');
  lines.forEach((content, index) => {
    const m = MARKER.exec(content);
    if (!m) return;
    let comment = content.slice(m.index).replace(/\r$/, '');
    const closer = CLOSER.exec(comment);
    if (closer) comment = comment.slice(0, closer.index);
    out.push({ line: index + 1, text: scrubCommentText(comment.trim()).slice(0, 120) });
  });
  return out;
}
