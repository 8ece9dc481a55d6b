// Red-team suite "infra": infrastructure and operations files and their encodings (Kubernetes,
// Helm, kustomize, Terraform, Docker, CI systems, notebooks, logs, Ansible, cloud CLI credential
// files, keys in context, JWTs, encoded layers). Written from what such repositories hold, not
// from the scanner's rules, so its misses measure something. Every token is built at run time
// from the seeded PRNG; checksummed formats carry a valid checksum.
import { crc32Base62Suffix } from '../../dist/providers/formats/checksums.js';
import { ALNUM, B64, DIGIT, HEX, LOWER, UPPER, URLSAFE, Repo, makeTokens, mulberry32, redact } from './generate.mjs';

const BECH32 = 'QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L';

// CRC32 (IEEE) for formats whose checksum is not base62 (Grafana's little-endian hex suffix).
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(text) {
  let c = 0xffffffff;
  for (const byte of Buffer.from(text)) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

// A second planted secret on the line just labelled (two values inside one encoded blob).
function alsoOnLastLine(repo, kind, value) {
  const last = repo.labels.at(-1);
  repo.labels.push({ ...last, kind, expectLevel: kind === 'generic' ? 'warning' : 'error', redacted: redact(value) });
}

const b64 = (s) => Buffer.from(s).toString('base64');
const b64url = (s) => Buffer.from(s).toString('base64url');

function infraTokens(rand, t) {
  const { pick, mixed } = t;
  const bytes = (n) => Buffer.from(Array.from({ length: n }, () => Math.floor(rand() * 256)));
  const jwtWith = (header, payload) => `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  const sig = (n = 342) =>
    bytes(Math.ceil((n * 3) / 4))
      .toString('base64url')
      .slice(0, n);
  const pemOf = (label, headerHex, bodyBytes, extraHeaders = []) => {
    const body = Buffer.concat([Buffer.from(headerHex, 'hex'), bytes(bodyBytes)]).toString('base64');
    return [`-----BEGIN ${label}-----`, ...extraHeaders, ...body.match(/.{1,64}/g), `-----END ${label}-----`];
  };
  return {
    bytes,
    dockerPat: () => `dckr_pat_${mixed(URLSAFE, 27)}`,
    vault: () => `hvs.CAESI${mixed(URLSAFE, 86)}`,
    doppler: () => `dp.st.prd.${mixed(ALNUM, 43)}`,
    linear: () => `lin_api_${mixed(ALNUM, 40)}`,
    grafanaSa: () => {
      const body = `glsa_${mixed(ALNUM, 32)}`;
      const le = Buffer.alloc(4);
      le.writeUInt32LE(crc32(body));
      return `${body}_${le.toString('hex')}`;
    },
    databricks: () => `dapi${t.hex(32)}`,
    // Hugging Face user tokens are letters only after the prefix.
    huggingface: () => `hf_${pick(UPPER + LOWER, 34)}`,
    shopify: () => `shpat_${t.hex(32)}`,
    sentryUser: () => `sntryu_${t.hex(64)}`,
    gitlabDeploy: () => `gldt-${mixed(URLSAFE, 20)}`,
    gitlabRunner: () => `glrt-${mixed(URLSAFE, 20)}`,
    githubFine: () => `github_pat_11${mixed(UPPER + DIGIT, 20)}_${mixed(ALNUM, 59)}`,
    githubApp: () =>
      `ghs_${t.mixed(ALNUM, 30)}`.replace(/^ghs_(.*)$/, (m, body) => `ghs_${body}${crc32Base62Suffix(body)}`),
    terraformCloud: () => `${mixed(ALNUM, 14)}.atlasv1.${mixed(ALNUM, 67)}`,
    ageKey: () => `AGE-SECRET-KEY-1${pick(BECH32, 58)}`,
    tailscale: () => `tskey-auth-k${mixed(ALNUM, 11)}CNTRL-${mixed(ALNUM, 33)}`,
    newRelicUser: () => `NRAK-${mixed(UPPER + DIGIT, 27)}`,
    pulumi: () => `pul-${t.hex(40)}`,
    sonar: () => `squ_${t.hex(40)}`,
    mailgun: () => `key-${t.hex(32)}`,
    postman: () => `PMAK-${t.hex(24)}-${t.hex(34)}`,
    neon: () => `napi_${pick(LOWER + DIGIT, 64)}`,
    planetscale: () => `pscale_pw_${mixed(URLSAFE, 43)}`,
    flyUser: () => `fo1_${mixed(URLSAFE, 43)}`,
    discordBot: () => `${b64url(t.digits(19)).replace(/=+$/, '')}.${mixed(URLSAFE, 6)}.${mixed(URLSAFE, 38)}`,
    digitaloceanPat: () => t.digitalocean(),
    azureAdSecret: () => t.azureClientSecret(),
    gcpClientSecret: () => `GOCSPX-${mixed(URLSAFE, 28)}`,
    gcpRefresh: () => `1//0${mixed(URLSAFE, 99)}`,
    googleAccess: () => `ya29.a0${mixed(URLSAFE, 150)}`,
    awsSession: () => `IQoJb3JpZ2luX2VjE${mixed(B64, 340)}`,
    bootstrap: () => `${pick(LOWER + DIGIT, 6)}.${pick(LOWER + DIGIT, 16)}`,
    rs256: (payload) => `${jwtWith({ alg: 'RS256', kid: mixed(URLSAFE, 43), typ: 'JWT' }, payload)}.${sig()}`,
    hs256: (payload) => `${jwtWith({ alg: 'HS256', typ: 'JWT' }, payload)}.${mixed(URLSAFE, 43)}`,
    pemOf,
    certPem: () => pemOf('CERTIFICATE', '308203', 820),
    encryptedPkcs8: () => pemOf('ENCRYPTED PRIVATE KEY', '308205063040', 1250),
    encryptedRsa: () =>
      pemOf('RSA PRIVATE KEY', '', 1192, [
        'Proc-Type: 4,ENCRYPTED',
        `DEK-Info: AES-256-CBC,${pick(HEX.toUpperCase(), 32)}`,
        '',
      ]),
    // openssh-key-v1 with an aes256-ctr cipher and a bcrypt KDF: useless without the passphrase.
    encryptedOpenssh: () =>
      pemOf(
        'OPENSSH PRIVATE KEY',
        '6f70656e7373682d6b65792d7631000000000a6165733235362d6374720000000662637279707400000018',
        440,
      ),
    ed25519Pem: () => pemOf('PRIVATE KEY', '302e020100300506032b657004220420', 32),
    ansibleVault: () => {
      const hex = Array.from({ length: 6 }, () => pick(HEX, 80));
      return ['$ANSIBLE_VAULT;1.1;AES256', ...hex];
    },
    sopsValue: () =>
      `ENC[AES256_GCM,data:${b64(bytes(18).toString('hex')).slice(0, 24)},iv:${bytes(32).toString('base64')},tag:${bytes(16).toString('base64')},type:str]`,
    sealed: () => `Ag${bytes(540).toString('base64')}`,
    woff2: () => `d09GMgABAAAAA${mixed(B64, 900)}`,
    integrity: () => `sha512-${bytes(64).toString('base64')}`,
    h1: () => `h1:${bytes(32).toString('base64')}`,
  };
}

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed ^ 0x1f7a);
  const t = makeTokens(rand);
  const x = infraTokens(rand, t);
  const repo = new Repo();
  kubernetes(repo, t, x);
  helm(repo, t, x);
  terraform(repo, t, x);
  docker(repo, t, x);
  ci(repo, t, x);
  notebooks(repo, t, x);
  logs(repo, t, x);
  ansible(repo, t, x);
  cloudCli(repo, t, x);
  keysInContext(repo, t, x);
  jwts(repo, t, x);
  encodedLayers(repo, t, x);
  vendorless(repo, t, x);
  reports(repo, t, x);
  deployScripts(repo, t, x);
  moreTerraform(repo, t, x);
  moreCi(repo, t, x);
  credentialStores(repo, t, x);
  moreKeys(repo, t, x);
  moreNotebooksAndLogs(repo, t, x);
  moreDecoys(repo, t, x);
  opsConfigs(repo, t, x);
  dockerVariants(repo, t, x);
  kubeconfigOidc(repo, t, x);
  clusterInternals(repo, t, x);
  shellsAndMiddleware(repo, t, x);
  splitAndEscaped(repo, t, x);
  referencesEverywhere(repo, t, x);
  return repo;
}

// ---- Kubernetes ------------------------------------------------------------------------------

function kubernetes(repo, t, x) {
  const dbPass = t.password();
  const stripe = t.stripeLive();
  const redisPass = `${t.alnum(24)}`;
  const pgUrl = `postgresql://orders:${t.password()}@orders-db.prod.svc.cluster.local:5432/orders`;
  repo
    .file('deploy/k8s/orders/secret.yaml', 'kubernetes')
    .l(
      '# Applied by the release job; rotate with scripts/rotate-orders.sh',
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: orders-api',
      '  namespace: orders',
      '  labels:',
      '    app.kubernetes.io/name: orders-api',
      '    app.kubernetes.io/part-of: checkout',
      'type: Opaque',
      'data:',
    )
    .s(`  DB_PASSWORD: ${b64(dbPass)}`, 'generic', dbPass)
    .s(`  STRIPE_SECRET_KEY: ${b64(stripe)}`, 'stripe', stripe)
    .s(`  REDIS_PASSWORD: ${b64(redisPass)}`, 'generic', redisPass)
    .s(`  DATABASE_URL: ${b64(pgUrl)}`, 'generic', pgUrl)
    .d(`  LOG_LEVEL: ${b64('info')}`, 'base64 of a log level')
    .d(`  FEATURE_FLAGS: ${b64('checkout-v2,apple-pay,partial-refunds')}`, 'base64 of feature flag names');

  const sendgrid = t.sendgrid();
  const jwtSecret = t.alnum(48);
  repo
    .file('deploy/k8s/notifications/secret.yaml', 'kubernetes')
    .l(
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: notifications',
      '  namespace: comms',
      '  annotations:',
      '    reloader.stakater.com/match: "true"',
      'type: Opaque',
      'stringData:',
    )
    .s(`  SENDGRID_API_KEY: ${sendgrid}`, 'sendgrid', sendgrid)
    .s(`  JWT_SIGNING_SECRET: "${jwtSecret}"`, 'generic', jwtSecret)
    .d('  SMTP_HOST: smtp.sendgrid.net', 'host name')
    .d('  SMTP_PORT: "587"', 'port')
    .d('  FROM_ADDRESS: "no-reply@acme-corp.io"', 'sender address');

  const mqPass = 'Rabbit-Hole-2024!';
  const dd = t.ddApi();
  const springPass = 'rep0rts_Pg_2023';
  workerConfigMap(repo, t, mqPass, dd, springPass);

  const saJwt = x.rs256({
    iss: 'kubernetes/serviceaccount',
    'kubernetes.io/serviceaccount/namespace': 'ci',
    'kubernetes.io/serviceaccount/secret.name': `deployer-token-${t.lower(5)}`,
    'kubernetes.io/serviceaccount/service-account.name': 'deployer',
    'kubernetes.io/serviceaccount/service-account.uid': t.uuid(),
    sub: 'system:serviceaccount:ci:deployer',
  });
  repo
    .file('deploy/k8s/ci/deployer-token.yaml', 'kubernetes')
    .l(
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: deployer-token',
      '  namespace: ci',
      '  annotations:',
      '    kubernetes.io/service-account.name: deployer',
      'type: kubernetes.io/service-account-token',
      'data:',
    )
    .d(`  ca.crt: ${b64(x.certPem().join('\n'))}`, 'base64 of a CA certificate')
    .d(`  namespace: ${b64('ci')}`, 'base64 namespace')
    .s(`  token: ${b64(saJwt)}`, 'kubernetes', saJwt);

  const kubeToken = x.rs256({
    aud: ['https://kubernetes.default.svc.cluster.local'],
    exp: 2082758400,
    iat: 1764547200,
    iss: 'https://oidc.eks.eu-west-1.amazonaws.com/id/' + t.hex(32).toUpperCase(),
    sub: 'system:serviceaccount:platform:ci-admin',
  });
  const clientKey = t.ecPem().join('\n');
  const ca = x.certPem().join('\n');
  const clientCert = x.certPem().join('\n');
  repo
    .file('ops/kube/config-staging', 'kubernetes')
    .l('apiVersion: v1', 'kind: Config', 'clusters:', '- cluster:')
    .d(`    certificate-authority-data: ${b64(ca)}`, 'base64 of a cluster CA certificate')
    .l(
      '    server: https://4F2A9C1B.gr7.eu-west-1.eks.amazonaws.com',
      '  name: staging',
      'contexts:',
      '- context:',
      '    cluster: staging',
      '    user: ci-admin',
      '  name: staging',
      'current-context: staging',
      'preferences: {}',
      'users:',
      '- name: ci-admin',
      '  user:',
    )
    .s(`    token: ${kubeToken}`, 'kubernetes', kubeToken)
    .l('- name: break-glass', '  user:')
    .d(`    client-certificate-data: ${b64(clientCert)}`, 'base64 of a client certificate')
    .s(`    client-key-data: ${b64(clientKey)}`, 'kubernetes', clientKey);

  const bootstrap = x.bootstrap();
  repo
    .file('ops/kube/join-worker.sh', 'kubernetes')
    .l('#!/usr/bin/env bash', 'set -euo pipefail', '# joins a new bare-metal worker to the lab cluster', '')
    .s(`kubeadm join 10.20.0.10:6443 --token ${bootstrap} \\`, 'kubernetes', bootstrap)
    .d(`  --discovery-token-ca-cert-hash sha256:${t.sha256()}`, 'CA cert hash (public)');

  const gh = t.github();
  const sealed = x.sealed();
  repo
    .file('deploy/k8s/ci/sealed-registry.yaml', 'kubernetes')
    .l(
      'apiVersion: bitnami.com/v1alpha1',
      'kind: SealedSecret',
      'metadata:',
      '  name: registry-pull',
      '  namespace: ci',
      'spec:',
      '  encryptedData:',
    )
    .d(`    .dockerconfigjson: ${sealed}`, 'sealed-secrets ciphertext')
    .d(`    GITHUB_TOKEN: ${x.sealed().slice(0, 400)}`, 'sealed-secrets ciphertext');
  repo
    .file('deploy/k8s/ci/runner-secret.yaml', 'kubernetes')
    .l('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: runner', 'type: Opaque', 'data:')
    .s(`  github-token: ${b64(gh)}`, 'github', gh)
    .d('  runner-labels: c2VsZi1ob3N0ZWQsbGludXgseDY0', 'base64 of runner labels');

  repo
    .file('deploy/k8s/orders/deployment.yaml', 'kubernetes')
    .l(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: orders-api',
      'spec:',
      '  replicas: 3',
      '  template:',
      '    spec:',
      '      containers:',
      '        - name: api',
    )
    .d(`          image: ghcr.io/acme-corp/orders-api@sha256:${t.sha256()}`, 'image digest')
    .l('          env:', '            - name: DB_PASSWORD', '              valueFrom:', '                secretKeyRef:')
    .d('                  name: orders-api', 'secretKeyRef name')
    .d('                  key: DB_PASSWORD', 'secretKeyRef key')
    .l('            - name: STRIPE_SECRET_KEY', '              valueFrom:', '                secretKeyRef:')
    .l('                  name: orders-api', '                  key: STRIPE_SECRET_KEY')
    .d('            - name: OTEL_EXPORTER_OTLP_HEADERS', 'env name')
    .d('              value: "x-honeycomb-dataset=orders"', 'non-secret header')
    .l('          envFrom:', '            - secretRef:', '                name: orders-extra');

  const sopsDb = x.sopsValue();
  repo
    .file('deploy/k8s/payments/secrets.enc.yaml', 'kubernetes')
    .l('apiVersion: v1', 'kind: Secret', 'metadata:', '    name: payments', 'type: Opaque', 'stringData:')
    .d(`    DB_PASSWORD: ${sopsDb}`, 'sops ciphertext')
    .d(`    ADYEN_API_KEY: ${x.sopsValue()}`, 'sops ciphertext')
    .l('sops:', '    kms:', '    -   arn: arn:aws:kms:eu-west-1:123456789012:key/' + t.uuid())
    .d(`        enc: ${x.bytes(180).toString('base64')}`, 'sops KMS-wrapped data key')
    .d(
      `    mac: ENC[AES256_GCM,data:${x.bytes(48).toString('base64')},iv:${x.bytes(32).toString('base64')},tag:${x.bytes(16).toString('base64')},type:str]`,
      'sops MAC',
    )
    .l('    version: 3.8.1');
}

function workerConfigMap(repo, t, mqPass, dd, springPass) {
  repo
    .file('deploy/k8s/worker/configmap.yaml', 'kubernetes')
    .l(
      '# TODO(ops-412): move the credentials below into a Secret',
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: worker-config',
      '  namespace: jobs',
      'data:',
      '  WORKER_CONCURRENCY: "8"',
      '  AMQP_HOST: rabbitmq.jobs.svc',
      '  AMQP_USER: worker',
    )
    .s(`  AMQP_PASSWORD: "${mqPass}"`, 'generic', mqPass)
    .s(`  DD_API_KEY: "${dd}"`, 'datadog', dd)
    .d(`  BUILD_SHA: "${t.sha1()}"`, 'git commit sha')
    .d(`  REQUEST_ID_NAMESPACE: "${t.uuid()}"`, 'uuid namespace')
    .l('  application.properties: |', '    spring.datasource.url=jdbc:postgresql://reports-db:5432/reports')
    .l('    spring.datasource.username=reports')
    .s(`    spring.datasource.password=${springPass}`, 'generic', springPass)
    .l('    spring.jpa.open-in-view=false');
}

