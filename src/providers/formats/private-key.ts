// Private keys as they sit in files: the base64 body of a PEM/OpenSSH/PGP block however it is
// written (JSON `\n` escapes, string concatenation, `#`, `*`, `//` or timestamp line prefixes), and
// whether the key is encrypted. An encrypted key is useless without its passphrase, so it is
// reported as a note that says so.
//
// Encryption markers: RFC 1421 `Proc-Type: 4,ENCRYPTED` + `DEK-Info` (traditional OpenSSL PEM),
// RFC 5958 EncryptedPrivateKeyInfo (`BEGIN ENCRYPTED PRIVATE KEY`), the openssh-key-v1 header's
// cipher and KDF names (OpenSSH PROTOCOL.key), and PuTTY's `Encryption:` line.

import type { DecodedScope, DecodeContext } from '../decoder-types.js';

const MARKER = /-{3,5} ?(?:BEGIN|END) [A-Z0-9 ]{3,40}? ?-{3,5}/g;
/** Armor headers inside a block: `Proc-Type: …`, `DEK-Info: …`, `Comment: …`, `Version: …`. */
const HEADER_LINE = /^[\s#*/]*[A-Za-z][A-Za-z-]{1,30}:[ \t]/;
const BASE64_TOKEN = /^[A-Za-z0-9+/]+={0,2}$/;
/** Shorter tokens at a line's end are prefixes or punctuation (`//`, `*`, `+`), not key material. */
const MIN_TOKEN = 8;

/**
 * The base64 body of a key block: for every line, the trailing run of base64 tokens of at least
 * eight characters, after escapes, quotes and concatenation operators are taken apart. A line
 * prefix (`# `, ` * `, `// `, `2024-05-01 10:00:01 `) is left behind because it is not base64 or
 * too short; armor headers are skipped.
 */
export function privateKeyBody(secret: string): string {
  const text = secret.replace(MARKER, '\n').replace(/\\r\\n|\\n|\\r/g, '\n');
  const parts: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (HEADER_LINE.test(line)) continue;
    const tokens = line
      .replace(/["'`,;()\\]/g, ' ')
      .trim()
      .split(/\s+/);
    const taken: string[] = [];
    for (let i = tokens.length - 1; i >= 0; i--) {
      const token = tokens[i]!;
      if (token.length < MIN_TOKEN) {
        if (token === '+' || token === '.' || token === '') continue; // concatenation, `\n" +`
        break;
      }
      if (!BASE64_TOKEN.test(token)) break;
      taken.push(token);
    }
    parts.push(...taken.reverse());
  }
  return parts.join('');
}

/** How a key is protected, in words, or undefined when nothing in it says it is encrypted. */
export function privateKeyEncryption(
  secret: string,
  groups: Record<string, string | undefined> = {},
): string | undefined {
  let text = secret;
  // A base64-wrapped PEM (LS0tLS1CRUdJTi…): read the PEM inside.
  if (/^LS0tLS1/.test(text)) text = Buffer.from(text.slice(0, 24000), 'base64').toString('latin1');
  if (groups['encryption'] !== undefined && !/^none$/i.test(groups['encryption'])) {
    return `PuTTY encryption ${groups['encryption'].slice(0, 30)}`;
  }
  if (/Proc-Type:[ \t]*4,[ \t]*ENCRYPTED/i.test(text)) {
    const cipher = /DEK-Info:[ \t]*([A-Za-z0-9-]{3,30})/.exec(text)?.[1];
    return `Proc-Type: 4,ENCRYPTED${cipher ? `, ${cipher}` : ''}`;
  }
  if (/BEGIN ENCRYPTED PRIVATE KEY/.test(text)) return 'PKCS#8 EncryptedPrivateKeyInfo';
  if (/BEGIN OPENSSH PRIVATE KEY/.test(text)) {
    const header = opensshHeader(privateKeyBody(text));
    if (header && header.cipher !== 'none') return `cipher ${header.cipher}, KDF ${header.kdf}`;
  }
  return undefined;
}

/** The cipher and KDF names at the start of an openssh-key-v1 blob (base64). */
export function opensshHeader(body: string): { cipher: string; kdf: string } | undefined {
  const bytes = Buffer.from(body.slice(0, 128).replace(/=+$/, '').slice(0, 124), 'base64');
  const magic = 'openssh-key-v1\0';
  if (bytes.length < magic.length + 8 || bytes.toString('latin1', 0, magic.length) !== magic) return undefined;
  let at = magic.length;
  const readString = (): string | undefined => {
    if (at + 4 > bytes.length) return undefined;
    const length = bytes.readUInt32BE(at);
    at += 4;
    if (length > 64 || at + length > bytes.length) return undefined;
    const value = bytes.toString('latin1', at, at + length);
    at += length;
    return /^[\x21-\x7e]+$/.test(value) ? value : undefined;
  };
  const cipher = readString();
  const kdf = readString();
  return cipher && kdf ? { cipher, kdf } : undefined;
}

/** Scope decoder: says when the key is encrypted (the validator already made it a note). */
export function decodePrivateKey(secret: string, ctx: DecodeContext): DecodedScope | undefined {
  const how = privateKeyEncryption(secret, ctx.groups);
  if (!how) return undefined;
  return {
    facts: { encrypted: true },
    evidence: [
      `the key is encrypted (${how}): useless without its passphrase, so reported as a note; rotate it if the passphrase is stored nearby or weak`,
    ],
  };
}
