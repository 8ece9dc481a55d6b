// End to end: how the long-tail provider detectors rank a value. A prefixed format (odt_, hawk.,
// a WireGuard PrivateKey line) is found with no vendor word nearby; an unprefixed vendor key is a
// warning only as the value of a key naming the vendor and a credential, a note when the vendor is
// merely named nearby, and never demotes a generic match on the same value.

import { randomBytes, randomInt } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { assertBuilt, runCli } from '../helpers/run-cli.js';
import { removeDir, tempRepo } from '../helpers/tmp.js';
import { randomAlnum } from '../helpers/tokens.js';
import { shannonEntropy } from '../../src/detect/entropy.js';

const dirs: string[] = [];
beforeAll(assertBuilt);
afterAll(() => dirs.forEach(removeDir));

const LOWER = 'abcdefghjkmnpqrstuvwxyz23456789';
/**
 * Lower-case alphanumerics without runs the placeholder judge reads as made up, and with the
 * entropy of a generated key: about one draw in a hundred (3 in 300 measured) repeats enough characters to fall under
 * the generic judge's entropy floor (a 32-character value under 3.8 bits), which made this test
 * fail now and then on a value no vendor would issue.
 */
function randomLower(length: number): string {
  for (;;) {
    let out = '';
    while (out.length < length) {
      const c = LOWER[randomInt(LOWER.length)]!;
      if (out.length > 0 && Math.abs(c.charCodeAt(0) - out.charCodeAt(out.length - 1)) === 1) continue;
      out += c;
    }
    if (shannonEntropy(out) >= 4.2) return out;
  }
}

interface Finding {
  path: string;
  line: number;
  ruleId: string;
  level: string;
}

function scan(files: Record<string, string>): Finding[] {
  const dir = tempRepo(files);
  dirs.push(dir);
  const run = runCli(['scan', dir, '--format', 'json', '--fail-on', 'none']);
  expect(run.status).toBe(0);
  return (JSON.parse(run.stdout) as { findings: Finding[] }).findings;
}

it('an unprefixed vendor key warns as a key value, and warns too when only named nearby on its line, but not when nothing credential-like is named', () => {
  const findings = scan({
    'config/app.env': [
      `ZEROBOUNCE_API_KEY=${randomLower(32)}`,
      `# zerobounce secret key ${randomLower(32)}`,
      `zerobounce release notes ${randomLower(32)}`,
      '',
    ].join('\n'),
    'config/services.json': `{"zerobounce": {"apiKey": "${randomLower(32)}"}}\n`,
  });
  const seen = findings.map((f) => [f.path, f.line, f.ruleId, f.level]);
  expect(seen).toContainEqual(['config/app.env', 1, 'zerobounce.api-key', 'warning']);
  expect(seen).toContainEqual(['config/app.env', 2, 'zerobounce.api-key-mention', 'warning']);
  expect(findings.some((f) => f.path === 'config/app.env' && f.line === 3)).toBe(false);
  const nested = findings.filter((f) => f.path === 'config/services.json');
  expect(nested.map((f) => f.level)).toEqual(['warning']);
  expect(nested[0]!.ruleId).not.toBe('zerobounce.api-key-mention');
});

it('prefixed and structured formats are found without the vendor named nearby', () => {
  const wgKey = randomBytes(32).toString('base64');
  const findings = scan({
    'deploy/upload.sh': `curl -H "X-Api-Key: odt_${randomAlnum(32)}" https://sbom.internal/api/v1/bom\n`,
    'ci/scan.yml': `env:\n  HAWK_API_KEY: hawk.${randomAlnum(20)}.${randomAlnum(20)}\n`,
    'vpn/wg0.conf': `[Interface]\nPrivateKey = ${wgKey}\n\n[Peer]\nPublicKey = ${randomBytes(32).toString('base64')}\n`,
  });
  const seen = findings.map((f) => [f.path, f.line, f.ruleId, f.level]);
  expect(seen).toContainEqual(['deploy/upload.sh', 1, 'dependency-track.api-key', 'warning']);
  expect(seen).toContainEqual(['ci/scan.yml', 2, 'stackhawk.api-key', 'warning']);
  expect(seen).toContainEqual(['vpn/wg0.conf', 2, 'wireguard.private-key', 'warning']);
  // The public half of the pair is not a secret.
  expect(findings.some((f) => f.path === 'vpn/wg0.conf' && f.line === 5)).toBe(false);
});
