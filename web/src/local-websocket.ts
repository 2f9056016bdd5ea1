/**
 * Amplify opens `wss://<host>/graphql/realtime` for any endpoint that is not an appsync-api domain, whatever the
 * endpoint's scheme. Offline the API is plain http, so before Amplify connects, this replaces the global WebSocket
 * with one that opens `ws://` instead, for that one host only. The deployed config is always https, where this is
 * never installed.
 */
export function realtimeUrlFor(requested: string, graphqlUrl: string): string {
  const api = new URL(graphqlUrl);
  if (api.protocol !== 'http:') return requested;
  const url = new URL(requested);
  if (url.protocol !== 'wss:' || url.host !== api.host) return requested;
  url.protocol = 'ws:';
  return url.toString();
}

/** The constructor as Amplify calls it: `new WebSocket(url, protocols)`. */
type WebSocketClass = new (url: string | URL, protocols?: string | string[]) => WebSocket;

export function installPlainWebSocketFor(graphqlUrl: string, target: { WebSocket: WebSocketClass } = globalThis): void {
  if (new URL(graphqlUrl).protocol !== 'http:') return;
  const Native = target.WebSocket;
  // A subclass keeps readyState constants, instanceof and every event API as the browser's own.
  class PlainLocalWebSocket extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(realtimeUrlFor(String(url), graphqlUrl), protocols);
    }
  }
  target.WebSocket = PlainLocalWebSocket;
}
