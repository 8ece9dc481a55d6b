// railway: a read-only verifier and its API hosts. The detectors are in detectors/railway.yaml.

import { railway as verifier } from './verifier.js';
import type { ProviderModule } from '../types.js';

export const provider = {
  id: 'railway',
  verifier,
  apiHosts: [/(?:^|\.)railway\.(?:app|com)$/],
} satisfies ProviderModule;
