// Expiry check for decoded `expiresAt` values. `now` is injected so results are deterministic.

/**
 * True when `expiresAt` (ISO 8601) is at or before `now`. An absent or unparsable time is
 * never expired: the token may still be live, so it is reported as such.
 */
export function isExpired(expiresAt: string | undefined, now: Date): boolean {
  if (expiresAt === undefined) return false;
  const when = Date.parse(expiresAt);
  if (Number.isNaN(when) || Number.isNaN(now.getTime())) return false;
  return when <= now.getTime();
}

/** Whole years until `whenMs` (epoch milliseconds) when it is more than 365 days away, else undefined. */
export function yearsUntil(whenMs: number, now: Date): number | undefined {
  const days = (whenMs - now.getTime()) / 86_400_000;
  return days > 365 ? Math.floor(days / 365) : undefined;
}

/** The earlier of two expiry times; `current` is undefined until one has been seen. */
export function earliest(current: number | undefined, next: number): number {
  return current === undefined ? next : Math.min(current, next);
}
