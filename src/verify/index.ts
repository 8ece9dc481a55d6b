// `--verify`: looks each distinct credential up once with its provider, read-only, and refines
// the candidates in place as scan()'s `verify` stage (policy runs after it). Lookups run a
// few at a time; each goes through the safety rules in guard.ts before any socket opens.

import type { ResolvedConfig } from '../model/config.js';
import { selectDetectorFiles } from '../catalog/load.js';
import type { Candidate, SecretStore, VerifyStage } from '../model/candidate.js';
import type { DetectorFile } from '../model/detector.js';
import { applyOutcome } from './apply.js';
import { refusal, selectEndpoint } from './guard.js';
import type { Transport } from './http.js';
import { isVerifierName, verifiers } from '../providers/verifiers.js';
import { lookup, type LookupOptions, type LookupResult } from './run.js';
import type { Outcome, Verifier } from '../providers/verifier-types.js';

export interface VerifyOptions {
  /** Per-request deadline (default 5 s). */
  timeoutMs?: number;
  /** Lookups in flight at once (default 4). */
  concurrency?: number;
  /** Longest Retry-After honoured before giving up (default 10 s). */
  retryAfterCapMs?: number;
  /** Wait before the one retry after a 429 without Retry-After (default 1 s). */
  backoffMs?: number;
  /** Test-only: where sockets connect and which CA is trusted. Never set by the CLI. */
  transport?: Transport;
}

export interface VerifyStats {
  /** Distinct credentials sent to a provider. */
  lookups: number;
  active: number;
  inactive: number;
  unknown: number;
  /** Distinct credentials not sent (no safe lookup, suppressed, not live, refused type). */
  notLookedUp: number;
  /** Hosts a request was sent to. */
  hosts: string[];
}

/** scan({ verify: createVerifySession() }): the online stage, and what it did. */
export interface VerifySession extends VerifyStage {
  stats: () => VerifyStats;
}

/** A detector's route: the verifier its YAML names and, where a prefix cannot tell, the endpoint. */
interface Route {
  verifier: string;
  endpoint?: string;
}

/** detector id → route, from the `verifier:` fields of the built-in and custom detectors the scan runs. */
function declaredVerifiers(files: readonly DetectorFile[]): ReadonlyMap<string, Route> {
  const map = new Map<string, Route>();
  for (const file of files) {
    for (const def of file.detectors)
      if (def.verifier)
        map.set(def.id, {
          verifier: def.verifier,
          ...(def.verifierEndpoint ? { endpoint: def.verifierEndpoint } : {}),
        });
  }
  return map;
}

async function runPool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++]!;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}

function skip(detail: string): Outcome {
  return { status: 'unknown', detail: `not looked up: ${detail}` };
}

export function createVerifySession(options: VerifyOptions = {}): VerifySession {
  const stats: Omit<VerifyStats, 'hosts'> = { lookups: 0, active: 0, inactive: 0, unknown: 0, notLookedUp: 0 };
  const hosts = new Set<string>();
  // Without the scan's detector files (a caller of refine other than scan()), they are read once
  // per distinct custom-detector selection, not on every refine.
  const declaredBySelection = new Map<string, ReadonlyMap<string, Route>>();
  const declaredByPlan = new WeakMap<readonly DetectorFile[], ReadonlyMap<string, Route>>();

  function declaredFor(
    customDetectors: readonly string[],
    detectors: readonly DetectorFile[] | undefined,
  ): ReadonlyMap<string, Route> {
    if (detectors) {
      let declared = declaredByPlan.get(detectors);
      if (!declared) declaredByPlan.set(detectors, (declared = declaredVerifiers(detectors)));
      return declared;
    }
    const key = customDetectors.join('\0');
    let declared = declaredBySelection.get(key);
    if (!declared) {
      declared = declaredVerifiers(selectDetectorFiles({ custom: [...customDetectors], disabled: [] }));
      declaredBySelection.set(key, declared);
    }
    return declared;
  }

  async function refine(
    candidates: Candidate[],
    config: ResolvedConfig,
    secrets: SecretStore,
    detectors?: readonly DetectorFile[],
  ): Promise<void> {
    const declared = declaredFor(config.customDetectors, detectors);

    const lookupOptions: LookupOptions = {
      timeoutMs: options.timeoutMs ?? 5000,
      retryAfterCapMs: options.retryAfterCapMs ?? 10_000,
      backoffMs: options.backoffMs ?? 1000,
      hosts: config.verify,
      transport: options.transport ?? {},
      onContact: (host) => hosts.add(host),
    };
    // One lookup per distinct secret: detector id + keyed fingerprint.
    const groups = new Map<string, Candidate[]>();
    for (const c of candidates) {
      const key = `${c.ruleId}\0${c.fingerprint}`;
      const group = groups.get(key);
      if (group) group.push(c);
      else groups.set(key, [c]);
    }
    const jobs: Array<{ group: Candidate[]; verifier: Verifier; run: () => Promise<LookupResult> }> = [];
    for (const group of groups.values()) {
      const first = group[0]!;
      const route = declared.get(first.ruleId);
      const verifierId = route?.verifier;
      const verifier: Verifier | undefined =
        verifierId !== undefined && isVerifierName(verifierId) ? verifiers[verifierId] : undefined;
      const provider = verifier?.providerName ?? first.provider;
      const notSent = (detail: string): void => {
        stats.notLookedUp++;
        for (const c of group) applyOutcome(c, skip(detail), provider);
      };
      const secret = group.map((c) => secrets.get(c)?.secret).find((s) => s !== undefined);
      if (!verifier)
        notSent(
          verifierId
            ? `unknown verifier "${verifierId}"`
            : 'tokenscope has no read-only lookup for this credential type',
        );
      else if (secret === undefined) notSent('the secret was not kept for lookup');
      else if (first.checksum === 'invalid') notSent('its checksum fails, so it is not a live token');
      else if (first.scope.expired === true) notSent('it has expired');
      else if (group.every((c) => c.inlineIgnore !== undefined || c.allowlistedBy !== undefined))
        notSent('suppressed by an ignore comment or the allowlist');
      else {
        const refused = refusal(verifier, secret);
        const endpoint = refused ? undefined : selectEndpoint(verifier, route?.endpoint, secret);
        if (refused) notSent(`never sent: ${refused}`);
        else if (!endpoint) notSent(`${verifier.providerName} has no read-only lookup for this token type`);
        else {
          const context = group.map((c) => secrets.get(c)?.context).find((x) => x !== undefined) ?? {};
          jobs.push({ group, verifier, run: () => lookup(verifier, endpoint, secret, context, lookupOptions) });
        }
      }
    }
    await runPool(jobs, options.concurrency ?? 4, async (job) => {
      let result: LookupResult;
      try {
        result = await job.run();
      } catch {
        result = { outcome: { status: 'unknown', detail: 'the lookup failed unexpectedly' } };
      }
      stats.lookups++;
      stats[result.outcome.status]++;
      for (const c of job.group) applyOutcome(c, result.outcome, job.verifier.providerName, result.endpoint);
    });
  }

  return { refine, stats: () => ({ ...stats, hosts: [...hosts].sort() }) };
}

/** One line for stderr: how many lookups and where they went. */
export function verifySummary(stats: VerifyStats): string {
  const where = stats.hosts.length > 0 ? ` to ${stats.hosts.join(', ')}` : '';
  return `verify: ${stats.lookups} lookup${stats.lookups === 1 ? '' : 's'}${where} (${stats.active} active, ${stats.inactive} inactive, ${stats.unknown} unknown); ${stats.notLookedUp} not looked up`;
}
