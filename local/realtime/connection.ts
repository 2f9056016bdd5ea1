import { getOperationAST, parse } from 'graphql';
import type { RequestAuth } from '../engine/field-auth.js';
import type { GraphQLRequest } from '../engine/local-api.js';
import { UnauthorizedRequestError } from '../engine/request-auth.js';
import { type ActiveSubscription, type EventSource, type SubscriptionEngine, SubscriptionStartError } from '../engine/subscriptions/index.js';
import { callerOf } from '../observability/caller.js';
import { credentialValues } from '../observability/secrets.js';
import { headersOf, MalformedHandshakeError } from './handshake.js';
import { dataMessageText, type ErrorEntry, errorMessage, parseClientMessage, type ServerMessage, type StartMessage, UNAUTHORIZED_CONNECTION, UNSUPPORTED } from './messages.js';
import type { RealtimeOptions } from './options.js';

/** What the core needs from a transport (a `ws` socket, a test double). */
export interface RealtimeTransport {
  send(text: string): void;
  close(code: number, reason: string): void;
}

export type Authenticated = RequestAuth & { label: string };

/** Checks a set of headers as an HTTP request would be checked; throws UnauthorizedRequestError. */
export type Authenticate = (headers: Record<string, string>, signed: { path: string; body: string }) => Promise<Authenticated>;

type Slot = { subscription?: ActiveSubscription; stopped: boolean };

/**
 * One line of the real-time log (the transport adds the connection's id and cuts the handshake's credentials out);
 * `secrets` are more values to cut out: the credentials the connection's starts carried. See local/observability.
 */
export type RealtimeLog = (entry: Record<string, unknown>, secrets: readonly string[]) => void;

/** The part of the subscription engine a connection uses. */
export type SubscriptionStarter = Pick<SubscriptionEngine, 'start'>;

/**
 * One client of AppSync's real-time protocol, transport-agnostic: the handshake's credentials are checked once,
 * `connection_init` is acknowledged, `ka` is sent periodically, each `start` is authorized with its own
 * `extensions.authorization` and handed to the subscription engine, events go out as `data`, `stop` ends with
 * `complete`. See local/PROTOCOL.md.
 */
export class RealtimeConnection {
  private readonly slots = new Map<string, Slot>();
  private readonly connectionAuth: Promise<boolean>;
  private keepAlive: NodeJS.Timeout | undefined;
  private closed = false;
  /** Every credential a start carried (tokens, API keys): no later line about the connection may hold one. */
  private readonly startSecrets = new Set<string>();

  constructor(
    private readonly transport: RealtimeTransport,
    private readonly engine: SubscriptionStarter,
    private readonly authenticate: Authenticate,
    /** The handshake's headers; undefined when it carried none. */
    handshake: Record<string, string> | undefined,
    private readonly options: RealtimeOptions,
    private readonly writeLog: RealtimeLog = () => undefined,
  ) {
    this.connectionAuth = handshake
      ? authenticate(handshake, { path: '/graphql/connect', body: '{}' }).then(
          () => true,
          (error: unknown) => rethrowUnlessUnauthorized(error),
        )
      : Promise.resolve(false);
  }

  async receive(text: string): Promise<void> {
    if (this.closed) return;
    if (!(await this.connectionAuth)) return this.refuseConnection();
    const message = parseClientMessage(text);
    switch (message.type) {
      case 'connection_init':
        this.send({ type: 'connection_ack', payload: { connectionTimeoutMs: this.options.connectionTimeoutMs } });
        this.startKeepAlive();
        return;
      case 'start':
        return this.start(message);
      case 'stop':
        return this.stop(message.id);
      default:
        this.send(errorMessage(undefined, [UNSUPPORTED]));
    }
  }

  /** The transport closed: every subscription of the connection ends. */
  dispose(): void {
    this.closed = true;
    clearInterval(this.keepAlive);
    for (const slot of this.slots.values()) stopSlot(slot);
    this.slots.clear();
  }

  /** The credentials the connection's starts carried, for the transport's own lines about it. */
  credentialsSeen(): string[] {
    return [...this.startSecrets];
  }

  private log(entry: Record<string, unknown>): void {
    this.writeLog(entry, [...this.startSecrets]);
  }

  private refuseConnection(): void {
    this.log({ event: 'connection_error', errorTypes: [UNAUTHORIZED_CONNECTION.errorType] });
    this.send({ type: 'connection_error', payload: { errors: [UNAUTHORIZED_CONNECTION] } });
    this.dispose();
    this.transport.close(1008, 'Unauthorized');
  }

  // `connection_init` is optional in AppSync's protocol, so the first start also starts the keep-alives.
  private startKeepAlive(): void {
    if (this.keepAlive) return;
    this.send({ type: 'ka' });
    this.keepAlive = setInterval(() => this.send({ type: 'ka' }), this.options.keepAliveIntervalMs);
    this.keepAlive.unref();
  }

