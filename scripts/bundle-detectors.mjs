// Build step: validates the built-in detectors (schema + structural checks) and writes them,
// without their examples, so start-up skips YAML parsing: what detection reads to
// dist/detectors.json, their prose (description, remediation, references: about half the bytes,
// read only by reports, listings and docs) to dist/detectors-prose.json, and the prefilter
// automaton of that catalogue to dist/prefilter.bin so start-up skips building it. Both JSON files
// are ASCII (other characters as \u escapes): Node reads an ASCII file into a one-byte string
// without decoding it, several times faster than the same bytes with a few characters past ASCII.
import { rmSync, writeFileSync } from 'node:fs';
import { builtinDetectorSources, loadDetectorFiles, PROSE_FIELDS, PROSE_FORMAT } from '../dist/catalog/load.js';
import { checkDetectorFiles, formatProblem } from '../dist/pipeline/check-detectors.js';
import { detectorBundlePath, detectorProseBundlePath, prefilterBundlePath } from '../dist/util/paths.js';
import { buildDetectorSet } from '../dist/detect/compile.js';
import { serializeAutomaton } from '../dist/detect/prefilter.js';

const loaded = loadDetectorFiles(builtinDetectorSources());
const problems = [...loaded.errors, ...checkDetectorFiles(loaded.files, { examples: false }).map(formatProblem)];
if (problems.length > 0) {
  console.error(`bundle-detectors: ${problems.length} problem(s) in detectors/:\n${problems.join('\n')}`);
  process.exit(1);
}
/** JSON with every character past ASCII escaped (they occur only inside strings). */
const asciiJson = (value) =>
  JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const prose = {};
const bundle = loaded.files.map(({ file }) => ({
  ...file,
  // The loader gives every built-in definition empty examples and reads the prose on demand.
  detectors: file.detectors.map(({ examples: _examples, ...rest }) => {
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
writeFileSync(detectorProseBundlePath, asciiJson({ format: PROSE_FORMAT, detectors: prose }));
// Built from the same list a scan loads (the JSON just written), after removing the old file so
// the set is built, not read back.
rmSync(prefilterBundlePath, { force: true });
const reloaded = JSON.parse(JSON.stringify(bundle));
writeFileSync(prefilterBundlePath, serializeAutomaton(buildDetectorSet(reloaded).automaton));
const count = bundle.reduce((n, f) => n + f.detectors.length, 0);
console.log(
  `bundle-detectors: ${count} detectors from ${bundle.length} files → ${detectorBundlePath} (prose beside it)`,
);
