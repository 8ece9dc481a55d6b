// Unit tests of the shard planner: list parsing, balancing, limits and determinism.
import { describe, expect, it } from 'vitest';
import {
  MAX_SHARDS,
  parseManifest,
  parseRepositoryList,
  planShards,
  stripCredentials,
  type PlannedRepository,
} from '../../src/org/manifest.js';
import { TokenscopeError } from '../../src/util/errors.js';

const repos = (n: number, size?: (i: number) => number): PlannedRepository[] =>
  Array.from({ length: n }, (_, i) => ({
    name: `acme/r${String(i).padStart(3, '0')}`,
    url: `https://github.com/acme/r${i}.git`,
    ...(size ? { size: size(i) } : {}),
  }));

describe('parseRepositoryList', () => {
  it('reads owner/name, URLs, scp-style remotes, absolute paths, sizes and comments', () => {
    const text = [
      '# platform team',
      'acme/api 1200',
      'https://gitlab.example.com/acme/web.git   # trailing comment',
      'git@github.com:acme/infra.git',
      '/srv/git/legacy',
      '',
    ].join('\n');
    const { repositories, warnings } = parseRepositoryList(text, 'repos.txt');
    expect(warnings).toEqual([]);
    expect(repositories).toEqual([
      { name: 'acme/api', url: 'https://github.com/acme/api.git', size: 1200 },
      { name: 'gitlab.example.com/acme/web', url: 'https://gitlab.example.com/acme/web.git' },
      { name: 'github.com/acme/infra', url: 'git@github.com:acme/infra.git' },
      { name: '/srv/git/legacy', url: 'file:///srv/git/legacy' },
    ]);
  });

  it('reads gh repo list --json output', () => {
    const json = JSON.stringify([
      { nameWithOwner: 'acme/b', diskUsage: 10 },
      { nameWithOwner: 'acme/a', diskUsage: 300 },
    ]);
    expect(parseRepositoryList(json, 'gh.json', 'https://ghe.example.com/').repositories).toEqual([
      { name: 'acme/b', url: 'https://ghe.example.com/acme/b.git', size: 10 },
      { name: 'acme/a', url: 'https://ghe.example.com/acme/a.git', size: 300 },
    ]);
  });

  it('drops credentials from clone URLs and says so, without repeating them', () => {
    const secretPart = 'hunter2-not-real';
    const { repositories, warnings } = parseRepositoryList(
      `https://bot:${secretPart}@git.example.com/acme/x.git\n`,
      'list',
    );
    expect(repositories[0]!.url).toBe('https://git.example.com/acme/x.git');
    expect(warnings).toHaveLength(1);
    expect(warnings.join('').includes(secretPart)).toBe(false);
    expect(stripCredentials(`ssh://git:${secretPart}@host/x`)).toBe('ssh://host/x');
  });

  it('plans a repository listed twice once, with a warning', () => {
    const { repositories, warnings } = parseRepositoryList('acme/a\nacme/a\n', 'list');
    expect(repositories).toHaveLength(1);
    expect(warnings[0]).toContain('listed twice');
  });

  it.each([
    ['--upload-pack=evil', /leading dash/],
    ['acme/a notasize', /not a number/],
    ['relative/path/to/../x', /neither owner\/name/],
    ['acme/a 1 2', /expected "repository \[size\]"/],
  ])('rejects %j with a one-line error naming the line', (line, message) => {
    expect(() => parseRepositoryList(`${line}\n`, 'repos.txt')).toThrow(message);
    expect(() => parseRepositoryList(`${line}\n`, 'repos.txt')).toThrow(/^repos\.txt:1: /);
  });

  it('rejects malformed JSON naming the file', () => {
    expect(() => parseRepositoryList('[{"nameWithOwner": ', 'gh.json')).toThrow(/^gh\.json: not valid JSON/);
  });
});

describe('planShards', () => {
  it('balances by size: largest first onto the lightest shard', () => {
    const input = [
      { name: 'a', url: 'file:///a', size: 100 },
      { name: 'b', url: 'file:///b', size: 60 },
      { name: 'c', url: 'file:///c', size: 50 },
      { name: 'd', url: 'file:///d', size: 10 },
    ];
    const { manifest } = planShards(input, { shards: 2 });
    expect(manifest.shards.map((s) => s.repositories.map((r) => r.name))).toEqual([
      ['a', 'd'],
      ['b', 'c'],
    ]);
    expect(manifest.shards.map((s) => s.weight)).toEqual([110, 110]);
    expect(manifest.matrix).toEqual({ shard: [0, 1] });
  });

  it('is deterministic: the same list in any order gives the same manifest', () => {
    const input = repos(50, (i) => (i * 37) % 11);
    const a = planShards(input, { shards: 7 }).manifest;
    const b = planShards([...input].reverse(), { shards: 7 }).manifest;
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(a.shards.flatMap((s) => s.repositories).length).toBe(50);
  });

  it('caps at 256 shards: an explicit larger count is an error, a derived one a warning', () => {
    expect(() => planShards(repos(300), { shards: MAX_SHARDS + 1 })).toThrow(TokenscopeError);
    expect(() => planShards(repos(300), { shards: MAX_SHARDS + 1 })).toThrow(/at most 256 shards/);
    const { manifest, warnings } = planShards(repos(3000), { reposPerShard: 5 });
    expect(manifest.shards).toHaveLength(MAX_SHARDS);
    expect(warnings[0]).toMatch(/need 600 shards.*at most 256/);
    expect(Math.max(...manifest.shards.map((s) => s.repositories.length))).toBe(Math.ceil(3000 / 256));
  });

  it('never plans empty shards and refuses an empty list', () => {
    const { manifest, warnings } = planShards(repos(3), { shards: 10 });
    expect(manifest.shards).toHaveLength(3);
    expect(warnings[0]).toContain('only 3 repositories');
    expect(() => planShards([], {})).toThrow(/empty/);
  });
});

describe('parseManifest', () => {
  it('round-trips a plan and rejects what is not one', () => {
    const { manifest } = planShards(repos(5), { shards: 2 });
    expect(parseManifest(JSON.stringify(manifest), 'm.json')).toEqual(manifest);
    expect(() => parseManifest('{"kind":"other"}', 'm.json')).toThrow(/^m\.json: not a tokenscope shard manifest/);
    const tampered = {
      ...manifest,
      shards: [
        { ...manifest.shards[0]!, repositories: [{ name: 'x', url: '--upload-pack=evil' }] },
        manifest.shards[1],
      ],
    };
    expect(() => parseManifest(JSON.stringify(tampered), 'm.json')).toThrow(/malformed repository/);
  });
});
