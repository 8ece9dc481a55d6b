// The CLI bundle's V8 code cache: where it lives, that it is only ever an optimisation (a missing,
// corrupt, stale or unwritable cache changes nothing but speed), and that a cached load runs the
// same code.

import { chmodSync, existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheTarget, loadBundle, readCache, writeCache, type CacheTarget } from '../../src/cli/code-cache.js';
import { removeDir, tempDir } from '../helpers/tmp.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));
function dir(): string {
  const d = tempDir('tokenscope-code-cache-');
  dirs.push(d);
  return d;
}

/** A small CommonJS bundle in the shape the build writes: uses require and the module URL. */
function bundle(body = ''): string {
  const file = join(dir(), 'bundle.cjs');
  writeFileSync(
    file,
    [
      '"use strict";',
      'const { basename } = require("node:path");',
      'function twice(n) { return n * 2; }',
      `module.exports = { twice, name: basename(__filename), url: __tokenscopeModuleUrl, dir: __dirname };${body}`,
    ].join('\n'),
  );
  return file;
}

function targetIn(cacheHome: string, file: string): CacheTarget {
  const target = cacheTarget(file, 'abc123', 'scan', { XDG_CACHE_HOME: cacheHome });
  if (!target) throw new Error('expected a cache target');
  return target;
}

describe('cacheTarget', () => {
  it('lives under XDG_CACHE_HOME/tokenscope, keyed by build hash, command and Node version', () => {
    const file = bundle();
    const home = dir();
    const target = targetIn(home, file);
    expect(target.file.startsWith(join(home, 'tokenscope', 'cli-abc123-scan-node'))).toBe(true);
    expect(target.file.endsWith(`${process.versions.node}-${process.arch}.v8cache`)).toBe(true);
  });

  it('falls back to ~/.cache when XDG_CACHE_HOME is unset or relative (never the working folder)', () => {
    const file = bundle();
    const home = dir();
    for (const env of [{ HOME: home }, { HOME: home, XDG_CACHE_HOME: 'relative/cache' }]) {
      expect(cacheTarget(file, 'h', 'scan', env)?.file.startsWith(join(home, '.cache', 'tokenscope'))).toBe(true);
    }
  });

  it('is off with TOKENSCOPE_NO_CODE_CACHE, without a build hash, or without the bundle', () => {
    const file = bundle();
    const env = { XDG_CACHE_HOME: dir() };
    expect(cacheTarget(file, 'h', 'scan', { ...env, TOKENSCOPE_NO_CODE_CACHE: '1' })).toBeUndefined();
    expect(cacheTarget(file, 'h', 'scan', { ...env, TOKENSCOPE_NO_CODE_CACHE: '0' })).toBeDefined();
    expect(cacheTarget(file, undefined, 'scan', env)).toBeUndefined();
    expect(cacheTarget(join(dir(), 'missing.cjs'), 'h', 'scan', env)).toBeUndefined();
  });
});

