// `tokenscope init [DIR]`: writes a commented starter `.tokenscope.yaml` (every key at its
// default, with an `e.g.` line under each showing a typical value). Never overwrites a config.

import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { CONFIG_NAMES } from '../../config/load.js';
import { configError, usageError } from '../../util/errors.js';
import { schemaPath } from '../../util/paths.js';
import { VERSION } from '../../util/version.js';
import type { CliIo } from '../io.js';

/** Where an editor in `dir` finds the schema: the local install, this package, or the npm CDN. */
export function schemaReference(dir: string): string {
  for (let at = resolve(dir); ; at = dirname(at)) {
    const installed = join(at, 'node_modules', 'tokenscope', 'schemas', 'config.schema.json');
    if (existsSync(installed)) return dotRelative(relative(dir, installed));
    if (dirname(at) === at) break;
  }
  // Run through npx or a global install: the schema of the package that is running, which exists
  // on this machine (a registry URL would not resolve for an unpublished or private version).
  const own = schemaPath('config.schema.json');
  if (existsSync(own)) {
    const fromDir = relative(dir, own);
    return fromDir.split(sep).filter((part) => part === '..').length <= 3 ? dotRelative(fromDir) : own;
  }
  return `https://unpkg.com/tokenscope@${VERSION}/schemas/config.schema.json`;
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

# Gitignore-style patterns, relative to the repository root, that are not scanned.
exclude: []
# e.g. exclude: [dist/, "**/*.min.js", "vendor/**"]

# Accepted findings, written by \`tokenscope baseline -o .tokenscope-baseline.json\`
# (relative to this file). Baselined findings are hidden; new secrets are still reported.
# e.g. baseline: .tokenscope-baseline.json

detectors:
  # Detector ids that do not run (\`tokenscope detectors\` lists them).
  disable: []
  # e.g. disable: [generic.password, generic.secret]
  # Your own detector files or folders, same format as the built-in detectors/*.yaml
  # (relative to this file). Their patterns are checked for catastrophic backtracking.
  custom: []
  # e.g. custom: [.tokenscope/detectors/]

# Findings that are acceptable. Each entry needs a reason; its fields must all match.
# Prefer an inline "tokenscope:ignore <detector-id> -- <reason>" next to the value.
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
  if (existing) throw configError(`${existing}: a configuration file already exists; edit it, or delete it to start over`);
  const path = join(target, CONFIG_NAMES[0]);
  try {
    // `wx`: fails rather than replacing a file created in the meantime.
    writeFileSync(path, starterConfig(schemaReference(target)), { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    if (code === 'EEXIST') throw configError(`${path}: a configuration file already exists; edit it, or delete it to start over`);
    throw configError(`${path}: cannot write (${code})`);
  }
  io.stdout(`wrote ${relative(io.cwd, path) || path}: edit it, then run \`tokenscope scan\`\n`);
  return 0;
}
