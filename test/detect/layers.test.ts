import { describe, expect, it } from 'vitest';
import { buildDetectorSet } from '../../src/detect/compile.js';
import { detectInText } from '../../src/detect/engine.js';
import { decodeBase64Run, decodeHtmlEntities, decodeJsonEscapes, decodePercent } from '../../src/detect/layers.js';
import { builtinDetectorSources, loadDetectorFiles } from '../../src/catalog/load.js';
import { githubPat, randomAlnum } from '../helpers/tokens.js';

const set = buildDetectorSet(loadDetectorFiles(builtinDetectorSources()).files.map((f) => f.file));

/** Generated at run time so no live-looking key is committed. */
function stripeLiveKey(): string {
  return ['sk', 'live', randomAlnum(24)].join('_');
}

function b64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

/**
 * Each case (path, text) yields exactly one match: `id`, found through `encoding`, holding `secret`
 * (compared as a boolean), starting at `start(text)` when given.
 */
function expectOneLayered(
  cases: ReadonlyArray<readonly [string, string]>,
  id: string,
  encoding: string,
  secret: string,
  start?: (text: string) => number,
): void {
  for (const [path, text] of cases) {
    const matches = detectInText(text, path, set);
    expect(
      matches.map((m) => [m.detector.id, m.encoding]),
      path,
    ).toEqual([[id, [encoding]]]);
    expect(matches[0]!.secret === secret, path).toBe(true);
    if (start) expect(matches[0]!.start, path).toBe(start(text));
  }
}

describe('layer decoders', () => {
  it('JSON escapes map every decoded character back to its escape', () => {
    const text = 'x "a\\nb\\u0041\\/c" y';
    const layer = decodeJsonEscapes(text, 0, text.length)!;
    expect(layer.text).toBe('x "a\nbA/c" y');
    expect(text.slice(layer.map[layer.text.indexOf('A')]!, layer.map[layer.text.indexOf('A')]! + 6)).toBe('\\u0041');
    expect(decodeJsonEscapes('no escapes', 0, 10)).toBeUndefined();
  });

  it('percent-encoding and HTML entities decode ASCII only', () => {
    expect(decodePercent('a%3Ab%40c%E2%82', 0, 15)!.text).toBe('a:b@c%E2%82');
    expect(decodeHtmlEntities('&quot;k&#58;v&#x2F;&amp;&eacute;', 0, 32)!.text).toBe('"k:v/&&eacute;');
  });

  it('base64 decodes only to text: binary, short and malformed runs are turned away', () => {
    const run = b64('DB_PASSWORD=Qm2xLp0Vc7\n');
    expect(decodeBase64Run(run, 0, run.length)!.text).toBe('DB_PASSWORD=Qm2xLp0Vc7\n');
    const binary = Buffer.from(Array.from({ length: 48 }, (_, i) => (i * 37) % 256)).toString('base64');
    expect(decodeBase64Run(binary, 0, binary.length)).toBeUndefined();
    expect(decodeBase64Run('c2VjcmV0', 0, 8)).toBeUndefined();
    expect(decodeBase64Run('abc$defghijklmnopqrstu', 0, 22)).toBeUndefined();
  });

  it('a 10 MB base64 run is decoded only up to the run cap', () => {
    const big = b64('A'.repeat(8 * 1024 * 1024));
    const layer = decodeBase64Run(big, 0, big.length);
    expect(layer !== undefined && layer.text.length <= 800 * 1024).toBe(true);
  });
});

