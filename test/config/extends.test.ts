// `extends`: the merge rules (lists concatenate, mappings merge, scalars override), paths anchored
// to the file that wrote them, package resolution from node_modules, and the refusals (URL,
// cycle, depth, not a regular file), each one line naming the files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_EXTENDS_DEPTH, mergeConfigs, resolveExtends } from '../../src/config/extends.js';
import { loadConfigChainAt, resolveConfig } from '../../src/config/load.js';
import { TokenscopeError } from '../../src/util/errors.js';
import { tempDir, trackTempDirs, writeFiles } from '../helpers/tmp.js';

const track = trackTempDirs();

function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(TokenscopeError);
    return (error as Error).message;
  }
  throw new Error('expected a configuration error');
}

describe('mergeConfigs', () => {
  it('concatenates lists base first, merges mappings key by key, lets the extending file override scalars', () => {
    const merged = mergeConfigs(
      {
        failOn: 'error',
        exclude: ['dist/'],
        detectors: { disable: ['generic.password'], levels: { 'generic.*': 'note', stripe: 'error' } },
        allowlist: [{ paths: ['docs/**'], reason: 'org docs' }],
      },
      {
        failOn: 'note',
        exclude: ['vendor/'],
        detectors: { disable: ['generic.secret'], levels: { stripe: 'warning' } },
        allowlist: [{ paths: ['a/**'], reason: 'team' }],
      },
    );
    expect(merged).toEqual({
      failOn: 'note',
      exclude: ['dist/', 'vendor/'],
      detectors: {
        disable: ['generic.password', 'generic.secret'],
        levels: { 'generic.*': 'note', stripe: 'warning' },
      },
      allowlist: [
        { paths: ['docs/**'], reason: 'org docs' },
        { paths: ['a/**'], reason: 'team' },
      ],
    });
  });

  it('a scalar may replace a mapping and the other way round (the extending file wins)', () => {
    expect(mergeConfigs({ guard: { log: 'audit.jsonl' } }, { guard: { log: false } })).toEqual({
      guard: { log: false },
    });
  });
});

