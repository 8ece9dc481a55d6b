// One lookup: plan the request, pass the safety check, send it (one retry after a 429, honouring
// Retry-After up to a cap), and judge the answer. Redirects, 5xx, network errors and anything an
// interpreter does not positively recognise are `unknown`; `active` needs a 2xx JSON answer and
// `inactive` a JSON (non-HTML) 4xx or 2xx, whatever an interpreter claims.

import { scrub } from '../util/redact.js';
import { checkRequest, planRequests, type HostConfig, type RequestPlan } from './guard.js';
import { sendRequest, type HttpResult, type Transport } from './http.js';
import { looksLikeHtml } from '../providers/interpret.js';
import type { Endpoint, Outcome, Verifier, VerifyResponse } from '../providers/verifier-types.js';

export interface LookupOptions {
  timeoutMs: number;
  /** Longest Retry-After honoured; a longer one gives up at once. */
  retryAfterCapMs: number;
  /** Wait before the retry when Retry-After is absent or shorter. */
  backoffMs: number;
  hosts: HostConfig;
  transport: Transport;
  /** Called with each host a request is about to be sent to. */
  onContact?: (host: string) => void;
}

export interface LookupResult {
  outcome: Outcome;
  /** `GET api.github.com/user`: what was asked (no query string, never the secret). */
  endpoint?: string;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Retry-After in milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function describeEndpoint(plan: RequestPlan): string {
  return `${plan.method} ${plan.host}${plan.port === 443 ? '' : `:${plan.port}`}${plan.path.split('?')[0]}`;
}

function networkOutcome(result: Extract<HttpResult, { kind: 'error' }>): Outcome {
  if (result.code === 'ETIMEDOUT') return { status: 'unknown', detail: `timed out: ${result.message}` };
  if (/CERT|SSL|TLS|SELF_SIGNED|VERIFY|ISSUER/i.test(result.code))
    return { status: 'unknown', detail: `TLS certificate not trusted (${result.code})` };
  return { status: 'unknown', detail: `network error (${result.code})` };
}

function parseJson(body: string): unknown {
  if (!/^\s*[[{]/.test(body)) return undefined;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

async function send(plan: RequestPlan, options: LookupOptions): Promise<HttpResult> {
  options.onContact?.(plan.host);
  return sendRequest(plan, options.timeoutMs, options.transport);
}

/** Sends one planned request (again once after a 429) and judges the answer. */
async function attempt(plan: RequestPlan, endpoint: Endpoint, options: LookupOptions): Promise<Outcome> {
  let result = await send(plan, options);
  if (result.kind === 'error') return networkOutcome(result);
  if (result.status === 429) {
    const asked = parseRetryAfter(result.headers['retry-after']);
    if (asked !== undefined && asked > options.retryAfterCapMs) {
      return {
        status: 'unknown',
        detail: `rate limited (HTTP 429); Retry-After ${Math.round(asked / 1000)} s is over the ${Math.round(options.retryAfterCapMs / 1000)} s cap`,
      };
    }
    await sleep(Math.max(asked ?? 0, options.backoffMs));
    result = await send(plan, options);
    if (result.kind === 'error') return networkOutcome(result);
    if (result.status === 429) return { status: 'unknown', detail: 'rate limited (HTTP 429) again after one retry' };
  }
  if (result.status >= 300 && result.status < 400) {
    return { status: 'unknown', detail: `redirected (HTTP ${result.status}); redirects are never followed` };
  }
  if (result.status >= 500) return { status: 'unknown', detail: `provider error (HTTP ${result.status})` };
  const json = parseJson(result.body);
  const response: VerifyResponse = {
    status: result.status,
    headers: result.headers,
    body: result.body,
    ...(json !== undefined ? { json } : {}),
  };
  let outcome: Outcome;
  try {
    outcome = endpoint.interpret(response, { host: plan.host, defaulted: plan.defaulted });
  } catch {
    return { status: 'unknown', detail: `could not read the answer (HTTP ${result.status})` };
  }
  // Never more certain than the answer allows, whatever the interpreter says.
  if (outcome.status === 'active' && (result.status < 200 || result.status > 299 || json === undefined)) {
    return { status: 'unknown', detail: `ambiguous answer (HTTP ${result.status})` };
  }
  // (5xx never gets here: it is `unknown` above.)
  if (outcome.status === 'inactive' && (json === undefined || looksLikeHtml(response) || result.status < 200)) {
    return { status: 'unknown', detail: `ambiguous answer (HTTP ${result.status})` };
  }
  return outcome;
}

function scrubOutcome(outcome: Outcome, secret: string): Outcome {
  const clean = (text: string): string => scrub(text, [secret]);
  return {
    ...outcome,
    detail: clean(outcome.detail),
    ...(outcome.identity !== undefined ? { identity: clean(outcome.identity) } : {}),
    ...(outcome.scopes ? { scopes: outcome.scopes.map(clean) } : {}),
    ...(outcome.capabilities ? { capabilities: outcome.capabilities.map(clean) } : {}),
    ...(outcome.facts
      ? {
          facts: Object.fromEntries(
            Object.entries(outcome.facts).map(([k, v]) => [k, typeof v === 'string' ? clean(v) : v]),
          ),
        }
      : {}),
  };
}

/**
 * Looks one token up. With self-managed hosts configured, each is tried before the provider's
 * own host; the first `active` answer wins, `inactive` needs every host to say so. Every result
 * leaves through one scrub, so no path can carry the secret out.
 */
export async function lookup(
  verifier: Verifier,
  endpoint: Endpoint,
  secret: string,
  context: Readonly<Record<string, string>>,
  options: LookupOptions,
): Promise<LookupResult> {
  const result = await lookupUnscrubbed(verifier, endpoint, secret, context, options);
  return {
    outcome: scrubOutcome(result.outcome, secret),
    ...(result.endpoint !== undefined ? { endpoint: scrub(result.endpoint, [secret]) } : {}),
  };
}

async function lookupUnscrubbed(
  verifier: Verifier,
  endpoint: Endpoint,
  secret: string,
  context: Readonly<Record<string, string>>,
  options: LookupOptions,
): Promise<LookupResult> {
  const planned = planRequests(verifier, endpoint, secret, context, options.hosts);
  if ('missing' in planned) {
    return {
      outcome: {
        status: 'unknown',
        detail: `not looked up: needs ${planned.missing}, which was not found next to the token`,
      },
    };
  }
  const outcomes: Array<{ outcome: Outcome; endpoint: string }> = [];
  for (const plan of planned.plans) {
    const violation = checkRequest(plan, verifier, endpoint, options.hosts);
    const described = describeEndpoint(plan);
    if (violation) {
      outcomes.push({ outcome: { status: 'unknown', detail: `not sent: ${violation}` }, endpoint: described });
      continue;
    }
    const outcome = await attempt(plan, endpoint, options);
    if (outcome.status === 'active') return { outcome, endpoint: described };
    outcomes.push({ outcome, endpoint: described });
  }
  if (outcomes.every((o) => o.outcome.status === 'inactive')) return outcomes[outcomes.length - 1]!;
  return outcomes.find((o) => o.outcome.status === 'unknown')!;
}
