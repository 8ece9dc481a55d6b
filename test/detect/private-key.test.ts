// Private keys in the shapes real files hold them. Every key here is generated at run time
// (node:crypto) or is random bytes in a key's framing: nothing committed is a usable key.

import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildDetectorSet } from '../../src/detect/compile.js';
import { detectInText } from '../../src/detect/engine.js';
import { builtinDetectorSources, loadDetectorFiles } from '../../src/catalog/load.js';
import { describeScope } from '../../src/scope/resolve.js';
import { opensshHeader, privateKeyBody } from '../../src/providers/formats/private-key.js';

const set = buildDetectorSet(loadDetectorFiles(builtinDetectorSources()).files.map((f) => f.file));
const now = new Date('2026-06-01T00:00:00Z');

function rsaPem(options: { type?: 'pkcs1' | 'pkcs8'; passphrase?: string } = {}): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
  return privateKey.export({
    type: options.type ?? 'pkcs1',
    format: 'pem',
    ...(options.passphrase ? { cipher: 'aes-256-cbc', passphrase: options.passphrase } : {}),
  }) as string;
}

function find(text: string, path = 'config/key.txt') {
  return detectInText(text, path, set).map((m) => ({
    id: m.detector.id,
    confidence: m.confidence,
    encoding: m.encoding,
    evidence: describeScope(m, { path, now }).evidence.join(' '),
  }));
}

function sshString(value: Buffer | string): Buffer {
  const bytes = Buffer.from(value);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

/** An openssh-key-v1 block: real header framing, random bytes where the keys would be. */
function opensshBlock(cipher: string, kdf: string): string {
  const blob = Buffer.concat([
    Buffer.from('openssh-key-v1\0', 'latin1'),
    sshString(cipher),
    sshString(kdf),
    sshString(kdf === 'none' ? Buffer.alloc(0) : randomBytes(24)),
    Buffer.from([0, 0, 0, 1]),
    randomBytes(300),
  ]).toString('base64');
  return [
    '-----BEGIN OPENSSH PRIVATE KEY-----',
    ...(blob.match(/.{1,70}/g) ?? []),
    '-----END OPENSSH PRIVATE KEY-----',
    '',
  ].join('\n');
}

const lines = (pem: string): string[] => pem.trim().split('\n');

describe('private keys in context', () => {
  it.each([
    [
      '# comments',
      (pem: string) =>
        lines(pem)
          .map((l) => `# ${l}`)
          .join('\n'),
    ],
    [
      '// comments',
      (pem: string) =>
        lines(pem)
          .map((l) => `// ${l}`)
          .join('\n'),
    ],
    ['block-comment stars', (pem: string) => ['/*', ...lines(pem).map((l) => ` * ${l}`), ' */'].join('\n')],
    [
      'log timestamps',
      (pem: string) =>
        lines(pem)
          .map((l, i) => `2026-05-01 10:00:0${i % 10} DEBUG ${l}`)
          .join('\n'),
    ],
    [
      'JS concatenation',
      (pem: string) =>
        `const key = ${lines(pem)
          .map((l) => `"${l}\\n"`)
          .join(' +\n  ')};`,
    ],
    [
      'Python implicit concatenation',
      (pem: string) =>
        `KEY = (\n${lines(pem)
          .map((l) => `    "${l}\\n"`)
          .join('\n')}\n)`,
    ],
    ['JSON \\n escapes', (pem: string) => JSON.stringify({ private_key: pem })],
    ['JSON \\r\\n escapes', (pem: string) => JSON.stringify({ private_key: pem.replace(/\n/g, '\r\n') })],
  ])('an RSA key written with %s is found at high confidence', (_, shape) => {
    const found = find(shape(rsaPem()));
    expect(found.map((f) => [f.id, f.confidence])).toEqual([['private-key.rsa', 'high']]);
  });

  it('placeholder bodies and prose between the markers are not key material', () => {
    expect(
      privateKeyBody(
        '-----BEGIN RSA PRIVATE KEY-----\n# paste your private key here, the one from the vault\n-----END RSA PRIVATE KEY-----',
      ),
    ).toBe('');
    expect(
      find(
        '-----BEGIN RSA PRIVATE KEY-----\n// TODO: load from the secret manager instead of this file please\n-----END RSA PRIVATE KEY-----',
      ),
    ).toEqual([]);
  });

  it('a base64-wrapped PEM is read through its layer', () => {
    const found = find(`TLS_KEY=${Buffer.from(rsaPem({ type: 'pkcs8' })).toString('base64')}\n`);
    expect(found.map((f) => [f.id, f.encoding])).toEqual([['private-key.pkcs8', ['base64']]]);
  });

  it('a JWK with its private member is found; the public half is not', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = privateKey.export({ format: 'jwk' });
    expect(
      find(JSON.stringify({ keys: [{ ...jwk, kid: 'k1', use: 'sig' }] }, null, 2), 'keys/jwks.json').map((f) => f.id),
    ).toEqual(['private-key.jwk']);
    // Keys sorted alphabetically (Go's encoding/json): "d" before "kty".
    const sorted = Object.fromEntries(Object.entries(jwk).sort(([a], [b]) => a.localeCompare(b)));
    expect(find(JSON.stringify(sorted, null, 2), 'keys/jwk.json').map((f) => f.id)).toEqual(['private-key.jwk']);
    expect(find(JSON.stringify(publicKey.export({ format: 'jwk' })), 'keys/public.json')).toEqual([]);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ format: 'jwk' });
    expect(find(`{"jwk": ${JSON.stringify(JSON.stringify(rsa))}}`, 'cfg/idp.json').map((f) => f.id)).toEqual([
      'private-key.jwk',
    ]);
  });

  it('a PGP private key block is found', () => {
    const body = randomBytes(600)
      .toString('base64')
      .match(/.{1,64}/g)!
      .join('\n');
    const block = `-----BEGIN PGP PRIVATE KEY BLOCK-----\nVersion: GnuPG v2\n\nlQ${body}\n=Ab3x\n-----END PGP PRIVATE KEY BLOCK-----\n`;
    expect(find(block).map((f) => f.id)).toEqual(['private-key.pgp']);
  });
});

