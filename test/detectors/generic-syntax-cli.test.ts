// End to end through the built CLI: the second round of generic syntaxes (request headers, curl
// continuation lines, more login calls, typed and array declarations, connection strings in code,
// Markdown backticks, Dockerfile ENV, command-line tokens), each beside a reference or a made-up
// value that must stay out.

import { describe } from 'vitest';
import { checkPlantedSecrets } from '../helpers/planted.js';


// Obviously fake, shaped like real values; each appears once, so a leak in the output is detectable.
const secrets: Record<string, string> = {
  'cmd/client/main.go': 'Xo4Kepi9UvaXo2BedaLu7Ri3',
  'app/api.py': 'Qv7Lm2Xz9Rt4Kp8Wn3Bc6Hd',
  'scripts/call.sh': 'Rf5Tq8Zm2Lx7Vp4Nc9Kw3Bj',
  'scripts/ci.sh': 'Ww3!qTz8Mk',
  'app/ftp_upload.py': 'Fp6-kLq2Wz',
  'src/main/java/Db.java': 'Jd4#mRx7Pq',
  'native/db.c': 'Nc8!vTz3Lm',
  'src/keys.rs': 'Ks2Vn9Qx4Lt7Rm3Zp8Wc5Hb',
  'Data/Repo.cs': 'Cn5@hWz7Tq',
  'docs/setup.md': 'Md3!kPq8Wz',
  'Dockerfile': 'Dk7-rTn4Qx',
  '.github/deploy.sh': 'Gt8Hq3Lm6Zx2Vr9Kp4Wn7Bc',
  'scripts/cache.sh': 'Rd9#wXn2Kq',
  'mail/send.go': 'Sm4!pLw8Zr',
  'config/env.rb': 'Rb6Zx3Kq9Lm2Wt7Vp4Nc8Hd',
  'scripts/map.bat': 'Nu5!tWq8Lz',
  'db/logins.sql': 'Sa7#kXm2Qw',
  'src/main/java/Props.java': 'Pd3Wz8Kq5Lm2Xt9Vr6Nc4Hb',
  'conf/app.config': 'Ax6Rm9Qz3Lt7Wk2Vp5Nc8Hd',
  'infra/variables.tf': 'Tf4!qWz7Lm',
  'conf/redis.conf': 'Rq8-vLm3Zx',
  'Client/Api.cs': 'Vb2Kq7Xz4Lm9Wt3Rp6Nc8Hd',
};

const files: Record<string, string> = {
  'cmd/client/main.go': `package main\n\nfunc f() {\n\treq.Header.Set("Authorization", "Bearer ${secrets['cmd/client/main.go']}")\n\treq.Header.Set("Authorization", "Bearer " + token)\n}\n`,
  'app/api.py': `headers = {'Authorization': 'Token ${secrets['app/api.py']}'}\nother = {'Authorization': 'Token ' + os.environ['API_TOKEN']}\n`,
  'scripts/call.sh': `curl -s -H "X-Api-Key: ${secrets['scripts/call.sh']}" https://api.corp.example.net/v1\ncurl -s -H "X-Api-Key: $API_KEY" https://api.corp.example.net/v1\ncurl -s -H "X-Request-Id: 7d1c0e9a4b8f2c6e3a5d9b0f" https://api.corp.example.net/v1\n`,
  'scripts/ci.sh': `curl -X POST https://ci.corp.example.net/job/build \\\n  --user deploy:${secrets['scripts/ci.sh']} \\\n  -d @body.json\ncurl -X POST https://ci.corp.example.net/job/build \\\n  -u "$CI_USER:$CI_TOKEN"\n`,
  'app/ftp_upload.py': `import ftplib\nftp = ftplib.FTP('files.corp.example.net', 'deploy', '${secrets['app/ftp_upload.py']}')\nanon = ftplib.FTP('files.corp.example.net', 'anonymous', 'anonymous')\n`,
  'src/main/java/Db.java': `class Db {\n  Connection open() throws Exception {\n    return DriverManager.getConnection("jdbc:mysql://db1/shop", "shop", "${secrets['src/main/java/Db.java']}");\n  }\n  Connection env() throws Exception {\n    return DriverManager.getConnection(url, "shop", System.getenv("DB_PASSWORD"));\n  }\n}\n`,
  'native/db.c': `static const char db_pass[] = "${secrets['native/db.c']}";\nstatic const char *label = "password";\n`,
  'src/keys.rs': `const API_KEY: &str = "${secrets['src/keys.rs']}";\nconst KEY_NAME: &str = "user-profile-settings";\n`,
  'Data/Repo.cs': `var cs = "Server=db1.corp.example.net;Database=Shop;User Id=shop;Password=${secrets['Data/Repo.cs']};";\nvar fromConfig = "Server=db1;Password=" + settings.Password + ";";\n`,
  'docs/setup.md': `# Setup\n\nLog in with user: \`admin\` password: \`${secrets['docs/setup.md']}\`\n\nThen set password: \`<your password>\` for your own account.\n`,
  'Dockerfile': `FROM alpine:3.20\nENV DB_PASSWORD ${secrets['Dockerfile']}\nENV PASSWORD_FILE /run/secrets/db\n`,
  '.github/deploy.sh': `./deploy.sh --token ${secrets['.github/deploy.sh']} --env prod\n./deploy.sh --token "$DEPLOY_TOKEN" --env prod\n`,
  'scripts/cache.sh': `redis-cli -h cache.corp.example.net -a '${secrets['scripts/cache.sh']}' ping\nredis-cli -h cache.corp.example.net -a "$REDIS_PASSWORD" ping\n`,
  'mail/send.go': `package mail\n\nvar auth = smtp.PlainAuth("", "alerts@corp.example.net", "${secrets['mail/send.go']}", "smtp.corp.example.net")\nvar other = smtp.PlainAuth("", user, password, host)\n`,
  'config/env.rb': `ENV['API_TOKEN'] ||= '${secrets['config/env.rb']}'\nENV['OTHER_TOKEN'] ||= 'your-api-token'\n`,
  'scripts/map.bat': `@echo off\nnet use Z: \\\\fs1\\backup ${secrets['scripts/map.bat']} /user:CORP\\svc-backup\nnet use Y: \\\\fs1\\public * /user:CORP\\%USERNAME%\n`,
  'db/logins.sql': `EXEC sp_addlogin 'reports', '${secrets['db/logins.sql']}';\nEXEC sp_addlogin 'trial', 'changeme';\n`,
  'src/main/java/Props.java': `class Props {\n  @Value("\${api.secret:${secrets['src/main/java/Props.java']}}") String apiSecret;\n  @Value("\${api.key}") String apiKey;\n}\n`,
  'conf/app.config': `<appSettings>\n  <add key="ApiKey" value="${secrets['conf/app.config']}" />\n  <add key="ApiKeyHeader" value="X-Api-Key" />\n</appSettings>\n`,
  'infra/variables.tf': `variable "db_password" {\n  type    = string\n  default = "${secrets['infra/variables.tf']}"\n}\n\nvariable "key_name" {\n  default = "deployer-key"\n}\n`,
  'conf/redis.conf': `bind 10.0.0.5\nrequirepass ${secrets['conf/redis.conf']}\n# requirepass foobared\n`,
  'Client/Api.cs': `class Api {\n  const string ApiSecret = @"${secrets['Client/Api.cs']}";\n  const string SecretName = @"api-secret";\n}\n`,
};


describe('credentials in request headers, command lines, calls and declarations', () => {
  checkPlantedSecrets(files, secrets);
});
