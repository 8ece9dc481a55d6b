// Config loading as a unit: where the file is found (upward from the scan start, never above the
// repository root), YAML and JSON read alike, every problem named with the file, hostile
// documents refused with one line instead of a crash, and the merge defaults < file < flags.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findConfigFile, loadConfigFile, parseConfig, parseSize, resolveConfig } from '../../src/config/load.js';
import { MAX_DOCUMENT_DEPTH } from '../../src/util/document.js';
import { TokenscopeError } from '../../src/util/errors.js';
import { DEFAULT_MAX_FILE_SIZE } from '../../src/model/config.js';
import { tempDir, trackTempDirs, writeFiles } from '../helpers/tmp.js';
import { githubPat } from '../helpers/tokens.js';

const track = trackTempDirs();

/** The thrown configuration error, with its detail lines. */
function configFailure(run: () => unknown): { message: string; details: string[] } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(TokenscopeError);
    const e = error as TokenscopeError;
    expect(e.code).toBe('E_CONFIG');
    return { message: e.message, details: e.details };
  }
  throw new Error('expected a configuration error');
}

describe('findConfigFile', () => {
  it('finds the nearest file from the start upward, up to and including the stop folder', () => {
    const root = track(tempDir());
    mkdirSync(join(root, 'a', 'b', 'c'), { recursive: true });
    writeFiles(root, { '.tokenscope.yaml': 'failOn: error\n', 'a/.tokenscope.json': '{}' });
    expect(findConfigFile(join(root, 'a', 'b', 'c'), root)).toBe(join(root, 'a', '.tokenscope.json'));
    expect(findConfigFile(join(root, 'a'), root)).toBe(join(root, 'a', '.tokenscope.json'));
    expect(findConfigFile(root, root)).toBe(join(root, '.tokenscope.yaml'));
  });

  it('prefers .yaml, then .yml, then .json in one folder', () => {
    const root = track(tempDir());
    writeFiles(root, { '.tokenscope.json': '{}', '.tokenscope.yml': '' });
    expect(findConfigFile(root, root)).toBe(join(root, '.tokenscope.yml'));
    writeFiles(root, { '.tokenscope.yaml': '' });
    expect(findConfigFile(root, root)).toBe(join(root, '.tokenscope.yaml'));
  });

  it('never looks above the stop folder, and without one looks only in the start folder', () => {
    const outer = track(tempDir());
    writeFiles(outer, { '.tokenscope.yaml': 'failOn: none\n', 'repo/src/x.txt': '' });
    const repo = join(outer, 'repo');
    expect(findConfigFile(join(repo, 'src'), repo)).toBeUndefined();
    expect(findConfigFile(join(repo, 'src'), undefined)).toBeUndefined();
    expect(findConfigFile(outer, undefined)).toBe(join(outer, '.tokenscope.yaml'));
  });

  it('a start outside the stop folder finds nothing above the start', () => {
    const outer = track(tempDir());
    writeFiles(outer, { '.tokenscope.yaml': '', 'elsewhere/x.txt': '', 'repo/x.txt': '' });
    expect(findConfigFile(join(outer, 'elsewhere'), join(outer, 'repo'))).toBeUndefined();
  });
});

