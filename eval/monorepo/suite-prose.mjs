// Red-team suite "prose": credentials in human-written text and in logs, the way they leak in real
// repositories: READMEs, runbooks, onboarding docs, postmortems, wiki exports, CHANGELOGs, filled-in
// issue/PR templates, chat exports (Slack JSON, Teams, IRC, Discord), e-mail (.eml, mbox), support
// tickets, meeting notes, rST/AsciiDoc, notebook markdown cells, code comments, commit messages, and
// logs (JSON lines, plain, access logs, HTTP debug dumps, stack traces, CI, Kubernetes, audit, crash).
// Decoys are what the same files really hold: redactions, vendor documentation examples, prose
// words, placeholders, ids, hashes, public keys, version strings, harmless query params.
// Written from real-world leak shapes and vendor-published formats, not from tokenscope's rules.
import { ALNUM, B64, HEX, LOWER, UPPER, URLSAFE, Repo, makeTokens, mulberry32 } from './generate.mjs';
import { crc32Base62Suffix } from '../../dist/providers/formats/checksums.js';

function moreTokens(rand, t) {
  const one = (list) => list[Math.floor(rand() * list.length)];
  const crc = (prefix, n) => {
    const body = t.alnum(n);
    return `${prefix}${body}${crc32Base62Suffix(body)}`;
  };
  const human = () =>
    one([
      () => `${one(['Acme', 'Globex', 'Initech', 'Hooli'])}@${one(['2023', '2024', '2025', '2026'])}!`,
      () => `${one(['Summer', 'Winter', 'Autumn', 'Spring'])}${one(['2024', '2025', '2026'])}${one(['!', '#', '$'])}`,
      () => `${one(['Welcome', 'Dragon', 'Sunshine', 'Monkey'])}${t.digits(3)}${one(['!', '@', '#'])}`,
      () => `${one(['P@ssw0rd', 'Adm1n', 'R00tpass', 'Qwerty'])}${one(['_', '-', '.'])}${t.digits(4)}`,
      () =>
        `${one(['blue', 'green', 'amber', 'silver'])}-${one(['horse', 'river', 'piano', 'comet'])}-${one(['battery', 'staple', 'lantern'])}-${t.digits(2)}`,
    ])();
  const pw = () =>
    rand() < 0.5 ? human() : rand() < 0.5 ? t.password() : t.mixed(ALNUM, 16 + Math.floor(rand() * 10));
  const sentryOrgPayload = () =>
    Buffer.from(
      JSON.stringify({
        iat: 1767225600 + Math.floor(rand() * 1e6),
        url: 'https://sentry.io',
        region_url: 'https://us.sentry.io',
        org: 'acme-corp',
      }),
    ).toString('base64');
  // A password as it must appear inside a URL's userinfo (no reserved characters).
  const urlPw = () => {
    for (;;) {
      const v = pw();
      if (!/[@:/?#%[\] ]/.test(v)) return v;
    }
  };
  return {
    one,
    human,
    pw,
    urlPw,
    ghFine: () => `github_pat_${t.mixed(ALNUM, 22)}_${t.mixed(ALNUM, 59)}`,
    gho: () => crc('gho_', 30),
    ghs: () => crc('ghs_', 30),
    slackUser: () => `xoxp-${t.digits(11)}-${t.digits(12)}-${t.digits(13)}-${t.hex(32)}`,
    stripeRestricted: () => `rk_live_51${t.mixed(ALNUM, 97)}`,
    stripeWebhook: () => `whsec_${t.mixed(ALNUM, 32)}`,
    openaiSvc: () => `sk-svcacct-${t.mixed(URLSAFE, 58)}T3BlbkFJ${t.mixed(URLSAFE, 58)}`,
    twilioApiKey: () => `SK${t.hex(32)}`,
    shopify: (p = 'shpat_') => `${p}${t.hex(32)}`,
    discordBot: () =>
      `${Buffer.from(t.digits(18)).toString('base64').replace(/=+$/, '')}.${t.mixed(URLSAFE, 6)}.${t.mixed(URLSAFE, 38)}`,
    discordWebhook: () => `https://discord.com/api/webhooks/${t.digits(19)}/${t.mixed(URLSAFE, 68)}`,
    telegram: () => `${t.digits(10)}:AA${t.mixed(URLSAFE, 33)}`,
    dockerPat: () => `dckr_pat_${t.mixed(URLSAFE, 27)}`,
    sentryOrg: () => `sntrys_${sentryOrgPayload()}_${t.mixed(B64, 43)}`,
    sentryUser: () => `sntryu_${t.hex(64)}`,
    herokuUuid: () => t.uuid(),
    gitlabDeploy: () => `gldt-${t.mixed(URLSAFE, 20)}`,
    b64: (n) => t.mixed(B64, n),
    lowerHex: (n) => t.pick(HEX, n),
  };
}

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed ^ 0x9705e);
  const t = makeTokens(rand);
  const x = moreTokens(rand, t);
  const repo = new Repo();
  docs(repo, t, x);
  tickets(repo, t, x);
  chat(repo, t, x);
  mail(repo, t, x);
  markup(repo, t, x);
  comments(repo, t, x);
  appLogs(repo, t, x);
  webLogs(repo, t, x);
  opsLogs(repo, t, x);
  decoyDocs(repo, t, x);
  return repo;
}

// ---- READMEs, runbooks, onboarding, postmortems, wiki, changelog -------------------------

