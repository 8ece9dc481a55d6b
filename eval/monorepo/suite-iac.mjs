// Red-team suite "iac": infrastructure-as-code and configuration management beyond plain
// Terraform — CloudFormation templates and parameter files (NoEcho defaults, MasterUserPassword,
// UserData), AWS CDK (TypeScript and Python), Pulumi stack configs and programs, Azure Bicep,
// .bicepparam and ARM templates, Google Deployment Manager, Crossplane provider configs, Ansible
// inventories/vars/tasks, Chef (knife.rb, client keys, data bags), Puppet (hiera, manifests),
// SaltStack pillars, Packer templates, Vagrantfiles, cloud-init user-data, Kickstart and preseed
// files, Nomad jobs, Consul and Vault agent configs — with each tool's encrypted blobs (Ansible
// Vault, eyaml PKCS7, Pulumi secure, Chef encrypted data bags, Salt GPG), crypt hashes, dynamic
// references (Secrets Manager/SSM, Key Vault), vendor example keys, ARNs and ids as decoys.
// Every value is drawn from the seeded PRNG at run time.
import { ALNUM, B64, DIGIT, HEX, LOWER, UPPER, URLSAFE, Repo, makeTokens, mulberry32 } from './generate.mjs';

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 60013 + 71);
  const t = makeTokens(rand);
  const one = (list) => list[Math.floor(rand() * list.length)];
  const repo = new Repo();

  const CRYPT = `./${ALNUM}`;
  const bytes = (n) => Buffer.from(Array.from({ length: n }, () => Math.floor(rand() * 256)));
  const b64bytes = (n) => bytes(n).toString('base64');
  const pw = () => (rand() < 0.5 ? t.password() : t.mixed(ALNUM, 20));
  const plainPw = () => t.password().replace(/[^A-Za-z0-9]/g, '');
  const sha512crypt = () => `$6$${t.pick(CRYPT, 16)}$${t.pick(CRYPT, 86)}`;
  const yescrypt = () => `$y$j9T$${t.pick(CRYPT, 22)}$${t.pick(CRYPT, 43)}`;
  const bcrypt = () => `$2b$12$${t.pick(CRYPT, 53)}`;
  const account = () => t.digits(12);
  const region = () => one(['eu-west-1', 'us-east-1', 'eu-central-1', 'us-west-2']);
  const hexId = (n) => t.pick(HEX, n);
  const ami = () => `ami-0${hexId(16)}`;
  const subId = () => t.uuid();
  // Vault (1.10+) root/service token as printed by `vault operator init` / `vault token create`.
  const hvs = () => `hvs.${t.mixed(ALNUM, 24)}`;
  // Shamir unseal key share: 33 bytes, base64.
  const unsealKey = () => b64bytes(33);
  // `consul keygen`: 32 random bytes, base64.
  const gossipKey = () => b64bytes(32);
  const pulumiToken = () => `pul-${t.hex(40)}`;
  const tfcToken = () => `${t.mixed(ALNUM, 14)}.atlasv1.${t.mixed(ALNUM, 67)}`;
  const hetznerToken = () => t.mixed(ALNUM, 64);
  const linodeToken = () => t.hex(64);
  const vultrKey = () => t.mixed(UPPER + DIGIT, 36);
  const kubeadmToken = () => `${t.pick(LOWER + DIGIT, 6)}.${t.mixed(LOWER + DIGIT, 16)}`;
  const glrt = () => `glrt-${t.mixed(URLSAFE, 20)}`;
  const newrelic = () => `eu01xx${t.hex(30)}NRAL`;
  // Decoys: each tool's own ciphertext format.
  const pulumiSecure = (n) => `v1:${b64bytes(12)}:${b64bytes(n)}`;
  const ansibleVault = (indent, n) => [
    `${indent}$ANSIBLE_VAULT;1.1;AES256`,
    ...Array.from({ length: n }, () => `${indent}${t.pick(HEX, 80)}`),
  ];
  const eyaml = () =>
    `ENC[PKCS7,MIIBiQYJKoZIhvcNAQcDoIIBejCCAXYCAQAxggEhMIIBHQIBADAFMAACAQEwDQYJKoZIhvcNAQEBBQAEggEA${b64bytes(300)}]`;
  const pgpMessage = (indent) => {
    const body = Buffer.concat([Buffer.from('850c03', 'hex'), bytes(330)]).toString('base64');
    return [
      `${indent}-----BEGIN PGP MESSAGE-----`,
      '',
      ...body.match(/.{1,64}/g).map((l) => `${indent}${l}`),
      `${indent}=${t.mixed(B64, 4)}`,
      `${indent}-----END PGP MESSAGE-----`,
    ];
  };
  const sshPub = (comment) => `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${t.mixed(B64, 43)} ${comment}`;

  // ---- AWS CloudFormation -------------------------------------------------------------------
  {
    const f = repo.file('infra/cloudformation/data-stack.yaml', 'cloudformation');
    const acct = account();
    const reg = region();
    f.l(
      "AWSTemplateFormatVersion: '2010-09-09'",
      'Description: Data tier (RDS, Redshift, MQ, ElastiCache) for the orders platform',
      'Parameters:',
      '  DBMasterUsername:',
      '    Type: String',
      '    Default: dbadmin',
      '  DBMasterPassword:',
      '    Type: String',
      '    NoEcho: true',
      '    MinLength: 12',
    );
    const p1 = pw();
    f.s(`    Default: ${p1}`, 'generic', p1);
    f.l('  AlertEmail:', '    Type: String');
    f.d('    Default: ops@acme-corp.io', 'email default');
    f.l('  SnapshotArn:', '    Type: String');
    f.d(`    Default: arn:aws:rds:${reg}:${acct}:snapshot:orders-${t.digits(8)}`, 'snapshot arn');
    f.l('  ReportingPassword:', '    Type: String', '    NoEcho: true');
    f.d("    Default: ''", 'empty default');
    f.l(
      'Resources:',
      '  PrimaryDB:',
      '    Type: AWS::RDS::DBInstance',
      '    Properties:',
      '      Engine: postgres',
      '      MasterUsername: !Ref DBMasterUsername',
    );
    f.d('      MasterUserPassword: !Ref DBMasterPassword', 'parameter reference');
    f.d(`      KmsKeyId: arn:aws:kms:${reg}:${acct}:key/${t.uuid()}`, 'kms key arn');
    f.l(
      '  AnalyticsCluster:',
      '    Type: AWS::Redshift::Cluster',
      '    Properties:',
      '      MasterUsername: analytics',
    );
    const p2 = pw();
    f.s(`      MasterUserPassword: ${p2}`, 'generic', p2);
    f.l('  AuroraCluster:', '    Type: AWS::RDS::DBCluster', '    Properties:', '      MasterUsername: aurora');
    f.d(
      "      MasterUserPassword: '{{resolve:secretsmanager:prod/aurora/master:SecretString:password}}'",
      'secrets manager dynamic reference',
    );
    f.l(
      '  Broker:',
      '    Type: AWS::AmazonMQ::Broker',
      '    Properties:',
      '      EngineType: RABBITMQ',
      '      Users:',
      '        - Username: orders',
    );
    const p3 = pw();
    f.s(`          Password: '${p3}'`, 'generic', p3);
    f.l(
      '  Cache:',
      '    Type: AWS::ElastiCache::ReplicationGroup',
      '    Properties:',
      '      TransitEncryptionEnabled: true',
    );
    const at = t.mixed(ALNUM, 32);
    f.s(`      AuthToken: ${at}`, 'generic', at);
    f.l(
      '  Directory:',
      '    Type: AWS::DirectoryService::MicrosoftAD',
      '    Properties:',
      '      Name: corp.acme-corp.io',
    );
    f.d("      Password: '{{resolve:ssm-secure:/prod/ad/admin-password:3}}'", 'ssm-secure dynamic reference');
    f.d(`      VpcSettings: { VpcId: vpc-0${hexId(16)}, SubnetIds: [subnet-0${hexId(16)}] }`, 'vpc and subnet ids');
  }
  {
    const f = repo.file('infra/cloudformation/web-asg.yaml', 'cloudformation');
    f.l(
      "AWSTemplateFormatVersion: '2010-09-09'",
      'Resources:',
      '  LaunchTemplate:',
      '    Type: AWS::EC2::LaunchTemplate',
      '    Properties:',
      '      LaunchTemplateData:',
    );
    f.d(`        ImageId: ${ami()}`, 'ami id');
    f.l(
      '        UserData:',
      '          Fn::Base64: !Sub |',
      '            #!/bin/bash',
      '            set -euo pipefail',
    );
    const npm = t.npm();
    f.s(`            echo "//registry.npmjs.org/:_authToken=${npm}" > /root/.npmrc`, 'npm', npm);
    const gh = t.github();
    f.s(`            export GITHUB_TOKEN=${gh}`, 'github', gh);
    const dp = plainPw();
    f.s(`            docker login -u deploy -p ${dp} registry.acme-corp.io`, 'generic', dp);
    f.d(
      '            aws secretsmanager get-secret-value --secret-id ${DbSecret} --query SecretString --output text > /etc/app/db.json',
      'secrets manager call',
    );
    const ak = t.awsId();
    const as = t.awsSecret();
    f.s(`            aws configure set aws_access_key_id ${ak}`, 'aws', ak);
    f.s(`            aws configure set aws_secret_access_key ${as}`, 'aws', as);
    f.d(
      '            /opt/aws/bin/cfn-signal -e $? --stack ${AWS::StackName} --resource WebASG --region ${AWS::Region}',
      'cfn-signal',
    );
  }
  {
    const f = repo.file('infra/cloudformation/lambda-stack.json', 'cloudformation');
    const acct = account();
    const reg = region();
    f.l(
      '{',
      '  "AWSTemplateFormatVersion": "2010-09-09",',
      '  "Resources": {',
      '    "Notifier": {',
      '      "Type": "AWS::Lambda::Function",',
      '      "Properties": {',
      '        "Runtime": "nodejs20.x",',
    );
    f.d(`        "Role": "arn:aws:iam::${acct}:role/notifier-lambda",`, 'iam role arn');
    f.l('        "Environment": {', '          "Variables": {');
    const sl = t.slackWebhook();
    f.s(`            "SLACK_WEBHOOK_URL": "${sl}",`, 'slack', sl);
    const dd = t.ddApi();
    f.s(`            "DD_API_KEY": "${dd}",`, 'datadog', dd);
    const tw = t.twilioToken();
    f.l(`            "TWILIO_ACCOUNT_SID": "${t.twilioSid()}",`);
    f.s(`            "TWILIO_AUTH_TOKEN": "${tw}",`, 'twilio', tw);
    f.d(
      `            "DB_SECRET_ARN": "arn:aws:secretsmanager:${reg}:${acct}:secret:prod/notifier-${t.mixed(ALNUM, 6)}",`,
      'secret arn',
    );
    f.d('            "API_KEY_PARAM": "{{resolve:ssm:/prod/notifier/api-key-name}}"', 'ssm reference');
    f.l('          }', '        }', '      }', '    }', '  }', '}');
  }
  {
    const f = repo.file('infra/cloudformation/params/prod.json', 'cloudformation');
    f.l('[');
    const p = pw();
    f.s(`  { "ParameterKey": "DBMasterPassword", "ParameterValue": "${p}" },`, 'generic', p);
    const sk = t.stripeLive();
    f.s(`  { "ParameterKey": "StripeSecretKey", "ParameterValue": "${sk}" },`, 'stripe', sk);
    f.d(`  { "ParameterKey": "VpcId", "ParameterValue": "vpc-0${hexId(16)}" },`, 'vpc id');
    f.d(
      `  { "ParameterKey": "CertificateArn", "ParameterValue": "arn:aws:acm:us-east-1:${account()}:certificate/${t.uuid()}" },`,
      'acm arn',
    );
    f.d('  { "ParameterKey": "ReportingPassword", "UsePreviousValue": true }', 'previous value');
    f.l(']');
  }
  {
    const f = repo.file('infra/cloudformation/README.md', 'cloudformation');
    f.l(
      '# CloudFormation stacks',
      '',
      'Deploy with a profile; the AWS docs example credentials look like:',
      '',
      '```ini',
    );
    f.d('aws_access_key_id = AKIAIOSFODNN7EXAMPLE', 'vendor example');
    f.d('aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'vendor example');
    f.l('```', '');
    f.d(
      'aws cloudformation deploy --stack-name data --parameter-overrides DBMasterPassword=$DB_MASTER_PASSWORD',
      'variable',
    );
  }

  // ---- AWS CDK ------------------------------------------------------------------------------
  {
    const f = repo.file('infra/cdk/lib/database-stack.ts', 'cdk');
    f.l(
      "import * as cdk from 'aws-cdk-lib';",
      "import * as rds from 'aws-cdk-lib/aws-rds';",
      "import { SecretValue } from 'aws-cdk-lib';",
      '',
      'export class DatabaseStack extends cdk.Stack {',
      '  constructor(scope: cdk.App, id: string, props?: cdk.StackProps) {',
      '    super(scope, id, props);',
      "    new rds.DatabaseInstance(this, 'Orders', {",
      '      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),',
    );
    const p1 = pw();
    f.s(
      `      credentials: rds.Credentials.fromPassword('orders', SecretValue.unsafePlainText('${p1}')),`,
      'generic',
      p1,
    );
    f.l('    });', "    new rds.DatabaseCluster(this, 'Reporting', {");
    f.d("      credentials: rds.Credentials.fromGeneratedSecret('reporting'),", 'generated secret');
    f.l('    });', "    new rds.DatabaseInstance(this, 'Legacy', {");
    const p2 = pw();
    f.s(
      `      credentials: { username: 'legacy', password: cdk.SecretValue.unsafePlainText("${p2}") },`,
      'generic',
      p2,
    );
    f.l('    });');
    f.d("    const apiKey = SecretValue.secretsManager('prod/orders/api-key');", 'secrets manager reference');
    f.d("    const dbPass = SecretValue.ssmSecure('/prod/orders/db-password', '3');", 'ssm secure reference');
    f.l('  }', '}');
  }
  {
    const f = repo.file('infra/cdk/lib/api-stack.ts', 'cdk');
    f.l(
      "import * as lambda from 'aws-cdk-lib/aws-lambda';",
      "import * as ssm from 'aws-cdk-lib/aws-ssm';",
      '',
      "const fn = new lambda.Function(this, 'Api', {",
      '  runtime: lambda.Runtime.NODEJS_20_X,',
      "  handler: 'index.handler',",
      '  environment: {',
    );
    const sk = t.stripeLive();
    f.s(`    STRIPE_SECRET_KEY: '${sk}',`, 'stripe', sk);
    const sg = t.sendgrid();
    f.s(`    SENDGRID_API_KEY: "${sg}",`, 'sendgrid', sg);
    const an = t.anthropic();
    f.s(`    ANTHROPIC_API_KEY: '${an}',`, 'anthropic', an);
    f.d('    TABLE_NAME: table.tableName,', 'construct reference');
    f.d("    PARTNER_KEY: ssm.StringParameter.valueForStringParameter(this, '/prod/api/partner-key'),", 'ssm lookup');
    f.d(`    BUILD_ID: '${t.sha1()}',`, 'sha');
    f.l('  },', '});');
  }
  {
    const f = repo.file('infra/cdk-py/stacks/worker_stack.py', 'cdk');
    f.l(
      'from aws_cdk import Stack, SecretValue',
      'from aws_cdk import aws_ecs as ecs, aws_secretsmanager as sm',
      '',
      '',
      'class WorkerStack(Stack):',
      '    def __init__(self, scope, construct_id, **kwargs):',
      '        super().__init__(scope, construct_id, **kwargs)',
    );
    const p = pw();
    f.s(`        broker_password = SecretValue.unsafe_plain_text("${p}")`, 'generic', p);
    f.d('        db_secret = sm.Secret.from_secret_name_v2(self, "Db", "prod/worker/db")', 'secret lookup');
    f.l('        task.add_container(', '            "worker",', '            environment={');
    const gl = t.gitlab();
    f.s(`                "GITLAB_TOKEN": "${gl}",`, 'gitlab', gl);
    const oa = t.openai();
    f.s(`                "OPENAI_API_KEY": "${oa}",`, 'openai', oa);
    f.d('                "QUEUE_URL": queue.queue_url,', 'reference');
    f.l('            },', '            secrets={');
    f.d(
      '                "DB_PASSWORD": ecs.Secret.from_secrets_manager(db_secret, "password"),',
      'ecs secret reference',
    );
    f.l('            },', '        )');
  }
  {
    const f = repo.file('infra/cdk/cdk.context.json', 'cdk');
    const acct = account();
    f.l('{');
    f.d(
      `  "availability-zones:account=${acct}:region=eu-west-1": ["eu-west-1a", "eu-west-1b", "eu-west-1c"],`,
      'az lookup',
    );
    f.d(`  "ami:account=${acct}:filters.name.0=al2023-ami-*:region=eu-west-1": "${ami()}",`, 'ami lookup');
    f.d(
      `  "hosted-zone:account=${acct}:domainName=acme-corp.io:region=eu-west-1": { "Id": "/hostedzone/Z${t.mixed(UPPER + DIGIT, 20)}", "Name": "acme-corp.io." },`,
      'hosted zone id',
    );
    f.d(`  "acknowledged-issue-numbers": [${t.digits(5)}],`, 'numbers');
    f.d(`  "@aws-cdk/core:bootstrapQualifier": "${t.pick(LOWER + DIGIT, 9)}"`, 'bootstrap qualifier');
    f.l('}');
  }

  // ---- Pulumi -------------------------------------------------------------------------------
  {
    const f = repo.file('infra/pulumi/Pulumi.prod.yaml', 'pulumi');
    f.d(`encryptionsalt: v1:${b64bytes(8)}:v1:${b64bytes(12)}:${b64bytes(32)}`, 'pulumi encryption salt');
    f.l('config:', '  aws:region: eu-west-1', '  acme:dbPassword:');
    f.d(`    secure: ${pulumiSecure(28)}`, 'pulumi secure ciphertext');
    const oa = t.openai();
    f.s(`  acme:openaiApiKey: ${oa}`, 'openai', oa);
    const ap = pw();
    f.s(`  acme:adminPassword: ${ap}`, 'generic', ap);
    f.l('  acme:stripeKey:');
    f.d(`    secure: ${pulumiSecure(44)}`, 'pulumi secure ciphertext');
    f.d(`  acme:vpcId: vpc-0${hexId(16)}`, 'vpc id');
  }
  {
    const f = repo.file('infra/pulumi/Pulumi.staging.yaml', 'pulumi');
    f.d('secretsprovider: awskms://alias/pulumi-staging?region=eu-west-1', 'kms secrets provider');
    f.d(`encryptedkey: ${b64bytes(180)}`, 'kms-encrypted data key');
    f.l('config:');
    const dd = t.ddApi();
    f.s(`  datadog:apiKey: ${dd}`, 'datadog', dd);
    const dda = t.ddApp();
    f.s(`  datadog:appKey: "${dda}"`, 'datadog', dda);
    f.l('  acme:githubToken:');
    f.d(`    secure: ${pulumiSecure(56)}`, 'pulumi secure ciphertext');
    f.d(`  acme:tenantId: ${t.uuid()}`, 'uuid');
  }
  {
    const f = repo.file('infra/pulumi/index.ts', 'pulumi');
    f.l(
      "import * as pulumi from '@pulumi/pulumi';",
      "import * as aws from '@pulumi/aws';",
      "import * as random from '@pulumi/random';",
      "import * as digitalocean from '@pulumi/digitalocean';",
      '',
      'const config = new pulumi.Config();',
    );
    f.d(
      "const dbPassword = new random.RandomPassword('db', { length: 32, special: true });",
      'random password resource',
    );
    f.d("const stripeKey = config.requireSecret('stripeKey');", 'config secret');
    f.l("new aws.rds.Instance('orders', {", "  engine: 'postgres',", "  username: 'orders',");
    f.d('  password: dbPassword.result,', 'resource output');
    f.l('});', "new aws.rds.Instance('legacy', {", "  engine: 'mysql',", "  username: 'legacy',");
    const p = pw();
    f.s(`  password: '${p}',`, 'generic', p);
    f.l('});');
    const dop = t.digitalocean();
    f.s(`const doProvider = new digitalocean.Provider('do', { token: '${dop}' });`, 'digitalocean', dop);
    const s = pw();
    f.s(`const webhookSecret = pulumi.secret('${s}');`, 'generic', s);
  }
  {
    const f = repo.file('infra/pulumi-py/__main__.py', 'pulumi');
    f.l('import pulumi', 'import pulumi_hcloud as hcloud', 'import pulumi_random as random', '');
    const hc = hetznerToken();
    f.s(`provider = hcloud.Provider("hc", token="${hc}")`, 'hetzner', hc);
    const p = pw();
    f.s(`admin_password = pulumi.Output.secret("${p}")`, 'generic', p);
    f.d('generated = random.RandomPassword("gen", length=24, special=False)', 'random password resource');
    f.d('api_key = pulumi.Config().require_secret("apiKey")', 'config secret');
  }
  {
    const f = repo.file('ops/home/.pulumi/credentials.json', 'pulumi');
    const tok = pulumiToken();
    f.l('{', '    "current": "https://api.pulumi.com",', '    "accessTokens": {');
    f.s(`        "https://api.pulumi.com": "${tok}"`, 'pulumi', tok);
    f.l('    },', '    "accounts": {', '        "https://api.pulumi.com": {');
    f.s(`            "accessToken": "${tok}",`, 'pulumi', tok);
    f.l('            "username": "acme-ops",', '            "organizations": ["acme-corp"]', '        }', '    }', '}');
  }

  // ---- Azure Bicep / ARM --------------------------------------------------------------------
  {
    const f = repo.file('infra/azure/main.bicep', 'bicep');
    f.l('param location string = resourceGroup().location', '', '@secure()');
    const p1 = pw();
    f.s(`param sqlAdminPassword string = '${p1}'`, 'generic', p1);
    f.l('', '@secure()');
    f.d('param vmAdminPassword string', 'secure param without default');
    f.l('', "resource kv 'Microsoft.KeyVault/vaults@2023-07-01' existing = {", "  name: 'kv-acme-prod'", '}', '');
    f.l("module sql './sql.bicep' = {", "  name: 'sql'", '  params: {');
    f.d("    administratorLoginPassword: kv.getSecret('sql-admin-password')", 'key vault getSecret');
    f.l('  }', '}', '');
    const sk = t.azureStorageKey();
    f.s(
      `var legacyStorageConnection = 'DefaultEndpointsProtocol=https;AccountName=acmelegacy;AccountKey=${sk};EndpointSuffix=core.windows.net'`,
      'azure',
      sk,
    );
    f.d('var storageKey = stg.listKeys().keys[0].value', 'listKeys call');
    f.d(`var tenantId = '${t.uuid()}'`, 'tenant id');
  }
  {
    const f = repo.file('infra/azure/main.parameters.json', 'bicep');
    f.l(
      '{',
      '  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",',
      '  "contentVersion": "1.0.0.0",',
      '  "parameters": {',
    );
    const p = pw();
    f.s(`    "sqlAdminPassword": { "value": "${p}" },`, 'generic', p);
    const cs = t.azureClientSecret();
    f.s(`    "servicePrincipalSecret": { "value": "${cs}" },`, 'azure', cs);
    f.l('    "vmAdminPassword": {', '      "reference": {', '        "keyVault": {');
    f.d(
      `          "id": "/subscriptions/${subId()}/resourceGroups/rg-security/providers/Microsoft.KeyVault/vaults/kv-acme-prod"`,
      'key vault resource id',
    );
    f.l('        },');
    f.d('        "secretName": "vm-admin-password"', 'key vault secret name');
    f.l('      }', '    },');
    f.d(`    "servicePrincipalId": { "value": "${t.uuid()}" }`, 'client id');
    f.l('  }', '}');
  }
  {
    const f = repo.file('infra/azure/prod.bicepparam', 'bicep');
    f.l("using './main.bicep'", '');
    const p = pw();
    f.s(`param sqlAdminPassword = '${p}'`, 'generic', p);
    f.d(
      `param vmAdminPassword = az.getSecret('${subId()}', 'rg-security', 'kv-acme-prod', 'vm-admin-password')`,
      'getSecret',
    );
    f.l("param location = 'westeurope'");
  }
  {
    const f = repo.file('infra/azure/arm/vm-template.json', 'arm');
    f.l(
      '{',
      '  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",',
      '  "contentVersion": "1.0.0.0",',
      '  "parameters": {',
      '    "adminUsername": { "type": "string", "defaultValue": "azureuser" },',
    );
    const p = pw();
    f.s(`    "adminPassword": { "type": "securestring", "defaultValue": "${p}" },`, 'generic', p);
    f.d('    "sshPublicKey": { "type": "securestring", "defaultValue": "" }', 'empty default');
    f.l('  },', '  "variables": {');
    const sk = t.azureStorageKey();
    f.s(
      `    "diagStorageConnection": "DefaultEndpointsProtocol=https;AccountName=acmediag;AccountKey=${sk}",`,
      'azure',
      sk,
    );
    f.d(
      `    "storageKey": "[listKeys(resourceId('Microsoft.Storage/storageAccounts', 'acmediag'), '2023-01-01').keys[0].value]"`,
      'listKeys expression',
    );
    f.l(
      '  },',
      '  "resources": [',
      '    {',
      '      "type": "Microsoft.Compute/virtualMachines",',
      '      "properties": {',
      '        "osProfile": {',
    );
    f.d('          "adminPassword": "[parameters(\'adminPassword\')]"', 'parameter expression');
    f.l('        }', '      }', '    }', '  ]', '}');
  }
  {
    const f = repo.file('infra/azure/functionapp.settings.json', 'arm');
    f.l('[');
    f.d(
      '  { "name": "DbPassword", "value": "@Microsoft.KeyVault(SecretUri=https://kv-acme-prod.vault.azure.net/secrets/db-password/)" },',
      'key vault reference',
    );
    f.d(
      '  { "name": "StripeKey", "value": "@Microsoft.KeyVault(VaultName=kv-acme-prod;SecretName=stripe-key)" },',
      'key vault reference',
    );
    f.d(
      `  { "name": "APPINSIGHTS_INSTRUMENTATIONKEY", "value": "${t.uuid()}" },`,
      'instrumentation key (public ingestion id)',
    );
    const sk = t.azureStorageKey();
    f.s(
      `  { "name": "AzureWebJobsStorage", "value": "DefaultEndpointsProtocol=https;AccountName=acmefunc;AccountKey=${sk};EndpointSuffix=core.windows.net" }`,
      'azure',
      sk,
    );
    f.l(']');
  }

  // ---- Google Deployment Manager ------------------------------------------------------------
  {
    const f = repo.file('infra/gcp/deployment-manager/sql.yaml', 'gdm');
    f.l(
      'imports:',
      '  - path: vm.jinja',
      'resources:',
      '  - name: orders-sql',
      '    type: sqladmin.v1beta4.instance',
      '    properties:',
      '      region: europe-west1',
      '  - name: orders-sql-root',
      '    type: sqladmin.v1beta4.user',
      '    properties:',
      '      instance: $(ref.orders-sql.name)',
      '      name: root',
    );
    const p = pw();
    f.s(`      password: ${p}`, 'generic', p);
    f.l('  - name: web', '    type: vm.jinja', '    properties:');
    f.d('      dbPassword: $(ref.orders-sql-root.password)', 'deployment manager reference');
  }
  {
    const f = repo.file('infra/gcp/deployment-manager/vm.jinja', 'gdm');
    f.l(
      'resources:',
      '- name: {{ env["name"] }}-vm',
      '  type: compute.v1.instance',
      '  properties:',
      '    metadata:',
      '      items:',
      '      - key: db-password',
    );
    f.d('        value: {{ properties["dbPassword"] }}', 'jinja property');
    f.l('      - key: maps-api-key');
    const gk = t.gcpApiKey();
    f.s(`        value: ${gk}`, 'gcp', gk);
    f.l('      - key: ssh-keys');
    f.d(`        value: deploy:${sshPub('deploy@acme')}`, 'ssh public key');
    f.l('      - key: startup-script', '        value: |', '          #!/bin/bash');
    const sp = plainPw();
    f.s(`          echo "postgres://orders:${sp}@10.20.0.5:5432/orders" > /etc/orders/dsn`, 'database', sp);
  }

  // ---- Crossplane ---------------------------------------------------------------------------
  {
    const f = repo.file('infra/crossplane/providerconfig-aws.yaml', 'crossplane');
    f.l(
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: aws-creds',
      '  namespace: crossplane-system',
      'type: Opaque',
      'stringData:',
      '  credentials: |',
      '    [default]',
    );
    const ak = t.awsId();
    const as = t.awsSecret();
    f.s(`    aws_access_key_id = ${ak}`, 'aws', ak);
    f.s(`    aws_secret_access_key = ${as}`, 'aws', as);
    f.l(
      '---',
      'apiVersion: aws.upbound.io/v1beta1',
      'kind: ProviderConfig',
      'metadata:',
      '  name: default',
      'spec:',
      '  credentials:',
      '    source: Secret',
      '    secretRef:',
      '      namespace: crossplane-system',
      '      name: aws-creds',
    );
    f.d('      key: credentials', 'secretRef key');
  }
  {
    const f = repo.file('infra/crossplane/providerconfig-azure.yaml', 'crossplane');
    f.l(
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: azure-creds',
      'stringData:',
      '  credentials: |',
      '    {',
    );
    f.d(`      "clientId": "${t.uuid()}",`, 'client id');
    const cs = t.azureClientSecret();
    f.s(`      "clientSecret": "${cs}",`, 'azure', cs);
    f.d(`      "subscriptionId": "${subId()}",`, 'subscription id');
    f.d(`      "tenantId": "${t.uuid()}",`, 'tenant id');
    f.l('      "activeDirectoryEndpointUrl": "https://login.microsoftonline.com"', '    }');
  }
  {
    const f = repo.file('infra/crossplane/providerconfig-gcp.yaml', 'crossplane');
    const proj = `acme-prod-${t.lower(6)}`;
    const p8 = t.pkcs8Pem();
    f.l('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: gcp-creds', 'stringData:', '  credentials: |', '    {');
    f.l('      "type": "service_account",', `      "project_id": "${proj}",`);
    f.d(`      "private_key_id": "${t.sha1()}",`, 'key id');
    f.s(`      "private_key": ${JSON.stringify(p8.join('\n') + '\n')},`, 'gcp', p8.join('\n'));
    f.l(
      `      "client_email": "crossplane@${proj}.iam.gserviceaccount.com",`,
      `      "client_id": "${t.digits(21)}"`,
      '    }',
    );
  }
  {
    const f = repo.file('infra/crossplane/compositions/postgres.yaml', 'crossplane');
    f.l(
      'apiVersion: apiextensions.crossplane.io/v1',
      'kind: Composition',
      'metadata:',
      '  name: xpostgres.aws.acme-corp.io',
      'spec:',
      '  writeConnectionSecretsToNamespace: crossplane-system',
      '  resources:',
      '    - name: rds',
      '      base:',
      '        apiVersion: rds.aws.upbound.io/v1beta1',
      '        kind: Instance',
      '        spec:',
      '          forProvider:',
      '            username: orders',
    );
    f.d('            autoGeneratePassword: true', 'generated password');
    f.l('            passwordSecretRef:', '              namespace: crossplane-system');
    f.d('              key: password', 'secretRef key');
    f.l('      connectionDetails:', '        - name: password');
    f.d('          fromConnectionSecretKey: attribute.password', 'connection detail mapping');
    f.l(
      '    - name: legacy-user',
      '      base:',
      '        apiVersion: postgresql.sql.crossplane.io/v1alpha1',
      '        kind: Role',
      '        spec:',
      '          forProvider:',
    );
    const p = pw();
    f.s(`            password: "${p}"`, 'generic', p);
  }

  // ---- Ansible ------------------------------------------------------------------------------
  {
    const f = repo.file('deploy/ansible/inventories/prod/hosts.ini', 'ansible');
    f.l('[db]');
    const p1 = pw();
    f.s(`db01.prod ansible_host=10.0.1.10 ansible_user=deploy ansible_password=${p1}`, 'generic', p1);
    f.d(
      'db02.prod ansible_host=10.0.1.11 ansible_user=deploy ansible_ssh_private_key_file=~/.ssh/deploy_ed25519',
      'key path',
    );
    f.l('', '[db:vars]');
    const p2 = pw();
    f.s(`ansible_become_pass=${p2}`, 'generic', p2);
    f.l('', '[windows]', 'win01.prod ansible_host=10.0.2.20', '', '[windows:vars]', 'ansible_user=Administrator');
    const p3 = pw();
    f.s(`ansible_password=${p3}`, 'generic', p3);
    f.l('ansible_connection=winrm', 'ansible_winrm_server_cert_validation=ignore', '', '[web:vars]');
    f.d('ansible_become_password="{{ vault_become_password }}"', 'jinja reference');
  }
  {
    const f = repo.file('deploy/ansible/inventories/staging/hosts.yml', 'ansible');
    f.l(
      'all:',
      '  children:',
      '    app:',
      '      hosts:',
      '        app01.staging:',
      '          ansible_host: 10.1.0.21',
    );
    const p1 = pw();
    f.s(`          ansible_ssh_pass: "${p1}"`, 'generic', p1);
    const p2 = pw();
    f.s(`          ansible_become_password: ${p2}`, 'generic', p2);
    f.l('        app02.staging:', '          ansible_host: 10.1.0.22');
    f.d("          ansible_ssh_pass: \"{{ lookup('env', 'STAGING_SSH_PASS') }}\"", 'env lookup');
  }
  {
    const f = repo.file('deploy/ansible/group_vars/all/main.yml', 'ansible');
    f.l('---', 'app_user: orders', 'mysql_root_user: root');
    const p = pw();
    f.s(`mysql_root_password: "${p}"`, 'generic', p);
    const dd = t.ddApi();
    f.s(`datadog_api_key: "${dd}"`, 'datadog', dd);
    const nr = newrelic();
    f.s(`newrelic_license_key: ${nr}`, 'newrelic', nr);
    f.d('postgres_password: "{{ vault_postgres_password }}"', 'jinja reference');
    f.d("api_token: \"{{ lookup('env', 'API_TOKEN') }}\"", 'env lookup');
    f.d(
      "admin_password: \"{{ lookup('community.hashi_vault.hashi_vault', 'secret=kv/data/admin:password') }}\"",
      'vault lookup',
    );
    f.d(
      "grafana_admin_password: \"{{ lookup('password', '/dev/null length=24 chars=ascii_letters') }}\"",
      'password lookup',
    );
  }
  {
    const f = repo.file('deploy/ansible/group_vars/all/vault.yml', 'ansible');
    f.d(ansibleVault('', 12), 'ansible vault encrypted file');
  }
  {
    const f = repo.file('deploy/ansible/host_vars/web01.prod.yml', 'ansible');
    f.l('---', 'nginx_worker_processes: 4', 'tls_cert_password: !vault |');
    f.d(ansibleVault('  ', 5), 'inline ansible vault');
    const sl = t.slackWebhook();
    f.s(`slack_webhook_url: ${sl}`, 'slack', sl);
    f.d('letsencrypt_account_key: /etc/letsencrypt/accounts/acme-v02/private_key.json', 'path');
  }
  {
    const f = repo.file('deploy/ansible/ansible.cfg', 'ansible');
    f.l('[defaults]', 'inventory = inventories/prod/hosts.ini', 'remote_user = deploy');
    f.d('vault_password_file = ~/.ansible/vault_pass.txt', 'vault password file path');
    f.d('private_key_file = ~/.ssh/deploy_ed25519', 'key path');
    f.l('', '[privilege_escalation]', 'become = True');
  }
  {
    const f = repo.file('deploy/ansible/.vault_pass', 'ansible');
    const vp = t.mixed(ALNUM, 32);
    f.s(vp, 'generic', vp);
  }
  {
    const f = repo.file('deploy/ansible/roles/app/tasks/main.yml', 'ansible');
    f.l('---', '- name: Create deploy user', '  ansible.builtin.user:', '    name: deploy');
    const p1 = pw();
    f.s(`    password: "{{ '${p1}' | password_hash('sha512') }}"`, 'generic', p1);
    f.l('', '- name: Create ops user', '  ansible.builtin.user:', '    name: ops');
    f.d(`    password: "${sha512crypt()}"`, 'sha512-crypt hash');
    f.l('', '- name: Create app user', '  ansible.builtin.user:', '    name: app');
    f.d('    password: "{{ app_password | password_hash(\'sha512\') }}"', 'hashed variable');
    f.l('', '- name: MySQL app user', '  community.mysql.mysql_user:', '    name: orders', '    login_user: root');
    const p2 = pw();
    f.s(`    login_password: ${p2}`, 'generic', p2);
    f.d('    password: "{{ mysql_orders_password }}"', 'jinja reference');
    f.l(
      '',
      '- name: Fetch release',
      '  ansible.builtin.get_url:',
      '    url: https://api.github.com/repos/acme/app/releases/latest',
      '    headers:',
    );
    f.d('      Authorization: "Bearer {{ github_token }}"', 'jinja reference');
    f.l('  environment:');
    const gh = t.github();
    f.s(`    GITHUB_TOKEN: ${gh}`, 'github', gh);
  }

  // ---- Chef ---------------------------------------------------------------------------------
  {
    const f = repo.file('chef/.chef/knife.rb', 'chef');
    f.l('current_dir = File.dirname(__FILE__)', 'log_level :info', 'node_name "deploy"');
    f.d('client_key "#{current_dir}/deploy.pem"', 'key path');
    f.d('encrypted_data_bag_secret "#{current_dir}/encrypted_data_bag_secret"', 'secret file path');
    f.l('chef_server_url "https://chef.acme-corp.io/organizations/acme"');
    const ak = t.awsId();
    const as = t.awsSecret();
    f.s(`knife[:aws_access_key_id] = "${ak}"`, 'aws', ak);
    f.s(`knife[:aws_secret_access_key] = "${as}"`, 'aws', as);
    f.d("knife[:aws_credential_file] = File.join(ENV['HOME'], '.aws', 'credentials')", 'credential file path');
    const lt = linodeToken();
    f.s(`knife[:linode_api_key] = '${lt}'`, 'linode', lt);
  }
  {
    const f = repo.file('chef/.chef/deploy.pem', 'chef');
    const k = t.rsaPem();
    f.s(k, 'private-key', k.join('\n'));
  }
  {
    const f = repo.file('chef/.chef/encrypted_data_bag_secret', 'chef');
    const s = b64bytes(512);
    f.s(s, 'generic', s);
  }
  {
    const f = repo.file('chef/data_bags/credentials/mysql.json', 'chef');
    f.l('{', '  "id": "mysql",', '  "user": "root",');
    const p1 = pw();
    f.s(`  "password": "${p1}",`, 'generic', p1);
    const p2 = pw();
    f.s(`  "replication_password": "${p2}"`, 'generic', p2);
    f.l('}');
  }
  {
    const f = repo.file('chef/data_bags/credentials/stripe.json', 'chef');
    f.l('{', '  "id": "stripe",', '  "secret_key": {');
    f.d(`    "encrypted_data": "${b64bytes(96)}",`, 'chef encrypted data bag ciphertext');
    f.d(`    "iv": "${b64bytes(12)}",`, 'iv');
    f.d(`    "auth_tag": "${b64bytes(16)}",`, 'gcm auth tag');
    f.l('    "version": 3,', '    "cipher": "aes-256-gcm"', '  }', '}');
  }
  {
    const f = repo.file('chef/cookbooks/orders/attributes/default.rb', 'chef');
    const p = pw();
    f.s(`default['orders']['db_password'] = '${p}'`, 'generic', p);
    const nr = newrelic();
    f.s(`default['newrelic']['license'] = '${nr}'`, 'newrelic', nr);
    f.d("default['orders']['api_key'] = data_bag_item('credentials', 'orders')['api_key']", 'data bag lookup');
    f.d("default['orders']['stripe_key'] = chef_vault_item('secrets', 'stripe')['secret_key']", 'chef-vault lookup');
    f.d(`default['orders']['admin_password_hash'] = '${sha512crypt()}'`, 'sha512-crypt hash');
  }

  // ---- Puppet -------------------------------------------------------------------------------
  {
    const f = repo.file('puppet/hiera.yaml', 'puppet');
    f.l(
      '---',
      'version: 5',
      'hierarchy:',
      '  - name: "Secrets"',
      '    lookup_key: eyaml_lookup_key',
      '    paths:',
      '      - "secrets/%{trusted.certname}.eyaml"',
      '    options:',
    );
    f.d('      pkcs7_private_key: /etc/puppetlabs/puppet/eyaml/private_key.pkcs7.pem', 'key path');
    f.d('      pkcs7_public_key: /etc/puppetlabs/puppet/eyaml/public_key.pkcs7.pem', 'key path');
  }
  {
    const f = repo.file('puppet/data/common.yaml', 'puppet');
    f.l('---', 'profile::mysql::root_user: root');
    const p = pw();
    f.s(`profile::mysql::root_password: '${p}'`, 'generic', p);
    const sk = t.stripeLive();
    f.s(`profile::orders::stripe_secret_key: ${sk}`, 'stripe', sk);
    f.d(`profile::orders::db_password: ${eyaml()}`, 'eyaml ciphertext');
    f.l('profile::orders::api_token: >');
    f.d(`    ${eyaml()}`, 'eyaml ciphertext');
    f.d('profile::orders::smtp_password: "%{lookup(\'smtp::password\')}"', 'hiera interpolation');
  }
  {
    const f = repo.file('puppet/modules/profile/manifests/db.pp', 'puppet');
    f.l('class profile::db {', "  class { 'mysql::server':");
    const p1 = pw();
    f.s(`    root_password           => '${p1}',`, 'generic', p1);
    f.l('    remove_default_accounts => true,', '  }', "  mysql::db { 'orders':", "    user     => 'orders',");
    const p2 = pw();
    f.s(`    password => Sensitive('${p2}'),`, 'generic', p2);
    f.l('  }', "  mysql::db { 'reports':", "    user     => 'reports',");
    f.d("    password => lookup('profile::db::reports_password'),", 'hiera lookup');
    f.l('  }', "  mysql_user { 'ro@%':");
    f.d(`    password_hash => '*${t.pick(HEX, 40).toUpperCase()}',`, 'mysql native password hash');
    f.l('  }', "  user { 'deploy':");
    f.d(`    password => '${sha512crypt()}',`, 'sha512-crypt hash');
    f.l('  }', '}');
  }

  // ---- SaltStack ----------------------------------------------------------------------------
  {
    const f = repo.file('salt/pillar/mysql.sls', 'salt');
    f.l('mysql:', '  server:', '    root_user: root');
    const p = pw();
    f.s(`    root_password: '${p}'`, 'generic', p);
    f.l('mail:');
    const sg = t.sendgrid();
    f.s(`  sendgrid_api_key: ${sg}`, 'sendgrid', sg);
  }
  {
    const f = repo.file('salt/pillar/secrets.sls', 'salt');
    f.l('#!yaml|gpg', '', 'orders:', '  db_password: |');
    f.d(pgpMessage('    '), 'gpg-encrypted pillar');
    f.d("  api_key: {{ salt['vault'].read_secret('kv/data/orders', 'api_key') }}", 'vault module lookup');
  }

  // ---- Packer -------------------------------------------------------------------------------
  {
    const f = repo.file('packer/ubuntu.pkr.hcl', 'packer');
    f.l('variable "ssh_password" {', '  type      = string', '  sensitive = true');
    f.d('  default   = env("PKR_VAR_ssh_password")', 'env default');
    f.l('}', '', 'source "qemu" "ubuntu" {', '  ssh_username = "packer"');
    const p = pw();
    f.s(`  ssh_password = "${p}"`, 'generic', p);
    f.l('}', '', 'source "hcloud" "base" {', '  image       = "ubuntu-24.04"');
    const hc = hetznerToken();
    f.s(`  token       = "${hc}"`, 'hetzner', hc);
    f.l('}', '', 'source "digitalocean" "base" {');
    const dop = t.digitalocean();
    f.s(`  api_token    = "${dop}"`, 'digitalocean', dop);
    f.l('}', '', 'source "vultr" "base" {');
    const vk = vultrKey();
    f.s(`  api_key = "${vk}"`, 'vultr', vk);
    f.l('}', '', 'source "vsphere-iso" "base" {');
    f.d('  password = var.vsphere_password', 'variable');
    f.d('  ssh_password = var.ssh_password', 'variable');
    f.l('}');
  }
  {
    const f = repo.file('packer/windows-2022.json', 'packer');
    f.l('{', '  "variables": {');
    f.d('    "winrm_password": "{{env `WINRM_PASSWORD`}}"', 'env template');
    f.l('  },', '  "builders": [', '    {', '      "type": "amazon-ebs",');
    f.d(`      "source_ami": "${ami()}",`, 'ami id');
    const ak = t.awsId();
    const as = t.awsSecret();
    f.s(`      "access_key": "${ak}",`, 'aws', ak);
    f.s(`      "secret_key": "${as}",`, 'aws', as);
    f.l('      "communicator": "winrm",', '      "winrm_username": "Administrator",');
    const wp = pw();
    f.s(`      "winrm_password": "${wp}"`, 'generic', wp);
    f.l('    },', '    {', '      "type": "hyperv-iso",');
    f.d('      "winrm_password": "{{user `winrm_password`}}"', 'user variable');
    f.l('    }', '  ]', '}');
  }
  {
    const f = repo.file('packer/http/preseed.cfg', 'packer');
    f.l('d-i debian-installer/locale string en_US', 'd-i passwd/root-login boolean true');
    const rp = pw();
    f.s(`d-i passwd/root-password password ${rp}`, 'generic', rp);
    f.s(`d-i passwd/root-password-again password ${rp}`, 'generic', rp);
    f.l('d-i passwd/user-fullname string Packer', 'd-i passwd/username string packer');
    f.d(`d-i passwd/user-password-crypted password ${sha512crypt()}`, 'crypted password');
  }
  {
    const f = repo.file('packer/http/ks-rhel9.cfg', 'packer');
    f.l('lang en_US.UTF-8', 'keyboard us', 'timezone UTC --utc');
    const rp = pw();
    f.s(`rootpw --plaintext ${rp}`, 'generic', rp);
    const up = pw();
    f.s(`user --name=packer --groups=wheel --password=${up} --plaintext`, 'generic', up);
    f.l('%packages', '@core', '%end');
  }
  {
    const f = repo.file('packer/http/ks-alma8.cfg', 'packer');
    f.l('lang en_US.UTF-8', 'keyboard us');
    f.d(`rootpw --iscrypted ${sha512crypt()}`, 'iscrypted hash');
    f.d(`user --name=ops --groups=wheel --iscrypted --password=${sha512crypt()}`, 'iscrypted hash');
    f.d('rootpw --lock', 'locked');
  }
  {
    const f = repo.file('packer/http/autoinstall/user-data', 'packer');
    f.l(
      '#cloud-config',
      'autoinstall:',
      '  version: 1',
      '  identity:',
      '    hostname: ubuntu-server',
      '    username: packer',
    );
    f.d(`    password: "${yescrypt()}"`, 'yescrypt hash');
    f.l('  ssh:', '    install-server: true', '    allow-pw: true');
  }

  // ---- Vagrant ------------------------------------------------------------------------------
  {
    const f = repo.file('Vagrantfile', 'vagrant');
    const tfc = tfcToken();
    f.s(`ENV['VAGRANT_CLOUD_TOKEN'] ||= '${tfc}'`, 'terraform-cloud', tfc);
    f.l(
      'Vagrant.configure("2") do |config|',
      '  config.vm.box = "generic/ubuntu2204"',
      '  config.ssh.username = "vagrant"',
    );
    const p = pw();
    f.s(`  config.ssh.password = "${p}"`, 'generic', p);
    f.d('  config.ssh.private_key_path = "~/.vagrant.d/insecure_private_key"', 'insecure key path');
    f.l('  config.ssh.insert_key = false');
    const vt = hvs();
    f.s(`  config.vm.provision "shell", path: "scripts/bootstrap.sh", env: { "VAULT_TOKEN" => "${vt}" }`, 'vault', vt);
    f.d('  config.vm.provision "shell", inline: "echo vagrant:vagrant | chpasswd"', 'vagrant default credentials');
    f.l('  config.vm.provider "vmware_desktop" do |v|');
    f.d('    v.vmx["displayName"] = "orders-dev"', 'setting');
    f.l('  end', 'end');
  }
  {
    const f = repo.file('vagrant/keys/vagrant.pub', 'vagrant');
    f.d(`ssh-rsa AAAAB3NzaC1yc2EAAAABIwAAAQEA${t.mixed(B64, 340)} vagrant insecure public key`, 'public key');
  }

  // ---- cloud-init ---------------------------------------------------------------------------
  {
    const f = repo.file('infra/cloud-init/web-user-data.yaml', 'cloud-init');
    f.l('#cloud-config', 'ssh_pwauth: true', 'chpasswd:', '  expire: false', '  list: |');
    const r = pw();
    f.s(`    root:${r}`, 'generic', r);
    const u = pw();
    f.s(`    ubuntu:${u}`, 'generic', u);
    f.d(`    ops:${sha512crypt()}`, 'hashed chpasswd entry');
    f.d('    backup:RANDOM', 'random password keyword');
    f.l('users:', '  - name: deploy', '    groups: [sudo]');
    const dpw = pw();
    f.s(`    plain_text_passwd: ${dpw}`, 'generic', dpw);
    f.l('    ssh_authorized_keys:');
    f.d(`      - ${sshPub('deploy@laptop')}`, 'ssh public key');
    f.l('  - name: ops');
    f.d(`    passwd: ${sha512crypt()}`, 'sha512-crypt hash');
    f.l('write_files:', '  - path: /etc/orders/env', '    permissions: "0600"', '    content: |');
    const dbp = plainPw();
    f.s(`      DATABASE_URL=postgres://orders:${dbp}@10.0.1.10:5432/orders`, 'database', dbp);
    f.l('runcmd:');
    const kt = kubeadmToken();
    f.s(
      `  - kubeadm join 10.0.0.10:6443 --token ${kt} --discovery-token-ca-cert-hash sha256:${t.sha256()}`,
      'kubernetes',
      kt,
    );
    const rt = glrt();
    f.s(
      `  - gitlab-runner register --non-interactive --url https://gitlab.acme-corp.io --token ${rt} --executor docker`,
      'gitlab',
      rt,
    );
  }
  {
    const f = repo.file('infra/cloud-init/db-user-data.yaml', 'cloud-init');
    f.l('#cloud-config', 'chpasswd:', '  expire: true', '  users:', '    - name: root');
    const r = pw();
    f.s(`      password: ${r}`, 'generic', r);
    f.l('      type: text', '    - name: admin');
    f.d(`      password: ${sha512crypt()}`, 'hashed password');
    f.l(
      '      type: hash',
      '    - name: tmp',
      '      type: RANDOM',
      'write_files:',
      '  - path: /etc/rancher/k3s/config.yaml',
      '    content: |',
    );
    const k3 = t.hex(32);
    f.s(`      token: ${k3}`, 'generic', k3);
    f.d('      server: https://k3s.acme-corp.io:6443', 'url');
    f.d(`      node-label: ["instance-id=i-0${hexId(16)}"]`, 'instance id');
  }

  // ---- Nomad --------------------------------------------------------------------------------
  {
    const f = repo.file('deploy/nomad/jobs/api.nomad.hcl', 'nomad');
    f.l('job "api" {', '  datacenters = ["dc1"]', '  group "api" {', '    task "api" {', '      driver = "docker"');
    f.d('      vault { policies = ["api"] }', 'vault stanza');
    f.l(
      '      config {',
      '        image = "registry.acme-corp.io/api:1.8.2"',
      '        auth {',
      '          username = "ci"',
    );
    const rp = pw();
    f.s(`          password = "${rp}"`, 'generic', rp);
    f.l('        }', '      }', '      env {');
    const sl = t.slackWebhook();
    f.s(`        SLACK_WEBHOOK = "${sl}"`, 'slack', sl);
    f.d('        LOG_LEVEL = "info"', 'setting');
    f.l('      }', '      template {', '        data = <<EOH');
    const dp = pw();
    f.s(`DB_PASSWORD="${dp}"`, 'generic', dp);
    const sk = t.stripeLive();
    f.s(`STRIPE_SECRET_KEY=${sk}`, 'stripe', sk);
    f.d('{{ with secret "kv/data/api" }}PARTNER_API_KEY={{ .Data.data.partner_key }}{{ end }}', 'vault template');
    f.d('FEATURE_FLAGS={{ key "config/api/flags" }}', 'consul key template');
    f.l('EOH', '        destination = "secrets/app.env"', '        env         = true', '      }', '    }', '  }', '}');
  }
  {
    const f = repo.file('deploy/nomad/client.hcl', 'nomad');
    f.l(
      'datacenter = "dc1"',
      'data_dir   = "/opt/nomad/data"',
      'vault {',
      '  enabled = true',
      '  address = "https://vault.acme-corp.io:8200"',
    );
    const vt = hvs();
    f.s(`  token   = "${vt}"`, 'vault', vt);
    f.l('}', 'consul {', '  address = "127.0.0.1:8500"');
    const ct = t.uuid();
    f.s(`  token   = "${ct}"`, 'consul', ct);
    f.l('}', 'acl {', '  enabled = true', '}');
  }
  {
    const f = repo.file('ops/nomad/acl-bootstrap.txt', 'nomad');
    f.l('$ nomad acl bootstrap');
    f.d(`Accessor ID  = ${t.uuid()}`, 'accessor id (not secret)');
    const sid = t.uuid();
    f.s(`Secret ID    = ${sid}`, 'nomad', sid);
    f.l('Name         = Bootstrap Token', 'Type         = management', 'Global       = true');
    f.d('Create Time  = 2026-03-02 10:14:07.61 +0000 UTC', 'timestamp');
  }

  // ---- Consul -------------------------------------------------------------------------------
  {
    const f = repo.file('deploy/consul/server.hcl', 'consul');
    f.l('datacenter = "dc1"', 'server     = true', 'bootstrap_expect = 3');
    f.d(`node_id    = "${t.uuid()}"`, 'node id');
    const gk = gossipKey();
    f.s(`encrypt    = "${gk}"`, 'consul', gk);
    f.d('ca_file    = "/etc/consul.d/tls/consul-agent-ca.pem"', 'path');
    f.l('acl {', '  enabled        = true', '  default_policy = "deny"', '  tokens {');
    const im = t.uuid();
    f.s(`    initial_management = "${im}"`, 'consul', im);
    const ag = t.uuid();
    f.s(`    agent              = "${ag}"`, 'consul', ag);
    f.l('  }', '}');
  }
  {
    const f = repo.file('deploy/consul/client.json', 'consul');
    f.l('{', '  "datacenter": "dc1",');
    const gk = gossipKey();
    f.s(`  "encrypt": "${gk}",`, 'consul', gk);
    f.d('  "retry_join": ["provider=aws tag_key=consul-role tag_value=server"],', 'cloud auto-join');
    const dt = t.uuid();
    f.s(`  "acl": { "enabled": true, "tokens": { "default": "${dt}" } },`, 'consul', dt);
    f.d(`  "node_meta": { "instance_id": "i-0${hexId(16)}" }`, 'instance id');
    f.l('}');
  }

  // ---- Vault server configs -----------------------------------------------------------------
  {
    const f = repo.file('deploy/vault/vault.hcl', 'vault');
    f.l(
      'ui = true',
      'api_addr = "https://vault-2.acme-corp.io:8200"',
      'storage "consul" {',
      '  address = "127.0.0.1:8500"',
      '  path    = "vault/"',
    );
    const ct = t.uuid();
    f.s(`  token   = "${ct}"`, 'consul', ct);
    f.l('}', 'seal "transit" {', '  address    = "https://vault-seal.acme-corp.io:8200"');
    const vt = hvs();
    f.s(`  token      = "${vt}"`, 'vault', vt);
    f.l('  key_name   = "autounseal"', '  mount_path = "transit/"', '}');
  }
  {
    const f = repo.file('deploy/vault/seal-awskms.hcl', 'vault');
    f.l('seal "awskms" {', `  region     = "${region()}"`);
    const ak = t.awsId();
    const as = t.awsSecret();
    f.s(`  access_key = "${ak}"`, 'aws', ak);
    f.s(`  secret_key = "${as}"`, 'aws', as);
    f.d(`  kms_key_id = "${t.uuid()}"`, 'kms key id');
    f.l('}');
  }
  {
    const f = repo.file('deploy/vault/seal-azure.hcl', 'vault');
    f.l('seal "azurekeyvault" {');
    f.d(`  tenant_id      = "${t.uuid()}"`, 'tenant id');
    f.d(`  client_id      = "${t.uuid()}"`, 'client id');
    const cs = t.azureClientSecret();
    f.s(`  client_secret  = "${cs}"`, 'azure', cs);
    f.l('  vault_name     = "kv-acme-unseal"', '  key_name       = "vault-unseal"', '}');
  }
  {
    const f = repo.file('ops/vault/init-2026-03.txt', 'vault');
    f.l('$ vault operator init -key-shares=5 -key-threshold=3');
    for (let i = 1; i <= 3; i++) {
      const k = unsealKey();
      f.s(`Unseal Key ${i}: ${k}`, 'vault', k);
    }
    f.l('');
    const rt = hvs();
    f.s(`Initial Root Token: ${rt}`, 'vault', rt);
    f.l('', 'Vault initialized with 5 key shares and a key threshold of 3.');
    f.d('Please securely distribute the key shares printed above.', 'prose');
  }

  // ---- misc decoys --------------------------------------------------------------------------
  {
    const f = repo.file('infra/README.md', 'docs');
    f.l('# Infrastructure', '', 'Secrets live in Vault, Key Vault and Secrets Manager; never commit them.', '');
    f.d(`- Example bcrypt hash used in the htpasswd docs: \`${bcrypt()}\``, 'bcrypt hash');
    f.d('- Ansible: `ansible-vault encrypt_string --vault-password-file ~/.ansible/vault_pass.txt`', 'command');
    f.d(`- Terraform state bucket: \`arn:aws:s3:::acme-tfstate-${t.lower(8)}\``, 's3 arn');
    f.d(`- Pulumi org id: \`${t.uuid()}\``, 'uuid');
  }
  return repo;
}
