// The raw shape of detectors/*.yaml as validated by schemas/detector.schema.json. The compiled,
// ready-to-run form is CompiledDetector (src/detect/compile.ts).

import type { Breadth, Confidence, Privilege } from './types.js';

export type ExampleDefinition = string | { text: string; secret?: string; path?: string; note?: string };

export interface DetectorDefinition {
  id: string;
  name: string;
  tokenType: string;
  description: string;
  /** Required unless `wholeFile` (then the detector runs on matching paths without a keyword). */
  keywords?: string[];
  pattern: string;
  wholeFile?: boolean;
  caseInsensitive?: boolean;
  multiline?: boolean;
  maxSpan?: number;
  paths?: string[];
  validators?: string[];
  minEntropy?: number;
  placeholderCheck?: boolean;
  generic?: boolean;
  confidence: Confidence;
  privilege: Privilege;
  breadth: Breadth;
  scopes?: string[];
  environment?: 'production' | 'test';
  public?: boolean;
  decoder?: string;
  verifier?: string;
  /** The verifier's endpoint, where the token's prefix cannot tell (two endpoints, no prefixes). */
  verifierEndpoint?: string;
  narrowerAlternative?: string;
  remediation: string;
  references: string[];
  examples: { positive: ExampleDefinition[]; negative: ExampleDefinition[] };
}

export interface DetectorFile {
  $schema?: string;
  provider: string;
  providerName: string;
  revokeUrl?: string;
  detectors: DetectorDefinition[];
  /**
   * Set by the loader (never read from the file: the schema forbids the key) on detector files a
   * user supplied, whose patterns run in the linear-time engine.
   */
  userSupplied?: true;
}

/** A detector file together with where it came from (for error messages). */
export interface LoadedDetectorFile {
  source: string;
  file: DetectorFile;
}
