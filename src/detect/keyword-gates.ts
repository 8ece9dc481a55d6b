// Cheap checks on a keyword hit for keywords that mostly occur inside ordinary words (`ion_` in
// `function_`, `pat` in `path`, `lob` in `global`, `connect` in `disconnect`). Each gate is a
// condition every match of the detectors that use the keyword meets at some hit of it (read off
// their patterns), so a hit that fails it opens no window for them. Other detectors sharing the
// keyword (generic.password-flag uses `login` too, or a custom detector) still see every hit.
//
// Hits still feed the encoded-layer pass unfiltered (src/detect/layers.ts).

/** `start` is the hit's first character, `end` just past it. */
export type KeywordGate = (text: string, start: number, end: number) => boolean;

interface GateRule {
  readonly detectors: readonly string[];
  readonly gate: KeywordGate;
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Char before `start`, or NaN at the start of the text (every "not preceded by" test passes). */
function before(text: string, start: number): number {
  return start > 0 ? text.charCodeAt(start - 1) : Number.NaN;
}

/** `(?<![A-Za-z0-9<extra>])` followed by the keyword exactly as written (a case-sensitive pattern). */
function exactAfterBoundary(word: string, extra: string): KeywordGate {
  const codes = [...extra].map((ch) => ch.charCodeAt(0));
  return (text, start, end) => {
    const c = before(text, start);
    if (isAlnum(c) || codes.includes(c)) return false;
    return text.slice(start, end) === word;
  };
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12;
}

/**
 * generic.login-call: a call name containing the keyword is followed by `\s*\(\s*["']` (or by a
 * handle argument first, `mysql_real_connect(conn, "…"`), or the keyword sits in the call's receiver
 * (`conn.connection.login(`, `ftplib.FTP(`), so after `[\w$]*` comes a call with a quoted first or
 * second argument, `.`, `->` or `::`.
 */
const callOrReceiver: KeywordGate = (text, _start, end) => {
  const n = text.length;
  let i = end;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isAlnum(c) || c === 95 || c === 36) i++;
    else break;
  }
  if (i >= n) return false;
  const c = text.charCodeAt(i);
  if (c === 46) return true;
  if (c === 45 || c === 58) return text.charCodeAt(i + 1) === (c === 45 ? 62 : 58);
  while (i < n && isSpace(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) !== 40) return false;
  i++;
  while (i < n && isSpace(text.charCodeAt(i))) i++;
  const q = text.charCodeAt(i);
  if (isQuote(q)) return true;
  // A handle first (`conn`, `&mysql`, `$this->db`): up to 40 of [\w$&>.-], then `,` and a quote.
  const limit = Math.min(n, i + 40);
  const from = i;
  while (i < limit) {
    const c = text.charCodeAt(i);
    if (isAlnum(c) || c === 95 || c === 36 || c === 38 || c === 62 || c === 46 || c === 45) i++;
    else break;
  }
  if (i === from) return false;
  while (i < n && isSpace(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) !== 44) return false;
  i++;
  while (i < n && isSpace(text.charCodeAt(i))) i++;
  const q2 = text.charCodeAt(i);
  return isQuote(q2);
};

/**
 * generic.url-credentials and generic.git-credentials: `://` is followed by a user name (at most
 * 128 characters, no `:` or space), `:`, and a password of 3+ non-space characters before an `@`.
 * Nearly all of the corpus's `://` hits are plain https links.
 */
const urlUserInfo: KeywordGate = (text, _start, end) => {
  const n = text.length;
  const userLimit = Math.min(n, end + 129);
  let i = end;
  while (i < userLimit) {
    const c = text.charCodeAt(i);
    if (c === 58) break;
    if (isSpace(c)) return false;
    i++;
  }
  if (i === end || i >= userLimit) return false;
  const colon = i;
  const limit = Math.min(n, colon + 258);
  for (i = colon + 1; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) return false;
    if (c === 64 && i - colon >= 4) return true;
  }
  return false;
};

/**
 * For a token whose own prefix is its keyword (`API-`, `KEY`, `secret_`): the prefix exactly as
 * written, after a character outside `notBefore`, with the token's structure after it. `shape` is a
 * sticky regex starting at the prefix; most hits of such a common prefix fail it in a few characters.
 */
