import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../local/server/local-stack.js';
import { WebAppOptionError } from '../../local/server/web-app.js';
import { miniApi } from '../fixtures/mini-api/wiring.js';

// The generic engine serves any built app next to any API: here a hand-made "build" beside the mini API.
const root = fileURLToPath(new URL('../fixtures/mini-api/', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'web-app-serve-'));
const appDir = join(scratch, 'dist');
let stack: LocalStack;

beforeAll(async () => {
  mkdirSync(join(appDir, 'assets'), { recursive: true });
  writeFileSync(join(appDir, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(appDir, 'assets', 'main-abc123.js'), 'console.log(1);');
  writeFileSync(join(appDir, '.build-stamp.json'), '{}');
  writeFileSync(join(scratch, 'secret.txt'), 'outside');
  stack = await startLocalStack({ rootDir: root, wiring: miniApi, dataDir: join(scratch, 'data'), port: 0, webApp: { dir: appDir, path: '/ui/' } });
}, 60_000);

afterAll(async () => {
  await stack?.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** The path sent exactly as written: fetch would resolve `..` segments before sending. */
function rawStatus(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    request(`${stack.url}/`, { path }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    }).on('error', reject).end();
  });
}

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${stack.url}${path}`, { headers, redirect: 'manual' });

describe('a web app served by the local stack', () => {
  it("reports the app's URL in /health and serves a config.json made from the stack's own endpoints", async () => {
    const health = (await (await get('/health')).json()) as Record<string, string>;
    expect(health.app).toBe(`${stack.url}/ui/`);
    const response = await get('/ui/config.json');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({
      region: stack.pool.region,
      userPoolId: stack.pool.poolId,
      userPoolClientId: stack.pool.clientId,
      graphqlUrl: `${stack.url}/graphql`,
      userPoolEndpoint: `${stack.url}/cognito`,
    });
  });

  it('puts a key that is valid now in config.json when the API has the API_KEY mode, and none once it is revoked', async () => {
    const keys = stack.apiKeys;
    expect(keys).toBeDefined();
    const short = keys?.create({ days: 1 });
    const long = keys?.create({ days: 30 });
    expect(await (await get('/ui/config.json')).json()).toMatchObject({ apiKey: long?.id, graphqlUrl: `${stack.url}/graphql` });
    keys?.revoke(long?.id ?? '');
    expect(((await (await get('/ui/config.json')).json()) as { apiKey?: string }).apiKey).toBe(short?.id);
    keys?.revoke(short?.id ?? '');
    expect(await (await get('/ui/config.json')).json()).not.toHaveProperty('apiKey');
  });

  it('serves index.html under a policy that allows only this server, and hashed assets for good', async () => {
    const page = await get('/ui/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=UTF-8');
    expect(await page.text()).toContain('<title>app</title>');
    const policy = page.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain(`connect-src 'self' ${stack.url} ${stack.url.replace('http', 'ws')}`);
    expect(policy).not.toMatch(/unsafe-(inline|eval)/);
    const asset = await get('/ui/assets/main-abc123.js');
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=UTF-8');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    const again = await get('/ui/assets/main-abc123.js', { 'if-none-match': asset.headers.get('etag') ?? '' });
    expect(again.status).toBe(304);
  });

  it('redirects the bare path, falls back to index.html for app routes, and serves nothing else', async () => {
    const bare = await get('/ui');
    expect([bare.status, bare.headers.get('location')]).toEqual([301, '/ui/']);
    expect(await (await get('/ui/orders/42')).text()).toContain('<title>app</title>');
    for (const path of ['/ui/assets/missing.js', '/ui/.build-stamp.json', '/ui/../secret.txt', '/ui/%2e%2e/secret.txt', '/ui/assets/%2e%2e/%2e%2e/secret.txt']) {
      expect([path, await rawStatus(path)]).toEqual([path, 404]);
    }
  });

  it('refuses a path that is not a directory path', async () => {
    await expect(startLocalStack({ rootDir: root, wiring: miniApi, dataDir: join(scratch, 'data2'), port: 0, webApp: { dir: appDir, path: '/ui' } }))
      .rejects.toThrow(WebAppOptionError);
  });
});
