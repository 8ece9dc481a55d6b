#!/usr/bin/env node
// Writes a realistic monorepo with planted credentials and decoys into a folder, and a
// labels.json beside the files. Every token is built here at run time from a seeded PRNG
// (checksummed formats get a valid checksum), so nothing live-looking is committed and two runs
// with one seed write the same bytes.
//
//   node eval/monorepo/generate.mjs OUT_DIR [--seed N] [--labels FILE]   (after npm run build)
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
// The scanner's own checksum, so planted tokens carry exactly the checksum it verifies.
import { crc32Base62Suffix } from '../../dist/providers/formats/checksums.js';

// ---- seeded randomness -------------------------------------------------------------------

export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const LOWER = 'abcdefghijklmnopqrstuvwxyz';
export const DIGIT = '0123456789';
export const ALNUM = UPPER + LOWER + DIGIT;
export const HEX = '0123456789abcdef';
export const B64 = ALNUM + '+/';
export const URLSAFE = ALNUM + '-_';
export const BASE32 = UPPER + '234567';

export function makeTokens(rand) {
  const pick = (alphabet, n) => {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[Math.floor(rand() * alphabet.length)];
    return s;
  };
  // A random run that holds at least one digit and one letter, as real random tokens do.
  const mixed = (alphabet, n) => {
    for (;;) {
      const s = pick(alphabet, n);
      if (/[0-9]/.test(s) && /[A-Za-z]/.test(s) && (!/[A-Z]/.test(alphabet) || /[A-Z]/.test(s))) return s;
    }
  };
  const hex = (n) => mixed(HEX, n);
  const uuid = () => `${pick(HEX, 8)}-${pick(HEX, 4)}-4${pick(HEX, 3)}-a${pick(HEX, 3)}-${pick(HEX, 12)}`;
  const crcToken = (prefix, n) => {
    const body = mixed(ALNUM, n);
    return `${prefix}${body}${crc32Base62Suffix(body)}`;
  };
  const b64url = (s) => Buffer.from(s).toString('base64url');
  const jwt = (payload) =>
    `${b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64url(JSON.stringify(payload))}.${mixed(URLSAFE, 43)}`;
  const password = () => {
    // Shaped like what people pick or generate: word-ish start, digits, one symbol.
    const words = ['Tiger', 'Maple', 'Orbit', 'Falcon', 'Quartz', 'Nimbus', 'Cobalt', 'Juniper', 'Raven', 'Ember'];
    const w = words[Math.floor(rand() * words.length)];
    return `${w}${pick(DIGIT, 2)}${pick('!#%*-_', 1)}${mixed(ALNUM, 8)}`;
  };
  const pem = (label, headerHex, bodyBytes) => {
    const bytes = Buffer.concat([
      Buffer.from(headerHex, 'hex'),
      Buffer.from(Array.from({ length: bodyBytes }, () => Math.floor(rand() * 256))),
    ]);
    const b64 = bytes.toString('base64');
    const lines = b64.match(/.{1,64}/g);
    return [`-----BEGIN ${label}-----`, ...lines, `-----END ${label}-----`];
  };
  return {
    pick,
    mixed,
    hex,
    uuid,
    password,
    alnum: (n) => mixed(ALNUM, n),
    lower: (n) => pick(LOWER + DIGIT, n),
    digits: (n) => pick('123456789', 1) + pick(DIGIT, n - 1),
    github: (p = 'ghp_') => crcToken(p, 30),
    gitlab: () => `glpat-${mixed(URLSAFE, 20)}`,
    awsId: () => `AKIA${mixed(BASE32, 16)}`,
    awsSecret: () => mixed(B64, 40),
    gcpApiKey: () => `AIza${mixed(URLSAFE, 35)}`,
    azureStorageKey: () => `${mixed(B64, 86)}==`,
    azureSasSig: () => encodeURIComponent(`${mixed(B64, 43)}=`),
    azureClientSecret: () => `${mixed(ALNUM, 3)}${pick(DIGIT, 1)}Q~${mixed(ALNUM + '_~.-', 34)}`,
    stripeLive: () => `sk_live_${mixed(ALNUM, 24)}`,
    stripeLiveLong: () => `sk_live_51${mixed(ALNUM, 97)}`,
    stripeTest: () => `sk_test_${mixed(ALNUM, 24)}`,
    slackBot: () => `xoxb-${pick(DIGIT, 12)}-${pick(DIGIT, 13)}-${mixed(ALNUM, 24)}`,
    slackWebhook: () =>
      `https://hooks.slack.com/services/T${mixed(UPPER + DIGIT, 10)}/B${mixed(UPPER + DIGIT, 10)}/${mixed(ALNUM, 24)}`,
    twilioSid: () => `AC${hex(32)}`,
    twilioToken: () => hex(32),
    sendgrid: () => `SG.${mixed(URLSAFE, 22)}.${mixed(URLSAFE, 43)}`,
    openai: () => `sk-proj-${mixed(URLSAFE, 58)}T3BlbkFJ${mixed(URLSAFE, 58)}`,
    anthropic: () => `sk-ant-api03-${mixed(URLSAFE, 93)}AA`,
    ddApi: () => hex(32),
    ddApp: () => hex(40),
    npm: () => crcToken('npm_', 30),
    pypi: () => `pypi-AgEIcHlwaS5vcmc${mixed(URLSAFE, 140)}`,
    cloudflare: () => mixed(URLSAFE, 40),
    cloudflareNew: () => `cfut_${mixed(ALNUM, 40)}${hex(8)}`,
    digitalocean: () => `dop_v1_${hex(64)}`,
    heroku: () => `HRKU-AA${mixed(URLSAFE, 58)}`,
    vercel: () => mixed(ALNUM, 24),
    vercelNew: () => crcToken('vcp_', 50),
    supabaseServiceRole: () =>
      jwt({ iss: 'supabase', ref: pick(LOWER, 20), role: 'service_role', iat: 1735689600, exp: 2051222400 }),
    jwt: () => jwt({ sub: uuid(), email: 'ops@acme-corp.io', scope: 'admin', iat: 1764547200, exp: 2079907200 }),
    rsaPem: () => pem('RSA PRIVATE KEY', '308204a40201000282010100', 1180),
    pkcs8Pem: () => pem('PRIVATE KEY', '308204bd020100300d06092a864886f70d0101010500048204a7', 1190),
    ecPem: () => pem('EC PRIVATE KEY', '30770201010420', 112),
    opensshPem: () => pem('OPENSSH PRIVATE KEY', '6f70656e7373682d6b65792d7631000000000000000000', 360),
    pngBase64: () => `iVBORw0KGgoAAAANSUhEUgAA${mixed(B64, 1800)}`,
    sha256: () => pick(HEX, 64),
    sha1: () => pick(HEX, 40),
  };
}

// ---- files and labels --------------------------------------------------------------------

export class Repo {
  constructor() {
    this.files = new Map();
    this.labels = [];
  }
  /** The file at `path`; opening a path again goes on where it left off (its labels stay true). */
  file(path, category) {
    const open = this.files.get(path);
    if (open) return open;
    const f = new RepoFile(this, path, category);
    this.files.set(path, f);
    return f;
  }
}

class RepoFile {
  constructor(repo, path, category) {
    this.repo = repo;
    this.path = path;
    this.category = category;
    this.lines = [];
  }
  /** Plain lines, not labelled. */
  l(...texts) {
    for (const t of texts) this.lines.push(...t.split('\n'));
    return this;
  }
  #label(text, entry) {
    const parts = Array.isArray(text) ? text : text.split('\n');
    const line = this.lines.length + 1;
    this.lines.push(...parts);
    this.repo.labels.push({
      path: this.path,
      line,
      endLine: line + parts.length - 1,
      category: this.category,
      ...entry,
    });
    return this;
  }
  /** A planted secret: text (one or more lines), provider id or "generic", the level expected, its value. */
  s(text, kind, value, expectLevel = kind === 'generic' ? 'warning' : 'error') {
    // A label that points at a line without its value would score the scanner against a typo.
    const joined = Array.isArray(text) ? text.join('\n') : text;
    const plain = value.split('\n').every((part) => joined.includes(part));
    const encoded = (joined.match(/[A-Za-z0-9+/]{8,}={0,2}/g) ?? []).some((b) =>
      Buffer.from(b, 'base64').toString('latin1').includes(value),
    );
    if (!plain && !encoded)
      throw new Error(`generate: the label for ${this.path}:${this.lines.length + 1} does not hold its value`);
    return this.#label(text, { kind, expectLevel, redacted: redact(value) });
  }
  /** A decoy: must not be reported at error/warning. */
  d(text, what) {
    return this.#label(text, { kind: 'decoy', what });
  }
}

export function redact(value) {
  const prefix =
    /^(?:[a-z]+(?:\+[a-z]+)?:\/\/|[A-Za-z]{1,12}[_-](?:[a-z0-9]{1,6}[_-])?|-----BEGIN [A-Z ]+-----)/.exec(value)?.[0] ??
    '';
  return `${prefix}${value.slice(prefix.length).replace(/\s/g, '').slice(0, 4)}…`;
}

