// The HTML report in a real browser: headless Chromium (Debian's, installed by .ci/run) loads the
// self-contained page, runs its script under the page's Content-Security-Policy, and the test
// reads what it rendered: counts, the privilege × reach matrix, the filter, and a hostile file
// name shown as text rather than run. It also takes a screenshot. Skipped without chromium.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli } from '../helpers/run-cli.js';
import { tempDir, writeFiles } from '../helpers/tmp.js';
import { githubPat } from '../helpers/tokens.js';

const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const HOSTILE = '<img src=x onerror=alert(1)>.env';

function browser(args: string[], profile: string): string {
  const r = spawnSync(
    chromium!,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${profile}`,
      ...args,
    ],
    { encoding: 'utf8', timeout: 90_000, maxBuffer: 32 * 1024 * 1024 },
  );
  return r.stdout;
}

describe.skipIf(!chromium)('HTML report in headless Chromium', () => {
  const dir = tempDir('tokenscope-html-');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const tokens = [githubPat(), githubPat()];
  let url = '';

  beforeAll(() => {
    assertBuilt();
    writeFiles(dir, {
      [HOSTILE]: `GITHUB_TOKEN=${tokens[0]}\n`,
      'src/deploy.ts': `const octokit = new Octokit({ auth: "${tokens[1]}" });\n`,
    });
    const r = runCli(['scan', '.', '-o', 'report.html'], { cwd: dir });
    expect(r.status).toBe(1);
    url = pathToFileURL(join(dir, 'report.html')).href;
  });

  it('is one self-contained file that holds no secret', () => {
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).not.toMatch(/<(link|img|iframe)\b|src=["']?https?:/i);
    for (const t of tokens) expect(html.includes(t)).toBe(false);
  });

  it('renders the counts, the matrix and the hostile file name as text', () => {
    const dom = browser(['--dump-dom', url], join(dir, 'profile-a'));
    expect(dom).toContain('id="summary" data-findings="2"');
    // Both PATs are destructive with account reach: the alarming cell holds 2.
    expect(dom).toMatch(
      /<td class="cell d3" data-privilege="destructive" data-breadth="account" data-count="2">2<\/td>/,
    );
    // The script ran (CSP allowed it by hash): the shown-count was written by it.
    expect(dom).toContain('<span id="shown">2</span>');
    expect(dom).toContain('&lt;img src=x onerror=alert(1)&gt;.env');
    expect(dom).not.toMatch(/<img\b/i);
  });

  it('filters by the URL fragment', () => {
    // Only the token in source code is misplaced; the one in the .env file is not.
    const dom = browser(['--dump-dom', `${url}#policy=misplaced`], join(dir, 'profile-b'));
    expect(dom).toContain('<span id="shown">1</span>');
    expect(dom.match(/<tr class="finding"[^>]*hidden/g)?.length).toBe(1);
    expect(dom).toMatch(/<section class="file" data-path="&lt;img[^"]*" hidden/);
  });

  it('takes a screenshot', () => {
    const shot = join(dir, 'report.png');
    browser([`--screenshot=${shot}`, '--window-size=1280,1400', url], join(dir, 'profile-c'));
    expect(existsSync(shot) && statSync(shot).size > 10_000).toBe(true);
  });
});
