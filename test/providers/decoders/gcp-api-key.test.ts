// A Google API key's location: in the files Google's mobile SDKs compile into an app it is a
// public client key (a note); anywhere else it stays the credential it is.

import { describe, expect, it } from 'vitest';
import { decodeGcpApiKey } from '../../../src/providers/gcp/api-key.js';

const ctx = (path: string, keyName?: string) => ({
  groups: {},
  path,
  ...(keyName === undefined ? {} : { keyName }),
  defaults: { privilege: 'write' as const, breadth: 'project' as const, tokenType: 'api-key' },
  now: new Date('2026-12-02T00:00:00Z'),
});
const key = ['AIza', 'Jc1QTU9R4K0qURMwpY293vjv01mTu2K1dh0'].join('');

describe('decodeGcpApiKey', () => {
  it.for([
    'android/app/google-services.json',
    'ios/Runner/GoogleService-Info.plist',
    'app/src/main/res/values/strings.xml',
    'app/src/main/res/values-night-v31/config.xml',
  ])('reads a key in %s as a public client key', (path) => {
    const decoded = decodeGcpApiKey(key, ctx(path));
    expect(decoded?.public).toBe(true);
    expect(decoded?.privilege).toBe('public');
    expect(decoded?.evidence.join(' ')).not.toContain(key);
  });

  it.for(['android/local.properties', '.env', 'server/config/maps.ts', 'res/values.xml'])(
    'leaves a key in %s to the detector',
    (path) => {
      expect(decodeGcpApiKey(key, ctx(path))).toBeUndefined();
    },
  );
});

describe('decodeGcpApiKey in an Expo app config', () => {
  it.for([
    ['mobile/app.json', 'googleMapsApiKey'],
    ['app.config.ts', 'apiKey.googleMaps'],
  ] as const)('reads a Maps key in %s as a public client key', ([path, name]) => {
    expect(decodeGcpApiKey(key, ctx(path, name))?.public).toBe(true);
  });

  it.for([
    ['app.json', 'GOOGLE_API_KEY'],
    ['app.json', undefined],
    ['server/maps.json', 'googleMapsApiKey'],
  ] as const)('leaves %s under %s to the detector', ([path, name]) => {
    expect(decodeGcpApiKey(key, ctx(path, name))).toBeUndefined();
  });
});

describe('decodeGcpApiKey by the name it is kept under', () => {
  it.for([
    ['android/local.properties', 'MAPS_API_KEY'],
    ['android/secrets.properties', 'PLACES_API_KEY'],
    ['apps/legacy/.env.production', 'REACT_APP_FIREBASE_API_KEY'],
    ['src/firebase.ts', 'firebaseApiKey'],
    ['apps/web/.env', 'NEXT_PUBLIC_MAPS_KEY'],
    ['apps/web/.env', 'VITE_GOOGLE_KEY'],
  ] as const)('reads a key in %s under %s as one shipped to clients', ([path, name]) => {
    const decoded = decodeGcpApiKey(key, ctx(path, name));
    expect(decoded?.public).toBe(true);
    expect(decoded?.evidence.join(' ')).not.toContain(key);
  });

  it.for([
    ['android/local.properties', 'GEMINI_API_KEY'],
    ['server/.env', 'GOOGLE_MAPS_API_KEY'],
    ['server/.env', 'GEMINI_API_KEY'],
  ] as const)('leaves %s under %s to the detector', ([path, name]) => {
    expect(decodeGcpApiKey(key, ctx(path, name))).toBeUndefined();
  });
});
