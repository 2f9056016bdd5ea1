import type { StartErrorEntry, SubscriberPayload } from '../engine/subscriptions/index.js';

/**
 * The messages of AppSync's real-time protocol (subprotocol `graphql-ws`, not the graphql-ws npm package's
 * `graphql-transport-ws`), as local/PROTOCOL.md lists them.
 */
export type ServerMessage =
  | { type: 'connection_ack'; payload: { connectionTimeoutMs: number } }
  | { type: 'connection_error'; payload: { errors: ErrorEntry[] } }
  | { type: 'ka' }
  | { type: 'start_ack'; id: string }
  | { type: 'data'; id: string; payload: SubscriberPayload }
  | { type: 'complete'; id: string }
  | { type: 'error'; id?: string; payload: { errors: ErrorEntry[] } };

export type ErrorEntry = StartErrorEntry;

export interface StartMessage {
  type: 'start';
  id: string;
  payload: { data?: unknown; extensions?: { authorization?: unknown } };
}

export type ClientMessage = { type: 'connection_init' } | StartMessage | { type: 'stop'; id: string } | { type: 'unknown' };

/** AppSync's answer when the handshake's credentials are missing or refused. */
export const UNAUTHORIZED_CONNECTION: ErrorEntry = {
  errorType: 'UnauthorizedException',
  message: 'You are not authorized to make this call.',
  errorCode: 401,
};

/** Anything AppSync cannot read as one of its client messages. */
export const UNSUPPORTED: ErrorEntry = {
  errorType: 'UnsupportedOperation',
  message: 'unknown not supported through the realtime channel',
};

export function errorMessage(id: string | undefined, errors: ErrorEntry[]): ServerMessage {
  return id === undefined ? { type: 'error', payload: { errors } } : { type: 'error', id, payload: { errors } };
}

/** Reads one client frame; `unknown` for anything that is not JSON with a known `type` (and an `id` where needed). */
export function parseClientMessage(text: string): ClientMessage {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { type: 'unknown' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { type: 'unknown' };
  const message = value as { type?: unknown; id?: unknown; payload?: unknown };
  if (message.type === 'connection_init') return { type: 'connection_init' };
  const id = typeof message.id === 'string' && message.id.length > 0 ? message.id : undefined;
  if (message.type === 'stop' && id) return { type: 'stop', id };
  if (message.type === 'start' && id) {
    const payload = typeof message.payload === 'object' && message.payload !== null ? message.payload : {};
    return { type: 'start', id, payload: payload as StartMessage['payload'] };
  }
  return { type: 'unknown' };
}

/**
 * The text of a `data` message, as JSON.stringify writes `{ type, id, payload }`, with the payload serialised once
 * however many subscribers it goes to (the subscription engine hands one payload object to all the subscribers
 * whose selection and auth are alike).
 */
const payloadTexts = new WeakMap<object, string>();

export function dataMessageText(id: string, payload: object): string {
  let json = payloadTexts.get(payload);
  if (json === undefined) {
    json = JSON.stringify(payload);
    payloadTexts.set(payload, json);
  }
  return `{"type":"data","id":${JSON.stringify(id)},"payload":${json}}`;
}
