// Strings from the scanned tree on their way out: terminal text escapes control and bidi
// characters, SARIF URIs stay relative references, and the one scrub removes every known secret.

import { describe, expect, it } from 'vitest';
import { printable } from '../../src/util/format.js';
import { relativeUri } from '../../src/report/sarif.js';
import { maskSecret, scrub, scrubDeep } from '../../src/util/redact.js';

describe('printable', () => {
  it('escapes C0, DEL, C1, bidi controls and line separators; keeps other text', () => {
    expect(printable('a\u001b[31mb\rc\u007f\u0085')).toBe('a\\x1b[31mb\\x0dc\\x7f\\x85');
    expect(printable('x\u202ey\u2066z\u2028')).toBe('x\\u202ey\\u2066z\\u2028');
    expect(printable('café/日本.env')).toBe('café/日本.env');
  });
});

describe('relativeUri', () => {
  it('percent-encodes # ? : per segment and leading slashes, so the reference stays relative', () => {
    expect(relativeUri('src/a b#c?d.ts')).toBe('src/a%20b%23c%3Fd.ts');
    expect(relativeUri('C:/x')).toBe('C%3A/x');
    expect(relativeUri('/etc/passwd')).toBe('%2Fetc/passwd');
    expect(relativeUri('//host/share')).toBe('%2F%2Fhost/share');
    expect(relativeUri('bad\ud800name')).toBe('bad%EF%BF%BDname');
    expect(new URL(relativeUri('/etc/passwd'), 'file:///repo/').href).toBe('file:///repo/%2Fetc/passwd');
  });
});

describe('redaction', () => {
  it('maskSecret shows a prefix only up to half the secret, then at most 4 characters', () => {
    expect(maskSecret('ghp_abcdefghijklmnopqrstuvwxyz0123456789', 4)).toBe('ghp_abcd…');
    expect(maskSecret('password1234567890ab', 8)).toBe('password12…');
    expect(maskSecret('password1234567890ab', 0)).toBe('pass…');
    expect(maskSecret('abcdefgh', 8)).toBe('abcd…');
  });

  it('scrub and scrubDeep replace every known secret, longest first, in values and keys', () => {
    expect(scrub('a Tq9.x1 b Tq9.x1Z', ['Tq9.x1', 'Tq9.x1Z'])).toBe('a [REDACTED] b [REDACTED]');
    const shared = ['repo', 'read:org'];
    const data = {
      reason: 'old Tq9.x1Z',
      keyName: 'Tq9.x1Z',
      nested: [{ 'Tq9.x1Z': 1 }],
      secret: 'Tq9.x1Z',
      scopes: shared,
    };
    const clean = scrubDeep(data, ['Tq9.x1Z'], new Set(['secret']));
    expect(clean).toEqual({
      reason: 'old [REDACTED]',
      keyName: '[REDACTED]',
      nested: [{ '[REDACTED]': 1 }],
      secret: 'Tq9.x1Z',
      scopes: shared,
    });
    // Nothing changed in place; untouched parts are shared.
    expect(data.reason).toBe('old Tq9.x1Z');
    expect(clean.scopes).toBe(shared);
  });
});
