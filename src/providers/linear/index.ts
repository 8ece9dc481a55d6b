// linear: a read-only verifier and its API hosts. The detectors are in detectors/linear.yaml.

import { linear as verifier } from './verifier.js';
import type { ProviderModule } from '../types.js';

export const provider = {
  id: 'linear',
  verifier,
  apiHosts: [/(?:^|\.)linear\.app$/],
} satisfies ProviderModule;