function docs(repo, t, x) {
  const gh = t.github();
  const adminPw = x.human();
  const stgPw = x.pw();
  const grafanaPw = x.pw();
  repo
    .file('docs/onboarding/README.md', 'markdown')
    .l('# Welcome to the Platform team', '', 'Day-one checklist for new engineers.', '', '## Access', '')
    .s(
      `Log in to the staging admin at https://admin.stg.acme-corp.io with **admin / ${adminPw}** until SSO is wired up.`,
      'generic',
      adminPw,
    )
    .d('Never share your password with anyone, including the on-call engineer.', 'prose')
    .l('', 'To pull the private packages, export a token first:', '', '```bash')
    .s(`export GITHUB_TOKEN=${gh}`, 'github', gh)
    .l('npm install', '```', '', '| Service | User | Password |', '|---|---|---|')
    .s(`| Postgres (staging) | app_rw | \`${stgPw}\` |`, 'generic', stgPw)
    .s(`| Grafana | ops | ${grafanaPw} |`, 'generic', grafanaPw)
    .d('| Vault | *your LDAP login* | *your LDAP password* |', 'placeholder cells')
    .d('| Kibana | SSO | n/a |', 'no credential')
    .l('', 'Add your public key to the bastion:', '')
    .d(`    ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${x.b64(43)} jdoe@laptop`, 'ssh public key')
    .d('Tooling versions: node v20.11.1, terraform 1.7.5, kubectl v1.29.3.', 'version strings');

  const awsId = t.awsId();
  const awsSecret = t.awsSecret();
  const pgPw = x.urlPw();
  repo
    .file('docs/runbooks/db-failover.md', 'markdown')
    .l('# Runbook: Postgres primary failover', '', '## 1. Stop writes', '')
    .l('Pause the workers, then promote the replica:', '', '```sh')
    .s(
      `psql "postgresql://postgres:${pgPw}@pg-replica-1.prod.acme-corp.io:5432/orders" -c "select pg_promote();"`,
      'generic',
      pgPw,
    )
    .l('```', '', '## 2. Snapshot to S3', '')
    .s(`The backup user's access key is ${awsId} and`, 'aws', awsId)
    .s(`the secret is ${awsSecret} (it only has s3:PutObject on acme-pg-backups).`, 'aws', awsSecret)
    .d('If the snapshot fails, check the token expiry in the IAM console first.', 'prose word token')
    .d(
      'Ticket template: https://jira.acme-corp.io/secure/CreateIssue.jspa?pid=10400&issuetype=10002',
      'non-secret query params',
    );

  const stripe = t.stripeLive();
  const wh = x.stripeWebhook();
  repo
    .file('docs/postmortems/2026-03-12-checkout-outage.md', 'markdown')
    .l(
      '# Postmortem: checkout 5xx on 2026-03-12',
      '',
      '**Status:** resolved  **Severity:** SEV-2',
      '',
      '## Timeline (UTC)',
      '',
    )
    .l('- 14:02 deploy `checkout@4.18.0` rolls out')
    .d('- 14:05 alerts fire; commit `9c1e7a3b5d2f4e6a8b0c1d3e5f7a9b1c3d5e7f90` identified', 'commit sha')
    .s(
      `- 14:11 on-call notices the pod env has \`STRIPE_SECRET_KEY=${stripe}\` hard-coded from a local .env`,
      'stripe',
      stripe,
    )
    .s(`- 14:13 webhook verification fails; signing secret in the configmap was \`${wh}\``, 'stripe', wh)
    .d('- 14:20 key rolled; new key stored in Vault as `secret/checkout/stripe` (value `sk_live_…`)', 'elided key')
    .d('- 14:22 confirmed the old key starts `sk_live_51` and is revoked in the dashboard', 'prefix only')
    .l('', '## Root cause', '')
    .d('A developer copied their local secret into the chart; the password policy was not the cause.', 'prose words')
    .d('Incident id: INC-2026-0312-4f9a, trace 4bf92f3577b34da6a3ce929d0e0e4736', 'ids');

  const dd = t.ddApi();
  const ddApp = t.ddApp();
  const herokuKey = x.herokuUuid();
  repo
    .file('wiki-export/Engineering/Monitoring.html', 'wiki')
    .l('<h1>Monitoring</h1>', '<p>Last edited by j.doe on 2025-11-02</p>', '<table class="confluenceTable"><tbody>')
    .l('<tr><th>Key</th><th>Value</th></tr>')
    .s(`<tr><td>Datadog API key</td><td><code>${dd}</code></td></tr>`, 'datadog', dd)
    .s(`<tr><td>Datadog application key</td><td><code>${ddApp}</code></td></tr>`, 'datadog', ddApp)
    .d('<tr><td>Datadog site</td><td>datadoghq.eu</td></tr>', 'setting')
    .l('</tbody></table>')
    .s(
      `<p>The legacy Heroku API key (HEROKU_API_KEY) for the reporting app is <strong>${herokuKey}</strong>, ask before rotating.</p>`,
      'heroku',
      herokuKey,
    )
    .d(`<p>Page id: ${t.uuid()} &middot; space ENG</p>`, 'uuid id')
    .d('<ac:structured-macro ac:name="info" ac:macro-id="b7e3c1d2-4a5f-4e6b-8c9d-0e1f2a3b4c5d"/>', 'macro id');

  const sentryOrg = x.sentryOrg();
  const npmTok = t.npm();
  repo
    .file('CHANGELOG.md', 'markdown')
    .l(
      '# Changelog',
      '',
      '## [4.18.1] - 2026-03-13',
      '### Fixed',
      '- Checkout no longer hard-codes the payment key.',
      '',
    )
    .l('## [4.18.0] - 2026-03-12', '### Changed')
    .s(
      `- Release uploads source maps with the new org token (\`SENTRY_AUTH_TOKEN=${sentryOrg}\`).`,
      'sentry',
      sentryOrg,
    )
    .s(
      `- CI publishes with \`//registry.npmjs.org/:_authToken=${npmTok}\` instead of the personal token.`,
      'npm',
      npmTok,
    )
    .d('- Bumped `jsonwebtoken` from 9.0.0 to 9.0.2 (token parsing fix).', 'version bump')
    .d('- Password reset e-mails now expire after 30 minutes.', 'prose')
    .d('[4.18.0]: https://github.com/acme-corp/checkout/compare/v4.17.3...v4.18.0', 'compare link');
}

// ---- issues, PRs, tickets, meeting notes --------------------------------------------------

