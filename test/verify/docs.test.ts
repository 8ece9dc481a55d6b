// docs/verify-endpoints.md is generated from the verifier table: it must be fresh, list at least
// 15 providers, and every row must be GET/HEAD or an allowed read-only POST to that provider's own
// host — the published list users allow in locked-down CI.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderVerifyDocs, endpointHosts, routeDetectors } from '../../src/verify/docs.js';
import { builtinDetectorSources, loadDetectorFiles } from '../../src/catalog/load.js';
import { verifiers } from '../../src/providers/verifiers.js';
import type { Verifier } from '../../src/providers/verifier-types.js';

const registry: Record<string, Verifier> = verifiers;
const DOC = join(import.meta.dirname, '..', '..', 'docs', 'verify-endpoints.md');
const text = readFileSync(DOC, 'utf8');

interface Row {
  provider: string;
  method: string;
  hosts: string[];
  path: string;
}

function rows(): Row[] {
  const section = text.split('## Requests')[1]!.split('\n## ')[0]!;
  return section
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| Provider') && !line.startsWith('| ---'))
    .map((line) => {
      const cells = line
        .split(/(?<!\\)\|/)
        .slice(1, -1)
        .map((c) => c.trim());
      return {
        provider: cells[0]!,
        method: cells[2]!,
        hosts: [...cells[3]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!),
        path: cells[4]!.replace(/^`|`$/g, ''),
      };
    });
}

describe('docs/verify-endpoints.md', () => {
  it('is generated from the code and up to date (npm run docs:verify)', () => {
    const files = loadDetectorFiles(builtinDetectorSources()).files.map((f) => f.file);
    expect(text).toBe(renderVerifyDocs(registry, routeDetectors(registry, files)));
  });

  it('lists at least 15 providers', () => {
    expect(new Set(rows().map((r) => r.provider)).size).toBeGreaterThanOrEqual(15);
    expect(Object.keys(registry).length).toBeGreaterThanOrEqual(15);
  });

  it('every entry is GET/HEAD, or a read-only POST (Slack auth.test, a GraphQL query) to the provider’s own host', () => {
    const byName = new Map(Object.values(registry).map((v) => [v.providerName, v]));
    for (const row of rows()) {
      const verifier = byName.get(row.provider)!;
      expect(verifier, row.provider).toBeDefined();
      expect(['GET', 'HEAD', 'POST (GraphQL query)', 'POST (read-only method, empty body)']).toContain(row.method);
      const endpoint = verifier.endpoints.find(
        (e) =>
          e.path.replace(/\{([a-z_]+)\}/gi, '<$1>') === row.path &&
          endpointHosts(verifier, e).join(' ') === row.hosts.join(' '),
      )!;
      expect(endpoint, `${row.provider} ${row.path}`).toBeDefined();
      if (row.method === 'POST (GraphQL query)') expect(endpoint.graphqlQuery).toMatch(/^query \{/);
      if (row.method === 'POST (read-only method, empty body)')
        expect(`${row.hosts.join()} ${row.path}`).toBe('slack.com /api/auth.test');
      for (const host of row.hosts) {
        const concrete = host.replace(/<[a-z_]+>/g, 'acme');
        expect(
          verifier.hosts.some((h) => (typeof h === 'string' ? h === concrete : h.test(concrete))),
          `${row.provider}: ${host}`,
        ).toBe(true);
      }
    }
  });

  it('has one row per declared endpoint, so nothing is sent that is not published', () => {
    const declared = Object.values(registry).reduce((n, v) => n + v.endpoints.length, 0);
    expect(rows()).toHaveLength(declared);
  });

  it('lists the credentials that are never sent and never names an unsafe verification path', () => {
    expect(text).toMatch(/\| DigitalOcean \| `dor_v1_` \|/);
    expect(text).toMatch(/\| Slack \| `xoxe-` \|/);
    expect(text).toMatch(/\| GitHub \| `ghr_` \|/);
    const requests = text.split('## Requests')[1]!.split('## Never sent')[0]!;
    expect(requests).not.toMatch(
      /\/v1\/messages`|oauth\/token|chat\.postMessage|apps\.connections\.open|\/credentials\/revoke|DELETE/,
    );
  });
});
