// doppler: an offline decoder, a read-only verifier and its API hosts. The detectors are in detectors/doppler.yaml.

import { decodeDopplerService } from './service-token.js';
import { doppler as verifier } from './verifier.js';
import type { ProviderModule } from '../types.js';

export const provider = {
  id: 'doppler',
  decoders: {
    'doppler-service': decodeDopplerService,
  },
  verifier,
  apiHosts: [/(?:^|\.)doppler\.com$/],
} satisfies ProviderModule;
