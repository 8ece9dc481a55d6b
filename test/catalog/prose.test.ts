// The built-in catalogue in three files: detection reads dist/detectors.json, each pattern comes
// from dist/detectors-patterns.json when its detector first runs, and the prose (description,
// remediation, references) from dist/detectors-prose.json only when a report, a listing or the
// docs read it. Patterns and prose must be exactly what detectors/*.yaml says, and a missing or
// damaged file must be one line naming it, never a stack trace or a wrong report.

import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  builtinDetectorSources,
  loadBuiltinCatalogue,
  loadBuiltinDetectors,
  loadDetectorFiles,
  PROSE_FIELDS,
  readProseBundle,
} from '../../src/catalog/load.js';
import { PatternTable } from '../../src/catalog/builtin.js';
import { TokenscopeError } from '../../src/util/errors.js';
import { assertBuilt } from '../helpers/run-cli.js';
import { removeDir, tempDir, writeFiles } from '../helpers/tmp.js';
import { githubPat } from '../helpers/tokens.js';

const ROOT = join(import.meta.dirname, '..', '..');
const DIST = join(ROOT, 'dist');
const dirs: string[] = [];
beforeAll(assertBuilt);
afterAll(() => dirs.forEach(removeDir));
function dir(): string {
  const d = tempDir('tokenscope-prose-');
  dirs.push(d);
  return d;
}

describe('the split catalogue', () => {
  it('keeps patterns and prose out of dist/detectors.json, and all three files ASCII', () => {
    for (const name of ['detectors.json', 'detectors-patterns.json', 'detectors-prose.json'])
      expect(
        readFileSync(join(DIST, name)).every((b) => b < 0x80),
        name,
      ).toBe(true);
    const text = readFileSync(join(DIST, 'detectors.json'), 'latin1');
    for (const field of [...PROSE_FIELDS, 'examples', 'pattern'])
      expect(text.includes(`"${field}":`), field).toBe(false);
  });

  it('gives every built-in definition the prose of its YAML source, read on demand', () => {
    const sources = new Map(
      loadDetectorFiles(builtinDetectorSources()).files.flatMap(({ file }) => file.detectors.map((d) => [d.id, d])),
    );
    const catalogue = loadBuiltinCatalogue().flatMap((f) => f.detectors);
    expect(catalogue.length).toBe(sources.size);
    for (const def of catalogue) {
      const source = sources.get(def.id)!;
      expect(def.description, def.id).toBe(source.description);
      expect(def.remediation, def.id).toBe(source.remediation);
      expect(def.references, def.id).toEqual(source.references);
      expect(def.name, def.id).toBe(source.name);
      expect(def.pattern, def.id).toBe(source.pattern);
      expect(def.examples).toEqual({ positive: [], negative: [] });
    }
  });

  it('loadBuiltinDetectors gives plain data: the prose survives JSON and a spread', () => {
    const plain = loadBuiltinDetectors()[0]!.detectors[0]!;
    const lazy = loadBuiltinCatalogue()[0]!.detectors[0]!;
    const copied = JSON.parse(JSON.stringify(plain)) as typeof plain;
    expect(copied.description).toBe(lazy.description);
    expect({ ...plain }.remediation).toBe(lazy.remediation);
    expect(copied.examples).toEqual({ positive: [], negative: [] });
  });

  it('lets a caller assign a prose field on a built-in definition', () => {
    const def = loadBuiltinCatalogue()[0]!.detectors[0]!;
    def.description = 'replaced';
    expect(def.description).toBe('replaced');
    expect(Object.keys(def)).toContain('description');
  });
});

describe('a damaged patterns file', () => {
  const patterns = readFileSync(join(DIST, 'detectors-patterns.json'), 'latin1');
  const count = patterns.split('\n').length - 3;
  const problem = (text: string | undefined, read = 0): string => {
    const file = join(dir(), 'detectors-patterns.json');
    if (text !== undefined) writeFileSync(file, text);
    try {
      new PatternTable(file, count).get(read);
    } catch (error) {
      expect(error).toBeInstanceOf(TokenscopeError);
      expect((error as Error).message).not.toContain('\n');
      return (error as Error).message;
    }
    throw new Error('no error');
  };

  it('reads each pattern as written, the last one too', () => {
    const table = new PatternTable(join(DIST, 'detectors-patterns.json'), count);
    const all = JSON.parse(patterns) as string[];
    expect(all).toHaveLength(count);
    for (const i of [0, 1, Math.floor(count / 2), count - 1]) expect(table.get(i)).toBe(all[i]);
  });

  it('is one error naming the file: missing, truncated, another build, a damaged line', () => {
    expect(problem(undefined)).toMatch(/detectors-patterns\.json: cannot read the detector patterns \(ENOENT\)/);
    expect(problem(patterns.slice(0, patterns.length >> 1))).toMatch(
      /detectors-patterns\.json: not the \d+ detector patterns/,
    );
    expect(problem(`[\n"a",\n"b"\n]\n`)).toContain(`not the ${count} detector patterns`);
    const lines = patterns.split('\n');
    lines[1] = `"${lines[1]!.slice(1, 20)}`;
    expect(problem(lines.join('\n'), 0)).toMatch(/detectors-patterns\.json: pattern 0 is damaged/);
  });
});

