// Judges values assigned to credential-like names ("generic secrets"), where no provider format
// vouches for them. Two questions: is the NAME about a credential (DB_PASSWORD, clientSecret —
// not password_length or token_type), and is the VALUE one (machine-generated, or a real
// human password) rather than a word, an identifier, a reference, a path, a public hash, a
// placeholder or a product default. Tuned on real code; the public corpora are a measuring stick.
// The word lists and entropy thresholds are data, with how they were calibrated:
// src/detect/data/generic-words.json.

import { decodeJwt, isEmptyUnsignedJwt } from '../providers/formats/jwt.js';
import { characterClasses, shannonEntropy } from './entropy.js';
import { placeholderKind } from './placeholder.js';
import WORDS from './data/generic-words.json' with { type: 'json' };

const ENTROPY = WORDS.entropyThresholds;

/** Values that are not credentials at all (types, flags, schemes, environment names). Never reported. */
const NOT_VALUES: ReadonlySet<string> = new Set(WORDS.notValues);

/**
 * Stand-in passwords: the field's own name, the words documentation uses (`changeme`, `secret`,
 * RFC 7617's `open sesame`). Clearly made up, so at most a note wherever they are.
 */
const PLACEHOLDER_PASSWORDS: ReadonlySet<string> = new Set(WORDS.placeholderPasswords);

/** `mypassword`, `thisismysecret`, `supersecret`: nothing but the words documentation fills a blank with. */
const STAND_IN_PHRASE =
  /^(?:(?:this|is|my|your|the|a|our|some|super|secret|password|passwd|pass|pwd|token|key|here|goes|test|example|sample|dummy|fake|very|strong)[\s_-]?)+$/i;

/**
 * Products' shipped defaults (the database images', RabbitMQ's, MinIO's, Oracle's scott/tiger): a
 * note in a sample configuration, but a leak wherever it is the password of a real host or sits in
 * a credential store, since a default nobody changed still works.
 */
const PRODUCT_DEFAULTS: ReadonlySet<string> = new Set(WORDS.productDefaults);

/** Words that only ever make up stand-in values: foo-bar, my_test_value. */
const FILLER_WORDS: ReadonlySet<string> = new Set(WORDS.fillerWords);

/** Guessable passwords: still real credentials (someone logs in with them), reported like any other. */
const WEAK_PASSWORDS: ReadonlySet<string> = new Set(WORDS.weakPasswords);

/** A name that starts with a verb of an operation on a credential, as operation names do. */
const OPERATION_NAME =
  /^(?:get|fetch|list|create|delete|update|rotate|revoke|reset|generate|validate|verify|issue)[A-Z_]/i;

/** Names split so far: the same few names (`key`, `token`, `apiKey`) come back on every match. */
const KEY_WORDS = new Map<string, readonly string[]>();
const KEY_WORDS_MAX = 4096;

/** Splits `dbPassword`, `DB_PASSWORD`, `api-key`, `APIKey` into lower-case words. */
export function keyWords(name: string): readonly string[] {
  let words = KEY_WORDS.get(name);
  if (words === undefined) {
    // A key name is usually a slice of the file's text, and a slice keeps the whole text alive:
    // the cache holds a copy (and words cut from it), or it would hold thousands of files.
    const own = Buffer.from(name, 'utf8').toString('utf8');
    words = Object.freeze(
      own
        .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
        .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .filter(Boolean),
    );
    if (KEY_WORDS.size >= KEY_WORDS_MAX) KEY_WORDS.clear();
    KEY_WORDS.set(own, words);
  }
  return words;
}

const NOT_PASS_WORDS: ReadonlySet<string> = new Set(WORDS.notPassWords);
/** Words that turn a password-ish name into something else: its length, policy, field label… */
const PASSWORD_META: ReadonlySet<string> = new Set(WORDS.passwordMeta);

/** Words before the password word that make the name about a password, not one: min_password_length. */
const PASSWORD_META_BEFORE: ReadonlySet<string> = new Set(WORDS.passwordMetaBefore);

/** True for names that hold a password: DB_PASSWORD, dbPass, passwd, pwd, sshPassphrase, IRC_PASS. */
/** What a PIN unlocks when it is a credential (a GPIO pin or a card's PIN pad is not). */
const PIN_OWNERS: ReadonlySet<string> = new Set([
  'pkcs11',
  'hsm',
  'smartcard',
  'yubikey',
  'token',
  'keystore',
  'so',
  'user',
  'card',
  'p11',
]);

export function isPasswordKey(name: string): boolean {
  const words = keyWords(name);
  let at = -1;
  words.forEach((w, i) => {
    if (NOT_PASS_WORDS.has(w)) return;
    if (
      /passw(?:or)?ds?|passwd|passphrase|passcode|^pwd$|^pw$|^pass$|^password|pswd$|^pwrd$|^pword$|^bindpw$|^authtok$|^w?psk$/.test(
        w,
      ) ||
      (w.replace(/\d$/, '').endsWith('pass') && w.length <= 12) || // Tasmota's STA_PASS1, WIFI_PASS2
      /pwd$/.test(w) ||
      (/^[a-z]{1,8}pw$/.test(w) && w !== 'mpw') // Kamailio's DBRWPW and DBROOTPW, slapd's rootpw
    )
      at = i;
  });
  // A payment provider's "secret word" (Skrill, 2Checkout): a passphrase the merchant picks.
  if (at < 0) {
    const secret = words.indexOf('secret');
    if (secret >= 0 && words[secret + 1] === 'word' && secret + 2 === words.length) return true;
    if (words[words.length - 1] === 'secretword') return true;
  }
  // A PIN that unlocks a key store (`PKCS11_PIN`, `HSM_PIN`, a smart card's): a password.
  if (at < 0) {
    const pin = words.indexOf('pin');
    return pin > 0 && PIN_OWNERS.has(words[pin - 1]!) && pin === words.length - 1;
  }
  // 1Password and KeePass, the products (`see 1Password "db01"`, `in KeePass "WAN/lab"`): a reference
  // to a vault entry, not a password.
  if (at > 0 && (words[at - 1] === '1' || words[at - 1] === 'kee')) return false;
  if (words[at] === 'keepass' || words[at] === 'keepassxc') return false;
  // `password_length`, `passwordField`: a word after the password word describes it.
  if (words.slice(at + 1).some((w) => PASSWORD_META.has(w))) return false;
  // `encrypted_password`, `crypted_password`: the column holds the ciphertext (`encryptedKeyPassword`,
  // with a word between, is the password of an encrypted key).
  if (at > 0 && (words[at - 1] === 'encrypted' || words[at - 1] === 'crypted')) return false;
  // `min_password_length`, `forgotPassword`: some words before it do too; `ClearTextPassword` does not.
  return !words.slice(0, at).some((w) => PASSWORD_META_BEFORE.has(w));
}

const SECRET_WORDS =
  /^(?:secrets?|tokens?|pats?|apikeys?|credentials?|creds|auth|authorization|salt|passphrase|bearer|jwt|privatekey|accesskey|secretkey|authkey|authtoken|accesstoken|refreshtoken|clientsecret|signingkey|masterkey|appkey|sessionkey|skey|dek|kek|nwkskey|appskey|nwkkey|nwksenckey|fnwksintkey|snwksintkey|encryptionkey|licensekey|webhooksecret|hmac|dsn)$/;
const KEY_QUALIFIERS: ReadonlySet<string> = new Set(WORDS.keyQualifiers);
/** Key-derivation functions: a salt named after one is a parameter stored in the clear. */
const KDF_WORDS: ReadonlySet<string> = new Set(WORDS.kdfWords);
/** Words before `salt` that make it a value kept in the clear (`bucketingSalt`, `password_salt`). */
const PUBLIC_SALT_QUALIFIERS: ReadonlySet<string> = new Set([
  'bucketing',
  'bucket',
  'experiment',
  'sampling',
  'rollout',
  'password',
  'user',
  // Pulumi's encryptionsalt and the salt stored beside a ciphertext are kept in the clear by design.
  'encryption',
]);
/** Words after a credential word that make the name about the credential, not the credential itself. */
const SECRET_META: ReadonlySet<string> = new Set(WORDS.secretMeta);
const TOKEN_META: ReadonlySet<string> = new Set(WORDS.tokenMeta);
/** Qualifiers that make a "token" or "key" something other than a credential. */
const NOT_CREDENTIAL_QUALIFIERS: ReadonlySet<string> = new Set(WORDS.notCredentialQualifiers);

