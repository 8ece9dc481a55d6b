import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAstPass } from '../../src/detect/ast-pass.js';
import { buildDetectorSet } from '../../src/detect/compile.js';
import { detectInText } from '../../src/detect/engine.js';
import { findKeywords } from '../../src/detect/prefilter.js';
import { builtinDetectorSources, loadDetectorFiles } from '../../src/catalog/load.js';

const set = buildDetectorSet(loadDetectorFiles(builtinDetectorSources()).files.map((f) => f.file));
const pass = createAstPass(set)!;

function astFindings(code: string, path = 'src/client.ts') {
  const text = detectInText(code, path, set);
  const extra = pass(code, path, text, findKeywords(set.automaton, code));
  return {
    text,
    extra,
    all: [...text, ...extra.matches].map((m) => ({ id: m.detector.id, value: m.secret, key: m.keyName })),
  };
}

describe('AST pass', () => {
  it('finds a password passed to a login call, which the text pass cannot bind', () => {
    const code = "let conn = new jsforce.Connection();\nconn.login(config.user, 'Sf9!qLx2mZ', (err) => {});\n";
    const { text, extra } = astFindings(code, 'web/sf.js');
    expect(text).toHaveLength(0);
    expect(extra.matches.map((m) => [m.detector.id, m.secret])).toEqual([['generic.password', 'Sf9!qLx2mZ']]);
    expect(code.slice(extra.matches[0]!.start, extra.matches[0]!.end)).toBe('Sf9!qLx2mZ');
  });

  it('binds literals split over lines and passed to createClient(url, key)', () => {
    const code = [
      'const apiToken =',
      "  'Zt81Qm2xLp0Vc7Nb3Kw9Rs4y';",
      "export const client = createClient('https://abc.example.co', 'Vq3xLm8Rt2zKp0wYc6hNb4dQ');",
    ].join('\n');
    const values = astFindings(code).all.map((f) => f.value);
    expect(values).toEqual(expect.arrayContaining(['Zt81Qm2xLp0Vc7Nb3Kw9Rs4y', 'Vq3xLm8Rt2zKp0wYc6hNb4dQ']));
  });

  it('reads bearer tokens from header objects and leaves template expressions alone', () => {
    const code = [
      'fetch(url, {',
      '  headers: {',
      '    Authorization:',
      "      'Bearer q8Zr2Lx0Vt6mWc4Ny1Kp9Bs3Tq',",
      '  },',
      '});',
      'const other = { Authorization: `Bearer ${token}` };',
    ].join('\n');
    const found = astFindings(code).all;
    expect(found.map((f) => [f.id, f.value])).toEqual([['generic.bearer-token', 'q8Zr2Lx0Vt6mWc4Ny1Kp9Bs3Tq']]);
  });

  it('does not report identifiers, URLs or words bound to credential-like names', () => {
    const code = [
      "const tokenKey = 'access_token';",
      "const passwordLabel = 'Enter your password';",
      "const authUrl = 'https://login.example.com/oauth/authorize';",
      "const secretName = 'prod/db/credentials';",
      'const apiKey = process.env.API_KEY;',
    ].join('\n');
    expect(astFindings(code).all).toEqual([]);
  });

  it('falls back to the text pass with a one-line notice when the file does not parse', () => {
    const code =
      "const password = 'Hx7q!m2Pz';\nconst = = broken {{{\nclient.login(user, 'Vq3x_Lm8Rt2zKp0wYc6hNb4d')\n";
    const { text, extra } = astFindings(code, 'broken.ts');
    expect(text.length).toBeGreaterThan(0);
    expect(extra.matches).toEqual([]);
    expect(extra.notice).toMatch(/^not valid JavaScript\/TypeScript \(line \d+\): scanned as text only$/);
  });

  it('skips minified bundles', () => {
    const code = `var a={auth:"Zt81Qm2xLp0Vc7Nb3Kw9Rs4y"};${'x=1;'.repeat(2000)}`;
    expect(pass(code, 'dist/app.min.js', [], findKeywords(set.automaton, code)).matches).toEqual([]);
    // The long line need not be the first: any of the first 2,000 lines marks a bundle.
    const later = `// header\n\n${code}\n`;
    expect(pass(later, 'dist/app.min.js', [], findKeywords(set.automaton, later)).matches).toEqual([]);
  });

  it('does not load the parser when no file needs it', () => {
    const script = `
      import { scan } from ${JSON.stringify(join(import.meta.dirname, '..', '..', 'dist', 'index.js'))};
      import { createRequire } from 'node:module';
      import { mkdtempSync, writeFileSync } from 'node:fs';
      import { tmpdir } from 'node:os';
      import { join } from 'node:path';
      const dir = mkdtempSync(join(tmpdir(), 'ts-ast-'));
      writeFileSync(join(dir, 'index.js'), 'export const add = (a, b) => a + b; // no credentials here\\n');
      await scan({ paths: [dir], workers: 0 });
      const loaded = Object.keys(createRequire(import.meta.url).cache).some((k) => k.includes('typescript-estree'));
      console.log(loaded ? 'loaded' : 'not-loaded');
    `;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(out.trim()).toBe('not-loaded');
  });
});
