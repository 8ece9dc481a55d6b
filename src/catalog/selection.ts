// Which detectors a scan runs and at what level: the config's `detectors.only`, `disable` and
// `levels` (or `--detectors` on the command line) over the catalogue, built-in plus custom. A
// selector is an id (`github.classic-pat`), a provider (`github`) or a glob (`generic.*`); one
// that matches nothing is an error with the nearest real id, so a typo never silently runs
// (or silences) the wrong set.

import type { Level } from '../model/types.js';

export type LevelOverride = Level | 'off';

export interface CatalogueEntry {
  id: string;
  provider: string;
}

export interface SelectionInput {
  /** Run only what these select (every detector when absent). */
  only?: readonly string[];
  /** Where `only` came from, for errors (`detectors.only`, `--detectors`). */
  onlyLabel?: string;
  disable: readonly string[];
  levels: Readonly<Record<string, LevelOverride>>;
  /** Lists that must name catalogue ids exactly (`allowlist[2].detectors`), checked the same way. */
  exactIds?: ReadonlyArray<readonly [string, readonly string[]]>;
}

export interface DetectorSelectionResult {
  /** Ids that do not run. */
  disabled: Set<string>;
  /** Ids whose findings get another level. */
  levels: Map<string, Level>;
  /** One line each: `detectors.disable: "github.clasic-pat" matches no detector (did you mean github.classic-pat?)`. */
  problems: string[];
}

/** Levenshtein distance, for "did you mean" on a mistyped id; small inputs only. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/** The nearest known id within a third of its length (at least 2 edits), if any. */
export function closest(id: string, known: readonly string[]): string | undefined {
  if (id.length > 80) return undefined;
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(id.length / 3)) + 1;
  for (const k of known) {
    const d = editDistance(id.toLowerCase(), k);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

function isGlob(selector: string): boolean {
  return selector.includes('*');
}

/** `*` matches any run of characters (dots included): `generic.*`, `*.api-key`, `*`. */
function globRegExp(glob: string): RegExp {
  return new RegExp(
    `^${glob
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
}

/** The catalogue ids a selector names: the id itself, every detector of a provider, or a glob's matches. */
export function selectIds(selector: string, catalogue: readonly CatalogueEntry[]): string[] {
  if (isGlob(selector)) {
    const re = globRegExp(selector);
    return catalogue.filter((d) => re.test(d.id)).map((d) => d.id);
  }
  return catalogue.filter((d) => d.id === selector || d.provider === selector).map((d) => d.id);
}

function unknownSelector(label: string, selector: string, catalogue: readonly CatalogueEntry[]): string {
  const names = [...new Set([...catalogue.map((d) => d.id), ...catalogue.map((d) => d.provider)])];
  const near = isGlob(selector) ? undefined : closest(selector, names);
  const what = isGlob(selector) ? 'matches no detector' : 'is not a detector id or provider';
  return `${label}: ${JSON.stringify(selector)} ${what}${near ? ` (did you mean ${near}?)` : ''}; \`tokenscope detectors\` lists them`;
}

/**
 * Resolves the selection. `only` first (what runs), then `disable`, then `levels` (`off` disables;
 * globs and providers apply in the order written, then exact ids, so an id always wins).
 */
export function resolveDetectorSelection(
  catalogue: readonly CatalogueEntry[],
  input: SelectionInput,
): DetectorSelectionResult {
  const problems: string[] = [];
  const disabled = new Set<string>();
  const select = (label: string, selector: string): string[] => {
    if (selector.length > 100) {
      problems.push(`${label}: a selector of ${selector.length} characters is not a detector id, provider or glob`);
      return [];
    }
    const ids = selectIds(selector, catalogue);
    if (ids.length === 0) problems.push(unknownSelector(label, selector, catalogue));
    return ids;
  };
  if (input.only) {
    const kept = new Set(input.only.flatMap((s) => select(input.onlyLabel ?? 'detectors.only', s)));
    for (const d of catalogue) if (!kept.has(d.id)) disabled.add(d.id);
  }
  for (const selector of input.disable) for (const id of select('detectors.disable', selector)) disabled.add(id);
  const levels = new Map<string, Level>();
  const entries = Object.entries(input.levels);
  const ordered = [
    ...entries.filter(([s]) => isGlob(s) || !s.includes('.')),
    ...entries.filter(([s]) => !isGlob(s) && s.includes('.')),
  ];
  const off = new Set<string>();
  for (const [selector, level] of ordered) {
    for (const id of select(`detectors.levels`, selector)) {
      if (level === 'off') {
        off.add(id);
        levels.delete(id);
      } else {
        off.delete(id);
        levels.set(id, level);
      }
    }
  }
  for (const id of off) disabled.add(id);
  for (const [label, ids] of input.exactIds ?? []) {
    for (const id of ids) if (!catalogue.some((d) => d.id === id)) problems.push(unknownSelector(label, id, catalogue));
  }
  return { disabled, levels, problems };
}