// ---- Helm and kustomize ------------------------------------------------------------------

function helm(repo, t, _x) {
  const pgPass = t.password();
  const pgAdmin = 'Postgres#Admin99';
  const redis = t.alnum(32);
  const sentryDsn = `https://${t.hex(32)}@o${t.digits(6)}.ingest.sentry.io/${t.digits(7)}`;
  const slack = t.slackWebhook();
  repo
    .file('charts/checkout/values-prod.yaml', 'helm')
    .l(
      '# Production overrides for the checkout chart',
      'replicaCount: 4',
      '',
      'image:',
      '  repository: ghcr.io/acme-corp/checkout',
    )
    .d('  tag: "2.14.3"', 'version string')
    .l('', 'postgresql:', '  enabled: true', '  auth:', '    username: checkout', '    database: checkout')
    .s(`    password: "${pgPass}"`, 'generic', pgPass)
    .s(`    postgresPassword: ${pgAdmin}`, 'generic', pgAdmin)
    .l('', 'redis:', '  architecture: standalone', '  auth:', '    enabled: true')
    .s(`    password: ${redis}`, 'generic', redis)
    .l('', 'sentry:')
    .d(`  dsn: ${sentryDsn}`, 'Sentry client DSN (public by design)')
    .l('', 'alertmanager:', '  config:', '    receivers:', '      - name: checkout-oncall', '        slack_configs:')
    .s(`          - api_url: ${slack}`, 'slack', slack)
    .l('            channel: "#checkout-alerts"')
    .l('', 'ingress:', '  enabled: true', '  annotations:')
    .d('    cert-manager.io/cluster-issuer: letsencrypt-prod', 'annotation')
    .l('  hosts:', '    - host: checkout.acme-corp.io');

  repo
    .file('charts/checkout/values.yaml', 'helm')
    .l(
      '# Default values for checkout. Secrets come from the cluster or from --set at deploy time.',
      'postgresql:',
      '  auth:',
    )
    .d('    password: ""', 'empty default')
    .d('    existingSecret: checkout-postgres', 'secret reference')
    .d('    secretKeys:', 'key name')
    .d('      userPasswordKey: password', 'key name, not a value')
    .l('redis:', '  auth:')
    .d('    password: changeme', 'placeholder')
    .l('sentry:')
    .d('  dsn: ""', 'empty')
    .l('stripe:')
    .d('  secretKey: "sk_live_REPLACE_ME"', 'placeholder')
    .d('  publishableKey: "pk_test_TYooMQauvdEDq54NiTphI7jx"', "Stripe's documented public test key");

  repo
    .file('charts/checkout/templates/secret.yaml', 'helm')
    .l(
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: {{ include "checkout.fullname" . }}',
      'type: Opaque',
      'data:',
    )
    .d('  DB_PASSWORD: {{ .Values.postgresql.auth.password | b64enc | quote }}', 'template reference')
    .d('  REDIS_PASSWORD: {{ required "redis password" .Values.redis.auth.password | b64enc }}', 'template reference')
    .d('  SENTRY_DSN: {{ .Values.sentry.dsn | b64enc }}', 'template reference')
    .d('  API_TOKEN: {{ randAlphaNum 32 | b64enc | quote }}', 'generated at install time');

  // A whole .env, base64-wrapped, as some charts take it.
  const openai = t.openai();
  const envPass = t.password();
  const envB64 = b64(`NODE_ENV=production\nOPENAI_API_KEY=${openai}\nDB_PASSWORD=${envPass}\nLOG_LEVEL=info\n`);
  repo
    .file('charts/assistant/values-staging.yaml', 'helm')
    .l('assistant:', '  replicas: 1', '  # dotenv for the legacy container, base64 because of the multiline values')
    .s(`  envFile: ${envB64}`, 'openai', openai)
    .l('  resources:', '    limits:', '      memory: 1Gi');
  repo.labels.push({
    ...repo.labels.at(-1),
    kind: 'generic',
    expectLevel: 'warning',
    redacted: `${envPass.slice(0, 4)}…`,
  });

  const kLit = 'Winter2025!';
  const kApi = t.gcpApiKey();
  const kUrl = `mongodb+srv://analytics:${t.password()}@cluster0.a1b2c.mongodb.net/analytics?retryWrites=true`;
  repo
    .file('deploy/kustomize/overlays/staging/kustomization.yaml', 'kubernetes')
    .l(
      'apiVersion: kustomize.config.k8s.io/v1beta1',
      'kind: Kustomization',
      'namespace: analytics-staging',
      'resources:',
      '  - ../../base',
      'images:',
      '  - name: analytics',
    )
    .d(`    digest: sha256:${t.sha256()}`, 'image digest')
    .l('secretGenerator:', '  - name: analytics-env', '    literals:')
    .s(`      - ADMIN_PASSWORD=${kLit}`, 'generic', kLit)
    .s(`      - MAPS_API_KEY=${kApi}`, 'gcp', kApi)
    .s(`      - MONGO_URL=${kUrl}`, 'mongodb', kUrl)
    .d('      - MONGO_DB=analytics', 'database name')
    .l('  - name: analytics-files', '    files:')
    .d('      - credentials.json=secrets/credentials.json', 'file reference')
    .l('generatorOptions:', '  disableNameSuffixHash: true');
}

// ---- Terraform -------------------------------------------------------------------------------

function terraform(repo, t, x) {
  const akid = t.awsId();
  const secret = t.awsSecret();
  const gh = t.github();
  repo
    .file('infra/terraform/envs/sandbox/providers.tf', 'terraform')
    .l(
      'terraform {',
      '  required_version = ">= 1.6"',
      '  required_providers {',
      '    aws = {',
      '      source  = "hashicorp/aws"',
    )
    .d('      version = "~> 5.40"', 'version constraint')
    .l(
      '    }',
      '  }',
      '}',
      '',
      '# sandbox account only, see README before applying',
      'provider "aws" {',
      '  region     = "eu-west-1"',
    )
    .s(`  access_key = "${akid}"`, 'aws', akid)
    .s(`  secret_key = "${secret}"`, 'aws', secret)
    .l('}', '', 'provider "github" {', '  owner = "acme-corp"')
    .s(`  token = "${gh}"`, 'github', gh)
    .l('}', '', 'provider "vault" {', '  address = "https://vault.acme-corp.io:8200"')
    .d('  token   = var.vault_token', 'variable reference')
    .l('}');

  const dbPw = t.password();
  const dd = t.ddApi();
  const ddApp = t.ddApp();
  const cf = t.cloudflare();
  repo
    .file('infra/terraform/envs/staging/terraform.tfvars', 'terraform')
    .l('region          = "eu-west-1"', 'environment     = "staging"', 'instance_class  = "db.t4g.medium"')
    .s(`db_password     = "${dbPw}"`, 'generic', dbPw)
    .s(`datadog_api_key = "${dd}"`, 'datadog', dd)
    .s(`datadog_app_key = "${ddApp}"`, 'datadog', ddApp)
    .s(`cloudflare_api_token = "${cf}"`, 'cloudflare', cf)
    .d('vpc_id          = "vpc-0a1b2c3d4e5f67890"', 'resource id')
    .d(`kms_key_arn     = "arn:aws:kms:eu-west-1:210987654321:key/${t.uuid()}"`, 'ARN');

  repo
    .file('infra/terraform/modules/rds/variables.tf', 'terraform')
    .l('variable "db_password" {', '  description = "Master password for the cluster"', '  type        = string')
    .d('  sensitive   = true', 'sensitive flag')
    .l('}', '', 'variable "db_username" {', '  type    = string')
    .d('  default = "postgres"', 'username default')
    .l('}', '', 'variable "backup_window" {')
    .d('  default = "03:00-04:00"', 'time window')
    .l('}');
  repo
    .file('infra/terraform/modules/rds/main.tf', 'terraform')
    .l(
      'resource "random_password" "master" {',
      '  length  = 32',
      '  special = true',
      '}',
      '',
      'resource "aws_rds_cluster" "this" {',
    )
    .d('  master_password        = coalesce(var.db_password, random_password.master.result)', 'expression')
    .d('  kms_key_id             = data.aws_kms_key.rds.arn', 'reference')
    .l('  engine                 = "aurora-postgresql"', '}', '', 'data "aws_secretsmanager_secret_version" "app" {')
    .d('  secret_id = "arn:aws:secretsmanager:eu-west-1:210987654321:secret:rds/app-Xk2Pq9"', 'secret ARN')
    .l('}');

  const iamSecret = t.awsSecret();
  const iamId = t.awsId();
  const rdsPw = t.alnum(32);
  const outPw = t.password();
  const lineage = t.uuid();
  repo
    .file('infra/terraform/envs/staging/terraform.tfstate', 'terraform')
    .l('{', '  "version": 4,', '  "terraform_version": "1.7.5",', '  "serial": 42,')
    .d(`  "lineage": "${lineage}",`, 'state lineage uuid')
    .l('  "outputs": {', '    "db_master_password": {')
    .s(`      "value": "${outPw}",`, 'generic', outPw)
    .l('      "type": "string",', '      "sensitive": true', '    }', '  },', '  "resources": [', '    {')
    .l(
      '      "mode": "managed",',
      '      "type": "aws_iam_access_key",',
      '      "name": "ci",',
      '      "instances": [',
      '        {',
      '          "attributes": {',
    )
    .s(`            "id": "${iamId}",`, 'aws', iamId)
    .s(`            "secret": "${iamSecret}",`, 'aws', iamSecret)
    .l('            "status": "Active",', '            "user": "ci-deployer"', '          },')
    .d('          "sensitive_attributes": [[{"type": "get_attr", "value": "secret"}]]', 'attribute path')
    .l(
      '        }',
      '      ]',
      '    },',
      '    {',
      '      "mode": "managed",',
      '      "type": "random_password",',
      '      "name": "master",',
    )
    .l('      "instances": [', '        {', '          "attributes": {')
    .d(`            "bcrypt_hash": "$2a$10$${t.pick('./' + ALNUM, 53)}",`, 'bcrypt hash of the password')
    .s(`            "result": "${rdsPw}",`, 'generic', rdsPw)
    .d('            "id": "none",', 'id')
    .l('            "length": 32', '          }', '        }', '      ]', '    }', '  ]', '}');

  const tfc = x.terraformCloud();
  repo
    .file('ops/dotfiles/.terraformrc', 'terraform')
    .l('plugin_cache_dir = "$HOME/.terraform.d/plugin-cache"', '', 'credentials "app.terraform.io" {')
    .s(`  token = "${tfc}"`, 'terraform-cloud', tfc)
    .l('}');

  const pgBackend = `postgres://tfstate:${t.password()}@tf-state.internal.acme-corp.io/terraform_backend?sslmode=require`;
  repo
    .file('infra/terraform/envs/lab/backend.tf', 'terraform')
    .l('terraform {', '  backend "pg" {')
    .s(`    conn_str = "${pgBackend}"`, 'generic', pgBackend)
    .l('  }', '}');
  repo
    .file('infra/terraform/envs/prod/backend.hcl', 'terraform')
    .l(
      'bucket         = "acme-tfstate-prod"',
      'key            = "platform/terraform.tfstate"',
      'region         = "eu-west-1"',
    )
    .d('dynamodb_table = "tfstate-lock"', 'table name')
    .d('role_arn       = "arn:aws:iam::210987654321:role/terraform-state"', 'role ARN');
  repo
    .file('infra/terraform/envs/prod/.terraform.lock.hcl', 'terraform')
    .l(
      '# This file is maintained automatically by "terraform init".',
      'provider "registry.terraform.io/hashicorp/aws" {',
    )
    .l('  version     = "5.40.0"', '  constraints = "~> 5.40"', '  hashes = [')
    .d(`    "${x.h1()}",`, 'provider hash')
    .d(`    "zh:${t.sha256()}",`, 'provider hash')
    .d(`    "zh:${t.sha256()}",`, 'provider hash')
    .l('  ]', '}');
}

// ---- Docker ----------------------------------------------------------------------------------

function docker(repo, t, x) {
  const pg = 'pg_local_Secr3t';
  const mysqlRoot = t.password();
  const minio = t.alnum(40);
  const grafana = 'Gr4fana!admin';
  repo
    .file('docker-compose.yml', 'docker')
    .l('services:', '  db:', '    image: postgres:16-alpine', '    environment:', '      - POSTGRES_USER=app')
    .s(`      - POSTGRES_PASSWORD=${pg}`, 'generic', pg)
    .l('      - POSTGRES_DB=app', '  mysql:', '    image: mysql:8.4', '    environment:')
    .s(`      MYSQL_ROOT_PASSWORD: "${mysqlRoot}"`, 'generic', mysqlRoot)
    .l(
      '      MYSQL_DATABASE: legacy',
      '  minio:',
      '    image: minio/minio:RELEASE.2024-05-10T01-41-38Z',
      '    environment:',
    )
    .l('      MINIO_ROOT_USER: minioadmin')
    .s(`      MINIO_ROOT_PASSWORD: ${minio}`, 'generic', minio)
    .l('  grafana:', '    image: grafana/grafana:11.0.0', '    environment:')
    .s(`      GF_SECURITY_ADMIN_PASSWORD: ${grafana}`, 'generic', grafana)
    .l('  api:', '    build:', '      context: .', '      args:')
    .d('        NPM_TOKEN: ${NPM_TOKEN}', 'env reference')
    .l('    env_file:', '      - .env.local', '    environment:')
    .d('      DATABASE_URL: postgres://app:${POSTGRES_PASSWORD}@db:5432/app', 'URL with env reference')
    .d('      REDIS_URL: redis://redis:6379/0', 'URL without credentials')
    .l('    secrets:', '      - stripe_key', 'secrets:', '  stripe_key:')
    .d('    file: ./secrets/stripe_key.txt', 'file reference');

  const npmTok = t.npm();
  const sentryTok = x.sentryUser();
  repo
    .file('services/web/Dockerfile', 'docker')
    .d(`FROM node:20-bookworm-slim@sha256:${t.sha256()} AS build`, 'base image digest')
    .l('WORKDIR /app')
    .s(`ARG NPM_TOKEN=${npmTok}`, 'npm', npmTok)
    .l('COPY package.json package-lock.json .npmrc ./')
    .d('RUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci', 'env reference')
    .s(`ENV SENTRY_AUTH_TOKEN=${sentryTok}`, 'sentry', sentryTok)
    .l('RUN npm run build && npx @sentry/cli sourcemaps upload dist/', 'FROM nginx:1.27-alpine')
    .l('COPY --from=build /app/dist /usr/share/nginx/html');

  const dockerPat = x.dockerPat();
  const ghcrTok = t.github();
  const quay = `acme+ci:${t.alnum(64).toUpperCase()}`;
  repo
    .file('ops/ci-runner/.docker/config.json', 'docker')
    .l('{', '  "auths": {', '    "https://index.docker.io/v1/": {')
    .s(`      "auth": "${b64(`acmeci:${dockerPat}`)}"`, 'dockerhub', dockerPat)
    .l('    },', '    "ghcr.io": {')
    .s(`      "auth": "${b64(`acme-bot:${ghcrTok}`)}"`, 'github', ghcrTok)
    .l('    },', '    "quay.io": {')
    .s(`      "auth": "${b64(quay)}"`, 'generic', quay)
    .l('    },', '    "123456789012.dkr.ecr.eu-west-1.amazonaws.com": {}', '  },')
    .d('  "credsStore": "ecr-login",', 'credential helper name')
    .l('  "currentContext": "default"', '}');
  repo
    .file('.docker/config.json', 'docker')
    .l('{', '  "auths": {', '    "ghcr.io": {},', '    "https://index.docker.io/v1/": {}', '  },')
    .d('  "credsStore": "desktop",', 'credential helper')
    .d('  "currentContext": "desktop-linux"', 'context name')
    .l('}');

  const buildTok = t.github('ghp_');
  const sshKeyB64 = b64(t.opensshPem().join('\n'));
  repo
    .file('services/web/Makefile', 'docker')
    .l(
      'IMAGE ?= ghcr.io/acme-corp/web',
      'TAG   ?= $(shell git rev-parse --short HEAD)',
      '',
      '.PHONY: image push',
      'image:',
    )
    .s(`\tdocker build --build-arg GITHUB_TOKEN=${buildTok} -t $(IMAGE):$(TAG) .`, 'github', buildTok)
    .l('', 'image-ci:')
    .d(
      '\tdocker build --build-arg GITHUB_TOKEN=$(GITHUB_TOKEN) --secret id=npm,env=NPM_TOKEN -t $(IMAGE):$(TAG) .',
      'variable references',
    )
    .l('', 'image-private-deps:')
    .s(
      `\tdocker build --build-arg SSH_KEY_B64=${sshKeyB64} .`,
      'private-key',
      Buffer.from(sshKeyB64, 'base64').toString(),
    );
}

// ---- CI --------------------------------------------------------------------------------------

