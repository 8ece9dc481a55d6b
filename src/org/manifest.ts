// `tokenscope org plan`: a list of repositories → a shard manifest, the contract between the
// planner and whatever engine runs the shards (a GitHub Actions matrix, a Kubernetes Indexed
// Job). Pure and deterministic: the same list gives the same bytes, whatever order it came in.

import { createHash } from 'node:crypto';
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { usageError } from '../util/errors.js';

export const MANIFEST_KIND = 'tokenscope-shard-manifest';
export const MANIFEST_FORMAT_VERSION = 1;
/** GitHub Actions runs at most 256 jobs from one matrix. */
export const MAX_SHARDS = 256;
export const DEFAULT_REPOS_PER_SHARD = 8;

export interface PlannedRepository {
  /** Stable display name: `owner/name`, a URL without scheme and credentials, or a local path. */
  name: string;
  /** What `git clone` is given; never carries credentials. */
  url: string;
  /** Size as given by the list (e.g. `gh repo list --json diskUsage`, in KB); used for balancing. */
  size?: number;
}

export interface Shard {
  index: number;
  /** Sum of the repositories' sizes (or their count when no sizes were given). */
  weight: number;
  repositories: PlannedRepository[];
}

export interface ShardManifest {
  formatVersion: typeof MANIFEST_FORMAT_VERSION;
  kind: typeof MANIFEST_KIND;
  repositories: number;
  /** Content digest of the plan: names the plan in results, and keys fingerprints when no key is set. */
  planId: string;
  shards: Shard[];
  /** What `strategy.matrix` reads: `matrix: ${{ fromJSON(needs.plan.outputs.matrix) }}`. */
  matrix: { shard: number[] };
}

export interface ParsedList {
  repositories: PlannedRepository[];
  /** One line each: duplicates dropped, credentials removed from URLs. */
  warnings: string[];
}

/** Removes `user:password@` from a URL so that no credential is written into a plan or a result. */
export function stripCredentials(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/i, '$1');
}

function hasCredentials(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\/[^/@\s]*:[^/@\s]*@/i.test(url);
}

const OWNER_NAME = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

