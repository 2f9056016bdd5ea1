import type { IncomingMessage, ServerResponse } from 'node:http';
import { AssetStore, explorerAssets } from './explorer/assets.js';
import { PAGE_SECURITY_POLICY, renderPage } from './explorer/page.js';
import { sendJson } from './http-util.js';

export interface ExplorerOptions {
  /** The query GraphiQL opens with (the first time only: GraphiQL keeps its tabs in the browser's storage). */
  defaultQuery?: string;
  title?: string;
  /** Given when the API has the API_KEY mode: the page offers to send a key (this one's, prefilled) instead of signing in. */
  apiKey?: () => string | undefined;
}

const GENERIC_QUERY = `# Sign in above, then write a query here.
# Ctrl-Enter runs it.
{
  __typename
}
`;

/** The query explorer (GraphiQL served from node_modules, offline) with a sign-in form for local users. */
export function explorerHandler(endpoints: () => Record<string, string>, options: ExplorerOptions = {}) {
  const assets = explorerAssets();
  const store = new AssetStore([...assets.scripts, ...assets.styles, ...assets.other]);
  const title = options.title ?? 'GraphQL explorer';
  const defaultQuery = options.defaultQuery ?? GENERIC_QUERY;

  return (request: IncomingMessage, response: ServerResponse): void => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    if (path === '/' || path === '/explorer/') {
      const apiKey = options.apiKey ? { apiKey: options.apiKey() ?? null } : {};
      const html = renderPage(title, assets, { endpoints: endpoints(), defaultQuery, ...apiKey });
      response.writeHead(200, {
        'content-type': 'text/html; charset=UTF-8',
        'content-length': Buffer.byteLength(html),
        // The page carries this run's endpoints (the port may change between runs).
        'cache-control': 'no-store',
        'content-security-policy': PAGE_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
      });
      response.end(html);
      return;
    }
    // Exact lookup in the allow-list: a traversal like /explorer/../x or %2e%2e simply matches nothing.
    const asset = store.get(path);
    if (!asset) {
      sendJson(response, 404, { errors: [{ errorType: 'NotFound', message: `No explorer asset at ${path}` }] });
      return;
    }
    if (request.headers['if-none-match'] === asset.etag) {
      const { 'content-type': _type, ...headers } = asset.headers;
      response.writeHead(304, headers).end();
      return;
    }
    response.writeHead(200, { ...asset.headers, 'content-length': asset.body.length }).end(asset.body);
  };
}
