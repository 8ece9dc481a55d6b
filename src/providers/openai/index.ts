// openai: a read-only verifier and its API hosts. The detectors are in detectors/openai.yaml.

import { openai as verifier } from './verifier.js';
import type { ProviderModule } from '../types.js';

export const provider = {
  id: 'openai',
  verifier,
  apiHosts: [/(?:^|\.)openai\.com$/],
} satisfies ProviderModule;
