// End-to-end: real hook payloads, in each agent's documented shape, piped into the built CLI
// (`dist/cli.js guard`) and the hook bundle (`dist/guard.js`). Secrets are compared as booleans.
import { randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli, type CliRun } from '../helpers/run-cli.js';
import { removeDir, tempDir, tempRepo, writeFiles } from '../helpers/tmp.js';
import { githubPat } from '../helpers/tokens.js';

const GUARD_BUNDLE = join(import.meta.dirname, '..', '..', 'dist', 'guard.js');

let repo: string;
let home: string;
let log: string;
const railwayToken = randomUUID();
const githubToken = githubPat();
const secrets = [railwayToken, githubToken];

const INCIDENT = `curl -X POST https://backboard.railway.com/graphql/v2 -H "Authorization: Bearer $RAILWAY_API_TOKEN" -d '{"query":"mutation { volumeDelete(volumeId: \\"4a5b6c7d-0000-4000-8000-000000000001\\") }"}'`;
const HARMLESS_QUERY = `curl -X POST https://backboard.railway.com/graphql/v2 -H "Authorization: Bearer $RAILWAY_API_TOKEN" -d '{"query":"query { me { id } }"}'`;

beforeAll(() => {
  assertBuilt();
  repo = tempRepo({
    'src/deploy.ts': `// Deploys the app.\nexport const RAILWAY_API_TOKEN = '${railwayToken}';\nexport async function deploy(): Promise<void> {}\n`,
    '.env': `GITHUB_TOKEN=${githubToken}\nLOG_LEVEL=debug\n`,
    'src/app.ts': 'export const port = 3000;\n',
    'README.md': '# app\n',
  });
  home = tempDir('tokenscope-guard-home-');
  log = join(tempDir('tokenscope-guard-log-'), 'guard.jsonl');
});

afterAll(() => {
  removeDir(repo);
  removeDir(home);
  removeDir(join(log, '..'));
});

function env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    HOME: home,
    XDG_STATE_HOME: join(home, '.state'),
    TOKENSCOPE_GUARD_LOG: log,
    RAILWAY_API_TOKEN: '',
    GITHUB_TOKEN: '',
    GH_TOKEN: '',
    ...extra,
  };
}

function claude(hookEvent: string, fields: Record<string, unknown>): string {
  return JSON.stringify({
    session_id: 'sess-1',
    transcript_path: join(home, 't.jsonl'),
    cwd: repo,
    permission_mode: 'default',
    hook_event_name: hookEvent,
    ...fields,
  });
}

function preToolUse(
  tool: string,
  input: Record<string, unknown>,
  id = `toolu_${Math.random().toString(36).slice(2)}`,
): string {
  return claude('PreToolUse', { tool_name: tool, tool_input: input, tool_use_id: id });
}

function cursorEvent(hookEvent: string, fields: Record<string, unknown>): string {
  return JSON.stringify({
    conversation_id: 'conv-1',
    generation_id: 'gen-1',
    model: 'm',
    hook_event_name: hookEvent,
    cursor_version: '1.7.2',
    workspace_roots: [repo],
    user_email: null,
    ...fields,
  });
}

function geminiEvent(fields: Record<string, unknown>): string {
  return JSON.stringify({
    session_id: 'g-1',
    transcript_path: join(home, 'g.json'),
    cwd: repo,
    hook_event_name: 'BeforeTool',
    timestamp: new Date().toISOString(),
    ...fields,
  });
}

function guard(input: string, args: string[] = [], extraEnv: NodeJS.ProcessEnv = {}): CliRun {
  return runCli(['guard', ...args], { cwd: repo, env: env(extraEnv), input });
}

function leaks(run: CliRun | string): boolean {
  const text = typeof run === 'string' ? run : run.stdout + run.stderr;
  return secrets.some((s) => text.includes(s));
}

