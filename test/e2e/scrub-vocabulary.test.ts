// The one scrub that removes a file's secrets from every reported string must not rewrite the
// finding's own vocabulary: a short password that happens to be a word ("unknown") stays out of
// messages, but privilege, reach and scope names are the scanner's words, not the file's.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDir, writeFiles } from '../helpers/tmp.js';

describe('scrub and vocabulary', () => {
  it('keeps privilege and breadth when the secret is a vocabulary word', () => {
    const dir = tempDir();
    writeFiles(dir, { 'notes.md': 'Run: htpasswd -b /etc/nginx/.htpasswd admin unknown\n' });
    const r = runCli(['scan', '.', '--format', 'json', '--fail-on', 'none'], { cwd: dir });
    const findings = (
      JSON.parse(r.stdout) as { findings: Array<{ privilege: string; breadth: string; message: string }> }
    ).findings;
    expect(findings).toHaveLength(1);
    expect(findings[0]!.privilege).toBe('unknown');
    expect(findings[0]!.breadth).toBe('resource');
    expect(findings[0]!.message).not.toContain('undefined');
    expect(findings[0]!.message).not.toContain('[REDACTED]');
  });
});