function prefixedShape(shape: RegExp, notBefore: RegExp): KeywordGate {
  return (text, start) => {
    const c = start > 0 ? text[start - 1]! : '';
    if (c !== '' && notBefore.test(c)) return false;
    shape.lastIndex = start;
    return shape.test(text);
  };
}

/** `follows` matches (sticky) just past the hit. */
function followedBy(follows: RegExp): KeywordGate {
  return (text, _start, end) => {
    follows.lastIndex = end;
    return follows.test(text);
  };
}

/** `precedes` (anchored with `$`) matches the `reach` characters before the hit. */
function precededBy(precedes: RegExp, reach: number): KeywordGate {
  return (text, start) => precedes.test(text.slice(Math.max(0, start - reach), start));
}

/** A keyword written as a quoted string or an element name: `'crypt'`, `"crypt"`, `<crypt>`. */
const quotedWord: KeywordGate = (text, start, end) => {
  const open = before(text, start);
  const close = end < text.length ? text.charCodeAt(end) : Number.NaN;
  return (open === 39 || open === 34) && close === open ? true : open === 60 && close === 62;
};

/** `[A-Za-z0-9_]`: a `\w` character. */
function isWordChar(c: number): boolean {
  return isAlnum(c) || c === 95;
}

/**
 * Index past the run of `inRun` characters starting at `from`, or -1 when the run is longer than
 * `max` (a pattern's `{0,max}` could then end it anywhere, so the caller cannot judge the hit).
 */
function runEnd(text: string, from: number, max: number, inRun: (c: number) => boolean): number {
  const limit = Math.min(text.length, from + max);
  let i = from;
  while (i < limit && inRun(text.charCodeAt(i))) i++;
  return i === limit && i < text.length && inRun(text.charCodeAt(i)) ? -1 : i;
}

