// A one-detector custom file for the "Acme" provider, for tests of custom detectors and of the
// checks that run on user-supplied patterns.

export interface AcmeDetector {
  id: string;
  pattern: string;
  /** A positive example (the checker requires it to be found). */
  positive: string;
  keyword?: string;
  negative?: string;
}

export function acmeDetectorYaml({
  id,
  pattern,
  positive,
  keyword = 'acme_',
  negative = 'nothing here',
}: AcmeDetector): string {
  return [
    'provider: acme',
    'providerName: Acme',
    'detectors:',
    `  - id: ${id}`,
    '    name: Acme API key',
    '    tokenType: api-key',
    '    description: An Acme API key used by the test suite.',
    `    keywords: [${keyword}]`,
    `    pattern: '${pattern}'`,
    '    confidence: high',
    '    privilege: write',
    '    breadth: project',
    '    remediation: Revoke it in the Acme console.',
    '    references: [https://example.invalid/acme]',
    '    examples:',
    `      positive: ['${positive}']`,
    `      negative: ['${negative}']`,
    '',
  ].join('\n');
}
