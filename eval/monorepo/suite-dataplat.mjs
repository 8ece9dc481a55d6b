// Red-team suite "dataplat": data platform and middleware server configs as operators write them:
// Kafka (server.properties, JAAS, client.properties, Connect/Debezium connector JSON, Schema
// Registry), RabbitMQ, NATS (.creds, nkeys, server.conf), Redis, MongoDB, Elasticsearch/Kibana/
// Logstash/OpenSearch, Fluentd/Fluent Bit, Vector, Telegraf, InfluxDB, ClickHouse, Cassandra,
// Postgres/pgbouncer, MySQL, Airbyte/Meltano, Superset, Metabase, Trino, Hive/Hue, ZooKeeper, Flink.
// Decoys are what those files really hold: hashes the products store, env and config-provider
// references, commented defaults, cluster ids, public nkeys, masked values in logs.
import { ALNUM, BASE32, B64, UPPER, URLSAFE, Repo, makeTokens, mulberry32 } from './generate.mjs';

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 4241 + 733);
  const t = makeTokens(rand);
  const repo = new Repo();
  const one = (list) => list[Math.floor(rand() * list.length)];
  const human = () =>
    `${one(['Kafka', 'Broker', 'Stream', 'Rabbit', 'Elastic', 'Cluster', 'Warehouse'])}${one(['2024', '2025', '2026'])}${one(['!', '#', '$', '@'])}${t.digits(2)}`;
  const pw = () => (rand() < 0.4 ? human() : rand() < 0.5 ? t.password() : t.alnum(18 + Math.floor(rand() * 8)));
  const upw = () => (rand() < 0.5 ? t.password().replace(/[^A-Za-z0-9]/g, '') : t.alnum(20));
  const bytes = (n) => Buffer.from(Array.from({ length: n }, () => Math.floor(rand() * 256)));
  const b64 = (n) => bytes(n).toString('base64');
  const natsKey = (p) => `${p}${t.mixed(BASE32, 58 - p.length)}`;
  const influx = () => `${t.mixed(URLSAFE, 86)}==`;
  const esApiKey = () => Buffer.from(`${t.mixed(URLSAFE, 20)}:${t.mixed(URLSAFE, 22)}`).toString('base64');
  const esService = (svc) =>
    Buffer.from(`\u0000\u0001\u0000\u0001elastic/${svc}/token_${t.lower(6)}:${t.mixed(URLSAFE, 22)}`).toString(
      'base64',
    );
  const bcrypt = (c = '2y') => `$${c}$12$${t.mixed(ALNUM + './', 53)}`;
  const confluentKey = () => t.mixed(UPPER + '0123456789', 16);
  const confluentSecret = () => t.mixed(B64, 64);
  const vault = () => `hvs.${t.mixed(URLSAFE, 90)}`;

  // ---------------------------------------------------------------- Kafka brokers
  {
    const sp = repo.file('platform/kafka/broker/server.properties', 'kafka');
    sp.l(
      '############################# Server Basics #############################',
      'process.roles=broker,controller',
      'node.id=1',
      'controller.quorum.voters=1@kafka-0:9093,2@kafka-1:9093,3@kafka-2:9093',
      'listeners=SASL_SSL://:9092,CONTROLLER://:9093',
      'advertised.listeners=SASL_SSL://kafka-0.data.acme-corp.io:9092',
      'listener.security.protocol.map=CONTROLLER:SASL_SSL,SASL_SSL:SASL_SSL',
      'sasl.enabled.mechanisms=SCRAM-SHA-512,PLAIN',
      'sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512',
    );
    const ib = pw();
    sp.s(
      `listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="broker" password="${ib}";`,
      'generic',
      ib,
    );
    const plainAdmin = upw();
    const plainAlice = upw();
    sp.s(
      [
        'listener.name.sasl_ssl.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required \\',
        '    username="admin" \\',
        `    password="${plainAdmin}" \\`,
      ],
      'generic',
      plainAdmin,
    );
    sp.s(`    user_alice="${plainAlice}";`, 'generic', plainAlice);
    sp.l('ssl.keystore.type=PKCS12', 'ssl.keystore.location=/etc/kafka/secrets/kafka-0.keystore.p12');
    const ks = pw();
    sp.s(`ssl.keystore.password=${ks}`, 'generic', ks);
    const kp = pw();
    sp.s(`ssl.key.password = ${kp}`, 'generic', kp);
    sp.l('ssl.truststore.location=/etc/kafka/secrets/truststore.jks');
    sp.d('ssl.truststore.password=changeit', 'JDK default truststore password');
    sp.d('#ssl.keystore.password=<keystore-password>', 'commented placeholder');
    sp.l('log.dirs=/var/lib/kafka/data', 'num.partitions=12', 'default.replication.factor=3');
    sp.d('authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer', 'class name');
    sp.d('super.users=User:broker;User:admin', 'principal list');

    const meta = repo.file('platform/kafka/broker/data/meta.properties', 'kafka');
    meta.l('#', '#Tue Nov 25 10:14:02 UTC 2026', 'version=1', 'node.id=1');
    meta.d(`cluster.id=${bytes(16).toString('base64url')}`, 'KRaft cluster id');
    meta.d(`directory.id=${bytes(16).toString('base64url')}`, 'KRaft directory id');

    const jaas = repo.file('platform/kafka/broker/kafka_server_jaas.conf', 'kafka');
    const a1 = pw();
    const a2 = upw();
    const a3 = upw();
    jaas.l(
      'KafkaServer {',
      '    org.apache.kafka.common.security.plain.PlainLoginModule required',
      '    username="admin"',
    );
    jaas.s(`    password="${a1}"`, 'generic', a1);
    jaas.s(`    user_admin="${a2}"`, 'generic', a2);
    jaas.s(`    user_connect="${a3}";`, 'generic', a3);
    jaas.l(
      '};',
      '',
      'Client {',
      '    org.apache.zookeeper.server.auth.DigestLoginModule required',
      '    username="kafka"',
    );
    const zk = pw();
    jaas.s(`    password="${zk}";`, 'generic', zk);
    jaas.l('};');

    const zkj = repo.file('platform/zookeeper/conf/zookeeper_jaas.conf', 'kafka');
    const zs = upw();
    const zk2 = pw();
    zkj.l('Server {', '    org.apache.zookeeper.server.auth.DigestLoginModule required');
    zkj.s(`    user_super="${zs}"`, 'generic', zs);
    zkj.s(`    user_kafka="${zk2}";`, 'generic', zk2);
    zkj.l('};');
    const zcfg = repo.file('platform/zookeeper/conf/zoo.cfg', 'kafka');
    zcfg.l('tickTime=2000', 'dataDir=/var/lib/zookeeper', 'clientPort=2181');
    zcfg.l('authProvider.sasl=org.apache.zookeeper.server.auth.SASLAuthenticationProvider');
    zcfg.d(
      `# DigestAuthenticationProvider.superDigest=super:${bytes(20).toString('base64')}`,
      'digest (sha1 of user:password)',
    );
    zcfg.d(`DigestAuthenticationProvider.superDigest=super:${bytes(20).toString('base64')}`, 'digest hash');
    const zkcli = repo.file('platform/zookeeper/bin/acl-bootstrap.sh', 'kafka');
    zkcli.l('#!/usr/bin/env bash', 'set -e');
    const zcp = upw();
    zkcli.s(
      `zookeeper-shell.sh zk-0:2181 <<EOF\naddauth digest super:${zcp}\nsetAcl /kafka sasl:kafka:cdrwa\nEOF`,
      'generic',
      zcp,
    );
    zkcli.d(`setAcl /config digest:ops:${bytes(20).toString('base64')}:rwcda`, 'digest ACL hash');

    const cp = repo.file('platform/kafka/clients/client.properties', 'kafka');
    cp.l(
      'bootstrap.servers=kafka-0.data.acme-corp.io:9092',
      'security.protocol=SASL_SSL',
      'sasl.mechanism=SCRAM-SHA-512',
    );
    const c1 = pw();
    cp.s(
      `sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username='orders-svc' password='${c1}';`,
      'generic',
      c1,
    );
    cp.l('ssl.truststore.location=/etc/kafka/truststore.jks');
    const tsp = pw();
    cp.s(`ssl.truststore.password=${tsp}   # rotated 2026-10`, 'generic', tsp);

    const cc = repo.file('platform/kafka/clients/confluent-cloud.properties', 'kafka');
    cc.l(
      '# Confluent Cloud, cluster lkc-7yq2m0 (us-east-1)',
      'bootstrap.servers=pkc-921jm.us-east-1.aws.confluent.cloud:9092',
    );
    cc.l('security.protocol=SASL_SSL', 'sasl.mechanism=PLAIN');
    const ck = confluentKey();
    const cs = confluentSecret();
    cc.s(
      `sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="${ck}" password="${cs}";`,
      'generic',
      cs,
    );
    cc.l(
      'schema.registry.url=https://psrc-8kz20.us-east-2.aws.confluent.cloud',
      'basic.auth.credentials.source=USER_INFO',
    );
    const sk = confluentKey();
    const ss = confluentSecret();
    cc.s(`basic.auth.user.info=${sk}:${ss}`, 'generic', ss);
    cc.d('# basic.auth.user.info={{ SR_API_KEY }}:{{ SR_API_SECRET }}', 'template reference');

    const ccr = repo.file('platform/kafka/clients/consumer.conf', 'kafka');
    ccr.l(
      '# librdkafka / kcat config',
      'bootstrap.servers=kafka-0:9092',
      'security.protocol=sasl_ssl',
      'sasl.mechanisms=SCRAM-SHA-256',
    );
    ccr.l('sasl.username=analytics-reader');
    const lr = pw();
    ccr.s(`sasl.password=${lr}`, 'generic', lr);
    ccr.d('sasl.oauthbearer.client.id=0oa8x2kq7bN1sLx4e5d7', 'oauth client id');
    ccr.d('ssl.ca.location=/etc/ssl/certs/ca-bundle.crt', 'file path');

    const ssh = repo.file('platform/kafka/scripts/create-scram-users.sh', 'kafka');
    ssh.l('#!/usr/bin/env bash', 'set -euo pipefail', 'BOOTSTRAP=kafka-0:9092');
    const su1 = pw().replace(/[$'"\\]/g, '');
    ssh.s(
      `kafka-configs.sh --bootstrap-server "$BOOTSTRAP" --command-config admin.properties --alter --add-config 'SCRAM-SHA-512=[iterations=8192,password=${su1}]' --entity-type users --entity-name orders-svc`,
      'generic',
      su1,
    );
    ssh.d(
      `kafka-configs.sh --bootstrap-server "$BOOTSTRAP" --alter --add-config "SCRAM-SHA-512=[password=\${ANALYTICS_PW}]" --entity-type users --entity-name analytics-reader`,
      'shell variable',
    );
    ssh.d(
      `# salted: SCRAM-SHA-512=[salt=${b64(24)},stored_key=${b64(64)},server_key=${b64(64)},iterations=8192]`,
      'SCRAM stored credential (hashes)',
    );

    const hv = repo.file('deploy/helm/kafka/values-prod.yaml', 'kafka');
    hv.l(
      '# bitnami/kafka',
      'listeners:',
      '  client:',
      '    protocol: SASL_SSL',
      'sasl:',
      '  client:',
      '    users:',
      '      - orders-svc',
      '      - analytics-reader',
      '    passwords:',
    );
    const hp1 = pw().replace(/[,"]/g, '');
    const hp2 = pw().replace(/[,"]/g, '');
    hv.s(`      - "${hp1}"`, 'generic', hp1);
    hv.s(`      - "${hp2}"`, 'generic', hp2);
    hv.l('  interbroker:', '    user: inter_broker_user');
    const hib = upw();
    hv.s(`    password: ${hib}`, 'generic', hib);
    hv.d('  existingSecret: kafka-sasl-passwords', 'secret reference');
    hv.l('tls:', '  type: JKS');
    hv.d('  keystorePassword: ""', 'empty');
    hv.d('  passwordsSecret: "{{ .Release.Name }}-tls-passwords"', 'helm template');
  }

  // ---------------------------------------------------------------- Kafka Connect / Debezium
  {
    const dz = repo.file('platform/connect/connectors/inventory-mysql-cdc.json', 'connect');
    const dp = pw().replace(/"/g, '');
    dz.l(
      '{',
      '  "name": "inventory-mysql-cdc",',
      '  "config": {',
      '    "connector.class": "io.debezium.connector.mysql.MySqlConnector",',
      '    "tasks.max": "1",',
      '    "database.hostname": "mysql-inventory.data.svc",',
      '    "database.port": "3306",',
      '    "database.user": "debezium",',
    );
    dz.s(`    "database.password": "${dp}",`, 'generic', dp);
    dz.l(`    "database.server.id": "${t.digits(6)}",`, '    "topic.prefix": "inventory",');
    dz.l('    "schema.history.internal.kafka.bootstrap.servers": "kafka-0:9092",');
    const hsp = upw();
    dz.s(
      `    "schema.history.internal.producer.sasl.jaas.config": "org.apache.kafka.common.security.plain.PlainLoginModule required username=\\"connect\\" password=\\"${hsp}\\";",`,
      'generic',
      hsp,
    );
    dz.l('    "include.schema.changes": "true"', '  }', '}');

    const dz2 = repo.file('platform/connect/connectors/billing-postgres-cdc.json', 'connect');
    dz2.l(
      '{',
      '  "name": "billing-postgres-cdc",',
      '  "config": {',
      '    "connector.class": "io.debezium.connector.postgresql.PostgresConnector",',
      '    "database.hostname": "pg-billing.data.svc",',
      '    "database.user": "cdc_reader",',
    );
    dz2.d(
      '    "database.password": "${file:/opt/kafka/external-configuration/billing-db/credentials.properties:password}",',
      'config provider reference',
    );
    dz2.d('    "database.sslpassword": "${secrets:data/billing-cdc:sslpassword}",', 'config provider reference');
    dz2.l('    "plugin.name": "pgoutput",', '    "slot.name": "billing_cdc",');
    dz2.d(`    "publication.name": "dbz_publication_${t.hex(8)}",`, 'name with hex');
    dz2.l('    "database.dbname": "billing"', '  }', '}');

    const jdbc = repo.file('platform/connect/connectors/warehouse-jdbc-sink.json', 'connect');
    const jp = upw();
    const jp2 = pw().replace(/"/g, '');
    jdbc.l(
      '{',
      '  "name": "warehouse-jdbc-sink",',
      '  "config": {',
      '    "connector.class": "io.confluent.connect.jdbc.JdbcSinkConnector",',
    );
    jdbc.s(
      `    "connection.url": "jdbc:postgresql://dwh.data.acme-corp.io:5432/analytics?user=kconnect&password=${jp}&sslmode=require",`,
      'database',
      jp,
    );
    jdbc.l('    "connection.user": "kconnect",');
    jdbc.s(`    "connection.password": "${jp2}",`, 'generic', jp2);
    jdbc.l('    "topics.regex": "inventory\\\\..*",', '    "auto.create": "true"', '  }', '}');

    const s3 = repo.file('platform/connect/connectors/s3-archive-sink.json', 'connect');
    const aid = t.awsId();
    const asec = t.awsSecret();
    s3.l(
      '{',
      '  "name": "s3-archive-sink",',
      '  "config": {',
      '    "connector.class": "io.confluent.connect.s3.S3SinkConnector",',
      '    "s3.bucket.name": "acme-kafka-archive",',
      '    "s3.region": "us-east-1",',
    );
    s3.s(`    "aws.access.key.id": "${aid}",`, 'aws', aid);
    s3.s(`    "aws.secret.access.key": "${asec}",`, 'aws', asec);
    s3.l('    "flush.size": "10000"', '  }', '}');

    const sf = repo.file('platform/connect/connectors/snowflake-sink.json', 'connect');
    const p8 = t.pkcs8Pem();
    const body = p8.slice(1, -1).join('');
    const pass = upw();
    sf.l(
      '{',
      '  "name": "snowflake-sink",',
      '  "config": {',
      '    "connector.class": "com.snowflake.kafka.connector.SnowflakeSinkConnector",',
      '    "snowflake.url.name": "acme-xy12345.snowflakecomputing.com:443",',
      '    "snowflake.user.name": "KAFKA_CONNECTOR",',
    );
    sf.s(`    "snowflake.private.key": "${body}",`, 'private-key', body);
    sf.s(`    "snowflake.private.key.passphrase": "${pass}",`, 'generic', pass);
    sf.l('    "snowflake.database.name": "RAW"', '  }', '}');

    const wk = repo.file('platform/connect/worker/connect-distributed.properties', 'connect');
    wk.l(
      'bootstrap.servers=kafka-0:9092,kafka-1:9092',
      'group.id=connect-cluster',
      'config.providers=file,vault',
      'config.providers.file.class=org.apache.kafka.common.config.provider.FileConfigProvider',
    );
    wk.l(
      'config.providers.vault.class=com.github.jcustenborder.kafka.config.vault.VaultConfigProvider',
      'config.providers.vault.param.vault.address=https://vault.acme-corp.io:8200',
    );
    const vt = vault();
    wk.s(`config.providers.vault.param.vault.token=${vt}`, 'vault', vt);
    const wp = pw();
    wk.s(
      `producer.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="connect" password="${wp}";`,
      'generic',
      wp,
    );
    wk.d(
      'consumer.sasl.jaas.config=${file:/etc/kafka/secrets/connect-jaas.properties:sasl.jaas.config}',
      'config provider',
    );
    wk.l(
      'rest.advertised.host.name=connect-0',
      'rest.extension.classes=org.apache.kafka.connect.rest.basic.auth.extension.BasicAuthSecurityRestExtension',
    );

    const deploy = repo.file('platform/connect/scripts/deploy-connectors.sh', 'connect');
    deploy.l('#!/bin/sh', 'set -e', 'CONNECT=https://connect.data.acme-corp.io');
    const cu = upw();
    deploy.s(
      `curl -sf -u connect-admin:${cu} -X PUT -H 'Content-Type: application/json' "$CONNECT/connectors/inventory-mysql-cdc/config" -d @connectors/inventory-mysql-cdc.json`,
      'generic',
      cu,
    );
    deploy.d('curl -sf -u "connect-admin:$CONNECT_PASSWORD" "$CONNECT/connectors?expand=status"', 'shell variable');

    const log = repo.file('platform/connect/logs/connect-2026-11-29.log', 'connect');
    log.l(
      '[2026-11-29 04:11:02,118] INFO Kafka Connect worker initialization took 3912ms (org.apache.kafka.connect.cli.AbstractConnectCli)',
    );
    log.d('[2026-11-29 04:11:03,004] INFO 	database.password = ********', 'masked');
    log.d('[2026-11-29 04:11:03,004] INFO 	sasl.jaas.config = [hidden]', 'masked');
    log.d('[2026-11-29 04:11:03,005] INFO 	ssl.keystore.password = [hidden]', 'masked');
    const leak = upw();
    log.s(
      `[2026-11-29 04:12:41,770] ERROR Failed to connect: jdbc:mysql://mysql-inventory.data.svc:3306/?user=debezium&password=${leak} (io.debezium.jdbc.JdbcConnection)`,
      'database',
      leak,
    );
    log.d(
      `[2026-11-29 04:12:42,001] INFO [Worker clientId=connect-1, groupId=connect-cluster] Joined group at generation 41 with protocol version 2 and got assignment: Assignment{error=0, leader='connect-1-${t.uuid()}'}`,
      'uuid member id',
    );
  }

  // ---------------------------------------------------------------- Schema Registry
  {
    const sr = repo.file('platform/schema-registry/schema-registry.properties', 'kafka');
    sr.l(
      'listeners=https://0.0.0.0:8081',
      'kafkastore.bootstrap.servers=SASL_SSL://kafka-0:9092',
      'kafkastore.security.protocol=SASL_SSL',
      'kafkastore.sasl.mechanism=PLAIN',
    );
    const kp = upw();
    sr.s(
      `kafkastore.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="schemaregistry" password="${kp}";`,
      'generic',
      kp,
    );
    sr.l('authentication.method=BASIC', 'authentication.realm=SchemaRegistry', 'authentication.roles=admin,developer');
    sr.d('ssl.keystore.password=${SR_KEYSTORE_PASSWORD}', 'env reference');
    const pf = repo.file('platform/schema-registry/password.properties', 'kafka');
    pf.l('# Jetty HashLoginService: user: password[,role...]');
    const jp = upw();
    pf.s(`admin: ${jp},admin`, 'generic', jp);
    pf.d(`ci-bot: MD5:${t.hex(32)},developer`, 'jetty MD5 hash');
    pf.d(`readonly: OBF:${t.pick('0123456789abcdefghijklmnopqrstuvwxyz', 36)},developer`, 'jetty obfuscated value');
  }

  // ---------------------------------------------------------------- RabbitMQ
  {
    const rc = repo.file('platform/rabbitmq/rabbitmq.conf', 'rabbitmq');
    rc.l(
      'listeners.tcp = none',
      'listeners.ssl.default = 5671',
      'ssl_options.cacertfile = /etc/rabbitmq/ca.pem',
      'ssl_options.certfile = /etc/rabbitmq/server.pem',
      'ssl_options.keyfile = /etc/rabbitmq/server.key',
    );
    const kfp = pw();
    rc.s(`ssl_options.password = ${kfp}`, 'generic', kfp);
    rc.l('default_user = platform-admin');
    const dp = pw();
    rc.s(`default_pass = ${dp}`, 'generic', dp);
    rc.d('# default_pass = guest', 'commented default');
    rc.l('management.tcp.port = 15672', 'cluster_formation.peer_discovery_backend = k8s');
    rc.d(`default_pass = encrypted:${b64(48)}`, 'advanced.config-encrypted value');
    const lb = upw();
    rc.l(
      'auth_backends.1 = ldap',
      'auth_ldap.servers.1 = ldap.acme-corp.io',
      'auth_ldap.dn_lookup_bind.user_dn = cn=rabbit,ou=svc,dc=acme,dc=io',
    );
    rc.s(`auth_ldap.dn_lookup_bind.password = ${lb}`, 'generic', lb);

    const df = repo.file('platform/rabbitmq/definitions.json', 'rabbitmq');
    df.l('{', '  "rabbit_version": "3.13.7",', '  "users": [', '    {', '      "name": "orders",');
    df.d(`      "password_hash": "${b64(36)}",`, 'rabbitmq salted sha256 hash');
    df.l(
      '      "hashing_algorithm": "rabbit_password_hashing_sha256",',
      '      "tags": []',
      '    },',
      '    {',
      '      "name": "legacy-importer",',
    );
    const dfp = pw().replace(/"/g, '');
    df.s(`      "password": "${dfp}",`, 'generic', dfp);
    df.l('      "tags": ["management"]', '    }', '  ],', '  "vhosts": [{ "name": "/" }, { "name": "orders" }],');
    df.l(
      '  "parameters": [',
      '    {',
      '      "component": "shovel",',
      '      "name": "orders-to-dr",',
      '      "vhost": "orders",',
      '      "value": {',
    );
    const shv = upw();
    df.s(`        "src-uri": "amqps://shovel:${shv}@rabbit-0.data.acme-corp.io:5671/orders",`, 'database', shv);
    df.d(
      '        "dest-uri": "amqps://rabbit-dr.data.acme-corp.io:5671/orders?auth_mechanism=external",',
      'uri without credentials',
    );
    df.l('        "src-queue": "orders.events"', '      }', '    }', '  ]', '}');

    const ck = repo.file('platform/rabbitmq/.erlang.cookie', 'rabbitmq');
    const cookie = t.pick(UPPER, 20);
    ck.s(cookie, 'generic', cookie);

    const py = repo.file('services/orders/orders/messaging.py', 'rabbitmq');
    py.l('import os', 'import pika', '');
    const p1 = upw();
    py.s(
      `AMQP_URL = os.getenv("AMQP_URL", "amqp://orders:${p1}@rabbit-0.data.acme-corp.io:5672/orders")`,
      'database',
      p1,
    );
    const p2 = pw().replace(/"/g, '');
    py.s(`credentials = pika.PlainCredentials("orders-worker", "${p2}")`, 'generic', p2);
    py.d('credentials = pika.PlainCredentials("guest", "guest")  # local docker only', 'documented default');
    py.l('params = pika.ConnectionParameters("rabbit-0", 5672, "orders", credentials)');
  }

  // ---------------------------------------------------------------- NATS
  {
    const cr = repo.file('platform/nats/creds/ingest-worker.creds', 'nats');
    const seedU = natsKey('SUA');
    const jwtHeader = Buffer.from(JSON.stringify({ typ: 'JWT', alg: 'ed25519-nkey' })).toString('base64url');
    const userJwt = `${jwtHeader}.${Buffer.from(JSON.stringify({ jti: t.mixed(BASE32, 52), iat: 1764547200, iss: natsKey('A'), name: 'ingest-worker', sub: natsKey('U'), nats: { pub: {}, sub: {}, type: 'user', version: 2 } })).toString('base64url')}.${t.mixed(URLSAFE, 86)}`;
    cr.l('-----BEGIN NATS USER JWT-----');
    cr.d(userJwt, 'NATS user JWT (signed claims; bearer only with the seed)');
    cr.l(
      '------END NATS USER JWT------',
      '',
      '************************* IMPORTANT *************************',
      'NKEY Seed printed below can be used to sign and prove identity.',
      'NKEYs are sensitive and should be treated as secrets.',
      '',
      '-----BEGIN USER NKEY SEED-----',
    );
    cr.s(seedU, 'nats', seedU);
    cr.l('------END USER NKEY SEED------', '', '*************************************************************');

    const sc = repo.file('platform/nats/server.conf', 'nats');
    sc.l('port: 4222', 'http_port: 8222', 'server_name: nats-0', '', 'authorization {', '  users = [');
    const n1 = upw();
    sc.s(`    { user: "telemetry", password: "${n1}", permissions: { publish: "telemetry.>" } }`, 'generic', n1);
    sc.d(`    { user: "billing", password: "${bcrypt('2a').replace('$12$', '$11$')}" }`, 'bcrypt hash (nats passwd)');
    sc.d(`    { nkey: ${natsKey('U')} }`, 'public user nkey');
    sc.l('  ]', '}', '', 'cluster {', '  name: data', '  listen: 0.0.0.0:6222', '  authorization {', '    user: route');
    const n2 = upw();
    sc.s(`    password: ${n2}`, 'generic', n2);
    sc.l('  }');
    const n3 = upw();
    sc.s(`  routes = [ nats-route://route:${n3}@nats-1.nats:6222 ]`, 'generic', n3);
    sc.l('}', '', 'leafnodes {', '  remotes = [', '    {', '      url: "tls://connect.ngs.global"');
    sc.d('      credentials: "/etc/nats/creds/leaf.creds"', 'file path');
    sc.l('    }', '  ]', '}');
    sc.d(`system_account: ${natsKey('A')}`, 'public account nkey');

    const op = repo.file('platform/nats/resolver.conf', 'nats');
    op.l('# Operator acme-data');
    const opJwt = `${jwtHeader}.${Buffer.from(JSON.stringify({ jti: t.mixed(BASE32, 52), iat: 1764547200, iss: natsKey('O'), name: 'acme-data', sub: natsKey('O'), nats: { type: 'operator', version: 2 } })).toString('base64url')}.${t.mixed(URLSAFE, 86)}`;
    op.d(`operator: ${opJwt}`, 'operator JWT (public, signed claims)');
    op.l('resolver: MEMORY', 'resolver_preload: {');
    op.d(
      `  ${natsKey('A')}: "${jwtHeader}.${Buffer.from(JSON.stringify({ jti: t.mixed(BASE32, 52), name: 'SYS', nats: { type: 'account' } })).toString('base64url')}.${t.mixed(URLSAFE, 86)}"`,
      'account JWT (public)',
    );
    op.l('}');

    const gof = repo.file('services/telemetry/internal/bus/nats.go', 'nats');
    gof.l('package bus', '', 'import "github.com/nats-io/nats.go"', '', 'func Connect() (*nats.Conn, error) {');
    const gp = upw();
    gof.s(
      `\treturn nats.Connect("nats://telemetry:${gp}@nats-0.nats.data.svc:4222", nats.Name("telemetry"))`,
      'generic',
      gp,
    );
    gof.l('}', '', 'func ConnectCreds() (*nats.Conn, error) {');
    gof.d(
      '\treturn nats.Connect(nats.DefaultURL, nats.UserCredentials("/var/run/secrets/nats/user.creds"))',
      'file path',
    );
    gof.l('}', '', 'func ConnectNkey() (*nats.Conn, error) {');
    const ns2 = natsKey('SUA');
    gof.s(`\topt, err := nats.NkeyOptionFromSeed(nil) // seed: ${ns2}`, 'nats', ns2);
    gof.l('\tif err != nil {', '\t\treturn nil, err', '\t}', '\treturn nats.Connect(nats.DefaultURL, opt)', '}');
  }

  // ---------------------------------------------------------------- Redis
  {
    const rc = repo.file('platform/redis/redis.conf', 'redis');
    rc.l(
      'bind 0.0.0.0',
      'protected-mode yes',
      'port 6379',
      '',
      '################################## SECURITY ###################################',
      '',
    );
    rc.d('# requirepass foobared', 'commented default from redis.conf');
    const rp = pw().replace(/[\s"]/g, '');
    rc.s(`requirepass "${rp}"`, 'generic', rp);
    rc.d('# masterauth <master-password>', 'commented placeholder');
    const ma = upw();
    rc.s(`masterauth ${ma}`, 'generic', ma);
    rc.l('masteruser replica-user', 'aclfile /etc/redis/users.acl', 'maxmemory 4gb');

    const acl = repo.file('platform/redis/users.acl', 'redis');
    const a1 = upw();
    const a2 = pw().replace(/\s/g, '');
    acl.d(`user default on #${t.sha256()} ~* &* +@all`, 'sha256 hashed password');
    acl.s(`user cache-api on >${a1} ~cache:* resetchannels -@all +get +set +del +expire`, 'generic', a1);
    acl.s(`user replica-user on >${a2} +psync +replconf +ping`, 'generic', a2);
    acl.d('user metrics on nopass +info +ping', 'nopass');
    acl.d(`user old-worker off #${t.sha256()} ~jobs:* +@list`, 'sha256 hashed password');

    const sn = repo.file('platform/redis/sentinel.conf', 'redis');
    sn.l('port 26379', 'sentinel monitor mymaster 10.20.0.11 6379 2');
    const sp = upw();
    sn.s(`sentinel auth-pass mymaster ${sp}`, 'generic', sp);
    sn.d('# sentinel auth-pass <master-name> <password>', 'commented syntax');
    sn.l('sentinel down-after-milliseconds mymaster 5000');
    sn.d(`sentinel myid ${t.sha1()}`, 'sentinel run id');

    const js = repo.file('services/gateway/src/cache.ts', 'redis');
    js.l("import Redis from 'ioredis';", '');
    const jp = upw();
    js.s(`export const redis = new Redis('rediss://:${jp}@redis-master.data.acme-corp.io:6380/2');`, 'database', jp);
    const jp2 = pw().replace(/'/g, '');
    js.s(
      `export const sessions = new Redis({ host: 'redis-sessions', port: 6379, username: 'sessions', password: '${jp2}' });`,
      'generic',
      jp2,
    );
    js.d("export const local = new Redis({ password: process.env.REDIS_PASSWORD ?? '' });", 'env reference');
  }

  // ---------------------------------------------------------------- MongoDB
  {
    const mc = repo.file('platform/mongodb/mongod.conf', 'mongodb');
    mc.l(
      'storage:',
      '  dbPath: /var/lib/mongodb',
      'net:',
      '  port: 27017',
      '  bindIp: 0.0.0.0',
      '  tls:',
      '    mode: requireTLS',
      '    certificateKeyFile: /etc/ssl/mongodb.pem',
    );
    const cpw = pw().replace(/"/g, '');
    mc.s(`    certificateKeyFilePassword: "${cpw}"`, 'generic', cpw);
    mc.l('security:', '  authorization: enabled');
    mc.d('  keyFile: /etc/mongodb/keyfile', 'file path');
    mc.l('replication:', '  replSetName: rs0');
    const kf = repo.file('platform/mongodb/keyfile', 'mongodb');
    const kv = b64(756);
    kf.s(kv, 'generic', kv);

    const init = repo.file('platform/mongodb/init/01-users.js', 'mongodb');
    init.l("db = db.getSiblingDB('app');");
    const u1 = pw().replace(/'/g, '');
    init.s(`db.createUser({ user: 'app', pwd: '${u1}', roles: [{ role: 'readWrite', db: 'app' }] });`, 'generic', u1);
    init.d("db.createUser({ user: 'reporting', pwd: passwordPrompt(), roles: ['read'] });", 'interactive prompt');
    init.d(
      "db.createUser({ user: 'etl', pwd: process.env.MONGO_ETL_PASSWORD, roles: ['readWrite'] });",
      'env reference',
    );

    const mu = repo.file('services/catalog/config/settings.toml', 'mongodb');
    mu.l('[mongo]');
    const m1 = upw();
    mu.s(
      `uri = "mongodb+srv://catalog:${m1}@catalog-prod.${t.lower(5)}.mongodb.net/catalog?retryWrites=true&w=majority"`,
      'mongodb',
      m1,
    );
    const m2 = upw();
    mu.s(
      `analytics_uri = "mongodb://analytics:${m2}@mongo-0.data.svc:27017,mongo-1.data.svc:27017/?replicaSet=rs0&authSource=admin"`,
      'mongodb',
      m2,
    );
    mu.d('local_uri = "mongodb://localhost:27017/catalog"', 'uri without credentials');
    mu.d('docs_uri = "mongodb+srv://<username>:<password>@cluster0.example.mongodb.net/"', 'placeholder');
  }

  // ---------------------------------------------------------------- Elastic stack
  {
    const ey = repo.file('platform/elastic/elasticsearch.yml', 'elastic');
    ey.l(
      'cluster.name: logs-prod',
      'node.name: ${HOSTNAME}',
      'network.host: 0.0.0.0',
      'xpack.security.enabled: true',
      'xpack.security.http.ssl.enabled: true',
      'xpack.security.http.ssl.keystore.path: certs/http.p12',
    );
    const hk = pw();
    ey.s(`xpack.security.http.ssl.keystore.password: ${hk}`, 'generic', hk);
    ey.d('xpack.security.transport.ssl.keystore.secure_password: ${KEYSTORE_PASS}', 'env reference');
    ey.l(
      'xpack.security.authc.realms.ldap.ldap1.order: 0',
      'xpack.security.authc.realms.ldap.ldap1.url: "ldaps://ldap.acme-corp.io:636"',
      'xpack.security.authc.realms.ldap.ldap1.bind_dn: "cn=elastic,ou=svc,dc=acme,dc=io"',
    );
    const bp = pw();
    ey.s(
      `xpack.security.authc.realms.ldap.ldap1.bind_password: "${bp.replace(/"/g, '')}"`,
      'generic',
      bp.replace(/"/g, ''),
    );
    ey.d(`cluster.initial_master_nodes: ["es-0", "es-1", "es-2"]`, 'node list');

    const kb = repo.file('platform/elastic/kibana.yml', 'elastic');
    kb.l(
      'server.host: "0.0.0.0"',
      'server.publicBaseUrl: "https://kibana.acme-corp.io"',
      'elasticsearch.hosts: ["https://es.data.acme-corp.io:9200"]',
      'elasticsearch.username: "kibana_system"',
    );
    const kpw = pw().replace(/"/g, '');
    kb.s(`elasticsearch.password: "${kpw}"`, 'generic', kpw);
    const svc = esService('kibana');
    kb.s(`#elasticsearch.serviceAccountToken: "${svc}"`, 'generic', svc);
    const ek = t.alnum(32);
    kb.s(`xpack.encryptedSavedObjects.encryptionKey: "${ek}"`, 'generic', ek);
    const rk = t.alnum(32);
    kb.s(`xpack.reporting.encryptionKey: ${rk}`, 'generic', rk);
    kb.d('xpack.security.encryptionKey: "something_at_least_32_characters"', 'documented example value');
    kb.d(`elastic.apm.secretToken: \${APM_SECRET_TOKEN}`, 'env reference');

    const ls = repo.file('platform/elastic/logstash/pipeline/beats-to-es.conf', 'elastic');
    ls.l(
      'input {',
      '  beats { port => 5044 }',
      '  kafka {',
      '    bootstrap_servers => "kafka-0:9092"',
      '    topics => ["app-logs"]',
      '    security_protocol => "SASL_SSL"',
      '    sasl_mechanism => "PLAIN"',
    );
    const lk = upw();
    ls.s(
      `    sasl_jaas_config => "org.apache.kafka.common.security.plain.PlainLoginModule required username='logstash' password='${lk}';"`,
      'generic',
      lk,
    );
    ls.l(
      '  }',
      '}',
      'output {',
      '  elasticsearch {',
      '    hosts => ["https://es.data.acme-corp.io:9200"]',
      '    user => "logstash_writer"',
    );
    const lp = pw().replace(/"/g, '');
    ls.s(`    password => "${lp}"`, 'generic', lp);
    ls.l(
      '    index => "app-logs-%{+YYYY.MM.dd}"',
      '  }',
      '  elasticsearch {',
      '    hosts => ["https://es-archive:9200"]',
    );
    const idk = `${t.mixed(URLSAFE, 20)}:${t.mixed(URLSAFE, 22)}`;
    ls.s(`    api_key => "${idk}"`, 'generic', idk);
    ls.l('  }', '  elasticsearch {', '    hosts => ["https://es-dr:9200"]');
    ls.d('    password => "${ES_DR_PASSWORD}"', 'keystore/env reference');
    ls.l('  }', '}');

    const ly = repo.file('platform/elastic/logstash/logstash.yml', 'elastic');
    ly.l(
      'http.host: "0.0.0.0"',
      'xpack.monitoring.enabled: true',
      'xpack.monitoring.elasticsearch.username: logstash_system',
    );
    const lmp = upw();
    ly.s(`xpack.monitoring.elasticsearch.password: ${lmp}`, 'generic', lmp);
    ly.d(
      'xpack.monitoring.elasticsearch.cloud_id: "logs-prod:' +
        Buffer.from(`us-east-1.aws.found.io$${t.hex(32)}$${t.hex(32)}`).toString('base64') +
        '"',
      'Elastic Cloud id (public endpoint info)',
    );

    const os = repo.file('platform/opensearch/securityconfig/internal_users.yml', 'elastic');
    os.l('---', '_meta:', '  type: "internalusers"', '  config_version: 2', '', 'admin:');
    os.d(`  hash: "${bcrypt()}"`, 'bcrypt hash');
    os.l('  reserved: true', '  backend_roles:', '  - "admin"', '', 'dashboards_ro:');
    os.d(`  hash: "${bcrypt()}"`, 'bcrypt hash');
    os.l('  reserved: false');
    const esa = repo.file('services/search/app/es_client.py', 'elastic');
    esa.l('from elasticsearch import Elasticsearch', '');
    const akey = esApiKey();
    esa.s(`es = Elasticsearch("https://es.data.acme-corp.io:9200", api_key="${akey}")`, 'generic', akey);
    const bid = t.mixed(URLSAFE, 20);
    const bkey = t.mixed(URLSAFE, 22);
    esa.s(`archive = Elasticsearch("https://es-archive:9200", api_key=("${bid}", "${bkey}"))`, 'generic', bkey);
    const bpw = pw().replace(/"/g, '');
    esa.s(`dr = Elasticsearch("https://es-dr:9200", basic_auth=("elastic", "${bpw}"))`, 'generic', bpw);
    esa.d('dev = Elasticsearch("http://localhost:9200", basic_auth=("elastic", "changeme"))', 'documented default');
    esa.d(`# api key id for audit trail: ${t.mixed(URLSAFE, 20)}`, 'api key id');

    const curl = repo.file('platform/elastic/scripts/setup-users.sh', 'elastic');
    curl.l('#!/usr/bin/env bash', 'set -euo pipefail', 'ES=https://es.data.acme-corp.io:9200');
    const ep = upw();
    curl.s(
      `curl -sk -u "elastic:${ep}" -X POST "$ES/_security/user/kibana_system/_password" -H 'Content-Type: application/json' \\`,
      'generic',
      ep,
    );
    const np = upw();
    curl.s(`  -d '{"password":"${np}"}'`, 'generic', np);
    curl.d('curl -sk -u "elastic:$ELASTIC_PASSWORD" "$ES/_cluster/health?pretty"', 'shell variable');
    const ah = esApiKey();
    curl.s(`curl -s -H "Authorization: ApiKey ${ah}" "$ES/app-logs-*/_count"`, 'generic', ah);
  }

  // ---------------------------------------------------------------- log shippers
  {
    const fb = repo.file('platform/logging/fluent-bit/fluent-bit.conf', 'logging');
    fb.l(
      '[SERVICE]',
      '    Flush        5',
      '    Log_Level    info',
      '',
      '[INPUT]',
      '    Name         tail',
      '    Path         /var/log/containers/*.log',
      '',
      '[OUTPUT]',
      '    Name         es',
      '    Match        kube.*',
      '    Host         es.data.acme-corp.io',
      '    Port         9200',
      '    HTTP_User    fluentbit',
    );
    const fp = pw();
    fb.s(`    HTTP_Passwd  ${fp}`, 'generic', fp);
    fb.l('    tls          On', '', '[OUTPUT]', '    Name         es', '    Match        audit.*');
    const ca = upw();
    fb.s(`    Cloud_Auth   elastic:${ca}`, 'generic', ca);
    fb.d(
      `    Cloud_ID     audit:${Buffer.from(`eu-west-1.aws.found.io$${t.hex(32)}`).toString('base64')}`,
      'Elastic Cloud id',
    );
    fb.l(
      '',
      '[OUTPUT]',
      '    Name         splunk',
      '    Match        security.*',
      '    Host         hec.splunk.acme-corp.io',
    );
    const hec = t.uuid().toUpperCase();
    fb.s(`    Splunk_Token ${hec}`, 'generic', hec);
    fb.l('', '[OUTPUT]', '    Name         datadog', '    Match        app.*');
    const dd = t.ddApi();
    fb.s(`    apikey       ${dd}`, 'datadog', dd);
    fb.l('', '[OUTPUT]', '    Name         http', '    Match        billing.*');
    fb.d('    HTTP_Passwd  ${BILLING_LOG_PASSWORD}', 'env reference');

    const fd = repo.file('platform/logging/fluentd/fluent.conf', 'logging');
    fd.l('<source>', '  @type forward', '  port 24224', '  <security>', '    self_hostname aggregator-0');
    const shk = t.alnum(24);
    fd.s(`    shared_key ${shk}`, 'generic', shk);
    fd.l(
      '  </security>',
      '</source>',
      '',
      '<match app.**>',
      '  @type elasticsearch',
      '  host es.data.acme-corp.io',
      '  port 9200',
      '  user fluentd',
    );
    const fdp = pw();
    fd.s(`  password ${fdp}`, 'generic', fdp);
    fd.l('</match>', '', '<match audit.**>', '  @type opensearch', '  host opensearch-node1');
    fd.d(`  password "#{ENV['OPENSEARCH_PASSWORD']}"`, 'ruby env reference');
    fd.l('</match>', '', '<match s3.**>', '  @type s3');
    const fid = t.awsId();
    const fsec = t.awsSecret();
    fd.s(`  aws_key_id ${fid}`, 'aws', fid);
    fd.s(`  aws_sec_key ${fsec}`, 'aws', fsec);
    fd.l('  s3_bucket acme-log-archive', '</match>');

    const vt = repo.file('platform/logging/vector/vector.toml', 'logging');
    vt.l(
      '[sources.k8s]',
      'type = "kubernetes_logs"',
      '',
      '[sinks.es]',
      'type = "elasticsearch"',
      'inputs = ["k8s"]',
      'endpoints = ["https://es.data.acme-corp.io:9200"]',
      '',
      '[sinks.es.auth]',
      'strategy = "basic"',
      'user = "vector"',
    );
    const vp = pw().replace(/"/g, '');
    vt.s(`password = "${vp}"`, 'generic', vp);
    vt.l('', '[sinks.datadog]', 'type = "datadog_logs"', 'inputs = ["k8s"]');
    const vdd = t.ddApi();
    vt.s(`default_api_key = "${vdd}"`, 'datadog', vdd);
    vt.l(
      '',
      '[sinks.loki]',
      'type = "loki"',
      'endpoint = "https://logs-prod-eu-west-0.grafana.net"',
      'auth.strategy = "basic"',
    );
    vt.d(`auth.user = "${t.digits(6)}"`, 'numeric user id');
    vt.d('auth.password = "${GRAFANA_CLOUD_TOKEN}"', 'env reference');
    vt.l(
      '',
      '[sinks.kafka]',
      'type = "kafka"',
      'bootstrap_servers = "kafka-0:9092"',
      'sasl.enabled = true',
      'sasl.mechanism = "SCRAM-SHA-512"',
      'sasl.username = "vector"',
    );
    const vk = upw();
    vt.s(`sasl.password = '${vk}'`, 'generic', vk);

    const tg = repo.file('platform/metrics/telegraf/telegraf.conf', 'metrics');
    tg.l(
      '[agent]',
      '  interval = "10s"',
      '',
      '[[outputs.influxdb_v2]]',
      '  urls = ["https://influx.data.acme-corp.io:8086"]',
    );
    const it = influx();
    tg.s(`  token = "${it}"`, 'generic', it);
    tg.l(
      '  organization = "acme"',
      '  bucket = "telegraf"',
      '',
      '[[outputs.influxdb_v2]]',
      '  urls = ["https://influx-dr:8086"]',
    );
    tg.d('  token = "$INFLUX_DR_TOKEN"', 'env reference');
    tg.l(
      '',
      '[[outputs.influxdb]]',
      '  urls = ["http://influx-v1:8086"]',
      '  database = "telegraf"',
      '  username = "telegraf"',
    );
    const tp = pw().replace(/"/g, '');
    tg.s(`  password = "${tp}"`, 'generic', tp);
    tg.l('', '[[inputs.postgresql]]');
    const tpg = upw();
    tg.s(
      `  address = "host=pg-primary user=telegraf password=${tpg} sslmode=require dbname=postgres"`,
      'database',
      tpg,
    );
    tg.l('', '[[inputs.mongodb]]');
    const tmg = upw();
    tg.s(`  servers = ["mongodb://telegraf:${tmg}@mongo-0.data.svc:27017/?authSource=admin"]`, 'mongodb', tmg);
    tg.l('', '[[inputs.rabbitmq]]', '  url = "http://rabbit-0:15672"', '  username = "telegraf"');
    tg.d('  password = "@{secretstore:rabbitmq_password}"', 'telegraf secret-store reference');

    const ic = repo.file('ops/home/.influxdbv2/configs', 'metrics');
    ic.l('[prod]', '  url = "https://influx.data.acme-corp.io:8086"');
    const it2 = influx();
    ic.s(`  token = "${it2}"`, 'generic', it2);
    ic.l('  org = "acme"', '  active = true', '', '[local]', '  url = "http://localhost:8086"');
    ic.d('  token = ""', 'empty');
    ic.l('  org = "dev"');
  }

  // ---------------------------------------------------------------- ClickHouse / Cassandra
  {
    const ch = repo.file('platform/clickhouse/users.d/users.xml', 'clickhouse');
    ch.l('<clickhouse>', '  <users>', '    <default>');
    ch.d(`      <password_sha256_hex>${t.sha256()}</password_sha256_hex>`, 'sha256 hash');
    ch.l('      <networks><ip>::1</ip></networks>', '    </default>', '    <etl>');
    const chp = pw().replace(/[<>&]/g, '');
    ch.s(`      <password>${chp}</password>`, 'generic', chp);
    ch.l('      <profile>default</profile>', '    </etl>', '    <grafana>');
    ch.d(`      <password_double_sha1_hex>${t.sha1()}</password_double_sha1_hex>`, 'double sha1 hash');
    ch.l('    </grafana>', '    <readonly>');
    ch.d('      <password></password>', 'empty');
    ch.l('    </readonly>', '  </users>', '</clickhouse>');

    const cfg = repo.file('platform/clickhouse/config.d/cluster.xml', 'clickhouse');
    cfg.l('<clickhouse>', '  <interserver_http_credentials>', '    <user>interserver</user>');
    const isp = upw();
    cfg.s(`    <password>${isp}</password>`, 'generic', isp);
    cfg.l('  </interserver_http_credentials>', '  <remote_servers>', '    <events>');
    const rsec = t.alnum(24);
    cfg.s(`      <secret>${rsec}</secret>`, 'generic', rsec);
    cfg.l(
      '      <shard><replica><host>ch-0</host><port>9000</port></replica></shard>',
      '    </events>',
      '  </remote_servers>',
    );
    cfg.d(
      '  <zookeeper><node><host>zk-0</host></node><identity from_env="CH_ZK_IDENTITY"/></zookeeper>',
      'env reference',
    );
    cfg.l('</clickhouse>');

    const cq = repo.file('ops/home/.cassandra/cqlshrc', 'cassandra');
    cq.l(
      '[connection]',
      'hostname = cass-0.data.acme-corp.io',
      'port = 9042',
      'ssl = true',
      '',
      '[authentication]',
      'username = ops_admin',
    );
    const cqp = pw();
    cq.s(`password = ${cqp}`, 'generic', cqp);
    const cy = repo.file('platform/cassandra/cassandra.yaml', 'cassandra');
    cy.l(
      'cluster_name: events',
      'authenticator: PasswordAuthenticator',
      'authorizer: CassandraAuthorizer',
      'server_encryption_options:',
      '  internode_encryption: all',
      '  keystore: /etc/cassandra/conf/.keystore',
    );
    const cks = pw().replace(/"/g, '');
    cy.s(`  keystore_password: "${cks}"`, 'generic', cks);
    cy.d('  truststore_password: cassandra', 'documented default');
    const cj = repo.file('services/events/src/main/resources/application.conf', 'cassandra');
    cj.l(
      'datastax-java-driver {',
      '  basic.contact-points = ["cass-0:9042"]',
      '  advanced.auth-provider {',
      '    class = PlainTextAuthProvider',
      '    username = events_rw',
    );
    const cjp = pw().replace(/"/g, '');
    cj.s(`    password = "${cjp}"`, 'generic', cjp);
    cj.l('  }', '}');
    cj.d('events.cassandra.password = ${?CASSANDRA_PASSWORD}', 'HOCON env substitution');
  }

  // ---------------------------------------------------------------- Postgres / pgbouncer / MySQL
  {
    const pc = repo.file('platform/postgres/postgresql.conf', 'postgres');
    pc.l(
      "listen_addresses = '*'",
      'max_connections = 400',
      'wal_level = replica',
      'ssl = on',
      "ssl_cert_file = '/etc/postgresql/server.crt'",
    );
    pc.d('password_encryption = scram-sha-256\t# scram-sha-256 or md5', 'setting');
    const pcc = upw();
    pc.s(
      `primary_conninfo = 'host=pg-primary port=5432 user=replicator password=${pcc} application_name=pg-replica-1'`,
      'generic',
      pcc,
    );
    pc.d("#primary_conninfo = ''\t\t\t# connection string to sending server", 'commented default');

    const rec = repo.file('platform/postgres/legacy/recovery.conf', 'postgres');
    rec.l("standby_mode = 'on'");
    const rp = pw().replace(/['\s]/g, '');
    rec.s(
      `primary_conninfo = 'host=10.20.1.5 port=5432 user=replicator password=''${rp}'' sslmode=require'`,
      'generic',
      rp,
    );
    rec.l("restore_command = 'cp /var/lib/pgsql/archive/%f %p'");

    const hba = repo.file('platform/postgres/pg_hba.conf', 'postgres');
    hba.l('# TYPE  DATABASE        USER            ADDRESS                 METHOD');
    hba.d('hostssl all             all             10.20.0.0/16            scram-sha-256', 'auth method name');
    hba.d('host    replication     replicator      10.20.1.0/24            md5', 'auth method name');
    hba.d('local   all             postgres                                peer', 'auth method');

    const ul = repo.file('platform/pgbouncer/userlist.txt', 'postgres');
    ul.d(`"app" "SCRAM-SHA-256$4096:${b64(16)}$${b64(32)}:${b64(32)}"`, 'SCRAM verifier');
    ul.d(`"reporting" "md5${t.hex(32)}"`, 'md5 hash');
    const ulp = pw().replace(/"/g, '');
    ul.s(`"pgbouncer_admin" "${ulp}"`, 'generic', ulp);
    const ulp2 = upw();
    ul.s(`"stats" "${ulp2}"`, 'generic', ulp2);
    const pbi = repo.file('platform/pgbouncer/pgbouncer.ini', 'postgres');
    pbi.l('[databases]');
    const pbp = upw();
    pbi.s(`billing = host=pg-billing port=5432 dbname=billing user=billing_pool password=${pbp}`, 'generic', pbp);
    pbi.d('app = host=pg-primary port=5432 dbname=app auth_user=pgbouncer', 'no password');
    pbi.l('[pgbouncer]', 'listen_port = 6432', 'auth_type = scram-sha-256');
    pbi.d('auth_file = /etc/pgbouncer/userlist.txt', 'file path');
    pbi.d('auth_query = SELECT usename, passwd FROM pg_shadow WHERE usename=$1', 'sql query');

    const my = repo.file('ops/home/.my.cnf', 'mysql');
    my.l('[client]', 'user = ops');
    const myp = pw().replace(/["'\s]/g, '');
    my.s(`password = "${myp}"`, 'generic', myp);
    my.l('host = mysql-inventory.data.acme-corp.io', '', '[mysqldump]', 'user = backup');
    const myp2 = upw();
    my.s(`password=${myp2}`, 'generic', myp2);
    const sqlf = repo.file('platform/mysql/init/002-replication.sql', 'mysql');
    const rpl = upw();
    sqlf.s(
      `CHANGE REPLICATION SOURCE TO SOURCE_HOST='10.20.2.10', SOURCE_USER='repl', SOURCE_PASSWORD='${rpl}', SOURCE_AUTO_POSITION=1;`,
      'generic',
      rpl,
    );
    sqlf.d(
      `CREATE USER 'exporter'@'%' IDENTIFIED WITH caching_sha2_password AS '$A$005$${t.mixed(ALNUM, 20)}${t.mixed(ALNUM, 43)}';`,
      'hashed auth string',
    );
  }

  // ---------------------------------------------------------------- ELT / BI
  {
    const ab = repo.file('deploy/airbyte/.env', 'elt');
    ab.l(
      'VERSION=0.63.4',
      'DATABASE_USER=airbyte',
      'DATABASE_HOST=airbyte-db',
      'DATABASE_PORT=5432',
      'DATABASE_DB=airbyte',
    );
    const abp = upw();
    ab.s(`DATABASE_PASSWORD=${abp}`, 'generic', abp);
    ab.l('BASIC_AUTH_USERNAME=airbyte');
    const bap = pw();
    ab.s(`BASIC_AUTH_PASSWORD=${bap}`, 'generic', bap);
    ab.d('CONFIG_DATABASE_PASSWORD=${DATABASE_PASSWORD:-}', 'env reference');
    ab.d(`AIRBYTE_INSTALLATION_ID=${t.uuid()}`, 'uuid');

    const abc = repo.file('deploy/airbyte/exports/source-postgres.json', 'elt');
    abc.l(
      '{',
      `  "sourceDefinitionId": "${t.uuid()}",`,
      '  "connectionConfiguration": {',
      '    "host": "pg-primary.data.svc",',
      '    "port": 5432,',
      '    "username": "airbyte_ro",',
    );
    abc.d('    "password": "**********",', 'masked by API');
    abc.l(
      '    "tunnel_method": {',
      '      "tunnel_method": "SSH_PASSWORD_AUTH",',
      '      "tunnel_host": "bastion.acme-corp.io",',
      '      "tunnel_user": "airbyte",',
    );
    const tup = pw().replace(/"/g, '');
    abc.s(`      "tunnel_user_password": "${tup}"`, 'generic', tup);
    abc.l('    }', '  }', '}');

    const mel = repo.file('elt/meltano.yml', 'elt');
    mel.l(
      'version: 1',
      `project_id: ${t.uuid()}`,
      'plugins:',
      '  extractors:',
      '  - name: tap-postgres',
      '    variant: meltanolabs',
      '    config:',
      '      host: pg-primary.data.svc',
      '      user: meltano',
    );
    mel.d('      password: $TAP_POSTGRES_PASSWORD', 'env reference');
    mel.l(
      '  loaders:',
      '  - name: target-snowflake',
      '    config:',
      '      account: acme-xy12345',
      '      user: MELTANO',
    );
    const mlp = pw().replace(/[:#"']/g, '');
    mel.s(`      password: "${mlp}"`, 'generic', mlp);
    const menv = repo.file('elt/.env', 'elt');
    const tpp = upw();
    menv.s(`TAP_POSTGRES_PASSWORD='${tpp}'`, 'generic', tpp);
    menv.d('MELTANO_SNOWPLOW_TRACKING=false', 'setting');
    const tgp = pw().replace(/['"\s]/g, '');
    menv.s(`TARGET_SNOWFLAKE_PASSWORD=${tgp}`, 'generic', tgp);

    const ss = repo.file('deploy/superset/superset_config.py', 'bi');
    ss.l('import os', 'from cachelib.redis import RedisCache', '');
    const sk = b64(42);
    ss.s(`SECRET_KEY = "${sk}"`, 'generic', sk);
    ss.d('PREVIOUS_SECRET_KEY = os.environ.get("SUPERSET_OLD_SECRET_KEY")', 'env reference');
    const sdb = upw();
    ss.s(
      `SQLALCHEMY_DATABASE_URI = "postgresql+psycopg2://superset:${sdb}@superset-db:5432/superset"`,
      'database',
      sdb,
    );
    ss.d('# SQLALCHEMY_DATABASE_URI = "sqlite:////var/lib/superset/superset.db"', 'commented default');
    const sr = upw();
    ss.s(
      `RESULTS_BACKEND = RedisCache(host="redis-master", port=6379, password="${sr}", key_prefix="superset_results")`,
      'generic',
      sr,
    );
    ss.d('MAPBOX_API_KEY = os.getenv("MAPBOX_API_KEY", "")', 'env reference');
    ss.l('FEATURE_FLAGS = {"ALERT_REPORTS": True}', 'SMTP_USER = "superset@acme-corp.io"');
    const smp = pw().replace(/"/g, '');
    ss.s(`SMTP_PASSWORD = "${smp}"`, 'generic', smp);
    ss.d(`GUEST_TOKEN_JWT_AUDIENCE = "${t.uuid()}"`, 'uuid audience');

    const mb = repo.file('deploy/metabase/metabase.env', 'bi');
    mb.l(
      'MB_DB_TYPE=postgres',
      'MB_DB_DBNAME=metabase',
      'MB_DB_PORT=5432',
      'MB_DB_USER=metabase',
      'MB_DB_HOST=metabase-db',
    );
    const mbp = pw();
    mb.s(`MB_DB_PASS=${mbp}`, 'generic', mbp);
    const mbe = b64(32);
    mb.s(`MB_ENCRYPTION_SECRET_KEY=${mbe}`, 'generic', mbe);
    const mbt = t.hex(64);
    mb.s(`MB_PREMIUM_EMBEDDING_TOKEN=${mbt}`, 'generic', mbt);
    const mbs = upw();
    mb.s(`MB_EMAIL_SMTP_PASSWORD="${mbs}"`, 'generic', mbs);
    mb.d('MB_DB_PASS_FILE=/run/secrets/metabase_db_pass', 'file reference');
    mb.d(`MB_SITE_UUID=${t.uuid()}`, 'uuid');

    const tr = repo.file('platform/trino/etc/catalog/warehouse.properties', 'trino');
    tr.l(
      'connector.name=postgresql',
      'connection-url=jdbc:postgresql://dwh.data.acme-corp.io:5432/analytics',
      'connection-user=trino',
    );
    const trp = pw();
    tr.s(`connection-password=${trp}`, 'generic', trp);
    const tr2 = repo.file('platform/trino/etc/catalog/inventory.properties', 'trino');
    tr2.l('connector.name=mysql', 'connection-url=jdbc:mysql://mysql-inventory:3306', 'connection-user=trino');
    tr2.d('connection-password=${ENV:INVENTORY_DB_PASSWORD}', 'env reference');
    const tr3 = repo.file('platform/trino/etc/catalog/lake.properties', 'trino');
    tr3.l('connector.name=hive', 'hive.metastore.uri=thrift://hive-metastore:9083', 'hive.s3.path-style-access=true');
    const lid = t.awsId();
    const lsec = t.awsSecret();
    tr3.s(`hive.s3.aws-access-key=${lid}`, 'aws', lid);
    tr3.s(`hive.s3.aws-secret-key=${lsec}`, 'aws', lsec);
    const tcfg = repo.file('platform/trino/etc/config.properties', 'trino');
    tcfg.l(
      'coordinator=true',
      'http-server.https.enabled=true',
      'http-server.https.port=8443',
      'http-server.https.keystore.path=/etc/trino/keystore.jks',
    );
    const tks = pw();
    tcfg.s(`http-server.https.keystore.key=${tks}`, 'generic', tks);
    const tss = b64(48);
    tcfg.s(`internal-communication.shared-secret=${tss}`, 'generic', tss);
    tcfg.l('http-server.authentication.type=PASSWORD');
    const tpdb = repo.file('platform/trino/etc/password.db', 'trino');
    tpdb.d(`alice:${bcrypt('2y').replace('$12$', '$10$')}`, 'bcrypt hash');
    tpdb.d(`bob:${bcrypt('2y').replace('$12$', '$10$')}`, 'bcrypt hash');
    const hue = repo.file('platform/hue/hue.ini', 'hadoop');
    hue.l('[desktop]');
    const hsk = t.mixed(ALNUM + '!@%^*()-_=+', 50);
    hue.s(`  secret_key=${hsk}`, 'generic', hsk);
    hue.d('  secret_key_script=/opt/hue/bin/get-secret.sh', 'script reference');
    hue.l('  [[database]]', '    engine=postgresql_psycopg2', '    host=hue-db', '    user=hue');
    const hdp = pw().replace(/#/g, '');
    hue.s(`    password=${hdp}`, 'generic', hdp);
    hue.l('  [[ldap]]', '    ldap_url=ldaps://ldap.acme-corp.io', '    bind_dn="cn=hue,ou=svc,dc=acme,dc=io"');
    const hbp = pw().replace(/"/g, '');
    hue.s(`    bind_password="${hbp}"`, 'generic', hbp);
    hue.d('    bind_password_script=/opt/hue/bin/ldap-pass.sh', 'script reference');

    const hs = repo.file('platform/hive/conf/hive-site.xml', 'hadoop');
    hs.l(
      '<configuration>',
      '  <property>',
      '    <name>javax.jdo.option.ConnectionURL</name>',
      '    <value>jdbc:postgresql://metastore-db:5432/metastore</value>',
      '  </property>',
      '  <property>',
      '    <name>javax.jdo.option.ConnectionPassword</name>',
    );
    const hvp = pw().replace(/[<>&]/g, '');
    hs.s(`    <value>${hvp}</value>`, 'generic', hvp);
    hs.l('  </property>', '  <property>', '    <name>hadoop.security.credential.provider.path</name>');
    hs.d('    <value>jceks://hdfs/user/hive/hive.jceks</value>', 'credential provider path');
    hs.l('  </property>', '  <property>', '    <name>fs.s3a.secret.key</name>');
    const hsec = t.awsSecret();
    hs.s(`    <value>${hsec}</value>`, 'aws', hsec);
    hs.l('  </property>', '</configuration>');

    const fl = repo.file('platform/flink/conf/flink-conf.yaml', 'flink');
    fl.l(
      'jobmanager.rpc.address: flink-jobmanager',
      'taskmanager.numberOfTaskSlots: 4',
      'state.backend.type: rocksdb',
      'state.checkpoints.dir: s3://acme-flink/checkpoints',
    );
    const fid = t.awsId();
    const fsec = t.awsSecret();
    fl.s(`s3.access-key: ${fid}`, 'aws', fid);
    fl.s(`s3.secret-key: ${fsec}`, 'aws', fsec);
    fl.l('security.ssl.internal.enabled: true', 'security.ssl.internal.keystore: /etc/flink/internal.keystore');
    const fkp = pw();
    fl.s(`security.ssl.internal.keystore-password: ${fkp}`, 'generic', fkp);
    fl.d('security.ssl.internal.key-password: ${env:FLINK_KEY_PASSWORD}', 'env reference');
    fl.d(`kubernetes.cluster-id: flink-${t.hex(8)}`, 'cluster id');
    const fj = repo.file('jobs/clickstream/src/main/java/com/acme/jobs/ClickstreamJob.java', 'flink');
    fj.l(
      'package com.acme.jobs;',
      '',
      'public class ClickstreamJob {',
      '  static KafkaSource<String> source() {',
      '    return KafkaSource.<String>builder()',
      '        .setBootstrapServers("kafka-0:9092")',
      '        .setProperty("security.protocol", "SASL_SSL")',
    );
    const fjp = upw();
    fj.s(
      `        .setProperty("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\\"flink\\" password=\\"${fjp}\\";")`,
      'generic',
      fjp,
    );
    fj.d('        .setProperty("ssl.truststore.password", System.getenv("TRUSTSTORE_PASSWORD"))', 'env reference');
    fj.l('        .build();', '  }', '}');
  }

  // ---------------------------------------------------------------- compose, docs, app code
  {
    const dc = repo.file('deploy/compose/data-stack.yml', 'compose');
    dc.l(
      'services:',
      '  kafka:',
      '    image: bitnami/kafka:3.8',
      '    environment:',
      '      KAFKA_CFG_SASL_ENABLED_MECHANISMS: PLAIN',
      '      KAFKA_CLIENT_USERS: app',
    );
    const k1 = upw();
    dc.s(`      KAFKA_CLIENT_PASSWORDS: ${k1}`, 'generic', k1);
    dc.l(
      '  rabbitmq:',
      '    image: rabbitmq:3.13-management',
      '    environment:',
      '      RABBITMQ_DEFAULT_USER: admin',
    );
    const r1 = pw().replace(/[\s#'"]/g, '');
    dc.s(`      RABBITMQ_DEFAULT_PASS: '${r1}'`, 'generic', r1);
    const ec = t.pick(UPPER, 20);
    dc.s(`      RABBITMQ_ERLANG_COOKIE: ${ec}`, 'generic', ec);
    dc.l('  mongo:', '    image: mongo:7', '    environment:', '      - MONGO_INITDB_ROOT_USERNAME=root');
    const mr = upw();
    dc.s(`      - MONGO_INITDB_ROOT_PASSWORD=${mr}`, 'generic', mr);
    dc.l('  elasticsearch:', '    image: docker.elastic.co/elasticsearch/elasticsearch:8.15.3', '    environment:');
    const ep = upw();
    dc.s(`      ELASTIC_PASSWORD: "${ep}"`, 'generic', ep);
    dc.l('  redis:', '    image: redis:7');
    const rr = upw();
    dc.s(`    command: ["redis-server", "--requirepass", "${rr}", "--appendonly", "yes"]`, 'generic', rr);
    dc.l('  clickhouse:', '    image: clickhouse/clickhouse-server:24.8', '    environment:');
    dc.d('      CLICKHOUSE_PASSWORD: ${CLICKHOUSE_PASSWORD:?set it in .env}', 'env reference');
    dc.l('  influxdb:', '    image: influxdb:2.7', '    environment:', '      DOCKER_INFLUXDB_INIT_MODE: setup');
    const ia = influx();
    dc.s(`      DOCKER_INFLUXDB_INIT_ADMIN_TOKEN: ${ia}`, 'generic', ia);
    dc.d(`    image: postgres@sha256:${t.sha256()}`, 'image digest');

    const rb = repo.file('docs/runbooks/data-platform.md', 'docs');
    rb.l('# Data platform runbook', '', '## Break-glass access', '');
    const bg = pw();
    rb.s(`- Kafka \`admin\` SASL/PLAIN password: \`${bg}\` (rotate after use)`, 'generic', bg);
    const rbr = upw();
    rb.s(`- RabbitMQ management UI: https://rabbit.acme-corp.io, user \`platform-admin\` / \`${rbr}\``, 'generic', rbr);
    rb.d('- Redis: `redis-cli -a "$(vault kv get -field=password secret/data/redis)"`', 'vault reference');
    rb.l('', '## Defaults you will see in upstream docs', '');
    rb.d('- Kibana docs use `elastic` / `changeme`; RabbitMQ ships with `guest` / `guest`.', 'documented defaults');
    rb.d(
      `- The Elasticsearch API key **id** for the ingest pipeline is \`${t.mixed(URLSAFE, 20)}\`; the key itself is in Vault.`,
      'api key id',
    );
    rb.d('- Connect masks secrets as `[hidden]`; Debezium logs show `database.password = ********`.', 'masked');

    const prod = repo.file('services/orders/orders/events.py', 'kafka');
    prod.l('from confluent_kafka import Producer', 'from kafka import KafkaConsumer', '');
    const pp = pw().replace(/"/g, '');
    prod.s(
      [
        'producer = Producer({',
        '    "bootstrap.servers": "kafka-0:9092",',
        '    "security.protocol": "SASL_SSL",',
        '    "sasl.mechanisms": "PLAIN",',
        '    "sasl.username": "orders-svc",',
        `    "sasl.password": "${pp}",`,
        '})',
      ],
      'generic',
      pp,
    );
    const kcp = upw();
    prod.s(
      `consumer = KafkaConsumer("orders.events", bootstrap_servers="kafka-0:9092", security_protocol="SASL_SSL", sasl_mechanism="SCRAM-SHA-512", sasl_plain_username="orders-audit", sasl_plain_password="${kcp}")`,
      'generic',
      kcp,
    );
    prod.d('SASL_PASSWORD = os.environ["KAFKA_SASL_PASSWORD"]', 'env reference');

    const jv = repo.file('services/ledger/src/main/resources/application.yml', 'kafka');
    jv.l(
      'spring:',
      '  kafka:',
      '    bootstrap-servers: kafka-0:9092',
      '    properties:',
      '      security.protocol: SASL_SSL',
      '      sasl.mechanism: SCRAM-SHA-512',
    );
    const jpw = upw();
    jv.s(
      `      sasl.jaas.config: org.apache.kafka.common.security.scram.ScramLoginModule required username="ledger" password="${jpw}";`,
      'generic',
      jpw,
    );
    jv.l('  data:', '    mongodb:');
    const jmp = upw();
    jv.s(`      uri: mongodb://ledger:${jmp}@mongo-0.data.svc:27017/ledger?authSource=admin`, 'mongodb', jmp);
    jv.l('    redis:', '      host: redis-master');
    jv.d('      password: ${REDIS_PASSWORD:}', 'spring placeholder');
    jv.l('  rabbitmq:', '    host: rabbit-0', '    username: ledger');
    const jrp = pw().replace(/[:#"'\s]/g, '');
    jv.s(`    password: ${jrp}`, 'generic', jrp);
    jv.l('    ssl:');
    jv.d(`      key-store-password: ENC(${b64(32)})`, 'jasypt ciphertext');
  }

  return repo;
}
