// `tokenscope org scan --shard FILE --index I`: clones each repository of one shard into a
// temporary folder, scans it like `tokenscope scan`, and writes one result per repository plus
// one coverage record for the shard. A repository that cannot be cloned or scanned is a recorded
// failure, never a gap. Clones are removed afterwards; no token reaches any file written here.

import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scan } from '../pipeline/scan.js';
import { historySource } from '../sources/git-history.js';
import { scrub } from '../util/redact.js';
import { usageError } from '../util/errors.js';
import type { Finding, RuleInfo, ScanResult } from '../model/types.js';
import { stripCredentials, type PlannedRepository, type ShardManifest } from './manifest.js';

export const RESULT_KIND = 'tokenscope-repository-result';
export const COVERAGE_KIND = 'tokenscope-shard-coverage';
export const ORG_FORMAT_VERSION = 1;

export interface CoverageRecord {
  repository: string;
  url: string;
  shard: number;
  status: 'scanned' | 'failed';
  /** The commit scanned (HEAD of the clone). */
  commit?: string;
  filesScanned: number;
  filesSkipped: number;
  /** Every file was scanned or skipped by rule, and the clone was not cut short. */
  complete: boolean;
  error?: string;
}

/** What a shard writes per repository: the scan's findings as JSON, with the rules they use. */
export interface RepositoryResult {
  formatVersion: typeof ORG_FORMAT_VERSION;
  kind: typeof RESULT_KIND;
  planId: string;
  repository: { name: string; url: string };
  commit: string;
  history: boolean;
  coverage: CoverageRecord;
  result: Omit<ScanResult, 'root' | 'rules' | 'suppressed'> & { root: string };
  rules: RuleInfo[];
}

export interface ShardCoverage {
  formatVersion: typeof ORG_FORMAT_VERSION;
  kind: typeof COVERAGE_KIND;
  planId: string;
  shard: number;
  records: CoverageRecord[];
}

export interface ShardScanOptions {
  manifest: ShardManifest;
  index: number;
  outDir: string;
  history?: boolean;
  configPath?: string;
  fingerprintKey: string;
  /** A token for HTTPS clones (TOKENSCOPE_GIT_TOKEN / GH_TOKEN), sent as a header, never in a URL. */
  gitToken?: string;
  cloneTimeoutMs?: number;
  env?: NodeJS.ProcessEnv;
  onRepository?: (record: CoverageRecord) => void;
}

/** File name for a repository's result: readable, unique, safe on every file system. */
export function resultFileName(name: string): string {
  const slug =
    name
      .replace(/[^A-Za-z0-9_.-]+/g, '_')
      .replace(/^[._]+/, '')
      .slice(-80) || 'repository';
  return `repo-${slug}-${createHash('sha256').update(name).digest('hex').slice(0, 8)}.json`;
}

function gitEnv(options: ShardScanOptions, url: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...(options.env ?? process.env),
    GIT_TERMINAL_PROMPT: '0',
    GIT_NO_LAZY_FETCH: '1',
    GCM_INTERACTIVE: 'never',
    GIT_ASKPASS: 'true',
  };
  if (options.gitToken && /^https:\/\//i.test(url)) {
    // Passed through the environment (not argv, which other processes can read).
    const basic = Buffer.from(`x-access-token:${options.gitToken}`).toString('base64');
    env['GIT_CONFIG_COUNT'] = '1';
    env['GIT_CONFIG_KEY_0'] = 'http.extraHeader';
    env['GIT_CONFIG_VALUE_0'] = `Authorization: Basic ${basic}`;
  }
  return env;
}

function runGit(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolvePromise) => {
    const child = spawn('git', args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => {
      if (stderr.length < 8192) stderr += d.toString('utf8');
    });
    const timer = setTimeout(() => {
      stderr += `\ntimed out after ${Math.round(timeoutMs / 1000)} s`;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolvePromise({ code: -1, stdout, stderr: `${stderr}\n${error.message}` });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code: code ?? -1, stdout, stderr });
    });
  });
}

