import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { orderApi } from '../../app/wiring.js';
import { type LocalStack, type LocalStackOptions, startLocalStack } from '../../local/server/local-stack.js';
import { employ } from '../support/employ.js';
import { type ConnectOptions, RealtimeClient } from './realtime-client.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

export const ORDER_FIELDS = 'id userId restaurantId name quantity status version createdAt updatedAt';

export const ON_ORDER_STATUS_CHANGED = /* GraphQL */ `
  subscription Watch($id: ID, $restaurantId: String) {
    onOrderStatusChanged(id: $id, restaurantId: $restaurantId) { ${ORDER_FIELDS} }
  }
`;

export const MUTATIONS = {
  createOrder: `mutation($input: CreateOrderInput!) { createOrder(input: $input) { ${ORDER_FIELDS} } }`,
  updateOrderStatus: `mutation($input: UpdateOrderStatusInput!) { updateOrderStatus(input: $input) { ${ORDER_FIELDS} } }`,
  cancelOrder: `mutation($id: ID!, $expectedVersion: Int!) { cancelOrder(id: $id, expectedVersion: $expectedVersion) { ${ORDER_FIELDS} } }`,
  deleteOrder: `mutation($id: ID!, $userId: ID) { deleteOrder(id: $id, userId: $userId) { ${ORDER_FIELDS} } }`,
} as const;

export interface Order {
  id: string;
  userId: string;
  restaurantId: string;
  name: string;
  quantity: number;
  status: string;
  version: number;
}

export interface GraphQLReply {
  data?: Record<string, unknown> | null;
  errors?: { message: string; errorType?: string | null }[];
}

/** The order API offline on port 0 with a fresh data dir, plus the helpers the real-time tests share. */
export class RealtimeServer {
  private constructor(
    readonly stack: LocalStack,
    private readonly dataDir: string,
  ) {}

  static async start(options: Partial<LocalStackOptions> = {}): Promise<RealtimeServer> {
    const dataDir = mkdtempSync(join(tmpdir(), 'appsync-realtime-'));
    const stack = await startLocalStack({ rootDir: root, wiring: orderApi, dataDir, port: 0, ...options });
    return new RealtimeServer(stack, dataDir);
  }

  get realtimeUrl(): string {
    return this.stack.endpoints.realtime ?? '';
  }

  /** A user of the local pool (created on first use) and an ID token for them. */
  async token(user: string, options: { groups?: string[]; expiresIn?: number } = {}): Promise<string> {
    this.stack.pool.ensureUser(user, { groups: options.groups ?? [] });
    const tokens = await this.stack.pool.issueTokens(user, options.expiresIn === undefined ? {} : { expiresInSeconds: options.expiresIn });
    return tokens.idToken;
  }

  /** A member of staff of the restaurants named (created by an admin when missing), and their ID token. */
  async staffToken(user: string, restaurantIds: readonly string[]): Promise<string> {
    await employ((query, variables, token) => this.graphql(query, variables, token), await this.token('realtime-admin', { groups: ['admin'] }), user, restaurantIds);
    return this.token(user, { groups: ['staff'] });
  }

  subOf(token: string): string {
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { sub: string };
    return claims.sub;
  }

  async graphql(query: string, variables: Record<string, unknown>, token: string): Promise<GraphQLReply> {
    const response = await fetch(this.stack.endpoints.graphql ?? '', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: token },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLReply;
  }

  /** Runs a mutation that must succeed and returns its root field. */
  async mutate<T = Order>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
    const reply = await this.graphql(query, variables, token);
    const value = Object.values(reply.data ?? {})[0];
    if (reply.errors?.length || value === undefined || value === null) throw new Error(`Mutation failed: ${JSON.stringify(reply)}`);
    return value as T;
  }

  createOrder(token: string, restaurantId: string, name = 'Margherita'): Promise<Order> {
    return this.mutate(MUTATIONS.createOrder, { input: { restaurantId, name, quantity: 1 } }, token);
  }

  setStatus(staffToken: string, order: Order, status: string): Promise<Order> {
    const input = { userId: order.userId, id: order.id, status, expectedVersion: order.version };
    return this.mutate(MUTATIONS.updateOrderStatus, { input }, staffToken);
  }

  /** A connected client past `connection_init`/`connection_ack`. */
  async client(token: string, options: Omit<ConnectOptions, 'authorization'> = {}): Promise<RealtimeClient> {
    const client = await RealtimeClient.connect(this.realtimeUrl, { ...options, authorization: token });
    const ack = await client.init();
    if (ack.type !== 'connection_ack') throw new Error(`Connection refused: ${JSON.stringify(ack)}`);
    return client;
  }

  async close(): Promise<void> {
    await this.stack.close();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
