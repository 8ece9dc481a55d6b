// The providers' pure interpreters on canned answers: scopes → privilege, what GitHub does not
// reveal for fine-grained and App tokens, and the answers that must not count as inactive.
import { describe, expect, it } from 'vitest';
import { verifiers } from '../../src/providers/verifiers.js';
import type { Endpoint, Outcome, Verifier, VerifyResponse } from '../../src/providers/verifier-types.js';
import { describeOutcome } from '../../src/verify/apply.js';

const registry: Record<string, Verifier> = verifiers;
function endpoint(verifier: string, id: string): Endpoint {
  return registry[verifier]!.endpoints.find((e) => e.id === id)!;
}
function answer(status: number, json: unknown, headers: Record<string, string> = {}): VerifyResponse {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(json), json };
}
function interpret(verifier: string, id: string, response: VerifyResponse, defaulted: string[] = []): Outcome {
  return endpoint(verifier, id).interpret(response, { host: 'h', defaulted });
}

describe('GitHub', () => {
  const user = { login: 'octocat', id: 1 };
  const classic = (scopes: string): Outcome =>
    interpret('github', 'user', answer(200, user, { 'x-oauth-scopes': scopes }));

  it('a classic PAT with delete_repo is destructive; with admin:org it is admin', () => {
    expect(classic('repo, delete_repo')).toMatchObject({
      status: 'active',
      privilege: 'destructive',
      breadth: 'account',
      scopes: ['repo', 'delete_repo'],
    });
    expect(classic('repo, admin:org').privilege).toBe('admin');
  });

  it('one with only read:user is read-only, and no scopes at all reads public data only', () => {
    expect(classic('read:user')).toMatchObject({ privilege: 'read', scopes: ['read:user'] });
    const none = classic('');
    expect(none).toMatchObject({ privilege: 'read', scopes: [] });
    expect(none.capabilities).toEqual(['read public information only (no scopes)']);
  });

  it('says what the scopes allow, in words, most dangerous first', () => {
    const detail = describeOutcome(classic('read:user, delete_repo, admin:org'));
    expect(detail).toMatch(
      /it can administer organizations \(members, teams, settings\); delete repositories; read the user’s profile/,
    );
    expect(detail).not.toMatch(/scopes:/);
  });

  it('a token without the X-OAuth-Scopes header (fine-grained or App) is active but its permissions are not claimed', () => {
    const out = interpret('github', 'user', answer(200, user));
    expect(out.status).toBe('active');
    expect(out.privilege).toBeUndefined();
    expect(out.scopes).toBeUndefined();
    expect(out.detail).toMatch(/fine-grained or GitHub App token, whose permissions GitHub does not report/);
  });

  it('an installation token: reach from /installation/repositories', () => {
    const out = interpret(
      'github',
      'installation-repositories',
      answer(200, { total_count: 3, repository_selection: 'selected', repositories: [{ owner: { login: 'acme' } }] }),
    );
    expect(out).toMatchObject({ status: 'active', breadth: 'project', identity: 'acme' });
    expect(
      interpret(
        'github',
        'installation-repositories',
        answer(200, { total_count: 40, repository_selection: 'all', repositories: [] }),
      ).breadth,
    ).toBe('org');
  });

  it('a user-to-server token: app permissions from /user/installations', () => {
    const out = interpret(
      'github',
      'user-installations',
      answer(200, {
        total_count: 1,
        installations: [
          {
            account: { login: 'acme' },
            repository_selection: 'all',
            permissions: { contents: 'write', administration: 'write', metadata: 'read' },
          },
        ],
      }),
    );
    expect(out).toMatchObject({
      status: 'active',
      privilege: 'destructive',
      breadth: 'org',
      scopes: ['administration:write', 'contents:write', 'metadata:read'],
    });
  });

  it('a 401 without GitHub’s error shape, or a 403 (rate limit, SSO), is not inactive', () => {
    expect(interpret('github', 'user', answer(401, { error: 'nope' })).status).toBe('unknown');
    expect(
      interpret('github', 'user', answer(403, { message: 'API rate limit exceeded', documentation_url: 'x' })).status,
    ).toBe('unknown');
  });
});

