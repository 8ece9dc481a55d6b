// azure: an offline decoder and its API hosts. The detectors are in detectors/azure.yaml.

import { decodeAzureSas } from './sas.js';
import type { ProviderModule } from '../types.js';

export const provider = {
  id: 'azure',
  decoders: {
    'azure-sas': decodeAzureSas,
  },
  apiHosts: [/(?:^|\.)azure\.com$|(?:^|\.)windows\.net$/],
} satisfies ProviderModule;
