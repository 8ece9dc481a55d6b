// Named checks a detector's captured secret must pass, referenced by name from detectors/*.yaml.
// Each is pure and cheap; a failed check drops the match (a wrong checksum is not a live token).

import {
  checkCrc32Base62,
  checkGitlabRoutable,
  checkGrafanaSa,
  githubFineGrainedChecksumMatches,
  isGitlabRoutable,
  luhn,
} from './checksums.js';
import { isCredentialStore, isDocumentationHost, isExampleContext, isRealHost, judgeGenericValue, judgePasswordValue, type PasswordVerdict } from './generic-value.js';
import { isPlaceholder } from './placeholder.js';
import { decodeJwt } from '../scope/decoders/jwt.js';
import { decodeUriComponentSafe } from '../scope/decoders/encoding.js';
import { privateKeyBody, privateKeyEncryption } from '../scope/decoders/private-key.js';
import type { Confidence } from '../types.js';

/** What a validator sees besides the secret. */
export interface ValidatorContext {
  /** Named groups of the match (never logged). */
  groups: Record<string, string | undefined>;
  /** The variable, key or property the value is assigned to, if any. */
  keyName?: string;
  path: string;
  /** The quote character right before the secret (', ", `), when it is quoted. */
  quote?: string;
}

/**
 * `false` rejects; `true` accepts; an object may also adjust the match's confidence or record a
 * checksum outcome. A token whose checksum fails is kept, but only as a note: it is not a live
 * credential (a fake, a typo, a test value), yet it is still worth a look.
 */
export type ValidatorVerdict = boolean | { ok: boolean; confidence?: Confidence; checksum?: 'valid' | 'invalid' };

/**
 * Made-up passwords are notes; a product's default is a note unless the file is a credential store
 * or the password is for a real host (a default nobody changed still works there); a guessable one
 * is a note only where it is most likely made up too (docs, examples, tests, a documentation host);
 * otherwise weak and strong passwords are leaks alike.
 */
function passwordVerdict(verdict: PasswordVerdict, inUse = false, madeUp = false): ValidatorVerdict {
  if (verdict === 'reject') return false;
  if (verdict === 'placeholder' || (verdict === 'default' && !inUse) || (verdict === 'weak' && madeUp && !inUse)) return { ok: true, confidence: 'low' };
  return true;
}

