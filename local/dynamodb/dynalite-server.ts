import { mkdir } from 'node:fs/promises';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import type { AttributeDefinition, KeySchemaElement } from '@aws-sdk/client-dynamodb';
import type { KeyAttribute, TableDecl } from '../../wiring/types.js';
import { type DynamoDbStore, registerStore } from './store.js';
import { startStoreThread } from './store-thread.js';

/**
 * An in-process DynamoDB (dynalite, in a thread of this process: store-thread.ts) for running the API offline: on
 * 127.0.0.1 with a port the OS picks, kept in LevelDB under `path` so data survives restarts, or in memory without
 * one. The port serves other tools; the local data source reaches the same store through `store`, by message to
 * the thread, without a socket, the SDK or signing.
 */
export interface DynaliteServer {
  endpoint: string;
  port: number;
  /**
   * A client bound to this server; create more with `createClient()` if needed. `executeDynamoDbRequest` given
   * one of them uses `store` instead of the client's HTTP round trip.
   */
  client: DynamoDBClient;
  /** The same store, called by message: what the local DynamoDB data source uses. */
  store: DynamoDbStore;
  createClient(): DynamoDBClient;
  /** Stops accepting requests, waits for pending writes, closes LevelDB (flushing it) and the client. */
  close(): Promise<void>;
}

export interface DynaliteOptions {
  /** Directory of the LevelDB store; created if missing. In memory when absent. */
  path?: string;
}

const REGION = 'us-east-1';
// dynalite checks that a request is signed, not by whom: any fixed pair works and nothing real is involved.
const LOCAL_SIGNING_KEYS = { accessKeyId: 'local', secretAccessKey: 'local' };

export async function startDynalite(options: DynaliteOptions = {}): Promise<DynaliteServer> {
  if (options.path !== undefined) await mkdir(options.path, { recursive: true });
  const thread = await startStoreThread(options.path !== undefined ? { path: options.path } : {});
  const { port, store } = thread;
  const endpoint = `http://127.0.0.1:${port}`;
  const clients: DynamoDBClient[] = [];
  const createClient = (): DynamoDBClient => {
    const client = new DynamoDBClient({ endpoint, region: REGION, credentials: LOCAL_SIGNING_KEYS, maxAttempts: 1 });
    clients.push(client);
    registerStore(client, store);
    return client;
  };
  const client = createClient();
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      for (const each of clients) each.destroy();
      await thread.close();
    })();
    return closing;
  };
  return { endpoint, port, client, store, createClient, close };
}

export function physicalTableName(prefix: string, decl: TableDecl): string {
  return `${prefix}${decl.name}`;
}

function keySchema(partitionKey: KeyAttribute, sortKey: KeyAttribute | undefined): KeySchemaElement[] {
  return [
    { AttributeName: partitionKey.name, KeyType: 'HASH' },
    ...(sortKey !== undefined ? [{ AttributeName: sortKey.name, KeyType: 'RANGE' as const }] : []),
  ];
}

function attributeDefinitions(decl: TableDecl): AttributeDefinition[] {
  const byName = new Map<string, AttributeDefinition>();
  const keys = [decl.partitionKey, decl.sortKey, ...(decl.globalSecondaryIndexes ?? []).flatMap((index) => [index.partitionKey, index.sortKey])];
  for (const key of keys) {
    if (key === undefined) continue;
    const known = byName.get(key.name);
    if (known !== undefined && known.AttributeType !== key.type) {
      throw new Error(`Table ${decl.name}: attribute ${key.name} is declared both as ${known.AttributeType} and ${key.type}`);
    }
    byName.set(key.name, { AttributeName: key.name, AttributeType: key.type });
  }
  return [...byName.values()];
}

async function tableStatus(client: DynamoDBClient, name: string): Promise<string | undefined> {
  try {
    const output = await client.send(new DescribeTableCommand({ TableName: name }));
    return output.Table?.TableStatus ?? 'UNKNOWN';
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
}

async function waitUntilActive(client: DynamoDBClient, name: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const status = await tableStatus(client, name);
    if (status === 'ACTIVE') return;
    if (Date.now() > deadline) throw new Error(`Table ${name} did not become ACTIVE (status ${String(status)})`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Creates each declared table that does not exist yet (on-demand, GSIs projecting ALL) and waits until ACTIVE. */
export async function ensureTables(client: DynamoDBClient, prefix: string, tables: readonly TableDecl[]): Promise<void> {
  for (const decl of tables) {
    const name = physicalTableName(prefix, decl);
    if (await tableStatus(client, name) === undefined) {
      const indexes = decl.globalSecondaryIndexes ?? [];
      await client.send(new CreateTableCommand({
        TableName: name,
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: keySchema(decl.partitionKey, decl.sortKey),
        AttributeDefinitions: attributeDefinitions(decl),
        ...(indexes.length > 0
          ? {
            GlobalSecondaryIndexes: indexes.map((index) => ({
              IndexName: index.name,
              KeySchema: keySchema(index.partitionKey, index.sortKey),
              Projection: { ProjectionType: 'ALL' },
            })),
          }
          : {}),
      }));
    }
    await waitUntilActive(client, name);
  }
}
