import WebSocket from 'ws';

/** A server message of AppSync's real-time protocol, loosely typed for assertions. */
export interface Message {
  type: string;
  id?: string;
  payload?: Record<string, unknown> & { data?: unknown; errors?: unknown[] };
}

export interface ConnectOptions {
  /** The token of the handshake; omitted, the handshake carries no credentials. */
  authorization?: string;
  /** The handshake's header object instead (`host` is added): e.g. `{ "x-api-key": "da2-…" }`. */
  headers?: Record<string, string>;
  /** AppSync's documented `header` query parameter, or Amplify's `header-<base64url>` subprotocol. */
  via?: 'query' | 'subprotocol';
  /** Subprotocols to offer instead of `graphql-ws` (plus the header one). */
  protocols?: string[];
  ca?: string;
}

const WAIT_MS = 5_000;

/**
 * A bare client of AppSync's real-time protocol over `ws`, written from the developer guide: it queues every
 * server message so a test can wait for the one it expects, and assert on what came before it.
 */
export class RealtimeClient {
  readonly received: Message[] = [];
  private readonly pending: Message[] = [];
  private waiters: { match: (m: Message) => boolean; resolve: (m: Message) => void }[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(
    private readonly socket: WebSocket,
    private readonly host: string,
  ) {
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString()) as Message;
      this.received.push(message);
      const waiter = this.waiters.find((w) => w.match(message));
      if (waiter) {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        waiter.resolve(message);
      } else {
        this.pending.push(message);
      }
    });
    this.closed = new Promise((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  static connect(realtimeUrl: string, options: ConnectOptions = {}): Promise<RealtimeClient> {
    const url = new URL(realtimeUrl);
    const credentials = options.headers ?? (options.authorization === undefined ? undefined : { Authorization: options.authorization });
    const header = credentials === undefined ? undefined : JSON.stringify({ ...credentials, host: url.host });
    const protocols = [...(options.protocols ?? ['graphql-ws'])];
    if (header && options.via === 'subprotocol') protocols.push(`header-${Buffer.from(header).toString('base64url')}`);
    if (header && options.via !== 'subprotocol') {
      url.searchParams.set('header', Buffer.from(header).toString('base64'));
      url.searchParams.set('payload', Buffer.from('{}').toString('base64'));
    }
    const socket = new WebSocket(url, protocols, options.ca ? { ca: options.ca } : {});
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(new RealtimeClient(socket, url.host)));
      socket.once('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)));
      socket.once('error', reject);
    });
  }

  get protocol(): string {
    return this.socket.protocol;
  }

  send(message: unknown): void {
    this.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** The next message (oldest first) that matches, waiting for it when it has not come yet. */
  next(match: (m: Message) => boolean = () => true, timeoutMs = WAIT_MS): Promise<Message> {
    const index = this.pending.findIndex(match);
    if (index >= 0) return Promise.resolve(this.pending.splice(index, 1)[0] as Message);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.resolve !== done);
        reject(new Error(`No matching message within ${timeoutMs} ms; received ${JSON.stringify(this.received)}`));
      }, timeoutMs);
      const done = (message: Message): void => {
        clearTimeout(timer);
        resolve(message);
      };
      this.waiters.push({ match, resolve: done });
    });
  }

  /** The next message about one subscription (start_ack, error, data, complete). */
  nextFor(id: string, timeoutMs = WAIT_MS): Promise<Message> {
    return this.next((m) => m.id === id, timeoutMs);
  }

  /** Messages about a subscription not yet taken by `next`. */
  queuedFor(id: string): Message[] {
    return this.pending.filter((m) => m.id === id);
  }

  async init(): Promise<Message> {
    this.send({ type: 'connection_init' });
    return this.next((m) => m.type === 'connection_ack' || m.type === 'connection_error');
  }

  /**
   * Sends `start` as the guide shows it and waits for its `start_ack` or `error`. `authorization` is a token, or the
   * header object to send (`host` is added), e.g. `{ "x-api-key": "da2-…" }`.
   */
  async start(id: string, query: string, variables: Record<string, unknown>, authorization: string | Record<string, string> | undefined): Promise<Message> {
    const credentials = typeof authorization === 'string' ? { Authorization: authorization } : authorization;
    this.send({
      id,
      type: 'start',
      payload: {
        data: JSON.stringify({ query, variables }),
        extensions: { authorization: credentials === undefined ? {} : { ...credentials, host: this.host } },
      },
    });
    return this.nextFor(id);
  }

  close(code?: number, reason?: string): void {
    this.socket.close(code, reason);
  }
}
