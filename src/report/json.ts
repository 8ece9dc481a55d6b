// JSON output: the ScanResult minus the rule catalogue, with a format version, one finding per
// occurrence. The shape is documented in the README ("JSON output") and stable: fields are added,
// never renamed. Written as a stream; capped (most severe kept) when `maxFindings` is given.

import type { ScanResult } from '../model/types.js';
import { compareSeverity, keepMostSevere, type ReportTruncation } from './common.js';
import { joinChunks, JsonArrayStream, jsonChunks } from './json-stream.js';

export const JSON_FORMAT_VERSION = 1;

export interface JsonOptions {
  showSuppressed?: boolean;
  /** List at most this many findings, the most severe; `truncated` then says how many were left out. */
  maxFindings?: number;
}

/** What a JSON report lists, and what it left out under `maxFindings`. */
export function planJsonFindings(
  result: ScanResult,
  options: JsonOptions = {},
): { findings: ScanResult['findings']; truncated?: ReportTruncation } {
  const limit = options.maxFindings;
  if (limit === undefined || result.findings.length <= limit) return { findings: result.findings };
  const findings = keepMostSevere(result.findings, limit, compareSeverity);
  return {
    findings,
    truncated: {
      limit,
      total: result.findings.length,
      listed: findings.length,
      omittedFindings: result.findings.length - findings.length,
    },
  };
}

/** The JSON report in pieces, each finding serialised on its own (see formatJson). */
export function* jsonReportChunks(
  result: ScanResult,
  options: JsonOptions = {},
  plan = planJsonFindings(result, options),
): Generator<string> {
  // Every other key in its place, without reading `rules`: this report does not print them, and
  // they are made from the detectors' prose on first read (src/pipeline/scan.ts).
  const rest = Object.fromEntries(
    Object.keys(result)
      .filter((key) => key !== 'rules' && key !== 'suppressed')
      .map((key) => [key, result[key as keyof ScanResult]]),
  );
  const { suppressed } = result;
  yield* jsonChunks({
    formatVersion: JSON_FORMAT_VERSION,
    ...rest,
    // An existing key keeps its place: findings stays where the ScanResult has it.
    findings: new JsonArrayStream(plan.findings),
    suppressed: options.showSuppressed ? new JsonArrayStream(suppressed) : [],
    ...(plan.truncated ? { truncated: plan.truncated } : {}),
  });
  yield '\n';
}

export function formatJson(result: ScanResult, options: JsonOptions = {}): string {
  return joinChunks(jsonReportChunks(result, options));
}
