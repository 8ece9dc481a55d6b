// The built CLI, end to end: without --verify it attempts no connection at all (recorded by a
// preloaded module that sees every TCP/TLS connect); with --verify and no network it finishes,
// reports every lookup as unknown and keeps the offline results; against local fake providers
// every connection goes to an allowlisted provider host over verified TLS.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifiers } from '../../src/providers/verifiers.js';
import type { Verifier } from '../../src/providers/verifier-types.js';
import { assertBuilt, BIN } from '../helpers/run-cli.js';
import { git, removeDir, tempDir, tempRepo } from '../helpers/tmp.js';
import { githubPat, randomAlnum } from '../helpers/tokens.js';
import {
  startFakeProvider,
  type FakeProvider,
  type RecordedRequest,
  type FakeAnswer,
} from './support/fake-provider.js';
import { makeTestPki, opensslAvailable } from './support/tls.js';

const RECORDER = pathToFileURL(join(import.meta.dirname, 'support', 'connect-recorder.mjs')).href;
const registry: Record<string, Verifier> = verifiers;
const ALLOWED = new Set(
  Object.values(registry).flatMap((v) => v.hosts.filter((h): h is string => typeof h === 'string')),
);

interface Run {
  status: number;
  stdout: string;
  stderr: string;
  attempts: Array<{ host: string; port: number }>;
}

const dirs: string[] = [];
beforeAll(assertBuilt);
afterAll(() => dirs.forEach(removeDir));

function cli(args: string[], cwd: string, env: Record<string, string> = {}, recorder = true): Run {
  const log = join(tempDir('tokenscope-connect-'), 'connect.log');
  dirs.push(join(log, '..'));
  const result = spawnSync(process.execPath, [...(recorder ? ['--import', RECORDER] : []), BIN, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', TOKENSCOPE_TEST_CONNECT_LOG: log, ...env },
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  const attempts = existsSync(log)
    ? readFileSync(log, 'utf8')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { host: string; port: number })
    : [];
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr, attempts };
}

/** The same, without blocking this process: the fake provider lives here and must answer. */
function cliAsync(args: string[], cwd: string, env: Record<string, string>): Promise<Run> {
  const log = join(tempDir('tokenscope-connect-'), 'connect.log');
  dirs.push(join(log, '..'));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', RECORDER, BIN, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1', TOKENSCOPE_TEST_CONNECT_LOG: log, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      const attempts = existsSync(log)
        ? readFileSync(log, 'utf8')
            .trim()
            .split('\n')
            .filter(Boolean)
            .map((l) => JSON.parse(l) as { host: string; port: number })
        : [];
      resolve({ status: code ?? -1, stdout, stderr, attempts });
    });
  });
}

interface JsonFinding {
  ruleId: string;
  level: string;
  privilege: string;
  breadth: string;
  scopeSource: string;
  scopes: string[];
  policy: string[];
  verification?: { status: string; detail: string; identity?: string };
}

const hex = (n: number): string =>
  Array.from({ length: n }, () => '0123456789abcdef'[Math.floor(Math.random() * 16)]).join('');
const tokens = {
  github: githubPat(),
  slack: `xoxb-${hex(11)}-${hex(12)}-${randomAlnum(24)}`,
  sendgrid: `SG.${randomAlnum(22)}.${randomAlnum(43)}`,
  twilioSid: `AC${hex(32)}`,
  twilio: hex(32),
};
const files = {
  'deploy/production.env':
    [`GITHUB_TOKEN=${tokens.github}`, `SLACK_BOT_TOKEN=${tokens.slack}`, `SENDGRID_API_KEY=${tokens.sendgrid}`].join(
      '\n',
    ) + '\n',
  'src/notify.py': `client = Client("${tokens.twilioSid}", "${tokens.twilio}")\n`,
};
const secrets = [tokens.github, tokens.slack, tokens.sendgrid, tokens.twilio];