// ---- the repository ----------------------------------------------------------------------

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed);
  const t = makeTokens(rand);
  const repo = new Repo();

  kubernetes(repo, t);
  terraform(repo, t);
  docker(repo, t);
  ci(repo, t);
  notebooks(repo, t);
  languages(repo, t);
  shell(repo, t);
  envFiles(repo, t);
  credentialStores(repo, t);
  logs(repo, t);
  docs(repo, t);
  keys(repo, t);
  jwts(repo, t);
  noise(repo, t);
  return repo;
}

function kubernetes(repo, t) {
  const pg = t.password();
  const sk = t.stripeLive();
  const f = repo.file('deploy/k8s/base/payments-secret.yaml', 'k8s');
  f.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: payments',
    '  namespace: prod',
    'type: Opaque',
    'stringData:',
  );
  f.s(`  STRIPE_SECRET_KEY: ${sk}`, 'stripe', sk);
  f.s(`  DATABASE_URL: postgres://payments:${pg}@pg-primary.prod.svc.cluster.local:5432/payments`, 'database', pg);
  const sg = t.sendgrid();
  f.s(`  SENDGRID_API_KEY: "${sg}"`, 'sendgrid', sg);
  const adminPw = t.password();
  f.s(`  ADMIN_PASSWORD: '${adminPw}'`, 'generic', adminPw);

  const g = repo.file('deploy/k8s/base/github-secret.yaml', 'k8s');
  const gh = t.github();
  const ak = t.awsId();
  const as = t.awsSecret();
  g.l('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: ci-bot', 'type: Opaque', 'data:');
  g.s(`  GITHUB_TOKEN: ${Buffer.from(gh).toString('base64')}`, 'github', gh);
  g.s(`  AWS_ACCESS_KEY_ID: ${Buffer.from(ak).toString('base64')}`, 'aws', ak);
  g.s(`  AWS_SECRET_ACCESS_KEY: ${Buffer.from(as).toString('base64')}`, 'aws', as);
  const redisPw = t.password().replace(/[^A-Za-z0-9]/g, '');
  g.s(
    `  REDIS_URL: ${Buffer.from(`redis://default:${redisPw}@redis-master:6379/0`).toString('base64')}`,
    'database',
    redisPw,
  );
  g.d(`  LOG_LEVEL: ${Buffer.from('info').toString('base64')}`, 'base64 of a plain setting');

  const cm = repo.file('deploy/k8s/base/configmap.yaml', 'k8s');
  cm.l('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: api-config', 'data:');
  cm.d('  FEATURE_FLAGS_URL: https://flags.internal.acme-corp.io/v1', 'url without credentials');
  cm.d(`  BUILD_SHA: "${t.sha1()}"`, 'git sha');
  cm.d(`  REQUEST_ID_NAMESPACE: ${t.uuid()}`, 'uuid as id');
  const dd = t.ddApi();
  cm.s(`  DD_API_KEY: "${dd}"`, 'datadog', dd);
  const slack = t.slackWebhook();
  cm.s(`  ALERT_WEBHOOK: ${slack}`, 'slack', slack);

  const dep = repo.file('deploy/k8s/base/deployment.yaml', 'k8s');
  dep.l(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: api',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: api',
  );
  dep.d(`          image: ghcr.io/acme-corp/api@sha256:${t.sha256()}`, 'image digest');
  dep.l(
    '          env:',
    '            - name: DB_PASSWORD',
    '              valueFrom:',
    '                secretKeyRef:',
  );
  dep.d('                  name: db-credentials', 'secretKeyRef name');
  dep.d('                  key: password', 'secretKeyRef key');
  dep.l('            - name: API_TOKEN');
  dep.d('              value: "$(API_TOKEN)"', 'k8s env expansion');
  dep.l('            - name: SENTRY_ENV', '              value: production', '            - name: OPENAI_API_KEY');
  const oa = t.openai();
  dep.s(`              value: ${oa}`, 'openai', oa);
  dep.l('            - name: SMTP_PASSWORD');
  const smtp = t.password();
  dep.s(`              value: "${smtp}"`, 'generic', smtp);

  const h = repo.file('deploy/helm/api/values.yaml', 'k8s');
  h.l('replicaCount: 3', 'image:', '  repository: ghcr.io/acme-corp/api');
  h.d(`  tag: "${t.sha1().slice(0, 12)}"`, 'short sha tag');
  h.l('postgresql:', '  auth:', '    username: api');
  const hpw = t.password();
  h.s(`    password: "${hpw}"`, 'generic', hpw);
  h.d('    existingSecret: ""', 'empty');
  h.l('redis:', '  auth:');
  h.d('    password: changeme', 'placeholder');
  h.l('secrets:');
  const twSid = t.twilioSid();
  const twTok = t.twilioToken();
  h.l(`  twilioAccountSid: ${twSid}`);
  h.s(`  twilioAuthToken: ${twTok}`, 'twilio', twTok);
  const slackBot = t.slackBot();
  h.s(`  slackBotToken: ${slackBot}`, 'slack', slackBot);
  h.d('  anthropicApiKey: "<your-anthropic-key>"', 'placeholder');

  const tpl = repo.file('deploy/helm/api/templates/secret.yaml', 'k8s');
  tpl.l('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: {{ include "api.fullname" . }}', 'stringData:');
  tpl.d('  DB_PASSWORD: {{ .Values.postgresql.auth.password | quote }}', 'helm template');
  tpl.d('  SLACK_BOT_TOKEN: {{ .Values.secrets.slackBotToken }}', 'helm template');
  tpl.d('  TWILIO_AUTH_TOKEN: "{{ required "twilio token" .Values.secrets.twilioAuthToken }}"', 'helm template');

  const k = repo.file('deploy/k8s/overlays/prod/kustomization.yaml', 'k8s');
  k.l(
    'apiVersion: kustomize.config.k8s.io/v1beta1',
    'kind: Kustomization',
    'resources:',
    '  - ../../base',
    'secretGenerator:',
    '  - name: api-keys',
    '    literals:',
  );
  const anth = t.anthropic();
  k.s(`      - ANTHROPIC_API_KEY=${anth}`, 'anthropic', anth);
  const mongoPw = t.password().replace(/[^A-Za-z0-9]/g, 'x');
  k.s(
    `      - MONGO_URL=mongodb+srv://api:${mongoPw}@cluster0.${t.lower(5)}.mongodb.net/app?retryWrites=true&w=majority`,
    'mongodb',
    mongoPw,
  );
  k.d('      - VAULT_PATH=secret/data/prod/api', 'vault path');
  k.l('    envs:');
  k.d('      - secrets.env', 'file reference');

  const sh = repo.file('deploy/k8s/install.sh', 'k8s');
  sh.l('#!/usr/bin/env bash', 'set -euo pipefail');
  const lit = t.password().replace(/[^A-Za-z0-9]/g, '');
  sh.s(
    `kubectl create secret generic grafana-admin --from-literal=admin-user=admin --from-literal=admin-password=${lit}`,
    'generic',
    lit,
  );
  const setpw = t.password().replace(/[^A-Za-z0-9]/g, '');
  sh.s(
    `helm upgrade --install api ./deploy/helm/api --set postgresql.auth.password=${setpw} --set image.tag=v1.4.2`,
    'generic',
    setpw,
  );
  sh.d('helm upgrade --install api ./deploy/helm/api --set postgresql.auth.password="$DB_PASSWORD"', 'variable');
  sh.d('kubectl create secret generic api --from-env-file=.env.production --dry-run=client -o yaml', 'file reference');

  const kc = repo.file('ops/home/.kube/config', 'k8s');
  const saTok = t.jwt();
  const clientKey = t.ecPem();
  kc.l(
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '  - name: prod',
    '    cluster:',
    '      server: https://k8s.prod.acme-corp.io:6443',
  );
  kc.d(
    `      certificate-authority-data: ${Buffer.from(['-----BEGIN CERTIFICATE-----', `MIIB${t.mixed(B64, 60)}`, '-----END CERTIFICATE-----'].join('\n')).toString('base64')}`,
    'ca certificate',
  );
  kc.l('users:', '  - name: ci-deployer', '    user:');
  kc.s(`      token: ${saTok}`, 'generic', saTok);
  kc.l('  - name: admin', '    user:');
  kc.s(
    `      client-key-data: ${Buffer.from(clientKey.join('\n')).toString('base64')}`,
    'private-key',
    clientKey.join('\n'),
  );
  kc.l('contexts:', '  - name: prod', '    context: { cluster: prod, user: ci-deployer }', 'current-context: prod');

  const sealed = repo.file('deploy/k8s/base/sealed-secret.yaml', 'k8s');
  sealed.l(
    'apiVersion: bitnami.com/v1alpha1',
    'kind: SealedSecret',
    'metadata:',
    '  name: api',
    'spec:',
    '  encryptedData:',
  );
  sealed.d(`    password: AgB${t.mixed(B64, 600)}==`, 'sealed (encrypted) value');
  sealed.d(`    apiKey: AgC${t.mixed(B64, 600)}==`, 'sealed (encrypted) value');
  const sops = repo.file('deploy/k8s/overlays/prod/secrets.enc.yaml', 'k8s');
  sops.l('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: api', 'stringData:');
  sops.d(
    `  DB_PASSWORD: ENC[AES256_GCM,data:${t.mixed(B64, 24)},iv:${t.mixed(B64, 43)}=,tag:${t.mixed(B64, 22)}==,type:str]`,
    'sops encrypted',
  );
  sops.d(
    `  STRIPE_KEY: ENC[AES256_GCM,data:${t.mixed(B64, 44)},iv:${t.mixed(B64, 43)}=,tag:${t.mixed(B64, 22)}==,type:str]`,
    'sops encrypted',
  );
  sops.l('sops:', '  kms:', '    - arn: arn:aws:kms:eu-west-1:123456789012:alias/sops', '  version: 3.8.1');

  const ext = repo.file('deploy/k8s/base/external-secret.yaml', 'k8s');
  ext.l(
    'apiVersion: external-secrets.io/v1beta1',
    'kind: ExternalSecret',
    'metadata:',
    '  name: api',
    'spec:',
    '  data:',
    '    - secretKey: password',
    '      remoteRef:',
  );
  ext.d('        key: vault:secret/data/prod/db#password', 'vault reference');
  ext.d('        property: password', 'property name');

  const sa = repo.file('deploy/k8s/base/registry-pull.yaml', 'k8s');
  const regPw = t.password();
  const dockercfg = Buffer.from(
    JSON.stringify({
      auths: {
        'registry.acme-corp.io': {
          username: 'robot',
          password: regPw,
          auth: Buffer.from(`robot:${regPw}`).toString('base64'),
        },
      },
    }),
  ).toString('base64');
  sa.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: regcred',
    'type: kubernetes.io/dockerconfigjson',
    'data:',
  );
  sa.s(`  .dockerconfigjson: ${dockercfg}`, 'generic', regPw);
}

