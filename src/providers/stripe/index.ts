// stripe: a read-only verifier and its API hosts. The detectors are in detectors/stripe.yaml.

import { stripe as verifier } from './verifier.js';
import type { ProviderModule } from '../types.js';

export const provider = {
  id: 'stripe',
  verifier,
  apiHosts: [/(?:^|\.)stripe\.com$/],
} satisfies ProviderModule;
