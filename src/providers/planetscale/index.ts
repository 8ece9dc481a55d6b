// planetscale: its API hosts. The detectors are in detectors/planetscale.yaml.

import type { ProviderModule } from '../types.js';

export const provider = {
  id: 'planetscale',
  apiHosts: [/(?:^|\.)planetscale\.com$/],
} satisfies ProviderModule;
