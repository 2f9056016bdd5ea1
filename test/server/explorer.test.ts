import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explorerHandler } from '../../local/server/explorer.js';
import { startTestServer, type TestServer } from '../engine/server-fixture.js';
import { miniApi } from '../fixtures/mini-api/wiring.js';

const root = fileURLToPath(new URL('../fixtures/mini-api/', import.meta.url));
let server: TestServer;
let html: string;
let assetPaths: string[];

const get = (path: string, headers: Record<string, string> = {}): Promise<Response> => fetch(`${server.stack.url}${path}`, { headers });

beforeAll(async () => {
  server = await startTestServer(root, miniApi);
  html = await (await get('/')).text();
  assetPaths = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '');
});
afterAll(() => server.close());

describe('the explorer page', () => {
  it('is HTML that the browser must not cache, with a policy allowing only this origin', async () => {
    const response = await get('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=UTF-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("connect-src 'self'");
  });

  it('references only local assets: React, ReactDOM, GraphiQL and its own script and style', () => {
    expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
    expect(html).not.toMatch(/@import|url\(http/);
    const local = assetPaths.filter((p) => p !== 'data:,');
    expect(local.every((p) => p.startsWith('/explorer/'))).toBe(true);
    expect(local).toEqual(expect.arrayContaining([
      expect.stringMatching(/^\/explorer\/vendor\/react@18\.[\d.]+\/react\.production\.min\.js$/),
      expect.stringMatching(/^\/explorer\/vendor\/react-dom@18\.[\d.]+\/react-dom\.production\.min\.js$/),
      expect.stringMatching(/^\/explorer\/vendor\/graphiql@3\.[\d.]+\/index\.umd\.js$/),
      expect.stringMatching(/^\/explorer\/vendor\/graphiql@3\.[\d.]+\/style\.css$/),
      '/explorer/explorer.js',
      '/explorer/explorer.css',
    ]));
  });

  it('carries the endpoints and the generic default query as JSON the page reads', () => {
    const json = /<script type="application\/json" id="explorer-config">([^<]*)<\/script>/.exec(html)?.[1];
    const config = JSON.parse(json ?? 'null') as { endpoints: Record<string, string>; defaultQuery: string };
    expect(config.endpoints).toEqual(server.stack.endpoints);
    expect(config.defaultQuery).toContain('__typename');
    expect(config.defaultQuery).not.toMatch(/order/i);
  });

  it('offers an API key field, prefilled with a key valid now, because the API has the API_KEY mode', async () => {
    const configOf = (page: string) => JSON.parse(/id="explorer-config">([^<]*)<\/script>/.exec(page)?.[1] ?? 'null') as { apiKey?: string | null };
    expect(html).toContain('<form id="api-key-form"');
    expect(configOf(html).apiKey).toBeNull();
    const key = server.stack.apiKeys?.create();
    expect(configOf(await (await get('/')).text()).apiKey).toBe(key?.id);
    server.stack.apiKeys?.revoke(key?.id ?? '');
  });

  it('serves every referenced asset with its type, an ETag and cache headers', async () => {
    for (const path of assetPaths.filter((p) => p.startsWith('/'))) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      const type = path.endsWith('.js') ? 'text/javascript; charset=UTF-8' : 'text/css; charset=UTF-8';
      expect(response.headers.get('content-type'), path).toBe(type);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('etag')).toMatch(/^"[\w-]+"$/);
      const vendored = path.startsWith('/explorer/vendor/');
      expect(response.headers.get('cache-control')).toBe(vendored ? 'public, max-age=31536000, immutable' : 'no-cache');
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(100);
    }
  });

  it('answers 304 to a revalidation with the current ETag', async () => {
    const first = await get('/explorer/explorer.js');
    const etag = first.headers.get('etag') ?? '';
    const again = await get('/explorer/explorer.js', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('serves GraphiQL source map next to its bundle, which names it', async () => {
    const bundle = assetPaths.find((p) => p.endsWith('/index.umd.js')) ?? '';
    expect(await (await get(bundle)).text()).toMatch(/sourceMappingURL=index\.umd\.js\.map\s*$/);
    const map = await get(`${bundle}.map`);
    expect(map.status).toBe(200);
    expect(map.headers.get('content-type')).toBe('application/json; charset=UTF-8');
  });

  it.each([
    '/explorer/../package.json',
    '/explorer/%2e%2e/package.json',
    '/explorer/..%2f..%2fpackage.json',
    '/explorer/vendor/react@18.3.1/../../../../package.json',
    '/explorer/vendor/graphiql@3.9.0/index.js',
    '/explorer/explorer.ts',
    '/explorer/assets.ts',
    '/explorer/index.html',
    '/explorer//etc/passwd',
    '/explorer/vendor/react@0.0.0/react.production.min.js',
  ])('refuses %s with 404', async (path) => {
    // fetch() would normalise dot segments itself; a raw request line sends them as written.
    const { status } = await rawGet(path);
    expect(status).toBe(404);
  });

  it('takes the default query and title from its options, keeping the server generic', async () => {
    const handler = explorerHandler(() => ({ graphql: 'http://x/graphql' }), { defaultQuery: '{ echo(text: "</script>") }', title: 'Mini <API>' });
    const captured: { status?: number; body?: string } = {};
    const response = {
      writeHead(status: number) {
        captured.status = status;
        return response;
      },
      end(body: string) {
        captured.body = body;
      },
    };
    handler({ url: '/', headers: {} } as never, response as never);
    expect(captured.status).toBe(200);
    expect(captured.body).toContain('<title>Mini &#60;API&#62;</title>');
    const json = /id="explorer-config">([^<]*)<\/script>/.exec(captured.body ?? '')?.[1] ?? 'null';
    expect(JSON.parse(json)).toEqual({ endpoints: { graphql: 'http://x/graphql' }, defaultQuery: '{ echo(text: "</script>") }' });
  });
});

function rawGet(path: string): Promise<{ status: number }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.stack.port, path, method: 'GET' }, (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0 });
    });
    req.on('error', reject);
    req.end();
  });
}
