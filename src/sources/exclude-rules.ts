// Gitignore-style exclude lists (config `exclude`, the default excludes) that stay fast when
// long: plain names and paths — the usual shape of a generated list — are set lookups, and only
// patterns with wildcards go to `ignore`, which tests every rule against every path (200,000
// entries took minutes). With a `!` rule anywhere, order decides, so `ignore` takes them all.

import ignore, { type Ignore } from 'ignore';

const WILDCARD = /[*?[\\]/;

export class ExcludeRules {
  /** Names matched at any depth: `secrets.txt`, `build/` (dirOnly). */
  private readonly names = new Set<string>();
  private readonly dirNames = new Set<string>();
  /** Root-relative paths: `/dist`, `config/local.yml`, `a/b/` (dirOnly). */
  private readonly paths = new Set<string>();
  private readonly dirPaths = new Set<string>();
  /** `*.log`, `*.tar.gz`: a name ending in one of these, at any depth. */
  private readonly suffixes = new Set<string>();
  private readonly rest: Ignore | undefined;
  readonly empty: boolean;

  constructor(patterns: readonly string[]) {
    const lines = patterns.flatMap((p) => p.split(/\r?\n/));
    const negated = lines.some((l) => l.trimStart().startsWith('!'));
    const others: string[] = [];
    for (const raw of lines) {
      const line = raw.replace(/\s+$/, '');
      if (line === '' || line.startsWith('#')) continue;
      if (negated) {
        others.push(line);
        continue;
      }
      // The usual wildcard shapes become set lookups too: `**/name`, `name/**`, `*.ext`.
      let shaped = line;
      let forceUnanchored = false;
      if (shaped.startsWith('**/')) {
        shaped = shaped.slice(3);
        forceUnanchored = true;
      }
      if (shaped.endsWith('/**')) shaped = `${shaped.slice(0, -3)}/`;
      const suffix = /^\*(\.[^*?[\\/]+)$/.exec(shaped);
      if (suffix) {
        this.suffixes.add(suffix[1]!);
        continue;
      }
      if (WILDCARD.test(shaped) || (forceUnanchored && shaped.replace(/\/$/, '').includes('/'))) {
        others.push(line);
        continue;
      }
      const dirOnly = shaped.endsWith('/');
      let body = dirOnly ? shaped.replace(/\/+$/, '') : shaped;
      // A slash before the end anchors the pattern to the root (`foo/**` and `a/b` do, `foo/` does not).
      const anchored = !forceUnanchored && line.replace(/\/+$/, '').includes('/');
      body = body.replace(/^\/+/, '');
      if (body === '' || body === '.' || body === '..') continue;
      if (anchored) (dirOnly ? this.dirPaths : this.paths).add(body);
      else (dirOnly ? this.dirNames : this.names).add(body);
    }
    this.rest = others.length > 0 ? ignore({ allowRelativePaths: true }).add(others) : undefined;
    this.empty =
      this.rest === undefined &&
      this.names.size + this.dirNames.size + this.paths.size + this.dirPaths.size + this.suffixes.size === 0;
  }

  /** `rel` is root-relative POSIX; a folder ends with '/'. Folders above `rel` count too. */
  ignores(rel: string): boolean {
    if (this.empty) return false;
    const isDir = rel.endsWith('/');
    const path = isDir ? rel.slice(0, -1) : rel;
    let from = 0;
    for (;;) {
      const slash = path.indexOf('/', from);
      const last = slash < 0;
      const name = path.slice(from, last ? path.length : slash);
      const prefix = last ? path : path.slice(0, slash);
      const dir = !last || isDir;
      if (this.names.has(name) || this.paths.has(prefix) || this.hasSuffix(name)) return true;
      if (dir && (this.dirNames.has(name) || this.dirPaths.has(prefix))) return true;
      if (last) break;
      from = slash + 1;
    }
    return this.rest !== undefined && path !== '' && this.rest.ignores(rel);
  }

  private hasSuffix(name: string): boolean {
    if (this.suffixes.size === 0) return false;
    for (let dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.', dot + 1)) {
      if (this.suffixes.has(name.slice(dot))) return true;
    }
    return false;
  }
}
