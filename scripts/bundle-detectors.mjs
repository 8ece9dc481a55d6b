// Build step: validates the built-in detectors (schema + structural checks) and writes them,
// without their examples, so start-up skips YAML parsing (src/catalog/builtin.ts reads them):
// what detection reads to dist/detectors.json, the patterns one per line to
// dist/detectors-patterns.json (each parsed when its detector first runs), the prose
// (description, remediation, references, read only by reports, listings and docs) to
// dist/detectors-prose.json, and the prefilter automaton of that catalogue to dist/prefilter.bin
// so start-up skips building it. The JSON files are ASCII (other characters as \u escapes): Node
// reads an ASCII file into a one-byte string without decoding it, several times faster than the
// same bytes with a few characters past ASCII.
import { rmSync, writeFileSync } from 'node:fs';
import { builtinDetectorSources, loadDetectorFiles, PROSE_FIELDS, PROSE_FORMAT } from '../dist/catalog/load.js';
import { checkDetectorFiles, formatProblem } from '../dist/pipeline/check-detectors.js';
import {
  detectorBundlePath,
  detectorPatternsBundlePath,
  detectorProseBundlePath,
  prefilterBundlePath,
} from '../dist/util/paths.js';
import { buildDetectorSet } from '../dist/detect/compile.js';
import { serializeAutomaton } from '../dist/detect/prefilter.js';
import { escapeNonAscii } from './lib-generated.mjs';

const loaded = loadDetectorFiles(builtinDetectorSources());
const problems = [...loaded.errors, ...checkDetectorFiles(loaded.files, { examples: false }).map(formatProblem)];
if (problems.length > 0) {
  console.error(`bundle-detectors: ${problems.length} problem(s) in detectors/:\n${problems.join('\n')}`);
  process.exit(1);
}
/** JSON with every character past ASCII escaped (they occur only inside strings). */
const asciiJson = (value) => escapeNonAscii(JSON.stringify(value));
const prose = {};
const patterns = [];
const bundle = loaded.files.map(({ file }) => ({
  ...file,
  // The loader gives every built-in definition empty examples and reads patterns and prose on demand.
  detectors: file.detectors.map(({ examples: _examples, pattern, ...rest }) => {
    patterns.push(pattern);
    const entry = {};
    for (const field of PROSE_FIELDS) {
      entry[field] = rest[field];
      delete rest[field];
    }
    prose[rest.id] = entry;
    return rest;
  }),
}));
writeFileSync(detectorBundlePath, asciiJson(bundle));
// JSON.stringify escapes line breaks, so each pattern is one line, in catalogue order.
writeFileSync(detectorPatternsBundlePath, `[\n${patterns.map(asciiJson).join(',\n')}\n]\n`);
writeFileSync(detectorProseBundlePath, asciiJson({ format: PROSE_FORMAT, detectors: prose }));
// Built from the same list a scan loads (the JSON just written), after removing the old file so
// the set is built, not read back.
rmSync(prefilterBundlePath, { force: true });
const reloaded = JSON.parse(JSON.stringify(bundle));
writeFileSync(prefilterBundlePath, serializeAutomaton(buildDetectorSet(reloaded).automaton));
const count = bundle.reduce((n, f) => n + f.detectors.length, 0);
console.log(
  `bundle-detectors: ${count} detectors from ${bundle.length} files → ${detectorBundlePath} (patterns and prose beside it)`,
);
