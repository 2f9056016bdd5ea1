import WebSocket from 'ws';

export interface OrderEvent {
  id: string;
  status: string;
  /** Present when the subscription selects them (the journey bench does). */
  version?: number;
  acceptBy?: string | null;
  /** performance.now() when the event arrived. */
  at: number;
}

/** The subscription to start: a customer's own orders by default, or e.g. a restaurant's with more fields. */
export interface OrderSubscription {
  query: string;
  variables: Record<string, unknown>;
}

export class SubscriptionError extends Error {
  override readonly name = 'SubscriptionError';
}

const QUERY = 'subscription { onOrderStatusChanged { id userId status version } }';
const WAIT_MS = 30_000;

/**
 * One customer's `onOrderStatusChanged` over AppSync's real-time protocol (the `graphql-ws` subprotocol with the
 * token in the `header` query parameter, `connection_init`, `start`): every event is passed on with its arrival
 * time, in the order the socket delivers them.
 */
export async function subscribeToOrders(
  realtimeUrl: string,
  token: string,
  onEvent: (event: OrderEvent) => void,
  subscription: OrderSubscription = { query: QUERY, variables: {} },
): Promise<{ close(): void }> {
  const url = new URL(realtimeUrl);
  const authorization = { Authorization: token, host: url.host };
  url.searchParams.set('header', Buffer.from(JSON.stringify(authorization)).toString('base64'));
  url.searchParams.set('payload', Buffer.from('{}').toString('base64'));
  const socket = new WebSocket(url, ['graphql-ws']);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const started = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new SubscriptionError('no start_ack')), WAIT_MS);
    socket.on('message', (raw) => {
      const message = JSON.parse(raw.toString()) as { type: string; payload?: { data?: { onOrderStatusChanged?: Omit<OrderEvent, 'at'> } } };
      if (message.type === 'connection_ack') {
        socket.send(JSON.stringify({ id: 'orders', type: 'start', payload: { data: JSON.stringify(subscription), extensions: { authorization } } }));
      } else if (message.type === 'start_ack') {
        clearTimeout(timer);
        resolve();
      } else if (message.type === 'data') {
        const order = message.payload?.data?.onOrderStatusChanged;
        if (order) onEvent({ ...order, at: performance.now() });
      } else if (message.type === 'error' || message.type === 'connection_error') {
        clearTimeout(timer);
        reject(new SubscriptionError(JSON.stringify(message)));
      }
    });
  });
  socket.send(JSON.stringify({ type: 'connection_init' }));
  await started;
  return { close: () => socket.close() };
}