function claudeDecision(run: CliRun): { permissionDecision: string; permissionDecisionReason: string } | undefined {
  if (!run.stdout.trim()) return undefined;
  return (
    JSON.parse(run.stdout) as { hookSpecificOutput: { permissionDecision: string; permissionDecisionReason: string } }
  ).hookSpecificOutput;
}

describe('the incident: a Railway account token in src/deploy.ts and a volumeDelete mutation', () => {
  it('asks, naming the credential redacted, its privilege and reach, and where it was found', () => {
    const run = guard(preToolUse('Bash', { command: INCIDENT, description: 'delete the volume' }));
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as { hookSpecificOutput: Record<string, string> };
    expect(out.hookSpecificOutput['hookEventName']).toBe('PreToolUse');
    expect(out.hookSpecificOutput['permissionDecision']).toBe('ask');
    const reason = out.hookSpecificOutput['permissionDecisionReason']!;
    expect(reason).toContain('Railway account token');
    expect(reason).toContain('from `src/deploy.ts`');
    expect(reason).toContain('can delete every project and volume of the account');
    expect(reason).toContain('volumeDelete');
    expect(reason).toContain('$RAILWAY_API_TOKEN');
    expect(leaks(run)).toBe(false);
  });

  it('allows the same call carrying a query, silently', () => {
    const run = guard(preToolUse('Bash', { command: HARMLESS_QUERY }));
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
  });

  it('asks in Cursor (beforeShellExecution) and Gemini CLI (BeforeTool) too', () => {
    const cursorRun = guard(cursorEvent('beforeShellExecution', { command: INCIDENT, cwd: repo }));
    const answer = JSON.parse(cursorRun.stdout) as { permission: string; user_message: string; agent_message: string };
    expect(answer.permission).toBe('ask');
    expect(answer.user_message).toContain('Railway account token');
    expect(leaks(cursorRun)).toBe(false);
    expect(
      JSON.parse(guard(cursorEvent('beforeShellExecution', { command: HARMLESS_QUERY, cwd: repo })).stdout),
    ).toEqual({ permission: 'allow' });

    const geminiRun = guard(geminiEvent({ tool_name: 'run_shell_command', tool_input: { command: INCIDENT } }));
    const gemini = JSON.parse(geminiRun.stdout) as { decision: string; reason: string };
    expect(gemini.decision).toBe('deny');
    expect(gemini.reason).toContain('can delete every project and volume of the account');
    expect(
      JSON.parse(guard(geminiEvent({ tool_name: 'run_shell_command', tool_input: { command: 'ls' } })).stdout),
    ).toEqual({});
  });

  it('answers the same through the hook bundle dist/guard.js', () => {
    const result = spawnSync(process.execPath, [GUARD_BUNDLE, '--agent', 'claude-code'], {
      cwd: repo,
      env: { ...process.env, ...env() },
      input: preToolUse('Bash', { command: INCIDENT }),
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).hookSpecificOutput.permissionDecision).toBe('ask');
  });
});

