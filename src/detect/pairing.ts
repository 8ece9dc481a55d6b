// Credentials in two parts: an AWS key id and its secret on different lines, a Twilio Account SID
// and its auth token, an Algolia application id and its admin key, an Azure client id and its
// secret. Only the id names the provider; the secret half is a shapeless hex or base64 string the
// generic pass finds under a name like `auth_token` or `secret`. This step runs after detection
// (over all of a file's matches, from every pass) and before scope: a generic match whose shape and
// name fit a rule, in a file that also holds the rule's sibling, is attributed to the provider's
// detector, so scope, policy and --verify treat it as that provider's secret.

import type { DetectorSet } from './compile.js';
import { detectInText, judgeValue, type RawMatch } from './engine.js';
import { keyWords } from './generic-value.js';

export interface PairRule {
  /** The detector the secret half is attributed to. */
  target: string;
  /** The sibling that names the provider: a match of one of these detectors in the same file… */
  siblingDetectors?: readonly string[];
  /** …or every one of these patterns in the file's text (the first group, if any, is the sibling's value). */
  siblingPatterns?: readonly RegExp[];
  /** The named group of the target's pattern that holds the sibling (for decoders and --verify). */
  siblingGroup?: string;
  /**
   * Where set, the first sibling pattern must match within this many lines of the secret (the
   * others still anywhere in the file): for siblings that name a vendor only as a neighbour does.
   */
  nearLines?: number;
  /**
   * Provider detectors, besides the generic ones, whose matches this rule may re-attribute: a
   * detector that reads a key name another vendor also uses (Segment's `writeKey`).
   */
  from?: readonly string[];
  /** The shape of the secret half. */
  shape: RegExp;
  /** A word of the secret's key name must match this (whole words, see keyWords). */
  keyWord: RegExp;
  /** …and none may match this. */
  notKeyWord?: RegExp;
}

const GUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const ALGOLIA_APP_ID =
  /(?<![A-Za-z0-9])(?:app|APP|App)(?:lication|LICATION)?[_.-]?(?:id|ID|Id)["']?\s*(?::=|=>|[:=])\s*["']?([A-Z0-9]{10})(?![A-Za-z0-9])/;
/** Datadog's sites (https://docs.datadoghq.com/getting_started/site/). */
const DATADOG_SITE =
  /(?<![\w-])(?:(?:us[35]|ap[12])\.)?datadoghq\.(?:com|eu)(?![\w-])|(?<![\w-])ddog-gov\.com(?![\w-])/;

/**
 * Formats: AWS secret keys are 40 base64 characters, Twilio auth tokens and Algolia keys 32 hex
 * (https://www.twilio.com/docs/iam/api/account, https://www.algolia.com/doc/guides/security/api-keys/),
 * Twilio API key secrets 32 alphanumerics beside an SK… key SID (https://www.twilio.com/docs/iam/api-keys),
 * Cloudinary API secrets 27 characters beside a 15-digit API key and a cloud name
 * (https://cloudinary.com/documentation/how_to_integrate_cloudinary#configure_your_credentials),
 * Algolia application ids 10 upper-case letters and digits, Entra client secrets 32–44 characters
 * of `[A-Za-z0-9._~-]` (older ones also `+/=`), issued for a GUID client id in a GUID tenant,
 * Datadog API keys 32 hex and application keys 40 (https://docs.datadoghq.com/account_management/api-app-keys/).
 */
export const PAIR_RULES: readonly PairRule[] = [
  {
    target: 'aws.secret-access-key',
    siblingDetectors: ['aws.access-key-id', 'aws.temporary-access-key-id'],
    siblingGroup: 'accessKeyId',
    shape: /^[A-Za-z0-9/+]{40}$/,
    keyWord: /^(?:secret|secretkey|secretaccesskey)$/,
  },
  {
    target: 'twilio.auth-token',
    siblingPatterns: [/(?<![A-Za-z0-9])(AC[0-9a-f]{32})(?![A-Za-z0-9])/],
    siblingGroup: 'sid',
    shape: /^[0-9a-f]{32}$/,
    keyWord: /^(?:auth|authtoken|token|secret)$/,
    notKeyWord: /^(?:api|sk|verify|webhook)$/,
  },
  {
    target: 'twilio.api-key',
    siblingPatterns: [/(?<![A-Za-z0-9])(SK[0-9a-f]{32})(?![A-Za-z0-9])/],
    siblingGroup: 'sid',
    // The target's own shape: 32 alphanumerics, at least one past hex (a hex value is an auth token or a hash).
    shape: /^(?=[A-Za-z0-9]*[g-zG-Z])[A-Za-z0-9]{32}$/,
    keyWord: /^(?:secret|apisecret|keysecret)$/,
  },
  {
    target: 'cloudinary.api-secret',
    siblingPatterns: [
      /(?<![A-Za-z0-9])api[_.-]?key["']?\s*(?::=|=>|[:=])\s*["']?([0-9]{15})(?![0-9])/i,
      /(?<![A-Za-z0-9])cloud[_.-]?name["']?\s*(?::=|=>|[:=])/i,
    ],
    siblingGroup: 'apiKey',
    shape: /^[A-Za-z0-9_-]{27}$/,
    keyWord: /^(?:secret|apisecret)$/,
  },
  {
    target: 'algolia.admin-api-key',
    siblingPatterns: [ALGOLIA_APP_ID],
    siblingGroup: 'appId',
    shape: /^[0-9a-f]{32}$/,
    keyWord: /^(?:admin|write)$/,
  },
  {
    // An indexer's `writeKey` beside its `appId` in a file that names Algolia (the algoliasearch
    // client) is Algolia's write key, though Segment's detector reads the same name.
    target: 'algolia.admin-api-key',
    from: ['segment.write-key'],
    siblingPatterns: [ALGOLIA_APP_ID, /algolia/i],
    nearLines: 5,
    siblingGroup: 'appId',
    shape: /^[0-9a-f]{32}$/,
    keyWord: /^(?:admin|write)$/,
  },
  {
    // A plain `apiKey` there is an Algolia key whose rights are chosen when it is created.
    target: 'algolia.api-key',
    siblingPatterns: [ALGOLIA_APP_ID, /algolia/i],
    nearLines: 5,
    siblingGroup: 'appId',
    shape: /^[0-9a-f]{32}$/,
    keyWord: /^(?:api|apikey)$/,
    notKeyWord: /^(?:search|public|only|admin|write|app|application)$/,
  },
  // Datadog's `api_key`/`app_key` beside the site they are for (`site: datadoghq.eu`, a
  // `us5.datadoghq.com` URL), where no enclosing block names the vendor.
  {
    target: 'datadog.api-key',
    siblingPatterns: [DATADOG_SITE],
    nearLines: 5,
    shape: /^[a-f0-9]{32}$/,
    // Only Datadog's own names: the site line alone does not make every `…_key` nearby Datadog's.
    keyWord: /^(?:api|apikey)$/,
    notKeyWord: /^(?:app|application|appkey|secret)$/,
  },
  {
    target: 'datadog.application-key',
    siblingPatterns: [DATADOG_SITE],
    nearLines: 5,
    shape: /^[a-z0-9]{40}$/,
    keyWord: /^(?:app|application|appkey)$/,
  },
  {
    target: 'azure.client-secret',
    siblingPatterns: [
      new RegExp(`(?<![A-Za-z0-9])(?:client|app(?:lication)?)[_.-]?id["']?\\s*(?::=|=>|[:=])\\s*["']?(${GUID})`, 'i'),
      new RegExp(
        `(?<![A-Za-z0-9])tenant(?:[_.-]?id)?["']?\\s*(?::=|=>|[:=])\\s*["']?${GUID}|login\\.microsoftonline\\.com`,
        'i',
      ),
    ],
    siblingGroup: 'clientId',
    shape: /^[A-Za-z0-9._~+/=-]{32,44}$/,
    keyWord: /^(?:secret|clientsecret|password)$/,
  },
];

/**
 * Credentials whose vendor is named by their setting's context, not by their own name: `api_key`
 * inside a Terraform `provider "datadog" {` block, a YAML `datadog:` section, a `[datadog]` INI
 * section, or a `datadog.Config{APIKey: …}` literal on the same line. Shapes are the vendors'
 * (Datadog API keys 32 hex and application keys 40, https://docs.datadoghq.com/account_management/api-app-keys/;
 * Cloudflare API tokens 40 and legacy global keys 37 hex; Linode and Hetzner tokens 64; Heroku
 * legacy keys and Opsgenie keys UUIDs; Sentry auth tokens 64 hex; PagerDuty REST keys 20).
 */
export interface ContextRule {
  target: string;
  /** The vendor's word, sought in the setting's enclosing block header or earlier on its line. */
  vendor: RegExp;
  shape: RegExp;
  keyWord: RegExp;
  notKeyWord?: RegExp;
}

const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const CONTEXT_RULES: readonly ContextRule[] = [
  {
    target: 'datadog.api-key',
    vendor: /datadog/i,
    shape: /^[a-f0-9]{32}$/,
    keyWord: /^(?:api|apikey|key)$/,
    notKeyWord: /^(?:app|application|appkey)$/,
  },
  {
    target: 'datadog.application-key',
    vendor: /datadog/i,
    shape: /^[a-z0-9]{40}$/,
    keyWord: /^(?:app|application|appkey)$/,
  },
  {
    target: 'cloudflare.api-token-legacy',
    vendor: /cloudflare/i,
    shape: /^(?=[A-Za-z0-9_-]*[g-zG-Z_-])[A-Za-z0-9_-]{40}$/,
    keyWord: /^(?:token|apitoken)$/,
  },
  {
    target: 'cloudflare.global-api-key-legacy',
    vendor: /cloudflare/i,
    shape: /^[a-f0-9]{37}$/,
    keyWord: /^(?:key|apikey)$/,
  },
  {
    target: 'linode.personal-access-token',
    vendor: /linode/i,
    shape: /^[a-f0-9]{64}$/,
    keyWord: /^(?:token|apitoken|key|apikey)$/,
  },
  {
    target: 'hetzner.cloud-api-token',
    vendor: /hcloud|hetzner/i,
    shape: /^[A-Za-z0-9]{64}$/,
    keyWord: /^(?:token|apitoken|key|apikey)$/,
  },
  { target: 'heroku.legacy-api-key', vendor: /heroku/i, shape: UUID_SHAPE, keyWord: /^(?:key|apikey|token|apitoken)$/ },
  { target: 'opsgenie.api-key', vendor: /opsgenie/i, shape: UUID_SHAPE, keyWord: /^(?:key|apikey|token)$/ },
  {
    target: 'sentry.legacy-auth-token',
    vendor: /sentry/i,
    shape: /^[a-f0-9]{64}$/,
    keyWord: /^(?:token|authtoken|auth)$/,
  },
  {
    target: 'pagerduty.api-key',
    vendor: /pagerduty/i,
    shape: /^[A-Za-z0-9_+-]{20}$/,
    keyWord: /^(?:token|apitoken|key|apikey)$/,
  },
];

/** How far back a setting's enclosing block header is sought. */
const CONTEXT_LINES = 40;

function indentOf(line: string): number {
  return /^[ \t]*/.exec(line)![0].length;
}

/**
 * The text that names what a setting at `offset` belongs to: its own line before it, and the
 * nearest earlier line indented less (a `provider "x" {` or `x:` header), or, at the left margin,
 * the nearest `[section]` header.
 */
export function settingContext(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const own = text.slice(lineStart, offset);
  const indent = indentOf(own);
  let end = lineStart - 1;
  for (let n = 0; n < CONTEXT_LINES && end > 0; n++) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    end = start - 1;
    if (line.trim() === '') continue;
    if (indent > 0 ? indentOf(line) < indent : /^\[[^\]]+\]\s*$/.test(line)) return `${line}\n${own}`;
  }
  return own;
}

/** The lines within `lines` of the one holding `offset` (bounded: a minified line is cut). */
function nearbyText(text: string, offset: number, lines: number): string {
  let start = offset;
  for (let n = 0; n <= lines && start > 0; n++) start = text.lastIndexOf('\n', start - 1);
  let end = offset;
  for (let n = 0; n <= lines && end >= 0 && end < text.length; n++) end = text.indexOf('\n', end + 1);
  const from = Math.max(0, start + 1, offset - NEAR_CAP);
  return text.slice(from, Math.min(end < 0 ? text.length : end, offset + NEAR_CAP));
}
const NEAR_CAP = 2048;

/** How much of a file the sibling patterns read (credential files are small; the work stays bounded). */
const SIBLING_WINDOW = 65536;

/** Generic detectors whose matches may be the secret half of a pair. */
const PAIRABLE_GENERIC = new Set(['generic.secret', 'generic.password']);

/**
 * Generic readings a rule may re-attribute: the generic secret and password, and a vendor key
 * named nearby (`…-mention`), which a keyed reading of the same value (a provider block's
 * `api_key`) outranks.
 */
function isPairableGeneric(id: string): boolean {
  return PAIRABLE_GENERIC.has(id) || id.endsWith('-mention');
}

/**
 * Detectors that read a credential store's password slot (git's credential store, .netrc) whatever
 * it holds. They rank with provider detectors, so a GitHub or Heroku token in the slot could be
 * reported as a store password; the token's own format names its provider.
 */
const STORE_SLOTS = new Set(['generic.git-credentials', 'generic.netrc-password']);

/** A provider detector's reading of the whole of `secret`, when its format is that provider's. */
function providerReading(secret: string, path: string, set: DetectorSet): RawMatch | undefined {
  if (secret.length < 16 || secret.length > 512) return undefined;
  return detectInText(secret, path, set).find(
    (m) =>
      m.start === 0 &&
      m.end === secret.length &&
      !m.encoding &&
      m.detector.provider !== 'generic' &&
      !m.detector.generic,
  );
}

const providerIds = new WeakMap<DetectorSet, ReadonlySet<string>>();

/** The ids of a set's provider detectors: without the store slots, the entry's own slot cannot win the reading. */
function providerDetectorIds(set: DetectorSet): ReadonlySet<string> {
  let ids = providerIds.get(set);
  if (!ids) {
    ids = new Set(set.detectors.filter((d) => d.provider !== 'generic' && !d.generic).map((d) => d.id));
    providerIds.set(set, ids);
  }
  return ids;
}

/** How far back a .netrc entry's `machine` is sought from its password (an entry spans a few lines). */
const ENTRY_SPAN = 512;

/**
 * A provider detector's reading of the store entry the slot belongs to: a .netrc `machine
 * api.heroku.com` entry's password is that provider's key though the value alone (a UUID) names
 * nothing. Only a match of exactly the slot's value counts.
 */
function entryReading(text: string, match: RawMatch, path: string, set: DetectorSet): RawMatch | undefined {
  if (match.detector.id !== 'generic.netrc-password') return undefined;
  const from = text.lastIndexOf('machine', match.start);
  if (from < 0 || match.start - from > ENTRY_SPAN) return undefined;
  return detectInText(text.slice(from, match.end), path, set, { only: providerDetectorIds(set) }).find(
    (m) =>
      m.start === match.start - from &&
      m.end === match.end - from &&
      !m.encoding &&
      m.detector.provider !== 'generic' &&
      !m.detector.generic,
  );
}

/** Returns `matches` with each store-slot match whose value is a provider's token attributed to that provider. */
function attributeStoreSlots(text: string, path: string, matches: RawMatch[], set: DetectorSet): RawMatch[] {
  if (!matches.some((m) => STORE_SLOTS.has(m.detector.id))) return matches;
  return matches.map((match) => {
    if (!STORE_SLOTS.has(match.detector.id)) return match;
    const reading = providerReading(match.secret, path, set) ?? entryReading(text, match, path, set);
    if (!reading) return match;
    // The store's host and user stay with the match (decoders and --verify read them).
    return {
      ...match,
      detector: reading.detector,
      groups: { ...match.groups, ...reading.groups },
      confidence: reading.confidence,
      ...(reading.checksum ? { checksum: reading.checksum } : {}),
      ...(reading.synthetic ? { synthetic: true } : {}),
    };
  });
}

/**
 * Returns `matches` with each generic secret that a rule pairs replaced by a match of the rule's
 * target detector (same span, same secret), and each credential-store slot holding a provider's
 * token attributed to that provider. Matches nothing fits are returned as they were.
 */
export function pairSiblings(
  text: string,
  path: string,
  found: RawMatch[],
  set: DetectorSet,
  rules: readonly PairRule[] = PAIR_RULES,
  contextRules: readonly ContextRule[] = CONTEXT_RULES,
): RawMatch[] {
  const matches = attributeStoreSlots(text, path, found, set);
  const pairable = (id: string): boolean => isPairableGeneric(id) || rules.some((r) => r.from?.includes(id));
  if (!matches.some((m) => pairable(m.detector.id))) return matches;
  const siblingCache = new Map<PairRule, string | null>();
  const sibling = (rule: PairRule): string | null => {
    let value = siblingCache.get(rule);
    if (value !== undefined) return value;
    value = null;
    if (rule.siblingDetectors) {
      const found = matches.find((m) => rule.siblingDetectors!.includes(m.detector.id) && !m.synthetic);
      if (found) value = found.secret;
    }
    if (value === null && rule.siblingPatterns) {
      const head = text.length > SIBLING_WINDOW ? text.slice(0, SIBLING_WINDOW) : text;
      const hits = rule.siblingPatterns.map((re) => re.exec(head));
      if (hits.every((h) => h !== null)) value = hits[0]![1] ?? hits[0]![0];
    }
    siblingCache.set(rule, value);
    return value;
  };
  return matches.map((match) => {
    if (!pairable(match.detector.id) || match.keyName === undefined) return match;
    const words = keyWords(match.keyName);
    const generic = isPairableGeneric(match.detector.id);
    for (const rule of rules) {
      if (!(generic ? rule.from === undefined : rule.from?.includes(match.detector.id))) continue;
      if (!rule.shape.test(match.secret)) continue;
      if (!words.some((w) => rule.keyWord.test(w)) || (rule.notKeyWord && words.some((w) => rule.notKeyWord!.test(w))))
        continue;
      const target = set.byId.get(rule.target);
      if (!target) continue;
      let siblingValue = sibling(rule);
      if (siblingValue === null) continue;
      if (rule.nearLines !== undefined) {
        const near = rule.siblingPatterns![0]!.exec(nearbyText(text, match.start, rule.nearLines));
        if (!near) continue;
        siblingValue = near[1] ?? near[0];
      }
      const groups = { ...match.groups, ...(rule.siblingGroup ? { [rule.siblingGroup]: siblingValue } : {}) };
      // The target's own checks (entropy floor, placeholder filter, validators) still apply.
      const judged = judgeValue(target, match.secret, { groups, keyName: match.keyName, path });
      if (!judged) continue;
      return { ...match, detector: target, groups, ...judged };
    }
    if (!generic) return match;
    let context: string | undefined;
    for (const rule of contextRules) {
      if (!rule.shape.test(match.secret)) continue;
      if (!words.some((w) => rule.keyWord.test(w)) || (rule.notKeyWord && words.some((w) => rule.notKeyWord!.test(w))))
        continue;
      const target = set.byId.get(rule.target);
      if (!target) continue;
      context ??= settingContext(text, match.start);
      if (!rule.vendor.test(context)) continue;
      const judged = judgeValue(target, match.secret, { groups: match.groups, keyName: match.keyName, path });
      if (!judged) continue;
      return { ...match, detector: target, ...judged };
    }
    return match;
  });
}
