// End to end: what level a JWT gets. A bearer JWT that has not expired, or has no expiry, is a
// working credential (at least a warning); an expired one is a note; jwt.io's sample and a
// Supabase anon key (public by design) do not fail a build.

import { afterAll, beforeAll, expect, it } from 'vitest';
import { assertBuilt, runCli } from '../helpers/run-cli.js';
import { removeDir, tempRepo } from '../helpers/tmp.js';
import { randomAlnum } from '../helpers/tokens.js';

const dirs: string[] = [];
beforeAll(assertBuilt);
afterAll(() => dirs.forEach(removeDir));

const b64 = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');
const jwt = (claims: Record<string, unknown>): string =>
  `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}.${randomAlnum(43)}`;
const inDays = (days: number): number => Math.floor(Date.now() / 1000) + days * 86400;

it('JWT levels: unexpired and exp-less ones warn, expired ones and public ones are notes, the jwt.io sample is not reported', () => {
  const lines = [
    `API_TOKEN=${jwt({ sub: 'deploy-bot', exp: inDays(30) })}`,
    `const session = '${jwt({ sub: 'svc-reports', iat: 1700000000 })}';`,
    `headers: { Authorization: 'Bearer ${jwt({ sub: 'u1', exp: 1500000000 })}' }`,
    `DEMO_TOKEN=${jwt({ sub: '1234567890', name: 'John Doe', iat: 1516239022 })}`,
    `SUPABASE_ANON_KEY=${jwt({ iss: 'supabase', ref: 'abcdefghijklmnopqrst', role: 'anon', iat: 1700000000, exp: inDays(3650) })}`,
    '',
  ];
  const dir = tempRepo({ 'config/app.env': lines.join('\n') });
  dirs.push(dir);
  const run = runCli(['scan', dir, '--format', 'json']);
  const findings = (JSON.parse(run.stdout) as { findings: Array<{ line: number; ruleId: string; level: string }> })
    .findings;
  expect(findings.map((f) => [f.line, f.ruleId, f.level])).toEqual([
    [1, 'generic.jwt', 'warning'],
    [2, 'generic.jwt', 'warning'],
    [3, 'generic.jwt', 'note'],
    [5, 'supabase.anon-jwt', 'note'],
  ]);
  expect(run.status).toBe(1);
});
