// The guard's shell reader: words, quotes, operators, expansions, substitutions, heredocs.
import { describe, expect, it } from 'vitest';
import { effectiveArgv, parseShell } from '../../src/guard/shell-words.js';

const argvs = (line: string): string[][] => parseShell(line).commands.map((c) => c.argv.map((w) => w.value));

describe('parseShell', () => {
  it('splits on ; && || | & and newlines, removing quotes', () => {
    expect(argvs(`cd "my dir" && ls -la; echo 'a b' | wc -l || true & sleep 1\nexit`)).toEqual([
      ['cd', 'my dir'],
      ['ls', '-la'],
      ['echo', 'a b'],
      ['wc', '-l'],
      ['true'],
      ['sleep', '1'],
      ['exit'],
    ]);
  });

  it('tracks $VAR and ${VAR} expansions outside single quotes', () => {
    const line = parseShell(
      `curl -H "Authorization: Bearer $RAILWAY_API_TOKEN" -u "\${USER_NAME:-x}:$PASS" '$NOT_EXPANDED'`,
    );
    expect(line.vars.sort()).toEqual(['PASS', 'RAILWAY_API_TOKEN', 'USER_NAME']);
    expect(line.commands[0]!.argv[2]!.value).toBe('Authorization: Bearer $RAILWAY_API_TOKEN');
  });

  it('reads command substitutions, bash -c and eval as commands of their own', () => {
    expect(
      argvs('echo $(terraform destroy -auto-approve)').some((a) => a[0] === 'terraform' && a[1] === 'destroy'),
    ).toBe(true);
    expect(argvs('x=`kubectl delete ns a`').some((a) => a[0] === 'kubectl')).toBe(true);
    expect(argvs(`bash -lc 'railway down -y'`).some((a) => a[0] === 'railway')).toBe(true);
    expect(argvs(`eval "helm uninstall api"`).some((a) => a[0] === 'helm')).toBe(true);
  });

  it('keeps heredoc bodies as the command input and redirections apart from argv', () => {
    const line = parseShell('psql "$DB" <<-EOF\n\tDROP TABLE x;\n\tEOF\ncat < .env > out.txt 2>&1');
    expect(line.commands[0]!.stdin).toEqual(['\tDROP TABLE x;']);
    const cat = line.commands[1]!;
    expect(cat.argv.map((w) => w.value)).toEqual(['cat']);
    expect(cat.inputs).toEqual(['.env']);
    expect(cat.outputs).toEqual(['out.txt']);
  });

  it('records leading assignments and skips wrappers', () => {
    const [command] = parseShell('AWS_PROFILE=prod sudo -u deploy env X=1 timeout 5 aws s3 rb s3://b').commands;
    expect(command!.assignments.map((a) => a.name)).toEqual(['AWS_PROFILE']);
    expect(effectiveArgv(command!)).toEqual(['aws', 's3', 'rb', 's3://b']);
  });

  it('flags an unclosed quote but still reads what it can', () => {
    const line = parseShell(`terraform destroy "unterminated`);
    expect(line.incomplete).toBe(true);
    expect(line.commands[0]!.argv[0]!.value).toBe('terraform');
  });

  it('ignores comments and keeps # inside words', () => {
    expect(argvs('echo a#b # a comment')).toEqual([['echo', 'a#b']]);
  });
});
