// Red-team suite "observability": monitoring, logging and alerting stacks as they get committed —
// Prometheus scrape and remote_write configs, Alertmanager receivers (SMTP, Slack, Teams, Discord,
// Telegram, PagerDuty, Opsgenie, webhooks), Grafana (grafana.ini, provisioned datasources and
// contact points, dashboards, service-account and Cloud tokens), Loki/Promtail/Tempo/Alloy,
// the OpenTelemetry Collector, Fluent Bit/Fluentd/Vector/Logstash outputs, Telegraf, Zabbix,
// Nagios and Icinga, Sentry, Datadog agent and integration confs, New Relic agents, Elastic APM,
// Kibana and keystore dumps, Jaeger, Uptime Kuma and Pingdom. Decoys: dashboard uids and panel ids,
// metric names and PromQL with token/secret/password in them, alert annotations, bcrypt hashes in
// Prometheus web configs, public Sentry DSNs and browser keys, env/file/template placeholders and
// UUID datasource ids. Every value is drawn from the seeded PRNG at run time.
import { ALNUM, B64, DIGIT, HEX, LOWER, UPPER, URLSAFE, Repo, makeTokens, mulberry32 } from './generate.mjs';

// CRC-32 (IEEE), for Grafana's service-account token checksum.
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (s) => {
  let c = 0xffffffff;
  for (const b of Buffer.from(s)) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 7919 + 431);
  const t = makeTokens(rand);
  const repo = new Repo();
  const b64 = (s) => Buffer.from(s).toString('base64');
  // Passwords for files whose syntax treats # or ; as a comment.
  const apw = () => t.password().replace(/[^A-Za-z0-9]/g, '');
  const pw = () => t.password();

  // ---- vendor formats -------------------------------------------------------------------
  // Grafana service account token: glsa_ + 32 alnum + _ + CRC32 of "glsa_<secret>", little-endian hex.
  const glsa = () => {
    const secret = t.mixed(ALNUM, 32);
    const c = crc32(`glsa_${secret}`);
    const le = Buffer.alloc(4);
    le.writeUInt32LE(c);
    return `glsa_${secret}_${le.toString('hex')}`;
  };
  // Grafana Cloud access-policy token: glc_ + base64 of {"o","n","k","m":{"r"}}.
  const glc = (name) =>
    `glc_${b64(JSON.stringify({ o: t.digits(7), n: `stack-${t.digits(6)}-${name}`, k: t.mixed(ALNUM, 24), m: { r: 'prod-eu-west-2' } }))}`;
  // Grafana legacy API key: base64 of {"k","n","id"}.
  const grafanaLegacy = (name) => b64(JSON.stringify({ k: t.mixed(ALNUM, 32), n: name, id: 1 }));
  const nrLicense = () => `${t.hex(36)}NRAL`;
  const nrLegacyLicense = () => t.hex(40);
  const nrUserKey = () => `NRAK-${t.mixed(UPPER + DIGIT, 27)}`;
  const nrBrowserKey = () => `NRJS-${t.pick(HEX, 19)}`;
  const dynatrace = () => `dt0c01.${t.mixed(UPPER + DIGIT, 24)}.${t.mixed(UPPER + DIGIT, 64)}`;
  const splunkHec = () => t.uuid().toUpperCase();
  const logzShipping = () => t.pick(UPPER + LOWER, 32);
  const pdRouting = () => t.hex(32);
  const pdApi = () => `u+${t.mixed(URLSAFE, 18)}`;
  const teamsWebhook = () =>
    `https://acmecorp.webhook.office.com/webhookb2/${t.uuid()}@${t.uuid()}/IncomingWebhook/${t.hex(32)}/${t.uuid()}`;
  const discordWebhook = () => `https://discord.com/api/webhooks/${t.digits(19)}/${t.mixed(URLSAFE, 68)}`;
  const telegram = () => `${t.digits(10)}:AA${t.mixed(URLSAFE, 33)}`;
  const sentryDsn = () => `https://${t.pick(HEX, 32)}@o${t.digits(6)}.ingest.sentry.io/${t.digits(7)}`;
  const sentryUser = () => `sntryu_${t.hex(64)}`;
  const sentryOrg = () =>
    `sntrys_${b64(JSON.stringify({ iat: 1767225600.123456, url: 'https://sentry.io', region_url: 'https://de.sentry.io', org: 'acme-corp' }))}_${t.mixed(B64, 43)}`;
  const axiom = () => `xaat-${t.uuid()}`;
  const esApiKeyParts = () => [t.mixed(URLSAFE, 20), t.mixed(URLSAFE, 22)];
  const esServiceToken = (svc) => b64(`\x00\x01\x00\x01elastic/${svc}/${svc}-token-1:${t.mixed(URLSAFE, 22)}`);
  const influxToken = () => `${t.mixed(URLSAFE, 86)}==`;
  const bcrypt = () => `$2y$10$${t.pick('./' + ALNUM, 53)}`;
  const dashUid = () => t.pick(LOWER + DIGIT, 9);

  // ---- Prometheus -----------------------------------------------------------------------
  {
    const f = repo.file('monitoring/prometheus/prometheus.yml', 'prometheus');
    f.l('global:', '  scrape_interval: 30s', '  evaluation_interval: 30s', '  external_labels:');
    f.d('    cluster: prod-eu-1', 'external label');
    f.d('    tenant_id: acme-prod', 'tenant label');
    f.l('', 'rule_files:', '  - /etc/prometheus/rules/*.yml', '', 'scrape_configs:');
    f.l('  - job_name: node', '    static_configs:', '      - targets: ["node-exporter:9100"]');
    f.l('  - job_name: blackbox-internal', '    metrics_path: /probe', '    basic_auth:', '      username: prometheus');
    const p1 = pw();
    f.s(`      password: "${p1}"`, 'generic', p1);
    f.l('  - job_name: rabbitmq', '    basic_auth:', '      username: monitoring');
    f.d('      password_file: /etc/prometheus/secrets/rabbitmq-password', 'password file path');
    f.l('  - job_name: federate-legacy', '    scheme: https', '    honor_labels: true');
    const bt = t.mixed(ALNUM, 40);
    f.s(`    bearer_token: ${bt}`, 'generic', bt);
    f.l('  - job_name: kube-apiserver', '    scheme: https');
    f.d('    bearer_token_file: /var/run/secrets/kubernetes.io/serviceaccount/token', 'token file path');
    f.l('  - job_name: vault', '    metrics_path: /v1/sys/metrics', '    params:', '      format: ["prometheus"]');
    f.l('    authorization:', '      type: Bearer');
    const hvs = `hvs.${t.mixed(URLSAFE, 24)}`;
    f.s(`      credentials: ${hvs}`, 'vault', hvs);
    f.l('    metric_relabel_configs:', '      - source_labels: [__name__]');
    f.d('        regex: "vault_token_(count|creation|lookup)_.*"', 'relabel regex with token');
    f.l('        action: keep', '', 'remote_write:');
    f.l('  - url: https://prometheus-prod-24-prod-eu-west-2.grafana.net/api/prom/push', '    basic_auth:');
    f.l(`      username: "${t.digits(7)}"`);
    const gc = glc('hm-write-prod-eu');
    f.s(`      password: ${gc}`, 'grafana', gc);
    f.l('    write_relabel_configs:', '      - source_labels: [__name__]');
    f.d('        regex: "auth_token_requests_total|password_reset_.*"', 'metric names with token/password');
    f.l('        action: keep');
    f.l('  - url: https://mimir.internal.acme-corp.io/api/v1/push', '    headers:');
    f.d('      X-Scope-OrgID: acme-prod', 'tenant header');
    f.l('    basic_auth:', '      username: prom-writer');
    f.d('      password: <secret>', 'documentation placeholder');
  }
  {
    const f = repo.file('monitoring/prometheus/web-config.yml', 'prometheus');
    f.l(
      'tls_server_config:',
      '  cert_file: /etc/prometheus/tls/server.crt',
      '  key_file: /etc/prometheus/tls/server.key',
    );
    f.l('basic_auth_users:');
    f.d(`  admin: ${bcrypt()}`, 'bcrypt hash');
    f.d(`  grafana: '${bcrypt()}'`, 'bcrypt hash');
  }
  {
    const f = repo.file('monitoring/prometheus/rules/auth.rules.yml', 'prometheus');
    f.l('groups:', '  - name: auth-service', '    rules:', '      - alert: AuthTokenErrorsHigh');
    f.d(
      '        expr: sum(rate(auth_token_requests_total{status=~"5.."}[5m])) / sum(rate(auth_token_requests_total[5m])) > 0.05',
      'promql with token metric',
    );
    f.l('        for: 10m', '        labels:', '          severity: page', '        annotations:');
    f.d('          summary: "Token endpoint failing for {{ $labels.instance }}"', 'annotation');
    f.l('      - alert: PasswordResetSpike');
    f.d('        expr: increase(password_reset_requests_total[15m]) > 500', 'promql with password metric');
    f.l('        annotations:');
    f.d(
      '          description: "More than 500 password reset requests in 15m; check for credential stuffing. Runbook: https://wiki.acme-corp.io/runbooks/password-reset"',
      'annotation mentioning password',
    );
    f.l('      - alert: SecretRotationOverdue');
    f.d(
      '        expr: time() - vault_secret_last_rotated_timestamp_seconds{path="secret/data/prod/api"} > 86400 * 90',
      'promql with secret metric',
    );
    f.d('          runbook_url: https://wiki.acme-corp.io/runbooks/rotate-api-secret', 'runbook url');
  }

  // ---- Alertmanager ---------------------------------------------------------------------
  {
    const f = repo.file('monitoring/alertmanager/alertmanager.yml', 'alertmanager');
    f.l(
      'global:',
      '  resolve_timeout: 5m',
      "  smtp_smarthost: 'smtp.office365.com:587'",
      "  smtp_from: 'alerts@acme-corp.io'",
    );
    f.l("  smtp_auth_username: 'alerts@acme-corp.io'");
    const smtp = pw();
    f.s(`  smtp_auth_password: '${smtp}'`, 'generic', smtp);
    const sl = t.slackWebhook();
    f.s(`  slack_api_url: '${sl}'`, 'slack', sl);
    f.l("  pagerduty_url: 'https://events.pagerduty.com/v2/enqueue'", '', 'route:');
    f.d("  group_by: ['alertname', 'cluster', 'service']", 'routing config');
    f.l("  receiver: 'slack-default'", '', 'receivers:', "  - name: 'pagerduty-critical'", '    pagerduty_configs:');
    const rk = pdRouting();
    f.s(`      - routing_key: '${rk}'`, 'pagerduty', rk);
    f.d("        description: '{{ .CommonAnnotations.summary }}'", 'template');
    f.l("  - name: 'pagerduty-legacy'", '    pagerduty_configs:');
    const sk = pdRouting();
    f.s(`      - service_key: ${sk}`, 'pagerduty', sk);
    f.l("  - name: 'pagerduty-db'", '    pagerduty_configs:');
    f.d('      - routing_key_file: /etc/alertmanager/secrets/pd-db-routing-key', 'key file path');
    f.l("  - name: 'opsgenie'", '    opsgenie_configs:');
    const og = t.uuid();
    f.s(`      - api_key: ${og}`, 'opsgenie', og);
    f.l("        api_url: 'https://api.eu.opsgenie.com/'");
    f.l("  - name: 'teams'", '    msteams_configs:');
    const tw = teamsWebhook();
    f.s(`      - webhook_url: '${tw}'`, 'microsoftteams', tw);
    f.l("  - name: 'discord'", '    discord_configs:');
    const dw = discordWebhook();
    f.s(`      - webhook_url: ${dw}`, 'discord', dw);
    f.l("  - name: 'telegram'", '    telegram_configs:');
    const tg = telegram();
    f.s(`      - bot_token: '${tg}'`, 'telegram', tg);
    f.l(`        chat_id: -100${t.digits(10)}`);
    f.l(
      "  - name: 'incident-bridge'",
      '    webhook_configs:',
      "      - url: 'https://incident-bridge.internal.acme-corp.io/alertmanager'",
      '        http_config:',
      '          basic_auth:',
      '            username: alertmanager',
    );
    const wp = pw();
    f.s(`            password: '${wp}'`, 'generic', wp);
    f.l(
      "      - url: 'https://hooks.acme-corp.io/oncall'",
      '        http_config:',
      '          authorization:',
      '            type: Bearer',
    );
    const wb = t.mixed(URLSAFE, 48);
    f.s(`            credentials: ${wb}`, 'generic', wb);
    f.l("      - url: 'https://statusbot.internal/alerts'", '        http_config:', '          authorization:');
    f.d('            credentials_file: /etc/alertmanager/secrets/statusbot-token', 'credentials file path');
    f.l('inhibit_rules:', '  - source_matchers: [\'severity="page"\']');
    f.d(
      '    target_matchers: [\'alertname=~"AuthTokenErrorsHigh|PasswordResetSpike"\']',
      'matcher naming token alerts',
    );
  }
  {
    const f = repo.file('deploy/helm/kube-prometheus-stack/values-prod.yaml', 'alertmanager');
    f.l('grafana:', '  enabled: true');
    const gp = pw();
    f.s(`  adminPassword: "${gp}"`, 'generic', gp);
    f.l('  admin:');
    f.d('    existingSecret: grafana-admin-credentials', 'secret name');
    f.d('    passwordKey: admin-password', 'secret key name');
    f.l('alertmanager:', '  config:', '    receivers:', '      - name: slack-prod', '        slack_configs:');
    f.l("            channel: '#alerts-prod'");
    f.d('            title: \'{{ template "slack.acme.title" . }}\'', 'template');
    f.l('prometheus:', '  prometheusSpec:', '    retention: 15d');
  }

  {
    const f = repo.file('deploy/helm/kube-prometheus-stack/templates/grafana-secret.yaml', 'alertmanager');
    f.l('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: {{ include "stack.fullname" . }}-grafana', 'data:');
    f.d('  admin-password: {{ .Values.grafana.adminPassword | b64enc | quote }}', 'helm template');
    f.d(
      '  pagerduty-routing-key: {{ required "routing key" .Values.alerting.pagerdutyRoutingKey | b64enc }}',
      'helm template',
    );
  }

  // ---- Grafana --------------------------------------------------------------------------
  {
    const f = repo.file('monitoring/grafana/grafana.ini', 'grafana');
    f.l(
      '[server]',
      'root_url = https://grafana.acme-corp.io/',
      '',
      '[database]',
      'type = postgres',
      'host = pg-grafana.internal:5432',
      'user = grafana',
    );
    f.d('password = $__vault{kv:secret/data/grafana:db_password}', 'vault expansion');
    f.l('', '[security]', 'admin_user = admin');
    const ap = apw();
    f.s(`admin_password = ${ap}`, 'generic', ap);
    const sk = t.mixed(ALNUM, 20);
    f.s(`secret_key = ${sk}`, 'generic', sk);
    f.d('disable_initial_admin_creation = false', 'setting');
    f.l('', '[smtp]', 'enabled = true', 'host = smtp.sendgrid.net:587', 'user = apikey');
    const sg = t.sendgrid();
    f.s(`password = """${sg}"""`, 'sendgrid', sg);
    f.l('', '[auth.github]', 'enabled = true');
    f.d(`client_id = Iv1.${t.pick(HEX, 16)}`, 'oauth client id');
    const ghs = t.hex(40);
    f.s(`client_secret = ${ghs}`, 'github', ghs);
    f.l(
      'allowed_organizations = acme-corp',
      '',
      '[auth.generic_oauth]',
      'name = Okta',
      'client_id = 0oa8k2x9vqHj3b5Zt417',
    );
    f.l('', '[analytics]', 'reporting_enabled = false');
  }
  {
    const f = repo.file('monitoring/grafana/grafana.dev.ini', 'grafana');
    f.l('[security]');
    f.d('admin_password = $__env{GF_ADMIN_PASSWORD}', 'env expansion');
    f.d('secret_key = $__file{/run/secrets/grafana_secret_key}', 'file expansion');
    f.l('[database]');
    f.d('password = $__vault{kv:secret/data/grafana:db_password}', 'vault expansion');
    f.d(';password =', 'commented empty');
  }
  {
    const f = repo.file('monitoring/grafana/provisioning/datasources/datasources.yaml', 'grafana');
    f.l('apiVersion: 1', 'datasources:', '  - name: Prometheus', '    type: prometheus');
    f.d(`    uid: ${t.uuid()}`, 'uuid datasource uid');
    f.l(
      '    url: https://prometheus.internal.acme-corp.io',
      '    basicAuth: true',
      '    basicAuthUser: grafana',
      '    secureJsonData:',
    );
    const bap = pw();
    f.s(`      basicAuthPassword: "${bap}"`, 'generic', bap);
    f.l(
      '  - name: Loki (Grafana Cloud)',
      '    type: loki',
      `    uid: ${dashUid()}`,
      '    url: https://logs-prod-012.grafana.net',
      '    jsonData:',
      '      httpHeaderName1: Authorization',
      '    secureJsonData:',
    );
    const lk = glc('logs-read');
    f.s(`      httpHeaderValue1: "Bearer ${lk}"`, 'grafana', lk);
    f.l(
      '  - name: Elasticsearch',
      '    type: elasticsearch',
      '    url: https://es.internal.acme-corp.io:9200',
      '    basicAuth: true',
      '    basicAuthUser: grafana_reader',
      '    secureJsonData:',
    );
    f.l(
      '  - name: InfluxDB',
      '    type: influxdb',
      '    jsonData:',
      '      version: Flux',
      '      organization: acme',
      '    secureJsonData:',
    );
    f.l(
      '  - name: Datadog',
      '    type: grafana-datadog-datasource',
      '    jsonData:',
      '      site: datadoghq.eu',
      '    secureJsonData:',
    );
    const dda = t.ddApi();
    f.s(`      apiKey: ${dda}`, 'datadog', dda);
    f.l(
      '  - name: CloudWatch',
      '    type: cloudwatch',
      '    jsonData:',
      '      authType: keys',
      '      defaultRegion: eu-west-1',
      '    secureJsonData:',
    );
    f.d('      secretKey: $__env{AWS_SECRET_ACCESS_KEY}', 'env expansion');
    f.l('  - name: Postgres', '    type: grafana-postgresql-datasource', '    user: grafana_ro', '    secureJsonData:');
    f.d('      password: $__env{PG_GRAFANA_PASSWORD}', 'env expansion');
    f.l('  - name: Tempo', '    type: tempo');
    f.d(`    uid: ${t.uuid()}`, 'uuid datasource uid');
    f.l('    jsonData:', '      tracesToLogsV2:');
    f.d(`        datasourceUid: ${dashUid()}`, 'datasource uid');
    f.l('    secureJsonData:');
    f.d('      basicAuthPassword: ${TEMPO_PASSWORD}', 'env placeholder');
  }
  {
    const f = repo.file('monitoring/grafana/provisioning/alerting/contact-points.yaml', 'grafana');
    f.l('apiVersion: 1', 'contactPoints:', '  - orgId: 1', '    name: oncall', '    receivers:');
    f.d(`      - uid: ${dashUid()}`, 'receiver uid');
    f.l('        type: pagerduty', '        settings:');
    const ik = pdRouting();
    f.s(`          integrationKey: ${ik}`, 'pagerduty', ik);
    f.l('          severity: critical');
    f.d(`      - uid: ${dashUid()}`, 'receiver uid');
    f.l('        type: teams', '        settings:');
    f.d(`      - uid: ${dashUid()}`, 'receiver uid');
    f.l('        type: opsgenie', '        settings:');
    const og = t.uuid();
    f.s(`          apiKey: ${og}`, 'opsgenie', og);
    f.d(`      - uid: ${dashUid()}`, 'receiver uid');
    f.l(
      '        type: webhook',
      '        settings:',
      '          url: https://hooks.acme-corp.io/grafana',
      '          username: grafana',
    );
    const whp = pw();
    f.s(`          password: "${whp}"`, 'generic', whp);
    f.d(`      - uid: ${dashUid()}`, 'receiver uid');
    f.l('        type: slack', '        settings:');
    f.d('          url: $__file{/etc/grafana/secrets/slack-webhook}', 'file expansion');
  }
  {
    const f = repo.file('monitoring/grafana/dashboards/auth-service.json', 'grafana');
    f.l('{', '  "annotations": { "list": [] },', '  "editable": true,');
    f.d(`  "uid": "${dashUid()}",`, 'dashboard uid');
    f.l(
      '  "title": "Auth service",',
      '  "panels": [',
      '    {',
      '      "id": 2,',
      '      "type": "timeseries",',
      '      "title": "Token requests",',
    );
    f.d(`      "datasource": { "type": "prometheus", "uid": "${t.uuid()}" },`, 'datasource uid');
    f.l('      "targets": [', '        {');
    f.d(
      '          "expr": "sum by (status) (rate(auth_token_requests_total{job=\\"auth\\"}[$__rate_interval]))",',
      'promql',
    );
    f.d('          "refId": "A", "legendFormat": "{{status}} token requests"', 'legend');
    f.l('        }', '      ]', '    },', '    {', '      "id": 3,', '      "title": "Failed password logins",');
    f.d(
      '      "description": "Logins rejected because the password was wrong; spikes mean credential stuffing.",',
      'panel description',
    );
    f.d(`      "datasource": { "type": "loki", "uid": "${dashUid()}" },`, 'datasource uid');
    f.d(
      '      "targets": [{ "expr": "sum(count_over_time({app=\\"auth\\"} |= \\"invalid password\\" [5m]))", "refId": "A" }]',
      'logql',
    );
    f.l(
      '    }',
      '  ],',
      '  "templating": { "list": [ { "name": "secret_store", "query": "label_values(vault_secret_lease_count, mount)" } ] },',
    );
    f.d(
      `  "version": 27, "schemaVersion": 39, "id": ${t.digits(3)}, "gnetId": null, "iteration": ${t.digits(13)}`,
      'dashboard ids',
    );
    f.l('}');
  }
  {
    const f = repo.file('scripts/grafana/export-dashboards.sh', 'grafana');
    f.l('#!/usr/bin/env bash', 'set -euo pipefail', 'GRAFANA_URL=https://grafana.acme-corp.io');
    const sa = glsa();
    f.s(`GRAFANA_TOKEN="${sa}"`, 'grafana', sa);
    f.d(
      'curl -sf -H "Authorization: Bearer ${GRAFANA_TOKEN}" "$GRAFANA_URL/api/search?type=dash-db" > dashboards.json',
      'variable',
    );
    f.d('curl -sf -u "admin:$GF_ADMIN_PASSWORD" "$GRAFANA_URL/api/health"', 'variable');
  }
  {
    const f = repo.file('tools/grafana-backup/config.json', 'grafana');
    f.l(
      '{',
      '  "general": { "debug": false, "backup_dir": "_OUTPUT_" },',
      '  "grafana": {',
      '    "url": "https://grafana-legacy.acme-corp.io",',
    );
    const lk = grafanaLegacy('backup');
    f.s(`    "token": "${lk}",`, 'grafana', lk);
    f.l('    "search_api_limit": 5000', '  }', '}');
  }
  {
    const f = repo.file('infra/terraform/monitoring/providers.tf', 'grafana');
    f.l('provider "grafana" {', '  url  = "https://grafana.acme-corp.io"');
    const sa = glsa();
    f.s(`  auth = "${sa}"`, 'grafana', sa);
    f.l('}', '', 'provider "grafana" {', '  alias                     = "cloud"');
    f.d('  cloud_access_policy_token = var.grafana_cloud_token', 'variable');
    f.l('}', '', 'provider "pagerduty" {');
    const pt = pdApi();
    f.s(`  token = "${pt}"`, 'pagerduty', pt);
    f.l('}', '', 'provider "datadog" {');
    f.l('  api_url = "https://api.datadoghq.eu/"', '}', '', 'provider "newrelic" {', `  account_id = ${t.digits(7)}`);
    const nk = nrUserKey();
    f.s(`  api_key    = "${nk}"`, 'newrelic', nk);
    f.l('  region     = "EU"', '}');
    f.d(
      'resource "pagerduty_service_integration" "events" { service = pagerduty_service.api.id, vendor = data.pagerduty_vendor.prometheus.id }',
      'resource reference',
    );
  }

  // ---- Loki / Promtail / Tempo / Mimir / Alloy ------------------------------------------
  {
    const f = repo.file('monitoring/loki/loki-config.yaml', 'lgtm');
    f.l(
      'auth_enabled: true',
      'server:',
      '  http_listen_port: 3100',
      'common:',
      '  storage:',
      '    s3:',
      '      endpoint: s3.eu-west-1.amazonaws.com',
      '      bucketnames: acme-loki-chunks',
    );
    const as = t.awsSecret();
    f.s(`      secret_access_key: ${as}`, 'aws', as);
    f.l(
      'ruler:',
      '  alertmanager_url: https://alertmanager.internal.acme-corp.io',
      '  alertmanager_client:',
      '    basic_auth_username: loki-ruler',
    );
    f.d('    basic_auth_password_file: /etc/loki/secrets/ruler-password', 'password file path');
    f.l('limits_config:');
    f.d('  max_query_series: 5000', 'setting');
    f.d('  per_tenant_override_config: /etc/loki/overrides.yaml', 'path');
  }
  {
    const f = repo.file('monitoring/promtail/promtail.yaml', 'lgtm');
    f.l(
      'server:',
      '  http_listen_port: 9080',
      'clients:',
      '  - url: https://logs-prod-012.grafana.net/loki/api/v1/push',
      '    basic_auth:',
      `      username: "${t.digits(6)}"`,
    );
    const gc = glc('logs-write');
    f.s(`      password: ${gc}`, 'grafana', gc);
    const user = t.digits(6);
    const gc2 = glc('logs-write-dr');
    f.s(`  - url: https://${user}:${gc2}@logs-prod-eu-west-0.grafana.net/loki/api/v1/push`, 'grafana', gc2);
    f.l('scrape_configs:', '  - job_name: app', '    pipeline_stages:', '      - replace:');
    f.d('          expression: "(?:password|token|secret)=(\\\\S+)"', 'redaction regex');
    f.d("          replace: '****'", 'mask');
    f.l('      - labels:');
    f.d('          trace_id:', 'label name');
  }
  {
    const f = repo.file('monitoring/tempo/tempo.yaml', 'lgtm');
    f.l(
      'storage:',
      '  trace:',
      '    backend: azure',
      '    azure:',
      '      container_name: tempo-traces',
      '      storage_account_name: acmetempoprod',
    );
    const ak = t.azureStorageKey();
    f.s(`      storage_account_key: "${ak}"`, 'azure', ak);
    f.l('overrides:', '  defaults:', '    metrics_generator:');
    f.d('      processors: [service-graphs, span-metrics]', 'setting');
    f.d(`# example trace: ${t.hex(32)} span ${t.hex(16)}`, 'trace and span id');
  }
  {
    const f = repo.file('monitoring/alloy/config.alloy', 'lgtm');
    f.l(
      'prometheus.remote_write "grafana_cloud" {',
      '  endpoint {',
      '    url = "https://prometheus-prod-24-prod-eu-west-2.grafana.net/api/prom/push"',
      '    basic_auth {',
      `      username = "${t.digits(7)}"`,
    );
    const gc = glc('alloy-metrics');
    f.s(`      password = "${gc}"`, 'grafana', gc);
    f.l(
      '    }',
      '  }',
      '}',
      '',
      'loki.write "cloud" {',
      '  endpoint {',
      '    url = "https://logs-prod-012.grafana.net/loki/api/v1/push"',
      '    basic_auth {',
      `      username = "${t.digits(6)}"`,
    );
    f.d('      password = sys.env("GRAFANA_CLOUD_TOKEN")', 'env reference');
    f.l(
      '    }',
      '  }',
      '}',
      '',
      'otelcol.auth.headers "honeycomb" {',
      '  header {',
      '    key   = "x-honeycomb-dataset"',
    );
    f.d('    value = "prod-traces"', 'dataset name');
    f.l('  }', '}');
  }

  // ---- OpenTelemetry Collector ----------------------------------------------------------
  {
    const f = repo.file('monitoring/otel/collector-config.yaml', 'otel');
    f.l(
      'receivers:',
      '  otlp:',
      '    protocols:',
      '      grpc: { endpoint: 0.0.0.0:4317 }',
      'exporters:',
      '  otlphttp/newrelic:',
      '    endpoint: https://otlp.eu01.nr-data.net',
      '    headers:',
    );
    const nr = nrLicense();
    f.s(`      api-key: ${nr}`, 'newrelic', nr);
    f.l('  datadog:', '    api:', '      site: datadoghq.eu');
    const dd = t.ddApi();
    f.s(`      key: "${dd}"`, 'datadog', dd);
    f.l('  otlphttp/dynatrace:', '    endpoint: https://abc12345.live.dynatrace.com/api/v2/otlp', '    headers:');
    const dt = dynatrace();
    f.s(`      Authorization: "Api-Token ${dt}"`, 'dynatrace', dt);
    f.l('  splunk_hec:', '    endpoint: https://splunk-hec.internal.acme-corp.io:8088/services/collector');
    const hec = splunkHec();
    f.s(`    token: "${hec}"`, 'splunk', hec);
    f.l(
      '    source: otel',
      '    sourcetype: _json',
      '  otlp/elastic:',
      '    endpoint: apm.internal.acme-corp.io:8200',
      '    headers:',
    );
    f.l('  otlphttp/axiom:', '    endpoint: https://api.axiom.co', '    headers:');
    const ax = axiom();
    f.s(`      authorization: Bearer ${ax}`, 'axiom', ax);
    f.d('      x-axiom-dataset: otel-traces', 'dataset name');
    f.l('  otlphttp/newrelic-staging:', '    headers:');
    f.d('      api-key: ${env:NEW_RELIC_LICENSE_KEY}', 'env placeholder');
    f.l('  otlp/elastic-staging:', '    headers:');
    f.d('      Authorization: "Bearer ${env:ELASTIC_APM_SECRET_TOKEN}"', 'env placeholder');
    f.l('extensions:', '  basicauth/grafana:', '    client_auth:', `      username: "${t.digits(6)}"`);
    f.l('processors:', '  attributes/scrub:', '    actions:');
    f.d('      - { key: http.request.header.authorization, action: delete }', 'scrub rule');
    f.d('      - { key: db.statement, pattern: "password=\\\\S+", action: hash }', 'scrub rule');
    f.l('  probabilistic_sampler:');
    f.d('    hash_seed: 22', 'setting');
  }

  // ---- log shippers ---------------------------------------------------------------------
  {
    const f = repo.file('monitoring/fluent-bit/fluent-bit.conf', 'logship');
    f.l(
      '[SERVICE]',
      '    Flush        5',
      '    Log_Level    info',
      '',
      '[FILTER]',
      '    Name         modify',
      '    Match        *',
    );
    f.d('    Remove       password', 'filter removing a field');
    f.d('    Remove       auth_token', 'filter removing a field');
    f.l(
      '',
      '[OUTPUT]',
      '    Name         es',
      '    Match        app.*',
      '    Host         es.internal.acme-corp.io',
      '    Port         9200',
      '    HTTP_User    fluentbit',
    );
    const ep = apw();
    f.s(`    HTTP_Passwd  ${ep}`, 'generic', ep);
    f.l(
      '',
      '[OUTPUT]',
      '    Name         datadog',
      '    Match        k8s.*',
      '    Host         http-intake.logs.datadoghq.eu',
      '    TLS          on',
    );
    const dd = t.ddApi();
    f.s(`    apikey       ${dd}`, 'datadog', dd);
    f.l(
      '',
      '[OUTPUT]',
      '    Name         splunk',
      '    Match        audit.*',
      '    Host         splunk-hec.internal.acme-corp.io',
      '    Port         8088',
    );
    f.d('    Splunk_Token ${SPLUNK_HEC_TOKEN}', 'env placeholder');
    f.l(
      '',
      '[OUTPUT]',
      '    Name         nrlogs',
      '    Match        web.*',
      '    base_uri     https://log-api.eu.newrelic.com/log/v1',
    );
    const nr = nrLicense();
    f.s(`    license_key  ${nr}`, 'newrelic', nr);
    f.l(
      '',
      '[OUTPUT]',
      '    Name         loki',
      '    Match        *',
      '    Host         logs-prod-012.grafana.net',
      '    Port         443',
      `    http_user    ${t.digits(6)}`,
    );
    f.l('', '[OUTPUT]', '    Name         es', '    Match        staging.*');
    f.d('    HTTP_Passwd  ${ES_PASSWORD}', 'env placeholder');
  }
  {
    const f = repo.file('monitoring/fluentd/fluent.conf', 'logship');
    f.l(
      '<match app.**>',
      '  @type elasticsearch',
      '  host es.internal.acme-corp.io',
      '  port 9200',
      '  scheme https',
      '  user fluentd',
    );
    const p = pw();
    f.s(`  password ${p}`, 'generic', p);
    f.l('</match>', '', '<match audit.**>', '  @type logzio_buffered');
    const lz = logzShipping();
    f.s(`  endpoint_url https://listener-eu.logz.io:8071?token=${lz}&type=audit`, 'logzio', lz);
    f.l(
      '</match>',
      '',
      '<match security.**>',
      '  @type splunk_hec',
      '  hec_host splunk-hec.internal.acme-corp.io',
      '  hec_port 8088',
    );
    f.l('</match>', '', '<match staging.**>', '  @type elasticsearch');
    f.d(`  password "#{ENV['ES_PASSWORD']}"`, 'ruby env interpolation');
    f.l('</match>', '<filter **>', '  @type record_transformer');
    f.d('  remove_keys password,token,secret', 'field list');
    f.l('</filter>');
  }
  {
    const f = repo.file('monitoring/vector/vector.toml', 'logship');
    f.l(
      '[sources.k8s]',
      'type = "kubernetes_logs"',
      '',
      '[sinks.datadog]',
      'type = "datadog_logs"',
      'inputs = ["k8s"]',
      'site = "datadoghq.eu"',
    );
    const dd = t.ddApi();
    f.s(`default_api_key = "${dd}"`, 'datadog', dd);
    f.l(
      '',
      '[sinks.newrelic]',
      'type = "new_relic"',
      'inputs = ["k8s"]',
      'account_id = "' + t.digits(7) + '"',
      'api = "logs"',
    );
    const nr = nrLegacyLicense();
    f.s(`license_key = "${nr}"`, 'newrelic', nr);
    f.l(
      '',
      '[sinks.es]',
      'type = "elasticsearch"',
      'endpoints = ["https://es.internal.acme-corp.io:9200"]',
      'auth.strategy = "basic"',
      'auth.user = "vector"',
    );
    f.l('', '[sinks.datadog_staging]', 'type = "datadog_logs"');
    f.d('default_api_key = "${DD_API_KEY}"', 'env placeholder');
    f.l('', '[transforms.redact]', 'type = "remap"');
    f.d("source = '''.message = redact(.message, filters: [r'token=\\S+', r'password=\\S+'])'''", 'vrl redaction');
  }
  {
    const f = repo.file('monitoring/logstash/pipeline/30-output.conf', 'logship');
    f.l(
      'output {',
      '  elasticsearch {',
      '    hosts => ["https://es.internal.acme-corp.io:9200"]',
      '    user => "logstash_writer"',
    );
    const p = pw();
    f.s(`    password => "${p}"`, 'generic', p);
    f.l('  }', '  elasticsearch {', '    cloud_id => "acme-prod:ZXUtd2VzdC0xLmF3cy5mb3VuZC5pbyQ"');
    const cp = apw();
    f.s(`    cloud_auth => "elastic:${cp}"`, 'generic', cp);
    f.l('  }', '  elasticsearch {', '    hosts => ["https://es-logs.internal.acme-corp.io:9200"]');
    const [id, key] = esApiKeyParts();
    f.s(`    api_key => "${id}:${key}"`, 'elastic', key);
    f.l('  }', '  elasticsearch {', '    hosts => ["https://es-staging.internal:9200"]');
    f.d('    password => "${ES_PWD}"', 'keystore/env reference');
    f.l('  }', '}');
  }

  // ---- Telegraf -------------------------------------------------------------------------
  {
    const f = repo.file('monitoring/telegraf/telegraf.conf', 'telegraf');
    f.l(
      '[agent]',
      '  interval = "10s"',
      '',
      '[[outputs.influxdb_v2]]',
      '  urls = ["https://influx.internal.acme-corp.io:8086"]',
    );
    const it = influxToken();
    f.s(`  token = "${it}"`, 'generic', it);
    f.l('  organization = "acme"', '  bucket = "telegraf"', '', '[[outputs.datadog]]');
    f.l('', '[[outputs.influxdb_v2]]', '  urls = ["https://influx-staging.internal:8086"]');
    f.d('  token = "$INFLUX_TOKEN"', 'env placeholder');
    f.l('', '[[inputs.postgresql]]');
    const pp = apw();
    f.s(
      `  address = "host=pg-primary.internal user=telegraf password=${pp} sslmode=require dbname=postgres"`,
      'generic',
      pp,
    );
    f.l('', '[[inputs.mysql]]');
    f.l('', '[[inputs.prometheus]]', '  urls = ["http://app:9090/metrics"]');
    f.d('  fieldpass = ["auth_token_*", "session_secret_rotations_total"]', 'metric filter');
  }

  // ---- Zabbix / Nagios / Icinga ---------------------------------------------------------
  {
    const f = repo.file('monitoring/zabbix/zabbix_server.conf', 'zabbix');
    f.l('LogFile=/var/log/zabbix/zabbix_server.log', 'DBHost=pg-zabbix.internal', 'DBName=zabbix', 'DBUser=zabbix');
    f.d('# DBPassword=', 'commented empty');
    const p = apw();
    f.s(`DBPassword=${p}`, 'generic', p);
    f.d('TLSPSKFile=/etc/zabbix/zabbix_server.psk', 'psk file path');
  }
  {
    const f = repo.file('monitoring/nagios/etc/resource.cfg', 'nagios');
    f.l('# Sets $USER1$ to be the path to the plugins');
    f.d('$USER1$=/usr/lib64/nagios/plugins', 'plugin path macro');
    f.d('$USER2$=/usr/lib64/nagios/plugins/eventhandlers', 'path macro');
    f.d('$USER3$=nagios_mon', 'username macro');
    const p = pw();
    f.s(`$USER4$=${p}`, 'generic', p);
    const snmp = t.mixed(ALNUM, 16);
    f.s(`$USER5$=${snmp}`, 'generic', snmp);
  }
  {
    const f = repo.file('monitoring/nagios/etc/objects/commands.cfg', 'nagios');
    f.l('define command {', '    command_name    check_mysql_health');
    f.d(
      '    command_line    $USER1$/check_mysql_health --hostname $HOSTADDRESS$ --username $USER3$ --password $USER4$ --mode $ARG1$',
      'macro references',
    );
    f.l('}', 'define command {', '    command_name    check_pgsql_legacy');
    const p = apw();
    f.s(`    command_line    $USER1$/check_pgsql -H $HOSTADDRESS$ -l nagios -p ${p} -d app`, 'generic', p);
    f.l('}');
  }
  {
    const f = repo.file('monitoring/icinga2/conf.d/api-users.conf', 'icinga');
    f.l('object ApiUser "director" {');
    const p = pw();
    f.s(`  password = "${p}"`, 'generic', p);
    f.l('  permissions = [ "*" ]', '}', '', 'object ApiUser "dashing" {');
    f.d('  client_cn = "dashing.acme-corp.io"', 'cert cn');
    f.l('  permissions = [ "status/query" ]', '}');
  }
  {
    const f = repo.file('monitoring/icinga2/conf.d/hosts.conf', 'icinga');
    f.l('object Host "db-01" {', '  import "generic-host"', '  address = "10.20.0.11"');
    f.d('  vars.pgsql_password = PgsqlPassword', 'constant reference');
    f.d(
      '  vars.http_vhosts["login"] = { http_uri = "/password/reset", http_string = "Forgot password" }',
      'check for a page',
    );
    f.l('}');
  }

  // ---- Sentry ---------------------------------------------------------------------------
  {
    // Browser-side telemetry: every value here is public by design.
    const f = repo.file('apps/web/src/instrumentation-client.ts', 'sentry');
    f.l(
      "import * as Sentry from '@sentry/nextjs';",
      "import { datadogRum } from '@datadog/browser-rum';",
      '',
      'Sentry.init({',
    );
    f.d(`  dsn: '${sentryDsn()}',`, 'public sentry dsn');
    f.l('  tracesSampleRate: 0.1,');
    f.d(`  release: '${t.sha1()}',`, 'release sha');
    f.l('});', '', 'datadogRum.init({');
    f.d(`  applicationId: '${t.uuid()}',`, 'rum application id');
    f.d(`  clientToken: 'pub${t.hex(32)}',`, 'public rum client token');
    f.l("  site: 'datadoghq.eu',", "  service: 'web',", '});', '');
    f.d(
      `window.NREUM = { loader_config: { accountID: '${t.digits(7)}', trustKey: '${t.digits(7)}', agentID: '${t.digits(10)}', licenseKey: '${nrBrowserKey()}', applicationID: '${t.digits(10)}' } };`,
      'public new relic browser key',
    );
  }
  {
    const f = repo.file('apps/web/next.config.mjs', 'sentry');
    f.l(
      "import { withSentryConfig } from '@sentry/nextjs';",
      '',
      'export default withSentryConfig(nextConfig, {',
      "  org: 'acme-corp',",
      "  project: 'web',",
    );
    const so = sentryOrg();
    f.s(`  authToken: '${so}',`, 'sentry', so);
    f.l('  silent: true,', '});');
  }
  {
    const f = repo.file('apps/mobile/.sentryclirc', 'sentry');
    f.l('[defaults]', 'org = acme-corp', 'project = mobile', '', '[auth]');
    const su = sentryUser();
    f.s(`token = ${su}`, 'sentry', su);
  }
  {
    const f = repo.file('services/billing/src/main/resources/sentry.properties', 'sentry');
    f.d(`dsn=${sentryDsn()}`, 'public sentry dsn');
    f.l('defaults.org=acme-corp', 'defaults.project=billing');
    const legacy = t.hex(64);
    f.s(`auth.token=${legacy}`, 'sentry', legacy);
  }
  {
    const f = repo.file('services/legacy-portal/settings/production.py', 'sentry');
    f.l('import sentry_sdk', '');
    const pub = t.pick(HEX, 32);
    const sec = t.pick(HEX, 32);
    f.s(`SENTRY_DSN = "https://${pub}:${sec}@sentry.acme-corp.io/14"`, 'sentry', sec);
    f.l('sentry_sdk.init(dsn=SENTRY_DSN, environment="production")');
    f.d(`SENTRY_DSN_FRONTEND = "${sentryDsn()}"`, 'public sentry dsn');
  }

  // ---- statsd / graphite / uptime -------------------------------------------------------
  {
    const f = repo.file('monitoring/uptime-kuma/backup-2026-05-01.json', 'uptime');
    f.l(
      '{',
      '  "version": "1.23.16",',
      '  "notificationList": [',
      '    {',
      '      "id": 1,',
      '      "name": "Telegram oncall",',
    );
    const tg = telegram();
    f.s(
      `      "config": "{\\"name\\":\\"Telegram oncall\\",\\"type\\":\\"telegram\\",\\"telegramBotToken\\":\\"${tg}\\",\\"telegramChatID\\":\\"-100${t.digits(10)}\\"}",`,
      'telegram',
      tg,
    );
    f.l('      "active": 1', '    },', '    {', '      "id": 2,', '      "name": "Discord #status",');
    const dw = discordWebhook();
    f.s(
      `      "config": "{\\"name\\":\\"Discord #status\\",\\"type\\":\\"discord\\",\\"discordWebhookUrl\\":\\"${dw}\\"}",`,
      'discord',
      dw,
    );
    f.l('      "active": 1', '    }', '  ],', '  "monitorList": [', '    {');
    f.d(
      `      "id": ${t.digits(2)}, "name": "Admin panel", "url": "https://admin.acme-corp.io/login", "type": "http", "interval": 60,`,
      'monitor',
    );
    f.l('      "authMethod": "basic",', '      "basic_auth_user": "uptime",');
    f.d(`      "pushToken": null, "keyword": "Sign in", "maxretries": 3`, 'monitor settings');
    f.l('    }', '  ]', '}');
  }
  {
    const f = repo.file('scripts/pingdom/sync_checks.py', 'uptime');
    f.l('import requests', '', 'API = "https://api.pingdom.com/api/3.1"');
    const pt = t.mixed(URLSAFE, 72);
    f.s(`PINGDOM_TOKEN = "${pt}"`, 'generic', pt);
    f.d('HEADERS = {"Authorization": f"Bearer {PINGDOM_TOKEN}"}', 'variable');
    f.d('CHECK_IDS = [8421931, 8421932, 8421940]', 'ids');
  }

  // ---- Datadog agent --------------------------------------------------------------------
  {
    const f = repo.file('monitoring/datadog/datadog.yaml', 'datadog');
    const dd = t.ddApi();
    f.s(`api_key: ${dd}`, 'datadog', dd);
    f.l('site: datadoghq.eu', 'logs_enabled: true', 'apm_config:', '  enabled: true');
    f.d('secret_backend_command: /opt/datadog-agent/bin/secret-helper', 'helper path');
    f.d('tags: ["env:prod", "team:sre", "service:auth-token-broker"]', 'tags');
  }
  {
    const f = repo.file('monitoring/datadog/conf.d/postgres.d/conf.yaml', 'datadog');
    f.l('init_config:', 'instances:', '  - host: pg-primary.internal', '    port: 5432', '    username: datadog');
    const p = pw();
    f.s(`    password: "${p}"`, 'generic', p);
    f.l('  - host: pg-replica.internal', '    username: datadog');
    f.d('    password: ENC[pg_datadog_password]', 'secret backend handle');
    f.l('  - host: pg-analytics.internal', '    username: datadog');
    f.d('    password: "%%env_PG_DATADOG_PASSWORD%%"', 'autodiscovery env template');
  }

  // ---- New Relic ------------------------------------------------------------------------
  {
    const f = repo.file('services/api/newrelic.yml', 'newrelic');
    f.l('common: &default_settings');
    const nr = nrLicense();
    f.s(`  license_key: '${nr}'`, 'newrelic', nr);
    f.d("  app_name: 'acme-api (prod)'", 'app name');
    f.l('  distributed_tracing:', '    enabled: true', 'staging:', '  <<: *default_settings');
    f.d('  license_key: \'<%= ENV["NEW_RELIC_LICENSE_KEY"] %>\'', 'erb env reference');
  }
  {
    const f = repo.file('services/worker/newrelic.ini', 'newrelic');
    f.l('[newrelic]');
    const nr = nrLegacyLicense();
    f.s(`license_key = ${nr}`, 'newrelic', nr);
    f.l('app_name = acme-worker', 'monitor_mode = true');
  }

  // ---- Elastic APM / Kibana / keystore --------------------------------------------------
  {
    const f = repo.file('services/billing/src/main/resources/elasticapm.properties', 'elastic');
    f.l('service_name=billing', 'server_url=https://apm.internal.acme-corp.io:8200');
    const st = t.mixed(ALNUM, 32);
    f.s(`secret_token=${st}`, 'generic', st);
    f.d('environment=production', 'setting');
    f.d(
      'sanitize_field_names=password,passwd,pwd,secret,*key,*token*,*session*,*credit*,*card*',
      'sanitize field list',
    );
  }
  {
    const f = repo.file('services/api/elastic-apm.env', 'elastic');
    f.l('ELASTIC_APM_SERVICE_NAME=api', 'ELASTIC_APM_SERVER_URL=https://apm.internal.acme-corp.io:8200');
    const [id, key] = esApiKeyParts();
    const enc = b64(`${id}:${key}`);
    f.s(`ELASTIC_APM_API_KEY=${enc}`, 'elastic', enc);
    f.d('ELASTIC_APM_CAPTURE_BODY=errors', 'setting');
  }
  {
    const f = repo.file('monitoring/kibana/kibana.yml', 'elastic');
    f.l(
      'server.host: "0.0.0.0"',
      'elasticsearch.hosts: ["https://es.internal.acme-corp.io:9200"]',
      'elasticsearch.username: "kibana_system"',
    );
    const p = pw();
    f.s(`elasticsearch.password: "${p}"`, 'generic', p);
    const ek = t.mixed(ALNUM, 32);
    f.s(`xpack.security.encryptionKey: "${ek}"`, 'generic', ek);
    f.d('xpack.reporting.roles.enabled: false', 'setting');
  }
  {
    const f = repo.file('monitoring/kibana/kibana-fleet.yml', 'elastic');
    f.l('elasticsearch.hosts: ["https://es.internal.acme-corp.io:9200"]');
    const svc = esServiceToken('kibana');
    f.s(`elasticsearch.serviceAccountToken: "${svc}"`, 'elastic', svc);
    f.d('elasticsearch.ssl.certificateAuthorities: ["/etc/kibana/certs/ca.crt"]', 'path');
  }
  {
    const f = repo.file('ops/elastic/keystore-migration-notes.txt', 'elastic');
    f.l('# copied from es-master-0 before the 8.x upgrade', '$ bin/elasticsearch-keystore list');
    f.d('bootstrap.password', 'keystore entry name');
    f.d('keystore.seed', 'keystore entry name');
    f.d('s3.client.default.secret_key', 'keystore entry name');
    f.l('$ bin/elasticsearch-keystore show bootstrap.password');
    const bp = apw();
    f.s(bp, 'generic', bp);
    f.l('$ bin/elasticsearch-keystore show s3.client.default.secret_key');
    const as = t.awsSecret();
    f.s(as, 'aws', as);
    const p = apw();
    f.s(`$ curl -u elastic:${p} https://es-master-0:9200/_cluster/health`, 'generic', p);
  }

  // ---- Jaeger ---------------------------------------------------------------------------
  {
    const f = repo.file('deploy/helm/jaeger/values.yaml', 'jaeger');
    f.l(
      'storage:',
      '  type: elasticsearch',
      '  elasticsearch:',
      '    host: es.internal.acme-corp.io',
      '    port: 9200',
      '    user: jaeger',
    );
    const p = pw();
    f.s(`    password: "${p}"`, 'generic', p);
    f.l('  cassandra:', '    host: cassandra.internal', '    user: jaeger');
    f.d('    existingSecret: jaeger-cassandra', 'secret name');
    f.l('sampling:', '  strategies: |');
    f.d(
      '    {"service_strategies":[{"service":"auth-token-broker","type":"probabilistic","param":0.5}]}',
      'sampling strategy',
    );
  }

  // ---- compose stack, env, k8s, docs ----------------------------------------------------
  {
    const f = repo.file('monitoring/docker-compose.yml', 'compose');
    f.l('services:', '  grafana:', '    image: grafana/grafana:11.3.0', '    environment:');
    f.d('      GF_SECURITY_ADMIN_PASSWORD: ${GRAFANA_ADMIN_PASSWORD}', 'compose variable');
    f.d('      GF_SECURITY_ADMIN_PASSWORD__FILE: /run/secrets/grafana_admin', 'file variant');
    f.l('  elasticsearch:', '    image: docker.elastic.co/elasticsearch/elasticsearch:8.15.0', '    environment:');
    const ep = apw();
    f.s(`      - ELASTIC_PASSWORD=${ep}`, 'generic', ep);
    f.l('  kibana:', '    environment:');
    f.d('      - ELASTICSEARCH_PASSWORD=${KIBANA_PASSWORD:?kibana password required}', 'compose required variable');
    f.l('  datadog:', '    image: gcr.io/datadoghq/agent:7', '    environment:');
  }
  {
    const f = repo.file('monitoring/.env', 'compose');
    const gp = apw();
    f.s(`GRAFANA_ADMIN_PASSWORD=${gp}`, 'generic', gp);
    const pd = pdRouting();
    f.s(`PAGERDUTY_INTEGRATION_KEY=${pd}`, 'pagerduty', pd);
    const lz = logzShipping();
    f.s(`LOGZIO_SHIPPING_TOKEN=${lz}`, 'logzio', lz);
    f.d('GRAFANA_ROOT_URL=https://grafana.acme-corp.io', 'url');
    f.d('ALERTMANAGER_CLUSTER_PEER=alertmanager-0.alertmanager:9094', 'peer address');
  }
  {
    const f = repo.file('deploy/k8s/monitoring/grafana-credentials.yaml', 'compose');
    f.l(
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: grafana-admin-credentials',
      '  namespace: monitoring',
      'type: Opaque',
      'data:',
    );
    f.d(`  admin-user: ${b64('admin')}`, 'base64 username');
    const p = apw();
    f.s(`  admin-password: ${b64(p)}`, 'generic', p);
    const sa = glsa();
    f.s(`  sa-token: ${b64(sa)}`, 'grafana', sa);
  }
  {
    const f = repo.file('docs/runbooks/alerting.md', 'docs');
    f.l('# Alerting runbook', '', '## AuthTokenErrorsHigh', '');
    f.d(
      'The token endpoint returns 5xx; check `auth_token_requests_total` by status and the Vault lease count.',
      'prose with token metric',
    );
    f.d('Rotate the PagerDuty routing key in Vault at `secret/monitoring/pagerduty` and reload Alertmanager.', 'prose');
    f.l('', '## Testing the PagerDuty route', '', '```sh');
    const rk = pdRouting();
    f.s(
      `curl -X POST https://events.pagerduty.com/v2/enqueue -H 'Content-Type: application/json' -d '{"routing_key":"${rk}","event_action":"trigger","payload":{"summary":"test","source":"runbook","severity":"info"}}'`,
      'pagerduty',
      rk,
    );
    f.l('```', '', '## Grafana access', '');
    f.d('The Grafana admin password is in 1Password ("Grafana prod admin"); never paste it here.', 'prose');
    const p = pw();
    f.s(`Break-glass Grafana login: \`admin\` / \`${p}\``, 'generic', p);
  }
  return repo;
}
