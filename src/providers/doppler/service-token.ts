// Doppler service tokens: `dp.st.<config>.<secret>` (newer tokens embed the config slug; older
// ones are `dp.st.<secret>`). A service token reads (or reads and writes) one config. Branch
// configs are named `<environment>_<branch>` (e.g. `prd_hotfix`, `dev_personal`), so the root
// environment is the part before the first underscore. See docs.doppler.com/reference/auth-token-formats.

import type { DecodedScope, DecodeContext } from '../decoder-types.js';

const PRODUCTION = new Set(['prd', 'prod', 'production', 'live']);

export function decodeDopplerService(secret: string, _ctx: DecodeContext): DecodedScope | undefined {
  const m = /^dp\.st\.(?:([a-z0-9_-]{2,35})\.)?[A-Za-z0-9]{40,44}$/.exec(secret.trim());
  if (!m) return undefined;
  const config = m[1];
  const scope: DecodedScope = { facts: {}, evidence: [], breadth: 'resource' };
  if (!config) {
    scope.evidence.push(
      'Doppler service token: limited to one config (the config is not embedded in this older format)',
    );
    return scope;
  }
  scope.facts['config'] = config;
  const environment = config.split('_')[0] ?? config;
  scope.facts['configEnvironment'] = environment;
  scope.evidence.push(`Doppler service token for config "${config}": limited to that one config`);
  if (PRODUCTION.has(environment.toLowerCase())) {
    scope.environment = 'production';
    scope.evidence.push(`Config "${config}" is a production config`);
  }
  return scope;
}
