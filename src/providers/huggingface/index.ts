// huggingface: a read-only verifier and its API hosts. The detectors are in detectors/huggingface.yaml.

import { huggingface as verifier } from './verifier.js';
import type { ProviderModule } from '../types.js';

export const provider = {
  id: 'huggingface',
  verifier,
  apiHosts: [/(?:^|\.)huggingface\.co$/],
} satisfies ProviderModule;
