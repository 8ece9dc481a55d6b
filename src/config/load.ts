// Finds, parses and validates the configuration file, then merges defaults < file < flags.
// Every schema error is reported at once, each with its key path and the value received.

import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { configError } from '../util/errors.js';
import { DEFAULT_MAX_FILE_SIZE, type ConfigFile, type ResolvedConfig } from '../model/config.js';
import { describeReceived } from '../util/ajv.js';
import { plural } from '../util/format.js';
import { parseDocument, readDocument, validateDocument } from '../util/document.js';
import { loadConfigChain } from './extends.js';
import { schemaProblems, semanticProblems } from './problems.js';

export const CONFIG_NAMES = ['.tokenscope.yaml', '.tokenscope.yml', '.tokenscope.json'] as const;

/** The first config file from `start` upward, stopping at `stop` (the repository root): never above it. */
export function findConfigFile(start: string, stop: string | undefined): string | undefined {
  let dir = resolve(start);
  const limit = stop ? resolve(stop) : undefined;
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    if (limit === undefined || dir === limit) return undefined;
    const parent = dirname(dir);
    if (parent === dir || relative(limit, parent).startsWith('..') || isAbsolute(relative(limit, parent)))
      return undefined;
    dir = parent;
  }
}

/** "10MB", "512k", 2048 → bytes. */
export function parseSize(value: number | string): number {
  if (typeof value === 'number') return value;
  const m = /^([0-9]+(?:\.[0-9]+)?)\s*([kKmMgG]?)i?[bB]?$/.exec(value.trim());
  if (!m) throw configError(`maxFileSize: not a size (received ${JSON.stringify(value)})`);
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Math.round(Number(m[1]) * unit);
}

/** Parses and validates a config document; throws one configError listing every problem. */
export function parseConfig(text: string, source: string): ConfigFile {
  const parsed = parseDocument(text, source);
  if ('error' in parsed) throw configError(parsed.error);
  const { document } = parsed;
  if (document === null || document === undefined) return {};
  if (typeof document !== 'object' || Array.isArray(document)) {
    throw configError(
      `${source}: must be a mapping of settings (received ${Array.isArray(document) ? 'a list' : describeReceived(document)})`,
    );
  }
  const lines = validateDocument(document, 'config.schema.json', source, schemaProblems);
  for (const line of semanticProblems(document as Record<string, unknown>)) lines.push(`${source}: ${line}`);
  if (lines.length > 0) {
    throw configError(`${source}: invalid configuration (${plural(lines.length, 'problem')})`, lines);
  }
  return document as ConfigFile;
}

/** One file, validated, without following `extends`. */
function loadOneConfigFile(path: string): ConfigFile {
  const read = readDocument(path, 'config file');
  if ('error' in read) throw configError(read.error);
  return parseConfig(read.text, path);
}

/** The file at `path` merged over everything it extends (src/config/extends.ts). */
export function loadConfigChainAt(path: string): { file: ConfigFile; sources: string[] } {
  return loadConfigChain(path, loadOneConfigFile);
}

export function loadConfigFile(path: string): ConfigFile {
  return loadConfigChainAt(path).file;
}

export interface ConfigFlags {
  configPath?: string;
  failOn?: ResolvedConfig['failOn'];
  baseline?: string;
  maxFileSize?: number;
}

/** Resolves the effective configuration for a scan rooted at `root`, starting the search at `start`. */
export function resolveConfig(
  start: string,
  root: string | undefined,
  flags: ConfigFlags = {},
  inline?: ConfigFile,
): ResolvedConfig {
  const source = flags.configPath ? resolve(flags.configPath) : inline ? undefined : findConfigFile(start, root);
  if (inline?.extends !== undefined)
    throw configError('config: extends works in a configuration file only (its paths are relative to that file)');
  const chain = !inline && source ? loadConfigChainAt(source) : undefined;
  const file: ConfigFile = inline ?? chain?.file ?? {};
  const base = source ? dirname(source) : resolve(root ?? start);
  const baseline = flags.baseline ?? (file.baseline ? resolve(base, file.baseline) : undefined);
  const hosts = { gitlabHosts: file.verify?.gitlabHosts ?? [], githubHosts: file.verify?.githubHosts ?? [] };
  // A file found by searching belongs to the scanned tree, which may not be the user's: it must
  // not pick the hosts that receive tokens under --verify. A named file or inline config may.
  const trusted = flags.configPath !== undefined || inline !== undefined;
  const untrusted = trusted ? [] : [...hosts.gitlabHosts, ...hosts.githubHosts];
  return {
    ...(source ? { source } : {}),
    exclude: file.exclude ?? [],
    defaultExcludes: file.defaultExcludes ?? true,
    maxFileSize:
      flags.maxFileSize ?? (file.maxFileSize !== undefined ? parseSize(file.maxFileSize) : DEFAULT_MAX_FILE_SIZE),
    failOn: flags.failOn ?? file.failOn ?? 'warning',
    ...(baseline ? { baseline } : {}),
    disabledDetectors: file.detectors?.disable ?? [],
    ...(file.detectors?.only ? { onlyDetectors: file.detectors.only } : {}),
    detectorLevels: file.detectors?.levels ?? {},
    ...(chain && chain.sources.length > 1 ? { sources: chain.sources } : {}),
    customDetectors: (file.detectors?.custom ?? []).map((p) => resolve(base, p)),
    allowlist: file.allowlist ?? [],
    limits: file.policy?.limits ?? [],
    verify: trusted ? hosts : { gitlabHosts: [], githubHosts: [] },
    ...(untrusted.length > 0 ? { untrustedVerifyHosts: untrusted } : {}),
  };
}
