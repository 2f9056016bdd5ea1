import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderApi } from '../../app/wiring.js';
import { type LocalStack, startLocalStack } from '../../local/server/local-stack.js';
import { eventually, repoRoot, SUBMIT } from './queue-fixture.js';

/**
 * With TLS (`TLS=1`), the poller in its own thread calls the API over HTTPS and must trust the stack's self-signed
 * certificate as the server's own thread does.
 */
let stack: LocalStack;
let dataDir: string;
const logs: string[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'tls-poller-'));
  stack = await startLocalStack({
    rootDir: repoRoot,
    wiring: orderApi,
    dataDir,
    port: 0,
    tls: true,
    queues: { visibilityTimeoutSeconds: 1, functionTimeoutSeconds: 5, functionEnv: { POWERTOOLS_LOG_LEVEL: 'ERROR', POWERTOOLS_METRICS_DISABLED: 'true' }, log: (line) => logs.push(line) },
  });
}, 60_000);

afterAll(async () => {
  await stack.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the queued path over HTTPS', () => {
  it('creates a submitted order: the poller in its thread trusts the local certificate', async () => {
    expect(stack.url).toMatch(/^https:/);
    stack.pool.ensureUser('tls-user', { groups: [] });
    const { idToken } = await stack.pool.issueTokens('tls-user');
    const graphql = async (query: string, variables: Record<string, unknown>) => {
      const response = await fetch(`${stack.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: idToken }, body: JSON.stringify({ query, variables }) });
      return (await response.json()) as { data?: Record<string, { id: string; status: string } | null>; errors?: unknown[] };
    };
    const submitted = await graphql(SUBMIT, { input: { restaurantId: 'r1', name: 'Soup', quantity: 1, clientToken: 'tls-1' } });
    expect(submitted.data?.submitOrder).toEqual({ id: 'tls-1', status: 'QUEUED' });
    const created = await eventually(async () => {
      const { data } = await graphql('query($id: ID!) { getOrder(id: $id) { id status } }', { id: 'tls-1' });
      return data?.getOrder ?? undefined;
    }, 15_000, 'the created order');
    expect(created).toEqual({ id: 'tls-1', status: 'PENDING' });
    expect(logs.filter((line) => /failed/i.test(line))).toEqual([]);
  });
});
