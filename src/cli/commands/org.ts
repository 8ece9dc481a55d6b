// `tokenscope org plan|scan|merge`: organisation-wide scans on an engine the team already runs
// (a GitHub Actions matrix, a Kubernetes Indexed Job). plan → shard manifest; scan → one
// shard's results and coverage; merge → one deterministic organisation report.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { usageError } from '../../util/errors.js';
import { atOrAbove } from '../../model/ranks.js';
import { formatManifest, parseManifest, parseRepositoryList, planShards } from '../../org/manifest.js';
import { resultFileName, scanShard } from '../../org/scan-shard.js';
import {
  collectInputFiles,
  formatOrgJson,
  formatOrgSarif,
  formatOrgText,
  mergeOrg,
  readMergeInputs,
  sarifPerRepository,
} from '../../org/merge.js';
import type { FailOn } from '../../model/config.js';
import { emit, type CliIo } from '../io.js';

function readInput(io: CliIo, file: string): string {
  try {
    return file === '-' ? readFileSync(0, 'utf8') : readFileSync(resolve(io.cwd, file), 'utf8');
  } catch (error) {
    throw usageError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

function wholeNumber(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw usageError(`${flag}: expected a whole number (received "${value.slice(0, 20)}")`);
  return Number(value);
}

export function runOrgPlan(
  io: CliIo,
  file: string | undefined,
  flags: { shards?: string; reposPerShard?: string; output?: string; serverUrl?: string },
): number {
  const source = file ?? '-';
  const list = parseRepositoryList(
    readInput(io, source),
    source === '-' ? 'stdin' : source,
    flags.serverUrl ?? io.env['GITHUB_SERVER_URL'] ?? 'https://github.com',
  );
  const shards = wholeNumber('--shards', flags.shards);
  const reposPerShard = wholeNumber('--repos-per-shard', flags.reposPerShard);
  const { manifest, warnings } = planShards(list.repositories, {
    ...(shards !== undefined ? { shards } : {}),
    ...(reposPerShard !== undefined ? { reposPerShard } : {}),
  });
  for (const w of [...list.warnings, ...warnings]) io.stderr(`tokenscope: ${w}\n`);
  emit(io, formatManifest(manifest), flags.output);
  io.stderr(`${manifest.repositories} repositories in ${manifest.shards.length} shards (plan ${manifest.planId})\n`);
  return 0;
}

export async function runOrgScan(
  io: CliIo,
  flags: { shard: string; index?: string; outDir?: string; history?: boolean; config?: string },
): Promise<number> {
  const manifest = parseManifest(readInput(io, flags.shard), flags.shard);
  const indexText = flags.index ?? io.env['JOB_COMPLETION_INDEX'];
  if (indexText === undefined)
    throw usageError('org scan: give --index I (or set JOB_COMPLETION_INDEX, as a Kubernetes Indexed Job does)');
  const index = wholeNumber('--index', indexText)!;
  let fingerprintKey = io.env['TOKENSCOPE_FINGERPRINT_KEY'] ?? '';
  if (!fingerprintKey) {
    // Every shard reads the same manifest, so they agree on this key; but it is not secret.
    io.stderr(
      'tokenscope: TOKENSCOPE_FINGERPRINT_KEY is not set: fingerprints are keyed by the plan, which anyone holding it can recompute; set one organisation key from a secret\n',
    );
    fingerprintKey = createHash('sha256').update(`tokenscope/org/${manifest.planId}`).digest('hex');
  }
  const gitToken = io.env['TOKENSCOPE_GIT_TOKEN'] || io.env['GH_TOKEN'] || io.env['GITHUB_TOKEN'] || undefined;
  const outDir = resolve(io.cwd, flags.outDir ?? 'tokenscope-results');
  const coverage = await scanShard({
    manifest,
    index,
    outDir,
    fingerprintKey,
    env: io.env,
    ...(gitToken ? { gitToken } : {}),
    ...(flags.history ? { history: true } : {}),
    ...(flags.config ? { configPath: resolve(io.cwd, flags.config) } : {}),
    onRepository: (r) =>
      io.stderr(
        `${r.status === 'scanned' ? 'scanned' : 'FAILED '} ${r.repository}${r.error ? `: ${r.error}` : ` (${r.filesScanned} files)`}\n`,
      ),
  });
  const failed = coverage.records.filter((r) => r.status === 'failed').length;
  io.stderr(
    `shard ${index}: ${coverage.records.length - failed} of ${coverage.records.length} repositories scanned${failed ? `, ${failed} failed (recorded in the coverage)` : ''}; results in ${outDir}\n`,
  );
  return 0;
}

export function runOrgMerge(
  io: CliIo,
  inputs: string[],
  flags: { shard?: string; format?: string; output?: string; failOn?: FailOn; sarifDir?: string },
): number {
  if (inputs.length === 0) throw usageError('org merge: name the shard result files or folders');
  const files = collectInputFiles(inputs.map((p) => resolve(io.cwd, p)));
  const manifestPath = flags.shard ? resolve(io.cwd, flags.shard) : undefined;
  const input = readMergeInputs(files.filter((f) => f !== manifestPath));
  if (flags.shard) input.manifest = parseManifest(readInput(io, flags.shard), flags.shard);
  const report = mergeOrg(input);
  const format =
    flags.format ?? (flags.output?.endsWith('.sarif') ? 'sarif' : flags.output?.endsWith('.json') ? 'json' : 'text');
  const text =
    format === 'json'
      ? formatOrgJson(report)
      : format === 'sarif'
        ? formatOrgSarif(input, report)
        : formatOrgText(report);
  emit(io, text, flags.output && flags.output !== '-' ? flags.output : undefined);
  if (flags.sarifDir) {
    // One SARIF file per repository, for uploading to each repository's code scanning.
    const dir = resolve(io.cwd, flags.sarifDir);
    mkdirSync(dir, { recursive: true });
    const index: Array<{ repository: string; url: string; commit?: string; file: string }> = [];
    for (const [name, log] of sarifPerRepository(input, report)) {
      const file = resultFileName(name).replace(/\.json$/, '.sarif');
      writeFileSync(`${dir}/${file}`, `${JSON.stringify(log, null, 2)}\n`);
      const repo = report.repositories.find((r) => r.name === name)!;
      index.push({ repository: name, url: repo.url, ...(repo.commit ? { commit: repo.commit } : {}), file });
    }
    writeFileSync(`${dir}/index.json`, `${JSON.stringify(index, null, 2)}\n`);
  }
  if (format !== 'text') {
    const c = report.coverage;
    io.stderr(
      `${c.scanned}/${c.planned} repositories scanned${c.failed ? `, ${c.failed} failed` : ''}${c.missing ? `, ${c.missing} missing` : ''}; ` +
        `${report.summary.credentials} credentials (${report.summary.reusedCredentials} reused across repositories)\n`,
    );
  }
  const failOn = flags.failOn ?? 'none';
  return report.credentials.some((c) => atOrAbove(c.level, failOn)) ? 1 : 0;
}