function tickets(repo, t, x) {
  const oa = t.openai();
  const smtpPw = x.pw();
  repo
    .file('.github/ISSUE_TEMPLATE/examples/bug-1432.md', 'issues')
    .l('---', 'name: Bug report', 'about: Create a report to help us improve', '---', '', '**Describe the bug**')
    .l('The summarizer returns 401 after upgrading.', '', '**To Reproduce**', '```')
    .s(`OPENAI_API_KEY=${oa} python -m summarizer run --doc q3.pdf`, 'openai', oa)
    .l('```', '', '**Environment**')
    .l('- OS: Ubuntu 22.04', '- Version: 2.3.1')
    .s(`- config: smtp_host=mail.acme-corp.io smtp_user=alerts smtp_password=${smtpPw}`, 'generic', smtpPw)
    .d('- API key: <redacted, sent to maintainers privately>', 'redacted placeholder');

  const ghs = x.ghs();
  const glpat = t.gitlab();
  repo
    .file('.github/pull_request_template.filled/PR-877.md', 'issues')
    .l('## What', 'Adds the mirror job to GitLab.', '', '## How to test', '```sh')
    .s(`curl -H "Authorization: token ${ghs}" https://api.github.com/repos/acme-corp/infra/actions/runs`, 'github', ghs)
    .s(`git push https://oauth2:${glpat}@gitlab.acme-corp.io/platform/infra-mirror.git main`, 'gitlab', glpat)
    .l('```', '', '## Checklist')
    .d('- [x] I have not committed any secrets or tokens', 'checklist prose')
    .d('- [x] Tests pass on `ci/pipeline-4821`', 'ci ref');

  const zdPw = x.human();
  const tw = t.twilioSid();
  const twTok = t.twilioToken();
  repo
    .file('support/tickets/ZD-48213.json', 'tickets')
    .l(
      '{',
      '  "id": 48213,',
      '  "subject": "SMS not delivered to EU numbers",',
      '  "status": "solved",',
      '  "comments": [',
    )
    .s(
      `    {"author": "customer", "body": "Our Twilio account is ${tw} and auth token ${twTok}, can you check the logs?"},`,
      'twilio',
      twTok,
    )
    .s(
      `    {"author": "agent", "body": "Temporary portal login for you: user acme-support, password ${zdPw}. Please change it."},`,
      'generic',
      zdPw,
    )
    .d(
      '    {"author": "agent", "body": "Please never send your auth token in a ticket; rotate it in the console."},',
      'prose',
    )
    .d(`    {"author": "system", "body": "Attachment sha256 ${t.sha256()}"}`, 'hash')
    .l('  ]', '}');

  const sg = t.sendgrid();
  const vpnPw = x.pw();
  repo
    .file('docs/meetings/2026-04-02-infra-sync.md', 'markdown')
    .l('# Infra sync, 2 Apr 2026', '', 'Attendees: Ana, Bo, Chen', '', '## Notes')
    .s(`- Bo: marketing's SendGrid key (${sg}) is still in the Zapier flow, move it to Vault`, 'sendgrid', sg)
    .s(`- VPN fallback account for the Lisbon office: vpn-lisbon / ${vpnPw}`, 'generic', vpnPw)
    .d('- Action: Chen to rotate all tokens older than 90 days', 'prose')
    .d('- Next meeting: https://meet.google.com/abc-defg-hij', 'meeting link');
}

// ---- chat exports -------------------------------------------------------------------------

function chat(repo, t, x) {
  const hook = t.slackWebhook();
  const xoxb = t.slackBot();
  const aws = t.awsId();
  const awsS = t.awsSecret();
  repo
    .file('exports/slack/incident-war-room/2026-03-12.json', 'chat')
    .l('[')
    .l('  {', '    "type": "message",', '    "user": "U04ABCD1234",')
    .s(`    "text": "use this for the alerts channel: <${hook}>",`, 'slack', hook)
    .l('    "ts": "1773324120.001200"', '  },', '  {', '    "type": "message",')
    .s(`    "text": "bot token if you need to post as the bot: \`${xoxb}\`",`, 'slack', xoxb)
    .l('    "ts": "1773324188.002300"', '  },', '  {', '    "type": "message",')
    .s(
      `    "text": "temp creds for the bucket:\\n\`\`\`AWS_ACCESS_KEY_ID=${aws}\\nAWS_SECRET_ACCESS_KEY=${awsS}\`\`\`",`,
      'aws',
      awsS,
    )
    .d('    "client_msg_id": "6f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b",', 'message id')
    .l('    "ts": "1773324301.004500"', '  },', '  {', '    "type": "message",')
    .d('    "text": "please don\'t paste tokens here :facepalm: the password manager exists for a reason",', 'prose')
    .d('    "ts": "1773324400.005100"', 'timestamp')
    .l('  }', ']');

  const anth = t.anthropic();
  const dbPw = x.urlPw();
  repo
    .file('exports/teams/ml-platform.txt', 'chat')
    .l('[2026-05-04 09:12] Priya Nair: is the eval harness working for anyone?')
    .s(`[2026-05-04 09:14] Tom Berg: yes, I set ANTHROPIC_API_KEY to ${anth} on the shared box`, 'anthropic', anth)
    .s(
      `[2026-05-04 09:15] Tom Berg: and the results db is mysql://evals:${dbPw}@evals-db.ml.acme-corp.io/evals`,
      'generic',
      dbPw,
    )
    .d('[2026-05-04 09:16] Priya Nair: thanks! I will use my own API key though', 'prose')
    .d('[2026-05-04 09:17] Tom Berg: sure, key format is sk-ant-api03-... from the console', 'elided key');

  const tg = x.telegram();
  const ircPw = x.human();
  repo
    .file('exports/irc/ops-2025-12.log', 'chat')
    .l('--- Log opened Tue Dec 02 00:00:00 2025', '09:01 <@mkl> morning')
    .s(`09:03 <jrn> the alert bot token is ${tg} if anyone wants to test`, 'telegram', tg)
    .s(`09:04 <mkl> and nagios web login is nagiosadmin:${ircPw}`, 'generic', ircPw)
    .d('09:05 <jrn> mkl: /msg NickServ IDENTIFY <password>', 'irc placeholder')
    .d('09:06 * ChanServ sets mode +o jrn', 'irc event');

  const discordBot = x.discordBot();
  const discordHook = x.discordWebhook();
  repo
    .file('exports/discord/community-mods.json', 'chat')
    .l('{', '  "guild": {"id": "881234567890123456", "name": "Acme Community"},', '  "messages": [')
    .s(
      `    {"id": "1203344556677889900", "author": {"name": "modbot-dev"}, "content": "new bot token: ${discordBot}"},`,
      'discord',
      discordBot,
    )
    .s(
      `    {"id": "1203344556677889901", "author": {"name": "lea"}, "content": "webhook for #announcements ${discordHook}"},`,
      'discord',
      discordHook,
    )
    .d(
      '    {"id": "1203344556677889902", "author": {"name": "lea"}, "content": "invite link https://discord.gg/acme"}',
      'invite link',
    )
    .l('  ]', '}');
}

