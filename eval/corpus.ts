// Reading ../shared/bench/public-corpus and scoring matches against its labels. Shared by the
// developer probe (eval/corpus.probe.ts) and `npm run eval` (scripts/eval.mjs uses the built copy
// of the same rules through the CLI). The corpus is a measuring stick: nothing here special-cases
// its strings or paths.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

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

export const corpusDir = process.env['TOKENSCOPE_CORPUS'] ?? join(process.cwd(), '..', 'shared', 'bench', 'public-corpus');

export function loadCorpus(): CorpusExample[] {
  const file = join(corpusDir, 'rule-examples.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as CorpusExample);
}

/** Provider names that differ between the corpus rule ids and tokenscope's provider ids. */
export const PROVIDER_ALIASES: Record<string, string> = {
  google: 'gcp',
  googlecloud: 'gcp',
  gcpapi: 'gcp',
  firebase: 'gcp',
  amazon: 'aws',
  s3: 'aws',
  privatekey: 'private-key',
  pem: 'private-key',
  ssh: 'private-key',
  pgp: 'private-key',
  'secp256k1-privatekey': 'private-key',
  docker: 'dockerhub',
  huggingface: 'huggingface',
  hf: 'huggingface',
  digitalocean: 'digitalocean',
  'database-connection-string': 'database',
  postgres: 'database',
  postgresql: 'database',
  mysql: 'database',
  jdbc: 'database',
  'hashicorp-vault': 'vault',
  hashicorp: 'vault',
  terraform: 'terraform-cloud',
  azuread: 'azure',
  azurestorage: 'azure',
  microsoft: 'azure',
  jwt: 'jwt',
  slackwebhook: 'slack',
  stripe: 'stripe',
  fly: 'flyio',
  flyio: 'flyio',
};

/** The provider a corpus rule is about, normalized to tokenscope's provider ids where they differ. */
export function corpusProvider(example: Pick<CorpusExample, 'source' | 'ruleId'>): string {
  let name: string;
  switch (example.source) {
    case 'noseyparker':
    case 'kingfisher':
      name = example.ruleId.split('.')[1] ?? example.ruleId;
      break;
    case 'secretlint':
      name = example.ruleId.replace(/^@secretlint\/secretlint-rule-/, '');
      break;
    default:
      name = example.ruleId.split('-')[0] ?? example.ruleId;
  }
  name = name.toLowerCase();
  return PROVIDER_ALIASES[name] ?? name;
}

/** True when a finding span overlaps where the expected secret sits in the text. */
export function overlapsExpected(text: string, expected: string | null, spans: Array<[number, number]>): boolean {
  if (spans.length === 0) return false;
  if (!expected) return true;
  let from = text.indexOf(expected);
  if (from < 0) return true;
  while (from >= 0) {
    const to = from + expected.length;
    if (spans.some(([s, e]) => s < to && from < e)) return true;
    from = text.indexOf(expected, from + 1);
  }
  return false;
}
