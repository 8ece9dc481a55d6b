// The guard's append-only audit log: one JSON line per decision other than a silent allow (and
// one per call that ran after an ask, when the agent reports it), never holding a secret: only
// redacted previews and keyed fingerprints. `tokenscope guard log` summarises it.

import { appendFileSync, closeSync, existsSync, fstatSync, mkdirSync, openSync, readFileSync, readSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname } from 'node:path';
import type { Decision, GuardEvent } from './types.js';

export interface AuditEntry {
  time: string;
  agent: string;
  session?: string;
  hookEvent: string;
  tool: string;
  /** allow | ask | deny, or `ran` for a call the agent reports ran after an ask. */
  decision: 'allow' | 'ask' | 'deny' | 'ran';
  class: Decision['class'];
  reason?: string;
  what?: string;
  /** Matches a `ran` record to its ask: the agent's tool-use id, or a hash of the call. */
  key: string;
  cwd: string;
  findings?: Array<{
    ruleId: string;
    provider: string;
    privilege: string;
    breadth: string;
    redacted: string;
    fingerprint: string;
    where: string;
  }>;
  /** The guard failed (bad input, internal error, time-out) and answered failOpen/deny. */
  error?: boolean;
}

/** A stable key for one call: the agent's id when it sends one, else a hash of what was called. */
export function callKey(event: GuardEvent): string {
  if (event.toolUseId) return event.toolUseId;
  const a = event.action;
  const what = a.kind === 'shell' ? a.command : a.kind === 'ran' ? a.key : JSON.stringify(a);
  return createHash('sha256')
    .update(`${event.agent}\0${event.sessionId ?? ''}\0${what}`)
    .digest('hex')
    .slice(0, 24);
}

export function entryFor(event: GuardEvent, decision: Decision, now: Date, error = false): AuditEntry {
  return {
    time: now.toISOString(),
    agent: event.agent,
    ...(event.sessionId ? { session: event.sessionId } : {}),
    hookEvent: event.hookEvent,
    tool: event.tool,
    decision: decision.verdict,
    class: decision.class,
    ...(decision.reason ? { reason: decision.reason } : {}),
    ...(decision.what ? { what: decision.what } : {}),
    key: callKey(event),
    cwd: event.cwd,
    ...(decision.credentials.length > 0
      ? {
          findings: decision.credentials.map((c) => ({
            ruleId: c.ruleId,
            provider: c.provider,
            privilege: c.privilege,
            breadth: c.breadth,
            redacted: c.redacted,
            fingerprint: c.fingerprint,
            where: c.where,
          })),
        }
      : {}),
    ...(error ? { error: true } : {}),
  };
}

/** Appends one line; a log that cannot be written is reported, never fatal to the answer. */
export function appendEntry(path: string, entry: AuditEntry): string | undefined {
  try {
    mkdirSync(dirname(path), { recursive: true });
    appendFileSync(path, `${JSON.stringify(entry)}\n`, { mode: 0o600 });
    return undefined;
  } catch (error) {
    return `${path}: cannot append to the guard log (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
  }
}

/** The last `bytes` of the log: enough to find the ask a `ran` record belongs to. */
function tail(path: string, bytes: number): string {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const size = fstatSync(fd).size;
    const length = Math.min(size, bytes);
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, size - length);
    return buffer.toString('utf8');
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The recent ask with this key, if any (a `ran` record is written only after an ask). */
export function findAsk(path: string, key: string): AuditEntry | undefined {
  if (!key || !existsSync(path)) return undefined;
  const lines = tail(path, 512 * 1024)
    .split('\n')
    .reverse();
  for (const line of lines) {
    if (!line.includes(key)) continue;
    try {
      const entry = JSON.parse(line) as AuditEntry;
      if (entry.key === key) return entry.decision === 'ask' ? entry : undefined;
    } catch {
      // A torn last line (a concurrent writer): skip it.
    }
  }
  return undefined;
}

export interface LogSummary {
  entries: number;
  malformed: number;
  byDecision: Record<string, number>;
  byClass: Record<string, number>;
  byAgent: Record<string, number>;
  /** Asks later reported as run (a person approved). */
  approved: number;
  recent: AuditEntry[];
}

export function readLog(path: string): { entries: AuditEntry[]; malformed: number } {
  const entries: AuditEntry[] = [];
  let malformed = 0;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      entries.push(JSON.parse(line) as AuditEntry);
    } catch {
      malformed++;
    }
  }
  return { entries, malformed };
}

export function summarise(entries: AuditEntry[], malformed: number, recent = 10): LogSummary {
  const count = (key: (e: AuditEntry) => string | undefined): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const e of entries) {
      const k = key(e);
      if (k) out[k] = (out[k] ?? 0) + 1;
    }
    return out;
  };
  const asked = new Set(entries.filter((e) => e.decision === 'ask').map((e) => e.key));
  return {
    entries: entries.length,
    malformed,
    byDecision: count((e) => e.decision),
    byClass: count((e) => (e.decision === 'ran' ? undefined : e.class)),
    byAgent: count((e) => e.agent),
    approved: new Set(entries.filter((e) => e.decision === 'ran' && asked.has(e.key)).map((e) => e.key)).size,
    recent: entries.filter((e) => e.decision !== 'ran').slice(-recent),
  };
}

/** The summary as text for `tokenscope guard log`. */
export function formatSummary(path: string, summary: LogSummary): string {
  const list = (record: Record<string, number>): string =>
    Object.entries(record)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${v}`)
      .join(', ') || 'none';
  const lines = [
    `${path}: ${summary.entries} entr${summary.entries === 1 ? 'y' : 'ies'}${summary.malformed > 0 ? ` (${summary.malformed} unreadable line${summary.malformed === 1 ? '' : 's'} skipped)` : ''}`,
    `  decisions: ${list(summary.byDecision)}`,
    `  asked and then run (approved): ${summary.approved} of ${summary.byDecision['ask'] ?? 0}`,
    `  why: ${list(summary.byClass)}`,
    `  agents: ${list(summary.byAgent)}`,
  ];
  if (summary.recent.length > 0) {
    lines.push('  recent:');
    for (const e of summary.recent) {
      const what = e.what ?? e.reason?.split('. ')[0] ?? e.class;
      lines.push(
        `    ${e.time} ${e.agent} ${e.tool} ${e.decision.toUpperCase()} ${e.class}: ${what.length > 160 ? `${what.slice(0, 157)}…` : what}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