describe('loading a chain', () => {
  it('merges base before the file, anchors base paths to the base file, labels allowlist entries with their file', () => {
    const dir = track(tempDir());
    writeFiles(dir, {
      'org/base.yaml':
        'failOn: error\nexclude: [dist/]\nbaseline: org-baseline.json\ndetectors:\n  custom: [detectors/]\nallowlist:\n  - paths: [docs/**]\n    reason: org docs\n',
      'repo/.tokenscope.yaml':
        'extends: ../org/base.yaml\nfailOn: note\nexclude: [vendor/]\nallowlist:\n  - stopwords: [sample]\n    reason: samples\n',
    });
    const top = join(dir, 'repo', '.tokenscope.yaml');
    const chain = loadConfigChainAt(top);
    expect(chain.sources).toEqual([top, join(dir, 'org', 'base.yaml')]);
    const resolved = resolveConfig(join(dir, 'repo'), join(dir, 'repo'), { configPath: top });
    expect(resolved.failOn).toBe('note');
    expect(resolved.exclude).toEqual(['dist/', 'vendor/']);
    expect(resolved.baseline).toBe(join(dir, 'org', 'org-baseline.json'));
    expect(resolved.customDetectors).toEqual([join(dir, 'org', 'detectors')]);
    expect(resolved.allowlist.map((e) => e.origin)).toEqual([
      '../org/base.yaml allowlist[0]',
      '.tokenscope.yaml allowlist[0]',
    ]);
    expect(resolved.sources).toHaveLength(2);
  });

  it('resolves a package name (its main, a default file name, or a subpath) from node_modules above the file', () => {
    const dir = track(tempDir());
    writeFiles(dir, {
      'node_modules/@acme/tokenscope-config/package.json':
        '{ "name": "@acme/tokenscope-config", "main": "strict.yaml" }\n',
      'node_modules/@acme/tokenscope-config/strict.yaml': 'failOn: note\n',
      'node_modules/@acme/tokenscope-config/lenient.yaml': 'failOn: error\n',
      'node_modules/plain-config/.tokenscope.yaml': 'exclude: [gen/]\n',
      'svc/.tokenscope.yaml': 'extends: ["@acme/tokenscope-config", plain-config]\n',
    });
    const svc = join(dir, 'svc', '.tokenscope.yaml');
    expect(resolveExtends('@acme/tokenscope-config', svc)).toBe(
      join(dir, 'node_modules', '@acme', 'tokenscope-config', 'strict.yaml'),
    );
    expect(resolveExtends('@acme/tokenscope-config/lenient.yaml', svc)).toBe(
      join(dir, 'node_modules', '@acme', 'tokenscope-config', 'lenient.yaml'),
    );
    const resolved = resolveConfig(join(dir, 'svc'), dir, { configPath: svc });
    expect(resolved).toMatchObject({ failOn: 'note', exclude: ['gen/'] });
    expect(errorOf(() => resolveExtends('@acme/missing', svc))).toMatch(
      /extends "@acme\/missing": package not found in any node_modules above /,
    );
    expect(errorOf(() => resolveExtends('@acme/tokenscope-config/../../x.yaml', svc))).toMatch(
      /not a relative path .* or a package name/,
    );
  });

  it('never fetches a URL, and does not print its path or query (a token may be in it)', () => {
    const message = errorOf(() =>
      resolveExtends('https://user:pw@config.example.com/org.yaml?token=abc123', '/x/.tokenscope.yaml'),
    );
    expect(message).toBe(
      '/x/.tokenscope.yaml: extends https://config.example.com/…: URLs are not fetched (tokenscope makes no network requests); download the file, or install it as a package, and extend that',
    );
    expect(message).not.toContain('abc123');
    expect(message).not.toContain('pw');
  });

  it('a cycle is one line naming every file in it', () => {
    const dir = track(tempDir());
    writeFiles(dir, {
      'a.yaml': 'extends: ./b.yaml\n',
      'b.yaml': 'extends: [./c.yaml]\n',
      'c.yaml': 'extends: ./a.yaml\n',
    });
    expect(errorOf(() => loadConfigChainAt(join(dir, 'a.yaml')))).toBe(
      `${join(dir, 'a.yaml')}: extends cycle: a.yaml → b.yaml → c.yaml → a.yaml`,
    );
    writeFiles(dir, { 'self.yaml': 'extends: ./self.yaml\n' });
    expect(errorOf(() => loadConfigChainAt(join(dir, 'self.yaml')))).toBe(
      `${join(dir, 'self.yaml')}: extends cycle: self.yaml → self.yaml`,
    );
  });

  it(`a chain deeper than ${MAX_EXTENDS_DEPTH} files is refused`, () => {
    const dir = track(tempDir());
    const files: Record<string, string> = {};
    for (let i = 0; i < MAX_EXTENDS_DEPTH + 3; i++) files[`c${i}.yaml`] = `extends: ./c${i + 1}.yaml\n`;
    files[`c${MAX_EXTENDS_DEPTH + 3}.yaml`] = 'failOn: none\n';
    writeFiles(dir, files);
    expect(errorOf(() => loadConfigChainAt(join(dir, 'c0.yaml')))).toMatch(
      new RegExp(
        `^\\S+c0\\.yaml: extends goes more than ${MAX_EXTENDS_DEPTH} files deep \\(c0\\.yaml → c1\\.yaml → .*\\)$`,
      ),
    );
  });

  it('an extended file that is a folder or missing is an error naming it and the file that extends it', () => {
    const dir = track(tempDir());
    mkdirSync(join(dir, 'folder'));
    writeFileSync(join(dir, 'a.yaml'), 'extends: ./folder\n');
    expect(errorOf(() => loadConfigChainAt(join(dir, 'a.yaml')))).toBe(
      `${join(dir, 'folder')}: cannot read config file (extended by ${join(dir, 'a.yaml')}) (not a regular file)`,
    );
    writeFileSync(join(dir, 'b.yaml'), 'extends: ./gone.yaml\n');
    expect(errorOf(() => loadConfigChainAt(join(dir, 'b.yaml')))).toBe(
      `${join(dir, 'gone.yaml')}: cannot read config file (extended by ${join(dir, 'b.yaml')}) (ENOENT)`,
    );
  });

  it('an invalid extended file is reported under its own name', () => {
    const dir = track(tempDir());
    writeFiles(dir, { 'base.yaml': 'failOn: sometimes\n', 'top.yaml': 'extends: ./base.yaml\n' });
    expect(errorOf(() => loadConfigChainAt(join(dir, 'top.yaml')))).toBe(
      `${join(dir, 'base.yaml')}: invalid configuration (1 problem)`,
    );
  });

  it('inline configuration cannot extend (nothing to resolve the path against)', () => {
    expect(errorOf(() => resolveConfig('.', '.', {}, { extends: './org.yaml' }))).toMatch(
      /extends works in a configuration file only/,
    );
  });
});

describe('special files', () => {
  it('--config /dev/null reads as an empty configuration; a FIFO named like a config is refused without reading it', async () => {
    const { execFileSync } = await import('node:child_process');
    expect(resolveConfig('.', '.', { configPath: '/dev/null' }).failOn).toBe('warning');
    const dir = track(tempDir());
    execFileSync('mkfifo', [join(dir, '.tokenscope.yaml')]);
    expect(errorOf(() => resolveConfig(dir, dir))).toBe(
      `${join(dir, '.tokenscope.yaml')}: cannot read config file (not a regular file)`,
    );
  });
});
