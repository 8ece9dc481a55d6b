// Two-part credentials: the secret half is attributed to its provider from its sibling.

import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildDetectorSet } from '../../src/detect/compile.js';
import { detectInText } from '../../src/detect/engine.js';
import { pairSiblings } from '../../src/detect/pairing.js';
import { builtinDetectorSources, loadDetectorFiles } from '../../src/catalog/load.js';
import { githubPat, githubPatBadChecksum, keyHex, randomAlnum } from '../helpers/tokens.js';

const set = buildDetectorSet(loadDetectorFiles(builtinDetectorSources()).files.map((f) => f.file));

function ids(text: string, path: string): string[] {
  return pairSiblings(text, path, detectInText(text, path, set), set).map((m) => m.detector.id);
}

describe('pairSiblings', () => {
  it('a 32-hex auth_token beside an AC… SID is a Twilio auth token, with the SID kept for --verify', () => {
    const text = 'account_sid: AC0f3e1d2c4b5a69788796a5b4c3d2e1f0\nauth_token: 7d1c0e9a4b8f2c6e3a5d9b0f1e7c4a2d\n';
    const matches = pairSiblings(text, 'twilio.yml', detectInText(text, 'twilio.yml', set), set);
    expect(matches.map((m) => m.detector.id)).toEqual(['twilio.auth-token']);
    expect(matches[0]!.groups['sid']?.startsWith('AC')).toBe(true);
  });

  it('without the SID the same token stays a generic secret', () => {
    expect(ids('auth_token: 7d1c0e9a4b8f2c6e3a5d9b0f1e7c4a2d\n', 'twilio.yml')).toEqual(['generic.secret']);
  });

  it('an AWS secret under a plain `secret` name, with the key id a few lines away', () => {
    // (Right on the next line, aws.secret-access-key-next-line reads the pair by itself.)
    const text =
      '[default]\naws_access_key_id = AKIAQ3EGRTNKZ7XWPL4M\nregion = eu-west-1\nsecret = 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\n';
    expect(ids(text, 'creds.ini')).toEqual(['aws.access-key-id', 'aws.secret-access-key']);
  });

  it('an Algolia admin key beside an application id, an Azure secret beside client and tenant ids', () => {
    expect(ids('ALGOLIA_APP_ID=QX7RT2MK9V\nADMIN_KEY=8f3a1c9e7b2d4f6a0c5e9b1d3f7a2c4e\n', 'search.env')).toEqual([
      'algolia.admin-api-key',
    ]);
    const azure =
      'TENANT_ID=3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c\nCLIENT_ID=7c6b5a49-3827-4160-9f8e-7d6c5b4a3928\nCLIENT_SECRET=Qm8~Zt2xLp0Vc7Nb3Kw9Rs4yTq6Hd1Jf5Ga\n';
    expect(ids(azure, 'app.env')).toEqual(['azure.client-secret']);
  });

  it('a Twilio API key secret beside its SK… key SID is a Twilio API key, with the SID kept', () => {
    const text = 'API_KEY_SID=SK3c9e1f7a2b4d6e8f0a1c3e5b7d9f2a4c\nAPI_KEY_SECRET=Qm7vTz2Lp9xWc4Rk8Nb3Hy6Jd1Fs5Ga0\n';
    const matches = pairSiblings(text, 'app.env', detectInText(text, 'app.env', set), set);
    const secretHalf = matches.find((m) => m.start === text.indexOf('=', text.indexOf('API_KEY_SECRET')) + 1);
    expect(secretHalf?.detector.id).toBe('twilio.api-key');
    expect(secretHalf?.groups['sid']?.startsWith('SK')).toBe(true);
  });

  it('without the SK… SID, or with a hex value, the Twilio API key rule does not apply', () => {
    expect(ids('API_KEY_SECRET=Qm7vTz2Lp9xWc4Rk8Nb3Hy6Jd1Fs5Ga0\n', 'app.env')).toEqual(['generic.secret']);
    const hex = 'API_KEY_SID=SK3c9e1f7a2b4d6e8f0a1c3e5b7d9f2a4c\nAPI_KEY_SECRET=7d1c0e9a4b8f2c6e3a5d9b0f1e7c4a2d\n';
    expect(ids(hex, 'app.env')).not.toContain('twilio.api-key');
  });

  it('a 27-character secret beside a 15-digit API key and a cloud name is a Cloudinary API secret', () => {
    const text = 'cloud_name: acme-media\napi_key: "774531874279144"\napi_secret: "ylQGXwsF01MGoGBnnKh-17onIz4"\n';
    expect(ids(text, 'config/media.yml')).toContain('cloudinary.api-secret');
    // Without the cloud name the key and secret could be anyone's.
    const bare = 'api_key: "774531874279144"\napi_secret: "ylQGXwsF01MGoGBnnKh-17onIz4"\n';
    expect(ids(bare, 'config/media.yml')).not.toContain('cloudinary.api-secret');
  });

  it("an indexer's writeKey beside its appId in a file that names Algolia is Algolia's, not Segment's", () => {
    const key = keyHex(16);
    const config = `const algoliasearch = require('algoliasearch');\n\nmodule.exports = {\n  appId: 'QX7RT2MK9V',\n  writeKey: '${key}',\n};\n`;
    const matches = pairSiblings(config, 'search.config.js', detectInText(config, 'search.config.js', set), set);
    expect(matches.map((m) => m.detector.id)).toEqual(['algolia.admin-api-key']);
    expect(matches[0]!.groups['appId']).toBe('QX7RT2MK9V');
    // Without Algolia named, or with the app id far from the key, Segment's reading stands.
    expect(ids(`analytics = {\n  appId: 'QX7RT2MK9V',\n  writeKey: '${key}',\n}\n`, 'track.js')).toEqual([
      'segment.write-key',
    ]);
    const far = `// algolia\nappId: 'QX7RT2MK9V',\n${'\n'.repeat(12)}writeKey: '${key}',\n`;
    expect(ids(far, 'track.js')).toEqual(['segment.write-key']);
    // A plain apiKey there is Algolia's too, its rights unknown; without Algolia named it stays generic.
    const api = `import algoliasearch from 'algoliasearch';\nexport const cfg = {\n  appId: 'QX7RT2MK9V',\n  apiKey: '${key}',\n};\n`;
    expect(ids(api, 'search.js')).toEqual(['algolia.api-key']);
    expect(
      ids(api.replace('algoliasearch', 'meilisearch').replace('algoliasearch', 'meilisearch'), 'search.js'),
    ).toEqual(['generic.secret']);
  });

  it('a Datadog api_key/app_key pair next to the datadoghq site they are for is Datadog, not generic', () => {
    const api = keyHex(16);
    const app = keyHex(20);
    const text = `METRICS = {\n    "api_key": "${api}",\n    "app_key": "${app}",\n    "site": "datadoghq.eu",\n}\n`;
    expect(ids(text, 'etl/sources.py')).toEqual(['datadog.api-key', 'datadog.application-key']);
    const elsewhere = `METRICS = {\n    "api_key": "${api}",\n    "app_key": "${app}",\n    "site": "metrics.example.net",\n}\n`;
    expect(ids(elsewhere, 'etl/sources.py')).toEqual(['generic.secret', 'generic.secret']);
  });

  it('a secret whose name or shape does not fit keeps its generic attribution', () => {
    const text = 'account_sid: AC0f3e1d2c4b5a69788796a5b4c3d2e1f0\napi_secret: Zq8rT2mK9vL4xW7pN3yH6bJ1\n';
    expect(ids(text, 'twilio.yml')).toEqual(['generic.secret']);
  });
});

