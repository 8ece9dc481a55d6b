// The detection engine on hand-made detectors, so each test controls keywords, patterns and
// flags: which text a detector's regex sees (the line around a keyword hit, a span after it for
// multi-line formats, the head of a whole file), how overlapping matches are resolved, the
// per-detector limit, and the judgement of each capture (entropy, placeholders, validators).

import { describe, expect, it } from 'vitest';
import { buildDetectorSet, type DetectorSet } from '../../src/detect/compile.js';
import { detectInText, judgeValue, knownPrefix } from '../../src/detect/engine.js';
import { shannonEntropy } from '../../src/detect/entropy.js';
import type { DetectorDefinition } from '../../src/model/detector.js';
import { githubPat, githubPatBadChecksum, seededAlnum } from '../helpers/tokens.js';

function detector(id: string, fields: Partial<DetectorDefinition>): DetectorDefinition {
  return {
    id,
    name: id,
    tokenType: 'api-key',
    description: 'A detector for the engine tests.',
    pattern: '(?<secret>x)',
    confidence: 'high',
    privilege: 'write',
    breadth: 'project',
    remediation: 'Revoke it.',
    references: ['https://example.invalid/acme'],
    examples: { positive: [], negative: [] },
    ...fields,
  };
}

function setOf(...detectors: DetectorDefinition[]): DetectorSet {
  return buildDetectorSet([{ provider: 'acme', providerName: 'Acme', detectors }]);
}

/** A fixed value that no placeholder rule calls made up (seeded, so every run tests the same text). */
const VALUE = `QQ${seededAlnum('engine/value', 14)}`;
const valuePattern = '(?<secret>QQ[A-Za-z0-9]{14})';

describe('windows: what text a detector sees', () => {
  const set = setOf(detector('acme.key', { keywords: ['acme_key'], pattern: valuePattern }));

  it('runs a detector only where one of its keywords appears, and finds the value at its exact offsets', () => {
    expect(detectInText(`value = ${VALUE}\n`, 'a.env', set)).toEqual([]);
    const text = `# settings\nACME_KEY = ${VALUE}\n`;
    const [match, ...rest] = detectInText(text, 'a.env', set);
    expect(rest).toEqual([]);
    expect(match!.detector.id).toBe('acme.key');
    expect(match!.start).toBe(text.indexOf(VALUE));
    expect(match!.end).toBe(text.indexOf(VALUE) + VALUE.length);
    expect(match!.secret === VALUE).toBe(true);
  });

  it('looks at the keyword’s line only: a value on the next line is not seen', () => {
    expect(detectInText(`ACME_KEY =\n${VALUE}\n`, 'a.env', set)).toEqual([]);
    expect(detectInText(`${VALUE}\nACME_KEY\n`, 'a.env', set)).toEqual([]);
    expect(detectInText(`${VALUE} # ACME_KEY\n`, 'a.env', set)).toHaveLength(1);
  });

  it('on a long line, looks up to 4096 characters either side of the hit, no further', () => {
    expect(detectInText(`acme_key${' '.repeat(4000)}${VALUE}`, 'a.env', set)).toHaveLength(1);
    expect(detectInText(`acme_key${' '.repeat(5000)}${VALUE}`, 'a.env', set)).toEqual([]);
    expect(detectInText(`${VALUE}${' '.repeat(4000)}acme_key`, 'a.env', set)).toHaveLength(1);
    expect(detectInText(`${VALUE}${' '.repeat(5000)}acme_key`, 'a.env', set)).toEqual([]);
  });

  it('a capped window does not start inside a token, where \\b would match mid-token', () => {
    const bounded = setOf(
      detector('acme.bounded', { keywords: ['acme_key'], pattern: '\\b(?<secret>QQ[A-Za-z0-9]{14})\\b' }),
    );
    // The window would start at the 4096th character before the hit, inside this run of letters.
    const text = `zz${'a'.repeat(4200)}${VALUE.slice(2)} acme_key`;
    expect(detectInText(text, 'a.env', bounded)).toEqual([]);
  });

  it('a multi-line detector reads up to maxSpan characters past the keyword’s line', () => {
    const fields = {
      keywords: ['begin acme'],
      pattern: `BEGIN ACME\\n(?:[^\\n]*\\n)*?${valuePattern}`,
      multiline: true,
    };
    const text = `BEGIN ACME\n${'padding line\n'.repeat(3)}${VALUE}\n`;
    expect(detectInText(text, 'key.txt', setOf(detector('acme.block', { ...fields, maxSpan: 200 })))).toHaveLength(1);
    expect(detectInText(text, 'key.txt', setOf(detector('acme.block', { ...fields, maxSpan: 20 })))).toEqual([]);
    expect(detectInText(text, 'key.txt', setOf(detector('acme.block', { ...fields, multiline: false })))).toEqual([]);
  });

  it('a whole-file detector runs without a keyword on the paths it names, over the first 64 KB', () => {
    const whole = setOf(detector('acme.file', { wholeFile: true, paths: ['**/credentials'], pattern: valuePattern }));
    expect(detectInText(`${VALUE}\n`, 'home/.acme/credentials', whole)).toHaveLength(1);
    expect(detectInText(`${VALUE}\n`, 'notes.txt', whole)).toEqual([]);
    // 65,536 characters are read: a value ending at 65,530 is found, one starting at 65,540 is not.
    expect(detectInText(`${'#'.repeat(65_530 - VALUE.length - 1)}\n${VALUE}\n`, 'credentials', whole)).toHaveLength(1);
    expect(detectInText(`${'#\n'.repeat(32_770)}${VALUE}\n`, 'credentials', whole)).toEqual([]);
  });

  it('honours `paths` and the `only` option', () => {
    const scoped = setOf(
      detector('acme.env-only', { keywords: ['acme_key'], pattern: valuePattern, paths: ['*.env'] }),
    );
    expect(detectInText(`ACME_KEY=${VALUE}\n`, 'deploy/app.env', scoped)).toHaveLength(1);
    expect(detectInText(`ACME_KEY=${VALUE}\n`, 'app.py', scoped)).toEqual([]);
    expect(detectInText(`ACME_KEY=${VALUE}\n`, 'a.env', set, { only: new Set(['acme.other']) })).toEqual([]);
    expect(detectInText(`ACME_KEY=${VALUE}\n`, 'a.env', set, { only: new Set(['acme.key']) })).toHaveLength(1);
  });

  it('takes the first participating secret group and extends a key group leftwards over the name', () => {
    const quoted = setOf(
      detector('acme.quoted', {
        keywords: ['secret'],
        pattern: `(?<key>SECRET)\\s*=\\s*(?:'(?<secret>QQ[A-Za-z0-9]{14})'|"(?<secret2>QQ[A-Za-z0-9]{14})")`,
      }),
    );
    const [single] = detectInText(`DB_SECRET = '${VALUE}'\n`, 'a.env', quoted);
    const [double] = detectInText(`DB_SECRET = "${VALUE}"\n`, 'a.env', quoted);
    expect(single!.secret === VALUE && double!.secret === VALUE).toBe(true);
    expect(single!.keyName).toBe('DB_SECRET');
    expect(double!.keyName).toBe('DB_SECRET');
    expect(single!.groups).toEqual({ key: 'SECRET' });
  });
});