function terraform(repo, t) {
  const m = repo.file('infra/terraform/main.tf', 'terraform');
  const ak = t.awsId();
  const as = t.awsSecret();
  m.l('terraform {', '  required_version = ">= 1.5"', '}', '', 'provider "aws" {', '  region     = "eu-west-1"');
  m.s(`  access_key = "${ak}"`, 'aws', ak);
  m.s(`  secret_key = "${as}"`, 'aws', as);
  m.l('}', '', 'provider "cloudflare" {');
  const cf = t.cloudflare();
  m.s(`  api_token = "${cf}"`, 'cloudflare', cf);
  m.l('}', '', 'provider "digitalocean" {');
  const doTok = t.digitalocean();
  m.s(`  token = "${doTok}"`, 'digitalocean', doTok);
  m.l('}', '', 'provider "azurerm" {', '  features {}');
  m.d(`  subscription_id = "${t.uuid()}"`, 'uuid id');
  m.d(`  tenant_id       = "${t.uuid()}"`, 'uuid id');
  const azSecret = t.azureClientSecret();
  m.s(`  client_secret   = "${azSecret}"`, 'azure', azSecret);
  m.l('}', '', 'provider "datadog" {');
  const ddApi = t.ddApi();
  const ddApp = t.ddApp();
  m.s(`  api_key = "${ddApi}"`, 'datadog', ddApi);
  m.s(`  app_key = "${ddApp}"`, 'datadog', ddApp);
  m.l('}', '', 'provider "github" {', '  owner = "acme-corp"');
  m.d('  token = var.github_token', 'variable reference');
  m.l('}', '', 'provider "heroku" {');
  m.d('  api_key = data.vault_generic_secret.heroku.data["api_key"]', 'vault data source');
  m.l('}', '', 'resource "aws_db_instance" "main" {', '  engine   = "postgres"', '  username = "app"');
  const dbpw = t.password();
  m.s(`  password = "${dbpw}"`, 'generic', dbpw);
  m.l('}', '', 'resource "random_password" "db" {', '  length = 32', '}', '', 'resource "aws_db_instance" "replica" {');
  m.d('  password = random_password.db.result', 'resource reference');
  m.l('}');

  const v = repo.file('infra/terraform/variables.tf', 'terraform');
  v.l('variable "github_token" {', '  type      = string', '  sensitive = true');
  const gh = t.github();
  v.s(`  default   = "${gh}"`, 'github', gh);
  v.l('}', '', 'variable "stripe_api_key" {', '  type    = string');
  const st = t.stripeLiveLong();
  v.s(`  default = "${st}"`, 'stripe', st);
  v.l('}', '', 'variable "db_password" {', '  type    = string');
  v.d('  default = ""', 'empty default');
  v.l('}', '', 'variable "pagerduty_token" {', '  type    = string');
  v.d('  default = "REPLACE_ME"', 'placeholder');
  v.l('}');

  const tv = repo.file('infra/terraform/envs/prod.tfvars', 'terraform');
  tv.l('region = "eu-west-1"');
  const hk = t.heroku();
  tv.s(`heroku_api_key = "${hk}"`, 'heroku', hk);
  const vc = t.vercel();
  tv.s(`vercel_api_token = "${vc}"`, 'vercel', vc);
  const tvpw = t.password();
  tv.s(`db_password = "${tvpw}"`, 'generic', tvpw);
  tv.d('pagerduty_token = "xxxxxxxxxxxxxxxxxxxx"', 'placeholder');
  tv.d(`kms_key_id = "arn:aws:kms:eu-west-1:123456789012:key/${t.uuid()}"`, 'arn');

  const be = repo.file('infra/terraform/backend.tf', 'terraform');
  const bk = t.awsId();
  const bs = t.awsSecret();
  be.l(
    'terraform {',
    '  backend "s3" {',
    '    bucket = "acme-tfstate"',
    '    key    = "prod/terraform.tfstate"',
    '    region = "eu-west-1"',
  );
  be.s(`    access_key = "${bk}"`, 'aws', bk);
  be.s(`    secret_key = "${bs}"`, 'aws', bs);
  be.d('    dynamodb_table = "tf-locks"', 'plain');
  be.l('  }', '}', '', 'resource "kubernetes_secret" "api" {', '  metadata { name = "api" }', '  data = {');
  const kpw = t.password();
  be.s(`    password = "${kpw}"`, 'generic', kpw);
  be.d('    api_key  = var.api_key', 'variable reference');
  be.d('    token    = "${data.aws_ssm_parameter.token.value}"', 'interpolation');
  be.l('  }', '}');

  const st8 = repo.file('infra/terraform/terraform.tfstate', 'terraform');
  const stateDb = t.password();
  const stateKey = t.awsId();
  const stateSecret = t.awsSecret();
  st8.l('{', '  "version": 4,', '  "terraform_version": "1.7.5",', '  "serial": 42,');
  st8.d(`  "lineage": "${t.uuid()}",`, 'uuid lineage');
  st8.l(
    '  "outputs": {},',
    '  "resources": [',
    '    {',
    '      "mode": "managed",',
    '      "type": "aws_db_instance",',
    '      "name": "main",',
    '      "instances": [',
    '        {',
    '          "attributes": {',
    '            "address": "main.c9akciq32.eu-west-1.rds.amazonaws.com",',
  );
  st8.s(`            "password": "${stateDb}",`, 'generic', stateDb);
  st8.l(
    '            "username": "app"',
    '          }',
    '        }',
    '      ]',
    '    },',
    '    {',
    '      "mode": "managed",',
    '      "type": "aws_iam_access_key",',
    '      "name": "deploy",',
    '      "instances": [',
    '        {',
    '          "attributes": {',
  );
  st8.s(`            "id": "${stateKey}",`, 'aws', stateKey);
  st8.s(`            "secret": "${stateSecret}",`, 'aws', stateSecret);
  st8.d(`            "ses_smtp_password_v4": null,`, 'null');
  st8.l('            "user": "deploy"', '          }', '        }', '      ]', '    }', '  ]', '}');
}

function docker(repo, t) {
  const d = repo.file('services/api/Dockerfile', 'docker');
  d.l('FROM node:20-alpine@sha256:' + t.sha256());
  d.l('WORKDIR /app');
  d.d('ARG NPM_TOKEN', 'arg without value');
  const npmTok = t.npm();
  d.s(`ENV NPM_TOKEN=${npmTok}`, 'npm', npmTok);
  const sentryPw = t.password();
  d.s(`ENV SENTRY_AUTH_PASSWORD="${sentryPw}"`, 'generic', sentryPw);
  d.d('ENV NODE_ENV=production PORT=8080', 'plain env');
  const gl = t.gitlab();
  d.s(`ARG GITLAB_TOKEN=${gl}`, 'gitlab', gl);
  d.d('RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci', 'build secret mount');
  d.l('COPY . .', 'CMD ["node", "dist/server.js"]');

  const c = repo.file('docker-compose.yml', 'docker');
  c.l('services:', '  db:', '    image: postgres:16', '    environment:');
  const pgpw = t.password();
  c.s(`      POSTGRES_PASSWORD: ${pgpw}`, 'generic', pgpw);
  c.l('      POSTGRES_USER: app', '  mysql:', '    image: mysql:8', '    environment:');
  const mypw = t.password();
  c.s(`      - MYSQL_ROOT_PASSWORD=${mypw}`, 'generic', mypw);
  c.d('      - MYSQL_PASSWORD=${MYSQL_PASSWORD}', 'env interpolation');
  c.l('  api:', '    build: ./services/api', '    environment:');
  const stTest = t.stripeTest();
  c.s(`      - STRIPE_KEY=${stTest}`, 'stripe', stTest, 'warning');
  const myurlpw = t.password().replace(/[^A-Za-z0-9]/g, '');
  c.s(`      - DATABASE_URL=mysql://app:${myurlpw}@mysql:3306/app`, 'database', myurlpw);
  c.d('      - REDIS_URL=redis://redis:6379/0', 'url without password');
  c.d('      - JWT_SECRET=${JWT_SECRET:?set JWT_SECRET}', 'env interpolation');
  c.l('    secrets:');
  c.d('      - source: api_key', 'compose secret reference');

  const dc = repo.file('.docker/config.json', 'docker');
  const regPw = t.password();
  const auth = Buffer.from(`deploy:${regPw}`).toString('base64');
  dc.l('{', '  "auths": {', '    "registry.acme-corp.io": {');
  dc.s(`      "auth": "${auth}"`, 'generic', regPw);
  dc.l('    },', '    "ghcr.io": {');
  const ghcr = t.github();
  dc.s(`      "auth": "${Buffer.from(`acme-bot:${ghcr}`).toString('base64')}"`, 'github', ghcr);
  dc.l('    }', '  },');
  dc.d('  "credsStore": "desktop"', 'credential helper name');
  dc.l('}');
}

