// supabase: its API hosts. The detectors are in detectors/supabase.yaml.

import type { ProviderModule } from '../types.js';

export const provider = {
  id: 'supabase',
  apiHosts: [/(?:^|\.)supabase\.(?:co|com)$/],
} satisfies ProviderModule;
