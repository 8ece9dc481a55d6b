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

export function decodeGcpApiKey(_secret: string, ctx: DecodeContext): DecodedScope | undefined {
  const shipped = SHIPPED_IN_APP.find((s) => s.test.test(ctx.path));
  if (!shipped) return undefined;
  return {
    public: true,
    privilege: 'public',
    facts: { shippedInApp: true },
    evidence: [
      `in ${shipped.what}, which is compiled into the app and ships to every install: a client key ` +
        'that Google documents as safe to embed; make sure it has API and application restrictions',
    ],
  };
}