function ci(repo, t) {
  const gh = repo.file('.github/workflows/deploy.yml', 'ci');
  gh.l('name: deploy', 'on:', '  push:', '    branches: [main]', 'env:');
  gh.d('  AWS_ACCESS_KEY_ID: ${{ secrets.AWS_ACCESS_KEY_ID }}', 'actions secret reference');
  gh.d('  AWS_SECRET_ACCESS_KEY: ${{ secrets.AWS_SECRET_ACCESS_KEY }}', 'actions secret reference');
  const dd = t.ddApi();
  gh.s(`  DD_API_KEY: ${dd}`, 'datadog', dd);
  const cf = t.cloudflareNew();
  gh.s(`  CLOUDFLARE_API_TOKEN: ${cf}`, 'cloudflare', cf);
  gh.l('jobs:', '  deploy:', '    runs-on: ubuntu-latest', '    steps:');
  gh.d(`      - uses: actions/checkout@${t.sha1()}`, 'pinned action sha');
  gh.l('      - name: publish', '        env:');
  const npmTok = t.npm();
  gh.s(`          NODE_AUTH_TOKEN: ${npmTok}`, 'npm', npmTok);
  gh.d('          GITHUB_TOKEN: ${{ github.token }}', 'actions expression');
  gh.l('        run: npm publish', '      - name: notify', '        run: |');
  const hook = t.slackWebhook();
  gh.s(
    `          curl -X POST -H 'Content-type: application/json' --data '{"text":"deployed"}' ${hook}`,
    'slack',
    hook,
  );
  gh.l('      - uses: actions/github-script@v7', '        with:');
  const ghw = t.github();
  gh.s(`          github-token: ${ghw}`, 'github', ghw);
  gh.l('      - uses: docker/login-action@v3', '        with:', '          username: acmebot');
  gh.d('          password: ${{ secrets.DOCKERHUB_TOKEN }}', 'actions secret reference');
  gh.l('      - name: vercel');
  const vc = t.vercelNew();
  gh.s(`        run: npx vercel deploy --prod --token ${vc}`, 'vercel', vc);

  const gl = repo.file('.gitlab-ci.yml', 'ci');
  gl.l('stages: [test, deploy]', 'variables:');
  const pgpw = t.password();
  gl.s(`  POSTGRES_PASSWORD: "${pgpw}"`, 'generic', pgpw);
  gl.d('  POSTGRES_DB: app_test', 'plain');
  gl.d('  DOCKER_AUTH_CONFIG: $DOCKER_AUTH_CONFIG', 'variable reference');
  const glTok = t.gitlab();
  gl.s(`  GITLAB_API_TOKEN: ${glTok}`, 'gitlab', glTok);
  gl.l('deploy:', '  stage: deploy', '  script:');
  const hk = t.heroku();
  gl.s(`    - HEROKU_API_KEY=${hk} heroku container:release web -a acme-api`, 'heroku', hk);
  gl.d('    - docker login -u "$CI_REGISTRY_USER" -p "$CI_REGISTRY_PASSWORD" $CI_REGISTRY', 'variables');
  const regpw = t.password();
  gl.s(`    - docker login -u deploy -p '${regpw}' registry.acme-corp.io`, 'generic', regpw);

  const cc = repo.file('.circleci/config.yml', 'ci');
  cc.l(
    'version: 2.1',
    'jobs:',
    '  build:',
    '    docker:',
    '      - image: cimg/python:3.12',
    '        auth:',
    '          username: acmebot',
  );
  const dhpw = t.password();
  cc.s(`          password: ${dhpw}`, 'generic', dhpw);
  cc.d('      - image: cimg/postgres:16', 'image');
  cc.l('        environment:');
  cc.d('          POSTGRES_PASSWORD: $POSTGRES_PASSWORD', 'variable');
  const pypi = t.pypi();
  cc.s(`          TWINE_PASSWORD: ${pypi}`, 'pypi', pypi);
  cc.l('    steps:', '      - checkout');

  const j = repo.file('Jenkinsfile', 'ci');
  j.l('pipeline {', '  agent any', '  environment {');
  j.d("    DOCKER_CREDS = credentials('dockerhub-creds')", 'jenkins credentials binding');
  const sgk = t.sendgrid();
  j.s(`    SENDGRID_API_KEY = '${sgk}'`, 'sendgrid', sgk);
  const jpw = t.password();
  j.s(`    NEXUS_PASSWORD = "${jpw}"`, 'generic', jpw);
  j.l('  }', '  stages {', "    stage('deploy') {", '      steps {');
  j.d(
    "        withCredentials([string(credentialsId: 'github-token', variable: 'GITHUB_TOKEN')]) {",
    'credentials binding',
  );
  j.d("          sh 'git push https://x-access-token:${GITHUB_TOKEN}@github.com/acme-corp/api.git'", 'variable in url');
  j.l('        }');
  const ghTok = t.github('ghs_');
  j.s(
    `        sh "curl -H 'Authorization: token ${ghTok}' https://api.github.com/repos/acme-corp/api/releases"`,
    'github',
    ghTok,
  );
  j.l('      }', '    }', '  }', '}');
}

function notebooks(repo, t) {
  const oa = t.openai();
  const hf = t.anthropic();
  const pg = t.password().replace(/[^A-Za-z0-9]/g, '');
  const token = t.github();
  const nb = repo.file('notebooks/churn-analysis.ipynb', 'notebook');
  nb.l(
    '{',
    ' "cells": [',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 1,',
    '   "metadata": {},',
    '   "outputs": [],',
    '   "source": [',
    '    "import os\\n",',
    '    "import openai\\n",',
  );
  nb.s(`    ${JSON.stringify(`openai.api_key = "${oa}"\n`)},`, 'openai', oa);
  nb.d(
    `    ${JSON.stringify('client = anthropic.Anthropic(api_key=os.environ["ANTHROPIC_API_KEY"])\n')},`,
    'os.environ',
  );
  nb.s(`    ${JSON.stringify(`claude = anthropic.Anthropic(api_key="${hf}")\n`)},`, 'anthropic', hf);
  nb.s(
    `    ${JSON.stringify(`engine = create_engine("postgresql://analyst:${pg}@warehouse.acme-corp.io:5432/dw")`)}`,
    'database',
    pg,
  );
  nb.l(
    '   ]',
    '  },',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 2,',
    '   "metadata": {},',
    '   "outputs": [',
    '    {',
    '     "name": "stdout",',
    '     "output_type": "stream",',
    '     "text": [',
  );
  nb.s(`      ${JSON.stringify(`using token ${token}\n`)}`, 'github', token);
  nb.l('     ]', '    },', '    {', '     "data": {');
  nb.d(`      "image/png": "${t.pngBase64()}",`, 'base64 image');
  nb.l(
    '      "text/plain": [',
    '       "<Figure size 640x480 with 1 Axes>"',
    '      ]',
    '     },',
    '     "metadata": {},',
    '     "output_type": "display_data"',
    '    }',
    '   ],',
    '   "source": [',
  );
  nb.d(`    ${JSON.stringify('token = os.getenv("GITHUB_TOKEN", "")\n')},`, 'os.getenv');
  nb.l(
    '    "print(f\\"using token {token}\\")"',
    '   ]',
    '  }',
    ' ],',
    ' "metadata": {',
    '  "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}',
    ' },',
    ' "nbformat": 4,',
    ' "nbformat_minor": 5',
    '}',
  );

  const nb2 = repo.file('notebooks/etl/load-s3.ipynb', 'notebook');
  const ak = t.awsId();
  const as = t.awsSecret();
  nb2.l(
    '{',
    ' "cells": [',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": null,',
    '   "metadata": {},',
    '   "outputs": [],',
    '   "source": [',
    '    "import boto3\\n",',
  );
  nb2.s(`    ${JSON.stringify(`s3 = boto3.client("s3", aws_access_key_id="${ak}",\n`)},`, 'aws', ak);
  nb2.s(`    ${JSON.stringify(`                  aws_secret_access_key="${as}")\n`)},`, 'aws', as);
  nb2.d(`    ${JSON.stringify('# example from the AWS docs: AKIAIOSFODNN7EXAMPLE\n')},`, 'vendor example key');
  nb2.l(
    '    "s3.list_buckets()"',
    '   ]',
    '  }',
    ' ],',
    ' "metadata": {},',
    ' "nbformat": 4,',
    ' "nbformat_minor": 5',
    '}',
  );
}

