// The scope stage (offline): privilege and breadth of one match, from the strongest source at
// hand — the detector's provider metadata, what the token itself encodes (decoders), and its
// context (the name it is assigned to). Online lookups (`--verify`) refine this later.

import type { RawMatch } from '../detect/engine.js';
import type { ScopeInfo } from '../model/types.js';
import { decoders, isDecoderName } from '../providers/decoders.js';
import { isExpired } from '../providers/formats/expiry.js';
import type { DecodedScope } from '../providers/decoder-types.js';

/** Variable prefixes that bundlers inline into client code: the value ships to every browser. */
const BROWSER_EXPOSED_NAME =
  /^(?:NEXT_PUBLIC_|VITE_|REACT_APP_|EXPO_PUBLIC_|GATSBY_|NUXT_PUBLIC_|PUBLIC_|VUE_APP_|STORYBOOK_)/;

/** Key names that say a value is the production/live one. */
const PRODUCTION_NAME = /(?:^|[^a-z])(?:prod|production|live|prd)(?:[^a-z]|$)/i;

/** Shorter sensitive strings are not filtered: they turn up in ordinary text by chance. */
const MIN_REDACTED_LENGTH = 3;

/**
 * Drops every decoded fact and evidence line that contains the secret or a string the decoder
 * declared sensitive (`redact`), in any letter case: nothing a decoder read may repeat the credential.
 */
function withoutSensitive(decoded: DecodedScope, secret: string): void {
  // Case-insensitive: decoders lowercase hosts and names, and that still spells the secret.
  const sensitive = [secret, ...(decoded.redact?.() ?? [])]
    .filter((s) => s.length >= MIN_REDACTED_LENGTH)
    .map((s) => s.toLowerCase());
  const leaks = (text: string): boolean => {
    const lower = text.toLowerCase();
    return sensitive.some((s) => lower.includes(s));
  };
  for (const [key, value] of Object.entries(decoded.facts)) {
    const values = Array.isArray(value) ? value : [String(value)];
    if (values.some(leaks)) delete decoded.facts[key];
  }
  decoded.evidence = decoded.evidence.filter((line) => !leaks(line));
}

export interface ScopeContext {
  path: string;
  now: Date;
}

export function describeScope(match: RawMatch, ctx: ScopeContext): ScopeInfo {
  const def = match.detector.def;
  const info: ScopeInfo = {
    privilege: def.privilege,
    breadth: def.breadth,
    scopeSource: 'metadata',
    scopes: [...(def.scopes ?? [])],
    ...(def.narrowerAlternative ? { narrowerAlternative: def.narrowerAlternative } : {}),
    evidence: [],
    facts: {},
    ...(def.environment ? { environment: def.environment } : {}),
    ...(def.public ? { public: true } : {}),
  };

  const decoder = def.decoder && isDecoderName(def.decoder) ? decoders[def.decoder] : undefined;
  if (decoder) {
    let decoded;
    try {
      decoded = decoder(match.secret, {
        groups: match.groups,
        ...(match.keyName ? { keyName: match.keyName } : {}),
        path: ctx.path,
        defaults: { privilege: def.privilege, breadth: def.breadth, tokenType: def.tokenType },
        now: ctx.now,
      });
    } catch {
      // A decoder must never take the scan down; metadata still stands, but the caller marks
      // the scan incomplete: what the token encodes was not read.
      decoded = undefined;
      info.decodeFailed = true;
    }
    if (decoded) {
      withoutSensitive(decoded, match.secret);
      Object.assign(info.facts, decoded.facts);
      info.evidence.push(...decoded.evidence);
      if (decoded.privilege !== undefined || decoded.breadth !== undefined || decoded.tokenType !== undefined) {
        info.scopeSource = 'offline';
      }
      if (decoded.privilege !== undefined) info.privilege = decoded.privilege;
      if (decoded.breadth !== undefined) info.breadth = decoded.breadth;
      if (decoded.scopes) info.scopes = decoded.scopes;
      if (decoded.tokenType) info.tokenType = decoded.tokenType;
      if (decoded.environment) info.environment = decoded.environment;
      if (decoded.public !== undefined) info.public = decoded.public;
      if (decoded.expiresAt) info.expiresAt = decoded.expiresAt;
    }
  }

  const name = match.keyName;
  if (name) {
    if (BROWSER_EXPOSED_NAME.test(name) && !info.public) {
      info.facts['browserExposed'] = true;
      info.evidence.push(`assigned to ${name}: bundlers inline it into client code, so it ships to every browser`);
      info.scopeSource = info.scopeSource === 'metadata' ? 'offline' : info.scopeSource;
    }
    if (!info.environment && PRODUCTION_NAME.test(name)) {
      info.environment = 'production';
      info.evidence.push(`the name ${name} marks it as a production credential`);
    }
  }

  if (info.expiresAt) info.expired = isExpired(info.expiresAt, ctx.now);
  if (match.checksum === 'invalid')
    info.evidence.push('checksum does not verify: not a live token (a fake, a typo or a test value)');
  if (match.synthetic)
    info.evidence.push(
      'the value looks made up (a keyboard sequence, a repeated character or an example marker): probably a fake, worth a look',
    );
  return info;
}
