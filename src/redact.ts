// Redaction: the only forms of a secret that may leave the scanner. A masked preview (the
// token's fixed prefix plus at most 4 characters) and a keyed fingerprint (HMAC-SHA-256), never
// a plain hash, so a leaked report cannot be brute-forced against a dictionary of weak passwords
// without the key.

import { createHmac } from 'node:crypto';

/** Default HMAC key. Set TOKENSCOPE_FINGERPRINT_KEY (a CI secret) so report readers cannot test guesses. */
const DEFAULT_FINGERPRINT_KEY = 'tokenscope/fingerprint/v1';

export function fingerprintKey(env: NodeJS.ProcessEnv = process.env): string {
  const key = env['TOKENSCOPE_FINGERPRINT_KEY'];
  return key && key.length > 0 ? key : DEFAULT_FINGERPRINT_KEY;
}

/** Location-independent fingerprint of one secret under one detector: 32 hex characters. */
export function fingerprintSecret(ruleId: string, secret: string, key: string): string {
  return createHmac('sha256', key).update(ruleId).update('\0').update(secret).digest('hex').slice(0, 32);
}

/**
 * `ghp_u8jz…` — the known prefix plus at most 4 characters, fewer for short secrets (never more
 * than a quarter of what follows the prefix).
 */
export function maskSecret(secret: string, prefixLength = 0): string {
  const prefix = secret.slice(0, Math.min(prefixLength, secret.length));
  const rest = secret.length - prefix.length;
  const shown = Math.min(4, Math.floor(rest / 4));
  return `${prefix}${secret.slice(prefix.length, prefix.length + shown)}…`;
}

/** Replaces every occurrence of the given secrets in a text (last line of defence for messages). */
export function scrub(text: string, secrets: Iterable<string>): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join('[REDACTED]');
  }
  return out;
}
