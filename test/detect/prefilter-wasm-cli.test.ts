// Through the built CLI: a scan large enough for the WebAssembly keyword walk to be made (in the
// process and in each worker) finds exactly what the JavaScript walk finds.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli } from '../helpers/run-cli.js';
import { tempDir, trackTempDirs, writeFiles } from '../helpers/tmp.js';
import { seededGithubPat } from '../helpers/tokens.js';

const track = trackTempDirs();
const FILES = 8;
let root = '';
const tokens: string[] = [];

beforeAll(() => {
  assertBuilt();
  const files: Record<string, string> = {};
  for (let f = 0; f < FILES; f++) {
    // ~800 KB of code full of prefilter keywords that open no finding, with a token near the
    // start, in the middle and at the very end (the last chunk and lane of the file).
    const lines = Array.from(
      { length: 12_000 },
      (_, i) => `const path${i} = resolve(globalThis.blob, "pattern/${i}"); // key token ${i}`,
    );
    const planted = [0, 6_000, 11_999].map((at, k) => {
      const token = seededGithubPat(`wasm-cli-${f}-${k}`);
      tokens.push(token);
      lines[at] = `export const GITHUB_TOKEN_${k} = "${token}";`;
      return token;
    });
    files[`src/module-${f}.js`] = `${lines.join('\n')}`;
    expect(planted.length).toBe(3);
  }
  root = track(tempDir());
  writeFiles(root, files);
});

function scan(env: Record<string, string>, workers: string[]): string[] {
  const out = join(root, `out-${Object.keys(env).length}-${workers.length}.json`);
  const r = runCli(['scan', 'src', '--format', 'json', '-o', out, '--fail-on', 'none', ...workers], {
    cwd: root,
    env,
  });
  expect(r.status).toBe(0);
  const text = readFileSync(out, 'utf8');
  expect(tokens.some((t) => text.includes(t))).toBe(false);
  const report = JSON.parse(text) as {
    findings: Array<{ ruleId: string; path: string; line: number; column: number; fingerprint: string }>;
  };
  return report.findings.map((f) => `${f.ruleId} ${f.path}:${f.line}:${f.column} ${f.fingerprint}`).sort();
}

describe('WebAssembly keyword walk through the CLI', () => {
  it('finds the same tokens as the JavaScript walk, in process and in workers', () => {
    const js = scan({ TOKENSCOPE_NO_WASM: '1' }, ['--workers', '0']);
    expect(js.filter((f) => f.startsWith('github.')).length).toBe(FILES * 3);
    expect(scan({}, ['--workers', '0'])).toEqual(js);
    expect(scan({}, ['--workers', '2'])).toEqual(js);
  });
});
