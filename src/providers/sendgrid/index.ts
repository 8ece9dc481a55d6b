// sendgrid: a read-only verifier and its API hosts. The detectors are in detectors/sendgrid.yaml.

import { sendgrid as verifier } from './verifier.js';
import type { ProviderModule } from '../types.js';

export const provider = {
  id: 'sendgrid',
  verifier,
  apiHosts: [/(?:^|\.)sendgrid\.com$/],
} satisfies ProviderModule;