describe('encrypted private keys are notes that say why', () => {
  it('traditional PEM with Proc-Type: 4,ENCRYPTED', () => {
    const found = find(rsaPem({ passphrase: 'correct horse battery staple' }));
    expect(found.map((f) => [f.id, f.confidence])).toEqual([['private-key.rsa', 'low']]);
    expect(found[0]!.evidence).toMatch(
      /encrypted \(Proc-Type: 4,ENCRYPTED, AES-256-CBC\): useless without its passphrase/,
    );
  });

  it('PKCS#8 EncryptedPrivateKeyInfo', () => {
    const found = find(rsaPem({ type: 'pkcs8', passphrase: 'correct horse battery staple' }));
    expect(found.map((f) => [f.id, f.confidence])).toEqual([['private-key.encrypted-pkcs8', 'low']]);
    expect(found[0]!.evidence).toMatch(/useless without its passphrase/);
  });

  it('OpenSSH: the header names the cipher and KDF', () => {
    const encrypted = opensshBlock('aes256-ctr', 'bcrypt');
    expect(opensshHeader(privateKeyBody(encrypted))).toEqual({ cipher: 'aes256-ctr', kdf: 'bcrypt' });
    const found = find(encrypted);
    expect(found.map((f) => [f.id, f.confidence])).toEqual([['private-key.openssh', 'low']]);
    expect(found[0]!.evidence).toMatch(/cipher aes256-ctr, KDF bcrypt/);
    expect(find(opensshBlock('none', 'none')).map((f) => [f.id, f.confidence])).toEqual([
      ['private-key.openssh', 'high'],
    ]);
  });

  it('PuTTY with an Encryption other than none', () => {
    const lines64 = (n: number) =>
      randomBytes(n)
        .toString('base64')
        .match(/.{1,64}/g)!;
    const ppk = (encryption: string) =>
      [
        'PuTTY-User-Key-File-3: ssh-ed25519',
        `Encryption: ${encryption}`,
        'Comment: eddsa-key-20260101',
        'Public-Lines: 2',
        ...lines64(51),
        `Private-Lines: 1`,
        ...lines64(48),
        `Private-MAC: ${randomBytes(32).toString('hex')}`,
        '',
      ].join('\n');
    expect(find(ppk('aes256-cbc'), 'keys/id.ppk').map((f) => [f.id, f.confidence])).toEqual([
      ['private-key.putty', 'low'],
    ]);
    expect(find(ppk('none'), 'keys/id.ppk').map((f) => [f.id, f.confidence])).toEqual([['private-key.putty', 'high']]);
  });
});