describe('destructive calls with other credentials in reach', () => {
  it('asks when the variable is in the agent environment', () => {
    const other = randomUUID();
    const run = guard(preToolUse('Bash', { command: 'railway down -y' }), [], { RAILWAY_API_TOKEN: other });
    const d = claudeDecision(run)!;
    expect(d.permissionDecision).toBe('ask');
    expect(d.permissionDecisionReason).toContain("the agent's environment");
    expect(run.stdout.includes(other)).toBe(false);
  });

  it('asks when a literal token sits in the command', () => {
    const run = guard(
      preToolUse('Bash', {
        command: `curl -X DELETE https://api.github.com/repos/acme/app -H "Authorization: token ${githubToken}"`,
      }),
    );
    expect(claudeDecision(run)!.permissionDecision).toBe('ask');
    expect(leaks(run)).toBe(false);
  });

  it('asks when the variable comes from the checkout .env', () => {
    const run = guard(
      preToolUse('Bash', {
        command: 'curl -X DELETE https://api.github.com/repos/acme/app -H "Authorization: token $GITHUB_TOKEN"',
      }),
    );
    const d = claudeDecision(run)!;
    expect(d.permissionDecision).toBe('ask');
    expect(d.permissionDecisionReason).toContain('`.env`');
  });

  it('allows a destructive call with no credential in reach, and harmless commands', () => {
    for (const command of [
      'kubectl delete pod web-1',
      'ls -la && git status',
      'npm test',
      'terraform plan',
      'kubectl get pods',
    ]) {
      const run = guard(preToolUse('Bash', { command }));
      expect(run.status).toBe(0);
      expect(run.stdout).toBe('');
    }
  });

  it("asks before a CLI's destructive call when its stored login exists", () => {
    expect(guard(preToolUse('Bash', { command: 'fly apps destroy web -y' })).stdout).toBe('');
    writeFiles(home, { '.fly/config.yml': 'access_token: stored-by-fly-auth-login\n' });
    try {
      const run = guard(preToolUse('Bash', { command: 'fly apps destroy web -y' }));
      const d = claudeDecision(run)!;
      expect(d.permissionDecision).toBe('ask');
      expect(d.permissionDecisionReason).toContain('Fly.io CLI login');
      expect(d.permissionDecisionReason).toContain('`~/.fly/config.yml`');
    } finally {
      removeDir(join(home, '.fly'));
    }
  });
});

