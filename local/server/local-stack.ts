import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { ApiWiring, DataSourceDecl } from '../../wiring/types.js';
import { AppSyncJsRuntime } from '../appsync-js/runtime.js';
import { LocalUserPool } from '../cognito/user-pool.js';
import { executeDynamoDbRequest } from '../dynamodb/data-source.js';
import { type DynaliteServer, ensureTables, startDynalite } from '../dynamodb/dynalite-server.js';
import { cognitoAuthenticator } from '../engine/cognito-authenticator.js';
import { type DataSource, noneDataSource } from '../engine/data-sources.js';
import { loadApi, WiringError } from '../engine/load-api.js';
import type { LocalApi } from '../engine/local-api.js';
import { explorerHandler, type ExplorerOptions } from './explorer.js';
import { graphqlHandler } from './graphql-handler.js';
import { createHttpServer } from './http-server.js';

export interface LocalStackOptions {
  /** Where the API's sources (schema, resolvers) live. */
  rootDir: string;
  wiring: ApiWiring;
  /** Persistent state: DynamoDB tables, the user pool's keys and users. */
  dataDir: string;
  /** 0 picks a free port. */
  port: number;
  host?: string;
  /** Title and first query of the explorer page. */
  explorer?: ExplorerOptions;
}

export interface LocalStack {
  url: string;
  port: number;
  pool: LocalUserPool;
  api: LocalApi;
  /** The embedded DynamoDB, for tools that talk to it directly (benchmarks, inspection). */
  dynamodb: DynaliteServer;
  endpoints: Record<string, string>;
  close(): Promise<void>;
}

/** Starts the whole API offline in this process: dynalite, the user pool, the runtime and the HTTP endpoints. */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  mkdirSync(options.dataDir, { recursive: true });
  const dynamo = await startDynalite({ path: join(options.dataDir, 'dynamodb') });
  const runtime = new AppSyncJsRuntime();
  try {
    await ensureTables(dynamo.client, '', options.wiring.tables);
    const pool = await LocalUserPool.open(options.dataDir);
    const tableNameOf = (name: string): string => name;
    const makeDataSource = (decl: DataSourceDecl): DataSource => {
      if (decl.type === 'NONE') return noneDataSource;
      if (decl.type === 'AMAZON_DYNAMODB') return (request) => executeDynamoDbRequest(dynamo.client, tableNameOf(decl.table), request, tableNameOf);
      throw new WiringError(`The local runtime has no ${decl.type} data source yet (${decl.name})`);
    };
    const api = await loadApi(options.rootDir, options.wiring, runtime, makeDataSource);
    const authenticators = [cognitoAuthenticator(pool)];
    let endpoints: Record<string, string> = {};
    const server = createHttpServer({
      graphql: graphqlHandler(api, authenticators),
      explorer: explorerHandler(() => endpoints, options.explorer),
      health: () => ({ status: 'ok', ...endpoints }),
      pool,
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const loopback = !options.host || ['127.0.0.1', '0.0.0.0', 'localhost', '::'].includes(options.host);
    const url = `http://${loopback ? 'localhost' : options.host}:${port}`;
    endpoints = {
      graphql: `${url}/graphql`,
      realtime: `${url.replace(/^http/, 'ws')}/graphql/realtime`,
      cognito: `${url}/cognito`,
      jwks: `${url}${pool.jwksPath}`,
      userPoolId: pool.poolId,
      userPoolClientId: pool.clientId,
      region: pool.region,
      issuer: pool.issuer,
    };
    let closing: Promise<void> | undefined;
    const close = (): Promise<void> => {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        });
        await runtime.close();
        await dynamo.close();
      })();
      return closing;
    };
    return { url, port, pool, api, dynamodb: dynamo, endpoints, close };
  } catch (error) {
    await runtime.close();
    await dynamo.close();
    throw error;
  }
}
