import { describe, expect, it } from 'vitest';
import { decodeGcpServiceAccount } from '../../../src/providers/gcp/service-account.js';
import type { DecodeContext } from '../../../src/providers/decoder-types.js';

function ctx(groups: Record<string, string> = {}): DecodeContext {
  return {
    groups,
    path: 'deploy/key.json',
    defaults: { privilege: 'destructive', breadth: 'project', tokenType: 'service-account-key' },
    now: new Date('2026-06-01T00:00:00Z'),
  };
}

const FAKE_PEM = '-----BEGIN PRIVATE KEY-----\nFAKEFAKEFAKE\n-----END PRIVATE KEY-----\n';

function keyFile(email: string, project = 'example-project-123'): Record<string, string> {
  return {
    type: 'service_account',
    project_id: project,
    private_key_id: '0123456789abcdef0123456789abcdef01234567',
    private_key: FAKE_PEM,
    client_email: email,
    client_id: '100000000000000000001',
    token_uri: 'https://oauth2.googleapis.com/token',
    universe_domain: 'googleapis.com',
  };
}

describe('gcp-service-account decoder', () => {
  it('user-managed service account: facts, no privilege claim', () => {
    const json = JSON.stringify(keyFile('deployer@example-project-123.iam.gserviceaccount.com'), null, 2);
    const s = decodeGcpServiceAccount(json, ctx())!;
    expect(s.facts).toEqual({
      clientEmail: 'deployer@example-project-123.iam.gserviceaccount.com',
      privateKeyId: '0123456789abcdef0123456789abcdef01234567',
      projectId: 'example-project-123',
    });
    expect(s.privilege).toBeUndefined();
    expect(s.evidence.join('\n')).toMatch(/roles are not in the key file/);
  });

  it('default Compute Engine service account: Editor, destructive, project', () => {
    const s = decodeGcpServiceAccount(
      JSON.stringify(keyFile('123456789012-compute@developer.gserviceaccount.com')),
      ctx(),
    )!;
    expect(s.privilege).toBe('destructive');
    expect(s.breadth).toBe('project');
    expect(s.facts['defaultServiceAccount']).toBe(true);
    expect(s.facts['projectNumber']).toBe('123456789012');
    expect(s.evidence.join('\n')).toMatch(/Default Compute Engine service account: historically granted Editor/);
  });

  it('default App Engine service account: project from the email', () => {
    const s = decodeGcpServiceAccount('"client_email": "example-project-123@appspot.gserviceaccount.com"', ctx())!;
    expect(s.privilege).toBe('destructive');
    expect(s.facts['projectId']).toBe('example-project-123');
    expect(s.evidence.join('\n')).toMatch(/Default App Engine/);
  });

  it('is robust to JSON embedded with escaped quotes and newlines', () => {
    const embedded = JSON.stringify(
      JSON.stringify(keyFile('123-compute@developer.gserviceaccount.com', 'embedded-proj')),
    );
    expect(embedded).toContain('\\"client_email\\"');
    const s = decodeGcpServiceAccount(embedded, ctx())!;
    expect(s.facts['projectId']).toBe('embedded-proj');
    expect(s.facts['clientEmail']).toBe('123-compute@developer.gserviceaccount.com');
    // Doubly escaped, as in a JSON string inside a JS string literal.
    const twice = JSON.stringify(embedded);
    expect(decodeGcpServiceAccount(twice, ctx())?.facts['projectId']).toBe('embedded-proj');
  });

  it('reads a partial key file (the match only covers some fields)', () => {
    const s = decodeGcpServiceAccount('"type": "service_account",\n  "project_id": "partial-proj",', ctx())!;
    expect(s.facts['projectId']).toBe('partial-proj');
    expect(s.facts['clientEmail']).toBeUndefined();
  });

  it('takes fields from named groups', () => {
    const s = decodeGcpServiceAccount(
      '"type": "service_account"',
      ctx({ client_email: 'ci@group-proj-1.iam.gserviceaccount.com' }),
    )!;
    expect(s.facts['projectId']).toBe('group-proj-1');
    expect(s.facts['clientEmail']).toBe('ci@group-proj-1.iam.gserviceaccount.com');
  });

  it('never includes the private key', () => {
    const s = decodeGcpServiceAccount(
      JSON.stringify(keyFile('a-b-c-d@example-project-123.iam.gserviceaccount.com')),
      ctx(),
    );
    expect(JSON.stringify(s)).not.toContain('FAKEFAKE');
  });

  it('returns undefined for other JSON', () => {
    expect(decodeGcpServiceAccount('{"type":"authorized_user","client_id":"x"}', ctx())).toBeUndefined();
    expect(decodeGcpServiceAccount('{"type":"external_account","project_id":"p"}', ctx())).toBeUndefined();
    expect(decodeGcpServiceAccount('hello', ctx())).toBeUndefined();
  });
});