describe('a damaged prose file', () => {
  const problem = (path: string): string => {
    try {
      readProseBundle(path);
    } catch (error) {
      expect(error).toBeInstanceOf(TokenscopeError);
      return (error as Error).message;
    }
    throw new Error('no error');
  };

  it('is one error naming the file: missing, truncated, another format, a bad entry', () => {
    const d = dir();
    const file = join(d, 'detectors-prose.json');
    expect(problem(file)).toMatch(
      /^.*detectors-prose\.json: cannot read the detectors' descriptions \(ENOENT\); reinstall/,
    );
    writeFileSync(file, readFileSync(join(DIST, 'detectors-prose.json')).subarray(0, 5000));
    expect(problem(file)).toContain(`${file}: the detectors' descriptions are not valid JSON`);
    writeFileSync(file, '[]');
    expect(problem(file)).toContain(`${file}: not a detector prose file of format 1`);
    writeFileSync(file, JSON.stringify({ format: 1, detectors: { 'x.y': { description: 'd', remediation: 'r' } } }));
    expect(problem(file)).toContain(`${file}: the entry for x.y is not a description, remediation and references`);
    for (const message of [problem(join(d, 'none.json')), problem(file)]) expect(message).not.toContain('\n');
  });
});

/** An installed copy of the package whose dist/detectors-prose.json holds `prose` (or none). */
function installWithProse(prose: string | undefined): string {
  const pkg = dir();
  mkdirSync(join(pkg, 'dist'));
  for (const name of [
    'cli.cjs',
    'cli-bundle.cjs',
    'worker.js',
    'detectors.json',
    'detectors-patterns.json',
    'prefilter.bin',
  ])
    copyFileSync(join(DIST, name), join(pkg, 'dist', name));
  if (prose !== undefined) writeFileSync(join(pkg, 'dist', 'detectors-prose.json'), prose);
  copyFileSync(join(ROOT, 'package.json'), join(pkg, 'package.json'));
  for (const name of ['node_modules', 'schemas', 'detectors']) symlinkSync(join(ROOT, name), join(pkg, name));
  return pkg;
}

describe('the CLI with a damaged prose file', () => {
  function run(pkg: string, args: string[], cwd: string): { status: number; stdout: string; stderr: string } {
    const r = spawnSync(process.execPath, [join(pkg, 'dist', 'cli.cjs'), ...args], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', TOKENSCOPE_NO_CODE_CACHE: '1' },
    });
    return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  }

  it('still gives text and JSON reports (which never read the prose); SARIF stops with one line naming the file', () => {
    const project = dir();
    writeFiles(project, { 'app.env': `A=1\nGITHUB_TOKEN=${githubPat()}\n`, 'clean.txt': 'nothing here\n' });
    for (const [label, pkg] of [
      ['missing', installWithProse(undefined)],
      ['truncated', installWithProse(readFileSync(join(DIST, 'detectors-prose.json'), 'latin1').slice(0, 1000))],
    ] as const) {
      const prose = join(pkg, 'dist', 'detectors-prose.json');
      const text = run(pkg, ['scan', 'app.env'], project);
      expect(text.status, label).toBe(1);
      expect(text.stdout, label).toContain('github.');
      for (const format of ['sarif']) {
        const report = run(pkg, ['scan', '--format', format, 'app.env'], project);
        expect(report.status, `${label} ${format}`).toBe(2);
        expect(report.stdout, `${label} ${format}`).toBe('');
        expect(report.stderr, `${label} ${format}`).toMatch(
          new RegExp(
            `^tokenscope: ${prose.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: [^\n]*reinstall tokenscope[^\n]*\n$`,
          ),
        );
      }
      // The JSON report lists no rules, so it never needs the prose either.
      const json = run(pkg, ['scan', '--format', 'json', 'app.env'], project);
      expect(json.status, label).toBe(1);
      expect((JSON.parse(json.stdout) as { findings: unknown[] }).findings.length, label).toBeGreaterThan(0);
      const listing = run(pkg, ['detectors', 'github.classic-pat'], project);
      expect(listing.status, label).toBe(2);
      expect(listing.stderr.split('\n').filter(Boolean), label).toHaveLength(1);
    }
  });

  it('without its patterns file stops at once with one line naming it', () => {
    const project = dir();
    writeFiles(project, { 'clean.txt': 'nothing here\n' });
    const pkg = installWithProse(readFileSync(join(DIST, 'detectors-prose.json'), 'latin1'));
    const patterns = join(pkg, 'dist', 'detectors-patterns.json');
    rmSync(patterns);
    const result = run(pkg, ['scan', 'clean.txt'], project);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      `tokenscope: ${patterns}: cannot read the detector patterns (ENOENT); reinstall tokenscope (or run \`npm run build\`)\n`,
    );
  });
});
