// Reads detector files (YAML or JSON), validates them against schemas/detector.schema.json and
// returns them with every problem at once, each naming the file. Built-in detectors come from
// the bundle the build writes (validated there), in two files: dist/detectors.json holds what
// detection needs, dist/detectors-prose.json the description, remediation and references, which
// only reports, listings and docs read. A pre-commit scan with nothing to report never parses
// the prose (about half the catalogue's bytes). Without a build (tests running from src/) they
// are read from detectors/*.yaml directly.

import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, readDocument, validateDocument } from '../util/document.js';
import { detectorBundlePath, detectorProseBundlePath, detectorsDir, packageRoot, displayPath } from '../util/paths.js';
import type { DetectorDefinition, DetectorFile, LoadedDetectorFile } from '../model/detector.js';
import { TokenscopeError } from '../util/errors.js';

export interface DetectorLoadResult {
  files: LoadedDetectorFile[];
  errors: string[];
}

/** Parses and schema-validates one detector document; `source` names it in errors. */
export function parseDetectorDocument(text: string, source: string): DetectorLoadResult {
  const parsed = parseDocument(text, source);
  if ('error' in parsed) return { files: [], errors: [parsed.error] };
  const errors = validateDocument(parsed.document, 'detector.schema.json', source);
  if (errors.length > 0) return { files: [], errors };
  return { files: [{ source, file: parsed.document as DetectorFile }], errors: [] };
}

/**
 * Loads detector files or folders of them (`*.yaml`, `*.yml`, `*.json`). `userSupplied` marks
 * them as a user's (custom detectors, `detectors --check FILE`): their patterns are checked as
 * hostile input and run in the linear-time engine.
 */
export function loadDetectorFiles(
  paths: readonly string[],
  options: { userSupplied?: boolean } = {},
): DetectorLoadResult {
  const result: DetectorLoadResult = { files: [], errors: [] };
  for (const path of paths) {
    const entries = isDirectory(path)
      ? readdirSync(path)
          .filter((name) => /\.(?:ya?ml|json)$/i.test(name))
          .sort()
          .map((name) => join(path, name))
      : [path];
    for (const entry of entries) {
      const source = displayPath(packageRoot, entry);
      const read = readDocument(entry, 'detector file', source);
      if ('error' in read) {
        result.errors.push(read.error);
        continue;
      }
      const loaded = parseDetectorDocument(read.text, source);
      if (options.userSupplied) for (const f of loaded.files) f.file.userSupplied = true;
      result.files.push(...loaded.files);
      result.errors.push(...loaded.errors);
    }
  }
  return result;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The source files of the built-in detectors. */
export function builtinDetectorSources(): string[] {
  return readdirSync(detectorsDir)
    .filter((name) => /\.(?:ya?ml|json)$/i.test(name))
    .sort()
    .map((name) => join(detectorsDir, name));
}

/** The fields the build moves to dist/detectors-prose.json. */
export const PROSE_FIELDS = ['description', 'remediation', 'references'] as const;
export type DetectorProse = Pick<DetectorDefinition, (typeof PROSE_FIELDS)[number]>;
/** dist/detectors-prose.json: `{ format, detectors: { [id]: DetectorProse } }`. */
export const PROSE_FORMAT = 1;

function bundleError(path: string, problem: string): TokenscopeError {
  return new TokenscopeError('E_DETECTOR', `${path}: ${problem}; reinstall tokenscope (or run \`npm run build\`)`);
}

function readBundleJson(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw bundleError(path, `cannot read the ${what} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
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
function builtinProse(id: string): DetectorProse {
  builtinProseTable ??= readProseBundle(detectorProseBundlePath);
  const prose = builtinProseTable.get(id);
  if (!prose)
    throw bundleError(detectorProseBundlePath, `no description for the built-in detector ${id} (from another build)`);
  return prose;
}

const NO_EXAMPLES: DetectorDefinition['examples'] = Object.freeze({
  positive: Object.freeze([]) as unknown as [],
  negative: Object.freeze([]) as unknown as [],
});

/**
 * The prototype of every built-in definition read from dist/detectors.json: the prose fields are
 * inherited accessors that read the prose file the first time any of them is read, and the
 * examples (never bundled) are empty. Assigning a field makes it the object's own, as on a
 * plain definition. Inherited, so not copied by a spread or JSON.stringify: loadBuiltinDetectors
 * gives plain data for that.
 */
const builtinDefinition: object = Object.create(
  Object.prototype,
  Object.fromEntries(
    [...PROSE_FIELDS, 'examples'].map((field) => [
      field,
      {
        get(this: DetectorDefinition): unknown {
          return field === 'examples' ? NO_EXAMPLES : builtinProse(this.id)[field as keyof DetectorProse];
        },
        set(this: DetectorDefinition, value: unknown): void {
          Object.defineProperty(this, field, { value, writable: true, enumerable: true, configurable: true });
        },
        configurable: true,
      },
    ]),
  ),
);

function readBuiltinCatalogue(): DetectorFile[] {
  const files = readBundleJson(detectorBundlePath, 'built-in detectors');
  if (!Array.isArray(files)) throw bundleError(detectorBundlePath, 'not a list of detector files');
  for (const file of files as DetectorFile[])
    for (const def of file.detectors) Object.setPrototypeOf(def, builtinDefinition);
  return files as DetectorFile[];
}

function builtinsFromSources(): DetectorFile[] {
  const loaded = loadDetectorFiles(builtinDetectorSources());
  if (loaded.errors.length > 0) throw new Error(`built-in detectors are invalid:\n${loaded.errors.join('\n')}`);
  return loaded.files.map((f) => f.file);
}

/**
 * Built-in detectors as a scan uses them, from the build's bundle when present: what detection
 * reads is parsed now, the prose (`description`, `remediation`, `references`) when first read.
 * A missing or damaged prose file is an error naming it, at that first read.
 */
export function loadBuiltinCatalogue(): DetectorFile[] {
  return existsSync(detectorBundlePath) ? readBuiltinCatalogue() : builtinsFromSources();
}

/** Built-in detectors without examples, as plain data (the prose read and copied in). */
export function loadBuiltinDetectors(): DetectorFile[] {
  if (!existsSync(detectorBundlePath)) return builtinsFromSources();
  const files = readBuiltinCatalogue();
  return files.map((file) => ({
    ...file,
    detectors: file.detectors.map((def) => {
      const prose = builtinProse(def.id);
      return {
        ...def,
        description: prose.description,
        remediation: prose.remediation,
        references: [...prose.references],
        examples: { positive: [], negative: [] },
      };
    }),
  }));
}

export interface DetectorSelection {
  /** Absolute paths of custom detector files or folders. */
  custom: string[];
  disabled: string[];
}

/** The detector files a scan runs (built-in first, so ties go to them). */
export function selectDetectorFiles(selection: DetectorSelection): DetectorFile[] {
  const builtins = loadBuiltinCatalogue();
  const custom =
    selection.custom.length > 0
      ? loadDetectorFiles(selection.custom, { userSupplied: true }).files.map((f) => f.file)
      : [];
  return [...builtins, ...custom];
}
