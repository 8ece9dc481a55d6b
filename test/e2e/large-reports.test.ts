// Through the built CLI: many copies of one fake token in one file are one SARIF result with a
// location per copy (JSON keeps one finding per copy), and --history, which reads blobs a group
// at a time, still finds a secret in every commit's version of a file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli } from '../helpers/run-cli.js';
import { git, tempRepo, trackTempDirs, writeFiles } from '../helpers/tmp.js';
import { githubPat } from '../helpers/tokens.js';
import { sarifErrors } from '../helpers/sarif.js';

const track = trackTempDirs();
const token = githubPat();
const COPIES = 40;
let repo = '';

beforeAll(() => {
  assertBuilt();
  const lines = Array.from({ length: COPIES }, (_, i) => `GITHUB_TOKEN_${i}=${token}`);
  repo = track(tempRepo({ 'deploy/copies.env': `${lines.join('\n')}\n` }));
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'copies');
});

describe('repeated occurrences in reports', () => {
  it(`${COPIES} copies of one token in one file: one SARIF result with ${COPIES} locations`, () => {
    const r = runCli(['scan', '.', '--format', 'sarif', '-o', 'out.sarif'], { cwd: repo });
    expect(r.status).toBe(1);
    const text = readFileSync(join(repo, 'out.sarif'), 'utf8');
    expect(text.includes(token)).toBe(false);
    const log = JSON.parse(text) as {
      runs: Array<{
        results: Array<{
          locations: Array<{ physicalLocation: { region: { startLine: number } } }>;
          properties: { occurrences: number };
        }>;
      }>;
    };
    expect(sarifErrors(log)).toEqual([]);
    const results = log.runs[0]!.results;
    expect(results).toHaveLength(1);
    expect(results[0]!.locations.map((l) => l.physicalLocation.region.startLine)).toEqual(
      Array.from({ length: COPIES }, (_, i) => i + 1),
    );
    expect(results[0]!.properties.occurrences).toBe(COPIES);
    expect(r.stderr).not.toMatch(/most severe of/);
  });

  it('JSON keeps one finding per copy, with the same exit code', () => {
    const r = runCli(['scan', '.', '--format', 'json'], { cwd: repo });
    expect(r.status).toBe(1);
    expect((JSON.parse(r.stdout) as { findings: unknown[] }).findings).toHaveLength(COPIES);
  });

  it('--history scans every version of a file read from the object store', () => {
    const history = track(tempRepo());
    const tokens = [githubPat(), githubPat(), githubPat()];
    for (const [i, t] of tokens.entries()) {
      writeFiles(history, { 'settings.env': `GITHUB_TOKEN=${t}\n` });
      git(history, 'add', '-A');
      git(history, 'commit', '-q', '-m', `token ${i}`);
    }
    const r = runCli(['scan', '.', '--history', '--format', 'json', '--workers', '2'], { cwd: history });
    expect(r.status).toBe(1);
    const json = JSON.parse(r.stdout) as {
      findings: Array<{ commit: { sha: string } }>;
      stats: { commitsScanned: number };
    };
    expect(json.findings).toHaveLength(3);
    expect(new Set(json.findings.map((f) => f.commit.sha)).size).toBe(3);
    expect(r.stdout.includes(tokens[0]!)).toBe(false);
  });
});
