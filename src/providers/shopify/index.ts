// shopify: a read-only verifier and its API hosts. The detectors are in detectors/shopify.yaml.

import { shopify as verifier } from './verifier.js';
import type { ProviderModule } from '../types.js';

export const provider = {
  id: 'shopify',
  verifier,
  apiHosts: [/(?:^|\.)myshopify\.com$/],
} satisfies ProviderModule;