describe('other providers', () => {
  it('GitLab: a revoked or expired token listed by GitLab is inactive', () => {
    const base = { id: 1, scopes: ['api'], user_id: 2 };
    expect(interpret('gitlab', 'token-self', answer(200, { ...base, active: false, revoked: true })).status).toBe(
      'inactive',
    );
    expect(
      interpret(
        'gitlab',
        'token-self',
        answer(200, { ...base, active: true, revoked: false, scopes: ['read_api', 'read_repository'] }),
      ),
    ).toMatchObject({ status: 'active', privilege: 'read' });
    expect(
      interpret('gitlab', 'token-self', answer(200, { ...base, active: true, revoked: false, scopes: ['sudo'] }))
        .privilege,
    ).toBe('admin');
  });

  it('Slack: a rate-limit or other error in the body is unknown, not inactive', () => {
    expect(interpret('slack', 'auth-test', answer(200, { ok: false, error: 'ratelimited' })).status).toBe('unknown');
    expect(interpret('slack', 'auth-test', answer(200, { ok: false, error: 'token_revoked' })).status).toBe('inactive');
  });

  it('Datadog: refused on the default site is unknown (the key may belong to another site); on a named site it is inactive', () => {
    expect(interpret('datadog', 'validate', answer(403, { errors: ['Forbidden'] }), ['site']).status).toBe('unknown');
    expect(interpret('datadog', 'validate', answer(403, { errors: ['Forbidden'] }), []).status).toBe('inactive');
  });

  it('Sentry: an anonymous answer (auth: null) is unknown', () => {
    expect(interpret('sentry', 'api-root', answer(200, { version: '0', auth: null, user: null })).status).toBe(
      'unknown',
    );
  });

  it('Cloudflare: a disabled token is inactive', () => {
    expect(
      interpret(
        'cloudflare',
        'user-token-verify',
        answer(200, { success: true, result: { id: 'x', status: 'disabled' } }),
      ).status,
    ).toBe('inactive');
  });

  it('Stripe: a 403 (missing permission, IP limit) is unknown, not inactive', () => {
    expect(interpret('stripe', 'customers', answer(403, { error: { type: 'invalid_request_error' } })).status).toBe(
      'unknown',
    );
  });

  it('Railway: `me` proves an account token (destructive, account-wide); a project token is bound to one environment', () => {
    expect(interpret('railway', 'me', answer(200, { data: { me: { id: 'u', name: 'A' } } }))).toMatchObject({
      status: 'active',
      privilege: 'destructive',
      breadth: 'account',
    });
    expect(
      interpret(
        'railway',
        'project-token',
        answer(200, { data: { projectToken: { projectId: 'p', environmentId: 'e' } } }),
      ),
    ).toMatchObject({ status: 'active', breadth: 'resource', facts: { projectId: 'p', environmentId: 'e' } });
  });

  it('Hugging Face: write tokens can delete repositories; fine-grained permissions are read per entity', () => {
    expect(
      interpret('huggingface', 'whoami', answer(200, { name: 'a', auth: { accessToken: { role: 'write' } } }))
        .privilege,
    ).toBe('destructive');
    const fine = interpret(
      'huggingface',
      'whoami',
      answer(200, {
        name: 'a',
        auth: {
          accessToken: {
            role: 'fineGrained',
            fineGrained: {
              global: [],
              scoped: [{ entity: { type: 'model', name: 'a/m' }, permissions: ['repo.content.read'] }],
            },
          },
        },
      }),
    );
    expect(fine).toMatchObject({ privilege: 'read', breadth: 'resource', scopes: ['repo.content.read on model a/m'] });
  });

  it('Heroku, Doppler, Twilio: a provider string reaches the detail only when it reads as a short code', () => {
    const prose = 'Invalid token sk_live_abc provided, please check';
    expect(interpret('heroku', 'account', answer(401, { id: 'unauthorized', message: 'x' })).detail).toBe(
      'Heroku says the credential is invalid or revoked (HTTP 401, unauthorized)',
    );
    const heroku = interpret('heroku', 'account', answer(401, { id: prose }));
    expect(heroku).toEqual({
      status: 'inactive',
      detail: 'Heroku says the credential is invalid or revoked (HTTP 401)',
    });
    const workplace = { name: 'Acme' };
    expect(interpret('doppler', 'me', answer(200, { type: 'service_account', workplace })).detail).toBe(
      'Doppler accepted it (HTTP 200); a service account token',
    );
    const doppler = interpret('doppler', 'me', answer(200, { type: prose, workplace }));
    expect(doppler.status).toBe('active');
    expect(JSON.stringify(doppler)).not.toContain('sk_live_abc');
    const twilio = (status: string): Outcome =>
      interpret('twilio', 'account', answer(200, { sid: `AC${'0'.repeat(32)}`, status }));
    expect(twilio('suspended').detail).toBe('Twilio accepted it (HTTP 200); account suspended');
    expect(twilio(prose)).toMatchObject({ status: 'active', detail: 'Twilio accepted it (HTTP 200)' });
  });
});