describe('reading a credential', () => {
  it('denies Read of a file with a live credential, telling the agent what to do instead', () => {
    const run = guard(preToolUse('Read', { file_path: join(repo, '.env') }));
    const d = claudeDecision(run)!;
    expect(d.permissionDecision).toBe('deny');
    expect(d.permissionDecisionReason).toContain('$GITHUB_TOKEN');
    expect(d.permissionDecisionReason).toMatch(/by name/);
    expect(leaks(run)).toBe(false);
  });

  it('allows Read of ordinary files', () => {
    expect(guard(preToolUse('Read', { file_path: join(repo, 'src', 'app.ts') })).stdout).toBe('');
  });

  it('denies cat, grep, source and printenv that would print a credential', () => {
    for (const command of [
      'cat .env',
      'cat src/deploy.ts',
      'grep -r RAILWAY .',
      'source .env && npm start',
      'head -5 .env | cut -d= -f2',
      'cat < .env',
    ]) {
      const d = claudeDecision(guard(preToolUse('Bash', { command })));
      expect(d?.permissionDecision, command).toBe('deny');
    }
    const printenv = guard(preToolUse('Bash', { command: 'printenv' }), [], { GITHUB_TOKEN: githubToken });
    expect(claudeDecision(printenv)!.permissionDecision).toBe('deny');
    expect(leaks(printenv)).toBe(false);
    const echo = guard(preToolUse('Bash', { command: 'echo "$GITHUB_TOKEN"' }), [], { GITHUB_TOKEN: githubToken });
    expect(claudeDecision(echo)!.permissionDecision).toBe('deny');
  });

  it('follows env, pipes into grep and one-line scripts', () => {
    const withToken = { GITHUB_TOKEN: githubToken };
    for (const command of [
      'env',
      'env | grep TOKEN',
      'printenv | grep -i github',
      `python3 -c "print(open('.env').read())"`,
    ]) {
      const run = guard(preToolUse('Bash', { command }), [], withToken);
      expect(claudeDecision(run)?.permissionDecision, command).toBe('deny');
      expect(leaks(run)).toBe(false);
    }
    for (const command of ['env | grep -c TOKEN', 'env | grep PATH', 'grep -l TOKEN .env', 'rg --count RAILWAY src']) {
      expect(guard(preToolUse('Bash', { command }), [], withToken).stdout, command).toBe('');
    }
  });

  it('allows reads that show no credential', () => {
    for (const command of ['cat README.md', 'grep -n LOG_LEVEL .env', 'printenv HOME', 'echo $LOG_LEVEL']) {
      expect(guard(preToolUse('Bash', { command })).stdout, command).toBe('');
    }
  });

  it('denies a Grep whose matching lines hold a credential, allows file-name-only searches', () => {
    expect(
      claudeDecision(guard(preToolUse('Grep', { pattern: 'TOKEN', path: repo, output_mode: 'content' })))!
        .permissionDecision,
    ).toBe('deny');
    expect(guard(preToolUse('Grep', { pattern: 'TOKEN', path: repo })).stdout).toBe('');
    expect(guard(preToolUse('Grep', { pattern: '3000', path: repo, output_mode: 'content' })).stdout).toBe('');
  });

  it('asks instead of denying when guard.reads is ask', () => {
    const config = join(repo, '.tokenscope.yaml');
    writeFiles(repo, { '.tokenscope.yaml': 'guard:\n  reads: ask\n' });
    try {
      expect(claudeDecision(guard(preToolUse('Read', { file_path: join(repo, '.env') })))!.permissionDecision).toBe(
        'ask',
      );
    } finally {
      removeDir(config);
    }
  });

  it('applies guard.destructive, destructivePatterns and allowedHosts from the config', () => {
    writeFiles(repo, {
      '.tokenscope.yaml': [
        'guard:',
        '  destructive: deny',
        '  allowedHosts: ["backboard.railway.com"]',
        '  destructivePatterns:',
        "    - { pattern: '\\bmake\\s+wipe\\b', description: '`make wipe` (drops the staging database)' }",
        '',
      ].join('\n'),
    });
    try {
      expect(guard(preToolUse('Bash', { command: INCIDENT })).stdout).toBe('');
      const wipe = claudeDecision(
        guard(preToolUse('Bash', { command: 'RAILWAY_API_TOKEN=$RAILWAY_API_TOKEN make wipe' })),
      )!;
      expect(wipe.permissionDecision).toBe('deny');
      expect(wipe.permissionDecisionReason).toContain('`make wipe` (drops the staging database)');
    } finally {
      removeDir(join(repo, '.tokenscope.yaml'));
    }
  });

  it('denies Cursor beforeReadFile of a credential (it has no ask) and allows the rest', () => {
    const run = guard(
      cursorEvent('beforeReadFile', {
        file_path: join(repo, '.env'),
        content: readFileSync(join(repo, '.env'), 'utf8'),
        attachments: [],
      }),
    );
    expect(JSON.parse(run.stdout).permission).toBe('deny');
    expect(leaks(run)).toBe(false);
    expect(
      JSON.parse(
        guard(cursorEvent('beforeReadFile', { file_path: join(repo, 'README.md'), content: '# app\n' })).stdout,
      ),
    ).toEqual({ permission: 'allow' });
  });
});

