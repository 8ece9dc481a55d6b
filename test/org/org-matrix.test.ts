// The organisation scan as a GitHub Actions matrix would run it, without GitHub: ~20 local
// repositories (some sharing a token, one that cannot be cloned), `org plan` into 4 shards, the 4
// shard scans as parallel processes, `org merge`. The merged findings must equal single-process
// scans of the same repositories; a shared token is one credential with every location; the
// failed repository is in the coverage; the merge is the same bytes for shuffled inputs.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, assertBuilt, runCli } from '../helpers/run-cli.js';
import { git, tempDir, tempRepo } from '../helpers/tmp.js';
import { githubPat } from '../helpers/tokens.js';
import { sarifErrors } from '../helpers/sarif.js';

const KEY = 'org-test-fingerprint-key';
const env = { TOKENSCOPE_FINGERPRINT_KEY: KEY };

interface Location {
  repository: string;
  path: string;
  line: number;
  column: number;
}
interface Credential {
  fingerprint: string;
  ruleId: string;
  repositories: string[];
  locations: Location[];
}
interface OrgReport {
  coverage: {
    planned: number;
    scanned: number;
    failed: number;
    missing: number;
    failedRepositories: Array<{ repository: string; error: string }>;
    missingRepositories: string[];
  };
  credentials: Credential[];
  repositories: Array<{ name: string; status: string }>;
}

function runAsync(args: string[], cwd: string): Promise<{ status: number; stderr: string }> {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { ...process.env, ...env, NO_COLOR: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolvePromise({ status: code ?? -1, stderr }));
  });
}

function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

