import { describe, expect, it } from 'vitest';
import { isExpired } from '../../../src/providers/formats/expiry.js';

const now = new Date('2026-06-01T12:00:00Z');

describe('isExpired', () => {
  it('is false without an expiry', () => {
    expect(isExpired(undefined, now)).toBe(false);
  });
  it('is false for an unparsable time', () => {
    expect(isExpired('not a date', now)).toBe(false);
    expect(isExpired('', now)).toBe(false);
  });
  it('is true for a past time', () => {
    expect(isExpired('2026-05-31T12:00:00Z', now)).toBe(true);
    expect(isExpired('2020-01-01', now)).toBe(true);
  });
  it('is false for a future time', () => {
    expect(isExpired('2026-06-01T12:00:01Z', now)).toBe(false);
    expect(isExpired('2030-01-01T00:00:00.000Z', now)).toBe(false);
  });
  it('treats the exact expiry instant as expired', () => {
    expect(isExpired('2026-06-01T12:00:00.000Z', now)).toBe(true);
  });
  it('respects time zone offsets', () => {
    expect(isExpired('2026-06-01T13:30:00+02:00', now)).toBe(true);
    expect(isExpired('2026-06-01T10:30:00-02:00', now)).toBe(false);
  });
  it('is false when now is invalid', () => {
    expect(isExpired('2020-01-01T00:00:00Z', new Date(NaN))).toBe(false);
  });
});
