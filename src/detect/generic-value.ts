// Judges values assigned to credential-like names ("generic secrets"), where no provider format
// vouches for them. A value passes when it looks machine-generated or like a real password, and
// fails when it is a word, an identifier, a reference, a path, a hash of something public, or a
// well-known default. Tuned on real code, with the public corpora as a measuring stick.

import { characterClasses, shannonEntropy } from './entropy.js';
import { isPlaceholder } from './placeholder.js';

/** Defaults and throwaway values that are not worth reporting as leaked credentials. */
const WELL_KNOWN_DEFAULTS = new Set([
  'password', 'passwd', 'pass', 'pwd', 'secret', 'token', 'admin', 'administrator', 'root', 'toor',
  'user', 'username', 'guest', 'test', 'testing', 'test123', 'test1234', 'demo', 'default', 'changeit',
  'changeme', 'letmein', 'qwerty', 'welcome', '123456', '1234567', '12345678', '123456789', '1234567890',
  'password1', 'password123', 'postgres', 'mysql', 'redis', 'mongo', 'sa', 'oracle', 'none', 'null',
  'nil', 'undefined', 'true', 'false', 'yes', 'no', 'empty', 'secret123', 'mysecret', 'mypassword',
  'supersecret', 'foobar', 'foo', 'bar', 'baz', 'hunter2', 'abc123', 'example', 'sample', 'string',
  'required', 'optional', 'notset', 'not-set', 'unset', 'xxx', 'tbd', 'n/a', 'na', 'public', 'private',
  'anonymous', 'bearer', 'basic', 'sha256', 'sha1', 'md5', 'hmac', 'rs256', 'hs256', 'es256', 'utf-8',
  'utf8', 'localhost', 'development', 'production', 'staging', 'dev', 'prod', 'secretkey', 'apikey',
  'api_key', 'accesstoken', 'access_token', 'client_secret', 'clientsecret', 'private_key', 'privatekey',
]);

/** Names whose values are hashes or identifiers of public things, not credentials. */
const NON_SECRET_KEY =
  /(?:hash|sha\d*|md5|digest|checksum|integrity|etag|commit|revision|(?:^|_)rev(?:$|_)|(?:^|_)ref(?:$|_)|fingerprint|thumbprint|nonce|salt(?:_?length)?$|uuid|guid|(?:^|_)id$|_ids?$|public[_-]?key|pubkey|publishable|csrf|xsrf|(?:^|_)kid$|cache|version|format|type|length|size|name$|label|field|column|header$|param|prefix|suffix|pattern|regex|path|file|dir|url$|uri$|endpoint|host|domain|region|timeout|expir|ttl|count|enabled|placeholder|example|sample|description|hint|message|policy|mode|algorithm|alg$|encoding|provider|issuer|audience|scope$|scopes|grant_?type|response_?type|token_?type|storage|cookie_?name|key_?name|secret_?name|secret_?ref|env_?var)/i;

const REJECT_SHAPES: RegExp[] = [
  /^[a-z]+:\/\//i, // URLs (credentials in URLs have their own detector)
  /^data:/i, // data: URIs
  /^(?:sha(?:1|256|384|512)|md5)-[A-Za-z0-9+/=]+$/, // SRI integrity hashes
  /^\.{0,2}\/|^~\/|^[A-Za-z]:\\|\\\\/, // filesystem paths
  /^[\w.-]+\.(?:json|ya?ml|pem|key|crt|cer|p12|pfx|txt|js|ts|py|rb|go|env|conf|cfg|ini|xml|properties|sh|jks|der)$/i,
  /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i, // e-mail addresses
  /^v?\d+(?:\.\d+){1,3}(?:[-+][\w.]+)?$/, // versions
  /^-?\d+(?:\.\d+)?$/, // numbers
  /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/, // CONSTANT_NAMES
  /^[a-z]+(?:[A-Z][a-z0-9]*)+$/, // camelCaseIdentifiers
  /^[A-Z][a-z]+(?:[A-Z][a-z0-9]*)+$/, // PascalCaseIdentifiers
  /^[a-z][a-z0-9]*(?:[._:-][a-z][a-z0-9]*)+$/, // dotted.property.paths, kebab-words, snake_words
  /^[\w$]+\(.*\)$|^new\s|^await\s|^function\b|=>/, // code
  /^#[0-9a-f]{3,8}$/i, // colours
  /^(?:[0-9a-f]{2}:){5,}[0-9a-f]{2}$/i, // MAC/fingerprint colon-hex
  /^AAAA[A-Za-z0-9+/]{60,}/, // SSH public key bodies
  /^\$(?:2[abxy]?|5|6|argon2\w*|pbkdf2[\w-]*|scrypt)\$/, // password *hashes* (not reversible here)
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX_HASH = /^(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{56}|[0-9a-f]{64}|[0-9a-f]{96}|[0-9a-f]{128})$/;

/** English-ish words made only of letters, possibly separated: "thisismysecret", "hello world". */
function isWordy(value: string): boolean {
  if (!/^[A-Za-z][A-Za-z\s_-]*$/.test(value)) return false;
  if (value.length < 24) return true;
  const vowels = value.replace(/[^aeiouAEIOU]/g, '').length;
  return vowels / value.length > 0.3; // random letters rarely keep a vowel rate this high
}

function commonChecks(value: string, keyName: string | undefined): boolean {
  if (isPlaceholder(value)) return false;
  const lower = value.toLowerCase();
  if (WELL_KNOWN_DEFAULTS.has(lower)) return false;
  if (keyName && lower === keyName.toLowerCase()) return false;
  if (REJECT_SHAPES.some((re) => re.test(value))) return false;
  if (/\s{2,}|\t|\n/.test(value)) return false;
  return true;
}

/**
 * Tokens, API keys and secrets assigned to credential-like names: the value must look
 * machine-generated (length, entropy, character classes).
 */
export function judgeGenericValue(value: string, keyName: string | undefined): boolean {
  if (value.length < 12 || value.length > 512) return false;
  if (keyName && NON_SECRET_KEY.test(keyName) && !/secret|passw|token|api_?key|credential/i.test(keyName.replace(NON_SECRET_KEY, ''))) {
    return false;
  }
  if (!commonChecks(value, keyName)) return false;
  if (/\s/.test(value)) return false;
  if (isWordy(value)) return false;
  if (UUID.test(value)) return keyName !== undefined && /secret|token|api_?key|auth|credential|passw/i.test(keyName);
  if (HEX_HASH.test(value) && keyName && /commit|sha|hash|digest|checksum|rev/i.test(keyName)) return false;
  const entropy = shannonEntropy(value);
  const classes = characterClasses(value);
  if (/^[0-9a-f]+$/i.test(value)) return value.length >= 16 && entropy >= 3.0;
  if (classes < 2) return false;
  const threshold = value.length < 20 ? 3.2 : value.length < 32 ? 3.5 : 3.8;
  return entropy >= threshold;
}

/**
 * Passwords are often human-made, so entropy alone is not the test: reject defaults, references,
 * code and prose; accept the rest when it has some variety.
 */
export function judgePasswordValue(value: string, keyName: string | undefined): boolean {
  if (value.length < 6 || value.length > 256) return false;
  if (!commonChecks(value, keyName)) return false;
  if (/\s/.test(value) && value.split(/\s+/).length > 2) return false; // prose
  if (/^[a-z]+$/.test(value) && value.length < 10) return false; // a lone lower-case word
  if (/^\*+$|^•+$/.test(value)) return false;
  const distinct = new Set(value).size;
  return distinct >= 5 && shannonEntropy(value) >= 2.3;
}
