// End to end through the built CLI: call shapes, tables and two-part credentials that real code in
// many languages holds (one argument per line, a positional password, a client's bearer helper, a
// SecureString filled from a literal, a Markdown password column, a query string in a log, a
// Docker config outside ~/.docker, key pairs whose vendor only a neighbour names), each beside a
// reference or a made-up value that must stay out.

import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkPlantedSecrets } from '../helpers/planted.js';
import { keyHex } from '../helpers/tokens.js';

// Obviously fake, shaped like real values (hex keys drawn per run, so none reads as a made-up
// sequence); each appears once, so a leak in the output is detectable.
const secrets: Record<string, string> = {
  'src/main/java/ReportDao.java': 'Jr5#kWq8Lz',
  'lib/tasks/mailer.rake': 'Rm7!tQz3Kx',
  'src/bin/sync.rs': 'Rs4Kq9Zx2Lm7Vt3Wp8Nc5Hb',
  'app/build.gradle.kts': 'Gk3Vq8Zx5Lm2Wt9Rp6Nc4Hd',
  'Worker/Vault.cs': 'Cs9@wTq4Lm',
  'docs/hosts.md': 'Md6#qLz2Wx',
  'logs/access.log': 'Lg8!zKq3Wm',
  'store/db.go': 'Pg7Wq2Zx9Lm4Kt',
  'search/config.js': keyHex(16),
  'media/storage.py': 'Zq8rT2mK9vL4xW7pN3yH6bJ1cF5dG0sQa8Lk2Vb7',
  'etl/metrics.py': keyHex(16),
  'ci/docker/config.json': 'ZGVwbG95Ojl2UiMya0xxIVdtNw==',
  'notifier/channels.ts': `${keyHex(16)}-${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}`,
  '.netrc': '3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c',
};

const files: Record<string, string> = {
  'src/main/java/ReportDao.java': `class ReportDao {\n  Connection open() throws Exception {\n    return DriverManager.getConnection(\n        "jdbc:oracle:thin:@ora1.corp.example.net:1521/ERP",\n        "ERP_RW",\n        "${secrets['src/main/java/ReportDao.java']}");\n  }\n  Connection env() throws Exception {\n    return DriverManager.getConnection(\n        url,\n        "ERP_RW",\n        System.getenv("ERP_PASSWORD"));\n  }\n}\n`,
  'lib/tasks/mailer.rake': `Net::SMTP.start("smtp.corp.example.net", 25, "corp.example.net", "reports", "${secrets['lib/tasks/mailer.rake']}", :login) do |smtp|\nend\nNet::SMTP.start("smtp.corp.example.net", 25, "corp.example.net", "reports", ENV["SMTP_PASSWORD"], :login)\n`,
  'src/bin/sync.rs': `let res = client.post(url).bearer_auth("${secrets['src/bin/sync.rs']}").send().await?;\nlet other = client.get(url).bearer_auth(UPSTREAM_TOKEN).send().await?;\n`,
  'app/build.gradle.kts': `android {\n    defaultConfig {\n        buildConfigField("String", "MAPS_API_SECRET", "\\"${secrets['app/build.gradle.kts']}\\"")\n        buildConfigField("String", "MAPS_API_KEY", "\\"\${System.getenv("MAPS_API_KEY")}\\"")\n    }\n}\n`,
  'Worker/Vault.cs': `static SecureString Admin()\n{\n    var s = new SecureString();\n    foreach (var c in "${secrets['Worker/Vault.cs']}") s.AppendChar(c);\n    foreach (var c in Environment.GetEnvironmentVariable("ADMIN_PASSWORD")) s.AppendChar(c);\n    return s;\n}\n`,
  'docs/hosts.md': `# Hosts\n\n| host | user | password |\n|------|------|----------|\n| influx01 | telegraf | ${secrets['docs/hosts.md']} |\n| influx02 | telegraf | (see the vault entry "influx02") |\n`,
  'logs/access.log': `2026/11/29 22:14:03 [debug] 88#0: http args: "user=svc-export&password=${secrets['logs/access.log']}&format=csv"\n2026/11/29 22:14:04 [debug] 88#0: http args: "user=svc-export&password=&format=csv"\n`,
  'store/db.go': `package store\n\nfunc Replica() (*sql.DB, error) {\n\treturn sql.Open("postgres", "host=pg-replica.corp.example.net user=ledger_ro password=${secrets['store/db.go']} dbname=ledger sslmode=require")\n}\n\nfunc dsn(host, user, pass string) string {\n\treturn fmt.Sprintf("host=%s user=%s password=%s dbname=ledger", host, user, pass)\n}\n`,
  'search/config.js': `const algoliasearch = require('algoliasearch');\n\nmodule.exports = {\n  appId: 'QX7RT2MK9V',\n  writeKey: '${secrets['search/config.js']}',\n  indexName: 'docs_prod',\n};\n`,
  'media/storage.py': `import boto3\n\nSESSION = boto3.session.Session(\n    "AKIAV2VG2NJVCJMKFETT",\n    "${secrets['media/storage.py']}",\n)\nOTHER = boto3.session.Session(\n    os.environ["AWS_ACCESS_KEY_ID"],\n    os.environ["AWS_SECRET_ACCESS_KEY"],\n)\n`,
  'etl/metrics.py': `METRICS = {\n    "api_key": "${secrets['etl/metrics.py']}",\n    "app_key": "${keyHex(20)}",\n    "site": "datadoghq.eu",\n}\n`,
  'ci/docker/config.json': `{\n  "auths": {\n    "harbor.corp.example.net": {\n      "auth": "${secrets['ci/docker/config.json']}"\n    },\n    "ghcr.io": {\n      "auth": ""\n    }\n  },\n  "credsStore": "desktop"\n}\n`,
  'notifier/channels.ts': `export const channels = {\n  email: { key: '${secrets['notifier/channels.ts']}', domain: 'mg.corp.example.net' },\n  fallback: process.env.FALLBACK_MAIL_KEY ?? '',\n};\n`,
  '.netrc': `machine api.heroku.com\n  login ops@corp.example.net\n  password ${secrets['.netrc']}\n`,
};

describe('call shapes, tables and two-part credentials in many languages', () => {
  // The key id beside the AWS secret, and Datadog's application key beside its API key, are
  // credentials too.
  const findings = checkPlantedSecrets(files, secrets, ['media/storage.py:4', 'etl/metrics.py:3']);

  it.for([
    ['search/config.js', 'algolia'],
    ['media/storage.py', 'aws'],
    ['etl/metrics.py', 'datadog'],
    ['ci/docker/config.json', 'dockerhub'],
    ['notifier/channels.ts', 'mailgun'],
    ['.netrc', 'heroku'],
  ])('attributes the credential in %s to %s', ([path, provider]) => {
    const line = files[path!]!.split('\n').findIndex((l) => l.includes(secrets[path!]!)) + 1;
    const hit = findings().filter((f) => f.path === path && f.line === line);
    expect(hit.map((f) => f.provider)).toEqual([provider]);
  });
});