function skipSpaces(text: string, from: number, max = 256): number {
  const limit = Math.min(text.length, from + max);
  let i = from;
  while (i < limit && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** `"` or `'`. */
function isQuote(c: number): boolean {
  return c === 34 || c === 39;
}

/** `[ \t]*` forward from `from`: the index of the first other character. */
function skipBlanks(text: string, from: number): number {
  let i = from;
  while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return i;
}

/** `[ \t]*` backward from `to`: the index just past the last other character before it. */
function skipBlanksBack(text: string, to: number): number {
  let i = to;
  while (i > 0 && (text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9)) i--;
  return i;
}

/** `[\w.$-]`: generic.secret's key-name characters after the credential word. */
function isSecretNameChar(c: number): boolean {
  return isWordChar(c) || c === 46 || c === 36 || c === 45;
}

/** What may follow generic.secret's key name (after spaces): `: = & ' " [ ] ? | <`. */
const SECRET_ASSIGN_START = new Set([58, 61, 38, 39, 34, 91, 93, 63, 124, 60, 123]);
/** First letters of the type names and `As` the pattern accepts between name and `=` (any case). */
const SECRET_TYPE_START = new Set([...'sScCnNaA'].map((ch) => ch.charCodeAt(0)));

/**
 * generic.secret: the key is the credential word plus up to 40 of `[\w.$-]`, followed (after
 * optional spaces) by an assignment, a quote, a bracket, a brace (C++ `kToken{"…"}`) or a type annotation (`String`, `str`,
 * `char *`, `As`, `&'static`, `[]byte`). `Object.keys(o)`, `token)`, `for key in` fail it.
 */
const secretAssignment: KeywordGate = (text, _start, end) => {
  const run = runEnd(text, end, 40, isSecretNameChar);
  if (run < 0) return true;
  const i = skipSpaces(text, run);
  if (i >= text.length) return false;
  const c = text.charCodeAt(i);
  return SECRET_ASSIGN_START.has(c) || (i > run && SECRET_TYPE_START.has(c));
};

/** `[\w.-]`, the name characters of generic.secret-default's `${name:default}`. */
function isDefaultNameChar(c: number): boolean {
  return isWordChar(c) || c === 46 || c === 45;
}

/**
 * generic.secret-default and generic.shell-default: `${…secret…:default}`, `${…pass…:-default}`:
 * up to 40 of `[\w.-]` after the word, then `:`.
 */
const placeholderDefault: KeywordGate = (text, _start, end) => {
  const run = runEnd(text, end, 40, isDefaultNameChar);
  return run >= 0 && text.charCodeAt(run) === 58;
};

/**
 * generic.auth-tuple: a key ending in `auth`, `creds` or `credentials`, then `[ \t]*` and `=` or
 * `:` (`auth = ("user", "…")`). The `cred` hit may stand for `creds` or `credentials`.
 */
const authTupleKey: KeywordGate = (text, start, end) => {
  let i = end;
  if (end - start === 4 && (text.charCodeAt(start) | 32) === 99) {
    // `cred`: the key ends in `creds` or `credentials`
    const rest = text.slice(end, end + 7).toLowerCase();
    if (rest.startsWith('entials')) i += 7;
    else if (rest.startsWith('s')) i += 1;
    else return false;
  }
  const c = text.charCodeAt(skipBlanks(text, i));
  return c === 61 || c === 58;
};

/** What follows generic.secret-flag's flag name: `=`, a space or a tab. */
function isFlagValueStart(c: number): boolean {
  return c === 61 || c === 32 || c === 9;
}

/**
 * generic.secret-flag: `--token=…`, `--api-key …`: the flag name ends at the keyword (or goes on
 * from `secret` to `secret-key`, `secret_key`, `secretkey`), and `=`, a space or a tab follows.
 */
const flagValue: KeywordGate = (text, start, end) => {
  if (end - start === 6) {
    const c = text.charCodeAt(end);
    const from = c === 45 || c === 95 ? end + 1 : end;
    if (text.slice(from, from + 3).toLowerCase() === 'key' && isFlagValueStart(text.charCodeAt(from + 3))) return true;
  }
  return isFlagValueStart(text.charCodeAt(end));
};

/**
 * HashiCorp Vault legacy tokens: after `token`, up to 40 of `[A-Za-z0-9_.-]`, then quotes,
 * spaces, `:`, `=` or `=>` and the token's own prefix, `s.`, `b.` or `r.` (read off the patterns'
 * look-behind).
 */
function vaultAssignment(prefix: 's' | 'b' | 'r'): KeywordGate {
  const letter = prefix.charCodeAt(0);
  return (text, _start, end) => {
    const run = runEnd(text, end, 40, isDefaultNameChar);
    if (run < 0) return true;
    const limit = Math.min(text.length, run + 64);
    let i = run;
    while (i < limit) {
      const c = text.charCodeAt(i);
      if (isSpace(c) || c === 34 || c === 39 || c === 58 || c === 61 || c === 62) i++;
      else break;
    }
    return i > run && text.charCodeAt(i) === letter && text.charCodeAt(i + 1) === 46;
  };
}

/** twilio.auth-token's quoted `'AC` / `"AC`: an Account SID, 32 lower-case hex digits and no more. */
const quotedAccountSid: KeywordGate = (text, _start, end) => {
  const run = runEnd(text, end, 33, isLowerHex);
  return run === end + 32 && !isAlnum(text.charCodeAt(run));
};

function isLowerHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102);
}

/**
 * generic.env-list-secret: the key sits in `name: "…"` (a Kubernetes/Compose env list) or
 * `"key": "…"` (a Postman/Insomnia variable or header), or HCL's `{ name = "…", value = "…" }`
 * (an ECS container definition in Terraform): before the keyword, up to 60 name characters, an
 * optional quote, `[ \t]*[:=][ \t]*`, an optional quote and `name` or `key`.
 */
const envListName: KeywordGate = (text, start) => {
  let i = start;
  const floor = Math.max(0, start - 60);
  while (i > floor && isDefaultNameChar(text.charCodeAt(i - 1))) i--;
  if (i === floor && i > 0 && isDefaultNameChar(text.charCodeAt(i - 1))) return true;
  if (isQuote(text.charCodeAt(i - 1))) i--;
  i = skipBlanksBack(text, i);
  const separator = text.charCodeAt(i - 1);
  if (separator !== 58 && separator !== 61) return false; // `:` or, in HCL, `=`
  i--;
  i = skipBlanksBack(text, i);
  if (isQuote(text.charCodeAt(i - 1))) i--;
  const field = text.slice(Math.max(0, i - 4), i).toLowerCase();
  return field === 'name' || field.endsWith('key');
};

