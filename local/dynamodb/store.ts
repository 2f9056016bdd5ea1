import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import type {
  BatchGetItemInput, BatchGetItemOutput, BatchWriteItemInput, BatchWriteItemOutput, DeleteItemInput, DeleteItemOutput,
  DynamoDBClient, GetItemInput, GetItemOutput, PutItemInput, PutItemOutput, QueryInput, QueryOutput, ScanInput, ScanOutput,
  UpdateItemInput, UpdateItemOutput,
} from '@aws-sdk/client-dynamodb';

/** The DynamoDB operations the data source sends, with the SDK's shapes for their input and output. */
export interface StoreOperations {
  GetItem: { input: GetItemInput; output: GetItemOutput };
  PutItem: { input: PutItemInput; output: PutItemOutput };
  UpdateItem: { input: UpdateItemInput; output: UpdateItemOutput };
  DeleteItem: { input: DeleteItemInput; output: DeleteItemOutput };
  Query: { input: QueryInput; output: QueryOutput };
  Scan: { input: ScanInput; output: ScanOutput };
  BatchGetItem: { input: BatchGetItemInput; output: BatchGetItemOutput };
  BatchWriteItem: { input: BatchWriteItemInput; output: BatchWriteItemOutput };
}

export type StoreOperation = keyof StoreOperations;

/**
 * Where the data source's DynamoDB calls go. Failures are thrown as the SDK throws them: an error named after the
 * DynamoDB exception (`ConditionalCheckFailedException`, `ValidationException`) with `$metadata`.
 */
export interface DynamoDbStore {
  call<K extends StoreOperation>(operation: K, input: StoreOperations[K]['input']): Promise<StoreOperations[K]['output']>;
}

type AnyCommand = new (input: never) => Parameters<DynamoDBClient['send']>[0];
const COMMANDS: Record<StoreOperation, AnyCommand> = {
  GetItem: GetItemCommand as AnyCommand,
  PutItem: PutItemCommand as AnyCommand,
  UpdateItem: UpdateItemCommand as AnyCommand,
  DeleteItem: DeleteItemCommand as AnyCommand,
  Query: QueryCommand as AnyCommand,
  Scan: ScanCommand as AnyCommand,
  BatchGetItem: BatchGetItemCommand as AnyCommand,
  BatchWriteItem: BatchWriteItemCommand as AnyCommand,
};

/** A store reached through an SDK client: any DynamoDB endpoint, at the cost of signing and an HTTP round trip. */
export function sdkStore(client: DynamoDBClient): DynamoDbStore {
  return {
    call: async (operation, input) => (await client.send(new COMMANDS[operation](input as never))) as never,
  };
}

const stores = new WeakMap<object, DynamoDbStore>();

/**
 * Clients of a store that runs in this process are registered with it (see dynalite-server.ts), so requests made
 * "with that client" skip the SDK and the socket; other clients are wrapped once, so that each keeps one store and
 * with it one transaction lock.
 */
export function registerStore(client: DynamoDBClient, store: DynamoDbStore): void {
  stores.set(client, store);
}

export function storeOf(target: DynamoDBClient | DynamoDbStore): DynamoDbStore {
  if ('call' in target) return target;
  let store = stores.get(target);
  if (store === undefined) {
    store = sdkStore(target);
    stores.set(target, store);
  }
  return store;
}
