// Hostile input through the built binary, one test per class of the "fail closed" issue: a
// config inside the scanned tree cannot hang the scan, no output or log ever carries a planted
// secret, file names cannot inject terminal or workflow commands, writes never follow symlinks,
// and the hook keeps every byte a user wrote.

import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli } from '../helpers/run-cli.js';
import { removeDir, tempRepo } from '../helpers/tmp.js';

const dirs: string[] = [];
beforeAll(assertBuilt);
afterAll(() => dirs.forEach(removeDir));

function track<T extends string>(dir: T): T {
  dirs.push(dir);
  return dir;
}

function acmeDetector(id: string, pattern: string, positive: string, keyword = 'acme'): string {
  return [
    'provider: acme',
    'providerName: Acme',
    'detectors:',
    `  - id: ${id}`,
    '    name: Acme key',
    '    tokenType: key',
    '    description: An Acme key used by the test suite.',
    `    keywords: [${keyword}]`,
    `    pattern: '${pattern}'`,
    '    confidence: high',
    '    privilege: write',
    '    breadth: project',
    '    remediation: Revoke it in the Acme console.',
    '    references: [https://example.invalid/acme]',
    '    examples:',
    `      positive: ['${positive}']`,
    "      negative: ['nothing here']",
    '',
  ].join('\n');
}

describe('user regexes from a config in the scanned tree', () => {
  it('bounded nested quantifiers: one-line error naming the file, from scan and detectors --check alike', () => {
    const pattern = '(?<secret>acme_(?:(?:(?:[a-z]{1,9}){1,9}){1,9}){1,9})';
    const dir = track(
      tempRepo({
        '.tokenscope.yaml': 'detectors:\n  custom: [acme.yaml]\n',
        'acme.yaml': acmeDetector('acme.nested', pattern, `acme_${'a'.repeat(40)}`),
        'app.txt': `acme_${'a'.repeat(60)}!\n`,
      }),
    );
    const scan = runCli(['scan', '.'], { cwd: dir, timeout: 30_000 });
    expect(scan.status).toBe(2);
    expect(scan.stderr).toContain(`${join(dir, 'acme.yaml')}: acme.nested: pattern rejected: nested repetition`);
    const check = runCli(['detectors', '--check', 'acme.yaml'], { cwd: dir, timeout: 30_000 });
    expect(check.status).toBe(2);
    expect(check.stderr).toContain(`${join(dir, 'acme.yaml')}: acme.nested: pattern rejected: nested repetition`);
  });

  it('a look-ahead in front of a polynomial pattern, and an unchecked allowlist value, are config errors', () => {
    const dir = track(
      tempRepo({
        '.tokenscope.yaml': [
          'detectors:',
          '  custom: [acme.yaml]',
          'allowlist:',
          "  - values: ['^(?:a|a)*$']",
          '    reason: test values',
          '',
        ].join('\n'),
        'acme.yaml': acmeDetector('acme.poly', '(?=acme)(?<secret>acme_[a-z]*[a-z]*[a-z]*[0-9])', 'acme_abc1'),
        'app.txt': `acme_${'a'.repeat(5000)}\n`,
      }),
    );
    const run = runCli(['scan', '.'], { cwd: dir, timeout: 30_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/allowlist\[0\]\.values\[0\]: pattern rejected: overlapping alternatives/);
    const fixed = runCli(['scan', '.', '--config', '/dev/null'], { cwd: dir, timeout: 30_000 });
    expect(fixed.status).not.toBe(2);
  });

  it('a pattern that backtracks quadratically on V8 runs linearly: a long line does not hang the scan', () => {
    const dir = track(
      tempRepo({
        '.tokenscope.yaml': 'detectors:\n  custom: [acme.yaml]\n',
        'acme.yaml': acmeDetector('acme.suffix', '(?<secret>[a-z]{8,40}_acme)', 'qzkwmvbxrtpl_acme', '_acme'),
        // On V8 every start position would scan the whole run of letters: about 40 s.
        'long.txt': `${'a'.repeat(100_000)} _acme\n`,
      }),
    );
    const run = runCli(['scan', '.', '--format', 'json'], { cwd: dir, timeout: 30_000 });
    expect(run.status).toBe(1); // the detector file's own example
    const report = JSON.parse(run.stdout) as { findings: Array<{ path: string }> };
    expect(report.findings.map((f) => f.path)).toEqual(['acme.yaml']);
  });
});
