// Registry of offline decoders, referenced by name from a detector's `decoder` field.

import type { Decoder } from './types.js';
import { decodeJwtScope } from './jwt-scope.js';
import { decodePypiMacaroon } from './pypi-macaroon.js';
import { decodeAzureSas } from './azure-sas.js';
import { decodeGitlabRoutable } from './gitlab-routable.js';
import { decodeSentryOrg } from './sentry-org.js';
import { decodeGrafanaCloud } from './grafana-cloud.js';
import { decodeFlyioMacaroon } from './flyio-macaroon.js';
import { decodeDopplerService } from './doppler-service.js';
import { decodeAwsKeyId } from './aws-key-id.js';
import { decodeGcpServiceAccount } from './gcp-service-account.js';
import { decodeDbUri } from './db-uri.js';
import { decodeGithubInstallationJwt } from './github-installation-jwt.js';
import { decodePrivateKey } from './private-key.js';

export const decoders = {
  jwt: decodeJwtScope,
  'pypi-macaroon': decodePypiMacaroon,
  'azure-sas': decodeAzureSas,
  'gitlab-routable': decodeGitlabRoutable,
  'sentry-org': decodeSentryOrg,
  'grafana-cloud': decodeGrafanaCloud,
  'flyio-macaroon': decodeFlyioMacaroon,
  'doppler-service': decodeDopplerService,
  'aws-key-id': decodeAwsKeyId,
  'gcp-service-account': decodeGcpServiceAccount,
  'db-uri': decodeDbUri,
  'github-installation-jwt': decodeGithubInstallationJwt,
  'private-key': decodePrivateKey,
} satisfies Record<string, Decoder>;

export type DecoderName = keyof typeof decoders;

export function isDecoderName(name: string): name is DecoderName {
  return Object.hasOwn(decoders, name);
}
