// sentry: an offline decoder, a read-only verifier and its API hosts. The detectors are in detectors/sentry.yaml.

import { decodeSentryOrg } from './org-token.js';
import { sentry as verifier } from './verifier.js';
import type { ProviderModule } from '../types.js';

export const provider = {
  id: 'sentry',
  decoders: {
    'sentry-org': decodeSentryOrg,
  },
  verifier,
  apiHosts: [/(?:^|\.)sentry\.io$/],
} satisfies ProviderModule;
