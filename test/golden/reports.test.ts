// Golden report files: one fixed tree, scanned with fixed options, compared byte for byte with
// the SARIF, JSON and text reports committed beside this file. They exist because the other
// tests check the fields they know about; a golden file also catches what nobody thought to
// assert (a field renamed or dropped, a changed order, a reworded message, a rule's help lost)
// and shows a reviewer the change to every report in the diff.
//
// After an intended change to a report, regenerate them and read the diff before committing:
//   npm run build && UPDATE_GOLDEN=1 npx vitest run test/golden
//
// What varies between runs is normalised: the temporary root (path and file URL), the version,
// durations. Tokens come from fixed seeds and the fingerprint key is fixed, so fingerprints and
// masked previews are stable. The files hold only what the reports print (masked previews and
// fingerprints); the test checks that no planted token appears in them.

import { existsSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeWithChecksum } from '../../src/providers/index.js';
import { assertBuilt, runCli } from '../helpers/run-cli.js';
import { sarifErrors } from '../helpers/sarif.js';
import { removeDir, tempRepo } from '../helpers/tmp.js';
import { seededAlnum, seededGithubPat } from '../helpers/tokens.js';
import { VERSION } from '../../src/util/version.js';

const GOLDEN_DIR = import.meta.dirname;
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';
const FINGERPRINT_KEY = 'tokenscope-golden-files-fixed-key';

/** The same bytes on every run; seeds name what each token is for. */
function plantedTokens() {
  const classic = seededGithubPat('golden/deploy-classic-pat');
  const badChecksum = classic.slice(0, -1) + (classic.at(-1) === 'A' ? 'B' : 'A');
  return {
    classic,
    badChecksum,
    fineGrained: `github_pat_${seededAlnum('golden/fine-grained-1', 22)}_${seededAlnum('golden/fine-grained-2', 59)}`,
    stripeLive: `sk_live_${seededAlnum('golden/stripe-live', 24)}`,
    npm: completeWithChecksum('crc32-base62', `npm_${seededAlnum('golden/npm', 30)}`),
  };
}

function plantedTree(t: ReturnType<typeof plantedTokens>): Record<string, string> {
  return {
    'README.md': '# service\n\nNothing secret here.\n',
    'config/deploy.env': `# deploy settings\nGITHUB_TOKEN=${t.classic}\nREGION=eu-west-1\n`,
    '.env.staging': `STRIPE_KEY=${t.stripeLive}\n`,
    'src/client.ts': `export const client = { token: "${t.fineGrained}" };\n`,
    'scripts/publish.sh': `#!/bin/sh\nexport NPM_TOKEN=${t.npm}\nnpm publish\n`,
    'test/fixtures/old.env': `GITHUB_TOKEN=${t.badChecksum}\n`,
  };
}

const FORMATS = [
  { format: 'sarif', file: 'report.sarif' },
  { format: 'json', file: 'report.json' },
  { format: 'text', file: 'report.txt' },
] as const;

let root: string;
let tokens: ReturnType<typeof plantedTokens>;

beforeAll(() => {
  assertBuilt();
  tokens = plantedTokens();
  root = tempRepo(plantedTree(tokens));
});
afterAll(() => removeDir(root));

/** Replaces what differs between runs and machines with fixed markers. */
function normalise(report: string, scannedRoot: string): string {
  const real = realpathSync(scannedRoot);
  let out = report;
  for (const dir of new Set([real, scannedRoot])) {
    out = out.split(pathToFileURL(`${dir}/`).href).join('file:///ROOT/');
    out = out.split(JSON.stringify(dir).slice(1, -1)).join('/ROOT').split(dir).join('/ROOT');
  }
  return out
    .split(`"${VERSION}"`)
    .join('"<version>"')
    .replace(/tokenscope \d+\.\d+\.\d+\S*/g, 'tokenscope <version>')
    .replace(/"durationMs": \d+(\.\d+)?/g, '"durationMs": 0')
    .replace(/\b\d+(\.\d+)? ?(ms|s)\b(?=\s*$)/gm, '<duration>');
}

function scan(format: string): { status: number; report: string } {
  const run = runCli(['scan', '.', '--format', format, '--fail-on', 'warning'], {
    cwd: root,
    env: { TOKENSCOPE_FINGERPRINT_KEY: FINGERPRINT_KEY, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  // The machine formats keep the one-line summary on stderr; it must not carry a token either.
  for (const token of Object.values(tokens)) expect(run.stderr.includes(token)).toBe(false);
  return { status: run.status, report: normalise(run.stdout, root) };
}

describe('golden reports for a fixed tree', () => {
  it.for(FORMATS)('$format matches test/golden/$file byte for byte', ({ format, file }) => {
    const { status, report } = scan(format);
    expect(status).toBe(1);
    const path = join(GOLDEN_DIR, file);
    if (UPDATE) writeFileSync(path, report);
    expect(existsSync(path), `${file} is missing: run UPDATE_GOLDEN=1 npx vitest run test/golden`).toBe(true);
    // A boolean first, so a mismatch cannot print a report that, after a regression, held a token.
    const golden = readFileSync(path, 'utf8');
    for (const [name, token] of Object.entries(tokens)) expect(report.includes(token), `${name} in the ${format} report`).toBe(false);
    expect(report === golden, `${file} differs: if intended, regenerate with UPDATE_GOLDEN=1 and review the diff`).toBe(true);
  });

  it('the scan is the same twice: nothing left to normalise', () => {
    for (const { format } of FORMATS) expect(scan(format).report === scan(format).report, format).toBe(true);
  });

  it.for(FORMATS)('test/golden/$file holds no planted token, only masked previews', ({ file }) => {
    const golden = readFileSync(join(GOLDEN_DIR, file), 'utf8');
    for (const [name, token] of Object.entries(tokens)) {
      expect(golden.includes(token), name).toBe(false);
      // Not even the part after the prefix the previews show.
      expect(golden.includes(token.slice(-16)), `${name} tail`).toBe(false);
    }
    // The previews are there: the reports name what they found without the value.
    expect(golden.includes(tokens.classic.slice(0, 8))).toBe(true);
  });

  it('the golden SARIF is valid SARIF 2.1.0 and reports every planted credential class', () => {
    const sarif = JSON.parse(readFileSync(join(GOLDEN_DIR, 'report.sarif'), 'utf8')) as { runs: Array<{ results: Array<{ ruleId: string }> }> };
    expect(sarifErrors(sarif)).toEqual([]);
    const ids = new Set(sarif.runs[0]!.results.map((r) => r.ruleId));
    expect([...ids].sort()).toEqual(expect.arrayContaining(['github.classic-pat', 'github.fine-grained-pat']));
    expect(ids.size).toBeGreaterThanOrEqual(4);
  });
});
