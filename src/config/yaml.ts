// YAML parsing, loaded on first use so a scan that reads no YAML file never pays for the parser.

import { createRequire } from 'node:module';

let yaml: typeof import('yaml') | undefined;

/** Parses one YAML document; errors carry a short message (no source excerpt). */
export function parseYaml(text: string): unknown {
  yaml ??= createRequire(import.meta.url)('yaml') as typeof import('yaml');
  return yaml.parse(text, { prettyErrors: false });
}