  private async start(message: StartMessage): Promise<void> {
    const { id } = message;
    if (this.slots.has(id)) return this.fail(id, { errorType: 'DuplicatedOperationError', message: `Duplicated operation with id ${id}` });
    const max = this.options.maxSubscriptionsPerConnection;
    if (this.slots.size >= max) return this.fail(id, { errorType: 'MaxSubscriptionsReachedError', message: `Max number of ${max} subscriptions reached` });
    const request = readRequest(message.payload.data);
    if (!request) return this.fail(id, UNSUPPORTED);
    const slot: Slot = { stopped: false };
    this.slots.set(id, slot);
    this.startKeepAlive();
    try {
      const headers = headersOf(message.payload.extensions?.authorization ?? {});
      for (const secret of credentialValues(headers)) this.startSecrets.add(secret);
      const auth = await this.authenticate(headers, { path: '/graphql', body: String(message.payload.data) });
      const subscription = await this.engine.start(request, { auth, headers }, {
        next: (payload, source) => this.deliver(id, dataMessageText(id, payload), source),
        invalidated: () => {
          this.slots.delete(id);
          this.log({ event: 'complete', subscriptionId: id, reason: 'invalidated' });
          this.send({ type: 'complete', id });
        },
      });
      slot.subscription = subscription;
      // A stop (or the socket closing) while the start was being checked wins.
      if (slot.stopped || this.closed) return subscription.stop();
      this.log({ event: 'start', subscriptionId: id, fieldName: subscription.fieldName, operationName: operationNameOf(request), caller: callerOf(auth) });
      this.send({ type: 'start_ack', id });
    } catch (error) {
      this.slots.delete(id);
      if (slot.stopped || this.closed) return;
      const errors = startErrors(error);
      this.log({ event: 'start_error', subscriptionId: id, errorTypes: errors.map((e) => e.errorType ?? null) });
      this.fail(id, ...errors);
    }
  }

  private stop(id: string): void {
    this.log({ event: 'stop', subscriptionId: id });
    const slot = this.slots.get(id);
    if (slot) stopSlot(slot);
    this.slots.delete(id);
    this.send({ type: 'complete', id });
  }

  private fail(id: string, ...errors: ErrorEntry[]): void {
    this.send(errorMessage(id, errors));
  }

  /** AppSync drops an event larger than its payload quota instead of delivering it. */
  private deliver(id: string, text: string, source: EventSource | undefined): void {
    const delivered = Buffer.byteLength(text) <= this.options.maxPayloadBytes;
    this.log({ event: 'data', subscriptionId: id, delivered, ...source });
    if (delivered) this.sendText(text);
  }

  private send(message: ServerMessage): void {
    this.sendText(JSON.stringify(message));
  }

  private sendText(text: string): void {
    if (!this.closed) this.transport.send(text);
  }
}

/** The started operation's name: the one the client gave, else the document's (the start already parsed it). */
function operationNameOf(request: GraphQLRequest): string | null {
  if (request.operationName) return request.operationName;
  return getOperationAST(parse(request.query))?.name?.value ?? null;
}

function stopSlot(slot: Slot): void {
  slot.stopped = true;
  slot.subscription?.stop();
}

function rethrowUnlessUnauthorized(error: unknown): false {
  if (error instanceof UnauthorizedRequestError || error instanceof MalformedHandshakeError) return false;
  throw error;
}

/** `payload.data` is the GraphQL request as a JSON string: `{"query": …, "variables": {…}, "operationName"?: …}`. */
function readRequest(data: unknown): GraphQLRequest | undefined {
  if (typeof data !== 'string') return undefined;
  try {
    const value = JSON.parse(data) as { query?: unknown; variables?: unknown; operationName?: unknown } | null;
    if (typeof value?.query !== 'string') return undefined;
    const variables = typeof value.variables === 'object' && value.variables !== null && !Array.isArray(value.variables) ? value.variables : null;
    const operationName = typeof value.operationName === 'string' ? value.operationName : null;
    return { query: value.query, variables: variables as Record<string, unknown> | null, operationName };
  } catch {
    return undefined;
  }
}

function startErrors(error: unknown): ErrorEntry[] {
  if (error instanceof SubscriptionStartError) return error.errors;
  if (error instanceof UnauthorizedRequestError || error instanceof MalformedHandshakeError) {
    return [{ errorType: 'UnauthorizedException', message: error.message }];
  }
  // A fault of the local server, not of the request: reported on this subscription, the connection lives on.
  return [{ errorType: 'InternalFailure', message: error instanceof Error ? error.message : String(error) }];
}