describe('org plan | scan | merge', () => {
  const work = tempDir('tokenscope-org-');
  const repos: string[] = [];
  const shared = githubPat();
  const pair = githubPat();
  const unique: string[] = [];
  const missingRepo = join(work, 'does-not-exist');
  let report: OrgReport;

  beforeAll(async () => {
    assertBuilt();
    for (let i = 0; i < 20; i++) {
      const files: Record<string, string> = {
        'README.md': `# service ${i}\n`,
        'src/main.py': `def main():\n    return ${i}\n`,
      };
      if ([2, 7, 13].includes(i)) files[`deploy/env-${i}.sh`] = `# deploy\nexport GITHUB_TOKEN=${shared}\n`;
      if ([4, 5].includes(i)) files['ci/release.sh'] = `\n\nGH_TOKEN=${pair}\n`;
      if (i % 6 === 1) {
        const token = githubPat();
        unique.push(token);
        files['scripts/sync.ts'] = `const octokit = new Octokit({ auth: "${token}" });\n`;
      }
      const repo = tempRepo(files);
      git(repo, 'add', '-A');
      git(repo, 'commit', '-q', '-m', 'init');
      repos.push(repo);
    }
    // Sizes for some, not all: the plan balances the rest as average.
    const list = [...repos.map((r, i) => (i % 3 === 0 ? `${r} ${100 + i * 10}` : r)), missingRepo].join('\n');
    writeFileSync(join(work, 'repos.txt'), `# organisation repositories\n${list}\n`);
    const plan = runCli(['org', 'plan', 'repos.txt', '--shards', '4', '-o', 'manifest.json'], { cwd: work, env });
    expect(plan.status, plan.stderr).toBe(0);
    const shards = await Promise.all(
      [0, 1, 2, 3].map((i) =>
        runAsync(
          ['org', 'scan', '--shard', 'manifest.json', '--index', String(i), '--out-dir', `results/shard-${i}`],
          work,
        ),
      ),
    );
    for (const s of shards) expect(s.status, s.stderr).toBe(0);
    const merge = runCli(['org', 'merge', 'results', '--shard', 'manifest.json', '-o', 'org.json'], { cwd: work, env });
    expect(merge.status, merge.stderr).toBe(0);
    report = JSON.parse(readFileSync(join(work, 'org.json'), 'utf8')) as OrgReport;
  }, 240_000);

  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
    for (const r of repos) rmSync(r, { recursive: true, force: true });
  });

  it('plans 4 balanced, deterministic shards covering every repository once', () => {
    const manifest = JSON.parse(readFileSync(join(work, 'manifest.json'), 'utf8')) as {
      shards: Array<{ repositories: Array<{ name: string }> }>;
      matrix: { shard: number[] };
    };
    expect(manifest.shards).toHaveLength(4);
    expect(manifest.matrix.shard).toEqual([0, 1, 2, 3]);
    const names = manifest.shards.flatMap((s) => s.repositories.map((r) => r.name)).sort();
    expect(names).toEqual([...repos, missingRepo].sort());
    const counts = manifest.shards.map((s) => s.repositories.length);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(2);
    // Same list in another order: same bytes.
    writeFileSync(
      join(work, 'repos-shuffled.txt'),
      [missingRepo, ...repos.map((r, i) => (i % 3 === 0 ? `${r} ${100 + i * 10}` : r)).reverse()].join('\n'),
    );
    const again = runCli(['org', 'plan', 'repos-shuffled.txt', '--shards', '4'], { cwd: work, env });
    expect(again.status).toBe(0);
    expect(again.stdout).toBe(readFileSync(join(work, 'manifest.json'), 'utf8'));
  });

  it('accounts for every planned repository, with the one that cannot be cloned as a failure', () => {
    expect(report.coverage.planned).toBe(21);
    expect(report.coverage.scanned).toBe(20);
    expect(report.coverage.failed).toBe(1);
    expect(report.coverage.missing).toBe(0);
    expect(report.coverage.failedRepositories.map((f) => f.repository)).toEqual([missingRepo]);
    expect(report.coverage.failedRepositories[0]!.error).toMatch(/^clone failed: /);
  });

  it('merges to exactly what single-process scans of the repositories find', () => {
    const expected: string[] = [];
    for (const repo of repos) {
      const single = runCli(['scan', repo, '--format', 'json', '--fail-on', 'none'], { env });
      expect(single.status, single.stderr).toBe(0);
      const result = JSON.parse(single.stdout) as {
        findings: Array<Location & { ruleId: string; fingerprint: string }>;
      };
      for (const f of result.findings)
        expected.push(`${repo}|${f.ruleId}|${f.fingerprint}|${f.path}:${f.line}:${f.column}`);
    }
    const merged = report.credentials.flatMap((c) =>
      c.locations.map((l) => `${l.repository}|${c.ruleId}|${c.fingerprint}|${l.path}:${l.line}:${l.column}`),
    );
    expect(merged.sort()).toEqual(expected.sort());
    expect(expected.length).toBeGreaterThanOrEqual(3 + 2 + unique.length);
  });

  it('reports a shared token once, with its locations in every repository that holds it, first', () => {
    const reused = report.credentials.filter((c) => c.repositories.length > 1);
    expect(reused.map((c) => c.repositories.length)).toEqual([3, 2]);
    expect(report.credentials[0]!.repositories).toEqual([repos[2], repos[7], repos[13]].sort());
    expect(report.credentials[0]!.locations.map((l) => l.path).sort()).toEqual([
      'deploy/env-13.sh',
      'deploy/env-2.sh',
      'deploy/env-7.sh',
    ]);
    expect(report.credentials[1]!.repositories).toEqual([repos[4], repos[5]].sort());
  });

  it('gives the same bytes for inputs in any order, in JSON and SARIF', () => {
    const files = allFiles(join(work, 'results'));
    const shuffled = [...files].reverse();
    const a = runCli(['org', 'merge', ...files, '--shard', 'manifest.json', '--format', 'json'], { cwd: work, env });
    const b = runCli(['org', 'merge', ...shuffled, '--shard', 'manifest.json', '--format', 'json'], { cwd: work, env });
    expect(a.status).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toBe(readFileSync(join(work, 'org.json'), 'utf8'));
    const sa = runCli(['org', 'merge', ...files, '--format', 'sarif'], { cwd: work, env });
    const sb = runCli(['org', 'merge', ...shuffled, '--format', 'sarif'], { cwd: work, env });
    expect(sa.stdout).toBe(sb.stdout);
    const sarif = JSON.parse(sa.stdout) as {
      runs: Array<{ versionControlProvenance: Array<{ repositoryUri: string }>; results: unknown[] }>;
    };
    expect(sarifErrors(sarif)).toEqual([]);
    expect(sarif.runs).toHaveLength(20);
    expect(sarif.runs.reduce((n, r) => n + r.results.length, 0)).toBe(
      report.credentials.reduce((n, c) => n + c.locations.length, 0),
    );
  });

  it('names planned repositories that no shard reported as missing', () => {
    const partial = runCli(
      [
        'org',
        'merge',
        'results/shard-0',
        'results/shard-1',
        'results/shard-2',
        '--shard',
        'manifest.json',
        '--format',
        'json',
      ],
      { cwd: work, env },
    );
    expect(partial.status).toBe(0);
    const r = JSON.parse(partial.stdout) as OrgReport;
    const manifest = JSON.parse(readFileSync(join(work, 'manifest.json'), 'utf8')) as {
      shards: Array<{ repositories: Array<{ name: string }> }>;
    };
    const lastShard = manifest.shards[3]!.repositories.map((x) => x.name).filter((n) => n !== missingRepo);
    expect(r.coverage.missingRepositories).toEqual(expect.arrayContaining(lastShard));
    expect(r.coverage.planned).toBe(21);
    expect(r.coverage.scanned + r.coverage.failed + r.coverage.missing).toBe(21);
  });

  it('writes no token into any shard result, coverage record or merged report', () => {
    const outputs = [...allFiles(join(work, 'results')), join(work, 'org.json'), join(work, 'manifest.json')].map((f) =>
      readFileSync(f, 'utf8'),
    );
    for (const token of [shared, pair, ...unique]) {
      expect(outputs.some((o) => o.includes(token))).toBe(false);
    }
  });

  it('rejects a broken result file with one line naming it', () => {
    writeFileSync(join(work, 'broken.json'), '{"kind": "something-else"}');
    const bad = runCli(['org', 'merge', 'broken.json'], { cwd: work, env });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('broken.json');
  });
});
