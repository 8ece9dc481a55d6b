// End to end: a repository holding credentials in the syntaxes of many languages (call arguments,
// comparisons, command lines, SQL, typed declarations, PowerShell), each beside a made-up value
// that must stay out, plus a two-part Twilio credential attributed from its SID.

import { describe, expect, it } from 'vitest';
import { checkPlantedSecrets } from '../helpers/planted.js';

// Obviously fake, shaped like real values; each appears once, so a leak in the output is detectable.
const secrets: Record<string, string> = {
  'app/db.py': 'Pq7!vLm2Xz',
  'cmd/server/main.go': 'Gw4-rTn8Kq',
  'src/main/java/Auth.java': 'Jv9#bQx3Lm',
  'Service/Mailer.cs': 'Cs5!hWz7Np',
  'config/deploy.rb': 'Rb2-kPq9Wx',
  'public/db.php': 'Ph8!mZx4Tq',
  'src/main.rs': 'Rs3#nLw6Vb',
  'scripts/backup.sh': 'Sh6!qTz2Mk',
  'scripts/connect.ps1': 'Ps4-wXn7Rq',
  'db/init.sql': 'Sq9!vKm3Lz',
  'native/fetch.c': 'Cc7#pRz5Wq',
};

const files: Record<string, string> = {
  'app/db.py': `import pymysql\n\ndef login(user, passwd="${secrets['app/db.py']}"):\n    return pymysql.connect(host="db", user=user, password=passwd)\n\nPLACEHOLDER = dict(password="changeme")\n`,
  'cmd/server/main.go': `package main\n\nfunc check(password string) bool {\n\treturn password == "${secrets['cmd/server/main.go']}"\n}\n\nvar example = "password"\n`,
  'src/main/java/Auth.java': `class Auth {\n  boolean ok(String pwd) {\n    return "${secrets['src/main/java/Auth.java']}".equals(pwd);\n  }\n  String label = getPassword();\n}\n`,
  'Service/Mailer.cs': `var client = new SmtpClient("smtp.corp.example.net");\nclient.Credentials = new NetworkCredential("mailer", "${secrets['Service/Mailer.cs']}");\nvar other = new NetworkCredential(user, password);\n`,
  'config/deploy.rb': `server "app1.corp.example.net", user: "deploy"\nset :ssh_options, { password: "${secrets['config/deploy.rb']}" }\nset :repo_password, ENV["REPO_PASSWORD"]\n`,
  'public/db.php': `<?php\n$link = mysqli_connect("db.corp.example.net", "shop", "${secrets['public/db.php']}", "shop");\n$pass = $_POST["password"];\n`,
  'src/main.rs': `fn main() {\n    let password: &str = "${secrets['src/main.rs']}";\n    let from_env: &str = &args[1];\n}\n`,
  'scripts/backup.sh': `#!/bin/sh\nsshpass -p '${secrets['scripts/backup.sh']}' ssh backup@10.20.0.5 'tar czf - /srv'\nmysqldump -u root -p"$MYSQL_PASSWORD" shop\n`,
  'scripts/connect.ps1': `$pw = ConvertTo-SecureString "${secrets['scripts/connect.ps1']}" -AsPlainText -Force\nConnect-VIServer -Server vc01 -User svc -Password $env:VC_PASSWORD\n`,
  'db/init.sql': `CREATE USER 'report'@'%' IDENTIFIED BY '${secrets['db/init.sql']}';\nALTER ROLE app WITH PASSWORD 'changeme';\n`,
  'native/fetch.c': `curl_easy_setopt(curl, CURLOPT_PASSWORD, "${secrets['native/fetch.c']}");\ncurl_easy_setopt(curl, CURLOPT_USERNAME, user);\n`,
  'config/twilio.yml':
    'account_sid: AC0f3e1d2c4b5a69788796a5b4c3d2e1f0\nauth_token: 7d1c0e9a4b8f2c6e3a5d9b0f1e7c4a2d\n',
};

describe('credentials in every syntax a repository holds', () => {
  const findings = checkPlantedSecrets(files, secrets, ['config/twilio.yml:2']);

  it('attributes the auth token beside a Twilio SID to Twilio', () => {
    const twilio = findings().filter((f) => f.path === 'config/twilio.yml' && f.line === 2);
    expect(twilio.map((f) => f.ruleId)).toEqual(['twilio.auth-token']);
  });
});
