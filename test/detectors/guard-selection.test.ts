// The guard honours the same detector selectors as a scan: a provider or glob in
// `detectors.disable` turns those detectors off there too.
import { describe, expect, it } from 'vitest';
import { createScanner } from '../../src/guard/credentials.js';
import { githubPat } from '../helpers/tokens.js';

describe('guard detector selection', () => {
  it('a glob or provider in disable keeps those detectors out of the guard', async () => {
    const text = `GITHUB_TOKEN=${githubPat()}\n`;
    const all = await createScanner({ env: {} });
    expect(all.inText(text, '.env').map((f) => f.ruleId)).toEqual(['github.classic-pat']);
    for (const selector of ['github.*', 'github']) {
      const some = await createScanner({ disabled: [selector], env: {} });
      // The generic detector may still see a TOKEN= assignment; the GitHub detector does not run.
      expect(some.inText(text, '.env').map((f) => f.ruleId), selector).not.toContain('github.classic-pat');
    }
  });
});
