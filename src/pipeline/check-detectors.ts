// The second validation pass: what the JSON Schema cannot say. Patterns compile and capture a
// `secret` group, ids are unique and start with their provider, named decoders and verifiers
// exist, every positive example matches and contains a keyword, no negative example matches.
// The test suite and `tokenscope detectors --check` run the same code.

import { expandExample, normalizeExample, type NormalizedExample } from '../catalog/examples.js';
import { buildDetectorSet, compilePattern, type DetectorSet } from '../detect/compile.js';
import { detectInText } from '../detect/engine.js';
import { isDecoderName } from '../providers/decoders.js';
import { isVerifierName, verifiers } from '../providers/verifiers.js';
import { checkUserRegex } from '../util/user-regex.js';
import type { DetectorDefinition, DetectorFile, LoadedDetectorFile } from '../model/detector.js';

export interface DetectorProblem {
  source: string;
  detectorId?: string;
  message: string;
}

export { expandExample, normalizeExample, type NormalizedExample };

/**
 * The secrets one detector, run alone (other detectors cannot hide it), finds in an example as
 * live secrets: what a positive must produce and a negative must not. A match the
 * validators downgraded to low confidence — a failed checksum, a made-up or default value — is
 * still shown as a note, so it does not count against a negative (nor for a positive).
 */
export function liveSecretsFoundIn(set: DetectorSet, detectorId: string, example: NormalizedExample): string[] {
  return detectInText(example.text, example.path, set, { only: new Set([detectorId]) })
    .filter((m) => m.confidence !== 'low' || m.detector.def.confidence === 'low')
    .map((m) => m.secret);
}

function structuralProblems(def: DetectorDefinition, file: DetectorFile, source: string): DetectorProblem[] {
  const problems: DetectorProblem[] = [];
  const report = (message: string): void => {
    problems.push({ source, detectorId: def.id, message });
  };
  if (!def.id.startsWith(`${file.provider}.`)) report(`id must start with the provider "${file.provider}."`);
  if (file.userSupplied) {
    const verdict = checkUserRegex(def.pattern, def.caseInsensitive ? 'di' : 'd');
    if ('problem' in verdict) {
      report(verdict.problem);
      return problems;
    }
  }
  try {
    const regex = compilePattern(def, file.userSupplied === true);
    if (!/\(\?<secret\w*>/.test(def.pattern)) report('pattern has no named group "secret" (or "secret…" alternatives)');
    if (regex.test('')) report('pattern matches the empty string');
  } catch (error) {
    report(`pattern does not compile: ${(error as Error).message}`);
  }
  if (def.decoder !== undefined && !isDecoderName(def.decoder)) report(`unknown decoder "${def.decoder}"`);
  if (def.verifier !== undefined && !isVerifierName(def.verifier)) report(`unknown verifier "${def.verifier}"`);
  if (def.verifierEndpoint !== undefined) {
    const endpoints =
      def.verifier !== undefined && isVerifierName(def.verifier)
        ? verifiers[def.verifier]!.endpoints.map((e) => e.id)
        : [];
    if (def.verifier === undefined) report('verifierEndpoint needs verifier');
    else if (endpoints.length > 0 && !endpoints.includes(def.verifierEndpoint))
      report(`verifier "${def.verifier}" has no endpoint "${def.verifierEndpoint}" (it has ${endpoints.join(', ')})`);
  }
  if (def.wholeFile && !def.paths) report('wholeFile needs paths');
  for (const keyword of def.keywords ?? []) {
    if (!/^[\x20-\x7e]+$/.test(keyword)) report(`keyword "${keyword}" must be printable ASCII`);
  }
  return problems;
}

function exampleProblems(def: DetectorDefinition, set: DetectorSet, source: string): DetectorProblem[] {
  const problems: DetectorProblem[] = [];
  const keywords = (def.keywords ?? []).map((k) => k.toLowerCase());
  def.examples.positive.forEach((raw, index) => {
    const example = normalizeExample(raw);
    const where = `positive[${index}]`;
    if (!def.wholeFile && !keywords.some((k) => example.text.toLowerCase().includes(k))) {
      problems.push({ source, detectorId: def.id, message: `${where} contains none of the keywords` });
    }
    const found = liveSecretsFoundIn(set, def.id, example);
    if (found.length === 0) problems.push({ source, detectorId: def.id, message: `${where} is not detected` });
    else if (example.secret !== undefined && !found.includes(example.secret)) {
      problems.push({ source, detectorId: def.id, message: `${where} captures a different value than its "secret"` });
    }
  });
  def.examples.negative.forEach((raw, index) => {
    const example = normalizeExample(raw);
    if (liveSecretsFoundIn(set, def.id, example).length > 0) {
      problems.push({ source, detectorId: def.id, message: `negative[${index}] is detected` });
    }
  });
  return problems;
}

/**
 * Checks loaded detector files. `reservedIds` are ids already taken (the built-ins, when
 * checking a user's custom detectors).
 */
export function checkDetectorFiles(
  files: readonly LoadedDetectorFile[],
  options: { reservedIds?: ReadonlySet<string>; examples?: boolean } = {},
): DetectorProblem[] {
  const problems: DetectorProblem[] = [];
  const seen = new Map<string, string>();
  const runnable: DetectorFile[] = [];
  for (const { source, file } of files) {
    const good: DetectorDefinition[] = [];
    for (const def of file.detectors) {
      const structural = structuralProblems(def, file, source);
      const previous = seen.get(def.id);
      if (previous !== undefined || options.reservedIds?.has(def.id)) {
        structural.push({
          source,
          detectorId: def.id,
          message: `duplicate id (also in ${previous ?? 'the built-in detectors'})`,
        });
      }
      seen.set(def.id, source);
      problems.push(...structural);
      if (structural.length === 0) good.push(def);
    }
    runnable.push({ ...file, detectors: good });
  }
  if (options.examples !== false) {
    const set = buildDetectorSet(runnable);
    runnable.forEach((file, i) => {
      for (const def of file.detectors) problems.push(...exampleProblems(def, set, files[i]!.source));
    });
  }
  return problems;
}

export function formatProblem(problem: DetectorProblem): string {
  return `${problem.source}: ${problem.detectorId ? `${problem.detectorId}: ` : ''}${problem.message}`;
}
