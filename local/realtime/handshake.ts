/**
 * The connection's credentials, as AppSync's real-time endpoint takes them at the WebSocket handshake: a `header`
 * query parameter holding base64 JSON (`{"Authorization": …, "host": …}`), or, as Amplify JS sends it, a
 * `header-<base64url JSON>` subprotocol offered beside `graphql-ws`. The `payload` parameter is `e30=` (`{}`).
 */
export const SUBPROTOCOL = 'graphql-ws';
const HEADER_PROTOCOL_PREFIX = 'header-';

export class MalformedHandshakeError extends Error {
  override readonly name = 'MalformedHandshakeError';
}

/** Lower-cased header names with string values; undefined when the handshake carries no credentials at all. */
export function handshakeHeaders(url: URL, protocols: readonly string[]): Record<string, string> | undefined {
  const fromQuery = url.searchParams.get('header');
  const fromProtocol = protocols.find((p) => p.startsWith(HEADER_PROTOCOL_PREFIX))?.slice(HEADER_PROTOCOL_PREFIX.length);
  const encoded = fromQuery ?? fromProtocol;
  return encoded === undefined || encoded === '' ? undefined : decodeHeaders(encoded);
}

/**
 * base64 or base64url, padded or not (clients differ), holding a JSON object of headers. A `+` of base64 sent
 * in a query string without percent-encoding reads back as a space.
 */
export function decodeHeaders(encoded: string): Record<string, string> {
  let value: unknown;
  try {
    const base64 = encoded.replace(/ /g, '+').replace(/-/g, '+').replace(/_/g, '/');
    value = JSON.parse(Buffer.from(base64, 'base64').toString('utf8'));
  } catch {
    throw new MalformedHandshakeError('The header parameter is not base64-encoded JSON');
  }
  return headersOf(value);
}

/** Header maps arrive with any case (`Authorization`, `host`); the authenticators read lower-case names. */
export function headersOf(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new MalformedHandshakeError('The authorization headers must be a JSON object');
  }
  const headers: Record<string, string> = {};
  for (const [name, header] of Object.entries(value)) {
    if (typeof header === 'string') headers[name.toLowerCase()] = header;
  }
  return headers;
}

/** The subprotocols a handshake offers, from `Sec-WebSocket-Protocol`. */
export function offeredProtocols(header: string | string[] | undefined): string[] {
  const joined = Array.isArray(header) ? header.join(',') : (header ?? '');
  return joined.split(',').map((p) => p.trim()).filter((p) => p.length > 0);
}
