// `scan --agent-view`: what a coding agent in this checkout can read, including git-ignored
// files, and which agent ignore rules (best effort) cover each finding.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli } from '../helpers/run-cli.js';
import { removeDir, tempRepo, writeFiles } from '../helpers/tmp.js';
import { githubPat, randomAlnum } from '../helpers/tokens.js';

const dirs: string[] = [];
beforeAll(assertBuilt);
afterAll(() => dirs.forEach(removeDir));

/** A fake Anthropic admin key (admin: can manage members, workspaces and keys). */
function anthropicAdminKey(): string {
  return `sk-ant-admin01-${randomAlnum(93)}AA`;
}

interface Report {
  findings: Array<{
    path: string;
    ruleId: string;
    privilege: string;
    policy: string[];
    agentIgnoredBy?: string[];
    reasons: string[];
  }>;
  agentView?: {
    credentials: number;
    highestPrivilege: string;
    broadestReach: string;
    coveredByIgnoreRules: number;
    ignoreFiles: string[];
  };
}

function scanJson(dir: string, ...args: string[]): Report {
  const run = runCli(['scan', '.', '--format', 'json', ...args], { cwd: dir });
  expect(run.status, run.stderr).toBeLessThan(2);
  return JSON.parse(run.stdout) as Report;
}

describe('--agent-view', () => {
  it('reports a git-ignored .env.local with an admin key as agent-exposed, which a plain scan skips', () => {
    const key = anthropicAdminKey();
    const dir = tempRepo({
      '.gitignore': '.env.local\n',
      '.env.local': `ANTHROPIC_ADMIN_KEY=${key}\n`,
      'README.md': '# app\n',
    });
    dirs.push(dir);
    expect(scanJson(dir).findings).toEqual([]);
    const report = scanJson(dir, '--agent-view');
    const finding = report.findings.find((f) => f.path === '.env.local');
    expect(finding).toMatchObject({ ruleId: 'anthropic.admin-key', privilege: 'admin' });
    expect(finding!.policy).toContain('agent-exposed');
    expect(finding!.agentIgnoredBy).toBeUndefined();
    expect(report.agentView).toMatchObject({ credentials: 1, highestPrivilege: 'admin', coveredByIgnoreRules: 0 });
    const text = runCli(['scan', '.', '--agent-view'], { cwd: dir });
    expect(text.stdout).toMatch(/What an agent here can reach\n {2}1 credential; highest privilege: admin/);
    expect(text.stdout.includes(key)).toBe(false);
  });

  it('keeps reporting a file an agent ignore rule covers, and names the rule', () => {
    const dir = tempRepo({
      '.gitignore': '.env.local\n',
      '.env.local': `ANTHROPIC_ADMIN_KEY=${anthropicAdminKey()}\n`,
    });
    dirs.push(dir);
    writeFiles(dir, { '.cursorignore': '# keep secrets away from the agent\n.env.local\n' });
    const report = scanJson(dir, '--agent-view');
    const finding = report.findings.find((f) => f.path === '.env.local')!;
    expect(finding.agentIgnoredBy).toEqual(['.cursorignore: .env.local']);
    expect(finding.reasons.join('\n')).toMatch(/a shell command still can/);
    expect(report.agentView).toMatchObject({ coveredByIgnoreRules: 1, ignoreFiles: ['.cursorignore'] });
  });

  it("reads Claude Code's Read(...) deny rules", () => {
    const dir = tempRepo({ 'secrets/prod.env': `GITHUB_TOKEN=${githubPat()}\n` });
    dirs.push(dir);
    writeFiles(dir, {
      '.claude/settings.json': JSON.stringify({
        permissions: { deny: ['Read(./secrets/**)', 'Bash(rm:*)', 'Read(~/.aws/**)'] },
      }),
      '.aiexclude': 'secrets/\n',
    });
    const finding = scanJson(dir, '--agent-view').findings.find((f) => f.path === 'secrets/prod.env')!;
    expect(finding.agentIgnoredBy).toEqual(['.aiexclude: secrets/', '.claude/settings.json: secrets/**']);
  });

  it('treats agent tool configurations (.mcp.json) as misplaced: they hand the token to the agent', () => {
    const dir = tempRepo({
      '.mcp.json': JSON.stringify(
        { mcpServers: { github: { env: { GITHUB_PERSONAL_ACCESS_TOKEN: githubPat() } } } },
        null,
        2,
      ),
      '.cursor/mcp.json': JSON.stringify({ mcpServers: { gh: { env: { GITHUB_TOKEN: githubPat() } } } }, null, 2),
    });
    dirs.push(dir);
    const findings = scanJson(dir).findings;
    expect(findings.map((f) => f.path).sort()).toEqual(['.cursor/mcp.json', '.mcp.json']);
    for (const f of findings) {
      expect(f.policy).toContain('misplaced');
      expect(f.reasons.join('\n')).toMatch(/agent tool configuration/);
    }
  });
});
