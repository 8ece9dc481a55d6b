// The library API: what the CLI, the pre-commit hook and the GitHub Action call.

export { scan, exitCodeFor, type ScanOptions, type ScanProgress } from './pipeline/scan.js';
export type { SourceProvider } from './model/types.js';
export { stagedSource, type StagedSourceOptions } from './sources/git-staged.js';
export { historySource, type HistorySourceOptions } from './sources/git-history.js';
export { formatSarif } from './report/sarif.js';
export { formatJson } from './report/json.js';
export { formatText } from './report/text.js';
export { resolveConfig, parseConfig } from './config/load.js';
export { loadBuiltinDetectors, loadDetectorFiles } from './catalog/load.js';
export { checkDetectorFiles } from './pipeline/check-detectors.js';
export { TokenscopeError } from './util/errors.js';
// Opt-in online lookups: scan({ verify: createVerifySession() }).
export {
  createVerifySession,
  verifySummary,
  type VerifyOptions,
  type VerifySession,
  type VerifyStats,
} from './verify/index.js';
export type * from './model/types.js';
export type { ConfigFile, ResolvedConfig, PolicyLimit } from './model/config.js';
export type { DetectorDefinition, DetectorFile } from './model/detector.js';
