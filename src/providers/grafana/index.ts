// grafana: a checksum, an offline decoder and its API hosts. The detectors are in detectors/grafana.yaml.

import { checkGrafanaSa, grafanaSaSuffix } from '../formats/checksums.js';
import { checksumVerdict } from '../types.js';
import { decodeGrafanaCloud } from './cloud.js';
import type { ProviderModule } from '../types.js';

export const provider = {
  id: 'grafana',
  validators: {
    /** Service-account tokens: CRC-32 little-endian hex suffix. */
    'grafana-sa-checksum': {
      check: (secret) => checksumVerdict(checkGrafanaSa(secret)),
      complete: (stem) => `${stem}_${grafanaSaSuffix(stem)}`,
    },
  },
  decoders: {
    'grafana-cloud': decodeGrafanaCloud,
  },
  apiHosts: [/(?:^|\.)grafana\.net$/],
} satisfies ProviderModule;
