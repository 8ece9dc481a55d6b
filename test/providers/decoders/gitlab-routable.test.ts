import { describe, expect, it } from 'vitest';
import { decodeGitlabRoutable, decodeRoutingPayload } from '../../../src/providers/gitlab/routable.js';
import { checkGitlabRoutable, gitlabRoutableSuffix } from '../../../src/providers/formats/checksums.js';
import type { DecodeContext } from '../../../src/providers/decoder-types.js';

const ctx: DecodeContext = {
  groups: {},
  path: '.env',
  defaults: { privilege: 'destructive', breadth: 'account', tokenType: 'pat' },
  now: new Date('2026-06-01T00:00:00Z'),
};

/** Builds a routable token the way GitLab's generator does, with fixed (fake) random bytes. */
function routable(prefix: string, routing: Record<string, number | string>, random = Buffer.alloc(16, 0x41)): string {
  const payload = Object.entries(routing)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}:${typeof v === 'number' ? v.toString(36) : v}`)
    .join('\n');
  const raw = Buffer.concat([random, Buffer.from(payload, 'utf8'), Buffer.from([Buffer.byteLength(payload)])]);
  const b64 = raw.toString('base64url');
  const stem = `${prefix}${b64}.01.${b64.length.toString(36).padStart(2, '0')}`;
  return stem + gitlabRoutableSuffix(stem);
}

describe('gitlab-routable decoder', () => {
  it('a personal access token: user and organization, account breadth', () => {
    const token = routable('glpat-', { c: 1, o: 1, u: 123456 });
    expect(checkGitlabRoutable(token)).toBe(true);
    const s = decodeGitlabRoutable(token, ctx)!;
    expect(s.facts).toEqual({ tokenPrefix: 'glpat', cellId: '1', orgId: '1', userId: '123456' });
    expect(s.breadth).toBe('account');
    expect(s.evidence.join('\n')).toMatch(/user 123456 in organization 1/);
    expect(s.evidence.join('\n')).toMatch(/bot-user tokens/);
  });

  it('decodes base36 ids beyond 2^53', () => {
    const big = 2n ** 60n + 12345n;
    const s = decodeGitlabRoutable(routable('glpat-', { o: 1, u: big.toString(36) }), ctx)!;
    expect(s.facts['userId']).toBe(big.toString());
  });

  it('a group runner token: group id, org breadth, runner type', () => {
    const s = decodeGitlabRoutable(routable('glrt-t2_', { c: 1, g: 4242, o: 1, u: 77 }), ctx)!;
    expect(s.facts['groupId']).toBe('4242');
    expect(s.facts['userId']).toBe('77');
    expect(s.facts['runnerType']).toBe('group');
    expect(s.facts['tokenPrefix']).toBe('glrt');
    expect(s.breadth).toBe('org');
  });

  it('a project runner token: project id, project breadth', () => {
    const s = decodeGitlabRoutable(routable('glrt-t3_', { o: 1, p: 987654, u: 77 }), ctx)!;
    expect(s.facts['projectId']).toBe('987654');
    expect(s.facts['runnerType']).toBe('project');
    expect(s.breadth).toBe('project');
    expect(s.evidence.join('\n')).toMatch(/project 987654 in organization 1/);
  });

  it('accepts a self-managed instance prefix', () => {
    const s = decodeGitlabRoutable(routable('corp-glpat-', { o: 2, u: 5 }), ctx)!;
    expect(s.facts['tokenPrefix']).toBe('glpat');
    expect(s.facts['orgId']).toBe('2');
  });

  it('does not mistake a payload starting with "t1_" for a runner tag', () => {
    // Random bytes chosen so the base64url payload itself begins with "t1_".
    const random = Buffer.from('b75fff' + '00'.repeat(13), 'hex');
    const token = routable('glpat-', { o: 1, u: 9 }, random);
    expect(token.startsWith('glpat-t1_')).toBe(true);
    const s = decodeGitlabRoutable(token, ctx)!;
    expect(s.facts['userId']).toBe('9');
    expect(s.facts['runnerType']).toBeUndefined();
  });

  it('returns undefined for legacy and malformed tokens', () => {
    expect(decodeGitlabRoutable('glpat-' + 'x'.repeat(20), ctx)).toBeUndefined();
    const good = routable('glpat-', { o: 1, u: 9 });
    // Wrong base64 length holder.
    const badLength = good.replace(/\.01\.([0-9a-z]{2})/, '.01.zz');
    expect(decodeGitlabRoutable(badLength, ctx)).toBeUndefined();
    // Random payload with a wrong trailing length byte.
    const raw = Buffer.concat([Buffer.alloc(16, 1), Buffer.from('o:1\nu:9'), Buffer.from([3])]).toString('base64url');
    const stem = `glpat-${raw}.01.${raw.length.toString(36).padStart(2, '0')}`;
    expect(decodeGitlabRoutable(stem + gitlabRoutableSuffix(stem), ctx)).toBeUndefined();
    expect(decodeGitlabRoutable('not-a-token', ctx)).toBeUndefined();
  });

  it('decodeRoutingPayload rejects unknown line shapes', () => {
    const enc = (text: string) =>
      Buffer.concat([Buffer.alloc(16), Buffer.from(text), Buffer.from([Buffer.byteLength(text)])]).toString(
        'base64url',
      );
    expect(decodeRoutingPayload(enc('o:1\nu:2'))).toEqual({ o: '1', u: '2' });
    expect(decodeRoutingPayload(enc('hello world'))).toBeUndefined();
    expect(decodeRoutingPayload(enc('o:1\no:2'))).toBeUndefined();
    expect(decodeRoutingPayload(enc('t:x'))).toBeUndefined(); // no known key
  });
});
