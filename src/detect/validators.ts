// Named checks a detector's captured secret must pass, referenced by name from detectors/*.yaml.
// Each is pure and cheap; a failed check drops the match (a wrong checksum is not a live token).

import { checkBase58Check, checkBip39, luhn } from '../providers/formats/checksums.js';
import { providerValidators } from '../providers/index.js';
import type { ValidatorContext, ValidatorVerdict } from '../providers/types.js';
import {
  isCredentialStore,
  isDocumentationHost,
  isDocumentationPassword,
  isExampleContext,
  isIdentifierName,
  isPasswordKey,
  isRealHost,
  isSecretKey,
  isStandInPhrase,
  judgeGenericValue,
  judgePasswordValue,
  type PasswordVerdict,
  UUID,
} from './generic-value.js';
import { decodeJwt, isEmptyUnsignedJwt } from '../providers/formats/jwt.js';
import { placeholderKind } from './placeholder.js';
import { shannonEntropy } from './entropy.js';
import { decodeUriComponentSafe } from '../providers/formats/encoding.js';
import { privateKeyBody, privateKeyEncryption } from '../providers/formats/private-key.js';

export type { ValidatorContext, ValidatorVerdict };

/** Decoded Secret data that leaks nothing: public keys and certificates, and stand-ins (see k8s-secret-value). */
function isPublicOrStandIn(decoded: string): boolean {
  const text = decoded.trim();
  if (/^-----BEGIN (?:[A-Z0-9]+ )*(?:PUBLIC KEY|CERTIFICATE)-----/.test(text)) return true;
  if (/^(?:ssh-(?:rsa|dss|ed25519)|ecdsa-sha2-nistp\d+|sk-ssh-ed25519@openssh\.com) AAAA/.test(text)) return true;
  // An htpasswd file (an ingress controller's basic-auth Secret): user names and password hashes.
  if (/^(?:[^\s:]{1,64}:\$(?:apr1|2[aby]|1|5|6)\$[./A-Za-z0-9$]{8,}\s*)+$/.test(text)) return true;
  if (!text.startsWith('{')) return !text.includes('\n') && text.length <= 64 && placeholderKind(text) !== undefined;
  if (!text.includes('"auths"')) return false;
  // A registry config: every login it holds is a stand-in.
  let auths: unknown;
  try {
    auths = (JSON.parse(text) as { auths?: unknown }).auths;
  } catch {
    return false;
  }
  if (typeof auths !== 'object' || auths === null) return false;
  const logins = Object.values(auths as Record<string, { auth?: unknown; password?: unknown }>).map((entry) => {
    if (typeof entry?.password === 'string') return entry.password;
    if (typeof entry?.auth !== 'string') return '';
    // `auth` is base64 of `user:password`; anything else is itself what the registry is sent.
    const pair = Buffer.from(entry.auth, 'base64').toString('latin1');
    return /^[\x20-\x7e]*:[\x20-\x7e]*$/.test(pair) ? pair.slice(pair.indexOf(':') + 1) : entry.auth;
  });
  return logins.length > 0 && logins.every((password) => password === '' || placeholderKind(password) !== undefined);
}

/**
 * Made-up passwords are notes; a product's default is a note unless the file is a credential store
 * or the password is for a real host (a default nobody changed still works there); a guessable one
 * is a note only where it is most likely made up too (docs, examples, tests, a documentation host);
 * otherwise weak and strong passwords are leaks alike.
 */
function passwordVerdict(verdict: PasswordVerdict, inUse = false, madeUp = false): ValidatorVerdict {
  if (verdict === 'reject') return false;
  if (verdict === 'placeholder' || (verdict === 'default' && !inUse) || (verdict === 'weak' && madeUp && !inUse))
    return { ok: true, confidence: 'low' };
  return true;
}

/**
 * Inside a file whose whole job is holding live credentials (or for a real host), a bare weak word
 * (`password`, `secret`, `testpass`) is the password the tool sends, not a placeholder: only a
 * stand-in phrase (`your_password`, `<password>`, `changeme`, `xxxx`) is clearly made up there.
 */
