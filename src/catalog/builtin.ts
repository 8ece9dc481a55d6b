// The built-in catalogue as the build writes it (scripts/bundle-detectors.mjs), in three files,
// each read only as far as a scan needs it:
// - dist/detectors.json: every definition without its pattern, prose and examples: what the
//   set build, the selection and the scope stage read, parsed at start-up;
// - dist/detectors-patterns.json: the patterns, one JSON string per line in catalogue order,
//   read at start-up as one string, each line parsed when its detector first runs (a pre-commit
//   scan runs a few dozen of ~1,700; the patterns are half of what was parsed before);
// - dist/detectors-prose.json: description, remediation and references by id, parsed when a
//   report with rules, a listing or the docs first read one.
// All three are ASCII (\u escapes), which Node reads into one-byte strings without decoding.
// Free of the loader's YAML and schema dependencies, so the guard's hook reads it too. Any
// problem with these files is one error naming the file.

import { readFileSync } from 'node:fs';
import type { DetectorDefinition, DetectorFile } from '../model/detector.js';
import { TokenscopeError } from '../util/errors.js';
import { detectorBundlePath, detectorPatternsBundlePath, detectorProseBundlePath } from '../util/paths.js';

/** The fields the build moves to dist/detectors-prose.json. */
export const PROSE_FIELDS = ['description', 'remediation', 'references'] as const;
export type DetectorProse = Pick<DetectorDefinition, (typeof PROSE_FIELDS)[number]>;
/** dist/detectors-prose.json: `{ format, detectors: { [id]: DetectorProse } }`. */
export const PROSE_FORMAT = 1;

function bundleError(path: string, problem: string): TokenscopeError {
  return new TokenscopeError('E_DETECTOR', `${path}: ${problem}; reinstall tokenscope (or run \`npm run build\`)`);
}

