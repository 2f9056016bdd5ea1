import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalUserPool } from '../../local/cognito/user-pool.js';
import { employ } from '../support/employ.js';
import { TestMenus } from '../support/menu.js';
import { portForRestarts } from '../support/restart-port.js';
import { eventually, repoRoot, SUBMIT } from './queue-fixture.js';

/**
 * The strongest guarantee: an acknowledged submitOrder survives the server being killed outright (SIGKILL, no
 * shutdown at all) right after the acknowledgement. The queue persisted the message before SendMessage answered;
 * after a restart on the same data dir the poller finishes the work, and redeliveries create nothing twice.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'sigkill-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
});

// No demo catalog: this test counts its own users' orders only, starts twice, and makes the one restaurant it orders from.
const ENV = { DATA_DIR: dataDir, DEMO_DATA: '0', LOCAL_SQS_VISIBILITY_TIMEOUT: '2', LOCAL_FUNCTION_TIMEOUT: '5', POWERTOOLS_LOG_LEVEL: 'SILENT' };

function start(port: number): Promise<ChildProcess> {
  const child = spawn('npm', ['start'], { cwd: repoRoot, env: { ...process.env, ...ENV, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start did not come up:\n${output}`)), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('explorer')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
  });
}

/** The server process npm runs (`exec node …` replaces the shell): npm's only child. */
function serverPid(npm: ChildProcess): number {
  const children = readFileSync(`/proc/${npm.pid}/task/${npm.pid}/children`, 'utf8').trim().split(/\s+/).map(Number);
  const pid = children.find((candidate) => readFileSync(`/proc/${candidate}/cmdline`, 'utf8').includes('app/start.ts'));
  if (pid === undefined) throw new Error(`no server process under npm ${npm.pid}`);
  return pid;
}

async function graphql(port: number, token: string, query: string, variables: Record<string, unknown> = {}): Promise<{ data?: Record<string, unknown>; errors?: { errorType?: string | null }[] }> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: token }, body: JSON.stringify({ query, variables }) });
  return (await response.json()) as { data?: Record<string, unknown>; errors?: { errorType?: string | null }[] };
}

async function orderIds(port: number, token: string): Promise<string[]> {
  const ids: string[] = [];
  let nextToken: string | null = null;
  do {
    const reply = await graphql(port, token, 'query($n: String) { listMyOrders(limit: 100, nextToken: $n) { items { id } nextToken } }', { n: nextToken });
    const page = reply.data?.listMyOrders as { items: { id: string }[]; nextToken: string | null };
    ids.push(...page.items.map((item) => item.id));
    nextToken = page.nextToken;
  } while (nextToken !== null);
  return ids;
}

describe('npm start killed with SIGKILL right after acknowledging', () => {
  it('still turns every acknowledged submission into exactly one order after a restart on the same data dir', async () => {
    const pool = await LocalUserPool.open(dataDir);
    pool.ensureUser('kill-admin', { groups: ['admin'] });
    const admin = (await pool.issueTokens('kill-admin', { expiresInSeconds: 3600 })).idToken;
    const tokens = await Promise.all(
      ['k1', 'k2', 'k3'].map(async (user) => {
        pool.ensureUser(user, { groups: [] });
        return (await pool.issueTokens(user, { expiresInSeconds: 3600 })).idToken;
      }),
    );
    const port = await portForRestarts();
    const first = await start(port);
    const pid = serverPid(first);
    const send = (query: string, variables: Record<string, unknown>, token: string) => graphql(port, token, query, variables);
    await employ(send, admin, 'kill-cook', ['r1']);
    const lines = await new TestMenus(send, admin).lines('r1', [{ dish: 'Soup', quantity: 1 }]);
    // A burst: every submission in flight at once, the kill the moment the last one is acknowledged.
    const acknowledged = await Promise.all(
      tokens.map((token, u) =>
        Promise.all(
          Array.from({ length: 10 }, async (_, i) => {
            const reply = await graphql(port, token, SUBMIT, { input: { restaurantId: 'r1', lines, clientToken: `kill-${u}-${i}` } });
            expect(reply.errors).toBeUndefined();
            return (reply.data?.submitOrder as { id: string }).id;
          }),
        ),
      ),
    );
    process.kill(pid, 'SIGKILL');
    await new Promise((resolve) => (first.exitCode !== null || first.signalCode !== null ? resolve(null) : first.once('exit', resolve)));

    const second = await start(port);
    for (const [u, token] of tokens.entries()) {
      const expected = (acknowledged[u] ?? []).toSorted();
      const ids = await eventually(async () => {
        const stored = await orderIds(port, token);
        return expected.every((id) => stored.includes(id)) ? stored : undefined;
      }, 60_000, `user ${u}'s orders`);
      expect(ids.toSorted()).toEqual(expected);
    }
    await new Promise((resolve) => {
      second.once('exit', resolve);
      second.kill('SIGTERM');
    });
  }, 180_000);
});