describe('overlapping matches: one per secret range', () => {
  const specific = detector('acme.specific', { keywords: ['acme_key'], pattern: valuePattern, confidence: 'medium' });
  const generic = detector('acme.generic', {
    keywords: ['acme_key'],
    pattern: valuePattern,
    generic: true,
    confidence: 'high',
  });
  const text = `ACME_KEY=${VALUE}\n`;
  const ids = (set: DetectorSet, t = text): string[] => detectInText(t, 'a.env', set).map((m) => m.detector.id);

  it('a provider’s detector wins over a generic one, whatever the confidence or order', () => {
    expect(ids(setOf(generic, specific))).toEqual(['acme.specific']);
    expect(ids(setOf(specific, generic))).toEqual(['acme.specific']);
  });

  it('then higher confidence, then the longer secret, then the earlier detector', () => {
    const low = detector('acme.low', { keywords: ['acme_key'], pattern: valuePattern, confidence: 'low' });
    const high = detector('acme.high', { keywords: ['acme_key'], pattern: valuePattern, confidence: 'high' });
    expect(ids(setOf(low, high))).toEqual(['acme.high']);
    const shorter = detector('acme.short', { keywords: ['acme_key'], pattern: '(?<secret>QQ[A-Za-z0-9]{10})' });
    expect(ids(setOf(shorter, high))).toEqual(['acme.high']);
    const twin = detector('acme.twin', { keywords: ['acme_key'], pattern: valuePattern, confidence: 'high' });
    expect(ids(setOf(high, twin))).toEqual(['acme.high']);
    expect(ids(setOf(twin, high))).toEqual(['acme.twin']);
  });

  it('keeps matches that do not overlap, in text order', () => {
    const other = `QQ${seededAlnum('engine/other', 14)}`;
    const matches = detectInText(`ACME_KEY=${other}\nACME_KEY=${VALUE}\n`, 'a.env', setOf(specific, generic));
    expect(matches.map((m) => m.detector.id)).toEqual(['acme.specific', 'acme.specific']);
    expect(matches[0]!.start).toBeLessThan(matches[1]!.start);
    expect(matches[0]!.secret === other && matches[1]!.secret === VALUE).toBe(true);
  });
});

