// Reading ../shared/bench/public-corpus and scoring findings against its labels. Shared by
// `npm run eval` (scripts/eval.mjs, over the built CLI) and the developer probe
// (eval/corpus.probe.ts). The corpus is a measuring stick: nothing here special-cases its
// strings or paths.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** @typedef {{ id: string, source: 'noseyparker'|'kingfisher'|'gitleaks'|'secretlint', ruleName: string, ruleId: string, text: string, label: 'secret'|'not-secret', expected: string|null, path?: string }} CorpusExample */

export const corpusDir = process.env.TOKENSCOPE_CORPUS ?? join(here, '..', '..', 'shared', 'bench', 'public-corpus');

/** Corpus provider names that differ from tokenscope's provider ids. */
export const PROVIDER_ALIASES = JSON.parse(readFileSync(join(here, 'provider-aliases.json'), 'utf8'));

/** @returns {CorpusExample[]} */
export function loadCorpus() {
  const file = join(corpusDir, 'rule-examples.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

/** The provider a corpus rule is about, normalized to tokenscope's provider ids where they differ. */
export function corpusProvider(example) {
  let name;
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

/** Offsets [start, end) of each occurrence of `expected` in `text`. */
export function expectedSpans(text, expected) {
  const spans = [];
  if (!expected) return spans;
  let from = text.indexOf(expected);
  while (from >= 0) {
    spans.push([from, from + expected.length]);
    from = text.indexOf(expected, from + 1);
  }
  return spans;
}

/** True when a finding span overlaps where the expected secret sits (any span when unknown). */
export function overlapsExpected(text, expected, spans) {
  if (spans.length === 0) return false;
  const targets = expectedSpans(text, expected);
  if (targets.length === 0) return true;
  return targets.some(([from, to]) => spans.some(([s, e]) => s < to && from < e));
}

/**
 * Rules about identifiers that accompany a credential (client ids, hostnames, account names,
 * bucket names, ARNs) rather than about a credential. tokenscope reports credentials, so recall is
 * measured on credential rules first; the all-rules figure is printed beside it.
 */
const IDENTIFIER_RULE =
  /\b(?:id|ids|domain|host|hostname|url|uri|name|username|user|account|email|endpoint|region|instance|org|organization|tenant|subdomain|identifier|project|bucket|resource name)\b/i;
const CREDENTIAL_RULE =
  /secret|token|key|password|credential|\bpat\b|\bauth\b|authorization|authentication|passphrase|cookie|session|jwt|webhook|dsn|connection|private/i;

export function isIdentifierRule(example) {
  return IDENTIFIER_RULE.test(example.ruleName) && !CREDENTIAL_RULE.test(example.ruleName);
}
