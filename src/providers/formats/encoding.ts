// Small byte and number helpers shared by the offline decoders. Pure functions, no I/O.

const BASE64_ANY = /^[A-Za-z0-9+/_-]+={0,2}$/;

/** Rejects malformed UTF-8 instead of substituting U+FFFD. Stateless between calls (no streaming). */
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes UTF-8 bytes; undefined when they are not valid UTF-8. */
export function decodeUtf8Strict(bytes: Uint8Array): string | undefined {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Decodes standard or URL-safe base64 (Node accepts both alphabets), with or without padding.
 * Undefined when the text is not base64 at all or is implausibly long.
 */
export function decodeBase64(text: string, maxChars = 65536): Buffer | undefined {
  if (text.length === 0 || text.length > maxChars || !BASE64_ANY.test(text)) return undefined;
  const body = text.replace(/=+$/, '');
  if (body.length % 4 === 1) return undefined;
  const bytes = Buffer.from(body, 'base64');
  return bytes.length > 0 ? bytes : undefined;
}

/** Parses JSON text whose value is an object (not an array, null or a scalar); undefined otherwise. */
export function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Decodes base64 and parses it as a JSON object; undefined for anything else. */
export function decodeBase64Json(text: string): Record<string, unknown> | undefined {
  const bytes = decodeBase64(text);
  return bytes ? parseJsonObject(bytes.toString('utf8')) : undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Unix seconds (number or decimal string) to ISO 8601; undefined outside years 1970–9999. */
export function epochSecondsToIso(value: unknown): string | undefined {
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\d{1,12}(?:\.\d+)?$/.test(value)
        ? Number(value)
        : NaN;
  if (!Number.isFinite(n) || n <= 0 || n > 253402300799) return undefined;
  return new Date(Math.floor(n * 1000)).toISOString();
}

/** A lowercase base36 integer as a decimal string (BigInt: ids may exceed 2^53). */
export function base36ToDecimal(text: string): string | undefined {
  if (!/^[0-9a-z]{1,20}$/.test(text)) return undefined;
  let n = 0n;
  for (const ch of text) n = n * 36n + BigInt(parseInt(ch, 36));
  return n.toString();
}

/** Percent-decodes text; the text as written when it is not valid percent-encoding. */
export function decodeUriComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Shortens a fact value so reports stay readable. */
export function clip(text: string, max = 120): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
