// Worker-thread entry: builds its own detector set once, then analyzes batches of files sent by
// the pool (src/pipeline/pool.ts). Results are plain data; secrets only when --verify asked for them.

import { parentPort, workerData } from 'node:worker_threads';
import { buildSelectedSet, type DetectorSelection } from './detector-registry.js';
import { compileUserRegex } from '../util/user-regex.js';
import { analyzeFile, type AnalyzeOptions } from './analyze.js';
import { createAstPass } from '../detect/ast-pass.js';
import type { SourceFile } from '../model/types.js';

interface WorkerInit {
  selection: DetectorSelection;
  options: Omit<AnalyzeOptions, 'valueAllowlist' | 'extraPass' | 'now'> & {
    now: string;
    valueAllowlist: Array<[string, string, string]>;
  };
}

const init = workerData as WorkerInit;
const set = buildSelectedSet(init.selection);
const options: AnalyzeOptions = {
  ...init.options,
  now: new Date(init.options.now),
  valueAllowlist: init.options.valueAllowlist.map(([source, flags, reason]) => [
    compileUserRegex(source, flags),
    reason,
  ]),
};
const astPass = createAstPass(set);
if (astPass) options.extraPass = astPass;

parentPort!.on('message', (message: { files: SourceFile[] }) => {
  const results = message.files.map((file) => analyzeFile(file, set, options));
  parentPort!.postMessage({ results });
});