// ---- e-mail ---------------------------------------------------------------------------------

function mail(repo, t, x) {
  const sftpPw = x.pw();
  const b64pw = x.pw();
  const body64 = Buffer.from(`Your API password: ${b64pw}\r\n`).toString('base64');
  repo
    .file('docs/vendor/acme-partner-onboarding.eml', 'email')
    .l('From: "Partner Integrations" <integrations@globex-logistics.com>', 'To: ops@acme-corp.io')
    .l('Subject: Re: SFTP access for nightly manifests', 'Date: Mon, 13 Jan 2026 10:02:11 +0000')
    .d('Message-ID: <CAF8x3h2Zq9r@mail.globex-logistics.com>', 'message id')
    .l('MIME-Version: 1.0', 'Content-Type: multipart/alternative; boundary="b1_9f2c"', '', '--b1_9f2c')
    .l('Content-Type: text/plain; charset=UTF-8', '', 'Hi team,', '')
    .l('Your SFTP account is ready:', '  host: sftp.globex-logistics.com', '  username: acme_manifests')
    .s(`  password: ${sftpPw}`, 'generic', sftpPw)
    .d('Please do not reply with your password; use the portal to reset it.', 'prose')
    .l('', '--b1_9f2c', 'Content-Type: text/plain; charset=UTF-8', 'Content-Transfer-Encoding: base64', '')
    .s(body64, 'generic', b64pw)
    .l('--b1_9f2c--');

  const gho = x.gho();
  const shop = x.shopify();
  const rootPw = x.human();
  repo
    .file('archive/mail/ops.mbox', 'email')
    .l('From alice@acme-corp.io Thu Feb  5 11:20:00 2026', 'From: Alice <alice@acme-corp.io>', 'To: bob@acme-corp.io')
    .l('Subject: shopify app creds', '', 'Bob,', '')
    .s(`Admin API access token for the storefront app: ${shop}`, 'shopify', shop)
    .d('The API key (public) is listed in the partner dashboard, that one is fine to share.', 'prose')
    .l('', '-- ', 'Alice', '')
    .l(
      'From bob@acme-corp.io Thu Feb  5 11:45:00 2026',
      'From: Bob <bob@acme-corp.io>',
      'Subject: Re: shopify app creds',
      '',
    )
    .s(`> also the OAuth token for the sync job: ${gho}`, 'github', gho)
    .s(`iDRAC on rack 4 is root / ${rootPw}, same as before.`, 'generic', rootPw)
    .d('> > On Thu, Feb 5, 2026 at 11:20, Alice <alice@acme-corp.io> wrote:', 'quote header');
}

// ---- rST, AsciiDoc, notebooks, commit messages ---------------------------------------------

function markup(repo, t, x) {
  const gcp = t.gcpApiKey();
  const ldapPw = x.pw();
  repo
    .file('docs/admin/install.rst', 'rst')
    .l('Installation', '============', '', 'Configure the geocoder:', '', '.. code-block:: ini', '')
    .s(`   GEOCODER_KEY = ${gcp}`, 'gcp', gcp)
    .l('', '.. note::', '')
    .s(`   The LDAP bind account is \`\`cn=svc-wiki,ou=svc\`\` with password \`\`${ldapPw}\`\`.`, 'generic', ldapPw)
    .d('.. |version| replace:: 3.2.0', 'rst substitution')
    .d(':password: Set this to the value from Vault (see :ref:`secrets`).', 'rst field prose');

  const az = t.azureStorageKey();
  const azSecret = t.azureClientSecret();
  repo
    .file('docs/ops/handbook.adoc', 'asciidoc')
    .l('= Ops Handbook', ':toc:', '', '== Storage', '', '[source,properties]', '----')
    .s(
      `DefaultEndpointsProtocol=https;AccountName=acmeprodlogs;AccountKey=${az};EndpointSuffix=core.windows.net`,
      'azure',
      az,
    )
    .l('----', '', '== Service principal', '')
    .s(`NOTE: client id \`3f1b2c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d\`, client secret \`${azSecret}\`.`, 'azure', azSecret)
    .d(':revnumber: 2.4.1', 'asciidoc attribute')
    .d('TIP: a client secret expires after 24 months; renew it before then.', 'prose');

  const hf = `hf_${t.pick(UPPER + LOWER, 34)}`;
  const oa2 = x.openaiSvc();
  repo
    .file('notebooks/exploration/01-embeddings.ipynb', 'notebook')
    .l('{', ' "cells": [', '  {', '   "cell_type": "markdown",', '   "metadata": {},', '   "source": [')
    .l('    "# Embedding experiments\\n",', '    "\\n",')
    .s(`    "Use the team key \`${oa2}\` (billing goes to ML).\\n",`, 'openai', oa2)
    .s(`    "Model weights need the HF token: ${hf}\\n"`, 'huggingface', hf)
    .l('   ]', '  },', '  {', '   "cell_type": "code",', '   "execution_count": 3,', '   "metadata": {},')
    .d(
      '   "outputs": [{"output_type": "stream", "name": "stdout", "text": ["run id 7c9e6679-7425-40de-944b-e07fc1f90ae7\\n"]}],',
      'run id',
    )
    .d('   "source": ["client = OpenAI(api_key=os.environ[\\"OPENAI_API_KEY\\"])"]', 'env reference')
    .l('  }', ' ],', ' "nbformat": 4,', ' "nbformat_minor": 5', '}');

  const fine = x.ghFine();
  const dop = t.digitalocean();
  repo
    .file('docs/history/git-log-2025Q4.txt', 'commits')
    .d('commit 3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f', 'commit sha')
    .l('Author: Sam Lee <sam@acme-corp.io>', 'Date:   Tue Nov 18 16:40:02 2025 +0100', '')
    .l('    Remove hard-coded deploy token', '')
    .s(`    The fine-grained token ${fine} was committed in 8a1b2c3; it has been revoked.`, 'github', fine)
    .l('', 'commit 0a1b2c3d4e5f60718293a4b5c6d7e8f901234567', 'Author: Kim Ng <kim@acme-corp.io>', '')
    .s(`    wip: terraform works locally with DIGITALOCEAN_TOKEN=${dop}`, 'digitalocean', dop)
    .d('    Signed-off-by: Kim Ng <kim@acme-corp.io>', 'trailer')
    .d('    Change-Id: I8f3a1b2c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f90', 'gerrit change id');
}

