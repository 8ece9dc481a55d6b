// netlify: its API hosts. The detectors are in detectors/netlify.yaml.

import type { ProviderModule } from '../types.js';

export const provider = {
  id: 'netlify',
  apiHosts: [/(?:^|\.)netlify\.com$/],
} satisfies ProviderModule;