describe('writing a credential', () => {
  it('asks before Write or Edit puts a credential in a file', () => {
    const write = guard(
      preToolUse('Write', {
        file_path: join(repo, 'src', 'config.ts'),
        content: `export const token = '${githubToken}';\n`,
      }),
    );
    expect(claudeDecision(write)!.permissionDecision).toBe('ask');
    expect(leaks(write)).toBe(false);
    const edit = guard(
      preToolUse('Edit', {
        file_path: join(repo, 'src', 'app.ts'),
        old_string: '3000',
        new_string: `3000; const key = "${githubToken}"`,
      }),
    );
    expect(claudeDecision(edit)!.permissionDecision).toBe('ask');
    const multi = guard(
      preToolUse('MultiEdit', {
        file_path: join(repo, 'src', 'app.ts'),
        edits: [
          { old_string: 'a', new_string: 'b' },
          { old_string: 'c', new_string: `GITHUB_TOKEN=${githubToken}` },
        ],
      }),
    );
    expect(claudeDecision(multi)!.permissionDecision).toBe('ask');
    expect(
      guard(preToolUse('Write', { file_path: join(repo, 'src', 'x.ts'), content: 'export const x = 1;\n' })).stdout,
    ).toBe('');
    for (const command of [
      `echo "GITHUB_TOKEN=${githubToken}" >> .env.local`,
      `cat > .env.ci <<EOF\nGITHUB_TOKEN=${githubToken}\nEOF`,
    ]) {
      const run = guard(preToolUse('Bash', { command }));
      expect(claudeDecision(run)?.permissionDecision).toBe('ask');
      expect(leaks(run)).toBe(false);
    }
  });

  it('blocks a prompt that contains a credential (Claude Code and Cursor) and lets others through', () => {
    const prompt = guard(claude('UserPromptSubmit', { prompt: `use this token: ${githubToken}` }));
    const answer = JSON.parse(prompt.stdout) as { decision: string; reason: string };
    expect(answer.decision).toBe('block');
    expect(answer.reason).toContain('GitHub personal access token');
    expect(leaks(prompt)).toBe(false);
    expect(guard(claude('UserPromptSubmit', { prompt: 'fix the failing test' })).stdout).toBe('');
    const cursorPrompt = JSON.parse(
      guard(cursorEvent('beforeSubmitPrompt', { prompt: `token ${githubToken}`, attachments: [] })).stdout,
    ) as { continue: boolean };
    expect(cursorPrompt.continue).toBe(false);
    expect(JSON.parse(guard(cursorEvent('beforeSubmitPrompt', { prompt: 'hello' })).stdout)).toEqual({
      continue: true,
    });
  });
});

describe('MCP calls', () => {
  it('asks before a destructive MCP tool whose server is configured with a broad token', () => {
    writeFiles(repo, {
      '.mcp.json': JSON.stringify(
        {
          mcpServers: { railway: { command: 'npx', args: ['railway-mcp'], env: { RAILWAY_API_TOKEN: railwayToken } } },
        },
        null,
        2,
      ),
    });
    try {
      const run = guard(preToolUse('mcp__railway__volume_delete', { volumeId: 'v1' }));
      const d = claudeDecision(run)!;
      expect(d.permissionDecision).toBe('ask');
      expect(d.permissionDecisionReason).toContain('Railway account token');
      expect(leaks(run)).toBe(false);
      expect(guard(preToolUse('mcp__railway__list_projects', {})).stdout).toBe('');
      const cursorRun = guard(
        cursorEvent('beforeMCPExecution', {
          tool_name: 'volume_delete',
          tool_input: JSON.stringify({ volumeId: 'v1' }),
          command: 'npx railway-mcp',
        }),
      );
      expect(JSON.parse(cursorRun.stdout).permission).toBe('ask');
    } finally {
      removeDir(join(repo, '.mcp.json'));
    }
  });
});

