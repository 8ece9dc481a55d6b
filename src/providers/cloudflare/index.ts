// cloudflare: a read-only verifier and its API hosts. The detectors are in detectors/cloudflare.yaml.

import { cloudflare as verifier } from './verifier.js';
import type { ProviderModule } from '../types.js';

export const provider = {
  id: 'cloudflare',
  verifier,
  apiHosts: [/(?:^|\.)cloudflare\.com$/],
} satisfies ProviderModule;