function languages(repo, t) {
  // Python
  {
    const f = repo.file('services/ml/app/settings.py', 'python');
    f.l('import os', '');
    const st = t.stripeLive();
    f.s(`STRIPE_API_KEY = "${st}"`, 'stripe', st);
    f.d('SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]', 'os.environ');
    const dj = t.alnum(50);
    f.s(`DJANGO_SECRET_KEY = "${dj}"`, 'generic', dj, 'warning');
    f.d('DEBUG_PASSWORD = os.getenv("DEBUG_PASSWORD", "changeme")', 'placeholder default');
    const pw = t.password();
    f.l(
      'DATABASES = {',
      '    "default": {',
      '        "ENGINE": "django.db.backends.postgresql",',
      '        "USER": "ml",',
    );
    f.s(`        "PASSWORD": "${pw}",`, 'generic', pw);
    f.l('    }', '}');
    f.d('LABELS = {"password": "Password", "confirm": "Confirm password"}', 'i18n');
    const g = repo.file('services/ml/app/clients.py', 'python');
    const sl = t.slackBot();
    g.l('from slack_sdk import WebClient', 'import psycopg2', 'import redis', '');
    g.s(`slack = WebClient(token="${sl}")`, 'slack', sl);
    const pg = t.password();
    g.s(`conn = psycopg2.connect(host="db.internal", user="ml", password="${pg}", dbname="features")`, 'generic', pg);
    const rpw = t.password();
    g.s(`cache = redis.Redis(host="cache.internal", port=6379, password="${rpw}")`, 'generic', rpw);
    const dpw = t.password();
    g.l('');
    g.s(`def login(user, passwd="${dpw}"):`, 'generic', dpw);
    g.l('    return api.auth(user, passwd)', '');
    const sqlpw = t.password().replace(/[^A-Za-z0-9]/g, '');
    g.s(`cursor.execute("CREATE USER reporting WITH PASSWORD '${sqlpw}'")`, 'generic', sqlpw);
    g.d('cursor.execute("SELECT id, password_hash FROM users WHERE email = %s", (email,))', 'sql placeholder');
    g.d(`client = OpenAI(api_key=os.environ.get("OPENAI_API_KEY"))`, 'os.environ');
    const fb = t.password();
    g.s(`SMTP_PASSWORD = os.environ.get("SMTP_PASSWORD", "${fb}")`, 'generic', fb);
    const rq = t.password();
    g.s(
      `resp = requests.get("https://nexus.acme-corp.io/service/rest/v1/status", auth=("deploy", "${rq}"))`,
      'generic',
      rq,
    );
    g.d('resp = requests.get(url, auth=(user, os.environ["NEXUS_PASSWORD"]))', 'os.environ');
  }
  // Go
  {
    const f = repo.file('services/gateway/internal/config/config.go', 'go');
    f.l('package config', '', 'import "os"', '', 'const (');
    const gh = t.github();
    f.s(`\tgithubToken = "${gh}"`, 'github', gh);
    const tw = t.twilioToken();
    f.d(`\ttwilioSID   = "AC${'0'.repeat(32)}"`, 'zeroed sid placeholder');
    f.s(`\ttwilioAuthToken = "${tw}"`, 'twilio', tw);
    f.l(')', '');
    const pw = t.password();
    f.s(`var dbPassword = "${pw}"`, 'generic', pw);
    f.d('var apiKey = os.Getenv("API_KEY")', 'env read');
    const dsnpw = t.password().replace(/[^A-Za-z0-9]/g, '');
    f.s(`var dsn = "app:${dsnpw}@tcp(mysql.internal:3306)/app?parseTime=true"`, 'generic', dsnpw);
    const g = repo.file('services/gateway/internal/clients/clients.go', 'go');
    g.l('package clients', '');
    const sg = t.sendgrid();
    g.s(`var mailer = sendgrid.NewSendClient("${sg}")`, 'sendgrid', sg);
    const rp = t.password();
    g.s(`var rdb = redis.NewClient(&redis.Options{Addr: "cache:6379", Password: "${rp}", DB: 0})`, 'generic', rp);
    const dop = t.digitalocean();
    g.s(`var do = godo.NewFromToken("${dop}")`, 'digitalocean', dop);
    g.d(`var sum = "${t.sha256()}"`, 'sha256 hash');
    const dd = t.ddApi();
    g.s(`var ddCfg = datadog.Config{APIKey: "${dd}", Site: "datadoghq.eu"}`, 'datadog', dd);
    g.d('var cfg = Config{APIKey: os.Getenv("DD_API_KEY")}', 'env read');
  }
  // Java
  {
    const f = repo.file('services/billing/src/main/java/com/acme/billing/Config.java', 'java');
    f.l('package com.acme.billing;', '', 'public final class Config {');
    const st = t.stripeLive();
    f.s(`    private static final String STRIPE_KEY = "${st}";`, 'stripe', st);
    const pw = t.password();
    f.s(`    private static final String DB_PASSWORD = "${pw}";`, 'generic', pw);
    const jpw = t.password().replace(/[^A-Za-z0-9]/g, '');
    f.s(
      `    static final String JDBC = "jdbc:postgresql://db.internal:5432/billing?user=billing&password=${jpw}";`,
      'database',
      jpw,
    );
    f.d('    private static final String PASSWORD_FIELD = "password";', 'field name');
    f.d('    private final String token = System.getenv("BILLING_TOKEN");', 'env read');
    const cpw = t.password();
    f.s(
      `    DataSource ds = DataSourceBuilder.create().username("billing").password("${cpw}").build();`,
      'generic',
      cpw,
    );
    f.l('}');
    const p = repo.file('services/billing/src/main/resources/application.properties', 'java');
    p.l('spring.datasource.url=jdbc:postgresql://db.internal:5432/billing', 'spring.datasource.username=billing');
    const ppw = t.password();
    p.s(`spring.datasource.password=${ppw}`, 'generic', ppw);
    p.d('spring.mail.password=${MAIL_PASSWORD}', 'property placeholder');
    const ak = t.awsId();
    p.s(`cloud.aws.credentials.access-key=${ak}`, 'aws', ak);
    const as = t.awsSecret();
    p.s(`cloud.aws.credentials.secret-key=${as}`, 'aws', as);
  }
  // C#
  {
    const f = repo.file('services/portal/Portal/appsettings.Production.json', 'csharp');
    const pw = t.password();
    const azk = t.azureStorageKey();
    f.l('{', '  "ConnectionStrings": {');
    f.s(
      `    "Default": "Server=tcp:acme.database.windows.net,1433;Database=portal;User ID=portal;Password=${pw};Encrypt=True;",`,
      'database',
      pw,
    );
    f.s(
      `    "Storage": "DefaultEndpointsProtocol=https;AccountName=acmeportal;AccountKey=${azk};EndpointSuffix=core.windows.net"`,
      'azure',
      azk,
    );
    f.l('  },');
    f.d('  "Logging": { "LogLevel": { "Default": "Information" } },', 'plain');
    f.l('  "AzureAd": {');
    f.d(`    "ClientId": "${t.uuid()}",`, 'uuid id');
    const cs = t.azureClientSecret();
    f.s(`    "ClientSecret": "${cs}"`, 'azure', cs);
    f.l('  },', '  "Smtp": {', '    "Host": "smtp.sendgrid.net",', '    "User": "apikey",');
    const smtp = t.sendgrid();
    f.s(`    "Password": "${smtp}"`, 'sendgrid', smtp);
    f.l('  }', '}');
    const c = repo.file('services/portal/Portal/Services/MailService.cs', 'csharp');
    c.l('namespace Portal.Services;', '', 'public class MailService', '{');
    const npw = t.password();
    c.s(`    private readonly NetworkCredential _cred = new NetworkCredential("svc-mail", "${npw}");`, 'generic', npw);
    const sig = t.azureSasSig();
    c.s(
      `    private const string BlobSas = "https://acmeportal.blob.core.windows.net/exports?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2027-06-30T00:00:00Z&st=2025-01-01T00:00:00Z&spr=https&sig=${sig}";`,
      'azure',
      sig,
    );
    c.d('    private string Password => _config["Smtp:Password"];', 'config lookup');
    const opw = t.password();
    c.s(`    public void Configure(RabbitOptions o) { o.UserName = "portal"; o.Password = "${opw}"; }`, 'generic', opw);
    c.l('}');
  }
  // Ruby
  {
    const f = repo.file('services/storefront/config/initializers/services.rb', 'ruby');
    const st = t.stripeLive();
    f.s(`Stripe.api_key = '${st}'`, 'stripe', st);
    f.d("Stripe.api_key = ENV.fetch('STRIPE_SECRET_KEY')", 'env read');
    const ba = t.password();
    f.s(`request.basic_auth('reports', '${ba}')`, 'generic', ba);
    const pk = `pk_live_${t.alnum(24)}`;
    f.d(`STRIPE_PUBLISHABLE_KEY = '${pk}'`, 'publishable key (public by design)');
    const sid = t.twilioSid();
    const tok = t.twilioToken();
    f.s(`TWILIO = Twilio::REST::Client.new('${sid}', '${tok}')`, 'twilio', tok);
    const rpw = t.password();
    f.s(
      `Redis.current = Redis.new(url: "redis://:${rpw.replace(/[^A-Za-z0-9]/g, '')}@cache.internal:6379/1")`,
      'database',
      rpw.replace(/[^A-Za-z0-9]/g, ''),
    );
    const d = repo.file('services/storefront/config/database.yml', 'ruby');
    d.l('production:', '  adapter: postgresql', '  database: storefront', '  username: storefront');
    const dpw = t.password();
    d.s(`  password: ${dpw}`, 'generic', dpw);
    d.d("  host: <%= ENV['DB_HOST'] %>", 'erb');
    d.l('development:', '  adapter: postgresql');
    d.d("  password: <%= ENV['DB_PASSWORD'] %>", 'erb env');
  }
  // PHP
  {
    const f = repo.file('services/cms/config/app.php', 'php');
    f.l('<?php', '', 'return [');
    const pw = t.password();
    f.s(`    'db_password' => '${pw}',`, 'generic', pw);
    f.d("    'mail_password' => env('MAIL_PASSWORD'),", 'env read');
    const sg = t.sendgrid();
    f.s(`    'sendgrid_key' => "${sg}",`, 'sendgrid', sg);
    f.l('];');
    const c = repo.file('services/cms/src/Db.php', 'php');
    c.l('<?php');
    const ppw = t.password();
    c.s(`$pdo = new PDO('mysql:host=db.internal;dbname=cms', 'cms', '${ppw}');`, 'generic', ppw);
    const mpw = t.password();
    c.s(`$link = mysqli_connect("db.internal", "cms", "${mpw}", "cms");`, 'generic', mpw);
    c.d('$hash = password_hash($input, PASSWORD_DEFAULT);', 'function call');
    const wp = repo.file('services/cms/public/wp-config.php', 'php');
    wp.l('<?php', "define('DB_NAME', 'wordpress');", "define('DB_USER', 'wp');");
    const wpw = t.password();
    wp.s(`define('DB_PASSWORD', '${wpw}');`, 'generic', wpw);
    wp.d("define('DB_HOST', 'localhost');", 'plain');
    wp.d("define('AUTH_KEY', 'put your unique phrase here');", 'placeholder');
  }
  // Rust
  {
    const f = repo.file('services/indexer/src/config.rs', 'rust');
    const oa = t.openai();
    f.s(`const OPENAI_KEY: &str = "${oa}";`, 'openai', oa);
    const pw = t.password().replace(/[^A-Za-z0-9]/g, '');
    f.s(`const DATABASE_URL: &str = "postgres://indexer:${pw}@pg.internal:5432/index";`, 'database', pw);
    f.d('let token = std::env::var("GITHUB_TOKEN").expect("GITHUB_TOKEN");', 'env read');
    const gl = t.gitlab();
    f.s(`let client = Gitlab::new("gitlab.com", "${gl}")?;`, 'gitlab', gl);
    f.d(`const SCHEMA_HASH: &str = "${t.sha256()}";`, 'sha256');
    const rb = t.password();
    f.s(`let resp = client.get(url).basic_auth("indexer", Some("${rb}")).send().await?;`, 'generic', rb);
  }
  // JS / TS
  {
    const f = repo.file('apps/web/src/lib/config.ts', 'js');
    const sb = t.supabaseServiceRole();
    f.s(`export const SUPABASE_SERVICE_ROLE_KEY = '${sb}';`, 'supabase', sb);
    f.d("export const supabaseUrl = process.env.NEXT_PUBLIC_SUPABASE_URL ?? '';", 'process.env');
    const an = t.anthropic();
    f.s(`const anthropic = new Anthropic({ apiKey: '${an}' });`, 'anthropic', an);
    f.d('const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });', 'process.env');
    const rw = t.uuid();
    f.s(`export const RAILWAY_TOKEN = '${rw}';`, 'railway', rw);
    f.d(`export const SESSION_ID_NAMESPACE = '${t.uuid()}';`, 'uuid id');
    const mpw = t.password().replace(/[^A-Za-z0-9]/g, '');
    f.s(`await mongoose.connect('mongodb://web:${mpw}@mongo-0.internal:27017/web?authSource=admin');`, 'mongodb', mpw);
    const g = repo.file('apps/web/src/server/auth.js', 'js');
    const pw = t.password();
    g.s(`const adminPassword = "${pw}";`, 'generic', pw);
    g.d("if (password === '') throw new Error('Password is required');", 'empty compare');
    const cmp = t.password();
    g.s(`if (req.body.password === '${cmp}') return grantAdmin(req);`, 'generic', cmp);
    const kn = t.password();
    g.s(
      `const knex = require('knex')({ client: 'pg', connection: { host: 'db', user: 'web', password: '${kn}' } });`,
      'generic',
      kn,
    );
    g.d("const t = i18n({ password: 'Passwort', token: 'Zugangstoken' });", 'i18n');
    const h = repo.file('apps/web/src/server/github.ts', 'js');
    const ght = t.github('gho_');
    h.s(`const octokit = new Octokit({ auth: "${ght}" });`, 'github', ght);
    h.d('const octokit2 = new Octokit({ auth: `token ${process.env.GH_TOKEN}` });', 'template literal');
    const hk = t.heroku();
    h.s(`await fetch('https://api.heroku.com/apps', { headers: { Authorization: 'Bearer ${hk}' } });`, 'heroku', hk);
  }
}

