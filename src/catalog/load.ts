// Reads detector files (YAML or JSON), validates them against schemas/detector.schema.json and
// returns them with every problem at once, each naming the file. Built-in detectors come from
// the bundle the build writes (validated there; src/catalog/builtin.ts reads it); without a
// build (tests running from src/) they are read from detectors/*.yaml directly.

import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, readDocument, validateDocument } from '../util/document.js';
import { detectorBundlePath, detectorsDir, packageRoot, displayPath } from '../util/paths.js';
import type { DetectorFile, LoadedDetectorFile } from '../model/detector.js';
import { builtinProse, readBuiltinCatalogue } from './builtin.js';

export { PROSE_FIELDS, PROSE_FORMAT, readProseBundle, type DetectorProse } from './builtin.js';

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

function builtinsFromSources(): DetectorFile[] {
  const loaded = loadDetectorFiles(builtinDetectorSources());
  if (loaded.errors.length > 0) throw new Error(`built-in detectors are invalid:\n${loaded.errors.join('\n')}`);
  return loaded.files.map((f) => f.file);
}

/**
 * Built-in detectors as a scan uses them, from the build's bundle when present: what detection
 * reads is parsed now, the patterns and the prose when first read (src/catalog/builtin.ts).
 */
export function loadBuiltinCatalogue(): DetectorFile[] {
  return existsSync(detectorBundlePath) ? readBuiltinCatalogue() : builtinsFromSources();
}

/** Built-in detectors without examples, as plain data (their patterns and prose read and copied in). */
export function loadBuiltinDetectors(): DetectorFile[] {
  if (!existsSync(detectorBundlePath)) return builtinsFromSources();
  const files = readBuiltinCatalogue();
  return files.map((file) => ({
    ...file,
    detectors: file.detectors.map((def) => {
      const prose = builtinProse(def.id);
      return {
        ...def,
        pattern: def.pattern,
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
