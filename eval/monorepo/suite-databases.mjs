// Red-team suite "databases": database servers', clients' and tools' configuration as it gets
// committed: MySQL/MariaDB option files, init-file SQL and dump scripts; PostgreSQL .pgpass,
// pg_service.conf, pgbouncer userlist/ini, postgresql.auto.conf and recovery.conf primary_conninfo,
// role SQL and PGPASSWORD scripts; Oracle tnsnames/sqlnet/listener.ora, sqlplus/expdp connect
// strings, mkstore, database links; SQL Server appsettings, sqlcmd/Invoke-Sqlcmd, SSIS .dtsConfig,
// SSDT publish profiles, linked-server logins; MongoDB mongod.conf/keyfile, URIs, mongosh history,
// Atlas CLI; Redis redis.conf/users.acl/redis-cli; Cassandra cqlshrc; ClickHouse users.xml; Neo4j;
// CockroachDB; Elasticsearch keystore scripts and Kibana; InfluxDB CLI configs and Telegraf;
// Snowflake connections.toml and SnowSQL; dbt profiles.yml; Superset/Metabase/Redash; Liquibase/
// Flyway; Prisma .env; SQLAlchemy, JDBC and ODBC connection strings.
// Decoys are what those files also hold: the hashes servers store (md5…, SCRAM-SHA-256$…, MySQL
// native *HEX, ClickHouse sha256/double-sha1, Redis ACL #sha256, Oracle S: verifiers, SQL Server
// 0x0200 HASHED), keyFile and wallet paths, placeholders and env/template references, and the
// throwaway passwords of test compose files and vendors' documented sample schemas (decided: a
// test-only container's postgres/postgres or root/root, scott/tiger, hr/hr, neo4j/neo4j and
// Microsoft's yourStrong(!)Password are not credentials anyone can abuse, so they are decoys).
// Every value is drawn from the seeded PRNG at run time.
import { B64, HEX, LOWER, UPPER, URLSAFE, Repo, makeTokens, mulberry32 } from './generate.mjs';

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 7919 + 401);
  const t = makeTokens(rand);
  const repo = new Repo();
  const one = (list) => list[Math.floor(rand() * list.length)];
  const HEXU = HEX.toUpperCase();
  const human = () =>
    `${one(['Winter', 'Harbor', 'Ledger', 'Orion', 'Summit', 'Copper'])}${one(['2024', '2025', '2026'])}${one(['!', '$', '@'])}${t.digits(2)}`;
  // A password safe in option files (no '#', which starts a comment mid-line in my.cnf/redis.conf).
  const pw = () =>
    rand() < 0.35 ? human() : rand() < 0.5 ? t.password().replace(/#/g, '!') : t.alnum(16 + Math.floor(rand() * 10));
  // A password safe in a URI or a ;-separated connection string.
  const upw = () => (rand() < 0.5 ? t.password().replace(/[^A-Za-z0-9]/g, '') : t.alnum(20 + Math.floor(rand() * 8)));
  const bytes = (n) => Buffer.from(Array.from({ length: n }, () => Math.floor(rand() * 256)));
  const b64 = (n) => bytes(n).toString('base64');
  const mysqlNative = () => `*${t.pick(HEXU, 40)}`;
  const pgMd5 = () => `md5${t.hex(32)}`;
  const scram = () => `SCRAM-SHA-256$4096:${b64(16)}$${b64(32)}:${b64(32)}`;
  const influx = () => `${t.mixed(URLSAFE, 86)}==`;
  const esApiKey = () => Buffer.from(`${t.mixed(URLSAFE, 20)}:${t.mixed(URLSAFE, 22)}`).toString('base64');
  // 4 version bytes + "elastic/kibana/" (15) + 12-char name + ":" + 22-char secret = 54 bytes, no padding.
  const esServiceToken = () =>
    Buffer.from(`\u0000\u0001\u0000\u0001elastic/kibana/kibana-${t.lower(5)}:${t.mixed(URLSAFE, 22)}`).toString(
      'base64',
    );
  const pscalePw = () => `pscale_pw_${t.alnum(43)}`;
  const b64url = (s) => Buffer.from(s).toString('base64url');
  const prismaKey = () =>
    `${b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64url(JSON.stringify({ api_key: t.uuid(), tenant_id: t.hex(64), internal_secret: t.uuid() }))}.${t.mixed(URLSAFE, 43)}`;
  const host = (name) => `${name}.${one(['prod', 'eu1', 'core'])}.acme-corp.internal`;

  // ---------------------------------------------------------------- MySQL / MariaDB
  {
    const f = repo.file('deploy/mysql/conf.d/client.cnf', 'mysql');
    f.l('# managed by ansible role mysql_client', '[client]', 'user = app', `host = ${host('mysql-primary')}`);
    const p1 = pw();
    f.s(`password = "${p1}"`, 'generic', p1);
    f.l('default-character-set = utf8mb4', '', '[mysqldump]', 'user = backup');
    const p2 = t.alnum(22);
    f.s(`password=${p2}`, 'generic', p2);
    f.l('single-transaction', '', '[mysql]');
    f.d('#password =', 'commented empty option');
    f.d('socket = /var/run/mysqld/mysqld.sock', 'socket path');
  }
  {
    const f = repo.file('deploy/mysql/mysqld.cnf', 'mysql');
    f.l('[mysqld]', 'bind-address = 0.0.0.0', 'default_authentication_plugin = caching_sha2_password');
    f.d('init-file = /etc/mysql/init/01-users.sql', 'init-file path');
    f.d('ssl-key = /etc/mysql/tls/server-key.pem', 'key path');
    f.l('max_connections = 500');
  }
  {
    const f = repo.file('deploy/mysql/init/01-users.sql', 'mysql');
    f.l('-- run once via --init-file on first boot');
    const root = pw();
    f.s(`ALTER USER 'root'@'localhost' IDENTIFIED BY '${root}';`, 'generic', root);
    const app = pw();
    f.s(`CREATE USER IF NOT EXISTS 'app'@'%' IDENTIFIED BY '${app}';`, 'generic', app);
    f.l("GRANT SELECT, INSERT, UPDATE, DELETE ON app.* TO 'app'@'%';");
    f.d(
      `CREATE USER 'legacy'@'10.%' IDENTIFIED WITH mysql_native_password AS '${mysqlNative()}';`,
      'mysql native hash',
    );
    const ro = upw();
    f.s(`SET PASSWORD FOR 'reporting'@'%' = '${ro}';`, 'generic', ro);
    f.d("ALTER USER 'app'@'%' PASSWORD EXPIRE INTERVAL 90 DAY;", 'password policy');
    f.l('FLUSH PRIVILEGES;');
  }
  {
    const f = repo.file('ops/backup/mysql-backup.sh', 'mysql');
    f.l('#!/usr/bin/env bash', 'set -euo pipefail', 'STAMP=$(date +%F)');
    const p = t.alnum(20);
    f.s(
      `mysqldump -h ${host('mysql-replica')} -u backup -p'${p}' --single-transaction --routines app | gzip > /backups/app-$STAMP.sql.gz`,
      'generic',
      p,
    );
    f.d(
      'mysqldump --defaults-extra-file=/etc/mysql/backup.cnf --all-databases > /backups/all-$STAMP.sql',
      'defaults file reference',
    );
    const p2 = upw();
    f.s(`MYSQL_PWD="${p2}" mysql -h ${host('mysql-primary')} -u ops -e 'SHOW REPLICA STATUS\\G'`, 'generic', p2);
    f.d('mysql -h "$DB_HOST" -u "$DB_USER" -p"$DB_PASSWORD" app < migrate.sql', 'shell variables');
    f.d('mysql -u root -p app < schema.sql', 'prompt for password');
  }
  {
    const f = repo.file('ops/db/audit/mysql-user-2026-05.tsv', 'mysql');
    f.l('User\tHost\tplugin\tauthentication_string');
    for (const u of ['app', 'reporting', 'legacy'])
      f.d(`${u}\t%\tmysql_native_password\t${mysqlNative()}`, 'mysql native hash in audit export');
  }

  // ---------------------------------------------------------------- PostgreSQL
  {
    const f = repo.file('ops/home/.pgpass', 'postgres');
    f.d('# hostname:port:database:username:password', 'format comment');
    const a = pw().replace(/:/g, '');
    f.s(`${host('pg-primary')}:5432:orders:orders_app:${a}`, 'generic', a);
    const b = upw();
    f.s(`*:5432:*:replicator:${b}`, 'generic', b);
  }
  {
    const f = repo.file('ops/home/.pg_service.conf', 'postgres');
    f.l('[orders-prod]', `host=${host('pg-primary')}`, 'port=5432', 'dbname=orders', 'user=orders_ro');
    const p = upw();
    f.s(`password=${p}`, 'generic', p);
    f.l('sslmode=verify-full', '', '[orders-staging]', 'host=pg.staging.acme-corp.internal', 'dbname=orders');
    f.d('passfile=/home/ops/.pgpass', 'passfile path');
  }
  {
    const f = repo.file('deploy/pgbouncer/userlist.txt', 'postgres');
    const a = pw().replace(/"/g, '');
    f.s(`"orders_app" "${a}"`, 'generic', a);
    const b = upw();
    f.s(`"pgbouncer_admin" "${b}"`, 'generic', b);
    f.d(`"reporting" "${pgMd5()}"`, 'md5 hash');
    f.d(`"billing_app" "${scram()}"`, 'scram verifier');
  }
  {
    const f = repo.file('deploy/pgbouncer/pgbouncer.ini', 'postgres');
    f.l('[databases]');
    const p = upw();
    f.s(`orders = host=${host('pg-primary')} port=5432 dbname=orders user=orders_app password=${p}`, 'generic', p);
    f.d(`billing = host=${host('pg-billing')} port=5432 dbname=billing`, 'no password');
    f.l('', '[pgbouncer]', 'listen_port = 6432', 'auth_type = scram-sha-256');
    f.d('auth_file = /etc/pgbouncer/userlist.txt', 'auth file path');
    f.d('auth_query = SELECT usename, passwd FROM pgbouncer.get_auth($1)', 'auth query');
  }
  {
    const f = repo.file('deploy/postgres/replica/postgresql.auto.conf', 'postgres');
    f.l('# Do not edit this file manually!', '# It will be overwritten by the ALTER SYSTEM command.');
    const p = upw();
    f.s(
      `primary_conninfo = 'user=replicator password=${p} channel_binding=prefer host=${host('pg-primary')} port=5432 sslmode=prefer application_name=replica1'`,
      'generic',
      p,
    );
    f.l("primary_slot_name = 'replica1'");
    f.d("restore_command = 'cp /wal_archive/%f %p'", 'restore command');
  }
  {
    const f = repo.file('deploy/postgres/legacy/recovery.conf', 'postgres');
    f.l("standby_mode = 'on'");
    const p = pw().replace(/'/g, '');
    f.s(`primary_conninfo = 'host=${host('pg-legacy')} port=5432 user=replicator password=${p}'`, 'generic', p);
    f.d("trigger_file = '/var/lib/postgresql/promote.trigger'", 'trigger file path');
  }
  {
    const f = repo.file('deploy/postgres/initdb/10-roles.sql', 'postgres');
    const a = pw().replace(/'/g, '');
    f.s(`CREATE ROLE orders_app LOGIN PASSWORD '${a}';`, 'generic', a);
    const b = upw();
    f.s(`ALTER ROLE analytics WITH LOGIN PASSWORD '${b}' VALID UNTIL '2027-01-01';`, 'generic', b);
    f.d(`ALTER ROLE billing_app PASSWORD '${scram()}';`, 'scram verifier');
    f.d(`ALTER ROLE reporting PASSWORD '${pgMd5()}';`, 'md5 hash');
    f.d('ALTER ROLE readonly PASSWORD NULL;', 'no password');
    f.l('GRANT pg_read_all_data TO analytics;');
  }
  {
    const f = repo.file('ops/scripts/pg-restore.sh', 'postgres');
    f.l('#!/usr/bin/env bash', 'set -euo pipefail');
    const p = upw();
    f.s(
      `PGPASSWORD='${p}' pg_restore -h ${host('pg-staging')} -U restore -d orders --clean /backups/orders.dump`,
      'generic',
      p,
    );
    f.d('export PGPASSWORD="${PG_RESTORE_PASSWORD:?set PG_RESTORE_PASSWORD}"', 'variable');
    const q = upw();
    f.s(
      `psql "postgresql://ops:${q}@${host('pg-primary')}:5432/orders?sslmode=require" -c 'VACUUM ANALYZE'`,
      'database',
      q,
    );
    f.d('psql "postgresql://ops@localhost:5432/orders" -c "\\dt"', 'uri without password');
  }

  // ---------------------------------------------------------------- Oracle
  {
    const f = repo.file('db/oracle/network/admin/tnsnames.ora', 'oracle');
    f.d(
      `APPDB = (DESCRIPTION = (ADDRESS = (PROTOCOL = TCP)(HOST = ${host('ora-scan')})(PORT = 1521)) (CONNECT_DATA = (SERVICE_NAME = APPDB.acme)))`,
      'tns descriptor',
    );
    f.d(
      `ERP = (DESCRIPTION = (ADDRESS = (PROTOCOL = TCPS)(HOST = ${host('ora-erp')})(PORT = 2484)) (CONNECT_DATA = (SERVICE_NAME = ERP)))`,
      'tns descriptor',
    );
  }
  {
    const f = repo.file('db/oracle/network/admin/sqlnet.ora', 'oracle');
    f.d(
      'WALLET_LOCATION = (SOURCE = (METHOD = FILE) (METHOD_DATA = (DIRECTORY = /u01/app/oracle/wallet)))',
      'wallet path',
    );
    f.l('SQLNET.WALLET_OVERRIDE = TRUE', 'SSL_CLIENT_AUTHENTICATION = FALSE');
  }
  {
    const f = repo.file('db/oracle/network/admin/listener.ora', 'oracle');
    f.l('LISTENER = (DESCRIPTION_LIST = (DESCRIPTION = (ADDRESS = (PROTOCOL = TCP)(HOST = 0.0.0.0)(PORT = 1521))))');
    const p = t.alnum(14);
    f.s(`PASSWORDS_LISTENER = (${p})`, 'generic', p);
    f.l('ADMIN_RESTRICTIONS_LISTENER = ON');
  }
  {
    const f = repo.file('db/oracle/scripts/nightly_export.sh', 'oracle');
    f.l('#!/bin/bash', '. /home/oracle/.bash_profile');
    const a = t.alnum(16);
    f.s(`sqlplus -s system/${a}@APPDB <<'EOF'`, 'generic', a);
    f.l('SET PAGESIZE 0 FEEDBACK OFF', 'SELECT status FROM v$instance;', 'EXIT', 'EOF');
    const b = upw();
    f.s(
      `expdp userid=app_owner/"${b}"@//${host('ora-scan')}:1521/APPDB schemas=APP_OWNER directory=DP_DIR dumpfile=app_%U.dmp`,
      'generic',
      b,
    );
    f.d('sqlplus -s / as sysdba @/home/oracle/scripts/stats.sql', 'os authentication');
    f.d('sqlplus -L hr/hr@XEPDB1 @sample_queries.sql', 'oracle sample schema');
    const c = upw();
    f.s(`mkstore -wrl /u01/app/oracle/wallet -createCredential APPDB app_batch ${c}`, 'generic', c);
    f.d('sqlplus -s /@APPDB @batch.sql', 'wallet login');
  }
  {
    const f = repo.file('db/oracle/scripts/schema_grants.sql', 'oracle');
    f.d('-- demo: connect scott/tiger to try the EMP queries', 'oracle sample schema');
    const a = upw();
    f.s(`ALTER USER app_owner IDENTIFIED BY "${a}" ACCOUNT UNLOCK;`, 'generic', a);
    // Unquoted, an Oracle password follows identifier rules: it must begin with a letter.
    const b = `${t.pick(UPPER + LOWER, 1)}${t.alnum(17)}`;
    f.s(`CREATE USER etl_loader IDENTIFIED BY ${b} DEFAULT TABLESPACE users QUOTA 10G ON users;`, 'generic', b);
    const c = upw();
    f.s(`CREATE DATABASE LINK erp_link CONNECT TO erp_read IDENTIFIED BY "${c}" USING 'ERP';`, 'generic', c);
    f.d(`-- spare4 before rotation: S:${t.pick(HEXU, 60)};T:${t.pick(HEXU, 160)}`, 'oracle password verifier');
    f.d('CREATE USER ops_ext IDENTIFIED EXTERNALLY;', 'external authentication');
  }

  // ---------------------------------------------------------------- SQL Server
  {
    const f = repo.file('services/orders/appsettings.Production.json', 'mssql');
    f.l('{', '  "ConnectionStrings": {');
    const a = upw();
    f.s(
      `    "OrdersDb": "Server=tcp:acme-orders.database.windows.net,1433;Initial Catalog=orders;Persist Security Info=False;User ID=orders_app;Password=${a};MultipleActiveResultSets=False;Encrypt=True;TrustServerCertificate=False;Connection Timeout=30;",`,
      'database',
      a,
    );
    const b = upw();
    f.s(`    "Warehouse": "Data Source=sql-dw01;Database=DW;User Id=dw_reader;Pwd=${b};",`, 'database', b);
    f.d('    "Audit": "Server=sql-audit01;Database=Audit;Integrated Security=SSPI;",', 'integrated security');
    f.d(
      '    "Reporting": "Server=tcp:acme-rpt.database.windows.net;Database=rpt;Authentication=Active Directory Managed Identity;"',
      'managed identity',
    );
    f.l('  },', '  "Logging": { "LogLevel": { "Default": "Warning" } }', '}');
  }
  {
    const f = repo.file('ops/sql/deploy-migrations.ps1', 'mssql');
    f.l('$ErrorActionPreference = "Stop"');
    const a = upw();
    f.s(`sqlcmd -S tcp:sql-prod01,1433 -d orders -U sa -P '${a}' -b -i .\\migrations\\V42__indexes.sql`, 'generic', a);
    f.d('sqlcmd -S tcp:sql-prod01,1433 -d orders -E -i .\\migrations\\verify.sql', 'trusted connection');
    const b = pw().replace(/'/g, '');
    f.s(
      `Invoke-Sqlcmd -ServerInstance sql-prod01 -Database orders -Username etl_runner -Password '${b}' -Query "EXEC dbo.nightly"`,
      'generic',
      b,
    );
    f.d('sqlcmd -S sql-prod01 -U etl_runner -P $env:SQL_ETL_PASSWORD -Q "SELECT 1"', 'env variable');
  }
  {
    const f = repo.file('etl/ssis/LoadWarehouse.dtsConfig', 'mssql');
    f.l('<?xml version="1.0"?>', '<DTSConfiguration>');
    f.l(
      '  <Configuration ConfiguredType="Property" Path="\\Package.Connections[Staging].Properties[ConnectionString]" ValueType="String">',
    );
    const a = upw();
    f.s(
      `    <ConfiguredValue>Data Source=sql-stg01;User ID=ssis_loader;Password=${a};Initial Catalog=Staging;Provider=SQLNCLI11.1;Auto Translate=False;</ConfiguredValue>`,
      'database',
      a,
    );
    f.l('  </Configuration>');
    f.l(
      '  <Configuration ConfiguredType="Property" Path="\\Package.Connections[DW].Properties[ConnectionString]" ValueType="String">',
    );
    f.d(
      '    <ConfiguredValue>Data Source=sql-dw01;Initial Catalog=DW;Provider=SQLNCLI11.1;Integrated Security=SSPI;</ConfiguredValue>',
      'integrated security',
    );
    f.l('  </Configuration>', '</DTSConfiguration>');
  }
  {
    const f = repo.file('db/ssdt/Warehouse.Production.publish.xml', 'mssql');
    f.l(
      '<?xml version="1.0" encoding="utf-8"?>',
      '<Project ToolsVersion="Current" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">',
      '  <PropertyGroup>',
      '    <TargetDatabaseName>DW</TargetDatabaseName>',
    );
    const a = upw();
    f.s(
      `    <TargetConnectionString>Data Source=sql-dw01;Persist Security Info=True;User ID=dacpac_deploy;Password=${a};Pooling=False</TargetConnectionString>`,
      'database',
      a,
    );
    f.l('    <BlockOnPossibleDataLoss>True</BlockOnPossibleDataLoss>', '  </PropertyGroup>', '</Project>');
  }
  {
    const f = repo.file('db/mssql/linked-servers.sql', 'mssql');
    f.l(
      "EXEC master.dbo.sp_addlinkedserver @server = N'ERP', @srvproduct = N'', @provider = N'MSOLEDBSQL', @datasrc = N'erp-sql01';",
    );
    const a = upw();
    f.s(
      `EXEC master.dbo.sp_addlinkedsrvlogin @rmtsrvname = N'ERP', @useself = N'False', @locallogin = NULL, @rmtuser = N'erp_link', @rmtpassword = N'${a}';`,
      'generic',
      a,
    );
    const b = pw().replace(/'/g, '');
    f.s(`CREATE LOGIN etl_runner WITH PASSWORD = N'${b}', CHECK_POLICY = ON;`, 'generic', b);
    f.d(
      `CREATE LOGIN legacy_app WITH PASSWORD = 0x0200${t.pick(HEXU, 136)} HASHED, CHECK_POLICY = OFF;`,
      'mssql password hash',
    );
    f.d("EXEC sp_addlinkedsrvlogin @rmtsrvname = N'DW', @useself = N'True';", 'self mapping');
  }

  // ---------------------------------------------------------------- MongoDB
  {
    const f = repo.file('deploy/mongo/mongod.conf', 'mongodb');
    f.l(
      'net:',
      '  port: 27017',
      '  bindIp: 0.0.0.0',
      'replication:',
      '  replSetName: rs0',
      'security:',
      '  authorization: enabled',
    );
    f.d('  keyFile: /etc/mongo/keyfile', 'keyFile path');
    f.d('  clusterAuthMode: keyFile', 'auth mode');
  }
  {
    const f = repo.file('deploy/mongo/keyfile', 'mongodb');
    const lines = bytes(756)
      .toString('base64')
      .match(/.{1,64}/g);
    f.s(lines, 'generic', lines.join('\n'));
  }
  {
    const f = repo.file('services/catalog/config/production.yaml', 'mongodb');
    f.l('mongo:');
    const a = upw();
    f.s(
      `  uri: "mongodb://catalog_app:${a}@mongo-0.mongo.prod.svc:27017,mongo-1.mongo.prod.svc:27017,mongo-2.mongo.prod.svc:27017/catalog?replicaSet=rs0&authSource=admin&readPreference=secondaryPreferred&tls=true"`,
      'mongodb',
      a,
    );
    f.d(
      '  readonly_uri: "mongodb://mongo-0.mongo.prod.svc:27017/?replicaSet=rs0&authMechanism=MONGODB-X509"',
      'no password',
    );
    f.d('  fallback_uri: "mongodb://${MONGO_USER}:${MONGO_PASSWORD}@mongo:27017/catalog"', 'variables');
    const b = upw();
    f.s(
      `  analytics_uri: mongodb+srv://analytics:${b}@analytics.${t.lower(5)}.mongodb.net/?retryWrites=true&w=majority&appName=catalog`,
      'mongodb',
      b,
    );
  }
  {
    const f = repo.file('ops/home/.mongodb/mongosh/mongosh_repl_history', 'mongodb');
    f.l('rs.status()', 'use admin');
    const a = upw();
    f.s(
      `db.createUser({ user: "catalog_app", pwd: "${a}", roles: [ { role: "readWrite", db: "catalog" } ] })`,
      'generic',
      a,
    );
    const b = upw();
    f.s(`db.changeUserPassword("reporting", "${b}")`, 'generic', b);
    const c = upw();
    f.s(`db.auth("admin", "${c}")`, 'generic', c);
    f.d('db.createUser({ user: "ops", pwd: passwordPrompt(), roles: ["root"] })', 'password prompt');
    f.l('show dbs');
  }
  {
    const f = repo.file('ops/home/.config/atlascli/config.toml', 'mongodb');
    f.l('[default]', '  org_id = "' + t.hex(24) + '"', '  output = "json"');
    f.l(`  public_api_key = "${t.pick('abcdefghijklmnopqrstuvwxyz', 8)}"`);
    const k = t.uuid();
    f.s(`  private_api_key = "${k}"`, 'mongodb', k);
    f.d(`  project_id = "${t.hex(24)}"`, 'object id');
  }

  // ---------------------------------------------------------------- Redis
  {
    const f = repo.file('deploy/redis/redis.conf', 'redis');
    f.l('bind 0.0.0.0', 'port 6379', 'protected-mode yes');
    f.d('# requirepass foobared', 'shipped commented default');
    const a = `${t.mixed(B64, 43)}=`;
    f.s(`requirepass ${a}`, 'generic', a);
    const b = t.alnum(32);
    f.s(`masterauth ${b}`, 'generic', b);
    f.l('masteruser replication');
    f.d('aclfile /etc/redis/users.acl', 'acl file path');
    f.d('rename-command CONFIG ""', 'rename command');
  }
  {
    const f = repo.file('deploy/redis/users.acl', 'redis');
    f.d('user default off nopass -@all', 'disabled default user');
    const a = upw();
    f.s(`user orders on >${a} ~orders:* &* +@all -@dangerous`, 'generic', a);
    f.d(`user metrics on #${t.sha256()} ~* +info +ping`, 'sha256 acl hash');
    const b = t.alnum(28);
    f.s(`user replication on >${b} +psync +replconf +ping`, 'generic', b);
  }
  {
    const f = repo.file('ops/scripts/redis-maintenance.sh', 'redis');
    f.l('#!/bin/sh');
    const a = t.alnum(24);
    f.s(`redis-cli -h ${host('redis-primary')} -p 6379 -a '${a}' --no-auth-warning INFO replication`, 'generic', a);
    const b = upw();
    f.s(`REDISCLI_AUTH=${b} redis-cli -h ${host('redis-sessions')} --scan --pattern 'sess:*' | head`, 'generic', b);
    f.d('redis-cli -h "$REDIS_HOST" -a "$REDIS_PASSWORD" --no-auth-warning PING', 'variables');
    const c = upw();
    f.s(`redis-cli -u redis://ops:${c}@${host('redis-cache')}:6379/2 DBSIZE`, 'database', c);
  }

  // ---------------------------------------------------------------- Cassandra
  {
    const f = repo.file('ops/home/.cassandra/cqlshrc', 'cassandra');
    f.l('[authentication]', 'username = ops_admin');
    const a = pw().replace(/%/g, '*');
    f.s(`password = ${a}`, 'generic', a);
    f.l('', '[connection]', `hostname = ${host('cassandra-seed1')}`, 'port = 9042', 'ssl = true', '', '[ssl]');
    f.d('certfile = /home/ops/.cassandra/ca.pem', 'cert path');
    f.d('userkey = /home/ops/.cassandra/client-key.pem', 'key path');
  }

  // ---------------------------------------------------------------- ClickHouse
  {
    const f = repo.file('deploy/clickhouse/users.d/users.xml', 'clickhouse');
    f.l('<clickhouse>', '  <users>', '    <ingest>');
    const a = upw();
    f.s(`      <password>${a}</password>`, 'generic', a);
    f.l('      <networks><ip>10.0.0.0/8</ip></networks>', '    </ingest>', '    <grafana>');
    f.d(`      <password_sha256_hex>${t.sha256()}</password_sha256_hex>`, 'sha256 hash');
    f.l('    </grafana>', '    <mysql_compat>');
    f.d(`      <password_double_sha1_hex>${t.sha1()}</password_double_sha1_hex>`, 'double sha1 hash');
    f.l('    </mysql_compat>', '    <default>');
    f.d('      <password></password>', 'empty default');
    f.l('    </default>', '  </users>', '</clickhouse>');
  }
  {
    const f = repo.file('services/analytics/.env', 'clickhouse');
    f.l('CLICKHOUSE_HOST=ch.acme-corp.internal');
    const a = upw();
    f.s(`CLICKHOUSE_URL=clickhouse://ingest:${a}@ch.acme-corp.internal:9440/events?secure=true`, 'clickhouse', a);
    const b = upw();
    f.s(`CLICKHOUSE_PASSWORD=${b}`, 'generic', b);
    f.d('CLICKHOUSE_USER=ingest', 'username');
  }

  // ---------------------------------------------------------------- Neo4j / CockroachDB
  {
    const f = repo.file('deploy/neo4j/docker-compose.yml', 'neo4j');
    f.l('services:', '  neo4j:', '    image: neo4j:5.20-enterprise', '    environment:');
    const a = upw();
    f.s(`      NEO4J_AUTH: neo4j/${a}`, 'generic', a);
    f.l('      NEO4J_ACCEPT_LICENSE_AGREEMENT: "yes"');
    f.d('      NEO4J_server_directories_import: /import', 'path');
    f.l('    command: >', '      bash -c "');
    const b = upw();
    f.s(`        neo4j-admin dbms set-initial-password ${b} &&`, 'generic', b);
    f.l('        neo4j console"');
  }
  {
    const f = repo.file('deploy/neo4j/neo4j.conf', 'neo4j');
    f.l('dbms.security.auth_enabled=true', 'server.bolt.listen_address=0.0.0.0:7687');
    f.d('# first login: neo4j / neo4j, the server then forces a change', 'documented default');
    f.d('dbms.ssl.policy.bolt.private_key=private.key', 'key file name');
  }
  {
    const f = repo.file('deploy/cockroach/init.sh', 'cockroach');
    f.l('#!/bin/sh', 'set -e');
    f.d('cockroach init --certs-dir=/cockroach/certs --host=crdb-0.crdb:26257', 'certs path');
    const a = upw();
    f.s(
      `cockroach sql --url "postgresql://root:${a}@crdb-public.prod.svc:26257/defaultdb?sslmode=verify-full&sslrootcert=/cockroach/certs/ca.crt" -e 'SHOW DATABASES'`,
      'database',
      a,
    );
    const b = upw();
    f.s(
      `cockroach sql --certs-dir=/cockroach/certs -e "CREATE USER IF NOT EXISTS orders_app WITH PASSWORD '${b}'"`,
      'generic',
      b,
    );
  }

  // ---------------------------------------------------------------- Elasticsearch / Kibana
  {
    const f = repo.file('deploy/elastic/setup-keystore.sh', 'elastic');
    f.l('#!/bin/bash', 'set -euo pipefail', 'cd /usr/share/elasticsearch');
    f.l('bin/elasticsearch-keystore create');
    const a = upw();
    f.s(`echo "${a}" | bin/elasticsearch-keystore add -x bootstrap.password`, 'generic', a);
    const id = t.awsId();
    f.s(`echo "${id}" | bin/elasticsearch-keystore add --stdin s3.client.default.access_key`, 'aws', id);
    const s = t.awsSecret();
    f.s(`echo "${s}" | bin/elasticsearch-keystore add --stdin s3.client.default.secret_key`, 'aws', s);
    f.d(
      'printf "%s" "$KEYSTORE_PASS" | bin/elasticsearch-keystore add -x xpack.security.http.ssl.keystore.secure_password',
      'variable',
    );
    f.d('bin/elasticsearch-keystore list', 'list command');
  }
  {
    const f = repo.file('deploy/kibana/kibana.yml', 'elastic');
    f.l('server.host: 0.0.0.0', 'elasticsearch.hosts: ["https://es-0.es.prod.svc:9200"]');
    const tok = esServiceToken();
    f.s(`elasticsearch.serviceAccountToken: "${tok}"`, 'elastic', tok);
    f.l('#elasticsearch.username: "kibana_system"');
    const p = upw();
    f.s(`monitoring.ui.elasticsearch.password: "${p}"`, 'generic', p);
    const ek = t.hex(32);
    f.s(`xpack.encryptedSavedObjects.encryptionKey: "${ek}"`, 'generic', ek);
    f.d('elasticsearch.ssl.certificateAuthorities: ["/usr/share/kibana/config/certs/ca.crt"]', 'ca path');
  }
  {
    const f = repo.file('services/search/.env', 'elastic');
    f.l('ELASTIC_URL=https://es.prod.acme-corp.internal:9200');
    const k = esApiKey();
    f.s(`ELASTIC_API_KEY=${k}`, 'elastic', k);
    const p = upw();
    f.s(`ELASTIC_PASSWORD=${p}`, 'elastic', p);
    f.d('ELASTIC_USERNAME=elastic', 'username');
  }

  // ---------------------------------------------------------------- InfluxDB / Telegraf
  {
    const f = repo.file('ops/home/.influxdbv2/configs', 'influx');
    f.l('[prod]', '  url = "https://influx.acme-corp.internal:8086"');
    const a = influx();
    f.s(`  token = "${a}"`, 'generic', a);
    f.l('  org = "acme"', '  active = true', '', '[local]', '  url = "http://localhost:8086"');
    f.d('  token = ""', 'empty');
    f.l('  org = "dev"');
  }
  {
    const f = repo.file('deploy/telegraf/telegraf.conf', 'influx');
    f.l('[[outputs.influxdb_v2]]', '  urls = ["https://influx.acme-corp.internal:8086"]');
    const a = influx();
    f.s(`  token = "${a}"`, 'generic', a);
    f.l(
      '  organization = "acme"',
      '  bucket = "metrics"',
      '',
      '[[outputs.influxdb_v2]]',
      '  urls = ["https://influx-dr.acme-corp.internal:8086"]',
    );
    f.d('  token = "$INFLUX_DR_TOKEN"', 'env reference');
    f.l(
      '',
      '[[outputs.influxdb]]',
      '  urls = ["http://influx-legacy:8086"]',
      '  database = "telegraf"',
      '  username = "telegraf"',
    );
    const b = upw();
    f.s(`  password = "${b}"`, 'generic', b);
  }

  // ---------------------------------------------------------------- Snowflake / dbt
  {
    const f = repo.file('ops/home/.snowflake/connections.toml', 'snowflake');
    f.l('[prod]', 'account = "acme-prod"', 'user = "SVC_LOADER"');
    const a = pw().replace(/"/g, '');
    f.s(`password = "${a}"`, 'snowflake', a);
    f.l(
      'warehouse = "LOAD_WH"',
      'role = "LOADER"',
      '',
      '[keypair]',
      'account = "acme-prod"',
      'user = "SVC_DBT"',
      'authenticator = "SNOWFLAKE_JWT"',
    );
    f.d('private_key_file = "/home/ops/.snowflake/rsa_key.p8"', 'key path');
    const b = upw();
    f.s(`private_key_file_pwd = "${b}"`, 'generic', b);
    f.l('', '[me]', 'account = "acme-prod"', 'user = "JDOE"');
    f.d('authenticator = "externalbrowser"', 'sso');
  }
  {
    const f = repo.file('ops/home/.snowsql/config', 'snowflake');
    f.l('[connections.etl]', 'accountname = xy12345.eu-central-1', 'username = ETL_USER');
    const a = upw();
    f.s(`password = ${a}`, 'snowflake', a);
    f.l('dbname = RAW', 'warehousename = ETL_WH');
  }
  {
    const f = repo.file('analytics/dbt/profiles.yml', 'dbt');
    f.l(
      'acme:',
      '  target: prod',
      '  outputs:',
      '    prod:',
      '      type: snowflake',
      '      account: acme-prod',
      '      user: SVC_DBT',
    );
    f.d(`      password: "{{ env_var('DBT_PASSWORD') }}"`, 'dbt env_var');
    f.d('      private_key_path: /home/dbt/.ssh/snowflake_key.p8', 'key path');
    const a = upw();
    f.s(`      private_key_passphrase: ${a}`, 'generic', a);
    f.l(
      '      warehouse: TRANSFORM_WH',
      '    pg:',
      '      type: postgres',
      `      host: ${host('pg-analytics')}`,
      '      user: dbt',
    );
    const b = pw().replace(/"/g, '');
    f.s(`      password: "${b}"`, 'generic', b);
    f.l(
      '      port: 5432',
      '      dbname: analytics',
      '      schema: marts',
      '    bq:',
      '      type: bigquery',
      '      method: service-account',
    );
    f.d('      keyfile: /secrets/bq-dbt.json', 'keyfile path');
    f.l('      project: acme-analytics');
  }

  // ---------------------------------------------------------------- Superset / Metabase / Redash
  {
    const f = repo.file('deploy/superset/superset_config.py', 'bi');
    f.l('import os', '');
    const k = b64(42);
    f.s(`SECRET_KEY = "${k}"`, 'generic', k);
    f.d('PREVIOUS_SECRET_KEY = "CHANGE_ME_TO_A_COMPLEX_RANDOM_SECRET"', 'shipped placeholder');
    const a = upw();
    f.s(
      `SQLALCHEMY_DATABASE_URI = "postgresql+psycopg2://superset:${a}@${host('pg-bi')}:5432/superset"`,
      'database',
      a,
    );
    f.d('RESULTS_BACKEND_URI = os.environ["SUPERSET_RESULTS_URI"]', 'env reference');
    f.d('SQLALCHEMY_EXAMPLES_URI = "sqlite:////app/superset_home/examples.db"', 'sqlite path');
  }
  {
    const f = repo.file('deploy/metabase/metabase.env', 'bi');
    f.l('MB_DB_TYPE=postgres', 'MB_DB_DBNAME=metabase', `MB_DB_HOST=${host('pg-bi')}`, 'MB_DB_USER=metabase');
    const a = upw();
    f.s(`MB_DB_PASS=${a}`, 'generic', a);
    const k = b64(32);
    f.s(`MB_ENCRYPTION_SECRET_KEY=${k}`, 'generic', k);
    const c = upw();
    f.s(
      `MB_DB_CONNECTION_URI=postgres://${host('pg-bi')}:5432/metabase?user=metabase&password=${c}&ssl=true&sslmode=require`,
      'database',
      c,
    );
    f.d('MB_SITE_URL=https://bi.acme-corp.io', 'url');
  }
  {
    const f = repo.file('deploy/redash/.env', 'bi');
    f.l('PYTHONUNBUFFERED=0', 'REDASH_LOG_LEVEL=INFO');
    const a = t.hex(32);
    f.s(`REDASH_COOKIE_SECRET=${a}`, 'generic', a);
    const b = t.hex(32);
    f.s(`REDASH_SECRET_KEY=${b}`, 'generic', b);
    const c = upw();
    f.s(`REDASH_DATABASE_URL=postgresql://redash:${c}@${host('pg-bi')}/redash`, 'database', c);
    f.d('REDASH_REDIS_URL=redis://redis:6379/0', 'redis url without password');
  }

  // ---------------------------------------------------------------- Liquibase / Flyway
  {
    const f = repo.file('db/liquibase/liquibase.properties', 'migrations');
    f.l('changeLogFile: changelog/db.changelog-master.yaml');
    f.d(`url: jdbc:postgresql://${host('pg-primary')}:5432/orders`, 'jdbc url without password');
    f.l('username: liquibase');
    const a = pw();
    f.s(`password: ${a}`, 'generic', a);
    f.d('referencePassword: ${REF_DB_PASSWORD}', 'variable');
  }
  {
    const f = repo.file('db/flyway/conf/flyway.conf', 'migrations');
    const a = upw();
    f.s(
      `flyway.url=jdbc:sqlserver://sql-prod01:1433;databaseName=orders;user=flyway;password=${a};encrypt=true`,
      'database',
      a,
    );
    f.l('flyway.user=flyway');
    const b = upw();
    f.s(`flyway.password=${b}`, 'generic', b);
    f.d('flyway.placeholders.appPassword=${APP_DB_PASSWORD}', 'variable');
    f.l('flyway.locations=filesystem:sql');
  }
  {
    const f = repo.file('db/flyway/flyway.toml', 'migrations');
    f.l('[environments.prod]', 'url = "jdbc:postgresql://pg-primary:5432/orders"', 'user = "flyway"');
    f.d('password = "${env.FLYWAY_PROD_PASSWORD}"', 'flyway env resolver');
    f.l('', '[environments.staging]', 'url = "jdbc:postgresql://pg-staging:5432/orders"', 'user = "flyway"');
    const a = pw().replace(/"/g, '');
    f.s(`password = "${a}"`, 'generic', a);
  }

  // ---------------------------------------------------------------- Prisma / PlanetScale
  {
    const f = repo.file('services/api/prisma/.env', 'prisma');
    const a = upw();
    f.s(
      `DATABASE_URL="postgresql://api:${a}@${host('pg-primary')}:5432/api?schema=public&connection_limit=10"`,
      'database',
      a,
    );
    const b = upw();
    f.s(`SHADOW_DATABASE_URL="mysql://root:${b}@mysql-shadow.ci.acme-corp.internal:3306/shadow"`, 'database', b);
    const k = prismaKey();
    f.s(`ACCELERATE_URL="prisma://accelerate.prisma-data.net/?api_key=${k}"`, 'prisma', k);
    const ps = pscalePw();
    f.s(
      `PLANETSCALE_URL="mysql://${t.lower(12)}:${ps}@aws.connect.psdb.cloud/catalog?sslaccept=strict"`,
      'planetscale',
      ps,
    );
    f.d('DIRECT_URL="${DATABASE_URL}"', 'variable');
  }

  // ---------------------------------------------------------------- SQLAlchemy / JDBC / ODBC
  {
    const f = repo.file('services/etl/app/db.py', 'drivers');
    f.l('import os', 'import pyodbc', 'from sqlalchemy import create_engine', 'from sqlalchemy.engine import URL', '');
    const a = upw();
    f.s(
      `warehouse = create_engine("postgresql+psycopg2://etl:${a}@${host('pg-dw')}:5432/dw", pool_pre_ping=True)`,
      'database',
      a,
    );
    const b = upw();
    f.s(
      `legacy = create_engine("mssql+pyodbc://etl_legacy:${b}@sql-legacy01:1433/erp?driver=ODBC+Driver+18+for+SQL+Server")`,
      'database',
      b,
    );
    f.d('cache = create_engine("sqlite:////var/lib/etl/cache.db")', 'sqlite path');
    f.d(
      'reporting = create_engine(URL.create("postgresql+psycopg2", username="rpt", password=os.environ["RPT_DB_PASSWORD"], host="pg-rpt"))',
      'env reference',
    );
    const c = upw();
    f.s(
      `erp = pyodbc.connect("Driver={ODBC Driver 18 for SQL Server};Server=tcp:erp-sql01,1433;Database=ERP;Uid=erp_read;Pwd=${c};Encrypt=yes;")`,
      'database',
      c,
    );
    const d = upw();
    f.s(
      `oracle = create_engine("oracle+oracledb://app_batch:${d}@${host('ora-scan')}:1521/?service_name=APPDB")`,
      'database',
      d,
    );
  }
  {
    const f = repo.file('services/billing/src/main/resources/application-prod.properties', 'drivers');
    const a = upw();
    f.s(
      `spring.datasource.url=jdbc:mysql://${host('mysql-primary')}:3306/billing?user=billing&password=${a}&useSSL=true&serverTimezone=UTC`,
      'database',
      a,
    );
    const b = upw();
    f.s(`spring.datasource.password=${b}`, 'generic', b);
    f.d('spring.datasource.username=${DB_USER:billing}', 'variable with default user');
    const c = upw();
    f.s(
      `reports.datasource.url=jdbc:postgresql://${host('pg-rpt')}:5432/reports?user=rpt&password=${c}&ssl=true`,
      'database',
      c,
    );
    const d = upw();
    f.s(`archive.datasource.url=jdbc:oracle:thin:archive/${d}@//${host('ora-scan')}:1521/ARCH`, 'database', d);
    f.d('flyway.password=${FLYWAY_PASSWORD}', 'variable');
  }
  {
    const f = repo.file('ops/home/.odbc.ini', 'drivers');
    f.l(
      '[warehouse]',
      'Driver = ODBC Driver 18 for SQL Server',
      'Server = tcp:sql-dw01,1433',
      'Database = DW',
      'UID = dw_reader',
    );
    const a = upw();
    f.s(`PWD = ${a}`, 'generic', a);
    f.l('', '[local]', 'Driver = ODBC Driver 18 for SQL Server', 'Server = localhost');
    f.d('Trusted_Connection = yes', 'trusted connection');
    f.l('', '[pg-analytics]', 'Driver = PostgreSQL Unicode', `Servername = ${host('pg-analytics')}`, 'Username = odbc');
    const b = pw();
    f.s(`Password = ${b}`, 'generic', b);
  }

  // ---------------------------------------------------------------- compose files
  {
    const f = repo.file('deploy/compose/docker-compose.prod.yml', 'compose');
    f.l('services:', '  postgres:', '    image: postgres:16', '    environment:', '      POSTGRES_USER: orders');
    const a = upw();
    f.s(`      POSTGRES_PASSWORD: ${a}`, 'generic', a);
    f.l('  mongo:', '    image: mongo:7', '    environment:', '      MONGO_INITDB_ROOT_USERNAME: root');
    const b = upw();
    f.s(`      MONGO_INITDB_ROOT_PASSWORD: "${b}"`, 'generic', b);
    f.l(
      '  mssql:',
      '    image: mcr.microsoft.com/mssql/server:2022-latest',
      '    environment:',
      '      - ACCEPT_EULA=Y',
    );
    const c = upw();
    f.s(`      - MSSQL_SA_PASSWORD=${c}`, 'generic', c);
    f.l('  mariadb:', '    image: mariadb:11', '    environment:');
    const d = upw();
    f.s(`      MARIADB_ROOT_PASSWORD: ${d}`, 'generic', d);
    f.d('      MARIADB_PASSWORD_FILE: /run/secrets/mariadb_app', 'secret file path');
  }
  {
    const f = repo.file('tests/integration/docker-compose.test.yml', 'compose');
    f.l('# throwaway containers for the integration tests; ports bound to 127.0.0.1 only');
    f.l('services:', '  pg:', '    image: postgres:16', '    ports: ["127.0.0.1:55432:5432"]', '    environment:');
    f.d('      POSTGRES_PASSWORD: postgres', 'test container default');
    f.l('  mysql:', '    image: mysql:8.4', '    environment:');
    f.d('      MYSQL_ROOT_PASSWORD: root', 'test container default');
    f.l('  mssql:', '    image: mcr.microsoft.com/mssql/server:2022-latest', '    environment:');
    f.d('      MSSQL_SA_PASSWORD: "yourStrong(!)Password"', 'microsoft documented sample password');
    f.l('  app:', '    environment:');
    f.d('      DATABASE_URL: postgres://postgres:postgres@pg:5432/postgres', 'test container default');
  }

  // ---------------------------------------------------------------- docs
  {
    const f = repo.file('docs/runbooks/databases.md', 'docs');
    f.l('# Database access', '', '## Local', '');
    f.d('Connect with `psql postgresql://user:password@localhost:5432/app` (the compose defaults).', 'placeholder');
    f.d('The Oracle sample schemas use `hr/hr` and `scott/tiger`; never enable them in prod.', 'sample schema');
    f.l('', '## Staging read replica', '');
    const a = upw();
    f.s(
      `Until the vault migration: \`psql "postgresql://ro_staging:${a}@pg-replica.staging.acme-corp.internal/orders"\``,
      'database',
      a,
    );
    const b = upw();
    f.s(`- Redis staging: \`redis-cli -h redis.staging.acme-corp.internal -a ${b}\``, 'generic', b);
    f.d('- MongoDB: ask #dba for `{{ mongo_admin_password }}` from the vault.', 'template reference');
  }

  return repo;
}
