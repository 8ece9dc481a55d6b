// aws: an offline decoder and its API hosts. The detectors are in detectors/aws.yaml.

import { decodeAwsKeyId } from './key-id.js';
import type { ProviderModule } from '../types.js';

export const provider = {
  id: 'aws',
  decoders: {
    'aws-key-id': decodeAwsKeyId,
  },
  apiHosts: [/(?:^|\.)amazonaws\.com$/],
} satisfies ProviderModule;
