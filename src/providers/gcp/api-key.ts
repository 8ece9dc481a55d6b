// What a Google API key's location says about it. Google's mobile SDK configuration files
// (google-services.json, GoogleService-Info.plist) and an Android app's resource values are
// compiled into the app and shipped to every install: the key there is a client identifier that
// Google documents as safe to embed, protected by API and application restrictions (and, for
// Firebase, by Security Rules and App Check), not by secrecy. The same key anywhere else (a
// server's .env, local.properties, a script) is a credential.

import type { DecodeContext, DecodedScope } from '../decoder-types.js';

/** Files and folders whose contents ship inside a mobile app. */
const SHIPPED_IN_APP: readonly { test: RegExp; what: string }[] = [
  { test: /(?:^|\/)google-services\.json$/i, what: "Firebase's Android configuration (google-services.json)" },
  { test: /(?:^|\/)GoogleService-Info\.plist$/i, what: "Firebase's iOS configuration (GoogleService-Info.plist)" },
  { test: /(?:^|\/)res\/values(?:-[A-Za-z0-9+-]+)?\/[^/]+\.xml$/, what: 'an Android resource file' },
];

/**
 * An Expo app config (app.json, app.config.js/ts) is embedded in the app's manifest, and the Maps
 * SDK keys it names (ios.config.googleMapsApiKey, android.config.googleMaps.apiKey) are compiled
 * into the native project. Only a key under a Maps name: another app.json (Heroku's) is no app.
 */
const EXPO_APP_CONFIG = /(?:^|\/)app\.(?:json|config\.[cm]?[jt]s)$/;
const MAPS_KEY_NAME = /maps|places/i;

function shippedIn(ctx: DecodeContext): string | undefined {
  const shipped = SHIPPED_IN_APP.find((s) => s.test.test(ctx.path));
  if (shipped) return shipped.what;
  if (EXPO_APP_CONFIG.test(ctx.path) && ctx.keyName !== undefined && MAPS_KEY_NAME.test(ctx.keyName))
    return "an Expo app config's Google Maps key";
  return undefined;
}

export function decodeGcpApiKey(_secret: string, ctx: DecodeContext): DecodedScope | undefined {
  const what = shippedIn(ctx);
  if (!what) return undefined;
  return {
    public: true,
    privilege: 'public',
    facts: { shippedInApp: true },
    evidence: [
      `in ${what}, which is compiled into the app and ships to every install: a client key ` +
        'that Google documents as safe to embed; make sure it has API and application restrictions',
    ],
  };
}
