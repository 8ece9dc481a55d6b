// neon: its API hosts. The detectors are in detectors/neon.yaml.

import type { ProviderModule } from '../types.js';

export const provider = {
  id: 'neon',
  apiHosts: [/(?:^|\.)neon\.tech$/],
} satisfies ProviderModule;