// ---- code comments ----------------------------------------------------------------------------

function comments(repo, t, x) {
  const gh = t.github();
  const slackUser = x.slackUser();
  repo
    .file('services/api/src/clients/github.ts', 'comments')
    .l("import { Octokit } from '@octokit/rest';", '')
    .s(`// TODO remove before merge: token=${gh}`, 'github', gh)
    .l('export const octokit = new Octokit({ auth: process.env.GITHUB_TOKEN });')
    .s(`/* debugging slack sync with my user token ${slackUser} */`, 'slack', slackUser)
    .d('// The token is read from the environment; never hard-code it here.', 'prose comment');

  const oldId = t.awsId();
  const oldSecret = t.awsSecret();
  const pw = x.pw();
  repo
    .file('tools/backup/upload.py', 'comments')
    .l('import boto3', 'import os', '')
    .s(`# old key: ${oldId}`, 'aws', oldId)
    .s(`# old secret: ${oldSecret}`, 'aws', oldSecret)
    .l('s3 = boto3.client("s3")', '')
    .s(`# qa box login is backup / ${pw}`, 'generic', pw)
    .d('# password is read from BACKUP_PASSWORD; see README', 'prose comment')
    .l('PASSWORD = os.environ["BACKUP_PASSWORD"]');

  const rk = x.stripeRestricted();
  const sqlPw = x.human();
  repo
    .file('services/billing/src/main/java/com/acme/billing/Gateway.java', 'comments')
    .l('package com.acme.billing;', '', 'public class Gateway {')
    .s(`    // restricted key for reporting (read-only): ${rk}`, 'stripe', rk)
    .l('    private final String key = System.getenv("STRIPE_KEY");', '}');
  repo
    .file('db/migrations/V42__reporting_user.sql', 'comments')
    .s(`-- reporting user, pw: ${sqlPw} (ask DBA before changing)`, 'generic', sqlPw)
    .l("CREATE ROLE reporting LOGIN PASSWORD :'reporting_password';")
    .d('-- the password comes from the psql variable, not from this file', 'prose comment');

  const dh = x.dockerPat();
  repo
    .file('deploy/compose/docker-compose.yml', 'comments')
    .l('services:', '  api:', '    image: acmecorp/api:4.18.1')
    .s(`    # pull with: docker login -u acmebot -p ${dh}`, 'dockerhub', dh)
    .d('    image_digest: sha256:4d2c6f8a1b3e5d7f9a0c2e4b6d8f0a1c3e5b7d9f1a3c5e7b9d1f3a5c7e9b1d3f', 'image digest');
}

// ---- application logs -------------------------------------------------------------------

