// The guard's policy: the `guard:` section of the checkout's .tokenscope.yaml (validated by
// schemas/config.schema.json like every other section) with defaults, and where the audit log
// goes. A checkout without a config gets the defaults: ask before destructive calls, deny reads,
// ask before writes, fail closed.

import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { ConfigFile } from '../model/config.js';
import { configError } from '../util/errors.js';
import { configFileFor } from './checkout.js';
import type { GuardPolicy } from './types.js';

export const DEFAULT_TIMEOUT_MS = 8000;

export interface LoadedPolicy {
  policy: GuardPolicy;
  disabledDetectors: string[];
}

/** `$XDG_STATE_HOME/tokenscope/guard.jsonl` (else `~/.local/state/…`): outside every checkout, one log for all of them. */
export function defaultLogPath(env: NodeJS.ProcessEnv): string {
  const state =
    env['XDG_STATE_HOME'] && isAbsolute(env['XDG_STATE_HOME'])
      ? env['XDG_STATE_HOME']
      : join(env['HOME'] || homedir(), '.local', 'state');
  return join(state, 'tokenscope', 'guard.jsonl');
}

/** The audit log's path: TOKENSCOPE_GUARD_LOG, else the config's `guard.log`, else the default. */
export function logPath(env: NodeJS.ProcessEnv, configured: string | false | undefined, base: string): string | false {
  const fromEnv = env['TOKENSCOPE_GUARD_LOG'];
  if (fromEnv !== undefined && fromEnv.length > 0) return fromEnv === 'off' ? false : resolve(fromEnv);
  if (configured === false) return false;
  if (configured) return resolve(base, configured);
  return defaultLogPath(env);
}

/** The defaults alone (no config, or a config that failed to load: used for the fail-closed answer). */
export function defaultPolicy(env: NodeJS.ProcessEnv): GuardPolicy {
  return {
    failOpen: false,
    destructive: 'ask',
    unknownScope: 'ask',
    reads: 'deny',
    writes: 'ask',
    prompts: 'ask',
    destructivePatterns: [],
    allowedHosts: [],
    log: logPath(env, undefined, process.cwd()),
    timeoutMs: DEFAULT_TIMEOUT_MS,
  };
}

/** Turns a validated `guard:` section into the policy; `source` names the file in errors. */
export function toPolicy(
  config: ConfigFile,
  source: string | undefined,
  env: NodeJS.ProcessEnv,
  base: string,
): GuardPolicy {
  const guard = config.guard ?? {};
  const patterns = (guard.destructivePatterns ?? []).map((entry, i) => {
    const { pattern, description } = typeof entry === 'string' ? { pattern: entry, description: undefined } : entry;
    try {
      return {
        pattern: new RegExp(pattern, 'i'),
        description: description ?? `a command matching the configured pattern \`${pattern}\``,
      };
    } catch (error) {
      throw configError(
        `${source ?? 'config'}: guard.destructivePatterns[${i}]: not a valid regular expression (${(error as Error).message.split('\n')[0]})`,
      );
    }
  });
  return {
    failOpen: guard.failOpen === true,
    destructive: guard.destructive ?? 'ask',
    unknownScope: guard.unknownScope ?? 'ask',
    reads: guard.reads ?? 'deny',
    writes: guard.writes ?? 'ask',
    prompts: guard.prompts ?? 'ask',
    destructivePatterns: patterns,
    allowedHosts: (guard.allowedHosts ?? []).map((h) => h.toLowerCase()),
    log: logPath(env, guard.log, base),
    timeoutMs: guard.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    ...(source ? { source } : {}),
  };
}

/**
 * Finds and loads the checkout's config (or the named one), validated by the config schema;
 * throws a configError when it is invalid. The parser and validator load only when there is a file.
 */
export async function loadPolicy(
  cwd: string,
  root: string,
  env: NodeJS.ProcessEnv,
  configPath?: string,
): Promise<LoadedPolicy> {
  const source = configPath ? resolve(cwd, configPath) : configFileFor(cwd, root);
  const config: ConfigFile = source ? (await import('../config/load.js')).loadConfigFile(source) : {};
  return {
    policy: toPolicy(config, source, env, source ? dirname(source) : root),
    // `levels: { id: off }` means does not run, as `disable` does.
    disabledDetectors: [
      ...(config.detectors?.disable ?? []),
      ...Object.entries(config.detectors?.levels ?? {})
        .filter(([, level]) => level === 'off')
        .map(([id]) => id),
    ],
  };
}
