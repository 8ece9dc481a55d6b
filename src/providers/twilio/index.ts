// twilio: a read-only verifier and its API hosts. The detectors are in detectors/twilio.yaml.

import { twilio as verifier } from './verifier.js';
import type { ProviderModule } from '../types.js';

export const provider = {
  id: 'twilio',
  verifier,
  apiHosts: [/(?:^|\.)twilio\.com$/],
} satisfies ProviderModule;
