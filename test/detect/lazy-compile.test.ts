// Detector regexes and path matchers are built the first time a scan needs them: a staged scan of
// a few files must not compile ~700 patterns, yet a detector that runs behaves exactly as before.
import { describe, expect, it } from 'vitest';
import { buildDetectorSet } from '../../src/detect/compile.js';
import { detectInText } from '../../src/detect/engine.js';
import type { DetectorFile } from '../../src/model/detector.js';
import { githubPat } from '../helpers/tokens.js';

function file(pattern: string, paths?: string[]): DetectorFile {
  return {
    provider: 'acme',
    providerName: 'Acme',
    detectors: [
      {
        id: 'acme.key',
        name: 'Acme key',
        pattern,
        keywords: ['acme_'],
        confidence: 'high',
        tokenType: 'api-key',
        ...(paths ? { paths } : {}),
      },
    ],
  } as unknown as DetectorFile;
}

describe('lazy detector compilation', () => {
  it('does not compile a pattern until the detector is asked for its regex', () => {
    // An unbalanced group would throw at construction: building the set must not touch it.
    const set = buildDetectorSet([file('(?<secret>acme_[a-z]{8}')]);
    const detector = set.byId.get('acme.key')!;
    expect(() => detector.regex).toThrow(SyntaxError);
  });

  it('compiles once and reuses the regex', () => {
    const set = buildDetectorSet([file('(?<secret>acme_[a-z0-9]{12})')]);
    const detector = set.byId.get('acme.key')!;
    expect(detector.regex).toBe(detector.regex);
    expect(detector.regex.flags).toContain('d');
  });

  it('a path-scoped detector still matches only its paths', () => {
    const set = buildDetectorSet([file('(?<secret>acme_[a-z0-9]{12})', ['config/*.ini'])]);
    const text = 'token = acme_q7xk2mzp9wvt\n';
    expect(detectInText(text, 'config/app.ini', set).map((m) => m.detector.id)).toEqual(['acme.key']);
    expect(detectInText(text, 'src/app.ini', set)).toEqual([]);
  });

  it('built-in detectors find the same token through the lazy path', async () => {
    const { builtinDetectorSources, loadDetectorFiles } = await import('../../src/catalog/load.js');
    const set = buildDetectorSet(loadDetectorFiles(builtinDetectorSources()).files.map((f) => f.file));
    const matches = detectInText(`GITHUB_TOKEN=${githubPat()}\n`, 'a.env', set);
    expect(matches.some((m) => m.detector.id === 'github.classic-pat')).toBe(true);
  });
});