describe('credential-store slots holding a provider token', () => {
  it('a GitHub PAT as the password of a .git-credentials line is a GitHub PAT, host and user kept', () => {
    const text = `https://ci-bot:${githubPat()}@github.com\nhttps://deploy:Nv7qLm3Zx1Rw@git.acmecorp.io\n`;
    const matches = pairSiblings(text, '.git-credentials', detectInText(text, '.git-credentials', set), set);
    expect(matches.map((m) => m.detector.id)).toEqual(['github.classic-pat', 'generic.git-credentials']);
    expect(matches[0]!.groups['host']).toBe('github.com');
    expect(matches[0]!.checksum).toBe('valid');
  });

  it('a Heroku key as a .netrc password is a Heroku API key', () => {
    const text = `machine api.heroku.com\n  login ops@acmecorp.io\n  password HRKU-AA${randomAlnum(58)}\n`;
    expect(ids(text, '.netrc')).toEqual(['heroku.api-key']);
  });

  it("a legacy Heroku key (a UUID) in a multi-line api.heroku.com entry is Heroku's, read from the entry", () => {
    const text = `machine files.acmecorp.io login deploy password Vt8qLm3Zx1Rw\nmachine api.heroku.com\n  login ops@acmecorp.io\n  password 2406bdd8-a704-4ece-aa37-d35eca2feb4a\n`;
    expect(ids(text, '.netrc')).toEqual(['generic.netrc-password', 'heroku.netrc-api-key']);
    const other = 'machine api.acmecorp.io\n  login ops\n  password 2406bdd8-a704-4ece-aa37-d35eca2feb4a\n';
    expect(ids(other, '.netrc')).toEqual(['generic.netrc-password']);
  });

  it('a token whose checksum fails keeps that verdict under its provider', () => {
    const text = `https://ci-bot:${githubPatBadChecksum()}@github.com\n`;
    const matches = pairSiblings(text, '.git-credentials', detectInText(text, '.git-credentials', set), set);
    expect(matches.map((m) => [m.detector.id, m.checksum])).toEqual([['github.classic-pat', 'invalid']]);
  });

  it('an ordinary password in the slot stays a store password', () => {
    expect(ids('machine files.acmecorp.io login deploy password Vt8qLm3Zx1Rw\n', '.netrc')).toEqual([
      'generic.netrc-password',
    ]);
  });
});