/** True for names that hold a machine credential: API_KEY, clientSecret, auth_token, SECRET_KEY_BASE. */
export function isSecretKey(name: string): boolean {
  const words = splitCompounds(keyWords(name));
  let hit = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (TOKEN_META.has(w)) return false;
    // A search-only key (Algolia, Typesense, Meilisearch) is made for browsers, however it is
    // named (`search_key`, `search-api-key`).
    if (w === 'only' && words[i - 1] === 'search') return false;
    // A web SDK's key (Braze's `web_sdk_api_key`) ships to every browser.
    if (w === 'sdk' && words[i - 1] === 'web') return false;
    if (w === 'search' && words[i + 1] === 'api' && /^keys?$/.test(words[i + 2] ?? '')) return false;
    // python-social-auth's SOCIAL_AUTH_<BACKEND>_KEY is the OAuth client id (its _SECRET is the secret).
    if (i === 0 && w === 'social' && words[1] === 'auth' && words[words.length - 1] === 'key') return false;
    // A column or field that holds the credential encrypted or hashed (`encrypted_otp_secret`), not
    // a setting of an encryption feature (Kibana's `xpack.encryptedSavedObjects.encryptionKey`).
    if ((w === 'encrypted' || w === 'hashed' || w === 'crypted') && words.length - i <= 3) return false;
    // Duo's integration key (`DI…`) names the application; its secret key is the credential.
    if (w === 'integration' && words.includes('duo')) return false;
    // Mixpanel's project token is the public id every browser and app sends events with.
    if (w === 'token' && words[i - 1] === 'project' && words.includes('mixpanel')) return false;
    // `X-Shopify-Hmac-Sha256`, `hmac_sha1`: the header or field carrying an HMAC signature.
    if (w === 'hmac' && /^(?:sha\d*|md5|signature)$/.test(words[i + 1] ?? '') && i + 2 >= words.length) return false;
    if (
      NOT_CREDENTIAL_QUALIFIERS.has(w) &&
      i + 1 < words.length &&
      /^(?:tokens?|keys?|secrets?)$/.test(words[i + 1]!) &&
      !(w === 'access' && words[i + 1] === 'key') &&
      !(w === 'access' && words[i + 1] === 'token') &&
      !(w === 'storage' && words[i + 1] === 'key') &&
      // A search key is a browser's (Algolia, Meilisearch); a search token or secret is a server's.
      !(w === 'search' && !/^keys?$/.test(words[i + 1]!))
    )
      return false;
    // WordPress's LOGGED_IN_KEY: the qualifier is two words back.
    const isCredentialWord =
      SECRET_WORDS.test(w) ||
      (w === 'key' &&
        i > 0 &&
        (KEY_QUALIFIERS.has(words[i - 1]!) || (words[i - 1] === 'in' && words[i - 2] === 'logged')));
    if (!isCredentialWord) continue;
    // A key-derivation salt (`Argon2-Salt`, `pbkdf2_salt`) is stored beside what it protects, in the clear.
    if (w === 'salt' && i > 0 && KDF_WORDS.has(words[i - 1]!)) return false;
    // An experiment's bucketing salt or a per-user password salt is stored in the clear too (a
    // site-wide salt, WordPress's AUTH_SALT or Drupal's hash_salt, is a secret key).
    if (w === 'salt' && i > 0 && PUBLIC_SALT_QUALIFIERS.has(words[i - 1]!)) continue;
    const next = words[i + 1];
    // `token_type`, `secret_name`, `api_key_header`: the name describes the credential, unless a
    // later credential word names one (`jwt_generator_signature_secret`): the last one decides.
    hit = !(next !== undefined && SECRET_META.has(next));
  }
  return hit;
}

/** Credential words a name may end in without a separator (`jwtsecret`, `APITOKEN`, `hmackey`). */
const COMPOUND = /^([a-z]{2,12}?)(secrets?|tokens?|key|salt)$/;
/** Words before `secret` or `token` in such a name, besides the key qualifiers. */
const COMPOUND_QUALIFIERS: ReadonlySet<string> = new Set(WORDS.compoundQualifiers);

/**
 * A name written in one case without separators (`jwtsecret`, `SESSIONSECRET`, `apitoken`) as the
 * words it is made of, when its first part is a word that qualifies a credential: `hmackey` is an
 * HMAC key, while `monkey`, `sortkey` and `pagetoken` stay single words.
 */
function splitCompounds(words: readonly string[]): readonly string[] {
  let out: string[] | undefined;
  for (let i = 0; i < words.length; i++) {
    const m = COMPOUND.exec(words[i]!);
    const prefix = m?.[1];
    const split =
      prefix !== undefined &&
      !SECRET_WORDS.test(words[i]!) &&
      !NOT_CREDENTIAL_QUALIFIERS.has(prefix) &&
      (KEY_QUALIFIERS.has(prefix) || (m![2] !== 'key' && m![2] !== 'salt' && COMPOUND_QUALIFIERS.has(prefix)));
    if (split && !out) out = words.slice(0, i);
    if (split) out!.push(prefix, m![2]!);
    else out?.push(words[i]!);
  }
  return out ?? words;
}

/**
 * `paymongo_key`, `MapsKey`: a name ending in `key` after a word that is not a known qualifier (a
 * vendor's name, usually), and with nothing that makes it some other kind of key (sort_key, cache_key).
 */
function isVendorKey(name: string): boolean {
  const words = keyWords(name);
  if (words.length < 2 || words[words.length - 1] !== 'key') return false;
  return !words.some(
    (w) =>
      NOT_CREDENTIAL_QUALIFIERS.has(w) ||
      SECRET_META.has(w) ||
      TOKEN_META.has(w) ||
      PASSWORD_META.has(w) ||
      NOT_KEY_WORDS.has(w),
  );
}

/** Words before `key` that name a lookup or a setting, not a vendor. */
const NOT_KEY_WORDS: ReadonlySet<string> = new Set(WORDS.notKeyWords);

/** Source files: an unquoted right-hand side there is a variable or an expression, not a literal. */
const CODE_FILE =
  /\.(?:[cm]?[jt]sx?|py|rb|go|java|kt|kts|scala|groovy|cs|php|rs|swift|c|cc|cpp|h|hpp|dart|lua|pl|r|ex|exs|vue|svelte|ps1|psm1)$/i;

