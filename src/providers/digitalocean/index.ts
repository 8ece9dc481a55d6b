// digitalocean: a read-only verifier and its API hosts. The detectors are in detectors/digitalocean.yaml.

import { digitalocean as verifier } from './verifier.js';
import type { ProviderModule } from '../types.js';

export const provider = {
  id: 'digitalocean',
  verifier,
  apiHosts: [/(?:^|\.)digitalocean\.com$/],
} satisfies ProviderModule;
