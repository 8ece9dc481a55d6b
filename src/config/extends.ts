// `extends`: a configuration built on others (an organisation's shared file, a package). Each
// file is read and validated on its own, so an error names the file it is in; then the chain is
// merged, base first: lists concatenate, mappings merge key by key, scalars of the extending
// file win. Nothing is fetched: a URL is an error. A config found in the scanned tree is hostile
// input, so every file in the chain must be a regular file of bounded size (never a FIFO or
// /dev/zero), the chain is at most MAX_EXTENDS_DEPTH deep, and a cycle is an error naming it.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { devNull } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { configError } from '../util/errors.js';
import type { ConfigFile } from '../model/config.js';

/** How many files deep `extends` may go: real setups use one or two (org, then team). */
export const MAX_EXTENDS_DEPTH = 8;
/**
 * A configuration larger than this is not one (a hostile tree could point at a huge file). Large
 * generated exclude lists are real (200,000 entries is about 4 MB), so the bound is generous.
 */
export const MAX_CONFIG_BYTES = 64 * 1024 * 1024;
/** Files a package offers when `extends` names only the package. */
const PACKAGE_ENTRIES = [
  '.tokenscope.yaml',
  '.tokenscope.yml',
  '.tokenscope.json',
  'tokenscope.yaml',
  'tokenscope.yml',
  'tokenscope.json',
];

/** A path as errors show it: relative to `base` when that is short, else absolute. */
export function shownPath(path: string, base: string): string {
  const rel = relative(base, path);
  return rel !== '' && !isAbsolute(rel) && rel.split(sep).filter((p) => p === '..').length <= 2
    ? rel.split(sep).join('/')
    : path;
}