const REJECT_SHAPES: RegExp[] = [
  /^[a-z][a-z0-9+.-]{1,20}:\/\//i, // URLs (credentials in URLs have their own detector)
  /^data:/i, // data: URIs
  /^(?:sha(?:1|256|384|512)|md5)-[A-Za-z0-9+/=]+$/, // SRI integrity hashes
  /^\.{0,2}\/[\w.@~-]+(?:\/[\w.@~-]*)*$|^~\/|^[A-Za-z]:\\|\\\\/, // filesystem paths (a salt may start with `/+`)
  /^[\w.-]+\.(?:json|ya?ml|pem|key|crt|cer|p12|pfx|txt|js|ts|py|rb|go|env|conf|cfg|ini|xml|properties|sh|jks|der|html?)$/i,
  /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i, // e-mail addresses
  /^v?\d+(?:\.\d+){1,3}(?:[-+][\w.]+)?$/, // versions
  /^-?\d+(?:\.\d+)?$/, // numbers
  /^[\w$]+\(.*\)$|^new\s|^await\s|^function\b|=>/, // code
  /^#[0-9a-f]{3,8}$/i, // colours
  /^(?:[0-9a-f]{2}:){5,}[0-9a-f]{2}$/i, // MAC addresses, key fingerprints
  /^(?:ssh-(?:rsa|dss|ed25519)|ecdsa-sha2-\S+)\s|^AAAA[A-Za-z0-9+/]{60,}/, // SSH public keys
  /^\\?\$(?:2[abxy]?|5|6|1|7|y|gy|P|H|apr1|argon2\w*|pbkdf2[\w-]*|scrypt)\\?\$/, // password hashes, phpass and yescrypt too (their own detector); `\$6\$` escaped for a shell or BitBake
  /^(?:SHA256|SHA1|MD5):[A-Za-z0-9+/=:]{16,}$/, // SSH host key fingerprints as ssh-keygen -l prints them
  /^\d{3,7}:[0-9a-f]{16,64}:[0-9a-f]{32,128}$/, // PBKDF2 stored as iterations:salt:hash (YAMCS, Jetty's CRYPT forms)
  /^\{V\d{1,2}\.\d{1,2}\}[A-Za-z0-9+/]{16,}={0,2}$/, // PeopleSoft PSCipher output ({V2.1}…)
  /^[A-Z0-9]{16,128}\/\d{8}\/[a-z0-9-]+\/[a-z0-9-]+\/aws4_request,?$/, // a SigV4 credential scope (the key id, not its secret)
  /^(?:[A-Z][a-z]+)+(?::(?:[A-Z][a-z]+)+)+$/, // a .NET configuration path (`Sap:Password`): the setting's name, not its value
  /^(?:pbkdf2_sha(?:1|256)\$\d{3,7}\$|argon2\$argon2(?:id|i|d)\$|bcrypt(?:_sha256)?\$\$2[aby]\$|scrypt\$\d+\$)/, // Django's stored password hashes
  /^\d{1,2}:[23]:(?:[A-Za-z0-9+/]{16,24}:)?[A-Za-z0-9+/]{24,}={0,2}$/, // Magento's encrypted config values (key:cipher:payload)
  /^SCRAM-SHA-(?:1|256)\$\d+:|^md5[0-9a-f]{32}$/, // PostgreSQL's stored role verifiers (pg_authid, pg_dumpall --globals)
  /^\{(?:S?SHA(?:256|384|512)?|S?MD5|CRYPT|PBKDF2(?:-SHA\d+)?|ARGON2|BCRYPT)\}/i, // LDAP's hashed userPassword forms ({CLEARTEXT} is not one)
  /^![A-Za-z0-9]{40}$/, // Django's unusable-password marker
  /^\[?(?:String|ID|Int|Float|Boolean)!\]?!?$/, // GraphQL argument types (`$password: String!`)
  /^(?:sha256|md5)#[0-9a-f]{32,64}#[^#\s]{0,64}#$/, // ZNC's stored password hash (`sha256#hash#salt#`)
  /^[0-9a-f]{16,64}\$\d{1,7}\$[0-9a-f]{32,128}$/, // Tomcat's digested passwords (`salt$iterations$hash`)
  /^JDJ[hi5]JD[A-Za-z0-9+/]{40,}={0,2}$/, // base64 of a bcrypt hash (Caddy's http_basic accounts)
  /^(?:exec|file):\/[\w./-]+$/, // Apache's `exec:/path` and `file:/path` indirections
  /^(?:hash|lmdb|btree|texthash|regexp|pcre|proxy|ldap|mysql|pgsql|sqlite|cdb|dbm):[/\w]/, // Postfix lookup tables
  /^(?:SELECT|INSERT|UPDATE|DELETE|WITH)$/i, // the first word of a query (`password_query = SELECT …`)
  /^(?:(?:SHA(?:256|512)?|BLF|MD5|DES)-CRYPT|S?SHA(?:256|512)?|ARGON2I?D?|PLAIN(?:-MD5)?|CRAM-MD5|PBKDF2|SCRAM-SHA-(?:1|256))$/i, // password scheme names (Dovecot's default_pass_scheme)
  /^hmac-sha(?:1|256|384|512):[0-9a-f]{32,128}$/, // Vault audit logs' HMAC of a value
  /^eyJpdiI6[A-Za-z0-9+/]{40,}={0,2}$/, // Laravel's encrypted values (base64 of {"iv":…,"value":…,"mac":…})
  /^AQ[IE][CD]AH[A-Za-z0-9+/]{100,}={0,2}$/, // an AWS KMS ciphertext blob (decrypted with kms:Decrypt at run time)
  /^\/[\w.-]+(?:\/[\w.-]+)+(?::(?:ro|rw|z|Z|cached|delegated|consistent))?$/, // an absolute path (a Compose volume's `…/passwd:/etc/passwd:ro`)
  // A pointer to where the password is kept, written in its place (`see Vault`, `(in 1Password)`).
  /^\(?(?:see|in|ask|check|stored in|kept in|from|use|look in)\b[^)]{0,40}?\b(?:vault|1password|lastpass|keepass(?:xc)?|bitwarden|keeper|dashlane|secrets? ?manager|key ?vault|parameter store|ssm|wiki|confluence|notion|sharepoint|password manager)\b\)?\.?$/i,
  /^&(?:'\w+\s+)?(?:mut\s+)?[A-Za-z_][\w:<>]*$/, // Rust type annotations and borrows: &str, &mut String
  /^\{[A-Za-z0-9+/]{16,}={0,2}\}$/, // Maven's encrypted form ({…} under settings-security.xml's master password)
  /^!(?:secret|[\w-]+\.ya?ml)[ \t]+[\w.-]+$/, // Home Assistant / ESPHome `!secret name`, Zigbee2MQTT `'!secret.yaml name'`
  /^!(?:Ref|Sub|GetAtt|ImportValue|FindInMap|Join|If|Select|Split|Base64|Cidr|GetAZs|Equals|Not|And|Or|Condition|Transform)\b/, // CloudFormation intrinsics
  /^[a-z][a-z0-9_-]*(?:\/[a-z0-9_.-]+)+\/?$/, // lower-case paths: a Vault or SSM path (`kv/data/orders`), a route
  /^(?:(?:id|src|source|env|type|target|dst|destination|required|mode|uid|gid)=[^,\s]*(?:,|$))+$/, // BuildKit --secret / --mount specs
  // Azure App Service / Functions references resolved at run time: @Microsoft.KeyVault(SecretUri=…),
  // @Microsoft.KeyVault(VaultName=…;SecretName=…), @Microsoft.AppConfiguration(Endpoint=…; Key=…).
  /^@Microsoft\.(?:KeyVault|AppConfiguration)\(/,
  // Google Secret Manager bindings (gcloud run/functions deploy --set-secrets, --update-secrets):
  // ENV=SECRET:VERSION[,…] or /mount/path=SECRET:VERSION, or one SECRET:latest.
  /^(?:(?:[A-Za-z_][A-Za-z0-9_]*|\/[\w./-]+)=(?:projects\/[\w-]+\/secrets\/)?[A-Za-z0-9_-]{1,255}:(?:latest|\d{1,6})(?:,|$))+$|^(?:projects\/[\w-]+\/secrets\/)?[A-Za-z0-9_-]{1,255}:latest$/,
];

/** Base64 that decodes to words and spaces (`ZHVtbXkgdGV4dA==`): encoded text, not key material, which decodes to bytes. */
function isEncodedProse(value: string): boolean {
  if (value.length < 16 || value.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return false;
  const decoded = Buffer.from(value, 'base64').toString('latin1');
  return /^[A-Za-z][A-Za-z ,.'!?-]*$/.test(decoded) && decoded.includes(' ');
}

/**
 * Base64 of a stand-in (`UkVQTEFDRV9NRQ==` is `REPLACE_ME`, `PHRva2VuPg==` is `<token>`): a
 * Secret or Helm value written encoded is as made up as its plain text.
 */
function isEncodedStandIn(value: string): boolean {
  if (value.length < 8 || value.length > 96 || value.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(value))
    return false;
  const decoded = Buffer.from(value, 'base64').toString('latin1');
  return /^[\x21-\x7e]{3,}$/.test(decoded) && placeholderKind(decoded) !== undefined;
}

/**
 * An OpenPGP message in base64 without armor (Renovate's `encrypted:` values, `gpg --encrypt |
 * base64`): its first packet is a session key encrypted to a public key (tag 1) or to a
 * passphrase (tag 3), new (`0xC1`, `0xC3`) or old format (`0x84`–`0x8F`). Only the key's owner opens it.
 */
function isPgpMessage(value: string): boolean {
  if (value.length < 120 || !/^[whj][A-Za-z0-9+/]+={0,2}$/.test(value)) return false;
  const bytes = Buffer.from(value.slice(0, 24), 'base64');
  const tag = bytes[0]!;
  let at: number;
  let packet: number;
  if ((tag & 0xc0) === 0xc0) {
    packet = tag & 0x3f;
    const length = bytes[1]!;
    at = length < 192 ? 2 : length < 224 ? 3 : length === 255 ? 6 : -1;
  } else {
    packet = (tag >> 2) & 0x0f;
    at = [2, 3, 5, 1][tag & 3]!;
  }
  if (at < 0) return false;
  const version = bytes[at]!;
  // A public-key session key (v3: key id, then RSA, Elgamal, ECDH or X25519/X448), or a passphrase one.
  if (packet === 1) return (version === 3 && [1, 2, 16, 18, 25, 26].includes(bytes[at + 9]!)) || version === 6;
  return packet === 3 && version >= 4 && version <= 6;
}

/** The length prefix and the GCM tag around a sealed-secrets value. */
const SEALED_OVERHEAD = 2 + 16;
/** Base64 characters of the shortest sealed-secrets value: a 2048-bit key's 256 bytes and the overhead. */
const SEALED_MIN_LENGTH = Math.ceil(((256 + SEALED_OVERHEAD) * 4) / 3);

/**
 * Bitnami sealed-secrets ciphertext: a big-endian 16-bit length of the RSA-encrypted session key
 * (256 or 512 bytes: `AQ…` or `Ag…` in base64), that key, then the AES-GCM sealed value. Only the
 * controller's private key opens it, so it is safe in a repository; its structure tells it apart.
 */
function isSealedSecretCiphertext(value: string): boolean {
  if (value.length < SEALED_MIN_LENGTH || !/^A[Qg][A-D][A-Za-z0-9+/]+={0,2}$/.test(value)) return false;
  const head = Buffer.from(value.slice(0, 4), 'base64');
  const sessionKey = (head[0]! << 8) | head[1]!;
  return (sessionKey === 256 || sessionKey === 512) && (value.length * 3) / 4 > sessionKey + SEALED_OVERHEAD;
}

/** Digests of the empty string (MD5, SHA-1, SHA-256, SHA-512): a hash of nothing protects nothing. */
const EMPTY_DIGESTS =
  /^(?:d41d8cd98f00b204e9800998ecf8427e|da39a3ee5e6b4b0d3255bfef95601890afd80709|e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855|cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e)$/i;

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX_HASH = /^(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{56}|[0-9a-f]{64}|[0-9a-f]{96}|[0-9a-f]{128})$/;

/** Two-letter words and abbreviations names are made of (`userId`, `dbHost`, `v2ApiKeyToUse`). */
const NAME_PAIRS: ReadonlySet<string> = new Set(
  'id ids db ip io ui os to by of on in is at up no my me we go do if or an as be it ok pk fk js ts py rb vm ci cd qa hr ad ai ml tx rx gw lb dc az eu us uk de fr cn jp kr mx br sg hk ca au nz ie nl se ch pl es pt ru ex re un sa pa ms ns px em vh vw mb gb kb tb hz sd hd'.split(
    ' ',
  ),
);

/** Letters and digits that names use as one word: versions, `s3`, `ec2`, `k8s`, `x509`, `p12`. */
const NAME_ALNUM =
  /^(?:v\d+|s3|ec2|k8s|x509|p12|h2|b2|e2e|i18n|l10n|a11y|md5|sha\d+|2fa|mp[34]|utf8|ipv[46]|http2|oauth2|base64|int\d+|uint\d+)$/;

/** A piece of a random string rather than a word: two letters, or one or two letters and digits (`n77`, `y5g`, `zz7`). */
function isFragment(word: string): boolean {
  if (NAME_ALNUM.test(word)) return false;
  if (/^[a-z]{2}$/.test(word)) return !NAME_PAIRS.has(word);
  return /^[a-z]{1,2}\d+[a-z]?$/.test(word);
}

/**
 * Names and identifiers (`roboMongoSSHPass`, `user-profile-settings`, `MAX_RETRIES`): made of
 * words with vowels, not of the one- and two-letter fragments random strings split into.
 */
export function looksLikeIdentifier(value: string): boolean {
  // Namespaced names and paths (aws:ResourceTag/backup, config/app.settings): judge each part.
  if (/[/:]/.test(value) && /^[A-Za-z0-9_./:*-]+$/.test(value)) {
    const parts = value.split(/[/:]+/).filter(Boolean);
    return parts.length > 0 && parts.every((part) => /^\*$/.test(part) || looksLikeIdentifier(part));
  }
  // Leading sigils are part of names too: __private, $scope, @-ms-viewport, --flag.
  const bare = value.replace(/^[_$@#-]+/, '');
  if (!/^[A-Za-z][A-Za-z0-9_.-]*$/.test(bare)) return false;
  const words = keyWords(bare);
  if (words.length === 0 || words.length > 12) return false;
  let letters = 0;
  let voweled = 0;
  let counted = 0;
  let single = 0;
  let fragments = 0;
  const digits = /\d/.test(bare);
  for (const w of words) {
    if (/^\d+$/.test(w)) continue; // version numbers and counters are fine in names
    if (w.length < 2) {
      if (++single > 1) return false; // x-amz-…: one stray letter is a name; many are a random string
      if (digits && single + fragments > 1) return false;
      continue;
    }
    // Pieces that are no word or abbreviation (`Tiger08_NeAyUt1P` splits into ne, ay;
    // `Raven92N77S4Zoh` into n77, s4) are what random mixed case breaks into: with digits in the
    // value, two of them (a stray letter counted) make a random string, not a name.
    if (digits && isFragment(w) && ++fragments + single > 1) return false;
    if (/\d/.test(w.slice(0, -2))) return false;
    counted++;
    letters += w.length;
    if (/[aeiouy]/.test(w)) voweled++;
  }
  // Abbreviations (tls, ssh, db) are fine as long as most words are pronounceable.
  return counted > 0 && voweled / counted >= 0.5 && letters / counted >= 3;
}

/**
 * Random alphanumerics that the identifier test mistakes for a name (`J2LhAWCHOt9jIpgv9Udr`: its
 * fragments happen to hold vowels): at least two digit runs and many case and letter-digit
 * changes, where names (`base64EncodedKey`, `oauth2ClientToken`) have one or two.
 */
/** `secret_…`, `token-…`: a credential word, then random characters (Notion's `secret_` tokens). */
function isWordPrefixedToken(value: string): boolean {
  const m = /^(?:secret|token|key)[_-]/i.exec(value);
  return m !== null && readsRandom(value.slice(m[0].length));
}

export function readsRandom(value: string): boolean {
  if (value.length < 16 || !/^[A-Za-z0-9_+/=-]+$/.test(value) || characterClasses(value) < 3) return false;
  const digitRuns = value.match(/\d+/g)?.length ?? 0;
  const changes = value.match(/[a-z](?=[A-Z])|[A-Za-z](?=\d)|\d(?=[A-Za-z])/g)?.length ?? 0;
  return digitRuns >= 2 && changes >= Math.max(6, value.length / 4);
}

/** English-ish words made only of letters, possibly separated: "thisismysecret", "hello world". */
function isWordy(value: string): boolean {
  if (!/^[A-Za-z][A-Za-z\s_-]*$/.test(value)) return false;
  if (value.length < 24) return true;
  const vowels = value.replace(/[^aeiouAEIOU]/g, '').length;
  return vowels / value.length > 0.3; // random letters rarely keep a vowel rate this high
}

/** How a value was written: the quote around it (none when bare) and the file it is in. */
export interface ValueContext {
  quote?: string;
  path?: string;
  /**
   * The detector's pattern places the value inside a literal (after `Bearer ` in a header string,
   * after `Password=` in a connection string): unquoted right before it, yet not code.
   */
  literal?: boolean;
}

/**
 * An unquoted value in source code is a variable or an expression, unless it holds a character no
 * identifier or member access has (`Blue42@x`, `k8#v!q`): then it is the tail of a string the
 * pattern read into, such as a connection string's `Password=…;`.
 */
function bareInCode(value: string, context: ValueContext): boolean {
  if (context.quote || context.literal || context.path === undefined || !CODE_FILE.test(context.path)) return false;
  // Operators make it an expression whatever else it holds: `a.kind!==249&&a.b` in minified code.
  if (/[!=]==?|&&|\|\||!\(|\?\.|=>/.test(value)) return true;
  return !/^[A-Za-z0-9][\w.-]*[@!#%^~][^\s]*$/.test(value);
}

/**
 * Fragments of code captured after an `=`: concatenations, calls, indexing, CSS selectors. A
 * leading `+` or `.` is a concatenation only in code (where even a quote before the capture may
 * close a string, as in `"…"+s`): in YAML or an env file, `+IkJ…` is a base64 value.
 */
function isCodeFragment(value: string, context: ValueContext): boolean {
  const bare = context.path === undefined || CODE_FILE.test(context.path);
  return (
    // "…" + variable, '…'.$var; outside code, only when it holds what base64 cannot (`+new Buffer(…)`).
    // In code, a long run of base64 alone (`"+gmE…"`, a generated key) is a literal: the text
    // between two strings of a concatenation ends in the next operator (`"a"+s+"b"` gives `+s+`).
    (/^\s*[+.]\s*[$A-Za-z_("']/.test(value) &&
      (/[^A-Za-z0-9+/=_.-]/.test(value) ||
        (bare && !(value.length >= 32 && /^\+[A-Za-z0-9+/]*[A-Za-z0-9/]={0,2}$/.test(value))))) ||
    /^(?:new\s+)?[A-Za-z_$][\w$.]*\s*\(.*\)$/.test(value) || // calls: getPassword(user)
    /\$[A-Za-z_]\w*\[/.test(value) || // $p['config']
    /^#[a-z][a-z0-9]*(?:-[a-z0-9]+)+$/.test(value) // CSS ids: #add-password
  );
}

/** `$HOME`, `$ecret`, `${x}` inside a value: interpolated by the shell, PHP or a template. `$$` and `$1` are not. */
function hasInterpolation(value: string): boolean {
  return /(?<!\$)\$(?:[A-Za-z_][A-Za-z0-9_]{2,}|\{|\()/.test(value);
}

/** Files whose strings keep `$name` literally (data formats, and languages that interpolate otherwise or not at all). */
const LITERAL_DOLLAR_FILE =
  /\.(?:json|jsonc|ya?ml|toml|ini|cfg|properties|xml|config|py|go|java|kt|kts|scala|cs|rs|swift|c|cc|cpp|h|hpp|[cm]?[jt]sx?|sql|tf|tfvars)$/i;

/** Files whose double-quoted strings interpolate `$name` (shell, PHP, Perl, PowerShell, Makefiles, dotenv). */
const INTERPOLATING_FILE =
  /(?:\.(?:sh|bash|zsh|ksh|fish|php|phtml|pl|pm|ps1|psm1|mk|env)|(?:^|\/)(?:\.env(?:\.[\w.-]+)?|Makefile|GNUmakefile|\.bash_profile|\.bashrc|\.zshrc|\.profile))$/i;

/**
 * Whether `$name` in the value would be expanded: always in shell-like files, never in data formats
 * and languages that keep it; elsewhere when the value is bare (shell syntax) or starts with it.
 */
function interpolates(value: string, context: ValueContext): boolean {
  if (context.path !== undefined && INTERPOLATING_FILE.test(context.path)) return true;
  if (context.path !== undefined && LITERAL_DOLLAR_FILE.test(context.path)) return false;
  return !context.quote || /^['"]?\$/.test(value);
}

/**
 * `password_here`, `smtp_password`: a name written where the value goes, not a password. A part of
 * digits after the credential word (`db_pass_live_42`, `password_123`) is how people make up one
 * they use.
 */
const NAMED_STAND_IN =
  /^(?:[a-z0-9]+[_-])+(?:passw(?:or)?d|passwd|pass|pwd|secret|token|key)(?:[_-](?!\d+(?:[_-]|$))[a-z0-9]+)*$|^(?:passw(?:or)?d|passwd|secret|token)(?:[_-](?!\d+(?:[_-]|$))[a-z0-9]+)+$/i;

/**
 * Shared judgement of a value: `reject` for references, templates, code and non-values;
 * `placeholder` for made-up examples, the name repeated as its value and documentation's words;
 * `default` for a product's shipped default; `weak` for a keyboard walk; undefined when nothing
 * here objects.
 */
function standInKind(
  value: string,
  keyName: string | undefined,
  context: ValueContext,
): 'reject' | 'placeholder' | 'default' | 'weak' | undefined {
  if (bareInCode(value, context)) return 'reject';
  const kind = placeholderKind(value);
  if (kind === 'template') return 'reject';
  if (isCodeFragment(value, context)) return 'reject';
  const lower = value.toLowerCase();
  if (NOT_VALUES.has(lower)) return 'reject';
  if (REJECT_SHAPES.some((re) => re.test(value))) return 'reject';
  // SQL*Plus substitution variables (`IDENTIFIED BY "&&new_password"`): filled in when the script runs.
  if (/^&&?[A-Za-z_]\w*\.?$/.test(value)) return 'reject';
  if (/\s{2,}|\t|\n/.test(value)) return 'reject';
  // A made-up example (EXAMPLE, dummy, aaaaaaaa) is a placeholder; a keyboard walk (`abuser123456`) is how people pick weak passwords.
  if (kind === 'synthetic')
    return /example|dummy|sample|fake|notreal|not[_-]a|todo|fixme/i.test(value) || new Set(value).size <= 5
      ? 'placeholder'
      : 'weak';
  // `super$ecret` where the shell, PHP or dotenv would interpolate it: the file does not hold the
  // value that is used. YAML, JSON, Python or Go keep it as written.
  if (context.quote !== "'" && hasInterpolation(value) && interpolates(value, context)) return 'placeholder';
  // A form label (`password: "Password"`, `"Passwort"`): the field's caption, not its value.
  if (
    keyName &&
    /^[A-Z][a-z]+$/.test(value) &&
    keyWords(keyName).some((w) => w.length >= 4 && (w.startsWith(lower.slice(0, 4)) || lower.startsWith(w)))
  )
    return 'reject';
  if (PLACEHOLDER_PASSWORDS.has(lower) || STAND_IN_PHRASE.test(value)) return 'placeholder';
  // A value that says what it is for: `P@ssw0rd-for-unit-tests`, `token_test_only`.
  if (
    /for[_-]?(?:unit[_-]?|integration[_-]?|e2e[_-]?)?(?:tests?|mocks?)(?![a-z])|(?<![a-z])(?:tests?|mocks?|demo)[_-]?only/i.test(
      value,
    )
  )
    return 'placeholder';
  if (PRODUCT_DEFAULTS.has(lower)) return 'default';
  // Anonymous FTP takes `anonymous` (or an e-mail address) as the password of anyone.
  if (/^anonymous(?:@[\w.-]*)?$/.test(lower)) return 'reject';
  // Stored password hashes written where a password goes: SQL Server's `0x0200… HASHED`, an
  // Oracle verifier (`S:…;T:…`), not the password.
  if (/^0x0[12]00[0-9a-f]{40,}$|^[st]:[0-9a-f]{60,}/i.test(value)) return 'reject';
  const words = keyWords(value);
  // foo-bar, my_test_value; with digits (`secret123`, `test1`) it is a guessable password instead.
  if (words.length > 0 && words.every((w) => FILLER_WORDS.has(w)) && !/\d/.test(value)) return 'placeholder';
  // The name itself, or a word of it, as the value (`password: password`, `IRC_PASS=irc_pass`).
  if (keyName && (lower === keyName.toLowerCase() || keyWords(keyName).includes(lower))) return 'placeholder';
  // A name with a prefix (`irc_pass`, `secret_key_here`), unless it is a vendor's token that starts
  // with the word (`secret_` and 43 random characters).
  if (NAMED_STAND_IN.test(value) && !isWordPrefixedToken(value)) return 'placeholder';
  // `my_rootPassword`, `your-api-key`, `SomeKindOfPassword1`: the field's name dressed up as its value.
  if (
    /^(?:my|your|some|the)[_-]?[A-Za-z]/i.test(value) &&
    /[A-Z_-]/.test(value.slice(2)) &&
    /passw|secret|token|key/i.test(value)
  )
    return 'placeholder';
  if (keyName && keyWords(keyName).length >= 2) {
    const name = keyName.replace(/^[$@]+/, '').toLowerCase();
    const at = lower.indexOf(name);
    // …unless what is left is digits and symbols: `AdminPassword123` is a guessable password.
    if (at >= 0 && /[a-z]/.test(lower.slice(0, at) + lower.slice(at + name.length))) return 'placeholder';
  }
  return undefined;
}

/** The lengths judgeGenericValue accepts: outside them nothing else about a value is worth working out. */
export const GENERIC_VALUE_MIN = 12;
export const GENERIC_VALUE_MAX = 512;
/** Shorter values are judged only as short secrets (see isShortRandomSecret). */
export const GENERIC_VALUE_SHORT_MIN = 8;

/**
 * An 8- to 11-character secret under a name whose credential word is `secret` (Hotelbeds' and
 * some OAuth providers' client secrets are 10 characters): only letters and digits, both kinds,
 * switching between letters and digits or cases often enough not to read as a word with a number
 * (`Summer2024`).
 */
function isShortRandomSecret(value: string, keyName: string | undefined): boolean {
  if (keyName === undefined || !hasShortSecretShape(value)) return false;
  const words = keyWords(keyName);
  return words[words.length - 1] === 'secret' && isSecretKey(keyName);
}

/** The value half of isShortRandomSecret: the engine asks it before building anything for a short capture. */
export function hasShortSecretShape(value: string): boolean {
  if (value.length < GENERIC_VALUE_SHORT_MIN || value.length >= GENERIC_VALUE_MIN) return false;
  if (!/^[A-Za-z0-9]+$/.test(value) || !/[A-Za-z]/.test(value) || !/\d/.test(value) || /(.)\1\1/.test(value))
    return false;
  const digitRuns = value.match(/\d+/g)!.length;
  const changes = value.match(/[a-z](?=[A-Z])|[A-Z](?=[a-z])|[A-Za-z](?=\d)|\d(?=[A-Za-z])/g)?.length ?? 0;
  // Both cases, or (one case) digits in three places: `MyPassw0rd` and `release42` switch too rarely.
  return changes >= 5 && ((/[a-z]/.test(value) && /[A-Z]/.test(value)) || digitRuns >= 3);
}

/**
 * The cheapest rejections, on the value alone (templates and literal non-values): the engine asks
 * this before it builds a generic match's key name and groups, since most generic captures in real
 * code fail here.
 */
export function rejectsOnShape(value: string): boolean {
  return /^(?:\$\{|\{\{|\$\(|<[A-Za-z_%])/.test(value) || /^(?:null|none|nil|undefined|true|false)$/i.test(value);
}

/** True when base64 decodes to printable ASCII text (a path, a word, JSON), not to random bytes. */
function decodesToText(value: string): boolean {
  const bytes = Buffer.from(value, 'base64');
  if (bytes.length < 6) return false;
  for (const b of bytes) if (b < 0x20 || b > 0x7e) return false;
  return true;
}

/** A mobile app's own configuration and source files, whose values ship inside the app. */
const MOBILE_APP_FILE =
  /(?:^|\/)(?:Info\.plist|[\w.-]+\.xcconfig|strings\.xml|AndroidManifest\.xml)$|\.(?:swift|kt|m|dart)$/i;
/**
 * Keys analytics and engagement SDKs are initialised with in a client (Segment and RudderStack
 * write keys, Mixpanel's project token, Amplitude, Braze/Appboy, Branch, OneSignal, Conviva, Adjust,
 * PostHog): identifiers of the project, made to ship in every copy of the app.
 */
const CLIENT_SDK_KEY =
  /(?:segment|rudder(?:stack)?)[\w.-]{0,20}write[_.-]?key|mixpanel[\w.-]{0,20}token|(?:amplitude|braze|appboy|branch|posthog)[\w.-]{0,20}(?:api[_.-]?)?key|onesignal[\w.-]{0,20}app[_.-]?id|conviva[\w.-]{0,20}customer[_.-]?key|adjust[\w.-]{0,20}app[_.-]?token/i;

/** Words of a `…_key` name under which hex is a fixture or a public key, not a vendor's secret. */
const NOT_VENDOR_HEX_WORDS: ReadonlySet<string> = new Set([
  'test',
  'tests',
  'sentry',
  'seed',
  'sample',
  'demo',
  'fixture',
  'dummy',
]);

/**
 * Words of a name that say its hex value is a hash: `commit`, `sha256`, `file_hash`, `rev`. Whole
 * words, so `SHARED_SECRET` (a 64-hex HMAC key) is not read as a SHA.
 */
export const HASH_NAME_WORD =
  /^(?:commits?|sha\d*|hash(?:es|ed)?|digests?|checksums?|revs?|revisions?|etag|integrity)$/;

/**
 * Azure's `primary_key` / `secondary_key` (IoT Hub, DPS enrollments, Event Hubs, Relay, a
 * Terraform state's attributes): 32 or 64 random bytes in standard base64. A database's primary
 * key is a column name, never key material of that length.
 */
function isSharedAccessKey(name: string, value: string): boolean {
  const words = keyWords(name);
  const at = words.length - 1;
  if (words[at] !== 'key') return false;
  const before = words[at - 1] === 'access' ? words[at - 2] : words[at - 1];
  return (before === 'primary' || before === 'secondary') && /^(?:[A-Za-z0-9+/]{43}=|[A-Za-z0-9+/]{86}==)$/.test(value);
}

/**
 * Tokens, API keys and secrets assigned to credential-like names: the value must look
 * machine-generated (length, entropy, character classes, not a name).
 */
export function judgeGenericValue(value: string, keyName: string | undefined, context: ValueContext = {}): boolean {
  if (value.length > GENERIC_VALUE_MAX) return false;
  // `token = "Bearer …"` (Cargo's credentials.toml, an HTTP client's default header): the
  // scheme is the header's, the rest is the credential.
  const scheme = /^(?:Bearer|Token) +(\S{16,})$/i.exec(value);
  if (scheme) return judgeGenericValue(scheme[1]!, keyName, context);
  if (value.length < GENERIC_VALUE_MIN && !isShortRandomSecret(value, keyName)) return false;
  // A bare `key` (`KEY=…` in a log line) or `<vendor>_key` (`paymongo_key`) is too common a name to
  // vouch for anything: only a long, clearly random value counts there (standard base64 of 30 or
  // more bytes included: ESPHome's `api: encryption: key:`, OpenWrt's `option preshared_key`).
  const named = keyName === undefined || isSecretKey(keyName) || isPasswordKey(keyName);
  const bareKey = !named && (/^key$/i.test(keyName!) || isVendorKey(keyName!) || isSharedAccessKey(keyName!, value));
  if (!named && !bareKey) return false;
  if (
    bareKey &&
    !(
      (/^[A-Za-z0-9_+=-]{20,}$/.test(value) || (/^[A-Za-z0-9+/]{40,}={0,2}$/.test(value) && value.length % 4 === 0)) &&
      characterClasses(value) >= 3 &&
      shannonEntropy(value) >= ENTROPY.bareKey
    ) &&
    // Under a vendor's `…_key` (not a bare `key`), 32 to 64 random hex digits: most vendors' API
    // keys and content keys are hex (`content_key = 1fc0…`), which has only two character classes.
    // Not a test's fixed key (`TEST_KEY`), nor Sentry's `sentry_key`, the public half of a DSN.
    !(
      !/^key$/i.test(keyName!) &&
      /^[0-9a-f]{32,64}$/i.test(value) &&
      shannonEntropy(value) >= ENTROPY.bareHex &&
      !keyWords(keyName!).some((w) => NOT_VENDOR_HEX_WORDS.has(w))
    )
  )
    return false;
  // Under a bare `key`, base64 that decodes to text is an encoded name or document (etcd's JSON
  // output encodes every key), not key material: random key bytes do not decode to text.
  if (
    bareKey &&
    /^key$/i.test(keyName!) &&
    /^[A-Za-z0-9+/]+={0,2}$/.test(value) &&
    value.length % 4 === 0 &&
    decodesToText(value)
  )
    return false;
  // Generated secrets are ASCII; a value in another script is a message (translations, labels).
  if (/[^\x00-\x7f]/.test(value)) return false;
  if (standInKind(value, keyName, context) !== undefined) return false;
  // Under a credential name (`api_key`, `token`) random alphanumerics need not also fail to read
  // as an identifier; a bare value or a vendor's `…_key` gets no such benefit of the doubt.
  if (
    looksLikeIdentifier(value) &&
    !(keyName !== undefined && named && (readsRandom(value) || hasShortSecretShape(value)))
  )
    return false;
  // Spaces: only inside a long, clearly random value (WordPress salts), never in prose.
  if (/\s/.test(value) && !(value.length >= 32 && shannonEntropy(value) >= 4.5 && characterClasses(value) >= 4))
    return false;
  if (isWordy(value)) return false;
  if (EMPTY_DIGESTS.test(value)) return false;
  // A bare `hmac=` carrying hex is the signature of a signed URL or token (Akamai's
  // `exp=…~acl=…~hmac=…`), the output of the key, not the key.
  if (keyName !== undefined && /^hmac$/i.test(keyName) && /^[0-9a-f]{40,128}$/i.test(value)) return false;
  // What an analytics or engagement SDK is initialised with inside a mobile app's own files (an
  // Info.plist, an .xcconfig, strings.xml, Swift or Kotlin constants) is its public app key.
  if (
    keyName !== undefined &&
    context.path !== undefined &&
    MOBILE_APP_FILE.test(context.path) &&
    CLIENT_SDK_KEY.test(keyName)
  )
    return false;
  // `name:/path`: a credential loaded from a file (systemd's LoadCredential=, Docker's secrets), not its value.
  if (/^[\w.-]{1,64}:\/[\w./-]+$/.test(value)) return false;
  // An attribute list's `NAME=VALUE` (HLS's `METHOD=SAMPLE-AES`) is a setting, not a value.
  if (/^[A-Z][A-Z0-9_]*=[A-Z0-9_-]+$/.test(value)) return false;
  // A date or timestamp (`2026-11-28T09:14:51.203Z`) under a credential name is when, not what.
  if (/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(value)) return false;
  if (isEncodedProse(value) || isEncodedStandIn(value) || isSealedSecretCiphertext(value) || isPgpMessage(value))
    return false;
  // An unsigned JWT with no claims grants nothing, whatever its name.
  if (value.startsWith('eyJ')) {
    const jwt = decodeJwt(value);
    if (jwt && isEmptyUnsignedJwt(jwt)) return false;
  }
  // Twilio's resource identifiers (an account's AC…, a service's IS…): two letters and 32 hex. An
  // API key's SK… is left to the detectors (peers report it as the key).
  if (/^(?:AC|PN|MG|AP|CA|CH|IS|MM|RE|SM|US|VA|WH|WS)[0-9a-f]{32}$/.test(value)) return false;
  // Scaleway's access key (`SCW` and 17 characters) is the id half; its secret key is a UUID.
  if (/^SCW[A-Z0-9]{17}$/.test(value)) return false;
  // DocuSign's integration key is the app's OAuth client id, a UUID shown in every consent URL.
  if (UUID.test(value) && keyName !== undefined && keyWords(keyName).includes('integration')) return false;
  if (UUID.test(value)) return keyName !== undefined;
  // A hash under a hash's name, or under an operation's (`RotateApiToken`, `createApiKey`: a
  // GraphQL persisted query's id, an RPC's digest), is a hash, not a credential.
  if (
    HEX_HASH.test(value) &&
    keyName &&
    (keyWords(keyName).some((w) => HASH_NAME_WORD.test(w)) || OPERATION_NAME.test(keyName))
  )
    return false;
  // A JSON document's bare `"salt"` in hex or base64 sits beside what it salts (an Ethereum
  // keystore's kdfparams, a wallet vault's export): public by design, unlike an app's SALT setting.
  if (
    keyName === 'salt' &&
    context.quote === '"' &&
    /^(?:0x)?(?:[0-9a-f]{16,128}|[A-Za-z0-9+/]{16,64}={0,2})$/i.test(value)
  )
    return false;
  // git's `user.signingkey`: the id of a GPG key (8, 16 or 40 hex digits), not the key.
  if (keyName && /^(?:user\.)?signingkey$/i.test(keyName) && /^(?:0x)?(?:[0-9A-F]{8}){1,5}!?$/i.test(value))
    return false;
  const entropy = shannonEntropy(value);
  if (/^[0-9a-f]+$/i.test(value)) return value.length >= 16 && entropy >= ENTROPY.hex;
  if (characterClasses(value) < 2) return false;
  // A short secret has too few characters for the entropy floors: nearly all of them differ.
  if (value.length < GENERIC_VALUE_MIN) return entropy >= Math.log2(value.length) - 0.4;
  const threshold = value.length < 20 ? ENTROPY.under20 : value.length < 32 ? ENTROPY.under32 : ENTROPY.longer;
  return entropy >= threshold;
}

/**
 * How a password value reads: `reject` (not a value), `placeholder` (clearly made up: a note),
 * `default` (a product's default: a note unless a real host or a credential store says it is in
 * use), `weak` (guessable, still a working credential) or `ok`.
 */
export type PasswordVerdict = 'reject' | 'placeholder' | 'default' | 'weak' | 'ok';

/**
 * Passwords are often human-made, so entropy alone is not the test: reject references, code and
 * prose; call made-up ones placeholders; call guessable ones weak, which is still a leak (a weak
 * password on a real host works as well as a strong one); accept the rest.
 */
/** "Password" in the languages config templates are most often written in besides English. */
const FOREIGN_PASSWORD_WORD =
  /mot[_ .-]?de[_ .-]?passe|passwort|kennwort|contrase[ñn]a|senha|wachtwoord|l[öo]senord|adgangskode|has[łl]o|parola[_ .-]?d|salasana|jelszó|şifre|sifre|пароль|パスワード|暗証番号|密码|密碼|비밀번호/i;

/** `Verb-Noun` with one of PowerShell's approved verbs that produce or read a value. */
const POWERSHELL_CMDLET =
  /^(?:Get|Read|New|Set|ConvertTo|ConvertFrom|Import|Export|Invoke|Select|Join|Resolve|Unprotect|Protect|Receive|Request)-[A-Z][A-Za-z]{2,40}$/;

export function judgePasswordValue(
  value: string,
  keyName: string | undefined,
  context: ValueContext = {},
): PasswordVerdict {
  if (value.length < 4 || value.length > 256) return 'reject';
  if (keyName !== undefined && !isPasswordKey(keyName)) return 'reject';
  // msmtp's `passwordeval`, a `password_command`: a command that prints the password.
  if (keyName !== undefined && /(?:eval|cmd|command)$/i.test(keyName)) return 'reject';
  const standIn = standInKind(value, keyName, context);
  if (standIn === 'reject') return 'reject';
  // A stored hash where a password goes: crypt-style ones are REJECT_SHAPES (through standInKind
  // above); in a dump, a bare hex digest under a password column is an unsalted hash too.
  if (
    context.path !== undefined &&
    /\.(?:sql|dump)$/i.test(context.path) &&
    /^(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64}|[0-9a-f]{128})$/i.test(value)
  )
    return 'reject';
  // Dotted paths are references to other settings (config.db.password), not passwords; quoted, one
  // that ends in a credential word is still a setting's name (`PASSWORD_PROPERTY = "sftp.password"`).
  if (/^[a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)+$/i.test(value) && !context.quote) return 'reject';
  if (/^[a-z][a-z0-9_-]*(?:\.[a-z0-9_-]+)*\.(?:password|passwd|pass|pwd|secret|token|key)$/.test(value))
    return 'reject';
  // A call that yields the value (`pwd = rstudioapi::askForPassword("…")`, cut at its quote).
  if (/^[A-Za-z_$][\w$.]*(?:::[A-Za-z_]\w*)*\($/.test(value)) return 'reject';
  // Google's app passwords are four groups of four letters, written with spaces.
  // WordPress's application passwords are six groups of four letters and digits.
  const appPassword = /^[a-z]{4}(?: [a-z]{4}){3}$/.test(value) || /^[A-Za-z0-9]{4}(?: [A-Za-z0-9]{4}){5}$/.test(value);
  if (!appPassword && /\s/.test(value) && value.split(/\s+/).length > 2) return 'reject'; // prose
  if (/^[*•]+$/.test(value)) return 'reject';
  // An interface label (`"login.password": "NetID password"`): words ending in the credential's name.
  if (/\s/.test(value) && /^[\w .'-]{1,40}\b(?:password|passphrase|passcode|pin)$/i.test(value)) return 'reject';
  // A PowerShell cmdlet is code that yields the value (`$pw = Read-Host -AsSecureString`).
  if (POWERSHELL_CMDLET.test(value)) return 'reject';
  if (standIn !== undefined) return standIn;
  if (new Set(value).size < 4) return 'placeholder'; // aaaa, 1212
  if (WEAK_PASSWORDS.has(value.toLowerCase())) return 'weak';
  if (/^[a-z]+$/.test(value) && value.length <= 10) return 'weak'; // a lone lower-case word
  // `testpass123`, `Test_Password1!`: the test suite's password, weak wherever it sits.
  if (/^test[_-]?(?:pass(?:w(?:or)?d)?|pwd|user|secret)[\d!@#$%^&*._-]*$/i.test(value)) return 'weak';
  // `onepassword`, `dbpassword`: a name ending in the word, not a password; with digits or capitals
  // (`AdminPassword123`) it is how people pick weak ones.
  if (/^[a-z]+passw(?:or)?d$|^[a-z]+passwd$/.test(value)) return 'placeholder';
  // `PgsqlPassword`, `SmtpPassword` unquoted: a constant's name (Icinga, Puppet), not its value.
  if (!context.quote && /^(?:[A-Z][a-z0-9]*)+Passw(?:or)?d$/.test(value)) return 'reject';
  // A bare `pass` naming a render or build pass (`pass: ForwardLit` in a shader compiler's log).
  if (keyName !== undefined && /^pass$/i.test(keyName) && !context.quote && /^(?:[A-Z][a-z]+){1,4}$/.test(value))
    return 'reject';
  if (/passw(?:or)?d|passwd/i.test(value)) return 'weak';
  // The same in other languages: `votre_mot_de_passe`, `IhrPasswort`, `パスワードを入力` is a blank to
  // fill in; with digits it is how people pick a weak one.
  if (FOREIGN_PASSWORD_WORD.test(value)) return /\d/.test(value) ? 'weak' : 'placeholder';
  if (value.length < 16 && shannonEntropy(value) < 2.3) return 'weak';
  return 'ok';
}

/**
 * What is clearly made up wherever it sits: documentation's stand-in phrases (`your_password`,
 * `<password>`, `changeme`, `xxxx`, `example`, `dummy`), a name with a prefix written where the value
 * goes (`irc_pass`, `smtp-password`) and runs of one or two characters. A bare weak word (`password`,
 * `secret`, `testpass`) is not on this list: in a credential store or for a real host it is the
 * password a tool sends, so there it is a weak password, not a placeholder.
 */
const MADE_UP_MARKER =
  /example|sample|dummy|fake|mock|todo|fixme|tbd|placeholder|replace|change[_-]?(?:me|it)|not[_-]?(?:real|a\b)|x{3,}|^(?:your|my|the|our|some|this|enter|insert|put)(?:[\s_-]|[A-Z]|[a-z]*(?:pass|secret|pwd|token|key))|(?:here|goes)$|sesame|foo|bar|baz|qux|[<>{}*]/i;

/** True for the very words documentation fills a password blank with (`password`, `secret`, `changeme`). */
export function isDocumentationPassword(value: string): boolean {
  return PLACEHOLDER_PASSWORDS.has(value.toLowerCase());
}

/** True for a password value that is clearly made up in any file (see MADE_UP_MARKER). */
export function isStandInPhrase(value: string): boolean {
  return (
    new Set(value.toLowerCase()).size < 4 ||
    MADE_UP_MARKER.test(value) ||
    (NAMED_STAND_IN.test(value) && !isWordPrefixedToken(value)) ||
    placeholderKind(value) === 'template'
  );
}

/**
 * Files whose whole job is to hold credentials for a tool to log in with (git's credential store,
 * .netrc, .pgpass, .npmrc, Docker's config, .pypirc, AWS's credentials file, shadow and htpasswd,
 * FileZilla's site and recent-server lists, DBeaver's saved connections):
 * whatever they hold is in use unless it is clearly made up.
 */
const CREDENTIAL_STORE =
  /(?:^|\/)(?:\.git-credentials|[._]netrc|\.pgpass|pgpass\.conf|\.npmrc|\.yarnrc(?:\.yml)?|\.pypirc|\.my\.cnf|\.s3cfg|\.esmtprc|\.msmtprc|\.fetchmailrc|\.htpasswd|shadow|gshadow|\.dockercfg|\.docker\/config\.json|\.aws\/credentials|\.m2\/settings(?:-security)?\.xml|\.gem\/credentials|\.config\/hub|sitemanager\.xml|recentservers\.xml|filezilla\.xml|[\w.-]*dbeaver[\w.-]*\.xml|\.dbeaver\/(?:data-sources[\w-]*|credentials-config)\.json|org\.jkiss\.dbeaver[\w.-]*\/data-sources[\w-]*\.xml)$/i;

/**
 * Documentation, examples, tests and type declarations: a guessable password there is far more
 * often a made-up one than a working one.
 */
const EXAMPLE_CONTEXT =
  /(?:^|[/._-])(?:examples?|samples?|docs?|demos?|fixtures?|mocks?|tests?|specs?|__tests__|testdata)(?:[/._-]|$)|(?:^|\/)DataFixtures\/|\.d\.ts$|\.md$/i;

/** True for a path whose guessable passwords are most likely made up (see EXAMPLE_CONTEXT). */
export function isExampleContext(path: string | undefined): boolean {
  return path !== undefined && EXAMPLE_CONTEXT.test(path);
}

/**
 * A name for what identifies an account or a service rather than what proves it (`MUX_TOKEN_ID`,
 * `DB_USER`, `SMTP_HOST`): its last word is an id, a user or an address, not a credential word.
 */
export function isIdentifierName(name: string): boolean {
  const words = keyWords(name);
  const last = words[words.length - 1];
  return last !== undefined && IDENTIFIER_LAST_WORDS.has(last);
}
const IDENTIFIER_LAST_WORDS: ReadonlySet<string> = new Set([
  'id',
  'ids',
  'user',
  'username',
  'login',
  'host',
  'hostname',
  'url',
  'uri',
  'endpoint',
  'port',
  'region',
  'email',
]);

/** True for a path that is a credential store (see CREDENTIAL_STORE). */
export function isCredentialStore(path: string | undefined): boolean {
  return path !== undefined && CREDENTIAL_STORE.test(path);
}

/** True for documentation hosts (RFC 2606 and RFC 6761 names, RFC 5737 addresses): what examples log in to. */
export function isDocumentationHost(host: string | undefined): boolean {
  if (!host) return false;
  const h = host.toLowerCase().replace(/:\d+$/, '');
  return /(?:^|\.)(?:example|invalid|test)$|(?:^|\.)example\.(?:com|org|net)$|^(?:192\.0\.2|198\.51\.100|203\.0\.113)\./.test(
    h,
  );
}

/**
 * True for a host that names a real machine: not loopback, not a documentation or reserved name
 * (example.com, *.test, *.local), not a bare single-label name (a compose service such as `db`).
 */
export function isRealHost(host: string | undefined): boolean {
  if (!host) return false;
  const h = host
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/:\d+$/, '');
  if (/^(?:localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|::1?|host\.docker\.internal)$/.test(h)) return false;
  if (/(?:^|\.)(?:example|invalid|localhost|local|test|internal|lan|home|localdomain)$/.test(h)) return false;
  if (/(?:^|\.)example\.(?:com|org|net)$/.test(h)) return false;
  if (/^(?:192\.0\.2|198\.51\.100|203\.0\.113)\./.test(h)) return false; // RFC 5737 documentation ranges
  if (/^[\d.]+$/.test(h)) return /^\d{1,3}(?:\.\d{1,3}){3}$/.test(h);
  return h.includes('.') && !/[{}<>$%]/.test(h);
}