describe('detection through encoded layers', () => {
  it('a Stripe live key base64-encoded in a Kubernetes Secret is found as a Stripe key at the outer offset', () => {
    const key = stripeLiveKey();
    const value = b64(key);
    const text = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: payments\ndata:\n  stripe-key: ${value}\n`;
    const matches = detectInText(text, 'deploy/secret.yaml', set);
    expect(matches.map((m) => [m.detector.id, m.encoding])).toEqual([['stripe.secret-key-live', ['base64']]]);
    expect(matches[0]!.secret === key).toBe(true);
    expect(matches[0]!.start).toBe(text.indexOf(value));
  });

  it('a provider token split into joined literals is read whole, in Java, Python and Lua syntax', () => {
    const key = stripeLiveKey();
    const [head, tail] = [key.slice(0, 18), key.slice(18)];
    expectOneLayered(
      [
        ['src/Payments.java', `static final String KEY = "${head}" + "${tail}";\n`],
        ['app/ai.py', `client = Client(api_key=(\n    "${head}"\n    "${tail}"\n))\n`],
        ['gateway/pay.lua', `local KEY = '${head}' .. '${tail}'\n`],
      ] as const,
      'stripe.secret-key-live',
      'concatenation',
      key,
      (text) => text.indexOf(head),
    );
  });

  it('a value joined by a join call or a line continuation is read whole', () => {
    const key = stripeLiveKey();
    const [head, mid, tail] = [key.slice(0, 8), key.slice(8, 20), key.slice(20)];
    expectOneLayered(
      [
        ['tools/release/main.go', `var apiKey = strings.Join([]string{"${head}", "${mid}", "${tail}"}, "")\n`],
        ['web/src/keys.js', `export const STRIPE = ['${head}', '${mid}', '${tail}'].join('');\n`],
        ['Services/Billing.cs', `static readonly string ApiKey = string.Concat("${head}", "${mid}", "${tail}");\n`],
        ['src/Keys.java', `static final String KEY = String.join("", "${head}", "${mid}", "${tail}");\n`],
        ['app/settings.py', `STRIPE_KEY = "${head}${mid}" \\\n    "${tail}"\n`],
        ['firmware/secrets.h', `#define PAY_KEY "${head}${mid}" \\\n                "${tail}"\n`],
      ] as const,
      'stripe.secret-key-live',
      'concatenation',
      key,
    );
  });

  it('a password under a credential name is read whole from joined literals, and a list joined with a separator is not', () => {
    const password = `Rv${randomAlnum(6)}*${randomAlnum(6)}`;
    const [a, b] = [password.slice(0, 5), password.slice(5)];
    for (const [path, text] of [
      ['src/Ledger.java', `    static final String KEYSTORE_PASS = String.join("", "${a}", "${b}");\n`],
      ['notify/config.py', `DB_PASSWORD = ("${a}"\n               "${b}")\n`],
    ] as const) {
      const matches = detectInText(text, path, set);
      expect(
        matches.map((m) => m.encoding),
        path,
      ).toEqual([['concatenation']]);
      expect(matches[0]!.secret === password, path).toBe(true);
    }
    expect(detectInText(`var tokenPath = strings.Join([]string{"${a}", "${b}"}, "/")\n`, 'main.go', set)).toEqual([]);
  });

  it('a hex literal given to a decoder is read decoded, or as the key it is', () => {
    const token = githubPat();
    const hex = Buffer.from(token).toString('hex');
    expectOneLayered(
      [
        ['reports/vault.py', `GH_TOKEN = bytes.fromhex("${hex}").decode()\n`],
        ['server/obf.js', `const t = Buffer.from('${hex}', 'hex').toString('utf8');\n`],
        ['internal/keys.go', `var ghToken, _ = hex.DecodeString("${hex}")\n`],
      ] as const,
      'github.classic-pat',
      'hex',
      token,
      (text) => text.indexOf(hex),
    );
    const raw = Buffer.from(Array.from({ length: 32 }, (_, i) => (i * 73 + 11) % 256)).toString('hex');
    const keyed = detectInText(`var hmacKey, _ = hex.DecodeString("${raw}")\n`, 'internal/crypto/keys.go', set);
    expect(keyed.map((m) => [m.detector.id, m.encoding])).toEqual([['generic.secret', ['hex']]]);
    // A digest compared with a decoded value is no secret.
    expect(detectInText(`digest = bytes.fromhex("${raw}")\n`, 'verify.py', set)).toEqual([]);
  });

  it('a CSV table is read by column: a password manager export and JSON inside a cell', () => {
    const password = `Cb${randomAlnum(6)}"${randomAlnum(6)}`;
    const inCell = `Nm${randomAlnum(8)}#${randomAlnum(4)}`;
    const csv = [
      'url,username,password,totp,extra,name,grouping,fav',
      `https://grafana.acme-corp.io,admin,"${password.replace(/"/g, '""')}",,,Grafana admin,Ops,0`,
      'https://wiki.acme-corp.io,ops,,,,Wiki,Ops,0',
    ].join('\n');
    const matches = detectInText(`${csv}\n`, 'ops/migration/password-export.csv', set);
    expect(matches.map((m) => [m.detector.id, m.encoding])).toEqual([['generic.password', ['csv']]]);
    expect(matches[0]!.secret === password).toBe(true);
    expect(matches[0]!.start).toBe(csv.indexOf(password.slice(0, 4)));
    const cell = `1,warehouse,"{""host"":""pg.acme-corp.io"",""password"":""${inCell}""}"\n`;
    const found = detectInText(`id,name,config\n${cell}`, 'data/connections.csv', set);
    expect(found.map((m) => m.encoding)).toEqual([['csv']]);
    expect(found[0]!.secret === inCell).toBe(true);
    // Columns that name no credential are not read as values.
    expect(detectInText(`name,sha256\napp,${'ab12'.repeat(16)}\n`, 'checksums.csv', set)).toEqual([]);
  });

  it('a prefix joined to a variable is not a split value', () => {
    expect(detectInText('const key = "sk_live_" + process.env.STRIPE_SUFFIX;\n', 'src/a.ts', set)).toEqual([]);
  });

  it("a Secret's data value is read decoded, never as base64 text: a stand-in decodes to nothing", () => {
    const text = `kind: Secret\ndata:\n  SMTP_PASSWORD: ${b64('changeme')}\n`;
    expect(detectInText(text, 'deploy/secret.yaml', set).map((m) => m.detector.id)).toEqual([]);
  });

  it('values under a SealedSecret encryptedData block are ciphertext, whatever their length', () => {
    const cipher = `Ag${randomAlnum(40)}+${randomAlnum(30)}/${randomAlnum(40)}==`;
    const yaml = `apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nspec:\n  encryptedData:\n    GITHUB_TOKEN: ${cipher}\n  template:\n    metadata:\n      name: ci\n`;
    expect(detectInText(yaml, 'k8s/sealed.yaml', set)).toEqual([]);
    const json = `{"kind": "SealedSecret", "spec": {"encryptedData": {"API_TOKEN": "${cipher}"}}}\n`;
    expect(detectInText(json, 'k8s/sealed.json', set)).toEqual([]);
    // The same value in a plain manifest is a secret.
    expect(detectInText(`env:\n  GITHUB_TOKEN: ${cipher}\n`, 'k8s/app.yaml', set).length).toBe(1);
  });

  it('a base64-wrapped env file yields each of its secrets, at distinct places in the run', () => {
    const token = githubPat();
    const text = `kind: Secret\ndata:\n  app.env: ${b64(`GITHUB_TOKEN=${token}\nSTRIPE_KEY=${stripeLiveKey()}\n`)}\n`;
    const matches = detectInText(text, 'k8s/app.yaml', set);
    expect(matches.map((m) => m.detector.id).sort()).toEqual(['github.classic-pat', 'stripe.secret-key-live']);
    expect(new Set(matches.map((m) => m.start)).size).toBe(2);
    expect(matches.find((m) => m.detector.id === 'github.classic-pat')!.secret === token).toBe(true);
  });

  it('a token behind Authorization: Basic is attributed to its provider', () => {
    const token = githubPat();
    const text = `curl -H "Authorization: Basic ${b64(`x-access-token:${token}`)}" https://example.com/repo.git\n`;
    const matches = detectInText(text, 'ci/fetch.sh', set);
    expect(matches.map((m) => [m.detector.id, m.encoding])).toEqual([['github.classic-pat', ['base64']]]);
  });

  it('a huge encoded blob of repeats is decoded up to the cap and reports each secret once', () => {
    const password = `Pq${randomAlnum(14)}`;
    const value = b64(`DB_PASSWORD=${password}\n`.repeat(200_000));
    const matches = detectInText(`kind: Secret\ndata:\n  app.env: ${value}\n`, 'k8s/big.yaml', set);
    expect(matches.map((m) => [m.detector.id, m.encoding, m.secret === password])).toEqual([
      ['generic.password', ['base64'], true],
    ]);
  });

  it('values named as base64, and values piped into base64 -d, are decoded', () => {
    const token = githubPat();
    const named = detectInText(`DEPLOY_ENV_B64=${b64(`GITHUB_TOKEN=${token}\n`)}\n`, 'ci/vars.env', set);
    expect(named.map((m) => [m.detector.id, m.encoding])).toEqual([['github.classic-pat', ['base64']]]);
    const piped = detectInText(
      `echo "${b64(`machine github.com login ci password ${token}`)}" | base64 -d > ~/.netrc\n`,
      'ci/setup.sh',
      set,
    );
    expect(piped.map((m) => [m.detector.id, m.encoding])).toEqual([['github.classic-pat', ['base64']]]);
  });

  it('depth 2: JSON with escaped quotes inside base64', () => {
    const password = `Qz${randomAlnum(14)}`;
    const inner = JSON.stringify({ config: JSON.stringify({ password }) });
    const text = `kind: Secret\ndata:\n  settings.json: ${b64(inner)}\n`;
    const matches = detectInText(text, 'k8s/cfg.yaml', set);
    expect(matches.map((m) => [m.detector.id, m.encoding])).toEqual([['generic.password', ['base64', 'json-escape']]]);
    expect(matches[0]!.secret === password).toBe(true);
  });

  it('the same secret found raw and decoded is one match', () => {
    const token = githubPat();
    const text = `{"env": "GITHUB_TOKEN=${token}\\nOTHER=1", "url": "https:\\/\\/example.com\\/x"}\n`;
    const matches = detectInText(text, 'ci/env.json', set);
    expect(matches.map((m) => [m.detector.id, m.encoding])).toEqual([['github.classic-pat', undefined]]);
  });

  it('percent-encoded and entity-encoded URLs give up their credentials', () => {
    const password = `Rv${randomAlnum(14)}`;
    const percent = detectInText(
      `next=https%3A%2F%2Fdeploy%3A${password}%40git.internal.example.org%2Frepo\n`,
      'logs/access.log',
      set,
    );
    expect(percent.map((m) => [m.detector.id, m.encoding, m.secret === password])).toEqual([
      ['generic.url-credentials', ['percent'], true],
    ]);
    const html = detectInText(
      `<a href="https&#58;//admin:${password}@db.internal.example.org/">db</a>\n`,
      'docs/db.html',
      set,
    );
    expect(html.map((m) => [m.detector.id, m.encoding, m.secret === password])).toEqual([
      ['generic.url-credentials', ['html-entity'], true],
    ]);
  });

  it('`\\n` inside a JSON string ends a line: code in a source map is not read as one long value', () => {
    // Each of these lines, read raw, ran on across `\n` and was taken for a value.
    const source = [
      'export function connect(opts) {',
      '  let secret = options.secret',
      '  apiKey = config.apiKey',
      '  const token = req.headers.authorization',
      '  this.password = opts.password',
      '  password = self._password',
      '  self.password = password',
      '}',
    ].join('\n');
    const map = JSON.stringify({ version: 3, sources: ['a.ts'], sourcesContent: [source], mappings: 'AAAA' });
    expect(detectInText(map, 'dist/a.js.map', set)).toEqual([]);
    const sarifLike = JSON.stringify({
      markdown: 'set allowSharedKeyAccess=false\n\n**Remediation.** Rotate the key.',
    });
    expect(detectInText(sarifLike, 'report.sarif', set)).toEqual([]);
  });

  it('a hardcoded password in inlined sources is still found, decoded', () => {
    const password = `Wq${randomAlnum(14)}`;
    const source = `export function connect() {\n  const password = "${password}";\n  return login(password);\n}\n`;
    const map = JSON.stringify({ version: 3, sourcesContent: [source] });
    const matches = detectInText(map, 'dist/a.js.map', set);
    expect(matches.map((m) => [m.detector.id, m.encoding, m.secret === password])).toEqual([
      ['generic.password', ['json-escape'], true],
    ]);
  });

  it('a base64 env file under a key no trigger names, in a config file, is decoded', () => {
    const token = githubPat();
    const value = b64(`NODE_ENV=production\nGITHUB_TOKEN=${token}\nLOG_LEVEL=info\n`);
    const text = `app:\n  replicas: 2\n  envFile: ${value}\n`;
    const matches = detectInText(text, 'charts/app/values.yaml', set);
    expect(matches.map((m) => [m.detector.id, m.encoding])).toEqual([['github.classic-pat', ['base64']]]);
    expect(matches[0]!.secret === token).toBe(true);
    expect(matches[0]!.start).toBeGreaterThanOrEqual(text.indexOf(value));
    // The same line in code is not a configuration value: only triggers open layers there.
    expect(detectInText(text, 'src/values.ts', set)).toEqual([]);
  });

  it('a base64 shell script or cloud-config (Terraform user_data) is decoded wherever it is', () => {
    const key = stripeLiveKey();
    const script = b64(`#!/bin/bash\nset -e\nexport STRIPE_KEY=${key}\n/opt/app/bin/start\n`);
    const cloudConfig = b64(`#cloud-config\nwrite_files:\n  - path: /etc/app.env\n    content: STRIPE_KEY=${key}\n`);
    for (const [value, path] of [
      [script, 'modules/app/launch-template.tf'],
      [cloudConfig, 'scripts/provision.py'],
    ] as const) {
      const text = `user_data = "${value}"\n`;
      const matches = detectInText(text, path, set);
      expect(matches.map((m) => m.detector.id)).toEqual(['stripe.secret-key-live']);
      expect(matches[0]!.secret === key).toBe(true);
    }
  });

  it('long base64 values in config files that do not decode to text add nothing', () => {
    const binary = Buffer.from(Array.from({ length: 96 }, (_, i) => (i * 73 + 11) % 256)).toString('base64');
    const prose = b64('This chart deploys the assistant service with its default settings.');
    const text = `ciphertext: ${binary}\ndescription: ${prose}\n`;
    expect(detectInText(text, 'deploy/sealed.yaml', set)).toEqual([]);
  });

  it('ordinary base64 (hashes, images, identifiers) adds nothing', () => {
    const text = [
      '"integrity": "sha512-' +
        Buffer.from(Array.from({ length: 64 }, (_, i) => (i * 91) % 256)).toString('base64') +
        '"',
      'const img = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";',
      `const encoded = Buffer.from(name).toString('base64');`,
    ].join('\n');
    expect(detectInText(text, 'src/a.ts', set)).toEqual([]);
  });
});