function appLogs(repo, t, x) {
  const jwt = t.jwt();
  const sk = t.stripeLive();
  const pw = x.pw();
  const sg = t.sendgrid();
  repo
    .file('logs/api/api-2026-04-01.jsonl', 'logs')
    .d(
      `{"ts":"2026-04-01T10:00:00.001Z","level":"info","msg":"request","request_id":"${t.uuid()}","trace_id":"${x.lowerHex(32)}","span_id":"${x.lowerHex(16)}"}`,
      'ids',
    )
    .s(
      `{"ts":"2026-04-01T10:00:00.120Z","level":"debug","msg":"outgoing","headers":{"authorization":"Bearer ${jwt}"}}`,
      'generic',
      jwt,
    )
    .s(
      `{"ts":"2026-04-01T10:00:01.004Z","level":"error","msg":"stripe call failed","config":{"stripe_key":"${sk}","timeout":30}}`,
      'stripe',
      sk,
    )
    .s(
      `{"ts":"2026-04-01T10:00:02.500Z","level":"warn","msg":"login retry","user":"svc-export","password":"${pw}"}`,
      'generic',
      pw,
    )
    .s(
      `{"ts":"2026-04-01T10:00:03.010Z","level":"debug","msg":"mailer init","SENDGRID_API_KEY":"${sg}"}`,
      'sendgrid',
      sg,
    )
    .d(
      '{"ts":"2026-04-01T10:00:04.000Z","level":"info","msg":"login ok","user":"svc-export","password":"[REDACTED]"}',
      'redacted',
    )
    .d(
      '{"ts":"2026-04-01T10:00:04.100Z","level":"info","msg":"token refreshed","token":"***","expires_in":3600}',
      'masked',
    )
    .d(
      '{"ts":"2026-04-01T10:00:05.000Z","level":"info","msg":"password_changed","user_id":"usr_8f2a","success":true}',
      'event name',
    );

  const redisPw = t.alnum(32);
  const ddKey = t.ddApi();
  repo
    .file('logs/worker/worker.log', 'logs')
    .l('2026-04-01 10:00:00,001 INFO  [main] worker starting, version=2.9.4 build=a1b2c3d')
    .s(
      `2026-04-01 10:00:00,010 DEBUG [main] effective config: redis.url=redis://default:${redisPw}@redis-jobs.prod:6379/0`,
      'generic',
      redisPw,
    )
    .s(`2026-04-01 10:00:00,012 DEBUG [main] effective config: datadog.api_key=${ddKey}`, 'datadog', ddKey)
    .d('2026-04-01 10:00:00,013 DEBUG [main] effective config: datadog.app_key=****************', 'masked')
    .d('2026-04-01 10:00:01,400 WARN  [job-7] token expired for tenant 4821, refreshing', 'prose')
    .d(
      `2026-04-01 10:00:02,000 INFO  [job-7] session=${x.lowerHex(24)} closed (expired 2026-03-31)`,
      'expired session id, labelled',
    )
    .d('2026-04-01 10:00:03,000 ERROR [job-9] invalid password for user "reports" (attempt 3/5)', 'prose');

  const bearer = t.anthropic();
  const basicPw = x.pw();
  const basic = Buffer.from(`partner-acme:${basicPw}`).toString('base64');
  const ddh = t.ddApi();
  repo
    .file('logs/debug/http-dump-2026-04-02.txt', 'logs')
    .l(
      '*   Trying 104.18.12.33:443...',
      '* Connected to api.anthropic.com port 443',
      '> POST /v1/messages HTTP/2',
      '> Host: api.anthropic.com',
    )
    .s(`> x-api-key: ${bearer}`, 'anthropic', bearer)
    .l('> anthropic-version: 2023-06-01', '> content-type: application/json', '>', '< HTTP/2 200')
    .d('< request-id: req_011CSHoEeqs5C35K2UUqR7Fy', 'request id')
    .l(
      '',
      '=== outbound to partner ===',
      'GET /v2/shipments?since=2026-04-01 HTTP/1.1',
      'Host: api.globex-logistics.com',
    )
    .s(`Authorization: Basic ${basic}`, 'generic', basicPw)
    .s(`DD-API-KEY: ${ddh}`, 'datadog', ddh)
    .d('Authorization: Basic <base64 of user:password>', 'placeholder')
    .d('Cookie: _ga=GA1.2.1234567890.1712345678; theme=dark', 'analytics cookie');

  const mongoPw = x.urlPw();
  const pgPw = x.urlPw();
  const amqpPw = x.urlPw();
  repo
    .file('logs/crash/traceback-orders.txt', 'logs')
    .l('Traceback (most recent call last):', '  File "/app/orders/db.py", line 41, in connect')
    .s(
      `    engine = create_engine("postgresql+psycopg2://orders:${pgPw}@orders-db.prod.acme-corp.io:5432/orders")`,
      'generic',
      pgPw,
    )
    .l('  File "/usr/local/lib/python3.12/site-packages/sqlalchemy/engine/base.py", line 145, in __init__')
    .l('sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) connection to server failed: timeout', '')
    .l(
      'Exception in thread "main" com.mongodb.MongoTimeoutException: Timed out after 30000 ms while waiting to connect.',
    )
    .s(
      `Client view of cluster state is {type=UNKNOWN, srvResolutionException=..., uri=mongodb+srv://catalog_admin:${mongoPw}@cluster0.x7k2p.mongodb.net/catalog}`,
      'generic',
      mongoPw,
    )
    .l('\tat com.mongodb.internal.connection.BaseCluster.getDescription(BaseCluster.java:184)', '')
    .s(
      `Bunny::TCPConnectionFailed: could not establish TCP connection to amqp://billing:${amqpPw}@mq.prod.acme-corp.io:5672`,
      'generic',
      amqpPw,
    )
    .d('\tat com.acme.orders.Main.main(Main.java:27) [orders-4.18.1.jar:4.18.1]', 'stack frame with version');

  const crashSk = t.stripeLive();
  const twKey = x.twilioApiKey();
  const twSecret = t.alnum(32);
  repo
    .file('logs/crash/crash-report-2026-05-11.json', 'logs')
    .l('{', '  "app": "mobile-bff",', '  "release": "3.4.0+build.221",')
    .d(`  "event_id": "${x.lowerHex(32)}",`, 'event id')
    .l(
      '  "exception": {"type": "TypeError", "value": "Cannot read properties of undefined (reading \'id\')"},',
      '  "environment": {',
    )
    .l('    "NODE_ENV": "production",')
    .s(`    "STRIPE_SECRET_KEY": "${crashSk}",`, 'stripe', crashSk)
    .l(`    "TWILIO_API_KEY": "${twKey}",`)
    .s(`    "TWILIO_API_SECRET": "${twSecret}",`, 'twilio', twSecret)
    .d('    "DATABASE_PASSWORD": "[Filtered]",', 'sentry filtered')
    .d('    "SENTRY_DSN": "",', 'empty')
    .l('    "PORT": "8080"', '  }', '}');
}

// ---- web server access logs ---------------------------------------------------------------

