// The per-file time budget: once the deadline passes, detection stops and says so through
// onTimeout, so a file built to be slow ends as an incomplete scan instead of a hang.
import { describe, expect, it } from 'vitest';
import { buildDetectorSet } from '../../src/detect/compile.js';
import { detectInText } from '../../src/detect/engine.js';
import { builtinDetectorSources, loadDetectorFiles } from '../../src/catalog/load.js';
import { githubPat } from '../helpers/tokens.js';

const set = buildDetectorSet(loadDetectorFiles(builtinDetectorSources()).files.map((f) => f.file));
const text = Array.from({ length: 400 }, () => `GITHUB_TOKEN=${githubPat()}`).join('\n');

describe('per-file time budget', () => {
  it('finds everything when the deadline is far', () => {
    let timedOut = false;
    const matches = detectInText(text, 'a.env', set, {
      deadline: performance.now() + 60_000,
      onTimeout: () => (timedOut = true),
    });
    expect(timedOut).toBe(false);
    expect(matches.filter((m) => m.detector.id === 'github.classic-pat')).toHaveLength(400);
  });

  it('stops and reports once the deadline has passed', () => {
    let timedOut = 0;
    const matches = detectInText(text, 'a.env', set, { deadline: performance.now() - 1, onTimeout: () => timedOut++ });
    expect(timedOut).toBe(1);
    expect(matches.length).toBeLessThan(400);
  });
});
