// How each provider answers, for the local fake servers: a token of the right shape (built at
// test time), the context its endpoint needs, a success carrying scopes, and the provider's own
// "invalid credential" answer. Shapes follow each provider's API documentation.
import { randomBytes } from 'node:crypto';
import { randomAlnum } from '../../helpers/tokens.js';
import type { Privilege } from '../../../src/model/types.js';
import type { FakeAnswer } from './fake-provider.js';

const hex = (n: number): string => randomBytes(n).toString('hex').slice(0, n);
const uuid = (): string => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;

export interface ProviderFixture {
  verifier: string;
  ruleId: string;
  token: () => string;
  context?: Record<string, string>;
  /** Host the request must go to. */
  host: string;
  active: FakeAnswer;
  expectActive: { privilege?: Privilege; scopes?: string[]; identity?: RegExp };
  invalid: FakeAnswer;
  /** What the invalid answer yields (Railway cannot tell invalid from another token type). */
  invalidStatus?: 'inactive' | 'unknown';
}

const json = { 'content-type': 'application/json' };
const twilioSid = `AC${hex(32)}`;

export const FIXTURES: ProviderFixture[] = [
  {
    verifier: 'github',
    ruleId: 'github.classic-pat',
    token: () => `ghp_${randomAlnum(36)}`,
    host: 'api.github.com',
    active: {
      status: 200,
      headers: { ...json, 'x-oauth-scopes': 'repo, delete_repo' },
      body: { login: 'octocat', id: 1 },
    },
    expectActive: { privilege: 'destructive', scopes: ['repo', 'delete_repo'], identity: /octocat/ },
    invalid: { status: 401, body: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' } },
  },
  {
    verifier: 'gitlab',
    ruleId: 'gitlab.pat',
    token: () => `glpat-${randomAlnum(20)}`,
    host: 'gitlab.com',
    active: {
      status: 200,
      body: {
        id: 7,
        name: 'ci',
        scopes: ['api', 'read_user'],
        active: true,
        revoked: false,
        user_id: 42,
        expires_at: '2027-01-01',
      },
    },
    expectActive: { privilege: 'destructive', scopes: ['api', 'read_user'] },
    invalid: { status: 401, body: { message: '401 Unauthorized' } },
  },
  {
    verifier: 'slack',
    ruleId: 'slack.bot-token',
    token: () => `xoxb-${hex(11)}-${hex(12)}-${randomAlnum(24)}`,
    host: 'slack.com',
    active: {
      status: 200,
      headers: { ...json, 'x-oauth-scopes': 'chat:write,channels:read' },
      body: {
        ok: true,
        url: 'https://acme.slack.com/',
        team: 'Acme',
        user: 'deploybot',
        team_id: 'T01',
        user_id: 'U01',
      },
    },
    expectActive: { privilege: 'write', scopes: ['chat:write', 'channels:read'], identity: /deploybot on Acme/ },
    invalid: { status: 200, body: { ok: false, error: 'invalid_auth' } },
  },
  {
    verifier: 'sendgrid',
    ruleId: 'sendgrid.api-key',
    token: () => `SG.${randomAlnum(22)}.${randomAlnum(43)}`,
    host: 'api.sendgrid.com',
    active: { status: 200, body: { scopes: ['mail.send', 'api_keys.create', 'templates.read'] } },
    expectActive: { privilege: 'admin', scopes: ['mail.send', 'api_keys.create', 'templates.read'] },
    invalid: { status: 401, body: { errors: [{ field: null, message: 'authorization required' }] } },
  },
  {
    verifier: 'huggingface',
    ruleId: 'huggingface.access-token',
    token: () => `hf_${randomAlnum(34)}`,
    host: 'huggingface.co',
    active: {
      status: 200,
      body: {
        type: 'user',
        name: 'alice',
        auth: { type: 'access_token', accessToken: { displayName: 'ci', role: 'read' } },
      },
    },
    expectActive: { privilege: 'read', identity: /alice/ },
    invalid: { status: 401, body: { error: 'Invalid credentials in Authorization header' } },
  },
  {
    verifier: 'npm',
    ruleId: 'npm.access-token',
    token: () => `npm_${randomAlnum(36)}`,
    host: 'registry.npmjs.org',
    active: { status: 200, body: { username: 'alice' } },
    expectActive: { identity: /alice/ },
    invalid: { status: 401, body: { error: 'You must be logged in' } },
  },
  {
    verifier: 'stripe',
    ruleId: 'stripe.secret-key-live',
    token: () => `sk_live_${randomAlnum(24)}`,
    host: 'api.stripe.com',
    active: {
      status: 200,
      body: { id: 'acct_1Acme', object: 'account', settings: { dashboard: { display_name: 'Acme' } } },
    },
    expectActive: { identity: /Acme/ },
    invalid: {
      status: 401,
      body: { error: { type: 'invalid_request_error', message: 'Invalid API Key provided: sk_live_****ABCD' } },
    },
  },
  {
    verifier: 'openai',
    ruleId: 'openai.project-key',
    token: () => `sk-proj-${randomAlnum(40)}T3BlbkFJ${randomAlnum(40)}`,
    host: 'api.openai.com',
    active: { status: 200, body: { object: 'list', data: [{ id: 'gpt-x', object: 'model' }] } },
    expectActive: {},
    invalid: {
      status: 401,
      body: {
        error: { message: 'Incorrect API key provided', type: 'invalid_request_error', code: 'invalid_api_key' },
      },
    },
  },
  {
    verifier: 'anthropic',
    ruleId: 'anthropic.admin-key',
    token: () => `sk-ant-admin01-${randomAlnum(93)}AA`,
    host: 'api.anthropic.com',
    active: { status: 200, body: { id: 'org_1', type: 'organization', name: 'Acme' } },
    expectActive: { privilege: 'admin', identity: /Acme/ },
    invalid: {
      status: 401,
      body: { type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } },
    },
  },
  {
    verifier: 'cloudflare',
    ruleId: 'cloudflare.user-api-token',
    token: () => `cfut_${randomAlnum(40)}${hex(8)}`,
    host: 'api.cloudflare.com',
    active: {
      status: 200,
      body: { success: true, errors: [], messages: [], result: { id: hex(32), status: 'active' } },
    },
    expectActive: {},
    invalid: {
      status: 401,
      body: { success: false, errors: [{ code: 1000, message: 'Invalid API Token' }], messages: [], result: null },
    },
  },
  {
    verifier: 'digitalocean',
    ruleId: 'digitalocean.personal-access-token',
    token: () => `dop_v1_${hex(64)}`,
    host: 'api.digitalocean.com',
    active: { status: 200, body: { account: { uuid: uuid(), email: 'ops@acme.test', status: 'active' } } },
    expectActive: { identity: /^o…@acme\.test$/ },
    invalid: { status: 401, body: { id: 'unauthorized', message: 'Unable to authenticate you' } },
  },
  {
    verifier: 'heroku',
    ruleId: 'heroku.api-key',
    token: () => `HRKU-AA${randomAlnum(58)}`,
    host: 'api.heroku.com',
    active: { status: 200, body: { id: uuid(), email: 'dev@acme.test' } },
    expectActive: { identity: /@acme\.test/ },
    invalid: { status: 401, body: { id: 'unauthorized', message: 'Invalid credentials provided.' } },
  },
  {
    verifier: 'vercel',
    ruleId: 'vercel.personal-token',
    token: () => `vcp_${randomAlnum(56)}`,
    host: 'api.vercel.com',
    active: {
      status: 200,
      body: {
        token: {
          id: 'tok_1',
          name: 'ci',
          type: 'oauth2-token',
          scopes: [{ type: 'team', teamId: 'team_acme', origin: 'manual' }],
        },
      },
    },
    expectActive: { scopes: ['team:team_acme'] },
    invalid: { status: 403, body: { error: { code: 'forbidden', message: 'Not authorized', invalidToken: true } } },
  },
  {
    verifier: 'sentry',
    ruleId: 'sentry.user-token',
    token: () => `sntryu_${hex(64)}`,
    host: 'sentry.io',
    active: {
      status: 200,
      body: { version: '0', auth: { scopes: ['project:admin', 'org:read'] }, user: { username: 'alice' } },
    },
    expectActive: { privilege: 'destructive', scopes: ['project:admin', 'org:read'] },
    invalid: { status: 401, body: { detail: 'Invalid token' } },
  },
  {
    verifier: 'shopify',
    ruleId: 'shopify.admin-access-token',
    token: () => `shpat_${hex(32)}`,
    context: { shop: 'https://Acme.myshopify.com/admin' },
    host: 'acme.myshopify.com',
    active: { status: 200, body: { access_scopes: [{ handle: 'read_products' }, { handle: 'write_orders' }] } },
    expectActive: { privilege: 'destructive', scopes: ['read_products', 'write_orders'] },
    invalid: {
      status: 401,
      body: { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' },
    },
  },
  {
    verifier: 'railway',
    ruleId: 'railway.account-token',
    token: uuid,
    host: 'backboard.railway.com',
    active: { status: 200, body: { data: { me: { id: 'user_1', name: 'Alice' } } } },
    expectActive: { privilege: 'destructive', identity: /Alice/ },
    invalid: { status: 200, body: { errors: [{ message: 'Not Authorized' }], data: null } },
    invalidStatus: 'unknown',
  },
  {
    verifier: 'doppler',
    ruleId: 'doppler.personal-token',
    token: () => `dp.pt.${randomAlnum(43)}`,
    host: 'api.doppler.com',
    active: { status: 200, body: { type: 'personal', workplace: { name: 'Acme', slug: 'acme' }, name: 'laptop' } },
    expectActive: { identity: /Acme/ },
    invalid: { status: 401, body: { messages: ['Invalid Auth token'], success: false } },
  },
  {
    verifier: 'linear',
    ruleId: 'linear.api-key',
    token: () => `lin_api_${randomAlnum(40)}`,
    host: 'api.linear.app',
    active: { status: 200, body: { data: { viewer: { id: 'u1', name: 'Alice', admin: true } } } },
    expectActive: { identity: /Alice/ },
    invalid: {
      status: 400,
      body: {
        errors: [
          {
            message: 'Authentication required, not authenticated',
            extensions: { type: 'authentication error', code: 'AUTHENTICATION_ERROR' },
          },
        ],
      },
    },
  },
  {
    verifier: 'datadog',
    ruleId: 'datadog.api-key',
    token: () => hex(32),
    context: { site: 'datadoghq.eu' },
    host: 'api.datadoghq.eu',
    active: { status: 200, body: { valid: true } },
    expectActive: {},
    invalid: { status: 403, body: { errors: ['Forbidden'] } },
  },
  {
    verifier: 'twilio',
    ruleId: 'twilio.auth-token',
    token: () => hex(32),
    context: { sid: twilioSid },
    host: 'api.twilio.com',
    active: { status: 200, body: { sid: twilioSid, status: 'active', type: 'Full', friendly_name: 'Acme' } },
    expectActive: { identity: /Acme/ },
    invalid: {
      status: 401,
      body: {
        code: 20003,
        message: 'Authenticate',
        more_info: 'https://www.twilio.com/docs/errors/20003',
        status: 401,
      },
    },
  },
];

/** A WAF or CDN block page: HTML, 403. */
export const WAF_PAGE: FakeAnswer = {
  status: 403,
  headers: { 'content-type': 'text/html; charset=UTF-8' },
  body: '<!DOCTYPE html><html><head><title>Attention Required!</title></head><body>Sorry, you have been blocked (Ray ID 1)</body></html>',
};

/** A catch-all landing page that answers 200 to anything. */
export const CATCH_ALL_PAGE: FakeAnswer = {
  status: 200,
  headers: { 'content-type': 'text/html' },
  body: '<html><body>Welcome!</body></html>',
};