function shell(repo, t) {
  const f = repo.file('scripts/deploy.sh', 'shell');
  f.l('#!/usr/bin/env bash', 'set -euo pipefail');
  const ak = t.awsId();
  const as = t.awsSecret();
  f.s(`export AWS_ACCESS_KEY_ID=${ak}`, 'aws', ak);
  f.s(`export AWS_SECRET_ACCESS_KEY=${as}`, 'aws', as);
  f.d('export AWS_SESSION_TOKEN="${AWS_SESSION_TOKEN:-}"', 'variable');
  const pw = t.password();
  f.s(
    `curl -u deploy:${pw.replace(/[^A-Za-z0-9]/g, '')} https://nexus.acme-corp.io/repository/releases/ -T build.tgz`,
    'generic',
    pw.replace(/[^A-Za-z0-9]/g, ''),
  );
  const dop = t.digitalocean();
  f.s(`curl -H "Authorization: Bearer ${dop}" https://api.digitalocean.com/v2/droplets`, 'digitalocean', dop);
  f.d('curl -H "Authorization: Bearer $DO_TOKEN" https://api.digitalocean.com/v2/account', 'variable');
  const mpw = t.password().replace(/[^A-Za-z0-9]/g, '');
  f.s(`mysql -h db.internal -u root -p'${mpw}' app < migrate.sql`, 'generic', mpw);
  const spw = t.password().replace(/[^A-Za-z0-9]/g, '');
  f.s(`sshpass -p '${spw}' ssh deploy@bastion.acme-corp.io`, 'generic', spw);
  f.d(`echo "${t.sha256()}  build.tgz" | sha256sum -c -`, 'checksum');
  const g = repo.file('scripts/bootstrap-dev.sh', 'shell');
  g.l('#!/bin/sh');
  const ghT = t.github();
  g.s(`GH_TOKEN="${ghT}" gh repo clone acme-corp/api`, 'github', ghT);
  g.d('read -r -s -p "Password: " PASSWORD', 'prompt');
  const pgpw = t.password();
  g.s(`PGPASSWORD='${pgpw}' psql -h localhost -U postgres -c 'select 1'`, 'generic', pgpw);
  g.d('export OPENAI_API_KEY=<your-token>', 'placeholder');
  g.d('export STRIPE_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx', 'placeholder');
}