function inUseVerdict(verdict: PasswordVerdict, value: string, inUse: boolean): PasswordVerdict {
  return verdict === 'placeholder' && inUse && !isStandInPhrase(value) ? 'weak' : verdict;
}

/** The host a match names (a `host` group, or the authority of its `uri` group). */
function matchHost(groups: Record<string, string | undefined>): string | undefined {
  if (groups['host']) return groups['host'];
  const uri = groups['uri'];
  const m = uri ? /^[A-Za-z][A-Za-z0-9+.-]*:\/\/(?:[^@/\s]*@)?(\[[^\]]*\]|[^/:?#,\s]+)/.exec(uri) : null;
  return m?.[1];
}

/** The key every Cisco IOS device XORs type 7 passwords with (published since 1995). */
const CISCO_TYPE7_KEY = 'dsfd;kfoA,.iyewrkldJKDHSUBsgvca69834ncxv9873254k;fg87';

/** A type 7 string (two decimal digits of offset into the key, then hex pairs) to its password. */
export function decodeCiscoType7(encoded: string): string | undefined {
  if (!/^\d{2}(?:[0-9A-Fa-f]{2})+$/.test(encoded)) return undefined;
  const offset = Number(encoded.slice(0, 2));
  if (offset > 15) return undefined;
  let out = '';
  for (let i = 2, k = offset; i < encoded.length; i += 2, k++) {
    const code = parseInt(encoded.slice(i, i + 2), 16) ^ CISCO_TYPE7_KEY.charCodeAt(k % CISCO_TYPE7_KEY.length);
    if (code < 0x20 || code > 0x7e) return undefined;
    out += String.fromCharCode(code);
  }
  return out;
}

export type Validator = (secret: string, ctx: ValidatorContext) => ValidatorVerdict;

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
/** Words stand-in phrases are written with that BIP-39's English list does not have. */
const MNEMONIC_STAND_INS = new Set(['your', 'here', 'words', 'mnemonic', 'xxx', 'foo', 'bar']);
/** User names documentation writes beside a stand-in password (`user:pass@host`). */
const STAND_IN_USER =
  /^(?:user(?:name)?|login|name|foo|me|someone|john(?:doe)?|jdoe|your[\w-]*|my[_-]?user(?:name)?|<[^>]*>)$|^$/i;

/** A password judged in a password slot, where a credential store makes a bare weak word a leak. */
function storePasswordVerdict(verdict: PasswordVerdict, value: string, ctx: ValidatorContext): ValidatorVerdict {
  const store = isCredentialStore(ctx.path);
  return passwordVerdict(inUseVerdict(verdict, value, store), store, isExampleContext(ctx.path));
}
/** A value in a password's position, judged as a password written literally (never bare code). */
function literalPassword(value: string, ctx: ValidatorContext, reported: string = value): ValidatorVerdict {
  return storePasswordVerdict(judgePasswordValue(value, 'password', { ...ctx, literal: true }), reported, ctx);
}
const HEX = /^[0-9a-fA-F]+$/;

/**
 * Published cipher test keys written as byte lists in every crypto library's tests and firmware
 * self-tests: AES-128 and AES-256 from FIPS-197 appendix A / NIST SP 800-38A (F.1.1, F.1.5).
 */
const TEST_VECTOR_KEYS: ReadonlySet<string> = new Set([
  '2b7e151628aed2a6abf7158809cf4f3c',
  '8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b',
  '603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4',
]);

/** True for a list of at least 8 bytes (comma-separated, or a YAML block list) that reads as random (see 'random-bytes'). */
export function isRandomByteList(list: string): boolean {
  const items = list.split(/,|\r?\n/).map((item) => item.trim().replace(/^-[ \t]*/, ''));
  if (items.length < 8) return false;
  const bytes = items.map((item) =>
    /^0x[0-9a-f]{1,2}$/i.test(item) ? parseInt(item, 16) : /^\d{1,3}$/.test(item) ? Number(item) : NaN,
  );
  if (bytes.some((b) => !(b >= 0 && b <= 255))) return false;
  if (TEST_VECTOR_KEYS.has(bytes.map((b) => b.toString(16).padStart(2, '0')).join(''))) return false;
  const steps = new Set(bytes.slice(1).map((b, i) => b - bytes[i]!));
  return new Set(bytes).size >= items.length / 2 && steps.size >= items.length / 2;
}

/**
 * Where a password hash is itself a leak: files a server authenticates against (shadow, passwd
 * files of FTP and mail daemons, htpasswd, caught by isCredentialStore) and SQL dumps of a users
 * table (not a test seed). In an export, a fixture, a seeder's CSV or a document store's JSON it is a note: the hash
 * does not log in, and plain passwords in the same rows are found on their own.
 */
const HASH_STORE = /\.(?:sql|dump)$|(?:^|\/)[^/]*(?:passwd|shadow)[^/]*$/i;
/** Schema migrations and seed data: the users they create are a fixture of the application, like a seeder's CSV. */
const SEED_PATH = /(?:^|\/)(?:migrations?|migrate|seeds?|seeders?|seeding)\/|(?:^|[/_.-])seed(?:s|ing)?[_.-]/i;

/** Entry names of a credential map that hold something other than the credential (schema fields, references). */
const MAP_ENTRY_NOT_VALUE =
  /^(?:type|kind|description|title|label|name|default|example|format|pattern|required|enum|file|path|source|from|driver|mode|provider|store|ref|secret_?ref|external|env|environment|scope|scopes|audience|issuer|algorithm|alg|header|prefix|created(?:_?at)?|expires?(?:_?at)?|ttl|version|hash|checksum|digest|fingerprint|public(?:_?key)?|cert(?:ificate)?|location|image|url|uri|host)$/i;

/**
 * The user name given again as the password (`admin:admin`, `guest:guest`): a product's default.
 * Not when the value is machine-made: services that take one token as both (Postmark's SMTP
 * server token, an API key sent as user and password) are a real credential.
 */
function isDefaultPair(user: string | undefined, password: string): boolean {
  return user === password && !judgeGenericValue(password, 'token', { quote: '"' });
}

export const validators = {
  // Checksums and other provider-specific checks come from the provider modules.
  ...Object.fromEntries(Object.entries(providerValidators).map(([name, v]) => [name, v.check])),
  /** Three base64url segments whose header and payload decode to JSON objects. */
  jwt: (secret) => {
    const jwt = decodeJwt(secret);
    // jwt.io's example token ("John Doe", sub 1234567890) is documentation, not a credential.
    if (jwt === undefined || (jwt.payload['sub'] === '1234567890' && jwt.payload['name'] === 'John Doe')) return false;
    // A NATS JWT (signed with an nkey) is a public claim the server checks against the account:
    // logging in takes the nkey seed beside it, which its own detector reports.
    if (jwt.header['alg'] === 'ed25519-nkey') return { ok: true, confidence: 'low' };
    if (isEmptyUnsignedJwt(jwt)) return false;
    return true;
  },
  base64: (secret) => BASE64.test(secret),
  /**
   * A Kubernetes Secret's data value, decoded: public material (a public key, a certificate, an
   * SSH public key) and stand-ins (`REPLACE_ME`, a registry config whose every login is
   * `<user>:<password>`) hold nothing to leak.
   */
  'k8s-secret-value': (secret, ctx) =>
    BASE64.test(secret) &&
    !isPublicOrStandIn(Buffer.from(secret, 'base64').toString('utf8')) &&
    !(ctx.groups['key'] !== undefined && isIdentifierName(ctx.groups['key'])),
  /**
   * A BIP-39 recovery phrase: nearly every word distinct (Hardhat's `test test … junk` and the
   * `abandon … about` test vector are not), and none of the words documentation writes instead.
   */
  'mnemonic-words': (secret) => {
    const words = secret.split(' ');
    if (new Set(words).size < words.length - 2) return false;
    return !words.some((w) => MNEMONIC_STAND_INS.has(w));
  },
  hex: (secret) => HEX.test(secret),
  /**
   * A key written as a list of bytes (`0x3B, 0xC1, …`, `177, 10, …`): every item a byte, and random,
   * not the empty, counting or stepping sequence documentation and templates fill in (Zigbee2MQTT's
   * example key is 1, 3, 5, …, 0, 2, 4, …): most steps between neighbours differ.
   */
  'random-bytes': (secret) => isRandomByteList(secret),
  /** A BIP-39 recovery phrase: every word on the English list and the checksum bits right. */
  bip39: (secret) => checkBip39(secret) && { ok: true, checksum: 'valid' },
  /** Base58Check-encoded keys (Bitcoin WIF, BIP-32 extended keys): the checksum must verify. */
  base58check: (secret) => checkBase58Check(secret) && { ok: true, checksum: 'valid' },
  /** Values assigned to credential-like names: judged on entropy, shape and dictionary words. */
  'generic-value': (secret, ctx) =>
    // A payment provider's secret word (Skrill's `secret_word`) is a passphrase someone chose.
    ctx.keyName !== undefined && /secret[_ -]?word$/i.test(ctx.keyName)
      ? storePasswordVerdict(judgePasswordValue(secret, ctx.keyName, ctx), secret, ctx)
      : judgeGenericValue(secret, ctx.keyName, ctx),
  /** The same, where the pattern places the value inside a string (after `Bearer ` in a header): never bare code. */
  'generic-literal': (secret, ctx) => judgeGenericValue(secret, ctx.keyName, { ...ctx, literal: true }),
  /**
   * A string handed to a vendor's client constructor (`Postmark::ApiClient.new("…")`,
   * `Dogapi::Client.new('…')`): nothing names the value, so it must read as a machine-made key on
   * its own; a UUID counts where a vendor's class takes it (Postmark's server tokens are UUIDs).
   */
  'client-constructor-key': (secret, ctx) => {
    if (!UUID.test(secret)) return judgeGenericValue(secret, undefined, { ...ctx, literal: true });
    // A vendor's own class (`Postmark::ApiClient`, `postmark.ServerClient`, `PostmarkClient`), not a bare `Client`.
    const vendorClass = /(?:::|\.)|^[A-Z][a-z0-9]+[A-Z]/.test(ctx.keyName ?? '');
    return vendorClass && shannonEntropy(secret.replace(/-/g, '')) >= 3.2;
  },
  /** A literal in a password position (a call's password argument): judged as a password whatever the name. */
  'password-literal': (secret, ctx) => storePasswordVerdict(judgePasswordValue(secret, 'password', ctx), secret, ctx),
  /**
   * A password given as a command's argument (`-P …`, `--password …`, `sshpass -p …`): a word of the
   * command line, so literal in a PowerShell or batch script as in a shell one, never bare code.
   */
  'password-argument': (secret, ctx) => literalPassword(secret, ctx),
  /** The same, where the pattern places the value inside a string after other text (`"user:…"` for CURLOPT_USERPWD): never bare code. */
  'password-in-string': (secret, ctx) => literalPassword(secret, ctx),
  /**
   * A cookie's value under a session or auth cookie name the pattern has already vetted
   * (`connect.sid`, `acme_session`): judged on the value alone, as machine-generated.
   */
  'session-value': (secret, ctx) => judgeGenericValue(secret, undefined, { ...ctx, literal: true }),
  /** Passwords: human-made values are accepted, defaults, references and code are not. */
  'password-value': (secret, ctx) => storePasswordVerdict(judgePasswordValue(secret, ctx.keyName, ctx), secret, ctx),
  /**
   * A value whose name the pattern reads from markup (`<entry key="…">`, `variable "…"`), where one
   * detector covers both kinds: judged as a password under a password name, as a secret otherwise.
   */
  'credential-value': (secret, ctx) =>
    ctx.keyName !== undefined && isPasswordKey(ctx.keyName)
      ? storePasswordVerdict(judgePasswordValue(secret, ctx.keyName, { ...ctx, literal: true }), secret, ctx)
      : judgeGenericValue(secret, ctx.keyName, { ...ctx, literal: true }),
  /**
   * One entry of a map a credential name opens (`apiKey: { mainnet: '…' }` in a Hardhat config,
   * `API_KEYS = {"prod": "…"}`, `tokens:` then `  staging: …`): the entry is named for where the
   * credential is used, not what it is, so the parent's name vouches for it. An entry named for
   * an identifier or a schema field (`client_id`, `url`, `type`, `description`) is not one.
   */
  'map-entry-secret': (secret, ctx) => {
    const entry = ctx.groups['entry'] ?? ctx.groups['entry2'] ?? ctx.groups['entry3'];
    if (entry === undefined || ctx.keyName === undefined) return false;
    // The map's name is plural (`API_KEYS`, `partner_tokens`); each entry is one of them.
    const name = ctx.keyName.replace(/s$/i, '');
    if (!isSecretKey(name) || isIdentifierName(entry) || MAP_ENTRY_NOT_VALUE.test(entry)) return false;
    // A YAML entry sits deeper than the name that opens the map.
    const indent = ctx.groups['ind'];
    if (indent !== undefined && indent.length <= (ctx.groups['pind'] ?? '').length) return false;
    // A URL, a path or a resource reference (`classpath:keys/partner.json`) names where it is kept.
    if (
      /:\/\/|^\.{0,2}\/|^(?:classpath|file|env|vault|secret|arn):|\.(?:json|ya?ml|pem|key|p12|pfx|jks|txt|env)$/i.test(
        secret,
      )
    )
      return false;
    return judgeGenericValue(secret, name, { ...ctx, literal: true });
  },
  /**
   * A Terraform secret resource's value: the resource's type vouches for it (judged like a
   * password: references and placeholders are not values), except a GitLab or Terraform Cloud
   * variable, where its `key` must name a credential.
   */
  'iac-secret-value': (secret, ctx) => {
    const name = ctx.groups['key3'];
    if (name === undefined) return literalPassword(secret, ctx);
    if (isPasswordKey(name))
      return storePasswordVerdict(judgePasswordValue(secret, name, { ...ctx, literal: true }), secret, ctx);
    return isSecretKey(name) && judgeGenericValue(secret, name, { ...ctx, literal: true });
  },
  /**
   * SASL PLAIN's initial response (RFC 4616): base64 of `[authzid] NUL authcid NUL passwd`, as an
   * SMTP, IMAP or XMPP client sends it in the clear of a debug log.
   */
  'sasl-plain-base64': (secret, ctx) => {
    if (secret.length % 4 !== 0) return false;
    const parts = Buffer.from(secret, 'base64').toString('utf8').split('\0');
    if (parts.length !== 3) return false;
    const [, user, password] = parts as [string, string, string];
    if (!/^[\x21-\x7e]{1,256}$/.test(user) || !/^[\x20-\x7e]{4,256}$/.test(password)) return false;
    return literalPassword(password, ctx);
  },
  /**
   * An HTTP client's basic-auth pair (`auth=("user", "…")`): the password judged as one (the user
   * as the password is a default), or, with an empty password (or BambooHR's `x`), the user judged as an API key.
   */
  'basic-auth-pair': (secret, ctx) => {
    if (ctx.groups.secret3 !== undefined || ctx.groups.secret4 !== undefined || ctx.groups.secret5 !== undefined)
      return judgeGenericValue(secret, 'api_key', { ...ctx, literal: true });
    const user = ctx.groups.user ?? ctx.groups.user2;
    const verdict = judgePasswordValue(secret, 'password', { ...ctx, literal: true });
    return storePasswordVerdict(
      verdict !== 'reject' && verdict !== 'placeholder' && isDefaultPair(user, secret) ? 'default' : verdict,
      secret,
      ctx,
    );
  },
  /** A file holding one secret: a password judged as one, a long key (Chef's data bag secret) as a random secret. */
  'secret-file': (secret, ctx) =>
    secret.length > 128
      ? (/^[A-Za-z0-9+/]+={0,2}$/.test(secret) && shannonEntropy(secret) >= 4.5) ||
        judgeGenericValue(secret, 'secret', { ...ctx, literal: true })
      : literalPassword(secret, ctx),
  /** A code span after a credential's word in prose: a password under a password word, else a machine-made secret. */
  'doc-code-span': (secret, ctx) =>
    // A key chord (`Ctrl+Shift+P`) is a keyboard key, not a key's value; a UUID after a bare
    // `key` or `token` in prose is most often an id (`token id:`, an integration key).
    /^(?:Ctrl|Cmd|Command|Alt|Shift|Meta|Option|Opt|Super|Win)\+/i.test(secret) ||
    (UUID.test(secret) && /^(?:key|token)$/i.test(ctx.keyName ?? ''))
      ? false
      : /pass|psk|pre-shared|wi-?fi/i.test(ctx.keyName ?? '')
        ? literalPassword(secret, ctx)
        : judgeGenericValue(
            secret,
            /^key$/i.test(ctx.keyName ?? '') ? 'secret' : (ctx.keyName ?? 'secret').replace(/[ -]/g, '_'),
            {
              ...ctx,
              literal: true,
            },
          ),
  /**
   * Cisco type 7 is the password XORed with a published key string, so it is decoded and judged as
   * the password it is (a made-up or default one stays a note). Junos `$9$` is not decoded here: a
   * note, as before.
   */
  'cisco-type7': (secret, ctx) => {
    if (secret.startsWith('$9$')) return { ok: true, confidence: 'low' };
    const password = decodeCiscoType7(secret);
    return password === undefined ? false : literalPassword(password, ctx);
  },
  /** WebSphere's `{xor}`: base64 of the password XORed with `_` (0x5F). */
  'websphere-xor': (secret, ctx) => {
    if (secret.length % 4 === 1) return false;
    const password = String.fromCharCode(...Buffer.from(secret, 'base64').map((b) => b ^ 0x5f));
    if (!/^[\x20-\x7e]{4,128}$/.test(password)) return false;
    return literalPassword(password, ctx);
  },
  /** A RACF password (up to 8 characters) or password phrase (14 to 100, words allowed: judged without its spaces). */
  'racf-password': (secret, ctx) => {
    const phrase = secret.includes(' ');
    if (phrase && (secret.length < 14 || secret.split(' ').length > 8)) return false;
    const value = phrase ? secret.replace(/ /g, '') : secret;
    return literalPassword(value, ctx, secret);
  },
  'base64-password': (secret, ctx) => {
    if (secret.length % 4 === 1) return false;
    const decoded = Buffer.from(secret, 'base64').toString('utf8');
    // Key bytes rather than text under a secret's name (`const secret = Buffer.from('…', 'base64')`,
    // an HMAC or signing key): 16 or more random bytes.
    if (!/^[\x21-\x7e]{4,128}$/.test(decoded))
      return (
        ctx.keyName !== undefined &&
        isSecretKey(ctx.keyName) &&
        !isPasswordKey(ctx.keyName) &&
        secret.length >= 24 &&
        shannonEntropy(secret) >= 4.5
      );
    return storePasswordVerdict(
      judgePasswordValue(decoded, isPasswordKey(ctx.keyName ?? '') ? ctx.keyName : 'password', {
        ...ctx,
        literal: true,
      }),
      decoded,
      ctx,
    );
  },
  /** The same, where the pattern places the value inside a string (a `${name:default}` default): never bare code. */
  'password-value-literal': (secret, ctx) =>
    storePasswordVerdict(judgePasswordValue(secret, ctx.keyName, { ...ctx, literal: true }), secret, ctx),
  /**
   * The password part of `scheme://user:pass@host` is a real value, not a template. A default
   * (`guest:guest`, `postgres:postgres`) is a note on localhost or a documentation host, and a leak
   * on a real one (or, where no host is named, in a credential store).
   */
  'uri-password': (secret, ctx) => {
    const password = decodeUriComponentSafe(secret);
    let verdict = judgePasswordValue(password, 'password', { quote: '"' });
    if (
      verdict !== 'reject' &&
      verdict !== 'placeholder' &&
      ctx.groups['user'] !== undefined &&
      isDefaultPair(decodeUriComponentSafe(ctx.groups['user']), password)
    )
      verdict = 'default';
    const host = matchHost(ctx.groups);
    const inUse = host !== undefined ? isRealHost(host) : isCredentialStore(ctx.path);
    // A bare weak word is in use in a credential store whatever host it names (a .pgpass entry for
    // the machine's own server). For a real host in any file, a compound one (`testpass`) is too, but
    // documentation's own words (`admin:password@…`, `user:secret@…`) and stand-in users stay notes.
    const user = ctx.groups['user'] !== undefined ? decodeUriComponentSafe(ctx.groups['user']) : undefined;
    const realUse = inUse && user !== undefined && !STAND_IN_USER.test(user) && !isDocumentationPassword(password);
    verdict = inUseVerdict(verdict, password, isCredentialStore(ctx.path) || realUse);
    // A guessable password for example.com is made up; for localhost or a real host it is a leak.
    return passwordVerdict(verdict, inUse, isDocumentationHost(host) || isExampleContext(ctx.path));
  },
  /**
   * A crypt-style hash: a leak in a credential store, a database dump or any other data file; a note
   * in source code, docs and tests, where hashes are mostly seed data and fixtures, and in a
   * service's configuration.
   */
  'password-hash-store': (_secret, ctx) =>
    isCredentialStore(ctx.path) ||
    (HASH_STORE.test(ctx.path) && !isExampleContext(ctx.path) && !SEED_PATH.test(ctx.path))
      ? { ok: true, confidence: 'medium' }
      : true,
  /** A 40-character AWS secret access key: base64 alphabet, mixed classes, high entropy. */
  'aws-secret-near-id': (secret) =>
    /^[A-Za-z0-9/+]{40}$/.test(secret) && /[A-Z]/.test(secret) && /[a-z]/.test(secret) && /[0-9/+]/.test(secret),
  /** A Supabase key JWT whose `role` claim is `service_role`. */
  'supabase-service-role': (secret) => decodeJwt(secret)?.payload['role'] === 'service_role',
  /** A Supabase key JWT whose `role` claim is `anon`. */
  'supabase-anon': (secret) => decodeJwt(secret)?.payload['role'] === 'anon',
  /** Rejects a bare UUID when nothing around it says it is a credential. */
  'not-uuid-only': (secret, ctx) => !UUID.test(secret) || ctx.keyName !== undefined,
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
    // A user name, not JSON; a few inner spaces are a name too (Travelport's `Universal API/uAPI…`).
    const userName = decoded.slice(0, colon);
    if (colon < 1 || !/^[^\s:{}"](?:[^\t\r\n:{}"]*[^\s:{}"])?$/.test(userName) || userName.split(' ').length > 4)
      return false;
    const password = decoded.slice(colon + 1);
    // `key:` with no password: services that take an API key as the Basic user (Stripe, Benchling,
    // Mailchimp, Recurly) send exactly this.
    if (password.length === 0) return judgeGenericValue(userName, 'api_key', { quote: '"' });
    const verdict = judgePasswordValue(password, 'password', { quote: '"' });
    // user == password (admin:admin): a product's default, a note unless a credential store holds it.
    return passwordVerdict(
      verdict !== 'reject' && verdict !== 'placeholder' && isDefaultPair(userName, password) ? 'default' : verdict,
      isCredentialStore(ctx.path),
    );
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