function findings(run: Run): JsonFinding[] {
  return (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings;
}

function noSecrets(run: Run): void {
  for (const s of secrets) {
    expect(run.stdout.includes(s)).toBe(false);
    expect(run.stderr.includes(s)).toBe(false);
  }
}

describe('scan without --verify', () => {
  it('attempts no outbound connection', () => {
    const dir = tempRepo(files);
    dirs.push(dir);
    for (const format of ['text', 'json', 'sarif']) {
      const run = cli(['scan', dir, '--format', format], dir);
      expect(run.status).toBe(1);
      expect(run.attempts).toEqual([]);
      noSecrets(run);
    }
  });

  it('attempts none with --staged either (--staged never implies --verify)', () => {
    const dir = tempRepo(files);
    dirs.push(dir);
    git(dir, 'add', '-A');
    const run = cli(['scan', '--staged'], dir);
    expect(run.attempts).toEqual([]);
    expect(run.stdout).not.toMatch(/verified:/);
  });
});

describe('scan --verify with no network at all', () => {
  it('finishes, reports every lookup as unknown and keeps the offline results', () => {
    const dir = tempRepo(files);
    dirs.push(dir);
    const offline = cli(['scan', dir, '--format', 'json'], dir);
    const verified = cli(['scan', dir, '--format', 'json', '--verify'], dir, {
      TOKENSCOPE_TEST_CONNECT_MODE: 'offline',
    });
    expect(verified.status).toBe(offline.status);
    const before = findings(offline);
    const after = findings(verified);
    expect(after.length).toBe(before.length);
    expect(after.length).toBeGreaterThanOrEqual(4);
    after.forEach((f, i) => {
      expect(f.verification?.status).toBe('unknown');
      const { ruleId, level, privilege, breadth, scopeSource, scopes, policy } = before[i]!;
      expect(f).toMatchObject({ ruleId, level, privilege, breadth, scopeSource, scopes, policy });
    });
    // Each looked-up credential tried exactly its provider's host, once.
    expect(verified.attempts.map((a) => `${a.host}:${a.port}`).sort()).toEqual([
      'api.github.com:443',
      'api.sendgrid.com:443',
      'api.twilio.com:443',
      'slack.com:443',
    ]);
    expect(verified.stderr).toMatch(
      /verify: 4 lookups to api\.github\.com, api\.sendgrid\.com, api\.twilio\.com, slack\.com \(0 active, 0 inactive, 4 unknown\)/,
    );
    noSecrets(verified);
  });

  it("ignores verify hosts named by the scanned tree's own config; --config trusts them", () => {
    const config = 'verify:\n  githubHosts: [github.acme.test]\n';
    const dir = tempRepo({ 'deploy/production.env': `GITHUB_TOKEN=${tokens.github}\n`, '.tokenscope.yaml': config });
    dirs.push(dir);
    const offline = { TOKENSCOPE_TEST_CONNECT_MODE: 'offline' };
    const found = cli(['scan', dir, '--format', 'json', '--verify'], dir, offline);
    expect(found.attempts.map((a) => a.host)).toEqual(['api.github.com']);
    const notices = (run: Run): string[] =>
      (JSON.parse(run.stdout) as { notices: Array<{ message: string }> }).notices.map((n) => n.message);
    expect(notices(found)).toContainEqual(
      expect.stringMatching(/verify hosts ignored \(github\.acme\.test\).*--config/),
    );
    const named = cli(
      ['scan', dir, '--format', 'json', '--verify', '--config', join(dir, '.tokenscope.yaml')],
      dir,
      offline,
    );
    expect(named.attempts.map((a) => a.host)).toEqual(['github.acme.test', 'api.github.com']);
    expect(notices(named).join('\n')).not.toMatch(/verify hosts ignored/);
    noSecrets(found);
    noSecrets(named);
  });

  const canUnshare = spawnSync('unshare', ['-rn', 'true']).status === 0;
  it.skipIf(!canUnshare)('in a network namespace with no interfaces (unshare -rn), without any test hook', () => {
    const dir = tempRepo(files);
    dirs.push(dir);
    const offline = cli(['scan', dir, '--format', 'json'], dir, {}, false);
    const result = spawnSync('unshare', ['-rn', process.execPath, BIN, 'scan', dir, '--format', 'json', '--verify'], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 60_000,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(result.status).toBe(offline.status);
    const after = (JSON.parse(result.stdout) as { findings: JsonFinding[] }).findings;
    expect(after.map((f) => f.verification?.status)).toEqual(findings(offline).map(() => 'unknown'));
    expect(after.map((f) => f.privilege)).toEqual(findings(offline).map((f) => f.privilege));
  });
});

const haveOpenssl = opensslAvailable();
if (!haveOpenssl) console.warn('test/verify: openssl CLI not found; skipping the end-to-end fake-provider test');

describe.skipIf(!haveOpenssl)('scan --verify against local fake providers', () => {
  let server: FakeProvider;
  const answers: Record<string, FakeAnswer> = {
    'api.github.com': {
      status: 200,
      headers: { 'x-oauth-scopes': 'repo, delete_repo, admin:org' },
      body: { login: 'octocat', id: 1 },
    },
    'slack.com': {
      status: 200,
      headers: { 'x-oauth-scopes': 'chat:write,files:write' },
      body: { ok: true, team: 'Acme', user: 'bot', team_id: 'T1', user_id: 'U1' },
    },
    'api.sendgrid.com': { status: 200, body: { scopes: ['mail.send'] } },
    'api.twilio.com': { status: 401, body: { code: 20003, message: 'Authenticate', status: 401 } },
  };
  beforeAll(async () => {
    server = await startFakeProvider(
      makeTestPki(),
      (req: RecordedRequest) => answers[req.host] ?? { status: 404, body: {} },
    );
  });
  afterAll(async () => server?.close());

  it('sends one read-only request per credential to its allowlisted host, over verified TLS, and reports what each can do', async () => {
    const dir = tempRepo(files);
    dirs.push(dir);
    const env = {
      TOKENSCOPE_TEST_CONNECT_MODE: 'redirect',
      TOKENSCOPE_TEST_REDIRECT_PORT: String(server.port),
      NODE_EXTRA_CA_CERTS: makeTestPki().caFile,
    };
    server.requests.length = 0;
    const run = await cliAsync(['scan', dir, '--format', 'json', '--verify'], dir, env);
    expect(run.status).toBe(1);
    expect(run.attempts.length).toBe(4);
    for (const a of run.attempts) {
      expect(ALLOWED.has(a.host), a.host).toBe(true);
      expect(a.port).toBe(443);
    }
    expect(server.requests.map((r) => `${r.method} ${r.host}${r.path}`).sort()).toEqual([
      'GET api.github.com/user',
      'GET api.sendgrid.com/v3/scopes',
      `GET api.twilio.com/2010-04-01/Accounts/${tokens.twilioSid}.json`,
      'POST slack.com/api/auth.test',
    ]);
    const byRule = new Map(findings(run).map((f) => [f.ruleId, f]));
    expect(byRule.get('github.classic-pat')).toMatchObject({
      privilege: 'admin',
      scopeSource: 'online',
      scopes: ['repo', 'delete_repo', 'admin:org'],
      level: 'error',
      verification: { status: 'active', identity: 'octocat' },
    });
    expect(byRule.get('slack.bot-token')).toMatchObject({
      privilege: 'destructive',
      scopeSource: 'online',
      verification: { status: 'active' },
    });
    expect(byRule.get('sendgrid.api-key')).toMatchObject({ privilege: 'write', verification: { status: 'active' } });
    expect(byRule.get('twilio.auth-token')).toMatchObject({ level: 'note', verification: { status: 'inactive' } });
    expect(run.stderr).toMatch(/\(3 active, 1 inactive, 0 unknown\)/);
    noSecrets(run);

    const text = await cliAsync(['scan', dir, '--verify'], dir, env);
    expect(text.stdout).toMatch(
      /verified: active as octocat: GitHub accepted it \(HTTP 200\); it can administer organizations/,
    );
    expect(text.stdout).toMatch(/verified: inactive: Twilio says the credential is invalid or revoked/);
    noSecrets(text);
  });
});
