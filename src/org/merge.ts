// `tokenscope org merge RESULTS...`: shard outputs → one organisation report. Deterministic (the
// same inputs give the same bytes, in any order) and grouped by credential: the same secret in
// several repositories is one credential with several locations, its reach the union of theirs.
// Coverage accounts for every planned repository: scanned, failed, or missing.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { usageError } from '../util/errors.js';
import { formatSarif } from '../report/sarif.js';
import { plural } from '../util/format.js';
import {
  BREADTHS,
  PRIVILEGES,
  type Breadth,
  type Finding,
  type Level,
  type PolicyTag,
  type Privilege,
  type ScanResult,
} from '../model/types.js';
import { VERSION } from '../util/version.js';
import type { ShardManifest } from './manifest.js';
import {
  COVERAGE_KIND,
  ORG_FORMAT_VERSION,
  RESULT_KIND,
  type CoverageRecord,
  type RepositoryResult,
  type ShardCoverage,
} from './scan-shard.js';

export const ORG_REPORT_KIND = 'tokenscope-org-report';

export interface CredentialLocation {
  repository: string;
  commit: string;
  path: string;
  line: number;
  column: number;
}

/** One secret, wherever it was found. */
export interface OrgCredential {
  fingerprint: string;
  ruleId: string;
  provider: string;
  tokenType: string;
  redacted: string;
  secretLength: number;
  level: Level;
  privilege: Privilege;
  breadth: Breadth;
  securitySeverity: number;
  policy: PolicyTag[];
  message: string;
  /** The union of where it reaches: every repository that holds it. */
  repositories: string[];
  locations: CredentialLocation[];
}

export interface OrgCoverage {
  planned: number;
  scanned: number;
  failed: number;
  missing: number;
  incomplete: number;
  failedRepositories: Array<{ repository: string; error: string }>;
  missingRepositories: string[];
  incompleteRepositories: string[];
}

export interface OrgRepositorySummary {
  name: string;
  url: string;
  status: 'scanned' | 'failed' | 'missing';
  commit?: string;
  complete: boolean;
  findings: number;
  filesScanned: number;
  filesSkipped: number;
  error?: string;
}

export interface OrgReport {
  formatVersion: typeof ORG_FORMAT_VERSION;
  kind: typeof ORG_REPORT_KIND;
  tool: { name: 'tokenscope'; version: string };
  planId?: string;
  coverage: OrgCoverage;
  summary: { credentials: number; reusedCredentials: number; findings: number; findingsByLevel: Record<Level, number> };
  credentials: OrgCredential[];
  repositories: OrgRepositorySummary[];
}

export interface MergeInput {
  results: RepositoryResult[];
  coverage: ShardCoverage[];
  manifest?: ShardManifest;
}

const LEVEL_RANK: Record<Level, number> = { note: 0, warning: 1, error: 2 };
const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function privilegeRank(p: Privilege): number {
  return (PRIVILEGES as readonly string[]).indexOf(p);
}
function breadthRank(b: Breadth): number {
  return (BREADTHS as readonly string[]).indexOf(b);
}

/** Expands directories (recursively) to the .json files in them, sorted, so the order of arguments does not matter. */
export function collectInputFiles(paths: readonly string[]): string[] {
  const files: string[] = [];
  const visit = (path: string): void => {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      throw usageError(`${path}: no such file or directory`);
    }
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path).sort()) {
        const child = join(path, entry);
        if (entry.endsWith('.json') || statSync(child).isDirectory()) visit(child);
      }
    } else files.push(path);
  };
  for (const p of paths) visit(p);
  return [...new Set(files)].sort(byString);
}

/** Reads result and coverage files; anything else is an error naming the file. */
export function readMergeInputs(files: readonly string[]): MergeInput {
  const results: RepositoryResult[] = [];
  const coverage: ShardCoverage[] = [];
  for (const file of files) {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw usageError(`${file}: not valid JSON (${(error as Error).message.split('\n')[0]})`);
    }
    const kind = (data as { kind?: unknown } | null)?.kind;
    const version = (data as { formatVersion?: unknown } | null)?.formatVersion;
    if (kind !== RESULT_KIND && kind !== COVERAGE_KIND) {
      throw usageError(`${file}: not a tokenscope shard output (kind "${RESULT_KIND}" or "${COVERAGE_KIND}" expected)`);
    }
    if (version !== ORG_FORMAT_VERSION)
      throw usageError(`${file}: format ${String(version)} is not supported (expected ${ORG_FORMAT_VERSION})`);
    if (kind === RESULT_KIND) {
      const r = data as RepositoryResult;
      if (!r.repository || typeof r.repository.name !== 'string' || !Array.isArray(r.result?.findings))
        throw usageError(`${file}: malformed repository result`);
      results.push(r);
    } else {
      const c = data as ShardCoverage;
      if (!Array.isArray(c.records)) throw usageError(`${file}: malformed coverage record`);
      coverage.push(c);
    }
  }
  return { results, coverage };
}

