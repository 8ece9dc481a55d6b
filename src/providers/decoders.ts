// Registry of offline decoders, referenced by name from a detector's `decoder` field: derived from
// the provider modules (src/providers/index.ts).

import { providerDecoders } from './index.js';
import type { Decoder } from './decoder-types.js';

export const decoders: Readonly<Record<string, Decoder>> = providerDecoders;

export type DecoderName = string;

export function isDecoderName(name: string): name is DecoderName {
  return Object.hasOwn(decoders, name);
}