describe('continued lines of a .properties file', () => {
  it('reads a value continued over lines as one value, at its first line', () => {
    const pat = githubPat();
    const password = `Qv${randomAlnum(8)}#7${randomAlnum(6)}`;
    const text = [
      '# mirror settings',
      'git.mirror.token = \\',
      `  ${pat.slice(0, 20)}\\`,
      `  ${pat.slice(20)}`,
      `db.password=${password.slice(0, 6)}\\`,
      `    ${password.slice(6)}`,
      'report.header=Ledger report \\\\',
      'report.footer=done',
      '',
    ].join('\n');
    const matches = detectInText(text, 'src/main/resources/app.properties', set);
    expect(matches.map((m) => m.detector.id)).toEqual(['github.classic-pat', 'generic.password']);
    expect(matches[0]!.secret === pat && matches[1]!.secret === password).toBe(true);
    expect(matches[0]!.encoding).toBeUndefined();
    expect(text.slice(0, matches[1]!.start).split('\n').length).toBe(5);
    // The same text in a file of another syntax is not joined.
    expect(detectInText(text, 'notes/app.txt', set).some((m) => m.secret === pat)).toBe(false);
  });
});

describe('exports that encode every value', () => {
  it("decodes LDIF's base64 values (folded lines too) and reads them under their attribute", () => {
    const password = `Qv${randomAlnum(8)}#7${randomAlnum(6)}`;
    const encoded = b64(password);
    const text = [
      'dn: uid=svc-backup,ou=people,dc=corp,dc=example',
      'objectClass: inetOrgPerson',
      `userPassword:: ${encoded.slice(0, 10)}`,
      ` ${encoded.slice(10)}`,
      'dn: olcDatabase={1}mdb,cn=config',
      `olcRootPW:: ${b64(password.split('').reverse().join(''))}`,
      '',
    ].join('\n');
    const matches = detectInText(text, 'ops/ldap/export.ldif', set).filter((m) => m.detector.id === 'generic.password');
    expect(matches.map((m) => text.slice(0, m.start).split('\n').length)).toEqual([3, 6]);
    expect(matches[0]!.secret === password && matches.every((m) => m.encoding?.[0] === 'base64')).toBe(true);
    // A hashed userPassword, base64 in LDIF too, is no password.
    const hashed = `userPassword:: ${b64('{SSHA}ZAAfGRp53aeS8StljQxt/9geLuEghJ22')}\n`;
    expect(detectInText(hashed, 'ops/ldap/export.ldif', set)).toEqual([]);
  });

  it("reads consul kv export's and etcd's base64 values under their keys, and an etcd key as no secret", () => {
    const password = `Qv${randomAlnum(8)}#7${randomAlnum(6)}`;
    const consul = `[\n  { "key": "app/db/password", "flags": 0, "value": "${b64(password)}" }\n]\n`;
    const found = detectInText(consul, 'ops/consul/kv-export.json', set);
    expect(found.map((m) => [m.detector.id, m.secret === password, m.encoding?.[0]])).toEqual([
      ['generic.password', true, 'base64'],
    ]);
    const etcd = JSON.stringify({
      header: { cluster_id: 1 },
      kvs: [
        { key: b64('/config/db/password'), create_revision: 5, value: b64(password) },
        { key: b64('/config/feature-flags'), create_revision: 6, value: b64('{"beta":true,"dark":false}') },
      ],
    });
    const etcdFound = detectInText(etcd, 'ops/etcd/get-prefix.json', set);
    expect(etcdFound.map((m) => [m.detector.id, m.secret === password])).toEqual([['generic.password', true]]);
  });

  it('finds a CSV header below a title line', () => {
    const password = `Qv${randomAlnum(8)}#7${randomAlnum(6)}`;
    const text = `# exported from "credentials.xlsx"\nvendor,login,password\nGlobex,ap@example.net,${password}\n`;
    const matches = detectInText(text, 'shared/finance/vendor-credentials.csv', set);
    expect(matches.some((m) => m.secret === password)).toBe(true);
  });
});

