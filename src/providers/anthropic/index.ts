// anthropic: a read-only verifier and its API hosts. The detectors are in detectors/anthropic.yaml.

import { anthropic as verifier } from './verifier.js';
import type { ProviderModule } from '../types.js';

export const provider = {
  id: 'anthropic',
  verifier,
  apiHosts: [/(?:^|\.)anthropic\.com$/],
} satisfies ProviderModule;
