// github: a checksum, an offline decoder, a read-only verifier and its API hosts. The detectors are in detectors/github.yaml.

import { decodeGithubInstallationJwt } from './installation-jwt.js';
import { github as verifier } from './verifier.js';
import { githubFineGrainedChecksumMatches } from '../formats/checksums.js';
import type { ProviderModule } from '../types.js';

export const provider = {
  id: 'github',
  validators: {
    /** Fine-grained PATs: an unofficial checksum, a soft signal that only adjusts confidence. */
    'github-fine-grained-checksum': {
      check: (secret) => ({ ok: true, confidence: githubFineGrainedChecksumMatches(secret) ? 'high' : 'medium' }),
    },
  },
  decoders: {
    'github-installation-jwt': decodeGithubInstallationJwt,
  },
  verifier,
  apiHosts: [/^api\.github\.com$|(?:^|\.)github\.com$/],
} satisfies ProviderModule;
