import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiWiring } from '../../wiring/types.js';
import { type LocalStack, type LocalStackOptions, startLocalStack } from '../../local/server/local-stack.js';

export interface TestServer {
  stack: LocalStack;
  dataDir: string;
  token(user: string, options?: { groups?: string[]; access?: boolean; scopes?: string[]; expiresIn?: number }): Promise<string>;
  graphql(query: string, variables?: Record<string, unknown>, authorization?: string | null): Promise<{ status: number; body: GraphQLBody }>;
  /** Stops the stack and deletes the data dir, unless `keepDataDir` (to start another stack on the same data). */
  close(options?: { keepDataDir?: boolean }): Promise<void>;
}

export interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; errorType?: string | null; path?: (string | number)[] | null; data?: unknown; errorInfo?: unknown }[];
}

/** The local server in-process on port 0 with a fresh data dir, and helpers to sign in and send GraphQL. */
export async function startTestServer(
  rootDir: string,
  wiring: ApiWiring,
  dataDir = mkdtempSync(join(tmpdir(), 'appsync-local-')),
  options: Partial<LocalStackOptions> = {},
): Promise<TestServer> {
  const stack = await startLocalStack({ rootDir, wiring, dataDir, port: 0, ...options });
  return {
    stack,
    dataDir,
    async token(user, options = {}) {
      stack.pool.ensureUser(user, { groups: options.groups ?? [] });
      const tokens = await stack.pool.issueTokens(user, {
        ...(options.scopes ? { scopes: options.scopes } : {}),
        ...(options.expiresIn !== undefined ? { expiresInSeconds: options.expiresIn } : {}),
      });
      return options.access ? tokens.accessToken : tokens.idToken;
    },
    async graphql(query, variables = {}, authorization = null) {
      const response = await fetch(`${stack.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: (await response.json()) as GraphQLBody };
    },
    async close(options = {}) {
      await stack.close();
      if (!options.keepDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