function readBundleText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw bundleError(path, `cannot read the ${what} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

function readBundleJson(path: string, what: string): unknown {
  const text = readBundleText(path, what);
  try {
    return JSON.parse(text);
  } catch {
    throw bundleError(path, `the ${what} are not valid JSON (a truncated or damaged file)`);
  }
}

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((v) => typeof v === 'string');

/** Reads and checks a prose file; every problem is one error naming the file. */
export function readProseBundle(path: string): Map<string, DetectorProse> {
  const parsed = readBundleJson(path, "detectors' descriptions") as { format?: unknown; detectors?: unknown };
  if (parsed === null || typeof parsed !== 'object' || parsed.format !== PROSE_FORMAT)
    throw bundleError(path, `not a detector prose file of format ${PROSE_FORMAT}`);
  const detectors = parsed.detectors;
  if (detectors === null || typeof detectors !== 'object' || Array.isArray(detectors))
    throw bundleError(path, 'no `detectors` table');
  const prose = new Map<string, DetectorProse>();
  for (const [id, entry] of Object.entries(detectors as Record<string, Partial<DetectorProse> | null>)) {
    if (
      entry === null ||
      typeof entry !== 'object' ||
      typeof entry.description !== 'string' ||
      typeof entry.remediation !== 'string' ||
      !isStringArray(entry.references)
    )
      throw bundleError(path, `the entry for ${id} is not a description, remediation and references`);
    prose.set(id, { description: entry.description, remediation: entry.remediation, references: entry.references });
  }
  return prose;
}

let builtinProseTable: Map<string, DetectorProse> | undefined;

/** The prose of a built-in detector, read from dist/detectors-prose.json on first use. */
export function builtinProse(id: string): DetectorProse {
  builtinProseTable ??= readProseBundle(detectorProseBundlePath);
  const prose = builtinProseTable.get(id);
  if (!prose)
    throw bundleError(detectorProseBundlePath, `no description for the built-in detector ${id} (from another build)`);
  return prose;
}

/**
 * The text of a patterns file (`[`, one JSON string per line with a comma after all but the
 * last, `]`) and where each line starts; a line is parsed the first time its pattern is read.
 */
export class PatternTable {
  readonly #text: string;
  /** Offsets of the pattern lines, and one past the last. */
  readonly #starts: number[];
  readonly #parsed: Array<string | undefined>;

  constructor(
    readonly path: string,
    count: number,
  ) {
    const text = readBundleText(path, 'detector patterns');
    const starts: number[] = [];
    let at = text.startsWith('[\n') ? 2 : -1;
    while (at >= 0 && at < text.length && text.charCodeAt(at) === 34 /* " */) {
      starts.push(at);
      at = text.indexOf('\n', at) + 1;
      if (at === 0) break;
    }
    if (at <= 0 || text.slice(at) !== ']\n' || starts.length !== count)
      throw bundleError(path, `not the ${count} detector patterns of dist/detectors.json (a truncated or stale file)`);
    starts.push(at);
    this.#text = text;
    this.#starts = starts;
    this.#parsed = new Array<string | undefined>(count);
  }

  /** The pattern of the `index`-th detector in catalogue order. */
  get(index: number): string {
    const known = this.#parsed[index];
    if (known !== undefined) return known;
    const start = this.#starts[index];
    const next = this.#starts[index + 1];
    if (start === undefined || next === undefined) throw bundleError(this.path, `no pattern ${index}`);
    const line = this.#text.slice(start, this.#text.charCodeAt(next - 2) === 44 /* , */ ? next - 2 : next - 1);
    let pattern: unknown;
    try {
      pattern = JSON.parse(line);
    } catch {
      pattern = undefined;
    }
    if (typeof pattern !== 'string') throw bundleError(this.path, `pattern ${index} is damaged`);
    this.#parsed[index] = pattern;
    return pattern;
  }
}

const NO_EXAMPLES: DetectorDefinition['examples'] = Object.freeze({
  positive: Object.freeze([]) as unknown as [],
  negative: Object.freeze([]) as unknown as [],
});

/** An accessor a built-in definition inherits; assigning the field makes it the object's own. */
function inherited(field: string, get: (def: DetectorDefinition) => unknown): PropertyDescriptor {
  return {
    get(this: DetectorDefinition): unknown {
      return get(this);
    },
    set(this: DetectorDefinition, value: unknown): void {
      Object.defineProperty(this, field, { value, writable: true, enumerable: true, configurable: true });
    },
    configurable: true,
  };
}

/**
 * What every built-in definition inherits: the prose fields, read from the prose file the first
 * time any of them is read, and the examples (never bundled), empty. Inherited, so a spread or
 * JSON.stringify does not copy them: loadBuiltinDetectors (src/catalog/load.ts) gives plain data.
 */
const builtinDefinition: object = Object.create(Object.prototype, {
  ...Object.fromEntries(PROSE_FIELDS.map((field) => [field, inherited(field, (def) => builtinProse(def.id)[field])])),
  examples: inherited('examples', () => NO_EXAMPLES),
});

/**
 * Reads the built-in catalogue from the build's files (throws, naming the file, when one is
 * missing or damaged): definitions whose `pattern`, prose and examples are inherited accessors.
 */
export function readBuiltinCatalogue(): DetectorFile[] {
  const files = readBundleJson(detectorBundlePath, 'built-in detectors') as DetectorFile[];
  if (!Array.isArray(files)) throw bundleError(detectorBundlePath, 'not a list of detector files');
  let count = 0;
  for (const file of files) count += file.detectors.length;
  const patterns = new PatternTable(detectorPatternsBundlePath, count);
  // Each definition's place in the catalogue, found on the first pattern read.
  let places: Map<DetectorDefinition, number> | undefined;
  const placeOf = (def: DetectorDefinition): number => {
    if (!places) {
      places = new Map();
      for (const file of files) for (const d of file.detectors) places.set(d, places.size);
    }
    const place = places.get(def);
    if (place === undefined) throw new Error(`detector ${def.id}: not from this catalogue`);
    return place;
  };
  const prototype = Object.create(builtinDefinition, {
    pattern: inherited('pattern', (def) => patterns.get(placeOf(def))),
  }) as object;
  for (const file of files) for (const def of file.detectors) Object.setPrototypeOf(def, prototype);
  return files;
}