describe('mail and Markdown', () => {
  it('joins quoted-printable soft line breaks and decodes =3D', () => {
    const key = stripeLiveKey();
    const text = [
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      `The new key is ${key.slice(0, 20)}=`,
      `${key.slice(20)} and the old one is revoked.`,
      `STRIPE_SECRET_KEY=3D${key}`,
      '',
    ].join('\n');
    const matches = detectInText(text, 'ops/mail/followup.eml', set).filter((m) => m.detector.id.startsWith('stripe.'));
    expect(matches.map((m) => [text.slice(0, m.start).split('\n').length, m.secret === key])).toEqual([
      [4, true],
      [6, true],
    ]);
    expect(matches[0]!.encoding).toEqual(['quoted-printable']);
  });

  it('reads a Markdown table by column under a credential header', () => {
    const password = `Qv${randomAlnum(8)}#7${randomAlnum(6)}`;
    const text = [
      '# Hand-over',
      '',
      '| Service | User | Secret |',
      '| --- | --- | --- |',
      `| Grafana | admin | ${password} |`,
      '| Wiki | ops | see Vault |',
      '',
    ].join('\n');
    const matches = detectInText(text, 'docs/handover/credentials.md', set);
    expect(matches.map((m) => [m.secret === password, text.slice(0, m.start).split('\n').length])).toEqual([[true, 5]]);
    expect(matches[0]!.encoding).toEqual(['markdown-table']);
  });

  it('reads an HTML table whose rows and cells are left open, as HTML allows, and a page of thousands of them', () => {
    const password = `Qv${randomAlnum(8)}#7${randomAlnum(6)}`;
    const text = `<table><tr><th>User<th>Password\n<tr><td>app<td>${password}\n</table>`;
    const matches = detectInText(text, 'docs/wiki/hand-over.html', set);
    expect(matches.map((m) => [m.secret === password, m.encoding])).toEqual([[true, ['html-table']]]);
    // Rows that never close are read one by one, each up to the next: the page still scans.
    const open = `<table>${'<tr><td>Password<td>see Vault'.repeat(20000)}`;
    expect(detectInText(open, 'docs/wiki/open.html', set)).toEqual([]);
  });

  it("reads a page's text without its markup: a label and its value in separate spans", () => {
    const key = `R1${randomAlnum(30)}`;
    const text = [
      '<h2 class="c3"><span class="c5">Accounts</span></h2>',
      `<p class="c1"><span class="c0">Elections API key (results feed): </span><span class="c7">${key}</span></p>`,
      '<p class="c1"><span class="c0">Weather desk: </span><span class="c7">see the wiki</span></p>',
    ].join('\n');
    const matches = detectInText(text, 'docs/gdocs/Election-Night-Runbook.html', set);
    expect(matches.map((m) => [m.secret === key, text.slice(0, m.start).split('\n').length])).toEqual([[true, 2]]);
    expect(matches[0]!.encoding).toEqual(['html-text']);
    expect(text.slice(matches[0]!.start, matches[0]!.end)).toBe(key);
  });

  it('reads an HTML table (a wiki export) by column under a credential header, a cell wrapped in <code> too', () => {
    const password = `Qv${randomAlnum(8)}#7${randomAlnum(6)}`;
    const secret = randomAlnum(32);
    const text = [
      '<table class="confluenceTable">',
      '<tr><th>System</th><th>User</th><th>Secret</th></tr>',
      `<tr><td>Grafana</td><td>admin</td><td>${password}</td></tr>`,
      '<tr><td>Wiki</td><td>ops</td><td>see Vault</td></tr>',
      '</table>',
      '<table><tr><th>Notes</th><th>Owner</th></tr>',
      `<tr><td>${randomAlnum(32)}</td><td>ops</td></tr></table>`,
      `<table><tr><th>Client secret</th><td><code>${secret}</code></td></tr></table>`,
    ].join('\n');
    const matches = detectInText(text, 'docs/confluence/exports/Credentials.html', set);
    const lineOf = (m: { start: number }): number => text.slice(0, m.start).split('\n').length;
    expect(matches.map((m) => [lineOf(m), m.secret === password || m.secret === secret])).toEqual([
      [3, true],
      [8, true],
    ]);
    expect(matches[0]!.encoding).toEqual(['html-table']);
    expect(text.slice(matches[0]!.start, matches[0]!.end)).toBe(password);
  });

  it('reads a two-column table of labels and values, a value in backticks and a "Password / secret" header', () => {
    const secret = randomAlnum(24);
    const password = `Ws${randomAlnum(6)}=u${randomAlnum(3)}`;
    const text = [
      '| field | value |',
      '| --- | --- |',
      '| Account ID | `6-gBCpQx` |',
      `| Client secret | \`${secret}\` |`,
      '',
      '| System | User | Password / secret | Office |',
      '| --- | --- | --- | --- |',
      `| Sabre | 11710 | ${password} | J33E |`,
      '| Amadeus | WSWANXXX | stored in Vault | MAD1A |',
      '',
    ].join('\n');
    const matches = detectInText(text, 'docs/onboarding/gds-access.md', set);
    const lineOf = (m: { start: number }): number => text.slice(0, m.start).split('\n').length;
    expect(matches.map((m) => [lineOf(m), m.secret === secret || m.secret === password])).toEqual([
      [4, true],
      [8, true],
    ]);
  });
});