function ci(repo, t, x) {
  const slack = t.slackWebhook();
  const ghTok = t.github();
  const codecov = t.uuid();
  repo
    .file('.github/workflows/release.yml', 'ci')
    .l(
      'name: release',
      'on:',
      '  push:',
      '    tags: ["v*"]',
      'permissions:',
      '  contents: write',
      '  id-token: write',
      'jobs:',
    )
    .l('  build:', '    runs-on: ubuntu-latest', '    env:')
    .d('      NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}', 'secrets reference')
    .s(`      SLACK_WEBHOOK_URL: ${slack}`, 'slack', slack)
    .l('    steps:')
    .d('      - uses: actions/checkout@b4ffde65f46336ab88eb53be808477a3936bae11 # v4.1.1', 'pinned action sha')
    .l(
      '      - uses: actions/setup-node@v4',
      '        with:',
      '          node-version: 20',
      '      - run: npm ci && npm test',
    )
    .l('      - uses: codecov/codecov-action@v4', '        with:')
    .s(`          token: ${codecov}`, 'generic', codecov)
    .l('      - uses: softprops/action-gh-release@v2', '        with:')
    .d('          token: ${{ secrets.GITHUB_TOKEN }}', 'secrets reference')
    .l('      - name: mirror to the archive org', '        env:')
    .s(`          GH_TOKEN: ${ghTok}`, 'github', ghTok)
    .l('        run: gh release upload "$GITHUB_REF_NAME" dist/* --repo acme-archive/web');

  const awsId = t.awsId();
  const awsSecret = t.awsSecret();
  const glDeploy = x.gitlabDeploy();
  repo
    .file('.gitlab-ci.yml', 'ci')
    .l('stages: [test, build, deploy]', '', 'variables:', '  DOCKER_DRIVER: overlay2')
    .d('  DOCKER_AUTH_CONFIG: $DOCKER_AUTH_CONFIG_JSON', 'variable reference')
    .s(`  AWS_ACCESS_KEY_ID: ${awsId}`, 'aws', awsId)
    .s(`  AWS_SECRET_ACCESS_KEY: "${awsSecret}"`, 'aws', awsSecret)
    .l('  AWS_DEFAULT_REGION: eu-west-1', '', 'build:', '  stage: build', '  image: docker:26', '  script:')
    .d(
      '    - echo "$CI_JOB_TOKEN" | docker login -u gitlab-ci-token --password-stdin $CI_REGISTRY',
      'CI job token reference',
    )
    .s(
      `    - git clone https://gitlab+deploy-token-118:${glDeploy}@gitlab.com/acme-corp/vendor-libs.git`,
      'gitlab',
      glDeploy,
    )
    .l('    - docker build -t $CI_REGISTRY_IMAGE:$CI_COMMIT_SHORT_SHA .', '', 'deploy:', '  stage: deploy', '  script:')
    .d('    - helm upgrade --install web charts/web --set image.tag=$CI_COMMIT_SHORT_SHA', 'command with references');

  const circleNpm = t.npm();
  const heroku = t.heroku();
  repo
    .file('.circleci/config.yml', 'ci')
    .l(
      'version: 2.1',
      'orbs:',
      '  node: circleci/node@5.2.0',
      'jobs:',
      '  publish:',
      '    docker:',
      '      - image: cimg/node:20.11',
    )
    .l('        auth:', '          username: acmeci')
    .d('          password: $DOCKERHUB_PASSWORD', 'env reference')
    .l('    environment:')
    .s(`      NPM_TOKEN: ${circleNpm}`, 'npm', circleNpm)
    .s(`      HEROKU_API_KEY: ${heroku}`, 'heroku', heroku)
    .l(
      '    steps:',
      '      - checkout',
      '      - run: echo "//registry.npmjs.org/:_authToken=$NPM_TOKEN" > ~/.npmrc',
      '      - run: npm publish',
    );

  const sonar = x.sonar();
  const nexusPw = 'Nexus@Deploy2024';
  repo
    .file('Jenkinsfile', 'ci')
    .l('pipeline {', '  agent { label "linux" }', '  environment {')
    .d("    DOCKER_CREDS = credentials('dockerhub-acme')", 'Jenkins credentials reference')
    .s(`    SONAR_TOKEN = '${sonar}'`, 'sonarqube', sonar)
    .l('  }', '  stages {', "    stage('Build') {", '      steps {')
    .d(
      "        withCredentials([usernamePassword(credentialsId: 'nexus-deploy', usernameVariable: 'NX_USER', passwordVariable: 'NX_PASS')]) {",
      'withCredentials binding',
    )
    .d("          sh 'mvn -B deploy -Dnexus.user=$NX_USER -Dnexus.password=$NX_PASS'", 'bound variables')
    .l('        }', '      }', '    }', "    stage('Legacy publish') {", '      steps {')
    .s(
      `        sh "curl -fsS -u deployer:${nexusPw} --upload-file target/app.jar https://nexus.acme-corp.io/repository/releases/"`,
      'generic',
      nexusPw,
    )
    .l('      }', '    }', '  }', '}');

  const armSecret = x.azureAdSecret();
  const sasKey = t.azureStorageKey();
  repo
    .file('azure-pipelines.yml', 'ci')
    .l('trigger:', '  - main', 'pool:', '  vmImage: ubuntu-latest', 'variables:', '  - group: platform-shared')
    .l('  - name: ARM_CLIENT_ID')
    .d(`    value: ${t.uuid()}`, 'client id (public)')
    .l('  - name: ARM_CLIENT_SECRET')
    .s(`    value: ${armSecret}`, 'azure', armSecret)
    .l('  - name: STORAGE_KEY')
    .s(`    value: ${sasKey}`, 'azure', sasKey)
    .l(
      'steps:',
      '  - script: az login --service-principal -u $(ARM_CLIENT_ID) -p $(ARM_CLIENT_SECRET) --tenant $(ARM_TENANT_ID)',
    )
    .d('    env:', 'key')
    .d('      SYSTEM_ACCESSTOKEN: $(System.AccessToken)', 'pipeline variable reference');

  const bbNpm = t.npm();
  const bbSsh = 'Deploy!Box#42';
  repo
    .file('bitbucket-pipelines.yml', 'ci')
    .l(
      'image: node:20',
      'definitions:',
      '  steps:',
      '    - step: &test',
      '        name: test',
      '        script:',
      '          - npm ci',
    )
    .l(
      'pipelines:',
      '  branches:',
      '    main:',
      '      - step: *test',
      '      - step:',
      '          name: deploy',
      '          script:',
    )
    .s(`          - export NPM_TOKEN=${bbNpm}`, 'npm', bbNpm)
    .s(`          - sshpass -p '${bbSsh}' ssh deploy@10.0.4.12 ./deploy.sh`, 'generic', bbSsh)
    .d('          - pipe: atlassian/ssh-run:0.8.1', 'pipe version')
    .d('            variables:', 'key')
    .d('              SSH_KEY: $DEPLOY_SSH_KEY', 'variable reference');

  const sshB64 = b64(t.rsaPem().join('\n'));
  repo
    .file('.github/workflows/deploy-legacy.yml', 'ci')
    .l('name: deploy-legacy', 'on: workflow_dispatch', 'jobs:', '  deploy:', '    runs-on: ubuntu-latest', '    env:')
    .s(`      DEPLOY_KEY_B64: ${sshB64}`, 'private-key', Buffer.from(sshB64, 'base64').toString())
    .l('    steps:', '      - run: echo "$DEPLOY_KEY_B64" | base64 -d > ~/.ssh/id_rsa && chmod 600 ~/.ssh/id_rsa')
    .d('      - uses: webfactory/ssh-agent@dc588b651fe13675774614f8e6a936a468676387', 'pinned action')
    .d('        with:', 'key')
    .d('          ssh-private-key: ${{ secrets.DEPLOY_KEY }}', 'secrets reference');
}

// ---- Jupyter notebooks -----------------------------------------------------------------------

function notebooks(repo, t, x) {
  const openai = t.openai();
  const hf = x.huggingface();
  const pgPw = t.password();
  const printed = t.anthropic();
  const png = t.pngBase64();
  const nb = repo.file('research/notebooks/eval-llm.ipynb', 'notebooks');
  nb.l(
    '{',
    ' "cells": [',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 1,',
    '   "metadata": {},',
    '   "outputs": [],',
    '   "source": [',
  )
    .l('    "import os\\n",', '    "from openai import OpenAI\\n",')
    .s(`    "client = OpenAI(api_key=\\"${openai}\\")\\n",`, 'openai', openai)
    .s(`    "os.environ[\\"HF_TOKEN\\"] = \\"${hf}\\"\\n",`, 'huggingface', hf)
    .l(
      '    "MODEL = \\"gpt-4o-mini\\""',
      '   ]',
      '  },',
      '  {',
      '   "cell_type": "code",',
      '   "execution_count": 2,',
      '   "metadata": {},',
    )
    .l('   "outputs": [', '    {', '     "name": "stdout",', '     "output_type": "stream",', '     "text": [')
    .s(`      "ANTHROPIC_API_KEY=${printed}\\n",`, 'anthropic', printed)
    .l('      "loaded 1200 prompts\\n"', '     ]', '    }', '   ],', '   "source": [')
    .l('    "!env | grep API_KEY\\n",', '    "prompts = load_prompts()"', '   ]', '  },', '  {')
    .l(
      '   "cell_type": "code",',
      '   "execution_count": 3,',
      '   "metadata": {},',
      '   "outputs": [',
      '    {',
      '     "data": {',
    )
    .d(`      "image/png": "${png}",`, 'base64 png output')
    .l(
      '      "text/plain": [',
      '       "<Figure size 640x480 with 1 Axes>"',
      '      ]',
      '     },',
      '     "metadata": {},',
      '     "output_type": "display_data"',
      '    }',
      '   ],',
      '   "source": [',
    )
    .s(
      `    "engine = create_engine(\\"postgresql://analyst:${pgPw}@warehouse.internal:5432/dwh\\")\\n",`,
      'generic',
      pgPw,
    )
    .l(
      '    "df = pd.read_sql(\\"select * from evals\\", engine)\\n",',
      '    "df.plot()"',
      '   ]',
      '  },',
      '  {',
      '   "cell_type": "markdown",',
      '   "metadata": {},',
      '   "source": [',
    )
    .d('    "Set `OPENAI_API_KEY` before running; keys look like `sk-proj-...`.\\n"', 'documentation text')
    .l(
      '   ]',
      '  }',
      ' ],',
      ' "metadata": {',
      '  "kernelspec": {',
      '   "display_name": "Python 3",',
      '   "language": "python",',
      '   "name": "python3"',
      '  }',
      ' },',
      ' "nbformat": 4,',
      ' "nbformat_minor": 5',
      '}',
    );

  const wandb = t.hex(40);
  const aws = t.awsId();
  const awsS = t.awsSecret();
  const nb2 = repo.file('research/notebooks/train-classifier.ipynb', 'notebooks');
  nb2
    .l(
      '{',
      ' "cells": [',
      '  {',
      '   "cell_type": "code",',
      '   "execution_count": null,',
      '   "id": "' + t.hex(8) + '",',
      '   "metadata": {},',
      '   "outputs": [],',
      '   "source": [',
    )
    .l('    "import boto3, wandb\\n",')
    .s(`    "wandb.login(key=\\"${wandb}\\")\\n",`, 'wandb', wandb)
    .s(`    "s3 = boto3.client(\\"s3\\", aws_access_key_id=\\"${aws}\\",\\n",`, 'aws', aws)
    .s(`    "                  aws_secret_access_key=\\"${awsS}\\")\\n"`, 'aws', awsS)
    .l(
      '   ]',
      '  },',
      '  {',
      '   "cell_type": "code",',
      '   "execution_count": 4,',
      '   "metadata": {},',
      '   "outputs": [',
      '    {',
      '     "name": "stdout", "output_type": "stream",',
      '     "text": [',
    )
    .d(`      "run id: ${t.lower(8)} commit ${t.sha1()}\\n",`, 'run id and commit sha')
    .d(`      "model checksum sha256:${t.sha256()}\\n"`, 'checksum')
    .l(
      '     ]',
      '    }',
      '   ],',
      '   "source": [',
      '    "train(epochs=3)"',
      '   ]',
      '  }',
      ' ],',
      ' "metadata": {},',
      ' "nbformat": 4,',
      ' "nbformat_minor": 5',
      '}',
    );
}

// ---- Logs ------------------------------------------------------------------------------------

function logs(repo, t, x) {
  const bearer = x.rs256({
    sub: t.uuid(),
    scope: 'orders:write payments:refund',
    iss: 'https://auth.acme-corp.io/',
    iat: 1764547200,
    exp: 2082758400,
  });
  const urlPw = t.password();
  const envDump = t.stripeLive();
  const envPg = t.password();
  const log = repo.file('ops/incidents/2026-11-18-checkout/api.log', 'logs');
  log
    .l('2026-11-18T09:12:01.114Z INFO  [main] Starting checkout-api v2.14.3 on port 8080')
    .d(`2026-11-18T09:12:01.207Z INFO  [main] trace_id=${t.hex(32)} span_id=${t.hex(16)} config loaded`, 'trace ids')
    .s(`2026-11-18T09:12:03.442Z DEBUG [http] > POST /v1/refunds Authorization: Bearer ${bearer}`, 'generic', bearer)
    .d('2026-11-18T09:12:03.443Z DEBUG [http] > GET /v1/orders Authorization: Bearer [REDACTED]', 'redacted header')
    .s(
      `2026-11-18T09:12:04.009Z WARN  [amqp] reconnecting to amqp://checkout:${urlPw}@mq-1.internal:5672/ (attempt 3)`,
      'generic',
      urlPw,
    )
    .l(
      '2026-11-18T09:12:05.551Z ERROR [worker] unhandled exception in refund job',
      'Traceback (most recent call last):',
    )
    .l(
      '  File "/srv/app/jobs/refund.py", line 88, in run',
      '    client = stripe.Client(api_key=settings.STRIPE_KEY)',
      'stripe.error.AuthenticationError: Invalid API Key provided',
    )
    .s(`  locals: {'env': {'STRIPE_KEY': '${envDump}', 'LOG_LEVEL': 'debug'}}`, 'stripe', envDump)
    .s(
      `  settings.DATABASES={'default': {'ENGINE': 'django.db.backends.postgresql', 'USER': 'checkout', 'PASSWORD': '${envPg}'}}`,
      'generic',
      envPg,
    )
    .d(`2026-11-18T09:12:06.000Z INFO  [http] < 200 GET /healthz request_id=${t.uuid()}`, 'request id')
    .d(`2026-11-18T09:12:06.120Z INFO  [cache] etag W/"${t.hex(40)}" for /static/app.js`, 'etag');

  const accessTok = x.googleAccess();
  const gl = t.gitlab();
  repo
    .file('ops/incidents/2026-11-18-checkout/nginx-access.log', 'logs')
    .d(
      `10.0.3.14 - - [18/Nov/2026:09:11:58 +0000] "GET /static/js/main.${t.hex(8)}.js HTTP/1.1" 200 81234 "-" "Mozilla/5.0"`,
      'hashed asset name',
    )
    .s(
      `10.0.3.14 - - [18/Nov/2026:09:12:02 +0000] "GET /api/v1/export?format=csv&access_token=${accessTok} HTTP/1.1" 200 5120 "-" "python-requests/2.31"`,
      'gcp',
      accessTok,
    )
    .s(
      `10.0.7.2 - - [18/Nov/2026:09:12:09 +0000] "GET /api/v4/projects/118/repository/archive.zip?private_token=${gl} HTTP/1.1" 302 0 "-" "curl/8.5.0"`,
      'gitlab',
      gl,
    )
    .d(
      `10.0.7.2 - - [18/Nov/2026:09:12:10 +0000] "GET /login?next=%2Fdashboard&state=${t.hex(32)} HTTP/1.1" 200 2211 "-" "Mozilla/5.0"`,
      'OAuth state nonce',
    )
    .d(
      `10.0.7.9 - - [18/Nov/2026:09:12:11 +0000] "GET /api/v1/orders?page=2&per_page=50&sort=created_at HTTP/1.1" 200 10443 "-" "okhttp/4.12"`,
      'ordinary query',
    );

  const ciLogTok = t.npm();
  const ciPw = 'Jenkins!2023deploy';
  repo
    .file('ops/incidents/2026-10-02-build/ci-job-8812.log', 'logs')
    .l('[2026-10-02 14:03:11] + npm config set registry https://registry.npmjs.org/')
    .s(`[2026-10-02 14:03:11] + npm config set //registry.npmjs.org/:_authToken ${ciLogTok}`, 'npm', ciLogTok)
    .d('[2026-10-02 14:03:12] + echo "***" | docker login -u acmeci --password-stdin', 'masked value')
    .s(
      `[2026-10-02 14:03:20] + mysql -h db.ci.internal -u root -p${ciPw} -e 'CREATE DATABASE IF NOT EXISTS it_tests'`,
      'generic',
      ciPw,
    )
    .d(
      '[2026-10-02 14:03:21] mysql: [Warning] Using a password on the command line interface can be insecure.',
      'warning text',
    )
    .d(
      `[2026-10-02 14:05:44] added 1422 packages, audited 1423 packages in 2m; lockfile ${x.integrity().slice(0, 40)}`,
      'integrity hash',
    );
}

// ---- Ansible ---------------------------------------------------------------------------------

function ansible(repo, t, x) {
  const become = 'Ub4ntu-Serv3r!';
  const winPw = t.password();
  repo
    .file('ops/ansible/inventory/hosts.ini', 'ansible')
    .l('[web]', 'web-1.lab.acme-corp.io', 'web-2.lab.acme-corp.io', '', '[db]')
    .s(`db-1.lab.acme-corp.io ansible_user=deploy ansible_password=${become} ansible_become=true`, 'generic', become)
    .l('', '[windows]')
    .s(
      `win-build-1 ansible_host=10.20.4.31 ansible_user=Administrator ansible_password="${winPw}" ansible_connection=winrm`,
      'generic',
      winPw,
    )
    .l('', '[all:vars]', 'ansible_python_interpreter=/usr/bin/python3');

  const mysqlPw = t.password();
  const apiKey = x.newRelicUser();
  const vault = x.ansibleVault();
  repo
    .file('ops/ansible/group_vars/db/vars.yml', 'ansible')
    .l('---', 'mysql_port: 3306', 'mysql_bind_address: 0.0.0.0')
    .s(`mysql_root_password: "${mysqlPw}"`, 'generic', mysqlPw)
    .d('mysql_app_password: "{{ vault_mysql_app_password }}"', 'vault variable reference')
    .d(
      "replication_password: \"{{ lookup('community.hashi_vault.hashi_vault', 'secret=db/data/repl:password') }}\"",
      'lookup',
    )
    .s(`newrelic_license_key: ${apiKey}`, 'newrelic', apiKey)
    .l('backup_bucket: acme-db-backups', 'backup_encryption_key: !vault |')
    .d(
      vault.map((v) => `          ${v}`),
      'ansible-vault ciphertext',
    );
  repo.file('ops/ansible/group_vars/db/vault.yml', 'ansible').d(x.ansibleVault(), 'ansible-vault encrypted file');
  repo
    .file('ops/ansible/roles/app/defaults/main.yml', 'ansible')
    .l('---', 'app_user: app', 'app_port: 8080')
    .d('app_secret_key: "{{ vault_app_secret_key | mandatory }}"', 'reference')
    .d('app_admin_password: "CHANGE_ME_BEFORE_DEPLOY"', 'placeholder')
    .d(`app_release_checksum: "sha256:${t.sha256()}"`, 'checksum');
}

