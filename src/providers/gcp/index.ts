// gcp: offline decoders and its API hosts. The detectors are in detectors/gcp.yaml.

import { decodeGcpApiKey } from './api-key.js';
import { decodeGcpServiceAccount } from './service-account.js';
import type { ProviderModule } from '../types.js';

export const provider = {
  id: 'gcp',
  decoders: {
    'gcp-service-account': decodeGcpServiceAccount,
    'gcp-api-key': decodeGcpApiKey,
  },
  apiHosts: [/(?:^|\.)googleapis\.com$/],
} satisfies ProviderModule;