describe('SQL dumps read by column', () => {
  it('reads INSERT rows under their column list, under the CREATE TABLE above, and COPY rows', () => {
    const password = `Rv${randomAlnum(8)}!${randomAlnum(5)}`;
    const secret = randomAlnum(40);
    const apiKey = randomAlnum(32);
    const text = [
      'CREATE TABLE `oauth_clients` (',
      '  `id` bigint unsigned NOT NULL AUTO_INCREMENT,',
      '  `name` varchar(255) NOT NULL,',
      '  `secret` varchar(100) DEFAULT NULL,',
      '  PRIMARY KEY (`id`),',
      '  KEY `oauth_clients_name_index` (`name`)',
      ') ENGINE=InnoDB;',
      `INSERT INTO \`oauth_clients\` VALUES (3,'Mobile App','${secret}'),(4,'Web',NULL);`,
      `INSERT INTO users (id, login, passwd, created) VALUES (101,'jsmith','${password}','2017-01-12');`,
      "INSERT INTO users (id, login, passwd) VALUES (102,'rgarcia','$2y$10$abcdefghijklmnopqrstuuQ1ZbO5Ff7nL6yKj0dmTu3Wq8Xx2Yc1e');",
      'COPY public.api_keys (id, name, api_key) FROM stdin;',
      `1\tci\t${apiKey}`,
      '\\.',
      '',
    ].join('\n');
    const matches = detectInText(text, 'db/backups/shop_prod.sql', set).filter(
      (m) => m.encoding?.[0] === 'sql-columns',
    );
    const line = (m: { start: number }): number => text.slice(0, m.start).split('\n').length;
    expect(matches.map((m) => [m.detector.id, line(m)]).sort()).toEqual([
      ['generic.password', 9],
      ['generic.secret', 12],
      ['generic.secret', 8],
    ]);
    expect(matches.some((m) => m.secret === password)).toBe(true);
    expect(matches.some((m) => m.secret === secret)).toBe(true);
    expect(matches.some((m) => m.secret === apiKey)).toBe(true);
  });
});