// ---- cloud CLI credential files --------------------------------------------------------------

function cloudCli(repo, t, x) {
  const id1 = t.awsId();
  const s1 = t.awsSecret();
  const sess = x.awsSession();
  const asia = `ASIA${t.pick('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`;
  const s2 = t.awsSecret();
  repo
    .file('ops/dotfiles/aws/credentials', 'cloud-cli')
    .l('[default]')
    .s(`aws_access_key_id = ${id1}`, 'aws', id1)
    .s(`aws_secret_access_key = ${s1}`, 'aws', s1)
    .l('', '[staging-sso]')
    .s(`aws_access_key_id=${asia}`, 'aws', asia)
    .s(`aws_secret_access_key=${s2}`, 'aws', s2)
    .s(`aws_session_token=${sess}`, 'aws', sess);
  repo
    .file('ops/dotfiles/aws/config', 'cloud-cli')
    .l('[default]', 'region = eu-west-1', 'output = json', '', '[profile prod-admin]')
    .d('sso_start_url = https://acme-corp.awsapps.com/start', 'SSO URL')
    .d('sso_account_id = 210987654321', 'account id')
    .d('role_arn = arn:aws:iam::210987654321:role/OrganizationAccountAccessRole', 'role ARN')
    .d('credential_process = /usr/local/bin/aws-vault exec prod-admin --json', 'credential helper');

  const refresh = x.gcpRefresh();
  const cs = x.gcpClientSecret();
  repo
    .file('ops/dotfiles/gcloud/application_default_credentials.json', 'cloud-cli')
    .l('{')
    .d(`  "account": "",`, 'empty')
    .d(`  "client_id": "${t.digits(12)}-${t.lower(32)}.apps.googleusercontent.com",`, 'OAuth client id (public)')
    .s(`  "client_secret": "${cs}",`, 'gcp', cs)
    .d(`  "quota_project_id": "acme-data-platform",`, 'project id')
    .s(`  "refresh_token": "${refresh}",`, 'gcp', refresh)
    .l('  "type": "authorized_user",', '  "universe_domain": "googleapis.com"', '}');

  const saKey = t.pkcs8Pem();
  repo
    .file('ops/dotfiles/gcloud/ci-deployer-sa.json', 'cloud-cli')
    .l('{', '  "type": "service_account",', '  "project_id": "acme-data-platform",')
    .l(`  "private_key_id": "${t.hex(40)}",`)
    .s(`  "private_key": "${saKey.join('\\n')}\\n",`, 'gcp', saKey.join('\n'))
    .l('  "client_email": "ci-deployer@acme-data-platform.iam.gserviceaccount.com",')
    .d(`  "client_id": "${t.digits(21)}",`, 'numeric client id')
    .l(
      '  "auth_uri": "https://accounts.google.com/o/oauth2/auth",',
      '  "token_uri": "https://oauth2.googleapis.com/token",',
    )
    .d(
      `  "client_x509_cert_url": "https://www.googleapis.com/robot/v1/metadata/x509/ci-deployer%40acme-data-platform.iam.gserviceaccount.com",`,
      'public cert URL',
    )
    .l('  "universe_domain": "googleapis.com"', '}');

  const azAccess = x.rs256({
    aud: 'https://management.core.windows.net/',
    iss: `https://sts.windows.net/${t.uuid()}/`,
    exp: 2082758400,
    oid: t.uuid(),
    scp: 'user_impersonation',
  });
  const azRefresh = `0.A${t.mixed(URLSAFE, 5)}AA${t.mixed(URLSAFE, 380)}`;
  repo
    .file('ops/dotfiles/azure/msal_token_cache.json', 'cloud-cli')
    .l(
      '{',
      '  "AccessToken": {',
      `    "${t.uuid()}.${t.uuid()}-login.microsoftonline.com-accesstoken": {`,
      '      "credential_type": "AccessToken",',
    )
    .s(`      "secret": "${azAccess}",`, 'generic', azAccess)
    .l(
      '      "expires_on": "2082758400"',
      '    }',
      '  },',
      '  "RefreshToken": {',
      '    "ops-refresh": {',
      '      "credential_type": "RefreshToken",',
    )
    .s(`      "secret": "${azRefresh}",`, 'azure', azRefresh)
    .l('      "client_id": "04b07795-8ddb-461a-bbee-02f9e1bf7b46"', '    }', '  }', '}');
  repo
    .file('ops/dotfiles/azure/azureProfile.json', 'cloud-cli')
    .l('{', '  "installationId": "' + t.uuid() + '",', '  "subscriptions": [', '    {')
    .d(`      "id": "${t.uuid()}",`, 'subscription id')
    .l(
      '      "name": "acme-prod",',
      '      "state": "Enabled",',
      '      "user": { "name": "ops@acme-corp.io", "type": "user" },',
    )
    .d(`      "tenantId": "${t.uuid()}",`, 'tenant id')
    .l('      "isDefault": true', '    }', '  ]', '}');
}

// ---- private keys in context -----------------------------------------------------------------

function keysInContext(repo, t, x) {
  const tls = t.rsaPem();
  repo
    .file('deploy/k8s/ingress/tls-secret.yaml', 'keys')
    .l(
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: legacy-wildcard-tls',
      'type: kubernetes.io/tls',
      'stringData:',
      '  tls.crt: |',
    )
    .d(
      x.certPem().map((l) => `    ${l}`),
      'public certificate',
    )
    .l('  tls.key: |')
    .s(
      tls.map((l) => `    ${l}`),
      'private-key',
      tls.join('\n'),
    );

  const concat = t.rsaPem();
  repo
    .file('services/signer/src/main/java/io/acme/signer/TestKeys.java', 'keys')
    .l(
      'package io.acme.signer;',
      '',
      '// Key used by the staging signer until KMS signing lands (SEC-219).',
      'final class TestKeys {',
      '  static final String SIGNING_KEY =',
    )
    .s(
      concat.map((l, i) => `      "${l}\\n"${i === concat.length - 1 ? ';' : ' +'}`),
      'private-key',
      concat.join('\n'),
    )
    .l('', '  private TestKeys() {}', '}');

  const hashed = t.ecPem();
  repo
    .file('ops/nginx/conf.d/mtls.conf', 'keys')
    .l('# client key for the upstream mTLS hop, pasted here for the record:')
    .s(
      hashed.map((l) => `# ${l}`),
      'private-key',
      hashed.join('\n'),
    )
    .l('server {', '  listen 443 ssl;', '  ssl_certificate     /etc/nginx/tls/upstream.crt;')
    .d('  ssl_certificate_key /etc/nginx/tls/upstream.key;', 'file path')
    .l('}');

  const slashed = t.ecPem();
  repo
    .file('services/gateway/src/jwt/keys.ts', 'keys')
    .l("import { importPKCS8 } from 'jose';", '', '// Old signing key, kept while tokens issued with it expire:')
    .s(
      slashed.map((l) => `// ${l}`),
      'private-key',
      slashed.join('\n'),
    )
    .d("export const PUBLIC_JWKS_URL = 'https://auth.acme-corp.io/.well-known/jwks.json';", 'URL')
    .l(
      'export async function signingKey() {',
      '  return importPKCS8(process.env.JWT_PRIVATE_KEY ?? "", "ES256");',
      '}',
    );

  const starred = t.pkcs8Pem();
  repo
    .file('services/signer/src/main/java/io/acme/signer/Fixtures.java', 'keys')
    .l('package io.acme.signer;', '', '/**', ' * Integration key for the partner sandbox:', ' *')
    .s(
      starred.map((l) => ` * ${l}`),
      'private-key',
      starred.join('\n'),
    )
    .l(' */', 'final class Fixtures {}');

  const logged = t.opensshPem();
  repo
    .file('ops/incidents/2026-09-30-bastion/cloud-init.log', 'keys')
    .l(
      '2026-09-30 03:14:07,118 - cc_write_files.py[DEBUG]: Writing to /home/deploy/.ssh/id_ed25519 - wb: [600] 411 bytes',
    )
    .s(
      logged.map((l) => `2026-09-30 03:14:07,119 - util.py[DEBUG]: ${l}`),
      'private-key',
      logged.join('\n'),
    )
    .d(
      `2026-09-30 03:14:07,140 - cc_ssh.py[INFO]: host key fingerprint SHA256:${x.bytes(32).toString('base64').replace(/=+$/, '')}`,
      'host key fingerprint',
    );

  const n = x.bytes(256).toString('base64url');
  const jwk = {
    d: x.bytes(256).toString('base64url'),
    p: x.bytes(128).toString('base64url'),
    q: x.bytes(128).toString('base64url'),
  };
  repo
    .file('services/gateway/config/jwks-private.json', 'keys')
    .l(
      '{',
      '  "keys": [',
      '    {',
      '      "kty": "RSA",',
      '      "use": "sig",',
      `      "kid": "${t.hex(16)}",`,
      '      "alg": "RS256",',
    )
    .d(`      "n": "${n}",`, 'public modulus')
    .d('      "e": "AQAB",', 'public exponent')
    .s([`      "d": "${jwk.d}",`, `      "p": "${jwk.p}",`, `      "q": "${jwk.q}"`], 'private-key', jwk.d)
    .l('    }', '  ]', '}');
  repo
    .file('services/gateway/config/jwks-public.json', 'keys')
    .l('{', '  "keys": [', '    {', '      "kty": "RSA",', '      "use": "sig",', `      "kid": "${t.hex(16)}",`)
    .d(`      "n": "${x.bytes(256).toString('base64url')}",`, 'public modulus')
    .d('      "e": "AQAB"', 'public exponent')
    .l('    }', '  ]', '}');

  const pub = x
    .bytes(51)
    .toString('base64')
    .match(/.{1,64}/g);
  const priv = x
    .bytes(48)
    .toString('base64')
    .match(/.{1,64}/g);
  const ppk = [
    'PuTTY-User-Key-File-3: ssh-ed25519',
    'Encryption: none',
    'Comment: deploy@build-agent',
    `Public-Lines: ${pub.length}`,
    ...pub,
    `Private-Lines: ${priv.length}`,
    ...priv,
    `Private-MAC: ${t.hex(64)}`,
  ];
  repo.file('ops/keys/build-agent.ppk', 'keys').s(ppk, 'private-key', priv.join('\n'));
  const encPpk = [
    'PuTTY-User-Key-File-3: ssh-ed25519',
    'Encryption: aes256-cbc',
    'Comment: ops@laptop',
    'Public-Lines: 2',
    ...x
      .bytes(51)
      .toString('base64')
      .match(/.{1,64}/g),
    'Key-Derivation: Argon2id',
    'Argon2-Memory: 8192',
    'Argon2-Passes: 13',
    'Argon2-Parallelism: 1',
    `Argon2-Salt: ${t.hex(32)}`,
    'Private-Lines: 1',
    x.bytes(48).toString('base64'),
    `Private-MAC: ${t.hex(64)}`,
  ];
  repo.file('ops/keys/ops-laptop.ppk', 'keys').d(encPpk, 'passphrase-protected PuTTY key');

  const pgpBody = x
    .bytes(1400)
    .toString('base64')
    .match(/.{1,64}/g);
  const pgp = [
    '-----BEGIN PGP PRIVATE KEY BLOCK-----',
    '',
    ...pgpBody,
    `=${x.bytes(3).toString('base64')}`,
    '-----END PGP PRIVATE KEY BLOCK-----',
  ];
  repo
    .file('ops/release/signing-key.asc', 'keys')
    .l('# Release signing key (subkey 0x' + t.hex(16).toUpperCase() + '), exported for the packaging VM')
    .s(pgp, 'private-key', pgpBody.join('\n'));
  const pgpPub = [
    '-----BEGIN PGP PUBLIC KEY BLOCK-----',
    '',
    ...x
      .bytes(900)
      .toString('base64')
      .match(/.{1,64}/g),
    '-----END PGP PUBLIC KEY BLOCK-----',
  ];
  repo.file('ops/release/signing-key.pub.asc', 'keys').d(pgpPub, 'PGP public key');

  repo.file('ops/keys/legacy-encrypted.pem', 'keys').d(x.encryptedRsa(), 'encrypted PEM (needs its passphrase)');
  repo.file('ops/keys/partner-pkcs8.enc.pem', 'keys').d(x.encryptedPkcs8(), 'encrypted PKCS#8 key');
  repo.file('ops/keys/bastion_ed25519', 'keys').d(x.encryptedOpenssh(), 'OpenSSH key with bcrypt KDF');
  repo
    .file('ops/keys/bastion_ed25519.pub', 'keys')
    .d(
      `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${x.bytes(32).toString('base64').slice(0, 43)} ops@bastion`,
      'SSH public key',
    );
  repo.file('ops/keys/ca-bundle.crt', 'keys').d(x.certPem(), 'CA certificate').d(x.certPem(), 'CA certificate');
  const ed = x.ed25519Pem();
  repo.file('services/gateway/test/fixtures/ed25519-sign.pem', 'keys').s(ed, 'private-key', ed.join('\n'));
}

// ---- JWTs ------------------------------------------------------------------------------------

function jwts(repo, t, x) {
  const live = t.jwt();
  const noExp = x.hs256({ sub: 'svc-reporting', role: 'admin', iat: 1733011200 });
  const expired = x.hs256({ sub: t.uuid(), role: 'viewer', iat: 1609459200, exp: 1609545600 });
  const expired2 = x.rs256({ sub: 'user-4821', aud: 'mobile', iat: 1640995200, exp: 1641081600 });
  repo
    .file('services/reporting/.env.staging', 'jwt')
    .l('# staging only', 'REPORTING_BASE_URL=https://reporting.staging.acme-corp.io')
    .s(`REPORTING_SERVICE_TOKEN=${noExp}`, 'generic', noExp)
    .s(`ADMIN_API_BEARER=${live}`, 'generic', live);
  repo
    .file('services/mobile-api/test/fixtures/tokens.json', 'jwt')
    .l('{')
    .d(`  "expiredViewer": "${expired}",`, 'expired JWT in a test fixture')
    .d(`  "expiredMobile": "${expired2}",`, 'expired JWT')
    .d('  "malformed": "eyJhbGciOiJub25lIn0.e30.",', 'alg none empty claims')
    .l('  "note": "tokens here are expired on purpose"', '}');
  const http = x.rs256({ sub: 'ci-bot', scope: 'deploy', iss: 'https://auth.acme-corp.io/', iat: 1764547200 });
  repo
    .file('services/orders/requests/refund.http', 'jwt')
    .l(
      '### Refund an order (staging)',
      'POST https://orders.staging.acme-corp.io/v1/refunds',
      'Content-Type: application/json',
    )
    .s(`Authorization: Bearer ${http}`, 'generic', http)
    .l('', '{"order_id": "ord_1042", "amount": 1299}', '', '### local', 'GET http://localhost:8080/v1/orders')
    .d('Authorization: Bearer {{token}}', 'template variable');
  const supa = t.supabaseServiceRole();
  repo
    .file('services/web/src/lib/supabase-admin.ts', 'jwt')
    .l("import { createClient } from '@supabase/supabase-js';", '')
    .d("const url = 'https://qwertyuiopasdfghjklz.supabase.co';", 'project URL')
    .s(`const serviceRole = '${supa}';`, 'supabase', supa)
    .l('export const admin = createClient(url, serviceRole, { auth: { persistSession: false } });');
}

// ---- encoded layers --------------------------------------------------------------------------

