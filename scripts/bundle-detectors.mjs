// Build step: validates the built-in detectors (schema + structural checks) and writes them,
// without their examples, to dist/detectors.json so start-up skips YAML parsing, and the
// prefilter automaton of that catalogue to dist/prefilter.bin so start-up skips building it.
import { rmSync, writeFileSync } from 'node:fs';
import { builtinDetectorSources, loadDetectorFiles } from '../dist/catalog/load.js';
import { checkDetectorFiles, formatProblem } from '../dist/pipeline/check-detectors.js';
import { detectorBundlePath, prefilterBundlePath } from '../dist/util/paths.js';
import { buildDetectorSet } from '../dist/detect/compile.js';
import { serializeAutomaton } from '../dist/detect/prefilter.js';

const loaded = loadDetectorFiles(builtinDetectorSources());
const problems = [...loaded.errors, ...checkDetectorFiles(loaded.files, { examples: false }).map(formatProblem)];
if (problems.length > 0) {
  console.error(`bundle-detectors: ${problems.length} problem(s) in detectors/:\n${problems.join('\n')}`);
  process.exit(1);
}
const bundle = loaded.files.map(({ file }) => ({
  ...file,
  detectors: file.detectors.map(({ examples: _examples, ...rest }) => ({
    ...rest,
    examples: { positive: [], negative: [] },
  })),
}));
writeFileSync(detectorBundlePath, JSON.stringify(bundle));
// Built from the same list a scan loads (the JSON just written), after removing the old file so
// the set is built, not read back.
rmSync(prefilterBundlePath, { force: true });
const reloaded = JSON.parse(JSON.stringify(bundle));
writeFileSync(prefilterBundlePath, serializeAutomaton(buildDetectorSet(reloaded).automaton));
const count = bundle.reduce((n, f) => n + f.detectors.length, 0);
console.log(`bundle-detectors: ${count} detectors from ${bundle.length} files → ${detectorBundlePath}`);
