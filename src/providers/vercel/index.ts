// vercel: a read-only verifier and its API hosts. The detectors are in detectors/vercel.yaml.

import { vercel as verifier } from './verifier.js';
import type { ProviderModule } from '../types.js';

export const provider = {
  id: 'vercel',
  verifier,
  apiHosts: [/(?:^|\.)vercel\.com$/],
} satisfies ProviderModule;
