// gitlab: a checksum, an offline decoder, a read-only verifier and its API hosts. The detectors are in detectors/gitlab.yaml.

import { checkGitlabRoutable, gitlabRoutableSuffix, isGitlabRoutable } from '../formats/checksums.js';
import { checksumVerdict } from '../types.js';
import { decodeGitlabRoutable } from './routable.js';
import { gitlab as verifier } from './verifier.js';
import type { ProviderModule } from '../types.js';

export const provider = {
  id: 'gitlab',
  validators: {
    /** Routable tokens: CRC-32 in base36, last 7 characters; legacy tokens pass. */
    'gitlab-routable-checksum': {
      check: (secret) => (isGitlabRoutable(secret) ? checksumVerdict(checkGitlabRoutable(secret)) : true),
      complete: (stem) => stem + gitlabRoutableSuffix(stem),
    },
  },
  decoders: {
    'gitlab-routable': decodeGitlabRoutable,
  },
  verifier,
  apiHosts: [/(?:^|\.)gitlab\.com$/],
} satisfies ProviderModule;
