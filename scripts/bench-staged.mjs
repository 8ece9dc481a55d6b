// `npm run bench:staged`: the pre-commit path. Builds a temporary repository with a few hundred
// committed files (20,000 by default), stages a small change to 5 of them, and times
// `node dist/cli.js scan --staged` end to end (wall time, Node start-up included), median of 10 runs. Target: ≤ 150 ms.
//   BENCH_RUNS=20 BENCH_FILES=1000 npm run bench:staged
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const bin = resolve(here, '..', 'dist', 'cli.js');
const runs = Number(process.env.BENCH_RUNS ?? 10);
const fileCount = Number(process.env.BENCH_FILES ?? 20_000);
const TARGET_MS = 150;

if (!existsSync(bin)) {
  console.error(`bench-staged: ${bin} is missing: run \`npm run build\` first`);
  process.exit(2);
}

const env = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Bench',
  GIT_AUTHOR_EMAIL: 'bench@example.invalid',
  GIT_COMMITTER_NAME: 'Bench',
  GIT_COMMITTER_EMAIL: 'bench@example.invalid',
  GIT_CONFIG_NOSYSTEM: '1',
};
const git = (cwd, ...args) => execFileSync('git', args, { cwd, env, stdio: ['ignore', 'pipe', 'inherit'] });

function moduleText(i) {
  const lines = [`// module ${i}: generated for the staged-scan benchmark`, `export const id${i} = ${i};`];
  for (let j = 0; j < 40; j++) lines.push(`export function f${i}_${j}(x: number): number { return x * ${j} + ${i}; }`);
  return `${lines.join('\n')}\n`;
}

const repo = mkdtempSync(join(tmpdir(), 'tokenscope-bench-staged-'));
try {
  git(repo, 'init', '-q', '-b', 'main');
  // No background gc after the big commit: it would race the clean-up below.
  git(repo, 'config', 'gc.auto', '0');
  for (let i = 0; i < fileCount; i++) {
    const dir = join(repo, 'src', `pkg${i % 20}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `module-${i}.ts`), moduleText(i));
  }
  writeFileSync(join(repo, 'README.md'), '# bench\n');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'initial');
  for (let i = 0; i < 5; i++) {
    appendFileSync(
      join(repo, 'src', `pkg${i % 20}`, `module-${i}.ts`),
      `export const changed${i} = "value ${i}";\nexport const more${i} = ${i * 7};\n`,
    );
  }
  git(repo, 'add', '-A');

  const once = () => {
    const started = process.hrtime.bigint();
    const run = spawnSync(process.execPath, [bin, 'scan', '--staged'], {
      cwd: repo,
      env: { ...env, NO_COLOR: '1' },
      encoding: 'utf8',
    });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (run.status !== 0) {
      console.error(`bench-staged: scan --staged exited ${run.status}\n${run.stderr}${run.stdout}`);
      process.exit(2);
    }
    return { ms, summary: run.stdout.trim().split('\n').pop() };
  };
  const warm = once(); // the first run pays for a cold file cache
  const times = [];
  for (let i = 0; i < runs; i++) times.push(once().ms);
  times.sort((a, b) => a - b);
  const median =
    times.length % 2 ? times[(times.length - 1) / 2] : (times[times.length / 2 - 1] + times[times.length / 2]) / 2;
  console.log(`scan --staged: ${fileCount + 1} files in the repository, 5 staged changes`);
  console.log(`  ${warm.summary}`);
  console.log(
    `  wall time over ${runs} runs: median ${median.toFixed(0)} ms, min ${times[0].toFixed(0)} ms, max ${times.at(-1).toFixed(0)} ms`,
  );
  console.log(
    `  node -e 0 for comparison: ${(() => {
      const s = process.hrtime.bigint();
      spawnSync(process.execPath, ['-e', '0']);
      return (Number(process.hrtime.bigint() - s) / 1e6).toFixed(0);
    })()} ms`,
  );
  console.log(`  target ≤ ${TARGET_MS} ms: ${median <= TARGET_MS ? 'met' : 'NOT met'}`);
} finally {
  rmSync(repo, { recursive: true, force: true, maxRetries: 3 });
}
