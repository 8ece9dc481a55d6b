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
  if (q === 34 || q === 39) return true;
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
  return q2 === 34 || q2 === 39;
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

/** The gate `keyword` has for `detectorId`, if its rule covers that detector. */
export function keywordGate(keyword: string, detectorId: string): KeywordGate | undefined {
  const rule = Object.hasOwn(RULES, keyword) ? RULES[keyword] : undefined;
  return rule?.detectors.includes(detectorId) ? rule.gate : undefined;
}