function webLogs(repo, t, x) {
  const gho = x.gho();
  const xoxp = x.slackUser();
  const sig = t.azureSasSig();
  const gkey = t.gcpApiKey();
  const apiKey = t.alnum(32);
  const tgram = x.telegram();
  const ip = () =>
    `10.${Math.floor(t.digits(2) % 255)}.${Math.floor(t.digits(2) % 255)}.${Math.floor(t.digits(2) % 255)}`;
  const ts = '[01/Apr/2026:10:22:01 +0000]';
  const ua = '"-" "Mozilla/5.0 (X11; Linux x86_64)"';
  repo
    .file('logs/nginx/access.log', 'logs')
    .d(`${ip()} - - ${ts} "GET /static/app.9f3c2a1b.js HTTP/1.1" 200 48211 ${ua}`, 'hashed asset name')
    .s(`${ip()} - - ${ts} "GET /api/v1/export?format=csv&access_token=${gho} HTTP/1.1" 200 9921 ${ua}`, 'github', gho)
    .s(`${ip()} - - ${ts} "GET /slack/history?channel=C024BE91L&token=${xoxp} HTTP/1.1" 200 311 ${ua}`, 'slack', xoxp)
    .s(
      `${ip()} - - ${ts} "GET /exports/q1.csv?sv=2022-11-02&ss=b&srt=o&sp=rl&se=2027-01-01T00:00:00Z&spr=https&sig=${sig} HTTP/1.1" 200 1200 ${ua}`,
      'azure',
      sig,
    )
    .s(`${ip()} - - ${ts} "GET /maps/api/geocode/json?address=Lisbon&key=${gkey} HTTP/1.1" 200 842 ${ua}`, 'gcp', gkey)
    .s(`${ip()} - - ${ts} "POST /webhooks/ingest?api_key=${apiKey} HTTP/1.1" 202 0 "-" "curl/8.5.0"`, 'generic', apiKey)
    .s(
      `${ip()} - - ${ts} "GET /bot${tgram}/getUpdates?offset=0 HTTP/1.1" 200 77 "-" "python-requests/2.31.0"`,
      'telegram',
      tgram,
    )
    .d(
      `${ip()} - - ${ts} "GET /blog/post?utm_source=newsletter&utm_medium=email&page=2 HTTP/1.1" 200 5120 ${ua}`,
      'utm params',
    )
    .d(`${ip()} - - ${ts} "GET /download?v=1.4.2&sha256=${t.sha256()} HTTP/1.1" 302 0 ${ua}`, 'version and checksum')
    .d(`${ip()} - - ${ts} "GET /api/v1/orders/${t.uuid()}?include=items HTTP/1.1" 200 991 ${ua}`, 'uuid path')
    .d(`${ip()} - - ${ts} "GET /reset-password?token=[FILTERED] HTTP/1.1" 200 310 ${ua}`, 'filtered');

  const glDeploy = x.gitlabDeploy();
  const hk = t.heroku();
  repo
    .file('logs/haproxy/haproxy-2026-04-01.log', 'logs')
    .s(
      `Apr  1 10:31:02 lb01 haproxy[2211]: 10.0.4.7:51234 [01/Apr/2026:10:31:02.118] fe_https be_registry/reg01 0/0/1/12/13 200 512 - - ---- 3/3/0/0/0 0/0 "GET /v2/token?account=deploy&scope=repository:app:pull&password=${glDeploy} HTTP/1.1"`,
      'gitlab',
      glDeploy,
    )
    .s(
      `Apr  1 10:31:09 lb01 haproxy[2211]: 10.0.4.9:51240 [01/Apr/2026:10:31:09.004] fe_https be_api/api02 0/0/1/40/41 200 90 - - ---- 3/3/0/0/0 0/0 {Bearer ${hk}} "GET /account HTTP/1.1"`,
      'heroku',
      hk,
    )
    .d(
      'Apr  1 10:31:11 lb01 haproxy[2211]: Server be_api/api03 is DOWN, reason: Layer4 timeout, check duration: 2001ms.',
      'status line',
    );
}

// ---- CI, Kubernetes, audit ----------------------------------------------------------------

function opsLogs(repo, t, x) {
  const dh = x.dockerPat();
  const npmTok = t.npm();
  const sentryU = x.sentryUser();
  const glpat = t.gitlab();
  repo
    .file('logs/ci/github-actions-job-48213.log', 'ci-logs')
    .l('2026-04-01T10:00:01.1234567Z ##[group]Run docker/login-action@v3')
    .d('2026-04-01T10:00:01.1301234Z   password: ***', 'actions mask')
    .s(`2026-04-01T10:00:05.5512345Z + echo ${dh} | docker login -u acmebot --password-stdin`, 'dockerhub', dh)
    .s(`2026-04-01T10:00:06.0012345Z + npm config set //registry.npmjs.org/:_authToken ${npmTok}`, 'npm', npmTok)
    .d('2026-04-01T10:00:06.0112345Z + export AWS_SECRET_ACCESS_KEY=***', 'actions mask')
    .s(`2026-04-01T10:00:07.2212345Z + sentry-cli --auth-token ${sentryU} releases new 4.18.1`, 'sentry', sentryU)
    .s(
      `2026-04-01T10:00:09.9912345Z fatal: unable to access 'https://ci:${glpat}@gitlab.acme-corp.io/platform/charts.git/': The requested URL returned error: 403`,
      'gitlab',
      glpat,
    )
    .d('2026-04-01T10:00:10.0012345Z ##[error]Process completed with exit code 128.', 'status')
    .d(
      '2026-04-01T10:00:10.0112345Z Cleaning up orphan processes; runner version 2.316.0 (GITHUB_TOKEN permissions: contents: read)',
      'prose',
    );

  const dbPw = x.urlPw();
  const secretPw = x.pw();
  const secretB64 = Buffer.from(secretPw).toString('base64');
  repo
    .file('logs/k8s/events-prod-2026-04-01.log', 'k8s-logs')
    .l('LAST SEEN   TYPE      REASON      OBJECT                     MESSAGE')
    .d(
      '2m          Warning   Failed      pod/orders-7d9f8c6b5-x2k4q   Error: secret "orders-db" not found',
      'k8s event',
    )
    .d(
      '2m          Normal    Pulled      pod/orders-7d9f8c6b5-x2k4q   Successfully pulled image "ghcr.io/acme-corp/orders@sha256:' +
        t.sha256() +
        '"',
      'image digest',
    )
    .s(
      `1m          Warning   BackOff     pod/orders-7d9f8c6b5-x2k4q   Back-off restarting failed container: panic: dial DATABASE_URL=postgres://orders:${dbPw}@orders-db.prod.svc:5432/orders: i/o timeout`,
      'generic',
      dbPw,
    )
    .l('', '$ kubectl get secret orders-db -o yaml', 'apiVersion: v1', 'data:')
    .s(`  password: ${secretB64}`, 'generic', secretPw)
    .d('  username: b3JkZXJz', 'base64 username (orders)')
    .l('kind: Secret');

  const azPw = x.human();
  const stripeW = x.stripeWebhook();
  repo
    .file('logs/audit/kube-apiserver-audit.jsonl', 'audit-logs')
    .d(
      `{"kind":"Event","level":"Metadata","auditID":"${t.uuid()}","verb":"get","user":{"username":"system:serviceaccount:ops:backup"},"objectRef":{"resource":"secrets","name":"orders-db"}}`,
      'metadata-only audit',
    )
    .s(
      `{"kind":"Event","level":"RequestResponse","auditID":"${t.uuid()}","verb":"create","objectRef":{"resource":"secrets","name":"stripe-webhook"},"requestObject":{"kind":"Secret","stringData":{"signing-secret":"${stripeW}"}}}`,
      'stripe',
      stripeW,
    )
    .s(
      `{"ts":"2026-04-01T10:40:00Z","actor":"admin@acme-corp.io","action":"user.create","target":"break-glass","details":"initial password set to ${azPw}"}`,
      'generic',
      azPw,
    )
    .d(
      '{"ts":"2026-04-01T10:41:00Z","actor":"admin@acme-corp.io","action":"token.revoke","target":"tok_2f8a9c","details":"revoked personal access token"}',
      'token id',
    );
}