describe('parseConfig: YAML and JSON', () => {
  it('reads the same settings from YAML and JSON', () => {
    const yaml = parseConfig('failOn: error\nexclude: [vendor/**]\nmaxFileSize: 2MB\n', 'c/.tokenscope.yaml');
    const json = parseConfig(
      '{"failOn": "error", "exclude": ["vendor/**"], "maxFileSize": "2MB"}',
      'c/.tokenscope.json',
    );
    expect(yaml).toEqual({ failOn: 'error', exclude: ['vendor/**'], maxFileSize: '2MB' });
    expect(json).toEqual(yaml);
  });

  it('an empty document is no settings; a list or a scalar is an error naming the file', () => {
    expect(parseConfig('', '.tokenscope.yaml')).toEqual({});
    expect(parseConfig('# only a comment\n', '.tokenscope.yaml')).toEqual({});
    expect(configFailure(() => parseConfig('- a\n- b\n', 'x/.tokenscope.yaml')).message).toBe(
      'x/.tokenscope.yaml: must be a mapping of settings (received a list)',
    );
    expect(configFailure(() => parseConfig('42', 'x/.tokenscope.json')).message).toMatch(
      /^x\/\.tokenscope\.json: must be a mapping of settings \(received /,
    );
  });

  it('JSON is parsed as JSON by file name: YAML syntax in a .json file is an error there', () => {
    const { message } = configFailure(() => parseConfig('failOn: error\n', 'x/.tokenscope.json'));
    expect(message).toMatch(/^x\/\.tokenscope\.json: not valid JSON: \S/);
    expect(message.includes('failOn: error')).toBe(false);
    expect(parseConfig('{"failOn": "note"}', 'x/.tokenscope.yaml')).toEqual({ failOn: 'note' });
  });

  it('lists every schema problem at once, each line naming the file', () => {
    const { message, details } = configFailure(() =>
      parseConfig('failOn: critical\nexclude: 3\nnoSuchKey: 1\n', 'x/.tokenscope.yaml'),
    );
    expect(message).toBe(`x/.tokenscope.yaml: invalid configuration (${details.length} problems)`);
    expect(details.length).toBeGreaterThanOrEqual(3);
    for (const line of details) expect(line.startsWith('x/.tokenscope.yaml: ')).toBe(true);
    expect(details.join('\n')).toMatch(/failOn/);
    expect(details.join('\n')).toMatch(/exclude/);
    // A key may be a pasted token too: it is named by its first characters and length only.
    expect(details.join('\n')).toContain('unknown key "no…" (9 characters)');
  });
});

describe('parseConfig: hostile documents get one line, never a crash or the text', () => {
  it('a token in a syntax error is not quoted back', () => {
    const token = githubPat();
    for (const [text, source] of [
      [`failOn: "${token}\n`, 'x/.tokenscope.yaml'],
      [`{"failOn": ${token}}`, 'x/.tokenscope.json'],
    ] as const) {
      const { message, details } = configFailure(() => parseConfig(text, source));
      expect(message.startsWith(`${source}: not valid `)).toBe(true);
      expect(message.includes('\n')).toBe(false);
      expect(`${message}${details.join('')}`.includes(token)).toBe(false);
    }
  });

  it('a token under a wrong key is not echoed in the schema problems', () => {
    const token = githubPat();
    const { details } = configFailure(() => parseConfig(`failOn: ${token}\n`, 'x/.tokenscope.yaml'));
    expect(details.length).toBeGreaterThan(0);
    expect(details.join('\n').includes(token)).toBe(false);
  });

  it('nesting deeper than the limit is refused, in YAML and JSON', () => {
    const depth = MAX_DOCUMENT_DEPTH + 10;
    const json = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    expect(configFailure(() => parseConfig(json, 'x/.tokenscope.json')).message).toBe(
      `x/.tokenscope.json: nested more than ${MAX_DOCUMENT_DEPTH} levels deep`,
    );
    const yaml = `${'['.repeat(depth)}1${']'.repeat(depth)}`;
    expect(configFailure(() => parseConfig(`exclude: ${yaml}\n`, 'x/.tokenscope.yaml')).message).toBe(
      `x/.tokenscope.yaml: nested more than ${MAX_DOCUMENT_DEPTH} levels deep`,
    );
  });

  it('nesting a hundred thousand levels deep does not overflow the stack', () => {
    const depth = 100_000;
    const json = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    expect(configFailure(() => parseConfig(json, 'x/.tokenscope.json')).message).toMatch(/^x\/\.tokenscope\.json: /);
  });

  it('an alias bomb (billion laughs) is refused as invalid YAML, not expanded', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++)
      lines.push(
        `${'abcdefghi'[i]}: &${'abcdefghi'[i]} [${Array(10)
          .fill(`*${'abcdefghi'[i - 1]}`)
          .join(',')}]`,
      );
    lines.push('exclude: *i');
    const { message } = configFailure(() => parseConfig(`${lines.join('\n')}\n`, 'x/.tokenscope.yaml'));
    expect(message).toMatch(/^x\/\.tokenscope\.yaml: /);
    expect(message.includes('\n')).toBe(false);
  });
});

describe('loadConfigFile', () => {
  it('a missing file or a folder is one line naming it', () => {
    const dir = track(tempDir());
    expect(configFailure(() => loadConfigFile(join(dir, 'nope.yaml'))).message).toBe(
      `${join(dir, 'nope.yaml')}: cannot read config file (ENOENT)`,
    );
    expect(configFailure(() => loadConfigFile(dir)).message).toBe(
      `${dir}: cannot read config file (not a regular file)`,
    );
  });

  it('errors from the file name the file as given', () => {
    const dir = track(tempDir());
    writeFiles(dir, { 'bad.yaml': 'failOn: [\n' });
    expect(configFailure(() => loadConfigFile(join(dir, 'bad.yaml'))).message).toMatch(
      new RegExp(`^${join(dir, 'bad.yaml').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: not valid YAML: `),
    );
  });
});

