// Registry of offline decoders, referenced by name from a detector's `decoder` field.

import type { Decoder } from './types.js';
import { decodeJwtScope } from './jwt-scope.js';

export const decoders = {
  jwt: decodeJwtScope,
} satisfies Record<string, Decoder>;

export type DecoderName = keyof typeof decoders;

export function isDecoderName(name: string): name is DecoderName {
  return Object.hasOwn(decoders, name);
}
