import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { orderApi } from '../../app/wiring.js';
import { type LocalStack, type LocalStackOptions, startLocalStack } from '../../local/server/local-stack.js';
import { employ } from '../support/employ.js';
import { TestMenus } from '../support/menu.js';
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
  private menus: TestMenus | undefined;
  private readonly restaurants = new Set<string>();

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

  /**
   * One line of `dish` at `restaurantId`, for a createOrder input: the restaurant (open around the clock) and the dish
   * are added by an admin the first time. An order of one line is named after its dish.
   */
  async lines(restaurantId: string, dish: string, quantity = 1): Promise<{ menuItemId: string; quantity: number }[]> {
    const admin = await this.token('realtime-admin', { groups: ['admin'] });
    if (!this.restaurants.has(restaurantId)) {
      await employ((query, variables, token) => this.graphql(query, variables, token), admin, 'realtime-chef', [restaurantId]);
      this.restaurants.add(restaurantId);
    }
    this.menus ??= new TestMenus((query, variables, token) => this.graphql(query, variables, token), admin);
    return this.menus.lines(restaurantId, [{ dish, quantity }]);
  }

  async createOrder(token: string, restaurantId: string, dish = 'Margherita'): Promise<Order> {
    return this.mutate(MUTATIONS.createOrder, { input: { restaurantId, lines: await this.lines(restaurantId, dish) } }, token);
  }

  /**
   * The order once its journey has asked the restaurant (acceptBy set), read by an admin: its steps so far (CHECKED,
   * SENT_TO_RESTAURANT) are published, and nothing more is until someone answers.
   */
  async asked(order: Order): Promise<Order> {
    const admin = await this.token('realtime-admin', { groups: ['admin'] });
    const query = `query($id: ID!, $userId: ID) { getOrder(id: $id, userId: $userId) { ${ORDER_FIELDS} acceptBy } }`;
    for (let attempt = 0; attempt < 500; attempt += 1) {
      const current = (await this.graphql(query, { id: order.id, userId: order.userId }, admin)).data?.getOrder as (Order & { acceptBy: string | null }) | null;
      if (current?.acceptBy) {
        const { acceptBy: _acceptBy, ...asked } = current;
        return asked;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`The journey of order ${order.id} did not ask its restaurant within 10 s`);
  }

  /** acceptOrder as staff, of an order the restaurant has been asked (see asked), selecting `fields`. */
  accept(staffToken: string, order: Order, fields = ORDER_FIELDS): Promise<Order> {
    const query = `mutation($id: ID!, $userId: ID!, $v: Int!) { acceptOrder(id: $id, userId: $userId, expectedVersion: $v) { ${fields} } }`;
    return this.mutate(query, { id: order.id, userId: order.userId, v: order.version }, staffToken);
  }

  /** updateOrderStatus as staff: the kitchen's steps after acceptance (PREPARING, READY, DELIVERED). */
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
