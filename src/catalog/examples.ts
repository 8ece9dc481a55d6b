// Detector examples are written with checksum templates, so no live-looking token is committed:
// the loader, the checks and the docs expand them the same way.

import { completeWithChecksum } from '../providers/index.js';
import type { ExampleDefinition } from '../model/detector.js';

const CHECKSUM_TEMPLATE = /\{\{checksum:([a-z0-9-]+):([^}]+)\}\}/g;

/** Replaces `{{checksum:<validator>:<stem>}}` with the stem completed by a valid checksum. */
export function expandExample(text: string): string {
  return text.replace(CHECKSUM_TEMPLATE, (_, validator: string, stem: string) => completeWithChecksum(validator, stem));
}

export interface NormalizedExample {
  text: string;
  secret?: string;
  path: string;
}

export function normalizeExample(example: ExampleDefinition): NormalizedExample {
  if (typeof example === 'string') return { text: expandExample(example), path: 'example.txt' };
  return {
    text: expandExample(example.text),
    ...(example.secret !== undefined ? { secret: expandExample(example.secret) } : {}),
    path: example.path ?? 'example.txt',
  };
}
