// Which lines a pull request changed, so the Action annotates only those (a reviewer sees the
// secrets this PR adds, not every old one). From the event's base/head commits and `git diff -U0`;
// `undefined` when the commits are not in the clone (a shallow checkout) — the caller says so.

import { readFileSync } from 'node:fs';
import { resolveCommit, runGitStatus } from '../sources/git.js';
import { ADDED_LINES_DIFF_FLAGS, parseAddedLines } from '../sources/git-staged.js';

export interface PullRequestCommits {
  base: string;
  head: string;
  number?: number;
}

/** The pull request's base and head commits from $GITHUB_EVENT_PATH, when the event is a PR. */
export function pullRequestFromEvent(eventPath: string | undefined): PullRequestCommits | undefined {
  if (!eventPath) return undefined;
  let event: unknown;
  try {
    event = JSON.parse(readFileSync(eventPath, 'utf8'));
  } catch {
    return undefined;
  }
  const pr = (
    event as { pull_request?: { number?: unknown; base?: { sha?: unknown }; head?: { sha?: unknown } } } | null
  )?.pull_request;
  const base = pr?.base?.sha;
  const head = pr?.head?.sha;
  if (
    typeof base !== 'string' ||
    typeof head !== 'string' ||
    !/^[0-9a-f]{7,64}$/i.test(base) ||
    !/^[0-9a-f]{7,64}$/i.test(head)
  )
    return undefined;
  return { base, head, ...(typeof pr?.number === 'number' ? { number: pr.number } : {}) };
}

async function diff(toplevel: string, ...revs: string[]): Promise<Map<string, Array<[number, number]>> | undefined> {
  try {
    const out = await runGitStatus(['diff', ...ADDED_LINES_DIFF_FLAGS, ...revs, '--'], {
      cwd: toplevel,
      okExitCodes: [128, 129],
    });
    return out.code === 0 ? parseAddedLines(out.stdout.toString('utf8')) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Added or changed line ranges of the PR by repository path. When the checkout is GitHub's
 * merge commit (HEAD^2 is the PR head), diffing against HEAD^1 gives exact line numbers for the
 * files on disk; otherwise the PR's own diff (base...head, then base..head).
 */
export async function changedLines(
  toplevel: string,
  pr: PullRequestCommits,
): Promise<{ ranges: Map<string, Array<[number, number]>>; via: string } | undefined> {
  // No HEAD (or a failing git) resolves no second parent either: one spawn answers both.
  const second = await resolveCommit(toplevel, 'HEAD^2').catch(() => undefined);
  if (second && second.startsWith(pr.head.toLowerCase())) {
    const merged = await diff(toplevel, 'HEAD^1', 'HEAD');
    if (merged) return { ranges: merged, via: 'HEAD^1..HEAD (the merge commit)' };
  }
  const threeDot = await diff(toplevel, `${pr.base}...${pr.head}`);
  if (threeDot) return { ranges: threeDot, via: `${pr.base.slice(0, 7)}...${pr.head.slice(0, 7)}` };
  const twoDot = await diff(toplevel, pr.base, pr.head);
  if (twoDot) return { ranges: twoDot, via: `${pr.base.slice(0, 7)}..${pr.head.slice(0, 7)}` };
  return undefined;
}
