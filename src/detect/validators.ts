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
import { judgeGenericValue, judgePasswordValue } from './generic-value.js';
import { decodeJwt } from '../scope/decoders/jwt.js';
import type { Confidence } from '../types.js';

/** What a validator sees besides the secret. */
export interface ValidatorContext {
  /** Named groups of the match (never logged). */
  groups: Record<string, string | undefined>;
  /** The variable, key or property the value is assigned to, if any. */
  keyName?: string;
  path: string;
}

/**
 * `false` rejects; `true` accepts; an object may also adjust the match's confidence or record a
 * checksum outcome. A token whose checksum fails is kept, but only as a note: it is not a live
 * credential (a fake, a typo, a test value), yet it is still worth a look.
 */
export type ValidatorVerdict = boolean | { ok: boolean; confidence?: Confidence; checksum?: 'valid' | 'invalid' };

function checksumVerdict(valid: boolean): ValidatorVerdict {
  return valid ? { ok: true, checksum: 'valid' } : { ok: true, confidence: 'low', checksum: 'invalid' };
}
export type Validator = (secret: string, ctx: ValidatorContext) => ValidatorVerdict;

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
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
  jwt: (secret) => decodeJwt(secret) !== undefined,
  base64: (secret) => BASE64.test(secret),
  hex: (secret) => HEX.test(secret),
  /** Values assigned to credential-like names: judged on entropy, shape and dictionary words. */
  'generic-value': (secret, ctx) => judgeGenericValue(secret, ctx.keyName),
  /** Passwords: human-made values are accepted, defaults, references and code are not. */
  'password-value': (secret, ctx) => judgePasswordValue(secret, ctx.keyName),
  /** The password part of `scheme://user:pass@host` is a real value, not a template or a default. */
  'uri-password': (secret) => judgePasswordValue(decodeURIComponentSafe(secret), 'password'),
  /** A 40-character AWS secret access key: base64 alphabet, mixed classes, high entropy. */
  'aws-secret-near-id': (secret) => /^[A-Za-z0-9/+]{40}$/.test(secret) && /[A-Z]/.test(secret) && /[a-z]/.test(secret) && /[0-9/+]/.test(secret),
  /** A Supabase key JWT whose `role` claim is `service_role`. */
  'supabase-service-role': (secret) => decodeJwt(secret)?.payload['role'] === 'service_role',
  /** A Supabase key JWT whose `role` claim is `anon`. */
  'supabase-anon': (secret) => decodeJwt(secret)?.payload['role'] === 'anon',
  /** Rejects a bare UUID when nothing around it says it is a credential. */
  'not-uuid-only': (secret, ctx) =>
    !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(secret) || ctx.keyName !== undefined,
  /** A PEM/OpenSSH/PGP block whose body is real key material, not `...` or a few placeholder lines. */
  'private-key-body': (secret) => {
    const body = secret
      .replace(/-----(?:BEGIN|END)[^-]*-----/g, '')
      .replace(/^[A-Za-z-]+:.*$/gm, '')
      .replace(/\\n|\\r|[\s"'+,]/g, '');
    return body.length >= 64 && /^[A-Za-z0-9+/=]+$/.test(body) && new Set(body).size >= 20;
  },
  /** Slack webhook path parts are real ids, not XXXX. */
  'slack-webhook': (secret) => !/X{4,}|x{6,}/.test(secret),
  luhn: (secret) => luhn(secret.replace(/[\s-]/g, '')),
} satisfies Record<string, Validator>;

export type ValidatorName = keyof typeof validators;

export function isValidatorName(name: string): name is ValidatorName {
  return Object.hasOwn(validators, name);
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
