// Builds fake but well-formed tokens at test time (valid checksums where the format has one),
// so no live-looking token is committed.
import { randomBytes } from 'node:crypto';
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
