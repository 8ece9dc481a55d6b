// Benchmark for `tokenscope guard` (npm run bench:guard): wall time per hook call, start-up
// included, as an agent pays it. Runs the hook the installer writes (node dist/guard.js) on a
// harmless Bash event and on a Read of a 100 KB source file in a temporary checkout, plus
// `node -e 0` for the machine's floor and `dist/cli.js guard` for comparison. Prints p50/p95.
// Targets (issue 12): harmless Bash p95 ≤ 100 ms, 100 KB read p95 ≤ 200 ms.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const guard = join(root, 'dist', 'guard.js');
const cli = join(root, 'dist', 'cli.js');
const runs = Number(process.env.BENCH_RUNS ?? 40);

const checkout = mkdtempSync(join(tmpdir(), 'tokenscope-bench-guard-'));
mkdirSync(join(checkout, '.git'));
mkdirSync(join(checkout, 'src'));
// A 100 KB TypeScript file of ordinary code (no credential): what most reads look like.
const lines = [];
for (let i = 0; lines.join('\n').length < 100 * 1024; i++) {
  lines.push(
    `export function handler${i}(input: { id: string; count: number }): string {`,
    `  const label = \`item-\${input.id}-\${input.count * ${i}}\`;`,
    '  return label.toUpperCase();',
    '}',
    '',
  );
}
writeFileSync(join(checkout, 'src', 'big.ts'), lines.join('\n'));

const base = {
  session_id: 'bench',
  transcript_path: join(checkout, 't.jsonl'),
  cwd: checkout,
  permission_mode: 'default',
};
const events = {
  'harmless Bash': {
    ...base,
    hook_event_name: 'PreToolUse',
    tool_name: 'Bash',
    tool_input: { command: 'git status && npm test -- --reporter=dot', description: 'run the tests' },
  },
  'Read 100 KB file': {
    ...base,
    hook_event_name: 'PreToolUse',
    tool_name: 'Read',
    tool_input: { file_path: join(checkout, 'src', 'big.ts') },
  },
};

function time(args, input) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, {
    input,
    cwd: checkout,
    env: { ...process.env, TOKENSCOPE_GUARD_LOG: 'off' },
    encoding: 'utf8',
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0 || result.stdout.trim() !== '')
    throw new Error(`unexpected answer (exit ${result.status}): ${result.stdout}${result.stderr}`);
  return ms;
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function measure(label, args, input) {
  time(args, input); // warm the file cache
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(time(args, input));
  samples.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(40)} p50 ${percentile(samples, 50).toFixed(1).padStart(6)} ms   p95 ${percentile(samples, 95).toFixed(1).padStart(6)} ms`,
  );
}

try {
  console.log(`bench-guard: ${runs} runs each, ${process.version}`);
  measure('node -e 0 (floor)', ['-e', '0'], '');
  for (const [label, event] of Object.entries(events))
    measure(`dist/guard.js: ${label}`, [guard], JSON.stringify(event));
  for (const [label, event] of Object.entries(events))
    measure(`dist/cli.js guard: ${label}`, [cli, 'guard'], JSON.stringify(event));
} finally {
  rmSync(checkout, { recursive: true, force: true });
}
