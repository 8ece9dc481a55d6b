// Registry of online verifiers, referenced by name from a detector's `verifier` field: derived
// from the provider modules (src/providers/index.ts). Each verifier declares its read-only
// endpoints as data; docs/verify-endpoints.md is generated from them.

import { providerVerifiers } from './index.js';
import type { Verifier } from './verifier-types.js';

export const verifiers: Readonly<Record<string, Verifier>> = providerVerifiers;

export type VerifierName = string;

export function isVerifierName(name: string): name is VerifierName {
  return Object.hasOwn(verifiers, name);
}
