// docs/providers.md, generated from the detector catalogue: per provider, each token type with
// what it can do (privilege, reach), the narrower credential to use instead, where to revoke it,
// and the vendor documentation behind those facts. Code and detector comments cite this page
// (`docs/providers.md#<provider>`), so every provider fact they rely on resolves inside the
// repository. Kept fresh by test/detectors/docs.test.ts (`npm run docs:providers` rewrites it).

import type { DetectorFile } from '../model/detector.js';

const cell = (text: string): string => text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();

export function renderProviderDocs(files: readonly DetectorFile[]): string {
  const sorted = [...files].sort((a, b) => (a.provider < b.provider ? -1 : a.provider > b.provider ? 1 : 0));
  const detectors = sorted.reduce((n, f) => n + f.detectors.length, 0);
  const out: string[] = [
    '# Providers and token types',
    '',
    '<!-- Generated from detectors/*.yaml by `npm run docs:providers`; do not edit by hand. -->',
    '',
    `${detectors} detectors for ${sorted.length} providers. For each token type: the most damaging thing it can do`,
    '(**privilege**: public < read < write < destructive < admin, or unknown where the grant is chosen at',
    'creation and nothing offline reveals it), how far it reaches (**breadth**: resource < project < org <',
    'account), the narrower credential the provider offers, and the vendor documentation these facts',
    'come from. `tokenscope detectors ID` prints the same for one detector, with its remediation.',
    '',
    sorted.map((f) => `[${f.provider}](#${f.provider})`).join(' · '),
    '',
  ];
  for (const f of sorted) {
    out.push(
      `## ${f.provider}`,
      '',
      `**${cell(f.providerName)}**${f.revokeUrl ? ` — revoke at <${f.revokeUrl}>` : ''}`,
      '',
    );
    out.push('| detector | token | privilege | breadth | narrower alternative |', '| --- | --- | --- | --- | --- |');
    for (const d of f.detectors) {
      out.push(
        `| \`${d.id}\` | ${cell(d.name)} | ${d.privilege} | ${d.breadth} | ${d.narrowerAlternative ? cell(d.narrowerAlternative) : '—'} |`,
      );
    }
    const references = [...new Set(f.detectors.flatMap((d) => d.references))]
      .filter((r) => /^https?:\/\//.test(r))
      .sort();
    if (references.length > 0) out.push('', 'Sources:', ...references.map((r) => `- <${r}>`));
    out.push('');
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