function envFiles(repo, t) {
  for (const stage of ['development', 'staging', 'production']) {
    const f = repo.file(stage === 'development' ? '.env' : `.env.${stage}`, 'env');
    f.l(`# ${stage}`, `NODE_ENV=${stage}`);
    const pw = t.password().replace(/[^A-Za-z0-9]/g, '');
    f.s(`DATABASE_URL=postgresql://app:${pw}@db-${stage}.acme-corp.io:5432/app`, 'database', pw);
    const st = stage === 'production' ? t.stripeLive() : t.stripeTest();
    f.s(`STRIPE_SECRET_KEY=${st}`, 'stripe', st, stage === 'production' ? 'error' : 'warning');
    const oa = t.openai();
    f.s(`OPENAI_API_KEY="${oa}"`, 'openai', oa);
    const sg = t.sendgrid();
    f.s(`SENDGRID_API_KEY=${sg}`, 'sendgrid', sg);
    const tsid = t.twilioSid();
    const ttok = t.twilioToken();
    f.l(`TWILIO_ACCOUNT_SID=${tsid}`);
    f.s(`TWILIO_AUTH_TOKEN=${ttok}`, 'twilio', ttok);
    const jwtSecret = t.alnum(48);
    f.s(`JWT_SECRET=${jwtSecret}`, 'generic', jwtSecret);
    const sbk = t.supabaseServiceRole();
    f.s(`SUPABASE_SERVICE_ROLE_KEY=${sbk}`, 'supabase', sbk);
    f.d('NEXT_PUBLIC_SITE_URL=https://acme-corp.io', 'plain url');
    f.d('SENTRY_DSN=', 'empty');
    f.d('SMTP_PASSWORD="********"', 'masked');
    f.d('MAILGUN_API_KEY=your-api-key', 'placeholder');
    const dpat = t.digitalocean();
    f.s(`export DIGITALOCEAN_TOKEN=${dpat} # ops team, rotate quarterly`, 'digitalocean', dpat);
    f.d('# OPENAI_API_KEY=sk-proj-REPLACE_ME', 'commented placeholder');
    f.d('SESSION_SECRET=${SESSION_SECRET}', 'variable');
    const rpw = t.password().replace(/[^A-Za-z0-9]/g, '');
    f.s(`REDIS_URL=rediss://default:${rpw}@redis-${stage}.acme-corp.io:6380`, 'database', rpw);
  }
  const ex = repo.file('.env.example', 'env');
  ex.d('DATABASE_URL=postgresql://app:password@localhost:5432/app', 'example default');
  ex.d('STRIPE_SECRET_KEY=sk_test_...', 'placeholder');
  ex.d('OPENAI_API_KEY=', 'empty');
  ex.d('JWT_SECRET=change-me-to-a-long-random-string', 'placeholder');
  ex.d('AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE', 'vendor example');
  ex.d('AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'vendor example');
}

function credentialStores(repo, t) {
  const n = repo.file('.npmrc', 'credstore');
  n.l('registry=https://registry.npmjs.org/', '@acme:registry=https://npm.pkg.github.com/');
  const gh = t.github();
  n.s(`//npm.pkg.github.com/:_authToken=${gh}`, 'github', gh);
  const npmTok = t.npm();
  n.s(`//registry.npmjs.org/:_authToken=${npmTok}`, 'npm', npmTok);
  n.d('//registry.acme-corp.io/:_authToken=${NPM_TOKEN}', 'variable');
  const npmAuth = t.password().replace(/[^A-Za-z0-9]/g, '');
  n.s(
    `//nexus.acme-corp.io/repository/npm/:_auth=${Buffer.from(`deploy:${npmAuth}`).toString('base64')}`,
    'npm',
    npmAuth,
  );

  const p = repo.file('.pypirc', 'credstore');
  p.l('[distutils]', 'index-servers =', '    pypi', '    internal', '', '[pypi]', 'username = __token__');
  const pypi = t.pypi();
  p.s(`password = ${pypi}`, 'pypi', pypi);
  p.l('', '[internal]', 'repository = https://pypi.acme-corp.io/simple', 'username = deploy');
  const ipw = t.password();
  p.s(`password = ${ipw}`, 'generic', ipw);

  const nr = repo.file('ops/home/.netrc', 'credstore');
  const npw = t.password();
  nr.s(`machine artifacts.acme-corp.io login deploy password ${npw}`, 'generic', npw);
  const hk = t.heroku();
  nr.l('machine api.heroku.com', '  login ops@acme-corp.io');
  nr.s(`  password ${hk}`, 'heroku', hk);

  const gc = repo.file('ops/home/.git-credentials', 'credstore');
  const gct = t.github();
  gc.s(`https://acme-bot:${gct}@github.com`, 'github', gct);
  const glpw = t.password().replace(/[^A-Za-z0-9]/g, '');
  gc.s(`https://deploy:${glpw}@git.acme-corp.io`, 'generic', glpw);

  const aw = repo.file('ops/home/.aws/credentials', 'credstore');
  const awId = t.awsId();
  const awSecret = t.awsSecret();
  aw.l('[default]');
  aw.s(`aws_access_key_id = ${awId}`, 'aws', awId);
  aw.s(`aws_secret_access_key = ${awSecret}`, 'aws', awSecret);
  aw.l('', '[readonly]');
  aw.d('aws_access_key_id = AKIAIOSFODNN7EXAMPLE', 'vendor example');
  aw.d('aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'vendor example');

  const pg = repo.file('ops/home/.pgpass', 'credstore');
  const p1 = t.password().replace(/:/g, '');
  const p2 = t.password().replace(/:/g, '');
  pg.s(`db-prod.acme-corp.io:5432:app:app:${p1}`, 'generic', p1);
  pg.s(`*:*:*:replicator:${p2}`, 'generic', p2);
}

function logs(repo, t) {
  const f = repo.file('logs/api-2026-11-30.log', 'logs');
  const bearer = t.github('gho_');
  const pw = t.password().replace(/[^A-Za-z0-9]/g, '');
  const tok = t.alnum(40);
  const sk = t.stripeLive();
  f.l('2026-11-30T09:12:01.114Z INFO  server listening on :8080');
  f.d(`2026-11-30T09:12:02.201Z INFO  request_id=${t.uuid()} GET /healthz 200 1ms`, 'uuid request id');
  f.s(
    `2026-11-30T09:12:03.551Z DEBUG outgoing request headers={"Authorization":"Bearer ${bearer}","Accept":"application/json"}`,
    'github',
    bearer,
  );
  f.s(`2026-11-30T09:12:04.002Z INFO  connecting to postgres://api:${pw}@pg-primary:5432/api`, 'database', pw);
  f.s(`[DEBUG] token=${tok}`, 'generic', tok);
  f.s(`2026-11-30T09:13:10.000Z ERROR stripe: invalid request (key=${sk})`, 'stripe', sk);
  f.d(`2026-11-30T09:13:11.000Z INFO  commit=${t.sha1()} build=1423`, 'git sha');
  f.d('2026-11-30T09:13:12.000Z WARN  login failed for user=alice password=****', 'masked');
  f.d('2026-11-30T09:13:13.000Z INFO  Authorization: Bearer [REDACTED]', 'redacted');
  const g = repo.file('logs/worker.log', 'logs');
  const basic = t.password().replace(/[^A-Za-z0-9]/g, '');
  g.s(
    `12:00:01 worker: POST https://hooks.internal/ingest Authorization: Basic ${Buffer.from(`ingest:${basic}`).toString('base64')}`,
    'generic',
    basic,
  );
  const sl = t.slackBot();
  g.s(`12:00:02 worker: slack client init token=${sl}`, 'slack', sl);
  g.d(`12:00:03 worker: job ${t.uuid()} done in 2.1s`, 'uuid');
  const dd = t.ddApi();
  g.s(`12:00:04 worker: datadog exporter configured DD_API_KEY=${dd}`, 'datadog', dd);
  const q = t.alnum(32);
  g.s(`12:00:05 worker: GET https://api.partner-feeds.io/v2/prices?symbol=ACME&api_key=${q} 200`, 'generic', q);
  g.d('12:00:06 worker: GET https://api.partner-feeds.io/v2/prices?symbol=ACME&api_key=*** 200', 'masked');
}

function docs(repo, t) {
  const r = repo.file('README.md', 'docs');
  r.l(
    '# acme-corp platform',
    '',
    'Monorepo for the api, web, billing and ml services.',
    '',
    '## Quick start',
    '',
    '```sh',
  );
  r.d('export OPENAI_API_KEY=sk-...your key...', 'placeholder');
  r.l('docker compose up', '```', '');
  const oa = t.openai();
  r.l('Temporary key for the demo environment (rotate after the offsite):', '');
  r.s(`    OPENAI_API_KEY=${oa}`, 'openai', oa);
  r.l('', 'AWS docs use the example key below; never use real keys here:', '');
  r.d('    aws_access_key_id = AKIAIOSFODNN7EXAMPLE', 'vendor example');
  r.d('    aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'vendor example');
  const o = repo.file('docs/runbooks/oncall.md', 'docs');
  o.l('# On-call runbook', '', '## Access');
  const pw = t.password();
  o.s(`- Grafana admin: user \`admin\`, password: \`${pw}\``, 'generic', pw);
  const dd = t.ddApp();
  o.s(`- Datadog app key (read-only dashboards): DD_APP_KEY=${dd}`, 'datadog', dd);
  o.d('- Vault: `vault kv get secret/prod/api` for everything else.', 'vault path');
  o.d('- The password field on the login page says "Password" in every locale.', 'prose');
}

function keys(repo, t) {
  const k = repo.file('ops/keys/deploy_rsa.pem', 'keys');
  const rsa = t.rsaPem();
  k.s(rsa, 'private-key', rsa.join('\n'));
  const sa = repo.file('infra/gcp/service-account.json', 'keys');
  const p8 = t.pkcs8Pem();
  const proj = `acme-prod-${t.lower(6)}`;
  sa.l('{', '  "type": "service_account",', `  "project_id": "${proj}",`);
  sa.d(`  "private_key_id": "${t.sha1()}",`, 'key id');
  sa.s(`  "private_key": ${JSON.stringify(p8.join('\n') + '\n')},`, 'gcp', p8.join('\n'));
  sa.l(
    `  "client_email": "deployer@${proj}.iam.gserviceaccount.com",`,
    `  "client_id": "${t.digits(21)}",`,
    '  "auth_uri": "https://accounts.google.com/o/oauth2/auth",',
    '  "token_uri": "https://oauth2.googleapis.com/token"',
    '}',
  );
  const y = repo.file('deploy/k8s/base/tls-secret.yaml', 'keys');
  const ec = t.ecPem();
  y.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: webhook-tls',
    'type: kubernetes.io/tls',
    'stringData:',
    '  tls.crt: |',
  );
  y.d(
    [
      '    -----BEGIN CERTIFICATE-----',
      `    MIIB${t.mixed(B64, 60)}`,
      `    ${t.mixed(B64, 64)}`,
      '    -----END CERTIFICATE-----',
    ],
    'certificate',
  );
  y.l('  tls.key: |');
  y.s(
    ec.map((l) => `    ${l}`),
    'private-key',
    ec.join('\n'),
  );
  const pub = repo.file('ops/keys/deploy_rsa.pub', 'keys');
  pub.d(`ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ${t.mixed(B64, 340)} deploy@acme`, 'public key');
  const pubpem = repo.file('ops/keys/jwt-public.pem', 'keys');
  pubpem.d(
    [
      '-----BEGIN PUBLIC KEY-----',
      `MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA${t.mixed(B64, 20)}`,
      t.mixed(B64, 64),
      t.mixed(B64, 64),
      '-----END PUBLIC KEY-----',
    ],
    'public key',
  );
  const ssh = repo.file('ops/keys/bastion_ed25519', 'keys');
  const os = t.opensshPem();
  ssh.s(os, 'private-key', os.join('\n'));
}

function jwts(repo, t) {
  const f = repo.file('apps/web/test/e2e/session.http', 'jwt');
  const a = t.jwt();
  f.l('### current user', 'GET https://api.acme-corp.io/v1/me');
  f.s(`Authorization: Bearer ${a}`, 'generic', a);
  const g = repo.file('services/ml/app/jobs.py', 'jwt');
  const b = t.jwt();
  g.l('import requests', '');
  g.s(`SERVICE_JWT = "${b}"`, 'generic', b);
  g.d('requests.get(URL, headers={"Authorization": f"Bearer {SERVICE_JWT}"})', 'variable');
  const c = repo.file('apps/web/src/lib/api-client.ts', 'jwt');
  const cj = t.jwt();
  c.s(`const headers = { Authorization: 'Bearer ${cj}' };`, 'generic', cj);
}

function noise(repo, t) {
  const lock = repo.file('package-lock.json', 'decoys');
  lock.l('{', '  "name": "acme-platform",', '  "lockfileVersion": 3,', '  "packages": {');
  for (const name of ['express', 'react', 'zod', 'pg', 'ioredis', 'stripe']) {
    lock.l(
      `    "node_modules/${name}": {`,
      '      "version": "1.2.3",',
      `      "resolved": "https://registry.npmjs.org/${name}/-/${name}-1.2.3.tgz",`,
    );
    lock.d(`      "integrity": "sha512-${Buffer.from(t.pick(HEX, 128), 'hex').toString('base64')}"`, 'integrity hash');
    lock.l('    },');
  }
  lock.l('    "": {}', '  }', '}');
  const sum = repo.file('services/gateway/go.sum', 'decoys');
  for (const m of [
    'github.com/redis/go-redis/v9 v9.5.1',
    'github.com/sendgrid/sendgrid-go v3.14.0+incompatible',
    'golang.org/x/crypto v0.24.0',
  ]) {
    sum.d(`${m} h1:${Buffer.from(t.pick(HEX, 64), 'hex').toString('base64')}`, 'go.sum hash');
  }
  const fx = repo.file('services/billing/src/test/resources/fixtures/fake-credentials.json', 'decoys');
  fx.l('{', '  "_comment": "FAKE credentials for unit tests; not real, never valid",');
  fx.d('  "stripe_key": "sk_test_FAKEFAKEFAKEFAKEFAKEFAKE",', 'marked fake');
  fx.d('  "password": "fake-password-for-tests",', 'marked fake');
  fx.d('  "aws_access_key_id": "AKIAIOSFODNN7EXAMPLE"', 'vendor example');
  fx.l('}');
  const i18n = repo.file('apps/web/src/locales/en.json', 'decoys');
  i18n.l('{');
  for (const [k, v] of [
    ['password', 'Password'],
    ['password_confirm', 'Confirm password'],
    ['api_key', 'API key'],
    ['token_help', 'Paste your personal access token'],
    ['secret_label', 'Client secret'],
    ['forgot_password', 'Forgot your password?'],
  ]) {
    i18n.d(`  "${k}": "${v}",`, 'i18n');
  }
  i18n.l('  "ok": "OK"', '}');
  const min = repo.file('apps/web/public/vendor/chart.min.js', 'decoys');
  let body = '!function(t,e){"object"==typeof exports?module.exports=e():t.Chart=e()}(this,function(){';
  for (let i = 0; i < 60; i++)
    body += `var ${t.pick(LOWER, 1)}${i}=function(${t.pick(LOWER, 1)}){return ${t.pick(LOWER, 1)}.${t.pick(LOWER, 6)}(${i},"${t.pick(ALNUM, 12)}")};`;
  body += 'return{}});';
  min.d(body, 'minified js');
  const css = repo.file('apps/web/src/styles/logo.css', 'decoys');
  css.d(`.logo{background-image:url("data:image/png;base64,${t.pngBase64()}")}`, 'base64 image');
  const ids = repo.file('services/ml/app/constants.py', 'decoys');
  ids.d(`TENANT_ID = "${t.uuid()}"`, 'uuid');
  ids.d(`MODEL_SHA256 = "${t.sha256()}"`, 'sha256');
  ids.d('PASSWORD_MIN_LENGTH = 12', 'number');
  ids.d('TOKEN_HEADER = "Authorization"', 'header name');
  ids.d('API_KEY_ENV = "OPENAI_API_KEY"', 'env var name');
  ids.d('DEFAULT_PASSWORD = "xxxxxxxx"', 'placeholder');
  ids.d('SECRET_PATH = "secret/data/ml/openai"', 'vault path');
  ids.d(`GIT_REV = "${t.sha1()}"`, 'sha');
  const tl = repo.file('infra/terraform/.terraform.lock.hcl', 'decoys');
  tl.l('provider "registry.terraform.io/hashicorp/aws" {', '  version = "5.54.1"', '  hashes = [');
  tl.d(`    "h1:${Buffer.from(t.pick(HEX, 64), 'hex').toString('base64')}",`, 'provider hash');
  tl.d(`    "zh:${t.sha256()}",`, 'provider hash');
  tl.l('  ]', '}');
  const av = repo.file('deploy/ansible/group_vars/prod/vault.yml', 'decoys');
  av.l('db_password: !vault |');
  av.d(
    ['          $ANSIBLE_VAULT;1.1;AES256', ...Array.from({ length: 5 }, () => `          ${t.pick(HEX, 80)}`)],
    'ansible vault ciphertext',
  );
  av.d('api_token: "{{ vault_api_token }}"', 'jinja reference');
  const ja = repo.file('services/billing/src/main/java/com/acme/billing/DbConfig.java', 'decoys');
  ja.l('package com.acme.billing;', '', 'class DbConfig {');
  ja.d('    @Value("${spring.datasource.password}")', 'property reference');
  ja.d('    private String password;', 'field');
  ja.d('    private static final String PASSWORD_RESET_PATH = "/account/password/reset";', 'path');
  ja.l('}');
  const tfex = repo.file('infra/terraform/examples/basic/main.tf', 'decoys');
  tfex.l('module "api" {', '  source = "../../modules/api"');
  tfex.d('  db_password = "<db-password>"', 'placeholder');
  tfex.d('  api_token   = "${var.api_token}"', 'interpolation');
  tfex.d('  stripe_key  = "sk_live_YOUR_KEY_HERE"', 'placeholder');
  tfex.l('}');
}

// ---- write -------------------------------------------------------------------------------

/** Writes the repository into outDir and its labels to labelsPath (default: outDir/labels.json). */
export function generate(outDir, seed = 1, labelsPath = join(outDir, 'labels.json')) {
  return writeRepo(buildRepo(seed), outDir, seed, labelsPath);
}

/** Writes a built repository's files under outDir and its labels to labelsPath (the other suites' generators use it too). */
export function writeRepo(repo, outDir, seed, labelsPath) {
  const root = resolve(outDir);
  for (const [path, f] of repo.files) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, f.lines.join('\n') + '\n');
  }
  const files = Object.fromEntries([...repo.files].map(([path, f]) => [path, f.category]));
  const labels = {
    seed,
    files,
    secrets: repo.labels.filter((l) => l.kind !== 'decoy'),
    decoys: repo.labels.filter((l) => l.kind === 'decoy'),
  };
  writeFileSync(labelsPath, JSON.stringify(labels, null, 2) + '\n');
  return labels;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const option = (name) => {
    const at = args.indexOf(name);
    return at >= 0 ? args.splice(at, 2)[1] : undefined;
  };
  const seed = Number(option('--seed') ?? 1);
  const labelsPath = option('--labels');
  const out = args[0];
  if (!out || args.length > 1 || !Number.isInteger(seed)) {
    console.error('usage: generate.mjs OUT_DIR [--seed N] [--labels FILE]');
    process.exit(2);
  }
  const labels = generate(out, seed, labelsPath ?? join(out, 'labels.json'));
  console.log(
    `wrote ${Object.keys(labels.files).length} files to ${out}: ${labels.secrets.length} secrets, ${labels.decoys.length} decoys (seed ${seed})`,
  );
}
