// The Action runs the committed bundle in action/ (action.yml runs.main), never the sources: the
// bundle must be what scripts/bundle-action.mjs makes from the sources now. Rebuilt into a
// temporary folder and compared byte for byte, file by file; `npm run build:action` fixes a failure.

import { spawnSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { assertBuilt } from '../helpers/run-cli.js';
import { removeDir, tempDir } from '../helpers/tmp.js';

const ROOT = join(import.meta.dirname, '..', '..');
const COMMITTED = join(ROOT, 'action');
let fresh = '';

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(dir, path));
    }
  };
  walk(dir);
  return out;
}

beforeAll(() => {
  assertBuilt();
  fresh = tempDir('tokenscope-action-bundle-');
  const built = spawnSync(process.execPath, [join(ROOT, 'scripts', 'bundle-action.mjs'), fresh], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  expect(built.status, built.stderr).toBe(0);
}, 120_000);
afterAll(() => removeDir(fresh));

describe('the committed Action bundle', () => {
  it('holds exactly the files a fresh build writes, byte for byte (run `npm run build:action` and commit action/)', () => {
    const files = listFiles(fresh);
    expect(listFiles(COMMITTED)).toEqual(files);
    const stale = files.filter((name) => !readFileSync(join(COMMITTED, name)).equals(readFileSync(join(fresh, name))));
    expect(stale).toEqual([]);
  });

  it('is what action.yml runs, with the detectors and schemas beside it', () => {
    const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { runs: { using: string; main: string } };
    expect(action.runs).toEqual({ using: 'node24', main: 'action/main.js' });
    const files = listFiles(COMMITTED);
    expect(files).toContain('main.js');
    expect(files).toContain('worker.js');
    expect(files).toContain('detectors.json');
    expect(files).toContain('schemas/config.schema.json');
    expect(JSON.parse(readFileSync(join(COMMITTED, 'package.json'), 'utf8'))).toMatchObject({ type: 'module', version: JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version });
  });

  it('loads nothing from node_modules: every import is a bundle file or a Node built-in, and so is every require()', () => {
    const builtin = (s: string): boolean => s.startsWith('node:') || builtinModules.includes(s.split('/')[0]!) || builtinModules.includes(s);
    for (const name of listFiles(COMMITTED).filter((n) => n.endsWith('.js'))) {
      const text = readFileSync(join(COMMITTED, name), 'utf8');
      // esbuild's ESM output: `import{a as b}from"./chunk-X.js"`, `import"node:fs"`, `import("./chunk-Y.js")`.
      const imports = [...text.matchAll(/(?:^|[;}\n])import\s*(?:[\w$*{}\s,]+from\s*)?"([^"]+)"|\bimport\("([^"]+)"\)/g)].map((m) => m[1] ?? m[2]!);
      if (name === 'main.js') expect(imports.length).toBeGreaterThan(0);
      // Message templates inside the bundled compiler (`import "{0}"`) are text, not specifiers.
      const specifiers = imports.filter((s) => /^[\w@.][\w@./:-]*$/.test(s));
      expect(specifiers.filter((s) => !s.startsWith('./') && !builtin(s)), name).toEqual([]);
      // ajv keeps `'require("ajv/dist/runtime/…")'` as text for standalone code generation, which the scan never uses.
      const required = [...text.matchAll(/(?<![`'"])\brequire\("([^"]+)"\)/g)].map((m) => m[1]!);
      expect(required.filter((s) => !builtin(s)), name).toEqual([]);
    }
  });
});
