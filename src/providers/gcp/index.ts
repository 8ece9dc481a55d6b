// gcp: an offline decoder and its API hosts. The detectors are in detectors/gcp.yaml.

import { decodeGcpServiceAccount } from './service-account.js';
import type { ProviderModule } from '../types.js';

export const provider = {
  id: 'gcp',
  decoders: {
    'gcp-service-account': decodeGcpServiceAccount,
  },
  apiHosts: [/(?:^|\.)googleapis\.com$/],
} satisfies ProviderModule;
