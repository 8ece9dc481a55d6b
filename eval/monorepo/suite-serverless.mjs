// Red-team suite "serverless": serverless, edge and platform-as-a-service projects. Serverless
// Framework, AWS SAM, CDK (TypeScript and Python), Chalice, Zappa, Amplify, Cloudflare Workers,
// Netlify, Vercel, Firebase, Supabase, Fly.io, Render, Railway, Heroku, Google Cloud Functions and
// Cloud Run, Azure Functions, Knative, OpenFaaS, Deno Deploy, Bun, Next.js, Nuxt, SvelteKit, Remix,
// Astro, Expo, Pulumi, Doppler and Infisical, deploy scripts, deploy hooks and webhooks.
// Decoys are what those files really hold: public env, publishable keys, encrypted Pulumi values,
// secret-manager ARNs and references, template variables, placeholders and ids.
import { ALNUM, B64, HEX, LOWER, UPPER, URLSAFE, DIGIT, Repo, makeTokens, mulberry32 } from './generate.mjs';

function extra(rand, t) {
  const one = (list) => list[Math.floor(rand() * list.length)];
  const urlPw = () => t.password().replace(/[^A-Za-z0-9]/g, '') + t.pick(DIGIT, 2);
  return {
    one,
    urlPw,
    whsec: () => `whsec_${t.mixed(ALNUM, 32)}`,
    resend: () => `re_${t.mixed(ALNUM, 8)}_${t.mixed(ALNUM, 24)}`,
    clerkSecret: () => `sk_live_${t.mixed(ALNUM, 40)}`,
    clerkPub: () =>
      `pk_live_${Buffer.from(`clerk.${t.lower(6)}.acme-corp.io$`)
        .toString('base64')
        .replace(/=+$/, '')}`,
    render: () => `rnd_${t.mixed(ALNUM, 32)}`,
    pulumi: () => `pul-${t.hex(40)}`,
    netlify: () => `nfp_${t.mixed(ALNUM, 36)}`,
    fly: () => `FlyV1 fm2_${t.mixed(B64, 220)}`,
    flyUser: () => `fo1_${t.mixed(URLSAFE, 43)}`,
    sbp: () => `sbp_${t.hex(40)}`,
    sbSecret: () => `sb_secret_${t.mixed(URLSAFE, 32)}`,
    sbPublishable: () => `sb_publishable_${t.mixed(URLSAFE, 30)}`,
    dopplerSt: () => `dp.st.prd.${t.mixed(ALNUM, 43)}`,
    deno: () => `ddp_${t.mixed(ALNUM, 36)}`,
    gocspx: () => `GOCSPX-${t.mixed(URLSAFE, 28)}`,
    mailgun: () => `key-${t.hex(32)}`,
    sbKey: () => `${t.mixed(B64, 43)}=`,
    upstash: () => `A${t.mixed(URLSAFE, 15)}${t.mixed(ALNUM, 60)}`,
    sentryUser: () => `sntryu_${t.hex(64)}`,
    mapboxSecret: () => `sk.eyJ1IjoiYWNtZS1jb3JwIiwiYSI6I${t.mixed(ALNUM, 20)}.${t.mixed(URLSAFE, 22)}`,
    mapboxPublic: () => `pk.eyJ1IjoiYWNtZS1jb3JwIiwiYSI6I${t.mixed(ALNUM, 20)}.${t.mixed(URLSAFE, 22)}`,
    stripePub: () => `pk_live_51${t.mixed(ALNUM, 97)}`,
    posthog: () => `phc_${t.mixed(ALNUM, 43)}`,
    gaId: () => `G-${t.mixed(UPPER + DIGIT, 10)}`,
    discordHook: () => `https://discord.com/api/webhooks/${t.digits(19)}/${t.mixed(URLSAFE, 68)}`,
    telegram: () => `${t.digits(10)}:AA${t.mixed(URLSAFE, 33)}`,
    vercelHook: () => `https://api.vercel.com/v1/integrations/deploy/prj_${t.mixed(ALNUM, 28)}/${t.mixed(ALNUM, 10)}`,
    netlifyHook: () => `https://api.netlify.com/build_hooks/${t.hex(24)}`,
    renderHook: () => `https://api.render.com/deploy/srv-${t.pick(LOWER + DIGIT, 20)}?key=${t.mixed(ALNUM, 11)}`,
    awsAccount: () => t.digits(12),
    anonJwt: (ref) => {
      const b = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
      return `${b({ alg: 'HS256', typ: 'JWT' })}.${b({ iss: 'supabase', ref, role: 'anon', iat: 1735689600, exp: 2051222400 })}.${t.mixed(URLSAFE, 43)}`;
    },
    pulumiSecure: () => `v1:${t.mixed(B64, 16)}:${t.mixed(B64, 60)}`,
    sentryDsn: () => `https://${t.pick(HEX, 32)}@o${t.digits(6)}.ingest.us.sentry.io/${t.digits(7)}`,
  };
}

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 6271 + 389);
  const t = makeTokens(rand);
  const x = extra(rand, t);
  const repo = new Repo();
  serverlessFramework(repo, t, x);
  sam(repo, t, x);
  cdk(repo, t, x);
  pythonLambda(repo, t, x);
  amplify(repo, t, x);
  cloudflare(repo, t, x);
  netlifyVercel(repo, t, x);
  firebaseSupabase(repo, t, x);
  paas(repo, t, x);
  gcpAzure(repo, t, x);
  faas(repo, t, x);
  frameworks(repo, t, x);
  pulumiSecrets(repo, t, x);
  scripts(repo, t, x);
  return repo;
}

