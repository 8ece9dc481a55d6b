// A file that detection or scope could not finish marks the scan incomplete instead of ending as
// a quiet notice; repeated copies of one value are counted, not listed a million times.
import { describe, expect, it } from 'vitest';
import { buildSelectedSet } from '../../src/pipeline/detector-registry.js';
import { analyzeFile, MAX_REPEATS_PER_VALUE, type AnalyzeOptions } from '../../src/pipeline/analyze.js';
import { githubPat } from '../helpers/tokens.js';

const set = buildSelectedSet({ custom: [], disabled: [] });
const options: AnalyzeOptions = {
  maxFileSize: 10 * 1024 * 1024,
  fingerprintKey: 'test',
  keepSecrets: false,
  now: new Date('2026-01-01'),
  valueAllowlist: [],
};

function file(path: string, text: string) {
  return { path, content: new TextEncoder().encode(text), origin: 'worktree' as const };
}

describe('analyzeFile', () => {
  it('marks the file incomplete when a detection pass throws', () => {
    const crashing: AnalyzeOptions = {
      ...options,
      extraPass: () => {
        throw new TypeError('boom');
      },
    };
    const result = analyzeFile(file('src/a.ts', `const token = "${githubPat()}";\n`), set, crashing);
    expect(result.incomplete).toEqual({ kind: 'detection-failed', detail: 'TypeError' });
    expect(result.notices.map((n) => n.message)).toEqual([
      'detection failed (TypeError): the file was not fully examined',
    ]);
  });

  it('lists a value at most MAX_REPEATS_PER_VALUE times per file and counts the rest', () => {
    const token = githubPat();
    const other = githubPat();
    const text = `${`GITHUB_TOKEN=${token}\n`.repeat(MAX_REPEATS_PER_VALUE + 30)}GITHUB_TOKEN=${other}\n`;
    const result = analyzeFile(file('a.env', text), set, options);
    expect(result.candidates.length).toBe(MAX_REPEATS_PER_VALUE + 1);
    expect(result.candidates.at(-1)!.line).toBe(MAX_REPEATS_PER_VALUE + 31);
    expect(result.notices.map((n) => n.message)).toEqual([
      `30 more occurrences of values already reported ${MAX_REPEATS_PER_VALUE} times in this file are not listed`,
    ]);
    expect(result.incomplete).toBeUndefined();
  });

  it('keeps copies that an inline ignore does not cover, even after many ignored ones', () => {
    const token = githubPat();
    const ignored = `GITHUB_TOKEN=${token} # tokenscope:ignore github.classic-pat -- fixture\n`.repeat(
      MAX_REPEATS_PER_VALUE + 5,
    );
    const result = analyzeFile(file('a.env', `${ignored}GITHUB_TOKEN=${token}\n`), set, options);
    const plain = result.candidates.filter((c) => !c.inlineIgnore);
    expect(plain.map((c) => c.line)).toEqual([MAX_REPEATS_PER_VALUE + 6]);
  });
});
