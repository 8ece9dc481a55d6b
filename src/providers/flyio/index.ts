// flyio: an offline decoder and its API hosts. The detectors are in detectors/flyio.yaml.

import { decodeFlyioMacaroon } from './macaroon.js';
import type { ProviderModule } from '../types.js';

export const provider = {
  id: 'flyio',
  decoders: {
    'flyio-macaroon': decodeFlyioMacaroon,
  },
  apiHosts: [/(?:^|\.)fly\.io$|(?:^|\.)machines\.dev$/],
} satisfies ProviderModule;
