// Regular expressions a user supplies (custom detector patterns, allowlist `values`) may come
// from a config inside the scanned tree, so they are hostile input: one checker decides whether
// each may run, for `scan` and `detectors --check` alike, and the run itself is bounded. Patterns
// run in re2js, a linear-time engine (no backtracking at all). A pattern using what RE2 lacks
// (look-aheads, back-references, a capture inside a look-behind) runs on V8 only when
// `unprovenBound` can show its work per start position is bounded; otherwise it is an error.

import { createRequire } from 'node:module';
import type { RE2JS as RE2JSClass } from 're2js';
import { adjacentRepetitionRisks, staticBacktrackingRisks, unprovenBound } from './redos.js';

// Loaded on first use (and kept out of the CLI bundle): a scan without user patterns, such as
// every pre-commit hook run without custom detectors, never pays for it.
let re2js: typeof RE2JSClass | undefined;
function engine(): typeof RE2JSClass {
  re2js ??= (createRequire(import.meta.url)('re2js') as typeof import('re2js')).RE2JS;
  return re2js;
}

export type UserRegexEngine = 're2' | 'v8';

export type UserRegexVerdict = { engine: UserRegexEngine } | { problem: string };

function compileRe2(pattern: string, flags: string): RE2JSClass {
  const RE2JS = engine();
  return RE2JS.compile(
    RE2JS.translateRegExp(pattern),
    RE2JS.LOOKBEHINDS | (flags.includes('i') ? RE2JS.CASE_INSENSITIVE : 0),
  );
}

/**
 * Whether a user pattern may run and on which engine. `flags` as it will be compiled (`i`
 * matters; `g`/`d` do not). The problem text names the fragment, never more than 40 characters
 * of the pattern, since the pattern may hold (part of) a secret.
 */
export function checkUserRegex(pattern: string, flags = ''): UserRegexVerdict {
  try {
    new RegExp(pattern, flags.replace(/[^imsu]/g, ''));
  } catch (error) {
    return {
      problem: `not a valid regular expression (${(error as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '')})`,
    };
  }
  const risks = [...staticBacktrackingRisks(pattern, flags), ...adjacentRepetitionRisks(pattern, flags)];
  if (risks.length > 0) return { problem: `pattern rejected: ${risks[0]!.message}` };
  try {
    compileRe2(pattern, flags);
    return { engine: 're2' };
  } catch {
    const unproven = unprovenBound(pattern, flags);
    if (unproven === undefined) return { engine: 'v8' };
    return {
      problem: `pattern rejected: it needs a look-ahead or back-reference (not in the linear-time engine) and its running time cannot be bounded: ${unproven}`,
    };
  }
}

/**
 * A RegExp whose matching runs in re2js. `exec` (which `test`, `matchAll` and `replace` call)
 * honours `lastIndex` as a global regex does and fills `groups` and `indices` as the `d` flag
 * would, so callers written for V8 regexes use it unchanged.
 */
export class LinearRegExp extends RegExp {
  private readonly re2: RE2JSClass;
  private readonly names: ReadonlyArray<readonly [string, number]>;
  private readonly groupCount: number;
  private matcherInput: string | undefined;
  private matcher: ReturnType<RE2JSClass['matcher']> | undefined;

  constructor(pattern: string, flags: string) {
    super(pattern, flags);
    this.re2 = compileRe2(pattern, flags);
    this.names = Object.entries(this.re2.namedGroups()) as Array<[string, number]>;
    this.groupCount = this.re2.groupCount();
  }

  override exec(input: string): RegExpExecArray | null {
    const sticky = this.global || this.sticky;
    const from = sticky ? this.lastIndex : 0;
    if (from > input.length) {
      this.lastIndex = 0;
      return null;
    }
    // One matcher per input: a forward search keeps re2js's look-behind state (linear overall).
    if (this.matcher === undefined || this.matcherInput !== input) {
      this.matcher = this.re2.matcher(input);
      this.matcherInput = input;
    }
    const m = this.matcher;
    if (!m.find(from) || (this.sticky && m.start() !== from)) {
      if (sticky) this.lastIndex = 0;
      return null;
    }
    const values: Array<string | undefined> = [];
    const spans: Array<[number, number] | undefined> = [];
    for (let g = 0; g <= this.groupCount; g++) {
      const start = m.start(g);
      if (start < 0) {
        values.push(undefined);
        spans.push(undefined);
      } else {
        const end = m.end(g);
        values.push(input.slice(start, end));
        spans.push([start, end]);
      }
    }
    const result = values as unknown as RegExpExecArray;
    result.index = spans[0]![0];
    result.input = input;
    const groups: Record<string, string | undefined> = {};
    const groupSpans: Record<string, [number, number] | undefined> = {};
    for (const [name, index] of this.names) {
      groups[name] = values[index];
      groupSpans[name] = spans[index];
    }
    const indices = spans as unknown as RegExpIndicesArray;
    indices.groups = this.names.length > 0 ? (groupSpans as RegExpIndicesArray['groups']) : undefined;
    result.groups = this.names.length > 0 ? (groups as Record<string, string>) : undefined;
    result.indices = indices;
    if (sticky) this.lastIndex = spans[0]![1];
    return result;
  }
}

/**
 * Compiles a user pattern that passed `checkUserRegex` on the engine it chose. Throws the
 * problem (a programming error: callers check first).
 */
export function compileUserRegex(pattern: string, flags = ''): RegExp {
  const verdict = checkUserRegex(pattern, flags);
  if ('problem' in verdict) throw new Error(verdict.problem);
  return verdict.engine === 're2' ? new LinearRegExp(pattern, flags) : new RegExp(pattern, flags);
}