// ---- documentation examples and prose decoys --------------------------------------------

function decoyDocs(repo, t, x) {
  repo
    .file('docs/api/quickstart.md', 'decoys')
    .l('# Quickstart', '', 'Set your credentials (these are the vendor documentation examples):', '', '```sh')
    .d('export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE', 'AWS docs example')
    .d('export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'AWS docs example')
    .d('export STRIPE_API_KEY=sk_test_4eC39HqLyjWDarjtT1zdp7dc', 'Stripe docs test key')
    .d('export SLACK_BOT_TOKEN=xoxb-your-bot-token', 'placeholder')
    .d('export TWILIO_ACCOUNT_SID=ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', 'Twilio docs placeholder')
    .d('export TWILIO_AUTH_TOKEN=your_auth_token', 'placeholder')
    .d('export OPENAI_API_KEY="<your-api-key>"', 'placeholder')
    .d('export GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'x placeholder')
    .l('```', '', 'A JWT looks like this (the jwt.io sample):', '')
    .d(
      '    eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
      'jwt.io sample',
    )
    .d('Replace `YOUR_API_KEY` with the key from your dashboard. Keep your secret key secret.', 'prose')
    .d('The API token is passed as `Authorization: Bearer <token>`.', 'placeholder');

  repo
    .file('docs/security/secrets-policy.md', 'decoys')
    .l('# Secrets policy', '')
    .d('1. A password must be at least 14 characters; a passphrase is better.', 'prose')
    .d('2. Tokens are rotated every 90 days; the secret store is the only place a secret may live.', 'prose')
    .d(
      '3. Redact before you paste: `ghp_****`, `xoxb-REDACTED`, `AKIA****************`, `sk_live_…`.',
      'redacted forms',
    )
    .d('4. Report a leaked key to security@acme-corp.io with the key id (e.g. `key_7f3a`), never the key.', 'prose')
    .d('5. Example of a masked value in logs: `password=********`.', 'masked')
    .d('6. Use `${DB_PASSWORD}` or `{{ .Values.db.password }}` templating, never literals.', 'templates');

  repo
    .file('docs/security/pgp-public.asc', 'decoys')
    .d('-----BEGIN PGP PUBLIC KEY BLOCK-----', 'public key header')
    .l('', `mQINBG${x.b64(58)}`, x.b64(64), x.b64(64), `=${x.b64(4)}`)
    .d('-----END PGP PUBLIC KEY BLOCK-----', 'public key footer');

  repo
    .file('docs/release-notes.rst', 'decoys')
    .l('Release notes', '=============', '')
    .d(
      '* 3.2.0 (2026-02-01): ``token_ttl`` default raised to 3600; ``password_hash`` now argon2id.',
      'prose with setting names',
    )
    .d(
      '* 3.1.4: fixed a crash when the secret was empty; see commit ``e83c5163316f89bfbde7d9ab23ca2e25604af290``.',
      'commit sha',
    )
    .d(`* Build: sha256 \`\`${t.sha256()}\`\` for acme-3.2.0.tar.gz`, 'checksum')
    .d('* Docs: https://docs.acme-corp.io/3.2/auth?tab=tokens#rotating', 'docs url');

  repo
    .file('logs/api/requests-sampled.log', 'decoys')
    .d(`2026-04-01T10:05:00Z GET /v1/users/me 200 12ms req=${t.uuid()} trace=${x.lowerHex(32)}`, 'ids')
    .d(`2026-04-01T10:05:01Z POST /v1/login 401 8ms req=${t.uuid()} reason="bad password"`, 'prose')
    .d(`2026-04-01T10:05:02Z GET /v1/search?q=token+rotation&page=3 200 40ms req=${t.uuid()}`, 'search query')
    .d(`2026-04-01T10:05:03Z deploy sha=${t.sha1()} image=ghcr.io/acme-corp/api:4.18.1`, 'commit sha')
    .d('2026-04-01T10:05:04Z GET /health 200 1ms user_agent="kube-probe/1.29"', 'health check')
    .d(`2026-04-01T10:05:05Z cache etag="W/\\"${x.lowerHex(40)}\\"" hit=true`, 'etag');
}