describe('fail closed', () => {
  const malformed = [
    '{',
    '',
    '[]',
    'null',
    '{"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"comm',
    '{"hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":"ls"}',
    '{"hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":{}}',
    '{"hook_event_name":"Nope"}',
    '{"tool_name":"Bash"}',
  ];

  it.each(malformed)('blocks malformed input %j for Claude Code (exit 2)', (input) => {
    const run = guard(input, ['--agent', 'claude-code']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('blocked');
  });

  it.each(malformed)('blocks malformed input %j without --agent', (input) => {
    const run = guard(input);
    expect(run.status).toBe(2);
    // Input no agent can be told from gets Cursor's deny JSON as well as exit 2.
    if (run.stdout.trim()) expect(JSON.parse(run.stdout).permission).toBe('deny');
  });

  it('blocks malformed Cursor input with its deny JSON', () => {
    const run = guard('{"hook_event_name":"beforeShellExecution"', ['--agent', 'cursor']);
    expect(JSON.parse(run.stdout).permission).toBe('deny');
  });

  it('blocks with the config file named when the config is invalid', () => {
    writeFiles(repo, { '.tokenscope.yaml': 'guard:\n  reads: sometimes\n' });
    try {
      const run = guard(preToolUse('Bash', { command: 'ls' }));
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('.tokenscope.yaml');
    } finally {
      removeDir(join(repo, '.tokenscope.yaml'));
    }
  });

  it('works without a config, and in a folder that is not a checkout', () => {
    const plain = tempDir('tokenscope-guard-nogit-');
    try {
      const run = runCli(['guard'], {
        cwd: plain,
        env: env(),
        input: JSON.stringify({
          session_id: 's',
          transcript_path: '/t',
          cwd: plain,
          hook_event_name: 'PreToolUse',
          tool_name: 'Bash',
          tool_input: { command: 'ls' },
        }),
      });
      expect(run.status).toBe(0);
      expect(run.stdout).toBe('');
    } finally {
      removeDir(plain);
    }
  });

  it('blocks when the working folder the event names cannot be read', () => {
    const missing = join(repo, 'no-such-folder');
    const event = JSON.stringify({
      session_id: 's',
      transcript_path: '/t',
      cwd: missing,
      hook_event_name: 'PreToolUse',
      tool_name: 'Bash',
      tool_input: { command: 'ls' },
    });
    const run = runCli(['guard'], { cwd: repo, env: env(), input: event });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('cannot be read');
    const cursorRun = runCli(['guard'], {
      cwd: repo,
      env: env(),
      input: cursorEvent('beforeShellExecution', { command: 'ls', cwd: missing, workspace_roots: [missing] }),
    });
    expect(JSON.parse(cursorRun.stdout).permission).toBe('deny');
  });

  it('lets a failure through only when guard.failOpen is set', () => {
    writeFiles(repo, { '.tokenscope.yaml': 'guard:\n  failOpen: true\n' });
    try {
      const run = guard(claude('PreToolUse', { tool_name: 'Bash', tool_input: { command: 42 } }));
      expect(run.status).toBe(0);
      expect(run.stdout).toBe('');
    } finally {
      removeDir(join(repo, '.tokenscope.yaml'));
    }
  });
});

describe('audit log', () => {
  it('records every non-silent decision without a secret, and guard log summarises it', () => {
    const id = 'toolu_logged_1';
    guard(preToolUse('Bash', { command: INCIDENT }, id));
    guard(
      claude('PostToolUse', {
        tool_name: 'Bash',
        tool_input: { command: INCIDENT },
        tool_response: { stdout: '' },
        tool_use_id: id,
      }),
    );
    expect(existsSync(log)).toBe(true);
    const text = readFileSync(log, 'utf8');
    expect(leaks(text)).toBe(false);
    const lines = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const ask = lines.find((l) => l['key'] === id && l['decision'] === 'ask')!;
    expect(ask['agent']).toBe('claude-code');
    expect(ask['session']).toBe('sess-1');
    expect(ask['tool']).toBe('Bash');
    expect((ask['findings'] as Array<Record<string, string>>)[0]!['fingerprint']).toMatch(/^[0-9a-f]{32}$/);
    expect(lines.some((l) => l['key'] === id && l['decision'] === 'ran')).toBe(true);
    const summary = runCli(['guard', 'log'], { cwd: repo, env: env() });
    expect(summary.status).toBe(0);
    expect(summary.stdout).toMatch(/decisions: .*ask/);
    expect(summary.stdout).toMatch(/approved\): [1-9]/);
    expect(leaks(summary)).toBe(false);
  });
});

describe('plain mode', () => {
  it('answers JSON with exit 0 allow, 1 ask, 2 deny', () => {
    const ask = runCli(['guard', '--command', INCIDENT], { cwd: repo, env: env() });
    expect(ask.status).toBe(1);
    expect(JSON.parse(ask.stdout).decision).toBe('ask');
    const deny = runCli(['guard', '--read', '.env'], { cwd: repo, env: env() });
    expect(deny.status).toBe(2);
    expect(leaks(deny)).toBe(false);
    const allow = runCli(['guard', '--command', 'ls'], { cwd: repo, env: env() });
    expect(allow.status).toBe(0);
    expect(JSON.parse(allow.stdout)).toEqual({ decision: 'allow' });
  });
});
