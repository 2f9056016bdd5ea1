import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { TableDecl } from '../../wiring/types.js';
import { executeDynamoDbRequest } from '../../local/dynamodb/data-source.js';
import type { DataSourceOutcome, ExecuteOptions } from '../../local/dynamodb/data-source.js';
import { ensureTables, startDynalite } from '../../local/dynamodb/dynalite-server.js';
import type { DynaliteServer } from '../../local/dynamodb/dynalite-server.js';

/** Two tables: `items` (hash key only) and `events` (hash + numeric range, with a GSI), as a wiring would declare. */
export const TABLES: TableDecl[] = [
  { name: 'items', partitionKey: { name: 'id', type: 'S' } },
  {
    name: 'events',
    partitionKey: { name: 'pk', type: 'S' },
    sortKey: { name: 'sk', type: 'N' },
    globalSecondaryIndexes: [
      { name: 'byStatus', partitionKey: { name: 'status', type: 'S' }, sortKey: { name: 'sk', type: 'N' }, projection: 'ALL' },
    ],
  },
];

export const PREFIX = 'test-';
export const tableNameOf = (logical: string): string => `${PREFIX}${logical}`;

export interface Fixture {
  server: DynaliteServer;
  client: DynamoDBClient;
  /** Runs a request against `table` (logical name). */
  run(table: string, request: unknown, options?: ExecuteOptions): Promise<DataSourceOutcome>;
}

export async function startFixture(path?: string): Promise<Fixture> {
  const server = await startDynalite(path === undefined ? {} : { path });
  await ensureTables(server.client, PREFIX, TABLES);
  return {
    server,
    client: server.client,
    run: (table, request, options) => executeDynamoDbRequest(server.client, tableNameOf(table), request, tableNameOf, options),
  };
}