/**
 * generic.value-block-password/-secret and generic.cloudformation-parameter-default: the key names
 * a block (a GitLab CI variable, an ARM or CloudFormation parameter): after the keyword, up to 40
 * name characters, an optional quote, `[ \t]*:[ \t]*`, then the line's end or `{`.
 */
const blockName: KeywordGate = (text, _start, end) => {
  let i = runEnd(text, end, 40, isDefaultNameChar);
  if (i < 0) return false;
  if (isQuote(text.charCodeAt(i))) i++;
  i = skipBlanks(text, i);
  if (text.charCodeAt(i) !== 58) return false;
  const c = text.charCodeAt(skipBlanks(text, i + 1));
  return c === 10 || c === 13 || c === 123;
};

/**
 * generic.secret-map: the name the keyword ends opens a map: after up to 40 of `[\w.$-]`, a
 * quote or `]`, `:`, `=`, `=>` or `:=`, then `{`, `[` or `array(`, or, after `:`, the end of the
 * line (a YAML block).
 */
const mapOpens: KeywordGate = (text, _start, end) => {
  let i = runEnd(text, end, 40, isSecretNameChar);
  if (i < 0) return false;
  for (let q = 0; q < 2 && (isQuote(text.charCodeAt(i)) || text.charCodeAt(i) === 93); q++) i++;
  i = skipBlanks(text, i);
  const c = text.charCodeAt(i);
  let colon = false;
  if (c === 58) {
    colon = text.charCodeAt(i + 1) !== 61;
    i += colon ? 1 : 2;
  } else if (c === 61) i += text.charCodeAt(i + 1) === 62 ? 2 : 1;
  else return false;
  i = skipBlanks(text, i);
  const v = text.charCodeAt(i);
  if (v === 123 || v === 91) return true;
  if (colon && (v === 10 || v === 13 || v === 35 || Number.isNaN(v))) return true;
  return text.startsWith('array(', i);
};

/** consul.agent-acl-token: the keyword opens a block (`tokens {`, `tokens = {`, `"tokens": {`). */
const blockOpens: KeywordGate = (text, _start, end) => {
  let i = end;
  if (isQuote(text.charCodeAt(i))) i++;
  i = skipBlanks(text, i);
  const c = text.charCodeAt(i);
  if (c === 58 || c === 61) i = skipBlanks(text, i + 1);
  return text.charCodeAt(i) === 123;
};

/**
 * generic.password-markdown: a key of up to 30 `[\w.-]` after the word, then `*`s and spaces,
 * `:` or `=`, and a value in backticks.
 */
const markdownPassword: KeywordGate = (text, _start, end) => {
  const run = runEnd(text, end, 30, isDefaultNameChar);
  if (run < 0) return true;
  let i = run;
  while (i < text.length && (text.charCodeAt(i) === 42 || isSpace(text.charCodeAt(i)))) i++;
  const c = text.charCodeAt(i);
  if (c !== 58 && c !== 61) return false;
  i++;
  while (i < text.length && (text.charCodeAt(i) === 42 || isSpace(text.charCodeAt(i)))) i++;
  return text.charCodeAt(i) === 96;
};

/** `[\w.:-]`: the characters of generic.secret-markup's element names. */
function isMarkupNameChar(c: number): boolean {
  return isWordChar(c) || c === 46 || c === 58 || c === 45;
}

/** `\s*` backward from `to`: the index just past the last other character before it. */
function skipSpacesBack(text: string, to: number): number {
  let i = to;
  while (i > 0 && isSpace(text.charCodeAt(i - 1))) i--;
  return i;
}

/**
 * generic.secret-markup: the keyword is in an element's name (`<clientSecret>`: only `[\w.:-]`,
 * at most 83 of them, back to the `<`), or inside the quoted value of a `key=` or `name=`
 * attribute (`<add key="ApiToken" …>`: at most 130 characters back to the quote, then `=`).
 */
