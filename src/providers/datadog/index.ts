// datadog: a read-only verifier and its API hosts. The detectors are in detectors/datadog.yaml.

import { datadog as verifier } from './verifier.js';
import type { ProviderModule } from '../types.js';

export const provider = {
  id: 'datadog',
  verifier,
  apiHosts: [/(?:^|\.)datadoghq\.(?:com|eu)$|(?:^|\.)ddog-gov\.com$/],
} satisfies ProviderModule;