/** One deterministic pick when a repository appears twice (a retried job): scanned beats failed, then the larger text. */
function pickOne<T>(items: T[], better: (a: T, b: T) => number): T {
  return [...items].sort(better)[0]!;
}

export function mergeOrg(input: MergeInput): OrgReport {
  const resultsByRepo = new Map<string, RepositoryResult[]>();
  for (const r of input.results)
    resultsByRepo.set(r.repository.name, [...(resultsByRepo.get(r.repository.name) ?? []), r]);
  const results = new Map<string, RepositoryResult>();
  for (const [name, list] of resultsByRepo)
    results.set(
      name,
      pickOne(list, (a, b) => byString(JSON.stringify(b), JSON.stringify(a))),
    );

  const recordsByRepo = new Map<string, CoverageRecord[]>();
  for (const c of input.coverage)
    for (const rec of c.records) recordsByRepo.set(rec.repository, [...(recordsByRepo.get(rec.repository) ?? []), rec]);
  // A result without its shard's coverage file still counts: its own coverage record travels with it.
  for (const [name, r] of results) if (!recordsByRepo.has(name)) recordsByRepo.set(name, [r.coverage]);
  const records = new Map<string, CoverageRecord>();
  for (const [name, list] of recordsByRepo) {
    records.set(
      name,
      pickOne(list, (a, b) =>
        a.status === b.status ? byString(JSON.stringify(b), JSON.stringify(a)) : a.status === 'scanned' ? -1 : 1,
      ),
    );
  }

  const planned = input.manifest ? input.manifest.shards.flatMap((s) => s.repositories) : [];
  const names = new Set<string>([...planned.map((p) => p.name), ...records.keys()]);
  const repositories: OrgRepositorySummary[] = [...names].sort(byString).map((name) => {
    const rec = records.get(name);
    const result = results.get(name);
    const url = rec?.url ?? planned.find((p) => p.name === name)?.url ?? '';
    if (!rec) return { name, url, status: 'missing', complete: false, findings: 0, filesScanned: 0, filesSkipped: 0 };
    const scanned = rec.status === 'scanned' && (result !== undefined || rec.commit === '');
    return {
      name,
      url,
      status: scanned ? 'scanned' : 'failed',
      ...(rec.commit ? { commit: rec.commit } : {}),
      complete: scanned && rec.complete,
      findings: result?.result.findings.length ?? 0,
      filesScanned: rec.filesScanned,
      filesSkipped: rec.filesSkipped,
      ...(rec.error ? { error: rec.error } : !scanned ? { error: 'result file missing' } : {}),
    };
  });

  const groups = new Map<string, Array<{ finding: Finding; repository: string; commit: string }>>();
  for (const name of [...results.keys()].sort(byString)) {
    const r = results.get(name)!;
    for (const finding of r.result.findings) {
      const list = groups.get(finding.fingerprint) ?? [];
      list.push({ finding, repository: name, commit: finding.commit?.sha ?? r.commit });
      groups.set(finding.fingerprint, list);
    }
  }
  const credentials: OrgCredential[] = [...groups.entries()].map(([fingerprint, list]) => {
    const worst = pickOne(
      list.map((l) => l.finding),
      (a, b) =>
        LEVEL_RANK[b.level] - LEVEL_RANK[a.level] ||
        b.securitySeverity - a.securitySeverity ||
        byString(a.path, b.path) ||
        a.line - b.line,
    );
    const privilege = list
      .map((l) => l.finding.privilege)
      .reduce((a, b) => (privilegeRank(b) > privilegeRank(a) ? b : a));
    const breadth = list.map((l) => l.finding.breadth).reduce((a, b) => (breadthRank(b) > breadthRank(a) ? b : a));
    const locations = list
      .map((l) => ({
        repository: l.repository,
        commit: l.commit,
        path: l.finding.path,
        line: l.finding.line,
        column: l.finding.column,
      }))
      .sort(
        (a, b) =>
          byString(a.repository, b.repository) ||
          byString(a.path, b.path) ||
          a.line - b.line ||
          a.column - b.column ||
          byString(a.commit, b.commit),
      );
    return {
      fingerprint,
      ruleId: worst.ruleId,
      provider: worst.provider,
      tokenType: worst.tokenType,
      redacted: worst.redacted,
      secretLength: worst.secretLength,
      level: worst.level,
      privilege,
      breadth,
      securitySeverity: Math.max(...list.map((l) => l.finding.securitySeverity)),
      policy: [...new Set(list.flatMap((l) => l.finding.policy))].sort(byString),
      message: worst.message,
      repositories: [...new Set(list.map((l) => l.repository))].sort(byString),
      locations,
    };
  });
  // Reused credentials first: one token in twelve repositories outranks twelve separate findings.
  credentials.sort(
    (a, b) =>
      b.repositories.length - a.repositories.length ||
      LEVEL_RANK[b.level] - LEVEL_RANK[a.level] ||
      b.securitySeverity - a.securitySeverity ||
      byString(a.fingerprint, b.fingerprint),
  );

  const findingsByLevel: Record<Level, number> = { error: 0, warning: 0, note: 0 };
  let findings = 0;
  for (const r of results.values()) {
    for (const f of r.result.findings) {
      findingsByLevel[f.level]++;
      findings++;
    }
  }
  const failed = repositories.filter((r) => r.status === 'failed');
  const missing = repositories.filter((r) => r.status === 'missing');
  const incomplete = repositories.filter((r) => r.status === 'scanned' && !r.complete);
  const planId = input.manifest?.planId ?? [...results.values()].map((r) => r.planId).sort(byString)[0];
  return {
    formatVersion: ORG_FORMAT_VERSION,
    kind: ORG_REPORT_KIND,
    tool: { name: 'tokenscope', version: VERSION },
    ...(planId ? { planId } : {}),
    coverage: {
      planned: input.manifest ? planned.length : repositories.length,
      scanned: repositories.filter((r) => r.status === 'scanned').length,
      failed: failed.length,
      missing: missing.length,
      incomplete: incomplete.length,
      failedRepositories: failed.map((r) => ({ repository: r.name, error: r.error ?? 'failed' })),
      missingRepositories: missing.map((r) => r.name),
      incompleteRepositories: incomplete.map((r) => r.name),
    },
    summary: {
      credentials: credentials.length,
      reusedCredentials: credentials.filter((c) => c.repositories.length > 1).length,
      findings,
      findingsByLevel,
    },
    credentials,
    repositories,
  };
}

