// A file over the piece threshold is analyzed piece by piece (bounded memory); what it reports
// must be exactly what the whole-file analysis reports: every finding once, at the same line and
// column, ignore comments and all, whatever falls on a cut.
import { generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSelectedSet } from '../../src/pipeline/detector-registry.js';
import { analyzeFile, type AnalyzeOptions, type FileAnalysis } from '../../src/pipeline/analyze.js';
import { tempDir } from '../helpers/tmp.js';
import { seededAlnum, seededGithubPat } from '../helpers/tokens.js';

const set = buildSelectedSet({ custom: [], disabled: [] });
const options: AnalyzeOptions = {
  maxFileSize: 64 * 1024 * 1024,
  fingerprintKey: 'test',
  keepSecrets: false,
  collectIgnoreComments: true,
  now: new Date('2026-01-01'),
  valueAllowlist: [],
};

function sample(): string {
  const pem = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs1', format: 'pem' });
  const parts: string[] = [];
  for (let i = 0; i < 900; i++) {
    const n = i % 11;
    if (n === 0) parts.push(`const token${i} = "${seededGithubPat(`piece-${i}`)}";`);
    else if (n === 3) parts.push(`AWS_SECRET_ACCESS_KEY=${seededAlnum(`aws-${i}`, 40)} # café ☕ 𝄞`);
    else if (n === 5) parts.push(`password = "${seededAlnum(`pw-${i}`, 14)}" // tokenscope:ignore test fixture`);
    else if (n === 7 && i % 3 === 0) parts.push(String(pem).trimEnd());
    else if (n === 9 && i % 5 === 0)
      parts.push(`x=1;${'a=2;'.repeat(2000)}GITHUB_TOKEN=${seededGithubPat(`long-${i}`)};${'b=3;'.repeat(1500)}`);
    else parts.push(`export const value${i} = "plain text ${i} ünïcode";`);
  }
  return `\uFEFF${parts.join('\n')}\n`;
}

function key(result: FileAnalysis): unknown {
  return {
    candidates: result.candidates
      .map((c) => ({ ...c, scope: undefined }))
      .sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId)),
    ignoreComments: result.ignoreComments,
    bytes: result.bytes,
    incomplete: result.incomplete,
  };
}

describe('large files in pieces', () => {
  it('report what the whole-file analysis reports, at the same places', () => {
    const dir = tempDir();
    const path = join(dir, 'big.js');
    const text = sample();
    writeFileSync(path, text);
    const file = { path: 'big.js', absPath: path, origin: 'worktree' as const, size: Buffer.byteLength(text) };
    const whole = analyzeFile(file, set, options);
    expect(whole.candidates.length).toBeGreaterThan(150);
    for (const threshold of [32 * 1024, 100_000, 256 * 1024]) {
      const pieces = analyzeFile(file, set, options, threshold);
      expect(key(pieces), `threshold ${threshold}`).toEqual(key(whole));
    }
  });

  it('leave a file that is not valid UTF-8 to the whole-file path', () => {
    const dir = tempDir();
    const path = join(dir, 'bad.txt');
    // Invalid bytes near the start, and far past the first pieces (which find tokens first).
    const lines = Array.from({ length: 600 }, (_, i) => `GITHUB_TOKEN=${seededGithubPat(`bad-${i}`)}\n`).join('');
    const bytes = Buffer.concat([
      Buffer.from(lines),
      Buffer.from([0xc3, 0x28, 0x0a]),
      Buffer.from(lines),
      Buffer.from('x'.repeat(40_000)),
    ]);
    writeFileSync(path, bytes);
    const file = { path: 'bad.txt', absPath: path, origin: 'worktree' as const, size: bytes.length };
    const whole = analyzeFile(file, set, options);
    expect(whole.candidates.length).toBe(1200);
    expect(key(analyzeFile(file, set, options, 8192))).toEqual(key(whole));
  });
});
