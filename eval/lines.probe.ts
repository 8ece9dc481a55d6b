// Developer probe: what the detectors find in given lines.
//   LINES=$'a=1\nb=2' PROBE_PATH=x.env npx vitest run --config eval/vitest.config.ts eval/lines.probe.ts
import { it } from 'vitest';
import { buildDetectorSet } from '../src/detect/compile.js';
import { detectInText } from '../src/detect/engine.js';
import { builtinDetectorSources, loadDetectorFiles } from '../src/catalog/load.js';

it('lines', () => {
  const loaded = loadDetectorFiles(builtinDetectorSources());
  if (loaded.errors.length) console.log(loaded.errors.join('\n'));
  const set = buildDetectorSet(loaded.files.map((f) => f.file));
  for (const line of (process.env['LINES'] ?? '').split('\n')) {
    const found = detectInText(line, process.env['PROBE_PATH'] ?? 'example.txt', set);
    console.log(
      `${line}\n   → ${found.map((m) => `${m.detector.id} [${m.secret}] key=${m.keyName} ${m.confidence}${m.checksum ? ' ' + m.checksum : ''}`).join(' | ') || 'nothing'}`,
    );
  }
});