/** The host a match names (a `host` group, or the authority of its `uri` group). */
function matchHost(groups: Record<string, string | undefined>): string | undefined {
  if (groups['host']) return groups['host'];
  const uri = groups['uri'];
  const m = uri ? /^[A-Za-z][A-Za-z0-9+.-]*:\/\/(?:[^@/\s]*@)?(\[[^\]]*\]|[^/:?#,\s]+)/.exec(uri) : null;
  return m?.[1];
}

function checksumVerdict(valid: boolean): ValidatorVerdict {
  return valid ? { ok: true, checksum: 'valid' } : { ok: true, confidence: 'low', checksum: 'invalid' };
}
export type Validator = (secret: string, ctx: ValidatorContext) => ValidatorVerdict;

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
/** Source code, where a password hash is usually seed data or a test fixture. */
const SOURCE_FILE = /\.(?:[cm]?[jt]sx?|py|rb|go|java|kt|kts|scala|groovy|cs|php|rs|swift|c|cc|cpp|h|hpp|dart|lua|pl|ex|exs|vue|svelte|ipynb)$/i;
const HEX = /^[0-9a-fA-F]+$/;

export const validators = {
  /** GitHub classic types, npm, Vercel: CRC-32 of the body in base62, last 6 characters. */
  'crc32-base62': (secret) => checksumVerdict(checkCrc32Base62(secret)),
  /** GitLab routable tokens: CRC-32 in base36, last 7 characters; legacy tokens pass. */
  'gitlab-routable-checksum': (secret) => (isGitlabRoutable(secret) ? checksumVerdict(checkGitlabRoutable(secret)) : true),
  /** Grafana service-account tokens: CRC-32 little-endian hex suffix. */
  'grafana-sa-checksum': (secret) => checksumVerdict(checkGrafanaSa(secret)),
  /** Fine-grained GitHub PATs: unofficial checksum, a soft signal that only adjusts confidence. */
  'github-fine-grained-checksum': (secret) => ({
    ok: true,
    confidence: githubFineGrainedChecksumMatches(secret) ? 'high' : 'medium',
  }),
  /** Three base64url segments whose header and payload decode to JSON objects. */
  jwt: (secret) => {
    const jwt = decodeJwt(secret);
    // jwt.io's example token ("John Doe", sub 1234567890) is documentation, not a credential.
    return jwt !== undefined && !(jwt.payload['sub'] === '1234567890' && jwt.payload['name'] === 'John Doe');
  },
  base64: (secret) => BASE64.test(secret),
  hex: (secret) => HEX.test(secret),
  /** Values assigned to credential-like names: judged on entropy, shape and dictionary words. */
  'generic-value': (secret, ctx) => judgeGenericValue(secret, ctx.keyName, ctx),
  /** A literal in a password position (a call's password argument): judged as a password whatever the name. */
  'password-literal': (secret, ctx) => passwordVerdict(judgePasswordValue(secret, 'password', ctx), isCredentialStore(ctx.path), isExampleContext(ctx.path)),
  /** Passwords: human-made values are accepted, defaults, references and code are not. */
  'password-value': (secret, ctx) => passwordVerdict(judgePasswordValue(secret, ctx.keyName, ctx), isCredentialStore(ctx.path), isExampleContext(ctx.path)),
  /**
   * The password part of `scheme://user:pass@host` is a real value, not a template. A default
   * (`guest:guest`, `postgres:postgres`) is a note on localhost or a documentation host, and a leak
   * on a real one (or, where no host is named, in a credential store).
   */
  'uri-password': (secret, ctx) => {
    const password = decodeUriComponentSafe(secret);
    let verdict = judgePasswordValue(password, 'password', { quote: '"' });
    if (verdict !== 'reject' && verdict !== 'placeholder' && ctx.groups['user'] !== undefined && decodeUriComponentSafe(ctx.groups['user']) === password) verdict = 'default';
    const host = matchHost(ctx.groups);
    const inUse = host !== undefined ? isRealHost(host) : isCredentialStore(ctx.path);
    // A guessable password for example.com is made up; for localhost or a real host it is a leak.
    return passwordVerdict(verdict, inUse, isDocumentationHost(host) || isExampleContext(ctx.path));
  },
  /**
   * A crypt-style hash: a leak in a credential store, a database dump or any other data file; a note
   * in source code, docs and tests, where hashes are mostly seed data and fixtures.
   */
  'password-hash-store': (_secret, ctx) =>
    isCredentialStore(ctx.path) || !(SOURCE_FILE.test(ctx.path) || isExampleContext(ctx.path)) ? { ok: true, confidence: 'medium' } : true,
  /** A 40-character AWS secret access key: base64 alphabet, mixed classes, high entropy. */
  'aws-secret-near-id': (secret) => /^[A-Za-z0-9/+]{40}$/.test(secret) && /[A-Z]/.test(secret) && /[a-z]/.test(secret) && /[0-9/+]/.test(secret),
  /** A Supabase key JWT whose `role` claim is `service_role`. */
  'supabase-service-role': (secret) => decodeJwt(secret)?.payload['role'] === 'service_role',
  /** A Supabase key JWT whose `role` claim is `anon`. */
  'supabase-anon': (secret) => decodeJwt(secret)?.payload['role'] === 'anon',
  /** Rejects a bare UUID when nothing around it says it is a credential. */
  'not-uuid-only': (secret, ctx) =>
    !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(secret) || ctx.keyName !== undefined,
  /**
   * A PEM/OpenSSH/PGP block whose body is real key material, not `...` or a few placeholder
   * lines, however it is written (escapes, concatenation, comment or log prefixes). An encrypted
   * key is kept at low confidence (a note): it is useless without its passphrase.
   */
  'private-key-body': (secret, ctx) => {
    // PuTTY: the match holds only the Private-Lines (48 characters for Ed25519), judged by the
    // detector's entropy floor; its `Encryption:` line is the `encryption` group.
    if (ctx.groups['encryption'] === undefined) {
      const body = privateKeyBody(secret);
      // Prose between the markers is letters only; key material in base64 has digits or + and /.
      const material = body.length >= 64 && new Set(body).size >= 20 && /[0-9+/]/.test(body);
      if (!material) return false;
    }
    return privateKeyEncryption(secret, ctx.groups) ? { ok: true, confidence: 'low' } : true;
  },
  /** Slack webhook path parts are real ids, not XXXX. */
  'slack-webhook': (secret) => !/X{4,}|x{6,}/.test(secret),
  luhn: (secret) => luhn(secret.replace(/[\s-]/g, '')),
  /** Discord bot tokens: the first dot-separated part is the bot's numeric user id in base64. */
  'discord-bot-id': (secret) => /^[0-9]{17,20}$/.test(decodeBase64Url(secret.split('.')[0] ?? '')),
  /** Base64 of `user:password` (Docker config `auth`, npm `_auth`): decodes to printable text with a real password part. */
  'basic-auth-base64': (secret, ctx) => {
    if (!BASE64.test(secret) || secret.length % 4 === 1) return false;
    const decoded = Buffer.from(secret, 'base64').toString('latin1');
    if (!/^[\x20-\x7e]+$/.test(decoded)) return false;
    const colon = decoded.indexOf(':');
    if (colon < 1 || !/^[^\s:{}"]+$/.test(decoded.slice(0, colon))) return false; // a user name, not JSON
    const password = decoded.slice(colon + 1);
    const verdict = judgePasswordValue(password, 'password', { quote: '"' });
    // user == password (admin:admin): a product's default, a note unless a credential store holds it.
    return passwordVerdict(verdict !== 'reject' && verdict !== 'placeholder' && password === decoded.slice(0, colon) ? 'default' : verdict, isCredentialStore(ctx.path));
  },
} satisfies Record<string, Validator>;

export type ValidatorName = keyof typeof validators;

export function isValidatorName(name: string): name is ValidatorName {
  return Object.hasOwn(validators, name);
}

function decodeBase64Url(value: string): string {
  try {
    return Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('latin1');
  } catch {
    return '';
  }
}
