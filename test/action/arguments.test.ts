// The Action's inputs → the CLI command line it hands to main(), and the CLI's error text → one
// annotation. Values stay values: a path or config that starts with a dash is not read as a flag.

import { describe, expect, it } from 'vitest';
import { actionArguments, errorAnnotationText } from '../../src/action/run.js';
import { git, tempRepo, trackTempDirs } from '../helpers/tmp.js';

const track = trackTempDirs();

describe('actionArguments', () => {
  it('maps the defaults to a github-format scan of the workspace with SARIF beside it', async () => {
    expect(await actionArguments({}, '/ws')).toEqual(['scan', '--format=github', '--quiet', '--fail-on=warning', '--sarif-output=tokenscope.sarif', '--', '.']);
  });

  it('passes every input as --flag=value and the path after --', async () => {
    const env = { INPUT_PATH: '--verify', 'INPUT_FAIL-ON': 'error', INPUT_CONFIG: '-c.yaml', INPUT_BASELINE: 'b.json', INPUT_SARIF: 'out/r.sarif', INPUT_HISTORY: 'abc123..HEAD' };
    expect(await actionArguments(env, '/ws')).toEqual([
      'scan',
      '--format=github',
      '--quiet',
      '--fail-on=error',
      '--sarif-output=out/r.sarif',
      '--config=-c.yaml',
      '--baseline=b.json',
      '--history',
      '--since=abc123',
      '--',
      '--verify',
    ]);
  });

  it('history: all and a zero "before" scan all of HEAD; REV...HEAD starts at the merge base', async () => {
    const dir = track(tempRepo({ 'a.txt': 'a\n' }));
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'one');
    const base = git(dir, 'rev-parse', 'HEAD').trim();
    expect(await actionArguments({ INPUT_HISTORY: 'all' }, dir)).not.toContain(expect.stringMatching(/^--since/));
    expect(await actionArguments({ INPUT_HISTORY: `${'0'.repeat(40)}..HEAD` }, dir)).not.toContain(expect.stringMatching(/^--since/));
    expect(await actionArguments({ INPUT_HISTORY: 'main...HEAD' }, dir)).toContain(`--since=${base}`);
    await expect(actionArguments({ INPUT_HISTORY: 'HEAD~1..HEAD~2' }, dir)).rejects.toThrow(/history: a range must end at HEAD/);
  });
});

describe('errorAnnotationText', () => {
  it("drops the CLI's prefix and usage hint and names the input instead of the flag", () => {
    const stderr = "error: option '--fail-on <level>' argument 'x' is invalid. Allowed choices are error, warning, note, none.\n(run tokenscope --help for usage)\n";
    expect(errorAnnotationText(stderr)).toBe("fail-on: argument 'x' is invalid. Allowed choices are error, warning, note, none.");
    expect(errorAnnotationText('tokenscope: ci/scan.yaml: line 2, column 3: unknown key "exclud"\n  did you mean "exclude"?\n')).toBe(
      'ci/scan.yaml: line 2, column 3: unknown key "exclud"\ndid you mean "exclude"?',
    );
  });
});
