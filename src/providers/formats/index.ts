// Formats shared by many providers' tokens, registered like a provider module: the CRC-32/base62
// checksum (GitHub's classic types, npm, Vercel), and decoders for JWTs, database URIs and private
// keys, whatever service issued them.

import { checkCrc32Base62, crc32Base62Suffix } from './checksums.js';
import { decodeDbUri } from './db-uri.js';
import { decodeJwtScope } from './jwt-scope.js';
import { decodePrivateKey } from './private-key.js';
import { checksumVerdict, type ProviderModule } from '../types.js';

export const formats = {
  id: 'formats',
  validators: {
    /** CRC-32 of the body in base62, last 6 characters. */
    'crc32-base62': {
      check: (secret) => checksumVerdict(checkCrc32Base62(secret)),
      complete: (stem) => stem + crc32Base62Suffix(stem.slice(stem.indexOf('_') + 1)),
    },
  },
  decoders: {
    jwt: decodeJwtScope,
    'db-uri': decodeDbUri,
    'private-key': decodePrivateKey,
  },
} satisfies ProviderModule;