describe('parseSize', () => {
  it.for([
    [2048, 2048],
    ['2048', 2048],
    ['512k', 512 * 1024],
    ['512KB', 512 * 1024],
    ['10MB', 10 * 1024 ** 2],
    ['1.5m', Math.round(1.5 * 1024 ** 2)],
    ['1GiB', 1024 ** 3],
    [' 3 mb ', 3 * 1024 ** 2],
  ] as const)('%s is %i bytes', ([text, bytes]) => {
    expect(parseSize(text)).toBe(bytes);
  });

  it.for(['ten', '10TB', '-1k', '', '1e6'])('%j is an error naming maxFileSize', (text) => {
    expect(configFailure(() => parseSize(text)).message).toBe(
      `maxFileSize: not a size (received ${JSON.stringify(text)})`,
    );
  });
});

describe('resolveConfig: defaults < file < flags', () => {
  it('without a file: the defaults', () => {
    const dir = track(tempDir());
    const config = resolveConfig(dir, dir);
    expect(config.source).toBeUndefined();
    expect(config).toMatchObject({
      failOn: 'warning',
      maxFileSize: DEFAULT_MAX_FILE_SIZE,
      exclude: [],
      defaultExcludes: true,
      disabledDetectors: [],
      customDetectors: [],
      allowlist: [],
      limits: [],
    });
    expect(config.baseline).toBeUndefined();
  });

  it('the file’s settings, with its paths resolved from the file’s folder; flags win', () => {
    const dir = track(tempDir());
    writeFiles(dir, {
      'cfg/.tokenscope.yaml':
        'failOn: note\nmaxFileSize: 1k\nbaseline: base.json\ndetectors:\n  disable: [github.classic-pat]\n  custom: [acme.yaml]\n',
    });
    const start = join(dir, 'cfg');
    const fromFile = resolveConfig(start, dir);
    expect(fromFile.source).toBe(join(dir, 'cfg', '.tokenscope.yaml'));
    expect(fromFile).toMatchObject({
      failOn: 'note',
      maxFileSize: 1024,
      baseline: join(dir, 'cfg', 'base.json'),
      disabledDetectors: ['github.classic-pat'],
      customDetectors: [join(dir, 'cfg', 'acme.yaml')],
    });
    const flagged = resolveConfig(start, dir, { failOn: 'error', maxFileSize: 99, baseline: '/elsewhere/b.json' });
    expect(flagged).toMatchObject({ failOn: 'error', maxFileSize: 99, baseline: '/elsewhere/b.json' });
  });

  it('--config names a file anywhere, even where the search would not look', () => {
    const dir = track(tempDir());
    writeFiles(dir, { 'repo/.tokenscope.yaml': 'failOn: note\n', 'shared/team.yml': 'failOn: none\n' });
    expect(
      resolveConfig(join(dir, 'repo'), join(dir, 'repo'), { configPath: join(dir, 'shared', 'team.yml') }).failOn,
    ).toBe('none');
  });

  it('verify hosts from a file found in the scanned tree are not trusted; from a named file they are', () => {
    const dir = track(tempDir());
    writeFiles(dir, { '.tokenscope.yaml': 'verify:\n  gitlabHosts: [gitlab.corp.example]\n' });
    const found = resolveConfig(dir, dir);
    expect(found.verify).toEqual({ gitlabHosts: [], githubHosts: [] });
    expect(found.untrustedVerifyHosts).toEqual(['gitlab.corp.example']);
    const named = resolveConfig(dir, dir, { configPath: join(dir, '.tokenscope.yaml') });
    expect(named.verify).toEqual({ gitlabHosts: ['gitlab.corp.example'], githubHosts: [] });
    expect(named.untrustedVerifyHosts).toBeUndefined();
  });

  it('an inline config (the library API) is used instead of any file, and trusted', () => {
    const dir = track(tempDir());
    writeFiles(dir, { '.tokenscope.yaml': 'failOn: note\n' });
    const config = resolveConfig(dir, dir, {}, { failOn: 'error', verify: { githubHosts: ['ghe.corp.example'] } });
    expect(config.source).toBeUndefined();
    expect(config.failOn).toBe('error');
    expect(config.verify.githubHosts).toEqual(['ghe.corp.example']);
  });

  it('an invalid file found by searching is an error naming it', () => {
    const dir = track(tempDir());
    writeFiles(dir, { '.tokenscope.yaml': 'failOn: critical\n' });
    const { message } = configFailure(() => resolveConfig(dir, dir));
    expect(message).toBe(`${join(dir, '.tokenscope.yaml')}: invalid configuration (1 problem)`);
  });
});
