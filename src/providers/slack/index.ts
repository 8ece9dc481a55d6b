// slack: a read-only verifier and its API hosts. The detectors are in detectors/slack.yaml.

import { slack as verifier } from './verifier.js';
import type { ProviderModule } from '../types.js';

export const provider = {
  id: 'slack',
  verifier,
  apiHosts: [/(?:^|\.)slack\.com$/],
} satisfies ProviderModule;
