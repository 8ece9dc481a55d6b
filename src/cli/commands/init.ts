// `tokenscope init [DIR]`: writes a commented starter `.tokenscope.yaml` (every key at its
// default, with an `e.g.` line under each showing a typical value). Never overwrites a config.

import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { CONFIG_NAMES } from '../../config/load.js';
import { configError, usageError } from '../../util/errors.js';
import type { CliIo } from '../io.js';

const INSTALLED_SCHEMA = join('node_modules', 'tokenscope', 'schemas', 'config.schema.json');

/**
 * Where an editor in `dir` finds the schema: the project's own install of tokenscope, relative
 * to `dir` (a committed file must work on every clone, so never this machine's absolute path,
 * and never a registry URL, which does not resolve for an unpublished or private version).
 * `installed` is false when no install was found: the reference then points where
 * `npm install --save-dev tokenscope` in the nearest package.json folder (else `dir`) puts it.
 */
export function schemaReference(dir: string): { reference: string; installed: boolean } {
  let project: string | undefined;
  for (let at = resolve(dir); ; at = dirname(at)) {
    const installed = join(at, INSTALLED_SCHEMA);
    if (existsSync(installed)) return { reference: dotRelative(relative(dir, installed)), installed: true };
    project ??= existsSync(join(at, 'package.json')) ? at : undefined;
    if (existsSync(join(at, '.git')) || dirname(at) === at) break;
  }
  return { reference: dotRelative(relative(dir, join(project ?? resolve(dir), INSTALLED_SCHEMA))), installed: false };
}

/** A relative path as a YAML schema reference: POSIX separators, starting with `.`. */
function dotRelative(path: string): string {
  const posix = path.split(sep).join('/');
  return posix.startsWith('.') ? posix : `./${posix}`;
}

export function starterConfig(schema: string): string {
  return `# yaml-language-server: $schema=${schema}
# tokenscope configuration, found from the scanned folder upward to the repository root
# (or given with --config). Every key is optional; the values below are the defaults.
# Each "e.g." line shows a typical value: put it in place of the line above it.

# Exit 1 when a finding is at or above this level: error, warning, note or none.
failOn: warning

# Files larger than this are skipped, and counted in the summary.
maxFileSize: 10MB
# e.g. maxFileSize: 2MB

# Skip dependency trees, VCS metadata and tool caches (node_modules/, .venv/, ...).
defaultExcludes: true

# Configurations this one builds on: files relative to this one, or installed packages.
# Lists concatenate, scalars here win; URLs are not fetched (docs/configuration.md).
extends: []
# e.g. extends: ["@acme/tokenscope-config", ../shared/tokenscope.yaml]

# Gitignore-style patterns, relative to the repository root, that are not scanned.
exclude: []
# e.g. exclude: [dist/, "**/*.min.js", "vendor/**"]

# Accepted findings, written by \`tokenscope baseline -o .tokenscope-baseline.json\`
# (relative to this file). Baselined findings are hidden; new secrets are still reported.
# e.g. baseline: .tokenscope-baseline.json

detectors:
  # Detectors that do not run: ids, providers or globs (\`tokenscope detectors\` lists them).
  # To run only some, add "only: [github, stripe.*]" (--detectors replaces it for one run).
  disable: []
  # e.g. disable: [generic.password, "generic.*"]
  # The level of a detector's findings (error, warning, note), or off.
  levels: {}
  # e.g. levels: { generic.password: note, stripe.secret-key-test: off }
  # Your own detector files or folders, same format as the built-in detectors/*.yaml
  # (relative to this file). Their patterns are checked for catastrophic backtracking.
  custom: []
  # e.g. custom: [.tokenscope/detectors/]

# Findings that are acceptable. Each entry needs a reason; its fields must all match.
# Prefer an inline "tokenscope:ignore <detector-id> -- <reason>" next to the value.
# Criteria: paths (globs), pathRegexes, detectors, values (regexes on the value), stopwords, fingerprints.
allowlist: []
# e.g. allowlist: [{ paths: ["docs/**"], detectors: [stripe.secret-key-test], reason: documented sandbox keys }]

policy:
  # Per-path limits: a finding above its limit is tagged overbroad.
  limits: []
  # e.g. limits: [{ paths: ["test/**", "**/fixtures/**"], maxPrivilege: read, reason: fixtures must not hold write credentials }]
`;
}

export function runInitCommand(io: CliIo, dir: string | undefined): number {
  const target = resolve(io.cwd, dir ?? '.');
  if (!existsSync(target)) throw usageError(`${target}: no such directory`);
  const existing = CONFIG_NAMES.map((name) => join(target, name)).find((path) => existsSync(path));
  if (existing)
    throw configError(`${existing}: a configuration file already exists; edit it, or delete it to start over`);
  const path = join(target, CONFIG_NAMES[0]);
  const schema = schemaReference(target);
  try {
    // `wx`: fails rather than replacing a file created in the meantime.
    writeFileSync(path, starterConfig(schema.reference), { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    if (code === 'EEXIST')
      throw configError(`${path}: a configuration file already exists; edit it, or delete it to start over`);
    throw configError(`${path}: cannot write (${code})`);
  }
  io.stdout(`wrote ${relative(io.cwd, path) || path}: edit it, then run \`tokenscope scan\`\n`);
  if (!schema.installed) {
    io.stdout(
      `its $schema (${schema.reference}) resolves once tokenscope is installed there: npm install --save-dev tokenscope\n`,
    );
  }
  return 0;
}
