// GitLab routable tokens (glpat-, glrt-t1_…, and other gl*- prefixes, optionally behind a
// self-managed instance prefix): `<prefix><base64url payload>.<2-char version>.<2-char base36
// length of the base64 part><7-char base36 CRC32>`. The payload is 16 random bytes, then the
// routing text `k:v` lines joined by "\n" (keys c cell, o organization, u user, g group,
// p project; integers written in base36), then one byte holding the routing text's length.
// Source: gitlabhq/gitlabhq lib/authn/token_field/generator/routable_token.rb.
// Runner tokens carry `t<runner type>_` after the prefix (t1 instance, t2 group, t3 project;
// app/models/ci/runner.rb). The CRC is checked by the detector's validator, not here.

import { base36ToDecimal, clip, decodeBase64, decodeUtf8Strict } from '../formats/encoding.js';
import type { DecodedScope, DecodeContext } from '../decoder-types.js';
import type { Breadth } from '../../model/types.js';

const RANDOM_BYTES = 16;
const KEYS: Record<string, string> = { c: 'cellId', o: 'orgId', u: 'userId', g: 'groupId', p: 'projectId' };
const RUNNER_TYPES: Record<string, string> = { '1': 'instance', '2': 'group', '3': 'project' };
/** The narrowest owner the routing text names sets the breadth: a project, else a group, else a user. */
const OWNERS: ReadonlyArray<{ key: string; breadth: Breadth; word: string }> = [
  { key: 'p', breadth: 'project', word: 'project' },
  { key: 'g', breadth: 'org', word: 'group' },
  { key: 'u', breadth: 'account', word: 'user' },
];

const TOKEN =
  /^(?:[A-Za-z0-9][A-Za-z0-9_-]{0,30}?-)?(gl[a-z]{1,10})-(?:(t[0-9a-f])_)?([A-Za-z0-9_-]{24,400})\.(?:([0-9a-z]{2})\.)?([0-9a-z]{2})([0-9a-z]{7})$/;

export interface RoutingPayload {
  [key: string]: string;
}

/** Decodes the base64url routing part; undefined unless the length byte and k:v lines check out. */
export function decodeRoutingPayload(base64: string): RoutingPayload | undefined {
  const bytes = decodeBase64(base64);
  if (!bytes || bytes.length < RANDOM_BYTES + 4) return undefined;
  const lengthByte = bytes[bytes.length - 1]!;
  const text = bytes.subarray(RANDOM_BYTES, bytes.length - 1);
  if (text.length !== lengthByte) return undefined;
  const decoded = decodeUtf8Strict(text);
  if (decoded === undefined) return undefined;
  const out: RoutingPayload = {};
  for (const line of decoded.split('\n')) {
    const m = /^([a-z]):([0-9A-Za-z_.-]{1,40})$/.exec(line);
    if (!m || Object.hasOwn(out, m[1]!)) return undefined;
    out[m[1]!] = m[2]!;
  }
  return Object.keys(out).some((k) => k in KEYS) ? out : undefined;
}

export function decodeGitlabRoutable(secret: string, _ctx: DecodeContext): DecodedScope | undefined {
  const m = TOKEN.exec(secret.trim());
  if (!m) return undefined;
  const [, prefix, runnerTag, body, , lengthHolder] = m as unknown as [
    string,
    string,
    string | undefined,
    string,
    string | undefined,
    string,
  ];
  // `t1_` could also be the start of a random base64 payload: trust whichever reading matches
  // the encoded base64 length.
  const candidates = runnerTag
    ? [
        { payload: body, tag: runnerTag },
        { payload: `${runnerTag}_${body}`, tag: undefined },
      ]
    : [{ payload: body, tag: undefined }];
  const expected = parseInt(lengthHolder, 36);
  const chosen = candidates.find((c) => c.payload.length === expected);
  if (!chosen) return undefined;
  const routing = decodeRoutingPayload(chosen.payload);
  if (!routing) return undefined;

  const scope: DecodedScope = { facts: { tokenPrefix: prefix }, evidence: [] };
  for (const [key, name] of Object.entries(KEYS)) {
    const raw = routing[key];
    if (raw === undefined) continue;
    // Integers are base36; a value that is not (a named cell, say) is kept as written.
    scope.facts[name] = base36ToDecimal(raw) ?? clip(raw, 40);
  }
  // Key `t` is accepted by GitLab's generator but its meaning is undocumented: not reported.
  const runnerType = chosen.tag ? RUNNER_TYPES[chosen.tag.slice(1)] : undefined;
  if (runnerType) scope.facts['runnerType'] = runnerType;

  const parts: string[] = [];
  const owner = OWNERS.find((o) => routing[o.key] !== undefined);
  if (owner) {
    scope.breadth = owner.breadth;
    parts.push(`${owner.word} ${String(scope.facts[KEYS[owner.key]!])}`);
  }
  if (routing['o'] !== undefined) parts.push(`organization ${String(scope.facts['orgId'])}`);
  if (parts.length) scope.evidence.push(`Routable token payload names ${parts.join(' in ')}`);
  if (runnerType) scope.evidence.push(`Runner token prefix t${chosen.tag!.slice(1)}_: a ${runnerType} runner`);
  if (scope.breadth === 'account') {
    scope.evidence.push(
      'Only a user is encoded: a personal token reaches everything the user can (project and group access tokens are bot-user tokens and look the same offline)',
    );
  }
  return scope;
}