describe('a setting attributed from its enclosing block or line', () => {
  it('api_key and app_key inside a Terraform datadog provider block are Datadog keys', () => {
    const text =
      'provider "aws" {\n  region = "eu-west-1"\n}\n\nprovider "datadog" {\n  api_key = "0f580c9b1cd3ce58857075056c5ba1a2"\n  app_key = "6de298c1c44cf374d4f88c26e6ff51d95b9022d6"\n}\n';
    expect(ids(text, 'infra/main.tf')).toEqual(['datadog.api-key', 'datadog.application-key']);
  });

  it('a YAML section, an INI section and a constructor on the same line name the vendor too', () => {
    expect(
      ids('monitoring:\n  cloudflare:\n    api_token: "qnNwqTE4_27c8klizafUeInH182RUYLwyDc0xqkc"\n', 'config/app.yml'),
    ).toEqual(['cloudflare.api-token-legacy']);
    expect(ids(`[linode]\ntoken = ${randomBytes(32).toString('hex')}\n`, 'tool.ini')).toEqual([
      'linode.personal-access-token',
    ]);
    expect(
      ids('var cfg = datadog.Config{APIKey: "42093e53400511caa7c66086c453e244", Site: "datadoghq.eu"}\n', 'clients.go'),
    ).toEqual(['datadog.api-key']);
  });

  it('a block that names another vendor, or a shape that does not fit, keeps the generic attribution', () => {
    const other =
      'provider "aws" {\n  api_key = "0f580c9b1cd3ce58857075056c5ba1a2"\n}\n# datadog dashboards are elsewhere\n';
    expect(ids(other, 'infra/main.tf')).toEqual(['generic.secret']);
    const closed =
      'provider "datadog" {\n  site = "datadoghq.eu"\n}\nsecret_key = "0f580c9b1cd3ce58857075056c5ba1a2"\n';
    expect(ids(closed, 'infra/main.tf')).toEqual(['generic.secret']);
    const shape = 'provider "datadog" {\n  api_key = "Qm7vTz2Lp9xWc4Rk8Nb3Hy6Jd1Fs5Ga0"\n}\n';
    expect(ids(shape, 'infra/main.tf')).not.toContain('datadog.api-key');
  });
});
