// render: its API hosts. The detectors are in detectors/render.yaml.

import type { ProviderModule } from '../types.js';

export const provider = {
  id: 'render',
  apiHosts: [/(?:^|\.)render\.com$/],
} satisfies ProviderModule;
