// Workers start while the walk is still listing files and get batches from then on; the files
// found before they started, and the last partial batch, go out after the walk. Whatever the
// split, a scan finds exactly what an in-process scan finds, each file once.
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/pipeline/scan.js';
import { tempDir, writeFiles } from '../helpers/tmp.js';
import { seededGithubPat } from '../helpers/tokens.js';

describe('workers started during the walk', () => {
  it('find the same findings as an in-process scan, every file analyzed once', async () => {
    const root = tempDir();
    const files: Record<string, string> = {};
    // 40 folders of 45 files: the pool starts at file 301 and batches fill by count (256 files).
    for (let d = 0; d < 40; d++) {
      for (let f = 0; f < 45; f++) {
        const n = d * 45 + f;
        files[`pkg${d}/file${f}.js`] =
          n % 97 === 0 ? `const token = "${seededGithubPat(`walk-${n}`)}";\n` : `export const value${n} = ${n};\n`;
      }
    }
    writeFiles(root, files);
    const inProcess = await scan({ cwd: root, paths: [root], workers: 0, failOn: 'none' });
    const pooled = await scan({ cwd: root, paths: [root], workers: 2, failOn: 'none' });
    const key = (r: typeof inProcess): string[] => r.findings.map((f) => `${f.path}:${f.line}:${f.ruleId}`).sort();
    expect(key(pooled)).toEqual(key(inProcess));
    expect(inProcess.findings.length).toBe(Math.floor(1799 / 97) + 1);
    expect(pooled.stats.filesScanned).toBe(1800);
    expect(inProcess.stats.filesScanned).toBe(1800);
  }, 60_000);
});
