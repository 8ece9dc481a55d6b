// Typed re-export of eval/corpus.mjs for the TypeScript probe.
export { corpusDir, corpusProvider, loadCorpus, overlapsExpected, PROVIDER_ALIASES } from './corpus.mjs';

export interface CorpusExample {
  id: string;
  source: 'noseyparker' | 'kingfisher' | 'gitleaks' | 'secretlint';
  ruleName: string;
  ruleId: string;
  text: string;
  label: 'secret' | 'not-secret';
  expected: string | null;
  path?: string;
}