/** git's last meaningful line, with URLs' credentials and the token removed. */
function gitFailure(stderr: string, secrets: string[]): string {
  const lines = stderr
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !/^(hint:|Cloning into)/.test(l));
  const line = lines.find((l) => /^(fatal|error):/.test(l)) ?? lines.at(-1) ?? 'git failed';
  return scrub(
    stripCredentials(line.replace(/[a-z][a-z0-9+.-]*:\/\/[^\s'"]+/gi, (u) => stripCredentials(u))),
    secrets,
  ).slice(0, 300);
}

function stripDuration(result: ScanResult): ScanResult['stats'] {
  // Durations differ between runs; the merged report must be the same bytes for the same inputs.
  return { ...result.stats, durationMs: 0 };
}

function referencedRules(findings: readonly Finding[], rules: readonly RuleInfo[]): RuleInfo[] {
  const used = new Set(findings.map((f) => f.ruleId));
  return rules.filter((r) => used.has(r.id));
}

async function scanOne(
  repo: PlannedRepository,
  options: ShardScanOptions,
  scratch: string,
): Promise<{ record: CoverageRecord; result?: RepositoryResult }> {
  const base = { repository: repo.name, url: repo.url, shard: options.index, filesScanned: 0, filesSkipped: 0 };
  const secrets = [options.gitToken ?? ''].filter((s) => s.length >= 4);
  const dir = join(scratch, 'clone');
  rmSync(dir, { recursive: true, force: true });
  const env = gitEnv(options, repo.url);
  const timeout = options.cloneTimeoutMs ?? 10 * 60_000;
  const depth = options.history ? [] : ['--depth', '1'];
  const clone = await runGit(
    ['clone', '--quiet', '--no-tags', '--single-branch', ...depth, '--', repo.url, dir],
    scratch,
    env,
    timeout,
  );
  if (clone.code !== 0) {
    return {
      record: {
        ...base,
        status: 'failed',
        complete: false,
        error: `clone failed: ${gitFailure(clone.stderr, secrets)}`,
      },
    };
  }
  try {
    const head = await runGit(['rev-parse', '--verify', '-q', 'HEAD'], dir, env, 60_000);
    const commit = head.code === 0 ? head.stdout.trim() : '';
    if (!commit)
      return {
        record: { ...base, status: 'scanned', complete: true, commit: '', error: 'empty repository (no commits)' },
      };
    const result = await scan({
      paths: [dir],
      cwd: dir,
      fingerprintKey: options.fingerprintKey,
      ...(options.configPath ? { configPath: options.configPath } : {}),
      ...(options.history ? { sources: historySource({}) } : {}),
    });
    const incomplete = (result as ScanResult & { incomplete?: boolean }).incomplete === true;
    const record: CoverageRecord = {
      ...base,
      status: 'scanned',
      commit,
      filesScanned: result.stats.filesScanned,
      filesSkipped: result.stats.filesSkipped,
      complete: !incomplete,
    };
    const { rules, suppressed: _suppressed, root: _root, ...rest } = result;
    const notices = rest.notices.map((n) => ({ ...n, message: n.message.split(dir).join('.') }));
    return {
      record,
      result: {
        formatVersion: ORG_FORMAT_VERSION,
        kind: RESULT_KIND,
        planId: options.manifest.planId,
        repository: { name: repo.name, url: repo.url },
        commit,
        history: options.history === true,
        coverage: record,
        result: { ...rest, root: repo.name, notices, stats: stripDuration(result) },
        rules: referencedRules(result.findings, rules),
      },
    };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    return {
      record: {
        ...base,
        status: 'failed',
        complete: false,
        error: `scan failed: ${scrub(message.split(dir).join('.'), secrets).slice(0, 300)}`,
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Scans every repository of one shard; resolves to the shard's coverage (also written to outDir). */
export async function scanShard(options: ShardScanOptions): Promise<ShardCoverage> {
  const shard = options.manifest.shards[options.index];
  if (!shard) {
    throw usageError(`--index ${options.index}: the manifest has shards 0 to ${options.manifest.shards.length - 1}`);
  }
  mkdirSync(options.outDir, { recursive: true });
  const scratch = mkdtempSync(join(tmpdir(), 'tokenscope-org-'));
  const cleanup = (): void => rmSync(scratch, { recursive: true, force: true });
  process.once('exit', cleanup);
  const records: CoverageRecord[] = [];
  try {
    for (const repo of shard.repositories) {
      const { record, result } = await scanOne(repo, options, scratch);
      records.push(record);
      if (result)
        writeFileSync(join(options.outDir, resultFileName(repo.name)), `${JSON.stringify(result, null, 2)}\n`);
      options.onRepository?.(record);
    }
  } finally {
    cleanup();
    process.removeListener('exit', cleanup);
  }
  const coverage: ShardCoverage = {
    formatVersion: ORG_FORMAT_VERSION,
    kind: COVERAGE_KIND,
    planId: options.manifest.planId,
    shard: options.index,
    records,
  };
  writeFileSync(
    join(options.outDir, `coverage-${String(options.index).padStart(3, '0')}.json`),
    `${JSON.stringify(coverage, null, 2)}\n`,
  );
  return coverage;
}