function encodedLayers(repo, t, x) {
  const pw = 'S@ndy/Beach!2024';
  const enc = encodeURIComponent(pw);
  const url = `postgresql://billing:${enc}@billing-db.internal:5432/billing`;
  const mongoPw = `${t.alnum(10)}#${t.alnum(6)}`;
  const mongoUrl = `mongodb://etl:${encodeURIComponent(mongoPw)}@mongo-0.internal:27017/etl?authSource=admin`;
  repo
    .file('services/billing/config/database.yml', 'encoded')
    .l('production:', '  adapter: postgresql', '  pool: 10')
    .s(`  url: "${url}"`, 'generic', enc)
    .l('etl:')
    .s(`  url: ${mongoUrl}`, 'mongodb', encodeURIComponent(mongoPw))
    .l('test:')
    .d('  url: postgresql://postgres:postgres@localhost:5432/billing_test', 'local default credentials in a test URL');

  const basic = `svc-export:${t.password()}`;
  repo
    .file('ops/monitoring/blackbox.yml', 'encoded')
    .l('modules:', '  http_export_api:', '    prober: http', '    http:', '      headers:')
    .s(`        Authorization: "Basic ${b64(basic)}"`, 'generic', basic)
    .l('      valid_status_codes: [200]', '  http_public:', '    prober: http');

  const xmlPw = `Tr&ck!ng<2024>`;
  const ent = xmlPw.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const smtpPw = `${t.alnum(8)}"${t.alnum(6)}`;
  const entSmtp = smtpPw.replace(/"/g, '&quot;');
  repo
    .file('services/legacy-portal/Web.config', 'encoded')
    .l(
      '<?xml version="1.0" encoding="utf-8"?>',
      '<configuration>',
      '  <appSettings>',
      '    <add key="Environment" value="Staging" />',
    )
    .s(`    <add key="TrackingDbPassword" value="${ent}" />`, 'generic', ent)
    .s(`    <add key="SmtpPassword" value="${entSmtp}" />`, 'generic', entSmtp)
    .d('    <add key="SmtpPasswordSecretName" value="kv-portal-smtp" />', 'Key Vault secret name')
    .l('  </appSettings>', '  <connectionStrings>')
    .d(
      '    <add name="Main" connectionString="Server=sql01;Database=Portal;Integrated Security=SSPI;" />',
      'integrated auth, no password',
    )
    .l('  </connectionStrings>', '</configuration>');

  const escPw = `Qu0te"${t.alnum(6)}\\9`;
  const escJson = JSON.stringify(escPw).slice(1, -1);
  const unicodeTok = t.stripeLive();
  const uEsc = unicodeTok.replace(/_/g, '\\u005f');
  repo
    .file('services/importer/config/appsettings.Production.json', 'encoded')
    .l('{', '  "Logging": { "LogLevel": { "Default": "Warning" } },', '  "Importer": {')
    .s(`    "FtpPassword": "${escJson}",`, 'generic', escJson)
    .s(`    "StripeKey": "${uEsc}",`, 'stripe', uEsc)
    .d(
      '    "ApiKeySecretRef": "@Microsoft.KeyVault(SecretUri=https://kv-importer.vault.azure.net/secrets/api-key/)",',
      'Key Vault reference',
    )
    .l('    "BatchSize": 500', '  }', '}');

  // Depth 2: a base64 Kubernetes value holding a dockerconfigjson whose auth is itself base64.
  const pat = x.dockerPat();
  const innerAuth = b64(`acmeci:${pat}`);
  const dockerJson = JSON.stringify({
    auths: { 'https://index.docker.io/v1/': { username: 'acmeci', auth: innerAuth } },
  });
  repo
    .file('deploy/k8s/ci/regcred.yaml', 'encoded')
    .l(
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: regcred',
      'type: kubernetes.io/dockerconfigjson',
      'data:',
    )
    .s(`  .dockerconfigjson: ${b64(dockerJson)}`, 'dockerhub', innerAuth);

  const pemB64 = b64(t.ecPem().join('\n'));
  repo
    .file('services/payments/config/apple-pay.env', 'encoded')
    .l('APPLE_PAY_MERCHANT_ID=merchant.io.acme-corp.checkout', 'APPLE_PAY_DOMAIN=checkout.acme-corp.io')
    .s(`APPLE_PAY_PROCESSING_KEY=${pemB64}`, 'private-key', Buffer.from(pemB64, 'base64').toString())
    .d(`APPLE_PAY_MERCHANT_CERT_SHA256=${t.sha256()}`, 'certificate fingerprint');

  const font = x.woff2();
  repo
    .file('services/web/src/styles/fonts.css', 'encoded')
    .l('@font-face {', "  font-family: 'Inter';", '  font-display: swap;')
    .d(`  src: url(data:font/woff2;base64,${font}) format('woff2');`, 'base64 font')
    .l('}', '.logo {')
    .d(`  background-image: url(data:image/png;base64,${t.pngBase64().slice(0, 900)});`, 'base64 image')
    .l('}');
  repo
    .file('services/web/package-lock.json', 'encoded')
    .l(
      '{',
      '  "name": "web",',
      '  "lockfileVersion": 3,',
      '  "packages": {',
      '    "node_modules/jose": {',
      '      "version": "5.2.4",',
    )
    .d('      "resolved": "https://registry.npmjs.org/jose/-/jose-5.2.4.tgz",', 'registry URL')
    .d(`      "integrity": "${x.integrity()}",`, 'integrity hash')
    .l('      "funding": { "url": "https://github.com/sponsors/panva" }', '    }', '  }', '}');
}

// ---- distinctive formats in files that never name their vendor ------------------------------

function vendorless(repo, t, x) {
  const tokens = [
    ['deploy_token', x.gitlabRunner(), 'gitlab'],
    ['registry_key', x.dockerPat(), 'dockerhub'],
    ['tracker_key', x.linear(), 'linear'],
    ['dash_token', x.grafanaSa(), 'grafana'],
    ['warehouse_token', x.databricks(), 'databricks'],
    ['secrets_token', x.doppler(), 'doppler'],
    ['vpn_join', x.tailscale(), 'tailscale'],
    ['state_token', x.pulumi(), 'pulumi'],
    ['vault_token', x.vault(), 'vault'],
    ['mail_key', x.mailgun(), 'mailgun'],
    ['collection_key', x.postman(), 'postman'],
    ['branch_db_key', x.neon(), 'neon'],
    ['sql_edge_password', x.planetscale(), 'planetscale'],
    ['edge_deploy', x.flyUser(), 'flyio'],
    ['shop_admin', x.shopify(), 'shopify'],
    ['droplet_token', x.digitaloceanPat(), 'digitalocean'],
    ['file_age_identity', x.ageKey(), 'age'],
    ['fine_grained', x.githubFine(), 'github'],
    ['app_install', x.githubApp(), 'github'],
  ];
  const f = repo
    .file('ops/tooling/settings.toml', 'vendorless')
    .l(
      '# Tooling settings for the ops CLI (`ops sync`, `ops rotate`).',
      '[general]',
      'region = "eu-west-1"',
      'log_format = "json"',
      '',
      '[credentials]',
    );
  for (const [name, value, kind] of tokens) f.s(`${name} = "${value}"`, kind, value);
  f.l('', '[limits]').d(`run_id = "${t.uuid()}"`, 'uuid').d(`cache_key = "${t.sha256()}"`, 'cache key hash');

  const disc = x.discordBot();
  const tf = x.terraformCloud();
  const linear2 = x.linear();
  repo
    .file('scripts/bootstrap-lab.sh', 'vendorless')
    .l('#!/usr/bin/env bash', 'set -euo pipefail', '# lab bootstrap: exports what the helper scripts expect')
    .s(`export BOT_TOKEN="${disc}"`, 'discord', disc)
    .s(`export TF_TOKEN_app_terraform_io="${tf}"`, 'terraform-cloud', tf)
    .s(`export TRACKER=${linear2}`, 'linear', linear2)
    .d('export BUILD_ID="$(date +%s)-$(git rev-parse --short HEAD)"', 'command substitution')
    .d('export TOKEN="${TOKEN:-}"', 'parameter expansion');
}

// ---- previous reports and source maps (must scan clean) -------------------------------------

function reports(repo, t, _x) {
  const sarif = repo.file('reports/previous-scan.sarif', 'reports');
  sarif.l(
    '{',
    '  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",',
    '  "version": "2.1.0",',
    '  "runs": [',
    '    {',
    '      "tool": { "driver": { "name": "tokenscope", "version": "0.9.0", "rules": [{ "id": "github.classic-pat", "shortDescription": { "text": "GitHub classic PAT" } }] } },',
    '      "results": [',
  );
  for (let i = 0; i < 4; i++) {
    sarif
      .l('        {', '          "ruleId": "github.classic-pat",', '          "level": "error",')
      .d(
        `          "message": { "text": "GitHub classic PAT ghp_${t.alnum(4)}… in config/app.yml:${10 + i}; secret = \\"[redacted]\\"\\npassword: ********" },`,
        'redacted message with escapes',
      )
      .d(`          "partialFingerprints": { "secretHash/v1": "${t.sha256()}" },`, 'fingerprint hash')
      .l(
        '          "locations": [{ "physicalLocation": { "artifactLocation": { "uri": "config/app.yml" }, "region": { "startLine": ' +
          (10 + i) +
          ' } } }]',
      )
      .l(i === 3 ? '        }' : '        },');
  }
  sarif.l('      ]', '    }', '  ]', '}');

  const src = [
    "import axios from 'axios';",
    'const apiKey = process.env.API_KEY ?? "";',
    'const password = config.get("db.password");',
    'export const token = localStorage.getItem("token");',
    'const secret = `${prefix}-${suffix}`;',
  ].join('\n');
  const srcJson = JSON.stringify(src);
  repo
    .file('services/web/dist/assets/index-4f2a9c1b.js.map', 'reports')
    .d(
      `{"version":3,"file":"index-4f2a9c1b.js","sources":["../../src/api.ts"],"sourcesContent":[${srcJson}],"names":["apiKey","password","token","secret"],"mappings":"${t.pick('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/;,', 600)}"}`,
      'source map with inlined sources',
    );

  const gl = repo.file('reports/gitleaks-report.json', 'reports');
  gl.l('[');
  for (let i = 0; i < 3; i++) {
    gl.l('  {', '    "Description": "Generic API Key",', '    "StartLine": ' + (i + 3) + ',')
      .d('    "Match": "api_key = REDACTED",', 'redacted match')
      .d('    "Secret": "REDACTED",', 'redacted')
      .d(`    "Commit": "${t.sha1()}",`, 'commit sha')
      .d(`    "Fingerprint": "${t.sha1()}:config/app.yml:generic-api-key:${i + 3}",`, 'fingerprint')
      .l('    "RuleID": "generic-api-key"', i === 2 ? '  }' : '  },');
  }
  gl.l(']');
}

// ---- second round: more syntaxes of the same file kinds --------------------------------------

function deployScripts(repo, t, _x) {
  const helmPw = t.password();
  const lit = t.alnum(40);
  const slackUser = `xoxp-${t.digits(11)}-${t.digits(12)}-${t.digits(13)}-${t.hex(32)}`;
  repo
    .file('scripts/deploy-staging.sh', 'deploy-scripts')
    .l('#!/usr/bin/env bash', 'set -euo pipefail', 'NS=checkout-staging', '')
    .s(
      `helm upgrade --install checkout charts/checkout -n "$NS" --set postgresql.auth.password=${helmPw} --wait`,
      'generic',
      helmPw,
    )
    .s(
      `kubectl -n "$NS" create secret generic webhook-signing --from-literal=signing-secret=${lit} --dry-run=client -o yaml | kubectl apply -f -`,
      'generic',
      lit,
    )
    .d(
      'kubectl -n "$NS" create secret generic db --from-literal=password="$DB_PASSWORD" --dry-run=client -o yaml | kubectl apply -f -',
      'env reference',
    )
    .s(
      `curl -sS -X POST -H "Authorization: Bearer ${slackUser}" https://slack.com/api/chat.postMessage -d channel=C04RELEASE -d text="staging deployed"`,
      'slack',
      slackUser,
    )
    .d('kubectl rollout status deploy/checkout -n "$NS" --timeout=120s', 'command');

  const dockerPw = t.password();
  const redisPw = t.alnum(28);
  const mysqlPw = 'Mysql_r00t_2022';
  repo
    .file('scripts/local-stack.sh', 'deploy-scripts')
    .l('#!/bin/sh', '# spins up the stack on the shared build VM')
    .s(`docker login registry.acme-corp.io -u builder -p ${dockerPw}`, 'generic', dockerPw)
    .s(`docker run -d --name redis redis:7 redis-server --requirepass ${redisPw}`, 'generic', redisPw)
    .s(`docker run -d --name mysql -e MYSQL_ROOT_PASSWORD=${mysqlPw} -p 3306:3306 mysql:8.4`, 'generic', mysqlPw)
    .d('docker run -d --name pg -e POSTGRES_PASSWORD=postgres -p 5432:5432 postgres:16', 'throwaway local default')
    .d(`docker pull ghcr.io/acme-corp/api@sha256:${t.sha256()}`, 'image digest');

  const compose = repo.file('services/search/docker-compose.override.yml', 'deploy-scripts');
  const elastic = t.password();
  compose
    .l('services:', '  elasticsearch:', '    environment:')
    .s(`      ELASTIC_PASSWORD: ${elastic}`, 'generic', elastic)
    .l('    healthcheck:')
    .s(
      `      test: ["CMD-SHELL", "curl -fs -u elastic:${elastic} http://localhost:9200/_cluster/health"]`,
      'generic',
      elastic,
    )
    .l('  kibana:', '    environment:')
    .d('      ELASTICSEARCH_PASSWORD: ${ELASTIC_PASSWORD:?set ELASTIC_PASSWORD}', 'required env reference')
    .d('      XPACK_ENCRYPTEDSAVEDOBJECTS_ENCRYPTIONKEY: ${KIBANA_ENC_KEY}', 'env reference');
}

function moreTerraform(repo, t, x) {
  const ddApi = t.ddApi();
  const ddApp = t.ddApp();
  const pgPw = t.password();
  const localPw = 'Adm1n!Grafana#7';
  const varDefault = t.alnum(32);
  repo
    .file('infra/terraform/envs/observability/main.tf', 'terraform')
    .l('provider "datadog" {')
    .s(`  api_key = "${ddApi}"`, 'datadog', ddApi)
    .s(`  app_key = "${ddApp}"`, 'datadog', ddApp)
    .l(
      '  api_url = "https://api.datadoghq.eu/"',
      '}',
      '',
      'provider "postgresql" {',
      '  host     = "metrics-db.internal"',
      '  username = "terraform"',
    )
    .s(`  password = "${pgPw}"`, 'generic', pgPw)
    .l('}', '', 'locals {')
    .s(`  grafana_admin_password = "${localPw}"`, 'generic', localPw)
    .d('  dashboard_uid          = "a1b2c3d4e5"', 'dashboard uid')
    .l('}', '', 'variable "webhook_hmac_key" {', '  type      = string')
    .s(`  default   = "${varDefault}"`, 'generic', varDefault)
    .l(
      '}',
      '',
      'resource "kubernetes_secret" "grafana" {',
      '  metadata {',
      '    name = "grafana-admin"',
      '  }',
      '  data = {',
    )
    .d('    admin-password = local.grafana_admin_password', 'reference')
    .l('  }', '}', '', 'output "grafana_url" {')
    .d('  value = "https://grafana.acme-corp.io"', 'URL')
    .l('}');

  const slack = t.slackWebhook();
  const stripe = `rk_live_${t.alnum(99)}`;
  repo
    .file('infra/terraform/envs/prod/terraform.tfvars.json', 'terraform')
    .l('{', '  "environment": "prod",')
    .s(`  "alert_webhook_url": "${slack}",`, 'slack', slack)
    .s(`  "stripe_restricted_key": "${stripe}",`, 'stripe', stripe)
    .d('  "allowed_cidrs": ["10.0.0.0/8", "192.168.0.0/16"],', 'CIDRs')
    .d(`  "acm_certificate_arn": "arn:aws:acm:us-east-1:210987654321:certificate/${t.uuid()}"`, 'ARN')
    .l('}');

  const heredoc = t.rsaPem();
  repo
    .file('infra/terraform/modules/bastion/keys.tf', 'terraform')
    .l(
      'resource "tls_private_key" "generated" {',
      '  algorithm = "ED25519"',
      '}',
      '',
      '# imported key of the legacy bastion (INFRA-88)',
      'locals {',
      '  legacy_bastion_key = <<-EOT',
    )
    .s(
      heredoc.map((l) => `    ${l}`),
      'private-key',
      heredoc.join('\n'),
    )
    .l('  EOT', '}', '', 'resource "aws_key_pair" "ops" {', '  key_name   = "ops"')
    .d(
      `  public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${x.bytes(32).toString('base64').slice(0, 43)} ops"`,
      'public key',
    )
    .l('}');

  const tfEnv = t.password();
  repo
    .file('infra/terraform/envs/staging/.envrc', 'terraform')
    .l('export AWS_PROFILE=staging', 'export TF_VAR_environment=staging')
    .s(`export TF_VAR_db_password='${tfEnv}'`, 'generic', tfEnv)
    .d('export TF_VAR_kms_key_alias=alias/staging-rds', 'alias name');
  const creds = x.terraformCloud();
  repo
    .file('ops/dotfiles/terraform.d/credentials.tfrc.json', 'terraform')
    .l('{', '  "credentials": {', '    "app.terraform.io": {')
    .s(`      "token": "${creds}"`, 'terraform-cloud', creds)
    .l('    }', '  }', '}');
}

function moreCi(repo, t, x) {
  const dockerPw = x.dockerPat();
  repo
    .file('.github/workflows/images.yml', 'ci')
    .l(
      'name: images',
      'on: [push]',
      'jobs:',
      '  push:',
      '    runs-on: ubuntu-latest',
      '    services:',
      '      postgres:',
      '        image: postgres:16',
      '        env:',
    )
    .d('          POSTGRES_PASSWORD: postgres', 'throwaway CI service password')
    .l('    steps:', '      - uses: docker/login-action@v3', '        with:', '          username: acmeci')
    .s(`          password: ${dockerPw}`, 'dockerhub', dockerPw)
    .l(
      '      - uses: docker/login-action@v3',
      '        with:',
      '          registry: ghcr.io',
      '          username: ${{ github.actor }}',
    )
    .d('          password: ${{ secrets.GITHUB_TOKEN }}', 'secrets reference')
    .d('      - uses: docker/build-push-action@4a13e500e55cf31b7a5d59a38ab2040ab0f42f56 # v5.1.0', 'pinned action');

  const glVal = t.password();
  const glTok = x.gitlabDeploy();
  repo
    .file('ci/templates/integration.gitlab-ci.yml', 'ci')
    .l('integration:', '  stage: test', '  variables:', '    DB_PASSWORD:')
    .s(`      value: "${glVal}"`, 'generic', glVal)
    .l('      description: "password of the shared integration database"', '    PACKAGE_REGISTRY_TOKEN:')
    .s(`      value: ${glTok}`, 'gitlab', glTok)
    .l('      expand: false', '  script:', '    - make integration')
    .d('  rules:', 'key')
    .d('    - if: $CI_PIPELINE_SOURCE == "merge_request_event"', 'rule expression');

  const droneDocker = t.password();
  repo
    .file('.drone.yml', 'ci')
    .l(
      'kind: pipeline',
      'type: docker',
      'name: default',
      'steps:',
      '  - name: publish',
      '    image: plugins/docker',
      '    settings:',
      '      repo: acme/api',
      '      username: acmebuild',
    )
    .s(`      password: ${droneDocker}`, 'generic', droneDocker)
    .l('  - name: notify', '    image: plugins/slack', '    settings:', '      webhook:')
    .d('        from_secret: slack_webhook', 'secret reference');

  const sauce = t.uuid();
  repo
    .file('.travis.yml', 'ci')
    .l('language: node_js', 'node_js: ["20"]', 'env:', '  global:')
    .s(`    - SAUCE_ACCESS_KEY=${sauce}`, 'saucelabs', sauce)
    .d(`    - secure: "${x.bytes(256).toString('base64')}"`, 'Travis encrypted variable')
    .l('script: npm test');

  const bk = t.password();
  repo
    .file('.buildkite/pipeline.yml', 'ci')
    .l('steps:', '  - label: ":rspec: specs"', '    command: bin/ci', '    env:', '      RAILS_ENV: test')
    .s(`      SHARED_DB_PASSWORD: "${bk}"`, 'generic', bk)
    .d('      BUILDKITE_PLUGIN_S3_SECRETS_BUCKET: acme-buildkite-secrets', 'bucket name')
    .l('    plugins:')
    .d('      - docker-compose#v5.2.0:', 'plugin version')
    .l('          run: app');
}

function credentialStores(repo, t, x) {
  const gho = t.github('gho_');
  repo
    .file('ops/dotfiles/config/gh/hosts.yml', 'cloud-cli')
    .l('github.com:', '    git_protocol: https', '    users:', '        ops-bot:')
    .s(`            oauth_token: ${gho}`, 'github', gho)
    .l('    user: ops-bot');
  const dapi = x.databricks();
  repo
    .file('ops/dotfiles/.databrickscfg', 'cloud-cli')
    .l('[DEFAULT]', 'host = https://adb-1234567890123456.7.azuredatabricks.net')
    .s(`token = ${dapi}`, 'databricks', dapi)
    .l('', '[staging]', 'host = https://adb-6543210987654321.3.azuredatabricks.net')
    .d('auth_type = azure-cli', 'auth mode');
  const doTok = t.digitalocean();
  repo
    .file('ops/dotfiles/config/doctl/config.yaml', 'cloud-cli')
    .s(`access-token: ${doTok}`, 'digitalocean', doTok)
    .l('context: default', 'output: text');
  const vt = x.vault();
  repo.file('ops/dotfiles/.vault-token', 'cloud-cli').s(vt, 'vault', vt);
  const s3Key = t.awsId();
  const s3Sec = t.awsSecret();
  repo
    .file('ops/dotfiles/.s3cfg', 'cloud-cli')
    .l('[default]')
    .s(`access_key = ${s3Key}`, 'aws', s3Key)
    .s(`secret_key = ${s3Sec}`, 'aws', s3Sec)
    .l('bucket_location = EU', 'host_base = s3.amazonaws.com', 'use_https = True');
  const pgpass = 'Rep1ica-Str3am';
  repo
    .file('ops/dotfiles/.pgpass', 'cloud-cli')
    .s(`replica.db.internal:5432:*:replicator:${pgpass}`, 'generic', pgpass)
    .d('localhost:5432:*:postgres:*', 'wildcard entry, no password');
  const myCnf = t.password();
  repo
    .file('ops/dotfiles/.my.cnf', 'cloud-cli')
    .l('[client]', 'user=backup', 'host=mysql-primary.internal')
    .s(`password="${myCnf}"`, 'generic', myCnf);
  const ociFp = Array.from({ length: 16 }, () => t.pick('0123456789abcdef', 2)).join(':');
  repo
    .file('ops/dotfiles/oci/config', 'cloud-cli')
    .l('[DEFAULT]')
    .d(`user=ocid1.user.oc1..aaaaaaaa${t.lower(52)}`, 'OCI user OCID')
    .d(`fingerprint=${ociFp}`, 'key fingerprint')
    .d('key_file=~/.oci/oci_api_key.pem', 'file path')
    .d(`tenancy=ocid1.tenancy.oc1..aaaaaaaa${t.lower(52)}`, 'tenancy OCID')
    .l('region=eu-frankfurt-1');
  const npmAuth = b64(`ci-publisher:${t.password()}`);
  repo
    .file('services/web/.npmrc', 'cloud-cli')
    .l('registry=https://nexus.acme-corp.io/repository/npm-group/', 'always-auth=true')
    .s(`_auth=${npmAuth}`, 'npm', npmAuth)
    .d('//registry.npmjs.org/:_authToken=${NPM_TOKEN}', 'env reference');
}

function moreKeys(repo, t, x) {
  const envPem = t.pkcs8Pem();
  repo
    .file('services/notifier/.env.production', 'keys')
    .l('NODE_ENV=production', 'APNS_KEY_ID=7K2Q9XW4LM', 'APNS_TEAM_ID=ACME12345T')
    .s(`APNS_PRIVATE_KEY="${envPem.join('\\n')}"`, 'private-key', envPem.join('\n'));

  const crlf = t.rsaPem();
  repo
    .file('services/sso/config/saml.json', 'keys')
    .l('{', '  "entityId": "https://sso.acme-corp.io/saml/metadata",')
    .d(`  "idpCert": "${x.certPem().join('\\r\\n')}",`, 'IdP public certificate')
    .s(`  "spPrivateKey": "${crlf.join('\\r\\n')}",`, 'private-key', crlf.join('\n'))
    .l('  "wantAssertionsSigned": true', '}');

  const py = t.ecPem();
  repo
    .file('services/reporting/reporting/signing.py', 'keys')
    .l('import jwt', '', '# staging signer; production reads the key from KMS', 'STAGING_KEY = """\\')
    .s(py, 'private-key', py.join('\n'))
    .l(
      '"""',
      '',
      '',
      'def sign(claims: dict) -> str:',
      '    return jwt.encode(claims, STAGING_KEY, algorithm="ES256")',
    );

  const go = t.rsaPem();
  repo
    .file('services/edge/internal/tlsutil/testdata.go', 'keys')
    .l('package tlsutil', '', '// devKey is the key of edge-dev.acme-corp.io (self-signed, still in use on the lab).')
    .s(['var devKey = []byte(`' + go[0], ...go.slice(1)], 'private-key', go.join('\n'))
    .l('`)');

  const mod = x.bytes(256).toString('base64');
  const dVal = x.bytes(256).toString('base64');
  repo
    .file('services/legacy-portal/App_Data/signing-key.xml', 'keys')
    .l('<RSAKeyValue>')
    .d(`  <Modulus>${mod}</Modulus>`, 'public modulus')
    .d('  <Exponent>AQAB</Exponent>', 'public exponent')
    .s(
      [
        `  <P>${x.bytes(128).toString('base64')}</P>`,
        `  <Q>${x.bytes(128).toString('base64')}</Q>`,
        `  <D>${dVal}</D>`,
      ],
      'private-key',
      dVal,
    )
    .l('</RSAKeyValue>');

  const sops = repo.file('.sops.yaml', 'keys');
  sops
    .l('creation_rules:', '  - path_regex: deploy/k8s/.*\\.enc\\.yaml$')
    .d(`    age: age1${t.pick('qpzry9x8gf2tvdw0s3jn54khce6mua7l', 58)}`, 'age public recipient')
    .d(`    pgp: ${t.hex(40).toUpperCase()}`, 'PGP fingerprint');
  repo
    .file('ops/ssh/known_hosts', 'keys')
    .d(
      `github.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${x.bytes(32).toString('base64').slice(0, 43)}`,
      'host public key',
    )
    .d(
      `bastion.acme-corp.io ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBB${x.bytes(48).toString('base64')}`,
      'host public key',
    );
}

function moreNotebooksAndLogs(repo, t, x) {
  const openai = t.openai();
  const aws = t.awsSecret();
  const awsId = t.awsId();
  repo
    .file('research/notebooks/quickstart.ipynb', 'notebooks')
    .l(
      '{',
      ' "cells": [',
      '  {',
      '   "cell_type": "code",',
      '   "execution_count": 1,',
      '   "metadata": {},',
      '   "outputs": [',
      '    {',
      '     "name": "stdout",',
      '     "output_type": "stream",',
      '     "text": [',
    )
    .l('      "[default]\\n",')
    .s(`      "aws_access_key_id = ${awsId}\\n",`, 'aws', awsId)
    .s(`      "aws_secret_access_key = ${aws}\\n"`, 'aws', aws)
    .l(
      '     ]',
      '    }',
      '   ],',
      '   "source": [',
      '    "!cat ~/.aws/credentials"',
      '   ]',
      '  },',
      '  {',
      '   "cell_type": "code",',
      '   "execution_count": 2,',
      '   "metadata": {},',
      '   "outputs": [],',
      '   "source": [',
    )
    .s(`    "%env OPENAI_API_KEY=${openai}\\n",`, 'openai', openai)
    .d('    "api_key = getpass.getpass(\\"API key: \\")"', 'interactive prompt')
    .l('   ]', '  }', ' ],', ' "metadata": {},', ' "nbformat": 4,', ' "nbformat_minor": 5', '}');

  const bearer = x.hs256({ sub: 'svc-sync', scope: 'read write', iat: 1764547200 });
  const apiKey = t.alnum(40);
  const redis = t.alnum(32);
  repo
    .file('ops/incidents/2026-11-20-sync/sync.jsonl', 'logs')
    .d(`{"ts":"2026-11-20T10:00:01Z","level":"info","msg":"sync start","run":"${t.uuid()}"}`, 'run id')
    .s(
      `{"ts":"2026-11-20T10:00:02Z","level":"debug","msg":"outbound request","method":"GET","url":"https://partner.example-logistics.com/v2/shipments","headers":{"authorization":"Bearer ${bearer}","accept":"application/json"}}`,
      'generic',
      bearer,
    )
    .s(
      `{"ts":"2026-11-20T10:00:02Z","level":"debug","msg":"outbound request","headers":{"x-api-key":"${apiKey}"}}`,
      'generic',
      apiKey,
    )
    .s(
      `{"ts":"2026-11-20T10:00:03Z","level":"error","msg":"cache unavailable","err":"dial rediss://default:${redis}@cache.internal:6380: i/o timeout"}`,
      'generic',
      redis,
    )
    .d(
      `{"ts":"2026-11-20T10:00:04Z","level":"info","msg":"done","headers":{"authorization":"Bearer ***"},"sha":"${t.sha1()}"}`,
      'masked header',
    );

  const phpUrl = `https:\\/\\/api-user:${t.password()}@files.internal.acme-corp.io\\/upload`;
  repo
    .file('services/legacy-portal/storage/config-cache.json', 'encoded')
    .l('{')
    .s(`  "upload_endpoint": "${phpUrl}",`, 'generic', phpUrl)
    .d('  "cdn": "https:\\/\\/cdn.acme-corp.io\\/assets",', 'escaped URL without credentials')
    .l('  "ttl": 3600', '}');

  const double = t.password();
  repo
    .file('deploy/k8s/legacy/secret-double.yaml', 'encoded')
    .l(
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: legacy-app',
      '# the value was base64-encoded before it was put under data:',
      'data:',
    )
    .s(`  app-password: ${b64(b64(double))}`, 'generic', b64(double));

  const entity = `Deploy${t.digits(3)}!`;
  repo
    .file('services/legacy-portal/deploy/publish.pubxml', 'encoded')
    .l(
      '<?xml version="1.0" encoding="utf-8"?>',
      '<Project>',
      '  <PropertyGroup>',
      '    <PublishUrl>ftp://ftp.lab.acme-corp.io/portal</PublishUrl>',
      '    <UserName>deploy</UserName>',
    )
    .s(`    <Password>${entity.replace('!', '&#33;')}</Password>`, 'generic', entity.replace('!', '&#33;'))
    .l('  </PropertyGroup>', '</Project>');
}

function moreDecoys(repo, t, x) {
  repo
    .file('docs/runbooks/aws-access.md', 'decoys')
    .l(
      '# Getting AWS access',
      '',
      'Never put keys in files. For reference, the AWS docs show this shape:',
      '',
      '```ini',
      '[default]',
    )
    .d('aws_access_key_id = AKIAIOSFODNN7EXAMPLE', 'AWS documentation example')
    .d('aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'AWS documentation example')
    .l('```', '', 'Use `aws sso login --profile prod-admin` instead.');
  repo
    .file('deploy/k8s/orders/external-secret.yaml', 'decoys')
    .l(
      'apiVersion: external-secrets.io/v1beta1',
      'kind: ExternalSecret',
      'metadata:',
      '  name: orders-api',
      'spec:',
      '  refreshInterval: 1h',
      '  secretStoreRef:',
      '    name: aws-secrets-manager',
      '    kind: ClusterSecretStore',
      '  data:',
      '    - secretKey: DB_PASSWORD',
      '      remoteRef:',
    )
    .d('        key: prod/orders/db', 'remote key path')
    .d('        property: password', 'property name');
  repo
    .file('deploy/vault-agent/orders.ctmpl', 'decoys')
    .d('{{ with secret "database/creds/orders" }}DB_USER={{ .Data.username }}', 'Vault template')
    .d('DB_PASSWORD={{ .Data.password }}{{ end }}', 'Vault template')
    .d('{{ with secret "kv/data/orders" }}STRIPE_SECRET_KEY={{ .Data.data.stripe_key }}{{ end }}', 'Vault template');
  repo
    .file('charts/checkout/templates/deployment.yaml', 'decoys')
    .l('apiVersion: apps/v1', 'kind: Deployment', 'spec:', '  template:', '    metadata:', '      annotations:')
    .d(
      '        checksum/config: {{ include (print $.Template.BasePath "/configmap.yaml") . | sha256sum }}',
      'template checksum',
    )
    .l('    spec:', '      imagePullSecrets:')
    .d('        - name: ghcr-pull', 'secret name')
    .l('      containers:', '        - name: app', '          env:', '            - name: API_TOKEN')
    .d('              value: {{ .Values.apiToken | quote }}', 'template reference')
    .d('            - name: PASSWORD_MIN_LENGTH', 'setting name')
    .d('              value: "12"', 'number');
  repo
    .file('charts/checkout/Chart.lock', 'decoys')
    .l(
      'dependencies:',
      '- name: postgresql',
      '  repository: oci://registry-1.docker.io/bitnamicharts',
      '  version: 15.5.1',
    )
    .d(`digest: sha256:${t.sha256()}`, 'chart lock digest')
    .d('generated: "2026-10-01T09:14:22.118Z"', 'timestamp');
  repo.file('ops/cosign.pub', 'decoys').d(
    [
      '-----BEGIN PUBLIC KEY-----',
      ...x
        .bytes(91)
        .toString('base64')
        .match(/.{1,64}/g),
      '-----END PUBLIC KEY-----',
    ],
    'cosign public key',
  );
  repo
    .file('services/web/.env.example', 'decoys')
    .d('DATABASE_URL=postgres://user:password@localhost:5432/app', 'placeholder URL')
    .d('STRIPE_SECRET_KEY=sk_test_your_key_here', 'placeholder')
    .d('OPENAI_API_KEY=sk-...', 'placeholder')
    .d('SESSION_SECRET=<generate with openssl rand -hex 32>', 'placeholder')
    .d('REDIS_PASSWORD=', 'empty');
  repo
    .file('ops/ansible/host_vars/redacted-dump.yml', 'decoys')
    .l('# output of `ansible-inventory --host db-1` with secrets masked by the wrapper')
    .d('ansible_password: "********"', 'redacted')
    .d('mysql_root_password: "[REDACTED]"', 'redacted')
    .d(`deploy_commit: ${t.sha1()}`, 'commit sha');
}

// ---- third round: operations configs that hold credentials in their own syntax ---------------

function opsConfigs(repo, t, x) {
  const envPw = t.password();
  const envTok = t.stripeLive();
  repo
    .file('deploy/k8s/reports/deployment.yaml', 'ops-configs')
    .l(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: reports',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '        - name: reports',
      '          image: ghcr.io/acme-corp/reports:3.2.0',
      '          env:',
    )
    .l('            - name: DB_USER', '              value: reports', '            - name: DB_PASSWORD')
    .s(`              value: "${envPw}"`, 'generic', envPw)
    .l('            - name: STRIPE_API_KEY')
    .s(`              value: ${envTok}`, 'stripe', envTok)
    .l('            - name: JAVA_OPTS')
    .d('              value: "-Xmx512m -XX:+UseG1GC"', 'JVM options');

  const ecsPw = t.password();
  const ecsKey = t.sendgrid();
  repo
    .file('infra/ecs/task-definitions/notifier.json', 'ops-configs')
    .l(
      '{',
      '  "family": "notifier",',
      '  "containerDefinitions": [',
      '    {',
      '      "name": "notifier",',
      '      "image": "210987654321.dkr.ecr.eu-west-1.amazonaws.com/notifier:1.8.0",',
      '      "environment": [',
    )
    .l('        { "name": "SMTP_USER", "value": "apikey" },')
    .s(`        { "name": "SMTP_PASSWORD", "value": "${ecsPw}" },`, 'generic', ecsPw)
    .s(`        { "name": "SENDGRID_KEY", "value": "${ecsKey}" },`, 'sendgrid', ecsKey)
    .d(
      '        { "name": "QUEUE_URL", "value": "https://sqs.eu-west-1.amazonaws.com/210987654321/notify" }',
      'queue URL',
    )
    .l('      ],', '      "secrets": [')
    .d(
      '        { "name": "DB_PASSWORD", "valueFrom": "arn:aws:ssm:eu-west-1:210987654321:parameter/notifier/db-password" }',
      'SSM reference',
    )
    .l('      ]', '    }', '  ]', '}');

  const cfnPw = 'Aurora-Prod-2023!';
  repo
    .file('infra/cloudformation/rds.yaml', 'ops-configs')
    .l(
      'AWSTemplateFormatVersion: "2010-09-09"',
      'Parameters:',
      '  MasterUsername:',
      '    Type: String',
      '    Default: dbadmin',
      '  MasterPassword:',
      '    Type: String',
    )
    .d('    NoEcho: true', 'flag')
    .s(`    Default: ${cfnPw}`, 'generic', cfnPw)
    .l('Resources:', '  Cluster:', '    Type: AWS::RDS::DBCluster', '    Properties:')
    .d('      MasterUserPassword: !Ref MasterPassword', 'reference')
    .d("      KmsKeyId: !Sub 'arn:aws:kms:${AWS::Region}:${AWS::AccountId}:alias/rds'", 'substitution');

  const promPw = t.password();
  const promBearer = x.grafanaSa();
  const smtpPw = t.alnum(16);
  const pdKey = t.hex(32);
  repo
    .file('ops/monitoring/prometheus.yml', 'ops-configs')
    .l(
      'global:',
      '  scrape_interval: 30s',
      'scrape_configs:',
      '  - job_name: federate-eu',
      '    metrics_path: /federate',
      '    basic_auth:',
      '      username: federation',
    )
    .s(`      password: ${promPw}`, 'generic', promPw)
    .l('  - job_name: grafana-cloud-metrics', '    scheme: https')
    .s(`    bearer_token: ${promBearer}`, 'grafana', promBearer)
    .l('  - job_name: node', '    file_sd_configs:', '      - files: ["/etc/prometheus/targets/*.json"]')
    .d('    bearer_token_file: /var/run/secrets/kubernetes.io/serviceaccount/token', 'file path');
  repo
    .file('ops/monitoring/alertmanager.yml', 'ops-configs')
    .l(
      'global:',
      '  smtp_smarthost: smtp.office365.com:587',
      '  smtp_from: alerts@acme-corp.io',
      '  smtp_auth_username: alerts@acme-corp.io',
    )
    .s(`  smtp_auth_password: '${smtpPw}'`, 'generic', smtpPw)
    .l('route:', '  receiver: default', 'receivers:', '  - name: default', '    pagerduty_configs:')
    .s(`      - routing_key: ${pdKey}`, 'pagerduty', pdKey)
    .l('    email_configs:', '      - to: oncall@acme-corp.io');

  const dsPw = t.password();
  const dsBasic = 'Graf@naRead0nly';
  repo
    .file('ops/monitoring/grafana/provisioning/datasources/postgres.yaml', 'ops-configs')
    .l(
      'apiVersion: 1',
      'datasources:',
      '  - name: Warehouse',
      '    type: postgres',
      '    url: warehouse.internal:5432',
      '    user: grafana_ro',
      '    secureJsonData:',
    )
    .s(`      password: "${dsPw}"`, 'generic', dsPw)
    .l(
      '  - name: Loki',
      '    type: loki',
      '    url: https://logs.acme-corp.io',
      '    basicAuth: true',
      '    basicAuthUser: grafana',
      '    secureJsonData:',
    )
    .s(`      basicAuthPassword: ${dsBasic}`, 'generic', dsBasic)
    .l('  - name: Tempo', '    type: tempo', '    secureJsonData:')
    .d('      httpHeaderValue1: $__env{TEMPO_TOKEN}', 'Grafana env interpolation');

  const haPw = 'HAstats!2022';
  const redisPw = t.alnum(32);
  const masterAuth = t.alnum(32);
  repo
    .file('ops/haproxy/haproxy.cfg', 'ops-configs')
    .l('global', '    log stdout format raw local0', '', 'userlist stats-users')
    .s(`    user admin insecure-password ${haPw}`, 'generic', haPw)
    .d(`    user viewer password $6$${t.pick('./' + ALNUM, 16)}$${t.pick('./' + ALNUM, 86)}`, 'sha512-crypt hash')
    .l(
      '',
      'frontend stats',
      '    bind *:8404',
      '    stats enable',
      '    stats auth-realm stats',
      '    acl auth_ok http_auth(stats-users)',
    );
  repo
    .file('ops/redis/redis.conf', 'ops-configs')
    .l('bind 0.0.0.0', 'port 6379', 'protected-mode yes')
    .s(`requirepass ${redisPw}`, 'generic', redisPw)
    .s(`masterauth ${masterAuth}`, 'generic', masterAuth)
    .d('maxmemory-policy allkeys-lru', 'setting');

  const unitPw = t.password();
  repo
    .file('ops/systemd/ledger-sync.service', 'ops-configs')
    .l('[Unit]', 'Description=Ledger sync worker', 'After=network-online.target', '', '[Service]', 'User=ledger')
    .s(`Environment="LEDGER_DB_URL=postgres://ledger:${unitPw}@ledger-db.internal:5432/ledger"`, 'generic', unitPw)
    .d('EnvironmentFile=-/etc/default/ledger-sync', 'file reference')
    .l('ExecStart=/usr/local/bin/ledger-sync --interval 60s', '', '[Install]', 'WantedBy=multi-user.target');

  const packerPw = t.password();
  const winrm = 'P@ckerBuild2024';
  repo
    .file('infra/packer/windows-agent.pkr.hcl', 'ops-configs')
    .l(
      'source "amazon-ebs" "win" {',
      '  instance_type  = "t3.large"',
      '  communicator   = "winrm"',
      '  winrm_username = "Administrator"',
    )
    .s(`  winrm_password = "${winrm}"`, 'generic', winrm)
    .l('}', '', 'source "vsphere-iso" "linux" {', '  ssh_username = "packer"')
    .s(`  ssh_password = "${packerPw}"`, 'generic', packerPw)
    .l('}');
  const vagrant = 'vagrant-lab-Pw9';
  repo
    .file('Vagrantfile', 'ops-configs')
    .l('Vagrant.configure("2") do |config|', '  config.vm.box = "generic/ubuntu2204"')
    .s(`  config.ssh.password = "${vagrant}"`, 'generic', vagrant)
    .d('  config.vm.network "private_network", ip: "192.168.56.10"', 'network')
    .l('end');
  const chpw = t.password();
  repo
    .file('infra/cloud-init/runner.yaml', 'ops-configs')
    .l('#cloud-config', 'users:', '  - name: runner', '    groups: [docker]')
    .d(`    ssh_authorized_keys:`, 'key')
    .d(`      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${x.bytes(32).toString('base64').slice(0, 43)} ops`, 'public key')
    .l('chpasswd:', '  expire: false', '  list: |')
    .s(`    runner:${chpw}`, 'generic', chpw)
    .l('runcmd:', '  - systemctl enable --now docker');

  const ansPw = t.password();
  const ansUrl = 'Nexus#Read2024';
  repo
    .file('ops/ansible/roles/db/tasks/main.yml', 'ops-configs')
    .l('---', '- name: create the application user')
    .s(`  community.mysql.mysql_user: name=app password=${ansPw} priv=app.*:ALL state=present`, 'generic', ansPw)
    .l(
      '- name: fetch the release',
      '  ansible.builtin.get_url:',
      '    url: https://nexus.acme-corp.io/repository/releases/app.tar.gz',
      '    dest: /opt/app.tar.gz',
      '    url_username: reader',
    )
    .s(`    url_password: "${ansUrl}"`, 'generic', ansUrl)
    .d('    checksum: "sha256:' + t.sha256() + '"', 'checksum')
    .l('- name: app user on postgres', '  community.postgresql.postgresql_user:', '    name: app')
    .d('    password: "{{ app_db_password }}"', 'variable reference')
    .l('  no_log: true');
  const hostVars = t.password();
  repo
    .file('ops/ansible/host_vars/win-build-2.yml', 'ops-configs')
    .l('ansible_host: 10.20.4.32', 'ansible_user: Administrator', 'ansible_connection: winrm')
    .s(`ansible_winrm_password: ${hostVars}`, 'generic', hostVars)
    .s(`ansible_become_pass: ${hostVars}`, 'generic', hostVars);
}

function dockerVariants(repo, t, x) {
  const gl = t.gitlab();
  const netrc = t.github();
  const pypi = t.pypi();
  const envPw = t.password();
  const legacy = 'Mysql-App-2021';
  repo
    .file('services/ml/Dockerfile', 'docker')
    .l('FROM python:3.12-slim', 'WORKDIR /srv')
    .s(`RUN git clone https://oauth2:${gl}@gitlab.com/acme-corp/ml-common.git /opt/ml-common`, 'gitlab', gl)
    .s(
      `RUN echo "machine github.com login acme-bot password ${netrc}" > /root/.netrc && pip install -r requirements.txt`,
      'github',
      netrc,
    )
    .s(`RUN pip install --extra-index-url https://__token__:${pypi}@upload.pypi.org/simple/ acme-private`, 'pypi', pypi)
    .l('ENV PYTHONUNBUFFERED=1 \\', '    APP_ENV=staging \\')
    .s(`    DB_PASSWORD=${envPw} \\`, 'generic', envPw)
    .l('    WORKERS=4')
    .s(`ENV MYSQL_PASSWORD ${legacy}`, 'generic', legacy)
    .d('HEALTHCHECK CMD curl -fs http://localhost:8000/healthz || exit 1', 'healthcheck')
    .d(
      'RUN --mount=type=secret,id=pip_token PIP_TOKEN=$(cat /run/secrets/pip_token) pip install acme-private',
      'BuildKit secret mount',
    );
  const sasUrl = `https://acmebackups.blob.core.windows.net/db-dumps?sv=2022-11-02&ss=b&srt=sco&sp=rwdlac&se=2027-12-31T23:59:59Z&st=2026-01-01T00:00:00Z&spr=https&sig=${t.azureSasSig()}`;
  repo
    .file('ops/backup/backup.env', 'docker')
    .l('BACKUP_SCHEDULE=0 3 * * *', 'BACKUP_RETENTION_DAYS=14')
    .s(`BACKUP_TARGET_URL=${sasUrl}`, 'azure', sasUrl)
    .d('BACKUP_ENCRYPTION_RECIPIENT=age1' + t.pick('qpzry9x8gf2tvdw0s3jn54khce6mua7l', 58), 'age public recipient');
  const presignedTok = x.awsSession();
  const asia = `ASIA${t.pick('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`;
  repo
    .file('ops/incidents/2026-11-18-checkout/worker.log', 'logs')
    .s(
      `2026-11-18T09:30:12Z INFO uploading report to https://acme-reports.s3.eu-west-1.amazonaws.com/daily/2026-11-18.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${asia}%2F20261118%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Date=20261118T093012Z&X-Amz-Expires=604800&X-Amz-Security-Token=${encodeURIComponent(presignedTok)}&X-Amz-SignedHeaders=host&X-Amz-Signature=${t.sha256()}`,
      'aws',
      asia,
    )
    .d(`2026-11-18T09:30:13Z INFO upload done etag="${t.hex(32)}" version=${t.alnum(32)}`, 'etag and version id');
}

function kubeconfigOidc(repo, t, x) {
  const cs = t.alnum(32);
  const refresh = `Cg${t.mixed(URLSAFE, 40)}`;
  const idTok = x.rs256({
    iss: 'https://dex.acme-corp.io',
    sub: t.uuid(),
    aud: 'kubernetes',
    exp: 1672531200,
    iat: 1672444800,
    email: 'ops@acme-corp.io',
  });
  const basicPw = t.password();
  repo
    .file('ops/kube/config-lab', 'kubernetes')
    .l('apiVersion: v1', 'kind: Config', 'clusters:', '- cluster:', '    server: https://lab-k8s.acme-corp.io:6443')
    .d('    insecure-skip-tls-verify: true', 'flag')
    .l('  name: lab', 'users:', '- name: oidc', '  user:', '    auth-provider:', '      name: oidc', '      config:')
    .d('        client-id: kubernetes', 'client id')
    .s(`        client-secret: ${cs}`, 'generic', cs)
    .d(`        id-token: ${idTok}`, 'expired OIDC id token')
    .d('        idp-issuer-url: https://dex.acme-corp.io', 'URL')
    .s(`        refresh-token: ${refresh}`, 'generic', refresh)
    .l('- name: legacy-admin', '  user:', '    username: admin')
    .s(`    password: ${basicPw}`, 'generic', basicPw)
    .l(
      '- name: eks',
      '  user:',
      '    exec:',
      '      apiVersion: client.authentication.k8s.io/v1beta1',
      '      command: aws',
    )
    .d('      args: ["eks", "get-token", "--cluster-name", "prod"]', 'exec plugin args');
  const envFile = `STRIPE_SECRET_KEY=${t.stripeLive()}\nSLACK_BOT_TOKEN=${t.slackBot()}\n`;
  const [stripeLine, slackLine] = envFile.trim().split('\n');
  const dotenv = b64(envFile);
  repo
    .file('deploy/k8s/billing/secret-env.yaml', 'kubernetes')
    .l('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: billing-dotenv', 'type: Opaque', 'data:')
    .s(`  .env: ${dotenv}`, 'stripe', stripeLine.split('=')[1]);
  alsoOnLastLine(repo, 'slack', slackLine.split('=')[1]);
}

// ---- fourth round: cluster internals, shells and middleware ---------------------------------

function clusterInternals(repo, t, x) {
  const saKey = t.pkcs8Pem();
  const saJson = JSON.stringify(
    {
      type: 'service_account',
      project_id: 'acme-data-platform',
      private_key_id: t.hex(40),
      private_key: `${saKey.join('\n')}\n`,
      client_email: 'loader@acme-data-platform.iam.gserviceaccount.com',
    },
    null,
    2,
  );
  const escapedKey = JSON.stringify(saKey.join('\n')).slice(1, -1);
  repo
    .file('deploy/k8s/loader/gcp-credentials.yaml', 'cluster')
    .l(
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: loader-gcp',
      '  namespace: data',
      'type: Opaque',
      'data:',
    )
    .s(`  key.json: ${b64(saJson)}`, 'gcp', escapedKey);

  const apiKey = t.alnum(32);
  const lastApplied = JSON.stringify({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'search', namespace: 'search' },
    stringData: { ALGOLIA_ADMIN_KEY: apiKey },
    type: 'Opaque',
  });
  repo
    .file('deploy/k8s/search/secret-dump.yaml', 'cluster')
    .l('# kubectl get secret search -o yaml (saved for INC-2231)', 'apiVersion: v1', 'data:')
    .s(`  ALGOLIA_ADMIN_KEY: ${b64(apiKey)}`, 'generic', apiKey)
    .l('kind: Secret', 'metadata:', '  annotations:')
    .s(`    kubectl.kubernetes.io/last-applied-configuration: '${lastApplied}'`, 'generic', apiKey)
    .d('  creationTimestamp: "2026-08-14T09:21:07Z"', 'timestamp')
    .d(`  resourceVersion: "${t.digits(9)}"`, 'resource version')
    .d(`  uid: ${t.uuid()}`, 'object uid');

  const encKey = x.bytes(32).toString('base64');
  repo
    .file('ops/kube/encryption-config.yaml', 'cluster')
    .l(
      'apiVersion: apiserver.config.k8s.io/v1',
      'kind: EncryptionConfiguration',
      'resources:',
      '  - resources: [secrets]',
      '    providers:',
      '      - aescbc:',
      '          keys:',
      '            - name: key1',
    )
    .s(`              secret: ${encKey}`, 'generic', encKey)
    .l('      - identity: {}');

  const consul = t.uuid();
  const gossipKey = x.bytes(32).toString('base64');
  repo
    .file('ops/consul/agent.hcl', 'cluster')
    .l(
      'datacenter = "eu-west-1"',
      'data_dir   = "/opt/consul"',
      'acl {',
      '  enabled        = true',
      '  default_policy = "deny"',
      '  tokens {',
    )
    .s(`    agent = "${consul}"`, 'generic', consul)
    .l('  }', '}')
    .s(`encrypt = "${gossipKey}"`, 'generic', gossipKey);
  const swarm = `SWMTKN-1-${t.pick('0123456789abcdefghijklmnopqrstuvwxyz', 50)}-${t.pick('0123456789abcdefghijklmnopqrstuvwxyz', 25)}`;
  repo
    .file('ops/swarm/join-manager.sh', 'cluster')
    .l('#!/bin/sh', '# run on each new manager node')
    .s(`docker swarm join --token ${swarm} 10.30.0.5:2377`, 'docker', swarm);

  const unseal = Array.from({ length: 3 }, () => x.bytes(33).toString('base64'));
  const root = x.vault();
  repo
    .file('ops/incidents/2026-07-02-vault/init-output.txt', 'cluster')
    .l('$ vault operator init -key-shares=3 -key-threshold=2')
    .s(`Unseal Key 1: ${unseal[0]}`, 'vault', unseal[0])
    .s(`Unseal Key 2: ${unseal[1]}`, 'vault', unseal[1])
    .s(`Unseal Key 3: ${unseal[2]}`, 'vault', unseal[2])
    .l('')
    .s(`Initial Root Token: ${root}`, 'vault', root)
    .l('', 'Vault initialized with 3 key shares and a key threshold of 2.');

  const wgPriv = x.bytes(32).toString('base64');
  const wgPsk = x.bytes(32).toString('base64');
  repo
    .file('ops/wireguard/wg0.conf', 'cluster')
    .l('[Interface]', 'Address = 10.99.0.1/24', 'ListenPort = 51820')
    .s(`PrivateKey = ${wgPriv}`, 'wireguard', wgPriv)
    .l('', '[Peer]')
    .d(`PublicKey = ${x.bytes(32).toString('base64')}`, 'WireGuard public key')
    .s(`PresharedKey = ${wgPsk}`, 'wireguard', wgPsk)
    .l('AllowedIPs = 10.99.0.2/32');
  const ovpn = Array.from({ length: 16 }, () => t.pick(HEX, 32));
  repo
    .file('ops/openvpn/client.ovpn', 'cluster')
    .l('client', 'dev tun', 'proto udp', 'remote vpn.acme-corp.io 1194', 'key-direction 1', '<tls-auth>')
    .s(
      ['-----BEGIN OpenVPN Static key V1-----', ...ovpn, '-----END OpenVPN Static key V1-----'],
      'private-key',
      ovpn.join('\n'),
    )
    .l('</tls-auth>');
}

function shellsAndMiddleware(repo, t, x) {
  const awsSecret = t.awsSecret();
  const mysqlPw = 'R00t!mysql2019';
  const vaultTok = x.vault();
  const ghTok = t.github();
  const minioSecret = t.alnum(40);
  repo
    .file('ops/dotfiles/.bash_history', 'shell-history')
    .l('cd ~/src/platform', 'git pull --rebase', 'kubectl get pods -n checkout')
    .s(`export AWS_SECRET_ACCESS_KEY=${awsSecret}`, 'aws', awsSecret)
    .s(`mysql -uroot -p'${mysqlPw}' -h 10.0.2.15 billing`, 'generic', mysqlPw)
    .s(`vault login ${vaultTok}`, 'vault', vaultTok)
    .s(`gh auth login --with-token <<< ${ghTok}`, 'github', ghTok)
    .s(`mc alias set lab https://minio.lab.acme-corp.io labadmin ${minioSecret}`, 'generic', minioSecret)
    .d('history | grep kubectl', 'command')
    .d(`git checkout ${t.sha1()}`, 'commit sha');

  const jaasPw = t.password();
  const ksPw = 'Keyst0re-Pass!';
  repo
    .file('services/events/src/main/resources/application-prod.properties', 'middleware')
    .l(
      'spring.kafka.bootstrap-servers=pkc-4r297.eu-west-1.aws.confluent.cloud:9092',
      'spring.kafka.properties.security.protocol=SASL_SSL',
      'spring.kafka.properties.sasl.mechanism=PLAIN',
    )
    .s(
      `spring.kafka.properties.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="${t.alnum(16).toUpperCase()}" password="${jaasPw}";`,
      'generic',
      jaasPw,
    )
    .l('server.ssl.key-store=classpath:keystore.p12')
    .s(`server.ssl.key-store-password=${ksPw}`, 'generic', ksPw)
    .d('server.ssl.key-store-type=PKCS12', 'setting')
    .d('spring.datasource.password=${DB_PASSWORD}', 'property placeholder');

  const armPw = t.password();
  repo
    .file('infra/arm/vm.parameters.json', 'middleware')
    .l(
      '{',
      '  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",',
      '  "contentVersion": "1.0.0.0",',
      '  "parameters": {',
      '    "adminUsername": { "value": "azureops" },',
    )
    .s(`    "adminPassword": { "value": "${armPw}" },`, 'generic', armPw)
    .d(
      '    "sqlPassword": { "reference": { "keyVault": { "id": "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-ops" }, "secretName": "sql-admin" } },',
      'Key Vault reference',
    )
    .l('    "vmSize": { "value": "Standard_D4s_v5" }', '  }', '}');

  const nomadPw = t.password();
  repo
    .file('ops/nomad/jobs/billing.nomad.hcl', 'middleware')
    .l(
      'job "billing" {',
      '  datacenters = ["dc1"]',
      '  group "api" {',
      '    task "api" {',
      '      driver = "docker"',
      '      env {',
      '        APP_ENV     = "staging"',
    )
    .s(`        DB_PASSWORD = "${nomadPw}"`, 'generic', nomadPw)
    .l('      }', '      template {', '        data = <<EOH')
    .d('{{ with secret "kv/data/billing" }}STRIPE_KEY={{ .Data.data.stripe }}{{ end }}', 'Vault template')
    .l('EOH', '        destination = "secrets/app.env"', '        env         = true', '      }', '    }', '  }', '}');

  const userData = b64(
    `#!/bin/bash\nset -e\nexport DB_PASSWORD='${t.password()}'\n/opt/app/bin/migrate && systemctl start app\n`,
  );
  const udPw = Buffer.from(userData, 'base64')
    .toString()
    .match(/DB_PASSWORD='([^']+)'/)[1];
  repo
    .file('infra/terraform/modules/app/launch-template.tf', 'middleware')
    .l(
      'resource "aws_launch_template" "app" {',
      '  name_prefix   = "app-"',
      '  image_id      = "ami-0c55b159cbfafe1f0"',
      '  instance_type = "t3.small"',
    )
    .s(`  user_data     = "${userData}"`, 'generic', udPw)
    .l('}');

  const flyrc = x.rs256({ csrf: t.hex(64), exp: 2082758400, is_admin: true, sub: 'ops', teams: { main: ['owner'] } });
  repo
    .file('ops/dotfiles/.flyrc', 'middleware')
    .l('targets:', '  ci:', '    api: https://ci.acme-corp.io', '    team: main', '    token:', '      type: bearer')
    .s(`      value: ${flyrc}`, 'generic', flyrc);

  const acrTok = x.rs256({
    jti: t.uuid(),
    sub: 'ci',
    exp: 2082758400,
    grant_type: 'refresh_token',
    iss: 'Azure Container Registry',
  });
  repo
    .file('ops/ci-runner/.docker/config-acr.json', 'middleware')
    .l('{', '  "auths": {', '    "acmeprod.azurecr.io": {', '      "auth": "",')
    .s(`      "identitytoken": "${acrTok}"`, 'generic', acrTok)
    .l('    }', '  }', '}');
}