const markupKey: KeywordGate = (text, start) => {
  let i = start;
  const floor = Math.max(0, start - 100);
  while (i > floor && isMarkupNameChar(text.charCodeAt(i - 1))) i--;
  if (i > 0 && text.charCodeAt(i - 1) === 60) return true;
  // The nearest `"` before the keyword, found natively over the stretch the pattern allows.
  const quoteFloor = Math.max(0, start - 130);
  const quote = text.slice(quoteFloor, start).lastIndexOf('"');
  if (quote < 0) return false;
  const equals = skipSpacesBack(text, quoteFloor + quote);
  if (text.charCodeAt(equals - 1) !== 61) return false;
  const nameEnd = skipSpacesBack(text, equals - 1);
  const name = text.slice(Math.max(0, nameEnd - 4), nameEnd).toLowerCase();
  return name.endsWith('key') || name === 'name';
};

/**
 * generic.password-call: the keyword is part of a call's name (`NetworkCredential(`,
 * `UsernamePasswordAuthenticationToken(`, `auth=(`): after it, the rest of the name, optional
 * whitespace, then `(`.
 */
const callOpens: KeywordGate = (text, _start, end) => {
  let i = end;
  while (i < text.length && isWordChar(text.charCodeAt(i))) i++;
  return text.charCodeAt(skipSpaces(text, i, Number.POSITIVE_INFINITY)) === 40;
};