/** One entry of a list → a repository, or a reason it is not one. */
export function toRepository(entry: string, size: number | undefined, serverUrl: string): PlannedRepository | string {
  const text = entry.trim();
  if (text.length === 0) return 'empty entry';
  if (text.startsWith('-'))
    return `"${text.slice(0, 40)}" is not a repository (a leading dash would reach git as an option)`;
  const sized = (r: Omit<PlannedRepository, 'size'>): PlannedRepository => (size !== undefined ? { ...r, size } : r);
  if (OWNER_NAME.test(text) && !text.startsWith('.')) {
    return sized({ name: text, url: `${serverUrl.replace(/\/+$/, '')}/${text}.git` });
  }
  if (isAbsolute(text)) return sized({ name: text, url: pathToFileURL(text).href });
  const scp = /^[A-Za-z0-9_.-]+@([A-Za-z0-9.-]+):(.+?)(?:\.git)?\/?$/.exec(text);
  if (scp) return sized({ name: `${scp[1]}/${scp[2]}`, url: text });
  const url = /^(https?|ssh|git|file):\/\/(.+)$/i.exec(text);
  if (url) {
    const clean = stripCredentials(text);
    const name =
      url[1]!.toLowerCase() === 'file'
        ? decodeURIComponent(new URL(clean).pathname)
        : clean
            .replace(/^[a-z]+:\/\//i, '')
            .replace(/\.git\/?$/, '')
            .replace(/\/+$/, '');
    return sized({ name, url: clean });
  }
  return `"${text.slice(0, 60)}" is neither owner/name, a clone URL nor an absolute path`;
}

function numberOrUndefined(value: unknown): number | undefined {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : undefined;
}

/**
 * Reads a repository list: one repository a line (`owner/name`, a clone URL or an absolute path,
 * optionally followed by its size), `#` comments; or the JSON that `gh repo list --json
 * nameWithOwner,diskUsage` prints (an array of strings or objects).
 */
export function parseRepositoryList(text: string, source: string, serverUrl = 'https://github.com'): ParsedList {
  const warnings: string[] = [];
  const raw: Array<{ entry: string; size: number | undefined; where: string }> = [];
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    let data: unknown;
    try {
      data = JSON.parse(trimmed);
    } catch (error) {
      throw usageError(`${source}: not valid JSON (${(error as Error).message.split('\n')[0]})`);
    }
    if (!Array.isArray(data)) throw usageError(`${source}: expected a JSON array of repositories`);
    data.forEach((item, i) => {
      if (typeof item === 'string') raw.push({ entry: item, size: undefined, where: `${source}[${i}]` });
      else if (item && typeof item === 'object') {
        const o = item as Record<string, unknown>;
        const entry = [o['nameWithOwner'], o['full_name'], o['url'], o['clone_url'], o['name']].find(
          (v): v is string => typeof v === 'string',
        );
        if (!entry) throw usageError(`${source}[${i}]: no nameWithOwner, full_name, url or name`);
        raw.push({ entry, size: numberOrUndefined(o['diskUsage'] ?? o['size']), where: `${source}[${i}]` });
      } else throw usageError(`${source}[${i}]: expected a string or an object`);
    });
  } else {
    text.split(/\r?\n/).forEach((line, i) => {
      const content = line.replace(/(^|\s)#.*$/, '').trim();
      if (!content) return;
      const [entry, sizeText, ...rest] = content.split(/\s+/);
      if (rest.length > 0) throw usageError(`${source}:${i + 1}: expected "repository [size]"`);
      const size = sizeText === undefined ? undefined : numberOrUndefined(sizeText);
      if (sizeText !== undefined && size === undefined)
        throw usageError(`${source}:${i + 1}: size "${sizeText.slice(0, 20)}" is not a number`);
      raw.push({ entry: entry!, size, where: `${source}:${i + 1}` });
    });
  }
  const seen = new Set<string>();
  const repositories: PlannedRepository[] = [];
  let withCredentials = 0;
  for (const { entry, size, where } of raw) {
    if (hasCredentials(entry)) withCredentials++;
    const repo = toRepository(entry, size, serverUrl);
    if (typeof repo === 'string') throw usageError(`${where}: ${repo}`);
    if (seen.has(repo.name)) {
      warnings.push(`${where}: ${repo.name} is listed twice; planned once`);
      continue;
    }
    seen.add(repo.name);
    repositories.push(repo);
  }
  if (withCredentials > 0) {
    warnings.push(
      `${source}: credentials removed from ${withCredentials} clone URL(s); shard scans take them from TOKENSCOPE_GIT_TOKEN or GH_TOKEN`,
    );
  }
  return { repositories, warnings };
}

export interface PlanOptions {
  /** Number of shards; default: one per DEFAULT_REPOS_PER_SHARD repositories, at most MAX_SHARDS. */
  shards?: number;
  reposPerShard?: number;
}

/** Splits repositories into shards: largest first onto the lightest shard (LPT), ties by name and index. */
export function planShards(
  input: readonly PlannedRepository[],
  options: PlanOptions = {},
): { manifest: ShardManifest; warnings: string[] } {
  const warnings: string[] = [];
  if (input.length === 0) throw usageError('the repository list is empty: nothing to plan');
  if (options.shards !== undefined && (!Number.isInteger(options.shards) || options.shards < 1)) {
    throw usageError(`--shards: expected a whole number from 1 to ${MAX_SHARDS} (received ${String(options.shards)})`);
  }
  if (options.shards !== undefined && options.shards > MAX_SHARDS) {
    throw usageError(
      `--shards: at most ${MAX_SHARDS} shards (a GitHub Actions matrix runs at most ${MAX_SHARDS} jobs); received ${options.shards}`,
    );
  }
  const perShard = options.reposPerShard ?? DEFAULT_REPOS_PER_SHARD;
  if (!Number.isInteger(perShard) || perShard < 1)
    throw usageError(`--repos-per-shard: expected a whole number ≥ 1 (received ${String(perShard)})`);
  let count = options.shards ?? Math.ceil(input.length / perShard);
  if (options.shards === undefined && count > MAX_SHARDS) {
    warnings.push(
      `${input.length} repositories at ${perShard} per shard need ${count} shards; a matrix runs at most ${MAX_SHARDS}, so each shard holds up to ${Math.ceil(input.length / MAX_SHARDS)}`,
    );
    count = MAX_SHARDS;
  }
  if (count > input.length) {
    if (options.shards !== undefined)
      warnings.push(`--shards ${count}: only ${input.length} repositories, so ${input.length} shards`);
    count = input.length;
  }
  const known = input.filter((r) => r.size !== undefined);
  const fallback = known.length > 0 ? known.reduce((s, r) => s + r.size!, 0) / known.length : 1;
  if (known.length > 0 && known.length < input.length) {
    warnings.push(`${input.length - known.length} repositories have no size; balanced as if of average size`);
  }
  const weightOf = (r: PlannedRepository): number => Math.max(1, r.size ?? fallback);
  const sorted = [...input].sort(
    (a, b) => weightOf(b) - weightOf(a) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
  const shards: Shard[] = Array.from({ length: count }, (_, index) => ({ index, weight: 0, repositories: [] }));
  for (const repo of sorted) {
    let target = shards[0]!;
    for (const shard of shards) {
      if (
        shard.weight < target.weight ||
        (shard.weight === target.weight && shard.repositories.length < target.repositories.length)
      )
        target = shard;
    }
    target.repositories.push(repo);
    target.weight += weightOf(repo);
  }
  for (const shard of shards) {
    shard.weight = Math.round(shard.weight);
    shard.repositories.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
  const planId = createHash('sha256')
    .update(JSON.stringify(shards.map((s) => s.repositories.map((r) => [r.name, r.url]))))
    .digest('hex')
    .slice(0, 16);
  return {
    manifest: {
      formatVersion: MANIFEST_FORMAT_VERSION,
      kind: MANIFEST_KIND,
      repositories: input.length,
      planId,
      shards,
      matrix: { shard: shards.map((s) => s.index) },
    },
    warnings,
  };
}

/** Reads a manifest back, checking what a shard scan relies on. */
export function parseManifest(text: string, source: string): ShardManifest {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw usageError(`${source}: not valid JSON (${(error as Error).message.split('\n')[0]})`);
  }
  const m = data as Partial<ShardManifest> | null;
  if (!m || typeof m !== 'object' || m.kind !== MANIFEST_KIND)
    throw usageError(`${source}: not a tokenscope shard manifest (kind "${MANIFEST_KIND}" expected)`);
  if (m.formatVersion !== MANIFEST_FORMAT_VERSION)
    throw usageError(
      `${source}: manifest format ${String(m.formatVersion)} is not supported (expected ${MANIFEST_FORMAT_VERSION})`,
    );
  if (!Array.isArray(m.shards) || typeof m.planId !== 'string') throw usageError(`${source}: manifest has no shards`);
  m.shards.forEach((s, i) => {
    if (!s || s.index !== i || !Array.isArray(s.repositories)) throw usageError(`${source}: shard ${i} is malformed`);
    for (const r of s.repositories) {
      if (!r || typeof r.name !== 'string' || typeof r.url !== 'string' || r.url.startsWith('-'))
        throw usageError(`${source}: shard ${i} holds a malformed repository`);
    }
  });
  return m as ShardManifest;
}

export function formatManifest(manifest: ShardManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
