// Through the CLI (in process, so the 25,000-result cap can be made 1): a capped SARIF or JSON
// report exits as if every finding were listed, and the summary on stderr says what was left out.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { main, type CliIo } from '../../src/cli/main.js';
import { tempDir, trackTempDirs, writeFiles } from '../helpers/tmp.js';
import { githubPat } from '../helpers/tokens.js';
import { sarifErrors } from '../helpers/sarif.js';

vi.mock('../../src/report/common.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/report/common.js')>()),
  REPORT_MAX_RESULTS: 1,
}));

const track = trackTempDirs();
let dir = '';

beforeAll(() => {
  dir = track(tempDir());
  // Two secrets in two files: two results, two findings, over a cap of 1.
  writeFiles(dir, { 'a.env': `GITHUB_TOKEN=${githubPat()}\n`, 'b.env': `GITHUB_TOKEN=${githubPat()}\n` });
});

async function run(args: string[]): Promise<{ exitCode: number; stderr: string }> {
  let stderr = '';
  const io: CliIo = {
    stdout: () => undefined,
    stderr: (t) => void (stderr += t),
    isTTY: { stdout: false, stderr: false },
    env: { NO_COLOR: '1' },
    cwd: dir,
  };
  const { exitCode } = await main(['scan', '.', '--workers', '0', ...args], io);
  return { exitCode, stderr };
}

describe('a capped report keeps the exit code', () => {
  it('SARIF: one result listed, the run says so, the exit code counts both findings', async () => {
    const uncapped = await run(['--format', 'compact', '-o', 'out.txt']);
    const capped = await run(['--format', 'sarif', '-o', 'out.sarif', '--fail-on', 'warning']);
    expect(capped.exitCode).toBe(uncapped.exitCode);
    expect(capped.exitCode).toBe(1);
    expect(capped.stderr).toMatch(
      /SARIF report: the 1 most severe of 2 results listed \(limit 1; 1 finding left out\)/,
    );
    const log = JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8')) as {
      runs: Array<{ results: unknown[]; properties: { truncated: unknown; stats: { findings: number } } }>;
    };
    expect(sarifErrors(log)).toEqual([]);
    expect(log.runs[0]!.results).toHaveLength(1);
    expect(log.runs[0]!.properties.truncated).toEqual({ limit: 1, total: 2, listed: 1, omittedFindings: 1 });
    expect(log.runs[0]!.properties.stats.findings).toBe(2);
  });

  it('JSON: one finding listed, `truncated` says how many there were; said even with --quiet', async () => {
    const capped = await run(['--format', 'json', '-o', 'out.json', '--quiet']);
    expect(capped.exitCode).toBe(1);
    expect(capped.stderr).toMatch(/^JSON report: the 1 most severe of 2 findings listed/);
    const json = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as {
      findings: unknown[];
      truncated: { total: number };
    };
    expect(json.findings).toHaveLength(1);
    expect(json.truncated.total).toBe(2);
  });
});
