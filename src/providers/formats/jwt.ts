// JSON Web Tokens (RFC 7519): header and claims decoded without verifying the signature.
// What the claims say is a hint about scope, never proof of validity.

import { parseJsonObject } from './encoding.js';

interface DecodedJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
}

function decodeSegment(segment: string): Record<string, unknown> | undefined {
  if (segment.length === 0 || segment.length > 16384 || !/^[A-Za-z0-9_-]+={0,2}$/.test(segment)) return undefined;
  return parseJsonObject(Buffer.from(segment.replace(/=+$/, ''), 'base64url').toString('utf8'));
}

/** Decodes `header.payload.signature`; undefined unless both header and payload are JSON objects. */
export function decodeJwt(token: string): DecodedJwt | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const header = decodeSegment(parts[0]!);
  if (!header || (typeof header['alg'] !== 'string' && typeof header['typ'] !== 'string')) return undefined;
  const payload = decodeSegment(parts[1]!);
  if (!payload) return undefined;
  return { header, payload };
}

/** An unsigned token with no claims (`{"alg":"none"}.{}.`): it says nothing and grants nothing. */
export function isEmptyUnsignedJwt(jwt: DecodedJwt): boolean {
  return String(jwt.header['alg']).toLowerCase() === 'none' && Object.keys(jwt.payload).length === 0;
}

const JWT_IN_TEXT = /eyJ[A-Za-z0-9_-]{10,2048}\.eyJ[A-Za-z0-9_-]{10,8192}\.[A-Za-z0-9_-]*/;

/**
 * A JWT that documentation everywhere prints: jwt.io's debugger sample (`sub` 1234567890, `name`
 * John Doe, whatever its signature). Whichever detector caught it (an assignment, a header), it is
 * not a credential.
 */
export function isWellKnownDemoJwt(text: string): boolean {
  if (text.indexOf('eyJ') < 0) return false;
  const token = JWT_IN_TEXT.exec(text)?.[0];
  const payload = token ? decodeJwt(token)?.payload : undefined;
  return payload !== undefined && payload['sub'] === '1234567890' && payload['name'] === 'John Doe';
}
