// The layer map and the ESLint rule that enforces it. Data flows up this list: a module may import
// from its own folder and from any layer listed before its own, never from a later one. CONTRIBUTING.md
// explains each layer; change this list and that file together.
import path from 'node:path';

/** Bottom first. A layer is a folder under src/ (or one file directly in src/). */
export const LAYERS = [
  ['util'], // no tokenscope imports: paths, errors, redaction, documents, user regexes
  ['model'], // the shared vocabulary: privilege and breadth, matches, candidates, sources, findings, config types
  ['providers'], // what each provider's tokens encode: checksums, decoders, verifiers, self-hosted hosts
  ['config'], // loading and checking configuration files
  ['sources'], // what to scan: the working tree, the git index, history, stdin
  ['catalog'], // the detector catalogue: definitions and loading
  ['detect'], // stage 1: keyword prefilter, patterns, validators, generic values, encoded layers
  ['scope'], // stage 2: what a match can do and how far it reaches
  ['policy'], // stage 3: overbroad, misplaced, level and severity
  ['suppress'], // stage 4: inline ignores, allowlists, baselines
  ['verify'], // stage 5 (opt-in): read-only lookups at the provider
  ['pipeline'], // the plan and the run that call one stage after another, in process or in workers
  ['report'], // SARIF, JSON, text, compact, HTML, GitHub
  ['guard', 'hook', 'org'], // front ends the CLI dispatches to
  ['cli'], // the command line
  ['action', 'index.ts', 'bin.ts'], // the GitHub Action, the library entry, the bin shim
];

const RANK = new Map(LAYERS.flatMap((names, rank) => names.map((name) => [name, rank])));

/** The layer of a repository-relative path under src/, or undefined outside it. */
export function layerOf(file) {
  const rel = file.split(path.sep).join('/');
  const at = rel.lastIndexOf('src/');
  if (at < 0) return undefined;
  const first = rel.slice(at + 4).split('/')[0];
  return RANK.has(first) ? first : undefined;
}

export const layersRule = {
  meta: {
    type: 'problem',
    docs: {
      description: 'imports follow the data flow: only from the same layer or a lower one (scripts/lint/layers.mjs)',
    },
    messages: {
      up: '{{from}} (layer {{fromRank}}) must not import {{to}} (layer {{toRank}}): imports point down the data flow; move the shared part to a lower layer',
      unknown: '{{name}} is not in the layer map (scripts/lint/layers.mjs): add it there and to CONTRIBUTING.md',
    },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const from = layerOf(file);
    if (!from) {
      const rel = file.split(path.sep).join('/');
      const at = rel.lastIndexOf('src/');
      if (at >= 0)
        context.report({
          loc: { line: 1, column: 0 },
          messageId: 'unknown',
          data: { name: rel.slice(at + 4).split('/')[0] },
        });
      return {};
    }
    function check(node, spec) {
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const to = layerOf(path.resolve(path.dirname(file), spec));
      if (!to || to === from) return;
      const fromRank = RANK.get(from);
      const toRank = RANK.get(to);
      if (toRank >= fromRank) context.report({ node, messageId: 'up', data: { from, to, fromRank, toRank } });
    }
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};
