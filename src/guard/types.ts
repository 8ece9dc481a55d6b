// The guard's vocabulary: one agent-neutral event (what the agent is about to do), the decision,
// and the policy that maps classes of action to decisions. Adapters translate each agent's hook
// payload into a GuardEvent and a Decision back into that agent's answer; nothing else knows
// which agent is on the other end.

import type { Breadth, Privilege } from '../model/types.js';

export type AgentId = 'claude-code' | 'cursor' | 'gemini' | 'plain';

export type GuardVerdict = 'allow' | 'ask' | 'deny';

/** What the agent is about to do, independent of the agent. */
export type GuardAction =
  | { kind: 'shell'; command: string; cwd?: string }
  /** `content`: the file's text when the agent sends it (Cursor's beforeReadFile). */
  | { kind: 'read'; path: string; content?: string }
  | { kind: 'grep'; pattern: string; path?: string; glob?: string; showsContent: boolean; caseInsensitive?: boolean }
  | { kind: 'write'; path: string; text: string }
  | { kind: 'fetch'; url: string }
  | { kind: 'mcp'; tool: string; server?: string; input: unknown }
  | { kind: 'prompt'; text: string }
  /** A PostToolUse-style report that a call ran (recorded, never blocked). */
  | { kind: 'ran'; tool: string; key: string }
  /** An event the guard has nothing to say about (another tool, another hook). */
  | { kind: 'other'; tool: string };

export interface GuardEvent {
  agent: AgentId;
  /** The hook event name as the agent sent it. */
  hookEvent: string;
  sessionId?: string;
  /** The tool name as the agent sent it (Bash, read_file, beforeShellExecution…). */
  tool: string;
  /** The agent's id for this call, when it sends one (Claude Code's tool_use_id). */
  toolUseId?: string;
  /** Working directory of the agent (its project root when it says so). */
  cwd: string;
  action: GuardAction;
}

/** Why a decision was taken, in the vocabulary the audit log and the summary use. */
export type DecisionClass =
  'destructive' | 'read-credential' | 'write-credential' | 'send-credential' | 'error' | 'none';

/** A credential the decision is about, redacted: never the value. */
export interface CredentialFact {
  ruleId: string;
  name: string;
  provider: string;
  privilege: Privilege;
  breadth: Breadth;
  /** Masked preview (known prefix plus at most 4 characters). */
  redacted: string;
  length: number;
  fingerprint: string;
  /** Where it was found: "`src/deploy.ts` line 4", "the agent's environment ($RAILWAY_API_TOKEN)". */
  where: string;
  /** The variable it is held in, when known. */
  variable?: string;
  narrowerAlternative?: string;
}

export interface Decision {
  verdict: GuardVerdict;
  class: DecisionClass;
  /** One paragraph a person can act on; names credentials only redacted. */
  reason: string;
  credentials: CredentialFact[];
  /** What the call would do, for destructive calls. */
  what?: string;
}

export type PolicyChoice = 'allow' | 'ask' | 'deny';

/** The `guard:` section of .tokenscope.yaml after defaults. */
export interface GuardPolicy {
  failOpen: boolean;
  destructive: Exclude<PolicyChoice, 'allow'>;
  /** A destructive call whose credential's privilege and reach are both unknown. */
  unknownScope: PolicyChoice;
  reads: PolicyChoice;
  writes: PolicyChoice;
  prompts: PolicyChoice;
  destructivePatterns: Array<{ pattern: RegExp; description: string }>;
  allowedHosts: string[];
  /** Absolute path of the audit log, or false for none. */
  log: string | false;
  timeoutMs: number;
  /** Where the policy came from (config file path), if anywhere. */
  source?: string;
}
