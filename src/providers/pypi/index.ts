// pypi: an offline decoder. The detectors are in detectors/pypi.yaml.

import { decodePypiMacaroon } from './macaroon.js';
import type { ProviderModule } from '../types.js';

export const provider = {
  id: 'pypi',
  decoders: {
    'pypi-macaroon': decodePypiMacaroon,
  },
} satisfies ProviderModule;
