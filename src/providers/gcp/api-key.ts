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

/**
 * Android's Maps SDK setup keeps the key in local.properties (or secrets.properties) for the
 * Secrets Gradle Plugin, which writes it into the app's manifest.
 */
const GRADLE_SECRETS = /(?:^|\/)(?:local|secrets)\.properties$/;
/** A variable a front-end build inlines into the bundle it ships to browsers. */
const BROWSER_VARIABLE = /^(?:NEXT_PUBLIC_|REACT_APP_|VITE_|EXPO_PUBLIC_|NUXT_PUBLIC_|GATSBY_|PUBLIC_)/;

function shippedIn(ctx: DecodeContext): string | undefined {
  const shipped = SHIPPED_IN_APP.find((s) => s.test.test(ctx.path));
  if (shipped) return shipped.what;
  const name = ctx.keyName;
  if (name === undefined) return undefined;
  if (EXPO_APP_CONFIG.test(ctx.path) && MAPS_KEY_NAME.test(name)) return "an Expo app config's Google Maps key";
  if (GRADLE_SECRETS.test(ctx.path) && MAPS_KEY_NAME.test(name))
    return "the Maps SDK key the Secrets Gradle Plugin writes into the app's manifest";
  // Firebase's web and app configuration keys identify the project; Google documents them as
  // not secret (access is governed by Security Rules and App Check).
  if (/firebase/i.test(name)) return "a Firebase configuration's API key";
  if (BROWSER_VARIABLE.test(name))
    return `${name.replace(/_.*/, '_')}… variable, which the front-end build inlines into the bundle`;
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