describe('readCache and writeCache', () => {
  it('round-trips a payload, and creates the folder', () => {
    const target = targetIn(join(dir(), 'not', 'yet'), bundle());
    const payload = Buffer.from('payload bytes '.repeat(100));
    expect(writeCache(target, payload)).toBe(true);
    expect(readCache(target)?.equals(payload)).toBe(true);
    // Written under a temporary name and renamed: nothing else is left in the folder.
    expect(readdirSync(join(target.file, '..'))).toHaveLength(1);
  });

  it('ignores a corrupt, truncated, foreign or stale file', () => {
    const file = bundle();
    const target = targetIn(dir(), file);
    const payload = Buffer.alloc(4096, 7);
    writeCache(target, payload);
    const whole = readFileSync(target.file);

    const flipped = Buffer.from(whole);
    flipped[whole.length - 100] = flipped[whole.length - 100]! ^ 0xff;
    writeFileSync(target.file, flipped);
    expect(readCache(target)).toBeUndefined();

    writeFileSync(target.file, whole.subarray(0, whole.length - 1));
    expect(readCache(target)).toBeUndefined();

    writeFileSync(target.file, 'not a cache at all');
    expect(readCache(target)).toBeUndefined();

    // Made from another file with the same name (the bundle was rebuilt or edited in place).
    writeFileSync(target.file, whole);
    expect(readCache(target)).toBeDefined();
    expect(readCache({ ...target, size: target.size + 1 })).toBeUndefined();
    expect(readCache({ ...target, mtimeMs: target.mtimeMs + 1 })).toBeUndefined();
  });

  it('a cache file or folder others can write is never read (cached data is code V8 runs)', () => {
    const target = targetIn(dir(), bundle());
    writeCache(target, Buffer.from('payload'));
    expect(readCache(target)).toBeDefined();
    chmodSync(target.file, 0o666);
    expect(readCache(target)).toBeUndefined();
    chmodSync(target.file, 0o600);
    chmodSync(join(target.file, '..'), 0o777);
    expect(readCache(target)).toBeUndefined();
    chmodSync(join(target.file, '..'), 0o700);
    expect(readCache(target)).toBeDefined();
  });

  it('a folder that cannot be written leaves the run uncached, without an error', () => {
    const blocker = join(dir(), 'a-file');
    writeFileSync(blocker, 'x');
    // A cache home below a regular file: mkdir fails (root ignores permission bits, not this).
    const target = targetIn(join(blocker, 'cache'), bundle());
    expect(writeCache(target, Buffer.from('x'))).toBe(false);
    expect(readCache(target)).toBeUndefined();
  });

  it('removes cache files of other builds once they are old, and keeps recent ones', () => {
    const home = dir();
    const file = bundle();
    const old = cacheTarget(file, 'oldbuild', 'scan', { XDG_CACHE_HOME: home })!;
    const recent = cacheTarget(file, 'otherbuild', 'scan', { XDG_CACHE_HOME: home })!;
    writeCache(old, Buffer.from('a'));
    writeCache(recent, Buffer.from('b'));
    const longAgo = new Date(Date.now() - 60 * 24 * 60 * 60 * 1000);
    utimesSync(old.file, longAgo, longAgo);
    writeCache(targetIn(home, file), Buffer.from('c'));
    expect(existsSync(old.file)).toBe(false);
    expect(existsSync(recent.file)).toBe(true);
  });
});

describe('loadBundle', () => {
  it('runs the bundle with require, __filename, __dirname and its file URL; without a target it never saves', () => {
    const file = bundle();
    const loaded = loadBundle(file, undefined);
    const exports = loaded.exports as { twice: (n: number) => number; name: string; url: string; dir: string };
    expect(exports.twice(21)).toBe(42);
    expect(exports.name).toBe('bundle.cjs');
    expect(exports.url).toBe(`file://${file}`);
    expect(exports.dir).toBe(join(file, '..'));
    expect(loaded.save).toBeUndefined();
  });

  it('saves a cache V8 accepts on the next load, and the cached load runs the same code', () => {
    const file = bundle();
    const target = targetIn(dir(), file);
    const first = loadBundle(file, target);
    expect(first.save?.()).toBe(true);
    const second = loadBundle(file, target);
    // Accepted: nothing to save again.
    expect(second.save).toBeUndefined();
    expect((second.exports as { twice: (n: number) => number }).twice(4)).toBe(8);
  });

  it('a corrupt cache file is ignored, the bundle still runs, and the cache is rewritten', () => {
    const file = bundle();
    const target = targetIn(dir(), file);
    loadBundle(file, target).save?.();
    const bytes = readFileSync(target.file);
    for (let i = 40; i < bytes.length; i += 7) bytes[i] = bytes[i]! ^ 0x5a;
    writeFileSync(target.file, bytes);
    const loaded = loadBundle(file, target);
    expect((loaded.exports as { twice: (n: number) => number }).twice(5)).toBe(10);
    expect(loaded.save?.()).toBe(true);
    expect(readCache(target)).toBeDefined();
  });
});

describe('cacheTarget inside the repository', () => {
  it('is off when the cache folder would be inside the folder to keep clean (HOME in the checkout)', () => {
    const file = bundle();
    const repo = dir();
    expect(cacheTarget(file, 'h', 'scan', { HOME: repo }, repo)).toBeUndefined();
    expect(cacheTarget(file, 'h', 'scan', { XDG_CACHE_HOME: join(repo, 'sub') }, repo)).toBeUndefined();
    expect(cacheTarget(file, 'h', 'scan', { XDG_CACHE_HOME: dir() }, repo)).toBeDefined();
  });
});