function serverlessFramework(repo, t, x) {
  const f = repo.file('services/orders/serverless.yml', 'serverless');
  f.l('service: orders-api', "frameworkVersion: '3'", '', 'provider:', '  name: aws', '  runtime: nodejs20.x');
  f.l('  region: ${opt:region, "eu-west-1"}', '  stage: ${opt:stage, "dev"}', '  environment:');
  f.l('    NODE_OPTIONS: --enable-source-maps', '    TABLE_NAME: ${self:service}-${sls:stage}-orders');
  const sk = t.stripeLive();
  f.s(`    STRIPE_SECRET_KEY: ${sk}`, 'stripe', sk);
  f.d('    STRIPE_WEBHOOK_SECRET: ${ssm:/orders/${sls:stage}/stripe-webhook-secret}', 'ssm reference');
  const pg = x.urlPw();
  f.s(
    `    DATABASE_URL: "postgresql://orders:${pg}@orders-db.cluster-c9x.eu-west-1.rds.amazonaws.com:5432/orders"`,
    'database',
    pg,
  );
  f.d('    SENDGRID_API_KEY: ${env:SENDGRID_API_KEY}', 'env reference');
  f.d(
    `    DB_SECRET_ARN: arn:aws:secretsmanager:eu-west-1:${x.awsAccount()}:secret:orders/db-${t.mixed(ALNUM, 6)}`,
    'secrets manager ARN',
  );
  const jw = t.hex(64);
  f.s(`    JWT_SIGNING_SECRET: '${jw}'   # rotate quarterly`, 'generic', jw);
  f.l('  iam:', '    role:', '      statements:', '        - Effect: Allow', '          Action: [dynamodb:PutItem]');
  f.l('', 'custom:', '  alerts:');
  const slack = t.slackWebhook();
  f.s(`    slackWebhook: ${slack}`, 'slack', slack);
  f.l('  datadog:');
  const dd = t.ddApi();
  f.s(`    apiKey: ${dd}`, 'datadog', dd);
  f.l('    site: datadoghq.eu', '  customDomain:', '    domainName: api.acme-corp.io');
  f.d(`    certificateArn: arn:aws:acm:us-east-1:${x.awsAccount()}:certificate/${t.uuid()}`, 'certificate ARN');
  f.l('', 'params:', '  prod:', '    logLevel: warn');
  const sg = t.sendgrid();
  f.s(`    sendgridKey: "${sg}"`, 'sendgrid', sg);
  f.l('  default:', '    logLevel: debug');
  f.d('    sendgridKey: SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'placeholder');

  const s2 = repo.file('services/notifier/serverless.ts', 'serverless');
  s2.l("import type { AWS } from '@serverless/typescript';", '', 'const config: AWS = {', "  service: 'notifier',");
  s2.l('  provider: {', "    name: 'aws',", "    runtime: 'nodejs20.x',", '    environment: {');
  const tw = t.twilioToken();
  s2.l(`      TWILIO_ACCOUNT_SID: '${t.twilioSid()}',`);
  s2.s(`      TWILIO_AUTH_TOKEN: '${tw}',`, 'twilio', tw);
  const tg = x.telegram();
  s2.s(`      TELEGRAM_BOT_TOKEN: "${tg}",`, 'telegram', tg);
  s2.d("      QUEUE_URL: { Ref: 'NotifyQueue' },", 'cfn ref');
  s2.d("      API_KEY: '${ssm:/notifier/api-key}',", 'ssm reference');
  s2.l('    },', '  },', '};', 'module.exports = config;');

  const st = repo.file('services/orders/.serverless/serverless-state.json', 'serverless');
  const ak = t.awsId();
  const as = t.awsSecret();
  const sk2 = t.stripeLive();
  st.l('{', '  "service": {', '    "service": "orders-api",', '    "provider": {', '      "environment": {');
  st.s(`        "STRIPE_SECRET_KEY": "${sk2}",`, 'stripe', sk2);
  st.s(`        "AWS_ACCESS_KEY_ID_ETL": "${ak}",`, 'aws', ak);
  st.s(`        "AWS_SECRET_ACCESS_KEY_ETL": "${as}",`, 'aws', as);
  st.l('        "TABLE_NAME": "orders-api-prod-orders"', '      },');
  st.d(
    `      "deploymentBucketObject": { "name": "serverless-framework-deployments-eu-west-1-${t.hex(8)}-${t.lower(4)}" },`,
    'bucket name',
  );
  st.d(`      "artifactHash": "${t.sha256()}"`, 'artifact hash');
  st.l('    }', '  }', '}');

  const env = repo.file('services/orders/.env.prod', 'serverless');
  env.l('# loaded by serverless-dotenv-plugin');
  const oa = t.openai();
  env.s(`OPENAI_API_KEY=${oa}`, 'openai', oa);
  const mg = x.mailgun();
  env.s(`MAILGUN_API_KEY=${mg}`, 'mailgun', mg);
  env.d('MAILGUN_DOMAIN=mg.acme-corp.io', 'domain');
  env.d('SENTRY_DSN=' + x.sentryDsn(), 'public sentry DSN');
}

function sam(repo, t, x) {
  const f = repo.file('apps/billing/template.yaml', 'sam');
  f.l(
    "AWSTemplateFormatVersion: '2010-09-09'",
    'Transform: AWS::Serverless-2016-10-31',
    'Parameters:',
    '  DbPassword:',
  );
  f.l('    Type: String', '    NoEcho: true');
  const dp = t.password();
  f.s(`    Default: '${dp}'`, 'generic', dp);
  f.l('  StripeKey:', '    Type: String', '    NoEcho: true');
  f.d('    Default: ""', 'empty default');
  f.l('Globals:', '  Function:', '    Timeout: 10', '    Environment:', '      Variables:');
  f.d('        DB_PASSWORD: !Ref DbPassword', 'cfn ref');
  f.d("        STRIPE_KEY: '{{resolve:secretsmanager:billing/stripe:SecretString:key}}'", 'dynamic reference');
  f.d('        SIGNING_KEY: "{{resolve:ssm-secure:/billing/signing-key:3}}"', 'dynamic reference');
  const an = t.anthropic();
  f.s(`        ANTHROPIC_API_KEY: ${an}`, 'anthropic', an);
  f.l(
    'Resources:',
    '  InvoiceFunction:',
    '    Type: AWS::Serverless::Function',
    '    Properties:',
    '      Handler: app.handler',
  );
  f.d(`      CodeUri: s3://aws-sam-cli-managed-default-samclisourcebucket-${t.lower(12)}/${t.hex(32)}`, 'artifact key');
  f.l('      Events:', '        Api:', '          Type: Api');

  const c = repo.file('apps/billing/samconfig.toml', 'sam');
  c.l('version = 0.1', '[default.deploy.parameters]', 'stack_name = "billing"');
  c.d('s3_bucket = "aws-sam-cli-managed-default-samclisourcebucket-1xq2b7w0kz3m"', 'bucket');
  c.l('capabilities = "CAPABILITY_IAM"');
  const p1 = t.password().replace(/[^A-Za-z0-9]/g, '');
  const sk = t.stripeLive();
  c.s(`parameter_overrides = "DbPassword=${p1} StripeKey=${sk} Stage=prod"`, 'generic', p1);
  c.l('[staging.deploy.parameters]', 'stack_name = "billing-staging"');
  c.d('parameter_overrides = "DbPassword=REPLACE_ME StripeKey=sk_test_REPLACE_ME Stage=staging"', 'placeholder');
  const c2 = repo.file('apps/billing/samconfig.prod.toml', 'sam');
  c2.l('version = 0.1', '[prod.deploy.parameters]');
  const sk3 = t.stripeLive();
  c2.s(`parameter_overrides = ["StripeKey=${sk3}", "Stage=prod"]`, 'stripe', sk3);
  c2.d(
    `image_repository = "${x.awsAccount()}.dkr.ecr.eu-west-1.amazonaws.com/billing${t.hex(8)}/invoicefunction${t.hex(8)}repo"`,
    'ecr repo',
  );

  const ev = repo.file('apps/billing/env.json', 'sam');
  const gh = t.github();
  const twk = t.twilioToken();
  ev.l('{', '  "InvoiceFunction": {');
  ev.s(`    "GITHUB_TOKEN": "${gh}",`, 'github', gh);
  ev.s(`    "TWILIO_AUTH_TOKEN": "${twk}",`, 'twilio', twk);
  ev.d('    "DB_PASSWORD": "local-dev-password",', 'local placeholder');
  ev.d(`    "AWS_SAM_LOCAL_REQUEST_ID": "${t.uuid()}"`, 'uuid');
  ev.l('  }', '}');

  const ex = repo.file('apps/billing/events/apigw.json', 'sam');
  ex.l('{', '  "resource": "/invoices",', '  "httpMethod": "POST",', '  "headers": {');
  const bearer = t.jwt();
  ex.s(`    "Authorization": "Bearer ${bearer}",`, 'generic', bearer);
  ex.d(`    "X-Amzn-Trace-Id": "Root=1-${t.hex(8)}-${t.pick(HEX, 24)}"`, 'trace id');
  ex.l('  },', '  "requestContext": {');
  ex.d(`    "requestId": "${t.uuid()}",`, 'uuid');
  ex.d(`    "apiId": "${t.pick(LOWER + DIGIT, 10)}"`, 'api id');
  ex.l('  }', '}');
}

function cdk(repo, t, x) {
  const f = repo.file('infra/cdk/lib/api-stack.ts', 'cdk');
  f.l(
    "import * as cdk from 'aws-cdk-lib';",
    "import * as lambda from 'aws-cdk-lib/aws-lambda';",
    "import * as sm from 'aws-cdk-lib/aws-secretsmanager';",
    '',
    'export class ApiStack extends cdk.Stack {',
    '  constructor(scope: cdk.App, id: string, props?: cdk.StackProps) {',
    '    super(scope, id, props);',
  );
  const p = t.password();
  f.s(`    const dbPassword = cdk.SecretValue.unsafePlainText('${p}');`, 'generic', p);
  f.l('    new sm.Secret(this, "GithubToken", {');
  const gh = t.github();
  f.s(`      secretStringValue: cdk.SecretValue.unsafePlainText(\n        "${gh}",\n      ),`, 'github', gh);
  f.l('    });');
  f.d("    const stripe = sm.Secret.fromSecretNameV2(this, 'Stripe', 'prod/stripe/secret-key');", 'secret name');
  f.d(
    `    const slack = cdk.SecretValue.secretsManager('arn:aws:secretsmanager:us-east-1:${x.awsAccount()}:secret:slack-${t.mixed(ALNUM, 6)}');`,
    'secret ARN',
  );
  f.l(
    "    new lambda.Function(this, 'Handler', {",
    '      runtime: lambda.Runtime.NODEJS_20_X,',
    '      environment: {',
  );
  const rs = x.resend();
  f.s(`        RESEND_API_KEY: '${rs}',`, 'resend', rs);
  const sb = t.supabaseServiceRole();
  f.s(`        SUPABASE_SERVICE_ROLE_KEY:\n          '${sb}',`, 'supabase', sb);
  f.d('        STRIPE_SECRET_ARN: stripe.secretArn,', 'reference');
  f.d("        POWERTOOLS_SERVICE_NAME: 'api',", 'setting');
  f.l('      },', '    });', '  }', '}');

  const py = repo.file('infra/cdk-py/stacks/worker_stack.py', 'cdk');
  py.l(
    'from aws_cdk import Stack, SecretValue, aws_lambda as _lambda, aws_rds as rds',
    'from constructs import Construct',
  );
  py.l('', '', 'class WorkerStack(Stack):', '    def __init__(self, scope: Construct, id: str, **kwargs) -> None:');
  py.l(
    '        super().__init__(scope, id, **kwargs)',
    '        creds = rds.Credentials.from_password(',
    '            "worker",',
  );
  const pp = t.password();
  py.s(`            SecretValue.unsafe_plain_text("${pp}"),`, 'generic', pp);
  py.l('        )', '        _lambda.Function(', '            self, "Worker",', '            environment={');
  const dk = t.digitalocean();
  py.s(`                "DO_TOKEN": "${dk}",`, 'digitalocean', dk);
  const hf = t.ddApp();
  py.s(`                "DD_APP_KEY": "${hf}",  # datadog app key for monitors`, 'datadog', hf);
  py.d('                "DB_SECRET": creds.secret_name or "",', 'reference');
  py.l('            },', '        )');
  py.d('        api_key = SecretValue.secrets_manager("prod/worker/api-key", json_field="value")', 'secret reference');

  const ctx = repo.file('infra/cdk/cdk.context.json', 'cdk');
  ctx.l('{');
  ctx.d(
    `  "availability-zones:account=${x.awsAccount()}:region=eu-west-1": ["eu-west-1a", "eu-west-1b"],`,
    'account id',
  );
  ctx.d(`  "ami:account=${x.awsAccount()}:filters.image-type.0=machine": "ami-${t.pick(HEX, 17)}",`, 'ami id');
  ctx.d(
    `  "hosted-zone:account=${x.awsAccount()}:domainName=acme-corp.io": { "Id": "/hostedzone/Z${t.mixed(UPPER + DIGIT, 13)}" }`,
    'zone id',
  );
  ctx.l('}');

  const out = repo.file('infra/cdk/cdk.out/ApiStack.template.json', 'cdk');
  out.l(
    '{',
    '  "Resources": {',
    '    "HandlerFn": {',
    '      "Properties": {',
    '        "Environment": {',
    '          "Variables": {',
  );
  const rs2 = x.resend();
  out.s(`            "RESEND_API_KEY": "${rs2}",`, 'resend', rs2);
  out.d('            "STRIPE_SECRET_ARN": { "Ref": "StripeSecret8AC1" }', 'cfn ref');
  out.l('          }', '        },');
  out.d(`        "Code": { "S3Key": "${t.sha256()}.zip" }`, 'asset hash');
  out.l('      }', '    }', '  }', '}');
}

function pythonLambda(repo, t, x) {
  const ch = repo.file('apps/reports/.chalice/config.json', 'chalice');
  ch.l(
    '{',
    '  "version": "2.0",',
    '  "app_name": "reports",',
    '  "stages": {',
    '    "prod": {',
    '      "api_gateway_stage": "api",',
    '      "environment_variables": {',
  );
  const sg = t.sendgrid();
  ch.s(`        "SENDGRID_API_KEY": "${sg}",`, 'sendgrid', sg);
  const pw = x.urlPw();
  ch.s(
    `        "DB_URL": "mysql+pymysql://reports:${pw}@reports.c8x.eu-west-1.rds.amazonaws.com/reports",`,
    'database',
    pw,
  );
  ch.d(`        "REPORTS_BUCKET": "acme-reports-${t.hex(8)}"`, 'bucket');
  ch.l('      },');
  ch.d(`      "iam_role_arn": "arn:aws:iam::${x.awsAccount()}:role/reports-prod"`, 'role ARN');
  ch.l('    }', '  }', '}');

  const z = repo.file('apps/legacy-django/zappa_settings.json', 'zappa');
  z.l('{', '  "production": {', '    "app_function": "legacy.wsgi.application",', '    "aws_region": "us-east-1",');
  z.d('    "s3_bucket": "zappa-legacy-prod-8x2kq",', 'bucket');
  z.d('    "remote_env": "s3://acme-secrets-prod/legacy/env.json",', 'remote env reference');
  z.l('    "environment_variables": {');
  const dj = `${t.mixed(ALNUM, 30)}${t.pick('!@#%^*(-_=+', 4)}${t.mixed(ALNUM, 16)}`;
  z.s(`      "DJANGO_SECRET_KEY": "${dj}",`, 'generic', dj);
  const sentryU = x.sentryUser();
  z.s(`      "SENTRY_AUTH_TOKEN": "${sentryU}"`, 'sentry', sentryU);
  z.l('    },', '    "aws_environment_variables": {');
  const rpw = x.urlPw();
  z.s(`      "REDIS_URL": "rediss://default:${rpw}@legacy-cache.upstash.io:6379"`, 'redis', rpw);
  z.l('    }', '  },', '  "dev": {', '    "extends": "production",', '    "environment_variables": {');
  z.d('      "DJANGO_SECRET_KEY": "django-insecure-dev-only-change-me"', 'dev placeholder');
  z.l('    }', '  }', '}');

  const h = repo.file('apps/reports/app.py', 'chalice');
  h.l('import os', 'import boto3', 'from chalice import Chalice', '', 'app = Chalice(app_name="reports")');
  const sl = t.slackBot();
  h.s(`SLACK_TOKEN = os.environ.get("SLACK_TOKEN", "${sl}")`, 'slack', sl);
  h.d(
    'DB_SECRET = boto3.client("secretsmanager").get_secret_value(SecretId="reports/db")["SecretString"]',
    'secret lookup',
  );
  h.d('API_KEY = os.environ["REPORTS_API_KEY"]', 'env lookup');

  const lam = repo.file('functions/thumbnailer/lambda_function.py', 'lambda');
  lam.l('import json', 'import urllib.request', '');
  const cfk = t.cloudflare();
  lam.s(`CF_API_TOKEN = "${cfk}"  # images:edit`, 'cloudflare', cfk);
  const up = x.upstash();
  lam.s(`UPSTASH_REDIS_REST_TOKEN = '${up}'`, 'upstash', up);
  lam.d('UPSTASH_REDIS_REST_URL = "https://eu1-lucky-gnat-38211.upstash.io"', 'url');
  lam.l('', 'def lambda_handler(event, context):', '    return {"statusCode": 200, "body": json.dumps({"ok": True})}');
}

function amplify(repo, t, x) {
  const a = repo.file('web/portal/src/aws-exports.js', 'amplify');
  a.l(
    '/* eslint-disable */',
    '// WARNING: DO NOT EDIT. This file is automatically generated by AWS Amplify.',
    '',
    'const awsmobile = {',
  );
  a.l('    "aws_project_region": "eu-west-1",', '    "aws_cognito_region": "eu-west-1",');
  a.d(`    "aws_cognito_identity_pool_id": "eu-west-1:${t.uuid()}",`, 'identity pool id');
  a.d(`    "aws_user_pools_id": "eu-west-1_${t.mixed(ALNUM, 9)}",`, 'user pool id');
  a.d(`    "aws_user_pools_web_client_id": "${t.pick(LOWER + DIGIT, 26)}",`, 'public client id');
  a.d(
    `    "aws_appsync_graphqlEndpoint": "https://${t.pick(LOWER, 26)}.appsync-api.eu-west-1.amazonaws.com/graphql",`,
    'endpoint',
  );
  a.l('    "aws_appsync_authenticationType": "AMAZON_COGNITO_USER_POOLS",');
  a.d(`    "aws_user_files_s3_bucket": "portal-uploads${t.hex(6)}-prod",`, 'bucket');
  a.l('};', '', 'export default awsmobile;');

  const tp = repo.file('web/portal/amplify/team-provider-info.json', 'amplify');
  tp.l('{', '  "prod": {', '    "awscloudformation": {');
  tp.d(
    `      "AuthRoleArn": "arn:aws:iam::${x.awsAccount()}:role/amplify-portal-prod-${t.digits(5)}-authRole",`,
    'role ARN',
  );
  tp.d(
    `      "StackId": "arn:aws:cloudformation:eu-west-1:${x.awsAccount()}:stack/amplify-portal-prod/${t.uuid()}",`,
    'stack ARN',
  );
  tp.d(`      "AmplifyAppId": "d${t.pick(LOWER + DIGIT, 13)}"`, 'app id');
  tp.l('    },', '    "categories": {', '      "auth": {', '        "portalauth": {');
  const gs = x.gocspx();
  const gid = `${t.digits(12)}-${t.pick(LOWER + DIGIT, 32)}.apps.googleusercontent.com`;
  tp.s(
    `          "hostedUIProviderCreds": "[{\\"ProviderName\\":\\"Google\\",\\"client_id\\":\\"${gid}\\",\\"client_secret\\":\\"${gs}\\"}]"`,
    'google',
    gs,
  );
  tp.l('        }', '      },', '      "function": {', '        "portalmailer": {');
  const pm = t.hex(8) + '-' + t.hex(4) + '-' + t.hex(4) + '-' + t.hex(4) + '-' + t.hex(12);
  tp.s(`          "postmarkServerToken": "${pm}"`, 'postmark', pm);
  tp.l('        }', '      }', '    }', '  }', '}');

  const lp = repo.file('web/portal/amplify/backend/function/portalmailer/parameters.json', 'amplify');
  lp.l('{');
  lp.d('  "secretNames": ["POSTMARK_TOKEN"],', 'secret names');
  lp.d(`  "lambdaLayers": [{ "type": "ProjectLayer", "resourceName": "shared", "version": "Always" }]`, 'layer ref');
  lp.l('}');
}

function cloudflare(repo, t, x) {
  const w = repo.file('edge/worker-api/wrangler.toml', 'cloudflare');
  w.l('name = "worker-api"', 'main = "src/index.ts"', 'compatibility_date = "2025-06-01"');
  w.d(`account_id = "${t.pick(HEX, 32)}"`, 'account id');
  w.l('', '[vars]', 'ENVIRONMENT = "production"');
  w.d(`PUBLIC_TURNSTILE_SITE_KEY = "0x4AAAAAAA${t.mixed(URLSAFE, 14)}"`, 'turnstile site key (public)');
  const tsec = `0x4AAAAAAA${t.mixed(URLSAFE, 24)}`;
  w.s(`TURNSTILE_SECRET_KEY = "${tsec}"`, 'cloudflare', tsec);
  const ant = t.anthropic();
  w.s(`ANTHROPIC_KEY = "${ant}" # TODO move to wrangler secret`, 'anthropic', ant);
  w.l('', '[[kv_namespaces]]', 'binding = "CACHE"');
  w.d(`id = "${t.pick(HEX, 32)}"`, 'kv namespace id');
  w.l('', '[[d1_databases]]', 'binding = "DB"', 'database_name = "prod-api"');
  w.d(`database_id = "${t.uuid()}"`, 'd1 id');
  w.l('', '[env.staging.vars]');
  w.d('ANTHROPIC_KEY = "sk-ant-api03-xxxxxxxxxxxxxxxxxxxxxxxx"', 'placeholder');

  const dv = repo.file('edge/worker-api/.dev.vars', 'cloudflare');
  const oa = t.openai();
  dv.s(`OPENAI_API_KEY="${oa}"`, 'openai', oa);
  const ws = x.whsec();
  dv.s(`STRIPE_WEBHOOK_SECRET=${ws}`, 'stripe', ws);
  const dbp = x.urlPw();
  dv.s(
    `DATABASE_URL=postgres://neondb_owner:${dbp}@ep-cool-river-a5x1b2c3.eu-central-1.aws.neon.tech/neondb?sslmode=require`,
    'database',
    dbp,
  );

  const wj = repo.file('edge/pages-site/wrangler.jsonc', 'cloudflare');
  wj.l(
    '{',
    '  // Pages project config',
    '  "name": "marketing",',
    '  "pages_build_output_dir": "./dist",',
    '  "vars": {',
  );
  const ck = x.clerkSecret();
  wj.s(`    "CLERK_SECRET_KEY": "${ck}",`, 'clerk', ck);
  wj.d(`    "CLERK_PUBLISHABLE_KEY": "${x.clerkPub()}",`, 'publishable key');
  wj.d(`    "PUBLIC_POSTHOG_KEY": "${x.posthog()}"`, 'public project key');
  wj.l('  },');
  wj.d(`  "r2_buckets": [{ "binding": "ASSETS", "bucket_name": "marketing-assets", "jurisdiction": "eu" }]`, 'bucket');
  wj.l('}');

  const src = repo.file('edge/worker-api/src/upstream.ts', 'cloudflare');
  src.l('export async function forward(req: Request, env: Env) {');
  src.d('  const key = env.ANTHROPIC_KEY;', 'binding reference');
  const cfn = t.cloudflareNew();
  src.s(`  const purgeToken = '${cfn}';`, 'cloudflare', cfn);
  src.l("  return fetch('https://api.cloudflare.com/client/v4/zones/purge_cache', {", "    method: 'POST',");
  src.l('    headers: { Authorization: `Bearer ${purgeToken}` },', '  });', '}');
}

function netlifyVercel(repo, t, x) {
  const n = repo.file('web/docs/netlify.toml', 'netlify');
  n.l(
    '[build]',
    '  command = "npm run build"',
    '  publish = "dist"',
    '',
    '[build.environment]',
    '  NODE_VERSION = "20"',
  );
  const al = t.hex(32);
  n.s(`  ALGOLIA_ADMIN_KEY = "${al}"`, 'algolia', al);
  n.d(`  ALGOLIA_SEARCH_KEY = "${t.pick(HEX, 32)}"  # search-only, public`, 'search-only key');
  n.d(`  ALGOLIA_APP_ID = "${t.mixed(UPPER + DIGIT, 10)}"`, 'app id');
  n.l('', '[context.production.environment]');
  const mb = x.mapboxSecret();
  n.s(`  MAPBOX_DOWNLOADS_TOKEN = "${mb}"`, 'mapbox', mb);
  n.d(`  PUBLIC_MAPBOX_TOKEN = "${x.mapboxPublic()}"`, 'public mapbox token');
  n.l('', '[[plugins]]', '  package = "@netlify/plugin-lighthouse"');

  const fn = repo.file('web/docs/netlify/functions/subscribe.mts', 'netlify');
  fn.l("import type { Context } from '@netlify/functions';", '');
  const mc = `${t.hex(32)}-us${t.digits(2)}`;
  fn.s(`const MAILCHIMP_KEY = '${mc}';`, 'mailchimp', mc);
  fn.d("const LIST_ID = 'a1b2c3d4e5';", 'list id');
  fn.d('const siteId = Netlify.env.get("SITE_ID");', 'env lookup');
  fn.l('export default async (req: Request, context: Context) => new Response("ok");');

  const v = repo.file('web/shop/vercel.json', 'vercel');
  v.l('{', '  "framework": "nextjs",', '  "env": {');
  v.d('    "DATABASE_URL": "@shop-database-url",', 'legacy vercel secret reference');
  v.d('    "STRIPE_SECRET_KEY": "@stripe-secret-key",', 'legacy vercel secret reference');
  const kv = t.mixed(URLSAFE, 60);
  v.s(`    "KV_REST_API_TOKEN": "${kv}",`, 'generic', kv);
  v.l('    "NEXT_TELEMETRY_DISABLED": "1"', '  },', '  "build": {', '    "env": {');
  const np = t.npm();
  v.s(`      "NPM_TOKEN": "${np}"`, 'npm', np);
  v.l('    }', '  },', '  "crons": [{ "path": "/api/cron/sync", "schedule": "0 3 * * *" }]', '}');

  const vp = repo.file('web/shop/.vercel/project.json', 'vercel');
  vp.d(
    `{"projectId":"prj_${t.mixed(ALNUM, 28)}","orgId":"team_${t.mixed(ALNUM, 24)}","settings":{"framework":"nextjs"}}`,
    'project and org ids',
  );

  const vl = repo.file('web/shop/.vercel/.env.production.local', 'vercel');
  vl.l('# Created by Vercel CLI');
  const oidc = t.jwt();
  vl.s(`VERCEL_OIDC_TOKEN="${oidc}"`, 'generic', oidc);
  const pgp = x.urlPw();
  vl.s(
    `POSTGRES_URL="postgres://default:${pgp}@ep-wispy-sun-a4b5c6d7-pooler.us-east-1.aws.neon.tech:5432/verceldb?sslmode=require"`,
    'database',
    pgp,
  );
  const blob = `vercel_blob_rw_${t.mixed(ALNUM, 16)}_${t.mixed(ALNUM, 30)}`;
  vl.s(`BLOB_READ_WRITE_TOKEN="${blob}"`, 'vercel', blob);
  vl.d(`NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY="${x.stripePub()}"`, 'publishable key');
  vl.d(`NEXT_PUBLIC_GA_MEASUREMENT_ID="${x.gaId()}"`, 'analytics id');
  vl.d('VERCEL_ENV="production"', 'setting');
  vl.d(`VERCEL_GIT_COMMIT_SHA="${t.sha1()}"`, 'git sha');
}

function firebaseSupabase(repo, t, x) {
  const rc = repo.file('firebase/functions/.runtimeconfig.json', 'firebase');
  rc.l('{', '  "stripe": {');
  const sk = t.stripeLive();
  rc.s(`    "secret": "${sk}",`, 'stripe', sk);
  const wh = x.whsec();
  rc.s(`    "webhook_secret": "${wh}"`, 'stripe', wh);
  rc.l('  },', '  "slack": {');
  const sw = t.slackWebhook();
  rc.s(`    "hook": "${sw}"`, 'slack', sw);
  rc.l('  },', '  "app": { "env": "prod" }', '}');

  const fe = repo.file('firebase/functions/.env.acme-prod', 'firebase');
  fe.l('# firebase deploy picks this up for project acme-prod');
  const gm = t.gcpApiKey();
  fe.s(`GEMINI_API_KEY=${gm}`, 'gcp', gm);
  fe.d('OPENAI_KEY_SECRET_NAME=projects/acme-prod/secrets/openai-key/versions/latest', 'secret manager path');

  const fw = repo.file('web/app/src/lib/firebase.ts', 'firebase');
  fw.l("import { initializeApp } from 'firebase/app';", '', 'export const app = initializeApp({');
  fw.d(`  apiKey: "${t.gcpApiKey()}",`, 'firebase web api key (public)');
  fw.l('  authDomain: "acme-prod.firebaseapp.com",', '  projectId: "acme-prod",');
  fw.d(`  appId: "1:${t.digits(12)}:web:${t.pick(HEX, 22)}",`, 'app id');
  fw.d(`  measurementId: "${x.gaId()}",`, 'analytics id');
  fw.l('});');

  const sc = repo.file('supabase/config.toml', 'supabase');
  sc.d(`project_id = "${t.pick(LOWER, 20)}"`, 'project ref');
  sc.l(
    '',
    '[api]',
    'port = 54321',
    '',
    '[auth]',
    'site_url = "http://127.0.0.1:3000"',
    '',
    '[auth.external.github]',
    'enabled = true',
  );
  sc.d(`client_id = "Iv1.${t.pick(HEX, 16)}"`, 'oauth client id');
  sc.d('secret = "env(SUPABASE_AUTH_EXTERNAL_GITHUB_SECRET)"', 'env() reference');
  sc.l('', '[auth.external.google]', 'enabled = true');
  sc.d(`client_id = "${t.digits(12)}-${t.pick(LOWER + DIGIT, 32)}.apps.googleusercontent.com"`, 'oauth client id');
  const gs = x.gocspx();
  sc.s(`secret = "${gs}"`, 'google', gs);
  sc.l('', '[auth.email.smtp]', 'host = "smtp.resend.com"', 'port = 465', 'user = "resend"');
  const rs = x.resend();
  sc.s(`pass = "${rs}"`, 'resend', rs);

  const se = repo.file('supabase/.env', 'supabase');
  const ref = t.pick(LOWER, 20);
  se.d(`SUPABASE_URL=https://${ref}.supabase.co`, 'url');
  se.d(`SUPABASE_ANON_KEY=${x.anonJwt(ref)}`, 'anon key (public)');
  const srv = t.supabaseServiceRole();
  se.s(`SUPABASE_SERVICE_ROLE_KEY=${srv}`, 'supabase', srv);
  const sbs = x.sbSecret();
  se.s(`SUPABASE_SECRET_KEY=${sbs}`, 'supabase', sbs);
  se.d(`SUPABASE_PUBLISHABLE_KEY=${x.sbPublishable()}`, 'publishable key');
  const sbp = x.sbp();
  se.s(`SUPABASE_ACCESS_TOKEN=${sbp}`, 'supabase', sbp);
  const dbpw = x.urlPw();
  se.s(`SUPABASE_DB_PASSWORD='${dbpw}'`, 'generic', dbpw);

  const sfn = repo.file('supabase/functions/send-push/index.ts', 'supabase');
  sfn.l("import { createClient } from 'jsr:@supabase/supabase-js@2';", '');
  sfn.d("const url = Deno.env.get('SUPABASE_URL')!;", 'env lookup');
  const ex = t.mixed(ALNUM, 40);
  sfn.s(`const EXPO_ACCESS_TOKEN = "${ex}";`, 'generic', ex);
  sfn.l("Deno.serve(async () => new Response('ok'));");
}

function paas(repo, t, x) {
  const fly = repo.file('apps/chat/fly.toml', 'fly');
  fly.l("app = 'acme-chat'", "primary_region = 'ams'", '', '[env]', "  PORT = '8080'", "  LOG_LEVEL = 'info'");
  const sec = t.hex(64);
  fly.s(`  SECRET_KEY_BASE = '${sec}'`, 'generic', sec);
  fly.d("  DATABASE_URL = 'postgres://chat@acme-chat-db.flycast:5432/chat?sslmode=disable'", 'url without password');
  fly.l('', '[http_service]', '  internal_port = 8080', '  force_https = true');

  const fs = repo.file('apps/chat/bin/bootstrap-fly.sh', 'fly');
  fs.l('#!/usr/bin/env bash', 'set -euo pipefail');
  const ft = x.fly();
  fs.s(`export FLY_API_TOKEN="${ft}"`, 'flyio', ft);
  const fpw = x.urlPw();
  fs.s(
    `fly secrets set DATABASE_URL=postgres://chat:${fpw}@acme-chat-db.flycast:5432/chat -a acme-chat`,
    'database',
    fpw,
  );
  const rk = t.hex(48);
  fs.s(`fly secrets set REDIS_PASSWORD=${rk} PHX_HOST=chat.acme-corp.io --stage`, 'generic', rk);
  fs.d('fly secrets set SECRET_KEY_BASE="$(mix phx.gen.secret)"', 'generated at run time');
  fs.d('fly secrets import < .env.fly', 'file reference');
  const fu = x.flyUser();
  fs.s(`# personal token for emergencies: ${fu}`, 'flyio', fu);

  const r = repo.file('render.yaml', 'render');
  r.l(
    'services:',
    '  - type: web',
    '    name: api',
    '    runtime: node',
    '    envVars:',
    '      - key: NODE_ENV',
    '        value: production',
  );
  r.l('      - key: SESSION_SECRET');
  r.d('        generateValue: true', 'render generated value');
  r.l('      - key: DATABASE_URL', '        fromDatabase:', '          name: api-db');
  r.d('          property: connectionString', 'reference');
  r.l('      - key: STRIPE_SECRET_KEY');
  r.d('        sync: false', 'set in dashboard');
  r.l('      - key: POSTMARK_API_TOKEN');
  const pm = `${t.hex(8)}-${t.hex(4)}-${t.hex(4)}-${t.hex(4)}-${t.hex(12)}`;
  r.s(`        value: ${pm}`, 'postmark', pm);
  r.l('      - key: SENTRY_AUTH_TOKEN');
  const st = x.sentryUser();
  r.s(`        value: "${st}"`, 'sentry', st);
  r.l('databases:', '  - name: api-db', '    plan: basic-256mb');

  const rs = repo.file('scripts/render-rollout.sh', 'render');
  rs.l('#!/bin/sh');
  const rk2 = x.render();
  rs.s(`RENDER_API_KEY=${rk2}`, 'render', rk2);
  rs.l('curl -s -H "Authorization: Bearer $RENDER_API_KEY" https://api.render.com/v1/services?limit=20');
  const rh = x.renderHook();
  rs.s(`curl -X POST "${rh}"`, 'generic', rh);
  rs.d('curl -X POST "$RENDER_DEPLOY_HOOK_URL"', 'variable');

  const rwf = repo.file('.github/workflows/railway-deploy.yml', 'railway');
  rwf.l(
    'name: deploy-worker',
    'on: { push: { branches: [main] } }',
    'jobs:',
    '  deploy:',
    '    runs-on: ubuntu-latest',
    '    env:',
  );
  const rt = t.uuid();
  rwf.s(`      RAILWAY_TOKEN: ${rt}`, 'railway', rt);
  rwf.d('      RAILWAY_SERVICE_ID: ${{ vars.RAILWAY_SERVICE_ID }}', 'template reference');
  rwf.l('    steps:', '      - uses: actions/checkout@v4', '      - run: npx @railway/cli up --service worker');
  rwf.l('      - name: notify');
  const dh = x.discordHook();
  rwf.s(`        run: curl -H "Content-Type: application/json" -d '{"content":"deployed"}' ${dh}`, 'discord', dh);

  const rwe = repo.file('apps/worker/.env.railway', 'railway');
  const rat = t.uuid();
  rwe.s(`RAILWAY_API_TOKEN=${rat}`, 'railway', rat);
  rwe.d(`RAILWAY_PROJECT_ID=${t.uuid()}`, 'project id');
  rwe.d(`RAILWAY_ENVIRONMENT_ID=${t.uuid()}`, 'environment id');

  const hj = repo.file('apps/legacy-rails/app.json', 'heroku');
  hj.l('{', '  "name": "legacy-rails",', '  "env": {');
  hj.d('    "SECRET_KEY_BASE": { "description": "Rails secret", "generator": "secret" },', 'heroku generator');
  hj.d(
    '    "STRIPE_API_KEY": { "description": "Stripe secret key", "value": "sk_test_your_key_here" },',
    'placeholder',
  );
  const mg = x.mailgun();
  hj.s(`    "MAILGUN_API_KEY": { "required": true, "value": "${mg}" },`, 'mailgun', mg);
  hj.l('    "RAILS_ENV": "production"', '  },', '  "addons": ["heroku-postgresql:essential-0"]', '}');

  const pf = repo.file('apps/legacy-rails/Procfile', 'heroku');
  pf.l('web: bundle exec puma -C config/puma.rb', 'worker: bundle exec sidekiq');
  const rpw = x.urlPw();
  pf.s(
    `release: DATABASE_URL=postgres://u3kq:${rpw}@ec2-34-250-1-2.eu-west-1.compute.amazonaws.com:5432/d8x bundle exec rails db:migrate`,
    'database',
    rpw,
  );

  const hs = repo.file('apps/legacy-rails/bin/heroku-setup', 'heroku');
  hs.l('#!/usr/bin/env bash');
  const hk = t.uuid();
  hs.s(`export HEROKU_API_KEY=${hk}`, 'heroku', hk);
  const hk2 = t.heroku();
  hs.s(`heroku config:set -a legacy-rails HEROKU_PLATFORM_TOKEN=${hk2}`, 'heroku', hk2);
  const sk = t.stripeLive();
  hs.s(`heroku config:set STRIPE_API_KEY=${sk} --app legacy-rails`, 'stripe', sk);
  hs.d('heroku config:set RAILS_MASTER_KEY="$(cat config/master.key)" --app legacy-rails', 'command substitution');
  hs.d(`heroku pg:backups:restore b${t.digits(3)} DATABASE_URL --app legacy-rails`, 'backup id');
}

function gcpAzure(repo, t, x) {
  const e = repo.file('gcp/functions/ingest/env.yaml', 'gcp');
  e.l('LOG_LEVEL: info', 'BQ_DATASET: analytics');
  const sg = t.sendgrid();
  e.s(`SENDGRID_API_KEY: ${sg}`, 'sendgrid', sg);
  const bp = x.urlPw();
  e.s(`DB_PASS: "${bp}"`, 'generic', bp);
  e.d('DB_PASS_SECRET: projects/acme-prod/secrets/ingest-db-pass/versions/3', 'secret manager path');

  const cb = repo.file('gcp/cloudbuild.yaml', 'gcp');
  cb.l('steps:', "  - name: 'gcr.io/google.com/cloudsdktool/cloud-sdk'", '    entrypoint: gcloud', '    args:');
  cb.l(
    '      - functions',
    '      - deploy',
    '      - ingest',
    '      - --env-vars-file=gcp/functions/ingest/env.yaml',
  );
  cb.l('      - --set-secrets=OPENAI_API_KEY=openai-key:latest');
  cb.l(
    "  - name: 'gcr.io/cloud-builders/docker'",
    "    args: ['build', '--build-arg', 'NPM_TOKEN=$_NPM_TOKEN', '.']",
    'substitutions:',
    '  _REGION: europe-west1',
  );
  const npmt = t.npm();
  cb.s(`  _NPM_TOKEN: ${npmt}`, 'npm', npmt);
  const dpw = x.urlPw();
  cb.s(`  _DB_PASSWORD: '${dpw}'`, 'generic', dpw);
  cb.l('availableSecrets:', '  secretManager:');
  cb.d('    - versionName: projects/$PROJECT_ID/secrets/github-token/versions/latest', 'secret manager ref');
  cb.l('      env: GITHUB_TOKEN');

  const cr = repo.file('gcp/run/service.yaml', 'gcp');
  cr.l(
    'apiVersion: serving.knative.dev/v1',
    'kind: Service',
    'metadata:',
    '  name: api',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
  );
  cr.d(`        - image: europe-west1-docker.pkg.dev/acme-prod/api/api@sha256:${t.sha256()}`, 'image digest');
  cr.l('          env:', '            - name: ANTHROPIC_API_KEY');
  const an = t.anthropic();
  cr.s(`              value: ${an}`, 'anthropic', an);
  cr.l('            - name: STRIPE_KEY', '              valueFrom:', '                secretKeyRef:');
  cr.d('                  name: stripe-key', 'secret ref');
  cr.d('                  key: latest', 'secret ref');

  const sa = repo.file('gcp/keys/deployer-sa.json', 'gcp');
  const pem = t.pkcs8Pem();
  sa.l('{', '  "type": "service_account",', '  "project_id": "acme-prod",');
  sa.d(`  "private_key_id": "${t.sha1()}",`, 'key id');
  sa.s(`  "private_key": "${pem.join('\\n')}\\n",`, 'gcp', pem.join('\\n'));
  sa.l('  "client_email": "deployer@acme-prod.iam.gserviceaccount.com",');
  sa.d(`  "client_id": "${t.digits(21)}",`, 'client id');
  sa.l('  "token_uri": "https://oauth2.googleapis.com/token"', '}');

  const ls = repo.file('azure/functions/OrdersFn/local.settings.json', 'azure');
  const acct = `acmefn${t.pick(LOWER + DIGIT, 8)}`;
  const key = t.azureStorageKey();
  ls.l('{', '  "IsEncrypted": false,', '  "Values": {');
  ls.s(
    `    "AzureWebJobsStorage": "DefaultEndpointsProtocol=https;AccountName=${acct};AccountKey=${key};EndpointSuffix=core.windows.net",`,
    'azure',
    key,
  );
  ls.l('    "FUNCTIONS_WORKER_RUNTIME": "node",');
  const sbk = x.sbKey();
  ls.s(
    `    "ServiceBusConnection": "Endpoint=sb://acme-orders.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${sbk}",`,
    'azure',
    sbk,
  );
  const cos = t.azureStorageKey();
  ls.s(
    `    "CosmosDb": "AccountEndpoint=https://acme-orders.documents.azure.com:443/;AccountKey=${cos};",`,
    'azure',
    cos,
  );
  ls.d(
    '    "KeyVaultSecret": "@Microsoft.KeyVault(SecretUri=https://acme-kv.vault.azure.net/secrets/stripe/)",',
    'key vault reference',
  );
  ls.d(`    "APPINSIGHTS_INSTRUMENTATIONKEY": "${t.uuid()}"`, 'instrumentation key (id)');
  ls.l('  },', '  "Host": { "CORS": "*" }', '}');

  const ls2 = repo.file('azure/functions/local.settings.sample.json', 'azure');
  ls2.l('{', '  "IsEncrypted": false,', '  "Values": {');
  ls2.d('    "AzureWebJobsStorage": "UseDevelopmentStorage=true",', 'dev storage');
  ls2.d(
    '    "ServiceBusConnection": "Endpoint=sb://<namespace>.servicebus.windows.net/;SharedAccessKeyName=<keyname>;SharedAccessKey=<key>",',
    'placeholder',
  );
  ls2.l('    "FUNCTIONS_WORKER_RUNTIME": "node"', '  }', '}');

  const fj = repo.file('azure/functions/OrdersFn/function.json', 'azure');
  fj.l(
    '{',
    '  "bindings": [',
    '    { "type": "httpTrigger", "direction": "in", "name": "req", "authLevel": "function" },',
  );
  fj.d(
    '    { "type": "serviceBus", "direction": "out", "name": "msg", "queueName": "orders", "connection": "ServiceBusConnection" }',
    'connection setting name',
  );
  fj.l('  ]', '}');

  const az = repo.file('azure/deploy.ps1', 'azure');
  const cs = t.azureClientSecret();
  az.s(`$env:AZURE_CLIENT_SECRET = "${cs}"`, 'azure', cs);
  az.d(`$env:AZURE_CLIENT_ID = "${t.uuid()}"`, 'client id');
  az.d(`$env:AZURE_TENANT_ID = "${t.uuid()}"`, 'tenant id');
  const fk = `${t.mixed(URLSAFE, 54)}==`;
  az.s(
    `Invoke-RestMethod -Method Post -Uri "https://acme-orders.azurewebsites.net/api/orders?code=${fk}"`,
    'azure',
    fk,
  );
  az.l('func azure functionapp publish acme-orders --node');
}

function faas(repo, t, x) {
  const k = repo.file('knative/image-resizer.yaml', 'knative');
  k.l(
    'apiVersion: serving.knative.dev/v1',
    'kind: Service',
    'metadata:',
    '  name: image-resizer',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
  );
  k.l(
    '        - image: ghcr.io/acme-corp/image-resizer:1.8.2',
    '          env:',
    '            - name: S3_SECRET_ACCESS_KEY',
  );
  const as = t.awsSecret();
  k.s(`              value: "${as}"`, 'aws', as);
  k.l('            - name: S3_ACCESS_KEY_ID');
  const ak = t.awsId();
  k.s(`              value: ${ak}`, 'aws', ak);

  const o = repo.file('openfaas/stack.yml', 'openfaas');
  o.l(
    'version: 1.0',
    'provider:',
    '  name: openfaas',
    '  gateway: https://faas.acme-corp.io',
    'functions:',
    '  pdf-render:',
    '    lang: node20',
    '    handler: ./pdf-render',
  );
  o.l('    image: ghcr.io/acme-corp/pdf-render:latest', '    environment:', '      write_timeout: 30s');
  const dp = t.hex(40);
  o.s(`      docraptor_api_key: ${dp}`, 'generic', dp);
  o.l('    secrets:');
  o.d('      - smtp-password', 'secret name');
  o.d('      - s3-credentials', 'secret name');
  o.l('    environment_file:', '      - env.yml');

  const oe = repo.file('openfaas/env.yml', 'openfaas');
  oe.l('environment:');
  const spw = t.password();
  oe.s(`  smtp_password: "${spw}"`, 'generic', spw);
  oe.d('  smtp_user: apikey', 'username');

  const ofl = repo.file('openfaas/login.sh', 'openfaas');
  const gp = t.hex(64);
  ofl.s(`echo -n ${gp} | faas-cli login --username admin --password-stdin`, 'generic', gp);
  ofl.d(
    'kubectl get secret -n openfaas basic-auth -o jsonpath="{.data.basic-auth-password}" | base64 --decode | faas-cli login --password-stdin',
    'command substitution',
  );

  const dd = repo.file('edge/deno-api/deno.json', 'deno');
  dd.l('{', '  "tasks": {', '    "start": "deno run -A main.ts",');
  const dt = x.deno();
  dd.s(`    "deploy": "deployctl deploy --project=acme-api --token=${dt} main.ts"`, 'deno', dt);
  dd.l('  },');
  dd.d('  "lock": { "path": "./deno.lock" }', 'setting');
  dd.l('}');

  const dl = repo.file('edge/deno-api/deno.lock', 'deno');
  dl.l('{', '  "version": "4",', '  "jsr": {', '    "@std/http@1.0.9": {');
  dl.d(`      "integrity": "${t.sha256()}"`, 'lockfile hash');
  dl.l('    }', '  },', '  "npm": {', '    "hono@4.6.3": {');
  dl.d(`      "integrity": "sha512-${t.mixed(B64, 86)}=="`, 'lockfile integrity');
  dl.l('    }', '  }', '}');

  const bun = repo.file('apps/bun-api/.env', 'bun');
  bun.l('# bun reads this automatically');
  const tu = x.urlPw();
  bun.s(`DATABASE_URL="libsql://acme-api-acme.turso.io?authToken=${tu}"`, 'generic', tu);
  const tt = t.jwt();
  bun.s(`TURSO_AUTH_TOKEN=${tt}`, 'generic', tt);
  bun.d('PORT=3000', 'setting');
}

function frameworks(repo, t, x) {
  const nc = repo.file('web/shop/next.config.js', 'nextjs');
  nc.l('/** @type {import("next").NextConfig} */', 'module.exports = {', '  reactStrictMode: true,', '  env: {');
  const shop = `shpat_${t.hex(32)}`;
  nc.s(`    SHOPIFY_ADMIN_TOKEN: '${shop}',`, 'shopify', shop);
  nc.d(`    NEXT_PUBLIC_POSTHOG_KEY: '${x.posthog()}',`, 'public key');
  nc.d('    NEXT_PUBLIC_API_URL: process.env.NEXT_PUBLIC_API_URL,', 'env reference');
  nc.l('  },', '  images: { remotePatterns: [{ hostname: "cdn.shopify.com" }] },', '};');

  const el = repo.file('web/shop/.env.local', 'nextjs');
  const ns = t.hex(64);
  el.s(`NEXTAUTH_SECRET=${ns}`, 'generic', ns);
  const gh = t.github('gho_');
  const ghcs = t.hex(40);
  el.s(`GITHUB_CLIENT_SECRET=${ghcs}`, 'generic', ghcs);
  el.s(`GITHUB_ACCESS_TOKEN=${gh}`, 'github', gh);
  el.d(`GITHUB_CLIENT_ID=Ov23li${t.mixed(ALNUM, 14)}`, 'oauth client id');
  el.d(`NEXT_PUBLIC_SENTRY_DSN=${x.sentryDsn()}`, 'public DSN');
  el.d(`NEXT_PUBLIC_GA_ID=${x.gaId()}`, 'analytics id');

  const nx = repo.file('web/blog/nuxt.config.ts', 'nuxt');
  nx.l('export default defineNuxtConfig({', '  runtimeConfig: {');
  const cf = t.mixed(URLSAFE, 43);
  nx.s(`    contentfulManagementToken: 'CFPAT-${cf}',`, 'contentful', cf);
  nx.d("    githubToken: '',  // overridden by NUXT_GITHUB_TOKEN", 'empty');
  nx.l('    public: {');
  nx.d(`      contentfulSpaceId: '${t.pick(LOWER + DIGIT, 12)}',`, 'space id');
  nx.d(
    `      contentfulDeliveryToken: '${t.mixed(URLSAFE, 43)}', // CDA token, read-only published content`,
    'public delivery token',
  );
  nx.l('    },', '  },', '});');

  const sv = repo.file('web/admin/src/routes/api/+server.ts', 'sveltekit');
  sv.d("import { STRIPE_SECRET_KEY } from '$env/static/private';", 'env import');
  sv.d("import { PUBLIC_STRIPE_KEY } from '$env/static/public';", 'env import');
  sv.l("import Stripe from 'stripe';", 'const stripe = new Stripe(STRIPE_SECRET_KEY);');
  const svenv = repo.file('web/admin/.env.production', 'sveltekit');
  const sk = t.stripeLive();
  svenv.s(`STRIPE_SECRET_KEY="${sk}"`, 'stripe', sk);
  svenv.d(`PUBLIC_STRIPE_KEY="${x.stripePub()}"`, 'publishable key');

  const rx = repo.file('web/remix-app/app/sessions.server.ts', 'remix');
  rx.l(
    "import { createCookieSessionStorage } from '@remix-run/node';",
    '',
    'export const sessionStorage = createCookieSessionStorage({',
    '  cookie: {',
  );
  rx.l("    name: '__session',", '    httpOnly: true,');
  const cs = t.mixed(ALNUM, 32);
  rx.s(`    secrets: [process.env.SESSION_SECRET ?? '${cs}'],`, 'generic', cs);
  rx.l('  },', '});');

  const as = repo.file('web/marketing/astro.config.mjs', 'astro');
  as.l(
    "import { defineConfig } from 'astro/config';",
    "import vercel from '@astrojs/vercel';",
    '',
    'export default defineConfig({',
  );
  as.l("  output: 'server',", '  adapter: vercel({ webAnalytics: { enabled: true } }),', '  vite: {', '    define: {');
  const sa = `${t.mixed(ALNUM, 16)}.${t.mixed(URLSAFE, 40)}`;
  as.s(`      'import.meta.env.STORYBLOK_MANAGEMENT_TOKEN': JSON.stringify('${sa}'),`, 'generic', sa);
  as.d("      'import.meta.env.PUBLIC_SITE': JSON.stringify('https://acme-corp.io'),", 'setting');
  as.l('    },', '  },', '});');

  const ex = repo.file('mobile/app.json', 'expo');
  ex.l('{', '  "expo": {', '    "name": "Acme",', '    "slug": "acme",', '    "extra": {', '      "eas": {');
  ex.d(`        "projectId": "${t.uuid()}"`, 'eas project id');
  ex.l('      },');
  ex.d(`      "revenueCatAppleKey": "appl_${t.mixed(ALNUM, 27)}",`, 'public SDK key');
  const sent = `sntrys_${Buffer.from(JSON.stringify({ iat: 1767225600, url: 'https://sentry.io', region_url: 'https://us.sentry.io', org: 'acme-corp' })).toString('base64')}_${t.mixed(B64, 43)}`;
  ex.s(`      "sentryAuthToken": "${sent}",`, 'sentry', sent);
  ex.d(`      "googleMapsApiKey": "${t.gcpApiKey()}"`, 'maps key restricted to app bundle');
  ex.l('    },', '    "updates": {');
  ex.d(`      "url": "https://u.expo.dev/${t.uuid()}"`, 'updates url');
  ex.l('    }', '  }', '}');

  const eas = repo.file('mobile/eas.json', 'expo');
  eas.l('{', '  "build": {', '    "production": {', '      "env": {');
  const et = t.mixed(URLSAFE, 40);
  eas.s(`        "EXPO_TOKEN": "${et}",`, 'generic', et);
  eas.d('        "APP_ENV": "production"', 'setting');
  eas.l('      }', '    }', '  },', '  "submit": {', '    "production": {', '      "ios": {');
  eas.d(`        "ascAppId": "${t.digits(10)}",`, 'app store id');
  eas.d('        "ascApiKeyPath": "./secrets/AuthKey.p8",', 'file reference');
  eas.d(`        "ascApiKeyId": "${t.mixed(UPPER + DIGIT, 10)}"`, 'key id');
  eas.l('      }', '    }', '  }', '}');

  const p8 = repo.file('mobile/secrets/AuthKey.p8', 'expo');
  const ec = t.ecPem();
  p8.s(ec, 'private-key', ec.join('\n'));
}

function pulumiSecrets(repo, t, x) {
  const p = repo.file('infra/pulumi/Pulumi.prod.yaml', 'pulumi');
  p.d(`encryptionsalt: v1:${t.mixed(B64, 12)}=:v1:${t.mixed(B64, 16)}:${t.mixed(B64, 32)}`, 'encryption salt');
  p.l('config:', '  aws:region: eu-west-1', '  acme:domain: acme-corp.io', '  acme:dbPassword:');
  p.d(`    secure: ${x.pulumiSecure()}`, 'pulumi ciphertext');
  p.l('  acme:stripeKey:');
  p.d(`    secure: ${x.pulumiSecure()}`, 'pulumi ciphertext');
  const cft = t.cloudflare();
  p.s(`  cloudflare:apiToken: ${cft}`, 'cloudflare', cft);
  const dd = t.ddApi();
  p.s(`  datadog:apiKey: "${dd}"`, 'datadog', dd);
  p.d(`  acme:vpcId: vpc-${t.pick(HEX, 17)}`, 'resource id');

  const p2 = repo.file('infra/pulumi/Pulumi.staging.yaml', 'pulumi');
  p2.l('secretsprovider: awskms://alias/pulumi-staging?region=eu-west-1');
  p2.d(`encryptedkey: ${t.mixed(B64, 200)}==`, 'encrypted data key');
  p2.l('config:', '  acme:dbPassword:');
  p2.d(`    secure: ${x.pulumiSecure()}`, 'pulumi ciphertext');
  const stp = t.password();
  p2.s(`  acme:adminPassword: ${stp}`, 'generic', stp);

  const pi = repo.file('infra/pulumi/index.ts', 'pulumi');
  pi.l(
    "import * as pulumi from '@pulumi/pulumi';",
    "import * as aws from '@pulumi/aws';",
    'const cfg = new pulumi.Config();',
  );
  pi.d("const dbPassword = cfg.requireSecret('dbPassword');", 'config reference');
  pi.l("new aws.rds.Instance('db', {", "  engine: 'postgres',", "  username: 'app',");
  const ip = t.password();
  pi.s(`  password: pulumi.secret("${ip}"),`, 'generic', ip);
  pi.l('});');

  const pw = repo.file('.github/workflows/pulumi.yml', 'pulumi');
  pw.l('name: pulumi', 'on: [push]', 'jobs:', '  up:', '    runs-on: ubuntu-latest', '    env:');
  const pt = x.pulumi();
  pw.s(`      PULUMI_ACCESS_TOKEN: ${pt}`, 'pulumi', pt);
  pw.d('      AWS_ACCESS_KEY_ID: ${{ secrets.AWS_ACCESS_KEY_ID }}', 'secrets reference');
  pw.d('      AWS_SECRET_ACCESS_KEY: ${{ secrets.AWS_SECRET_ACCESS_KEY }}', 'secrets reference');
  pw.l(
    '    steps:',
    '      - uses: pulumi/actions@v6',
    '        with:',
    '          command: up',
    '          stack-name: acme/prod',
  );

  const dpt = x.dopplerSt();
  const dsh = repo.file('scripts/with-secrets.sh', 'doppler');
  dsh.l('#!/usr/bin/env bash');
  dsh.s(`export DOPPLER_TOKEN='${dpt}'`, 'doppler', dpt);
  dsh.d('doppler run --project api --config prd -- node dist/server.js', 'command');
  dsh.d('export DOPPLER_TOKEN="$(cat /run/secrets/doppler_token)"', 'command substitution');
  dsh.d('infisical run --env=prod --path=/api -- npm start', 'command');
  dsh.d('export INFISICAL_TOKEN=${INFISICAL_TOKEN:?missing}', 'variable');
  dsh.d('STRIPE_KEY=$(doppler secrets get STRIPE_KEY --plain)', 'command substitution');
}

function scripts(repo, t, x) {
  const w = repo.file('scripts/deploy-edge.sh', 'scripts');
  w.l('#!/usr/bin/env bash', 'set -euo pipefail', 'cd edge/worker-api');
  const sk = t.stripeLive();
  w.s(`echo "${sk}" | npx wrangler secret put STRIPE_SECRET_KEY --env production`, 'stripe', sk);
  w.d('npx wrangler secret put OPENAI_API_KEY   # prompts for the value', 'interactive');
  w.d('printf %s "$RESEND_API_KEY" | npx wrangler secret put RESEND_API_KEY', 'variable');
  const cft = t.cloudflare();
  w.s(`CLOUDFLARE_API_TOKEN=${cft} npx wrangler deploy --env production`, 'cloudflare', cft);
  w.d(`CLOUDFLARE_ACCOUNT_ID=${t.pick(HEX, 32)} npx wrangler whoami`, 'account id');

  const h = repo.file('scripts/trigger-builds.sh', 'scripts');
  h.l('#!/bin/sh', '# rebuild static sites after the CMS publishes');
  const vh = x.vercelHook();
  h.s(`curl -X POST ${vh}`, 'generic', vh);
  const nh = x.netlifyHook();
  h.s(`curl -X POST -d '{}' "${nh}?trigger_title=cms+publish"`, 'generic', nh);
  h.d('curl -X POST "https://api.netlify.com/build_hooks/${NETLIFY_BUILD_HOOK_ID}"', 'variable');
  const vt = t.vercelNew();
  h.s(`npx vercel deploy --prod --token ${vt} --yes`, 'vercel', vt);
  const nt = x.netlify();
  h.s(`NETLIFY_AUTH_TOKEN=${nt} npx netlify deploy --prod --dir=dist`, 'netlify', nt);
  h.d(`npx netlify deploy --prod --site ${t.uuid()}`, 'site id');

  const wh = repo.file('apps/api/src/webhooks/stripe.ts', 'scripts');
  wh.l("import Stripe from 'stripe';", '');
  const ws = x.whsec();
  wh.s(`const endpointSecret = "${ws}";`, 'stripe', ws);
  wh.d("const testSecret = 'whsec_test_secret_for_unit_tests';", 'test placeholder');
  wh.d(
    'const sigHeader = "t=1492774577,v1=" + "5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd";',
    "stripe's documented example signature",
  );

  const gh = repo.file('.github/workflows/preview.yml', 'scripts');
  gh.l('name: preview', 'on: pull_request', 'jobs:', '  preview:', '    runs-on: ubuntu-latest', '    steps:');
  gh.l('      - uses: amondnet/vercel-action@v25', '        with:');
  const vt2 = t.vercel();
  gh.s(`          vercel-token: ${vt2}`, 'vercel', vt2);
  gh.d('          vercel-org-id: ${{ secrets.VERCEL_ORG_ID }}', 'secrets reference');
  gh.d(`          vercel-project-id: prj_${t.mixed(ALNUM, 28)}`, 'project id');
  gh.l('      - uses: supabase/setup-cli@v1', '      - run: supabase link --project-ref $PROJECT_REF', '        env:');
  const sbp = x.sbp();
  gh.s(`          SUPABASE_ACCESS_TOKEN: ${sbp}`, 'supabase', sbp);
  const dbp = t.password();
  gh.s(`          SUPABASE_DB_PASSWORD: "${dbp}"`, 'generic', dbp);
  gh.l('      - uses: FirebaseExtended/action-hosting-deploy@v0', '        with:');
  gh.d('          firebaseServiceAccount: ${{ secrets.FIREBASE_SERVICE_ACCOUNT_ACME_PROD }}', 'secrets reference');
  gh.l('          projectId: acme-prod');

  const log = repo.file('logs/sls-deploy-prod.log', 'scripts');
  log.l('Deploying orders-api to stage prod (eu-west-1)', '✔ Service deployed to stack orders-api-prod (92s)');
  log.d(
    'endpoint: POST - https://' + t.pick(LOWER + DIGIT, 10) + '.execute-api.eu-west-1.amazonaws.com/orders',
    'endpoint',
  );
  const apik = t.mixed(ALNUM, 40);
  log.s(`api keys:\n  orders-partner: ${apik}`, 'generic', apik);
  log.l('functions:', '  createOrder: orders-api-prod-createOrder (4.2 MB)');
  log.d(
    'Serverless: Environment variable STRIPE_SECRET_KEY resolved from ssm:/orders/prod/stripe (value hidden)',
    'masked',
  );
  log.d(
    '  DATABASE_URL: postgresql://orders:********@orders-db.cluster-c9x.eu-west-1.rds.amazonaws.com:5432/orders',
    'masked',
  );

  const rd = repo.file('docs/deploying.md', 'docs');
  rd.l(
    '# Deploying',
    '',
    'Production secrets live in Doppler (`api/prd`). Never put them in `wrangler.toml` `[vars]`.',
    '',
  );
  rd.d('- Vercel: `vercel env add STRIPE_SECRET_KEY production`', 'command');
  rd.d('- Netlify build hook: `https://api.netlify.com/build_hooks/<hook-id>`', 'placeholder');
  rd.d(
    '- Example key from the AWS docs: `AKIAIOSFODNN7EXAMPLE` / `wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY`',
    'documented example',
  );
  rd.l('', 'Until the Fly migration is done the staging database is reachable with:', '');
  const sp = x.urlPw();
  rd.s(`    psql "postgres://postgres:${sp}@db.${t.pick(LOWER, 20)}.supabase.co:5432/postgres"`, 'database', sp);
  rd.l('', 'Temporary Render key for the contractor (expires end of quarter):');
  const rk = x.render();
  rd.s(`\`${rk}\``, 'render', rk);
}