/** Where an `extends` entry of the file `from` points, or a one-line error. */
export function resolveExtends(spec: string, from: string): string {
  const dir = dirname(from);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(spec)) {
    // The URL may carry a token in its query: show the scheme and host only.
    const shown = /^([a-z][a-z0-9+.-]*:\/\/[^/?#@]*)/i.exec(spec.replace(/\/\/[^/@]*@/, '//'))?.[1] ?? 'a URL';
    throw configError(
      `${from}: extends ${shown}/…: URLs are not fetched (tokenscope makes no network requests); download the file, or install it as a package, and extend that`,
    );
  }
  if (spec.startsWith('.') || isAbsolute(spec)) return resolve(dir, spec);
  const m = /^((?:@[a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*)(?:\/(.+))?$/i.exec(spec);
  if (!m || (m[2] !== undefined && m[2].split('/').includes('..'))) {
    throw configError(
      `${from}: extends ${JSON.stringify(spec)}: not a relative path (./org.yaml) or a package name (@acme/tokenscope-config)`,
    );
  }
  const [, name, subpath] = m;
  for (let at = dir; ; at = dirname(at)) {
    const pkg = join(at, 'node_modules', name!);
    if (existsSync(pkg)) {
      if (subpath) return join(pkg, subpath);
      const main = packageMain(pkg);
      const entry = main ?? PACKAGE_ENTRIES.map((e) => join(pkg, e)).find((p) => existsSync(p));
      if (!entry)
        throw configError(
          `${from}: extends ${JSON.stringify(spec)}: package ${pkg} has no "main" YAML or JSON file and none of ${PACKAGE_ENTRIES.join(', ')}`,
        );
      return entry;
    }
    if (dirname(at) === at) break;
  }
  throw configError(
    `${from}: extends ${JSON.stringify(spec)}: package not found in any node_modules above ${dir} (install it${name!.startsWith('@') ? '' : `, or use a relative path such as ./${spec}.yaml`})`,
  );
}

/** The package's `main`, when it is a YAML or JSON file inside the package. */
function packageMain(pkg: string): string | undefined {
  try {
    const manifest = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { main?: unknown };
    if (typeof manifest.main !== 'string' || !/\.(?:ya?ml|json)$/i.test(manifest.main)) return undefined;
    const main = resolve(pkg, manifest.main);
    return relative(pkg, main).startsWith('..') ? undefined : main;
  } catch {
    return undefined;
  }
}

/** Refuses what is not a regular file of configuration size, before anything reads it. */
export function checkConfigFile(path: string, what: string): void {
  let stats;
  try {
    stats = statSync(path);
  } catch (error) {
    throw configError(`${path}: cannot read ${what} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  // `--config /dev/null` is the usual way to say "no configuration": it reads as empty.
  if (!stats.isFile() && path !== devNull) throw configError(`${path}: cannot read ${what} (not a regular file)`);
  if (stats.size > MAX_CONFIG_BYTES)
    throw configError(`${path}: ${what} is larger than 64 MiB; that is not a configuration`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** `over` on top of `base`: lists concatenate (base first), mappings merge, anything else is replaced. */
export function mergeConfigs(base: ConfigFile, over: ConfigFile): ConfigFile {
  return mergeValues(base, over) as ConfigFile;
}

function mergeValues(base: unknown, over: unknown): unknown {
  if (Array.isArray(base) && Array.isArray(over)) return [...base, ...over];
  if (isPlainObject(base) && isPlainObject(over)) {
    const merged: Record<string, unknown> = { ...base };
    for (const [key, value] of Object.entries(over)) merged[key] = key in base ? mergeValues(base[key], value) : value;
    return merged;
  }
  return over;
}

/**
 * Paths in a file are relative to that file: made absolute before merging, so a base's
 * `detectors.custom` still names its own folder once merged into a config elsewhere.
 */
export function anchorPaths(file: ConfigFile, path: string, label: string): ConfigFile {
  const dir = dirname(path);
  const out: ConfigFile = { ...file };
  if (out.baseline) out.baseline = resolve(dir, out.baseline);
  if (out.detectors?.custom)
    out.detectors = { ...out.detectors, custom: out.detectors.custom.map((p) => resolve(dir, p)) };
  if (out.guard && typeof out.guard.log === 'string') out.guard = { ...out.guard, log: resolve(dir, out.guard.log) };
  if (out.allowlist)
    out.allowlist = out.allowlist.map((entry, i) => ({ ...entry, origin: `${label} allowlist[${i}]` }));
  return out;
}

/**
 * Loads `path` and everything it extends, merged. `parse` reads and validates one file (throws a
 * configError naming it); `chain` is the files above this one, for the cycle check.
 */
export function loadConfigChain(
  path: string,
  parse: (path: string) => ConfigFile,
  top = path,
  chain: readonly string[] = [],
): { file: ConfigFile; sources: string[] } {
  const base = dirname(top);
  if (chain.includes(path)) {
    throw configError(`${chain[0]}: extends cycle: ${[...chain, path].map((p) => shownPath(p, base)).join(' → ')}`);
  }
  if (chain.length > MAX_EXTENDS_DEPTH) {
    throw configError(
      `${chain[0]}: extends goes more than ${MAX_EXTENDS_DEPTH} files deep (${[...chain, path].map((p) => shownPath(p, base)).join(' → ')})`,
    );
  }
  checkConfigFile(path, chain.length === 0 ? 'config file' : `config file (extended by ${chain.at(-1)})`);
  const own = parse(path);
  const specs = own.extends === undefined ? [] : Array.isArray(own.extends) ? own.extends : [own.extends];
  const { extends: _extends, $schema: _schema, ...rest } = own;
  const label = shownPath(path, base);
  // The top file's paths stay relative: the resolver anchors them to its folder as before.
  const anchored =
    chain.length === 0
      ? {
          ...rest,
          ...(rest.allowlist
            ? { allowlist: rest.allowlist.map((e, i) => ({ ...e, origin: `${label} allowlist[${i}]` })) }
            : {}),
        }
      : anchorPaths(rest, path, label);
  let merged: ConfigFile = {};
  const sources = [path];
  for (const spec of specs) {
    const target = resolveExtends(spec, path);
    const loaded = loadConfigChain(target, parse, top, [...chain, path]);
    merged = mergeConfigs(merged, loaded.file);
    for (const s of loaded.sources) sources.push(s);
  }
  return { file: mergeConfigs(merged, anchored), sources };
}
