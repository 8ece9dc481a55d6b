// heroku: a read-only verifier and its API hosts. The detectors are in detectors/heroku.yaml.

import { heroku as verifier } from './verifier.js';
import type { ProviderModule } from '../types.js';

export const provider = {
  id: 'heroku',
  verifier,
  apiHosts: [/(?:^|\.)heroku\.com$/],
} satisfies ProviderModule;
