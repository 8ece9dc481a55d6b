import { describe, expect, it } from 'vitest';
import { decodeDopplerService } from '../../../src/providers/doppler/service-token.js';
import type { DecodeContext } from '../../../src/providers/decoder-types.js';

const ctx: DecodeContext = {
  groups: {},
  path: '.env',
  defaults: { privilege: 'write', breadth: 'resource', tokenType: 'service-token' },
  now: new Date('2026-06-01T00:00:00Z'),
};

const FAKE = 'FAKE0000'.repeat(5); // 40 characters

describe('doppler-service decoder', () => {
  it.each(['prd', 'prod', 'production', 'live', 'prd_hotfix'])('config %s is production', (config) => {
    const s = decodeDopplerService(`dp.st.${config}.${FAKE}`, ctx)!;
    expect(s.facts['config']).toBe(config);
    expect(s.environment).toBe('production');
    expect(s.breadth).toBe('resource');
    expect(s.evidence.join('\n')).toMatch(/production config/);
  });

  it.each(['dev', 'dev_personal', 'stg', 'ci', 'preproduction'])('config %s is not production', (config) => {
    const s = decodeDopplerService(`dp.st.${config}.${FAKE}`, ctx)!;
    expect(s.facts['config']).toBe(config);
    expect(s.environment).toBeUndefined();
  });

  it('reports the root environment of a branch config', () => {
    expect(decodeDopplerService(`dp.st.dev_personal.${FAKE}`, ctx)?.facts['configEnvironment']).toBe('dev');
  });

  it('older tokens without a config still decode as one-config tokens', () => {
    const s = decodeDopplerService(`dp.st.${FAKE}`, ctx)!;
    expect(s.breadth).toBe('resource');
    expect(s.facts['config']).toBeUndefined();
  });

  it('never includes the secret part', () => {
    expect(JSON.stringify(decodeDopplerService(`dp.st.prd.${FAKE}`, ctx))).not.toContain('FAKE0000');
  });

  it('returns undefined for other tokens', () => {
    expect(decodeDopplerService(`dp.pt.${FAKE}`, ctx)).toBeUndefined();
    expect(decodeDopplerService('dp.st.prd.short', ctx)).toBeUndefined();
  });
});
