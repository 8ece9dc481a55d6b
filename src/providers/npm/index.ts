// npm: a read-only verifier and its API hosts. The detectors are in detectors/npm.yaml.

import { npm as verifier } from './verifier.js';
import type { ProviderModule } from '../types.js';

export const provider = {
  id: 'npm',
  verifier,
  apiHosts: [/(?:^|\.)npmjs\.(?:org|com)$/],
} satisfies ProviderModule;
