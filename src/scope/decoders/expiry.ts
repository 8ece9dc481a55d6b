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
