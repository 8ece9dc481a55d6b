// Renders docs/verify-endpoints.md from the verifier registry, so the published list of hosts and
// requests is exactly what the code sends (scripts/gen-verify-docs.mjs writes it; a test checks
// it is fresh). Locked-down CI can allow exactly these hosts.

import type { AuthForm, Endpoint, Verifier } from '../providers/verifier-types.js';
import { buildDetectorSet } from '../detect/compile.js';
import { detectInText } from '../detect/engine.js';
import { normalizeExample } from '../catalog/examples.js';
import type { DetectorFile } from '../model/detector.js';
import { selectEndpoint } from './guard.js';

function authText(auth: AuthForm): string {
  switch (auth.kind) {
    case 'bearer':
      return '`Authorization: Bearer <token>`';
    case 'authorization':
      return '`Authorization: <token>`';
    case 'header':
      return `\`${auth.name}: <token>\``;
    case 'basic':
      return `\`Authorization: Basic base64(<${auth.userParam}>:<token>)\``;
  }
}

/** `api.{site}` → `api.<site>`, for display. */
function template(text: string): string {
  return text.replace(/\{([a-z_]+)\}/gi, '<$1>');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The hosts one endpoint may reach, for display. */
export function endpointHosts(verifier: Verifier, endpoint: Endpoint): string[] {
  if (!endpoint.host.includes('{')) return [endpoint.host];
  if (verifier.hosts.some((h) => typeof h !== 'string')) return [template(endpoint.host)];
  return verifier.hosts.filter((h): h is string => typeof h === 'string');
}

function methodText(endpoint: Endpoint): string {
  if (endpoint.method !== 'POST') return endpoint.method;
  return endpoint.graphqlQuery !== undefined ? 'POST (GraphQL query)' : 'POST (read-only method, empty body)';
}

function why(endpoint: Endpoint): string {
  const selfHosted = endpoint.selfHosted ? `; also the hosts listed in \`verify.${endpoint.selfHosted}\`` : '';
  const query = endpoint.graphqlQuery !== undefined ? `; body \`{"query": "${endpoint.graphqlQuery}"}\`` : '';
  const params = Object.entries(endpoint.params ?? {})
    .map(
      ([name, p]) =>
        `\`<${name}>\` is ${p.describe}${p.default ? ` (default \`${p.default}\`)` : ', from the match; without it nothing is sent'}`,
    )
    .join('; ');
  return `${endpoint.readOnly}${query}${params ? `; ${params}` : ''}${selfHosted}`;
}

/**
 * Which built-in detectors each endpoint serves (`verifierId/endpointId` → detector ids): each
 * detector's YAML names its verifier, and the endpoint is the one it names, else the one its
 * positive examples' tokens are routed to by prefix.
 */
export function routeDetectors(
  registry: Readonly<Record<string, Verifier>>,
  files: readonly DetectorFile[],
): Map<string, string[]> {
  const set = buildDetectorSet(files);
  const routes = new Map<string, string[]>();
  for (const file of files) {
    for (const def of file.detectors) {
      const verifier = def.verifier !== undefined ? registry[def.verifier] : undefined;
      if (!verifier) continue;
      const endpoints = new Set<string>();
      if (def.verifierEndpoint) endpoints.add(def.verifierEndpoint);
      else if (verifier.endpoints.length === 1) endpoints.add(verifier.endpoints[0]!.id);
      else {
        for (const example of def.examples.positive) {
          const { text, path } = normalizeExample(example);
          for (const m of detectInText(text, path, set)) {
            if (m.detector.id !== def.id) continue;
            const endpoint = selectEndpoint(verifier, undefined, m.secret);
            if (endpoint) endpoints.add(endpoint.id);
          }
        }
      }
      for (const id of endpoints) {
        const key = `${verifier.id}/${id}`;
        routes.set(key, [...(routes.get(key) ?? []), def.id]);
      }
    }
  }
  return routes;
}

export function renderVerifyDocs(
  registry: Readonly<Record<string, Verifier>>,
  routes: ReadonlyMap<string, readonly string[]>,
): string {
  const list = Object.values(registry).sort((a, b) => a.providerName.localeCompare(b.providerName));
  const out: string[] = [
    '# Online lookup endpoints (`--verify`)',
    '',
    '<!-- Generated from src/providers/*/verifier.ts by `npm run docs:verify` (scripts/gen-verify-docs.mjs). Do not edit by hand: a test fails when this file is stale. -->',
    '',
    '`tokenscope scan --verify` asks each credential’s provider, once per distinct secret, whether it',
    'is live and what it may do. Without `--verify` tokenscope opens no network connection at all.',
    'Every request below is enforced in code (src/verify/guard.ts) and tested:',
    '',
    '- HTTPS only, certificate verification on, to the provider’s own API host listed here; self-managed',
    '  GitHub Enterprise and GitLab hosts only when a config passed with `--config` names them (`verify.githubHosts`,',
    '  `verify.gitlabHosts`): a config found in the scanned tree cannot choose where tokens are sent;',
    '- `GET`/`HEAD`, except documented read-only `POST`s: Slack `auth.test` and GraphQL *queries* (never mutations);',
    '- redirects are never followed; 5 s timeout; at most 4 lookups at once; one retry after HTTP 429',
    '  (honouring `Retry-After` up to 10 s);',
    '- `active` only from a success carrying the provider’s expected answer, `inactive` only when the provider',
    '  says the credential is invalid or revoked; anything else (network errors, 5xx, rate limits, WAF pages,',
    '  unexpected bodies, redirects) is `unknown` and the offline result stands.',
    '',
    'Each lookup authenticates with the found credential, so it may appear in the provider’s audit log or',
    'update a “last used” time. Nothing here changes a resource, consumes a refresh token or costs money.',
    '',
    `## Hosts to allow (${list.length} providers)`,
    '',
  ];
  const hostLines = new Set<string>();
  for (const verifier of list) {
    const hosts = [...new Set(verifier.endpoints.flatMap((e) => endpointHosts(verifier, e)))];
    const selfHosted = [...new Set(verifier.endpoints.map((e) => e.selfHosted).filter((s) => s !== undefined))];
    hostLines.add(
      `- ${verifier.providerName}: ${hosts.map((h) => `\`${h}\``).join(', ')}${selfHosted.length > 0 ? ` (and the hosts in \`verify.${selfHosted.join('`, `verify.')}\`)` : ''}`,
    );
  }
  out.push(...hostLines, '', '## Requests', '');
  out.push('| Provider | Detectors | Method | Host | Path | Credential sent as | Why it is read-only |');
  out.push('| --- | --- | --- | --- | --- | --- | --- |');
  for (const verifier of list) {
    for (const endpoint of verifier.endpoints) {
      const detectors = [
        ...(routes.get(`${verifier.id}/${endpoint.id}`) ?? []).map((d) => `\`${d}\``),
        ...(endpoint.prefixes ?? []).map((p) => `\`${p}…\``),
      ].join(' ');
      out.push(
        `| ${cell(verifier.providerName)} | ${cell(detectors)} | ${methodText(endpoint)} | ${endpointHosts(
          verifier,
          endpoint,
        )
          .map((h) => `\`${h}\``)
          .join(' ')} | \`${cell(template(endpoint.path))}\` | ${authText(endpoint.auth)} | ${cell(why(endpoint))} |`,
      );
    }
  }
  out.push(
    '',
    '## Never sent',
    '',
    'These credentials are recognised but never sent anywhere, whichever detector found them:',
    '',
  );
  out.push('| Provider | Token prefix | Why |', '| --- | --- | --- |');
  for (const verifier of list) {
    for (const r of verifier.refuse ?? [])
      out.push(`| ${cell(verifier.providerName)} | \`${cell(r.prefix)}\` | ${cell(r.why)} |`);
  }
  out.push(
    '',
    'Detectors without a verifier (for example AWS, GCP and database URIs, which need request signing or a',
    'database session) are reported with `verified: unknown: not looked up: …` under `--verify`.',
    '',
  );
  return out.join('\n');
}
