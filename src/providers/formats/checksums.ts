// Checksums embedded in token formats. A token whose checksum does not verify is not a live
// credential of that type, so the engine drops it instead of reporting it.
// Algorithms: as each vendor publishes them; the detectors using them cite the sources (docs/providers.md).

import { createHash } from 'node:crypto';
import BIP39 from './bip39-english.json' with { type: 'json' };

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE 802.3 / zlib) of an ASCII/latin-1 string. */
export function crc32(text: string): number {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) {
    crc = CRC_TABLE[(crc ^ text.charCodeAt(i)) & 0xff]! ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function toBase(value: number, alphabet: string, width: number): string {
  const base = alphabet.length;
  let out = '';
  let v = value;
  do {
    out = alphabet[v % base] + out;
    v = Math.floor(v / base);
  } while (v > 0);
  return out.padStart(width, alphabet[0]);
}

/**
 * GitHub (`ghp_ gho_ ghu_ ghs_ ghr_`), npm (`npm_`), Vercel: the last 6 characters are the
 * CRC-32 of the random body (between `prefix_` and the checksum) in base62.
 * https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/
 */
export function crc32Base62Suffix(body: string): string {
  return toBase(crc32(body), BASE62, 6);
}

export function checkCrc32Base62(token: string): boolean {
  const underscore = token.indexOf('_');
  if (underscore < 0 || token.length - underscore - 1 < 7) return false;
  const payload = token.slice(underscore + 1);
  const body = payload.slice(0, -6);
  return crc32Base62Suffix(body) === payload.slice(-6);
}

/**
 * GitLab routable tokens (`glpat-…`, `glrt-t1_…`): the last 7 characters are the CRC-32 of
 * everything before them, in lower-case base36.
 * gitlabhq/gitlabhq:lib/authn/token_field/generator/routable_token.rb
 */
export function gitlabRoutableSuffix(stem: string): string {
  return toBase(crc32(stem), '0123456789abcdefghijklmnopqrstuvwxyz', 7);
}

/** True for routable tokens with a valid checksum; legacy 20-character tokens carry none and pass. */
export function checkGitlabRoutable(token: string): boolean {
  if (!isGitlabRoutable(token)) return true;
  return gitlabRoutableSuffix(token.slice(0, -7)) === token.slice(-7);
}

/** Routable GitLab tokens end in `.<2-char base36 length>?<7-char checksum>` after a long base64url payload. */
export function isGitlabRoutable(token: string): boolean {
  return /[A-Za-z0-9_-]{27,}(?:\.[0-9a-z]{2})?\.[0-9a-z]{9}$/.test(token);
}

/**
 * Grafana service-account tokens `glsa_<32>_<8 hex>`: the suffix is the CRC-32 of
 * `glsa_<32>` written as 4 little-endian bytes in hex.
 * grafana/grafana:pkg/components/satokengen/tokengen.go
 */
export function grafanaSaSuffix(stem: string): string {
  const crc = crc32(stem);
  const bytes = [crc & 0xff, (crc >>> 8) & 0xff, (crc >>> 16) & 0xff, (crc >>> 24) & 0xff];
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function checkGrafanaSa(token: string): boolean {
  const cut = token.lastIndexOf('_');
  if (cut < 0) return false;
  return grafanaSaSuffix(token.slice(0, cut)) === token.slice(cut + 1).toLowerCase();
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(buffer << (5 - bits)) & 31];
  return out;
}

/**
 * Fine-grained GitHub PATs: unofficial, seen only in kingfisher's rule (chars 78–85 are
 * Base32(SHA-256(first 77 chars))[0:8]). A soft signal: it raises confidence, never rejects.
 */
export function githubFineGrainedChecksumMatches(token: string): boolean {
  if (token.length < 85) return false;
  const digest = createHash('sha256').update(token.slice(0, 77)).digest();
  return base32(digest).slice(0, 8) === token.slice(77, 85);
}

/** Luhn check for card-like numbers. */
export function luhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/**
 * Base58Check (Bitcoin's WIF keys and BIP-32 extended keys): the last four bytes of the decoded
 * value are the first four of SHA-256(SHA-256(the rest)).
 */
export function checkBase58Check(text: string): boolean {
  let value = 0n;
  for (const ch of text) {
    const digit = BASE58.indexOf(ch);
    if (digit < 0) return false;
    value = value * 58n + BigInt(digit);
  }
  let hex = value.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  let leading = 0;
  while (text[leading] === '1') leading++;
  const bytes = Buffer.concat([Buffer.alloc(leading), Buffer.from(hex, 'hex')]);
  if (bytes.length < 5) return false;
  const payload = bytes.subarray(0, bytes.length - 4);
  const sum = createHash('sha256').update(createHash('sha256').update(payload).digest()).digest();
  return sum.subarray(0, 4).equals(bytes.subarray(bytes.length - 4));
}

/** Word → index of the BIP-39 list, built the first time a phrase is checked (not at start-up). */
let bip39Index: ReadonlyMap<string, number> | undefined;

/**
 * A BIP-39 mnemonic: 12, 15, 18, 21 or 24 words of the English list whose last bits are the first
 * bits of the SHA-256 of the entropy the other bits encode (one in 16 random 12-word runs of list
 * words passes, one in 256 of 24 words; prose essentially never is all list words).
 */
export function checkBip39(phrase: string): boolean {
  const words = phrase.trim().split(/[ \t]+/);
  if (![12, 15, 18, 21, 24].includes(words.length)) return false;
  bip39Index ??= new Map(BIP39.words.map((w, i) => [w, i]));
  let bits = '';
  for (const w of words) {
    const index = bip39Index.get(w);
    if (index === undefined) return false;
    bits += index.toString(2).padStart(11, '0');
  }
  const checksumBits = words.length / 3;
  const entropyBits = bits.length - checksumBits;
  const entropy = Buffer.alloc(entropyBits / 8);
  for (let i = 0; i < entropy.length; i++) entropy[i] = parseInt(bits.slice(i * 8, i * 8 + 8), 2);
  const hash = createHash('sha256').update(entropy).digest();
  const expected = [...hash]
    .map((b) => b.toString(2).padStart(8, '0'))
    .join('')
    .slice(0, checksumBits);
  return bits.slice(entropyBits) === expected;
}
