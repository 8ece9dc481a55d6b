// A path-scoped detector's quick check (the last part of each pattern against the path's
// segments) only ever saves the gitignore matcher a call: the verdict is the matcher's own.
import ignore from 'ignore';
import { describe, expect, it } from 'vitest';
import { buildDetectorSet } from '../../src/detect/compile.js';
import { loadBuiltinDetectors } from '../../src/catalog/load.js';

const SAMPLE_PATHS = [
  '.netrc',
  'home/u/.netrc',
  'home/u/_netrc',
  '.netrc/inside',
  'x.netrc',
  'netrc',
  'config/master.key',
  'app/config/credentials/production.key',
  'config/credentials/sub/production.key',
  'master.key.bak',
  'a/b/.docker/config.json',
  'config.json',
  'docker/config.json',
  'src/index.PHP',
  'src/index.php.txt',
  'wp-config.php',
  '.pgpass',
  '.pgpass.local',
  'conf/pgpass.conf',
  'NUGET.CONFIG',
  'a/.nuget/NuGet/NuGet.Config',
  '.cargo/credentials.toml',
  'x/.cargo/credentials',
  'ci/.codecov.yaml',
  'codecov.yml.orig',
  'deep/dir/.npmrc',
  'logins.json',
  'src/main.ts',
  'README.md',
];

describe('path-scoped detectors', () => {
  it('decide every path exactly as the gitignore matcher does', () => {
    const files = loadBuiltinDetectors();
    const set = buildDetectorSet(files);
    let checked = 0;
    for (const file of files) {
      for (const def of file.detectors) {
        if (!def.paths) continue;
        const detector = set.byId.get(def.id)!;
        const matcher = ignore({ allowRelativePaths: true }).add(def.paths);
        const paths = [...SAMPLE_PATHS, ...def.paths.map((p) => p.replace(/\*\*\//g, 'a/b/').replace(/\*/g, 'x'))];
        for (const path of paths) {
          expect(detector.pathFilter!(path), `${def.id} on ${path}`).toBe(matcher.ignores(path));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('leave patterns the quick check cannot read to the matcher', () => {
    const set = buildDetectorSet([
      {
        provider: 'acme',
        providerName: 'Acme',
        detectors: [
          {
            id: 'acme.key',
            pattern: '(?<secret>acme_[a-z]{8})',
            keywords: ['acme_'],
            paths: ['conf/', '!x', 'k[ey].txt'],
          },
        ],
      } as never,
    ]);
    const filter = set.byId.get('acme.key')!.pathFilter!;
    expect(filter('conf/a.txt')).toBe(true);
    expect(filter('dir/ke.txt')).toBe(true);
    expect(filter('src/a.txt')).toBe(false);
  });
});
