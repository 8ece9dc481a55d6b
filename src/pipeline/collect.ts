// Stage 0: what to scan. The working-tree walk is a source like the git index (--staged), history
// (--history) and standard input; whichever supplies the files, files over the size cap are
// skipped (and counted) here, before any is opened.

import { tooLargeDetail } from '../sources/read.js';
import { walkWorkingTree } from '../sources/walk.js';
import type { CollectedSources, SourceFile, SourceProvider } from '../model/types.js';
import type { ScanOptions, ScanPlan } from './plan.js';

/** The working tree under the plan's targets, honouring .gitignore unless told otherwise. */
export function workingTreeSource(
  plan: ScanPlan,
  options: Pick<ScanOptions, 'gitignore' | 'agentView'>,
  onFileFound?: (count: number, file: SourceFile) => void,
): SourceProvider {
  return {
    partial: false,
    async collect(root, config): Promise<CollectedSources> {
      const walked = await walkWorkingTree({
        root,
        paths: [...plan.targets],
        excludes: config.exclude,
        defaultExcludes: config.defaultExcludes,
        gitignore: options.gitignore !== false && options.agentView !== true,
        ...(onFileFound ? { onFileFound } : {}),
      });
      return {
        files: walked.files,
        skipped: walked.skipped,
        ignored: { ignored: walked.ignored, gitIgnored: walked.gitIgnored },
        excludedByDefault: walked.excludedByDefault,
      };
    },
  };
}

/** Collects the files from a source and applies the size cap. */
export async function collectSources(plan: ScanPlan, source: SourceProvider): Promise<CollectedSources> {
  const collected = await source.collect(plan.root, plan.config);
  const { maxFileSize } = plan.config;
  const files = collected.files.filter((file) => {
    if ((file.size ?? 0) > maxFileSize) {
      collected.skipped.push({
        path: file.path,
        reason: 'too-large',
        detail: tooLargeDetail(file.size ?? 0, maxFileSize),
      });
      return false;
    }
    return true;
  });
  return { ...collected, files, notices: [...(collected.notices ?? [])] };
}