const RULES: Record<string, GateRule> = {
  '://': { detectors: ['generic.url-credentials', 'generic.git-credentials'], gate: urlUserInfo },
  // (?<![A-Za-z0-9_])pat[A-Za-z0-9]{14}\.
  pat: {
    detectors: ['airtable.personal-access-token'],
    gate: (text, start, end) => exactAfterBoundary('pat', '_')(text, start, end) && text.charCodeAt(end + 14) === 46,
  },
  ion_: { detectors: ['ionic.personal-access-token'], gate: exactAfterBoundary('ion_', '_+/-') },
  'ser.': { detectors: ['flagsmith.server-key'], gate: exactAfterBoundary('ser.', '_.-') },
  sua: { detectors: ['nats.user-seed'], gate: exactAfterBoundary('SUA', '') },
  saa: { detectors: ['nats.account-seed'], gate: exactAfterBoundary('SAA', '') },
  soa: { detectors: ['nats.operator-seed'], gate: exactAfterBoundary('SOA', '') },
  // (?<![A-Za-z])(?:lob|Lob|LOB)(?![a-z])
  lob: {
    detectors: ['lob.live-api-key', 'lob.test-api-key', 'lob.publishable-key'],
    gate: (text, start, end) => {
      if (isLetter(before(text, start))) return false;
      const after = text.charCodeAt(end);
      if (after >= 97 && after <= 122) return false;
      const word = text.slice(start, end);
      return word === 'lob' || word === 'Lob' || word === 'LOB';
    },
  },
  // Distinctive formats whose prefix is their keyword (detectors/<provider>.yaml says why each is).
  'api-': {
    detectors: ['octopus.api-key'],
    gate: prefixedShape(/API-[A-Z0-9]{26,32}(?![A-Za-z0-9_-])/y, /[A-Za-z0-9_-]/),
  },
  key: {
    detectors: ['telnyx.api-key'],
    gate: prefixedShape(/KEY[0-9A-F]{32}_[A-Za-z0-9]{22}(?![A-Za-z0-9_-])/y, /[A-Za-z0-9_-]/),
  },
  aqe: { detectors: ['adyen.api-key'], gate: prefixedShape(/AQE[A-Za-z0-9+/]{40,200}={0,2}-/y, /[A-Za-z0-9+/_-]/) },
  'pa-': {
    detectors: ['voyage.api-key'],
    gate: prefixedShape(/pa-[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/y, /[A-Za-z0-9_-]/),
  },
  private_: {
    detectors: ['imagekit.private-key'],
    gate: prefixedShape(/private_[A-Za-z0-9+/]{27,40}=/y, /[A-Za-z0-9_]/),
  },
  ...Object.fromEntries(
    [
      'login',
      'connect',
      'bind',
      'pdo',
      'mysqli',
      'authenticate',
      'signin',
      'sign_in',
      'ftp',
      'smtp',
      'imap4',
      'pop3',
    ].map((k) => [k, { detectors: ['generic.login-call'], gate: callOrReceiver }]),
  ),
};

/**
 * kubernetes.secret-manifest: `apiVersion: v1` alone on its line (only spaces before it, an
 * optional quote around `v1`, then the line's end); `apiVersion: apps/v1` and the API types of
 * client libraries fail it.
 */
const coreApiVersion: KeywordGate = (text, start, end) => {
  const lineStart = skipBlanksBack(text, start);
  if (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 10) return false;
  let i = skipBlanks(text, end);
  if (isQuote(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) !== 118 || text.charCodeAt(i + 1) !== 49) return false;
  i += 2;
  if (isQuote(text.charCodeAt(i))) i++;
  i = skipBlanks(text, i);
  if (text.charCodeAt(i) === 13) i++;
  return text.charCodeAt(i) === 10;
};

/**
 * Gates read off the patterns of generic detectors that share common keywords (`token`, `key`,
 * `secret`, `auth`): a hit opens a window for them only where their syntax can start.
 */
const SHARED_RULES: ReadonlyArray<GateRule & { readonly keywords: readonly string[] }> = [
  {
    keywords: ['secret', 'token', 'key', 'credential', 'salt', 'bearer', 'jwt', 'hmac', 'creds'],
    detectors: ['generic.secret'],
    gate: secretAssignment,
  },
  { keywords: ['secret', 'token', 'key'], detectors: ['generic.secret-default'], gate: placeholderDefault },
  {
    keywords: ['secret', 'token', 'key', 'pass', 'pwd'],
    detectors: ['generic.shell-default'],
    gate: placeholderDefault,
  },
  { keywords: ['auth', 'cred'], detectors: ['generic.auth-tuple'], gate: authTupleKey },
  {
    keywords: ['token', 'api-key', 'api_key', 'apikey', 'secret', 'access-key'],
    detectors: ['generic.secret-flag'],
    gate: flagValue,
  },
  { keywords: ["'ac", '"ac'], detectors: ['twilio.auth-token'], gate: quotedAccountSid },
  { keywords: ['token'], detectors: ['vault.legacy-service-token'], gate: vaultAssignment('s') },
  { keywords: ['token'], detectors: ['vault.legacy-batch-token'], gate: vaultAssignment('b') },
  { keywords: ['token'], detectors: ['vault.legacy-recovery-token'], gate: vaultAssignment('r') },
  {
    keywords: [
      'secret',
      'token',
      'api_key',
      'apikey',
      'api-key',
      'access_key',
      'private_key',
      'client_secret',
      'password',
      'passwd',
    ],
    detectors: ['generic.env-list-secret'],
    gate: envListName,
  },
  { keywords: ['pass', 'pwd'], detectors: ['generic.password-markdown'], gate: markdownPassword },
  { keywords: ['pass', 'pwd'], detectors: ['generic.value-block-password'], gate: blockName },
  {
    keywords: ['secret', 'token', 'api_key', 'apikey', 'api-key', 'app_key', 'app-key', 'access_key', 'private_key'],
    detectors: ['generic.value-block-secret'],
    gate: blockName,
  },
  {
    keywords: ['pass', 'pwd', 'secret', 'token'],
    detectors: ['generic.cloudformation-parameter-default'],
    gate: blockName,
  },
  { keywords: ['tokens'], detectors: ['consul.agent-acl-token'], gate: blockOpens },
  {
    keywords: ['apikey', 'api_key', 'api-key', 'secrets', 'secretkey', 'secret_key', 'secret-key', 'tokens'],
    detectors: ['generic.secret-map'],
    gate: mapOpens,
  },
  // `iterable` is mostly the programming word (`isIterable`, `AsyncIterable<T>`, `of iterable`):
  // the vendor's key is named with a credential word right after it.
  {
    keywords: ['iterable'],
    detectors: ['iterable.api-key'],
    gate: prefixedShape(/iterable[A-Za-z0-9_.-]{0,30}?(?:key|token)/iy, /[A-Za-z]/),
  },
  {
    keywords: ['iterable'],
    detectors: ['iterable.api-key-mention'],
    gate: prefixedShape(/iterable[^}]{0,40}?(?:secret|private|access|key|token)/iy, /[A-Za-z0-9]/),
  },
  // generic.markdown-user-password: `user`/`username`/`login`, an optional colon, then a backticked name.
  {
    keywords: ['user', 'login'],
    detectors: ['generic.markdown-user-password'],
    gate: prefixedShape(/(?:user(?:name)?|login)[ \t]*:?[ \t]+`/iy, /[A-Za-z0-9_]/),
  },
  // generic.tuple-secret: the credential word ends a tuple's first element, then `, "…"`.
  {
    keywords: ['secret', 'token', 'password', 'passwd', 'api_key', 'access_key', 'private_key'],
    detectors: ['generic.tuple-secret'],
    gate: followedBy(/[\w@]{0,30}\s*,\s*(?:<<)?"/y),
  },
  // generic.env-list-password: the word is inside the name of a `name: …` entry on its line.
  {
    keywords: ['pass', 'pwd'],
    detectors: ['generic.env-list-password'],
    gate: precededBy(/\bname["']?[ \t]*[:=][ \t]*["']?[A-Za-z0-9_.-]{0,60}$/i, 80),
  },
  // generic.password-sentence: prose, so the words stand alone (`password is …`, `login: user / …`),
  // never inside a name (`passwordField`, `loginUrl`, `accountId`).
  {
    keywords: ['password', 'passwd', 'passphrase'],
    detectors: ['generic.password-sentence'],
    gate: prefixedShape(/(?:password|passwd|passphrase)[ \t]/iy, /[A-Za-z0-9_]/),
  },
  {
    keywords: ['login', 'log in', 'logon', 'sign in', 'signin', 'account', 'credentials'],
    detectors: ['generic.password-sentence'],
    gate: prefixedShape(/(?:log[ \t]?in|logon|sign[ \t]?in|account|credentials)(?![A-Za-z0-9_])/iy, /[A-Za-z0-9_]/),
  },
  // generic.auth-header: a header name on a curl command line (`-H "X-Api-Key: …"`); the other forms
  // name `authorization`, whose hits are not gated.
  {
    keywords: ['apikey', 'api-key', 'api_key', 'token', 'secret', 'auth-key'],
    detectors: ['generic.auth-header'],
    gate: precededBy(/(?:^|\s)(?:-H|--header)(?:\s+|=)["']?[\w-]{0,40}$/, 64),
  },
  // `cs_` ends many names (`docs_`, `metrics_`): WooCommerce's consumer secret is `cs_` and 40 hex digits.
  {
    keywords: ['cs_'],
    detectors: ['woocommerce.consumer-secret'],
    gate: prefixedShape(/cs_[a-f0-9]{40}(?![A-Za-z0-9_])/y, /[A-Za-z0-9_]/),
  },
  // `crypt` is mostly inside `crypto`: Magento's key sits under a quoted `'crypt'` or a `<crypt>` element.
  { keywords: ['crypt'], detectors: ['magento.crypt-key'], gate: quotedWord },
  { keywords: ['apiversion:'], detectors: ['kubernetes.secret-manifest'], gate: coreApiVersion },
  {
    keywords: ['secret', 'token', 'key', 'pass', 'pwd', 'credential'],
    detectors: ['generic.secret-markup'],
    gate: markupKey,
  },
  {
    keywords: [
      'credential',
      'passwordauthentication',
      'basicauth',
      'digestauth',
      'directoryentry',
      'principalcontext',
      'plainauth',
      'auth=',
      'auth =',
    ],
    detectors: ['generic.password-call'],
    gate: callOpens,
  },
];

/** keyword → detector id → gate, from both tables (the first rule naming a pair wins). */
let index: Map<string, Map<string, KeywordGate>> | undefined;

function gateIndex(): Map<string, Map<string, KeywordGate>> {
  if (index) return index;
  index = new Map();
  const add = (keyword: string, detectors: readonly string[], gate: KeywordGate): void => {
    let byDetector = index!.get(keyword);
    if (!byDetector) index!.set(keyword, (byDetector = new Map()));
    for (const id of detectors) if (!byDetector.has(id)) byDetector.set(id, gate);
  };
  for (const [keyword, rule] of Object.entries(RULES)) add(keyword, rule.detectors, rule.gate);
  for (const rule of SHARED_RULES) for (const keyword of rule.keywords) add(keyword, rule.detectors, rule.gate);
  return index;
}

/**
 * The gate `keyword` has for `detectorId`, if a rule covers that pair. Asked for every keyword of
 * every detector when a set is built, so answered from an index, not by searching the rules.
 */
export function keywordGate(keyword: string, detectorId: string): KeywordGate | undefined {
  return gateIndex().get(keyword)?.get(detectorId);
}