// ---- fifth round: keys and tokens split, escaped twice or logged line by line ---------------

function splitAndEscaped(repo, t, x) {
  const yamlPem = t.rsaPem();
  repo
    .file('charts/sso/values-prod.yaml', 'split-escaped')
    .l('saml:', '  entityId: https://sso.acme-corp.io/saml')
    .s(`  spPrivateKey: "${yamlPem.join('\\n')}"`, 'private-key', yamlPem.join('\n'))
    .d(
      `  idpCertFingerprint: "${Array.from({ length: 32 }, () => t.pick(HEX.toUpperCase(), 2)).join(':')}"`,
      'certificate fingerprint',
    );

  const nbPem = t.rsaPem();
  const cells = nbPem.map((l, i) =>
    i === 0
      ? `    "PRIVATE_KEY = \\"\\"\\"${l}\\n",`
      : i === nbPem.length - 1
        ? `    "${l}\\"\\"\\"\\n",`
        : `    "${l}\\n",`,
  );
  repo
    .file('research/notebooks/sign-requests.ipynb', 'split-escaped')
    .l(
      '{',
      ' "cells": [',
      '  {',
      '   "cell_type": "code",',
      '   "execution_count": 1,',
      '   "metadata": {},',
      '   "outputs": [],',
      '   "source": [',
      '    "import jwt\\n",',
    )
    .s(cells, 'private-key', nbPem.join('\n'))
    .l(
      '    "token = jwt.encode({\\"sub\\": \\"svc\\"}, PRIVATE_KEY, algorithm=\\"RS256\\")"',
      '   ]',
      '  }',
      ' ],',
      ' "metadata": {},',
      ' "nbformat": 4,',
      ' "nbformat_minor": 5',
      '}',
    );

  const logPem = t.pkcs8Pem();
  repo
    .file('ops/incidents/2026-10-11-keygen/container.log', 'split-escaped')
    .d(
      `{"log":"generating signing key for tenant ${t.uuid()}\\n","stream":"stdout","time":"2026-10-11T08:00:00.118Z"}`,
      'ordinary log line',
    )
    .s(
      logPem.map(
        (l, i) =>
          `{"log":"${l}\\n","stream":"stdout","time":"2026-10-11T08:00:00.${String(200 + i).padStart(3, '0')}Z"}`,
      ),
      'private-key',
      logPem.join('\n'),
    )
    .d(
      '{"log":"key written to /var/run/keys/tenant.pem\\n","stream":"stdout","time":"2026-10-11T08:00:01.001Z"}',
      'ordinary log line',
    );

  const inner = t.password();
  const innerKey = t.alnum(40);
  const secretString = JSON.stringify({
    username: 'ledger',
    password: inner,
    engine: 'postgres',
    host: 'ledger-db.internal',
  });
  const apiString = JSON.stringify({ api_key: innerKey });
  repo
    .file('ops/incidents/2026-11-02-ledger/get-secret-value.json', 'split-escaped')
    .l(
      '{',
      '    "ARN": "arn:aws:secretsmanager:eu-west-1:210987654321:secret:ledger/db-Ab12Cd",',
      '    "Name": "ledger/db",',
    )
    .d(`    "VersionId": "${t.uuid()}",`, 'version id')
    .s(`    "SecretString": ${JSON.stringify(secretString)},`, 'generic', inner)
    .l('    "VersionStages": ["AWSCURRENT"],', '    "CreatedDate": "2026-11-02T10:14:55.012000+00:00"', '}');
  repo
    .file('infra/cloudformation/partner-secret.json', 'split-escaped')
    .l(
      '{',
      '  "Resources": {',
      '    "PartnerApi": {',
      '      "Type": "AWS::SecretsManager::Secret",',
      '      "Properties": {',
    )
    .s(`        "SecretString": ${JSON.stringify(apiString)}`, 'generic', innerKey)
    .l('      }', '    }', '  }', '}');

  const htmlPw = t.password();
  repo
    .file('services/legacy-portal/Views/Shared/_Config.cshtml', 'split-escaped')
    .l('<div id="app"')
    .s(
      `     data-config="{&quot;env&quot;:&quot;staging&quot;,&quot;reportingPassword&quot;:&quot;${htmlPw}&quot;}"></div>`,
      'generic',
      htmlPw,
    )
    .d('<script src="/bundle.js" integrity="' + x.integrity() + '" crossorigin="anonymous"></script>', 'SRI hash');

  const harJwt = x.rs256({
    sub: t.uuid(),
    sid: t.hex(16),
    iat: 1764547200,
    exp: 2082758400,
    scope: 'openid profile admin',
  });
  const harCookie = `s%3A${t.mixed(URLSAFE, 32)}.${t.mixed(B64, 43)}`;
  repo
    .file('qa/har/checkout-bug-4412.har', 'split-escaped')
    .l(
      '{',
      '  "log": {',
      '    "version": "1.2",',
      '    "entries": [',
      '      {',
      '        "request": {',
      '          "method": "POST",',
      '          "url": "https://checkout.acme-corp.io/api/cart",',
      '          "headers": [',
    )
    .s(`            { "name": "Authorization", "value": "Bearer ${harJwt}" },`, 'generic', harJwt)
    .d('            { "name": "Accept", "value": "application/json" },', 'header')
    .l('          ],', '          "cookies": [')
    .s(`            { "name": "connect.sid", "value": "${harCookie}" }`, 'generic', harCookie)
    .l('          ]', '        },', '        "response": { "status": 200 }', '      }', '    ]', '  }', '}');

  const expiredBearer = x.rs256({ sub: 'svc-old', iat: 1577836800, exp: 1577923200 });
  const fragTok = x.rs256({ sub: t.uuid(), aud: 'spa', iat: 1764547200, exp: 2082758400 });
  repo
    .file('ops/incidents/2026-11-18-checkout/edge.log', 'split-escaped')
    .d(
      `2026-11-18T09:40:00Z edge: replayed request with Authorization: Bearer ${expiredBearer} -> 401 token expired`,
      'expired bearer JWT',
    )
    .s(
      `2026-11-18T09:40:02Z edge: redirect to https://app.acme-corp.io/callback#access_token=${fragTok}&token_type=Bearer&expires_in=3600`,
      'generic',
      fragTok,
    )
    .d(`2026-11-18T09:40:03Z edge: cache HIT key=${t.sha256()}`, 'cache key');
}

