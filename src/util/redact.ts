// Redaction: the only forms of a secret that may leave the scanner. A masked preview (the
// token's fixed prefix plus at most 4 characters) and a keyed fingerprint (HMAC-SHA-256), never
// a plain hash, so a leaked report cannot be brute-forced against a dictionary of weak passwords
// without the key. docs/fingerprints.md says what the default key protects and what it does not.

import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { resolve } from 'node:path';

/** What the per-repository default key is derived under (changing it changes every fingerprint). */
const KEY_DERIVATION_LABEL = 'tokenscope/fingerprint/v2';

/**
 * The repository's identity for the default key: its root commit (the same in every clone, so
 * fingerprints in a baseline match on a laptop and in CI), else the absolute root path.
 */
function repositoryIdentity(root: string): string {
  try {
    const roots = execFileSync('git', ['rev-list', '--max-parents=0', 'HEAD'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      env: { ...process.env, GIT_NO_LAZY_FETCH: '1', GIT_TERMINAL_PROMPT: '0' },
      timeout: 10_000,
    })
      .split('\n')
      .filter((line) => /^[0-9a-f]{40,64}$/.test(line))
      .sort();
    if (roots.length > 0) return `commit:${roots[0]}`;
  } catch {
    // Not a repository, no commit yet, or no git: the path is what is left.
  }
  return `path:${resolve(root)}`;
}

/**
 * The HMAC key: TOKENSCOPE_FINGERPRINT_KEY (a CI secret) when set, else one derived from the
 * repository (`root`), so fingerprints from one repository cannot be tested against a
 * dictionary with a key everyone knows.
 */
export function fingerprintKey(env: NodeJS.ProcessEnv = process.env, root = process.cwd()): string {
  const key = env['TOKENSCOPE_FINGERPRINT_KEY'];
  if (key && key.length > 0) return key;
  return createHmac('sha256', KEY_DERIVATION_LABEL).update(repositoryIdentity(root)).digest('hex');
}

/** Location-independent fingerprint of one secret under one detector: 32 hex characters. */
export function fingerprintSecret(ruleId: string, secret: string, key: string): string {
  return createHmac('sha256', key).update(ruleId).update('\0').update(secret).digest('hex').slice(0, 32);
}

/**
 * `ghp_u8jz…` — the known prefix plus at most 4 characters, fewer for short secrets (never more
 * than a quarter of what follows the prefix). A prefix is shown only up to half the secret: a
 * keyword that happens to start a value (`password…` in a 20-character password) is no token
 * format, and showing it whole would give away most of a short secret. Never more than half
 * the secret in all.
 */
export function maskSecret(secret: string, prefixLength = 0): string {
  const prefix = secret.slice(0, Math.min(prefixLength, Math.floor(secret.length / 2)));
  const rest = secret.length - prefix.length;
  const shown = Math.max(0, Math.min(4, Math.floor(rest / 4), Math.floor(secret.length / 2) - prefix.length));
  return `${prefix}${secret.slice(prefix.length, prefix.length + shown)}…`;
}

/** Secrets shorter than this are not replaced in text: too likely to be ordinary words. */
const SCRUB_MIN_LENGTH = 4;

/**
 * Replaces every occurrence of the given secrets in a text with `[REDACTED]` (longest first, so
 * a secret inside another is not left half-replaced). The last line of defence for messages.
 */
export function scrub(text: string, secrets: Iterable<string>): string {
  let out = text;
  const list = [...new Set(secrets)].filter((s) => s.length >= SCRUB_MIN_LENGTH).sort((a, b) => b.length - a.length);
  for (const secret of list) {
    if (out.includes(secret)) out = out.split(secret).join('[REDACTED]');
  }
  return out;
}

/**
 * `scrub` for one fixed list of secrets, applied to many strings. A generated file can hold
 * thousands of distinct secrets and as many findings: testing every secret against every string
 * would be quadratic, so past a few secrets they are indexed by their first characters and each
 * string is read once, replacing the longest secret that starts at each position.
 */
export function scrubberFor(secrets: readonly string[]): (text: string) => string {
  const list = [...new Set(secrets)].filter((s) => s.length >= SCRUB_MIN_LENGTH).sort((a, b) => b.length - a.length);
  if (list.length <= 16) return (text) => (list.some((secret) => text.includes(secret)) ? scrub(text, list) : text);
  const byHead = new Map<string, string[]>();
  for (const secret of list) {
    const head = secret.slice(0, SCRUB_MIN_LENGTH);
    const bucket = byHead.get(head);
    if (bucket) bucket.push(secret);
    else byHead.set(head, [secret]);
  }
  return (text) => {
    let out = '';
    let last = 0;
    for (let i = 0; i + SCRUB_MIN_LENGTH <= text.length;) {
      const hit = byHead.get(text.slice(i, i + SCRUB_MIN_LENGTH))?.find((secret) => text.startsWith(secret, i));
      if (hit) {
        out += `${text.slice(last, i)}[REDACTED]`;
        i += hit.length;
        last = i;
      } else i++;
    }
    return last === 0 ? text : out + text.slice(last);
  };
}

/**
 * A copy of a plain-data value (objects, arrays) with every string, object keys included,
 * passed through `scrub`; keys named in `skip` (where the plaintext is kept on purpose, for
 * --verify) are copied as they are. Nothing is changed in place: parts that hold no secret are
 * shared, not copied, and may be shared with other data (a detector's metadata). The one scrub
 * between what a file's analysis found and the report data every format is built from.
 * `keys: false` leaves object keys alone, for data whose keys are all the code's own field names:
 * a secret that happens to be a word (`tokenType`, `secretLength`) must not rename a field.
 */
export function scrubDeep<T>(
  value: T,
  secrets: readonly string[],
  skip: ReadonlySet<string> = new Set(),
  { keys = true }: { keys?: boolean } = {},
): T {
  const list = [...new Set(secrets)].filter((s) => s.length >= SCRUB_MIN_LENGTH);
  if (list.length === 0) return value;
  const clean = scrubberFor(list);
  const visit = (node: unknown): unknown => {
    if (typeof node === 'string') return clean(node);
    if (Array.isArray(node)) {
      const items = node.map(visit);
      return items.some((item, i) => item !== node[i]) ? items : node;
    }
    if (node !== null && typeof node === 'object' && Object.getPrototypeOf(node) === Object.prototype) {
      let changed = false;
      const entries = Object.entries(node as Record<string, unknown>).map(([key, item]) => {
        const cleanKey = keys ? (visit(key) as string) : key;
        const cleanItem = skip.has(key) ? item : visit(item);
        if (cleanKey !== key || cleanItem !== item) changed = true;
        return [cleanKey, cleanItem] as const;
      });
      return changed ? Object.fromEntries(entries) : node;
    }
    return node;
  };
  return visit(value) as T;
}
