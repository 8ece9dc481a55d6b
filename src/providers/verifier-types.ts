// The contract for online verifiers (`--verify`): each provider declares its read-only endpoints
// as data (method, host, path, auth header form, token prefixes) plus a pure `interpret`
// function from the provider's answer to an outcome. Only src/verify/http.ts touches the network.

import type { Breadth, Facts, Privilege } from '../model/types.js';

/** How the credential is sent. Docs render these without the secret. */
export type AuthForm =
  /** `Authorization: Bearer <token>` */
  | { kind: 'bearer' }
  /** `Authorization: <token>` (no scheme: Linear personal keys) */
  | { kind: 'authorization' }
  /** `<name>: <token>` (PRIVATE-TOKEN, x-api-key, X-Shopify-Access-Token…) */
  | { kind: 'header'; name: string }
  /** `Authorization: Basic base64(<user>:<token>)`, `user` naming an endpoint parameter */
  | { kind: 'basic'; userParam: string };

/** A value an endpoint needs from the match's context (a named group of the detector's pattern). */
export interface EndpointParam {
  /** Named groups of the match to take it from, first present wins. */
  from: readonly string[];
  /** The value must match this (anchored) or the lookup is not made. */
  pattern: RegExp;
  /** Used when no group supplies a value. Without it the outcome is `unknown`. */
  default?: string;
  /** Turns a raw group value into the form `pattern` checks (e.g. strip a scheme). */
  normalize?: (raw: string) => string;
  /** For docs and the `unknown` detail: what the value is. */
  describe: string;
}

/** What the provider answered, as the interpreter sees it. */
export interface VerifyResponse {
  status: number;
  /** Lower-case header names; repeated headers joined with ", ". */
  headers: Readonly<Record<string, string>>;
  body: string;
  /** The body parsed as JSON, when it is JSON. */
  json?: unknown;
}

export interface Outcome {
  status: 'active' | 'inactive' | 'unknown';
  /** In words, never the secret nor a provider message that might echo it. */
  detail: string;
  /** Granted scopes exactly as the provider lists them. */
  scopes?: string[];
  /** Who the credential acts as (login, workspace); emails are masked. */
  identity?: string;
  privilege?: Privilege;
  breadth?: Breadth;
  /** What the credential can do, in words ("delete repositories"). */
  capabilities?: string[];
  facts?: Facts;
}

/** What the request was, for interpreters whose answer depends on it (a defaulted Datadog site). */
export interface InterpretContext {
  host: string;
  /** Parameters that came from their default because the match's context did not supply them. */
  defaulted: readonly string[];
}

export type Interpreter = (response: VerifyResponse, context: InterpretContext) => Outcome;

export interface Endpoint {
  /** Short id, unique within the verifier. */
  id: string;
  /**
   * Token prefixes it looks up. A detector's `verifier:` field names the verifier; the endpoint is
   * the one its YAML names in `verifierEndpoint`, else the longest prefix the token starts with,
   * else the verifier's only endpoint.
   */
  prefixes?: readonly string[];
  method: 'GET' | 'HEAD' | 'POST';
  /** The provider's documented API host; may hold `{param}` (a Shopify shop, a Datadog site). */
  host: string;
  /** Self-managed instances the config may name (verify.githubHosts / verify.gitlabHosts). */
  selfHosted?: 'githubHosts' | 'gitlabHosts';
  /** On a self-managed host the API sits under `prefix` (GitHub Enterprise Server: /api/v3), except on hosts matching `exceptHosts`. */
  selfHostedPathPrefix?: { prefix: string; exceptHosts?: RegExp };
  /** Path with `{param}` placeholders, query string included. */
  path: string;
  params?: Readonly<Record<string, EndpointParam>>;
  auth: AuthForm;
  /** Fixed extra request headers (Accept, API version). */
  headers?: Readonly<Record<string, string>>;
  /** For GraphQL endpoints: the POST body's query. It must be a query, never a mutation. */
  graphqlQuery?: string;
  /** Why this request cannot change anything: shown in docs/verify-endpoints.md. */
  readOnly: string;
  interpret: Interpreter;
}

export interface Verifier {
  /** Matches the detectors' `verifier:` field and the file name in providers/. */
  id: string;
  providerName: string;
  /** Every host this verifier may contact (exact names, or patterns for per-tenant hosts). */
  hosts: ReadonlyArray<string | RegExp>;
  endpoints: readonly Endpoint[];
  /** Token prefixes never sent anywhere, and why (refresh tokens, app-level tokens). */
  refuse?: ReadonlyArray<{ prefix: string; why: string }>;
  /** Provider documentation for the endpoints. */
  references: readonly string[];
}
