// Builds fake but well-formed tokens at test time (valid checksums where the format has one),
// so no live-looking token is committed.
import { createHash, randomBytes } from 'node:crypto';
import { completeWithChecksum } from '../../src/providers/index.js';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function randomAlnum(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += ALNUM[b % ALNUM.length];
  return out;
}

/** A classic GitHub PAT with a valid CRC-32 checksum. */
export function githubPat(prefix = 'ghp_'): string {
  return completeWithChecksum('crc32-base62', `${prefix}${randomAlnum(30)}`);
}

/** The same shape with a deliberately wrong checksum. */
export function githubPatBadChecksum(): string {
  const good = githubPat();
  const last = good.at(-1)!;
  return good.slice(0, -1) + (last === 'A' ? 'B' : 'A');
}

/**
 * `length` characters from ALNUM, the same for the same `seed` on every run (SHA-256 in counter
 * mode): for golden files, whose fingerprints and masked previews must not change between runs.
 * Still fake: nothing about the seed makes a token any provider issued.
 */
export function seededAlnum(seed: string, length: number): string {
  let out = '';
  for (let block = 0; out.length < length; block++) {
    for (const b of createHash('sha256').update(`${seed}\0${block}`).digest()) {
      // 248 = 4 × 62: rejecting the top bytes keeps every character equally likely.
      if (b < 248) out += ALNUM[b % ALNUM.length];
      if (out.length === length) break;
    }
  }
  return out;
}

/** A classic GitHub PAT with a valid checksum, the same for the same `seed`. */
export function seededGithubPat(seed: string, prefix = 'ghp_'): string {
  return completeWithChecksum('crc32-base62', `${prefix}${seededAlnum(seed, 30)}`);
}

/**
 * Random hex of `bytes` bytes whose character entropy reads as a generated key (at least 3.6 bits):
 * a rare low-entropy draw would fall below a detector's floor and make a test flaky.
 */
export function keyHex(bytes: number): string {
  for (;;) {
    const value = randomBytes(bytes).toString('hex');
    const counts = new Map<string, number>();
    for (const c of value) counts.set(c, (counts.get(c) ?? 0) + 1);
    let entropy = 0;
    for (const n of counts.values()) entropy -= (n / value.length) * Math.log2(n / value.length);
    if (entropy >= 3.6) return value;
  }
}
