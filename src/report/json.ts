// JSON output: the ScanResult minus the rule catalogue, with a format version. The shape is
// documented in the README ("JSON output") and stable: fields are added, never renamed.

import type { ScanResult } from '../model/types.js';

export const JSON_FORMAT_VERSION = 1;

export interface JsonOptions {
  showSuppressed?: boolean;
}

export function formatJson(result: ScanResult, options: JsonOptions = {}): string {
  const { rules: _rules, suppressed, ...rest } = result;
  return `${JSON.stringify(
    {
      formatVersion: JSON_FORMAT_VERSION,
      ...rest,
      suppressed: options.showSuppressed ? suppressed : [],
    },
    null,
    2,
  )}\n`;
}
