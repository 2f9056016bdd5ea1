import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_RESTAURANTS } from '../../app/demo-data.js';
import { portForRestarts } from '../support/restart-port.js';

const dataDir = mkdtempSync(join(tmpdir(), 'npm-start-'));
const children: ChildProcess[] = [];
afterAll(() => {
  // A test that failed half-way leaves its server running: npm, which passes the signal on.
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
});

/**
 * `npm start` as a user runs it, on a free port; resolves once it prints its endpoints. The first start seeds the
 * demo catalog, and rebuilds the web app when its sources changed since the last build: it may take a while.
 */
function start(port: number): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn('npm', ['start'], { env: { ...process.env, PORT: String(port), DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start did not come up:\n${output}`)), 60_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes('explorer')) {
        clearTimeout(timer);
        resolve({ child, output: () => output });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
  });
}

/** Signals npm, which forwards the signal to the server; resolves when npm is gone and the port is free. */
async function stop(child: ChildProcess, signal: NodeJS.Signals, port: number): Promise<void> {
  await new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill(signal);
  });
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const open = await fetch(`http://127.0.0.1:${port}/health`).then(() => true, () => false);
    if (!open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the server on ${port} is still answering after ${signal}`);
}

async function tokenFor(user: string): Promise<string> {
  const child = spawn('npm', ['run', '--silent', 'token', '--', '--user', user], { env: { ...process.env, DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  await new Promise((resolve) => child.on('exit', resolve));
  return out.trim();
}

async function graphql(port: number, authorization: string, query: string, variables: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Record<string, unknown>;
}

/** The id of a dish on a seeded restaurant's menu, as a customer reads the menu. */
async function menuItemId(port: number, token: string, restaurantId: string, dish: string): Promise<string> {
  const menu = await graphql(port, token, 'query($id: ID!) { getMenu(restaurantId: $id) { categories { items { id name } } } }', { id: restaurantId });
  const categories = (menu.data as { getMenu: { categories: { items: { id: string; name: string }[] }[] } }).getMenu.categories;
  const item = categories.flatMap((category) => category.items).find((candidate) => candidate.name === dish);
  if (!item) throw new Error(`${restaurantId} has no ${dish}: ${JSON.stringify(menu)}`);
  return item.id;
}

describe('npm start', () => {
  it('serves /health, keeps orders across a SIGTERM and a SIGINT restart', async () => {
    const port = await portForRestarts();
    const first = await start(port);
    const health = (await (await fetch(`http://127.0.0.1:${port}/health`)).json()) as Record<string, string>;
    expect(health).toMatchObject({
      graphql: `http://localhost:${port}/graphql`,
      realtime: `ws://localhost:${port}/graphql/realtime`,
      cognito: `http://localhost:${port}/cognito`,
    });
    expect(health.userPoolId).toMatch(/^[a-z]{2}-[a-z]+-\d_\w+$/);
    expect(health.userPoolClientId).toBeTruthy();
    expect(health.jwks).toContain('/.well-known/jwks.json');
    // The web client, and the config it reads to reach this server.
    expect(health.app).toBe(`http://localhost:${port}/app/`);
    expect(await (await fetch(`http://127.0.0.1:${port}/app/`)).text()).toContain('<div id="root">');
    expect(await (await fetch(`http://127.0.0.1:${port}/app/config.json`)).json()).toMatchObject({ graphqlUrl: health.graphql, userPoolEndpoint: health.cognito });
    // The wiring has the API_KEY mode: a key made on the first start (365 days), printed, in the app's config, accepted.
    const apiKey = /^ {2}apiKey +(da2-[a-z0-9]{26}) \(x-api-key; created, expires /m.exec(first.output())?.[1];
    expect(apiKey).toBeDefined();
    expect(await (await fetch(`http://127.0.0.1:${port}/app/config.json`)).json()).toMatchObject({ apiKey });
    const keyed = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'x-api-key': apiKey ?? '' }, body: '{"query":"{ __typename }"}' });
    expect(keyed.status).toBe(200);

    // A second npm start on the same port says so in one line and exits, instead of a stack trace.
    const second = spawn('npm', ['start'], { env: { ...process.env, PORT: String(port), DATA_DIR: `${dataDir}-second` }, stdio: ['ignore', 'pipe', 'pipe'] });
    let refusal = '';
    second.stderr.on('data', (chunk: Buffer) => (refusal += chunk.toString()));
    expect(await new Promise((resolve) => second.on('exit', resolve))).toBe(1);
    expect(refusal).toContain(`Port ${port} on 127.0.0.1 is already in use (another npm start still running?)`);
    expect(refusal).not.toMatch(/\bat \S+ \(/);
    rmSync(`${dataDir}-second`, { recursive: true, force: true });

    // The demo customer orders from the demo catalog: the diner, open around the clock.
    const alice = await tokenFor('alice');
    const price = DEMO_RESTAURANTS.find((restaurant) => restaurant.id === 'brooklyn-diner')?.menu.find((item) => item.name === 'Classic cheeseburger')?.price;
    expect(price).toBeDefined();
    const lines = [{ menuItemId: await menuItemId(port, alice, 'brooklyn-diner', 'Classic cheeseburger'), quantity: 2 }];
    const created = await graphql(port, alice, 'mutation($input: CreateOrderInput!) { createOrder(input: $input) { id total currency } }', { input: { restaurantId: 'brooklyn-diner', lines } });
    expect(created.errors).toBeUndefined();
    const { id, ...priced } = (created.data as { createOrder: { id: string; total: number; currency: string } }).createOrder;
    expect(priced).toEqual({ total: 2 * (price ?? Number.NaN), currency: 'USD' });
    await stop(first.child, 'SIGTERM', port);
    expect(first.output()).toContain('SIGTERM: shutting down');

    const restarted = await start(port);
    // The same key on the next start: it is still valid.
    expect(restarted.output()).toMatch(new RegExp(`^ {2}apiKey +${apiKey} \\(x-api-key; expires `, 'm'));
    const read = await graphql(port, await tokenFor('alice'), `query { getOrder(id: "${id}") { id name quantity total status } }`);
    expect(read.data).toEqual({ getOrder: { id, name: 'Classic cheeseburger', quantity: 2, total: priced.total, status: 'PENDING' } });
    await stop(restarted.child, 'SIGINT', port);
    expect(restarted.output()).toContain('SIGINT: shutting down');
  }, 180_000);
});
