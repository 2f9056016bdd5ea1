import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { DIST_DIR, ensureWebAppBuilt, isWebAppStale } from '../../web/build-app.js';
import { FIRST_LOAD_BUDGET_BYTES, measureFirstLoadJs } from '../../web/first-load-size.js';
import { WEB_SETUP_TIMEOUT } from './app-fixture.js';

const scratch = mkdtempSync(join(tmpdir(), 'first-load-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the web app build', () => {
  it('is built (when stale) into web/dist, and its first load stays within 350 KB of gzipped JavaScript', async () => {
    const dist = await ensureWebAppBuilt({ log: () => undefined });
    expect(dist).toBe(DIST_DIR);
    expect(isWebAppStale()).toBe(false);
    const size = measureFirstLoadJs(dist);
    expect(size.files.length).toBeGreaterThan(0);
    expect(size.files.every((file) => file.path.startsWith('assets/') && file.path.endsWith('.js'))).toBe(true);
    expect(size.gzipBytes).toBeGreaterThan(0);
    expect(size.gzipBytes).toBeLessThanOrEqual(FIRST_LOAD_BUDGET_BYTES);
  }, WEB_SETUP_TIMEOUT);

  it('counts the module scripts and module preloads of index.html, and nothing else', () => {
    mkdirSync(join(scratch, 'assets'));
    const files = { 'entry.js': 'console.log("entry");'.repeat(50), 'vendor.js': 'export const v = 1;'.repeat(80), 'lazy.js': 'x', 'style.css': 'body{}' };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(scratch, 'assets', name), text);
    writeFileSync(join(scratch, 'index.html'), `<!doctype html><html><head>
      <script type="module" crossorigin src="/app/assets/entry.js"></script>
      <link rel="modulepreload" crossorigin href="/app/assets/vendor.js">
      <link rel="stylesheet" href="/app/assets/style.css">
      <link rel="prefetch" href="/app/assets/lazy.js">
    </head><body></body></html>`);
    const size = measureFirstLoadJs(scratch);
    expect(size.files.map((file) => file.path)).toEqual(['assets/entry.js', 'assets/vendor.js']);
    const gzip = (text: string) => gzipSync(text, { level: 9 }).length;
    expect(size.gzipBytes).toBe(gzip(files['entry.js']) + gzip(files['vendor.js']));
  });
});