// ---- references and look-alikes under credential names (all decoys) -------------------------

function referencesEverywhere(repo, t, x) {
  repo
    .file('.github/workflows/integration.yml', 'references')
    .l('name: integration', 'on: [pull_request]', 'jobs:', '  it:', '    runs-on: ubuntu-latest', '    steps:')
    .d(
      '      - run: docker login ghcr.io -u "${{ github.actor }}" --password "${{ secrets.GHCR_TOKEN }}"',
      'secrets reference',
    )
    .d(
      '      - run: aws ecr get-login-password | docker login --username AWS --password-stdin 210987654321.dkr.ecr.eu-west-1.amazonaws.com',
      'password from stdin',
    )
    .d('      - run: mysql -uroot -p"$MYSQL_ROOT_PASSWORD" -e "select 1"', 'env reference')
    .d('      - run: ./scripts/smoke.sh --token "${{ steps.auth.outputs.token }}"', 'step output reference')
    .d('        env:', 'key')
    .d('          API_KEY: ${{ vars.PUBLIC_MAPS_KEY_NAME }}', 'vars reference');
  repo
    .file('deploy/k8s/base/networkpolicy.yaml', 'references')
    .l(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'spec:',
      '  template:',
      '    spec:',
      '      affinity:',
      '        nodeAffinity:',
      '          requiredDuringSchedulingIgnoredDuringExecution:',
      '            nodeSelectorTerms:',
      '              - matchExpressions:',
    )
    .d('                  - key: topology.kubernetes.io/zone', 'label key')
    .l(
      '                    operator: In',
      '                    values: [eu-west-1a, eu-west-1b]',
      '      volumes:',
      '        - name: tls',
      '          secret:',
    )
    .d('            secretName: checkout-tls', 'secret name')
    .d('            defaultMode: 0400', 'file mode')
    .l(
      '        - name: sa-token',
      '          projected:',
      '            sources:',
      '              - serviceAccountToken:',
    )
    .d('                  audience: vault', 'audience')
    .d('                  expirationSeconds: 3600', 'ttl')
    .d('                  path: token', 'path');
  repo
    .file('infra/terraform/modules/kms/main.tf', 'references')
    .l('resource "aws_kms_key" "this" {', '  description = "app data"')
    .d('  key_usage   = "ENCRYPT_DECRYPT"', 'enum')
    .l('}', '', 'output "key_id" {')
    .d('  value = aws_kms_key.this.key_id', 'reference')
    .l('}', '', 'output "db_password" {')
    .d('  value     = random_password.db.result', 'reference')
    .d('  sensitive = true', 'flag')
    .l('}', '', 'resource "aws_iam_access_key" "ci" {', '  user    = aws_iam_user.ci.name')
    .d('  pgp_key = "keybase:acme_ops"', 'PGP recipient')
    .l('}');
  repo
    .file('ops/ansible/group_vars/all/main.yml', 'references')
    .l('---')
    .d("smtp_password: \"{{ lookup('env', 'SMTP_PASSWORD') }}\"", 'lookup')
    .d(
      "api_token: \"{{ lookup('community.general.onepassword', 'ops-api', field='credential') }}\"",
      '1Password lookup',
    )
    .d('token_ttl: 3600', 'number')
    .d('secret_rotation_days: 30', 'number')
    .d('ssh_key_fingerprint: "SHA256:' + x.bytes(32).toString('base64').replace(/=+$/, '') + '"', 'fingerprint')
    .d(`kms_key_id: "arn:aws:kms:eu-west-1:210987654321:key/${t.uuid()}"`, 'ARN')
    .d('password_policy_min_length: 14', 'number');
  repo
    .file('services/api/config/auth.yaml', 'references')
    .l('oidc:')
    .d('  token_endpoint: https://auth.acme-corp.io/oauth/token', 'URL')
    .d(`  client_id: ${t.uuid()}`, 'client id')
    .d('  client_secret: ${OIDC_CLIENT_SECRET}', 'env reference')
    .d('  jwks_uri: https://auth.acme-corp.io/.well-known/jwks.json', 'URL')
    .d('  signing_key_algorithm: RS256', 'algorithm')
    .d('  api_key_header: X-Api-Key', 'header name')
    .d(`  key_id: ${t.hex(16)}`, 'key id')
    .d('  secret: false', 'boolean')
    .d('  token_audience: api://checkout', 'audience');
  repo
    .file('azure-pipelines.release.yml', 'references')
    .l('variables:', '  - group: release-secrets', 'steps:')
    .d('  - script: ./publish.sh --api-key $(NUGET_API_KEY)', 'pipeline variable')
    .d('    env:', 'key')
    .d('      NUGET_PASSWORD: $(nugetPassword)', 'pipeline variable')
    .d("      SIGNING_KEY: $[variables['signingKey']]", 'runtime expression');
  repo
    .file('Jenkinsfile.release', 'references')
    .l('pipeline {', '  agent any', '  stages {', "    stage('publish') {", '      steps {')
    .d("        withCredentials([string(credentialsId: 'npm-token', variable: 'NPM_TOKEN')]) {", 'credentials binding')
    .d('          sh \'npm publish --//registry.npmjs.org/:_authToken="$NPM_TOKEN"\'', 'variable reference')
    .d(
      '          sh "docker login -u deploy -p ${env.REGISTRY_PASSWORD} registry.acme-corp.io"',
      'Groovy env reference',
    )
    .l('        }', '      }', '    }', '  }', '}');
}