describe('the per-detector limit', () => {
  const set = setOf(detector('acme.key', { keywords: ['acme_key'], pattern: valuePattern }));
  const distinct = (n: number): string =>
    Array.from({ length: n }, (_, i) => `ACME_KEY=QQ${seededAlnum(`engine/limit-${i}`, 14)}`).join('\n');

  it('stops after the limit of distinct values and says so once', () => {
    const limited: string[] = [];
    expect(
      detectInText(distinct(5), 'a.env', set, { maxMatchesPerDetector: 3, onLimit: (id) => limited.push(id) }),
    ).toHaveLength(3);
    expect(limited).toEqual(['acme.key']);
  });

  it('copies of an accepted value do not count against it', () => {
    const limited: string[] = [];
    const copies = Array.from({ length: 10 }, () => `ACME_KEY=${VALUE}`).join('\n');
    expect(
      detectInText(copies, 'a.env', set, { maxMatchesPerDetector: 1, onLimit: (id) => limited.push(id) }),
    ).toHaveLength(10);
    expect(limited).toEqual([]);
  });

  it('without a limit every value is kept', () => {
    expect(detectInText(distinct(50), 'a.env', set)).toHaveLength(50);
  });
});

describe('judgeValue: entropy, placeholders, validators', () => {
  const [plain] = setOf(
    detector('acme.key', { keywords: ['acme_'], pattern: '(?<secret>acme_[A-Za-z0-9]+)' }),
  ).detectors;
  const ctx = { groups: {}, path: 'a.env' };

  it('keeps a value exactly at the entropy floor and drops it when the floor is a hair higher', () => {
    const value = `acme_${seededAlnum('engine/entropy', 20)}`;
    const at = (minEntropy: number) =>
      setOf(detector('acme.key', { keywords: ['acme_'], pattern: '(?<secret>acme_[A-Za-z0-9]+)', minEntropy }))
        .detectors[0]!;
    expect(judgeValue(at(shannonEntropy(value)), value, ctx)).toEqual({ confidence: 'high' });
    expect(judgeValue(at(shannonEntropy(value) + 0.001), value, ctx)).toBeUndefined();
  });

  it('drops a template; marks a made-up value in the exact format as synthetic, low confidence', () => {
    expect(judgeValue(plain!, 'acme_your_api_key_here', ctx)).toBeUndefined();
    expect(judgeValue(plain!, 'acme_abcdefghijkl9Zq', ctx)).toEqual({ confidence: 'low', synthetic: true });
  });

  it('a generic detector drops the made-up value instead', () => {
    const [generic] = setOf(
      detector('acme.generic', { keywords: ['acme_'], pattern: '(?<secret>acme_[A-Za-z0-9]+)', generic: true }),
    ).detectors;
    expect(judgeValue(generic!, 'acme_abcdefghijkl9Zq', ctx)).toBeUndefined();
  });

  it('a vendor named nearby (`…-mention`) keeps the made-up value in its format as synthetic, like a keyed detector', () => {
    const [mention] = setOf(
      detector('acme.key-mention', { keywords: ['acme'], pattern: '(?<secret>acme_[A-Za-z0-9]+)', generic: true }),
    ).detectors;
    expect(judgeValue(mention!, 'acme_abcdefghijkl9Zq', ctx)).toEqual({ confidence: 'low', synthetic: true });
    expect(judgeValue(mention!, 'acme_your_api_key_here', ctx)).toBeUndefined();
  });

  it('a checksum validator keeps a wrong checksum as `invalid`, a right one as `valid`', () => {
    const [pat] = setOf(
      detector('acme.pat', {
        keywords: ['ghp_'],
        pattern: '(?<secret>ghp_[A-Za-z0-9]{36})',
        validators: ['crc32-base62'],
      }),
    ).detectors;
    expect(judgeValue(pat!, githubPat(), ctx)).toMatchObject({ checksum: 'valid' });
    expect(judgeValue(pat!, githubPatBadChecksum(), ctx)).toMatchObject({ checksum: 'invalid' });
  });

  it('knownPrefix is the longest keyword the secret starts with, in the secret’s own case', () => {
    const [multi] = setOf(detector('acme.multi', { keywords: ['ac', 'ACME_'], pattern: valuePattern })).detectors;
    expect(knownPrefix(multi!, 'Acme_123')).toBe('Acme_');
    expect(knownPrefix(multi!, 'zz_123')).toBe('');
  });
});
