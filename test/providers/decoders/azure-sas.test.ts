import { describe, expect, it } from 'vitest';
import { decodeAzureSas } from '../../../src/providers/azure/sas.js';
import type { DecodeContext } from '../../../src/providers/decoder-types.js';

function ctx(groups: Record<string, string> = {}): DecodeContext {
  return {
    groups,
    path: 'deploy/upload.sh',
    defaults: { privilege: 'destructive', breadth: 'unknown', tokenType: 'sas-token' },
    now: new Date('2026-06-01T00:00:00Z'),
  };
}

// An obviously fake signature: the decoder must never echo it.
const SIG = 'sig=FAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKE0000%3D';

describe('azure-sas decoder', () => {
  it('account SAS with delete: destructive, account breadth', () => {
    const q = `sv=2022-11-02&ss=bfqt&srt=sco&sp=rwdlacupiytfx&se=2027-01-01T00:00:00Z&st=2026-01-01T00:00:00Z&spr=https&${SIG}`;
    const s = decodeAzureSas(`https://examplestore.blob.core.windows.net/?${q}`, ctx())!;
    expect(s.privilege).toBe('destructive');
    expect(s.breadth).toBe('account');
    expect(s.facts['account']).toBe('examplestore');
    expect(s.facts['services']).toEqual(['blob', 'file', 'queue', 'table']);
    expect(s.facts['resourceTypes']).toEqual(['service', 'container', 'object']);
    expect(s.facts['signedVersion']).toBe('2022-11-02');
    expect(s.facts['start']).toBe('2026-01-01T00:00:00.000Z');
    expect(s.facts['protocol']).toBe('https');
    expect(s.expiresAt).toBe('2027-01-01T00:00:00.000Z');
    expect(s.scopes).toContain('permanent-delete');
    expect(s.scopes).toContain('delete-version');
    expect(s.scopes).toContain('process'); // account SAS: p = process
    expect(s.evidence.join('\n')).toMatch(/Account SAS/);
    expect(s.evidence.join('\n')).toMatch(/No IP restriction/);
  });

  it('service SAS read/list only: read, resource breadth', () => {
    const s = decodeAzureSas(
      `https://examplestore.blob.core.windows.net/backups?sv=2022-11-02&sr=c&sp=rl&se=2026-06-02&sip=10.0.0.1-10.0.0.9&${SIG}`,
      ctx(),
    )!;
    expect(s.privilege).toBe('read');
    expect(s.breadth).toBe('resource');
    expect(s.facts['signedResource']).toBe('container');
    expect(s.facts['path']).toBe('/backups');
    expect(s.facts['ipRange']).toBe('10.0.0.1-10.0.0.9');
    expect(s.expiresAt).toBe('2026-06-02T00:00:00.000Z');
    expect(s.evidence.join('\n')).not.toMatch(/No IP restriction/);
    expect(s.scopes).toEqual(['read', 'list']);
  });

  it('write/add/create without delete: write', () => {
    const s = decodeAzureSas(`?sv=2022-11-02&sr=b&sp=racw&se=2026-07-01T00%3A00%3A00Z&${SIG}`, ctx())!;
    expect(s.privilege).toBe('write');
    expect(s.breadth).toBe('resource');
    expect(s.facts['signedResource']).toBe('blob');
    expect(s.expiresAt).toBe('2026-07-01T00:00:00.000Z');
    expect(s.evidence.join('\n')).toMatch(/overwrite/);
  });

  it('x (delete version) and y (permanent delete) are destructive', () => {
    expect(decodeAzureSas(`sv=2022-11-02&sr=b&sp=rx&se=2026-07-01&${SIG}`, ctx())?.privilege).toBe('destructive');
    expect(decodeAzureSas(`sv=2022-11-02&sr=b&sp=ry&se=2026-07-01&${SIG}`, ctx())?.privilege).toBe('destructive');
  });

  it('queue SAS: p means process', () => {
    const s = decodeAzureSas(
      `https://examplestore.queue.core.windows.net/jobs?sv=2022-11-02&sp=rp&se=2026-07-01&${SIG}`,
      ctx(),
    )!;
    expect(s.facts['service']).toBe('queue');
    expect(s.scopes).toEqual(['read', 'process']);
    expect(s.breadth).toBe('resource');
    expect(s.evidence.join('\n')).toMatch(/deletes queue messages/);
  });

  it('Data Lake directory SAS: p means set permissions', () => {
    const s = decodeAzureSas(
      `https://examplestore.dfs.core.windows.net/fs/dir?sv=2022-11-02&sr=d&sdd=1&sp=rp&se=2026-07-01&${SIG}`,
      ctx(),
    )!;
    expect(s.scopes).toEqual(['read', 'set-permissions']);
    expect(s.evidence.join('\n')).toMatch(/grant access/);
  });

  it('p without context is named as ambiguous', () => {
    const s = decodeAzureSas(`sv=2022-11-02&sp=p&se=2026-07-01&${SIG}`, ctx())!;
    expect(s.scopes).toEqual(['process-or-set-permissions']);
  });

  it('stored access policy without sp: permissions are server-side, no privilege claimed', () => {
    const s = decodeAzureSas(
      `https://examplestore.blob.core.windows.net/c?sv=2022-11-02&sr=c&si=policy-one&${SIG}`,
      ctx(),
    )!;
    expect(s.privilege).toBeUndefined();
    expect(s.facts['storedPolicy']).toBe('policy-one');
    expect(s.evidence.join('\n')).toMatch(/permissions live on the server/);
    expect(s.evidence.join('\n')).toMatch(/expiry .*stored access policy/i);
    expect(s.expiresAt).toBeUndefined();
  });

  it('stored access policy with sp: says the policy may also constrain it', () => {
    const s = decodeAzureSas(`sv=2022-11-02&sr=c&si=p1&sp=rl&se=2026-07-01&${SIG}`, ctx())!;
    expect(s.privilege).toBe('read');
    expect(s.evidence.join('\n')).toMatch(/server-side policy may also/);
  });

  it('user delegation SAS is noted', () => {
    const s = decodeAzureSas(
      `sv=2022-11-02&sr=b&sp=r&se=2026-06-03&skoid=00000000-0000-0000-0000-000000000000&sktid=00000000-0000-0000-0000-000000000001&skt=2026-06-01&ske=2026-06-03&sks=b&skv=2022-11-02&${SIG}`,
      ctx(),
    )!;
    expect(s.facts['userDelegation']).toBe(true);
    expect(s.evidence.join('\n')).toMatch(/User delegation SAS/);
  });

  it('far-future expiry and plain HTTP are called out', () => {
    const s = decodeAzureSas(`sv=2022-11-02&sr=b&sp=r&se=2099-01-01&spr=https,http&${SIG}`, ctx())!;
    expect(s.evidence.join('\n')).toMatch(/year\(s\) away/);
    expect(s.evidence.join('\n')).toMatch(/plain HTTP/);
  });

  it('takes the URL from a named group when the secret is only the query', () => {
    const s = decodeAzureSas(
      `sv=2022-11-02&sr=b&sp=r&se=2026-07-01&${SIG}`,
      ctx({ url: 'https://otherstore.blob.core.windows.net/c/file.txt' }),
    )!;
    expect(s.facts['account']).toBe('otherstore');
    expect(s.facts['path']).toBe('/c/file.txt');
  });

  it('reads a connection-string SharedAccessSignature value', () => {
    const s = decodeAzureSas(`SharedAccessSignature=sv=2022-11-02&ss=b&srt=o&sp=r&se=2026-07-01&${SIG}`, ctx())!;
    expect(s.breadth).toBe('account');
    expect(s.privilege).toBe('read');
  });

  it('reads a full storage connection string with a SAS', () => {
    const s = decodeAzureSas(
      `BlobEndpoint=https://connstore.blob.core.windows.net/;QueueEndpoint=https://connstore.queue.core.windows.net/;SharedAccessSignature=sv=2022-11-02&ss=bq&srt=sco&sp=rwl&se=2026-07-01&${SIG}`,
      ctx(),
    )!;
    expect(s.facts['account']).toBe('connstore');
    expect(s.breadth).toBe('account');
    expect(s.privilege).toBe('write');
  });

  it('takes the account from a named group', () => {
    const s = decodeAzureSas(`sv=2022-11-02&sr=b&sp=r&se=2026-07-01&${SIG}`, ctx({ account: 'groupstore' }))!;
    expect(s.facts['account']).toBe('groupstore');
  });

  it('Service Bus token signed with RootManageSharedAccessKey: admin on the namespace', () => {
    const sr = encodeURIComponent('https://example-ns.servicebus.windows.net/');
    const s = decodeAzureSas(
      `SharedAccessSignature sr=${sr}&${SIG}&se=1780000000&skn=RootManageSharedAccessKey`,
      ctx(),
    )!;
    expect(s.privilege).toBe('admin');
    expect(s.breadth).toBe('project');
    expect(s.facts['namespace']).toBe('example-ns.servicebus.windows.net');
    expect(s.facts['keyName']).toBe('RootManageSharedAccessKey');
    expect(s.expiresAt).toBe(new Date(1780000000 * 1000).toISOString());
  });

  it('Service Bus token for one entity with a custom rule', () => {
    const sr = encodeURIComponent('sb://example-ns.servicebus.windows.net/orders');
    const s = decodeAzureSas(`SharedAccessSignature sr=${sr}&${SIG}&se=1780000000&skn=send-only`, ctx())!;
    expect(s.privilege).toBeUndefined();
    expect(s.breadth).toBe('resource');
    expect(s.facts['entity']).toBe('orders');
    expect(s.evidence.join('\n')).toMatch(/rights .* set on the server/);
  });

  it('never echoes the signature', () => {
    const s = decodeAzureSas(
      `https://examplestore.blob.core.windows.net/?sv=2022-11-02&ss=b&srt=o&sp=r&se=2026-07-01&${SIG}`,
      ctx(),
    )!;
    expect(JSON.stringify(s)).not.toContain('FAKEFAKE');
  });

  it('returns undefined without a signature or SAS fields', () => {
    expect(decodeAzureSas('sv=2022-11-02&sp=r&se=2026-07-01', ctx())).toBeUndefined();
    expect(decodeAzureSas(`foo=bar&${SIG}`, ctx())).toBeUndefined();
    expect(decodeAzureSas('', ctx())).toBeUndefined();
    expect(decodeAzureSas('https://example.com/page?x=1', ctx())).toBeUndefined();
  });
});
