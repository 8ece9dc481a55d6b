// Build step: bundles the command line into dist/cli-bundle.cjs with a small bin beside it,
// dist/cli.cjs (package.json `bin`, from src/bin.ts; dist/cli.js is the same bin as an ES
// module), and the scan worker into dist/worker.js. A
// pre-commit hook pays Node's module resolution for every file it loads, and so does every
// worker thread of a large scan; one file each cuts start-up by about a third. Heavy, rarely
// needed modules stay outside and load on demand (typescript-estree for the AST pass, ajv and yaml
// for config files); the library API keeps tsc's per-module output in dist/.
//
// The CLI bundle is CommonJS so the bin can compile it with vm.Script and V8's code cache
// (src/cli/code-cache.ts): `import.meta.url` becomes a parameter of the bin's wrapper, dynamic
// imports become require(), and the bin is told the bundle's hash, which keys the cache.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { escapeNonAscii } from './lib-generated.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'bundle',
  external: ['@typescript-eslint/typescript-estree', 'typescript', 'ajv', 'ajv/*', 'ajv-draft-04', 'yaml'],
  // CommonJS dependencies (commander) call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __tokenscopeRequire } from 'node:module'; const require = __tokenscopeRequire(import.meta.url);",
  },
  legalComments: 'none',
  logLevel: 'warning',
};
// Built-ins most runs never call but a bundle would load at start-up (esbuild hoists each
// `import` to a require() when the module is first evaluated): node:crypto costs a pre-commit
// scan 2–6 ms and is called only for findings, long lines and reports; node:worker_threads only
// for a worker pool or a user regex check. Each is replaced by a module of wrapper functions that
// load the real one on first call. Only function exports are wrapped: an import of anything else
// (a constant, an object) does not resolve, and the build fails instead of misbehaving.
const LAZY_BUILTINS = ['node:crypto', 'node:worker_threads'];
async function lazyBuiltinSource(name) {
  const real = await import(name);
  const names = Object.keys(real).filter((key) => key !== 'default' && typeof real[key] === 'function');
  const wrappers = names.map(
    (key) =>
      `export function ${key}(...args) { const f = load().${key}; return new.target ? new f(...args) : f.apply(this, args); }`,
  );
  return [`let real;`, `const load = () => (real ??= require(${JSON.stringify(name)}));`, ...wrappers].join('\n');
}
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(b) {
    const filter = new RegExp(`^(${LAZY_BUILTINS.join('|')})$`);
    b.onResolve({ filter }, (args) =>
      args.namespace === 'lazy-builtin'
        ? { path: args.path, external: true }
        : { path: args.path, namespace: 'lazy-builtin' },
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, async (args) => ({
      contents: await lazyBuiltinSource(args.path),
      loader: 'js',
    }));
  },
};

/**
 * Node reads an ASCII source into a one-byte string without decoding it; a few characters past
 * ASCII made the bin decode the whole 900 KB bundle as UTF-8 into a two-byte string (~1.5 ms of
 * every run, twice the memory). esbuild escapes them in strings and templates but leaves them in
 * regex literals and comments, where a \u escape means the same character (a surrogate pair too,
 * with or without the u flag): unless a backslash precedes one, which the build refuses.
 */
function asciiOnly(file) {
  const text = readFileSync(file, 'utf8');
  const escaped = escapeNonAscii(text, (at) => {
    if (text[at - 1] === '\\') throw new Error(`bundle-cli: ${file}: an escaped non-ASCII character at ${at}`);
  });
  if (escaped !== text) writeFileSync(file, escaped);
}

const cliBundle = join(root, 'dist', 'cli-bundle.cjs');
await build({
  ...common,
  format: 'cjs',
  banner: {},
  define: { 'import.meta.url': '__tokenscopeModuleUrl' },
  supported: { 'dynamic-import': false },
  plugins: [lazyBuiltins],
  entryPoints: [join(root, 'src', 'cli', 'main.ts')],
  outfile: cliBundle,
});
asciiOnly(cliBundle);
const bundleHash = createHash('sha256').update(readFileSync(cliBundle)).digest('hex').slice(0, 16);
const bin = {
  ...common,
  banner: {},
  define: { __TOKENSCOPE_CLI_BUNDLE_HASH__: JSON.stringify(bundleHash) },
  entryPoints: [join(root, 'src', 'bin.ts')],
};
await build({ ...bin, outfile: join(root, 'dist', 'cli.js') });
// The same bin as CommonJS, dist/cli.cjs: what package.json `bin` and the pre-commit hook run.
// Node starts a CommonJS entry without its ES-module loader, ~5 ms sooner on every commit;
// dist/cli.js stays for the hooks and scripts that already name it.
await build({
  ...bin,
  format: 'cjs',
  define: { ...bin.define, 'import.meta.url': '__tokenscopeBinUrl' },
  // Strict first, as the ES module is: esbuild's own directive lands after the banner.
  banner: { js: '"use strict";\nconst __tokenscopeBinUrl = require("node:url").pathToFileURL(__filename).href;' },
  outfile: join(root, 'dist', 'cli.cjs'),
});
await build({
  ...common,
  entryPoints: [join(root, 'src', 'pipeline', 'worker.ts')],
  outfile: join(root, 'dist', 'worker.js'),
});
// The agent hook (tokenscope guard) runs on every tool call: its own entry, without commander,
// split so the detector catalogue and the walker sit in chunks loaded only when a decision needs
// them; a harmless call pays little more than Node's start-up. Chunks live beside guard.js in
// dist/, so modules that find the package from import.meta.url still resolve it.
for (const name of readdirSync(join(root, 'dist')))
  if (name.startsWith('guard-chunk-')) rmSync(join(root, 'dist', name));
await build({
  ...common,
  entryPoints: { guard: join(root, 'src', 'guard', 'bin.ts') },
  outdir: join(root, 'dist'),
  splitting: true,
  chunkNames: 'guard-chunk-[hash]',
});
console.log('bundle-cli: dist/cli.cjs, dist/cli.js, dist/cli-bundle.cjs, dist/worker.js, dist/guard.js');
