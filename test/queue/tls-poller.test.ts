import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderApi } from '../../app/wiring.js';
import { type LocalStack, startLocalStack } from '../../local/server/local-stack.js';
import { employ } from '../support/employ.js';
import { TestMenus } from '../support/menu.js';
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
    const tokenOf = async (user: string, groups: string[] = []) => {
      stack.pool.ensureUser(user, { groups });
      return (await stack.pool.issueTokens(user)).idToken;
    };
    const idToken = await tokenOf('tls-user');
    const send = async (query: string, variables: Record<string, unknown>, authorization: string) => {
      const response = await fetch(`${stack.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify({ query, variables }) });
      return (await response.json()) as { data?: Record<string, { id: string; status: string } | null>; errors?: { errorType?: string | null }[] };
    };
    const graphql = (query: string, variables: Record<string, unknown>) => send(query, variables, idToken);
    // A restaurant with a dish to order, made by an admin as its staff would (the API over HTTPS too).
    const admin = await tokenOf('tls-admin', ['admin']);
    await employ(send, admin, 'tls-cook', ['r1']);
    const lines = await new TestMenus(send, admin).lines('r1', [{ dish: 'Soup', quantity: 1 }]);
    const submitted = await graphql(SUBMIT, { input: { restaurantId: 'r1', lines, clientToken: 'tls-1' } });
    expect(submitted.data?.submitOrder).toEqual({ id: 'tls-1', status: 'QUEUED' });
    const created = await eventually(async () => {
      const { data } = await graphql('query($id: ID!) { getOrder(id: $id) { id status } }', { id: 'tls-1' });
      return data?.getOrder ?? undefined;
    }, 15_000, 'the created order');
    expect(created).toEqual({ id: 'tls-1', status: 'PENDING' });
    expect(logs.filter((line) => /failed/i.test(line))).toEqual([]);
  });
});