export function formatOrgJson(report: OrgReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** One SARIF log per scanned repository, each run naming its repository and commit. */
export function sarifPerRepository(
  input: MergeInput,
  report: OrgReport,
): Map<string, { $schema: string; version: string; runs: unknown[] }> {
  const byName = new Map(input.results.map((r) => [r.repository.name, r]));
  const logs = new Map<string, { $schema: string; version: string; runs: unknown[] }>();
  for (const repo of report.repositories) {
    const r = repo.status === 'scanned' ? byName.get(repo.name) : undefined;
    if (!r) continue;
    const scanResult: ScanResult = { ...r.result, suppressed: [], rules: r.rules };
    const log = JSON.parse(formatSarif(scanResult)) as {
      $schema: string;
      version: string;
      runs: Array<Record<string, unknown>>;
    };
    logs.set(repo.name, {
      ...log,
      runs: log.runs.map((run) => ({
        ...run,
        automationDetails: { id: `tokenscope/org/${repo.name}/` },
        versionControlProvenance: [{ repositoryUri: r.repository.url, ...(r.commit ? { revisionId: r.commit } : {}) }],
      })),
    });
  }
  return logs;
}

/** SARIF with one run per scanned repository. */
export function formatOrgSarif(input: MergeInput, report: OrgReport): string {
  const logs = [...sarifPerRepository(input, report).values()];
  const schema = logs[0]?.$schema ?? 'https://json.schemastore.org/sarif-2.1.0.json';
  return `${JSON.stringify({ $schema: schema, version: '2.1.0', runs: logs.flatMap((l) => l.runs) }, null, 2)}\n`;
}

export function formatOrgText(report: OrgReport): string {
  const c = report.coverage;
  const lines: string[] = [];
  lines.push(
    `Organisation scan: ${c.scanned} of ${c.planned} planned ${c.planned === 1 ? 'repository' : 'repositories'} scanned` +
      `${c.failed ? `, ${c.failed} failed` : ''}${c.missing ? `, ${c.missing} missing` : ''}${c.incomplete ? `, ${c.incomplete} incomplete` : ''}`,
  );
  lines.push(
    `${plural(report.summary.credentials, 'credential')} in ${plural(report.summary.findings, 'finding')}` +
      `${report.summary.reusedCredentials ? `; ${report.summary.reusedCredentials} reused across repositories` : ''}`,
  );
  for (const cred of report.credentials) {
    const where =
      cred.repositories.length > 1 ? `reused in ${cred.repositories.length} repositories` : cred.repositories[0]!;
    lines.push('');
    lines.push(`${cred.level.toUpperCase()} ${cred.ruleId} ${cred.redacted} (${cred.secretLength} chars): ${where}`);
    lines.push(
      `  privilege ${cred.privilege}, reach ${cred.breadth}${cred.policy.length ? `, ${cred.policy.join(', ')}` : ''}`,
    );
    for (const loc of cred.locations.slice(0, 20))
      lines.push(`  ${loc.repository}: ${loc.path}:${loc.line}:${loc.column}`);
    if (cred.locations.length > 20) lines.push(`  … and ${cred.locations.length - 20} more locations`);
  }
  for (const f of c.failedRepositories) lines.push(`failed: ${f.repository}: ${f.error}`);
  for (const m of c.missingRepositories) lines.push(`missing: ${m} (planned, but no shard reported it)`);
  return `${lines.join('\n')}\n`;
}
