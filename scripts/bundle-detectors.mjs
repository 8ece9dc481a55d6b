// Build step: validates the built-in detectors (schema + structural checks) and writes them,
// without their examples, to dist/detectors.json so start-up skips YAML parsing.
import { writeFileSync } from 'node:fs';
import { builtinDetectorSources, loadDetectorFiles } from '../dist/catalog/load.js';
import { checkDetectorFiles, formatProblem } from '../dist/pipeline/check-detectors.js';
import { detectorBundlePath } from '../dist/util/paths.js';

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
const count = bundle.reduce((n, f) => n + f.detectors.length, 0);
console.log(`bundle-detectors: ${count} detectors from ${bundle.length} files → ${detectorBundlePath}`);
