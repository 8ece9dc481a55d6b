// An education-technology company monorepo (Brightpath Learning): a Rails LMS, Django assessment
// services, a Moodle plugin, an LTI 1.3 tool, Zoom / Google Classroom / Canvas integrations, mail
// vendors, S3, Kubernetes and Helm, Terraform on GCP, GitHub Actions, Dockerfiles, analytics
// notebooks (BigQuery, Snowflake), .env files, a Phoenix chat service, a Unity learning game, logs
// and docs. Planted credentials and decoys are labelled line by line.
import { ALNUM, B64, DIGIT, HEX, LOWER, UPPER, URLSAFE, Repo, makeTokens, mulberry32 } from './generate.mjs';

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 7727 + 509);
  const t = makeTokens(rand);
  const repo = new Repo();

  // ---- helpers -----------------------------------------------------------------------------
  const one = (list) => list[Math.floor(rand() * list.length)];
  const b64 = (s) => Buffer.from(s).toString('base64');
  const b64u = (o) => Buffer.from(typeof o === 'string' ? o : JSON.stringify(o)).toString('base64url');
  const pw = () => t.password();
  const alnumPw = () => t.password().replace(/[^A-Za-z0-9]/g, '');
  const genPw = (n = 24) => t.mixed(ALNUM, n); // password-manager generated
  const _symPw = (n = 20) => t.mixed(ALNUM + '!@#%^&*', n);
  const zoomId = () => t.mixed(ALNUM, 22);
  const zoomAccount = () => t.mixed(ALNUM + '-_', 22);
  const zoomSecret = () => t.mixed(ALNUM, 32);
  const zoomWebhook = () => t.mixed(URLSAFE, 22);
  const canvasToken = () => `${one(['7', '1', '2', '10', '21'])}~${t.mixed(ALNUM, 64)}`;
  const canvasClientId = () => `1000000000${t.digits(4)}`;
  const canvasKeySecret = () => t.mixed(ALNUM, 64);
  const googleClientId = () => `${t.digits(12)}-${t.lower(32)}.apps.googleusercontent.com`;
  const gocspx = () => `GOCSPX-${t.mixed(URLSAFE, 28)}`;
  const googleRefresh = () => `1//0${t.mixed(URLSAFE, 99)}`;
  const googleAccess = () => `ya29.a0${t.mixed(URLSAFE, 150)}`;
  const mailgunKey = () => `${t.hex(32)}-${t.pick(HEX, 8)}-${t.pick(HEX, 8)}`;
  const mailgunLegacy = () => `key-${t.mixed(LOWER + DIGIT, 32)}`;
  const postmark = () => t.uuid();
  const djangoKey = () => t.mixed('abcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*(-_=+)', 50);
  const phxSecret = () => t.mixed(B64, 64);
  const bpKey = () => `bpk_live_${t.mixed(ALNUM, 40)}`;
  const sentryUser = () => `sntryu_${t.pick(HEX, 64)}`;
  const snowAccount = () => `${t.pick(LOWER, 2)}${t.digits(5)}.us-east-1`;
  const clever = () => t.pick(HEX, 24);
  const zoomJwt = () =>
    `${b64u({ sv: '000001', alg: 'HS512', v: '2.0', kid: t.uuid() })}.${b64u({
      aud: 'https://oauth.zoom.us',
      uid: t.mixed(URLSAFE, 22),
      ver: 10,
      auid: t.hex(64),
      nbf: 1741939200,
      code: t.mixed(URLSAFE, 34),
      iss: `zm:cid:${zoomId()}`,
      gno: 0,
      exp: 1741942800,
      type: 3,
      iat: 1741939200,
      aid: t.mixed(URLSAFE, 22),
    })}.${t.mixed(URLSAFE, 86)}`;
  const appJwt = (role) =>
    `${b64u({ alg: 'HS256', typ: 'JWT' })}.${b64u({
      sub: t.uuid(),
      email: 'qa-automation@brightpath.io',
      role,
      tenant: 'riverside-usd',
      iat: 1741939200,
      exp: 2057472000,
    })}.${t.mixed(URLSAFE, 43)}`;
  const cert = (indent = '') => [
    `${indent}-----BEGIN CERTIFICATE-----`,
    `${indent}MIIDdzCCAl+gAwIBAgIU${t.mixed(B64, 44)}`,
    ...Array.from({ length: 4 }, () => `${indent}${t.mixed(B64, 64)}`),
    `${indent}${t.mixed(B64, 30)}==`,
    `${indent}-----END CERTIFICATE-----`,
  ];
  const pubPem = () => [
    '-----BEGIN PUBLIC KEY-----',
    `MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA${t.mixed(B64, 20)}`,
    ...Array.from({ length: 5 }, () => t.mixed(B64, 64)),
    `${t.mixed(B64, 6)}IDAQAB`,
    '-----END PUBLIC KEY-----',
  ];
  const saJson = (project, pem, name) => ({
    type: 'service_account',
    project_id: project,
    private_key_id: t.hex(40),
    private_key: pem.join('\n') + '\n',
    client_email: `${name}@${project}.iam.gserviceaccount.com`,
    client_id: t.digits(21),
    auth_uri: 'https://accounts.google.com/o/oauth2/auth',
    token_uri: 'https://oauth2.googleapis.com/token',
    auth_provider_x509_cert_url: 'https://www.googleapis.com/oauth2/v1/certs',
    client_x509_cert_url: `https://www.googleapis.com/robot/v1/metadata/x509/${name}%40${project}.iam.gserviceaccount.com`,
    universe_domain: 'googleapis.com',
  });

  // A Jupyter notebook written line by line; cell sources and outputs take plain strings or
  // { s: [py, kind, value] } / { d: [py, what] } entries.
  const notebook = (f, cells) => {
    const emit = (entry, fmt) => {
      if (typeof entry === 'string') f.l(fmt(entry));
      else if (entry.s) f.s(fmt(entry.s[0]), entry.s[1], entry.s[2]);
      else f.d(fmt(entry.d[0]), entry.d[1]);
    };
    const list = (items, indent) =>
      items.forEach((e, i) => {
        const last = i === items.length - 1;
        emit(e, (text) => `${indent}${JSON.stringify(last ? text : text + '\n')}${last ? '' : ','}`);
      });
    f.l('{', ' "cells": [');
    cells.forEach((c, ci) => {
      f.l('  {', `   "cell_type": "${c.md ? 'markdown' : 'code'}",`);
      if (!c.md) f.l(`   "execution_count": ${c.n},`);
      f.l(`   "id": "${t.pick(HEX, 8)}",`, '   "metadata": {},');
      if (!c.md) {
        const outs = c.out ?? [];
        if (outs.length === 0) f.l('   "outputs": [],');
        else {
          f.l('   "outputs": [');
          outs.forEach((o, oi) => {
            const close = oi === outs.length - 1 ? '    }' : '    },';
            if (o.png) {
              f.l('    {', '     "data": {');
              f.d(`      "image/png": "${t.pngBase64()}",`, 'notebook png output');
              f.l('      "text/plain": [', '       "<Figure size 1000x600 with 1 Axes>"', '      ]', '     },');
              f.l('     "metadata": {},', '     "output_type": "display_data"', close);
            } else {
              f.l('    {', '     "name": "stdout",', '     "output_type": "stream",', '     "text": [');
              list(o.text, '      ');
              f.l('     ]', close);
            }
          });
          f.l('   ],');
        }
      }
      f.l('   "source": [');
      list(c.src, '    ');
      f.l('   ]', ci === cells.length - 1 ? '  }' : '  },');
    });
    f.l(
      ' ],',
      ' "metadata": {',
      '  "kernelspec": { "display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3" },',
      '  "language_info": { "name": "python", "version": "3.11.8" }',
      ' },',
      ' "nbformat": 4,',
      ' "nbformat_minor": 5',
      '}',
    );
  };

  // ---- Rails LMS ---------------------------------------------------------------------------
  {
    const db = repo.file('apps/lms/config/database.yml', 'rails');
    db.l(
      'default: &default',
      '  adapter: postgresql',
      '  encoding: unicode',
      '  pool: <%= ENV.fetch("RAILS_MAX_THREADS") { 5 } %>',
      '',
      'development:',
      '  <<: *default',
      '  database: lms_development',
      '  username: lms',
    );
    db.d('  password: lms', 'local docker default');
    db.l('', 'test:', '  <<: *default', '  database: lms_test<%= ENV["TEST_ENV_NUMBER"] %>', '');
    const stg = pw();
    db.l(
      'staging:',
      '  <<: *default',
      '  host: lms-staging.cluster-c8x2k1qzt0ab.us-east-1.rds.amazonaws.com',
      '  database: lms_staging',
      '  username: lms_app',
    );
    db.s(`  password: "${stg}"`, 'generic', stg);
    db.l('', 'production:', '  <<: *default');
    db.d('  url: <%= ENV["DATABASE_URL"] %>', 'erb env reference');
    db.d('  password: <%= ENV["LMS_DATABASE_PASSWORD"] %>', 'erb env reference');
    const rep = genPw(20);
    db.l(
      '',
      'reporting:',
      '  <<: *default',
      '  host: lms-reporting.cluster-ro-c8x2k1qzt0ab.us-east-1.rds.amazonaws.com',
      '  username: metabase_ro',
    );
    db.s(`  password: '${rep}'`, 'generic', rep);
    db.l('  replica: true');

    const mk = t.hex(32);
    repo.file('apps/lms/config/master.key', 'rails').s(mk, 'generic', mk);
    const pk = t.hex(32);
    repo.file('apps/lms/config/credentials/production.key', 'rails').s(pk, 'generic', pk);
    repo
      .file('apps/lms/config/credentials.yml.enc', 'rails')
      .d(
        `${t.mixed(B64, 620)}==--${t.mixed(B64, 22)}==--${t.mixed(B64, 22)}==`,
        'rails encrypted credentials ciphertext',
      );
    const sy = repo.file('apps/lms/config/secrets.yml', 'rails');
    sy.l('# Legacy secrets file, kept until the Rails 7 credentials migration is finished.', 'development:');
    sy.d('  secret_key_base: <%= ENV["SECRET_KEY_BASE"] %>', 'erb env reference');
    sy.l('', 'production:');
    const skb = t.hex(128);
    sy.s(`  secret_key_base: ${skb}`, 'generic', skb);
    const lti = t.mixed(B64, 44);
    sy.s(`  lti_launch_signing_secret: "${lti}"`, 'generic', lti);

    const st = repo.file('apps/lms/config/initializers/stripe.rb', 'rails');
    const stSk = t.stripeLive();
    const stWh = `whsec_${t.alnum(32)}`;
    st.l('Rails.configuration.stripe = {');
    st.d(`  publishable_key: ENV.fetch("STRIPE_PUBLISHABLE_KEY", "pk_live_${t.alnum(99)}"),`, 'stripe publishable key');
    st.s(`  secret_key: ENV.fetch("STRIPE_SECRET_KEY", "${stSk}"),`, 'stripe', stSk);
    st.l('}', '');
    st.d('Stripe.api_key = Rails.configuration.stripe[:secret_key]', 'variable reference');
    st.s(`STRIPE_WEBHOOK_SECRET = ENV["STRIPE_WEBHOOK_SECRET"] || "${stWh}"`, 'stripe', stWh);

    const aw = repo.file('apps/lms/config/initializers/aws.rb', 'rails');
    const awId = t.awsId();
    const awSec = t.awsSecret();
    aw.l('require "aws-sdk-s3"', '', 'if Rails.env.production? || Rails.env.staging?');
    aw.s(
      `  Aws.config.update(region: "us-east-1", credentials: Aws::Credentials.new("${awId}", "${awSec}"))`,
      'aws',
      awSec,
    );
    aw.l('end');

    const cv = repo.file('apps/lms/config/initializers/canvas.rb', 'rails');
    const cvTok = canvasToken();
    const cvSec = canvasKeySecret();
    cv.l('# District Canvas instances we push grades to.', 'CANVAS_BASE_URL = "https://riverside.instructure.com"');
    cv.s(`CANVAS_API = Canvas::API.new(prefix: CANVAS_BASE_URL, token: "${cvTok}")`, 'canvas', cvTok);
    cv.d(`CANVAS_DEVELOPER_KEY_ID = "${canvasClientId()}"`, 'canvas developer key client id');
    cv.s(`CANVAS_DEVELOPER_KEY_SECRET = "${cvSec}"`, 'canvas', cvSec);

    const zm = repo.file('apps/lms/config/initializers/zoom.rb', 'rails');
    const zmSec = zoomSecret();
    zm.l('Zoom.configure do |c|');
    zm.d(`  c.account_id = "${zoomAccount()}"`, 'zoom account id');
    zm.d(`  c.client_id = "${zoomId()}"`, 'zoom client id');
    zm.s(`  c.client_secret = "${zmSec}"`, 'zoom', zmSec);
    zm.l('  c.timeout = 15', 'end');

    const dv = repo.file('apps/lms/config/initializers/devise.rb', 'rails');
    const dvKey = t.hex(128);
    const dvG = gocspx();
    dv.l('Devise.setup do |config|', "  config.mailer_sender = 'no-reply@brightpath.io'");
    dv.s(`  config.secret_key = '${dvKey}'`, 'generic', dvKey);
    dv.d('  config.stretches = Rails.env.test? ? 1 : 12', 'setting');
    dv.d('  config.password_length = 12..128', 'setting');
    dv.s(
      `  config.omniauth :google_oauth2, "${googleClientId()}", "${dvG}", scope: "email,profile,classroom.rosters.readonly"`,
      'google',
      dvG,
    );
    dv.d('  config.omniauth :clever, ENV["CLEVER_CLIENT_ID"], ENV["CLEVER_CLIENT_SECRET"]', 'env reference');
    dv.l('end');

    const pr = repo.file('apps/lms/config/environments/production.rb', 'rails');
    const prSg = t.sendgrid();
    pr.l(
      'Rails.application.configure do',
      '  config.action_mailer.delivery_method = :smtp',
      '  config.action_mailer.smtp_settings = {',
      '    address: "smtp.sendgrid.net",',
      '    port: 587,',
      '    user_name: "apikey",',
    );
    pr.s(`    password: "${prSg}",`, 'sendgrid', prSg);
    pr.l('    authentication: :plain,', '    enable_starttls_auto: true', '  }');
    pr.d('  config.active_record.encryption.primary_key = ENV["AR_ENCRYPTION_PRIMARY_KEY"]', 'env reference');
    pr.l('end');

    const so = repo.file('apps/lms/config/storage.yml', 'rails');
    const soId = t.awsId();
    const soSec = t.awsSecret();
    so.l('amazon:', '  service: S3');
    so.d('  access_key_id: <%= Rails.application.credentials.dig(:aws, :access_key_id) %>', 'credentials reference');
    so.d(
      '  secret_access_key: <%= Rails.application.credentials.dig(:aws, :secret_access_key) %>',
      'credentials reference',
    );
    so.l('  region: us-east-1', '  bucket: bp-lms-uploads-prod', '', 'amazon_archive:', '  service: S3');
    so.s(`  access_key_id: ${soId}`, 'aws', soId);
    so.s(`  secret_access_key: ${soSec}`, 'aws', soSec);
    so.l('  region: us-west-2', '  bucket: bp-lms-archive', '', 'google:', '  service: GCS', '  project: bp-lms-prod');
    so.d('  credentials: <%= Rails.root.join("config/gcs-keyfile.json") %>', 'file reference');
    so.l('  bucket: bp-lms-transcripts');

    const cb = repo.file('apps/lms/config/cable.yml', 'rails');
    const cbPw = alnumPw();
    cb.l('development:', '  adapter: redis');
    cb.d('  url: redis://localhost:6379/1', 'local url');
    cb.l('', 'production:', '  adapter: redis');
    cb.s(`  url: rediss://:${cbPw}@master.lms-cache.x7k2pq.use1.cache.amazonaws.com:6379/1`, 'database', cbPw);
    cb.l('  channel_prefix: lms_production');

    const sd = repo.file('apps/lms/db/seeds.rb', 'rails');
    const adminPw = pw();
    const seedCanvas = canvasToken();
    const seedZoom = zoomSecret();
    sd.l(
      '# Seeds for staging and the sales demo environment.',
      'admin = User.find_or_initialize_by(email: "platform-admin@brightpath.io")',
    );
    sd.s(`admin.password = "${adminPw}"`, 'generic', adminPw);
    sd.l('admin.role = :super_admin', 'admin.save!', '');
    sd.d(
      '%w[alice bob carol].each { |n| User.create!(email: "#{n}@example.edu", password: "password", role: :student) }',
      'demo student default',
    );
    sd.s(
      `Integration.create!(provider: "canvas", base_url: "https://brightpath-demo.instructure.com", access_token: "${seedCanvas}")`,
      'canvas',
      seedCanvas,
    );
    sd.s(
      `ZoomAccount.create!(account_id: "${zoomAccount()}", client_id: "${zoomId()}", client_secret: "${seedZoom}")`,
      'zoom',
      seedZoom,
    );
    sd.d(
      `District.create!(name: "Riverside USD", clever_id: "${clever()}", sis_token: ENV["RIVERSIDE_SIS_TOKEN"])`,
      'clever id and env reference',
    );

    const sq = repo.file('apps/lms/db/seeds/oauth_applications.sql', 'rails');
    const dk1 = t.mixed(URLSAFE, 43);
    const dk2 = t.mixed(URLSAFE, 43);
    sq.l(
      '-- Doorkeeper applications for the mobile app and the district SIS bridge.',
      'INSERT INTO oauth_applications (name, uid, secret, redirect_uri, scopes, confidential) VALUES',
    );
    sq.s(
      `  ('Brightpath iOS', '${t.mixed(URLSAFE, 43)}', '${dk1}', 'brightpath://oauth/callback', 'read write', false),`,
      'generic',
      dk1,
    );
    sq.s(
      `  ('SIS Bridge', '${t.mixed(URLSAFE, 43)}', '${dk2}', 'https://sis-bridge.brightpath.io/callback', 'rosters', true);`,
      'generic',
      dk2,
    );

    const mg = repo.file('apps/lms/app/services/mailgun_notifier.rb', 'rails');
    const mgKey = mailgunKey();
    mg.l('class MailgunNotifier', '  DOMAIN = "mg.brightpath.io"');
    mg.s(`  API_KEY = ENV.fetch("MAILGUN_API_KEY") { "${mgKey}" }`, 'mailgun', mgKey);
    mg.l('', '  def deliver(to:, subject:, html:)');
    mg.d(
      '    RestClient.post("https://api:#{API_KEY}@api.mailgun.net/v3/#{DOMAIN}/messages", from: "Brightpath <no-reply@#{DOMAIN}>", to: to, subject: subject, html: html)',
      'interpolated reference',
    );
    mg.l('  end', 'end');

    const pm = repo.file('apps/lms/app/services/parent_digest_mailer.rb', 'rails');
    const pmTok = postmark();
    pm.l('class ParentDigestMailer', '  def self.client');
    pm.s(`    @client ||= Postmark::ApiClient.new("${pmTok}", http_open_timeout: 15)`, 'postmark', pmTok);
    pm.l('  end', 'end');

    const tw = repo.file('apps/lms/app/services/sms_reminder.rb', 'rails');
    const twTok = t.twilioToken();
    tw.l('class SmsReminder');
    tw.l(`  ACCOUNT_SID = "${t.twilioSid()}"`);
    tw.s(`  AUTH_TOKEN = "${twTok}"`, 'twilio', twTok);
    tw.d('  FROM = "+15005550006"', 'twilio magic test number');
    tw.l('', '  def client', '    Twilio::REST::Client.new(ACCOUNT_SID, AUTH_TOKEN)', '  end', 'end');

    const vc = repo.file('apps/lms/spec/fixtures/vcr_cassettes/grade_passback_flow.yml', 'rails');
    const zAcc = zoomJwt();
    const zcId = zoomId();
    const zcSec = zoomSecret();
    vc.l(
      '---',
      'http_interactions:',
      '- request:',
      '    method: post',
      `    uri: https://zoom.us/oauth/token?grant_type=account_credentials&account_id=${zoomAccount()}`,
      '    body:',
      '      encoding: US-ASCII',
      "      string: ''",
      '    headers:',
      '      Authorization:',
    );
    vc.s(`      - Basic ${b64(`${zcId}:${zcSec}`)}`, 'zoom', zcSec);
    vc.l(
      '  response:',
      '    status:',
      '      code: 200',
      '      message: OK',
      '- request:',
      '    method: post',
      '    uri: https://api.zoom.us/v2/users/me/meetings',
      '    body:',
      '      encoding: UTF-8',
      '      string: \'{"topic":"Algebra I - Period 3","type":2,"duration":50}\'',
      '    headers:',
      '      Authorization:',
    );
    vc.s(`      - Bearer ${zAcc}`, 'zoom', zAcc);
    vc.l('      Content-Type:', '      - application/json', '  response:', '    status:', '      code: 201');
    vc.d(
      `      string: '{"id":${t.digits(11)},"uuid":"${t.mixed(B64, 22)}==","join_url":"https://us06web.zoom.us/j/${t.digits(11)}?pwd=${t.mixed(ALNUM, 32)}.1"}'`,
      'zoom meeting join url',
    );

    const vc2 = repo.file('apps/lms/spec/fixtures/vcr_cassettes/grade_passback_flow.yml', 'rails');
    vc2.l('- request:', '    method: get');
    vc2.l('    uri: https://riverside.instructure.com/api/v1/courses/4821/enrollments?per_page=100');
    vc2.l('    headers:', '      Authorization:');
    vc2.d('      - Bearer <CANVAS_TOKEN>', 'vcr filtered placeholder');
    const vcs = repo.file('apps/lms/spec/support/vcr.rb', 'rails');
    vcs.l('VCR.configure do |c|', '  c.cassette_library_dir = "spec/fixtures/vcr_cassettes"');
    vcs.d(
      '  c.filter_sensitive_data("<CANVAS_TOKEN>") { ENV.fetch("CANVAS_API_TOKEN", "canvas-token") }',
      'vcr filter',
    );
    vcs.d('  c.filter_sensitive_data("<ZOOM_CLIENT_SECRET>") { ENV["ZOOM_CLIENT_SECRET"] }', 'vcr filter');
    vcs.l('end');

    const rt = repo.file('apps/lms/config/routes.rb', 'rails');
    const skp = genPw(20);
    rt.l('require "sidekiq/web"', '', 'Sidekiq::Web.use Rack::Auth::Basic do |user, password|');
    rt.s(
      `  ActiveSupport::SecurityUtils.secure_compare(user, "ops") && ActiveSupport::SecurityUtils.secure_compare(password, "${skp}")`,
      'generic',
      skp,
    );
    rt.l(
      'end',
      '',
      'Rails.application.routes.draw do',
      '  mount Sidekiq::Web => "/sidekiq"',
      '  post "/lti/launch", to: "lti#launch"',
      'end',
    );

    const cp = repo.file('apps/lms/config/credentials.yml', 'rails');
    const arp = t.mixed(ALNUM, 32);
    const ard = t.mixed(ALNUM, 32);
    const ars = t.mixed(ALNUM, 32);
    const cpsec = t.awsSecret();
    cp.l('# output of `bin/rails credentials:show -e production`, for the migration ticket');
    cp.l('active_record_encryption:');
    cp.s(`  primary_key: ${arp}`, 'generic', arp);
    cp.s(`  deterministic_key: ${ard}`, 'generic', ard);
    cp.s(`  key_derivation_salt: ${ars}`, 'generic', ars);
    const cpid = t.awsId();
    cp.l('aws:');
    cp.s(`  access_key_id: ${cpid}`, 'aws', cpid);
    cp.s(`  secret_access_key: ${cpsec}`, 'aws', cpsec);
  }

  // ---- Django assessment service -----------------------------------------------------------
  {
    const base = repo.file('services/assessment/assessment/settings/base.py', 'django');
    base.l('import os', 'from pathlib import Path', '', 'import environ', '', 'env = environ.Env()');
    base.l('BASE_DIR = Path(__file__).resolve().parent.parent.parent', '');
    base.d('SECRET_KEY = env("DJANGO_SECRET_KEY")', 'env reference');
    base.l('DEBUG = env.bool("DJANGO_DEBUG", default=False)');
    base.d(
      'DATABASES = {"default": env.db("DATABASE_URL", default="postgres://assessment:assessment@localhost:5432/assessment")}',
      'local default',
    );
    base.d(
      'PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher", "django.contrib.auth.hashers.PBKDF2PasswordHasher"]',
      'setting name',
    );
    base.d('CANVAS_TOKEN = os.environ.get("CANVAS_TOKEN", "")', 'env reference');
    base.d('ZOOM_CLIENT_SECRET = os.getenv("ZOOM_CLIENT_SECRET")', 'env reference');

    const p = repo.file('services/assessment/assessment/settings/production.py', 'django');
    const dk = djangoKey();
    const dbpw = pw();
    const mgk = mailgunKey();
    const mgs = t.hex(32);
    const aid = t.awsId();
    const asec = t.awsSecret();
    const amqp = alnumPw();
    const gs = gocspx();
    const oa = t.openai();
    p.l('from .base import *  # noqa', '');
    p.s(`SECRET_KEY = "${dk}"`, 'generic', dk);
    p.l(
      'DATABASES = {',
      '    "default": {',
      '        "ENGINE": "django.db.backends.postgresql",',
      '        "NAME": "assessment",',
      '        "USER": "assessment_app",',
    );
    p.s(`        "PASSWORD": "${dbpw}",`, 'generic', dbpw);
    p.l('        "HOST": "assessment-db.internal.brightpath.io",', '        "PORT": "5432",', '    }', '}', '');
    p.l('EMAIL_BACKEND = "anymail.backends.mailgun.EmailBackend"', 'ANYMAIL = {');
    p.s(`    "MAILGUN_API_KEY": "${mgk}",`, 'mailgun', mgk);
    p.l('    "MAILGUN_SENDER_DOMAIN": "mg.brightpath.io",');
    p.s(`    "MAILGUN_WEBHOOK_SIGNING_KEY": "${mgs}",`, 'mailgun', mgs);
    p.l('}', '', 'AWS_STORAGE_BUCKET_NAME = "bp-assessment-media"');
    p.s(`AWS_ACCESS_KEY_ID = "${aid}"`, 'aws', aid);
    p.s(`AWS_SECRET_ACCESS_KEY = "${asec}"`, 'aws', asec);
    p.s(
      `CELERY_BROKER_URL = "amqp://assessment:${amqp}@rabbitmq.internal.brightpath.io:5672/assessment"`,
      'generic',
      amqp,
    );
    p.d(`SENTRY_DSN = "https://${t.hex(32)}@o${t.digits(6)}.ingest.us.sentry.io/${t.digits(7)}"`, 'sentry dsn');
    p.d(`SOCIAL_AUTH_GOOGLE_OAUTH2_KEY = "${googleClientId()}"`, 'google oauth client id');
    p.s(`SOCIAL_AUTH_GOOGLE_OAUTH2_SECRET = "${gs}"`, 'google', gs);
    p.s(`OPENAI_API_KEY = os.environ.get("OPENAI_API_KEY", "${oa}")`, 'openai', oa);

    const ls = repo.file('services/assessment/assessment/settings/local_settings.py', 'django');
    const lsPw = pw();
    const lsCv = canvasToken();
    const lsZ = zoomSecret();
    ls.l('# my local overrides (copied from the staging box)', 'from .base import *  # noqa', '', 'DEBUG = True');
    ls.s(`DATABASES["default"]["PASSWORD"] = "${lsPw}"`, 'generic', lsPw);
    ls.s(`CANVAS_TOKEN = "${lsCv}"`, 'canvas', lsCv);
    ls.d(`ZOOM_CLIENT_ID = "${zoomId()}"`, 'zoom client id');
    ls.s(`ZOOM_CLIENT_SECRET = "${lsZ}"`, 'zoom', lsZ);
    ls.d('EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"', 'setting');
    const lsm = pw();
    ls.l('EMAIL_HOST = "smtp.mailgun.org"', 'EMAIL_HOST_USER = "postmaster@mg.brightpath.io"');
    ls.s(`EMAIL_HOST_PASSWORD = "${lsm}"`, 'mailgun', lsm);

    const lx = repo.file('services/assessment/assessment/settings/local_settings.py.example', 'django');
    lx.l('from .base import *  # noqa', '');
    lx.d('SECRET_KEY = "change-me"', 'placeholder');
    lx.d('DATABASES["default"]["PASSWORD"] = "<your local db password>"', 'placeholder');
    lx.d('CANVAS_TOKEN = ""', 'empty');
    lx.d('ZOOM_CLIENT_SECRET = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"', 'placeholder');

    const cv = repo.file('services/assessment/grading/integrations/canvas.py', 'django');
    const cvt = canvasToken();
    cv.l('import requests', 'from django.conf import settings', '');
    cv.s(`HEADERS = {"Authorization": "Bearer ${cvt}"}  # TODO move to settings`, 'canvas', cvt);
    cv.l('', '', 'def post_grade(course_id, assignment_id, user_id, score):');
    cv.l(
      '    url = f"https://riverside.instructure.com/api/v1/courses/{course_id}/assignments/{assignment_id}/submissions/{user_id}"',
    );
    cv.d(
      '    return requests.put(url, headers={"Authorization": f"Bearer {settings.CANVAS_TOKEN}"}, json={"submission": {"posted_grade": score}})',
      'f-string reference',
    );

    const gc = repo.file('services/assessment/grading/integrations/google_classroom.py', 'django');
    const gr = googleRefresh();
    const gcs = gocspx();
    gc.l('from google.oauth2.credentials import Credentials', 'from googleapiclient.discovery import build', '');
    gc.l('', 'def classroom_service():', '    creds = Credentials(', '        token=None,');
    gc.s(`        refresh_token="${gr}",`, 'google', gr);
    gc.d(`        client_id="${googleClientId()}",`, 'google oauth client id');
    gc.s(`        client_secret="${gcs}",`, 'google', gcs);
    gc.l('        token_uri="https://oauth2.googleapis.com/token",');
    gc.l('        scopes=["https://www.googleapis.com/auth/classroom.coursework.students"],', '    )');
    gc.l('    return build("classroom", "v1", credentials=creds)');

    const cmd = repo.file('services/assessment/grading/management/commands/sync_mailgun_bounces.py', 'django');
    const leg = mailgunLegacy();
    cmd.l('import requests', 'from django.core.management.base import BaseCommand', '');
    cmd.l('', 'class Command(BaseCommand):', '    def handle(self, *args, **opts):');
    cmd.s(
      `        r = requests.get("https://api.mailgun.net/v3/mg.brightpath.io/bounces", auth=("api", "${leg}"), timeout=30)`,
      'mailgun',
      leg,
    );
    cmd.l('        r.raise_for_status()');

    const sf = repo.file('services/assessment/reports/warehouse.py', 'django');
    const sfPw = pw();
    sf.l('import snowflake.connector', '', '', 'def connect():', '    return snowflake.connector.connect(');
    sf.l('        user="ASSESSMENT_SVC",');
    sf.s(`        password="${sfPw}",`, 'generic', sfPw);
    sf.d(`        account="${snowAccount()}",`, 'snowflake account locator');
    sf.l('        warehouse="REPORTING_WH",', '        database="ANALYTICS",', '        schema="ASSESSMENT",', '    )');

    const fx = repo.file('services/assessment/grading/fixtures/users.json', 'django');
    fx.l(
      '[',
      '  {',
      '    "model": "auth.user",',
      '    "pk": 1,',
      '    "fields": {',
      '      "username": "demo-teacher",',
    );
    fx.d(`      "password": "pbkdf2_sha256$720000$${t.alnum(22)}$${t.mixed(B64, 43)}=",`, 'django password hash');
    fx.l(
      '      "is_staff": true',
      '    }',
      '  },',
      '  {',
      '    "model": "auth.user",',
      '    "pk": 2,',
      '    "fields": {',
    );
    fx.l('      "username": "demo-student",');
    fx.d(
      `      "password": "argon2$argon2id$v=19$m=102400,t=2,p=8$${t.mixed(B64, 22)}$${t.mixed(B64, 43)}",`,
      'argon2 hash',
    );
    fx.l('      "is_staff": false', '    }', '  }', ']');

    const rq = repo.file('services/assessment/requirements.txt', 'django');
    for (const pkg of ['Django==5.0.6', 'celery==5.4.0', 'snowflake-connector-python==3.10.1']) {
      rq.l(`${pkg} \\`);
      rq.d(`    --hash=sha256:${t.sha256()}`, 'pip hash');
    }
  }

  // ---- Moodle plugin -----------------------------------------------------------------------
  {
    const c = repo.file('lms-plugins/moodle/config.php', 'moodle');
    const dbp = pw();
    const salt = t.mixed(ALNUM + '!#%&*()-_=+[]{}<>?', 40);
    const pmk = postmark();
    c.l('<?php  // Moodle configuration file', '', 'unset($CFG);', 'global $CFG;', '$CFG = new stdClass();', '');
    c.l(
      "$CFG->dbtype    = 'pgsql';",
      "$CFG->dblibrary = 'native';",
      "$CFG->dbhost    = 'moodle-db.internal.brightpath.io';",
      "$CFG->dbname    = 'moodle';",
      "$CFG->dbuser    = 'moodle_app';",
    );
    c.s(`$CFG->dbpass    = '${dbp}';`, 'generic', dbp);
    c.l("$CFG->prefix    = 'mdl_';", "$CFG->dboptions = array('dbpersist' => 0, 'dbport' => 5432);", '');
    c.l("$CFG->wwwroot   = 'https://moodle.brightpath.io';", "$CFG->dataroot  = '/var/moodledata';");
    c.s(`$CFG->passwordsaltmain = '${salt}';`, 'generic', salt);
    c.d('$CFG->sslproxy = true;', 'setting');
    c.l("$CFG->smtphosts = 'smtp.postmarkapp.com:587';");
    c.s(`$CFG->smtpuser = '${pmk}';`, 'postmark', pmk);
    c.s(`$CFG->smtppass = '${pmk}';`, 'postmark', pmk);
    c.l("require_once(__DIR__ . '/lib/setup.php');");

    const cd = repo.file('lms-plugins/moodle/config-dist.php', 'moodle');
    cd.l('<?php', "$CFG->dbtype    = 'pgsql';", "$CFG->dbuser    = 'username';");
    cd.d("$CFG->dbpass    = 'password';   // your database password", 'moodle dist placeholder');
    cd.d("$CFG->passwordsaltmain = 'a_very_long_random_string_of_characters#@6&*1';", 'moodle dist placeholder');

    const st = repo.file('lms-plugins/moodle/local/brightsync/settings.php', 'moodle');
    st.l('<?php', "defined('MOODLE_INTERNAL') || die();", '', 'if ($hassiteconfig) {');
    st.l("    $settings = new admin_settingpage('local_brightsync', get_string('pluginname', 'local_brightsync'));");
    st.d(
      "    $settings->add(new admin_setting_configpasswordunmask('local_brightsync/apisecret', get_string('apisecret', 'local_brightsync'), get_string('apisecret_desc', 'local_brightsync'), ''));",
      'setting definition',
    );
    st.d(
      "    $settings->add(new admin_setting_configtext('local_brightsync/apiurl', get_string('apiurl', 'local_brightsync'), '', 'https://api.brightpath.io/v2', PARAM_URL));",
      'setting definition',
    );
    st.l("    $ADMIN->add('localplugins', $settings);", '}');

    const ac = repo.file('lms-plugins/moodle/local/brightsync/classes/api_client.php', 'moodle');
    const fb = bpKey();
    const wh = t.mixed(ALNUM, 32);
    ac.l('<?php', 'namespace local_brightsync;', '', 'class api_client {');
    ac.l("    const BASE_URL = 'https://api.brightpath.io/v2';");
    ac.s(`    private const FALLBACK_TOKEN = '${fb}';`, 'generic', fb);
    ac.l('', '    public function __construct(?string $token = null) {');
    ac.d("        $this->token = $token ?? get_config('local_brightsync', 'apisecret');", 'config reference');
    ac.l('    }', '}', '');
    ac.s(`define('BRIGHTSYNC_WEBHOOK_SECRET', '${wh}');`, 'generic', wh);
    const acm = mailgunKey();
    ac.l(
      '',
      'function local_brightsync_mail_digest(array $params) {',
      "    $ch = curl_init('https://api.mailgun.net/v3/mg.brightpath.io/messages');",
    );
    ac.s(`    curl_setopt($ch, CURLOPT_USERPWD, 'api:${acm}');`, 'mailgun', acm);
    ac.l('    curl_setopt($ch, CURLOPT_POSTFIELDS, $params);', '    return curl_exec($ch);', '}');

    const lang = repo.file('lms-plugins/moodle/local/brightsync/lang/en/local_brightsync.php', 'moodle');
    lang.l('<?php', "$string['pluginname'] = 'Brightpath sync';");
    lang.d("$string['apisecret'] = 'API secret';", 'language string');
    lang.d(
      "$string['apisecret_desc'] = 'Paste the secret from the Brightpath admin console (it starts with bpk_live_).';",
      'language string',
    );
    lang.d("$string['password'] = 'Password';", 'language string');

    const tst = repo.file('lms-plugins/moodle/local/brightsync/tests/api_client_test.php', 'moodle');
    tst.l('<?php', 'namespace local_brightsync;', '', 'final class api_client_test extends \\advanced_testcase {');
    tst.l('    public function test_headers(): void {');
    tst.d(`        $client = new api_client('bpk_live_${'0'.repeat(40)}');`, 'zero test token');
    tst.l('    }', '}');
  }

  // ---- LTI 1.3 tool ------------------------------------------------------------------------
  {
    const k = repo.file('services/lti-tool/keys/private.pem', 'lti');
    const rsa = t.rsaPem();
    k.s(rsa, 'private-key', rsa.join('\n'));

    const jw = repo.file('services/lti-tool/public/.well-known/jwks.json', 'lti');
    jw.l(
      '{',
      '  "keys": [',
      '    {',
      '      "kty": "RSA",',
      '      "e": "AQAB",',
      '      "use": "sig",',
      '      "alg": "RS256",',
    );
    jw.d(`      "kid": "${t.mixed(URLSAFE, 43)}",`, 'jwk key id');
    jw.d(`      "n": "${t.mixed(URLSAFE, 342)}"`, 'public jwk modulus');
    jw.l('    }', '  ]', '}');

    const pj = repo.file('services/lti-tool/config/tool-jwk.private.json', 'lti');
    const d = t.mixed(URLSAFE, 342);
    pj.s(
      [
        '{',
        '  "kty": "RSA",',
        `  "kid": "${t.mixed(URLSAFE, 43)}",`,
        '  "alg": "RS256",',
        '  "use": "sig",',
        '  "e": "AQAB",',
        `  "n": "${t.mixed(URLSAFE, 342)}",`,
        `  "d": "${d}",`,
        `  "p": "${t.mixed(URLSAFE, 171)}",`,
        `  "q": "${t.mixed(URLSAFE, 171)}",`,
        `  "dp": "${t.mixed(URLSAFE, 171)}",`,
        `  "dq": "${t.mixed(URLSAFE, 171)}",`,
        `  "qi": "${t.mixed(URLSAFE, 171)}"`,
        '}',
      ],
      'private-key',
      d,
    );

    const pf = repo.file('services/lti-tool/config/platforms.json', 'lti');
    pf.l('[', '  {', '    "name": "Riverside USD Canvas",', '    "issuer": "https://canvas.instructure.com",');
    pf.d(`    "clientId": "${canvasClientId()}",`, 'lti client id');
    pf.d(`    "deploymentId": "${t.digits(3)}:${t.pick(HEX, 40)}",`, 'lti deployment id');
    pf.l(
      '    "authenticationEndpoint": "https://sso.canvaslms.com/api/lti/authorize_redirect",',
      '    "accesstokenEndpoint": "https://sso.canvaslms.com/login/oauth2/token",',
      '    "authConfig": { "method": "JWK_SET", "key": "https://sso.canvaslms.com/api/lti/security/jwks" }',
      '  },',
      '  {',
      '    "name": "Northfield Moodle",',
      '    "issuer": "https://moodle.northfield.edu",',
    );
    pf.d(`    "clientId": "${t.mixed(ALNUM, 15)}",`, 'moodle lti client id');
    pf.d('    "deploymentId": "3",', 'lti deployment id');
    const pk = pubPem();
    pf.d(`    "authConfig": { "method": "RSA_KEY", "key": "${pk.join('\\n')}" }`, 'inline public key');
    pf.l('  }', ']');

    const ix = repo.file('services/lti-tool/src/index.ts', 'lti');
    const enc = t.mixed(ALNUM, 32);
    const mpw = alnumPw();
    ix.l("import { Provider as lti } from 'ltijs';", '', 'lti.setup(');
    ix.s(`  '${enc}',`, 'generic', enc);
    ix.l('  {');
    ix.s(
      `    url: 'mongodb://lti_app:${mpw}@mongo-0.mongo.lti.svc.cluster.local:27017/lti?authSource=admin&replicaSet=rs0',`,
      'mongodb',
      mpw,
    );
    ix.l(
      '  },',
      "  { appRoute: '/', loginRoute: '/login', cookies: { secure: true, sameSite: 'None' }, devMode: false },",
    );
    ix.l(');', '');
    ix.d("lti.onConnect((token, req, res) => res.sendFile(path.join(__dirname, '../public/index.html')));", 'code');

    const dl = repo.file('services/lti-tool/src/index.ts', 'lti');
    dl.l('', 'export async function passback(idtoken: IdToken, score: number) {');
    dl.d('  const lineItemId = idtoken.platformContext.endpoint.lineitem;', 'code');
    dl.d(
      "  await lti.Grade.submitScore(idtoken, lineItemId, { scoreGiven: score, scoreMaximum: 100, activityProgress: 'Completed', gradingProgress: 'FullyGraded' });",
      'code',
    );
    dl.l('}');
  }

  // ---- integrations hub (TypeScript): Zoom, Canvas, Google Classroom, Agora, Kaltura, OpenAI --
  {
    const z = repo.file('services/integrations-hub/src/zoom/client.ts', 'integrations');
    const zs = zoomSecret();
    const zw = zoomWebhook();
    z.l(
      "import crypto from 'node:crypto';",
      "import { ZoomOAuth } from './oauth';",
      '',
      'export const zoom = new ZoomOAuth({',
    );
    z.d(`  accountId: '${zoomAccount()}',`, 'zoom account id');
    z.d(`  clientId: '${zoomId()}',`, 'zoom client id');
    z.s(`  clientSecret: '${zs}',`, 'zoom', zs);
    z.l('});', '');
    z.s(`export const ZOOM_WEBHOOK_SECRET_TOKEN = '${zw}';`, 'zoom', zw);
    z.l('', 'export function validate(plainToken: string) {');
    z.d(
      "  const encryptedToken = crypto.createHmac('sha256', ZOOM_WEBHOOK_SECRET_TOKEN).update(plainToken).digest('hex');",
      'variable reference',
    );
    z.l('  return { plainToken, encryptedToken };', '}');

    const cs = repo.file('services/integrations-hub/src/canvas/sync.ts', 'integrations');
    const ct = canvasToken();
    cs.l("import axios from 'axios';", '', 'const canvas = axios.create({');
    cs.l("  baseURL: 'https://northfield.instructure.com/api/v1',");
    cs.s(`  headers: { Authorization: \`Bearer ${ct}\` },`, 'canvas', ct);
    cs.l('});', '');
    cs.d('export const listCourses = (accountId: number) => canvas.get(`/accounts/${accountId}/courses`);', 'code');

    const tk = repo.file('services/integrations-hub/src/classroom/token.json', 'integrations');
    const rt = googleRefresh();
    tk.s(
      `{"token": "${googleAccess()}", "refresh_token": "${rt}", "token_uri": "https://oauth2.googleapis.com/token", "client_id": "${googleClientId()}", "client_secret": "${gocspx()}", "scopes": ["https://www.googleapis.com/auth/classroom.courses.readonly", "https://www.googleapis.com/auth/classroom.rosters.readonly"], "universe_domain": "googleapis.com", "account": "", "expiry": "2025-03-14T10:41:07.113000Z"}`,
      'google',
      rt,
    );
    const cr = repo.file('services/integrations-hub/src/classroom/credentials.json', 'integrations');
    const crs = gocspx();
    cr.l('{', '  "installed": {');
    cr.d(`    "client_id": "${googleClientId()}",`, 'google oauth client id');
    cr.l('    "project_id": "bp-classroom-sync",', '    "auth_uri": "https://accounts.google.com/o/oauth2/auth",');
    cr.l('    "token_uri": "https://oauth2.googleapis.com/token",');
    cr.s(`    "client_secret": "${crs}",`, 'google', crs);
    cr.l('    "redirect_uris": ["http://localhost"]', '  }', '}');

    const ag = repo.file('services/integrations-hub/src/live/agoraToken.ts', 'integrations');
    const agc = t.pick(HEX, 32);
    ag.l("import { RtcRole, RtcTokenBuilder } from 'agora-token';", '');
    ag.d(`const APP_ID = '${t.pick(HEX, 32)}'; // also shipped in the classroom web client`, 'agora app id (public)');
    ag.s(`const APP_CERTIFICATE = '${agc}';`, 'agora', agc);
    ag.l('', 'export function buildToken(channel: string, uid: number) {');
    ag.d(
      '  return RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERTIFICATE, channel, uid, RtcRole.PUBLISHER, 3600, 3600);',
      'variable reference',
    );
    ag.l('}');

    const kt = repo.file('services/integrations-hub/src/video/kaltura.ts', 'integrations');
    const ka = t.pick(HEX, 32);
    kt.l("import kaltura from 'kaltura-client';", '', 'const config = new kaltura.Configuration();');
    kt.l("config.serviceUrl = 'https://www.kaltura.com';", 'const client = new kaltura.Client(config);', '');
    kt.s(
      `kaltura.services.session.start('${ka}', 'lecture-capture@brightpath.io', kaltura.enums.SessionType.ADMIN, ${t.digits(7)}).execute(client).then((ks) => client.setKs(ks));`,
      'kaltura',
      ka,
    );

    const ai = repo.file('services/integrations-hub/src/tutor/openai.ts', 'integrations');
    const oa = t.openai();
    ai.l("import OpenAI from 'openai';", '');
    ai.s(`export const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY ?? '${oa}' });`, 'openai', oa);
    ai.d("export const MODEL = 'gpt-4o-mini-2024-07-18';", 'model name');

    const yt = repo.file('services/integrations-hub/src/video/kaltura.ts', 'integrations');
    const ytk = t.gcpApiKey();
    yt.l('', "import { google } from 'googleapis';");
    yt.s(`export const youtube = google.youtube({ version: 'v3', auth: '${ytk}' });`, 'gcp', ytk);

    const fz = repo.file('services/integrations-hub/test/zoom.test.ts', 'integrations');
    fz.l("import { validate } from '../src/zoom/client';", '');
    fz.d("process.env.ZOOM_WEBHOOK_SECRET_TOKEN = 'test-secret-token';", 'obvious test value');
    fz.d(`expect(validate('qgg8vlvZRS6UYooatFL8Aw').encryptedToken).toBe('${t.sha256()}');`, 'hmac digest');
  }

  // ---- .env files --------------------------------------------------------------------------
  {
    const e = repo.file('services/integrations-hub/.env.production', 'env');
    const zs = zoomSecret();
    const zw = zoomWebhook();
    const ct = canvasToken();
    const gs = gocspx();
    const gr = googleRefresh();
    const sg = t.sendgrid();
    const twt = t.twilioToken();
    const sb = t.slackBot();
    const agc = t.pick(HEX, 32);
    const rp = alnumPw();
    const yk = t.gcpApiKey();
    e.l('NODE_ENV=production', 'PORT=8080');
    e.d(`ZOOM_ACCOUNT_ID=${zoomAccount()}`, 'zoom account id');
    e.d(`ZOOM_CLIENT_ID=${zoomId()}`, 'zoom client id');
    e.s(`ZOOM_CLIENT_SECRET=${zs}`, 'zoom', zs);
    e.s(`ZOOM_WEBHOOK_SECRET_TOKEN=${zw}`, 'zoom', zw);
    e.l('CANVAS_BASE_URL=https://northfield.instructure.com');
    e.s(`CANVAS_ACCESS_TOKEN=${ct}`, 'canvas', ct);
    e.d(`GOOGLE_CLIENT_ID=${googleClientId()}`, 'google oauth client id');
    e.s(`GOOGLE_CLIENT_SECRET=${gs}`, 'google', gs);
    e.s(`GOOGLE_REFRESH_TOKEN=${gr}`, 'google', gr);
    e.s(`SENDGRID_API_KEY=${sg}`, 'sendgrid', sg);
    e.l(`TWILIO_ACCOUNT_SID=${t.twilioSid()}`);
    e.s(`TWILIO_AUTH_TOKEN=${twt}`, 'twilio', twt);
    e.s(`SLACK_BOT_TOKEN=${sb}`, 'slack', sb);
    e.d(`AGORA_APP_ID=${t.pick(HEX, 32)}`, 'agora app id');
    e.s(`AGORA_APP_CERTIFICATE=${agc}`, 'agora', agc);
    e.s(`REDIS_URL=rediss://default:${rp}@integrations-cache.brightpath.internal:6380/0`, 'database', rp);
    e.s(`YOUTUBE_API_KEY=${yk}`, 'gcp', yk);
    e.d('SENTRY_DSN=${SENTRY_DSN}', 'variable');

    const ex = repo.file('services/integrations-hub/.env.example', 'env');
    ex.d('ZOOM_ACCOUNT_ID=', 'empty');
    ex.d('ZOOM_CLIENT_ID=your-zoom-client-id', 'placeholder');
    ex.d('ZOOM_CLIENT_SECRET=your-zoom-client-secret', 'placeholder');
    ex.d('CANVAS_ACCESS_TOKEN=<canvas-token>', 'placeholder');
    ex.d('GOOGLE_CLIENT_SECRET=GOCSPX-xxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'placeholder');
    ex.d('SENDGRID_API_KEY=SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'placeholder');
    ex.d('TWILIO_AUTH_TOKEN=changeme', 'placeholder');
    ex.d('REDIS_URL=redis://localhost:6379/0', 'local url');

    const lm = repo.file('apps/lms/.env.development', 'env');
    lm.d('DATABASE_URL=postgres://lms:lms@localhost:5432/lms_development', 'local default');
    lm.d('REDIS_URL=redis://localhost:6379/0', 'local url');
    lm.d('MAILGUN_API_KEY=', 'empty');
    lm.d('CANVAS_API_TOKEN=${CANVAS_API_TOKEN}', 'variable');
    lm.d('ZOOM_CLIENT_SECRET=**********', 'masked');

    const an = repo.file('analytics/.env', 'env');
    const sp = pw();
    const spp = genPw(32);
    const ghp = t.github();
    an.l('SNOWFLAKE_ACCOUNT=' + snowAccount(), 'SNOWFLAKE_USER=ANALYTICS_SVC', 'SNOWFLAKE_ROLE=TRANSFORMER');
    an.s(`SNOWFLAKE_PASSWORD='${sp}'`, 'generic', sp);
    an.l('SNOWFLAKE_PRIVATE_KEY_PATH=~/.snowflake/rsa_key.p8');
    an.s(`SNOWFLAKE_PRIVATE_KEY_PASSPHRASE=${spp}`, 'generic', spp);
    an.l('BIGQUERY_PROJECT=bp-analytics-prod', 'GOOGLE_APPLICATION_CREDENTIALS=./secrets/bq-reader.json');
    an.s(`DBT_GITHUB_TOKEN=${ghp}`, 'github', ghp);
    const anp = t.pkcs8Pem();
    an.s(`SNOWFLAKE_PRIVATE_KEY_B64=${b64(anp.join('\n') + '\n')}`, 'private-key', anp[1]);

    const ch = repo.file('services/chat/.env.staging', 'env');
    const skb = phxSecret();
    const pmk = postmark();
    const dbp = alnumPw();
    ch.l('PHX_HOST=chat.staging.brightpath.io', 'PORT=4000');
    ch.s(`SECRET_KEY_BASE=${skb}`, 'generic', skb);
    ch.s(`DATABASE_URL=ecto://chat:${dbp}@chat-db.staging.brightpath.internal/chat_staging`, 'database', dbp);
    ch.s(`POSTMARK_API_KEY=${pmk}`, 'postmark', pmk);
    ch.d('POOL_SIZE=10', 'number');
  }

  // ---- Phoenix chat service ----------------------------------------------------------------
  {
    const c = repo.file('services/chat/config/config.exs', 'elixir');
    c.l('import Config', '', 'config :chat, ChatWeb.Endpoint,', '  url: [host: "localhost"],');
    c.l('  render_errors: [formats: [json: ChatWeb.ErrorJSON], layout: false],', '  pubsub_server: Chat.PubSub,');
    c.d(`  live_view: [signing_salt: "${t.mixed(ALNUM, 8)}"]`, 'phoenix signing salt (not a secret)');
    c.l('', 'config :chat, Chat.Mailer, adapter: Swoosh.Adapters.Local', '', 'import_config "#{config_env()}.exs"');

    const dev = repo.file('services/chat/config/dev.exs', 'elixir');
    dev.l('import Config', '', 'config :chat, Chat.Repo,', '  username: "postgres",');
    dev.d('  password: "postgres",', 'local default');
    dev.l('  hostname: "localhost",', '  database: "chat_dev",', '  pool_size: 10');

    const r = repo.file('services/chat/config/runtime.exs', 'elixir');
    const skb = phxSecret();
    const pmk = postmark();
    const gsk = phxSecret();
    const aid = t.awsId();
    const asec = t.awsSecret();
    const zs = zoomSecret();
    r.l('import Config', '', 'if config_env() == :prod do');
    r.d(
      '  database_url = System.get_env("DATABASE_URL") || raise "environment variable DATABASE_URL is missing."',
      'env reference',
    );
    r.s(`  secret_key_base = System.get_env("SECRET_KEY_BASE", "${skb}")`, 'generic', skb);
    r.l(
      '',
      '  config :chat, Chat.Repo, url: database_url, pool_size: String.to_integer(System.get_env("POOL_SIZE") || "10")',
    );
    r.l('', '  config :chat, Chat.Mailer,', '    adapter: Swoosh.Adapters.Postmark,');
    r.s(`    api_key: "${pmk}"`, 'postmark', pmk);
    r.l('', '  config :chat, Chat.Guardian,', '    issuer: "chat",');
    r.s(`    secret_key: "${gsk}"`, 'generic', gsk);
    r.l('', '  config :ex_aws,');
    r.s(`    access_key_id: "${aid}",`, 'aws', aid);
    r.s(`    secret_access_key: "${asec}",`, 'aws', asec);
    r.l('    region: "us-east-1"', '', '  config :chat, Chat.Zoom,');
    r.d(`    client_id: "${zoomId()}",`, 'zoom client id');
    r.s(`    client_secret: "${zs}"`, 'zoom', zs);
    r.l('end');

    const ps = repo.file('services/chat/config/prod.secret.exs', 'elixir');
    const pp = alnumPw();
    ps.l('import Config', '', 'config :chat, Chat.Repo,');
    ps.s(`  url: "ecto://chat:${pp}@chat-db.internal.brightpath.io/chat_prod",`, 'database', pp);
    ps.l('  ssl: true,', '  pool_size: 20');

    const sl = repo.file('services/chat/lib/chat/notifications/slack.ex', 'elixir');
    const wh = t.slackWebhook();
    sl.l('defmodule Chat.Notifications.Slack do');
    sl.s(`  @webhook_url "${wh}"`, 'slack', wh);
    sl.d('  @token Application.compile_env(:chat, :slack_token)', 'config reference');
    sl.l('', '  def notify(text), do: Req.post!(@webhook_url, json: %{text: text})', 'end');

    const mo = repo.file('services/chat/lib/chat/moderation/openai.ex', 'elixir');
    const oa = t.openai();
    mo.l('defmodule Chat.Moderation.OpenAI do', '  def flagged?(text) do');
    mo.s(
      `    %{body: body} = Req.post!("https://api.openai.com/v1/moderations", auth: {:bearer, "${oa}"}, json: %{input: text})`,
      'openai',
      oa,
    );
    mo.l('    get_in(body, ["results", Access.at(0), "flagged"])', '  end', 'end');

    const ml = repo.file('services/chat/mix.lock', 'elixir');
    ml.l('%{');
    for (const [n, v] of [
      ['phoenix', '1.7.14'],
      ['ecto_sql', '3.11.3'],
      ['swoosh', '1.16.9'],
      ['guardian', '2.3.2'],
    ])
      ml.d(
        `  "${n}": {:hex, :${n}, "${v}", "${t.sha256()}", [:mix], [], "hexpm", "${t.sha256()}"},`,
        'mix.lock hashes',
      );
    ml.l('}');
  }

  // ---- Unity learning game (C#) ------------------------------------------------------------
  {
    const a = repo.file('games/fraction-quest/Assets/Scripts/Backend/ApiConfig.cs', 'unity');
    const pf = t.mixed(UPPER + DIGIT, 52);
    const ik = bpKey();
    a.l('namespace Brightpath.FractionQuest.Backend', '{', '    public static class ApiConfig', '    {');
    a.l('        public const string BaseUrl = "https://game-api.brightpath.io/v1";');
    a.d(`        public const string PlayFabTitleId = "${t.mixed('0123456789ABCDEF', 5)}";`, 'playfab title id');
    a.s(`        private const string PlayFabDeveloperSecret = "${pf}";`, 'playfab', pf);
    a.d(`        public const string PhotonAppId = "${t.uuid()}";`, 'photon app id (public)');
    a.s(`        internal static readonly string AnalyticsIngestKey = "${ik}";`, 'generic', ik);
    a.l('    }', '}');

    const s3 = repo.file('games/fraction-quest/Assets/Scripts/Backend/S3Uploader.cs', 'unity');
    const id = t.awsId();
    const sec = t.awsSecret();
    s3.l('using Amazon;', 'using Amazon.Runtime;', 'using Amazon.S3;', '', 'public class S3Uploader', '{');
    s3.l('    private AmazonS3Client Create()', '    {');
    s3.s(`        var credentials = new BasicAWSCredentials("${id}", "${sec}");`, 'aws', sec);
    s3.l('        return new AmazonS3Client(credentials, RegionEndpoint.USEast1);', '    }', '}');

    const ca = repo.file('games/fraction-quest/Assets/Scripts/Backend/ClassroomAuth.cs', 'unity');
    const cs = gocspx();
    ca.l('public class ClassroomAuth : MonoBehaviour', '{');
    ca.d(`    private const string ClientId = "${googleClientId()}";`, 'google oauth client id');
    ca.s(`    private const string ClientSecret = "${cs}";`, 'google', cs);
    ca.d('    private const string RedirectUri = "com.brightpath.fractionquest:/oauth2redirect";', 'redirect uri');
    ca.l('}');

    const rm = repo.file('games/fraction-quest/Assets/Scripts/Backend/TeacherReportMailer.cs', 'unity');
    const rmk = t.sendgrid();
    rm.l('using System.Net;', 'using System.Net.Mail;', '', 'public static class TeacherReportMailer', '{');
    rm.l(
      '    public static SmtpClient Create() => new SmtpClient("smtp.sendgrid.net", 587)',
      '    {',
      '        EnableSsl = true,',
    );
    rm.s(`        Credentials = new NetworkCredential("apikey", "${rmk}"),`, 'sendgrid', rmk);
    rm.l('    };', '}');

    const bs = repo.file('games/fraction-quest/Assets/Editor/BuildScript.cs', 'unity');
    const ks = pw();
    const ka = pw();
    bs.l(
      'using UnityEditor;',
      '',
      'public static class BuildScript',
      '{',
      '    public static void BuildAndroid()',
      '    {',
    );
    bs.l('        PlayerSettings.Android.keystoreName = "Keystores/fractionquest-upload.keystore";');
    bs.s(`        PlayerSettings.Android.keystorePass = "${ks}";`, 'generic', ks);
    bs.l('        PlayerSettings.Android.keyaliasName = "upload";');
    bs.s(`        PlayerSettings.Android.keyaliasPass = "${ka}";`, 'generic', ka);
    bs.d(
      '        BuildPipeline.BuildPlayer(EditorBuildSettings.scenes, "Builds/FractionQuest.aab", BuildTarget.Android, BuildOptions.None);',
      'code',
    );
    bs.l('    }', '}');

    const gsv = repo.file('games/fraction-quest/Assets/StreamingAssets/google-services.json', 'unity');
    gsv.l('{', '  "project_info": {');
    gsv.d(`    "project_number": "${t.digits(12)}",`, 'firebase project number');
    gsv.l(
      '    "project_id": "fraction-quest-prod",',
      '    "storage_bucket": "fraction-quest-prod.appspot.com"',
      '  },',
    );
    gsv.l('  "client": [', '    {', '      "client_info": {');
    gsv.d(`        "mobilesdk_app_id": "1:${t.digits(12)}:android:${t.pick(HEX, 16)}",`, 'firebase app id');
    gsv.l('        "android_client_info": { "package_name": "com.brightpath.fractionquest" }', '      },');
    gsv.d(`      "api_key": [{ "current_key": "${t.gcpApiKey()}" }]`, 'firebase android api key (public)');
    gsv.l('    }', '  ]', '}');

    const ps = repo.file(
      'games/fraction-quest/Assets/Photon/PhotonUnityNetworking/Resources/PhotonServerSettings.asset',
      'unity',
    );
    ps.l('%YAML 1.1', '--- !u!114 &11400000', 'MonoBehaviour:');
    ps.d(`  m_Script: {fileID: 11500000, guid: ${t.pick(HEX, 32)}, type: 3}`, 'unity guid');
    ps.l('  AppSettings:');
    ps.d(`    AppIdRealtime: ${t.uuid()}`, 'photon app id');
    ps.l('    FixedRegion: us');
  }

  // ---- Kubernetes and Helm -----------------------------------------------------------------
  {
    const s = repo.file('deploy/k8s/lms/secret.yaml', 'k8s');
    const dbp = alnumPw();
    const mk = t.hex(32);
    const sg = t.sendgrid();
    const zs = zoomSecret();
    s.l('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: lms-env', '  namespace: lms', 'type: Opaque', 'data:');
    s.s(
      `  DATABASE_URL: ${b64(`postgres://lms_app:${dbp}@lms-prod.cluster-c8x2k1qzt0ab.us-east-1.rds.amazonaws.com:5432/lms_production`)}`,
      'database',
      dbp,
    );
    s.s(`  RAILS_MASTER_KEY: ${b64(mk)}`, 'generic', mk);
    s.s(`  SENDGRID_API_KEY: ${b64(sg)}`, 'sendgrid', sg);
    s.s(`  ZOOM_CLIENT_SECRET: ${b64(zs)}`, 'zoom', zs);
    s.d(`  RAILS_LOG_LEVEL: ${b64('info')}`, 'base64 of plain setting');

    const dp = repo.file('deploy/k8s/lms/deployment.yaml', 'k8s');
    const ct = canvasToken();
    dp.l('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: lms-web', '  namespace: lms', 'spec:');
    dp.l('  replicas: 4', '  template:', '    spec:', '      containers:', '        - name: web');
    dp.d(`          image: us-docker.pkg.dev/bp-prod-281903/lms/web@sha256:${t.sha256()}`, 'image digest');
    dp.l('          envFrom:', '            - secretRef:');
    dp.d('                name: lms-env', 'secret name');
    dp.l('          env:', '            - name: CANVAS_API_TOKEN');
    dp.s(`              value: "${ct}"`, 'canvas', ct);
    dp.l('            - name: LMS_DATABASE_PASSWORD', '              valueFrom:', '                secretKeyRef:');
    dp.d('                  name: lms-db', 'secretKeyRef name');
    dp.d('                  key: password', 'secretKeyRef key');
    dp.l('            - name: RAILS_ENV', '              value: production');

    const rc = repo.file('deploy/k8s/lti/regcred.yaml', 'k8s');
    const gh = t.github();
    const dcj = JSON.stringify({
      auths: { 'ghcr.io': { username: 'brightpath-bot', password: gh, auth: b64(`brightpath-bot:${gh}`) } },
    });
    rc.l(
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: ghcr-pull',
      '  namespace: lti',
      'type: kubernetes.io/dockerconfigjson',
      'data:',
    );
    rc.s(`  .dockerconfigjson: ${b64(dcj)}`, 'github', gh);

    const cm = repo.file('deploy/k8s/chat/configmap.yaml', 'k8s');
    const pmk = postmark();
    cm.l('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: chat-config', '  namespace: chat', 'data:');
    cm.l('  PHX_HOST: chat.brightpath.io');
    cm.d(`  LTI_CLIENT_ID: "${canvasClientId()}"`, 'lti client id');
    cm.d(`  ZOOM_ACCOUNT_ID: ${zoomAccount()}`, 'zoom account id');
    cm.s(`  POSTMARK_API_KEY: "${pmk}"`, 'postmark', pmk);
    cm.d(`  ROOM_NAMESPACE_UUID: ${t.uuid()}`, 'uuid namespace');

    const es = repo.file('deploy/k8s/analytics/externalsecret.yaml', 'k8s');
    es.l('apiVersion: external-secrets.io/v1beta1', 'kind: ExternalSecret', 'metadata:', '  name: snowflake', 'spec:');
    es.l(
      '  secretStoreRef: { name: gcp-secret-manager, kind: ClusterSecretStore }',
      '  data:',
      '    - secretKey: SNOWFLAKE_PASSWORD',
    );
    es.d('      remoteRef: { key: analytics-snowflake-password, version: latest }', 'remote ref');
    es.l('    - secretKey: SNOWFLAKE_PRIVATE_KEY');
    es.d('      remoteRef: { key: analytics-snowflake-rsa-key }', 'remote ref');

    const ss = repo.file('deploy/k8s/analytics/sealed-bigquery.yaml', 'k8s');
    ss.l(
      'apiVersion: bitnami.com/v1alpha1',
      'kind: SealedSecret',
      'metadata:',
      '  name: bq-reader',
      '  namespace: analytics',
      'spec:',
      '  encryptedData:',
    );
    ss.d(`    key.json: AgB${t.mixed(B64, 684)}==`, 'sealed secret');

    const cj = repo.file('deploy/k8s/jobs/canvas-sync-cronjob.yaml', 'k8s');
    const cjt = canvasToken();
    const mgl = mailgunLegacy();
    cj.l(
      'apiVersion: batch/v1',
      'kind: CronJob',
      'metadata:',
      '  name: canvas-roster-sync',
      'spec:',
      '  schedule: "15 * * * *"',
    );
    cj.l(
      '  jobTemplate:',
      '    spec:',
      '      template:',
      '        spec:',
      '          containers:',
      '            - name: sync',
    );
    cj.l('              image: us-docker.pkg.dev/bp-prod-281903/jobs/roster-sync:2.14.0');
    cj.s(
      `              args: ["--canvas-url", "https://riverside.instructure.com", "--canvas-token", "${cjt}", "--since", "2h"]`,
      'canvas',
      cjt,
    );
    cj.l('            - name: notify', '              image: curlimages/curl:8.7.1');
    cj.s(
      `              command: ["/bin/sh", "-c", "curl -s --user 'api:${mgl}' https://api.mailgun.net/v3/mg.brightpath.io/messages -F from=ops@brightpath.io -F to=data-team@brightpath.io -F subject='roster sync done' -F text=ok"]`,
      'mailgun',
      mgl,
    );
    cj.l('          restartPolicy: OnFailure');

    const hv = repo.file('deploy/helm/lms/values.yaml', 'k8s');
    hv.l('image:', '  repository: us-docker.pkg.dev/bp-prod-281903/lms/web', '  tag: ""', 'postgresql:', '  auth:');
    hv.d('    password: ""', 'empty');
    hv.d('    existingSecret: lms-db', 'secret name');
    hv.l('zoom:');
    hv.d('  clientId: ""', 'empty');
    hv.d('  clientSecret: ""  # set in values-<env>.yaml or via --set', 'empty');
    hv.l('mailgun:');
    hv.d('  apiKey: "<mailgun-private-api-key>"', 'placeholder');
    hv.l('gcs:');
    hv.d('  serviceAccountKeyB64: ""', 'empty');

    const hp = repo.file('deploy/helm/lms/values-prod.yaml', 'k8s');
    const hpw = pw();
    const hzs = zoomSecret();
    const hmg = mailgunKey();
    const hrp = genPw(32);
    const sapem = t.pkcs8Pem();
    const sa = saJson('bp-lms-prod', sapem, 'lms-transcripts');
    hp.l('image:');
    hp.d(`  tag: "${t.sha1().slice(0, 12)}"`, 'short sha tag');
    hp.l('postgresql:', '  auth:', '    username: lms_app');
    hp.s(`    password: "${hpw}"`, 'generic', hpw);
    hp.l('zoom:');
    hp.d(`  clientId: "${zoomId()}"`, 'zoom client id');
    hp.s(`  clientSecret: "${hzs}"`, 'zoom', hzs);
    hp.l('mailgun:', '  domain: mg.brightpath.io');
    hp.s(`  apiKey: "${hmg}"`, 'mailgun', hmg);
    hp.l('redis:', '  auth:');
    hp.s(`    password: ${hrp}`, 'generic', hrp);
    hp.l('gcs:', '  bucket: bp-lms-transcripts');
    hp.s(`  serviceAccountKeyB64: ${b64(JSON.stringify(sa, null, 2))}`, 'gcp', sapem[1]);

    const ht = repo.file('deploy/helm/lms/templates/secret.yaml', 'k8s');
    ht.l('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: {{ include "lms.fullname" . }}-integrations', 'data:');
    ht.d('  ZOOM_CLIENT_SECRET: {{ .Values.zoom.clientSecret | b64enc | quote }}', 'helm template');
    ht.d('  MAILGUN_API_KEY: {{ required "mailgun.apiKey" .Values.mailgun.apiKey | b64enc }}', 'helm template');
    ht.d('  GCS_KEY_JSON: {{ .Values.gcs.serviceAccountKeyB64 }}', 'helm template');

    const hc = repo.file('deploy/helm/chat/values-staging.yaml', 'k8s');
    const cskb = phxSecret();
    const cpm = postmark();
    hc.l('replicaCount: 2', 'env:', '  PHX_HOST: chat.staging.brightpath.io');
    hc.s(`  SECRET_KEY_BASE: "${cskb}"`, 'generic', cskb);
    hc.s(`  POSTMARK_API_KEY: ${cpm}`, 'postmark', cpm);
    hc.d('  DATABASE_URL: "{{ .Values.global.chatDatabaseUrl }}"', 'helm template');

    const sh = repo.file('deploy/scripts/bootstrap-secrets.sh', 'k8s');
    const bsp = alnumPw();
    const bst = t.github();
    sh.l('#!/usr/bin/env bash', 'set -euo pipefail', '');
    sh.s(
      `kubectl -n analytics create secret generic metabase-db --from-literal=username=metabase --from-literal=password=${bsp}`,
      'generic',
      bsp,
    );
    sh.s(
      `kubectl -n lti create secret docker-registry ghcr-pull --docker-server=ghcr.io --docker-username=brightpath-bot --docker-password=${bst}`,
      'github',
      bst,
    );
    sh.d(
      'kubectl -n lms create secret generic lms-env --from-env-file=.env.production --dry-run=client -o yaml | kubeseal -o yaml > sealed-lms-env.yaml',
      'file reference',
    );
    sh.d(
      'helm upgrade --install lms ./deploy/helm/lms -f deploy/helm/lms/values-prod.yaml --set zoom.clientSecret="$ZOOM_CLIENT_SECRET"',
      'variable',
    );
  }

  // ---- Terraform (GCP) ---------------------------------------------------------------------
  {
    const pv = repo.file('infra/terraform/gcp/providers.tf', 'terraform');
    pv.l(
      'terraform {',
      '  backend "gcs" {',
      '    bucket = "bp-terraform-state"',
      '    prefix = "gcp/prod"',
      '  }',
      '}',
      '',
    );
    pv.l('provider "google" {', '  project     = "bp-prod-281903"', '  region      = "us-central1"');
    pv.d('  credentials = file("~/.config/gcloud/bp-terraform.json")', 'file reference');
    pv.l('}');

    const sql = repo.file('infra/terraform/gcp/cloudsql.tf', 'terraform');
    const sp = pw();
    sql.l(
      'resource "google_sql_database_instance" "lms" {',
      '  name             = "lms-prod"',
      '  database_version = "POSTGRES_16"',
      '}',
      '',
    );
    sql.l(
      'resource "google_sql_user" "lms_app" {',
      '  name     = "lms_app"',
      '  instance = google_sql_database_instance.lms.name',
    );
    sql.s(`  password = "${sp}"`, 'generic', sp);
    sql.l('}', '', 'resource "random_password" "analytics_ro" {', '  length  = 32', '  special = false', '}', '');
    sql.l(
      'resource "google_sql_user" "analytics_ro" {',
      '  name     = "analytics_ro"',
      '  instance = google_sql_database_instance.lms.name',
    );
    sql.d('  password = random_password.analytics_ro.result', 'resource reference');
    sql.l('}');

    const vr = repo.file('infra/terraform/gcp/variables.tf', 'terraform');
    const vsp = pw();
    vr.l('variable "snowflake_password" {', '  type      = string', '  sensitive = true');
    vr.s(`  default   = "${vsp}"`, 'generic', vsp);
    vr.l('}', '', 'variable "zoom_client_secret" {', '  type      = string', '  sensitive = true');
    vr.d('  description = "Zoom S2S OAuth client secret (set in prod.auto.tfvars)"', 'description');
    vr.l('}');

    const sc = repo.file('infra/terraform/gcp/secrets.tf', 'terraform');
    const ssg = t.sendgrid();
    sc.l(
      'resource "google_secret_manager_secret" "sendgrid" {',
      '  secret_id = "sendgrid-api-key"',
      '  replication {',
      '    auto {}',
      '  }',
      '}',
      '',
    );
    sc.l(
      'resource "google_secret_manager_secret_version" "sendgrid" {',
      '  secret      = google_secret_manager_secret.sendgrid.id',
    );
    sc.s(`  secret_data = "${ssg}"`, 'sendgrid', ssg);
    sc.l(
      '}',
      '',
      'resource "google_secret_manager_secret_version" "canvas" {',
      '  secret      = google_secret_manager_secret.canvas.id',
    );
    sc.d('  secret_data = var.canvas_token', 'variable reference');
    sc.l('}');
    const cfz = zoomWebhook();
    sc.l(
      '',
      'resource "google_cloudfunctions2_function" "zoom_webhook" {',
      '  name     = "zoom-webhook"',
      '  location = "us-central1"',
      '  service_config {',
      '    environment_variables = {',
      '      LOG_LEVEL                 = "info"',
    );
    sc.s(`      ZOOM_WEBHOOK_SECRET_TOKEN = "${cfz}"`, 'zoom', cfz);
    sc.l('    }', '  }', '}');

    const tv = repo.file('infra/terraform/gcp/prod.auto.tfvars', 'terraform');
    const tmg = mailgunKey();
    const tcs = canvasKeySecret();
    const tgh = t.github();
    const tzs = zoomSecret();
    tv.l('project_id      = "bp-prod-281903"');
    tv.d('billing_account = "01A2B3-C4D5E6-F7A8B9"', 'billing account id');
    tv.s(`mailgun_api_key = "${tmg}"`, 'mailgun', tmg);
    tv.s(`canvas_developer_key_secret = "${tcs}"`, 'canvas', tcs);
    tv.s(`github_token    = "${tgh}"`, 'github', tgh);
    tv.s(`zoom_client_secret = "${tzs}"`, 'zoom', tzs);

    const ts = repo.file('infra/terraform/gcp/terraform.tfstate', 'terraform');
    const spem = t.pkcs8Pem();
    const ssa = saJson('bp-analytics-prod', spem, 'bq-reader');
    const rpw = t.mixed(ALNUM, 32);
    ts.l('{', '  "version": 4,', '  "terraform_version": "1.8.5",', `  "serial": ${t.digits(3)},`);
    ts.d(`  "lineage": "${t.uuid()}",`, 'state lineage uuid');
    ts.l(
      '  "resources": [',
      '    {',
      '      "mode": "managed",',
      '      "type": "google_service_account_key",',
      '      "name": "bq_reader",',
    );
    ts.l('      "instances": [', '        {', '          "attributes": {');
    ts.d(
      `            "id": "projects/bp-analytics-prod/serviceAccounts/bq-reader@bp-analytics-prod.iam.gserviceaccount.com/keys/${t.hex(40)}",`,
      'key resource id',
    );
    ts.s(`            "private_key": "${b64(JSON.stringify(ssa, null, 2))}",`, 'gcp', spem[1]);
    ts.l('            "private_key_type": "TYPE_GOOGLE_CREDENTIALS_FILE",');
    ts.d(`            "public_key": "${b64(cert().join('\n'))}",`, 'base64 certificate');
    ts.l('            "key_algorithm": "KEY_ALG_RSA_2048"', '          }', '        }', '      ]', '    },', '    {');
    ts.l(
      '      "mode": "managed",',
      '      "type": "random_password",',
      '      "name": "analytics_ro",',
      '      "instances": [',
      '        {',
      '          "attributes": {',
    );
    ts.d(`            "bcrypt_hash": "$2a$10$${t.mixed(B64.replace('+', '.'), 53)}",`, 'bcrypt hash');
    ts.s(`            "result": "${rpw}",`, 'generic', rpw);
    ts.l('            "length": 32', '          }', '        }', '      ]', '    }', '  ]', '}');

    const lk = repo.file('infra/terraform/gcp/.terraform.lock.hcl', 'terraform');
    lk.l('provider "registry.terraform.io/hashicorp/google" {', '  version = "5.34.0"', '  hashes = [');
    lk.d(`    "h1:${Buffer.from(t.pick(HEX, 64), 'hex').toString('base64')}",`, 'provider hash');
    lk.d(`    "zh:${t.sha256()}",`, 'provider hash');
    lk.l('  ]', '}');

    const bs = repo.file('infra/gcp/scripts/rotate-sql-password.sh', 'terraform');
    const bp = alnumPw();
    bs.l('#!/usr/bin/env bash', '# rotated 2025-02-11 after the contractor offboarding', 'set -euo pipefail');
    bs.s(`gcloud sql users set-password lms_app --instance=lms-prod --password='${bp}'`, 'generic', bp);
    bs.d('gcloud secrets versions access latest --secret=lms-db-password', 'cli reference');
  }

  // ---- GitHub Actions ----------------------------------------------------------------------
  {
    const w = repo.file('.github/workflows/lms-ci.yml', 'ci');
    const gh = t.github();
    const ct = canvasToken();
    w.l('name: lms-ci', 'on: [push, pull_request]', 'env:', '  RAILS_ENV: test');
    w.d('  DATABASE_URL: postgres://postgres:postgres@localhost:5432/lms_test', 'ci service default');
    w.l(
      'jobs:',
      '  rspec:',
      '    runs-on: ubuntu-latest',
      '    services:',
      '      postgres:',
      '        image: postgres:16',
      '        env:',
    );
    w.d('          POSTGRES_PASSWORD: postgres', 'ci service default');
    w.l('    steps:');
    w.d(`      - uses: actions/checkout@${t.sha1()} # v4.1.7`, 'pinned action sha');
    w.l(
      '      - uses: ruby/setup-ruby@v1',
      '        with:',
      '          bundler-cache: true',
      '          working-directory: apps/lms',
      '        env:',
    );
    w.s(`          BUNDLE_GITHUB__COM: x-access-token:${gh}`, 'github', gh);
    w.l('      - run: bundle exec rspec', '        working-directory: apps/lms', '        env:');
    w.d('          RAILS_MASTER_KEY: ${{ secrets.RAILS_MASTER_KEY }}', 'secrets reference');
    w.s(`          CANVAS_API_TOKEN: ${ct}`, 'canvas', ct);

    const g = repo.file('.github/workflows/deploy-gke.yml', 'ci');
    const sw = t.slackWebhook();
    const st = sentryUser();
    g.l(
      'name: deploy-gke',
      'on:',
      '  push:',
      '    branches: [main]',
      'jobs:',
      '  deploy:',
      '    runs-on: ubuntu-latest',
      '    steps:',
    );
    g.l('      - uses: google-github-actions/auth@v2', '        with:');
    g.d('          credentials_json: ${{ secrets.GCP_SA_KEY }}', 'secrets reference');
    g.l(
      '      - uses: google-github-actions/get-gke-credentials@v2',
      '        with: { cluster_name: prod-us-central1, location: us-central1 }',
    );
    g.l('      - run: helm upgrade --install lms ./deploy/helm/lms -f deploy/helm/lms/values-prod.yaml');
    g.l('      - name: Sentry release', '        env:');
    g.s(`          SENTRY_AUTH_TOKEN: ${st}`, 'sentry', st);
    g.l('          SENTRY_ORG: brightpath', '        run: npx @sentry/cli releases new "$GITHUB_SHA"');
    g.l('      - name: Notify', '        run: |');
    g.s(
      `          curl -X POST -H 'Content-type: application/json' --data '{"text":"lms deployed"}' ${sw}`,
      'slack',
      sw,
    );

    const a = repo.file('.github/workflows/analytics-dbt.yml', 'ci');
    const sp = pw();
    a.l(
      'name: analytics-dbt',
      'on:',
      '  schedule: [{ cron: "0 6 * * *" }]',
      'jobs:',
      '  dbt:',
      '    runs-on: ubuntu-latest',
      '    env:',
    );
    a.d(`      SNOWFLAKE_ACCOUNT: ${snowAccount()}`, 'snowflake account locator');
    a.l('      SNOWFLAKE_USER: DBT_CI');
    a.s(`      SNOWFLAKE_PASSWORD: "${sp}"`, 'generic', sp);
    a.l(
      '      SNOWFLAKE_ROLE: TRANSFORMER',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - run: pip install dbt-snowflake==1.8.3 && dbt build --target prod',
    );

    const u = repo.file('.github/workflows/unity-build.yml', 'ci');
    const up = pw();
    const cc = t.uuid();
    u.l(
      'name: unity-build',
      'on: { workflow_dispatch: {} }',
      'jobs:',
      '  android:',
      '    runs-on: ubuntu-latest',
      '    steps:',
    );
    u.l('      - uses: game-ci/unity-builder@v4', '        env:');
    u.d('          UNITY_LICENSE: ${{ secrets.UNITY_LICENSE }}', 'secrets reference');
    u.l('          UNITY_EMAIL: build@brightpath.io');
    u.s(`          UNITY_PASSWORD: ${up}`, 'generic', up);
    u.l('        with:', '          projectPath: games/fraction-quest', '          targetPlatform: Android');
    u.l('      - uses: codecov/codecov-action@v4', '        with:');
    u.s(`          token: ${cc}`, 'codecov', cc);
  }

  // ---- Dockerfiles and compose -------------------------------------------------------------
  {
    const l = repo.file('apps/lms/Dockerfile', 'docker');
    const sk = `${t.pick(HEX, 8)}:${t.pick(HEX, 8)}`;
    l.d(`FROM ruby:3.3.4-slim@sha256:${t.sha256()} AS base`, 'image digest');
    l.l('WORKDIR /rails', 'ENV RAILS_ENV=production BUNDLE_DEPLOYMENT=1');
    l.s(`ARG BUNDLE_GEMS__CONTRIBSYS__COM=${sk}`, 'generic', sk);
    l.l('COPY Gemfile Gemfile.lock ./', 'RUN bundle install');
    l.d('RUN SECRET_KEY_BASE_DUMMY=1 ./bin/rails assets:precompile', 'rails precompile dummy flag');
    l.d(
      'RUN --mount=type=secret,id=rails_master_key RAILS_MASTER_KEY=$(cat /run/secrets/rails_master_key) ./bin/rails lms:verify_credentials',
      'build secret mount',
    );

    const ad = repo.file('services/assessment/Dockerfile', 'docker');
    const ap = alnumPw();
    ad.l('FROM python:3.12-slim', 'WORKDIR /app', 'COPY requirements.txt .');
    ad.s(
      `RUN pip install --no-cache-dir --extra-index-url https://bp-ci:${ap}@brightpath.jfrog.io/artifactory/api/pypi/pypi-local/simple -r requirements.txt`,
      'generic',
      ap,
    );
    ad.l(
      'ENV DJANGO_SETTINGS_MODULE=assessment.settings.production',
      'CMD ["gunicorn", "assessment.wsgi", "-b", "0.0.0.0:8000"]',
    );

    const cd = repo.file('services/chat/Dockerfile', 'docker');
    const hx = t.pick(HEX, 32);
    const cskb = phxSecret();
    cd.l('FROM hexpm/elixir:1.16.2-erlang-26.2.4-debian-bookworm-20240423-slim AS build', 'ENV MIX_ENV=prod');
    cd.s(`RUN mix hex.organization auth brightpath --key ${hx}`, 'generic', hx);
    cd.l('RUN mix deps.get --only prod && mix release');
    cd.s(`ENV SECRET_KEY_BASE=${cskb}`, 'generic', cskb);

    const id = repo.file('services/integrations-hub/Dockerfile', 'docker');
    const zw = zoomWebhook();
    id.l('FROM node:20-alpine AS build');
    id.d('ARG NPM_TOKEN', 'arg name only');
    id.d('RUN echo "//npm.pkg.github.com/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci && rm .npmrc', 'variable');
    id.s(`ENV ZOOM_WEBHOOK_SECRET_TOKEN=${zw}`, 'zoom', zw);
    id.l('CMD ["node", "dist/index.js"]');

    const dc = repo.file('docker-compose.yml', 'docker');
    dc.l('services:', '  postgres:', '    image: postgres:16', '    environment:');
    dc.d('      POSTGRES_PASSWORD: postgres', 'local default');
    dc.l('  moodle:', '    image: bitnami/moodle:4.3', '    environment:');
    dc.d('      MOODLE_DATABASE_PASSWORD: bitnami', 'bitnami default');
    dc.d('      MOODLE_PASSWORD: ${MOODLE_ADMIN_PASSWORD:-admin}', 'env reference with default');
    dc.l('  minio:', '    image: minio/minio', '    environment:');
    dc.d('      MINIO_ROOT_PASSWORD: minioadmin', 'documented default');
    dc.l('  integrations:', '    build: services/integrations-hub', '    environment:');
    dc.d('      MAILGUN_API_KEY: ${MAILGUN_API_KEY}', 'variable');

    const ds = repo.file('docker-compose.staging.yml', 'docker');
    const mp = pw();
    const rp = genPw(24);
    ds.l(
      'services:',
      '  moodle:',
      '    image: bitnami/moodle:4.3',
      '    environment:',
      '      MOODLE_DATABASE_USER: moodle_stg',
    );
    ds.s(`      MOODLE_DATABASE_PASSWORD: "${mp}"`, 'generic', mp);
    ds.l(
      '  rabbitmq:',
      '    image: rabbitmq:3.13-management',
      '    environment:',
      '      RABBITMQ_DEFAULT_USER: assessment',
    );
    ds.s(`      RABBITMQ_DEFAULT_PASS: ${rp}`, 'generic', rp);
  }

  // ---- AWS S3 scripts ----------------------------------------------------------------------
  {
    const s = repo.file('scripts/s3/sync_course_media.sh', 'scripts');
    const id = t.awsId();
    const sec = t.awsSecret();
    const id2 = t.awsId();
    const sec2 = t.awsSecret();
    s.l('#!/usr/bin/env bash', '# One-off: copy the 2024 course videos into the archive bucket.', 'set -euo pipefail');
    s.s(
      `AWS_ACCESS_KEY_ID=${id} AWS_SECRET_ACCESS_KEY=${sec} aws s3 sync ./media s3://bp-course-media-prod/2024/ --storage-class STANDARD_IA`,
      'aws',
      sec,
    );
    s.s(`aws configure set aws_access_key_id ${id2} --profile archive`, 'aws', id2);
    s.s(`aws configure set aws_secret_access_key ${sec2} --profile archive`, 'aws', sec2);
    s.d('aws s3 ls s3://bp-course-media-prod/ --profile "${AWS_PROFILE:-default}"', 'variable');

    const gb = repo.file('scripts/canvas/backfill_grades.sh', 'scripts');
    const gt = canvasToken();
    gb.l('#!/usr/bin/env bash', 'COURSE=${1:?course id}');
    gb.s(
      `curl -sf -H "Authorization: Bearer ${gt}" "https://riverside.instructure.com/api/v1/courses/$COURSE/students/submissions?per_page=100" > submissions.json`,
      'canvas',
      gt,
    );
    gb.d(
      'curl -sf -H "Authorization: Bearer $CANVAS_TOKEN" "https://riverside.instructure.com/api/v1/users/self"',
      'variable',
    );
  }

  // ---- analytics notebooks -----------------------------------------------------------------
  {
    const sp = pw();
    const sp2 = pw();
    notebook(repo.file('analytics/notebooks/enrollment_funnel_snowflake.ipynb', 'notebook'), [
      { md: true, src: ['# Enrollment funnel (Snowflake)', '', 'Trial teacher -> paid district, by month.'] },
      {
        n: 1,
        src: [{ s: [`%env SNOWFLAKE_PASSWORD=${sp}`, 'generic', sp] }],
        out: [{ text: [`env: SNOWFLAKE_PASSWORD=${sp}`].map((x) => ({ s: [x, 'generic', sp] })) }],
      },
      {
        n: 2,
        src: [
          'import snowflake.connector',
          'conn = snowflake.connector.connect(',
          '    user="ANALYST_JCHEN",',
          { s: [`    password="${sp2}",`, 'generic', sp2] },
          { d: [`    account="${snowAccount()}",`, 'snowflake account locator'] },
          '    warehouse="ANALYST_WH",',
          ')',
        ],
      },
      {
        n: 3,
        src: [
          'df = conn.cursor().execute("select * from MARTS.ENROLLMENT_FUNNEL").fetch_pandas_all()',
          'df.plot(x="MONTH", y="CONVERSION")',
        ],
        out: [{ png: true }],
      },
    ]);

    const bpem = t.pkcs8Pem();
    const bs = saJson('bp-analytics-prod', bpem, 'notebook-reader');
    notebook(repo.file('analytics/notebooks/bigquery_retention.ipynb', 'notebook'), [
      {
        n: 1,
        src: [
          'from google.cloud import bigquery',
          'from google.oauth2 import service_account',
          '',
          'info = {',
          '    "type": "service_account",',
          '    "project_id": "bp-analytics-prod",',
          { d: [`    "private_key_id": "${bs.private_key_id}",`, 'key id'] },
          { s: [`    "private_key": ${JSON.stringify(bs.private_key)},`, 'gcp', bpem[1]] },
          `    "client_email": "${bs.client_email}",`,
          { d: [`    "client_id": "${bs.client_id}",`, 'numeric client id'] },
          '    "token_uri": "https://oauth2.googleapis.com/token",',
          '}',
          'creds = service_account.Credentials.from_service_account_info(info)',
          'bq = bigquery.Client(credentials=creds, project="bp-analytics-prod")',
        ],
      },
      {
        n: 2,
        src: [
          'q = """select cohort_week, week_n, retained from `bp-analytics-prod.marts.teacher_retention`"""',
          'bq.query(q).to_dataframe().head()',
        ],
        out: [{ text: [{ d: [`Job ID: ${t.uuid()}`, 'bigquery job id'] }, 'cohort_week  week_n  retained'] }],
      },
    ]);

    const oa = t.openai();
    const oa2 = t.openai();
    notebook(repo.file('analytics/notebooks/ai_feedback_eval.ipynb', 'notebook'), [
      { n: 1, src: [{ s: [`%env OPENAI_API_KEY=${oa}`, 'openai', oa] }] },
      {
        n: 2,
        src: [
          'import openai',
          { s: [`client = openai.OpenAI(api_key="${oa2}")`, 'openai', oa2] },
          'resp = client.chat.completions.create(model="gpt-4o", messages=msgs)',
        ],
        out: [
          {
            text: [
              {
                d: [
                  'AuthenticationError: Error code: 401 - Incorrect API key provided: sk-proj-********************Qx7a.',
                  'masked key in error',
                ],
              },
            ],
          },
        ],
      },
    ]);

    const s3id = t.awsId();
    const nbCanvas = canvasToken();
    const s3sec = t.awsSecret();
    notebook(repo.file('analytics/notebooks/s3_clickstream.ipynb', 'notebook'), [
      {
        n: 4,
        src: [
          'import boto3',
          's3 = boto3.client(',
          '    "s3",',
          { s: [`    aws_access_key_id="${s3id}",`, 'aws', s3id] },
          { s: [`    aws_secret_access_key="${s3sec}",`, 'aws', s3sec] },
          '    region_name="us-east-1",',
          ')',
          'objs = s3.list_objects_v2(Bucket="bp-clickstream-raw", Prefix="2025/03/")',
          {
            s: [
              `!curl -s -H "Authorization: Bearer ${nbCanvas}" "https://riverside.instructure.com/api/v1/courses/4821/analytics/activity" -o activity.json`,
              'canvas',
              nbCanvas,
            ],
          },
        ],
        out: [{ text: [{ d: [`RequestId: ${t.pick(UPPER + DIGIT, 16)}`, 'aws request id'] }, 'KeyCount: 1000'] }],
      },
      { n: 5, src: ['sessions.groupby("day").size().plot()'], out: [{ png: true }] },
    ]);

    const pr = repo.file('analytics/dbt/profiles.yml', 'notebook');
    const dp = pw();
    pr.l('brightpath:', '  target: prod', '  outputs:', '    prod:', '      type: snowflake');
    pr.d(`      account: ${snowAccount()}`, 'snowflake account locator');
    pr.l('      user: DBT_PROD');
    pr.s(`      password: ${dp}`, 'generic', dp);
    pr.l('      role: TRANSFORMER', '    dev:', '      type: snowflake');
    pr.d('      password: "{{ env_var(\'SNOWFLAKE_PASSWORD\') }}"', 'env_var reference');

    const sk = repo.file('analytics/secrets/snowflake_rsa_key.p8', 'notebook');
    const p8 = t.pkcs8Pem();
    sk.s(p8, 'private-key', p8.join('\n'));
  }

  // ---- API tooling -------------------------------------------------------------------------
  {
    const pc = repo.file('tools/postman/Brightpath-LMS.postman_collection.json', 'tools');
    const jw = appJwt('district_admin');
    const ct = canvasToken();
    pc.l('{', '  "info": {');
    pc.d(`    "_postman_id": "${t.uuid()}",`, 'postman id');
    pc.l(
      '    "name": "Brightpath LMS",',
      '    "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"',
      '  },',
    );
    pc.l('  "auth": {', '    "type": "bearer",', '    "bearer": [', '      {', '        "key": "token",');
    pc.s(`        "value": "${jw}",`, 'jwt', jw);
    pc.l('        "type": "string"', '      }', '    ]', '  },', '  "variable": [');
    pc.d('    { "key": "baseUrl", "value": "https://api.staging.brightpath.io" },', 'url');
    pc.s(`    { "key": "canvasToken", "value": "${ct}" },`, 'canvas', ct);
    pc.d('    { "key": "courseId", "value": "4821" }', 'id');
    pc.l('  ]', '}');

    const h = repo.file('tools/http/lti-admin.http', 'tools');
    const j2 = appJwt('super_admin');
    const ba = genPw(20);
    h.l('### list LTI registrations', 'GET https://api.brightpath.io/v2/admin/lti/registrations');
    h.s(`Authorization: Bearer ${j2}`, 'jwt', j2);
    h.l(
      '',
      '### metabase session',
      'POST https://metabase.brightpath.io/api/session',
      'Content-Type: application/json',
      '',
    );
    h.s(`{"username": "data-admin@brightpath.io", "password": "${ba}"}`, 'generic', ba);
  }

  // ---- logs --------------------------------------------------------------------------------
  {
    const f = repo.file('ops/incidents/2025-03-14-grade-passback/lms-production.log', 'logs');
    const ct = canvasToken();
    const zid = zoomId();
    const zs = zoomSecret();
    const sg = t.sendgrid();
    const ts = (s) => `I, [2025-03-14T08:${s}.331 #12]`;
    f.d(
      `${ts('01:12')}  INFO -- : [${t.uuid()}] Started POST "/users/sign_in" for 10.42.3.17 at 2025-03-14 08:01:12 +0000`,
      'request id',
    );
    f.d(
      `${ts('01:12')}  INFO -- : [${t.uuid()}]   Parameters: {"authenticity_token"=>"[FILTERED]", "user"=>{"email"=>"m.ortiz@riverside.k12.ca.us", "password"=>"[FILTERED]"}}`,
      'filtered parameters',
    );
    f.s(
      `${ts('02:40')} DEBUG -- : Canvas::API GET https://riverside.instructure.com/api/v1/courses/4821/enrollments?per_page=100&access_token=${ct}`,
      'canvas',
      ct,
    );
    f.s(
      `${ts('02:41')} DEBUG -- : ZoomClient POST https://zoom.us/oauth/token?grant_type=account_credentials headers={"Authorization"=>"Basic ${b64(`${zid}:${zs}`)}"}`,
      'zoom',
      zs,
    );
    f.s(`${ts('02:44')} DEBUG -- request: Authorization: "Bearer ${sg}"`, 'sendgrid', sg);
    f.d(
      `${ts('02:45')}  INFO -- : Completed 200 OK in 41ms (Views: 12.1ms | ActiveRecord: 3.2ms | Allocations: 18211)`,
      'timing',
    );
    f.d(`${ts('02:46')}  INFO -- : commit=${t.sha1()} release=lms@2025.03.13-2`, 'git sha');

    const c = repo.file('ops/incidents/2025-03-14-grade-passback/celery-worker.log', 'logs');
    const ap = alnumPw();
    const gr = googleRefresh();
    const gs = gocspx();
    c.s(
      `[2025-03-14 09:00:01,112: INFO/MainProcess] Connected to amqp://assessment:${ap}@rabbitmq.internal.brightpath.io:5672/assessment`,
      'generic',
      ap,
    );
    c.d(
      `[2025-03-14 09:00:04,881: INFO/ForkPoolWorker-3] Task grading.tasks.passback[${t.uuid()}] succeeded in 0.41s: None`,
      'task id',
    );
    c.s(
      `send: b'grant_type=refresh_token&client_id=${googleClientId()}&client_secret=${gs}&refresh_token=${gr}'`,
      'google',
      gr,
    );
    c.d(
      '[2025-03-14 09:00:05,002: WARNING/ForkPoolWorker-3] Canvas returned 401 for token ending ...k3Qz',
      'masked token tail',
    );

    const p = repo.file('ops/incidents/2025-03-14-grade-passback/chat-prod.log', 'logs');
    const pm = postmark();
    p.d(`09:12:01.100 request_id=F${t.mixed(URLSAFE, 19)} [info] GET /api/rooms/algebra-1-p3/messages`, 'request id');
    p.s(
      `09:12:02.333 [debug] Swoosh.Adapters.Postmark request headers: [{"X-Postmark-Server-Token", "${pm}"}, {"Accept", "application/json"}]`,
      'postmark',
      pm,
    );
    p.d('09:12:02.450 [info] Sent 200 in 3ms', 'timing');

    const k = repo.file('ops/incidents/2025-03-14-grade-passback/lti-tool-printenv.txt', 'logs');
    const le = t.mixed(ALNUM, 32);
    const mp = alnumPw();
    k.l('$ kubectl -n lti exec deploy/lti-tool -- printenv');
    k.d(`HOSTNAME=lti-tool-7c9f${t.lower(6)}-${t.lower(5)}`, 'pod name');
    k.d('KUBERNETES_SERVICE_HOST=10.0.0.1', 'ip');
    k.s(`LTI_ENCRYPTION_KEY=${le}`, 'generic', le);
    k.s(
      `MONGO_URL=mongodb://lti_app:${mp}@mongo-0.mongo.lti.svc.cluster.local:27017/lti?authSource=admin`,
      'mongodb',
      mp,
    );
    k.d('NODE_VERSION=20.12.2', 'version');
  }

  // ---- docs --------------------------------------------------------------------------------
  {
    const z = repo.file('docs/integrations/zoom.md', 'docs');
    const zs = zoomSecret();
    z.l('# Zoom (Server-to-Server OAuth)', '', 'App: **Brightpath Live Classes (prod)**, owner: platform team.', '');
    z.l('| Setting | Value |', '|---|---|');
    z.d(`| Account ID | \`${zoomAccount()}\` |`, 'zoom account id');
    z.d(`| Client ID | \`${zoomId()}\` |`, 'zoom client id');
    z.s(`| Client secret | \`${zs}\` |`, 'zoom', zs);
    z.d('| Secret token (webhooks) | in 1Password, item "Zoom S2S (prod)" |', 'pointer to vault');

    const cv = repo.file('docs/integrations/canvas.md', 'docs');
    const ct = canvasToken();
    cv.l('# Canvas', '', 'Generate a token under Account > Settings > New Access Token, then:', '', '```sh');
    cv.d('curl -H "Authorization: Bearer <ACCESS-TOKEN>" https://<canvas-host>/api/v1/users/self', 'placeholder');
    cv.l('```', '', 'Riverside sandbox token (expires with the pilot):', '', '```sh');
    cv.s(`curl -H "Authorization: Bearer ${ct}" https://riverside.instructure.com/api/v1/users/self`, 'canvas', ct);
    cv.l('```');

    const lt = repo.file('docs/lti/setup.md', 'docs');
    lt.l('# LTI 1.3 registration', '', 'Give the platform admin these values:', '');
    lt.d(`- Client ID (Canvas developer key): \`${canvasClientId()}\``, 'lti client id');
    lt.d('- Public JWK set: `https://lti.brightpath.io/.well-known/jwks.json`', 'url');
    lt.l('- Tool public key:', '', '```');
    lt.d(pubPem(), 'public key');
    lt.l('```');

    const sn = repo.file('docs/runbooks/snowflake.md', 'docs');
    const sp = pw();
    sn.l('# Snowflake access', '', 'Break-glass login for the service user when SSO is down:', '', '```sh');
    sn.s(`SNOWSQL_PWD='${sp}' snowsql -a ${snowAccount()} -u ANALYTICS_SVC -r SYSADMIN`, 'generic', sp);
    sn.l('```');
    sn.d("Rotate it afterwards: `ALTER USER ANALYTICS_SVC SET PASSWORD = '<new password>';`", 'placeholder');

    const on = repo.file('docs/onboarding.md', 'docs');
    const op = pw();
    on.l('# Engineering onboarding', '', '## Staging');
    on.s(`- Staging LMS super-admin: \`platform-admin@brightpath.io\` / \`${op}\``, 'generic', op);
    on.d('- Ask in #platform-secrets for the Mailgun and Postmark keys; never paste them into tickets.', 'prose');
    on.d('- Teachers sign in with their district Google account (no password is stored by us).', 'prose');

    const rd = repo.file('README.md', 'docs');
    rd.l(
      '# Brightpath monorepo',
      '',
      '- `apps/lms` Rails LMS',
      '- `services/assessment` Django',
      '- `services/chat` Phoenix',
      '',
    );
    rd.l('AWS docs keys for the localstack profile:', '', '```');
    rd.d('aws_access_key_id = AKIAIOSFODNN7EXAMPLE', 'aws documentation example');
    rd.d('aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'aws documentation example');
    rd.l('```');
  }

  return repo;
}
