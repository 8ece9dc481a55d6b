// The library API: what the CLI, the pre-commit hook and the GitHub Action call.

export { scan, exitCodeFor, type ScanOptions, type ScanProgress, type SourceProvider } from './scan.js';
export { stagedSource, type StagedSourceOptions } from './sources/git-staged.js';
export { historySource, type HistorySourceOptions } from './sources/git-history.js';
export { formatSarif } from './report/sarif.js';
export { formatJson } from './report/json.js';
export { formatText } from './report/text.js';
export { resolveConfig, parseConfig } from './config/load.js';
export { loadBuiltinDetectors, loadDetectorFiles } from './detectors/load.js';
export { checkDetectorFiles } from './detectors/check.js';
export { TokenscopeError } from './errors.js';
// Opt-in online lookups: scan({ keepSecrets: true, refine: createVerifySession().refine }).
export { createVerifySession, verifySummary, type VerifyOptions, type VerifySession, type VerifyStats } from './verify/index.js';
export type * from './types.js';
export type { ConfigFile, ResolvedConfig, PolicyLimit } from './config/types.js';
export type { DetectorDefinition, DetectorFile } from './detectors/definition.js';
